/*
** hints.c - the tags the dictionaries impose before the parse: names of
** multi-word actors are proper nouns, a verb form right after a name is a
** verb, a verb form after a modal a base-form verb.  The tagger is trained
** on web text (UD EWT) and often reads news verbs as adjectives or nouns.
*/
#include "coding.h"

/* Does a determiner open the noun phrase that token a continues ("an
** anti- Gondor parade")?  Looks back over up to three modifiers. */
static int det_before(const cod_sent *c, uint32_t a) {
    for (uint32_t k = 0; k < 4 && a > 0; k++) {
        uint32_t t = --a;
        if (c->upos[t] == UPOS_DET) return 1;
        if (!(c->upos[t] == UPOS_ADJ || c->upos[t] == UPOS_NOUN || c->upos[t] == UPOS_NUM ||
              (c->upos[t] == UPOS_PUNCT && c->up[t][0] == '-')))
            return 0;
    }
    return 0;
}

/* A word of a time phrase between a subject and its verb ("on
** Wednesday", "Thursday evening", "late Sunday", "today"). */
static int time_word(const char *w) {
    static const char *const T[] = {"ON", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
        "SATURDAY", "SUNDAY", "TODAY", "YESTERDAY", "TONIGHT", "LATE", "EARLY", "EARLIER",
        "MORNING", "AFTERNOON", "EVENING", "NIGHT", "ALSO", "LAST", "WEEK", "THIS", ",", NULL};
    for (size_t k = 0; T[k]; k++)
        if (!strcmp(w, T[k])) return 1;
    return 0;
}

static const char **force_new(cod_sent *c) {
    const char **f = arena_alloc(&c->s->arena, (c->n + 1) * sizeof *f);
    if (f) memset(f, 0, (c->n + 1) * sizeof *f);
    return f;
}

/* Tags the dictionaries impose (NULL: none; (char **)-1: out of memory):
**  - capitalised words of a multi-word actor name are proper nouns (NNP,
**    NNPS when the tagger saw a plural);
**  - a verb form (the whole word, not a stem match) the tagger read as an
**    adjective or noun, outside any name, right after a name or a noun that ends an actor or agent match
**    ("the Union imposed sanctions") is a verb: VBD for -ED, VBZ for -S,
**    else VBP;
**  - a verb form after a modal ("will abandon") is a base-form verb (VB);
**  - "~": a country after its own city ("Minsk, Belarus") is left out of
**    the parse and hung on the city. */
const char **cod_dictionary_tags(cod_sent *c, const uint8_t *vform) {
    const char **force = NULL;
    uint8_t *in = arena_alloc(&c->s->arena, c->n + 1);   /* 1 in a match, 2 its last token */
    if (!in) return (const char **)-1;
    memset(in, 0, c->n + 1);
    for (uint32_t k = 0; k < c->nm; k++)
        for (uint32_t t = c->m[k].a; t < c->m[k].b; t++) in[t] = t + 1 == c->m[k].b ? 2 : 1;
    for (uint32_t k = 0; k < c->nm; k++) {
        const cod_match *m = &c->m[k];
        if (m->kind != DICT_ACTORS || m->b - m->a < 2) continue;
        for (uint32_t t = m->a; t < m->b; t++) {
            int u = c->upos[t];
            if (!(c->se->tokens[t].flags & DYAD_TF_UPPER) ||
                !(u == UPOS_NOUN || u == UPOS_ADJ || u == UPOS_VERB || u == UPOS_X))
                continue;
            if (!force && !(force = force_new(c))) return (const char **)-1;
            force[t] = !strcmp(c->sy[t].xpos, "NNS") ? "NNPS" : "NNP";
        }
    }
    for (uint32_t v = 1; v < c->n; v++) {
        /* (a word the verb matches only as a stem - LEADERS of LEAD - is
        ** more likely a noun) */
        if (vform[v] != 1 || in[v] || in[v - 1] != 2) continue;
        /* "an anti-Gondor parade", "the U.S. attack": a one-word name after
        ** a determiner modifies the noun that follows */
        uint32_t a = v - 1;
        while (a > 0 && in[a - 1] == 1) a--;
        if (a + 1 == v && det_before(c, a)) continue;
        if (!(c->upos[v] == UPOS_ADJ || c->upos[v] == UPOS_NOUN || c->upos[v] == UPOS_PROPN))
            continue;
        int prev_noun = c->upos[v - 1] == UPOS_NOUN || c->upos[v - 1] == UPOS_PROPN ||
                        (force && force[v - 1]);
        if (!prev_noun) continue;
        if (!force && !(force = force_new(c))) return (const char **)-1;
        size_t len = strlen(c->up[v]);
        force[v] = len > 2 && !strcmp(c->up[v] + len - 2, "ED") ? "VBD"
                 : len > 1 && c->up[v][len - 1] == 'S' ? "VBZ" : "VBP";
    }
    /* "The Security Council on Wednesday lifted sanctions", "the government
    ** Thursday evening expressed condolences": an -ED verb form after an
    ** actor or agent and a time phrase, with no auxiliary, is a past-tense
    ** verb (the tagger, trained on web text, reads a participle) */
    for (uint32_t v = 2; v < c->n; v++) {
        size_t len = strlen(c->up[v]);
        if (vform[v] != 1 || in[v] || len < 4 || strcmp(c->up[v] + len - 2, "ED") != 0) continue;
        if (!(c->upos[v] == UPOS_ADJ || c->upos[v] == UPOS_NOUN ||
              !strcmp(c->sy[v].xpos, "VBN")))
            continue;
        uint32_t a = v;
        while (a > 0 && time_word(c->up[a - 1])) a--;
        if (a == v || a == 0 || in[a - 1] != 2) continue;
        if (!force && !(force = force_new(c))) return (const char **)-1;
        force[v] = "VBD";
    }
    /* after a modal ("will abandon", "could not attack") a verb form is a
    ** base-form verb */
    for (uint32_t v = 1; v < c->n; v++) {
        if (!vform[v] || in[v] || c->upos[v] == UPOS_VERB) continue;
        uint32_t p = v - 1;
        if (p > 0 && (!strcmp(c->up[p], "NOT") || !strcmp(c->up[p], "N'T") ||
                      !strcmp(c->up[p], "NEVER")))
            p--;
        if (strcmp(c->sy[p].xpos, "MD") != 0) continue;
        if (!force && !(force = force_new(c))) return (const char **)-1;
        force[v] = "VB";
    }
    /* "in Minsk, Belarus last month", "Paris, France": a country after its
    ** own city, set off by a comma, is hidden from the parse (the parser
    ** reads such commas as a list) and hung on the city */
    for (uint32_t k = 1; k < c->nm; k++) {
        const cod_match *m = &c->m[k], *p = &c->m[k - 1];
        if (m->kind != DICT_ACTORS || p->kind != DICT_ACTORS || !m->code || !p->code) continue;
        if (m->a < 2 || p->b + 1 != m->a || strcmp(c->up[m->a - 1], ",") != 0) continue;
        if (strlen(m->code) != 3 || strncmp(m->code, p->code, 3) != 0 || !strcmp(m->code, "---"))
            continue;
        if (!force && !(force = force_new(c))) return (const char **)-1;
        for (uint32_t t = m->a - 1; t < m->b; t++) force[t] = "~";
    }
    if (force && c->trace) {
        for (uint32_t t = 0; t < c->n; t++)
            if (force[t]) cod_trace(c, "tag %s imposed on %s\n", force[t], c->up[t]);
    }
    return force;
}
