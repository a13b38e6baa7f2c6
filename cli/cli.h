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
int cmd_dict(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_annotate(int argc, char **argv);
int cmd_gazetteer(int argc, char **argv);

/* The data folder next to the executable (build/../data) when it holds
** models/, else NULL (the library's default). */
const char *cli_data_dir(void);
/* Will the engine load the built-in dictionaries (dict/dyad.ini of the data
** folder) for these options, given no --dict? */
int cli_has_builtin_dict(const dyad_engine_options *eo);

/* Called for each story; returns 0 to go on, -1 to stop (write error). */
typedef int (*cli_story_fn)(void *ctx, const dyad_story *st);
/* Called when an input cannot be opened or fails mid-way (msg names it). */
typedef void (*cli_fail_fn)(void *ctx, const char *path, const char *msg);

/* Read every story of files[0..n) (none: stdin), printing story warnings and
** errors to stderr.  Returns EXIT_ALLREAD, or EXIT_STORYERR when a story or
** an input failed. */
int cli_each_story(char **files, int n, const dyad_read_options *opt, cli_story_fn fn,
                   cli_fail_fn fail, void *ctx);

/* An option of a subcommand: a flag (sets *flag = 1) or, when value is not
** NULL, an option with a value ("--dict F" or "--dict=F"). */
typedef struct cli_opt {
    const char  *name;      /* "--per-story" */
    int         *flag;      /* set to 1 when given, or NULL */
    const char **value;     /* receives the value, or NULL */
} cli_opt;

/* Parse argv[1..argc) of subcommand cmd: the options in opts (ended by a
** zero entry), --help/-h (prints usage), --date YYYY-MM-DD (into
** ropt->date); other arguments are files, stored in files[] (room for argc)
** with their count in *nfiles.  Returns 0, 1 when help was printed, or
** EXIT_USAGE after printing what is wrong. */
int cli_parse(const char *cmd, const char *usage, int argc, char **argv, const cli_opt *opts,
              dyad_read_options *ropt, char **files, int *nfiles);

/* The per-story line (what: DYAD_OUT_STORY, DYAD_OUT_ANNOTATE) of an input
** that could not be read (msg names it), written with session s. */
void cli_fail_line(dyad_session *s, const char *path, const char *msg, dyad_output what);

/* Write all of p[0..n) to stdout; -1 on failure. */
int cli_write(const char *p, size_t n);

#endif
