// fold.js - the normalised key of a place name, shared by the gazetteer
// generator (gazetteer.js: the key column) and the generator of the C fold
// table (fold_table.js -> src/places/fold_table.c), so that the key the C
// loader computes for a query is the key the file holds.
//
// The key: ASCII letters lower-cased; Latin letters with diacritics
// (U+00C0-U+024F, U+1E00-U+1EFF) folded to their ASCII base ('é' -> 'e',
// 'ß' -> 'ss', 'Ł' -> 'l'); periods and apostrophes dropped ("St. Louis" ->
// "st louis", "N'Djamena" -> "ndjamena"); spaces, hyphens, dashes, commas,
// slashes, parentheses, tabs, line ends and no-break spaces one space, none at the ends; every other
// character kept as it is (a Cyrillic name is its own key).
'use strict';

// Letters NFD does not decompose into an ASCII base.
const SPECIAL = {
    'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o',
    'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'ł': 'l', 'Ł': 'l', 'ı': 'i', 'þ': 'th',
    'Þ': 'th', 'ħ': 'h', 'Ħ': 'h', 'ŋ': 'n', 'Ŋ': 'n', 'ŀ': 'l', 'Ŀ': 'l', 'ĸ': 'k',
    'ƒ': 'f', 'ƀ': 'b', 'Ɓ': 'b', 'ƈ': 'c', 'Ƈ': 'c', 'Ɗ': 'd', 'ƌ': 'd', 'ɖ': 'd',
    'Ɨ': 'i', 'ɨ': 'i', 'ƙ': 'k', 'Ƙ': 'k', 'ƚ': 'l', 'Ɲ': 'n', 'ƞ': 'n', 'Ƥ': 'p',
    'ƥ': 'p', 'ƫ': 't', 'Ƭ': 't', 'ƭ': 't', 'Ʈ': 't', 'Ʋ': 'v', 'Ƴ': 'y', 'ƴ': 'y',
    'Ƶ': 'z', 'ƶ': 'z', 'ȡ': 'd', 'ȴ': 'l', 'ȵ': 'n', 'ȶ': 't', 'ȷ': 'j', 'Ⱥ': 'a',
    'Ȼ': 'c', 'ȼ': 'c', 'Ƚ': 'l', 'Ⱦ': 't', 'ȿ': 's', 'ɀ': 'z', 'Ƀ': 'b', 'Ʉ': 'u',
    'Ɇ': 'e', 'ɇ': 'e', 'Ɉ': 'j', 'ɉ': 'j', 'Ɋ': 'q', 'ɋ': 'q', 'Ɍ': 'r', 'ɍ': 'r',
    'Ɏ': 'y', 'ɏ': 'y', 'Ǳ': 'dz', 'ǲ': 'dz', 'ǳ': 'dz', 'Ǆ': 'dz', 'ǅ': 'dz', 'ǆ': 'dz',
    'Ǉ': 'lj', 'ǈ': 'lj', 'ǉ': 'lj', 'Ǌ': 'nj', 'ǋ': 'nj', 'ǌ': 'nj', 'Ĳ': 'ij', 'ĳ': 'ij',
    'ǝ': 'e', 'Ǝ': 'e', 'Ə': 'e', 'ə': 'e', 'Ɛ': 'e', 'Ɔ': 'o',
};
const DROP = new Set(['.', "'", '\u2019', '\u2018', '\u02bb', '\u02bc', '`']);
const SEP = /[ \t\n\r\u00a0\-\u2010-\u2015,/()]/;

function inTable(cp) {
    return (cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x1e00 && cp <= 0x1eff);
}

// The ASCII fold of one character of the table's ranges, or null when it
// has none (the character is then kept as it is).
function foldChar(ch) {
    const cp = ch.codePointAt(0);
    if (!inTable(cp)) return null;
    if (SPECIAL[ch]) return SPECIAL[ch];
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (/^[A-Za-z]+$/.test(base)) return base.toLowerCase();
    return null;
}

function key(name) {
    let out = '', sep = false;
    for (const ch of name) {
        let piece;
        if (DROP.has(ch)) continue;
        if (SEP.test(ch)) { sep = out.length > 0; continue; }
        const cp = ch.codePointAt(0);
        if (cp < 0x80) piece = ch.toLowerCase();
        else piece = foldChar(ch) || ch;
        if (sep) { out += ' '; sep = false; }
        out += piece;
    }
    return out;
}

module.exports = { key, foldChar, inTable };
