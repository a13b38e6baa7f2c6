/*
** parser.c - greedy transition-based dependency parser: arc-eager
** transitions, an unlabelled move classifier and an arc labeller, both
** averaged perceptrons over hashed feature templates, trained with the
** dynamic oracle of Goldberg & Nivre (2012, 2013) and error exploration.
**
** Contract (see syntax.h)
**   syn_parse sets head (1-based, 0 = root) and deprel (this model's
**   relation ids, named by syn_deprel_name) of every word and always
**   returns a tree: exactly one word gets head 0 and there are no cycles.
**   It uses the caller's scratch only (grown once to the longest sentence);
**   when that growth fails it sets s->arena.oom and every head to -1.
**   The model is immutable after loading and may be shared by threads.
**
** Transition system
**   Arc-eager with an implicit root: the stack starts empty, the buffer is
**   the words 1..n, and parsing stops when the buffer is empty.  Moves are
**   SHIFT, REDUCE (s0 has a head), LEFT (s0 <- b0; s0 has no head) and RIGHT
**   (s0 -> b0, b0 pushed).  A LEFT or RIGHT move asks the labeller for the
**   relation of the new arc at once, so later features see the labels.
**   When the buffer is empty the words still without a head are on the
**   stack: the one with the most dependents (the leftmost on ties) becomes
**   the root and the others are attached to it, labelled by the labeller.
**
** Features
**   Words (lower-cased, digits folded to 0), XPOS and UPOS names, labels,
**   distance, valency and label sets of s0, s1, s2, n0, n1, n2, the head
**   and grandparent of s0, the two leftmost and rightmost dependents of s0,
**   the two leftmost of n0, in the templates of Zhang & Nivre (2011), plus
**   stack context and the words next to s0 and n0 in the sentence.  Tags
**   are hashed by NAME (syn_upos_names, and the XPOS string), so the model
**   depends on the tagger only through the XPOS name table it keeps (see
**   below).  Each template value hashes to a row of a fixed table: 4
**   weights per row for the moves, one per relation for the labeller.
**
** Training
**   Gold trees are projectivised by lifting (a non-projective arc is
**   re-attached to its head's head until the tree is projective), so every
**   sentence is used.  The dynamic oracle gives the cost of each move
**   (gold arcs made unreachable); the perceptron is updated when the
**   predicted move costs more than the best zero-cost one, and from the
**   second pass on the parser follows a wrong prediction with probability
**   0.9 (error exploration).  The labeller learns from every arc whose head
**   is right.  With a tagger, training tags are jackknifed predictions: five
**   taggers, each trained by syn_tagger_train on four fifths of the
**   treebank, tag the fifth they did not see; without one, the treebank's
**   tags are used.  After each pass the averaged weights are quantised into
**   the run-time model and scored on dev (when given); the best pass is
**   written.
**
** XPOS ids
**   syn_parse receives XPOS as ids of the tagger's table but no tagger, so
**   the model keeps a copy of the XPOS name table of the tagger it was
**   trained with (without a tagger: the training treebank's XPOS strings in
**   order of first appearance).  Use the parser with that tagger.
**
** Model file (little-endian)
**   "DYADPRS\0", u32 version, u32 table bits, relation count, labeller row
**   width and XPOS count, the relation and XPOS names (u8 length + bytes),
**   the move table (int8, 4 per row), the labeller table (int8, row width
**   per row), and a 64-bit checksum of all preceding bytes.  Loading checks
**   the magic, the version, every size and the checksum.
*/
#include "syntax.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

/* ----------------------------------------------------------- constants */

#define PRS_MAGIC "DYADPRS"     /* + NUL: 8 bytes */
#define PRS_VERSION 1u
#define T_BITS 19               /* move table rows: 1 << T_BITS */
#define L_BITS 15               /* labeller rows: 1 << L_BITS */
#define MAX_FEATS 128           /* feature values per decision (upper bound) */
#define MAX_LABELS 255          /* relation ids fit a byte */
#define DEFAULT_ITERS 15
#define QMAX 127.0              /* quantised weight of the largest average */

enum { T_SHIFT, T_REDUCE, T_LEFT, T_RIGHT, NMOVES };

/* ----------------------------------------------------------- hashing */

static uint64_t fmix64(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static uint64_t hash_bytes(const char *z, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)z[i];
        h *= 0x100000001b3ULL;
    }
    return fmix64(h ^ n);
}

#define NATOMS 3                /* atoms per word: W, P, U */

/* Atom of a word form: ASCII lower-cased, digits folded to '0'. */
static uint64_t word_atom(const char *z, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)z[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        else if (c >= '0' && c <= '9') c = '0';
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return fmix64(h ^ n ^ 0x5157ULL);
}

static uint64_t tag_atom(const char *name) {
    return hash_bytes(name, strlen(name)) ^ 0x7a67ULL;
}

#define NONE_ATOM 0x9b1d3c5e7f200001ULL

static inline uint64_t hc(uint64_t h, uint64_t a) {
    h ^= a * 0x9e3779b97f4a7c15ULL;
    h = (h << 27 | h >> 37) * 0xc2b2ae3d27d4eb4fULL;
    return h;
}

/* ----------------------------------------------------------- RNG */

static uint64_t rng_next(uint64_t *s) {
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double rng_unit(uint64_t *s) { return (double)(rng_next(s) >> 11) * (1.0 / 9007199254740992.0); }

/* ----------------------------------------------------------- state */

/* A parser configuration over words 1..n; index 0 is the "none" sentinel
** (no word, no child, no label), so absent context reads as index 0. */
typedef struct pstate {
    int n;
    int b;              /* buffer front: the buffer is b..n */
    int sp;             /* stack depth */
    int32_t *stack;     /* [sp] */
    int32_t *head;      /* [0..n]: head word, -1 none (head[0] = 0) */
    int32_t *lc1, *lc2; /* leftmost, second leftmost dependent (0 none) */
    int32_t *rc1, *rc2; /* rightmost, second rightmost dependent */
    uint8_t *nl, *nr;   /* left, right valency (saturating) */
    uint8_t *lab;       /* relation id of the arc to the word, 0 none */
    uint8_t *onstack;   /* 1 while the word is on the stack */
    uint64_t *lset, *rset; /* bit (label & 63) of each left / right dependent */
    uint64_t *A;           /* NATOMS arrays of atoms [0..n], [0] = NONE_ATOM: */
    uint64_t *W, *P, *U;   /* word, XPOS, UPOS */
} pstate;

static size_t state_bytes(size_t n) {
    size_t m = n + 1;
    size_t k = m * ((NATOMS + 2) * sizeof(uint64_t) + 6 * sizeof(int32_t) + 4) + 16;
    return (k + 15) & ~(size_t)15;      /* what follows stays 16-byte aligned */
}

/* Carve the arrays of a state for n words out of mem (state_bytes(n)). */
static void state_carve(pstate *st, void *mem, size_t n) {
    size_t m = n + 1;
    uint64_t *q = mem;
    st->A = q;
    st->W = q, q += m;
    st->P = q, q += m;
    st->U = q, q += m;
    st->lset = q, q += m;
    st->rset = q, q += m;
    int32_t *r = (int32_t *)q;
    st->stack = r, r += m;
    st->head = r, r += m;
    st->lc1 = r, r += m;
    st->lc2 = r, r += m;
    st->rc1 = r, r += m;
    st->rc2 = r, r += m;
    uint8_t *c = (uint8_t *)r;
    st->nl = c, c += m;
    st->nr = c, c += m;
    st->lab = c, c += m;
    st->onstack = c;
    st->n = (int)n;
}

/* Reset the configuration (atoms are left alone). */
static void state_init(pstate *st) {
    size_t m = (size_t)st->n + 1;
    memset(st->lset, 0, m * sizeof(uint64_t));
    memset(st->rset, 0, m * sizeof(uint64_t));
    for (size_t i = 0; i < m; i++) st->head[i] = -1;
    st->head[0] = 0;
    memset(st->lc1, 0, m * sizeof(int32_t));
    memset(st->lc2, 0, m * sizeof(int32_t));
    memset(st->rc1, 0, m * sizeof(int32_t));
    memset(st->rc2, 0, m * sizeof(int32_t));
    memset(st->nl, 0, m);
    memset(st->nr, 0, m);
    memset(st->lab, 0, m);
    memset(st->onstack, 0, m);
    st->b = 1;
    st->sp = 0;
    for (int k = 0; k < NATOMS; k++) st->A[(size_t)k * m] = NONE_ATOM;
}

static void add_arc(pstate *st, int h, int d, int label) {
    st->head[d] = h;
    st->lab[d] = (uint8_t)label;
    uint64_t bit = 1ULL << (label & 63);
    if (d < h) {
        if (st->nl[h] < 255) st->nl[h]++;
        st->lset[h] |= bit;
        if (!st->lc1[h] || d < st->lc1[h]) st->lc2[h] = st->lc1[h], st->lc1[h] = d;
        else if (!st->lc2[h] || d < st->lc2[h]) st->lc2[h] = d;
    } else {
        if (st->nr[h] < 255) st->nr[h]++;
        st->rset[h] |= bit;
        if (!st->rc1[h] || d > st->rc1[h]) st->rc2[h] = st->rc1[h], st->rc1[h] = d;
        else if (!st->rc2[h] || d > st->rc2[h]) st->rc2[h] = d;
    }
}

static int s0_of(const pstate *st) { return st->sp > 0 ? st->stack[st->sp - 1] : 0; }

static int legal_moves(const pstate *st) {
    int m = 0, s0 = s0_of(st);
    if (st->b <= st->n) {
        m |= 1 << T_SHIFT;
        if (s0) {
            m |= 1 << T_RIGHT;
            if (st->head[s0] < 0) m |= 1 << T_LEFT;
        }
    }
    if (s0 && st->head[s0] >= 0) m |= 1 << T_REDUCE;
    return m;
}

/* Apply move t (legal); label is the relation of a LEFT or RIGHT arc. */
static void apply_move(pstate *st, int t, int label) {
    int s0 = s0_of(st);
    switch (t) {
    case T_SHIFT:
        st->onstack[st->b] = 1;
        st->stack[st->sp++] = st->b++;
        break;
    case T_REDUCE:
        st->onstack[s0] = 0;
        st->sp--;
        break;
    case T_LEFT:
        st->onstack[s0] = 0;
        st->sp--;
        add_arc(st, st->b, s0, label);
        break;
    default:
        add_arc(st, s0, st->b, label);
        st->onstack[st->b] = 1;
        st->stack[st->sp++] = st->b++;
        break;
    }
}

/* Head and dependent of the arc that move t (LEFT or RIGHT) would add. */
static void arc_of(const pstate *st, int t, int *h, int *d) {
    int s0 = s0_of(st);
    if (t == T_LEFT) *h = st->b, *d = s0;
    else *h = s0, *d = st->b;
}

/* ----------------------------------------------------------- features */

/* Feature hashing: atoms of words and tags are random 64-bit values; small
** numbers (labels, distances, valencies) and label sets are spread by a
** multiplication; a template's atoms are rotated apart, xor-ed with the
** template's constant and multiplied, and the top bits pick the row. */
#define ROT(x, r) ((x) << (r) | (x) >> (64 - (r)))
#define SPREAD(x) ((x) * 0xff51afd7ed558ccdULL)
#define SETA(x) ((x) * 0xc4ceb9fe1a85ec53ULL)
#define FH(dir, x) ((((++t) + (dir) * 4096) * 0xd6e8feb86659fd93ULL ^ (x)) * 0x9e3779b97f4a7c15ULL)

static uint64_t dist_bucket(int d) {
    if (d < 0) d = -d;
    if (d <= 4) return (uint64_t)d;
    if (d <= 6) return 5;
    if (d <= 9) return 6;
    return 7;
}

static uint64_t val_bucket(int v) { return (uint64_t)(v > 4 ? 4 : v); }

/* Feature hashes of the move decision in st; returns how many. */
static size_t move_features(const pstate *st, uint64_t *f) {
    const uint64_t *W = st->W, *P = st->P, *U = st->U;
    const int n = st->n, b = st->b;
    const int s0 = st->sp > 0 ? st->stack[st->sp - 1] : 0;
    const int s1 = st->sp > 1 ? st->stack[st->sp - 2] : 0;
    const int s2 = st->sp > 2 ? st->stack[st->sp - 3] : 0;
    const int n0 = b <= n ? b : 0, n1 = b + 1 <= n ? b + 1 : 0, n2 = b + 2 <= n ? b + 2 : 0;
    const int s0h = st->head[s0] > 0 ? st->head[s0] : 0;
    const int s0h2 = st->head[s0h] > 0 ? st->head[s0h] : 0;
    const int s0l = st->lc1[s0], s0l2 = st->lc2[s0], s0r = st->rc1[s0], s0r2 = st->rc2[s0];
    const int n0l = st->lc1[n0], n0l2 = st->lc2[n0];
    const int s1r = st->rc1[s1];
    const uint64_t d = SPREAD((s0 && n0) ? dist_bucket(n0 - s0) + 1 : 0);
    const uint64_t s0vl = SPREAD(val_bucket(st->nl[s0]) + 16), s0vr = SPREAD(val_bucket(st->nr[s0]) + 16);
    const uint64_t n0vl = SPREAD(val_bucket(st->nl[n0]) + 16);
    const uint64_t s0rs = SETA(st->rset[s0]), s0ls = SETA(st->lset[s0]), n0ls = SETA(st->lset[n0]);
#define LB(x) SPREAD((uint64_t)st->lab[x] + 1000)
    size_t k = 0;
    uint64_t t = 0;
#define F1(a) f[k++] = FH(0, (a))
#define F2(a, b2) f[k++] = FH(0, (a) ^ ROT(b2, 21))
#define F3(a, b2, c) f[k++] = FH(0, (a) ^ ROT(b2, 21) ^ ROT(c, 42))
#define F4(a, b2, c, e) f[k++] = FH(0, (a) ^ ROT(b2, 21) ^ ROT(c, 42) ^ ROT(e, 11))
    F1(SPREAD(1));                          /* bias */
    /* single words */
    F2(W[s0], P[s0]); F1(W[s0]); F1(P[s0]);
    F2(W[n0], P[n0]); F1(W[n0]); F1(P[n0]);
    F2(W[n1], P[n1]); F1(W[n1]); F1(P[n1]);
    F2(W[n2], P[n2]); F1(W[n2]); F1(P[n2]);
    /* word pairs */
    F4(W[s0], P[s0], W[n0], P[n0]);
    F3(W[s0], P[s0], W[n0]);
    F3(W[s0], W[n0], P[n0]);
    F3(W[s0], P[s0], P[n0]);
    F3(P[s0], W[n0], P[n0]);
    F2(W[s0], W[n0]);
    F2(P[s0], P[n0]);
    F2(P[n0], P[n1]);
    /* three words */
    F3(P[n0], P[n1], P[n2]);
    F3(P[s0], P[n0], P[n1]);
    F3(P[s0h], P[s0], P[n0]);
    F3(P[s0], P[s0l], P[n0]);
    F3(P[s0], P[s0r], P[n0]);
    F3(P[s0], P[n0], P[n0l]);
    /* distance */
    F2(W[s0], d); F2(P[s0], d); F2(W[n0], d); F2(P[n0], d);
    F3(W[s0], W[n0], d); F3(P[s0], P[n0], d);
    /* valency */
    F2(W[s0], s0vr); F2(P[s0], s0vr); F2(W[s0], s0vl); F2(P[s0], s0vl);
    F2(W[n0], n0vl); F2(P[n0], n0vl);
    /* unigrams of the arcs made so far */
    F1(W[s0h]); F1(P[s0h]); F1(LB(s0));
    F1(W[s0l]); F1(P[s0l]); F1(LB(s0l));
    F1(W[s0r]); F1(P[s0r]); F1(LB(s0r));
    F1(W[n0l]); F1(P[n0l]); F1(LB(n0l));
    /* third order */
    F1(W[s0h2]); F1(P[s0h2]); F1(LB(s0h));
    F1(W[s0l2]); F1(P[s0l2]); F1(LB(s0l2));
    F1(W[s0r2]); F1(P[s0r2]); F1(LB(s0r2));
    F1(W[n0l2]); F1(P[n0l2]); F1(LB(n0l2));
    F3(P[s0], P[s0l], P[s0l2]);
    F3(P[s0], P[s0r], P[s0r2]);
    F3(P[s0], P[s0h], P[s0h2]);
    F3(P[n0], P[n0l], P[n0l2]);
    /* label sets */
    F2(W[s0], s0rs); F2(P[s0], s0rs);
    F2(W[s0], s0ls); F2(P[s0], s0ls);
    F2(W[n0], n0ls); F2(P[n0], n0ls);
    /* stack context */
    F2(W[s1], P[s1]); F1(W[s1]); F1(P[s1]);
    F3(P[s1], P[s0], P[n0]);
    F3(P[s1], LB(s1), P[s0]);
    F3(P[s2], P[s1], P[s0]);
    F3(P[s1], P[s1r], P[s0]);
    F4(W[s1], P[s0], P[n0], LB(s0));
    F3(P[s0], LB(s0), P[n0]);
    F4(P[s0], LB(s0), W[n0], P[n0]);
    /* universal tags */
    F2(U[s0], U[n0]);
    F3(U[s0], U[n0], U[n1]);
    F3(U[s1], U[s0], U[n0]);
    F4(U[s0], U[n0], LB(s0), d);
    /* the words next to s0 and n0 */
    {
        const int s0m = s0 > 1 ? s0 - 1 : 0, s0p = s0 && s0 < n ? s0 + 1 : 0;
        const int n0m = n0 > 1 ? n0 - 1 : 0;
        F3(P[s0m], P[s0], P[n0]);
        F3(P[s0], P[s0p], P[n0]);
        F3(P[s0], P[n0m], P[n0]);
        F4(P[s0m], P[s0], P[s0p], P[n0]);
        F3(P[n0m], P[n0], P[n1]);
        F2(W[n0m], P[n0]);
    }
#undef F1
#undef F2
#undef F3
#undef F4
#undef LB
    return k;
}

/* Feature hashes of the labelling of arc h -> d in st; returns how many. */
static size_t label_features(const pstate *st, int h, int d, uint64_t *f) {
    const uint64_t *W = st->W, *P = st->P, *U = st->U;
    const int n = st->n;
    const uint64_t dir = d < h ? 1 : 2;
    const uint64_t dist = SPREAD(dist_bucket(h - d) + 32);
    const int dl = st->lc1[d], dl2 = st->lc2[d], dr = st->rc1[d];
    const int hh = st->head[h] > 0 ? st->head[h] : 0;
    const int dm = d > 1 ? d - 1 : 0, dp = d < n ? d + 1 : 0;
    const int hm = h > 1 ? h - 1 : 0, hp = h < n ? h + 1 : 0;
#define LB(x) SPREAD((uint64_t)st->lab[x] + 1000)
    size_t k = 0;
    uint64_t t = 500;
#define F1(a) f[k++] = FH(dir, (a))
#define F2(a, b2) f[k++] = FH(dir, (a) ^ ROT(b2, 21))
#define F3(a, b2, c) f[k++] = FH(dir, (a) ^ ROT(b2, 21) ^ ROT(c, 42))
#define F4(a, b2, c, e) f[k++] = FH(dir, (a) ^ ROT(b2, 21) ^ ROT(c, 42) ^ ROT(e, 11))
    F1(SPREAD(1));
    F1(P[h]); F1(P[d]); F2(P[h], P[d]);
    F1(W[h]); F1(W[d]);
    F2(W[h], P[d]); F2(P[h], W[d]); F2(W[h], W[d]);
    F2(W[d], P[d]);
    F2(U[h], U[d]);
    F3(dist, P[h], P[d]);
    F2(P[d], SETA(st->lset[d])); F2(P[d], SETA(st->rset[d]));
    F3(P[d], LB(dl), W[dl]);
    F2(P[d], W[dl]);
    F3(P[d], LB(dl2), W[dl2]);
    F3(P[d], LB(dr), P[dr]);
    F2(W[d], LB(dl));
    F2(P[h], LB(h));
    F3(P[h], LB(h), P[d]);
    F3(P[h], SETA(st->lset[h]), P[d]);
    F3(P[h], SETA(st->rset[h]), P[d]);
    F3(P[hh], P[h], P[d]);
    F2(P[d], P[dm]);
    F2(P[d], P[dp]);
    F3(P[h], P[hm], P[d]);
    F3(P[h], P[hp], P[d]);
    F4(W[h], P[d], LB(dl), dist);
#undef F1
#undef F2
#undef F3
#undef F4
#undef LB
    return k;
}

/* ----------------------------------------------------------- run-time model */

struct syn_parser {
    uint32_t nlabels;       /* relation ids 1..nlabels */
    uint32_t root;          /* id of "root" (0 when the treebank had none) */
    char **label;           /* [0..nlabels], label[0] = "_" */
    uint32_t nxpos;
    char **xpos;            /* [0..nxpos], xpos[0] = "_" */
    uint64_t *xatom;        /* [0..nxpos] */
    uint64_t uatom[UPOS_COUNT];
    char *names;            /* storage of label and xpos strings */
    uint32_t tbits, lbits;  /* log2 of the rows of the two tables */
    uint32_t stride;        /* labeller row width: nlabels + 1 rounded up to 16 */
    int8_t *trow;           /* move weights, NMOVES per row */
    int8_t *lrow;           /* labeller weights, stride per row (slot 0 unused) */
};

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* The table rows of features f[0..nf) are looked up in two passes, the
** first prefetching them all, so that their cache misses overlap. */
static int predict_move(const syn_parser *p, const uint64_t *f, size_t nf, int legal) {
    const unsigned shift = 64 - p->tbits;
    for (size_t i = 0; i < nf; i++) PREFETCH(p->trow + (f[i] >> shift) * NMOVES);
    int32_t sc[NMOVES] = {0, 0, 0, 0};
    for (size_t i = 0; i < nf; i++) {
        const int8_t *w = p->trow + (f[i] >> shift) * NMOVES;
        sc[0] += w[0], sc[1] += w[1], sc[2] += w[2], sc[3] += w[3];
    }
    int best = -1;
    for (int t = 0; t < NMOVES; t++)
        if ((legal >> t & 1) && (best < 0 || sc[t] > sc[best])) best = t;
    return best;
}

/* sc[0..n) += w[0..n), n a multiple of 16 (written to be vectorised). */
static void add_row(int16_t *restrict sc, const int8_t *restrict w, size_t n) {
    for (size_t l = 0; l < n; l += 16)
        for (size_t j = 0; j < 16; j++) sc[l + j] = (int16_t)(sc[l + j] + w[l + j]);
}

/* Best relation (not root) for the features f; sc has stride slots. */
static int predict_label(const syn_parser *p, const uint64_t *f, size_t nf, int16_t *sc) {
    const unsigned shift = 64 - p->lbits;
    const size_t S = p->stride;
    for (size_t i = 0; i < nf; i++) {
        const int8_t *w = p->lrow + (f[i] >> shift) * S;
        PREFETCH(w);
        PREFETCH(w + S - 1);
    }
    memset(sc, 0, S * sizeof *sc);
    for (size_t i = 0; i < nf; i++) add_row(sc, p->lrow + (f[i] >> shift) * S, S);
    int best = 0;
    for (uint32_t l = 1; l <= p->nlabels; l++)
        if (l != p->root && (best == 0 || sc[l] > sc[best])) best = (int)l;
    return best;
}

/* ----------------------------------------------------------- finishing */

/* Make a tree of the final configuration: of the words without a head the
** one with the most dependents becomes the root, the others its
** dependents, labelled by label_fn. */
typedef int (*label_fn)(void *ctx, const pstate *st, int h, int d);

static void finish_tree(pstate *st, int root_label, label_fn lf, void *ctx) {
    int root = 0, best = -1;
    for (int i = 1; i <= st->n; i++) {
        if (st->head[i] >= 0) continue;
        int v = st->nl[i] + st->nr[i];
        if (v > best) best = v, root = i;
    }
    if (!root) return;
    for (int i = 1; i <= st->n; i++) {
        if (st->head[i] >= 0 || i == root) continue;
        add_arc(st, root, i, lf(ctx, st, root, i));
    }
    st->head[root] = 0;
    st->lab[root] = (uint8_t)root_label;
}

/* ----------------------------------------------------------- parsing */

typedef struct run_ctx {
    const syn_parser *p;
    uint64_t *f;
    int16_t *sc;
} run_ctx;

static int run_label(void *ctx, const pstate *st, int h, int d) {
    run_ctx *c = ctx;
    size_t nf = label_features(st, h, d, c->f);
    return predict_label(c->p, c->f, nf, c->sc);
}

static size_t parse_bytes(const syn_parser *p, size_t n) {
    return state_bytes(n) + MAX_FEATS * sizeof(uint64_t) + (p->stride + 16) * sizeof(int16_t) + 64;
}

void syn_parse(const syn_parser *p, syn_word *words, size_t n, syn_scratch *s) {
    if (!p || n == 0) return;
    size_t need = parse_bytes(p, n);
    if (n > (size_t)INT32_MAX / 2 || need < n) goto oom;
    if (s->cap < need) {
        void *nb = realloc(s->buf, need);
        if (!nb) goto oom;
        s->buf = nb;
        s->cap = need;
    }
    pstate st;
    state_carve(&st, s->buf, n);
    run_ctx c;
    c.p = p;
    c.f = (uint64_t *)((char *)s->buf + state_bytes(n));
    c.sc = (int16_t *)(c.f + MAX_FEATS);
    state_init(&st);
    for (size_t i = 1; i <= n; i++) {
        const syn_word *w = &words[i - 1];
        st.W[i] = word_atom(w->form, w->len);
        st.P[i] = w->xpos <= p->nxpos ? p->xatom[w->xpos] : p->xatom[0];
        st.U[i] = p->uatom[w->upos < UPOS_COUNT ? w->upos : 0];
    }
    while (st.b <= st.n) {
        int legal = legal_moves(&st);
        size_t nf = move_features(&st, c.f);
        int t = predict_move(p, c.f, nf, legal);
        int label = 0;
        if (t == T_LEFT || t == T_RIGHT) {
            int h, d;
            arc_of(&st, t, &h, &d);
            label = run_label(&c, &st, h, d);
        }
        apply_move(&st, t, label);
    }
    finish_tree(&st, (int)p->root, run_label, &c);
    for (size_t i = 1; i <= n; i++) {
        words[i - 1].head = st.head[i];
        words[i - 1].deprel = st.lab[i];
    }
    return;
oom:
    s->arena.oom = 1;
    for (size_t i = 0; i < n; i++) words[i].head = -1, words[i].deprel = 0;
}

const char *syn_deprel_name(const syn_parser *p, unsigned r) {
    if (!p || r == 0 || r > p->nlabels) return "_";
    return p->label[r];
}

/* ----------------------------------------------------------- model memory */

void syn_parser_free(syn_parser *p) {
    if (!p) return;
    free(p->label);
    free(p->xpos);
    free(p->xatom);
    free(p->names);
    free(p->trow);
    free(p->lrow);
    free(p);
}

/* Set the name tables of p from label and xpos name lists (copied). */
static int set_names(syn_parser *p, char *const *labels, uint32_t nl, char *const *xpos,
                     uint32_t nx) {
    size_t total = 2;
    for (uint32_t i = 1; i <= nl; i++) total += strlen(labels[i]) + 1;
    for (uint32_t i = 1; i <= nx; i++) total += strlen(xpos[i]) + 1;
    p->names = malloc(total);
    p->label = calloc(nl + 1, sizeof *p->label);
    p->xpos = calloc(nx + 1, sizeof *p->xpos);
    p->xatom = calloc(nx + 1, sizeof *p->xatom);
    if (!p->names || !p->label || !p->xpos || !p->xatom) return -1;
    char *q = p->names;
    *q = '_', q[1] = 0;
    p->label[0] = p->xpos[0] = q;
    q += 2;
    p->nlabels = nl;
    p->nxpos = nx;
    p->root = 0;
    for (uint32_t i = 1; i <= nl; i++) {
        size_t k = strlen(labels[i]) + 1;
        memcpy(q, labels[i], k);
        p->label[i] = q;
        if (strcmp(q, "root") == 0) p->root = i;
        q += k;
    }
    for (uint32_t i = 1; i <= nx; i++) {
        size_t k = strlen(xpos[i]) + 1;
        memcpy(q, xpos[i], k);
        p->xpos[i] = q;
        q += k;
    }
    for (uint32_t i = 0; i <= nx; i++) p->xatom[i] = tag_atom(p->xpos[i]);
    for (int u = 0; u < UPOS_COUNT; u++) p->uatom[u] = tag_atom(syn_upos_names[u]);
    return 0;
}

/* ----------------------------------------------------------- model file */

static uint64_t checksum(const unsigned char *z, size_t n) {
    uint64_t h = 0x84222325cbf29ce4ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v = 0;
        for (int k = 7; k >= 0; k--) v = v << 8 | z[i + (size_t)k];
        h = hc(h, v);
    }
    for (; i < n; i++) h = hc(h, z[i]);
    return fmix64(h ^ n);
}

static void put64(dyad_buf *b, uint64_t v) {
    syn_put32(b, (uint32_t)v);
    syn_put32(b, (uint32_t)(v >> 32));
}

static void put_name(dyad_buf *b, const char *s) {
    size_t n = strlen(s);
    if (n > 255) n = 255;
    unsigned char c = (unsigned char)n;
    dbuf_append(b, &c, 1);
    dbuf_append(b, s, n);
}

/* Serialise p into b; returns 0 or -1 when out of memory. */
static int model_write(const syn_parser *p, dyad_buf *b) {
    dbuf_append(b, PRS_MAGIC, 8);
    syn_put32(b, PRS_VERSION);
    syn_put32(b, p->tbits);
    syn_put32(b, p->lbits);
    syn_put32(b, p->nlabels);
    syn_put32(b, p->stride);
    syn_put32(b, p->nxpos);
    for (uint32_t i = 1; i <= p->nlabels; i++) put_name(b, p->label[i]);
    for (uint32_t i = 1; i <= p->nxpos; i++) put_name(b, p->xpos[i]);
    dbuf_append(b, p->trow, ((size_t)1 << p->tbits) * NMOVES);
    dbuf_append(b, p->lrow, ((size_t)1 << p->lbits) * p->stride);
    if (b->oom) return -1;
    put64(b, checksum((const unsigned char *)b->p, b->n));
    return b->oom ? -1 : 0;
}

typedef struct reader {
    const unsigned char *p, *end;
    int bad;                /* a read ran past the end */
} reader;

static const unsigned char *take(reader *r, size_t n) {
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        return NULL;
    }
    const unsigned char *q = r->p;
    r->p += n;
    return q;
}

static uint32_t get32(reader *r) {
    const unsigned char *q = take(r, 4);
    return q ? (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24
             : 0;
}

static uint64_t get64(reader *r) {
    uint64_t lo = get32(r);
    return lo | (uint64_t)get32(r) << 32;
}

/* Read n names into a NULL-padded array of malloc'd strings [0..n]. */
static char **get_names(reader *r, uint32_t n) {
    char **v = calloc((size_t)n + 1, sizeof *v);
    if (!v) return NULL;
    for (uint32_t i = 1; i <= n; i++) {
        const unsigned char *c = take(r, 1);
        const unsigned char *z = c ? take(r, *c) : NULL;
        if (!z || !(v[i] = malloc((size_t)*c + 1))) {
            for (uint32_t k = 1; k < i; k++) free(v[k]);
            free(v);
            return NULL;
        }
        memcpy(v[i], z, *c);
        v[i][*c] = 0;
    }
    return v;
}

static void free_names(char **v, uint32_t n) {
    if (!v) return;
    for (uint32_t i = 1; i <= n; i++) free(v[i]);
    free(v);
}

/* Build a model from the image z[0..n); NULL with a message in err. */
static syn_parser *model_read(const unsigned char *z, size_t n, const char *path, char *err,
                              size_t errn) {
    reader r = {z, z + n, 0};
    const char *why = NULL;
    char **labels = NULL, **xpos = NULL;
    syn_parser *p = calloc(1, sizeof *p);
    if (!p) { why = "out of memory"; goto fail; }
    if (n < 8 + 8 * 4 + 8 || memcmp(z, PRS_MAGIC, 8) != 0) { why = "not a dyad parser model"; goto fail; }
    r.p = z + n - 8;
    uint64_t sum = get64(&r);
    if (checksum(z, n - 8) != sum) { why = "checksum mismatch (corrupt or truncated file)"; goto fail; }
    r.p = z + 8;
    r.end = z + n - 8;
    uint32_t version = get32(&r);
    if (version != PRS_VERSION) { why = "unsupported model version"; goto fail; }
    p->tbits = get32(&r);
    p->lbits = get32(&r);
    p->nlabels = get32(&r);
    p->stride = get32(&r);
    p->nxpos = get32(&r);
    if (r.bad || p->tbits < 8 || p->tbits > 28 || p->lbits < 8 || p->lbits > 28 ||
        p->nlabels < 1 || p->nlabels > MAX_LABELS || p->stride < p->nlabels + 1 ||
        p->stride % 16 != 0 || p->stride > 512 || p->nxpos > 65535) {
        why = "bad header";
        goto fail;
    }
    uint32_t nl = p->nlabels, nx = p->nxpos;
    if (!(labels = get_names(&r, nl)) || !(xpos = get_names(&r, nx))) {
        why = r.bad ? "truncated name table" : "out of memory";
        goto fail;
    }
    if (set_names(p, labels, nl, xpos, nx) < 0) { why = "out of memory"; goto fail; }
    size_t nt = ((size_t)1 << p->tbits) * NMOVES, nlw = ((size_t)1 << p->lbits) * p->stride;
    if ((size_t)(r.end - r.p) != nt + nlw) { why = "wrong size for its header (truncated?)"; goto fail; }
    p->trow = malloc(nt);
    p->lrow = malloc(nlw);
    if (!p->trow || !p->lrow) { why = "out of memory"; goto fail; }
    memcpy(p->trow, take(&r, nt), nt);
    memcpy(p->lrow, take(&r, nlw), nlw);
    free_names(labels, nl);
    free_names(xpos, nx);
    return p;
fail:
    snprintf(err, errn, "%s: %s", path, why ? why : "cannot load");
    free_names(labels, p ? p->nlabels : 0);
    free_names(xpos, p ? p->nxpos : 0);
    syn_parser_free(p);
    return NULL;
}

syn_parser *syn_parser_load(const char *path, char *err, size_t errn) {
    dyad_buf b;
    if (syn_read_image(path, &b, err, errn) < 0) return NULL;
    syn_parser *p = model_read((const unsigned char *)b.p, b.n, path, err, errn);
    dbuf_free(&b);
    return p;
}

/* ----------------------------------------------------------- training */

#define PRS_EXPLORE 0.9         /* chance of following a wrong prediction */
#define PRS_EXPLORE_FROM 2      /* first pass that explores */
#define PRS_FOLDS 5             /* jackknife folds for predicted training tags */
#define FOLD_TAGGER_ITERS 12    /* passes of each fold's tagger (best on dev kept) */

/* A training sentence: atoms, projectivised gold tree, gold dependents. */
typedef struct tsent {
    int n;
    uint64_t *atoms;        /* NATOMS arrays [0..n], as in pstate */
    int32_t *gold;          /* projectivised heads [0..n] */
    uint8_t *glab;          /* gold relation ids [0..n] */
    int32_t *doff;          /* [0..n+2]: dependents of i are dep[doff[i]..doff[i+1]) */
    int32_t *dep;
} tsent;

typedef struct trainer {
    float *tw, *tu;         /* move weights, sums of clock * update (averaging) */
    float *lw, *lu;         /* labeller weights, stride per row */
    size_t stride;          /* nlabels + 1 */
    double tc, lc;          /* averaging clocks: decisions seen + 1 */
    uint32_t nlabels, root;
    uint64_t f[MAX_FEATS];
    float *lsc;             /* [stride] label scores */
    long moves, wrong;      /* this pass: decisions, perceptron updates */
    long arcs, lwrong;
} trainer;

/* Dynamic-oracle cost of each legal move: gold arcs it makes unreachable. */
static void move_costs(const pstate *st, const tsent *ts, int legal, int cost[NMOVES]) {
    const int32_t *g = ts->gold;
    const int s0 = s0_of(st), b0 = st->b;
    for (int t = 0; t < NMOVES; t++) cost[t] = 0;
    if (legal & (1 << T_SHIFT | 1 << T_RIGHT)) {
        int c = 0;          /* gold dependents of b0 waiting on the stack */
        for (int32_t k = ts->doff[b0]; k < ts->doff[b0 + 1]; k++) {
            int d = ts->dep[k];
            if (st->onstack[d] && st->head[d] < 0) c++;
        }
        int G = g[b0];
        cost[T_SHIFT] = c + (G > 0 && st->onstack[G]);
        cost[T_RIGHT] = c + (G != s0 && (G == 0 || G > b0 || st->onstack[G]));
    }
    if (s0) {
        int c = 0;          /* gold dependents of s0 in the buffer */
        for (int32_t k = ts->doff[s0]; k < ts->doff[s0 + 1]; k++)
            if (ts->dep[k] >= b0) c++;
        cost[T_REDUCE] = c;
        int G = g[s0];
        cost[T_LEFT] = c + (G != b0 && (G == 0 || G > b0));
    }
}

static void update_moves(trainer *tr, size_t nf, int good, int bad) {
    const unsigned shift = 64 - T_BITS;
    float c = (float)tr->tc;
    for (size_t i = 0; i < nf; i++) {
        size_t r = (size_t)(tr->f[i] >> shift) * NMOVES;
        tr->tw[r + (size_t)good] += 1, tr->tu[r + (size_t)good] += c;
        tr->tw[r + (size_t)bad] -= 1, tr->tu[r + (size_t)bad] -= c;
    }
}

/* Label an arc h -> d while training: predict, learn from the gold label
** when the head is right (gold > 0), and return the prediction. */
static int train_label(trainer *tr, const pstate *st, int h, int d, int gold) {
    size_t nf = label_features(st, h, d, tr->f);
    const unsigned shift = 64 - L_BITS;
    float *sc = tr->lsc;
    memset(sc, 0, tr->stride * sizeof *sc);
    for (size_t i = 0; i < nf; i++) {
        const float *w = tr->lw + (size_t)(tr->f[i] >> shift) * tr->stride;
        for (size_t l = 1; l < tr->stride; l++) sc[l] += w[l];
    }
    int best = 0;
    for (uint32_t l = 1; l <= tr->nlabels; l++)
        if (l != tr->root && (best == 0 || sc[l] > sc[best])) best = (int)l;
    if (gold > 0) {
        tr->arcs++;
        if (best != gold) {
            tr->lwrong++;
            float c = (float)tr->lc;
            for (size_t i = 0; i < nf; i++) {
                size_t r = (size_t)(tr->f[i] >> shift) * tr->stride;
                tr->lw[r + (size_t)gold] += 1, tr->lu[r + (size_t)gold] += c;
                tr->lw[r + (size_t)best] -= 1, tr->lu[r + (size_t)best] -= c;
            }
        }
        tr->lc += 1;
    }
    return best;
}

typedef struct tlabel_ctx {
    trainer *tr;
    const tsent *ts;
} tlabel_ctx;

static int train_label_cb(void *ctx, const pstate *st, int h, int d) {
    tlabel_ctx *c = ctx;
    return train_label(c->tr, st, h, d, c->ts->gold[d] == h ? c->ts->glab[d] : 0);
}

/* One pass over sentence ts with the dynamic oracle. */
static void train_sent(trainer *tr, const tsent *ts, pstate *st, int explore, uint64_t *rng) {
    size_t m = (size_t)ts->n + 1;
    memcpy(st->A, ts->atoms, NATOMS * m * sizeof(uint64_t));
    st->n = ts->n;
    state_init(st);
    const unsigned shift = 64 - T_BITS;
    while (st->b <= st->n) {
        int legal = legal_moves(st);
        size_t nf = move_features(st, tr->f);
        float sc[NMOVES] = {0, 0, 0, 0};
        for (size_t i = 0; i < nf; i++) {
            const float *w = tr->tw + (size_t)(tr->f[i] >> shift) * NMOVES;
            sc[0] += w[0], sc[1] += w[1], sc[2] += w[2], sc[3] += w[3];
        }
        int cost[NMOVES];
        move_costs(st, ts, legal, cost);
        int pred = -1, mincost = 1 << 30;
        for (int t = 0; t < NMOVES; t++) {
            if (!(legal >> t & 1)) continue;
            if (pred < 0 || sc[t] > sc[pred]) pred = t;
            if (cost[t] < mincost) mincost = cost[t];
        }
        int good = -1;
        for (int t = 0; t < NMOVES; t++)
            if ((legal >> t & 1) && cost[t] == mincost && (good < 0 || sc[t] > sc[good])) good = t;
        int next = good;
        tr->moves++;
        if (cost[pred] > mincost) {
            tr->wrong++;
            update_moves(tr, nf, good, pred);
            if (explore && rng_unit(rng) < PRS_EXPLORE) next = pred;
        }
        tr->tc += 1;
        int label = 0;
        if (next == T_LEFT || next == T_RIGHT) {
            int h, d;
            arc_of(st, next, &h, &d);
            label = train_label(tr, st, h, d, ts->gold[d] == h ? ts->glab[d] : 0);
        }
        apply_move(st, next, label);
    }
    tlabel_ctx c = {tr, ts};
    finish_tree(st, (int)tr->root, train_label_cb, &c);
}

/* Quantise the averaged weights of tr into the tables of p: each table is
** scaled so that its largest average becomes QMAX. */
static int build_tables(syn_parser *p, const trainer *tr) {
    const size_t R = (size_t)1 << T_BITS, LR = (size_t)1 << L_BITS, TS = tr->stride;
    const double tc = tr->tc, lc = tr->lc > 1 ? tr->lc : 1;
    p->tbits = T_BITS;
    p->lbits = L_BITS;
    p->stride = (uint32_t)((TS + 15) / 16 * 16);
    if (!p->trow) p->trow = malloc(R * NMOVES);
    if (!p->lrow) p->lrow = malloc(LR * p->stride);
    if (!p->trow || !p->lrow) return -1;
    double tmax = 1e-9, lmax = 1e-9;
    for (size_t i = 0; i < R * NMOVES; i++) {
        double a = fabs(tr->tw[i] - tr->tu[i] / tc);
        if (a > tmax) tmax = a;
    }
    for (size_t i = 0; i < LR * TS; i++) {
        double a = fabs(tr->lw[i] - tr->lu[i] / lc);
        if (a > lmax) lmax = a;
    }
    const double ts = QMAX / tmax, ls = QMAX / lmax;
    for (size_t i = 0; i < R * NMOVES; i++)
        p->trow[i] = (int8_t)lrint((tr->tw[i] - tr->tu[i] / tc) * ts);
    memset(p->lrow, 0, LR * p->stride);
    for (size_t r = 0; r < LR; r++)
        for (size_t l = 1; l < TS; l++) {
            size_t i = r * TS + l;
            p->lrow[r * p->stride + l] = (int8_t)lrint((tr->lw[i] - tr->lu[i] / lc) * ls);
        }
    return 0;
}

/* ----------------------------------------------------------- treebank prep */

/* Index of name in v[1..*n], adding it when absent and add != 0; 0 when
** absent (or the table is full). */
static uint32_t name_id(char **v, uint32_t *n, uint32_t max, const char *name, int add) {
    for (uint32_t i = 1; i <= *n; i++)
        if (strcmp(v[i], name) == 0) return i;
    if (!add || *n >= max) return 0;
    v[++*n] = (char *)name;
    return *n;
}

/* 1 when heads h[1..n] (values 0..n) form a tree (no cycle). */
static int is_tree(const int32_t *h, int n) {
    for (int i = 1; i <= n; i++) {
        if (h[i] < 0 || h[i] > n || h[i] == i) return 0;
        int k = i, steps = 0;
        while (k != 0 && steps++ <= n) k = h[k];
        if (k != 0) return 0;
    }
    return 1;
}

static int dominates(const int32_t *h, int a, int k) {
    if (a == 0) return 1;
    while (k != 0 && k != a) k = h[k];
    return k == a;
}

/* Lift non-projective arcs (shortest first) to the head's head until the
** tree h[1..n] is projective; returns the number of lifts. */
static int projectivise(int32_t *h, int n) {
    int lifts = 0;
    for (;;) {
        int best = 0, bspan = n + 2;
        for (int d = 1; d <= n; d++) {
            int a = h[d];
            if (a == 0) continue;
            int lo = a < d ? a : d, hi = a < d ? d : a;
            if (hi - lo >= bspan) continue;
            for (int k = lo + 1; k < hi; k++)
                if (!dominates(h, a, k)) {
                    best = d, bspan = hi - lo;
                    break;
                }
        }
        if (!best) return lifts;
        h[best] = h[h[best]];
        lifts++;
    }
}

/* Universal relation of a name: the part before ':'. */
static int same_universal(const char *a, const char *b) {
    size_t na = strcspn(a, ":"), nb = strcspn(b, ":");
    return na == nb && memcmp(a, b, na) == 0;
}

/* A development treebank ready for syn_parse: words with predicted (or
** gold) tags, and the gold heads and relations. */
typedef struct devset {
    syn_word *words;        /* all sentences, back to back */
    size_t *start;          /* [nsents + 1] */
    size_t nsents;
    const syn_cword **gold; /* per word */
} devset;

/* Tag words[0..n) from cs: with the tagger, or gold tags mapped to the
** XPOS table xp[1..nx]. */
static void tag_words(syn_word *w, const syn_csent *cs, const syn_tagger *tagger, char **xp,
                      uint32_t nx, syn_scratch *scr) {
    for (size_t i = 0; i < cs->nwords; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].form = cs->words[i].form;
        w[i].len = (uint32_t)strlen(cs->words[i].form);
        w[i].head = -1;
    }
    if (tagger) {
        arena_reset(&scr->arena);
        syn_tag(tagger, w, cs->nwords, scr);
        return;
    }
    for (size_t i = 0; i < cs->nwords; i++) {
        const char *u = cs->words[i].upos;
        w[i].upos = (uint8_t)syn_upos_id(u, strlen(u));
        uint32_t n = nx;
        w[i].xpos = (uint16_t)name_id(xp, &n, n, cs->words[i].xpos, 0);
    }
}

static int dev_prepare(devset *ds, const syn_treebank *tb, const syn_tagger *tagger, char **xp,
                       uint32_t nx) {
    memset(ds, 0, sizeof *ds);
    ds->words = malloc((tb->nwords + 1) * sizeof *ds->words);
    ds->start = malloc((tb->nsents + 1) * sizeof *ds->start);
    ds->gold = malloc((tb->nwords + 1) * sizeof *ds->gold);
    if (!ds->words || !ds->start || !ds->gold) return -1;
    syn_scratch scr = {0};
    size_t k = 0;
    for (size_t s = 0; s < tb->nsents; s++) {
        const syn_csent *cs = &tb->sents[s];
        ds->start[s] = k;
        tag_words(ds->words + k, cs, tagger, xp, nx, &scr);
        for (size_t i = 0; i < cs->nwords; i++) ds->gold[k + i] = &cs->words[i];
        k += cs->nwords;
    }
    ds->start[tb->nsents] = k;
    ds->nsents = tb->nsents;
    syn_scratch_free(&scr);
    return 0;
}

static void dev_free(devset *ds) {
    free(ds->words);
    free(ds->start);
    free(ds->gold);
}

/* Parse the devset with p; UAS and LAS in percent (every word counts). */
static void dev_score(const syn_parser *p, devset *ds, double *uas, double *las) {
    syn_scratch scr = {0};
    size_t n = 0, u = 0, l = 0;
    for (size_t s = 0; s < ds->nsents; s++) {
        size_t a = ds->start[s], b = ds->start[s + 1];
        syn_parse(p, ds->words + a, b - a, &scr);
        for (size_t i = a; i < b; i++) {
            n++;
            if (ds->words[i].head != ds->gold[i]->head) continue;
            u++;
            if (same_universal(syn_deprel_name(p, ds->words[i].deprel), ds->gold[i]->deprel)) l++;
        }
    }
    syn_scratch_free(&scr);
    *uas = n ? 100.0 * (double)u / (double)n : 0;
    *las = n ? 100.0 * (double)l / (double)n : 0;
}

/* Build the training sentences, tagged by folds[s % nfolds] when nfolds >
** 0, else with the treebank's tags; returns how many (skipped ones aside). */
static size_t train_prepare(tsent *out, const syn_treebank *tb, syn_tagger *const *folds,
                            int nfolds, char **labels, uint32_t nl, dyad_arena *a, long *lifts,
                            size_t *skipped) {
    syn_scratch scr = {0};
    syn_word *w = NULL;
    size_t wcap = 0, k = 0;
    *lifts = 0;
    *skipped = 0;
    for (size_t s = 0; s < tb->nsents; s++) {
        const syn_csent *cs = &tb->sents[s];
        int n = (int)cs->nwords;
        if (cs->nwords == 0 || cs->nwords > 100000) { (*skipped)++; continue; }
        tsent *ts = &out[k];
        size_t m = (size_t)n + 1;
        ts->n = n;
        ts->atoms = arena_alloc(a, NATOMS * m * sizeof(uint64_t));
        ts->gold = arena_alloc(a, m * sizeof(int32_t));
        ts->glab = arena_alloc(a, m);
        ts->doff = arena_alloc(a, (m + 2) * sizeof(int32_t));
        ts->dep = arena_alloc(a, m * sizeof(int32_t));
        if (a->oom) break;
        int ok = 1;
        ts->gold[0] = 0;
        ts->glab[0] = 0;
        for (int i = 1; i <= n; i++) {
            const syn_cword *c = &cs->words[i - 1];
            if (c->id != i) ok = 0;
            ts->gold[i] = c->head;
            uint32_t nn = nl;
            ts->glab[i] = (uint8_t)name_id(labels, &nn, nn, c->deprel, 0);
        }
        if (!ok || !is_tree(ts->gold, n)) { (*skipped)++; continue; }
        *lifts += projectivise(ts->gold, n);
        /* gold dependents, grouped by head in word order: count into
        ** doff[h + 2], sum, then fill using doff[h + 1] as the cursor */
        memset(ts->doff, 0, (m + 2) * sizeof(int32_t));
        for (int i = 1; i <= n; i++) ts->doff[ts->gold[i] + 2]++;
        for (int i = 2; i <= n + 2; i++) ts->doff[i] += ts->doff[i - 1];
        for (int i = 1; i <= n; i++) ts->dep[ts->doff[ts->gold[i] + 1]++] = i;
        /* tags */
        uint64_t *W = ts->atoms, *P = W + m, *U = P + m;
        W[0] = P[0] = U[0] = NONE_ATOM;
        if (nfolds > 0) {
            const syn_tagger *tagger = folds[s % (size_t)nfolds];
            if (wcap < (size_t)n) {
                free(w);
                wcap = (size_t)n * 2;
                w = malloc(wcap * sizeof *w);
                if (!w) { a->oom = 1; break; }
            }
            tag_words(w, cs, tagger, NULL, 0, &scr);
            for (int i = 1; i <= n; i++) {
                P[i] = tag_atom(syn_xpos_name(tagger, w[i - 1].xpos));
                U[i] = tag_atom(syn_upos_names[w[i - 1].upos < UPOS_COUNT ? w[i - 1].upos : 0]);
            }
        } else {
            for (int i = 1; i <= n; i++) {
                const syn_cword *c = &cs->words[i - 1];
                P[i] = tag_atom(c->xpos);
                U[i] = tag_atom(syn_upos_names[syn_upos_id(c->upos, strlen(c->upos))]);
            }
        }
        for (int i = 1; i <= n; i++) {
            const char *f = cs->words[i - 1].form;
            W[i] = word_atom(f, strlen(f));
        }
        k++;
    }
    free(w);
    syn_scratch_free(&scr);
    return k;
}

static int write_file(const char *path, const dyad_buf *b, char *err, size_t errn) {
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errn, "%s: cannot create: %s", path, strerror(errno));
        return -1;
    }
    size_t k = fwrite(b->p, 1, b->n, f);
    int bad = k != b->n || ferror(f);
    if (fclose(f) != 0) bad = 1;
    if (bad) {
        snprintf(err, errn, "%s: write error", path);
        return -1;
    }
    return 0;
}

/* Jackknifing: train nfolds taggers, the k-th on the sentences s of train
** with s % nfolds != k, so that each training sentence can be tagged by a
** tagger that has not seen it and the parser learns from realistic tagging
** errors.  Model files go to out.foldK.tmp and are removed.  Returns 0, or
** -1 with a message in err. */
static int train_fold_taggers(const syn_treebank *train, const syn_treebank *dev,
                              syn_tagger **folds, int nfolds, uint64_t seed, const char *out,
                              FILE *log, char *err, size_t errn) {
    syn_treebank view;
    memset(&view, 0, sizeof view);
    view.sents = malloc((train->nsents + 1) * sizeof *view.sents);
    char *path = malloc(strlen(out) + 32);
    int rc = 0;
    if (!view.sents || !path) {
        snprintf(err, errn, "parser training: out of memory");
        rc = -1;
    }
    for (int k = 0; rc == 0 && k < nfolds; k++) {
        clock_t t0 = clock();
        view.nsents = view.nwords = 0;
        for (size_t s = 0; s < train->nsents; s++)
            if (s % (size_t)nfolds != (size_t)k) {
                view.sents[view.nsents++] = train->sents[s];
                view.nwords += train->sents[s].nwords;
            }
        sprintf(path, "%s.fold%d.tmp", out, k);
        if (syn_tagger_train(&view, dev, FOLD_TAGGER_ITERS, seed + (uint64_t)k + 1, path, NULL,
                             err, errn) < 0 ||
            !(folds[k] = syn_tagger_load(path, err, errn)))
            rc = -1;
        remove(path);
        if (rc == 0 && log)
            fprintf(log, "parser: fold %d/%d tagger trained on %zu sentences (%.1fs)\n", k + 1,
                    nfolds, view.nsents, (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
    free(view.sents);
    free(path);
    return rc;
}

int syn_parser_train(const syn_treebank *train, const syn_treebank *dev,
                     const syn_tagger *tagger, int max_iter, uint64_t seed, const char *out,
                     FILE *log, char *err, size_t errn) {
    int rc = -1;
    if (max_iter <= 0) max_iter = DEFAULT_ITERS;
    char *labels[MAX_LABELS + 1];
    char **xpos = calloc(65536, sizeof *xpos);
    uint32_t nl = 0, nx = 0;
    if (!xpos) {
        snprintf(err, errn, "parser training: out of memory");
        return -1;
    }
    dyad_arena ar = {0};
    tsent *sents = NULL;
    size_t *order = NULL;
    trainer tr;
    memset(&tr, 0, sizeof tr);
    syn_parser *p = NULL;
    devset ds;
    memset(&ds, 0, sizeof ds);
    dyad_buf best = {0};
    void *stmem = NULL;
    syn_tagger *folds[PRS_FOLDS] = {NULL};
    int have_dev = dev && dev->nsents > 0;

    /* relation table: training relations in order of first appearance */
    for (size_t s = 0; s < train->nsents; s++)
        for (size_t i = 0; i < train->sents[s].nwords; i++) {
            const char *d = train->sents[s].words[i].deprel;
            if (strcmp(d, "_") == 0) continue;
            if (!name_id(labels, &nl, MAX_LABELS, d, 1)) {
                snprintf(err, errn, "more than %d relations in the training treebank", MAX_LABELS);
                free(xpos);
                return -1;
            }
        }
    if (nl == 0) {
        snprintf(err, errn, "the training treebank has no dependency relations");
        free(xpos);
        return -1;
    }
    /* XPOS table: the tagger's, else the training treebank's */
    if (tagger) {
        uint32_t last = 0;
        for (uint32_t x = 1; x < 4096; x++) {
            const char *nm = syn_xpos_name(tagger, x);
            xpos[x] = (char *)(nm ? nm : "_");
            if (nm && strcmp(nm, "_") != 0) last = x;
        }
        nx = last;
    } else {
        for (size_t s = 0; s < train->nsents; s++)
            for (size_t i = 0; i < train->sents[s].nwords; i++)
                name_id(xpos, &nx, 65535, train->sents[s].words[i].xpos, 1);
    }
    p = calloc(1, sizeof *p);
    if (!p || set_names(p, labels, nl, xpos, nx) < 0) goto nomem;

    /* data */
    long lifts;
    size_t skipped;
    sents = malloc((train->nsents + 1) * sizeof *sents);
    if (!sents) goto nomem;
    if (tagger && train_fold_taggers(train, dev, folds, PRS_FOLDS, seed, out, log, err, errn) < 0)
        goto done;
    size_t ns = train_prepare(sents, train, folds, tagger ? PRS_FOLDS : 0, labels, nl, &ar,
                              &lifts, &skipped);
    if (ar.oom) goto nomem;
    if (ns == 0) {
        snprintf(err, errn, "no usable training sentences");
        goto done;
    }
    size_t maxn = 1;
    for (size_t s = 0; s < ns; s++)
        if ((size_t)sents[s].n > maxn) maxn = (size_t)sents[s].n;
    if (have_dev && dev_prepare(&ds, dev, tagger, xpos, nx) < 0) goto nomem;
    if (log)
        fprintf(log, "parser: %zu training sentences (%zu skipped, %ld arcs lifted), %u relations, "
                "%u XPOS, %s tags\n", ns, skipped, lifts, nl, nx,
                tagger ? "jackknifed predicted" : "treebank");

    /* weights */
    tr.stride = nl + 1;
    tr.nlabels = nl;
    tr.root = p->root;
    tr.tc = tr.lc = 1;
    size_t R = (size_t)1 << T_BITS, LR = (size_t)1 << L_BITS;
    tr.tw = calloc(R * NMOVES, sizeof(float));
    tr.tu = calloc(R * NMOVES, sizeof(float));
    tr.lw = calloc(LR * tr.stride, sizeof(float));
    tr.lu = calloc(LR * tr.stride, sizeof(float));
    tr.lsc = calloc(tr.stride, sizeof(float));
    order = malloc(ns * sizeof *order);
    stmem = malloc(state_bytes(maxn));
    if (!tr.tw || !tr.tu || !tr.lw || !tr.lu || !tr.lsc || !order || !stmem) goto nomem;
    for (size_t s = 0; s < ns; s++) order[s] = s;

    uint64_t rng = seed ^ 0x5eed0fd7a11e5ULL;
    double best_las = -1, best_uas = 0;
    int best_iter = 0;
    for (int it = 1; it <= max_iter; it++) {
        clock_t t0 = clock();
        for (size_t s = ns - 1; s > 0; s--) {
            size_t j = (size_t)(rng_next(&rng) % (s + 1));
            size_t x = order[s];
            order[s] = order[j], order[j] = x;
        }
        tr.moves = tr.wrong = tr.arcs = tr.lwrong = 0;
        for (size_t s = 0; s < ns; s++) {
            pstate st;
            state_carve(&st, stmem, (size_t)sents[order[s]].n);
            train_sent(&tr, &sents[order[s]], &st, it >= PRS_EXPLORE_FROM, &rng);
        }
        if (build_tables(p, &tr) < 0) goto nomem;
        double uas = 0, las = 0;
        if (have_dev) dev_score(p, &ds, &uas, &las);
        int better = !have_dev || las > best_las;
        if (log)
            fprintf(log, "parser: iteration %d: moves %.2f%% corrected, labels %.2f%%, dev UAS "
                    "%.2f LAS %.2f, %.1fs%s\n", it,
                    tr.moves ? 100.0 * (double)tr.wrong / (double)tr.moves : 0.0,
                    tr.arcs ? 100.0 * (double)tr.lwrong / (double)tr.arcs : 0.0, uas, las,
                    (double)(clock() - t0) / CLOCKS_PER_SEC,
                    better && have_dev ? " *" : "");
        if (better) {
            best_las = las, best_uas = uas, best_iter = it;
            dbuf_reset(&best);
            if (model_write(p, &best) < 0) goto nomem;
        }
    }
    if (log && have_dev)
        fprintf(log, "parser: best iteration %d: dev UAS %.2f LAS %.2f; model %zu bytes\n",
                best_iter, best_uas, best_las, best.n);
    rc = write_file(out, &best, err, errn);
    goto done;
nomem:
    snprintf(err, errn, "parser training: out of memory");
    rc = -1;
done:
    free(tr.tw), free(tr.tu), free(tr.lw), free(tr.lu), free(tr.lsc);
    free(order);
    free(stmem);
    free(sents);
    arena_free(&ar);
    dev_free(&ds);
    dbuf_free(&best);
    syn_parser_free(p);
    for (int k = 0; k < PRS_FOLDS; k++) syn_tagger_free(folds[k]);
    free(xpos);
    return rc;
}
