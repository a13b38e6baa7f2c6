/*
** cameo.c - lookups in the generated CAMEO tables (cameo_tables.c): event
** codes by exact code, actor types by their three letters.  Binary search
** over tables sorted in strcmp order; no state, no allocation.
*/
#include "cameo.h"

#include <string.h>

const dyad_cameo_code *dyad_cameo_lookup(const char *code) {
    if (!code) return NULL;
    size_t lo = 0, hi = cameo_ncodes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(code, cameo_codes[mid].code);
        if (c == 0) return &cameo_codes[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

size_t dyad_cameo_count(void) { return cameo_ncodes; }

const dyad_cameo_code *dyad_cameo_at(size_t i) {
    return i < cameo_ncodes ? &cameo_codes[i] : NULL;
}

const char *dyad_cameo_actor_type_name(const char *type) {
    if (!type) return NULL;
    size_t lo = 0, hi = cameo_nactor_types;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(type, cameo_actor_types[mid].code);
        if (c == 0) return cameo_actor_types[mid].name;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}
