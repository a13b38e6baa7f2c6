/*
** tokenize.c - the tokenizer: one pass over the bytes of a body segment,
** producing Penn-Treebank-style tokens as spans of the story text (see
** tests/golden/README.md for the conventions), marking quotation marks and
** the tokens inside them, and noting paragraph and line starts for the
** sentence splitter.
**
** Everything is decided from a few bytes of context: a 256-entry class table
** for ASCII, txt_decode() for the rest.  The only copies are the normalised
** forms of tokens holding typographic characters or invalid UTF-8.
*/
#include "text.h"

typedef struct tk {
    txt_doc    *d;
    const char *z;          /* story text */
    uint32_t    start;      /* segment start */
    uint32_t    end;        /* segment end */
    size_t      first;      /* index of the segment's first token */
    int         dq;         /* a double quotation is open */
    int         sq;         /* a single quotation is open */
    int         space;      /* whitespace since the last token */
    uint8_t     pending;    /* TX_* flags for the next token */
} tk;

/* 1 for ASCII letters and digits: the tokenizer's innermost loop. */
static const uint8_t ascii_alnum[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

static int is_alnum_cls(uint8_t c) { return c == CC_UPPER || c == CC_LOWER || c == CC_DIGIT; }
static int is_letter_cls(uint8_t c) { return c == CC_UPPER || c == CC_LOWER; }

/* Class of the character at i, or CC_SPACE past the end. */
static uint8_t cls_at(const tk *t, uint32_t i) {
    if (i >= t->end) return CC_SPACE;
    unsigned char c = (unsigned char)t->z[i];
    if (c < 0x80) return txt_ascii_class[c];
    txt_char ch;
    txt_decode(t->z, t->end, i, &ch);
    return ch.cls;
}

static uint32_t len_at(const tk *t, uint32_t i) {
    unsigned char c = (unsigned char)t->z[i];
    if (c < 0x80) return 1;
    txt_char ch;
    txt_decode(t->z, t->end, i, &ch);
    return ch.len;
}

static dyad_token *last_token(const tk *t) {
    if (t->d->tokens.n <= t->first) return NULL;
    return &DVEC_AT(&t->d->tokens, dyad_token, t->d->tokens.n - 1);
}

static dyad_token *emit(tk *t, uint32_t start, uint32_t len, int kind, int flags,
                        const char *norm) {
    dyad_vec *tv = &t->d->tokens;
    dyad_token *tok;
    if (DYAD_LIKELY(tv->n < tv->cap)) {   /* fast path */
        tok = (dyad_token *)tv->p + tv->n++;
    } else {
        tok = dvec_push(tv, sizeof *tok);
        if (!tok) return NULL;
    }
    tok->start = start;
    tok->len = len;
    tok->norm = norm;
    tok->kind = (uint8_t)kind;
    if (t->space) flags |= DYAD_TF_SPACE;
    if (!(flags & (DYAD_TF_QUOTE_OPEN | DYAD_TF_QUOTE_CLOSE)) && (t->dq || t->sq))
        flags |= DYAD_TF_QUOTED;
    unsigned char c0 = (unsigned char)t->z[start];
    if (c0 < 0x80 ? (c0 >= 'A' && c0 <= 'Z') : cls_at(t, start) == CC_UPPER)
        flags |= DYAD_TF_UPPER;
    tok->flags = (uint8_t)flags;
    tok->aux = t->pending;
    t->pending = 0;
    t->space = 0;
    return tok;
}

/* Normalised copy of z[s, e): typographic apostrophes and hyphens made
** ASCII, soft hyphens and zero-width characters dropped, invalid bytes
** replaced by U+FFFD.  NULL when out of memory. */
static const char *normalise(tk *t, uint32_t s, uint32_t e) {
    char *out = arena_alloc(t->d->arena, (size_t)(e - s) * 3 + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (uint32_t i = s; i < e;) {
        unsigned char c = (unsigned char)t->z[i];
        if (c < 0x80) { out[k++] = (char)c; i++; continue; }
        txt_char ch;
        txt_decode(t->z, e, i, &ch);
        if (ch.bad) {
            memcpy(out + k, "\xEF\xBF\xBD", 3);
            k += 3;
        } else if (ch.cls == CC_APOS) {
            out[k++] = '\'';
        } else if (ch.cls == CC_HYPHEN) {
            out[k++] = '-';
        } else if (ch.cp == 0xAD || (ch.cp >= 0x200B && ch.cp <= 0x200F) || ch.cp == 0xFEFF ||
                   (ch.cp >= 0x2060 && ch.cp <= 0x206F)) {
            /* dropped */
        } else {
            memcpy(out + k, t->z + i, ch.len);
            k += ch.len;
        }
        i += ch.len;
    }
    out[k] = 0;
    return out;
}

/* Clitics split off a word's end (after the apostrophe). */
static int clitic(const char *z, size_t n) {
    static const char *const list[] = {"s", "re", "ve", "ll", "d", "m", NULL};
    for (int i = 0; list[i]; i++)
        if (dyad_ieq(z, n, list[i])) return 1;
    return 0;
}

static uint32_t emit_word(tk *t, uint32_t s, uint32_t e, int kind, int needs_norm, int flags) {
    const char *norm = needs_norm ? normalise(t, s, e) : NULL;
    if (needs_norm && (!norm || !norm[0])) return e;   /* only invisible characters */
    emit(t, s, e - s, kind, flags, norm);
    return e;
}

/* Scan a word or number starting at i (lead bytes of prefix such as '-' or
** an apostrophe already belong to it: the token starts at i - lead). */
static uint32_t word(tk *t, uint32_t i, uint32_t lead) {
    const char *z = t->z;
    const uint32_t end = t->end;
    const uint32_t s = i - lead;
    uint32_t j = i;
    int digit_start = z[i] >= '0' && z[i] <= '9';
    int norm = lead > 1;              /* a typographic lead char */
    int run = 0;                      /* letters since the last '.' */
    int dotted = 0;                   /* an inner '.' between letters */
    int kind = digit_start ? DYAD_TOK_NUMBER : DYAD_TOK_WORD;
    uint32_t apos = UINT32_MAX, apos_len = 0;
    uint8_t prev = CC_LOWER;
    int bad = 0;                      /* DYAD_TF_BADUTF8 when invalid bytes */

    for (;;) {
        while (j < end) {
            unsigned char c = (unsigned char)z[j];
            if (c < 0x80) {
                uint32_t j0 = j;
                /* The story text is NUL-terminated and NUL is not alnum, so
                ** the scan needs no bounds check; clamp to the segment. */
                while (ascii_alnum[(unsigned char)z[j]]) j++;
                if (j > end) j = end;
                if (j == j0) break;
                run += (int)(j - j0);
                prev = txt_ascii_class[(unsigned char)z[j - 1]];
                continue;
            }
            txt_char ch;
            txt_decode(z, end, j, &ch);
            if (!is_letter_cls(ch.cls)) break;
            if (ch.bad) bad = DYAD_TF_BADUTF8;
            if (ch.bad || ch.cp == 0xAD || (ch.cp >= 0x200B && ch.cp <= 0x200F) ||
                (ch.cp >= 0x2060 && ch.cp <= 0x206F) || (ch.cp >= 0xFE00 && ch.cp <= 0xFE0F))
                norm = 1;
            prev = ch.cls;
            j += ch.len;
            run++;
        }
        if (j >= end) break;
        uint8_t c = cls_at(t, j);
        if (c == CC_SPACE || c == CC_NL || c == CC_PUNCT || c == CC_QUOTE) break;
        uint32_t cl = len_at(t, j);
        uint8_t nn = cls_at(t, j + cl);
        if (c == CC_PERIOD) {
            if (digit_start && nn == CC_DIGIT) { j += cl; run = 0; continue; }
            if (!digit_start && is_letter_cls(nn) && run <= 2 && prev != CC_DIGIT) {
                j += cl; run = 0; dotted = 1; continue;             /* U.S, Ph.D */
            }
            if (!digit_start && nn == CC_LOWER && run >= 2) {
                /* a domain name: "CNSNews.com", "state.gov" */
                uint32_t q = j + 1, m = 0;
                while (q < end && z[q] >= 'a' && z[q] <= 'z') { q++; m++; }
                if (m >= 2 && m <= 4 && !is_alnum_cls(cls_at(t, q))) {
                    j = q;
                    kind = DYAD_TOK_URL;
                    continue;
                }
            }
            break;
        }
        if (c == CC_COMMA) {
            if (digit_start && z[j - 1] >= '0' && z[j - 1] <= '9' && j + 3 < end + 1 &&
                cls_at(t, j + 1) == CC_DIGIT && cls_at(t, j + 2) == CC_DIGIT &&
                cls_at(t, j + 3) == CC_DIGIT && cls_at(t, j + 4) != CC_DIGIT) {
                j += 4;
                continue;
            }
            break;
        }
        if (c == CC_HYPHEN) {
            if (is_alnum_cls(nn)) {
                if (cl > 1 || z[j] != '-') norm = 1;
                j += cl;
                run = 0;
                continue;
            }
            /* a suspended hyphen, "pro- and anti-government", "an anti-
            ** Gondor parade": the hyphen stays on the word (a dash has a
            ** space before it too) */
            if (z[j] == '-' && cl == 1 && prev == CC_LOWER && nn == CC_SPACE &&
                j + 2 < t->end && is_alnum_cls(cls_at(t, j + 2))) {
                j += 1;
                break;
            }
            break;
        }
        if (c == CC_SLASH || c == CC_COLON) {
            if (prev == CC_DIGIT && nn == CC_DIGIT) { j += cl; continue; }
            break;
        }
        if (c == CC_APOS) {
            if (is_letter_cls(nn)) {
                if (cl > 1 || z[j] != '\'') norm = 1;
                apos = j;
                apos_len = cl;
                j += cl;
                continue;
            }
            break;
        }
        if (c == CC_AMP) {
            if (prev == CC_UPPER && nn == CC_UPPER) { j += cl; continue; }
            break;
        }
        if (c == CC_AT && !digit_start && is_alnum_cls(nn)) {
            /* e-mail address: the rest of the address */
            j += cl;
            while (j < end) {
                uint8_t k = cls_at(t, j);
                if (is_alnum_cls(k) || z[j] == '_' || z[j] == '-' ||
                    (k == CC_PERIOD && is_alnum_cls(cls_at(t, j + 1))))
                    j++;
                else
                    break;
            }
            return emit_word(t, s, j, DYAD_TOK_URL, norm, bad);
        }
        break;
    }

    /* Clitics: Russia's -> Russia 's; don't -> do n't. */
    if (apos != UINT32_MAX && kind != DYAD_TOK_URL) {
        uint32_t suf = apos + apos_len;
        if (clitic(z + suf, j - suf) && apos > s) {
            emit_word(t, s, apos, kind, norm, bad);
            emit_word(t, apos, j, DYAD_TOK_WORD, apos_len > 1, DYAD_TF_CLITIC);
            return j;
        }
        if (dyad_ieq(z + suf, j - suf, "t") && apos > s + 1 &&
            (z[apos - 1] == 'n' || z[apos - 1] == 'N')) {
            emit_word(t, s, apos - 1, kind, norm, bad);
            emit_word(t, apos - 1, j, DYAD_TOK_WORD, apos_len > 1, DYAD_TF_CLITIC);
            return j;
        }
    }

    /* A period that belongs to the word: U.S.  Gen.  F.  (not "...") */
    if (j < end && z[j] == '.' && !(j + 1 < end && z[j + 1] == '.') && kind == DYAD_TOK_WORD) {
        int a = 0;
        uint32_t wl = j - s;
        if (dotted) a = 1;
        else if (wl == 1 && cls_at(t, s) == CC_UPPER) a = 1;          /* initial */
        else a = txt_abbrev(z + s, wl);
        if (a == 3) {   /* "No." only before a number */
            uint32_t q = j + 1;
            while (q < end && z[q] == ' ') q++;
            a = (q > j + 1 && cls_at(t, q) == CC_DIGIT) ? 2 : 0;
        }
        if (a) {
            dyad_token *tok = emit(t, s, j + 1 - s, kind, DYAD_TF_ABBREV | bad,
                                   norm ? normalise(t, s, j + 1) : NULL);
            if (tok && a == 2) tok->aux |= TX_TITLE;
            return j + 1;
        }
    }
    return emit_word(t, s, j, kind, norm, bad);
}

/* URL starting at i: up to whitespace, without trailing punctuation. */
static uint32_t url(tk *t, uint32_t i) {
    uint32_t j = i;
    int parens = 0;
    while (j < t->end) {
        uint8_t c = cls_at(t, j);
        if (c == CC_SPACE || c == CC_NL || c == CC_QUOTE || t->z[j] == '<' || t->z[j] == '>') break;
        if (t->z[j] == '(') parens++;
        if (t->z[j] == ')') parens--;
        j += len_at(t, j);
    }
    while (j > i) {
        char c = t->z[j - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
            (c == ')' && parens < 0) || c == ']') {
            if (c == ')') parens++;
            j--;
        } else {
            break;
        }
    }
    emit(t, i, j - i, DYAD_TOK_URL, 0, NULL);
    return j;
}

static int starts_url(const tk *t, uint32_t i) {
    static const char *const heads[] = {"http://", "https://", "ftp://", "www.", NULL};
    if (t->end - i < 5) return 0;
    char c3 = t->z[i + 3];
    if (c3 != 'p' && c3 != 'P' && c3 != '.' && c3 != ':') return 0;   /* quick reject */
    for (int k = 0; heads[k]; k++) {
        size_t n = strlen(heads[k]);
        if (t->end - i > n && dyad_ieq(t->z + i, n, heads[k]) &&
            is_alnum_cls(cls_at(t, i + (uint32_t)n)))
            return 1;
    }
    return 0;
}

/* Is the quotation mark at i (len bytes) left-flanked by space/opening
** context, and right-flanked by space/punctuation? */
static void flanks(const tk *t, uint32_t i, uint32_t len, int *left_open, int *right_closed) {
    const dyad_token *prev = last_token(t);
    *left_open = t->space || !prev;
    if (!*left_open && prev) {
        const char *p = t->z + prev->start;
        if (prev->len == 1 && (*p == '(' || *p == '[' || *p == '{')) *left_open = 1;
        if (prev->flags & DYAD_TF_QUOTE_OPEN) *left_open = 1;
        if (prev->kind == DYAD_TOK_PUNCT && prev->norm && strcmp(prev->norm, "--") == 0)
            *left_open = 1;
    }
    uint8_t n = cls_at(t, i + len);
    *right_closed = !(is_alnum_cls(n) || n == CC_APOS || n == CC_QUOTE || n == CC_SYMBOL ||
                      n == CC_HASH || n == CC_AT || (n == CC_PUNCT && (t->z[i + len] == '(' ||
                                                                      t->z[i + len] == '[')));
}

static void double_quote(tk *t, uint32_t i, uint32_t len, uint32_t cp) {
    int lo, rc, open;
    flanks(t, i, len, &lo, &rc);
    if (lo && !rc) open = 1;
    else if (!lo && rc) open = 0;
    else if (cp == 0x201C || cp == 0x201E || cp == 0xAB) open = 1;
    else if (cp == 0x201D || cp == 0xBB) open = 0;
    else open = !t->dq;
    const char *norm = cp == '"' ? NULL : "\"";
    if (open) {
        t->dq = 1;
        emit(t, i, len, DYAD_TOK_PUNCT, DYAD_TF_QUOTE_OPEN | (t->sq ? DYAD_TF_QUOTED : 0), norm);
    } else {
        t->dq = 0;
        emit(t, i, len, DYAD_TOK_PUNCT, DYAD_TF_QUOTE_CLOSE | (t->sq ? DYAD_TF_QUOTED : 0), norm);
    }
}

/* A single quotation mark or an apostrophe standing alone. */
static uint32_t single_quote(tk *t, uint32_t i, uint32_t len, uint32_t cp) {
    int lo, rc;
    flanks(t, i, len, &lo, &rc);
    const char *norm = cp == '\'' ? NULL : "'";
    int open_glyph = cp == 0x2018 || cp == 0x201A || cp == 0x201B || cp == 0x2039;
    if (lo && !rc) {
        if (cls_at(t, i + len) == CC_DIGIT) return word(t, i + len, len);   /* '90s */
        t->sq = 1;
        emit(t, i, len, DYAD_TOK_PUNCT, DYAD_TF_QUOTE_OPEN | (t->dq ? DYAD_TF_QUOTED : 0), norm);
        return i + len;
    }
    if ((!lo && rc) || !open_glyph) {
        if (t->sq) {
            t->sq = 0;
            emit(t, i, len, DYAD_TOK_PUNCT, DYAD_TF_QUOTE_CLOSE | (t->dq ? DYAD_TF_QUOTED : 0),
                 norm);
            return i + len;
        }
        /* Possessive of a plural (separatists') or a stray apostrophe. */
        const dyad_token *prev = last_token(t);
        int poss = !lo && prev && prev->kind == DYAD_TOK_WORD &&
                   (t->z[prev->start + prev->len - 1] == 's' ||
                    t->z[prev->start + prev->len - 1] == 'S');
        emit(t, i, len, DYAD_TOK_PUNCT, poss ? DYAD_TF_CLITIC : 0, norm);
        return i + len;
    }
    t->sq = 1;
    emit(t, i, len, DYAD_TOK_PUNCT, DYAD_TF_QUOTE_OPEN | (t->dq ? DYAD_TF_QUOTED : 0), norm);
    return i + len;
}

/* After a line break at i: paragraph break, or just a new line? */
static uint32_t newline(tk *t, uint32_t i, uint32_t len, uint32_t cp) {
    uint32_t j = i + len;
    int indent = 0;
    while (j < t->end) {
        char c = t->z[j];
        if (c == ' ') indent++;
        else if (c == '\t') indent += 2;
        else if (c == '\r') { /* part of CRLF */ }
        else break;
        j++;
    }
    int para = cp == 0x2029 || indent >= 2 || (j < t->end && t->z[j] == '\n');
    if (j >= t->end) para = 0;
    const dyad_token *prev = last_token(t);
    if (prev) {
        char c = t->z[prev->start + prev->len - 1];
        const dyad_token *p2 = prev;
        if ((prev->flags & DYAD_TF_QUOTE_CLOSE) || c == ')') {
            size_t n = t->d->tokens.n;
            if (n >= 2 && n - 2 >= t->first) {
                p2 = &DVEC_AT(&t->d->tokens, dyad_token, n - 2);
                c = t->z[p2->start + p2->len - 1];
            }
        }
        if (p2->kind == DYAD_TOK_PUNCT && (c == '.' || c == '!' || c == '?' || c == ':' || c == ';'))
            t->pending |= TX_ENDMK;
        if ((p2->flags & DYAD_TF_ABBREV)) t->pending |= TX_ENDMK;
    } else {
        t->pending |= TX_ENDMK;
    }
    if (para) {
        t->pending |= TX_PARA | TX_LINE;
        t->dq = t->sq = 0;
    } else {
        t->pending |= TX_LINE;
    }
    t->space = 1;
    return j;
}

int txt_tokenize(txt_doc *d, uint32_t start, uint32_t end) {
    tk t = {d, d->z, start, end, d->tokens.n, 0, 0, 1, TX_PARA | TX_LINE | TX_ENDMK};
    const char *z = d->z;
    uint32_t i = start;
    while (i < end) {
        unsigned char b = (unsigned char)z[i];
        txt_char ch;
        if (b == ' ') {                 /* the commonest byte */
            t.space = 1;
            i++;
            continue;
        }
        if (b < 0x80) {
            ch.cp = b;
            ch.cls = txt_ascii_class[b];
            ch.len = 1;
            ch.bad = 0;
        } else {
            txt_decode(z, end, i, &ch);
        }
        switch (ch.cls) {
        case CC_SPACE:
            t.space = 1;
            i += ch.len;
            break;
        case CC_NL:
            i = newline(&t, i, ch.len, ch.cp);
            break;
        case CC_UPPER:
        case CC_LOWER:
        case CC_DIGIT:
            if ((b == 'h' || b == 'H' || b == 'w' || b == 'W' || b == 'f' || b == 'F') &&
                starts_url(&t, i))
                i = url(&t, i);
            else
                i = word(&t, i, 0);
            break;
        case CC_PERIOD: {
            uint32_t j = i;
            while (j < end && z[j] == '.') j++;
            uint32_t n = j - i;
            emit(&t, i, n, DYAD_TOK_PUNCT, 0, n > 3 ? "..." : NULL);
            i = j;
            break;
        }
        case CC_ELLIPSIS:
            emit(&t, i, ch.len, DYAD_TOK_PUNCT, 0, "...");
            i += ch.len;
            break;
        case CC_QUOTE:
            double_quote(&t, i, ch.len, ch.cp);
            i += ch.len;
            break;
        case CC_APOS:
            i = single_quote(&t, i, ch.len, ch.cp);
            break;
        case CC_HYPHEN:
        case CC_DASH: {
            /* A signed number: "-5" after a space. */
            if (b == '-' && (t.space || !last_token(&t)) && cls_at(&t, i + 1) == CC_DIGIT) {
                i = word(&t, i + 1, 1);
                break;
            }
            uint32_t j = i;
            while (j < end && (cls_at(&t, j) == CC_HYPHEN || cls_at(&t, j) == CC_DASH))
                j += len_at(&t, j);
            int ascii2 = j - i == 2 && z[i] == '-' && z[i + 1] == '-';
            emit(&t, i, j - i, DYAD_TOK_PUNCT, 0, ascii2 ? NULL : "--");
            i = j;
            break;
        }
        case CC_PUNCT:
            if (b == '!' || b == '?') {
                uint32_t j = i;
                while (j < end && (z[j] == '!' || z[j] == '?')) j++;
                emit(&t, i, j - i, DYAD_TOK_PUNCT, 0, NULL);
                i = j;
                break;
            }
            emit(&t, i, ch.len, DYAD_TOK_PUNCT, 0, NULL);
            i += ch.len;
            break;
        case CC_COMMA:
        case CC_COLON:
            emit(&t, i, 1, DYAD_TOK_PUNCT, 0, NULL);
            i += 1;
            break;
        case CC_HASH:
        case CC_AT:
            if (is_alnum_cls(cls_at(&t, i + 1)) && (t.space || !last_token(&t))) {
                uint32_t j = i + 1;
                while (j < end && (is_alnum_cls(cls_at(&t, j)) || z[j] == '_')) j += len_at(&t, j);
                emit(&t, i, j - i, DYAD_TOK_URL, 0, NULL);
                i = j;
                break;
            }
            emit(&t, i, 1, DYAD_TOK_SYMBOL, 0, NULL);
            i += 1;
            break;
        default: /* CC_SLASH, CC_AMP, CC_SYMBOL */
            /* "Dol_Amroth": an underscore between letters joins the words of
            ** a name (the peers' text convention); it separates them as a
            ** space would, so that the name is matched and parsed as words */
            if (b == '_' && i > start && is_letter_cls(cls_at(&t, i - 1)) &&
                is_letter_cls(cls_at(&t, i + 1))) {
                t.space = 1;
                i += 1;
                break;
            }
            emit(&t, i, ch.len, ch.cls == CC_SLASH ? DYAD_TOK_PUNCT : DYAD_TOK_SYMBOL, 0, NULL);
            i += ch.len;
            break;
        }
    }
    return (d->tokens.oom || d->arena->oom) ? -1 : 0;
}
