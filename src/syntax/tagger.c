/*
** tagger.c - averaged-perceptron part-of-speech tagger: UPOS and Penn XPOS
** predicted jointly, one class per frequent (UPOS, XPOS) pair of training.
**
** Contract (see syntax.h): a model is an immutable object, shared by
** threads; syn_tag writes upos and xpos of every word and uses only the
** caller's scratch buffer (no allocation once it has grown).  Training is
** deterministic for a given seed.
**
** How it works.  Words are tagged greedily left to right.  A word's
** features - lower-cased word, affixes, shape, neighbouring words, the two
** previous predicted classes, the "ambiguity class" of the word and its
** neighbours (the set of classes the word had in training) - are hashed to
** 64 bits; the model maps a 32-bit fingerprint of each feature to its
** weights: up to four (class, int16) pairs inline in a 16-byte slot, else
** a sparse or a dense row.  Frequent words that always had one class (the
** tag dictionary) skip the classifier.  Weights are averaged over training
** steps, the best iterations of four runs are averaged, and the result is
** quantised to int16 with saturating sums.
**
** Speed comes from the role cache.  Most static features depend on one
** word only, in one of five roles (the word itself, its left and right
** neighbours at distance 1 and 2), so the summed scores of each role are
** precomputed when the model loads for the 8192 most frequent word types;
** a word then costs five vector additions, its pair features and its seven
** class-history features.  Feature lookups of a sentence are prefetched in
** bulk so that their cache misses overlap.
**
** Model file (little-endian):
**   magic "DYADTAG\0", u32 version, u32 nclass, u32 nxpos, u32 fslots,
**   u32 nsparse, u32 ndense, u32 lslots, u32 dslots, u32 ncache,
**   u32 cache bytes, u64 checksum (FNV-1a) of what follows;
**   nxpos names (u8 length + bytes; name 0 is "_");
**   nclass x (u8 upos, u16 xpos);
**   fslots x (u32 fingerprint, 4 x u8 class, 4 x i16 weight)  features;
**       class byte 0 = 255: sparse row (w0 | w1<<16 = offset, w2 = count),
**       254: dense row (w0 | w1<<16 = row number)
**   nsparse x u32 (class<<16 | uint16 weight)                sparse rows
**   ndense x stride x i16 (stride = nclass rounded up to 8)  dense rows
**   lslots x (u32 fingerprint, u32 ambiguity class)          lexicon
**   dslots x (u32 fingerprint, u32 class + 1)                tag dictionary
**   ncache NUL-terminated forms                              role cache words
** Loading checks the magic, version, sizes, checksum and every index, so a
** damaged file is refused with a message and tagging never reads outside
** the tables.
*/
#include "syntax.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define TG_MAGIC "DYADTAG"      /* 8 bytes with the NUL */
#define TG_VERSION 1u
#define TG_MAXCLASS 250         /* classes fit a byte; 250.. are START/END markers */
#define TG_HEAD 56              /* header bytes */

/* Tag dictionary: a word (exact form) seen at least TG_DICT_MIN times with
** one class at least TG_DICT_RATIO of the time is tagged without the
** classifier.  Ambiguity classes cover lower-cased words seen at least
** TG_AMB_MIN times, listing the classes with a share >= TG_AMB_SHARE; in
** training they are jackknifed over TG_FOLDS folds of sentences, so that a
** training word is as often unknown as a new word will be. */
#define TG_DICT_MIN 10
#define TG_DICT_RATIO 0.99
#define TG_AMB_MIN 1
#define TG_AMB_SHARE 0.05
#define TG_FOLDS 10

/* Share of training sentences added again in capitals ("HEADLINE") and in
** title case ("Headline Style"), so that news headlines tag sensibly. */
#define TG_AUG_UPPER 0.02
#define TG_AUG_TITLE 0.02

/* (UPOS, XPOS) pairs seen fewer times than this share of the training
** words (30 in EWT) are trained as a frequent class. */
#define TG_MINPAIR 1.5e-4

/* Independent training runs whose best weights are averaged, and the
** passes over the data per run when the caller does not say. */
#define TG_RUNS 4
#define TG_ITERS 12

#define TG_MAXFEAT 48

/* Quantisation: the largest weight becomes TG_QMAX, so that a word's
** summed score rarely saturates int16; a feature whose largest weight
** quantises below TG_PRUNE is dropped (keeps the file near 4 MB and the
** feature table cache-friendly, for about 0.05 points of accuracy). */
#define TG_QMAX 4095.0
#define TG_PRUNE 120

/* Feature table load factor; rows of more than TG_SPARSE weights are
** stored dense. */
#define TG_LOAD 0.7
#define TG_SPARSE 16

/* Role cache: the TG_NCACHE most frequent word types seen at least
** TG_CACHE_MIN times (about 6 MB of memory once loaded). */
#define TG_NCACHE 8192
#define TG_CACHE_MIN 2

/* ------------------------------------------------------------ hashing */


#define FNV_OFF 0xcbf29ce484222325ULL
#define FNV_MUL 0x100000001b3ULL
#define GOLD 0x9e3779b97f4a7c15ULL

static uint64_t tg_fnv(const char *z, size_t n) {
    uint64_t h = FNV_OFF;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)z[i]) * FNV_MUL;
    return h;
}

static int tg_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* ------------------------------------------------------------ tokens */

/* Capitalisation classes. */
enum { CAP_NONE, CAP_LOWER, CAP_INIT, CAP_ALL, CAP_MIXED };

/* What the features need of one word, computed once per sentence. */
typedef struct tg_tok {
    uint64_t w;             /* lower-cased form */
    uint64_t raw;           /* form as written */
    uint64_t pre[4];        /* lower-cased prefixes of 1..4 bytes */
    uint64_t suf[4];        /* lower-cased suffixes of 1..4 bytes */
    uint64_t shape;         /* Xxx, dd.d, x-x: character classes, runs cut at 3 */
    uint32_t amb;           /* ambiguity class of w (0 = unknown word) */
    int32_t  dict;          /* tag-dictionary class, -1 when none */
    const int16_t *roles;   /* R_NROLE x stride role scores (cache or scratch) */
    uint32_t flags;         /* caps class | digit<<3 | hyphen<<4 */
    uint32_t first;         /* the word starts the sentence */
} tg_tok;

/* Fill k from form z[0..n); first: the word starts the sentence. */
static void tg_tok_fill(tg_tok *k, const char *z, size_t n, int first) {
    uint64_t w = FNV_OFF, raw = FNV_OFF, sh = FNV_OFF;
    int nup = 0, nlow = 0, digit = 0, hyph = 0, firstup = -1, last = -1, run = 0, shlen = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)z[i];
        raw = (raw ^ (uint64_t)c) * FNV_MUL;
        w = (w ^ (uint64_t)tg_lower(c)) * FNV_MUL;
        if (i < 4) k->pre[i] = w;
        int cls;
        if (c >= 'A' && c <= 'Z') { cls = 'X'; nup++; if (firstup < 0) firstup = 1; }
        else if (c >= 'a' && c <= 'z') { cls = 'x'; nlow++; if (firstup < 0) firstup = 0; }
        else if (c >= '0' && c <= '9') { cls = 'd'; digit = 1; }
        else if (c >= 0x80) {
            if (c < 0xC0) continue;             /* UTF-8 continuation byte */
            cls = 'u'; nlow++; if (firstup < 0) firstup = 0;
        } else {
            cls = c;
            if (c == '-') hyph = 1;
        }
        if (cls == last) {
            if (++run > 3) continue;
        } else {
            run = 1;
            last = cls;
        }
        if (shlen < 16) {
            sh = (sh ^ (uint64_t)cls) * FNV_MUL;
            shlen++;
        }
    }
    for (size_t i = n; i < 4; i++) k->pre[i] = w;
    uint64_t s = FNV_OFF;
    for (size_t i = 0; i < 4; i++) {
        if (i < n) s = (s ^ (uint64_t)tg_lower((unsigned char)z[n - 1 - i])) * FNV_MUL;
        k->suf[i] = s;
    }
    k->w = w;
    k->raw = raw;
    k->shape = sh;
    int cap;
    if (nup == 0 && nlow == 0) cap = CAP_NONE;
    else if (nup == 0) cap = CAP_LOWER;
    else if (nlow == 0) cap = nup == 1 ? CAP_INIT : CAP_ALL;
    else cap = firstup == 1 ? CAP_INIT : CAP_MIXED;
    k->flags = (uint32_t)cap | (uint32_t)digit << 3 | (uint32_t)hyph << 4;
    k->first = (uint32_t)first;
    k->amb = 0;
    k->dict = -1;
}

/* Padding words before and after the sentence. */
static void tg_tok_pad(tg_tok *k, uint64_t v) {
    k->w = k->raw = k->shape = v;
    for (int i = 0; i < 4; i++) k->pre[i] = k->suf[i] = v;
    k->first = 0;
    k->amb = (uint32_t)v;
    k->dict = -1;
    k->flags = 7;
}

/* ------------------------------------------------------------ features */

/* Templates.  The numbers are part of the model format: append only. */
enum {
    T_BIAS = 1, T_W, T_RAW, T_S1, T_S2, T_S3, T_S4, T_P1, T_P2, T_P3, T_P4, T_SHAPE, T_FLAGS,
    T_WM1, T_WM2, T_WP1, T_WP2, T_S3M1, T_S3P1, T_S2P2, T_T1, T_T2, T_T12, T_T1W, T_WM1W,
    T_WWP1, T_AMB, T_AMBP1, T_AMBP2, T_T1AMBP1, T_SHAPEP1, T_FLAGSM1, T_FLAGSP1, T_T1S3,
    T_AMBWP1, T_AMBM1, T_T2T1W, T_WP1WP2, T_SHAPEM1, T_FIRST
};

#define F1(t, a) (f[n++] = dyad_mix64((a) + GOLD * (uint64_t)(t)))
#define F2(t, a, b) (f[n++] = dyad_mix64(dyad_mix64((a) + GOLD * (uint64_t)(t)) ^ (b)))

/* The static features of word i are those of five roles played by the
** words around it - i itself (SELF), i-1 as the left neighbour (L1), i-2
** (L2), i+1 (R1), i+2 (R2) - plus a few pairs of words (PAIR).  A role's
** features depend on one word only, so the tagger can sum them once per
** word type (see the role cache). */
enum { R_SELF, R_L1, R_L2, R_R1, R_R2, R_NROLE };


/* Features of word k in role r; returns their number. */
static size_t tg_role(const tg_tok *k, int r, uint64_t *f) {
    size_t n = 0;
    switch (r) {
    case R_SELF:
        F1(T_BIAS, 0);
        F1(T_W, k->w);
        F1(T_RAW, k->raw);
        F1(T_S1, k->suf[0]);
        F1(T_S2, k->suf[1]);
        F1(T_S3, k->suf[2]);
        F1(T_S4, k->suf[3]);
        F1(T_P1, k->pre[0]);
        F1(T_P2, k->pre[1]);
        F1(T_P3, k->pre[2]);
        F1(T_P4, k->pre[3]);
        F1(T_SHAPE, k->shape);
        F1(T_FLAGS, k->flags);
        F1(T_AMB, k->amb);
        break;
    case R_L1:
        F1(T_WM1, k->w);
        F1(T_S3M1, k->suf[2]);
        F1(T_AMBM1, k->amb);
        F1(T_SHAPEM1, k->shape);
        F1(T_FLAGSM1, k->flags);
        break;
    case R_L2:
        F1(T_WM2, k->w);
        break;
    case R_R1:
        F1(T_WP1, k->w);
        F1(T_S3P1, k->suf[2]);
        F1(T_AMBP1, k->amb);
        F1(T_SHAPEP1, k->shape);
        F1(T_FLAGSP1, k->flags);
        break;
    case R_R2:
        F1(T_WP2, k->w);
        F1(T_S2P2, k->suf[1]);
        F1(T_AMBP2, k->amb);
        break;
    }
    return n;
}

/* Features of word k (k[-2..2] are valid: padded) joining two words. */
static size_t tg_pair(const tg_tok *k, uint64_t *f) {
    size_t n = 0;
    F2(T_WM1W, k[-1].w, k->w);
    F2(T_WWP1, k->w, k[1].w);
    F2(T_AMBWP1, k->amb, k[1].w);
    F2(T_WP1WP2, k[1].w, k[2].w);
    if (k->first) F2(T_FIRST, k->flags, k->amb);
    return n;
}

/* All static features of word k: the roles around it and the pairs. */
static size_t tg_static(const tg_tok *k, uint64_t *f) {
    size_t n = tg_role(k, R_SELF, f);
    n += tg_role(k - 1, R_L1, f + n);
    n += tg_role(k - 2, R_L2, f + n);
    n += tg_role(k + 1, R_R1, f + n);
    n += tg_role(k + 2, R_R2, f + n);
    n += tg_pair(k, f + n);
    return n;
}

/* Features of word k that depend on the two previous classes c1, c2. */
static size_t tg_dynamic(const tg_tok *k, uint32_t c1, uint32_t c2, uint64_t *f) {
    size_t n = 0;
    F1(T_T1, c1);
    F1(T_T2, c2);
    F2(T_T12, c1, c2);
    F2(T_T1W, c1, k->w);
    F2(T_T1AMBP1, c1, k[1].amb);
    F2(T_T1S3, c1, k->suf[2]);
    F2(T_T2T1W, (uint64_t)c2 << 8 | c1, k->w);
    return n;
}

#define PAD_START 0x5354415254ULL   /* arbitrary distinct constants */
#define PAD_END 0x454e44ULL
#define C_START1 (TG_MAXCLASS + 1)
#define C_START2 (TG_MAXCLASS + 2)

/* ------------------------------------------------------------ the model */

/* Lexicon and tag-dictionary slot. */
typedef struct tg_slot {
    uint32_t key;           /* fingerprint, 0 = empty */
    uint32_t val;           /* value */
} tg_slot;

/* Feature slot, 16 bytes: up to four weights inline, so that a feature
** costs one cache line.  A feature with more weights keeps them in the
** overflow array (cls[0] == TG_OVER). */
#define TG_INLINE 4
#define TG_OVER 255             /* sparse overflow row */
#define TG_DENSE 254            /* dense overflow row: (w0,w1) = row number */
typedef struct tg_fslot {
    uint32_t key;               /* fingerprint, 0 = empty */
    uint8_t  cls[TG_INLINE];    /* classes (an unused entry: class 0, weight 0) */
    int16_t  w[TG_INLINE];      /* weights; overflow: (w0,w1) = offset, w2 = count */
} tg_fslot;

struct syn_tagger {
    uint32_t nclass;        /* joint (UPOS, XPOS) classes */
    uint32_t nxpos;         /* XPOS names, 0 = "_" */
    char   **xname;         /* XPOS names (into names) */
    char    *names;         /* XPOS name bytes */
    uint8_t *cupos;         /* class -> UPOS */
    uint16_t *cxpos;        /* class -> XPOS id */
    uint32_t fmask;         /* feature table slots - 1 */
    tg_fslot *ftab;         /* feature table */
    uint32_t nweights;      /* sparse overflow weights */
    uint32_t *wts;          /* sparse overflow: class<<16 | (uint16)weight */
    uint32_t stride;        /* score entries per word: nclass rounded up to 8 */
    uint32_t ndense;        /* dense rows */
    int16_t *dense;         /* dense rows, stride weights each */
    uint32_t lmask;         /* lexicon (ambiguity classes, by lower-cased word) */
    tg_slot *ltab;
    uint32_t dmask;         /* tag dictionary (by exact form) */
    tg_slot *dtab;
    /* Role cache, built when loading: the role scores of the most frequent
    ** word types, so that most words cost five vector additions instead of
    ** thirty feature lookups.  Rows ncache..ncache+3 are the padding words. */
    uint32_t ncache;        /* cached word types */
    uint32_t cbytes;        /* bytes of their forms */
    char    *cforms;        /* the forms, NUL-separated (from the model file) */
    int16_t *cvec;          /* (ncache + 4) x R_NROLE x stride */
    uint32_t wmask;         /* word table (by exact form): slots - 1 */
    struct tg_wslot *wtab;
};

/* Word table slot: what tagging needs of a cached word type. */
typedef struct tg_wslot {
    uint32_t key;           /* fingerprint of the exact form, 0 = empty */
    uint32_t amb;           /* ambiguity class */
    int32_t  dict;          /* tag-dictionary class, -1 when none */
    uint32_t row;           /* role cache row */
} tg_wslot;

static uint32_t tg_fp(uint64_t h) {
    uint32_t k = (uint32_t)(h >> 32);
    return k ? k : 1;
}

/* Value of key h in table t (mask m), or 0 when absent. */
static uint32_t tg_find(const tg_slot *t, uint32_t m, uint64_t h) {
    uint32_t k = tg_fp(h);
    for (uint32_t i = (uint32_t)h & m;; i = (i + 1) & m) {
        if (t[i].key == k) return t[i].val;
        if (t[i].key == 0) return 0;
    }
}

/* Feature slot of hash h, or NULL. */
static const tg_fslot *tg_ffind(const syn_tagger *t, uint64_t h) {
    uint32_t k = tg_fp(h), m = t->fmask;
    for (uint32_t i = (uint32_t)h & m;; i = (i + 1) & m) {
        if (t->ftab[i].key == k) return &t->ftab[i];
        if (t->ftab[i].key == 0) return NULL;
    }
}

#if defined(__GNUC__)
#define TG_PREFETCH(p) __builtin_prefetch(p)
#define TG_PREFETCH2(p) __builtin_prefetch((p), 0, 2)   /* to L2: used a little later */
#else
#define TG_PREFETCH(p) ((void)0)
#define TG_PREFETCH2(p) ((void)0)
#endif

/* Look up features f[0..nf) into v (NULL = absent), prefetching first:
** the lookups are independent, so their cache misses overlap. */
static void tg_refs(const syn_tagger *t, const uint64_t *f, size_t nf, const tg_fslot **v) {
    for (size_t j = 0; j < nf; j++) TG_PREFETCH(&t->ftab[(uint32_t)f[j] & t->fmask]);
    for (size_t j = 0; j < nf; j++) {
        const tg_fslot *s = v[j] = tg_ffind(t, f[j]);
        if (s && s->cls[0] >= TG_DENSE) {
            uint32_t off = (uint32_t)(uint16_t)s->w[0] | (uint32_t)(uint16_t)s->w[1] << 16;
            if (s->cls[0] == TG_DENSE) {
                const char *row = (const char *)(t->dense + (size_t)off * t->stride);
                for (uint32_t b = 0; b < t->stride * 2; b += 64) TG_PREFETCH(row + b);
            } else {
                TG_PREFETCH(t->wts + off);
            }
        }
    }
}

/* Scores are int16 and saturate: the weights are quantised so that a sum
** rarely reaches the limits, and one that does stays the extreme score. */
static int16_t sat16(int32_t x) {
    return (int16_t)(x > 32767 ? 32767 : x < -32768 ? -32768 : x);
}

/* Add the weights of feature slot s to score (stride entries). */
static void tg_add(const syn_tagger *t, const tg_fslot *s, int16_t *score) {
    if (DYAD_LIKELY(s->cls[0] < TG_DENSE)) {
        for (int j = 0; j < TG_INLINE; j++)
            score[s->cls[j]] = sat16(score[s->cls[j]] + s->w[j]);
        return;
    }
    uint32_t off = (uint32_t)(uint16_t)s->w[0] | (uint32_t)(uint16_t)s->w[1] << 16;
    if (s->cls[0] == TG_DENSE) {
        const int16_t *row = t->dense + (size_t)off * t->stride;
#if defined(__SSE2__)
        for (uint32_t c = 0; c < t->stride; c += 8) {
            __m128i *d = (__m128i *)(score + c);
            __m128i x = _mm_loadu_si128((const __m128i *)(row + c));
            _mm_storeu_si128(d, _mm_adds_epi16(_mm_loadu_si128(d), x));
        }
#else
        for (uint32_t c = 0; c < t->stride; c++) score[c] = sat16(score[c] + row[c]);
#endif
        return;
    }
    const uint32_t *w = t->wts + off;
    for (uint32_t c = (uint16_t)s->w[2]; c; c--, w++)
        score[*w >> 16] = sat16(score[*w >> 16] + (int16_t)(uint16_t)(*w & 0xffff));
}

/* The best of classes [0, n): the first with the highest score. */
static uint32_t tg_argmax(const int16_t *sc, uint32_t n) {
    int16_t m = sc[0];
    uint32_t c = 0;
#if defined(__SSE2__)
    if (n >= 8) {
        __m128i v = _mm_loadu_si128((const __m128i *)sc);
        for (c = 8; c + 8 <= n; c += 8) v = _mm_max_epi16(v, _mm_loadu_si128((const __m128i *)(sc + c)));
        int16_t lane[8];
        _mm_storeu_si128((__m128i *)lane, v);
        for (int i = 0; i < 8; i++) if (lane[i] > m) m = lane[i];
    }
#endif
    for (; c < n; c++) if (sc[c] > m) m = sc[c];
    uint32_t best = 0;
    while (sc[best] != m) best++;
    return best;
}

/* dst = a + b, saturating, over stride entries. */
static void tg_vadd(int16_t *dst, const int16_t *a, const int16_t *b, uint32_t stride) {
#if defined(__SSE2__)
    for (uint32_t c = 0; c < stride; c += 8) {
        __m128i x = _mm_adds_epi16(_mm_loadu_si128((const __m128i *)(a + c)),
                                   _mm_loadu_si128((const __m128i *)(b + c)));
        _mm_storeu_si128((__m128i *)(dst + c), x);
    }
#else
    for (uint32_t c = 0; c < stride; c++) dst[c] = sat16(a[c] + b[c]);
#endif
}

/* Role scores of word k into out (R_NROLE x stride). */
static void tg_role_vecs(const syn_tagger *t, const tg_tok *k, int16_t *out) {
    uint64_t f[TG_MAXFEAT];
    const tg_fslot *v[TG_MAXFEAT];
    size_t start[R_NROLE + 1], nf = 0;
    for (int r = 0; r < R_NROLE; r++) {
        start[r] = nf;
        nf += tg_role(k, r, f + nf);
    }
    start[R_NROLE] = nf;
    tg_refs(t, f, nf, v);
    memset(out, 0, (size_t)R_NROLE * t->stride * sizeof *out);
    for (int r = 0; r < R_NROLE; r++)
        for (size_t j = start[r]; j < start[r + 1]; j++)
            if (v[j]) tg_add(t, v[j], out + (size_t)r * t->stride);
}

static const uint64_t tg_pads[4] = {PAD_START, PAD_START + 1, PAD_END, PAD_END + 1};

/* Lexicon values and role scores of the words k[0..n) (the padding
** around them included); uncached words get their roles computed into
** mem ((n) x R_NROLE x stride). */
static void tg_lookup_words(const syn_tagger *t, tg_tok *k, size_t n, int16_t *mem) {
    size_t rs = (size_t)R_NROLE * t->stride;
    k[-2].roles = t->cvec + (t->ncache + 0) * rs;
    k[-1].roles = t->cvec + (t->ncache + 1) * rs;
    k[n].roles = t->cvec + (t->ncache + 2) * rs;
    k[n + 1].roles = t->cvec + (t->ncache + 3) * rs;
    for (size_t i = 0; i < n; i++) TG_PREFETCH(&t->wtab[(uint32_t)dyad_mix64(k[i].raw) & t->wmask]);
    for (size_t i = 0; i < n; i++) {
        uint64_t h = dyad_mix64(k[i].raw);
        uint32_t fp = tg_fp(h);
        const tg_wslot *w = NULL;
        for (uint32_t j = (uint32_t)h & t->wmask;; j = (j + 1) & t->wmask) {
            if (t->wtab[j].key == fp) { w = &t->wtab[j]; break; }
            if (t->wtab[j].key == 0) break;
        }
        if (w) {
            k[i].amb = w->amb;
            k[i].dict = w->dict;
            k[i].roles = t->cvec + w->row * rs;
            for (size_t b = 0; b < rs * sizeof(int16_t); b += 64)
                TG_PREFETCH2((const char *)k[i].roles + b);
            continue;
        }
        k[i].amb = tg_find(t->ltab, t->lmask, dyad_mix64(k[i].w));
        uint32_t d = tg_find(t->dtab, t->dmask, h);
        k[i].dict = d ? (int32_t)d - 1 : -1;
        tg_role_vecs(t, &k[i], mem + i * rs);
        k[i].roles = mem + i * rs;
    }
}

#define TG_MAXPAIR 8

/* Static scores of the words k[0..n) (stride each, in score; words in the
** tag dictionary are skipped): the five role scores around each word plus
** the pair features.  The pair features of the whole sentence are hashed
** and prefetched first (f: n x TG_MAXPAIR), so that their cache misses
** overlap. */
static void tg_static_scores(const syn_tagger *t, const tg_tok *k, size_t n, int16_t *score,
                             uint64_t *f) {
    size_t st = t->stride;
    uint8_t *nf = (uint8_t *)(f + n * TG_MAXPAIR);
    for (size_t i = 0; i < n; i++) {
        nf[i] = (uint8_t)(k[i].dict >= 0 ? 0 : tg_pair(k + i, f + i * TG_MAXPAIR));
        for (size_t j = 0; j < nf[i]; j++) TG_PREFETCH(&t->ftab[(uint32_t)f[i * TG_MAXPAIR + j] & t->fmask]);
    }
    for (size_t i = 0; i < n; i++) {
        const tg_tok *w = k + i;
        if (w->dict >= 0) continue;
        int16_t *sc = score + i * st;
        tg_vadd(sc, w->roles + R_SELF * st, w[-1].roles + R_L1 * st, (uint32_t)st);
        tg_vadd(sc, sc, w[-2].roles + R_L2 * st, (uint32_t)st);
        tg_vadd(sc, sc, w[1].roles + R_R1 * st, (uint32_t)st);
        tg_vadd(sc, sc, w[2].roles + R_R2 * st, (uint32_t)st);
        for (size_t j = 0; j < nf[i]; j++) {
            const tg_fslot *v = tg_ffind(t, f[i * TG_MAXPAIR + j]);
            if (v) tg_add(t, v, sc);
        }
    }
}

/* Make room in the scratch buffer; NULL when out of memory. */
static void *tg_scratch(syn_scratch *s, size_t bytes) {
    if (s->cap < bytes) {
        size_t cap = s->cap ? s->cap : 4096;
        while (cap < bytes) cap *= 2;
        void *p = realloc(s->buf, cap);
        if (!p) return NULL;
        s->buf = p;
        s->cap = cap;
    }
    return s->buf;
}

/* Scratch bytes for a sentence of n words. */
static size_t tg_need(const syn_tagger *t, size_t n) {
    return (n + 4) * sizeof(tg_tok) + n * (TG_MAXPAIR * sizeof(uint64_t) + 1) +
           n * sizeof(uint32_t) + n * t->stride * sizeof(int16_t) +
           n * R_NROLE * t->stride * sizeof(int16_t) + 64;
}

/* Tag n words - forms from words or from (z, len) - writing classes to
** out (n entries in mem, which has tg_need bytes). */
static uint32_t *tg_tag(const syn_tagger *t, const char *const *z, const uint32_t *len,
                        const syn_word *words, size_t n, char *mem) {
    tg_tok *buf = (tg_tok *)mem;
    uint64_t *pairs = (uint64_t *)(buf + n + 4);
    uint32_t *out = (uint32_t *)((char *)(pairs + n * TG_MAXPAIR) + n + 8 - (n & 7));
    int16_t *score = (int16_t *)(out + n);
    int16_t *roles = score + n * t->stride;
    tg_tok_pad(&buf[0], PAD_START);
    tg_tok_pad(&buf[1], PAD_START + 1);
    tg_tok *k = buf + 2;
    for (size_t i = 0; i < n; i++) {
        if (words) tg_tok_fill(&k[i], words[i].form, words[i].len, i == 0);
        else tg_tok_fill(&k[i], z[i], len[i], i == 0);
    }
    tg_tok_pad(&k[n], PAD_END);
    tg_tok_pad(&k[n + 1], PAD_END + 1);
    tg_lookup_words(t, k, n, roles);
    tg_static_scores(t, k, n, score, pairs);

    uint64_t f[TG_MAXFEAT];
    const tg_fslot *v[TG_MAXFEAT];
    uint32_t c1 = C_START1, c2 = C_START2, nc = t->nclass;
    for (size_t i = 0; i < n; i++) {
        uint32_t c;
        if (k[i].dict >= 0) {
            c = (uint32_t)k[i].dict;
        } else {
            int16_t *sc = score + i * t->stride;
            size_t nf = tg_dynamic(k + i, c1, c2, f);
            tg_refs(t, f, nf, v);
            for (size_t j = 0; j < nf; j++)
                if (v[j]) tg_add(t, v[j], sc);
            c = tg_argmax(sc, nc);
        }
        out[i] = c;
        c2 = c1;
        c1 = c;
    }
    return out;
}

void syn_tag(const syn_tagger *t, syn_word *words, size_t n, syn_scratch *s) {
    if (n == 0) return;
    char *mem = tg_scratch(s, tg_need(t, n));
    if (!mem) {
        /* Out of memory: leave a safe, recognisable result. */
        for (size_t i = 0; i < n; i++) {
            words[i].upos = UPOS_X;
            words[i].xpos = 0;
        }
        return;
    }
    uint32_t *cls = tg_tag(t, NULL, NULL, words, n, mem);
    for (size_t i = 0; i < n; i++) {
        words[i].upos = t->cupos[cls[i]];
        words[i].xpos = t->cxpos[cls[i]];
    }
}

/* Build the role cache and word table from t->cforms.  Returns 0 or -1
** (out of memory). */
static int tg_build_cache(syn_tagger *t) {
    size_t rs = (size_t)R_NROLE * t->stride;
    free(t->cvec);
    free(t->wtab);
    t->cvec = malloc((t->ncache + 4) * rs * sizeof *t->cvec);
    uint32_t size = 16;
    while ((double)size * 0.5 < (double)t->ncache + 1) size *= 2;
    t->wmask = size - 1;
    t->wtab = calloc(size, sizeof *t->wtab);
    if (!t->cvec || !t->wtab) return -1;
    tg_tok k;
    for (int i = 0; i < 4; i++) {
        tg_tok_pad(&k, tg_pads[i]);
        tg_role_vecs(t, &k, t->cvec + (t->ncache + (uint32_t)i) * rs);
    }
    const char *z = t->cforms;
    for (uint32_t i = 0; i < t->ncache; i++) {
        size_t len = strlen(z);
        tg_tok_fill(&k, z, len, 0);
        uint64_t h = dyad_mix64(k.raw);
        k.amb = tg_find(t->ltab, t->lmask, dyad_mix64(k.w));
        uint32_t d = tg_find(t->dtab, t->dmask, h);
        k.dict = d ? (int32_t)d - 1 : -1;
        tg_role_vecs(t, &k, t->cvec + i * rs);
        uint32_t fp = tg_fp(h), j = (uint32_t)h & t->wmask;
        while (t->wtab[j].key && t->wtab[j].key != fp) j = (j + 1) & t->wmask;
        t->wtab[j].key = fp;
        t->wtab[j].amb = k.amb;
        t->wtab[j].dict = k.dict;
        t->wtab[j].row = i;
        z += len + 1;
    }
    return 0;
}

int syn_xpos_id(const syn_tagger *t, const char *name) {
    for (unsigned x = 0; t && x < t->nxpos; x++)
        if (!strcmp(t->xname[x], name)) return (int)x;
    return -1;
}

const char *syn_xpos_name(const syn_tagger *t, unsigned x) {
    if (!t || x >= t->nxpos) return "_";
    return t->xname[x];
}

void syn_tagger_free(syn_tagger *t) {
    if (!t) return;
    free(t->xname);
    free(t->names);
    free(t->cupos);
    free(t->cxpos);
    free(t->ftab);
    free(t->wts);
    free(t->dense);
    free(t->ltab);
    free(t->dtab);
    free(t->cforms);
    free(t->cvec);
    free(t->wtab);
    free(t);
}

/* ------------------------------------------------------------ file image */

static uint64_t tg_checksum(const unsigned char *p, size_t n) {
    return tg_fnv((const char *)p, n);
}

static void put_slots(dyad_buf *b, const tg_slot *s, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        syn_put32(b, s[i].key);
        syn_put32(b, s[i].val);
    }
}

/* Serialise t into b (reset first). */
static void tg_image(const syn_tagger *t, dyad_buf *b) {
    dbuf_reset(b);
    dbuf_append(b, TG_MAGIC, 8);
    syn_put32(b, TG_VERSION);
    syn_put32(b, t->nclass);
    syn_put32(b, t->nxpos);
    syn_put32(b, t->fmask + 1);
    syn_put32(b, t->nweights);
    syn_put32(b, t->ndense);
    syn_put32(b, t->lmask + 1);
    syn_put32(b, t->dmask + 1);
    syn_put32(b, t->ncache);
    syn_put32(b, t->cbytes);
    syn_put32(b, 0);                            /* checksum, filled below */
    syn_put32(b, 0);
    for (uint32_t i = 0; i < t->nxpos; i++) {
        size_t len = strlen(t->xname[i]);
        dbuf_putc(b, (char)len);
        dbuf_append(b, t->xname[i], len);
    }
    for (uint32_t c = 0; c < t->nclass; c++) {
        dbuf_putc(b, (char)t->cupos[c]);
        dbuf_putc(b, (char)(t->cxpos[c] & 255));
        dbuf_putc(b, (char)(t->cxpos[c] >> 8));
    }
    for (uint32_t i = 0; i <= t->fmask; i++) {
        const tg_fslot *f = &t->ftab[i];
        syn_put32(b, f->key);
        dbuf_append(b, f->cls, TG_INLINE);
        for (int j = 0; j < TG_INLINE; j++) {
            dbuf_putc(b, (char)((uint16_t)f->w[j] & 255));
            dbuf_putc(b, (char)((uint16_t)f->w[j] >> 8));
        }
    }
    for (uint32_t i = 0; i < t->nweights; i++) syn_put32(b, t->wts[i]);
    for (size_t i = 0; i < (size_t)t->ndense * t->stride; i++) {
        dbuf_putc(b, (char)((uint16_t)t->dense[i] & 255));
        dbuf_putc(b, (char)((uint16_t)t->dense[i] >> 8));
    }
    put_slots(b, t->ltab, t->lmask + 1);
    put_slots(b, t->dtab, t->dmask + 1);
    dbuf_append(b, t->cforms, t->cbytes);
    if (b->oom) return;
    uint64_t sum = tg_checksum((unsigned char *)b->p + TG_HEAD, b->n - TG_HEAD);
    unsigned char *h = (unsigned char *)b->p + 48;
    for (int i = 0; i < 8; i++) h[i] = (unsigned char)(sum >> (8 * i));
}

static int tg_write(const dyad_buf *b, const char *out, char *err, size_t errn) {
    FILE *f = fopen(out, "wb");
    if (!f) {
        snprintf(err, errn, "%s: cannot create: %s", out, strerror(errno));
        return -1;
    }
    int bad = fwrite(b->p, 1, b->n, f) != b->n;
    if (fclose(f) != 0) bad = 1;
    if (bad) {
        snprintf(err, errn, "%s: write failed", out);
        return -1;
    }
    return 0;
}

static int pow2(uint32_t v) { return v && (v & (v - 1)) == 0; }

static tg_slot *get_slots(const unsigned char *p, uint32_t n) {
    tg_slot *s = malloc((size_t)n * sizeof *s);
    if (!s) return NULL;
    for (uint32_t i = 0; i < n; i++) {
        s[i].key = syn_get32(p + 8 * (size_t)i);
        s[i].val = syn_get32(p + 8 * (size_t)i + 4);
    }
    return s;
}

/* A slot table must keep an empty slot, or lookups would not end. */
static int slots_open(const tg_slot *s, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        if (s[i].key == 0) return 1;
    return 0;
}

/* Decode image p[0..n) (from file name, for messages). */
static syn_tagger *tg_from_image(const unsigned char *p, size_t n, const char *name, char *err,
                                 size_t errn) {
    if (n < TG_HEAD || memcmp(p, TG_MAGIC, 8) != 0) {
        snprintf(err, errn, "%s: not a dyad tagger model (bad magic)", name);
        return NULL;
    }
    uint32_t ver = syn_get32(p + 8), nclass = syn_get32(p + 12), nxpos = syn_get32(p + 16);
    uint32_t fslots = syn_get32(p + 20), nweights = syn_get32(p + 24), ndense = syn_get32(p + 28);
    uint32_t lslots = syn_get32(p + 32), dslots = syn_get32(p + 36), ncache = syn_get32(p + 40);
    uint32_t cbytes = syn_get32(p + 44);
    uint64_t sum = (uint64_t)syn_get32(p + 48) | (uint64_t)syn_get32(p + 52) << 32;
    if (ver != TG_VERSION) {
        snprintf(err, errn, "%s: tagger model version %u, expected %u", name, ver, TG_VERSION);
        return NULL;
    }
    if (nclass == 0 || nclass > TG_MAXCLASS || nxpos == 0 || nxpos > 65535 || !pow2(fslots) ||
        !pow2(lslots) || !pow2(dslots) || nweights >= (1u << 28) || ndense >= (1u << 20) || ncache > (1u << 20) || cbytes > (1u << 26) || fslots > (1u << 26) ||
        lslots > (1u << 26) || dslots > (1u << 26)) {
        snprintf(err, errn, "%s: tagger model header has impossible sizes", name);
        return NULL;
    }
    if (tg_checksum(p + TG_HEAD, n - TG_HEAD) != sum) {
        snprintf(err, errn, "%s: tagger model is damaged (checksum mismatch; truncated?)", name);
        return NULL;
    }
    syn_tagger *t = calloc(1, sizeof *t);
    if (!t) goto nomem;
    t->nclass = nclass;
    t->nxpos = nxpos;
    size_t at = TG_HEAD;
    /* names */
    t->xname = calloc(nxpos, sizeof *t->xname);
    t->names = malloc((size_t)nxpos * 256);
    if (!t->xname || !t->names) goto nomem;
    char *q = t->names;
    for (uint32_t i = 0; i < nxpos; i++) {
        if (at >= n || at + 1 + p[at] > n) goto bad;
        size_t len = p[at];
        memcpy(q, p + at + 1, len);
        q[len] = 0;
        t->xname[i] = q;
        q += len + 1;
        at += 1 + len;
    }
    if (strcmp(t->xname[0], "_") != 0) goto bad;
    /* classes */
    if (n - at < (size_t)nclass * 3) goto bad;
    t->cupos = malloc(nclass);
    t->cxpos = malloc(nclass * sizeof *t->cxpos);
    if (!t->cupos || !t->cxpos) goto nomem;
    for (uint32_t c = 0; c < nclass; c++, at += 3) {
        t->cupos[c] = p[at];
        t->cxpos[c] = (uint16_t)(p[at + 1] | p[at + 2] << 8);
        if (t->cupos[c] >= UPOS_COUNT || t->cxpos[c] >= nxpos) goto bad;
    }
    uint32_t stride = (nclass + 7) & ~7u;
    size_t rest = (size_t)fslots * 16 + ((size_t)lslots + dslots) * 8 + (size_t)nweights * 4 +
                  (size_t)ndense * stride * 2 + cbytes;
    if (n - at != rest) goto bad;
    t->fmask = fslots - 1;
    t->lmask = lslots - 1;
    t->dmask = dslots - 1;
    t->nweights = nweights;
    t->ndense = ndense;
    t->stride = stride;
    t->ftab = malloc((size_t)fslots * sizeof *t->ftab);
    t->wts = malloc(((size_t)nweights + 1) * sizeof *t->wts);
    if (!t->ftab || !t->wts) goto nomem;
    int open = 0;
    for (uint32_t i = 0; i < fslots; i++, at += 16) {
        tg_fslot *f = &t->ftab[i];
        f->key = syn_get32(p + at);
        memcpy(f->cls, p + at + 4, TG_INLINE);
        for (int j = 0; j < TG_INLINE; j++)
            f->w[j] = (int16_t)(uint16_t)(p[at + 8 + 2 * j] | p[at + 9 + 2 * j] << 8);
        if (f->key == 0) { open = 1; continue; }
        uint32_t off = (uint32_t)(uint16_t)f->w[0] | (uint32_t)(uint16_t)f->w[1] << 16;
        if (f->cls[0] == TG_OVER) {
            if ((uint16_t)f->w[2] > nclass || (uint64_t)off + (uint16_t)f->w[2] > nweights) goto bad;
        } else if (f->cls[0] == TG_DENSE) {
            if (off >= ndense) goto bad;
        } else {
            for (int j = 0; j < TG_INLINE; j++)
                if (f->cls[j] >= nclass) goto bad;
        }
    }
    if (!open) goto bad;
    for (uint32_t i = 0; i < nweights; i++, at += 4) {
        t->wts[i] = syn_get32(p + at);
        if ((t->wts[i] >> 16) >= nclass) goto bad;
    }
    t->dense = malloc(((size_t)ndense * stride + 1) * sizeof *t->dense);
    if (!t->dense) goto nomem;
    for (size_t i = 0; i < (size_t)ndense * stride; i++, at += 2) {
        t->dense[i] = (int16_t)(uint16_t)(p[at] | p[at + 1] << 8);
        if (i % stride >= nclass && t->dense[i] != 0) goto bad;   /* padding stays zero */
    }
    t->ltab = get_slots(p + at, lslots);
    at += (size_t)lslots * 8;
    t->dtab = get_slots(p + at, dslots);
    if (!t->ltab || !t->dtab) goto nomem;
    if (!slots_open(t->ltab, lslots) || !slots_open(t->dtab, dslots)) goto bad;
    for (uint32_t i = 0; i < dslots; i++)
        if (t->dtab[i].key && (t->dtab[i].val == 0 || t->dtab[i].val > nclass)) goto bad;
    at += (size_t)dslots * 8;
    /* The cached forms: ncache NUL-terminated strings filling cbytes. */
    t->ncache = ncache;
    t->cbytes = cbytes;
    t->cforms = malloc((size_t)cbytes + 1);
    if (!t->cforms) goto nomem;
    memcpy(t->cforms, p + at, cbytes);
    uint32_t nul = 0;
    for (uint32_t i = 0; i < cbytes; i++) nul += t->cforms[i] == 0;
    if (nul != ncache || (cbytes && t->cforms[cbytes - 1] != 0)) goto bad;
    if (tg_build_cache(t) < 0) goto nomem;
    return t;
bad:
    snprintf(err, errn, "%s: tagger model is inconsistent (a table size or index is out of range)",
             name);
    syn_tagger_free(t);
    return NULL;
nomem:
    snprintf(err, errn, "%s: out of memory loading the tagger model", name);
    syn_tagger_free(t);
    return NULL;
}

/* Read a whole file; NULL with a message on failure. */
static unsigned char *tg_slurp(const char *path, size_t *n, char *err, size_t errn) {
    dyad_buf b;
    if (syn_read_image(path, &b, err, errn) < 0) return NULL;
    *n = b.n;
    return (unsigned char *)b.p;
}

syn_tagger *syn_tagger_load(const char *path, char *err, size_t errn) {
    size_t n;
    unsigned char *p = tg_slurp(path, &n, err, errn);
    if (!p) return NULL;
    syn_tagger *t = tg_from_image(p, n, path, err, errn);
    free(p);
    return t;
}

/* ------------------------------------------------------------ training */

/* A weight being trained, with what averaging needs. */
typedef struct tr_w {
    double   tot;           /* sum of the weight over steps up to ts */
    float    w;             /* current weight */
    uint32_t ts;            /* step of the last change */
    uint32_t cls;
} tr_w;

typedef struct tr_feat {
    uint64_t key;           /* feature hash */
    uint32_t off, n, cap;   /* row in the weight pool */
} tr_feat;

typedef struct trainer {
    uint32_t nclass;
    /* features: open addressing over feats (index + 1), grown at half load */
    uint32_t *fidx;
    uint32_t fmask;
    tr_feat *feats;
    size_t nfeat, capfeat;
    tr_w *pool;
    size_t npool, cappool;
    uint32_t now;           /* training step */
    int oom;
} trainer;

static tr_feat *tr_get(trainer *tr, uint64_t key, int add) {
    uint32_t i = (uint32_t)dyad_mix64(key) & tr->fmask;
    for (;; i = (i + 1) & tr->fmask) {
        uint32_t v = tr->fidx[i];
        if (v == 0) break;
        if (tr->feats[v - 1].key == key) return &tr->feats[v - 1];
    }
    if (!add) return NULL;
    if (tr->nfeat == tr->capfeat) {
        size_t c = tr->capfeat ? tr->capfeat * 2 : 65536;
        tr_feat *p = realloc(tr->feats, c * sizeof *p);
        if (!p) { tr->oom = 1; return NULL; }
        tr->feats = p;
        tr->capfeat = c;
    }
    if ((tr->nfeat + 1) * 2 > (size_t)tr->fmask + 1) {
        uint32_t m = tr->fmask * 2 + 1;
        uint32_t *idx = calloc((size_t)m + 1, sizeof *idx);
        if (!idx) { tr->oom = 1; return NULL; }
        for (size_t j = 0; j < tr->nfeat; j++) {
            uint32_t h = (uint32_t)dyad_mix64(tr->feats[j].key) & m;
            while (idx[h]) h = (h + 1) & m;
            idx[h] = (uint32_t)j + 1;
        }
        free(tr->fidx);
        tr->fidx = idx;
        tr->fmask = m;
        i = (uint32_t)dyad_mix64(key) & m;
        while (idx[i]) i = (i + 1) & m;
    }
    tr_feat *f = &tr->feats[tr->nfeat];
    f->key = key;
    f->off = 0;
    f->n = f->cap = 0;
    tr->fidx[i] = (uint32_t)++tr->nfeat;
    return f;
}

/* The weight of class cls in feature f, added when absent; NULL when out
** of memory. */
static tr_w *tr_weight(trainer *tr, tr_feat *f, uint32_t cls) {
    for (uint32_t k = 0; k < f->n; k++)
        if (tr->pool[f->off + k].cls == cls) return &tr->pool[f->off + k];
    if (f->n == f->cap) {
        uint32_t c = f->cap ? f->cap * 2 : 2;
        if (tr->npool + c > tr->cappool) {
            size_t pc = tr->cappool ? tr->cappool * 2 : 1 << 20;
            while (pc < tr->npool + c) pc *= 2;
            tr_w *p = realloc(tr->pool, pc * sizeof *p);
            if (!p) { tr->oom = 1; return NULL; }
            tr->pool = p;
            tr->cappool = pc;
        }
        memcpy(tr->pool + tr->npool, tr->pool + f->off, f->n * sizeof(tr_w));
        f->off = (uint32_t)tr->npool;
        f->cap = c;
        tr->npool += c;
    }
    tr_w *w = &tr->pool[f->off + f->n++];
    w->tot = 0;
    w->w = 0;
    w->ts = tr->now;
    w->cls = cls;
    return w;
}

static void tr_update(trainer *tr, const uint64_t *fs, size_t nf, uint32_t cls, float d) {
    for (size_t j = 0; j < nf; j++) {
        tr_feat *f = tr_get(tr, fs[j], 1);
        tr_w *w = f ? tr_weight(tr, f, cls) : NULL;
        if (!w) return;
        w->tot += (double)(tr->now - w->ts) * w->w;
        w->ts = tr->now;
        w->w += d;
    }
}

/* A trained averaged weight, kept from the best iteration of a run. */
typedef struct tr_snap {
    uint64_t key;
    uint32_t cls;
    float avg;
} tr_snap;

static uint32_t tr_best(const trainer *tr, const uint64_t *fs, size_t nf, float *score) {
    for (uint32_t c = 0; c < tr->nclass; c++) score[c] = 0;
    for (size_t j = 0; j < nf; j++) {
        tr_feat *f = tr_get((trainer *)tr, fs[j], 0);
        if (!f) continue;
        for (uint32_t k = 0; k < f->n; k++) score[tr->pool[f->off + k].cls] += tr->pool[f->off + k].w;
    }
    uint32_t best = 0;
    for (uint32_t c = 1; c < tr->nclass; c++)
        if (score[c] > score[best]) best = c;
    return best;
}

/* Build an open-addressing slot table of 2^k >= n / load slots. */
static tg_slot *slots_new(size_t n, uint32_t *mask) {
    uint32_t size = 16;
    while ((double)size * 0.6 < (double)n + 1) size *= 2;
    *mask = size - 1;
    return calloc(size, sizeof(tg_slot));
}

static void slots_put(tg_slot *t, uint32_t m, uint64_t h, uint32_t v) {
    uint32_t k = tg_fp(h);
    uint32_t i = (uint32_t)h & m;
    while (t[i].key && t[i].key != k) i = (i + 1) & m;
    t[i].key = k;
    t[i].val = v;
}

/* Averaged weight of w after tr->now steps. */
static double tr_avg(const trainer *tr, const tr_w *w) {
    double now = tr->now ? (double)tr->now : 1.0;
    return (w->tot + (double)(tr->now - w->ts) * w->w) / now;
}

/* Replace t's feature table and weights with the trainer's averaged
** weights, quantised to int16; features whose largest weight quantises
** below TG_PRUNE are dropped.  Returns 0 or -1 (out of memory). */
static int tr_compile(const trainer *tr, syn_tagger *t) {
    double maxa = 0;
    /* over the weights in use: the pool also holds each feature's spare
    ** (uninitialised) slots */
    for (size_t i = 0; i < tr->nfeat; i++) {
        const tr_feat *f = &tr->feats[i];
        for (uint32_t k = 0; k < f->n; k++) {
            double a = fabs(tr_avg(tr, &tr->pool[f->off + k]));
            if (a > maxa) maxa = a;
        }
    }
    double scale = maxa > 0 ? TG_QMAX / maxa : 1.0;
    /* Count the surviving features and overflow weights. */
    size_t nf = 0, nw = 0, nd = 0;
    for (size_t i = 0; i < tr->nfeat; i++) {
        const tr_feat *f = &tr->feats[i];
        long big = 0;
        uint32_t nz = 0;
        for (uint32_t k = 0; k < f->n; k++) {
            long q = labs(lrint(tr_avg(tr, &tr->pool[f->off + k]) * scale));
            nz += q != 0;
            if (q > big) big = q;
        }
        if (big < TG_PRUNE || nz == 0) continue;
        nf++;
        if (nz > TG_SPARSE) nd++;
        else if (nz > TG_INLINE) nw += nz;
    }
    if (nw >= (1u << 28) || nd >= (1u << 20)) return -1;
    uint32_t mask = 16;
    while ((double)mask * TG_LOAD < (double)nf + 1) mask *= 2;
    mask--;
    tg_fslot *ftab = calloc((size_t)mask + 1, sizeof *ftab);
    uint32_t *wts = malloc((nw + 1) * sizeof *wts);
    int16_t *dense = calloc(nd * t->stride + 1, sizeof *dense);
    if (!ftab || !wts || !dense) {
        free(ftab);
        free(wts);
        free(dense);
        return -1;
    }
    size_t at = 0, atd = 0;
    for (size_t i = 0; i < tr->nfeat; i++) {
        const tr_feat *f = &tr->feats[i];
        uint32_t cls[TG_MAXCLASS];
        int16_t q[TG_MAXCLASS];
        uint32_t nz = 0;
        long big = 0;
        for (uint32_t k = 0; k < f->n; k++) {
            const tr_w *w = &tr->pool[f->off + k];
            long x = lrint(tr_avg(tr, w) * scale);
            if (x == 0) continue;
            if (x > 32767) x = 32767;
            if (x < -32767) x = -32767;
            if (labs(x) > big) big = labs(x);
            cls[nz] = w->cls;
            q[nz++] = (int16_t)x;
        }
        if (big < TG_PRUNE || nz == 0) continue;
        uint32_t h = tg_fp(f->key), j = (uint32_t)f->key & mask;
        while (ftab[j].key) j = (j + 1) & mask;
        tg_fslot *s = &ftab[j];
        s->key = h;
        if (nz <= TG_INLINE) {
            for (uint32_t k = 0; k < TG_INLINE; k++) {
                s->cls[k] = (uint8_t)(k < nz ? cls[k] : 0);
                s->w[k] = k < nz ? q[k] : 0;
            }
        } else if (nz > TG_SPARSE) {
            s->cls[0] = TG_DENSE;
            s->w[0] = (int16_t)(uint16_t)(atd & 0xffff);
            s->w[1] = (int16_t)(uint16_t)(atd >> 16);
            for (uint32_t k = 0; k < nz; k++) dense[atd * t->stride + cls[k]] = q[k];
            atd++;
        } else {
            s->cls[0] = TG_OVER;
            s->w[0] = (int16_t)(uint16_t)(at & 0xffff);
            s->w[1] = (int16_t)(uint16_t)(at >> 16);
            s->w[2] = (int16_t)nz;
            for (uint32_t k = 0; k < nz; k++) wts[at++] = cls[k] << 16 | (uint16_t)q[k];
        }
    }
    free(t->ftab);
    free(t->wts);
    free(t->dense);
    t->dense = dense;
    t->ndense = (uint32_t)atd;
    t->ftab = ftab;
    t->fmask = mask;
    t->wts = wts;
    t->nweights = (uint32_t)at;
    return 0;
}

/* A training sentence: forms and gold classes. */
typedef struct tr_sent {
    const char **form;
    uint32_t *len;
    uint32_t *gold;
    size_t n;
    uint32_t fold;          /* jackknife fold */
} tr_sent;

static uint64_t rng_next(uint64_t *s) {
    *s += GOLD;
    return dyad_mix64(*s);
}

/* The class table.  Every (UPOS, XPOS) pair of the training data is
** counted; the most frequent pair of each XPOS and the pairs seen at least
** TG_MINPAIR x the words become classes (most frequent first), and the rarer ones
** are trained as the most frequent class with the same XPOS: a class costs
** every word's scoring time, and a pair seen a handful of times is not
** learnt anyway. */
#define TG_MAXPAIRS 1024
typedef struct tr_classes {
    const char *xname[TG_MAXPAIRS];  /* XPOS names (not owned), 0 = "_" */
    uint32_t nxpos;
    uint8_t  pupos[TG_MAXPAIRS];     /* pairs */
    uint16_t pxpos[TG_MAXPAIRS];
    uint32_t pcount[TG_MAXPAIRS];
    uint32_t pclass[TG_MAXPAIRS];    /* class trained for the pair */
    uint32_t npair;
    uint8_t  cupos[TG_MAXCLASS];    /* classes */
    uint16_t cxpos[TG_MAXCLASS];
    uint32_t nclass;
} tr_classes;

static int tr_xpos_id(tr_classes *cl, const char *x, int add) {
    for (uint32_t i = 0; i < cl->nxpos; i++)
        if (strcmp(cl->xname[i], x) == 0) return (int)i;
    if (!add || cl->nxpos == TG_MAXPAIRS || strlen(x) > 255) return -1;
    cl->xname[cl->nxpos] = x;
    return (int)cl->nxpos++;
}

/* Pair of word w, or -1; add: count it (training data). */
static int tr_pair(tr_classes *cl, const syn_cword *w, int add) {
    int u = syn_upos_id(w->upos, strlen(w->upos));
    int x = tr_xpos_id(cl, w->xpos, add);
    if (x < 0) return -1;
    uint32_t p = 0;
    while (p < cl->npair && !(cl->pupos[p] == u && cl->pxpos[p] == x)) p++;
    if (p == cl->npair) {
        if (!add || cl->npair == TG_MAXPAIRS) return -1;
        cl->pupos[p] = (uint8_t)u;
        cl->pxpos[p] = (uint16_t)x;
        cl->pcount[p] = 0;
        cl->npair++;
    }
    if (add) cl->pcount[p]++;
    return (int)p;
}

/* Choose the classes once all training pairs are counted. */
static void tr_pick_classes(tr_classes *cl) {
    uint32_t order[TG_MAXPAIRS];
    for (uint32_t i = 0; i < cl->npair; i++) order[i] = i;
    for (uint32_t i = 1; i < cl->npair; i++) {        /* stable sort, most frequent first */
        uint32_t v = order[i], j = i;
        while (j > 0 && cl->pcount[order[j - 1]] < cl->pcount[v]) { order[j] = order[j - 1]; j--; }
        order[j] = v;
    }
    double words = 0;
    for (uint32_t i = 0; i < cl->npair; i++) words += cl->pcount[i];
    cl->nclass = 0;
    for (uint32_t i = 0; i < cl->npair; i++) {
        uint32_t p = order[i], first = 1;   /* the most frequent pair of its XPOS? */
        for (uint32_t j = 0; j < i && first; j++) first = cl->pxpos[order[j]] != cl->pxpos[p];
        if (cl->nclass < TG_MAXCLASS && (first || cl->pcount[p] >= TG_MINPAIR * words)) {
            cl->cupos[cl->nclass] = cl->pupos[p];
            cl->cxpos[cl->nclass] = cl->pxpos[p];
            cl->pclass[p] = cl->nclass++;
            continue;
        }
        uint32_t c = 0;                               /* the most frequent class */
        while (c < cl->nclass && cl->cxpos[c] != cl->pxpos[p]) c++;
        if (c == cl->nclass) {
            c = 0;
            while (c < cl->nclass && cl->cupos[c] != cl->pupos[p]) c++;
            if (c == cl->nclass) c = 0;
        }
        cl->pclass[p] = c;
    }
}

/* Convert a treebank to training sentences (train: count the pairs and
** pick the classes); unknown pairs become class -1 (never trained on). */
static tr_sent *tr_sents(const syn_treebank *tb, tr_classes *cl, int train, dyad_arena *a) {
    tr_sent *s = arena_alloc(a, (tb->nsents + 1) * sizeof *s);
    if (!s) return NULL;
    for (size_t i = 0; i < tb->nsents; i++) {
        const syn_csent *cs = &tb->sents[i];
        s[i].n = cs->nwords;
        s[i].fold = (uint32_t)(i % TG_FOLDS);
        s[i].form = arena_alloc(a, cs->nwords * sizeof(char *) + 1);
        s[i].len = arena_alloc(a, cs->nwords * sizeof(uint32_t) + 1);
        s[i].gold = arena_alloc(a, cs->nwords * sizeof(uint32_t) + 1);
        if (!s[i].form || !s[i].len || !s[i].gold) return NULL;
        for (size_t j = 0; j < cs->nwords; j++) {
            s[i].form[j] = cs->words[j].form;
            s[i].len[j] = (uint32_t)strlen(cs->words[j].form);
            s[i].gold[j] = (uint32_t)tr_pair(cl, &cs->words[j], train);
        }
    }
    if (train) tr_pick_classes(cl);
    for (size_t i = 0; i < tb->nsents; i++)
        for (size_t j = 0; j < s[i].n; j++)
            if (s[i].gold[j] != (uint32_t)-1) s[i].gold[j] = cl->pclass[s[i].gold[j]];
    return s;
}

/* A copy of s in capitals (mode 0) or title case (mode 1). */
static int tr_augment(const tr_sent *s, tr_sent *d, int mode, dyad_arena *a) {
    d->n = s->n;
    d->fold = s->fold;
    d->gold = s->gold;
    d->len = s->len;
    d->form = arena_alloc(a, s->n * sizeof(char *) + 1);
    if (!d->form) return -1;
    for (size_t j = 0; j < s->n; j++) {
        char *z = arena_strndup(a, s->form[j], s->len[j]);
        if (!z) return -1;
        for (uint32_t i = 0; i < s->len[j]; i++) {
            if (mode == 0 || i == 0) {
                if (z[i] >= 'a' && z[i] <= 'z') z[i] = (char)(z[i] - 32);
            }
        }
        d->form[j] = z;
    }
    return 0;
}

/* A word type and its count (role cache). */
typedef struct tr_type {
    const char *z;
    uint32_t len, count;
} tr_type;

static int ty_cmp_form(const void *x, const void *y) {
    const tr_type *a = x, *b = y;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->z, b->z, n);
    if (c) return c;
    return (a->len > b->len) - (a->len < b->len);
}

static int ty_cmp_count(const void *x, const void *y) {
    const tr_type *a = x, *b = y;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return ty_cmp_form(x, y);
}

/* One training word occurrence: word key and class, sorted to count. */
typedef struct tr_occ {
    uint64_t key;
    uint32_t cls;
} tr_occ;

static int occ_cmp(const void *x, const void *y) {
    const tr_occ *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return (a->cls > b->cls) - (a->cls < b->cls);
}

/* Word statistics from occurrences o[0..n) (sorted here) into the lexicon
** (ambiguity classes, dict == 0) or the tag dictionary (dict == 1). */
static tg_slot *tr_words(tr_occ *o, size_t n, int dict, uint32_t *mask) {
    qsort(o, n, sizeof *o, occ_cmp);
    tg_slot *t = NULL;
    for (int pass = 0; pass < 2; pass++) {
        size_t count = 0;
        for (size_t i = 0; i < n;) {
            size_t j = i, best = 0;
            uint32_t bestc = 0;
            while (j < n && o[j].key == o[i].key) {
                size_t r = j;
                while (j < n && o[j].key == o[i].key && o[j].cls == o[r].cls) j++;
                if (j - r > best) { best = j - r; bestc = o[r].cls; }
            }
            size_t total = j - i;
            if (dict) {
                if (total >= TG_DICT_MIN && (double)best >= TG_DICT_RATIO * (double)total) {
                    if (pass) slots_put(t, *mask, o[i].key, bestc + 1);
                    count++;
                }
            } else if (total >= TG_AMB_MIN) {
                if (pass) {
                    uint64_t h = 0x414d42;
                    for (size_t r = i; r < j;) {
                        size_t e = r;
                        while (e < j && o[e].cls == o[r].cls) e++;
                        if ((double)(e - r) >= TG_AMB_SHARE * (double)total)
                            h = dyad_mix64(h ^ (o[r].cls + 1));
                        r = e;
                    }
                    slots_put(t, *mask, o[i].key, tg_fp(h));
                }
                count++;
            }
            i = j;
        }
        if (!pass && !(t = slots_new(count, mask))) return NULL;
    }
    return t;
}

/* Ambiguity classes (dict 0) or tag dictionary (dict 1) from the
** sentences not in fold (all when fold < 0); NULL when out of memory. */
static tg_slot *tr_table(const tr_sent *s, size_t ns, int dict, int fold, uint32_t *mask) {
    size_t n = 0;
    for (size_t i = 0; i < ns; i++) n += s[i].n;
    tr_occ *o = malloc((n + 1) * sizeof *o);
    if (!o) return NULL;
    size_t m = 0;
    for (size_t i = 0; i < ns; i++) {
        if ((int)s[i].fold == fold) continue;
        for (size_t j = 0; j < s[i].n; j++) {
            tg_tok k;
            tg_tok_fill(&k, s[i].form[j], s[i].len[j], 0);
            o[m].key = dyad_mix64(dict ? k.raw : k.w);
            o[m++].cls = s[i].gold[j];
        }
    }
    tg_slot *tab = tr_words(o, m, dict, mask);
    free(o);
    return tab;
}

/* Lexicon (ambiguity classes) and tag dictionary of t from sentences. */
static int tr_lexicon(const tr_sent *s, size_t ns, syn_tagger *t) {
    t->ltab = tr_table(s, ns, 0, -1, &t->lmask);
    t->dtab = tr_table(s, ns, 1, -1, &t->dmask);
    return t->ltab && t->dtab ? 0 : -1;
}

/* Padded tokens of sentence s in buf, with the lexicon values; returns the
** first real token. */
static tg_tok *tr_prepare(const syn_tagger *t, tg_tok *buf, const tr_sent *s,
                          const tg_slot *ltab, uint32_t lmask) {
    size_t n = s->n;
    tg_tok_pad(&buf[0], PAD_START);
    tg_tok_pad(&buf[1], PAD_START + 1);
    tg_tok *k = buf + 2;
    for (size_t i = 0; i < n; i++) {
        tg_tok_fill(&k[i], s->form[i], s->len[i], i == 0);
        k[i].amb = tg_find(ltab, lmask, dyad_mix64(k[i].w));
        uint32_t d = tg_find(t->dtab, t->dmask, dyad_mix64(k[i].raw));
        k[i].dict = d ? (int32_t)d - 1 : -1;
    }
    tg_tok_pad(&k[n], PAD_END);
    tg_tok_pad(&k[n + 1], PAD_END + 1);
    return k;
}

/* The forms of the role cache: the TG_NCACHE most frequent word types
** seen at least TG_CACHE_MIN times, NUL-separated into t->cforms. */
static int tr_cache_forms(const tr_sent *s, size_t ns, syn_tagger *t) {
    size_t n = 0;
    for (size_t i = 0; i < ns; i++) n += s[i].n;
    tr_occ *o = malloc((n + 1) * sizeof *o);
    if (!o) return -1;
    size_t m = 0;
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < s[i].n; j++) {
            o[m].key = (uint64_t)i << 32 | j;       /* where the form is */
            o[m++].cls = 0;
        }
    /* Count by sorting on the form, then order the types by frequency. */
    tr_type *ts = malloc((n + 1) * sizeof *ts);
    if (!ts) { free(o); return -1; }
    for (size_t i = 0; i < m; i++) {
        const tr_sent *x = &s[o[i].key >> 32];
        size_t j = (size_t)(o[i].key & 0xffffffffu);
        ts[i].z = x->form[j];
        ts[i].len = x->len[j];
        ts[i].count = 1;
    }
    free(o);
    qsort(ts, m, sizeof *ts, ty_cmp_form);
    size_t nt = 0;
    for (size_t i = 0; i < m; i++) {
        if (nt && ts[nt - 1].len == ts[i].len && memcmp(ts[nt - 1].z, ts[i].z, ts[i].len) == 0)
            ts[nt - 1].count++;
        else
            ts[nt++] = ts[i];
    }
    qsort(ts, nt, sizeof *ts, ty_cmp_count);
    dyad_buf b = {0};
    uint32_t nc = 0;
    for (size_t i = 0; i < nt && nc < TG_NCACHE && ts[i].count >= TG_CACHE_MIN; i++) {
        if (memchr(ts[i].z, 0, ts[i].len)) continue;
        dbuf_append(&b, ts[i].z, ts[i].len);
        dbuf_putc(&b, 0);
        nc++;
    }
    free(ts);
    if (b.oom) { dbuf_free(&b); return -1; }
    free(t->cforms);
    t->cforms = b.p ? b.p : calloc(1, 1);
    t->cbytes = (uint32_t)b.n;
    t->ncache = nc;
    return t->cforms ? 0 : -1;
}

/* Accuracy of t on sentences s[0..n): UPOS and XPOS correct counts. */
static void tr_eval(const syn_tagger *t, const tr_sent *s, size_t ns, const tr_classes *cl,
                    const syn_treebank *tb, syn_scratch *scr, size_t *upos, size_t *xpos,
                    size_t *total) {
    *upos = *xpos = *total = 0;
    for (size_t i = 0; i < ns; i++) {
        size_t n = s[i].n;
        char *mem = tg_scratch(scr, tg_need(t, n));
        if (!mem) return;
        const uint32_t *out = tg_tag(t, s[i].form, s[i].len, NULL, n, mem);
        for (size_t j = 0; j < n; j++) {
            const syn_cword *w = &tb->sents[i].words[j];
            *upos += strcmp(syn_upos_names[cl->cupos[out[j]]], w->upos) == 0;
            *xpos += strcmp(cl->xname[cl->cxpos[out[j]]], w->xpos) == 0;
        }
        *total += n;
    }
}

int syn_tagger_train(const syn_treebank *train, const syn_treebank *dev, int max_iter,
                     uint64_t seed, const char *out, FILE *log, char *err, size_t errn) {
    int rc = -1;
    dyad_arena a = {0};
    trainer tr = {0};
    syn_tagger *t = calloc(1, sizeof *t);
    tr_classes *cl = calloc(1, sizeof *cl);
    dyad_buf img = {0}, best = {0};
    syn_scratch scr = {0};
    size_t *order = NULL;
    float *score = NULL;
    tg_slot *jtab[TG_FOLDS] = {0};
    trainer mix = {0};
    dyad_vec snap = {0};
    uint32_t jmask[TG_FOLDS] = {0};
    if (!t || !cl) goto nomem;
    if (max_iter < 1) max_iter = TG_ITERS;
    cl->xname[cl->nxpos++] = "_";
    tr_sent *ts = tr_sents(train, cl, 1, &a);
    if (!ts) goto nomem;
    for (size_t i = 0; i < train->nsents; i++)
        for (size_t j = 0; j < ts[i].n; j++)
            if (ts[i].gold[j] == (uint32_t)-1) {
                snprintf(err, errn, "training data has more than %d (UPOS, XPOS) pairs",
                         TG_MAXPAIRS);
                goto done;
            }
    tr_sent *ds = dev ? tr_sents(dev, cl, 0, &a) : NULL;
    if (dev && !ds) goto nomem;
    tr.nclass = t->nclass = cl->nclass;
    t->stride = (cl->nclass + 7) & ~7u;
    t->nxpos = cl->nxpos;
    t->xname = calloc(cl->nxpos, sizeof *t->xname);
    t->names = malloc((size_t)cl->nxpos * 256);
    t->cupos = malloc(cl->nclass);
    t->cxpos = malloc(cl->nclass * sizeof *t->cxpos);
    if (!t->xname || !t->names || !t->cupos || !t->cxpos) goto nomem;
    char *q = t->names;
    for (uint32_t i = 0; i < cl->nxpos; i++) {
        strcpy(q, cl->xname[i]);
        t->xname[i] = q;
        q += strlen(q) + 1;
    }
    memcpy(t->cupos, cl->cupos, cl->nclass);
    memcpy(t->cxpos, cl->cxpos, cl->nclass * sizeof *t->cxpos);
    if (tr_lexicon(ts, train->nsents, t) < 0 || tr_cache_forms(ts, train->nsents, t) < 0)
        goto nomem;
    /* Jackknifed ambiguity classes: a training word gets the classes seen
    ** in the other folds, so that it is as often unknown as a new word. */
    for (int fd = 0; fd < TG_FOLDS; fd++)
        if (!(jtab[fd] = tr_table(ts, train->nsents, 0, fd, &jmask[fd]))) goto nomem;
    if (log)
        fprintf(log, "tagger: %zu sentences, %zu words, %u classes, %u XPOS; "
                "%u lexicon and %u tag-dictionary slots\n",
                train->nsents, train->nwords, cl->nclass, cl->nxpos - 1, t->lmask + 1,
                t->dmask + 1);

    /* Training sentences: the treebank plus capitalised copies. */
    uint64_t rng = seed;
    size_t ns = train->nsents, naug = 0;
    tr_sent *all = arena_alloc(&a, (2 * ns + 1) * sizeof *all);
    if (!all) goto nomem;
    memcpy(all, ts, ns * sizeof *all);
    for (size_t i = 0; i < ns; i++) {
        double r = (double)(rng_next(&rng) >> 11) / 9007199254740992.0;
        int mode = r < TG_AUG_UPPER ? 0 : r < TG_AUG_UPPER + TG_AUG_TITLE ? 1 : -1;
        if (mode >= 0 && tr_augment(&ts[i], &all[ns + naug++], mode, &a) < 0) goto nomem;
    }
    size_t nall = ns + naug;
    order = malloc(nall * sizeof *order);
    score = malloc((TG_MAXCLASS + 1) * sizeof *score);
    mix.nclass = t->nclass;
    mix.fmask = (1u << 20) - 1;
    mix.fidx = calloc((size_t)mix.fmask + 1, sizeof *mix.fidx);
    if (!order || !score || !mix.fidx) goto nomem;
    for (size_t i = 0; i < nall; i++) order[i] = i;

    /* Several runs with different shuffles; the final weights are the mean
    ** of each run's best averaged weights (parameter mixing), which evens
    ** out the luck of one shuffle. */
    int restarts = TG_RUNS;
    uint64_t f[TG_MAXFEAT];
    for (int run = 0; run < restarts; run++) {
    double best_acc = -1;
    int best_iter = 0;
    snap.n = 0;
    free(tr.fidx);
    free(tr.feats);
    free(tr.pool);
    memset(&tr, 0, sizeof tr);
    tr.nclass = t->nclass;
    tr.fmask = (1u << 20) - 1;
    tr.fidx = calloc((size_t)tr.fmask + 1, sizeof *tr.fidx);
    if (!tr.fidx) goto nomem;
    for (int it = 1; it <= max_iter; it++) {
        clock_t t0 = clock();
        for (size_t i = nall - 1; i > 0; i--) {     /* Fisher-Yates with the seed */
            size_t j = (size_t)(rng_next(&rng) % (i + 1));
            size_t x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        size_t right = 0, seen = 0;
        for (size_t oi = 0; oi < nall; oi++) {
            const tr_sent *s = &all[order[oi]];
            size_t n = s->n;
            char *mem = tg_scratch(&scr, (n + 4) * sizeof(tg_tok));
            if (!mem) goto nomem;
            tg_tok *k = tr_prepare(t, (tg_tok *)mem, s, jtab[s->fold], jmask[s->fold]);
            uint32_t c1 = C_START1, c2 = C_START2;
            for (size_t j = 0; j < n; j++) {
                uint32_t c, g = s->gold[j];
                if (k[j].dict >= 0) {
                    c = (uint32_t)k[j].dict;
                } else {
                    size_t nf = tg_static(k + j, f);
                    nf += tg_dynamic(k + j, c1, c2, f + nf);
                    c = tr_best(&tr, f, nf, score);
                    tr.now++;
                    if (c != g) {
                        tr_update(&tr, f, nf, g, 1.0f);
                        tr_update(&tr, f, nf, c, -1.0f);
                        if (tr.oom) goto nomem;
                    }
                }
                right += c == g;
                seen++;
                c2 = c1;
                c1 = c;
            }
        }
        if (tr_compile(&tr, t) < 0 || tg_build_cache(t) < 0) goto nomem;
        double train_acc = 100.0 * (double)right / (double)(seen ? seen : 1);
        double acc = (double)it;                    /* without dev: the last iteration wins */
        size_t up = 0, xp = 0, tot = 0;
        if (ds) {
            tr_eval(t, ds, dev->nsents, cl, dev, &scr, &up, &xp, &tot);
            acc = 100.0 * (double)up / (double)(tot ? tot : 1);
        }
        tg_image(t, &img);
        if (img.oom) goto nomem;
        if (log) {
            fprintf(log, "tagger: iteration %d: train %.2f%%", it, train_acc);
            if (ds)
                fprintf(log, ", dev UPOS %.2f%% XPOS %.2f%%", acc,
                        100.0 * (double)xp / (double)(tot ? tot : 1));
            fprintf(log, "; %zu features, %u weights, %.2f MB, %.1f s\n", tr.nfeat, t->nweights,
                    (double)img.n / 1e6, (double)(clock() - t0) / CLOCKS_PER_SEC);
            fflush(log);
        }
        if (acc > best_acc) {
            best_acc = acc;
            best_iter = it;
            dbuf_reset(&best);
            dbuf_append(&best, img.p, img.n);
            if (best.oom) goto nomem;
            snap.n = 0;
            for (size_t i = 0; restarts > 1 && i < tr.nfeat; i++) {
                const tr_feat *ft = &tr.feats[i];
                for (uint32_t k = 0; k < ft->n; k++) {
                    tr_snap *x = dvec_push(&snap, sizeof *x);
                    if (!x) goto nomem;
                    x->key = ft->key;
                    x->cls = tr.pool[ft->off + k].cls;
                    x->avg = (float)tr_avg(&tr, &tr.pool[ft->off + k]);
                }
            }
        }
    }
    if (log)
        fprintf(log, "tagger: run %d: best iteration %d (dev UPOS %.2f%%)\n", run + 1, best_iter,
                best_acc);
    for (size_t i = 0; restarts > 1 && i < snap.n; i++) {
        const tr_snap *x = &DVEC_AT(&snap, tr_snap, i);
        tr_feat *ft = tr_get(&mix, x->key, 1);
        tr_w *w = ft ? tr_weight(&mix, ft, x->cls) : NULL;
        if (!w) goto nomem;
        w->tot += x->avg;
    }
    }
    if (restarts > 1) {
        mix.now = 1;
        for (size_t i = 0; i < mix.npool; i++) mix.pool[i].ts = 1;
        if (tr_compile(&mix, t) < 0 || tg_build_cache(t) < 0) goto nomem;
        tg_image(t, &best);
        if (best.oom) goto nomem;
        if (ds && log) {
            size_t up = 0, xp = 0, tot = 0;
            tr_eval(t, ds, dev->nsents, cl, dev, &scr, &up, &xp, &tot);
            fprintf(log, "tagger: mixed model of %d runs: dev UPOS %.2f%% XPOS %.2f%%\n", restarts,
                    100.0 * (double)up / (double)(tot ? tot : 1),
                    100.0 * (double)xp / (double)(tot ? tot : 1));
        }
    }
    if (log) fprintf(log, "tagger: model %.2f MB\n", (double)best.n / 1e6);
    rc = tg_write(&best, out, err, errn);
    goto done;
nomem:
    snprintf(err, errn, "tagger training: out of memory");
    rc = -1;
done:
    syn_tagger_free(t);
    free(cl);
    free(tr.fidx);
    free(tr.feats);
    free(tr.pool);
    free(order);
    free(score);
    for (int fd = 0; fd < TG_FOLDS; fd++) free(jtab[fd]);
    free(mix.fidx);
    free(mix.feats);
    free(mix.pool);
    dvec_free(&snap);
    dbuf_free(&img);
    dbuf_free(&best);
    syn_scratch_free(&scr);
    arena_free(&a);
    return rc;
}
