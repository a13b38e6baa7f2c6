/*
** dict.h - the dictionary stage: readers of the ecosystem's dictionary
** formats (TABARI, PETRARCH-1, PETRARCH-2/Phoenix) and the compiled,
** immutable dictionary set the coder matches against.
**
** Contract
**   Readers parse one file each and hand every entry to a dict_builder
**   through the dict_add_* functions below; they never keep pointers into
**   their input.  A bad entry is a warning naming file, line and what was
**   expected, and is skipped; only an unusable file (cannot be opened, not of
**   the kind announced) is an error.  dict_build() turns the builder into a
**   dict_set, which is immutable and safe to share between threads.
**
** Phrases
**   A phrase is a sequence of words, upper-cased ASCII where the source is
**   ASCII (the file's spelling otherwise), interned (equal words share one
**   pointer), with one flag per word: exact (1: the source had '_' right
**   after the word), exact without regular endings (DICT_EXACT_NOEND:
**   TABARI's '=' after the word, "MOUSE="), or stem (0: matches any token
**   that starts with it, TABARI's default).  "AL_GORE" = AL (exact) GORE
**   (stem); "JOHN_KERRY_" = JOHN (exact) KERRY (exact); "AL GORE" = AL
**   (stem) GORE (stem).
**
** Dates
**   Dates are YYYYMMDD integers.  Two-digit years in the files (YYMMDD) read
**   as 20YY when YY < 30, else 19YY (TABARI's convention, as in
**   src/input/tabari.c).  A dated code applies when lo <= date <= hi.
*/
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "../base/base.h"

#define DICT_DATE_MIN 0           /* open start */
#define DICT_EXACT_NOEND 2        /* word flag: exact, no regular endings (=) */
#define DICT_DATE_MAX 99991231    /* open end */

/* Kinds of dictionary file.  ORDER DICTKIND: see dict_kind_name(). */
typedef enum dict_kind {
    DICT_UNKNOWN = 0,
    DICT_ACTORS,      /* TABARI .actors, PETRARCH/Phoenix actors */
    DICT_AGENTS,      /* TABARI .agents, PETRARCH/Phoenix agents */
    DICT_VERBS,       /* TABARI .verbs, PETRARCH-1 and -2 verb files */
    DICT_DISCARDS,    /* PETRARCH discards */
    DICT_ISSUES,      /* PETRARCH issues */
    DICT_OPTIONS,     /* TABARI .options */
    DICT_PROJECT,     /* TABARI .project (names the other files) */
    DICT_CONFIG,      /* PETRARCH .ini (names the other files) */
    DICT_KIND_COUNT
} dict_kind;

const char *dict_kind_name(dict_kind k);

/* Verb-file dialects, told from the file's content. */
typedef enum dict_dialect {
    DICT_TABARI = 0,  /* TABARI .verbs: root lines, "- pattern [code]" */
    DICT_PETRARCH1,   /* "--- NAME [code] ---" blocks, TABARI-like patterns */
    DICT_PETRARCH2    /* CAMEO.2.0: blocks, {NP} and (PP) patterns, ~ */
} dict_dialect;

/* ------------------------------------------------------------------ codes */

/* A code with an optional date restriction, applying when lo <= date <= hi
** (YYYYMMDD integers).  TABARI/Phoenix write [CODE <YYMMDD] (before:
** hi = D - 1, an integer that compares right even when it is no real day),
** [CODE >YYMMDD] (after: lo = D + 1), [CODE YYMMDD-YYMMDD] (inclusive
** range) and [CODE] (always: lo = DICT_DATE_MIN, hi = DICT_DATE_MAX). */
typedef struct dict_dated {
    const char *code;   /* "USAGOV", "---"; compound codes "GME/GMW" as written */
    int32_t lo;         /* first day it applies (DICT_DATE_MIN: open) */
    int32_t hi;         /* last day it applies (DICT_DATE_MAX: open) */
} dict_dated;

/* ---------------------------------------------------------------- builder */

typedef struct dict_builder dict_builder;

/* Where an entry comes from, for messages and `dict lookup`. */
typedef struct dict_src {
    const char *file;   /* path as given */
    uint32_t    line;   /* 1-based */
} dict_src;

/* A phrase: nwords words, each NUL-terminated, with their exact flags. */
typedef struct dict_phrase {
    const char *const *words;
    const uint8_t     *exact;   /* 1 = exact word, 0 = stem; NULL = all stem */
    size_t             nwords;
} dict_phrase;

/* Report a problem at src: a warning (entry skipped, load goes on). */
void dict_warn(dict_builder *b, dict_src src, const char *fmt, ...) DYAD_PRINTF(3, 4);
/* Report that a file is unusable (it is then skipped as a whole). */
void dict_error(dict_builder *b, const char *file, const char *fmt, ...) DYAD_PRINTF(3, 4);

/* Actors.  An actor entry is one or more phrases (the first is the name,
** the others its "+" synonyms) sharing ncodes codes in file order.  On a
** date the first dated code whose range holds it wins, else the first
** undated code (the default; files put it before or after the dated ones).  id is the entry's own id when the format
** has one (PETRARCH "[ID]"-less files: NULL).  Returns the entry index. */
size_t dict_add_actor(dict_builder *b, dict_src src, const dict_phrase *names, size_t nnames,
                      const dict_dated *codes, size_t ncodes);

/* Agents: role phrases that combine with actors.  code is the sector code
** with its side: "~GOV" (suffix: USA + GOV) or "GOV~" (prefix).  plurals are
** extra phrases for the same agent (PETRARCH {plural}). */
void dict_add_agent(dict_builder *b, dict_src src, const dict_phrase *names, size_t nnames,
                    const char *code);

/* Synsets: &NAME with its member phrases (TABARI <SYNSETS>, PETRARCH &NAME
** blocks).  Members may contain other synset references as words "&X". */
void dict_add_synset(dict_builder *b, dict_src src, const char *name,
                     const dict_phrase *members, size_t nmembers);

/* Verb pattern elements. */
typedef enum dict_elem_kind {
    PE_WORD = 0,      /* a literal word (text, exact flag) */
    PE_SYNSET,        /* &NAME (text = "&NAME") */
    PE_VERB,          /* '*': the verb itself */
    PE_SOURCE,        /* '$' */
    PE_TARGET,        /* '+' */
    PE_COMPOUND,      /* '%' */
    PE_SKIP,          /* '^' skip to the next noun phrase */
    PE_ALT_OPEN,      /* '{' of {a | b} alternatives (TABARI) */
    PE_ALT_SEP,       /* '|' */
    PE_ALT_CLOSE,     /* '}' */
    PE_NP_OPEN,       /* '{' of a PETRARCH-2 noun phrase {ADJ NOUN} */
    PE_NP_CLOSE,
    PE_PP_OPEN,       /* '(' of a PETRARCH-2 prepositional phrase (PREP NOUN) */
    PE_PP_CLOSE
} dict_elem_kind;

typedef struct dict_elem {
    uint8_t     kind;   /* dict_elem_kind */
    uint8_t     exact;  /* PE_WORD: 1 exact, 0 stem */
    uint8_t     joined; /* the next element follows with no word between
                        ** (TABARI's '_' and '~_' connectors: "TO_LET_ESCAPE",
                        ** "RECENT~_*") */
    const char *text;   /* PE_WORD, PE_SYNSET: the word; else NULL */
} dict_elem;

/* Pattern flags. */
#define DP_SUBORDINATE 0x01   /* '?' : subordinate code */
#define DP_DOMINANT    0x02   /* '!' : dominant code */
#define DP_NULL        0x04   /* [---]: match, code nothing */
#define DP_DISCARD     0x08   /* [###]: discard the sentence */
#define DP_PASSIVE     0x10   /* [:y]: code only in the passive voice */
#define DP_TIME        0x20   /* a <TIME> pattern: code is a day shift */

/* A verb: the block it belongs to.  A verb entry has a name (the root verb,
** possibly multi-word: PETRARCH "+" verbs as words), its forms (irregular
** forms given in {...} and the generated regular forms are the reader's
** job: pass every surface form), a default code and its patterns.  Returns
** the verb index for dict_add_pattern. */
size_t dict_add_verb(dict_builder *b, dict_src src, const dict_phrase *verb,
                     const dict_phrase *forms, size_t nforms, const char *code);

/* A pattern of verb v: elements in order (the verb's position is PE_VERB,
** or implicit at the start when the pattern has none), code (e.g. "043";
** paired codes "[x:y]" as code = "x", code2 = "y"; passive-only "[:y]" as
** code = NULL, code2 = "y" with DP_PASSIVE), flags DP_*.  transform is the
** PETRARCH-2 "~" transformation text, or NULL. */
void dict_add_pattern(dict_builder *b, dict_src src, size_t v, const dict_elem *el, size_t n,
                      const char *code, const char *code2, unsigned flags,
                      const char *transform);

/* Discards: a phrase that discards the sentence, or the whole story when
** whole_story (PETRARCH '+'). */
void dict_add_discard(dict_builder *b, dict_src src, const dict_phrase *p, int whole_story);

/* Issues: a phrase giving an issue code; pos is 'n' (noun), 'v' (verb) or 0
** (any); category is the <ISSUE CATEGORY=...> in force, or NULL. */
void dict_add_issue(dict_builder *b, dict_src src, const dict_phrase *p, const char *code,
                    char pos, const char *category);

/* The set is PETRARCH's: actor and agent words match whole words (PETRARCH's
** readers form plurals) instead of TABARI's stems.  Readers of PETRARCH-only
** formats call it; the set applies it when built. */
void dict_whole_words(dict_builder *b);
/* The dialect of the verb file just read (the coder reads some pattern
** symbols by dialect). */
void dict_set_verbs_dialect(dict_builder *b, dict_dialect d);

/* Options (TABARI SET:/COMPLEX:, PETRARCH config keys): key = value. */
void dict_add_option(dict_builder *b, dict_src src, const char *key, const char *value);

/* --------------------------------------------------------------- readers */

/* Read one file of the given kind (and, for verbs, dialect told from the
** content) into b.  Returns 0, or -1 when the file is unusable (an error was
** reported).  Unknown kind: told from the name, then the content. */
int dict_read_file(dict_builder *b, const char *path, dict_kind kind);

/* Read the files a TABARI .project or PETRARCH .ini names (paths relative to
** it).  Returns 0, or -1 when the configuration itself is unusable. */
int dict_read_config(dict_builder *b, const char *path);

/* Kind of a dictionary file from its name, then its first lines. */
dict_kind dict_guess_kind(const char *path);

/* Per-format readers (src/dict/read_*.c); same contract as dict_read_file. */
int dict_read_tabari_actors(dict_builder *b, const char *path, const char *text, size_t n);
int dict_read_agents(dict_builder *b, const char *path, const char *text, size_t n);
int dict_read_verbs(dict_builder *b, const char *path, const char *text, size_t n);
int dict_read_discards(dict_builder *b, const char *path, const char *text, size_t n);
int dict_read_issues(dict_builder *b, const char *path, const char *text, size_t n);
int dict_read_options(dict_builder *b, const char *path, const char *text, size_t n);

/* Helpers for readers (src/dict/builder.c). */

/* Two-digit or four-digit year date "YYMMDD"/"YYYYMMDD" of n bytes ->
** YYYYMMDD, or -1 when it is not a real date. */
int32_t dict_parse_date(const char *z, size_t n);

/* Split a TABARI/PETRARCH phrase ("AL_GORE", "SECRETARY OF STATE_") into
** words and exact flags, upper-casing ASCII.  Fills p (storage in the
** builder, valid until dict_build).  Returns 0, or -1 when the phrase is
** empty. */
int dict_split_phrase(dict_builder *b, const char *z, size_t n, dict_phrase *p);

/* A copy of z[0..n) kept by the builder until dict_build(). */
const char *dict_strndup(dict_builder *b, const char *z, size_t n);

/* A phrase in dump form ("JOHN_ KERRY_") for messages, cut to fit buf. */
void dict_phrase_text(const dict_phrase *p, char *buf, size_t cap);

/* The builder's one copy of the word z[0..n) (equal words, equal pointers);
** NULL when out of memory. */
const char *dict_intern(dict_builder *b, const char *z, size_t n);

/* Canonical text of everything in b, one entry per line, for tests and
** `dyad dict dump`:
**   actor LINE PHRASE [+ PHRASE]... [CODE LO-HI]...
**   agent LINE PHRASE [+ PHRASE]... CODE
**   synset LINE &NAME PHRASE [| PHRASE]...
**   verb LINE PHRASE {FORM [| FORM]...} [CODE]
**   pattern LINE VERBLINE ELEMENTS [CODE] or [CODE:CODE2] or [:CODE2] FLAGS [~TRANSFORM]
**   discard LINE PHRASE [+]          ("+" = whole story)
**   issue LINE POS:PHRASE [CODE] CATEGORY
**   option LINE KEY=VALUE
** A PHRASE is its words separated by spaces, each exact word followed by
** '_' ("JOHN_ KERRY_"), or '=' when it takes no regular endings; LINE is the source line; codes print "-" for NULL;
** dates as YYYYMMDD with 0 and 99991231 for open ends.  ELEMENTS: words as in
** phrases, &NAME, * $ + % ^, alternatives "{|" "|" "|}", noun phrase "{" "}",
** prepositional phrase "(" ")".  FLAGS: letters s d n x p t for DP_* (or
** "-" for none). */
void dict_dump(const dict_builder *b, dyad_buf *out);

/* ----------------------------------------------------------- builder life */

dict_builder *dict_builder_new(void);
void dict_builder_free(dict_builder *b);
/* Diagnostics so far: counts and messages ("file:line: ..."). */
size_t dict_warning_count(const dict_builder *b);
size_t dict_error_count(const dict_builder *b);
const char *dict_message(const dict_builder *b, size_t i, int *is_error);
size_t dict_message_count(const dict_builder *b);

/* ------------------------------------------------- compiled set (set.c) */

struct dyad_dict;

/* What dict_longest found: the entry, the phrase within it, its length in
** tokens and, for actors, the code that applies on the date asked. */
typedef struct dict_match {
    dict_kind   kind;     /* DICT_ACTORS, DICT_AGENTS, DICT_VERBS, DICT_DISCARDS, DICT_ISSUES */
    size_t      entry;    /* index of the entry in its kind */
    size_t      ntokens;  /* tokens covered */
    const char *code;     /* actor code on the date, agent code, verb code, issue code */
    dict_src    src;      /* where the entry comes from */
    int         whole;    /* the first word matched all of toks[0], not as a stem */
} dict_match;

/* Longest phrase of one of the kinds in mask (bit 1 << dict_kind) that
** starts at toks[0] and covers at most n tokens.  toks are upper-cased
** words; date is YYYYMMDD or 0.  Among equally long matches the first
** found wins (file order within a first word; actors before agents before
** verbs), after a longer first word and a verb's own word over a form.
** Returns 1 and fills *m, or 0. */
int dict_longest(const struct dyad_dict *d, const char *const *toks, size_t n, unsigned mask,
                 int32_t date, dict_match *m);

/* The same for every kind in mask at once: out[kind] is filled for each
** kind whose bit is set in the result. */
unsigned dict_longest_kinds(const struct dyad_dict *d, const char *const *toks, size_t n,
                            unsigned mask, int32_t date, dict_match out[DICT_KIND_COUNT]);

/* Patterns of verb entry v, in file order: *first and the count; the k-th
** (first <= k < first + count) is pattern dict_pattern_at(d, k) of the
** entries. */
size_t dict_verb_patterns(const struct dyad_dict *d, size_t v, size_t *first);
size_t dict_pattern_at(const struct dyad_dict *d, size_t k);

/* The entries of the set, read-only (builder.h describes them; the coder
** reads verbs, patterns, synsets and discards from here). */
const dict_builder *dict_entries(const struct dyad_dict *d);

/* Does dictionary word w (1 = exact, 0 = stem) match the upper-cased token t? */
int dict_word_matches(const char *w, int exact, const char *t);

#endif /* DYAD_DICT_H */
