/*
** cmd_gazetteer.c - `dyad gazetteer`: look places up, describe and compile
** the gazetteer.
**
**   dyad gazetteer lookup [--gazetteer FILE] [--max N] [--names FILE] NAME...
**   dyad gazetteer id [--gazetteer FILE] GEONAMEID...
**   dyad gazetteer stats [--gazetteer FILE]
**   dyad gazetteer compile [--gazetteer TSV] --out IMAGE
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static const char usage[] =
    "usage: dyad gazetteer lookup [--gazetteer FILE] [--max N] [--names LIST] NAME...\n"
    "       dyad gazetteer id [--gazetteer FILE] GEONAMEID...\n"
    "       dyad gazetteer stats [--gazetteer FILE]\n"
    "       dyad gazetteer compile [--gazetteer TSV] --out IMAGE\n"
    "\n"
    "FILE is a compiled image (data/geo/gazetteer.bin, made by `make`) or its\n"
    "source TSV (data/geo/gazetteer.tsv.gz); default: the data folder's.\n"
    "\n"
    "  lookup   the places each NAME may be (case and accents do not matter),\n"
    "           largest population first, one JSON line each (at most N, 10);\n"
    "           --names LIST: also each line of the file LIST\n"
    "  id       the place of each GeoNames id, one JSON line each\n"
    "  stats    places, names, keys, memory, load time and sources\n"
    "  compile  write the compiled image of the TSV\n";

/* A JSON string (the gazetteer's names are UTF-8 without control bytes,
** but quotes and backslashes are escaped all the same). */
static void put_json_str(const char *s) {
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

static void put_place(const dyad_gazetteer *g, const char *query, uint32_t i, size_t rank) {
    dyad_place p;
    dyad_gazetteer_place(g, i, &p);
    fputs("{\"query\":", stdout);
    put_json_str(query);
    printf(",\"rank\":%zu,\"name\":", rank);
    put_json_str(p.name);
    if (p.geonameid) printf(",\"geonameid\":%u", p.geonameid);
    else fputs(",\"geonameid\":null", stdout);
    printf(",\"kind\":\"%s\",\"fcode\":", dyad_place_kind_name(p.kind));
    put_json_str(p.fcode);
    printf(",\"country\":\"%s\",\"admin1\":", p.country);
    put_json_str(p.admin1);
    if (p.has_coords) printf(",\"lat\":%.5f,\"lon\":%.5f", p.lat, p.lon);
    else fputs(",\"lat\":null,\"lon\":null", stdout);
    printf(",\"population\":%u}\n", p.population);
}

static void lookup(const dyad_gazetteer *g, const char *name, size_t max) {
    const uint32_t *pl;
    size_t n = dyad_gazetteer_lookup(g, name, strlen(name), &pl);
    if (n == 0) fprintf(stderr, "dyad gazetteer: no place named \"%s\"\n", name);
    for (size_t j = 0; j < n && j < max; j++) put_place(g, name, pl[j], j + 1);
}

/* Look up each non-empty line of the file list; -1 when it cannot be read. */
static int lookup_list(const dyad_gazetteer *g, const char *list, size_t max) {
    FILE *f = fopen(list, "r");
    if (!f) {
        fprintf(stderr, "dyad gazetteer: %s: cannot open\n", list);
        return -1;
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (line[0]) lookup(g, line, max);
    }
    fclose(f);
    return 0;
}

static dyad_gazetteer *open_gazetteer(const char *path) {
    char *def = path ? NULL : dyad_gazetteer_default_path(cli_data_dir());
    if (!path && !def) {
        fprintf(stderr, "dyad gazetteer: out of memory\n");
        return NULL;
    }
    dyad_gazetteer *g;
    dyad_status st = dyad_gazetteer_load(path ? path : def, &g);
    free(def);
    if (g) {
        for (size_t i = 0; i < dyad_gazetteer_warning_count(g); i++)
            fprintf(stderr, "dyad gazetteer: warning: %s\n", dyad_gazetteer_warning(g, i));
    }
    if (st != DYAD_OK) {
        fprintf(stderr, "dyad gazetteer: %s\n", dyad_gazetteer_errmsg(g));
        dyad_gazetteer_free(g);
        return NULL;
    }
    return g;
}

int cmd_gazetteer(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : 0;
    }
    const char *sub = argv[1], *path = NULL, *out = NULL, *max = NULL, *list = NULL;
    dyad_read_options ropt;
    memset(&ropt, 0, sizeof ropt);
    char **args = calloc((size_t)argc + 1, sizeof *args);
    int nargs = 0;
    if (!args) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"--gazetteer", NULL, &path},
        {"--out", NULL, &out},
        {"--max", NULL, &max},
        {"--names", NULL, &list},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("gazetteer", usage, argc - 1, argv + 1, opts, &ropt, args, &nargs);
    long nmax = max ? strtol(max, NULL, 10) : 10;
    int rc = EXIT_USAGE;
    dyad_gazetteer *g = NULL;
    if (k) {
        rc = k == 1 ? 0 : k;
    } else if (nmax <= 0) {
        fprintf(stderr, "dyad gazetteer: --max expects a positive number\n");
    } else if (!strcmp(sub, "lookup") || !strcmp(sub, "id")) {
        if (nargs == 0 && !list) fputs(usage, stderr);
        else if ((g = open_gazetteer(path)) != NULL) {
            rc = 0;
            if (list && lookup_list(g, list, (size_t)nmax)) rc = EXIT_STORYERR;
            for (int i = 0; i < nargs; i++) {
                if (!strcmp(sub, "id")) {
                    char *end;
                    unsigned long id = strtoul(args[i], &end, 10);
                    long p = *end || id == 0 || id > UINT32_MAX ? -1
                                                                : dyad_gazetteer_find_id(g, (uint32_t)id);
                    if (p < 0) fprintf(stderr, "dyad gazetteer: no place has id \"%s\"\n", args[i]);
                    else put_place(g, args[i], (uint32_t)p, 1);
                    continue;
                }
                lookup(g, args[i], (size_t)nmax);
            }
        }
    } else if (!strcmp(sub, "stats")) {
        if ((g = open_gazetteer(path)) != NULL) {
            dyad_gazetteer_stats s;
            dyad_gazetteer_get_stats(g, &s);
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            printf("places %zu\nnames %zu\nkeys %zu\nkey mismatches %zu\nmemory MB %.1f\n"
                   "load ms %.1f\npeak RSS MB %.1f\nsources %s\n",
                   s.places, s.names, s.keys, s.key_mismatches, (double)s.bytes / 1e6,
                   s.load_seconds * 1e3, (double)ru.ru_maxrss / 1024.0, s.sources);
            rc = 0;
        }
    } else if (!strcmp(sub, "compile")) {
        if (!out || nargs) {
            fputs(usage, stderr);
        } else if ((g = open_gazetteer(path)) != NULL) {
            rc = 0;
            if (dyad_gazetteer_save(g, out) != DYAD_OK) {
                fprintf(stderr, "dyad gazetteer: %s\n", dyad_gazetteer_errmsg(g));
                rc = EXIT_STORYERR;
            }
        }
    } else {
        fprintf(stderr, "dyad gazetteer: unknown subcommand '%s'\n%s", sub, usage);
    }
    dyad_gazetteer_free(g);
    free(args);
    return rc;
}
