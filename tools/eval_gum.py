#!/usr/bin/env python3
"""eval_gum.py — a second check of actors, places and times on news that
no rule was tuned on: the GUM corpus' news documents (CoNLL-U with entity
annotations, ../shared/data/gum-news/*.conllu).

  tools/eval_gum.py [--data DIR] [--tidings build/tidings] [-v]

Each document's text is rebuilt from its tokens (SpaceAfter=No joins,
a paragraph break at each `# newpar`) and run through `tidings extract
--date` its meta::dateCreated. GUM marks every mention of every entity
(pronouns and common nouns too) with its type; the figures score what
tidings finds against the named ones:

  names   a gold mention of a person, organization or place is named when
          one of its tokens is a proper noun (PROPN); tidings' name
          mentions are its actors' mentions that begin with a capital and
          its places' mentions. Recall: the named gold mentions that a
          found one overlaps. Precision: the found mentions that overlap a
          gold mention (of any type) holding a proper noun. A found
          mention typed as GUM types it (person: an actor of kind person;
          organization: another actor, or a country, which GUM types as an
          organization when it acts; place: a place, or a country) counts
          for "typed".
  times   gold `time` mentions against tidings' times, by overlap.

GUM's annotation is not CoNLL's (a mention spans its whole noun phrase,
a country acting is an organization), so the figures are for comparing
versions of tidings with each other, not with other tools.
"""
import argparse, difflib, glob, json, os, re, subprocess, sys, tempfile

ENT = re.compile(r"\((\d+)-([a-z]+)[^()|]*\)?|(\d+)\)")


def read_doc(path):
    """(text, date, tokens [(start, end, upos, head index or -1)], mentions
    [(entity, type, first, last)]): the text from each sentence's `# text =`,
    its tokens found in it in order (tools/eval_coref.py reads GUM with this
    too)."""
    text, toks, ments, opened = [], [], [], {}
    date, pos, sent, at, first_par, sent0 = None, 0, "", 0, True, 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# meta::dateCreated = "):
            date = line.split("= ", 1)[1][:10]
        elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
            if not first_par:
                text.append("\n\n")
                pos += 2
            first_par = False
        elif line.startswith("# text = "):
            if text and not text[-1].endswith("\n"):
                text.append(" ")
                pos += 1
            sent, at, sent0 = line[9:], 0, len(toks)
            text.append(sent)
            base, pos = pos, pos + len(sent)
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # (multi-word token ranges and empty nodes: none in GUM's news)
            form = cols[1]
            k = sent.find(form, at)
            if k < 0:  # not in the sentence text as written: a zero-width token at the cursor
                k, form = at, ""
            idx = len(toks)
            head = int(cols[6]) if cols[6].isdigit() else 0
            toks.append((base + k, base + k + len(form), cols[3], sent0 + head - 1 if head else -1))
            at = k + len(form)
            ent = next((f[7:] for f in cols[9].split("|") if f.startswith("Entity=")), None)
            if ent:
                for m in ENT.finditer(ent):
                    if m.group(1):  # an opening, closed here when it ends with ")"
                        if m.group(0).endswith(")"):
                            ments.append((m.group(1), m.group(2), idx, idx))
                        else:
                            opened.setdefault(m.group(1), []).append((m.group(2), idx))
                    else:
                        stack = opened.get(m.group(3))
                        if stack:
                            ty, start = stack.pop()
                            ments.append((m.group(3), ty, start, idx))
    return "".join(text), date, toks, ments


def offset_map(src, out):
    """A function from offsets in tidings' text (out) to offsets in the text
    given (src), None where out's character is not src's (repair, the title
    line taken off), and the spans of src that out keeps."""
    sm = difflib.SequenceMatcher(None, src, out, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]

    def to_src(o):
        for b in blocks:
            if b.b <= o < b.b + b.size:
                return b.a + o - b.b
        return None
    return to_src, [(b.a, b.a + b.size) for b in blocks]


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


PRONOUNS = {"i", "me", "my", "myself", "he", "him", "his", "himself", "she", "her", "hers", "herself",
            "it", "its", "itself", "they", "them", "their", "theirs", "we", "us", "our", "you", "your"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../shared/data/gum-news"))
    ap.add_argument("--tidings", default="build/tidings")
    ap.add_argument("-v", action="store_true", help="list the misses and the unmatched found mentions")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.data, "*.conllu")))
    if not files:
        print(f"eval_gum: no *.conllu in {a.data}, skipped")
        return 0
    c = dict(gold=0, hit=0, typed=0, found=0, good=0, tgold=0, thit=0, tfound=0, tgood=0)
    for path in files:
        text, date, toks, ments = read_doc(path)
        ments = [m[1:] for m in ments]  # (type, first, last)
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
            f.write(text + "\n")
        try:
            out = subprocess.run([a.tidings, "extract", "--quiet", "--threads", "1", "--date",
                                  date or "2010-01-01", f.name], capture_output=True, text=True, check=True)
        finally:
            os.unlink(f.name)
        d = json.loads(out.stdout)
        t = d["text"]
        to_src, kept = offset_map(text, t)

        def src_span(s, e):  # a found span in the given text's offsets, or None
            a0, a1 = to_src(s), to_src(e - 1)
            return (a0, a1 + 1) if a0 is not None and a1 is not None else None
        spans = lambda m: (toks[m[1]][0], toks[m[2]][1])
        in_out = lambda sp: any(overlaps(sp, k) for k in kept)  # not in the title line tidings takes off
        named = [(m[0], spans(m)) for m in ments if m[0] in ("person", "organization", "place")
                 and any(toks[i][2] == "PROPN" for i in range(m[1], m[2] + 1)) and in_out(spans(m))]
        propn = [spans(m) for m in ments if any(toks[i][2] == "PROPN" for i in range(m[1], m[2] + 1))]
        found = []
        for ac in d.get("actors", []):
            kind = ac.get("kind")
            tys = {"person"} if kind == "person" else {"organization", "place"} if kind == "country" else {"organization"}
            for s, e in ac["mentions"]:
                sp = src_span(s, e)
                # a pronoun the actor's coreference took ("I" in its
                # speaker's quotation, "His" opening a sentence) is no name
                if sp and t[s:s + 1].isupper() and t[s:e].lower() not in PRONOUNS:
                    found.append((tys, sp))
        for pl in d.get("places", []):
            for s, e in pl["mentions"]:
                sp = src_span(s, e)
                if sp:
                    found.append(({"place"}, sp))
        # one found mention per span (an actor and a place can share it): types joined
        merged = {}
        for tys, sp in found:
            merged.setdefault(sp, set()).update(tys)
        name = os.path.basename(path)
        for ty, sp in named:
            c["gold"] += 1
            c["gold_" + ty] = c.get("gold_" + ty, 0) + 1
            hits = [tys for fsp, tys in merged.items() if overlaps(sp, fsp)]
            if hits:
                c["hit"] += 1
                c["hit_" + ty] = c.get("hit_" + ty, 0) + 1
                c["typed"] += any(ty in tys for tys in hits)
            elif a.v:
                print(f"{name}: missed {ty}: {text[sp[0]:sp[1]]!r}")
        for sp in merged:
            c["found"] += 1
            if any(overlaps(sp, g) for g in propn):
                c["good"] += 1
            elif a.v:
                print(f"{name}: found, not a named gold mention: {text[sp[0]:sp[1]]!r}")
        gtimes = [spans(m) for m in ments if m[0] == "time" and in_out(spans(m))]
        ftimes = [sp for x in d.get("times", []) for sp in [src_span(*x["span"])] if sp]
        c["tgold"] += len(gtimes)
        c["thit"] += sum(any(overlaps(g, f) for f in ftimes) for g in gtimes)
        c["tfound"] += len(ftimes)
        c["tgood"] += sum(any(overlaps(f, g) for g in gtimes) for f in ftimes)

    def prf(tp_p, n_p, tp_r, n_r):
        p = tp_p / n_p if n_p else 0.0
        r = tp_r / n_r if n_r else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    p, r, f = prf(c["good"], c["found"], c["hit"], c["gold"])
    print(f"GUM news: {len(files)} documents, {c['gold']} named gold mentions, {c['found']} found")
    print(f"names (overlap)   precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print("names recall by type: " + ", ".join(
        f"{ty} {c.get('hit_' + ty, 0) / max(c.get('gold_' + ty, 0), 1):.3f} ({c.get('gold_' + ty, 0)})"
        for ty in ("person", "organization", "place")))
    print(f"names typed       {c['typed']} of {c['hit']} matched ({c['typed'] / max(c['hit'], 1):.3f})")
    p, r, f = prf(c["tgood"], c["tfound"], c["thit"], c["tgold"])
    print(f"times (overlap)   precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  ({c['tgold']} gold, {c['tfound']} found)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
