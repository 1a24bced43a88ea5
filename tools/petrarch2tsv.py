#!/usr/bin/env python3
"""petrarch2tsv.py — converts PETRARCH / Phoenix / TABARI actor and agent
dictionaries into tidings dictionary files, so researchers can bring the
dictionaries they maintain:

    python3 tools/petrarch2tsv.py actors Phoenix.Countries.actors.txt > mine/actors.tsv
    python3 tools/petrarch2tsv.py agents Phoenix.agents.txt > mine/agents.tsv
    tidings extract --dict mine/ ...

Actor files: an entry line `NAME_WORDS_ [CODE]` or `NAME_WORDS_` followed
by `+SYNONYM_` lines and `[CODE DATES]` lines, where DATES is
`YYMMDD-YYMMDD`, `>YYMMDD` (from) or `<YYMMDD` (until), 8-digit dates also
read. An entry with dated codes becomes a `person` with dated roles
(payload ENTITY|NAME|-|COUNTRY,SECTOR,SECTOR,START,END;...); a 3-letter
code a `country`; anything else an `org.cameo` entry (payload
CODE|ENTITY|NAME|COUNTRY|SECTOR). Agent files: `WORD {PLURAL} [~SECTOR]`
lines become `sector` entries. `#` starts a comment; pattern lines with
`!` or `<` `>` syntax tidings does not read are skipped (counted on stderr).
"""
import re
import sys


def phrase(tok):
    return tok.strip().strip("+").rstrip("_").replace("_", " ").strip()


def date(s, end=False):
    s = s.strip()
    if not s:
        return ""
    if len(s) == 6:  # YYMMDD
        yy = int(s[:2])
        s = ("19" if yy > 40 else "20") + s
    return f"{s[:4]}-{s[4:6]}-{s[6:8]}"


def parse_code(spec):
    """'USAGOV 090120-170120' -> (code, start, end)."""
    parts = spec.split()
    code = parts[0].lstrip("~")
    start = end = ""
    if len(parts) > 1:
        d = parts[1]
        if d.startswith(">"):
            start = date(d[1:])
        elif d.startswith("<"):
            end = date(d[1:])
        elif "-" in d:
            a, b = d.split("-", 1)
            start, end = date(a), date(b)
    return code, start, end


def key(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def emit_actor(out, names, codes):
    if not names or not codes:
        return
    canon = names[0].title()
    ent = key(names[0])
    dated = any(s or e for _, s, e in codes)
    for n in names:
        if dated:
            roles = ";".join((f"{c},,,{s},{e}" if c.startswith("IGO") else
                              f"{c[:3]},{c[3:6]},{c[3:6]},{s},{e}") for c, s, e in codes)
            out.append(f"{n}\tperson\t{ent}|{canon}|-|{roles}")
        elif len(codes[0][0]) == 3 and not codes[0][0].startswith("IGO"):
            out.append(f"{n}\tcountry\t{codes[0][0]}")
        else:
            c = codes[0][0]
            country = "" if c.startswith("IGO") else c[:3]
            out.append(f"{n}\torg.cameo\t{c}|{ent}|{canon}|{country}|{c[3:6]}")


def actors(lines, out):
    names, codes, skipped = [], [], 0
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if "!" in line:
            skipped += 1
            continue
        m = re.match(r"^\s*\[([^\]]+)\]\s*$", line)
        if m:
            codes.append(parse_code(m.group(1)))
            continue
        if line.lstrip().startswith("+"):
            names.append(phrase(line.lstrip()))
            continue
        emit_actor(out, names, codes)
        names, codes = [], []
        m = re.match(r"^\s*([^\[]+?)\s*(\[([^\]]+)\])?\s*$", line)
        if not m:
            skipped += 1
            continue
        names = [phrase(m.group(1))]
        if m.group(3):
            codes.append(parse_code(m.group(3)))
    emit_actor(out, names, codes)
    return skipped


def agents(lines, out):
    skipped = 0
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{([^}]*)\})?\s*\[~?([A-Z]{3})\]", line)
        if not m or "!" in line:
            skipped += 1
            continue
        words = [phrase(m.group(1))] + [phrase(p) for p in (m.group(3) or "").split()]
        for w in words:
            if w:
                out.append(f"{w.lower()}\tsector\t{m.group(4)}")
    return skipped


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("actors", "agents"):
        sys.exit(__doc__)
    lines = open(sys.argv[2], encoding="utf-8", errors="replace").read().splitlines()
    out = []
    skipped = (actors if sys.argv[1] == "actors" else agents)(lines, out)
    print(f"# converted from {sys.argv[2]} by tools/petrarch2tsv.py")
    for l in out:
        print(l)
    if skipped:
        print(f"petrarch2tsv: skipped {skipped} lines it does not read", file=sys.stderr)


main()
