#!/usr/bin/env python3
"""jackknife_tags.py -- gives a treebank the part-of-speech tags tidings'
tagger predicts, for training the parser on the tags it will parse with.

The training split is tagged by K-fold jackknifing: its sentences fall
into K folds (sentence i into fold i mod K), a tagger is trained on the
other K - 1 folds (`tidings train tagger`) and tags the fold it did not
see, so every sentence carries tags as wrong as the shipped tagger's are
on new text. Other files (the dev split) are tagged by the shipped
tagger as they are. Only UPOS and XPOS change; words, lemmas, heads and
relations stay gold.

    python3 tools/jackknife_tags.py --out /tmp/jk \\
        ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu \\
        ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu

writes /tmp/jk/en_ewt-ud-train.conllu (jackknifed) and
/tmp/jk/en_ewt-ud-dev.conllu (shipped tagger). It runs K tagger
trainings (about a minute each) and needs `make` done first. The
predicted tags are read from `tidings eval parser` with TD_EVAL_CONLLU.
"""
import argparse
import os
import shutil
import subprocess
import sys


def read_blocks(path):
    """Sentences of a CoNLL-U file as lists of lines (comments kept)."""
    blocks, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip():
                cur.append(line)
            elif cur:
                blocks.append(cur)
                cur = []
    if cur:
        blocks.append(cur)
    return blocks


def is_word(line):
    if line.startswith("#"):
        return False
    i = line.split("\t", 1)[0]
    return i.isdigit()


def write_blocks(path, blocks):
    with open(path, "w", encoding="utf-8") as f:
        for b in blocks:
            f.write("\n".join(b) + "\n\n")


def predict(args, res, src, tmp):
    """Tags of every word of src, per sentence, as tidings tags them with
    resource image res: a list of lists of (form, upos, xpos)."""
    out = os.path.join(tmp, "pred.conllu")
    env = dict(os.environ, TD_EVAL_CONLLU=out)
    subprocess.run([args.tidings, "eval", "parser", src, "--resources", res],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    sents = []
    for b in read_blocks(out):
        cols = [l.split("\t") for l in b if is_word(l)]
        sents.append([(c[1], c[3], c[4]) for c in cols])
    return sents


def retag(blocks, tags, where):
    """blocks with the UPOS and XPOS of each word replaced from tags."""
    if len(blocks) != len(tags):
        sys.exit(f"jackknife_tags: {where}: {len(blocks)} sentences, "
                 f"{len(tags)} tagged")
    out = []
    for b, t in zip(blocks, tags):
        nb, k = [], 0
        for line in b:
            if is_word(line):
                c = line.split("\t")
                if k >= len(t) or t[k][0] != c[1]:
                    sys.exit(f"jackknife_tags: {where}: words differ at {c[1]!r}")
                c[3], c[4] = t[k][1], t[k][2]
                line = "\t".join(c)
                k += 1
            nb.append(line)
        out.append(nb)
    return out


def datadir_with(args, tagger, d):
    """A copy of the data directory (symlinks) whose tagger model is tagger."""
    src = os.path.abspath(args.data)
    os.makedirs(os.path.join(d, "models"), exist_ok=True)
    for e in os.listdir(src):
        if e != "models":
            os.symlink(os.path.join(src, e), os.path.join(d, e))
    for e in os.listdir(os.path.join(src, "models")):
        if e != "tagger.bin":
            os.symlink(os.path.join(src, "models", e), os.path.join(d, "models", e))
    shutil.copy(tagger, os.path.join(d, "models", "tagger.bin"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", help="the training split: jackknifed")
    ap.add_argument("other", nargs="*", help="files tagged by the shipped tagger")
    ap.add_argument("--out", required=True, help="directory to write to")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--tidings", default="build/tidings")
    ap.add_argument("--mkres", default="build/mkres")
    ap.add_argument("--res", default="build/tidings.res")
    ap.add_argument("--data", default="data")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    tmp = os.path.join(args.out, "tmp")
    blocks = read_blocks(args.train)
    K = args.folds
    tags = [None] * len(blocks)
    for k in range(K):
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        rest = [b for i, b in enumerate(blocks) if i % K != k]
        held = [b for i, b in enumerate(blocks) if i % K == k]
        write_blocks(os.path.join(tmp, "rest.conllu"), rest)
        write_blocks(os.path.join(tmp, "held.conllu"), held)
        tagger = os.path.join(tmp, "tagger.bin")
        dev = args.other[0] if args.other else os.path.join(tmp, "held.conllu")
        subprocess.run([args.tidings, "train", "tagger", os.path.join(tmp, "rest.conllu"),
                        dev, tagger], check=True, stderr=subprocess.DEVNULL)
        datadir_with(args, tagger, os.path.join(tmp, "data"))
        res = os.path.join(tmp, "fold.res")
        subprocess.run([args.mkres, res, os.path.join(tmp, "data")], check=True,
                       stdout=subprocess.DEVNULL)
        pred = predict(args, res, os.path.join(tmp, "held.conllu"), tmp)
        if len(pred) != len(held):
            sys.exit(f"jackknife_tags: fold {k}: {len(held)} sentences, {len(pred)} tagged")
        for j, i in enumerate(i for i in range(len(blocks)) if i % K == k):
            tags[i] = pred[j]
        print(f"fold {k + 1}/{K} tagged", file=sys.stderr, flush=True)
    shutil.rmtree(tmp, ignore_errors=True)
    write_blocks(os.path.join(args.out, os.path.basename(args.train)),
                 retag(blocks, tags, args.train))
    os.makedirs(tmp)
    for path in args.other:
        b = read_blocks(path)
        write_blocks(os.path.join(args.out, os.path.basename(path)),
                     retag(b, predict(args, args.res, path, tmp), path))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
