/*
** text.h - the text layer: UTF-8 decoding and character classes, the
** tokenizer, quotation marks and the sentence splitter.
**
** Contract: tokens are spans of the story text (owned by the story); the
** layer copies no text except the normalised form of the rare token that
** contains typographic characters or invalid UTF-8, which goes to the
** caller's arena.  Input may be any bytes: invalid UTF-8 is kept inside
** tokens (flag DYAD_TF_BADUTF8, norm with U+FFFD), NUL bytes are spaces.
** Work is linear in the input; no sentence exceeds max_tokens tokens.
*/
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include "../base/base.h"

/* ----- characters (src/text/utf8.c) */

/* Character classes.  ORDER CHARCLASS: see utf8.c cls_ascii[]. */
enum {
    CC_SPACE = 0,   /* space, tab, CR, NUL, Unicode spaces */
    CC_NL,          /* '\n' */
    CC_UPPER,       /* upper-case letter */
    CC_LOWER,       /* lower-case or uncased letter, invalid byte */
    CC_DIGIT,       /* 0-9 */
    CC_PERIOD,      /* . */
    CC_COMMA,       /* , */
    CC_APOS,        /* ' and U+2019, U+2018 (see cp_open) */
    CC_QUOTE,       /* " and typographic double quotes */
    CC_HYPHEN,      /* - U+2010 U+2011 U+2013 U+2212 (en dash joins words) */
    CC_DASH,        /* U+2014 U+2015 em dash: always a token */
    CC_ELLIPSIS,    /* U+2026 */
    CC_SLASH,       /* / */
    CC_COLON,       /* : */
    CC_AMP,         /* & */
    CC_AT,          /* @ */
    CC_HASH,        /* # */
    CC_PUNCT,       /* ; ! ? ( ) [ ] { } and other punctuation */
    CC_SYMBOL       /* $ % + = < > | ~ ^ ` \ * and other symbols */
};

/* Decoded character at z[i] (i < n): class, code point and byte length.
** Invalid UTF-8 yields CC_LOWER, cp = 0xFFFD, len = 1, bad = 1. */
typedef struct txt_char {
    uint32_t cp;    /* code point */
    uint8_t  cls;   /* CC_* */
    uint8_t  len;   /* bytes */
    uint8_t  bad;   /* invalid UTF-8 */
} txt_char;

void txt_decode(const char *z, size_t n, size_t i, txt_char *out);

/* ASCII class table, indexed by byte (bytes >= 0x80 are CC_LOWER there;
** use txt_decode for them). */
extern const uint8_t txt_ascii_class[256];

/* ----- tokenizer and splitter (src/text/tokenize.c, src/text/split.c) */

/* Internal per-token flags (dyad_token.aux), beside the public DYAD_TF_*. */
#define TX_PARA   0x01  /* first token of a paragraph */
#define TX_LINE   0x02  /* first token of a line */
#define TX_TITLE  0x04  /* abbreviation that never ends a sentence (Mr.) */
#define TX_ENDMK  0x08  /* prev line ended with . ! ? : ; (list context) */

typedef struct txt_doc {
    const char *z;          /* story text (not owned) */
    dyad_vec    tokens;     /* dyad_token (TX_* flags in their aux byte) */
    dyad_vec    sents;      /* dyad_sentence (tokens pointers set at the end) */
    dyad_arena *arena;      /* for norms and warnings */
    uint32_t    max_tokens; /* sentence length limit */
    uint32_t    ncut;       /* sentences cut at the limit */
} txt_doc;

/* Tokenize z[start, end) (one body segment) appending to d->tokens.
** Returns 0, or -1 when out of memory. */
int txt_tokenize(txt_doc *d, uint32_t start, uint32_t end);

/* Split tokens [first, d->tokens.n) into sentences appended to d->sents
** (with token indexes in place of pointers until txt_finish).  With whole,
** the tokens are one sentence (cut only at the length limit). */
int txt_split(txt_doc *d, size_t first, int whole);

/* Point every sentence at its tokens; call once after the last segment. */
void txt_finish(txt_doc *d);

/* Is the word z[0..n) (without its period) an abbreviation that keeps its
** period?  Returns 0 (no), 1 (yes; may end a sentence before a capitalised
** function word), 2 (a title: never ends a sentence), 3 ("No": only before
** a number). */
int txt_abbrev(const char *z, size_t n);

/* Is z[0..n) a capitalised function word that begins sentences? */
int txt_starter(const char *z, size_t n);

/* 1 when the word tables are in the order their binary searches need. */
int txt_tables_sorted(void);

#endif /* DYAD_TEXT_H */
