/*
** dedup.c - repeated events (contract in resolve.h).
**
** A story often states one event several times ("Russia imposed
** sanctions ... The sanctions Russia imposed ..."); data sets count it
** once.  DYAD_DEDUP_STORY keeps the first of each (source, target, code,
** date) in the story and adds the others to its `repeats`;
** DYAD_DEDUP_DAY keeps the first over every story the session runs
** (Phoenix's one-a-day filter), with a hash set of 64-bit keys that grows
** as needed; DYAD_DEDUP_NONE keeps all.
*/
#include <stdlib.h>

#include "resolve.h"
#include "../session.h"

static uint64_t event_key(const dyad_event *e) {
    uint64_t h = dyad_mix64(dyad_fnv1a(e->source, strlen(e->source)));   /* (asymmetric) */
    h = dyad_mix64(h ^ (e->target ? dyad_fnv1a(e->target, strlen(e->target)) : 0x9e37u));
    h = dyad_mix64(h ^ dyad_fnv1a(e->code, strlen(e->code)));
    uint64_t d = (uint64_t)(uint16_t)e->date.year << 16 | (uint64_t)e->date.month << 8 |
                 e->date.day;
    return dyad_mix64(h ^ d) | 1;          /* 0 marks an empty slot */
}

static int same(const dyad_event *x, const dyad_event *y) {
    return !strcmp(x->source, y->source) && !strcmp(x->code, y->code) &&
           ((!x->target && !y->target) || (x->target && y->target && !strcmp(x->target, y->target))) &&
           x->date.year == y->date.year && x->date.month == y->date.month &&
           x->date.day == y->date.day;
}

/* Insert key k into the day set; 1 when it was new, 0 when present, -1
** when out of memory. */
static int day_insert(dyad_session *s, uint64_t k) {
    if (2 * (s->day_n + 1) > s->day_cap) {
        size_t cap = s->day_cap ? 2 * s->day_cap : 1024;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t) return -1;
        for (size_t i = 0; i < s->day_cap; i++) {
            if (!s->day_keys[i]) continue;
            size_t h = (size_t)s->day_keys[i] & (cap - 1);
            while (t[h]) h = (h + 1) & (cap - 1);
            t[h] = s->day_keys[i];
        }
        free(s->day_keys);
        s->day_keys = t;
        s->day_cap = cap;
    }
    size_t h = (size_t)k & (s->day_cap - 1);
    for (; s->day_keys[h]; h = (h + 1) & (s->day_cap - 1))
        if (s->day_keys[h] == k) return 0;
    s->day_keys[h] = k;
    s->day_n++;
    return 1;
}

int res_dedup(dyad_session *s) {
    int mode = s->e->opt.dedup;
    if (mode == DYAD_DEDUP_NONE) return 0;
    size_t w = 0;
    for (size_t i = 0; i < s->events.n; i++) {
        dyad_event *e = &DVEC_AT(&s->events, dyad_event, i);
        int keep = 1;
        if (mode == DYAD_DEDUP_DAY) {
            int r = day_insert(s, event_key(e));
            if (r < 0) return -1;
            keep = r;
        } else {
            for (size_t k = 0; k < w && keep; k++) {
                dyad_event *f = &DVEC_AT(&s->events, dyad_event, k);
                if (same(f, e)) {
                    f->repeats++;
                    keep = 0;
                }
            }
        }
        if (keep) DVEC_AT(&s->events, dyad_event, w++) = *e;
    }
    s->events.n = w;
    return 0;
}

void res_session_free(dyad_session *s) {
    free(s->day_keys);
    s->day_keys = NULL;
    s->day_cap = s->day_n = 0;
}
