/*
** dyad.h - public interface of the dyad political event coder.
**
** dyad reads news stories and codes who did what to whom, when and where.
** The pipeline is: input (story readers) -> text (sentences, tokens) ->
** syntax -> dictionaries -> coding -> resolution -> output.
**
** Objects and ownership
**   dyad_engine   Compiled, immutable resources (dictionaries, models,
**                 tables).  Created once, shared read-only by any number of
**                 sessions, in any number of threads.
**   dyad_reader   A stream of stories from one input file.  A story returned
**                 by dyad_reader_next() belongs to the reader and stays valid
**                 until the next call on that reader or its close.
**   dyad_session  Per-story working state (one per thread).  Reuses its
**                 buffers from story to story.  Everything it returns
**                 (sentences, tokens, formatted output) belongs to the
**                 session and stays valid until the next dyad_session_run()
**                 or dyad_session_free().
**
** Errors
**   Functions that can fail return a dyad_status; DYAD_OK is 0.  The message
**   of the last failure is kept on the object (dyad_reader_errmsg(), ...),
**   never in global state.  A bad story is reported on that story (status
**   and error message) and never stops the stream.
**
** Offsets
**   All offsets are byte offsets into dyad_story.text: for a JSONL story the
**   UTF-8 value of its "text" field, for a plain-text article the file as
**   read (headline and byline included).
*/
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ORDER STATUS: keep in step with dyad_status_name() in src/base/status.c. */
typedef enum dyad_status {
    DYAD_OK = 0,        /* success */
    DYAD_DONE,          /* a stream has no more items */
    DYAD_ERROR,         /* generic failure; see the object's errmsg */
    DYAD_NOMEM,         /* out of memory */
    DYAD_IO,            /* file cannot be opened or read */
    DYAD_FORMAT,        /* malformed input (bad JSON, bad record, ...) */
    DYAD_TOOBIG,        /* input exceeds a documented limit */
    DYAD_USAGE          /* bad argument from the caller */
} dyad_status;

/* Name of a status code ("ok", "nomem", ...); never NULL. */
const char *dyad_status_name(dyad_status s);

/* Library version string, e.g. "0.1.0". */
const char *dyad_version(void);

/* ---------------------------------------------------------------------
** Dates
*/

/* A calendar date; year == 0 means "no date".  month and day may be 0 when
** only the year (or year and month) is known. */
typedef struct dyad_date {
    int16_t year;       /* 1..9999, 0 = null date */
    int8_t  month;      /* 1..12, 0 = unknown */
    int8_t  day;        /* 1..31, 0 = unknown */
} dyad_date;

/* Parse "YYYY-MM-DD", "YYYYMMDD" or an ISO date-time (date part used) of n
** bytes.  Returns DYAD_OK and fills *out, or DYAD_FORMAT and sets *out to the
** null date when the text is not such a date or names no real day. */
dyad_status dyad_date_parse(const char *z, size_t n, dyad_date *out);

/* Write d as "YYYY-MM-DD" (or "YYYY-MM", "YYYY") into buf, which must hold
** 11 bytes.  Returns buf, or NULL (and buf[0] = 0) for the null date. */
char *dyad_date_format(dyad_date d, char buf[11]);

/* ---------------------------------------------------------------------
** Stories and readers (src/input)
*/

/* Kinds of region the readers recognise in a story's text. */
typedef enum dyad_segment_kind {
    DYAD_SEG_BODY = 0,  /* body text: split into sentences and coded */
    DYAD_SEG_HEADLINE,  /* headline of a plain-text article */
    DYAD_SEG_BYLINE,    /* byline or date line ("By X | October 15, 2014") */
    DYAD_SEG_DATELINE,  /* "MOSCOW (Reuters) -" at the start of the body */
    DYAD_SEG_CREDIT,    /* photo credit, "(Photo: State Department)" */
    DYAD_SEG_FOOTER     /* site furniture after the body ("MRC Store") */
} dyad_segment_kind;

/* A region [start, end) of dyad_story.text.  Body segments are separate
** paragraphs: a sentence never crosses from one to the next. */
typedef struct dyad_segment {
    uint32_t start;     /* byte offset of the first byte */
    uint32_t end;       /* byte offset one past the last byte */
    uint8_t  kind;      /* a dyad_segment_kind */
} dyad_segment;

/* Input formats; DYAD_FMT_AUTO detects by extension, then by content. */
typedef enum dyad_format {
    DYAD_FMT_AUTO = 0,
    DYAD_FMT_JSONL,     /* one JSON story per line */
    DYAD_FMT_ARTICLE,   /* one plain-text article per file */
    DYAD_FMT_TABARI,    /* TABARI text records ("YYMMDD ID" + text) */
    DYAD_FMT_PETRARCH   /* PETRARCH XML (<Sentences><Sentence ...>) */
} dyad_format;

/* Name of a format ("jsonl", "article", ...). */
const char *dyad_format_name(dyad_format f);

/* One story.  Owned by the reader that returned it; valid until the next
** dyad_reader_next() or dyad_reader_close() on that reader.  All strings are
** NUL-terminated; text may also contain NUL bytes, so use text_len. */
typedef struct dyad_story {
    const char *id;             /* story id; never NULL */
    const char *text;           /* story text; never NULL (may be "") */
    size_t      text_len;       /* bytes in text */
    const char *title;          /* headline or title, or NULL */
    dyad_date   date;           /* story date, or the null date */
    const char *dateline_place; /* city of the dateline ("MOSCOW"), or NULL */
    dyad_date   dateline_date;  /* date in the dateline; year may be 0 */
    const dyad_segment *segments; /* regions of text, in order */
    size_t      nsegments;
    int         single_sentence;/* 1: the text is one sentence (TABARI,
                                ** PETRARCH records): never split */
    const char *expected;       /* expected coding carried by test-suite
                                ** records (TABARI comment, PETRARCH
                                ** <EventCoding> lines), or NULL */
    const char *category;       /* test-suite record category: the PETRARCH
                                ** "category" attribute, or NULL */
    int         valid;          /* test-suite record: 1 valid="true" (or
                                ** UD-PETRARCH evaluate="true"), 0 "false"
                                ** (any other value), -1 no such attribute */
    const char *directives;     /* control markup of a PETRARCH validation
                                ** file met after the previous <Sentence>
                                ** and inside this one: <Environment>
                                ** blocks and <Config>, <Skip>, <Stop>
                                ** elements, raw, one per line; or NULL */
    const char *source;         /* input file name ("-" for stdin) */
    uint64_t    line;           /* line in the (decompressed) input where the
                                ** story starts, 1-based */
    dyad_status status;         /* DYAD_OK, or why the story is unusable */
    const char *error;          /* message when status != DYAD_OK, else NULL */
    const char *const *warnings;/* problems that did not stop the story */
    size_t      nwarnings;
} dyad_story;

typedef struct dyad_reader dyad_reader;

/* Options for dyad_reader_open(); zero-initialise for defaults. */
typedef struct dyad_read_options {
    dyad_format format;         /* DYAD_FMT_AUTO by default */
    dyad_date   date;           /* --date: the date of plain-text articles,
                                ** and of other stories that carry none */
    size_t      max_story;      /* largest story in bytes; 0 = 64 MiB */
} dyad_read_options;

/* Open path ("-" or NULL for standard input), decompressing .gz and .zst
** transparently.  On success returns DYAD_OK and *out.  On failure returns
** DYAD_IO (or DYAD_NOMEM), sets *out to NULL and, when errmsg is not NULL,
** *errmsg to a malloc'd message naming the file (caller frees). */
dyad_status dyad_reader_open(const char *path, const dyad_read_options *opt,
                             dyad_reader **out, char **errmsg);

/* Read stories from the n bytes at data (plain, gzip or zstd), which must
** stay valid until dyad_reader_close().  name stands for a file name: its
** extension guides format detection, and it names the input in messages and
** in the id of a plain-text article ("memory" when NULL).  Returns as
** dyad_reader_open(). */
dyad_status dyad_reader_open_memory(const void *data, size_t n, const char *name,
                                    const dyad_read_options *opt, dyad_reader **out,
                                    char **errmsg);

/* Next story.  Returns DYAD_OK with *out set (check (*out)->status: a
** malformed record is still returned, as a story with an error), DYAD_DONE
** at the end, or DYAD_IO/DYAD_NOMEM when reading failed (the stream ends;
** see dyad_reader_errmsg()). */
dyad_status dyad_reader_next(dyad_reader *r, const dyad_story **out);

/* Format the reader settled on (after the first dyad_reader_next()). */
dyad_format dyad_reader_format(const dyad_reader *r);

/* Message of the last stream-level failure, or "" when none. */
const char *dyad_reader_errmsg(const dyad_reader *r);

/* Close the reader and free everything it returned.  NULL is a no-op. */
void dyad_reader_close(dyad_reader *r);

/* ---------------------------------------------------------------------
** Dictionaries (src/dict)
**
** The ecosystem's dictionary files, read unchanged: TABARI .actors, .agents,
** .verbs, .options and .project; PETRARCH-1 and PETRARCH-2 verb files,
** Phoenix actors, agents, discards and issues, and PETRARCH .ini configs.
** A loaded set is immutable and may be shared by threads.
*/

typedef struct dyad_dict dyad_dict;

/* Load the n files at paths: dictionary files (kind told from the name,
** then the content) or configurations naming them (TABARI .project,
** PETRARCH .ini; their files are read relative to them).  Bad entries are
** warnings and are skipped; an unusable file is an error and is skipped.
** Returns DYAD_OK and *out (check dyad_dict_error_count()), or DYAD_NOMEM. */
dyad_status dyad_dict_load(const char *const *paths, size_t n, dyad_dict **out);

/* Free a set.  NULL is a no-op. */
void dyad_dict_free(dyad_dict *d);

/* Kind of dictionary file path is ("actors", "agents", "verbs", "discards",
** "issues", "options", "project", "config" or "unknown"), told from its
** name, then its content. */
const char *dyad_dict_kind(const char *path);

/* Problems met while loading, in order: "file:line: what".  *is_error is
** set to 1 for an unusable file, 0 for a warning. */
size_t dyad_dict_message_count(const dyad_dict *d);
const char *dyad_dict_message(const dyad_dict *d, size_t i, int *is_error);
size_t dyad_dict_warning_count(const dyad_dict *d);
size_t dyad_dict_error_count(const dyad_dict *d);

/* Entry counts, load time and memory of a set. */
typedef struct dyad_dict_stats {
    size_t actors, actor_names, agents, agent_names, verbs, verb_forms, patterns, synsets,
        discards, issues, options;
    size_t index_words;     /* distinct first words in the phrase index */
    size_t bytes;           /* memory held by the set */
    double load_seconds;    /* time dyad_dict_load took */
} dyad_dict_stats;

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *out);

/* What the set says about a phrase ("John Kerry", "foreign minister",
** "imposed") on a date (the null date: undated codes first): one JSON line
** per matching entry, {"kind","phrase","code","file","line"} plus "forms"
** or "patterns" for verbs.  Returns a malloc'd string (caller frees; "" when
** nothing matches), or NULL when out of memory. */
char *dyad_dict_lookup(const dyad_dict *d, const char *phrase, dyad_date date);

/* The canonical text of every entry (one per line; format in
** src/dict/dict.h).  Returns a malloc'd string (caller frees) or NULL. */
char *dyad_dict_dump(const dyad_dict *d);

/* ---------------------------------------------------------------------
** Places: the gazetteer (src/places)
**
** Countries, first-level regions and the GeoNames places of 1,000 people or
** more, with the alternate names news uses, looked up by name (case and
** accents do not matter: "KYIV", "Kiev", "Sao Paulo" for "São Paulo") or by
** GeoNames id.  Immutable once loaded; shared by any number of threads.
*/
typedef struct dyad_gazetteer dyad_gazetteer;

/* Kind of a place.  ORDER PLACEKIND: keep in step with kind_names[] in
** src/places/gazetteer.c. */
typedef enum dyad_place_kind {
    DYAD_PLACE_CITY = 0,        /* a populated place (GeoNames class P) */
    DYAD_PLACE_REGION,          /* a first-level administrative region */
    DYAD_PLACE_COUNTRY,         /* a country or territory (ISO 3166-1) */
    DYAD_PLACE_COUNTY,          /* a second-level region (U.S. counties) */
    DYAD_PLACE_CONTINENT        /* a continent or world region ("Africa",
                                ** "Middle East"); country "---" */
} dyad_place_kind;

/* One place; strings point into the gazetteer and live as long as it. */
typedef struct dyad_place {
    const char     *name;       /* preferred name ("Kyiv") */
    uint32_t        geonameid;  /* GeoNames id, 0 = none (countries, regions) */
    dyad_place_kind kind;
    const char     *fcode;      /* GeoNames feature code ("PPLC", "ADM1", "PCLI") */
    char            country[4]; /* ISO 3166-1 alpha-3 as CAMEO uses it ("UKR", "KSV") */
    const char     *admin1;     /* GeoNames first-level region code, "" = unknown */
    int             has_coords; /* 0: lat and lon are unknown (0) */
    double          lat, lon;   /* degrees */
    uint32_t        population; /* countries and regions: the sum over their places */
} dyad_place;

/* Load the gazetteer at path: a compiled image (.bin, loads in
** milliseconds) or its source TSV, plain or gzip- or zstd-compressed.
** Always sets *out (free it with dyad_gazetteer_free()); returns DYAD_OK,
** DYAD_IO, DYAD_FORMAT (a damaged image, or no place in a TSV) or
** DYAD_NOMEM, with dyad_gazetteer_errmsg() saying what went wrong. */
dyad_status dyad_gazetteer_load(const char *path, dyad_gazetteer **out);
void dyad_gazetteer_free(dyad_gazetteer *g);
const char *dyad_gazetteer_errmsg(const dyad_gazetteer *g);
/* Warnings of a TSV load (bad lines, with their line numbers). */
size_t dyad_gazetteer_warning_count(const dyad_gazetteer *g);
const char *dyad_gazetteer_warning(const dyad_gazetteer *g, size_t i);

/* The path of the default gazetteer of data folder dir (NULL: $DYAD_DATA or
** the installed one): geo/gazetteer.bin when it exists, else
** geo/gazetteer.tsv.gz.  Returns a malloc'd string (caller frees) or NULL. */
char *dyad_gazetteer_default_path(const char *dir);

/* Write the gazetteer's compiled image to path.  DYAD_OK or DYAD_IO (the
** message on the gazetteer). */
dyad_status dyad_gazetteer_save(dyad_gazetteer *g, const char *path);

/* The places named z[0..n), largest population first; returns their
** number and points *places at their indexes (valid as long as g), or
** returns 0. */
size_t dyad_gazetteer_lookup(const dyad_gazetteer *g, const char *z, size_t n,
                             const uint32_t **places);
/* The index of the place with GeoNames id id, or -1. */
long dyad_gazetteer_find_id(const dyad_gazetteer *g, uint32_t id);
/* Place i (< places count) into *out. */
void dyad_gazetteer_place(const dyad_gazetteer *g, uint32_t i, dyad_place *out);
/* "city", "region", "country", "county", "continent". */
const char *dyad_place_kind_name(dyad_place_kind k);

/* The place of country code cc ("RUS", "KSV"), its capital's, or -1. */
long dyad_gazetteer_country(const dyad_gazetteer *g, const char *cc);
long dyad_gazetteer_capital(const dyad_gazetteer *g, const char *cc);

typedef struct dyad_gazetteer_stats {
    size_t places;          /* places */
    size_t names;           /* (key, place) pairs */
    size_t keys;            /* distinct normalised names */
    size_t bytes;           /* size of the image in memory */
    double load_seconds;    /* time dyad_gazetteer_load took */
    const char *sources;    /* the "# sources:" line of the TSV, or "" */
    size_t key_mismatches;  /* TSV keys that differ from geo_key()'s (0) */
} dyad_gazetteer_stats;

void dyad_gazetteer_get_stats(const dyad_gazetteer *g, dyad_gazetteer_stats *out);

/* ---------------------------------------------------------------------
** Engine (compiled resources)
*/

typedef struct dyad_engine dyad_engine;

/* Options for dyad_engine_open(); zero-initialise for defaults. */
typedef struct dyad_engine_options {
    const char *dict_config;    /* PETRARCH .ini or TABARI .project, or NULL
                                ** for the built-in dictionaries (the
                                ** dict/dyad.ini of the data folder, when
                                ** there is one) */
    uint32_t    max_sentence_tokens; /* longer sentences are cut; 0 = 250 */
    const char *data_dir;       /* folder holding models/ (tagger.bin,
                                ** lemma.bin, parser.bin) and dict/; NULL =
                                ** $DYAD_DATA, else the installed data folder */
    int         syntax;         /* 0: load the models when present; 1: require
                                ** them (error when missing); -1: text only */
    unsigned    skip;           /* DYAD_SKIP_* stages not to run */
    const char *const *dict_files; /* dictionary files (kinds told from
                                ** name and content), loaded with or instead
                                ** of dict_config; NULL = none */
    size_t      ndict_files;
    int         no_target_ok;   /* 1: code events without a target (TABARI);
                                ** 0: require a dyad (PETRARCH's default) */
    int         parse_all;      /* 1: parse every sentence; 0: only those
                                ** holding a dictionary actor and verb */
    const char *const *coding_options; /* TABARI option lines applied after
                                ** the dictionary set's own .options file:
                                ** "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR",
                                ** "DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER",
                                ** "DEFAULT: OFF", "SET: MINIMUM WORDS = 8",
                                ** "SET: TIME SHIFT = FALSE"; NULL = none */
    size_t      ncoding_options;
    int         no_builtin_dict; /* 1: with neither dict_config nor dict_files,
                                ** load no dictionaries (instead of the
                                ** built-in set, data_dir/dict/dyad.ini) */
    int         places;         /* 0: load the gazetteer when present and
                                ** find the places of each story; 1: require
                                ** it (error when missing); -1: no places */
    const char *gazetteer;      /* gazetteer file, or NULL for the data
                                ** folder's (dyad_gazetteer_default_path()) */
    int         dedup;          /* a dyad_dedup: which repeated events go */
} dyad_engine_options;

/* Which repeated events a session drops (src/resolve). */
typedef enum dyad_dedup {
    DYAD_DEDUP_STORY = 0,       /* one event per (source, target, code, date)
                                ** per story: the first stays and counts the
                                ** others (dyad_event.repeats) */
    DYAD_DEDUP_NONE,            /* keep every event (still one per
                                ** (source, target, code) per sentence) */
    DYAD_DEDUP_DAY              /* Phoenix's one-a-day filter: one per
                                ** (date, source, target, code) over all the
                                ** stories a session runs */
} dyad_dedup;

#define DYAD_SKIP_LEMMA 0x01    /* no lemmas ("_") */
#define DYAD_SKIP_PARSE 0x02    /* no heads or relations (head -1, "_") */

/* Create an engine.  Returns DYAD_OK and *out, or an error status with *out
** NULL and, when errmsg is not NULL, *errmsg a malloc'd message. */
dyad_status dyad_engine_open(const dyad_engine_options *opt, dyad_engine **out,
                             char **errmsg);

/* Free an engine.  Every session on it must be freed first.  NULL is a no-op. */
void dyad_engine_close(dyad_engine *e);

/* The dictionary set the engine loaded (--dict or the built-in one), or
** NULL. */
const dyad_dict *dyad_engine_dict(const dyad_engine *e);

/* ---------------------------------------------------------------------
** Sessions, sentences and tokens (src/text)
*/

/* Token kinds.  ORDER TOKKIND: keep in step with dyad_token_kind_name(). */
typedef enum dyad_token_kind {
    DYAD_TOK_WORD = 0,  /* letters, possibly with digits, '-', '.', '&' */
    DYAD_TOK_NUMBER,    /* starts with a digit: 200,000  3-1/2  14th */
    DYAD_TOK_PUNCT,     /* . , ; : ! ? ( ) -- ... and quotation marks */
    DYAD_TOK_SYMBOL,    /* $ % & # and other symbols */
    DYAD_TOK_URL        /* URL, e-mail address, @handle, #hashtag */
} dyad_token_kind;

/* Token flags. */
#define DYAD_TF_QUOTED     0x01  /* inside quotation marks */
#define DYAD_TF_QUOTE_OPEN 0x02  /* this token is an opening quotation mark */
#define DYAD_TF_QUOTE_CLOSE 0x04 /* this token is a closing quotation mark */
#define DYAD_TF_SPACE      0x08  /* whitespace precedes the token */
#define DYAD_TF_CLITIC     0x10  /* split from the previous word ('s, n't) */
#define DYAD_TF_ABBREV     0x20  /* a word ending in a period (U.S., Gen.) */
#define DYAD_TF_UPPER      0x40  /* first character is an upper-case letter */
#define DYAD_TF_BADUTF8    0x80  /* contains invalid UTF-8 */

/* A token is a span of the story text (the story owns the text).  norm is
** the normalised form when it differs from the span (typographic quotes,
** apostrophes and dashes made ASCII, NBSP removed), else NULL; it belongs to
** the session. */
typedef struct dyad_token {
    uint32_t    start;          /* byte offset into dyad_story.text */
    uint32_t    len;            /* bytes */
    const char *norm;           /* normalised text (NUL-terminated) or NULL */
    uint8_t     kind;           /* a dyad_token_kind */
    uint8_t     flags;          /* DYAD_TF_* */
    uint8_t     aux;            /* private to the text layer */
} dyad_token;

/* Sentence flags. */
#define DYAD_SF_CUT        0x01  /* ended by the length limit, not the text */
#define DYAD_SF_PARA_START 0x02  /* first sentence of a paragraph */

/* A sentence: a run of tokens of one body segment. */
typedef struct dyad_sentence {
    uint32_t    start;          /* byte offset of its first token */
    uint32_t    end;            /* byte offset one past its last token */
    const dyad_token *tokens;   /* its tokens (session-owned) */
    uint32_t    ntokens;
    uint32_t    flags;          /* DYAD_SF_* */
} dyad_sentence;

typedef struct dyad_session dyad_session;

/* New session on engine e (which must outlive it); NULL when out of memory. */
dyad_session *dyad_session_new(const dyad_engine *e);

/* Free a session and everything it returned.  NULL is a no-op. */
void dyad_session_free(dyad_session *s);

/* Process one story through the pipeline.  A story whose status is not
** DYAD_OK is not processed (its output is an error line).  Returns DYAD_OK,
** or DYAD_NOMEM (the session stays usable for the next story). */
dyad_status dyad_session_run(dyad_session *s, const dyad_story *story);

/* Sentences of the last story run. */
size_t dyad_session_sentence_count(const dyad_session *s);
const dyad_sentence *dyad_session_sentence(const dyad_session *s, size_t i);

/* Text of token t: its norm when set, else its span of story text.
** *n receives the length in bytes. */
const char *dyad_token_text(const dyad_story *story, const dyad_token *t,
                            size_t *n);

/* Name of a token kind ("word", "number", ...). */
const char *dyad_token_kind_name(dyad_token_kind k);

/* Syntax of one word (tagger, lemmatizer, parser).  Strings belong to the
** engine's models or the session. */
typedef struct dyad_syntax {
    const char *upos;           /* UD part of speech ("NOUN") */
    const char *xpos;           /* Penn tag ("NN") */
    const char *lemma;          /* "talk" */
    int32_t     head;           /* 1-based word of the sentence, 0 = root */
    const char *deprel;         /* UD relation ("nsubj:pass") */
} dyad_syntax;

/* Syntax of sentence i of the last story, one entry per token, or NULL when
** the engine has no models (syntax = -1 or models absent). */
const dyad_syntax *dyad_session_syntax(const dyad_session *s, size_t i);

/* Tag, lemmatize and parse the n words forms[0..n) (NUL-terminated, one
** syntactic word each, e.g. from a CoNLL-U file) with s's engine.  Returns a
** session-owned array of n entries valid until the next call on s, or NULL
** when the engine has no models or memory ran out. */
const dyad_syntax *dyad_session_parse_words(dyad_session *s, const char *const *forms,
                                            size_t n);

/* Train a model: what is "tagger", "lemmatizer" or "parser"; train and dev
** are CoNLL-U files (dev may be NULL for the lemmatizer); tagger_model (for
** the parser, may be NULL) gives predicted training tags; iterations 0 =
** the trainer's default; seed makes runs repeatable.  Progress goes to log
** (may be NULL).  Returns DYAD_OK, or an error status with *errmsg set
** (malloc'd, caller frees). */
dyad_status dyad_train(const char *what, const char *train, const char *dev,
                       const char *tagger_model, int iterations, uint64_t seed,
                       const char *out, FILE *log, char **errmsg);

/* Warnings the session produced on the last story (e.g. a sentence cut at
** the length limit), in order. */
size_t dyad_session_warning_count(const dyad_session *s);
const char *dyad_session_warning(const dyad_session *s, size_t i);

/* ---------------------------------------------------------------------
** Time expressions (src/time)
**
** Every story run gets its time expressions recognised and normalised
** against the story date, TIMEX3 style: "on Tuesday" in a story of
** 2014-10-15 is the DATE 2014-10-14, "last month" 2014-09, "last week"
** 2014-W41, "the 1990s" 199, "three years" the DURATION P3Y, "every week"
** the SET P1W, "now" PRESENT_REF.  Without a story date, expressions that
** need one (weekdays, "last month", "Oct. 14" without a year) get no value
** and are left out; nothing is invented.
*/

/* ORDER TIMEXTYPE: keep in step with dyad_timex_type_name(). */
typedef enum dyad_timex_type {
    DYAD_TIMEX_DATE = 0,        /* a calendar date, week, month, quarter,
                                ** season, year, decade or PRESENT_REF /
                                ** PAST_REF / FUTURE_REF */
    DYAD_TIMEX_TIME,            /* a time of day ("3 p.m. Tuesday") */
    DYAD_TIMEX_DURATION,        /* a length of time ("three years": P3Y) */
    DYAD_TIMEX_SET              /* a recurrence ("every week": P1W) */
} dyad_timex_type;

/* One time expression.  value belongs to the session (valid until the
** next run). */
typedef struct dyad_timex {
    uint32_t    sentence;       /* 0-based sentence of the story body */
    uint32_t    start, end;     /* byte offsets into the story text */
    uint32_t    tok_start;      /* its tokens [tok_start, tok_end) of the */
    uint32_t    tok_end;        /* sentence */
    uint8_t     type;           /* a dyad_timex_type */
    const char *value;          /* TIMEX3 value: "2014-10-14", "2014-09",
                                ** "2014-W42", "2014-Q3", "2014-SU", "1988",
                                ** "199", "P3Y", "PT24H", "PRESENT_REF" */
    dyad_date   date;           /* the day, month or year it names (month
                                ** and day 0 when unknown: a week or
                                ** quarter names its month or year when it
                                ** lies in one), or the null date */
} dyad_timex;

/* Name of a timex type ("DATE", "TIME", "DURATION", "SET"). */
const char *dyad_timex_type_name(dyad_timex_type t);

/* Time expressions of the last story run, in text order. */
size_t dyad_session_timex_count(const dyad_session *s);
const dyad_timex *dyad_session_timex(const dyad_session *s, size_t i);

/* ---------------------------------------------------------------------
** Places of a story (src/places): every mention of a place, resolved
*/

/* What a place mention does.  ORDER PLACEROLE: keep in step with
** role_names[] in src/places/places.c. */
typedef enum dyad_place_role {
    DYAD_ROLE_PLACE = 0,        /* a location: "in Paris", "Minsk, Belarus" */
    DYAD_ROLE_METONYM,          /* the place stands for its people or
                                ** government: "Moscow said", "Russia's move" */
    DYAD_ROLE_DEMONYM           /* "Russian", "Americans" */
} dyad_place_role;

typedef struct dyad_place_mention {
    uint32_t    sentence;       /* 0-based sentence; UINT32_MAX: the dateline */
    uint32_t    start, end;     /* byte offsets into the story text */
    uint32_t    tok_start;      /* its tokens [tok_start, tok_end) of the */
    uint32_t    tok_end;        /* sentence (0, 0 for the dateline) */
    uint8_t     role;           /* a dyad_place_role */
    int32_t     index;          /* gazetteer place, or -1 when unresolved
                                ** ("Laurel County": no such place in it) */
    dyad_place  place;          /* that place (name NULL when unresolved) */
} dyad_place_mention;

/* Name of a role ("place", "metonym", "demonym"). */
const char *dyad_place_role_name(dyad_place_role r);

/* Place mentions of the last story run, in text order (the dateline
** first); none when the engine has no gazetteer. */
size_t dyad_session_place_count(const dyad_session *s);
const dyad_place_mention *dyad_session_place(const dyad_session *s, size_t i);

/* The gazetteer the engine loaded, or NULL. */
const dyad_gazetteer *dyad_engine_gazetteer(const dyad_engine *e);

/* ---------------------------------------------------------------------
** Events and mentions (src/coding, src/resolve)
*/

/* Event flags. */
#define DYAD_EF_PASSIVE    0x01  /* the verb is passive (roles from by/from) */
#define DYAD_EF_NEGATED    0x02  /* the verb is negated (code is the refusal) */
#define DYAD_EF_QUOTED     0x04  /* the verb stands inside quotation marks */
#define DYAD_EF_RECIPROCAL 0x08  /* coded both ways from a compound subject */
#define DYAD_EF_REPORTED   0x10  /* from a clause under a verb of saying */
#define DYAD_EF_INFERRED   0x20  /* an actor was inherited from another clause */

/* One coded event.  Offsets are byte offsets into the story text; a missing
** target has target NULL and target_start == target_end == 0.  Strings
** belong to the session (valid until the next run). */
typedef struct dyad_event {
    uint32_t    sentence;       /* 0-based sentence of the story body */
    const char *source;         /* actor code ("USAGOV") */
    const char *target;         /* actor code, or NULL */
    const char *code;           /* CAMEO event code ("044") */
    dyad_date   date;           /* date of the event: the DATE expression
                                ** that modifies its verb, with its
                                ** precision, else the story date */
    uint32_t    source_start, source_end;
    uint32_t    target_start, target_end;
    uint32_t    verb_start, verb_end;
    uint32_t    flags;          /* DYAD_EF_* */
    int32_t     source_mention; /* index of the source's mention, or -1 */
    int32_t     target_mention; /* index of the target's mention, or -1 */
    const char *rule;           /* where the code came from: "file:line" of
                                ** the pattern or verb entry */
    int32_t     quote;          /* the quotation (dyad_session_quote()) the
                                ** verb stands in, or -1 */
    uint32_t    repeats;        /* later mentions of the same event in the
                                ** story that were dropped (DYAD_DEDUP_STORY) */
    int32_t     place;          /* where it happened: the place mention
                                ** (dyad_session_place()) of a location
                                ** attached to its verb ("met in Paris"),
                                ** else the dateline's; -1 = unknown */
} dyad_event;

/* Events of the last story run, in sentence order. */
size_t dyad_session_event_count(const dyad_session *s);
const dyad_event *dyad_session_event(const dyad_session *s, size_t i);

/* Mention kinds. */
typedef enum dyad_mention_kind {
    DYAD_MEN_ACTOR = 0,         /* a dictionary actor, possibly with agents */
    DYAD_MEN_AGENT,             /* an agent with no actor ("the minister") */
    DYAD_MEN_PRONOUN,           /* he, she, they, it, his, its, their, we */
    DYAD_MEN_RELATIONAL         /* "his counterpart", "the two countries",
                                ** "both sides" */
} dyad_mention_kind;

/* A noun phrase the coder saw as a possible actor.  code is the actor code
** it resolved to, or NULL when it is unresolved (a pronoun, a bare agent's
** "---GOV" keeps its code with kind DYAD_MEN_AGENT). */
typedef struct dyad_mention {
    uint32_t    sentence;
    uint32_t    start, end;     /* byte offsets of the phrase */
    uint32_t    head;           /* token index of its head within the sentence */
    uint8_t     kind;           /* dyad_mention_kind */
    const char *code;           /* actor code or NULL */
} dyad_mention;

size_t dyad_session_mention_count(const dyad_session *s);
const dyad_mention *dyad_session_mention(const dyad_session *s, size_t i);

/* ---------------------------------------------------------------------
** Who, across sentences (src/coding/coref.c): actor mentions of the whole
** story, pronouns and relational phrases resolved, quotations and their
** speakers.  Filled when the engine has dictionaries.
*/

/* An actor mention of the story: a dictionary actor or agent, or a
** pronoun or relational phrase resolved to one ("he" -> USAGOV, "his
** Russian counterpart" -> RUSGOV). */
typedef struct dyad_actor {
    uint32_t    sentence;
    uint32_t    start, end;     /* byte offsets of the words */
    const char *code;           /* actor code */
    uint8_t     kind;           /* dyad_mention_kind */
    uint8_t     located;        /* 1: after "in", "at", "near", ...: named as
                                ** a place, not acting */
    int32_t     resolved_from;  /* the actor mention it refers back to (a
                                ** pronoun's antecedent, a quote's speaker
                                ** for "we"), or -1 */
} dyad_actor;

size_t dyad_session_actor_count(const dyad_session *s);
const dyad_actor *dyad_session_actor(const dyad_session *s, size_t i);

/* A quotation: the quoted text (quotation marks excluded), possibly over
** several sentences and paragraphs, and who said it: the actor of ", X
** said" / "X told ...: " in its sentences, else the speaker of the quote
** just before it (a quote paragraph that goes on). */
typedef struct dyad_quote {
    uint32_t    start, end;     /* byte offsets of the quoted words */
    uint32_t    first_sentence, last_sentence;
    int32_t     speaker;        /* actor mention of the speaker, or -1 */
    const char *speaker_code;   /* its code, or NULL */
    uint32_t    speaker_start, speaker_end; /* the speaker's words as
                                ** written ("he", "Kerry"); 0, 0 when none */
} dyad_quote;

size_t dyad_session_quote_count(const dyad_session *s);
const dyad_quote *dyad_session_quote(const dyad_session *s, size_t i);

/* Explanation of the coding of the last story (tokens, tags, parse, actors,
** patterns tried and matched, events) as text, when tracing was switched on
** with dyad_session_trace(s, 1) before the run; "" otherwise. */
void dyad_session_trace(dyad_session *s, int on);
const char *dyad_session_explain(const dyad_session *s, size_t *n);

/* ---------------------------------------------------------------------
** CAMEO tables (src/output/cameo.c; data: data/cameo/ TSV files)
**
** Static, immutable tables compiled into the library: every CAMEO 1.1b3
** event code with its name, Goldstein value, QuadClass and PLOVER category,
** and the CAMEO actor type codes.  Everything returned points into them:
** never freed, valid for the life of the program, safe from any thread.
*/

/* One CAMEO event code. */
typedef struct dyad_cameo_code {
    const char *code;           /* "044", "0874"; roots "04" are codes too */
    const char *name;           /* codebook name ("Meet at a \"third\" location") */
    double      goldstein;      /* Goldstein scale, -10.0 .. 10.0, one decimal */
    int         quad;           /* QuadClass: 1 verbal cooperation, 2 material
                                ** cooperation, 3 verbal conflict, 4 material
                                ** conflict (by root: 01-05, 06-08, 09-13, 14-20) */
    const char *plover;         /* PLOVER category ("CONSULT"), or NULL when the
                                ** code has none (the 01 statements) */
} dyad_cameo_code;

/* The entry of a CAMEO event code, exact match ("044"; "44", "0440" and
** codes with letters such as "075A" are unknown).  Returns NULL for an
** unknown code or a NULL argument. */
const dyad_cameo_code *dyad_cameo_lookup(const char *code);

/* Number of event codes, and the i-th in code order (NULL when i is out of
** range): for listing or checking the whole table. */
size_t dyad_cameo_count(void);
const dyad_cameo_code *dyad_cameo_at(size_t i);

/* Name of a CAMEO actor type code, the three capitals after the country
** ("GOV" -> "Government", "SHI" -> "Shia (Muslim)"), or NULL when the code
** is not one (or NULL). */
const char *dyad_cameo_actor_type_name(const char *type);

/* ---------------------------------------------------------------------
** Output (src/output)
*/

/* What dyad_session_format() writes. */
typedef enum dyad_output {
    DYAD_OUT_EVENTS = 0,        /* one JSON line per event (may be none) */
    DYAD_OUT_STORY,             /* exactly one JSON line for the story */
    DYAD_OUT_SENTENCES,         /* one JSON line per sentence */
    DYAD_OUT_ANNOTATE,          /* exactly one JSON line for the story: its
                                ** time expressions and places
                                ** (`dyad annotate --per-story`) */
    DYAD_OUT_TIMEXES            /* one JSON line per time expression */
} dyad_output;

/* Layers `dyad annotate --per-story` writes (DYAD_OUT_ANNOTATE); a mask of
** DYAD_LAYER_*, 0 = all (the default). */
#define DYAD_LAYER_TIMEXES 0x1u
#define DYAD_LAYER_PLACES  0x2u
#define DYAD_LAYER_ACTORS  0x4u
#define DYAD_LAYER_QUOTES  0x8u
void dyad_session_layers(dyad_session *s, unsigned mask);

/* Format the last story run (or an error story, which needs no run) as
** JSON lines, each ending in '\n'.  Returns a session-owned buffer and sets
** *n to its length; "" (with *n = 0) when there is nothing to write.
** Returns NULL when out of memory. */
const char *dyad_session_format(dyad_session *s, const dyad_story *story,
                                dyad_output what, size_t *n);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
