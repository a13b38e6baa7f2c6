/*
** test_coding.c - unit tests of the coder's semantics (src/coding: the
** contracts in coding.h, patterns.c, mentions.c and coder.c) through the
** public API only.  Each suite writes a small TABARI dictionary set of its
** own into a temporary folder, opens an engine on it with the models of
** data/ (tests run from the repository root), removes the files again, and
** codes one-line JSONL stories, checking events (source, target, code,
** flags, rule) and mentions against expectations worked out by hand from
** the fixture below.  Without data/models the suites are skipped with a
** message: the coder needs the parser.
**
** The parser is statistical, so the sentences are short, well-formed news
** sentences.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad.h"
#include "unit.h"

/* ------------------------------------------------------------ fixture */

/* Lines are numbered in the comments where a test names a rule
** ("t.verbs:N"). */
static const char FX_ACTORS[] =
    "; dyad unit-test actors (TABARI)\n"
    "RUSSIA_  [RUS]\n"
    "RUSSIAN_  [RUS]\n"
    "UKRAINE_  [UKR]\n"
    "FRANCE_  [FRA]\n"
    "GERMANY_  [DEU]\n"
    "CHINA_  [CHN]\n"
    "SERGEI_LAVROV_  [RUSGOV]\n"
    "JOHN_KERRY_  [USAGOVLEG 850103-130201] [USAGOV >130201]\n"
    "BENELUX_  [BEL/NLD/LUX]\n";

/* TABARI dialect (first comment ';'): no plurals are formed, so every
** surface form used below is listed. */
static const char FX_AGENTS[] =
    "; dyad unit-test agents (TABARI)\n"
    "FOREIGN_MINISTER_  [~GOV]\n"
    "GOVERNMENT_  [~GOV]\n"
    "TROOPS_  [~MIL]\n"
    "DIPLOMATS_  [~GOV]\n"
    "CHARITY_  [NGO~]\n";

static const char FX_VERBS[] =
    "<SYNSETS>\n"                                   /* 1 */
    "&TIETYPES\n"                                   /* 2 */
    "+DIPLOMATIC\n"                                 /* 3 */
    "+ECONOMIC\n"                                   /* 4 */
    "</SYNSETS>\n"                                  /* 5 */
    "ATTACK  [190]\n"                               /* 6 */
    "CONDEMN  [111]\n"                              /* 7 */
    "PROTEST  [140]\n"                              /* 8 */
    "PRAISE  [051]\n"                               /* 9 */
    "MEET {MET MEETS MEETING}  [040]\n"             /* 10 */
    "IMPOSE  [---]\n"                               /* 11 */
    "- * SANCTIONS ON +  [163]\n"                   /* 12 */
    "RESTORE  [---]\n"                              /* 13 */
    "- * TIES_WITH +  [064]\n"                      /* 14 */
    "SEND {SENT}  [---]\n"                          /* 15 */
    "- * { AID | ASSISTANCE } TO +  [070]\n"        /* 16 */
    "ESTABLISH  [---]\n"                            /* 17 */
    "- * &TIETYPES RELATIONS WITH +  [064]\n"       /* 18 */
    "PLAN  [---]\n"                                 /* 19 */
    "- SAID * TO ATTEND +  [036]\n"                 /* 20 */
    "OFFER  [030]\n"                                /* 21 */
    "- * AID TO +  [033]\n"                         /* 22 */
    "- * MILITARY AID TO +  [0332]\n"               /* 23 */
    "WARN  [130]\n"                                 /* 24 */
    "- * + OF STORMS  [---]\n"                      /* 25 */
    "DEFEAT  [190]\n"                               /* 26 */
    "- * SOCCER  [###]\n"                           /* 27 */
    "EXCHANGE  [---]\n"                             /* 28 */
    "- * PRISONERS WITH +  [061:062]\n"             /* 29 */
    "EXPEL  [170]\n"                                /* 30 */
    "- * BY  [:174]\n"                              /* 31 */
    "URGE  [020]\n"                                 /* 32 */
    "AGREE  [030]\n"                                /* 33 */
    "GREET  [X51]\n"                                /* 34 */
    "PRAISES  [052]\n";                             /* 35 */

/* PETRARCH discards: "+" discards the story, otherwise the sentence. */
static const char FX_DISCARDS[] =
    "# dyad unit-test discards\n"
    "FOOTBALL MATCH\n"
    "+ HOROSCOPE\n";

static const struct { const char *name, *text; } FX_FILES[] = {
    {"t.actors", FX_ACTORS},
    {"t.agents", FX_AGENTS},
    {"t.verbs", FX_VERBS},
    {"t.discards", FX_DISCARDS},
};
#define FX_NFILES (sizeof FX_FILES / sizeof *FX_FILES)

static int have_models(void) {
    struct stat st;
    if (stat("data/models", &st) == 0 && S_ISDIR(st.st_mode)) return 1;
    printf("  skipped: no data/models (run from the repository root with the models)\n");
    return 0;
}

/* Write the fixture into a fresh temporary folder, open an engine on it
** (no_target_ok as given), then remove the files and the folder: the engine
** keeps what it read.  Returns the engine, or NULL (a failed CHECK). */
static dyad_engine *fx_engine(int no_target_ok) {
    char dir[] = "/tmp/dyad-unit-coding-XXXXXX";
    char paths[FX_NFILES][64];
    const char *files[FX_NFILES];
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return NULL;
    }
    size_t written = 0;
    for (; written < FX_NFILES; written++) {
        snprintf(paths[written], sizeof paths[written], "%s/%s", dir, FX_FILES[written].name);
        files[written] = paths[written];
        FILE *f = fopen(paths[written], "w");
        if (!f) break;
        fputs(FX_FILES[written].text, f);
        if (fclose(f) != 0) break;
    }
    dyad_engine *e = NULL;
    char *err = NULL;
    if (written == FX_NFILES) {
        dyad_engine_options eo;
        memset(&eo, 0, sizeof eo);
        eo.data_dir = "data";
        eo.syntax = 1;                  /* the coder needs the parser */
        eo.dict_files = files;
        eo.ndict_files = FX_NFILES;
        eo.no_target_ok = no_target_ok;
        if (dyad_engine_open(&eo, &e, &err) != DYAD_OK) {
            printf("  engine: %s\n", err ? err : "?");
            e = NULL;
        }
        free(err);
    }
    for (size_t i = 0; i < written + (written < FX_NFILES); i++) remove(paths[i]);
    rmdir(dir);
    CHECK(e != NULL);
    if (!e) return NULL;
    /* the fixture reads cleanly: every entry is used as written */
    const dyad_dict *d = dyad_engine_dict(e);
    CHECK(d != NULL);
    if (d) {
        CHECK_INT(dyad_dict_error_count(d), 0);
        CHECK_INT(dyad_dict_warning_count(d), 0);
        for (size_t i = 0; i < dyad_dict_message_count(d); i++)
            printf("  dict: %s\n", dyad_dict_message(d, i, NULL));
        dyad_dict_stats ds;
        dyad_dict_get_stats(d, &ds);
        CHECK_INT(ds.discards, 2);
    }
    return e;
}

/* ------------------------------------------------------------ running */

/* The story being looked at: its reader stays open (the story's text backs
** the offsets) until the next code() or done(). */
static dyad_session *S;
static dyad_reader *R;
static const dyad_story *ST;
static char story_buf[2048];

static void close_story(void) {
    dyad_reader_close(R);
    R = NULL;
    ST = NULL;
}

/* Events of the last story as "SRC TGT CODE" ("-" for no target), joined
** by "; "; "" for none, "(error)" when the story could not be run. */
static const char *events(void) {
    static char out[2048];
    size_t n = 0;
    out[0] = 0;
    for (size_t i = 0; i < dyad_session_event_count(S) && n < sizeof out; i++) {
        const dyad_event *e = dyad_session_event(S, i);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s %s %s", i ? "; " : "", e->source,
                              e->target ? e->target : "-", e->code);
    }
    return out;
}

/* Code one story dated date (YYYY-MM-DD) whose text is text (pasted into
** JSON: no '"', and a backslash only as a JSON escape); returns events(). */
static const char *code_on(const char *text, const char *date) {
    close_story();
    if (strchr(text, '"')) return "(error)";
    snprintf(story_buf, sizeof story_buf, "{\"id\":\"t\",\"date\":\"%s\",\"text\":\"%s\"}\n", date,
             text);
    if (!(R = unit_story(S, story_buf, &ST))) return "(error)";
    return events();
}

static const char *code(const char *text) { return code_on(text, "2014-10-15"); }

/* Event i of the last story (a zeroed one when there is none, so that a
** failed count does not crash the checks after it). */
static const dyad_event *ev(size_t i) {
    static const dyad_event none;
    const dyad_event *e = dyad_session_event(S, i);
    return e ? e : &none;
}

/* Story text [a, b) as a string (for offsets). */
static const char *span(uint32_t a, uint32_t b) {
    static char out[256];
    if (!ST || b < a || b > ST->text_len) return "(bad span)";
    snprintf(out, sizeof out, "%.*s", (int)(b - a), ST->text + a);
    return out;
}

/* Does the rule of event i name line `line` of the fixture file `file`? */
static int rule_is(size_t i, const char *file, unsigned line) {
    char want[64];
    snprintf(want, sizeof want, "/%s:%u", file, line);
    const char *r = ev(i)->rule;
    size_t n = r ? strlen(r) : 0, m = strlen(want);
    if (n >= m && strcmp(r + n - m, want) == 0) return 1;
    printf("  rule of event %zu is \"%s\", expected \"...%s\"\n", i, r ? r : "(null)", want);
    return 0;
}

/* Open a session on a fresh fixture engine; 0 when the suite must stop. */
static dyad_engine *begin(int no_target_ok) {
    if (!have_models()) return NULL;
    dyad_engine *e = fx_engine(no_target_ok);
    if (!e) return NULL;
    S = dyad_session_new(e);
    CHECK(S != NULL);
    if (!S) {
        dyad_engine_close(e);
        return NULL;
    }
    return e;
}

static void done(dyad_engine *e) {
    close_story();
    dyad_session_free(S);
    S = NULL;
    dyad_engine_close(e);
}

/* ------------------------------------------------------------ patterns */

UNIT_SUITE(coding_patterns) {
    dyad_engine *e = begin(0);
    if (!e) return;

    /* Words in order with gaps allowed: "tough new" lies between IMPOSED
    ** and SANCTIONS, and '+' takes the next mention after ON.  IMPOSE's own
    ** code is '---', so the event can only come from line 12. */
    CHECK_STR(code("France imposed tough new sanctions on Russia."), "FRA RUS 163");
    CHECK(rule_is(0, "t.verbs", 12));
    CHECK_STR(span(ev(0)->verb_start, ev(0)->verb_end), "imposed");
    CHECK_STR(span(ev(0)->source_start, ev(0)->source_end), "France");
    CHECK_STR(span(ev(0)->target_start, ev(0)->target_end), "Russia");
    /* the pattern's words must all be there: no SANCTIONS, no 163, and the
    ** verb's '---' codes nothing */
    CHECK_STR(code("France imposed a curfew on Russia."), "");

    /* TABARI '_' connector: TIES_WITH needs WITH right after TIES. */
    CHECK_STR(code("Russia restored ties with Ukraine."), "RUS UKR 064");
    CHECK(rule_is(0, "t.verbs", 14));
    CHECK_STR(code("Russia restored ties of friendship with Ukraine."), "");

    /* Alternatives { AID | ASSISTANCE }: either one matches, nothing else. */
    CHECK_STR(code("Germany sent aid to Ukraine."), "DEU UKR 070");
    CHECK_STR(code("Germany sent assistance to Ukraine."), "DEU UKR 070");
    CHECK_STR(code("Germany sent letters to Ukraine."), "");

    /* &TIETYPES matches any of its members (DIPLOMATIC, ECONOMIC), and
    ** only them. */
    CHECK_STR(code("Germany established diplomatic relations with China."), "DEU CHN 064");
    CHECK(rule_is(0, "t.verbs", 18));
    CHECK_STR(code("Germany established economic relations with China."), "DEU CHN 064");
    CHECK_STR(code("Germany established cultural relations with China."), "");

    /* A pattern word before the verb ("- SAID * TO ATTEND +"): matched
    ** backwards from PLANNED; the source is the mention before the pattern's
    ** first word (TABARI's reading), the target the mention after ATTEND. */
    CHECK_STR(code("Russia said it planned to attend talks with Ukraine."), "RUS UKR 036");
    CHECK(rule_is(0, "t.verbs", 20));
    CHECK_STR(span(ev(0)->verb_start, ev(0)->verb_end), "planned");
    /* ... even when another actor stands between SAID and the verb: the
    ** source is the one before SAID */
    CHECK_STR(code("France said Russia planned to attend talks with Ukraine."), "FRA UKR 036");
    /* without SAID the pattern fails and PLAN's '---' codes nothing */
    CHECK_STR(code("Russia planned to attend talks with Ukraine."), "");

    /* The heaviest matching pattern wins: MILITARY AID TO + (4 elements)
    ** over AID TO + (3), which wins over OFFER's own code 030. */
    CHECK_STR(code("France offered military aid to Ukraine."), "FRA UKR 0332");
    CHECK(rule_is(0, "t.verbs", 23));
    CHECK_STR(code("France offered aid to Ukraine."), "FRA UKR 033");
    CHECK(rule_is(0, "t.verbs", 22));
    CHECK_STR(code("France offered Ukraine a loan."), "FRA UKR 030");
    CHECK(rule_is(0, "t.verbs", 21));

    /* '---' on a pattern codes nothing, though the verb has a code. */
    CHECK_STR(code("France warned Ukraine."), "FRA UKR 130");
    CHECK_STR(code("France warned Ukraine of storms."), "");

    /* '###' discards the whole sentence: DEFEATED's pattern matches SOCCER,
    ** and the event of ATTACKED in the same sentence goes too; the next
    ** sentence is still coded. */
    CHECK_STR(code("France defeated Germany."), "FRA DEU 190");
    CHECK_STR(code("France defeated Germany in a soccer match."), "");
    CHECK_STR(code("Russia attacked Ukraine before France defeated Germany in a soccer match."), "");
    CHECK_STR(code("France defeated Germany in a soccer match. Russia attacked Ukraine."),
              "RUS UKR 190");
    CHECK_INT(ev(0)->sentence, 1);

    /* Discard phrases: FOOTBALL MATCH discards its sentence, +HOROSCOPE the
    ** whole story. */
    CHECK_STR(code("Russia attacked Ukraine after the football match."), "");
    CHECK_STR(code("Russia attacked Ukraine after the match."), "RUS UKR 190");
    CHECK_STR(code("The football match ended. Russia attacked Ukraine."), "RUS UKR 190");
    CHECK_STR(code("Russia attacked Ukraine. The horoscope was good."), "");
    CHECK_STR(code("Russia attacked Ukraine. The weather was good."), "RUS UKR 190");

    /* A paired code [061:062]: source->target 061 and target->source 062. */
    CHECK_STR(code("Russia exchanged prisoners with Ukraine."), "RUS UKR 061; UKR RUS 062");

    /* '[:174]' applies only in the passive: the by-phrase is the source,
    ** the subject the target.  In the active voice the pattern is skipped
    ** (though BY is there) and EXPEL's own 170 applies. */
    CHECK_STR(code("Russian diplomats were expelled by France."), "FRA RUSGOV 174");
    CHECK(ev(0)->flags & DYAD_EF_PASSIVE);
    CHECK(rule_is(0, "t.verbs", 31));
    CHECK_STR(code("France expelled Russian diplomats by decree."), "FRA RUSGOV 170");
    CHECK(!(ev(0)->flags & DYAD_EF_PASSIVE));
    CHECK(rule_is(0, "t.verbs", 30));

    done(e);
}

/* ------------------------------------------------------------ actors */

UNIT_SUITE(coding_actors) {
    dyad_engine *e = begin(0);
    if (!e) return;

    /* A country and an agent compose: RUS + ~MIL. */
    CHECK_STR(code("Russian troops attacked Ukraine."), "RUSMIL UKR 190");
    CHECK_STR(span(ev(0)->source_start, ev(0)->source_end), "Russian troops");

    /* A person's code already has its sector: ~GOV adds nothing. */
    CHECK_STR(code("Foreign Minister Sergei Lavrov condemned Ukraine."), "RUSGOV UKR 111");
    CHECK_STR(span(ev(0)->source_start, ev(0)->source_end), "Foreign Minister Sergei Lavrov");
    CHECK_STR(code("Russian Foreign Minister Sergei Lavrov condemned Ukraine."), "RUSGOV UKR 111");

    /* A bare agent is "---" and its sector. */
    CHECK_STR(code("The government condemned Russia."), "---GOV RUS 111");

    /* A prefix agent ("NGO~") goes before the actor code. */
    CHECK_STR(code("A Russian charity praised France."), "NGORUS FRA 051");
    CHECK_STR(code("The charity praised France."), "NGO--- FRA 051");
    /* An exact form (PRAISES, line 35) wins over the stem (PRAISE) that
    ** also matches the word; other forms keep the stem's code. */
    CHECK_STR(code("Russia praises France."), "RUS FRA 052");
    CHECK(rule_is(0, "t.verbs", 35));
    CHECK_STR(code("Russia praised France."), "RUS FRA 051");

    /* Date-restricted codes: the story date chooses. */
    CHECK_STR(code_on("John Kerry condemned Russia.", "2012-06-01"), "USAGOVLEG RUS 111");
    CHECK_STR(code_on("John Kerry condemned Russia.", "2014-10-15"), "USAGOV RUS 111");

    /* An actor code "A/B/C" names three actors: one event each. */
    CHECK_STR(code("Benelux condemned Russia."), "BEL RUS 111; NLD RUS 111; LUX RUS 111");
    /* the three share the one phrase */
    for (size_t i = 0; i < 3; i++)
        CHECK_STR(span(ev(i)->source_start, ev(i)->source_end), "Benelux");
    /* ... and as a target */
    CHECK_STR(code("Russia condemned Benelux."), "RUS BEL 111; RUS NLD 111; RUS LUX 111");

    /* "former" before an agent: no longer in office, an elite (~ELI). */
    CHECK_STR(code("Former Russian diplomats condemned Ukraine."), "RUSELI UKR 111");
    /* A possessive joins actor and agent into one mention. */
    CHECK_STR(code("Russia's government condemned Ukraine."), "RUSGOV UKR 111");
    CHECK_STR(span(ev(0)->source_start, ev(0)->source_end), "Russia's government");
    /* A bare agent coordinated with an actor phrase shares its actor
    ** ("the Danish media and government"). */
    CHECK_STR(code("Russian troops and diplomats attacked Ukraine."),
              "RUSMIL UKR 190; RUSGOV UKR 190");
    /* Actors coordinated inside an agent's phrase share the agent
    ** ("Lawmakers in Fornost and Gondor"). */
    CHECK_STR(code("Diplomats in France and Germany condemned Russia."),
              "FRAGOV RUS 111; DEUGOV RUS 111");

    done(e);
}

/* ------------------------------------------------------------ compounds */

UNIT_SUITE(coding_compounds) {
    dyad_engine *e = begin(0);
    if (!e) return;

    /* "X and Y" as subject: one event per member. */
    CHECK_STR(code("France and Germany condemned Russia."), "FRA RUS 111; DEU RUS 111");
    CHECK(!(ev(0)->flags & DYAD_EF_RECIPROCAL));
    /* ... and as object */
    CHECK_STR(code("Russia condemned France and Germany."), "RUS FRA 111; RUS DEU 111");
    /* a list "X, Y and Z" */
    CHECK_STR(code("France, Germany and China condemned Russia."),
              "FRA RUS 111; DEU RUS 111; CHN RUS 111");
    /* no event whose source and target are the same code: RUS -> RUS goes */
    CHECK_STR(code("Russia and France condemned Russia."), "FRA RUS 111");

    /* Two clauses: an actor after "and" that is the subject of the next
    ** verb is not part of the first verb's object. */
    CHECK_STR(code("Russia attacked Ukraine on Monday and France condemned Russia."),
              "RUS UKR 190; FRA RUS 111");
    /* The same with ", and": the list rule of mentions.c ("X and Y the
    ** parse left apart") must not take France, the parsed subject of the
    ** next verb, into attacked's object. */
    CHECK_STR(code("Russia attacked Ukraine, and France condemned Russia."),
              "RUS UKR 190; FRA RUS 111");

    /* No target and a symmetric code (root 04, consult): the reciprocal
    ** events inside the coordination. */
    CHECK_STR(code("France and Germany met on Monday."), "FRA DEU 040; DEU FRA 040");
    CHECK(ev(0)->flags & DYAD_EF_RECIPROCAL);
    CHECK(ev(1)->flags & DYAD_EF_RECIPROCAL);

    /* A non-symmetric code (root 14, protest) with no target: no
    ** reciprocal events, and no dyad at all. */
    CHECK_STR(code("France and Germany protested on Monday."), "");

    done(e);
}

/* ------------------------------------------------------------ modality */

UNIT_SUITE(coding_modality) {
    dyad_engine *e = begin(0);
    if (!e) return;
    CHECK_STR(code("Russia attacked Ukraine."), "RUS UKR 190");
    CHECK_INT(ev(0)->flags, 0);
    /* negated and modal verbs code nothing */
    CHECK_STR(code("Russia did not attack Ukraine."), "");
    CHECK_STR(code("Russia could attack Ukraine."), "");
    CHECK_STR(code("Russia might attack Ukraine."), "");
    CHECK_STR(code("Russia didn't attack Ukraine."), "");
    CHECK_STR(code("Russia never attacked Ukraine."), "");
    /* a conditional clause codes nothing; the main clause is coded */
    CHECK_STR(code("France will condemn Russia if Russia attacks Ukraine."), "FRA RUS 111");
    done(e);
}

/* ------------------------------------------------------------ roles */

UNIT_SUITE(coding_roles) {
    dyad_engine *e = begin(0);
    if (!e) return;

    /* Passive: the by-phrase is the source, the subject the target. */
    CHECK_STR(code("Ukraine was attacked by Russia."), "RUS UKR 190");
    CHECK_INT(ev(0)->flags, DYAD_EF_PASSIVE);
    /* With no object the target is the first mention of the clause after
    ** the verb. */
    CHECK_STR(code("France protested to Russia on Monday."), "FRA RUS 140");
    /* A clause under a verb of saying is reported; inside quotation marks
    ** it is quoted too. */
    CHECK_STR(code("France said Russia attacked Ukraine."), "RUS UKR 190");
    CHECK_INT(ev(0)->flags, DYAD_EF_REPORTED);
    CHECK_STR(code("\\u201cRussia attacked Ukraine,\\u201d France said."), "RUS UKR 190");
    CHECK(ev(0)->flags & DYAD_EF_QUOTED);
    CHECK_STR(span(ev(0)->verb_start, ev(0)->verb_end), "attacked");

    /* Codes that are not CAMEO codes (digits first) code nothing. */
    CHECK_STR(code("France greeted Germany."), "");

    /* Structure.  An appeal (root 02) governing a verb through xcomp is the
    ** event; the condemning is not coded. */
    CHECK_STR(code("Germany urged France to condemn Russia."), "DEU FRA 020");
    /* The same when the parser reads "to attack" as an advcl instead of an
    ** xcomp: a to-infinitive under the appeal is not coded either. */
    CHECK_STR(code("France urged Russia to attack Ukraine."), "FRA RUS 020");
    /* A passive of asking still governs ("was urged by France to attack"):
    ** the appeal is the event, the attack is not. */
    CHECK_STR(code("Russia was urged by France to attack Ukraine."), "FRA RUS 020");
    CHECK_STR(code("Russia was urged to attack Ukraine."), "");
    /* An implicative governor (AGREE, 030) lets the embedded verb be the
    ** event, with the governor's subject (inferred); AGREE codes nothing. */
    CHECK_STR(code("Russia agreed to attack Ukraine."), "RUS UKR 190");
    CHECK(ev(0)->flags & DYAD_EF_INFERRED);
    CHECK_STR(span(ev(0)->verb_start, ev(0)->verb_end), "attack");
    /* A governor that is no dictionary verb and not implicative: what is
    ** pledged is not done, so nothing is coded. */
    CHECK_STR(code("France pledged to condemn Russia."), "");
    /* An attempt is coded as the act (CAMEO), with the governor's subject. */
    CHECK_STR(code("France tried to condemn Russia."), "FRA RUS 111");
    CHECK(ev(0)->flags & DYAD_EF_INFERRED);

    done(e);
}

/* ------------------------------------------------------------ dyads */

UNIT_SUITE(coding_dyads) {
    /* require_dyad (the default): no target, no event */
    dyad_engine *e = begin(0);
    if (!e) return;
    CHECK_STR(code("Russia condemned the decision."), "");
    done(e);

    /* no_target_ok: the event with target NULL and no target offsets */
    e = begin(1);
    if (!e) return;
    CHECK_STR(code("Russia condemned the decision."), "RUS - 111");
    CHECK(ev(0)->target == NULL);
    CHECK_INT(ev(0)->target_start, 0);
    CHECK_INT(ev(0)->target_end, 0);
    CHECK_INT(ev(0)->target_mention, -1);
    /* a non-symmetric code with a coordinated subject: one targetless event
    ** per member, none between the members */
    CHECK_STR(code("France and Germany protested on Monday."), "FRA - 140; DEU - 140");
    CHECK(!(ev(0)->flags & DYAD_EF_RECIPROCAL));
    /* a symmetric one still gives the reciprocal events, not targetless ones */
    CHECK_STR(code("France and Germany met on Monday."), "FRA DEU 040; DEU FRA 040");
    done(e);
}

/* ------------------------------------------------------------ mentions */

/* Index of the mention of the last story covering exactly the text want,
** or -1. */
static long mention_of(const char *want) {
    for (size_t i = 0; i < dyad_session_mention_count(S); i++) {
        const dyad_mention *m = dyad_session_mention(S, i);
        if (!strcmp(span(m->start, m->end), want)) return (long)i;
    }
    printf("  no mention \"%s\"; mentions:\n", want);
    for (size_t i = 0; i < dyad_session_mention_count(S); i++) {
        const dyad_mention *m = dyad_session_mention(S, i);
        printf("    %u-%u \"%s\" %s\n", m->start, m->end, span(m->start, m->end),
               m->code ? m->code : "(null)");
    }
    return -1;
}

UNIT_SUITE(coding_mentions) {
    dyad_engine *e = begin(0);
    if (!e) return;
    static const dyad_mention none;
    const dyad_mention *m;

    CHECK_STR(code("Foreign Minister Sergei Lavrov said he condemned Ukraine."), "RUSGOV UKR 111");
    /* two actor mentions and the pronoun, nothing else */
    CHECK_INT(dyad_session_mention_count(S), 3);
    long lav = mention_of("Foreign Minister Sergei Lavrov");
    long ukr = mention_of("Ukraine");
    long he = mention_of("he");
    m = lav >= 0 ? dyad_session_mention(S, (size_t)lav) : &none;
    CHECK_INT(m->kind, DYAD_MEN_ACTOR);
    CHECK_STR(m->code, "RUSGOV");
    CHECK_INT(m->sentence, 0);
    m = ukr >= 0 ? dyad_session_mention(S, (size_t)ukr) : &none;
    CHECK_INT(m->kind, DYAD_MEN_ACTOR);
    CHECK_STR(m->code, "UKR");
    /* a pronoun is left unresolved: code NULL */
    m = he >= 0 ? dyad_session_mention(S, (size_t)he) : &none;
    CHECK(he >= 0);
    CHECK_INT(m->kind, DYAD_MEN_PRONOUN);
    CHECK(m->code == NULL);
    /* the event points at its mentions (the source through "he": the
    ** nearest person before it) */
    CHECK_INT(ev(0)->source_mention, lav);
    CHECK_INT(ev(0)->target_mention, ukr);
    CHECK(ev(0)->flags & DYAD_EF_INFERRED);

    /* a bare agent is a mention of kind AGENT that keeps its "---GOV" */
    CHECK_STR(code("The government condemned Russia."), "---GOV RUS 111");
    long gov = mention_of("government");
    m = gov >= 0 ? dyad_session_mention(S, (size_t)gov) : &none;
    CHECK(gov >= 0);
    CHECK_INT(m->kind, DYAD_MEN_AGENT);
    CHECK_STR(m->code, "---GOV");

    /* mentions are kept in sentences that code nothing */
    CHECK_STR(code("Russia did not attack Ukraine."), "");
    CHECK(mention_of("Russia") >= 0);
    CHECK(mention_of("Ukraine") >= 0);
    done(e);
}
