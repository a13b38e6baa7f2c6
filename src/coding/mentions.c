/*
** mentions.c - actor mentions: dictionary matches of actors and agents,
** grouped into noun phrases with the parse, codes composed (actor + agent
** sectors, duplicate blocks suppressed, a bare agent as "---" + sector),
** coordinated phrases linked, and each mention's predicate found.
*/
#include "coding.h"

#include <ctype.h>

uint32_t cod_head(const cod_sent *c, uint32_t i) {
    int32_t h = c->sy[i].head;
    return h > 0 && (uint32_t)h <= c->n ? (uint32_t)(h - 1) : COD_NONE;
}

int cod_is_upos(const cod_sent *c, uint32_t i, int upos) { return c->upos[i] == upos; }

int cod_rel_is(const cod_sent *c, uint32_t i, const char *rel) {
    size_t n = strlen(rel);
    const char *r = c->sy[i].deprel;
    return strncmp(r, rel, n) == 0 && (r[n] == 0 || r[n] == ':');
}

uint32_t cod_group_at(const cod_sent *c, uint32_t i) {
    return i < c->n ? c->group_of[i] : COD_NONE;
}

/* Greedy longest matches of actor and agent phrases, left to right, from
** at[i], the best actor or agent match starting at token i (ntokens 0:
** none). */
int cod_scan(cod_sent *c, const dict_match *at) {
    dyad_arena *ar = &c->s->arena;
    c->m = arena_alloc(ar, (c->n + 1) * sizeof *c->m);
    if (!c->m) return -1;
    c->nm = 0;
    for (uint32_t i = 0; i < c->n;) {
        const dict_match *dm = &at[i];
        if (!dm->ntokens || !dm->code) {
            i++;
            continue;
        }
        if (!strcmp(dm->code, "---")) {     /* a null-coded actor: no actor */
            i += (uint32_t)dm->ntokens;
            continue;
        }
        cod_match *m = &c->m[c->nm++];
        m->a = i;
        m->b = i + (uint32_t)dm->ntokens;
        m->kind = (uint8_t)dm->kind;
        m->code = dm->code;
        i = m->b;
    }
    return 0;
}

/* Relations that keep a word inside the noun phrase of its head. */
static int np_internal(const cod_sent *c, uint32_t i) {
    static const char *const rels[] = {"compound", "flat", "amod", "nmod", "appos", "det",
                                       "nummod", "fixed", "name", NULL};
    for (size_t k = 0; rels[k]; k++)
        if (cod_rel_is(c, i, rels[k])) return 1;
    return 0;
}

static int is_nominal(const cod_sent *c, uint32_t i) {
    return cod_is_upos(c, i, UPOS_NOUN) || cod_is_upos(c, i, UPOS_PROPN) ||
           cod_is_upos(c, i, UPOS_PRON) || cod_is_upos(c, i, UPOS_ADJ) || cod_is_upos(c, i, UPOS_NUM) ||
           cod_is_upos(c, i, UPOS_X);
}

/* Relations that start a clause of its own: a predicate there owns what is
** below it. */
static int clause_rel(const cod_sent *c, uint32_t i) {
    static const char *const rels[] = {"root", "ccomp", "xcomp", "advcl", "acl", "parataxis",
                                       "csubj", NULL};
    for (size_t k = 0; rels[k]; k++)
        if (cod_rel_is(c, i, rels[k])) return 1;
    return 0;
}

/* Append the 3-letter blocks of agent code ag ("~GOV", "GOV~", "~GOVMIL")
** to out unless present. */
void cod_add_blocks(char *out, size_t cap, const char *ag) {
    char blocks[32];
    size_t n = 0;
    for (const char *p = ag; *p && n + 1 < sizeof blocks; p++)
        if (*p != '~') blocks[n++] = *p;
    blocks[n] = 0;
    for (size_t k = 0; k + 3 <= n; k += 3) {
        int dup = 0;
        for (size_t j = 3; j + 3 <= strlen(out); j += 3)
            if (strncmp(out + j, blocks + k, 3) == 0) dup = 1;
        size_t len = strlen(out);
        if (!dup && len + 3 < cap) {
            memcpy(out + len, blocks + k, 3);
            out[len + 3] = 0;
        }
    }
}

/* The code of a mention from its matches m[first..last]: the most specific
** actor code (the longest; among equals the leftmost), then the agents'
** sector blocks. */
static const char *compose_agents(cod_sent *c, char *out, size_t cap, uint32_t first,
                                  uint32_t last);

/* Is match m a place inside a phrase ("the U.S. embassy in Cairo")? */
static int located(const cod_sent *c, const cod_match *m) {
    return m->a > 0 && (!strcmp(c->up[m->a - 1], "IN") || !strcmp(c->up[m->a - 1], "AT"));
}

static const char *compose(cod_sent *c, uint32_t first, uint32_t last, uint8_t *kind) {
    const cod_match *best = NULL;
    int others = 0;                     /* actors not in a locative phrase */
    for (uint32_t k = first; k <= last; k++)
        others += c->m[k].kind == DICT_ACTORS && !located(c, &c->m[k]);
    for (uint32_t k = first; k <= last; k++) {
        const cod_match *m = &c->m[k];
        if (m->kind != DICT_ACTORS || (others && located(c, m))) continue;
        if (!best || strlen(m->code) > strlen(best->code)) best = m;
    }
    char out[64];
    out[0] = 0;
    if (best) {
        snprintf(out, sizeof out, "%s", best->code);
        *kind = DYAD_MEN_ACTOR;
    } else {
        snprintf(out, sizeof out, "---");
        *kind = DYAD_MEN_AGENT;
    }
    return compose_agents(c, out, sizeof out, first, last);
}

/* The actor of group r (its most specific actor code) with the agents of
** group g. */
static const char *actor_with_agents(cod_sent *c, const cod_group *r, const cod_group *g) {
    const cod_match *best = NULL;
    for (uint32_t k = r->m0; k <= r->m1; k++)
        if (c->m[k].kind == DICT_ACTORS && (!best || strlen(c->m[k].code) > strlen(best->code)))
            best = &c->m[k];
    char out[64];
    snprintf(out, sizeof out, "%s", best ? best->code : "---");
    return compose_agents(c, out, sizeof out, g->m0, g->m1);
}

/* g's own code with the agents of group r added. */
static const char *compose_with(cod_sent *c, const cod_group *g, const cod_group *r) {
    char out[64];
    snprintf(out, sizeof out, "%s", g->code);
    return compose_agents(c, out, sizeof out, r->m0, r->m1);
}

/* out (an actor code) with the agents among matches first..last added, as
** an arena string.  A person's code already carries a sector: agents only
** add what it lacks.  A country adds every agent block. */
static const char *compose_agents(cod_sent *c, char *out, size_t cap, uint32_t first,
                                  uint32_t last) {
    for (uint32_t k = first; k <= last; k++) {
        const char *ag = c->m[k].code;
        if (c->m[k].kind != DICT_AGENTS) continue;
        /* "former security officials": no longer in office, an elite */
        for (uint32_t t = c->m[first].a ? c->m[first].a - 1 : 0; t < c->m[k].a; t++)
            if (!strcmp(c->up[t], "FORMER")) ag = "~ELI";
        size_t n = strlen(ag);
        if (n > 1 && ag[n - 1] == '~' && ag[0] != '~' && n + strlen(out) < cap) {
            /* a prefix agent ("NGO~"): NGO + ARN, unless the code has it
            ** already ("Amnesty International" is NGM itself) */
            if (!strncmp(out, ag, n - 1)) continue;
            char tmp[64];
            size_t lo = strlen(out);
            memcpy(tmp, out, lo + 1);
            memcpy(out, ag, n - 1);
            memcpy(out + n - 1, tmp, lo + 1);
        } else {
            cod_add_blocks(out, cap, ag);
        }
    }
    return arena_strndup(&c->s->arena, out, strlen(out));
}

/* Root of the noun phrase holding token i: climb noun-phrase-internal
** relations while the head is nominal and inside a dictionary match (so
** "Ukrainian troops", "the government in Kiev" are one phrase); through
** nmod only into an agent ("the government in Kiev", not "Lavrov in
** Paris").  in_match: 0 none, 1 actor, 2 agent. */
static uint32_t np_root(const cod_sent *c, uint32_t i, const uint8_t *in_match) {
    for (int guard = 0; guard < 64; guard++) {
        uint32_t h = cod_head(c, i);
        if (h == COD_NONE || !np_internal(c, i) || !is_nominal(c, h) || !in_match[h]) break;
        if (cod_rel_is(c, i, "nmod") && in_match[h] != 2 && c->sy[i].deprel[4] != ':') break;
        i = h;
    }
    return i;
}

/* Tokens [a, b) between two mentions: 2 when they are only commas,
** determiners, adjectives ("the awful Fornost") and an "and", 1 when only
** commas, determiners and adjectives, else 0. */
static int list_gap(const cod_sent *c, uint32_t a, uint32_t b) {
    int comma = 0, conj = 0;
    for (uint32_t t = a; t < b; t++) {
        if (!strcmp(c->up[t], "AND")) conj = 1;
        else if (!strcmp(c->up[t], ",")) comma = 1;
        else if (!cod_is_upos(c, t, UPOS_DET) && !cod_is_upos(c, t, UPOS_ADJ)) return 0;
    }
    return conj ? 2 : comma ? 1 : 0;
}

int cod_group_mentions(cod_sent *c) {
    dyad_arena *ar = &c->s->arena;
    uint32_t n = c->n;
    c->group_of = arena_alloc(ar, (n + 1) * sizeof *c->group_of);
    c->g = arena_alloc(ar, (c->nm + 3) * sizeof *c->g);   /* + 2 default actors */
    uint8_t *in_match = arena_alloc(ar, n + 1);
    uint32_t *root_of = arena_alloc(ar, (c->nm + 1) * sizeof *root_of);
    if (!c->group_of || !c->g || !in_match || !root_of) return -1;
    memset(in_match, 0, n + 1);
    for (uint32_t i = 0; i < n; i++) c->group_of[i] = COD_NONE;
    for (uint32_t k = 0; k < c->nm; k++)
        for (uint32_t t = c->m[k].a; t < c->m[k].b; t++)
            in_match[t] = c->m[k].kind == DICT_AGENTS ? 2 : 1;
    /* Head of each match: its token whose head lies outside it. */
    for (uint32_t k = 0; k < c->nm; k++) {
        const cod_match *m = &c->m[k];
        uint32_t h = m->b - 1;
        for (uint32_t t = m->a; t < m->b; t++) {
            uint32_t hh = cod_head(c, t);
            if (hh == COD_NONE || hh < m->a || hh >= m->b) {
                h = t;
                break;
            }
        }
        root_of[k] = np_root(c, h, in_match);
    }
    /* A run of matches that touch one another ("Russian Foreign Minister
    ** Sergei Lavrov") or share a root is one group, whatever the parse
    ** made of it. */
    c->ng = 0;
    for (uint32_t k = 0; k < c->nm;) {
        uint32_t last = k;
        uint32_t a = c->m[k].a, b = c->m[k].b;
        for (uint32_t j = k + 1; j < c->nm; j++) {
            /* touching, or joined by a possessive: "Gondor's Prime Minister" */
            int same = c->m[j].a == c->m[j - 1].b ||
                       (c->m[j].a == c->m[j - 1].b + 1 && !strcmp(c->up[c->m[j - 1].b], "'S"));
            for (uint32_t q = k; q < j && !same; q++) same = root_of[q] == root_of[j];
            if (!same) break;
            last = j;
            if (c->m[j].b > b) b = c->m[j].b;
        }
        cod_group *g = &c->g[c->ng];
        int has_actor = 0;
        for (uint32_t j = k; j <= last; j++) has_actor |= c->m[j].kind == DICT_ACTORS;
        if (!has_actor) {
            /* a bare agent must be a noun: "diplomatic" is no diplomat
            ** (a stem match), "military aid" no military (an adjective;
            ** accepting whole-word adjectives cost 6 UD-PETRARCH records
            ** and 0.03 PLOVER target recall) */
            uint32_t r = root_of[last];
            if (!cod_is_upos(c, r, UPOS_NOUN) && !cod_is_upos(c, r, UPOS_PROPN)) {
                k = last + 1;
                continue;
            }
            /* "its embassy", "his government": someone's, not an unknown
            ** government - left to coreference */
            int owned_by_pron = 0;
            for (uint32_t t = 0; t < c->n; t++)
                if (cod_head(c, t) == r && cod_rel_is(c, t, "nmod") && cod_is_upos(c, t, UPOS_PRON))
                    owned_by_pron = 1;
            if (owned_by_pron) {
                k = last + 1;
                continue;
            }
        }
        memset(g, 0, sizeof *g);
        g->a = a;
        g->b = b;
        /* root: the last token of the span whose head lies outside it, or
        ** the shared root of non-adjacent matches */
        g->root = root_of[k];
        if (root_of[last] != root_of[k] || (root_of[k] >= a && root_of[k] < b)) {
            for (uint32_t t = a; t < b; t++) {
                uint32_t hh = cod_head(c, t);
                if (hh == COD_NONE || hh < a || hh >= b) g->root = t;
            }
        }
        g->code = compose(c, k, last, &g->kind);
        g->m0 = k;
        g->m1 = last;
        g->nagents = 0;
        for (uint32_t j = k; j <= last; j++) g->nagents += c->m[j].kind == DICT_AGENTS;
        if (!g->code) return -1;
        g->conj = c->ng;
        g->owner = COD_NONE;
        g->mention = -1;
        for (uint32_t t = a; t < b; t++) c->group_of[t] = c->ng;
        if ((g->root < a || g->root >= b) && c->group_of[g->root] == COD_NONE)
            c->group_of[g->root] = c->ng;
        c->ng++;
        k = last + 1;
    }
    /* "US and EU officials": an actor that modifies the head noun of
    ** another mention's agent, coordinated with that mention's own actor,
    ** shares its agents (USAGOV as well as IGOEUREECGOV) */
    for (uint32_t k = 0; k < c->ng; k++) {
        cod_group *g = &c->g[k];
        if (g->kind != DYAD_MEN_ACTOR || g->nagents) continue;
        uint32_t r = g->b - 1;              /* the span's own head */
        for (uint32_t t = g->a; t < g->b; t++) {
            uint32_t hh = cod_head(c, t);
            if (hh == COD_NONE || hh < g->a || hh >= g->b) r = t;
        }
        uint32_t h = cod_head(c, r);
        if (h == COD_NONE || !(cod_rel_is(c, r, "compound") || cod_rel_is(c, r, "amod")))
            continue;
        uint32_t q = c->group_of[h];
        if (q == COD_NONE || q == k || !c->g[q].nagents || c->g[q].kind != DYAD_MEN_ACTOR) continue;
        int coordinated = 0;                /* one of q's tokens is a conj of g's */
        for (uint32_t t = c->g[q].a; t < c->g[q].b; t++)
            coordinated |= cod_rel_is(c, t, "conj") && cod_head(c, t) >= g->a && cod_head(c, t) < g->b;
        if (!coordinated) continue;
        const char *code = compose_with(c, g, &c->g[q]);
        if (!code) return -1;
        g->code = code;
    }
    /* Coordination, ownership, case. */
    for (uint32_t k = 0; k < c->ng; k++) {
        cod_group *g = &c->g[k];
        uint32_t r = g->root;
        for (uint32_t t = 0; t < n; t++)
            if (cod_head(c, t) == r && cod_rel_is(c, t, "case")) {
                g->casew = c->up[t];
                break;
            }
        uint32_t i = r;
        for (int guard = 0; guard < 64; guard++) {
            uint32_t h = cod_head(c, i);
            if ((cod_rel_is(c, i, "conj") || cod_rel_is(c, i, "appos")) && h != COD_NONE &&
                c->group_of[h] != COD_NONE && c->group_of[h] < k &&
                !cod_is_upos(c, h, UPOS_VERB)) {
                cod_group *rg = &c->g[c->group_of[h]];
                /* "Lawmakers in Fornost and Gondor": coordinated with the
                ** actor inside an agent's phrase, it shares the agents */
                if (h != rg->root && g->kind == DYAD_MEN_ACTOR && rg->nagents && !g->nagents) {
                    const char *code = compose_with(c, g, rg);
                    if (!code) return -1;
                    g->code = code;
                }
                /* "the Danish media and government": a bare agent shares the
                ** actor of the phrase it is coordinated with */
                if (g->kind == DYAD_MEN_AGENT && rg->kind == DYAD_MEN_ACTOR) {
                    const char *code = actor_with_agents(c, rg, g);
                    if (!code) return -1;
                    g->code = code;
                    g->kind = DYAD_MEN_ACTOR;
                }
                g->conj = rg->conj;
                g->owner = c->g[g->conj].owner;
                g->via = c->g[g->conj].via;
                if (!g->casew) g->casew = c->g[g->conj].casew;
                break;
            }
            /* the preposition of the phrase on the way up ("by a Ukrainian
            ** protestor": BY hangs on the noun the mention modifies) */
            if (!g->casew && i != r)
                for (uint32_t t = 0; t < n; t++)
                    if (cod_head(c, t) == i && cod_rel_is(c, t, "case")) {
                        g->casew = c->up[t];
                        break;
                    }
            if (h == COD_NONE) {
                g->owner = i;
                g->via = c->sy[i].deprel;
                break;
            }
            if (cod_is_upos(c, h, UPOS_VERB) || clause_rel(c, h)) {
                g->owner = h;
                g->via = c->sy[i].deprel;
                break;
            }
            i = h;
        }
    }
    /* "X and Y", "X, Y and Z" the parse left apart: mentions separated only
    ** by commas, "and" and determiners are coordinated (TABARI's compounds). */
    for (uint32_t k = 1; k < c->ng; k++) {
        cod_group *g = &c->g[k], *p = &c->g[k - 1];
        if (g->conj != k) continue;
        int sep = list_gap(c, p->b, g->a);
        /* a comma alone joins only inside a list that "and" ends:
        ** "Mordor, Rohan, Fornost and Bree", not "Rohan, an official said" */
        if (sep == 1) {
            uint32_t j = k;
            while (j + 1 < c->ng && list_gap(c, c->g[j].b, c->g[j + 1].a) == 1) j++;
            if (j + 1 >= c->ng || list_gap(c, c->g[j].b, c->g[j + 1].a) != 2) sep = 0;
        }
        if (!sep || p->conj == k) continue;
        /* "Russia attacked Ukraine, and France condemned Russia": the
        ** subject of another verb is not in the list */
        if (g->via && !strncmp(g->via, "nsubj", 5) && g->owner != COD_NONE &&
            g->owner != c->g[p->conj].owner)
            continue;
        /* as the parse rule does: a bare agent shares the actor of the
        ** phrase it is listed with ("Russian troops, the police and ...") */
        if (g->kind == DYAD_MEN_AGENT && p->kind == DYAD_MEN_ACTOR) {
            const char *code = actor_with_agents(c, p, g);
            if (!code) return -1;
            g->code = code;
            g->kind = DYAD_MEN_ACTOR;
        }
        g->conj = p->conj;
        g->owner = c->g[p->conj].owner;
        g->via = c->g[p->conj].via;
    }
    /* every member points at the first of its coordination (links only
    ** point back, so one pass in order settles them) */
    for (uint32_t k = 0; k < c->ng; k++) {
        cod_group *g = &c->g[k];
        if (g->conj == k) continue;
        const cod_group *r = &c->g[c->g[g->conj].conj];
        g->conj = c->g[g->conj].conj;
        g->owner = r->owner;
        g->via = r->via;
    }
    return 0;
}
