/*
** dateline.c - recognise the dateline a wire story opens with:
**   "MOSCOW (Reuters) - "            place and agency
**   "GENEVA, March 4 (Reuters) - "   place, date, agency
**   "KIEV, Ukraine (AP) -- "         place (the city only), region, agency
**   "NEW YORK, Oct 14, 2014 (AFP) -" place, date with year, agency
**   "SALVADOR, Feb 26 - "            place and date
**   "WASHINGTON - ", "WASHINGTON—"   place alone
**   "(CNSNews.com) - "               agency alone
**   "( - "                           the remnant a scraper leaves when it
**                                    drops a linked agency name
**
** Contract (see input.h): rd_dateline() looks only at the start of
** z[0..n) (leading blanks allowed), returns 1 and fills *out when there is a
** dateline there, else 0 with *out zeroed.  out->len covers the dateline,
** its dash and the whitespace after the dash.  Offsets are relative to z.
**
** The rule
**   dateline := blanks? ( "(" blanks? DASH                    remnant
**                       | AGENCY DASH                         agency alone
**                       | PLACE ("," REGION)* ("," DATE)? AGENCY? DASH )
**   PLACE    := up to 6 ALL-CAPS words separated by spaces; the first has at
**               least 2 letters.  A word is upper-case letters (ASCII or
**               Latin-1 capitals in UTF-8) with inner "." "'" "’" "-" "/"
**               ("ST. PETERSBURG", "DAR ES SALAAM", "N'DJAMENA",
**               "BEIRUT/MOSCOW"); a word followed by a lower-case letter or
**               digit is not ALL-CAPS.
**   REGION   := up to 4 capitalised words ("Ukraine", "Va.", "D.C."); at
**               most 2 regions.
**   DATE     := what rd_textdate() reads ("March 4", "Oct. 14, 2014").
**   AGENCY   := "(" up to 48 bytes of letters, digits, spaces and . - / & '
**               that start with a letter or digit ")"; no ':' or ',' so that
**               "(Photo: State Department)" is not an agency.
**   DASH     := "-", "--", en dash (E2 80 93) or em dash (E2 80 94).
**               Without an agency, a single "-" needs blanks on both sides
**               ("WASHINGTON-BASED" is a word); after an agency any spacing
**               goes ("MOSCOW (Reuters)-Russia"); the other dashes may touch
**               the words on either side.
**
** A place with neither a date nor an agency (the bare "WASHINGTON - " form)
** is weak evidence: a sentence may open with an acronym and a dash ("NATO -
** the alliance - said").  It is accepted only when
**   - the place has 2 or more words, or one word of 4 or more letters that
**     is not in the table of organisation acronyms and wire-service labels
**     below ("NATO", "OPEC", "UPDATE", ...), and
**   - the text after the dash starts like a sentence: an upper-case letter,
**     a digit or an opening quotation mark.
** So "WASHINGTON - The ..." and "KIEV, Ukraine - Russia ..." are datelines,
** and "NATO - the alliance", "US - Russian talks", "EU - ..." are not.
** Mixed-case openings ("In MOSCOW - ...", "The U.S. - Russian talks",
** "Kerry (left) met ...") never are: the first word must be ALL-CAPS or "(".
*/
#include "input.h"

#define DL_MAX_PLACE_WORDS 6
#define DL_MAX_REGION_WORDS 4
#define DL_MAX_REGIONS 2
#define DL_MAX_AGENCY 48

/* Single ALL-CAPS words that open sentences more often than datelines. */
static const char *const dl_not_places[] = {
    "NATO", "OPEC", "IAEA", "OSCE", "ASEAN", "APEC", "OECD", "BRICS", "NAFTA",
    "ECOWAS", "UNESCO", "UNICEF", "UNHCR", "UNSC", "UNRWA", "UNIFIL", "MONUSCO",
    "AMISOM", "ICRC", "USAID", "NASA", "FIFA", "ISIS", "ISIL", "HAMAS", "FARC",
    "CSTO", "EULEX", "UNMIK", "SADC", "IGAD",
    "UPDATE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "INTERVIEW",
    "REFILE", "CORRECTED", "WRAPUP", "COMMENTARY", "OPINION", "EDITORIAL",
    "NOTE", "WARNING", "PHOTOS", "VIDEO", "WATCH",
};

/* --------------------------------------------------------- character classes */

static int dl_is_digit(char c) { return c >= '0' && c <= '9'; }

/* Bytes of an upper-case letter at z[i] (1 ASCII, 2 Latin-1 capital in
** UTF-8: U+00C0..U+00DE except U+00D7), else 0. */
static size_t dl_upper(const char *z, size_t n, size_t i) {
    if (i >= n) return 0;
    if (z[i] >= 'A' && z[i] <= 'Z') return 1;
    if ((unsigned char)z[i] == 0xC3 && i + 1 < n) {
        unsigned char c = (unsigned char)z[i + 1];
        if (c >= 0x80 && c <= 0x9E && c != 0x97) return 2;
    }
    return 0;
}

/* Bytes of a lower-case letter at z[i] (ASCII, or U+00DF..U+00FF except
** U+00F7), else 0. */
static size_t dl_lower(const char *z, size_t n, size_t i) {
    if (i >= n) return 0;
    if (z[i] >= 'a' && z[i] <= 'z') return 1;
    if ((unsigned char)z[i] == 0xC3 && i + 1 < n) {
        unsigned char c = (unsigned char)z[i + 1];
        if (c >= 0x9F && c <= 0xBF && c != 0xB7) return 2;
    }
    return 0;
}

static size_t dl_letter(const char *z, size_t n, size_t i) {
    size_t k = dl_upper(z, n, i);
    return k ? k : dl_lower(z, n, i);
}

/* Right single quotation mark U+2019, used as an apostrophe. */
static int dl_rsquo(const char *z, size_t n, size_t i) {
    return i + 2 < n && (unsigned char)z[i] == 0xE2 && (unsigned char)z[i + 1] == 0x80 &&
           (unsigned char)z[i + 2] == 0x99;
}

/* Spaces and tabs (and NBSP) at z[i..n); returns the index after them. */
static size_t dl_blanks(const char *z, size_t n, size_t i) {
    while (i < n) {
        if (z[i] == ' ' || z[i] == '\t') i++;
        else if (i + 1 < n && (unsigned char)z[i] == 0xC2 && (unsigned char)z[i + 1] == 0xA0) i += 2;
        else break;
    }
    return i;
}

/* Any whitespace, line breaks included; returns the index after it. */
static size_t dl_space(const char *z, size_t n, size_t i) {
    for (;;) {
        size_t j = dl_blanks(z, n, i);
        while (j < n && (z[j] == '\n' || z[j] == '\r')) j++;
        if (j == i) return i;
        i = j;
    }
}

/* Bytes of a dash at z[i]: "--" 2, "-" 1, en or em dash 3; else 0. */
static size_t dl_dash(const char *z, size_t n, size_t i) {
    if (i >= n) return 0;
    if (z[i] == '-') return i + 1 < n && z[i + 1] == '-' ? 2 : 1;
    if (i + 2 < n && (unsigned char)z[i] == 0xE2 && (unsigned char)z[i + 1] == 0x80 &&
        ((unsigned char)z[i + 2] == 0x93 || (unsigned char)z[i + 2] == 0x94))
        return 3;
    return 0;
}

/* ------------------------------------------------------------------ pieces */

/* One ALL-CAPS word at z[i..n).  Returns the index after it (i when there is
** none) and adds its letters to *letters. */
static size_t dl_caps_word(const char *z, size_t n, size_t i, size_t *letters) {
    size_t j = i, nl = 0, k;
    if ((k = dl_upper(z, n, j)) == 0) return i;
    while (j < n) {
        if ((k = dl_upper(z, n, j)) != 0) { j += k; nl++; continue; }
        if (z[j] == '.') { j++; continue; }
        /* inner joiners need a capital after them */
        if ((z[j] == '\'' || z[j] == '-' || z[j] == '/') && dl_upper(z, n, j + 1)) { j++; continue; }
        if (dl_rsquo(z, n, j) && dl_upper(z, n, j + 3)) { j += 3; continue; }
        break;
    }
    if (dl_lower(z, n, j) || (j < n && dl_is_digit(z[j]))) return i;   /* "Kerry", "G20" */
    *letters += nl;
    return j;
}

/* One capitalised word ("Ukraine", "Va.", "D.C.") at z[i..n); returns the
** index after it, or i. */
static size_t dl_cap_word(const char *z, size_t n, size_t i) {
    size_t j = i, k;
    if ((k = dl_upper(z, n, j)) == 0) return i;
    j += k;
    while (j < n) {
        if ((k = dl_letter(z, n, j)) != 0) { j += k; continue; }
        if (z[j] == '.' || ((z[j] == '\'' || z[j] == '-') && dl_letter(z, n, j + 1))) { j++; continue; }
        break;
    }
    if (j < n && dl_is_digit(z[j])) return i;
    return j;
}

/* "(Agency)" at z[i]: returns the index after ')' and the name's span, or i. */
static size_t dl_agency(const char *z, size_t n, size_t i, size_t *start, size_t *len) {
    if (i >= n || z[i] != '(') return i;
    size_t b = dl_blanks(z, n, i + 1), j = b;
    if (j >= n || !(dl_letter(z, n, j) || dl_is_digit(z[j]))) return i;
    while (j < n && z[j] != ')') {
        size_t k = dl_letter(z, n, j);
        if (k) { j += k; continue; }
        char c = z[j];
        if (dl_is_digit(c) || c == ' ' || c == '.' || c == '-' || c == '/' || c == '&' ||
            c == '\'') { j++; continue; }
        return i;
    }
    if (j >= n) return i;
    size_t e = j;
    while (e > b && z[e - 1] == ' ') e--;
    if (e - b > DL_MAX_AGENCY) return i;
    *start = b;
    *len = e - b;
    return j + 1;
}

static int dl_not_place(const char *z, size_t n) {
    for (size_t i = 0; i < sizeof dl_not_places / sizeof *dl_not_places; i++)
        if (dyad_ieq(z, n, dl_not_places[i])) return 1;
    return 0;
}

/* Does z[i..n) start like a sentence (capital, digit or opening quote)? */
static int dl_sentence_start(const char *z, size_t n, size_t i) {
    if (i >= n) return 0;
    if (dl_upper(z, n, i) || dl_is_digit(z[i]) || z[i] == '"' || z[i] == '\'') return 1;
    /* U+201C and U+2018, opening quotation marks */
    return i + 2 < n && (unsigned char)z[i] == 0xE2 && (unsigned char)z[i + 1] == 0x80 &&
           ((unsigned char)z[i + 2] == 0x9C || (unsigned char)z[i + 2] == 0x98);
}

/* ------------------------------------------------------------------ driver */

int rd_dateline(const char *z, size_t n, rd_dateline_info *out) {
    memset(out, 0, sizeof *out);
    if (!z) return 0;
    rd_dateline_info d;
    memset(&d, 0, sizeof d);
    size_t i = dl_blanks(z, n, 0);
    int bare = 0;

    if (i < n && z[i] == '(') {
        size_t j = dl_blanks(z, n, i + 1);
        size_t k = dl_dash(z, n, j);
        if (k) {                                        /* "( - " remnant */
            d.len = dl_space(z, n, j + k);
            *out = d;
            return 1;
        }
        j = dl_agency(z, n, i, &d.source_start, &d.source_len);
        if (j == i) return 0;
        i = j;
    } else {
        size_t letters = 0, words = 0, first_letters = 0, j = i;
        d.place_start = i;
        for (;;) {                                      /* PLACE */
            size_t e = dl_caps_word(z, n, j, &letters);
            if (e == j) break;
            if (words == 0) first_letters = letters;
            words++;
            d.place_len = e - d.place_start;
            j = e;
            if (words == DL_MAX_PLACE_WORDS || j >= n || z[j] != ' ') break;
            j++;
        }
        if (words == 0 || first_letters < 2) return 0;
        i = d.place_start + d.place_len;

        int nregions = 0, have_date = 0;
        while (i < n && z[i] == ',' && !have_date) {   /* , REGION / , DATE */
            size_t s = dl_blanks(z, n, i + 1);
            size_t k = rd_textdate(z + s, n - s, &d.date);
            if (k) { i = s + k; have_date = 1; break; }
            if (nregions == DL_MAX_REGIONS) return 0;
            size_t e = dl_cap_word(z, n, s);
            if (e == s) return 0;
            for (int w = 1; w < DL_MAX_REGION_WORDS; w++) {
                if (e >= n || z[e] != ' ') break;
                size_t e2 = dl_cap_word(z, n, e + 1);
                if (e2 == e + 1) break;
                e = e2;
            }
            i = e;
            nregions++;
        }
        size_t a = dl_blanks(z, n, i);
        size_t k = dl_agency(z, n, a, &d.source_start, &d.source_len);
        if (k != a) i = k;
        bare = !have_date && d.source_len == 0;
        if (bare && words == 1 &&
            (letters < 4 || dl_not_place(z + d.place_start, d.place_len)))
            return 0;
    }

    size_t j = dl_blanks(z, n, i);
    size_t k = dl_dash(z, n, j);
    if (k == 0) return 0;
    size_t end = dl_space(z, n, j + k);
    if (k == 1 && d.source_len == 0 && (j == i || end == j + 1)) return 0;  /* "WASHINGTON-BASED" */
    if (bare && !dl_sentence_start(z, n, end)) return 0;
    d.len = end;
    *out = d;
    return 1;
}
