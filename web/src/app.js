// app.js — the tidings web page: views over the JSON API of `tidings serve`
// (docs/API.md). Plain DOM and SVG; the only libraries are topojson-client
// (world map) and the Natural Earth data of world-atlas, bundled offline.
// Text from the store is always inserted as text nodes, never as HTML.
import { feature } from 'topojson-client';

const $ = (sel) => document.querySelector(sel);
const SVGNS = 'http://www.w3.org/2000/svg';

function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (v !== null && v !== undefined) el.setAttribute(k, v);
  }
  for (const kid of kids.flat(Infinity)) if (kid !== null && kid !== undefined && kid !== false)
    el.append(kid instanceof Node ? kid : String(kid));
  return el;
}
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const kid of kids.flat(Infinity)) if (kid) el.append(kid instanceof Node ? kid : String(kid));
  return el;
}
function status(msg, err) {
  const st = $('#status');
  st.textContent = msg || '';
  st.className = err ? 'error' : '';
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  const url = '/api/' + path + (q.toString() ? '?' + q : '');
  status('loading ' + path + '…');
  const r = await fetch(url);
  const j = await r.json();
  if (!r.ok) {
    status(j.error ? j.error.message : r.statusText, true);
    throw new Error(j.error ? j.error.message : r.statusText);
  }
  status(j.total !== undefined ? `${path}: ${j.items.length} of ${j.total}` : '');
  return j;
}

function filters() {
  const f = {};
  for (const el of $('#filters').elements) if (el.name && el.value.trim()) f[el.name] = el.value.trim();
  return f;
}
function pick(f, names) {
  const o = {};
  for (const n of names) if (f[n]) o[n] = f[n];
  return o;
}

const QUAD = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
function legend() {
  return h('div', { class: 'legend' }, QUAD.slice(1).map((t, i) => [h('span', { class: 'q' + (i + 1) }), t]));
}
function eventDay(e) { return e.date || e.first_seen || (e.mention && e.mention.date) || e.day || null; }
function actorLabel(name, code, entity) { return name || code || entity || '?'; }
function articleLink(doc, hl, label) {
  return h('a', { href: '#/article/' + encodeURIComponent(doc) + (hl ? '/' + hl : '') }, label);
}

// ---- timeline ----
async function viewTimeline(root, f) {
  const j = await api('events', { limit: 500, ...pick(f, ['actor', 'root', 'modality', 'since', 'until']) });
  const ev = j.items.filter((e) => eventDay(e));
  const W = 960, H = 320, P = 40;
  const days = ev.map((e) => Date.parse(eventDay(e).padEnd(10, '-01').slice(0, 10)));
  const lo = Math.min(...days), hi = Math.max(...days);
  const span = hi > lo ? hi - lo : 86400000;
  const x = (t) => P + ((t - lo + span * 0.05) / (span * 1.1)) * (W - 2 * P);
  const y = (g) => H / 2 - ((g || 0) / 10) * (H / 2 - P);
  const g = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, id: 'timeline' });
  g.append(s('line', { x1: P, x2: W - P, y1: H / 2, y2: H / 2, stroke: '#bbb' }));
  g.append(s('text', { x: 4, y: P - 10 }, 'Goldstein +10'), s('text', { x: 4, y: H - P + 20 }, '−10'));
  if (ev.length) {
    g.append(s('text', { x: P, y: H - 6 }, new Date(lo).toISOString().slice(0, 10)));
    g.append(s('text', { x: W - P - 70, y: H - 6 }, new Date(hi).toISOString().slice(0, 10)));
  }
  ev.forEach((e, i) => {
    const c = s('circle', { cx: x(days[i]) + ((i * 7) % 11) - 5, cy: y(e.goldstein), r: 3 + Math.min(6, e.num_mentions || 1),
      class: 'q' + e.quad + ' ev', 'data-id': e.id },
      s('title', {}, `${eventDay(e)} ${actorLabel(e.source_name, e.source_code)} → ${actorLabel(e.target_name, e.target_code)} (CAMEO ${e.cameo})`));
    c.addEventListener('click', () => { if (e.mention) location.hash = `#/article/${e.mention.doc_key}/events:${e.mention.eid}`; });
    g.append(c);
  });
  root.append(legend(), g, eventTable(j.items));
}
function eventTable(items) {
  return h('table', { id: 'events' }, h('tr', {}, ['date', 'source', 'event', 'target', 'mentions', 'article'].map((t) => h('th', {}, t))),
    items.map((e) => h('tr', { class: 'click', on: { click: () => e.mention && (location.hash = `#/article/${e.mention.doc_key}/events:${e.mention.eid}`) } },
      h('td', {}, eventDay(e) || ''), h('td', {}, actorLabel(e.source_name, e.source_code, e.source_entity)),
      h('td', {}, h('span', { class: 'kind q' + e.quad }, ' '), `${e.cameo} ${e.mention ? e.mention.verb || '' : ''} ${e.mention && e.mention.modality !== 'actual' ? '(' + e.mention.modality + ')' : ''}`),
      h('td', {}, actorLabel(e.target_name, e.target_code, e.target_entity)), h('td', {}, e.num_mentions),
      h('td', {}, e.mention ? e.mention.title || e.mention.doc_key.slice(0, 8) : ''))));
}

// ---- actor network ----
async function viewNetwork(root, f) {
  const j = await api('events', { limit: 500, ...pick(f, ['actor', 'root', 'modality', 'since', 'until']) });
  const nodes = new Map(), edges = new Map();
  const node = (id, name) => {
    if (!nodes.has(id)) nodes.set(id, { id, name: name || id, x: Math.random() * 600 + 180, y: Math.random() * 400 + 50, vx: 0, vy: 0, w: 0 });
    return nodes.get(id);
  };
  for (const e of j.items) {
    const a = e.source_entity || e.source_code, b = e.target_entity || e.target_code;
    if (!a || !b || a === b) continue;
    node(a, e.source_name || e.source_code).w++;
    node(b, e.target_name || e.target_code).w++;
    const k = a + '\u0001' + b;
    const ed = edges.get(k) || { a, b, n: 0, coop: 0 };
    ed.n += e.num_mentions || 1;
    if (e.quad <= 2) ed.coop += e.num_mentions || 1;
    edges.set(k, ed);
  }
  const N = [...nodes.values()], E = [...edges.values()];
  const W = 960, H = 560;
  for (let it = 0; it < 300; it++) { // a small force layout: repulsion, springs, gravity
    for (const p of N) for (const q of N) if (p !== q) {
      const dx = p.x - q.x, dy = p.y - q.y, d2 = dx * dx + dy * dy + 0.01;
      p.vx += (dx / d2) * 800; p.vy += (dy / d2) * 800;
    }
    for (const e of E) {
      const p = nodes.get(e.a), q = nodes.get(e.b), dx = q.x - p.x, dy = q.y - p.y;
      p.vx += dx * 0.01; p.vy += dy * 0.01; q.vx -= dx * 0.01; q.vy -= dy * 0.01;
    }
    for (const p of N) {
      p.vx += (W / 2 - p.x) * 0.005; p.vy += (H / 2 - p.y) * 0.005;
      p.x = Math.max(20, Math.min(W - 20, p.x + p.vx * 0.5)); p.y = Math.max(20, Math.min(H - 20, p.y + p.vy * 0.5));
      p.vx *= 0.6; p.vy *= 0.6;
    }
  }
  const g = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, id: 'network' });
  for (const e of E) {
    const p = nodes.get(e.a), q = nodes.get(e.b);
    g.append(s('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, 'stroke-width': Math.min(8, 1 + Math.log2(e.n + 1)),
      stroke: e.coop * 2 >= e.n ? '#2b8a3e' : '#c92a2a', 'stroke-opacity': 0.6 },
      s('title', {}, `${p.name} → ${q.name}: ${e.n} event mention(s), ${e.coop} cooperative`)));
  }
  for (const p of N) {
    const c = s('g', { class: 'node' }, s('circle', { cx: p.x, cy: p.y, r: 4 + Math.min(10, p.w), fill: '#1971c2' }),
      s('text', { x: p.x + 8, y: p.y + 4 }, p.name));
    c.addEventListener('click', () => { $('#filters').elements.actor.value = p.id; go('timeline'); });
    g.append(c);
  }
  root.append(h('p', {}, 'Who acts on whom: edge width = events, green = cooperation, red = conflict. Click an actor to filter the timeline.'), g);
}

// ---- map ----
let world = null;
async function viewMap(root, f) {
  if (!world) world = await (await fetch('/dist/countries-110m.json')).json();
  const [places, events] = await Promise.all([api('places', { limit: 500 }),
    api('events', { limit: 500, ...pick(f, ['actor', 'root', 'modality', 'since', 'until']) })]);
  const W = 960, H = 480;
  const px = (lon) => ((lon + 180) / 360) * W, py = (lat) => ((90 - lat) / 180) * H;
  const g = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, id: 'map' });
  const land = feature(world, world.objects.countries);
  for (const c of land.features) {
    const polys = c.geometry ? (c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates) : [];
    let d = '';
    for (const poly of polys) for (const ring of poly) {
      let prev = null;
      ring.forEach(([lon, lat], i) => {
        const jump = prev !== null && Math.abs(lon - prev) > 180; // antimeridian: start a new piece
        d += (i === 0 || jump ? 'M' : 'L') + px(lon).toFixed(1) + ',' + py(lat).toFixed(1);
        prev = lon;
      });
      d += 'Z';
    }
    g.append(s('path', { d, class: 'land' }, s('title', {}, c.properties.name)));
  }
  for (const p of places.items) if (p.lat !== null && p.lon !== null)
    g.append(s('circle', { cx: px(p.lon), cy: py(p.lat), r: 2 + Math.min(6, p.num_articles), class: 'marker-article', 'data-name': p.name },
      s('title', {}, `${p.name}: ${p.num_articles} article(s), ${p.num_mentions} mention(s)`)));
  for (const e of events.items) {
    const m = e.mention;
    if (!m || m.lat === null || m.lat === undefined) continue;
    const c = s('circle', { cx: px(m.lon) + 2, cy: py(m.lat) + 2, r: 3, class: 'marker-event', 'data-name': m.place },
      s('title', {}, `${m.place}: ${e.cameo} ${actorLabel(e.source_name, e.source_code)} → ${actorLabel(e.target_name, e.target_code)}`));
    c.addEventListener('click', () => { location.hash = `#/article/${m.doc_key}/events:${m.eid}`; });
    g.append(c);
  }
  root.append(h('p', {}, 'Blue: places named in articles (size = articles). Red: places of events. Natural Earth 1:110m.'), g);
}

// ---- quotations ----
async function viewQuotes(root, f) {
  const j = await api('quotes', { limit: 500, ...pick(f, ['actor', 'since', 'until']), ...(f.q ? { text: f.q } : {}), ...(f.speaker ? { speaker: f.speaker } : {}) });
  const by = new Map();
  for (const q of j.items) {
    const k = q.speaker_name || q.speaker_text || 'unattributed';
    if (!by.has(k)) by.set(k, []);
    by.get(k).push(q);
  }
  const groups = [...by.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [who, qs] of groups) {
    root.append(h('div', { class: 'speaker' }, `${who} (${qs.length})`));
    for (const q of qs) root.append(h('blockquote', { class: 'quote', 'data-doc': q.doc_key, on: { click: () => { location.hash = `#/article/${q.doc_key}/quotes:${q.id}`; } } },
      '“' + q.text + '” ', h('span', { class: 'kind' }, `${q.cue || ''} · ${q.source || ''} ${q.date || ''}`)));
  }
}

// ---- claims ----
async function viewClaims(root, f) {
  const j = await api('claims', { limit: 500, ...pick(f, ['actor', 'since', 'until']) });
  const by = new Map();
  for (const c of j.items) { if (!by.has(c.group_key)) by.set(c.group_key, []); by.get(c.group_key).push(c); }
  const groups = [...by.values()].sort((a, b) => b.length - a.length);
  for (const cs of groups) {
    const dis = cs.some((c) => c.disagrees > 0), agr = cs.some((c) => c.agrees > 0);
    const c0 = cs[0];
    root.append(h('div', { class: 'group' + (dis ? ' disagree' : agr ? ' agree' : '') },
      h('b', {}, `${c0.measure || 'quantity'}${c0.subject ? ' · ' + c0.subject : ''}${c0.frame ? ' · ' + c0.frame : ''} `),
      dis ? h('span', { class: 'rel-disagree' }, 'claimants disagree') : agr ? h('span', { class: 'rel-agree' }, 'claimants agree') : '',
      h('table', {}, cs.map((c) => h('tr', { class: 'click', on: { click: () => { location.hash = `#/article/${c.doc_key}/quantities:${c.nid}`; } } },
        h('td', {}, c.text || c.value), h('td', {}, c.status || ''), h('td', {}, c.claimant_text || c.claimant || '—'),
        h('td', {}, (c.relations || []).map((r) => h('span', { class: 'rel-' + String(r.relation).replace(/s$/, '') }, r.relation + ' '))),
        h('td', {}, `${c.source || ''} ${c.date || ''}`))))));
  }
}

// ---- stories ----
async function viewStories(root, f) {
  const j = await api('stories', { limit: 100, ...pick(f, ['since', 'until']) });
  for (const st of j.items) root.append(h('div', { class: 'group' },
    h('b', {}, st.title || st.id.slice(0, 12)), ` — ${st.num_articles} article(s), ${st.first_date || '?'} … ${st.last_date || '?'}`,
    h('div', {}, h('span', { class: 'kind' }, 'actors'), st.top_actors || ''),
    h('div', {}, h('span', { class: 'kind' }, 'places'), st.top_places || ''),
    h('ul', {}, (st.articles || []).map((a) => h('li', {}, articleLink(a.id, null, a.title || a.id.slice(0, 12)), ` ${a.source || ''} ${a.date || ''}`)))));
}

// ---- articles ----
async function viewArticles(root, f) {
  const j = f.q ? await api('search', { q: f.q, limit: 200 }) : await api('articles', { limit: 200, ...pick(f, ['actor', 'since', 'until']) });
  root.append(h('table', {}, h('tr', {}, h('th', {}, 'date'), h('th', {}, 'source'), h('th', {}, 'title')),
    j.items.map((a) => h('tr', {}, h('td', {}, a.date || ''), h('td', {}, a.source || ''),
      h('td', {}, articleLink(a.id, null, a.title || a.doc_id || a.id.slice(0, 12)), a.snippet ? h('div', { class: 'kind' }, a.snippet) : null)))));
}

// One article: its text by sentence and every fact; clicking a fact
// highlights its sentence and its span. Spans are code-point offsets.
async function viewArticle(root, id, hl) {
  const j = await api('articles/' + encodeURIComponent(id));
  const a = j.article, ann = j.annotations;
  const cps = Array.from(a.text);
  const text = h('div', { class: 'text', id: 'article-text' });
  const sents = ann.sentences.length ? ann.sentences : [{ idx: 0, start: 0, end: cps.length }];
  const sentEls = [];
  let pos = 0;
  for (const st of sents) {
    if (st.start > pos) text.append(cps.slice(pos, st.start).join(''));
    const el = h('span', { class: 'sent', 'data-idx': st.idx }, cps.slice(st.start, st.end).join(''));
    sentEls.push({ st, el });
    text.append(el);
    pos = st.end;
  }
  if (pos < cps.length) text.append(cps.slice(pos).join(''));

  function highlight(start, end, factEl) {
    for (const { st, el } of sentEls) {
      el.classList.remove('sent-on');
      el.textContent = cps.slice(st.start, st.end).join('');
      if (start >= st.start && start < st.end) {
        el.classList.add('sent-on');
        const e = Math.min(end, st.end);
        el.textContent = '';
        el.append(cps.slice(st.start, start).join(''), h('mark', {}, cps.slice(start, e).join('')), cps.slice(e, st.end).join(''));
        el.scrollIntoView({ block: 'center' });
      }
    }
    for (const x of document.querySelectorAll('.fact.on')) x.classList.remove('on');
    if (factEl) factEl.classList.add('on');
  }

  const facts = h('div', { class: 'facts' });
  const add = (layer, id2, start, end, label) => {
    if (start === null || start === undefined) return;
    const el = h('div', { class: 'fact', 'data-key': layer + ':' + id2 }, h('span', { class: 'kind' }, layer), label);
    el.addEventListener('click', () => highlight(start, end, el));
    facts.append(el);
  };
  for (const q of ann.quotes) add('quotes', q.id, q.start, q.end, `${q.speaker_text || '?'}: “${q.text}”`);
  for (const e of ann.events) add('events', e.id, e.start, e.end, `${e.cameo} ${e.source_code || '?'} → ${e.target_code || '?'} (${e.verb || ''}, ${e.modality || ''})`);
  for (const n of ann.quantities) add('quantities', n.id, n.start, n.end, `${n.text} [${n.measure || ''}, ${n.status || ''}]`);
  for (const t of ann.times) add('times', t.id, t.start, t.end, `${t.text} = ${t.value}`);
  for (const p of ann.places) for (const m of p.mentions || []) add('places', p.id, m[0], m[1], `${p.name} ${p.country || ''}`);
  for (const ac of ann.actors) for (const m of ac.mentions || []) add('actors', ac.id, m[0], m[1], `${ac.name} ${ac.code || ''}`);

  root.append(h('h2', {}, a.title || a.doc_id), h('p', {}, `${a.source || ''} · ${a.date || ''} · ${a.url || ''}`),
    h('div', { class: 'article' }, text, facts));
  if (hl) {
    const el = facts.querySelector(`[data-key="${CSS.escape(hl)}"]`);
    if (el) el.click();
  }
}

// ---- routing ----
const views = { timeline: viewTimeline, network: viewNetwork, map: viewMap, quotes: viewQuotes,
  claims: viewClaims, stories: viewStories, articles: viewArticles };
function go(v) { location.hash = '#/' + v; route(); }
async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const root = $('#view');
  root.textContent = '';
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('on', b.dataset.view === parts[0]);
  try {
    if (parts[0] === 'article' && parts[1]) await viewArticle(root, parts[1], parts[2]);
    else await (views[parts[0]] || viewTimeline)(root, filters());
  } catch (e) {
    root.append(h('p', { class: 'error' }, String(e.message || e)));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => go(b.dataset.view));
  $('#filters').addEventListener('submit', (e) => { e.preventDefault(); route(); });
  window.addEventListener('hashchange', route);
  route();
});
