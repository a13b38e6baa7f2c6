/*
** cmd_code.c - `dyad code`: code stories into events (CONTRACT.md).
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad code [--per-story] [--date YYYY-MM-DD] [--dict CONFIG] [FILE...]\n"
    "\n"
    "Codes the stories of each FILE (none or '-': standard input) into events.\n"
    "Inputs: JSONL (.jsonl, or a first byte '{'), plain-text articles, TABARI\n"
    "text records, PETRARCH XML; .gz and .zst are decompressed.\n"
    "\n"
    "  --per-story        one JSON line per story, in input order, with its events\n"
    "                     (default: one JSON line per event)\n"
    "  --date YYYY-MM-DD  date of plain-text articles, and of stories without one\n"
    "  --dict CONFIG      dictionary set: a PETRARCH .ini or TABARI .project\n"
    "  --help             this help\n"
    "\n"
    "Exit status: 0 every story read, 1 some stories were errors, 2 bad usage.\n";

typedef struct code_ctx {
    dyad_session *s;
    int per_story;
} code_ctx;

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
    if (!c->per_story) return;
    dyad_story st;
    memset(&st, 0, sizeof st);
    st.id = path;
    st.text = "";
    st.status = DYAD_IO;
    st.error = msg;
    size_t n;
    const char *out = dyad_session_format(c->s, &st, DYAD_OUT_STORY, &n);
    if (out) cli_write(out, n);
}

int cmd_code(int argc, char **argv) {
    dyad_read_options ropt;
    dyad_engine_options eopt;
    memset(&ropt, 0, sizeof ropt);
    memset(&eopt, 0, sizeof eopt);
    code_ctx c = {NULL, 0};
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"--per-story", &c.per_story, NULL},
        {"--dict", NULL, &eopt.dict_config},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("code", usage, argc, argv, opts, &ropt, files, &nfiles);
    if (k) {
        free(files);
        return k == 1 ? 0 : k;
    }
    eopt.data_dir = cli_data_dir();
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
                dyad_dict_warning_count(dict), eopt.dict_config);
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
