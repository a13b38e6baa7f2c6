/*
** test_place_stage.c - the places stage (src/places/places.c) end to end on
** the gazetteer of data/geo and dyad's own dictionaries: which mentions are
** places, their roles (place, metonym, demonym), how same-named places are
** told apart (City, Region pairs, state abbreviations, the story's other
** places), "the French capital", and the place each event gets (a
** locative phrase of its verb, else the dateline, else none).  Every
** expectation was decided by hand from the sentence.  Skipped with a note
** when data/geo/gazetteer.bin or the models are absent (tests run from the
** repository root after `make`).
*/
#include <stdlib.h>
#include <sys/stat.h>

#include "dyad.h"
#include "unit.h"

static dyad_session *S;
static dyad_reader *R;
static const dyad_story *ST;
static char buf[2048];

static void close_story(void) {
    dyad_reader_close(R);
    R = NULL;
    ST = NULL;
}

/* Run one JSONL story of text (no '"') dated 2014-10-15; 0 on success. */
static int run(const char *text) {
    close_story();
    snprintf(buf, sizeof buf, "{\"id\":\"t\",\"date\":\"2014-10-15\",\"text\":\"%s\"}\n", text);
    R = unit_story(S, buf, &ST);
    return R ? 0 : -1;
}

/* The story's places as "text/role/name/country" joined by "; ". */
static const char *places(void) {
    static char out[1024];
    size_t n = 0;
    out[0] = 0;
    for (size_t i = 0; i < dyad_session_place_count(S) && n < sizeof out; i++) {
        const dyad_place_mention *m = dyad_session_place(S, i);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s/%s/%s/%s", i ? "; " : "",
                              (int)(m->end - m->start), ST->text + m->start,
                              dyad_place_role_name((dyad_place_role)m->role),
                              m->place.name ? m->place.name : "-",
                              m->place.name ? m->place.country : "-");
    }
    return out;
}

/* The place name and admin1 of mention i ("Paris TX"). */
static const char *where(size_t i) {
    static char out[128];
    const dyad_place_mention *m = dyad_session_place(S, i);
    if (!m || !m->place.name) return "-";
    snprintf(out, sizeof out, "%s %s", m->place.name, m->place.admin1);
    return out;
}

/* The events as "SRC TGT CODE @PLACE" ("@-" for none) joined by "; ". */
static const char *events(void) {
    static char out[1024];
    size_t n = 0;
    out[0] = 0;
    for (size_t i = 0; i < dyad_session_event_count(S) && n < sizeof out; i++) {
        const dyad_event *e = dyad_session_event(S, i);
        const dyad_place_mention *m = e->place >= 0 ? dyad_session_place(S, (size_t)e->place) : NULL;
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s %s %s @%s", i ? "; " : "", e->source,
                              e->target ? e->target : "-", e->code,
                              m && m->place.name ? m->place.name : "-");
    }
    return out;
}

static int have_data(void) {
    struct stat st;
    if (stat("data/models", &st) == 0 && stat("data/geo/gazetteer.bin", &st) == 0 &&
        stat("data/dict/dyad.ini", &st) == 0)
        return 1;
    printf("  skipped: no data/models, data/geo/gazetteer.bin or data/dict (run `make` "
           "from the repository root)\n");
    return 0;
}

UNIT_SUITE(place_stage) {
    CHECK_STR(dyad_place_role_name(DYAD_ROLE_METONYM), "metonym");
    CHECK_STR(dyad_place_role_name((dyad_place_role)7), "?");
    if (!have_data()) return;
    dyad_engine_options eo;
    memset(&eo, 0, sizeof eo);
    eo.data_dir = "data";
    eo.syntax = 1;
    dyad_engine *e = NULL;
    char *err = NULL;
    CHECK_INT(dyad_engine_open(&eo, &e, &err), DYAD_OK);
    free(err);
    if (!e) return;
    CHECK(dyad_engine_gazetteer(e) != NULL);
    S = dyad_session_new(e);
    CHECK(S != NULL);
    if (!S) {
        dyad_engine_close(e);
        return;
    }

    /* a place, a demonym; John Kerry is no place, nor is Tuesday; the
    ** meeting happened in Paris */
    CHECK_INT(run("Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in "
                  "Paris on Tuesday."), 0);
    CHECK_STR(places(), "Russian/demonym/Russian Federation/RUS; Paris/place/Paris/FRA");
    CHECK_STR(events(), "USAGOV RUSGOV 040 @Paris");

    /* the French capital is Paris; a verb hanging from 'told' shares its place */
    CHECK_INT(run("Kerry told reporters in the French capital after meeting Lavrov."), 0);
    CHECK_STR(places(), "French capital/place/Paris/FRA");
    CHECK(strstr(events(), "USAGOV RUSGOV 040 @Paris") != NULL);

    /* a fronted locative phrase; the government in Kiev is no place of the appeal */
    CHECK_INT(run("In Paris, Kerry met Lavrov. The government in Kiev has appealed to the West."), 0);
    CHECK_STR(places(), "Paris/place/Paris/FRA; Kiev/place/Kyiv/UKR");
    CHECK_STR(events(), "USAGOV RUSGOV 040 @Paris; UKRGOV WST 020 @-");

    /* City, Region fixes both; the subject Moscow stands for its government */
    CHECK_INT(run("The festival in Paris, Texas drew crowds. Moscow said it would retaliate."), 0);
    CHECK_STR(places(), "Paris/place/Paris/USA; Texas/place/Texas/USA; Moscow/metonym/Moscow/RUS");
    CHECK_STR(where(0), "Paris TX");

    /* a possessive is a metonym; 'over Crimea' is no place of the verb, and
    ** with no dateline the event has none */
    CHECK_INT(run("Russia's parliament criticized Ukraine over Crimea."), 0);
    CHECK(strncmp(places(), "Russia/metonym/", 15) == 0);
    CHECK(strstr(events(), "@Autonomous") == NULL);

    /* the dateline's city is the place of events with none of their own */
    CHECK_INT(run("MOSCOW (Reuters) - Russia criticized Ukraine."), 0);
    CHECK(dyad_session_place_count(S) >= 1);
    if (dyad_session_place_count(S) >= 1) {
        const dyad_place_mention *m = dyad_session_place(S, 0);
        CHECK_INT(m->sentence, UINT32_MAX);
        CHECK_STR(m->place.name ? m->place.name : "-", "Moscow");
        CHECK_STR(m->place.country, "RUS");
    }
    CHECK(strstr(events(), "RUS UKR 111 @Moscow") != NULL);

    /* an AP state abbreviation after 'City,'; a U.S. county; a person named
    ** Martin; March is a month; a continent; Kiev is Kyiv */
    CHECK_INT(run("A man from Gainesville, Ga., was arrested in Laurel County. Police said "
                  "Martin Jones was arrested in March. Aid to Africa reached Kiev."), 0);
    CHECK_STR(places(), "Gainesville/place/Gainesville/USA; Ga./place/Georgia/USA; "
                        "Laurel County/place/Laurel County/USA; Africa/place/Africa/---; "
                        "Kiev/place/Kyiv/UKR");
    CHECK_STR(where(0), "Gainesville GA");
    CHECK_STR(where(2), "Laurel County KY");

    /* same-named places told apart by the story's other places: Dublin
    ** near Columbus is Dublin, Ohio */
    CHECK_INT(run("Deputies from Dublin and Grove City searched a farm near Columbus, Ohio."), 0);
    CHECK_STR(where(0), "Dublin OH");

    /* the parts of a hyphenated word; a hyphenated name stays whole */
    CHECK_INT(run("Israeli-Egyptian talks moved to the Fargo-Moorhead area and to Guinea-Bissau."), 0);
    CHECK_STR(places(), "Israeli/demonym/Israel/ISR; Egyptian/demonym/Egypt/EGY; "
                        "Fargo/place/Fargo/USA; Moorhead/place/Moorhead/USA; "
                        "Guinea-Bissau/place/Guinea-Bissau/GNB");
    CHECK_STR(where(2), "Fargo ND");
    CHECK_STR(where(3), "Moorhead MN");

    /* no gazetteer, no places: events keep a null place */
    close_story();
    dyad_session_free(S);
    dyad_engine_close(e);
    eo.places = -1;
    e = NULL;
    CHECK_INT(dyad_engine_open(&eo, &e, NULL), DYAD_OK);
    if (!e) return;
    CHECK(dyad_engine_gazetteer(e) == NULL);
    S = dyad_session_new(e);
    CHECK_INT(run("Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in "
                  "Paris on Tuesday."), 0);
    CHECK_INT(dyad_session_place_count(S), 0);
    CHECK_STR(events(), "USAGOV RUSGOV 040 @-");
    /* a required gazetteer that is not there is an error naming it */
    close_story();
    dyad_session_free(S);
    S = NULL;
    dyad_engine_close(e);
    eo.places = 1;
    eo.gazetteer = "/nonexistent/gazetteer.bin";
    err = NULL;
    e = NULL;
    CHECK_INT(dyad_engine_open(&eo, &e, &err), DYAD_IO);
    CHECK(err && strstr(err, "/nonexistent/gazetteer.bin") != NULL);
    free(err);
    dyad_engine_close(e);
}
