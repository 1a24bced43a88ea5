#!/usr/bin/env python3
"""eval_polnear_claims.py — scores the claimants of numbers (quantities'
claimed_by_text in tidings/1 output) against PolNeAR's attribution
annotations: a number inside an annotated Content span was claimed by that
attribution's Source.

  build/tidings extract --quiet ../shared/data/polnear/train/text \\
      ../shared/data/polnear/dev/text > out.jsonl
  tools/eval_polnear_claims.py ../shared/data/polnear out.jsonl [-v]

Each quantity is placed in the raw article by its text and the 25
characters before it. Inside an attribution's content (the innermost when
several hold it) its claimant is right when it shares a word other than a
determiner, a preposition or a speech verb with the annotated source,
wrong when it shares none, missed when there is none. A number outside
every annotated content that has a claimant is counted apart: PolNeAR
annotates many attributions but not all, so these are no sure errors, but
a rule that raises them without raising the right ones is suspect.
Prints the counts, the share right over all attributed numbers and over
those given a claimant; -v lists up to 40 of each kind of miss.
"""
import collections
import glob
import json
import os
import re
import sys

STOP = {'the', 'a', 'an', 'of', "'s", 's', 'by', 'and', 'for', 'from', 'at', 'to', 'in', 'its',
        'his', 'her', 'said', 'says'}


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", s.lower().replace('\u2019', "'")) if w not in STOP}


def load_ann(path):
    """The (span length, content spans, source text) of each attribution."""
    spans, atts = {}, []
    for line in open(path, encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        if len(p) < 2:
            continue
        if p[0].startswith('T'):
            typ, rest = p[1].split(' ', 1)
            spans[p[0]] = (typ, [tuple(map(int, x.split())) for x in rest.split(';')],
                           p[2] if len(p) > 2 else '')
        elif p[0].startswith('E'):
            atts.append(dict(x.split(':') for x in p[1].split()[1:] if ':' in x))
    out = []
    for a in atts:
        if a.get('Content') in spans and a.get('Source') in spans:
            c, s = spans[a['Content']], spans[a['Source']]
            lo, hi = min(x[0] for x in c[1]), max(x[1] for x in c[1])
            out.append((hi - lo, c[1], s[2]))
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root, out = sys.argv[1], sys.argv[2]
    anns = {}
    for f in glob.glob(os.path.join(root, '*', 'attributions', '*.ann')):
        split = f.split(os.sep)[-3]
        anns[os.path.basename(f).rsplit('_', 1)[0] + '.txt'] = (split, f)
    res, ex = collections.Counter(), collections.defaultdict(list)
    for line in open(out, encoding='utf-8'):
        d = json.loads(line)
        doc = d['doc']['id']
        if doc not in anns:
            continue
        split, af = anns[doc]
        raw = open(os.path.join(root, split, 'text', doc), encoding='utf-8').read()
        contents = load_ann(af)
        t, pos = d['text'], 0
        for q in d.get('quantities', []):
            s, e = q['span']
            qt = t[s:e]
            k = raw.find(t[max(0, s - 25):s] + qt)
            k = raw.find(qt, pos) if k < 0 else k + min(25, s)
            if k < 0:
                res['unaligned'] += 1
                continue
            pos = k
            inside = [c for c in contents if any(a <= k and k + len(qt) <= b for a, b in c[1])]
            cl = q.get('claimed_by_text')
            ctx = raw[max(0, k - 150):k + len(qt) + 60].replace('\n', ' ')
            if not inside:
                res['outside, claimant' if cl else 'outside, none'] += 1
                if cl:
                    ex['outside, claimant'].append((cl, ctx))
                continue
            gold = min(inside)[2]
            if not cl:
                res['missed'] += 1
                ex['missed'].append((gold, ctx))
            elif words(cl) & words(gold) or cl.lower() == gold.lower():
                res['right'] += 1
            else:
                res['wrong'] += 1
                ex['wrong'].append((cl, gold, ctx))
    n = res['right'] + res['wrong'] + res['missed']
    print(dict(res))
    print('claimants of attributed numbers: right %d of %d (%.3f); right of those given %.3f'
          % (res['right'], n, res['right'] / max(1, n), res['right'] / max(1, res['right'] + res['wrong'])))
    if '-v' in sys.argv:
        for kind, items in ex.items():
            print('==', kind)
            for x in items[:40]:
                print('  ', repr(x)[:400])


if __name__ == '__main__':
    main()
