// bench_peers.mjs — the peers of issue 11 over the same corpus as
// `make bench`, one core (node runs JavaScript on one thread), medians of
// RUNS passes: wink-nlp with its English model (tokens, POS, entities,
// sentences), compromise (people, places, organizations, quotations) and
// chrono-node (dates). Prints one line per peer: MB/s of article text by
// CPU (user+system) time and by wall time, articles/s, and what it found,
// so that tools/bench.sh can set them beside `tidings extract --threads 1`.
//
//   node tools/bench_peers.mjs [CORPUS] [RUNS] [--tidings MBPS]
//   node tools/bench_peers.mjs [CORPUS] --serve PEER [--split K]   (one pass a stdin line)
//
// (defaults ../shared/data/bench/bbc, 3). With --tidings, the MB/s per core
// (CPU time) of `tidings extract --threads 1` on the same corpus, each line
// also says how many times faster tidings is. tools/bench.sh runs it under
// `node --single-threaded` so that V8's helper threads add no CPU time.
//
// The peers are pinned devDependencies (package.json); a peer that is not
// installed is reported as skipped, and the script exits 0.
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
let tidings = 0;
const ti = args.indexOf("--tidings");
if (ti >= 0) {
  tidings = parseFloat(args[ti + 1]) || 0;
  args.splice(ti, 2);
}
// --serve PEER: set PEER up, warm it with one untimed pass over the corpus,
// print "ready MB", then time one pass for each line read on stdin and
// print "CPU-seconds wall-seconds items" (tools/bench.sh alternates these
// passes with runs of tidings, so that both see the same machine). With
// --split K the warm-up pass reads the first K articles (in the order of
// the walk below: names sorted at each level) and the timed passes the
// rest, whose MB "ready" prints.
let serve = "";
let split = -1;
const si = args.indexOf("--serve");
if (si >= 0) {
  serve = args[si + 1] || "wink-nlp";
  args.splice(si, 2);
}
const sp = args.indexOf("--split");
if (sp >= 0) {
  split = parseInt(args[sp + 1], 10);
  args.splice(sp, 2);
}
const corpus = args[0] || "../shared/data/bench/bbc";
const runs = Math.max(1, parseInt(args[1] || "3", 10));

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else if (name.endsWith(".txt")) out.push(p);
  }
  return out;
}

let texts;
try {
  texts = walk(corpus).map((p) => readFileSync(p, "utf8"));
} catch (e) {
  console.log(`peers: ${corpus} not readable, skipped`);
  process.exit(0);
}
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, "utf8"), 0);
const mb = bytes / 1e6;

function load(name) {
  try {
    return require(name);
  } catch {
    return null;
  }
}

// Each peer: a setup (load and warm up, not timed) and a per-article
// function returning how many items it found.
const peers = [
  {
    name: "wink-nlp",
    what: "tokens, POS, entities, sentences",
    setup() {
      const winkNLP = load("wink-nlp");
      const model = load("wink-eng-lite-web-model");
      if (!winkNLP || !model) return null;
      const nlp = winkNLP(model);
      const its = nlp.its;
      return (text) => {
        const doc = nlp.readDoc(text);
        const pos = doc.tokens().out(its.pos);
        const ents = doc.entities().out(its.detail);
        const sents = doc.sentences().out();
        return pos.length + ents.length + sents.length;
      };
    },
  },
  {
    name: "compromise",
    what: "people, places, organizations, quotations",
    setup() {
      const m = load("compromise");
      if (!m) return null;
      const nlp = m.default || m;
      return (text) => {
        const doc = nlp(text);
        return (
          doc.people().out("array").length +
          doc.places().out("array").length +
          doc.organizations().out("array").length +
          doc.quotations().out("array").length
        );
      };
    },
  },
  {
    name: "chrono-node",
    what: "dates",
    setup() {
      const chrono = load("chrono-node");
      if (!chrono) return null;
      const ref = new Date(2005, 0, 1);
      return (text) => chrono.parse(text, ref).length;
    },
  },
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function pass(fn, part = texts) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let found = 0;
  for (const t of part) found += fn(t);
  const c = process.cpuUsage(c0);
  return [(c.user + c.system) / 1e6, Number(process.hrtime.bigint() - t0) / 1e9, found];
}

if (serve) {
  const peer = peers.find((p) => p.name === serve);
  const fn = peer && peer.setup();
  if (!fn) {
    console.log(`skipped ${serve} not installed`);
    process.exit(0);
  }
  const k = split >= 0 && split < texts.length ? split : 0;
  const warm = k ? texts.slice(0, k) : texts, timed = k ? texts.slice(k) : texts;
  pass(fn, warm); // warm-up: the passes timed below are in the steady state
  const tmb = timed.reduce((s, t) => s + Buffer.byteLength(t, "utf8"), 0) / 1e6;
  console.log(`ready ${tmb.toFixed(3)}`);
  const { createInterface } = await import("node:readline");
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === "") break;
    const [cpu, wall, found] = pass(fn, timed);
    console.log(`${cpu.toFixed(4)} ${wall.toFixed(4)} ${found}`);
  }
  process.exit(0);
}

console.log(`peers (node ${process.version}, one core, median of ${runs}): ${texts.length} articles, ${mb.toFixed(2)} MB`);
for (const peer of peers) {
  const fn = peer.setup();
  if (!fn) {
    console.log(`  ${peer.name.padEnd(12)} not installed (npm ci), skipped`);
    continue;
  }
  for (let i = 0; i < Math.min(20, texts.length); i++) fn(texts[i]); // warm-up
  const cpu = [], wall = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    const [c, w, n] = pass(fn);
    cpu.push(c), wall.push(w), (found = n);
  }
  const mc = median(cpu), mw = median(wall);
  console.log(
    `  ${peer.name.padEnd(12)} ${(mb / mc).toFixed(2).padStart(7)} MB/s CPU ${(mb / mw).toFixed(2).padStart(7)} MB/s wall` +
      `  ${(texts.length / mc).toFixed(1).padStart(8)} articles/s  ${mc.toFixed(2)} s CPU  (${peer.what}: ${found} items)` +
      (tidings > 0 ? `  tidings ${(tidings / (mb / mc)).toFixed(2)}x` : "")
  );
}
