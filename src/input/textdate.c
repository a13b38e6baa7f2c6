/*
** textdate.c - dates as news text writes them ("October 15, 2014",
** "Oct. 15", "15 Oct 2014", "Wednesday, October 15, 2014", "2014-10-15",
** "10/15/2014"), recognised at the start of a span.  Used for datelines and
** bylines.
**
** Contract (see input.h): rd_textdate() returns the bytes of the date at the
** start of z[0..n), or 0 with *out set to the null date.  The parse never
** reads past z[n-1].  Rules:
**   - A month name must be capitalised ("May 5" is a date, "may 5" is not)
**     and must be a whole word ("Marching" is not "March"); the rest of the
**     name is matched case-insensitively ("OCT. 15" is fine).  Abbreviations
**     may carry a period ("Sept. 3").
**   - A month name needs a number after it: a day ("May 5", "May 5th") or a
**     4-digit year ("October 2014": day 0).  "May be" is not a date.
**   - Day first: "15 October 2014", "15 Oct".
**   - An optional weekday may lead ("Wed, 15 Oct 2014"); a weekday alone is
**     not a date.
**   - Numeric forms: YYYY-MM-DD (or YYYY/MM/DD, and an ISO time may follow:
**     "2014-10-15T08:00Z") and US-order M/D/YYYY; both need a 4-digit year.
**   - The date must name a real day (Feb 29 only in leap years; without a
**     year, Feb 29 is allowed).  Years are 1000..9999; year 0 = not given.
**   - The bytes consumed end at the last component: a comma that is not
**     followed by a year, and a period after a final month abbreviation
**     ("15 Oct."), are not consumed.
*/
#include "input.h"

/* ------------------------------------------------------------- name tables */

typedef struct td_name {
    const char *name;   /* spelling, matched case-insensitively after the
                        ** capital first letter */
    int value;          /* month 1..12, or weekday 1..7 */
    int abbrev;         /* 1: an abbreviation, which may take a period */
} td_name;

static const td_name month_names[] = {
    {"January", 1, 0},   {"February", 2, 0}, {"March", 3, 0},    {"April", 4, 0},
    {"May", 5, 0},       {"June", 6, 0},     {"July", 7, 0},     {"August", 8, 0},
    {"September", 9, 0}, {"October", 10, 0}, {"November", 11, 0}, {"December", 12, 0},
    {"Jan", 1, 1},  {"Feb", 2, 1},  {"Mar", 3, 1},  {"Apr", 4, 1},
    {"Jun", 6, 1},  {"Jul", 7, 1},  {"Aug", 8, 1},  {"Sep", 9, 1},
    {"Sept", 9, 1}, {"Oct", 10, 1}, {"Nov", 11, 1}, {"Dec", 12, 1},
};

static const td_name weekday_names[] = {
    {"Monday", 1, 0}, {"Tuesday", 2, 0}, {"Wednesday", 3, 0}, {"Thursday", 4, 0},
    {"Friday", 5, 0}, {"Saturday", 6, 0}, {"Sunday", 7, 0},
    {"Mon", 1, 1},  {"Tue", 2, 1},   {"Tues", 2, 1},  {"Wed", 3, 1},
    {"Thu", 4, 1},  {"Thur", 4, 1},  {"Thurs", 4, 1}, {"Fri", 5, 1},
    {"Sat", 6, 1},  {"Sun", 7, 1},
};

#define NELEM(a) (sizeof(a) / sizeof *(a))

/* ---------------------------------------------------------------- scanning */

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_alnum(char c) { return is_digit(c) || is_alpha(c); }

/* Bytes of whitespace at z[i..n): spaces, tabs, line breaks and NBSP. */
static size_t td_space(const char *z, size_t n, size_t i) {
    size_t j = i;
    while (j < n) {
        if (z[j] == ' ' || z[j] == '\t' || z[j] == '\n' || z[j] == '\r') j++;
        else if (j + 1 < n && (unsigned char)z[j] == 0xC2 && (unsigned char)z[j + 1] == 0xA0) j += 2;
        else break;
    }
    return j - i;
}

/* Digits at z[i..n); returns their count (at most max + 1, so that callers
** can tell "too many") and their value in *v. */
static size_t td_digits(const char *z, size_t n, size_t i, size_t max, int *v) {
    size_t k = 0;
    int val = 0;
    while (i + k < n && is_digit(z[i + k]) && k <= max) {
        if (k < max) val = val * 10 + (z[i + k] - '0');
        k++;
    }
    *v = val;
    return k;
}

/* A capitalised name from table t at z[i..n): the whole run of letters must
** be one of the names.  Returns the bytes matched (with a period after an
** abbreviation when allow_period), 0 if none; *value gets the table value
** and *period whether a period was taken. */
static size_t td_name_at(const char *z, size_t n, size_t i, const td_name *t, size_t nt,
                         int *value, int *period) {
    size_t k = 0;
    *period = 0;
    if (i >= n || z[i] < 'A' || z[i] > 'Z') return 0;
    while (i + k < n && is_alpha(z[i + k])) k++;
    if (i + k < n && is_digit(z[i + k])) return 0;        /* "Oct15x" */
    for (size_t j = 0; j < nt; j++) {
        if (!dyad_ieq(z + i, k, t[j].name)) continue;
        *value = t[j].value;
        if (t[j].abbrev && i + k < n && z[i + k] == '.') { *period = 1; k++; }
        return k;
    }
    return 0;
}

/* A day number "15", "5th", "1st" at z[i..n) that ends a word.  Returns the
** bytes, 0 if none. */
static size_t td_day(const char *z, size_t n, size_t i, int *day) {
    size_t k = td_digits(z, n, i, 2, day);
    if (k == 0 || k > 2 || *day == 0) return 0;
    if (i + k + 1 < n && is_alpha(z[i + k])) {
        static const char *const suffix[] = {"st", "nd", "rd", "th"};
        int ok = 0;
        for (size_t j = 0; j < NELEM(suffix); j++)
            if (dyad_ieq(z + i + k, 2, suffix[j])) ok = 1;
        if (!ok) return 0;
        k += 2;
    }
    if (i + k < n && is_alnum(z[i + k])) return 0;
    return k;
}

/* A 4-digit year at z[i..n) that ends a word; 0 if none. */
static size_t td_year(const char *z, size_t n, size_t i, int *year) {
    size_t k = td_digits(z, n, i, 4, year);
    if (k != 4 || *year < 1000 || (i + k < n && is_alnum(z[i + k]))) {
        *year = 0;
        return 0;
    }
    return k;
}

/* After a day or month at z[i]: an optional ", YYYY" or " YYYY".  Returns
** the bytes of that tail (0 when there is no year) and sets *year (0 when
** there is none). */
static size_t td_year_tail(const char *z, size_t n, size_t i, int *year) {
    size_t j = i;
    *year = 0;
    if (j < n && z[j] == ',') j++;
    size_t sp = td_space(z, n, j);
    if (sp == 0) return 0;
    j += sp;
    size_t k = td_year(z, n, j, year);
    if (k == 0) return 0;
    return j + k - i;
}

/* -------------------------------------------------------------- the forms */

static int td_valid(int y, int m, int d) {
    if (m < 1 || m > 12) return 0;
    if (d == 0) return 1;                    /* "October 2014" */
    return d >= 1 && d <= dyad_days_in_month(y ? y : 2000, m);
}

static size_t td_set(dyad_date *out, int y, int m, int d, size_t len) {
    if (!td_valid(y, m, d)) return 0;
    out->year = (int16_t)y;
    out->month = (int8_t)m;
    out->day = (int8_t)d;
    return len;
}

/* "2014-10-15", "2014/10/15", "10/15/2014". */
static size_t td_numeric(const char *z, size_t n, dyad_date *out) {
    int a, b, c;
    size_t ka = td_digits(z, n, 0, 4, &a);
    if (ka == 4 && ka < n && (z[ka] == '-' || z[ka] == '/')) {
        char sep = z[ka];
        size_t i = ka + 1;
        size_t kb = td_digits(z, n, i, 2, &b);
        if (kb == 0 || kb > 2 || i + kb >= n || z[i + kb] != sep) return 0;
        i += kb + 1;
        size_t kc = td_digits(z, n, i, 2, &c);
        if (kc == 0 || kc > 2) return 0;
        i += kc;
        int time_follows = i + 1 < n && z[i] == 'T' && is_digit(z[i + 1]);
        if (i < n && (is_alnum(z[i]) || z[i] == sep) && !time_follows) return 0;
        if (a < 1000 || c == 0) return 0;
        return td_set(out, a, b, c, i);
    }
    if (ka >= 1 && ka <= 2 && ka < n && z[ka] == '/') {  /* US order */
        size_t i = ka + 1;
        size_t kb = td_digits(z, n, i, 2, &b);
        if (kb == 0 || kb > 2 || i + kb >= n || z[i + kb] != '/') return 0;
        i += kb + 1;
        size_t kc = td_digits(z, n, i, 4, &c);
        if (kc != 4) return 0;
        i += kc;
        if (i < n && (is_alnum(z[i]) || z[i] == '/')) return 0;
        if (c < 1000 || b == 0) return 0;
        return td_set(out, c, a, b, i);
    }
    return 0;
}

/* "October 15, 2014", "Oct. 15", "October 2014", "15 October 2014",
** "15 Oct". */
static size_t td_words(const char *z, size_t n, dyad_date *out) {
    int m = 0, d = 0, y = 0, period = 0;
    if (n && is_digit(z[0])) {                          /* day first */
        size_t i = td_day(z, n, 0, &d);
        if (i == 0) return 0;
        size_t sp = td_space(z, n, i);
        if (sp == 0) return 0;
        size_t k = td_name_at(z, n, i + sp, month_names, NELEM(month_names), &m, &period);
        if (k == 0) return 0;
        i += sp + k;
        size_t t = td_year_tail(z, n, i, &y);
        if (t) i += t;
        else if (period) i--;                           /* "15 Oct." ends a sentence */
        return td_set(out, y, m, d, i);
    }
    size_t i = td_name_at(z, n, 0, month_names, NELEM(month_names), &m, &period);
    if (i == 0) return 0;
    size_t j = i;
    if (j < n && z[j] == ',') j++;                      /* "October, 2014" */
    size_t sp = td_space(z, n, j);
    if (sp == 0) return 0;
    j += sp;
    size_t k = td_year(z, n, j, &y);
    if (k) return td_set(out, y, m, 0, j + k);          /* "October 2014" */
    if (j != i + sp) return 0;                          /* "May, 5" */
    k = td_day(z, n, j, &d);
    if (k == 0) return 0;                               /* "May be" */
    j += k;
    j += td_year_tail(z, n, j, &y);
    return td_set(out, y, m, d, j);
}

size_t rd_textdate(const char *z, size_t n, dyad_date *out) {
    static const dyad_date null_date = {0, 0, 0};
    *out = null_date;
    if (!z || n == 0) return 0;
    size_t k = td_numeric(z, n, out);
    if (k) return k;
    int wd, period;
    size_t w = td_name_at(z, n, 0, weekday_names, NELEM(weekday_names), &wd, &period);
    if (w) {                                            /* "Wednesday, ..." */
        if (w < n && z[w] == ',') w++;
        size_t sp = td_space(z, n, w);
        if (sp == 0) return 0;
        w += sp;
    }
    k = td_words(z + w, n - w, out);
    if (k == 0) { *out = null_date; return 0; }
    return w + k;
}
