/*
** syntax.h - the syntax stage: part-of-speech tagger (UPOS + Penn XPOS),
** lemmatizer and greedy transition-based dependency parser, all averaged
** perceptrons trained here on UD English EWT by dyad's own trainer.
**
** Contract
**   A sentence is an array of syn_word, 0-based here; heads are 1-based
**   word numbers with 0 for the root, as in CoNLL-U.  Models are immutable
**   after loading and shared by threads; every call that works on a sentence
**   takes a caller-owned syn_scratch for its temporary memory (one per
**   thread), so tagging and parsing allocate nothing per sentence once the
**   scratch has grown.  Training is deterministic for a given seed.
**   Model files are little-endian binary images with a magic header and a
**   version; loading checks both and fails with a message, never crashes.
*/
#ifndef DYAD_SYNTAX_H
#define DYAD_SYNTAX_H

#include <stdio.h>

#include "../base/base.h"

/* ----------------------------------------------------------- tag sets */

/* The 17 UD UPOS tags.  ORDER UPOS: keep in step with syn_upos_names. */
enum {
    UPOS_NONE = 0, UPOS_ADJ, UPOS_ADP, UPOS_ADV, UPOS_AUX, UPOS_CCONJ, UPOS_DET, UPOS_INTJ,
    UPOS_NOUN, UPOS_NUM, UPOS_PART, UPOS_PRON, UPOS_PROPN, UPOS_PUNCT, UPOS_SCONJ, UPOS_SYM,
    UPOS_VERB, UPOS_X, UPOS_COUNT
};
extern const char *const syn_upos_names[UPOS_COUNT];   /* "_", "ADJ", ... */

/* XPOS (Penn Treebank tags as EWT uses them) and DEPREL (full UD relations
** with subtypes, "nsubj:pass", "obl:agent", ...) are small string tables
** owned by each model: a model maps its ids to names.  0 = unknown. */

/* Id of a UPOS name (n bytes); UPOS_NONE when unknown. */
int syn_upos_id(const char *z, size_t n);

/* ----------------------------------------------------------- sentences */

typedef struct syn_word {
    const char *form;       /* surface form (not owned; not NUL-terminated) */
    uint32_t    len;        /* bytes of form */
    uint8_t     upos;       /* UPOS id */
    uint16_t    xpos;       /* XPOS id in the tagger's table */
    const char *lemma;      /* NUL-terminated lemma (model or scratch owned), or NULL */
    int32_t     head;       /* 1-based head word, 0 = root, -1 = not parsed */
    uint16_t    deprel;     /* relation id in the parser's table */
} syn_word;

/* Per-thread working memory; zero-initialise, free with syn_scratch_free. */
typedef struct syn_scratch {
    dyad_arena arena;       /* lemmas and other per-sentence strings; reset by callers */
    void  *buf;             /* feature and state buffers, grown as needed */
    size_t cap;
} syn_scratch;

void syn_scratch_free(syn_scratch *s);

/* ----------------------------------------------------------- CoNLL-U */

/* A treebank read from a CoNLL-U file: the syntactic word lines only
** (multiword-token ranges "1-2" and empty nodes "1.1" are skipped).  All
** strings are owned by the treebank. */
typedef struct syn_cword {
    const char *form, *lemma, *upos, *xpos, *deprel;   /* "_" when absent */
    int32_t id;             /* 1-based */
    int32_t head;           /* -1 when "_" */
} syn_cword;

typedef struct syn_csent {
    syn_cword *words;
    size_t nwords;
} syn_csent;

typedef struct syn_treebank {
    syn_csent *sents;
    size_t nsents;
    size_t nwords;          /* total */
    dyad_arena arena;       /* everything above */
} syn_treebank;

/* Read path (or "-" for stdin).  Returns 0, or -1 with a message naming the
** file and line in err (size errn); a malformed line is skipped with a
** warning written to warn (may be NULL). */
int syn_treebank_read(syn_treebank *tb, const char *path, FILE *warn, char *err, size_t errn);
void syn_treebank_free(syn_treebank *tb);

/* ----------------------------------------------------------- tagger */

typedef struct syn_tagger syn_tagger;

/* Train on train (tuning the number of iterations on dev, up to max_iter;
** dyad_train() passes 12 when the user gives none) and write the model to
** out.  Progress and dev accuracy per iteration go
** to log.  Returns 0, or -1 with a message in err. */
int syn_tagger_train(const syn_treebank *train, const syn_treebank *dev, int max_iter,
                     uint64_t seed, const char *out, FILE *log, char *err, size_t errn);

/* Load a model; NULL with a message in err on failure. */
syn_tagger *syn_tagger_load(const char *path, char *err, size_t errn);
void syn_tagger_free(syn_tagger *t);

/* Tag words[0..n): sets upos and xpos. */
void syn_tag(const syn_tagger *t, syn_word *words, size_t n, syn_scratch *s);

/* Name of XPOS id x in the tagger's table ("NN"), "_" when unknown. */
const char *syn_xpos_name(const syn_tagger *t, unsigned x);
/* Id of XPOS name in t's table, or -1. */
int syn_xpos_id(const syn_tagger *t, const char *name);

/* ----------------------------------------------------------- lemmatizer */

typedef struct syn_lemmatizer syn_lemmatizer;

/* Build the lemmatizer's tables from a treebank (form, tag -> lemma) plus
** its rules, and write them to out.  Returns 0 or -1 (message in err). */
int syn_lemmatizer_train(const syn_treebank *train, const char *out, FILE *log, char *err,
                         size_t errn);
syn_lemmatizer *syn_lemmatizer_load(const char *path, char *err, size_t errn);
void syn_lemmatizer_free(syn_lemmatizer *l);

/* Set lemma of words[0..n) (tagged) : imposed -> impose, withdrew ->
** withdraw, talks -> talk (noun: singular).  Lemmas are lower-case except
** for proper nouns; strings live in the model or in s->arena. */
void syn_lemmatize(const syn_lemmatizer *l, const syn_tagger *t, syn_word *words, size_t n,
                   syn_scratch *s);

/* ----------------------------------------------------------- parser */

typedef struct syn_parser syn_parser;

/* Train the parser on train (words tagged with the tagger's predictions
** when tagger is not NULL, else gold tags), tuning on dev; write to out. */
int syn_parser_train(const syn_treebank *train, const syn_treebank *dev,
                     const syn_tagger *tagger, int max_iter, uint64_t seed, const char *out,
                     FILE *log, char *err, size_t errn);
syn_parser *syn_parser_load(const char *path, char *err, size_t errn);
void syn_parser_free(syn_parser *p);

/* Parse tagged words[0..n): sets head and deprel.  The parser keeps a copy
** of the XPOS name table of the tagger it was trained with, so words must be
** tagged by that tagger (retrain the parser whenever tagger.bin changes). */
void syn_parse(const syn_parser *p, syn_word *words, size_t n, syn_scratch *s);

/* Name of relation id r ("nsubj:pass"), "_" when unknown. */
const char *syn_deprel_name(const syn_parser *p, unsigned r);

/* ----------------------------------------------------------- model files */

/* Little-endian 32-bit integers in model images (src/syntax/image.c). */
void syn_put32(dyad_buf *b, uint32_t v);
uint32_t syn_get32(const unsigned char *p);

/* Read the whole file at path into b (b->p valid even when empty).  Returns
** 0, or -1 with a message naming the file in err. */
int syn_read_image(const char *path, dyad_buf *b, char *err, size_t errn);

#endif /* DYAD_SYNTAX_H */
