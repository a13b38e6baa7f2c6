/*
** petrarch.c - PETRARCH XML records (PETRARCH 1/2 and UD-PETRARCH input and
** validation files):
**
**   <Sentences>
**   <Sentence date="20080804" id="AFP0808-01" category="DEMO" valid="true">
**   <!-- a comment -->
**   <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>
**   <Text>
**   Arnor is about to restore full diplomatic ties with Gondor.
**   </Text>
**   <Parse> (ROOT ...) or CoNLL-U lines </Parse>
**   </Sentence>
**
** Each <Sentence> element is one story.  This is a forgiving scanner for
** these files, not a validating XML parser: markup outside <Sentence>
** (<Environment>, <Stop>, <Config>, processing instructions, stray text) is
** skipped tag by tag; a comment ends at the first "-->" as in XML (so
** "<!-- ... <!-- ... -->" ends at that "-->"); <Parse> content is skipped
** unread up to "</Parse>".  Attributes may have blanks around '=' and either
** quote.
**
** Story fields: id = the "id" attribute (entities decoded); date = the
** "date" attribute as YYYYMMDD or YYYY-MM-DD; category = the "category"
** attribute (entities decoded; NULL when absent); valid = 1 when the "valid"
** attribute (UD-PETRARCH: "evaluate") is "true" in any case, 0 for another
** value, -1 when there is none; text = the <Text> content with
** entities (&amp; &lt; &gt; &quot; &apos; &#N; &#xH;) and CDATA decoded and
** surrounding whitespace trimmed, in r->text; one BODY segment over it;
** single_sentence = 1; expected = the raw <EventCoding .../> elements of
** the sentence, one per line (NULL when there are none; commented-out ones
** do not count); directives = the raw control elements of validation files
** (<Environment>...</Environment>, <Config .../>, <Skip>, <Stop>, each with
** its end tag when one follows) met since the previous <Sentence> ended and
** inside this one, one per line (NULL when none); line = the line of
** "<Sentence".
**
** Problems: a missing or unreadable date is a warning (null date, story
** OK).  A sentence without <Text>, with an unclosed <Text>, with empty text
** or with a malformed start tag is an error story (DYAD_FORMAT); reading
** goes on after it.  A <Sentence> that is not closed ends at the next
** <Sentence> or the end of input, with a warning.  A self-closing
** <Sentence .../> directly followed by <EventCoding> or <Text> (the form of
** 70 records of PETR2_GSR_validation.xml, closed later by "</Sentence>") is
** read as if it were open, with a warning.
*/
#include "input.h"

#include <limits.h>
#include <strings.h>

/* Named entities; ORDER does not matter. */
static const struct {
    const char *name;
    char c;
} px_entities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
};

static int px_is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* ------------------------------------------------------------ scanning */

/* Index of needle in r->all[i, r->all_len), or all_len.  (r->all may hold
** NUL bytes, so no strstr.) */
static size_t px_find(const dyad_reader *r, size_t i, const char *needle) {
    size_t k = strlen(needle);
    const char *z = r->all;
    while (i + k <= r->all_len) {
        const char *p = memchr(z + i, needle[0], r->all_len - i - k + 1);
        if (!p) break;
        i = (size_t)(p - z);
        if (memcmp(z + i, needle, k) == 0) return i;
        i++;
    }
    return r->all_len;
}

/* Index one past the '>' at or after i (all_len if there is none). */
static size_t px_past_gt(const dyad_reader *r, size_t i) {
    size_t k = px_find(r, i, ">");
    return k < r->all_len ? k + 1 : r->all_len;
}

/* Index one past the closing marker at or after i ("-->", "]]>", "?>"). */
static size_t px_past(const dyad_reader *r, size_t i, const char *marker) {
    size_t k = px_find(r, i, marker);
    return k < r->all_len ? k + strlen(marker) : r->all_len;
}

/* Does r->all[i] start the tag "<name" (open == 1) or "</name" (open == 0),
** with the name complete? */
static int px_tag_is(const dyad_reader *r, size_t i, const char *name, int open) {
    const char *z = r->all;
    size_t n = r->all_len, k = strlen(name);
    if (i >= n || z[i] != '<') return 0;
    i++;
    if (!open) {
        if (i >= n || z[i] != '/') return 0;
        i++;
    }
    if (i + k > n || memcmp(z + i, name, k) != 0) return 0;
    i += k;
    return i == n || px_is_space(z[i]) || z[i] == '>' || z[i] == '/';
}

static int px_starts(const dyad_reader *r, size_t i, const char *s) {
    size_t k = strlen(s);
    return i + k <= r->all_len && memcmp(r->all + i, s, k) == 0;
}

/* Skip the markup at r->all[i] == '<' that is not an element we read:
** comments, CDATA, processing instructions, <Parse> blocks, other tags.
** Returns the index after it. */
static size_t px_skip_markup(const dyad_reader *r, size_t i) {
    if (px_starts(r, i, "<!--")) return px_past(r, i + 4, "-->");
    if (px_starts(r, i, "<![CDATA[")) return px_past(r, i + 9, "]]>");
    if (px_starts(r, i, "<?")) return px_past(r, i + 2, "?>");
    if (px_tag_is(r, i, "Parse", 1)) {
        size_t e = px_past_gt(r, i);
        if (e >= 2 && r->all[e - 2] == '/') return e;      /* <Parse/> */
        size_t c = px_find(r, e, "</Parse");
        size_t s = px_find(r, e, "</Sentence");
        if (s < c) return s;                               /* unclosed <Parse> */
        return c < r->all_len ? px_past_gt(r, c) : c;
    }
    return px_past_gt(r, i + 1);
}

/* Move r->pos forward to `to`, counting lines. */
static void px_goto(dyad_reader *r, size_t to) {
    const char *z = r->all;
    size_t i = r->pos;
    while (i < to) {
        const char *nl = memchr(z + i, '\n', to - i);
        if (!nl) break;
        r->pos_line++;
        i = (size_t)(nl - z) + 1;
    }
    r->pos = to;
}

/* ------------------------------------------------------------ decoding */

static size_t px_utf8(unsigned long c, char *out) {
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* The entity at z[0..n) (z[0] == '&'): writes its character(s) to out and
** returns the bytes of the entity, or 0 when it is not one we know. */
static size_t px_entity(const char *z, size_t n, char *out, size_t *wrote) {
    const char *semi = memchr(z, ';', n < 12 ? n : 12);
    if (!semi) return 0;
    size_t len = (size_t)(semi - z) + 1, k = len - 2;   /* k: bytes between & and ; */
    if (k >= 2 && z[1] == '#') {
        unsigned long c = 0;
        int hex = z[2] == 'x' || z[2] == 'X';
        size_t i = hex ? 3 : 2;
        if (i >= len - 1) return 0;
        for (; i < len - 1; i++) {
            char d = z[i];
            unsigned v;
            if (d >= '0' && d <= '9') v = (unsigned)(d - '0');
            else if (hex && d >= 'a' && d <= 'f') v = (unsigned)(d - 'a' + 10);
            else if (hex && d >= 'A' && d <= 'F') v = (unsigned)(d - 'A' + 10);
            else return 0;
            c = c * (hex ? 16u : 10u) + v;
            if (c > 0x10FFFF) return 0;
        }
        if (c == 0 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
        *wrote = px_utf8(c, out);
        return len;
    }
    for (size_t j = 0; j < sizeof px_entities / sizeof *px_entities; j++) {
        if (strlen(px_entities[j].name) == k && memcmp(z + 1, px_entities[j].name, k) == 0) {
            out[0] = px_entities[j].c;
            *wrote = 1;
            return len;
        }
    }
    return 0;
}

/* Decode XML character data z[0..n) into out, which has room for n bytes
** (decoding never grows the text: every entity is at least as long as the
** UTF-8 it stands for).  Unknown entities and stray markup are copied as
** they are.  Returns the bytes written. */
static size_t px_decode(const char *z, size_t n, char *out) {
    size_t i = 0, w = 0;
    while (i < n) {
        if (z[i] == '&') {
            size_t wrote = 0, k = px_entity(z + i, n - i, out + w, &wrote);
            if (k) { i += k; w += wrote; continue; }
        } else if (z[i] == '<' && n - i >= 9 && memcmp(z + i, "<![CDATA[", 9) == 0) {
            size_t j = i + 9;
            while (j < n && !(n - j >= 3 && memcmp(z + j, "]]>", 3) == 0)) out[w++] = z[j++];
            i = j < n ? j + 3 : n;
            continue;
        }
        out[w++] = z[i++];
    }
    return w;
}

/* Decoded copy of z[0..n) in the story arena (NULL when out of memory). */
static char *px_arena_decode(dyad_reader *r, const char *z, size_t n) {
    char *p = arena_alloc(&r->arena, n + 1);
    if (!p) return NULL;
    p[px_decode(z, n, p)] = 0;
    return p;
}

/* ------------------------------------------------------------ a sentence */

/* What the scan of one <Sentence> element found (offsets into r->all). */
typedef struct px_sentence {
    size_t id_b, id_e;          /* "id" value; id_e == 0: none */
    size_t date_b, date_e;      /* "date" value; date_e == 0: none */
    size_t cat_b, cat_e;        /* "category" value; cat_e == 0: none */
    size_t valid_b, valid_e;    /* "valid" or "evaluate" value; valid_e == 0: none */
    size_t text_b, text_e;      /* <Text> content */
    int    have_text;           /* a <Text> element was seen */
    int    text_closed;         /* ... and closed */
    int    bad_tag;             /* the start tag could not be read */
    int    self_closed;         /* <Sentence .../> */
    int    closed;              /* </Sentence> was found */
    size_t end;                 /* index after the element */
} px_sentence;

/* Is the attribute name z[nb, ne) name? */
static int px_name_is(const char *z, size_t nb, size_t ne, const char *name) {
    return ne - nb == strlen(name) && memcmp(z + nb, name, ne - nb) == 0;
}

/* Read the attributes of the start tag at i ("<Sentence").  Returns the
** index after the tag. */
static size_t px_start_tag(const dyad_reader *r, size_t i, px_sentence *s) {
    const char *z = r->all;
    size_t n = r->all_len, j = i + 9;                   /* after "<Sentence" */
    for (;;) {
        while (j < n && px_is_space(z[j])) j++;
        if (j >= n) { s->bad_tag = 1; return n; }
        if (z[j] == '>') return j + 1;
        if (z[j] == '/' && j + 1 < n && z[j + 1] == '>') { s->self_closed = 1; return j + 2; }
        size_t nb = j;
        while (j < n && !px_is_space(z[j]) && z[j] != '=' && z[j] != '>' && z[j] != '/') j++;
        size_t ne = j;
        while (j < n && px_is_space(z[j])) j++;
        if (ne == nb || j >= n || z[j] != '=') { s->bad_tag = 1; return px_past_gt(r, j); }
        j++;
        while (j < n && px_is_space(z[j])) j++;
        if (j >= n || (z[j] != '"' && z[j] != '\'')) { s->bad_tag = 1; return px_past_gt(r, j); }
        char q = z[j++];
        size_t vb = j;
        while (j < n && z[j] != q && z[j] != '<') j++;
        if (j >= n || z[j] != q) { s->bad_tag = 1; return px_past_gt(r, j); }
        size_t ve = j++;
        if (px_name_is(z, nb, ne, "id")) { s->id_b = vb; s->id_e = ve; }
        if (px_name_is(z, nb, ne, "date")) { s->date_b = vb; s->date_e = ve; }
        if (px_name_is(z, nb, ne, "category")) { s->cat_b = vb; s->cat_e = ve; }
        if (px_name_is(z, nb, ne, "valid") || px_name_is(z, nb, ne, "evaluate")) {
            s->valid_b = vb;
            s->valid_e = ve;
        }
    }
}

/* Append the raw element at [b, e) to *field (story.expected or
** story.directives), one element per line. */
static void px_add_line(dyad_reader *r, const char **field, size_t b, size_t e) {
    if (e - b > INT_MAX / 2) return;
    const char *z = r->all + b;
    if (!*field)
        *field = arena_strndup(&r->arena, z, e - b);
    else
        *field = arena_printf(&r->arena, "%s\n%.*s", *field, (int)(e - b), z);
}

/* The first markup after i, skipping blanks and comments. */
static size_t px_next_markup(const dyad_reader *r, size_t i) {
    for (;;) {
        while (i < r->all_len && px_is_space(r->all[i])) i++;
        if (!px_starts(r, i, "<!--")) return i;
        i = px_past(r, i + 4, "-->");
    }
}

/* Index after the element whose start tag is at k: after the start tag
** when it closes itself, else after the end tag </name> when that is the
** next markup (blanks and comments between are allowed), else after the
** start tag. */
static size_t px_element_end(const dyad_reader *r, size_t k, const char *name) {
    size_t e = px_past_gt(r, k);
    if (e >= 2 && r->all[e - 2] == '/') return e;
    size_t m = px_next_markup(r, e);
    return px_tag_is(r, m, name, 0) ? px_past_gt(r, m) : e;
}

/* Control elements of validation files, kept raw in story.directives. */
static const char *const px_directive_names[] = {"Config", "Skip", "Stop"};

/* When a control element starts at k, append it to story.directives and
** return the index after it; else return 0. */
static size_t px_directive(dyad_reader *r, size_t k) {
    size_t e = 0;
    if (px_tag_is(r, k, "Environment", 1)) {
        size_t c = px_find(r, k, "</Environment");
        e = c < r->all_len ? px_past_gt(r, c) : px_past_gt(r, k);
    }
    for (size_t j = 0; !e && j < sizeof px_directive_names / sizeof *px_directive_names; j++)
        if (px_tag_is(r, k, px_directive_names[j], 1)) e = px_element_end(r, k, px_directive_names[j]);
    if (e) px_add_line(r, &r->story.directives, k, e);
    return e;
}

/* Scan the content of the sentence from i (after the start tag). */
static void px_content(dyad_reader *r, size_t i, px_sentence *s) {
    const char *z = r->all;
    size_t n = r->all_len;
    for (;;) {
        size_t k = px_find(r, i, "<");
        if (k >= n) { s->end = n; return; }
        if (px_tag_is(r, k, "Sentence", 0)) { s->closed = 1; s->end = px_past_gt(r, k); return; }
        if (px_tag_is(r, k, "Sentence", 1)) { s->end = k; return; }
        if (px_tag_is(r, k, "Text", 1)) {
            size_t e = px_past_gt(r, k);
            if (s->have_text) { i = e; continue; }             /* keep the first */
            s->have_text = 1;
            if (e >= 2 && z[e - 2] == '/') {                    /* <Text/> */
                s->text_b = s->text_e = e;
                s->text_closed = 1;
                i = e;
                continue;
            }
            size_t c = px_find(r, e, "</Text");
            size_t stop = px_find(r, e, "</Sentence");
            s->text_b = e;
            if (c < stop) {
                s->text_e = c;
                s->text_closed = 1;
                i = px_past_gt(r, c);
            } else {
                s->text_e = stop;
                i = stop;
            }
            continue;
        }
        if (px_tag_is(r, k, "EventCoding", 1)) {
            i = px_element_end(r, k, "EventCoding");
            px_add_line(r, &r->story.expected, k, i);
            continue;
        }
        size_t d = px_directive(r, k);
        i = d ? d : px_skip_markup(r, k);
    }
}

/* Fill r->story from the scan. */
static void px_story(dyad_reader *r, const px_sentence *s) {
    dyad_story *st = &r->story;
    const char *z = r->all;
    unsigned long long line = (unsigned long long)st->line;
    if (s->id_e > s->id_b) {
        size_t b = s->id_b, e = s->id_e;
        while (b < e && px_is_space(z[b])) b++;
        while (e > b && px_is_space(z[e - 1])) e--;
        char *id = px_arena_decode(r, z + b, e - b);
        if (id) st->id = id;
    }
    const char *idq = st->id[0] ? st->id : "(no id)";
    if (s->cat_e > s->cat_b) st->category = px_arena_decode(r, z + s->cat_b, s->cat_e - s->cat_b);
    if (s->valid_e) {
        size_t n = s->valid_e - s->valid_b;
        st->valid = n == 4 && strncasecmp(z + s->valid_b, "true", 4) == 0;
    }

    if (s->date_e == 0) {
        rd_story_warn(r, "%s: line %llu: sentence %s has no date; date set to null", r->name, line, idq);
    } else if (dyad_date_parse(z + s->date_b, s->date_e - s->date_b, &st->date) != DYAD_OK) {
        size_t dl = s->date_e - s->date_b;
        rd_story_warn(r, "%s: line %llu: sentence %s: unreadable date \"%.*s\"; date set to null",
                      r->name, line, idq, (int)(dl > 40 ? 40 : dl), z + s->date_b);
    }
    if (!s->closed && !s->self_closed)
        rd_story_warn(r, "%s: line %llu: sentence %s: <Sentence> is not closed", r->name, line, idq);

    /* Text: decode, then trim. */
    dbuf_reset(&r->text);
    size_t tn = s->have_text ? s->text_e - s->text_b : 0;
    if (tn && dbuf_reserve(&r->text, tn) == 0) {
        char *p = r->text.p;
        size_t w = px_decode(z + s->text_b, tn, p), b = 0;
        while (w > 0 && px_is_space(p[w - 1])) w--;
        while (b < w && px_is_space(p[b])) b++;
        if (b) memmove(p, p + b, w - b);
        r->text.n = w - b;
        p[r->text.n] = 0;
    }
    st->text = r->text.p ? r->text.p : "";
    st->text_len = r->text.n;

    if (s->bad_tag)
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: malformed <Sentence> start tag", r->name, line);
    else if (!s->have_text)
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: sentence %s has no <Text>", r->name, line, idq);
    else if (!s->text_closed)
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: sentence %s: <Text> is not closed", r->name,
                       line, idq);
    else if (st->text_len == 0)
        rd_story_error(r, DYAD_FORMAT, "%s: line %llu: sentence %s has empty <Text>", r->name, line,
                       idq);
    else
        rd_add_segment(r, 0, st->text_len, DYAD_SEG_BODY);
}

dyad_status rd_petrarch_next(dyad_reader *r) {
    if (!r->started) {
        if (rd_slurp(r, RD_FILE_LIMIT)) return DYAD_IO;
        r->started = 1;
    }
    /* Find the next <Sentence> outside comments and other markup, keeping
    ** the control elements met on the way. */
    rd_story_reset(r);
    size_t i = r->pos;
    for (;;) {
        size_t k = px_find(r, i, "<");
        if (k >= r->all_len) { px_goto(r, r->all_len); return DYAD_DONE; }
        if (px_tag_is(r, k, "Sentence", 1)) { i = k; break; }
        size_t d = px_directive(r, k);
        i = d ? d : px_skip_markup(r, k);
    }
    px_goto(r, i);
    dyad_story *st = &r->story;
    st->line = r->pos_line;
    st->single_sentence = 1;

    px_sentence s;
    memset(&s, 0, sizeof s);
    size_t j = px_start_tag(r, i, &s);
    int reopened = 0;
    if (s.self_closed && !s.bad_tag) {
        size_t m = px_next_markup(r, j);
        if (px_tag_is(r, m, "EventCoding", 1) || px_tag_is(r, m, "Text", 1)) reopened = 1;
    }
    if (s.self_closed && !reopened) {
        s.end = j;
    } else {
        px_content(r, j, &s);
        if (reopened) s.self_closed = 0;
    }
    px_story(r, &s);
    if (reopened)
        rd_story_warn(r, "%s: line %llu: <Sentence .../> is self-closing but followed by its "
                      "content; read as an open <Sentence>", r->name, (unsigned long long)st->line);
    px_goto(r, s.end > i ? s.end : i + 1);
    rd_story_finish(r);
    return DYAD_OK;
}
