/*
** test_cameo.c - unit tests of the CAMEO tables (src/output/cameo.c and the
** generated cameo_tables.c): hand-checked codes, unknown codes, rules every
** row must keep (sorted, roots and parents present, QuadClass by root,
** Goldstein in range, PLOVER one of the 16), actor types; and a comparison
** with the reference files of ../shared (Goldstein scale, CAMEO-to-PLOVER
** 2021), skipped with a "skip" line when they are absent.  Every difference
** from those files must be one of the deliberate ones listed below, each
** with its reason (the headers of the data/cameo TSV files give sources).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "dyad.h"
#include "unit.h"

#define REFDIR "../shared/data/reference-dicts"

static const char *const plover_cats[] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

static int is_plover(const char *z) {
    for (size_t i = 0; i < sizeof plover_cats / sizeof *plover_cats; i++)
        if (strcmp(z, plover_cats[i]) == 0) return 1;
    return 0;
}

/* Goldstein value in tenths (exact for the table's one-decimal values). */
static long tenths(double g) { return lround(g * 10.0); }

UNIT_SUITE(cameo) {
    /* Hand-checked against the CAMEO 1.1b3 codebook and the PLOVER manual. */
    static const struct {
        const char *code;
        long gold10;            /* Goldstein x 10 */
        int quad;
        const char *plover;     /* NULL: none */
    } hand[] = {
        {"01", 0, 1, NULL},             /* statements: no PLOVER category */
        {"010", 0, 1, NULL},
        {"016", -20, 1, NULL},
        {"02", 30, 1, "REQUEST"},
        {"0234", 34, 1, "REQUEST"},
        {"036", 40, 1, "AGREE"},
        {"0334", 60, 1, "AGREE"},       /* the scale's exception: 033 is 5.2 */
        {"040", 10, 1, "CONSULT"},
        {"042", 19, 1, "CONSULT"},
        {"043", 28, 1, "CONSULT"},
        {"044", 25, 1, "CONSULT"},
        {"046", 70, 1, "CONSULT"},
        {"051", 34, 1, "SUPPORT"},
        {"057", 80, 1, "SUPPORT"},      /* signing: PLOVER SUPPORT, promising: AGREE */
        {"061", 64, 2, "COOPERATE"},
        {"072", 83, 2, "AID"},
        {"074", 85, 2, "AID"},
        {"081", 50, 2, "CONCEDE"},
        {"0813", 50, 2, "RETREAT"},
        {"0841", 70, 2, "RETREAT"},
        {"0871", 90, 2, "RETREAT"},
        {"0874", 100, 2, "RETREAT"},    /* retreat or surrender militarily */
        {"090", -20, 3, "ACCUSE"},
        {"102", -50, 3, "REQUEST"},
        {"111", -20, 3, "ACCUSE"},
        {"1123", -20, 3, "ACCUSE"},
        {"116", -20, 3, "SANCTION"},    /* found guilty: SANCTION/convict */
        {"124", -40, 3, "REJECT"},
        {"128", -50, 3, "REJECT"},
        {"13", -60, 3, "THREATEN"},     /* the root's own value, not 130's */
        {"130", -44, 3, "THREATEN"},
        {"1385", -70, 3, "THREATEN"},
        {"141", -65, 4, "PROTEST"},
        {"145", -75, 4, "PROTEST"},
        {"154", -72, 4, "MOBILIZE"},
        {"161", -40, 4, "SANCTION"},
        {"163", -80, 4, "SANCTION"},    /* embargo, boycott, sanctions */
        {"165", -65, 4, "SANCTION"},
        {"173", -50, 4, "COERCE"},
        {"1712", -92, 4, "ASSAULT"},    /* destroy property */
        {"175", -90, 4, "ASSAULT"},
        {"182", -95, 4, "ASSAULT"},
        {"1823", -100, 4, "ASSAULT"},
        {"190", -100, 4, "ASSAULT"},
        {"191", -95, 4, "COERCE"},      /* blockade: COERCE/restrict */
        {"192", -95, 4, "COERCE"},      /* occupation: COERCE/seize */
        {"20", -100, 4, "ASSAULT"},
        {"2042", -100, 4, "ASSAULT"},
    };
    for (size_t i = 0; i < sizeof hand / sizeof *hand; i++) {
        const dyad_cameo_code *c = dyad_cameo_lookup(hand[i].code);
        CHECK(c != NULL);
        if (!c) {
            printf("  missing code %s\n", hand[i].code);
            continue;
        }
        CHECK_STR(c->code, hand[i].code);
        CHECK_INT(tenths(c->goldstein), hand[i].gold10);
        CHECK_INT(c->quad, hand[i].quad);
        CHECK_STR(c->plover, hand[i].plover);
    }
    CHECK_STR(dyad_cameo_lookup("040")->name, "Consult, not specified below");
    CHECK_STR(dyad_cameo_lookup("044")->name, "Meet at a \"third\" location");
    CHECK_STR(dyad_cameo_lookup("19")->name, "FIGHT");

    /* Unknown: exact codes only. */
    static const char *const unknown[] = {"075A", "", "0", "00", "000", "21", "210", "44",
                                          "0440", "04 ", " 040", "155", "1213", "19511",
                                          "---", "abc"};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
        CHECK(dyad_cameo_lookup(unknown[i]) == NULL);
    CHECK(dyad_cameo_lookup(NULL) == NULL);

    /* The whole table. */
    size_t n = dyad_cameo_count();
    CHECK_INT(n, 311);
    CHECK(dyad_cameo_at(n) == NULL);
    int roots = 0, bad_order = 0, bad_parent = 0, bad_quad = 0, bad_gold = 0, bad_plover = 0;
    int bad_self = 0, no_plover = 0;
    for (size_t i = 0; i < n; i++) {
        const dyad_cameo_code *c = dyad_cameo_at(i);
        size_t len = strlen(c->code);
        if (i > 0 && strcmp(dyad_cameo_at(i - 1)->code, c->code) >= 0) bad_order++;
        if (dyad_cameo_lookup(c->code) != c) bad_self++;
        char root[3] = {c->code[0], c->code[1], 0};
        int r = atoi(root);
        if (len == 2) roots++;
        if (len < 2 || len > 4 || r < 1 || r > 20 || !dyad_cameo_lookup(root)) bad_parent++;
        if (len == 4) {
            char parent[4] = {c->code[0], c->code[1], c->code[2], 0};
            if (!dyad_cameo_lookup(parent)) bad_parent++;
        }
        int want = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
        if (c->quad != want) bad_quad++;
        long t = tenths(c->goldstein);
        if (t < -100 || t > 100 || fabs(c->goldstein * 10.0 - (double)t) > 1e-6) bad_gold++;
        if (c->plover && !is_plover(c->plover)) bad_plover++;
        /* Only the statements (01) have no category. */
        if (!c->plover != (r == 1)) no_plover++;
        if (!c->name || !c->name[0]) bad_self++;
    }
    CHECK_INT(roots, 20);
    CHECK_INT(bad_order, 0);
    CHECK_INT(bad_self, 0);
    CHECK_INT(bad_parent, 0);
    CHECK_INT(bad_quad, 0);
    CHECK_INT(bad_gold, 0);
    CHECK_INT(bad_plover, 0);
    CHECK_INT(no_plover, 0);

    /* Actor types. */
    CHECK_STR(dyad_cameo_actor_type_name("GOV"), "Government");
    CHECK_STR(dyad_cameo_actor_type_name("MIL"), "Military");
    CHECK_STR(dyad_cameo_actor_type_name("REB"), "Rebels");
    CHECK_STR(dyad_cameo_actor_type_name("IGO"), "Inter-governmental organization");
    CHECK_STR(dyad_cameo_actor_type_name("MUS"), "Muslim");
    CHECK_STR(dyad_cameo_actor_type_name("SHI"), "Shia (Muslim)");
    CHECK_STR(dyad_cameo_actor_type_name("ZRO"), "Zoroastrian");
    CHECK_STR(dyad_cameo_actor_type_name("AGR"), "Agriculture");
    CHECK(dyad_cameo_actor_type_name("gov") == NULL);
    CHECK(dyad_cameo_actor_type_name("GO") == NULL);
    CHECK(dyad_cameo_actor_type_name("GOVX") == NULL);
    CHECK(dyad_cameo_actor_type_name("USA") == NULL);
    CHECK(dyad_cameo_actor_type_name("") == NULL);
    CHECK(dyad_cameo_actor_type_name(NULL) == NULL);
}

/* ---- Compatibility with the reference files (../shared) ---------------- */

/* Codes of the reference PLOVER conversion whose category we do not take,
** each with its reason (see data/cameo/plover.tsv).  ours NULL: no such
** CAMEO 1.1b3 code. */
static const struct {
    const char *code, *ref, *ours, *why;
} plover_known[] = {
    {"08", "RETREAT", "CONCEDE", "the conversion lists the root 08 twice (CONCEDE, RETREAT); "
                                 "080 'Yield' is CONCEDE there"},
    {"116", "ACCUSE", "SANCTION", "PLOVER SANCTION/convict: 'find someone liable in a court'"},
    {"163", "COERCE", "SANCTION", "PLOVER SANCTION/discontinue: embargoes and sanctions cut "
                                  "commercial exchanges; COERCE/restrict is rights, movement"},
    {"1213", "REJECT", NULL, "not a CAMEO 1.1b3 code (121 has 1211, 1212)"},
    {"1214", "REJECT", NULL, "not a CAMEO 1.1b3 code (121 has 1211, 1212)"},
};

/* Trim trailing blanks and CR in place; returns z. */
static char *rstrip(char *z) {
    size_t n = strlen(z);
    while (n && (z[n - 1] == '\n' || z[n - 1] == '\r' || z[n - 1] == ' ' || z[n - 1] == '\t'))
        z[--n] = 0;
    return z;
}

/* CAMEO.goldsteinscale.txt: "CODE<TAB>VALUE" after a header line.  Every
** code there must be ours with the same value, and every code of ours there. */
static void cameo_ref_goldstein(void) {
    FILE *f = fopen(REFDIR "/CAMEO.goldsteinscale.txt", "r");
    if (!f) {
        printf("skip cameo_ref goldstein: " REFDIR " is absent\n");
        return;
    }
    char line[512];
    int nref = 0, missing = 0, differ = 0, bad = 0;
    char *seen = calloc(dyad_cameo_count(), 1);
    while (fgets(line, sizeof line, f)) {
        char code[16];
        double v;
        rstrip(line);
        if (!line[0] || strncmp(line, "CAMEO", 5) == 0) continue;
        if (sscanf(line, "%15s %lf", code, &v) != 2) {
            bad++;
            continue;
        }
        nref++;
        const dyad_cameo_code *c = dyad_cameo_lookup(code);
        if (!c) {
            printf("  goldstein: reference code %s is not in the table\n", code);
            missing++;
            continue;
        }
        if (seen) seen[c - dyad_cameo_at(0)] = 1;
        if (tenths(c->goldstein) != lround(v * 10.0)) {
            printf("  goldstein: %s is %.1f in the reference, %.1f here\n", code, v,
                   c->goldstein);
            differ++;
        }
    }
    fclose(f);
    int extra = 0;
    for (size_t i = 0; seen && i < dyad_cameo_count(); i++)
        if (!seen[i]) {
            printf("  goldstein: %s is not in the reference\n", dyad_cameo_at(i)->code);
            extra++;
        }
    free(seen);
    printf("  goldstein: %d reference codes, %d missing here, %d not there, %d values differ\n",
           nref, missing, extra, differ);
    CHECK_INT(bad, 0);
    CHECK_INT(nref, 311);
    CHECK_INT(missing, 0);
    CHECK_INT(extra, 0);
    CHECK_INT(differ, 0);
}

/* CAMEO2PLOVER-2021.txt: "CODE: CATEGORY, mode, context # name"; '#' lines
** are comments, "~~~" ends the table.  A listed code must have the same
** category here unless it is one of plover_known; a code the conversion does
** not list has a category here only under 02 (appeals: REQUEST). */
static void cameo_ref_plover(void) {
    FILE *f = fopen(REFDIR "/CAMEO2PLOVER-2021.txt", "r");
    if (!f) {
        printf("skip cameo_ref plover: " REFDIR " is absent\n");
        return;
    }
    char line[1024];
    int nref = 0, same = 0, known = 0, differ = 0, extra = 0;
    char *seen = calloc(dyad_cameo_count(), 1);
    while (fgets(line, sizeof line, f)) {
        rstrip(line);
        if (line[0] == '#' || !line[0]) continue;
        if (line[0] == '~') break;
        char code[16], cat[32];
        if (sscanf(line, "%15[0-9]: %31[A-Z]", code, cat) != 2) continue;
        nref++;
        const dyad_cameo_code *c = dyad_cameo_lookup(code);
        if (c && seen) seen[c - dyad_cameo_at(0)] = 1;
        const char *ours = c ? c->plover : NULL;
        if (c && ours && strcmp(ours, cat) == 0) {
            same++;
            continue;
        }
        int ok = 0;
        for (size_t k = 0; k < sizeof plover_known / sizeof *plover_known; k++)
            if (strcmp(plover_known[k].code, code) == 0 && strcmp(plover_known[k].ref, cat) == 0 &&
                ((!ours && !plover_known[k].ours) ||
                 (ours && plover_known[k].ours && strcmp(ours, plover_known[k].ours) == 0)))
                ok = 1;
        if (ok) {
            known++;
            continue;
        }
        printf("  plover: %s is %s in the reference, %s here\n", code, cat,
               c ? (ours ? ours : "null") : "(no such code)");
        differ++;
    }
    fclose(f);
    for (size_t i = 0; seen && i < dyad_cameo_count(); i++) {
        const dyad_cameo_code *c = dyad_cameo_at(i);
        if (seen[i] || !c->plover || strncmp(c->code, "02", 2) == 0) continue;
        printf("  plover: %s is %s here and not in the reference\n", c->code, c->plover);
        extra++;
    }
    free(seen);
    printf("  plover: %d reference lines, %d agree, %d deliberate differences, %d others, "
           "%d unlisted codes with a category\n",
           nref, same, known, differ, extra);
    for (size_t k = 0; k < sizeof plover_known / sizeof *plover_known; k++)
        printf("    %s: %s there, %s here: %s\n", plover_known[k].code, plover_known[k].ref,
               plover_known[k].ours ? plover_known[k].ours : "(no code)", plover_known[k].why);
    CHECK(nref > 250);
    CHECK_INT(known, (long long)(sizeof plover_known / sizeof *plover_known));
    CHECK_INT(differ, 0);
    CHECK_INT(extra, 0);
}

UNIT_SUITE(cameo_ref) {
    cameo_ref_goldstein();
    cameo_ref_plover();
}
