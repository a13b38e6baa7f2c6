/*
** base.h - shared low-level types of the dyad library: a growable byte
** buffer, a bump arena, a growable vector, and small string helpers.
**
** Contract: nothing here allocates behind the caller's back except the
** functions documented to grow their object.  Growth failures set the
** object's `oom` flag (sticky, SQLite's mallocFailed) instead of returning
** an error at every call; callers test the flag at API boundaries and turn it
** into DYAD_NOMEM.
*/
#ifndef DYAD_BASE_H
#define DYAD_BASE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dyad.h"

#if defined(__GNUC__)
#define DYAD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define DYAD_LIKELY(x) __builtin_expect(!!(x), 1)
#define DYAD_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define DYAD_PRINTF(a, b)
#define DYAD_LIKELY(x) (x)
#define DYAD_UNLIKELY(x) (x)
#endif

/* ----- byte buffer: owns its bytes, always NUL-terminated when p != NULL */
typedef struct dyad_buf {
    char  *p;       /* bytes (malloc'd), or NULL while empty */
    size_t n;       /* bytes used, excluding the terminating NUL */
    size_t cap;     /* bytes allocated */
    int    oom;     /* sticky: an append failed */
} dyad_buf;

void  dbuf_free(dyad_buf *b);
void  dbuf_reset(dyad_buf *b);                     /* n = 0, keeps memory */
int   dbuf_reserve(dyad_buf *b, size_t extra);     /* 0 ok, -1 oom */
void  dbuf_append(dyad_buf *b, const void *p, size_t n);
void  dbuf_putc(dyad_buf *b, char c);
void  dbuf_puts(dyad_buf *b, const char *s);
void  dbuf_printf(dyad_buf *b, const char *fmt, ...) DYAD_PRINTF(2, 3);
/* Append the whole file at path (model and gazetteer images); 0, or -1 with
** a message naming the file in err (errn bytes).  b has a buffer after a
** success, even for an empty file. */
int   dbuf_read_file(dyad_buf *b, const char *path, char *err, size_t errn);

/* ----- arena: bump allocator, reset per story; returns NULL when out of
** memory (and sets oom).  Memory is 16-byte aligned. */
typedef struct dyad_arena_block dyad_arena_block;
typedef struct dyad_arena {
    dyad_arena_block *head;   /* current block (others chained behind) */
    size_t used;              /* bytes used in head */
    int oom;                  /* sticky: an allocation failed */
} dyad_arena;

void *arena_alloc(dyad_arena *a, size_t n);
char *arena_strndup(dyad_arena *a, const char *s, size_t n);
char *arena_printf(dyad_arena *a, const char *fmt, ...) DYAD_PRINTF(2, 3);
void  arena_reset(dyad_arena *a);  /* keeps the first block */
void  arena_free(dyad_arena *a);
size_t arena_bytes(const dyad_arena *a);   /* bytes held in blocks */

/* ----- vector of fixed-size items */
typedef struct dyad_vec {
    void  *p;       /* items */
    size_t n;       /* items used */
    size_t cap;     /* items allocated */
    int    oom;     /* sticky: a push failed */
} dyad_vec;

/* Room for one more item of size sz; returns a pointer to it (n grows by
** one) or NULL when out of memory.  Pointers into p die on the next push. */
void *dvec_push(dyad_vec *v, size_t sz);
void  dvec_free(dyad_vec *v);
/* Room for n more items of size sz without moving; 0, or -1 (oom set). */
int   dvec_reserve(dyad_vec *v, size_t sz, size_t n);
#define DVEC_AT(v, T, i) (((T *)(v)->p)[i])

/* ----- strings */
/* malloc'd printf; NULL when out of memory. */
char *dyad_strdupf(const char *fmt, ...) DYAD_PRINTF(1, 2);
/* Case-insensitive ASCII comparison of z[0..n) with the C string s. */
int dyad_ieq(const char *z, size_t n, const char *s);

/* ----- hashing */
/* A 64-bit finaliser (splitmix64's): spreads every input bit over the output. */
static inline uint64_t dyad_mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* FNV-1a over z[0..n). */
static inline uint64_t dyad_fnv1a(const char *z, size_t n) {
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)z[i];
        h *= 1099511628211u;
    }
    return h;
}

/* ----- dates (src/base/date.c) */
/* Days in month m of year y (1..12); 0 for a bad month. */
int dyad_days_in_month(int y, int m);
/* Days since 1970-01-01 of year y, month m, day d (proleptic Gregorian). */
long dyad_days_from_civil(long y, unsigned m, unsigned d);
/* d moved by days (negative: back); a date without a day is returned as is. */
dyad_date dyad_date_add_days(dyad_date d, int days);

#endif /* DYAD_BASE_H */
