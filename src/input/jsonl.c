/*
** jsonl.c - JSONL story reader: one JSON object per line with "id",
** "date", "text" and optional "title"; other fields are ignored.  Parsing is
** cJSON's.  A line that is not a usable story becomes an error story naming
** the line; blank lines are skipped.  An unreadable date is a warning and a
** null date.
*/
#include "input.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>

static int has_nul_escape(const char *z, size_t n) {
    for (const char *p = z; (p = memchr(p, '\\', n - (size_t)(p - z))) != NULL; p++)
        if ((size_t)(z + n - p) >= 6 && memcmp(p, "\\u0000", 6) == 0) return 1;
    return 0;
}

static int is_blank(const char *z, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (z[i] != ' ' && z[i] != '\t' && z[i] != '\r') return 0;
    return 1;
}

/* Set story.id from a string or number field; NULL leaves the default. */
static void set_id(dyad_reader *r, const cJSON *id) {
    if (cJSON_IsString(id) && id->valuestring[0]) {
        r->story.id = arena_strndup(&r->arena, id->valuestring, strlen(id->valuestring));
    } else if (cJSON_IsNumber(id)) {
        double v = id->valuedouble;
        if (v == floor(v) && fabs(v) < 1e15)
            r->story.id = arena_printf(&r->arena, "%.0f", v);
        else
            r->story.id = arena_printf(&r->arena, "%.17g", v);
    }
}

static void set_date(dyad_reader *r, const cJSON *date) {
    dyad_story *st = &r->story;
    if (!date || cJSON_IsNull(date)) return;
    if (cJSON_IsString(date)) {
        const char *s = date->valuestring;
        if (!s[0]) return;
        if (dyad_date_parse(s, strlen(s), &st->date) != DYAD_OK)
            rd_story_warn(r, "%s: line %llu: story %s: unreadable date \"%.40s\"; date set to null",
                          r->name, (unsigned long long)st->line, st->id, s);
        return;
    }
    if (cJSON_IsNumber(date) && date->valuedouble >= 10000101 && date->valuedouble < 100000000) {
        char tmp[16];
        snprintf(tmp, sizeof tmp, "%.0f", date->valuedouble);
        if (dyad_date_parse(tmp, strlen(tmp), &st->date) == DYAD_OK) return;
    }
    rd_story_warn(r, "%s: line %llu: story %s: unreadable date; date set to null", r->name,
                  (unsigned long long)st->line, st->id);
}

dyad_status rd_jsonl_next(dyad_reader *r) {
    const char *line;
    size_t len;
    int toolong, k;
    for (;;) {
        k = rd_getline(r, &line, &len, &toolong);
        if (k < 0) return DYAD_IO;
        if (k == 0) return DYAD_DONE;
        if (!is_blank(line, len)) break;
    }
    rd_story_reset(r);
    dyad_story *st = &r->story;
    st->line = r->lineno;
    if (len >= 3 && (unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
        (unsigned char)line[2] == 0xBF && r->lineno == 1) {
        line += 3;                       /* UTF-8 byte-order mark */
        len -= 3;
    }
    if (toolong) {
        rd_story_error(r, DYAD_TOOBIG, "%s: line %llu: story longer than %zu bytes", r->name,
                       (unsigned long long)st->line, r->opt.max_story);
        rd_story_finish(r);
        return DYAD_OK;
    }
    const char *nul = memchr(line, 0, len);
    if (nul) {
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: NUL byte at column %zu", r->name,
                       (unsigned long long)st->line, (size_t)(nul - line) + 1);
        rd_story_finish(r);
        return DYAD_OK;
    }
    /* cJSON strings end at NUL: turn a "\u0000" escape into a space first. */
    char *fixed = NULL;
    if (has_nul_escape(line, len)) {
        fixed = arena_strndup(&r->arena, line, len);
        for (size_t i = 0; fixed && i + 6 <= len; i++) {
            if (fixed[i] != '\\') continue;
            if (memcmp(fixed + i, "\\u0000", 6) == 0) memcpy(fixed + i, "\\u0020", 6);
            i++;                        /* skip the escaped character */
        }
        if (fixed) line = fixed;
    }
    const char *end = NULL;
    cJSON *obj = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (!obj) {
        const char *at = cJSON_GetErrorPtr();
        size_t col = at && at >= line && at <= line + len ? (size_t)(at - line) + 1 : 1;
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: malformed JSON at column %zu", r->name,
                       (unsigned long long)st->line, col);
        rd_story_finish(r);
        return DYAD_OK;
    }
    if (end && !is_blank(end, len - (size_t)(end - line))) {
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: text after the JSON value at column %zu",
                       r->name, (unsigned long long)st->line, (size_t)(end - line) + 1);
        goto done;
    }
    if (!cJSON_IsObject(obj)) {
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: expected a JSON object", r->name,
                       (unsigned long long)st->line);
        goto done;
    }
    set_id(r, cJSON_GetObjectItemCaseSensitive(obj, "id"));
    if (!st->id[0])
        st->id = arena_printf(&r->arena, "%s:%llu", r->name, (unsigned long long)st->line);
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(obj, "text");
    if (!text) {
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: story has no \"text\" field", r->name,
                       (unsigned long long)st->line);
        goto done;
    }
    if (!cJSON_IsString(text)) {
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: \"text\" is not a string", r->name,
                       (unsigned long long)st->line);
        goto done;
    }
    set_date(r, cJSON_GetObjectItemCaseSensitive(obj, "date"));
    const cJSON *title = cJSON_GetObjectItemCaseSensitive(obj, "title");
    if (cJSON_IsString(title))
        st->title = arena_strndup(&r->arena, title->valuestring, strlen(title->valuestring));
    size_t n = strlen(text->valuestring);
    dbuf_append(&r->text, text->valuestring, n);
    st->text = r->text.p ? r->text.p : "";
    st->text_len = n;
    rd_add_segment(r, 0, n, DYAD_SEG_BODY);
done:
    cJSON_Delete(obj);
    rd_story_finish(r);
    return DYAD_OK;
}
