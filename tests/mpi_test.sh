#!/bin/sh
# mpi_test.sh — the MPI build (issue 11) on one machine: `mpirun -n 3
# tidings extract|ingest` must give exactly what a single process gives
# (extract: the same bytes; ingest: the same canonical export), the reduce
# step `tidings merge DIR [--db PATH]` too, and a run whose rank died must
# be finished by a re-run that redoes only the missing file. Inputs: the
# bundled examples, and when ../shared is there its seeds and a slice of
# the BBC bench corpus. The single-process reference is the MPI binary run
# without mpirun (the same code as the plain build, built at the same time).
# Skips (status 0) without mpirun. Ends with "mpi: N passed, N failed".
T=${MPI_TIDINGS:-build-mpi/tidings}
SHARED=${SHARED:-../shared}
if ! command -v mpirun >/dev/null 2>&1; then
  echo "mpi: skipped (no mpirun: apt-get install openmpi-bin libopenmpi-dev)"
  exit 0
fi
if [ ! -x "$T" ]; then
  echo "mpi: skipped ($T not built: make MPI=1 BUILD=build-mpi)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # check NAME COMMAND...
  name=$1; shift
  if "$@" >/dev/null 2>&1; then ok; else bad "$name"; fi
}
# mpirun as root needs --allow-run-as-root; --oversubscribe: 3 ranks on 2 cores
MPIRUN="mpirun --oversubscribe"
[ "$(id -u)" -eq 0 ] && MPIRUN="$MPIRUN --allow-run-as-root"
export OMPI_MCA_btl_vader_single_copy_mechanism=none # containers without CMA
mpi() { # mpi N ARGS...: the MPI binary under mpirun with N ranks
  n=$1; shift
  $MPIRUN -n "$n" "$T" "$@"
}
single() { env -u OMPI_COMM_WORLD_SIZE -u PMIX_RANK -u PMI_RANK -u PMI_SIZE "$T" "$@"; }

# --- inputs ---
mkdir -p "$tmp/in"
cp examples/* "$tmp/in/"
if [ -d "$SHARED/seeds" ] && [ -d "$SHARED/data/bench/bbc" ]; then
  mkdir -p "$tmp/in/seeds"
  cp "$SHARED"/seeds/*.txt "$tmp/in/seeds/" 2>/dev/null
  # 15 articles from each category: ids (file names) repeat across them,
  # so the store's replace-by-id depends on input order, which must hold
  for c in business entertainment politics sport tech; do
    mkdir -p "$tmp/in/bbc/$c"
    for f in $(ls "$SHARED/data/bench/bbc/$c" | head -15); do
      cp "$SHARED/data/bench/bbc/$c/$f" "$tmp/in/bbc/$c/"
    done
  done
  echo "mpi: inputs: examples, seeds, 75 BBC articles"
else
  echo "mpi: inputs: examples only ($SHARED not found)"
fi
nfiles=$(find "$tmp/in" -type f | wc -l | tr -d ' ')

# --- usage ---
check "MPI extract without --out is a usage error (2)" \
  sh -c "$MPIRUN -n 2 '$T' extract examples; test \$? -ne 0"
check "MPI build without mpirun is the plain program" \
  sh -c "env -u OMPI_COMM_WORLD_SIZE '$T' extract --quiet examples/harbor-talks.txt | grep -q tidings/1"

# --- extract: the same bytes as one process ---
single extract --quiet "$tmp/in" > "$tmp/one.jsonl" 2> "$tmp/one.err"
check "single-process extract succeeds" test $? -eq 0
mpi 3 extract --out "$tmp/x" "$tmp/in" > "$tmp/mpi.jsonl" 2> "$tmp/mpi.err"
check "mpirun -n 3 extract succeeds" test $? -eq 0
check "mpirun -n 3 extract = single process, byte for byte" cmp "$tmp/one.jsonl" "$tmp/mpi.jsonl"
check "three shards, each with a manifest" \
  test "$(ls "$tmp/x" | grep -c '^shard-000[0-2]\.jsonl$')" -eq 3 -a "$(ls "$tmp/x" | grep -c '\.done$')" -eq 3
check "every input file done once" test "$(cat "$tmp"/x/*.done | wc -l | tr -d ' ')" -eq "$nfiles"
check "more than one rank got work" test "$(for f in "$tmp"/x/*.done; do [ -s "$f" ] && echo; done | wc -l)" -ge 2
single merge "$tmp/x" > "$tmp/red.jsonl"
check "tidings merge DIR (the reduce) = single process" cmp "$tmp/one.jsonl" "$tmp/red.jsonl"
sort "$tmp/one.jsonl" > "$tmp/one.sorted"
cat "$tmp"/x/shard-*.jsonl | sort > "$tmp/shards.sorted"
check "cat of the shards holds the same records (unordered)" cmp "$tmp/one.sorted" "$tmp/shards.sorted"

# --- a rank dies: a re-run redoes only its file ---
mpi 3 extract --no-reduce --out "$tmp/y" "$tmp/in" > /dev/null 2>&1
victim=$(for f in "$tmp"/y/shard-*.done; do [ -s "$f" ] && echo "$f"; done | tail -1)
base=${victim%.done}
head -n -1 "$victim" > "$tmp/m" && cat "$tmp/m" > "$victim" # its last file is not done...
printf '{"schema":"tidings/1","half a rec' >> "$base.jsonl"   # ...and was cut mid-record
printf '0 1 half a manifest line' >> "$victim"                # ...as was its manifest
mv "$base.jsonl" "$base.jsonl.part"                           # ...and the rank never finished
single merge "$tmp/y" > /dev/null 2> "$tmp/miss.err"
check "reduce of an unfinished run exits 1" test $? -eq 1
check "reduce says how many files are missing" grep -q "1 of $nfiles input files are not done" "$tmp/miss.err"
mpi 2 extract --out "$tmp/y" "$tmp/in" > "$tmp/rerun.jsonl" 2> "$tmp/rerun.err"
check "re-run with 2 ranks succeeds" test $? -eq 0
check "re-run does only the missing file" grep -q "$((nfiles - 1)) of $nfiles files already done; doing the other 1" "$tmp/rerun.err"
check "re-run output = single process" cmp "$tmp/one.jsonl" "$tmp/rerun.jsonl"
check "no .part shard left" test -z "$(ls "$tmp/y" | grep '\.part$')"
# a machine crash: the manifest reached the disk, the last records did not
v2=$(ls "$tmp"/y/shard-*.done | head -1)
b2=${v2%.done}
last_start=$(tail -1 "$v2" | cut -d' ' -f1)
truncate -s "$last_start" "$b2.jsonl"
mpi 3 extract --out "$tmp/y" "$tmp/in" > "$tmp/rerun2.jsonl" 2> "$tmp/rerun2.err"
check "after lost records, the re-run redoes their file" \
  grep -q "$((nfiles - 1)) of $nfiles files already done; doing the other 1" "$tmp/rerun2.err"
check "... and its output = single process" cmp "$tmp/one.jsonl" "$tmp/rerun2.jsonl"
check "a different input list in the same folder is refused (2)" \
  sh -c "$MPIRUN -n 2 '$T' extract --out '$tmp/y' examples > /dev/null 2>&1; test \$? -eq 2"

# --- ingest: the same store as one process ---
single ingest --quiet --db "$tmp/one.db" "$tmp/in" 2>/dev/null
single export --db "$tmp/one.db" --format jsonl > "$tmp/one.exp"
check "single-process ingest exports" test -s "$tmp/one.exp"
mpi 3 ingest --db "$tmp/mpi.db" "$tmp/in" > /dev/null 2> "$tmp/ingest.err"
check "mpirun -n 3 ingest succeeds" test $? -eq 0
single export --db "$tmp/mpi.db" --format jsonl > "$tmp/mpi.exp"
check "mpirun -n 3 ingest = single process (canonical export)" cmp "$tmp/one.exp" "$tmp/mpi.exp"
single merge "$tmp/mpi.db.shards" --db "$tmp/red.db" --quiet
single export --db "$tmp/red.db" --format jsonl > "$tmp/red.exp"
check "tidings merge SHARDS --db = single process (canonical export)" cmp "$tmp/one.exp" "$tmp/red.exp"
single merge "$tmp"/mpi.db.shards/shard-*.jsonl --db "$tmp/red2.db" --quiet
single export --db "$tmp/red2.db" --format jsonl > "$tmp/red2.exp"
check "tidings merge shard-*.jsonl --db = single process" cmp "$tmp/one.exp" "$tmp/red2.exp"
mpi 3 ingest --db "$tmp/mpi.db" "$tmp/in" > /dev/null 2> "$tmp/again.err"
single export --db "$tmp/mpi.db" --format jsonl > "$tmp/again.exp"
check "a second MPI ingest changes nothing" cmp "$tmp/one.exp" "$tmp/again.exp"
check "the second run finds every file done" grep -q "$nfiles of $nfiles files already done" "$tmp/again.err"

echo "mpi: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
