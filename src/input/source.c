/*
** source.c - byte sources for the readers: a plain file or stdin, a gzip
** stream (zlib) or a zstd stream (libzstd), chosen by the first bytes of the
** input, not by its name.  Concatenated gzip members and zstd frames are read
** through.  Errors name the file.
*/
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

enum { SRC_PLAIN, SRC_GZIP, SRC_ZSTD };

struct rd_source {
    int      kind;          /* SRC_* */
    int      fd;            /* file descriptor (0 for stdin) */
    int      owns_fd;       /* close fd at the end */
    const char *name;       /* for messages (not owned) */
    const unsigned char *mem; /* memory source (not owned), or NULL: use fd */
    size_t   mem_len, mem_pos;
    unsigned char *in;      /* compressed input buffer */
    size_t   in_cap;
    size_t   in_pos, in_len;/* unread compressed bytes [in_pos, in_len) */
    int      in_eof;        /* no more compressed bytes from fd */
    z_stream zs;            /* SRC_GZIP */
    int      zs_live;       /* zs initialised */
    int      zs_end;        /* current gzip member ended */
    ZSTD_DCtx *zd;          /* SRC_ZSTD */
    size_t   zlast;         /* last ZSTD_decompressStream hint; 0 = frame done */
};

#define SRC_INBUF (256 * 1024)

/* Read up to n raw (still compressed) bytes from the descriptor or memory.
** Returns bytes read, 0 at the end, -1 on error (errno set). */
static ssize_t raw_read(rd_source *s, void *buf, size_t n) {
    if (!s->mem) return read(s->fd, buf, n);
    size_t k = s->mem_len - s->mem_pos;
    if (k > n) k = n;
    memcpy(buf, s->mem + s->mem_pos, k);
    s->mem_pos += k;
    return (ssize_t)k;
}

/* Fill s->in from the descriptor; returns bytes added, 0 at EOF, -1 on error. */
static long fill(rd_source *s, char *err, size_t errn) {
    if (s->in_pos > 0 && s->in_pos < s->in_len)
        memmove(s->in, s->in + s->in_pos, s->in_len - s->in_pos);
    s->in_len -= s->in_pos;
    s->in_pos = 0;
    if (s->in_eof || s->in_len == s->in_cap) return 0;
    for (;;) {
        ssize_t k = raw_read(s, s->in + s->in_len, s->in_cap - s->in_len);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            snprintf(err, errn, "%s: read error: %s", s->name, strerror(errno));
            return -1;
        }
        if (k == 0) s->in_eof = 1;
        s->in_len += (size_t)k;
        return (long)k;
    }
}

rd_source *rd_source_open(const char *path, const void *mem, size_t mem_len, char *err,
                          size_t errn) {
    rd_source *s = calloc(1, sizeof *s);
    if (!s) { snprintf(err, errn, "out of memory"); return NULL; }
    s->in_cap = SRC_INBUF;
    s->in = malloc(s->in_cap);
    if (!s->in) { free(s); snprintf(err, errn, "out of memory"); return NULL; }
    if (mem) {
        s->mem = mem;
        s->mem_len = mem_len;
        s->name = path ? path : "memory";
    } else if (!path || strcmp(path, "-") == 0) {
        s->fd = 0;
        s->name = "stdin";
    } else {
        s->name = path;
        s->fd = open(path, O_RDONLY);
        if (s->fd < 0) {
            snprintf(err, errn, "%s: cannot open: %s", path, strerror(errno));
            free(s->in);
            free(s);
            return NULL;
        }
        s->owns_fd = 1;
    }
    /* Sniff the magic bytes; a short file is plain text. */
    while (s->in_len < 4 && !s->in_eof) {
        if (fill(s, err, errn) < 0) { rd_source_close(s); return NULL; }
    }
    if (s->in_len >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b) {
        s->kind = SRC_GZIP;
        if (inflateInit2(&s->zs, 15 + 32) != Z_OK) {
            snprintf(err, errn, "%s: cannot start gzip decoder", s->name);
            rd_source_close(s);
            return NULL;
        }
        s->zs_live = 1;
    } else if (s->in_len >= 4 && s->in[0] == 0x28 && s->in[1] == 0xb5 &&
               s->in[2] == 0x2f && s->in[3] == 0xfd) {
        s->kind = SRC_ZSTD;
        s->zd = ZSTD_createDCtx();
        if (!s->zd) {
            snprintf(err, errn, "%s: cannot start zstd decoder", s->name);
            rd_source_close(s);
            return NULL;
        }
    }
    return s;
}

static long read_plain(rd_source *s, char *buf, size_t n, char *err, size_t errn) {
    if (s->in_pos < s->in_len) {            /* bytes kept from sniffing */
        size_t k = s->in_len - s->in_pos;
        if (k > n) k = n;
        memcpy(buf, s->in + s->in_pos, k);
        s->in_pos += k;
        return (long)k;
    }
    if (s->in_eof) return 0;
    for (;;) {
        ssize_t k = raw_read(s, buf, n);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            snprintf(err, errn, "%s: read error: %s", s->name, strerror(errno));
            return -1;
        }
        if (k == 0) s->in_eof = 1;
        return (long)k;
    }
}

static long read_gzip(rd_source *s, char *buf, size_t n, char *err, size_t errn) {
    for (;;) {
        if (s->in_pos == s->in_len) {
            long k = fill(s, err, errn);
            if (k < 0) return -1;
            if (k == 0 && s->in_len == 0) {
                if (!s->zs_end && s->zs.total_in > 0) {
                    snprintf(err, errn, "%s: truncated gzip stream", s->name);
                    return -1;
                }
                return 0;
            }
        }
        if (s->zs_end) {                    /* another member follows? */
            if (inflateReset(&s->zs) != Z_OK) {
                snprintf(err, errn, "%s: gzip decoder failed", s->name);
                return -1;
            }
            s->zs_end = 0;
        }
        s->zs.next_in = s->in + s->in_pos;
        s->zs.avail_in = (uInt)(s->in_len - s->in_pos);
        s->zs.next_out = (unsigned char *)buf;
        s->zs.avail_out = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
        int rc = inflate(&s->zs, Z_NO_FLUSH);
        s->in_pos = s->in_len - s->zs.avail_in;
        size_t got = (size_t)((unsigned char *)s->zs.next_out - (unsigned char *)buf);
        if (rc == Z_STREAM_END) s->zs_end = 1;
        else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            snprintf(err, errn, "%s: corrupt gzip data (%s)", s->name,
                     s->zs.msg ? s->zs.msg : "inflate failed");
            return -1;
        }
        if (got) return (long)got;
        if (rc == Z_BUF_ERROR && s->in_eof && s->in_pos == s->in_len) {
            snprintf(err, errn, "%s: truncated gzip stream", s->name);
            return -1;
        }
    }
}

static long read_zstd(rd_source *s, char *buf, size_t n, char *err, size_t errn) {
    for (;;) {
        if (s->in_pos == s->in_len) {
            long k = fill(s, err, errn);
            if (k < 0) return -1;
            if (k == 0 && s->in_len == 0) {
                if (s->zlast != 0) {
                    snprintf(err, errn, "%s: truncated zstd stream", s->name);
                    return -1;
                }
                return 0;
            }
        }
        ZSTD_inBuffer in = {s->in, s->in_len, s->in_pos};
        ZSTD_outBuffer out = {buf, n, 0};
        size_t last = ZSTD_decompressStream(s->zd, &out, &in);
        s->in_pos = in.pos;
        if (ZSTD_isError(last)) {
            snprintf(err, errn, "%s: corrupt zstd data (%s)", s->name,
                     ZSTD_getErrorName(last));
            return -1;
        }
        s->zlast = last;
        if (out.pos) return (long)out.pos;
        if (last == 0 && s->in_eof && s->in_pos == s->in_len) return 0;
    }
}

long rd_source_read(rd_source *s, char *buf, size_t n, char *err, size_t errn) {
    switch (s->kind) {
    case SRC_GZIP: return read_gzip(s, buf, n, err, errn);
    case SRC_ZSTD: return read_zstd(s, buf, n, err, errn);
    default: return read_plain(s, buf, n, err, errn);
    }
}

void rd_source_close(rd_source *s) {
    if (!s) return;
    if (s->zs_live) inflateEnd(&s->zs);
    if (s->zd) ZSTD_freeDCtx(s->zd);
    if (s->owns_fd) close(s->fd);
    free(s->in);
    free(s);
}
