/*
** set.c - the compiled dictionary set (dyad_dict): the builder's entries
** plus a phrase index keyed by first word, with stem (prefix) and exact word
** matching and date-restricted code choice.  Immutable after
** dyad_dict_load(); lookups allocate only their result.
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../output/output.h"
#include "builder.h"

/* A phrase in the index: which entry, which of its names. */
enum { REF_ACTOR, REF_AGENT, REF_VERB, REF_FORM, REF_DISCARD, REF_ISSUE, REF_SYNSET };
static const char *const ref_kind_names[] = {"actor", "agent", "verb", "verb", "discard",
                                             "issue", "synset"};

typedef struct ref {
    uint8_t  kind;      /* REF_* */
    uint8_t  nwords;    /* words of the phrase (255: more) */
    char     w1;        /* first byte of its second word, 0 when none */
    uint32_t entry;     /* index in the builder's vector */
    uint32_t name;      /* which phrase of the entry */
    uint32_t next;      /* next ref with the same first word, or UINT32_MAX */
    uint32_t next2;     /* next in its bucket of a long list (see slot.sub) */
} ref;

typedef struct slot {
    const char *word;   /* first word (builder-owned), NULL = empty */
    uint32_t head;      /* first ref */
    uint32_t hash;      /* low bits of the word's FNV-1a hash */
    uint32_t sub;       /* long lists ("MINISTER ..."): index of 64 bucket
                        ** heads in dyad_dict.sub, by the first byte of the
                        ** second word (& 63; 0 also holds one-word
                        ** phrases); UINT32_MAX: walk the list */
} slot;

struct dyad_dict {
    dict_builder *b;
    size_t *pat_first;  /* per verb: first pattern index (patterns grouped) */
    size_t *pat_count;  /* per verb: number of patterns */
    size_t *pat_order;  /* pattern indexes grouped by verb, file order within */
    slot   *slots;      /* open addressing, power of two */
    size_t  nslots, nwords;
    ref    *refs;
    size_t  nrefs, caprefs;
    double  load_seconds;
    uint32_t *sub;      /* bucket heads of long lists, 64 per list */
    size_t   nsub;
    int      gaps;      /* TABARI: words of an actor or agent phrase joined by a
                        ** space (not '_') may have other words between them
                        ** ("AL GORE" matches 'Al "The Weasel" Gore') */
    uint64_t stem_lens; /* bit l (63: longer): some first word of l bytes
                        ** matches as a stem (a shorter prefix of a token
                        ** can only match such words) */
};

/* Slot of word z[0..n) whose FNV-1a hash is h: its own or the empty one
** where it would go. */
static slot *find_slot_h(const dyad_dict *d, const char *z, size_t n, uint64_t h) {
    size_t mask = d->nslots - 1;
    size_t i = (size_t)h & mask;
    for (;;) {
        slot *s = &d->slots[i];
        if (!s->word || (s->hash == (uint32_t)h && strncmp(s->word, z, n) == 0 &&
                         s->word[n] == 0))
            return s;
        i = (i + 1) & mask;
    }
}

static slot *find_slot(const dyad_dict *d, const char *z, size_t n) {
    return find_slot_h(d, z, n, dyad_fnv1a(z, n));
}

static int add_ref(dyad_dict *d, const dict_phrase *p, int kind, size_t entry, size_t name) {
    if (!p || p->nwords == 0) return 0;
    if (d->nrefs == d->caprefs) {
        size_t cap = d->caprefs ? d->caprefs * 2 : 4096;
        ref *r = realloc(d->refs, cap * sizeof *r);
        if (!r) return -1;
        d->refs = r;
        d->caprefs = cap;
    }
    const char *w = p->words[0];
    size_t wl = strlen(w);
    uint64_t h = dyad_fnv1a(w, wl);
    slot *s = find_slot_h(d, w, wl, h);
    if (!s->word) {
        s->word = w;
        s->head = UINT32_MAX;
        s->hash = (uint32_t)h;
        s->sub = UINT32_MAX;
        d->nwords++;
    }
    if (!(p->exact && p->exact[0])) d->stem_lens |= 1ull << (wl < 63 ? wl : 63);
    ref *r = &d->refs[d->nrefs];
    r->kind = (uint8_t)kind;
    r->nwords = (uint8_t)(p->nwords < 255 ? p->nwords : 255);
    r->w1 = p->nwords > 1 ? p->words[1][0] : 0;
    r->entry = (uint32_t)entry;
    r->name = (uint32_t)name;
    r->next = s->head;
    s->head = (uint32_t)d->nrefs++;
    return 0;
}

static size_t count_phrases(const dict_builder *b) {
    size_t n = b->discards.n + b->issues.n;
    for (size_t i = 0; i < b->actors.n; i++) n += DVEC_AT(&b->actors, b_actor, i).nnames;
    for (size_t i = 0; i < b->agents.n; i++) n += DVEC_AT(&b->agents, b_agent, i).nnames;
    for (size_t i = 0; i < b->verbs.n; i++) n += 1 + DVEC_AT(&b->verbs, b_verb, i).nforms;
    for (size_t i = 0; i < b->synsets.n; i++) n += DVEC_AT(&b->synsets, b_synset, i).nmembers;
    return n;
}

/* Build the index.  Refs are pushed in reverse so that each word's list
** runs in file order. */
static int build_index(dyad_dict *d) {
    const dict_builder *b = d->b;
    size_t n = count_phrases(b);
    d->nslots = 1024;
    while (d->nslots < n * 2) d->nslots *= 2;
    d->slots = calloc(d->nslots, sizeof *d->slots);
    if (!d->slots) return -1;
    int rc = 0;
    for (size_t i = b->synsets.n; i-- > 0;) {
        const b_synset *s = &DVEC_AT(&b->synsets, b_synset, i);
        for (size_t k = s->nmembers; k-- > 0;) rc |= add_ref(d, &s->members[k], REF_SYNSET, i, k);
    }
    for (size_t i = b->issues.n; i-- > 0;)
        rc |= add_ref(d, &DVEC_AT(&b->issues, b_issue, i).phrase, REF_ISSUE, i, 0);
    for (size_t i = b->discards.n; i-- > 0;)
        rc |= add_ref(d, &DVEC_AT(&b->discards, b_discard, i).phrase, REF_DISCARD, i, 0);
    for (size_t i = b->verbs.n; i-- > 0;) {
        const b_verb *v = &DVEC_AT(&b->verbs, b_verb, i);
        for (size_t k = v->nforms; k-- > 0;) rc |= add_ref(d, &v->forms[k], REF_FORM, i, k);
        rc |= add_ref(d, &v->verb, REF_VERB, i, 0);
    }
    for (size_t i = b->agents.n; i-- > 0;) {
        const b_agent *a = &DVEC_AT(&b->agents, b_agent, i);
        for (size_t k = a->nnames; k-- > 0;) rc |= add_ref(d, &a->names[k], REF_AGENT, i, k);
    }
    for (size_t i = b->actors.n; i-- > 0;) {
        const b_actor *a = &DVEC_AT(&b->actors, b_actor, i);
        for (size_t k = a->nnames; k-- > 0;) rc |= add_ref(d, &a->names[k], REF_ACTOR, i, k);
    }
    return rc;
}

/* Buckets for the long lists, in list (file) order. */
static int build_buckets(dyad_dict *d) {
    size_t nlong = 0;
    if (d->gaps) return 0;      /* TABARI: a second word may come later; walk it all */
    for (size_t i = 0; i < d->nslots; i++) {
        size_t k = 0;
        if (!d->slots[i].word) continue;
        for (uint32_t r = d->slots[i].head; r != UINT32_MAX && k <= 16; r = d->refs[r].next) k++;
        nlong += k > 16;
    }
    if (!nlong) return 0;
    d->sub = malloc(nlong * 64 * sizeof *d->sub);
    if (!d->sub) return -1;
    for (size_t i = 0; i < d->nslots; i++) {
        slot *s = &d->slots[i];
        size_t k = 0;
        if (!s->word) continue;
        for (uint32_t r = s->head; r != UINT32_MAX && k <= 16; r = d->refs[r].next) k++;
        if (k <= 16) continue;
        uint32_t *heads = d->sub + d->nsub * 64, tails[64];
        for (int b = 0; b < 64; b++) heads[b] = tails[b] = UINT32_MAX;
        for (uint32_t r = s->head; r != UINT32_MAX; r = d->refs[r].next) {
            int b = d->refs[r].w1 & 63;
            d->refs[r].next2 = UINT32_MAX;
            if (tails[b] == UINT32_MAX) heads[b] = r;
            else d->refs[tails[b]].next2 = r;
            tails[b] = r;
        }
        s->sub = (uint32_t)d->nsub++;
    }
    return 0;
}

/* Group patterns by verb (counting sort, stable). */
static int group_patterns(dyad_dict *d) {
    const dict_builder *b = d->b;
    size_t nv = b->verbs.n, np = b->patterns.n;
    d->pat_first = calloc(nv + 1, sizeof *d->pat_first);
    d->pat_count = calloc(nv + 1, sizeof *d->pat_count);
    d->pat_order = calloc(np + 1, sizeof *d->pat_order);
    if (!d->pat_first || !d->pat_count || !d->pat_order) return -1;
    for (size_t i = 0; i < np; i++) {
        size_t v = DVEC_AT(&b->patterns, b_pattern, i).verb;
        if (v < nv) d->pat_count[v]++;
    }
    size_t acc = 0;
    for (size_t v = 0; v < nv; v++) {
        d->pat_first[v] = acc;
        acc += d->pat_count[v];
    }
    size_t *fill = calloc(nv + 1, sizeof *fill);
    if (!fill) return -1;
    for (size_t i = 0; i < np; i++) {
        size_t v = DVEC_AT(&b->patterns, b_pattern, i).verb;
        if (v < nv) d->pat_order[d->pat_first[v] + fill[v]++] = i;
    }
    free(fill);
    return 0;
}

const dict_builder *dict_entries(const dyad_dict *d) { return d->b; }

size_t dict_pattern_at(const dyad_dict *d, size_t k) { return d->pat_order[k]; }

size_t dict_verb_patterns(const dyad_dict *d, size_t v, size_t *first) {
    if (v >= d->b->verbs.n) { *first = 0; return 0; }
    *first = d->pat_first[v];
    return d->pat_count[v];
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* PETRARCH matches words whole (its readers form plurals and inflections),
** TABARI as stems: in a set read from PETRARCH files every actor, agent,
** verb, discard and issue word is made exact. */
static void exact_phrases(dict_builder *b, dict_phrase *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        uint8_t *ex = arena_alloc(&b->arena, p[i].nwords + 1);
        if (!ex) return;
        for (size_t k = 0; k < p[i].nwords; k++)
            ex[k] = p[i].exact && p[i].exact[k] ? p[i].exact[k] : 1;
        p[i].exact = ex;
    }
}

static void whole_words(dict_builder *b) {
    for (size_t i = 0; i < b->actors.n; i++) {
        b_actor *a = &DVEC_AT(&b->actors, b_actor, i);
        exact_phrases(b, a->names, a->nnames);
    }
    for (size_t i = 0; i < b->agents.n; i++) {
        b_agent *a = &DVEC_AT(&b->agents, b_agent, i);
        exact_phrases(b, a->names, a->nnames);
    }
    /* PETRARCH's verb forms are whole words too (its readers list or form
    ** every inflection), and so are discard and issue phrases. */
    for (size_t i = 0; i < b->verbs.n; i++) {
        b_verb *v = &DVEC_AT(&b->verbs, b_verb, i);
        exact_phrases(b, &v->verb, 1);
        exact_phrases(b, v->forms, v->nforms);
    }
    for (size_t i = 0; i < b->discards.n; i++)
        exact_phrases(b, &DVEC_AT(&b->discards, b_discard, i).phrase, 1);
    /* PETRARCH-1's pattern words and synset members too (PETRARCH-2 sets
    ** keep stem matching there: measured better on real news with
    ** CAMEO.2.0) */
    if (b->verbs_dialect != DICT_PETRARCH1) return;
    for (size_t i = 0; i < b->patterns.n; i++) {
        b_pattern *p = &DVEC_AT(&b->patterns, b_pattern, i);
        for (size_t k = 0; k < p->n; k++)
            if (p->el[k].kind == PE_WORD && !p->el[k].exact) p->el[k].exact = 1;
    }
    for (size_t i = 0; i < b->synsets.n; i++) {
        b_synset *sy = &DVEC_AT(&b->synsets, b_synset, i);
        exact_phrases(b, sy->members, sy->nmembers);
    }
    for (size_t i = 0; i < b->issues.n; i++)
        exact_phrases(b, &DVEC_AT(&b->issues, b_issue, i).phrase, 1);
}

dyad_status dyad_dict_load(const char *const *paths, size_t n, dyad_dict **out) {
    double t0 = now();
    *out = NULL;
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d) return DYAD_NOMEM;
    d->b = dict_builder_new();
    if (!d->b) { free(d); return DYAD_NOMEM; }
    for (size_t i = 0; i < n; i++) {
        dict_kind k = dict_guess_kind(paths[i]);
        if (k == DICT_PROJECT || k == DICT_CONFIG) dict_read_config(d->b, paths[i]);
        else dict_read_file(d->b, paths[i], k);
    }
    if (d->b->petrarch_words) whole_words(d->b);
    else d->gaps = 1;
    if (d->b->arena.oom || build_index(d) < 0) {
        dyad_dict_free(d);
        return DYAD_NOMEM;
    }
    if (build_buckets(d) < 0 || group_patterns(d) < 0) {
        dyad_dict_free(d);
        return DYAD_NOMEM;
    }
    d->load_seconds = now() - t0;
    *out = d;
    return DYAD_OK;
}

const char *dyad_dict_kind(const char *path) { return dict_kind_name(dict_guess_kind(path)); }

void dyad_dict_free(dyad_dict *d) {
    if (!d) return;
    dict_builder_free(d->b);
    free(d->slots);
    free(d->refs);
    free(d->sub);
    free(d->pat_first);
    free(d->pat_count);
    free(d->pat_order);
    free(d);
}

size_t dyad_dict_message_count(const dyad_dict *d) { return dict_message_count(d->b); }
const char *dyad_dict_message(const dyad_dict *d, size_t i, int *is_error) {
    return dict_message(d->b, i, is_error);
}
size_t dyad_dict_warning_count(const dyad_dict *d) { return dict_warning_count(d->b); }
size_t dyad_dict_error_count(const dyad_dict *d) { return dict_error_count(d->b); }

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *s) {
    const dict_builder *b = d->b;
    memset(s, 0, sizeof *s);
    s->actors = b->actors.n;
    for (size_t i = 0; i < b->actors.n; i++) s->actor_names += DVEC_AT(&b->actors, b_actor, i).nnames;
    s->agents = b->agents.n;
    for (size_t i = 0; i < b->agents.n; i++) s->agent_names += DVEC_AT(&b->agents, b_agent, i).nnames;
    s->verbs = b->verbs.n;
    for (size_t i = 0; i < b->verbs.n; i++) s->verb_forms += DVEC_AT(&b->verbs, b_verb, i).nforms;
    s->patterns = b->patterns.n;
    s->synsets = b->synsets.n;
    s->discards = b->discards.n;
    s->issues = b->issues.n;
    s->options = b->options.n;
    s->index_words = d->nwords;
    s->bytes = arena_bytes(&b->arena) + d->nslots * sizeof(slot) + d->caprefs * sizeof(ref) +
               (b->actors.cap * sizeof(b_actor) + b->agents.cap * sizeof(b_agent) +
                b->verbs.cap * sizeof(b_verb) + b->patterns.cap * sizeof(b_pattern));
    s->load_seconds = d->load_seconds;
}

/* ---------------------------------------------------------------- lookup */

static const dict_phrase *ref_phrase(const dict_builder *b, const ref *r) {
    switch (r->kind) {
    case REF_ACTOR: return &DVEC_AT(&b->actors, b_actor, r->entry).names[r->name];
    case REF_AGENT: return &DVEC_AT(&b->agents, b_agent, r->entry).names[r->name];
    case REF_VERB: return &DVEC_AT(&b->verbs, b_verb, r->entry).verb;
    case REF_FORM: return &DVEC_AT(&b->verbs, b_verb, r->entry).forms[r->name];
    case REF_DISCARD: return &DVEC_AT(&b->discards, b_discard, r->entry).phrase;
    case REF_ISSUE: return &DVEC_AT(&b->issues, b_issue, r->entry).phrase;
    default: return &DVEC_AT(&b->synsets, b_synset, r->entry).members[r->name];
    }
}

int dict_word_matches(const char *w, int exact, const char *t) {
    if (w[0] != t[0]) return w[0] == 0 && (!exact || t[0] == 0);   /* most calls end here */
    size_t n = strlen(w);
    if (strncmp(w, t, n) != 0) return 0;
    return !exact || t[n] == 0;
}
#define word_matches dict_word_matches

/* Do the words of p from the k0-th match toks[k0..p->nwords)? */
static int phrase_matches_from(const dict_phrase *p, const char *const *toks, size_t k0) {
    for (size_t k = k0; k < p->nwords; k++)     /* first bytes first: cheap rejection */
        if (p->words[k][0] != toks[k][0]) return 0;
    for (size_t k = k0; k < p->nwords; k++)
        if (!word_matches(p->words[k], p->exact ? p->exact[k] : 0, toks[k])) return 0;
    return 1;
}

/* TABARI's reading of an actor or agent phrase whose first word matched
** toks[0]: a word followed by a space (not '_') may be followed by up to
** four other tokens before the next word, not across a clause mark.
** Returns the tokens the match spans, or 0. */
static size_t phrase_span(const dict_phrase *p, const char *const *toks, size_t n) {
    size_t pos = 1;
    for (size_t k = 1; k < p->nwords; k++) {
        int joined = p->exact && p->exact[k - 1];
        /* the text may join words with '_' itself ("Dol_Amroth") */
        if (joined && pos < n && !strcmp(toks[pos], "_")) pos++;
        size_t last = joined ? pos : pos + 4;
        size_t q = pos;
        for (; q <= last && q < n; q++) {
            const char *t = toks[q];
            if (word_matches(p->words[k], p->exact ? p->exact[k] : 0, t)) break;
            if (!strcmp(t, ",") || !strcmp(t, ".") || !strcmp(t, ";") || !strcmp(t, ":") ||
                !strcmp(t, "(") || !strcmp(t, ")"))
                return 0;
        }
        if (q > last || q >= n) return 0;
        pos = q + 1;
    }
    return pos;
}

/* Do the words of p match toks[0..p->nwords)? */
static int phrase_matches(const dict_phrase *p, const char *const *toks) {
    for (size_t k = 0; k < p->nwords; k++)
        if (!word_matches(p->words[k], p->exact ? p->exact[k] : 0, toks[k])) return 0;
    return 1;
}

/* The code of an actor on date (YYYYMMDD, 0 = none), or NULL: the first
** dated code whose range holds the date, else the first undated code (the
** default, which files may list before or after the dated ones), else, with
** no date, the current code (the first whose range is open at the end: news
** without a date is most likely recent), else the first code. */
static const dict_dated *actor_code(const b_actor *a, int32_t date) {
    const dict_dated *fallback = NULL, *current = NULL;
    for (size_t i = 0; i < a->ncodes; i++) {
        const dict_dated *c = &a->codes[i];
        int undated = c->lo == DICT_DATE_MIN && c->hi == DICT_DATE_MAX;
        if (undated) {
            if (!fallback) fallback = c;
        } else if (date && c->lo <= date && date <= c->hi) {
            return c;
        } else if (!current && c->hi == DICT_DATE_MAX) {
            current = c;
        }
    }
    if (fallback) return fallback;
    if (date || !a->ncodes) return NULL;
    return current ? current : &a->codes[0];
}

static void emit_ref(dyad_buf *out, const dyad_dict *d, const ref *r, int32_t date) {
    const dict_builder *b = d->b;
    const dict_phrase *p = ref_phrase(b, r);
    dyad_buf ph = {0};
    dict_dump_phrase(&ph, p);
    dbuf_puts(out, "{\"kind\":");
    json_cstr(out, ref_kind_names[r->kind]);
    dbuf_puts(out, ",\"phrase\":");
    json_cstr(out, ph.p ? ph.p : "");
    dbuf_free(&ph);
    const char *code = NULL;
    dict_src src = {NULL, 0};
    switch (r->kind) {
    case REF_ACTOR: {
        const b_actor *a = &DVEC_AT(&b->actors, b_actor, r->entry);
        const dict_dated *c = actor_code(a, date);
        code = c ? c->code : NULL;
        src = a->src;
        if (a->nnames && r->name) {
            dyad_buf nm = {0};
            dict_dump_phrase(&nm, &a->names[0]);
            dbuf_puts(out, ",\"entry\":");
            json_cstr(out, nm.p ? nm.p : "");
            dbuf_free(&nm);
        }
        break;
    }
    case REF_AGENT: {
        const b_agent *a = &DVEC_AT(&b->agents, b_agent, r->entry);
        code = a->code;
        src = a->src;
        break;
    }
    case REF_VERB:
    case REF_FORM: {
        const b_verb *v = &DVEC_AT(&b->verbs, b_verb, r->entry);
        code = v->code;
        src = v->src;
        size_t first, np = dict_verb_patterns(d, r->entry, &first);
        dbuf_puts(out, ",\"verb\":");
        dyad_buf vb = {0};
        dict_dump_phrase(&vb, &v->verb);
        json_cstr(out, vb.p ? vb.p : "");
        dbuf_free(&vb);
        dbuf_printf(out, ",\"forms\":%zu,\"patterns\":%zu", v->nforms, np);
        break;
    }
    case REF_DISCARD: {
        const b_discard *x = &DVEC_AT(&b->discards, b_discard, r->entry);
        code = x->whole_story ? "story" : "sentence";
        src = x->src;
        break;
    }
    case REF_ISSUE: {
        const b_issue *x = &DVEC_AT(&b->issues, b_issue, r->entry);
        code = x->code;
        src = x->src;
        break;
    }
    default: {
        const b_synset *x = &DVEC_AT(&b->synsets, b_synset, r->entry);
        code = x->name;
        src = x->src;
    }
    }
    dbuf_puts(out, ",\"code\":");
    json_cstr(out, code);
    dbuf_puts(out, ",\"file\":");
    json_cstr(out, src.file);
    dbuf_printf(out, ",\"line\":%u}\n", src.line);
}

static const dict_kind ref_dict_kind[] = {DICT_ACTORS, DICT_AGENTS, DICT_VERBS, DICT_VERBS,
                                          DICT_DISCARDS, DICT_ISSUES, DICT_VERBS};

/* Fill *m from index entry hit covering len tokens. */
static void fill_match(const dyad_dict *d, const ref *hit, size_t len, int32_t date,
                       dict_match *m) {
    const dict_builder *b = d->b;
    memset(m, 0, sizeof *m);
    m->kind = ref_dict_kind[hit->kind];
    m->entry = hit->entry;
    m->ntokens = len;
    switch (hit->kind) {
    case REF_ACTOR: {
        const b_actor *a = &DVEC_AT(&b->actors, b_actor, hit->entry);
        const dict_dated *c = actor_code(a, date);
        m->code = c ? c->code : NULL;
        m->src = a->src;
        break;
    }
    case REF_AGENT:
        m->code = DVEC_AT(&b->agents, b_agent, hit->entry).code;
        m->src = DVEC_AT(&b->agents, b_agent, hit->entry).src;
        break;
    case REF_VERB:
    case REF_FORM:
        m->code = DVEC_AT(&b->verbs, b_verb, hit->entry).code;
        m->src = DVEC_AT(&b->verbs, b_verb, hit->entry).src;
        break;
    case REF_DISCARD:
        m->src = DVEC_AT(&b->discards, b_discard, hit->entry).src;
        break;
    default:
        m->code = DVEC_AT(&b->issues, b_issue, hit->entry).code;
        m->src = DVEC_AT(&b->issues, b_issue, hit->entry).src;
    }
}

/* The ref after i in slot s's list, or in its buckets (then *bucket2, the
** second bucket still to walk, is set to 0 once it is taken). */
static uint32_t next_ref(const dyad_dict *d, const slot *s, uint32_t i, int *bucket2) {
    if (s->sub == UINT32_MAX) return d->refs[i].next;
    if (d->refs[i].next2 != UINT32_MAX) return d->refs[i].next2;
    /* end of a bucket: the second one, unless it was walked (or is 0) */
    if ((d->refs[i].w1 & 63) != 0 || !*bucket2) return UINT32_MAX;
    int b = *bucket2;
    *bucket2 = 0;
    return d->sub[s->sub * 64 + b];
}

unsigned dict_longest_kinds(const dyad_dict *d, const char *const *toks, size_t n,
                            unsigned mask, int32_t date, dict_match out[DICT_KIND_COUNT]) {
    if (n == 0) return 0;
    const dict_builder *b = d->b;
    size_t best[DICT_KIND_COUNT] = {0}, span[DICT_KIND_COUNT] = {0};
    size_t bestl[DICT_KIND_COUNT] = {0};    /* bytes of toks[0] the hit's first word covers */
    const ref *hit[DICT_KIND_COUNT] = {NULL};
    size_t len0 = strlen(toks[0]);
    uint64_t h = 1469598103934665603u;      /* FNV-1a of the prefix, grown */
    for (size_t l = 1; l <= len0; l++) {
        h ^= (unsigned char)toks[0][l - 1];
        h *= 1099511628211u;
        /* a proper prefix can only match a stem word */
        if (l < len0 && !(d->stem_lens & (1ull << (l < 63 ? l : 63)))) continue;
        const slot *s = find_slot_h(d, toks[0], l, h);
        if (!s->word) continue;
        /* a long list: its bucket 0 (one-word phrases), then the bucket
        ** of the second word's first byte */
        int bucket2 = n > 1 ? (unsigned char)toks[1][0] & 63 : 0;
        uint32_t first = s->sub == UINT32_MAX ? s->head : d->sub[s->sub * 64];
        if (first == UINT32_MAX && s->sub != UINT32_MAX && bucket2) {
            first = d->sub[s->sub * 64 + bucket2];
            bucket2 = 0;
        }
        for (uint32_t i = first; i != UINT32_MAX; i = next_ref(d, s, i, &bucket2)) {
            const ref *r = &d->refs[i];
            if (r->kind == REF_SYNSET) continue;
            dict_kind k = ref_dict_kind[r->kind];
            if (!(mask & (1u << k))) continue;
            /* cheap rejections before touching the phrase */
            int gapped = d->gaps && (k == DICT_ACTORS || k == DICT_AGENTS) && r->nwords > 1;
            if (r->nwords > n || (hit[k] && (r->nwords < best[k] ||
                                             (r->nwords == best[k] && l < bestl[k]) ||
                                             (r->nwords == best[k] && l == bestl[k] &&
                                              !(hit[k]->kind == REF_FORM &&
                                                r->kind == REF_VERB)))))
                continue;
            if (!gapped && r->w1 && r->w1 != toks[1][0]) continue;
            const dict_phrase *p = ref_phrase(b, r);
            /* More words win, then a longer first word (the entry ATTACKED
            ** over the stem ATTACK), then a verb's own word over a form of
            ** another verb (PRAISES over PRAISE's regular form); among equals
            ** the first found (lists run in file order, actors before agents
            ** before verbs). */
            if (p->nwords > n) continue;
            /* the first word is toks[0]'s prefix of length l: its exactness
            ** and the other words decide */
            if (p->exact && p->exact[0] && toks[0][l] != 0) continue;
            size_t sp = p->nwords;
            if (gapped) {
                if (!(sp = phrase_span(p, toks, n))) continue;
            } else if (p->nwords > 1 && !phrase_matches_from(p, toks, 1)) {
                continue;
            }
            best[k] = p->nwords;
            bestl[k] = l;
            span[k] = sp;
            hit[k] = r;
        }
    }
    unsigned found = 0;
    for (int k = 0; k < DICT_KIND_COUNT; k++)
        if (hit[k]) {
            fill_match(d, hit[k], span[k], date, &out[k]);
            out[k].whole = bestl[k] == len0;
            found |= 1u << k;
        }
    return found;
}

int dict_longest(const dyad_dict *d, const char *const *toks, size_t n, unsigned mask,
                 int32_t date, dict_match *m) {
    dict_match all[DICT_KIND_COUNT];
    unsigned found = dict_longest_kinds(d, toks, n, mask, date, all);
    if (!found) return 0;
    /* the longest of the kinds; among equals actors, agents, verbs, ... */
    int bestk = -1;
    for (int k = 0; k < DICT_KIND_COUNT; k++)
        if ((found & (1u << k)) && (bestk < 0 || all[k].ntokens > all[bestk].ntokens)) bestk = k;
    *m = all[bestk];
    return 1;
}

char *dyad_dict_lookup(const dyad_dict *d, const char *phrase, dyad_date date) {
    /* Tokens: upper-cased, split on spaces and underscores. */
    char *copy = strdup(phrase ? phrase : "");
    if (!copy) return NULL;
    const char *tok[64];
    size_t nt = 0;
    for (char *p = copy; *p && nt < 64;) {
        while (*p == ' ' || *p == '_' || *p == '\t') *p++ = 0;
        if (!*p) break;
        tok[nt++] = p;
        while (*p && *p != ' ' && *p != '_' && *p != '\t') {
            if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
            p++;
        }
    }
    int32_t day = date.year ? date.year * 10000 + date.month * 100 + date.day : 0;
    dyad_buf out = {0};
    dbuf_reserve(&out, 64);
    if (nt) {
        size_t len0 = strlen(tok[0]);
        for (size_t l = 1; l <= len0; l++) {        /* every prefix of the first token */
            const slot *s = find_slot(d, tok[0], l);
            if (!s->word) continue;
            for (uint32_t i = s->head; i != UINT32_MAX; i = d->refs[i].next) {
                const ref *r = &d->refs[i];
                const dict_phrase *p = ref_phrase(d->b, r);
                if (p->nwords == nt && phrase_matches(p, tok)) emit_ref(&out, d, r, day);
            }
        }
    }
    free(copy);
    if (out.oom) { dbuf_free(&out); return NULL; }
    return out.p;
}

char *dyad_dict_dump(const dyad_dict *d) {
    dyad_buf out = {0};
    dbuf_reserve(&out, 64);
    dict_dump(d->b, &out);
    if (out.oom) { dbuf_free(&out); return NULL; }
    return out.p;
}
