/*
 * train.h — training and evaluating the language core's statistical
 * models (the CLI's `tidings train tagger` and `tidings eval tagger`), plus
 * the few internals the tagger's trainer shares with the tagger itself and
 * the resource builders tools/mkres calls. Private to libtidings.
 */
#ifndef TD_LANG_TRAIN_H
#define TD_LANG_TRAIN_H

#include "lang.h"

#include <stdio.h>

/* ---- commands ---- */

/* Trains the POS tagger (an averaged perceptron over joint XPOS+UPOS tags)
 * on train_conllu for `iters` passes (0: default), reports accuracy on
 * dev_conllu (may be NULL) after each pass to log (may be NULL), and writes
 * the model to out_model. Returns 0, or -1 with a message on log. */
int td_tagger_train(const char *train_conllu, const char *dev_conllu,
                    const char *out_model, int iters, FILE *log);

/* Tags and lemmatizes the gold words of a CoNLL-U file with eng->tagger and
 * eng->lemma and prints UPOS, XPOS and lemma accuracy to out. Returns 0, or
 * -1 with a message on out. */
int td_eval_tagger(const td_engine *eng, const char *conllu, FILE *out);

/* ---- resource builders, called by tools/mkres ---- */

struct td_resw;
/* Adds section "tagger" from the model file at path (normally
 * data/models/tagger.bin) after checking it. 0, or -1 with err. */
int td_tagger_build_res(struct td_resw *w, const char *path, char *err,
                        size_t errlen);
/* Adds section "lemma" compiled from WordNet's index.* and *.exc files in
 * wndir (normally /usr/share/wordnet) and, when words is not NULL, the word
 * list at words (normally /usr/share/dict/words, for the capitalization of
 * lemmas like "Palestinian"). 0, or -1 with err. */
int td_lemma_build_res(struct td_resw *w, const char *wndir, const char *words,
                       char *err, size_t errlen);

/* ---- internals shared by tagger.c and train_tagger.c ---- */

#define TD_TG_MAXFEAT 40   /* features per token, at most */
#define TD_TG_MAXCLASS 255 /* joint tags; class id fits a byte */

/* Hashes of one word's surface, computed once per token. */
typedef struct td_tg_word {
  uint64_t low, raw, shape, suf[4], pre[3];
  uint32_t flags;
} td_tg_word;

/* Fills w from the UTF-8 surface s[0..n). */
void td_tg_word_init(td_tg_word *w, const char *s, size_t n);
/* The feature hashes of token i of a sentence of n words, given the classes
 * of the two previous tokens (nclass for "before the sentence"). Returns
 * the count written to f (at most TD_TG_MAXFEAT). */
int td_tg_features(const td_tg_word *w, int n, int i, int p1, int p2,
                   uint64_t *f);

/* Model image (data/models/tagger.bin), little-endian, used in place:
 *   td_tg_header
 *   nclass x { u16 xpos; u8 upos; u8 pad }          padded to 16 bytes
 *   nslot  x { u32 key; u32 ref }                   ref = first entry << 8 | count
 *   nent   x i16 weight                             padded to 16 bytes
 *   nent   x u8 class
 * A feature hash h lives at slot ((h & 0xffffffff) * nslot) >> 32 or after
 * (linear probing), with key (h >> 32) | 1; key 0 marks an empty slot. */
typedef struct td_tg_header {
  char magic[8]; /* "TDTAG001" */
  uint32_t nclass, nslot, nent, version;
  float scale;   /* weight = i16 / scale */
  uint32_t reserved[3];
} td_tg_header;

#endif
