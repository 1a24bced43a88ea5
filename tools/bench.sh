#!/bin/sh
# bench.sh — `make bench`: throughput of `tidings extract` over the BBC
# benchmark corpus (../shared/data/bench/bbc, skipped when absent): MB/s and
# articles/s on 1 thread and on all cores (by wall and by CPU time), peak
# RSS, start-up time; the CPU cost of each pipeline stage against a plain
# tokenizer (TIDINGS_TIMINGS=1, see src/engine.c); the tagger's and the
# parser's tokens/s on UD English EWT; the peers of issue 11 (wink-nlp,
# compromise, chrono-node: tools/bench_peers.mjs, skipped without node or
# node_modules); then the knowledge base.
T=${TIDINGS:-build/tidings}
DATA=${DATA:-../shared/data}
corpus="$DATA/bench/bbc"
if [ ! -d "$corpus" ]; then
  echo "bench: $corpus not found, skipped"
  exit 0
fi
cpufile=$(mktemp)
trap 'rm -f "$cpufile"' EXIT
python3 - "$T" "$corpus" "$cpufile" <<'PY'
import os, subprocess, sys, time, resource
T, corpus, cpufile = sys.argv[1], sys.argv[2], sys.argv[3]
files = [os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt")]
mb = sum(os.path.getsize(f) for f in files) / 1e6
def run(args):
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([T, "extract", "--quiet", *args, corpus], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss = after.ru_maxrss / 1024
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return dt, rss, p.returncode, p.stderr.count("\n"), cpu
print(f"corpus: {len(files)} articles, {mb:.2f} MB")
ncpu = os.cpu_count() or 1
base = None
ex = {}
for n in sorted({1, 2, ncpu}):
    rs = [run(["--threads", str(n)]) for _ in range(3)]
    dt, rss, rc, errs, _ = min(rs, key=lambda r: r[0])
    cpu = sorted(r[4] for r in rs)[1]  # median CPU time: steady on a loaded machine
    ex[n] = (dt, cpu)
    if n == 1:
        base = dt
        open(cpufile, "w").write(f"{mb/cpu:.3f}\n")
    eff = base / dt / n * 100 if base else 100
    print(f"extract --threads {n:<3} {mb/dt:7.2f} MB/s  {len(files)/dt:8.1f} articles/s"
          f"  {dt:6.2f} s  parallel efficiency {eff:5.1f}%  peak RSS {rss:6.1f} MB  errors {errs}"
          f"  | CPU {cpu:6.2f} s = {mb/cpu:5.2f} MB/s per CPU-second")
# ingest (issue 11: the same figures for ingest; issue 9: against extract's),
# each run into a new store, best of 3 as extract's
import tempfile, shutil
def ingest_run(n):
    tmp = tempfile.mkdtemp(prefix="tidings-bench-ingest-")
    try:
        t0 = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run([T, "ingest", "--quiet", "--threads", str(n), "--db",
                            os.path.join(tmp, "kb.db"), corpus],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        shutil.rmtree(tmp, True)
    return dt, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
for n in sorted({1, 2, ncpu}):
    rs = [ingest_run(n) for _ in range(3)]
    dt = min(r[0] for r in rs)
    cpu = sorted(r[1] for r in rs)[1]
    if n == 1:
        ibase = dt
    eff = ibase / dt / n * 100
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"ingest  --threads {n:<3} {mb/dt:7.2f} MB/s  {len(files)/dt:8.1f} articles/s"
          f"  {dt:6.2f} s  parallel efficiency {eff:5.1f}%  peak RSS {after.ru_maxrss/1024:6.1f} MB"
          f"  | CPU {cpu:6.2f} s = {mb/cpu:5.2f} MB/s per CPU-second"
          f"  | {ex[n][0]/dt*100:4.0f}% of extract's MB/s (wall), {ex[n][1]/cpu*100:4.0f}% (CPU)")
# start-up: one tiny document, best of 10
tiny = "/tmp/tidings-bench-tiny.txt"
open(tiny, "w").write("Officials met on Monday.\n")
best = 1e9
for _ in range(10):
    t0 = time.perf_counter()
    subprocess.run([T, "extract", "--quiet", tiny], stdout=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - t0)
print(f"start-up (one tiny article, best of 10): {best*1000:.1f} ms")
# Sixteen threads on fewer cores (issue 11's 16-core target, where no such
# machine is at hand): what the threads cost beyond their share of the work
# (caches and memory each thread fills, waking) is CPU time that a 16-core
# machine pays too. With start-up as serial time, it gives an estimate of
# the efficiency such a machine would reach: a model, not a measurement
# (16 threads on fewer cores also pay for sharing them, which a 16-core
# machine does not; memory bandwidth shared by 16 cores, which this cannot
# see, costs there).
if ncpu < 16:
    cpu16 = sorted(run(["--threads", "16"])[4] for _ in range(3))[1]
    cpu1 = ex[1][1]
    per = (cpu16 - cpu1) / 15
    est = cpu1 / (16 * best + (cpu16 - best)) * 100  # T1 / (16 x (s + (CPU16 - s) / 16))
    print(f"extract --threads 16 on {ncpu} cores: CPU {cpu16:.2f} s against {cpu1:.2f} s on one:"
          f" {per*1000:.1f} ms per added thread; with start-up serial and the rest split evenly,"
          f" a 16-core machine would reach about {est:.0f}% parallel efficiency (a model)")
PY

# ---- per-stage CPU cost (issue 11; src/engine.c) --------------------------
# one thread; each stage's CPU seconds, share, MB/s and cost as a multiple
# of a plain C tokenizer over the same text ("x floor")
echo "stages (extract --threads 1, TIDINGS_TIMINGS=1):"
TIDINGS_TIMINGS=1 "$T" extract --quiet --threads 1 "$corpus" 2>&1 >/dev/null | sed 's/^/  /'

# ---- tagger and parser speed (UD English EWT test set) --------------------
ud="$DATA/ud-english-ewt/en_ewt-ud-test.conllu"
if [ -f "$ud" ]; then
  "$T" eval tagger "$ud" 2>&1 | grep -i 'tokens/s' | sed 's/^/tagger: /'
  "$T" eval parser "$ud" 2>&1 | grep -i 'tokens/s' | sed 's/^/parser: /'
else
  echo "tagger/parser speed: $ud not found, skipped"
fi

# ---- peers, side by side (issue 11; tools/bench_peers.mjs) ---------------
if ! command -v node >/dev/null 2>&1; then
  echo "peers: node not found, skipped"
elif [ ! -d node_modules/wink-nlp ] && [ ! -d node_modules/compromise ] && [ ! -d node_modules/chrono-node ]; then
  echo "peers: node_modules missing (npm ci), skipped"
else
  node --single-threaded tools/bench_peers.mjs "$corpus" "${PEER_RUNS:-3}" \
    --tidings "$(cat "$cpufile" 2>/dev/null)"
  # The lines above set a median of tidings' runs at the start of the bench
  # beside a median of wink-nlp's passes minutes later; on a shared machine
  # whose speed drifts by 10-30% between minutes, that ratio drifts as much.
  # Here rounds alternate the two, and the ratios are taken within each
  # round. wink-nlp runs in one node process kept between rounds, warmed on
  # the first half of the articles, each round timing a pass over the
  # second half: its model's loading and its JIT's warming are left out.
  # tidings is timed over the whole corpus (its start included) and, to
  # leave its start out in the same way, over the second half after the
  # first in one process: `extract HALF1 HALF2` less `extract HALF1`.
  python3 - "$T" "$corpus" "${PAIR_ROUNDS:-7}" <<'PY'
import os, resource, statistics, subprocess, sys
T, corpus, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
def walk(d):  # bench_peers.mjs's order: names sorted at each level
    out = []
    for name in sorted(os.listdir(d)):
        p = os.path.join(d, name)
        if os.path.isdir(p): out += walk(p)
        elif name.endswith(".txt"): out.append(p)
    return out
files = walk(corpus)
k = len(files) // 2
half1, half2 = files[:k], files[k:]
mb_all = sum(os.path.getsize(f) for f in files) / 1e6
mb2 = sum(os.path.getsize(f) for f in half2) / 1e6
node = subprocess.Popen(["node", "--single-threaded", "tools/bench_peers.mjs", corpus, "--serve",
                         "wink-nlp", "--split", str(k)], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, text=True)
first = node.stdout.readline().split()
if not first or first[0] != "ready":
    print("paired with wink-nlp: skipped (" + " ".join(first[1:]) + ")")
    node.wait()
    sys.exit(0)
def tidings(args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([T, "extract", "--quiet", "--threads", "1", *args], stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
whole, steady, wink = [], [], []
for _ in range(rounds):
    whole.append(mb_all / tidings([corpus]))
    steady.append(mb2 / (tidings(half1 + half2) - tidings(half1)))
    node.stdin.write("pass\n")
    node.stdin.flush()
    wink.append(float(first[1]) / float(node.stdout.readline().split()[0]))
node.stdin.close()
node.wait()
med = statistics.median
def line(what, ours):
    r = [a / b for a, b in zip(ours, wink)]
    return (f"  {what}: tidings {med(ours):.2f} MB/s per CPU-second, {med(r):.2f}x wink-nlp"
            f" (median of the rounds' ratios; {min(r):.2f}-{max(r):.2f})")
print(f"paired with wink-nlp ({rounds} rounds; wink-nlp warm, second half of the articles:"
      f" {med(wink):.2f} MB/s per CPU-second)")
print(line("whole corpus, start included", whole))
print(line("second half after the first ", steady))
PY
fi

# ---- knowledge base (issue 9; src/kb, tools/kbsynth.c) --------------------
# ingest vs extract over the corpus (CPU and wall), a re-ingest, then
# KB_EVENTS (default 1,000,000) synthetic merged events added to the store
# and typical `tidings query events` filters timed over it (best of 3).
KBSYNTH=${KBSYNTH:-$(dirname "$T")/kbsynth}
python3 - "$T" "$corpus" "$KBSYNTH" "${KB_EVENTS:-1000000}" <<'PY'
import os, subprocess, sys, tempfile, time, resource
T, corpus, synth, nev = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
import atexit, shutil, signal
tmp = tempfile.mkdtemp(prefix="tidings-bench-kb-")
atexit.register(shutil.rmtree, tmp, True)  # the store is large: gone however the bench ends
signal.signal(signal.SIGTERM, lambda *a: sys.exit(1))
db = os.path.join(tmp, "kb.db")
def timed(args, out=subprocess.DEVNULL):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(args, stdout=out, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if p.returncode not in (0, 1):
        print("kb bench: failed:", " ".join(args), p.stderr.strip()[-300:])
    return dt, cpu
print("knowledge base:")
# best of 3 by wall for both (the CPU of the same run), each ingest into a new store
def ingest_new():
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    return timed([T, "ingest", "--quiet", "--threads", "2", "--db", db, corpus])
ex = min((timed([T, "extract", "--quiet", "--threads", "2", corpus]) for _ in range(3)), key=lambda r: r[0])
ing = min((ingest_new() for _ in range(3)), key=lambda r: r[0])
again = timed([T, "ingest", "--quiet", "--threads", "2", "--db", db, corpus])
print(f"  extract --threads 2        {ex[0]:6.2f} s wall {ex[1]:6.2f} s CPU")
print(f"  ingest  --threads 2 (new)  {ing[0]:6.2f} s wall {ing[1]:6.2f} s CPU"
      f"  = {ex[1]/ing[1]*100:5.1f}% of extract's throughput (CPU), {ex[0]/ing[0]*100:5.1f}% (wall)")
print(f"  ingest again (unchanged)   {again[0]:6.2f} s wall {again[1]:6.2f} s CPU"
      f"  = {again[0]/ing[0]*100:5.1f}% of the first")
if not os.access(synth, os.X_OK):
    print(f"  {synth} not built: query timings skipped")
    sys.exit(0)
dt, cpu = timed([synth, db, str(nev)])
size = sum(os.path.getsize(os.path.join(tmp, f)) for f in os.listdir(tmp)) / 1e6
print(f"  {nev} synthetic events added in {dt:.1f} s (store {size:.0f} MB)")
queries = [["--root", "11", "--since", "2010-01-01", "--until", "2010-12-31"],
           ["--source", "PRK", "--target", "RUS", "--limit", "50"],
           ["--actor", "PRK", "--since", "2020-01-01", "--limit", "100"],
           ["--place", "seoul", "--limit", "100"],
           ["--root", "04", "--limit", "100"],
           ["--text", "troops", "--limit", "100"]]
for q in queries:
    runs = [timed([T, "query", "--db", db, "events", "--csv", *q]) for _ in range(3)]
    print(f"  query events {' '.join(q):<45} {min(r[0] for r in runs)*1000:6.0f} ms wall"
          f" {min(r[1] for r in runs)*1000:6.0f} ms CPU")
PY
# ---- end knowledge base ---------------------------------------------------

# ---- serve (issue 10; tools/bench_serve.sh: wrk on loopback) -------------
TIDINGS="$T" DATA="$DATA" sh tools/bench_serve.sh
