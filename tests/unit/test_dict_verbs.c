/*
** test_dict_verbs.c - unit tests of the verb-dictionary reader
** (src/dict/read_verbs.c): one small fixture per syntax feature of each
** dialect (TABARI, PETRARCH-1, PETRARCH-2), checked through whole lines of
** dict_dump() and through the warnings, which must name the line; then the
** real verb files from ../shared when it is there (skipped otherwise).
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/dict/dict.h"
#include "dict_fixture.h"
#include "unit.h"

/* Reads fixture src as file "t.verbs"; *rc gets the reader's result. */
static dict_builder *vload(const char *src, int *rc) {
    dict_builder *b = dict_builder_new();
    int r = dict_read_verbs(b, "t.verbs", src, strlen(src));
    if (rc) *rc = r;
    return b;
}

/* Is there a message that starts with "t.verbs:LINE:" and contains what? */
static int vwarned(const dict_builder *b, unsigned line, const char *what) {
    char head[32];
    snprintf(head, sizeof head, "t.verbs:%u:", line);
    for (size_t i = 0; i < dict_message_count(b); i++) {
        const char *m = dict_message(b, i, NULL);
        if (m && strncmp(m, head, strlen(head)) == 0 && strstr(m, what)) return 1;
    }
    printf("  no warning \"%s ... %s\"; messages:\n", head, what);
    for (size_t i = 0; i < dict_message_count(b); i++) printf("    %s\n", dict_message(b, i, NULL));
    return 0;
}

/* ---------------------------------------------------------------- TABARI */

UNIT_SUITE(verbs_tabari_roots) {
    int rc;
    dict_builder *b = vload("ABANDON  [345] ;pas 15 Jul 2003\n"  /* 1 */
                            "AGREE  [081]\n"                      /* 2 */
                            "APPLY [020]\n"                       /* 3 */
                            "STOP  [190]\n"                       /* 4 */
                            "DEPART_ [032] ;JW\n"                 /* 5 */
                            "DEPLORE_ [122]\n"                    /* 6 */
                            "BAN= [191] ;tony\n"                  /* 7 */
                            "BURN DOWN  [222]\n"                  /* 8 */
                            "CARRIED_OUT  [181]\n"                /* 9 */
                            "PASS [073]\n"                        /* 10 */
                            "DIE [220]\n"                         /* 11 */
                            "XYZ1  [000]\n",                      /* 12 */
                            &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(dict_warning_count(b), 0);
    /* English forms, then what TABARI's own endings add (+ES here) */
    CHECK(fx_has_line(b, "verb 1 ABANDON {ABANDONS | ABANDONED | ABANDONING | ABANDONES} [345]"));
    CHECK(fx_has_line(b, "verb 2 AGREE {AGREES | AGREED | AGREEING | AGREING} [081]"));
    CHECK(fx_has_line(b, "verb 3 APPLY {APPLIES | APPLIED | APPLYING | APPLYS | APPLYES | APPLYED} [020]"));
    CHECK(fx_has_line(b, "verb 4 STOP {STOPS | STOPPED | STOPPING | STOPES | STOPED | STOPING} [190]"));
    /* exact roots give exact forms (TABARI Validate VERBEND-01: departes, departed) */
    CHECK(fx_has_line(b, "verb 5 DEPART_ {DEPARTS_ | DEPARTED_ | DEPARTING_ | DEPARTES_} [032]"));
    CHECK(fx_has_line(b, "verb 6 DEPLORE_ {DEPLORES_ | DEPLORED_ | DEPLORING_} [122]"));
    /* '=': exact, no regular forms (VERBEND-05: "baning", "baned" do not code) */
    CHECK(fx_has_line(b, "verb 7 BAN_ {} [191]"));
    /* multi-word roots: the first word is the verb */
    CHECK(fx_has_line(b, "verb 8 BURN DOWN {BURNS DOWN | BURNED DOWN | BURNING DOWN | BURNES DOWN} [222]"));
    CHECK(fx_has_line(b, "verb 9 CARRIED_ OUT {CARRIEDS_ OUT | CARRIEDED_ OUT | CARRIEDING_ OUT | "
                  "CARRIEDES_ OUT} [181]"));
    CHECK(fx_has_line(b, "verb 10 PASS {PASSES | PASSED | PASSING | PASSS} [073]"));
    CHECK(fx_has_line(b, "verb 11 DIE {DIES | DIED | DYING | DIING} [220]"));
    /* a root that does not end in letters gets no forms */
    CHECK(fx_has_line(b, "verb 12 XYZ1 {} [000]"));
    CHECK_INT(fx_count_lines(b, "pattern "), 0);
    dict_builder_free(b);
}

UNIT_SUITE(verbs_tabari_forms) {
    dict_builder *b = vload("BREAK_ [1717]\n"
                            "{ BROKE_ BROKEN_ BROKEN_DOWN_ }\n"
                            "- * DEADLOCK  [102]\n"
                            "ACT_ [100]\n"
                            "{ ACTING_ ACTXD_ ACTUALITY  }\n"
                            "GIVE {GAVE GIVEN} [070]\n",
                            NULL);
    CHECK_INT(dict_warning_count(b), 0);
    /* irregular forms are kept next to the regular ones, duplicates once */
    CHECK(fx_has_line(b, "verb 1 BREAK_ {BREAKS_ | BREAKED_ | BREAKING_ | BREAKES_ | BROKE_ | BROKEN_ | "
                  "BROKEN_ DOWN_} [1717]"));
    CHECK(fx_has_line(b, "verb 4 ACT_ {ACTS_ | ACTED_ | ACTING_ | ACTES_ | ACTXD_ | ACTUALITY} [100]"));
    CHECK(fx_has_line(b, "verb 6 GIVE {GAVE | GIVEN | GIVES | GIVED | GIVING} [070]"));
    CHECK(fx_has_line(b, "pattern 3 1 * DEADLOCK [102] -"));
    dict_builder_free(b);
}

UNIT_SUITE(verbs_tabari_patterns) {
    dict_builder *b = vload(
        "<SYNSETS>\n"                                                              /* 1 */
        "&TIETYPES\n"                                                              /* 2 */
        "+MILITARY\n"                                                              /* 3 */
        "+ECONOMIC\n"                                                              /* 4 */
        "</SYNSETS>\n"                                                             /* 5 */
        "ABANDON  [345]\n"                                                         /* 6 */
        "- * NEW_&TIETYPES_RELATIONS [903]; -PAS 12.01.12\n"                       /* 7 */
        "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111] ; pad\n" /* 8 */
        "- $ HOSTING ^ * TABASKI  [042]\n"                                         /* 9 */
        "- % * EACH OTHER  [112:112]\n"                                            /* 10 */
        "- * THE_NEAT~_PLACE  [027]\n"                                             /* 11 */
        "- RECENT~_*  [025]\n"                                                     /* 12 */
        "- * OFF_  [195]\n"                                                        /* 13 */
        "- IN_*  [075A]\n"                                                         /* 14 */
        "- *_HOPE  [---]\n"                                                        /* 15 */
        "- * DIPLXMATIC  [###]\n"                                                  /* 16 */
        "- * STATEMENT [023?]\n"                                                   /* 17 */
        "- FORCE TO_ *  [100!]\n"                                                  /* 18 */
        "- * FXLL  [+++]\n"                                                        /* 19 */
        "- PEACE-KEEPING *  [---]\n"                                               /* 20 */
        "- ANTI- + *  [111]\n"                                                     /* 21 */
        "- * { DID_ | WAS } NOT [120]\n"                                           /* 22 */
        "- * BAN= [191]\n"                                                         /* 23 */
        "- NOT EXPLICITLY [082]\n",                                                /* 24 */
        NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "synset 2 &TIETYPES MILITARY | ECONOMIC"));
    CHECK(fx_has_line(b, "pattern 7 6 * NEW_ &TIETYPES RELATIONS [903] -"));
    /* {|} padded with blanks and '_' */
    CHECK(fx_has_line(b, "pattern 8 6 SUGGESTED_ + * DEMAND_ {| GENEVA_ | INTERNATIONAL |} CONVENTIONS "
                  "[111] -"));
    CHECK(fx_has_line(b, "pattern 9 6 $ HOSTING ^ * TABASKI [042] -"));
    CHECK(fx_has_line(b, "pattern 10 6 % * EACH OTHER [112:112] -"));
    /* "~_": a stem joined to the next word */
    CHECK(fx_has_line(b, "pattern 11 6 * THE_ NEAT PLACE [027] -"));
    CHECK(fx_has_line(b, "pattern 12 6 RECENT * [025] -"));
    CHECK(fx_has_line(b, "pattern 13 6 * OFF_ [195] -"));
    CHECK(fx_has_line(b, "pattern 14 6 IN_ * [075A] -"));
    CHECK(fx_has_line(b, "pattern 15 6 * HOPE [---] n"));
    CHECK(fx_has_line(b, "pattern 16 6 * DIPLXMATIC [###] x"));
    CHECK(fx_has_line(b, "pattern 17 6 * STATEMENT [023] s"));
    CHECK(fx_has_line(b, "pattern 18 6 FORCE TO_ * [100] d"));
    CHECK(fx_has_line(b, "pattern 19 6 * FXLL [+++] -"));
    CHECK(fx_has_line(b, "pattern 20 6 PEACE-KEEPING * [---] n"));
    CHECK(fx_has_line(b, "pattern 21 6 ANTI- + * [111] -"));
    CHECK(fx_has_line(b, "pattern 22 6 * {| DID_ | WAS |} NOT [120] -"));
    CHECK(fx_has_line(b, "pattern 23 6 * BAN_ [191] -"));
    /* no '*': the verb is implicit at the start (dict.h) */
    CHECK(fx_has_line(b, "pattern 24 6 NOT EXPLICITLY [082] -"));
    dict_builder_free(b);
}

UNIT_SUITE(verbs_tabari_root_codes) {
    dict_builder *b = vload("ADMIT  [013:012]\n"
                            "SAID  [023?] ;PAS\n"
                            "ATTEND  [031!]\n"
                            "ACCORD  [---]\n"
                            "FOOTBALL  [###]\n"
                            "BLAST  [+++]\n"
                            "- * STATEMENT  [122]\n",
                            NULL);
    CHECK_INT(dict_warning_count(b), 0);
    /* codes that say more than a code give the verb a "*" pattern */
    /* (English doubles the stressed final consonant, ADMITTED; TABARI's own
    ** endings give ADMITED) */
    CHECK(fx_has_line(b, "verb 1 ADMIT {ADMITS | ADMITTED | ADMITTING | ADMITES | ADMITED | ADMITING} [013]"));
    CHECK(fx_has_line(b, "pattern 1 1 * [013:012] -"));
    CHECK(fx_has_line(b, "verb 2 SAID {SAIDS | SAIDED | SAIDING | SAIDES} [023]"));
    CHECK(fx_has_line(b, "pattern 2 2 * [023] s"));
    CHECK(fx_has_line(b, "pattern 3 3 * [031] d"));
    CHECK(fx_has_line(b, "verb 4 ACCORD {ACCORDS | ACCORDED | ACCORDING | ACCORDES} [---]"));
    CHECK(fx_has_line(b, "verb 5 FOOTBALL {FOOTBALLS | FOOTBALLED | FOOTBALLING | FOOTBALLES} [###]"));
    CHECK(fx_has_line(b, "verb 6 BLAST {BLASTS | BLASTED | BLASTING | BLASTES} [+++]"));
    CHECK(fx_has_line(b, "pattern 7 6 * STATEMENT [122] -"));
    CHECK_INT(fx_count_lines(b, "pattern "), 4);
    dict_builder_free(b);
}

UNIT_SUITE(verbs_tabari_synsets_time) {
    dict_builder *b = vload("<SYNSETS>\n"                       /* 1 */
                            "&CURRENCY \n"                      /* 2 */
                            "+DOLLAR\n"                         /* 3 */
                            "+GOLDEN_GOBLIN_GALLEONS\n"         /* 4 */
                            "+PESO_$\n"                         /* 5 */
                            "+KRONER_\n"                        /* 6 */
                            "+YUM YENNYEN \n"                   /* 7 */
                            "&TIEPHRASE\n"                      /* 8 */
                            "+&CURRENCY_MEMOS\n"                /* 9 */
                            "+MEMOS_ON_&CURRENCY\n"             /* 10 */
                            "</SYNSETS>\n"                      /* 11 */
                            "<TIME>\n"                          /* 12 */
                            "FOREVER_AND_A_DAY [- - -]\n"       /* 13 */
                            "KAN_WA_MA_KAN [###]\n"             /* 14 */
                            "LAST_WEEK [-7]\n"                  /* 15 */
                            "NEXT_MONTH [+30]\n"                /* 16 */
                            "TOMORROW [+1]\n"                   /* 17 */
                            "- * AND A WEEK [+8]\n"             /* 18 */
                            "WHEN_PEACE_COMES [+++]\n"          /* 19 */
                            "</TIME>\n"                         /* 20 */
                            "CONTRIBUT  [070] ;tony\n"          /* 21 */
                            "- * &CURRENCY [903]; -PAS\n"       /* 22 */
                            "- * &TIEPHRASE [904]\n"            /* 23 */
                            "~~FINISH 15:23 CST Tue 30 Dec 2008\n"
                            "NOT A [ROOT\n",
                            NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "synset 2 &CURRENCY DOLLAR | GOLDEN_ GOBLIN_ GALLEONS | PESO_ $ | KRONER_ | "
                  "YUM YENNYEN"));
    CHECK(fx_has_line(b, "synset 8 &TIEPHRASE &CURRENCY MEMOS | MEMOS_ ON_ &CURRENCY"));
    /* <TIME>: a verb with the shift as code and a "*" pattern flagged t */
    CHECK(fx_has_line(b, "verb 13 FOREVER_ AND_ A_ DAY {} [---]"));
    CHECK(fx_has_line(b, "pattern 13 13 * [---] nt"));
    CHECK(fx_has_line(b, "pattern 14 14 * [###] xt"));
    CHECK(fx_has_line(b, "verb 15 LAST_ WEEK {} [-7]"));
    CHECK(fx_has_line(b, "pattern 15 15 * [-7] t"));
    CHECK(fx_has_line(b, "pattern 16 16 * [+30] t"));
    CHECK(fx_has_line(b, "verb 17 TOMORROW {} [+1]"));
    CHECK(fx_has_line(b, "pattern 18 17 * AND A WEEK [+8] t"));
    CHECK(fx_has_line(b, "pattern 19 19 * [+++] t"));
    /* after </TIME>: ordinary verbs again */
    CHECK(fx_has_line(b, "verb 21 CONTRIBUT {CONTRIBUTS | CONTRIBUTED | CONTRIBUTING | CONTRIBUTES} [070]"));
    CHECK(fx_has_line(b, "pattern 22 21 * &CURRENCY [903] -"));
    CHECK(fx_has_line(b, "pattern 23 21 * &TIEPHRASE [904] -"));
    /* ~~FINISH ends the dictionary */
    CHECK_INT(fx_count_lines(b, "verb "), 7);
    dict_builder_free(b);
}

UNIT_SUITE(verbs_tabari_bad) {
    int rc;
    dict_builder *b = vload("- * ORPHAN [010]\n"                  /* 1: before any verb */
                            "ABANDON  [345\n"                     /* 2: unclosed [ (root skipped) */
                            "- * EFFORT  [987]\n"                 /* 3: quietly skipped with it */
                            "ACCORD\n"                            /* 4: no code */
                            "ACKNOWLEDGE  [023]\n"                /* 5 */
                            "- * FOR { A | B  [172]\n"            /* 6: unclosed { */
                            "-   [111]\n"                         /* 7: empty pattern */
                            "- * \"PAINFUL\" RESPONSE [138]\n"    /* 8: unknown element */
                            "- * NEW [12 3]\n"                    /* 9: blank in code */
                            "- * NEW [12:]\n"                     /* 10: bad pair */
                            "- * NEW [1-2]\n"                     /* 11: bad code */
                            "- * FIRE IN PROTEST } [145]\n"       /* 12: } without { */
                            "- + { WAS | WERE ] * BY_ $ [195]\n"  /* 13: ] for } */
                            "- * COMMIT * AID [033]\n"            /* 14: two * */
                            "- * | AID [033]\n"                   /* 15: | outside {} */
                            "- * { | AID } [033]\n"               /* 16: empty alternative */
                            "- * &NOSUCH [033]\n"                 /* 17: undefined synset */
                            "- * AID\n"                           /* 18: no code */
                            "- * AID [033] junk\n"                /* 19: text after ] */
                            "- -- + HAVE * [190]\n"               /* 20: '--' is no word */
                            "<ATTRIB>\n"                          /* 21: unknown section */
                            "SAID [010]\n"                        /* 22: skipped with it */
                            "</ATTRIB>\n"                         /* 23 */
                            "<TIME>\n"                            /* 24 */
                            "SOON [+x]\n"                         /* 25: bad shift */
                            "</TIME>\n"                           /* 26 */
                            "+DOLLAR\n"                           /* 27: member, no synset */
                            "{ GONE }\n"                          /* 28: forms, no verb */
                            "&\n"                                 /* 29: bad synset name */
                            "&EMPTY\n"                            /* 30: no members */
                            "GO {} [030]\n"                       /* 31: empty {} */
                            "- * OK [040]\n"                      /* 32: quietly skipped */
                            "FLY [040]\n"                         /* 33 */
                            "- * (TO) [010]\n",                   /* 34: no ( in TABARI */
                            &rc);
    CHECK_INT(rc, 0);
    CHECK(vwarned(b, 1, "pattern before any verb"));
    CHECK(vwarned(b, 2, "unclosed '['"));
    CHECK(vwarned(b, 4, "missing [CODE]"));
    CHECK(vwarned(b, 6, "unclosed '{'"));
    CHECK(vwarned(b, 7, "empty pattern"));
    CHECK(vwarned(b, 8, "unknown pattern element '\"'"));
    CHECK(vwarned(b, 9, "blank inside code"));
    CHECK(vwarned(b, 10, "bad code [12:]"));
    CHECK(vwarned(b, 11, "bad code [1-2]"));
    CHECK(vwarned(b, 12, "'}' without '{'"));
    CHECK(vwarned(b, 13, "stray ']'"));
    CHECK(vwarned(b, 14, "more than one '*'"));
    CHECK(vwarned(b, 15, "'|' outside {...}"));
    CHECK(vwarned(b, 16, "empty alternative"));
    CHECK(vwarned(b, 17, "undefined synset '&NOSUCH'"));
    CHECK(vwarned(b, 18, "missing [CODE]"));
    CHECK(vwarned(b, 19, "after ']'"));
    CHECK(vwarned(b, 20, "unknown pattern element '--'"));
    CHECK(vwarned(b, 21, "unknown section '<ATTRIB>'"));
    CHECK(vwarned(b, 25, "bad time shift [+x]"));
    CHECK(vwarned(b, 27, "unrecognised line"));
    CHECK(vwarned(b, 28, "without a verb line"));
    CHECK(vwarned(b, 29, "bad synset name"));
    CHECK(vwarned(b, 30, "has no members"));
    CHECK(vwarned(b, 31, "empty {}"));
    CHECK(vwarned(b, 34, "unknown pattern element '('"));
    CHECK_INT(dict_warning_count(b), 26);
    CHECK_INT(dict_error_count(b), 0);
    /* only ACKNOWLEDGE and FLY survive, with no pattern */
    CHECK_INT(fx_count_lines(b, "verb "), 2);
    CHECK(fx_has_line(b, "verb 5 ACKNOWLEDGE {ACKNOWLEDGES | ACKNOWLEDGED | ACKNOWLEDGING} [023]"));
    CHECK_INT(fx_count_lines(b, "pattern "), 0);
    CHECK_INT(fx_count_lines(b, "synset "), 0);
    dict_builder_free(b);
}

UNIT_SUITE(verbs_tabari_text) {
    /* CRLF endings, tabs, a UTF-8 BOM, lower case */
    int rc;
    dict_builder *b = vload("\xEF\xBB\xBF" "Abandon\t[345]\r\n- *\tEffort_  [987] ;x\r\n", &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "verb 1 ABANDON {ABANDONS | ABANDONED | ABANDONING | ABANDONES} [345]"));
    CHECK(fx_has_line(b, "pattern 2 1 * EFFORT_ [987] -"));
    dict_builder_free(b);
    /* unusable texts */
    b = vload("; only a comment\n\n", &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(dict_message_count(b), 0);
    dict_builder_free(b);
    b = vload("+A\n+B\n", &rc);
    CHECK_INT(rc, -1);
    CHECK_INT(dict_error_count(b), 1);
    dict_builder_free(b);
    b = dict_builder_new();
    CHECK_INT(dict_read_verbs(b, "t.verbs", "ABANDON [345]\0", 14), -1);
    CHECK_INT(dict_error_count(b), 1);
    CHECK_INT(dict_read_verbs(b, "t.verbs", NULL, 0), 0);
    dict_builder_free(b);
}

/* ------------------------------------------------------------ PETRARCH-1 */

UNIT_SUITE(verbs_petrarch1) {
    int rc;
    dict_builder *b = vload(
        "<!-- PETRARCH VALIDATION SUITE VERBS DICTIONARY -->\n"   /* 1 */
        "<!-- a comment\n"                                        /* 2 */
        "   over two lines -->\n"                                 /* 3 */
        "&CURRENCY  # a comment\n"                                /* 4 */
        "+DOLLARS\n"                                              /* 5 */
        "+CURRENCY\n"                                             /* 6 */
        "+CASH_\n"                                                /* 7 */
        "\n"                                                      /* 8 */
        "&AUXVERB3_\n"                                            /* 9 */
        "+ARMY\n"                                                 /* 10 */
        "\n"                                                      /* 11 */
        "--- ABANDON  [345]  ---\n"                               /* 12 */
        "ABANDON    # pas 15 Jul 2003\n"                          /* 13 */
        "+CLEAR_UP\n"                                             /* 14 */
        "RE_+ARREST [002]\n"                                      /* 15 */
        "SAY {SAYS SAID SAYING} [002]\n"                          /* 16 */
        "DESERT [345]\n"                                          /* 17 */
        "- * &CURRENCY [903] #  -PAS 12.01.12\n"                  /* 18 */
        "- * DIPLOMATIC_TIES [###]\n"                             /* 19 */
        "- * FOR { ECONOMIC_SANCTIONS | EMBARGO } [172]\n"        /* 20 */
        "\n"                                                      /* 21 */
        "--- APPRECIATE ---\n"                                    /* 22 */
        "APPRECIATE\n"                                            /* 23 */
        "- * POSITION  [042]\n"                                   /* 24 */
        "--- REPORT  [025?] ---\n"                                /* 25 */
        "REPORT\n",                                               /* 26 */
        &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(dict_warning_count(b), 0);
    /* plurals only where a stem would miss them, not for '_' members/names */
    CHECK(fx_has_line(b, "synset 4 &CURRENCY DOLLARS | CURRENCY | CURRENCIES | CASH_"));
    CHECK(fx_has_line(b, "synset 9 &AUXVERB3 ARMY"));
    /* the verbs using the block's code make one entry; the others one per code */
    CHECK(fx_has_line(b, "verb 13 ABANDON {ABANDONS | ABANDONED | ABANDONING | CLEAR_ UP | CLEARS_ UP | "
                  "CLEARED_ UP | CLEARING_ UP | DESERT | DESERTS | DESERTED | DESERTING} [345]"));
    /* '+' marks the verb word; {...} gives all the forms */
    CHECK(fx_has_line(b, "verb 15 RE_ ARREST {RE_ ARRESTS | RE_ ARRESTED | RE_ ARRESTING | SAY | SAYS | "
                  "SAID | SAYING} [002]"));
    CHECK_INT(fx_count_lines(b, "verb "), 4);
    /* every pattern of the block goes to every entry of the block */
    CHECK(fx_has_line(b, "pattern 18 13 * &CURRENCY [903] -"));
    CHECK(fx_has_line(b, "pattern 18 15 * &CURRENCY [903] -"));
    CHECK(fx_has_line(b, "pattern 19 13 * DIPLOMATIC_ TIES [###] x"));
    /* TABARI alternatives are still alternatives in PETRARCH-1 */
    CHECK(fx_has_line(b, "pattern 20 15 * FOR {| ECONOMIC_ SANCTIONS | EMBARGO |} [172] -"));
    /* a block without a code has the null code */
    CHECK(fx_has_line(b, "verb 23 APPRECIATE {APPRECIATES | APPRECIATED | APPRECIATING} [---]"));
    CHECK(fx_has_line(b, "pattern 24 23 * POSITION [042] -"));
    /* a block code that says more gives its verbs a "*" pattern */
    CHECK(fx_has_line(b, "verb 26 REPORT {REPORTS | REPORTED | REPORTING} [025]"));
    CHECK(fx_has_line(b, "pattern 26 26 * [025] s"));
    CHECK_INT(fx_count_lines(b, "pattern "), 8);
    dict_builder_free(b);
}

UNIT_SUITE(verbs_petrarch1_bad) {
    dict_builder *b = vload("&TIETYPES\n"                                /* 1 */
                            "+MILITARY\n"                                /* 2 */
                            "ABANDON\n"                                  /* 3: no block */
                            "--- DELAY [191]  [031:031]  ---\n"          /* 4: two codes */
                            "DELAY\n"                                    /* 5 */
                            "+BLOW_UP {+BLOWS_UP BLOWING_UP+ +BLEW_UP}\n" /* 6: bad form */
                            "+A_+B\n"                                    /* 7: two '+' */
                            "OVERTHROW {OVERTHREW};oy 29 Nov 2005\n"     /* 8: stale ';' */
                            "SNUB [111] {SNUBBED}\n"                     /* 9: code first */
                            "- SAID * AN OFFER + FOR TALKS # REJECT\n"   /* 10: no code */
                            "- * {A | B [010]\n"                         /* 11: unclosed { */
                            "--- BAD [1 2] ---\n"                        /* 12: bad code */
                            "BADLY\n",                                   /* 13 */
                            NULL);
    CHECK(vwarned(b, 3, "verb line outside a block"));
    CHECK(vwarned(b, 4, "after the block code"));
    CHECK(vwarned(b, 6, "form 'BLOWING_UP+' skipped"));
    CHECK(vwarned(b, 7, "more than one '+'"));
    CHECK(vwarned(b, 10, "missing [CODE]"));
    CHECK(vwarned(b, 11, "unclosed '{'"));
    CHECK(vwarned(b, 12, "blank inside code"));
    CHECK_INT(dict_warning_count(b), 7);
    CHECK(fx_has_line(b, "verb 5 DELAY {DELAYS | DELAYED | DELAYING | BLOW_ UP | BLOWS_ UP | BLEW_ UP | "
                  "OVERTHROW | OVERTHREW} [191]"));
    CHECK(fx_has_line(b, "verb 9 SNUB {SNUBBED} [111]"));
    /* PETRARCH: no TABARI extras; consonant + Y -> IES, IED */
    CHECK(fx_has_line(b, "verb 13 BADLY {BADLIES | BADLIED | BADLYING} [---]"));
    dict_builder_free(b);
}

/* ------------------------------------------------------------ PETRARCH-2 */

UNIT_SUITE(verbs_petrarch2) {
    int rc;
    dict_builder *b = vload(
        "####### SYNONYM SETS #######\n"                               /* 1 */
        "&FIGHT\n"                                                     /* 2 */
        "+FIGHT\n"                                                     /* 3 */
        "&FIGHT_OF_WORDS\n"                                            /* 4 */
        "+ARGUMENT\n"                                                  /* 5 */
        "&TESTSYN3\n"                                                  /* 6 */
        "+(TO THE END)\n"                                              /* 7 */
        "+{BITTER FIGHT}\n"                                            /* 8 */
        "---  ACCELERATE   [---]  ---\n"                               /* 9 */
        "ACCELERATE \n"                                                /* 10 */
        "HURRY {HURRIES HURRYING HURRIED }\n"                          /* 11 */
        "+ASK_FOR {+ASKED_FOR , +ASKS_FOR} [020]\n"                    /* 12 */
        "+ANGERED_BY {}\n"                                             /* 13 */
        "- * (TO)                                   [042:043]     # RUSH\n" /* 14 */
        "- * {ARMS SHIPMENT}                        [072]\n"           /* 15 */
        "- * (TO LIST) (OF {BANNED PARTIES})        [1722]\n"          /* 16 */
        "- * (BEFORE COURT)                         [:173]\n"          /* 17 */
        "- * DOWN (FROM)                            [080!]\n"          /* 18 */
        "- + * {DEMAND &FIGHT CONVENTIONS} $        [111]\n"           /* 19 */
        "- * (IN &FIGHT_OF_WORDS)                   [111]\n"           /* 20 */
        "- * &FIGHT_CRIM                            [1124]\n"          /* 21 */
        "- * &TESTSYN3                              [113]\n"           /* 22 */
        "---  OFFEND   [:110]  ---\n"                                  /* 23 */
        "OFFEND\n"                                                     /* 24 */
        "---  EXPLAIN   [010]  ---\n"                                  /* 25 */
        "SAY  {SAYS SAID SAYING}\n"                                    /* 26 */
        "---  ATTACK   [190]  ---\n"                                   /* 27 */
        "ATTACK\n"                                                     /* 28 */
        "~ a (a b ATTACK) SAY = a b 015\n"                             /* 29 */
        "~ a (b . ATTACK ) SAY = a b 112  # comment\n"                 /* 30 */
        "~ a (a b Q) SAID = a b Q\n",                                  /* 31 */
        &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "synset 4 &FIGHT_OF_WORDS ARGUMENT"));
    /* PETRARCH-2 members may be phrases */
    CHECK(fx_has_line(b, "synset 6 &TESTSYN3 ( TO THE END ) | { BITTER FIGHT }"));
    CHECK(fx_has_line(b, "verb 10 ACCELERATE {ACCELERATES | ACCELERATED | ACCELERATING | HURRY | HURRIES | "
                  "HURRYING | HURRIED | ANGERED_ BY} [---]"));
    /* commas between forms are tolerated */
    CHECK(fx_has_line(b, "verb 12 ASK_ FOR {ASKED_ FOR | ASKS_ FOR} [020]"));
    CHECK(fx_has_line(b, "pattern 14 10 * ( TO ) [042:043] -"));
    CHECK(fx_has_line(b, "pattern 14 12 * ( TO ) [042:043] -"));
    CHECK(fx_has_line(b, "pattern 15 10 * { ARMS SHIPMENT } [072] -"));
    CHECK(fx_has_line(b, "pattern 16 10 * ( TO LIST ) ( OF { BANNED PARTIES } ) [1722] -"));
    CHECK(fx_has_line(b, "pattern 17 10 * ( BEFORE COURT ) [:173] p"));
    CHECK(fx_has_line(b, "pattern 18 10 * DOWN ( FROM ) [080] d"));
    CHECK(fx_has_line(b, "pattern 19 10 + * { DEMAND &FIGHT CONVENTIONS } $ [111] -"));
    /* a defined name with '_' is one synset; otherwise '_' ends the name */
    CHECK(fx_has_line(b, "pattern 20 10 * ( IN &FIGHT_OF_WORDS ) [111] -"));
    CHECK(fx_has_line(b, "pattern 21 10 * &FIGHT CRIM [1124] -"));
    CHECK(fx_has_line(b, "pattern 22 10 * &TESTSYN3 [113] -"));
    /* passive-only block code: no active code, a "*" pattern [:110] */
    CHECK(fx_has_line(b, "verb 24 OFFEND {OFFENDS | OFFENDED | OFFENDING} [-]"));
    CHECK(fx_has_line(b, "pattern 24 24 * [:110] p"));
    /* transformations: a "*" pattern of the last verb, the text kept */
    CHECK(fx_has_line(b, "pattern 29 26 * [015] - ~a (a b ATTACK) SAY = a b 015"));
    CHECK(fx_has_line(b, "pattern 30 26 * [112] - ~a (b . ATTACK ) SAY = a b 112"));
    CHECK(fx_has_line(b, "pattern 31 26 * [-] - ~a (a b Q) SAID = a b Q"));
    dict_builder_free(b);
}

UNIT_SUITE(verbs_petrarch2_bad) {
    dict_builder *b = vload("---  ADD   [---]  ---\n"                        /* 1 */
                            "ADD\n"                                         /* 2 */
                            "- * (TO LIST                     [1722]\n"     /* 3 */
                            "- * VENTURE (WITH VISIT) VISIT)  [042:043]\n"  /* 4 */
                            "- * ((TO)) [010]\n"                            /* 5 */
                            "- * {IN (THE) NEWS} [010]\n"                   /* 6 */
                            "- * {} [010]\n"                                /* 7 */
                            "- * () [010]\n"                                /* 8 */
                            "- * {A {B}} [010]\n"                           /* 9 */
                            "- * A | B [010]\n"                             /* 10 */
                            "- * (IN &WEATHER) [---]\n"                     /* 11 */
                            "* (TO QUESTION) [110]\n"                       /* 12 */
                            "&TESTSYN3\n"                                   /* 13 */
                            "+(TO THE END\n"                                /* 14 */
                            "+OK\n"                                         /* 15 */
                            "~ a (a b FLY) ADD = a b 015\n"                 /* 16 */
                            "~ a (a b ADD) FLY = a b 015\n"                 /* 17 */
                            "~ a (a b ADD) ADD a b 015\n"                   /* 18 */
                            "~ a (a b ADD) ADD = a b [x]\n"                 /* 19 */
                            "~ a ((a b ADD)) ADD = a b 015\n",              /* 20 */
                            NULL);
    CHECK(vwarned(b, 3, "unclosed '('"));
    CHECK(vwarned(b, 4, "')' without '('"));
    CHECK(vwarned(b, 5, "'(' inside (...)"));
    CHECK(vwarned(b, 6, "'(' inside {...}"));
    CHECK(vwarned(b, 7, "empty noun phrase"));
    CHECK(vwarned(b, 8, "empty prepositional phrase"));
    CHECK(vwarned(b, 9, "nested '{'"));
    CHECK(vwarned(b, 10, "unknown pattern element '|'"));
    CHECK(vwarned(b, 11, "undefined synset '&WEATHER'"));
    CHECK(vwarned(b, 12, "unrecognised line"));
    CHECK(vwarned(b, 14, "unclosed '('"));
    CHECK(vwarned(b, 16, "'FLY' is not a verb"));
    CHECK(vwarned(b, 17, "'FLY' is not a verb"));
    CHECK(vwarned(b, 18, "bad transformation"));
    CHECK(vwarned(b, 19, "bad code [[x]]"));
    CHECK(vwarned(b, 20, "bad transformation"));
    CHECK_INT(dict_warning_count(b), 16);
    CHECK(fx_has_line(b, "synset 13 &TESTSYN3 OK"));
    CHECK_INT(fx_count_lines(b, "pattern "), 0);
    dict_builder_free(b);
}

/* TABARI unless "--- blocks ---"; PETRARCH-2 when (PP), {NP}, [:Y] or ~. */
UNIT_SUITE(verbs_dialects) {
    dict_builder *t = vload("ABANDON [345]\n- * (A) [010]\n~ a (a b X) Y = a b 1\n", NULL);
    CHECK_INT(dict_warning_count(t), 2);   /* TABARI: '(' unknown, '~' line unknown */
    dict_builder_free(t);
    dict_builder *b = vload("ABANDON [345]\n- * {A | B} [010]\n", NULL);
    CHECK(fx_has_line(b, "pattern 2 1 * {| A | B |} [010] -"));
    dict_builder_free(b);
    b = vload("--- ABANDON [345] ---\nABANDON\n- * {A | B} [010]\n", NULL);
    CHECK(fx_has_line(b, "verb 2 ABANDON {ABANDONS | ABANDONED | ABANDONING} [345]"));
    CHECK(fx_has_line(b, "pattern 3 2 * {| A | B |} [010] -"));
    dict_builder_free(b);
    b = vload("--- ABANDON [345] ---\nABANDON\n- * {A B} [010]\n", NULL);
    CHECK(fx_has_line(b, "pattern 3 2 * { A B } [010] -"));
    dict_builder_free(b);
    b = vload("--- ABANDON [345] ---\nABANDON\n- * A [:010]\n- * {A B} [010]\n", NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "pattern 4 2 * { A B } [010] -"));
    dict_builder_free(b);
}

/* ------------------------------------------------------------ real files */

static char *vslurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *t = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long len = ftell(f);
        if (len >= 0 && fseek(f, 0, SEEK_SET) == 0 && (t = malloc((size_t)len + 1)) != NULL) {
            *n = fread(t, 1, (size_t)len, f);
            t[*n] = 0;
        }
    }
    fclose(f);
    return t;
}

typedef struct vreal {
    const char *path;
    size_t verbs, patterns, synsets;   /* at least */
    size_t maxwarn;                    /* the known defects of the file */
    unsigned defect;                   /* a line that must be warned about, or 0 */
} vreal;

UNIT_SUITE(verbs_real_files) {
    static const vreal files[] = {
        {"../shared/data/conformance/tabari/TABARI.Demo.verbs", 280, 420, 5, 0, 0},
        {"../shared/data/reference-dicts/CAMEO.091003.master.verbs", 1200, 15500, 0, 14, 16183},
        {"../shared/data/reference-dicts/CAMEO.verbpatterns.150430.txt", 400, 11000, 35, 8, 12935},
        {"../shared/data/conformance/petrarch1/PETR.Validate.verbs.txt", 250, 480, 15, 1, 439},
        {"../shared/data/reference-dicts/CAMEO.2.0.txt", 450, 4600, 35, 4, 2374},
        {"../shared/data/conformance/petrarch-ud/PETR_Validate_verbs_2_02.txt", 60, 380, 25, 6, 463},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        const vreal *f = &files[i];
        size_t n = 0;
        char *text = vslurp(f->path, &n);
        if (!text) {
            printf("  skip %s (not present)\n", f->path);
            continue;
        }
        dict_builder *b = dict_builder_new();
        clock_t t0 = clock();
        int rc = dict_read_verbs(b, f->path, text, n);
        double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
        size_t nv = fx_count_lines(b, "verb "), np = fx_count_lines(b, "pattern "), ns = fx_count_lines(b, "synset ");
        printf("  %s: %zu verbs, %zu patterns, %zu synsets, %zu warnings, %.1f ms\n", f->path, nv,
               np, ns, dict_warning_count(b), ms);
        CHECK_INT(rc, 0);
        CHECK_INT(dict_error_count(b), 0);
        CHECK(nv >= f->verbs);
        CHECK(np >= f->patterns);
        CHECK(ns >= f->synsets);
        CHECK(dict_warning_count(b) <= f->maxwarn);
        if (f->defect) {
            char head[200];
            snprintf(head, sizeof head, "%s:%u:", f->path, f->defect);
            int found = 0;
            for (size_t k = 0; k < dict_message_count(b); k++)
                if (strncmp(dict_message(b, k, NULL), head, strlen(head)) == 0) found = 1;
            CHECK(found);
        }
        CHECK(ms < 300.0);
        dict_builder_free(b);
        free(text);
    }
}

/* The transformations of CAMEO 2.0 all find their verbs. */
UNIT_SUITE(verbs_real_cameo2) {
    size_t n = 0;
    char *text = vslurp("../shared/data/reference-dicts/CAMEO.2.0.txt", &n);
    if (!text) {
        printf("  skip CAMEO.2.0.txt (not present)\n");
        return;
    }
    dict_builder *b = dict_builder_new();
    CHECK_INT(dict_read_verbs(b, "c2", text, n), 0);
    char *d = fx_dump(b);
    size_t k = 0;
    for (const char *p = d; (p = strstr(p, " ~a ")) != NULL; p++) k++;
    CHECK_INT(k, 8);
    CHECK(strstr(d, "\npattern 9178 ") != NULL);
    CHECK(strstr(d, "\nverb 705 ") == NULL);  /* nothing before the first block */
    free(d);
    dict_builder_free(b);
    free(text);
}
