/*
** main.c - runs the registered unit-test suites; see unit.h.
** Usage: unit [SUITE...]
*/
#include "unit.h"

#include <stdlib.h>

#define MAX_SUITES 128

static struct { const char *name; void (*fn)(void); } suites[MAX_SUITES];
static int nsuites;
static int passed, failed;
static const char *current;

void unit_register(const char *name, void (*fn)(void)) {
    if (nsuites < MAX_SUITES) {
        suites[nsuites].name = name;
        suites[nsuites].fn = fn;
        nsuites++;
    }
}

void unit_check(int ok, const char *expr, const char *file, int line) {
    if (ok) { passed++; return; }
    failed++;
    printf("FAIL %s: %s:%d: %s\n", current, file, line, expr);
}

void unit_check_str(const char *got, const char *want, const char *expr,
                    const char *file, int line) {
    int ok = (got == NULL && want == NULL) ||
             (got && want && strcmp(got, want) == 0);
    if (ok) { passed++; return; }
    failed++;
    printf("FAIL %s: %s:%d: %s is \"%s\", expected \"%s\"\n", current, file,
           line, expr, got ? got : "(null)", want ? want : "(null)");
}

void unit_check_int(long long got, long long want, const char *expr,
                    const char *file, int line) {
    if (got == want) { passed++; return; }
    failed++;
    printf("FAIL %s: %s:%d: %s is %lld, expected %lld\n", current, file, line,
           expr, got, want);
}

int main(int argc, char **argv) {
    for (int i = 0; i < nsuites; i++) {
        int run = argc < 2;
        for (int j = 1; j < argc; j++)
            if (strcmp(argv[j], suites[i].name) == 0) run = 1;
        if (!run) continue;
        current = suites[i].name;
        int f0 = failed;
        suites[i].fn();
        printf("%-12s %s\n", suites[i].name, failed == f0 ? "ok" : "FAILED");
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

dyad_reader *unit_story(dyad_session *s, const char *json, const dyad_story **st) {
    dyad_reader *r = NULL;
    if (dyad_reader_open_memory(json, strlen(json), "t.jsonl", NULL, &r, NULL) != DYAD_OK) return NULL;
    if (dyad_reader_next(r, st) != DYAD_OK || (*st)->status != DYAD_OK ||
        dyad_session_run(s, *st) != DYAD_OK) {
        dyad_reader_close(r);
        *st = NULL;
        return NULL;
    }
    return r;
}
