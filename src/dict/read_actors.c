/*
** read_actors.c - reader of actor dictionaries in the TABARI family: TABARI
** .actors, PETRARCH-1/-2 validation actors and the Phoenix actor files.
**
** Contract (dict.h): dict_read_tabari_actors() parses text[0..n) in one pass
** and hands every entry to the builder (dict_add_actor, dict_add_synset); it
** keeps no pointer into text.  A bad entry or code is a warning naming the
** line and what was expected, and is skipped; the file goes on.  Returns 0,
** or -1 (after dict_error) when the file is unusable: binary, or nothing in
** it reads as an actor although something was there.
**
** Syntax
**   PHRASE [CODE] [CODE DATE]...   an entry; codes in file order, the first
**                                  that applies on a date wins
**   +PHRASE [CODE]...              a synonym of the entry above (its codes,
**                                  if any, join the entry's)
**   <indent>[CODE DATE]            more codes of the entry above
**   DATE: <D (before D), >D (after D), D-D (inclusive); D is YYMMDD or
**         YYYYMMDD; blanks inside the brackets are ignored ("[HOB < 950601]")
**   [---] is the code "---"; compound codes ("GME/GMW") stay as written
**   <NOUN> ... </NOUN>, <ADJECTIVE> ... </ADJECTIVE>: one phrase a line, each
**         section a synset named "<NOUN>" or "<ADJECTIVE>"
**   comments: ';' and '#' outside brackets run to the end of the line ('#'
**         inside brackets is part of a code: TABARI's [###]); <!-- ... -->,
**         also over several lines, and lines starting "<!" (PETRARCH)
**   ~~FINISH (any line starting "~~"): TABARI's end of file
**   A TABARI '=' after a word ("MOUSE=": exact, no regular noun endings)
**   reads as '_' (exact): dict_phrase has no flag for the difference.
**   A range with one side missing ("D-") is open on that side.
**
** Warnings (the code, or the whole entry when its name line is bad, is
** skipped): unclosed '['; a date that is no day (991301, 9913-01, 7 or 9
** digits); a range that ends before it starts; a bare date without <, > or
** '-'; a code block without a code ("[ 991201-010114]") or with the code
** run into its date ("[AAA950601-990815]"); an empty code block; an empty
** phrase; a stray ']' in a phrase; text after the codes; an actor with no
** code at all; codes or synonyms with no actor above; unknown, unbalanced
** or unclosed section tags; a code inside a section.
**
** Memory: the lines are cleaned into one reused buffer and an entry's codes
** and names gather in reused vectors, so the only allocations per line are
** the builder's own (dict_split_phrase, dict_add_actor).
*/
#include "dict.h"
#include "lines.h"

/* What a section tag opens or closes.  ORDER SECTIONS: index + 1 is the
** ra_state.section value. */
static const struct {
    const char *open, *close;   /* tags as written (case-insensitive) */
} ra_sections[] = {
    {"<NOUN>", "</NOUN>"},
    {"<ADJECTIVE>", "</ADJECTIVE>"},
};
#define RA_NSECTIONS (sizeof ra_sections / sizeof *ra_sections)

/* Longest text quoted in a warning. */
#define RA_QUOTE 60

/* A code of the pending entry; its text is at ctext.p + off. */
typedef struct ra_code {
    size_t  off;      /* offset of the NUL-terminated code in ctext */
    int32_t lo, hi;   /* dates it applies between (dict_dated) */
} ra_code;

typedef struct ra_state {
    dict_builder *b;
    const char *path;     /* file name as given, for messages */
    uint32_t lineno;      /* current line, 1-based */
    dyad_buf line;        /* cleaned content of the current line */
    dyad_buf ctext;       /* code strings of the pending entry */
    dyad_vec names;       /* dict_phrase: pending entry's names or section members */
    dyad_vec codes;       /* ra_code: pending entry's codes */
    dyad_vec dated;       /* dict_dated: scratch for dict_add_actor */
    uint32_t entry_line;  /* line of the pending entry; 0 = none pending */
    int skipping;         /* the pending entry was rejected: drop its lines */
    int bad_code;         /* one of its codes was rejected (already warned) */
    size_t section;       /* 0, or 1 + index in ra_sections */
    uint32_t section_line; /* line of the open tag */
    int in_comment;       /* inside a multi-line <!-- ... --> */
    size_t nentries;      /* actors and synsets added */
} ra_state;

static int ra_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
static int ra_digit(char c) { return c >= '0' && c <= '9'; }

static dict_src ra_src(const ra_state *st, uint32_t line) {
    dict_src s = {st->path, line};
    return s;
}

/* Warn about the current line. */
#define RA_WARN(st, ...) dict_warn((st)->b, ra_src((st), (st)->lineno), __VA_ARGS__)

/* Quoted length for messages. */
static int ra_qlen(size_t n) { return (int)(n > RA_QUOTE ? RA_QUOTE : n); }

/* Copy the content of raw line z[0..n) into st->line: comments removed,
** blanks trimmed at both ends (lines.c). */
static void ra_clean(ra_state *st, const char *z, size_t n) {
    dict_clean_line(&st->line, z, n, &st->in_comment, DL_HASH_IN_BRACKETS);
}

/* Parse the inside of a code block, z[0..n) (brackets excluded), into a
** code of the pending entry.  Warns and returns -1 when it is bad. */
static int ra_code_block(ra_state *st, const char *z, size_t n) {
    size_t i = 0;
    while (i < n && ra_space(z[i])) i++;
    size_t cs = i;
    while (i < n && !ra_space(z[i])) i++;
    size_t ce = i;
    if (ce == cs) {
        RA_WARN(st, "empty code block \"[%.*s]\"; expected [CODE] or [CODE DATE]",
                ra_qlen(n), z);
        return -1;
    }
    /* A first token of digits, '-', '<', '>' only is a date: the code is missing. */
    int datelike = ra_digit(z[cs]) || z[cs] == '<' || z[cs] == '>';
    size_t run = 0, maxrun = 0;
    for (size_t j = cs; j < ce; j++) {
        char c = z[j];
        if (!(ra_digit(c) || c == '-' || c == '<' || c == '>')) datelike = 0;
        run = ra_digit(c) ? run + 1 : 0;
        if (run > maxrun) maxrun = run;
    }
    if (datelike) {
        RA_WARN(st, "code block \"[%.*s]\" has no code; expected [CODE DATE]",
                ra_qlen(n), z);
        return -1;
    }
    if (maxrun >= 6) {
        dict_warn(st->b, ra_src(st, st->lineno),
                  "code \"%.*s\" runs into a date; expected a blank between code and date",
                  ra_qlen(ce - cs), z + cs);
        return -1;
    }
    /* The date restriction: the rest without blanks. */
    char d[32];
    size_t dn = 0;
    int toolong = 0;
    for (size_t j = ce; j < n && !toolong; j++) {
        if (ra_space(z[j])) continue;
        if (dn == sizeof d) toolong = 1;
        else d[dn++] = z[j];
    }
    int32_t lo = DICT_DATE_MIN, hi = DICT_DATE_MAX;
    const char *why = NULL;
    if (toolong) {
        why = "is too long";
    } else if (dn > 0 && (d[0] == '<' || d[0] == '>')) {
        int32_t v = dict_parse_date(d + 1, dn - 1);
        if (v < 0) why = "is not a date";
        else if (d[0] == '<') hi = v - 1;
        else lo = v + 1;
    } else if (dn > 0) {
        size_t dash = 0;
        while (dash < dn && d[dash] != '-') dash++;
        if (dash == dn) {
            why = "has no '<', '>' or '-'";
        } else {
            int32_t a = dash ? dict_parse_date(d, dash) : DICT_DATE_MIN;
            int32_t e = dash + 1 < dn ? dict_parse_date(d + dash + 1, dn - dash - 1)
                                      : DICT_DATE_MAX;
            if (a < 0 || e < 0 || dn == 1) why = "is not a date range";
            else if (a > e) why = "ends before it starts";
            else { lo = a; hi = e; }
        }
    }
    if (why) {
        dict_warn(st->b, ra_src(st, st->lineno),
                  "date restriction \"%.*s\" in \"[%.*s]\" %s; expected <YYMMDD, >YYMMDD or "
                  "YYMMDD-YYMMDD (or YYYYMMDD)",
                  ra_qlen(dn), d, ra_qlen(n), z, why);
        return -1;
    }
    ra_code *c = dvec_push(&st->codes, sizeof *c);
    if (!c) return -1;
    c->off = st->ctext.n;
    c->lo = lo;
    c->hi = hi;
    dbuf_append(&st->ctext, z + cs, ce - cs);
    dbuf_putc(&st->ctext, '\0');
    return 0;
}

/* Parse the code blocks in z[0..n) (after the phrase, if any). */
static void ra_codes(ra_state *st, const char *z, size_t n) {
    size_t i = 0;
    for (;;) {
        while (i < n && ra_space(z[i])) i++;
        if (i >= n) return;
        if (z[i] != '[') {
            dict_warn(st->b, ra_src(st, st->lineno),
                      "unexpected \"%.*s\" after the codes; expected [CODE DATE] or a comment",
                      ra_qlen(n - i), z + i);
            return;
        }
        size_t e = i + 1;
        while (e < n && z[e] != ']' && z[e] != '[') e++;
        if (e >= n || z[e] != ']') {
            RA_WARN(st, "unclosed '[' in \"%.*s\"; expected [CODE] or [CODE DATE]",
                    ra_qlen(e - i), z + i);
            st->bad_code = 1;
            if (e >= n) return;
            i = e;
            continue;
        }
        if (ra_code_block(st, z + i + 1, e - i - 1)) st->bad_code = 1;
        i = e + 1;
    }
}

/* Split phrase z[0..n) (TABARI's '=' is kept: dict_split_phrase reads it) and push it on
** st->names.  Warns and returns -1 when it is bad. */
static int ra_phrase(ra_state *st, char *z, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (z[i] == ']') {
            RA_WARN(st, "stray ']' in phrase \"%.*s\"; expected PHRASE [CODE]",
                    ra_qlen(n), z);
            return -1;
        }
    }
    dict_phrase ph;
    if (dict_split_phrase(st->b, z, n, &ph)) {
        RA_WARN(st, "empty phrase in \"%.*s\"; expected PHRASE [CODE]",
                ra_qlen(n), z);
        return -1;
    }
    dict_phrase *slot = dvec_push(&st->names, sizeof *slot);
    if (!slot) return -1;
    *slot = ph;
    return 0;
}

static void ra_reset_entry(ra_state *st) {
    st->names.n = 0;
    st->codes.n = 0;
    dbuf_reset(&st->ctext);
    st->entry_line = 0;
    st->skipping = 0;
    st->bad_code = 0;
}

/* Hand the pending entry to the builder (or report why not). */
static void ra_flush(ra_state *st) {
    if (!st->entry_line) return;
    if (!st->skipping && st->names.n > 0) {
        if (st->codes.n == 0) {
            if (!st->bad_code) {
                char name[RA_QUOTE + 8];
                dict_phrase_text(&DVEC_AT(&st->names, dict_phrase, 0), name, sizeof name);
                dict_warn(st->b, ra_src(st, st->entry_line),
                          "actor \"%s\" has no code; expected [CODE] on its line or on indented "
                          "lines after it (or '+' before it if it names the actor above)",
                          name);
            }
        } else {
            st->dated.n = 0;
            for (size_t i = 0; i < st->codes.n; i++) {
                const ra_code *c = &DVEC_AT(&st->codes, ra_code, i);
                dict_dated *d = dvec_push(&st->dated, sizeof *d);
                if (!d) break;
                d->code = st->ctext.p + c->off;
                d->lo = c->lo;
                d->hi = c->hi;
            }
            dict_add_actor(st->b, ra_src(st, st->entry_line), st->names.p, st->names.n,
                           st->dated.p, st->dated.n);
            st->nentries++;
        }
    }
    ra_reset_entry(st);
}

/* Close the open section as a synset. */
static void ra_close_section(ra_state *st) {
    if (!st->section) return;
    dict_add_synset(st->b, ra_src(st, st->section_line), ra_sections[st->section - 1].open,
                    st->names.p, st->names.n);
    st->nentries++;
    st->section = 0;
    st->names.n = 0;
}

/* A line starting with '<': a section tag. */
static void ra_tag(ra_state *st, const char *z, size_t n) {
    for (size_t s = 0; s < RA_NSECTIONS; s++) {
        if (dyad_ieq(z, n, ra_sections[s].open)) {
            ra_flush(st);
            if (st->section) {
                RA_WARN(st, "%s inside %s; expected %s first",
                        ra_sections[s].open, ra_sections[st->section - 1].open,
                        ra_sections[st->section - 1].close);
                ra_close_section(st);
            }
            st->section = s + 1;
            st->section_line = st->lineno;
            st->names.n = 0;
            return;
        }
        if (dyad_ieq(z, n, ra_sections[s].close)) {
            if (st->section == s + 1) ra_close_section(st);
            else
                RA_WARN(st, "%s without %s; tag skipped",
                        ra_sections[s].close, ra_sections[s].open);
            return;
        }
    }
    dict_warn(st->b, ra_src(st, st->lineno),
              "unknown tag \"%.*s\"; expected <NOUN>, <ADJECTIVE> or their closing tags",
              ra_qlen(n), z);
}

/* One cleaned, non-empty line z[0..n).  Returns 1 at TABARI's ~~FINISH. */
static int ra_line(ra_state *st, char *z, size_t n) {
    if (n >= 2 && z[0] == '~' && z[1] == '~') return 1;
    if (z[0] == '<') {
        ra_tag(st, z, n);
        return 0;
    }
    if (st->section) {
        if (memchr(z, '[', n)) {
            RA_WARN(st, "code in a %s section: \"%.*s\"; expected a phrase only",
                    ra_sections[st->section - 1].open, ra_qlen(n), z);
            return 0;
        }
        ra_phrase(st, z, n);
        return 0;
    }
    if (z[0] == '[') {
        if (!st->entry_line)
            RA_WARN(st, "code line \"%.*s\" without an actor; expected "
                    "a PHRASE line before it", ra_qlen(n), z);
        else if (!st->skipping)
            ra_codes(st, z, n);
        return 0;
    }
    int synonym = z[0] == '+';
    if (synonym) {
        if (!st->entry_line) {
            RA_WARN(st, "synonym \"%.*s\" without an actor; expected "
                    "a PHRASE line before it", ra_qlen(n), z);
            return 0;
        }
        if (st->skipping) return 0;
        z++;
        n--;
    } else {
        ra_flush(st);
        st->entry_line = st->lineno;
    }
    size_t e = 0;
    while (e < n && z[e] != '[') e++;
    size_t pe = e;
    while (pe > 0 && ra_space(z[pe - 1])) pe--;
    size_t ps = 0;
    while (ps < pe && ra_space(z[ps])) ps++;
    if (ra_phrase(st, z + ps, pe - ps)) {
        if (!synonym) st->skipping = 1;
        return 0;
    }
    ra_codes(st, z + e, n - e);
    return 0;
}

int dict_read_tabari_actors(dict_builder *b, const char *path, const char *text, size_t n) {
    if (n > 0 && memchr(text, '\0', n)) {
        dict_error(b, path, "binary data (a NUL byte); expected an actors dictionary");
        return -1;
    }
    ra_state st;
    memset(&st, 0, sizeof st);
    st.b = b;
    st.path = path;
    size_t warn0 = dict_warning_count(b), pos = 0;
    if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) pos = 3;   /* UTF-8 BOM */
    int any = 0;   /* some line had content */
    while (pos < n) {
        const char *z = text + pos;
        const char *nl = memchr(z, '\n', n - pos);
        size_t len = nl ? (size_t)(nl - z) : n - pos;
        pos += len + (nl != NULL);
        st.lineno++;
        ra_clean(&st, z, len);
        size_t skip = 0;
        while (skip < st.line.n && ra_space(st.line.p[skip])) skip++;
        if (skip == st.line.n) continue;
        any = 1;
        if (ra_line(&st, st.line.p + skip, st.line.n - skip)) break;
    }
    ra_flush(&st);
    if (st.section) {
        dict_warn(b, ra_src(&st, st.section_line), "%s never closed; expected %s",
                  ra_sections[st.section - 1].open, ra_sections[st.section - 1].close);
        ra_close_section(&st);
    }
    int oom = st.line.oom || st.ctext.oom || st.names.oom || st.codes.oom || st.dated.oom;
    dbuf_free(&st.line);
    dbuf_free(&st.ctext);
    dvec_free(&st.names);
    dvec_free(&st.codes);
    dvec_free(&st.dated);
    if (oom) {
        dict_error(b, path, "out of memory");
        return -1;
    }
    if (any && st.nentries == 0 && dict_warning_count(b) > warn0) {
        dict_error(b, path, "no actor entry could be read; expected PHRASE [CODE] lines");
        return -1;
    }
    return 0;
}
