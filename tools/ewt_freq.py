#!/usr/bin/env python3
"""ewt_freq.py — derives the word and word-pair frequency table used by text
repair (data/words/ewt-freq.tsv) from the UD English EWT training treebank.

    python3 tools/ewt_freq.py ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu \
        > data/words/ewt-freq.tsv

Counts are over surface tokens (a multi-word token such as "don't" or
"cannot" counts as written), lowercased, letters and apostrophes only.
Lines: "word<TAB>count" for every word, "word word<TAB>count" for adjacent
pairs seen at least twice. The first line is "#total<TAB>N" (all tokens).
"""
import collections
import re
import sys

WORD = re.compile(r"^[a-z][a-z']*$")


def sentences(path):
    toks, skip_to = [], 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if toks:
                yield toks
            toks, skip_to = [], 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        tid = cols[0]
        if "." in tid:
            continue
        if "-" in tid:
            a, b = tid.split("-")
            skip_to = int(b)
            toks.append(cols[1])
            continue
        if int(tid) <= skip_to:
            continue
        toks.append(cols[1])
    if toks:
        yield toks


def main():
    uni, bi, total = collections.Counter(), collections.Counter(), 0
    for toks in sentences(sys.argv[1]):
        low = [t.lower().replace("\u2019", "'") for t in toks]
        total += len(low)
        for i, w in enumerate(low):
            if WORD.match(w):
                uni[w] += 1
                if i + 1 < len(low) and WORD.match(low[i + 1]):
                    bi[w + " " + low[i + 1]] += 1
    out = sys.stdout
    out.write("#total\t%d\n" % total)
    for w, c in sorted(uni.items()):
        out.write("%s\t%d\n" % (w, c))
    for w, c in sorted(bi.items()):
        if c >= 2:
            out.write("%s\t%d\n" % (w, c))


if __name__ == "__main__":
    main()
