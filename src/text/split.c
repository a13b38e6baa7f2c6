/*
** split.c - the sentence splitter and its word lists.
**
** Works on the tokens of one body segment (a paragraph or more).  A sentence
** ends at a paragraph start, at a list marker opening a line, at . ! ? ...
** followed by a plausible sentence start (closing quotes and brackets stay
** with the sentence that ends), after an abbreviation only before a
** capitalised function word, and at the length limit (flagged DYAD_SF_CUT).
** Sentences with no word, number or URL are dropped.
*/
#include "text.h"

#include <stdlib.h>

/* Abbreviations that keep their period.  1 = ends a sentence only before a
** capitalised function word (Inc., Oct.); 2 = a title, never ends one
** (Gen., Mr.); 3 = "No" (an abbreviation only before a number). */
static const struct { const char *w; int a; } abbrevs[] = {
    {"Adm", 2}, {"Ala", 1}, {"Amb", 2}, {"Apr", 1}, {"Ariz", 1}, {"Ark", 1}, {"Aug", 1},
    {"Ave", 1}, {"Bhd", 1}, {"Blvd", 1}, {"Brig", 2}, {"Bros", 1}, {"Calif", 1}, {"Capt", 2},
    {"Cmdr", 2}, {"Co", 1}, {"Col", 2}, {"Colo", 1}, {"Conn", 1}, {"Corp", 1}, {"Cos", 1},
    {"Cpl", 2}, {"Dec", 1}, {"Del", 1}, {"Dept", 1}, {"Dr", 2}, {"Feb", 1}, {"Fla", 1},
    {"Fr", 2}, {"Ft", 2}, {"Ga", 1}, {"Gen", 2}, {"Gov", 2}, {"Hon", 2}, {"Ill", 1}, {"Inc", 1},
    {"Ind", 1}, {"Jan", 1}, {"Jr", 1}, {"Jul", 1}, {"Jun", 1}, {"Kan", 1}, {"Kans", 1},
    {"Ky", 1}, {"La", 1}, {"Lt", 2}, {"Ltd", 1}, {"Maj", 2}, {"Mar", 1}, {"Mass", 1}, {"Md", 1},
    {"Messrs", 2}, {"Mich", 1}, {"Minn", 1}, {"Miss", 1}, {"Mme", 2}, {"Mo", 1}, {"Mont", 1},
    {"Mr", 2}, {"Mrs", 2}, {"Ms", 2}, {"Msgr", 2}, {"Mt", 2}, {"Neb", 1}, {"Nev", 1}, {"No", 3},
    {"Nos", 1}, {"Nov", 1}, {"Oct", 1}, {"Okla", 1}, {"Ore", 1}, {"Pa", 1}, {"Penn", 1},
    {"Plc", 1}, {"Pres", 2}, {"Prof", 2}, {"Pty", 1}, {"Pvt", 2}, {"Rep", 2}, {"Reps", 2},
    {"Rev", 2}, {"Sen", 2}, {"Sens", 2}, {"Sep", 1}, {"Sept", 1}, {"Sgt", 2}, {"Sr", 1},
    {"St", 2}, {"Supt", 2}, {"Tenn", 1}, {"Tex", 1}, {"Va", 1}, {"Vt", 1}, {"Wash", 1},
    {"Wis", 1}, {"Wisc", 1}, {"Wyo", 1}, {"approx", 1}, {"cf", 1}, {"e.g", 1}, {"est", 1},
    {"etc", 1}, {"i.e", 1}, {"no", 3}, {"vs", 2},
};

/* (Sorted by strcmp: txt_tables_sorted() checks it.) */
static int cmp_abbrev(const void *k, const void *e) {
    const char *key = k;
    return strcmp(key, ((const char *const *)e)[0]);
}

int txt_abbrev(const char *z, size_t n) {
    char key[8];
    if (n == 0 || n >= sizeof key) return 0;
    memcpy(key, z, n);
    key[n] = 0;
    const void *hit = bsearch(key, abbrevs, sizeof abbrevs / sizeof *abbrevs, sizeof *abbrevs,
                              cmp_abbrev);
    if (hit) return ((const int *)((const char *)hit + sizeof(const char *)))[0];
    return 0;
}

/* Capitalised words that begin sentences far more often than they continue
** a name; sorted. */
static const char *const starters[] = {
    "A", "According", "After", "Again", "All", "Also", "Although", "Among", "An", "And",
    "Another", "Any", "As", "At", "Because", "Before", "Both", "But", "By", "Despite",
    "Does", "During", "Each", "Earlier", "Even", "Every", "For", "From", "Further", "He",
    "Her", "Here", "His", "How", "However", "I", "If", "In", "Instead", "It", "Its", "Last",
    "Later", "Many", "Meanwhile", "More", "Most", "Mr.", "Mrs.", "Ms.", "Much", "My", "No",
    "Nor", "Not", "Now", "Of", "On", "One", "Only", "Or", "Other", "Our", "She", "Since",
    "So", "Some", "Still", "Such", "That", "The", "Their", "Then", "There", "These", "They",
    "This", "Those", "Though", "Thus", "To", "Today", "Under", "Until", "We", "What", "When",
    "Where", "Whether", "Which", "While", "Who", "Why", "With", "Yesterday", "Yet", "You",
};

static int cmp_str(const void *k, const void *e) {
    return strcmp((const char *)k, *(const char *const *)e);
}

int txt_starter(const char *z, size_t n) {
    char key[16];
    if (n == 0 || n >= sizeof key) return 0;
    memcpy(key, z, n);
    key[n] = 0;
    return bsearch(key, starters, sizeof starters / sizeof *starters, sizeof *starters,
                   cmp_str) != NULL;
}

int txt_tables_sorted(void) {
    for (size_t i = 1; i < sizeof abbrevs / sizeof *abbrevs; i++)
        if (strcmp(abbrevs[i - 1].w, abbrevs[i].w) >= 0) return 0;
    for (size_t i = 1; i < sizeof starters / sizeof *starters; i++)
        if (strcmp(starters[i - 1], starters[i]) >= 0) return 0;
    return 1;
}

/* ------------------------------------------------------------- splitting */

static int tok_is(const txt_doc *d, const dyad_token *t, char c) {
    return t->len == 1 && d->z[t->start] == c;
}

static int is_end_mark(const txt_doc *d, const dyad_token *t) {
    if (t->kind != DYAD_TOK_PUNCT) return 0;
    char c = d->z[t->start];
    if (c == '!' || c == '?') return 1;
    if (c == '.') return t->len == 1 || t->len >= 3;
    return t->norm && strcmp(t->norm, "...") == 0;
}

static int is_closer(const txt_doc *d, const dyad_token *t) {
    return (t->flags & DYAD_TF_QUOTE_CLOSE) || tok_is(d, t, ')') || tok_is(d, t, ']');
}

/* Could token t start a sentence? */
static int starts_sentence(const txt_doc *d, const dyad_token *t) {
    if (t->flags & (DYAD_TF_UPPER | DYAD_TF_QUOTE_OPEN)) return 1;
    if (t->kind == DYAD_TOK_NUMBER) return 1;
    return tok_is(d, t, '(') || tok_is(d, t, '[');
}

/* List marker at token k (first of its line): "-", "*", "•", "1.", "1)",
** "a)".  Returns the number of marker tokens (0 = none). */
static size_t list_marker(const txt_doc *d, size_t k, size_t end) {
    const dyad_token *t = &DVEC_AT(&d->tokens, dyad_token, k);
    const char *z = d->z + t->start;
    if (k + 1 >= end) return 0;
    const dyad_token *nx = t + 1;
    if (nx->flags & DYAD_TF_SPACE) {
        if (t->kind == DYAD_TOK_PUNCT && t->norm && strcmp(t->norm, "--") == 0 && t->len == 1)
            return 1;                                          /* "-" */
        if (t->len == 1 && *z == '*') return 1;
        if (t->len == 3 && memcmp(z, "\xE2\x80\xA2", 3) == 0) return 1;   /* • */
        return 0;
    }
    if (k + 2 < end && (t->kind == DYAD_TOK_NUMBER || (t->len == 1 && *z >= 'a' && *z <= 'z')) &&
        t->len <= 2 && (tok_is(d, nx, '.') || tok_is(d, nx, ')')) &&
        !(nx->flags & DYAD_TF_SPACE) && ((nx + 1)->flags & DYAD_TF_SPACE))
        return 2;
    return 0;
}

static int has_content(const dyad_token *t, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (t[i].kind != DYAD_TOK_PUNCT && t[i].kind != DYAD_TOK_SYMBOL) return 1;
    return 0;
}

static void add_sentence(txt_doc *d, size_t first, size_t end, uint32_t flags) {
    if (end <= first) return;
    /* No sentence exceeds the limit, whatever path ended it (closing marks
    ** after an end mark can carry a sentence past the check in txt_split). */
    while (end - first > d->max_tokens) {
        add_sentence(d, first, first + d->max_tokens, flags | DYAD_SF_CUT);
        d->ncut++;
        first += d->max_tokens;
        flags &= ~(uint32_t)DYAD_SF_PARA_START;
    }
    const dyad_token *t = &DVEC_AT(&d->tokens, dyad_token, 0);
    if (!has_content(t + first, end - first)) return;
    dyad_sentence *s = dvec_push(&d->sents, sizeof *s);
    if (!s) return;
    s->start = t[first].start;
    s->end = t[end - 1].start + t[end - 1].len;
    s->tokens = (const dyad_token *)(uintptr_t)first;   /* index until txt_finish */
    s->ntokens = (uint32_t)(end - first);
    s->flags = flags;
}

int txt_split(txt_doc *d, size_t first, int whole) {
    size_t n = d->tokens.n;
    const dyad_token *t = d->tokens.p;
    size_t s = first;               /* start of the current sentence */
    uint32_t sflags = DYAD_SF_PARA_START;
    int in_list = 0;                /* the current line is a list item */
    size_t k = first;
    while (k < n) {
        /* Boundaries before token k. */
        if (k > s && (t[k].aux & TX_PARA) && !whole) {
            add_sentence(d, s, k, sflags);
            s = k;
            sflags = DYAD_SF_PARA_START;
        }
        if (t[k].aux & TX_PARA) in_list = 0;
        if ((t[k].aux & TX_LINE) && ((t[k].aux & TX_ENDMK) || in_list) && !whole) {
            size_t m = list_marker(d, k, n);
            if (m) {
                in_list = 1;
                if (k > s) add_sentence(d, s, k, sflags);
                k += m;
                s = k;
                sflags = 0;
                continue;
            }
        }
        if (k - s >= d->max_tokens) {
            add_sentence(d, s, k, sflags | DYAD_SF_CUT);
            d->ncut++;
            s = k;
            sflags = 0;
        }
        if (whole) { k++; continue; }
        const dyad_token *tok = &t[k];
        int end_here = 0;
        size_t e = k + 1;             /* sentence would end before e */
        if (is_end_mark(d, tok) || (tok->flags & DYAD_TF_ABBREV)) {
            while (e < n && is_closer(d, &t[e]) && !(t[e].aux & TX_PARA)) e++;
            if (e >= n || (t[e].aux & TX_PARA)) {
                end_here = 1;
            } else if (tok->flags & DYAD_TF_ABBREV) {
                const dyad_token *nx = &t[e];
                if (!(t[k].aux & TX_TITLE) || e > k + 1) {
                    size_t len;
                    const char *w = d->z + nx->start;
                    len = nx->len;
                    end_here = txt_starter(w, len) || (nx->flags & DYAD_TF_QUOTE_OPEN);
                }
            } else if (d->z[tok->start] == '!' || d->z[tok->start] == '?') {
                const dyad_token *nx = &t[e];
                end_here = (nx->flags & (DYAD_TF_UPPER | DYAD_TF_QUOTE_OPEN)) ||
                           nx->kind == DYAD_TOK_NUMBER;
            } else {
                end_here = starts_sentence(d, &t[e]);
            }
        }
        if (end_here) {
            add_sentence(d, s, e, sflags);
            s = e;
            sflags = 0;
            k = e;
            continue;
        }
        k++;
    }
    if (s < n) add_sentence(d, s, n, sflags);
    return d->sents.oom ? -1 : 0;
}

void txt_finish(txt_doc *d) {
    const dyad_token *base = d->tokens.p;
    for (size_t i = 0; i < d->sents.n; i++) {
        dyad_sentence *s = &DVEC_AT(&d->sents, dyad_sentence, i);
        s->tokens = base + (uintptr_t)s->tokens;
    }
}
