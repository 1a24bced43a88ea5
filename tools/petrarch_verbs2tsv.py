#!/usr/bin/env python3
"""Converts a PETRARCH/TABARI verb dictionary (.verbs, e.g. CAMEO.2.0.txt)
into a tidings event dictionary for `tidings extract --dict DIR`.

    python3 tools/petrarch_verbs2tsv.py CAMEO.verbs > mydict/petrarch.tsv

What is read (see PETRARCH's docs/dictionaries.rst):
  - synsets: a line `&NAME` followed by `+PHRASE` lines;
  - verb blocks: `--- DESCRIPTION [CODE] ---` opens a block whose code is
    the default of its verbs; a verb line is `VERB {IRREGULAR FORMS} [CODE]`
    (`CLEAR_UP` is the phrase "clear up"); the null code `---` means the
    isolated verb codes nothing;
  - patterns: `- WORDS [CODE]` with `*` or `**` for the verb, `$` source,
    `+` target, `%` compound, `^` skip, `&NAME` a synset.

What is written (docs/DICTIONARIES.md, data/events/README.md):
  - each verb with a code: `verb <TAB> event.verb <TAB> CODE <TAB> lemma`;
  - each pattern: the block's verbs with the pattern's code, holding only
    when one of the pattern's words after the verb follows it in the
    clause (`o=`), and with its target after a preposition when the
    pattern puts `+` after one (`TO +` gives `t=to`).
tidings matches phrases over lemmas, so verbs are written in their base
form and plural object words are reduced to a singular by rule. Patterns
that only name words before the verb, and codes that are not 2-4 digits,
are skipped; a count of what was skipped goes to stderr.
"""
import re
import sys

CODE_RE = re.compile(r"\[([^\]]*)\]")
PREPS = {"to", "with", "from", "against", "on", "at", "into", "for", "over", "about", "of", "in"}


def strip_comment(line):
    line = re.sub(r"<!--.*?-->", "", line)
    for mark in ("#", ";"):
        i = line.find(mark)
        if i >= 0:
            line = line[:i]
    return line.rstrip()


def code_of(text):
    m = CODE_RE.search(text)
    if not m:
        return None
    c = m.group(1).split(":")[0].strip()
    return c if re.fullmatch(r"\d{2,4}", c) else ("---" if c.startswith("---") else "")


def singular(w):
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def phrase(s):
    return " ".join(s.replace("_", " ").lower().split())


def convert(lines, out, err):
    synsets, cur_syn = {}, None
    block_code, verbs = None, []
    rows, seen = [], set()
    skipped = 0
    comment = False

    def emit(p, code, opts):
        payload = code + "".join(";" + o for o in opts if o)
        key = (p, payload)
        if key not in seen:
            seen.add(key)
            rows.append(f"{p}\tevent.verb\t{payload}\tlemma")

    for raw in lines:
        if comment:
            if "-->" in raw:
                comment = False
                raw = raw.split("-->", 1)[1]
            else:
                continue
        if "<!--" in raw and "-->" not in raw:
            comment = True
            raw = raw.split("<!--", 1)[0]
        stripped = raw.strip()
        if stripped.startswith("---") and stripped.endswith("---") and len(stripped) > 6:
            c = code_of(stripped)
            block_code = c if c else None
            verbs, cur_syn = [], None
            continue
        line = strip_comment(raw).strip()
        if not line:
            cur_syn = None
            continue
        if line.startswith("&"):
            cur_syn = line.split()[0][1:].rstrip("_").upper()
            synsets.setdefault(cur_syn, [])
            continue
        if line.startswith("+") and cur_syn:
            synsets[cur_syn].append(phrase(line[1:].rstrip("_")))
            continue
        if line.startswith("-"):
            body = line[1:]
            c = code_of(body)
            if not c or c == "---" or not verbs:
                skipped += 1
                continue
            words = CODE_RE.sub("", body).split()
            try:
                v = next(i for i, w in enumerate(words) if w in ("*", "**"))
            except StopIteration:
                skipped += 1
                continue
            after = words[v + 1:]
            objs, tprep, prev = [], None, None
            for w in after:
                if w == "+":
                    if prev and prev.lower() in PREPS:
                        tprep = prev.lower()
                elif w in ("$", "%", "^"):
                    pass
                elif w.startswith("&"):
                    for p in synsets.get(w[1:].rstrip("_").upper(), []):
                        objs.append(singular(p.split()[-1]))
                elif w.lower() not in PREPS and re.fullmatch(r"[A-Za-z'-]+_?", w):
                    objs.append(singular(w.rstrip("_").lower()))
                prev = w
            if not objs and not tprep:
                skipped += 1
                continue
            opts = []
            if objs:
                opts.append("o=" + "|".join(dict.fromkeys(objs)))
            if tprep:
                opts.append("t=" + tprep)
            for vb in verbs:
                emit(vb, c, opts)
            continue
        if line[0].isalpha():
            head = re.sub(r"\{[^}]*\}", "", line)
            c = code_of(head)
            name = phrase(CODE_RE.sub("", head))
            if not name:
                continue
            verbs.append(name)
            code = c if c else block_code
            if code and code != "---":
                emit(name, code, [])
    out.write("# converted by tools/petrarch_verbs2tsv.py\n")
    out.write("# PHRASE\tevent.verb\tCODE[;o=OBJECTS][;t=PREP]\tlemma\n")
    for r in rows:
        out.write(r + "\n")
    err.write(f"petrarch_verbs2tsv: {len(rows)} entries, {skipped} patterns skipped\n")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: petrarch_verbs2tsv.py FILE.verbs > OUT.tsv")
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        convert(f, sys.stdout, sys.stderr)


if __name__ == "__main__":
    main()
