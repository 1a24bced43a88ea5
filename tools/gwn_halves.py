#!/usr/bin/env python3
"""gwn_halves.py — splits the GeoWebNews file into its first and last
halves of articles, so that places rules can be developed on one half and
confirmed on the other with `tidings eval geo`.

    python3 tools/gwn_halves.py ../shared/data/geowebnews/GWN.xml OUTDIR
    build/tidings eval geo OUTDIR/gwn_first.xml    # develop here
    build/tidings eval geo OUTDIR/gwn_last.xml     # confirm here

Each half is a well-formed <articles> file holding the <article> elements
as they are in the source (100 and 100 of the 200).
"""
import os
import re
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        text = f.read()
    arts = re.findall(r"[ \t]*<article[ >].*?</article>\n?", text, re.S)
    half = (len(arts) + 1) // 2
    os.makedirs(out, exist_ok=True)
    head = '<?xml version="1.0" ?>\n<articles>\n'
    for name, part in (("gwn_first.xml", arts[:half]), ("gwn_last.xml", arts[half:])):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(head + "".join(part) + "</articles>\n")
    print(f"{len(arts)} articles: {half} in gwn_first.xml, {len(arts) - half} in gwn_last.xml", file=sys.stderr)


if __name__ == "__main__":
    main()
