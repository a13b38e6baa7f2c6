/*
** geonames_dump.c - print every city of Debian's libgeonames as a TSV line:
** English name, English first-level region, ISO country code, latitude,
** longitude, population.  Built and run by scripts/geo/gazetteer.sh only
** (libgeonames is GPL code: dyad uses its data, dumped at build time, and
** never links it).
*/
#include <geonames/geonames.h>
#include <locale.h>
#include <stdio.h>

int main(void) {
    setlocale(LC_ALL, "C.UTF-8");   /* names untranslated: English */
    int n = geonames_get_n_cities();
    for (int i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city(i);
        printf("%s\t%s\t%s\t%.5f\t%.5f\t%u\n", geonames_city_get_name(c),
               geonames_city_get_state(c), geonames_city_get_country_code(c),
               geonames_city_get_latitude(c), geonames_city_get_longitude(c),
               geonames_city_get_population(c));
        geonames_city_free(c);
    }
    return ferror(stdout) != 0;
}
