/*
** eval_score.c - the metrics of EVALUATION.md over gold records and the
** events coded for them.
**
** Actor identity: the entity of a code is its first 3 letters (USAGOV → USA),
** for IGO codes the first 6 (IGOEUREEC → IGOEUR); "---" is unknown and
** matches nothing; the old codes JAP, VTN, ITL are JPN, VNM, ITA.  "IGO"
** alone or followed by a sector (IGOGOV) is an unnamed international body:
** in the gold it matches any IGO code.
*/
#include "eval.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

/* ------------------------------------------------------------- entities */

typedef struct entity {
    char s[7];                  /* "USA", "IGOEUR", "IGO" */
    int wild;                   /* gold unnamed IGO: matches any IGO code */
} entity;

/* CAMEO role (sector) codes, sorted: "IGO" + one of them names no body. */
static const char sectors[][4] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV",
    "HLH", "HRI", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "OPP",
    "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF",
};

/* Old CAMEO country codes some gold files use, and today's. */
static const char old_codes[][2][4] = {{"JAP", "JPN"}, {"VTN", "VNM"}, {"ITL", "ITA"}};

static int is_sector(const char *p) {
    for (size_t i = 0; i < sizeof sectors / sizeof *sectors; i++)
        if (!memcmp(p, sectors[i], 3)) return 1;
    return 0;
}

/* Upper-case the 3 letters at code into out; 0 unless all are letters. */
static int block3(const char *code, char out[4]) {
    for (int i = 0; i < 3; i++) {
        if (!isalpha((unsigned char)code[i])) return 0;
        out[i] = (char)toupper((unsigned char)code[i]);
    }
    out[3] = 0;
    return 1;
}

/* The entity of an actor code; 0 when it names none (NULL, "---GOV"). */
static int entity_of(const char *code, int gold, entity *out) {
    memset(out, 0, sizeof *out);
    if (!code || strlen(code) < 3 || !block3(code, out->s)) return 0;
    for (size_t i = 0; i < sizeof old_codes / sizeof *old_codes; i++)
        if (!strcmp(out->s, old_codes[i][0])) memcpy(out->s, old_codes[i][1], 4);
    char body[4];
    if (!strcmp(out->s, "IGO") && strlen(code) >= 6 && block3(code + 3, body) && !is_sector(body))
        memcpy(out->s + 3, body, 4);
    else if (!strcmp(out->s, "IGO"))
        out->wild = gold;
    return 1;
}

/* Does coded actor code c stand for gold entity g? */
static int same_actor(const entity *g, const char *c) {
    entity e;
    if (!entity_of(c, 0, &e)) return 0;
    return g->wild ? !strncmp(e.s, "IGO", 3) : !strcmp(e.s, g->s);
}

/* Does code c carry the gold sector ("MIL", "CVLalb": its first 3 letters)
** in one of its 3-letter blocks after the country part? */
static int has_sector(const char *c, const char *sector) {
    char want[4], got[4];
    if (!c || !sector || strlen(sector) < 3 || !block3(sector, want)) return 0;
    for (size_t i = 3, n = strlen(c); i + 3 <= n; i += 3)
        if (block3(c + i, got) && !strcmp(got, want)) return 1;
    return 0;
}

/* ---------------------------------------------------------------- codes */

int eval_root(const char *c) {
    if (!c || !isdigit((unsigned char)c[0]) || !isdigit((unsigned char)c[1])) return -1;
    int r = (c[0] - '0') * 10 + (c[1] - '0');
    return r >= 1 && r <= 20 ? r : -1;
}

/* Multi-CoPED class of each root: 01–02 → 0, 03–05 → 1, 06–08 → 2,
** 09–13 → 3, 14–20 → 4. */
static const signed char penta_of_root[21] = {-1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3,
                                              3, 3, 3, 4, 4, 4, 4, 4, 4, 4};

static int penta_of(const char *code) {
    int r = eval_root(code);
    return r < 0 ? -1 : penta_of_root[r];
}

/* First 3 digits of both codes agree. */
static int same_code3(const char *a, const char *b) {
    if (!a || !b || strlen(a) < 3 || strlen(b) < 3) return 0;
    for (int i = 0; i < 3; i++)
        if (!isdigit((unsigned char)a[i]) || a[i] != b[i]) return 0;
    return 1;
}

/* --------------------------------------------------------------- metrics */

/* Some gold event of r has root k (k < 0: has any root). */
static int gold_has_root(const eval_record *r, int k) {
    for (size_t g = 0; g < r->ngold; g++) {
        int gr = eval_root(r->gold[g].code);
        if (gr > 0 && (k < 0 || gr == k)) return 1;
    }
    return 0;
}

/* Some gold actor of the n at a is the coded actor c. */
static int any_actor(const eval_actor *a, size_t n, const char *c) {
    for (size_t i = 0; i < n; i++) {
        entity g;
        if (entity_of(a[i].code, 1, &g) && same_actor(&g, c)) return 1;
    }
    return 0;
}

static void score_cameo(const eval_record *r, eval_metric *m) {
    eval_metric *root = &m[0], *code3 = &m[1], *dyad = &m[2], *prec = &m[3];
    int has_root = gold_has_root(r, -1), has3 = 0, hasdyad = 0;
    int hit_root = 0, hit3 = 0, hitdyad = 0;
    for (size_t g = 0; g < r->ngold; g++) {
        const eval_gold *gd = &r->gold[g];
        int gr = eval_root(gd->code);
        has3 |= same_code3(gd->code, gd->code);
        hasdyad |= gr > 0 && gd->nsrc && gd->ntgt;
        for (size_t i = 0; i < r->nev; i++) {
            const eval_event *e = &r->ev[i];
            int same_root = gr > 0 && eval_root(e->code) == gr;
            hit_root |= same_root;
            hit3 |= same_code3(gd->code, e->code);
            hitdyad |= same_root && any_actor(gd->src, gd->nsrc, e->source) &&
                       any_actor(gd->tgt, gd->ntgt, e->target);
        }
    }
    root->den += has_root, root->num += hit_root;
    code3->den += has3, code3->num += hit3;
    dyad->den += hasdyad, dyad->num += hitdyad;
    /* Every emitted event counts: on a record with no gold event it is wrong. */
    for (size_t i = 0; i < r->nev; i++) {
        int k = eval_root(r->ev[i].code);
        prec->den++;
        prec->num += k > 0 && gold_has_root(r, k);
    }
}

/* Gold actors of one role found among the coded actors of that role;
** sec counts those found that carry a gold sector. */
static void score_role(const eval_record *r, const eval_actor *a, size_t n, int target,
                       eval_metric *rec, eval_metric *sec) {
    for (size_t i = 0; i < n; i++) {
        entity g;
        if (!entity_of(a[i].code, 1, &g)) continue;
        int found = 0, sector = 0;
        for (size_t k = 0; k < r->nev; k++) {
            const char *c = target ? r->ev[k].target : r->ev[k].source;
            if (!same_actor(&g, c)) continue;
            found = 1;
            sector |= has_sector(c, a[i].sector);
        }
        rec->den++;
        rec->num += found;
        if (found && a[i].sector) {
            sec->den++;
            sec->num += sector;
        }
    }
}

static void score_plover(const eval_record *r, eval_metric *m) {
    for (size_t g = 0; g < r->ngold; g++) {
        score_role(r, r->gold[g].src, r->gold[g].nsrc, 0, &m[0], &m[2]);
        score_role(r, r->gold[g].tgt, r->gold[g].ntgt, 1, &m[1], &m[2]);
    }
}

static int gold_has_penta(const eval_record *r, int k) {
    for (size_t g = 0; g < r->ngold; g++)
        if (r->gold[g].penta >= 0 && (k < 0 || r->gold[g].penta == k)) return 1;
    return 0;
}

static void score_multicoped(const eval_record *r, eval_metric *m) {
    m[0].den++;
    m[0].num += r->nev > 0;
    int hit = 0;
    for (size_t i = 0; i < r->nev; i++) {
        int k = penta_of(r->ev[i].code);
        int in = k >= 0 && gold_has_penta(r, k);
        hit |= in;
        m[2].den++;
        m[2].num += in;
    }
    if (gold_has_penta(r, -1)) {
        m[1].den++;
        m[1].num += hit;
    }
}

/* (sentence, root) pairs: m[0] precision, m[1] recall; m[3] specificity. */
static void score_conflibert(const eval_record *r, eval_metric *m) {
    int pred[21] = {0};
    for (size_t i = 0; i < r->nev; i++) {
        int k = eval_root(r->ev[i].code);
        if (k > 0) pred[k] = 1;
    }
    for (int k = 1; k <= 20; k++) {
        int gold = gold_has_root(r, k);
        m[0].den += pred[k];
        m[1].den += gold;
        m[0].num += pred[k] && gold;
        m[1].num += pred[k] && gold;
    }
    if (r->no_event) {
        m[3].den++;
        m[3].num += r->nev == 0;
    }
}

/* The metrics of each set, in report order; ORDER SET. */
/* Timex set: each gold DATE expression overlapped by a found expression
** with exactly its value (value recall), or by any (span recall). */
static void score_timex(const eval_record *r, eval_metric *m) {
    for (size_t i = 0; i < r->ngtx; i++) {
        const eval_timex *g = &r->gtx[i];
        int value = 0, span = 0;
        for (size_t k = 0; k < r->ntx; k++) {
            const eval_timex *x = &r->tx[k];
            if (x->start >= g->end || g->start >= x->end) continue;
            span = 1;
            if (!strcmp(x->value, g->value)) value = 1;
        }
        m[0].den++;
        m[0].num += (size_t)value;
        m[1].den++;
        m[1].num += (size_t)span;
    }
}

/* Great-circle distance in km (haversine, mean Earth radius). */
static double km_between(double lat1, double lon1, double lat2, double lon2) {
    const double rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * 6371.0088 * asin(sqrt(a < 1 ? a : 1));
}

/* Geo set: gold toponyms with coordinates overlapped by a found place
** (recall), found places overlapping any gold toponym (precision), and
** of the found toponyms those whose place lies within 161 km (acc@161km:
** the first overlapping place with coordinates decides). */
static void score_geo(const eval_record *r, eval_metric *m) {
    for (size_t i = 0; i < r->ngpl; i++) {
        const eval_place *g = &r->gpl[i];
        if (!g->has_coords) continue;
        const eval_place *hit = NULL;
        for (size_t k = 0; k < r->npl && !hit; k++) {
            const eval_place *x = &r->pl[k];
            if (x->start < g->end && g->start < x->end) hit = x;
        }
        m[0].den++;
        m[0].num += hit != NULL;
        if (!hit) continue;
        m[2].den++;
        m[2].num += hit->has_coords && km_between(g->lat, g->lon, hit->lat, hit->lon) <= 161.0;
    }
    for (size_t k = 0; k < r->npl; k++) {
        const eval_place *x = &r->pl[k];
        int hit = 0;
        for (size_t i = 0; i < r->ngpl && !hit; i++)
            hit = x->start < r->gpl[i].end && r->gpl[i].start < x->end;
        m[1].den++;
        m[1].num += (size_t)hit;
    }
}

static const struct {
    void (*fn)(const eval_record *, eval_metric *);
    struct {
        const char *name, *key;
        int derived;
    } m[EVAL_MAX_METRICS];
} sets[EVAL_NSETS] = {
    {NULL, {{NULL, NULL, 0}}},
    {score_cameo,
     {{"root recall", "root_recall", 0}, {"code3 recall", "code3_recall", 0},
      {"dyad-root recall", "dyad_root_recall", 0}, {"root precision", "root_precision", 0}}},
    {score_plover,
     {{"source recall", "source_recall", 0}, {"target recall", "target_recall", 0},
      {"sector accuracy", "sector_accuracy", 0}}},
    {score_multicoped,
     {{"detect", "detect", 0}, {"penta recall", "penta_recall", 0},
      {"penta precision", "penta_precision", 0}}},
    {score_conflibert,
     {{"root precision", "root_precision", 0}, {"root recall", "root_recall", 0},
      {"root F1", "root_f1", 1}, {"no-event specificity", "no_event_specificity", 0}}},
    {score_timex,
     {{"DATE value recall", "date_value_recall", 0}, {"DATE span recall", "date_span_recall", 0}}},
    {score_geo,
     {{"toponym recall", "toponym_recall", 0}, {"toponym precision", "toponym_precision", 0},
      {"acc@161km", "acc_161km", 0}}},
};

void eval_score(const eval_file *f, eval_result *r) {
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < EVAL_MAX_METRICS && sets[f->set].m[i].name; i++, r->nm++) {
        r->m[i].name = sets[f->set].m[i].name;
        r->m[i].key = sets[f->set].m[i].key;
        r->m[i].derived = sets[f->set].m[i].derived;
    }
    r->records = f->nrec;
    for (size_t i = 0; i < f->nrec; i++) {
        const eval_record *rec = &f->rec[i];
        if (rec->skipped) {
            r->skipped++;
            continue;
        }
        r->with_events += rec->nev > 0;
        r->events += rec->nev;
        r->timexes += rec->ntx;
        r->places += rec->npl;
        if (sets[f->set].fn) sets[f->set].fn(rec, r->m);
    }
    for (size_t i = 0; i < r->nm; i++) {
        eval_metric *m = &r->m[i];
        m->value = m->den ? (double)m->num / (double)m->den : -1;
    }
    if (f->set == EVAL_CONFLIBERT) {
        double p = r->m[0].value, rc = r->m[1].value;
        r->m[2].value = p < 0 || rc < 0 ? -1 : p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
    }
}
