/*
** test_fuzz_regress.c - replays the fuzz target (tests/fuzz/fuzz_story.c,
** compiled in here) over its seed corpus and over every input that once
** broke an invariant (tests/fuzz/regress/), so those stay fixed without
** clang.  A broken invariant aborts the unit-test binary, which the test
** runner counts as a failure.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "../fuzz/fuzz_story.c"
#include "unit.h"

static int replay_dir(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        unsigned char *buf = malloc(1 << 20);
        size_t len = buf ? fread(buf, 1, 1 << 20, f) : 0;
        fclose(f);
        if (buf) CHECK_INT(LLVMFuzzerTestOneInput(buf, len), 0);
        free(buf);
        n++;
    }
    closedir(d);
    return n;
}

UNIT_SUITE(fuzz_regress) {
    CHECK(replay_dir("tests/fuzz/story-seeds") >= 4);
    CHECK(replay_dir("tests/fuzz/regress") >= 1);
    if (session) {
        dyad_session_free(session);
        dyad_engine_close(engine);
        session = NULL;
        engine = NULL;
    }
}
