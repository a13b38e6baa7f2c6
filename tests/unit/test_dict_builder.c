/*
** test_dict_builder.c - unit tests of the dictionary builder: phrase
** splitting, dates, entries and their canonical dump.
*/
#include <stdlib.h>

#include "../../src/dict/dict.h"
#include "unit.h"

static const char *dump(dict_builder *b) {
    static dyad_buf out;
    dbuf_reset(&out);
    dbuf_reserve(&out, 16);
    dict_dump(b, &out);
    return out.p;
}

UNIT_SUITE(dict_builder) {
    CHECK_INT(dict_parse_date("991201", 6), 19991201);
    CHECK_INT(dict_parse_date("130201", 6), 20130201);
    CHECK_INT(dict_parse_date("291231", 6), 20291231);
    CHECK_INT(dict_parse_date("300101", 6), 19300101);
    CHECK_INT(dict_parse_date("20140229", 8), -1);
    CHECK_INT(dict_parse_date("20120229", 8), 20120229);
    CHECK_INT(dict_parse_date("991301", 6), -1);
    CHECK_INT(dict_parse_date("9913", 4), -1);
    CHECK_INT(dict_parse_date("99120x", 6), -1);

    dict_builder *b = dict_builder_new();
    dict_phrase p;
    CHECK_INT(dict_split_phrase(b, "al_gore", 7, &p), 0);
    CHECK_INT(p.nwords, 2);
    CHECK_STR(p.words[0], "AL");
    CHECK_INT(p.exact[0], 1);
    CHECK_INT(p.exact[1], 0);
    CHECK_INT(dict_split_phrase(b, "JOHN_KERRY_", 11, &p), 0);
    CHECK(p.exact[0] && p.exact[1]);
    CHECK_INT(dict_split_phrase(b, "AL GORE", 7, &p), 0);
    CHECK(!p.exact[0] && !p.exact[1]);
    CHECK_INT(dict_split_phrase(b, " _ ", 3, &p), -1);

    dict_src src = {"t.actors", 3};
    dict_phrase names[2];
    dict_split_phrase(b, "JOHN_KERRY_", 11, &names[0]);
    dict_split_phrase(b, "SECRETARY_KERRY_", 16, &names[1]);
    dict_dated codes[2] = {{"USAGOVLEG", 19850103, 20130201}, {"USAGOV", 20130202, DICT_DATE_MAX}};
    dict_add_actor(b, src, names, 2, codes, 2);
    src.line = 7;
    dict_phrase ag;
    dict_split_phrase(b, "FOREIGN_MINISTER_", 17, &ag);
    dict_add_agent(b, src, &ag, 1, "~GOV");
    src.line = 9;
    dict_phrase v, forms[2];
    dict_split_phrase(b, "IMPOSE", 6, &v);
    dict_split_phrase(b, "IMPOSED", 7, &forms[0]);
    dict_split_phrase(b, "IMPOSES", 7, &forms[1]);
    size_t vi = dict_add_verb(b, src, &v, forms, 2, "172");
    src.line = 10;
    dict_elem el[4] = {{PE_SOURCE, 0, 0, NULL}, {PE_VERB, 0, 0, NULL}, {PE_WORD, 1, 0, "SANCTIONS"},
                       {PE_TARGET, 0, 0, NULL}};
    dict_add_pattern(b, src, vi, el, 4, "163", NULL, DP_DOMINANT, NULL);
    src.line = 11;
    dict_add_pattern(b, src, vi, el, 2, NULL, "111", DP_PASSIVE, "a b");
    src.line = 12;
    dict_add_discard(b, src, &v, 1);
    src.line = 13;
    dict_add_issue(b, src, &forms[0], "SANCTIONS", 'v', "ECONOMY");
    src.line = 14;
    dict_add_option(b, src, "SET:LABEL", "TRUE");
    src.line = 15;
    dict_add_synset(b, src, "&CURRENCY", forms, 2);
    const char *d = dump(b);
    CHECK(strstr(d, "actor 3 JOHN_ KERRY_ + SECRETARY_ KERRY_ [USAGOVLEG 19850103-20130201] "
                    "[USAGOV 20130202-99991231]\n") != NULL);
    CHECK(strstr(d, "agent 7 FOREIGN_ MINISTER_ ~GOV\n") != NULL);
    CHECK(strstr(d, "verb 9 IMPOSE {IMPOSED | IMPOSES} [172]\n") != NULL);
    CHECK(strstr(d, "pattern 10 9 $ * SANCTIONS_ + [163] d\n") != NULL);
    CHECK(strstr(d, "pattern 11 9 $ * [:111] p ~a b\n") != NULL);
    CHECK(strstr(d, "discard 12 IMPOSE +\n") != NULL);
    CHECK(strstr(d, "issue 13 v:IMPOSED [SANCTIONS] ECONOMY\n") != NULL);
    CHECK(strstr(d, "option 14 SET:LABEL=TRUE\n") != NULL);
    CHECK(strstr(d, "synset 15 &CURRENCY IMPOSED | IMPOSES\n") != NULL);

    dict_warn(b, src, "expected %s", "]");
    dict_error(b, "x.verbs", "cannot open");
    CHECK_INT(dict_warning_count(b), 1);
    CHECK_INT(dict_error_count(b), 1);
    int err = -1;
    CHECK_STR(dict_message(b, 0, &err), "t.actors:15: expected ]");
    CHECK_INT(err, 0);
    CHECK_STR(dict_message(b, 1, &err), "x.verbs: cannot open");
    CHECK_INT(err, 1);
    CHECK_STR(dict_kind_name(DICT_VERBS), "verbs");
    dict_builder_free(b);
}
