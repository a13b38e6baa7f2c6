/*
** cmd_code.c - `dyad code`: code stories into events (CONTRACT.md).
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad code [--per-story] [--format jsonl|tsv] [--date YYYY-MM-DD]\n"
    "                 [--dict CONFIG | --no-dict] [FILE...]\n"
    "\n"
    "Codes the stories of each FILE (none or '-': standard input) into events.\n"
    "Inputs: JSONL (.jsonl, or a first byte '{'), plain-text articles, TABARI\n"
    "text records, PETRARCH XML; .gz and .zst are decompressed.\n"
    "\n"
    "  --per-story        one JSON line per story, in input order, with its events\n"
    "                     (default: one JSON line per event)\n"
    "  --format tsv       one tab-separated line per event: story id, sentence,\n"
    "                     date, source, target (\"-\" when none), code, source text,\n"
    "                     verb text, target text, flags (passive, negated, quoted,\n"
    "                     reciprocal, reported, inferred; \"-\" when none)\n"
    "                     (default: jsonl)\n"
    "  --date YYYY-MM-DD  date of plain-text articles, and of stories without one\n"
    "  --dict CONFIG      dictionary set: a PETRARCH .ini or TABARI .project\n"
    "                     (default: dyad's own, data/dict/dyad.ini)\n"
    "  --no-dict          no dictionaries at all: read and split only, no events\n"
    "  --dedup story|day|none  repeated events: one per (source, target, code,\n"
    "                     date) per story, the first counting the others in\n"
    "                     \"repeats\" (story, the default); one per (date, source,\n"
    "                     target, code) over all stories (day: Phoenix's filter);\n"
    "                     all (none)\n"
    "  --no-places        no places stage: every event's \"place\" is null (the\n"
    "                     gazetteer is not loaded)\n"
    "  --no-target        code events that have no target (PETRARCH's\n"
    "                     require_dyad = False); by default a dyad is required\n"
    "  --help             this help\n"
    "\n"
    "Exit status: 0 every story read, 1 some stories were errors, 2 bad usage.\n";

typedef struct code_ctx {
    dyad_session *s;
    int per_story;
    int tsv;
} code_ctx;

/* A span of story text on one line: tabs and newlines become spaces. */
static void tsv_text(const dyad_story *st, uint32_t a, uint32_t b) {
    for (uint32_t i = a; i < b && i < st->text_len; i++) {
        char ch = st->text[i];
        putchar(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
    }
}

static int write_tsv(const dyad_session *s, const dyad_story *st) {
    for (size_t i = 0; i < dyad_session_event_count(s); i++) {
        const dyad_event *e = dyad_session_event(s, i);
        char date[11];
        for (const char *q = st->id; *q; q++)             /* ids may hold tabs */
            putchar(*q == '\t' || *q == '\n' || *q == '\r' ? ' ' : *q);
        printf("\t%u\t%s\t%s\t%s\t%s\t", e->sentence,
               e->date.year ? dyad_date_format(e->date, date) : "-", e->source,
               e->target ? e->target : "-", e->code);
        tsv_text(st, e->source_start, e->source_end);
        putchar('\t');
        tsv_text(st, e->verb_start, e->verb_end);
        putchar('\t');
        if (e->target) tsv_text(st, e->target_start, e->target_end);
        else putchar('-');
        static const char *const names[] = {"passive", "negated", "quoted", "reciprocal",
                                            "reported", "inferred"};
        putchar('\t');
        int any = 0;
        for (size_t k = 0; k < sizeof names / sizeof *names; k++)
            if (e->flags & (1u << k)) printf(any++ ? ",%s" : "%s", names[k]);
        if (!any) putchar('-');
        putchar('\n');
    }
    return ferror(stdout) ? -1 : 0;
}

static int on_story(void *p, const dyad_story *st) {
    code_ctx *c = p;
    if (st->status == DYAD_OK && dyad_session_run(c->s, st) != DYAD_OK) {
        dyad_story copy = *st;
        copy.status = DYAD_NOMEM;
        copy.error = "out of memory";
        fprintf(stderr, "dyad: error: story %s: out of memory\n", st->id);
        size_t n;
        const char *out = dyad_session_format(c->s, &copy, DYAD_OUT_STORY, &n);
        return out && c->per_story ? cli_write(out, n) : 0;
    }
    for (size_t i = 0; i < dyad_session_warning_count(c->s); i++)
        fprintf(stderr, "dyad: warning: %s\n", dyad_session_warning(c->s, i));
    if (c->tsv) return st->status == DYAD_OK ? write_tsv(c->s, st) : 0;
    size_t n;
    const char *out = dyad_session_format(c->s, st, c->per_story ? DYAD_OUT_STORY : DYAD_OUT_EVENTS, &n);
    if (!out) {
        fprintf(stderr, "dyad: error: story %s: out of memory\n", st->id);
        return 0;
    }
    return cli_write(out, n);
}

/* An input that could not be read still gets its per-story line. */
static void on_fail(void *p, const char *path, const char *msg) {
    code_ctx *c = p;
    if (c->per_story) cli_fail_line(c->s, path, msg, DYAD_OUT_STORY);
}

int cmd_code(int argc, char **argv) {
    dyad_read_options ropt;
    dyad_engine_options eopt;
    memset(&ropt, 0, sizeof ropt);
    memset(&eopt, 0, sizeof eopt);
    code_ctx c = {NULL, 0, 0};
    int no_places = 0;
    const char *dedup = NULL;
    const char *format = NULL;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"--per-story", &c.per_story, NULL},
        {"--dict", NULL, &eopt.dict_config},
        {"--no-target", &eopt.no_target_ok, NULL},
        {"--no-dict", &eopt.no_builtin_dict, NULL},
        {"--no-places", &no_places, NULL},
        {"--dedup", NULL, &dedup},
        {"--format", NULL, &format},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("code", usage, argc, argv, opts, &ropt, files, &nfiles);
    if (k) {
        free(files);
        return k == 1 ? 0 : k;
    }
    if (format && strcmp(format, "jsonl") != 0 && strcmp(format, "tsv") != 0) {
        fprintf(stderr, "dyad code: unknown --format '%s' (jsonl or tsv)\n", format);
        free(files);
        return EXIT_USAGE;
    }
    if (dedup && strcmp(dedup, "story") && strcmp(dedup, "day") && strcmp(dedup, "none")) {
        fprintf(stderr, "dyad code: unknown --dedup '%s' (story, day or none)\n", dedup);
        free(files);
        return EXIT_USAGE;
    }
    eopt.dedup = !dedup || !strcmp(dedup, "story") ? DYAD_DEDUP_STORY
                 : !strcmp(dedup, "day")             ? DYAD_DEDUP_DAY
                                                     : DYAD_DEDUP_NONE;
    if (eopt.dict_config && eopt.no_builtin_dict) {
        fprintf(stderr, "dyad code: --dict and --no-dict do not go together\n");
        free(files);
        return EXIT_USAGE;
    }
    c.tsv = format && !strcmp(format, "tsv");
    if (c.tsv && c.per_story) {
        fprintf(stderr, "dyad code: --per-story writes JSON lines; it does not go with --format tsv\n");
        free(files);
        return EXIT_USAGE;
    }
    eopt.data_dir = cli_data_dir();
    eopt.places = no_places ? -1 : 0;
    /* No dictionaries (--no-dict, or none installed), nothing to code:
    ** parsing would be discarded work. */
    if (!eopt.dict_config && !cli_has_builtin_dict(&eopt)) {
        eopt.syntax = -1;
        eopt.places = -1;       /* no events to place either */
    }
    dyad_engine *e;
    char *err = NULL;
    if (dyad_engine_open(&eopt, &e, &err) != DYAD_OK) {
        fprintf(stderr, "dyad code: %s\n", err ? err : "cannot start");
        free(err);
        free(files);
        return EXIT_USAGE;
    }
    const dyad_dict *dict = dyad_engine_dict(e);
    if (dict && dyad_dict_warning_count(dict))
        fprintf(stderr, "dyad code: %zu dictionary warnings (see 'dyad dict check %s')\n",
                dyad_dict_warning_count(dict), eopt.dict_config ? eopt.dict_config : "data/dict/dyad.ini");
    c.s = dyad_session_new(e);
    int rc = EXIT_USAGE;
    if (c.s) rc = cli_each_story(files, nfiles, &ropt, on_story, on_fail, &c);
    else fprintf(stderr, "dyad code: out of memory\n");
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dyad code: write error\n");
        rc = EXIT_STORYERR;
    }
    dyad_session_free(c.s);
    dyad_engine_close(e);
    free(files);
    return rc;
}
