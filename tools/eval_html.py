#!/usr/bin/env python3
"""eval_html.py — scores tidings' HTML article extraction against reader-view
references (Mozilla Readability's test pages: DIR/*/source.html,
expected.html, expected-metadata.json).

  tools/eval_html.py [--pages DIR] [--cli | --driver] [--lib build/libtidings.a] [-v]

Figures, over every page:
  F1     word-overlap F1 of the extracted text against the text of
         expected.html (lowercase words, precision/recall over multisets)
  title  normalized exact match (case and whitespace folded) with the
         expected title
  date   YYYY-MM-DD match where the expected metadata has publishedTime

The extraction runs through `build/tidings extract --input-format html`
(--cli), or through a small C driver built in a temporary folder and linked
with build/libtidings.a (--driver, the default: it calls td_html_extract
alone, without the rest of the pipeline).
"""
import argparse, collections, glob, html.parser, json, os, re, shutil, subprocess, sys, tempfile, time

DRIVER = r'''
#include "ingest/ingest.h"
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) return 1;
    td_buf b = TD_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) td_buf_put(&b, chunk, n);
    fclose(f);
    td_html_doc h;
    int rc = td_html_extract(b.ptr ? b.ptr : "", b.len, &h);
    td_buf o = TD_BUF_INIT;
    td_buf_printf(&o, "{\"rc\":%d,\"text\":", rc);
    td_json_cstr(&o, h.text);
    td_buf_puts(&o, ",\"doc\":{\"title\":"); td_json_cstr(&o, h.title);
    td_buf_puts(&o, ",\"date\":"); td_json_cstr(&o, h.date);
    td_buf_puts(&o, ",\"lang\":"); td_json_cstr(&o, h.lang);
    td_buf_puts(&o, ",\"site\":"); td_json_cstr(&o, h.site_name);
    td_buf_puts(&o, ",\"url\":"); td_json_cstr(&o, h.url);
    td_buf_puts(&o, ",\"error\":"); td_json_cstr(&o, h.error);
    td_buf_puts(&o, "}}\n");
    fwrite(o.ptr, 1, o.len, stdout);
    td_buf_free(&o); td_buf_free(&b); td_html_doc_free(&h);
  }
  return 0;
}
'''

class TextOf(html.parser.HTMLParser):
    """Collects the text of an HTML fragment (scripts and styles left out)."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'style'): self.skip += 1
        self.parts.append(' ')
    def handle_endtag(self, tag):
        if tag in ('script', 'style') and self.skip: self.skip -= 1
        self.parts.append(' ')
    def handle_data(self, d):
        if not self.skip: self.parts.append(d)

def html_text(s):
    p = TextOf(); p.feed(s); p.close()
    return ''.join(p.parts)

WORD = re.compile(r'\w+', re.UNICODE)

def words(s):
    return collections.Counter(w.lower() for w in WORD.findall(s or ''))

def f1(got, want):
    g, w = words(got), words(want)
    common = sum((g & w).values())
    if not common: return 0.0, 0.0, 0.0
    p, r = common / sum(g.values()), common / sum(w.values())
    return p, r, 2 * p * r / (p + r)

def norm_title(t):
    return ' '.join((t or '').split()).casefold()

def build_driver(lib, root):
    d = tempfile.mkdtemp(prefix='eval_html.')
    src, exe = os.path.join(d, 'drv.c'), os.path.join(d, 'drv')
    open(src, 'w').write(DRIVER)
    # the Makefile's PKGS: the archive needs every library the program links
    flags = subprocess.run(['pkg-config', '--cflags', '--libs', 'gumbo', 'jansson', 'zlib', 'sqlite3',
                            'nettle', 'libutf8proc'], capture_output=True, text=True).stdout.split()
    # link against a copy: a concurrent `make` may be rewriting the archive
    for attempt in range(5):
        copy = os.path.join(d, 'libtidings.a')
        shutil.copy(lib, copy)
        p = subprocess.run(['cc', '-std=c11', '-D_GNU_SOURCE', '-O2', '-I' + os.path.join(root, 'src'),
                            '-I' + os.path.join(root, 'include'), src, '-o', exe, copy] + flags +
                           ['-ldl', '-lm', '-pthread'], capture_output=True, text=True)
        if p.returncode == 0:
            return exe
        time.sleep(3)
    sys.exit('cannot build the driver:\n' + p.stderr[-2000:])

def run_one(args, exe, path):
    if args.cli:
        cmd = [args.tidings, 'extract', '--input-format', 'html', path]
    else:
        cmd = [exe, path]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    for line in p.stdout.splitlines():
        if line.startswith('{'):
            return json.loads(line)
    return {'text': '', 'doc': {}, 'error': p.stderr.strip()[:200]}

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--pages', default=os.path.join(root, '..', 'shared', 'data', 'readability-pages'))
    ap.add_argument('--cli', action='store_true', help='run build/tidings extract')
    ap.add_argument('--tidings', default=os.path.join(root, 'build', 'tidings'))
    ap.add_argument('--lib', default=os.path.join(root, 'build', 'libtidings.a'))
    ap.add_argument('-v', '--verbose', action='store_true', help='one line per page')
    args = ap.parse_args()
    pages = sorted(d for d in glob.glob(os.path.join(args.pages, '*')) if
                   os.path.exists(os.path.join(d, 'source.html')))
    if not pages:
        print('no pages under', args.pages, '(skipped)'); return 0
    exe = None if args.cli else build_driver(args.lib, root)
    sf = st = sd = nd = 0
    for d in pages:
        name = os.path.basename(d)
        want = html_text(open(os.path.join(d, 'expected.html'), encoding='utf-8').read())
        meta = json.load(open(os.path.join(d, 'expected-metadata.json'), encoding='utf-8'))
        got = run_one(args, exe, os.path.join(d, 'source.html'))
        doc = got.get('doc') or {}
        p, r, f = f1(got.get('text', ''), want)
        tok = norm_title(doc.get('title')) == norm_title(meta.get('title'))
        sf += f; st += tok
        dmark = ''
        if meta.get('publishedTime'):
            nd += 1
            dok = (doc.get('date') or '') == meta['publishedTime'][:10]
            sd += dok
            dmark = 'date ok' if dok else 'date %s want %s' % (doc.get('date'), meta['publishedTime'][:10])
        if args.verbose:
            print('%-32s F1 %.3f (P %.3f R %.3f)  title %s  %s' % (name, f, p, r,
                  'ok' if tok else 'got %r want %r' % (doc.get('title'), meta.get('title')), dmark))
    n = len(pages)
    print('pages %d  F1 %.3f  title %.3f (%d/%d)  date %.3f (%d/%d)' % (
        n, sf / n, st / n, st, n, sd / nd if nd else 0, sd, nd))
    return 0

if __name__ == '__main__':
    sys.exit(main())
