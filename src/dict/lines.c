/*
** lines.c - the dictionary readers' line scanner and comment stripping
** (see lines.h).
*/
#include "lines.h"

int dict_lines_next(dict_lines *s, const char **z, size_t *n) {
    if (s->i >= s->n) return 0;
    size_t a = s->i;
    const char *nl = memchr(s->z + a, '\n', s->n - a);
    size_t e = nl ? (size_t)(nl - s->z) : s->n;
    s->i = nl ? e + 1 : s->n;
    s->no++;
    if (s->no == 1 && e - a >= 3 && memcmp(s->z + a, "\xEF\xBB\xBF", 3) == 0) a += 3;  /* BOM */
    if (e > a && s->z[e - 1] == '\r') e--;
    *z = s->z + a;
    *n = e - a;
    return 1;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Index after the "-->" in z[i..n), or n + 1 when there is none. */
static size_t comment_end(const char *z, size_t i, size_t n) {
    for (; i + 3 <= n; i++)
        if (z[i] == '-' && z[i + 1] == '-' && z[i + 2] == '>') return i + 3;
    return n + 1;
}

void dict_clean_line(dyad_buf *o, const char *z, size_t n, int *in_comment, unsigned flags) {
    dbuf_reset(o);
    if (dbuf_reserve(o, n)) return;
    size_t i = 0;
    if (*in_comment) {
        i = comment_end(z, 0, n);
        if (i > n) return;
        *in_comment = 0;
    }
    while (i < n && is_space(z[i])) i++;
    if (i + 1 < n && z[i] == '<' && z[i + 1] == '!' &&
        !(i + 3 < n && z[i + 2] == '-' && z[i + 3] == '-'))
        return;   /* "<! -- ... -->" and other "<!" lines: PETRARCH skips them */
    char *p = o->p;
    size_t k = 0;
    int inb = 0;   /* inside [...] */
    for (; i < n; i++) {
        char c = z[i];
        if (c == ';' && !(flags & DL_KEEP_SEMICOLON)) break;  /* TABARI comment */
        if (inb) {
            if (c == ']') inb = 0;
        } else if (c == '#') {
            break;                                 /* PETRARCH comment */
        } else if (c == '<' && i + 3 < n && z[i + 1] == '!' && z[i + 2] == '-' && z[i + 3] == '-') {
            size_t e = comment_end(z, i + 4, n);
            if (e > n) { *in_comment = 1; break; }
            i = e - 1;
            c = ' ';
        } else if (c == '[' && (flags & DL_HASH_IN_BRACKETS)) {
            inb = 1;
        }
        p[k++] = c;
    }
    while (k > 0 && is_space(p[k - 1])) k--;
    size_t s = 0;
    while (s < k && is_space(p[s])) s++;
    if (s) memmove(p, p + s, k - s);
    k -= s;
    p[k] = 0;
    o->n = k;
}
