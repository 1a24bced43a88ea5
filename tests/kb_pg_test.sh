#!/bin/sh
# kb_pg_test.sh — the knowledge base on PostgreSQL against the same store in
# SQLite: the examples (and, when ../shared exists, the seed articles)
# ingested into both must give byte-identical canonical exports, queries and
# GDELT exports; a re-ingest changes nothing; two ingests running at once
# into one database leave no duplicates; an ingest killed with -9 and run
# again gives the same store; `watch` alerts the same on both, a second
# round only on the new article. Needs a server: TIDINGS_PG_URL (a
# postgresql:// URL of a database it may create schemas in; .ci/run starts
# one) and psql; without them it prints a skip line and exits 0.
# Ends with "kbpg: N passed, N failed".
T=${TIDINGS:-build/tidings}
SHARED=${SHARED:-../shared}
URL=${TIDINGS_PG_URL:-}
if [ -z "$URL" ]; then
  echo "kbpg: skipped (no PostgreSQL server: set TIDINGS_PG_URL=postgresql://...)"
  exit 0
fi
if ! command -v psql > /dev/null 2>&1; then
  echo "kbpg: skipped (psql not found: apt-get install postgresql-client)"
  exit 0
fi
tmp=$(mktemp -d)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # check NAME COMMAND... : passes when the command succeeds
  name=$1; shift
  if "$@" >/dev/null 2>&1; then ok; else bad "$name"; fi
}

# one throwaway schema per store, dropped at the end
pre="td_test_$$"
sql() { psql "$URL" -qAt -v ON_ERROR_STOP=1 -c "$1" > /dev/null 2>&1; }
cleanup() {
  sql "DROP SCHEMA IF EXISTS ${pre}_a CASCADE; DROP SCHEMA IF EXISTS ${pre}_b CASCADE;
       DROP SCHEMA IF EXISTS ${pre}_c CASCADE; DROP SCHEMA IF EXISTS ${pre}_d CASCADE"
  rm -rf "$tmp"
}
trap cleanup EXIT
if ! sql "CREATE SCHEMA ${pre}_a; CREATE SCHEMA ${pre}_b; CREATE SCHEMA ${pre}_c; CREATE SCHEMA ${pre}_d"; then
  bad "kbpg: cannot create a schema in $URL"
  echo "kbpg: $pass passed, $fail failed"
  exit 1
fi
case "$URL" in *\?*) sep='&' ;; *) sep='?' ;; esac
db() { echo "${URL}${sep}options=-csearch_path%3D${pre}_$1"; }

# the inputs: the examples, and the seed articles when they are there
set -- examples
if [ -d "$SHARED/seeds" ]; then
  for f in "$SHARED"/seeds/*.txt; do [ -f "$f" ] && set -- "$@" "$f"; done
fi

# --- one store in each backend ---
"$T" ingest --quiet --db "$tmp/s.db" "$@" > /dev/null 2>&1
"$T" ingest --quiet --db "$(db a)" "$@" > /dev/null 2> "$tmp/a.err"
check "kbpg: ingest into PostgreSQL exits 0" test $? -eq 0
"$T" export --db "$tmp/s.db" --format jsonl > "$tmp/s.jsonl" 2>/dev/null
"$T" export --db "$(db a)" --format jsonl > "$tmp/a.jsonl" 2>/dev/null
check "kbpg: the canonical export is not empty" test -s "$tmp/a.jsonl"
check "kbpg: PostgreSQL and SQLite stores export byte-identically" cmp -s "$tmp/s.jsonl" "$tmp/a.jsonl"
for k in events quotes claims actors stories articles; do
  "$T" query --db "$tmp/s.db" "$k" --json > "$tmp/qs" 2>/dev/null
  "$T" query --db "$(db a)" "$k" --json > "$tmp/qa" 2>/dev/null
  check "kbpg: query $k is the same on both" cmp -s "$tmp/qs" "$tmp/qa"
done
for f in "--actor PRK" "--since 2024-10-01" "--speaker Kirby" "--text troops" "--text vaccination"; do
  # shellcheck disable=SC2086
  "$T" query --db "$tmp/s.db" articles $f --csv > "$tmp/qs" 2>/dev/null
  # shellcheck disable=SC2086
  "$T" query --db "$(db a)" articles $f --csv > "$tmp/qa" 2>/dev/null
  check "kbpg: query articles $f is the same on both" cmp -s "$tmp/qs" "$tmp/qa"
done
"$T" export --db "$tmp/s.db" --format gdelt --out "$tmp/gs" > /dev/null 2>&1
"$T" export --db "$(db a)" --format gdelt --out "$tmp/ga" > /dev/null 2>&1
check "kbpg: GDELT exports are the same on both" diff -r "$tmp/gs" "$tmp/ga"
check "kbpg: the schema version is recorded" sh -c "psql '$(db a)' -qAt -c \"SELECT value FROM meta WHERE key='schema_version'\" | grep -qx '[0-9]*'"

# --- re-ingest changes nothing ---
"$T" ingest --db "$(db a)" "$@" > /dev/null 2> "$tmp/a2.err"
check "kbpg: re-ingest reports everything unchanged" grep -q ' 0 added, 0 replaced, [1-9][0-9]* unchanged, 0 failed' "$tmp/a2.err"
"$T" ingest --quiet --reextract --db "$(db a)" "$@" > /dev/null 2>&1
"$T" export --db "$(db a)" --format jsonl > "$tmp/a2.jsonl" 2>/dev/null
check "kbpg: re-ingest (extracting again) changes nothing" cmp -s "$tmp/a.jsonl" "$tmp/a2.jsonl"
"$T" merge --db "$(db a)" > /dev/null 2>&1
"$T" export --db "$(db a)" --format jsonl > "$tmp/a3.jsonl" 2>/dev/null
check "kbpg: merge again changes nothing" cmp -s "$tmp/a.jsonl" "$tmp/a3.jsonl"

# --- two ingests at once into one new database (the second in reverse
# order, one thread): no duplicates, the same store ---
rev=$(for f in "$@"; do echo "$f"; done | sort -r | tr '\n' ' ')
"$T" ingest --quiet --db "$(db b)" "$@" > /dev/null 2> "$tmp/b1.err" &
p1=$!
# shellcheck disable=SC2086
"$T" ingest --quiet --threads 1 --db "$(db b)" $rev > /dev/null 2> "$tmp/b2.err" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
check "kbpg: concurrent ingests both exit 0" test "$r1" -eq 0 -a "$r2" -eq 0
"$T" export --db "$(db b)" --format jsonl > "$tmp/b.jsonl" 2>/dev/null
check "kbpg: concurrent ingests leave the same store (no duplicates)" cmp -s "$tmp/s.jsonl" "$tmp/b.jsonl"
check "kbpg: concurrent ingests: one row per document" test \
  "$(psql "$(db b)" -qAt -c 'SELECT count(*) - count(DISTINCT doc_key) FROM documents' 2>/dev/null)" = 0

# --- kill -9 in the middle, then run again: the same store ---
big="$SHARED/data/bench/bbc/business"
if [ -d "$big" ]; then
  "$T" ingest --quiet --db "$tmp/k.db" "$big" > /dev/null 2>&1
  "$T" ingest --quiet --db "$(db c)" "$big" > /dev/null 2>&1 &
  pk=$!
  sleep 3
  kill -9 $pk 2>/dev/null
  wait $pk 2>/dev/null
  "$T" ingest --quiet --db "$(db c)" "$big" > /dev/null 2>&1
  check "kbpg: ingest after kill -9 exits 0" test $? -eq 0
  "$T" export --db "$tmp/k.db" --format jsonl > "$tmp/k1.jsonl" 2>/dev/null
  "$T" export --db "$(db c)" --format jsonl > "$tmp/k2.jsonl" 2>/dev/null
  check "kbpg: killed and resumed ingest equals an SQLite store" cmp -s "$tmp/k1.jsonl" "$tmp/k2.jsonl"
else
  echo "kbpg: kill -9 check skipped (no $big)"
fi

# --- watch: the same alerts from both backends, then only the new article's ---
mkdir -p "$tmp/inbox"
cp examples/*.txt "$tmp/inbox/"
printf 'event root=0\nquote\nclaim agrees\nclaim disagrees\n' > "$tmp/rules"
"$T" watch --once --jsonl --db "$tmp/w.db" --rules "$tmp/rules" "$tmp/inbox" > "$tmp/w1s" 2>/dev/null
"$T" watch --once --jsonl --db "$(db d)" --rules "$tmp/rules" "$tmp/inbox" > "$tmp/w1p" 2> "$tmp/w.err"
check "kbpg: watch on PostgreSQL exits 0" test $? -eq 0
check "kbpg: watch alerts on the stored articles" test -s "$tmp/w1p"
check "kbpg: watch alerts are the same on both" cmp -s "$tmp/w1s" "$tmp/w1p"
printf 'Seoul, March 3 (Wire) -- "We will talk again," Foreign Minister Kim Min-su said on Monday.\n' \
  > "$tmp/inbox/zz-new.txt"
"$T" watch --once --jsonl --db "$tmp/w.db" --rules "$tmp/rules" "$tmp/inbox" > "$tmp/w2s" 2>/dev/null
"$T" watch --once --jsonl --db "$(db d)" --rules "$tmp/rules" "$tmp/inbox" > "$tmp/w2p" 2>/dev/null
check "kbpg: watch's second round alerts on the new article only" sh -c \
  "test -s '$tmp/w2p' && ! grep -v '\"article\":\"zz-new.txt\"' '$tmp/w2p'"
check "kbpg: watch's second round is the same on both" cmp -s "$tmp/w2s" "$tmp/w2p"

check "kbpg: a bad server address fails cleanly (2)" sh -c \
  "'$T' query --db postgresql://nobody@127.0.0.1:1/none events > /dev/null 2>&1; test \$? -eq 2"
echo "kbpg: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
