/*
** models.c - the syntax stage behind the public API: finding and loading
** the models, running tagger, lemmatizer and parser over the session's
** sentences, and dyad_train().
*/
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>

#include "../session.h"

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "/usr/local/share/dyad"
#endif

static int exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

/* Load the three models from data_dir/models.  Returns 0 (models loaded, or
** absent and not required), or -1 with *errmsg set. */
const char *syn_data_dir(const dyad_engine_options *opt) {
    const char *dir = opt->data_dir;
    if (!dir) dir = getenv("DYAD_DATA");
    if (!dir) dir = DYAD_DATADIR;
    return dir;
}

int syn_engine_load(dyad_engine *e, char **errmsg) {
    if (e->opt.syntax < 0) return 0;
    const char *dir = syn_data_dir(&e->opt);
    char tp[4096], lp[4096], pp[4096], err[512];
    snprintf(tp, sizeof tp, "%s/models/tagger.bin", dir);
    snprintf(lp, sizeof lp, "%s/models/lemma.bin", dir);
    snprintf(pp, sizeof pp, "%s/models/parser.bin", dir);
    if (!exists(tp) || !exists(lp) || !exists(pp)) {
        if (e->opt.syntax > 0) {
            if (errmsg)
                *errmsg = dyad_strdupf("models not found in %s/models (tagger.bin, lemma.bin, "
                                       "parser.bin); set DYAD_DATA", dir);
            return -1;
        }
        return 0;
    }
    err[0] = 0;
    if (!(e->tagger = syn_tagger_load(tp, err, sizeof err)) ||
        !(e->lemma = syn_lemmatizer_load(lp, err, sizeof err)) ||
        !(e->parser = syn_parser_load(pp, err, sizeof err))) {
        if (errmsg) *errmsg = dyad_strdupf("%s", err[0] ? err : "cannot load the models");
        syn_engine_free(e);
        return -1;
    }
    return 0;
}

void syn_engine_free(dyad_engine *e) {
    syn_tagger_free(e->tagger);
    syn_lemmatizer_free(e->lemma);
    syn_parser_free(e->parser);
    e->tagger = NULL;
    e->lemma = NULL;
    e->parser = NULL;
}

/* The public view of words[0..n) into out. */
static void publish(const dyad_engine *e, const syn_word *w, size_t n, dyad_syntax *out) {
    for (size_t i = 0; i < n; i++) {
        out[i].upos = syn_upos_names[w[i].upos < UPOS_COUNT ? w[i].upos : 0];
        out[i].xpos = syn_xpos_name(e->tagger, w[i].xpos);
        out[i].lemma = w[i].lemma ? w[i].lemma : "_";
        out[i].head = w[i].head;
        out[i].deprel = w[i].head < 0 ? "_" : syn_deprel_name(e->parser, w[i].deprel);
    }
}

static int word_is(const syn_word *w, const char *const *list) {
    for (size_t k = 0; list[k]; k++)
        if (strlen(list[k]) == w->len && !strncasecmp(w->form, list[k], w->len)) return 1;
    return 0;
}

static unsigned deprel_id(const syn_parser *p, const char *name) {
    for (unsigned r = 1; r < 256; r++) {
        const char *z = syn_deprel_name(p, r);
        if (!strcmp(z, "_")) return 0;
        if (!strcmp(z, name)) return r;
    }
    return 0;
}

/* News writes the day between subject and verb ("President Vladimir Putin
** on Sunday ordered ..."), which the parser, trained on web text, reads as
** a clause of its own.  Parse the sentence without "(on) <weekday>" there
** and hang the day on the verb (obl, "on" its case).  Likewise words the
** dictionaries hide (force "~": ", Belarus" after "Minsk") hang on the
** word before them (appos; the comma punct, later words flat).  Returns 0
** when done, 1 when there is nothing to leave out (the caller parses as
** usual), -1 on no memory. */
static int parse_without_days(dyad_session *s, syn_word *w, size_t n,
                              const char *const *force) {
    static const char *const DAY[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                      "Saturday", "Sunday", NULL};
    static const char *const ON[] = {"on", NULL};
    const dyad_engine *e = s->e;
    uint8_t *drop = NULL;
    size_t ndrop = 0;
    /* words the dictionaries hide ("~"): "Paris, France" - the country after
    ** its own city, hung on the city */
    for (size_t i = 1; force && i < n; i++) {
        if (!force[i] || strcmp(force[i], "~") != 0) continue;
        if (!drop) {
            drop = arena_alloc(&s->scr.arena, n);
            if (!drop) return -1;
            memset(drop, 0, n);
        }
        drop[i] = 2;
        ndrop++;
    }
    for (size_t i = 1; i + 1 < n; i++) {
        if (!word_is(&w[i], DAY)) continue;
        size_t a = i > 1 && word_is(&w[i - 1], ON) ? i - 1 : i;
        if (a == 0) continue;
        const char *pre = syn_xpos_name(e->tagger, w[a - 1].xpos);
        const char *post = syn_xpos_name(e->tagger, w[i + 1].xpos);
        if (!(pre[0] == 'N' && pre[1] == 'N') || !(post[0] == 'V' && post[1] == 'B')) continue;
        if (!drop) {
            drop = arena_alloc(&s->scr.arena, n);
            if (!drop) return -1;
            memset(drop, 0, n);
        }
        for (size_t k = a; k <= i; k++) drop[k] = 1;
        ndrop += i - a + 1;
    }
    if (!ndrop) return 1;
    size_t m = n - ndrop;
    syn_word *w2 = arena_alloc(&s->scr.arena, (m + 1) * sizeof *w2);
    uint32_t *idx = arena_alloc(&s->scr.arena, (m + 1) * sizeof *idx);
    if (!w2 || !idx) return -1;
    for (size_t i = 0, j = 0; i < n; i++)
        if (!drop[i]) {
            w2[j] = w[i];
            idx[j++] = (uint32_t)i;
        }
    syn_parse(e->parser, w2, m, &s->scr);
    for (size_t j = 0; j < m; j++) {
        syn_word *o = &w[idx[j]];
        o->head = w2[j].head > 0 ? (int32_t)idx[w2[j].head - 1] + 1 : w2[j].head;
        o->deprel = w2[j].deprel;
    }
    unsigned obl = deprel_id(e->parser, "obl"), cas = deprel_id(e->parser, "case");
    unsigned appos = deprel_id(e->parser, "appos"), flat = deprel_id(e->parser, "flat"),
             punct = deprel_id(e->parser, "punct");
    for (size_t i = 0; i < n; i++) {
        if (!drop[i]) continue;
        if (drop[i] == 2) {                     /* a hidden place after its city */
            if (w[i].len == 1 && w[i].form[0] == ',') {
                w[i].head = (int32_t)i + 2;     /* the comma: the country's */
                w[i].deprel = (uint16_t)punct;
            } else if (drop[i - 1] == 2 && !(w[i - 1].len == 1 && w[i - 1].form[0] == ',')) {
                w[i].head = (int32_t)i;         /* a later word of the name */
                w[i].deprel = (uint16_t)flat;
            } else {
                size_t h = i;                   /* the city: last word before */
                while (h > 0 && drop[h - 1]) h--;
                w[i].head = h > 0 ? (int32_t)h : 0;
                w[i].deprel = (uint16_t)appos;
            }
            continue;
        }
        if (word_is(&w[i], DAY)) {
            size_t v = i + 1;                   /* the verb after the day */
            w[i].head = (int32_t)v + 1;
            w[i].deprel = (uint16_t)obl;
        } else {                                /* "on": the day's case */
            w[i].head = (int32_t)i + 2;
            w[i].deprel = (uint16_t)cas;
        }
    }
    return 0;
}

/* Lemmatize and parse words[0..n) (tagged), after replacing the tags force
** names: per word an XPOS name or NULL (its UPOS from the first letters:
** NNP* PROPN, VB* VERB, NN* NOUN). */
static void finish(dyad_session *s, syn_word *w, size_t n, dyad_syntax *out,
                   const char *const *force) {
    const dyad_engine *e = s->e;
    for (size_t i = 0; force && i < n; i++) {
        int x = force[i] ? syn_xpos_id(e->tagger, force[i]) : -1;
        if (x < 0) continue;
        w[i].xpos = (uint16_t)x;
        w[i].upos = !strncmp(force[i], "NNP", 3) ? UPOS_PROPN
                  : !strncmp(force[i], "VB", 2)  ? UPOS_VERB
                  : !strncmp(force[i], "NN", 2)  ? UPOS_NOUN : w[i].upos;
    }
    if (!(e->opt.skip & DYAD_SKIP_LEMMA)) syn_lemmatize(e->lemma, e->tagger, w, n, &s->scr);
    if (!(e->opt.skip & DYAD_SKIP_PARSE) && parse_without_days(s, w, n, force) != 0)
        syn_parse(e->parser, w, n, &s->scr);
    publish(e, w, n, out);
}

/* Run the models over words[0..n) and write the public view into out. */
static void analyse(dyad_session *s, syn_word *w, size_t n, dyad_syntax *out) {
    syn_tag(s->e->tagger, w, n, &s->scr);
    finish(s, w, n, out, NULL);
}

int syn_session_prepare(dyad_session *s) {
    if (!s->e->tagger) return 0;
    size_t total = s->doc.tokens.n;
    s->synt.n = 0;
    if (dvec_reserve(&s->synt, sizeof(dyad_syntax), total) < 0) return -1;
    s->synt.n = total;
    dyad_syntax *out = s->synt.p;
    for (size_t i = 0; i < total; i++) {
        out[i].upos = out[i].xpos = out[i].lemma = out[i].deprel = "_";
        out[i].head = -1;
    }
    return 0;
}

/* The words of sentence i in s->words; its syntax slots.  NULL when there
** are no models (or out of memory: *oom set). */
static dyad_syntax *sentence_words(dyad_session *s, const dyad_story *st, size_t i, int *oom) {
    *oom = 0;
    if (!s->e->tagger || s->synt.n < s->doc.tokens.n) return NULL;
    const dyad_token *base = s->doc.tokens.p;
    const dyad_sentence *se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
    s->words.n = 0;
    if (dvec_reserve(&s->words, sizeof(syn_word), se->ntokens) < 0) {
        *oom = 1;
        return NULL;
    }
    s->words.n = se->ntokens;
    syn_word *w = s->words.p;
    for (uint32_t k = 0; k < se->ntokens; k++) {
        size_t len;
        w[k].form = dyad_token_text(st, &se->tokens[k], &len);
        w[k].len = (uint32_t)len;
        w[k].upos = 0;
        w[k].xpos = 0;
        w[k].lemma = NULL;
        w[k].head = -1;
        w[k].deprel = 0;
    }
    return (dyad_syntax *)s->synt.p + (se->tokens - base);
}

int syn_sentence_run(dyad_session *s, const dyad_story *st, size_t i) {
    int oom;
    dyad_syntax *out = sentence_words(s, st, i, &oom);
    if (out) analyse(s, s->words.p, s->words.n, out);
    return oom || s->scr.arena.oom ? -1 : 0;
}

int syn_sentence_tag(dyad_session *s, const dyad_story *st, size_t i) {
    int oom;
    dyad_syntax *out = sentence_words(s, st, i, &oom);
    if (out) {
        syn_tag(s->e->tagger, s->words.p, s->words.n, &s->scr);
        publish(s->e, s->words.p, s->words.n, out);
    }
    return oom || s->scr.arena.oom ? -1 : 0;
}

int syn_sentence_finish(dyad_session *s, size_t i, const char *const *force) {
    if (!s->e->tagger || s->synt.n < s->doc.tokens.n) return 0;
    const dyad_sentence *se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
    if (s->words.n != se->ntokens) return 0;        /* not the sentence just tagged */
    dyad_syntax *out = (dyad_syntax *)s->synt.p + (se->tokens - (const dyad_token *)s->doc.tokens.p);
    finish(s, s->words.p, s->words.n, out, force);
    return s->scr.arena.oom ? -1 : 0;
}

int syn_session_run(dyad_session *s, const dyad_story *st) {
    if (syn_session_prepare(s) < 0) return -1;
    for (size_t i = 0; i < s->doc.sents.n; i++)
        if (syn_sentence_run(s, st, i) < 0) return -1;
    return 0;
}

const dyad_syntax *dyad_session_syntax(const dyad_session *s, size_t i) {
    if (!s->e->tagger || i >= s->doc.sents.n || s->synt.n < s->doc.tokens.n) return NULL;
    const dyad_sentence *se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
    return (const dyad_syntax *)s->synt.p + (se->tokens - (const dyad_token *)s->doc.tokens.p);
}

const dyad_syntax *dyad_session_parse_words(dyad_session *s, const char *const *forms,
                                            size_t n) {
    if (!s->e->tagger) return NULL;
    arena_reset(&s->scr.arena);
    s->words.n = 0;
    s->synt.n = 0;
    if (dvec_reserve(&s->words, sizeof(syn_word), n) < 0 ||
        dvec_reserve(&s->synt, sizeof(dyad_syntax), n) < 0)
        return NULL;
    syn_word *w = s->words.p;
    for (size_t k = 0; k < n; k++) {
        memset(&w[k], 0, sizeof w[k]);
        w[k].form = forms[k];
        w[k].len = (uint32_t)strlen(forms[k]);
        w[k].head = -1;
    }
    analyse(s, w, n, s->synt.p);
    return s->scr.arena.oom ? NULL : s->synt.p;
}

dyad_status dyad_train(const char *what, const char *train, const char *dev,
                       const char *tagger_model, int iterations, uint64_t seed,
                       const char *out, FILE *log, char **errmsg) {
    char err[512] = "";
    syn_treebank tb, db;
    memset(&db, 0, sizeof db);
    int is_tagger = !strcmp(what, "tagger"), is_parser = !strcmp(what, "parser"),
        is_lemma = !strcmp(what, "lemmatizer");
    if (!is_tagger && !is_parser && !is_lemma) {
        if (errmsg) *errmsg = dyad_strdupf("unknown model \"%s\" (tagger, lemmatizer, parser)", what);
        return DYAD_USAGE;
    }
    if (syn_treebank_read(&tb, train, log, err, sizeof err) < 0) goto fail_io;
    if (dev && syn_treebank_read(&db, dev, log, err, sizeof err) < 0) {
        syn_treebank_free(&tb);
        goto fail_io;
    }
    int rc;
    if (iterations <= 0) iterations = is_tagger ? 12 : 15;   /* the shipped models' settings */
    if (is_tagger) {
        rc = syn_tagger_train(&tb, dev ? &db : NULL, iterations, seed, out, log, err, sizeof err);
    } else if (is_lemma) {
        rc = syn_lemmatizer_train(&tb, out, log, err, sizeof err);
    } else {
        syn_tagger *t = NULL;
        if (tagger_model && !(t = syn_tagger_load(tagger_model, err, sizeof err))) {
            rc = -1;
        } else {
            rc = syn_parser_train(&tb, dev ? &db : NULL, t, iterations, seed, out, log, err,
                                  sizeof err);
        }
        syn_tagger_free(t);
    }
    syn_treebank_free(&tb);
    syn_treebank_free(&db);
    if (rc < 0) {
        if (errmsg) *errmsg = dyad_strdupf("%s", err[0] ? err : "training failed");
        return DYAD_ERROR;
    }
    return DYAD_OK;
fail_io:
    if (errmsg) *errmsg = dyad_strdupf("%s", err);
    return DYAD_IO;
}
