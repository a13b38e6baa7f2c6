/*
** test_time.c - unit tests of the time stage (src/time): its word table and
** the dyad_timex API (token ranges, types, the dates expressions name with
** their precision), on stories read from memory.
*/
#include <stdlib.h>

#include "../../src/time/timex.h"
#include "unit.h"

UNIT_SUITE(timex) {
    CHECK(tmx_table_sorted());
    CHECK_STR(dyad_timex_type_name(DYAD_TIMEX_DATE), "DATE");
    CHECK_STR(dyad_timex_type_name(DYAD_TIMEX_SET), "SET");
    CHECK_STR(dyad_timex_type_name((dyad_timex_type)9), "unknown");
    dyad_engine_options eo;
    memset(&eo, 0, sizeof eo);
    eo.no_builtin_dict = 1;
    eo.syntax = -1;
    dyad_engine *e = NULL;
    CHECK_INT(dyad_engine_open(&eo, &e, NULL), DYAD_OK);
    dyad_session *s = dyad_session_new(e);
    const dyad_story *st = NULL;
    dyad_reader *r = unit_story(s,
                           "{\"id\":\"a\",\"date\":\"2014-10-15\",\"text\":\"Putin spoke. He on Sunday "
                           "ordered troops back, last month signed a deal and for three years "
                           "has met Kerry every week.\"}",
                           &st);
    CHECK(r != NULL);
    CHECK_INT(dyad_session_timex_count(s), 4);
    const dyad_timex *x = dyad_session_timex(s, 0);
    CHECK_INT(x->sentence, 1);
    CHECK_INT(x->tok_start, 2);                 /* He on [Sunday] */
    CHECK_INT(x->tok_end, 3);
    CHECK_INT(x->type, DYAD_TIMEX_DATE);
    CHECK_STR(x->value, "2014-10-12");
    CHECK_INT(x->date.year, 2014);
    CHECK_INT(x->date.day, 12);
    x = dyad_session_timex(s, 1);
    CHECK_STR(x->value, "2014-09");
    CHECK_INT(x->date.month, 9);
    CHECK_INT(x->date.day, 0);                  /* a month: day unknown */
    x = dyad_session_timex(s, 2);
    CHECK_INT(x->type, DYAD_TIMEX_DURATION);
    CHECK_STR(x->value, "P3Y");
    CHECK_INT(x->date.year, 0);
    x = dyad_session_timex(s, 3);
    CHECK_INT(x->type, DYAD_TIMEX_SET);
    CHECK_STR(x->value, "P1W");
    CHECK(dyad_session_timex(s, 4) == NULL);
    dyad_reader_close(r);

    /* no story date: nothing relative, nothing invented */
    r = unit_story(s, "{\"id\":\"b\",\"text\":\"They met on Tuesday, last month and yesterday.\"}", &st);
    CHECK(r != NULL);
    CHECK_INT(dyad_session_timex_count(s), 0);
    dyad_reader_close(r);

    /* a sentence longer than the scanner's stack buffer (256 tokens) */
    char *big = malloc(4096);
    CHECK(big != NULL);
    if (big) {
        strcpy(big, "{\"id\":\"c\",\"date\":\"2014-10-15\",\"text\":\"");
        for (int i = 0; i < 300; i++) strcat(big, "a ");
        strcat(big, "in 1988\"}");
        r = unit_story(s, big, &st);
        CHECK(r != NULL);
        CHECK_INT(dyad_session_timex_count(s), 1);
        if (dyad_session_timex_count(s)) CHECK_STR(dyad_session_timex(s, 0)->value, "1988");
        dyad_reader_close(r);
        free(big);
    }
    dyad_session_free(s);
    dyad_engine_close(e);
}
