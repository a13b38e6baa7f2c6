/*
** gazetteer.c - the gazetteer: load, compile, look up (contract in
** places.h, API in dyad.h).
**
** The image (all integers 32-bit little-endian; read whole into one
** buffer and used in place):
**   header   12 words: magic "DYGZ", version, places, keys, postings, slots,
**            by-id entries, arena bytes, sources (arena offset), TSV key
**            mismatches, 2 spare
**   places   8 words each: geonameid, name, fcode, admin1 (arena offsets),
**            lat, lon (1e-5 degrees, signed; INT32_MIN = unknown),
**            population, kind | country letters << 8, 16, 24
**   keys     arena offset of each distinct key, in sorted order
**   starts   keys + 1 words: the postings of key k are post[starts[k]..
**            starts[k+1]), place indexes, largest population first
**   post     place indexes
**   slots    open addressing (linear probing, a power of two, at most half
**            full): key index + 1, 0 = empty, placed by FNV-1a of the key
**   byid     indexes of the places with a GeoNames id, by id
**   arena    NUL-terminated strings; offset 0 is ""
** Loading an image checks every count, offset and index against the sizes
** (a damaged file is refused, never read out of bounds), which is the
** whole cost besides reading the file.  A TSV (gazetteer.js's columns) is
** compiled into the same image in memory.
*/
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "places.h"
#include "../input/input.h"
#include "../text/text.h"

#define GZ_MAGIC 0x5A475944u    /* "DYGZ" */
#define GZ_VERSION 2u          /* 2: counties and continents */
#define GZ_HDR 12
#define GZ_PLACE 8
#define GZ_NOPOS ((uint32_t)INT32_MIN)
#define GZ_MAXNAME 256          /* longest name looked up or loaded, bytes */

/* A country's place and its capital's (index_country()). */
typedef struct gz_nation {
    char    cc[4];
    int32_t country, capital;   /* place indexes, -1 = none */
} gz_nation;

struct dyad_gazetteer {
    dyad_buf        img;        /* the image (owned) */
    const uint32_t *hdr, *places, *keys, *starts, *post, *slots, *byid;
    const char     *arena;
    uint32_t        nplaces, nkeys, npost, nslots, nbyid, narena;
    double          load_seconds;
    gz_nation      *nations;    /* per country code, sorted by code (owned) */
    uint32_t        nnations;
    dyad_vec        warnings;   /* char * into wa */
    dyad_arena      wa;         /* warning texts */
    char            errmsg[512];
};

/* ORDER PLACEKIND */
static const char *const kind_names[] = {"city", "region", "country", "county", "continent"};
#define GZ_NKINDS 5

const char *dyad_place_kind_name(dyad_place_kind k) {
    return (unsigned)k < GZ_NKINDS ? kind_names[k] : "?";
}

/* ------------------------------------------------------------------ keys */

size_t geo_key(const char *z, size_t n, char *out) {
    size_t o = 0, i = 0;
    int sep = 0;
    while (i < n) {
        unsigned char c = (unsigned char)z[i];
        const char *piece;
        char one[2] = {0, 0};
        size_t len = 1, plen;
        if (c < 0x80) {
            if (c == '.' || c == '\'' || c == '`') { i++; continue; }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == ',' ||
                c == '/' || c == '(' || c == ')') {
                sep = o > 0;
                i++;
                continue;
            }
            one[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            piece = one;
            plen = 1;
        } else {
            txt_char ch;
            txt_decode(z, n, i, &ch);
            len = ch.len;
            uint32_t cp = ch.bad ? 0 : ch.cp;
            if (cp == 0x2019 || cp == 0x2018 || cp == 0x2bb || cp == 0x2bc) { i += len; continue; }
            if (cp == 0xa0 || (cp >= 0x2010 && cp <= 0x2015)) {
                sep = o > 0;
                i += len;
                continue;
            }
            piece = NULL;
            if (cp >= 0xc0 && cp <= 0x24f) piece = geo_fold_latin[cp - 0xc0];
            else if (cp >= 0x1e00 && cp <= 0x1eff) piece = geo_fold_latin_ext[cp - 0x1e00];
            if (piece && piece[0]) {
                plen = strlen(piece);
            } else {
                piece = z + i;          /* kept as it is */
                plen = len;
            }
        }
        if (sep) { out[o++] = ' '; sep = 0; }
        memcpy(out + o, piece, plen);
        o += plen;
        i += len;
    }
    out[o] = 0;
    return o;
}

/* --------------------------------------------------------------- helpers */

static uint32_t get32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int host_le(void) {
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1;
}

/* Reverse the bytes of the n words at p (big-endian hosts). */
static void swap_words(uint32_t *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        uint32_t v = p[i];
        p[i] = v >> 24 | (v >> 8 & 0xff00u) | (v << 8 & 0xff0000u) | v << 24;
    }
}

static void gz_error(dyad_gazetteer *g, const char *fmt, ...) DYAD_PRINTF(2, 3);
static void gz_error(dyad_gazetteer *g, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->errmsg, sizeof g->errmsg, fmt, ap);
    va_end(ap);
}

static void gz_warn(dyad_gazetteer *g, const char *path, size_t line, const char *what) {
    char **slot = dvec_push(&g->warnings, sizeof *slot);
    if (slot) *slot = arena_printf(&g->wa, "%s: line %zu: %s", path, line, what);
    if (slot && !*slot) g->warnings.n--;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ----------------------------------------------------------------- image */

/* Point g's arrays into g->img after checking every size, offset and
** index.  Returns DYAD_OK or DYAD_FORMAT (message set). */
static dyad_status attach(dyad_gazetteer *g, const char *path) {
    size_t n = g->img.n;
    const unsigned char *b = (const unsigned char *)g->img.p;
    if (n < GZ_HDR * 4 || get32(b) != GZ_MAGIC) {
        gz_error(g, "%s: not a dyad gazetteer image", path);
        return DYAD_FORMAT;
    }
    if (get32(b + 4) != GZ_VERSION) {
        gz_error(g, "%s: image version %u, this dyad reads %u (run `make` to rebuild it)", path,
                 get32(b + 4), GZ_VERSION);
        return DYAD_FORMAT;
    }
    uint64_t np = get32(b + 8), nk = get32(b + 12), npo = get32(b + 16), ns = get32(b + 20),
             nb = get32(b + 24), na = get32(b + 28);
    uint64_t words = GZ_HDR + np * GZ_PLACE + nk + (nk + 1) + npo + ns + nb;
    if (words * 4 + na != n || na == 0 || ns == 0 || (ns & (ns - 1)) || ns < nk * 2) {
        gz_error(g, "%s: damaged image (sizes do not add up)", path);
        return DYAD_FORMAT;
    }
    uint32_t *w = (uint32_t *)g->img.p;
    if (!host_le()) swap_words(w, (size_t)words);
    g->hdr = w;
    g->places = w + GZ_HDR;
    g->keys = g->places + np * GZ_PLACE;
    g->starts = g->keys + nk;
    g->post = g->starts + nk + 1;
    g->slots = g->post + npo;
    g->byid = g->slots + ns;
    g->arena = (const char *)(g->byid + nb);
    g->nplaces = (uint32_t)np, g->nkeys = (uint32_t)nk, g->npost = (uint32_t)npo;
    g->nslots = (uint32_t)ns, g->nbyid = (uint32_t)nb, g->narena = (uint32_t)na;
    int bad = g->arena[na - 1] != 0 || g->hdr[8] >= na;
    for (uint32_t i = 0; i < np && !bad; i++) {
        const uint32_t *p = g->places + (size_t)i * GZ_PLACE;
        bad = p[1] >= na || p[2] >= na || p[3] >= na || (p[7] & 0xff) >= GZ_NKINDS;
    }
    for (uint32_t k = 0; k < nk && !bad; k++)
        bad = g->keys[k] >= na || g->starts[k] > g->starts[k + 1];
    bad = bad || g->starts[0] != 0 || g->starts[nk] != npo;
    for (uint32_t i = 0; i < npo && !bad; i++) bad = g->post[i] >= np;
    for (uint32_t i = 0; i < ns && !bad; i++) bad = g->slots[i] > nk;
    for (uint32_t i = 0; i < nb && !bad; i++) bad = g->byid[i] >= np;
    if (bad) {
        gz_error(g, "%s: damaged image (an offset or index is out of range)", path);
        return DYAD_FORMAT;
    }
    return DYAD_OK;
}


/* ------------------------------------------------------ TSV -> image */

typedef struct gz_pair {
    const char *k;      /* key (into the key buffer, set after parsing) */
    uint32_t koff;      /* its offset there */
    uint32_t place;
    uint32_t pop;
} gz_pair;

static int pair_cmp(const void *a, const void *b) {
    const gz_pair *x = a, *y = b;
    int c = strcmp(x->k, y->k);
    if (c) return c;
    if (x->pop != y->pop) return x->pop > y->pop ? -1 : 1;
    return x->place < y->place ? -1 : x->place > y->place;
}

static const uint32_t *id_base;     /* qsort has no context argument */
static int byid_cmp(const void *a, const void *b) {
    uint32_t x = id_base[*(const uint32_t *)a * GZ_PLACE];
    uint32_t y = id_base[*(const uint32_t *)b * GZ_PLACE];
    return x < y ? -1 : x > y;
}

/* Interning of the short strings places repeat (fcodes, admin1 codes). */
#define INTERN_SLOTS 65536
typedef struct gz_intern {
    uint32_t *slot;     /* arena offset + 1, 0 = empty */
    size_t used;
} gz_intern;

static uint32_t arena_add(dyad_buf *arena, const char *z, size_t n) {
    uint32_t off = (uint32_t)arena->n;
    dbuf_append(arena, z, n);
    dbuf_putc(arena, 0);
    return off;
}

static uint32_t intern(gz_intern *t, dyad_buf *arena, const char *z, size_t n) {
    if (n == 0) return 0;
    if (!t->slot || t->used * 4 >= INTERN_SLOTS * 3) return arena_add(arena, z, n);
    size_t h = (size_t)dyad_fnv1a(z, n) & (INTERN_SLOTS - 1);
    while (t->slot[h]) {
        const char *s = arena->p + t->slot[h] - 1;
        if (strlen(s) == n && !memcmp(s, z, n)) return t->slot[h] - 1;
        h = (h + 1) & (INTERN_SLOTS - 1);
    }
    uint32_t off = arena_add(arena, z, n);
    t->slot[h] = off + 1;
    t->used++;
    return off;
}

/* Field i of the tab-separated line: start and length. */
typedef struct { const char *z; size_t n; } gz_field;

static int split_fields(const char *z, size_t n, gz_field *f, int max) {
    int k = 0;
    size_t s = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || z[i] == '\t') {
            if (k == max) return max + 1;
            f[k].z = z + s, f[k].n = i - s, k++;
            s = i + 1;
        }
    }
    return k;
}

/* Parse a decimal (optionally signed, fraction digits) into 1e-5 units. */
static int parse_deg(gz_field f, int32_t *out) {
    if (f.n == 0) { *out = INT32_MIN; return 0; }
    char tmp[32];
    if (f.n >= sizeof tmp) return -1;
    memcpy(tmp, f.z, f.n);
    tmp[f.n] = 0;
    char *end;
    double v = strtod(tmp, &end);
    if (*end || !(v >= -180.0 && v <= 180.0)) return -1;
    *out = (int32_t)(v * 1e5 + (v < 0 ? -0.5 : 0.5));
    return 0;
}

static int parse_u32(gz_field f, uint32_t *out) {
    uint64_t v = 0;
    if (f.n == 0 || f.n > 10) return f.n == 0 ? (*out = 0, 0) : -1;
    for (size_t i = 0; i < f.n; i++) {
        if (f.z[i] < '0' || f.z[i] > '9') return -1;
        v = v * 10 + (uint64_t)(f.z[i] - '0');
    }
    if (v > UINT32_MAX) return -1;
    *out = (uint32_t)v;
    return 0;
}

static dyad_status build_from_tsv(dyad_gazetteer *g, const char *path) {
    char err[512];
    dyad_buf text = {0}, arena = {0}, kb = {0}, out = {0};
    dyad_vec places = {0}, pairs = {0};
    gz_intern in = {calloc(INTERN_SLOTS, sizeof(uint32_t)), 0};
    dyad_status st = DYAD_OK;
    uint32_t sources = 0, mismatches = 0;
    rd_source *src = rd_source_open(path, NULL, 0, err, sizeof err);
    if (!src) {
        gz_error(g, "%s", err);
        free(in.slot);
        return DYAD_IO;
    }
    char chunk[65536];
    long k;
    while ((k = rd_source_read(src, chunk, sizeof chunk, err, sizeof err)) > 0)
        dbuf_append(&text, chunk, (size_t)k);
    rd_source_close(src);
    if (k < 0) {
        gz_error(g, "%s", err);
        st = DYAD_IO;
        goto done;
    }
    dbuf_putc(&arena, 0);                       /* offset 0 = "" */
    const char *prev = NULL;                    /* place columns of the last row */
    size_t prevn = 0, lineno = 0;
    char key[GZ_MAXNAME + 1];
    for (size_t pos = 0; text.p && pos < text.n;) {
        const char *z = text.p + pos;
        const char *nl = memchr(z, '\n', text.n - pos);
        size_t n = nl ? (size_t)(nl - z) : text.n - pos;
        pos += n + 1;
        lineno++;
        if (n && z[n - 1] == '\r') n--;
        if (n == 0) continue;
        if (z[0] == '#') {
            if (n > 11 && !memcmp(z, "# sources: ", 11) && !sources)
                sources = arena_add(&arena, z + 11, n - 11);
            continue;
        }
        gz_field f[10];
        if (split_fields(z, n, f, 10) != 10) {
            gz_warn(g, path, lineno, "expected 10 tab-separated columns");
            continue;
        }
        int kind = -1;
        for (int i = 0; i < GZ_NKINDS; i++)
            if (f[3].n == strlen(kind_names[i]) && !memcmp(f[3].z, kind_names[i], f[3].n)) kind = i;
        uint32_t id, pop;
        int32_t lat, lon;
        if (f[0].n == 0 || f[0].n > GZ_MAXNAME) {
            gz_warn(g, path, lineno, "a name of 1 to 256 bytes expected");
            continue;
        }
        if (kind < 0 || f[5].n != 3 || parse_u32(f[2], &id) || parse_deg(f[7], &lat) ||
            parse_deg(f[8], &lon) || parse_u32(f[9], &pop) || (lat == INT32_MIN) != (lon == INT32_MIN)) {
            gz_warn(g, path, lineno, "expected name, key, geonameid, city|region|country, fcode, "
                                     "country (3 letters), admin1, lat, lon, population");
            continue;
        }
        size_t kn = geo_key(f[0].z, f[0].n, key);
        if (kn == 0) {
            gz_warn(g, path, lineno, "the name has an empty key");
            continue;
        }
        if (kn != f[1].n || memcmp(key, f[1].z, kn)) mismatches++;
        const char *rest = f[2].z;              /* geonameid .. population */
        size_t restn = (size_t)(z + n - rest);
        if (!prev || restn != prevn || memcmp(prev, rest, restn)) {
            uint32_t *p = dvec_push(&places, GZ_PLACE * sizeof(uint32_t));
            if (!p) break;
            p[0] = id;
            p[1] = arena_add(&arena, f[0].z, f[0].n);
            p[2] = intern(&in, &arena, f[4].z, f[4].n);
            p[3] = intern(&in, &arena, f[6].z, f[6].n);
            p[4] = (uint32_t)lat;
            p[5] = (uint32_t)lon;
            p[6] = pop;
            p[7] = (uint32_t)kind | (uint32_t)(unsigned char)f[5].z[0] << 8 |
                   (uint32_t)(unsigned char)f[5].z[1] << 16 | (uint32_t)(unsigned char)f[5].z[2] << 24;
            prev = rest, prevn = restn;
        }
        gz_pair *pr = dvec_push(&pairs, sizeof *pr);
        if (!pr) break;
        pr->koff = (uint32_t)kb.n;
        pr->place = (uint32_t)places.n - 1;
        pr->pop = pop;
        dbuf_append(&kb, key, kn + 1);
    }
    if (places.oom || pairs.oom || kb.oom || arena.oom || text.oom || !in.slot) {
        gz_error(g, "%s: out of memory", path);
        st = DYAD_NOMEM;
        goto done;
    }
    if (places.n == 0) {
        gz_error(g, "%s: no place", path);
        st = DYAD_FORMAT;
        goto done;
    }
    gz_pair *pp = pairs.p;
    for (size_t i = 0; i < pairs.n; i++) pp[i].k = kb.p + pp[i].koff;
    qsort(pp, pairs.n, sizeof *pp, pair_cmp);

    /* Keys and postings (a place named twice with one key counts once). */
    dyad_vec keys = {0}, starts = {0}, post = {0}, byid = {0};
    for (size_t i = 0; i < pairs.n; i++) {
        int newkey = i == 0 || strcmp(pp[i].k, pp[i - 1].k);
        if (!newkey && pp[i].place == pp[i - 1].place) continue;
        if (newkey) {
            uint32_t *ko = dvec_push(&keys, sizeof *ko), *so = dvec_push(&starts, sizeof *so);
            if (ko) *ko = arena_add(&arena, pp[i].k, strlen(pp[i].k));
            if (so) *so = (uint32_t)post.n;
        }
        uint32_t *po = dvec_push(&post, sizeof *po);
        if (po) *po = pp[i].place;
    }
    uint32_t *end = dvec_push(&starts, sizeof *end);
    if (end) *end = (uint32_t)post.n;
    size_t nslots = 16;
    while (nslots < keys.n * 2) nslots *= 2;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    const uint32_t *pl = places.p;
    for (size_t i = 0; i < places.n; i++) {
        uint32_t *b = pl[i * GZ_PLACE] ? dvec_push(&byid, sizeof *b) : NULL;
        if (b) *b = (uint32_t)i;
    }
    id_base = pl;
    if (byid.n) qsort(byid.p, byid.n, sizeof(uint32_t), byid_cmp);
    if (!slots || keys.oom || starts.oom || post.oom || byid.oom || arena.oom) {
        gz_error(g, "%s: out of memory", path);
        st = DYAD_NOMEM;
    } else {
        const uint32_t *ko = keys.p;
        for (size_t kk = 0; kk < keys.n; kk++) {
            const char *s = arena.p + ko[kk];
            size_t h = (size_t)dyad_fnv1a(s, strlen(s)) & (nslots - 1);
            while (slots[h]) h = (h + 1) & (nslots - 1);
            slots[h] = (uint32_t)kk + 1;
        }
        uint32_t hdr[GZ_HDR] = {GZ_MAGIC, GZ_VERSION, (uint32_t)places.n, (uint32_t)keys.n,
                                (uint32_t)post.n, (uint32_t)nslots, (uint32_t)byid.n,
                                (uint32_t)arena.n, sources, mismatches, 0, 0};
        dbuf_append(&out, hdr, sizeof hdr);
        dbuf_append(&out, places.p, places.n * GZ_PLACE * 4);
        dbuf_append(&out, keys.p, keys.n * 4);
        dbuf_append(&out, starts.p, starts.n * 4);
        dbuf_append(&out, post.p, post.n * 4);
        dbuf_append(&out, slots, nslots * 4);
        dbuf_append(&out, byid.p, byid.n * 4);
        dbuf_append(&out, arena.p, arena.n);
        if (out.oom) {
            gz_error(g, "%s: out of memory", path);
            st = DYAD_NOMEM;
        } else {
            size_t words = (out.n - arena.n) / 4;
            if (!host_le()) swap_words((uint32_t *)out.p, words);   /* attach swaps back */
            g->img = out;
            out.p = NULL;
            st = attach(g, path);
        }
    }
    free(slots);
    dvec_free(&keys), dvec_free(&starts), dvec_free(&post), dvec_free(&byid);
done:
    dbuf_free(&text), dbuf_free(&arena), dbuf_free(&kb), dbuf_free(&out);
    dvec_free(&places), dvec_free(&pairs);
    free(in.slot);
    return st;
}

/* -------------------------------------------------------------- the API */

static int nation_cmp(const void *a, const void *b) {
    return strcmp(((const gz_nation *)a)->cc, ((const gz_nation *)b)->cc);
}

static gz_nation *find_nation(const dyad_gazetteer *g, const char *cc) {
    if (!cc || !g->nnations) return NULL;
    gz_nation key;
    memset(&key, 0, sizeof key);
    snprintf(key.cc, sizeof key.cc, "%s", cc);
    return bsearch(&key, g->nations, g->nnations, sizeof key, nation_cmp);
}

/* The country and capital of each country code, for demonyms ("Russian")
** and "the French capital": one pass over the places (the capital is the
** most populous PPLC of the country). */
static int index_nations(dyad_gazetteer *g) {
    size_t cap = 0;
    for (uint32_t i = 0; i < g->nplaces; i++) {
        dyad_place p;
        dyad_gazetteer_place(g, i, &p);
        if (p.kind != DYAD_PLACE_COUNTRY) continue;
        if (g->nnations == cap) {
            cap = cap ? 2 * cap : 256;
            gz_nation *nv = realloc(g->nations, cap * sizeof *nv);
            if (!nv) return -1;
            g->nations = nv;
        }
        gz_nation *n = &g->nations[g->nnations++];
        memcpy(n->cc, p.country, 4);
        n->country = (int32_t)i;
        n->capital = -1;
    }
    if (g->nnations) qsort(g->nations, g->nnations, sizeof *g->nations, nation_cmp);
    for (uint32_t i = 0; i < g->nplaces; i++) {
        dyad_place p;
        dyad_gazetteer_place(g, i, &p);
        if (p.kind != DYAD_PLACE_CITY || strcmp(p.fcode, "PPLC")) continue;
        gz_nation *n = find_nation(g, p.country);
        if (!n) continue;
        if (n->capital >= 0) {
            dyad_place q;
            dyad_gazetteer_place(g, (uint32_t)n->capital, &q);
            if (q.population >= p.population) continue;
        }
        n->capital = (int32_t)i;
    }
    return 0;
}

long dyad_gazetteer_country(const dyad_gazetteer *g, const char *cc) {
    const gz_nation *n = find_nation(g, cc);
    return n ? n->country : -1;
}

long dyad_gazetteer_capital(const dyad_gazetteer *g, const char *cc) {
    const gz_nation *n = find_nation(g, cc);
    return n ? n->capital : -1;
}

dyad_status dyad_gazetteer_load(const char *path, dyad_gazetteer **out) {
    double t0 = now_seconds();
    dyad_gazetteer *g = calloc(1, sizeof *g);
    *out = g;
    if (!g) return DYAD_NOMEM;
    /* An image starts with the magic; anything else is read as a TSV. */
    unsigned char head[4] = {0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        gz_error(g, "%s: cannot open: %s", path, strerror(errno));
        return DYAD_IO;
    }
    size_t got = fread(head, 1, 4, f);
    fclose(f);
    dyad_status st;
    if (got == 4 && get32(head) == GZ_MAGIC) {
        if (dbuf_read_file(&g->img, path, g->errmsg, sizeof g->errmsg)) return g->img.oom ? DYAD_NOMEM : DYAD_IO;
        st = attach(g, path);
    } else {
        st = build_from_tsv(g, path);
    }
    if (st != DYAD_OK) {
        g->nplaces = g->nkeys = g->npost = g->nslots = g->nbyid = 0;
        return st;
    }
    if (index_nations(g) < 0) {
        gz_error(g, "out of memory");
        return DYAD_NOMEM;
    }
    g->load_seconds = now_seconds() - t0;
    return DYAD_OK;
}

void dyad_gazetteer_free(dyad_gazetteer *g) {
    if (!g) return;
    dbuf_free(&g->img);
    free(g->nations);
    dvec_free(&g->warnings);
    arena_free(&g->wa);
    free(g);
}

const char *dyad_gazetteer_errmsg(const dyad_gazetteer *g) {
    return g ? g->errmsg : "out of memory";
}

size_t dyad_gazetteer_warning_count(const dyad_gazetteer *g) { return g->warnings.n; }

const char *dyad_gazetteer_warning(const dyad_gazetteer *g, size_t i) {
    return i < g->warnings.n ? DVEC_AT(&g->warnings, char *, i) : NULL;
}

char *dyad_gazetteer_default_path(const char *dir) {
    if (!dir) dir = getenv("DYAD_DATA");
    if (!dir) dir = DYAD_DATADIR;
    char *bin = dyad_strdupf("%s/geo/gazetteer.bin", dir);
    struct stat st;
    if (!bin || stat(bin, &st) == 0) return bin;
    free(bin);
    return dyad_strdupf("%s/geo/gazetteer.tsv.gz", dir);
}

dyad_status dyad_gazetteer_save(dyad_gazetteer *g, const char *path) {
    if (!g->nplaces) {
        gz_error(g, "%s: nothing to save", path);
        return DYAD_USAGE;
    }
    size_t words = g->img.n - g->narena;
    FILE *f = fopen(path, "wb");
    if (!f) {
        gz_error(g, "%s: cannot create: %s", path, strerror(errno));
        return DYAD_IO;
    }
    uint32_t *w = (uint32_t *)g->img.p;
    if (!host_le()) swap_words(w, words / 4);
    int bad = fwrite(g->img.p, 1, g->img.n, f) != g->img.n;
    if (!host_le()) swap_words(w, words / 4);
    bad |= fclose(f) != 0;
    if (bad) {
        gz_error(g, "%s: write error", path);
        return DYAD_IO;
    }
    return DYAD_OK;
}

size_t dyad_gazetteer_lookup(const dyad_gazetteer *g, const char *z, size_t n,
                             const uint32_t **places) {
    *places = NULL;
    if (!g->nkeys || n == 0 || n > GZ_MAXNAME) return 0;
    char key[GZ_MAXNAME + 1];
    size_t kn = geo_key(z, n, key);
    size_t mask = g->nslots - 1, h = (size_t)dyad_fnv1a(key, kn) & mask;
    for (; g->slots[h]; h = (h + 1) & mask) {
        uint32_t k = g->slots[h] - 1;
        if (!strcmp(g->arena + g->keys[k], key)) {
            *places = g->post + g->starts[k];
            return g->starts[k + 1] - g->starts[k];
        }
    }
    return 0;
}

long dyad_gazetteer_find_id(const dyad_gazetteer *g, uint32_t id) {
    size_t lo = 0, hi = g->nbyid;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t v = g->places[(size_t)g->byid[mid] * GZ_PLACE];
        if (v == id) return (long)g->byid[mid];
        if (v < id) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

void dyad_gazetteer_place(const dyad_gazetteer *g, uint32_t i, dyad_place *out) {
    memset(out, 0, sizeof *out);
    if (i >= g->nplaces) return;
    const uint32_t *p = g->places + (size_t)i * GZ_PLACE;
    out->geonameid = p[0];
    out->name = g->arena + p[1];
    out->fcode = g->arena + p[2];
    out->admin1 = g->arena + p[3];
    out->has_coords = p[4] != GZ_NOPOS;
    if (out->has_coords) {
        out->lat = (double)(int32_t)p[4] / 1e5;
        out->lon = (double)(int32_t)p[5] / 1e5;
    }
    out->population = p[6];
    out->kind = (dyad_place_kind)(p[7] & 0xff);
    out->country[0] = (char)(p[7] >> 8);
    out->country[1] = (char)(p[7] >> 16);
    out->country[2] = (char)(p[7] >> 24);
}

void dyad_gazetteer_get_stats(const dyad_gazetteer *g, dyad_gazetteer_stats *out) {
    memset(out, 0, sizeof *out);
    out->places = g->nplaces;
    out->names = g->npost;
    out->keys = g->nkeys;
    out->bytes = g->img.n;
    out->load_seconds = g->load_seconds;
    out->sources = g->nplaces ? g->arena + g->hdr[8] : "";
    out->key_mismatches = g->nplaces ? g->hdr[9] : 0;
}
