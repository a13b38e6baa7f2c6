/*
** cmd_annotate.c - `dyad annotate`: the time expressions (and, once the
** places stage lands, the places) of each story, as JSON lines.
**
** With --per-story, exactly one line per input story, in input order, as
** `dyad code --per-story` writes them (an unreadable story is an "error"
** line with empty lists); else one line per time expression.  Offsets are
** byte offsets as CONTRACT.md defines them.  No dictionaries and no parse
** are needed: the engine runs the text and time stages only.
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad annotate [--per-story [--layers L,...]] [--date YYYY-MM-DD] [FILE...]\n"
    "\n"
    "Writes what the stories of each FILE (none or '-': standard input) say\n"
    "about when, where and who: time expressions normalised against the story\n"
    "date (TIMEX3 values: 2014-10-14, 2014-09, 2014-W42, 1988, P3Y), places\n"
    "(role place, metonym or demonym, resolved in the gazetteer), actor mentions\n"
    "(pronouns and relational phrases resolved) and quotations with their\n"
    "speakers.  Uses dyad's own dictionaries and parses every sentence.\n"
    "\n"
    "  --per-story        one JSON line per story, in input order:\n"
    "                     {\"story_id\",\"status\",\"date\",\n"
    "                      \"timexes\":[{\"start\",\"end\",\"text\",\"value\",\"type\"}],\n"
    "                      \"places\":[{\"start\",\"end\",\"text\",\"role\",\"name\",\n"
    "                        \"country\",\"lat\",\"lon\",\"geonameid\",\"sentence\"}],\n"
    "                      \"actors\":[{\"start\",\"end\",\"text\",\"code\",\n"
    "                        \"resolved_from\",\"sentence\"}],\n"
    "                      \"quotes\":[{\"start\",\"end\",\"speaker\",\"speaker_code\"}]}\n"
    "                     (default: one JSON line per time expression)\n"
    "  --layers L,...     with --per-story, only these lists: timexes, places,\n"
    "                     actors, quotes (default: all four)\n"
    "  --date YYYY-MM-DD  date of plain-text articles, and of stories without one\n"
    "  --help             this help\n"
    "\n"
    "Exit status: 0 every story read, 1 some stories were errors, 2 bad usage.\n";

typedef struct annotate_ctx {
    dyad_session *s;
    int per_story;
} annotate_ctx;

static int on_story(void *p, const dyad_story *st) {
    annotate_ctx *c = p;
    const dyad_story *show = st;
    dyad_story copy;
    if (st->status == DYAD_OK && dyad_session_run(c->s, st) != DYAD_OK) {
        copy = *st;
        copy.status = DYAD_NOMEM;
        copy.error = "out of memory";
        fprintf(stderr, "dyad: error: story %s: out of memory\n", st->id);
        show = &copy;
    }
    for (size_t i = 0; show == st && i < dyad_session_warning_count(c->s); i++)
        fprintf(stderr, "dyad: warning: %s\n", dyad_session_warning(c->s, i));
    size_t n;
    const char *out =
        dyad_session_format(c->s, show, c->per_story ? DYAD_OUT_ANNOTATE : DYAD_OUT_TIMEXES, &n);
    if (!out) {
        fprintf(stderr, "dyad: error: story %s: out of memory\n", st->id);
        return 0;
    }
    return cli_write(out, n);
}

/* An input that could not be read still gets its per-story line. */
static void on_fail(void *p, const char *path, const char *msg) {
    annotate_ctx *c = p;
    if (c->per_story) cli_fail_line(c->s, path, msg, DYAD_OUT_ANNOTATE);
}

int cmd_annotate(int argc, char **argv) {
    dyad_read_options ropt;
    dyad_engine_options eopt;
    memset(&ropt, 0, sizeof ropt);
    memset(&eopt, 0, sizeof eopt);
    annotate_ctx c = {NULL, 0};
    const char *layers = NULL;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"--per-story", &c.per_story, NULL},
        {"--layers", NULL, &layers},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("annotate", usage, argc, argv, opts, &ropt, files, &nfiles);
    if (k) {
        free(files);
        return k == 1 ? 0 : k;
    }
    unsigned mask = 0;
    for (const char *p = layers; p && *p;) {
        size_t n = strcspn(p, ",");
        static const struct { const char *name; unsigned bit; } names[] = {
            {"timexes", DYAD_LAYER_TIMEXES}, {"places", DYAD_LAYER_PLACES},
            {"actors", DYAD_LAYER_ACTORS}, {"quotes", DYAD_LAYER_QUOTES}};
        unsigned bit = 0;
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            if (strlen(names[i].name) == n && !strncmp(p, names[i].name, n)) bit = names[i].bit;
        if (!bit) {
            fprintf(stderr, "dyad annotate: unknown layer '%.*s' (timexes, places, actors, quotes)\n",
                    (int)n, p);
            free(files);
            return EXIT_USAGE;
        }
        mask |= bit;
        p += n + (p[n] == ',');
    }
    eopt.data_dir = cli_data_dir();
    eopt.parse_all = 1;             /* every stage; every sentence parsed (the
                                    ** roles of places need it) */
    dyad_engine *e;
    char *err = NULL;
    if (dyad_engine_open(&eopt, &e, &err) != DYAD_OK) {
        fprintf(stderr, "dyad annotate: %s\n", err ? err : "cannot start");
        free(err);
        free(files);
        return EXIT_USAGE;
    }
    c.s = dyad_session_new(e);
    int rc = EXIT_USAGE;
    if (c.s && layers) dyad_session_layers(c.s, mask);
    if (c.s) rc = cli_each_story(files, nfiles, &ropt, on_story, on_fail, &c);
    else fprintf(stderr, "dyad annotate: out of memory\n");
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dyad annotate: write error\n");
        rc = EXIT_STORYERR;
    }
    dyad_session_free(c.s);
    dyad_engine_close(e);
    free(files);
    return rc;
}
