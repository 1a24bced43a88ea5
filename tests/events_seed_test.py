#!/usr/bin/env python3
"""events_seed_test.py — the seed tally of issue 8.

Runs `tidings extract` on the two seed articles (../shared/seeds) and checks
the 16 events a careful human coder records there: for each, a coded event
in its sentence with the right CAMEO root, and coded events whose source
and target countries are the right ones. Prints one line per event and a
tally; fails when fewer than 14 roots or 12 source+target pairs are right.
Skips (counting nothing) when ../shared or the seeds are absent.

An expected event names the sentence it lies in by a phrase of it, the
roots a coder accepts, the source countries and the target countries. With
`sym`, the act is mutual (a meeting of all the listed parties): its
participants (sources and targets together) must cover the listed
countries. Otherwise the coded sources must cover the listed sources and
the coded targets the listed targets (none listed: no target, or one of
the sources, is right). Countries are the first three letters of the
actor codes (KORGOV -> KOR).

Environment: TIDINGS (binary, default build/tidings), SHARED (../shared).
"""
import json
import os
import subprocess
import sys

TIDINGS = os.environ.get("TIDINGS", "build/tidings")
SHARED = os.environ.get("SHARED", "../shared")
SEEDS = os.path.join(SHARED, "seeds")

A = "000_0dbf579056cef664.txt"
B = "004_d8025967e72198cc.txt"

# (file, phrase of the sentence, label, roots, sources, targets, sym)
EXPECTED = [
    (A, "vowed to cooperate in addressing", "KOR+USA vow to cooperate",
     ["03"], ["KOR", "USA"], [], False),
    (A, "two-plus-two", "the two-plus-two meeting",
     ["04"], ["KOR", "USA"], [], True),
    (A, "Pyongyang test-fired", "Pyongyang test-fires an ICBM",
     ["15"], ["PRK"], [], False),
    (A, "the officials condemned the deepening", "the officials condemn the DPRK-Russia ties",
     ["11"], ["KOR", "USA"], ["PRK", "RUS"], False),
    (A, "Russia has been training", "Russia trains North Korean soldiers",
     ["06", "07"], ["RUS"], ["PRK"], False),
    (A, "North Korea launched what", "North Korea launches the Hwasong-19",
     ["15"], ["PRK"], [], False),
    (A, "North Korea asserted", "North Korea accuses the U.S. and South Korea of an arms buildup",
     ["11", "12"], ["PRK"], ["USA", "KOR"], False),
    (A, "would formally request weapons", "Ukraine's envoy to request weapons from South Korea",
     ["02"], ["UKR"], ["KOR"], False),
    (B, "expressed \u201cgrave concern\u201d Friday", "the NSAs' grave concern over the troop dispatch",
     ["11"], ["KOR", "USA", "JPN"], ["PRK"], False),
    (B, "called on Russia and North Korea", "the call on Russia and North Korea to cease",
     ["02", "10"], ["KOR", "USA", "JPN"], ["RUS", "PRK"], False),
    (B, "held a trilateral meeting", "the trilateral meeting in Washington",
     ["04"], ["KOR", "USA", "JPN"], [], True),
    (B, "Shin held bilateral talks with Sullivan", "Shin's bilateral talks with Sullivan",
     ["04"], ["KOR", "USA"], [], True),
    (B, "Shin and Akiba held bilateral talks", "Shin's bilateral talks with Akiba",
     ["04"], ["KOR", "JPN"], [], True),
    (B, "Pyongyang sent thousands of troops", "Pyongyang sends troops to Russia",
     ["06", "07"], ["PRK"], ["RUS"], False),
    (B, "The two officials condemned", "the two officials condemn the DPRK's support to Russia's war",
     ["11"], ["KOR", "USA"], ["PRK"], False),
    (B, "agreed to continue to reinforce", "Shin and Akiba agree to reinforce cooperation",
     ["03"], ["KOR", "JPN"], [], False),
]


def norm(s):
    return " ".join(s.split())


def sentence_of(text, phrase):
    """The [start, end) of phrase in text, matched with runs of white space
    read as one space, or None."""
    flat = []
    offs = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            prev_space = True
            flat.append(" ")
        else:
            prev_space = False
            flat.append(ch)
        offs.append(i)
    at = "".join(flat).find(phrase)
    if at < 0:
        return None
    return offs[at], offs[at + len(phrase) - 1] + 1


def country(code):
    return code[:3] if code else None


def check(doc, exp):
    _, phrase, _, roots, srcs, tgts, sym = exp
    at = sentence_of(doc["text"], phrase)
    if at is None:
        return False, False, "phrase not in text"
    lo, hi = at
    sents = [i for i, (s, e) in enumerate(doc.get("sentences", []))
             if s < hi and lo < e]
    here = [e for e in doc.get("events", []) if e.get("sentence") in sents]
    coded = [e for e in here if e["root"] in roots]
    root_ok = bool(coded)
    got_s = {country(e.get("source_code")) for e in coded} - {None}
    got_t = {country(e.get("target_code")) for e in coded} - {None}
    if sym:
        pair_ok = set(srcs) <= (got_s | got_t) and (got_s | got_t) <= set(srcs)
    elif tgts:
        pair_ok = set(srcs) <= got_s and set(tgts) <= got_t
    else:
        pair_ok = set(srcs) <= got_s and got_t <= set(srcs)
    seen = "; ".join(sorted({"%s %s->%s" % (e["cameo"], e.get("source_code"),
                                            e.get("target_code")) for e in here}))
    return root_ok, pair_ok, seen or "nothing coded"


def main():
    print("== seeds", flush=True)
    if not os.path.isdir(SEEDS) or not all(
            os.path.exists(os.path.join(SEEDS, f)) for f in (A, B)):
        print("seeds: 0 passed, 0 failed (skipped: no %s)" % SEEDS)
        return 0
    docs = {}
    for f in (A, B):
        out = subprocess.run([TIDINGS, "extract", os.path.join(SEEDS, f)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print("extract %s failed: %s" % (f, out.stderr.strip()))
            print("seeds: 0 passed, 1 failed")
            return 1
        docs[f] = json.loads(out.stdout.splitlines()[0])
    roots = pairs = 0
    for exp in EXPECTED:
        d = docs[exp[0]]
        root_ok, pair_ok, seen = check(d, exp)
        roots += root_ok
        pairs += root_ok and pair_ok
        mark = "ok  " if root_ok and pair_ok else ("root" if root_ok else "MISS")
        print("  %s %-62s want %s %s->%s | %s" % (
            mark, exp[2], "/".join(exp[3]), "+".join(exp[4]),
            "+".join(exp[5]) or "-", seen))
    n = len(EXPECTED)
    print("seed tally: %d/%d right root, %d/%d right source and target"
          % (roots, n, pairs, n))
    ok = roots >= 14 and pairs >= 12
    print("seeds: %d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
