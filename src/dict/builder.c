/*
** builder.c - the dictionary builder: readers hand it entries through the
** dict_add_* functions, it copies them into its arena and keeps them in file
** order, with the diagnostics.  dict_dump() writes the canonical text used
** by tests and `dyad dict dump`.
*/
#include "dict.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "builder.h"

/* ORDER DICTKIND */
static const char *const kind_names[] = {"unknown", "actors",  "agents",  "verbs", "discards",
                                         "issues",  "options", "project", "config"};

const char *dict_kind_name(dict_kind k) {
    if ((unsigned)k < sizeof kind_names / sizeof *kind_names) return kind_names[k];
    return "unknown";
}

dict_builder *dict_builder_new(void) { return calloc(1, sizeof(dict_builder)); }

void dict_builder_free(dict_builder *b) {
    if (!b) return;
    arena_free(&b->arena);
    dvec_free(&b->actors);
    dvec_free(&b->agents);
    dvec_free(&b->synsets);
    dvec_free(&b->verbs);
    dvec_free(&b->patterns);
    dvec_free(&b->discards);
    dvec_free(&b->issues);
    dvec_free(&b->options);
    for (size_t i = 0; i < b->msgs.n; i++) free(DVEC_AT(&b->msgs, dict_msg, i).text);
    dvec_free(&b->msgs);
    free(b->intern);
    free(b->intern_hash);
    free(b);
}

const char *dict_strndup(dict_builder *b, const char *z, size_t n) {
    return arena_strndup(&b->arena, z, n);
}

static uint64_t fnv(const char *z, size_t n) {
    uint64_t h = dyad_fnv1a(z, n);
    h ^= h >> 32;                   /* mix the high bits into the low ones */
    h *= 0xbf58476d1ce4e5b9u;
    return h ^ (h >> 29);
}

const char *dict_intern(dict_builder *b, const char *z, size_t n) {
    if (b->nintern * 2 >= b->capintern) {           /* grow and rehash */
        size_t cap = b->capintern ? b->capintern * 2 : 4096;
        const char **t = calloc(cap, sizeof *t);
        uint32_t *th = calloc(cap, sizeof *th);
        if (!t || !th) { free(t); free(th); return NULL; }
        for (size_t i = 0; i < b->capintern; i++) {
            const char *w = b->intern[i];
            if (!w) continue;
            size_t j = b->intern_hash[i] & (cap - 1);
            while (t[j]) j = (j + 1) & (cap - 1);
            t[j] = w;
            th[j] = b->intern_hash[i];
        }
        free(b->intern);
        free(b->intern_hash);
        b->intern = t;
        b->intern_hash = th;
        b->capintern = cap;
    }
    uint32_t h = (uint32_t)fnv(z, n);
    size_t j = h & (b->capintern - 1);
    while (b->intern[j]) {
        const char *w = b->intern[j];
        if (b->intern_hash[j] == h && strncmp(w, z, n) == 0 && w[n] == 0) return w;
        j = (j + 1) & (b->capintern - 1);
    }
    const char *w = arena_strndup(&b->arena, z, n);
    if (!w) return NULL;
    b->intern[j] = w;
    b->intern_hash[j] = h;
    b->nintern++;
    return w;
}

/* The builder's copy of a file name (readers pass the same pointer for a
** whole file, so one comparison usually finds it). */
static const char *file_name(dict_builder *b, const char *file) {
    if (!file) return "?";
    if (b->last_file_in == file && b->last_file && strcmp(b->last_file, file) == 0)
        return b->last_file;
    b->last_file_in = file;
    b->last_file = dict_strndup(b, file, strlen(file));
    return b->last_file ? b->last_file : "?";
}

static dict_src copy_src(dict_builder *b, dict_src s) {
    s.file = file_name(b, s.file);
    return s;
}

static void message(dict_builder *b, int err, const char *text) {
    dict_msg *m = dvec_push(&b->msgs, sizeof *m);
    if (!m) return;
    m->text = strdup(text);
    m->err = err;
    if (err) b->nerr++;
    else b->nwarn++;
}

void dict_warn(dict_builder *b, dict_src src, const char *fmt, ...) {
    char body[400], text[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(text, sizeof text, "%s:%u: %s", src.file ? src.file : "?", src.line, body);
    message(b, 0, text);
}

void dict_error(dict_builder *b, const char *file, const char *fmt, ...) {
    char body[400], text[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(text, sizeof text, "%s: %s", file ? file : "?", body);
    message(b, 1, text);
}

size_t dict_warning_count(const dict_builder *b) { return b->nwarn; }
size_t dict_error_count(const dict_builder *b) { return b->nerr; }
size_t dict_message_count(const dict_builder *b) { return b->msgs.n; }

const char *dict_message(const dict_builder *b, size_t i, int *is_error) {
    if (i >= b->msgs.n) return NULL;
    const dict_msg *m = &DVEC_AT(&b->msgs, dict_msg, i);
    if (is_error) *is_error = m->err;
    return m->text ? m->text : "out of memory";
}

/* ------------------------------------------------------------- helpers */

int32_t dict_parse_date(const char *z, size_t n) {
    if (n != 6 && n != 8) return -1;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (z[i] < '0' || z[i] > '9') return -1;
        v = v * 10 + (z[i] - '0');
    }
    int y, m, d;
    if (n == 6) {
        y = v / 10000;
        y += y < 30 ? 2000 : 1900;
    } else {
        y = v / 10000;
    }
    m = v / 100 % 100;
    d = v % 100;
    if (y < 1 || d < 1 || d > dyad_days_in_month(y, m)) return -1;
    return (int32_t)(y * 10000 + m * 100 + d);
}

/* Is z[i] the end of a word: a separator, or TABARI's '=' before one? */
static int word_end(const char *z, size_t n, size_t i) {
    if (z[i] == ' ' || z[i] == '_' || z[i] == '\t') return 1;
    return z[i] == '=' && (i + 1 == n || z[i + 1] == ' ' || z[i + 1] == '_' || z[i + 1] == '\t');
}

int dict_split_phrase(dict_builder *b, const char *z, size_t n, dict_phrase *p) {
    /* Count words first, then copy. */
    size_t nw = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && word_end(z, n, i)) i++;
        if (i >= n) break;
        nw++;
        while (i < n && !word_end(z, n, i)) i++;
    }
    memset(p, 0, sizeof *p);
    if (nw == 0) return -1;
    const char **words = arena_alloc(&b->arena, nw * sizeof *words);
    uint8_t *exact = arena_alloc(&b->arena, nw);
    if (!words || !exact) return -1;
    size_t k = 0;
    for (size_t i = 0; i < n && k < nw;) {
        while (i < n && word_end(z, n, i)) i++;
        size_t s = i;
        while (i < n && !word_end(z, n, i)) i++;
        char up[256];
        size_t len = i - s < sizeof up ? i - s : sizeof up - 1;
        for (size_t j = 0; j < len; j++) up[j] = (char)toupper((unsigned char)z[s + j]);
        words[k] = dict_intern(b, up, len);
        if (!words[k]) return -1;
        exact[k] = i < n && z[i] == '=' ? DICT_EXACT_NOEND : (i < n && z[i] == '_');
        k++;
    }
    p->words = words;
    p->exact = exact;
    p->nwords = nw;
    return 0;
}

/* Deep copies into the arena. */
static int copy_phrase(dict_builder *b, const dict_phrase *in, dict_phrase *out) {
    memset(out, 0, sizeof *out);
    if (!in || in->nwords == 0) return -1;
    const char **words = arena_alloc(&b->arena, in->nwords * sizeof *words);
    uint8_t *exact = arena_alloc(&b->arena, in->nwords);
    if (!words || !exact) return -1;
    for (size_t i = 0; i < in->nwords; i++) {
        words[i] = dict_intern(b, in->words[i], strlen(in->words[i]));
        exact[i] = in->exact ? in->exact[i] : 0;
        if (!words[i]) return -1;
    }
    out->words = words;
    out->exact = exact;
    out->nwords = in->nwords;
    return 0;
}

static dict_phrase *copy_phrases(dict_builder *b, const dict_phrase *in, size_t n, size_t *nout) {
    *nout = 0;
    if (n == 0) return NULL;
    dict_phrase *out = arena_alloc(&b->arena, n * sizeof *out);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (copy_phrase(b, &in[i], &out[k]) == 0) k++;
    *nout = k;
    return out;
}

static const char *copy_str(dict_builder *b, const char *s) {
    return s ? dict_strndup(b, s, strlen(s)) : NULL;
}

/* ------------------------------------------------------------- entries */

size_t dict_add_actor(dict_builder *b, dict_src src, const dict_phrase *names, size_t nnames,
                      const dict_dated *codes, size_t ncodes) {
    b_actor *a = dvec_push(&b->actors, sizeof *a);
    if (!a) return 0;
    a->src = copy_src(b, src);
    a->names = copy_phrases(b, names, nnames, &a->nnames);
    a->codes = ncodes ? arena_alloc(&b->arena, ncodes * sizeof *a->codes) : NULL;
    a->ncodes = 0;
    for (size_t i = 0; a->codes && i < ncodes; i++) {
        a->codes[i] = codes[i];
        a->codes[i].code = copy_str(b, codes[i].code);
        a->ncodes++;
    }
    return b->actors.n - 1;
}

void dict_add_agent(dict_builder *b, dict_src src, const dict_phrase *names, size_t nnames,
                    const char *code) {
    b_agent *a = dvec_push(&b->agents, sizeof *a);
    if (!a) return;
    a->src = copy_src(b, src);
    a->names = copy_phrases(b, names, nnames, &a->nnames);
    a->code = copy_str(b, code);
}

void dict_add_synset(dict_builder *b, dict_src src, const char *name,
                     const dict_phrase *members, size_t nmembers) {
    b_synset *s = dvec_push(&b->synsets, sizeof *s);
    if (!s) return;
    s->src = copy_src(b, src);
    s->name = copy_str(b, name);
    s->members = copy_phrases(b, members, nmembers, &s->nmembers);
}

size_t dict_add_verb(dict_builder *b, dict_src src, const dict_phrase *verb,
                     const dict_phrase *forms, size_t nforms, const char *code) {
    b_verb *v = dvec_push(&b->verbs, sizeof *v);
    if (!v) return 0;
    v->src = copy_src(b, src);
    copy_phrase(b, verb, &v->verb);
    v->forms = copy_phrases(b, forms, nforms, &v->nforms);
    v->code = copy_str(b, code);
    return b->verbs.n - 1;
}

void dict_add_pattern(dict_builder *b, dict_src src, size_t v, const dict_elem *el, size_t n,
                      const char *code, const char *code2, unsigned flags,
                      const char *transform) {
    b_pattern *p = dvec_push(&b->patterns, sizeof *p);
    if (!p) return;
    p->src = copy_src(b, src);
    p->verb = v;
    p->el = n ? arena_alloc(&b->arena, n * sizeof *p->el) : NULL;
    p->n = 0;
    for (size_t i = 0; p->el && i < n; i++) {
        p->el[i] = el[i];
        p->el[i].text = copy_str(b, el[i].text);
        p->n++;
    }
    p->code = copy_str(b, code);
    p->code2 = copy_str(b, code2);
    p->flags = flags;
    p->transform = copy_str(b, transform);
}

void dict_add_discard(dict_builder *b, dict_src src, const dict_phrase *ph, int whole_story) {
    b_discard *d = dvec_push(&b->discards, sizeof *d);
    if (!d) return;
    d->src = copy_src(b, src);
    copy_phrase(b, ph, &d->phrase);
    d->whole_story = whole_story;
}

void dict_add_issue(dict_builder *b, dict_src src, const dict_phrase *ph, const char *code,
                    char pos, const char *category) {
    b_issue *is = dvec_push(&b->issues, sizeof *is);
    if (!is) return;
    is->src = copy_src(b, src);
    copy_phrase(b, ph, &is->phrase);
    is->code = copy_str(b, code);
    is->pos = pos;
    is->category = copy_str(b, category);
}

void dict_add_option(dict_builder *b, dict_src src, const char *key, const char *value) {
    b_option *o = dvec_push(&b->options, sizeof *o);
    if (!o) return;
    o->src = copy_src(b, src);
    o->key = copy_str(b, key);
    o->value = copy_str(b, value);
}

void dict_phrase_text(const dict_phrase *p, char *buf, size_t cap) {
    size_t k = 0;
    for (size_t i = 0; i < p->nwords && k + 1 < cap; i++) {
        if (i) buf[k++] = ' ';
        for (const char *w = p->words[i]; *w && k + 1 < cap; w++) buf[k++] = *w;
        if (p->exact && p->exact[i] && k + 1 < cap)
            buf[k++] = p->exact[i] == DICT_EXACT_NOEND ? '=' : '_';
    }
    if (cap) buf[k < cap ? k : cap - 1] = 0;
}

/* ---------------------------------------------------------------- dump */

void dict_dump_phrase(dyad_buf *out, const dict_phrase *p) {
    for (size_t i = 0; i < p->nwords; i++) {
        if (i) dbuf_putc(out, ' ');
        dbuf_puts(out, p->words[i]);
        if (p->exact && p->exact[i]) dbuf_putc(out, p->exact[i] == DICT_EXACT_NOEND ? '=' : '_');
    }
}

static void dump_phrases(dyad_buf *out, const dict_phrase *p, size_t n, const char *sep) {
    for (size_t i = 0; i < n; i++) {
        if (i) dbuf_puts(out, sep);
        dict_dump_phrase(out, &p[i]);
    }
}

static const char *nz(const char *s) { return s ? s : "-"; }

static void dump_elems(dyad_buf *out, const dict_elem *el, size_t n) {
    static const char *const sym[] = {NULL, NULL, "*", "$", "+", "%", "^", "{|", "|", "|}",
                                      "{",  "}",  "(", ")"};
    for (size_t i = 0; i < n; i++) {
        if (i) dbuf_putc(out, ' ');
        if (el[i].kind == PE_WORD || el[i].kind == PE_SYNSET) {
            dbuf_puts(out, nz(el[i].text));
            if (el[i].kind == PE_WORD && el[i].exact) dbuf_putc(out, '_');
        } else if (el[i].kind < sizeof sym / sizeof *sym) {
            dbuf_puts(out, sym[el[i].kind]);
        } else {
            dbuf_putc(out, '?');
        }
    }
}

void dict_dump(const dict_builder *b, dyad_buf *out) {
    for (size_t i = 0; i < b->options.n; i++) {
        const b_option *o = &DVEC_AT(&b->options, b_option, i);
        dbuf_printf(out, "option %u %s=%s\n", o->src.line, nz(o->key), nz(o->value));
    }
    for (size_t i = 0; i < b->synsets.n; i++) {
        const b_synset *s = &DVEC_AT(&b->synsets, b_synset, i);
        dbuf_printf(out, "synset %u %s ", s->src.line, nz(s->name));
        dump_phrases(out, s->members, s->nmembers, " | ");
        dbuf_putc(out, '\n');
    }
    for (size_t i = 0; i < b->actors.n; i++) {
        const b_actor *a = &DVEC_AT(&b->actors, b_actor, i);
        dbuf_printf(out, "actor %u ", a->src.line);
        dump_phrases(out, a->names, a->nnames, " + ");
        for (size_t k = 0; k < a->ncodes; k++)
            dbuf_printf(out, " [%s %d-%d]", nz(a->codes[k].code), a->codes[k].lo, a->codes[k].hi);
        dbuf_putc(out, '\n');
    }
    for (size_t i = 0; i < b->agents.n; i++) {
        const b_agent *a = &DVEC_AT(&b->agents, b_agent, i);
        dbuf_printf(out, "agent %u ", a->src.line);
        dump_phrases(out, a->names, a->nnames, " + ");
        dbuf_printf(out, " %s\n", nz(a->code));
    }
    for (size_t i = 0; i < b->verbs.n; i++) {
        const b_verb *v = &DVEC_AT(&b->verbs, b_verb, i);
        dbuf_printf(out, "verb %u ", v->src.line);
        dict_dump_phrase(out, &v->verb);
        dbuf_puts(out, " {");
        dump_phrases(out, v->forms, v->nforms, " | ");
        dbuf_printf(out, "} [%s]\n", nz(v->code));
    }
    for (size_t i = 0; i < b->patterns.n; i++) {
        const b_pattern *p = &DVEC_AT(&b->patterns, b_pattern, i);
        uint32_t vline = p->verb < b->verbs.n ? DVEC_AT(&b->verbs, b_verb, p->verb).src.line : 0;
        dbuf_printf(out, "pattern %u %u ", p->src.line, vline);
        dump_elems(out, p->el, p->n);
        if (p->code2) dbuf_printf(out, " [%s:%s]", p->code ? p->code : "", p->code2);
        else dbuf_printf(out, " [%s]", nz(p->code));
        static const char flagc[] = "sdnxpt";
        char f[8];
        size_t k = 0;
        for (unsigned bit = 0; bit < 6; bit++)
            if (p->flags & (1u << bit)) f[k++] = flagc[bit];
        if (!k) f[k++] = '-';
        f[k] = 0;
        dbuf_printf(out, " %s", f);
        if (p->transform) dbuf_printf(out, " ~%s", p->transform);
        dbuf_putc(out, '\n');
    }
    for (size_t i = 0; i < b->discards.n; i++) {
        const b_discard *d = &DVEC_AT(&b->discards, b_discard, i);
        dbuf_printf(out, "discard %u ", d->src.line);
        dict_dump_phrase(out, &d->phrase);
        dbuf_puts(out, d->whole_story ? " +\n" : "\n");
    }
    for (size_t i = 0; i < b->issues.n; i++) {
        const b_issue *is = &DVEC_AT(&b->issues, b_issue, i);
        dbuf_printf(out, "issue %u %c:", is->src.line, is->pos ? is->pos : '-');
        dict_dump_phrase(out, &is->phrase);
        dbuf_printf(out, " [%s] %s\n", nz(is->code), nz(is->category));
    }
}

void dict_whole_words(dict_builder *b) { b->petrarch_words = 1; }

void dict_set_verbs_dialect(dict_builder *b, dict_dialect d) { b->verbs_dialect = (int)d; }
