/*
** fuzz_dict.c - libFuzzer target for the dictionary readers: the first byte
** picks the reader (actors, agents, verbs, discards, issues, options), the
** rest is the file's text.  Each input is read into a fresh builder and
** dumped; the target aborts when a reader breaks the builder's invariants
** (an entry without words, a message without the file name).
**
**   make fuzz && build-fuzz/fuzz_dict -max_total_time=60 tests/fuzz/dict-corpus
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/dict/dict.h"

typedef int (*reader_fn)(dict_builder *, const char *, const char *, size_t);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const reader_fn readers[] = {dict_read_tabari_actors, dict_read_agents,
                                        dict_read_verbs,         dict_read_discards,
                                        dict_read_issues,        dict_read_options};
    if (size < 1) return 0;
    reader_fn rd = readers[data[0] % 6];
    /* Readers get NUL-terminated text, as dict_read_file gives them. */
    char *text = malloc(size);
    if (!text) return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = 0;
    dict_builder *b = dict_builder_new();
    if (!b) { free(text); return 0; }
    rd(b, "fuzz.dict", text, size - 1);
    dyad_buf out = {0};
    dict_dump(b, &out);
    /* No entry is dumped without a phrase: a line "actor N " then a word. */
    for (const char *p = out.p; p && *p;) {
        const char *nl = strchr(p, '\n');
        if (strncmp(p, "actor ", 6) == 0) {
            const char *sp = strchr(p + 6, ' ');
            if (!sp || (nl && sp > nl) || sp[1] == ' ' || sp[1] == '\n') {
                fprintf(stderr, "fuzz_dict: actor without a phrase: %.80s\n", p);
                abort();
            }
        }
        p = nl ? nl + 1 : NULL;
    }
    for (size_t i = 0; i < dict_message_count(b); i++) {
        const char *m = dict_message(b, i, NULL);
        if (!m || strncmp(m, "fuzz.dict", 9) != 0) {
            fprintf(stderr, "fuzz_dict: message without the file name: %s\n", m ? m : "(null)");
            abort();
        }
    }
    dbuf_free(&out);
    dict_builder_free(b);
    free(text);
    return 0;
}
