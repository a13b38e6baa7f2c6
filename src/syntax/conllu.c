/*
** conllu.c - CoNLL-U treebank reader (syntactic word lines only) and the
** UPOS table.
*/
#include "syntax.h"

#include <errno.h>
#include <stdlib.h>

/* ORDER UPOS */
const char *const syn_upos_names[UPOS_COUNT] = {
    "_",    "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM",  "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

int syn_upos_id(const char *z, size_t n) {
    for (int i = 1; i < UPOS_COUNT; i++)
        if (strlen(syn_upos_names[i]) == n && memcmp(syn_upos_names[i], z, n) == 0) return i;
    return UPOS_NONE;
}

void syn_scratch_free(syn_scratch *s) {
    arena_free(&s->arena);
    free(s->buf);
    s->buf = NULL;
    s->cap = 0;
}

void syn_treebank_free(syn_treebank *tb) {
    arena_free(&tb->arena);
    free(tb->sents);
    memset(tb, 0, sizeof *tb);
}

/* Split a word line into its 10 tab-separated fields; returns the count. */
static int fields(char *line, char *f[10]) {
    int k = 0;
    f[k++] = line;
    for (char *p = line; *p && k < 10; p++) {
        if (*p == '\t') {
            *p = 0;
            f[k++] = p + 1;
        }
    }
    return k;
}

static int flush(syn_treebank *tb, dyad_vec *words, size_t *cap) {
    if (words->n == 0) return 0;
    if (tb->nsents == *cap) {
        size_t c = *cap ? *cap * 2 : 1024;
        syn_csent *s = realloc(tb->sents, c * sizeof *s);
        if (!s) return -1;
        tb->sents = s;
        *cap = c;
    }
    syn_cword *w = arena_alloc(&tb->arena, words->n * sizeof *w);
    if (!w) return -1;
    memcpy(w, words->p, words->n * sizeof *w);
    tb->sents[tb->nsents].words = w;
    tb->sents[tb->nsents].nwords = words->n;
    tb->nsents++;
    tb->nwords += words->n;
    words->n = 0;
    return 0;
}

int syn_treebank_read(syn_treebank *tb, const char *path, FILE *warn, char *err, size_t errn) {
    memset(tb, 0, sizeof *tb);
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(err, errn, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t linecap = 0, cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    dyad_vec words = {0};
    int rc = 0;
    while ((len = getline(&line, &linecap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        if (len == 0) {
            if (flush(tb, &words, &cap) < 0) { rc = -1; break; }
            continue;
        }
        if (line[0] == '#') continue;
        char *fl[10];
        if (fields(line, fl) != 10) {
            if (warn) fprintf(warn, "%s:%lu: expected 10 tab-separated fields; line skipped\n", path, lineno);
            continue;
        }
        char *end;
        long id = strtol(fl[0], &end, 10);
        if (*end == '-' || *end == '.') continue;      /* multiword range, empty node */
        if (*end || id < 1) {
            if (warn) fprintf(warn, "%s:%lu: bad word id \"%s\"; line skipped\n", path, lineno, fl[0]);
            continue;
        }
        syn_cword *w = dvec_push(&words, sizeof *w);
        if (!w) { rc = -1; break; }
        w->id = (int32_t)id;
        w->form = arena_strndup(&tb->arena, fl[1], strlen(fl[1]));
        w->lemma = arena_strndup(&tb->arena, fl[2], strlen(fl[2]));
        w->upos = arena_strndup(&tb->arena, fl[3], strlen(fl[3]));
        w->xpos = arena_strndup(&tb->arena, fl[4], strlen(fl[4]));
        w->deprel = arena_strndup(&tb->arena, fl[7], strlen(fl[7]));
        w->head = fl[6][0] == '_' ? -1 : (int32_t)strtol(fl[6], NULL, 10);
    }
    if (rc == 0 && flush(tb, &words, &cap) < 0) rc = -1;
    if (rc == 0 && tb->arena.oom) rc = -1;
    if (rc < 0) snprintf(err, errn, "%s: out of memory", path);
    free(line);
    dvec_free(&words);
    if (f != stdin) fclose(f);
    return rc;
}
