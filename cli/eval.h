/*
** eval.h - the parts of `dyad eval` (EVALUATION.md): gold records read from
** the development gold sets, the events coded for them, and the metrics.
**
**   eval_gold.c    a string pool; reading gold files (which set each file
**                  is, the ConfliBERT majority rule) and coded-event files
**                  (`dyad code` output, per event or --per-story)
**   eval_score.c   actor entities and the metrics of each set
**   cmd_eval.c     the command: coding through the library, the report
**
** Ownership: everything a gold file or a coded file holds (records, events,
** strings) lives in its pool and is freed with it.
*/
#ifndef DYAD_EVAL_H
#define DYAD_EVAL_H

#include <stddef.h>

/* ---------------------------------------------------------------- pool */

typedef struct eval_chunk eval_chunk;

/* A bump allocator: allocations live until eval_pool_free(). */
typedef struct eval_pool {
    eval_chunk *head;           /* newest chunk, or NULL */
} eval_pool;

/* n bytes aligned for any type, or NULL when out of memory. */
void *eval_pool_alloc(eval_pool *p, size_t n);
/* A copy of s (NULL for NULL; NULL also when out of memory). */
char *eval_pool_strdup(eval_pool *p, const char *s);
void eval_pool_free(eval_pool *p);

/* ---------------------------------------------------------------- sets */

/* ORDER SET: keep in step with eval_set_names[] and eval_set_titles[]. */
typedef enum eval_set {
    EVAL_UNKNOWN = 0,           /* no record and no telling name */
    EVAL_CAMEO,                 /* CAMEO manual examples */
    EVAL_PLOVER,                /* PLOVER gold standard records */
    EVAL_MULTICOPED,            /* Multi-CoPED 5-class sentences */
    EVAL_CONFLIBERT,            /* CAMEO_ConfliBERT, 4 coders at root level */
    EVAL_TIMEX,                 /* time expressions (TimeBank, AQUAINT) */
    EVAL_GEO,                   /* toponyms (LGL, GeoVirus) */
    EVAL_NSETS
} eval_set;

extern const char *const eval_set_names[EVAL_NSETS];  /* "cameo", ... (--set, JSON) */
extern const char *const eval_set_titles[EVAL_NSETS]; /* "CAMEO manual", ... */

/* -------------------------------------------------------------- records */

/* A gold actor: a CAMEO actor code and, for PLOVER, the gold sector. */
typedef struct eval_actor {
    const char *code;           /* "USA", "ISRMIL", "IGO", never NULL */
    const char *sector;         /* "GOV", "CVLalb", or NULL (none or "***") */
} eval_actor;

/* One gold event. */
typedef struct eval_gold {
    const char *code;           /* CAMEO code ("0244"; ConfliBERT: the root),
                                ** or NULL */
    int         penta;          /* Multi-CoPED class 0..4, or -1 */
    const eval_actor *src;      /* gold sources (any of them may match) */
    size_t      nsrc;
    const eval_actor *tgt;      /* gold targets */
    size_t      ntgt;
} eval_gold;

/* One coded event (from the coder or a coded file). */
typedef struct eval_event {
    const char *story_id;       /* coded files: the story; else NULL */
    const char *source;         /* actor code, or NULL */
    const char *target;         /* actor code, or NULL */
    const char *code;           /* CAMEO event code; NULL marks a story with
                                ** no events (coded files only) */
    size_t      line;           /* line of the coded file, or 0 */
    int         used;           /* a gold record took it (coded files) */
} eval_event;

/* A time expression: a gold TIMEX3 (DATE, not the document creation time,
** not an unanchored XXXX value) or one that dyad found. */
typedef struct eval_timex {
    size_t      start, end;     /* byte offsets into the record's text */
    const char *value;          /* "2014-10-14", "PRESENT_REF", ... */
} eval_timex;

/* A place: a gold toponym or one that dyad found. */
typedef struct eval_place {
    size_t      start, end;     /* byte offsets into the record's text */
    int         has_coords;     /* 0: gold without coordinates, or unresolved */
    double      lat, lon;
} eval_place;

/* One gold record (a sentence) and the events coded for it. */
typedef struct eval_record {
    const char *id;
    const char *text;
    const char *date;           /* "YYYY-MM-DD" or NULL */
    const eval_gold *gold;      /* gold events */
    size_t      ngold;
    int         no_event;       /* ConfliBERT: the majority found no event */
    int         skipped;        /* ConfliBERT: no majority either way; not
                                ** coded, not scored */
    const eval_event *ev;       /* coded events (pool or coded file) */
    size_t      nev;
    const eval_timex *gtx;      /* timex set: the gold DATE expressions */
    size_t      ngtx;
    const eval_timex *tx;       /* timex set: the expressions dyad found */
    size_t      ntx;
    const eval_place *gpl;      /* geo set: the gold toponyms */
    size_t      ngpl;
    const eval_place *pl;       /* geo set: the places dyad found */
    size_t      npl;
} eval_record;

/* A gold file as read. */
typedef struct eval_file {
    const char *path;
    eval_set    set;
    const char *set_from;       /* "--set", "file name", "fields" or "-" */
    eval_record *rec;           /* records in file order (malloc'd) */
    size_t      nrec, cap;
    size_t      nbad;           /* malformed lines, reported and skipped */
    eval_pool   pool;
} eval_file;

/* Read the gold file at path as set `forced` (EVAL_UNKNOWN: tell from the
** file name, else from the fields of the first record).  A malformed line is
** reported on stderr as "path:line: what", counted in f->nbad and skipped.
** Returns 0, or -1 when the file cannot be opened or memory ran out
** (reported; f holds what was read and must still be freed). */
int eval_gold_read(const char *path, eval_set forced, eval_file *f);
void eval_file_free(eval_file *f);

/* Events read from coded files, sorted by story id. */
typedef struct eval_coded {
    eval_event *ev;             /* malloc'd; strings in pool */
    size_t      n, cap;
    size_t      nbad;           /* malformed lines */
    eval_pool   pool;
} eval_coded;

/* Read a file of `dyad code` output (one event a line with "story_id", or
** --per-story lines with "story_id" and "events").  Bad lines are reported
** as "path:line: what" and counted in c->nbad.  Returns 0, or -1 when the
** file cannot be opened or memory ran out (reported). */
int eval_coded_read(const char *path, eval_coded *c);
/* Give every record of f the coded events of its id (none when absent). */
void eval_coded_attach(eval_coded *c, eval_file *f);
/* Warn about each coded story that no gold record took.  Returns how many. */
size_t eval_coded_warn_unused(const eval_coded *c, const char *path);
void eval_coded_free(eval_coded *c);

/* -------------------------------------------------------------- metrics */

#define EVAL_MAX_METRICS 6

/* A metric: num/den, or (derived) a value computed from other metrics. */
typedef struct eval_metric {
    const char *name;           /* "root recall" (table) */
    const char *key;            /* "root_recall" (JSON) */
    size_t      num, den;
    double      value;          /* num/den; derived value; < 0: undefined */
    int         derived;        /* 1: value is not num/den (F1) */
} eval_metric;

typedef struct eval_result {
    size_t      records;        /* gold records read */
    size_t      skipped;        /* records not scored (ConfliBERT) */
    size_t      with_events;    /* scored records with >= 1 coded event */
    size_t      events;         /* coded events on scored records */
    size_t      timexes;        /* time expressions found (timex set) */
    size_t      places;         /* places found (geo set) */
    eval_metric m[EVAL_MAX_METRICS];
    size_t      nm;
} eval_result;

/* Root 1..20 of a CAMEO code ("0244" → 2), or -1 when it has none. */
int eval_root(const char *code);

/* The metrics of f's set over its records and their coded events. */
void eval_score(const eval_file *f, eval_result *r);

#endif
