/*
** coref.c - who, across sentences: the story-level layer between the
** dictionary pass of every sentence and the coding of each (contract in
** coding.h, API in dyad.h).
**
** Actors: every actor or agent match of the dictionary pass, in text order
** (agents right before an actor are part of its mention).  A match is a
** person when its entry has a dated code (office holders: "John Kerry"
** [USAGOV 130201-170120]) or comes from a people file; countries, places
** and organisations have neither.  "The minister" after a full mention is
** the last person of that sector.
**
** Pronouns: he, she, him (and possessive his, her) refer to the last
** person named before them, in this sentence or the six before; inside a
** quotation, I, me, we, us (my, our) are the quotation's speaker (the
** speaker's side, as CAMEO codes first-person statements).  "it", "they"
** are left to the coder's in-sentence rule: they name things as often as
** actors.  A country word before "counterpart(s)" takes the sector of the
** last person ("his Russian counterpart" after Kerry, USAGOV: RUSGOV);
** "the two countries", "both sides" are the two countries the story has
** named most so far ("USA/RUS": the coder codes one event for each).
**
** Quotations: maximal runs of quoted words (the text layer marks them)
** across sentences and paragraphs.  The speaker is the actor next to a verb
** of saying outside the quotation in its last or first sentence (",
** Kerry said", "he told reporters", "According to X"); a run with none
** continues the quotation just before it when that one ended at most two
** sentences earlier (a quote paragraph that goes on), else it has no
** speaker.
**
** Metonyms: a capital named for its country ("Moscow said", "prompting
** Moscow to") is that country's government, unless a preposition of place
** comes before it ("talks in Moscow").
**
** With [Options] coreference, pronouns whose antecedent is in an earlier
** sentence (the coder resolves those of its own sentence), first-person
** words of quotations and relational phrases become matches of the
** dictionary pass, so the coder treats them as the actors they name.
** Possessives and metonyms are only reported: a possessive would join the
** noun phrase it modifies, and capitals as governments cost the
** development sets (measured: PLOVER source recall 0.852 -> 0.845).
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "coding.h"
#include "../dict/builder.h"

#define PERSON_WINDOW 6         /* sentences a person stays the antecedent */
#define QUOTE_GAP 2             /* sentences between a quote and the next
                                ** that goes on with its speaker */

static int in_words(const char *w, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(w, list[i])) return 1;
    return 0;
}

static const char *const third_person[] = {"HE", "SHE", "HIM", NULL};
static const char *const third_poss[] = {"HIS", "HER", NULL};
static const char *const first_person[] = {"I", "ME", "WE", "US", NULL};
static const char *const first_poss[] = {"MY", "OUR", NULL};
/* Prepositions of place or motion: a country or city after them is named
** as a place ("talks in Moscow"), not as an actor. */
static const char *const place_preps[] = {"IN", "AT", "NEAR", "FROM", "TO", "OUTSIDE", "INSIDE",
                                          "ACROSS", "AROUND", "VIA", "INTO", "THROUGH", NULL};

/* Words of a role that one person holds ("the minister"), unlike an
** institution ("the government"). */
static const char *const person_titles[] = {
    "MINISTER", "SECRETARY", "PRESIDENT", "PREMIER", "CHANCELLOR", "KING", "QUEEN", "PRINCE",
    "EMIR", "SULTAN", "LEADER", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "AMBASSADOR",
    "ENVOY", "GENERAL", "COMMANDER", "MAYOR", "GOVERNOR", "SENATOR", "CONGRESSMAN",
    "CONGRESSWOMAN", "DIPLOMAT", "CHIEF", "CHAIRMAN", "CHAIRWOMAN", "DIRECTOR", "POPE",
    "AYATOLLAH", "CLERIC", "JUDGE", "PROSECUTOR", NULL};
static const char *const speech_verbs[] = {
    "SAID", "SAYS", "SAY", "TOLD", "TELLS", "ADDED", "ADDS", "ASKED", "STATED", "DECLARED",
    "NOTED", "WARNED", "INSISTED", "EXPLAINED", "WROTE", "REPLIED", "RESPONDED", "CONTINUED",
    "ANNOUNCED", "CONFIRMED", "EMPHASIZED", "STRESSED", "ACCORDING", "INSISTS", "ARGUED", NULL};

/* A word of the story, for the walk in text order. */
typedef struct cw {
    uint32_t sent, tok;
} cw;

/* Is the actor match m a person: an entry with a dated code (office
** holders: "John Kerry" [USAGOV 130201-170120]), or one of a people file
** (dyad's own data/dict/people-*.actors: "Sergei Lavrov" [RUSGOV])? */
static int person_match(const dict_builder *b, const dict_match *m) {
    if (m->kind != DICT_ACTORS || m->entry >= b->actors.n) return 0;
    const b_actor *a = &DVEC_AT(&b->actors, b_actor, m->entry);
    for (size_t k = 0; k < a->ncodes; k++)
        if (a->codes[k].lo != DICT_DATE_MIN || a->codes[k].hi != DICT_DATE_MAX) return 1;
    const char *f = a->src.file ? strrchr(a->src.file, '/') : NULL;
    f = f ? f + 1 : a->src.file;
    return f && !strncmp(f, "people", 6);
}

static int is_match(const dict_match *m) {
    return m->ntokens && m->code && strcmp(m->code, "---") != 0;
}

static dyad_actor *push_actor(dyad_session *s, uint32_t sent, const dyad_sentence *se,
                              uint32_t a, uint32_t b, const char *code, uint8_t kind,
                              int32_t from) {
    dyad_actor *x = dvec_push(&s->actors, sizeof *x);
    if (!x) return NULL;
    x->sentence = sent;
    x->start = se->tokens[a].start;
    x->end = se->tokens[b - 1].start + se->tokens[b - 1].len;
    x->code = code;
    x->kind = kind;
    x->located = 0;
    x->resolved_from = from;
    return x;
}

/* Is the actor match [k, e) of sentence p a capital standing for its
** government ("Moscow said", "prompting Moscow to impose"): a bare
** country code whose words name that country's capital in the gazetteer,
** not after a preposition of place or motion ("talks in Moscow")? */
static int metonym(const dyad_session *s, const dyad_sentence *se, const cod_pre *p, uint32_t k,
                   uint32_t e) {
    const char *code = p->at[k].code;
    const dyad_gazetteer *g = s->e->gaz;
    if (!g || p->at[k].kind != DICT_ACTORS || strlen(code) != 3) return 0;
    if (k > 0 && in_words(p->up[k - 1], place_preps)) return 0;
    const dyad_token *ta = &se->tokens[k], *tb = &se->tokens[e - 1];
    const uint32_t *ids;
    size_t n = dyad_gazetteer_lookup(g, s->doc.z + ta->start, tb->start + tb->len - ta->start,
                                     &ids);
    for (size_t i = 0; i < n && i < 8; i++) {
        dyad_place pl;
        dyad_gazetteer_place(g, ids[i], &pl);
        if (!strcmp(pl.fcode, "PPLC") && !strcmp(pl.country, code)) return 1;
    }
    return 0;
}

/* The last person named before sentence i (within PERSON_WINDOW
** sentences) whose code carries the sector blocks sec ("GOV"), or -1;
** person[x] says whether actor x is one (person_match()). */
static int32_t titled_person(const dyad_session *s, const uint8_t *person, uint32_t i,
                             const char *sec) {
    if (!*sec) return -1;
    for (size_t x = s->actors.n; x-- > 0;) {
        const dyad_actor *a = &DVEC_AT(&s->actors, dyad_actor, x);
        if (a->sentence + PERSON_WINDOW < i) break;
        if (person[x] && a->kind == DYAD_MEN_ACTOR && strlen(a->code) > 3 &&
            strstr(a->code + 3, sec))
            return (int32_t)x;
    }
    return -1;
}

/* Nouns of "the two countries", "both sides". */
static const char *const dyad_nouns[] = {"COUNTRIES", "SIDES", "NATIONS", "GOVERNMENTS",
                                         "LEADERS", "STATES", "PARTIES", NULL};

/* The two countries the story has named most so far (actors and what
** refers back to them; not "---", IGO, or places after "in"), ties to the
** later: their last named actors in *d1 and *d2 (the more named first), or -1
** when fewer than two.  "The two countries" after Kerry and his Russian
** counterpart are the United States and Russia even when Ukraine was
** named last ("differences over Ukraine"). */
static void last_dyad(const dyad_session *s, int32_t *d1, int32_t *d2) {
    char cc[32][4];
    int cnt[32];
    int32_t last[32];
    int n = 0;
    *d1 = *d2 = -1;
    for (size_t x = 0; x < s->actors.n; x++) {
        const dyad_actor *a = &DVEC_AT(&s->actors, dyad_actor, x);
        if (a->located || strlen(a->code) < 3 || !strncmp(a->code, "---", 3) ||
            !strncmp(a->code, "IGO", 3) || strchr(a->code, '/'))
            continue;
        int i;
        for (i = 0; i < n && strncmp(cc[i], a->code, 3); i++) {}
        if (i == n) {
            if (n == 32) continue;
            memcpy(cc[n], a->code, 3);
            cc[n][3] = 0;
            cnt[n] = 0;
            n++;
        }
        /* what it resolves to: the last named actor, not a pronoun */
        if (!cnt[i]++ || a->kind != DYAD_MEN_PRONOUN) last[i] = (int32_t)x;
    }
    int b1 = -1, b2 = -1;
    for (int i = 0; i < n; i++) {
        if (b1 < 0 || cnt[i] > cnt[b1] || (cnt[i] == cnt[b1] && last[i] > last[b1])) {
            b2 = b1;
            b1 = i;
        } else if (b2 < 0 || cnt[i] > cnt[b2] || (cnt[i] == cnt[b2] && last[i] > last[b2])) {
            b2 = i;
        }
    }
    if (b2 < 0) return;
    *d1 = last[b1];
    *d2 = last[b2];
}

/* The code of the actor match at word k of sentence p with the sector
** blocks of the agent matches right before it ("President Abdelaziz
** Bouteflika": DZAELI + GOV), as the coder composes a mention, and in
** *from the first word of those agents; in the arena, or NULL when out of
** memory. */
static const char *composed(dyad_session *s, const cod_pre *p, uint32_t k, uint32_t *from) {
    char out[64];
    snprintf(out, sizeof out, "%s", p->at[k].code);
    uint32_t end = k;
    for (int guard = 0; guard < 4 && end > 0; guard++) {
        uint32_t a = end;
        for (uint32_t j = 0; j < end && a == end; j++)      /* the longest first */
            if (p->at[j].ntokens && j + p->at[j].ntokens == end && p->at[j].kind == DICT_AGENTS &&
                p->at[j].code)
                a = j;
        if (a == end) break;
        cod_add_blocks(out, sizeof out, p->at[a].code);
        end = a;
    }
    *from = end;
    if (!strcmp(out, p->at[k].code)) return p->at[k].code;
    return arena_strndup(&s->arena, out, strlen(out));
}

/* A resolved word becomes a match of the dictionary pass (the coreference
** option): the coder then sees the actor it names. */
static void inject(cod_pre *p, uint32_t t, uint32_t len, const char *code) {
    dict_match *m = &p->at[t];
    memset(m, 0, sizeof *m);
    m->kind = DICT_ACTORS;
    m->ntokens = len;
    m->code = code;
    m->entry = (size_t)-1;
}

/* The speaker of the quotation run [qa, qb) (words in text order): an
** actor next to a verb of saying outside the run in sentence si.  Returns
** the actor index or -1. */
static int32_t speaker_in(const dyad_session *s, const cod_pre *pre, uint32_t si,
                          const int32_t *actor_at, const uint32_t *sent_base) {
    const dyad_sentence *se = dyad_session_sentence(s, si);
    const cod_pre *p = &pre[si];
    if (!se || !p->up) return -1;
    int32_t best = -1;
    uint32_t bestd = UINT32_MAX;
    for (uint32_t v = 0; v < se->ntokens; v++) {
        if ((se->tokens[v].flags & DYAD_TF_QUOTED) || !in_words(p->up[v], speech_verbs)) continue;
        /* the nearest actor outside the quotation, on either side */
        for (uint32_t k = 0; k < se->ntokens; k++) {
            int32_t ai = actor_at[sent_base[si] + k];
            if (ai < 0 || (se->tokens[k].flags & DYAD_TF_QUOTED)) continue;
            uint32_t d = k < v ? v - k : k - v;
            if (d < bestd) {
                bestd = d;
                best = ai;
            }
        }
    }
    return best;
}

int cod_coref(dyad_session *s, cod_pre *pre) {
    s->actors.n = s->quotes.n = 0;
    s->actors.oom = s->quotes.oom = 0;
    const cod_memo *memo = s->cod;
    const dict_builder *b = dict_entries(dyad_engine_dict(s->e));
    size_t ns = s->doc.sents.n;
    /* word index of each sentence's first word, and the actor at each word */
    uint32_t *sent_base = arena_alloc(&s->arena, (ns + 1) * sizeof *sent_base);
    if (!sent_base) return -1;
    uint32_t nw = 0;
    for (size_t i = 0; i < ns; i++) {
        sent_base[i] = nw;
        nw += DVEC_AT(&s->doc.sents, dyad_sentence, i).ntokens;
    }
    sent_base[ns] = nw;
    int32_t *actor_at = arena_alloc(&s->arena, (nw + 1) * sizeof *actor_at);
    /* step 1 adds at most one actor a word: person[] of each */
    uint8_t *person = arena_alloc(&s->arena, nw + 1);
    if (!actor_at || !person) return -1;
    for (uint32_t w = 0; w < nw; w++) actor_at[w] = -1;
    memset(person, 0, nw + 1);

    /* 1. the dictionary's actors and the third-person pronouns, in order.
    ** The antecedent of a pronoun is the first person named before it in
    ** its sentence, else the first person of the last sentence that named
    ** one (subjects come first: "Kerry said he and Lavrov discussed ...
    ** He said ..." is Kerry both times). */
    int32_t prev_first = -1;            /* first person of the last sentence with one */
    uint32_t prev_first_sent = 0;
    for (uint32_t i = 0; i < ns; i++) {
        const dyad_sentence *se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
        cod_pre *p = &pre[i];
        if (!p->up || p->discard) continue;
        int32_t first = -1;             /* this sentence's first person */
        for (uint32_t k = 0; k < se->ntokens; k++) {
            int32_t ante = first >= 0 ? first
                         : prev_first >= 0 && i - prev_first_sent <= PERSON_WINDOW ? prev_first
                                                                                   : -1;
            const dict_match *m = &p->at[k];
            if (is_match(m)) {
                uint32_t e = k + (uint32_t)m->ntokens;
                if (e > se->ntokens) e = se->ntokens;
                uint8_t kind = m->kind == DICT_AGENTS ? DYAD_MEN_AGENT : DYAD_MEN_ACTOR;
                const char *code = m->code;
                uint32_t from = k;
                if (m->kind == DICT_AGENTS) {
                    /* agents right before an actor are part of its mention
                    ** ("Secretary of State John Kerry"); a bare agent is
                    ** "---" with its sector blocks ("the minister") */
                    uint32_t x = e;
                    while (x < se->ntokens && is_match(&p->at[x]) && p->at[x].kind == DICT_AGENTS)
                        x += (uint32_t)p->at[x].ntokens;
                    if (x < se->ntokens && is_match(&p->at[x]) && p->at[x].kind == DICT_ACTORS) {
                        k = x - 1;
                        continue;
                    }
                    char bare[64] = "---";
                    cod_add_blocks(bare, sizeof bare, m->code);
                    if (!(code = arena_strndup(&s->arena, bare, strlen(bare)))) return -1;
                    /* "the minister" after a full mention: the last person of
                    ** that sector (an earlier sentence's: the coder gives a
                    ** bare agent its own sentence's country) */
                    int32_t who = k > 0 && !strcmp(p->up[k - 1], "THE") &&
                                          in_words(p->up[e - 1], person_titles)
                                      ? titled_person(s, person, i, code + 3)
                                      : -1;
                    if (who >= 0) {
                        const dyad_actor *w = &DVEC_AT(&s->actors, dyad_actor, who);
                        if (!push_actor(s, i, se, k, e, w->code, DYAD_MEN_AGENT, who)) return -1;
                        for (uint32_t j = k; j < e; j++)
                            actor_at[sent_base[i] + j] = (int32_t)(s->actors.n - 1);
                        if (w->sentence < i && memo->opt.coreference) inject(p, k, e - k, w->code);
                        k = e - 1;
                        continue;
                    }
                } else {
                    if ((code = composed(s, p, k, &from)) == NULL) return -1;
                }
                /* "Moscow said": a capital for its government */
                int meto = metonym(s, se, p, k, e);
                if (meto) {
                    /* reported, not coded: as actors of events the capitals
                    ** cost the development sets (PLOVER source recall
                    ** 0.852 -> 0.845, target 0.757 -> 0.743) */
                    code = arena_printf(&s->arena, "%sGOV", m->code);
                    if (!code) return -1;
                }
                if (!push_actor(s, i, se, from, e, code, kind, -1)) return -1;
                int32_t ai = (int32_t)(s->actors.n - 1);
                if (from > 0 && in_words(p->up[from - 1], place_preps))
                    DVEC_AT(&s->actors, dyad_actor, ai).located = 1;
                for (uint32_t j = from; j < e; j++) actor_at[sent_base[i] + j] = ai;
                if (person_match(b, m)) {
                    person[ai] = 1;
                    if (first < 0) first = ai;
                }
                /* "his Russian counterpart": the country with the sector of
                ** the person before */
                if (e < se->ntokens && !strncmp(p->up[e], "COUNTERPART", 11) &&
                    strlen(m->code) == 3 && ante >= 0) {
                    const char *pc = DVEC_AT(&s->actors, dyad_actor, ante).code;
                    if (strlen(pc) > 3) {
                        char *rel = arena_printf(&s->arena, "%s%s", m->code, pc + 3);
                        if (!rel) return -1;
                        dyad_actor *x = &DVEC_AT(&s->actors, dyad_actor, ai);
                        x->code = rel;
                        x->kind = DYAD_MEN_RELATIONAL;
                        x->resolved_from = ante;
                        x->end = se->tokens[e].start + se->tokens[e].len;
                        actor_at[sent_base[i] + e] = ai;
                        if (memo->opt.coreference) inject(p, k, e + 1 - k, rel);
                        e++;
                    }
                }
                k = e - 1;
                continue;
            }
            /* "the two countries", "both sides": the last two countries */
            if (k + 1 < se->ntokens && (!strcmp(p->up[k], "TWO") || !strcmp(p->up[k], "BOTH")) &&
                in_words(p->up[k + 1], dyad_nouns) && !is_match(&p->at[k + 1])) {
                int32_t d1 = -1, d2 = -1;
                last_dyad(s, &d1, &d2);
                if (d1 >= 0) {
                    const dyad_actor *x1 = &DVEC_AT(&s->actors, dyad_actor, d1);
                    const dyad_actor *x2 = &DVEC_AT(&s->actors, dyad_actor, d2);
                    int leaders = !strcmp(p->up[k + 1], "LEADERS") ||
                                  !strcmp(p->up[k + 1], "GOVERNMENTS");
                    char *code = arena_printf(&s->arena, "%.3s%s/%.3s%s", x1->code,
                                              leaders ? "GOV" : "", x2->code, leaders ? "GOV" : "");
                    if (!code) return -1;
                    if (!push_actor(s, i, se, k, k + 2, code, DYAD_MEN_RELATIONAL, d1)) return -1;
                    actor_at[sent_base[i] + k] = actor_at[sent_base[i] + k + 1] =
                        (int32_t)(s->actors.n - 1);
                    if (x1->sentence < i && x2->sentence < i && memo->opt.coreference)
                        inject(p, k, 2, code);
                    k++;
                    continue;
                }
            }
            int subj = in_words(p->up[k], third_person), poss = in_words(p->up[k], third_poss);
            if ((subj || poss) && ante >= 0) {
                const dyad_actor *an = &DVEC_AT(&s->actors, dyad_actor, ante);
                const char *code = an->code;
                int earlier = an->sentence < i;
                if (!push_actor(s, i, se, k, k + 1, code, DYAD_MEN_PRONOUN, ante)) return -1;
                actor_at[sent_base[i] + k] = (int32_t)(s->actors.n - 1);
                /* an antecedent in the same sentence is the coder's own
                ** business (the nearest actor before a subject pronoun) */
                if (subj && earlier && memo->opt.coreference) inject(p, k, 1, code);
                if (first < 0) first = ante;
            }
        }
        if (first >= 0) {
            prev_first = first;
            prev_first_sent = i;
        }
    }

    /* 2. quotations and their speakers */
    int32_t prev_speaker = -1;
    uint32_t prev_last = 0;
    int have_prev = 0;
    for (uint32_t i = 0; i < ns; i++) {
        const dyad_sentence *se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
        for (uint32_t k = 0; k < se->ntokens; k++) {
            if (!(se->tokens[k].flags & DYAD_TF_QUOTED)) continue;
            /* the run: quoted words, over sentence ends */
            uint32_t si = i, sk = k, ei = i, ek = k;
            for (;;) {
                const dyad_sentence *sx = &DVEC_AT(&s->doc.sents, dyad_sentence, ei);
                uint32_t nk = ek + 1;
                uint32_t ni = ei;
                if (nk >= sx->ntokens) {
                    ni = ei + 1;
                    nk = 0;
                    if (ni >= ns || !DVEC_AT(&s->doc.sents, dyad_sentence, ni).ntokens) break;
                }
                if (!(DVEC_AT(&s->doc.sents, dyad_sentence, ni).tokens[nk].flags & DYAD_TF_QUOTED))
                    break;
                ei = ni;
                ek = nk;
            }
            dyad_quote *q = dvec_push(&s->quotes, sizeof *q);
            if (!q) return -1;
            memset(q, 0, sizeof *q);
            const dyad_sentence *ses = &DVEC_AT(&s->doc.sents, dyad_sentence, si);
            const dyad_sentence *see = &DVEC_AT(&s->doc.sents, dyad_sentence, ei);
            q->start = ses->tokens[sk].start;
            q->end = see->tokens[ek].start + see->tokens[ek].len;
            q->first_sentence = si;
            q->last_sentence = ei;
            int32_t sp = speaker_in(s, pre, ei, actor_at, sent_base);
            if (sp < 0 && ei != si) sp = speaker_in(s, pre, si, actor_at, sent_base);
            if (sp < 0 && have_prev && si <= prev_last + QUOTE_GAP) sp = prev_speaker;
            q->speaker = sp;
            if (sp >= 0) {
                const dyad_actor *a = &DVEC_AT(&s->actors, dyad_actor, sp);
                q->speaker_code = a->code;
                q->speaker_start = a->start;
                q->speaker_end = a->end;
            }
            prev_speaker = sp;
            prev_last = ei;
            have_prev = 1;
            /* first-person words inside are the speaker */
            for (uint32_t x = si; sp >= 0 && x <= ei; x++) {
                const dyad_sentence *sx = &DVEC_AT(&s->doc.sents, dyad_sentence, x);
                cod_pre *p = &pre[x];
                if (!p->up || p->discard) continue;
                uint32_t from = x == si ? sk : 0, to = x == ei ? ek + 1 : sx->ntokens;
                for (uint32_t t = from; t < to; t++) {
                    int subj = in_words(p->up[t], first_person), poss = in_words(p->up[t], first_poss);
                    if ((!subj && !poss) || actor_at[sent_base[x] + t] >= 0 || is_match(&p->at[t]))
                        continue;
                    const char *code = DVEC_AT(&s->actors, dyad_actor, sp).code;
                    if (!push_actor(s, x, sx, t, t + 1, code, DYAD_MEN_PRONOUN, sp)) return -1;
                    actor_at[sent_base[x] + t] = (int32_t)(s->actors.n - 1);
                    if (subj && memo->opt.coreference) inject(p, t, 1, code);
                }
            }
            if (ei != i) {
                i = ei;
                se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
            }
            k = ek;
        }
    }
    return s->actors.oom || s->quotes.oom ? -1 : 0;
}

void cod_event_quotes(dyad_session *s) {
    for (size_t i = 0; i < s->events.n; i++) {
        dyad_event *e = &DVEC_AT(&s->events, dyad_event, i);
        e->quote = -1;
        for (size_t q = 0; q < s->quotes.n; q++) {
            const dyad_quote *x = &DVEC_AT(&s->quotes, dyad_quote, q);
            if (e->verb_start >= x->start && e->verb_start < x->end) {
                e->quote = (int32_t)q;
                break;
            }
        }
    }
}

size_t dyad_session_actor_count(const dyad_session *s) { return s->actors.n; }

const dyad_actor *dyad_session_actor(const dyad_session *s, size_t i) {
    return i < s->actors.n ? &DVEC_AT(&s->actors, dyad_actor, i) : NULL;
}

size_t dyad_session_quote_count(const dyad_session *s) { return s->quotes.n; }

const dyad_quote *dyad_session_quote(const dyad_session *s, size_t i) {
    return i < s->quotes.n ? &DVEC_AT(&s->quotes, dyad_quote, i) : NULL;
}
