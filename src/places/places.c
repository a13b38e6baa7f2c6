/*
** places.c - the places stage: every mention of a place in a story,
** recognised on the tokens (with the tagger's proper-noun evidence where
** the sentence was analysed), given a role (place, metonym, demonym) and
** resolved against the gazetteer; then the place of each event.
**
** Recognition, per sentence, left to right:
**   - a run of capitalised words (with "of", "de", "and", ... inside) is
**     looked up longest first: the longest span the gazetteer knows is a
**     candidate ("New York", "Ho Chi Minh City"); an admin suffix after it
**     joins it ("Rapides Parish", "Laurel County": kept unresolved when the
**     gazetteer, which has no second-level regions, lacks the whole name);
**   - a demonym ("Russian", "Americans", "South African") names its
**     country; "the French capital" names its capital;
**   - after "City," an AP or postal state abbreviation ("Ga.", "GA") is
**     the U.S. state.
**   Not places: a candidate a capitalised word runs into from the left
**   ("John Kerry", "Chiquita Henry": a person or organisation), the same
**   word alone later in the story, time expressions ("March"), capitalised
**   common words at the start of a sentence the tagger does not call
**   proper nouns, and the words of the stop list below.
** Resolution: each candidate's places are scored by population, kind
** (country over region over city), feature code (capitals), and the
** story's context - the countries and first-level regions of the
** unambiguous mentions and the dateline - and "City, Region" / "City,
** Country" pairs fix each other (Paris, Texas).
** Roles: a place mention that is a subject of a verb, or a possessive, is
** a metonym ("Moscow said", "Russia's annexation"); demonyms are demonyms;
** everything else is a place.
** An event's place: a place-role mention in a locative phrase ("in",
** "at", "near", ...) attached to its verb, or to a verb it hangs from
** ("told reporters in Paris after meeting X"), else the dateline's place.
*/
#include <math.h>
#include <stdlib.h>
#include <threads.h>

#include "places.h"
#include "../session.h"

/* ORDER PLACEROLE */
static const char *const role_names[] = {"place", "metonym", "demonym"};

const char *dyad_place_role_name(dyad_place_role r) {
    return (unsigned)r < 3 ? role_names[r] : "?";
}

/* ------------------------------------------------------------ demonyms */

static int demonym_cmp(const void *k, const void *e) {
    return strcmp((const char *)k, ((const geo_demonym *)e)->key);
}

const char *geo_demonym_country(const char *z, size_t n) {
    char key[128];
    if (n >= sizeof key) return NULL;
    geo_key(z, n, key);
    const geo_demonym *d = bsearch(key, geo_demonyms, geo_ndemonyms, sizeof *geo_demonyms,
                                   demonym_cmp);
    return d ? d->cc : NULL;
}

/* ---------------------------------------------------------- word lists */

/* Lower-case words that may stand inside a place name. */
static const char *const inner_words[] = {
    "of", "de", "del", "della", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "upon",
    "on", "and", "en", "sur", "am", "an", "der", "di", "du", "y", "-", "the", NULL};

/* Capitalised words after a name that make it a region of a kind the
** gazetteer may lack ("Laurel County"). */
static const char *const admin_suffixes[] = {
    "County", "Parish", "Province", "Region", "District", "Governorate", "Oblast", "Prefecture",
    "Township", "Borough", "Municipality", "Canton", "Territory", "Krai", NULL};

/* Capitalised words before a name that stay part of the mention
** ("East Jerusalem", "Southern California"), resolved as the name. */
static const char *const direction_words[] = {
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern",
    "Southeastern", "Southwestern", "Upper", "Lower", "Greater", "Downtown", NULL};

/* Capitalised words the gazetteer has as places (or parts of place
** names) that news uses as words: never a one-word place mention. */
static const char *const stop_words[] = {
    /* function words and sentence starters */
    "A", "An", "The", "Of", "In", "On", "At", "As", "By", "To", "For", "And", "But", "Or", "If",
    "It", "Is", "Be", "We", "He", "She", "They", "I", "Us", "You", "So", "No", "Not", "All",
    "One", "This", "That", "These", "Those", "There", "Here", "Then", "When", "Where", "While",
    "After", "Before", "During", "Since", "Until", "With", "Without", "From", "Into", "About",
    "Over", "Under", "Between", "Among", "Also", "Still", "Even", "Just", "Only", "More",
    "Most", "Many", "Much", "Some", "Such", "Each", "Every", "Both", "Other", "Another", "Like",
    "Well", "Now", "Yet", "Why", "How", "What", "Who", "Which", "Mr", "Mrs", "Ms", "Dr", "St",
    "Mt",
    /* months and days (also time expressions), titles, institutions */
    "March", "May", "June", "July", "August", "January", "Sunday", "Monday", "Friday",
    "President", "Minister", "Government", "Police", "Army", "Union", "Republic", "Kingdom",
    "State", "States", "City", "County", "Parish", "Province", "Region", "District", "Capital",
    "Court", "Council", "Congress", "Senate", "House", "Party", "Church", "University",
    "College", "School", "Hospital", "Center", "Centre", "Street", "Road", "Avenue", "Park",
    "Airport", "Station", "Bridge", "Lake", "River", "Mount", "Island", "Islands", "Beach",
    "Valley", "Hill", "Hills", "Bay", "Port", "Harbor", "Fort", "Camp", "Mission", "Liberty",
    "Independence", "Victory", "Freedom", "Hope", "Unity", "Progress", "Enterprise", "Commerce",
    "Industry", "Energy", "Media", "Mobile", "Bath", "Reading", "Nice", "Split", "Best",
    "Man", "Mercy", "Paradise", "Eagle", "Orange", "Marina", "Delta", "Alpha", "Zion", "Eden",
    "Globe", "Post", "Times", "Herald", "Tribune", "Journal", "Sun", "Star", "Gazette",
    "Senior", "Junior", "General", "Colonel", "Major", "Captain", "Sheriff", "Judge", "Mayor",
    "Governor", "Officer", "Deputy", "Chief", "Director", "Secretary", "King", "Queen",
    "Prince", "Princess", "Pope", "Saint", "Bishop", "God", "Allah", "Christ", "Jesus",
    "Internet", "Ebola", "Eagles", "Tigers", "Bulldogs", "Lions", "Bears", "Panthers", "Wildcats",
    "Page", "Read", "Photo", "Video", "Home", "Sports", "News", "Weather", "Business",
    "Opinion", "Health", "Education", "Science", "Technology", NULL};

/* Capitalised words after a place name that keep it a place: the name of
** an institution, office or feature of the place ("Gainesville Police",
** "Minnesota House", "Memphis Street").  Any other capitalised word after
** a one-word name makes it part of a person's or organisation's name
** ("Sharon Mueller", "Washington Latin"). */
static const char *const place_heads[] = {
    "Police", "Fire", "Sheriff", "City", "County", "Parish", "State", "States", "St", "Street",
    "Road", "Rd", "Avenue", "Ave", "Boulevard", "Blvd", "Drive", "Dr", "Lane", "Highway", "Hwy",
    "Pike", "Mayor", "Governor", "Gov", "Sen", "Rep", "House", "Senate", "Assembly",
    "Legislature", "Council", "Commission", "Commissioners", "Board", "Court", "Department",
    "Dept", "Regional", "National", "Municipal", "Metropolitan", "Metro", "Area", "Region",
    "District", "Township", "Army", "Navy", "Health", "Hospital", "Medical", "School", "Schools",
    "High", "Middle", "Elementary", "University", "College", "Public", "Community", "Library",
    "Museum", "Zoo", "Airport", "Port", "Harbor", "Harbour", "Bay", "Sea", "Lake", "River",
    "Valley", "Mountains", "Island", "Islands", "Coast", "Centers", "Center", "Centre",
    "President", "Prime", "Minister", "Ministry", "Government", "Congressman", "Congresswoman",
    "Chamber", "Water", "Housing", "Transit", "Times", "Post", "News", "Herald", "Tribune",
    "Journal", "Daily", "Gazette", "Chronicle", "Star", "Record", "Courier", "Ledger",
    "Blizzard", "Commonwealth", "Food", "Agriculture", "Red", "Park", "Square", "Bridge",
    "Station", "Jail", "Detention", "Correctional", "Prison", "Church", "Mall", "Market",
    "Courthouse", "Hall", "Stadium", "Arena", "Animal", "Humane", "Veterans", "Historical",
    "Chief", "Officials", "Officers", "Residents", "Authorities", NULL};

/* Prepositions of location: a place after them is where something is. */
static const char *const locative_preps[] = {
    "in", "at", "near", "outside", "inside", "across", "throughout", "around", "within",
    NULL};

/* Words that end a verb's stretch of the sentence (in_stretch()): clause
** punctuation, subordinating conjunctions, relative words, "said". */
static const char *const stretch_ends[] = {
    ";", ":", "but", "while", "whereas", "although", "though", "because", "after", "before",
    "when", "which", "who", "that", "where", "said", "says", NULL};

/* AP state abbreviations (and a few older forms) after "City,". */
static const struct { const char *abbr, *state; } ap_states[] = {
    {"Ala.", "Alabama"}, {"Ariz.", "Arizona"}, {"Ark.", "Arkansas"}, {"Calif.", "California"},
    {"Colo.", "Colorado"}, {"Conn.", "Connecticut"}, {"Del.", "Delaware"}, {"Fla.", "Florida"},
    {"Ga.", "Georgia"}, {"Ill.", "Illinois"}, {"Ind.", "Indiana"}, {"Kan.", "Kansas"},
    {"Kans.", "Kansas"}, {"Ky.", "Kentucky"}, {"La.", "Louisiana"}, {"Md.", "Maryland"},
    {"Mass.", "Massachusetts"}, {"Mich.", "Michigan"}, {"Minn.", "Minnesota"},
    {"Miss.", "Mississippi"}, {"Mo.", "Missouri"}, {"Mont.", "Montana"}, {"Neb.", "Nebraska"},
    {"Nev.", "Nevada"}, {"N.H.", "New Hampshire"}, {"N.J.", "New Jersey"},
    {"N.M.", "New Mexico"}, {"N.Y.", "New York"}, {"N.C.", "North Carolina"},
    {"N.D.", "North Dakota"}, {"Okla.", "Oklahoma"}, {"Ore.", "Oregon"},
    {"Pa.", "Pennsylvania"}, {"R.I.", "Rhode Island"}, {"S.C.", "South Carolina"},
    {"S.D.", "South Dakota"}, {"Tenn.", "Tennessee"}, {"Tex.", "Texas"}, {"Vt.", "Vermont"},
    {"Va.", "Virginia"}, {"Wash.", "Washington"}, {"W.Va.", "West Virginia"},
    {"Wis.", "Wisconsin"}, {"Wyo.", "Wyoming"}, {"D.C.", "District of Columbia"},
    {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"},
    {"CA", "California"}, {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"},
    {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"},
    {"IL", "Illinois"}, {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"},
    {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"}, {"MD", "Maryland"},
    {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"}, {"MS", "Mississippi"},
    {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
    {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
    {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"},
    {"OR", "Oregon"}, {"PA", "Pennsylvania"}, {"RI", "Rhode Island"},
    {"SC", "South Carolina"}, {"SD", "South Dakota"}, {"TN", "Tennessee"}, {"TX", "Texas"},
    {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"}, {"WA", "Washington"},
    {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"}, {NULL, NULL}};

/* ---------------------------------------------------------- the stage */

/* A candidate mention while the story is read. */
typedef struct plc_cand {
    uint32_t        sentence, a, b;     /* tokens [a, b) of the sentence */
    uint32_t        start, end;         /* bytes */
    uint8_t         role;
    uint8_t         admin;              /* ends in an admin suffix */
    uint8_t         state;              /* an AP/postal state after "City," */
    uint8_t         split;              /* a part of a hyphenated word */
    const uint32_t *ids;                /* gazetteer places of the name */
    uint32_t        nids;
    int32_t         fixed;              /* the place when there is no choice */
    int32_t         pick;               /* the chosen place, -1 none */
    int32_t         pair;               /* the "City, Region" partner, -1 */
    int32_t         p1;                 /* first-pass place, voting, or -1 */
    float           w1;                 /* the weight of that vote */
} plc_cand;

typedef struct plc_ctx {
    dyad_session         *s;
    const dyad_story     *st;
    const dyad_gazetteer *g;
    dyad_vec              cands;        /* plc_cand */
    dyad_vec              persons;      /* uint64_t hashes of name words */
    /* context votes: countries and (country, admin1) of sure mentions */
    char                  cc[64][4];
    float                 ccw[64];
    int                   ncc;
    float                 votes;        /* their sum */
    char                  reg[64][4 + 16];
    float                 regw[64];
    int                   nreg;
} plc_ctx;

static int is_cap(const dyad_token *t) {
    return t->kind == DYAD_TOK_WORD && (t->flags & DYAD_TF_UPPER);
}

static int word_is(const dyad_story *st, const dyad_token *t, const char *w) {
    size_t n;
    const char *z = dyad_token_text(st, t, &n);
    return dyad_ieq(z, n, w);
}

/* The word lists as one hash table, built once (call_once: sessions of
** several threads share it): each word with a bit per list it is in,
** lists of capitalised words by exact case (a final period dropped:
** "St." is "St"), the others in lower case. */
#define LEX_SLOTS 1024          /* a power of two, at least twice the words */
#define LEX_WORD 24             /* longest word + 1 */
typedef struct lex_slot {
    char    w[LEX_WORD];
    uint8_t n;
    uint8_t cs, ci;             /* list bits: exact-case, lower-case lookups */
} lex_slot;
static lex_slot lex[LEX_SLOTS];
static once_flag lex_once = ONCE_FLAG_INIT;

static const char *const *const cs_lists[] = {admin_suffixes, direction_words, stop_words,
                                              place_heads, NULL};
static const char *const *const ci_lists[] = {inner_words, locative_preps, stretch_ends, NULL};

static lex_slot *lex_find(const char *z, size_t n, int add) {
    if (n == 0 || n >= LEX_WORD) return NULL;
    size_t h = (size_t)dyad_fnv1a(z, n) & (LEX_SLOTS - 1);
    for (;; h = (h + 1) & (LEX_SLOTS - 1)) {
        lex_slot *sl = &lex[h];
        if (!sl->n) {
            if (!add) return NULL;
            memcpy(sl->w, z, n);
            sl->n = (uint8_t)n;
            return sl;
        }
        if (sl->n == n && !memcmp(sl->w, z, n)) return sl;
    }
}

static void lex_build(void) {
    for (int i = 0; cs_lists[i]; i++)
        for (int j = 0; cs_lists[i][j]; j++) {
            lex_slot *sl = lex_find(cs_lists[i][j], strlen(cs_lists[i][j]), 1);
            if (sl) sl->cs |= (uint8_t)(1u << i);
        }
    for (int i = 0; ci_lists[i]; i++)
        for (int j = 0; ci_lists[i][j]; j++) {
            lex_slot *sl = lex_find(ci_lists[i][j], strlen(ci_lists[i][j]), 1);
            if (sl) sl->ci |= (uint8_t)(1u << i);
        }
}

/* The bit of list in cs_lists or ci_lists. */
static unsigned list_bit(const char *const *const *lists, const char *const *list) {
    for (int i = 0; lists[i]; i++)
        if (lists[i] == list) return 1u << i;
    return 0;
}

/* Is token t in one of ci_lists (any case)? */
static int tok_in(const dyad_story *st, const dyad_token *t, const char *const *list) {
    size_t n;
    const char *z = dyad_token_text(st, t, &n);
    char low[LEX_WORD];
    if (n == 0 || n >= LEX_WORD) return 0;
    for (size_t i = 0; i < n; i++) low[i] = (char)(z[i] >= 'A' && z[i] <= 'Z' ? z[i] + 32 : z[i]);
    const lex_slot *sl = lex_find(low, n, 0);
    return sl && (sl->ci & list_bit(ci_lists, list));
}

/* Is token t in one of cs_lists (exact case; stop words and suffixes are
** capitalised)? */
static int tok_in_cs(const dyad_story *st, const dyad_token *t, const char *const *list) {
    size_t n;
    const char *z = dyad_token_text(st, t, &n);
    if (n && z[n - 1] == '.') n--;
    const lex_slot *sl = lex_find(z, n, 0);
    return sl && (sl->cs & list_bit(cs_lists, list));
}

static int upos_is(const dyad_syntax *sy, uint32_t k, const char *u) {
    return sy && sy[k].upos && !strcmp(sy[k].upos, u);
}

static int tagged(const dyad_syntax *sy, uint32_t k) {
    return sy && sy[k].upos && strcmp(sy[k].upos, "_");
}

static uint64_t word_hash(const dyad_story *st, const dyad_token *t) {
    size_t n;
    const char *z = dyad_token_text(st, t, &n);
    char key[128];
    if (n >= sizeof key) n = sizeof key - 1;
    size_t kn = geo_key(z, n, key);
    return dyad_fnv1a(key, kn);
}

static int is_person_word(plc_ctx *x, const dyad_token *t) {
    uint64_t h = word_hash(x->st, t);
    for (size_t i = 0; i < x->persons.n; i++)
        if (DVEC_AT(&x->persons, uint64_t, i) == h) return 1;
    return 0;
}

static int add_person_word(plc_ctx *x, const dyad_token *t) {
    uint64_t *slot = dvec_push(&x->persons, sizeof *slot);
    if (!slot) return -1;
    *slot = word_hash(x->st, t);
    return 0;
}

/* The gazetteer places named by tokens [a, b) of the sentence (the text
** between them as written). */
static uint32_t lookup_span(plc_ctx *x, const dyad_sentence *se, uint32_t a, uint32_t b,
                            const uint32_t **ids) {
    const dyad_token *ta = &se->tokens[a], *tb = &se->tokens[b - 1];
    size_t n = tb->start + tb->len - ta->start;
    if (b - a == 1 && ta->norm) return (uint32_t)dyad_gazetteer_lookup(x->g, ta->norm,
                                                                        strlen(ta->norm), ids);
    return (uint32_t)dyad_gazetteer_lookup(x->g, x->st->text + ta->start, n, ids);
}

static int overlaps_timex(plc_ctx *x, uint32_t sent, uint32_t a, uint32_t b) {
    const dyad_vec *tv = &x->s->timexes;
    for (size_t i = 0; i < tv->n; i++) {
        const dyad_timex *t = &DVEC_AT(tv, dyad_timex, i);
        if (t->sentence == sent && t->tok_start < b && a < t->tok_end) return 1;
    }
    return 0;
}

static plc_cand *push_cand(plc_ctx *x, uint32_t sent, const dyad_sentence *se, uint32_t a,
                           uint32_t b, uint8_t role) {
    plc_cand *c = dvec_push(&x->cands, sizeof *c);
    if (!c) return NULL;
    memset(c, 0, sizeof *c);
    c->sentence = sent;
    c->a = a;
    c->b = b;
    c->start = se->tokens[a].start;
    c->end = se->tokens[b - 1].start + se->tokens[b - 1].len;
    c->role = role;
    c->fixed = c->pick = c->pair = c->p1 = -1;
    return c;
}

/* A state abbreviation at token k ("Ga.", "GA"): its region, or -1. */
static long state_at(plc_ctx *x, const dyad_token *t) {
    size_t n;
    const char *z = dyad_token_text(x->st, t, &n);
    for (size_t i = 0; ap_states[i].abbr; i++) {
        if (strlen(ap_states[i].abbr) != n || memcmp(ap_states[i].abbr, z, n)) continue;
        const uint32_t *ids;
        size_t m = dyad_gazetteer_lookup(x->g, ap_states[i].state, strlen(ap_states[i].state),
                                         &ids);
        for (size_t j = 0; j < m; j++) {
            dyad_place p;
            dyad_gazetteer_place(x->g, ids[j], &p);
            if (p.kind == DYAD_PLACE_REGION && !strcmp(p.country, "USA")) return ids[j];
        }
        return -1;
    }
    return -1;
}

/* The length of the hyphen or dash at z[i] (n bytes), or 0. */
static size_t dash_at(const char *z, size_t n, size_t i) {
    if (z[i] == '-') return 1;
    if (i + 2 < n && (unsigned char)z[i] == 0xE2 && (unsigned char)z[i + 1] == 0x80 &&
        ((unsigned char)z[i + 2] == 0x93 || (unsigned char)z[i + 2] == 0x94))
        return 3;
    return 0;
}

/* A hyphenated word whose parts are places or demonyms ("Israeli-Egyptian",
** "Fargo-Moorhead", "Atlanta-area", "Huntsville-Walker County"): one
** candidate per capitalised part of 3 bytes or more that the gazetteer or
** the demonyms know, with the part's offsets; the last part takes an admin
** suffix after the word.  Returns 1 when the word was split, 0 when it is
** no such word (a whole name, "Guinea-Bissau", is looked up as usual), -1
** when out of memory. */
static int split_token(plc_ctx *x, uint32_t si, const dyad_sentence *se, uint32_t k) {
    const dyad_token *t = &se->tokens[k];
    const char *z = x->st->text + t->start;
    size_t n = t->len, found = 0;
    int has = 0;
    for (size_t i = 1; i + 1 < n && !has; i++) has = dash_at(z, n, i) != 0;
    const uint32_t *ids;
    if (!has || dyad_gazetteer_lookup(x->g, z, n, &ids) ||
        geo_demonym_country(z, n))
        return 0;
    for (size_t a = 0; a < n;) {
        size_t b = a, d = 0;
        while (b < n && !(d = dash_at(z, n, b))) b++;
        int cap = z[a] >= 'A' && z[a] <= 'Z';
        if (cap && b - a >= 3) {
            const char *cc = geo_demonym_country(z + a, b - a);
            uint32_t m = cc ? 0 : (uint32_t)dyad_gazetteer_lookup(x->g, z + a, b - a, &ids);
            /* the last part and an admin suffix: "Walker" + "County" */
            const uint32_t *ids2;
            uint32_t m2 = 0, end = t->start + (uint32_t)b;
            const dyad_token *nx = k + 1 < se->ntokens ? &se->tokens[k + 1] : NULL;
            if (!cc && b == n && nx && is_cap(nx) && tok_in_cs(x->st, nx, admin_suffixes)) {
                size_t len = nx->start + nx->len - (t->start + a);
                m2 = (uint32_t)dyad_gazetteer_lookup(x->g, z + a, len, &ids2);
                if (m2) {
                    ids = ids2;
                    m = m2;
                    end = nx->start + nx->len;
                }
            }
            if (cc || m) {
                plc_cand *c = push_cand(x, si, se, k, m2 ? k + 2 : k + 1,
                                        cc ? DYAD_ROLE_DEMONYM : DYAD_ROLE_PLACE);
                if (!c) return -1;
                c->start = t->start + (uint32_t)a;
                c->end = end;
                c->split = 1;
                if (cc) {
                    long ci = dyad_gazetteer_country(x->g, cc);
                    if (ci < 0) {
                        x->cands.n--;
                        goto next;
                    }
                    c->fixed = (int32_t)ci;
                } else {
                    c->ids = ids;
                    c->nids = m;
                }
                found++;
            }
        }
    next:
        a = b + d;
    }
    return found > 0;
}

/* Recognise the candidates of sentence si. */
static int scan_sentence(plc_ctx *x, uint32_t si) {
    const dyad_sentence *se = dyad_session_sentence(x->s, si);
    const dyad_syntax *sy = dyad_session_syntax(x->s, si);
    const dyad_token *tk = se->tokens;
    uint32_t n = se->ntokens;
    /* the first word of the sentence, after opening quotes or brackets */
    uint32_t first = 0;
    while (first < n && tk[first].kind != DYAD_TOK_WORD && tk[first].kind != DYAD_TOK_NUMBER)
        first++;
    for (uint32_t k = 0; k < n; k++) {
        if (!is_cap(&tk[k])) continue;
        int split = split_token(x, si, se, k);
        if (split < 0) return -1;
        if (split) continue;
        /* longest span of capitalised words (inner words inside) */
        uint32_t lim = k;
        while (lim < n && lim - k < 6 &&
               (is_cap(&tk[lim]) || (lim > k && tok_in(x->st, &tk[lim], inner_words))))
            lim++;
        uint32_t b = 0, nids = 0;
        const uint32_t *ids = NULL;
        for (uint32_t e = lim; e > k; e--) {
            if (!is_cap(&tk[e - 1])) continue;
            if (e - k == 1 && (tok_in_cs(x->st, &tk[k], stop_words) ||
                               tok_in_cs(x->st, &tk[k], direction_words)))
                continue;
            nids = lookup_span(x, se, k, e, &ids);
            if (nids) {
                b = e;
                break;
            }
        }
        /* a demonym: "Russian", "South African" */
        const char *dem_cc = NULL;
        uint32_t db = 0;
        for (uint32_t e = lim < k + 3 ? lim : k + 3; e > k && !dem_cc; e--) {
            const dyad_token *tb = &tk[e - 1];
            dem_cc = geo_demonym_country(x->st->text + tk[k].start,
                                         tb->start + tb->len - tk[k].start);
            if (dem_cc) db = e;
        }
        if (dem_cc && db >= b) {
            long cidx = dyad_gazetteer_country(x->g, dem_cc);
            if (cidx < 0) continue;
            /* "the French capital" */
            if (db < n && word_is(x->st, &tk[db], "capital") && k > 0 &&
                word_is(x->st, &tk[k - 1], "the")) {
                long cap = dyad_gazetteer_capital(x->g, dem_cc);
                if (cap >= 0) {
                    plc_cand *c = push_cand(x, si, se, k, db + 1, DYAD_ROLE_PLACE);
                    if (!c) return -1;
                    c->fixed = (int32_t)cap;
                    k = db;
                    continue;
                }
            }
            plc_cand *c = push_cand(x, si, se, k, db, DYAD_ROLE_DEMONYM);
            if (!c) return -1;
            c->fixed = (int32_t)cidx;
            k = db - 1;
            continue;
        }
        /* "Laurel County", "Rapides Parish": a name and an admin suffix */
        uint32_t sb = b ? b : k + 1;
        int admin = sb < n && is_cap(&tk[sb]) && tok_in_cs(x->st, &tk[sb], admin_suffixes) &&
                    !tok_in_cs(x->st, &tk[k], stop_words) &&
                    !tok_in_cs(x->st, &tk[k], admin_suffixes) &&
                    !tok_in_cs(x->st, &tk[k], place_heads) &&
                    (b || !tagged(sy, k) || upos_is(sy, k, "PROPN"));
        if (!b && !admin) continue;
        if (admin) {
            const uint32_t *ids2;
            uint32_t n2 = lookup_span(x, se, k, sb + 1, &ids2);
            if (n2) {
                ids = ids2;
                nids = n2;
                b = sb + 1;
                admin = 0;
            } else if (b) {
                admin = 0;              /* "Matara District": Matara */
            } else {
                b = sb + 1;             /* unresolved: "Kent County" abroad */
            }
        }
        if (overlaps_timex(x, si, k, b)) {
            k = b - 1;
            continue;
        }
        /* part of a longer name: a capitalised word runs into it from the
        ** left ("John Kerry", "Chiquita Raquel Henry"); a direction word
        ** joins the mention instead ("East Jerusalem") */
        uint32_t a = k;
        if (k > 0 && is_cap(&tk[k - 1]) && tok_in_cs(x->st, &tk[k - 1], direction_words)) {
            a = k - 1;
        } else if (k > 0 && is_cap(&tk[k - 1]) &&
                   (k - 1 != first || upos_is(sy, k - 1, "PROPN")) &&
                   !tok_in_cs(x->st, &tk[k - 1], stop_words)) {
            if (b - k == 1 && add_person_word(x, &tk[k]) < 0) return -1;
            k = b - 1;
            continue;
        }
        /* a one-word name running into a capitalised word that is no part
        ** of a place ("Sharon Mueller", "George Bush") */
        if (b - k == 1 && b < n && is_cap(&tk[b]) && !(tk[b].flags & DYAD_TF_CLITIC) &&
            !tok_in_cs(x->st, &tk[b], place_heads) && !tok_in_cs(x->st, &tk[b], admin_suffixes)) {
            if (!geo_demonym_country(x->st->text + tk[b].start, tk[b].len)) {
                k = b;
                continue;
            }
        }
        /* a surname seen after a given name earlier in the story */
        if (b - k == 1 && !admin && is_person_word(x, &tk[k])) {
            continue;
        }
        /* one capitalised word at the start of the sentence: only when the
        ** tagger calls it a proper noun (or there is no tag) */
        if (b - k == 1 && k == first && tagged(sy, k) && !upos_is(sy, k, "PROPN")) {
            continue;
        }
        /* one word the tagger calls something else than a proper noun */
        if (b - k == 1 && tagged(sy, k) && !upos_is(sy, k, "PROPN") &&
            !upos_is(sy, k, "NOUN") && !upos_is(sy, k, "X")) {
            continue;
        }
        plc_cand *c = push_cand(x, si, se, a, b, DYAD_ROLE_PLACE);
        if (!c) return -1;
        c->admin = (uint8_t)admin;
        if (!admin) {
            c->ids = ids;
            c->nids = nids;
        }
        k = b - 1;
        /* "Gainesville, Ga.", "Paris, Texas", "Minsk, Belarus" */
        if (b + 1 < n && tk[b].len == 1 && x->st->text[tk[b].start] == ',') {
            long stt = state_at(x, &tk[b + 1]);
            if (stt >= 0) {
                plc_cand *d = push_cand(x, si, se, b + 1, b + 2, DYAD_ROLE_PLACE);
                if (!d) return -1;
                d->fixed = (int32_t)stt;
                d->state = 1;
                k = b + 1;
            }
        }
    }
    return 0;
}

/* ---------------------------------------------------------- resolution */

static void vote(plc_ctx *x, const dyad_place *p, float w) {
    int i;
    if (p->kind == DYAD_PLACE_CONTINENT) return;
    x->votes += w;
    for (i = 0; i < x->ncc && strcmp(x->cc[i], p->country); i++) {}
    if (i == x->ncc && x->ncc < 64) memcpy(x->cc[x->ncc++], p->country, 4);
    if (i < 64) x->ccw[i] += w;
    if (p->kind == DYAD_PLACE_COUNTRY || !p->admin1[0]) return;
    char r[4 + 16];
    snprintf(r, sizeof r, "%s.%s", p->country, p->admin1);
    for (i = 0; i < x->nreg && strcmp(x->reg[i], r); i++) {}
    if (i == x->nreg && x->nreg < 64) memcpy(x->reg[x->nreg++], r, sizeof r);
    if (i < 64) x->regw[i] += w;
}

static float country_votes(const plc_ctx *x, const char *cc) {
    for (int i = 0; i < x->ncc; i++)
        if (!strcmp(x->cc[i], cc)) return x->ccw[i];
    return 0;
}

static float region_votes(const plc_ctx *x, const dyad_place *p) {
    if (!p->admin1[0]) return 0;
    char r[4 + 16];
    snprintf(r, sizeof r, "%s.%s", p->country, p->admin1);
    for (int i = 0; i < x->nreg; i++)
        if (!strcmp(x->reg[i], r)) return x->regw[i];
    return 0;
}

/* The prior of a place, before context: population, kind, capital. */
static double prior(const dyad_place *p) {
    double s = log10((double)p->population + 10.0);
    if (p->kind == DYAD_PLACE_CONTINENT) s += 9.0;    /* (no population) */
    else if (p->kind == DYAD_PLACE_COUNTRY) s += 5.0;
    else if (p->kind == DYAD_PLACE_REGION) s += 1.0;
    else if (p->kind == DYAD_PLACE_COUNTY) s += 2.0;
    else if (!strcmp(p->fcode, "PPLC")) s += 1.5;
    else if (!strncmp(p->fcode, "PPLA", 4)) s += p->fcode[4] ? 0.3 : 0.8;
    if (!p->has_coords) s -= 2.0;
    return s;
}

/* Is q (a region or country) where p lies? */
static int contains(const dyad_place *q, const dyad_place *p) {
    if (strcmp(q->country, p->country)) return 0;
    if (q->kind == DYAD_PLACE_COUNTRY) return p->kind != DYAD_PLACE_COUNTRY;
    if (q->kind == DYAD_PLACE_REGION)
        return p->kind == DYAD_PLACE_CITY && q->admin1[0] && !strcmp(q->admin1, p->admin1);
    return 0;
}

/* Rough distance in km (equirectangular: enough to tell 150 km). */
static double rough_km(double lat1, double lon1, double lat2, double lon2) {
    const double rad = 3.14159265358979323846 / 180.0;
    double dx = (lon2 - lon1) * cos((lat1 + lat2) * 0.5 * rad), dy = lat2 - lat1;
    return 111.2 * sqrt(dx * dx + dy * dy);
}

#define PLC_CV_BASE 1.0        /* a country other names vote for */
#define PLC_CV_SHARE 2.0       /* ... times its share of their votes */
#define PLC_NEXT_KM 400.0       /* a voted country's centre this near */
#define PLC_NEAR_KM 150.0
#define PLC_NEAR_CANDS 8       /* places of another name looked at */

/* How near the other names of the story lie to p: for each, 1 - d /
** PLC_NEAR_KM for its nearest place at d km (0 beyond), summed up to 2:
** "Paris" with "Urbana" and "Champaign" is in Illinois; "Huntsville" with
** "Walker County" is the one in that county. */
static double nearby_names(const plc_ctx *x, const plc_cand *c, const dyad_place *p) {
    if (!p->has_coords || p->kind == DYAD_PLACE_COUNTRY) return 0;
    const plc_cand *cs = x->cands.p;
    double sum = 0;
    for (size_t j = 0; j < x->cands.n; j++) {
        const plc_cand *d = &cs[j];
        if (d->ids == c->ids || (!d->nids && d->fixed < 0)) continue;
        /* each name once: the first mention of it stands for all */
        int seen = 0;
        for (size_t k = 0; k < j && !seen; k++)
            seen = cs[k].ids == d->ids && cs[k].fixed == d->fixed;
        if (seen) continue;
        /* the nearest of its places: 1 at the same spot, 0 at PLC_NEAR_KM */
        double best = 0;
        uint32_t m = d->fixed >= 0 ? 1 : d->nids < PLC_NEAR_CANDS ? d->nids : PLC_NEAR_CANDS;
        for (uint32_t i = 0; i < m; i++) {
            dyad_place q;
            dyad_gazetteer_place(x->g, d->fixed >= 0 ? (uint32_t)d->fixed : d->ids[i], &q);
            if (!q.has_coords || q.kind == DYAD_PLACE_COUNTRY) continue;
            double km = rough_km(p->lat, p->lon, q.lat, q.lon);
            if (km < PLC_NEAR_KM && 1.0 - km / PLC_NEAR_KM > best) best = 1.0 - km / PLC_NEAR_KM;
        }
        sum += best;
    }
    return sum < 2.0 ? sum : 2.0;
}

/* Does p lie within PLC_NEXT_KM of the centre of a country other names
** of the story are in (Gaza with Israel and Egypt, not Gaza in
** Mozambique)? */
static int next_to_voted(const plc_ctx *x, const dyad_place *p) {
    if (!p->has_coords || p->kind == DYAD_PLACE_CONTINENT) return 0;
    for (int i = 0; i < x->ncc; i++) {
        if (x->ccw[i] < 0.01f || !strcmp(x->cc[i], p->country)) continue;
        long ci = dyad_gazetteer_country(x->g, x->cc[i]);
        if (ci < 0) continue;
        dyad_place q;
        dyad_gazetteer_place(x->g, (uint32_t)ci, &q);
        if (q.has_coords && rough_km(p->lat, p->lon, q.lat, q.lon) <= PLC_NEXT_KM) return 1;
    }
    return 0;
}

/* Best place of candidate c with context (ctx 1) or by prior only. */
static int32_t choose(plc_ctx *x, const plc_cand *c, int ctx, double *margin) {
    int32_t best = -1;
    double bs = -1e9, second = -1e9;
    dyad_place own;                     /* the name's own vote is not context */
    memset(&own, 0, sizeof own);
    if (ctx > 1 && c->p1 >= 0) dyad_gazetteer_place(x->g, (uint32_t)c->p1, &own);
    for (uint32_t i = 0; i < c->nids && i < 64; i++) {
        dyad_place p;
        dyad_gazetteer_place(x->g, c->ids[i], &p);
        double s = prior(&p);
        if (ctx > 1) {
            float cv = country_votes(x, p.country), rv = region_votes(x, &p);
            if (own.name && !strcmp(own.country, p.country)) {
                cv -= c->w1;
                if (own.admin1[0] && !strcmp(own.admin1, p.admin1)) rv -= c->w1;
            }
            float tot = x->votes - (own.name ? c->w1 : 0);
            s += cv > 0.01f ? PLC_CV_BASE + PLC_CV_SHARE * cv / tot
                 : next_to_voted(x, &p) ? PLC_CV_BASE : 0;
            if (p.kind != DYAD_PLACE_COUNTRY) s += rv > 0.01f ? 2.0 : 0;
        }
        if (ctx && c->nids > 1 && i < 16) s += 1.5 * nearby_names(x, c, &p);
        if (s > bs) {
            second = bs;
            bs = s;
            best = (int32_t)c->ids[i];
        } else if (s > second) {
            second = s;
        }
    }
    if (margin) *margin = bs - second;
    return best;
}

/* "City, Region" and "City, Country": the pair of places that fits. */
static void fix_pair(plc_ctx *x, plc_cand *c, plc_cand *d) {
    double bs = -1e9;
    int32_t bp = -1, bq = -1;
    uint32_t nq = d->fixed >= 0 ? 1 : d->nids;
    for (uint32_t j = 0; j < nq && j < 64; j++) {
        uint32_t qi = d->fixed >= 0 ? (uint32_t)d->fixed : d->ids[j];
        dyad_place q;
        dyad_gazetteer_place(x->g, qi, &q);
        if (q.kind == DYAD_PLACE_CITY) continue;
        for (uint32_t i = 0; i < c->nids && i < 256; i++) {
            dyad_place p;
            dyad_gazetteer_place(x->g, c->ids[i], &p);
            if (!contains(&q, &p)) continue;
            double s = prior(&p) + prior(&q);
            if (s > bs) {
                bs = s;
                bp = (int32_t)c->ids[i];
                bq = (int32_t)qi;
            }
        }
    }
    if (bp < 0) return;
    c->fixed = bp;
    d->fixed = bq;
}

static void resolve(plc_ctx *x) {
    plc_cand *cs = x->cands.p;
    size_t nc = x->cands.n;
    /* pairs first */
    for (size_t i = 0; i + 1 < nc; i++) {
        plc_cand *c = &cs[i], *d = &cs[i + 1];
        if (c->sentence != d->sentence || c->fixed >= 0 || !c->nids || d->a != c->b + 1 ||
            c->role != DYAD_ROLE_PLACE || d->role != DYAD_ROLE_PLACE)
            continue;
        const dyad_sentence *se = dyad_session_sentence(x->s, c->sentence);
        const dyad_token *comma = &se->tokens[c->b];
        if (comma->len != 1 || x->st->text[comma->start] != ',') continue;
        fix_pair(x, c, d);
        if (c->fixed >= 0) {
            c->pair = (int32_t)(i + 1);
            d->pair = (int32_t)i;
        }
    }
    /* the context: the dateline, fixed places and sure mentions */
    x->ncc = x->nreg = 0;
    x->votes = 0;
    /* each name votes once with its first-pass place (prior and nearby
    ** names): a sure one (a fixed place, or a clear winner) weighs 1, an
    ** unsure one 0.5, the dateline 2 */
    for (size_t i = 0; i < nc; i++) {
        plc_cand *c = &cs[i];
        c->p1 = -1;
        int seen = 0;
        for (size_t k = 0; k < i && !seen && c->fixed < 0; k++)
            seen = cs[k].ids == c->ids && cs[k].fixed < 0;
        if (seen) continue;
        double margin = 10;
        int32_t p = c->fixed >= 0 ? c->fixed : c->nids ? choose(x, c, 1, &margin) : -1;
        if (p < 0) continue;
        c->p1 = p;
        c->w1 = c->sentence == UINT32_MAX ? 2.0f : c->nids > 1 && margin < 2.0 ? 0.5f : 1.0f;
        dyad_place pl;
        dyad_gazetteer_place(x->g, (uint32_t)p, &pl);
        vote(x, &pl, c->w1);
    }
    for (size_t i = 0; i < nc; i++) {
        plc_cand *c = &cs[i];
        /* later mentions of a name share its first mention's vote */
        for (size_t k = 0; k < i && c->fixed < 0 && c->p1 < 0; k++)
            if (cs[k].ids == c->ids && cs[k].p1 >= 0) {
                c->p1 = cs[k].p1;
                c->w1 = cs[k].w1;
            }
        c->pick = c->fixed >= 0 ? c->fixed : c->nids ? choose(x, c, 2, NULL) : -1;
    }
}

/* ---------------------------------------------------------- roles */

static void assign_role(plc_ctx *x, plc_cand *c) {
    if (c->role != DYAD_ROLE_PLACE || c->sentence == UINT32_MAX || c->state || c->pair >= 0 ||
        c->split)
        return;
    const dyad_sentence *se = dyad_session_sentence(x->s, c->sentence);
    const dyad_syntax *sy = dyad_session_syntax(x->s, c->sentence);
    const dyad_token *tk = se->tokens;
    uint32_t n = se->ntokens;
    /* "Russia's annexation" */
    if (c->b < n && (tk[c->b].flags & DYAD_TF_CLITIC) && word_is(x->st, &tk[c->b], "'s")) {
        c->role = DYAD_ROLE_METONYM;
        return;
    }
    if (!sy || !tagged(sy, c->a)) return;
    /* the head word of the mention: the one whose head lies outside it */
    uint32_t h = c->b - 1;
    for (uint32_t k = c->a; k < c->b; k++) {
        int32_t hd = sy[k].head - 1;
        if (hd < (int32_t)c->a || hd >= (int32_t)c->b) {
            h = k;
            break;
        }
    }
    const char *rel = sy[h].deprel ? sy[h].deprel : "_";
    if (!strncmp(rel, "nsubj", 5) || !strcmp(rel, "nmod:poss")) {
        int32_t hd = sy[h].head - 1;
        if (hd >= 0 && (upos_is(sy, (uint32_t)hd, "VERB") || upos_is(sy, (uint32_t)hd, "AUX") ||
                        !strncmp(rel, "nmod", 4)))
            c->role = DYAD_ROLE_METONYM;
    }
}

/* A one-word subject resolved to a town of under 100,000 people in a
** country no other name of the story is in, with no other name near it,
** is a person ("Obama took office", "Anderson urged"), not a place. */
static int person_like(plc_ctx *x, const plc_cand *c) {
    if (c->role != DYAD_ROLE_METONYM || c->b - c->a != 1 || c->pick < 0 || c->split) return 0;
    dyad_place p;
    dyad_gazetteer_place(x->g, (uint32_t)c->pick, &p);
    if (p.kind != DYAD_PLACE_CITY || p.population >= 100000) return 0;
    float cv = country_votes(x, p.country);
    if (c->p1 >= 0 && c->p1 == c->pick) cv -= c->w1;
    return cv < 0.01f && nearby_names(x, c, &p) < 0.01;
}

/* ---------------------------------------------------------- events */

/* Is place mention m in a locative phrase attached to a verb token of
** [v, vend)?  Climbs from the mention's head through obl/nmod/appos/conj
** nouns, never through another verb. */
static int attached(const dyad_syntax *sy, const dyad_story *st, const dyad_sentence *se,
                    const dyad_place_mention *m, uint32_t v, uint32_t vend) {
    uint32_t h = m->tok_end - 1;
    for (uint32_t k = m->tok_start; k < m->tok_end; k++) {
        int32_t hd = sy[k].head - 1;
        if (hd < (int32_t)m->tok_start || hd >= (int32_t)m->tok_end) {
            h = k;
            break;
        }
    }
    /* its case word: in, at, near, ... */
    int loc = 0;
    for (uint32_t k = 0; k < se->ntokens; k++)
        if (sy[k].head - 1 == (int32_t)h && sy[k].deprel && !strcmp(sy[k].deprel, "case") &&
            tok_in(st, &se->tokens[k], locative_preps))
            loc = 1;
    if (!loc) return 0;
    int32_t up = sy[h].head - 1;
    for (int hops = 0; up >= 0 && hops < 5; hops++) {
        if ((uint32_t)up >= v && (uint32_t)up < vend) return 1;
        if (upos_is(sy, (uint32_t)up, "VERB") || upos_is(sy, (uint32_t)up, "AUX")) break;
        const char *r = sy[up].deprel ? sy[up].deprel : "_";
        if (strncmp(r, "obl", 3) && strncmp(r, "nmod", 4) && strcmp(r, "appos") &&
            strcmp(r, "conj") && strcmp(r, "obj") && strcmp(r, "compound"))
            break;
        up = sy[up].head - 1;
    }
    return 0;
}

/* Does token k end a verb's stretch: another verb, a semicolon, a
** subordinating conjunction or a relative pronoun? */
static int stretch_end(const dyad_story *st, const dyad_sentence *se, const dyad_syntax *sy,
                       uint32_t k) {
    if (upos_is(sy, k, "VERB")) return 1;
    return tok_in(st, &se->tokens[k], stretch_ends);
}

/* The place mention of a locative phrase ("in Paris") in the stretch of
** verb [v, vend): after it up to the next verb or clause word, or before
** it back to the sentence start when nothing ends the stretch ("In Paris,
** Kerry met Lavrov").  Returns its index, or -1. */
static int32_t in_stretch(const dyad_session *s, const dyad_story *st, const dyad_sentence *se,
                          const dyad_syntax *sy, uint32_t sent, uint32_t v, uint32_t vend) {
    uint32_t lo = v, hi = vend;
    while (hi < se->ntokens && !stretch_end(st, se, sy, hi)) hi++;
    while (lo > 0 && !stretch_end(st, se, sy, lo - 1)) lo--;
    for (size_t j = 0; j < s->places.n; j++) {
        const dyad_place_mention *m = &DVEC_AT(&s->places, dyad_place_mention, j);
        if (m->sentence != sent || m->role != DYAD_ROLE_PLACE || m->index < 0) continue;
        if (m->tok_start < lo + 1 || m->tok_end > hi) continue;
        /* the word before it (after "the") is a locative preposition; before
        ** the verb, only a fronted phrase: "In Paris, ..." */
        uint32_t p = m->tok_start - 1;
        if (p > lo && word_is(st, &se->tokens[p], "the")) p--;
        if (!tok_in(st, &se->tokens[p], locative_preps)) continue;
        if (m->tok_end <= v && (p != lo || m->tok_end >= se->ntokens ||
                                !word_is(st, &se->tokens[m->tok_end], ",")))
            continue;
        return (int32_t)j;
    }
    return -1;
}

void plc_events(dyad_session *s, const dyad_story *st) {
    int32_t dateline = -1;
    for (size_t i = 0; i < s->places.n; i++) {
        const dyad_place_mention *m = &DVEC_AT(&s->places, dyad_place_mention, i);
        if (m->sentence == UINT32_MAX && m->index >= 0) dateline = (int32_t)i;
    }
    for (size_t i = 0; i < s->events.n; i++) {
        dyad_event *e = &DVEC_AT(&s->events, dyad_event, i);
        e->place = dateline;
        const dyad_sentence *se = dyad_session_sentence(s, e->sentence);
        const dyad_syntax *sy = dyad_session_syntax(s, e->sentence);
        if (!se || !sy || !tagged(sy, 0)) continue;
        uint32_t v = UINT32_MAX, vend = 0;
        for (uint32_t k = 0; k < se->ntokens; k++) {
            const dyad_token *t = &se->tokens[k];
            if (t->start >= e->verb_start && t->start < e->verb_end) {
                if (v == UINT32_MAX) v = k;
                vend = k + 1;
            }
        }
        if (v == UINT32_MAX) continue;
        uint32_t v0 = v, vend0 = vend;
        int32_t found = -1;
        /* the verb, then the verbs it hangs from (advcl, xcomp, conj) */
        for (int hops = 0; hops < 3 && found < 0; hops++) {
            for (size_t j = 0; j < s->places.n && found < 0; j++) {
                const dyad_place_mention *m = &DVEC_AT(&s->places, dyad_place_mention, j);
                if (m->sentence != e->sentence || m->role != DYAD_ROLE_PLACE || m->index < 0)
                    continue;
                if (attached(sy, st, se, m, v, vend)) found = (int32_t)j;
            }
            if (found >= 0) break;
            uint32_t top = v;
            const char *r = sy[top].deprel ? sy[top].deprel : "_";
            if (strcmp(r, "advcl") && strcmp(r, "xcomp") && strcmp(r, "conj")) break;
            int32_t up = sy[top].head - 1;
            if (up < 0) break;
            v = (uint32_t)up;
            vend = v + 1;
        }
        /* the parse found none (or is wrong, as on long names): a locative
        ** phrase in the verb's stretch of the sentence */
        if (found < 0) found = in_stretch(s, st, se, sy, e->sentence, v0, vend0);
        if (found >= 0) e->place = found;
    }
}

/* ---------------------------------------------------------- the story */

static int dateline_cand(plc_ctx *x) {
    const dyad_story *st = x->st;
    if (!st->dateline_place) return 0;
    const uint32_t *ids;
    size_t m = dyad_gazetteer_lookup(x->g, st->dateline_place, strlen(st->dateline_place), &ids);
    if (!m) return 0;
    /* the most populous place of that name (datelines name big cities) */
    int32_t best = -1;
    double bs = -1e9;
    for (size_t i = 0; i < m && i < 64; i++) {
        dyad_place p;
        dyad_gazetteer_place(x->g, ids[i], &p);
        double s = prior(&p) + (p.kind == DYAD_PLACE_CITY ? 3.0 : 0.0);
        if (s > bs) {
            bs = s;
            best = (int32_t)ids[i];
        }
    }
    plc_cand *c = dvec_push(&x->cands, sizeof *c);
    if (!c) return -1;
    memset(c, 0, sizeof *c);
    c->sentence = UINT32_MAX;
    c->fixed = c->pick = best;
    c->pair = c->p1 = -1;
    /* its offsets: the dateline segment's first match of the name */
    size_t dn = strlen(st->dateline_place);
    for (size_t i = 0; i < st->nsegments; i++) {
        const dyad_segment *sg = &st->segments[i];
        if (sg->kind != DYAD_SEG_DATELINE) continue;
        for (uint32_t o = sg->start; o + dn <= sg->end; o++)
            if (dyad_ieq(st->text + o, dn, st->dateline_place)) {
                c->start = o;
                c->end = (uint32_t)(o + dn);
                return 0;
            }
    }
    return 0;
}

int plc_story(dyad_session *s, const dyad_story *st) {
    call_once(&lex_once, lex_build);
    s->places.n = 0;
    s->places.oom = 0;
    const dyad_gazetteer *g = s->e->gaz;
    if (!g) return 0;
    plc_ctx x;
    memset(&x, 0, sizeof x);
    x.s = s;
    x.st = st;
    x.g = g;
    int rc = -1;
    if (dateline_cand(&x) < 0) goto done;
    for (uint32_t i = 0; i < s->doc.sents.n; i++)
        if (scan_sentence(&x, i) < 0) goto done;
    resolve(&x);
    for (size_t i = 0; i < x.cands.n; i++) {
        plc_cand *c = &DVEC_AT(&x.cands, plc_cand, i);
        assign_role(&x, c);
        if (person_like(&x, c)) continue;
        dyad_place_mention *m = dvec_push(&s->places, sizeof *m);
        if (!m) goto done;
        memset(m, 0, sizeof *m);
        m->sentence = c->sentence;
        m->start = c->start;
        m->end = c->end;
        m->tok_start = c->sentence == UINT32_MAX ? 0 : c->a;
        m->tok_end = c->sentence == UINT32_MAX ? 0 : c->b;
        m->role = c->role;
        m->index = c->pick;
        if (c->pick >= 0) dyad_gazetteer_place(g, (uint32_t)c->pick, &m->place);
    }
    rc = s->places.oom ? -1 : 0;
done:
    dvec_free(&x.cands);
    dvec_free(&x.persons);
    return rc;
}

size_t dyad_session_place_count(const dyad_session *s) { return s->places.n; }

const dyad_place_mention *dyad_session_place(const dyad_session *s, size_t i) {
    return i < s->places.n ? &DVEC_AT(&s->places, dyad_place_mention, i) : NULL;
}
