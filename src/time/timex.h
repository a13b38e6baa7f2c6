/*
** timex.h - the time stage: time expressions of each sentence, recognised
** on the tokens and normalised against the story date (TIMEX3 values).
**
** Contract
**   tmx_story() scans the sentences of one story once, left to right, with
**   a word table (binary search) and hand-written rules over token classes:
**   no regular expressions, no syntax (the stage runs before the parse, on
**   every sentence, and costs a table lookup per word).  At each token the
**   longest expression wins; expressions do not overlap.  Relative
**   expressions ("Tuesday", "last month", "Oct. 14" without a year) are
**   resolved against the story date; without one they are left out.
**   Weekdays and bare months are past or future by the tense words near
**   them ("will", "next", a past-tense verb).  Values and the timex array
**   live in the caller's arena and vector; nothing else is allocated.
*/
#ifndef DYAD_TIMEX_H
#define DYAD_TIMEX_H

#include "../base/base.h"

/* Append the time expressions of sentences[0..nsents) (text z, story date
** dct, possibly null) to out (dyad_timex), values in ar.  Returns 0, or -1
** when out of memory. */
int tmx_story(const char *z, const dyad_sentence *sents, size_t nsents, dyad_date dct,
              dyad_arena *ar, dyad_vec *out);

/* 1 when the word table is in the order its binary search needs. */
int tmx_table_sorted(void);

#endif /* DYAD_TIMEX_H */
