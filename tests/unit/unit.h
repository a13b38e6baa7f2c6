/*
** unit.h - a tiny unit-test harness (in the spirit of Redis testhelp.h).
**
**   UNIT_SUITE(textdate) { CHECK(x == 1); CHECK_STR(a, "b"); }
**
** Each suite registers itself at start-up; tests/unit/main.c runs them all
** (or those named on the command line) and prints "N passed, N failed",
** counting every CHECK.
*/
#ifndef DYAD_UNIT_H
#define DYAD_UNIT_H

#include <stdio.h>
#include <string.h>

#include "dyad.h"

void unit_register(const char *name, void (*fn)(void));
void unit_check(int ok, const char *expr, const char *file, int line);
void unit_check_str(const char *got, const char *want, const char *expr,
                    const char *file, int line);
void unit_check_int(long long got, long long want, const char *expr,
                    const char *file, int line);

/* Run the one-line JSONL story json through session s: returns its reader
** (the caller closes it; the story's text backs the session's offsets) and
** sets *st, or returns NULL when it cannot be read, is an error story or
** cannot be run. */
dyad_reader *unit_story(dyad_session *s, const char *json, const dyad_story **st);

#define UNIT_SUITE(name)                                                     \
    static void unit_suite_##name(void);                                     \
    __attribute__((constructor)) static void unit_reg_##name(void) {         \
        unit_register(#name, unit_suite_##name);                             \
    }                                                                        \
    static void unit_suite_##name(void)

#define CHECK(e) unit_check(!!(e), #e, __FILE__, __LINE__)
#define CHECK_STR(got, want) unit_check_str((got), (want), #got, __FILE__, __LINE__)
#define CHECK_INT(got, want) unit_check_int((long long)(got), (long long)(want), #got, __FILE__, __LINE__)

#endif
