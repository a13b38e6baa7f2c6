/*
** output.h - JSON writing for the output stage.
**
** Contract: every string written is valid JSON and valid UTF-8 whatever the
** input bytes (invalid sequences become U+FFFD, control characters are
** escaped).  Writers append to a dyad_buf and report memory failure through
** the buffer's sticky oom flag.
*/
#ifndef DYAD_OUTPUT_H
#define DYAD_OUTPUT_H

#include "../base/base.h"

/* Append z[0..n) as a JSON string literal (with quotes). */
void json_str(dyad_buf *b, const char *z, size_t n);
/* Append a C string as a JSON string, or null when s is NULL. */
void json_cstr(dyad_buf *b, const char *s);
/* Append a date as a JSON string, or null for the null date. */
void json_date(dyad_buf *b, dyad_date d);

#endif
