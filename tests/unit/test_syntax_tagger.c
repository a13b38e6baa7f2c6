/*
** test_syntax_tagger.c - unit tests for the part-of-speech tagger
** (src/syntax/tagger.c) and the lemmatizer (src/syntax/lemma.c).
**
** The tagger and lemmatizer are trained on a tiny hand-written CoNLL-U
** treebank written to /tmp (mkstemp); the tests check that the tagger
** reproduces its training tags, that training is deterministic, and that
** damaged model files are refused with a message.  The lemmatizer cases use
** the committed data/models/lemma.bin (and tagger.bin for the XPOS names);
** the accuracy regression test tags the first 500 sentences of
** ../shared/data/ud/en_ewt-ud-dev.conllu with data/models/tagger.bin.
** Paths are relative to the repository root, where the tests run; a test
** whose files are absent prints "skip" and checks nothing.
*/
#include "unit.h"

#include <stdlib.h>
#include <unistd.h>

#include "../../src/syntax/syntax.h"

/* Measured UPOS accuracy of data/models/tagger.bin on the first 500
** sentences of the EWT dev set (see data/models/README.md), in percent. */
#define TAGGER_DEV500_UPOS 95.93

/* Ten small sentences, EWT style: form, lemma, UPOS, XPOS. */
static const char *const tiny_conllu[] = {
    "# sent_id = 1",
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_",
    "2\tgovernment\tgovernment\tNOUN\tNN\t_\t3\tnsubj\t_\t_",
    "3\timposed\timpose\tVERB\tVBD\t_\t0\troot\t_\t_",
    "4\tnew\tnew\tADJ\tJJ\t_\t5\tamod\t_\t_",
    "5\tsanctions\tsanction\tNOUN\tNNS\t_\t3\tobj\t_\t_",
    "6\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_",
    "7\tRussia\tRussia\tPROPN\tNNP\t_\t3\tobl\t_\t_",
    "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
    "",
    "# sent_id = 2",
    "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
    "2\twithdrew\twithdraw\tVERB\tVBD\t_\t0\troot\t_\t_",
    "3\tits\tits\tPRON\tPRP$\t_\t4\tnmod:poss\t_\t_",
    "4\ttroops\ttroop\tNOUN\tNNS\t_\t2\tobj\t_\t_",
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
    "",
    "# sent_id = 3",
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_",
    "2\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_",
    "3\tfailed\tfail\tVERB\tVBD\t_\t0\troot\t_\t_",
    "4\tyesterday\tyesterday\tNOUN\tNN\t_\t3\tobl:tmod\t_\t_",
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
    "",
    "# sent_id = 4",
    "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_",
    "2\ttalks\ttalk\tVERB\tVBZ\t_\t0\troot\t_\t_",
    "3\tto\tto\tADP\tIN\t_\t4\tcase\t_\t_",
    "4\tleaders\tleader\tNOUN\tNNS\t_\t2\tobl\t_\t_",
    "5\tevery\tevery\tDET\tDT\t_\t6\tdet\t_\t_",
    "6\tday\tday\tNOUN\tNN\t_\t2\tobl:tmod\t_\t_",
    "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
    "",
    "# sent_id = 5",
    "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_",
    "2\tare\tbe\tAUX\tVBP\t_\t3\taux\t_\t_",
    "3\tsigning\tsign\tVERB\tVBG\t_\t0\troot\t_\t_",
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_",
    "5\tagreement\tagreement\tNOUN\tNN\t_\t3\tobj\t_\t_",
    "6\ttoday\ttoday\tNOUN\tNN\t_\t3\tobl:tmod\t_\t_",
    "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
    "",
    "# sent_id = 6",
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_",
    "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_",
    "3\twas\tbe\tAUX\tVBD\t_\t4\tcop\t_\t_",
    "4\tangry\tangry\tADJ\tJJ\t_\t0\troot\t_\t_",
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
    "",
    "# sent_id = 7",
    "1\tMany\tmany\tADJ\tJJ\t_\t2\tamod\t_\t_",
    "2\tcountries\tcountry\tNOUN\tNNS\t_\t3\tnsubj\t_\t_",
    "3\tsought\tseek\tVERB\tVBD\t_\t0\troot\t_\t_",
    "4\tpeace\tpeace\tNOUN\tNN\t_\t3\tobj\t_\t_",
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
    "",
    "# sent_id = 8",
    "1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_",
    "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_",
    "3\t12\t12\tNUM\tCD\t_\t4\tnummod\t_\t_",
    "4\tprotesters\tprotester\tNOUN\tNNS\t_\t2\tobj\t_\t_",
    "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_",
    "6\tKiev\tKiev\tPROPN\tNNP\t_\t2\tobl\t_\t_",
    "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
    "",
    "# sent_id = 9",
    "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_",
    "2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_",
    "3\tvisit\tvisit\tVERB\tVB\t_\t0\troot\t_\t_",
    "4\tChina\tChina\tPROPN\tNNP\t_\t3\tobj\t_\t_",
    "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_",
    "6\tJapan\tJapan\tPROPN\tNNP\t_\t4\tconj\t_\t_",
    "7\tsoon\tsoon\tADV\tRB\t_\t3\tadvmod\t_\t_",
    "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
    "",
    "# sent_id = 10",
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_",
    "2\tvisit\tvisit\tNOUN\tNN\t_\t4\tnsubj\t_\t_",
    "3\twas\tbe\tAUX\tVBD\t_\t4\tcop\t_\t_",
    "4\tshort\tshort\tADJ\tJJ\t_\t0\troot\t_\t_",
    "5\tbut\tbut\tCCONJ\tCC\t_\t6\tcc\t_\t_",
    "6\tuseful\tuseful\tADJ\tJJ\t_\t4\tconj\t_\t_",
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
    "",
    NULL};

/* ------------------------------------------------------------- helpers */

/* A new empty temporary file's path in path[32]; 0 or -1. */
static int temp_path(char path[32]) {
    snprintf(path, 32, "/tmp/dyad-unit-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return -1;
    close(fd);
    return 0;
}

static int write_file(const char *path, const void *p, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t w = fwrite(p, 1, n, f);
    return fclose(f) == 0 && w == n ? 0 : -1;
}

/* Whole file into *n bytes (malloc'd), or NULL. */
static unsigned char *read_file(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, k;
    unsigned char *p = malloc(cap);
    while (p && (k = fread(p + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap) {
            unsigned char *q = realloc(p, cap *= 2);
            if (!q) { free(p); p = NULL; }
            else p = q;
        }
    }
    fclose(f);
    *n = len;
    return p;
}

static int file_exists(const char *path) { return access(path, R_OK) == 0; }

/* The tiny treebank, read from a temporary file. */
static int tiny_treebank(syn_treebank *tb) {
    char path[32];
    if (temp_path(path) < 0) return -1;
    dyad_buf b = {0};
    for (int i = 0; tiny_conllu[i]; i++) {
        dbuf_puts(&b, tiny_conllu[i]);
        dbuf_putc(&b, '\n');
    }
    int rc = write_file(path, b.p, b.n);
    dbuf_free(&b);
    char err[256] = "";
    if (rc == 0) rc = syn_treebank_read(tb, path, stderr, err, sizeof err);
    unlink(path);
    CHECK(rc == 0);
    return rc;
}

/* Words of sentence cs for tagging. */
static syn_word *words_of(const syn_csent *cs) {
    syn_word *w = calloc(cs->nwords ? cs->nwords : 1, sizeof *w);
    for (size_t j = 0; w && j < cs->nwords; j++) {
        w[j].form = cs->words[j].form;
        w[j].len = (uint32_t)strlen(cs->words[j].form);
        w[j].head = -1;
    }
    return w;
}

/* XPOS id of name in t's table, 0 when absent. */
static uint16_t xpos_id(const syn_tagger *t, const char *name) {
    for (unsigned x = 1; x < 1024; x++) {
        const char *s = syn_xpos_name(t, x);
        if (strcmp(s, "_") == 0) break;
        if (strcmp(s, name) == 0) return (uint16_t)x;
    }
    return 0;
}

/* ------------------------------------------------------------- tagger */

UNIT_SUITE(tagger) {
    syn_treebank tb;
    if (tiny_treebank(&tb) < 0) return;
    char model[32], model2[32], err[256];
    if (temp_path(model) < 0 || temp_path(model2) < 0) return;

    /* Trains without a dev set; a second run with the same seed writes the
    ** same bytes. */
    err[0] = 0;
    CHECK_INT(syn_tagger_train(&tb, NULL, 8, 7, model, NULL, err, sizeof err), 0);
    CHECK_STR(err, "");
    CHECK_INT(syn_tagger_train(&tb, NULL, 8, 7, model2, NULL, err, sizeof err), 0);
    size_t n1 = 0, n2 = 0;
    unsigned char *b1 = read_file(model, &n1), *b2 = read_file(model2, &n2);
    CHECK(b1 && b2 && n1 == n2 && n1 > 0 && memcmp(b1, b2, n1) == 0);

    /* The loaded model reproduces the training tags. */
    syn_tagger *t = syn_tagger_load(model, err, sizeof err);
    CHECK(t != NULL);
    if (t) {
        syn_scratch s = {0};
        size_t right = 0, total = 0;
        for (size_t i = 0; i < tb.nsents; i++) {
            syn_word *w = words_of(&tb.sents[i]);
            if (!w) continue;
            syn_tag(t, w, tb.sents[i].nwords, &s);
            for (size_t j = 0; j < tb.sents[i].nwords; j++) {
                const syn_cword *g = &tb.sents[i].words[j];
                right += strcmp(syn_upos_names[w[j].upos], g->upos) == 0 &&
                         strcmp(syn_xpos_name(t, w[j].xpos), g->xpos) == 0;
                total++;
            }
            free(w);
        }
        CHECK_INT(right, total);
        CHECK_STR(syn_xpos_name(t, 0), "_");
        CHECK_STR(syn_xpos_name(t, 60000), "_");
        CHECK(xpos_id(t, "VBD") != 0);

        /* An empty sentence and an unknown long word are harmless. */
        syn_tag(t, NULL, 0, &s);
        syn_word odd[2] = {{.form = "Zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-quux", .len = 36},
                           {.form = ".", .len = 1}};
        syn_tag(t, odd, 2, &s);
        CHECK(odd[0].upos > UPOS_NONE && odd[0].upos < UPOS_COUNT);
        CHECK_STR(syn_upos_names[odd[1].upos], "PUNCT");
        syn_scratch_free(&s);
        syn_tagger_free(t);
    }

    /* Damaged files are refused with a message naming the file. */
    if (b1 && n1 > 64) {
        CHECK(write_file(model2, b1, n1 / 2) == 0);
        err[0] = 0;
        CHECK(syn_tagger_load(model2, err, sizeof err) == NULL);
        CHECK(strstr(err, model2) != NULL);
        b1[n1 - 10] ^= 0x55;
        CHECK(write_file(model2, b1, n1) == 0);
        err[0] = 0;
        CHECK(syn_tagger_load(model2, err, sizeof err) == NULL);
        CHECK(strstr(err, "damaged") != NULL);
        b1[n1 - 10] ^= 0x55;
        b1[0] = 'X';
        CHECK(write_file(model2, b1, n1) == 0);
        CHECK(syn_tagger_load(model2, err, sizeof err) == NULL);
        CHECK(strstr(err, "magic") != NULL);
        CHECK(write_file(model2, "", 0) == 0);
        CHECK(syn_tagger_load(model2, err, sizeof err) == NULL);
    }
    unlink(model2);
    err[0] = 0;
    CHECK(syn_tagger_load(model2, err, sizeof err) == NULL);
    CHECK(strstr(err, "cannot open") != NULL);
    free(b1);
    free(b2);
    unlink(model);
    syn_treebank_free(&tb);
}

/* ------------------------------------------------------------- lemmatizer */

/* Lemma of form with XPOS xpos (and UPOS upos) under l and t. */
static const char *lemma_of(const syn_lemmatizer *l, const syn_tagger *t, const char *form,
                            const char *xpos, int upos, syn_scratch *s) {
    syn_word w = {.form = form, .len = (uint32_t)strlen(form), .upos = (uint8_t)upos};
    w.xpos = t ? xpos_id(t, xpos) : 0;
    syn_lemmatize(l, t, &w, 1, s);
    return w.lemma ? w.lemma : "(null)";
}

UNIT_SUITE(lemma) {
    char err[256];
    syn_scratch s = {0};

    /* Trained on the tiny treebank: its own words come back. */
    syn_treebank tb;
    char model[32];
    if (tiny_treebank(&tb) == 0 && temp_path(model) == 0) {
        CHECK_INT(syn_lemmatizer_train(&tb, model, NULL, err, sizeof err), 0);
        syn_lemmatizer *l = syn_lemmatizer_load(model, err, sizeof err);
        CHECK(l != NULL);
        if (l) {
            CHECK_STR(lemma_of(l, NULL, "withdrew", "", UPOS_VERB, &s), "withdraw");
            CHECK_STR(lemma_of(l, NULL, "countries", "", UPOS_NOUN, &s), "country");
            CHECK_STR(lemma_of(l, NULL, "Russia", "", UPOS_PROPN, &s), "Russia");
            CHECK_STR(lemma_of(l, NULL, "THE", "", UPOS_DET, &s), "the");
            syn_lemmatizer_free(l);
        }
        size_t n = 0;
        unsigned char *b = read_file(model, &n);
        if (b && n > 40) {
            CHECK(write_file(model, b, n - 7) == 0);
            err[0] = 0;
            CHECK(syn_lemmatizer_load(model, err, sizeof err) == NULL);
            CHECK(strstr(err, model) != NULL);
        }
        free(b);
        unlink(model);
        syn_treebank_free(&tb);
    }
    err[0] = 0;
    CHECK(syn_lemmatizer_load("/nonexistent/lemma.bin", err, sizeof err) == NULL);
    CHECK(strstr(err, "cannot open") != NULL);

    /* The committed model on the cases the event coder needs. */
    const char *lp = "data/models/lemma.bin", *tp = "data/models/tagger.bin";
    if (!file_exists(lp) || !file_exists(tp)) {
        printf("skip: lemmatizer cases (%s or %s absent)\n", lp, tp);
        syn_scratch_free(&s);
        return;
    }
    syn_lemmatizer *l = syn_lemmatizer_load(lp, err, sizeof err);
    syn_tagger *t = syn_tagger_load(tp, err, sizeof err);
    CHECK(l != NULL);
    CHECK(t != NULL);
    if (l && t) {
        static const struct { const char *form, *xpos, *lemma; int upos; } cases[] = {
            {"imposed", "VBD", "impose", UPOS_VERB},      {"imposed", "VBN", "impose", UPOS_VERB},
            {"withdrew", "VBD", "withdraw", UPOS_VERB},   {"signing", "VBG", "sign", UPOS_VERB},
            {"talks", "NNS", "talk", UPOS_NOUN},          {"talks", "VBZ", "talk", UPOS_VERB},
            {"sought", "VBD", "seek", UPOS_VERB},         {"was", "VBD", "be", UPOS_AUX},
            {"countries", "NNS", "country", UPOS_NOUN},   {"Russia", "NNP", "Russia", UPOS_PROPN},
            {"Russia's", "NNP", "Russia", UPOS_PROPN},    {"RUSSIA", "NNP", "RUSSIA", UPOS_PROPN},
            {"Americans", "NNPS", "American", UPOS_PROPN}, {"IMPOSED", "VBD", "impose", UPOS_VERB},
            {"Sanctions", "NNS", "sanction", UPOS_NOUN},  {"The", "DT", "the", UPOS_DET},
            {"stopped", "VBD", "stop", UPOS_VERB},        {"provoked", "VBD", "provoke", UPOS_VERB},
            {"denounces", "VBZ", "denounce", UPOS_VERB},  {"1,100", "CD", "1100", UPOS_NUM},
            {"expelled", "VBN", "expel", UPOS_VERB},      {"shelling", "VBG", "shell", UPOS_VERB},
        };
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            const char *got = lemma_of(l, t, cases[i].form, cases[i].xpos, cases[i].upos, &s);
            if (strcmp(got, cases[i].lemma) != 0)
                printf("  lemma(%s/%s) = %s\n", cases[i].form, cases[i].xpos, got);
            CHECK_STR(got, cases[i].lemma);
        }
        /* Without a tagger the UPOS guides the guess. */
        CHECK_STR(lemma_of(l, NULL, "imposed", "", UPOS_VERB, &s), "impose");
        CHECK_STR(lemma_of(l, NULL, "countries", "", UPOS_NOUN, &s), "country");

        /* Tag then lemmatize a sentence. */
        syn_word w[6] = {{.form = "Police", .len = 6},   {.form = "arrested", .len = 8},
                         {.form = "protesters", .len = 10}, {.form = "in", .len = 2},
                         {.form = "Kiev", .len = 4},     {.form = ".", .len = 1}};
        syn_tag(t, w, 6, &s);
        syn_lemmatize(l, t, w, 6, &s);
        CHECK_STR(w[1].lemma, "arrest");
        CHECK_STR(w[2].lemma, "protester");
        CHECK_STR(w[4].lemma, "Kiev");
    }
    syn_lemmatizer_free(l);
    syn_tagger_free(t);
    syn_scratch_free(&s);
}

/* ------------------------------------------------------------- accuracy */

UNIT_SUITE(tagger_accuracy) {
    const char *tp = "data/models/tagger.bin", *dev = "../shared/data/ud/en_ewt-ud-dev.conllu";
    if (!file_exists(tp) || !file_exists(dev)) {
        printf("skip: tagger accuracy (%s or %s absent)\n", tp, dev);
        return;
    }
    char err[256];
    syn_tagger *t = syn_tagger_load(tp, err, sizeof err);
    CHECK(t != NULL);
    syn_treebank tb;
    if (!t || syn_treebank_read(&tb, dev, NULL, err, sizeof err) != 0) {
        CHECK(0);
        syn_tagger_free(t);
        return;
    }
    syn_scratch s = {0};
    size_t right = 0, total = 0;
    for (size_t i = 0; i < tb.nsents && i < 500; i++) {
        syn_word *w = words_of(&tb.sents[i]);
        if (!w) continue;
        syn_tag(t, w, tb.sents[i].nwords, &s);
        for (size_t j = 0; j < tb.sents[i].nwords; j++)
            right += strcmp(syn_upos_names[w[j].upos], tb.sents[i].words[j].upos) == 0;
        total += tb.sents[i].nwords;
        free(w);
    }
    double acc = total ? 100.0 * (double)right / (double)total : 0;
    printf("  UPOS accuracy on %zu dev words: %.2f%%\n", total, acc);
    CHECK(acc >= TAGGER_DEV500_UPOS - 0.5);
    syn_scratch_free(&s);
    syn_treebank_free(&tb);
    syn_tagger_free(t);
}
