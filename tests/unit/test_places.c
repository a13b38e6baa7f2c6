/*
** test_places.c - the gazetteer (src/places): name keys, a small TSV
** compiled in memory (bad lines are warnings, candidates by population,
** ids), the image written and read back, damaged images refused, and the
** real gazetteer of data/geo (tests run from the repository root; skipped
** with a note when it is absent).
*/
#include "unit.h"

#include <stdlib.h>
#include <unistd.h>

#include "../../src/places/places.h"

static const char fixture[] =
    "# sources: a test fixture\n"
    "Paris\tparis\t2988507\tcity\tPPLC\tFRA\t11\t48.85341\t2.34880\t2138551\n"
    "Paris\tparis\t4717560\tcity\tPPLA2\tUSA\tTX\t33.66094\t-95.55551\t24782\n"
    "Kyiv\tkyiv\t703448\tcity\tPPLC\tUKR\t12\t50.45466\t30.52380\t2797553\n"
    "Kiev\tkiev\t703448\tcity\tPPLC\tUKR\t12\t50.45466\t30.52380\t2797553\n"
    "Myanmar\tmyanmar\t\tcountry\tPCLI\tMMR\t\t22.00000\t98.00000\t12499895\n"
    "Burma\tburma\t\tcountry\tPCLI\tMMR\t\t22.00000\t98.00000\t12499895\n"
    "Bayern\tbayern\t\tregion\tADM1\tDEU\t\t\t\t0\n"
    "bad line without columns\n"
    "Nowhere\tnowhere\t12x\tcity\tPPL\tFRA\t\t1\t2\t3\n"
    "Kraków\tkrakow\t3094802\tcity\tPPLA\tPOL\t77\t50.06143\t19.93658\t755050\n";

static char *write_tmp(const char *text, size_t n) {
    char *path = strdup("/tmp/dyad-gaz-XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0) { free(path); return NULL; }
    ssize_t w = write(fd, text, n);
    close(fd);
    if (w != (ssize_t)n) { unlink(path); free(path); return NULL; }
    return path;
}

static const char *first_country(const dyad_gazetteer *g, const char *name, size_t *n) {
    static dyad_place p;
    const uint32_t *pl;
    *n = dyad_gazetteer_lookup(g, name, strlen(name), &pl);
    if (!*n) return "";
    dyad_gazetteer_place(g, pl[0], &p);
    return p.country;
}

static void check_fixture(dyad_gazetteer *g) {
    size_t n;
    CHECK_STR(first_country(g, "Paris", &n), "FRA");
    CHECK_INT(n, 2);
    CHECK_STR(first_country(g, "KIEV", &n), "UKR");
    CHECK_STR(first_country(g, "burma", &n), "MMR");
    CHECK_STR(first_country(g, "Krakow", &n), "POL");
    CHECK_STR(first_country(g, "KRAKÓW", &n), "POL");
    first_country(g, "Nowhere", &n);
    CHECK_INT(n, 0);
    long i = dyad_gazetteer_find_id(g, 4717560);
    CHECK(i >= 0);
    dyad_place p;
    dyad_gazetteer_place(g, (uint32_t)i, &p);
    CHECK_STR(p.admin1, "TX");
    CHECK(p.has_coords && p.lat > 33.66 && p.lat < 33.67 && p.lon < -95.55);
    CHECK_INT(dyad_gazetteer_find_id(g, 1), -1);
    const uint32_t *pl;
    CHECK_INT(dyad_gazetteer_lookup(g, "Bayern", 6, &pl), 1);
    dyad_gazetteer_place(g, pl[0], &p);
    CHECK(!p.has_coords && p.kind == DYAD_PLACE_REGION && p.geonameid == 0);
    dyad_gazetteer_stats st;
    dyad_gazetteer_get_stats(g, &st);
    CHECK_INT(st.places, 6);
    CHECK_STR(st.sources, "a test fixture");
    CHECK_INT(st.key_mismatches, 0);
}

UNIT_SUITE(places) {
    char key[64];
    CHECK_INT(geo_key("São Paulo", strlen("São Paulo"), key), 9);
    CHECK_STR(key, "sao paulo");
    geo_key("  N'Djamena ", 12, key);
    CHECK_STR(key, "ndjamena");
    geo_key("Washington, D.C.", 16, key);
    CHECK_STR(key, "washington dc");
    geo_key("ŁÓDŹ", strlen("ŁÓDŹ"), key);
    CHECK_STR(key, "lodz");
    geo_key("Xi\xe2\x80\x99" "an", 7, key);
    CHECK_STR(key, "xian");
    geo_key("Hà Nội", strlen("Hà Nội"), key);
    CHECK_STR(key, "ha noi");
    geo_key("Москва", strlen("Москва"), key);
    CHECK_STR(key, "Москва");

    /* The fixture as a TSV, then its image written and read back. */
    char *tsv = write_tmp(fixture, sizeof fixture - 1);
    CHECK(tsv != NULL);
    if (!tsv) return;
    dyad_gazetteer *g;
    CHECK_INT(dyad_gazetteer_load(tsv, &g), DYAD_OK);
    CHECK_INT(dyad_gazetteer_warning_count(g), 2);
    CHECK(strstr(dyad_gazetteer_warning(g, 0), "line 9") != NULL);
    check_fixture(g);
    char img[64];
    snprintf(img, sizeof img, "%s.bin", tsv);
    CHECK_INT(dyad_gazetteer_save(g, img), DYAD_OK);
    dyad_gazetteer_free(g);
    CHECK_INT(dyad_gazetteer_load(img, &g), DYAD_OK);
    check_fixture(g);
    dyad_gazetteer_free(g);

    /* Damaged images: truncated, an index out of range. */
    FILE *f = fopen(img, "rb");
    char buf[8192];
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    CHECK(n > 200 && n < sizeof buf);
    char *cut = write_tmp(buf, n - 3);
    CHECK_INT(dyad_gazetteer_load(cut, &g), DYAD_FORMAT);
    CHECK(strstr(dyad_gazetteer_errmsg(g), "damaged") != NULL);
    dyad_gazetteer_free(g);
    buf[48 + 4 + 3] = 0x7f;                   /* the first place's name offset */
    char *bad = write_tmp(buf, n);
    CHECK_INT(dyad_gazetteer_load(bad, &g), DYAD_FORMAT);
    dyad_gazetteer_free(g);
    CHECK_INT(dyad_gazetteer_load("/nonexistent/gazetteer.bin", &g), DYAD_IO);
    dyad_gazetteer_free(g);
    char *empty = write_tmp("# nothing\n", 10);
    CHECK_INT(dyad_gazetteer_load(empty, &g), DYAD_FORMAT);
    dyad_gazetteer_free(g);
    const char *tmps[] = {tsv, cut, bad, empty, img};
    for (int k = 0; k < 5; k++) if (tmps[k]) unlink(tmps[k]);
    free(tsv), free(cut), free(bad), free(empty);
}

/* The real gazetteer (data/geo). */
UNIT_SUITE(gazetteer) {
    char *path = dyad_gazetteer_default_path("data");
    dyad_gazetteer *g;
    if (!path || dyad_gazetteer_load(path, &g) != DYAD_OK) {
        printf("gazetteer: skipped: %s cannot be loaded\n", path ? path : "data/geo");
        free(path);
        return;
    }
    free(path);
    size_t n;
    const uint32_t *pl;
    dyad_place p;
    CHECK_STR(first_country(g, "Paris", &n), "FRA");
    int tx = 0;
    n = dyad_gazetteer_lookup(g, "Paris", 5, &pl);
    for (size_t i = 0; i < n; i++) {
        dyad_gazetteer_place(g, pl[i], &p);
        if (!strcmp(p.country, "USA") && !strcmp(p.admin1, "TX")) tx = 1;
        if (i) {                                /* largest population first */
            dyad_place q;
            dyad_gazetteer_place(g, pl[i - 1], &q);
            CHECK(q.population >= p.population);
        }
    }
    CHECK(tx);
    long kyiv = dyad_gazetteer_find_id(g, 703448);
    CHECK(kyiv >= 0);
    n = dyad_gazetteer_lookup(g, "Kiev", 4, &pl);
    CHECK(n >= 1 && pl[0] == (uint32_t)kyiv);
    n = dyad_gazetteer_lookup(g, "Kyiv", 4, &pl);
    int found = 0;
    for (size_t i = 0; i < n; i++) found |= pl[i] == (uint32_t)kyiv;
    CHECK(found);
    CHECK_STR(first_country(g, "Minsk", &n), "BLR");
    CHECK_STR(first_country(g, "Burma", &n), "MMR");
    CHECK_STR(first_country(g, "Bombay", &n), "IND");
    CHECK_STR(first_country(g, "Saigon", &n), "VNM");
    CHECK_STR(first_country(g, "zurich", &n), "CHE");
    CHECK_STR(first_country(g, "ZÜRICH", &n), "CHE");
    CHECK_STR(first_country(g, "Belarus", &n), "BLR");
    dyad_gazetteer_place(g, (uint32_t)kyiv, &p);
    CHECK_STR(p.name, "Kyiv");
    CHECK_STR(p.fcode, "PPLC");
    dyad_gazetteer_stats st;
    dyad_gazetteer_get_stats(g, &st);
    CHECK(st.places > 130000);
    CHECK_INT(st.key_mismatches, 0);
    dyad_gazetteer_free(g);
}
