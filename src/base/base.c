/*
** base.c - byte buffers, arenas, vectors and string helpers (see base.h).
*/
#include "base.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---------------------------------------------------------------- buffer */

void dbuf_free(dyad_buf *b) {
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
    b->oom = 0;
}

void dbuf_reset(dyad_buf *b) {
    b->n = 0;
    if (b->p) b->p[0] = 0;
}

int dbuf_reserve(dyad_buf *b, size_t extra) {
    if (b->oom) return -1;
    if (b->n + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra + 1) {
        if (cap > SIZE_MAX / 2) { b->oom = 1; return -1; }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) { b->oom = 1; return -1; }
    b->p = p;
    b->cap = cap;
    b->p[b->n] = 0;
    return 0;
}

void dbuf_append(dyad_buf *b, const void *p, size_t n) {
    if (dbuf_reserve(b, n)) return;
    if (n) memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = 0;
}

void dbuf_putc(dyad_buf *b, char c) {
    if (b->n + 2 > b->cap && dbuf_reserve(b, 1)) return;
    b->p[b->n++] = c;
    b->p[b->n] = 0;
}

void dbuf_puts(dyad_buf *b, const char *s) { dbuf_append(b, s, strlen(s)); }

void dbuf_printf(dyad_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if ((size_t)k < sizeof tmp) { dbuf_append(b, tmp, (size_t)k); return; }
    if (dbuf_reserve(b, (size_t)k)) return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

int dbuf_read_file(dyad_buf *b, const char *path, char *err, size_t errn) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errn, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0) dbuf_reserve(b, (size_t)st.st_size);
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) dbuf_append(b, chunk, k);
    int bad = ferror(f);
    fclose(f);
    if (!bad && !b->oom) dbuf_reserve(b, 0);      /* an empty file still gets a buffer */
    if (bad || b->oom) {
        snprintf(err, errn, "%s: %s", path, bad ? "read error" : "out of memory");
        return -1;
    }
    return 0;
}

/* ----------------------------------------------------------------- arena */

struct dyad_arena_block {
    dyad_arena_block *next;   /* older block */
    size_t size;              /* usable bytes in data */
    _Alignas(16) unsigned char data[];
};

#define ARENA_BLOCK (64 * 1024)

void *arena_alloc(dyad_arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->used + n > a->head->size) {
        size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        dyad_arena_block *blk = malloc(sizeof *blk + size);
        if (!blk) { a->oom = 1; return NULL; }
        blk->size = size;
        blk->next = a->head;
        a->head = blk;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    return p;
}

char *arena_strndup(dyad_arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_printf(dyad_arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (k < 0) return NULL;
    char *p = arena_alloc(a, (size_t)k + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)k + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_reset(dyad_arena *a) {
    /* Keep the newest block (the largest working set) and free the rest. */
    if (!a->head) return;
    dyad_arena_block *b = a->head->next;
    while (b) {
        dyad_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head->next = NULL;
    a->used = 0;
    a->oom = 0;
}

void arena_free(dyad_arena *a) {
    dyad_arena_block *b = a->head;
    while (b) {
        dyad_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
    a->oom = 0;
}

size_t arena_bytes(const dyad_arena *a) {
    size_t n = 0;
    for (const dyad_arena_block *b = a->head; b; b = b->next) n += sizeof *b + b->size;
    return n;
}

/* ---------------------------------------------------------------- vector */

void *dvec_push(dyad_vec *v, size_t sz) {
    if (v->oom) return NULL;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *p = realloc(v->p, cap * sz);
        if (!p) { v->oom = 1; return NULL; }
        v->p = p;
        v->cap = cap;
    }
    return (char *)v->p + sz * v->n++;
}

int dvec_reserve(dyad_vec *v, size_t sz, size_t n) {
    if (v->oom) return -1;
    if (v->n + n <= v->cap) return 0;
    size_t cap = v->cap ? v->cap : 16;
    while (cap < v->n + n) cap *= 2;
    void *p = realloc(v->p, cap * sz);
    if (!p) { v->oom = 1; return -1; }
    v->p = p;
    v->cap = cap;
    return 0;
}

void dvec_free(dyad_vec *v) {
    free(v->p);
    v->p = NULL;
    v->n = v->cap = 0;
    v->oom = 0;
}

/* --------------------------------------------------------------- strings */

char *dyad_strdupf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (k < 0) return NULL;
    char *p = malloc((size_t)k + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)k + 1, fmt, ap);
    va_end(ap);
    return p;
}

int dyad_ieq(const char *z, size_t n, const char *s) {
    size_t i = 0;
    for (; i < n; i++) {
        if (!s[i]) return 0;
        if (tolower((unsigned char)z[i]) != tolower((unsigned char)s[i])) return 0;
    }
    return s[i] == 0;
}

/* ---------------------------------------------------------------- status */

/* ORDER STATUS */
static const char *const status_names[] = {
    "ok", "done", "error", "nomem", "io", "format", "toobig", "usage",
};

const char *dyad_status_name(dyad_status s) {
    if ((unsigned)s < sizeof status_names / sizeof *status_names)
        return status_names[s];
    return "unknown";
}

const char *dyad_version(void) { return DYAD_VERSION; }

/* ----------------------------------------------------------------- dates */

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian). */
long dyad_days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

dyad_date dyad_date_add_days(dyad_date d, int days) {
    if (!d.year || !d.month || !d.day || !days) return d;
    long z = dyad_days_from_civil(d.year, (unsigned)d.month, (unsigned)d.day) + days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned dd = doy - (153 * mp + 2) / 5 + 1;
    unsigned mm = mp < 10 ? mp + 3 : mp - 9;
    y += mm <= 2;
    if (y < 1 || y > 9999) return d;
    dyad_date out = {(int16_t)y, (int8_t)mm, (int8_t)dd};
    return out;
}

int dyad_days_in_month(int y, int m) {
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return days[m - 1];
}

static int digits(const char *z, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (z[i] < '0' || z[i] > '9') return -1;
        v = v * 10 + (z[i] - '0');
    }
    return v;
}

dyad_status dyad_date_parse(const char *z, size_t n, dyad_date *out) {
    dyad_date d = {0, 0, 0};
    int y = -1, m = -1, dd = -1;
    *out = d;
    while (n && (*z == ' ' || *z == '\t')) { z++; n--; }
    while (n && (z[n - 1] == ' ' || z[n - 1] == '\t')) n--;
    if (n == 8) {                                   /* YYYYMMDD */
        y = digits(z, 4); m = digits(z + 4, 2); dd = digits(z + 6, 2);
    } else if (n >= 10 && z[4] == '-' && z[7] == '-') {  /* YYYY-MM-DD[...] */
        y = digits(z, 4); m = digits(z + 5, 2); dd = digits(z + 8, 2);
        if (n > 10 && z[10] != 'T' && z[10] != 't' && z[10] != ' ') return DYAD_FORMAT;
    } else {
        return DYAD_FORMAT;
    }
    if (y < 1 || m < 1 || dd < 1 || dd > dyad_days_in_month(y, m)) return DYAD_FORMAT;
    d.year = (int16_t)y;
    d.month = (int8_t)m;
    d.day = (int8_t)dd;
    *out = d;
    return DYAD_OK;
}

char *dyad_date_format(dyad_date d, char buf[11]) {
    buf[0] = 0;
    if (d.year <= 0 || d.year > 9999) return NULL;
    int y = d.year, m = d.month, dd = d.day, k = 0;
    buf[k++] = (char)('0' + y / 1000);
    buf[k++] = (char)('0' + y / 100 % 10);
    buf[k++] = (char)('0' + y / 10 % 10);
    buf[k++] = (char)('0' + y % 10);
    if (m >= 1 && m <= 12) {
        buf[k++] = '-';
        buf[k++] = (char)('0' + m / 10);
        buf[k++] = (char)('0' + m % 10);
        if (dd >= 1 && dd <= 31) {
            buf[k++] = '-';
            buf[k++] = (char)('0' + dd / 10);
            buf[k++] = (char)('0' + dd % 10);
        }
    }
    buf[k] = 0;
    return buf;
}
