/*
** cmd_dict.c - `dyad dict`: check, describe and query dictionary files.
**
**   dyad dict check [--strict] FILE...     load each file; report problems
**   dyad dict stats [--dict CONFIG] [FILE...]  entries, load time, memory
**   dyad dict lookup --dict CONFIG [--date D] PHRASE...
**   dyad dict dump FILE...                 canonical text of the entries
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static const char usage[] =
    "usage: dyad dict check [--strict] FILE...\n"
    "       dyad dict stats [--dict CONFIG] [FILE...]\n"
    "       dyad dict lookup --dict CONFIG [--date YYYY-MM-DD] PHRASE...\n"
    "       dyad dict dump FILE...\n"
    "\n"
    "FILE is a dictionary file (TABARI .actors/.agents/.verbs/.options, PETRARCH\n"
    "and Phoenix actors, agents, verbs, discards, issues) or a configuration\n"
    "naming such files (TABARI .project, PETRARCH .ini).\n"
    "\n"
    "  check    load each FILE and print its problems with file and line; exit 0\n"
    "           when every file loads, 1 when one is unusable (with --strict: or\n"
    "           has any warning)\n"
    "  stats    entries by kind, load time and memory of the set\n"
    "  lookup   the codes the set gives each PHRASE (\"John Kerry\", \"foreign\n"
    "           minister\", \"imposed\") on --date, as JSON lines\n"
    "  dump     every entry as the readers understood it, one per line\n";

static void print_messages(const dyad_dict *d) {
    for (size_t i = 0; i < dyad_dict_message_count(d); i++) {
        int err = 0;
        const char *m = dyad_dict_message(d, i, &err);
        fprintf(stderr, "dyad dict: %s: %s\n", err ? "error" : "warning", m);
    }
}

static int check(int strict, char **files, int n) {
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *path = files[i];
        dyad_dict *d;
        if (dyad_dict_load((const char *const *)&files[i], 1, &d) != DYAD_OK) {
            fprintf(stderr, "dyad dict: out of memory\n");
            return EXIT_STORYERR;
        }
        print_messages(d);
        dyad_dict_stats s;
        dyad_dict_get_stats(d, &s);
        size_t w = dyad_dict_warning_count(d), e = dyad_dict_error_count(d);
        printf("%s: %s: %zu actors, %zu agents, %zu verbs, %zu patterns, %zu synsets, "
               "%zu discards, %zu issues, %zu options; %zu warnings, %zu errors\n",
               path, dyad_dict_kind(path), s.actors, s.agents, s.verbs, s.patterns, s.synsets,
               s.discards, s.issues, s.options, w, e);
        if (e || (strict && w)) rc = EXIT_STORYERR;
        dyad_dict_free(d);
    }
    return rc;
}

static int load(const char *config, char **files, int n, dyad_dict **d) {
    const char **paths = calloc((size_t)n + 1, sizeof *paths);
    if (!paths) return -1;
    size_t k = 0;
    if (config) paths[k++] = config;
    for (int i = 0; i < n; i++) paths[k++] = files[i];
    if (k == 0) {
        free(paths);
        fprintf(stderr, "dyad dict: no dictionary given (--dict CONFIG or FILE...)\n");
        return -1;
    }
    dyad_status st = dyad_dict_load(paths, k, d);
    free(paths);
    if (st != DYAD_OK) {
        fprintf(stderr, "dyad dict: out of memory\n");
        return -1;
    }
    print_messages(*d);
    if (dyad_dict_error_count(*d)) {
        fprintf(stderr, "dyad dict: %zu dictionary file(s) could not be read\n",
                dyad_dict_error_count(*d));
        dyad_dict_free(*d);
        return -1;
    }
    return 0;
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : 0;
    }
    const char *sub = argv[1];
    int strict = 0;
    const char *config = NULL;
    dyad_read_options ropt;
    memset(&ropt, 0, sizeof ropt);
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"--strict", &strict, NULL},
        {"--dict", NULL, &config},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("dict", usage, argc - 1, argv + 1, opts, &ropt, files, &nfiles);
    int rc = EXIT_USAGE;
    dyad_dict *d = NULL;
    if (k) {
        rc = k == 1 ? 0 : k;
    } else if (!strcmp(sub, "check")) {
        if (nfiles == 0) fputs(usage, stderr);
        else rc = check(strict, files, nfiles);
    } else if (!strcmp(sub, "stats")) {
        if (load(config, files, nfiles, &d) == 0) {
            dyad_dict_stats s;
            dyad_dict_get_stats(d, &s);
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            printf("actors %zu (names %zu)\nagents %zu (names %zu)\nverbs %zu (forms %zu)\n"
                   "patterns %zu\nsynsets %zu\ndiscards %zu\nissues %zu\noptions %zu\n"
                   "index words %zu\nwarnings %zu\nload ms %.1f\nmemory MB %.1f\n"
                   "peak RSS MB %.1f\n",
                   s.actors, s.actor_names, s.agents, s.agent_names, s.verbs, s.verb_forms,
                   s.patterns, s.synsets, s.discards, s.issues, s.options, s.index_words,
                   dyad_dict_warning_count(d), s.load_seconds * 1e3, (double)s.bytes / 1e6,
                   (double)ru.ru_maxrss / 1024.0);
            rc = 0;
        }
    } else if (!strcmp(sub, "lookup")) {
        if (nfiles == 0) {
            fputs(usage, stderr);
        } else if (load(config, NULL, 0, &d) == 0) {
            rc = 0;
            for (int i = 0; i < nfiles; i++) {
                char *out = dyad_dict_lookup(d, files[i], ropt.date);
                if (!out) { rc = EXIT_STORYERR; break; }
                if (!out[0]) fprintf(stderr, "dyad dict: no entry for \"%s\"\n", files[i]);
                fputs(out, stdout);
                free(out);
            }
        }
    } else if (!strcmp(sub, "dump")) {
        if (load(config, files, nfiles, &d) == 0) {
            char *out = dyad_dict_dump(d);
            if (out) {
                fputs(out, stdout);
                rc = 0;
            }
            free(out);
        }
    } else {
        fprintf(stderr, "dyad dict: unknown subcommand '%s'\n%s", sub, usage);
    }
    dyad_dict_free(d);
    free(files);
    return rc;
}
