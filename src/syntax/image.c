/*
** image.c - helpers shared by the model files of the syntax stage:
** little-endian integers and reading a whole file into a buffer.
*/
#include <errno.h>
#include <stdlib.h>

#include "syntax.h"

void syn_put32(dyad_buf *b, uint32_t v) {
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    dbuf_append(b, x, 4);
}

uint32_t syn_get32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int syn_read_image(const char *path, dyad_buf *b, char *err, size_t errn) {
    memset(b, 0, sizeof *b);
    if (dbuf_read_file(b, path, err, errn) < 0) {
        dbuf_free(b);
        return -1;
    }
    return 0;
}
