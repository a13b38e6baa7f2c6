/*
** test_input_formats.c - unit tests for dates in text (textdate.c),
** datelines (dateline.c), and the TABARI and PETRARCH record readers
** (tabari.c, petrarch.c) through the public reader API.
**
** Record-reader tests write small inputs to files under /tmp (mkstemp) and
** remove them afterwards.  The TABARI validation-suite test reads
** ../shared/data/conformance/tabari/Validate.text relative to the repository
** root (where the tests run) and is skipped when that file is absent.
*/
#include "unit.h"

#include <stdlib.h>
#include <unistd.h>

#include "dyad.h"
#include "../../src/input/input.h"

/* ------------------------------------------------------------- helpers */

/* "LEN YYYY-M-D" for rd_textdate(s), or "0" when it finds no date. */
static const char *td(const char *s) {
    static char buf[64];
    dyad_date d;
    size_t k = rd_textdate(s, strlen(s), &d);
    if (k == 0) {
        snprintf(buf, sizeof buf, "0%s", d.year || d.month || d.day ? " (date not cleared)" : "");
        return buf;
    }
    snprintf(buf, sizeof buf, "%zu %d-%d-%d", k, d.year, d.month, d.day);
    return buf;
}

/* "LEN|PLACE|SOURCE|Y-M-D" for rd_dateline(s), or "none". */
static const char *dl(const char *s) {
    static char buf[256];
    rd_dateline_info d;
    if (!rd_dateline(s, strlen(s), &d)) return d.len ? "none (len set)" : "none";
    snprintf(buf, sizeof buf, "%zu|%.*s|%.*s|%d-%d-%d", d.len, (int)d.place_len,
             s + d.place_start, (int)d.source_len, s + d.source_start, d.date.year,
             d.date.month, d.date.day);
    return buf;
}

/* Write text to a new temporary file; its path goes to path[32].  Returns 0,
** or -1 (after a failing check) when the file cannot be written. */
static int write_temp(char path[32], const char *text) {
    snprintf(path, 32, "/tmp/dyad-unit-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return -1;
    size_t n = strlen(text);
    ssize_t w = write(fd, text, n);
    close(fd);
    CHECK(w == (ssize_t)n);
    return w == (ssize_t)n ? 0 : -1;
}

static dyad_reader *open_as(const char *path, dyad_format fmt) {
    dyad_read_options opt;
    memset(&opt, 0, sizeof opt);
    opt.format = fmt;
    dyad_reader *r = NULL;
    char *err = NULL;
    dyad_status st = dyad_reader_open(path, &opt, &r, &err);
    CHECK_INT(st, DYAD_OK);
    if (err) { printf("  open %s: %s\n", path, err); free(err); }
    return r;
}

/* "YYYY-MM-DD" of a story date, "" for the null date. */
static const char *date_str(dyad_date d) {
    static char buf[11];
    if (!dyad_date_format(d, buf)) buf[0] = 0;
    return buf;
}

/* The story text as a C string (the tests' texts hold no NUL). */
static int text_is(const dyad_story *s, const char *want) {
    return s->text_len == strlen(want) && memcmp(s->text, want, s->text_len) == 0 &&
           s->text[s->text_len] == 0;
}

/* One BODY segment over the whole text. */
static int one_body_segment(const dyad_story *s) {
    return s->nsegments == 1 && s->segments[0].kind == DYAD_SEG_BODY &&
           s->segments[0].start == 0 && s->segments[0].end == s->text_len;
}

/* ------------------------------------------------------------ textdate */

UNIT_SUITE(textdate) {
    /* month first */
    CHECK_STR(td("October 15, 2014"), "16 2014-10-15");
    CHECK_STR(td("Oct. 15, 2014"), "13 2014-10-15");
    CHECK_STR(td("Oct 15, 2014"), "12 2014-10-15");
    CHECK_STR(td("Oct 15 2014 was"), "11 2014-10-15");
    CHECK_STR(td("Oct 15"), "6 0-10-15");
    CHECK_STR(td("Sept. 3"), "7 0-9-3");
    CHECK_STR(td("Sep 3"), "5 0-9-3");
    CHECK_STR(td("OCT. 15"), "7 0-10-15");
    CHECK_STR(td("May 5th, 2014"), "13 2014-5-5");
    CHECK_STR(td("March 4 (Reuters) -"), "7 0-3-4");
    CHECK_STR(td("Oct 15, the talks"), "6 0-10-15");     /* comma not consumed */
    CHECK_STR(td("Oct 15-16"), "6 0-10-15");
    /* month and year only */
    CHECK_STR(td("October 2014"), "12 2014-10-0");
    CHECK_STR(td("October, 2014"), "13 2014-10-0");
    /* day first */
    CHECK_STR(td("15 October 2014"), "15 2014-10-15");
    CHECK_STR(td("15 Oct"), "6 0-10-15");
    CHECK_STR(td("15 Oct. 2014"), "12 2014-10-15");
    CHECK_STR(td("15 Oct."), "6 0-10-15");              /* final period not consumed */
    CHECK_STR(td("1st December"), "12 0-12-1");
    /* weekday */
    CHECK_STR(td("Wednesday, October 15, 2014"), "27 2014-10-15");
    CHECK_STR(td("Wed, 15 Oct 2014"), "16 2014-10-15");
    CHECK_STR(td("Wed. Oct. 15"), "12 0-10-15");
    /* numeric */
    CHECK_STR(td("2014-10-15"), "10 2014-10-15");
    CHECK_STR(td("2014-10-15T08:00Z"), "10 2014-10-15");
    CHECK_STR(td("2014/10/15"), "10 2014-10-15");
    CHECK_STR(td("10/15/2014"), "10 2014-10-15");
    CHECK_STR(td("2/29/2012"), "9 2012-2-29");
    /* impossible dates */
    CHECK_STR(td("Feb 30, 2014"), "0");
    CHECK_STR(td("February 29, 2013"), "0");
    CHECK_STR(td("Feb 29"), "6 0-2-29");                /* no year: allowed */
    CHECK_STR(td("April 31"), "0");
    CHECK_STR(td("Oct 0"), "0");
    CHECK_STR(td("2014-13-01"), "0");
    CHECK_STR(td("13/15/2014"), "0");
    CHECK_STR(td("10/15/14"), "0");                     /* 2-digit year */
    /* words that are not dates */
    CHECK_STR(td("Marching on"), "0");
    CHECK_STR(td("May be"), "0");
    CHECK_STR(td("May 5"), "5 0-5-5");
    CHECK_STR(td("may 5"), "0");
    CHECK_STR(td("march 4"), "0");
    CHECK_STR(td("Mayday 5"), "0");
    CHECK_STR(td("Oct15"), "0");
    CHECK_STR(td("Oct 150"), "0");
    CHECK_STR(td("Oct 15am"), "0");
    CHECK_STR(td("May, 5"), "0");
    CHECK_STR(td("Wednesday"), "0");
    CHECK_STR(td("Wed, the"), "0");
    CHECK_STR(td("Sun Valley"), "0");
    CHECK_STR(td("15 people"), "0");
    CHECK_STR(td(""), "0");
    /* the length limit is respected */
    dyad_date d;
    CHECK_INT(rd_textdate("October 15, 2014", 10, &d), 10);     /* "October 15" */
    CHECK_INT(d.year, 0);
    CHECK_INT(rd_textdate("October 15, 2014", 7, &d), 0);      /* "October" */
}

/* ------------------------------------------------------------ dateline */

UNIT_SUITE(dateline) {
    /* place and agency */
    CHECK_STR(dl("MOSCOW (Reuters) - Russia said"), "19|MOSCOW|Reuters|0-0-0");
    CHECK_STR(dl("MOSCOW(Reuters)-Russia said"), "16|MOSCOW|Reuters|0-0-0");
    CHECK_STR(dl("ST. PETERSBURG (Reuters) - Putin"), "27|ST. PETERSBURG|Reuters|0-0-0");
    CHECK_STR(dl("BEIRUT/MOSCOW (Reuters) - A"), "26|BEIRUT/MOSCOW|Reuters|0-0-0");
    CHECK_STR(dl("S\xC3\x83O PAULO (Reuters) - A"), "23|S\xC3\x83O PAULO|Reuters|0-0-0");
    CHECK_STR(dl("WASHINGTON (CNSNews.com) \xE2\x80\x93 Secretary"),
              "29|WASHINGTON|CNSNews.com|0-0-0");
    /* place, date, agency */
    CHECK_STR(dl("GENEVA, March 4 (Reuters) - The talks"), "28|GENEVA|Reuters|0-3-4");
    CHECK_STR(dl("UNITED NATIONS, Oct. 14 (Reuters) - The"), "36|UNITED NATIONS|Reuters|0-10-14");
    CHECK_STR(dl("NEW YORK, Oct 14, 2014 (AFP) -Officials"), "30|NEW YORK|AFP|2014-10-14");
    CHECK_STR(dl("NEW YORK, Oct 14, 2014 (AFP) - Officials"), "31|NEW YORK|AFP|2014-10-14");
    /* place and date, no agency */
    CHECK_STR(dl("SALVADOR, Feb 26 - The"), "19|SALVADOR||0-2-26");
    CHECK_STR(dl("SALVADOR, Feb 26 - the"), "19|SALVADOR||0-2-26");     /* a date is evidence enough */
    /* place, region, agency: the place is the city */
    CHECK_STR(dl("KIEV, Ukraine (AP) \xE2\x80\x94 Rebels"), "23|KIEV|AP|0-0-0");
    CHECK_STR(dl("KIEV, Ukraine (AP) -- Rebels"), "22|KIEV|AP|0-0-0");
    CHECK_STR(dl("ARLINGTON, Va., Oct. 14 (AP) - The"), "31|ARLINGTON|AP|0-10-14");
    CHECK_STR(dl("KIEV, Ukraine - Russia"), "16|KIEV||0-0-0");
    CHECK_STR(dl("WASHINGTON, D.C. -- The"), "20|WASHINGTON||0-0-0");
    /* bare place */
    CHECK_STR(dl("WASHINGTON - The State Department"), "13|WASHINGTON||0-0-0");
    CHECK_STR(dl("WASHINGTON \xE2\x80\x94 The"), "15|WASHINGTON||0-0-0");
    CHECK_STR(dl("WASHINGTON\xE2\x80\x94The"), "13|WASHINGTON||0-0-0");
    CHECK_STR(dl("WASHINGTON -- \"We"), "14|WASHINGTON||0-0-0");
    CHECK_STR(dl("DAR ES SALAAM - The"), "16|DAR ES SALAAM||0-0-0");
    CHECK_STR(dl("ROME - Italy"), "7|ROME||0-0-0");
    CHECK_STR(dl("WASHINGTON -\nThe"), "13|WASHINGTON||0-0-0");
    /* agency alone, and the scraper's remnant */
    CHECK_STR(dl("(CNSNews.com) \xE2\x80\x93 Secretary"), "18||CNSNews.com|0-0-0");
    CHECK_STR(dl("(Reuters) - Russia"), "12||Reuters|0-0-0");
    CHECK_STR(dl("( \xE2\x80\x93 Secretary of State"), "6|||0-0-0");
    CHECK_STR(dl("(- Secretary"), "3|||0-0-0");
    /* leading blanks are part of the dateline */
    CHECK_STR(dl("  MOSCOW (Reuters) - X"), "21|MOSCOW|Reuters|0-0-0");
    /* ordinary sentences */
    CHECK_STR(dl("The U.S. - Russian talks"), "none");
    CHECK_STR(dl("Russia's annexation of Ukraine's Crimea"), "none");
    CHECK_STR(dl("NATO - the alliance - said"), "none");
    CHECK_STR(dl("NATO - The alliance said"), "none");     /* acronym table */
    CHECK_STR(dl("OPEC -- Oil prices"), "none");
    CHECK_STR(dl("Kerry (left) met Lavrov"), "none");
    CHECK_STR(dl("(Photo: State Department)"), "none");
    CHECK_STR(dl("(Photo: State Department) - Kerry"), "none");
    CHECK_STR(dl("In MOSCOW - officials said"), "none");
    CHECK_STR(dl("WASHINGTON - the capital"), "none");     /* bare: needs a sentence after */
    CHECK_STR(dl("WASHINGTON-BASED groups"), "none");
    CHECK_STR(dl("WASHINGTON -BASED"), "none");
    CHECK_STR(dl("US - Russian talks"), "none");
    CHECK_STR(dl("U.S. - Russian talks"), "none");
    CHECK_STR(dl("EU - The bloc"), "none");                /* 2 letters */
    CHECK_STR(dl("G20 - The summit"), "none");
    CHECK_STR(dl("MOSCOW, the capital - X"), "none");
    CHECK_STR(dl("MOSCOW said on Tuesday"), "none");
    CHECK_STR(dl("MOSCOW (Reuters) Russia said"), "none");  /* no dash */
    CHECK_STR(dl("A - B"), "none");
    CHECK_STR(dl("WASHINGTON -"), "none");                 /* nothing after a bare place */
    CHECK_STR(dl(""), "none");
    /* the length limit is respected */
    rd_dateline_info d;
    CHECK_INT(rd_dateline("MOSCOW (Reuters) - Russia", 16, &d), 0);
    CHECK_INT(d.len, 0);
}

/* -------------------------------------------------------------- TABARI */

static const char tabari_input[] =
    "# a comment line\n"
    "\n"
    "950101  DEMO-01\n"
    "Arnor is about to restore full diplomatic ties with Gondor almost \n"
    "five years after crowds trashed its embassy. \n"
    "/*\\n------------------------------------------------------------------\n"
    "\\n[Simple coding]\n"
    "\\n{ ARN / GON / 064 } */    \n"
    "\n"
    "000102  FBIS-002-003  CEP20020711000013b\n"
    "Arnor signed an accord./*\n"
    "\\n{ ARN / GON / 081 } */\n"
    "\n"
    "9501201  ACTORSYN-01\n"                 /* 7-digit date: malformed */
    "Gollum is about to restore full diplomatic ties.\n"
    "\n"
    "950230  BADDAY-01\n"                    /* no 30 February */
    "Gondor is about to restore ties.\n"
    "\n"
    "20150607 YYYY-01\n"                     /* 4-digit year form */
    "Fornost is about to restore full diplomatic ties with Gondor.\n"
    "/* unclosed comment\n"
    "\\n{ FOR / GON / 064 }   /*\n"
    "\n"
    "830809  MISC-01\n"
    "Gondor has called for a boycott of Osgiliath.\n"
    "/* { GON / OSG / 172 } */\n"
    "830810  MISC-02\n"                      /* no blank line before it */
    "Gondor has called for a boycott of Mordor.\n"
    "\n"
    "830811  EMPTY-01\n"
    "\n"
    "830812\n"
    "No id on the header line.\n";

UNIT_SUITE(tabari) {
    char path[32];
    if (write_temp(path, tabari_input)) return;
    dyad_reader *r = open_as(path, DYAD_FMT_TABARI);
    if (!r) { unlink(path); return; }
    const dyad_story *s;

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);
    CHECK_INT(s->status, DYAD_OK);
    CHECK_STR(s->id, "DEMO-01");
    CHECK_STR(date_str(s->date), "1995-01-01");
    CHECK(text_is(s, "Arnor is about to restore full diplomatic ties with Gondor almost \n"
                     "five years after crowds trashed its embassy."));
    CHECK(one_body_segment(s));
    CHECK_INT(s->single_sentence, 1);
    CHECK_STR(s->expected, "\\n------------------------------------------------------------------\n"
                           "\\n[Simple coding]\n\\n{ ARN / GON / 064 }");
    CHECK_INT(s->line, 3);
    CHECK_INT(s->nwarnings, 0);
    CHECK(s->dateline_place == NULL);
    CHECK_INT(dyad_reader_format(r), DYAD_FMT_TABARI);

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);
    CHECK_INT(s->status, DYAD_OK);
    CHECK_STR(s->id, "FBIS-002-003");
    CHECK_STR(date_str(s->date), "2000-01-02");             /* 00 -> 2000 */
    CHECK(text_is(s, "Arnor signed an accord."));
    CHECK_STR(s->expected, "\\n{ ARN / GON / 081 }");
    CHECK_INT(s->line, 10);

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* 7-digit date */
    CHECK_INT(s->status, DYAD_FORMAT);
    CHECK(s->error && strstr(s->error, "line 14") && strstr(s->error, "9501201"));
    CHECK_STR(s->id, "ACTORSYN-01");
    CHECK_INT(s->line, 14);

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* Feb 30 */
    CHECK_INT(s->status, DYAD_FORMAT);
    CHECK(s->error && strstr(s->error, "line 17"));

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* the stream goes on */
    CHECK_INT(s->status, DYAD_OK);
    CHECK_STR(s->id, "YYYY-01");
    CHECK_STR(date_str(s->date), "2015-06-07");
    CHECK(text_is(s, "Fornost is about to restore full diplomatic ties with Gondor."));
    CHECK_STR(s->expected, "unclosed comment\n\\n{ FOR / GON / 064 }   /*");
    CHECK_INT(s->nwarnings, 1);                             /* comment not closed */

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);
    CHECK_STR(s->id, "MISC-01");
    CHECK_STR(date_str(s->date), "1983-08-09");             /* 83 -> 1983 */
    CHECK_STR(s->expected, "{ GON / OSG / 172 }");

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* header right after "*\/" */
    CHECK_STR(s->id, "MISC-02");
    CHECK_INT(s->status, DYAD_OK);
    CHECK(text_is(s, "Gondor has called for a boycott of Mordor."));
    CHECK(s->expected == NULL);
    CHECK_INT(s->line, 28);

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* no text */
    CHECK_STR(s->id, "EMPTY-01");
    CHECK_INT(s->status, DYAD_FORMAT);
    CHECK_INT(s->nsegments, 0);

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* no id */
    CHECK_INT(s->status, DYAD_FORMAT);
    CHECK(s->id != NULL && s->id[0] != 0);                  /* a made-up id, never NULL */

    CHECK_INT(dyad_reader_next(r, &s), DYAD_DONE);
    CHECK_INT(dyad_reader_next(r, &s), DYAD_DONE);
    dyad_reader_close(r);
    unlink(path);

    /* An empty file and a file of comments give no stories. */
    if (write_temp(path, "# nothing\n\n# here\n")) return;
    r = open_as(path, DYAD_FMT_TABARI);
    if (r) {
        CHECK_INT(dyad_reader_next(r, &s), DYAD_DONE);
        dyad_reader_close(r);
    }
    unlink(path);
}

/* The TABARI validation suite: 370 records, all readable except the two
** whose headers are malformed in the file itself ("9501201  ACTORSYN-01",
** a 7-digit date, and "186010029 YYYY-03", a 9-digit one). */
UNIT_SUITE(tabari_validate) {
    const char *path = "../shared/data/conformance/tabari/Validate.text";
    if (access(path, R_OK) != 0) {
        printf("skip: ../shared absent\n");
        return;
    }
    dyad_reader *r = open_as(path, DYAD_FMT_TABARI);
    if (!r) return;
    const dyad_story *s;
    dyad_status st;
    int n = 0, bad = 0, with_expected = 0, unexpected_bad = 0;
    uint64_t last_line = 0;
    int in_order = 1;
    while ((st = dyad_reader_next(r, &s)) == DYAD_OK) {
        n++;
        if (s->line <= last_line) in_order = 0;
        last_line = s->line;
        if (s->expected) with_expected++;
        if (s->status != DYAD_OK) {
            bad++;
            if (strcmp(s->id, "ACTORSYN-01") != 0 && strcmp(s->id, "YYYY-03") != 0) {
                unexpected_bad++;
                printf("  unexpected error: %s\n", s->error ? s->error : "?");
            }
        } else if (s->text_len == 0 || s->date.year == 0 || s->nsegments != 1) {
            unexpected_bad++;
        }
    }
    CHECK_INT(st, DYAD_DONE);
    CHECK_INT(n, 370);
    CHECK_INT(bad, 2);
    CHECK_INT(unexpected_bad, 0);
    CHECK(with_expected > 300);
    CHECK(in_order);
    dyad_reader_close(r);
}

/* ------------------------------------------------------------ PETRARCH */

static const char petrarch_input[] =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<Validation>\n"
    "<!--\n"
    "#   Use <Sentence ... evaluate=\"false\"> to bypass, add a comment in <!-- ... --> explaining\n"
    "#   The lines beginning with <PLEvent... are ignored\n"
    "-->\n"
    "<Environment>\n"
    "    <Verbfile>PETR.Validate.verbs.txt</Verbfile>\n"
    "</Environment>\n"
    "<Sentences>\n"
    "<!--Stop></Stop-->\n"
    "<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\" valid=\"true\">\n"  /* line 12 */
    "<!-- Simple coding -->\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
    "<!--EventCoding sourcecode=\"GON\" targetcode=\"OSG\" eventcode=\"041\"-->\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"OSG\" eventcode=\"041\" />\n"
    "<Text>\n"
    "Arnor &amp; Gondor &lt;restore&gt; &quot;full&quot; &apos;ties&apos; &#65;&#x42; caf&#xE9;.\n"
    "</Text>\n"
    "<Parse>\n"
    "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) < odd > )))\n"
    "</Parse>\n"
    "</Sentence>\n"
    "\n"
    "<Stop></Stop>\n"
    "<Sentence date = \"20080804\" id =\"AFP0808-02-0593-1b\" category=\"PARSING\" valid='true'>\n"  /* 26 */
    "<Text><![CDATA[Gondor <attacked> Mordor.]]></Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"121108\" id=\"BADDATE-1\">\n"                                   /* 29 */
    "<Text> Rohan welcomed Gondor. </Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"NOTEXT-1\">\n"                                  /* 32 */
    "<EventCoding noevents = \"True\"> </EventCoding>\n"
    "<Parse>(ROOT)</Parse>\n"
    "</Sentence>\n"
    "<Sentence category=\"OTHER\" date=\"20150609\" id=\"SYNSET_0\" evaluate=\"true\"/>\n"  /* 36 */
    "<EventCoding eventcode=\"1014\" sourcecode=\"USAGOV\" targetcode=\"IRN\" />\n"
    "<Text>\n"
    "Obama ordered an investigation against Iran\n"
    "</Text>\n"
    "<Parse>\n"
    "1\tObama\tObama\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "</Parse></Sentence>\n"
    "<Sentence date=\"19950102\" id=\"EMPTY-1\"/>\n"                                  /* 44 */
    "<Sentence date=\"19950103\" id=\"LAST-1\"><Text>Arnor met Gondor.</Text></Sentence>\n"
    "</Sentences>\n"
    "</Validation>\n";

UNIT_SUITE(petrarch) {
    char path[32];
    if (write_temp(path, petrarch_input)) return;
    dyad_reader *r = open_as(path, DYAD_FMT_PETRARCH);
    if (!r) { unlink(path); return; }
    const dyad_story *s;

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);
    CHECK_INT(s->status, DYAD_OK);
    CHECK_STR(s->id, "DEMO-00");
    CHECK_STR(date_str(s->date), "1995-01-01");
    CHECK(text_is(s, "Arnor & Gondor <restore> \"full\" 'ties' AB caf\xC3\xA9."));
    CHECK(one_body_segment(s));
    CHECK_INT(s->single_sentence, 1);
    CHECK_STR(s->expected,
              "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n"
              "<EventCoding sourcecode=\"ARN\" targetcode=\"OSG\" eventcode=\"041\" />");
    CHECK_INT(s->line, 12);
    CHECK_INT(s->nwarnings, 0);
    CHECK_INT(dyad_reader_format(r), DYAD_FMT_PETRARCH);
    CHECK_STR(s->category, "DEMO");
    CHECK_INT(s->valid, 1);
    CHECK_STR(s->directives, "<Environment>\n"
                             "    <Verbfile>PETR.Validate.verbs.txt</Verbfile>\n"
                             "</Environment>");        /* not the commented-out <Stop> */

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* spaced attributes, CDATA */
    CHECK_INT(s->status, DYAD_OK);
    CHECK_STR(s->id, "AFP0808-02-0593-1b");
    CHECK_STR(date_str(s->date), "2008-08-04");
    CHECK(text_is(s, "Gondor <attacked> Mordor."));
    CHECK(s->expected == NULL);
    CHECK_INT(s->line, 26);
    CHECK_STR(s->category, "PARSING");
    CHECK_INT(s->valid, 1);                                 /* valid='true' */
    CHECK_STR(s->directives, "<Stop></Stop>");

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* bad date: a warning */
    CHECK_INT(s->status, DYAD_OK);
    CHECK_STR(s->id, "BADDATE-1");
    CHECK(s->category == NULL);
    CHECK_INT(s->valid, -1);
    CHECK(s->directives == NULL);
    CHECK_INT(s->date.year, 0);
    CHECK_INT(s->nwarnings, 1);
    CHECK(s->nwarnings == 1 && strstr(s->warnings[0], "121108") != NULL);
    CHECK(text_is(s, "Rohan welcomed Gondor."));

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* no <Text>: an error */
    CHECK_INT(s->status, DYAD_FORMAT);
    CHECK_STR(s->id, "NOTEXT-1");
    CHECK(s->error && strstr(s->error, "line 32") && strstr(s->error, "<Text>"));
    CHECK_STR(s->expected, "<EventCoding noevents = \"True\"> </EventCoding>");

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* <Sentence .../> + content */
    CHECK_INT(s->status, DYAD_OK);
    CHECK_STR(s->id, "SYNSET_0");
    CHECK_STR(s->category, "OTHER");
    CHECK_INT(s->valid, 1);                                 /* evaluate="true" */
    CHECK(text_is(s, "Obama ordered an investigation against Iran"));
    CHECK_STR(s->expected,
              "<EventCoding eventcode=\"1014\" sourcecode=\"USAGOV\" targetcode=\"IRN\" />");
    CHECK_INT(s->nwarnings, 1);
    CHECK_INT(s->line, 36);

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* truly empty sentence */
    CHECK_STR(s->id, "EMPTY-1");
    CHECK_INT(s->status, DYAD_FORMAT);

    CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);            /* and the stream goes on */
    CHECK_STR(s->id, "LAST-1");
    CHECK_INT(s->status, DYAD_OK);
    CHECK(text_is(s, "Arnor met Gondor."));
    CHECK_STR(date_str(s->date), "1995-01-03");
    CHECK_INT(s->line, 45);

    CHECK_INT(dyad_reader_next(r, &s), DYAD_DONE);
    dyad_reader_close(r);
    unlink(path);

    /* An unclosed <Sentence> ends at the next one, with a warning; an
    ** unclosed comment swallows the rest. */
    if (write_temp(path, "<Sentences>\n"
                         "<Sentence date=\"20010101\" id=\"A\"><Text>One.</Text>\n"
                         "<Sentence date=\"20010102\" id=\"B\"><Text>Two.</Text></Sentence>\n"
                         "<!-- <Sentence date=\"20010103\" id=\"C\"><Text>Three.</Text></Sentence>\n"))
        return;
    r = open_as(path, DYAD_FMT_PETRARCH);
    if (r) {
        CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);
        CHECK_STR(s->id, "A");
        CHECK_INT(s->status, DYAD_OK);
        CHECK_INT(s->nwarnings, 1);
        CHECK(text_is(s, "One."));
        CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);
        CHECK_STR(s->id, "B");
        CHECK_INT(s->line, 3);
        CHECK_INT(s->nwarnings, 0);
        CHECK_INT(dyad_reader_next(r, &s), DYAD_DONE);
        dyad_reader_close(r);
    }
    unlink(path);
}

/* Control elements of validation files: <Config> between and inside
** sentences, <Skip>, valid="false"; entities in the category. */
UNIT_SUITE(petrarch_directives) {
    char path[32];
    if (write_temp(path, "<Sentences>\n"
                         "<Config option=\"require_dyad\" value=\"false\" />\n"
                         "<Config option=\"comma_min\" value=\"4\"></Config>\n"
                         "<Sentence date=\"20010101\" id=\"A\" category=\"R&amp;D\" valid=\"False\">\n"
                         "<Skip></Skip>\n"
                         "<Text>One.</Text>\n"
                         "<Config option=\"new_actor_length\" value=\"4\"/>\n"
                         "</Sentence>\n"
                         "<Sentence date=\"20010102\" id=\"B\" valid=\"maybe\"><Text>Two.</Text></Sentence>\n"
                         "</Sentences>\n"))
        return;
    dyad_reader *r = open_as(path, DYAD_FMT_PETRARCH);
    const dyad_story *s;
    if (r) {
        CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);
        CHECK_STR(s->id, "A");
        CHECK_STR(s->category, "R&D");
        CHECK_INT(s->valid, 0);
        CHECK_STR(s->directives, "<Config option=\"require_dyad\" value=\"false\" />\n"
                                 "<Config option=\"comma_min\" value=\"4\"></Config>\n"
                                 "<Skip></Skip>\n"
                                 "<Config option=\"new_actor_length\" value=\"4\"/>");
        CHECK(text_is(s, "One."));
        CHECK_INT(dyad_reader_next(r, &s), DYAD_OK);
        CHECK_STR(s->id, "B");
        CHECK_INT(s->valid, 0);                             /* not "true" */
        CHECK(s->directives == NULL);
        CHECK_INT(dyad_reader_next(r, &s), DYAD_DONE);
        dyad_reader_close(r);
    }
    unlink(path);
}
