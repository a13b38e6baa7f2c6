/*
** session.h - the engine and session objects shared by the pipeline stages.
** The engine is immutable after dyad_engine_open(); a session belongs to one
** thread and is reset per story.
*/
#ifndef DYAD_SESSION_H
#define DYAD_SESSION_H

#include "base/base.h"
#include "syntax/syntax.h"
#include "text/text.h"

struct dyad_engine {
    dyad_engine_options opt;    /* as given, defaults filled in */
    dyad_dict          *dict;   /* --dict set, or NULL (owned) */
    syn_tagger         *tagger; /* models, or NULL when not loaded (owned) */
    syn_lemmatizer     *lemma;
    syn_parser         *parser;
    dyad_gazetteer     *gaz;    /* places stage's gazetteer, or NULL (owned) */
};

struct dyad_session {
    const dyad_engine *e;       /* not owned */
    dyad_arena  arena;          /* per-story allocations; reset per story */
    txt_doc     doc;            /* tokens and sentences of the last story */
    dyad_vec    warns;          /* const char * (arena) warnings */
    dyad_buf    out;            /* formatted output */
    syn_scratch scr;            /* syntax working memory */
    dyad_vec    words;          /* syn_word of the sentence being parsed */
    dyad_vec    synt;           /* dyad_syntax per token of the story */
    dyad_vec    events;         /* dyad_event of the story */
    dyad_vec    mentions;       /* dyad_mention of the story */
    dyad_vec    actors;         /* dyad_actor of the story (coref.c) */
    dyad_vec    quotes;         /* dyad_quote of the story (coref.c) */
    dyad_vec    timexes;        /* dyad_timex of the story (values in arena) */
    dyad_vec    places;         /* dyad_place_mention of the story */
    uint64_t   *day_keys;       /* DYAD_DEDUP_DAY: keys of events kept so far */
    size_t      day_cap, day_n; /* (open addressing, a power of two) */
    dyad_buf    trace;          /* explanation text when tracing */
    int         tracing;        /* dyad_session_trace() */
    unsigned    layers;         /* dyad_session_layers(): annotate's layers */
    void       *cod;            /* coder working memory (src/coding) */
};

/* Syntax stage (src/syntax/models.c). */
int  syn_engine_load(dyad_engine *e, char **errmsg);
/* The data folder: opt->data_dir, else $DYAD_DATA, else the installed one. */
const char *syn_data_dir(const dyad_engine_options *opt);
void syn_engine_free(dyad_engine *e);
int  syn_session_run(dyad_session *s, const dyad_story *st);
/* The same in two steps: blank syntax ("_", head -1) for every token, then
** the analysis of sentence i (the coder parses only what it can code). */
int  syn_session_prepare(dyad_session *s);
int  syn_sentence_run(dyad_session *s, const dyad_story *st, size_t i);
/* The same in two steps, to impose tags between them: tag sentence i (the
** tags are visible through s->synt), then lemmatize and parse it with
** force[k] (an XPOS name: "NNP", "VBD", or NULL) replacing the tag of
** token k; force may be NULL. */
int  syn_sentence_tag(dyad_session *s, const dyad_story *st, size_t i);
int  syn_sentence_finish(dyad_session *s, size_t i, const char *const *force);

/* Coding stage (src/coding/coder.c): events and mentions of the story whose
** text and syntax the session holds.  Returns 0, or -1 when out of memory. */
int  cod_session_run(dyad_session *s, const dyad_story *st);
void cod_session_free(dyad_session *s);

#endif
