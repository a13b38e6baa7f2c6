/*
** patterns.c - matching a verb's TABARI / PETRARCH patterns in its sentence.
**
** A pattern is read linearly, as its authors wrote it: the elements after
** the verb ('*', or the start when the pattern has no '*') are matched
** forwards from the end of the verb phrase to the end of the verb's
** subtree (of the sentence for a verb found by its form only), the elements before it backwards from the verb to the start of
** the sentence.  Words must occur in order; other words may come between
** them (TABARI's sparse matching).  '$' and '+' take the next actor mention
** in the direction of matching, '%' the next coordinated mention; '^' is
** implied by the gaps; {a | b} alternatives take the first that matches;
** &SYNSET words match any member phrase; PETRARCH-2 {NP} and (PP) brackets
** group words and are read as their words.
*/
#include "coding.h"

typedef struct pm_state {
    const cod_sent *c;
    cod_bind *bd;
    uint32_t lo, hi;    /* tokens allowed: [lo, hi) */
    uint32_t verb;      /* PETRARCH-2: words after the verb must be in its own
                        ** clause (COD_NONE: anywhere in [lo, hi)) */
} pm_state;

/* Is token q in the clause of ps->verb: is the verb the first verb above it
** (or the verb whose particle or auxiliary it is)? */
static int in_clause(const pm_state *ps, uint32_t q) {
    if (ps->verb == COD_NONE) return 1;
    const cod_sent *c = ps->c;
    int guard = 0;
    for (uint32_t h = cod_head(c, q); h != COD_NONE && guard < 64; h = cod_head(c, h), guard++) {
        if (h == ps->verb) return 1;
        if (cod_is_upos(c, h, UPOS_VERB)) return 0;
    }
    return 0;
}

/* Members of synset &name matching at token q going forward (dir 1) or
** ending at q going backward (dir -1): tokens covered, or 0. */
/* Index of synset reference name (a pattern's or a member's "&NAME" text,
** resolved once in the session map); UINT32_MAX if undefined. */
static uint32_t synset_index(const pm_state *ps, const char *name) {
    const cod_synmap *m = ps->c->syn;
    size_t h = (size_t)dyad_mix64((uint64_t)(uintptr_t)name) & (m->cap - 1);
    while (m->keys[h] && m->keys[h] != name) h = (h + 1) & (m->cap - 1);
    return m->keys[h] ? m->vals[h] : UINT32_MAX;
}

static uint32_t synset_fwd(const pm_state *ps, const char *name, uint32_t q, int depth);

/* Tokens dictionary word w covers at token q: 1, or 2 for a contraction the
** tokenizer split ("DIDN'T" = "DID" + "N'T", "CAN'T" = "CA" + "N'T"), or 0. */
static uint32_t word_at(const pm_state *ps, const char *w, int exact, uint32_t q) {
    const char *const *up = ps->c->up;
    if (q >= ps->hi) return 0;
    if (dict_word_matches(w, exact, up[q])) return 1;
    if (w[0] != up[q][0] || q + 1 >= ps->hi || up[q + 1][0] != 'N') return 0;
    size_t n = strlen(w);
    if (n > 3 && !strcmp(w + n - 3, "N'T") && q + 1 < ps->hi && !strcmp(up[q + 1], "N'T") &&
        strlen(up[q]) == n - 3 && !strncmp(up[q], w, n - 3))
        return 2;
    return 0;
}

/* Tokens member phrase p covers from token q (its words may be synsets
** themselves: "&TIETYPES_MEMOS"), or 0. */
static uint32_t member_fwd(const pm_state *ps, const dict_phrase *p, uint32_t q, int depth) {
    uint32_t at = q, len1;
    for (size_t w = 0; w < p->nwords; w++) {
        if (at >= ps->hi) return 0;
        if (p->words[w][0] == '&' && p->words[w][1]) {
            uint32_t len = depth < 4 ? synset_fwd(ps, p->words[w], at, depth + 1) : 0;
            if (!len) return 0;
            at += len;
        } else if ((len1 = word_at(ps, p->words[w], p->exact ? p->exact[w] : 0, at)) != 0) {
            at += len1;
        } else {
            return 0;
        }
    }
    return at - q;
}

/* Tokens some member of synset name covers from token q, or 0; with want
** set, only a member covering exactly want tokens counts. */
static uint32_t synset_len(const pm_state *ps, const char *name, uint32_t q, int depth,
                           uint32_t want);

static uint32_t synset_fwd(const pm_state *ps, const char *name, uint32_t q, int depth) {
    return synset_len(ps, name, q, depth, 0);
}

static uint32_t synset_len(const pm_state *ps, const char *name, uint32_t q, int depth,
                           uint32_t want) {
    const dict_builder *b = ps->c->b;
    uint32_t idx = synset_index(ps, name);
    if (idx >= b->synsets.n || q < ps->lo) return 0;
    const b_synset *sy = &DVEC_AT(&b->synsets, b_synset, idx);
    const cod_synmap *m = ps->c->syn;
    unsigned char ch = (unsigned char)ps->c->up[q][0];
    /* the members that can start here: those whose first word begins with
    ** the token's first byte, and those that begin with a synset */
    int buckets[2] = {COD_SYN_BUCKET(ch), 26};
    for (int j = 0; j < 2; j++) {
        if (j == 1 && buckets[0] == 26) break;
        const uint32_t *st = m->start + (size_t)idx * 29 + buckets[j];
        for (uint32_t x = st[0]; x < st[1]; x++) {
            uint32_t len = member_fwd(ps, &sy->members[m->perm[x]], q, depth);
            if (len && (!want || len == want)) return len;
        }
    }
    return 0;
}

/* Members of synset &name matching at token q going forward (dir 1) or
** ending at q going backward (dir -1): tokens covered, or 0. */
static uint32_t synset_at(const pm_state *ps, const char *name, uint32_t q, int dir) {
    if (dir > 0) return synset_fwd(ps, name, q, 0);
    /* backward: a member that starts up to 8 tokens earlier and ends at q */
    for (uint32_t back = 0; back < 8 && back <= q; back++) {
        uint32_t len = synset_len(ps, name, q - back, 0, back + 1);
        if (len) return len;
    }
    return 0;
}

/* Next mention at or after q (dir 1) / ending at or before q (dir -1). */
static uint32_t mention_from(const pm_state *ps, uint32_t q, int dir, int need_conj) {
    const cod_sent *c = ps->c;
    if (dir > 0) {
        for (uint32_t k = 0; k < c->ng; k++) {
            const cod_group *g = &c->g[k];
            if (g->a < q || g->b > ps->hi) continue;
            if (need_conj) {
                int has = 0;
                for (uint32_t j = 0; j < c->ng; j++)
                    if (j != k && c->g[j].conj == g->conj) has = 1;
                if (!has) continue;
            }
            return k;
        }
    } else {
        for (uint32_t k = c->ng; k-- > 0;) {
            const cod_group *g = &c->g[k];
            if (g->b > q + 1 || g->a < ps->lo) continue;
            return k;
        }
    }
    return COD_NONE;
}

/* Match elements el[i..j) (forward from *pos, or backward from *pos when
** dir < 0: *pos is then one past the last token still available).  Returns
** 1 and advances *pos, or 0. */
static int match_seq(pm_state *ps, const dict_elem *el, size_t i, size_t j, uint32_t *pos,
                     int dir, int adj);

/* Index one past the '}' closing the alternatives opened at el[i]. */
static size_t alt_end(const dict_elem *el, size_t i, size_t n) {
    int depth = 0;
    for (size_t k = i; k < n; k++) {
        if (el[k].kind == PE_ALT_OPEN) depth++;
        if (el[k].kind == PE_ALT_CLOSE && --depth == 0) return k + 1;
    }
    return n;
}

static int nominal(const cod_sent *c, uint32_t t) {
    return cod_is_upos(c, t, UPOS_NOUN) || cod_is_upos(c, t, UPOS_PROPN) ||
           cod_is_upos(c, t, UPOS_PRON) || cod_is_upos(c, t, UPOS_NUM);
}

/* '^': skip the next noun phrase (forward) or the previous one (backward):
** a mention, or a run of nouns with its determiner and adjectives.
** Returns 1 and moves *pos, or 0 when there is none. */
static int skip_np(pm_state *ps, uint32_t *pos, int dir) {
    const cod_sent *c = ps->c;
    if (dir > 0) {
        uint32_t q = *pos;
        while (q < ps->hi && !nominal(c, q)) q++;
        if (q >= ps->hi) return 0;
        uint32_t g = cod_group_at(c, q);
        if (g != COD_NONE && c->g[g].a <= q) {
            *pos = c->g[g].b;
        } else {
            while (q + 1 < ps->hi && nominal(c, q + 1)) q++;
            *pos = q + 1;
        }
        return 1;
    }
    uint32_t q = *pos;
    while (q > ps->lo && !nominal(c, q - 1)) q--;
    if (q <= ps->lo) return 0;
    q--;
    uint32_t g = cod_group_at(c, q);
    if (g != COD_NONE && c->g[g].b > q) {
        *pos = c->g[g].a;
    } else {
        while (q > ps->lo && (nominal(c, q - 1) || cod_is_upos(c, q - 1, UPOS_ADJ) ||
                              cod_is_upos(c, q - 1, UPOS_DET)))
            q--;
        *pos = q;
    }
    return 1;
}

/* adj: the element must touch what was matched before it (TABARI's '_'
** connector): at *pos going forward, ending at *pos - 1 going backward. */
static int match_one(pm_state *ps, const dict_elem *e, uint32_t *pos, int dir, int adj) {
    const cod_sent *c = ps->c;
    uint32_t fhi = adj && *pos < ps->hi ? *pos + 1 : ps->hi;      /* forward limit */
    uint32_t blo = adj && *pos > ps->lo ? *pos - 1 : ps->lo;      /* backward limit */
    switch (e->kind) {
    case PE_WORD:
        if (dir > 0) {
            for (uint32_t q = *pos; q < fhi; q++) {
                uint32_t len = word_at(ps, e->text, e->exact, q);
                if (len && !in_clause(ps, q)) len = 0;
                if (len) {
                    *pos = q + len;
                    if (*pos > ps->bd->hi) ps->bd->hi = *pos;
                    return 1;
                }
            }
        } else {
            for (uint32_t q = *pos; q-- > blo;) {
                /* the word ends at q: one token, or a contraction's two */
                uint32_t len = word_at(ps, e->text, e->exact, q);
                if (len != 1 && q > ps->lo && word_at(ps, e->text, e->exact, q - 1) == 2) len = 2;
                else if (len != 1) len = 0;
                if (len) {
                    *pos = q + 1 - len;
                    if (*pos < ps->bd->lo) ps->bd->lo = *pos;
                    return 1;
                }
            }
        }
        return 0;
    case PE_SYNSET:
        if (dir > 0) {
            for (uint32_t q = *pos; q < fhi; q++) {
                uint32_t len = synset_at(ps, e->text, q, 1);
                if (len) {
                    *pos = q + len;
                    if (*pos > ps->bd->hi) ps->bd->hi = *pos;
                    return 1;
                }
            }
        } else {
            for (uint32_t q = *pos; q-- > blo;) {
                uint32_t len = synset_at(ps, e->text, q, -1);
                if (len) {
                    *pos = q + 1 - len;
                    if (*pos < ps->bd->lo) ps->bd->lo = *pos;
                    return 1;
                }
            }
        }
        return 0;
    case PE_SOURCE:
    case PE_TARGET:
    case PE_COMPOUND: {
        uint32_t k = dir > 0 ? mention_from(ps, *pos, 1, e->kind == PE_COMPOUND)
                             : (*pos ? mention_from(ps, *pos - 1, -1, 0) : COD_NONE);
        if (k == COD_NONE) return 0;
        const cod_group *g = &c->g[k];
        if (adj && (dir > 0 ? g->a != *pos : g->b != *pos)) return 0;
        if (e->kind == PE_SOURCE) ps->bd->source = k;
        else if (e->kind == PE_TARGET) ps->bd->target = k;
        else ps->bd->compound = k;
        *pos = dir > 0 ? g->b : g->a;
        if (g->b > ps->bd->hi) ps->bd->hi = g->b;
        if (g->a < ps->bd->lo) ps->bd->lo = g->a;
        return 1;
    }
    case PE_SKIP:
        return skip_np(ps, pos, dir);
    default:
        return 1;   /* brackets of noun and prepositional phrases */
    }
}

static int match_seq(pm_state *ps, const dict_elem *el, size_t i, size_t j, uint32_t *pos,
                     int dir, int adj) {
    if (dir > 0) {
        for (size_t k = i; k < j;) {
            if (k > i) adj = el[k - 1].joined;
            if (el[k].kind == PE_ALT_OPEN) {
                size_t end = alt_end(el, k, j);
                /* alternatives: k+1 .. end-1 separated by PE_ALT_SEP */
                size_t a = k + 1;
                int ok = 0;
                while (a < end) {
                    size_t z = a;
                    int depth = 0;
                    while (z < end - 1 && !(depth == 0 && el[z].kind == PE_ALT_SEP)) {
                        if (el[z].kind == PE_ALT_OPEN) depth++;
                        if (el[z].kind == PE_ALT_CLOSE) depth--;
                        z++;
                    }
                    uint32_t p2 = *pos;
                    cod_bind save = *ps->bd;
                    if (match_seq(ps, el, a, z, &p2, 1, adj)) {
                        *pos = p2;
                        ok = 1;
                        break;
                    }
                    *ps->bd = save;
                    a = z + 1;
                }
                if (!ok) return 0;
                k = end;
                continue;
            }
            if (!match_one(ps, &el[k], pos, 1, adj)) return 0;
            k++;
        }
        return 1;
    }
    for (size_t k = j; k > i;) {
        k--;
        /* joined to the element after it (matched just before, or the
        ** verb when k is the last element before '*') */
        int badj = el[k].joined || (k + 1 == j && adj);
        if (el[k].kind == PE_ALT_CLOSE) {
            /* find the matching open, then try each alternative */
            size_t open = k;
            int depth = 0;
            for (size_t q = k + 1; q-- > i;) {
                if (el[q].kind == PE_ALT_CLOSE) depth++;
                if (el[q].kind == PE_ALT_OPEN && --depth == 0) {
                    open = q;
                    break;
                }
            }
            size_t a = open + 1;
            int ok = 0;
            while (a < k + 1) {
                size_t z = a;
                int d2 = 0;
                while (z < k && !(d2 == 0 && el[z].kind == PE_ALT_SEP)) {
                    if (el[z].kind == PE_ALT_OPEN) d2++;
                    if (el[z].kind == PE_ALT_CLOSE) d2--;
                    z++;
                }
                uint32_t p2 = *pos;
                cod_bind save = *ps->bd;
                if (match_seq(ps, el, a, z, &p2, -1, badj)) {
                    *pos = p2;
                    ok = 1;
                    break;
                }
                *ps->bd = save;
                a = z + 1;
            }
            if (!ok) return 0;
            k = open;
            continue;
        }
        if (!match_one(ps, &el[k], pos, -1, badj)) return 0;
    }
    return 1;
}

/* Does pattern p hold the word w? */
static int pattern_names(const b_pattern *p, const char *w) {
    for (size_t k = 0; k < p->n; k++)
        if (p->el[k].kind == PE_WORD && !strcmp(p->el[k].text, w)) return 1;
    return 0;
}

int cod_match_pattern(const cod_sent *c, const b_pattern *p, uint32_t v, uint32_t vend,
                      int linear, cod_bind *bd) {
    bd->source = bd->target = bd->compound = COD_NONE;
    bd->lo = v;
    bd->hi = vend;
    size_t star = p->n;
    for (size_t k = 0; k < p->n; k++)
        if (p->el[k].kind == PE_VERB) {
            star = k;
            break;
        }
    size_t after = star == p->n ? 0 : star + 1;
    if (star == p->n) star = 0;     /* no '*': the verb comes first */
    pm_state ps = {c, bd, 0, c->n, COD_NONE};
    uint32_t pos = v;
    if (star > 0 && !match_seq(&ps, p->el, 0, star, &pos, -1, 0)) return 0;
    ps.lo = vend;
    ps.hi = linear ? c->n : c->sub_hi[v] + 1 > vend ? c->sub_hi[v] + 1 : vend;
    /* PETRARCH-2's patterns describe the verb's own phrase: its words are
    ** not sought in clauses below it */
    if (!linear && c->b->verbs_dialect == DICT_PETRARCH2) ps.verb = v;
    pos = vend;
    if (!match_seq(&ps, p->el, after, p->n, &pos, 1, after > 0 && p->el[after - 1].joined))
        return 0;
    /* A negation the pattern skipped over after the verb turns its meaning
    ** ("appealed to the West not to ease sanctions" is no appeal to ease
    ** them): the pattern does not apply unless it names the negation. */
    static const char *const NEG[] = {"NOT", "N'T", "NEVER", NULL};
    for (uint32_t t = vend; t < bd->hi && t < c->n; t++) {
        uint32_t h = cod_head(c, t);
        if (h == COD_NONE || h <= t || h >= bd->hi || !cod_is_upos(c, h, UPOS_VERB)) continue;
        for (size_t k = 0; NEG[k]; k++)           /* (negating a verb inside the span) */
            if (!strcmp(c->up[t], NEG[k]) && !pattern_names(p, NEG[k])) return 0;
    }
    return 1;
}

/* Weight of el[i..j): its words, synsets and actor slots; a group of
** alternatives weighs as its heaviest branch (not the sum of all). */
static int weight_seq(const dict_elem *el, size_t i, size_t j) {
    int w = 0;
    for (size_t k = i; k < j; k++) {
        switch (el[k].kind) {
        case PE_WORD: case PE_SYNSET: case PE_SOURCE: case PE_TARGET: case PE_COMPOUND:
            w++;
            break;
        case PE_ALT_OPEN: {
            size_t end = alt_end(el, k, j), b = k + 1;
            int best = 0;
            while (b < end - 1) {                   /* branches up to '|' or '}' */
                size_t z = b;
                int depth = 0;
                while (z < end - 1 && !(depth == 0 && el[z].kind == PE_ALT_SEP)) {
                    if (el[z].kind == PE_ALT_OPEN) depth++;
                    if (el[z].kind == PE_ALT_CLOSE) depth--;
                    z++;
                }
                int bw = weight_seq(el, b, z);
                if (bw > best) best = bw;
                b = z + 1;
            }
            w += best;
            k = end - 1;
            break;
        }
        default: break;
        }
    }
    return w;
}

int cod_pattern_weight(const b_pattern *p) { return weight_seq(p->el, 0, p->n); }
