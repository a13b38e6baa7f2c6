/*
** test_dict_misc.c - unit tests of the discards, issues and options readers
** (src/dict/read_misc.c) and of the file layer (src/dict/files.c): telling
** a file's kind, reading files, TABARI .project and PETRARCH .ini configs.
** Hand-written fixtures, checked through dict_dump(); the real files under
** ../shared/data are used when present (tests run from the repo root) and
** skipped with a "skip" line when not.
*/
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/dict/dict.h"
#include "unit.h"

#define SHARED "../shared/data"

/* The dump of b (malloc'd; caller frees). */
static char *dm_dump(const dict_builder *b) {
    dyad_buf out = {0};
    dbuf_puts(&out, "");      /* "" rather than NULL when b is empty */
    dict_dump(b, &out);
    return out.p;
}

/* Is line (without '\n') a whole line of text? */
static int dm_has(const char *text, const char *line) {
    size_t k = strlen(line);
    for (const char *p = text; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n == k && memcmp(p, line, k) == 0) return 1;
        p = nl ? nl + 1 : NULL;
    }
    return 0;
}

/* Lines of text starting with prefix. */
static int dm_count(const char *text, const char *prefix) {
    int c = 0;
    size_t k = strlen(prefix);
    for (const char *p = text; p && *p;) {
        if (strncmp(p, prefix, k) == 0) c++;
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : NULL;
    }
    return c;
}

/* Message i of b, "" when there is none. */
static const char *dm_msg(const dict_builder *b, size_t i) {
    const char *m = dict_message(b, i, NULL);
    return m ? m : "";
}

/* Does some message of b contain s? */
static int dm_msg_has(const dict_builder *b, const char *s) {
    for (size_t i = 0; i < dict_message_count(b); i++)
        if (strstr(dm_msg(b, i), s)) return 1;
    return 0;
}

static void dm_print_messages(const dict_builder *b, size_t max) {
    for (size_t i = 0; i < dict_message_count(b) && i < max; i++) {
        int err = 0;
        const char *m = dict_message(b, i, &err);
        printf("  %s %s\n", err ? "error" : "warning", m ? m : "?");
    }
}

/* Write text to dir/name; path receives the name (cap bytes).  0 on success. */
static int dm_write(const char *dir, const char *name, const char *text, char *path, size_t cap) {
    snprintf(path, cap, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t n = strlen(text);
    int ok = fwrite(text, 1, n, f) == n;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static int dm_shared(const char *suite) {
    if (access(SHARED, R_OK) == 0) return 1;
    printf("%-12s skip (%s absent)\n", suite, SHARED);
    return 0;
}

/* ------------------------------------------------------------ discards */

UNIT_SUITE(dict_discards) {
    static const char text[] =
        "# Story-level discards are indicated with a '+'.\n"        /* 1 */
        "MONTHS LATER\n"                                             /* 2 */
        "+World Golf Championships   # pas 26-Feb-2014\n"           /* 3 */
        "+ EURO  QUALIFIER\t# tab and blanks\n"                     /* 4 */
        "GROUP A_\n"                                                 /* 5 */
        "   \n"                                                      /* 6 */
        "#2000 \n"                                                   /* 7 */
        "BASEBALL   \r\n"                                            /* 8 */
        "+   # nothing after the plus\n"                             /* 9 */
        "<!-- a comment -->\n"                                       /* 10 */
        "<!-- open\n"                                                /* 11 */
        "NOT A DISCARD\n"                                            /* 12 */
        " -->\n"                                                     /* 13 */
        "AL_GORE <!-- inline --> jr\n"                               /* 14 */
        "__\n"                                                       /* 15 */
        "+ESPN2 ";                                                   /* 16, no '\n' */
    dict_builder *b = dict_builder_new();
    CHECK_INT(dict_read_discards(b, "t.discards", text, sizeof text - 1), 0);
    char *d = dm_dump(b);
    CHECK_STR(d, "discard 2 MONTHS_ LATER\n"
                 "discard 3 WORLD_ GOLF_ CHAMPIONSHIPS +\n"
                 "discard 4 EURO_ QUALIFIER +\n"
                 "discard 5 GROUP_ A_\n"
                 "discard 8 BASEBALL\n"
                 "discard 14 AL_ GORE_ JR\n"
                 "discard 16 ESPN2 +\n");
    free(d);
    CHECK_INT(dict_warning_count(b), 2);
    CHECK_INT(dict_error_count(b), 0);
    CHECK_STR(dm_msg(b, 0), "t.discards:9: expected a phrase after '+'");
    CHECK_STR(dm_msg(b, 1), "t.discards:15: expected a phrase");
    dict_builder_free(b);

    /* Not text: an error, nothing added. */
    b = dict_builder_new();
    static const char bin[] = "ABC\0DEF\n";
    CHECK_INT(dict_read_discards(b, "bin.discards", bin, sizeof bin - 1), -1);
    CHECK_INT(dict_error_count(b), 1);
    CHECK(strstr(dm_msg(b, 0), "bin.discards: not a text file") == dm_msg(b, 0));
    d = dm_dump(b);
    CHECK_STR(d, "");
    free(d);
    dict_builder_free(b);

    /* Empty file: nothing, no message. */
    b = dict_builder_new();
    CHECK_INT(dict_read_discards(b, "e.discards", "", 0), 0);
    CHECK_INT(dict_message_count(b), 0);
    dict_builder_free(b);
}

/* -------------------------------------------------------------- issues */

UNIT_SUITE(dict_issues) {
    static const char text[] =
        "# Phoenix-style issues\n"                                  /* 1 */
        "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"             /* 2 */
        "n:preschool [EARLY_ED]\n"                                  /* 3 */
        "pre+n:school [EARLY_ED]\n"                                 /* 4 */
        "head start [EARLY_ED]   # a comment\n"                     /* 5 */
        "~a head start\n"                                           /* 6 */
        "~~Armenian genocide  # historical\n"                       /* 7 */
        "touristry[TOURISM]\n"                                      /* 8 */
        "v:bomb [BOMB]\n"                                           /* 9 */
        "n:bachelor n:degree [DEG]\n"                               /* 10 */
        "european central bank\n"                                   /* 11: no code */
        "aqim [TG] [TG]\n"                                          /* 12: junk after */
        "</ISSUE>\n"                                                /* 13 */
        "</ISSUE>\n"                                                /* 14: unmatched */
        "n:army [ARMY]\n"                                           /* 15: no section */
        "weapons_grade plutonium [NUC]\n"                           /* 16 */
        "<ISSUE CATEGORY=X>\n"                                      /* 17: never closed */
        "v:grab [G]\n"                                              /* 18 */
        "n:crisis [C]\n"                                            /* 19 */
        "v:rape [R]\n"                                              /* 20 */
        "solar+v:power [SOLAR]\n"                                   /* 21 */
        "n:box [B]\n"                                               /* 22 */
        "v:deny [D]\n"                                              /* 23 */
        "n:subway [SW]\n"                                           /* 24 */
        "v:traffic [T]\n"                                           /* 25 */
        "[NOPHRASE]\n"                                              /* 26 */
        "x [UNCLOSED\n"                                             /* 27 */
        "~~\n"                                                      /* 28 */
        "<OTHER>\n"                                                 /* 29 */
        "a+b+c [ABC]\n";                                            /* 30 */
    dict_builder *b = dict_builder_new();
    CHECK_INT(dict_read_issues(b, "t.issues", text, sizeof text - 1), 0);
    char *d = dm_dump(b);
    static const char *const want[] = {
        "issue 3 n:PRESCHOOL_ [EARLY_ED] EDUCATION",
        "issue 3 n:PRESCHOOLS_ [EARLY_ED] EDUCATION",
        "issue 4 n:PRE_ SCHOOL_ [EARLY_ED] EDUCATION",
        "issue 4 n:PRE_ SCHOOLS_ [EARLY_ED] EDUCATION",
        "issue 4 n:PRE-SCHOOL_ [EARLY_ED] EDUCATION",
        "issue 4 n:PRE-SCHOOLS_ [EARLY_ED] EDUCATION",
        "issue 5 -:HEAD_ START_ [EARLY_ED] EDUCATION",
        "issue 6 -:A_ HEAD_ START_ [~] EDUCATION",
        "issue 7 -:ARMENIAN_ GENOCIDE_ [~~] EDUCATION",
        "issue 8 -:TOURISTRY_ [TOURISM] EDUCATION",
        "issue 9 v:BOMB_ [BOMB] EDUCATION",
        "issue 9 v:BOMBS_ [BOMB] EDUCATION",
        "issue 9 v:BOMBED_ [BOMB] EDUCATION",
        "issue 9 v:BOMBING_ [BOMB] EDUCATION",
        "issue 10 n:BACHELOR_ DEGREE_ [DEG] EDUCATION",
        "issue 10 n:BACHELOR_ DEGREES_ [DEG] EDUCATION",
        "issue 10 n:BACHELORS_ DEGREE_ [DEG] EDUCATION",
        "issue 10 n:BACHELORS_ DEGREES_ [DEG] EDUCATION",
        "issue 12 -:AQIM_ [TG] EDUCATION",
        "issue 15 n:ARMY_ [ARMY] -",
        "issue 15 n:ARMIES_ [ARMY] -",
        "issue 16 -:WEAPONS_ GRADE_ PLUTONIUM_ [NUC] -",
        "issue 18 v:GRAB_ [G] X",
        "issue 18 v:GRABS_ [G] X",
        "issue 18 v:GRABBED_ [G] X",
        "issue 18 v:GRABBING_ [G] X",
        "issue 19 n:CRISIS_ [C] X",
        "issue 19 n:CRISES_ [C] X",
        "issue 20 v:RAPE_ [R] X",
        "issue 20 v:RAPES_ [R] X",
        "issue 20 v:RAPED_ [R] X",
        "issue 20 v:RAPING_ [R] X",
        "issue 21 v:SOLAR_ POWER_ [SOLAR] X",
        "issue 21 v:SOLAR_ POWERS_ [SOLAR] X",
        "issue 21 v:SOLAR_ POWERED_ [SOLAR] X",
        "issue 21 v:SOLAR_ POWERING_ [SOLAR] X",
        "issue 21 v:SOLAR-POWER_ [SOLAR] X",
        "issue 21 v:SOLAR-POWERING_ [SOLAR] X",
        "issue 21 v:SOLAR-POWERRING_ [SOLAR] X",
        "issue 22 n:BOXES_ [B] X",
        "issue 23 v:DENIES_ [D] X",
        "issue 23 v:DENIED_ [D] X",
        "issue 23 v:DENYING_ [D] X",
        "issue 24 n:SUBWAYS_ [SW] X",
        "issue 25 v:TRAFFICKED_ [T] X",
        "issue 25 v:TRAFFICKING_ [T] X",
        "issue 30 -:A_ B_ C_ [ABC] X",
        "issue 30 -:A_ B-C_ [ABC] X",
        "issue 30 -:A-B_ C_ [ABC] X",
        "issue 30 -:A-B-C_ [ABC] X",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!dm_has(d, want[i])) {
            CHECK(!want[i]);          /* names the missing line */
            printf("  missing: %s\n", want[i]);
        }
    CHECK_INT(dm_count(d, "issue 3 "), 2);
    CHECK_INT(dm_count(d, "issue 4 "), 4);
    CHECK_INT(dm_count(d, "issue 9 "), 4);        /* no doubling: BOMB ends in two consonants */
    CHECK_INT(dm_count(d, "issue 18 "), 4);       /* one syllable: doubled only */
    CHECK_INT(dm_count(d, "issue 21 "), 12);      /* longer: both ways, times ' ' and '-' */
    CHECK_INT(dm_count(d, "issue 25 "), 4);       /* final c: -cked only */
    CHECK_INT(dm_count(d, "issue 30 "), 4);
    CHECK_INT(dm_count(d, "issue "), 60);
    CHECK(!dm_has(d, "issue 18 v:GRABED_ [G] X"));
    CHECK(!dm_has(d, "issue 24 n:SUBWAIES_ [SW] X"));
    free(d);
    CHECK_INT(dict_error_count(b), 0);
    CHECK_INT(dict_warning_count(b), 8);
    CHECK(dm_msg_has(b, "t.issues:11: expected PHRASE [CODE]"));
    CHECK(dm_msg_has(b, "t.issues:12: text after [TG] ignored: \"[TG]\""));
    CHECK(dm_msg_has(b, "t.issues:14: </ISSUE> without <ISSUE>"));
    CHECK(dm_msg_has(b, "t.issues:17: <ISSUE> section not closed by </ISSUE>"));
    CHECK(dm_msg_has(b, "t.issues:26: expected a phrase before [CODE]"));
    CHECK(dm_msg_has(b, "t.issues:27: unclosed ["));
    CHECK(dm_msg_has(b, "t.issues:28: expected a phrase after ~"));
    CHECK(dm_msg_has(b, "t.issues:29: unknown tag"));
    CHECK(dm_msg_has(b, "t.issues:17: <ISSUE> without CATEGORY") == 0);
    dict_builder_free(b);

    /* Nested <ISSUE>, missing CATEGORY. */
    static const char nested[] = "<ISSUE TYPE=\"ALL\">\n<ISSUE CATEGORY='Q'>\nx [Y]\n</ISSUE>\n";
    b = dict_builder_new();
    CHECK_INT(dict_read_issues(b, "n.issues", nested, sizeof nested - 1), 0);
    d = dm_dump(b);
    CHECK_STR(d, "issue 3 -:X_ [Y] Q\n");
    free(d);
    CHECK_INT(dict_warning_count(b), 2);
    CHECK_STR(dm_msg(b, 0), "n.issues:1: <ISSUE> without CATEGORY=\"...\"");
    CHECK_STR(dm_msg(b, 1), "n.issues:2: <ISSUE> before the </ISSUE> of line 1");
    dict_builder_free(b);

    /* A file that is no issues file at all. */
    static const char prose[] = "# comment\nabaft\nabeam\n";
    b = dict_builder_new();
    CHECK_INT(dict_read_issues(b, "p.txt", prose, sizeof prose - 1), -1);
    CHECK_INT(dict_error_count(b), 1);
    CHECK(strstr(dm_msg(b, 0), "not a PETRARCH issues file") != NULL);
    dict_builder_free(b);

    /* Too many forms: capped with a warning. */
    static const char many[] =
        "n:a+n:b+n:c+n:d+n:e+n:f n:g+n:h [M]\n";
    b = dict_builder_new();
    CHECK_INT(dict_read_issues(b, "m.issues", many, sizeof many - 1), 0);
    d = dm_dump(b);
    CHECK_INT(dm_count(d, "issue 1 "), 256);
    free(d);
    CHECK_INT(dict_warning_count(b), 1);
    CHECK(strstr(dm_msg(b, 0), "more than 256 forms") != NULL);
    dict_builder_free(b);
}

/* ------------------------------------------------------------- options */

UNIT_SUITE(dict_options) {
    static const char text[] =
        "// OPTIONS FILE FOR TABARI VALIDATION SUITE\n"             /* 1 */
        "COMPLEX: VERBS[5]  CONJ[4] NOACTPRIOR EXPLAIN\n"           /* 2 */
        "SET: SKIP RECORDS = FALSE\n"                               /* 3 */
        "set: check   dominant=false\n"                             /* 4 */
        "SET: CODE BY CLAUSE\n"                                     /* 5 */
        "OUTPUT: ACTOR MATCH ID   // trailing comment\n"            /* 6 */
        "LABEL: 010=YIELD\n"                                        /* 7 */
        "LABEL: ARN=Arnor\n"                                        /* 8 */
        "LABEL: nolabel\n"                                          /* 9 */
        "DELETE: x\n"                                               /* 10 */
        "just text\n"                                               /* 11 */
        "SET: = X\n"                                                /* 12 */
        "  FORWARD: ^^*****NNN*SSS DOC OFF\r\n"                     /* 13 */
        "//SET: FBIS = TRUE\n"                                      /* 14 */
        "\n"                                                        /* 15 */
        "~~~~~\n"                                                   /* 16 */
        "SET: AFTER = END\n";                                       /* 17 */
    dict_builder *b = dict_builder_new();
    CHECK_INT(dict_read_options(b, "t.options", text, sizeof text - 1), 0);
    char *d = dm_dump(b);
    CHECK_STR(d, "option 2 COMPLEX=VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN\n"
                 "option 3 SET:SKIP RECORDS=FALSE\n"
                 "option 4 SET:CHECK DOMINANT=false\n"
                 "option 5 SET:CODE BY CLAUSE=\n"
                 "option 6 OUTPUT=ACTOR MATCH ID\n"
                 "option 7 LABEL:010=YIELD\n"
                 "option 8 LABEL:ARN=Arnor\n"
                 "option 13 FORWARD=^^*****NNN*SSS DOC OFF\n");
    free(d);
    CHECK_INT(dict_error_count(b), 0);
    CHECK_INT(dict_warning_count(b), 4);
    CHECK_STR(dm_msg(b, 0), "t.options:9: expected LABEL: CODE=TEXT");
    CHECK(strstr(dm_msg(b, 1), "t.options:10: unknown directive \"DELETE:\"") == dm_msg(b, 1));
    CHECK(strstr(dm_msg(b, 2), "t.options:11: expected DIRECTIVE:") == dm_msg(b, 2));
    CHECK_STR(dm_msg(b, 3), "t.options:12: expected SET: KEY = VALUE");
    dict_builder_free(b);

    /* An actors file is not an options file. */
    static const char actors[] = "AFGHANISTAN_ [AFG]\n+AFGHAN_\n";
    b = dict_builder_new();
    CHECK_INT(dict_read_options(b, "a.options", actors, sizeof actors - 1), -1);
    CHECK_INT(dict_error_count(b), 1);
    CHECK(strstr(dm_msg(b, 0), "not a TABARI options file") != NULL);
    dict_builder_free(b);

    /* Comments only: an empty options file is fine. */
    b = dict_builder_new();
    CHECK_INT(dict_read_options(b, "c.options", "// nothing\n\n", 12), 0);
    CHECK_INT(dict_message_count(b), 0);
    dict_builder_free(b);
}

/* --------------------------------------------------------------- kinds */

UNIT_SUITE(dict_kind) {
    static const struct {
        const char *path;
        dict_kind kind;
    } names[] = {
        {"x/TABARI.Demo.actors", DICT_ACTORS},
        {"Phoenix.Countries.actors.txt", DICT_ACTORS},
        {"PETR_Validate_actors_2_02.txt", DICT_ACTORS},
        {"Validate.agents", DICT_AGENTS},
        {"PLOVER_agents.txt", DICT_AGENTS},
        {"a/b/TABARI.Demo.verbs", DICT_VERBS},
        {"CAMEO.verbpatterns.150430.txt", DICT_VERBS},
        {"CAMEO.2.0.txt", DICT_VERBS},
        {"PETR_Validate_verbs_2_02.txt", DICT_VERBS},
        {"Phoenix.discards.txt", DICT_DISCARDS},
        {"Phoenix.IssueCoding.txt", DICT_ISSUES},
        {"Validate.options", DICT_OPTIONS},
        {"Validate.project", DICT_PROJECT},
        {"PETR_config.ini", DICT_CONFIG},
        {"actors.d/nothing.here", DICT_UNKNOWN},   /* folder names do not count */
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        dict_kind k = dict_guess_kind(names[i].path);
        if (k != names[i].kind) printf("  %s\n", names[i].path);
        CHECK_STR(dict_kind_name(k), dict_kind_name(names[i].kind));
    }
    CHECK_INT(dict_guess_kind(NULL), DICT_UNKNOWN);

    /* From the content, under names that say nothing. */
    char dir[] = "/tmp/dyad_kindXXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    static const struct {
        const char *text;
        dict_kind kind;
    } contents[] = {
        {"# c\n[Dictionaries]\nverbfile_name = v\n", DICT_CONFIG},
        {"Title line\n<actorsfile> a.actors\n", DICT_PROJECT},
        {"// c\nCOMPLEX: VERBS[5]\n", DICT_OPTIONS},
        {"# c\n<ISSUE CATEGORY=\"E\">\nn:school [S]\n", DICT_ISSUES},
        {"ABANDON  [---] ;c\n- * HEADQUARTERS  [0874]\n", DICT_VERBS},
        {"&AUXVERB1_\n+WAS\n+WERE\n", DICT_VERBS},
        {"<!-- c -->\n--- AGREE [080] ---\n", DICT_VERBS},
        {"<SYNSETS>\n&CURRENCY\n", DICT_VERBS},
        {"<NOUN>\nBEES\n</NOUN>\n", DICT_ACTORS},
        {"!PERSON! = MAN, MEN\nCATTLE!PERSON! [~AGR]\n", DICT_AGENTS},
        {"PARLIAMENTARY_OPPOSITION_  [ ~OPP] ;c\nAMBASSADOR_  [ ~GOV]\n", DICT_AGENTS},
        {"AFGHANISTAN_  [AFG]\n+AFGHAN_\nARGENTIN  [ARG]\n", DICT_ACTORS},
        {"# c\n1914\nMONTHS LATER\n+TYPHOON   # x\n", DICT_DISCARDS},
        {"<?xml version='1.0'?>\n<Validation>\n", DICT_UNKNOWN},
        {"abaft\nabeam\naboard\n", DICT_UNKNOWN},
        {"", DICT_UNKNOWN},
    };
    char path[sizeof contents / sizeof *contents][64];
    for (size_t i = 0; i < sizeof contents / sizeof *contents; i++) {
        char name[16];
        snprintf(name, sizeof name, "f%zu.txt", i);
        CHECK_INT(dm_write(dir, name, contents[i].text, path[i], sizeof path[i]), 0);
        dict_kind k = dict_guess_kind(path[i]);
        if (k != contents[i].kind) printf("  content %zu: %s\n", i, contents[i].text);
        CHECK_STR(dict_kind_name(k), dict_kind_name(contents[i].kind));
        unlink(path[i]);
    }
    rmdir(dir);
    CHECK_INT(dict_guess_kind("/nonexistent/dyad/file.txt"), DICT_UNKNOWN);

    /* Every real file name under ../shared/data. */
    if (!dm_shared("dict_kind")) return;
    static const struct {
        const char *path;
        dict_kind kind;
    } real[] = {
        {SHARED "/conformance/petrarch-ud/PETR_Validate_Internal_Coding_Ontology_1_01.txt", DICT_UNKNOWN},
        {SHARED "/conformance/petrarch-ud/PETR_Validate_actors_2_02.txt", DICT_ACTORS},
        {SHARED "/conformance/petrarch-ud/PETR_Validate_agents_2_02.txt", DICT_AGENTS},
        {SHARED "/conformance/petrarch-ud/PETR_Validate_discards_2_02.txt", DICT_DISCARDS},
        {SHARED "/conformance/petrarch-ud/PETR_Validate_records_2_02.xml", DICT_UNKNOWN},
        {SHARED "/conformance/petrarch-ud/PETR_Validate_verbs_2_02.txt", DICT_VERBS},
        {SHARED "/conformance/petrarch1/PETR.UnitTest.records.xml", DICT_UNKNOWN},
        {SHARED "/conformance/petrarch1/PETR.Validate.actors.txt", DICT_ACTORS},
        {SHARED "/conformance/petrarch1/PETR.Validate.agents.txt", DICT_AGENTS},
        {SHARED "/conformance/petrarch1/PETR.Validate.discards.txt", DICT_DISCARDS},
        {SHARED "/conformance/petrarch1/PETR.Validate.verbs.txt", DICT_VERBS},
        {SHARED "/conformance/petrarch2-gsr/GigaWord.sample.PETR.xml", DICT_UNKNOWN},
        {SHARED "/conformance/petrarch2-gsr/PETR2_GSR_validation.xml", DICT_UNKNOWN},
        {SHARED "/conformance/tabari/TABARI.Demo.actors", DICT_ACTORS},
        {SHARED "/conformance/tabari/TABARI.Demo.verbs", DICT_VERBS},
        {SHARED "/conformance/tabari/Validate.agents", DICT_AGENTS},
        {SHARED "/conformance/tabari/Validate.options", DICT_OPTIONS},
        {SHARED "/conformance/tabari/Validate.project", DICT_PROJECT},
        {SHARED "/conformance/tabari/Validate.text", DICT_UNKNOWN},
        {SHARED "/reference-dicts/CAMEO.091003.master.verbs", DICT_VERBS},
        {SHARED "/reference-dicts/CAMEO.2.0.txt", DICT_VERBS},
        {SHARED "/reference-dicts/CAMEO.goldsteinscale.txt", DICT_UNKNOWN},
        {SHARED "/reference-dicts/CAMEO.verbpatterns.150430.txt", DICT_VERBS},
        {SHARED "/reference-dicts/CAMEO2PLOVER-2021.txt", DICT_UNKNOWN},
        {SHARED "/reference-dicts/PETR1_config.ini", DICT_CONFIG},
        {SHARED "/reference-dicts/PETR_config.ini", DICT_CONFIG},
        {SHARED "/reference-dicts/PLOVER_agents.txt", DICT_AGENTS},
        {SHARED "/reference-dicts/PLOVER_structured_codebook_updated.csv", DICT_UNKNOWN},
        {SHARED "/reference-dicts/Phoenix.Countries.actors.txt", DICT_ACTORS},
        {SHARED "/reference-dicts/Phoenix.International.actors.txt", DICT_ACTORS},
        {SHARED "/reference-dicts/Phoenix.IssueCoding.txt", DICT_ISSUES},
        {SHARED "/reference-dicts/Phoenix.MilNonState.actors.txt", DICT_ACTORS},
        {SHARED "/reference-dicts/Phoenix.agents.txt", DICT_AGENTS},
        {SHARED "/reference-dicts/Phoenix.discards.txt", DICT_DISCARDS},
        {SHARED "/reference-dicts/Phoenix.prepositions.txt", DICT_UNKNOWN},
    };
    char cdir[] = "/tmp/dyad_kindXXXXXX";
    int have_cdir = mkdtemp(cdir) != NULL;
    for (size_t i = 0; i < sizeof real / sizeof *real; i++) {
        if (access(real[i].path, R_OK) != 0) continue;
        dict_kind k = dict_guess_kind(real[i].path);
        if (k != real[i].kind) printf("  %s\n", real[i].path);
        CHECK_STR(dict_kind_name(k), dict_kind_name(real[i].kind));
        if (!have_cdir) continue;
        /* The same from the content alone: its head under a neutral name. */
        char copy[64];
        snprintf(copy, sizeof copy, "%s/content", cdir);
        FILE *in = fopen(real[i].path, "rb"), *out = fopen(copy, "wb");
        if (in && out) {
            char buf[1 << 14];
            size_t n = fread(buf, 1, sizeof buf, in);
            fwrite(buf, 1, n, out);
        }
        if (in) fclose(in);
        if (out) fclose(out);
        k = dict_guess_kind(copy);
        if (k != real[i].kind) printf("  content of %s\n", real[i].path);
        CHECK_STR(dict_kind_name(k), dict_kind_name(real[i].kind));
        unlink(copy);
    }
    if (have_cdir) rmdir(cdir);
}

/* --------------------------------------------------------------- files */

UNIT_SUITE(dict_files) {
    char dir[] = "/tmp/dyad_filesXXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char p_disc[64], p_opt[64], p_prose[64], p_proj[64];
    CHECK_INT(dm_write(dir, "list1", "# c\nYEARS LATER\n+TYPHOON # x\n", p_disc, sizeof p_disc), 0);
    CHECK_INT(dm_write(dir, "list2", "SET: LABEL = TRUE\n", p_opt, sizeof p_opt), 0);
    CHECK_INT(dm_write(dir, "list3", "abaft\nabeam\n", p_prose, sizeof p_prose), 0);
    CHECK_INT(dm_write(dir, "list4", "T\n<optionsfile> list2\n", p_proj, sizeof p_proj), 0);

    dict_builder *b = dict_builder_new();
    CHECK_INT(dict_read_file(b, p_disc, DICT_UNKNOWN), 0);      /* told from content */
    CHECK_INT(dict_read_file(b, p_opt, DICT_OPTIONS), 0);       /* as announced */
    char *d = dm_dump(b);
    CHECK_STR(d, "option 1 SET:LABEL=TRUE\n"
                 "discard 2 YEARS_ LATER\n"
                 "discard 3 TYPHOON +\n");
    free(d);
    CHECK_INT(dict_message_count(b), 0);

    CHECK_INT(dict_read_file(b, p_prose, DICT_UNKNOWN), -1);
    CHECK_INT(dict_error_count(b), 1);
    char want[128];
    snprintf(want, sizeof want, "%s: cannot tell what kind of dictionary file this is", p_prose);
    CHECK_STR(dm_msg(b, 0), want);

    static const char missing[] = "/nonexistent/dyad/x.actors";
    CHECK_INT(dict_read_file(b, missing, DICT_UNKNOWN), -1);
    CHECK_INT(dict_error_count(b), 2);
    CHECK(strstr(dm_msg(b, 1), "/nonexistent/dyad/x.actors: cannot open: ") == dm_msg(b, 1));

    CHECK_INT(dict_read_file(b, dir, DICT_DISCARDS), -1);        /* a folder */
    CHECK_INT(dict_error_count(b), 3);
    dict_builder_free(b);

    /* A project read through dict_read_file goes to dict_read_config. */
    b = dict_builder_new();
    CHECK_INT(dict_read_file(b, p_proj, DICT_PROJECT), 0);
    d = dm_dump(b);
    CHECK_STR(d, "option 1 SET:LABEL=TRUE\n");
    free(d);
    CHECK_INT(dict_message_count(b), 0);
    dict_builder_free(b);

    unlink(p_disc);
    unlink(p_opt);
    unlink(p_prose);
    unlink(p_proj);
    rmdir(dir);
}

/* -------------------------------------------------------------- config */

UNIT_SUITE(dict_config) {
    char dir[] = "/tmp/dyad_cfgXXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    char p_ini[64], p_d[64], p_i[64], p_o[64], p_proj[64], p_none[64], p_bad[64];
    CHECK_INT(dm_write(dir, "set.ini",
                       "# A PETRARCH config\n"                               /* 1 */
                       "[Dictionaries]\n"                                    /* 2 */
                       "discardfile_name = d.txt\n"                          /* 3 */
                       "ActorFile_List   = missing1.txt,\n"                  /* 4 */
                       "    missing2.txt\n"                                  /* 5 */
                       "issuefile_name: i.txt ; inline comment\n"            /* 6 */
                       "agentfile_name =\n"                                  /* 7 */
                       "\n"
                       "[Options]\n"                                         /* 9 */
                       "new_actor_length = 0\n"                              /* 10 */
                       "textfile_list = a.xml, b.xml\n"                      /* 11 */
                       "no delimiter here\n",                                /* 12 */
                       p_ini, sizeof p_ini), 0);
    CHECK_INT(dm_write(dir, "d.txt", "+ESPN2\n", p_d, sizeof p_d), 0);
    CHECK_INT(dm_write(dir, "i.txt", "<ISSUE CATEGORY=\"E\">\nschool [S]\n</ISSUE>\n", p_i,
                       sizeof p_i), 0);
    CHECK_INT(dm_write(dir, "o.options", "SET: LABEL = TRUE\n", p_o, sizeof p_o), 0);
    CHECK_INT(dm_write(dir, "v.project",
                       "Validation file for a test\n"                        /* 1 */
                       "<problemfile> v.prob\n"                              /* 2 */
                       "<optionsfile> o.options\n"                           /* 3 */
                       "<textfile> \t v.text\n"                              /* 4 */
                       "<coder> ME\n"                                        /* 5 */
                       "<verbsfile>\n"                                       /* 6 */
                       "untagged line\n"                                     /* 7 */
                       "<actorsfile> nowhere.actors\n",                      /* 8 */
                       p_proj, sizeof p_proj), 0);
    CHECK_INT(dm_write(dir, "none.ini", "[Options]\nfoo = 1\n", p_none, sizeof p_none), 0);
    CHECK_INT(dm_write(dir, "bad.cfg", "abaft\nabeam\n", p_bad, sizeof p_bad), 0);

    /* .ini: the files it names, relative to it; a missing one is an error
    ** for that file only. */
    dict_builder *b = dict_builder_new();
    CHECK_INT(dict_read_config(b, p_ini), 0);
    char *d = dm_dump(b);
    CHECK_STR(d, "option 10 Options:new_actor_length=0\n"
                 "option 11 Options:textfile_list=a.xml, b.xml\n"
                 "discard 1 ESPN2 +\n"
                 "issue 2 -:SCHOOL_ [S] E\n");
    free(d);
    CHECK_INT(dict_error_count(b), 2);
    CHECK_INT(dict_warning_count(b), 2);
    char want[160];
    snprintf(want, sizeof want, "%s/missing1.txt: cannot open: ", dir);
    CHECK(dm_msg_has(b, want));
    snprintf(want, sizeof want, "%s/missing2.txt: cannot open: ", dir);
    CHECK(dm_msg_has(b, want));
    snprintf(want, sizeof want, "%s:7: expected the name of the agents file", p_ini);
    CHECK(dm_msg_has(b, want));
    snprintf(want, sizeof want, "%s:12: expected key = value", p_ini);
    CHECK(dm_msg_has(b, want));
    dict_builder_free(b);

    /* .project: dictionary tags read, other tags kept as options. */
    b = dict_builder_new();
    CHECK_INT(dict_read_config(b, p_proj), 0);
    d = dm_dump(b);
    CHECK_STR(d, "option 2 <problemfile>=v.prob\n"
                 "option 4 <textfile>=v.text\n"
                 "option 5 <coder>=ME\n"
                 "option 1 SET:LABEL=TRUE\n");
    free(d);
    CHECK_INT(dict_error_count(b), 1);
    snprintf(want, sizeof want, "%s/nowhere.actors: cannot open: ", dir);
    CHECK(dm_msg_has(b, want));
    CHECK_INT(dict_warning_count(b), 2);
    snprintf(want, sizeof want, "%s:6: expected the name of the verbs file", p_proj);
    CHECK(dm_msg_has(b, want));
    snprintf(want, sizeof want, "%s:7: expected <tag> value", p_proj);
    CHECK(dm_msg_has(b, want));
    dict_builder_free(b);

    /* A config naming no dictionary, one of no known format, none at all. */
    b = dict_builder_new();
    CHECK_INT(dict_read_config(b, p_none), -1);
    snprintf(want, sizeof want, "%s: names no dictionary file", p_none);
    CHECK_STR(dm_msg(b, dict_message_count(b) - 1), want);
    CHECK_INT(dict_read_config(b, p_bad), -1);
    snprintf(want, sizeof want, "%s: not a TABARI .project or PETRARCH .ini file", p_bad);
    CHECK_STR(dm_msg(b, dict_message_count(b) - 1), want);
    CHECK_INT(dict_read_config(b, "/nonexistent/dyad/x.ini"), -1);
    CHECK(strstr(dm_msg(b, dict_message_count(b) - 1), "/nonexistent/dyad/x.ini: cannot open: ") != NULL);
    CHECK_INT(dict_error_count(b), 3);
    dict_builder_free(b);

    unlink(p_ini);
    unlink(p_d);
    unlink(p_i);
    unlink(p_o);
    unlink(p_proj);
    unlink(p_none);
    unlink(p_bad);
    rmdir(dir);

    /* The real configurations: every file they name is read without error. */
    if (!dm_shared("dict_config")) return;
    static const char *const configs[] = {
        SHARED "/reference-dicts/PETR_config.ini",
        SHARED "/reference-dicts/PETR1_config.ini",
        SHARED "/conformance/tabari/Validate.project",
    };
    for (size_t i = 0; i < sizeof configs / sizeof *configs; i++) {
        if (access(configs[i], R_OK) != 0) continue;
        b = dict_builder_new();
        CHECK_INT(dict_read_config(b, configs[i]), 0);
        CHECK_INT(dict_error_count(b), 0);
        if (dict_error_count(b)) dm_print_messages(b, 10);
        d = dm_dump(b);
        CHECK(dm_count(d, "actor ") > 0);
        CHECK(dm_count(d, "agent ") > 0);
        CHECK(dm_count(d, "verb ") > 0);
        if (i < 2) {
            CHECK(dm_count(d, "discard ") > 400);
            CHECK(dm_count(d, "issue ") > 3000);
        } else {
            CHECK(dm_count(d, "option ") > 90);
            CHECK(dm_has(d, "option 6 COMPLEX=VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"));
            CHECK(dm_has(d, "option 7 SET:SKIP RECORDS=FALSE"));
            CHECK(dm_has(d, "option 7 <textfile>=Validate.text"));
        }
        free(d);
        dict_builder_free(b);
    }
}

/* The real discards, issues and options files: counts and known defects. */
UNIT_SUITE(dict_misc_real) {
    if (!dm_shared("dict_misc_real")) return;
    dict_builder *b = dict_builder_new();
    static const char disc[] = SHARED "/reference-dicts/Phoenix.discards.txt";
    static const char pdisc[] = SHARED "/conformance/petrarch1/PETR.Validate.discards.txt";
    static const char iss[] = SHARED "/reference-dicts/Phoenix.IssueCoding.txt";
    static const char opt[] = SHARED "/conformance/tabari/Validate.options";
    if (access(disc, R_OK) == 0) CHECK_INT(dict_read_file(b, disc, DICT_UNKNOWN), 0);
    if (access(pdisc, R_OK) == 0) CHECK_INT(dict_read_file(b, pdisc, DICT_UNKNOWN), 0);
    if (access(opt, R_OK) == 0) CHECK_INT(dict_read_file(b, opt, DICT_UNKNOWN), 0);
    CHECK_INT(dict_message_count(b), 0);
    if (dict_message_count(b)) dm_print_messages(b, 10);
    char *d = dm_dump(b);
    if (access(pdisc, R_OK) == 0) {
        CHECK(dm_has(d, "discard 5 WORLD_ GOLF_ CHAMPIONSHIPS +"));
        CHECK(dm_has(d, "discard 11 ESPN2 +"));
        CHECK(dm_has(d, "discard 9 BASEBALL"));
    }
    if (access(disc, R_OK) == 0) {
        CHECK(dm_has(d, "discard 267 GROUP_ A_"));
        CHECK(dm_has(d, "discard 127 WORLD_ GOLF_ CHAMPIONSHIPS +"));
    }
    if (access(opt, R_OK) == 0) CHECK(dm_has(d, "option 119 LABEL:LOR=Lorien"));
    free(d);
    dict_builder_free(b);

    if (access(iss, R_OK) != 0) return;
    b = dict_builder_new();
    CHECK_INT(dict_read_file(b, iss, DICT_UNKNOWN), 0);
    CHECK_INT(dict_error_count(b), 0);
    d = dm_dump(b);
    CHECK(dm_has(d, "issue 7 n:PRE-SCHOOLS_ [EARLY_CHILDHOOD_EDUCATION] EDUCATION"));
    CHECK(dm_has(d, "issue 14 -:A_ HEAD_ START_ [~] EDUCATION"));
    free(d);
    /* The file's own defects (see the report): entries without a code, two
    ** entries on one line, a stray </ISSUE>. */
    CHECK(dict_warning_count(b) > 0);
    char want[200];
    snprintf(want, sizeof want, "%s:141: expected PHRASE [CODE]", iss);
    CHECK(dm_msg_has(b, want));
    dict_builder_free(b);
}
