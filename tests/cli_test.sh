#!/bin/sh
# cli_test.sh — the program as a user runs it: exit codes, bad input that
# must give a clean error and never a crash, identical output whatever the
# thread count, the tidings/1 contract on the bundled examples and (when
# ../shared exists) on the seed articles. Ends with "cli: N passed, N failed".
T=${TIDINGS:-build/tidings}
SHARED=${SHARED:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # check NAME COMMAND... : passes when the command succeeds
  name=$1; shift
  if "$@" >/dev/null 2>&1; then ok; else bad "$name"; fi
}
status_is() { # status_is WANT COMMAND...
  want=$1; shift
  "$@" >/dev/null 2>&1
  [ $? -eq "$want" ]
}
lines() { wc -l < "$1" | tr -d ' '; }

# --- usage ---
check "no arguments is a usage error (2)" status_is 2 "$T"
check "unknown option is a usage error (2)" status_is 2 "$T" extract --bogus examples
check "bad --date is a usage error (2)" status_is 2 "$T" extract --date 2024-13-45 examples
check "--help exits 0" status_is 0 "$T" extract --help
check "--help names --threads" sh -c "'$T' extract --help | grep -q -- --threads"

# --- a resource image whose lemmatizer is of another format (a binary newer
# or older than its image) stops with a clean error naming the section,
# instead of running without lemmas ---
RES=${TIDINGS_RES:-$(dirname "$T")/tidings.res}
if python3 -c "
import sys
d = open(sys.argv[1], 'rb').read(); i = d.find(b'TDLEM0')
assert i >= 0
open(sys.argv[2], 'wb').write(d[:i] + b'TDLEM999' + d[i + 8:])" "$RES" "$tmp/old.res" 2>/dev/null; then
  check "an image with a lemma section of another format is an error (2)" \
    status_is 2 "$T" extract --quiet --resources "$tmp/old.res" examples
  check "the error names the lemma section" sh -c \
    "'$T' extract --quiet --resources '$tmp/old.res' examples 2>&1 >/dev/null | grep -q 'lemma section'"
else
  bad "no lemma section found in $RES"
fi

# --- the bundled examples ---
"$T" extract --quiet examples > "$tmp/ex.jsonl" 2> "$tmp/ex.err"
check "examples extract with status 0" test $? -eq 0
n=$(ls examples | grep -c -E '\.(txt|html|jsonl)$')
check "examples give at least one record per file" test "$(lines "$tmp/ex.jsonl")" -ge "$n"
check "records are JSON with schema tidings/1" python3 -c "
import json,sys
for l in open('$tmp/ex.jsonl'):
    r=json.loads(l); assert r['schema']=='tidings/1' and r['text'] and r['sentences']
"
if [ -f "$SHARED/tools/check_tidings1.py" ]; then
  check "examples follow the tidings/1 contract" python3 "$SHARED/tools/check_tidings1.py" "$tmp/ex.jsonl"
fi

# --- threads: identical output ---
"$T" extract --quiet --threads 1 examples > "$tmp/t1.jsonl" 2>/dev/null
"$T" extract --quiet --threads 4 examples > "$tmp/t4.jsonl" 2>/dev/null
check "--threads 4 output equals --threads 1" cmp -s "$tmp/t1.jsonl" "$tmp/t4.jsonl"

# --- bad input: clean errors, good documents still come out ---
: > "$tmp/empty.txt"
head -c 20000 /dev/urandom > "$tmp/binary.txt"
printf 'Caf\351 owners met on Monday.\377\376 The talks ended.\n' > "$tmp/badutf8.txt"
printf '{"id":"ok1","text":"Officials met on Monday."}\n{"id": broken\n[1,2]\n{"id":"ok2","text":"The talks ended."}\n' > "$tmp/mixed.jsonl"
python3 -c "
import sys
open('$tmp/deep.html','w').write('<html><body>' + '<div>'*100000 + '<p>Deep text of the article here.</p>' + '</div>'*100000 + '</body></html>')
open('$tmp/long.txt','w').write(('word ' * 10000000).strip())
# thousands of distinct names, people and organizations no dictionary knows
syl = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vo', 'bel', 'dri', 'nok', 'pa', 'zi']
w = lambda i, k: ''.join(syl[(i // 12 ** j + k) % 12] for j in range(3)).capitalize()
open('$tmp/titles.txt','w').write(' '.join(
    f'He starred in \" {w(i, 1)} of {w(i, 2)} \" and \" The Best of Times \" , critics said.' for i in range(8000)))
open('$tmp/names.txt','w').write(' '.join(
    f'{w(i, 0)} {w(i, 5)} met {w(i, 7)} {w(i, 3)} of the {w(i, 9)} Council on Monday.' for i in range(20000)))
"
cp examples/*.txt "$tmp/good.txt" 2>/dev/null || echo "A good article. It has two sentences." > "$tmp/good.txt"
timeout 120 "$T" extract --quiet "$tmp/empty.txt" "$tmp/binary.txt" "$tmp/badutf8.txt" \
  "$tmp/mixed.jsonl" "$tmp/deep.html" "$tmp/good.txt" > "$tmp/bad.jsonl" 2> "$tmp/bad.err"
st=$?
check "bad input: exit status 1, not a crash" test "$st" -eq 1
check "bad input: an error line names the empty file" grep -q 'empty.txt' "$tmp/bad.err"
check "bad input: an error line names the binary file" grep -q 'binary.txt' "$tmp/bad.err"
check "bad input: an error line names the malformed JSON line" grep -q 'mixed.jsonl:2' "$tmp/bad.err"
check "bad input: the good JSON lines come out" sh -c "grep -q '\"id\":\"ok1\"' '$tmp/bad.jsonl' && grep -q '\"id\":\"ok2\"' '$tmp/bad.jsonl'"
check "bad input: bytes that are not UTF-8 are read as Latin-1/Windows-1252" grep -q 'Café owners' "$tmp/bad.jsonl"
check "bad input: the good article comes out" grep -q '"id":"good.txt"' "$tmp/bad.jsonl"
check "bad input: output stays in input order" python3 -c "
import json
ids=[json.loads(l)['doc']['id'] for l in open('$tmp/bad.jsonl')]
order=['badutf8.txt','ok1','ok2','deep.html','good.txt']
seen=[i for i in order if i in ids]
assert [i for i in ids if i in order]==seen, ids
"
python3 -c "
t = 'Officials in Kyiv said on Tuesday that 20 people died.\r\n'
open('$tmp/utf16.txt', 'wb').write(t.encode('utf-16'))
open('$tmp/utf16page', 'wb').write(('<html><head><title>Kyiv</title></head><body><p>' + t + '</p></body></html>').encode('utf-16-be'))
"
printf '\376\377' | cat - "$tmp/utf16page" > "$tmp/utf16page.be" && mv "$tmp/utf16page.be" "$tmp/utf16page"
"$T" extract --quiet "$tmp/utf16.txt" "$tmp/utf16page" > "$tmp/utf16.jsonl" 2>/dev/null
check "UTF-16 text with a byte order mark (LE; a BE page, sniffed as HTML) is converted" python3 -c "
import json
d = [json.loads(l) for l in open('$tmp/utf16.jsonl')]
assert [x['text'] for x in d] == ['Officials in Kyiv said on Tuesday that 20 people died.'] * 2, d
assert d[1]['doc']['title'] == 'Kyiv', d[1]['doc']
"
mkdir -p "$tmp/nofiles"
"$T" extract "$tmp/nofiles" > "$tmp/nofiles.out" 2> "$tmp/nofiles.err"
st=$?
check "a folder with no files: said on stderr, exit status 0, no output" sh -c \
  "test $st -eq 0 && grep -q 'nofiles: no files in this folder' '$tmp/nofiles.err' && test ! -s '$tmp/nofiles.out'"
timeout 300 "$T" extract --quiet "$tmp/long.txt" > "$tmp/long.jsonl" 2>/dev/null
check "a 50 MB single line is processed" test "$(lines "$tmp/long.jsonl")" -eq 1
timeout 120 "$T" extract --quiet "$tmp/names.txt" > "$tmp/names.jsonl" 2>/dev/null
timeout 120 "$T" extract --quiet "$tmp/titles.txt" > "$tmp/titles.jsonl" 2>/dev/null
check "an article of 16,000 quoted titles is processed (bounded name splices)" test "$(lines "$tmp/titles.jsonl")" -eq 1
check "an article of 20,000 unknown names is processed (bounded name comparisons)" python3 -c "
import json
d = json.load(open('$tmp/names.jsonl'))
assert 1000 <= len(d['actors']) <= 1100, len(d['actors'])
"
check "a missing file is an error (1) and named" sh -c "'$T' extract --quiet '$tmp/nope.txt' 2>&1 >/dev/null | grep -q nope.txt"

# --- --dict: a user's dictionary folder adds actors ---
mkdir -p "$tmp/dict"
printf 'Harbor Guild of Pilots\torg.ngo\tNORNGO|harbor-guild|Harbor Guild of Pilots|NOR|NGO\n' > "$tmp/dict/mine.tsv"
echo "The Harbor Guild of Pilots protested on Monday." > "$tmp/guild.txt"
"$T" extract --quiet --dict "$tmp/dict" "$tmp/guild.txt" > "$tmp/guild.jsonl" 2>/dev/null
check "--dict DIR adds a user's actor" grep -q '"entity":"harbor-guild"' "$tmp/guild.jsonl"
"$T" extract --quiet "$tmp/guild.txt" > "$tmp/guild0.jsonl" 2>/dev/null
check "without --dict the user's actor is unknown" sh -c "! grep -q '\"entity\":\"harbor-guild\"' '$tmp/guild0.jsonl'"
# an event entry's word list of any length holds (a list past 396 bytes was dropped unseen)
mkdir -p "$tmp/edict"
long=$(i=0; while [ $i -lt 60 ]; do printf 'filler%03d|' $i; i=$((i + 1)); done)
printf 'admonish\tevent.verb\t111;v=%sminister\tlemma\n' "$long" > "$tmp/edict/verbs.tsv"
echo "Kenya admonished the minister of Uganda on Monday. Kenya admonished Uganda on Tuesday." > "$tmp/admonish.txt"
"$T" extract --quiet --dict "$tmp/edict" "$tmp/admonish.txt" > "$tmp/admonish.jsonl" 2>/dev/null
check "--dict: a long veto list holds (one event of two)" sh -c "[ \$(grep -o '\"cameo\":\"111\"' '$tmp/admonish.jsonl' | wc -l) -eq 1 ]"
printf 'only-a-phrase\n' > "$tmp/dict/bad.tsv"
check "a malformed --dict file is a clear error (2)" status_is 2 "$T" extract --quiet --dict "$tmp/dict" "$tmp/guild.txt"

# --- an empty folder: nothing to do, no error ---
mkdir -p "$tmp/emptydir"
check "an empty folder gives exit 0 and no records" sh -c "[ -z \"\$('$T' extract --quiet '$tmp/emptydir')\" ]"

# --- stdin ---
echo "Officials met in the capital on Monday. They talked." | "$T" extract --quiet - > "$tmp/stdin.jsonl" 2>/dev/null
check "stdin is read" grep -q '"id":"stdin"' "$tmp/stdin.jsonl"
echo '{"id":"s1","text":"Officials met on Monday.","date":"2024-05-06"}' | "$T" extract --quiet - > "$tmp/stdin2.jsonl" 2>/dev/null
check "stdin JSON Lines are sniffed" grep -q '"date":"2024-05-06","date_from":"input"' "$tmp/stdin2.jsonl"
# a pipe named as a file (/dev/stdin, /dev/fd/N) is sniffed without losing its start
cat examples/grid-outage.jsonl | "$T" extract /dev/stdin > "$tmp/pipe.jsonl" 2> "$tmp/pipe.err"
check "a pipe named as a file keeps every JSON Lines record" sh -c \
  "test \$(grep -c '\"schema\"' '$tmp/pipe.jsonl') -eq 2 && ! test -s '$tmp/pipe.err'"

# --- --date ---
echo "Officials met on Monday." > "$tmp/undated.txt"
"$T" extract --quiet --date 2024-02-03 "$tmp/undated.txt" > "$tmp/dated.jsonl" 2>/dev/null
check "--date sets doc.date with date_from option" grep -q '"date":"2024-02-03","date_from":"option"' "$tmp/dated.jsonl"

# --- the seed articles (skipped without ../shared) ---
if [ -d "$SHARED/seeds" ]; then
  "$T" extract --quiet "$SHARED"/seeds/*.txt > "$tmp/seeds.jsonl" 2>/dev/null
  check "seeds: two records" test "$(lines "$tmp/seeds.jsonl")" -eq 2
  check "seeds follow the tidings/1 contract" python3 "$SHARED/tools/check_tidings1.py" "$tmp/seeds.jsonl"
else
  echo "skip: seeds ($SHARED/seeds not found)"
fi
if [ -d "$SHARED/data/warc-samples" ]; then
  for w in "$SHARED"/data/warc-samples/*.warc*; do
    timeout 60 "$T" extract --quiet "$w" > "$tmp/w.jsonl" 2> "$tmp/w.err"
    st=$?
    check "warc sample $(basename "$w"): exit 0 or 1, no crash" test "$st" -le 1
  done
  "$T" extract --quiet - < "$SHARED/data/warc-samples/example.warc.gz" > "$tmp/wstdin.jsonl" 2>/dev/null
  check "a .warc.gz on stdin is sniffed and read" grep -q '"date_from":"warc"' "$tmp/wstdin.jsonl"
else
  echo "skip: WARC samples ($SHARED/data/warc-samples not found)"
fi

# --- knowledge base: ingest, merge, query, export (tests/kb: idempotent,
# order-independent, GDELT columns; seeds' claims when ../shared exists) ---
kb="$tmp/kb"
mkdir -p "$kb"
"$T" ingest --quiet --db "$kb/a.db" examples > /dev/null 2> "$kb/a.err"
check "kb: ingest examples exits 0" test $? -eq 0
"$T" export --db "$kb/a.db" --format jsonl > "$kb/a1.jsonl" 2>/dev/null
check "kb: canonical export is not empty" test -s "$kb/a1.jsonl"
check "kb: every example is a document" test "$(grep -c '"table":"documents"' "$kb/a1.jsonl")" -ge 4
"$T" ingest --db "$kb/a.db" examples > /dev/null 2> "$kb/a2.err"
check "kb: second ingest reports everything unchanged" grep -q ' 0 added, 0 replaced, [1-9][0-9]* unchanged, 0 failed' "$kb/a2.err"
"$T" export --db "$kb/a.db" --format jsonl > "$kb/a2.jsonl" 2>/dev/null
check "kb: second ingest changes nothing (canonical export identical)" cmp -s "$kb/a1.jsonl" "$kb/a2.jsonl"
rev=$(ls examples/* | sort -r)
"$T" ingest --quiet --threads 1 --db "$kb/b.db" $rev > /dev/null 2>&1
"$T" export --db "$kb/b.db" --format jsonl > "$kb/b.jsonl" 2>/dev/null
check "kb: reversed order, one thread: canonical export identical" cmp -s "$kb/a1.jsonl" "$kb/b.jsonl"
check "kb: merge again changes nothing" sh -c "'$T' merge --db '$kb/b.db' && '$T' export --db '$kb/b.db' --format jsonl | cmp -s - '$kb/a1.jsonl'"
check "kb: query articles lists the examples" sh -c "'$T' query --db '$kb/a.db' articles | grep -q harbor-talks.txt"
check "kb: query articles --json is JSON" sh -c "'$T' query --db '$kb/a.db' articles --json | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]'"
check "kb: query --text (full text) finds the vaccination article" sh -c "'$T' query --db '$kb/a.db' articles --text vaccination --csv | grep -q vaccine-drive.html"
check "kb: query --text excludes the others" sh -c "! '$T' query --db '$kb/a.db' articles --text vaccination --csv | grep -q harbor-talks.txt"
check "kb: query --since filters" sh -c "! '$T' query --db '$kb/a.db' articles --since 2025-03-01 --csv | grep -q grid-2025-001"
check "kb: query --limit 1 gives one row" test "$("$T" query --db "$kb/a.db" articles --csv --limit 1 | wc -l)" -eq 2
check "kb: query actors runs" sh -c "'$T' query --db '$kb/a.db' actors --limit 5 | grep -q 'rows\?)'"
check "kb: query stories runs" status_is 0 "$T" query --db "$kb/a.db" stories
check "kb: query events runs" status_is 0 "$T" query --db "$kb/a.db" events --root 04 --since 2000-01-01
check "kb: unknown query kind is a usage error (2)" status_is 2 "$T" query --db "$kb/a.db" bogus
check "kb: query on a missing store fails cleanly (2)" status_is 2 "$T" query --db "$kb/none.db" events
check "kb: ingest without --db is a usage error (2)" status_is 2 "$T" ingest examples
"$T" export --db "$kb/a.db" --format gdelt --out "$kb/g" > /dev/null 2>&1
check "kb: export gdelt writes events and mentions" test -f "$kb/g/events.csv" -a -f "$kb/g/mentions.csv"
check "kb: gdelt events have 61 columns" awk -F'\t' 'NF != 61 { exit 1 }' "$kb/g/events.csv"
check "kb: gdelt mentions have 16 columns" awk -F'\t' 'NF != 16 { exit 1 }' "$kb/g/mentions.csv"
check "kb: gdelt ActionGeo country codes are FIPS (two letters)" \
  awk -F'\t' '$54 != "" { n++; if ($54 !~ /^[A-Z][A-Z]$/) bad = 1 } END { exit bad || !n }' "$kb/g/events.csv"
"$T" export --db "$kb/a.db" --format csv --out "$kb/c" > /dev/null 2>&1
check "kb: export csv writes a file per table" test -s "$kb/c/documents.csv"
if [ -d "$SHARED/seeds" ]; then
  "$T" ingest --quiet --db "$kb/s.db" "$SHARED"/seeds/*.txt > /dev/null 2>&1
  "$T" query --db "$kb/s.db" claims --csv > "$kb/claims.csv" 2>/dev/null
  check "kb: seeds: claims about troops are listed" grep -q 'troops' "$kb/claims.csv"
  check "kb: seeds: at least 3,000 and around 3,000 agree" python3 -c "
import csv
rows=list(csv.DictReader(open('$kb/claims.csv')))
a=[r for r in rows if 'at least 3,000' in r['value']]
b=[r for r in rows if 'around 3,000' in r['value']]
assert a and b, 'figures missing'
assert a[0]['claim_group']==b[0]['claim_group'] and a[0]['agreement'] in ('agrees','mixed')
"
  check "kb: seeds: query quotes --speaker Kirby" sh -c "'$T' query --db '$kb/s.db' quotes --speaker Kirby --csv | grep -q 'Kirby'"
  "$T" export --db "$kb/s.db" --format jsonl > "$kb/s1.jsonl" 2>/dev/null
  "$T" ingest --quiet --db "$kb/s.db" "$SHARED"/seeds/*.txt > /dev/null 2>&1
  check "kb: seeds: re-ingesting changes nothing" sh -c "'$T' export --db '$kb/s.db' --format jsonl | cmp -s - '$kb/s1.jsonl'"
else
  echo "skip: kb seeds ($SHARED/seeds not found)"
fi
# PostgreSQL: the same stores in a server's database (tests/kb_pg_test.sh,
# which .ci/run gives a server); everywhere, a URL without a server fails cleanly
check "kb: a postgresql:// store without a server fails cleanly (2)" status_is 2 "$T" query --db postgresql://nobody@127.0.0.1:1/none events
check "serve: a postgresql:// store is refused with a clear usage error (2)" status_is 2 "$T" serve --db postgresql://nobody@127.0.0.1:1/none
check "watch: a postgresql:// store is refused with a clear usage error (2)" status_is 2 "$T" watch --db postgresql://nobody@127.0.0.1:1/none --rules /dev/null examples
if [ -n "${TIDINGS_PG_URL:-}" ]; then
  TIDINGS="$T" SHARED="$SHARED" sh tests/kb_pg_test.sh > "$kb/pg.out" 2>&1
  check "kb: PostgreSQL stores equal SQLite ones (tests/kb_pg_test.sh)" test $? -eq 0
  grep '^FAIL' "$kb/pg.out"
else
  echo "skip: kb PostgreSQL (set TIDINGS_PG_URL=postgresql://... to test against a server)"
fi
printf '%s\n' '{"id":"w1","source":"Wire","title":"(LEAD) Ministers agree on joint patrols","date":"2025-03-14","text":"Ministers from the two coastal states agreed on Friday to run joint patrols in the disputed fishing zone, officials said."}' \
  '{"id":"w2","source":"Wire","title":"(2nd LD) Ministers agree on joint patrols","date":"2025-03-14","text":"Ministers from the two coastal states agreed on Friday to run joint patrols in the disputed fishing zone, officials said. The patrols start next month."}' > "$kb/wire.jsonl"
"$T" ingest --quiet --db "$kb/w.db" "$kb/wire.jsonl" > /dev/null 2>&1
check "kb: (LEAD) and (2nd LD) versions are linked" sh -c "'$T' query --db '$kb/w.db' articles --csv | grep w2 | grep -q ',[0-9a-f]\{12\},'"
printf '%s\n' '{"id":"u1","url":"https://example.org/a","title":"Talks end","date":"2025-03-15","text":"The talks ended on Saturday without a deal, the ministry said."}' > "$kb/u1.jsonl"
printf '%s\n' '{"id":"u1","url":"https://example.org/a","title":"Talks end","date":"2025-03-15","text":"The talks ended on Saturday with a deal, the ministry said."}' > "$kb/u2.jsonl"
"$T" ingest --quiet --db "$kb/u.db" "$kb/u1.jsonl" > /dev/null 2>&1
"$T" ingest --db "$kb/u.db" "$kb/u2.jsonl" > /dev/null 2> "$kb/u.err"
check "kb: a changed article (same url) replaces the old one" sh -c "grep -q ' 1 replaced' '$kb/u.err' && test \"\$('$T' query --db '$kb/u.db' articles --csv | wc -l)\" -eq 2"
# long articles: the queue to the writer is bounded by bytes too, and a
# writer waiting for a run of records is woken when the bytes are full
mkdir -p "$kb/long"
for n in 1 2 3; do
  awk -v n=$n 'BEGIN { for (i = 0; i < 6000; i++) printf "Officials in the capital said on Monday that %d troops of unit %d had crossed the river. ", i, n }' > "$kb/long/l$n.txt"
done
timeout 120 "$T" ingest --quiet --threads 2 --db "$kb/long.db" "$kb/long" > /dev/null 2>&1
check "kb: ingest of long articles finishes with all of them stored" sh -c "test \"\$('$T' query --db '$kb/long.db' articles --csv | wc -l)\" -eq 4"
# ingest takes every option of extract (one parser: src/cli/opts.c)
mkdir -p "$kb/dict"
printf 'Harbor Guild of Pilots\torg.ngo\tNORNGO|harbor-guild|Harbor Guild of Pilots|NOR|NGO\n' > "$kb/dict/mine.tsv"
"$T" ingest --quiet --db "$kb/d.db" --dict "$kb/dict" --layers tokens --date 2025-03-01 --threads 1 "$tmp/guild.txt" > /dev/null 2>&1
check "kb: ingest --dict DIR stores the user's actor" sh -c "'$T' query --db '$kb/d.db' actors --csv | grep -q harbor-guild"
check "kb: ingest and extract give the same message for a bad --date" sh -c "test \"\$('$T' extract --date 2024-13-45 x 2>&1 | sed 's/extract/X/g')\" = \"\$('$T' ingest --db '$kb/d.db' --date 2024-13-45 x 2>&1 | sed 's/ingest/X/g')\""
check "kb: ingest --threads bad is a usage error (2)" status_is 2 "$T" ingest --db "$kb/d.db" --threads -1 examples
# re-ingest: stored inputs are skipped before extraction, unless the key changes
"$T" ingest --db "$kb/u.db" "$kb/u2.jsonl" > /dev/null 2> "$kb/u3.err"
check "kb: re-ingest skips a stored input before extraction" grep -q '1 unchanged.*; 1 not extracted again' "$kb/u3.err"
"$T" ingest --db "$kb/u.db" --reextract "$kb/u2.jsonl" > /dev/null 2> "$kb/u4.err"
check "kb: --reextract extracts it again (still unchanged)" grep -q '1 unchanged.*; 0 not extracted again' "$kb/u4.err"
"$T" ingest --db "$kb/u.db" --date 2020-01-01 "$kb/u2.jsonl" > /dev/null 2> "$kb/u5.err"
check "kb: another --date is another key (extracted again)" grep -q '; 0 not extracted again' "$kb/u5.err"
# watch: a background watcher on a temp dir alerts on an article dropped in
mkdir -p "$kb/watch"
printf '# alert rules\nquote speaker="Marlow"\nevent source=PRK target=RUS\n' > "$kb/rules"
printf 'Harbor talks stall\n\nThe talks between the two ports stalled on Monday. "We will not sign this deal," said Peter Marlow, the harbor master.\n' > "$kb/marlow.txt"
timeout 60 "$T" watch --quiet --db "$kb/watch.db" --rules "$kb/rules" --interval 0.2 --jsonl "$kb/watch" > "$kb/watch.out" 2>&1 &
wpid=$!
sleep 1
cp "$kb/marlow.txt" "$kb/watch/"
i=0
while [ $i -lt 100 ] && ! grep -q Marlow "$kb/watch.out"; do sleep 0.2; i=$((i + 1)); done
kill $wpid 2>/dev/null; wait $wpid 2>/dev/null
check "kb: watch alerts on a new quotation by the rule's speaker (JSON Lines)" python3 -c "
import json
rows=[json.loads(l) for l in open('$kb/watch.out')]
assert any(r['kind']=='quote' and r['speaker']=='Peter Marlow' and r['article']=='marlow.txt' for r in rows), rows
"
check "kb: watch stored the article" sh -c "'$T' query --db '$kb/watch.db' quotes --csv | grep -q Marlow"
check "kb: watch --once on stored articles gives no alert" sh -c "test -z \"\$('$T' watch --quiet --once --db '$kb/watch.db' --rules '$kb/rules' '$kb/watch')\""
printf 'event sauce=PRK\n' > "$kb/badrules"
check "kb: watch with a bad rule is a usage error (2)" status_is 2 "$T" watch --once --db "$kb/watch.db" --rules "$kb/badrules" "$kb/watch"
# --- end of knowledge base ---

# --- serve: JSON API, page, hostile requests (tests/serve_test.sh) ---
if ! command -v curl >/dev/null 2>&1; then
  echo "skip: serve (curl not found)"
elif ! "$T" serve --help >/dev/null 2>&1; then
  echo "skip: serve (built without libmicrohttpd)"
else
  check "serve: API, page and hostile requests end to end" sh tests/serve_test.sh
fi
# --- end serve ---

# --- --dict: PETRARCH/Phoenix/TABARI actor and agent files (tests/petrarch) ---
mkdir -p "$tmp/pdict"
cp tests/petrarch/fredonia.actors tests/petrarch/fredonia.agents "$tmp/pdict/"
echo "Rufus T Firefly met the harbormasters on Monday." > "$tmp/firefly.txt"
"$T" extract --quiet --dict "$tmp/pdict" --date 2017-05-01 "$tmp/firefly.txt" > "$tmp/ff17.jsonl" 2>/dev/null
check "--dict reads a PETRARCH .actors file (dated role held)" grep -q '"entity":"rufus-t-firefly".*"code":"FRDGOV"' "$tmp/ff17.jsonl"
"$T" extract --quiet --dict "$tmp/pdict" --date 2021-05-01 "$tmp/firefly.txt" > "$tmp/ff21.jsonl" 2>/dev/null
check "--dict .actors: a date outside the role gives the other code" grep -q '"entity":"rufus-t-firefly".*"code":"FRDOPP"' "$tmp/ff21.jsonl"
printf 'MAYOR_ {MAYORS_ [~GOV]\n' > "$tmp/pdict/bad.agents"
check "a bad PETRARCH line is a located error (2)" sh -c "'$T' extract --quiet --dict '$tmp/pdict' '$tmp/firefly.txt' 2>&1 >/dev/null | grep -q 'bad.agents:1:'"
check "a bad PETRARCH line exits 2" status_is 2 "$T" extract --quiet --dict "$tmp/pdict" "$tmp/firefly.txt"
# --- end PETRARCH dictionaries ---

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
