#!/bin/sh
# bench.sh — `make bench`: throughput of `tidings extract` over the BBC
# benchmark corpus (../shared/data/bench/bbc, skipped when absent): MB/s and
# articles/s on 1 thread and on all cores, peak RSS, and start-up time.
T=${TIDINGS:-build/tidings}
DATA=${DATA:-../shared/data}
corpus="$DATA/bench/bbc"
if [ ! -d "$corpus" ]; then
  echo "bench: $corpus not found, skipped"
  exit 0
fi
python3 - "$T" "$corpus" <<'PY'
import os, subprocess, sys, time, resource
T, corpus = sys.argv[1], sys.argv[2]
files = [os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt")]
mb = sum(os.path.getsize(f) for f in files) / 1e6
def run(args):
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([T, "extract", "--quiet", *args, corpus], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return dt, rss, p.returncode, p.stderr.count("\n")
print(f"corpus: {len(files)} articles, {mb:.2f} MB")
ncpu = os.cpu_count() or 1
base = None
for n in sorted({1, 2, ncpu}):
    best = min((run(["--threads", str(n)]) for _ in range(3)), key=lambda r: r[0])
    dt, rss, rc, errs = best
    if n == 1:
        base = dt
    eff = base / dt / n * 100 if base else 100
    print(f"extract --threads {n:<3} {mb/dt:7.2f} MB/s  {len(files)/dt:8.1f} articles/s"
          f"  {dt:6.2f} s  parallel efficiency {eff:5.1f}%  peak RSS {rss:6.1f} MB  errors {errs}")
# start-up: one tiny document, best of 10
tiny = "/tmp/tidings-bench-tiny.txt"
open(tiny, "w").write("Officials met on Monday.\n")
best = 1e9
for _ in range(10):
    t0 = time.perf_counter()
    subprocess.run([T, "extract", "--quiet", tiny], stdout=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - t0)
print(f"start-up (one tiny article, best of 10): {best*1000:.1f} ms")
PY

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
ex = timed([T, "extract", "--quiet", "--threads", "2", corpus])
ing = timed([T, "ingest", "--quiet", "--threads", "2", "--db", db, corpus])
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
