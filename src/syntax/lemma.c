/*
** lemma.c - lemmatizer: (lower-cased form, XPOS) -> lemma from the
** training treebank, irregular forms and known lemmas from WordNet when it
** was installed at training time, and learnt suffix rules for the rest
** (imposed -> impose, withdrew -> withdraw, countries -> country).
**
** Contract (see syntax.h): a model is an immutable object shared by
** threads.  syn_lemmatize sets words[i].lemma to a NUL-terminated string
** owned by the model (forms seen in training) or allocated in s->arena
** (everything else).  Lemmas are lower-case, except that proper nouns keep
** the case they were written in (Russia, RUSSIA) and that a lemma learnt
** from the treebank keeps the treebank's case ("I", "American").  Without
** a tagger (t NULL) or an XPOS, the UPOS guides a guess of the XPOS.
**
** Lookup order for a word tagged X:
**   1. the treebank table, key (lower-cased form, X);
**   2. WordNet exceptions (verb.exc for VBD/VBN/VBG/VBZ, noun.exc for
**      NNS/NNPS, adj.exc for JJR/JJS, adv.exc for RBR/RBS);
**   3. the suffix rule of the longest known suffix of the form for X: strip
**      k bytes and append a string, learnt from the treebank's word types
**      ("-ied" -> "-y" for VBD), the most frequent rule per suffix; when its
**      result is no known lemma of the word class (WordNet's index files
**      plus the treebank's lemmas) but a WordNet detachment rule ("morphy":
**      -ed -> -e, -ed -> "", undoubling stopped -> stop) gives one, that
**      one wins;
**   4. the lower-cased form.
** A possessive stuck to a noun ("Russia's") is dropped first, and a cardinal
** number loses its thousands separators (1,100 -> 1100) as in EWT.
**
** Model file (little-endian): magic "DYADLEM\0", u32 version, u32 ntags,
** u32 nslots, u32 pool bytes, u32 vocabulary slots, u64 checksum (FNV-1a)
** of what follows; ntags names (u8 length + bytes); nslots x (u32 key
** offset, u32 value offset, u16 tag, u8 kind, u8 strip); the string pool
** (NUL-terminated strings, offset 0 is ""); vocabulary slots x u32
** fingerprints (0 = empty).  A slot's place is the hash of (kind, tag name,
** key); kind 0 marks an empty slot.
*/
#include "syntax.h"

#include <errno.h>
#include <stdlib.h>

#define LM_MAGIC "DYADLEM"
#define LM_VERSION 1u
#define LM_HEAD 36
#define LM_MAXTAG 64
#define LM_MAXSUF 6             /* longest suffix a rule is conditioned on */
#define LM_MAXWORD 128          /* longer words are only lower-cased */
#define LM_RULEMIN 2            /* word types a suffix needs to get a rule */

/* Where Debian's wordnet-base package puts the exception lists. */
#define LM_WORDNET "/usr/share/wordnet"

enum { K_EMPTY = 0, K_WORD, K_RULE, K_EXC };

typedef struct lm_slot {
    uint32_t key;           /* pool offset of the key (form or suffix) */
    uint32_t val;           /* pool offset of the lemma or the appended string */
    uint16_t tag;           /* tag number (name in tags) */
    uint8_t  kind;          /* K_* */
    uint8_t  strip;         /* rules: bytes removed from the form's end */
} lm_slot;

struct syn_lemmatizer {
    uint32_t ntags;
    char   **tags;          /* tag names: XPOS, and VERB/NOUN/ADJ/ADV for exceptions */
    char    *tagmem;
    uint32_t mask;          /* slots - 1 */
    lm_slot *slots;
    char    *pool;          /* strings; offset 0 is "" */
    uint32_t npool;
    uint32_t vmask;         /* vocabulary slots - 1 */
    uint32_t *vocab;        /* fingerprints of known lemmas (0 = empty) */
};

/* ------------------------------------------------------------ hashing */


static uint64_t lm_fnv(const char *z, size_t n, uint64_t h) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)z[i]) * 0x100000001b3ULL;
    return h;
}

static uint64_t lm_hash(int kind, const char *tag, const char *key, size_t n) {
    uint64_t h = lm_fnv(tag, strlen(tag), 0xcbf29ce484222325ULL + (uint64_t)kind);
    h = lm_fnv("\t", 1, h);
    return dyad_mix64(lm_fnv(key, n, h));
}

/* Slot for (kind, tag, key[0..n)), or NULL. */
static const lm_slot *lm_find(const syn_lemmatizer *l, int kind, const char *tag, const char *key,
                              size_t n) {
    uint32_t i = (uint32_t)lm_hash(kind, tag, key, n) & l->mask;
    for (;; i = (i + 1) & l->mask) {
        const lm_slot *s = &l->slots[i];
        if (s->kind == K_EMPTY) return NULL;
        const char *k = l->pool + s->key;
        if (s->kind == kind && strncmp(k, key, n) == 0 && k[n] == 0 &&
            strcmp(l->tags[s->tag], tag) == 0)
            return s;
    }
}

/* ------------------------------------------------------------ vocabulary */

/* Known lemmas (WordNet's index files and the treebank's lemmas) are kept
** as 32-bit fingerprints per word class; a false hit needs a 32-bit hash
** collision on top of a slot collision. */
static uint64_t lm_vhash(int group, const char *z, size_t n) {
    return dyad_mix64(lm_fnv(z, n, 0x9e3779b97f4a7c15ULL * (uint64_t)(group + 1)));
}

static uint32_t lm_vfp(uint64_t h) {
    uint32_t k = (uint32_t)(h >> 32);
    return k ? k : 1;
}

static int lm_known(const syn_lemmatizer *l, int group, const char *z, size_t n) {
    if (!l->vocab) return 0;
    uint64_t h = lm_vhash(group, z, n);
    uint32_t k = lm_vfp(h);
    for (uint32_t i = (uint32_t)h & l->vmask;; i = (i + 1) & l->vmask) {
        if (l->vocab[i] == k) return 1;
        if (l->vocab[i] == 0) return 0;
    }
}

/* Word classes of the vocabulary and the exception lists. */
enum { G_NONE = -1, G_VERB, G_NOUN, G_ADJ, G_ADV };
static const char *const lm_group_name[] = {"VERB", "NOUN", "ADJ", "ADV"};

/* Class of an XPOS tag's lemmas (G_NONE for uninflected tags). */
static int lm_group(const char *tag) {
    if (tag[0] == 'V' && tag[1] == 'B') return G_VERB;
    if (tag[0] == 'N' && tag[1] == 'N') return G_NOUN;
    if (tag[0] == 'J' && tag[1] == 'J') return G_ADJ;
    if (tag[0] == 'R' && tag[1] == 'B') return G_ADV;
    return G_NONE;
}

/* WordNet's detachment rules ("morphy"): ending -> replacement, per class. */
typedef struct lm_detach {
    const char *end, *rep;
} lm_detach;
static const lm_detach lm_noun_rules[] = {
    {"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
    {"men", "man"}, {"s", ""}, {NULL, NULL}};
static const lm_detach lm_verb_rules[] = {
    {"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"},
    {"ing", ""}, {NULL, NULL}};
static const lm_detach lm_adj_rules[] = {
    {"iest", "y"}, {"ier", "y"}, {"est", ""}, {"er", ""}, {"est", "e"}, {"er", "e"}, {NULL, NULL}};

/* A known lemma for inflected low[0..n) of class g by detachment (with
** undoubling: stopped -> stop), written to out; returns its length or 0. */
static size_t lm_morphy(const syn_lemmatizer *l, int g, const char *low, size_t n, char *out) {
    const lm_detach *r = g == G_NOUN ? lm_noun_rules : g == G_VERB ? lm_verb_rules :
                         g == G_ADJ ? lm_adj_rules : NULL;
    for (; r && r->end; r++) {
        size_t ne = strlen(r->end), nr = strlen(r->rep);
        if (n <= ne + 1 || memcmp(low + n - ne, r->end, ne) != 0) continue;
        size_t m = n - ne;
        memcpy(out, low, m);
        memcpy(out + m, r->rep, nr);
        if (lm_known(l, g, out, m + nr)) return m + nr;
        /* stopped -> stop, bigger -> big */
        if (nr == 0 && m > 2 && out[m - 1] == out[m - 2] && lm_known(l, g, out, m - 1))
            return m - 1;
    }
    return 0;
}

/* ------------------------------------------------------------ lemmatizing */

static int lm_is(const char *tag, const char *a) { return strcmp(tag, a) == 0; }

/* The XPOS a word of UPOS u probably has, for a tagger-less call. */
static const char *lm_guess_xpos(int u, const char *low, size_t n) {
    int s = n > 1 && low[n - 1] == 's';
    int ed = n > 3 && low[n - 2] == 'e' && low[n - 1] == 'd';
    int ing = n > 4 && memcmp(low + n - 3, "ing", 3) == 0;
    switch (u) {
    case UPOS_NOUN: return s ? "NNS" : "NN";
    case UPOS_PROPN: return "NNP";
    case UPOS_VERB:
    case UPOS_AUX: return ing ? "VBG" : ed ? "VBD" : s ? "VBZ" : "VB";
    case UPOS_ADJ: return "JJ";
    case UPOS_ADV: return "RB";
    case UPOS_PRON: return "PRP";
    case UPOS_DET: return "DT";
    case UPOS_ADP:
    case UPOS_SCONJ: return "IN";
    case UPOS_NUM: return "CD";
    case UPOS_CCONJ: return "CC";
    case UPOS_PART: return "RB";
    default: return "_";
    }
}

/* Class of an inflected XPOS tag (the ones exceptions and detachment
** apply to), or G_NONE. */
static int lm_inflected(const char *tag) {
    if (lm_is(tag, "VBD") || lm_is(tag, "VBN") || lm_is(tag, "VBG") || lm_is(tag, "VBZ"))
        return G_VERB;
    if (lm_is(tag, "NNS") || lm_is(tag, "NNPS")) return G_NOUN;
    if (lm_is(tag, "JJR") || lm_is(tag, "JJS")) return G_ADJ;
    if (lm_is(tag, "RBR") || lm_is(tag, "RBS")) return G_ADV;
    return G_NONE;
}

/* Length of form z[0..n) without a possessive "'s", "’s" or "s'" ending. */
static size_t lm_unpossess(const char *z, size_t n) {
    if (n > 2 && z[n - 2] == '\'' && (z[n - 1] == 's' || z[n - 1] == 'S')) return n - 2;
    if (n > 4 && memcmp(z + n - 4, "\xe2\x80\x99", 3) == 0 && (z[n - 1] == 's' || z[n - 1] == 'S'))
        return n - 4;
    if (n > 2 && z[n - 1] == '\'' && (z[n - 2] == 's' || z[n - 2] == 'S')) return n - 1;
    return n;
}

/* Lemma of one word (form z[0..n), XPOS name tag) into the arena or the
** model. */
static const char *lm_one(const syn_lemmatizer *l, const char *z, size_t n, const char *tag,
                          int upos, dyad_arena *a) {
    char low[LM_MAXWORD + 1], out[LM_MAXWORD + 64];
    int proper = lm_is(tag, "NNP") || lm_is(tag, "NNPS") || (tag[0] == '_' && upos == UPOS_PROPN);
    int noun = tag[0] == 'N' && tag[1] == 'N';
    if (noun || (tag[0] == '_' && (upos == UPOS_NOUN || upos == UPOS_PROPN)))
        n = lm_unpossess(z, n);
    if (n == 0) return "";
    if (n > LM_MAXWORD) {
        char *p = arena_strndup(a, z, n);
        if (p && !proper)
            for (size_t i = 0; i < n; i++) p[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
        return p ? p : "";
    }
    for (size_t i = 0; i < n; i++) low[i] = (char)(z[i] >= 'A' && z[i] <= 'Z' ? z[i] + 32 : z[i]);
    low[n] = 0;
    int guessed = tag[0] == '_';
    if (guessed) tag = lm_guess_xpos(upos, low, n);

    const char *lem = NULL;     /* model-owned result */
    size_t m = 0;               /* or out[0..m) */
    const lm_slot *s = lm_find(l, K_WORD, tag, low, n);
    if (!s && guessed) {
        /* Without a tagger: any inflection of the word's class will do
        ** (withdrew as VBD although -ed suggested nothing). */
        static const char *const alt[][7] = {
            {"VBD", "VBN", "VBZ", "VBG", "VBP", "VB", NULL}, {"NN", "NNS", NULL},
            {"JJ", "JJR", "JJS", NULL}, {"RB", "RBR", "RBS", NULL}, {"NNP", "NNPS", NULL}};
        int cls = upos == UPOS_VERB || upos == UPOS_AUX ? 0 : upos == UPOS_NOUN ? 1 :
                upos == UPOS_ADJ ? 2 : upos == UPOS_ADV ? 3 : upos == UPOS_PROPN ? 4 : -1;
        for (int i = 0; cls >= 0 && !s && alt[cls][i]; i++) {
            s = lm_find(l, K_WORD, alt[cls][i], low, n);
            if (s) tag = alt[cls][i];
        }
    }
    int g = lm_inflected(tag);
    if (s) {
        lem = l->pool + s->val;
    } else if (g != G_NONE && (s = lm_find(l, K_EXC, lm_group_name[g], low, n)) != NULL) {
        lem = l->pool + s->val;
    } else if (lm_is(tag, "CD") && memchr(low, ',', n) && low[0] >= '0' && low[0] <= '9') {
        for (size_t i = 0; i < n; i++)
            if (low[i] != ',') out[m++] = low[i];
    } else {
        size_t k = n - 1 < LM_MAXSUF ? n - 1 : LM_MAXSUF;
        for (;; k--) {
            s = lm_find(l, K_RULE, tag, low + n - k, k);
            if ((s && s->strip < n) || k == 0) break;
        }
        size_t na = s ? strlen(l->pool + s->val) : 0;
        if (s && s->strip < n && na <= 32) {
            const char *add = l->pool + s->val;
            m = n - s->strip;
            memcpy(out, low, m);
            memcpy(out + m, add, na);
            m += na;
        } else {
            memcpy(out, low, n);
            m = n;
        }
        /* A learnt rule whose result is no known lemma loses to a
        ** detachment rule whose result is. */
        if (g != G_NONE && !lm_known(l, g, out, m)) {
            char alt[LM_MAXWORD + 8];
            size_t k2 = lm_morphy(l, g, low, n, alt);
            if (k2) {
                memcpy(out, alt, k2);
                m = k2;
            }
        }
    }
    /* The result: r[0..nr), owned by the model or to be copied. */
    const char *r = lem ? lem : out;
    size_t nr = lem ? strlen(lem) : m;
    int owned = lem != NULL;
    if (proper) {
        /* A proper noun keeps the case it was written in (Russia, RUSSIA,
        ** Americans -> American), unless the treebank says otherwise
        ** (Dec. -> December). */
        int prefix = nr <= n;
        for (size_t i = 0; prefix && i < nr; i++)
            prefix = (r[i] >= 'A' && r[i] <= 'Z' ? r[i] + 32 : r[i]) == low[i];
        if (prefix) return arena_strndup(a, z, nr);
        if (owned) return lem;
        int caps = 1;
        for (size_t i = 0; i < n; i++) caps &= !(z[i] >= 'a' && z[i] <= 'z');
        char *p = arena_strndup(a, r, nr);
        for (size_t i = 0; p && i < nr; i++) {
            if (i < n && low[i] == p[i]) p[i] = z[i];
            else if (caps && p[i] >= 'a' && p[i] <= 'z') p[i] = (char)(p[i] - 32);
        }
        return p;
    }
    if (owned) return lem;
    return arena_strndup(a, r, nr);
}

void syn_lemmatize(const syn_lemmatizer *l, const syn_tagger *t, syn_word *words, size_t n,
                   syn_scratch *s) {
    for (size_t i = 0; i < n; i++) {
        const char *tag = t ? syn_xpos_name(t, words[i].xpos) : "_";
        const char *lem = lm_one(l, words[i].form, words[i].len, tag, words[i].upos, &s->arena);
        words[i].lemma = lem ? lem : "";
    }
}

void syn_lemmatizer_free(syn_lemmatizer *l) {
    if (!l) return;
    free(l->tags);
    free(l->tagmem);
    free(l->slots);
    free(l->pool);
    free(l->vocab);
    free(l);
}

/* ------------------------------------------------------------ file image */

syn_lemmatizer *syn_lemmatizer_load(const char *path, char *err, size_t errn) {
    dyad_buf b;
    if (syn_read_image(path, &b, err, errn) < 0) return NULL;
    syn_lemmatizer *l = NULL;
    const unsigned char *p = (const unsigned char *)b.p;
    size_t n = b.n, at = LM_HEAD;
    if (n < LM_HEAD || memcmp(p, LM_MAGIC, 8) != 0) {
        snprintf(err, errn, "%s: not a dyad lemmatizer model (bad magic)", path);
        goto fail;
    }
    uint32_t ver = syn_get32(p + 8), ntags = syn_get32(p + 12), nslots = syn_get32(p + 16);
    uint32_t npool = syn_get32(p + 20), nvocab = syn_get32(p + 24);
    uint64_t sum = (uint64_t)syn_get32(p + 28) | (uint64_t)syn_get32(p + 32) << 32;
    if (ver != LM_VERSION) {
        snprintf(err, errn, "%s: lemmatizer model version %u, expected %u", path, ver, LM_VERSION);
        goto fail;
    }
    if (lm_fnv((const char *)p + LM_HEAD, n - LM_HEAD, 0xcbf29ce484222325ULL) != sum) {
        snprintf(err, errn, "%s: lemmatizer model is damaged (checksum mismatch; truncated?)", path);
        goto fail;
    }
    if (ntags == 0 || ntags > LM_MAXTAG || nslots < 2 || (nslots & (nslots - 1)) ||
        nslots > (1u << 24) || npool == 0 || npool > (1u << 28) || (nvocab & (nvocab - 1)) ||
        nvocab > (1u << 24))
        goto bad;
    l = calloc(1, sizeof *l);
    if (!l) goto nomem;
    l->ntags = ntags;
    l->tags = calloc(ntags, sizeof *l->tags);
    l->tagmem = malloc((size_t)ntags * 256);
    l->slots = malloc((size_t)nslots * sizeof *l->slots);
    l->pool = malloc(npool);
    if (!l->tags || !l->tagmem || !l->slots || !l->pool) goto nomem;
    char *q = l->tagmem;
    for (uint32_t i = 0; i < ntags; i++) {
        if (at >= n || n - at - 1 < p[at]) goto bad;
        memcpy(q, p + at + 1, p[at]);
        q[p[at]] = 0;
        l->tags[i] = q;
        q += p[at] + 1;
        at += 1 + (size_t)p[at];
    }
    if (n - at != (size_t)nslots * 12 + npool + (size_t)nvocab * 4) goto bad;
    l->mask = nslots - 1;
    l->npool = npool;
    memcpy(l->pool, p + at + (size_t)nslots * 12, npool);
    if (l->pool[npool - 1] != 0 || l->pool[0] != 0) goto bad;
    int open = 0;
    for (uint32_t i = 0; i < nslots; i++, at += 12) {
        lm_slot *s = &l->slots[i];
        s->key = syn_get32(p + at);
        s->val = syn_get32(p + at + 4);
        s->tag = (uint16_t)(p[at + 8] | p[at + 9] << 8);
        s->kind = p[at + 10];
        s->strip = p[at + 11];
        if (s->kind == K_EMPTY) { open = 1; continue; }
        if (s->kind > K_EXC || s->key >= npool || s->val >= npool || s->tag >= ntags) goto bad;
    }
    if (!open) goto bad;
    at += npool;
    if (nvocab) {
        l->vmask = nvocab - 1;
        l->vocab = malloc((size_t)nvocab * sizeof *l->vocab);
        if (!l->vocab) goto nomem;
        open = 0;
        for (uint32_t i = 0; i < nvocab; i++, at += 4) {
            l->vocab[i] = syn_get32(p + at);
            open |= l->vocab[i] == 0;
        }
        if (!open) goto bad;
    }
    dbuf_free(&b);
    return l;
bad:
    snprintf(err, errn, "%s: lemmatizer model is inconsistent (a size or index is out of range)",
             path);
    goto fail;
nomem:
    snprintf(err, errn, "%s: out of memory loading the lemmatizer model", path);
fail:
    syn_lemmatizer_free(l);
    dbuf_free(&b);
    return NULL;
}

/* ------------------------------------------------------------ training */

/* An entry being built: kind, tag, key -> value (+ strip). */
typedef struct lt_ent {
    const char *key, *val;
    uint16_t tag;
    uint8_t kind, strip;
} lt_ent;

/* A (tag, key, value) observation, sorted to count. */
typedef struct lt_obs {
    const char *key, *val;
    uint16_t tag;
    uint8_t strip;
} lt_obs;

static int obs_cmp(const void *x, const void *y) {
    const lt_obs *a = x, *b = y;
    if (a->tag != b->tag) return a->tag < b->tag ? -1 : 1;
    int c = strcmp(a->key, b->key);
    if (c) return c;
    if (a->strip != b->strip) return a->strip < b->strip ? -1 : 1;
    return strcmp(a->val, b->val);
}

typedef struct ltrain {
    const char *tags[LM_MAXTAG];
    uint32_t ntags;
    dyad_vec obs;           /* lt_obs */
    dyad_vec ents;          /* lt_ent */
    dyad_vec vocab;         /* uint64_t hashes of known lemmas (lm_vhash) */
    dyad_arena a;
    int oom;
} ltrain;

static int lt_tag(ltrain *t, const char *name) {
    for (uint32_t i = 0; i < t->ntags; i++)
        if (strcmp(t->tags[i], name) == 0) return (int)i;
    if (t->ntags == LM_MAXTAG || strlen(name) > 255) return -1;
    t->tags[t->ntags] = arena_strndup(&t->a, name, strlen(name));
    if (!t->tags[t->ntags]) { t->oom = 1; return -1; }
    return (int)t->ntags++;
}

static void lt_obs_add(ltrain *t, int tag, const char *key, const char *val, int strip) {
    lt_obs *o = dvec_push(&t->obs, sizeof *o);
    if (!o) { t->oom = 1; return; }
    o->tag = (uint16_t)tag;
    o->key = key;
    o->val = val;
    o->strip = (uint8_t)strip;
}

static void lt_ent_add(ltrain *t, int kind, int tag, const char *key, const char *val, int strip) {
    lt_ent *e = dvec_push(&t->ents, sizeof *e);
    if (!e) { t->oom = 1; return; }
    e->kind = (uint8_t)kind;
    e->tag = (uint16_t)tag;
    e->key = key;
    e->val = val;
    e->strip = (uint8_t)strip;
}

static char *lt_lower(dyad_arena *a, const char *z, size_t n) {
    char *p = arena_strndup(a, z, n);
    if (p)
        for (size_t i = 0; i < n; i++) p[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
    return p;
}

/* Read one WordNet exception list into entries under pseudo-tag group;
** returns the entries read (0 when the file is absent). */
static size_t lt_wordnet(ltrain *t, const char *file, const char *group) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", LM_WORDNET, file);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    int tag = lt_tag(t, group);
    char line[512];
    size_t n = 0;
    while (tag >= 0 && fgets(line, sizeof line, f)) {
        char *form = strtok(line, " \t\r\n"), *base = strtok(NULL, " \t\r\n");
        if (!form || !base || strchr(form, '_') || strchr(base, '_')) continue;
        if (strlen(form) > LM_MAXWORD) continue;
        lt_obs_add(t, tag, arena_strndup(&t->a, form, strlen(form)),
                   arena_strndup(&t->a, base, strlen(base)), 0);
        n++;
    }
    fclose(f);
    return n;
}

static void lt_vocab_add(ltrain *t, int group, const char *z, size_t n) {
    uint64_t *v = dvec_push(&t->vocab, sizeof *v);
    if (!v) { t->oom = 1; return; }
    *v = lm_vhash(group, z, n);
}

/* Read the lemmas of a WordNet index file (one-word lemmas only); returns
** how many (0 when the file is absent). */
static size_t lt_wordnet_index(ltrain *t, const char *file, int group) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", LM_WORDNET, file);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[4096];
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ') continue;           /* licence header */
        size_t k = strcspn(line, " \t\r\n");
        if (k == 0 || k > LM_MAXWORD || memchr(line, '_', k)) continue;
        lt_vocab_add(t, group, line, k);
        n++;
    }
    fclose(f);
    return n;
}

static int u64_cmp(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* Turn sorted observations into entries of kind: for each (tag, key) the
** most frequent (strip, value); rules need LM_RULEMIN observations. */
static void lt_pick(ltrain *t, int kind) {
    lt_obs *o = t->obs.p;
    size_t n = t->obs.n;
    if (n) qsort(o, n, sizeof *o, obs_cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i, best = i, bestn = 0;
        while (j < n && o[j].tag == o[i].tag && strcmp(o[j].key, o[i].key) == 0) {
            size_t r = j;
            while (j < n && o[j].tag == o[i].tag && strcmp(o[j].key, o[i].key) == 0 &&
                   o[j].strip == o[r].strip && strcmp(o[j].val, o[r].val) == 0)
                j++;
            if (j - r > bestn) { bestn = j - r; best = r; }
        }
        if (kind != K_RULE || j - i >= LM_RULEMIN || o[i].key[0] == 0)
            lt_ent_add(t, kind, o[best].tag, o[best].key, o[best].val, o[best].strip);
        i = j;
    }
    t->obs.n = 0;
}

static int ent_cmp(const void *x, const void *y) {
    const lt_ent *a = x, *b = y;
    if (a->tag != b->tag) return a->tag < b->tag ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* Drop the rules (entries from first on) that say what the rule of the
** next shorter suffix says: the lookup falls back to it anyway. */
static void lt_prune_rules(ltrain *t, size_t first) {
    lt_ent *e = (lt_ent *)t->ents.p + first;
    size_t n = t->ents.n - first, m = 0;
    if (n == 0) return;
    qsort(e, n, sizeof *e, ent_cmp);
    unsigned char *drop = calloc(n, 1);
    if (!drop) return;                          /* keeping every rule is still right */
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(e[i].key);
        const lt_ent *parent = NULL;
        for (size_t c = 1; c <= k && !parent; c++) {      /* nearest shorter suffix */
            lt_ent key = e[i];
            key.key = e[i].key + c;
            parent = bsearch(&key, e, n, sizeof *e, ent_cmp);
        }
        drop[i] = parent && parent->strip == e[i].strip && strcmp(parent->val, e[i].val) == 0;
    }
    for (size_t i = 0; i < n; i++)
        if (!drop[i]) e[m++] = e[i];
    free(drop);
    t->ents.n = first + m;
}

/* Serialise the entries into an image in b. */
static int lt_image(ltrain *t, dyad_buf *b) {
    dyad_buf pool = {0};
    lt_ent *e = t->ents.p;
    size_t n = t->ents.n;
    uint32_t size = 16;
    while ((double)size * 0.6 < (double)n + 1) size *= 2;
    lm_slot *slots = calloc(size, sizeof *slots);
    /* Interned strings: the pool keeps one copy of each. */
    uint32_t imask = 0;
    while (imask < 4 * n + 16) imask = imask * 2 + 1;
    uint32_t *intern = calloc((size_t)imask + 1, sizeof *intern);
    if (!slots || !intern) {
        free(slots);
        free(intern);
        return -1;
    }
    dbuf_putc(&pool, 0);
    for (size_t i = 0; i < n; i++) {
        uint32_t off[2];
        for (int w = 0; w < 2; w++) {
            const char *z = w ? e[i].val : e[i].key;
            size_t len = strlen(z);
            if (len == 0) { off[w] = 0; continue; }
            uint32_t h = (uint32_t)dyad_mix64(lm_fnv(z, len, 0xcbf29ce484222325ULL)) & imask;
            while (intern[h] && strcmp(pool.p + intern[h], z) != 0) h = (h + 1) & imask;
            if (!intern[h]) {
                intern[h] = (uint32_t)pool.n;
                dbuf_append(&pool, z, len + 1);
            }
            off[w] = intern[h];
        }
        uint32_t h = (uint32_t)lm_hash(e[i].kind, t->tags[e[i].tag], e[i].key, strlen(e[i].key)) &
                     (size - 1);
        while (slots[h].kind) h = (h + 1) & (size - 1);
        slots[h].key = off[0];
        slots[h].val = off[1];
        slots[h].tag = e[i].tag;
        slots[h].kind = e[i].kind;
        slots[h].strip = e[i].strip;
    }
    /* The vocabulary: distinct hashes in a fingerprint table. */
    uint64_t *vh = t->vocab.p;
    size_t nv = 0;
    if (t->vocab.n) qsort(vh, t->vocab.n, sizeof *vh, u64_cmp);
    for (size_t i = 0; i < t->vocab.n; i++)
        if (i == 0 || vh[i] != vh[i - 1]) vh[nv++] = vh[i];
    uint32_t vsize = 0;
    if (nv) {
        vsize = 16;
        while ((double)vsize * 0.8 < (double)nv + 1) vsize *= 2;
    }
    uint32_t *vt = calloc(vsize + 1, sizeof *vt);
    if (!vt) {
        free(slots);
        free(intern);
        dbuf_free(&pool);
        return -1;
    }
    for (size_t i = 0; i < nv; i++) {
        uint32_t h = (uint32_t)vh[i] & (vsize - 1);
        while (vt[h]) h = (h + 1) & (vsize - 1);
        vt[h] = lm_vfp(vh[i]);
    }
    dbuf_reset(b);
    dbuf_append(b, LM_MAGIC, 8);
    syn_put32(b, LM_VERSION);
    syn_put32(b, t->ntags);
    syn_put32(b, size);
    syn_put32(b, (uint32_t)pool.n);
    syn_put32(b, vsize);
    syn_put32(b, 0);
    syn_put32(b, 0);
    for (uint32_t i = 0; i < t->ntags; i++) {
        dbuf_putc(b, (char)strlen(t->tags[i]));
        dbuf_puts(b, t->tags[i]);
    }
    for (uint32_t i = 0; i < size; i++) {
        syn_put32(b, slots[i].key);
        syn_put32(b, slots[i].val);
        dbuf_putc(b, (char)(slots[i].tag & 255));
        dbuf_putc(b, (char)(slots[i].tag >> 8));
        dbuf_putc(b, (char)slots[i].kind);
        dbuf_putc(b, (char)slots[i].strip);
    }
    dbuf_append(b, pool.p, pool.n);
    for (uint32_t i = 0; i < vsize; i++) syn_put32(b, vt[i]);
    free(vt);
    int rc = b->oom || pool.oom ? -1 : 0;
    if (rc == 0) {
        uint64_t sum = lm_fnv(b->p + LM_HEAD, b->n - LM_HEAD, 0xcbf29ce484222325ULL);
        for (int i = 0; i < 8; i++) b->p[28 + i] = (char)(sum >> (8 * i));
    }
    free(slots);
    free(intern);
    dbuf_free(&pool);
    return rc;
}

int syn_lemmatizer_train(const syn_treebank *train, const char *out, FILE *log, char *err,
                         size_t errn) {
    ltrain t = {0};
    dyad_buf img = {0};
    int rc = -1;
    /* 1. The treebank table: (lower form, XPOS) -> most frequent lemma. */
    for (size_t i = 0; i < train->nsents; i++) {
        for (size_t j = 0; j < train->sents[i].nwords; j++) {
            const syn_cword *w = &train->sents[i].words[j];
            size_t n = strlen(w->form);
            if (n == 0 || n > LM_MAXWORD || strcmp(w->lemma, "_") == 0) continue;
            int tag = lt_tag(&t, w->xpos);
            if (tag < 0) continue;
            lt_obs_add(&t, tag, lt_lower(&t.a, w->form, n), w->lemma, 0);
            int g = lm_group(w->xpos);
            if (g != G_NONE && strlen(w->lemma) <= LM_MAXWORD) {
                char *lem = lt_lower(&t.a, w->lemma, strlen(w->lemma));
                if (lem) lt_vocab_add(&t, g, lem, strlen(lem));
            }
        }
    }
    if (t.oom || t.a.oom) goto nomem;
    lt_pick(&t, K_WORD);
    size_t nword = t.ents.n;
    /* 2. Suffix rules from the table's word types (one vote per type). */
    for (size_t i = 0; i < nword; i++) {
        lt_ent *e = &DVEC_AT(&t.ents, lt_ent, i);
        const char *f = e->key;
        size_t n = strlen(f);
        char *lem = lt_lower(&t.a, e->val, strlen(e->val));
        if (!lem) goto nomem;
        size_t p = 0;
        while (f[p] && f[p] == lem[p]) p++;
        size_t strip = n - p;
        const char *add = lem + p;
        if (strip > 255 || strlen(add) > 32) continue;
        for (size_t k = strip; k <= LM_MAXSUF && k < n; k++)
            lt_obs_add(&t, e->tag, f + n - k, add, (int)strip);
    }
    if (t.oom) goto nomem;
    lt_pick(&t, K_RULE);
    lt_prune_rules(&t, nword);
    size_t nrule = t.ents.n - nword;
    /* 3. WordNet exception lists, when installed. */
    size_t nexc = lt_wordnet(&t, "verb.exc", "VERB") + lt_wordnet(&t, "noun.exc", "NOUN") +
                  lt_wordnet(&t, "adj.exc", "ADJ") + lt_wordnet(&t, "adv.exc", "ADV");
    size_t nidx = lt_wordnet_index(&t, "index.verb", G_VERB) +
                  lt_wordnet_index(&t, "index.noun", G_NOUN) +
                  lt_wordnet_index(&t, "index.adj", G_ADJ);
    if (t.oom || t.a.oom) goto nomem;
    lt_pick(&t, K_EXC);
    if (lt_image(&t, &img) < 0) goto nomem;
    if (log)
        fprintf(log, "lemmatizer: %zu word entries, %zu suffix rules, %zu WordNet exceptions and "
                "%zu lemmas%s; %.2f MB\n", nword, nrule, nexc, nidx,
                nexc ? "" : " (" LM_WORDNET " not installed)", (double)img.n / 1e6);
    FILE *f = fopen(out, "wb");
    if (!f) {
        snprintf(err, errn, "%s: cannot create: %s", out, strerror(errno));
        goto done;
    }
    int bad = fwrite(img.p, 1, img.n, f) != img.n;
    if (fclose(f) != 0) bad = 1;
    if (bad) {
        snprintf(err, errn, "%s: write failed", out);
        goto done;
    }
    rc = 0;
    goto done;
nomem:
    snprintf(err, errn, "lemmatizer training: out of memory");
done:
    dvec_free(&t.obs);
    dvec_free(&t.ents);
    dvec_free(&t.vocab);
    arena_free(&t.a);
    dbuf_free(&img);
    return rc;
}
