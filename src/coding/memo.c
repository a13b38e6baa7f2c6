/*
** memo.c - what the coder derives once per session from the dictionary set
** and the engine: patterns of each verb heaviest first, synset references
** resolved, synset members bucketed by first byte, the blocks of each verb
** chained, and the coding options (a TABARI .options file, then the
** engine's coding_options lines).
*/
#include "coding.h"

#include <stdlib.h>
#include <strings.h>

static int opt_true(const char *v) {
    while (*v == ' ' || *v == '=') v++;
    return !strncasecmp(v, "TRUE", 4) || !strncasecmp(v, "ON", 2) || !strncasecmp(v, "YES", 3);
}

/* The code inside the brackets after word w in v ("SOURCE [DEFSRC]"). */
static void opt_code(const char *v, const char *w, char *out, size_t cap) {
    const char *p = strstr(v, w);
    out[0] = 0;
    if (!p || !(p = strchr(p, '['))) return;
    const char *e = strchr(++p, ']');
    if (!e) return;
    while (p < e && *p == ' ') p++;
    size_t n = (size_t)(e - p);
    while (n && p[n - 1] == ' ') n--;
    if (n >= cap) n = cap - 1;
    memcpy(out, p, n);
    out[n] = 0;
}

/* One option: key as the .options reader stores it ("COMPLEX", "DEFAULT",
** "SET:MINIMUM WORDS"), value after it. */
static void opt_apply(cod_opts *o, const char *key, const char *val) {
    if (!strcasecmp(key, "COMPLEX")) {
        const char *p;
        o->complex_verbs = (p = strstr(val, "VERBS[")) ? atoi(p + 6) : 0;
        o->complex_conj = (p = strstr(val, "CONJ[")) ? atoi(p + 5) : 0;
        o->noactprior = strstr(val, "NOACTPRIOR") != NULL;
    } else if (!strcasecmp(key, "DEFAULT")) {
        if (!strncasecmp(val, "OFF", 3)) {
            o->def_src[0] = o->def_tgt[0] = 0;
            o->def_prior = o->def_after = 0;
            return;
        }
        opt_code(val, "SOURCE", o->def_src, sizeof o->def_src);
        opt_code(val, "TARGET", o->def_tgt, sizeof o->def_tgt);
        o->def_prior = strstr(val, "PRIOR") != NULL;
        o->def_after = strstr(val, "AFTER") != NULL;
    } else if (!strcasecmp(key, "SET:MINIMUM WORDS")) {
        while (*val == ' ' || *val == '=') val++;
        o->min_words = atoi(val);
    } else if (!strcasecmp(key, "SET:TIME SHIFT")) {
        o->time_shift = opt_true(val);
    } else if (!strcasecmp(key, "SET:CODE BY CLAUSE")) {
        o->code_by = 0;
    } else if (!strcasecmp(key, "SET:CODE BY SENTENCE")) {
        o->code_by = 1;
    } else if (!strcasecmp(key, "SET:CODE ALL")) {
        o->code_by = 2;
    } else if (!strcasecmp(key, "Options:require_dyad")) {
        o->targetless = !opt_true(val);
    } else if (!strcasecmp(key, "Options:infer_country")) {
        o->infer_country = opt_true(val);
    } else if (!strcasecmp(key, "Options:coreference")) {
        o->coreference = opt_true(val);
    } else if (!strcasecmp(key, "Options:targetless_from_root")) {
        int r = atoi(val);
        o->targetless = r >= 1 && r <= 20 ? (r == 1 ? 1 : r) : 0;
    }
}

/* An option line "KEY: VALUE" or "SET: NAME = VALUE". */
static void opt_line(cod_opts *o, const char *line) {
    char key[64];
    const char *c = strchr(line, ':');
    if (!c) return;
    size_t n = (size_t)(c - line);
    while (n && line[n - 1] == ' ') n--;
    const char *v = c + 1;
    while (*v == ' ') v++;
    if (n == 3 && !strncasecmp(line, "SET", 3)) {
        const char *eq = strchr(v, '=');
        size_t m = eq ? (size_t)(eq - v) : strlen(v);
        while (m && v[m - 1] == ' ') m--;
        snprintf(key, sizeof key, "SET:%.*s", (int)m, v);
        opt_apply(o, key, eq ? eq + 1 : "");
    } else {
        snprintf(key, sizeof key, "%.*s", (int)n, line);
        opt_apply(o, key, v);
    }
}

static void opts_build(cod_opts *o, const dict_builder *b, const dyad_engine_options *eo) {
    memset(o, 0, sizeof *o);
    /* time phrases shift dates when the verbs have any (TABARI turns
    ** TIME SHIFT on by their presence) */
    for (size_t i = 0; i < b->patterns.n && !o->time_shift; i++)
        if (DVEC_AT(&b->patterns, b_pattern, i).flags & DP_TIME) o->time_shift = 1;
    /* a TABARI options file brings TABARI's default minimum sentence
    ** length, 8 words (the suite's MINWRD records reset to it) */
    for (size_t i = 0; i < b->options.n; i++) {
        const char *k = DVEC_AT(&b->options, b_option, i).key;
        if (k && (!strncasecmp(k, "SET:", 4) || !strcasecmp(k, "COMPLEX") ||
                  !strcasecmp(k, "OUTPUT") || !strcasecmp(k, "LABEL")))
            o->min_words = 8;
    }
    for (size_t i = 0; i < b->options.n; i++) {
        const b_option *op = &DVEC_AT(&b->options, b_option, i);
        if (op->key && op->value) opt_apply(o, op->key, op->value);
    }
    for (size_t i = 0; i < eo->ncoding_options; i++)
        if (eo->coding_options[i]) opt_line(o, eo->coding_options[i]);
    if (eo->no_target_ok) o->targetless = 1;            /* --no-target: all */
}

/* Resolve synset reference t (a pattern's or a member's "&NAME" text) once. */
static void synmap_add(cod_synmap *m, const dict_builder *b, const char *t) {
    size_t h = (size_t)dyad_mix64((uint64_t)(uintptr_t)t) & (m->cap - 1);
    while (m->keys[h] && m->keys[h] != t) h = (h + 1) & (m->cap - 1);
    if (m->keys[h]) return;
    uint32_t idx = UINT32_MAX;
    for (size_t j = 0; j < b->synsets.n && idx == UINT32_MAX; j++)
        if (!strcmp(DVEC_AT(&b->synsets, b_synset, j).name, t)) idx = (uint32_t)j;
    m->keys[h] = t;
    m->vals[h] = idx;
}

static uint64_t phrase_hash(const dict_phrase *p) {
    uint64_t h = 1469598103934665603u;
    for (size_t w = 0; w < p->nwords; w++) h = (h ^ dyad_fnv1a(p->words[w], strlen(p->words[w]))) * 31;
    return dyad_mix64(h);
}

static int phrase_eq(const dict_phrase *p, const dict_phrase *q) {
    if (p->nwords != q->nwords) return 0;
    for (size_t w = 0; w < p->nwords; w++)
        if (p->words[w] != q->words[w] && strcmp(p->words[w], q->words[w]) != 0) return 0;
    return 1;
}

/* Slot of the name table (open addressing over verb indexes) for phrase p:
** the entry first named so, or an empty slot. */
static size_t *name_slot(size_t *slot, size_t cap, const dict_builder *b, const dict_phrase *p) {
    size_t i = (size_t)phrase_hash(p) & (cap - 1);
    for (; slot[i] != SIZE_MAX; i = (i + 1) & (cap - 1))
        if (phrase_eq(&DVEC_AT(&b->verbs, b_verb, slot[i]).verb, p)) break;
    return &slot[i];
}

/* Verb entries of the same verb, chained in file order (entries with the
** same name); and per chain the entries of other files that list its verb
** among their forms (one file lists EXTEND in a block IMPOSE, another has a
** block EXTEND: "extended" takes both blocks' patterns, "imposed" only
** IMPOSE's). */
static int same_verbs(cod_memo *m, const dict_builder *b) {
    size_t nv = b->verbs.n, cap = 16;
    free(m->same);
    free(m->first_same);
    m->same = malloc((nv + 1) * sizeof *m->same);
    m->first_same = malloc((nv + 1) * sizeof *m->first_same);
    while (cap < nv * 2) cap *= 2;
    size_t *slot = malloc(cap * sizeof *slot), *last = malloc((nv + 1) * sizeof *last);
    if (!m->same || !m->first_same || !slot || !last) {
        free(slot);
        free(last);
        return -1;
    }
    for (size_t i = 0; i < cap; i++) slot[i] = SIZE_MAX;
    for (size_t v = 0; v < nv; v++) {
        size_t *sl = name_slot(slot, cap, b, &DVEC_AT(&b->verbs, b_verb, v).verb);
        m->same[v] = SIZE_MAX;
        m->first_same[v] = v;
        if (*sl == SIZE_MAX) {
            *sl = v;
            last[v] = v;
        } else {
            size_t f = *sl;
            m->same[last[f]] = v;
            last[f] = v;
            m->first_same[v] = f;
        }
    }
    /* forms naming other files' entries: pairs (chain head, entry), counted
    ** then placed (CSR, counts shifted by two so that the fill leaves
    ** also_off[f] at the start of f's range) */
    free(m->also_off);
    free(m->also);
    m->also = NULL;
    m->also_off = calloc(nv + 2, sizeof *m->also_off);
    if (!m->also_off) {
        free(slot);
        free(last);
        return -1;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t v = 0; v < nv; v++) {
            const b_verb *bv = &DVEC_AT(&b->verbs, b_verb, v);
            for (size_t k = 0; k < bv->nforms; k++) {
                size_t o = *name_slot(slot, cap, b, &bv->forms[k]);
                if (o == SIZE_MAX || m->first_same[o] == m->first_same[v]) continue;
                /* (within one file the author decided which block a verb is
                ** in: pooling there cost 3 UD-PETRARCH records) */
                if (DVEC_AT(&b->verbs, b_verb, o).src.file == bv->src.file) continue;
                size_t f = m->first_same[o];
                if (pass == 0) m->also_off[f + 2]++;
                else m->also[m->also_off[f + 1]++] = v;   /* (a pair may repeat) */
            }
        }
        if (pass == 0) {
            for (size_t f = 0; f < nv; f++) m->also_off[f + 2] += m->also_off[f + 1];
            m->also = malloc((m->also_off[nv + 1] + 1) * sizeof *m->also);
            if (!m->also) {
                free(slot);
                free(last);
                return -1;
            }
        }
    }
    free(slot);
    free(last);
    return 0;
}

/* Members of every synset bucketed by their first byte (counting sort,
** member order kept). */
static int synset_buckets(cod_synmap *m, const dict_builder *b) {
    size_t ns = b->synsets.n, total = 0;
    free(m->start);
    free(m->perm);
    m->start = calloc(ns * 29 + 1, sizeof *m->start);
    for (size_t i = 0; i < ns; i++) total += DVEC_AT(&b->synsets, b_synset, i).nmembers;
    m->perm = malloc((total + 1) * sizeof *m->perm);
    if (!m->start || !m->perm) return -1;
    uint32_t at = 0;
    for (size_t i = 0; i < ns; i++) {
        const b_synset *sy = &DVEC_AT(&b->synsets, b_synset, i);
        for (int bk = 0; bk < 28; bk++) {
            m->start[i * 29 + bk] = at;
            for (size_t k = 0; k < sy->nmembers; k++) {
                const dict_phrase *p = &sy->members[k];
                unsigned char ch = p->nwords ? (unsigned char)p->words[0][0] : 0;
                if (p->nwords && COD_SYN_BUCKET(ch) == bk) m->perm[at++] = (uint32_t)k;
            }
        }
        m->start[i * 29 + 28] = at;
    }
    return 0;
}

int cod_memo_build(dyad_session *s) {
    cod_memo *m = s->cod;
    const struct dyad_dict *d = dyad_engine_dict(s->e);
    if (m && m->d == d) return 0;
    if (!m) {
        m = calloc(1, sizeof *m);
        if (!m) return -1;
        s->cod = m;
    }
    const dict_builder *b = dict_entries(d);
    free(m->order);
    free(m->syn.keys);
    free(m->syn.vals);
    memset(&m->syn, 0, sizeof m->syn);
    /* Every &NAME of a pattern resolved once: its text pointer -> synset. */
    size_t nref = 0;
    for (size_t i = 0; i < b->patterns.n; i++) {
        const b_pattern *p = &DVEC_AT(&b->patterns, b_pattern, i);
        for (size_t k = 0; k < p->n; k++) nref += p->el[k].kind == PE_SYNSET;
    }
    for (size_t i = 0; i < b->synsets.n; i++) {     /* "&X" words inside members */
        const b_synset *sy = &DVEC_AT(&b->synsets, b_synset, i);
        for (size_t k = 0; k < sy->nmembers; k++)
            for (size_t w = 0; w < sy->members[k].nwords; w++)
                nref += sy->members[k].words[w][0] == '&';
    }
    size_t cap = 16;
    while (cap < nref * 2) cap *= 2;
    m->syn.keys = calloc(cap, sizeof *m->syn.keys);
    m->syn.vals = calloc(cap, sizeof *m->syn.vals);
    if (!m->syn.keys || !m->syn.vals) return -1;
    m->syn.cap = cap;
    for (size_t i = 0; i < b->patterns.n; i++) {
        const b_pattern *p = &DVEC_AT(&b->patterns, b_pattern, i);
        for (size_t k = 0; k < p->n; k++)
            if (p->el[k].kind == PE_SYNSET) synmap_add(&m->syn, b, p->el[k].text);
    }
    for (size_t i = 0; i < b->synsets.n; i++) {
        const b_synset *sy = &DVEC_AT(&b->synsets, b_synset, i);
        for (size_t k = 0; k < sy->nmembers; k++)
            for (size_t w = 0; w < sy->members[k].nwords; w++)
                if (sy->members[k].words[w][0] == '&')
                    synmap_add(&m->syn, b, sy->members[k].words[w]);
    }
    if (synset_buckets(&m->syn, b) < 0) return -1;
    if (same_verbs(m, b) < 0) return -1;
    m->order = malloc((b->patterns.n + 1) * sizeof *m->order);
    if (!m->order) return -1;
    m->d = d;
    opts_build(&m->opt, b, &s->e->opt);
    for (size_t v = 0; v < b->verbs.n; v++) {
        size_t first, cnt = dict_verb_patterns(d, v, &first);
        for (size_t k = 0; k < cnt; k++) m->order[first + k] = dict_pattern_at(d, first + k);
        /* insertion sort by weight, stable */
        for (size_t k = 1; k < cnt; k++) {
            size_t x = m->order[first + k];
            int w = cod_pattern_weight(&DVEC_AT(&b->patterns, b_pattern, x));
            size_t j = k;
            while (j > 0 && cod_pattern_weight(&DVEC_AT(&b->patterns, b_pattern,
                                                       m->order[first + j - 1])) < w) {
                m->order[first + j] = m->order[first + j - 1];
                j--;
            }
            m->order[first + j] = x;
        }
    }
    return 0;
}

void cod_memo_free(dyad_session *s) {
    cod_memo *m = s->cod;
    if (m) {
        free(m->order);
        free(m->same);
        free(m->first_same);
        free(m->also_off);
        free(m->also);
        free(m->syn.keys);
        free(m->syn.vals);
        free(m->syn.start);
        free(m->syn.perm);
    }
    free(m);
    s->cod = NULL;
}
