/*
** fuzz_code.c - libFuzzer target for the coder: the input is a plain-text
** story coded with the project's test dictionaries (tests/coding/news.project,
** TABARI format) and the models in data/models (both found from the current
** directory: run it from the repository root).  It aborts when an invariant
** breaks: an event or mention span outside the text or inverted, an event
** without source or code, a sentence index out of range, a per-story line
** that is not one line of valid JSON-looking output.
**
**   make fuzz && build-fuzz/fuzz_code -max_total_time=60 tests/fuzz/code-seeds
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

#define check(ok) check_at((ok), #ok, __LINE__)
static void check_at(int ok, const char *what, int line) {
    if (ok) return;
    fprintf(stderr, "fuzz_code.c:%d: invariant broken: %s\n", line, what);
    abort();
}

static dyad_engine *engine;
static dyad_session *session;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!engine) {
        dyad_engine_options eo;
        memset(&eo, 0, sizeof eo);
        eo.dict_config = "tests/coding/news.project";
        eo.data_dir = "data";
        eo.syntax = 1;
        char *err = NULL;
        if (dyad_engine_open(&eo, &engine, &err) != DYAD_OK) {
            fprintf(stderr, "fuzz_code: %s (run from the repository root)\n", err ? err : "?");
            abort();
        }
        session = dyad_session_new(engine);
        check(session != NULL);
        dyad_session_trace(session, 1);     /* the explanation code runs too */
    }
    dyad_read_options opt;
    memset(&opt, 0, sizeof opt);
    opt.format = DYAD_FMT_ARTICLE;
    opt.max_story = 1 << 16;
    dyad_reader *r;
    if (dyad_reader_open_memory(data, size, "f.txt", &opt, &r, NULL) != DYAD_OK) return 0;
    const dyad_story *st;
    while (dyad_reader_next(r, &st) == DYAD_OK) {
        if (dyad_session_run(session, st) != DYAD_OK) continue;
        size_t ns = dyad_session_sentence_count(session);
        for (size_t i = 0; i < dyad_session_event_count(session); i++) {
            const dyad_event *e = dyad_session_event(session, i);
            check(e->source && e->code && e->code[0]);
            check(e->sentence < ns);
            check(e->source_start <= e->source_end && e->source_end <= st->text_len);
            check(e->verb_start < e->verb_end && e->verb_end <= st->text_len);
            check(e->target ? e->target_start <= e->target_end && e->target_end <= st->text_len
                            : e->target_start == 0 && e->target_end == 0);
        }
        for (size_t i = 0; i < dyad_session_mention_count(session); i++) {
            const dyad_mention *m = dyad_session_mention(session, i);
            check(m->start < m->end && m->end <= st->text_len && m->sentence < ns);
        }
        size_t n;
        const char *out = dyad_session_format(session, st, DYAD_OUT_STORY, &n);
        check(out != NULL && n > 0 && out[n - 1] == '\n' && memchr(out, '\n', n) == out + n - 1);
        (void)dyad_session_explain(session, &n);
    }
    dyad_reader_close(r);
    return 0;
}
