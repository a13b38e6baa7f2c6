/*
** resolve.h - the resolution stage: what the story as a whole decides
** about the events of its sentences.
**
** Contract: res_dedup() runs after the coder and the places stage, on the
** session's events in story order, and drops repeats as the engine's
** dedup option says (dedup.c).  The day filter's keys live in the
** session (they span stories) and are freed with it.
*/
#ifndef DYAD_RESOLVE_H
#define DYAD_RESOLVE_H

struct dyad_session;

/* Drop repeated events of the last story.  Returns 0, or -1 when out of
** memory (the events are then left as they were). */
int  res_dedup(struct dyad_session *s);
void res_session_free(struct dyad_session *s);

#endif /* DYAD_RESOLVE_H */
