/*
** read_agents.c - reader of agent dictionaries: TABARI .agents and the
** PETRARCH-1/-2 and Phoenix agents files.
**
** Contract (dict.h): dict_read_agents() parses text[0..n) in one pass and
** hands every agent to the builder (dict_add_agent); it keeps no pointer into
** text.  A bad entry is a warning naming the line and what was expected, and
** is skipped; the file goes on.  Returns 0, or -1 (after dict_error) when the
** file is unusable: binary, or nothing in it reads as an agent although
** something was there.
**
** Syntax
**   PHRASE [~CODE]            a suffix agent (USA + GOV); blanks inside the
**                             brackets are dropped: "[ ~GOVFRM]" is "~GOVFRM"
**   PHRASE [CODE~]            a prefix agent (NGO + USA)
**   PHRASE {PLURAL} [~CODE]   PLURAL is a second name of the same agent;
**                             "{}" means no plural at all
**   +PHRASE                   another name of the agent above
**   <indent>[~CODE]           the code of the agent above, if its line had none
**   !NAME! = W1, W2, ...      substitution set: a later phrase containing
**                             !NAME! stands for one phrase per word, all
**                             names of one agent, with no plurals formed
**   comments: ';' (TABARI) and '#' (PETRARCH) to the end of the line,
**             <!-- ... --> (also over several lines), lines starting "<!"
**   ~~FINISH (any line starting "~~"): TABARI's end of file
**   A TABARI '=' after a word (exact, no regular endings) reads as '_'.
**
** Plurals.  PETRARCH forms the regular plural of a phrase without {...}
** itself (Phoenix.agents.txt says its regular plurals "have been removed"),
** TABARI does not (it matches stems and lists plurals as entries) except for
** a phrase whose last word is exact and does not end in S ("GUERRILLA_"
** also names "GUERRILLAS", as TABARI's validation suite expects).  The
** dialect is told from the file: the first comment or PETRARCH-only mark
** decides -- ';' means TABARI; '#', '{', '!' or '<!' mean PETRARCH (also the
** default).  The plural is formed on the last word by the English rule
** (consonant + Y -> IES, S X Z CH SH -> +ES, else +S), which differs from
** PETRARCH's only where PETRARCH's is wrong (ATTORNEY -> ATTORNEIES).
**
** Warnings (the agent is skipped unless said otherwise): no code; a code
** that is not ~X or X~; unclosed '[' -- except "[~ENV}", read as [~ENV];
** a second code (ignored, the first kept); missing '}'; a stray ']' or '}';
** an empty phrase; an undefined or unclosed !MARKER!; a substitution set
** with no words; text after the code (ignored); codes or synonyms with no
** agent above.
**
** Memory: lines are cleaned into one reused buffer and an agent's names
** gather in a reused vector; expansions are built in stack buffers.  The
** only allocations per line are the builder's own.
*/
#include "dict.h"
#include "lines.h"

#define GA_QUOTE 60       /* longest text quoted in a warning */
#define GA_PHRASE 512     /* longest phrase after substitution */
#define GA_DEPTH 4        /* most substitution markers in one phrase */
#define GA_CODE 64        /* longest agent code */

/* A substitution set "!NAME! = W1, W2": its name and words live in
** ga_state.mtext as NUL-terminated strings. */
typedef struct ga_marker {
    size_t name;      /* offset of the name (without the '!'s) */
    size_t words;     /* offset of the first word; the others follow */
    size_t nwords;
} ga_marker;

typedef struct ga_state {
    dict_builder *b;
    const char *path;     /* file name as given, for messages */
    uint32_t lineno;      /* current line, 1-based */
    int auto_plural;      /* PETRARCH dialect: form regular plurals */
    dyad_buf line;        /* cleaned content of the current line */
    dyad_buf mtext;       /* substitution set names and words */
    dyad_vec markers;     /* ga_marker */
    dyad_vec names;       /* dict_phrase: names of the pending agent */
    char code[GA_CODE];   /* code of the pending agent, "" = none yet */
    uint32_t entry_line;  /* line of the pending agent; 0 = none pending */
    int skipping;         /* the pending agent was rejected: drop its lines */
    int in_comment;       /* inside a multi-line <!-- ... --> */
    size_t nentries;      /* agents added */
} ga_state;

static int ga_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
static char ga_upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }
static int ga_qlen(size_t n) { return (int)(n > GA_QUOTE ? GA_QUOTE : n); }

static dict_src ga_src(const ga_state *st, uint32_t line) {
    dict_src s = {st->path, line};
    return s;
}

/* Warn about the current line. */
#define GA_WARN(st, ...) dict_warn((st)->b, ga_src((st), (st)->lineno), __VA_ARGS__)

/* Copy the content of raw line z[0..n) into st->line, comments removed and
** blanks trimmed at both ends (lines.c). */
static void ga_clean(ga_state *st, const char *z, size_t n) {
    dict_clean_line(&st->line, z, n, &st->in_comment, 0);
}

/* Dialect: 1 (auto plurals, PETRARCH) unless a ';' comes before any of
** '#', '{', '!', '<' in the file. */
static int ga_dialect_plural(const char *z, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = z[i];
        if (c == ';') return 0;
        if (c == '#' || c == '{' || c == '!' || c == '<') return 1;
    }
    return 1;
}

/* ------------------------------------------------------ substitution sets */

/* Is line z[0..n) (z[0] == '!') a definition "!NAME! = ..."?  Else it is
** an entry that starts with a marker ("!MINIST!_OF_X [~GOV]"). */
static int ga_is_definition(const char *z, size_t n) {
    size_t e = 1;
    while (e < n && z[e] != '!' && z[e] != '[') e++;
    if (e >= n || z[e] != '!') return 0;
    size_t i = e + 1;
    while (i < n && ga_space(z[i])) i++;
    return i < n && z[i] == '=';
}

/* Define the set of line z[0..n), a definition (ga_is_definition). */
static void ga_define(ga_state *st, const char *z, size_t n) {
    size_t e = 1;
    while (z[e] != '!') e++;
    size_t i = e + 1;
    while (z[i] != '=') i++;
    if (e == 1) {
        dict_warn(st->b, ga_src(st, st->lineno),
                  "substitution set without a name; expected !NAME! = WORD, WORD...");
        return;
    }
    /* A redefinition replaces the earlier set (looked up newest first). */
    ga_marker *m = dvec_push(&st->markers, sizeof *m);
    if (!m) return;
    m->name = st->mtext.n;
    dbuf_append(&st->mtext, z + 1, e - 1);
    dbuf_putc(&st->mtext, '\0');
    m->words = st->mtext.n;
    m->nwords = 0;
    for (i++; i < n;) {
        size_t s = i;
        while (i < n && z[i] != ',') i++;
        size_t t = i;
        while (s < t && ga_space(z[s])) s++;
        while (t > s && ga_space(z[t - 1])) t--;
        i++;   /* past the ',' */
        if (t == s) continue;   /* "A, , B": an empty word is no word */
        dbuf_append(&st->mtext, z + s, t - s);   /* "VICE PRESIDENT" stays two words */
        dbuf_putc(&st->mtext, '\0');
        m->nwords++;
    }
    if (m->nwords == 0) {
        GA_WARN(st, "substitution set !%.*s! has no words; expected "
                "!NAME! = WORD, WORD...", ga_qlen(e - 1), z + 1);
        st->markers.n--;
    }
}

/* The newest set named z[0..n), or NULL. */
static const ga_marker *ga_find(const ga_state *st, const char *z, size_t n) {
    for (size_t i = st->markers.n; i-- > 0;) {
        const ga_marker *m = &DVEC_AT(&st->markers, ga_marker, i);
        const char *name = st->mtext.p + m->name;
        if (strlen(name) == n && dyad_ieq(z, n, name)) return m;
    }
    return NULL;
}

/* ---------------------------------------------------------------- phrases */

/* Split z[0..n) (a mutable copy: '=' becomes '_') and push it on st->names. */
static int ga_push(ga_state *st, char *z, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (z[i] == '=' && (i + 1 == n || ga_space(z[i + 1]) || z[i + 1] == '_')) z[i] = '_';
    dict_phrase ph;
    if (dict_split_phrase(st->b, z, n, &ph)) {
        GA_WARN(st, "empty phrase; expected PHRASE [~CODE]");
        return -1;
    }
    dict_phrase *slot = dvec_push(&st->names, sizeof *slot);
    if (!slot) return -1;
    *slot = ph;
    return 0;
}

/* The regular plural of phrase z[0..n) into out (cap bytes): the last word
** gets its ending, a trailing '_' stays.  Returns its length, 0 if none. */
static size_t ga_plural(const char *z, size_t n, char *out, size_t cap) {
    size_t e = n;
    while (e > 0 && (z[e - 1] == '_' || z[e - 1] == '=' || ga_space(z[e - 1]))) e--;
    size_t s = e;
    while (s > 0 && !(z[s - 1] == '_' || ga_space(z[s - 1]))) s--;
    if (s == e || n + 3 > cap) return 0;
    char last = ga_upper(z[e - 1]), prev = e - s > 1 ? ga_upper(z[e - 2]) : 0;
    const char *suffix = "S";
    size_t keep = e;   /* bytes of z kept before the suffix */
    if (last == 'Y' && prev && !memchr("AEIOU", prev, 5)) {
        suffix = "IES";
        keep = e - 1;
    } else if (last == 'S' || last == 'X' || last == 'Z' ||
               (last == 'H' && (prev == 'C' || prev == 'S'))) {
        suffix = "ES";
    }
    size_t k = keep, sl = strlen(suffix);
    memcpy(out, z, keep);
    memcpy(out + k, suffix, sl);
    k += sl;
    memcpy(out + k, z + e, n - e);
    return k + n - e;
}

/* Add the names that phrase z[0..n) stands for: one per word of each
** substitution set it names, else itself and, when plural is set, its
** regular plural.  depth counts markers expanded so far.  Returns 0, or -1
** after a warning. */
static int ga_names(ga_state *st, const char *z, size_t n, int plural, int depth) {
    char buf[GA_PHRASE];
    if (n >= sizeof buf) {
        GA_WARN(st, "phrase \"%.*s...\" is too long (over %d bytes)",
                ga_qlen(n), z, GA_PHRASE - 1);
        return -1;
    }
    const char *bang = memchr(z, '!', n);
    if (!bang) {
        memcpy(buf, z, n);
        if (ga_push(st, buf, n)) return -1;
        if (!plural) return 0;
        size_t pn = ga_plural(z, n, buf, sizeof buf);
        return pn ? ga_push(st, buf, pn) : 0;
    }
    size_t a = (size_t)(bang - z);
    const char *close = memchr(z + a + 1, '!', n - a - 1);
    if (!close) {
        GA_WARN(st, "unclosed substitution marker in \"%.*s\"; expected !NAME!",
                ga_qlen(n), z);
        return -1;
    }
    size_t c = (size_t)(close - z);
    const ga_marker *m = ga_find(st, z + a + 1, c - a - 1);
    if (!m) {
        GA_WARN(st, "substitution marker !%.*s! is not defined; expected a "
                "line !%.*s! = WORD, WORD... before it", ga_qlen(c - a - 1), z + a + 1,
                ga_qlen(c - a - 1), z + a + 1);
        return -1;
    }
    if (depth >= GA_DEPTH) {
        GA_WARN(st, "more than %d substitution markers in \"%.*s\"",
                GA_DEPTH, ga_qlen(n), z);
        return -1;
    }
    const char *w = st->mtext.p + m->words;
    for (size_t i = 0; i < m->nwords; i++) {
        size_t wn = strlen(w), tn = a + wn + (n - c - 1);
        if (tn >= sizeof buf) {
            GA_WARN(st, "phrase \"%.*s\" with !...! replaced is too long",
                    ga_qlen(n), z);
            return -1;
        }
        memcpy(buf, z, a);
        memcpy(buf + a, w, wn);
        memcpy(buf + a + wn, z + c + 1, n - c - 1);
        if (ga_names(st, buf, tn, 0, depth + 1)) return -1;
        w += wn + 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ codes */

/* Set the pending agent's code from the inside of [...], z[0..n). */
static int ga_code(ga_state *st, const char *z, size_t n) {
    char code[GA_CODE];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (ga_space(z[i])) continue;
        if (k + 1 >= sizeof code) break;
        code[k++] = z[i];
    }
    code[k] = 0;
    size_t tildes = 0, bad = 0;
    for (size_t i = 0; i < k; i++) {
        if (code[i] == '~') tildes++;
        else if (strchr("[]{}!", code[i])) bad++;
    }
    int ends = k >= 2 && (code[0] == '~' || code[k - 1] == '~');
    if (!ends || tildes != 1 || bad || k + 1 >= sizeof code) {
        GA_WARN(st, "agent code \"[%.*s]\" is not one; expected [~CODE] "
                "or [CODE~]", ga_qlen(n), z);
        return -1;
    }
    if (st->code[0]) {
        GA_WARN(st, "second code \"[%s]\" for one agent; expected one "
                "[~CODE] (kept [%s])", code, st->code);
        return 0;
    }
    memcpy(st->code, code, k + 1);
    return 0;
}

/* The codes part of a line, z[0..n) starting at '[' or empty. */
static int ga_codes(ga_state *st, const char *z, size_t n) {
    size_t i = 0;
    while (i < n) {
        if (z[i] != '[') {
            GA_WARN(st, "unexpected \"%.*s\" after the code; expected "
                    "a comment", ga_qlen(n - i), z + i);
            return 0;
        }
        size_t e = i + 1;
        while (e < n && z[e] != ']' && z[e] != '[') e++;
        if (e >= n || z[e] != ']') {
            /* "[~ENV}" (Phoenix.agents.txt line 544): the intent is clear
            ** when a '}' closes the code and ends the line, so it is read as
            ** "[~ENV]" -- with a warning, to get the file fixed. */
            size_t t = e;
            while (t > i + 1 && ga_space(z[t - 1])) t--;
            if (t > i + 1 && z[t - 1] == '}' && !memchr(z + i + 1, '{', t - i - 1)) {
                GA_WARN(st, "code \"%.*s\" closed with '}'; read as "
                        "[%.*s], expected ']'",
                        ga_qlen(t - i), z + i, ga_qlen(t - i - 2), z + i + 1);
                return ga_code(st, z + i + 1, t - i - 2);
            }
            GA_WARN(st, "unclosed '[' in \"%.*s\"; expected [~CODE] or "
                    "[CODE~]", ga_qlen(e - i), z + i);
            return -1;
        }
        if (ga_code(st, z + i + 1, e - i - 1)) return -1;
        i = e + 1;
        while (i < n && ga_space(z[i])) i++;
    }
    return 0;
}

/* ---------------------------------------------------------------- entries */

static void ga_reset(ga_state *st) {
    st->names.n = 0;
    st->code[0] = 0;
    st->entry_line = 0;
    st->skipping = 0;
}

static void ga_flush(ga_state *st) {
    if (!st->entry_line) return;
    if (!st->skipping && st->names.n > 0) {
        if (!st->code[0]) {
            char name[GA_QUOTE + 8];
            dict_phrase_text(&DVEC_AT(&st->names, dict_phrase, 0), name, sizeof name);
            dict_warn(st->b, ga_src(st, st->entry_line), "agent \"%s\" has no code; expected "
                      "[~CODE] or [CODE~] on its line", name);
        } else {
            dict_add_agent(st->b, ga_src(st, st->entry_line), st->names.p, st->names.n, st->code);
            st->nentries++;
        }
    }
    ga_reset(st);
}

/* "PHRASE {PLURAL} [CODE]" or "+PHRASE ..." (z without the '+'). */
static int ga_entry(ga_state *st, const char *z, size_t n) {
    size_t e = 0;
    while (e < n && z[e] != '{' && z[e] != '[' && z[e] != ']' && z[e] != '}') e++;
    if (e < n && (z[e] == ']' || z[e] == '}')) {
        GA_WARN(st, "stray '%c' in \"%.*s\"; expected PHRASE {PLURAL} "
                "[~CODE]", z[e], ga_qlen(n), z);
        return -1;
    }
    size_t pe = e;
    while (pe > 0 && ga_space(z[pe - 1])) pe--;
    const char *plural = NULL;
    size_t pn = 0, rest = e;
    if (e < n && z[e] == '{') {
        size_t c = e + 1;
        while (c < n && z[c] != '}' && z[c] != '[') c++;
        if (c >= n || z[c] != '}') {
            GA_WARN(st, "missing '}' in \"%.*s\"; expected PHRASE "
                    "{PLURAL} [~CODE]", ga_qlen(n), z);
            return -1;
        }
        plural = z + e + 1;
        pn = c - e - 1;
        while (pn > 0 && ga_space(plural[0])) plural++, pn--;
        while (pn > 0 && ga_space(plural[pn - 1])) pn--;
        rest = c + 1;
        while (rest < n && ga_space(z[rest])) rest++;
    }
    if (pe == 0) {
        GA_WARN(st, "empty phrase in \"%.*s\"; expected PHRASE [~CODE]",
                ga_qlen(n), z);
        return -1;
    }
    /* PETRARCH forms no plural for a phrase with a substitution marker. */
    /* TABARI matches stems, so a plural needs no entry -- except after an
    ** exact last word ("GUERRILLA_" matches "GUERRILLAS" in TABARI too). */
    size_t le = pe;
    while (le > 0 && ga_space(z[le - 1])) le--;
    int exact_end = le > 1 && z[le - 1] == '_' && z[le - 2] != 'S' && z[le - 2] != 's';
    int automatic = (st->auto_plural || exact_end) && !plural && !memchr(z, '!', pe);
    if (ga_names(st, z, pe, automatic, 0)) return -1;
    if (pn && ga_names(st, plural, pn, 0, 0)) return -1;
    return ga_codes(st, z + rest, n - rest);
}

/* One cleaned, non-empty line.  Returns 1 at TABARI's ~~FINISH. */
static int ga_line(ga_state *st, char *z, size_t n) {
    if (n >= 2 && z[0] == '~' && z[1] == '~') return 1;
    if (z[0] == '!' && ga_is_definition(z, n)) {
        ga_flush(st);   /* a definition ends the agent above */
        ga_define(st, z, n);
        return 0;
    }
    if (z[0] == '[') {
        if (!st->entry_line)
            GA_WARN(st, "code line \"%.*s\" without an agent; expected "
                    "a PHRASE line before it", ga_qlen(n), z);
        else if (!st->skipping && ga_codes(st, z, n))
            st->skipping = 1;
        return 0;
    }
    if (z[0] == '+') {
        if (!st->entry_line)
            GA_WARN(st, "synonym \"%.*s\" without an agent; expected a "
                    "PHRASE line before it", ga_qlen(n), z);
        else if (!st->skipping)
            ga_entry(st, z + 1, n - 1);
        return 0;
    }
    ga_flush(st);
    st->entry_line = st->lineno;
    if (ga_entry(st, z, n)) st->skipping = 1;
    return 0;
}

int dict_read_agents(dict_builder *b, const char *path, const char *text, size_t n) {
    if (n > 0 && memchr(text, '\0', n)) {
        dict_error(b, path, "binary data (a NUL byte); expected an agents dictionary");
        return -1;
    }
    ga_state st;
    memset(&st, 0, sizeof st);
    st.b = b;
    st.path = path;
    st.auto_plural = n > 0 ? ga_dialect_plural(text, n) : 1;
    if (n > 0 && st.auto_plural) dict_whole_words(b);
    size_t warn0 = dict_warning_count(b), pos = 0;
    if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) pos = 3;   /* UTF-8 BOM */
    int any = 0;
    while (pos < n) {
        const char *z = text + pos;
        const char *nl = memchr(z, '\n', n - pos);
        size_t len = nl ? (size_t)(nl - z) : n - pos;
        pos += len + (nl != NULL);
        st.lineno++;
        ga_clean(&st, z, len);
        if (st.line.n == 0) continue;
        any = 1;
        if (ga_line(&st, st.line.p, st.line.n)) break;
    }
    ga_flush(&st);
    int oom = st.line.oom || st.mtext.oom || st.markers.oom || st.names.oom;
    dbuf_free(&st.line);
    dbuf_free(&st.mtext);
    dvec_free(&st.markers);
    dvec_free(&st.names);
    if (oom) {
        dict_error(b, path, "out of memory");
        return -1;
    }
    if (any && st.nentries == 0 && dict_warning_count(b) > warn0) {
        dict_error(b, path, "no agent entry could be read; expected PHRASE [~CODE] lines");
        return -1;
    }
    return 0;
}
