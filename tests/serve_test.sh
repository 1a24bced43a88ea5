#!/bin/sh
# serve_test.sh — `tidings serve` end to end: ingests examples/ (and the
# seeds when ../shared exists) into a temporary store, starts the server on
# 127.0.0.1 with a free port, checks every endpoint's JSON shape, the page
# and its bundle, and that hostile requests (SQL in parameters, ../ paths,
# huge headers, malformed UTF-8, unknown arguments, POST) get clean 4xx
# errors and change nothing. Bounded in time; always stops the server.
# Ends with "serve: N passed, N failed"; exit 0 only when all passed.
T=${TIDINGS:-build/tidings}
SHARED=${SHARED:-../shared}
command -v curl >/dev/null 2>&1 || { echo "skip: serve (curl not found)"; exit 0; }
if ! "$T" ingest --help >/dev/null 2>&1; then echo "skip: serve (no 'tidings ingest')"; exit 0; fi
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { name=$1; shift; if "$@" >/dev/null 2>&1; then ok; else bad "$name"; fi; }

inputs=examples
[ -d "$SHARED/seeds" ] && inputs="examples $SHARED/seeds"
# shellcheck disable=SC2086
timeout 120 "$T" ingest --quiet --db "$tmp/kb.db" $inputs > "$tmp/ingest.out" 2>&1
check "ingest builds the store" test -s "$tmp/kb.db"
sha_before=$(sha256sum "$tmp/kb.db" | cut -d' ' -f1)

timeout 90 "$T" serve --db "$tmp/kb.db" --port 0 --port-file "$tmp/port" --web web --threads 2 \
  --idle-timeout 2 --quiet 2> "$tmp/serve.err" &
pid=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if [ ! -s "$tmp/port" ]; then
  bad "server starts"; cat "$tmp/serve.err"; echo "serve: $pass passed, $fail failed"; exit 1
fi
ok
A="http://127.0.0.1:$(cat "$tmp/port")"
get() { # get NAME URL-PATH [curl options]: body in $tmp/NAME, status in $tmp/NAME.st
  n=$1; u=$2; shift 2
  curl -s -m 10 -o "$tmp/$n" -w '%{http_code}' "$@" "$A$u" > "$tmp/$n.st" 2>/dev/null
}
status_of() { cat "$tmp/$1.st"; }
json() { # json NAME PYTHON-EXPR: the expression over d (the parsed body) is true
  python3 -c "import json,sys; d=json.load(open('$tmp/$1')); sys.exit(0 if ($2) else 1)"
}

# --- endpoints ---
for ep in events quotes claims actors stories places articles; do
  get "$ep" "/api/$ep?limit=5"
  check "/api/$ep answers 200" test "$(status_of "$ep")" = 200
  check "/api/$ep is a page" json "$ep" "isinstance(d['total'], int) and d['limit'] == 5 and d['offset'] == 0 and isinstance(d['items'], list) and len(d['items']) <= 5"
done
check "events exist" json events "d['total'] > 0 and all(k in d['items'][0] for k in ('id','root','cameo','quad','source_code','target_code','num_mentions','mention'))"
check "articles exist" json articles "d['total'] >= 3 and 'title' in d['items'][0]"
get ev2 "/api/events?limit=2&offset=1"
check "pagination: offset and limit" json ev2 "d['offset'] == 1 and len(d['items']) <= 2"
get evcap "/api/events?limit=100000"
check "limit is capped" json evcap "d['limit'] <= 500"
get root "/api/events?root=4&limit=500"
check "root filter" json root "all(e['root'] == '04' for e in d['items'])"
get since "/api/articles?since=2025-03&until=2025-03"
check "since/until filter" json since "all(a['date'].startswith('2025-03') for a in d['items']) and d['total'] >= 1"
get search "/api/search?q=power%20restored"
check "full-text search" json search "d['total'] >= 1 and 'snippet' in d['items'][0]"
id=$(python3 -c "import json; print(json.load(open('$tmp/articles'))['items'][0]['id'])")
get art "/api/articles/$id"
check "/api/articles/{id} answers 200" test "$(status_of art)" = 200
check "article has text and annotation spans" json art "d['article']['text'] and all(k in d['annotations'] for k in ('sentences','actors','places','times','quotes','quantities','events')) and all(0 <= s['start'] <= s['end'] <= len(d['article']['text']) for s in d['annotations']['sentences'])"
if [ -d "$SHARED/seeds" ]; then
  get kirby "/api/quotes?speaker=Kirby"
  check "quotes by speaker (Kirby)" json kirby "d['total'] >= 1 and all('Kirby' in (q['speaker_name'] or '') + (q['speaker_text'] or '') for q in d['items'])"
  get claims "/api/claims?limit=500&measure=troops"
  check "troop claims" json claims "d['total'] >= 2"
fi

# --- the page ---
get index "/"
check "/ serves the page" sh -c "test \"$(status_of index)\" = 200 && grep -q '/dist/app.js' '$tmp/index'"
get appjs "/dist/app.js" -D "$tmp/appjs.h"
check "the bundle is served as JavaScript" grep -qi 'content-type: text/javascript' "$tmp/appjs.h"
get atlas "/dist/countries-110m.json"
check "the world map is served" json atlas "d['type'] == 'Topology'"

# --- hostile requests: clean JSON errors, nothing changed ---
get sql "/api/events?actor=%27%3B%20DROP%20TABLE%20m_events%3B--"
check "SQL in a parameter is just a value" json sql "d['total'] == 0"
get sql2 "/api/search?q=%22%29%20OR%201%3D1%20--%20NEAR%28"
check "FTS syntax in q is quoted" test "$(status_of sql2)" = 200
for p in "/../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/dist/../../../etc/passwd" "/web/index.html" "/.git/config"; do
  get trav "$p" --path-as-is
  check "traversal $p is refused" sh -c "test \"$(status_of trav)\" -ge 400 && test \"$(status_of trav)\" -lt 500 && ! grep -q root: '$tmp/trav'"
done
get utf "/api/events?actor=%ff%fe%80"
check "malformed UTF-8 in the query string: 400 JSON" sh -c "test \"$(status_of utf)\" = 400 && python3 -c \"import json; assert json.load(open('$tmp/utf'))['error']['status'] == 400\""
get lim "/api/events?limit=-1"
check "bad limit: 400" test "$(status_of lim)" = 400
get date "/api/events?since=yesterday"
check "bad date: 400" test "$(status_of date)" = 400
get unk "/api/events?evil=1"
check "unknown argument: 400" test "$(status_of unk)" = 400
get nf "/api/nothing"
check "unknown endpoint: 404 JSON" sh -c "test \"$(status_of nf)\" = 404 && grep -q '\"error\"' '$tmp/nf'"
get na "/api/articles/does-not-exist"
check "unknown article: 404" test "$(status_of na)" = 404
get post "/api/events" -X POST -d 'x=1'
check "POST: 405" test "$(status_of post)" = 405
head -c 200000 /dev/zero | tr '\0' a > "$tmp/big"
printf 'X-Big: %s\n' "$(cat "$tmp/big")" > "$tmp/bighdr"
get big "/api/events" -H "@$tmp/bighdr"
check "oversized header: 4xx" sh -c "s=\$(cat '$tmp/big.st'); test \"\$s\" -ge 400 && test \"\$s\" -lt 500"
check "slow clients (200 half-sent requests) do not block others" python3 -c "
import socket, subprocess
port = int(open('$tmp/port').read())
socks = []
for i in range(200):
    s = socket.create_connection(('127.0.0.1', port)); s.send(b'GET /api/events HTTP/1.1\\r\\nHost: x\\r\\nX-a: '); socks.append(s)
r = subprocess.run(['curl', '-s', '-m', '5', '-o', '/dev/null', '-w', '%{http_code}', '$A/api/events?limit=1'], capture_output=True, text=True)
assert r.stdout == '200', r.stdout
"
jerr() { # jerr NAME STATUS: answered STATUS with {"error":{"status":STATUS,"message":...}}
  test "$(status_of "$1")" = "$2" &&
    json "$1" "d['error']['status'] == $2 and isinstance(d['error']['message'], str) and d['error']['message']"
}
# SQL in every kind of parameter: bound values, so an empty or ordinary
# page (or a 400 for a malformed number), never an error from SQLite and
# never the schema
i=0
for u in "/api/events?actor=x%27%20OR%20%271%27%3D%271" "/api/events?source=%27%29%3B%20DELETE%20FROM%20documents%3B--" \
  "/api/events?place=%25%27%20UNION%20SELECT%20sql%20FROM%20sqlite_master--" "/api/events?story=1%20OR%201%3D1" \
  "/api/quotes?speaker=%27%20OR%20%271%27%3D%271" "/api/quotes?article=%27%3B%20DROP%20TABLE%20quotes%3B--" \
  "/api/claims?measure=%25%27%20OR%201%3D1--" "/api/actors?kind=person%27%20OR%20%271" \
  "/api/stories?story=%27%20UNION%20SELECT%201--" "/api/places?text=US%27%20OR%201%3D1--" \
  "/api/articles?source=%27%29%20OR%20%281%3D1" "/api/articles?text=x%22%20OR%20%22" \
  "/api/search?q=*%20NOT%20a%3A%20NEAR%28b" "/api/articles/%27%20OR%201%3D1--"; do
  i=$((i + 1))
  get "sqlp$i" "$u"
  check "SQL in a parameter ($u) is a value" sh -c "case \"$(status_of "sqlp$i")\" in 200|404) ;; *) exit 1;; esac && ! grep -q 'CREATE TABLE' '$tmp/sqlp$i'"
done
get sqlroot "/api/events?root=4%3BDROP%20TABLE%20documents"
check "SQL in a number (root): 400 JSON" jerr sqlroot 400
get sqlquad "/api/events?quad=1%20OR%201%3D1"
check "SQL in a number (quad): 400 JSON" jerr sqlquad 400
# encoded and disguised traversal: 4xx JSON, nothing outside the bundle
i=0
for p in "/%2e%2e%2f%2e%2e%2fetc%2fpasswd" "/dist/%2e%2e/index.html" "/dist/..%5c..%5cetc%5cpasswd" \
  "/%252e%252e/%252e%252e/etc/passwd" "/api/articles/..%2f..%2fetc%2fpasswd" "/dist/%2E%2E/%2E%2E/Makefile" \
  "/..%c0%af..%c0%afetc/passwd" "//etc/passwd" "/dist//../../etc/passwd"; do
  i=$((i + 1))
  get "trav$i" "$p" --path-as-is
  check "traversal $p: 4xx JSON" sh -c "s=\$(cat '$tmp/trav$i.st'); test \"\$s\" -ge 400 && test \"\$s\" -lt 500 && ! grep -q -e root: -e '^CC' '$tmp/trav$i' && python3 -c \"import json; json.load(open('$tmp/trav$i'))['error']\""
done
# malformed UTF-8 anywhere in the query string or path: 400 JSON
i=0
for u in "/api/events?%ff=1" "/api/events?actor=%c0%af" "/api/events?actor=%ed%a0%80" "/api/events?actor=%e2%82" \
  "/api/events?actor=a%00b" "/api/quotes?speaker=%f8%88%80%80%80" "/api/search?q=%c0%ae%c0%ae" "/api/articles/%ff%fe"; do
  i=$((i + 1))
  get "utf$i" "$u"
  check "malformed UTF-8 ($u): 400 JSON" jerr "utf$i" 400
done
# huge, negative and malformed numbers
i=0
for u in "/api/events?limit=99999999999999999999" "/api/events?offset=99999999999" "/api/events?offset=10000001" \
  "/api/events?offset=-5" "/api/events?limit=-0" "/api/events?limit=1e3" "/api/events?limit=%2B5" "/api/events?limit=0x10" \
  "/api/events?limit=" "/api/events?quad=-1" "/api/events?root=-4" "/api/events?root=99999999999999999999" \
  "/api/events?since=-2024" "/api/quotes?until=2024-13-99x"; do
  i=$((i + 1))
  get "num$i" "$u"
  check "bad number ($u): 400 JSON" jerr "num$i" 400
done
get deep "/api/events?offset=9999999&limit=500"
check "the deepest offset: an empty page" json deep "d['offset'] == 9999999 and d['items'] == [] and d['total'] > 0"
get bigq "/api/search?q=$(head -c 1000 /dev/zero | tr '\0' w)%20$(head -c 100 /dev/zero | tr '\0' v)"
check "an argument over 1 KiB: 400 JSON" jerr bigq 400
# raw requests: 10 MB of headers, a 10 MB URL, raw bytes, a slow client
check "10 MB header, 10 MB of headers, 10 MB URL: 431/414 and the connection closed" python3 -c "
import socket
port = int(open('$tmp/port').read())
def raw(req):
    s = socket.create_connection(('127.0.0.1', port), timeout=10)
    try:
        s.sendall(req)
    except OSError:
        pass
    data = b''
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            data += b
    except OSError:
        pass
    s.close()
    return data
big = b'a' * (10 << 20)
r = raw(b'GET /api/events HTTP/1.1\r\nHost: x\r\nX-Big: ' + big + b'\r\n\r\n')
assert r.startswith(b'HTTP/1.1 431'), r[:80]
r = raw(b'GET /api/events HTTP/1.1\r\nHost: x\r\n' + b''.join(b'X-H%d: %s\r\n' % (i, b'b' * 1000) for i in range(10240)) + b'\r\n')
assert r.startswith(b'HTTP/1.1 431'), r[:80]
r = raw(b'GET /api/events?actor=' + big + b' HTTP/1.1\r\nHost: x\r\n\r\n')
assert r.startswith(b'HTTP/1.1 414'), r[:80]
r = raw(b'GET /api/events?actor=\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
assert r.startswith(b'HTTP/1.1 400') and b'\"status\":400' in r, r[:80]
"
check "a slow client is dropped after the idle timeout (--idle-timeout 2)" python3 -c "
import socket, time
s = socket.create_connection(('127.0.0.1', int(open('$tmp/port').read())))
s.sendall(b'GET /api/events HTTP/1.1\r\nHost:')
s.settimeout(8)
t = time.time()
try:
    r = s.recv(100)
except ConnectionResetError:
    r = b''
assert r == b'' and 1.5 < time.time() - t < 6, (r, time.time() - t)
"
get alive "/api/events?limit=1"
check "still serving after hostile requests" test "$(status_of alive)" = 200
check "the store is unchanged" test "$(sha256sum "$tmp/kb.db" | cut -d' ' -f1)" = "$sha_before"

# --- ingest writes while the server reads: new articles show up ---
n0=$(python3 -c "import json; print(json.load(open('$tmp/articles'))['total'])")
printf 'Lighthouse reopens\n\nThe old harbor lighthouse reopened to visitors on Saturday after a two-year restoration, the town council said.\n' > "$tmp/lighthouse.txt"
get during "/api/events?limit=50" &
timeout 60 "$T" ingest --quiet --db "$tmp/kb.db" --date 2025-05-10 "$tmp/lighthouse.txt" > /dev/null 2>&1
check "ingest into the served store succeeds" test $? -eq 0
wait $!
get after "/api/articles?limit=5"
check "the new article is served (cache follows the store)" json after "d['total'] == $n0 + 1"

get evall "/api/events?limit=500"
# pages at offsets (from the key-list and row caches the second time),
# compared below with the same pages answered without any cache
pages="limit=7&offset=3 limit=5 limit=3&offset=2&root=4 limit=2&quad=1&offset=1 offset=100000"
i=0
for q in $pages; do
  i=$((i + 1))
  get "pg$i" "/api/events?$q"
  get "pgc$i" "/api/events?$q"
  check "cached page $q: same bytes the second time" cmp -s "$tmp/pg$i" "$tmp/pgc$i"
done

kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "stops cleanly on SIGTERM" test $? -eq 0
pid=
check "no sanitizer reports from the server" sh -c "! grep -q -e 'runtime error' -e 'Sanitizer' '$tmp/serve.err'"

# --- a store without the precomputed event display rows (schema before v4):
# the events endpoint computes them per row, with the same answer ---
python3 -c "
import sqlite3
src = sqlite3.connect('$tmp/kb.db'); dst = sqlite3.connect('$tmp/v3.db')
src.backup(dst); src.close()
dst.execute('DROP TABLE m_event_display'); dst.execute(\"UPDATE meta SET value='3' WHERE key='schema_version'\"); dst.commit()
" 2>/dev/null
rm -f "$tmp/port"
timeout 60 "$T" serve --db "$tmp/v3.db" --port 0 --port-file "$tmp/port" --threads 2 --no-cache \
  --quiet 2> "$tmp/serve.err" &
pid=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
A="http://127.0.0.1:$(cat "$tmp/port" 2>/dev/null)"
get evall3 "/api/events?limit=500"
check "events without display rows: same page" python3 -c "
import json; a = json.load(open('$tmp/evall')); b = json.load(open('$tmp/evall3'))
assert a['total'] > 0 and a == b"
i=0
for q in $pages; do
  i=$((i + 1))
  get "pgn$i" "/api/events?$q"
  check "page $q without caches: the same answer" python3 -c "
import json; a = json.load(open('$tmp/pg$i')); b = json.load(open('$tmp/pgn$i')); assert a == b"
done
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "the second server stops cleanly, no sanitizer reports" sh -c "test $? -eq 0 && ! grep -q -e 'runtime error' -e 'Sanitizer' '$tmp/serve.err'"
pid=
echo "serve: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
