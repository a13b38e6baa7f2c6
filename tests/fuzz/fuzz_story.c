/*
** fuzz_story.c - libFuzzer target for every reader of outside input and the
** text layer: the first byte picks the input format, the rest is the input.
** Every story is run through a session and formatted; the target aborts when
** an invariant breaks (offsets outside the text, tokens out of order or
** outside their sentence, output that is not valid UTF-8 or not one line per
** story).
**
**   make fuzz && build-fuzz/fuzz_story -max_total_time=60 tests/fuzz/story-seeds
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

#include <stdio.h>

#define check(ok) check_at((ok), #ok, __LINE__)
static void check_at(int ok, const char *what, int line) {
    if (ok) return;
    fprintf(stderr, "fuzz_story.c:%d: invariant broken: %s\n", line, what);
    abort();
}

static int valid_utf8(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                  : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        if (!len || i + len > n) return 0;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80) return 0;
        i += len;
    }
    return 1;
}

static dyad_engine *engine;
static dyad_session *session;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const names[] = {"f.txt", "f.jsonl", "f.text", "f.xml", "f"};
    static const dyad_format fmts[] = {DYAD_FMT_ARTICLE, DYAD_FMT_JSONL, DYAD_FMT_TABARI,
                                       DYAD_FMT_PETRARCH, DYAD_FMT_AUTO};
    if (size < 1) return 0;
    if (!engine) {
        check(dyad_engine_open(NULL, &engine, NULL) == DYAD_OK);
        session = dyad_session_new(engine);
        check(session != NULL);
    }
    unsigned pick = data[0] % 5;
    dyad_read_options opt;
    memset(&opt, 0, sizeof opt);
    opt.format = fmts[pick];
    opt.max_story = 1 << 16;
    dyad_reader *r;
    if (dyad_reader_open_memory(data + 1, size - 1, names[pick], &opt, &r, NULL) != DYAD_OK)
        return 0;
    const dyad_story *st;
    while (dyad_reader_next(r, &st) == DYAD_OK) {
        check(st->id != NULL && st->text != NULL);
        for (size_t i = 0; i < st->nsegments; i++)
            check(st->segments[i].start <= st->segments[i].end &&
                  st->segments[i].end <= st->text_len);
        check(dyad_session_run(session, st) == DYAD_OK);
        size_t ns = dyad_session_sentence_count(session);
        uint32_t last = 0;
        for (size_t i = 0; i < ns; i++) {
            const dyad_sentence *se = dyad_session_sentence(session, i);
            check(se->ntokens > 0 && se->ntokens <= 250);
            check(se->start >= last && se->start < se->end && se->end <= st->text_len);
            last = se->end;
            uint32_t prev = se->start;
            for (uint32_t k = 0; k < se->ntokens; k++) {
                const dyad_token *t = &se->tokens[k];
                check(t->len > 0 && t->start >= prev && t->start + t->len <= se->end);
                prev = t->start + t->len;
                size_t n;
                const char *z = dyad_token_text(st, t, &n);
                check(n > 0 && z != NULL);
            }
        }
        size_t n;
        const char *out = dyad_session_format(session, st, DYAD_OUT_STORY, &n);
        check(out && n > 0 && out[n - 1] == '\n' && memchr(out, '\n', n) == out + n - 1);
        check(valid_utf8((const unsigned char *)out, n));
        out = dyad_session_format(session, st, DYAD_OUT_SENTENCES, &n);
        check(out && valid_utf8((const unsigned char *)out, n));
    }
    dyad_reader_close(r);
    return 0;
}
