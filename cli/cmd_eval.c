/*
** cmd_eval.c - `dyad eval`: the metrics of EVALUATION.md on gold event data.
**
** Each gold record is coded through the library as `dyad code` would code a
** one-line JSONL story {"id","text","date"} (for the timex set, its time
** expressions are kept, as `dyad annotate` finds them), or (--events) its events are
** taken by story id from a file of `dyad code` output.  Each file is then
** scored with the metrics of its set and reported as an aligned table, or
** (--json) one JSON object per file.  Every ratio is shown with its
** numerator and denominator.
*/
#include "cli.h"
#include "eval.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

static const char usage[] =
    "usage: dyad eval [--json] [--set SET] [--dict CONFIG | --events CODED.jsonl] GOLD.jsonl...\n"
    "\n"
    "Measures the coder on gold event files (EVALUATION.md): codes each record's\n"
    "text and scores the events with the metrics of the file's set.\n"
    "\n"
    "  --dict CONFIG      dictionary set: a PETRARCH .ini or TABARI .project\n"
    "  --events FILE      score these coded events (`dyad code` output, per event\n"
    "                     or --per-story) instead of coding; matched by story id\n"
    "  --set SET          read every file as SET: cameo, plover, multicoped,\n"
    "                     conflibert, timex (time expressions: TimeBank, AQUAINT)\n"
    "                     or geo (toponyms: LGL, GeoVirus)\n"
    "                     (default: from the file name, else its fields)\n"
    "  --json             one JSON object per file instead of a table\n"
    "  --help             this help\n"
    "\n"
    "Exit status: 0 all read, 1 some lines or files were bad, 2 bad usage.\n";

typedef struct eval_ctx {
    dyad_session *s;            /* coding; NULL with --events */
    dyad_engine  *ann_e;        /* the annotate engine (geo set), or NULL */
    dyad_session *ann;
    eval_coded coded;           /* --events */
    dyad_read_options ropt;
    int json;
} eval_ctx;

/* ---------------------------------------------------------------- coding */

/* Code record r as a one-line JSONL story and copy its events into f's
** pool.  Returns 0, or -1 when the story was an error or memory ran out
** (reported; r keeps no events). */
static int code_record(eval_ctx *x, eval_file *f, eval_record *r) {
    /* toponyms are measured as `dyad annotate` finds them */
    dyad_session *s = f->set == EVAL_GEO ? x->ann : x->s;
    cJSON *o = cJSON_CreateObject();
    int ok = o && cJSON_AddStringToObject(o, "id", r->id) &&
             cJSON_AddStringToObject(o, "text", r->text) &&
             (r->date ? cJSON_AddStringToObject(o, "date", r->date) != NULL
                      : cJSON_AddNullToObject(o, "date") != NULL);
    char *line = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    dyad_reader *rd = NULL;
    const dyad_story *st = NULL;
    const char *err = "out of memory";
    int rc = -1;
    if (line && dyad_reader_open_memory(line, strlen(line), "eval.jsonl", &x->ropt, &rd, NULL) ==
                    DYAD_OK &&
        dyad_reader_next(rd, &st) == DYAD_OK) {
        if (st->status != DYAD_OK) err = st->error ? st->error : "bad story";
        else if (dyad_session_run(s, st) == DYAD_OK) err = NULL;
    }
    if (!err) {
        for (size_t i = 0; i < dyad_session_warning_count(s); i++)
            fprintf(stderr, "dyad eval: warning: %s\n", dyad_session_warning(s, i));
        size_t n = dyad_session_event_count(s);
        eval_event *ev = eval_pool_alloc(&f->pool, n ? n * sizeof *ev : 1);
        err = ev ? NULL : "out of memory";
        for (size_t i = 0; ev && i < n; i++) {
            const dyad_event *e = dyad_session_event(s, i);
            memset(&ev[i], 0, sizeof ev[i]);
            ev[i].source = eval_pool_strdup(&f->pool, e->source);
            ev[i].target = eval_pool_strdup(&f->pool, e->target);
            ev[i].code = eval_pool_strdup(&f->pool, e->code);
            if ((e->source && !ev[i].source) || (e->target && !ev[i].target) || !ev[i].code) {
                err = "out of memory";
                break;
            }
        }
        size_t nt = f->set == EVAL_TIMEX ? dyad_session_timex_count(s) : 0;
        eval_timex *tx = err ? NULL : eval_pool_alloc(&f->pool, nt ? nt * sizeof *tx : 1);
        if (!tx) err = "out of memory";
        for (size_t i = 0; tx && i < nt; i++) {
            const dyad_timex *t = dyad_session_timex(s, i);
            tx[i].start = t->start;
            tx[i].end = t->end;
            if (!(tx[i].value = eval_pool_strdup(&f->pool, t->value))) {
                err = "out of memory";
                break;
            }
        }
        size_t np = f->set == EVAL_GEO ? dyad_session_place_count(s) : 0;
        eval_place *pl = err ? NULL : eval_pool_alloc(&f->pool, np ? np * sizeof *pl : 1);
        if (!pl) err = "out of memory";
        size_t npl = 0;
        for (size_t i = 0; pl && i < np; i++) {
            const dyad_place_mention *m = dyad_session_place(s, i);
            if (m->end <= m->start) continue;   /* a dateline not in the text */
            pl[npl].start = m->start;
            pl[npl].end = m->end;
            pl[npl].has_coords = m->index >= 0 && m->place.has_coords;
            pl[npl].lat = m->place.lat;
            pl[npl].lon = m->place.lon;
            npl++;
        }
        if (!err) {
            r->pl = pl;
            r->npl = npl;
            r->ev = ev;
            r->nev = n;
            r->tx = tx;
            r->ntx = nt;
            rc = 0;
        }
    }
    if (err) fprintf(stderr, "dyad eval: error: %s: story %s: %s\n", f->path, r->id, err);
    dyad_reader_close(rd);
    cJSON_free(line);
    return rc;
}

/* ---------------------------------------------------------------- report */

static void print_count(const char *name, size_t n) { printf("  %-22s %7zu\n", name, n); }

static void print_table(const eval_file *f, const eval_result *r, double secs) {
    printf("== %s: read as %s (%s)\n", f->path, eval_set_titles[f->set], f->set_from);
    print_count("records", r->records);
    if (f->set == EVAL_CONFLIBERT) print_count("skipped (no majority)", r->skipped);
    if (f->nbad) print_count("malformed lines", f->nbad);
    if (f->set == EVAL_TIMEX) {
        print_count("time expressions found", r->timexes);
    } else if (f->set == EVAL_GEO) {
        print_count("places found", r->places);
    } else {
        print_count("records with events", r->with_events);
        print_count("events emitted", r->events);
    }
    printf("  %-22s %7.3f\n", "seconds", secs);
    for (size_t i = 0; i < r->nm; i++) {
        const eval_metric *m = &r->m[i];
        char v[32];
        if (m->value < 0) snprintf(v, sizeof v, "-");
        else snprintf(v, sizeof v, "%.3f", m->value);
        if (m->derived) printf("  %-22s %7s\n", m->name, v);
        else printf("  %-22s %7s  (%zu/%zu)\n", m->name, v, m->num, m->den);
    }
}

/* x rounded to the given decimals, as a JSON number (null when x < 0). */
static cJSON *json_value(double x, double scale) {
    if (x < 0) return cJSON_CreateNull();
    return cJSON_CreateNumber((double)(long long)(x * scale + 0.5) / scale);
}

static int print_json(const eval_file *f, const eval_result *r, double secs) {
    cJSON *o = cJSON_CreateObject(), *ms = cJSON_CreateObject();
    int ok = o && ms;
    if (ok) {
        cJSON_AddStringToObject(o, "file", f->path);
        cJSON_AddStringToObject(o, "set", eval_set_names[f->set]);
        cJSON_AddStringToObject(o, "set_from", f->set_from);
        cJSON_AddNumberToObject(o, "records", (double)r->records);
        cJSON_AddNumberToObject(o, "skipped", (double)r->skipped);
        cJSON_AddNumberToObject(o, "malformed", (double)f->nbad);
        cJSON_AddNumberToObject(o, "records_with_events", (double)r->with_events);
        cJSON_AddNumberToObject(o, "events", (double)r->events);
        if (f->set == EVAL_TIMEX) cJSON_AddNumberToObject(o, "timexes", (double)r->timexes);
        if (f->set == EVAL_GEO) cJSON_AddNumberToObject(o, "places", (double)r->places);
        cJSON_AddItemToObject(o, "seconds", json_value(secs, 1e3));
        for (size_t i = 0; i < r->nm; i++) {
            const eval_metric *m = &r->m[i];
            cJSON *v = cJSON_CreateObject();
            if (!v) break;
            cJSON_AddItemToObject(v, "value", json_value(m->value, 1e4));
            if (!m->derived) {
                cJSON_AddNumberToObject(v, "num", (double)m->num);
                cJSON_AddNumberToObject(v, "den", (double)m->den);
            }
            cJSON_AddItemToObject(ms, m->key, v);
        }
        cJSON_AddItemToObject(o, "metrics", ms);
        ms = NULL;
    }
    char *s = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    cJSON_Delete(ms);
    if (!s) return -1;
    printf("%s\n", s);
    cJSON_free(s);
    return 0;
}

/* ------------------------------------------------------------------ run */

/* The engine `dyad annotate` uses (every sentence parsed), for the geo
** set.  Returns 0, or -1 (reported). */
static int open_annotate(eval_ctx *x) {
    dyad_engine_options o;
    memset(&o, 0, sizeof o);
    o.data_dir = cli_data_dir();
    o.parse_all = 1;
    char *err = NULL;
    if (dyad_engine_open(&o, &x->ann_e, &err) != DYAD_OK) {
        fprintf(stderr, "dyad eval: %s\n", err ? err : "cannot start");
        free(err);
        return -1;
    }
    if (!(x->ann = dyad_session_new(x->ann_e))) {
        fprintf(stderr, "dyad eval: out of memory\n");
        return -1;
    }
    return 0;
}

/* Read, code or match, score and report one gold file.  Returns 0, or 1
** when some of it was bad. */
static int eval_one(eval_ctx *x, const char *path, eval_set forced) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    eval_file f;
    int rc = eval_gold_read(path, forced, &f) < 0;
    if (rc && !f.nrec) {                /* unreadable: reported, no table */
        eval_file_free(&f);
        return 1;
    }
    if (!x->s) eval_coded_attach(&x->coded, &f);
    if (x->s && f.set == EVAL_GEO && !x->ann && open_annotate(x) < 0) {
        eval_file_free(&f);
        return 1;
    }
    for (size_t i = 0; x->s && i < f.nrec; i++)
        if (!f.rec[i].skipped && code_record(x, &f, &f.rec[i]) < 0) rc = 1;
    eval_result r;
    eval_score(&f, &r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    if (x->json) {
        if (print_json(&f, &r, secs) < 0) {
            fprintf(stderr, "dyad eval: %s: out of memory\n", path);
            rc = 1;
        }
    } else {
        print_table(&f, &r, secs);
    }
    if (f.nbad) rc = 1;
    eval_file_free(&f);
    return rc;
}

int cmd_eval(int argc, char **argv) {
    eval_ctx x;
    dyad_engine_options eopt;
    memset(&x, 0, sizeof x);
    memset(&eopt, 0, sizeof eopt);
    const char *events = NULL, *set = NULL;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"--json", &x.json, NULL},
        {"--dict", NULL, &eopt.dict_config},
        {"--events", NULL, &events},
        {"--set", NULL, &set},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("eval", usage, argc, argv, opts, &x.ropt, files, &nfiles);
    eval_set forced = EVAL_UNKNOWN;
    for (int i = 1; !k && set && i < EVAL_NSETS && !forced; i++)
        if (!strcmp(set, eval_set_names[i])) forced = (eval_set)i;
    if (!k && set && !forced) {
        fprintf(stderr, "dyad eval: --set expects cameo, plover, multicoped, conflibert, timex or geo\n");
        k = EXIT_USAGE;
    }
    if (!k && (nfiles == 0 || (events && eopt.dict_config))) {
        fputs(nfiles ? "dyad eval: --dict and --events exclude each other\n"
                     : "dyad eval: no gold file (see 'dyad eval --help')\n",
              stderr);
        k = EXIT_USAGE;
    }
    if (k) {
        free(files);
        return k == 1 ? 0 : k;
    }
    int rc = EXIT_ALLREAD;
    dyad_engine *e = NULL;
    if (events) {
        if (eval_coded_read(events, &x.coded) < 0) rc = EXIT_STORYERR;
        if (x.coded.nbad) rc = EXIT_STORYERR;
    } else {
        /* Engine settings as `dyad code` would use, but with the models
        ** loaded when present: the coder's figures are what is measured. */
        eopt.data_dir = cli_data_dir();
        char *err = NULL;
        if (dyad_engine_open(&eopt, &e, &err) != DYAD_OK) {
            fprintf(stderr, "dyad eval: %s\n", err ? err : "cannot start");
            free(err);
            free(files);
            return EXIT_USAGE;
        }
        const dyad_dict *dict = dyad_engine_dict(e);
        if (dict && dyad_dict_warning_count(dict))
            fprintf(stderr, "dyad eval: %zu dictionary warnings (see 'dyad dict check %s')\n",
                    dyad_dict_warning_count(dict), eopt.dict_config ? eopt.dict_config : "data/dict/dyad.ini");
        if (!(x.s = dyad_session_new(e))) {
            fprintf(stderr, "dyad eval: out of memory\n");
            dyad_engine_close(e);
            free(files);
            return EXIT_USAGE;
        }
    }
    for (int i = 0; i < nfiles; i++)
        if (eval_one(&x, files[i], forced)) rc = EXIT_STORYERR;
    if (events) eval_coded_warn_unused(&x.coded, events);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dyad eval: write error\n");
        rc = EXIT_STORYERR;
    }
    eval_coded_free(&x.coded);
    dyad_session_free(x.s);
    dyad_engine_close(e);
    dyad_session_free(x.ann);
    dyad_engine_close(x.ann_e);
    free(files);
    return rc;
}
