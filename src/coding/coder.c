/*
** coder.c - the coding stage: events and mentions from parsed sentences and
** a dictionary set (being written).
*/
#include "../session.h"

int cod_session_run(dyad_session *s, const dyad_story *st) {
    (void)st;
    s->events.n = 0;
    s->mentions.n = 0;
    s->trace.n = 0;
    return 0;
}

void cod_session_free(dyad_session *s) {
    dvec_free(&s->events);
    dvec_free(&s->mentions);
    dbuf_free(&s->trace);
}

size_t dyad_session_event_count(const dyad_session *s) { return s->events.n; }

const dyad_event *dyad_session_event(const dyad_session *s, size_t i) {
    return i < s->events.n ? &DVEC_AT(&s->events, dyad_event, i) : NULL;
}

size_t dyad_session_mention_count(const dyad_session *s) { return s->mentions.n; }

const dyad_mention *dyad_session_mention(const dyad_session *s, size_t i) {
    return i < s->mentions.n ? &DVEC_AT(&s->mentions, dyad_mention, i) : NULL;
}

void dyad_session_trace(dyad_session *s, int on) { s->tracing = on; }

const char *dyad_session_explain(const dyad_session *s, size_t *n) {
    *n = s->trace.n;
    return s->trace.n ? s->trace.p : "";
}
