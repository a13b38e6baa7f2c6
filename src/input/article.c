/*
** article.c - plain-text article reader: the whole file is one story.
**
** The reader splits the file into paragraphs (blank-line separated) and
** classifies them: the headline (a first single-line paragraph without a
** sentence end mark, or in capitals), byline and date lines ("By X | October
** 15, 2014 | 4:14am EDT", a bare date), photo credits ("(Photo: State
** Department)" at the end of a caption), and site footers (short trailing
** paragraphs without an end mark, "MRC Store").  Everything else is body
** text.  Offsets stay those of the file as read; nothing is copied.  The
** first date in a byline or date line is the story date.
*/
#include "input.h"

#include <ctype.h>
#include <stdio.h>
#include <strings.h>

typedef struct para {
    size_t start, end;      /* trimmed paragraph [start, end) */
    int lines;              /* number of lines */
    int kind;               /* DYAD_SEG_* */
} para;

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Count words (whitespace-separated) in z[0..n). */
static int count_words(const char *z, size_t n) {
    int w = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = is_space(z[i]) || z[i] == '\n';
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

/* Does z[0..n) end with a sentence end mark (possibly before closing quotes
** or brackets)? */
static int ends_sentence(const char *z, size_t n) {
    while (n > 0) {
        unsigned char c = (unsigned char)z[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') { n--; continue; }
        /* ” ’ (E2 80 9D / 99) */
        if (n >= 3 && (unsigned char)z[n - 3] == 0xE2 && (unsigned char)z[n - 2] == 0x80 &&
            (c == 0x9D || c == 0x99)) { n -= 3; continue; }
        break;
    }
    if (n == 0) return 0;
    char c = z[n - 1];
    if (c == '.' || c == '!' || c == '?') return 1;
    /* … (E2 80 A6) */
    return n >= 3 && (unsigned char)z[n - 3] == 0xE2 && (unsigned char)z[n - 2] == 0x80 &&
           (unsigned char)z[n - 1] == 0xA6;
}

/* Mostly capitals: at least 4 letters and no lower-case ASCII letter. */
static int in_capitals(const char *z, size_t n) {
    int upper = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)z[i];
        if (c >= 'a' && c <= 'z') return 0;
        if (c >= 'A' && c <= 'Z') upper++;
    }
    return upper >= 4;
}

/* Is z[0..n) a date line: a date, optionally a weekday, a time and a zone,
** "Published:"/"Updated:" prefixes?  Fills *d with the date. */
static int date_line(const char *z, size_t n, dyad_date *d) {
    static const char *const prefixes[] = {"Published:", "Published", "Updated:", "Updated",
                                           "Posted:", "Posted on", "Posted", "Date:", NULL};
    size_t i = 0;
    for (int p = 0; prefixes[p]; p++) {
        size_t k = strlen(prefixes[p]);
        if (n >= k && memcmp(z, prefixes[p], k) == 0) { i = k; break; }
    }
    while (i < n && is_space(z[i])) i++;
    size_t used = rd_textdate(z + i, n - i, d);
    if (!used || d->year == 0) return 0;
    i += used;
    /* Allow a time and zone after the date: digits, ':', "am/pm", capitals,
    ** '|', ',', '-', '/', '(', ')' and spaces. */
    int words = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)z[i];
        if (isdigit(c) || c == ':' || c == ',' || c == '|' || c == '-' || c == '/' ||
            c == '(' || c == ')' || c == '.' || is_space((char)c))
            continue;
        if (isalpha(c)) {
            size_t j = i;
            while (j < n && isalpha((unsigned char)z[j])) j++;
            if (j - i <= 4) { i = j - 1; if (++words > 4) return 0; continue; }
        }
        return 0;
    }
    return 1;
}

/* A byline: "By Name" (with optional "|"-separated parts).  Fills *d with
** the first date among the parts (year 0 when none). */
static int byline(const char *z, size_t n, dyad_date *d) {
    d->year = 0;
    if (n < 4 || !(z[0] == 'B' || z[0] == 'b') || z[1] != 'y' || z[2] != ' ') return 0;
    size_t i = 3;
    while (i < n && is_space(z[i])) i++;
    if (i >= n || !isupper((unsigned char)z[i])) return 0;
    if (count_words(z, n) > 30) return 0;
    /* The name part should not read like a sentence. */
    for (size_t j = i; j < n; j++) {
        if (z[j] == '|') break;
        if (z[j] == '.' && j + 1 < n && z[j + 1] == ' ' && j > 0 && islower((unsigned char)z[j - 1]))
            return 0;
    }
    /* Look for a date after each '|' or ','. */
    for (size_t j = i; j < n; j++) {
        if (z[j] != '|' && z[j] != ',' && !(j == i)) continue;
        size_t k = j + (j == i ? 0 : 1);
        while (k < n && is_space(z[k])) k++;
        dyad_date t;
        if (rd_textdate(z + k, n - k, &t) && t.year) { *d = t; break; }
    }
    return 1;
}

/* A photo credit at the end of z[0..n)?  Returns its start, or n. */
static size_t credit_start(const char *z, size_t n) {
    static const char *const heads[] = {
        "Photo:", "Photo by", "Photos:", "Photo credit", "Photograph:", "Image:", "Picture:",
        "Credit:", "AP Photo", "AFP Photo", "Reuters Photo", "EPA Photo", "File photo",
        "File Photo", "Reuters/", "AP/", "AFP/", "Getty Images", "Photo courtesy", NULL};
    size_t e = n;
    while (e > 0 && is_space(z[e - 1])) e--;
    if (e == 0 || z[e - 1] != ')') return n;
    size_t open = e - 1;
    while (open > 0 && z[open] != '(') open--;
    if (z[open] != '(') return n;
    const char *in = z + open + 1;
    size_t m = e - 1 - (open + 1);
    for (int h = 0; heads[h]; h++) {
        size_t k = strlen(heads[h]);
        if (m >= k && strncasecmp(in, heads[h], k) == 0) return open;
    }
    return n;
}

static int is_furniture(const char *z, size_t n) {
    static const char *const words[] = {"Advertisement", "ADVERTISEMENT", "Share this article",
                                        "Read more", "Related", "Related:", "Print", NULL};
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == n && memcmp(z, words[i], n) == 0) return 1;
    return 0;
}

dyad_status rd_article_next(dyad_reader *r) {
    if (r->started) return DYAD_DONE;
    r->started = 1;
    rd_story_reset(r);
    dyad_story *st = &r->story;
    st->line = 1;
    const char *slash = strrchr(r->name, '/');
    st->id = slash ? slash + 1 : r->name;
    if (rd_slurp(r, r->opt.max_story) < 0) {
        rd_story_error(r, DYAD_IO, "%s", r->errmsg);
        r->errmsg[0] = 0;
        rd_story_finish(r);
        return DYAD_OK;
    }
    const char *z = r->all;
    size_t n = r->all_len;
    st->text = z;
    st->text_len = n;
    if (n == 0) return DYAD_DONE;        /* an empty file holds no story */

    /* Paragraphs. */
    dyad_vec paras = {0};
    size_t i = 0;
    if (n >= 3 && (unsigned char)z[0] == 0xEF && (unsigned char)z[1] == 0xBB &&
        (unsigned char)z[2] == 0xBF)
        i = 3;
    while (i < n) {
        /* skip blank lines */
        size_t ls = i;
        while (ls < n) {
            size_t q = ls;
            while (q < n && is_space(z[q])) q++;
            if (q < n && z[q] != '\n') break;
            ls = q < n ? q + 1 : n;
        }
        if (ls >= n) break;
        size_t pe = ls;
        int lines = 0;
        for (;;) {
            const char *nl = memchr(z + pe, '\n', n - pe);
            size_t le = nl ? (size_t)(nl - z) : n;
            lines++;
            pe = le;
            if (!nl) break;
            size_t q = le + 1;
            while (q < n && is_space(z[q])) q++;
            if (q >= n || z[q] == '\n') break;   /* blank line ends it */
            pe = le + 1;
        }
        size_t ps = ls, pend = pe;
        while (ps < pend && is_space(z[ps])) ps++;
        while (pend > ps && (is_space(z[pend - 1]) || z[pend - 1] == '\n')) pend--;
        para *p = dvec_push(&paras, sizeof *p);
        if (!p) break;
        p->start = ps;
        p->end = pend;
        p->lines = lines;
        p->kind = DYAD_SEG_BODY;
        i = pe;
    }
    para *pv = paras.p;
    size_t np = paras.n;

    /* Headline: the first paragraph, one line, no end mark (or capitals). */
    size_t first = 0;
    if (np > 0) {
        para *p = &pv[0];
        size_t len = p->end - p->start;
        dyad_date d;
        if (p->lines == 1 && count_words(z + p->start, len) <= 30 &&
            !byline(z + p->start, len, &d) && !date_line(z + p->start, len, &d) &&
            (!ends_sentence(z + p->start, len) || in_capitals(z + p->start, len))) {
            p->kind = DYAD_SEG_HEADLINE;
            st->title = arena_strndup(&r->arena, z + p->start, len);
            first = 1;
        }
    }
    /* Bylines and date lines among the next paragraphs (before the body). */
    for (size_t k = first; k < np && k < first + 4; k++) {
        para *p = &pv[k];
        size_t ls = p->start;
        int all = 1;
        dyad_date found = {0, 0, 0};
        while (ls < p->end) {
            const char *nl = memchr(z + ls, '\n', p->end - ls);
            size_t le = nl ? (size_t)(nl - z) : p->end;
            size_t e = le;
            while (e > ls && is_space(z[e - 1])) e--;
            dyad_date d = {0, 0, 0};
            if (!byline(z + ls, e - ls, &d) && !date_line(z + ls, e - ls, &d)) { all = 0; break; }
            if (!found.year && d.year) found = d;
            ls = le + 1;
        }
        if (!all) break;
        p->kind = DYAD_SEG_BYLINE;
        if (!st->date.year && found.year) st->date = found;
    }
    /* Footers: short trailing paragraphs without an end mark. */
    for (size_t k = np; k > first + 1; k--) {
        para *p = &pv[k - 1];
        size_t len = p->end - p->start;
        if (p->kind != DYAD_SEG_BODY || p->lines > 1 || count_words(z + p->start, len) > 5 ||
            ends_sentence(z + p->start, len))
            break;
        p->kind = DYAD_SEG_FOOTER;
    }
    /* Segments, with photo credits split off and furniture dropped. */
    for (size_t k = 0; k < np; k++) {
        para *p = &pv[k];
        if (p->kind == DYAD_SEG_BODY) {
            if (is_furniture(z + p->start, p->end - p->start)) {
                rd_add_segment(r, p->start, p->end, DYAD_SEG_FOOTER);
                continue;
            }
            size_t c = credit_start(z + p->start, p->end - p->start);
            size_t cut = p->start + c;
            size_t be = cut;
            while (be > p->start && is_space(z[be - 1])) be--;
            rd_add_segment(r, p->start, be, DYAD_SEG_BODY);
            rd_add_segment(r, cut, p->end, DYAD_SEG_CREDIT);
        } else {
            rd_add_segment(r, p->start, p->end, p->kind);
        }
    }
    dvec_free(&paras);
    rd_story_finish(r);
    return DYAD_OK;
}
