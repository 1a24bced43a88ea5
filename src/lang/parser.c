/*
 * parser.c — the dependency parser stage: after the tagger, sets head and
 * deprel of every token of every sentence (Universal Dependencies).
 *
 * A greedy arc-hybrid transition parser (Kuhlmann et al. 2011; trained with
 * Goldberg & Nivre's dynamic oracle in train_parser.c) scores SHIFT, LEFT
 * and RIGHT with an averaged perceptron over 47 hashed features in the
 * style of Zhang & Nivre (2011); for an arc, 14 features of the dependent,
 * head and direction then score the relation. The model is a section of
 * the resource image, used in place: a move feature hashes to a cell of
 * two 8-bit weights (one cache line read), a relation feature to a bucket
 * of a few (class, weight) pairs, which the image also has laid out by
 * direction (section "parser.split", see split_bind; for an image
 * without it, td_parser_load copies the model to huge pages, huge_copy,
 * and lays it out itself, split_relations); see
 * parser.h and docs/PARSER.md. The lazy parse of the pipeline
 * (td_parse_sentence) reuses the trees of sentences a thread has parsed
 * before (parse_cached).
 */
#include "parser.h"
#include "../core/res.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- words ---- */

uint64_t td_ps_word_hash(const char *s, size_t n) {
  /* FNV-1a over the normalized bytes, then a final mix. */
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
      unsigned char d = (unsigned char)s[i + 2];
      if (d == 0x98 || d == 0x99) c = '\'', i += 2;
      else if (d == 0x9C || d == 0x9D) c = '"', i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      c = (unsigned char)(c + 32);
    } else if (c >= '0' && c <= '9') {
      c = '0';
    }
    h = (h ^ c) * 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

uint32_t td_ps_tagset_hash(void) {
  uint64_t h = 0;
  for (int i = 0; i < td_xpos_count; i++)
    h = h * 31 + td_hash64(td_xpos_names[i], strlen(td_xpos_names[i]));
  for (int i = 0; i < TD_UPOS_COUNT; i++)
    h = h * 31 + td_hash64(td_upos_names[i], strlen(td_upos_names[i]));
  return (uint32_t)(h ^ (h >> 32));
}

/* ---- configurations ---- */

/* The word values of no word and of ROOT. */
#define NONE_W 0x2545F4914F6CDD1DULL
#define ROOT_W 0x4F1BBCDCBFA53E0BULL

/* The configuration's block (td_ps_parse keeps its sums after it): the
 * label sets (n + 2 cells: one before word 0), the words (n + 4: one
 * before, ROOT and two after), then the int arrays (n + 3: two before). */
static size_t ps_state_bytes(int n) {
  size_t m = (size_t)n + 1;
  return 2 * (m + 1) * sizeof(uint64_t) + (m + 3) * sizeof(td_ps_word) +
         9 * (m + 2) * sizeof(int);
}

size_t td_ps_state_mem(int n) {
  return ps_state_bytes(n) + ((size_t)n + 1) * 6 * sizeof(int32_t);
}

void td_ps_init(td_ps_state *st, int n, const td_ps_word *x, void *mem) {
  size_t m = (size_t)n + 1;
  uint64_t *u = mem;
  st->lset = u + 1;
  st->rset = u + m + 2;
  /* the words, with what the features read past them: NONE at -1 and
   * past ROOT, ROOT at n (perf, issue 11: no tests in the templates) */
  td_ps_word *w = (td_ps_word *)(u + 2 * (m + 1)) + 1;
  w[-1] = (td_ps_word){NONE_W, 250u};
  memcpy(w, x, (size_t)n * sizeof *w);
  w[n] = (td_ps_word){ROOT_W, 251u};
  w[n + 1] = w[n + 2] = w[-1];
  int *p = (int *)(w + n + 3);
  int **arr[] = {&st->stack, &st->head, &st->lab, &st->lc1, &st->lc2,
                 &st->rc1,   &st->rc2,  &st->nl,  &st->nr};
  for (size_t k = 0; k < sizeof arr / sizeof arr[0]; k++) *arr[k] = p + k * (m + 2) + 2;
  /* cell -1 (-2 of the stack) stands for no word: the values the
   * templates give one */
  for (int i = -1; i < (int)m; i++) {
    st->head[i] = -1;
    st->lab[i] = -1;
    st->lc1[i] = st->lc2[i] = st->rc1[i] = st->rc2[i] = -1;
    st->nl[i] = st->nr[i] = 0;
    st->lset[i] = st->rset[i] = 0;
  }
  st->stack[-2] = st->stack[-1] = -1;
  st->nl[-1] = st->nr[-1] = 9;
  st->rset[-1] = 1;
  st->n = n;
  st->x = w;
  st->sp = 0;
  st->b = 0;
}

/* The arc h -> d without its relation (head, children, valency)... */
static void add_arc_tree(td_ps_state *st, int h, int d) {
  st->head[d] = h;
  if (d < h) {
    if (st->lc1[h] < 0 || d < st->lc1[h]) st->lc2[h] = st->lc1[h], st->lc1[h] = d;
    else if (st->lc2[h] < 0 || d < st->lc2[h]) st->lc2[h] = d;
    st->nl[h]++;
  } else {
    if (st->rc1[h] < 0 || d > st->rc1[h]) st->rc2[h] = st->rc1[h], st->rc1[h] = d;
    else if (st->rc2[h] < 0 || d > st->rc2[h]) st->rc2[h] = d;
    st->nr[h]++;
  }
}

/* ... and its relation l (d's label, h's label sets). */
static void add_arc_label(td_ps_state *st, int h, int d, int l) {
  st->lab[d] = l;
  if (d < h) st->lset[h] |= 1ULL << (l & 63);
  else st->rset[h] |= 1ULL << (l & 63);
}

static void add_arc(td_ps_state *st, int h, int d, int l) {
  add_arc_tree(st, h, d);
  add_arc_label(st, h, d, l);
}

int td_ps_valid(const td_ps_state *st, int move) {
  switch (move) {
  case TD_PS_SHIFT: return st->b < st->n;
  case TD_PS_LEFT: return st->sp >= 1 && (st->b < st->n || st->sp == 1);
  case TD_PS_RIGHT: return st->sp >= 2;
  }
  return 0;
}

void td_ps_apply(td_ps_state *st, int move, int lab) {
  if (move == TD_PS_SHIFT) {
    st->stack[st->sp++] = st->b++;
  } else if (move == TD_PS_LEFT) {
    int s0 = st->stack[--st->sp];
    add_arc(st, st->b, s0, lab);
  } else {
    int s0 = st->stack[--st->sp];
    add_arc(st, st->stack[st->sp - 1], s0, lab);
  }
}

int td_ps_best_move(const td_ps_state *st, const int32_t *sc) {
  int best = -1;
  for (int m = TD_PS_SHIFT; m <= TD_PS_RIGHT; m++)
    if (td_ps_valid(st, m) && (best < 0 || sc[m] > sc[best])) best = m;
  return best;
}

int td_ps_best_label(const int32_t *sc, int move, int nlabel, int rootlab) {
  const int32_t *v = sc + 3 + (move == TD_PS_RIGHT ? nlabel : 0);
  int best = rootlab == 0 ? 1 : 0; /* the first that is not root (nlabel >= 2) */
  for (int l = best + 1; l < nlabel; l++)
    if (l != rootlab && v[l] > v[best]) best = l;
  return best;
}

/* ---- features ---- */

#define K1 0x9E3779B97F4A7C15ULL
#define K2 0xC2B2AE3D27D4EB4FULL
#define K3 0x165667B19E3779F9ULL
#define K4 0xD6E8FEB86659FD93ULL

/* A feature's hash is fmix_top(...) ^ (fmix_top(...) >> 29). Models only
 * ever use its top bits (a cell or bucket index: at least 38 bits shifted
 * out, see td_ps_open), where the final xor-shift changes nothing: the
 * parse computes those indices from fmix_top alone. */
static inline uint64_t fmix_top(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = (t * K4) ^ (a * K1) ^ ((b + 0x51) * K2) ^ ((c + 0x77) * K3);
  h ^= h >> 31;
  return h * 0xBF58476D1CE4E5B9ULL;
}

/* Where a feature's value goes: its full hash (out == NULL: training and
 * td_ps_features), or, while parsing, the address of its move cell or the
 * index of its bucket (h >> shift), with the model memory that reads
 * prefetched. groups (moves only): the MG_* groups of templates written
 * (see move_feats). */
typedef struct fsink {
  int moves;               /* 1: move cells, 0: relation groups */
  const int8_t *mv;        /* move cells (2 bytes each) */
  const td_ps_group *grp;  /* relation groups */
  const uint32_t *rix;     /* or, when set, one direction's bucket words */
  int shift;
  int groups;
} fsink;

static inline __attribute__((always_inline)) void femit(uint64_t *f, int k, uint64_t h,
                                                         const fsink *o) {
  if (!o) {
    f[k] = h ^ (h >> 29);
  } else if (o->moves) {
    const int8_t *q = o->mv + 2 * (h >> o->shift);
    f[k] = (uint64_t)(uintptr_t)q;
    __builtin_prefetch(q);
  } else {
    uint64_t i = h >> o->shift;
    f[k] = i;
    if (o->rix) __builtin_prefetch(o->rix + i);
    else __builtin_prefetch(o->grp + (uint32_t)i / TD_PS_GROUP);
  }
}

/* Distances are binned: 1 2 3 4 5-6 7-9 10+. */
static inline uint64_t dist_bin(int d) {
  return d <= 4 ? (uint64_t)d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

/* The groups of move templates, by what they read (td_ps_parse keeps the
 * sums of the first four; a word's state changes only when it gets a
 * child, see best_move):
 *   MG_B   the buffer's first three words and the bias
 *   MG_S0  s0 alone (its word, tag, children, right valency and labels),
 *          MG_S0L of them those that read a relation
 *   MG_S1  s1 alone
 *   MG_B0  b0's left children (its word and tag with them), MG_B0L of
 *          them those that read a relation
 *   MG_X   the rest: two or more of s0, s1 and b0 together, the distance
 * and, across them, MG_W: the templates that read a word or three tags,
 * whose cells are seldom in the cache (best_move prefetches them for the
 * configuration SHIFT would make; asked for with MG_W, a group gives only
 * those). */
enum { MG_B = 1, MG_S0 = 2, MG_S1 = 4, MG_B0 = 8, MG_X = 16, MG_S0L = 32, MG_B0L = 64,
       MG_ALL = 127, MG_W = 128 };

/* The move feature templates, written once: features (the hashes) and
 * the parse (cell addresses, prefetched) both expand this. */
static inline __attribute__((always_inline)) int move_feats(const td_ps_state *st, uint64_t *f,
                                                            const fsink *o) {
  const int sp = st->sp;
  const td_ps_word *x = st->x;
  /* no word is -1, and its cells say so (td_ps_init); b1 and b2 past
   * ROOT read NONE */
  int s0 = st->stack[sp - 1], s1 = st->stack[sp - 2];
  int b0 = st->b, b1 = b0 + 1, b2 = b0 + 2;
#define W(i) (x[i].w)
#define T(i) ((uint64_t)x[i].t)
#define L(i) ((uint64_t)(st->lab[i] + 1))
#define CH(a, i) (st->a[i])
  uint64_t s0w = W(s0), s1w = W(s1), b0w = W(b0), b1w = W(b1);
  uint64_t s0t = T(s0), s1t = T(s1), b0t = T(b0), b1t = T(b1), b2t = T(b2);
  int s0l = CH(lc1, s0), s0l2 = CH(lc2, s0), s0r = CH(rc1, s0);
  int b0l = CH(lc1, b0), b0l2 = CH(lc2, b0), s1l = CH(lc1, s1), s1r = CH(rc1, s1);
  uint64_t s0lt = T(s0l), s0rt = T(s0r), b0lt = T(b0l), s1lt = T(s1l), s1rt = T(s1r);
  uint64_t d = s0 >= 0 ? dist_bin(b0 - s0) : 0;
  uint64_t s0nr = (uint64_t)st->nr[s0], b0nl = (uint64_t)st->nl[b0];
  uint64_t s1nl = (uint64_t)st->nl[s1], s1nr = (uint64_t)st->nr[s1];
  uint64_t s0rs = st->rset[s0], b0ls = st->lset[b0];
  /* j: features written. Each template has a number of its own, part of
   * its hash: the templates of version 6 were numbered 1 to 101 in turn,
   * version 7 keeps 47 of them (those whose removal cost least dev LAS,
   * docs/PARSER.md) under their numbers, so a template left out changes
   * no other's hash. Each template also has a group (MG_*: what it reads),
   * and only the groups asked for are written. */
  int j = 0;
  const int groups = o ? o->groups : MG_ALL;
#define F(g, id, a, b, c)                                                           \
  ((groups & (g) & MG_ALL) && (!(groups & MG_W) || ((g) & MG_W))                     \
       ? femit(f, j++, fmix_top((uint64_t)(id), (a), (b), (c)), o)                    \
       : (void)0)
  /* words and tags of the stack and buffer */
  F(MG_S0 | MG_W, 1, s0w, s0t, 0); F(MG_S0, 3, s0t, 0, 0);
  F(MG_B | MG_W, 4, b0w, b0t, 0); F(MG_B | MG_W, 5, b0w, 0, 0); F(MG_B, 6, b0t, 0, 0);
  F(MG_B | MG_W, 7, b1w, b1t, 0); F(MG_B, 9, b1t, 0, 0); F(MG_B, 12, b2t, 0, 0);
  F(MG_S1 | MG_W, 13, s1w, s1t, 0); F(MG_S1 | MG_W, 14, s1w, 0, 0);
  /* s0 with b0 (the LEFT arc) */
  F(MG_X | MG_W, 21, s0w, s0t, b0t); F(MG_B, 25, b0t, b1t, 0);
  /* tag trigrams */
  F(MG_B | MG_W, 33, b0t, b1t, b2t); F(MG_X | MG_W, 34, s0t, b0t, b1t);
  F(MG_X | MG_W, 35, s1t, s0t, b0t); F(MG_X | MG_W, 36, s0t, s0lt, b0t);
  F(MG_X | MG_W, 37, s0t, s0rt, b0t); F(MG_X | MG_W, 38, s0t, b0t, b0lt);
  F(MG_X | MG_W, 39, s1t, s0t, s0lt); F(MG_X | MG_W, 40, s1t, s0t, s0rt);
  F(MG_X | MG_W, 41, s1t, s1rt, s0t); F(MG_X | MG_W, 43, s1t, s1lt, s0t);
  F(MG_X, 45, s1t, b0t, 0); F(MG_X | MG_W, 46, s1t, s0t, b1t);
  /* distance and valency */
  F(MG_X, 50, b0t, d, 0);
  F(MG_S0 | MG_W, 57, s0w, s0nr, 0); F(MG_B0, 62, b0t, b0nl, 0); F(MG_S1 | MG_W, 63, s1w, s1nr, 0);
  F(MG_S1, 65, s1t, s1nl, 0);
  /* children */
  F(MG_S0 | MG_W, 66, W(s0l), 0, 0); F(MG_S0L, 68, L(s0l), 0, 0); F(MG_S0L, 71, L(s0r), 0, 0);
  F(MG_B0, 72, W(b0l), 0, 0); F(MG_B0, 73, b0lt, 0, 0); F(MG_B0L, 74, L(b0l), 0, 0);
  F(MG_S1 | MG_W, 75, W(s1r), 0, 0); F(MG_S1, 78, L(s1l), 0, 0);
  F(MG_S0, 80, T(s0l2), 0, 0); F(MG_B0, 85, W(b0l2), 0, 0); F(MG_B0L, 87, L(b0l2), 0, 0);
  F(MG_B0, 90, b0t, b0lt, T(b0l2)); F(MG_S0L, 91, s0t, L(s0l), L(s0r));
  F(MG_B0L, 93, b0t, L(b0l), 0);
  /* label sets */
  F(MG_S0L | MG_W, 94, s0w, s0rs, 0); F(MG_B0L | MG_W, 98, b0w, b0ls, 0);
  F(MG_B0L, 99, b0t, b0ls, 0);
  /* bias */
  F(MG_B, 101, 0, 0, 0);
#undef F
#undef W
#undef T
#undef L
#undef CH
  return j;
}

int td_ps_features(const td_ps_state *st, uint64_t *f) { return move_feats(st, f, NULL); }

/* The template number of the relation features' bias (the last), and of
 * the dependent's tag alone (the first): split_relations sums the two by
 * tag at load. */
#define LABEL_BIAS 36
#define LABEL_TAG 1
/* Room for an arc's relation features (label_feats writes 14): the
 * buckets and entries td_ps_parse keeps for the arc it is making. */
#define LABEL_MAXFEAT 32

/* Features of the arc s0 <- b0 (LEFT) or s1 -> s0 (RIGHT) for choosing its
 * relation; template ids are apart from the move features' and differ by
 * direction, so the two never share weights. */
static inline __attribute__((always_inline)) int label_feats(const td_ps_state *st, int move,
                                                             uint64_t *f, const fsink *o) {
  const int sp = st->sp;
  const td_ps_word *x = st->x;
  int d = st->stack[sp - 1];
  int h = move == TD_PS_LEFT ? st->b : st->stack[sp - 2];
#define W(i) (x[i].w)
#define T(i) ((uint64_t)x[i].t)
#define L(i) ((uint64_t)(st->lab[i] + 1))
  uint64_t dw = W(d), dt = T(d), hw = W(h), ht = T(h);
  int dl = st->lc1[d];
  int hc = move == TD_PS_LEFT ? st->lc1[h] : st->rc1[h];
  uint64_t hset = move == TD_PS_LEFT ? st->lset[h] : st->rset[h];
  uint64_t t0 = move == TD_PS_LEFT ? 200 : 300;
  int k = 0;
  /* Numbered as the move templates are: the 14 kept of version 6's 37
   * (0 to 36) under their numbers; t0 sets them apart by direction. */
#define F(id, a, b, c) (femit(f, k++, fmix_top(t0 + (id), (a), (b), (c)), o))
  F(LABEL_TAG, dt, 0, 0); F(2, dw, dt, 0); F(8, dt, ht, 0);
  F(13, L(dl), 0, 0); F(17, st->lset[d], 0, 0); F(19, dt, st->lset[d], 0);
  F(24, dt, W(dl), 0);
  F(25, ht, L(hc), 0); F(26, ht, hset, 0); F(28, hw, L(hc), 0);
  F(30, dt, T(d + 1), 0); F(31, ht, T(h - 1), 0); F(32, ht, T(h + 1), 0);
  F(LABEL_BIAS, 0, 0, 0); /* the bias, see split_relations */
#undef F
#undef W
#undef T
#undef L
  return k;
}

int td_ps_label_features(const td_ps_state *st, int move, uint64_t *f) {
  return label_feats(st, move, f, NULL);
}

/* ---- the model ---- */

int td_ps_open(struct td_parser *p, const void *data, size_t len, char *err,
               size_t errlen) {
  const td_ps_header *h = data;
  memset(p, 0, sizeof *p);
  if (!data || len < sizeof *h || memcmp(h->magic, "TDPAR001", 8) != 0) {
    snprintf(err, errlen, "parser model: not a TDPAR001 image");
    return -1;
  }
  if (h->version != TD_PS_VERSION) {
    snprintf(err, errlen, "parser model: version %u, this parser reads %d; retrain it",
             h->version, TD_PS_VERSION);
    return -1;
  }
  if (h->bits < 8 || h->bits > 26 || h->mbits < 8 || h->mbits > 26 || h->nlabel < 2 ||
      h->nlabel > TD_PS_MAXLABEL) {
    snprintf(err, errlen, "parser model: bad header");
    return -1;
  }
  if (h->tagset != td_ps_tagset_hash()) {
    snprintf(err, errlen, "parser model: trained on another tag set; retrain it");
    return -1;
  }
  size_t nb = (size_t)1 << h->bits, ng = (nb + TD_PS_GROUP - 1) / TD_PS_GROUP;
  size_t need = sizeof *h + (size_t)h->nlabel * TD_PS_LABEL_LEN +
                ng * sizeof(td_ps_group) + (size_t)h->nent * 4 + ((size_t)2 << h->mbits);
  if (len < need) {
    snprintf(err, errlen, "parser model: truncated (%zu of %zu bytes)", len, need);
    return -1;
  }
  const unsigned char *q = (const unsigned char *)data + sizeof *h;
  p->bits = (int)h->bits;
  p->mbits = (int)h->mbits;
  p->nlabel = (int)h->nlabel;
  p->ncls = 3 + 2 * p->nlabel;
  p->scale = h->scale;
  p->rootlab = -1;
  for (int l = 0; l < p->nlabel; l++) {
    memcpy(p->names[l], q + (size_t)l * TD_PS_LABEL_LEN, TD_PS_LABEL_LEN);
    p->names[l][TD_PS_LABEL_LEN - 1] = 0;
    p->deprel[l] = (uint8_t)td_deprel_from_name(p->names[l]);
    if (strcmp(p->names[l], "root") == 0) p->rootlab = l;
  }
  if (p->rootlab < 0) {
    snprintf(err, errlen, "parser model: no root relation");
    return -1;
  }
  q += (size_t)h->nlabel * TD_PS_LABEL_LEN;
  p->grp = (const td_ps_group *)q;
  p->ent = (const uint32_t *)(q + ng * sizeof(td_ps_group));
  p->mv = (const int8_t *)(p->ent + h->nent);
  /* Every bucket's entries must lie within the image, and every class be
   * one the model has: then parsing needs no checks. */
  uint32_t next = 0;
  for (size_t g = 0; g < ng && next <= h->nent; g++) {
    const td_ps_group *gr = &p->grp[g];
    for (int i = 1; i < TD_PS_GROUP; i++)
      if (gr->end[i] < gr->end[i - 1]) next = UINT32_MAX;
    if (gr->first != next) next = UINT32_MAX;
    else next += gr->end[TD_PS_GROUP - 1];
  }
  if (next != h->nent) {
    snprintf(err, errlen, "parser model: bucket counts do not add up");
    return -1;
  }
  for (size_t e = 0; e < h->nent; e++)
    if ((p->ent[e] >> 16) >= (uint32_t)p->ncls || (p->ent[e] >> 16) < 3) {
      snprintf(err, errlen, "parser model: bad class");
      return -1;
    }
  return 0;
}

/* Sets sc[lo..hi) to zero and adds the weights of features f[0..nf) into
 * sc (whose classes must lie in [lo, hi)). */
static void score(const struct td_parser *p, const uint64_t *f, int nf,
                  int32_t *sc, int lo, int hi) {
  const int shift = 64 - p->bits;
  const td_ps_group *g[TD_PS_MAXFEAT];
  uint32_t at[TD_PS_MAXFEAT];
  int cnt[TD_PS_MAXFEAT];
  /* Three passes so that the memory loads of all features overlap: find
   * the groups, then the entries, then add. */
  for (int i = 0; i < nf; i++) {
    uint32_t b = (uint32_t)(f[i] >> shift);
    g[i] = p->grp + b / TD_PS_GROUP;
    at[i] = b % TD_PS_GROUP;
    __builtin_prefetch(g[i]);
  }
  for (int i = 0; i < nf; i++) {
    const td_ps_group *gr = g[i];
    uint32_t k = at[i], start = k ? gr->end[k - 1] : 0;
    cnt[i] = (int)(gr->end[k] - start);
    at[i] = gr->first + start;
    __builtin_prefetch(p->ent + at[i]);
  }
  memset(sc + lo, 0, (size_t)(hi - lo) * sizeof *sc);
  for (int i = 0; i < nf; i++) {
    const uint32_t *e = p->ent + at[i];
    /* A hashed bucket may also hold weights of classes outside [lo, hi)
     * (a collision between move and label features): skip those. */
    for (int j = 0; j < cnt[i]; j++) {
      uint32_t c = e[j] >> 16;
      if (c - (uint32_t)lo < (uint32_t)(hi - lo)) sc[c] += (int16_t)(e[j] & 0xffff);
    }
  }
}

/* sc[0..3) = the SHIFT, LEFT, RIGHT scores of move features f[0..nf):
 * one cell of two int8 (LEFT and RIGHT less SHIFT) per feature, all
 * prefetched before the adds; SHIFT scores 0. */
static void score_moves(const struct td_parser *p, const uint64_t *f, int nf,
                        int32_t *sc) {
  const int shift = 64 - p->mbits;
  const int8_t *c[TD_PS_MAXFEAT];
  for (int i = 0; i < nf; i++) {
    c[i] = p->mv + 2 * (f[i] >> shift);
    __builtin_prefetch(c[i]);
  }
  int32_t b = 0, d = 0;
  for (int i = 0; i < nf; i++) {
    b += c[i][0];
    d += c[i][1];
  }
  sc[0] = 0;
  sc[1] = b;
  sc[2] = d;
}

void td_ps_parse_ref(const struct td_parser *p, const td_ps_word *x, int n,
                     int *head, int *lab, void *mem) {
  td_ps_state st;
  uint64_t f[TD_PS_MAXFEAT];
  int32_t sc[TD_PS_MAXCLASS];
  td_ps_init(&st, n, x, mem);
  while (!td_ps_done(&st)) {
    int m, l = p->rootlab;
    if (st.sp == 0) {
      m = TD_PS_SHIFT;
    } else if (st.b == n && st.sp == 1) {
      m = TD_PS_LEFT;
    } else if (st.b == n) {
      /* only ROOT is left in the buffer: RIGHT is the one valid move, and
       * only its relation needs scoring */
      m = TD_PS_RIGHT;
      score(p, f, td_ps_label_features(&st, m, f), sc, 3 + p->nlabel, 3 + 2 * p->nlabel);
      l = td_ps_best_label(sc, m, p->nlabel, p->rootlab);
    } else {
      score_moves(p, f, td_ps_features(&st, f), sc);
      m = td_ps_best_move(&st, sc);
      if (m != TD_PS_SHIFT) {
        int lo = 3 + (m == TD_PS_RIGHT ? p->nlabel : 0);
        score(p, f, td_ps_label_features(&st, m, f), sc, lo, lo + p->nlabel);
        l = td_ps_best_label(sc, m, p->nlabel, p->rootlab);
      }
    }
    td_ps_apply(&st, m, l);
  }
  for (int i = 0; i < n; i++) {
    head[i] = st.head[i] == n ? -1 : st.head[i];
    lab[i] = st.lab[i];
  }
}

/* The relation of the arc that move (LEFT or RIGHT) makes in st, as
 * td_ps_best_label picks it from the scores sc[3..ncls): the bucket indices
 * come straight from the templates with their groups prefetched, then
 * every bucket's entries are prefetched, then added. Every class of a
 * bucket is added (td_ps_open checked them all in [3, ncls)): the ones of
 * the other direction land in scores nobody reads, which is cheaper than
 * testing each entry. sc is scratch space. */
static int score_arc(const struct td_parser *p, const td_ps_state *st, int move,
                     int32_t *sc) {
  uint64_t b[TD_PS_MAXFEAT];
  uint32_t at[TD_PS_MAXFEAT], cnt[TD_PS_MAXFEAT];
  const uint32_t *ent = p->ent;
  const fsink o = {0, NULL, p->grp, NULL, 64 - p->bits, 0};
  int nf = move == TD_PS_LEFT ? label_feats(st, TD_PS_LEFT, b, &o)
                              : label_feats(st, TD_PS_RIGHT, b, &o);
  for (int i = 0; i < nf; i++) {
    /* bucket indices have at most 26 bits (td_ps_open): 32-bit division */
    uint32_t bi = (uint32_t)b[i], g = bi / TD_PS_GROUP, k = bi - g * TD_PS_GROUP;
    const td_ps_group *gr = p->grp + g;
    uint32_t start = k ? gr->end[k - 1] : 0;
    cnt[i] = gr->end[k] - start;
    at[i] = gr->first + start;
    __builtin_prefetch(ent + at[i]);
  }
  memset(sc + 3, 0, (size_t)(p->ncls - 3) * sizeof *sc);
  for (int i = 0; i < nf; i++) {
    const uint32_t *e = ent + at[i];
    uint32_t j = 0, m = cnt[i];
    for (; j + 2 <= m; j += 2) { /* two entries a turn */
      uint32_t e0 = e[j], e1 = e[j + 1];
      sc[e0 >> 16] += (int16_t)(e0 & 0xffff);
      sc[e1 >> 16] += (int16_t)(e1 & 0xffff);
    }
    if (j < m) sc[e[j] >> 16] += (int16_t)(e[j] & 0xffff);
  }
  /* td_ps_best_label: the first best relation that is not root; root
   * scored below every real sum (none is below -TD_PS_MAXFEAT x 32768)
   * leaves that to a plain first-maximum search */
  int32_t *v = sc + 3 + (move == TD_PS_RIGHT ? p->nlabel : 0);
  v[p->rootlab] = INT32_MIN;
  int best = 0;
  int32_t bv = v[0];
  for (int l = 1; l < p->nlabel; l++)
    if (v[l] > bv) bv = v[l], best = l;
  return best;
}

/* The first l in [0, n) with the largest v[l]: td_ps_best_label's choice
 * once root is scored INT32_MIN. v has room for n + 3 values (it is
 * scratch space of TD_PS_MAXCLASS); those past n are overwritten. The
 * maximum four lanes at a time, then its first place: a bit for each lane
 * equal to it, the lowest one (perf, issue 11: a scan stopping there
 * mispredicts its exit at nearly every arc; eval parser +2.8%). */
static int first_max(int32_t *v, int n) {
  int32_t m;
#ifdef __SSE2__
  for (int i = n; i < n + 3; i++) v[i] = INT32_MIN;
  __m128i mx = _mm_set1_epi32(INT32_MIN);
  for (int i = 0; i < n; i += 4) {
    __m128i x = _mm_loadu_si128((const __m128i *)(v + i));
    __m128i gt = _mm_cmpgt_epi32(x, mx);
    mx = _mm_or_si128(_mm_and_si128(gt, x), _mm_andnot_si128(gt, mx));
  }
  for (int sh = 0; sh < 2; sh++) {
    __m128i y = sh ? _mm_shuffle_epi32(mx, 0xB1) : _mm_shuffle_epi32(mx, 0x4E);
    __m128i gt = _mm_cmpgt_epi32(y, mx);
    mx = _mm_or_si128(_mm_and_si128(gt, y), _mm_andnot_si128(gt, mx));
  }
  m = _mm_cvtsi128_si32(mx);
  _Static_assert(TD_PS_MAXLABEL <= 128, "first_max: 128 lanes at most");
  __m128i mm = _mm_set1_epi32(m);
  uint64_t at[2] = {0, 0};
  for (int i = 0; i < n; i += 4) {
    __m128i eq = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)(v + i)), mm);
    at[i >> 6] |= (uint64_t)_mm_movemask_ps(_mm_castsi128_ps(eq)) << (i & 63);
  }
  return at[0] ? __builtin_ctzll(at[0]) : 64 + __builtin_ctzll(at[1]);
#else
  m = v[0];
  for (int i = 1; i < n; i++)
    if (v[i] > m) m = v[i];
  int best = 0;
  while (v[best] != m) best++;
  return best;
#endif
}

/* score_arc over the relation weights split by direction (see
 * split_relations), for a parser loaded by td_parser_load, in three steps:
 * arc_buckets writes the buckets of the arc's templates to b (returns
 * their count) and prefetches their words; arc_words reads them and
 * prefetches their entries, arc_sum adds those and picks. A bucket's
 * word holds its one entry of this direction itself, or says where its
 * entries begin and how many there are (no group to read first, no
 * entries of the other direction, none of root), and an entry's class is
 * the relation itself. The same integer sums of the same weights: the
 * same choice. */
static int arc_buckets(const struct td_parser *p, const td_ps_state *st, int move,
                       uint64_t *b) {
  const fsink o = {0, NULL, NULL, p->rix[move == TD_PS_RIGHT], 64 - p->bits, 0};
  return move == TD_PS_LEFT ? label_feats(st, TD_PS_LEFT, b, &o)
                            : label_feats(st, TD_PS_RIGHT, b, &o);
}

/* The relation of an arc of direction dir (0 LEFT, 1 RIGHT) whose
 * templates fall in buckets b[0..nf) (arc_buckets) and whose dependent has
 * tag dt, in two steps: arc_words reads the buckets' words into sc (the
 * scores, scratch space: the sums of the bias and the tag, and the
 * entries words hold) and prefetches the other entries, whose places it
 * writes to at and cnt (returns their count);
 * arc_sum adds those to sc and returns the relation. */
static inline __attribute__((always_inline)) int arc_words(const struct td_parser *p, int dir,
                                                           const uint64_t *b, int nf,
                                                           uint32_t dt, int32_t *sc,
                                                           uint32_t *at, uint32_t *cnt) {
  const uint32_t *ix = p->rix[dir], *ent = p->rent[dir];
  /* the bias's bucket (the last feature) is the same at every arc, and
   * the first template reads the dependent's tag alone: the sums of the
   * two are made once, at load, by tag (perf, issue 11: one bucket word
   * and ~9 entries fewer an arc; parse CPU on bench/bbc -1.5%) */
  if (nf > 1 && b[nf - 1] == p->rbias_b[dir] && dt < 256 && b[0] == p->rtag_b[dir][dt]) {
    memcpy(sc, p->rtag[dir] + (size_t)dt * (size_t)p->nlabel, (size_t)p->nlabel * sizeof *sc);
    b++;
    nf -= 2;
  } else if (nf > 0 && b[nf - 1] == p->rbias_b[dir]) {
    memcpy(sc, p->rbias[dir], (size_t)p->nlabel * sizeof *sc);
    nf--;
  } else {
    memset(sc, 0, (size_t)p->nlabel * sizeof *sc);
  }
  int k = 0;
  for (int i = 0; i < nf; i++) {
    uint32_t v = ix[b[i]];
    if (v >> 31) { /* a bucket of one entry holds it */
      sc[(v >> 16) & 127] += (int16_t)(v & 0xffff);
    } else if (v) {
      at[k] = v & 0xffffff;
      cnt[k] = v >> 24;
      __builtin_prefetch(ent + at[k]);
      k++;
    }
  }
  return k;
}

static inline __attribute__((always_inline)) int arc_sum(const struct td_parser *p, int dir,
                                                         int nk, int32_t *sc,
                                                         const uint32_t *at,
                                                         const uint32_t *cnt) {
  const uint32_t *ent = p->rent[dir];
  for (int i = 0; i < nk; i++) {
    const int32_t *e = (const int32_t *)ent + at[i];
    uint32_t j = 0, m = cnt[i];
    for (; j + 2 <= m; j += 2) { /* weight << 8 | relation */
      int32_t e0 = e[j], e1 = e[j + 1];
      sc[e0 & 0xff] += e0 >> 8;
      sc[e1 & 0xff] += e1 >> 8;
    }
    if (j < m) sc[e[j] & 0xff] += e[j] >> 8;
  }
  sc[p->rootlab] = INT32_MIN;
  return first_max(sc, p->nlabel);
}

/* Adds the LEFT and RIGHT weights of move cells c[0..nf) (addresses) to
 * *l and *r. */
static inline __attribute__((always_inline)) void add_cells(const uint64_t *c, int nf,
                                                            int32_t *l, int32_t *r) {
  int32_t a = *l, d = *r;
  int i = 0;
  for (; i + 2 <= nf; i += 2) { /* two cells a turn: half the loop's own work */
    const int8_t *q0 = (const int8_t *)(uintptr_t)c[i], *q1 = (const int8_t *)(uintptr_t)c[i + 1];
    a += q0[0] + q1[0];
    d += q0[1] + q1[1];
  }
  if (i < nf) {
    const int8_t *q = (const int8_t *)(uintptr_t)c[i];
    a += q[0], d += q[1];
  }
  *l = a, *r = d;
}

/* A word's sums of its MG_S0 and MG_S1 templates (LEFT and RIGHT weights)
 * and, for each, the word's right valency + 1 they were made at (0: not
 * made). A word gets left children only while it is b0 and right ones
 * only while it is s1 (arc-hybrid), so on the stack its state is known by
 * its right valency. */
typedef struct wsum {
  int32_t k0, l0, r0, k1, l1, r1;
} wsum;

/* The sums td_ps_parse keeps of the move templates that did not change
 * since the last configuration (perf, issue 11: a move reads 13 to 47
 * cells instead of 47): MG_B while the buffer's front is b, MG_B0 while it
 * is b0 with b0nl left children, and each word's in w (w[n]: no s1). */
typedef struct msums {
  int b, b0, b0nl;
  int32_t bl, br, b0l, b0r;
  wsum *w;
  /* > 0: x[0..nx) are the MG_X cells of this configuration and x[nx..
   * nx + ng) those of its group gk (MG_B0 or MG_S0), found while the
   * relation of its last arc was (td_ps_parse) */
  int nx, ng, gk;
  uint64_t *x;
  /* the buckets of the relation templates of this configuration's LEFT
   * and RIGHT arcs (nr[1] = 0 when RIGHT is not valid), found by best_move */
  int nr[2];
  uint64_t *r[2];
} msums;

/* The move of configuration st (sp >= 1, b < n): the addresses of the
 * cells of MG_X and of every group whose sum is not kept are computed
 * first (each cell prefetched as soon as it is known), then summed, the
 * kept sums added; SHIFT scores 0. */
static int best_move(const struct td_parser *p, const td_ps_state *st, msums *ms) {
  uint64_t c[TD_PS_MAXFEAT];
  const int shift = 64 - p->mbits;
  const fsink ox = {1, p->mv, NULL, NULL, shift, MG_X};
  int s0 = st->stack[st->sp - 1], s1 = st->sp >= 2 ? st->stack[st->sp - 2] : st->n;
  wsum *w0 = &ms->w[s0], *w1 = &ms->w[s1];
  int32_t k0 = st->nr[s0] + 1, k1 = st->sp >= 2 ? st->nr[s1] + 1 : 1;
  /* segments of c: [0, e[0]) MG_X, then MG_B, MG_B0, MG_S0, MG_S1 (empty
   * when kept) */
  int e[5];
  e[0] = ms->nx > 0 ? 0 : move_feats(st, c, &ox);
  e[1] = e[0];
  if (ms->b != st->b) {
    const fsink o = {1, p->mv, NULL, NULL, shift, MG_B};
    e[1] += move_feats(st, c + e[1], &o);
  }
  e[2] = e[1];
  /* a group found before (ms->gk) is not found again */
  int gb0 = ms->b0 != st->b || ms->b0nl != st->nl[st->b], gs0 = w0->k0 != k0;
  if (gb0) {
    const fsink o = {1, p->mv, NULL, NULL, shift, MG_B0L};
    const fsink oa = {1, p->mv, NULL, NULL, shift, MG_B0 | MG_B0L};
    e[2] += ms->gk == MG_B0 ? move_feats(st, c + e[2], &o) : move_feats(st, c + e[2], &oa);
  }
  e[3] = e[2];
  if (gs0) {
    const fsink o = {1, p->mv, NULL, NULL, shift, MG_S0L};
    const fsink oa = {1, p->mv, NULL, NULL, shift, MG_S0 | MG_S0L};
    e[3] += ms->gk == MG_S0 ? move_feats(st, c + e[3], &o) : move_feats(st, c + e[3], &oa);
  }
  e[4] = e[3];
  if (w1->k1 != k1) {
    const fsink o = {1, p->mv, NULL, NULL, shift, MG_S1};
    e[4] += move_feats(st, c + e[4], &o);
  }
  /* While this configuration's cells are on their way, what the next one
   * reads is asked for, whatever the move (perf, issue 11: parse CPU on
   * bench/bbc -15%, at ~40% more instructions): the MG_W cells of the
   * configuration SHIFT would make (the cell SHIFT will write to is the
   * only one changed, and nothing reads it before) ... */
  if (st->b + 1 < st->n) {
    uint64_t cells[TD_PS_MAXFEAT];
    td_ps_state sh = *st;
    sh.stack[sh.sp++] = sh.b++;
    const fsink o = {1, p->mv, NULL, NULL, shift, MG_W | MG_ALL};
    move_feats(&sh, cells, &o);
  }
  /* ... and the relation buckets' words of the LEFT and RIGHT arcs, the
   * buckets kept for the arc (td_ps_parse) */
  if (p->rix[0]) {
    ms->nr[0] = arc_buckets(p, st, TD_PS_LEFT, ms->r[0]);
    ms->nr[1] = st->sp >= 2 ? arc_buckets(p, st, TD_PS_RIGHT, ms->r[1]) : 0;
  }
  if (e[1] > e[0]) {
    ms->b = st->b, ms->bl = ms->br = 0;
    add_cells(c + e[0], e[1] - e[0], &ms->bl, &ms->br);
  }
  if (gb0) {
    ms->b0 = st->b, ms->b0nl = st->nl[st->b], ms->b0l = ms->b0r = 0;
    add_cells(c + e[1], e[2] - e[1], &ms->b0l, &ms->b0r);
    if (ms->gk == MG_B0) add_cells(ms->x + ms->nx, ms->ng, &ms->b0l, &ms->b0r);
  }
  if (gs0) {
    w0->k0 = k0, w0->l0 = w0->r0 = 0;
    add_cells(c + e[2], e[3] - e[2], &w0->l0, &w0->r0);
    if (ms->gk == MG_S0) add_cells(ms->x + ms->nx, ms->ng, &w0->l0, &w0->r0);
  }
  if (e[4] > e[3]) {
    w1->k1 = k1, w1->l1 = w1->r1 = 0;
    add_cells(c + e[3], e[4] - e[3], &w1->l1, &w1->r1);
  }
  int32_t l = ms->bl + ms->b0l + w0->l0 + w1->l1, r = ms->br + ms->b0r + w0->r0 + w1->r1;
  add_cells(c, e[0], &l, &r);
  if (ms->nx > 0) add_cells(ms->x, ms->nx, &l, &r), ms->nx = 0, ms->gk = 0;
  /* td_ps_best_move where it is called (a stack and a word in the buffer:
   * SHIFT and LEFT valid, RIGHT with two on the stack): the first best */
  int m = l > 0 ? TD_PS_LEFT : TD_PS_SHIFT;
  if (st->sp >= 2 && r > (m == TD_PS_LEFT ? l : 0)) m = TD_PS_RIGHT;
  return m;
}

/* The dependent and the head of the arc move (LEFT or RIGHT) makes in st. */
static inline int arc_dep(const td_ps_state *st) { return st->stack[st->sp - 1]; }
static inline int arc_head(const td_ps_state *st, int move) {
  return move == TD_PS_LEFT ? st->b : st->stack[st->sp - 2];
}

/* The parse proper: the trees of td_ps_parse_ref (the same features, the
 * same integer sums, the same choices), with less work per feature. */
void td_ps_parse(const struct td_parser *p, const td_ps_word *x, int n,
                 int *head, int *lab, void *mem) {
  td_ps_state st;
  int32_t sc[TD_PS_MAXCLASS];
  td_ps_init(&st, n, x, mem);
  uint64_t xc[TD_PS_MAXFEAT];
  uint64_t rb[2][LABEL_MAXFEAT];
  msums ms = {-1, -1, -1, 0, 0, 0, 0, (wsum *)((char *)mem + ps_state_bytes(n)), 0, 0, 0, xc,
              {0, 0}, {rb[0], rb[1]}};
  memset(ms.w, 0, ((size_t)n + 1) * sizeof *ms.w);
  const fsink ox = {1, p->mv, NULL, NULL, 64 - p->mbits, MG_X};
  while (!td_ps_done(&st)) {
    int m, l = p->rootlab;
    if (st.sp == 0) {
      m = TD_PS_SHIFT;
    } else if (st.b == n && st.sp == 1) {
      m = TD_PS_LEFT;
    } else {
      /* with only ROOT left in the buffer RIGHT is the one valid move */
      int chosen = st.b < n;
      m = chosen ? best_move(p, &st, &ms) : TD_PS_RIGHT;
      if (m != TD_PS_SHIFT && p->rix[0]) {
        /* the arc's relation waits for two reads (its buckets' words,
         * prefetched by best_move, then their entries): meanwhile the arc
         * is made without it, and when a move is to be chosen next, the
         * cells of that configuration's MG_X templates (which read no
         * relation) are found and prefetched (perf, issue 11) */
        uint64_t bb[LABEL_MAXFEAT];
        const uint64_t *b = chosen ? ms.r[m == TD_PS_RIGHT] : bb;
        int nf = chosen ? ms.nr[m == TD_PS_RIGHT] : arc_buckets(p, &st, m, bb);
        int dir = m == TD_PS_RIGHT;
        uint32_t at[LABEL_MAXFEAT], cnt[LABEL_MAXFEAT];
        int d = arc_dep(&st), h = arc_head(&st, m);
        int nk = arc_words(p, dir, b, nf, st.x[d].t, sc, at, cnt);
        st.sp--;
        add_arc_tree(&st, h, d);
        if (st.sp >= 1 && st.b < n) {
          /* and those of the group the arc changed, but for the relation */
          const fsink ob = {1, p->mv, NULL, NULL, 64 - p->mbits, MG_B0};
          const fsink os = {1, p->mv, NULL, NULL, 64 - p->mbits, MG_S0};
          ms.nx = move_feats(&st, ms.x, &ox);
          ms.gk = m == TD_PS_LEFT ? MG_B0 : MG_S0;
          ms.ng = m == TD_PS_LEFT ? move_feats(&st, ms.x + ms.nx, &ob)
                                  : move_feats(&st, ms.x + ms.nx, &os);
        }
        add_arc_label(&st, h, d, arc_sum(p, dir, nk, sc, at, cnt));
        continue;
      }
      if (m != TD_PS_SHIFT) l = score_arc(p, &st, m, sc);
    }
    td_ps_apply(&st, m, l);
  }
  for (int i = 0; i < n; i++) {
    head[i] = st.head[i] == n ? -1 : st.head[i];
    lab[i] = st.lab[i];
  }
}

/* ---- the pipeline stage ---- */

static _Atomic uint64_t pc_serials; /* models loaded: see parse_cached */

/* A copy of the model image in memory aligned to 2 MiB and marked for
 * transparent huge pages, or NULL (then the mapped image is used). Each
 * move feature reads a random cell of a 1 MiB table, each relation feature
 * a random group and its entries (0.6 MiB): on 4 KiB pages nearly every
 * read also misses the TLB, on huge pages the model needs one or two
 * entries (issue 11: parsing ~30% less CPU with the 4 MiB table of version
 * 5). The caller frees the copy. */
static void *huge_copy(const void *data, size_t len) {
  void *copy = td_huge_alloc_raw(len); /* not zeroed: every byte is copied next */
  if (copy) memcpy(copy, data, len);
  return copy;
}

/* Adds the relation weights of the bucket whose index word is v (entries
 * en) into sc. */
static void bucket_sums(uint32_t v, const uint32_t *en, int32_t *sc) {
  if (v >> 31) {
    sc[(v >> 16) & 127] += (int16_t)(v & 0xffff);
  } else {
    for (uint32_t j = 0; j < v >> 24; j++) {
      uint32_t x = en[(v & 0xffffff) + j];
      sc[x & 0xff] += (int32_t)x >> 8;
    }
  }
}

/* The relation weights of p split by direction for score_arc_split (perf,
 * issue 11: a relation feature read a group, then the bucket's entries of
 * both directions; now one word, and entries only where a bucket has two
 * or more). For each direction d, entries weight << 8 | relation (the
 * weight signed: one shift and one mask take them apart) (root's left
 * out: it is never chosen) in rent[d], and rix[d][bucket]: 0 (no entry),
 * 1 << 31 | relation << 16 | (u16) weight (one entry), or count << 24 |
 * index of its first in rent[d] (2 to 127 entries); the sums of the bias
 * (rbias) and of the bias and each tag's LABEL_TAG bucket (rtag: 2 x 256
 * x nlabel). split_index makes the first two (at make time into section
 * "parser.split", read in place: split_bind), split_sums the others.
 * Parsing reads the groups instead when a count or an index does not fit
 * (rix[0] NULL). */

/* The split entry of a model relation entry e (nlab labels a direction):
 * its weight times 256 with its label l in the low byte; d its direction
 * (split_index makes the entries, bucket_agrees checks them). */
static inline uint32_t split_word(uint32_t e, uint32_t nlab, uint32_t *d, uint32_t *l) {
  uint32_t c = (e >> 16) - 3;
  *d = c >= nlab;
  *l = *d ? c - nlab : c;
  return (uint32_t)((int32_t)(int16_t)(e & 0xffff) * 256) | *l;
}

/* Writes the index words of p's nb buckets to ix[d] and their entries to
 * en[d] (room for all of p's entries each), their count to n[d]. 0, or -1
 * when a count or an index does not fit. */
static int split_index(const struct td_parser *p, uint32_t *const ix[2], uint32_t *const en[2],
                       uint32_t n[2]) {
  size_t nb = (size_t)1 << p->bits, ng = (nb + TD_PS_GROUP - 1) / TD_PS_GROUP;
  size_t nent = p->grp[ng - 1].first + p->grp[ng - 1].end[TD_PS_GROUP - 1];
  if (nent >= (1u << 24) || p->nlabel > 128) return -1;
  uint32_t fill[2] = {0, 0}, nlab = (uint32_t)p->nlabel, root = (uint32_t)p->rootlab;
  const uint32_t *e = p->ent;
  for (size_t g = 0; g < ng; g++) {
    const td_ps_group *gr = &p->grp[g];
    uint32_t prev = 0;
    for (size_t k = 0; k < TD_PS_GROUP && g * TD_PS_GROUP + k < nb; k++) {
      size_t bk = g * TD_PS_GROUP + k;
      uint32_t n_ = gr->end[k] - prev, f0 = fill[0], f1 = fill[1];
      prev = gr->end[k];
      if (!n_) { /* two buckets in three */
        ix[0][bk] = ix[1][bk] = 0;
        continue;
      }
      for (uint32_t j = 0; j < n_; j++) {
        uint32_t d, l, w = split_word(e[j], nlab, &d, &l);
        if (l != root) en[d][fill[d]++] = w;
      }
      e += n_;
      uint32_t f[2] = {f0, f1};
      for (int d = 0; d < 2; d++) {
        uint32_t c = fill[d] - f[d];
        if (c > 127) return -1;
        if (c == 1) { /* kept in the index word itself */
          uint32_t x = en[d][f[d]];
          ix[d][bk] = 1u << 31 | (x & 0xff) << 16 | ((uint32_t)((int32_t)x >> 8) & 0xffff);
          fill[d] = f[d];
        } else {
          ix[d][bk] = c << 24 | (c ? f[d] : 0);
        }
      }
    }
  }
  n[0] = fill[0], n[1] = fill[1];
  return 0;
}

/* The words of split_sums' block for p. */
static size_t sums_words(const struct td_parser *p) {
  return 2 * (size_t)p->nlabel + 2 * 256 * (size_t)p->nlabel + 2 * 256;
}

/* Makes rbias and rtag of p (whose rix and rent are set) in blk
 * (sums_words(p) words). */
static void split_sums(struct td_parser *p, uint32_t *blk) {
  size_t nl = (size_t)p->nlabel;
  /* the sums of the bias's bucket, by direction (score_arc_split) */
  int32_t *bias = (int32_t *)blk;
  memset(bias, 0, 2 * nl * sizeof *bias);
  for (int d = 0; d < 2; d++) {
    uint64_t bk = fmix_top((d ? 300 : 200) + LABEL_BIAS, 0, 0, 0) >> (64 - p->bits);
    int32_t *sc = bias + (size_t)d * nl;
    bucket_sums(p->rix[d][bk], p->rent[d], sc);
    p->rbias[d] = sc;
    p->rbias_b[d] = bk;
  }
  /* and the bias's sums with those of the dependent's tag (LABEL_TAG), by
   * direction and tag (tags are below 256: ROOT is 251) */
  int32_t *tagrow = bias + 2 * nl;
  uint32_t *tagb = (uint32_t *)(tagrow + 2 * 256 * nl);
  for (int d = 0; d < 2; d++) {
    for (uint32_t t = 0; t < 256; t++) {
      uint64_t bk = fmix_top((d ? 300 : 200) + LABEL_TAG, t, 0, 0) >> (64 - p->bits);
      int32_t *sc = tagrow + ((size_t)d * 256 + t) * nl;
      memcpy(sc, p->rbias[d], nl * sizeof *sc);
      bucket_sums(p->rix[d][bk], p->rent[d], sc);
      tagb[d * 256 + t] = (uint32_t)bk;
    }
    p->rtag[d] = tagrow + (size_t)d * 256 * nl;
    p->rtag_b[d] = tagb + d * 256;
  }
}

/* Splits p's relation weights in memory of its own (p->rown). */
static void split_relations(struct td_parser *p) {
  size_t nb = (size_t)1 << p->bits, ng = (nb + TD_PS_GROUP - 1) / TD_PS_GROUP;
  size_t nent = p->grp[ng - 1].first + p->grp[ng - 1].end[TD_PS_GROUP - 1];
  /* room for every entry in either direction: one pass */
  size_t bytes = (2 * nb + 2 * nent + sums_words(p) + 1) * sizeof(uint32_t);
  /* On huge pages, as the model (huge_copy): read at random, and written
   * here with one page fault, not 300 (perf, issue 11: split_relations
   * took 1.04 ms of every start from malloc, 0.55 ms from here). */
  uint32_t *blk = td_huge_alloc_raw(bytes);
  if (!blk) blk = td_xmalloc(bytes);
  uint32_t *ix[2] = {blk, blk + nb}, *en[2] = {blk + 2 * nb, blk + 2 * nb + nent}, n[2];
  if (split_index(p, ix, en, n) != 0) {
    free(blk);
    return;
  }
  p->rix[0] = ix[0], p->rix[1] = ix[1];
  p->rent[0] = en[0], p->rent[1] = en[1];
  split_sums(p, blk + 2 * nb + 2 * nent);
  p->rown = blk;
}

/* ---- the split made at make time ----
 * Section "parser.split": ps_split header (with a copy of the model's
 * header), then rix[0], rix[1] (nb words each), rent[0] (n[0] words),
 * rent[1] (n[1]). td_parser_load reads it in place, with the model in
 * place (no copy, no split: 0.8 ms of every start, perf issue 11), after
 * checking that every index word and entry stays within the section and
 * names a relation of the model (then parsing reads nothing out of
 * bounds) and that a sample of buckets holds the model's weights (a
 * split of another model is not used: the model is copied and split as
 * before). */
#define PS_SPLIT_MAGIC "TDPSS001"
#define PS_SPLIT_SECTION "parser.split"
typedef struct ps_split {
  char magic[8];
  uint32_t nb, n[2], reserved;
  unsigned char model[sizeof(td_ps_header)];
} ps_split;

/* 1 when bucket bk of the split ix, en holds the entries the model's
 * groups give it (in order, root's left out). */
static int bucket_agrees(const struct td_parser *p, size_t bk, const uint32_t *const ix[2],
                         const uint32_t *const en[2]) {
  const td_ps_group *gr = &p->grp[bk / TD_PS_GROUP];
  size_t k = bk % TD_PS_GROUP;
  uint32_t from = gr->first + (k ? gr->end[k - 1] : 0), to = gr->first + gr->end[k];
  uint32_t nlab = (uint32_t)p->nlabel, root = (uint32_t)p->rootlab, seen[2] = {0, 0};
  for (uint32_t j = from; j < to; j++) {
    uint32_t d, l, want = split_word(p->ent[j], nlab, &d, &l);
    if (l == root) continue;
    uint32_t v = ix[d][bk], got;
    if (v >> 31)
      got = seen[d] ? ~want : (uint32_t)((int32_t)(int16_t)(v & 0xffff) * 256) | ((v >> 16) & 0xff);
    else
      got = seen[d] < (v >> 24) ? en[d][(v & 0xffffff) + seen[d]] : ~want;
    if (got != want) return 0;
    seen[d]++;
  }
  for (int d = 0; d < 2; d++)
    if ((ix[d][bk] >> 31 ? 1 : ix[d][bk] >> 24) != seen[d]) return 0;
  return 1;
}

/* Points p (opened on the model image model) at the split section
 * sec[0..len) when it passes the checks above; 0, else -1. */
static int split_bind(struct td_parser *p, const void *model, const void *sec, size_t len) {
  const ps_split *h = sec;
  size_t nb = (size_t)1 << p->bits;
  if (!sec || len < sizeof *h || memcmp(h->magic, PS_SPLIT_MAGIC, 8) != 0 || h->nb != nb ||
      memcmp(h->model, model, sizeof h->model) != 0 || h->n[0] >= (1u << 24) ||
      h->n[1] >= (1u << 24) || p->nlabel > 128 ||
      (len - sizeof *h) / 4 < 2 * nb + (size_t)h->n[0] + h->n[1] || ((uintptr_t)(h + 1) & 3))
    return -1;
  const uint32_t *w = (const uint32_t *)(h + 1);
  const uint32_t *ix[2] = {w, w + nb}, *en[2] = {w + 2 * nb, w + 2 * nb + h->n[0]};
  /* every word and entry, without a branch on what each holds */
  uint32_t bad = 0, nl = (uint32_t)p->nlabel;
  for (int d = 0; d < 2; d++) {
    for (size_t b = 0; b < nb; b++) {
      uint32_t v = ix[d][b], one = v >> 31;
      bad |= (one & (((v >> 16) & 127) >= nl)) | (!one & ((v & 0xffffff) + (v >> 24) > h->n[d]));
    }
    for (size_t e = 0; e < h->n[d]; e++) bad |= (en[d][e] & 0xff) >= nl;
  }
  for (size_t k = 0; !bad && k < 64; k++) /* a sample of buckets, four each */
    for (size_t j = 0; j < 4; j++) bad |= !bucket_agrees(p, (k * nb / 64 + j) % nb, ix, en);
  if (bad) return -1;
  p->rix[0] = ix[0], p->rix[1] = ix[1];
  p->rent[0] = en[0], p->rent[1] = en[1];
  uint32_t *sums = td_xmalloc(sums_words(p) * sizeof *sums);
  split_sums(p, sums);
  p->rown = sums;
  return 0;
}

struct td_parser *td_parser_load(const td_res *res, char *err, size_t errlen) {
  size_t len = 0, slen = 0;
  const void *data = res ? td_res_get(res, "parser", &len) : NULL;
  if (!data) {
    snprintf(err, errlen, "resource image has no parser section");
    return NULL;
  }
  struct td_parser *p = td_xmalloc(sizeof *p);
  const void *split = td_res_get(res, PS_SPLIT_SECTION, &slen);
  if (split && td_ps_open(p, data, len, err, errlen) == 0 &&
      split_bind(p, data, split, slen) == 0) { /* all in place */
    p->own = NULL;
    p->serial = atomic_fetch_add(&pc_serials, 1) + 1;
    return p;
  }
  void *copy = huge_copy(data, len);
  if (copy) data = copy;
  if (td_ps_open(p, data, len, err, errlen) != 0) {
    free(copy);
    free(p);
    return NULL;
  }
  p->own = copy;
  p->serial = atomic_fetch_add(&pc_serials, 1) + 1;
  split_relations(p);
  return p;
}

void td_parser_free(struct td_parser *p) {
  if (p) free(p->own), free(p->rown);
  free(p);
}

/* ---- trees of sentences seen before ----
 *
 * A thread keeps the trees of the last sentences it parsed (perf, issue
 * 11: news repeats itself; 7% of the tokens the events layer has parsed
 * on BBC are in a sentence parsed before). A tree depends on the words'
 * hashes and tags and on the model alone, so the key is all of those: a
 * slot holds the sentence's words and tags and is used only when every
 * one is the same (a hash collision costs a compare, never a wrong tree),
 * and the model's serial (td_parser_load numbers every model it loads;
 * 0, a model opened in place, is never cached). Direct-mapped, PC_SLOTS
 * slots, sentences of up to PC_MAXN words: at most a few MB a thread. */
enum { PC_SLOTS = 4096, PC_MAXN = 96 };
typedef struct pc_slot {
  uint64_t serial, key;
  int n;
  td_ps_word *x;      /* n words, then the tree: */
  int16_t *head;      /* head or -1 */
  int16_t *lab;       /* relation */
} pc_slot;

static _Thread_local pc_slot *pc_mine;
static pthread_key_t pc_key;
static int pc_key_ok;
static pthread_once_t pc_once = PTHREAD_ONCE_INIT;

static void pc_free(void *v) {
  pc_slot *c = v;
  for (size_t i = 0; c && i < PC_SLOTS; i++) free(c[i].x);
  free(c);
}

static void pc_key_init(void) { pc_key_ok = pthread_key_create(&pc_key, pc_free) == 0; }

/* This thread's slots, made (empty) on first use; NULL when the thread
 * cannot have them freed at its exit (then nothing is cached). */
static pc_slot *pc_get(void) {
  if (pc_mine) return pc_mine;
  pthread_once(&pc_once, pc_key_init);
  if (!pc_key_ok) return NULL;
  pc_mine = td_xcalloc(PC_SLOTS, sizeof *pc_mine);
  if (pthread_setspecific(pc_key, pc_mine) != 0) {
    free(pc_mine);
    pc_mine = NULL;
  }
  return pc_mine;
}

static uint64_t pc_hash(const td_ps_word *x, int n) {
  uint64_t h = 0x243F6A8885A308D3ULL ^ (uint64_t)n;
  for (int i = 0; i < n; i++) h = (h ^ x[i].w ^ ((uint64_t)x[i].t << 40)) * 0x100000001b3ULL;
  return h ^ (h >> 29);
}

static int pc_same(const pc_slot *c, uint64_t serial, uint64_t key, const td_ps_word *x, int n) {
  if (c->serial != serial || c->key != key || c->n != n) return 0;
  for (int i = 0; i < n; i++)
    if (c->x[i].w != x[i].w || c->x[i].t != x[i].t) return 0;
  return 1;
}

/* Parses x[0..n) into head, lab as td_ps_parse does, reading the tree from
 * this thread's slots when the sentence was parsed before with model p. */
static void parse_cached(const struct td_parser *p, const td_ps_word *x, int n, int *head,
                         int *lab, void *mem) {
  pc_slot *cache = p->serial && n <= PC_MAXN ? pc_get() : NULL;
  if (!cache) {
    td_ps_parse(p, x, n, head, lab, mem);
    return;
  }
  uint64_t key = pc_hash(x, n);
  pc_slot *c = &cache[key & (PC_SLOTS - 1)];
  if (pc_same(c, p->serial, key, x, n)) {
    for (int i = 0; i < n; i++) head[i] = c->head[i], lab[i] = c->lab[i];
    return;
  }
  td_ps_parse(p, x, n, head, lab, mem);
  if (c->n < n || !c->x) {
    free(c->x);
    c->x = td_xmalloc((size_t)n * (sizeof *c->x + sizeof *c->head + sizeof *c->lab));
    c->n = 0;
  }
  c->head = (int16_t *)(c->x + n);
  c->lab = c->head + n;
  c->serial = p->serial, c->key = key, c->n = n;
  memcpy(c->x, x, (size_t)n * sizeof *x);
  for (int i = 0; i < n; i++) c->head[i] = (int16_t)head[i], c->lab[i] = (int16_t)lab[i];
}

/* Parses the n tokens t[0..n) of one sentence (the first at doc-level
 * index tok0) with scratch space x, head, lab, mem sized for n; cached:
 * through this thread's trees of sentences seen before (the lazy parse of
 * the pipeline; td_parse, which eval parser times, parses every time). */
static void parse_span(const struct td_parser *p, const td_doc *doc, td_tok *t,
                       uint32_t tok0, int n, td_ps_word *x, int *head, int *lab,
                       void *mem, int cached) {
  for (int i = 0; i < n; i++) {
    x[i].w = td_ps_word_hash(doc->text + t[i].start, t[i].end - t[i].start);
    x[i].t = td_ps_tag(t[i].upos, t[i].xpos);
  }
  if (cached) parse_cached(p, x, n, head, lab, mem);
  else td_ps_parse(p, x, n, head, lab, mem);
  for (int i = 0; i < n; i++) {
    t[i].head = head[i] < 0 ? -1 : (int32_t)(tok0 + (uint32_t)head[i]);
    t[i].deprel = lab[i] >= 0 ? p->deprel[lab[i]] : 0;
  }
}

/* Sets head and deprel of every token (parsing a sentence again gives the
 * same tree); tokens of a document without a parser keep head -2
 * (unparsed). Sentences are parsed one at a time with scratch space from
 * the document's arena, sized for the longest. */
int td_parse(const td_engine *eng, td_doc *doc) {
  const struct td_parser *p = eng ? eng->parser : NULL;
  if (!p || doc->nsents == 0) return 0;
  uint32_t maxn = 0;
  for (size_t s = 0; s < doc->nsents; s++)
    if (doc->sents[s].ntok > maxn) maxn = doc->sents[s].ntok;
  if (maxn == 0) return 0;
  td_ps_word *x = td_arena_alloc_raw(&doc->arena, maxn * sizeof *x);
  int *head = td_arena_alloc_raw(&doc->arena, 2 * (size_t)maxn * sizeof *head);
  int *lab = head + maxn;
  void *mem = td_arena_alloc_raw(&doc->arena, td_ps_state_mem((int)maxn));
  for (size_t s = 0; s < doc->nsents; s++) {
    const td_sent *se = &doc->sents[s];
    if (se->ntok == 0) continue;
    parse_span(p, doc, doc->toks + se->tok0, se->tok0, (int)se->ntok, x, head, lab, mem, 0);
  }
  return 0;
}

/* Parses sentence `sent` unless it is parsed already (a parsed sentence's
 * first token has head >= -1); scratch space comes from the arena. The
 * pipeline does not parse eagerly: the layers that read head and deprel
 * call this for the sentences they need. Returns 1 when the sentence has a
 * parse, 0 when it has none (no parser loaded, empty or bad sentence). */
int td_parse_sentence(const td_engine *eng, td_doc *doc, size_t sent) {
  const struct td_parser *p = eng ? eng->parser : NULL;
  if (sent >= doc->nsents) return 0;
  const td_sent *se = &doc->sents[sent];
  if (se->ntok == 0 || (size_t)se->tok0 + se->ntok > doc->ntoks) return 0;
  td_tok *t = doc->toks + se->tok0;
  if (t[0].head != -2) return 1;
  if (!p) return 0;
  int n = (int)se->ntok;
  /* not zeroed: parse_span, td_ps_init and td_ps_parse write every cell
   * they read */
  td_ps_word *x = td_arena_alloc_raw(&doc->arena, (size_t)n * sizeof *x);
  int *head = td_arena_alloc_raw(&doc->arena, 2 * (size_t)n * sizeof *head);
  void *mem = td_arena_alloc_raw(&doc->arena, td_ps_state_mem(n));
  parse_span(p, doc, t, se->tok0, n, x, head, head + n, mem, 1);
  return 1;
}

int td_parser_build_res(struct td_resw *w, const char *path, char *err,
                        size_t errlen) {
  td_buf b = TD_BUF_INIT;
  if (td_buf_read_file(&b, path) != 0) {
    td_buf_free(&b);
    snprintf(err, errlen, "cannot open %s", path);
    return -1;
  }
  struct td_parser *p = td_xmalloc(sizeof *p);
  int rc = td_ps_open(p, b.ptr, b.len, err, errlen);
  if (rc == 0) {
    td_resw_add(w, "parser", b.ptr, b.len);
    /* and the relation weights split (split_bind) */
    size_t nb = (size_t)1 << p->bits, nent = ((const td_ps_header *)b.ptr)->nent;
    size_t bytes = sizeof(ps_split) + (2 * nb + 2 * nent) * sizeof(uint32_t);
    ps_split *h = td_xcalloc(1, bytes);
    uint32_t *wd = (uint32_t *)(h + 1);
    uint32_t *ix[2] = {wd, wd + nb}, *en[2] = {wd + 2 * nb, wd + 2 * nb + nent}, n[2];
    if (split_index(p, ix, en, n) == 0) {
      memcpy(h->magic, PS_SPLIT_MAGIC, 8);
      h->nb = (uint32_t)nb;
      h->n[0] = n[0], h->n[1] = n[1];
      memcpy(h->model, b.ptr, sizeof h->model);
      memmove(wd + 2 * nb + n[0], en[1], n[1] * sizeof *wd); /* rent[1] after rent[0] */
      td_resw_add(w, PS_SPLIT_SECTION, h, sizeof *h + (2 * nb + n[0] + n[1]) * sizeof *wd);
    }
    free(h);
  }
  free(p);
  td_buf_free(&b);
  return rc;
}

/* ---- evaluation ---- */

static int same_universal(const char *a, const char *b) {
  size_t na = strcspn(a, ":"), nb = strcspn(b, ":");
  return na == nb && memcmp(a, b, na) == 0;
}

/* Builds a document holding the treebank's words (text joined with the
 * treebank's spacing, one td_sent per sentence), with gold tags when asked. */
static td_doc *doc_from_conllu(const td_engine *eng, const td_conllu *c,
                               int gold_tags) {
  td_doc *doc = td_xcalloc(1, sizeof *doc);
  td_arena_init(&doc->arena);
  doc->eng = eng;
  td_buf text = TD_BUF_INIT;
  size_t ntok = 0;
  for (size_t s = 0; s < c->n; s++) ntok += (size_t)c->sents[s].n;
  doc->toks = td_arena_alloc(&doc->arena, (ntok + 1) * sizeof *doc->toks);
  doc->sents = td_arena_alloc(&doc->arena, (c->n + 1) * sizeof *doc->sents);
  for (size_t s = 0; s < c->n; s++) {
    const td_cu_sent *cs = &c->sents[s];
    td_sent *se = &doc->sents[doc->nsents++];
    se->start = (uint32_t)text.len;
    se->tok0 = (uint32_t)doc->ntoks;
    se->ntok = (uint32_t)cs->n;
    for (int i = 0; i < cs->n; i++) {
      const td_cu_tok *ct = &cs->toks[i];
      td_tok *t = &doc->toks[doc->ntoks++];
      t->flags = (i > 0 && cs->toks[i - 1].space_after) ? TD_TOK_SPACE_BEFORE : 0;
      if (i == 0 && s > 0) {
        td_buf_putc(&text, '\n');
        t->flags |= TD_TOK_SPACE_BEFORE;
      } else if (i > 0 && cs->toks[i - 1].space_after) {
        td_buf_putc(&text, ' ');
      }
      t->start = (uint32_t)text.len;
      td_buf_puts(&text, ct->form);
      t->end = (uint32_t)text.len;
      t->sent = (uint32_t)s;
      t->head = -2;
      unsigned char c0 = (unsigned char)ct->form[0];
      if (c0 >= 'A' && c0 <= 'Z') t->flags |= TD_TOK_CAP;
      if (strpbrk(ct->form, "0123456789")) t->flags |= TD_TOK_DIGIT;
      char low[256];
      size_t n = strlen(ct->form);
      td_lower_ascii(low, sizeof low, ct->form, n < 255 ? n : 255);
      t->norm = td_arena_strdup(&doc->arena, low);
      if (gold_tags) {
        t->upos = (uint8_t)ct->upos;
        t->xpos = (uint16_t)ct->xpos;
      }
    }
    se->end = (uint32_t)text.len;
  }
  doc->text = td_arena_strndup(&doc->arena, text.ptr ? text.ptr : "", text.len);
  doc->len = text.len;
  td_buf_free(&text);
  return doc;
}

/* Writes the words of c as CoNLL-U with the tags and the tree of doc
 * (parsed from c by doc_from_conllu): one line a word, no multiword-token
 * or empty-node lines, no comments but a blank line after each sentence. */
static void write_conllu(FILE *fp, const td_conllu *c, const td_doc *doc) {
  for (size_t s = 0; s < c->n; s++) {
    const td_cu_sent *cs = &c->sents[s];
    uint32_t tok0 = doc->sents[s].tok0;
    for (int i = 0; i < cs->n; i++) {
      const td_tok *t = &doc->toks[tok0 + (uint32_t)i];
      int h = t->head < 0 ? 0 : (int)(t->head - (int32_t)tok0) + 1;
      fprintf(fp, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n", i + 1, cs->toks[i].form,
              cs->toks[i].lemma ? cs->toks[i].lemma : "_", td_upos_names[t->upos],
              td_xpos_names[t->xpos], h, td_deprel_names[t->deprel]);
    }
    fputc('\n', fp);
  }
}

int td_eval_parser(const td_engine *eng, const char *conllu, int gold_tags,
                   FILE *out) {
  char err[256];
  if (!eng || !eng->parser) {
    fprintf(out, "eval parser: no parser model loaded\n");
    return -1;
  }
  if (!gold_tags && !eng->tagger) {
    fprintf(out, "eval parser: predicted tags asked for but no tagger is loaded\n");
    return -1;
  }
  td_conllu *c = td_conllu_read(conllu, err, sizeof err);
  if (!c) {
    fprintf(out, "eval parser: %s\n", err);
    return -1;
  }
  td_doc *doc = doc_from_conllu(eng, c, gold_tags);
  if (!gold_tags && td_tag(eng, doc) != 0) {
    fprintf(out, "eval parser: tagging failed: %s\n", doc->error ? doc->error : "?");
    td_arena_release(&doc->arena);
    free(doc);
    td_conllu_free(c);
    return -1;
  }
  /* Timed on the thread's CPU clock, so the figure is per core whatever
   * else the machine is doing; best of three passes (each gives the same
   * trees), as the first also pays for faulting in the mapped model. */
  double secs = 1e9;
  for (int pass = 0; pass < 3; pass++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    td_parse(eng, doc);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    double d = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    if (d < secs) secs = d;
  }
  /* TD_EVAL_CONLLU=path writes the words back as CoNLL-U with the tags
   * and the tree found (tools/jackknife_tags.py reads the tags from it). */
  const char *cpath = getenv("TD_EVAL_CONLLU");
  FILE *cout = cpath && *cpath ? fopen(cpath, "w") : NULL;
  if (cout) write_conllu(cout, c, doc);
  if (cout && fclose(cout) != 0) fprintf(out, "eval parser: cannot write %s\n", cpath);
  size_t tot = 0, uas = 0, las = 0, lasfull = 0, k = 0, upos_ok = 0;
  for (size_t s = 0; s < c->n; s++) {
    const td_cu_sent *cs = &c->sents[s];
    uint32_t tok0 = doc->sents[s].tok0;
    for (int i = 0; i < cs->n; i++, k++) {
      const td_tok *t = &doc->toks[tok0 + (uint32_t)i];
      int gh = cs->toks[i].head - 1; /* -1: root */
      int ph = t->head < 0 ? -1 : (int)(t->head - (int32_t)tok0);
      tot++;
      upos_ok += t->upos == cs->toks[i].upos;
      if (gh != ph) continue;
      uas++;
      const char *gl = td_deprel_names[cs->toks[i].deprel];
      const char *pl = td_deprel_names[t->deprel];
      las += same_universal(gl, pl);
      lasfull += strcmp(gl, pl) == 0;
    }
  }
  fprintf(out, "parser eval on %s (%s tags, punctuation included)\n", conllu,
          gold_tags ? "gold" : "predicted");
  fprintf(out, "sentences %zu  tokens %zu  UPOS %.2f%%\n", c->n, tot,
          tot ? 100.0 * (double)upos_ok / (double)tot : 0.0);
  fprintf(out, "UAS %.2f%%\n", tot ? 100.0 * (double)uas / (double)tot : 0.0);
  fprintf(out, "LAS %.2f%% (universal relations, CoNLL 2018)\n",
          tot ? 100.0 * (double)las / (double)tot : 0.0);
  fprintf(out, "LAS-full %.2f%% (relations with subtypes)\n",
          tot ? 100.0 * (double)lasfull / (double)tot : 0.0);
  fprintf(out, "speed %.0f tokens/s (parsing only, one thread, CPU time, best of 3)\n",
          secs > 0 ? (double)tot / secs : 0.0);
  td_arena_release(&doc->arena);
  free(doc);
  td_conllu_free(c);
  return 0;
}
