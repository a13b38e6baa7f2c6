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

/* A JSON line {"id":"sentence","text":TEXT}, TEXT escaped; NULL when out of
** memory.  Bytes are copied as they are: the reader reports bad UTF-8. */
static char *json_story(const char *text, size_t *len) {
    static const char head[] = "{\"id\":\"sentence\",\"text\":\"";
    size_t n = strlen(text), k = sizeof head - 1;
    char *z = malloc(k + 6 * n + 4);
    if (!z) return NULL;
    memcpy(z, head, k);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '"' || ch == '\\') {
            z[k++] = '\\';
            z[k++] = (char)ch;
        } else if (ch < 0x20) {
            k += (size_t)sprintf(z + k, "\\u%04x", ch);
        } else {
            z[k++] = (char)ch;
        }
    }
    memcpy(z + k, "\"}\n", 3);
    *len = k + 3;
    return z;
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
            /* One sentence: a story whose text is the argument, read as a JSON
            ** line so that no line of it is taken for a headline. */
            dyad_reader *r;
            size_t jn;
            char *json = json_story(args[0], &jn);
            ropt.format = DYAD_FMT_JSONL;
            if (json && dyad_reader_open_memory(json, jn, "sentence", &ropt, &r, &err) ==
                DYAD_OK) {
                const dyad_story *st;
                rc = EXIT_ALLREAD;
                if (dyad_reader_next(r, &st) == DYAD_OK && on_story(&c, st) < 0)
                    rc = EXIT_STORYERR;
                dyad_reader_close(r);
            } else if (!json) {
                fprintf(stderr, "dyad explain: out of memory\n");
            } else {
                fprintf(stderr, "dyad explain: %s\n", err ? err : "cannot read the sentence");
                free(err);
            }
            free(json);
        }
    }
    fflush(stdout);
    dyad_session_free(c.s);
    dyad_engine_close(e);
    free(args);
    return rc;
}
