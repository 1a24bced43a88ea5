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
