#!/usr/bin/env python3
"""eval_coref.py — how well the actors layer follows one actor through a
story (coreference: surnames, titles, pronouns, descriptions), scored
against the coreference chains of GUM's news documents
(../shared/data/gum-news/*.conllu; MISC `Entity=(ID-type-...` opens a
mention of entity ID, `ID)` closes it).

  tools/eval_coref.py [--data DIR] [--tidings build/tidings] [-v dev|confirm]

The documents are split in two halves by file name, alternately in
alphabetical order (dev: the 1st, 3rd, … file; confirm: the 2nd, 4th, …):
rules are developed on one and confirmed on the other. Each document is
run through `tidings extract` as eval_gum.py runs it (the text rebuilt
from the tokens, --date its meta::dateCreated).

Mapping. A found mention (a span of an actor's mentions) stands for the
gold mention it overlaps whose head word (the token whose dependency
head lies outside the mention) it covers, or that nests with it, the one
of most characters in common; a found mention with none is unmapped and
not scored. A gold mention's form is that of its head word: proper (a
proper noun), pronoun (he, his, they, it …), nominal (the rest: the
minister, the company).

  entities   the gold entities of type person and organization that
             tidings finds (a found mention maps to one of their
             mentions). Each has one actor: the one with most mentions
             mapped to it; each actor has one main entity: the one most
             of its mentions map to.
  recall     of the gold mentions of those entities, the share that a
             mention of the entity's actor maps to, by form.
  precision  of the mapped found mentions (any entity type), the share
             whose gold entity is its actor's main entity, by the form
             of the gold mention (a wrong link counts here).
  B3         B-cubed over the mentions: recall over the gold mentions of
             the found entities (a mention no actor holds is a cluster of
             its own), precision over the mapped found mentions against
             their whole gold entity.

-v HALF lists that half's wrong links and missed mentions (read the dev
half's only, so the confirm half stays unseen). The figures are for
comparing versions of tidings with each other.
"""
import argparse, glob, json, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_gum import offset_map, overlaps, read_doc  # noqa: E402  (one reader and alignment for both)

FORMS = ("proper", "pronoun", "nominal")


def head_of(toks, first, last):
    """The mention's head word: its first token whose head lies outside it."""
    for i in range(first, last + 1):
        if not first <= toks[i][3] <= last:
            return i
    return first


def form_of(upos):
    return "proper" if upos == "PROPN" else "pronoun" if upos == "PRON" else "nominal"


def extract(tidings, text, date):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text + "\n")
    try:
        out = subprocess.run([tidings, "extract", "--quiet", "--threads", "1", "--date",
                              date or "2010-01-01", f.name], capture_output=True, text=True, check=True)
    finally:
        os.unlink(f.name)
    return json.loads(out.stdout)


def score_doc(path, tidings, c, verbose):
    text, date, toks, ments = read_doc(path)
    d = extract(tidings, text, date)
    t = d["text"]
    to_src, kept = offset_map(text, t)
    gold = []  # (entity, type, (start, end), head span, form)
    for ent, ty, a, b in ments:
        sp = (toks[a][0], toks[b][1])
        if not any(overlaps(sp, k) for k in kept):
            continue  # in the title line tidings takes off
        h = head_of(toks, a, b)
        gold.append((ent, ty, sp, (toks[h][0], toks[h][1]), form_of(toks[h][2])))
    # each found mention to its gold mention
    found = []  # (actor index, gold index, span)
    for ai, ac in enumerate(d.get("actors", [])):
        for s, e in ac["mentions"]:
            a0, a1 = to_src(s), to_src(e - 1)
            if a0 is None or a1 is None:
                continue
            sp = (a0, a1 + 1)
            best, bkey = None, None
            for gi, g in enumerate(gold):
                gs = g[2]
                if not overlaps(sp, gs):
                    continue
                head_in = overlaps(sp, g[3])
                nest = (gs[0] <= sp[0] and sp[1] <= gs[1]) or (sp[0] <= gs[0] and gs[1] <= sp[1])
                if not head_in and not nest:
                    continue
                common = min(sp[1], gs[1]) - max(sp[0], gs[0])
                key = (head_in, common / (max(sp[1], gs[1]) - min(sp[0], gs[0])))
                if bkey is None or key > bkey:
                    best, bkey = gi, key
            found.append((ai, best, sp))
    mapped = [(ai, gi, sp) for ai, gi, sp in found if gi is not None]
    # actor <-> entity by majority
    votes = {}
    for ai, gi, _ in mapped:
        ent = gold[gi][0]
        votes.setdefault(ai, {}).setdefault(ent, 0)
        votes[ai][ent] += 1
    main = {ai: max(v.items(), key=lambda kv: kv[1])[0] for ai, v in votes.items()}
    by_ent = {}
    for ai, v in votes.items():
        for ent, n in v.items():
            by_ent.setdefault(ent, []).append((n, -ai, ai))
    actor_of = {ent: max(v)[2] for ent, v in by_ent.items()}
    etype = {g[0]: g[1] for g in gold}
    found_ents = {e for e in actor_of if etype.get(e) in ("person", "organization")}
    held = {}  # gold mention -> the actors mapping to it
    for ai, gi, _ in mapped:
        held.setdefault(gi, set()).add(ai)
    name = os.path.basename(path)
    actors = d.get("actors", [])

    def ctx(sp):
        return text[max(0, sp[0] - 30):sp[0]].replace("\n", " ") + "[" + text[sp[0]:sp[1]] + "]" + \
            text[sp[1]:sp[1] + 30].replace("\n", " ")
    first_text = {}
    for g in gold:
        first_text.setdefault(g[0], text[g[2][0]:g[2][1]][:40])
    # recall
    for gi, g in enumerate(gold):
        if g[0] not in found_ents:
            continue
        c["gold_" + g[4]] += 1
        if actor_of[g[0]] in held.get(gi, ()):
            c["hit_" + g[4]] += 1
        elif verbose:
            print(f"{name}: missed {g[4]} of {first_text[g[0]]!r}: {ctx(g[2])}")
    # precision
    for ai, gi, sp in mapped:
        f = gold[gi][4]
        c["found_" + f] += 1
        if gold[gi][0] == main[ai]:
            c["good_" + f] += 1
        elif verbose:
            print(f"{name}: wrong link {f}: {ctx(sp)} in {actors[ai]['name']!r} "
                  f"(is {first_text[gold[gi][0]]!r}, actor's is {first_text[main[ai]]!r})")
    # B-cubed
    resp = {}  # gold mention -> the set of gold mentions its actor holds
    for ai in votes:
        cl = {gi for a2, gi, _ in mapped if a2 == ai}
        for gi in cl:
            resp.setdefault(gi, cl)
    ent_ms = {}
    for gi, g in enumerate(gold):
        ent_ms.setdefault(g[0], set()).add(gi)
    for gi, g in enumerate(gold):
        if g[0] in found_ents:
            r = resp.get(gi, {gi})
            c["b3r"] += len(r & ent_ms[g[0]]) / len(ent_ms[g[0]])
            c["b3rn"] += 1
    for gi, r in resp.items():
        c["b3p"] += len(r & ent_ms[gold[gi][0]]) / len(r)
        c["b3pn"] += 1
    c["unmapped"] += len(found) - len(mapped)


def report(label, c, ndocs):
    div = lambda a, b: a / b if b else 0.0
    gold = sum(c["gold_" + f] for f in FORMS)
    hit = sum(c["hit_" + f] for f in FORMS)
    fnd = sum(c["found_" + f] for f in FORMS)
    good = sum(c["good_" + f] for f in FORMS)
    p, r = div(c["b3p"], c["b3pn"]), div(c["b3r"], c["b3rn"])
    print(f"{label}: {ndocs} documents, {gold} gold mentions of found entities, "
          f"{fnd} mapped found mentions ({c['unmapped']} unmapped)")
    print(f"  recall     {div(hit, gold):.3f}  " + "  ".join(
        f"{f} {div(c['hit_' + f], c['gold_' + f]):.3f} ({c['hit_' + f]}/{c['gold_' + f]})" for f in FORMS))
    print(f"  precision  {div(good, fnd):.3f}  " + "  ".join(
        f"{f} {div(c['good_' + f], c['found_' + f]):.3f} ({c['good_' + f]}/{c['found_' + f]})" for f in FORMS))
    print(f"  B3         P {p:.3f}  R {r:.3f}  F1 {div(2 * p * r, p + r):.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../shared/data/gum-news"))
    ap.add_argument("--tidings", default="build/tidings")
    ap.add_argument("-v", choices=("dev", "confirm"), help="list this half's wrong links and misses")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.data, "*.conllu")))
    if not files:
        print(f"eval_coref: no *.conllu in {a.data}, skipped")
        return 0
    keys = [k + f for k in ("gold_", "hit_", "found_", "good_") for f in FORMS] + \
        ["b3p", "b3pn", "b3r", "b3rn", "unmapped"]
    halves = {"dev": files[0::2], "confirm": files[1::2]}
    total = dict.fromkeys(keys, 0)
    for label, part in halves.items():
        c = dict.fromkeys(keys, 0)
        for path in part:
            score_doc(path, a.tidings, c, a.v == label)
        report(f"GUM news {label}", c, len(part))
        for k in keys:
            total[k] += c[k]
    report("GUM news all", total, len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
