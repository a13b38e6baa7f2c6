/*
** format.c - the output contract (../shared/docs/CONTRACT.md): per-story
** lines, per-event lines and sentence lines, as JSON Lines.
*/
#include "output.h"

#include <math.h>
#include <stdlib.h>

#include "../session.h"
#include "cameo.h"

static void json_cstr_or_null(dyad_buf *b, const char *z) {
    if (z) json_cstr(b, z);
    else dbuf_puts(b, "null");
}

/* "quad", "goldstein" and "plover" of a CAMEO code from the tables (goldstein
** with one decimal, written from tenths so the locale cannot change the
** point); all three null for a code the tables do not know ("075A"). */
static void cameo_fields(dyad_buf *b, const char *code) {
    const dyad_cameo_code *c = dyad_cameo_lookup(code);
    if (!c) {
        dbuf_puts(b, ",\"quad\":null,\"goldstein\":null,\"plover\":null");
        return;
    }
    long t = lround(c->goldstein * 10.0);
    dbuf_printf(b, ",\"quad\":%d,\"goldstein\":%s%ld.%ld,\"plover\":", c->quad,
                t < 0 ? "-" : "", labs(t) / 10, labs(t) % 10);
    json_cstr_or_null(b, c->plover);
}

/* "name","country","lat","lon","geonameid" of a resolved place (the
** program never sets a locale, so %f writes a point); all null when the
** mention is unresolved. */
static void place_fields(dyad_buf *b, const dyad_place_mention *m) {
    const dyad_place *p = &m->place;
    if (m->index < 0 || !p->name) {
        dbuf_puts(b, "\"name\":null,\"country\":null,\"lat\":null,\"lon\":null,\"geonameid\":null");
        return;
    }
    dbuf_puts(b, "\"name\":");
    json_cstr(b, p->name);
    dbuf_puts(b, ",\"country\":");
    json_cstr_or_null(b, p->country[0] == '-' ? NULL : p->country);
    if (p->has_coords) dbuf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f", p->lat, p->lon);
    else dbuf_puts(b, ",\"lat\":null,\"lon\":null");
    if (p->geonameid) dbuf_printf(b, ",\"geonameid\":%u", p->geonameid);
    else dbuf_puts(b, ",\"geonameid\":null");
}

/* A place mention of `dyad annotate`: {"start","end","text","role",...}. */
static void place_obj(dyad_buf *b, const dyad_story *st, const dyad_place_mention *m) {
    dbuf_printf(b, "{\"start\":%u,\"end\":%u,\"text\":", m->start, m->end);
    json_str(b, st->text + m->start, m->end - m->start);
    dbuf_puts(b, ",\"role\":");
    json_cstr(b, dyad_place_role_name((dyad_place_role)m->role));
    dbuf_putc(b, ',');
    place_fields(b, m);
    dbuf_printf(b, ",\"sentence\":");
    if (m->sentence == UINT32_MAX) dbuf_puts(b, "null}");
    else dbuf_printf(b, "%u}", m->sentence);
}

/* The text of what the actor mention inside [a, b) refers back to ("he"
** -> "Secretary of State John Kerry"), as JSON, or null. */
static void resolved_from(dyad_buf *b, const dyad_session *s, const dyad_story *st, uint32_t a,
                          uint32_t e) {
    for (size_t i = 0; e > a && i < dyad_session_actor_count(s); i++) {
        const dyad_actor *x = dyad_session_actor(s, i);
        if (x->resolved_from < 0 || x->start < a || x->end > e) continue;
        const dyad_actor *f = dyad_session_actor(s, (size_t)x->resolved_from);
        if (!f) break;
        json_str(b, st->text + f->start, f->end - f->start);
        return;
    }
    dbuf_puts(b, "null");
}

/* One event object (CONTRACT.md); with the story id in per-event mode. */
static void event_obj(dyad_buf *b, const dyad_session *s, const dyad_story *st,
                      const dyad_event *e, int with_id) {
    dbuf_putc(b, '{');
    if (with_id) {
        dbuf_puts(b, "\"story_id\":");
        json_cstr(b, st->id);
        dbuf_putc(b, ',');
    }
    dbuf_printf(b, "\"sentence\":%u,\"date\":", e->sentence);
    json_date(b, e->date);
    dbuf_puts(b, ",\"source\":");
    json_cstr(b, e->source);
    dbuf_puts(b, ",\"target\":");
    json_cstr_or_null(b, e->target);
    dbuf_puts(b, ",\"code\":");
    json_cstr(b, e->code);
    dbuf_puts(b, ",\"root\":");
    json_str(b, e->code, 2);
    cameo_fields(b, e->code);
    dbuf_puts(b, ",\"source_text\":");
    json_str(b, st->text + e->source_start, e->source_end - e->source_start);
    dbuf_puts(b, ",\"target_text\":");
    if (e->target) json_str(b, st->text + e->target_start, e->target_end - e->target_start);
    else dbuf_puts(b, "null");
    dbuf_puts(b, ",\"source_resolved_from\":");
    resolved_from(b, s, st, e->source_start, e->source_end);
    dbuf_puts(b, ",\"target_resolved_from\":");
    if (e->target) resolved_from(b, s, st, e->target_start, e->target_end);
    else dbuf_puts(b, "null");
    dbuf_puts(b, ",\"verb_text\":");
    json_str(b, st->text + e->verb_start, e->verb_end - e->verb_start);
    const dyad_place_mention *pm = e->place >= 0 ? dyad_session_place(s, (size_t)e->place) : NULL;
    if (pm && pm->index >= 0) {
        dbuf_puts(b, ",\"place\":{");
        place_fields(b, pm);
        dbuf_puts(b, ",\"text\":");
        if (pm->end > pm->start) json_str(b, st->text + pm->start, pm->end - pm->start);
        else json_cstr(b, st->dateline_place ? st->dateline_place : "");
        dbuf_puts(b, ",\"from\":");
        json_cstr(b, pm->sentence == UINT32_MAX ? "dateline" : "text");
        dbuf_putc(b, '}');
    } else {
        dbuf_puts(b, ",\"place\":null");
    }
    static const char *const flag_names[] = {"passive", "negated", "quoted", "reciprocal",
                                             "reported", "inferred"};
    dbuf_puts(b, ",\"flags\":[");
    int first = 1;
    for (size_t k = 0; k < sizeof flag_names / sizeof *flag_names; k++)
        if (e->flags & (1u << k)) {
            if (!first) dbuf_putc(b, ',');
            json_cstr(b, flag_names[k]);
            first = 0;
        }
    const dyad_quote *eq = e->quote >= 0 ? dyad_session_quote(s, (size_t)e->quote) : NULL;
    dbuf_puts(b, "],\"quote_speaker\":");
    json_cstr_or_null(b, eq ? eq->speaker_code : NULL);
    dbuf_printf(b, ",\"repeats\":%u,\"rule\":", e->repeats);
    json_cstr_or_null(b, e->rule);
    const dyad_sentence *se = dyad_session_sentence(s, e->sentence);
    dbuf_puts(b, ",\"text\":");
    if (se) json_str(b, st->text + se->start, se->end - se->start);
    else dbuf_puts(b, "null");
    dbuf_putc(b, '}');
}

static void story_line(dyad_buf *b, const dyad_session *s, const dyad_story *st) {
    dbuf_puts(b, "{\"story_id\":");
    json_cstr(b, st->id);
    if (st->status != DYAD_OK) {
        dbuf_puts(b, ",\"status\":\"error\",\"error\":");
        json_cstr(b, st->error ? st->error : dyad_status_name(st->status));
        dbuf_puts(b, ",\"events\":[]}\n");
        return;
    }
    dbuf_puts(b, ",\"status\":\"ok\",\"date\":");
    json_date(b, st->date);
    dbuf_puts(b, ",\"events\":[");
    for (size_t i = 0; i < dyad_session_event_count(s); i++) {
        if (i) dbuf_putc(b, ',');
        event_obj(b, s, st, dyad_session_event(s, i), 0);
    }
    dbuf_puts(b, "]}\n");
}

/* {"start","end","text","value","type"} of time expression x. */
static void timex_obj(dyad_buf *b, const dyad_story *st, const dyad_timex *x) {
    dbuf_printf(b, "{\"start\":%u,\"end\":%u,\"text\":", x->start, x->end);
    json_str(b, st->text + x->start, x->end - x->start);
    dbuf_puts(b, ",\"value\":");
    json_cstr(b, x->value);
    dbuf_puts(b, ",\"type\":");
    json_cstr(b, dyad_timex_type_name((dyad_timex_type)x->type));
    dbuf_putc(b, '}');
}

/* One line per story: its time expressions, places, actors and quotes (the
** layers the session asks for); an error story has every list empty. */
static void annotate_line(dyad_buf *b, const dyad_session *s, const dyad_story *st) {
    unsigned ly = s->layers ? s->layers : ~0u;
    int ok = st->status == DYAD_OK;
    dbuf_puts(b, "{\"story_id\":");
    json_cstr(b, st->id);
    if (!ok) {
        dbuf_puts(b, ",\"status\":\"error\",\"error\":");
        json_cstr(b, st->error ? st->error : dyad_status_name(st->status));
    } else {
        dbuf_puts(b, ",\"status\":\"ok\",\"date\":");
        json_date(b, st->date);
    }
    if (ly & DYAD_LAYER_TIMEXES) {
        dbuf_puts(b, ",\"timexes\":[");
        for (size_t i = 0; ok && i < dyad_session_timex_count(s); i++) {
            if (i) dbuf_putc(b, ',');
            timex_obj(b, st, dyad_session_timex(s, i));
        }
        dbuf_putc(b, ']');
    }
    if (ly & DYAD_LAYER_PLACES) {
        dbuf_puts(b, ",\"places\":[");
        for (size_t i = 0; ok && i < dyad_session_place_count(s); i++) {
            if (i) dbuf_putc(b, ',');
            place_obj(b, st, dyad_session_place(s, i));
        }
        dbuf_putc(b, ']');
    }
    if (ly & DYAD_LAYER_ACTORS) {
        dbuf_puts(b, ",\"actors\":[");
        for (size_t i = 0; ok && i < dyad_session_actor_count(s); i++) {
            const dyad_actor *a = dyad_session_actor(s, i);
            if (i) dbuf_putc(b, ',');
            dbuf_printf(b, "{\"start\":%u,\"end\":%u,\"text\":", a->start, a->end);
            json_str(b, st->text + a->start, a->end - a->start);
            dbuf_puts(b, ",\"code\":");
            json_cstr(b, a->code);
            dbuf_puts(b, ",\"resolved_from\":");
            const dyad_actor *f =
                a->resolved_from >= 0 ? dyad_session_actor(s, (size_t)a->resolved_from) : NULL;
            if (f) json_str(b, st->text + f->start, f->end - f->start);
            else dbuf_puts(b, "null");
            dbuf_printf(b, ",\"sentence\":%u}", a->sentence);
        }
        dbuf_putc(b, ']');
    }
    if (ly & DYAD_LAYER_QUOTES) {
        dbuf_puts(b, ",\"quotes\":[");
        for (size_t i = 0; ok && i < dyad_session_quote_count(s); i++) {
            const dyad_quote *q = dyad_session_quote(s, i);
            if (i) dbuf_putc(b, ',');
            dbuf_printf(b, "{\"start\":%u,\"end\":%u,\"speaker\":", q->start, q->end);
            if (q->speaker_end > q->speaker_start)
                json_str(b, st->text + q->speaker_start, q->speaker_end - q->speaker_start);
            else
                dbuf_puts(b, "null");
            dbuf_puts(b, ",\"speaker_code\":");
            json_cstr_or_null(b, q->speaker_code);
            dbuf_putc(b, '}');
        }
        dbuf_putc(b, ']');
    }
    dbuf_puts(b, "}\n");
}

/* One line per time expression, with its story and sentence. */
static void timex_lines(dyad_buf *b, const dyad_session *s, const dyad_story *st) {
    for (size_t i = 0; i < dyad_session_timex_count(s); i++) {
        const dyad_timex *x = dyad_session_timex(s, i);
        dbuf_puts(b, "{\"story_id\":");
        json_cstr(b, st->id);
        dbuf_printf(b, ",\"sentence\":%u,\"timex\":", x->sentence);
        timex_obj(b, st, x);
        dbuf_puts(b, "}\n");
    }
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
    case DYAD_OUT_ANNOTATE: annotate_line(b, s, st); break;
    case DYAD_OUT_TIMEXES:
        if (st->status == DYAD_OK) timex_lines(b, s, st);
        break;
    case DYAD_OUT_SENTENCES:
        if (st->status == DYAD_OK) sentence_lines(b, s, st);
        break;
    case DYAD_OUT_EVENTS:
        if (st->status != DYAD_OK) break;
        for (size_t i = 0; i < dyad_session_event_count(s); i++) {
            event_obj(b, s, st, dyad_session_event(s, i), 1);
            dbuf_putc(b, '\n');
        }
        break;
    }
    if (b->oom) return NULL;
    *n = b->n;
    return b->p ? b->p : "";
}
