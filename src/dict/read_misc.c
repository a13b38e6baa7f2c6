/*
** read_misc.c - readers of the small dictionary files: PETRARCH discards,
** PETRARCH/Phoenix issues and TABARI .options.
**
** Contract (dict.h): each reader parses one whole file held in text[0..n)
** (not necessarily NUL-terminated), hands every entry to the builder and
** keeps no pointer into text.  A bad line is a warning naming file and line
** and is skipped; the file is an error (return -1) only when it is not text
** (a NUL byte) or, for issues and options, when no line of it looks like the
** format at all.
**
** Discards (PETRARCH read_discard_list)
**   One phrase per line.  '#' starts a comment anywhere on a line; <!-- -->
**   comments and other "<!" lines are skipped.  A leading '+' (spaces after
**   it allowed) discards the whole story, otherwise the sentence.  Every
**   word but the last is exact; the last is a stem unless followed by '_'
**   (PETRARCH-1 matches the phrase as a substring of the sentence, "ending
**   with '_' ... otherwise it is treated as a stem").
**
** Issues (PETRARCH read_issue_list)
**   <ISSUE CATEGORY="X" TYPE="..."> ... </ISSUE> sections; entries
**   "PHRASE [CODE]".  Expansions, per word of the phrase:
**     n:WORD  the word and its regular plural
**     v:WORD  the word and its regular verb forms (-s, -ed, -ing); a final
**             consonant-vowel-consonant doubles in one-syllable words
**             (GRABBED) and gives both forms in longer ones, whose stress is
**             unknown (VISITED, BEGINNING); a final c takes k (TRAFFICKED)
**     A+B     "A B" (two words) and "A-B" (one hyphenated word, which is one
**             token in dyad), each '+' independently: pre+n:school gives
**             PRE SCHOOL, PRE SCHOOLS, PRE-SCHOOL, PRE-SCHOOLS
**   Every surface form is added as its own entry (dict.h: generating forms is
**   the reader's job); all words are exact (PETRARCH matches issues as whole
**   words), and '_' inside a word separates words.  pos is 'n' or 'v' when
**   the line's markers are all n: or all v:, else 0.  Exclusion lines
**   "~PHRASE" (sentence) and "~~PHRASE" (story) are added with code "~" and
**   "~~" and the section's category, as PETRARCH keeps them.
**
** Options (TABARI .options)
**   "//" comments, a line of '~' ends the file.  Directives and the options
**   they give (keys upper-cased, runs of blanks made one space):
**     SET: KEY = VALUE      key "SET:KEY", value "VALUE" ("" without '=')
**     LABEL: CODE=TEXT      key "LABEL:CODE", value "TEXT"
**     COMPLEX: ...          key "COMPLEX", value the rest
**     OUTPUT: / FORWARD: / DEFAULT: / COMMA:
**                           key "OUTPUT" ..., value the rest
**   Any other line is a warning.
*/
#include "dict.h"
#include "lines.h"

#include <ctype.h>
#include <stdio.h>

/* ---------------------------------------------------------------- lines */


static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

static void trim(const char **z, size_t *n) {
    while (*n && is_blank(**z)) (*z)++, (*n)--;
    while (*n && is_blank((*z)[*n - 1])) (*n)--;
}

static int starts_with_i(const char *z, size_t n, const char *s) {
    size_t k = strlen(s);
    return n >= k && dyad_ieq(z, k, s);
}

static void buf_cut(dyad_buf *b, size_t n) {
    b->n = n;
    if (b->p) b->p[n] = 0;
}

/* A text file has no NUL byte. */
static int not_text(dict_builder *b, const char *path, const char *text, size_t n) {
    const char *nul = memchr(text, 0, n);
    if (!nul) return 0;
    dict_error(b, path, "not a text file (NUL byte at offset %zu)", (size_t)(nul - text));
    return 1;
}

/* ------------------------------------------------------------- discards */

int dict_read_discards(dict_builder *b, const char *path, const char *text, size_t n) {
    if (not_text(b, path, text, n)) return -1;
    dict_lines s = {text, n, 0, 0};
    dyad_buf line = {0}, phrase = {0};
    int in_xml = 0;
    const char *z;
    size_t zn;
    while (dict_lines_next(&s, &z, &zn)) {
        dict_src src = {path, s.no};
        dict_clean_line(&line, z, zn, &in_xml, DL_KEEP_SEMICOLON);
        const char *t = line.p;
        size_t tn = line.n;
        trim(&t, &tn);
        if (tn == 0) continue;
        int whole = 0;
        if (t[0] == '+') {
            whole = 1;
            t++, tn--;
            trim(&t, &tn);
        }
        /* Every word but the last exact: "MONTHS LATER" -> "MONTHS_ LATER". */
        dbuf_reset(&phrase);
        for (size_t i = 0; i < tn;) {
            size_t w = i;
            while (i < tn && !is_blank(t[i])) i++;
            dbuf_append(&phrase, t + w, i - w);
            while (i < tn && is_blank(t[i])) i++;
            if (i < tn) dbuf_puts(&phrase, "_ ");
        }
        dict_phrase p;
        if (tn == 0 || phrase.oom || dict_split_phrase(b, phrase.p, phrase.n, &p) != 0) {
            dict_warn(b, src, whole ? "expected a phrase after '+'" : "expected a phrase");
            continue;
        }
        dict_add_discard(b, src, &p, whole);
    }
    int oom = line.oom || phrase.oom;
    dbuf_free(&line);
    dbuf_free(&phrase);
    if (oom) {
        dict_error(b, path, "out of memory");
        return -1;
    }
    return 0;
}

/* --------------------------------------------------------------- issues */

#define ISSUE_MAX_PARTS 64    /* words and '+' pieces in one phrase */
#define ISSUE_MAX_FORMS 256   /* surface forms generated from one line */

enum { J_END = 0, J_SPACE, J_PLUS };   /* what follows a part */

typedef struct ipart {
    const char *z;      /* the part, without its n:/v: marker */
    size_t n;
    char kind;          /* 0, 'n' or 'v' */
    uint8_t join;       /* J_* */
} ipart;

typedef struct iexp {
    dict_builder *b;
    dict_src src;
    const char *code, *category;
    char pos;
    ipart parts[ISSUE_MAX_PARTS];
    size_t nparts;
    dyad_buf gen;       /* the form being built, TABARI phrase syntax */
    dyad_buf seen;      /* forms emitted for this line, back to back */
    dyad_vec seen_len;  /* size_t: their lengths */
    size_t nforms;
    int full;           /* ISSUE_MAX_FORMS reached */
} iexp;

static int up(char c) { return toupper((unsigned char)c); }
static int is_vowel(int c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
static int is_cons(int c) { return c >= 'A' && c <= 'Z' && !is_vowel(c); }

/* Ends in s, x, z, ch or sh: takes -es. */
static int sibilant(const char *w, size_t n) {
    int l = up(w[n - 1]), p = n >= 2 ? up(w[n - 2]) : 0;
    return l == 'S' || l == 'X' || l == 'Z' || (l == 'H' && (p == 'C' || p == 'S'));
}

/* Consonant-vowel-consonant ending (not w, x, y): may double before -ed and
** -ing. */
static int cvc(const char *w, size_t n) {
    if (n < 3) return 0;
    int l = up(w[n - 1]), v = up(w[n - 2]), c = up(w[n - 3]);
    return is_cons(l) && l != 'W' && l != 'X' && l != 'Y' && is_vowel(v) && is_cons(c);
}

/* How -ed and -ing attach to a verb: 0 plainly; 1 doubling the last consonant
** only (one syllable: GRABBED; a final c takes k: TRAFFICKED); 2 both ways
** (longer words, where the unknown stress decides: VISITED, BEGINNING). */
static int doubling(const char *w, size_t n) {
    if (!cvc(w, n)) return 0;
    if (up(w[n - 1]) == 'C') return 1;
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(up(w[i])) && (i == 0 || !is_vowel(up(w[i - 1])))) groups++;
    return groups == 1 ? 1 : 2;
}

/* The doubled stem: w and its last consonant again (c -> ck). */
static void put_doubled(dyad_buf *out, const char *w, size_t n) {
    dbuf_append(out, w, n);
    dbuf_putc(out, up(w[n - 1]) == 'C' ? 'K' : w[n - 1]);
}

/* Append the k-th surface form of part p to out; 0 when there is none. */
static int inflect(const ipart *p, int k, dyad_buf *out) {
    const char *w = p->z;
    size_t n = p->n;
    if (k == 0) {
        dbuf_append(out, w, n);
        return 1;
    }
    if (n == 0 || p->kind == 0) return 0;
    int l = up(w[n - 1]), prev = n >= 2 ? up(w[n - 2]) : 0;
    int cons_y = l == 'Y' && is_cons(prev);
    if (p->kind == 'n') {
        if (k != 1) return 0;
        if (n >= 4 && l == 'S' && prev == 'I' && up(w[n - 3]) == 'S') {
            dbuf_append(out, w, n - 2);               /* crisis -> crises */
            dbuf_puts(out, "ES");
        } else if (cons_y) {
            dbuf_append(out, w, n - 1);
            dbuf_puts(out, "IES");
        } else {
            dbuf_append(out, w, n);
            dbuf_puts(out, sibilant(w, n) ? "ES" : "S");
        }
        return 1;
    }
    switch (k) {                                      /* 'v' */
    case 1:                                           /* -s */
        if (cons_y) {
            dbuf_append(out, w, n - 1);
            dbuf_puts(out, "IES");
        } else {
            dbuf_append(out, w, n);
            dbuf_puts(out, sibilant(w, n) || (l == 'O' && is_cons(prev)) ? "ES" : "S");
        }
        return 1;
    case 2:                                           /* -ed */
        if (cons_y) {
            dbuf_append(out, w, n - 1);
            dbuf_puts(out, "IED");
        } else if (doubling(w, n) == 1) {
            put_doubled(out, w, n);
            dbuf_puts(out, "ED");
        } else {
            dbuf_append(out, w, n);
            dbuf_puts(out, l == 'E' ? "D" : "ED");
        }
        return 1;
    case 3:                                           /* -ing */
        if (l == 'E' && prev == 'I') {
            dbuf_append(out, w, n - 2);               /* die -> dying */
            dbuf_puts(out, "YING");
        } else if (l == 'E' && n >= 3 && prev != 'E' && prev != 'O' && prev != 'Y') {
            dbuf_append(out, w, n - 1);
            dbuf_puts(out, "ING");
        } else if (doubling(w, n) == 1) {
            put_doubled(out, w, n);
            dbuf_puts(out, "ING");
        } else {
            dbuf_append(out, w, n);
            dbuf_puts(out, "ING");
        }
        return 1;
    case 4:                                           /* doubled too: -ed, -ing */
    case 5:
        if (doubling(w, n) != 2) return 0;
        put_doubled(out, w, n);
        dbuf_puts(out, k == 4 ? "ED" : "ING");
        return 1;
    default:
        return 0;
    }
}

/* Add the form in e->gen unless this line already gave it. */
static void issue_emit(iexp *e) {
    if (e->gen.oom) return;
    size_t off = 0;
    for (size_t i = 0; i < e->seen_len.n; i++) {
        size_t len = DVEC_AT(&e->seen_len, size_t, i);
        if (len == e->gen.n && memcmp(e->seen.p + off, e->gen.p, len) == 0) return;
        off += len;
    }
    if (e->nforms == ISSUE_MAX_FORMS) {
        e->full = 1;
        return;
    }
    size_t *slot = dvec_push(&e->seen_len, sizeof *slot);
    if (slot) *slot = e->gen.n;
    dbuf_append(&e->seen, e->gen.p, e->gen.n);
    e->nforms++;
    dict_phrase p;
    if (dict_split_phrase(e->b, e->gen.p, e->gen.n, &p) == 0)
        dict_add_issue(e->b, e->src, &p, e->code, e->pos, e->category);
}

/* Every combination of the forms of parts i.. after what gen holds. */
static void issue_gen(iexp *e, size_t i) {
    if (e->full) return;
    if (i == e->nparts) {
        issue_emit(e);
        return;
    }
    const ipart *p = &e->parts[i];
    for (int k = 0;; k++) {
        size_t mark = e->gen.n;
        if (!inflect(p, k, &e->gen)) break;
        if (p->join == J_END) {
            dbuf_putc(&e->gen, '_');
            issue_gen(e, i + 1);
        } else if (p->join == J_SPACE) {
            dbuf_puts(&e->gen, "_ ");
            issue_gen(e, i + 1);
        } else {
            size_t m2 = e->gen.n;
            dbuf_puts(&e->gen, "_ ");
            issue_gen(e, i + 1);
            buf_cut(&e->gen, m2);
            dbuf_putc(&e->gen, '-');
            issue_gen(e, i + 1);
        }
        buf_cut(&e->gen, mark);
    }
}

/* Split phrase z[0..n) into parts (words, '+' pieces, n:/v: markers) and add
** every form.  Returns 0, or -1 when the phrase is unusable (warned). */
static int issue_expand(iexp *e, const char *z, size_t n) {
    e->nparts = 0;
    int nn = 0, nv = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && is_blank(z[i])) i++;
        if (i >= n) break;
        size_t ws = i;
        while (i < n && !is_blank(z[i])) i++;
        size_t first = e->nparts;
        for (size_t a = ws; a < i;) {                 /* pieces of the word */
            const char *plus = memchr(z + a, '+', i - a);
            size_t pe = plus ? (size_t)(plus - z) : i;
            const char *pz = z + a;
            size_t pn = pe - a;
            char kind = 0;
            if (pn >= 2 && pz[1] == ':' && (pz[0] == 'n' || pz[0] == 'N' || pz[0] == 'v' || pz[0] == 'V')) {
                kind = (char)tolower((unsigned char)pz[0]);
                pz += 2, pn -= 2;
            }
            if (pn > 0) {
                if (e->nparts == ISSUE_MAX_PARTS) {
                    dict_warn(e->b, e->src, "phrase of more than %d words", ISSUE_MAX_PARTS);
                    return -1;
                }
                ipart *p = &e->parts[e->nparts++];
                p->z = pz;
                p->n = pn;
                p->kind = kind;
                p->join = J_PLUS;
                if (kind == 'n') nn++;
                if (kind == 'v') nv++;
            }
            a = pe + (plus ? 1 : 0);
        }
        if (e->nparts > first) e->parts[e->nparts - 1].join = J_SPACE;
    }
    if (e->nparts == 0) {
        dict_warn(e->b, e->src, "expected a phrase");
        return -1;
    }
    e->parts[e->nparts - 1].join = J_END;
    e->pos = nn && !nv ? 'n' : nv && !nn ? 'v' : 0;
    dbuf_reset(&e->gen);
    dbuf_reset(&e->seen);
    e->seen_len.n = 0;
    e->nforms = 0;
    e->full = 0;
    issue_gen(e, 0);
    if (e->full)
        dict_warn(e->b, e->src, "more than %d forms; the first %d kept", ISSUE_MAX_FORMS,
                  ISSUE_MAX_FORMS);
    return 0;
}

/* Value of attribute name in tag text z[0..n) ("CATEGORY=\"X\""), quotes
** optional; NULL when absent. */
static const char *tag_attr(const char *z, size_t n, const char *name, size_t *vn) {
    size_t k = strlen(name);
    for (size_t i = 0; i + k <= n; i++) {
        if (!dyad_ieq(z + i, k, name) || (i > 0 && !is_blank(z[i - 1]))) continue;
        size_t j = i + k;
        while (j < n && is_blank(z[j])) j++;
        if (j >= n || z[j] != '=') continue;
        j++;
        while (j < n && is_blank(z[j])) j++;
        size_t s, e;
        if (j < n && (z[j] == '"' || z[j] == '\'')) {
            char q = z[j];
            s = ++j;
            while (j < n && z[j] != q) j++;
            e = j;
        } else {
            s = j;
            while (j < n && !is_blank(z[j]) && z[j] != '>') j++;
            e = j;
        }
        *vn = e - s;
        return z + s;
    }
    return NULL;
}

/* Does any line look like an issues file ("<ISSUE" or "[")? */
static int looks_like_issues(const char *text, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '[') return 1;
        if (text[i] == '<' && n - i >= 6 && dyad_ieq(text + i, 6, "<ISSUE")) return 1;
    }
    return 0;
}

int dict_read_issues(dict_builder *b, const char *path, const char *text, size_t n) {
    if (not_text(b, path, text, n)) return -1;
    if (!looks_like_issues(text, n)) {
        int in_xml = 0, any = 0;
        dyad_buf tmp = {0};
        dict_lines s0 = {text, n, 0, 0};
        const char *z;
        size_t zn;
        while (!any && dict_lines_next(&s0, &z, &zn)) {
            dict_clean_line(&tmp, z, zn, &in_xml, DL_KEEP_SEMICOLON);
            const char *t = tmp.p;
            size_t tn = tmp.n;
            trim(&t, &tn);
            any = tn > 0 && t[0] != '~';
        }
        dbuf_free(&tmp);
        if (any) {
            dict_error(b, path, "not a PETRARCH issues file (no <ISSUE> section, no [CODE])");
            return -1;
        }
    }
    iexp e;
    memset(&e, 0, sizeof e);
    e.b = b;
    dict_lines s = {text, n, 0, 0};
    dyad_buf line = {0};
    int in_xml = 0;
    uint32_t open_line = 0;               /* line of the <ISSUE> in force, 0: none */
    const char *category = NULL;
    int nomem = 0;
    const char *z;
    size_t zn;
    while (dict_lines_next(&s, &z, &zn)) {
        dict_src src = {path, s.no};
        dict_clean_line(&line, z, zn, &in_xml, DL_KEEP_SEMICOLON);
        const char *t = line.p;
        size_t tn = line.n;
        trim(&t, &tn);
        if (tn == 0) continue;
        if (t[0] == '<') {
            if (starts_with_i(t, tn, "</ISSUE")) {
                if (!open_line) dict_warn(b, src, "</ISSUE> without <ISSUE>");
                open_line = 0;
                category = NULL;
            } else if (starts_with_i(t, tn, "<ISSUE") && (tn == 6 || is_blank(t[6]) || t[6] == '>')) {
                if (open_line)
                    dict_warn(b, src, "<ISSUE> before the </ISSUE> of line %u", open_line);
                if (t[tn - 1] != '>') dict_warn(b, src, "expected '>' to end <ISSUE ...>");
                size_t vn = 0;
                const char *v = tag_attr(t, tn, "CATEGORY", &vn);
                if (v && vn) {
                    category = dict_strndup(b, v, vn);
                } else {
                    dict_warn(b, src, "<ISSUE> without CATEGORY=\"...\"");
                    category = NULL;
                }
                open_line = s.no;
            } else {
                dict_warn(b, src, "unknown tag (expected <ISSUE CATEGORY=\"...\"> or </ISSUE>)");
            }
            continue;
        }
        const char *code;
        const char *pz;
        size_t pn;
        if (t[0] == '~') {
            int story = tn >= 2 && t[1] == '~';
            code = story ? "~~" : "~";
            pz = t + (story ? 2 : 1);
            pn = tn - (story ? 2 : 1);
            const char *br = memchr(pz, '[', pn);
            if (br) {
                dict_warn(b, src, "an exclusion phrase takes no [CODE]; the code is ignored");
                pn = (size_t)(br - pz);
            }
        } else {
            const char *open = memchr(t, '[', tn);
            if (!open) {
                dict_warn(b, src, "expected PHRASE [CODE]");
                continue;
            }
            size_t rest = tn - (size_t)(open - t) - 1;
            const char *close = memchr(open + 1, ']', rest);
            if (!close) {
                dict_warn(b, src, "unclosed [ (expected PHRASE [CODE])");
                continue;
            }
            const char *c = open + 1;
            size_t cn = (size_t)(close - c);
            trim(&c, &cn);
            if (cn == 0) {
                dict_warn(b, src, "empty [] (expected PHRASE [CODE])");
                continue;
            }
            const char *after = close + 1;
            size_t an = tn - (size_t)(after - t);
            trim(&after, &an);
            if (an)
                dict_warn(b, src, "text after [%.*s] ignored: \"%.*s\"", (int)cn, c,
                          (int)(an > 60 ? 60 : an), after);
            code = dict_strndup(b, c, cn);
            if (!code) {
                nomem = 1;
                break;
            }
            pz = t;
            pn = (size_t)(open - t);
        }
        trim(&pz, &pn);
        e.src = src;
        e.code = code;
        e.category = category;
        if (pn == 0) {
            dict_warn(b, src, t[0] == '~' ? "expected a phrase after ~" : "expected a phrase before [CODE]");
            continue;
        }
        issue_expand(&e, pz, pn);
    }
    if (open_line) {
        dict_src src = {path, open_line};
        dict_warn(b, src, "<ISSUE> section not closed by </ISSUE>");
    }
    int oom = nomem || line.oom || e.gen.oom || e.seen.oom || e.seen_len.oom;
    dbuf_free(&line);
    dbuf_free(&e.gen);
    dbuf_free(&e.seen);
    dvec_free(&e.seen_len);
    if (oom) {
        dict_error(b, path, "out of memory");
        return -1;
    }
    return 0;
}

/* -------------------------------------------------------------- options */

enum { OPT_KEYVAL, OPT_LABEL, OPT_REST };

/* TABARI option directives.  Table, not a ladder: one row per directive. */
static const struct {
    const char *name;
    int shape;          /* OPT_* */
} opt_directives[] = {
    {"SET", OPT_KEYVAL},
    {"LABEL", OPT_LABEL},
    {"COMPLEX", OPT_REST},
    {"OUTPUT", OPT_REST},
    {"FORWARD", OPT_REST},
    {"DEFAULT", OPT_REST},
    {"COMMA", OPT_REST},
};

/* Directive of the line z[0..n) ("SET:" ...): its row, or -1. */
static int opt_directive(const char *z, size_t n, size_t *after) {
    const char *colon = memchr(z, ':', n);
    if (!colon) return -1;
    const char *d = z;
    size_t dn = (size_t)(colon - z);
    trim(&d, &dn);
    for (size_t i = 0; i < sizeof opt_directives / sizeof *opt_directives; i++)
        if (dyad_ieq(d, dn, opt_directives[i].name)) {
            *after = (size_t)(colon - z) + 1;
            return (int)i;
        }
    return -1;
}

/* Append z[0..n) to out with runs of blanks made one space; upper-cased when
** upper. */
static void put_squeezed(dyad_buf *out, const char *z, size_t n, int upper) {
    trim(&z, &n);
    for (size_t i = 0; i < n; i++) {
        if (is_blank(z[i])) {
            if (!is_blank(z[i - 1])) dbuf_putc(out, ' ');
            continue;
        }
        dbuf_putc(out, upper ? (char)up(z[i]) : z[i]);
    }
}

/* Line z[0..n) without "//" comments (at the start, or after a blank). */
static size_t opt_uncomment(const char *z, size_t n) {
    for (size_t i = 0; i + 1 < n; i++)
        if (z[i] == '/' && z[i + 1] == '/' && (i == 0 || is_blank(z[i - 1]))) return i;
    return n;
}

static int opt_is_end(const char *z, size_t n) { return n >= 2 && z[0] == '~' && z[1] == '~'; }

int dict_read_options(dict_builder *b, const char *path, const char *text, size_t n) {
    if (not_text(b, path, text, n)) return -1;
    dict_lines s = {text, n, 0, 0};
    const char *z;
    size_t zn, after;
    int any = 0, content = 0;
    while (!any && dict_lines_next(&s, &z, &zn)) {   /* is it an options file at all? */
        zn = opt_uncomment(z, zn);
        trim(&z, &zn);
        if (opt_is_end(z, zn)) break;
        if (zn) content = 1;
        any = opt_directive(z, zn, &after) >= 0;
    }
    if (content && !any) {
        dict_error(b, path, "not a TABARI options file (no SET:, LABEL:, COMPLEX:, OUTPUT:, FORWARD:, DEFAULT: or COMMA: line)");
        return -1;
    }
    dyad_buf key = {0}, val = {0};
    s = (dict_lines){text, n, 0, 0};
    while (dict_lines_next(&s, &z, &zn)) {
        dict_src src = {path, s.no};
        zn = opt_uncomment(z, zn);
        trim(&z, &zn);
        if (zn == 0) continue;
        if (opt_is_end(z, zn)) break;
        int d = opt_directive(z, zn, &after);
        if (d < 0) {
            const char *colon = memchr(z, ':', zn);
            if (colon)
                dict_warn(b, src, "unknown directive \"%.*s:\" (expected SET:, LABEL:, COMPLEX:, OUTPUT:, FORWARD:, DEFAULT: or COMMA:)",
                          (int)((size_t)(colon - z) > 40 ? 40 : (size_t)(colon - z)), z);
            else
                dict_warn(b, src, "expected DIRECTIVE: ... (SET:, LABEL:, COMPLEX:, OUTPUT:, FORWARD:, DEFAULT: or COMMA:)");
            continue;
        }
        const char *r = z + after;
        size_t rn = zn - after;
        trim(&r, &rn);
        dbuf_reset(&key);
        dbuf_reset(&val);
        dbuf_puts(&key, opt_directives[d].name);
        int shape = opt_directives[d].shape;
        if (shape == OPT_REST) {
            put_squeezed(&val, r, rn, 0);
        } else {
            const char *eq = memchr(r, '=', rn);
            size_t kn = eq ? (size_t)(eq - r) : rn;
            const char *k = r;
            trim(&k, &kn);
            if (kn == 0 || (shape == OPT_LABEL && !eq)) {
                dict_warn(b, src, shape == OPT_LABEL ? "expected LABEL: CODE=TEXT"
                                                     : "expected SET: KEY = VALUE");
                continue;
            }
            dbuf_putc(&key, ':');
            put_squeezed(&key, k, kn, 1);
            if (eq) put_squeezed(&val, eq + 1, rn - (size_t)(eq + 1 - r), 0);
        }
        if (key.oom || val.oom) break;
        dict_add_option(b, src, key.p, val.p ? val.p : "");
    }
    int oom = key.oom || val.oom;
    dbuf_free(&key);
    dbuf_free(&val);
    if (oom) {
        dict_error(b, path, "out of memory");
        return -1;
    }
    return 0;
}
