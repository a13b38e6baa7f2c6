/*
** coder.c - the coding stage's driver: per sentence, a dictionary scan, the
** parse when the sentence can yield an event, actor mentions, verbs and
** their patterns, roles from the parse, and the events.
**
** Semantics (see also patterns.c and mentions.c)
**   Verb        a token the tagger calls VERB whose surface form (with the
**               words after it, for multi-word verbs) or lemma is a verb
**               form of the dictionaries; <TIME> entries are not verbs.
**   Code        the longest matching pattern's code, else the verb's own.
**               "---" codes nothing; "###" discards the sentence; codes
**               that are not CAMEO codes (digits first) code nothing.
**               Paired codes [x:y] give source->target x and target->source
**               y; [:y] patterns apply only in the passive voice.
**   Roles       a pattern's '$' and '+' win; otherwise the source is the
**               subject (inherited through xcomp, conj, advcl and relative
**               clauses; object control for "urged X to ..."), the target
**               the object, else the first mention of the verb's clause
**               after it.  Passive: the by-phrase is the source and the
**               subject the target.
**   Structure   a verb under a coded verb through xcomp ("pledged to lift",
**               "appealed ... not to ease") is not coded when the governor
**               appeals, expresses intent, demands, disapproves, rejects or
**               threatens (CAMEO roots 02, 03, 10-13) - the governor is the
**               event; under an implicative verb ("agreed to restore") or
**               any other governor the embedded verb is the event, with the
**               governor's subject.
**               Words a governor's pattern consumed are not coded again.
**   Modality    negated verbs, verbs with could/might/may/would/should/must
**               and conditional clauses ("if ...") code nothing.
**   Compounds   coordinated sources and targets give one event per pair;
**               a coordinated subject with no target and a symmetric code
**               (roots 03-06: intent to cooperate, consult, cooperate) gives
**               the reciprocal events.
**   Output      one event per (source, target, code) per sentence; no
**               event whose source and target are the same code; no event
**               without a target unless the engine option no_target_ok or
**               the set's options allow it (require_dyad = False; dyad's
**               targetless_from_root = n for CAMEO roots n and above).
*/
#include "coding.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

typedef struct cod_verb {
    uint32_t v, vend;       /* verb phrase tokens [v, vend) */
    size_t   entry;         /* verb entry */
    dict_src src;
    const char *code;       /* verb default code */
    int      depth;         /* depth in the parse tree */
    int      linear;        /* found by form only: roles by position */
    int      aux;           /* a modal: roles from the verb it helps */
    int      nominal;       /* a noun ("their meet"): coded only through a
                            ** pattern with words before it */
    uint32_t pat_lo;        /* first token its pattern covered (v: none before) */
    unsigned pflags;        /* DP_* of the pattern that gave the code */
    size_t   ev0, ev1;      /* its events: s->events[ev0 .. ev1) */
} cod_verb;


void cod_trace(cod_sent *c, const char *fmt, ...) {
    if (!c->trace) return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    dbuf_puts(&c->s->trace, buf);
}

static int32_t date_int(dyad_date d) {
    return d.year ? (int32_t)d.year * 10000 + (d.month ? d.month : 1) * 100 + (d.day ? d.day : 1)
                  : 0;
}

/* ------------------------------------------------------------ bloom */

static void bloom_add(cod_sent *c, uint64_t h) { c->bloom[(h >> 6) & 63] |= 1ull << (h & 63); }

static int bloom_has(const cod_sent *c, uint64_t h) {
    return (c->bloom[(h >> 6) & 63] >> (h & 63)) & 1;
}

/* Every prefix of every word of the sentence (a stem pattern word matches a
** word it begins). */
static void bloom_build(cod_sent *c) {
    memset(c->bloom, 0, sizeof c->bloom);
    for (uint32_t i = 0; i < c->n; i++) {
        uint64_t h = 1469598103934665603u;
        for (const char *p = c->up[i]; *p; p++) {
            h ^= (unsigned char)*p;
            h *= 1099511628211u;
            bloom_add(c, dyad_mix64(h));
        }
    }
}

/* Can pattern p match in this sentence: are all its literal words there? */
static int pattern_possible(const cod_sent *c, const b_pattern *p) {
    for (size_t k = 0; k < p->n; k++) {
        const dict_elem *e = &p->el[k];
        if (e->kind == PE_ALT_OPEN) {       /* alternatives: not checked */
            while (k < p->n && p->el[k].kind != PE_ALT_CLOSE) k++;
            continue;
        }
        if (e->kind == PE_WORD && !strchr(e->text, '\'') &&   /* contractions are split */
            !bloom_has(c, dyad_mix64(dyad_fnv1a(e->text, strlen(e->text)))))
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------ memo */

static const b_pattern *pattern(const cod_sent *c, size_t i) {
    return &DVEC_AT(&c->b->patterns, b_pattern, i);
}


/* ------------------------------------------------------------ helpers */

static int code_usable(const char *code) {
    return code && isdigit((unsigned char)code[0]) && isdigit((unsigned char)code[1]);
}

static int root_of(const char *code) {
    return code_usable(code) ? (code[0] - '0') * 10 + (code[1] - '0') : -1;
}

/* Child of v with relation rel whose word is one of words ("NOT|NEVER"). */
static int child_word(const cod_sent *c, uint32_t v, const char *rel, const char *const *words) {
    for (uint32_t t = 0; t < c->n; t++) {
        if (cod_head(c, t) != v || !cod_rel_is(c, t, rel)) continue;
        for (size_t k = 0; words[k]; k++)
            if (!strcmp(c->up[t], words[k])) return 1;
    }
    return 0;
}


static int has_child(const cod_sent *c, uint32_t v, const char *rel) {
    for (uint32_t t = 0; t < c->n; t++)
        if (cod_head(c, t) == v && cod_rel_is(c, t, rel)) return 1;
    return 0;
}

/* Is v's subject "neither X nor Y" (or "no country")? */
static int neither_subject(const cod_sent *c, uint32_t v) {
    static const char *const NEITHER[] = {"NEITHER", "NO", NULL};
    for (uint32_t t = 0; t < c->n; t++)
        if (cod_head(c, t) == v && (cod_rel_is(c, t, "nsubj") || cod_rel_is(c, t, "nsubj:pass")) &&
            (child_word(c, t, "det", NEITHER) || child_word(c, t, "cc:preconj", NEITHER)))
            return 1;
    return 0;
}

/* The verb whose auxiliaries, negation and condition v shares: v itself;
** for an infinitive complement its governor ("did not agree to restore",
** "may decide to attack"), for an event noun its light verb; for a conjoined verb without a subject of its
** own the first conjunct - "might affirm or allow", "did not attack or
** invade" (a base form without its own auxiliary), "if Russia attacks and
** seizes" (any form, for the condition: cond != 0). */
static uint32_t aux_host(const cod_sent *c, uint32_t v, int cond) {
    for (int k = 0; k < 8 && cod_head(c, v) != COD_NONE; k++) {
        uint32_t h = cod_head(c, v);
        if (cod_rel_is(c, v, "xcomp") && cod_is_upos(c, h, UPOS_VERB)) {
            v = h;                  /* "did not agree to restore": the governor's */
            continue;
        }
        if (cod_is_upos(c, v, UPOS_NOUN) && (cod_rel_is(c, v, "obj") || cod_rel_is(c, v, "obl")) &&
            cod_light_verb(c, h)) {
            v = h;                  /* "did not take part in an attack" */
            continue;
        }
        if (!cod_rel_is(c, v, "conj")) break;
        if (has_child(c, v, "nsubj") || has_child(c, v, "nsubj:pass")) break;
        if (!cond && (strcmp(c->sy[v].xpos, "VB") != 0 || has_child(c, v, "aux"))) break;
        v = h;
    }
    return v;
}

/* A stand-in actor (TABARI's DEFAULT codes), spanning the verb; COD_NONE
** when there is no room (the groups array keeps two spare slots). */
static uint32_t default_group(cod_sent *c, const char *code, uint32_t v, uint32_t vend) {
    if (c->ng >= c->nm + 2) return COD_NONE;
    cod_group *g = &c->g[c->ng];
    memset(g, 0, sizeof *g);
    g->a = v;
    g->b = vend;
    g->root = v;
    g->code = code;
    g->kind = DYAD_MEN_ACTOR;
    g->conj = c->ng;
    g->owner = COD_NONE;
    g->mention = -1;
    return c->ng++;
}

/* ------------------------------------------------------------ events */

/* The date of verb tokens [v, vend): that of a DATE expression of the
** sentence (src/time) that modifies the verb - hung on it ("met on
** Tuesday", "told the Assembly last month") or on a noun of its obl/nmod
** phrase ("negotiated in Minsk last month") - with the precision it has (a month:
** day 0); else the story date.  An expression inside another verb's clause
** is not the verb's: its head climbs to that verb first. */
static dyad_date verb_date(const cod_sent *c, uint32_t v, uint32_t vend) {
    const dyad_vec *tv = &c->s->timexes;
    for (size_t i = 0; c->sy && i < tv->n; i++) {
        const dyad_timex *x = &DVEC_AT(tv, dyad_timex, i);
        if (x->sentence != c->index || x->type != DYAD_TIMEX_DATE || !x->date.year ||
            x->tok_end > c->n)
            continue;
        uint32_t h = COD_NONE;              /* the expression's own head */
        for (uint32_t k = x->tok_start; k < x->tok_end && h == COD_NONE; k++) {
            uint32_t hd = cod_head(c, k);
            if (hd == COD_NONE || hd < x->tok_start || hd >= x->tok_end) h = k;
        }
        uint32_t up = h == COD_NONE ? COD_NONE : cod_head(c, h);
        /* up through the nouns of the verb's obl/nmod phrase (the parser
        ** hangs "on Tuesday" on the last place named: "talk on the lawn at
        ** the residence in Paris on Tuesday"), never through a verb */
        for (int hops = 0; up != COD_NONE && hops < 5; hops++) {
            if (up >= v && up < vend) return x->date;
            if (cod_is_upos(c, up, UPOS_VERB) || cod_is_upos(c, up, UPOS_AUX)) break;
            if (!cod_rel_is(c, up, "obl") && !cod_rel_is(c, up, "nmod") &&
                !cod_rel_is(c, up, "appos"))
                break;
            up = cod_head(c, up);
        }
    }
    return c->st->date;
}

static int add_event1(cod_sent *c, uint32_t src, uint32_t tgt, const char *scode,
                      const char *tcode, const char *code, uint32_t v, uint32_t vend,
                      uint32_t flags, const char *rule);

/* An actor code may name several actors ("FRO/BIL/SAM"): one event each. */
static int add_event(cod_sent *c, uint32_t src, uint32_t tgt, const char *code, uint32_t v,
                     uint32_t vend, uint32_t flags, const char *rule) {
    const char *sc = c->g[src].code, *tc = tgt == COD_NONE ? NULL : c->g[tgt].code;
    for (const char *p = sc; p;) {
        const char *pe = strchr(p, '/');
        const char *s1 = pe ? arena_strndup(&c->s->arena, p, (size_t)(pe - p)) : p;
        for (const char *q = tc; ; ) {
            const char *qe = q ? strchr(q, '/') : NULL;
            const char *t1 = qe ? arena_strndup(&c->s->arena, q, (size_t)(qe - q)) : q;
            if (!s1 || (q && !t1)) return -1;
            if (add_event1(c, src, tgt, s1, t1, code, v, vend, flags, rule) < 0) return -1;
            if (!qe) break;
            q = qe + 1;
        }
        p = pe ? pe + 1 : NULL;
    }
    return 0;
}

static int add_event1(cod_sent *c, uint32_t src, uint32_t tgt, const char *scode,
                      const char *tcode, const char *code, uint32_t v, uint32_t vend,
                      uint32_t flags, const char *rule) {
    dyad_session *s = c->s;
    const cod_group *gs = &c->g[src];
    const cod_group *gt = tgt == COD_NONE ? NULL : &c->g[tgt];
    if (gt && !strcmp(scode, tcode)) return 0;
    if (!gt) {
        /* require_dyad, or only the roots the set names ("a bomb killed
        ** three people": material conflict often has no named target) */
        int tl = ((const cod_memo *)s->cod)->opt.targetless;
        int root = code && code[0] >= '0' && code[0] <= '9' && code[1] >= '0' && code[1] <= '9'
                       ? (code[0] - '0') * 10 + (code[1] - '0')
                       : -1;
        if (tl == 0 || (tl > 1 && root < tl)) return 0;
    }
    /* (one event per (source, target, code) per sentence: dedup_events(),
    ** once the events that yield to others are gone) */
    dyad_event *e = dvec_push(&s->events, sizeof *e);
    if (!e) return -1;
    memset(e, 0, sizeof *e);
    const dyad_token *tk = c->se->tokens;
    e->sentence = (uint32_t)c->index;
    e->source = scode;
    e->target = gt ? tcode : NULL;
    e->code = code;
    e->place = -1;
    e->quote = -1;
    /* a TABARI time phrase shifts the story date (below, code_sentence) */
    e->date = c->shift ? c->st->date : verb_date(c, v, vend);
    e->source_start = tk[gs->a].start;
    e->source_end = tk[gs->b - 1].start + tk[gs->b - 1].len;
    if (gt) {
        e->target_start = tk[gt->a].start;
        e->target_end = tk[gt->b - 1].start + tk[gt->b - 1].len;
    }
    e->verb_start = tk[v].start;
    e->verb_end = tk[vend - 1].start + tk[vend - 1].len;
    e->flags = flags | ((tk[v].flags & DYAD_TF_QUOTED) ? DYAD_EF_QUOTED : 0);
    e->source_mention = gs->mention;
    e->target_mention = gt ? gt->mention : -1;
    e->rule = rule;
    cod_trace(c, "  event %s -> %s %s (%s)\n", e->source, e->target ? e->target : "-", code, rule);
    return 0;
}

/* Events for every pair of the coordinations of src and tgt. */
/* At most this many members of a coordination take part in events: a
** 100-country list would otherwise give 10,000 pairs from one sentence. */
#define COD_MAX_CONJ 12

static int add_pairs(cod_sent *c, uint32_t src, uint32_t tgt, const char *code, uint32_t v,
                     uint32_t vend, uint32_t flags, const char *rule) {
    int ni = 0;
    for (uint32_t i = 0; i < c->ng && ni < COD_MAX_CONJ; i++) {
        if (c->g[i].conj != c->g[src].conj) continue;
        ni++;
        if (tgt == COD_NONE) {
            if (add_event(c, i, COD_NONE, code, v, vend, flags, rule) < 0) return -1;
            continue;
        }
        int nj = 0;
        for (uint32_t j = 0; j < c->ng && nj < COD_MAX_CONJ; j++) {
            if (c->g[j].conj != c->g[tgt].conj) continue;
            nj++;
            if (add_event(c, i, j, code, v, vend, flags, rule) < 0) return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ verbs */

/* Does verb entry v have a pattern with words before the verb? */
static int has_pre_patterns(const cod_sent *c, size_t v) {
    size_t first, cnt = dict_verb_patterns(c->d, v, &first);
    for (size_t k = 0; k < cnt; k++) {
        const b_pattern *p = pattern(c, dict_pattern_at(c->d, first + k));
        for (size_t j = 0; j < p->n && p->el[j].kind != PE_VERB; j++)
            if (p->el[j].kind == PE_WORD || p->el[j].kind == PE_SYNSET) {
                for (size_t q = j; q < p->n; q++)
                    if (p->el[q].kind == PE_VERB) return 1;
                break;
            }
    }
    return 0;
}

/* Is verb entry v a time phrase (TABARI <TIME>: all its patterns are)? */
static int verb_is_time(const cod_sent *c, size_t v) {
    size_t first, cnt = dict_verb_patterns(c->d, v, &first);
    for (size_t k = 0; k < cnt; k++)
        if (!(pattern(c, dict_pattern_at(c->d, first + k))->flags & DP_TIME)) return 0;
    return cnt > 0;
}

/* The verb entry of token v: surface form (with following words), else
** lemma.  Returns 1 and fills *cv. */
static int find_verb(cod_sent *c, uint32_t v, cod_verb *cv) {
    dict_match dm;
    unsigned mask = 1u << DICT_VERBS;
    int hit = dict_longest(c->d, c->up + v, c->n - v, mask, c->date, &dm);
    /* the lemma for a form the dictionary lacks (TABARI stems cover most;
    ** PETRARCH lists every form it knows and codes no other) */
    if (!hit && !c->b->petrarch_words && c->sy[v].lemma && strcmp(c->sy[v].lemma, "_") != 0) {
        const char *save[4];
        uint32_t k = c->n - v < 4 ? c->n - v : 4;
        char lem[64];
        size_t i = 0;
        for (const char *p = c->sy[v].lemma; *p && i + 1 < sizeof lem; p++)
            lem[i++] = (char)toupper((unsigned char)*p);
        lem[i] = 0;
        save[0] = lem;
        for (uint32_t j = 1; j < k; j++) save[j] = c->up[v + j];
        hit = dict_longest(c->d, save, k, mask, c->date, &dm);
    }
    /* a particle the object separates from its verb ("called the meeting
    ** off", "pulled its troops back"): the two words as one phrase */
    for (uint32_t t = v + 2; t < c->n && (!hit || dm.ntokens == 1); t++) {
        if (cod_head(c, t) != v || !cod_rel_is(c, t, "compound")) continue;
        const char *two[2] = {c->up[v], c->up[t]};
        dict_match dp;
        if (dict_longest(c->d, two, 2, mask, c->date, &dp) && dp.ntokens == 2) {
            dm = dp;
            hit = 1;
            cod_trace(c, "phrasal verb %s ... %s\n", c->up[v], c->up[t]);
            dm.ntokens = 1;                         /* the verb phrase is the verb word */
        }
        break;
    }
    if (!hit) return 0;
    if (verb_is_time(c, dm.entry)) return 0;   /* time phrases are not verbs */
    cv->v = v;
    cv->vend = v + (uint32_t)dm.ntokens;
    cv->entry = dm.entry;
    cv->src = dm.src;
    cv->code = dm.code;
    int depth = 0;
    for (uint32_t h = cod_head(c, v); h != COD_NONE && depth < 64; h = cod_head(c, h)) depth++;
    cv->depth = depth;
    cv->linear = 0;
    cv->aux = 0;
    cv->nominal = 0;
    return 1;
}

/* Patterns of verb entry v and of the other entries of the same verb, by
** weight (stable: file order among equals); NULL when out of memory. */
static const size_t *verb_patterns(cod_sent *c, size_t v, size_t *n) {
    const cod_memo *memo = c->s->cod;
    size_t f = memo->first_same[v], first, cnt;
    size_t a0 = memo->also_off[f], a1 = memo->also_off[f + 1];
    if (memo->same[f] == SIZE_MAX && a0 == a1) {        /* one block: as sorted */
        cnt = dict_verb_patterns(c->d, f, &first);
        *n = cnt;
        return memo->order + first;
    }
    /* the entries: the chain of f, then other files' blocks listing f */
    size_t ne = 0, total = 0;
    for (size_t e = f; e != SIZE_MAX; e = memo->same[e]) ne++;
    size_t *ents = arena_alloc(&c->s->arena, (ne + a1 - a0 + 1) * sizeof *ents);
    if (!ents) return NULL;
    ne = 0;
    for (size_t e = f; e != SIZE_MAX; e = memo->same[e]) ents[ne++] = e;
    for (size_t i = a0; i < a1; i++) {
        int dup = 0;
        for (size_t j = 0; j < ne; j++) dup |= ents[j] == memo->also[i];
        if (!dup) ents[ne++] = memo->also[i];
    }
    for (size_t i = 0; i < ne; i++) total += dict_verb_patterns(c->d, ents[i], &first);
    size_t *out = arena_alloc(&c->s->arena, (total + 1) * sizeof *out);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < ne; i++) {
        size_t e = ents[i];
        cnt = dict_verb_patterns(c->d, e, &first);
        for (size_t j = 0; j < cnt; j++) {                /* insert, stable by weight */
            size_t x = memo->order[first + j], at = k;
            int w = cod_pattern_weight(pattern(c, x));
            /* another block's bare "*" would replace this block's code */
            if (w == 0 && e != v) continue;
            while (at > 0 && cod_pattern_weight(pattern(c, out[at - 1])) < w) {
                out[at] = out[at - 1];
                at--;
            }
            out[at] = x;
            k++;
        }
    }
    *n = k;
    return out;
}

static const char *const NEG_WORDS[] = {"NOT", "N'T", "NEVER", NULL};
static const char *const MODAL_WORDS[] = {"COULD", "MIGHT", "MAY", "WOULD", "SHOULD", "MUST",
                                          NULL};
static const char *const COND_WORDS[] = {"IF", "UNLESS", "WHETHER", NULL};


static int opt_code_by(const cod_sent *c) { return ((const cod_memo *)c->s->cod)->opt.code_by; }

/* Does pattern p name one of words, or words before the verb (where
** negations and auxiliaries go: "&NEGATVAUXVRB * OVER EFFORTS")?  With
** words_only, of the words before the verb only synsets count ("ANTI- +
** *" says nothing of a negation). */
static int pattern_has(const b_pattern *p, const char *const *words, int words_only) {
    if (!p) return 0;
    for (size_t k = 0; k < p->n && p->el[k].kind != PE_VERB; k++)
        if ((p->el[k].kind == PE_WORD && !words_only) || p->el[k].kind == PE_SYNSET) {
            int star = 0;
            for (size_t j = k; j < p->n; j++) star |= p->el[j].kind == PE_VERB;
            if (star) return 1;
        }
    for (size_t k = 0; k < p->n; k++)
        if (p->el[k].kind == PE_WORD)
            for (size_t j = 0; words[j]; j++)
                if (!strcmp(p->el[k].text, words[j])) return 1;
    return 0;
}

/* A bare agent ("---GOV": "Planning Minister Tran Xuan Gia", "rebels")
** in a sentence whose other mentions all name one country takes that
** country, as coders read it ("... said Vietnam is committed"), unless it
** would then be the code of another mention.  Only when the dictionary
** set asks for it ([Options] infer_country = true): the peers' suites
** expect "---GOV". */
static int infer_country(cod_sent *c) {
    char only[4] = "";
    for (uint32_t k = 0; k < c->nm; k++) {          /* every actor named, places too */
        const char *cd = c->m[k].code;
        if (c->m[k].kind != DICT_ACTORS || !cd || !strncmp(cd, "---", 3) || strlen(cd) < 3)
            continue;
        if (!strncmp(cd, "IGO", 3) || !strncmp(cd, "NGO", 3) || !strncmp(cd, "IMG", 3) ||
            !strncmp(cd, "MNC", 3) || !isupper((unsigned char)cd[0]))
            return 0;                       /* an international actor: no guess */
        if (!only[0]) memcpy(only, cd, 3);
        else if (strncmp(only, cd, 3) != 0) return 0;
    }
    if (!only[0]) return 0;
    for (uint32_t k = 0; k < c->ng; k++) {
        cod_group *g = &c->g[k];
        if (strncmp(g->code, "---", 3) != 0 || !g->code[3]) continue;
        /* (not from the country that is the other side of the same verb:
        ** "President Kim criticized Iran" is no Iranian) */
        int opposite = 0;
        for (uint32_t j = 0; j < c->ng; j++) {
            const cod_group *q = &c->g[j];
            if (j == k || q->owner == COD_NONE || q->owner != g->owner || !q->via) continue;
            if (strlen(q->code) == 3 &&
                (cod_rel_is(c, q->root, "obj") || cod_rel_is(c, q->root, "iobj") ||
                 cod_rel_is(c, q->root, "nsubj")))
                opposite = 1;
        }
        if (opposite) continue;
        char *z = arena_printf(&c->s->arena, "%s%s", only, g->code + 3);
        if (!z) return -1;
        int clash = 0;                      /* it would become another mention */
        for (uint32_t j = 0; j < c->ng; j++) clash |= j != k && !strcmp(c->g[j].code, z);
        if (!clash) g->code = z;
    }
    return 0;
}

/* Verbs by which a state commands its own forces. */
static int command_verb(const cod_sent *c, uint32_t v) {
    static const char *const V[] = {"order", "deploy", "send", "dispatch", "withdraw", "pull",
                                    "mobilize", "mobilise", "station", "redeploy", "recall",
                                    "command", NULL};
    const char *l = c->sy[v].lemma;
    for (size_t k = 0; l && V[k]; k++)
        if (!strcmp(l, V[k])) return 1;
    return 0;
}

/* The target group tgt, a bare military or police role, takes the
** country of source src (a state actor). */
static int own_forces(cod_sent *c, uint32_t src, uint32_t tgt) {
    cod_group *t = &c->g[tgt];
    const char *sc = c->g[src].code;
    if (strncmp(t->code, "---", 3) != 0 || !(strstr(t->code + 3, "MIL") || strstr(t->code + 3, "COP")))
        return 0;
    if (strlen(sc) < 3 || !isupper((unsigned char)sc[0]) || !strncmp(sc, "---", 3) ||
        !strncmp(sc, "IGO", 3) || !strncmp(sc, "NGO", 3) || !strncmp(sc, "IMG", 3))
        return 0;
    char *z = arena_printf(&c->s->arena, "%.3s%s", sc, t->code + 3);
    if (!z) return -1;
    t->code = z;
    return 0;
}

/* Is v a "have", "be" or "do" the tagger read as a main verb though a
** participle follows it ("Russia has threatened to ...": the threat is
** the verb, not HAVE)? */
static int perfect_aux(const cod_sent *c, uint32_t v) {
    const char *l = c->sy[v].lemma;
    if (!l || !(!strcmp(l, "have") || !strcmp(l, "be") || !strcmp(l, "do"))) return 0;
    for (uint32_t t = v + 1; t < c->n && t <= v + 3; t++) {
        if (cod_is_upos(c, t, UPOS_ADV) || cod_is_upos(c, t, UPOS_PART)) continue;
        return cod_is_upos(c, t, UPOS_VERB) && (!strcmp(c->sy[t].xpos, "VBN") ||
                                                 !strcmp(c->sy[t].xpos, "VBG")) &&
               cod_head(c, t) == v;
    }
    return 0;
}

/* Governors whose code is the event when a verb depends on them: appeals
** (02), intentions (03), demands, disapproval, rejections and threats
** (10-13) - "pledged to lift", "appealed not to ease", "threatened to
** strike" are not the lifting, easing or strike.  Implicative verbs
** ("agreed to restore", "decided to", "began to") let the embedded verb be
** the event whatever their code; so do attempts, which CAMEO codes as the
** act ("tried to hack", "attempted to assassinate"), and causatives
** ("forced Russia to withdraw", "prompting Moscow to impose"). */
static const char *const IMPLICATIVE[] = {"AGREE", "DECIDE", "MANAGE", "BEGIN", "START",
                                          "CONTINUE", "RESUME", "MOVE", "PROCEED", "KEEP",
                                          "HELP", "HAPPEN", "COME", "SEEM", "APPEAR",
                                          "TRY", "ATTEMPT", "FORCE", "PROMPT", "COMPEL",
                                          "OBLIGE", "ENABLE", "CAUSE", "LEAD", "ALLOW",
                                          "PERMIT", "HAVE", "BE", "DO", NULL};

static int is_implicative(const cod_sent *c, uint32_t v) {
    for (size_t k = 0; IMPLICATIVE[k]; k++)
        if (!strcasecmp(c->sy[v].lemma, IMPLICATIVE[k])) return 1;
    return 0;
}

static int governor_wins(const cod_sent *c, uint32_t v, int root) {
    if (is_implicative(c, v)) return 0;
    /* "Arnor is said to be about to restore ties": a passive that asks
    ** nothing reports what it governs */
    if (cod_is_passive(c, v) && !cod_object_control(c, v)) return 0;
    return root == 2 || root == 3 || (root >= 10 && root <= 13);
}

static int code_verb(cod_sent *c, cod_verb *cv, uint8_t *suppressed) {
    uint32_t v = cv->v;
    const b_verb *bv = &DVEC_AT(&c->b->verbs, b_verb, cv->entry);
    cod_trace(c, "verb %s (token %u, entry line %u)\n", c->up[v], v, bv->src.line);
    /* A modal that is a dictionary verb (TABARI's "SHOULD") takes the roles
    ** of the verb it helps. */
    uint32_t rv = v;
    if (cod_is_upos(c, v, UPOS_AUX) && cod_head(c, v) != COD_NONE) rv = cod_head(c, v);
    /* "soldiers killed in Ukraine": a participle modifying a noun is
    ** passive, the noun its patient */
    /* (not when that noun is the root: then the "participle" is the main
    ** verb the parser missed - "Russian troops attacked Ukraine.") */
    int reduced = cod_rel_is(c, rv, "acl") && !strcmp(c->sy[rv].xpos, "VBN") &&
                  cod_head(c, rv) != COD_NONE && c->group_of[cod_head(c, rv)] != COD_NONE &&
                  !cod_rel_is(c, cod_head(c, rv), "root");
    int passive = cod_is_passive(c, rv) || reduced;
    /* the patterns of every block of this verb, heaviest first */
    size_t cnt = 0;
    const size_t *order = verb_patterns(c, cv->entry, &cnt);
    if (!order) return -1;
    cod_bind bd = {COD_NONE, COD_NONE, COD_NONE, v, cv->vend};
    const b_pattern *hit = NULL;
    size_t tried = 0, skipped = 0;
    for (size_t k = 0; k < cnt; k++) {
        const b_pattern *p = pattern(c, order[k]);
        if (p->flags & DP_TIME) continue;
        if ((p->flags & DP_PASSIVE) && !passive) continue;
        if (!pattern_possible(c, p)) {
            skipped++;
            continue;
        }
        cod_bind b2;
        if (cod_match_pattern(c, p, v, cv->vend, cv->linear || cv->aux, &b2)) {
            /* a bare "*" pattern is the verb's default: prefer real ones */
            hit = p;
            bd = b2;
            break;
        }
        if (tried++ < 12)
            cod_trace(c, "  tried %s:%u [%s]: no match\n", p->src.file ? p->src.file : "?",
                  p->src.line, p->code ? p->code : p->code2 ? p->code2 : "-");
    }
    if (tried > 12) cod_trace(c, "  (%zu more patterns tried, no match)\n", tried - 12);
    if (skipped)
        cod_trace(c, "  (%zu patterns skipped: a word of theirs is not in the sentence)\n", skipped);
    if (cv->nominal && !(hit && bd.lo < v)) {
        cod_trace(c, "  no event: a noun, and no pattern with words before it\n");
        return 0;
    }
    cv->pat_lo = hit ? bd.lo : v;
    cv->pflags = hit ? hit->flags : 0;
    const char *code = hit ? (hit->code ? hit->code : hit->code2) : cv->code;
    const char *code2 = hit && hit->code ? hit->code2 : NULL;
    dict_src rs = hit ? hit->src : cv->src;
    const char *rule = arena_printf(&c->s->arena, "%s:%u", rs.file ? rs.file : "?", rs.line);
    if (!rule) return -1;
    cod_trace(c, "  %s %s\n", hit ? "pattern" : "no pattern; verb code", code ? code : "none");
    if (hit && (hit->flags & DP_DISCARD)) return 1;
    /* Consumed words and dependent verbs. */
    int root = root_of(code);
    for (uint32_t t = 0; t < c->n; t++) {
        if (t == v || !cod_is_upos(c, t, UPOS_VERB)) continue;
        int in_pattern = hit && t >= bd.lo && t < bd.hi && cod_pattern_weight(hit) > 0;
        /* xcomp, or a to-infinitive the parser hung as advcl ("urged Russia
        ** to attack") */
        static const char *const TO[] = {"TO", NULL};
        int dep = cod_head(c, t) == v && governor_wins(c, v, root) && opt_code_by(c) != 2 &&
                  (cod_rel_is(c, t, "xcomp") ||
                   (cod_rel_is(c, t, "advcl") && child_word(c, t, "mark", TO)));
        if (in_pattern || dep) suppressed[t] = 1;
    }
    if (!code_usable(code)) {
        cod_trace(c, "  no event: code %s\n", code ? code : "none");
        return 0;
    }
    if (!governor_wins(c, v, root) && root >= 0) {
        for (uint32_t t = v + 1; t < c->n; t++)
            if (cod_head(c, t) == v && cod_rel_is(c, t, "xcomp") && cod_is_upos(c, t, UPOS_VERB) &&
                (!hit || cod_pattern_weight(hit) == 0) && is_implicative(c, v)) {
                cod_trace(c, "  no event: the embedded verb is the event\n");
                return 0;
            }
    }
    /* What is denied did not happen (as far as the story says): "Russia
    ** denies it has deployed troops" codes no deployment. */
    if (cod_denied(c, rv)) {
        cod_trace(c, "  no event: denied\n");
        return 0;
    }
    /* What a verb of wanting, planning, asking or threatening governs has
    ** not happened: "Russia plans to attack", "urged Russia to withdraw".
    ** The governing verb codes it (intent, appeal, threat) when the
    ** dictionaries know it; a pattern that spans the governor decides. */
    uint32_t gov = cod_head(c, rv);
    /* (a passive governor that asks nothing reports: "was seen to break
    ** into", "is said to have attacked") */
    if (gov != COD_NONE && cod_is_upos(c, gov, UPOS_VERB) && !is_implicative(c, gov) &&
        !(cod_is_passive(c, gov) && !cod_object_control(c, gov)) &&
        (cod_rel_is(c, rv, "xcomp") ||
         (cod_rel_is(c, rv, "advcl") && cod_to_infinitive(c, rv) &&
          cod_object_control(c, gov))) &&
        !(hit && bd.lo <= gov)) {
        cod_trace(c, "  no event: wanted, planned or asked for, not done (%s)\n", c->up[gov]);
        return 0;
    }
    /* "ready to resume talks", "willing to send", "set to visit": a
    ** readiness is an intent, not the act */
    static const char *const READY[] = {"ready", "willing", "prepared", "determined", "committed",
                                        "eager", "keen", "set", "due", "poised", "reluctant",
                                        "unwilling", "unable", NULL};
    if (gov != COD_NONE && cod_is_upos(c, gov, UPOS_ADJ) &&
        (cod_rel_is(c, rv, "xcomp") || cod_rel_is(c, rv, "csubj") || cod_rel_is(c, rv, "advcl")) &&
        cod_to_infinitive(c, rv) &&
        !(hit && bd.lo <= gov)) {
        for (size_t k = 0; READY[k]; k++)
            if (c->sy[gov].lemma && !strcmp(c->sy[gov].lemma, READY[k])) {
                cod_trace(c, "  no event: an intent, not done (%s)\n", c->up[gov]);
                return 0;
            }
    }
    /* A pattern that spells out the negation or the modal decides itself. */
    /* (the words before the verb in a pattern speak for the verb's own
    ** auxiliaries, not for those of a governor it shares them with) */
    uint32_t host = aux_host(c, v, 0);
    if ((child_word(c, host, "advmod", NEG_WORDS) || neither_subject(c, aux_host(c, v, 1))) &&
        !pattern_has(hit, NEG_WORDS, host != v)) {
        cod_trace(c, "  no event: negated\n");
        return 0;
    }
    if ((child_word(c, host, "aux", MODAL_WORDS) && !pattern_has(hit, MODAL_WORDS, host != v)) ||
        child_word(c, aux_host(c, v, 1), "mark", COND_WORDS)) {
        cod_trace(c, "  no event: modal or conditional\n");
        return 0;
    }
    uint32_t flags = (passive ? DYAD_EF_PASSIVE : 0) | (cod_reported(c, rv) ? DYAD_EF_REPORTED : 0);
    int inferred = 0;
    uint32_t src = bd.source, tgt = bd.target;
    /* PETRARCH-1's '%' is the compound it stands for: before the verb the
    ** source ("% HAVE POSTPONED *"), after it the target ("* WITH %");
    ** TABARI's and PETRARCH-2's code the compound reciprocally */
    int pct_after = bd.compound != COD_NONE && c->g[bd.compound].a > v;
    int pct_positional = c->b->verbs_dialect == DICT_PETRARCH1;
    if (bd.compound != COD_NONE && pct_positional && pct_after && tgt == COD_NONE)
        tgt = bd.compound;
    else if (bd.compound != COD_NONE && src == COD_NONE)
        src = bd.compound;
    /* Pattern words before the verb ("SUGGESTED * APPLY ...", "SAID WOULD *
    ** NOW"): TABARI's source comes before them. */
    if (src == COD_NONE && hit && bd.lo < v) src = cod_linear_source(c, bd.lo);
    if (src == COD_NONE) {
        if (passive) {
            for (uint32_t k = 0; k < c->ng && src == COD_NONE; k++)
                if (c->g[k].owner == rv &&
                    ((c->g[k].via && !strcmp(c->g[k].via, "obl:agent")) ||
                     (c->g[k].casew &&
                      (!strcmp(c->g[k].casew, "BY") || !strcmp(c->g[k].casew, "FROM")))))
                    src = c->g[k].conj;
            /* "+ WAS * DEAD": the pattern named the target; with no by-phrase
            ** the source is the first mention after the verb, as TABARI and
            ** PETRARCH read it ("was shot dead in Osgiliath") */
            if (src == COD_NONE && bd.target != COD_NONE)
                for (uint32_t k = 0; k < c->ng && src == COD_NONE; k++)
                    if (c->g[k].a >= cv->vend && c->g[k].conj != c->g[bd.target].conj)
                        src = c->g[k].conj;
            if (tgt == COD_NONE) tgt = cod_owned(c, rv, "nsubj", COD_NONE);
            if (tgt == COD_NONE && reduced) {
                uint32_t g = c->group_of[cod_head(c, rv)];
                if (g != COD_NONE) tgt = c->g[g].conj;
            }
        } else {
            /* (an event noun has the subject of its light verb even when
            ** found by form: "participated in an anti-Gondor parade") */
            src = cv->linear && !cod_is_upos(c, rv, UPOS_NOUN)
                      ? COD_NONE
                      : cod_subject_of(c, rv, 0, &inferred);
            if (src == COD_NONE && (cv->linear || cv->aux || cod_subjectless(c, rv)))
                src = cod_linear_source(c, bd.lo < v ? bd.lo : v);
        }
    }
    const cod_opts *opt = &((const cod_memo *)c->s->cod)->opt;
    int before_v = 0;                   /* an actor precedes the verb */
    for (uint32_t k = 0; k < c->ng; k++) before_v |= c->g[k].b <= v;
    if (opt->noactprior && !before_v) {
        cod_trace(c, "  no event: no actor before the verb (NOACTPRIOR)\n");
        return 0;
    }
    /* TABARI's DEFAULT: with PRIOR the default source stands in when no
    ** actor precedes the verb; without it the first actor after the verb
    ** is the source.  With AFTER the default target stands in for a
    ** missing one. */
    if (src == COD_NONE && opt->def_src[0]) {
        if (opt->def_prior && before_v) {
            src = cod_linear_source(c, v);      /* an actor precedes: TABARI takes it */
        } else if (opt->def_prior || c->ng == 0) {
            src = default_group(c, opt->def_src, v, cv->vend);
        } else {
            for (uint32_t k = 0; k < c->ng && src == COD_NONE; k++)
                if (c->g[k].a >= cv->vend && c->g[k].code != opt->def_src) src = c->g[k].conj;
        }
    }
    if (src != COD_NONE) src = c->g[src].conj;
    if (tgt == COD_NONE && !passive) tgt = cv->linear ? cod_linear_target(c, v, src)
                                                      : cod_target_of(c, rv, src);
    /* "an agreement negotiated between Ukraine, Russia and the separatists":
    ** a compound after the verb with no source anywhere is the parties,
    ** coded reciprocally like a compound subject */
    if (src == COD_NONE && pct_positional && pct_after && tgt == bd.compound &&
        c->g[bd.compound].conj == bd.compound) {
        int members = 0;
        for (uint32_t k = 0; k < c->ng; k++) members += c->g[k].conj == bd.compound;
        if (members > 1) {
            src = bd.compound;
            tgt = COD_NONE;
        }
    }
    if (src == COD_NONE) {
        cod_trace(c, "  no event: no source\n");
        return 0;
    }
    if (tgt != COD_NONE && c->g[tgt].conj == c->g[src].conj) tgt = COD_NONE;
    /* (not for an attribution: ", a senior official said on Saturday" -
    ** TABARI drops such comma clauses before coding) */
    if (tgt == COD_NONE && opt->def_tgt[0] && opt->def_after && !cod_is_say(c, rv))
        tgt = default_group(c, opt->def_tgt, v, cv->vend);
    /* "Putin ordered troops back", "the government deployed police": the
    ** forces a state commands are its own (a role word with no country
    ** takes the commander's) */
    if (tgt != COD_NONE && command_verb(c, rv) && own_forces(c, src, tgt) < 0) return -1;
    if (inferred) flags |= DYAD_EF_INFERRED;
    cod_trace(c, "  roles: source %s, target %s%s\n", c->g[src].code,
          tgt == COD_NONE ? "none" : c->g[tgt].code, passive ? " (passive)" : "");
    /* '%': TABARI codes the coordination reciprocally; PETRARCH reads it as
    ** a compound source with the usual target */
    int pct = bd.compound != COD_NONE && !pct_positional;
    /* symmetric actions only: intent to cooperate, consult, diplomatic and
    ** material cooperation (roots 03-06) - "Kerry and Lavrov talk" */
    if (pct || (tgt == COD_NONE && root >= 3 && root <= 6)) {
        /* reciprocal events inside a coordination */
        uint32_t k0 = c->g[bd.compound != COD_NONE ? bd.compound : src].conj;
        int pairs = 0;
        uint32_t members[COD_MAX_CONJ], nm = 0;
        for (uint32_t i = 0; i < c->ng && nm < COD_MAX_CONJ; i++)
            if (c->g[i].conj == k0) members[nm++] = i;
        for (uint32_t x = 0; x < nm; x++)
            for (uint32_t y = 0; y < nm; y++) {
                uint32_t i = members[x], j = members[y];
                if (i != j) {
                    if (add_event(c, i, j, code, v, cv->vend, flags | DYAD_EF_RECIPROCAL,
                                  rule) < 0)
                        return -1;
                    pairs++;
                }
            }
        if (pairs) return 0;
    }
    if (add_pairs(c, src, tgt, code, v, cv->vend, flags, rule) < 0) return -1;
    if (code2 && code_usable(code2) && tgt != COD_NONE &&
        add_pairs(c, tgt, src, code2, v, cv->vend, flags, rule) < 0)
        return -1;
    return 0;
}

/* ------------------------------------------------------------ sentence */

static void record_mentions(cod_sent *c) {
    dyad_session *s = c->s;
    const dyad_token *tk = c->se->tokens;
    for (uint32_t k = 0; k < c->ng; k++) {
        cod_group *g = &c->g[k];
        dyad_mention *m = dvec_push(&s->mentions, sizeof *m);
        if (!m) return;
        g->mention = (int32_t)(s->mentions.n - 1);
        m->sentence = (uint32_t)c->index;
        m->start = tk[g->a].start;
        m->end = tk[g->b - 1].start + tk[g->b - 1].len;
        m->head = g->root;
        m->kind = g->kind;
        m->code = g->code;
        cod_trace(c, "mention %s \"%.*s\"%s%s\n", g->code, (int)(m->end - m->start),
              c->st->text + m->start, g->via ? " as " : "", g->via ? g->via : "");
    }
    /* Pronouns and relational phrases left for coreference. */
    static const char *const prons[] = {"HE", "SHE", "THEY", "IT", "WE", "HIS", "HER", "ITS",
                                        "THEIR", "OUR", "HIM", "THEM", "US", NULL};
    for (uint32_t t = 0; t < c->n; t++) {
        int kind = -1;
        if (cod_is_upos(c, t, UPOS_PRON))
            for (size_t k = 0; prons[k]; k++)
                if (!strcmp(c->up[t], prons[k])) kind = DYAD_MEN_PRONOUN;
        if (kind < 0 && c->group_of[t] == COD_NONE &&
            (!strncmp(c->up[t], "COUNTERPART", 11) ||
             ((!strcmp(c->up[t], "COUNTRIES") || !strcmp(c->up[t], "SIDES")) && t > 0 &&
              (!strcmp(c->up[t - 1], "TWO") || !strcmp(c->up[t - 1], "BOTH")))))
            kind = DYAD_MEN_RELATIONAL;
        if (kind < 0) continue;
        dyad_mention *m = dvec_push(&s->mentions, sizeof *m);
        if (!m) return;
        m->sentence = (uint32_t)c->index;
        m->start = tk[t].start;
        m->end = tk[t].start + tk[t].len;
        m->head = t;
        m->kind = (uint8_t)kind;
        m->code = NULL;
    }
}

/* Events that yield to others in the sentence:
**  - a verb whose word another verb's pattern used ("SAID WOULD * NOW" of
**    "act" in "Estonia said it would act now ...") is part of that event;
**  - a dominant code ('!' after it) leaves only its own events; a
**    subordinate one ('?') goes when any other event remains. */
static void drop_consumed(cod_sent *c, const cod_verb *verbs, uint32_t nv, size_t before) {
    dyad_session *s = c->s;
    if (s->events.n == before) return;
    uint8_t *drop = arena_alloc(&s->arena, s->events.n - before + 1);
    if (!drop) return;
    memset(drop, 0, s->events.n - before + 1);
    int any = 0, dominant = 0, plain = 0;
    for (uint32_t k = 0; k < nv; k++) {
        if (verbs[k].ev1 <= verbs[k].ev0) continue;
        dominant |= (verbs[k].pflags & DP_DOMINANT) != 0;
        plain |= !(verbs[k].pflags & DP_SUBORDINATE);
    }
    for (uint32_t k = 0; k < nv && (dominant || plain); k++) {
        const cod_verb *a = &verbs[k];
        int go = dominant ? !(a->pflags & DP_DOMINANT) : (a->pflags & DP_SUBORDINATE) != 0;
        if (!go || a->ev1 <= a->ev0) continue;
        for (size_t e = a->ev0; e < a->ev1; e++) drop[e - before] = 1;
        any = 1;
        cod_trace(c, "verb %s: yields to a %s code\n", c->up[a->v], dominant ? "dominant" : "plain");
    }
    for (uint32_t k = 0; k < nv; k++) {
        const cod_verb *a = &verbs[k];
        if (a->ev1 <= a->ev0 || a->pat_lo >= a->v) continue;
        for (uint32_t j = 0; j < nv; j++) {
            const cod_verb *b = &verbs[j];
            if (j == k || b->v < a->pat_lo || b->v >= a->v) continue;
            for (size_t e = b->ev0; e < b->ev1; e++) drop[e - before] = 1;
            any = any || b->ev1 > b->ev0;
            if (b->ev1 > b->ev0)
                cod_trace(c, "verb %s: its word is part of %s's pattern\n", c->up[b->v], c->up[a->v]);
        }
    }
    if (!any) return;
    size_t w = before;
    for (size_t e = before; e < s->events.n; e++)
        if (!drop[e - before]) DVEC_AT(&s->events, dyad_event, w++) = DVEC_AT(&s->events, dyad_event, e);
    s->events.n = w;
}

static void upos_ids(cod_sent *c) {
    for (uint32_t i = 0; i < c->n; i++) {
        c->upos[i] = UPOS_NONE;
        for (int k = 0; k < UPOS_COUNT; k++)
            if (c->sy[i].upos == syn_upos_names[k]) {
                c->upos[i] = (uint8_t)k;
                break;
            }
    }
}


static int same_event(const dyad_event *x, const dyad_event *y) {
    return !strcmp(x->source, y->source) && !strcmp(x->code, y->code) &&
           ((!x->target && !y->target) || (x->target && y->target && !strcmp(x->target, y->target)));
}

/* One event per (source, target, code) per sentence: the first stays. */
static void dedup_events(dyad_session *s, size_t before) {
    size_t w = before;
    for (size_t e = before; e < s->events.n; e++) {
        const dyad_event *x = &DVEC_AT(&s->events, dyad_event, e);
        int dup = 0;
        for (size_t k = before; k < w && !dup; k++) dup = same_event(&DVEC_AT(&s->events, dyad_event, k), x);
        if (!dup) DVEC_AT(&s->events, dyad_event, w++) = *x;
    }
    s->events.n = w;
}

static int cmp_depth(const void *a, const void *b) {
    const cod_verb *x = a, *y = b;
    if (x->depth != y->depth) return x->depth < y->depth ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v;
}

/* The dictionary pass of sentence c->index, for every sentence of the
** story before any is coded (coreference and quotes need them all):
** upper-cased words, the longest actor/agent match at each word, verb
** forms, time phrases, discards.  Returns 0, or -1 when out of memory. */
static int dict_pass(cod_sent *c, cod_pre *p) {
    dyad_session *s = c->s;
    dyad_arena *ar = &s->arena;
    uint32_t n = c->n;
    memset(p, 0, sizeof *p);
    c->up = arena_alloc(ar, (n + 1) * sizeof *c->up);
    if (!c->up) return -1;
    p->up = c->up;
    for (uint32_t i = 0; i < n; i++) {
        size_t len;
        const char *z = dyad_token_text(c->st, &c->se->tokens[i], &len);
        char *u = arena_strndup(ar, z, len);
        if (!u) return -1;
        for (char *q = u; *q; q++) *q = (char)toupper((unsigned char)*q);
        c->up[i] = u;
    }
    /* "US" written in capitals is the country (dictionaries list "U.S.":
    ** a bare US would also match the pronoun), unless the text around it
    ** is in capitals too ("LET US") */
    for (uint32_t i = 0; i < n; i++) {
        size_t len;
        const char *z = dyad_token_text(c->st, &c->se->tokens[i], &len);
        if (len != 2 || z[0] != 'U' || z[1] != 'S') continue;
        int caps = 0;
        for (uint32_t j = i > 0 ? i - 1 : 0; j <= i + 1 && j < n; j++) {
            size_t l2;
            const char *w = dyad_token_text(c->st, &c->se->tokens[j], &l2);
            if (j == i || l2 < 2 || !isupper((unsigned char)w[0])) continue;
            int all = 1;
            for (size_t q = 0; q < l2; q++) all &= !islower((unsigned char)w[q]);
            caps |= all;
        }
        if (!caps) c->up[i] = "U.S.";
    }
    /* One dictionary pass: discards, verb forms, actors and agents. */
    int has_verb = 0;
    const char *time_code = NULL;       /* the first time phrase's code */
    dict_match *at = arena_alloc(ar, (n + 1) * sizeof *at);
    uint8_t *vform = arena_alloc(ar, n + 1);
    if (!at || !vform) return -1;
    memset(vform, 0, n + 1);
    unsigned mask = (1u << DICT_ACTORS) | (1u << DICT_AGENTS) | (1u << DICT_VERBS) |
                    (1u << DICT_DISCARDS);
    for (uint32_t i = 0; i < n; i++) {
        dict_match all[DICT_KIND_COUNT];
        at[i].ntokens = 0;
        unsigned char ch = (unsigned char)c->up[i][0];
        if (ch < 0x80 && !isalnum(ch)) continue;
        unsigned f = dict_longest_kinds(c->d, c->up + i, n - i, mask, c->date, all);
        if (!f) continue;
        if (f & (1u << DICT_DISCARDS)) {
            const b_discard *bd = &DVEC_AT(&c->b->discards, b_discard, all[DICT_DISCARDS].entry);
            p->discard = bd->whole_story ? 2 : 1;
            p->discard_word = c->up[i];
            break;
        }
        if (f & (1u << DICT_VERBS)) {
            if (verb_is_time(c, all[DICT_VERBS].entry)) {
                if (!time_code) time_code = all[DICT_VERBS].code;
            } else {
                has_verb = 1;
                vform[i] = all[DICT_VERBS].whole ? 1 : 2;   /* 2: as a stem only */
            }
        }
        int ka = (f & (1u << DICT_ACTORS)) ? DICT_ACTORS : -1;
        if ((f & (1u << DICT_AGENTS)) &&
            (ka < 0 || all[DICT_AGENTS].ntokens > all[DICT_ACTORS].ntokens))
            ka = DICT_AGENTS;
        if (ka >= 0) at[i] = all[ka];
    }
    p->at = at;
    p->vform = vform;
    p->has_verb = has_verb;
    p->time_code = time_code;
    return 0;
}

/* Returns 0, 1 when the whole story is discarded, -1 when out of memory. */
static int code_sentence(cod_sent *c, const cod_pre *p) {
    dyad_session *s = c->s;
    dyad_arena *ar = &s->arena;
    uint32_t n = c->n;
    c->up = p->up;
    if (p->discard) {
        cod_trace(c, "discard \"%s\"%s\n", p->discard_word, p->discard == 2 ? " (story)" : "");
        return p->discard == 2 ? 1 : 0;
    }
    const dict_match *at = p->at;
    const uint8_t *vform = p->vform;
    int has_verb = p->has_verb;
    const char *time_code = p->time_code;
    const cod_opts *opt = &((const cod_memo *)s->cod)->opt;
    if (cod_scan(c, at) < 0) return -1;
    int need = opt->targetless || opt->def_src[0] || opt->def_tgt[0] ? 1 : 2;
    /* matches that touch (or join by a possessive) make one mention: a dyad
    ** needs two separate runs (or one coordination, which has a gap too) */
    uint32_t runs = 0;
    for (uint32_t k = 0; k < c->nm; k++)
        runs += k == 0 || !(c->m[k].a == c->m[k - 1].b ||
                            (c->m[k].a == c->m[k - 1].b + 1 && !strcmp(c->up[c->m[k - 1].b], "'S")));
    int gate = has_verb && runs >= (uint32_t)need;
    /* TABARI's options: a minimum length, time phrases */
    if (opt->min_words) {
        int words = 0;
        for (uint32_t i = 0; i < n; i++)
            words += (c->se->tokens[i].kind == DYAD_TOK_WORD ||
                      c->se->tokens[i].kind == DYAD_TOK_NUMBER) &&
                     !(c->se->tokens[i].flags & DYAD_TF_CLITIC);   /* "Gondor's": one word */
        if (words < opt->min_words) {
            cod_trace(c, "not coded: %d words, fewer than the minimum %d\n", words, opt->min_words);
            return 0;
        }
    }
    c->shift = 0;
    if (time_code && opt->time_shift) {
        if (!strcmp(time_code, "###") || !strcmp(time_code, "+++")) {
            cod_trace(c, "not coded: time phrase code %s\n", time_code);
            return 0;
        }
        c->shift = atoi(time_code);
        cod_trace(c, "time phrase: dates shift %+d days\n", c->shift);
    }
    if (!gate && !c->trace) return 0;
    if (syn_sentence_tag(s, c->st, c->index) < 0) return -1;
    const dyad_syntax *base = s->synt.p;
    if (!base) return 0;
    c->sy = base + (c->se->tokens - (const dyad_token *)s->doc.tokens.p);
    c->upos = arena_alloc(ar, n + 1);
    if (!c->upos) return -1;
    upos_ids(c);
    /* The dictionaries know better than a tagger trained on web text that
    ** "European Union" is a name and "imposed" in "the Union imposed
    ** sanctions" a verb: such tags are imposed before the parse. */
    const char **force = cod_dictionary_tags(c, vform);
    if (force == (const char **)-1) return -1;
    if (syn_sentence_finish(s, c->index, force) < 0) return -1;
    upos_ids(c);
    if (c->trace) {
        for (uint32_t i = 0; i < n; i++)
            cod_trace(c, "%u\t%s\t%s\t%s\t%s\t%d\t%s\n", i + 1, c->up[i], c->sy[i].upos,
                  c->sy[i].xpos, c->sy[i].lemma, c->sy[i].head, c->sy[i].deprel);
        if (!gate) cod_trace(c, "(not coded: %s)\n", has_verb ? "too few actors" : "no verb");
    }
    bloom_build(c);
    c->sub_hi = arena_alloc(ar, (n + 1) * sizeof *c->sub_hi);
    uint8_t *suppressed = arena_alloc(ar, n + 1);
    cod_verb *verbs = arena_alloc(ar, (n + 1) * sizeof *verbs);
    if (!c->sub_hi || !suppressed || !verbs) return -1;
    memset(suppressed, 0, n + 1);
    for (uint32_t i = 0; i < n; i++) c->sub_hi[i] = i;
    for (uint32_t i = 0; i < n; i++) {
        int guard = 0;
        for (uint32_t h = cod_head(c, i); h != COD_NONE && guard < 64; h = cod_head(c, h), guard++)
            if (c->sub_hi[h] < i) c->sub_hi[h] = i;
    }
    if (cod_group_mentions(c) < 0) return -1;
    if (opt->infer_country && infer_country(c) < 0) return -1;
    record_mentions(c);
    /* TABARI actor codes that are verdicts: ### discards the sentence,
    ** +++ marks it too complex to code (PETRARCH codes them as written). */
    for (uint32_t k = 0; k < c->ng && !c->b->petrarch_words; k++)
        if (!strcmp(c->g[k].code, "###") || !strcmp(c->g[k].code, "+++")) {
            cod_trace(c, "actor code %s: sentence not coded\n", c->g[k].code);
            return 0;
        }
    if (!gate) return 0;
    uint32_t nv = 0;
    for (uint32_t v = 0; v < n; v++)
        if ((cod_is_upos(c, v, UPOS_VERB) || !strcmp(c->sy[v].xpos, "MD")) &&
            !perfect_aux(c, v) && find_verb(c, v, &verbs[nv])) {
            verbs[nv].aux = cod_is_upos(c, v, UPOS_AUX);
            nv++;
        }
    /* A verb form used as a noun ("have postponed their meet") codes only
    ** through a pattern that names the words before it (TABARI's
    ** "% HAVE POSTPONED *" of MEET) - verbs of the dictionary that have
    ** such patterns.  TABARI dictionaries only: their verb lists hold such
    ** nouns on purpose; PETRARCH's verbs are verbs of the parse (measured:
    ** with PETR1_config.ini the rule cost 5 of 83 root hits on the CAMEO
    ** manual set). */
    for (uint32_t v = 0; v < n && nv > 0 && !c->b->petrarch_words; v++) {
        if (!vform[v] || !cod_is_upos(c, v, UPOS_NOUN) || c->group_of[v] != COD_NONE) continue;
        cod_verb cv;
        if (!find_verb(c, v, &cv) || !has_pre_patterns(c, cv.entry)) continue;
        cv.nominal = 1;
        cv.linear = 1;
        verbs[nv++] = cv;
    }
    if (nv == 0 && c->ng > 0) {
        /* The tagger found no dictionary verb ("imposed" read as an
        ** adjective): TABARI's reading, the first verb form after the
        ** first mention, outside mentions and not after a determiner. */
        for (uint32_t v = c->g[0].b; v < n; v++) {
            if (c->group_of[v] != COD_NONE || (v > 0 && cod_is_upos(c, v - 1, UPOS_DET)) ||
                !(cod_is_upos(c, v, UPOS_ADJ) || cod_is_upos(c, v, UPOS_NOUN) ||
                  cod_is_upos(c, v, UPOS_PROPN) || cod_is_upos(c, v, UPOS_VERB)))
                continue;
            if (find_verb(c, v, &verbs[0])) {
                verbs[0].linear = 1;
                nv = 1;
                cod_trace(c, "verb %s found by its form only\n", c->up[v]);
                break;
            }
        }
    }
    if (opt->complex_verbs || opt->complex_conj) {
        int conj = 0;
        for (uint32_t t = 0; t < n; t++)
            conj += !strcmp(c->up[t], "AND") || !strcmp(c->up[t], "OR") || !strcmp(c->up[t], "BUT");
        if ((opt->complex_verbs && nv >= (uint32_t)opt->complex_verbs) ||
            (opt->complex_conj && conj >= opt->complex_conj)) {
            cod_trace(c, "not coded: complex (%u verbs, %d conjunctions)\n", nv, conj);
            return 0;
        }
    }
    qsort(verbs, nv, sizeof *verbs, cmp_depth);
    for (uint32_t k = 0; k < nv; k++) {
        verbs[k].pat_lo = verbs[k].v;
        verbs[k].ev0 = verbs[k].ev1 = s->events.n;
        verbs[k].pflags = 0;
    }
    size_t before = s->events.n;
    for (uint32_t k = 0; k < nv; k++) {
        if (suppressed[verbs[k].v]) {
            cod_trace(c, "verb %s: part of a governing verb's event\n", c->up[verbs[k].v]);
            continue;
        }
        verbs[k].ev0 = s->events.n;
        uint32_t ng = c->ng;                /* DEFAULT stand-ins are the verb's own */
        int r = code_verb(c, &verbs[k], suppressed);
        c->ng = ng;
        verbs[k].ev1 = s->events.n;
        if (r < 0) return -1;
        if (r == 1) {                       /* ### pattern: discard the sentence */
            s->events.n = before;
            break;
        }
    }
    drop_consumed(c, verbs, nv, before);
    dedup_events(s, before);
    if (opt->code_by == 1 && s->events.n > before) {
        /* CODE BY SENTENCE: the events of the verb that comes first */
        uint32_t first = UINT32_MAX;
        for (size_t e = before; e < s->events.n; e++) {
            uint32_t vs = DVEC_AT(&s->events, dyad_event, e).verb_start;
            if (vs < first) first = vs;
        }
        size_t w = before;
        for (size_t e = before; e < s->events.n; e++)
            if (DVEC_AT(&s->events, dyad_event, e).verb_start == first)
                DVEC_AT(&s->events, dyad_event, w++) = DVEC_AT(&s->events, dyad_event, e);
        s->events.n = w;
    }
    for (size_t e = before; c->shift && e < s->events.n; e++) {
        dyad_event *ev = &DVEC_AT(&s->events, dyad_event, e);
        ev->date = dyad_date_add_days(ev->date, c->shift);
    }
    return 0;
}

int cod_session_run(dyad_session *s, const dyad_story *st) {
    s->events.n = 0;
    s->mentions.n = 0;
    s->actors.n = s->quotes.n = 0;
    dbuf_reset(&s->trace);
    const struct dyad_dict *d = dyad_engine_dict(s->e);
    if (!d) return 0;
    if (cod_memo_build(s) < 0) return -1;
    cod_sent c;
    memset(&c, 0, sizeof c);
    c.s = s;
    c.st = st;
    c.d = d;
    c.b = dict_entries(d);
    c.date = date_int(st->date);
    c.trace = s->tracing;
    c.syn = &((cod_memo *)s->cod)->syn;
    /* The dictionary pass of every sentence, then the story-level layer
    ** (quotes, coreference: src/coding/coref.c), then each sentence coded. */
    size_t ns = s->doc.sents.n;
    cod_pre *pre = arena_alloc(&s->arena, (ns + 1) * sizeof *pre);
    if (!pre) return -1;
    for (size_t i = 0; i < ns; i++) {
        c.index = i;
        c.se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
        c.n = c.se->ntokens;
        memset(&pre[i], 0, sizeof pre[i]);
        if (c.n && dict_pass(&c, &pre[i]) < 0) return -1;
    }
    if (cod_coref(s, pre) < 0) return -1;
    for (size_t i = 0; i < ns; i++) {
        c.index = i;
        c.se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
        c.n = c.se->ntokens;
        c.sy = NULL;
        if (c.n == 0) continue;
        if (c.trace) cod_trace(&c, "# sentence %zu\n", i);
        int r = code_sentence(&c, &pre[i]);
        if (r < 0) return -1;
        if (r == 1) {                       /* story discarded */
            s->events.n = 0;
            break;
        }
    }
    cod_event_quotes(s);
    return s->events.oom || s->mentions.oom ? -1 : 0;
}

void cod_session_free(dyad_session *s) {
    dvec_free(&s->events);
    dvec_free(&s->mentions);
    dvec_free(&s->actors);
    dvec_free(&s->quotes);
    dbuf_free(&s->trace);
    cod_memo_free(s);
}

size_t dyad_session_event_count(const dyad_session *s) { return s->events.n; }

const dyad_event *dyad_session_event(const dyad_session *s, size_t i) {
    return i < s->events.n ? &DVEC_AT(&s->events, dyad_event, i) : NULL;
}

size_t dyad_session_mention_count(const dyad_session *s) { return s->mentions.n; }

const dyad_mention *dyad_session_mention(const dyad_session *s, size_t i) {
    return i < s->mentions.n ? &DVEC_AT(&s->mentions, dyad_mention, i) : NULL;
}

void dyad_session_trace(dyad_session *s, int on) { s->tracing = on; }

const char *dyad_session_explain(const dyad_session *s, size_t *n) {
    *n = s->trace.n;
    return s->trace.n ? s->trace.p : "";
}
