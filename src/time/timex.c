/*
** timex.c - time expressions: recognition on the tokens of each sentence and
** TIMEX3 normalisation against the story date (contract in timex.h).
**
** Each word is looked up once in words[] (lower-cased; a trailing period of
** an abbreviation dropped; "mid-November", "five-year", "third-quarter"
** split at the hyphen) and gets a class (month, weekday, unit, modifier,
** number, ...).  At each token, optional prefixes ("the", "early", "late",
** "the end of", "fiscal", "nearly") are skipped and every rule is tried;
** the longest match is kept.  The rules, in the order ties are settled:
**   m_date     [weekday ,] Month Day [, Year] | Day [of] Month [Year] |
**              Month [,|of] Year | Month this/last/next year | Month |
**              2014-10-14 | 10/14/2014
**   m_year     1988 | 1990s | '90s
**   m_rel      yesterday/today/tomorrow/tonight, weekdays, this/last/next
**              + weekday, week, month, year, quarter, weekend, decade,
**              Month or season; "recent years" (PAST_REF); "current"
**   m_quarter  [the] [1989 | this year's] [fiscal] third quarter [of 1989],
**              third-quarter, first half
**   m_season   summer [of] [2014]
**   m_ref      now, currently, recently, soon, the future, the past,
**              at present, these days
**   m_dur      three years (P3Y), the past two weeks, 24-hour (PT24H),
**              two years ago (a date)
**   m_set      every week, each year, daily, weekly, annually
**   m_time     3 p.m. [Tuesday], 9:30 a.m., noon
*/
#include "timex.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* Word classes.  The first group comes from words[], the rest from the
** shape of a token. */
enum {
    W_NONE = 0, W_MONTH, W_WDAY, W_DREL, W_UNIT, W_MOD, W_PART, W_EDGE, W_NUM, W_SEASON,
    W_ORD, W_REF, W_PRESENT, W_SETADV, W_AGO, W_TOD, W_EVERY, W_FISCAL, W_THE, W_OF, W_A,
    W_HALF, W_FUT, W_PASTV, W_PREP, W_THESE, W_OTHER, W_APPROX, W_AMPM, W_NOONMID, W_PERIOD,
    W_THOUSAND,
    W_YAGO,     /* year-ago, year-earlier */
    W_YEAREND,  /* year-end */
    W_DIG,      /* digits: val, nd digits */
    W_ORDN,     /* 14th */
    W_DECADE,   /* 1990s (val 1990, nd 4), '90s (val 90, nd 2) */
    W_ISO,      /* 2014-10-14, 10/14/2014 */
    W_CLOCK,    /* 9:30, 4:14am: val minutes after midnight */
    W_DURADJ,   /* five-year, 24-hour: val number, val2 unit */
    W_QADJ,     /* third-quarter, first-half: val ordinal, val2 U_QUARTER or 0 */
    W_COMMA,
    W_SYM       /* $ % and other symbols */
};
enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR, U_QUARTER, U_DECADE, U_CENTURY, U_WEEKEND, U_HOUR, U_MINUTE };
enum { P_EARLY = 1, P_MID, P_LATE };
enum { S_SP = 1, S_SU, S_FA, S_WI };
enum { R_PRESENT = 1, R_PAST, R_FUTURE };

/* Flags of a word entry and of a classified token. */
#define TF_ABBR   0x01  /* month abbreviation: needs its period or a day */
#define TF_PLURAL 0x02  /* plural unit */
#define K_CAP     0x04  /* token starts with a capital */
#define K_PER     0x08  /* token ends with a period */
#define K_ED      0x10  /* lower-case word in -ed (a past-tense cue) */
#define K_CLITIC  0x20  /* 's */
#define K_AMPM    TF_PLURAL /* a W_CLOCK token carries its am/pm */

typedef struct tmx_word {
    const char *w;      /* lower-case form */
    uint8_t     cls;    /* W_* */
    int8_t      val;    /* month, weekday (Monday 1), day offset, unit, ... */
    uint8_t     fl;     /* TF_* */
} tmx_word;

/* ORDER: strcmp order (tmx_table_sorted() checks it; generated sorted). */
static const tmx_word words[] = {
    {"'ll", W_FUT, 0, 0},
    {"a", W_A, 1, 0},
    {"a.m.", W_AMPM, 0, 0},
    {"about", W_APPROX, 0, 0},
    {"after", W_PREP, 0, 0},
    {"afternoon", W_TOD, 0, 0},
    {"ago", W_AGO, 0, 0},
    {"ahead", W_FUT, 0, 0},
    {"almost", W_APPROX, 0, 0},
    {"am", W_AMPM, 0, 0},
    {"an", W_A, 1, 0},
    {"annually", W_SETADV, U_YEAR, 0},
    {"apr", W_MONTH, 4, TF_ABBR},
    {"april", W_MONTH, 4, 0},
    {"around", W_APPROX, 0, 0},
    {"at", W_PREP, 0, 0},
    {"aug", W_MONTH, 8, TF_ABBR},
    {"august", W_MONTH, 8, 0},
    {"autumn", W_SEASON, S_FA, 0},
    {"before", W_PREP, 0, 0},
    {"beginning", W_EDGE, P_EARLY, 0},
    {"between", W_PREP, 0, 0},
    {"by", W_PREP, 0, 0},
    {"centuries", W_UNIT, U_CENTURY, TF_PLURAL},
    {"century", W_UNIT, U_CENTURY, 0},
    {"coming", W_MOD, 1, 0},
    {"couple", W_NUM, 2, 0},
    {"current", W_MOD, 0, 0},
    {"currently", W_REF, R_PRESENT, 0},
    {"daily", W_SETADV, U_DAY, 0},
    {"day", W_UNIT, U_DAY, 0},
    {"days", W_UNIT, U_DAY, TF_PLURAL},
    {"dec", W_MONTH, 12, TF_ABBR},
    {"decade", W_UNIT, U_DECADE, 0},
    {"decades", W_UNIT, U_DECADE, TF_PLURAL},
    {"december", W_MONTH, 12, 0},
    {"did", W_PASTV, 0, 0},
    {"due", W_FUT, 0, 0},
    {"during", W_PREP, 0, 0},
    {"each", W_EVERY, 0, 0},
    {"earlier", W_PART, P_EARLY, 0},
    {"early", W_PART, P_EARLY, 0},
    {"eight", W_NUM, 8, 0},
    {"eighteen", W_NUM, 18, 0},
    {"eighty", W_NUM, 80, 0},
    {"eleven", W_NUM, 11, 0},
    {"end", W_EDGE, P_LATE, 0},
    {"evening", W_TOD, 0, 0},
    {"every", W_EVERY, 0, 0},
    {"expect", W_FUT, 0, 0},
    {"expected", W_FUT, 0, 0},
    {"expects", W_FUT, 0, 0},
    {"fall", W_SEASON, S_FA, 0},
    {"feb", W_MONTH, 2, TF_ABBR},
    {"february", W_MONTH, 2, 0},
    {"few", W_NUM, -1, 0},
    {"fifteen", W_NUM, 15, 0},
    {"fifty", W_NUM, 50, 0},
    {"first", W_ORD, 1, 0},
    {"fiscal", W_FISCAL, 0, 0},
    {"five", W_NUM, 5, 0},
    {"following", W_MOD, 1, 0},
    {"formerly", W_REF, R_PAST, 0},
    {"forty", W_NUM, 40, 0},
    {"four", W_NUM, 4, 0},
    {"fourteen", W_NUM, 14, 0},
    {"fourth", W_ORD, 4, 0},
    {"friday", W_WDAY, 5, 0},
    {"from", W_PREP, 0, 0},
    {"future", W_REF, R_FUTURE, 0},
    {"going", W_FUT, 0, 0},
    {"had", W_PASTV, 0, 0},
    {"half", W_HALF, 0, 0},
    {"hour", W_UNIT, U_HOUR, 0},
    {"hourly", W_SETADV, U_HOUR, 0},
    {"hours", W_UNIT, U_HOUR, TF_PLURAL},
    {"hundred", W_NUM, 100, 0},
    {"in", W_PREP, 0, 0},
    {"intends", W_FUT, 0, 0},
    {"jan", W_MONTH, 1, TF_ABBR},
    {"january", W_MONTH, 1, 0},
    {"jul", W_MONTH, 7, TF_ABBR},
    {"july", W_MONTH, 7, 0},
    {"jun", W_MONTH, 6, TF_ABBR},
    {"june", W_MONTH, 6, 0},
    {"last", W_MOD, -1, 0},
    {"late", W_PART, P_LATE, 0},
    {"later", W_PART, P_LATE, 0},
    {"latest", W_MOD, 0, 0},
    {"many", W_NUM, -1, 0},
    {"mar", W_MONTH, 3, TF_ABBR},
    {"march", W_MONTH, 3, 0},
    {"may", W_MONTH, 5, 0},
    {"met", W_PASTV, 0, 0},
    {"mid", W_PART, P_MID, 0},
    {"middle", W_EDGE, P_MID, 0},
    {"midnight", W_NOONMID, 24, 0},
    {"minute", W_UNIT, U_MINUTE, 0},
    {"minutes", W_UNIT, U_MINUTE, TF_PLURAL},
    {"monday", W_WDAY, 1, 0},
    {"month", W_UNIT, U_MONTH, 0},
    {"monthly", W_SETADV, U_MONTH, 0},
    {"months", W_UNIT, U_MONTH, TF_PLURAL},
    {"morning", W_TOD, 0, 0},
    {"nearly", W_APPROX, 0, 0},
    {"next", W_MOD, 1, 0},
    {"night", W_TOD, 0, 0},
    {"nine", W_NUM, 9, 0},
    {"nineteen", W_NUM, 19, 0},
    {"ninety", W_NUM, 90, 0},
    {"noon", W_NOONMID, 12, 0},
    {"nov", W_MONTH, 11, TF_ABBR},
    {"november", W_MONTH, 11, 0},
    {"now", W_REF, R_PRESENT, 0},
    {"nowadays", W_REF, R_PRESENT, 0},
    {"oct", W_MONTH, 10, TF_ABBR},
    {"october", W_MONTH, 10, 0},
    {"of", W_OF, 0, 0},
    {"on", W_PREP, 0, 0},
    {"one", W_NUM, 1, 0},
    {"other", W_OTHER, 0, 0},
    {"p.m.", W_AMPM, 12, 0},
    {"past", W_MOD, -1, 0},
    {"per", W_EVERY, 0, 0},
    {"period", W_PERIOD, 0, 0},
    {"plan", W_FUT, 0, 0},
    {"planned", W_FUT, 0, 0},
    {"planning", W_FUT, 0, 0},
    {"plans", W_FUT, 0, 0},
    {"pm", W_AMPM, 12, 0},
    {"present", W_PRESENT, 0, 0},
    {"previous", W_MOD, -1, 0},
    {"previously", W_REF, R_PAST, 0},
    {"quarter", W_UNIT, U_QUARTER, 0},
    {"quarterly", W_SETADV, U_QUARTER, 0},
    {"quarters", W_UNIT, U_QUARTER, TF_PLURAL},
    {"recent", W_MOD, -2, 0},
    {"recently", W_REF, R_PAST, 0},
    {"roughly", W_APPROX, 0, 0},
    {"said", W_PASTV, 0, 0},
    {"saturday", W_WDAY, 6, 0},
    {"says", W_PASTV, 0, 0},
    {"scheduled", W_FUT, 0, 0},
    {"second", W_ORD, 2, 0},
    {"sep", W_MONTH, 9, TF_ABBR},
    {"sept", W_MONTH, 9, TF_ABBR},
    {"september", W_MONTH, 9, 0},
    {"seven", W_NUM, 7, 0},
    {"seventeen", W_NUM, 17, 0},
    {"seventy", W_NUM, 70, 0},
    {"several", W_NUM, -1, 0},
    {"shall", W_FUT, 0, 0},
    {"since", W_PASTV, 0, 0},
    {"six", W_NUM, 6, 0},
    {"sixteen", W_NUM, 16, 0},
    {"sixty", W_NUM, 60, 0},
    {"slated", W_FUT, 0, 0},
    {"some", W_APPROX, 0, 0},
    {"soon", W_REF, R_FUTURE, 0},
    {"spring", W_SEASON, S_SP, 0},
    {"start", W_EDGE, P_EARLY, 0},
    {"summer", W_SEASON, S_SU, 0},
    {"sunday", W_WDAY, 7, 0},
    {"ten", W_NUM, 10, 0},
    {"the", W_THE, 0, 0},
    {"these", W_THESE, 0, 0},
    {"third", W_ORD, 3, 0},
    {"thirteen", W_NUM, 13, 0},
    {"thirty", W_NUM, 30, 0},
    {"this", W_MOD, 0, 0},
    {"thousand", W_THOUSAND, 0, 0},
    {"three", W_NUM, 3, 0},
    {"through", W_PREP, 0, 0},
    {"thursday", W_WDAY, 4, 0},
    {"till", W_FUT, 0, 0},
    {"today", W_DREL, 0, 0},
    {"told", W_PASTV, 0, 0},
    {"tomorrow", W_DREL, 1, 0},
    {"tonight", W_DREL, 0, 0},
    {"tuesday", W_WDAY, 2, 0},
    {"twelve", W_NUM, 12, 0},
    {"twenty", W_NUM, 20, 0},
    {"two", W_NUM, 2, 0},
    {"until", W_FUT, 0, 0},
    {"upcoming", W_FUT, 0, 0},
    {"was", W_PASTV, 0, 0},
    {"wednesday", W_WDAY, 3, 0},
    {"week", W_UNIT, U_WEEK, 0},
    {"weekend", W_UNIT, U_WEEKEND, 0},
    {"weekends", W_UNIT, U_WEEKEND, TF_PLURAL},
    {"weekly", W_SETADV, U_WEEK, 0},
    {"weeks", W_UNIT, U_WEEK, TF_PLURAL},
    {"were", W_PASTV, 0, 0},
    {"will", W_FUT, 0, 0},
    {"winter", W_SEASON, S_WI, 0},
    {"wo", W_FUT, 0, 0},
    {"would", W_FUT, 0, 0},
    {"year", W_UNIT, U_YEAR, 0},
    {"yearly", W_SETADV, U_YEAR, 0},
    {"years", W_UNIT, U_YEAR, TF_PLURAL},
    {"yesterday", W_DREL, -1, 0},
};
#define NWORDS (sizeof words / sizeof *words)

/* Open-addressing hash of the table (FNV-1a of the lower-case word, 512
** slots, linear probing): entry index + 1, 0 = empty.  Generated with the
** table; tmx_table_sorted() checks that it finds every entry. */
#define TMX_SLOTS 512
static const uint8_t slots[TMX_SLOTS] = {
    0, 0, 0, 0, 0, 101, 0, 0, 166, 0, 0, 171, 195, 0, 80, 74,
    44, 0, 0, 19, 55, 0, 141, 6, 0, 86, 0, 0, 82, 123, 165, 113,
    0, 29, 0, 0, 0, 0, 178, 0, 0, 94, 183, 45, 0, 0, 0, 48,
    133, 109, 68, 0, 17, 169, 168, 0, 0, 0, 0, 0, 0, 0, 4, 0,
    0, 59, 0, 0, 0, 0, 89, 0, 0, 116, 0, 0, 0, 0, 0, 0,
    0, 12, 13, 0, 164, 0, 0, 0, 21, 0, 0, 0, 0, 138, 188, 0,
    147, 66, 0, 0, 0, 85, 0, 117, 118, 0, 192, 0, 0, 0, 0, 0,
    43, 67, 158, 0, 0, 69, 0, 0, 135, 0, 173, 0, 0, 0, 0, 0,
    46, 170, 0, 60, 0, 0, 0, 0, 39, 0, 32, 63, 91, 27, 71, 0,
    0, 0, 72, 0, 23, 0, 70, 0, 0, 0, 0, 0, 42, 156, 78, 0,
    0, 0, 0, 0, 73, 127, 0, 0, 0, 0, 0, 0, 0, 0, 191, 0,
    0, 52, 26, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 176, 0,
    0, 0, 0, 0, 0, 150, 0, 0, 0, 0, 0, 0, 0, 0, 0, 151,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 51, 163, 0, 122, 81, 137, 144,
    75, 161, 0, 0, 0, 0, 11, 134, 0, 0, 0, 0, 131, 0, 0, 0,
    92, 0, 159, 0, 0, 0, 0, 25, 114, 0, 0, 0, 136, 0, 148, 83,
    0, 97, 0, 185, 49, 125, 0, 0, 0, 34, 0, 0, 0, 0, 8, 35,
    180, 0, 126, 0, 0, 0, 0, 0, 96, 0, 0, 41, 140, 196, 30, 198,
    0, 87, 0, 0, 0, 0, 0, 201, 40, 132, 57, 0, 2, 3, 152, 104,
    193, 0, 0, 111, 76, 38, 162, 0, 0, 100, 0, 0, 0, 0, 20, 37,
    110, 157, 84, 167, 0, 0, 0, 0, 0, 0, 0, 0, 0, 139, 0, 145,
    184, 0, 0, 10, 0, 108, 0, 0, 50, 0, 7, 0, 0, 0, 0, 0,
    53, 107, 189, 77, 112, 197, 149, 0, 0, 98, 179, 0, 160, 0, 0, 9,
    22, 0, 0, 0, 177, 0, 0, 0, 143, 0, 0, 0, 18, 0, 36, 0,
    0, 0, 0, 0, 0, 0, 93, 0, 16, 0, 0, 199, 15, 194, 0, 24,
    64, 0, 0, 0, 0, 61, 0, 0, 62, 79, 0, 0, 0, 153, 0, 0,
    0, 0, 90, 0, 124, 65, 128, 130, 182, 88, 47, 154, 155, 0, 0, 0,
    0, 0, 0, 129, 181, 0, 102, 174, 0, 115, 0, 0, 0, 200, 0, 0,
    0, 0, 103, 172, 190, 0, 0, 0, 0, 5, 0, 0, 0, 0, 175, 0,
    119, 0, 0, 33, 0, 0, 0, 187, 0, 0, 28, 0, 0, 0, 0, 0,
    105, 58, 54, 146, 0, 95, 0, 0, 106, 142, 0, 0, 0, 0, 99, 120,
    0, 0, 186, 0, 0, 121, 1, 14, 0, 56, 0, 0, 0, 31, 0, 0
};

static uint32_t fnv32(const char *w, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)w[i];
        h *= 16777619u;
    }
    return h;
}

/* The entry of lower-case word w of n bytes, or NULL. */
static const tmx_word *lookup(const char *w, size_t n) {
    if (n > 12) return NULL;
    for (uint32_t k = fnv32(w, n) & (TMX_SLOTS - 1);; k = (k + 1) & (TMX_SLOTS - 1)) {
        if (!slots[k]) return NULL;
        const tmx_word *e = &words[slots[k] - 1];
        if (e->w[0] == w[0] && !strncmp(e->w, w, n) && !e->w[n]) return e;
    }
}

int tmx_table_sorted(void) {
    for (size_t i = 1; i < NWORDS; i++)
        if (strcmp(words[i - 1].w, words[i].w) >= 0) return 0;
    for (size_t i = 0; i < NWORDS; i++)
        if (lookup(words[i].w, strlen(words[i].w)) != &words[i]) return 0;
    return 1;
}

/* A classified token. */
typedef struct tk {
    uint8_t cls;        /* W_* */
    uint8_t fl;         /* TF_*, K_* */
    uint8_t nd;         /* digits of a W_DIG / W_DECADE */
    uint8_t part;       /* P_* of "mid-November", "early-1990s" */
    int16_t val, val2;
} tk;

/* ------------------------------------------------------------ calendar */

#define days_of dyad_days_from_civil

static dyad_date date_of(long dn) {
    dyad_date base = {1970, 1, 1};
    if (dn < -700000 || dn > 2900000) {
        dyad_date z = {0, 0, 0};
        return z;
    }
    return dyad_date_add_days(base, (int)dn);
}

/* Monday 1 .. Sunday 7 (1970-01-01 was a Thursday). */
static int wday_of(long dn) { return (int)(((dn % 7) + 7 + 3) % 7) + 1; }

/* ------------------------------------------------------------- matching */

typedef struct mctx {
    const char *z;
    const dyad_token *tok;
    const tk   *t;
    uint32_t    n;
    dyad_date   dct;        /* story date (a day), or year 0 */
    long        dn;         /* its day number */
    int         the;        /* "the" stands right before the current rule */
    long        ctxq;       /* the quarter the story last named (year * 4 +
                            ** quarter - 1), or -1: "the quarter", "a year
                            ** earlier", "the year-ago period" refer to it */
} mctx;

/* The result of a rule. */
typedef struct tres {
    uint8_t   type;         /* dyad_timex_type */
    char      v[40];        /* value */
    dyad_date d;            /* date named, or null */
    int       anchor;       /* a quarter named outright: later "the
                            ** quarter", "a year earlier" refer to it */
} tres;

static int cls(const mctx *c, uint32_t i) { return i < c->n ? c->t[i].cls : W_NONE; }
static int val(const mctx *c, uint32_t i) { return i < c->n ? c->t[i].val : 0; }
static int has(const mctx *c) { return c->dct.year != 0; }

static int ok_year(int y) { return y >= 1 && y <= 9999; }

static void set_ref(tres *r, int ref) {
    static const char *const names[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"};
    r->type = DYAD_TIMEX_DATE;
    snprintf(r->v, sizeof r->v, "%s", names[ref]);
    memset(&r->d, 0, sizeof r->d);
}

static int set_day(tres *r, dyad_date d) {
    if (!d.year) return 0;
    r->type = DYAD_TIMEX_DATE;
    snprintf(r->v, sizeof r->v, "%04d-%02d-%02d", d.year, d.month, d.day);
    r->d = d;
    return 1;
}

static int set_month(tres *r, int y, int m) {
    if (!ok_year(y) || m < 1 || m > 12) return 0;
    r->type = DYAD_TIMEX_DATE;
    snprintf(r->v, sizeof r->v, "%04d-%02d", y, m);
    r->d.year = (int16_t)y;
    r->d.month = (int8_t)m;
    r->d.day = 0;
    return 1;
}

static int set_year(tres *r, int y) {
    if (!ok_year(y)) return 0;
    r->type = DYAD_TIMEX_DATE;
    snprintf(r->v, sizeof r->v, "%04d", y);
    r->d.year = (int16_t)y;
    r->d.month = r->d.day = 0;
    return 1;
}

/* Year and month of month index mi = y * 12 + (m - 1). */
static int set_month_index(tres *r, long mi) { return set_month(r, (int)(mi / 12), (int)(mi % 12) + 1); }

/* The ISO week holding day dn ("2014-W42"; "-WE" for its weekend); the
** date is its month when Monday and Sunday share one, else its year. */
static int set_week(tres *r, long dn, int weekend) {
    long mon = dn - (wday_of(dn) - 1);
    dyad_date th = date_of(mon + 3), m = date_of(mon), s = date_of(mon + 6);
    if (!th.year || !m.year || !s.year) return 0;
    long week = (mon + 3 - days_of(th.year, 1, 1)) / 7 + 1;
    r->type = DYAD_TIMEX_DATE;
    snprintf(r->v, sizeof r->v, weekend ? "%04d-W%02ld-WE" : "%04d-W%02ld", th.year, week);
    r->d = m;
    r->d.day = 0;
    if (m.month != s.month) r->d.month = 0;
    if (m.year != s.year) r->d.year = th.year;
    return 1;
}

/* Tense of one token: 1 future ("will", "'ll", "scheduled", "until"), -1
** past ("said", "since", a word in -ed), 0 none. */
static int cue(const tk *t) {
    if (t->cls == W_FUT) return 1;
    if (t->cls == W_PASTV || (t->fl & K_ED)) return -1;
    return 0;
}

/* Tense near tokens [a, b): the nearest cue, 8 tokens back or 6 ahead (back
** first at equal distance), not across ; or : */
static int tense(const mctx *c, uint32_t a, uint32_t b) {
    int back_open = 1;
    for (uint32_t d = 1; d <= 8; d++) {
        if (back_open && a >= d) {
            uint32_t k = a - d;
            if (c->tok[k].kind == DYAD_TOK_PUNCT && c->tok[k].len == 1 &&
                (c->z[c->tok[k].start] == ';' || c->z[c->tok[k].start] == ':'))
                back_open = 0;
            else if (cue(&c->t[k])) return cue(&c->t[k]);
        }
        if (d <= 6 && b + d - 1 < c->n && cue(&c->t[b + d - 1])) return cue(&c->t[b + d - 1]);
    }
    return 0;
}

/* A day of the month at i: 14, 14th (not "14 people"). */
static int is_day(const mctx *c, uint32_t i) {
    int k = cls(c, i), v = val(c, i);
    if (k == W_ORDN) return v >= 1 && v <= 31;
    if (k != W_DIG || c->t[i].nd > 2 || v < 1 || v > 31) return 0;
    int nx = cls(c, i + 1);
    return nx != W_UNIT && nx != W_SYM && nx != W_AMPM && nx != W_DIG;
}

/* A four-digit year at i. */
static int is_year(const mctx *c, uint32_t i) {
    return cls(c, i) == W_DIG && c->t[i].nd == 4 && val(c, i) >= 1000 && val(c, i) <= 2999;
}

/* A month name at i that is one here: capitalised; an abbreviation with
** its period or before a day or year. */
static int is_month(const mctx *c, uint32_t i) {
    if (cls(c, i) != W_MONTH || !(c->t[i].fl & K_CAP)) return 0;
    if ((c->t[i].fl & TF_ABBR) && !(c->t[i].fl & K_PER) && !is_day(c, i + 1) && !is_year(c, i + 1))
        return 0;
    return 1;
}

/* Bare month names that are also common words or abbreviations need a
** preposition or modifier before them ("in May", "last March"). */
static int bare_month_ok(const mctx *c, uint32_t i) {
    int v = val(c, i);
    if (!(c->t[i].fl & TF_ABBR) && v != 5 && v != 3 && !c->t[i].part) return 1;
    if (c->t[i].part) return 1;
    if (i == 0) return 0;
    int p = cls(c, i - 1);
    return p == W_PREP || p == W_MOD || p == W_PART || p == W_OF || p == W_EDGE;
}

/* The year of month m with no year given: this year's, last year's or
** next year's by tense (mod -1 last, 1 next, 0 this, 2 bare). */
static int month_year(const mctx *c, int m, int mod, int tn) {
    int y = c->dct.year, cm = c->dct.month;
    if (mod == -1) return m < cm ? y : y - 1;
    if (mod == 1) return m > cm ? y : y + 1;
    if (mod == 0 || m == cm) return y;
    if (tn > 0) return m > cm ? y : y + 1;
    if (tn < 0) return m < cm ? y : y - 1;
    /* unknown: the coming one when it is at most two months ahead, else
    ** the last one */
    int ahead = (m - cm + 12) % 12;
    if (ahead <= 2) return m >= cm ? y : y + 1;
    return m < cm ? y : y - 1;
}

/* Weekday wd resolved against the story date: mod -1 last, 1 next, else by
** tense (the story's own weekday is the story date). */
static long weekday_dn(const mctx *c, int wd, int mod, int tn) {
    int dw = wday_of(c->dn);
    int back = (dw - wd + 7) % 7, fwd = (wd - dw + 7) % 7;
    if (mod == -1) return c->dn - (back ? back : 7);
    if (mod == 1) return c->dn - 0 + (fwd ? fwd : 7);
    if (!back) return c->dn;
    return tn > 0 ? c->dn + fwd : c->dn - back;
}

/* Season start months and codes. */
static const int season_month[] = {0, 3, 6, 9, 12};
static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};

static int set_season(tres *r, int y, int s) {
    if (!ok_year(y) || s < 1 || s > 4) return 0;
    r->type = DYAD_TIMEX_DATE;
    snprintf(r->v, sizeof r->v, "%04d-%s", y, season_code[s]);
    r->d.year = (int16_t)y;
    r->d.month = r->d.day = 0;
    return 1;
}

static int season_year(const mctx *c, int s, int mod) {
    int y = c->dct.year, cm = c->dct.month, sm = season_month[s];
    if (mod == -1) return sm + 3 <= cm ? y : y - 1;
    if (mod == 1) return sm > cm ? y : y + 1;
    return s == S_WI && cm <= 2 ? y - 1 : y;
}

static int is_comma(const mctx *c, uint32_t i) { return cls(c, i) == W_COMMA; }

/* ----- m_date: explicit dates with a month name, ISO and slashed dates. */
static uint32_t m_date(mctx *c, uint32_t j, tres *r) {
    uint32_t k = j;
    if (cls(c, k) == W_ISO) {
        const dyad_token *t = &c->tok[k];
        const char *p = c->z + t->start;
        int y, m, d;
        char tail;
        if (t->len == 10 && sscanf(p, "%4d-%2d-%2d", &y, &m, &d) == 3) {
        } else if (sscanf(p, "%d/%d/%4d%c", &m, &d, &y, &tail) == 3 && y >= 1000) {
            if (m > 12 && d <= 12) {
                int x = m;
                m = d;
                d = x;
            }
        } else {
            return 0;
        }
        if (!ok_year(y) || m < 1 || m > 12 || d < 1 || d > dyad_days_in_month(y, m)) return 0;
        dyad_date dd = {(int16_t)y, (int8_t)m, (int8_t)d};
        return set_day(r, dd) ? k + 1 : 0;
    }
    int mod = 2;
    if (cls(c, k) == W_MOD && val(c, k) >= -1 && val(c, k) <= 1 && is_month(c, k + 1) &&
        is_day(c, k + 2)) {
        mod = val(c, k++);                          /* last Oct. 23 */
    } else if (cls(c, k) == W_WDAY) {
        k++;
        if (is_comma(c, k)) k++;
    }
    int mon = 0, day = 0, year = 0;
    uint32_t mk = 0;
    if (is_day(c, k) && is_month(c, k + 1)) {
        day = val(c, k);
        mk = k + 1;
        k += 2;
    } else if (is_day(c, k) && cls(c, k + 1) == W_OF && is_month(c, k + 2)) {
        day = val(c, k);
        mk = k + 2;
        k += 3;
    } else if (is_month(c, k)) {
        mk = k++;
        if (is_day(c, k)) day = val(c, k++);
    } else {
        return 0;
    }
    mon = val(c, mk);
    uint32_t kk = k;
    if (is_comma(c, kk) || (!day && cls(c, kk) == W_OF)) kk++;
    if (is_year(c, kk)) {
        year = val(c, kk);
        k = kk + 1;
    } else if (!day && cls(c, k) == W_MOD && val(c, k) >= -1 && val(c, k) <= 1 &&
               cls(c, k + 1) == W_UNIT && val(c, k + 1) == U_YEAR && has(c)) {
        year = c->dct.year + val(c, k);             /* "June last year" */
        k += 2;
    }
    if (day) {
        if (!year) {
            if (!has(c)) {
                /* "Oct. 14" with no story date: month and day only */
                if (day > dyad_days_in_month(2000, mon)) return 0;
                r->type = DYAD_TIMEX_DATE;
                snprintf(r->v, sizeof r->v, "XXXX-%02d-%02d", mon, day);
                memset(&r->d, 0, sizeof r->d);
                return k;
            }
            /* the next such day under a future tense ("will", "next") or
            ** when it is at most 60 days ahead ("extended to Nov. 20"),
            ** else the last one ("last Oct. 23", "the year ended March 31") */
            int tn = mod == 2 ? tense(c, j, k) : mod == 0 ? 0 : mod;
            long best = 0, bd = -1, nextoff = -1, nexty = 0, prevy = 0;
            for (int y = c->dct.year - 1; y <= c->dct.year + 1; y++) {
                if (day > dyad_days_in_month(y, mon)) continue;
                long off = days_of(y, (unsigned)mon, (unsigned)day) - c->dn;
                if (off >= 0 && nextoff < 0) {
                    nextoff = off;
                    nexty = y;
                }
                if (off <= 0) prevy = y;
            }
            if (nexty && (tn > 0 || (mod != -1 && nextoff <= 60) || !prevy)) best = nexty;
            else best = prevy;
            bd = best ? 0 : -1;
            if (bd < 0) return 0;
            year = (int)best;
        }
        if (day > dyad_days_in_month(year, mon)) return 0;       /* Feb. 30 */
        dyad_date dd = {(int16_t)year, (int8_t)mon, (int8_t)day};
        return set_day(r, dd) ? k : 0;
    }
    if (!year) {
        if (!has(c) || !bare_month_ok(c, mk)) return 0;
        year = month_year(c, mon, 2, tense(c, j, k));
    }
    return set_month(r, year, mon) ? k : 0;
}

/* ----- m_year: 1988, the 1990s, the '90s. */
static uint32_t m_year(mctx *c, uint32_t j, tres *r) {
    if (cls(c, j) == W_DECADE) {
        int y = val(c, j);
        if (c->t[j].nd == 2) y += y >= 30 || !has(c) || y > c->dct.year % 100 ? 1900 : 2000;
        r->type = DYAD_TIMEX_DATE;
        snprintf(r->v, sizeof r->v, "%03d", y / 10);
        memset(&r->d, 0, sizeof r->d);
        return j + 1;
    }
    if (!is_year(c, j)) return 0;
    int nx = cls(c, j + 1);
    if (nx == W_UNIT || nx == W_SYM || nx == W_DIG || nx == W_NUM) return 0;
    if (j > 0 && (cls(c, j - 1) == W_SYM || cls(c, j - 1) == W_DIG)) return 0;
    if (j + 1 < c->n && nx == W_NONE && c->tok[j + 1].kind == DYAD_TOK_WORD &&
        !(c->t[j + 1].fl & (K_CAP | K_CLITIC))) {
        /* "2000 people": a count before a plural noun */
        const dyad_token *t = &c->tok[j + 1];
        if (t->len > 3 && c->z[t->start + t->len - 1] == 's' && c->z[t->start + t->len - 2] != 's')
            return 0;
    }
    return set_year(r, val(c, j)) ? j + 1 : 0;
}

/* A unit at i with its plural flag. */
static int unit_at(const mctx *c, uint32_t i, int *plural) {
    if (cls(c, i) != W_UNIT) return 0;
    *plural = (c->t[i].fl & TF_PLURAL) != 0;
    return val(c, i);
}

/* Quarter index (year * 4 + quarter - 1) of the story date. */
static long quarter_of(const mctx *c) { return (long)c->dct.year * 4 + (c->dct.month - 1) / 3; }

static int set_quarter(tres *r, long qi) {
    if (qi < 4 || !ok_year((int)(qi / 4))) return 0;
    r->type = DYAD_TIMEX_DATE;
    snprintf(r->v, sizeof r->v, "%04ld-Q%ld", qi / 4, qi % 4 + 1);
    r->d.year = (int16_t)(qi / 4);
    r->d.month = r->d.day = 0;
    return 1;
}

/* Value of unit u shifted k from the story date. */
static int set_unit(mctx *c, tres *r, int u, int k) {
    int y = c->dct.year, m = c->dct.month;
    switch (u) {
    case U_WEEK: return set_week(r, c->dn + 7L * k, 0);
    case U_WEEKEND: return set_week(r, c->dn + 7L * k, 1);
    case U_MONTH: return set_month_index(r, (long)y * 12 + (m - 1) + k);
    case U_YEAR: return set_year(r, y + k);
    case U_QUARTER: return set_quarter(r, quarter_of(c) + k);
    case U_DECADE:
        r->type = DYAD_TIMEX_DATE;
        snprintf(r->v, sizeof r->v, "%03d", y / 10 + k);
        memset(&r->d, 0, sizeof r->d);
        return 1;
    default: return 0;
    }
}

static uint32_t m_spoken(mctx *c, uint32_t j, tres *r);

/* ----- m_rel: dates relative to the story date. */
static uint32_t m_rel(mctx *c, uint32_t j, tres *r) {
    int k = cls(c, j), pl = 0;
    if (k == W_DREL) {
        if (!has(c)) return 0;
        uint32_t e = j + 1;
        if (cls(c, e) == W_TOD) e++;
        return set_day(r, dyad_date_add_days(c->dct, val(c, j))) ? e : 0;
    }
    if (k == W_WDAY) {
        if (!has(c)) return 0;
        uint32_t e = j + 1;
        if (cls(c, e) == W_TOD) e++;
        return set_day(r, date_of(weekday_dn(c, val(c, j), 2, tense(c, j, e)))) ? e : 0;
    }
    if (k == W_THESE && unit_at(c, j + 1, &pl) == U_DAY && pl) {
        set_ref(r, R_PRESENT);
        return j + 2;
    }
    if (k == W_UNIT && c->the && !(c->t[j].fl & TF_PLURAL) && has(c)) {
        /* the year, the month, the quarter: the story's own */
        int u = val(c, j);
        if (u == U_QUARTER)             /* the one the story is about, else the last */
            return set_quarter(r, c->ctxq >= 0 ? c->ctxq : quarter_of(c) - 1) ? j + 1 : 0;
        if (u == U_YEAR && is_year(c, j + 1)) return set_year(r, val(c, j + 1)) ? j + 2 : 0;
        if (u == U_YEAR && cls(c, j + 1) == W_NUM) {
            c->the = 1;
            uint32_t e = m_spoken(c, j + 1, r);
            if (e) return e;
        }
        if (u == U_YEAR || u == U_MONTH) return set_unit(c, r, u, 0) ? j + 1 : 0;
        if (u == U_WEEKEND) {
            int dw = wday_of(c->dn);
            int back = tense(c, j, j + 1) <= 0 && dw < 6;
            return set_week(r, c->dn - (back ? 7 : 0), 1) ? j + 1 : 0;
        }
        return 0;
    }
    if (k != W_MOD) return 0;
    int mod = val(c, j);
    const dyad_token *mt = &c->tok[j];
    int is_past = mt->len == 4 && !strncasecmp(c->z + mt->start, "past", 4);
    int is_latest = mt->len == 6 && !strncasecmp(c->z + mt->start, "latest", 6);
    uint32_t e = j + 1;
    if (mod == 0 && cls(c, e) == W_MOD && val(c, e) == 1) e++;     /* this coming */
    if (mod == -2) mod = -1;                                      /* recent */
    int u = unit_at(c, e, &pl), nx = cls(c, e);
    if (u && pl) {
        /* recent years, the coming months */
        if (mod == 0) return 0;
        set_ref(r, mod < 0 ? R_PAST : R_FUTURE);
        return e + 1;
    }
    if (!u && nx != W_WDAY && nx != W_MONTH && nx != W_SEASON) {
        /* current, recent, the past alone */
        if (mt->len == 7 && !strncasecmp(c->z + mt->start, "current", 7)) {
            set_ref(r, R_PRESENT);
            return j + 1;
        }
        if ((mt->len == 6 && !strncasecmp(c->z + mt->start, "recent", 6)) ||
            (is_past && c->the && nx != W_NUM && nx != W_DIG && nx != W_A)) {
            set_ref(r, R_PAST);
            return j + 1;
        }
        return 0;
    }
    if (!has(c)) return 0;
    if (nx == W_WDAY) {
        uint32_t f = e + 1;
        if (cls(c, f) == W_TOD) f++;
        int m2 = mod == 0 ? 2 : mod;
        return set_day(r, date_of(weekday_dn(c, val(c, e), m2, tense(c, j, f)))) ? f : 0;
    }
    if (nx == W_MONTH) {
        if (!(c->t[e].fl & K_CAP)) return 0;
        int m = val(c, e);
        return set_month(r, month_year(c, m, mod, 0), m) ? e + 1 : 0;
    }
    if (nx == W_SEASON) {
        int s = val(c, e);
        return set_season(r, season_year(c, s, mod), s) ? e + 1 : 0;
    }
    if (u == U_DAY || u == U_HOUR || u == U_MINUTE || u == U_CENTURY) return 0;
    if (u == U_QUARTER && (is_latest || mod == 0) && c->ctxq >= 0 &&
        (is_latest || c->ctxq == quarter_of(c)))
        return set_quarter(r, c->ctxq) ? e + 1 : 0;
    if (u == U_QUARTER && is_latest) mod = -1;
    return set_unit(c, r, u, mod) ? e + 1 : 0;
}

/* ----- m_quarter: quarters and halves. */
static uint32_t m_quarter(mctx *c, uint32_t j, tres *r) {
    uint32_t k = j;
    int year = 0, pl = 0;
    if (is_year(c, k) && (cls(c, k + 1) == W_ORD || cls(c, k + 1) == W_QADJ ||
                          cls(c, k + 1) == W_FISCAL)) {
        year = val(c, k++);
    } else if (cls(c, k) == W_MOD && val(c, k) >= -1 && val(c, k) <= 1 &&
               unit_at(c, k + 1, &pl) == U_YEAR && !pl && (c->t[k + 2].fl & K_CLITIC) &&
               has(c)) {
        year = c->dct.year + val(c, k);             /* this year's third quarter */
        k += 3;
    }
    if (cls(c, k) == W_FISCAL) k++;
    int ord = 0, half = 0;
    if (cls(c, k) == W_ORD && val(c, k) <= 4 && unit_at(c, k + 1, &pl) == U_QUARTER && !pl) {
        ord = val(c, k);
        k += 2;
    } else if (cls(c, k) == W_ORD && val(c, k) <= 2 && cls(c, k + 1) == W_HALF) {
        ord = val(c, k);
        half = 1;
        k += 2;
    } else if (cls(c, k) == W_QADJ) {
        ord = val(c, k);
        half = c->t[k].val2 != U_QUARTER;
        if (half && ord > 2) return 0;
        k++;
    } else {
        return 0;
    }
    if (!year && cls(c, k) == W_OF) {
        uint32_t f = k + 1;
        if (cls(c, f) == W_FISCAL) f++;
        if (is_year(c, f)) {
            year = val(c, f);
            k = f + 1;
        }
    }
    if (!year) {
        if (!has(c)) return 0;
        int cur = half ? (c->dct.month <= 6 ? 1 : 2) : (c->dct.month - 1) / 3 + 1;
        year = c->dct.year;
        if (ord > cur) {
            int tn = tense(c, j, k);
            if (tn < 0 || (tn == 0 && ord - cur >= 2)) year--;
        }
    }
    if (!ok_year(year)) return 0;
    r->type = DYAD_TIMEX_DATE;
    snprintf(r->v, sizeof r->v, "%04d-%c%d", year, half ? 'H' : 'Q', ord);
    r->anchor = !half;
    r->d.year = (int16_t)year;
    r->d.month = r->d.day = 0;
    return k;
}

/* ----- m_season: summer, the summer of 1988. */
static uint32_t m_season(mctx *c, uint32_t j, tres *r) {
    if (cls(c, j) != W_SEASON) return 0;
    int s = val(c, j);
    uint32_t k = j + 1;
    int year = 0;
    if (cls(c, k) == W_OF && is_year(c, k + 1)) {
        year = val(c, k + 1);
        k += 2;
    } else if (is_year(c, k)) {
        year = val(c, k++);
    }
    if (!year) {
        const dyad_token *t = &c->tok[j];
        int weak = (t->len == 4 && !strncasecmp(c->z + t->start, "fall", 4)) ||
                   (t->len == 6 && !strncasecmp(c->z + t->start, "spring", 6));
        if ((weak && !c->the) || cls(c, k) == W_OF || !has(c)) return 0;
        if (c->t[j].fl & K_CAP) return 0;                   /* Arab Spring */
        year = season_year(c, s, 0);
    }
    return set_season(r, year, s) ? k : 0;
}

/* ----- m_ref: now, recently, soon, the future, at present. */
static uint32_t m_ref(mctx *c, uint32_t j, tres *r) {
    int k = cls(c, j);
    if (k == W_REF) {
        set_ref(r, val(c, j));
        return j + 1;
    }
    if (k == W_PRESENT && (c->the || (j > 0 && cls(c, j - 1) == W_PREP))) {
        set_ref(r, R_PRESENT);
        return j + 1;
    }
    return 0;
}

/* A count at i: "three", "24", "twenty four", "a", "a few", "a couple of",
** "several" (-1: unspecified).  Returns the tokens used, 0 when none. */
static uint32_t count_at(const mctx *c, uint32_t i, int *n) {
    int k = cls(c, i);
    if (k == W_NUM) {
        *n = val(c, i);
        if (*n == 2 && cls(c, i + 1) == W_OF) return 0;              /* couple of */
        if (*n >= 20 && *n <= 90 && cls(c, i + 1) == W_NUM && val(c, i + 1) > 0 &&
            val(c, i + 1) < 10) {
            *n += val(c, i + 1);
            return 2;
        }
        return 1;
    }
    if (k == W_DIG && c->t[i].nd <= 4 && val(c, i) > 0) {
        *n = val(c, i);
        return 1;
    }
    if (k == W_A) {
        if (cls(c, i + 1) == W_NUM && val(c, i + 1) < 0) {   /* a few */
            *n = -1;
            return 2;
        }
        if (cls(c, i + 1) == W_NUM && val(c, i + 1) == 2 && cls(c, i + 2) == W_OF) {
            *n = 2;                                             /* a couple of */
            return 3;
        }
        *n = 1;
        return 1;
    }
    return 0;
}

static const char unit_letter[][3] = {"", "D", "W", "M", "Y", "Q", "DE", "CE", "WE", "H", "M"};

static int set_duration(tres *r, int n, int u, int type) {
    if (u < U_DAY || u > U_MINUTE || u == U_WEEKEND) return 0;
    const char *t = u == U_HOUR || u == U_MINUTE ? "T" : "";
    r->type = (uint8_t)type;
    if (n < 0) snprintf(r->v, sizeof r->v, "P%sX%s", t, unit_letter[u]);
    else snprintf(r->v, sizeof r->v, "P%s%d%s", t, n, unit_letter[u]);
    memset(&r->d, 0, sizeof r->d);
    return 1;
}

/* ----- m_dur: three years, the past two weeks, 24-hour, two years ago. */
static uint32_t m_dur(mctx *c, uint32_t j, tres *r) {
    uint32_t k = j;
    if (cls(c, k) == W_DURADJ) {
        int u = c->t[k].val2;
        return set_duration(r, val(c, k), u, DYAD_TIMEX_DURATION) ? k + 1 : 0;
    }
    int mod = 0;
    if (cls(c, k) == W_MOD && (val(c, k) == -1 || val(c, k) == 1 || val(c, k) == -2)) {
        mod = 1;
        k++;
    }
    int n = 0, pl = 0;
    uint32_t used = count_at(c, k, &n);
    if (!used) return 0;
    int is_a = cls(c, k) == W_A;
    k += used;
    int u = unit_at(c, k, &pl);
    if (!u) return 0;
    if (is_a && mod) return 0;                      /* "the last a year" */
    k++;
    const dyad_token *nt = k < c->n ? &c->tok[k] : NULL;
    int earlier = nt && cls(c, k) == W_PART && nt->len == 7 &&
                  !strncasecmp(c->z + nt->start, "earlier", 7);
    if (u == U_YEAR && n >= 1 && !mod && (earlier || cls(c, k) == W_AGO) && has(c)) {
        /* a year earlier, a year ago: in a story about a quarter, that
        ** quarter a year before */
        if (n == 1 && c->ctxq >= 0) return set_quarter(r, c->ctxq - 4) ? k + 1 : 0;
        return set_year(r, c->dct.year - n) ? k + 1 : 0;
    }
    if (cls(c, k) == W_AGO && !mod) {
        if (!has(c)) return 0;
        if (n < 0) {
            set_ref(r, R_PAST);
            return k + 1;
        }
        int y = c->dct.year;
        switch (u) {
        case U_DAY: return set_day(r, dyad_date_add_days(c->dct, -n)) ? k + 1 : 0;
        case U_WEEK: return set_day(r, dyad_date_add_days(c->dct, -7 * n)) ? k + 1 : 0;
        case U_MONTH:
            return set_month_index(r, (long)y * 12 + (c->dct.month - 1) - n) ? k + 1 : 0;
        case U_YEAR: return set_year(r, y - n) ? k + 1 : 0;
        case U_DECADE: return set_year(r, y - 10 * n) ? k + 1 : 0;
        default: return 0;
        }
    }
    if (is_a && j > 0) {
        /* "$5 a year", "twice a week": a rate */
        int p = cls(c, j - 1);
        const dyad_token *pt = &c->tok[j - 1];
        int times = (pt->len == 4 && !strncasecmp(c->z + pt->start, "once", 4)) ||
                    (pt->len == 5 && !strncasecmp(c->z + pt->start, "twice", 5)) ||
                    (pt->len == 5 && !strncasecmp(c->z + pt->start, "times", 5));
        if (p == W_DIG || p == W_SYM || p == W_NUM || times)
            return set_duration(r, 1, u, DYAD_TIMEX_SET) ? k : 0;
    }
    return set_duration(r, n, u, DYAD_TIMEX_DURATION) ? k : 0;
}

/* ----- m_set: every week, each year, daily, annually. */
static uint32_t m_set(mctx *c, uint32_t j, tres *r) {
    int k = cls(c, j), pl = 0, n = 1;
    if (k == W_SETADV) return set_duration(r, 1, val(c, j), DYAD_TIMEX_SET) ? j + 1 : 0;
    if (k != W_EVERY) return 0;
    uint32_t e = j + 1;
    if (cls(c, e) == W_OTHER) {
        n = 2;
        e++;
    } else if (cls(c, e) == W_NUM || cls(c, e) == W_DIG) {
        uint32_t used = count_at(c, e, &n);
        if (!used || n < 1) return 0;
        e += used;
    }
    int u = unit_at(c, e, &pl);
    if (!u || (n == 1 && pl)) return 0;
    return set_duration(r, n, u, DYAD_TIMEX_SET) ? e + 1 : 0;
}

/* ----- m_time: 3 p.m. [Tuesday], 9:30 a.m., noon. */
static uint32_t m_time(mctx *c, uint32_t j, tres *r) {
    int minutes;
    uint32_t k = j;
    int k0 = cls(c, k);
    if (k0 == W_DIG && c->t[k].nd <= 2 && val(c, k) >= 1 && val(c, k) <= 12 &&
        cls(c, k + 1) == W_AMPM) {
        minutes = (val(c, k) % 12 + val(c, k + 1)) * 60;
        k += 2;
    } else if (k0 == W_CLOCK) {
        minutes = val(c, k++);
        if (cls(c, k) == W_AMPM) {
            if (minutes < 12 * 60) minutes = (minutes % (12 * 60)) + val(c, k) * 60;
            k++;
        } else if (!(c->t[j].fl & K_AMPM)) {
            return 0;       /* "9:30" alone may be a score or a verse */
        }
    } else if (k0 == W_NOONMID) {
        minutes = val(c, k++) * 60;
    } else {
        return 0;
    }
    /* a time zone in capitals (EDT, GMT) */
    if (k < c->n && c->tok[k].kind == DYAD_TOK_WORD && c->tok[k].len >= 3 && c->tok[k].len <= 4 &&
        c->z[c->tok[k].start + c->tok[k].len - 1] == 'T' && (c->t[k].fl & K_CAP) &&
        c->z[c->tok[k].start + 1] >= 'A' && c->z[c->tok[k].start + 1] <= 'Z')
        k++;
    dyad_date d = c->dct;
    uint32_t f = k;
    if (cls(c, f) == W_PREP && (cls(c, f + 1) == W_WDAY || cls(c, f + 1) == W_DREL)) f++;
    if (has(c) && cls(c, f) == W_WDAY) {
        d = date_of(weekday_dn(c, val(c, f), 2, tense(c, j, f + 1)));
        k = f + 1;
    } else if (has(c) && cls(c, f) == W_DREL) {
        d = dyad_date_add_days(c->dct, val(c, f));
        k = f + 1;
    }
    r->type = DYAD_TIMEX_TIME;
    if (minutes >= 24 * 60) minutes = 24 * 60;
    if (d.year)
        snprintf(r->v, sizeof r->v, "%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day,
                 minutes / 60, minutes % 60);
    else snprintf(r->v, sizeof r->v, "XXXX-XX-XXT%02d:%02d", minutes / 60, minutes % 60);
    r->d = d;
    return k;
}

/* ----- m_anaphor: the period, the 1988 period, the year-ago quarter,
** year-earlier: the quarter the story is about (or its year). */
static uint32_t m_anaphor(mctx *c, uint32_t j, tres *r) {
    int k = cls(c, j), pl = 0;
    if (!has(c)) return 0;
    if (k == W_YAGO) {
        uint32_t e = j + 1;
        if (cls(c, e) == W_ORD && unit_at(c, e + 1, &pl) == U_QUARTER) e++;
        if ((unit_at(c, e, &pl) == U_QUARTER && !pl) || cls(c, e) == W_PERIOD) e++;
        if (c->ctxq >= 0) return set_quarter(r, c->ctxq - 4) ? e : 0;
        return set_year(r, c->dct.year - 1) ? e : 0;
    }
    if (k == W_PERIOD && c->the && c->ctxq >= 0) return set_quarter(r, c->ctxq) ? j + 1 : 0;
    if (k == W_MOD && val(c, j) == 0 && cls(c, j + 1) == W_PERIOD && c->the && c->ctxq >= 0)
        return set_quarter(r, c->ctxq) ? j + 2 : 0;             /* the latest period */
    if (is_year(c, j) && cls(c, j + 1) == W_PERIOD) {
        if (c->ctxq >= 0) return set_quarter(r, (long)val(c, j) * 4 + c->ctxq % 4) ? j + 2 : 0;
        return set_year(r, val(c, j)) ? j + 2 : 0;
    }
    if (k == W_YEAREND || (k == W_UNIT && val(c, j) == U_YEAR && cls(c, j + 1) == W_EDGE &&
                           c->tok[j + 1].len == 3)) {
        /* year-end: this year's last day, the last one after "since" */
        uint32_t e = j + (k == W_YEAREND ? 1 : 2);
        int y = c->dct.year - (tense(c, j, e) < 0);
        dyad_date d = {(int16_t)y, 12, 31};
        return set_day(r, d) ? e : 0;
    }
    return 0;
}

/* ----- m_spoken: nineteen ninety-six, two thousand, the 20th century. */
static uint32_t m_spoken(mctx *c, uint32_t j, tres *r) {
    int k = cls(c, j), pl = 0;
    if (k == W_NUM && (val(c, j) == 19 || val(c, j) == 18) && cls(c, j + 1) == W_NUM &&
        val(c, j + 1) >= 10 && val(c, j + 1) <= 99)
        return set_year(r, val(c, j) * 100 + val(c, j + 1)) ? j + 2 : 0;
    if (k == W_NUM && val(c, j) == 2 && cls(c, j + 1) == W_THOUSAND && c->the)
        return set_year(r, 2000) ? j + 2 : 0;
    if (k == W_ORDN && val(c, j) >= 1 && val(c, j) <= 21 && unit_at(c, j + 1, &pl) == U_CENTURY &&
        !pl) {
        r->type = DYAD_TIMEX_DATE;
        snprintf(r->v, sizeof r->v, "%02d", val(c, j) - 1);
        memset(&r->d, 0, sizeof r->d);
        return j + 2;
    }
    return 0;
}

typedef uint32_t (*rule_fn)(mctx *c, uint32_t j, tres *r);
static const rule_fn rules[] = {m_date, m_year, m_rel,  m_quarter, m_season,  m_ref,
                                m_dur,  m_set,  m_time, m_anaphor, m_spoken};

/* The longest expression starting at token i (after its prefixes): its end,
** or 0. */
static uint32_t match_at(mctx *c, uint32_t i, tres *best) {
    uint32_t j = i;
    int the = 0;
    for (int np = 0; np < 5 && j < c->n; np++) {
        int k = cls(c, j);
        if (k == W_THE) {
            the = 1;
            j++;
        } else if (k == W_PART && j + 1 < c->n) {
            the = 0;
            j++;
        } else if (k == W_EDGE && cls(c, j + 1) == W_OF) {
            the = 0;
            j += 2;
        } else if (k == W_FISCAL || k == W_APPROX) {
            the = 0;
            j++;
        } else {
            break;
        }
    }
    uint32_t end = 0;
    c->the = the;
    for (size_t k = 0; k < sizeof rules / sizeof *rules; k++) {
        tres r;
        memset(&r, 0, sizeof r);
        uint32_t e = rules[k](c, j, &r);
        if (e > end) {
            end = e;
            *best = r;
        }
    }
    c->the = 0;
    return end;
}

/* ------------------------------------------------------------ classify */

/* Class of one token into *t. */
static void classify(const char *z, const dyad_token *tok, tk *t) {
    memset(t, 0, sizeof *t);
    const char *p = tok->norm ? tok->norm : z + tok->start;
    size_t n = tok->norm ? strlen(tok->norm) : tok->len;
    if (tok->kind == DYAD_TOK_PUNCT) {
        if (n == 1 && p[0] == ',') t->cls = W_COMMA;
        return;
    }
    if (tok->kind == DYAD_TOK_SYMBOL) {
        t->cls = W_SYM;
        return;
    }
    if (n == 0 || n > 24) return;
    if (tok->kind == DYAD_TOK_NUMBER) {
        size_t d = 0;
        while (d < n && p[d] >= '0' && p[d] <= '9') d++;
        int v = 0;
        for (size_t q = 0; q < d && q < 5; q++) v = v * 10 + (p[q] - '0');
        if (d == n && d <= 4) {
            t->cls = W_DIG;
            t->nd = (uint8_t)d;
            t->val = (int16_t)v;
        } else if (d == 4 && n == 5 && p[4] == 's') {
            t->cls = W_DECADE;
            t->nd = 4;
            t->val = (int16_t)(v / 10 * 10);
        } else if (d >= 1 && d <= 2 && n == d + 2 &&
                   (!strncmp(p + d, "st", 2) || !strncmp(p + d, "nd", 2) ||
                    !strncmp(p + d, "rd", 2) || !strncmp(p + d, "th", 2))) {
            t->cls = W_ORDN;
            t->val = (int16_t)v;
        } else if (d == 4 && n == 10 && p[4] == '-' && p[7] == '-') {
            t->cls = W_ISO;
        } else if (d >= 1 && d <= 2 && d < n && p[d] == '/') {
            t->cls = W_ISO;
        } else if (d >= 1 && d <= 2 && n >= d + 3 && p[d] == ':' && p[d + 1] >= '0' &&
                   p[d + 1] <= '5' && p[d + 2] >= '0' && p[d + 2] <= '9' && v < 24) {
            t->cls = W_CLOCK;
            int m = v * 60 + (p[d + 1] - '0') * 10 + (p[d + 2] - '0');
            size_t rest = n - d - 3;
            if (rest == 2 && (p[d + 3] | 32) == 'p' && (p[d + 4] | 32) == 'm') {
                if (v < 12) m += 12 * 60;
                t->fl |= K_AMPM;
            } else if (rest == 2 && (p[d + 3] | 32) == 'a' && (p[d + 4] | 32) == 'm') {
                if (v == 12) m -= 12 * 60;
                t->fl |= K_AMPM;
            } else if (rest) {
                t->cls = W_NONE;
            }
            t->val = (int16_t)m;
        } else if (d >= 1 && d <= 4 && d + 1 < n && p[d] == '-') {
            /* 24-hour, 10-day */
            char w[24];
            size_t m = n - d - 1;
            for (size_t q = 0; q < m; q++) w[q] = (char)(p[d + 1 + q] | 0x20);
            w[m] = 0;
            const tmx_word *e = lookup(w, m);
            if (e && e->cls == W_UNIT && !(e->fl & TF_PLURAL) && v > 0) {
                t->cls = W_DURADJ;
                t->val = (int16_t)v;
                t->val2 = e->val;
            }
        }
        return;
    }
    if (tok->kind != DYAD_TOK_WORD) return;
    if (tok->flags & DYAD_TF_UPPER) t->fl |= K_CAP;
    if (tok->flags & DYAD_TF_CLITIC) {
        if (n == 2 && (p[1] | 0x20) == 's') t->fl |= K_CLITIC;
    }
    /* A past-tense cue, and the cheap rejection: a word longer than any
    ** time word (with its period) and with no hyphen is none. */
    if (n >= 4 && p[n - 1] == 'd' && p[n - 2] == 'e' && !(t->fl & K_CAP)) t->fl |= K_ED;
    if (n > 13 && !memchr(p, '-', n)) return;
    char w[25];
    for (size_t q = 0; q < n; q++) {
        char ch = p[q];
        w[q] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
    }
    w[n] = 0;
    if (n == 4 && w[0] == '\'' && w[1] >= '0' && w[1] <= '9' && w[2] >= '0' && w[2] <= '9' &&
        w[3] == 's') {
        t->cls = W_DECADE;
        t->nd = 2;
        t->val = (int16_t)((w[1] - '0') * 10 + (w[2] - '0'));
        return;
    }
    const tmx_word *e = lookup(w, n);
    if (!e && n > 1 && w[n - 1] == '.') {
        w[n - 1] = 0;
        t->fl |= K_PER;
        e = lookup(w, n - 1);
    }
    if (e) {
        t->fl &= (uint8_t)~K_ED;
        t->cls = e->cls;
        t->val = e->val;
        t->fl |= e->fl;
        return;
    }
    char *hy = strchr(w, '-');
    if (hy && hy > w && hy[1]) {
        *hy = 0;
        const tmx_word *l = lookup(w, (size_t)(hy - w));
        const char *rw = hy + 1;
        size_t rn = strlen(rw), d = 0;
        const tmx_word *re = lookup(rw, rn);
        while (d < rn && rw[d] >= '0' && rw[d] <= '9') d++;
        int rv = 0;
        for (size_t q = 0; q < d && q < 5; q++) rv = rv * 10 + (rw[q] - '0');
        if (l && l->cls == W_UNIT && l->val == U_YEAR && !(l->fl & TF_PLURAL)) {
            if (!strcmp(rw, "ago") || !strcmp(rw, "earlier")) t->cls = W_YAGO;
            else if (!strcmp(rw, "end")) t->cls = W_YEAREND;
            return;
        }
        if (l && l->cls == W_PART) {
            /* mid-November, early-1990s, mid-1990 */
            if (re && re->cls == W_MONTH) {
                t->cls = W_MONTH;
                t->val = re->val;
                t->fl |= K_CAP | (re->fl & TF_ABBR) | K_PER;
                t->part = (uint8_t)l->val;
            } else if (d == 4 && rn == 4) {
                t->cls = W_DIG;
                t->nd = 4;
                t->val = (int16_t)rv;
                t->part = (uint8_t)l->val;
            } else if (d == 4 && rn == 5 && rw[4] == 's') {
                t->cls = W_DECADE;
                t->nd = 4;
                t->val = (int16_t)(rv / 10 * 10);
                t->part = (uint8_t)l->val;
            }
            return;
        }
        if (l && l->cls == W_NUM && l->val > 0 && re && re->cls == W_UNIT && !(re->fl & TF_PLURAL)) {
            t->cls = W_DURADJ;                  /* five-year */
            t->val = l->val;
            t->val2 = re->val;
            return;
        }
        if (l && l->cls == W_NUM && l->val >= 20 && re && re->cls == W_NUM && re->val > 0 &&
            re->val < 10) {
            t->cls = W_NUM;                     /* twenty-four */
            t->val = (int16_t)(l->val + re->val);
            return;
        }
        if (l && l->cls == W_ORD && re &&
            ((re->cls == W_UNIT && re->val == U_QUARTER && !(re->fl & TF_PLURAL)) ||
             re->cls == W_HALF)) {
            t->cls = W_QADJ;                    /* third-quarter, first-half */
            t->val = l->val;
            t->val2 = re->cls == W_HALF ? 0 : U_QUARTER;
            return;
        }
        return;
    }
}

/* ------------------------------------------------------------------ scan */

/* Per class: 1 begins an expression, 2 only as a prefix of one (before a
** word of a class that begins one), 0 never. */
static const uint8_t starts[] = {
    [W_MONTH] = 1, [W_WDAY] = 1, [W_DREL] = 1, [W_UNIT] = 2, [W_MOD] = 1, [W_PART] = 2,
    [W_EDGE] = 2, [W_NUM] = 1, [W_SEASON] = 1, [W_ORD] = 1, [W_REF] = 1, [W_PRESENT] = 1,
    [W_SETADV] = 1, [W_EVERY] = 1, [W_FISCAL] = 2, [W_THE] = 2, [W_A] = 2, [W_THESE] = 2,
    [W_APPROX] = 2, [W_NOONMID] = 1, [W_PERIOD] = 2, [W_YAGO] = 1, [W_YEAREND] = 1,
    [W_DIG] = 1, [W_ORDN] = 1, [W_DECADE] = 1, [W_ISO] = 1, [W_CLOCK] = 1, [W_DURADJ] = 1,
    [W_QADJ] = 1, [W_SYM] = 0, [W_COMMA] = 0, [W_HALF] = 0,
};

int tmx_story(const char *z, const dyad_sentence *sents, size_t nsents, dyad_date dct,
              dyad_arena *ar, dyad_vec *out) {
    tk local[256];
    mctx c;
    memset(&c, 0, sizeof c);
    c.z = z;
    c.ctxq = -1;
    if (dct.year && dct.month && dct.day) {
        c.dct = dct;
        c.dn = days_of(dct.year, (unsigned)dct.month, (unsigned)dct.day);
    }
    for (size_t si = 0; si < nsents; si++) {
        const dyad_sentence *se = &sents[si];
        tk *t = local;
        if (se->ntokens > 256) {
            t = arena_alloc(ar, se->ntokens * sizeof *t);
            if (!t) return -1;
        }
        int any = 0;
        for (uint32_t i = 0; i < se->ntokens; i++) {
            classify(z, &se->tokens[i], &t[i]);
            any |= t[i].cls > W_NONE && t[i].cls != W_COMMA && t[i].cls != W_SYM;
        }
        if (!any) continue;
        c.tok = se->tokens;
        c.t = t;
        c.n = se->ntokens;
        for (uint32_t i = 0; i < c.n;) {
            int k = t[i].cls;
            /* only a token that can begin an expression is tried; a prefix
            ** ("the", "a", "late", "some") only before another class word */
            int nx = i + 1 < c.n ? t[i + 1].cls : W_NONE;
            if (!(starts[k] == 1 || (starts[k] == 2 && starts[nx]))) {
                i++;
                continue;
            }
            tres r;
            uint32_t a = i;
            uint32_t e = match_at(&c, i, &r);
            if (!e) {
                i++;
                continue;
            }
            /* (the prefixes belong to the expression) */
            dyad_timex *x = dvec_push(out, sizeof *x);
            char *v = arena_strndup(ar, r.v, strlen(r.v));
            if (!x || !v) return -1;
            x->sentence = (uint32_t)si;
            x->tok_start = a;
            x->tok_end = e;
            x->start = se->tokens[a].start;
            x->end = se->tokens[e - 1].start + se->tokens[e - 1].len;
            x->type = r.type;
            x->value = v;
            x->date = r.d;
            if (r.anchor)
                c.ctxq = (long)atoi(r.v) * 4 + (r.v[6] - '1');
            i = e;
        }
    }
    return 0;
}
