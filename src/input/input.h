/*
** input.h - internals of the story readers (src/input).
**
** A reader is a byte source (plain file, gzip or zstd stream, stdin) with a
** line buffer on top, plus one record parser per input format.  Each call of
** a parser's `next` function fills r->story for exactly one story and
** returns DYAD_OK, or returns DYAD_DONE at the end of input.  A malformed
** record is never a stream error: the parser returns DYAD_OK with the story's
** status and error set (rd_story_error()), so that every record in yields a
** story out.  Per-story strings live in r->arena, which is reset before each
** story.
*/
#ifndef DYAD_INPUT_H
#define DYAD_INPUT_H

#include "../base/base.h"

/* ----- byte sources (src/input/source.c) */
typedef struct rd_source rd_source;

/* Open path ("-" = stdin), or, when mem is not NULL, the mem_len bytes at
** mem (not copied; path then only names them); detects gzip and zstd by
** magic bytes.  Returns NULL and writes a message naming the file into err
** (size errn) on failure. */
rd_source *rd_source_open(const char *path, const void *mem, size_t mem_len, char *err,
                          size_t errn);
/* Read up to n bytes; returns bytes read, 0 at the end, -1 on error (message
** in err). */
long rd_source_read(rd_source *s, char *buf, size_t n, char *err, size_t errn);
void rd_source_close(rd_source *s);

/* ----- the reader */
struct dyad_reader {
    dyad_read_options opt;
    char       *path;          /* as given ("-" for stdin) */
    const char *name;          /* for messages and ids: path or "stdin" */
    dyad_format fmt;           /* detected format (AUTO until detected) */
    rd_source  *src;

    /* line buffer over the decompressed stream */
    char       *buf;           /* bytes [beg, end) not yet consumed */
    size_t      cap, beg, end;
    int         eof;           /* the source is exhausted */
    uint64_t    lineno;        /* lines consumed so far */

    /* whole-input formats (article, TABARI, PETRARCH) read everything */
    char       *all;           /* the whole decompressed input, NUL-ended */
    size_t      all_len;
    size_t      pos;           /* parse position in all */
    int         started;       /* whole-input formats: input slurped */
    uint64_t    pos_line;      /* line number of all[pos], 1-based */

    dyad_story  story;         /* the story being returned */
    dyad_arena  arena;         /* per-story strings; reset per story */
    dyad_buf    text;          /* per-story text when it must be built */
    dyad_vec    segs;          /* dyad_segment of the story */
    dyad_vec    warns;         /* const char * warnings of the story */
    uint64_t    nstories;      /* stories produced so far */
    int         done;          /* DYAD_DONE was returned */
    char        errmsg[512];   /* stream-level error */
};

/* Read one line (without its '\n'; a final '\r' is kept) into *line and *len,
** valid until the next call.  Returns 1, 0 at end of input, -1 on a read
** error (r->errmsg set).  A line longer than r->opt.max_story is skipped and
** returned as an empty line with *toolong = 1. */
int rd_getline(dyad_reader *r, const char **line, size_t *len, int *toolong);

/* Read the rest of the input into r->all (NUL-terminated).  Returns 0, or -1
** on a read error or when it exceeds limit bytes (r->errmsg set).  Whole-file
** record formats pass RD_FILE_LIMIT; articles pass opt.max_story. */
int rd_slurp(dyad_reader *r, size_t limit);
#define RD_FILE_LIMIT ((size_t)1 << 30)

/* Story helpers. */
void rd_story_reset(dyad_reader *r);          /* clear r->story, arena, vecs */
void rd_story_warn(dyad_reader *r, const char *fmt, ...) DYAD_PRINTF(2, 3);
void rd_story_error(dyad_reader *r, dyad_status st, const char *fmt, ...)
    DYAD_PRINTF(3, 4);
void rd_add_segment(dyad_reader *r, size_t start, size_t end, int kind);
/* Apply the --date option and dateline date to a story with text set. */
void rd_story_finish(dyad_reader *r);

/* ----- format parsers: fill r->story, return DYAD_OK or DYAD_DONE.
** Messages about a story start "NAME: line N: " (r->name, the line). */
dyad_status rd_jsonl_next(dyad_reader *r);     /* src/input/jsonl.c */
dyad_status rd_article_next(dyad_reader *r);   /* src/input/article.c */
dyad_status rd_tabari_next(dyad_reader *r);    /* src/input/tabari.c */
dyad_status rd_petrarch_next(dyad_reader *r);  /* src/input/petrarch.c */

/* ----- dates written out in text (src/input/textdate.c) */

/* Parse a date as news writes it at the start of z[0..n): "October 15,
** 2014", "Oct. 15, 2014", "Oct 15", "15 October 2014", "Wednesday, October
** 15, 2014", "2014-10-15", "10/15/2014" (US order).  Returns the number of
** bytes consumed (0 when there is no date there) and fills *out; a missing
** year gives out->year = 0 with month and day set. */
size_t rd_textdate(const char *z, size_t n, dyad_date *out);

/* ----- datelines (src/input/dateline.c) */
typedef struct rd_dateline_info {
    size_t    len;          /* bytes of the dateline incl. the dash and the
                            ** spaces after it; 0 = no dateline */
    size_t    place_start;  /* city span ("GENEVA"), relative to z */
    size_t    place_len;    /* 0 when the dateline names no place */
    size_t    source_start; /* agency span ("Reuters"), relative to z */
    size_t    source_len;   /* 0 when none */
    dyad_date date;         /* "March 4" -> month/day, year 0 unless given */
} rd_dateline_info;

/* Recognise a dateline at the start of z[0..n): "MOSCOW (Reuters) -",
** "GENEVA, March 4 (Reuters) -", "KIEV, Ukraine (AP) --",
** "WASHINGTON -", "(CNSNews.com) -", and the bare remnant "( -" a scraper
** leaves.  Dashes may be '-', '--', en or em dash.  Returns 1 and fills *out,
** or 0. */
int rd_dateline(const char *z, size_t n, rd_dateline_info *out);

#endif /* DYAD_INPUT_H */
