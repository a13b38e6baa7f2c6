/*
** test_dict_actors.c - unit tests of the actor and agent readers
** (src/dict/read_actors.c, read_agents.c): one small fixture per syntax
** feature, checked through dict_dump() and the warnings, then the real
** TABARI, PETRARCH and Phoenix files from ../shared when it is there.
*/
#include <stdio.h>
#include <stdlib.h>

#include "../../src/dict/dict.h"
#include "dict_fixture.h"
#include "unit.h"

/* Read fixture src as file "t.actors" (or "t.agents" when agents). */
static dict_builder *load(const char *src, int agents, int *rc) {
    dict_builder *b = dict_builder_new();
    size_t n = strlen(src);
    int r = agents ? dict_read_agents(b, "t.agents", src, n)
                   : dict_read_tabari_actors(b, "t.actors", src, n);
    if (rc) *rc = r;
    return b;
}

/* Is there a message that starts with at ("t.actors:7:") and contains what? */
static int has_msg(const dict_builder *b, const char *at, const char *what) {
    for (size_t i = 0; i < dict_message_count(b); i++) {
        const char *m = dict_message(b, i, NULL);
        if (m && strncmp(m, at, strlen(at)) == 0 && strstr(m, what)) return 1;
    }
    printf("  no message \"%s ... %s\"; messages:\n", at, what);
    for (size_t i = 0; i < dict_message_count(b); i++) printf("    %s\n", dict_message(b, i, NULL));
    return 0;
}

/* ------------------------------------------------------------- actors */

UNIT_SUITE(dict_actors_entries) {
    /* TABARI entry lines: codes on the name line, ';' comments, '#' lines. */
    dict_builder *b = load("AL_GORE  [AGR] ;  pas 26 apr 03\n"
                           "AL GORE  [TEN]\n"
                           "#ALBRIGHZ  [991201-010114] [---] ; incorrect code block check\n"
                           "ALBRIGHT  [USAGOV 991201-010114] [---] ;ems 02 Feb 2001\n"
                           "AXNOR  [AR1 <911226] [AR2]\n"
                           "LORIEN  [ELR/GAL]\n"
                           "NASGUL  [###]\n"
                           "ARNOR_  [ ARN ]\n"
                           "MOUSE= [MUS]\n"
                           "ZIMBABWE\n"
                           "\t[RHO <790606]\n"
                           "\t[ZBW];jw 9/30/91\n"
                           "~~FINISH 16:47 CDT Thu 05 May 2005\n"
                           "AFTER_FINISH [XXX]\n",
                           0, NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "actor 1 AL_ GORE [AGR 0-99991231]"));
    CHECK(fx_has_line(b, "actor 2 AL GORE [TEN 0-99991231]"));
    CHECK(fx_has_line(b, "actor 4 ALBRIGHT [USAGOV 19991201-20010114] [--- 0-99991231]"));
    CHECK(fx_has_line(b, "actor 5 AXNOR [AR1 0-19911225] [AR2 0-99991231]"));
    CHECK(fx_has_line(b, "actor 6 LORIEN [ELR/GAL 0-99991231]"));
    CHECK(fx_has_line(b, "actor 7 NASGUL [### 0-99991231]"));
    CHECK(fx_has_line(b, "actor 8 ARNOR_ [ARN 0-99991231]"));
    CHECK(fx_has_line(b, "actor 9 MOUSE= [MUS 0-99991231]"));
    CHECK(fx_has_line(b, "actor 10 ZIMBABWE [RHO 0-19790605] [ZBW 0-99991231]"));
    CHECK_INT(fx_count_lines(b, "actor "), 9);   /* nothing after ~~FINISH */
    dict_builder_free(b);

    /* Phoenix: name line with a '#' comment, "+" synonyms, indented codes. */
    b = load("# a comment\n"
             "\n"
             "JOHN_KERRY_ # just KERRY is somewhat vague...\n"
             "+SECRETARY_KERRY_\n"
             "\t[USAGOVLEG 850103-130201]\n"
             "\t[USAGOV >130201]\n",
             0, NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "actor 3 JOHN_ KERRY_ + SECRETARY_ KERRY_ [USAGOVLEG 19850103-20130201] "
                      "[USAGOV 20130202-99991231]"));
    dict_builder_free(b);

    /* Dates: blanks in brackets, YYYYMMDD, open ends; codes in file order. */
    b = load("GOLLUM  ; pas 27 Apr 03\n"
             "+SMEAGOL\n"
             "\t[HOB < 950601]\n"
             "\t[HOBGOV 950601 - 990815]\n"
             "#\t[950601-990815]  incorrect code block check\n"
             "\t[HOBREB > 990816]\n"
             "\t\n"
             "SAM_GAMGEE [HOB]  # default\n"
             "\t[HOBCIV <20080120] # PAS\n"
             "\t[ORCHOB 20100109-20100112]\n"
             "\t[HOBELI >20130119]  # PAS\n"
             "ENT [### <890101] [ENT]\n"
             "ODD [A 20001231-20010101] [B 19991231-000101]\n",
             0, NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "actor 1 GOLLUM + SMEAGOL [HOB 0-19950600] [HOBGOV 19950601-19990815] "
                      "[HOBREB 19990817-99991231]"));
    CHECK(fx_has_line(b, "actor 8 SAM_ GAMGEE [HOB 0-99991231] [HOBCIV 0-20080119] "
                      "[ORCHOB 20100109-20100112] [HOBELI 20130120-99991231]"));
    CHECK(fx_has_line(b, "actor 12 ENT [### 0-19890100] [ENT 0-99991231]"));
    CHECK(fx_has_line(b, "actor 13 ODD [A 20001231-20010101] [B 19991231-20000101]"));
    dict_builder_free(b);

    /* 290101-300101 reads 2029..1930, which ends before it starts. */
    b = load("WINDOW [C 290101-300101] [D 300101-290101]\n", 0, NULL);
    CHECK(fx_has_line(b, "actor 1 WINDOW [D 19300101-20290101]"));
    CHECK_INT(dict_warning_count(b), 1);
    CHECK(has_msg(b, "t.actors:1:", "ends before it starts"));
    dict_builder_free(b);

    /* CRLF line ends, a BOM, and the last line without a newline. */
    b = load("\xEF\xBB\xBF"
             "GONDOR\r\n+MINAS_TIRITH  \r\n+ANORIEN\r\n\t[GON]\r\nROHAN [ROH]",
             0, NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "actor 1 GONDOR + MINAS_ TIRITH + ANORIEN [GON 0-99991231]"));
    CHECK(fx_has_line(b, "actor 5 ROHAN [ROH 0-99991231]"));
    dict_builder_free(b);
}

UNIT_SUITE(dict_actors_sections) {
    /* <NOUN> and <ADJECTIVE> sections become synsets; XML comments. */
    dict_builder *b = load("<NOUN>\n"
                           "BEES   ;pas 26 Feb 2002\n"
                           "FORCES_  ;JW   10/18/91\n"
                           "POLITICAL_SCIENTISTS\n"
                           "</NOUN>\n"
                           "<!-- one line -->\n"
                           "<!-- several\n"
                           "NOT_AN_ACTOR [XXX]\n"
                           "lines -->\n"
                           "<! -- PETRARCH's odd comment -->\n"
                           "<adjective>\n"
                           "BAD\n"
                           "EVIL\n"
                           "</ADJECTIVE>\n"
                           "AARDVARK [SAF] <!-- inline --> \n",
                           0, NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "synset 1 <NOUN> BEES | FORCES_ | POLITICAL_ SCIENTISTS"));
    CHECK(fx_has_line(b, "synset 11 <ADJECTIVE> BAD | EVIL"));
    CHECK(fx_has_line(b, "actor 15 AARDVARK [SAF 0-99991231]"));
    CHECK_INT(fx_count_lines(b, "actor "), 1);
    dict_builder_free(b);

    /* Section errors: never closed, closed without opening, unknown tag. */
    b = load("</NOUN>\n<VERBS>\n<NOUN>\nSHEEP\nGOATS [GOA]\n", 0, NULL);
    CHECK_INT(dict_warning_count(b), 4);
    CHECK(has_msg(b, "t.actors:1:", "</NOUN> without <NOUN>"));
    CHECK(has_msg(b, "t.actors:2:", "unknown tag"));
    CHECK(has_msg(b, "t.actors:5:", "code in a <NOUN> section"));
    CHECK(has_msg(b, "t.actors:3:", "never closed"));
    CHECK(fx_has_line(b, "synset 3 <NOUN> SHEEP"));
    dict_builder_free(b);
}

UNIT_SUITE(dict_actors_errors) {
    /* Each bad line is a warning naming it; the good entries stay. */
    int rc = 0;
    dict_builder *b = load("GOOD_ONE [G1]\n"                          /* 1 */
                           "UNCLOSED [USA\n"                          /* 2 */
                           "BADMONTH [USA 991301-991231]\n"           /* 3 */
                           "SHORTDATE [USA 9913-01]\n"                /* 4 */
                           "NOCODE_BLOCK [ 991201-010114]\n"          /* 5 */
                           "RUNTOGETHER [AAA950601-990815]\n"         /* 6 */
                           "BAREDATE [USA 991201]\n"                  /* 7 */
                           "_ [EMPTY]\n"                              /* 8 */
                           "FAEROYENE]_ [FRO]\n"                      /* 9 */
                           "NO_CODE_AT_ALL\n"                         /* 10 */
                           "TWO_CODES [OK] [USA 9908\n"               /* 11 */
                           "JUNK [OK2] trailing words\n"              /* 12 */
                           "EMPTYBLOCK []\n"                          /* 13 */
                           "GOOD_TWO\n"                               /* 14 */
                           "+ \n"                                     /* 15 */
                           "+FAEROYENE]_\n"                           /* 16 */
                           "\t[G2 >20130101]\n"                       /* 17 */
                           "\t[G3 >201005011]\n",                     /* 18 */
                           0, &rc);
    CHECK_INT(rc, 0);
    CHECK(has_msg(b, "t.actors:2:", "unclosed '['"));
    CHECK(has_msg(b, "t.actors:3:", "is not a date"));
    CHECK(has_msg(b, "t.actors:4:", "is not a date"));
    CHECK(has_msg(b, "t.actors:5:", "has no code"));
    CHECK(has_msg(b, "t.actors:6:", "runs into a date"));
    CHECK(has_msg(b, "t.actors:7:", "expected <YYMMDD"));
    CHECK(has_msg(b, "t.actors:8:", "empty phrase"));
    CHECK(has_msg(b, "t.actors:9:", "stray ']'"));
    CHECK(has_msg(b, "t.actors:10:", "has no code"));
    CHECK(has_msg(b, "t.actors:11:", "unclosed '['"));
    CHECK(has_msg(b, "t.actors:12:", "unexpected \"trailing words\""));
    CHECK(has_msg(b, "t.actors:13:", "empty code block"));
    CHECK(has_msg(b, "t.actors:15:", "empty phrase"));
    CHECK(has_msg(b, "t.actors:16:", "stray ']'"));
    CHECK(has_msg(b, "t.actors:18:", "is not a date"));
    CHECK_INT(dict_warning_count(b), 15);
    CHECK_INT(dict_error_count(b), 0);
    CHECK(fx_has_line(b, "actor 1 GOOD_ ONE [G1 0-99991231]"));
    CHECK(fx_has_line(b, "actor 11 TWO_ CODES [OK 0-99991231]"));
    CHECK(fx_has_line(b, "actor 12 JUNK [OK2 0-99991231]"));
    CHECK(fx_has_line(b, "actor 14 GOOD_ TWO [G2 20130102-99991231]"));
    CHECK_INT(fx_count_lines(b, "actor "), 4);
    dict_builder_free(b);

    /* Orphans: codes and synonyms before any actor. */
    b = load("\t[USA]\n+SYNONYM\nREAL [R]\n", 0, NULL);
    CHECK(has_msg(b, "t.actors:1:", "without an actor"));
    CHECK(has_msg(b, "t.actors:2:", "without an actor"));
    CHECK(fx_has_line(b, "actor 3 REAL [R 0-99991231]"));
    dict_builder_free(b);

    /* A rejected name line drops its synonyms and codes silently. */
    b = load("]BAD [X]\n+SYN\n\t[Y]\nNEXT [N]\n", 0, NULL);
    CHECK_INT(dict_warning_count(b), 1);
    CHECK_INT(fx_count_lines(b, "actor "), 1);
    dict_builder_free(b);

    /* Unusable: binary data, or nothing but bad lines. */
    b = dict_builder_new();
    CHECK_INT(dict_read_tabari_actors(b, "bin.actors", "AB\0CD [X]\n", 10), -1);
    CHECK_INT(dict_error_count(b), 1);
    dict_builder_free(b);
    b = load("[ 991201]\n+X\n", 0, &rc);
    CHECK_INT(rc, -1);
    CHECK_INT(dict_error_count(b), 1);
    dict_builder_free(b);
    /* Empty and comment-only files are fine. */
    b = load("", 0, &rc);
    CHECK_INT(rc, 0);
    dict_builder_free(b);
    b = load("# nothing\n;here\n", 0, &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(dict_message_count(b), 0);
    dict_builder_free(b);
}

/* ------------------------------------------------------------- agents */

UNIT_SUITE(dict_agents) {
    /* TABARI: ';' comments, blanks in brackets, prefix codes, plurals only
    ** after an exact last word (stems match plurals already; '=' forbids). */
    dict_builder *b = load("FOREIGN_MINISTER_  [ ~GOVFRM] ;jap 4/14/01\n"
                           "HUMAN_RIGHTS_BODY_   [  NGO~] ;BNL 07 Dec 2001\n"
                           "POLICE  [~COP]\n"
                           "MOUSE= [~MUS]\n",
                           1, NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "agent 1 FOREIGN_ MINISTER_ + FOREIGN_ MINISTERS_ ~GOVFRM"));
    CHECK(fx_has_line(b, "agent 2 HUMAN_ RIGHTS_ BODY_ + HUMAN_ RIGHTS_ BODIES_ NGO~"));
    CHECK(fx_has_line(b, "agent 3 POLICE ~COP"));
    CHECK(fx_has_line(b, "agent 4 MOUSE_ ~MUS"));
    dict_builder_free(b);

    /* PETRARCH: {} no plural, {X} a plural, regular plurals formed. */
    b = load("<!-- PETRARCH AGENTS -->\n"
             "PARLIAMENTARY_OPPOSITION {} [~OPP] #jap 11 Oct 2002\n"
             "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # mj\n"
             "AUTHORITY  [~GOV]\n"
             "CONGRESS [~LEG]\n"
             "ATTORNEY [~JUD]\n"
             "CHURCH_ [~REL]\n"
             "SECURITY SERVICE [~GOV]\n"
             "MSF {}  [NGO~] # pas 24 Nov 13\n"
             "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
             "AMBASSADOR\n"
             "+ENVOY\n"
             "\t[~GOV]\n",
             1, NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "agent 2 PARLIAMENTARY_ OPPOSITION ~OPP"));
    CHECK(fx_has_line(b, "agent 3 ATTORNEY_ GENERAL + ATTORNEYS_ GENERAL ~GOV"));
    CHECK(fx_has_line(b, "agent 4 AUTHORITY + AUTHORITIES ~GOV"));
    CHECK(fx_has_line(b, "agent 5 CONGRESS + CONGRESSES ~LEG"));
    CHECK(fx_has_line(b, "agent 6 ATTORNEY + ATTORNEYS ~JUD"));
    CHECK(fx_has_line(b, "agent 7 CHURCH_ + CHURCHES_ ~REL"));
    CHECK(fx_has_line(b, "agent 8 SECURITY SERVICE + SECURITY SERVICES ~GOV"));
    CHECK(fx_has_line(b, "agent 9 MSF NGO~"));
    CHECK(fx_has_line(b, "agent 10 GOLDEN_ GOOSE + GOLDEN_ GEESE ~GGS"));
    CHECK(fx_has_line(b, "agent 11 AMBASSADOR + AMBASSADORS + ENVOY + ENVOYS ~GOV"));
    dict_builder_free(b);

    /* Substitution sets: each word replaces the marker, no plurals. */
    b = load("!PERSON! = MAN, MEN, WOMAN , WOMEN, PERSON\n"
             "!MINST! = MINISTER, MINISTRY # comment\n"
             "!A! = X,Y\n"
             "CONGRESS!PERSON! [~LEG] # check for substitution marker\n"
             "!MINST!_OF_SILLY_WALKS [~GOV]\n"
             "FIRE!PERSON! {} [~GOV]\n"
             "HUSBAND!PERSON![~AGR]\n"
             "!A!_!MINST! [~TWO]\n"
             "!MINST! {!MINST!S} [~P]\n",
             1, NULL);
    CHECK_INT(dict_warning_count(b), 0);
    CHECK(fx_has_line(b, "agent 4 CONGRESSMAN + CONGRESSMEN + CONGRESSWOMAN + CONGRESSWOMEN + "
                      "CONGRESSPERSON ~LEG"));
    CHECK(fx_has_line(b, "agent 5 MINISTER_ OF_ SILLY_ WALKS + MINISTRY_ OF_ SILLY_ WALKS ~GOV"));
    CHECK(fx_has_line(b, "agent 6 FIREMAN + FIREMEN + FIREWOMAN + FIREWOMEN + FIREPERSON ~GOV"));
    CHECK(fx_has_line(b, "agent 7 HUSBANDMAN + HUSBANDMEN + HUSBANDWOMAN + HUSBANDWOMEN + "
                      "HUSBANDPERSON ~AGR"));
    CHECK(fx_has_line(b, "agent 8 X_ MINISTER + X_ MINISTRY + Y_ MINISTER + Y_ MINISTRY ~TWO"));
    CHECK(fx_has_line(b, "agent 9 MINISTER + MINISTRY + MINISTERS + MINISTRYS ~P"));
    dict_builder_free(b);

    /* Errors, each naming its line; the file goes on. */
    int rc = 0;
    b = load("# PETRARCH\n"                                   /* 1 */
             "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"              /* 2 recovered */
             "ISLAMIC_EXTREMIST\n"                            /* 3 no code */
             "CHAMBER {CHAMBERS [~BUS]\n"                     /* 4 missing } */
             "WIZARD [~WIZ\n"                                 /* 5 unclosed [ */
             "GOVERNOR [GOV]\n"                               /* 6 no ~ */
             "BAD!NOSUCH! [~X]\n"                             /* 7 undefined */
             "BAD!OPEN [~X]\n"                                /* 8 unclosed ! */
             "{PLURAL} [~X]\n"                                /* 9 empty */
             "TWICE [~A] [~B]\n"                              /* 10 second code */
             "TRAIL [~T] junk\n"                              /* 11 junk */
             "!EMPTY! = , \n"                                 /* 12 no words */
             "\t[~ORPHAN]\n"                                  /* 13 no agent */
             "LAST [~OK]\n",                                  /* 14 */
             1, &rc);
    CHECK_INT(rc, 0);
    CHECK(has_msg(b, "t.agents:2:", "closed with '}'"));
    CHECK(has_msg(b, "t.agents:3:", "has no code"));
    CHECK(has_msg(b, "t.agents:4:", "missing '}'"));
    CHECK(has_msg(b, "t.agents:5:", "unclosed '['"));
    CHECK(has_msg(b, "t.agents:6:", "expected [~CODE] or [CODE~]"));
    CHECK(has_msg(b, "t.agents:7:", "!NOSUCH! is not defined"));
    CHECK(has_msg(b, "t.agents:8:", "unclosed substitution marker"));
    CHECK(has_msg(b, "t.agents:9:", "empty phrase"));
    CHECK(has_msg(b, "t.agents:10:", "second code"));
    CHECK(has_msg(b, "t.agents:11:", "unexpected \"junk\""));
    CHECK(has_msg(b, "t.agents:12:", "has no words"));
    CHECK(has_msg(b, "t.agents:13:", "without an agent"));
    CHECK_INT(dict_warning_count(b), 12);
    CHECK(fx_has_line(b, "agent 2 DEPARMENT_ OF_ ENVIRONMENT + DEPARMENT_ OF_ ENVIRONMENTS ~ENV"));
    CHECK(fx_has_line(b, "agent 10 TWICE + TWICES ~A"));
    CHECK(fx_has_line(b, "agent 11 TRAIL + TRAILS ~T"));
    CHECK(fx_has_line(b, "agent 14 LAST + LASTS ~OK"));
    CHECK_INT(fx_count_lines(b, "agent "), 4);
    dict_builder_free(b);

    b = dict_builder_new();
    CHECK_INT(dict_read_agents(b, "bin.agents", "A\0 [~B]", 7), -1);
    CHECK_INT(dict_error_count(b), 1);
    dict_builder_free(b);
}

/* ------------------------------------------------------ the real files */

/* Read a file of ../shared into a malloc'd buffer; NULL if absent. */
static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    dyad_buf buf = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) dbuf_append(&buf, tmp, k);
    fclose(f);
    *n = buf.n;
    if (!buf.p) buf.p = calloc(1, 1);
    return buf.p;
}

typedef struct real_file {
    const char *path;
    int agents;          /* 1: dict_read_agents */
    size_t min, max;     /* plausible entry count */
    const char *line;    /* a known dump line, or NULL */
    size_t warnings;     /* warnings expected (the files' own defects) */
} real_file;

#define SHARED "../shared/data/"
static const real_file real_files[] = {
    {SHARED "conformance/tabari/TABARI.Demo.actors", 0, 120, 120,
     "actor 64 GOLLUM + SMEAGOL + SLINKER + STINKER [HOB 0-19950600] "
     "[HOBGOV 19950601-19990815] [HOBREB 19990817-99991231]", 0},
    {SHARED "conformance/petrarch1/PETR.Validate.actors.txt", 0, 120, 140,
     "actor 217 SAM_ GAMGEE [HOB 0-99991231] [HOBCIV 0-20080119] [ORCHOB 20100109-20100112] "
     "[HOBMIL 20080120-20121109] [HOBGOV 20121109-20130119] [HOBELI 20130120-99991231]", 0},
    {SHARED "conformance/petrarch-ud/PETR_Validate_actors_2_02.txt", 0, 120, 140,
     "actor 106 INTERNATIONAL_ CRIMINAL_ POLICE_ ORGANIZATION_ + INTERPOL "
     "[IGOCOPITP 0-99991231]", 0},
    {SHARED "reference-dicts/Phoenix.Countries.actors.txt", 0, 17000, 20000,
     "actor 51393 JOHN_ KERRY_ + SECRETARY_ KERRY_ + SECRETARY_ OF_ STATE_ KERRY_ + "
     "SECRETARY_ OF_ STATE_ JOHN_ KERRY_ + SENATOR_ KERRY_ + SENATOR_ JOHN_ KERRY_ + JOHN_ KERRY "
     "[USAGOVLEG 19850103-20130201] [USAGOV 20130202-99991231]", 46},
    {SHARED "reference-dicts/Phoenix.International.actors.txt", 0, 7000, 9000, NULL, 7},
    {SHARED "reference-dicts/Phoenix.MilNonState.actors.txt", 0, 900, 1200, NULL, 0},
    {SHARED "conformance/tabari/Validate.agents", 1, 86, 86,
     "agent 4 FOREIGN_ MINISTER_ + FOREIGN_ MINISTERS_ ~GOVFRM", 0},
    {SHARED "conformance/petrarch1/PETR.Validate.agents.txt", 1, 85, 90,
     "agent 19 CONGRESSMAN + CONGRESSMEN + CONGRESSWOMAN + CONGRESSWOMEN + CONGRESSPERSON ~LEG", 0},
    {SHARED "conformance/petrarch-ud/PETR_Validate_agents_2_02.txt", 1, 85, 90,
     "agent 14 ATTORNEY_ GENERAL + ATTORNEYS_ GENERAL ~GOV", 0},
    {SHARED "reference-dicts/Phoenix.agents.txt", 1, 2000, 2500,
     "agent 544 DEPARMENT_ OF_ ENVIRONMENT + DEPARMENT_ OF_ ENVIRONMENTS ~ENV", 2},
};

UNIT_SUITE(dict_actors_real) {
    FILE *probe = fopen(SHARED "reference-dicts/Phoenix.agents.txt", "rb");
    if (!probe) {
        printf("skip dict_actors_real: ../shared is absent\n");
        return;
    }
    fclose(probe);
    for (size_t i = 0; i < sizeof real_files / sizeof *real_files; i++) {
        const real_file *rf = &real_files[i];
        size_t n = 0;
        char *text = slurp(rf->path, &n);
        if (!text) {
            printf("skip %s: absent\n", rf->path);
            continue;
        }
        dict_builder *b = dict_builder_new();
        int rc = rf->agents ? dict_read_agents(b, rf->path, text, n)
                            : dict_read_tabari_actors(b, rf->path, text, n);
        CHECK_INT(rc, 0);
        size_t k = fx_count_lines(b, rf->agents ? "agent " : "actor ");
        if (k < rf->min || k > rf->max) printf("  %s: %zu entries\n", rf->path, k);
        CHECK(k >= rf->min && k <= rf->max);
        if (rf->line) CHECK(fx_has_line(b, rf->line));
        CHECK_INT(dict_warning_count(b), rf->warnings);
        CHECK_INT(dict_error_count(b), 0);
        dict_builder_free(b);
        free(text);
    }

    /* The known defects are named by line. */
    size_t n = 0;
    char *text = slurp(SHARED "reference-dicts/Phoenix.agents.txt", &n);
    dict_builder *b = dict_builder_new();
    dict_read_agents(b, "Phoenix.agents.txt", text, n);
    CHECK(has_msg(b, "Phoenix.agents.txt:544:", "[~ENV}"));
    CHECK(has_msg(b, "Phoenix.agents.txt:1927:", "ISLAMIC_ EXTREMIST"));
    dict_builder_free(b);
    free(text);
    text = slurp(SHARED "reference-dicts/Phoenix.Countries.actors.txt", &n);
    b = dict_builder_new();
    dict_read_tabari_actors(b, "Countries", text, n);
    CHECK(has_msg(b, "Countries:2039:", "9008223"));
    CHECK(has_msg(b, "Countries:15346:", "stray ']'"));
    CHECK(has_msg(b, "Countries:14190:", "ends before it starts"));
    CHECK(has_msg(b, "Countries:11939:", "IVO_ JOSIPOVIC_"));
    dict_builder_free(b);
    free(text);
}
