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

/* Where Debian's wordnet-base and wamerican put their files. */
#define TD_WORDNET_DIR "/usr/share/wordnet"
#define TD_WORDS_FILE "/usr/share/dict/american-english"

struct td_resw;
/* Adds section "tagger" from the model file at path (normally
 * data/models/tagger.bin) after checking it, and "tagger.rows", the sums
 * its tagger reads by previous tags (tagger.c). 0, or -1 with err. */
int td_tagger_build_res(struct td_resw *w, const char *path, char *err,
                        size_t errlen);
/* Adds section "tagger.types": the word-type sums of the tagger model at
 * model for the frequent forms of the word list freq (normally
 * data/words/ewt-freq.tsv), with the lexical classes of the lemmatizer
 * built from wndir and words as td_lemma_build_res builds it (tagger.c,
 * "the shared word-type table"). Without freq the image has no table: 0.
 * 0, or -1 with err. */
int td_tagger_build_types(struct td_resw *w, const char *model, const char *freq,
                          const char *wndir, const char *words, char *err, size_t errlen);
/* Adds section "lemma" compiled from WordNet's index.* and *.exc files in
 * wndir (normally /usr/share/wordnet) and, when words is not NULL, the word
 * list at words (normally /usr/share/dict/words, for the capitalization of
 * lemmas like "Palestinian"). 0, or -1 with err. */
int td_lemma_build_res(struct td_resw *w, const char *wndir, const char *words,
                       char *err, size_t errlen);

/* ---- internals shared by tagger.c and train_tagger.c ---- */

#define TD_TG_MAXFEAT 48   /* features per token, at most */
/* The model version: 5, the 31 feature templates and 67 classes of
 * data/models/README.md "Feature templates (version 4)" and the second
 * pass over verb forms (version 5). Another is refused at load: its
 * features would be read as these. */
#define TD_TG_VERSION 5
#define TD_TG_MAXCLASS 254 /* joint tags; class id fits a byte */
#define TD_TG_DENSE 255    /* slot count meaning "a dense row" */
/* The largest |weight| of a model: the weights of TD_TG_MAXFEAT features
 * add up in 16 bits without overflowing. */
#define TD_TG_WMAX (32767 / TD_TG_MAXFEAT)

/* Hashes of one word's surface, computed once per token. */
typedef struct td_tg_word {
  uint64_t low, raw, shape, suf[4], pre[3];
  uint32_t flags, lex;
} td_tg_word;

/* Fills w from the UTF-8 surface s[0..n); lem (may be NULL) adds the
 * word's lexical classes from WordNet and the word list. */
void td_tg_word_init(td_tg_word *w, const char *s, size_t n,
                     const struct td_lemmatizer *lem);
/* A lemmatizer built in memory from WordNet's files and a word list, as
 * td_lemma_build_res does (for training). NULL with err on failure; free
 * with td_lemmatizer_free. */
struct td_lemmatizer *td_lemmatizer_build(const char *wndir, const char *words,
                                          char *err, size_t errlen);
/* The feature hashes of token i of a sentence of n words, given the classes
 * of the two previous tokens (nclass for "before the sentence"). Returns
 * the count written to f (at most TD_TG_MAXFEAT). */
int td_tg_features(const td_tg_word *w, int n, int i, int p1, int p2,
                   uint64_t *f);
/* 1 when the feature groups tagging sums separately (tagger.c) make up
 * exactly td_tg_features(w, n, i, p1, p2) (n <= 8); for the unit test. */
int td_tg_groups_check(const td_tg_word *w, int n, int i, int p1, int p2);
/* The entries of the shared word-type table that are not exactly what
 * tagging would make (with eng's model and lemmatizer) or not found by
 * their form: 0 when all are right, -1 when eng's tagger has no table
 * (for the unit test). */
int td_tg_types_check(const td_engine *eng);
/* The rows of tagger t's tags table (section "tagger.rows") that are not
 * what its model's weights sum to: 0 when all are right, -1 when t made
 * its own (no section, or one not of its model) (for the unit test). */
int td_tg_rows_check(const struct td_tagger *t);
/* ---- the second pass (tagger.c, "the second pass over verb forms") ----
 * A token as the second pass reads it: the hash of its lowercase form
 * (td_tg_word.low) and its first-pass tags. */
typedef struct td_rt_tok {
  uint64_t low;
  uint16_t xpos;
  uint8_t upos;
} td_rt_tok;
#define TD_RT_MAXFEAT 24
/* The pair of forms the second pass re-decides a token of first-pass
 * xpos between: 1 VBD/VBN, 2 VBZ/NNS ("yields"), 3 VBP/NN ("meet"),
 * 0 none. The first of a pair is "yes". */
int td_rt_pair(int xpos);
/* 1 when xpos is the first ("yes") form of its pair: VBD, VBZ. */
int td_rt_first(int xpos);
/* 1 when a class (xd, ud) is the other form of the pair of a class
 * (x, u): VBD/VBN with the same upos; VBZ VERB / NNS NOUN. */
int td_rt_alt_ok(int x, int u, int xd, int ud);
/* The feature hashes of token i of s[0..n) (of pair td_rt_pair(xpos)),
 * given margin, its first-pass score of the pair's first form less that
 * of its second (in the model's float units). Returns the count. */
int td_rt_features(const td_rt_tok *s, int n, int i, double margin, uint64_t *f);
/* 1 when token i of s is a participle the second pass leaves alone: one
 * inside a noun phrase, after a possessive or a superlative ("the UK's
 * most visited museum", "its planned sale"), where no finite verb stands.
 * (Not after any determiner: "both had difficulties".) */
int td_rt_keeps(const td_rt_tok *s, int i);
/* 1 when token i of s, tagged VBZ or VBP, is the plural or singular noun
 * of a noun compound: after a noun or adjective and right before a past,
 * a modal or an auxiliary ("Treasury yields fell", "the plant may be"):
 * two finite verbs do not follow each other (in EWT train and GUM news,
 * gold tags, before any finite verb: a noun 1,256 times, a verb 10,
 * clauses without their "that": "the threat Israel faces is"), unless a
 * relative pronoun opens the noun phrase before ("a bill which critics
 * claim would", "what it represents is": left alone). The second pass
 * decides those without scoring. */
int td_rt_noun(const td_rt_tok *s, int n, int i);
/* 1 when token i of s, tagged VBD, is a past participle between commas
 * after a noun: the clause goes on after the second comma with a
 * present, a modal or an auxiliary ("the bill, passed in May, was
 * signed", "the judge, frustrated by the delays, has asked"); it opens
 * with a preposition or "to", so "..., said Mauer, are" stays a past.
 * The second pass decides those without scoring (not trained: its
 * examples are as before). */
int td_rt_apposition(const td_rt_tok *s, int n, int i);
/* 1 when a word of lexical class lex (td_tg_word.lex) tagged xpos may take
 * the other form of its pair: a noun tagged VBZ/VBP or a verb tagged
 * NNS/NN by WordNet (as a lemma or an inflected form); the second pass
 * leaves the others alone ("what it will mean is": no noun "is"). */
int td_rt_lex_ok(int xpos, uint32_t lex);
/* 0 for the first-pass tags the second pass re-decides by td_rt_noun
 * only, never by its score: VBP (on BBC the score took a VBP for a noun
 * mostly wrongly: "officials run hospitals", "and use blacklists"). */
int td_rt_scores(int xpos);
/* 1 when the tags the second pass tests by index are those of tags.c's
 * names (for the unit test). */
int td_rt_tags_check(void);
/* The second pass changes a token's form when its score (the sum of its
 * features' weights; > 0: the pair's first form) says the other form by
 * more than this (chosen on EWT dev for precision: 1 changed 17 tokens,
 * 12 right; 3 changes 10, 8 right). */
#define TD_RT_MIN 3.0
/* The same for the pairs of a noun and a verb (VBZ/NNS, VBP/NN): their
 * scores are less sure on news; chosen on BBC for precision (3 changed 201
 * tokens there, about two thirds right; 8 changes 28, 27 right). */
#define TD_RT_MIN_NOUN 8.0
/* TD_RT_MIN or TD_RT_MIN_NOUN for a token of first-pass xpos. */
double td_rt_min(int xpos);
/* The second pass re-decides only tokens whose first-pass margin between
 * the two forms is below this (in the model's units): those of a larger
 * one it hardly ever changes. */
#define TD_RT_GATE 128.0
/* The same for the pairs of a noun and a verb (VBZ/NNS, VBP/NN), whose
 * margins are most of them small: below 48 are 160 of the 161 wrong first
 * tags of the jackknifed training set and 2,281 of 9,622 right ones for
 * VBZ/NNS, 81 of 83 and 1,798 of 27,197 for VBP/NN (below 128: 9,397 and
 * 24,168 right ones, each one a token the second pass scores). */
#define TD_RT_GATE_NOUN 48.0
/* The gate of a token of first-pass xpos (of a pair): TD_RT_GATE or
 * TD_RT_GATE_NOUN. */
double td_rt_gate(int xpos);

/* Tags doc feature by feature, without td_tag's caches (for the unit test). */
int td_tg_tag_reference(const td_engine *eng, td_doc *doc);

/* Model image (data/models/tagger.bin), little-endian, used in place:
 *   td_tg_header
 *   nclass x { u16 xpos; u8 upos; u8 pad }          padded to 16 bytes
 *   nslot  x td_tg_slot                             16 bytes each
 *   nent   x i16                                    the weights that do not
 *                                                   fit a slot; padded to 16 bytes
 *   ndict  x { u32 key; u32 val }                   the word table
 *   nrt    x { u32 key; f32 w }                     the second pass's weights
 *                                                   (reserved[0] = nrt)
 * A feature hash h lives at slot ((h & 0xffffffff) * nslot) >> 32 or after
 * (linear probing), with key (h >> 32) | 1; key 0 marks an empty slot. A
 * feature with at most four weights keeps them in its slot (unused ones
 * are 0), so most lookups touch one cache line; the others (cls[0] ==
 * TD_TG_EXT) point into the i16 array: a dense row of nclass rounded up to
 * 8 weights (cls[1] == TD_TG_DENSE), or cls[1] (class, weight) pairs.
 * The word table holds the words of the training set (by td_tg_word.raw,
 * placed the same way): val = class | lex << 8, where lex is the word's
 * td_tg_word.lex (so tagging needs no lemmatizer lookup for it) and class
 * is, for frequent unambiguous words, the class they are tagged with
 * without scoring (the tag dictionary), else TD_TG_NODICT. The second
 * pass's table keeps one weight a feature hash h at slot
 * ((h & 0xffffffff) * nrt) >> 32 or after, key (h >> 32) | 1. */
typedef struct td_tg_header {
  char magic[8]; /* "TDTAG002" */
  uint32_t nclass, nslot, nent, version;
  float scale;   /* weight = i16 / scale; |i16| <= TD_TG_WMAX */
  uint32_t ndict;
  uint32_t reserved[2]; /* [0]: nrt, the second pass's slots */
} td_tg_header;

typedef struct td_tg_slot {
  uint32_t key;
  uint8_t cls[4]; /* inline classes; cls[0] TD_TG_EXT: weights outside */
  int16_t w[4];   /* inline weights; outside: w[0..1] the u32 first index */
} td_tg_slot;
#define TD_TG_EXT 255
#define TD_TG_NODICT 255

#endif
