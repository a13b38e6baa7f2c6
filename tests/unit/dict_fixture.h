/*
** dict_fixture.h - helpers shared by the dictionary unit tests: the dump of
** a builder, whole-line search in it, and counting its lines by prefix.
*/
#ifndef DYAD_DICT_FIXTURE_H
#define DYAD_DICT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/dict/dict.h"

/* The dump of b as a malloc'd string (free it). */
static inline char *fx_dump(const dict_builder *b) {
    dyad_buf out = {0};
    dbuf_reserve(&out, 16);
    dict_dump(b, &out);
    return out.p;
}

/* Does the dump of b hold line as a whole line?  Prints the dump when not. */
static inline int fx_has_line(const dict_builder *b, const char *line) {
    char *d = fx_dump(b);
    size_t n = strlen(line);
    int found = 0;
    for (const char *p = d; p && *p && !found;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        found = len == n && memcmp(p, line, n) == 0;
        p = e ? e + 1 : p + len;
    }
    if (!found) printf("  dump has no line \"%s\"; it is:\n%s", line, d ? d : "");
    free(d);
    return found;
}

/* Lines of the dump of b that start with prefix ("actor ", "pattern "). */
static inline size_t fx_count_lines(const dict_builder *b, const char *prefix) {
    char *d = fx_dump(b);
    size_t k = 0, n = strlen(prefix);
    for (const char *p = d; p && *p;) {
        if (strncmp(p, prefix, n) == 0) k++;
        const char *e = strchr(p, '\n');
        if (!e) break;
        p = e + 1;
    }
    free(d);
    return k;
}

#endif
