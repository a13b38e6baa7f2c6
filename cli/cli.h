/*
** cli.h - shared parts of the dyad command: option parsing helpers and the
** loop that reads every story of every input.  The command is a client of
** the public header dyad.h only.
*/
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdio.h>

#include "dyad.h"

/* Exit statuses (CONTRACT.md). */
enum { EXIT_ALLREAD = 0, EXIT_STORYERR = 1, EXIT_USAGE = 2 };

int cmd_code(int argc, char **argv);
int cmd_sentences(int argc, char **argv);

/* Called for each story; returns 0 to go on, -1 to stop (write error). */
typedef int (*cli_story_fn)(void *ctx, const dyad_story *st);
/* Called when an input cannot be opened or fails mid-way (msg names it). */
typedef void (*cli_fail_fn)(void *ctx, const char *path, const char *msg);

/* Read every story of files[0..n) (none: stdin), printing story warnings and
** errors to stderr.  Returns EXIT_ALLREAD, or EXIT_STORYERR when a story or
** an input failed. */
int cli_each_story(char **files, int n, const dyad_read_options *opt, cli_story_fn fn,
                   cli_fail_fn fail, void *ctx);

/* Parse "--date YYYY-MM-DD"; prints an error and returns -1 when bad. */
int cli_parse_date(const char *cmd, const char *arg, dyad_date *out);

/* Print "dyad CMD: unknown option 'X'" and a hint; returns EXIT_USAGE. */
int cli_unknown(const char *cmd, const char *opt);

/* Write all of p[0..n) to stdout; -1 on failure. */
int cli_write(const char *p, size_t n);

#endif
