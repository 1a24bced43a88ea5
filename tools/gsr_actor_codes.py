#!/usr/bin/env python3
"""gsr_actor_codes.py — actor code recall of the actors layer on the PLOVER
gold-standard records (sentences from the CAMEO manual with coded source
and target actors):

    python3 tools/gsr_actor_codes.py ../shared/data/plover-gsr/PLOVER_GSR_CAMEO.dev.json build/tidings

For each coded source/target (IGO codes left out), counts whether an actor
tidings found in that sentence has the same full code and the same
country. Most records code an actor by its country alone ("Russian
official" is RUS there, RUSGOV here), so the country figure is the one
to read. The manual uses a few pre-ISO country codes; they
are mapped (JAP -> JPN, GMY -> DEU, ...).
"""
import json
import subprocess
import sys
import tempfile

OLD = {"JAP": "JPN", "GMY": "DEU", "UKG": "GBR", "SAF": "ZAF", "USR": "RUS",
       "ROK": "KOR", "PRC": "CHN", "ITL": "ITA"}


def actors_of(x):
    return x if isinstance(x, list) else [x] if isinstance(x, dict) else []


def main():
    gold_file, tidings = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "build/tidings"
    recs = [r for r in json.load(open(gold_file)) if r.get("text")]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for i, r in enumerate(recs):  # (by index: a few ids repeat)
            f.write(json.dumps({"id": str(i), "text": r["text"],
                                "date": r.get("date", "2000-01-01")}) + "\n")
    out = subprocess.run([tidings, "extract", "--quiet", f.name], capture_output=True,
                         text=True).stdout
    total = full = country = 0
    for line in out.splitlines():
        d = json.loads(line)
        g = recs[int(d["doc"]["id"])]
        codes = [a["code"] or "" for a in d["actors"]]
        countries = [a["country"] or "" for a in d["actors"]]
        for a in actors_of(g.get("source")) + actors_of(g.get("target")):
            code = a.get("code", "")
            if not code or code.startswith("IGO") or code == "---":
                continue
            total += 1
            cc = OLD.get(code[:3], code[:3])
            full += (cc + code[3:]) in codes
            country += cc in countries or any(c.startswith(cc) for c in codes)
    print(f"{len(recs)} sentences, {total} coded actors: full code {100 * full / total:.1f}%, "
          f"country {100 * country / total:.1f}%")


main()
