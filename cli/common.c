/*
** common.c - the story loop and option helpers shared by the subcommands.
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *cli_data_dir(void) {
    static char dir[4096];
    char exe[3900];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = 0;
    snprintf(dir, sizeof dir, "%s/../data", exe);
    char models[4200];
    snprintf(models, sizeof models, "%s/models", dir);
    struct stat st;
    if (getenv("DYAD_DATA") || stat(models, &st) != 0) return NULL;
    return dir;
}

int cli_has_builtin_dict(const dyad_engine_options *eo) {
    const char *dir = eo->data_dir ? eo->data_dir : getenv("DYAD_DATA");
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/dict/dyad.ini", dir ? dir : DYAD_DATADIR);
    return !eo->no_builtin_dict && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int cli_parse(const char *cmd, const char *usage, int argc, char **argv, const cli_opt *opts,
              dyad_read_options *ropt, char **files, int *nfiles) {
    *nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0) {
            files[(*nfiles)++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 1;
        }
        /* "--name=value" or "--name value" */
        const char *eq = strchr(a, '=');
        size_t n = eq ? (size_t)(eq - a) : strlen(a);
        const cli_opt *o = NULL;
        static const cli_opt date_opt = {"--date", NULL, NULL};
        if (n == 6 && !strncmp(a, "--date", 6)) o = &date_opt;
        for (const cli_opt *p = opts; !o && p && p->name; p++)
            if (strlen(p->name) == n && !strncmp(a, p->name, n)) o = p;
        if (!o) {
            fprintf(stderr, "dyad %s: unknown option '%s' (see 'dyad %s --help')\n", cmd, a, cmd);
            return EXIT_USAGE;
        }
        if (o->flag) {
            if (eq) {
                fprintf(stderr, "dyad %s: option '%.*s' takes no value\n", cmd, (int)n, a);
                return EXIT_USAGE;
            }
            *o->flag = 1;
            continue;
        }
        const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
        if (!v || !v[0]) {
            fprintf(stderr, "dyad %s: option '%.*s' needs a value\n", cmd, (int)n, a);
            return EXIT_USAGE;
        }
        if (o == &date_opt) {
            if (dyad_date_parse(v, strlen(v), &ropt->date) != DYAD_OK) {
                fprintf(stderr, "dyad %s: --date expects YYYY-MM-DD, got '%s'\n", cmd, v);
                return EXIT_USAGE;
            }
        } else {
            *o->value = v;
        }
    }
    return 0;
}

int cli_write(const char *p, size_t n) {
    if (n && fwrite(p, 1, n, stdout) != n) return -1;
    return 0;
}

static int each_file(const char *path, const dyad_read_options *opt, cli_story_fn fn,
                     cli_fail_fn fail, void *ctx, int *rc) {
    dyad_reader *r;
    char *err = NULL;
    if (dyad_reader_open(path, opt, &r, &err) != DYAD_OK) {
        fprintf(stderr, "dyad: error: %s\n", err ? err : "cannot open input");
        if (fail) fail(ctx, path ? path : "-", err ? err : "cannot open input");
        free(err);
        *rc = EXIT_STORYERR;
        return 0;
    }
    const dyad_story *st;
    dyad_status s;
    int stop = 0;
    while ((s = dyad_reader_next(r, &st)) == DYAD_OK) {
        for (size_t i = 0; i < st->nwarnings; i++)
            fprintf(stderr, "dyad: warning: %s\n", st->warnings[i]);
        if (st->status != DYAD_OK) {
            fprintf(stderr, "dyad: error: %s\n", st->error ? st->error : "bad story");
            *rc = EXIT_STORYERR;
        }
        if (fn(ctx, st) < 0) { stop = 1; break; }
    }
    if (s != DYAD_OK && s != DYAD_DONE) {
        const char *m = dyad_reader_errmsg(r);
        fprintf(stderr, "dyad: error: %s\n", m[0] ? m : dyad_status_name(s));
        if (fail) fail(ctx, path ? path : "-", m[0] ? m : dyad_status_name(s));
        *rc = EXIT_STORYERR;
    }
    dyad_reader_close(r);
    return stop ? -1 : 0;
}

int cli_each_story(char **files, int n, const dyad_read_options *opt, cli_story_fn fn,
                   cli_fail_fn fail, void *ctx) {
    int rc = EXIT_ALLREAD;
    if (n == 0) {
        each_file("-", opt, fn, fail, ctx, &rc);
        return rc;
    }
    for (int i = 0; i < n; i++)
        if (each_file(files[i], opt, fn, fail, ctx, &rc) < 0) break;
    return rc;
}

void cli_fail_line(dyad_session *s, const char *path, const char *msg, dyad_output what) {
    dyad_story st;
    memset(&st, 0, sizeof st);
    st.id = path;
    st.text = "";
    st.status = DYAD_IO;
    st.error = msg;
    size_t n;
    const char *out = dyad_session_format(s, &st, what, &n);
    if (out) cli_write(out, n);
}
