/*
** cmd_validate.c - `dyad validate` (being written).
*/
#include "cli.h"

int cmd_validate(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fprintf(stderr, "dyad validate: not built yet\n");
    return EXIT_USAGE;
}
