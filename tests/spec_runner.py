#!/usr/bin/env python3
"""Runs the spec examples in tests/spec/*.txt against the tidings binary.

A spec file is prose plus examples. An example starts with a line "### name"
and has blocks, each opened by a "--- " line:

    ### a dateline becomes doc.date
    --- options
    --date 2024-01-01
    --- input
    November 1, 2024

    Officials met on Friday.
    --- expect doc.date
    2024-11-01
    --- expect text contains
    Officials met on Friday.
    --- expect text lacks
    November 1, 2024
    --- expect sentences
    1
    --- expect values
    times[0].value = 2024-11-01
    times[text=Friday].type = DATE
    quotes.length = 0

Blocks: `input` (a plain-text article; `input jsonl` / `input html` for
those formats), `options` (extra arguments to `tidings extract`), and
expectations: `expect doc.FIELD` (exact value, `null` for null), `expect
text contains` / `expect text lacks` (one string per line), `expect
sentences` (a count), `expect values` (one `PATH = VALUE` per line; a
PATH is dotted keys and [index] or [key=value] selectors; `.length` counts
a list; VALUE `null`, `true`, `false`, a number, or a string). Lines in
any file outside examples are prose and ignored. Prints one line per
failure and ends with "spec: N passed, N failed".
"""
import glob
import json
import os
import subprocess
import sys
import tempfile


def parse(path):
    examples, cur, block = [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("### "):
                cur = {"name": line[4:].strip(), "file": os.path.basename(path), "blocks": []}
                examples.append(cur)
                block = None
            elif cur is not None and line.startswith("--- "):
                block = [line[4:].strip(), []]
                cur["blocks"].append(block)
            elif block is not None:
                block[1].append(line)
    return examples


def select(node, path):
    """Follows a path like quotes[0].speaker_text or times[text=Friday].value."""
    parts = []
    for piece in path.replace("]", "").split("."):
        name, *sels = piece.split("[")
        if name:
            parts.append(("key", name))
        for s in sels:
            parts.append(("sel", s))
    for kind, p in parts:
        if kind == "key":
            if p == "length" and isinstance(node, list):
                node = len(node)
            elif isinstance(node, dict) and p in node:
                node = node[p]
            else:
                raise KeyError(p)
        else:
            if "=" in p:
                k, v = p.split("=", 1)
                hits = [x for x in node if isinstance(x, dict) and str(x.get(k)) == v]
                if not hits:
                    raise KeyError(f"[{p}]")
                node = hits[0]
            else:
                node = node[int(p)]
    return node


def literal(s):
    s = s.strip()
    if s in ("null", "true", "false"):
        return json.loads(s)
    try:
        return json.loads(s) if s[:1] in "-0123456789[{\"" else s
    except ValueError:
        return s


def run_example(binary, ex):
    blocks = {}
    for name, lines in ex["blocks"]:
        blocks.setdefault(name, []).append(lines)
    fmt, body = "text", None
    for key in ("input", "input jsonl", "input html"):
        if key in blocks:
            body = "\n".join(blocks[key][0]).strip("\n") + "\n"
            fmt = key.split()[-1] if " " in key else "text"
    if body is None:
        return ["no input block"]
    opts = " ".join(" ".join(b) for b in blocks.get("options", [])).split()
    suffix = {"text": ".txt", "jsonl": ".jsonl", "html": ".html"}[fmt]
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False, encoding="utf-8") as f:
        f.write(body)
        path = f.name
    try:
        p = subprocess.run([binary, "extract", "--quiet", *opts, path],
                           capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(path)
    recs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    if not recs:
        return [f"no output (exit {p.returncode}): {p.stderr.strip()[:200]}"]
    r = recs[0]
    fails = []
    for name, lines_list in blocks.items():
        for lines in lines_list:
            vals = [l for l in lines if l.strip()]
            if name.startswith("expect doc."):
                got = r["doc"].get(name[len("expect doc."):])
                want = vals[0].strip() if vals else ""
                want = None if want == "null" else want
                if got != want:
                    fails.append(f"doc.{name[11:]} is {got!r}, want {want!r}")
            elif name == "expect text contains":
                fails += [f"text lacks {v!r}" for v in vals if v not in r["text"]]
            elif name == "expect text lacks":
                fails += [f"text contains {v!r}" for v in vals if v in r["text"]]
            elif name == "expect sentences":
                if len(r["sentences"]) != int(vals[0]):
                    got = [r["text"][a:b] for a, b in r["sentences"]]
                    fails.append(f"{len(r['sentences'])} sentences, want {vals[0]}: {got!r}")
            elif name == "expect values":
                for v in vals:
                    path_, _, want = v.partition(" = ") if " = " in v else v.partition("=")
                    try:
                        got = select(r, path_.strip())
                    except (KeyError, IndexError, ValueError, TypeError) as e:
                        fails.append(f"{path_.strip()}: missing ({e})")
                        continue
                    if got != literal(want):
                        fails.append(f"{path_.strip()} is {got!r}, want {literal(want)!r}")
            elif name.startswith("expect"):
                fails.append(f"unknown block '{name}'")
    return fails


def main():
    binary = os.environ.get("TIDINGS", "build/tidings")
    files = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "spec", "*.txt")))
    passed = failed = 0
    for path in files:
        for ex in parse(path):
            fails = run_example(binary, ex)
            if fails:
                failed += 1
                print(f"FAIL {ex['file']}: {ex['name']}")
                for f_ in fails:
                    print(f"  {f_}")
            else:
                passed += 1
    print(f"spec: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
