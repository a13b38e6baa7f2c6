/*
** main.c - the dyad command: dispatches to one file per subcommand.
*/
#include "cli.h"

#include <string.h>

static const char usage[] =
    "usage: dyad COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Commands:\n"
    "  code        code stories into events (JSON lines)\n"
    "  sentences   show the sentences and tokens of stories\n"
    "  annotate    time expressions of stories (JSON lines)\n"
    "  dict        check, describe and query dictionary files\n"
    "  parse       tag, lemmatize and parse into CoNLL-U\n"
    "  train       train the tagger, lemmatizer or parser\n"
    "  validate    run a TABARI or PETRARCH validation suite\n"
    "  eval        measure the coder on gold event data\n"
    "  explain     show how a sentence is coded, step by step\n"
    "  gazetteer   look places up in the gazetteer; compile it\n"
    "\n"
    "'dyad COMMAND --help' describes a command; 'dyad --version' prints the version.\n";

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("dyad %s\n", dyad_version());
        return 0;
    }
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "annotate")) return cmd_annotate(argc - 1, argv + 1);
    if (!strcmp(cmd, "sentences")) return cmd_sentences(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "parse")) return cmd_parse(argc - 1, argv + 1);
    if (!strcmp(cmd, "train")) return cmd_train(argc - 1, argv + 1);
    if (!strcmp(cmd, "validate")) return cmd_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "gazetteer")) return cmd_gazetteer(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n%s", cmd, usage);
    return EXIT_USAGE;
}
