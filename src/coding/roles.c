/*
** roles.c - who did it and to whom: the source and target of a verb from
** the parse (subject, inherited subjects, objects, the first mention of the
** verb's phrase, by-phrases of passives), TABARI's linear fallbacks, and
** the clauses whose events are not the reporter's own (said, denied).
*/
#include "coding.h"

/* Is v passive: does it have a passive auxiliary ("was condemned")?  A
** passive subject without one ("Ethiopia broken down a treaty") is read
** as the subject. */
int cod_is_passive(const cod_sent *c, uint32_t v) {
    for (uint32_t t = 0; t < c->n; t++)
        if (cod_head(c, t) == v && !strcmp(c->sy[t].deprel, "aux:pass")) return 1;
    return 0;
}

/* Light verbs, whose object or oblique noun names the event they carry
** out ("staged a protest", "took part in talks"). */
int cod_light_verb(const cod_sent *c, uint32_t h) {
    static const char *const V[] = {"participate", "take", "join", "stage", "hold", "launch",
        "carry", "conduct", "lead", "mount", "make", "wage", "organize", "organise", "engage",
        "unleash", "intensify", "escalate", "step", "resume", "begin", "start", "continue",
        NULL};
    const char *l = c->sy[h].lemma;
    if (!l || !cod_is_upos(c, h, UPOS_VERB)) return 0;
    for (size_t k = 0; V[k]; k++)
        if (!strcmp(l, V[k])) return 1;
    return 0;
}

/* Verbs of asking, urging and causing whose object is the subject of
** their infinitive ("urged Russia to withdraw": Russia withdraws). */
int cod_object_control(const cod_sent *c, uint32_t h) {
    static const char *const V[] = {"urge", "ask", "call", "press", "invite", "encourage",
        "persuade", "force", "order", "tell", "warn", "advise", "allow", "permit", "require",
        "request", "push", "pressure", "help", "want", "expect", "appeal", "instruct",
        "direct", "compel", "oblige", "authorize", "authorise", "enable", "exhort", "implore",
        "beg", "challenge", "prompt", "forbid", "cause", "lead", NULL};
    const char *l = c->sy[h].lemma;
    if (!l) return 0;
    for (size_t k = 0; V[k]; k++)
        if (!strcmp(l, V[k])) return 1;
    return 0;
}

/* Does a "to" mark open infinitive v? */
int cod_to_infinitive(const cod_sent *c, uint32_t v) {
    for (uint32_t t = 0; t < v; t++)
        if (cod_head(c, t) == v && cod_rel_is(c, t, "mark") && !strcmp(c->up[t], "TO")) return 1;
    return 0;
}

/* Group owned by v whose last edge is relation rel (prefix), or COD_NONE. */
uint32_t cod_owned(const cod_sent *c, uint32_t v, const char *rel, uint32_t not) {
    size_t n = strlen(rel);
    for (uint32_t k = 0; k < c->ng; k++) {
        const cod_group *g = &c->g[k];
        if (k == not || g->owner != v || !g->via) continue;
        if (strncmp(g->via, rel, n) == 0 && (g->via[n] == 0 || g->via[n] == ':')) return g->conj;
    }
    return COD_NONE;
}

static int is_personal(const char *w) {
    static const char *const p[] = {"IT", "HE", "SHE", "THEY", "WE", NULL};
    for (size_t k = 0; p[k]; k++)
        if (!strcmp(w, p[k])) return 1;
    return 0;
}

uint32_t cod_subject_of(const cod_sent *c, uint32_t v, int depth, int *inferred) {
    if (depth > 6 || v == COD_NONE) return COD_NONE;
    int active = !cod_is_passive(c, v);
    for (uint32_t k = 0; k < c->ng; k++) {
        const cod_group *g = &c->g[k];
        if (g->owner == v && g->via &&
            (!strcmp(g->via, "nsubj") || !strncmp(g->via, "csubj", 5) ||
             (active && !strcmp(g->via, "nsubj:pass"))))
            return g->conj;
    }
    uint32_t h = cod_head(c, v);
    /* A pronoun subject ("Estonia said it would act") is the nearest actor
    ** before it in the sentence, as PETRARCH resolved pronouns. */
    for (uint32_t t = 0; t < v; t++)
        if (cod_head(c, t) == v && cod_rel_is(c, t, "nsubj") && cod_is_upos(c, t, UPOS_PRON) &&
            is_personal(c->up[t])) {
            /* he and she are people: a code with a sector, not a country */
            int person = !strcmp(c->up[t], "HE") || !strcmp(c->up[t], "SHE");
            for (uint32_t k = c->ng; k-- > 0;)
                if (c->g[k].b <= t && (!person || strlen(c->g[k].code) > 3)) {
                    *inferred = 1;
                    return c->g[k].conj;
                }
            break;
        }
    if (h == COD_NONE) return COD_NONE;
    if (cod_rel_is(c, v, "xcomp")) {
        uint32_t o = cod_owned(c, h, "obj", COD_NONE);
        if (o == COD_NONE) o = cod_owned(c, h, "iobj", COD_NONE);
        /* "Russia was seen to attack", "was urged to withdraw": the passive
        ** subject of the governor is the subject of its infinitive */
        if (o == COD_NONE) o = cod_owned(c, h, "nsubj:pass", COD_NONE);
        *inferred = 1;
        return o != COD_NONE ? o : cod_subject_of(c, h, depth + 1, inferred);
    }
    if ((cod_rel_is(c, v, "advcl") || cod_rel_is(c, v, "conj")) && cod_to_infinitive(c, v) &&
        cod_object_control(c, h)) {
        /* "urged Ukraine on Monday to withdraw": the parser often hangs the
        ** infinitive as advcl (or as conj: "prompting Moscow to impose ...
        ** and to sign"); after a verb of asking or causing, its subject is
        ** still the object */
        uint32_t o = cod_owned(c, h, "obj", COD_NONE);
        if (o != COD_NONE) {
            *inferred = 1;
            return o;
        }
    }
    if (cod_rel_is(c, v, "conj") || cod_rel_is(c, v, "advcl")) {
        *inferred = 1;
        return cod_subject_of(c, h, depth + 1, inferred);
    }
    /* "Gollum participated in an anti-Gondor parade", "Russia launched an
    ** attack": the event noun of a light verb has the verb's subject */
    if ((cod_is_upos(c, v, UPOS_NOUN) || cod_is_upos(c, v, UPOS_PROPN)) &&
        (cod_rel_is(c, v, "obj") || cod_rel_is(c, v, "obl")) && cod_light_verb(c, h)) {
        *inferred = 1;
        return cod_subject_of(c, h, depth + 1, inferred);
    }
    if (cod_rel_is(c, v, "acl") && c->group_of[h] != COD_NONE) {
        *inferred = 1;
        return c->g[c->group_of[h]].conj;
    }
    return COD_NONE;
}


/* Is g the speaker of an attribution ("..., a senior official said")?
** A speaker is no participant of what is reported. */
int cod_is_speaker(const cod_sent *c, const cod_group *g) {
    return g->owner != COD_NONE && g->via && !strncmp(g->via, "nsubj", 5) &&
           cod_is_say(c, g->owner);
}

/* Is token t in the subtree of token v (t != v)? */
static int below(const cod_sent *c, uint32_t t, uint32_t v) {
    int guard = 0;
    for (uint32_t h = cod_head(c, t); h != COD_NONE && guard < 64; h = cod_head(c, h), guard++)
        if (h == v) return 1;
    return 0;
}

/* Default target of v: object, else the first mention of its clause after
** it, else one before it that is not the source. */
uint32_t cod_target_of(const cod_sent *c, uint32_t v, uint32_t src) {
    uint32_t o = cod_owned(c, v, "obj", src);
    if (o == COD_NONE) o = cod_owned(c, v, "iobj", src);
    if (o != COD_NONE && o != src) return o;
    for (uint32_t k = 0; k < c->ng; k++) {
        const cod_group *g = &c->g[k];
        if (g->owner == v && g->a > v && g->conj != src && g->via &&
            strncmp(g->via, "nsubj", 5) != 0)
            return g->conj;
    }
    for (uint32_t k = 0; k < c->ng; k++) {
        const cod_group *g = &c->g[k];
        if (g->owner == v && g->b <= v && g->conj != src && g->via &&
            strncmp(g->via, "nsubj", 5) != 0 && strncmp(g->via, "csubj", 5) != 0)
            return g->conj;
    }
    /* PETRARCH's and TABARI's reading: the first mention after the verb in
    ** its phrase, clauses below it included ("pledged to lift sanctions on
    ** Russia", "postponed the meeting after ... on the pass of Cirith
    ** Ungol"), except the subjects of those clauses. */
    uint32_t bare = COD_NONE;           /* a role with no country: only if nothing else */
    for (uint32_t k = 0; k < c->ng; k++) {
        const cod_group *g = &c->g[k];
        if (g->a <= v || g->conj == src || !below(c, g->root, v)) continue;
        if (g->via && (!strncmp(g->via, "nsubj", 5) || !strncmp(g->via, "csubj", 5))) continue;
        if (!strncmp(g->code, "---", 3)) {
            if (bare == COD_NONE) bare = g->conj;
            continue;
        }
        return g->conj;
    }
    if (bare != COD_NONE) return bare;
    /* "condemned an attack ... and promised aid to the villages" with the
    ** second object hung on the first verb: what its governor owns after
    ** a coordinated verb is the verb's */
    if (cod_rel_is(c, v, "conj")) {
        uint32_t h = cod_head(c, v);
        for (uint32_t k = 0; k < c->ng && h != COD_NONE; k++) {
            const cod_group *g = &c->g[k];
            if (g->owner == h && g->a > v && g->conj != src && g->via &&
                strncmp(g->via, "nsubj", 5) != 0 && !cod_is_speaker(c, g))
                return g->conj;
        }
    }
    /* The parse gave the verb nothing: TABARI's reading. */
    return cod_linear_target(c, v, src);
}

/* TABARI's target: the first mention after the verb before the next verb. */
uint32_t cod_linear_target(const cod_sent *c, uint32_t v, uint32_t src) {
    uint32_t stop = c->n;
    for (uint32_t t = v + 1; t < c->n; t++)
        if (cod_is_upos(c, t, UPOS_VERB)) {
            stop = t;
            break;
        }
    for (uint32_t k = 0; k < c->ng; k++) {
        const cod_group *g = &c->g[k];
        if (g->a > v && g->b <= stop && g->conj != src && !cod_is_speaker(c, g)) return g->conj;
    }
    return COD_NONE;
}

/* Did the parse give v no subject of any kind, nor a clause to inherit one
** from ("Estonia act on ..." parsed with "Estonia" as a vocative)? */
int cod_subjectless(const cod_sent *c, uint32_t v) {
    if (cod_rel_is(c, v, "xcomp") || cod_rel_is(c, v, "conj") || cod_rel_is(c, v, "advcl") ||
        cod_rel_is(c, v, "acl"))
        return 0;
    for (uint32_t t = 0; t < c->n; t++)
        if (cod_head(c, t) == v && (cod_rel_is(c, t, "nsubj") || cod_rel_is(c, t, "csubj") ||
                                    cod_rel_is(c, t, "expl")))
            return 0;
    return 1;
}

/* TABARI's source: the nearest mention before the verb with no verb
** between them. */
uint32_t cod_linear_source(const cod_sent *c, uint32_t v) {
    for (uint32_t k = c->ng; k-- > 0;) {
        const cod_group *g = &c->g[k];
        if (g->b > v) continue;
        for (uint32_t t = g->b; t < v; t++)
            if (cod_is_upos(c, t, UPOS_VERB)) return COD_NONE;
        return g->conj;
    }
    return COD_NONE;
}

static const char *const SAY_LEMMAS[] = {"say", "tell", "report", "announce", "claim",
                                         "state", "add", "note", "insist", "allege",
                                         "confirm", NULL};

/* Is v a verb of saying? */
int cod_is_say(const cod_sent *c, uint32_t v) {
    for (size_t k = 0; SAY_LEMMAS[k]; k++)
        if (!strcmp(c->sy[v].lemma, SAY_LEMMAS[k])) return 1;
    return 0;
}

/* Is v the content of a denial ("denies it has deployed", "rejected
** claims that it attacked")? */
int cod_denied(const cod_sent *c, uint32_t v) {
    static const char *const deny[] = {"deny", "refute", "dismiss", "disavow", NULL};
    uint32_t h = cod_head(c, v);
    if (h == COD_NONE || !(cod_rel_is(c, v, "ccomp") || cod_rel_is(c, v, "parataxis") ||
                           cod_rel_is(c, v, "acl")))
        return 0;
    /* "dismissed claims that ...": the claim noun hangs on the verb */
    if (cod_rel_is(c, v, "acl") && cod_head(c, h) != COD_NONE) h = cod_head(c, h);
    for (size_t k = 0; deny[k]; k++)
        if (!strcmp(c->sy[h].lemma, deny[k])) return 1;
    return 0;
}

/* Is v said by someone: in a clause under a verb of saying ("X said Y
** attacked Z")? */
int cod_reported(const cod_sent *c, uint32_t v) {
    int guard = 0;
    for (uint32_t t = v; t != COD_NONE && guard < 8; t = cod_head(c, t), guard++) {
        if (!(cod_rel_is(c, t, "ccomp") || cod_rel_is(c, t, "parataxis"))) continue;
        uint32_t h = cod_head(c, t);
        if (h == COD_NONE) break;
        if (cod_is_say(c, h)) return 1;
    }
    return 0;
}
