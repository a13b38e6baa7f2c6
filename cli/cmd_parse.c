/*
** cmd_parse.c - `dyad parse`: tag, lemmatize and parse, writing CoNLL-U.
** With --tokenized the input is CoNLL-U whose word lines give the words
** (multiword-token ranges, empty nodes and annotations are ignored; comment
** lines are copied); without it the input is stories, split into sentences
** by the text layer.
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: dyad parse [--tokenized] [--tag-only] [--stats] [--date YYYY-MM-DD] [FILE...]\n"
    "\n"
    "Tags, lemmatizes and parses, writing CoNLL-U (ID FORM LEMMA UPOS XPOS _ HEAD\n"
    "DEPREL _ _).  Stories are split into sentences first; with --tokenized the\n"
    "input is CoNLL-U and its word lines are the words (same IDs and forms).\n"
    "\n"
    "  --tag-only  tag, no lemmas or parse (head -1)\n"
    "  --stats     print words, sentences and the time spent in the models to\n"
    "              stderr (the benchmark uses it)\n";

static int quiet;                     /* --stats: no CoNLL-U output */
static size_t nwords, nsents;
static double model_seconds;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void print_word(size_t id, const char *form, const dyad_syntax *x) {
    if (quiet) return;
    printf("%zu\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n", id, form, x->lemma, x->upos, x->xpos,
           x->head, x->deprel);
}

/* Parse and print the words collected for one sentence. */
static int flush(dyad_session *s, char **forms, size_t n) {
    if (n == 0) return 0;
    double t0 = now();
    const dyad_syntax *x = dyad_session_parse_words(s, (const char *const *)forms, n);
    model_seconds += now() - t0;
    if (!x) return -1;
    nwords += n;
    nsents++;
    for (size_t i = 0; i < n; i++) print_word(i + 1, forms[i], &x[i]);
    if (!quiet) putchar('\n');
    return 0;
}

static int parse_conllu(dyad_session *s, const char *path) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "dyad parse: %s: cannot open\n", path);
        return EXIT_STORYERR;
    }
    char *line = NULL;
    size_t cap = 0, n = 0, fcap = 0;
    char **forms = NULL;
    ssize_t len;
    int rc = 0;
    unsigned long lineno = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        if (len == 0) {
            if (flush(s, forms, n) < 0) rc = EXIT_STORYERR;
            for (size_t i = 0; i < n; i++) free(forms[i]);
            n = 0;
            continue;
        }
        if (line[0] == '#') {
            if (n == 0 && !quiet) puts(line);
            continue;
        }
        char *tab = strchr(line, '\t');
        char *end;
        strtol(line, &end, 10);
        if (!tab || end == line || (*end != '\t')) continue;   /* ranges, empty nodes */
        char *form = tab + 1;
        char *tab2 = strchr(form, '\t');
        if (tab2) *tab2 = 0;
        if (n == fcap) {
            fcap = fcap ? fcap * 2 : 64;
            char **nf = realloc(forms, fcap * sizeof *nf);
            if (!nf) { rc = EXIT_STORYERR; break; }
            forms = nf;
        }
        forms[n] = strdup(form);
        if (!forms[n]) { rc = EXIT_STORYERR; break; }
        n++;
    }
    if (flush(s, forms, n) < 0) rc = EXIT_STORYERR;
    for (size_t i = 0; i < n; i++) free(forms[i]);
    free(forms);
    free(line);
    if (f != stdin) fclose(f);
    return rc;
}

typedef struct parse_ctx {
    dyad_session *s;
} parse_ctx;

static int on_story(void *p, const dyad_story *st) {
    parse_ctx *c = p;
    if (st->status != DYAD_OK) return 0;
    if (dyad_session_run(c->s, st) != DYAD_OK) {
        fprintf(stderr, "dyad parse: story %s: out of memory\n", st->id);
        return 0;
    }
    for (size_t i = 0; i < dyad_session_sentence_count(c->s); i++) {
        const dyad_sentence *se = dyad_session_sentence(c->s, i);
        const dyad_syntax *x = dyad_session_syntax(c->s, i);
        if (!x) return -1;
        printf("# sent_id = %s-%zu\n# text = ", st->id, i + 1);
        for (uint32_t k = se->start; k < se->end; k++) {
            char ch = st->text[k];
            putchar(ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch);
        }
        putchar('\n');
        for (uint32_t k = 0; k < se->ntokens; k++) {
            size_t n;
            const char *z = dyad_token_text(st, &se->tokens[k], &n);
            char form[256];
            snprintf(form, sizeof form, "%.*s", (int)(n < 255 ? n : 255), z);
            print_word(k + 1, form, &x[k]);
        }
        putchar('\n');
    }
    return 0;
}

int cmd_parse(int argc, char **argv) {
    dyad_read_options ropt;
    memset(&ropt, 0, sizeof ropt);
    int tokenized = 0, tag_only = 0, stats = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    const cli_opt opts[] = {{"--tokenized", &tokenized, NULL},
                            {"--tag-only", &tag_only, NULL},
                            {"--stats", &stats, NULL},
                            {NULL, NULL, NULL}};
    int k = cli_parse("parse", usage, argc, argv, opts, &ropt, files, &nfiles);
    if (k) {
        free(files);
        return k == 1 ? 0 : k;
    }
    dyad_engine_options eo;
    memset(&eo, 0, sizeof eo);
    eo.syntax = 1;
    eo.data_dir = cli_data_dir();
    if (tag_only) eo.skip = DYAD_SKIP_LEMMA | DYAD_SKIP_PARSE;
    quiet = stats;
    dyad_engine *e;
    char *err = NULL;
    if (dyad_engine_open(&eo, &e, &err) != DYAD_OK) {
        fprintf(stderr, "dyad parse: %s\n", err ? err : "cannot start");
        free(err);
        free(files);
        return EXIT_USAGE;
    }
    parse_ctx c = {dyad_session_new(e)};
    int rc = EXIT_USAGE;
    if (c.s) {
        if (tokenized) {
            rc = 0;
            if (nfiles == 0) rc = parse_conllu(c.s, "-");
            for (int i = 0; i < nfiles; i++)
                if (parse_conllu(c.s, files[i])) rc = EXIT_STORYERR;
        } else {
            rc = cli_each_story(files, nfiles, &ropt, on_story, NULL, &c);
        }
    }
    if (fflush(stdout) != 0) rc = EXIT_STORYERR;
    if (stats)
        fprintf(stderr, "stats: words=%zu sentences=%zu seconds_models=%.3f words_per_second=%.0f\n",
                nwords, nsents, model_seconds, model_seconds > 0 ? (double)nwords / model_seconds : 0.0);
    dyad_session_free(c.s);
    dyad_engine_close(e);
    free(files);
    return rc;
}
