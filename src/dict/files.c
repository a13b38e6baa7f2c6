/*
** files.c - dictionary files on disk: telling a file's kind, reading a file
** and handing it to its reader, and the configurations that name dictionary
** sets (TABARI .project, PETRARCH .ini).
**
** Contract (dict.h): dict_read_file() reads the whole file, tells its kind
** when asked to (name first, then the first meaningful lines), and returns
** the reader's result; an unreadable or unrecognisable file is a
** dict_error() and -1.  dict_read_config() reads every dictionary file a
** configuration names, relative to the configuration's folder, in the order
** named; a named file that cannot be read is an error for that file only,
** and the others still load.  It returns -1 only when the configuration
** itself cannot be read or names no dictionary file.
**
** TABARI .project: "<actorsfile> NAME", "<verbsfile>", "<agentsfile>",
** "<optionsfile>" name dictionaries (a tag may repeat); any other tag
** (<textfile>, <eventfile>, <errorfile>, <problemfile>, <coder>, ...) is
** kept as option "<tag>" = value, not read.  The first line is the
** project's title when it has no tag.
**
** PETRARCH .ini (Python ConfigParser syntax: '#'/';' comment lines,
** "key = value" or "key: value", continuation lines indented): section
** [Dictionaries] keys verbfile_name, actorfile_list (comma-separated),
** agentfile_name, discardfile_name, issuefile_name name dictionaries, and
** dyad's verbfile_list, agentfile_list, discardfile_list, issuefile_list
** (comma-separated) too; every other key is kept as option "Section:key" =
** value.
**
** Paths given to readers and messages are built in the builder's arena, so
** each file's name has its own address for as long as the builder lives.
*/
#include "dict.h"
#include "lines.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- text */

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

static int is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static void trim(const char **z, size_t *n) {
    while (*n && is_blank(**z)) (*z)++, (*n)--;
    while (*n && is_blank((*z)[*n - 1])) (*n)--;
}


/* Case-insensitive: does z[0..n) contain s? */
static int contains_i(const char *z, size_t n, const char *s) {
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (dyad_ieq(z + i, k, s)) return 1;
    return 0;
}

static int ends_with_i(const char *z, size_t n, const char *s) {
    size_t k = strlen(s);
    return n >= k && dyad_ieq(z + n - k, k, s);
}

static int starts_with(const char *z, size_t n, const char *s) {
    size_t k = strlen(s);
    return n >= k && memcmp(z, s, k) == 0;
}

/* Is z[0..n) exactly s (a section tag on a line of its own)? */
static int is_line(const char *z, size_t n, const char *s) { return n == strlen(s) && memcmp(z, s, n) == 0; }

/* Could z[0..n) be the inside of a dictionary code ("USAGOV 991201-010114",
** " ~OPP", "---")?  Upper case, digits and a few signs; prose is not. */
static int is_code(const char *z, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = z[i];
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) k++;
        else if (c == 0 || !strchr(" ~-_<>/:!", c)) return 0;
    }
    return k > 0 || (n >= 3 && z[0] == '-');
}

/* --------------------------------------------------------------- reading */

/* The whole file, NUL-terminated (malloc'd; *n its length), or NULL with
** errno set. */
static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    char *p = malloc(cap);
    while (p) {
        if (len + 1 >= cap) {
            char *q = cap <= SIZE_MAX / 2 ? realloc(p, cap * 2) : NULL;
            if (!q) {
                free(p);
                p = NULL;
                errno = ENOMEM;
                break;
            }
            p = q;
            cap *= 2;
        }
        size_t k = fread(p + len, 1, cap - 1 - len, f);
        len += k;
        if (k == 0) {
            if (ferror(f)) {
                int err = errno ? errno : EIO;
                free(p);
                p = NULL;
                errno = err;
            }
            break;
        }
    }
    if (!p && errno == 0) errno = ENOMEM;
    int err = errno;
    fclose(f);
    errno = err;
    if (p) {
        p[len] = 0;
        *n = len;
    }
    return p;
}

/* ------------------------------------------------------------- guessing */

/* Kind from the file's name (its last component, case-insensitive), or
** DICT_UNKNOWN.  The first rule that matches wins. */
static dict_kind guess_name(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    static const struct {
        const char *s;
        int suffix;         /* 1: name ends with s; 0: name contains s */
        dict_kind kind;
    } rules[] = {
        {".ini", 1, DICT_CONFIG},       {".project", 1, DICT_PROJECT},
        {".options", 1, DICT_OPTIONS},  {"discards", 0, DICT_DISCARDS},
        {"issue", 0, DICT_ISSUES},      {"verbpatterns", 0, DICT_VERBS},
        {"CAMEO.2.0", 0, DICT_VERBS},   {"verbs", 0, DICT_VERBS},
        {"agents", 0, DICT_AGENTS},     {"actors", 0, DICT_ACTORS},
    };
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
        if (rules[i].suffix ? ends_with_i(base, n, rules[i].s) : contains_i(base, n, rules[i].s))
            return rules[i].kind;
    return DICT_UNKNOWN;
}

/* TABARI .project tags that the guesser takes as proof of a project. */
static const char *const project_tags[] = {
    "<actorsfile>", "<verbsfile>", "<agentsfile>", "<optionsfile>", "<textfile>",
    "<eventfile>",  "<errorfile>", "<problemfile>", "<coder>",
};

/* TABARI option directives, for the guesser (read_misc.c owns the rest). */
static const char *const option_directives[] = {"SET:", "COMPLEX:", "OUTPUT:", "LABEL:",
                                                "FORWARD:"};

#define GUESS_LINES 400   /* meaningful lines looked at */

/* Kind from the first meaningful lines of text[0..n), or DICT_UNKNOWN.
** Decisive lines return at once; otherwise bracketed codes are counted:
** when at least a fifth of the lines have one, "[~GOV]"-style codes make
** agents and plain codes actors; a file of bare phrases with '+' lines and
** no bracket is a discards list. */
static dict_kind guess_text(const char *text, size_t n) {
    dict_lines s = {text, n, 0, 0};
    const char *z;
    size_t zn;
    size_t seen = 0, tilde = 0, plain = 0, plus = 0, bracket = 0;
    int in_xml = 0;
    while (seen < GUESS_LINES && dict_lines_next(&s, &z, &zn)) {
        trim(&z, &zn);
        if (in_xml) {
            for (size_t i = 0; i + 3 <= zn; i++)
                if (memcmp(z + i, "-->", 3) == 0) in_xml = 0;
            continue;
        }
        if (zn == 0 || z[0] == '#' || z[0] == ';' || starts_with(z, zn, "//")) continue;
        if (starts_with(z, zn, "<!")) {
            if (starts_with(z, zn, "<!--")) {
                in_xml = 1;
                for (size_t i = 4; i + 3 <= zn; i++)
                    if (memcmp(z + i, "-->", 3) == 0) in_xml = 0;
            }
            continue;
        }
        seen++;
        if (seen == 1 && z[0] == '[' && z[zn - 1] == ']') return DICT_CONFIG;
        if (seen == 1 && (starts_with(z, zn, "<?xml") || starts_with(z, zn, "<Validation") ||
                          starts_with(z, zn, "<Sentences")))
            return DICT_UNKNOWN;
        if (z[0] == '<') {
            for (size_t i = 0; i < sizeof project_tags / sizeof *project_tags; i++)
                if (zn >= strlen(project_tags[i]) &&
                    dyad_ieq(z, strlen(project_tags[i]), project_tags[i]))
                    return DICT_PROJECT;
            if (zn >= 6 && dyad_ieq(z, 6, "<ISSUE")) return DICT_ISSUES;
            if (is_line(z, zn, "<NOUN>") || is_line(z, zn, "<ADJECTIVE>")) return DICT_ACTORS;
            if (is_line(z, zn, "<SYNSETS>") || is_line(z, zn, "<TIME>") || is_line(z, zn, "<VERBS>"))
                return DICT_VERBS;
            continue;
        }
        for (size_t i = 0; i < sizeof option_directives / sizeof *option_directives; i++)
            if (starts_with(z, zn, option_directives[i])) return DICT_OPTIONS;
        if (starts_with(z, zn, "--- ") && zn > 4 && is_letter(z[4]))
            return DICT_VERBS;                             /* --- ABANDON [345] --- */
        if (starts_with(z, zn, "- ") && memchr(z, '[', zn))
            return DICT_VERBS;                             /* - * EFFORT [987] */
        if (z[0] == '&' && zn > 1 && z[1] != ' ') return DICT_VERBS;   /* synset */
        if (z[0] == '!' && memchr(z + 1, '!', zn - 1) && memchr(z, '=', zn))
            return DICT_AGENTS;                            /* !PERSON! = MAN, ... */
        if (z[0] == '+') plus++;
        const char *open = memchr(z, '[', zn);
        if (open) {
            bracket++;
            const char *close = memchr(open, ']', zn - (size_t)(open - z));
            if (close && is_code(open + 1, (size_t)(close - open - 1))) {
                if (memchr(open, '~', (size_t)(close - open))) tilde++;
                else plain++;
            }
        }
    }
    if ((tilde + plain) * 5 < seen) tilde = plain = 0;     /* prose with a stray code */
    if (tilde && tilde >= plain) return DICT_AGENTS;
    if (plain) return DICT_ACTORS;
    if (plus && !bracket) return DICT_DISCARDS;
    return DICT_UNKNOWN;
}

dict_kind dict_guess_kind(const char *path) {
    if (!path) return DICT_UNKNOWN;
    dict_kind k = guess_name(path);
    if (k != DICT_UNKNOWN) return k;
    FILE *f = fopen(path, "rb");
    if (!f) return DICT_UNKNOWN;
    char buf[1 << 15];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (n == sizeof buf) {                      /* drop a partial last line */
        while (n > 0 && buf[n - 1] != '\n') n--;
    }
    return guess_text(buf, n);
}

/* ---------------------------------------------------------------- config */

static int config_text(dict_builder *b, const char *path, const char *text, size_t n,
                       dict_kind kind);

int dict_read_file(dict_builder *b, const char *path, dict_kind kind) {
    size_t n = 0;
    errno = 0;
    char *text = slurp(path, &n);
    if (!text) {
        dict_error(b, path, "cannot open: %s", strerror(errno));
        return -1;
    }
    if (kind == DICT_UNKNOWN) kind = guess_name(path);
    if (kind == DICT_UNKNOWN) kind = guess_text(text, n);
    int rc;
    switch (kind) {
    case DICT_ACTORS: rc = dict_read_tabari_actors(b, path, text, n); break;
    case DICT_AGENTS: rc = dict_read_agents(b, path, text, n); break;
    case DICT_VERBS: rc = dict_read_verbs(b, path, text, n); break;
    case DICT_DISCARDS: rc = dict_read_discards(b, path, text, n); break;
    case DICT_ISSUES: rc = dict_read_issues(b, path, text, n); break;
    case DICT_OPTIONS: rc = dict_read_options(b, path, text, n); break;
    case DICT_PROJECT:
    case DICT_CONFIG: rc = config_text(b, path, text, n, kind); break;
    default:
        dict_error(b, path, "cannot tell what kind of dictionary file this is");
        rc = -1;
        break;
    }
    free(text);
    return rc;
}

int dict_read_config(dict_builder *b, const char *path) {
    size_t n = 0;
    errno = 0;
    char *text = slurp(path, &n);
    if (!text) {
        dict_error(b, path, "cannot open: %s", strerror(errno));
        return -1;
    }
    int rc = config_text(b, path, text, n, DICT_UNKNOWN);
    free(text);
    return rc;
}

/* One dictionary file a configuration names. */
typedef struct cfg_file {
    dict_kind kind;
    size_t off, len;        /* name in cfg->names */
} cfg_file;

typedef struct cfg {
    dict_builder *b;
    const char *path;
    dyad_buf names;         /* file names as written, back to back */
    dyad_vec files;         /* cfg_file, in the order named */
} cfg;

static void cfg_name(cfg *c, dict_src src, dict_kind kind, const char *z, size_t n) {
    trim(&z, &n);
    if (n == 0) {
        dict_warn(c->b, src, "expected the name of the %s file", dict_kind_name(kind));
        return;
    }
    cfg_file *f = dvec_push(&c->files, sizeof *f);
    if (!f) return;
    f->kind = kind;
    f->off = c->names.n;
    f->len = n;
    dbuf_append(&c->names, z, n);
}

/* An option key + value from pieces (value blanks: newlines become spaces). */
static void cfg_option(cfg *c, dict_src src, const char *k1, size_t n1, const char *k2, size_t n2,
                       const char *v, size_t vn) {
    dyad_buf key = {0}, val = {0};
    dbuf_append(&key, k1, n1);
    dbuf_append(&key, k2, n2);
    for (size_t i = 0; i < vn; i++) dbuf_putc(&val, v[i] == '\n' ? ' ' : v[i]);
    if (!key.oom && !val.oom) dict_add_option(c->b, src, key.p, val.p ? val.p : "");
    dbuf_free(&key);
    dbuf_free(&val);
}

static const struct {
    const char *tag;
    dict_kind kind;
} project_files[] = {
    {"actorsfile", DICT_ACTORS},
    {"verbsfile", DICT_VERBS},
    {"agentsfile", DICT_AGENTS},
    {"optionsfile", DICT_OPTIONS},
};

static void parse_project(cfg *c, const char *text, size_t n) {
    dict_lines s = {text, n, 0, 0};
    const char *z;
    size_t zn;
    while (dict_lines_next(&s, &z, &zn)) {
        dict_src src = {c->path, s.no};
        trim(&z, &zn);
        if (zn == 0 || z[0] == '#' || z[0] == ';' || starts_with(z, zn, "//")) continue;
        if (z[0] != '<') {
            if (s.no > 1) dict_warn(c->b, src, "expected <tag> value");
            continue;                           /* line 1: the project's title */
        }
        const char *gt = memchr(z, '>', zn);
        if (!gt) {
            dict_warn(c->b, src, "expected '>' to close the <tag>");
            continue;
        }
        const char *tag = z + 1;
        size_t tn = (size_t)(gt - tag);
        const char *v = gt + 1;
        size_t vn = zn - (size_t)(v - z);
        trim(&v, &vn);
        dict_kind kind = DICT_UNKNOWN;
        for (size_t i = 0; i < sizeof project_files / sizeof *project_files; i++)
            if (dyad_ieq(tag, tn, project_files[i].tag)) kind = project_files[i].kind;
        if (kind != DICT_UNKNOWN) cfg_name(c, src, kind, v, vn);
        else cfg_option(c, src, z, (size_t)(gt + 1 - z), "", 0, v, vn);
    }
}

static const struct {
    const char *key;
    dict_kind kind;
    int list;               /* comma-separated list of files */
} ini_files[] = {
    {"verbfile_name", DICT_VERBS, 0},      {"actorfile_list", DICT_ACTORS, 1},
    {"agentfile_name", DICT_AGENTS, 0},    {"discardfile_name", DICT_DISCARDS, 0},
    {"issuefile_name", DICT_ISSUES, 0},
    /* dyad's own: lists for every kind (its dictionaries come in parts) */
    {"verbfile_list", DICT_VERBS, 1},      {"agentfile_list", DICT_AGENTS, 1},
    {"discardfile_list", DICT_DISCARDS, 1}, {"issuefile_list", DICT_ISSUES, 1},
};

/* A parsed "key = value" of an .ini, value with its continuation lines. */
typedef struct ini_ent {
    uint32_t line;
    const char *sec, *key;  /* into the config text */
    size_t secn, keyn;
    size_t voff, vlen;      /* value in the value buffer */
} ini_ent;

/* Cut an inline comment: ';' or '#' after a blank. */
static size_t ini_uncomment(const char *z, size_t n) {
    for (size_t i = 1; i < n; i++)
        if ((z[i] == ';' || z[i] == '#') && is_blank(z[i - 1])) return i;
    return n;
}

static void parse_ini(cfg *c, const char *text, size_t n) {
    dyad_vec ents = {0};
    dyad_buf vals = {0};
    const char *sec = NULL;
    size_t secn = 0;
    dict_lines s = {text, n, 0, 0};
    const char *z;
    size_t zn;
    int last_ok = 0;        /* may a continuation line extend the last entry? */
    while (dict_lines_next(&s, &z, &zn)) {
        dict_src src = {c->path, s.no};
        int indented = zn > 0 && is_blank(z[0]);
        trim(&z, &zn);
        if (zn == 0 || z[0] == '#' || z[0] == ';') continue;
        zn = ini_uncomment(z, zn);
        trim(&z, &zn);
        if (indented && last_ok && ents.n) {
            ini_ent *e = &DVEC_AT(&ents, ini_ent, ents.n - 1);
            if (e->voff + e->vlen == vals.n) {   /* always: entries are appended in order */
                dbuf_putc(&vals, '\n');
                dbuf_append(&vals, z, zn);
                e->vlen = vals.n - e->voff;
            }
            continue;
        }
        last_ok = 0;
        if (z[0] == '[') {
            const char *rb = memchr(z, ']', zn);
            if (!rb) {
                dict_warn(c->b, src, "expected ']' to close the [section]");
                sec = NULL;
                continue;
            }
            sec = z + 1;
            secn = (size_t)(rb - sec);
            trim(&sec, &secn);
            continue;
        }
        size_t d = 0;
        while (d < zn && z[d] != '=' && z[d] != ':') d++;
        if (d == zn) {
            dict_warn(c->b, src, "expected key = value");
            continue;
        }
        if (!sec) {
            dict_warn(c->b, src, "key = value before any [section]");
            continue;
        }
        const char *k = z;
        size_t kn = d;
        trim(&k, &kn);
        if (kn == 0) {
            dict_warn(c->b, src, "expected a key before '%c'", z[d]);
            continue;
        }
        const char *v = z + d + 1;
        size_t vn = zn - d - 1;
        trim(&v, &vn);
        ini_ent *e = dvec_push(&ents, sizeof *e);
        if (!e) break;
        e->line = s.no;
        e->sec = sec;
        e->secn = secn;
        e->key = k;
        e->keyn = kn;
        e->voff = vals.n;
        dbuf_append(&vals, v, vn);
        e->vlen = vn;
        last_ok = 1;
    }
    for (size_t i = 0; i < ents.n && !vals.oom; i++) {
        const ini_ent *e = &DVEC_AT(&ents, ini_ent, i);
        dict_src src = {c->path, e->line};
        const char *v = vals.p ? vals.p + e->voff : "";
        size_t fi = sizeof ini_files / sizeof *ini_files;
        if (dyad_ieq(e->sec, e->secn, "Dictionaries"))
            for (fi = 0; fi < sizeof ini_files / sizeof *ini_files; fi++)
                if (dyad_ieq(e->key, e->keyn, ini_files[fi].key)) break;
        if (fi == sizeof ini_files / sizeof *ini_files) {
            dyad_buf key = {0};                  /* ConfigParser keys are lower-case */
            dbuf_append(&key, e->sec, e->secn);
            dbuf_putc(&key, ':');
            for (size_t j = 0; j < e->keyn; j++)
                dbuf_putc(&key, (char)((e->key[j] >= 'A' && e->key[j] <= 'Z') ? e->key[j] + 32 : e->key[j]));
            if (!key.oom) cfg_option(c, src, key.p, key.n, "", 0, v, e->vlen);
            dbuf_free(&key);
            continue;
        }
        if (!ini_files[fi].list) {
            cfg_name(c, src, ini_files[fi].kind, v, e->vlen);
            continue;
        }
        size_t a = 0, named = 0;
        while (a <= e->vlen) {                    /* comma- or newline-separated */
            size_t j = a;
            while (j < e->vlen && v[j] != ',' && v[j] != '\n') j++;
            const char *item = v + a;
            size_t in = j - a;
            trim(&item, &in);
            if (in) {
                cfg_name(c, src, ini_files[fi].kind, item, in);
                named++;
            }
            a = j + 1;
        }
        if (!named) dict_warn(c->b, src, "expected a list of actors file names");
    }
    dvec_free(&ents);
    dbuf_free(&vals);
}

/* Folder part of path, with its '/', as a length (0: the current folder). */
static size_t dir_len(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

static int config_text(dict_builder *b, const char *path, const char *text, size_t n,
                       dict_kind kind) {
    if (memchr(text, 0, n)) {
        dict_error(b, path, "not a text file");
        return -1;
    }
    if (kind != DICT_PROJECT && kind != DICT_CONFIG) {
        kind = guess_name(path);
        if (kind != DICT_PROJECT && kind != DICT_CONFIG) kind = guess_text(text, n);
    }
    if (kind != DICT_PROJECT && kind != DICT_CONFIG) {
        dict_error(b, path, "not a TABARI .project or PETRARCH .ini file");
        return -1;
    }
    cfg c = {b, path, {0}, {0}};
    if (kind == DICT_PROJECT) parse_project(&c, text, n);
    else parse_ini(&c, text, n);
    int rc = 0;
    if (c.names.oom || c.files.oom) {
        dict_error(b, path, "out of memory");
        rc = -1;
    } else if (c.files.n == 0) {
        dict_error(b, path, "names no dictionary file");
        rc = -1;
    }
    size_t dn = dir_len(path);
    for (size_t i = 0; rc == 0 && i < c.files.n; i++) {
        const cfg_file *f = &DVEC_AT(&c.files, cfg_file, i);
        const char *name = c.names.p + f->off;
        dyad_buf full = {0};
        if (name[0] != '/') dbuf_append(&full, path, dn);
        dbuf_append(&full, name, f->len);
        /* The builder keeps file names by address: give each file its own. */
        const char *fp = full.oom ? NULL : dict_strndup(b, full.p, full.n);
        dbuf_free(&full);
        if (!fp) {
            dict_error(b, path, "out of memory");
            rc = -1;
            break;
        }
        dict_read_file(b, fp, f->kind);         /* errors are reported per file */
    }
    dbuf_free(&c.names);
    dvec_free(&c.files);
    return rc;
}
