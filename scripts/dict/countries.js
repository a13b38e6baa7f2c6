#!/usr/bin/env node
// countries.js - generate data/dict/countries.actors, dyad's country actor
// dictionary, from Debian's iso-codes, the npm package world-countries and
// the hand-written data/dict/src/countries-extra.txt.  Run it through
// scripts/dict/countries.sh, which fetches the pinned world-countries.
//
//   node countries.js --wc DIR/countries.json --wc-version V
//                     [--iso-dir /usr/share/iso-codes/json] [--iso-version V]
//                     [--extra FILE] [--out FILE]
//
// What it takes from each source
//   iso_3166-1.json   the alpha-3 code of every country and territory, its
//                     ISO short, official and common names
//   iso_3166-3.json   withdrawn codes (SUN, YUG, CSK, DDR, ...): the codes
//                     the extra file may use for historical states
//   world-countries   common and official names, alternative spellings,
//                     English demonyms (with generated plurals), capitals
//   countries-extra   copied verbatim after the generated part; a phrase it
//                     lists is left out of the generated part (the extra
//                     file wins), and its codes are checked here
// Names are cleaned (parentheses dropped, comma-inverted ISO forms skipped,
// non-Latin scripts skipped), given an ASCII-folded and an upper-case
// variant when they hold accents, and a spaced variant when hyphenated.
// Names the blocklists below keep out are mostly not the country in news
// text; the generated header lists them.  The output is deterministic.
'use strict';

const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------- options
function parseArgs(argv) {
    const o = {
        isoDir: '/usr/share/iso-codes/json',
        isoVersion: 'unknown',
        extra: path.join(__dirname, '../../data/dict/src/countries-extra.txt'),
        out: path.join(__dirname, '../../data/dict/countries.actors'),
    };
    for (let i = 2; i < argv.length; i++) {
        const a = argv[i], v = argv[i + 1];
        if (a === '--wc') o.wc = v;
        else if (a === '--wc-version') o.wcVersion = v;
        else if (a === '--iso-dir') o.isoDir = v;
        else if (a === '--iso-version') o.isoVersion = v;
        else if (a === '--extra') o.extra = v;
        else if (a === '--out') o.out = v;
        else die(`unknown argument ${a}`);
        i++;
    }
    if (!o.wc || !o.wcVersion) die('usage: countries.js --wc countries.json --wc-version V [...]');
    return o;
}

function die(msg) {
    process.stderr.write(`countries.js: ${msg}\n`);
    process.exit(1);
}

// ---------------------------------------------------------- hand policy
// Codes CAMEO spells differently from the sources.
const CODE_REMAP = { UNK: 'KSV' };   // world-countries' Kosovo -> CAMEO's

// Codes valid beyond ISO 3166-1/-3: CAMEO's Kosovo and its regions.
const CAMEO_EXTRA = ['KSV'];
const CAMEO_REGIONS = ['AFR', 'ASA', 'BLK', 'CAS', 'CAU', 'CEU', 'CFR', 'CRB', 'EAF',
    'EEU', 'EIN', 'EUR', 'LAM', 'MDT', 'MEA', 'NAF', 'NMR', 'PGS', 'SAF', 'SAM',
    'SAS', 'SCN', 'SEA', 'WAF', 'WST'];
// Role and sector blocks a code may carry after its first three letters.
const SECTORS = ['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'ELI', 'PTY', 'OPP', 'REB', 'SEP',
    'INS', 'UAF', 'SPY', 'MED', 'EDU', 'BUS', 'CRM', 'CVL', 'REF', 'HRI', 'LAB', 'AGR',
    'ENV', 'HLH', 'NGO', 'IGO', 'MNC', 'IMG', 'RAD', 'MOD', 'REL', 'UNO', 'EUR', 'EEC',
    'WST', 'NAT',
    'MUS', 'SHI', 'SUN', 'CHR', 'JEW', 'HIN', 'BUD', 'SIK'];   // religions after REL

// Names (any source) left out, compared upper-case ASCII-folded: not the
// country in most news text, or a collision with common English.
const BLOCK_NAMES = new Set([
    'JERSEY',          // New Jersey, a jersey
    'ISLAND',          // Iceland's native name
    'MANN', 'MANNIN',  // Isle of Man: a surname
    'PRATHET',         // Thailand's native "country"
    'TIMOR',           // also Indonesian West Timor
    'EMIRATES',        // the airline
    'CONGO',           // ambiguous: the extra file gives it to COD
    'GUIANA',          // French Guiana's short form: also the Guianas
    'MEXICANOS', 'PORTUGUESA', 'VITI',
    'SAINT MARTIN', 'ST. MARTIN', // the island is split (MAF/SXM)
    'VIRGIN ISLANDS',  // British or U.S.
]);
// Letter codes kept although the sources' 2- and 3-letter codes are not.
const ACRONYMS = new Set(['USA', 'UK', 'UAE', 'DRC']);
// Capitals left out (upper case; a folded form blocks itself only): common
// words, surnames or other better-known places.
const BLOCK_CAPITALS = new Set([
    'HAMILTON', 'DOUGLAS', 'PLYMOUTH', 'JAMESTOWN', 'THE VALLEY', 'SAINT-DENIS',
    'GEORGE TOWN', 'GEORGETOWN', 'STANLEY', 'KINGSTON', 'VICTORIA', 'CITY OF VICTORIA',
    "SAINT JOHN'S", "ST. GEORGE'S", 'THE BOTTOM', 'KING EDWARD POINT', 'WEST ISLAND',
    'CAYENNE', 'SAN JUAN', 'MORONI', 'SUCRE', 'BRUSSELS',
    'SAN JOSE', 'MALE',   // unaccented only: San Jose, California; "male"
    'CITY OF SAN MARINO', 'FLYING FISH COVE',
]);
// The code of a capital as an actor: the plain code of the state or
// territory.  Until round 4 of the error analysis (2026-11-29) capitals were
// the government (XXXGOV); but a capital is as often a place ("protesters in
// Baghdad", "talks in Moscow"), where the engine joins its code to the role
// word's (IRQGOVOPP) or drops an event whose two sides then share a code.
// Measured on the development sets with plain codes: CAMEO dyad-root recall
// +0.008, PLOVER source/target recall +0.013/+0.014, Multi-CoPED penta
// recall +0.003, ConfliBERT specificity +0.03, at PLOVER sector accuracy
// -0.03 ("Beirut rejected" loses GOV) and CAMEO root precision -0.006.
// Seats of power ("the Kremlin", "Downing Street") keep their sector codes.
const capitalCode = code => code;
// Names kept although they are also English words or names (documented).
const KEEP_NOTE = ['Georgia', 'Jordan', 'Chad', 'Turkey', 'China', 'Guinea', 'Niger',
    'Chile', 'Washington', 'Sofia', 'Tripoli (also in Lebanon)', 'Jerusalem (as ISR)'];

// Demonyms left out: shared by a state and its dependencies or by two
// islands (the owner's demonym is kept by the conflict rule), or wrong.
const BLOCK_DEMONYMS = new Set(['CHANNEL ISLANDER', 'VIRGIN ISLANDER', 'ANTARCTICAN',
    'ALANDISH', 'AMERICAN ISLANDER', 'DJIBOUTI', 'GIBRALTAR', 'GUINEA-BISSAUAN',
    'SAINT MARTIN ISLANDER', 'HEARD AND MCDONALD ISLANDER', 'CAPE VERDIAN',
    'MALDIVAN', 'TADZHIK', 'KIRGHIZ', 'ST. MAARTENER', 'TOGOLESE REPUBLIC']);
// Phrases two sources give to two different independent states: the winner.
const PREFER = { CONGOLESE: 'COD', DOMINICAN: 'DOM', DOMINICANS: 'DOM' };
// Demonyms with no English plural in -s.
const NO_PLURAL = new Set(['MALAGASY', 'BURKINABE', 'NI-VANUATU', 'I-KIRIBATI', 'MOTSWANA',
    'MOSOTHO', 'LAO', 'TURKMEN', 'SWISS', 'KIRGHIZ']);

// ---------------------------------------------------------------- text
const MODIFIER = /[\u02B0-\u02FF\u2018\u201C\u201D]/;   // ʻ ʾ etc.: transliterations
function isLatin(s) {
    // Latin letters with diacritics, blanks, . ' - and ’ only
    return /^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'\u2019-]+$/.test(s) && !MODIFIER.test(s);
}
function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
        .replace(/ß/g, 'ss').replace(/[øØ]/g, m => (m === 'ø' ? 'o' : 'O'))
        .replace(/æ/g, 'ae').replace(/Æ/g, 'AE').replace(/ð/g, 'd').replace(/ı/g, 'i')
        .replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
const upAscii = s => s.replace(/[a-z]/g, c => c.toUpperCase());
// The key two phrases share when dyad would match them alike.
const key = s => upAscii(s.replace(/_/g, ' ').replace(/\s+/g, ' ').trim());
const foldKey = s => key(fold(s)).toUpperCase();

// Clean one source name; returns null when it is not usable.
function clean(name) {
    if (!name) return null;
    let s = name.replace(/\u2019/g, "'").replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
    if (!s || s.includes(',') || !isLatin(s)) return null;
    s = s.replace(/^the /i, '');
    if (/^[A-Z]{2,3}$/.test(s) && !ACRONYMS.has(s)) return null;   // "IN", "AS", "RSA"
    return s;
}

// The written variants of a cleaned name: as is, ASCII-folded, all upper
// case (headlines) when it holds accents, and with blanks for hyphens.
function variants(s) {
    const out = new Set([s]);
    const f = fold(s);
    if (f !== s) {
        out.add(f);
        out.add(s.toUpperCase());
    }
    for (const v of [...out]) if (v.includes('-')) out.add(v.replace(/-/g, ' '));
    for (const v of [...out]) {
        if (/^Saint /.test(v)) { out.add(v.replace(/^Saint /, 'St. ')); out.add(v.replace(/^Saint /, 'St ')); }
        if (/^St\. /.test(v)) out.add(v.replace(/^St\. /, 'Saint '));
    }
    return [...out];
}

// A phrase in dictionary form: words joined by '_', ASCII upper-cased,
// a possessive 's split off as dyad's tokenizer does.
function phrase(s) {
    return upAscii(s).replace(/([A-Za-z\u00C0-\u024F])'S\b/g, "$1 'S").split(/\s+/).join('_');
}

function plural(d) {
    const u = foldKey(d);
    const words = u.split(' ');
    const last = words[words.length - 1];
    if (NO_PLURAL.has(u) || NO_PLURAL.has(last)) return null;
    if (/(ESE|SH|CH|SS|S|X|Z)$/.test(last) && last !== 'CZECH') return null;
    return d + 's';
}

// ---------------------------------------------------------------- extra file
// Phrases and codes of the hand-written file (same syntax as the output).
function readExtra(file) {
    const text = fs.readFileSync(file, 'utf8');
    const phrases = new Map(), codes = [];
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/#.*$/, '').trim();
        if (!line) return;
        for (const m of line.matchAll(/\[\s*([^\s\]]+)[^\]]*\]/g)) codes.push({ code: m[1], line: i + 1 });
        if (line.startsWith('[')) return;
        const p = line.replace(/^\+/, '').replace(/\[.*$/, '').trim();
        if (p) phrases.set(key(p), i + 1);
    });
    return { text, phrases, codes };
}

// Write text through h() in lines of at most 76 columns.
function wrap(h, text) {
    let line = '';
    for (const w of text.split(' ')) {
        if (line && (line + ' ' + w).length > 76) { h(line); line = ''; }
        line = line ? line + ' ' + w : w;
    }
    if (line) h(line);
}

// ---------------------------------------------------------------- main
function main() {
    const o = parseArgs(process.argv);
    const iso1 = JSON.parse(fs.readFileSync(path.join(o.isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'];
    const iso3 = JSON.parse(fs.readFileSync(path.join(o.isoDir, 'iso_3166-3.json'), 'utf8'))['3166-3'];
    const wc = JSON.parse(fs.readFileSync(o.wc, 'utf8'));
    const extra = readExtra(o.extra);

    // valid codes
    const current = new Set(iso1.map(c => c.alpha_3));
    const withdrawn = new Map(iso3.map(c => [c.alpha_3, c]));
    const base = new Set([...current, ...withdrawn.keys(), ...CAMEO_EXTRA, ...CAMEO_REGIONS, 'IGO']);
    const validCode = c => {
        if (c === '---') return true;
        if (c.length % 3 || !base.has(c.slice(0, 3))) return false;
        for (let i = 3; i < c.length; i += 3) if (!SECTORS.includes(c.slice(i, i + 3))) return false;
        return true;
    };
    const bad = extra.codes.filter(c => !validCode(c.code));
    if (bad.length) die(`unknown codes in ${o.extra}: ` + bad.map(c => `${c.code} (line ${c.line})`).join(', '));
    const histUsed = [...new Set(extra.codes.map(c => c.code.slice(0, 3)).filter(c => withdrawn.has(c) && !current.has(c)))].sort();

    // per code: what the sources say
    const info = new Map();   // code -> {name, independent, names:[], demonyms:[], capitals:[]}
    const entry = code => {
        if (!info.has(code)) info.set(code, { code, name: null, independent: false, names: [], demonyms: [], capitals: [] });
        return info.get(code);
    };
    for (const c of iso1) {
        const e = entry(CODE_REMAP[c.alpha_3] || c.alpha_3);
        e.name = e.name || c.common_name || c.name;
        e.names.push(['iso', c.name], ['iso', c.official_name], ['iso', c.common_name]);
    }
    for (const c of wc) {
        const e = entry(CODE_REMAP[c.cca3] || c.cca3);
        e.name = c.name.common;
        e.independent = c.independent === true || e.code === 'KSV';
        e.names.push(['wc', c.name.common], ['wc', c.name.official], ...c.altSpellings.map(a => ['wc', a]));
        const dem = (c.demonyms && c.demonyms.eng) || {};
        for (const d of [dem.m, dem.f]) if (d) for (const x of d.split(/, | or /)) e.demonyms.push(x.trim());
        for (const cap of c.capital || []) e.capitals.push(cap);
    }
    const usa = info.get('USA');
    if (usa) usa.capitals = usa.capitals.map(c => c.replace(/ D\.C\.$/, '')).concat(['Washington D.C.', 'Washington DC']);

    // candidates: phrase key -> [{code, text, kind}]
    const cand = new Map();
    const dropped = { extra: 0, blocked: new Set(), conflicts: [] };
    const add = (code, text, kind) => {
        for (const v of variants(text)) {
            const k = key(v), fk = foldKey(v);
            if (extra.phrases.has(k)) { dropped.extra++; continue; }
            // a capital's folded variant can be a blocked word ("Malé" -> MALE)
            if (kind === 'capital' && (BLOCK_CAPITALS.has(k) || BLOCK_NAMES.has(k))) {
                dropped.blocked.add(`${v} (${code} capital)`);
                continue;
            }
            if (!cand.has(k)) cand.set(k, []);
            const l = cand.get(k);
            if (!l.some(x => x.code === code)) l.push({ code, text: v, kind });
            else if (kind === 'name') l.find(x => x.code === code).kind = 'name';
            void fk;
        }
    };
    for (const e of info.values()) {
        for (const [, n] of e.names) {
            const s = clean(n);
            if (!s) continue;
            if (BLOCK_NAMES.has(foldKey(s))) {
                dropped.blocked.add(`${s} (${e.code})`);
                continue;
            }
            add(e.code, s, 'name');
        }
        for (const d0 of e.demonyms) {
            const d = clean(d0);
            if (!d) continue;
            if (BLOCK_DEMONYMS.has(foldKey(d)) || BLOCK_NAMES.has(foldKey(d))) { dropped.blocked.add(`${d} (${e.code} demonym)`); continue; }
            add(e.code, d, 'demonym');
            const p = plural(d);
            if (p) add(e.code, p, 'demonym');
        }
        for (const c0 of e.capitals) {
            const c = clean(c0);
            if (!c) continue;
            // checked also before clean() drops a leading "The" ("The Valley")
            if (BLOCK_CAPITALS.has(key(c)) || BLOCK_NAMES.has(key(c)) || BLOCK_CAPITALS.has(key(c0))) {
                dropped.blocked.add(`${c} (${e.code} capital)`);
                continue;
            }
            for (const v of variants(c)) {
                if (BLOCK_CAPITALS.has(key(v)) || BLOCK_NAMES.has(key(v))) { dropped.blocked.add(`${v} (${e.code} capital)`); continue; }
                add(e.code, v, 'capital');
            }
        }
    }

    // resolve: one code per phrase
    const byCode = new Map();
    for (const [k, l] of [...cand.entries()].sort()) {
        let pick = l;
        if (l.length > 1) {
            const codes = l.map(x => x.code);
            const pref = PREFER[foldKey(k)];
            if (pref && codes.includes(pref)) pick = l.filter(x => x.code === pref);
            else {
                const asName = l.filter(x => x.kind === 'name');
                if (asName.length === 1) pick = asName;          // a country's name over a demonym or capital
                else {
                    const ind = l.filter(x => info.get(x.code).independent);
                    if (ind.length === 1) pick = ind;               // a state over its dependencies
                }
            }
            if (pick.length !== 1) {
                dropped.conflicts.push(`${k}: ${codes.join('/')}`);
                continue;
            }
        }
        const x = pick[0];
        if (!byCode.has(x.code)) byCode.set(x.code, []);
        byCode.get(x.code).push(x);
    }

    // write
    const today = '2026-11-29';
    const out = [];
    const h = s => out.push(s === '' ? '#' : `# ${s}`);
    h('countries.actors - dyad\'s dictionary of countries, territories, historical');
    h('states and regions as CAMEO actors.  GENERATED: do not edit; change');
    h('scripts/dict/countries.js or data/dict/src/countries-extra.txt and run');
    h('scripts/dict/countries.sh.');
    h('');
    h('What it holds: every ISO 3166-1 country and territory under its alpha-3');
    h('code (Kosovo under CAMEO\'s KSV): ISO short, official and common names,');
    h('world-countries\' common and official names and Latin-script alternative');
    h('spellings, English demonyms with their plurals, and capitals as metonyms;');
    h('then, copied from countries-extra.txt, hand-written names and adjectives,');
    h('seats of power with sector codes (the Kremlin RUSGOV, the White House');
    h('USAGOV, the Pentagon USAMIL, ...), CAMEO-specific codes (KSV; PSE for');
    h('Palestine, Gaza and the West Bank), historical states with date limits');
    wrap(h, `(${histUsed.join(', ')} from ISO 3166-3) and CAMEO region codes (WST, EUR, MEA, ...).`);
    h('');
    h('Sources: Debian iso-codes ' + o.isoVersion + ' (iso_3166-1.json, iso_3166-3.json);');
    h(`npm world-countries ${o.wcVersion} (countries.json, ODbL); countries-extra.txt, the`);
    h('authors\' knowledge of political geography and of CAMEO, checked for');
    h(`consistency.  Generated ${today}.`);
    h('');
    h('Format: TABARI/PETRARCH actors as dyad reads them (src/dict/read_actors.c):');
    h('PHRASE [CODE] [CODE DATE]... with words joined by \'_\'; "+PHRASE" lines are');
    h('synonyms sharing the codes of the entry above; dates YYYYMMDD ("<D" before');
    h('D, ">D" after, "D1-D2" inclusive), the first code that applies on the story');
    h('date wins.  Words match whole and case-insensitively for ASCII (plurals are');
    h('listed); a name with accents is also listed folded to ASCII and in capitals');
    h('(dyad upper-cases ASCII only); a possessive \'s is its own word.');
    h('');
    h('Capitals take the plain country code (not XXXGOV): a capital is as often a');
    h('place ("protesters in Baghdad") as the government ("Moscow demanded"), and');
    h('the seats of power (the Kremlin RUSGOV, ...) carry the government codes.');
    h('');
    h('Ambiguity decisions: no bare "US" (it matches the pronoun "us"): U.S.,');
    h('U.S.A., USA, America and United States instead.  Kept although also');
    wrap(h, `other words or places: ${KEEP_NOTE.join(', ')}.`);
    h('"Congo" and "Congolese" are the DRC (COD); "Dominican(s)" the Dominican');
    h('Republic; "Korea(n)" South Korea; "Brussels" the EU (IGOEUREEC); "the West"');
    h('may also catch "the west of ...".  Left out:');
    const blocked = [...dropped.blocked].sort();
    let line = '';
    for (const b of blocked) {
        if ((line + b).length > 74) { h(line.trim()); line = ''; }
        line += b + '; ';
    }
    if (line) h(line.trim());
    if (dropped.conflicts.length) {
        wrap(h, 'Names two territories share, left out: ' + dropped.conflicts.map(c => c.split(':')[0]).join('; ') + '.');
    }
    out.push('');

    const codes = [...byCode.keys()].sort();
    let nphr = 0;
    for (const code of codes) {
        const e = info.get(code);
        const l = byCode.get(code);
        const order = { name: 0, demonym: 1, capital: 2 };
        l.sort((a, b) => order[a.kind] - order[b.kind] || (a.kind === 'name' && b.kind === 'name'
            ? (key(a.text) === key(e.name) ? -1 : key(b.text) === key(e.name) ? 1 : 0) : 0) ||
            a.text.localeCompare(b.text));
        out.push(`# ${e.name}${e.independent ? '' : ' (territory)'}`);
        // names and demonyms: the country; capitals: its government (a capital
        // named as an actor is nearly always the government: "Moscow demanded")
        const names = l.filter(x => x.kind !== 'capital'), caps = l.filter(x => x.kind === 'capital');
        names.forEach((x, i) => {
            out.push(i === 0 ? `${phrase(x.text)} [${code}]` : `+${phrase(x.text)}`);
            nphr++;
        });
        caps.forEach((x, i) => {
            out.push(i === 0 ? `${phrase(x.text)} [${capitalCode(code)}]` : `+${phrase(x.text)}`);
            nphr++;
        });
    }
    out.push('');
    out.push('# ===========================================================================');
    out.push('# Copied from data/dict/src/countries-extra.txt');
    out.push('# ===========================================================================');
    out.push(extra.text.replace(/\s+$/, ''));
    out.push('');
    fs.writeFileSync(o.out, out.join('\n'));
    process.stderr.write(`countries.js: ${codes.length} codes, ${nphr} generated phrases, ` +
        `${extra.phrases.size} hand-written phrases, ${dropped.extra} generated variants left to the extra file, ` +
        `${dropped.blocked.size} blocked, ${dropped.conflicts.length} conflicts dropped -> ${o.out}\n`);
    for (const c of dropped.conflicts) process.stderr.write(`  conflict dropped: ${c}\n`);
}

main();
