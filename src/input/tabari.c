/*
** tabari.c - TABARI text records (the KEDS/TABARI validation-suite and
** coding-input format):
**
**     # comment lines outside records
**     950101  DEMO-01  [more header fields, ignored]
**     Arnor is about to restore full diplomatic ties with Gondor
**     almost five years after crowds trashed its embassy.
**     /\*\n---------------------------
**     \n{ ARN / GON / 064 } *\/
**     <blank line>
**
** Each record is one story: a header line "YYMMDD ID" (TABARI's "SET: YYYY
** = TRUE" form "YYYYMMDD ID" is read too), then text lines up to a blank
** line.  A "/\*" anywhere in the text ends the text and opens a comment that
** holds the expected coding; it runs to "*\/" or, when never closed (the
** validation file has two such), to the blank line that ends the record.
** After a closed comment, lines up to the blank line are ignored, except
** that a header line there starts the next record.  Outside records, blank
** lines, '#' lines, stray "/\* ... *\/" blocks and any other line that does
** not start with a digit are skipped.
**
** Story fields: id = the first token after the date (TABARI itself uses the
** whole rest of the line; the extra fields are FBIS document ids), date,
** text = the record text with its line breaks (copied into r->text, so it is
** NUL-terminated), one BODY segment over all of it, single_sentence = 1,
** expected = the comment between "/\*" and "*\/", trimmed (NULL when there is
** no comment), line = the header line.
**
** Two-digit years: YY < 30 is 20YY, otherwise 19YY (window 1930..2029).
** TABARI's own conversion (MakeJulian in utilities.cp) was not available to
** check; this window reads every date of the TABARI validation suite
** (1978..1999, 2000..2006) as intended, and KEDS/TABARI-era data sets begin
** in the late 1970s.
**
** ("/\*" and "*\/" in the comments of this file stand for slash-star and
** star-slash.)
**
** Errors: a header whose date is not 6 or 8 digits or names no real day, a
** header without an id, or a record without text is returned as a story
** with status DYAD_FORMAT and a message naming the file and line; reading
** goes on with the next record.
*/
#include "input.h"

#define TB_CENTURY_CUTOFF 30   /* YY < 30 -> 20YY */

/* One line of r->all: bytes [b, e) without the '\n' (a '\r' stays),
** next = the index of the following line. */
typedef struct tb_line {
    size_t b, e, next;
} tb_line;

static int tb_is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
static int tb_is_digit(char c) { return c >= '0' && c <= '9'; }

/* The line at r->pos; 0 at the end of input. */
static int tb_line_at(const dyad_reader *r, size_t pos, tb_line *ln) {
    if (pos >= r->all_len) return 0;
    const char *nl = memchr(r->all + pos, '\n', r->all_len - pos);
    ln->b = pos;
    ln->e = nl ? (size_t)(nl - r->all) : r->all_len;
    ln->next = nl ? ln->e + 1 : r->all_len;
    return 1;
}

/* Move to the next line, keeping pos_line in step. */
static void tb_advance(dyad_reader *r, const tb_line *ln) {
    r->pos = ln->next;
    r->pos_line++;
}

static int tb_blank(const char *z, const tb_line *ln) {
    for (size_t i = ln->b; i < ln->e; i++)
        if (!tb_is_space(z[i])) return 0;
    return 1;
}

/* Position of needle (2 bytes) in z[b, e), or e. */
static size_t tb_find2(const char *z, size_t b, size_t e, char c0, char c1) {
    for (size_t i = b; i + 1 < e; i++)
        if (z[i] == c0 && z[i + 1] == c1) return i;
    return e;
}

/* Does the line look like a record header: a run of digits, blanks, then a
** token? */
static int tb_is_header(const char *z, const tb_line *ln) {
    size_t i = ln->b;
    while (i < ln->e && tb_is_digit(z[i])) i++;
    if (i == ln->b || i >= ln->e || (z[i] != ' ' && z[i] != '\t')) return 0;
    while (i < ln->e && tb_is_space(z[i])) i++;
    return i < ln->e;
}

/* Skip a "/\* ... *\/" block that starts on the current line (outside a
** record): through the line holding "*\/", or up to a blank line. */
static void tb_skip_comment(dyad_reader *r, const tb_line *first) {
    tb_line ln = *first;
    size_t from = tb_find2(r->all, ln.b, ln.e, '/', '*') + 2;
    for (;;) {
        if (from <= ln.e && tb_find2(r->all, from, ln.e, '*', '/') < ln.e) { tb_advance(r, &ln); return; }
        tb_advance(r, &ln);
        if (!tb_line_at(r, r->pos, &ln) || tb_blank(r->all, &ln)) return;
        from = ln.b;
    }
}

/* Trim whitespace from both ends of z[*b, *e). */
static void tb_trim(const char *z, size_t *b, size_t *e) {
    while (*b < *e && tb_is_space(z[*b])) (*b)++;
    while (*e > *b && tb_is_space(z[*e - 1])) (*e)--;
}

/* Parse the header's date token z[b, e) into *d; 0 if it is not one. */
static int tb_date(const char *z, size_t b, size_t e, dyad_date *d) {
    size_t n = e - b;
    int v[4] = {0, 0, 0, 0};          /* century, year, month, day as pairs */
    if (n != 6 && n != 8) return 0;
    for (size_t i = b; i < e; i++)
        if (!tb_is_digit(z[i])) return 0;
    size_t p = 0, i = b;
    if (n == 6) p = 1;
    for (; i < e; i += 2, p++) v[p] = (z[i] - '0') * 10 + (z[i + 1] - '0');
    int year = n == 8 ? v[0] * 100 + v[1]
                      : (v[1] < TB_CENTURY_CUTOFF ? 2000 + v[1] : 1900 + v[1]);
    if (year < 1 || v[2] < 1 || v[2] > 12 || v[3] < 1 || v[3] > dyad_days_in_month(year, v[2]))
        return 0;
    d->year = (int16_t)year;
    d->month = (int8_t)v[2];
    d->day = (int8_t)v[3];
    return 1;
}

/* Read the header on line hd; sets id and date or an error on the story. */
static void tb_header(dyad_reader *r, const tb_line *hd) {
    const char *z = r->all;
    dyad_story *st = &r->story;
    unsigned long long line = (unsigned long long)st->line;
    size_t i = hd->b;
    while (i < hd->e && !tb_is_space(z[i])) i++;
    size_t date_e = i;
    while (i < hd->e && tb_is_space(z[i])) i++;
    size_t id_b = i;
    while (i < hd->e && !tb_is_space(z[i])) i++;
    if (i > id_b) st->id = arena_strndup(&r->arena, z + id_b, i - id_b);
    int dlen = (int)(date_e - hd->b > 40 ? 40 : date_e - hd->b);
    if (!tb_date(z, hd->b, date_e, &st->date)) {
        rd_story_error(r, DYAD_FORMAT,
                       "%s: line %llu: record date \"%.*s\" is not a YYMMDD or YYYYMMDD date",
                       r->name, line, dlen, z + hd->b);
        return;
    }
    if (i == id_b)
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: record header has no id after the date",
                       r->name, line);
}

dyad_status rd_tabari_next(dyad_reader *r) {
    if (!r->started) {
        if (rd_slurp(r, RD_FILE_LIMIT)) return DYAD_IO;
        r->started = 1;
    }
    const char *z;
    tb_line ln;

    /* Find the next header line. */
    for (;;) {
        if (!tb_line_at(r, r->pos, &ln)) return DYAD_DONE;
        z = r->all;
        if (tb_is_digit(z[ln.b])) break;
        size_t i = ln.b;
        while (i < ln.e && (z[i] == ' ' || z[i] == '\t')) i++;
        if (i + 1 < ln.e && z[i] == '/' && z[i + 1] == '*') { tb_skip_comment(r, &ln); continue; }
        tb_advance(r, &ln);            /* blank, '#' comment or stray text */
    }

    rd_story_reset(r);
    dyad_story *st = &r->story;
    st->line = r->pos_line;
    st->single_sentence = 1;
    tb_line hd = ln;
    tb_advance(r, &ln);

    /* Text, then the comment. */
    enum { TB_TEXT, TB_COMMENT, TB_AFTER } state = TB_TEXT;
    size_t text_b = r->pos, text_e = r->pos;
    size_t com_b = 0, com_e = 0;
    int have_comment = 0, comment_closed = 0;
    while (tb_line_at(r, r->pos, &ln)) {
        if (tb_blank(z, &ln)) break;
        if (state == TB_AFTER && tb_is_header(z, &ln)) break;
        size_t from = ln.b;
        if (state == TB_TEXT) {
            size_t c = tb_find2(z, ln.b, ln.e, '/', '*');
            text_e = c;
            if (c < ln.e) {
                state = TB_COMMENT;
                have_comment = 1;
                com_b = com_e = c + 2;
                from = c + 2;
            }
        }
        if (state == TB_COMMENT) {
            size_t c = tb_find2(z, from, ln.e, '*', '/');
            com_e = c;
            if (c < ln.e) { state = TB_AFTER; comment_closed = 1; }
        }
        tb_advance(r, &ln);
    }

    tb_header(r, &hd);
    unsigned long long line = (unsigned long long)st->line;
    if (have_comment) {
        tb_trim(z, &com_b, &com_e);
        if (com_e > com_b) st->expected = arena_strndup(&r->arena, z + com_b, com_e - com_b);
        if (!comment_closed)
            rd_story_warn(r, "%s: line %llu: comment \"/*\" is not closed by \"*/\" before the end of the record",
                          r->name, line);
    }
    tb_trim(z, &text_b, &text_e);
    dbuf_reset(&r->text);
    dbuf_append(&r->text, z + text_b, text_e - text_b);
    st->text = r->text.p ? r->text.p : "";
    st->text_len = text_e - text_b;
    if (st->status == DYAD_OK) {
        if (st->text_len == 0)
            rd_story_error(r, DYAD_FORMAT, "%s: line %llu: record %s has no text", r->name, line,
                           st->id);
        else
            rd_add_segment(r, 0, st->text_len, DYAD_SEG_BODY);
    }
    rd_story_finish(r);
    return DYAD_OK;
}
