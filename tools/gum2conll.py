#!/usr/bin/env python3
"""gum2conll.py — turns GUM's CoNLL-U entity annotations (the `Entity=`
MISC field) into CoNLL-2003-style NER columns, so `tidings eval ner` can
score the actors layer on GUM news:

    python3 tools/gum2conll.py ../shared/data/gum-news/*.conllu > /tmp/gum.conll
    build/tidings eval ner /tmp/gum.conll

A GUM mention counts as a name when, after a leading determiner, its words
are proper nouns (with `of`, `and`, `'s`, `-` allowed inside) starting with
a proper noun (a trailing possessive 's is left out); person -> PER,
organization -> ORG, place -> LOC. Nested
names keep the outermost. Other mentions are O. Tags are IOB2.
"""
import re
import sys

TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}


def sentences(path):
    sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if sent:
                yield sent
            sent = []
        elif not line.startswith("#"):
            f = line.split("\t")
            if "-" in f[0] or "." in f[0]:
                continue
            sent.append(f)
    if sent:
        yield sent


def mentions(sent):
    """(start, end, type) spans from Entity= open/close marks."""
    stack, out = [], []
    for i, f in enumerate(sent):
        m = re.search(r"Entity=([^|]*)", f[9])
        if not m:
            continue
        for tok in re.findall(r"\(\d+-[a-z]+[^()]*\)|\(\d+-[a-z]+[^()]*|\d+\)", m.group(1)):
            if tok.startswith("(") and tok.endswith(")"):
                eid, ety = re.match(r"\((\d+)-([a-z]+)", tok).groups()
                out.append((i, i + 1, ety))
            elif tok.startswith("("):
                eid, ety = re.match(r"\((\d+)-([a-z]+)", tok).groups()
                stack.append((eid, ety, i))
            else:
                eid = tok[:-1]
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == eid:
                        _, ety, s = stack.pop(k)
                        out.append((s, i + 1, ety))
                        break
    return out


def is_name(sent, s, e):
    while s < e and sent[s][3] == "DET":
        s += 1
    while e > s and sent[e - 1][3] in ("PART", "PUNCT"):  # Warhol 's
        e -= 1
    if s >= e or sent[s][3] != "PROPN":
        return None
    for f in sent[s:e]:
        if f[3] not in ("PROPN", "PUNCT", "PART", "ADP", "CCONJ", "NUM") or \
           (f[3] == "ADP" and f[1].lower() != "of"):
            return None
    return s, e


def main():
    for path in sys.argv[1:]:
        print("-DOCSTART- -X- O O\n")
        for sent in sentences(path):
            tags = ["O"] * len(sent)
            spans = []
            for s, e, ety in mentions(sent):
                if ety not in TYPES:
                    continue
                r = is_name(sent, s, e)
                if r:
                    spans.append((r[0], r[1], TYPES[ety]))
            spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
            for s, e, t in spans:
                if any(tags[k] != "O" for k in range(s, e)):
                    continue
                for k in range(s, e):
                    tags[k] = ("B-" if k == s else "I-") + t
            for f, t in zip(sent, tags):
                print(f"{f[1]} {f[4]} O {t}")
            print()


main()
