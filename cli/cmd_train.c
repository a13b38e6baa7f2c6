/*
** cmd_train.c - `dyad train`: train the tagger, lemmatizer or parser on
** CoNLL-U files with dyad's own trainer.
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad train tagger|lemmatizer|parser --train FILE [--dev FILE]\n"
    "                  [--tagger MODEL] [--iterations N] [--seed N] -o MODEL\n"
    "\n"
    "Trains a model on a CoNLL-U treebank (UD English EWT in ../shared/data/ud).\n"
    "Training is deterministic for a seed; progress goes to standard error.\n"
    "\n"
    "  --train FILE      training treebank\n"
    "  --dev FILE        development treebank (number of iterations is tuned on it)\n"
    "  --tagger MODEL    (parser) train on this tagger's predicted tags\n"
    "  --iterations N    at most N passes (default: the trainer's)\n"
    "  --seed N          shuffling seed (default 1)\n"
    "  -o, --output MODEL  where to write the model\n";

int cmd_train(int argc, char **argv) {
    if (argc < 2 || argv[1][0] == '-') {
        int help = argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
        fputs(usage, help ? stdout : stderr);
        return help ? 0 : EXIT_USAGE;
    }
    const char *what = argv[1];
    const char *train = NULL, *dev = NULL, *tagger = NULL, *out = NULL, *iters = NULL,
               *seed = NULL;
    dyad_read_options ropt;
    memset(&ropt, 0, sizeof ropt);
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    /* Accept "-o" as "--output". */
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "-o")) argv[i] = (char *)"--output";
    const cli_opt opts[] = {
        {"--train", NULL, &train},     {"--dev", NULL, &dev},   {"--tagger", NULL, &tagger},
        {"--output", NULL, &out},      {"--iterations", NULL, &iters},
        {"--seed", NULL, &seed},       {NULL, NULL, NULL},
    };
    int k = cli_parse("train", usage, argc - 1, argv + 1, opts, &ropt, files, &nfiles);
    free(files);
    if (k) return k == 1 ? 0 : k;
    if (nfiles || !train || !out) {
        fprintf(stderr, "dyad train: needs --train FILE and -o MODEL (see 'dyad train --help')\n");
        return EXIT_USAGE;
    }
    char *end;
    long n = iters ? strtol(iters, &end, 10) : 0;
    if (iters && (*end || n < 1 || n > 1000)) {
        fprintf(stderr, "dyad train: --iterations expects a number from 1 to 1000\n");
        return EXIT_USAGE;
    }
    unsigned long long sd = seed ? strtoull(seed, &end, 10) : 1;
    if (seed && *end) {
        fprintf(stderr, "dyad train: --seed expects a number\n");
        return EXIT_USAGE;
    }
    char *err = NULL;
    dyad_status st = dyad_train(what, train, dev, tagger, (int)n, (uint64_t)sd, out, stderr, &err);
    if (st != DYAD_OK) {
        fprintf(stderr, "dyad train: %s\n", err ? err : dyad_status_name(st));
        free(err);
        return st == DYAD_USAGE ? EXIT_USAGE : EXIT_STORYERR;
    }
    return 0;
}
