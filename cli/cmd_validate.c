/*
** cmd_validate.c - `dyad validate SUITE`: run a peer coder's validation
** suite with the suite's own dictionaries and compare what dyad codes with
** what each record expects (CONTRACT.md).
**
** Suites:
**   TABARI    a .project file.  Its <textfile> records are read (relative to
**             the project) up to the record FINAL-01, the end of TABARI's
**             standard records; the project itself is the dictionary set.
**             A record's expectation is its "/\* ... *\/" comment, as
**             TABARI's checkEvents() (process.cp) reads it: "{ SRC / TGT /
**             CODE }" blocks (text after the "}" ignored); "{+++}", "{---}"
**             and "{###}" expect no event (TABARI's complex, null and
**             discard outcomes, all "no event" to dyad); "{ OPTION: ... }"
**             changes TABARI options (the record is not a test); a block
**             written "-{" ends checking (TABARI: "skip check of remaining
**             records").
**   PETRARCH  a records .xml file.  The dictionaries are the <Verbfile>,
**             <Actorfile> (a comma list), <Agentfile> and <Discardfile> of
**             its <Environment>, relative to the file; <Include>/<Exclude>
**             category lists and <Config>, <Skip> and <Stop> elements are
**             honoured as PETRARCH-1 and UD-PETRARCH honour them.  A
**             record's expectation is its <EventCoding> elements;
**             noevents="True" expects no event.  dyad's own parse is used,
**             never the <Parse> trees.
**
** Only the public API is used: the readers hand over the expected-coding
** text, the category, the valid flag and the control elements of each
** record (dyad_story), and this file interprets them.
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char usage[] =
    "usage: dyad validate [-v] [--dict CONFIG] [--json] SUITE\n"
    "\n"
    "Runs a peer coder's validation suite with the suite's own dictionaries and\n"
    "prints a summary by category, then, last, 'N passed, N failed'.\n"
    "SUITE is a TABARI .project (its <textfile> records are run up to FINAL-01)\n"
    "or a PETRARCH records .xml (dictionaries named in its <Environment>).\n"
    "\n"
    "  -v             also list each failing record: id, text, expected, coded\n"
    "  --json         one JSON line per counted record before the summary:\n"
    "                 {\"id\",\"category\",\"pass\",\"expected\",\"coded\"}\n"
    "  --dict CONFIG  use this dictionary set (PETRARCH .ini or TABARI .project)\n"
    "                 instead of the suite's own\n"
    "  --date YYYY-MM-DD  date of records that carry none\n"
    "  --help         this help\n"
    "\n"
    "A record passes when the set of coded (source, target, code) equals the\n"
    "expected set.  A missing target is written '---', as TABARI and PETRARCH\n"
    "write it; an agent with no actor, '~REB', compares equal to '---REB'.\n"
    "\n"
    "Counted: records that expect events, or expect none ({+++}, {---}, {###},\n"
    "noevents=\"True\", or a PETRARCH error=\"...\" that rejects the record).\n"
    "Not counted either: error=\"bad_input_parse\" records, which test PETRARCH's\n"
    "reading of a malformed <Parse> tree (dyad parses the text itself).\n"
    "Not counted: TABARI OPTION records; records whose first expectation is\n"
    "'-{...}' (disabled by the suite's authors; after other blocks, '-{' means\n"
    "that events beyond those listed may be coded); records without an\n"
    "expectation or that cannot be read; PETRARCH records with valid=\"false\"\n"
    "(or evaluate=\"false\"), a <Skip>, or a category outside the suite's\n"
    "<Include> list.  Reading stops at FINAL-01 or at a <Stop>.  Options dyad\n"
    "cannot apply are listed once on standard error as not honoured.\n"
    "\n"
    "Exit status: 0 every counted record passed, 1 some failed, 2 the suite or\n"
    "its dictionaries cannot be read, or bad usage.\n";

/* One (source, target, code) triple, normalised (vd_code()). */
typedef struct vd_event {
    char *src, *tgt, *code;
} vd_event;

/* Why a record is not counted.  ORDER SKIP: keep in step with vd_skip_name[]. */
enum {
    VD_COUNTED = 0,
    VD_SKIP_NOEXPECT,     /* no expected coding */
    VD_SKIP_OPTIONS,      /* a TABARI OPTION record */
    VD_SKIP_DISABLED,     /* first expectation is -{...} */
    VD_SKIP_BADEXPECT,    /* expectation cannot be read */
    VD_SKIP_INVALID,      /* valid="false" */
    VD_SKIP_CATEGORY,     /* outside <Include>, or in <Exclude> */
    VD_SKIP_SKIP,         /* <Skip> */
    VD_SKIP_BADRECORD,    /* the reader could not read the record */
    VD_SKIP_PARSETREE,    /* tests the suite's own (malformed) <Parse> tree */
    VD_NSKIP
};
static const char *const vd_skip_name[VD_NSKIP] = {
    "counted", "no expected coding", "TABARI OPTION records", "disabled with -{...}",
    "unreadable expected coding", "valid=\"false\"", "category not included", "<Skip>",
    "unreadable records", "tests of the suite's <Parse> trees",
};

/* What one record expects. */
typedef struct vd_expect {
    vd_event *ev;           /* required events (a set) */
    size_t    n, cap;
    int       open;         /* further coded events are allowed (-{ after events) */
    int       marker;       /* an explicit "no event" was seen */
    int       skip;         /* VD_COUNTED or a VD_SKIP_* reason */
} vd_expect;

/* Results of one category. */
typedef struct vd_cat {
    char  *name;
    size_t passed, failed;
} vd_cat;

/* The state of a run. */
typedef struct vd_run {
    int         verbose, json;
    int         petrarch;           /* 0 TABARI, 1 PETRARCH */
    const char *suite;              /* SUITE as given */
    char       *dir;                /* its folder, with '/' ("" for the cwd) */
    const char *dict_override;      /* --dict */
    dyad_read_options ropt;         /* --date: the date of undated records */

    /* dictionaries of a PETRARCH suite (from <Environment>) */
    char      **files;
    size_t      nfiles;
    int         have_env;
    char       *include, *exclude;  /* category lists, space-separated, or NULL */

    dyad_engine  *engine[2];        /* indexed by no_target_ok; opened lazily */
    dyad_session *session[2];
    int           no_target_ok;     /* current: 0, or 1 under PETRARCH require_dyad=false */
    int           fatal;            /* EXIT_USAGE after an unusable suite */

    vd_cat     *cats;
    size_t      ncats;
    size_t      skipped[VD_NSKIP];
    char      **noted;              /* options already reported not honoured */
    size_t      nnoted;
    char      **opts;               /* TABARI OPTION lines so far, passed to the
                                    ** engine as coding_options */
    size_t      nopts;
    int         oom;
} vd_run;

/* ------------------------------------------------------------ helpers */

static int vd_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

static char *vd_strndup(vd_run *r, const char *z, size_t n) {
    char *p = malloc(n + 1);
    if (!p) { r->oom = 1; return NULL; }
    memcpy(p, z, n);
    p[n] = 0;
    return p;
}

/* Trim z[*b, *e) of blanks. */
static void vd_trim(const char *z, size_t *b, size_t *e) {
    while (*b < *e && vd_space(z[*b])) (*b)++;
    while (*e > *b && vd_space(z[*e - 1])) (*e)--;
}

/* A code as compared: trimmed; empty or absent is "---" (TABARI's and
** PETRARCH's null actor); a leading '~' (an agent alone) is "---". */
static char *vd_code(vd_run *r, const char *z, size_t n) {
    size_t b = 0, e = z ? n : 0;
    if (z) vd_trim(z, &b, &e);
    if (b == e) return vd_strndup(r, "---", 3);
    if (z[b] != '~') return vd_strndup(r, z + b, e - b);
    char *p = malloc(e - b + 3);
    if (!p) { r->oom = 1; return NULL; }
    memcpy(p, "---", 3);
    memcpy(p + 3, z + b + 1, e - b - 1);
    p[e - b + 2] = 0;
    return p;
}

static int vd_same(const vd_event *a, const vd_event *b) {
    return !strcmp(a->src, b->src) && !strcmp(a->tgt, b->tgt) && !strcmp(a->code, b->code);
}

static int vd_has(const vd_expect *x, const vd_event *ev) {
    for (size_t i = 0; i < x->n; i++)
        if (vd_same(&x->ev[i], ev)) return 1;
    return 0;
}

/* Add (src, tgt, code) to the set x (each of n bytes; NULL = absent). */
static void vd_add(vd_run *r, vd_expect *x, const char *s, size_t sn, const char *t, size_t tn,
                   const char *c, size_t cn) {
    vd_event ev = {vd_code(r, s, sn), vd_code(r, t, tn), vd_code(r, c, cn)};
    if (!ev.src || !ev.tgt || !ev.code || vd_has(x, &ev)) {
        free(ev.src), free(ev.tgt), free(ev.code);
        return;
    }
    if (x->n == x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 4;
        vd_event *p = realloc(x->ev, cap * sizeof *p);
        if (!p) {
            r->oom = 1;
            free(ev.src), free(ev.tgt), free(ev.code);
            return;
        }
        x->ev = p;
        x->cap = cap;
    }
    x->ev[x->n++] = ev;
}

static void vd_expect_free(vd_expect *x) {
    for (size_t i = 0; i < x->n; i++) free(x->ev[i].src), free(x->ev[i].tgt), free(x->ev[i].code);
    free(x->ev);
    memset(x, 0, sizeof *x);
}

/* Report an option once on stderr as not honoured. */
static void vd_not_honoured(vd_run *r, const char *what, const char *z, size_t n) {
    char *s = vd_strndup(r, z, n);
    if (!s) return;
    for (size_t i = 0; i < r->nnoted; i++)
        if (!strcmp(r->noted[i], s)) { free(s); return; }
    char **p = realloc(r->noted, (r->nnoted + 1) * sizeof *p);
    if (!p) { r->oom = 1; free(s); return; }
    r->noted = p;
    r->noted[r->nnoted++] = s;
    fprintf(stderr, "dyad validate: not honoured: %s %s\n", what, s);
}

/* The engines, closed so that the next record opens them with the options
** in force. */
static void vd_close_engines(vd_run *r) {
    for (int k = 0; k < 2; k++) {
        dyad_session_free(r->session[k]);
        dyad_engine_close(r->engine[k]);
        r->session[k] = NULL;
        r->engine[k] = NULL;
    }
}

/* A TABARI OPTION line: the coder honours COMPLEX:, DEFAULT:, SET: MINIMUM
** WORDS, SET: TIME SHIFT and SET: CODE BY / CODE ALL (engine
** coding_options); others are reported. */
static void vd_option(vd_run *r, const char *z, size_t n) {
    static const char *const honoured[] = {"COMPLEX:", "DEFAULT:", "SET: MINIMUM WORDS",
                                           "SET: TIME SHIFT", "SET: CODE BY", "SET: CODE ALL",
                                           NULL};
    int ok = 0;
    for (size_t k = 0; honoured[k]; k++)
        if (n >= strlen(honoured[k]) && !strncasecmp(z, honoured[k], strlen(honoured[k]))) ok = 1;
    if (!ok) {
        vd_not_honoured(r, "TABARI option", z, n);
        return;
    }
    char *line = vd_strndup(r, z, n);
    char **p = line ? realloc(r->opts, (r->nopts + 1) * sizeof *p) : NULL;
    if (!p) {
        free(line);
        r->oom = 1;
        return;
    }
    r->opts = p;
    r->opts[r->nopts++] = line;
    vd_close_engines(r);
}

/* ------------------------------------------------------------ XML bits */

/* Value of attribute name in the element text z (NUL-terminated) into a
** malloc'd string with the five XML entities decoded; NULL when absent. */
static char *vd_attr(vd_run *r, const char *z, const char *name) {
    size_t k = strlen(name);
    for (const char *p = strstr(z, name); p; p = strstr(p + 1, name)) {
        if (p == z || !vd_space(p[-1])) continue;
        const char *q = p + k;
        while (vd_space(*q)) q++;
        if (*q != '=') continue;
        q++;
        while (vd_space(*q)) q++;
        if (*q != '"' && *q != '\'') continue;
        const char *end = strchr(q + 1, *q);
        if (!end) return NULL;
        char *v = vd_strndup(r, q + 1, (size_t)(end - q - 1));
        if (!v) return NULL;
        static const struct { const char *ent; char c; } ents[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        char *w = v;
        for (const char *s = v; *s;) {
            size_t j = 0;
            while (j < 5 && strncmp(s, ents[j].ent, strlen(ents[j].ent))) j++;
            if (j < 5) { *w++ = ents[j].c; s += strlen(ents[j].ent); }
            else *w++ = *s++;
        }
        *w = 0;
        return v;
    }
    return NULL;
}

/* Does the line z[0, n) start with the tag <name (complete name)? */
static int vd_tag_is(const char *z, size_t n, const char *name) {
    size_t k = strlen(name);
    return n > k && z[0] == '<' && !strncmp(z + 1, name, k) &&
           (n == k + 1 || vd_space(z[k + 1]) || z[k + 1] == '>' || z[k + 1] == '/');
}

/* The text content of the element <name>...</name> inside z[0, n), trimmed,
** as a malloc'd string; NULL when there is none. */
static char *vd_content(vd_run *r, const char *z, size_t n, const char *name) {
    for (size_t i = 0; i < n; i++) {
        if (z[i] != '<' || !vd_tag_is(z + i, n - i, name)) continue;
        const char *gt = memchr(z + i, '>', n - i);
        if (!gt) return NULL;
        size_t b = (size_t)(gt - z) + 1, e = b;
        while (e < n && z[e] != '<') e++;
        vd_trim(z, &b, &e);
        return vd_strndup(r, z + b, e - b);
    }
    return NULL;
}

/* ------------------------------------------------------------ expectations */

/* Read a TABARI comment (story.expected) into x, and note its options. */
static void vd_expect_tabari(vd_run *r, const char *z, vd_expect *x) {
    int options = 0, blocks = 0;
    for (const char *p = strchr(z, '{'); p; p = strchr(p + 1, '{')) {
        /* An unclosed block runs to the end (TABARI reads "{ OPTION: ..."
        ** to a '}' or the end of the comment). */
        const char *end = strchr(p, '}');
        if (!end) end = p + strlen(p);
        int dash = p > z && p[-1] == '-';
        size_t b = (size_t)(p - z) + 1, e = (size_t)(end - z);
        vd_trim(z, &b, &e);
        if (b == e && *end) continue;                           /* "{}" in prose */
        if (e - b >= 7 && !strncmp(z + b, "OPTION:", 7)) {
            size_t ob = b + 7;
            vd_trim(z, &ob, &e);
            vd_option(r, z + ob, e - ob);
            options = 1;
            if (!*end) break;
            p = end;
            continue;
        }
        if (!*end) { x->skip = VD_SKIP_BADEXPECT; return; }
        if (dash) {                                             /* stop checking here */
            if (!blocks) x->skip = VD_SKIP_DISABLED;
            x->open = 1;
            break;
        }
        size_t k = b;
        while (k < e && (z[k] == '+' || z[k] == '-' || z[k] == '#' || vd_space(z[k]))) k++;
        if (k == e) {
            x->marker = 1;
        } else {
            const char *s1 = memchr(z + b, '/', e - b);
            const char *s2 = s1 ? memchr(s1 + 1, '/', (size_t)(z + e - s1 - 1)) : NULL;
            if (!s2 || memchr(s2 + 1, '/', (size_t)(z + e - s2 - 1))) {
                x->skip = VD_SKIP_BADEXPECT;
                return;
            }
            vd_add(r, x, z + b, (size_t)(s1 - z) - b, s1 + 1, (size_t)(s2 - s1 - 1), s2 + 1,
                   (size_t)(z + e - s2 - 1));
        }
        blocks++;
        p = end;
    }
    if (options) x->skip = VD_SKIP_OPTIONS;
    else if (!x->skip && !x->n && !x->marker) x->skip = VD_SKIP_NOEXPECT;
}

/* Read PETRARCH <EventCoding> elements (story.expected, one per line). */
static void vd_expect_petrarch(vd_run *r, const char *z, vd_expect *x) {
    while (*z) {
        size_t n = strcspn(z, "\n");
        char *el = vd_strndup(r, z, n);
        if (!el) return;
        /* noevents="True", or error="..." (PETRARCH expects the record to
        ** be rejected or discarded): no event either way. */
        char *noev = vd_attr(r, el, "noevents");
        if (!noev) noev = vd_attr(r, el, "error");
        /* error="bad_input_parse" tests PETRARCH's reading of a malformed
        ** <Parse> tree: dyad parses the text itself, so there is nothing
        ** to test */
        if (noev && !strcmp(noev, "bad_input_parse")) x->skip = VD_SKIP_PARSETREE;
        char *s = vd_attr(r, el, "sourcecode"), *t = vd_attr(r, el, "targetcode");
        char *c = vd_attr(r, el, "eventcode");
        if (noev) x->marker = 1;
        else if (!c) x->skip = VD_SKIP_BADEXPECT;
        else vd_add(r, x, s, s ? strlen(s) : 0, t, t ? strlen(t) : 0, c, strlen(c));
        free(noev), free(s), free(t), free(c), free(el);
        z += n + (z[n] == '\n');
    }
    if (!x->skip && !x->n && !x->marker) x->skip = VD_SKIP_NOEXPECT;
}

/* ------------------------------------------------------------ suites */

/* The folder of path, with its '/', as a malloc'd string ("" for none). */
static char *vd_dirname(vd_run *r, const char *path) {
    const char *slash = strrchr(path, '/');
    return vd_strndup(r, path, slash ? (size_t)(slash - path) + 1 : 0);
}

/* dir + name, malloc'd; name is kept as it is when absolute. */
static char *vd_join(vd_run *r, const char *dir, const char *name) {
    size_t dn = name[0] == '/' ? 0 : strlen(dir), nn = strlen(name);
    char *p = malloc(dn + nn + 1);
    if (!p) { r->oom = 1; return NULL; }
    memcpy(p, dir, dn);
    memcpy(p + dn, name, nn + 1);
    return p;
}

static int vd_add_file(vd_run *r, const char *name, size_t n) {
    char *s = vd_strndup(r, name, n), *path = s ? vd_join(r, r->dir, s) : NULL;
    char **p = path ? realloc(r->files, (r->nfiles + 1) * sizeof *p) : NULL;
    free(s);
    if (!p) { free(path); r->oom = 1; return -1; }
    r->files = p;
    r->files[r->nfiles++] = path;
    return 0;
}

/* The <textfile> entries of a TABARI project, resolved, into r->files.
** Returns 0, or -1 after a message. */
static int vd_tabari_project(vd_run *r) {
    FILE *f = fopen(r->suite, "r");
    if (!f) {
        fprintf(stderr, "dyad validate: cannot read %s\n", r->suite);
        return -1;
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        size_t b = 0, e = strlen(line);
        vd_trim(line, &b, &e);
        if (e - b < 10 || strncasecmp(line + b, "<textfile>", 10)) continue;
        b += 10;
        vd_trim(line, &b, &e);
        if (e > b && vd_add_file(r, line + b, e - b) < 0) break;
    }
    fclose(f);
    if (!r->nfiles && !r->oom) {
        fprintf(stderr, "dyad validate: %s names no <textfile>\n", r->suite);
        return -1;
    }
    return r->oom ? -1 : 0;
}

/* Take the <Environment> block z[0, n) of a PETRARCH suite: dictionary file
** names and category lists. */
static void vd_environment(vd_run *r, const char *z, size_t n) {
    static const char *const dicts[] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile"};
    r->have_env = 1;
    for (size_t i = 0; i < sizeof dicts / sizeof *dicts && !r->dict_override; i++) {
        char *v = vd_content(r, z, n, dicts[i]);
        for (char *p = v; p && *p;) {                          /* a comma list */
            size_t k = strcspn(p, ","), b = 0, e = k;
            vd_trim(p, &b, &e);
            if (e > b) vd_add_file(r, p + b, e - b);
            p += k + (p[k] == ',');
        }
        free(v);
    }
    char *pico = vd_content(r, z, n, "PICOfile");
    if (pico) vd_not_honoured(r, "<PICOfile> (dyad has no internal coding ontology)", pico, strlen(pico));
    free(pico);
    free(r->include);
    free(r->exclude);
    r->include = vd_content(r, z, n, "Include");
    r->exclude = vd_content(r, z, n, "Exclude");
}

/* Is word in the space-separated list? */
static int vd_in_list(const char *list, const char *word) {
    size_t k = strlen(word);
    for (const char *p = list; *p;) {
        while (vd_space(*p)) p++;
        size_t n = 0;
        while (p[n] && !vd_space(p[n])) n++;
        if (n && n == k && !strncmp(p, word, k)) return 1;
        p += n;
    }
    return 0;
}

/* Apply a PETRARCH <Config option value> element. */
static void vd_config(vd_run *r, const char *el) {
    char *opt = vd_attr(r, el, "option"), *val = vd_attr(r, el, "value");
    if (opt && val && !strcmp(opt, "require_dyad")) {
        int require = 1;                                        /* PETRARCH: "false" anywhere */
        for (const char *p = val; *p; p++)
            if (!strncasecmp(p, "false", 5)) require = 0;
        r->no_target_ok = !require;
    } else {
        char buf[256];
        snprintf(buf, sizeof buf, "%s=%s", opt ? opt : "?", val ? val : "?");
        vd_not_honoured(r, "PETRARCH <Config>", buf, strlen(buf));
    }
    free(opt);
    free(val);
}

/* Apply the control elements of a PETRARCH record (story.directives),
** line by line, so that a <Config> inside <Environment> is applied too.
** Returns 1 when a <Stop> ends the run, and sets *skip for a <Skip>. */
static int vd_directives(vd_run *r, const char *z, int *skip) {
    while (z && *z) {
        while (*z == ' ' || *z == '\t' || *z == '\r') z++;
        size_t n = strcspn(z, "\n");
        if (vd_tag_is(z, n, "Environment")) {
            const char *end = strstr(z, "</Environment");
            vd_environment(r, z, end ? (size_t)(end - z) : strlen(z));
        } else if (vd_tag_is(z, n, "Stop")) {
            return 1;
        } else if (vd_tag_is(z, n, "Skip")) {
            *skip = 1;
        } else if (vd_tag_is(z, n, "Config")) {
            char *el = vd_strndup(r, z, n);
            if (el) vd_config(r, el);
            free(el);
        }
        z += n + (z[n] == '\n');
    }
    return 0;
}

/* ------------------------------------------------------------ coding */

/* The session for the current no_target_ok, opening its engine on first
** use; NULL after a message (r->fatal set). */
static dyad_session *vd_session(vd_run *r) {
    int k = r->no_target_ok;
    if (r->session[k]) return r->session[k];
    if (r->petrarch && !r->dict_override && !r->nfiles) {
        fprintf(stderr, "dyad validate: %s names no dictionaries (no <Environment> with "
                        "<Verbfile>/<Actorfile>); give them with --dict CONFIG\n", r->suite);
        r->fatal = EXIT_USAGE;
        return NULL;
    }
    dyad_engine_options eo;
    memset(&eo, 0, sizeof eo);
    eo.dict_config = r->dict_override ? r->dict_override : r->petrarch ? NULL : r->suite;
    if (r->petrarch && !r->dict_override) {
        eo.dict_files = (const char *const *)r->files;
        eo.ndict_files = r->nfiles;
    }
    eo.no_target_ok = k;
    eo.parse_all = 1;                   /* every record is a test: code them all */
    eo.coding_options = (const char *const *)r->opts;
    eo.ncoding_options = r->nopts;
    eo.data_dir = cli_data_dir();
    char *err = NULL;
    if (dyad_engine_open(&eo, &r->engine[k], &err) != DYAD_OK) {
        fprintf(stderr, "dyad validate: %s: %s\n", r->suite, err ? err : "cannot start");
        free(err);
        r->fatal = EXIT_USAGE;
        return NULL;
    }
    const dyad_dict *d = dyad_engine_dict(r->engine[k]);
    if (d && dyad_dict_warning_count(d) && !r->engine[!k])
        fprintf(stderr, "dyad validate: %zu dictionary warnings (see 'dyad dict check')\n",
                dyad_dict_warning_count(d));
    r->session[k] = dyad_session_new(r->engine[k]);
    if (!r->session[k]) {
        fprintf(stderr, "dyad validate: out of memory\n");
        r->fatal = EXIT_USAGE;
    }
    return r->session[k];
}

/* ------------------------------------------------------------ reporting */

static vd_cat *vd_category(vd_run *r, const char *name) {
    for (size_t i = 0; i < r->ncats; i++)
        if (!strcmp(r->cats[i].name, name)) return &r->cats[i];
    vd_cat *p = realloc(r->cats, (r->ncats + 1) * sizeof *p);
    if (!p) { r->oom = 1; return NULL; }
    r->cats = p;
    vd_cat *c = &r->cats[r->ncats];
    memset(c, 0, sizeof *c);
    c->name = vd_strndup(r, name, strlen(name));
    if (!c->name) return NULL;
    r->ncats++;
    return c;
}

static void vd_json_str(const char *s) {
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c == '\t') fputs("\\t", stdout);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

static void vd_json_events(const vd_expect *x) {
    putchar('[');
    for (size_t i = 0; i < x->n; i++) {
        fputs(i ? ",{\"source\":" : "{\"source\":", stdout);
        vd_json_str(x->ev[i].src);
        fputs(",\"target\":", stdout);
        vd_json_str(x->ev[i].tgt);
        fputs(",\"code\":", stdout);
        vd_json_str(x->ev[i].code);
        putchar('}');
    }
    putchar(']');
}

static void vd_list_events(const char *label, const vd_expect *x) {
    printf("  %-9s", label);
    if (!x->n) fputs(" (none)", stdout);
    for (size_t i = 0; i < x->n; i++)
        printf("%s %s / %s / %s", i ? ";" : "", x->ev[i].src, x->ev[i].tgt, x->ev[i].code);
    if (x->open) fputs(" (more may be coded)", stdout);
    putchar('\n');
}

/* The text of a story on one line, blanks collapsed. */
static void vd_print_text(const dyad_story *st) {
    int blank = 0, any = 0;
    for (size_t i = 0; i < st->text_len; i++) {
        char c = st->text[i];
        if (vd_space(c) || c == 0) { blank = 1; continue; }
        if (blank && any) putchar(' ');
        putchar(c);
        blank = 0;
        any = 1;
    }
}

/* ------------------------------------------------------------ records */

/* The category of a record: PETRARCH's attribute, or the TABARI id up to
** its last '-' (DEMO-01 -> DEMO). */
static const char *vd_cat_name(const vd_run *r, const dyad_story *st, char *buf, size_t n) {
    if (r->petrarch) return st->category && st->category[0] ? st->category : "(none)";
    const char *dash = strrchr(st->id, '-');
    size_t k = dash && dash > st->id ? (size_t)(dash - st->id) : strlen(st->id);
    snprintf(buf, n, "%.*s", (int)(k < n ? k : n - 1), st->id);
    return buf;
}

/* Code one counted record and compare.  Returns 0, or -1 to stop. */
static int vd_check(vd_run *r, const dyad_story *st, const vd_expect *want) {
    dyad_session *s = vd_session(r);
    if (!s) return -1;
    if (dyad_session_run(s, st) != DYAD_OK) {
        fprintf(stderr, "dyad validate: record %s: out of memory\n", st->id);
        r->fatal = EXIT_USAGE;
        return -1;
    }
    vd_expect got;
    memset(&got, 0, sizeof got);
    for (size_t i = 0; i < dyad_session_event_count(s); i++) {
        const dyad_event *ev = dyad_session_event(s, i);
        vd_add(r, &got, ev->source, ev->source ? strlen(ev->source) : 0, ev->target,
               ev->target ? strlen(ev->target) : 0, ev->code, ev->code ? strlen(ev->code) : 0);
    }
    int pass = 1;
    for (size_t i = 0; i < want->n; i++) pass &= vd_has(&got, &want->ev[i]);
    for (size_t i = 0; i < got.n && !want->open; i++) pass &= vd_has(want, &got.ev[i]);

    char buf[256];
    const char *cat = vd_cat_name(r, st, buf, sizeof buf);
    vd_cat *c = vd_category(r, cat);
    if (c) {
        if (pass) c->passed++;
        else c->failed++;
    }
    if (r->json) {
        fputs("{\"id\":", stdout);
        vd_json_str(st->id);
        fputs(",\"category\":", stdout);
        vd_json_str(cat);
        printf(",\"pass\":%s,\"expected\":", pass ? "true" : "false");
        vd_json_events(want);
        fputs(",\"coded\":", stdout);
        vd_json_events(&got);
        puts(want->open ? ",\"more_allowed\":true}" : "}");
    }
    if (r->verbose && !pass) {
        printf("FAIL %s [%s]\n  text:     ", st->id, cat);
        vd_print_text(st);
        putchar('\n');
        vd_list_events("expected:", want);
        vd_list_events("coded:", &got);
    }
    vd_expect_free(&got);
    return 0;
}

/* Handle one story.  Returns 0 to go on, -1 to stop (end marker or fatal). */
static int vd_story(vd_run *r, const dyad_story *st) {
    vd_expect want;
    memset(&want, 0, sizeof want);
    int rc = 0;
    if (r->petrarch) {
        int skip = 0;
        if (vd_directives(r, st->directives, &skip)) return -1;           /* <Stop> */
        if (skip) want.skip = VD_SKIP_SKIP;
        else if (st->valid == 0 || (st->valid < 0 && r->include && vd_in_list(r->include, "valid")))
            want.skip = VD_SKIP_INVALID;
        else if ((r->include && !vd_in_list(r->include, st->category ? st->category : "")) ||
                 (r->exclude && vd_in_list(r->exclude, st->category ? st->category : "")))
            want.skip = VD_SKIP_CATEGORY;
        else if (st->expected) vd_expect_petrarch(r, st->expected, &want);
        else want.skip = VD_SKIP_NOEXPECT;
    } else {
        if (!strcmp(st->id, "FINAL-01")) return -1;                       /* end of standard records */
        if (st->expected) vd_expect_tabari(r, st->expected, &want);
        else want.skip = VD_SKIP_NOEXPECT;
    }
    if (!want.skip && st->status != DYAD_OK) want.skip = VD_SKIP_BADRECORD;
    if (want.skip == VD_SKIP_BADEXPECT)
        fprintf(stderr, "dyad validate: record %s (line %llu): cannot read its expected coding; "
                        "not counted\n", st->id, (unsigned long long)st->line);
    if (want.skip) r->skipped[want.skip]++;
    else rc = vd_check(r, st, &want);
    vd_expect_free(&want);
    return r->oom ? -1 : rc;
}

/* Run every story of path.  Returns 0, 1 when stopped, -1 when the file
** cannot be read (message printed). */
static int vd_file(vd_run *r, const char *path) {
    dyad_read_options ro = r->ropt;
    ro.format = r->petrarch ? DYAD_FMT_PETRARCH : DYAD_FMT_TABARI;
    dyad_reader *rd;
    char *err = NULL;
    if (dyad_reader_open(path, &ro, &rd, &err) != DYAD_OK) {
        fprintf(stderr, "dyad validate: %s\n", err ? err : "cannot open the suite");
        free(err);
        return -1;
    }
    const dyad_story *st;
    dyad_status s;
    int stop = 0;
    while (!stop && (s = dyad_reader_next(rd, &st)) == DYAD_OK) {
        if (st->status != DYAD_OK)
            fprintf(stderr, "dyad validate: %s\n", st->error ? st->error : "unreadable record");
        stop = vd_story(r, st) < 0;
    }
    int rc = stop ? 1 : 0;
    if (!stop && s != DYAD_DONE) {
        const char *m = dyad_reader_errmsg(rd);
        fprintf(stderr, "dyad validate: %s\n", m[0] ? m : dyad_status_name(s));
        rc = -1;
    }
    dyad_reader_close(rd);
    return rc;
}

/* The summary: what was skipped, the table by category, the final line. */
static void vd_summary(const vd_run *r) {
    size_t passed = 0, failed = 0, skipped = 0, w = 8;
    for (size_t i = 0; i < r->ncats; i++) {
        passed += r->cats[i].passed;
        failed += r->cats[i].failed;
        if (strlen(r->cats[i].name) > w) w = strlen(r->cats[i].name);
    }
    for (int k = 1; k < VD_NSKIP; k++) skipped += r->skipped[k];
    printf("%s: %zu records counted, %zu not counted", r->suite, passed + failed, skipped);
    const char *sep = " (";
    for (int k = 1; k < VD_NSKIP; k++) {
        if (!r->skipped[k]) continue;
        printf("%s%zu %s", sep, r->skipped[k], vd_skip_name[k]);
        sep = ", ";
    }
    puts(skipped ? ")" : "");
    printf("%-*s %7s %7s %7s\n", (int)w, "category", "records", "passed", "failed");
    for (size_t i = 0; i < r->ncats; i++)
        printf("%-*s %7zu %7zu %7zu\n", (int)w, r->cats[i].name, r->cats[i].passed + r->cats[i].failed,
               r->cats[i].passed, r->cats[i].failed);
    printf("%-*s %7zu %7zu %7zu\n", (int)w, "total", passed + failed, passed, failed);
    printf("%zu passed, %zu failed\n", passed, failed);
}

static void vd_free(vd_run *r) {
    vd_close_engines(r);
    for (size_t i = 0; i < r->nopts; i++) free(r->opts[i]);
    free(r->opts);
    for (size_t i = 0; i < r->nfiles; i++) free(r->files[i]);
    for (size_t i = 0; i < r->ncats; i++) free(r->cats[i].name);
    for (size_t i = 0; i < r->nnoted; i++) free(r->noted[i]);
    free(r->files);
    free(r->cats);
    free(r->noted);
    free(r->include);
    free(r->exclude);
    free(r->dir);
}

int cmd_validate(int argc, char **argv) {
    vd_run r;
    memset(&r, 0, sizeof r);
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_USAGE;
    const cli_opt opts[] = {
        {"-v", &r.verbose, NULL},
        {"--verbose", &r.verbose, NULL},
        {"--json", &r.json, NULL},
        {"--dict", NULL, &r.dict_override},
        {NULL, NULL, NULL},
    };
    int k = cli_parse("validate", usage, argc, argv, opts, &r.ropt, files, &nfiles);
    if (k || nfiles != 1) {
        if (!k) fprintf(stderr, "dyad validate: give one SUITE (see 'dyad validate --help')\n");
        free(files);
        return k == 1 ? 0 : EXIT_USAGE;
    }
    r.suite = files[0];
    free(files);
    const char *kind = dyad_dict_kind(r.suite);
    size_t n = strlen(r.suite);
    r.petrarch = strcmp(kind, "project") != 0;
    if (r.petrarch && !(n > 4 && !strcasecmp(r.suite + n - 4, ".xml"))) {
        fprintf(stderr, "dyad validate: %s is neither a TABARI .project nor a PETRARCH .xml "
                        "records file\n", r.suite);
        return EXIT_USAGE;
    }
    r.no_target_ok = 0;                 /* a dyad is required: TABARI's suite expects
                                        ** one target-less event in 336 records;
                                        ** PETRARCH unless require_dyad=false */
    r.dir = vd_dirname(&r, r.suite);
    int rc = r.dir ? 0 : -1;
    if (!r.petrarch && rc == 0) {
        rc = vd_tabari_project(&r);
        /* r.files holds the text files; the engine reads the dictionaries
        ** from the project itself. */
        for (size_t i = 0; rc == 0 && i < r.nfiles && !r.fatal; i++)
            if ((rc = vd_file(&r, r.files[i])) != 0) break;
    } else if (rc == 0) {
        rc = vd_file(&r, r.suite);
    }
    int status;
    if (r.oom) {
        fprintf(stderr, "dyad validate: out of memory\n");
        status = EXIT_USAGE;
    } else if (rc < 0 || r.fatal) {
        status = EXIT_USAGE;
    } else {
        vd_summary(&r);
        size_t failed = 0;
        for (size_t i = 0; i < r.ncats; i++) failed += r.cats[i].failed;
        status = failed ? 1 : 0;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dyad validate: write error\n");
        status = EXIT_USAGE;
    }
    vd_free(&r);
    return status;
}
