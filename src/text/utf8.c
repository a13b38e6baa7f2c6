/*
** utf8.c - UTF-8 decoding that survives any bytes, and the character
** classes of the tokenizer.  ASCII goes through a 256-entry table; other
** code points through a short range table.  Invalid sequences (stray
** continuation bytes, overlongs, surrogates, truncated sequences) decode as
** one byte of class CC_LOWER with bad = 1, so they stay inside words.
*/
#include "text.h"

#define S CC_SPACE
#define U CC_UPPER
#define L CC_LOWER
#define D CC_DIGIT
#define P CC_PUNCT
#define Y CC_SYMBOL

const uint8_t txt_ascii_class[256] = {
    /* 0x00 */ S, S, S, S, S, S, S, S, S, S, CC_NL, S, S, S, S, S,
    /* 0x10 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    /* 0x20 */ S, P, CC_QUOTE, CC_HASH, Y, Y, CC_AMP, CC_APOS, P, P, Y, Y, CC_COMMA, CC_HYPHEN, CC_PERIOD, CC_SLASH,
    /* 0x30 */ D, D, D, D, D, D, D, D, D, D, CC_COLON, P, Y, Y, Y, P,
    /* 0x40 */ CC_AT, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    /* 0x50 */ U, U, U, U, U, U, U, U, U, U, U, P, Y, P, Y, Y,
    /* 0x60 */ Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    /* 0x70 */ L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, S,
    /* 0x80..0xFF: decoded by txt_decode */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
};

/* Ranges of non-ASCII code points with a class other than "letter". */
static const struct { uint32_t lo, hi; uint8_t cls; } ranges[] = {
    {0x0080, 0x009F, S},            /* C1 controls */
    {0x00A0, 0x00A0, S},            /* NBSP */
    {0x00A1, 0x00AA, Y},
    {0x00AB, 0x00AB, CC_QUOTE},     /* « */
    {0x00AC, 0x00AC, Y},
    {0x00AD, 0x00AD, L},            /* soft hyphen: inside words */
    {0x00AE, 0x00B4, Y},
    {0x00B6, 0x00B9, Y},
    {0x00BB, 0x00BB, CC_QUOTE},     /* » */
    {0x00BC, 0x00BF, Y},
    {0x00C0, 0x00D6, U},
    {0x00D7, 0x00D7, Y},            /* × */
    {0x00D8, 0x00DE, U},
    {0x00F7, 0x00F7, Y},            /* ÷ */
    {0x0391, 0x03A9, U},            /* Greek capitals */
    {0x0400, 0x042F, U},            /* Cyrillic capitals */
    {0x1680, 0x1680, S},
    {0x2000, 0x200B, S},            /* spaces, zero-width space */
    {0x200C, 0x200F, L},            /* joiners, marks: inside words */
    {0x2010, 0x2011, CC_HYPHEN},
    {0x2012, 0x2013, CC_HYPHEN},    /* figure dash, en dash */
    {0x2014, 0x2015, CC_DASH},      /* em dash, horizontal bar */
    {0x2016, 0x2017, P},
    {0x2018, 0x2019, CC_APOS},      /* ‘ ’ */
    {0x201A, 0x201A, CC_APOS},      /* ‚ */
    {0x201B, 0x201B, CC_APOS},
    {0x201C, 0x201F, CC_QUOTE},     /* “ ” „ ‟ */
    {0x2020, 0x2025, P},
    {0x2026, 0x2026, CC_ELLIPSIS},
    {0x2027, 0x2027, P},
    {0x2028, 0x2029, CC_NL},        /* line / paragraph separators */
    {0x202A, 0x202E, L},            /* bidi controls: inside words */
    {0x202F, 0x202F, S},            /* narrow NBSP */
    {0x2030, 0x2038, Y},
    {0x2039, 0x203A, CC_APOS},      /* ‹ › */
    {0x203B, 0x205E, P},
    {0x205F, 0x205F, S},
    {0x2060, 0x206F, L},
    {0x20A0, 0x20CF, Y},            /* currency */
    {0x2100, 0x2BFF, Y},            /* letterlike, arrows, math, shapes */
    {0x3000, 0x3000, S},
    {0x3001, 0x3003, P},            /* 、 。 */
    {0x3008, 0x3011, P},            /* CJK brackets */
    {0xFE00, 0xFE0F, L},            /* variation selectors */
    {0xFEFF, 0xFEFF, S},            /* BOM */
    {0xFF01, 0xFF0F, P},            /* fullwidth punctuation */
    {0x1F000, 0x1FAFF, Y},          /* emoji and pictographs */
};

static uint8_t cp_class(uint32_t cp) {
    if (cp == 0x2212) return CC_HYPHEN;   /* minus sign, inside 0x2100-0x2BFF */
    size_t lo = 0, hi = sizeof ranges / sizeof *ranges;
    /* Ranges are sorted and do not overlap. */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < ranges[mid].lo) hi = mid;
        else if (cp > ranges[mid].hi) lo = mid + 1;
        else return ranges[mid].cls;
    }
    /* Latin Extended-A/B: even code points are capitals in most pairs. */
    if (cp >= 0x0100 && cp <= 0x017F) return (cp & 1) ? L : (cp == 0x0138 ? L : U);
    return L;
}

void txt_decode(const char *z, size_t n, size_t i, txt_char *out) {
    const unsigned char *s = (const unsigned char *)z + i;
    size_t avail = n - i;
    unsigned c = s[0];
    out->bad = 0;
    if (c < 0x80) {
        out->cp = c;
        out->cls = txt_ascii_class[c];
        out->len = 1;
        return;
    }
    uint32_t cp;
    size_t len;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
    else goto bad;
    if (avail < len) goto bad;
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) goto bad;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto bad;
    out->cp = cp;
    out->len = (uint8_t)len;
    out->cls = cp_class(cp);
    return;
bad:
    out->cp = 0xFFFD;
    out->len = 1;
    out->cls = CC_LOWER;
    out->bad = 1;
}
