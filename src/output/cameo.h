/*
** cameo.h - the CAMEO tables: event codes with their Goldstein value,
** QuadClass and PLOVER category, and the actor type codes.
**
** Contract: the tables are generated (cameo_tables.c, from the TSV files
** of data/cameo by scripts/cameo/gen_tables.sh), immutable, sorted by code
** in strcmp order, and shared by every thread; the public lookups of dyad.h
** (dyad_cameo_lookup(), dyad_cameo_actor_type_name(), ...) search them.
*/
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

#include <stddef.h>

#include "dyad.h"

/* One actor type code ("GOV") and its name ("Government"). */
typedef struct cameo_actor_type {
    const char *code;           /* three capitals */
    const char *name;           /* codebook name */
} cameo_actor_type;

extern const dyad_cameo_code cameo_codes[];         /* sorted by code */
extern const size_t cameo_ncodes;
extern const cameo_actor_type cameo_actor_types[];  /* sorted by code */
extern const size_t cameo_nactor_types;

#endif
