/*
** lines.h - line handling shared by the dictionary readers: a scanner that
** yields numbered lines (no '\n', no trailing '\r', no byte-order mark), and
** the comment stripping the TABARI/PETRARCH family shares (';' and '#' line
** comments, <!-- ... --> comments over several lines, "<!" lines).
*/
#ifndef DYAD_DICT_LINES_H
#define DYAD_DICT_LINES_H

#include "../base/base.h"

typedef struct dict_lines {
    const char *z;      /* text (not owned) */
    size_t n, i;        /* size, position of the next line */
    uint32_t no;        /* number of the line last returned (1-based) */
} dict_lines;

/* Next line into *z and *n; returns 1, or 0 at the end. */
int dict_lines_next(dict_lines *s, const char **z, size_t *n);

#define DL_HASH_IN_BRACKETS 0x01   /* '#' inside [...] is text ("[###]") */
#define DL_KEEP_SEMICOLON   0x02   /* ';' is text, not a comment (PETRARCH lists) */

/* Copy raw line z[0..n) into o without comments, trimmed at both ends.
** *in_comment carries an open <!-- comment from line to line. */
void dict_clean_line(dyad_buf *o, const char *z, size_t n, int *in_comment, unsigned flags);

#endif
