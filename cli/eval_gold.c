/*
** eval_gold.c - reading for `dyad eval`: the gold files of EVALUATION.md
** (common form {"id","text","date","events":[...]} with set-specific event
** fields) and files of coded events, the output of `dyad code`.
**
** Which set a gold file is comes from --set, else its file name, else the
** fields of its first record.  Per set, a gold event keeps what the metrics
** read: CAMEO manual the code and actor-code lists, PLOVER the actor objects
** ({code, sector}), Multi-CoPED penta_class, ConfliBERT the roots chosen by
** more than half of the coders (or "no event" when more than half found none;
** a sentence with neither is skipped).
*/
#include "eval.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

/* ---------------------------------------------------------------- pool */

#define POOL_CHUNK 65536

struct eval_chunk {
    eval_chunk *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

void *eval_pool_alloc(eval_pool *p, size_t n) {
    const size_t a = alignof(max_align_t);
    n = (n + a - 1) / a * a;
    eval_chunk *c = p->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > POOL_CHUNK ? n : POOL_CHUNK;
        c = malloc(sizeof *c + cap);
        if (!c) return NULL;
        c->used = 0;
        c->cap = cap;
        c->next = p->head;
        p->head = c;
    }
    void *r = c->data + c->used;
    c->used += n;
    return r;
}

char *eval_pool_strdup(eval_pool *p, const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = eval_pool_alloc(p, n);
    if (d) memcpy(d, s, n);
    return d;
}

void eval_pool_free(eval_pool *p) {
    while (p->head) {
        eval_chunk *c = p->head;
        p->head = c->next;
        free(c);
    }
}

/* ORDER SET */
const char *const eval_set_names[EVAL_NSETS] = {"unknown", "cameo", "plover", "multicoped",
                                                "conflibert", "timex", "geo"};
const char *const eval_set_titles[EVAL_NSETS] = {"unknown set", "CAMEO manual",
                                                 "PLOVER gold records", "Multi-CoPED",
                                                 "CAMEO_ConfliBERT", "time expressions",
                                                 "toponyms"};

/* File-name parts that tell the set (case-insensitive), in order. */
static const struct {
    const char *part;
    eval_set set;
} name_parts[] = {
    {"cameo_manual", EVAL_CAMEO}, {"plover", EVAL_PLOVER},
    {"multicoped", EVAL_MULTICOPED}, {"conflibert", EVAL_CONFLIBERT},
    {"timex", EVAL_TIMEX}, {"timebank", EVAL_TIMEX}, {"aquaint", EVAL_TIMEX},
    {"lgl", EVAL_GEO}, {"geovirus", EVAL_GEO}, {"geo", EVAL_GEO},
};

static eval_set set_from_name(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    for (size_t i = 0; i < sizeof name_parts / sizeof *name_parts; i++)
        for (const char *s = base; *s; s++)
            if (!strncasecmp(s, name_parts[i].part, strlen(name_parts[i].part)))
                return name_parts[i].set;
    return EVAL_UNKNOWN;
}

/* The set a record's fields point to: coders → ConfliBERT, penta_class →
** Multi-CoPED, actor objects → PLOVER, else CAMEO codes. */
static eval_set set_from_fields(const cJSON *o) {
    if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(o, "timexes"))) return EVAL_TIMEX;
    if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(o, "toponyms"))) return EVAL_GEO;
    if (cJSON_GetObjectItemCaseSensitive(o, "coders") ||
        cJSON_GetObjectItemCaseSensitive(o, "consensus_no_event"))
        return EVAL_CONFLIBERT;
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(o, "events")) {
        if (cJSON_GetObjectItemCaseSensitive(e, "penta_class")) return EVAL_MULTICOPED;
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(e, "source");
        if (cJSON_IsArray(s) && cJSON_IsObject(cJSON_GetArrayItem(s, 0))) return EVAL_PLOVER;
    }
    return EVAL_CAMEO;
}

/* ------------------------------------------------------------ gold events */

/* Reading one line: the line's pool, where to say what is wrong. */
typedef struct gold_ctx {
    eval_pool *pool;
    const char *err;            /* first problem found, or NULL */
    int oom;
} gold_ctx;

static const char *gstr(gold_ctx *g, const char *s) {
    const char *d = eval_pool_strdup(g->pool, s);
    if (s && !d) g->oom = 1;
    return d;
}

static void *galloc(gold_ctx *g, size_t n) {
    void *p = eval_pool_alloc(g->pool, n ? n : 1);
    if (!p) g->oom = 1;
    return p;
}

/* Actor codes from a string, a list of strings (CAMEO manual) or a list of
** {code, sector} objects (PLOVER); null or absent is none. */
static const eval_actor *gold_actors(gold_ctx *g, const cJSON *v, size_t *n) {
    *n = 0;
    if (!v || cJSON_IsNull(v)) return NULL;
    size_t cap = cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 1;
    eval_actor *a = galloc(g, cap * sizeof *a);
    if (!a) return NULL;
    const cJSON *it = cJSON_IsArray(v) ? v->child : v;
    for (; it; it = cJSON_IsArray(v) ? it->next : NULL) {
        const cJSON *code = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "code") : it;
        const cJSON *sec = cJSON_IsObject(it) ? cJSON_GetObjectItemCaseSensitive(it, "sector") : NULL;
        if (cJSON_IsNull(code)) continue;
        if (!cJSON_IsString(code)) {
            g->err = "an actor code is not a string";
            return NULL;
        }
        a[*n].code = gstr(g, code->valuestring);
        a[*n].sector = cJSON_IsString(sec) && strcmp(sec->valuestring, "***") != 0
                           ? gstr(g, sec->valuestring) : NULL;
        ++*n;
    }
    return a;
}

/* The gold events of a CAMEO manual, PLOVER or Multi-CoPED record. */
static eval_gold *gold_events(gold_ctx *g, eval_set set, const cJSON *events, size_t *n) {
    *n = 0;
    if (!cJSON_IsArray(events)) {
        g->err = "\"events\" is not a list";
        return NULL;
    }
    eval_gold *ev = galloc(g, (size_t)cJSON_GetArraySize(events) * sizeof *ev);
    const cJSON *e;
    cJSON_ArrayForEach(e, events) {
        if (!ev) return NULL;
        if (!cJSON_IsObject(e)) {
            g->err = "an event is not an object";
            return NULL;
        }
        eval_gold *d = &ev[(*n)++];
        memset(d, 0, sizeof *d);
        d->penta = -1;
        /* PLOVER's "code" is the PLOVER category; its CAMEO code is cameo_code. */
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, set == EVAL_PLOVER ? "cameo_code" : "code");
        if (cJSON_IsString(code)) d->code = gstr(g, code->valuestring);
        else if (code && !cJSON_IsNull(code)) g->err = "an event code is not a string";
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(e, "penta_class");
        if (cJSON_IsNumber(p) && p->valuedouble >= 0 && p->valuedouble <= 4 &&
            p->valuedouble == (double)p->valueint)
            d->penta = p->valueint;
        else if (set == EVAL_MULTICOPED)
            g->err = "\"penta_class\" is not a class 0..4";
        d->src = gold_actors(g, cJSON_GetObjectItemCaseSensitive(e, "source"), &d->nsrc);
        d->tgt = gold_actors(g, cJSON_GetObjectItemCaseSensitive(e, "target"), &d->ntgt);
        /* A reciprocal event ("A and B agreed") names its actors once, as
        ** sources: each is the other's target. */
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "reciprocal")) && !d->ntgt) {
            d->tgt = d->src;
            d->ntgt = d->nsrc;
        }
        if (g->err) return NULL;
    }
    return ev;
}

/* Mark in roots[] the root of each event of the list evs; 1 when there was
** one, 0 for none, -1 (g->err) when a code is no CAMEO root. */
static int event_roots(gold_ctx *g, const cJSON *evs, int roots[21]) {
    int any = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, evs) {
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, "code");
        int root = cJSON_IsString(code) ? eval_root(code->valuestring) : -1;
        if (root < 0) {
            g->err = "an event code is not a CAMEO root 01..20";
            return -1;
        }
        roots[root] = any = 1;
    }
    return any;
}

/* ConfliBERT: each coder's roots; gold = roots chosen by more than half of
** the coders, no_event when more than half chose none; neither: skipped.
** Without "coders", the file's own "events" and "consensus_no_event". */
static eval_gold *conflibert_events(gold_ctx *g, const cJSON *o, eval_record *r) {
    const cJSON *coders = cJSON_GetObjectItemCaseSensitive(o, "coders");
    int votes[21] = {0}, none = 0, ncoders = 0;
    if (coders) {
        if (!cJSON_IsObject(coders)) {
            g->err = "\"coders\" is not an object";
            return NULL;
        }
        const cJSON *c;
        cJSON_ArrayForEach(c, coders) {
            const cJSON *evs = cJSON_GetObjectItemCaseSensitive(c, "events");
            int mine[21] = {0}, any;
            if (!cJSON_IsArray(evs)) {
                g->err = "a coder has no \"events\" list";
                return NULL;
            }
            if ((any = event_roots(g, evs, mine)) < 0) return NULL;
            for (int k = 1; k <= 20; k++) votes[k] += mine[k];
            none += !any;
            ncoders++;
        }
    } else {
        const cJSON *evs = cJSON_GetObjectItemCaseSensitive(o, "events");
        if (!cJSON_IsArray(evs)) {
            g->err = "neither \"coders\" nor an \"events\" list";
            return NULL;
        }
        if (event_roots(g, evs, votes) < 0) return NULL;
        ncoders = 1;
        none = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "consensus_no_event"));
    }
    size_t n = 0;
    for (int k = 1; k <= 20; k++) n += 2 * votes[k] > ncoders;
    eval_gold *ev = galloc(g, n * sizeof *ev);
    if (!ev) return NULL;
    r->ngold = 0;
    for (int k = 1; k <= 20; k++) {
        if (2 * votes[k] <= ncoders) continue;
        char code[3] = {(char)('0' + k / 10), (char)('0' + k % 10), 0};
        eval_gold *d = &ev[r->ngold++];
        memset(d, 0, sizeof *d);
        d->code = gstr(g, code);
        d->penta = -1;
    }
    r->no_event = !r->ngold && 2 * none > ncoders;
    r->skipped = !r->ngold && !r->no_event;
    return ev;
}

/* Byte offset of character offset ch in the UTF-8 string z of n bytes
** (gold offsets count characters, dyad's bytes); n when past the end. */
static size_t byte_offset(const char *z, size_t n, size_t ch) {
    size_t i = 0;
    for (size_t c = 0; i < n && c < ch; c++) {
        i++;
        while (i < n && ((unsigned char)z[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* The gold DATE expressions of a timex record that the metric counts:
** not the creation time, not unanchored (XXXX) values. */
static eval_timex *gold_timexes(gold_ctx *g, const cJSON *o, const char *text, size_t *n) {
    *n = 0;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(o, "timexes");
    if (!cJSON_IsArray(list)) {
        g->err = "\"timexes\" is not a list";
        return NULL;
    }
    eval_timex *tx = galloc(g, (size_t)cJSON_GetArraySize(list) * sizeof *tx);
    size_t len = strlen(text);
    const cJSON *t;
    cJSON_ArrayForEach(t, list) {
        if (!tx) return NULL;
        const cJSON *type = cJSON_GetObjectItemCaseSensitive(t, "type");
        const cJSON *value = cJSON_GetObjectItemCaseSensitive(t, "value");
        const cJSON *fn = cJSON_GetObjectItemCaseSensitive(t, "functionInDocument");
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(t, "start");
        const cJSON *b = cJSON_GetObjectItemCaseSensitive(t, "end");
        if (!cJSON_IsString(type) || !cJSON_IsString(value) || !cJSON_IsNumber(a) ||
            !cJSON_IsNumber(b) || a->valuedouble < 0 || b->valuedouble < a->valuedouble) {
            g->err = "a timex lacks type, value, start or end";
            return NULL;
        }
        if (strcmp(type->valuestring, "DATE") != 0) continue;
        if (cJSON_IsString(fn) && (!strcmp(fn->valuestring, "CREATION_TIME") ||
                                   !strcmp(fn->valuestring, "PUBLICATION_TIME")))
            continue;
        if (!strncmp(value->valuestring, "XXXX", 4)) continue;
        eval_timex *x = &tx[(*n)++];
        x->start = byte_offset(text, len, (size_t)a->valuedouble);
        x->end = byte_offset(text, len, (size_t)b->valuedouble);
        x->value = gstr(g, value->valuestring);
    }
    return tx;
}

/* The gold toponyms of a geo record, each with its coordinates when it
** has them (the recall counts only those; precision counts any). */
static eval_place *gold_places(gold_ctx *g, const cJSON *o, const char *text, size_t *n) {
    *n = 0;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(o, "toponyms");
    if (!cJSON_IsArray(list)) {
        g->err = "\"toponyms\" is not a list";
        return NULL;
    }
    eval_place *pl = galloc(g, (size_t)cJSON_GetArraySize(list) * sizeof *pl + 1);
    size_t len = strlen(text);
    const cJSON *t;
    cJSON_ArrayForEach(t, list) {
        if (!pl) return NULL;
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(t, "start");
        const cJSON *b = cJSON_GetObjectItemCaseSensitive(t, "end");
        const cJSON *lat = cJSON_GetObjectItemCaseSensitive(t, "lat");
        const cJSON *lon = cJSON_GetObjectItemCaseSensitive(t, "lon");
        if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b) || a->valuedouble < 0 ||
            b->valuedouble < a->valuedouble) {
            g->err = "a toponym lacks start or end";
            return NULL;
        }
        eval_place *x = &pl[(*n)++];
        x->start = byte_offset(text, len, (size_t)a->valuedouble);
        x->end = byte_offset(text, len, (size_t)b->valuedouble);
        x->has_coords = cJSON_IsNumber(lat) && cJSON_IsNumber(lon);
        x->lat = x->has_coords ? lat->valuedouble : 0;
        x->lon = x->has_coords ? lon->valuedouble : 0;
    }
    return pl;
}

/* Fill r from the gold object o.  Returns 0, or -1 with g->err or g->oom. */
static int gold_record(gold_ctx *g, eval_set set, const cJSON *o, eval_record *r) {
    memset(r, 0, sizeof *r);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
    if (!cJSON_IsString(id) || !id->valuestring[0]) g->err = "\"id\" is not a non-empty string";
    else if (!cJSON_IsString(text)) g->err = "\"text\" is not a string";
    else if (date && !cJSON_IsNull(date) && !cJSON_IsString(date)) g->err = "\"date\" is not a string";
    if (g->err) return -1;
    r->id = gstr(g, id->valuestring);
    r->text = gstr(g, text->valuestring);
    r->date = cJSON_IsString(date) ? gstr(g, date->valuestring) : NULL;
    if (set == EVAL_TIMEX) r->gtx = gold_timexes(g, o, text->valuestring, &r->ngtx);
    else if (set == EVAL_GEO) r->gpl = gold_places(g, o, text->valuestring, &r->ngpl);
    else if (set == EVAL_CONFLIBERT) r->gold = conflibert_events(g, o, r);
    else r->gold = gold_events(g, set, cJSON_GetObjectItemCaseSensitive(o, "events"), &r->ngold);
    return g->err || g->oom ? -1 : 0;
}

/* ----------------------------------------------------------------- lines */

/* Calls fn(ctx, object, lineno) for each non-blank line of path that parses
** as a JSON object; a line that does not is reported and counted in *nbad.
** fn returns 0, or -1 to stop (out of memory).  Returns 0, or -1 when the
** file cannot be opened or read, or fn stopped. */
typedef int (*line_fn)(void *ctx, const cJSON *o, size_t lineno);

static int each_line(const char *path, line_fn fn, void *ctx, size_t *nbad) {
    FILE *fp = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!fp) {
        fprintf(stderr, "dyad eval: error: %s: cannot open\n", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int rc = 0;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        size_t k = 0;
        while (k < (size_t)len && strchr(" \t\r\n", line[k])) k++;
        if (k == (size_t)len) continue;
        cJSON *o = cJSON_ParseWithLength(line, (size_t)len);
        if (!cJSON_IsObject(o)) {
            fprintf(stderr, "dyad eval: error: %s:%zu: not a JSON object\n", path, lineno);
            ++*nbad;
        } else if (fn(ctx, o, lineno) < 0) {
            fprintf(stderr, "dyad eval: error: %s:%zu: out of memory\n", path, lineno);
            rc = -1;
        }
        cJSON_Delete(o);
        if (rc < 0) break;
    }
    if (rc == 0 && ferror(fp)) {
        fprintf(stderr, "dyad eval: error: %s: read error\n", path);
        rc = -1;
    }
    free(line);
    if (fp != stdin) fclose(fp);
    return rc;
}

/* The array p of *cap items of size bytes with room for item n: p, or p
** grown (doubled).  NULL when out of memory (p is still valid). */
static void *grow(void *p, size_t *cap, size_t n, size_t size) {
    if (n < *cap) return p;
    size_t c = *cap ? 2 * *cap : 64;
    void *q = realloc(p, c * size);
    if (q) *cap = c;
    return q;
}

static int gold_line(void *ctx, const cJSON *o, size_t lineno) {
    eval_file *f = ctx;
    if (f->set == EVAL_UNKNOWN) {
        f->set = set_from_fields(o);
        f->set_from = "fields";
    }
    eval_record *rec = grow(f->rec, &f->cap, f->nrec, sizeof *rec);
    if (!rec) return -1;
    f->rec = rec;
    gold_ctx g = {&f->pool, NULL, 0};
    if (gold_record(&g, f->set, o, &f->rec[f->nrec]) == 0) {
        f->nrec++;
        return 0;
    }
    if (g.oom) return -1;
    fprintf(stderr, "dyad eval: error: %s:%zu: %s\n", f->path, lineno, g.err);
    f->nbad++;
    return 0;
}

int eval_gold_read(const char *path, eval_set forced, eval_file *f) {
    memset(f, 0, sizeof *f);
    f->path = path;
    f->set = forced;
    f->set_from = forced ? "--set" : "-";
    if (!forced && (f->set = set_from_name(path)) != EVAL_UNKNOWN) f->set_from = "file name";
    return each_line(path, gold_line, f, &f->nbad);
}

void eval_file_free(eval_file *f) {
    free(f->rec);
    eval_pool_free(&f->pool);
    memset(f, 0, sizeof *f);
}

/* ----------------------------------------------------------- coded files */

typedef struct coded_ctx {
    eval_coded *c;
    const char *path;
} coded_ctx;

/* Append an event of story id (code NULL: the story, with no event). */
static int coded_push(eval_coded *c, const char *id, const cJSON *e, size_t lineno) {
    eval_event *ev = grow(c->ev, &c->cap, c->n, sizeof *ev);
    if (!ev) return -1;
    c->ev = ev;
    eval_event *d = &c->ev[c->n];
    memset(d, 0, sizeof *d);
    d->line = lineno;
    d->story_id = eval_pool_strdup(&c->pool, id);
    if (!d->story_id) return -1;
    if (e) {
        const cJSON *src = cJSON_GetObjectItemCaseSensitive(e, "source");
        const cJSON *tgt = cJSON_GetObjectItemCaseSensitive(e, "target");
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, "code");
        d->source = cJSON_IsString(src) ? eval_pool_strdup(&c->pool, src->valuestring) : NULL;
        d->target = cJSON_IsString(tgt) ? eval_pool_strdup(&c->pool, tgt->valuestring) : NULL;
        d->code = eval_pool_strdup(&c->pool, code->valuestring);
        if (!d->code || (cJSON_IsString(src) && !d->source) || (cJSON_IsString(tgt) && !d->target))
            return -1;
    }
    c->n++;
    return 0;
}

static int coded_line(void *ctx, const cJSON *o, size_t lineno) {
    coded_ctx *x = ctx;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "story_id");
    const cJSON *events = cJSON_GetObjectItemCaseSensitive(o, "events");
    const char *err = NULL;
    if (!cJSON_IsString(id)) err = "\"story_id\" is not a string";
    else if (events && !cJSON_IsArray(events)) err = "\"events\" is not a list";
    else if (!events && !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "code")))
        err = "an event line without a string \"code\"";
    if (err) {
        fprintf(stderr, "dyad eval: error: %s:%zu: %s\n", x->path, lineno, err);
        x->c->nbad++;
        return 0;
    }
    if (!events) return coded_push(x->c, id->valuestring, o, lineno);
    if (coded_push(x->c, id->valuestring, NULL, lineno) < 0) return -1;
    const cJSON *e;
    cJSON_ArrayForEach(e, events) {
        if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(e, "code"))) {
            fprintf(stderr, "dyad eval: error: %s:%zu: an event without a string \"code\"\n",
                    x->path, lineno);
            x->c->nbad++;
            continue;
        }
        if (coded_push(x->c, id->valuestring, e, lineno) < 0) return -1;
    }
    return 0;
}

/* By story id; within one, the story marks (code NULL) first, then lines. */
static int coded_cmp(const void *a, const void *b) {
    const eval_event *x = a, *y = b;
    int c = strcmp(x->story_id, y->story_id);
    if (c) return c;
    if ((x->code != NULL) != (y->code != NULL)) return x->code ? 1 : -1;
    return x->line < y->line ? -1 : x->line > y->line;
}

int eval_coded_read(const char *path, eval_coded *c) {
    coded_ctx x = {c, path};
    int rc = each_line(path, coded_line, &x, &c->nbad);
    if (c->n) qsort(c->ev, c->n, sizeof *c->ev, coded_cmp);
    return rc;
}

/* Index of the first event of story id, or c->n when there is none. */
static size_t coded_find(const eval_coded *c, const char *id) {
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(c->ev[mid].story_id, id) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < c->n && !strcmp(c->ev[lo].story_id, id) ? lo : c->n;
}

void eval_coded_attach(eval_coded *c, eval_file *f) {
    for (size_t i = 0; i < f->nrec; i++) {
        eval_record *r = &f->rec[i];
        size_t k = coded_find(c, r->id);
        r->ev = NULL;
        r->nev = 0;
        for (; k < c->n && !strcmp(c->ev[k].story_id, r->id); k++) {
            c->ev[k].used = 1;
            if (!c->ev[k].code) continue;
            if (!r->ev) r->ev = &c->ev[k];
            r->nev++;
        }
    }
}

size_t eval_coded_warn_unused(const eval_coded *c, const char *path) {
    size_t n = 0;
    for (size_t k = 0; k < c->n; k++) {
        if (c->ev[k].used || (k > 0 && !strcmp(c->ev[k - 1].story_id, c->ev[k].story_id)))
            continue;
        fprintf(stderr, "dyad eval: warning: %s:%zu: story '%s' is in no gold file\n", path,
                c->ev[k].line, c->ev[k].story_id);
        n++;
    }
    return n;
}

void eval_coded_free(eval_coded *c) {
    free(c->ev);
    eval_pool_free(&c->pool);
    memset(c, 0, sizeof *c);
}
