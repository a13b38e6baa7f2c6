/*
** cmd_explain.c - `dyad explain`: how a sentence (or story) is coded, step
** by step: tokens with tags, lemmas and parse, actor mentions, verbs, the
** pattern that matched and the events.  The tool dictionary authors use.
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad explain [--dict CONFIG] [--date YYYY-MM-DD] \"SENTENCE\" | --file FILE\n"
    "\n"
    "Shows how the text is coded: per sentence its tokens (index, upper-cased\n"
    "word, UPOS, XPOS, lemma, head, relation), the actor mentions with their\n"
    "codes and relation to their predicate, each verb found in the dictionaries\n"
    "with the pattern or verb code that applied (file:line) and why a verb\n"
    "coded nothing, then the events as `dyad code` writes them.\n"
    "\n"
    "  --dict CONFIG      dictionary set: a PETRARCH .ini or TABARI .project\n"
    "  --no-target        code events that have no target (PETRARCH's\n"
    "                     require_dyad = False); by default a dyad is required\n"
    "  --date YYYY-MM-DD  story date (chooses date-restricted actor codes)\n"
    "  --file FILE        explain every story of FILE instead of one sentence\n"
    "  --help             this help\n";

typedef struct explain_ctx {
    dyad_session *s;
} explain_ctx;

static int on_story(void *p, const dyad_story *st) {
    explain_ctx *c = p;
    if (st->status != DYAD_OK) return 0;
    if (dyad_session_run(c->s, st) != DYAD_OK) {
        fprintf(stderr, "dyad explain: out of memory\n");
        return -1;
    }
    printf("story %s\n", st->id);
    size_t n;
    const char *z = dyad_session_explain(c->s, &n);
    if (cli_write(z, n) < 0) return -1;
    z = dyad_session_format(c->s, st, DYAD_OUT_EVENTS, &n);
    if (!z) return -1;
    if (n == 0) puts("no events");
    return cli_write(z, n);
}

int cmd_explain(int argc, char **argv) {
    dyad_read_options ropt;
    dyad_engine_options eopt;
    memset(&ropt, 0, sizeof ropt);
    memset(&eopt, 0, sizeof eopt);
    const char *file = NULL;
    char **args = calloc((size_t)argc + 1, sizeof *args);
    int nargs = 0;
    if (!args) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"--dict", NULL, &eopt.dict_config},
        {"--no-target", &eopt.no_target_ok, NULL},
        {"--file", NULL, &file},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("explain", usage, argc, argv, opts, &ropt, args, &nargs);
    if (k) {
        free(args);
        return k == 1 ? 0 : k;
    }
    if ((file == NULL) == (nargs == 0) || nargs > 1) {
        fputs(usage, stderr);
        free(args);
        return EXIT_USAGE;
    }
    eopt.data_dir = cli_data_dir();
    eopt.syntax = 1;
    eopt.parse_all = 1;
    dyad_engine *e;
    char *err = NULL;
    if (dyad_engine_open(&eopt, &e, &err) != DYAD_OK) {
        fprintf(stderr, "dyad explain: %s\n", err ? err : "cannot start");
        free(err);
        free(args);
        return EXIT_USAGE;
    }
    if (!dyad_engine_dict(e))
        fprintf(stderr, "dyad explain: no dictionaries (give --dict CONFIG)\n");
    explain_ctx c = {dyad_session_new(e)};
    int rc = EXIT_USAGE;
    if (c.s) {
        dyad_session_trace(c.s, 1);
        if (file) {
            char *files[1] = {(char *)file};
            rc = cli_each_story(files, 1, &ropt, on_story, NULL, &c);
        } else {
            /* One sentence: a one-line story of the given text. */
            dyad_reader *r;
            ropt.format = DYAD_FMT_ARTICLE;
            if (dyad_reader_open_memory(args[0], strlen(args[0]), "sentence", &ropt, &r, &err) ==
                DYAD_OK) {
                const dyad_story *st;
                rc = EXIT_ALLREAD;
                if (dyad_reader_next(r, &st) == DYAD_OK && on_story(&c, st) < 0)
                    rc = EXIT_STORYERR;
                dyad_reader_close(r);
            } else {
                fprintf(stderr, "dyad explain: %s\n", err ? err : "cannot read the sentence");
                free(err);
            }
        }
    }
    fflush(stdout);
    dyad_session_free(c.s);
    dyad_engine_close(e);
    free(args);
    return rc;
}
