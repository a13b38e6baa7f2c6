/*
** reader.c - the story reader: opens a byte source, detects the input format
** (extension first, then content), buffers lines, and hands each story to
** the format's parser.  Shared story helpers (errors, warnings, segments,
** datelines, date defaults) live here so every format behaves alike.
*/
#include "input.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define READ_CHUNK (1024 * 1024)
#define DEFAULT_MAX_STORY ((size_t)64 * 1024 * 1024)

/* ORDER FORMAT: keep in step with dyad_format. */
static const char *const format_names[] = {"auto", "jsonl", "article", "tabari", "petrarch"};

const char *dyad_format_name(dyad_format f) {
    if ((unsigned)f < sizeof format_names / sizeof *format_names) return format_names[f];
    return "unknown";
}

static dyad_status reader_open(const char *path, const void *mem, size_t n,
                               const dyad_read_options *opt, dyad_reader **out, char **errmsg) {
    *out = NULL;
    if (errmsg) *errmsg = NULL;
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) goto nomem;
    if (opt) r->opt = *opt;
    if (!r->opt.max_story) r->opt.max_story = DEFAULT_MAX_STORY;
    if (r->opt.max_story > UINT32_MAX - 1) r->opt.max_story = UINT32_MAX - 1;
    r->path = strdup(path ? path : "-");
    if (!r->path) goto nomem;
    r->name = strcmp(r->path, "-") == 0 && !mem ? "stdin" : r->path;
    r->fmt = r->opt.format;
    char err[512];
    r->src = rd_source_open(r->path, mem, n, err, sizeof err);
    if (!r->src) {
        if (errmsg) *errmsg = strdup(err);
        dyad_reader_close(r);
        return DYAD_IO;
    }
    *out = r;
    return DYAD_OK;
nomem:
    dyad_reader_close(r);
    if (errmsg) *errmsg = strdup("out of memory");
    return DYAD_NOMEM;
}

dyad_status dyad_reader_open(const char *path, const dyad_read_options *opt,
                             dyad_reader **out, char **errmsg) {
    return reader_open(path, NULL, 0, opt, out, errmsg);
}

dyad_status dyad_reader_open_memory(const void *data, size_t n, const char *name,
                                    const dyad_read_options *opt, dyad_reader **out,
                                    char **errmsg) {
    static const char empty[1] = "";
    return reader_open(name ? name : "memory", data ? data : empty, data ? n : 0, opt, out,
                       errmsg);
}

void dyad_reader_close(dyad_reader *r) {
    if (!r) return;
    rd_source_close(r->src);
    free(r->path);
    free(r->buf);
    free(r->all);
    arena_free(&r->arena);
    dbuf_free(&r->text);
    dvec_free(&r->segs);
    dvec_free(&r->warns);
    free(r);
}

dyad_format dyad_reader_format(const dyad_reader *r) { return r->fmt; }

const char *dyad_reader_errmsg(const dyad_reader *r) { return r->errmsg; }

/* ------------------------------------------------------------ line buffer */

/* Read more bytes into the line buffer.  Returns bytes added, 0 at the end,
** -1 on error. */
static long buffer_more(dyad_reader *r) {
    if (r->eof) return 0;
    if (r->beg > 0) {                     /* compact */
        memmove(r->buf, r->buf + r->beg, r->end - r->beg);
        r->end -= r->beg;
        r->beg = 0;
    }
    if (r->cap - r->end < READ_CHUNK) {
        size_t cap = r->cap ? r->cap * 2 : 2 * READ_CHUNK;
        while (cap - r->end < READ_CHUNK) cap *= 2;
        char *p = realloc(r->buf, cap + 1);
        if (!p) { snprintf(r->errmsg, sizeof r->errmsg, "%s: out of memory", r->name); return -1; }
        r->buf = p;
        r->cap = cap;
    }
    long k = rd_source_read(r->src, r->buf + r->end, r->cap - r->end, r->errmsg,
                            sizeof r->errmsg);
    if (k < 0) return -1;
    if (k == 0) r->eof = 1;
    r->end += (size_t)k;
    return k;
}

int rd_getline(dyad_reader *r, const char **line, size_t *len, int *toolong) {
    size_t scanned = 0;
    *toolong = 0;
    for (;;) {
        char *start = r->buf ? r->buf + r->beg : NULL;
        size_t avail = r->end - r->beg;
        char *nl = avail > scanned ? memchr(start + scanned, '\n', avail - scanned) : NULL;
        if (nl) {
            *line = start;
            *len = (size_t)(nl - start);
            r->beg += *len + 1;
            r->lineno++;
            start[*len] = 0;   /* lines are NUL-terminated for parsers */
            return 1;
        }
        scanned = avail;
        if (avail > r->opt.max_story) {
            /* Too long: skip to the next newline and return an empty line
            ** flagged toolong (the head is not kept: the buffer is reused). */
            *toolong = 1;
            *line = "";
            *len = 0;
            r->lineno++;
            r->beg = r->end;
            for (;;) {
                long k = buffer_more(r);
                if (k < 0) return -1;
                if (k == 0) return 1;
                char *q = memchr(r->buf + r->beg, '\n', r->end - r->beg);
                if (q) { r->beg = (size_t)(q - r->buf) + 1; return 1; }
                r->beg = r->end;
            }
        }
        long k = buffer_more(r);
        if (k < 0) return -1;
        if (k == 0) {
            if (r->end == r->beg) return 0;
            *line = r->buf + r->beg;       /* last line without '\n' */
            *len = r->end - r->beg;
            r->buf[r->end] = 0;
            r->beg = r->end;
            r->lineno++;
            return 1;
        }
    }
}

int rd_slurp(dyad_reader *r, size_t limit) {
    for (;;) {
        long k = buffer_more(r);
        if (k < 0) return -1;
        if (k == 0) break;
        if (r->end - r->beg > limit) {
            snprintf(r->errmsg, sizeof r->errmsg, "%s: input larger than the %zu-byte limit",
                     r->name, limit);
            return -1;
        }
    }
    size_t n = r->end - r->beg;
    free(r->all);
    r->all = malloc(n + 1);
    if (!r->all) { snprintf(r->errmsg, sizeof r->errmsg, "%s: out of memory", r->name); return -1; }
    if (n) memcpy(r->all, r->buf + r->beg, n);
    r->all[n] = 0;
    r->all_len = n;
    r->pos = 0;
    r->pos_line = r->lineno + 1;
    r->beg = r->end;
    return 0;
}

/* --------------------------------------------------------- story helpers */

void rd_story_reset(dyad_reader *r) {
    arena_reset(&r->arena);
    dbuf_reset(&r->text);
    r->segs.n = 0;
    r->warns.n = 0;
    memset(&r->story, 0, sizeof r->story);
    r->story.source = r->name;
    r->story.text = "";
    r->story.id = "";
    r->story.valid = -1;
}

void rd_story_warn(dyad_reader *r, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *s = arena_strndup(&r->arena, msg, strlen(msg));
    const char **slot = dvec_push(&r->warns, sizeof *slot);
    if (s && slot) *slot = s;
}

void rd_story_error(dyad_reader *r, dyad_status st, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->story.status = st;
    r->story.error = arena_strndup(&r->arena, msg, strlen(msg));
    if (!r->story.error) r->story.error = "out of memory";
}

void rd_add_segment(dyad_reader *r, size_t start, size_t end, int kind) {
    if (end <= start) return;
    dyad_segment *sg = dvec_push(&r->segs, sizeof *sg);
    if (!sg) return;
    sg->start = (uint32_t)start;
    sg->end = (uint32_t)end;
    sg->kind = (uint8_t)kind;
}

/* Split a dateline off the first body paragraph, or off the paragraph
** after a photo caption (a body paragraph followed by its credit). */
static void find_dateline(dyad_reader *r) {
    dyad_story *st = &r->story;
    for (size_t i = 0; i < r->segs.n; i++) {
        dyad_segment *sg = &DVEC_AT(&r->segs, dyad_segment, i);
        if (sg->kind != DYAD_SEG_BODY) continue;
        rd_dateline_info dl;
        const char *z = st->text + sg->start;
        if (!rd_dateline(z, sg->end - sg->start, &dl) || dl.len == 0) {
            if (i + 1 < r->segs.n && DVEC_AT(&r->segs, dyad_segment, i + 1).kind == DYAD_SEG_CREDIT)
                continue;                   /* a caption: try the next one */
            return;
        }
        if (dl.place_len)
            st->dateline_place = arena_strndup(&r->arena, z + dl.place_start, dl.place_len);
        st->dateline_date = dl.date;
        uint32_t cut = sg->start + (uint32_t)dl.len;
        uint32_t end = sg->end;
        sg->end = cut;
        sg->kind = DYAD_SEG_DATELINE;
        if (cut < end) {
            /* Insert the rest of the paragraph as a body segment after it. */
            dyad_segment *nw = dvec_push(&r->segs, sizeof *nw);
            if (!nw) return;
            dyad_segment *base = (dyad_segment *)r->segs.p;
            memmove(base + i + 2, base + i + 1, (r->segs.n - i - 2) * sizeof *base);
            base[i + 1].start = cut;
            base[i + 1].end = end;
            base[i + 1].kind = DYAD_SEG_BODY;
        }
        return;
    }
}

void rd_story_finish(dyad_reader *r) {
    dyad_story *st = &r->story;
    if (st->status == DYAD_OK && !st->single_sentence) find_dateline(r);
    if (r->opt.date.year && (r->fmt == DYAD_FMT_ARTICLE || !st->date.year))
        st->date = r->opt.date;
    if (!st->date.year && st->dateline_date.year && st->dateline_date.month &&
        st->dateline_date.day)
        st->date = st->dateline_date;
    if (r->segs.oom || r->warns.oom || r->arena.oom || r->text.oom) {
        st->status = DYAD_NOMEM;
        st->error = "out of memory";
    }
    st->segments = r->segs.p;
    st->nsegments = r->segs.n;
    st->warnings = (const char *const *)r->warns.p;
    st->nwarnings = r->warns.n;
    if (!st->id || !st->id[0]) {
        char *id = arena_printf(&r->arena, "%s:%llu", r->name, (unsigned long long)st->line);
        st->id = id ? id : "?";
    }
}

/* ------------------------------------------------------- format detection */

static const char *base_ext(const char *path, char *ext, size_t n) {
    /* Extension ignoring a compression suffix: "a.jsonl.gz" -> "jsonl". */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", base);
    char *dot = strrchr(tmp, '.');
    if (dot && (strcmp(dot, ".gz") == 0 || strcmp(dot, ".zst") == 0 ||
                strcmp(dot, ".gzip") == 0 || strcmp(dot, ".zstd") == 0))
        *dot = 0;
    dot = strrchr(tmp, '.');
    snprintf(ext, n, "%s", dot ? dot + 1 : "");
    return ext;
}

static int is_tabari_header(const char *z, size_t n) {
    size_t i = 0;
    while (i < n && z[i] >= '0' && z[i] <= '9') i++;
    if ((i != 6 && i != 8) || i >= n || (z[i] != ' ' && z[i] != '\t')) return 0;
    while (i < n && (z[i] == ' ' || z[i] == '\t')) i++;
    return i < n && z[i] != '\n' && z[i] != '\r';
}

static dyad_format sniff(dyad_reader *r) {
    char ext[32];
    base_ext(r->path, ext, sizeof ext);
    if (!strcmp(ext, "jsonl") || !strcmp(ext, "ndjson") || !strcmp(ext, "json"))
        return DYAD_FMT_JSONL;
    if (!strcmp(ext, "xml")) return DYAD_FMT_PETRARCH;
    /* Content: look at the first 64 KiB. */
    while (r->end - r->beg < 65536 && !r->eof)
        if (buffer_more(r) < 0) return DYAD_FMT_AUTO;
    const char *z = r->buf ? r->buf + r->beg : "";
    size_t n = r->end - r->beg;
    size_t i = 0;
    while (i < n && (z[i] == ' ' || z[i] == '\t' || z[i] == '\n' || z[i] == '\r')) i++;
    if (i < n && z[i] == '{') return DYAD_FMT_JSONL;
    if (i < n && z[i] == '<') {
        for (size_t j = i; j + 9 <= n; j++)
            if (memcmp(z + j, "<Sentence", 9) == 0) return DYAD_FMT_PETRARCH;
    }
    /* TABARI: the first line that is not blank or a '#' comment is a record
    ** header "YYMMDD ID". */
    size_t p = 0;
    while (p < n) {
        const char *nl = memchr(z + p, '\n', n - p);
        size_t e = nl ? (size_t)(nl - z) : n;
        size_t q = p;
        while (q < e && (z[q] == ' ' || z[q] == '\t' || z[q] == '\r')) q++;
        if (q < e && z[q] != '#') {
            if (!strcmp(ext, "txt")) break;
            if (is_tabari_header(z + p, e - p)) return DYAD_FMT_TABARI;
            break;
        }
        p = e + 1;
    }
    return DYAD_FMT_ARTICLE;
}

dyad_status dyad_reader_next(dyad_reader *r, const dyad_story **out) {
    *out = NULL;
    if (r->done) return DYAD_DONE;
    if (r->fmt == DYAD_FMT_AUTO) {
        r->fmt = sniff(r);
        if (r->fmt == DYAD_FMT_AUTO) { r->done = 1; return DYAD_IO; }
    }
    dyad_status st;
    switch (r->fmt) {
    case DYAD_FMT_JSONL: st = rd_jsonl_next(r); break;
    case DYAD_FMT_TABARI: st = rd_tabari_next(r); break;
    case DYAD_FMT_PETRARCH: st = rd_petrarch_next(r); break;
    default: st = rd_article_next(r); break;
    }
    if (st != DYAD_OK) {
        r->done = 1;
        return st;
    }
    r->nstories++;
    *out = &r->story;
    return DYAD_OK;
}
