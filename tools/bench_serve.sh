#!/bin/sh
# bench_serve.sh — load test of `tidings serve` (issue 10) with wrk over
# loopback: events pages over the BBC benchmark store
# (../shared/data/bench/bbc). For the same page and for random pages, with
# the caches on and with --no-cache, it prints requests/s, p50/p99 latency,
# errors (socket errors and non-2xx answers), the server's CPU time per
# request and its resident size at the start and end of the run.
# Skips (exit 0) when wrk or the corpus is missing.
#
#   sh tools/bench_serve.sh                 # 10 s per run
#   SECS=60 sh tools/bench_serve.sh         # memory over a minute
#   BENCH_SERVE_DB=kb.db sh tools/bench_serve.sh   # reuse a store
#
# Environment: TIDINGS (build/tidings), DATA (../shared/data), SECS (10),
# CONNS (32 connections), THREADS (server threads, default: the server's),
# MODES ("cache no-cache"), PAGES ("same random"): which runs.
T=${TIDINGS:-build/tidings}
DATA=${DATA:-../shared/data}
corpus="$DATA/bench/bbc"
if ! command -v wrk >/dev/null 2>&1; then
  echo "bench_serve: wrk not installed (apt-get install wrk), skipped"
  exit 0
fi
if [ -z "$BENCH_SERVE_DB" ] && [ ! -d "$corpus" ]; then
  echo "bench_serve: $corpus not found, skipped"
  exit 0
fi
exec python3 - "$T" "$corpus" "${BENCH_SERVE_DB:-}" "${SECS:-10}" "${CONNS:-32}" "${THREADS:-}" \
  "${MODES:-cache no-cache}" "${PAGES:-same random}" <<'PY'
import atexit, os, re, shutil, signal, subprocess, sys, tempfile, time
T, corpus, db, secs, conns, threads, modes, pages = sys.argv[1:9]
tmp = tempfile.mkdtemp(prefix="tidings-bench-serve-")
atexit.register(shutil.rmtree, tmp, True)
signal.signal(signal.SIGTERM, lambda *a: sys.exit(1))
if not db:
    db = os.path.join(tmp, "kb.db")
    t0 = time.perf_counter()
    p = subprocess.run([T, "ingest", "--quiet", "--db", db, corpus], stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):
        sys.exit("bench_serve: ingest failed: " + p.stderr[-300:])
    print(f"store: {corpus} ingested in {time.perf_counter() - t0:.1f} s")
import sqlite3
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
nev = con.execute("SELECT count(*) FROM m_events").fetchone()[0]
ndoc = con.execute("SELECT count(*) FROM documents").fetchone()[0]
con.close()
maxoff = max(nev - 50, 0)
lua = os.path.join(tmp, "random.lua")
with open(lua, "w") as f:
    f.write('request = function() return wrk.format("GET", "/api/events?offset=" .. '
            f'math.random(0, {maxoff})) end\n')
print(f"store: {ndoc} articles, {nev} merged events; wrk -t2 -c{conns} -d{secs}s --latency; "
      f"load average {os.getloadavg()[0]:.1f}")
tick = os.sysconf("SC_CLK_TCK")

def cpu_s(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick

def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

def ms(s):
    m = re.match(r"([\d.]+)(us|ms|s)", s)
    if not m:
        return float("nan")
    return float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[m.group(2)]

def serve(flags):
    pf = os.path.join(tmp, "port")
    if os.path.exists(pf):
        os.remove(pf)
    args = [T, "serve", "--db", db, "--port", "0", "--port-file", pf, "--quiet", *flags]
    if threads:
        args += ["--threads", threads]
    srv = subprocess.Popen(args)
    for _ in range(100):
        if os.path.exists(pf) and open(pf).read().strip():
            return srv, int(open(pf).read())
        time.sleep(0.05)
    srv.kill()
    sys.exit("bench_serve: the server did not start")

failed = 0
for mode, flags in (("cache", []), ("no-cache", ["--no-cache"])):
    if mode not in modes.split():
        continue
    srv, port = serve(flags)
    atexit.register(srv.kill)
    url = f"http://127.0.0.1:{port}/api/events"
    for page, extra in (("same page", []), ("random pages", ["-s", lua])):
        if page.split()[0] not in pages.split():
            continue
        subprocess.run(["wrk", "-t2", "-c4", "-d1s", *extra, url], stdout=subprocess.DEVNULL)
        rss0, cpu0 = rss_mb(srv.pid), cpu_s(srv.pid)
        out = subprocess.run(["wrk", "-t2", f"-c{conns}", f"-d{secs}s", "--latency", *extra, url],
                             stdout=subprocess.PIPE, text=True).stdout
        cpu = cpu_s(srv.pid) - cpu0
        rss1 = rss_mb(srv.pid)
        n = int(re.search(r"(\d+) requests in", out).group(1))
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
        errs = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
        m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        errs += int(m.group(1)) if m else 0
        failed += errs
        print(f"  {mode:<9} {page:<13} {rps:9.0f} req/s  p50 {ms(lat.get('50', '')):6.2f} ms"
              f"  p99 {ms(lat.get('99', '')):6.2f} ms  errors {errs}"
              f"  server CPU {cpu / max(n, 1) * 1e6:5.0f} us/req"
              f"  RSS {rss0:5.1f} -> {rss1:5.1f} MB")
    srv.send_signal(signal.SIGTERM)
    try:
        srv.wait(10)
    except subprocess.TimeoutExpired:
        srv.kill()
print(f"load average after: {os.getloadavg()[0]:.1f}")
sys.exit(1 if failed else 0)
PY
