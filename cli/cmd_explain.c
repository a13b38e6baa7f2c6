/*
** cmd_explain.c - `dyad explain` (being written).
*/
#include "cli.h"

int cmd_explain(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "dyad explain: not built yet\n");
    return EXIT_USAGE;
}
