#!/usr/bin/env python3
"""eval_claims.py — scores the quantities of tidings/1 output (their spans,
values, qualifiers, units, measures, status and claimants) against a hand
annotation of the same articles.

  build/tidings extract --quiet FILE... > out.jsonl
  tools/eval_claims.py GOLD.tsv out.jsonl [-v]

GOLD.tsv has one row per quantity an analyst would want (counts of people
and things, money, percentages, physical amounts, durations, ages; not
years, dates, ordinals, ranks, scores or numbers inside names), tab
separated, `#` lines ignored:

  file  text  occ  value  value_max  qualifier  unit  measure  status  claimant

`file` ends with the article's file name (the tidings doc.id); `text` is
the quantity as written in the article (an exact substring: "around 8,000
North Korean troops", "$1.13bn"), `occ` which occurrence of that string
(1 = the first); `value` in full (1130000000), `value_max` for a range;
`qualifier` about|at_least|at_most|exact|range|vague; `unit` and `measure`
as tidings normalizes them (troops, people, dollars, percent, years old;
"troops deployed", "people killed"), several accepted ones separated by
`/` ("people/investors"); `status` actual|expected; `claimant` the
claimant as the article names it at the cue, `-` when the article states
the number itself (alternatives separated by `/`). Empty cells are `-`.

Each gold quantity's span is its text's occ-th occurrence in the record's
`text`; it is matched to the unused system quantity overlapping it most.
Precision and recall count matches; over matched pairs the tool reports
the accuracy of value (not for vague amounts), value_max (gold ranges),
qualifier, unit and measure (any accepted alternative), status, and
claimant (none for none; else the system's claimed_by_text shares a word
other than a determiner with the gold's). -v lists misses (FN), false
finds (FP) and each field's errors with context.
"""
import json, sys, re, collections
STOP = {'the', 'a', 'an', 'of', "'s", 's', 'by', 'and', 'for', 'from', 'at', 'to', 'in', 'its', 'his', 'her'}
def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", s.lower().replace('’', "'")) if w not in STOP}
def load_gold(path):
    g = collections.defaultdict(list); paths = {}
    for l in open(path, encoding='utf-8'):
        if l.startswith('#') or not l.strip(): continue
        f = l.rstrip('\n').split('\t')
        base = f[0].split('/')[-1]
        if paths.setdefault(base, f[0]) != f[0]:  # tidings' doc.id is the file name alone
            sys.exit(f"eval_claims: {f[0]} and {paths[base]} share a file name; score them apart")
        g[base].append(dict(file=f[0], text=f[1], occ=int(f[2]), value=f[3], vmax=f[4],
                                          q=f[5], unit=f[6], measure=f[7], status=f[8], claim=f[9]))
    return g
def find(text, s, occ):
    i = -1
    for _ in range(occ):
        i = text.find(s, i + 1)
        if i < 0: return None
    return (i, i + len(s))
def num_eq(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))
def main():
    gold = load_gold(sys.argv[1]); verbose = '-v' in sys.argv
    docs = {}
    for l in open(sys.argv[2], encoding='utf-8'):
        d = json.loads(l)
        if d['doc']['id'] in docs and d['doc']['id'] in gold:
            sys.exit(f"eval_claims: two records with id {d['doc']['id']}; score them apart")
        docs[d['doc']['id']] = d
    nsys = ngold = nmatch = nsys_matched = 0; unfound = 0
    acc = collections.Counter(); tot = collections.Counter(); errs = collections.defaultdict(list)
    for fid, d in docs.items():
        gl = gold.get(fid, []); text = d['text']; qs = d['quantities']
        nsys += len(qs); ngold += len(gl); used = set()
        for gq in gl:
            sp = find(text, gq['text'], gq['occ'])
            if not sp:
                unfound += 1; errs['unfound'].append(f"{fid} {gq['text']!r}"); continue
            best, bo = None, 0
            for k, q in enumerate(qs):
                if k in used: continue
                o = min(sp[1], q['span'][1]) - max(sp[0], q['span'][0])
                if o > bo: best, bo = k, o
            if best is None:
                errs['FN'].append(f"{fid} |{text[max(0,sp[0]-60):sp[0]]}[[{gq['text']}]]{text[sp[1]:sp[1]+40]}|".replace('\n', ' / '))
                continue
            used.add(best); nmatch += 1; q = qs[best]
            def chk(field, ok, shown):
                tot[field] += 1
                if ok: acc[field] += 1
                else: errs[field].append(f"{fid} {q['text']!r}: sys {shown} gold {gq[field] if field in gq else ''}")
            if gq['q'] != 'vague':
                chk('value', q['value'] is not None and num_eq(float(q['value']), float(gq['value'])), q['value'])
            if gq['q'] == 'range':
                chk('vmax', q['value_max'] is not None and gq['vmax'] != '-' and num_eq(float(q['value_max']), float(gq['vmax'])), q['value_max'])
            chk('q', q['qualifier'] == gq['q'], q['qualifier'])
            chk('unit', (q['unit'] or '-').lower() in gq['unit'].lower().split('/'), q['unit'])
            chk('measure', (q['measure'] or '-').lower() in gq['measure'].lower().split('/'), q['measure'])
            chk('status', q['status'] == gq['status'], q['status'])
            ct = q.get('claimed_by_text')
            if gq['claim'] == '-': ok = not ct
            else: ok = bool(ct) and any(words(ct) & words(a) for a in gq['claim'].split('/'))
            chk('claim', ok, ct)
        for k, q in enumerate(qs):
            if k not in used:
                s0, s1 = q['span']
                errs['FP'].append(f"{fid} |{text[max(0,s0-60):s0]}[[{text[s0:s1]}]]{text[s1:s1+40]}|".replace('\n', ' / '))
    for fid, gl in gold.items():  # an article with no record: its quantities are all missed
        if fid not in docs:
            ngold += len(gl); errs['no record'].append(f"{fid} ({len(gl)} quantities)")
    P = nmatch / nsys if nsys else 0; R = nmatch / ngold if ngold else 0
    F = 2 * P * R / (P + R) if P + R else 0
    print(f"quantities: gold {ngold} sys {nsys} matched {nmatch}  P {P:.3f} R {R:.3f} F1 {F:.3f}" + (f"  (gold text not found: {unfound})" if unfound else ''))
    print('  '.join(f"{k} {acc[k]}/{tot[k]}={acc[k]/tot[k]:.3f}" for k in ['value', 'vmax', 'q', 'unit', 'measure', 'status', 'claim'] if tot[k]))
    if verbose:
        for k in errs:
            print(f"--- {k} ({len(errs[k])})")
            for e in errs[k]: print('  ', e)
main()
