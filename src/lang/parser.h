/*
 * parser.h — the dependency parser's commands (train, evaluate, build the
 * resource section) and the internals shared by parser.c (parsing with a
 * memory-mapped model) and train_parser.c (learning that model).
 *
 * The parser is a greedy arc-hybrid transition system (SHIFT, LEFT, RIGHT;
 * the artificial ROOT sits at the end of the buffer) scored by an averaged
 * perceptron over hashed features; when it makes an arc, a second set of
 * features (of the dependent, the head and the direction) picks the
 * relation. Private to libtidings.
 */
#ifndef TD_LANG_PARSER_H
#define TD_LANG_PARSER_H

#include "lang.h"

#include <stdint.h>
#include <stdio.h>

/* ---- commands ---- */

/* Trains the parser on train_conllu for `iters` passes (0: default 15),
 * reports dev UAS/LAS after each pass to log (dev_conllu and log may be
 * NULL) and writes the model to out_model. 0, or -1 with a message on log. */
int td_parser_train(const char *train_conllu, const char *dev_conllu,
                    const char *out_model, int iters, FILE *log);

/* Parses the gold words of a CoNLL-U file with eng->parser and prints UAS
 * and LAS to out. gold_tags: use the treebank's UPOS/XPOS; otherwise tag
 * with eng->tagger first. Punctuation is included; LAS compares universal
 * relations (subtypes ignored) as CoNLL 2018 does, and the full-label
 * figure is printed beside it. 0, or -1 with a message on out. */
int td_eval_parser(const td_engine *eng, const char *conllu, int gold_tags,
                   FILE *out);

struct td_resw;
/* Adds section "parser" from the model file at path (normally
 * data/models/parser.bin) after checking it, and "parser.split", its
 * relation weights laid out by direction (parser.c, split_bind). 0, or -1
 * with err. */
int td_parser_build_res(struct td_resw *w, const char *path, char *err,
                        size_t errlen);

/* ---- model image (data/models/parser.bin), little-endian, used in place:
 *   td_ps_header                                  48 bytes
 *   nlabel x char[32]   relation names, NUL-padded
 *   ngroup x td_ps_group (32 bytes each)          ngroup = ceil(N / 14)
 *   nent   x u32        entry: class << 16 | (u16) weight
 *   M      x i8[2]      move cells: LEFT - SHIFT, RIGHT - SHIFT weights
 * The move features (td_ps_features) and the relation features
 * (td_ps_label_features) have tables of their own.
 *
 * Moves: M = 1 << mbits cells; a feature hash h adds the weights of cell
 * h >> (64 - mbits) (a hash kernel: features that share a cell share
 * weights, in training too). One cache line read per feature, no search.
 * Only the best valid move matters and adding the same amount to the three
 * weights of a cell changes no choice, so a cell keeps two: LEFT and RIGHT
 * less SHIFT (SHIFT scores 0). Two bytes a cell put twice the cells in the
 * same memory (1 MiB: 512K cells); 8-bit differences (the largest maps to
 * 127) cost no accuracy on dev.
 *
 * Relations: N = 1 << bits buckets. A feature hash h falls in bucket
 * h >> (64 - bits), in group bucket / 14; the group gives the index of its
 * first entry and where each of its 14 buckets ends, so finding a bucket's
 * entries costs one cache miss and no loop. Classes: 3+l relation l of a
 * LEFT arc, 3+nlabel+l relation l of a RIGHT arc. Scores are weights
 * summed in int32 (weight = i16 / scale, moves i8 / mscale). */
#define TD_PS_GROUP 14
typedef struct td_ps_group {
  uint32_t first;             /* entries before the group */
  uint16_t end[TD_PS_GROUP];  /* entries of the group up to each bucket's end */
} td_ps_group;

typedef struct td_ps_header {
  char magic[8];       /* "TDPAR001" */
  uint32_t version;    /* TD_PS_VERSION */
  uint32_t bits;       /* log2 of the relation bucket count */
  uint32_t nlabel;     /* relations */
  uint32_t nent;       /* relation weights */
  float scale;
  uint32_t tagset;     /* td_ps_tagset_hash() of the XPOS table trained on */
  uint32_t mbits;      /* log2 of the move cell count */
  float mscale;
  uint32_t reserved[2];
} td_ps_header;

#define TD_PS_VERSION 7 /* 7: the feature templates of docs/PARSER.md (47 + 14) */
#define TD_PS_MAXLABEL 120 /* 3 + 2 * nlabel classes fit a byte */
#define TD_PS_MAXCLASS (3 + 2 * TD_PS_MAXLABEL)
enum { TD_PS_SHIFT, TD_PS_LEFT, TD_PS_RIGHT };
#define TD_PS_MAXFEAT 128
#define TD_PS_LABEL_LEN 32

/* A parser over a model image (mapped or in memory; td_ps_open does not
 * copy it, nor does td_parser_load when the image has the split section,
 * else it parses with a copy in huge pages: own). */
struct td_parser {
  int bits, mbits, nlabel, ncls, rootlab;
  float scale;
  const td_ps_group *grp;
  const uint32_t *ent;
  const int8_t *mv; /* (1 << mbits) x 2 move weights */
  uint8_t deprel[TD_PS_MAXLABEL]; /* model label -> td_deprel index */
  char names[TD_PS_MAXLABEL][TD_PS_LABEL_LEN];
  void *own; /* the image copied into huge pages by td_parser_load, or NULL */
  /* td_parser_load: the relation weights split by direction (parser.c,
   * split_relations), or NULL (td_ps_open: the groups are read) */
  const uint32_t *rix[2], *rent[2];
  const int32_t *rbias[2]; /* the bias's relation sums by direction */
  uint64_t rbias_b[2];     /* and its bucket */
  /* the bias's sums plus those of the dependent's tag alone (the first
   * relation template), by direction and tag (256 x nlabel), and that
   * template's bucket by direction and tag */
  const int32_t *rtag[2];
  const uint32_t *rtag_b[2];
  void *rown;
  /* td_parser_load: a number no other model loaded in this process has
   * (the key of the trees parse_span keeps); td_ps_open: 0 */
  uint64_t serial;
};

/* Checks an image and fills p to use it in place. 0, or -1 with err. */
int td_ps_open(struct td_parser *p, const void *data, size_t len, char *err,
               size_t errlen);
uint32_t td_ps_tagset_hash(void);

/* ---- one sentence being parsed ---- */

/* What the features see of a word, computed once per sentence. */
typedef struct td_ps_word {
  uint64_t w; /* hash of the normalized form */
  uint32_t t; /* tag: XPOS index, or 128 + UPOS when XPOS is unknown */
} td_ps_word;

/* Hash of a surface form: ASCII-lowercased, curly quotes folded, digits
 * mapped to 0. Training and parsing both go through here. */
uint64_t td_ps_word_hash(const char *s, size_t n);
/* Tag feature value of a token. */
static inline uint32_t td_ps_tag(int upos, int xpos) {
  return xpos > 0 ? (uint32_t)xpos : 128u + (uint32_t)upos;
}

/* The configuration: words 0..n-1, ROOT = n at the end of the buffer. All
 * arrays have n + 1 cells and come from one block (td_ps_state_mem bytes);
 * each also has a cell at -1 (the stack two) holding what the features
 * read for no word. */
typedef struct td_ps_state {
  int n, sp, b;
  const td_ps_word *x; /* a copy of the words, from -1 (none) to n + 2 */
  int *stack, *head, *lab, *lc1, *lc2, *rc1, *rc2, *nl, *nr;
  uint64_t *lset, *rset;
} td_ps_state;

/* Bytes needed for n words: the configuration and the sums td_ps_parse
 * keeps after it. */
size_t td_ps_state_mem(int n);
void td_ps_init(td_ps_state *st, int n, const td_ps_word *x, void *mem);
static inline int td_ps_done(const td_ps_state *st) {
  return st->sp == 0 && st->b == st->n;
}
/* Writes the hashes of the features that choose the move; returns their
 * count (at most TD_PS_MAXFEAT). */
int td_ps_features(const td_ps_state *st, uint64_t *f);
/* Writes the hashes of the features that choose the relation of the arc
 * LEFT (s0 <- b0) or RIGHT (s1 -> s0); returns their count. */
int td_ps_label_features(const td_ps_state *st, int move, uint64_t *f);
/* Is the move allowed in this configuration? */
int td_ps_valid(const td_ps_state *st, int move);
/* The best valid move under scores sc[0..3). */
int td_ps_best_move(const td_ps_state *st, const int32_t *sc);
/* The best relation (not root) of a LEFT or RIGHT arc under scores sc. */
int td_ps_best_label(const int32_t *sc, int move, int nlabel, int rootlab);
/* Applies a valid move; lab is the relation of its arc (ignored for SHIFT). */
void td_ps_apply(td_ps_state *st, int move, int lab);

/* Parses n words greedily with model p: head[i] is a word index or -1 for
 * the root, lab[i] a model label. mem: td_ps_state_mem(n) bytes. */
void td_ps_parse(const struct td_parser *p, const td_ps_word *x, int n,
                 int *head, int *lab, void *mem);
/* The same parse written plainly over td_ps_features and
 * td_ps_label_features (the reference the tests hold td_ps_parse to). */
void td_ps_parse_ref(const struct td_parser *p, const td_ps_word *x, int n,
                     int *head, int *lab, void *mem);

#endif
