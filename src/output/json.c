/*
** json.c - JSON string writer: escapes, and repairs invalid UTF-8 (each bad
** byte becomes U+FFFD), so output is always valid JSON in valid UTF-8.
*/
#include "output.h"

#include "../text/text.h"

static const char hex[] = "0123456789abcdef";

void json_str(dyad_buf *b, const char *z, size_t n) {
    if (dbuf_reserve(b, n + 2)) return;
    dbuf_putc(b, '"');
    size_t run = 0;                      /* start of a plain run */
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)z[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') { i++; continue; }
        if (c >= 0x80) {
            txt_char ch;
            txt_decode(z, n, i, &ch);
            if (!ch.bad) { i += ch.len; continue; }
            dbuf_append(b, z + run, i - run);
            dbuf_append(b, "\xEF\xBF\xBD", 3);
            i++;
            run = i;
            continue;
        }
        dbuf_append(b, z + run, i - run);
        switch (c) {
        case '"': dbuf_append(b, "\\\"", 2); break;
        case '\\': dbuf_append(b, "\\\\", 2); break;
        case '\n': dbuf_append(b, "\\n", 2); break;
        case '\r': dbuf_append(b, "\\r", 2); break;
        case '\t': dbuf_append(b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            dbuf_append(b, u, 6);
        }
        }
        i++;
        run = i;
    }
    dbuf_append(b, z + run, n - run);
    dbuf_putc(b, '"');
}

void json_cstr(dyad_buf *b, const char *s) {
    if (!s) dbuf_append(b, "null", 4);
    else json_str(b, s, strlen(s));
}

void json_date(dyad_buf *b, dyad_date d) {
    char tmp[11];
    if (!dyad_date_format(d, tmp)) dbuf_append(b, "null", 4);
    else json_str(b, tmp, strlen(tmp));
}
