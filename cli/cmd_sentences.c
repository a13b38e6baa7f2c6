/*
** cmd_sentences.c - `dyad sentences`: the text layer's view of each story,
** one JSON line per sentence (or, with --tokens, one line of tokens per
** sentence, for golden tests and eyeballing).  --stats reports throughput.
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char usage[] =
    "usage: dyad sentences [--tokens] [--stats] [--date YYYY-MM-DD] [FILE...]\n"
    "\n"
    "Splits the body text of each story into sentences and tokens and prints\n"
    "one JSON line per sentence: story_id, index, start, end (byte offsets),\n"
    "text, tokens (normalised) and quoted (indexes of tokens inside quotes).\n"
    "\n"
    "  --tokens   print each sentence as its tokens separated by spaces, with\n"
    "             quoted stretches wrapped in { }; stories separated by an\n"
    "             empty line\n"
    "  --stats    run the text layer without printing sentences; print counts\n"
    "             and timings to stderr\n"
    "  --date     date of plain-text articles (see dyad code --help)\n"
    "  --help     this help\n";

typedef struct sent_ctx {
    dyad_session *s;
    int tokens, stats;
    size_t good;                 /* stories printed */
    size_t stories, sentences, ntokens, text_bytes;
    double text_seconds;
    char *line;                  /* --tokens line buffer */
    size_t cap;
} sent_ctx;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Append p[0..n) to the line buffer; -1 when out of memory. */
static int put(sent_ctx *c, size_t *len, const char *p, size_t n) {
    if (*len + n + 2 > c->cap) {
        size_t cap = c->cap ? c->cap : 4096;
        while (*len + n + 2 > cap) cap *= 2;
        char *q = realloc(c->line, cap);
        if (!q) return -1;
        c->line = q;
        c->cap = cap;
    }
    memcpy(c->line + *len, p, n);
    *len += n;
    return 0;
}

static int print_tokens(sent_ctx *c, const dyad_story *st) {
    size_t ns = dyad_session_sentence_count(c->s);
    if (c->good++ > 0 && cli_write("\n", 1) < 0) return -1;
    for (size_t i = 0; i < ns; i++) {
        const dyad_sentence *se = dyad_session_sentence(c->s, i);
        size_t len = 0;
        int inq = 0;
        for (uint32_t k = 0; k < se->ntokens; k++) {
            const dyad_token *t = &se->tokens[k];
            int q = (t->flags & DYAD_TF_QUOTED) != 0;
            if (q && !inq && put(c, &len, len ? " {" : "{", len ? 2 : 1) < 0) return -1;
            if (!q && inq && put(c, &len, " }", 2) < 0) return -1;
            inq = q;
            size_t n;
            const char *z = dyad_token_text(st, t, &n);
            if (len && put(c, &len, " ", 1) < 0) return -1;
            if (put(c, &len, z, n) < 0) return -1;
        }
        if (inq && put(c, &len, " }", 2) < 0) return -1;
        c->line[len++] = '\n';
        if (cli_write(c->line, len) < 0) return -1;
    }
    return 0;
}

static int on_story(void *p, const dyad_story *st) {
    sent_ctx *c = p;
    c->stories++;
    if (st->status != DYAD_OK) return 0;
    double t0 = c->stats ? now() : 0;
    if (dyad_session_run(c->s, st) != DYAD_OK) {
        fprintf(stderr, "dyad: error: story %s: out of memory\n", st->id);
        return 0;
    }
    if (c->stats) {
        c->text_seconds += now() - t0;
        c->text_bytes += st->text_len;
        size_t ns = dyad_session_sentence_count(c->s);
        c->sentences += ns;
        for (size_t i = 0; i < ns; i++) c->ntokens += dyad_session_sentence(c->s, i)->ntokens;
        return 0;
    }
    for (size_t i = 0; i < dyad_session_warning_count(c->s); i++)
        fprintf(stderr, "dyad: warning: %s\n", dyad_session_warning(c->s, i));
    if (c->tokens) return print_tokens(c, st);
    size_t n;
    const char *out = dyad_session_format(c->s, st, DYAD_OUT_SENTENCES, &n);
    if (!out) {
        fprintf(stderr, "dyad: error: story %s: out of memory\n", st->id);
        return 0;
    }
    return cli_write(out, n);
}

int cmd_sentences(int argc, char **argv) {
    dyad_read_options ropt;
    memset(&ropt, 0, sizeof ropt);
    sent_ctx c;
    memset(&c, 0, sizeof c);
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"--tokens", &c.tokens, NULL},
        {"--stats", &c.stats, NULL},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("sentences", usage, argc, argv, opts, &ropt, files, &nfiles);
    if (k) {
        free(files);
        return k == 1 ? 0 : k;
    }
    dyad_engine_options eo;
    memset(&eo, 0, sizeof eo);
    eo.syntax = -1;                     /* the text layer only */
    dyad_engine *e;
    char *err = NULL;
    if (dyad_engine_open(&eo, &e, &err) != DYAD_OK) {
        fprintf(stderr, "dyad sentences: %s\n", err ? err : "cannot start");
        free(err);
        free(files);
        return EXIT_USAGE;
    }
    c.s = dyad_session_new(e);
    double t0 = now();
    int rc = EXIT_USAGE;
    if (c.s) rc = cli_each_story(files, nfiles, &ropt, on_story, NULL, &c);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dyad sentences: write error\n");
        rc = EXIT_STORYERR;
    }
    if (c.stats) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr,
                "stats: stories=%zu sentences=%zu tokens=%zu bytes=%zu text_bytes=%zu "
                "seconds_text=%.3f seconds_total=%.3f peak_rss_kb=%ld\n",
                c.stories, c.sentences, c.ntokens, c.text_bytes, c.text_bytes, c.text_seconds,
                now() - t0, ru.ru_maxrss);
    }
    dyad_session_free(c.s);
    dyad_engine_close(e);
    free(c.line);
    free(files);
    return rc;
}
