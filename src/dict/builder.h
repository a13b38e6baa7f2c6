/*
** builder.h - the dict_builder's storage, shared by builder.c (filling) and
** set.c (compiling and looking up).  Readers use dict.h only.
*/
#ifndef DYAD_DICT_BUILDER_H
#define DYAD_DICT_BUILDER_H

#include "dict.h"

typedef struct b_actor {
    dict_src src;
    dict_phrase *names;     /* name, then synonyms */
    size_t nnames;
    dict_dated *codes;      /* in file order; first that applies wins */
    size_t ncodes;
} b_actor;

typedef struct b_agent {
    dict_src src;
    dict_phrase *names;
    size_t nnames;
    const char *code;       /* "~GOV" or "GOV~" */
} b_agent;

typedef struct b_synset {
    dict_src src;
    const char *name;
    dict_phrase *members;
    size_t nmembers;
} b_synset;

typedef struct b_verb {
    dict_src src;
    dict_phrase verb;
    dict_phrase *forms;
    size_t nforms;
    const char *code;
} b_verb;

typedef struct b_pattern {
    dict_src src;
    size_t verb;            /* index into verbs */
    dict_elem *el;
    size_t n;
    const char *code, *code2;
    unsigned flags;
    const char *transform;
} b_pattern;

typedef struct b_discard {
    dict_src src;
    dict_phrase phrase;
    int whole_story;
} b_discard;

typedef struct b_issue {
    dict_src src;
    dict_phrase phrase;
    const char *code;
    char pos;
    const char *category;
} b_issue;

typedef struct b_option {
    dict_src src;
    const char *key, *value;
} b_option;

typedef struct dict_msg {
    char *text;             /* malloc'd "file:line: what" */
    int err;                /* 1 = file unusable, 0 = warning */
} dict_msg;

struct dict_builder {
    dyad_arena arena;       /* every string, phrase and array */
    dyad_vec actors, agents, synsets, verbs, patterns, discards, issues, options;
    dyad_vec msgs;          /* dict_msg */
    size_t nwarn, nerr;
    int verbs_dialect;      /* dict_dialect of the last verb file read */
    int petrarch_words;     /* a PETRARCH file was read: actor and agent
                            ** words match whole words, not stems */
    const char *last_file_in, *last_file;   /* file-name copy cache */
    const char **intern;    /* interned words (open addressing, power of 2) */
    uint32_t *intern_hash;  /* their hashes, compared before the strings */
    size_t nintern, capintern;
};

/* Write a phrase in dump form ("JOHN_ KERRY_"). */
void dict_dump_phrase(dyad_buf *out, const dict_phrase *p);

#endif
