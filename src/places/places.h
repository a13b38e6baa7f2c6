/*
** places.h - the places stage: the gazetteer (gazetteer.c), the table of
** place names toponym recognition and resolution will look mentions up in.
**
** Contract: a gazetteer is one immutable block of memory - the compiled
** image (data/geo/gazetteer.bin, made by `dyad gazetteer compile` from
** data/geo/gazetteer.tsv.gz) read whole, or the same image built in memory
** from the TSV - shared read-only by any number of threads.  Inside it:
** places (fixed records), the distinct normalised name keys with, for
** each, its places sorted by population (largest first), an open-
** addressing table from key hash to key, places sorted by GeoNames id,
** and one string arena.  Every string a lookup returns points into the
** block and lives as long as the gazetteer.  A damaged image is refused
** whole (dyad_gazetteer_errmsg() says why); a bad TSV line is a warning
** naming the line and is skipped.
*/
#ifndef DYAD_PLACES_H
#define DYAD_PLACES_H

#include "../base/base.h"

/* Letter folds generated from scripts/geo/fold.js (fold_table.c): the
** ASCII fold of U+00C0+i and U+1E00+i, "" when the letter is kept. */
extern const char geo_fold_latin[400][3];
extern const char geo_fold_latin_ext[256][3];

/* The normalised key of name z[0..n) (scripts/geo/fold.js says how: case
** and accents folded, periods and apostrophes dropped, separators one
** space) written to out (room for n + 1 bytes: a key is never longer
** than its name), NUL-terminated; returns its length. */
size_t geo_key(const char *z, size_t n, char *out);

/* Demonyms generated from npm world-countries (demonym_table.c, by
** scripts/geo/demonyms.sh): keys sorted as strcmp orders them. */
typedef struct geo_demonym {
    const char *key;            /* geo_key() of the demonym ("russians") */
    const char *cc;             /* its country ("RUS") */
} geo_demonym;
extern const geo_demonym geo_demonyms[];
extern const size_t geo_ndemonyms;

/* The country a demonym z[0..n) names ("Russian", "Americans"), or NULL. */
const char *geo_demonym_country(const char *z, size_t n);

/* The places stage (places.c), on the session's tokens, time expressions
** and whatever syntax the sentences have: the story's place mentions
** into s->places.  Returns 0, or -1 when out of memory.  plc_events()
** then gives each coded event its place. */
struct dyad_session;
int  plc_story(struct dyad_session *s, const dyad_story *st);
void plc_events(struct dyad_session *s, const dyad_story *st);

#endif /* DYAD_PLACES_H */
