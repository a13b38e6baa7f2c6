/*
** read_verbs.c - the verb-dictionary reader: TABARI .verbs, PETRARCH-1 verb
** patterns and PETRARCH-2 (CAMEO 2.0) verb dictionaries, the dialect told
** from the content (vr_detect).
**
** Contract (dict.h): one pass over text[0..n); every entry goes to the
** builder through dict_add_synset, dict_add_verb and dict_add_pattern, which
** copy what they keep, so nothing here outlives the call.  A bad entry is a
** dict_warn() naming the line and what was expected, and only that entry is
** skipped (a skipped TABARI root takes its patterns with it).  The result
** is -1, with a dict_error(), only when the text is unusable: binary, without
** a single entry, or out of memory.  Scratch memory is three arenas and a few
** vectors reused from line to line: no allocation per line beyond the
** builder's.
**
** What the dialects mean here
**   Comments      TABARI ';', PETRARCH '#', anywhere outside [...]; <!-- -->
**                 and other lines starting with '<' in PETRARCH files.
**                 TABARI stops at "~~FINISH" (the file's tail).
**   Phrases       words split on blanks and '_'; a word followed by '_' or
**                 '=' is exact, by '~' (TABARI "~_") a stem.  '=' on a root
**                 also suppresses its regular forms (TABARI "BAN=").
**   Codes         [123], [075A] (TABARI and the validation suites use letters),
**                 [---] null (DP_NULL), [###] discard (DP_DISCARD), [+++]
**                 TABARI's complex code, [X:Y] paired, [:Y] passive-only
**                 (DP_PASSIVE), and a final '?' (DP_SUBORDINATE) or '!'
**                 (DP_DOMINANT): TABARI "SAID [023?]", "ATTEND [031!]".  In
**                 <TIME> the code is a day shift [+7] [-30], or [---] (also
**                 written [- - -]), [###], [+++], all with DP_TIME.
**   Verbs         dict_add_verb gets the plain code (X of X:Y, NULL for :Y);
**                 a code that says more (pair, passive, ?/!, time) also gives
**                 the verb a pattern "*" carrying all of it.
**   Forms         irregular forms from {...}; regular forms of the verb word
**                 (TABARI: the first word; PETRARCH: the '+' word or the
**                 first) by English rules: S/ES/IES, D/ED/IED, ING/YING,
**                 final consonant doubled for one-syllable roots and for
**                 the stressed endings of longer ones (SUBMIT, EXPEL,
**                 OCCUR, CONTROL; not OFFER, VISIT).  TABARI adds
**                 what its own endings match (+S +ES +ED +ING; roots in E:
**                 +S +D, E -> ING) and keeps them next to {...}; PETRARCH
**                 generates nothing when {...} is given ("ALL forms need to
**                 be included").  Time roots and '=' roots get none.
**   Blocks        PETRARCH "--- NAME [CODE] ---" groups verbs that share the
**                 block's patterns.  dict.h has no block, so the block's verbs
**                 become one verb entry per code (named after the first verb
**                 with that code, the others' names and forms as its forms:
**                 usually one entry), and every pattern of the block goes to
**                 each of those entries.
**   Synsets       &NAME then "+MEMBER" lines (TABARI inside <SYNSETS>, which
**                 is not required); members may hold &OTHER and the pattern
**                 symbols $ + % ^ * as words, PETRARCH-2 members ( ) { } too.
**                 PETRARCH's plurals are added only where a stem would not
**                 match them: consonant + Y -> IES, unless the member or the
**                 name ends in '_'.  "&A_B" names the synset &A_B when it is
**                 defined (PETRARCH-2 &FIGHT_OF_WORDS), else &A then B
**                 (TABARI &TIETYPES_RELATIONS); an undefined one is an error.
**   Tolerated     commas between {FORMS}, [CODE] before {FORMS}, and a stale
**                 TABARI ";comment" after a PETRARCH verb (all in CAMEO files).
**   Patterns      TABARI/PETRARCH-1 { a | b } alternatives; PETRARCH-2 {NP}
**                 and (PP).  PETRARCH-2 "~ a (a b ATTACK) SAY = a b 015"
**                 transformations become a pattern "*" of the verb SAY with
**                 code 015 (NULL for Q) and the text after '~' as transform.
*/
#include "dict.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ characters */

/* ORDER CHARCLASS: other, blank, word.  Bytes >= 0x80 are word bytes (UTF-8
** letters are kept as the file spells them). */
enum { CC_OTHER = 0, CC_BLANK, CC_WORD };

#define O_ CC_OTHER
#define B_ CC_BLANK
#define W_ CC_WORD
static const uint8_t vr_class[128] = {
    /*       0   1   2   3   4   5   6   7   8   9   a   b   c   d   e   f */
    /* 0 */ O_, O_, O_, O_, O_, O_, O_, O_, O_, B_, O_, B_, B_, O_, O_, O_,
    /* 1 */ O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_, O_,
    /* 2 */ B_, O_, O_, O_, O_, O_, O_, W_, O_, O_, O_, O_, O_, W_, W_, W_, /*  '-./ */
    /* 3 */ W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, O_, O_, O_, O_, O_, O_, /* 0-9 */
    /* 4 */ O_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, /* A-O */
    /* 5 */ W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, O_, O_, O_, O_, O_, /* P-Z */
    /* 6 */ O_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, /* a-o */
    /* 7 */ W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, W_, O_, O_, O_, O_, O_, /* p-z */
};
#undef O_
#undef B_
#undef W_

static int vr_cls(char c) {
    unsigned char u = (unsigned char)c;
    return u >= 0x80 ? CC_WORD : vr_class[u];
}
static int vr_isword(char c) { return vr_cls(c) == CC_WORD; }
static int vr_isblank(char c) { return vr_cls(c) == CC_BLANK; }
static int vr_isalnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
static int vr_isalpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static char vr_upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }

/* A word is a run of word characters with at least one letter, digit or
** non-ASCII byte: "-" and "." alone are not words. */
static int vr_realword(const char *z, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (vr_isalnum(z[i]) || (unsigned char)z[i] >= 0x80) return 1;
    return 0;
}

static const char *vr_skipblank(const char *p, const char *end) {
    while (p < end && vr_isblank(*p)) p++;
    return p;
}

static const char *vr_find(const char *p, const char *end, char c) {
    const char *q = memchr(p, c, (size_t)(end - p));
    return q ? q : end;
}

/* The first s (of k bytes) in p[0..end), or NULL. */
static const char *vr_search(const char *p, const char *end, const char *s, size_t k) {
    for (; (size_t)(end - p) >= k; p++) {
        p = vr_find(p, end, s[0]);
        if ((size_t)(end - p) < k) break;
        if (memcmp(p, s, k) == 0) return p;
    }
    return NULL;
}

/* --------------------------------------------------------------- reader */

typedef struct vr_code {
    const char *code;   /* primary code; NULL for passive-only [:Y] */
    const char *code2;  /* Y of [X:Y] or [:Y], else NULL */
    unsigned flags;     /* DP_* */
} vr_code;

typedef struct vr_span {  /* one word of the phrase being split */
    const char *w;        /* upper-cased copy, in the arena given */
    uint8_t exact;
} vr_span;

typedef struct vr_verbline {  /* a verb waiting to be emitted */
    dict_src src;
    dict_phrase name;
    size_t form0, nforms;     /* its forms: r->forms[form0 ..] */
    vr_code code;             /* its own, or its block's */
    int own;                  /* an entry of its own (TABARI roots) */
    int done;                 /* emitted */
} vr_verbline;

typedef struct vr_name {  /* PETRARCH-2: verb word -> verb entry, for ~ */
    const char *word;
    size_t verb;
} vr_name;

enum { SEC_NONE = 0, SEC_SYNSETS, SEC_TIME, SEC_SKIP };  /* TABARI sections */

/* Phrase options. */
#define VP_HEAD    0x01   /* '+' marks the verb word (PETRARCH verbs, forms) */
#define VP_SYMBOLS 0x02   /* &NAME and $ + % ^ * are words (synset members) */
#define VP_GROUPS  0x04   /* and ( ) { } too (PETRARCH-2 members) */

typedef struct vr_reader {
    dict_builder *b;
    dict_dialect dialect;
    dict_src src;            /* the line being read */
    int oom;                 /* sticky: an arena or vector ran out */
    int stop;                /* TABARI ~~FINISH seen */
    size_t entries;          /* synsets, verbs and patterns added */
    char why[256];           /* the problem with the current entry */

    dyad_arena line;         /* this line's words and codes */
    dyad_arena held;         /* verbs waiting to be emitted */
    dyad_arena syn;          /* the synset being read */
    dyad_arena keep;         /* the whole file: block code, names for ~ */
    dyad_vec spans;          /* vr_span: the phrase being split */
    dyad_vec elems;          /* dict_elem: the pattern being parsed */

    int section;             /* SEC_*: TABARI section */
    char endtag[40];         /* SEC_SKIP: the tag that ends it */
    int xml_comment;         /* inside a multi-line <!-- --> */

    int syn_open;            /* a synset is being read */
    dict_src syn_src;
    const char *syn_name;    /* "&NAME" */
    int syn_noplural;        /* the name ended in '_' */
    dyad_vec members;        /* dict_phrase */

    int in_block;            /* PETRARCH: inside "--- NAME [CODE] ---" */
    vr_code block_code;
    dyad_vec vlines;         /* vr_verbline: verbs waiting */
    dyad_vec forms;          /* dict_phrase: their forms */
    dyad_vec merged;         /* dict_phrase: forms of a block entry */
    dyad_vec targets;        /* size_t: the verbs patterns go to */
    int orphans_quiet;       /* the last verb was skipped: skip its patterns quietly */
    dyad_vec names;          /* vr_name (PETRARCH-2) */
    dyad_vec synsets;        /* const char *: "&NAME"s defined so far */
} vr_reader;

static void vr_warn(vr_reader *r, const char *fmt, ...) DYAD_PRINTF(2, 3);
static void vr_warn(vr_reader *r, const char *fmt, ...) {
    char text[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    dict_warn(r->b, r->src, "%s", text);
}

/* Records the reason an entry is bad; returns -1 for "return vr_why(...)". */
static int vr_why(vr_reader *r, const char *fmt, ...) DYAD_PRINTF(2, 3);
static int vr_why(vr_reader *r, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->why, sizeof r->why, fmt, ap);
    va_end(ap);
    return -1;
}

static void *vr_alloc(vr_reader *r, dyad_arena *a, size_t n) {
    void *p = arena_alloc(a, n ? n : 1);
    if (!p) r->oom = 1;
    return p;
}

static void *vr_push(vr_reader *r, dyad_vec *v, size_t sz) {
    void *p = dvec_push(v, sz);
    if (!p) r->oom = 1;
    return p;
}

/* Upper-cased, NUL-terminated copy of z[0..n). */
static char *vr_upcopy(vr_reader *r, dyad_arena *a, const char *z, size_t n) {
    char *w = vr_alloc(r, a, n + 1);
    if (!w) return NULL;
    for (size_t i = 0; i < n; i++) w[i] = vr_upper(z[i]);
    w[n] = 0;
    return w;
}

static char *vr_copy(vr_reader *r, dyad_arena *a, const char *z, size_t n) {
    char *w = arena_strndup(a, z, n);
    if (!w) r->oom = 1;
    return w;
}

/* ---------------------------------------------------------------- codes */

static int vr_is_special(const char *z, size_t n) {
    return n == 3 && z[0] == z[1] && z[1] == z[2] && (z[0] == '-' || z[0] == '#' || z[0] == '+');
}

/* A code atom: ---, ###, +++ or letters and digits. */
static int vr_atom_ok(const char *z, size_t n) {
    if (n == 0 || n > 32) return 0;
    if (vr_is_special(z, n)) return 1;
    for (size_t i = 0; i < n; i++)
        if (!vr_isalnum(z[i])) return 0;
    return 1;
}

/* Parses the inside of [...], z[0..n).  time: a <TIME> entry.  Strings go
** to arena a.  Returns 0, or -1 with r->why set. */
static int vr_code_parse(vr_reader *r, dyad_arena *a, const char *z, size_t n, int time,
                         vr_code *c) {
    memset(c, 0, sizeof *c);
    const char *end = z + n;
    z = vr_skipblank(z, end);
    while (end > z && vr_isblank(end[-1])) end--;
    n = (size_t)(end - z);
    /* TABARI cleans blanks out of codes: [- - -] is [---]. */
    char t[40];
    size_t k = 0, blanks = 0;
    for (size_t i = 0; i < n && k < sizeof t - 1; i++) {
        if (vr_isblank(z[i])) blanks++;
        else t[k++] = z[i];
    }
    if (blanks) {
        if (!vr_is_special(t, k) || k + blanks != n)
            return vr_why(r, "blank inside code [%.*s] (expected one code)", (int)n, z);
        z = t;
        n = k;
    }
    if (time) {
        int ok = vr_is_special(z, n);
        if (!ok && n >= 2 && n <= 5 && (z[0] == '+' || z[0] == '-')) {
            ok = 1;
            for (size_t i = 1; i < n; i++)
                if (z[i] < '0' || z[i] > '9') ok = 0;
        }
        if (!ok)
            return vr_why(r, "bad time shift [%.*s] (expected [+N], [-N], [---], [###] or [+++])",
                          (int)n, z);
        c->code = vr_copy(r, a, z, n);
        c->flags = DP_TIME;
        if (n == 3 && z[0] == '-' && z[1] == '-') c->flags |= DP_NULL;
        if (n == 3 && z[0] == '#') c->flags |= DP_DISCARD;
        return 0;
    }
    size_t m = n;
    if (m > 0 && (z[m - 1] == '?' || z[m - 1] == '!')) {
        c->flags |= z[m - 1] == '?' ? DP_SUBORDINATE : DP_DOMINANT;
        m--;
    }
    const char *colon = memchr(z, ':', m);
    const char *x = z, *y = NULL;
    size_t xn = m, yn = 0;
    if (colon) {
        xn = (size_t)(colon - z);
        y = colon + 1;
        yn = m - xn - 1;
    }
    if ((xn == 0 && !colon) || (xn && !vr_atom_ok(x, xn)) || (colon && !vr_atom_ok(y, yn)))
        return vr_why(r,
                      "bad code [%.*s] (expected digits or letters, ---, ###, +++, X:Y or :Y, "
                      "optionally ending in ? or !)",
                      (int)n, z);
    if (xn) c->code = vr_copy(r, a, x, xn);
    if (colon) c->code2 = vr_copy(r, a, y, yn);
    if (!xn) c->flags |= DP_PASSIVE;
    if (xn == 3 && x[0] == '-' && x[1] == '-' && x[2] == '-' &&
        (!colon || (yn == 3 && y[0] == '-' && y[1] == '-' && y[2] == '-')))
        c->flags |= DP_NULL;
    if (xn == 3 && x[0] == '#') c->flags |= DP_DISCARD;
    return 0;
}

static int vr_streq(const char *a, const char *b) {
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static int vr_code_eq(const vr_code *a, const vr_code *b) {
    return vr_streq(a->code, b->code) && vr_streq(a->code2, b->code2) && a->flags == b->flags;
}

/* Finds "[...]" at p (after blanks): *inside gets its span; returns the
** position after ']', or NULL with r->why set. */
static const char *vr_bracket(vr_reader *r, const char *p, const char *end, const char **in,
                              size_t *inn) {
    const char *q = vr_find(p, end, ']');
    if (q == end) {
        vr_why(r, "unclosed '[' (expected [CODE])");
        return NULL;
    }
    *in = p + 1;
    *inn = (size_t)(q - p - 1);
    return q + 1;
}

/* ------------------------------------------------------ synset names */

static int vr_synset_known(const vr_reader *r, const char *z, size_t n) {
    for (size_t i = 0; i < r->synsets.n; i++)
        if (dyad_ieq(z, n, DVEC_AT(&r->synsets, const char *, i))) return 1;
    return 0;
}

/* The synset reference at z ('&'): the longest defined name among the
** '_'-separated prefixes of "&A_B_C" (PETRARCH-2 defines &FIGHT_OF_WORDS),
** else the letters and digits after '&' (TABARI "&TIETYPES_RELATIONS" is
** &TIETYPES then RELATIONS).  Returns its length, 1 when there is no name;
** *known tells whether it is defined. */
static size_t vr_synset_ref(const vr_reader *r, const char *z, const char *end, int *known) {
    const char *p = z + 1;
    while (p < end && (vr_isalnum(*p) || *p == '_')) p++;
    for (size_t k = (size_t)(p - z); k > 1; k--) {
        if (z[k - 1] == '_') continue;
        if ((k == (size_t)(p - z) || z[k] == '_') && vr_synset_known(r, z, k)) {
            *known = 1;
            return k;
        }
    }
    size_t k = 1;
    while (z + k < end && vr_isalnum(z[k])) k++;
    *known = 0;
    return k;
}

/* -------------------------------------------------------------- phrases */

/* Splits z[0..n) into words (see the file comment), storing them in arena a.
** opts: VP_*.  *head gets the word marked '+' (VP_HEAD), else 0; *noend is
** set when a word ended in '='.  Returns 0, or -1 with r->why set. */
static int vr_phrase(vr_reader *r, dyad_arena *a, const char *z, size_t n, unsigned opts,
                     dict_phrase *out, size_t *head, int *noend) {
    const char *p = z, *end = z + n;
    size_t nplus = 0;
    int depth = 0;
    char open = 0;
    r->spans.n = 0;
    if (head) *head = 0;
    if (noend) *noend = 0;
    memset(out, 0, sizeof *out);
    while (p < end) {
        char c = *p;
        if (vr_isblank(c) || c == '_') {
            p++;
            continue;
        }
        const char *w = p;
        size_t wn = 0;
        int sym = 0;
        if (c == '+' && (opts & VP_HEAD) && p + 1 < end && vr_isword(p[1])) {
            if (nplus++) return vr_why(r, "more than one '+' in a verb (expected one verb word)");
            if (head) *head = r->spans.n;
            p++;
            continue;
        } else if (c == '&' && (opts & VP_SYMBOLS)) {
            int known;
            wn = vr_synset_ref(r, p, end, &known);
            if (wn == 1) return vr_why(r, "'&' without a synset name (expected &NAME)");
            if (!known)
                return vr_why(r, "undefined synset '%.*s' (expected it defined before use)",
                              (int)wn, p);
            p += wn;
            sym = 1;
        } else if ((opts & VP_GROUPS) && strchr("({", c)) {
            if (depth) return vr_why(r, "nested '%c' (expected '%c' first)", c, open == '(' ? ')' : '}');
            open = c;
            depth = 1;
            p++;
            wn = 1;
            sym = 1;
        } else if ((opts & VP_GROUPS) && strchr(")}", c)) {
            if (!depth || c != (open == '(' ? ')' : '}'))
                return vr_why(r, "'%c' without '%c'", c, c == ')' ? '(' : '{');
            depth = 0;
            p++;
            wn = 1;
            sym = 1;
        } else if ((opts & VP_SYMBOLS) && strchr("$+%^*", c)) {
            p++;
            wn = 1;
            sym = 1;
        } else if (vr_isword(c)) {
            while (p < end && vr_isword(*p)) p++;
            wn = (size_t)(p - w);
            if (!vr_realword(w, wn))
                return vr_why(r, "unexpected '%.*s' (expected a word)", (int)wn, w);
        } else {
            return vr_why(r, "unexpected '%c' in a phrase (expected words joined by blanks or '_')",
                          c);
        }
        vr_span *s = vr_push(r, &r->spans, sizeof *s);
        if (!s) return vr_why(r, "out of memory");
        s->w = vr_upcopy(r, a, w, wn);
        s->exact = 0;
        if (!s->w) return vr_why(r, "out of memory");
        if (p < end && !sym) {
            if (*p == '_') {
                s->exact = 1;
                p++;
            } else if (*p == '=') {
                s->exact = 1;
                if (noend) *noend = 1;
                p++;
                if (p < end && *p == '_') p++;
            } else if (*p == '~') {
                p++;
                if (p < end && *p == '_') p++;
            }
        }
    }
    if (depth) return vr_why(r, "unclosed '%c' (expected '%c')", open, open == '(' ? ')' : '}');
    size_t nw = r->spans.n;
    if (nw == 0) return vr_why(r, "empty phrase (expected a word)");
    if (head && *head >= nw) *head = nw - 1;
    const char **words = vr_alloc(r, a, nw * sizeof *words);
    uint8_t *exact = vr_alloc(r, a, nw);
    if (!words || !exact) return vr_why(r, "out of memory");
    for (size_t i = 0; i < nw; i++) {
        words[i] = DVEC_AT(&r->spans, vr_span, i).w;
        exact[i] = DVEC_AT(&r->spans, vr_span, i).exact;
    }
    out->words = words;
    out->exact = exact;
    out->nwords = nw;
    return 0;
}

static int vr_phrase_eq(const dict_phrase *a, const dict_phrase *b) {
    if (a->nwords != b->nwords) return 0;
    for (size_t i = 0; i < a->nwords; i++) {
        if (strcmp(a->words[i], b->words[i]) != 0) return 0;
        if ((a->exact ? a->exact[i] : 0) != (b->exact ? b->exact[i] : 0)) return 0;
    }
    return 1;
}

/* Appends p to the forms in v[from..] unless it is there already or is the
** name itself. */
static void vr_form_add(vr_reader *r, dyad_vec *v, size_t from, const dict_phrase *name,
                        const dict_phrase *p) {
    if (name && vr_phrase_eq(name, p)) return;
    for (size_t i = from; i < v->n; i++)
        if (vr_phrase_eq(&DVEC_AT(v, dict_phrase, i), p)) return;
    dict_phrase *d = vr_push(r, v, sizeof *d);
    if (d) *d = *p;
}

/* ------------------------------------------------------- regular forms */

/* One inflection rule.  For each slot the first rule whose tail fits the
** root is used.  Tail letters are literal; 'v' is a vowel, 'c' a consonant,
** 'k' a consonant other than W, X, Y (U after Q counts as a consonant). */
typedef struct vr_ending {
    uint8_t slot;
    const char *tail;
    uint8_t drop;      /* letters dropped from the root */
    const char *add;   /* appended; '+' first doubles the last letter of a
                       ** one-syllable root; NULL: no form for this slot */
} vr_ending;

/* English: third person, past, present participle. */
static const vr_ending vr_english[] = {
    {0, "S", 0, "ES"},   {0, "X", 0, "ES"},   {0, "Z", 0, "ES"},   {0, "CH", 0, "ES"},
    {0, "SH", 0, "ES"},  {0, "cY", 1, "IES"}, {0, "cO", 0, "ES"},  {0, "", 0, "S"},
    {1, "E", 0, "D"},    {1, "cY", 1, "IED"}, {1, "cvk", 0, "+ED"}, {1, "", 0, "ED"},
    {2, "IE", 2, "YING"}, {2, "EE", 0, "ING"}, {2, "OE", 0, "ING"}, {2, "YE", 0, "ING"},
    {2, "E", 1, "ING"},  {2, "cvk", 0, "+ING"}, {2, "", 0, "ING"},
};

/* What TABARI's own endings match (its Validate suite codes "departes" for
** DEPART_ and "deplored" for DEPLORE_): +S +ES +ED +ING, roots in E +S +D
** and E -> ING. */
static const vr_ending vr_tabari[] = {
    {0, "", 0, "S"},  {1, "E", 0, NULL}, {1, "", 0, "ES"},  {2, "E", 0, "D"},
    {2, "", 0, "ED"}, {3, "E", 1, "ING"}, {3, "", 0, "ING"},
};

static int vr_vowel_at(const char *w, size_t i) {
    char c = w[i];
    if (c == 'U' && i > 0 && w[i - 1] == 'Q') return 0;
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static int vr_tail_fits(const char *w, size_t n, const char *tail) {
    size_t m = strlen(tail);
    if (m > n) return 0;
    for (size_t i = 0; i < m; i++) {
        size_t at = n - m + i;
        char t = tail[i], c = w[at];
        if (t == 'v') {
            if (!vr_vowel_at(w, at)) return 0;
        } else if (t == 'c' || t == 'k') {
            if (!vr_isalpha(c) || vr_vowel_at(w, at)) return 0;
            if (t == 'k' && (c == 'W' || c == 'X' || c == 'Y')) return 0;
        } else if (c != t) {
            return 0;
        }
    }
    return 1;
}

static int vr_syllables(const char *w, size_t n) {
    int k = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int v = vr_vowel_at(w, i) || (w[i] == 'Y' && i > 0 && !vr_vowel_at(w, i - 1));
        if (v && !in) k++;
        in = v;
    }
    return k;
}

/* Does a root of two or more syllables end in a stressed syllable whose
** consonant doubles (SUBMIT -> SUBMITTED, EXPEL -> EXPELLED, OCCUR ->
** OCCURRED, CONTROL -> CONTROLLED)?  English spelling follows the stress,
** which letters do not show: these are the endings of the verbs news uses
** (OFFER, VISIT, LIMIT keep one consonant). */
static int vr_final_stress(const char *w, size_t n) {
    static const char *const END[] = {"MIT", "PEL", "CUR", "TROL", "GRET", "BID", "GIN",
                                      "FER", "PLOT", "QUIP", "BAR", "STIR", "PAL", NULL};
    static const char *const NOT[] = {"OFFER", "DIFFER", "SUFFER", "PROFFER", "BUFFER",
                                      "LIMIT", "VISIT", "EXHIBIT", "EDIT", "CREDIT", NULL};
    for (size_t k = 0; NOT[k]; k++)
        if (strlen(NOT[k]) <= n && !strcmp(w + n - strlen(NOT[k]), NOT[k])) return 0;
    for (size_t k = 0; END[k]; k++) {
        size_t m = strlen(END[k]);
        if (m < n && !strcmp(w + n - m, END[k])) return 1;
    }
    return 0;
}

/* Adds to v the forms of root made by the rules in tab, inflecting word
** `head`; words in arena a. */
static void vr_inflect(vr_reader *r, dyad_arena *a, const dict_phrase *root, size_t head,
                       const vr_ending *tab, size_t ntab, dyad_vec *v, size_t from) {
    const char *w = root->words[head];
    size_t n = strlen(w);
    if (n < 2 || !vr_isalpha(w[n - 1]) || !vr_isalpha(w[n - 2])) return;
    int slot = -1;
    for (size_t i = 0; i < ntab; i++) {
        const vr_ending *e = &tab[i];
        if (e->slot == slot || !vr_tail_fits(w, n, e->tail) || e->drop >= n) continue;
        slot = e->slot;
        if (!e->add) continue;
        const char *add = e->add;
        int dbl = add[0] == '+';
        if (dbl) {
            add++;
            dbl = vr_syllables(w, n) == 1 || vr_final_stress(w, n);
        }
        size_t keep = n - e->drop, an = strlen(add);
        char *f = vr_alloc(r, a, keep + (size_t)dbl + an + 1);
        const char **words = vr_alloc(r, a, root->nwords * sizeof *words);
        if (!f || !words) return;
        memcpy(f, w, keep);
        if (dbl) f[keep] = w[n - 1];
        memcpy(f + keep + (size_t)dbl, add, an + 1);
        for (size_t k = 0; k < root->nwords; k++) words[k] = k == head ? f : root->words[k];
        dict_phrase p = {words, root->exact, root->nwords};
        vr_form_add(r, v, from, root, &p);
    }
}

static void vr_regular_forms(vr_reader *r, dyad_arena *a, const dict_phrase *root, size_t head,
                             dyad_vec *v, size_t from) {
    vr_inflect(r, a, root, head, vr_english, sizeof vr_english / sizeof *vr_english, v, from);
    if (r->dialect == DICT_TABARI)
        vr_inflect(r, a, root, head, vr_tabari, sizeof vr_tabari / sizeof *vr_tabari, v, from);
}

/* ---------------------------------------------------------------- verbs */

static void vr_name_record(vr_reader *r, const dict_phrase *p, size_t v) {
    if (r->dialect != DICT_PETRARCH2 || p->nwords != 1) return;
    vr_name *nm = vr_push(r, &r->names, sizeof *nm);
    if (!nm) return;
    nm->word = vr_copy(r, &r->keep, p->words[0], strlen(p->words[0]));
    nm->verb = v;
}

static const dict_elem vr_verb_only[1] = {{PE_VERB, 0, 0, NULL}};

/* Adds a verb entry (and its "*" pattern when its code says more than a
** code); the verb becomes a target of the patterns that follow. */
static void vr_add_verb(vr_reader *r, dict_src src, const dict_phrase *name,
                        const dict_phrase *forms, size_t nforms, const vr_code *c) {
    size_t v = dict_add_verb(r->b, src, name, forms, nforms, c->code);
    r->entries++;
    if (c->code2 || (c->flags & (DP_SUBORDINATE | DP_DOMINANT | DP_PASSIVE | DP_TIME))) {
        dict_add_pattern(r->b, src, v, vr_verb_only, 1, c->code, c->code2, c->flags, NULL);
        r->entries++;
    }
    size_t *t = vr_push(r, &r->targets, sizeof *t);
    if (t) *t = v;
    vr_name_record(r, name, v);
    for (size_t i = 0; i < nforms; i++) vr_name_record(r, &forms[i], v);
}

/* Emits the verbs waiting: a TABARI root, or a PETRARCH block's verbs, one
** entry per code (named after the first verb with that code, the others'
** names and forms as its forms) at the place of that first verb. */
static void vr_emit(vr_reader *r) {
    size_t nv = r->vlines.n;
    const dict_phrase *forms = r->forms.p;
    for (size_t i = 0; i < nv; i++) {
        vr_verbline *vl = &DVEC_AT(&r->vlines, vr_verbline, i);
        if (vl->done) continue;
        if (vl->own) {
            vr_add_verb(r, vl->src, &vl->name, forms ? forms + vl->form0 : NULL, vl->nforms,
                        &vl->code);
            continue;
        }
        r->merged.n = 0;
        for (size_t j = i; j < nv; j++) {
            vr_verbline *o = &DVEC_AT(&r->vlines, vr_verbline, j);
            if (o->own || o->done || !vr_code_eq(&o->code, &vl->code)) continue;
            o->done = 1;
            if (j != i) vr_form_add(r, &r->merged, 0, &vl->name, &o->name);
            for (size_t k = 0; k < o->nforms; k++)
                vr_form_add(r, &r->merged, 0, &vl->name, &forms[o->form0 + k]);
        }
        vr_add_verb(r, vl->src, &vl->name, r->merged.p, r->merged.n, &vl->code);
    }
    r->vlines.n = 0;
    r->forms.n = 0;
    arena_reset(&r->held);
}

/* Starts a new owner for the patterns that follow. */
static void vr_new_owner(vr_reader *r) {
    vr_emit(r);
    r->targets.n = 0;
    r->orphans_quiet = 0;
}

/* Parses "{FORM FORM ...}" contents into r->forms (arena held); a bad form
** is skipped with a warning.  Commas between forms are tolerated (CAMEO.2.0
** has them). */
static void vr_forms(vr_reader *r, const char *p, const char *end, size_t from,
                     const dict_phrase *name) {
    unsigned opts = r->dialect == DICT_TABARI ? 0 : VP_HEAD;
    while (p < end) {
        while (p < end && (vr_isblank(*p) || *p == ',')) p++;
        const char *s = p;
        while (p < end && !vr_isblank(*p) && *p != ',') p++;
        if (p == s) break;
        dict_phrase f;
        if (vr_phrase(r, &r->held, s, (size_t)(p - s), opts, &f, NULL, NULL) < 0)
            vr_warn(r, "%s; form '%.*s' skipped", r->why, (int)(p - s), s);
        else
            vr_form_add(r, &r->forms, from, name, &f);
    }
}

/* A verb line: TABARI "ROOT [{FORMS}] [CODE]", PETRARCH "VERB [{FORMS}]
** [[CODE]]".  {FORMS} after [CODE] is taken too (CAMEO "SNUB [111] {...}"),
** and so is a stale TABARI ";comment" at the end of a PETRARCH line. */
static void vr_verb_line(vr_reader *r, const char *z, size_t n) {
    const char *end = z + n, *p;
    const char *stop = z;
    while (stop < end && *stop != '{' && *stop != '[') stop++;
    vr_verbline vl;
    memset(&vl, 0, sizeof vl);
    vl.src = r->src;
    vl.form0 = r->forms.n;
    size_t head = 0;
    int noend = 0, time = r->section == SEC_TIME, braces = 0, has_code = 0;
    unsigned opts = r->dialect == DICT_TABARI ? 0 : VP_HEAD;
    if (vr_phrase(r, &r->held, z, (size_t)(stop - z), opts, &vl.name, &head, &noend) < 0) goto bad;
    for (p = stop; p < end;) {
        if (*p == '{' && !braces) {
            const char *q = vr_find(p, end, '}');
            if (q == end) {
                vr_why(r, "unclosed '{' (expected '}' after the verb forms)");
                goto bad;
            }
            vr_forms(r, p + 1, q, vl.form0, &vl.name);
            if (r->dialect == DICT_TABARI && r->forms.n == vl.form0) {
                vr_why(r, "empty {} (expected verb forms)");
                goto bad;
            }
            braces = 1;
            p = vr_skipblank(q + 1, end);
        } else if (*p == '[' && !has_code) {
            const char *in;
            size_t inn;
            p = vr_bracket(r, p, end, &in, &inn);
            if (!p || vr_code_parse(r, &r->held, in, inn, time, &vl.code) < 0) goto bad;
            has_code = 1;
            p = vr_skipblank(p, end);
        } else if (*p == ';' && r->dialect != DICT_TABARI) {
            break;
        } else {
            vr_why(r, "unexpected '%.*s' after the verb (expected {FORMS} and [CODE])",
                   (int)(end - p), p);
            goto bad;
        }
    }
    if (r->dialect == DICT_TABARI) {
        if (!has_code) {
            vr_why(r, "missing [CODE] after the verb");
            goto bad;
        }
        vl.own = 1;
        if (!noend && !time) vr_regular_forms(r, &r->held, &vl.name, head, &r->forms, vl.form0);
    } else {
        if (!has_code) vl.code = r->block_code;
        if (!noend && !braces) vr_regular_forms(r, &r->held, &vl.name, head, &r->forms, vl.form0);
    }
    vl.nforms = r->forms.n - vl.form0;
    vr_verbline *d = vr_push(r, &r->vlines, sizeof *d);
    if (d) *d = vl;
    r->orphans_quiet = 0;
    return;
bad:
    r->forms.n = vl.form0;
    vr_warn(r, "%s; verb skipped", r->why);
    r->orphans_quiet = 1;
}

/* TABARI: "{ FORM FORM }" on the line after its root. */
static void vr_forms_line(vr_reader *r, const char *z, size_t n) {
    const char *end = z + n;
    vr_verbline *vl = r->vlines.n ? &DVEC_AT(&r->vlines, vr_verbline, r->vlines.n - 1) : NULL;
    if (!vl || vl->form0 + vl->nforms != r->forms.n) {
        if (!r->orphans_quiet) vr_warn(r, "verb forms {...} without a verb line before them");
        return;
    }
    const char *q = vr_find(z, end, '}');
    if (q == end) {
        vr_warn(r, "unclosed '{' (expected '}' after the verb forms); forms skipped");
        return;
    }
    if (vr_skipblank(q + 1, end) != end) {
        vr_warn(r, "unexpected '%.*s' after '}' (expected only {FORMS}); forms skipped",
                (int)(end - q - 1), q + 1);
        return;
    }
    size_t before = r->forms.n;
    vr_forms(r, z + 1, q, vl->form0, &vl->name);
    if (r->forms.n == before && vr_skipblank(z + 1, q) == q) {
        vr_warn(r, "empty {} (expected verb forms)");
        return;
    }
    vl->nforms = r->forms.n - vl->form0;
}

/* ------------------------------------------------------------- patterns */

static dict_elem *vr_elem(vr_reader *r, unsigned kind, const char *text, uint8_t exact) {
    dict_elem *e = vr_push(r, &r->elems, sizeof *e);
    if (!e) return NULL;
    e->kind = (uint8_t)kind;
    e->exact = exact;
    e->joined = 0;
    e->text = text;
    return e;
}

/* After an element, "_" or "~_" directly followed by another element joins
** them (no word may come between).  p is just past the element (and past
** a word's own '_' or '~'); back says whether that '_' was consumed. */
static void vr_join(vr_reader *r, const char *p, const char *end, int consumed) {
    if (!r->elems.n) return;
    if (!consumed) {
        if (p < end && *p == '~') p++;
        if (p >= end || *p != '_') return;
        p++;
    }
    if (p < end && !vr_isblank(*p) && *p != ']' && *p != '|' && *p != '}' && *p != ')')
        DVEC_AT(&r->elems, dict_elem, r->elems.n - 1).joined = 1;
}

/* Pattern symbols: ORDER with the kinds they make. */
static const char vr_symchars[] = "*$+%^";
static const uint8_t vr_symkinds[] = {PE_VERB, PE_SOURCE, PE_TARGET, PE_COMPOUND, PE_SKIP};

/* Parses pattern elements z[0..n) into r->elems.  Returns 0, or -1 with
** r->why set. */
static int vr_elements(vr_reader *r, const char *z, size_t n) {
    const char *p = z, *end = z + n;
    int p2 = r->dialect == DICT_PETRARCH2;
    int alt = 0, np = 0, pp = 0, nverb = 0;
    size_t since = 0;   /* elements since the last '{', '|' or '(' */
    r->elems.n = 0;
    while (p < end) {
        char c = *p;
        const char *sym;
        if (vr_isblank(c) || c == '_') {
            p++;
            continue;
        }
        if (c == '~') {  /* "*~_": a stem connector after a symbol */
            p++;
            continue;
        }
        if (c && (sym = strchr(vr_symchars, c)) != NULL) {
            if (c == '*') nverb++;
            if (!vr_elem(r, vr_symkinds[sym - vr_symchars], NULL, 0)) goto oom;
            p++;
            vr_join(r, p, end, 0);
            since++;
            continue;
        }
        if (c == '&') {
            int known;
            size_t k = vr_synset_ref(r, p, end, &known);
            if (k == 1) return vr_why(r, "'&' without a synset name (expected &NAME)");
            if (!known)
                return vr_why(r, "undefined synset '%.*s' (expected it defined before use)",
                              (int)k, p);
            const char *t = vr_upcopy(r, &r->line, p, k);
            if (!t || !vr_elem(r, PE_SYNSET, t, 0)) goto oom;
            p += k;
            vr_join(r, p, end, 0);
            since++;
            continue;
        }
        if (vr_isword(c)) {
            const char *s = p;
            while (p < end && vr_isword(*p)) p++;
            if (!vr_realword(s, (size_t)(p - s)))
                return vr_why(r, "unknown pattern element '%.*s' (expected a word)", (int)(p - s), s);
            const char *t = vr_upcopy(r, &r->line, s, (size_t)(p - s));
            uint8_t exact = 0;
            int consumed = 0;
            if (p < end && (*p == '_' || *p == '=')) {
                exact = 1;
                consumed = *p == '_';
                p++;
            } else if (p < end && *p == '~') {
                p++;
            }
            if (!t || !vr_elem(r, PE_WORD, t, exact)) goto oom;
            vr_join(r, p, end, consumed);
            since++;
            continue;
        }
        p++;
        if (c == '{' && !p2) {
            if (alt) return vr_why(r, "nested '{' (expected '}' first)");
            alt = 1;
            since = 0;
            if (!vr_elem(r, PE_ALT_OPEN, NULL, 0)) goto oom;
        } else if (c == '|' && !p2) {
            if (!alt) return vr_why(r, "'|' outside {...} (expected { A | B })");
            if (!since) return vr_why(r, "empty alternative in {...}");
            since = 0;
            if (!vr_elem(r, PE_ALT_SEP, NULL, 0)) goto oom;
        } else if (c == '}' && !p2) {
            if (!alt) return vr_why(r, "'}' without '{'");
            if (!since) return vr_why(r, "empty alternative in {...}");
            alt = 0;
            since = 1;
            if (!vr_elem(r, PE_ALT_CLOSE, NULL, 0)) goto oom;
        } else if (c == '{' && p2) {
            if (np) return vr_why(r, "nested '{' (expected '}' first)");
            np = 1;
            since = 0;
            if (!vr_elem(r, PE_NP_OPEN, NULL, 0)) goto oom;
        } else if (c == '}' && p2) {
            if (!np) return vr_why(r, "'}' without '{'");
            if (!since) return vr_why(r, "empty noun phrase {} (expected {ADJ NOUN})");
            np = 0;
            since = 1;
            if (!vr_elem(r, PE_NP_CLOSE, NULL, 0)) goto oom;
        } else if (c == '(' && p2) {
            if (pp || np) return vr_why(r, "'(' inside %s (expected ')' or '}' first)",
                                        pp ? "(...)" : "{...}");
            pp = 1;
            since = 0;
            if (!vr_elem(r, PE_PP_OPEN, NULL, 0)) goto oom;
        } else if (c == ')' && p2) {
            if (!pp) return vr_why(r, "')' without '('");
            if (np) return vr_why(r, "')' inside {...} (expected '}' first)");
            if (!since) return vr_why(r, "empty prepositional phrase () (expected (PREP NOUN))");
            pp = 0;
            since = 1;
            if (!vr_elem(r, PE_PP_CLOSE, NULL, 0)) goto oom;
        } else if (c == ']') {
            return vr_why(r, "stray ']'%s", alt || np ? " (expected '}' to close '{')" : "");
        } else {
            return vr_why(r, "unknown pattern element '%c'", c);
        }
    }
    if (alt || np) return vr_why(r, "unclosed '{' (expected '}')");
    if (pp) return vr_why(r, "unclosed '(' (expected ')')");
    if (r->elems.n == 0) return vr_why(r, "empty pattern (expected elements before [CODE])");
    if (nverb > 1) return vr_why(r, "more than one '*' in the pattern (expected one verb)");
    return 0;
oom:
    return vr_why(r, "out of memory");
}

/* "- ELEMENTS [CODE]": a pattern of the verbs waiting or last emitted. */
static void vr_pattern_line(vr_reader *r, const char *z, size_t n) {
    const char *end = z + n;
    vr_emit(r);
    if (r->targets.n == 0) {
        if (!r->orphans_quiet) vr_warn(r, "pattern before any verb (expected a verb line first)");
        return;
    }
    const char *br = vr_find(z, end, '[');
    if (br == end) {
        vr_warn(r, "missing [CODE] (expected '- ELEMENTS [CODE]'); pattern skipped");
        return;
    }
    const char *in, *q;
    size_t inn;
    vr_code c;
    if (!(q = vr_bracket(r, br, end, &in, &inn)) ||
        vr_code_parse(r, &r->line, in, inn, r->section == SEC_TIME, &c) < 0 ||
        vr_elements(r, z, (size_t)(br - z)) < 0) {
        vr_warn(r, "%s; pattern skipped", r->why);
        return;
    }
    q = vr_skipblank(q, end);
    if (q < end) {
        vr_warn(r, "unexpected '%.*s' after ']' (expected a comment); pattern skipped",
                (int)(end - q), q);
        return;
    }
    for (size_t i = 0; i < r->targets.n; i++) {
        dict_add_pattern(r->b, r->src, DVEC_AT(&r->targets, size_t, i), r->elems.p, r->elems.n,
                         c.code, c.code2, c.flags, NULL);
        r->entries++;
    }
}

/* -------------------------------------------------------------- synsets */

static void vr_synset_close(vr_reader *r) {
    if (!r->syn_open) return;
    r->syn_open = 0;
    if (r->members.n == 0) {
        dict_warn(r->b, r->syn_src, "synset %s has no members (expected +MEMBER lines)",
                  r->syn_name);
    } else {
        dict_add_synset(r->b, r->syn_src, r->syn_name, r->members.p, r->members.n);
        r->entries++;
    }
    r->members.n = 0;
    arena_reset(&r->syn);
}

/* "&NAME" or "&NAME_" (no plurals). */
static void vr_synset_open(vr_reader *r, const char *z, size_t n) {
    vr_synset_close(r);
    size_t k = 1;
    while (k < n && (vr_isalnum(z[k]) || z[k] == '_')) k++;
    size_t end = k;
    while (k > 1 && z[k - 1] == '_') k--;
    int noplural = k < end;
    if (k == 1 || vr_skipblank(z + end, z + n) != z + n) {
        vr_warn(r, "bad synset name '%.*s' (expected &NAME)", (int)n, z);
        return;
    }
    r->syn_open = 1;
    r->syn_src = r->src;
    r->syn_noplural = noplural;
    r->syn_name = vr_upcopy(r, &r->syn, z, k);
    const char **d = vr_push(r, &r->synsets, sizeof *d);
    if (d) *d = vr_upcopy(r, &r->keep, z, k);
}

/* PETRARCH's plural of a member, where a stem would not match it. */
static void vr_synset_plural(vr_reader *r, const dict_phrase *m) {
    size_t last = m->nwords - 1;
    const char *w = m->words[last];
    size_t n = strlen(w);
    if (r->dialect == DICT_TABARI || r->syn_noplural || m->exact[last] || n < 2 ||
        !vr_isalpha(w[0]) || !vr_tail_fits(w, n, "cY"))
        return;
    char *f = vr_alloc(r, &r->syn, n + 3);
    const char **words = vr_alloc(r, &r->syn, m->nwords * sizeof *words);
    if (!f || !words) return;
    memcpy(f, w, n - 1);
    memcpy(f + n - 1, "IES", 4);
    for (size_t i = 0; i < m->nwords; i++) words[i] = i == last ? f : m->words[i];
    dict_phrase p = {words, m->exact, m->nwords};
    dict_phrase *d = vr_push(r, &r->members, sizeof *d);
    if (d) *d = p;
}

static void vr_member_line(vr_reader *r, const char *z, size_t n) {
    dict_phrase m;
    unsigned opts = VP_SYMBOLS | (r->dialect == DICT_PETRARCH2 ? VP_GROUPS : 0);
    if (vr_phrase(r, &r->syn, z + 1, n - 1, opts, &m, NULL, NULL) < 0) {
        vr_warn(r, "%s; synset member skipped", r->why);
        return;
    }
    dict_phrase *d = vr_push(r, &r->members, sizeof *d);
    if (!d) return;
    *d = m;
    vr_synset_plural(r, &m);
}

/* ------------------------------------------------------ transformations */

static int vr_name_find(const vr_reader *r, const char *w, size_t n, size_t *v) {
    for (size_t i = r->names.n; i-- > 0;) {
        const vr_name *nm = &DVEC_AT(&r->names, vr_name, i);
        if (nm->word && dyad_ieq(w, n, nm->word)) {
            *v = nm->verb;
            return 1;
        }
    }
    return 0;
}

/* Each '_' part of verb token w must be a verb of this file (or Q). */
static int vr_tverb_ok(vr_reader *r, const char *w, size_t n) {
    const char *p = w, *end = w + n;
    size_t v;
    while (p < end) {
        const char *s = p;
        while (p < end && *p != '_') p++;
        if (p > s && !(p - s == 1 && *s == 'Q') && !vr_name_find(r, s, (size_t)(p - s), &v))
            return vr_why(r, "transformation verb '%.*s' is not a verb of this file", (int)(p - s),
                          s);
        if (p < end) p++;
    }
    return 0;
}

/* PETRARCH-2 "~ a (a b ATTACK) SAY = a b 015". */
static void vr_transform_line(vr_reader *r, const char *z, size_t n) {
    const char *p = vr_skipblank(z + 1, z + n), *end = z + n;
    const char *eq = vr_find(p, end, '=');
    /* tokens: words, '.', '_', parentheses */
    const char *last = NULL, *code = NULL;
    size_t lastn = 0, coden = 0;
    int depth = 0, ok = eq < end && vr_find(eq + 1, end, '=') == end;
    const char *prev = NULL;
    size_t prevn = 0;
    for (const char *s = p; ok && s < eq;) {
        if (vr_isblank(*s)) {
            s++;
            continue;
        }
        if (*s == '(' || *s == ')') {
            if (*s == ')') {
                if (--depth < 0 || !prev) ok = 0;
                else if (vr_tverb_ok(r, prev, prevn) < 0) goto bad;
            } else if (++depth > 1) {
                ok = 0;
            }
            s++;
            prev = NULL;
            continue;
        }
        const char *t = s;
        while (s < eq && !vr_isblank(*s) && *s != '(' && *s != ')') s++;
        prev = t;
        prevn = (size_t)(s - t);
        if (depth == 0) {
            last = t;
            lastn = prevn;
        }
    }
    for (const char *s = ok ? eq + 1 : end; s < end;) {
        s = vr_skipblank(s, end);
        if (s == end) break;
        code = s;
        while (s < end && !vr_isblank(*s)) s++;
        coden = (size_t)(s - code);
    }
    if (!ok || depth != 0 || !last || !code) {
        vr_why(r, "bad transformation (expected '~ SOURCE (SOURCE TARGET VERB) VERB = SOURCE "
                  "TARGET CODE')");
        goto bad;
    }
    size_t v;
    if (vr_tverb_ok(r, last, lastn) < 0) goto bad;
    if (!vr_name_find(r, last, lastn, &v)) {
        vr_why(r, "transformation verb '%.*s' is not a verb of this file", (int)lastn, last);
        goto bad;
    }
    vr_code c;
    memset(&c, 0, sizeof c);
    if (!(coden == 1 && *code == 'Q') && vr_code_parse(r, &r->line, code, coden, 0, &c) < 0)
        goto bad;
    /* the text, blanks collapsed */
    char *t = vr_alloc(r, &r->line, (size_t)(end - p) + 1), *o = t;
    if (!t) return;
    for (const char *s = p; s < end; s++) {
        if (vr_isblank(*s)) {
            if (o > t && o[-1] != ' ') *o++ = ' ';
        } else {
            *o++ = *s;
        }
    }
    while (o > t && o[-1] == ' ') o--;
    *o = 0;
    dict_add_pattern(r->b, r->src, v, vr_verb_only, 1, c.code, c.code2, c.flags, t);
    r->entries++;
    return;
bad:
    vr_warn(r, "%s; transformation skipped", r->why);
}

/* ------------------------------------------------------------- sections */

/* "--- NAME [CODE] ---" */
static void vr_block_header(vr_reader *r, const char *z, size_t n) {
    const char *end = z + n;
    vr_new_owner(r);
    r->in_block = 1;
    memset(&r->block_code, 0, sizeof r->block_code);
    r->block_code.code = "---";
    r->block_code.flags = DP_NULL;
    const char *br = vr_find(z + 3, end, '[');
    if (br == end) return;  /* no code: the null code */
    const char *in, *q;
    size_t inn;
    vr_code c;
    if (!(q = vr_bracket(r, br, end, &in, &inn)) || vr_code_parse(r, &r->keep, in, inn, 0, &c) < 0) {
        vr_warn(r, "%s in the block header; the block's code is [---]", r->why);
        return;
    }
    while (q < end && (vr_isblank(*q) || *q == '-')) q++;
    if (q < end)
        vr_warn(r, "unexpected '%.*s' after the block code (expected '---'); ignored",
                (int)(end - q), q);
    r->block_code = c;
}

/* TABARI "<SYNSETS>", "</TIME>", ... */
static void vr_tag_line(vr_reader *r, const char *z, size_t n) {
    const char *end = vr_find(z, z + n, '>');
    int close = n > 1 && z[1] == '/';
    const char *name = z + 1 + close;
    size_t nn = end > name ? (size_t)(end - name) : 0;
    vr_synset_close(r);
    vr_new_owner(r);
    if (r->section == SEC_SKIP) {
        if (close && dyad_ieq(name, nn, r->endtag)) r->section = SEC_NONE;
        return;
    }
    if (dyad_ieq(name, nn, "SYNSETS")) {
        r->section = close ? SEC_NONE : SEC_SYNSETS;
    } else if (dyad_ieq(name, nn, "TIME")) {
        r->section = close ? SEC_NONE : SEC_TIME;
    } else if (close) {
        vr_warn(r, "'%.*s' closes no section", (int)n, z);
    } else {
        vr_warn(r, "unknown section '%.*s' skipped (expected <SYNSETS> or <TIME>)", (int)n, z);
        r->section = SEC_SKIP;
        snprintf(r->endtag, sizeof r->endtag, "%.*s", (int)(nn < 39 ? nn : 39), name);
    }
}

/* One line without its comment, blanks trimmed, not empty. */
static void vr_line(vr_reader *r, const char *z, size_t n) {
    char c = z[0];
    if (r->dialect == DICT_TABARI) {
        if (n >= 8 && memcmp(z, "~~FINISH", 8) == 0) {
            r->stop = 1;
            return;
        }
        if (r->section == SEC_SKIP && c != '<') return;
    }
    if (c == '<') {
        if (r->dialect == DICT_TABARI) vr_tag_line(r, z, n);
        return;  /* PETRARCH: '<' lines are comments */
    }
    if (c == '+' && r->syn_open) {
        vr_member_line(r, z, n);
        return;
    }
    vr_synset_close(r);
    if (c == '&') {
        vr_synset_open(r, z, n);
    } else if (c == '-' && r->dialect != DICT_TABARI && n >= 3 && z[1] == '-' && z[2] == '-') {
        vr_block_header(r, z, n);
    } else if (c == '-') {
        vr_pattern_line(r, z + 1, n - 1);
    } else if (c == '~' && r->dialect == DICT_PETRARCH2) {
        vr_new_owner(r);
        vr_transform_line(r, z, n);
    } else if (c == '{' && r->dialect == DICT_TABARI) {
        vr_forms_line(r, z, n);
    } else if (r->dialect == DICT_TABARI && vr_isword(c)) {
        vr_new_owner(r);
        vr_verb_line(r, z, n);
    } else if (r->dialect != DICT_TABARI && (vr_isword(c) || c == '+')) {
        if (!r->in_block) {
            vr_warn(r, "verb line outside a block (expected '--- NAME [CODE] ---' first)");
            return;
        }
        vr_verb_line(r, z, n);
    } else {
        vr_warn(r, "unrecognised line (expected a verb, '- pattern', '&SYNSET' or '+member')");
    }
}

/* ------------------------------------------------------------ the file */

/* Cuts the comment off z[0..*n): TABARI ';', PETRARCH '#', outside [...]. */
static size_t vr_uncomment(const vr_reader *r, const char *z, size_t n) {
    char cc = r->dialect == DICT_TABARI ? ';' : '#';
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (z[i] == '[') depth = 1;
        else if (z[i] == ']') depth = 0;
        else if (z[i] == cc && !depth) return i;
    }
    return n;
}

static int vr_starts(const char *z, size_t n, const char *s) {
    size_t k = strlen(s);
    return n >= k && memcmp(z, s, k) == 0;
}

/* The dialect, from the content: TABARI sections or no blocks -> TABARI;
** blocks -> PETRARCH-1, or PETRARCH-2 when a pattern has (PP) or {NP} (a
** brace without '|'), a code is [:Y] or a line is a ~ transformation. */
static dict_dialect vr_detect(const char *text, size_t n) {
    const char *p = text, *end = text + n;
    int blocks = 0, p2 = 0;
    while (p < end) {
        const char *e = vr_find(p, end, '\n');
        const char *s = vr_skipblank(p, e);
        size_t len = (size_t)(e - s);
        p = e < end ? e + 1 : end;
        if (vr_starts(s, len, "<SYNSETS") || vr_starts(s, len, "<TIME")) return DICT_TABARI;
        if (vr_starts(s, len, "---") && len > 3 && (vr_isblank(s[3]) || vr_isword(s[3]))) {
            blocks = 1;
        } else if (len >= 2 && s[0] == '~' && vr_isblank(s[1])) {
            p2 = 1;
        } else if (!p2 && len >= 2 && s[0] == '-' && vr_isblank(s[1])) {
            const char *c = s;
            while (c < e && *c != '#' && *c != ';') c++;
            const char *open = vr_find(s, c, '{'), *br = vr_find(s, c, '[');
            if (vr_find(s, c, '(') < c || vr_find(s, c, ')') < c) p2 = 1;
            if (open < c && vr_find(open, c, '|') == c) p2 = 1;
            if (br + 1 < c && br[1] == ':') p2 = 1;
        }
    }
    return !blocks ? DICT_TABARI : p2 ? DICT_PETRARCH2 : DICT_PETRARCH1;
}

static void vr_free(vr_reader *r) {
    arena_free(&r->line);
    arena_free(&r->held);
    arena_free(&r->syn);
    arena_free(&r->keep);
    dvec_free(&r->spans);
    dvec_free(&r->elems);
    dvec_free(&r->members);
    dvec_free(&r->vlines);
    dvec_free(&r->forms);
    dvec_free(&r->merged);
    dvec_free(&r->targets);
    dvec_free(&r->names);
    dvec_free(&r->synsets);
}

int dict_read_verbs(dict_builder *b, const char *path, const char *text, size_t n) {
    if (!text) n = 0;
    if (n && memchr(text, 0, n)) {
        dict_error(b, path, "binary data where a verb dictionary was expected");
        return -1;
    }
    vr_reader r;
    memset(&r, 0, sizeof r);
    r.b = b;
    r.src.file = path;
    r.dialect = vr_detect(text, n);
    if (r.dialect != DICT_TABARI) dict_whole_words(b);
    dict_set_verbs_dialect(b, r.dialect);
    r.block_code.code = "---";
    r.block_code.flags = DP_NULL;
    const char *p = text, *end = text + n;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    uint32_t lineno = 0;
    size_t content = 0;
    while (p < end && !r.stop && !r.oom) {
        const char *e = vr_find(p, end, '\n'), *z = p;
        p = e < end ? e + 1 : end;
        r.src.line = ++lineno;
        if (e > z && e[-1] == '\r') e--;
        arena_reset(&r.line);
        /* <!-- comments -->, possibly over several lines */
        if (r.xml_comment) {
            const char *c = vr_search(z, e, "-->", 3);
            if (!c) continue;
            r.xml_comment = 0;
            z = c + 3;
        }
        const char *c = vr_search(z, e, "<!--", 4);
        if (c) {
            const char *ce = vr_search(c + 4, e, "-->", 3);
            if (!ce) {
                r.xml_comment = 1;
                e = c;
            } else if (vr_skipblank(z, c) == c) {
                z = ce + 3;  /* leading comment */
            } else {
                e = c;       /* trailing comment */
            }
        }
        size_t len = vr_uncomment(&r, z, (size_t)(e - z));
        e = z + len;
        z = vr_skipblank(z, e);
        while (e > z && vr_isblank(e[-1])) e--;
        if (e == z) continue;
        content++;
        vr_line(&r, z, (size_t)(e - z));
    }
    vr_synset_close(&r);
    vr_emit(&r);
    if (r.section == SEC_SKIP) {
        r.src.line = lineno;
        vr_warn(&r, "missing '</%s>' at the end of the file", r.endtag);
    }
    int rc = 0;
    if (r.oom) {
        dict_error(b, path, "out of memory reading the verb dictionary");
        rc = -1;
    } else if (content && !r.entries) {
        dict_error(b, path, "no verb dictionary entries found (expected verbs, patterns or synsets)");
        rc = -1;
    }
    vr_free(&r);
    return rc;
}
