/*
** coding.h - the coding stage: from a sentence's tokens, syntax and the
** dictionary set to actor mentions, verbs with their patterns, and events.
**
** Contract
**   The driver (coder.c) scans each sentence with the dictionaries first
**   (actors, agents, verb forms, discards), tags the sentences that could
**   yield an event, imposes the tags the dictionaries know better
**   (hints.c), parses them, finds the verbs and codes each: patterns
**   (patterns.c: TABARI and PETRARCH semantics - words in order with gaps
**   allowed, $ source, + target, % compound, ^ skip, alternatives, synsets,
**   heaviest pattern first), roles (roles.c: from the parse, with TABARI's
**   linear fallbacks), structure and modality, events.  mentions.c groups
**   dictionary matches into actor mentions (one noun phrase = one mention,
**   coordinated phrases linked) and finds the predicate each belongs to.
**   memo.c holds what is derived once per session from the dictionary set
**   and the engine's options.  Everything per story lives in the session
**   arena of the story being coded.
*/
#ifndef DYAD_CODING_H
#define DYAD_CODING_H

#include "../dict/builder.h"
#include "../session.h"

#define COD_NONE UINT32_MAX

/* A dictionary match of an actor or agent phrase. */
typedef struct cod_match {
    uint32_t    a, b;       /* tokens [a, b) of the sentence */
    uint8_t     kind;       /* DICT_ACTORS or DICT_AGENTS */
    const char *code;       /* actor code on the story date, or agent code */
} cod_match;

/* An actor mention: one or more matches inside one noun phrase. */
typedef struct cod_group {
    uint32_t    a, b;       /* token span [a, b) covering its matches */
    uint32_t    root;       /* head token of the noun phrase */
    const char *code;       /* composed code ("RUSGOV", "---GOV") */
    uint8_t     kind;       /* dyad_mention_kind */
    uint32_t    conj;       /* first group of its coordination (itself when none) */
    uint32_t    owner;      /* predicate token it belongs to, or COD_NONE */
    const char *via;        /* relation of the path's last edge into owner */
    const char *casew;      /* preposition marking it ("BY", "WITH"), or NULL */
    int32_t     mention;    /* index in the session's mentions */
    uint32_t    m0, m1;     /* its matches c->m[m0..m1] */
    uint32_t    nagents;    /* agent matches among them */
} cod_group;

/* Synset references of patterns (element text pointers) -> synset index. */
typedef struct cod_synmap {
    const char **keys;      /* open addressing by pointer; NULL = empty */
    uint32_t    *vals;      /* synset index, UINT32_MAX when undefined */
    size_t       cap;       /* power of two */
    /* members of synset i by the first byte of their first word: bucket b
    ** (COD_SYN_BUCKET()) holds perm[start[i * 29 + b] .. start[i * 29 + b + 1]) */
    uint32_t    *start;
    uint32_t    *perm;
} cod_synmap;

/* Bucket of a first byte: A-Z 0..25, '&' (a nested synset) 26, other 27. */
#define COD_SYN_BUCKET(ch) ((ch) >= 'A' && (ch) <= 'Z' ? (ch) - 'A' : (ch) == '&' ? 26 : 27)

/* The dictionary pass of one sentence (coder.c dict_pass()), kept for the
** whole story: the story-level layer (coref.c) reads and extends it before
** any sentence is coded. */
typedef struct cod_pre {
    const char **up;        /* upper-cased words */
    dict_match  *at;        /* longest actor/agent match starting at each
                            ** word (ntokens 0: none); coref.c adds matches
                            ** for resolved pronouns */
    uint8_t     *vform;     /* 1: a verb form, 2: as a stem only */
    int          has_verb;
    const char  *time_code; /* the first time phrase's code, or NULL */
    int          discard;   /* 1: a discard phrase, 2: one that drops the story */
    const char  *discard_word;
} cod_pre;

/* Append the 3-letter blocks of agent code ag ("~GOV", "GOV~") to the
** actor code in out (cap bytes) unless there already (mentions.c). */
void cod_add_blocks(char *out, size_t cap, const char *ag);

/* The story-level layer (coref.c): the story's actor mentions, quotes and
** their speakers into s->actors and s->quotes; with the coreference option,
** resolved pronouns and relational phrases become matches in pre[].at.
** Returns 0, or -1 when out of memory. */
int cod_coref(dyad_session *s, cod_pre *pre);
/* The quote each event's verb stands in (dyad_event.quote). */
void cod_event_quotes(dyad_session *s);

/* One sentence being coded. */
typedef struct cod_sent {
    dyad_session      *s;
    const dyad_story  *st;
    const struct dyad_dict *d;
    const dict_builder *b;
    size_t             index;   /* sentence index in the story */
    const dyad_sentence *se;
    const dyad_syntax  *sy;     /* syntax per token (parsed) */
    uint8_t            *upos;   /* UPOS_* per token */
    const char       **up;      /* upper-cased token texts */
    uint32_t           n;       /* tokens */
    int32_t            date;    /* story date YYYYMMDD, 0 = none */
    cod_match         *m;       /* matches, in token order */
    uint32_t           nm;
    cod_group         *g;       /* mentions, in token order */
    uint32_t           ng;
    uint32_t          *group_of;/* per token: group index or COD_NONE */
    uint32_t          *sub_hi;  /* per token: last token of its subtree */
    int                trace;   /* append to s->trace */
    const cod_synmap  *syn;     /* synset references (session memo) */
    int                shift;   /* days a time phrase moves the events */
    uint64_t           bloom[64]; /* prefixes of the sentence's words (4096
                                ** bits): a pattern word absent here cannot
                                ** match */
} cod_sent;

/* mentions.c */
int  cod_scan(cod_sent *c, const dict_match *at);  /* dictionary matches -> c->m */
int  cod_group_mentions(cod_sent *c);       /* parse -> c->g, ownership */
int  cod_is_upos(const cod_sent *c, uint32_t i, int upos);         /* UPOS_* */
int  cod_rel_is(const cod_sent *c, uint32_t i, const char *rel);  /* prefix match */
uint32_t cod_head(const cod_sent *c, uint32_t i);               /* 0-based or COD_NONE */
/* Group whose root is i, or that contains i; COD_NONE when none. */
uint32_t cod_group_at(const cod_sent *c, uint32_t i);

/* patterns.c: the result of matching one pattern. */
typedef struct cod_bind {
    uint32_t source, target;    /* groups bound by $ and +, or COD_NONE */
    uint32_t compound;          /* group bound by %, or COD_NONE */
    uint32_t lo, hi;            /* tokens the pattern covered */
} cod_bind;

/* Match pattern p for verb token v whose verb phrase covers [v, vend);
** linear: the parse is not trusted for this verb (search to the sentence's
** end).  Returns 1 and fills *bd, or 0. */
int cod_match_pattern(const cod_sent *c, const b_pattern *p, uint32_t v, uint32_t vend,
                      int linear, cod_bind *bd);
/* Specificity of a pattern: literal words, synsets and actor slots. */
int cod_pattern_weight(const b_pattern *p);

/* Coding options and the session memo (memo.c). */
/* Coding options: TABARI's .options file (the set's options), then the
** engine's coding_options lines. */
typedef struct cod_opts {
    int  complex_verbs, complex_conj;   /* at least this many verbs / conjunctions:
                                        ** complex, not coded (0: off) */
    int  noactprior;                    /* a verb with no actor before it codes nothing */
    char def_src[32], def_tgt[32];      /* DEFAULT: codes, "" when off */
    int  def_prior, def_after;          /* PRIOR: the default source when no actor
                                        ** precedes the verb; AFTER: the default
                                        ** target when none follows */
    int  min_words;                     /* shorter sentences are not coded */
    int  time_shift;                    /* time phrases shift dates, ### and +++ stop */
    int  targetless;                    /* events without a target: 0 none
                                        ** (require_dyad), 1 all, n > 1 those of
                                        ** CAMEO roots >= n (PETRARCH .ini
                                        ** [Options] require_dyad = False, dyad's
                                        ** targetless_from_root = n) */
    int  infer_country;                 /* bare agents take the sentence's one
                                        ** country ([Options] infer_country) */
    int  coreference;                   /* resolved pronouns and relational
                                        ** phrases act as actors ([Options]
                                        ** coreference; coref.c) */
    int  code_by;                       /* SET: CODE BY CLAUSE (0, the default),
                                        ** BY SENTENCE (1: the first verb's events
                                        ** only), CODE ALL (2: every verb, none
                                        ** yields to a governor) */
} cod_opts;

/* Session-lifetime working memory (s->cod). */
typedef struct cod_memo {
    const struct dyad_dict *d;
    size_t *order;          /* pattern indexes grouped per verb, heaviest first */
    cod_synmap syn;         /* pattern synset references -> synsets */
    cod_opts   opt;
    size_t    *same;        /* per verb entry: the next entry of the same verb
                            ** (PETRARCH blocks may repeat a verb), or SIZE_MAX */
    size_t    *first_same;  /* per verb entry: the first entry of its verb */
    size_t    *also_off;    /* per first entry f: also[also_off[f] ..
                            ** also_off[f + 1]) are entries of other files
                            ** that list f's verb among their forms */
    size_t    *also;
} cod_memo;

int  cod_memo_build(dyad_session *s);   /* 0, or -1 when out of memory */
void cod_memo_free(dyad_session *s);

/* coder.c: the explanation trace (when c->trace). */
void cod_trace(cod_sent *c, const char *fmt, ...) DYAD_PRINTF(2, 3);

/* roles.c */
int      cod_is_passive(const cod_sent *c, uint32_t v);
uint32_t cod_owned(const cod_sent *c, uint32_t v, const char *rel, uint32_t not);
uint32_t cod_subject_of(const cod_sent *c, uint32_t v, int depth, int *inferred);
uint32_t cod_target_of(const cod_sent *c, uint32_t v, uint32_t src);
uint32_t cod_linear_target(const cod_sent *c, uint32_t v, uint32_t src);
uint32_t cod_linear_source(const cod_sent *c, uint32_t v);
int      cod_subjectless(const cod_sent *c, uint32_t v);
int      cod_is_speaker(const cod_sent *c, const cod_group *g);
int      cod_is_say(const cod_sent *c, uint32_t v);
int      cod_denied(const cod_sent *c, uint32_t v);
int      cod_object_control(const cod_sent *c, uint32_t h);
int      cod_light_verb(const cod_sent *c, uint32_t h);
int      cod_to_infinitive(const cod_sent *c, uint32_t v);
int      cod_reported(const cod_sent *c, uint32_t v);

/* hints.c: tags to impose (NULL: none; (const char **)-1: out of memory). */
const char **cod_dictionary_tags(cod_sent *c, const uint8_t *vform);

#endif
