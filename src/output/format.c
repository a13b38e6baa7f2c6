/*
** format.c - the output contract (../shared/docs/CONTRACT.md): per-story
** lines, per-event lines and sentence lines, as JSON Lines.
*/
#include "output.h"

#include "../session.h"

static void story_line(dyad_buf *b, const dyad_session *s, const dyad_story *st) {
    dbuf_puts(b, "{\"story_id\":");
    json_cstr(b, st->id);
    if (st->status != DYAD_OK) {
        dbuf_puts(b, ",\"status\":\"error\",\"error\":");
        json_cstr(b, st->error ? st->error : dyad_status_name(st->status));
        dbuf_puts(b, ",\"events\":[]}\n");
        return;
    }
    (void)s;
    dbuf_puts(b, ",\"status\":\"ok\",\"date\":");
    json_date(b, st->date);
    dbuf_puts(b, ",\"events\":[]}\n");
}

static void sentence_lines(dyad_buf *b, const dyad_session *s, const dyad_story *st) {
    for (size_t i = 0; i < s->doc.sents.n; i++) {
        const dyad_sentence *se = &DVEC_AT(&s->doc.sents, dyad_sentence, i);
        dbuf_puts(b, "{\"story_id\":");
        json_cstr(b, st->id);
        dbuf_printf(b, ",\"index\":%zu,\"start\":%u,\"end\":%u,\"text\":", i, se->start, se->end);
        json_str(b, st->text + se->start, se->end - se->start);
        dbuf_puts(b, ",\"tokens\":[");
        for (uint32_t k = 0; k < se->ntokens; k++) {
            size_t n;
            const char *z = dyad_token_text(st, &se->tokens[k], &n);
            if (k) dbuf_putc(b, ',');
            json_str(b, z, n);
        }
        dbuf_puts(b, "],\"quoted\":[");
        int first = 1;
        for (uint32_t k = 0; k < se->ntokens; k++) {
            if (!(se->tokens[k].flags & DYAD_TF_QUOTED)) continue;
            dbuf_printf(b, first ? "%u" : ",%u", k);
            first = 0;
        }
        dbuf_puts(b, "]}\n");
    }
}

const char *dyad_session_format(dyad_session *s, const dyad_story *st, dyad_output what,
                                size_t *n) {
    dyad_buf *b = &s->out;
    dbuf_reset(b);
    b->oom = 0;
    switch (what) {
    case DYAD_OUT_STORY: story_line(b, s, st); break;
    case DYAD_OUT_SENTENCES:
        if (st->status == DYAD_OK) sentence_lines(b, s, st);
        break;
    case DYAD_OUT_EVENTS: break;           /* no events until the coder exists */
    }
    if (b->oom) return NULL;
    *n = b->n;
    return b->p ? b->p : "";
}
