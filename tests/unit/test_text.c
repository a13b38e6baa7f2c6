/*
** test_text.c - unit tests of the base, text and output layers through the
** internal headers and the public API: dates, UTF-8 decoding, word lists,
** token flags and norms, sentence limits, JSON escaping, memory readers.
*/
#include <stdlib.h>
#include <zlib.h>

#include "../../src/base/base.h"
#include "../../src/output/output.h"
#include "../../src/text/text.h"
#include "unit.h"

UNIT_SUITE(dates) {
    dyad_date d;
    char buf[11];
    CHECK_INT(dyad_date_parse("2014-10-15", 10, &d), DYAD_OK);
    CHECK_STR(dyad_date_format(d, buf), "2014-10-15");
    CHECK_INT(dyad_date_parse("20141015", 8, &d), DYAD_OK);
    CHECK_STR(dyad_date_format(d, buf), "2014-10-15");
    CHECK_INT(dyad_date_parse("2014-10-15T04:14:00Z", 20, &d), DYAD_OK);
    CHECK_STR(dyad_date_format(d, buf), "2014-10-15");
    CHECK_INT(dyad_date_parse("2014-10-15 04:14", 16, &d), DYAD_OK);
    CHECK_INT(dyad_date_parse("2012-02-29", 10, &d), DYAD_OK);
    CHECK_INT(dyad_date_parse("2014-02-29", 10, &d), DYAD_FORMAT);
    CHECK_INT(d.year, 0);
    CHECK_INT(dyad_date_parse("1900-02-29", 10, &d), DYAD_FORMAT);
    CHECK_INT(dyad_date_parse("2000-02-29", 10, &d), DYAD_OK);
    CHECK_INT(dyad_date_parse("2014-13-01", 10, &d), DYAD_FORMAT);
    CHECK_INT(dyad_date_parse("2014-1-5", 8, &d), DYAD_FORMAT);
    CHECK_INT(dyad_date_parse("15/10/2014", 10, &d), DYAD_FORMAT);
    CHECK_INT(dyad_date_parse("2014-10-15x", 11, &d), DYAD_FORMAT);
    CHECK_INT(dyad_date_parse("", 0, &d), DYAD_FORMAT);
    dyad_date ym = {2014, 9, 0}, y = {1988, 0, 0}, none = {0, 0, 0};
    CHECK_STR(dyad_date_format(ym, buf), "2014-09");
    CHECK_STR(dyad_date_format(y, buf), "1988");
    CHECK(dyad_date_format(none, buf) == NULL);
    CHECK_STR(buf, "");
}

UNIT_SUITE(utf8) {
    txt_char c;
    txt_decode("a", 1, 0, &c);
    CHECK(c.cp == 'a' && c.len == 1 && !c.bad && c.cls == CC_LOWER);
    txt_decode("\xC3\xA9", 2, 0, &c);                       /* é */
    CHECK(c.cp == 0xE9 && c.len == 2 && !c.bad && c.cls == CC_LOWER);
    txt_decode("\xC3\x89", 2, 0, &c);                       /* É */
    CHECK(c.cls == CC_UPPER);
    txt_decode("\xE2\x80\x99", 3, 0, &c);                   /* ’ */
    CHECK(c.cp == 0x2019 && c.cls == CC_APOS);
    txt_decode("\xE2\x80\x9C", 3, 0, &c);                   /* “ */
    CHECK(c.cls == CC_QUOTE);
    txt_decode("\xE2\x80\x94", 3, 0, &c);                   /* — */
    CHECK(c.cls == CC_DASH);
    txt_decode("\xE2\x80\x93", 3, 0, &c);                   /* – */
    CHECK(c.cls == CC_HYPHEN);
    txt_decode("\xC2\xA0", 2, 0, &c);                       /* NBSP */
    CHECK(c.cls == CC_SPACE);
    txt_decode("\xE2\x88\x92", 3, 0, &c);                   /* minus */
    CHECK(c.cls == CC_HYPHEN);
    txt_decode("\xE2\x96\xA0", 3, 0, &c);                   /* ■ */
    CHECK(c.cls == CC_SYMBOL);
    txt_decode("\xF0\x9F\x98\x80", 4, 0, &c);               /* emoji */
    CHECK(c.cp == 0x1F600 && c.len == 4 && c.cls == CC_SYMBOL);
    txt_decode("\xD0\x9F", 2, 0, &c);                       /* Cyrillic П */
    CHECK(c.cls == CC_UPPER);
    /* Invalid: overlong, surrogate, truncated, stray continuation, > U+10FFFF. */
    txt_decode("\xC0\x80", 2, 0, &c);
    CHECK(c.bad && c.len == 1);
    txt_decode("\xED\xA0\x80", 3, 0, &c);
    CHECK(c.bad && c.len == 1);
    txt_decode("\xE2\x80", 2, 0, &c);
    CHECK(c.bad && c.len == 1);
    txt_decode("\x80", 1, 0, &c);
    CHECK(c.bad && c.len == 1 && c.cls == CC_LOWER);
    txt_decode("\xF4\x90\x80\x80", 4, 0, &c);
    CHECK(c.bad);
    txt_decode("\xE2\x80\x99", 2, 0, &c);                   /* cut by the limit */
    CHECK(c.bad);
}

UNIT_SUITE(wordlists) {
    CHECK(txt_tables_sorted());
    CHECK_INT(txt_abbrev("Tex", 3), 1);
    CHECK_INT(txt_abbrev("Adm", 3), 2);
    CHECK_INT(txt_abbrev("vs", 2), 2);
    CHECK_INT(txt_abbrev("Gen", 3), 2);
    CHECK_INT(txt_abbrev("Inc", 3), 1);
    CHECK_INT(txt_abbrev("Oct", 3), 1);
    CHECK_INT(txt_abbrev("No", 2), 3);
    CHECK_INT(txt_abbrev("etc", 3), 1);
    CHECK_INT(txt_abbrev("Mme", 3), 2);
    CHECK_INT(txt_abbrev("Mr", 2), 2);
    CHECK_INT(txt_abbrev("Kerry", 5), 0);
    CHECK_INT(txt_abbrev("gen", 3), 0);
    CHECK_INT(txt_abbrev("", 0), 0);
    CHECK_INT(txt_abbrev("Extraordinarily", 15), 0);
    CHECK(txt_starter("A", 1));
    CHECK(txt_starter("You", 3));
    CHECK(txt_starter("The", 3));
    CHECK(txt_starter("Mr.", 3));
    CHECK(txt_starter("However", 7));
    CHECK(!txt_starter("Army", 4));
    CHECK(!txt_starter("the", 3));
}

/* Run text through a session as a JSONL story; returns the reader. */
static dyad_reader *run(dyad_session *s, const char *text, int single, const dyad_story **st) {
    static char buf[4096];
    snprintf(buf, sizeof buf, "{\"id\":\"u\",\"text\":\"%s\"}\n", text);
    dyad_read_options opt;
    memset(&opt, 0, sizeof opt);
    dyad_reader *r;
    if (dyad_reader_open_memory(buf, strlen(buf), "u.jsonl", &opt, &r, NULL) != DYAD_OK)
        return NULL;
    if (dyad_reader_next(r, st) != DYAD_OK) { dyad_reader_close(r); return NULL; }
    if (single) ((dyad_story *)*st)->single_sentence = 1;
    dyad_session_run(s, *st);
    return r;
}

static const char *tok(const dyad_story *st, const dyad_sentence *se, uint32_t k) {
    static char out[64];
    size_t n;
    const char *z = dyad_token_text(st, &se->tokens[k], &n);
    snprintf(out, sizeof out, "%.*s", (int)n, z);
    return out;
}

UNIT_SUITE(tokens) {
    dyad_engine *e;
    CHECK_INT(dyad_engine_open(NULL, &e, NULL), DYAD_OK);
    dyad_session *s = dyad_session_new(e);
    const dyad_story *st;
    dyad_reader *r = run(s, "\\u201cWe won\\u2019t,\\u201d Russia\\u2019s Gen. Ivanov said.", 0, &st);
    CHECK(r != NULL);
    CHECK_INT(dyad_session_sentence_count(s), 1);
    const dyad_sentence *se = dyad_session_sentence(s, 0);
    CHECK_INT(se->ntokens, 12);
    CHECK_STR(tok(st, se, 0), "\"");
    CHECK(se->tokens[0].flags & DYAD_TF_QUOTE_OPEN);
    CHECK_STR(tok(st, se, 1), "We");
    CHECK(se->tokens[1].flags & DYAD_TF_QUOTED);
    CHECK(se->tokens[1].flags & DYAD_TF_UPPER);
    CHECK_STR(tok(st, se, 2), "wo");
    CHECK_STR(tok(st, se, 3), "n't");
    CHECK(se->tokens[3].flags & DYAD_TF_CLITIC);
    CHECK(!(se->tokens[3].flags & DYAD_TF_SPACE));
    CHECK_STR(tok(st, se, 5), "\"");
    CHECK(se->tokens[5].flags & DYAD_TF_QUOTE_CLOSE);
    CHECK(!(se->tokens[6].flags & DYAD_TF_QUOTED));
    CHECK_STR(tok(st, se, 7), "'s");
    CHECK_STR(tok(st, se, 8), "Gen.");
    CHECK(se->tokens[8].flags & DYAD_TF_ABBREV);
    CHECK_INT(se->tokens[8].kind, DYAD_TOK_WORD);
    CHECK_INT(se->tokens[11].kind, DYAD_TOK_PUNCT);
    /* Spans point into the story text; the norm only where it differs. */
    CHECK(se->tokens[1].norm == NULL);
    CHECK(se->tokens[0].norm != NULL);
    CHECK(memcmp(st->text + se->tokens[8].start, "Gen.", 4) == 0);
    CHECK_INT(se->start, 0);
    CHECK_INT(se->end, st->text_len);
    dyad_reader_close(r);

    r = run(s, "Prices rose 3.5% to $40 billion at http://x.org/a. Next.", 0, &st);
    CHECK_INT(dyad_session_sentence_count(s), 2);
    se = dyad_session_sentence(s, 0);
    CHECK_STR(tok(st, se, 2), "3.5");
    CHECK_INT(se->tokens[2].kind, DYAD_TOK_NUMBER);
    CHECK_STR(tok(st, se, 3), "%");
    CHECK_INT(se->tokens[3].kind, DYAD_TOK_SYMBOL);
    CHECK_STR(tok(st, se, 9), "http://x.org/a");
    CHECK_INT(se->tokens[9].kind, DYAD_TOK_URL);
    dyad_reader_close(r);

    /* Invalid UTF-8 stays in the word, flagged, normalised to U+FFFD. */
    r = run(s, "caf\xe9 talks.", 0, &st);
    se = dyad_session_sentence(s, 0);
    CHECK_STR(tok(st, se, 0), "caf\xEF\xBF\xBD");
    CHECK(se->tokens[0].flags & DYAD_TF_BADUTF8);
    dyad_reader_close(r);

    /* A record is one sentence however many end marks it has. */
    r = run(s, "One. Two. Three.", 1, &st);
    CHECK_INT(dyad_session_sentence_count(s), 1);
    dyad_reader_close(r);
    r = run(s, "One. Two. Three.", 0, &st);
    CHECK_INT(dyad_session_sentence_count(s), 3);
    CHECK(dyad_session_sentence(s, 0)->flags & DYAD_SF_PARA_START);
    CHECK(!(dyad_session_sentence(s, 1)->flags & DYAD_SF_PARA_START));
    dyad_reader_close(r);
    dyad_session_free(s);
    dyad_engine_close(e);

    /* The sentence length limit cuts and warns. */
    dyad_engine_options eo;
    memset(&eo, 0, sizeof eo);
    eo.max_sentence_tokens = 4;
    CHECK_INT(dyad_engine_open(&eo, &e, NULL), DYAD_OK);
    s = dyad_session_new(e);
    r = run(s, "a b c d e f g h i j", 0, &st);
    CHECK_INT(dyad_session_sentence_count(s), 3);
    CHECK(dyad_session_sentence(s, 0)->flags & DYAD_SF_CUT);
    CHECK_INT(dyad_session_sentence(s, 2)->ntokens, 2);
    CHECK_INT(dyad_session_warning_count(s), 1);
    dyad_reader_close(r);
    dyad_session_free(s);
    dyad_engine_close(e);
    CHECK_STR(dyad_token_kind_name(DYAD_TOK_URL), "url");
    CHECK_STR(dyad_status_name(DYAD_NOMEM), "nomem");
    CHECK_STR(dyad_format_name(DYAD_FMT_PETRARCH), "petrarch");
}

UNIT_SUITE(json) {
    dyad_buf b = {0};
    json_str(&b, "a\"b\\c\nd\te\x01", 10);
    CHECK_STR(b.p, "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    dbuf_reset(&b);
    json_str(&b, "x\xff" "y\xe2\x80", 5);
    CHECK_STR(b.p, "\"x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD\"");
    dbuf_reset(&b);
    json_str(&b, "\xe2\x80\x9cok\xe2\x80\x9d", 8);
    CHECK_STR(b.p, "\"\xe2\x80\x9cok\xe2\x80\x9d\"");
    dbuf_reset(&b);
    json_cstr(&b, NULL);
    dyad_date d = {2014, 10, 14};
    dbuf_putc(&b, ' ');
    json_date(&b, d);
    CHECK_STR(b.p, "null \"2014-10-14\"");
    dbuf_free(&b);
}

UNIT_SUITE(memreader) {
    /* A gzip stream in memory reads like the plain text. */
    const char *plain = "{\"id\":\"g1\",\"text\":\"Hello.\"}\n{\"id\":\"g2\",\"text\":\"Bye.\"}\n";
    unsigned char gz[256];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    CHECK_INT(deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
    zs.next_in = (unsigned char *)plain;
    zs.avail_in = (uInt)strlen(plain);
    zs.next_out = gz;
    zs.avail_out = sizeof gz;
    CHECK_INT(deflate(&zs, Z_FINISH), Z_STREAM_END);
    size_t n = sizeof gz - zs.avail_out;
    deflateEnd(&zs);
    dyad_reader *r;
    CHECK_INT(dyad_reader_open_memory(gz, n, "m.jsonl.gz", NULL, &r, NULL), DYAD_OK);
    const dyad_story *st;
    CHECK_INT(dyad_reader_next(r, &st), DYAD_OK);
    CHECK_STR(st->id, "g1");
    CHECK_INT(dyad_reader_format(r), DYAD_FMT_JSONL);
    CHECK_INT(dyad_reader_next(r, &st), DYAD_OK);
    CHECK_STR(st->text, "Bye.");
    CHECK_INT(dyad_reader_next(r, &st), DYAD_DONE);
    CHECK_INT(dyad_reader_next(r, &st), DYAD_DONE);
    dyad_reader_close(r);
    /* A missing file is an I/O error naming it. */
    char *err = NULL;
    CHECK_INT(dyad_reader_open("/nonexistent/x.jsonl", NULL, &r, &err), DYAD_IO);
    CHECK(r == NULL && err && strstr(err, "/nonexistent/x.jsonl") && strstr(err, "cannot open"));
    free(err);
    /* An empty article is no story. */
    CHECK_INT(dyad_reader_open_memory("", 0, "e.txt", NULL, &r, NULL), DYAD_OK);
    CHECK_INT(dyad_reader_next(r, &st), DYAD_DONE);
    dyad_reader_close(r);
}
