/*
** engine.c - the engine (compiled resources) and the per-story session that
** drives a story through the pipeline stages.
*/
#include "session.h"
#include "time/timex.h"
#include "places/places.h"
#include "resolve/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* The places stage's gazetteer: the one named, else the data folder's when
** there is one.  -1 (with *errmsg) when a required one cannot be loaded. */
static int load_gazetteer(dyad_engine *e, char **errmsg) {
    if (e->opt.places < 0) return 0;
    char *path = e->opt.gazetteer ? strdup(e->opt.gazetteer)
                                  : dyad_gazetteer_default_path(syn_data_dir(&e->opt));
    struct stat sb;
    if (!path) return 0;
    if (!e->opt.gazetteer && e->opt.places == 0 && stat(path, &sb) != 0) {
        free(path);
        return 0;
    }
    dyad_gazetteer *g;
    if (dyad_gazetteer_load(path, &g) != DYAD_OK) {
        if (errmsg) *errmsg = dyad_strdupf("gazetteer: %s", dyad_gazetteer_errmsg(g));
        dyad_gazetteer_free(g);
        free(path);
        return -1;
    }
    free(path);
    e->gaz = g;
    return 0;
}

const dyad_gazetteer *dyad_engine_gazetteer(const dyad_engine *e) { return e->gaz; }

dyad_status dyad_engine_open(const dyad_engine_options *opt, dyad_engine **out, char **errmsg) {
    *out = NULL;
    if (errmsg) *errmsg = NULL;
    dyad_engine *e = calloc(1, sizeof *e);
    if (!e) {
        if (errmsg) *errmsg = strdup("out of memory");
        return DYAD_NOMEM;
    }
    if (opt) e->opt = *opt;
    if (!e->opt.max_sentence_tokens) e->opt.max_sentence_tokens = 250;
    /* The built-in dictionaries: dict/dyad.ini of the data folder. */
    char builtin[4096];
    if (!e->opt.dict_config && !e->opt.ndict_files && !e->opt.no_builtin_dict) {
        struct stat st;
        snprintf(builtin, sizeof builtin, "%s/dict/dyad.ini", syn_data_dir(&e->opt));
        if (stat(builtin, &st) == 0 && S_ISREG(st.st_mode)) e->opt.dict_config = builtin;
    }
    if (e->opt.dict_config || e->opt.ndict_files) {
        size_t np = e->opt.ndict_files + (e->opt.dict_config != NULL);
        const char **paths = calloc(np, sizeof *paths);
        dyad_status st = DYAD_NOMEM;
        if (paths) {
            size_t k = 0;
            if (e->opt.dict_config) paths[k++] = e->opt.dict_config;
            for (size_t i = 0; i < e->opt.ndict_files; i++) paths[k++] = e->opt.dict_files[i];
            st = dyad_dict_load(paths, np, &e->dict);
            free(paths);
        }
        if (st != DYAD_OK) {
            if (errmsg) *errmsg = strdup("out of memory");
            free(e);
            return st;
        }
        if (dyad_dict_error_count(e->dict)) {
            /* The first unusable file names the problem. */
            for (size_t i = 0; i < dyad_dict_message_count(e->dict); i++) {
                int err = 0;
                const char *m = dyad_dict_message(e->dict, i, &err);
                if (err && errmsg) {
                    *errmsg = dyad_strdupf("unreadable dictionaries: %s", m);
                    break;
                }
            }
            dyad_dict_free(e->dict);
            free(e);
            return DYAD_IO;
        }
    }
    if (e->opt.dict_config == builtin) e->opt.dict_config = NULL;   /* (a stack buffer) */
    if (syn_engine_load(e, errmsg) < 0) {
        dyad_dict_free(e->dict);
        free(e);
        return DYAD_IO;
    }
    if (load_gazetteer(e, errmsg) < 0) {
        dyad_engine_close(e);
        return DYAD_IO;
    }
    *out = e;
    return DYAD_OK;
}

void dyad_engine_close(dyad_engine *e) {
    if (!e) return;
    syn_engine_free(e);
    dyad_dict_free(e->dict);
    dyad_gazetteer_free(e->gaz);
    free(e);
}

const dyad_dict *dyad_engine_dict(const dyad_engine *e) { return e->dict; }

dyad_session *dyad_session_new(const dyad_engine *e) {
    dyad_session *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->e = e;
    s->doc.arena = &s->arena;
    s->doc.max_tokens = e->opt.max_sentence_tokens;
    return s;
}

void dyad_session_free(dyad_session *s) {
    if (!s) return;
    arena_free(&s->arena);
    dvec_free(&s->doc.tokens);
    dvec_free(&s->doc.sents);
    dvec_free(&s->warns);
    dbuf_free(&s->out);
    syn_scratch_free(&s->scr);
    dvec_free(&s->words);
    dvec_free(&s->synt);
    dvec_free(&s->timexes);
    dvec_free(&s->places);
    res_session_free(s);
    cod_session_free(s);
    free(s);
}

static void reset(dyad_session *s) {
    arena_reset(&s->arena);
    arena_reset(&s->scr.arena);
    s->synt.n = 0;
    s->doc.tokens.n = s->doc.sents.n = 0;
    s->doc.tokens.oom = s->doc.sents.oom = 0;
    s->doc.ncut = 0;
    s->doc.z = NULL;
    s->warns.n = 0;
    s->warns.oom = 0;
    s->events.n = s->mentions.n = 0;
    s->actors.n = s->quotes.n = 0;
    s->timexes.n = 0;
    s->timexes.oom = 0;
    s->places.n = 0;
    s->places.oom = 0;
    s->trace.n = 0;
}

static void warn(dyad_session *s, const char *msg) {
    const char **slot = dvec_push(&s->warns, sizeof *slot);
    if (slot) *slot = msg;
}

dyad_status dyad_session_run(dyad_session *s, const dyad_story *st) {
    reset(s);
    if (st->status != DYAD_OK) return DYAD_OK;
    txt_doc *d = &s->doc;
    d->z = st->text;
    for (size_t i = 0; i < st->nsegments; i++) {
        const dyad_segment *sg = &st->segments[i];
        if (sg->kind != DYAD_SEG_BODY) continue;
        size_t first = d->tokens.n;
        if (txt_tokenize(d, sg->start, sg->end) < 0) goto nomem;
        if (txt_split(d, first, st->single_sentence) < 0) goto nomem;
    }
    txt_finish(d);
    /* Time expressions: on the tokens, before the parse (the coder dates
    ** events with them). */
    if (tmx_story(st->text, (const dyad_sentence *)d->sents.p, d->sents.n, st->date, &s->arena,
                  &s->timexes) < 0)
        goto nomem;
    /* With a dictionary set the coder parses the sentences it can code. */
    if (s->e->dict && !s->e->opt.parse_all) {
        if (syn_session_prepare(s) < 0) goto nomem;
    } else if (syn_session_run(s, st) < 0) {
        goto nomem;
    }
    if (cod_session_run(s, st) < 0) goto nomem;
    /* Places: on the tokens and the syntax the coder made; then the
    ** place of each event. */
    if (plc_story(s, st) < 0) goto nomem;
    plc_events(s, st);
    /* Resolution: repeated events (they carry their places along). */
    if (res_dedup(s) < 0) goto nomem;
    if (d->ncut) {
        char *m = arena_printf(&s->arena,
                               "story %s: %u sentence(s) longer than %u tokens were cut",
                               st->id, d->ncut, d->max_tokens);
        if (m) warn(s, m);
    }
    if (s->arena.oom || s->warns.oom || s->timexes.oom || s->places.oom) goto nomem;
    return DYAD_OK;
nomem:
    reset(s);
    return DYAD_NOMEM;
}

void dyad_session_layers(dyad_session *s, unsigned mask) { s->layers = mask; }

size_t dyad_session_sentence_count(const dyad_session *s) { return s->doc.sents.n; }

const dyad_sentence *dyad_session_sentence(const dyad_session *s, size_t i) {
    if (i >= s->doc.sents.n) return NULL;
    return &DVEC_AT(&s->doc.sents, dyad_sentence, i);
}

size_t dyad_session_timex_count(const dyad_session *s) { return s->timexes.n; }

const dyad_timex *dyad_session_timex(const dyad_session *s, size_t i) {
    return i < s->timexes.n ? &DVEC_AT(&s->timexes, dyad_timex, i) : NULL;
}

/* ORDER TIMEXTYPE */
static const char *const timex_type_names[] = {"DATE", "TIME", "DURATION", "SET"};

const char *dyad_timex_type_name(dyad_timex_type t) {
    if ((unsigned)t < sizeof timex_type_names / sizeof *timex_type_names)
        return timex_type_names[t];
    return "unknown";
}

size_t dyad_session_warning_count(const dyad_session *s) { return s->warns.n; }

const char *dyad_session_warning(const dyad_session *s, size_t i) {
    return i < s->warns.n ? DVEC_AT(&s->warns, const char *, i) : NULL;
}

const char *dyad_token_text(const dyad_story *story, const dyad_token *t, size_t *n) {
    if (t->norm) {
        *n = strlen(t->norm);
        return t->norm;
    }
    *n = t->len;
    return story->text + t->start;
}

/* ORDER TOKKIND */
static const char *const kind_names[] = {"word", "number", "punct", "symbol", "url"};

const char *dyad_token_kind_name(dyad_token_kind k) {
    if ((unsigned)k < sizeof kind_names / sizeof *kind_names) return kind_names[k];
    return "unknown";
}
