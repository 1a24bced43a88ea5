/*
 * tagger.c — the part-of-speech stage: gives every token a Penn (XPOS) and
 * a Universal (UPOS) tag. The model is a greedy left-to-right averaged
 * perceptron over joint XPOS+UPOS classes (train_tagger.c trains it on UD
 * English EWT); its weights are read in place from the memory-mapped
 * resource image, section "tagger", so loading costs a few pointer checks.
 *
 * Features are hashed to 64 bits (word, lowercase word, affixes, shape,
 * neighbouring words, the two previous predicted tags, and the word's
 * lexical class from the lemmatizer's WordNet and word list); the model
 * keeps for each feature seen in training up to four (class, weight) pairs
 * in its hash slot (one cache line read), or a longer list or a dense row
 * outside it. Weights are small enough that class scores add up in 16
 * bits, eight classes per SSE2 instruction. A word table from training
 * gives frequent unambiguous words their tag without scoring and known
 * words their lexical class without a lemmatizer lookup.
 *
 * Speed (issue 11): tagging waits on memory (the model is larger than the
 * caches), so it reads as little of it as it can, and early. Most features
 * read one word only; their weights are summed once per word type and kept
 * in a per-thread cache (see "the word-type cache"; the frequent forms'
 * sums come made from the image, section "tagger.types", shared by all
 * threads: see "the shared word-type table"), so a scored token adds
 * three cached sums and one cached slot (in one pass), looks up two
 * features (word pairs), and takes the weights of those that read the
 * previous tags from a table indexed by the tags. Each sentence is scored
 * in sweeps: the lookups, for all its words at once, then the greedy
 * pass, which adds the table row of the tags it chose.
 * The templates and classes were chosen for this (version 4, by ablation
 * on dev; data/models/README.md): no feature reads the previous tag with
 * the word, so nothing but the table row waits on the tags. Class scores
 * add up modulo 2^16 in any order to the same sums (and a weight
 * subtracted is undone exactly), so tags are exactly those of scoring each
 * token's features one by one. Tagging is a pure function of the document
 * and the engine: scratch space comes from the arena, and the cache only
 * remembers answers.
 *
 * The model format is in train.h; data/models/README.md says how the
 * committed model was trained and how to reproduce it.
 */
#include "lang.h"
#include "train.h"

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string.h>

struct td_tagger {
  const td_tg_header *h;
  const uint8_t *cls_tab;  /* nclass x 4 bytes */
  const td_tg_slot *slots; /* nslot */
  const int16_t *ext;      /* nent: weights that do not fit a slot */
  const uint32_t *dict;    /* ndict x 2 */
  const uint32_t *rt;      /* nrt x {key, f32 weight}: the second pass */
  uint32_t nrt;
  /* per class, the second pass's: the class of the other form of its
   * pair with its upos, and the class of the pair's first form; -1: none */
  int16_t rt_alt[TD_TG_MAXCLASS], rt_yes[TD_TG_MAXCLASS];
  uint16_t rt_xpos[TD_TG_MAXCLASS + 1]; /* per class: its xpos */
  float rt_gate[TD_TG_MAXCLASS];        /* per class: td_rt_gate of its xpos */
  float rt_min[TD_TG_MAXCLASS];         /* per class: td_rt_min of its xpos */
  uint32_t npad;           /* nclass rounded up to 8: a score vector */
  uint64_t serial;         /* unique per tagger loaded; keys the type cache */
  int16_t *stand;          /* the summed features of the stand-ins beyond a
                            * sentence, ST_N vectors of npad (see ST_*) */
  uint64_t *present;       /* bit (key >> PRESENT_SHIFT): some slot has key */
  int16_t *zero;           /* npad zeros */
  const int16_t *tagrow;   /* the summed weights of the three "tags"
                            * features of previous classes p1, p2 (nclass
                            * + 1 of each, the last one "none"): a vector
                            * of npad at (p1 * (nclass + 1) + p2) * npad
                            * (666 KB for 67 classes: one read a scored
                            * token), in the image (section "tagger.rows")
                            * or made by tagger_new in */
  int16_t *own_rows;
  /* The shared word-type table (section "tagger.types"), or tnidx 0. */
  const uint32_t *tidx;      /* tnidx x {tag, entry + 1} */
  const unsigned char *tent; /* tnent entries of tesize bytes */
  uint32_t tnidx, tnent;
  size_t tesize;
};

/* ---- hashing ---- */

#define K_TMPL 0x9E3779B97F4A7C15ULL
#define K_B 0xC2B2AE3D27D4EB4FULL

static inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

static inline uint64_t fnv(const unsigned char *s, size_t n) {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001B3ULL;
  return h;
}

static inline uint64_t f1(unsigned t, uint64_t a) { return mix64(a + (t + 1) * K_TMPL); }
static inline uint64_t f2(unsigned t, uint64_t a, uint64_t b) {
  return mix64(a ^ (b * K_B + (t + 1) * K_TMPL));
}

/* ---- word features ---- */

enum {
  WF_CAP = 1, WF_ALLCAP = 2, WF_DIGIT = 4, WF_HYPHEN = 8, WF_ALLDIGIT = 16,
  WF_ALPHA = 32, WF_LOWER = 64, WF_PUNCT = 128, WF_LONG = 256
};

/* The folded forms of s[0..n) (at most cap bytes each, their length
 * returned): low lowercases ASCII, folds curly quotes to ASCII and digits
 * to '0' (so "1995" and "2001" share a feature); raw folds the quotes
 * only, and keeps the case of every byte i of s that is an ASCII capital
 * (i counts output bytes: after a curly quote, that is the input's byte
 * at the output's place, as the two passes it replaces did: the trained
 * model's hashes depend on it). One pass for both (perf, issue 11: two
 * passes and a third restoring the capitals took 47% of
 * td_tg_word_init's instructions, callgrind). */
static size_t fold_forms(const char *s, size_t n, unsigned char *low, unsigned char *raw,
                         size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap; i++, k++) {
    unsigned char c = (unsigned char)s[i], r = (unsigned char)s[k];
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
      unsigned char d = (unsigned char)s[i + 2];
      if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) {
        c = d <= 0x99 ? '\'' : '"';
        low[k] = c;
        raw[k] = r >= 'A' && r <= 'Z' ? r : c;
        i += 2;
        continue;
      }
    }
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    raw[k] = r >= 'A' && r <= 'Z' ? r : c;
    low[k] = c >= '0' && c <= '9' ? '0' : c;
  }
  return k;
}

/* Hashes the surface forms a word's features use (see train.h). */
void td_tg_word_init(td_tg_word *w, const char *s, size_t n,
                     const struct td_lemmatizer *lem) {
  unsigned char low[128], raw[128], shape[32];
  size_t ln = fold_forms(s, n, low, raw, sizeof low);
  uint32_t fl = 0;
  int nalpha = 0, nupper = 0, ndigit = 0, nother = 0;
  size_t sn = 0;
  unsigned char last = 0;
  int cap0 = n && s[0] >= 'A' && s[0] <= 'Z';
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i], k;
    if (c >= 'A' && c <= 'Z') k = 'X', nalpha++, nupper++;
    else if (c >= 'a' && c <= 'z') k = 'x', nalpha++;
    else if (c >= '0' && c <= '9') k = 'd', ndigit++;
    else if (c >= 0x80) {
      /* a letter beyond ASCII has the shape of its case, as its ASCII
       * look-alike (Łukasz as Lukasz: a capitalized word); other
       * characters, and bytes that are no character, stay 'u' */
      uint32_t cp;
      int len = c >= 0xC0 ? td_utf8_decode((const unsigned char *)s + i, n - i, &cp) : 0;
      int cs = len > 1 ? td_cp_case(cp) : 0;
      k = cs > 0 ? 'X' : cs < 0 ? 'x' : 'u';
      nalpha++, nupper += cs > 0;
      if (cs > 0 && i == 0) cap0 = 1;
      if (len > 1) i += (size_t)len - 1;
    } else k = c, nother++;
    if (c == '-') fl |= WF_HYPHEN;
    if (k != last && sn < sizeof shape) shape[sn++] = k;
    last = k;
  }
  if (cap0) fl |= WF_CAP;
  if (nupper >= 2 && nupper == nalpha) fl |= WF_ALLCAP;
  if (ndigit) fl |= WF_DIGIT;
  if (ndigit && ndigit == (int)n) fl |= WF_ALLDIGIT;
  if (nalpha) fl |= WF_ALPHA;
  if (nalpha && !nupper) fl |= WF_LOWER;
  if (!nalpha && !ndigit) fl |= WF_PUNCT;
  if (n > 12) fl |= WF_LONG;
  w->flags = fl;
  w->lex = td_lemma_lexclass(lem, s, n);
  /* low's hash, and on the way its prefixes' (fnv of the first 1-3 bytes) */
  uint64_t h = 0xCBF29CE484222325ULL;
  for (size_t i = 0; i < ln; i++) {
    h = (h ^ low[i]) * 0x100000001B3ULL;
    if (i < 3) w->pre[i] = h;
  }
  for (size_t k = ln; k < 3; k++) w->pre[k] = 0;
  w->low = h;
  w->raw = fnv(raw, ln) ^ 0x5555;
  w->shape = fnv(shape, sn) + (n > 4 ? 1 : 0);
  for (int k = 0; k < 4; k++)
    w->suf[k] = (size_t)k + 1 <= ln ? fnv(low + ln - k - 1, (size_t)k + 1) : 0;
}

/* The feature templates; train_tagger.c and tag_words() both call this, so
 * training and tagging cannot disagree. Changing a template means
 * retraining the model. */
static const td_tg_word none = {0x1111, 0x1111, 0x1111, {0}, {0}, 0x8000, 0x1000};
static const td_tg_word none2 = {0x2222, 0x2222, 0x2222, {0}, {0}, 0x10000, 0x2000};

int td_tg_features(const td_tg_word *w, int n, int i, int p1, int p2,
                   uint64_t *f) {
  const td_tg_word *w0 = &w[i];
  const td_tg_word *wm1 = i > 0 ? &w[i - 1] : &none;
  const td_tg_word *wp1 = i + 1 < n ? &w[i + 1] : &none;
  const td_tg_word *wp2 = i + 2 < n ? &w[i + 2] : (i + 1 < n ? &none : &none2);
  int k = 0;
  f[k++] = f1(0, 0);
  f[k++] = f1(1, w0->low);
  f[k++] = f1(2, w0->raw);
  for (int j = 0; j < 4; j++) f[k++] = f1(3 + (unsigned)j, w0->suf[j]);
  for (int j = 0; j < 3; j++) f[k++] = f1(7 + (unsigned)j, w0->pre[j]);
  f[k++] = f1(10, w0->shape);
  f[k++] = f1(11, w0->flags | (i == 0 ? 0x20000u : 0));
  f[k++] = f1(12, wm1->low);
  f[k++] = f1(13, wp1->low);
  f[k++] = f1(15, wp2->low);
  f[k++] = f1(16, wm1->suf[2]);
  f[k++] = f1(17, wp1->suf[2]);
  f[k++] = f1(18, (uint64_t)p1);
  f[k++] = f1(19, (uint64_t)p2);
  f[k++] = f2(20, (uint64_t)p1, (uint64_t)p2);
  f[k++] = f2(22, wm1->low, w0->low);
  f[k++] = f2(23, w0->low, wp1->low);
  f[k++] = f1(24, wp1->shape);
  f[k++] = f1(25, wm1->shape);
  f[k++] = f1(27, wp1->suf[1]);
  f[k++] = f1(29, w0->lex);
  f[k++] = f1(30, wp1->lex);
  f[k++] = f2(31, w0->lex, w0->suf[1]);
  f[k++] = f2(32, w0->lex, w0->flags);
  f[k++] = f1(35, wp1->flags);
  f[k++] = f1(36, wm1->flags);
  return k;
}

/* ---- the same features, grouped by what they read ----
 * Tagging splits the features of td_tg_features by what they read: the
 * word alone (its "self" features), the word as the previous or the next
 * word of the one tagged ("left" and "right") or as the one two after
 * ("right2"), word pairs ("near"), and the two predicted classes before
 * it ("tags"). The first four depend on the word's form only, so the
 * tagger sums their weights once per word type (see the type cache
 * below); the tags features have one slot per pair of classes, so the
 * tagger keeps their weights in tables by class. The position feature
 * f1(11, flags | start) is a self feature, f1(11, flags), except at a
 * sentence's first word, where start_feature() takes its place.
 * td_tg_features stays the definition, in the order training uses;
 * td_tg_groups_check() (test_tagger.c) checks the groups make up exactly
 * its features. */

enum { TG_NSELF = 15, TG_NLEFT = 4, TG_NRIGHT = 6, TG_NNEAR = 2, TG_NTAGS = 3 };

static int self_features(const td_tg_word *w0, uint64_t *f) {
  int k = 0;
  f[k++] = f1(0, 0);
  f[k++] = f1(1, w0->low);
  f[k++] = f1(2, w0->raw);
  for (int j = 0; j < 4; j++) f[k++] = f1(3 + (unsigned)j, w0->suf[j]);
  for (int j = 0; j < 3; j++) f[k++] = f1(7 + (unsigned)j, w0->pre[j]);
  f[k++] = f1(10, w0->shape);
  f[k++] = f1(11, w0->flags); /* not a sentence's first: see start_feature */
  f[k++] = f1(29, w0->lex);
  f[k++] = f2(31, w0->lex, w0->suf[1]);
  f[k++] = f2(32, w0->lex, w0->flags);
  return k;
}

static int left_features(const td_tg_word *wm1, uint64_t *f) {
  f[0] = f1(12, wm1->low);
  f[1] = f1(16, wm1->suf[2]);
  f[2] = f1(25, wm1->shape);
  f[3] = f1(36, wm1->flags);
  return TG_NLEFT;
}

static int right_features(const td_tg_word *wp1, uint64_t *f) {
  f[0] = f1(13, wp1->low);
  f[1] = f1(17, wp1->suf[2]);
  f[2] = f1(24, wp1->shape);
  f[3] = f1(27, wp1->suf[1]);
  f[4] = f1(30, wp1->lex);
  f[5] = f1(35, wp1->flags);
  return TG_NRIGHT;
}

/* The word as the one two after ("right2"). */
static int right2_features(const td_tg_word *wp2, uint64_t *f) {
  f[0] = f1(15, wp2->low);
  return 1;
}

/* The words at -2..+2 of word i of n (pw[j] the word of token j), with
 * the stand-ins td_tg_features uses beyond the sentence. */
static void neighbours(const td_tg_word *const *pw, int n, int i,
                       const td_tg_word *nb[5]) {
  nb[0] = i > 1 ? pw[i - 2] : (i > 0 ? &none : &none2);
  nb[1] = i > 0 ? pw[i - 1] : &none;
  nb[2] = pw[i];
  nb[3] = i + 1 < n ? pw[i + 1] : &none;
  nb[4] = i + 2 < n ? pw[i + 2] : (i + 1 < n ? &none : &none2);
}

/* The features of a word that read pair words, from the low hashes of
 * the word before (lm1), the word (l0) and the word after (lp1). */
static inline void near_pairs(uint64_t lm1, uint64_t l0, uint64_t lp1, uint64_t *f) {
  f[0] = f2(22, lm1, l0);
  f[1] = f2(23, l0, lp1);
}

/* The features of word nb[2] that read pair words. */
static int near_features(const td_tg_word *const nb[5], uint64_t *f) {
  near_pairs(nb[1]->low, nb[2]->low, nb[3]->low, f);
  return TG_NNEAR;
}

/* The feature that reads the position of a sentence's first word, of
 * flags flags: it takes the place of the self feature f1(11, flags). */
static uint64_t start_feature(uint32_t flags) {
  return f1(11, flags | 0x20000u);
}

/* The features that read the two previous classes only ("tags"); the
 * tagger keeps their weights in tables indexed by the classes. */
static int tags_features(int p1, int p2, uint64_t *f) {
  f[0] = f1(18, (uint64_t)p1);
  f[1] = f1(19, (uint64_t)p2);
  f[2] = f2(20, (uint64_t)p1, (uint64_t)p2);
  return TG_NTAGS;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int td_tg_groups_check(const td_tg_word *w, int n, int i, int p1, int p2) {
  uint64_t a[TD_TG_MAXFEAT], b[TD_TG_MAXFEAT];
  const td_tg_word *pw[8] = {0}, *nb[5];
  if (n > 8 || i < 0 || i >= n) return 0;
  for (int j = 0; j < n; j++) pw[j] = &w[j];
  neighbours(pw, n, i, nb);
  int na = td_tg_features(w, n, i, p1, p2, a), nbf = 0;
  nbf += self_features(nb[2], b + nbf);
  nbf += left_features(nb[1], b + nbf);
  nbf += right_features(nb[3], b + nbf);
  nbf += right2_features(nb[4], b + nbf);
  nbf += near_features(nb, b + nbf);
  if (i == 0) /* the first word's position feature replaces a self one */
    for (int k = 0; k < nbf; k++)
      if (b[k] == f1(11, nb[2]->flags)) {
        b[k] = start_feature(nb[2]->flags);
        break;
      }
  nbf += tags_features(p1, p2, b + nbf);
  if (na != nbf) return 0;
  qsort(a, (size_t)na, sizeof *a, cmp_u64);
  qsort(b, (size_t)nbf, sizeof *b, cmp_u64);
  return memcmp(a, b, (size_t)na * sizeof *a) == 0;
}

/* ---- the second pass over verb forms: features ----
 * Greedy left to right, the first pass sees the tags before a word but
 * only the words after it, so it reads a past (VBD) after a noun
 * ("The senator struggled to ...") as a past participle (VBN) and the
 * reverse. The second pass re-decides a token tagged VBD or VBN between
 * the two with what the first pass lacks: the tags it predicted on both
 * sides (the verb or auxiliary before in the clause and whether a noun
 * stands between, the finite verb after), with the first pass's own
 * margin between the two (train_tagger.c trains it on jackknifed
 * first-pass tags; data/models/README.md). The same for VB/VBP made
 * those worse on dev, so VB is not re-decided. It re-decides VBZ/NNS and VBP/NN too ("Treasury yields fell": nouns
 * and verbs), each pair trained on its own, behind a gate, a threshold
 * and a lexicon check of their own, and a rule for a noun compound
 * before a finite verb (td_rt_noun; README "Nouns and verbs"). */

/* Stand-in tags beyond a sentence, and the flag of a stop that is no
 * verb (tags fit 8 bits). */
enum { RT_BOS = 250, RT_EOS = 251, RT_NOVERB = 0x100, RT_START = 0x200 };
/* The other tags it tests, by their index in td_xpos_names (tags.c;
 * test_tagger.c checks them against the names). */
enum {
  RX_NN = 1, RX_IN = 2, RX_DT = 3, RX_NNP = 4, RX_PRP = 5, RX_JJ = 6, RX_RB = 7, RX_CC = 12,
  RX_HYPH = 33, RX_PERIOD = 8, RX_NNS = 10, RX_COMMA = 11,
  RX_CD = 16, RX_TO = 20, RX_RRB = 22, RX_LRB = 23, RX_WDT = 24, RX_COLON = 25, RX_WRB = 26,
  RX_LQUOTE = 27, RX_RQUOTE = 28, RX_WP = 29, RX_EX = 37, RX_POS = 32, RX_JJS = 36, RX_RBS = 47
};

/* How far the second pass looks left and right of a token, at most (a
 * long sentence without punctuation costs no more a token). */
enum { RT_REACH = 24 };

int td_rt_pair(int xpos) {
  if (xpos == TD_XPOS_VBD || xpos == TD_XPOS_VBN) return 1;
  if (xpos == TD_XPOS_VBZ || xpos == RX_NNS) return 2;
  if (xpos == TD_XPOS_VBP || xpos == RX_NN) return 3;
  return 0;
}

double td_rt_gate(int xpos) { return td_rt_pair(xpos) == 1 ? TD_RT_GATE : TD_RT_GATE_NOUN; }

double td_rt_min(int xpos) { return td_rt_pair(xpos) == 1 ? TD_RT_MIN : TD_RT_MIN_NOUN; }

int td_rt_lex_ok(int xpos, uint32_t lex) {
  if (xpos == RX_NNS || xpos == RX_NN) return (lex & (1u << 1 | 1u << 7)) != 0; /* a verb */
  if (xpos == TD_XPOS_VBZ || xpos == TD_XPOS_VBP) return (lex & (1u << 0 | 1u << 6)) != 0;
  return 1;
}

int td_rt_scores(int xpos) { return xpos != TD_XPOS_VBP; }

int td_rt_first(int xpos) {
  return xpos == TD_XPOS_VBD || xpos == TD_XPOS_VB || xpos == TD_XPOS_VBZ || xpos == TD_XPOS_VBP;
}

int td_rt_alt_ok(int x, int u, int xd, int ud) {
  int p = td_rt_pair(x);
  if (!p || xd == x || td_rt_pair(xd) != p) return 0;
  if (p == 1) return ud == u; /* VBD/VBN: the same upos (VERB or AUX) */
  /* a noun and a verb: VBZ VERB / NNS NOUN, VBP VERB / NN NOUN */
  int xn = x == RX_NNS || x == RX_NN, dn = xd == RX_NNS || xd == RX_NN;
  return u == (xn ? TD_NOUN : TD_VERB) && ud == (dn ? TD_NOUN : TD_VERB);
}

int td_rt_tags_check(void) {
  static const struct { int x; const char *name; } tags[] = {
      {RX_NN, "NN"},     {RX_JJ, "JJ"},       {RX_DT, "DT"},      {RX_HYPH, "HYPH"},  {RX_RB, "RB"},  {RX_CC, "CC"},  {RX_IN, "IN"},       {RX_NNP, "NNP"},    {RX_PRP, "PRP"},
      {RX_PERIOD, "."},  {RX_NNS, "NNS"},     {RX_COMMA, ","},    {RX_CD, "CD"},
      {RX_TO, "TO"},     {RX_RRB, "-RRB-"},   {RX_LRB, "-LRB-"},  {RX_WDT, "WDT"},
      {RX_COLON, ":"},   {RX_WRB, "WRB"},     {RX_LQUOTE, "``"},  {RX_RQUOTE, "''"},
      {RX_WP, "WP"},     {RX_EX, "EX"},       {RX_POS, "POS"},    {RX_JJS, "JJS"},
      {RX_RBS, "RBS"}};
  for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++)
    if (tags[k].x >= td_xpos_count || strcmp(td_xpos_names[tags[k].x], tags[k].name) != 0) return 0;
  return 1;
}

static int rt_verbal(int x) {
  return x == TD_XPOS_VB || x == TD_XPOS_VBD || x == TD_XPOS_VBN || x == TD_XPOS_VBP ||
         x == TD_XPOS_VBZ || x == TD_XPOS_VBG || x == TD_XPOS_MD || x == RX_TO;
}

/* Punctuation that ends a clause: , . : ( ) */
static int rt_punct(int x) {
  return x == RX_COMMA || x == RX_PERIOD || x == RX_COLON || x == RX_RRB || x == RX_LRB;
}

/* A subordinator (or preposition): IN, WDT, WP, WRB. */
static int rt_sub(int x) { return x == RX_IN || x == RX_WDT || x == RX_WP || x == RX_WRB; }

/* A clause's edge to the left: punctuation, quotes, a subordinator. */
static int rt_edge(int x) {
  return rt_punct(x) || rt_sub(x) || x == RX_LQUOTE || x == RX_RQUOTE;
}

/* A nominal: nouns, pronouns, numbers, existential there. */
static int rt_nominal(int x) {
  return x == RX_NN || x == RX_NNP || x == RX_NNS || x == TD_XPOS_NNPS || x == RX_PRP ||
         x == RX_CD || x == RX_EX;
}

static int rt_finite(int x) {
  return x == TD_XPOS_VBD || x == TD_XPOS_VBZ || x == TD_XPOS_VBP || x == TD_XPOS_MD;
}

/* The margin's bucket: its sign and rough size (scores of the first pass
 * are in the hundreds; the second pass sees margins below TD_RT_GATE). */
static int rt_bucket(double m) {
  double a = m < 0 ? -m : m;
  int b = 0;
  for (double t = 4; a >= t && b < 7; t *= 2) b++;
  return m < 0 ? 8 + b : b;
}

int td_rt_keeps(const td_rt_tok *s, int i) {
  if (s[i].xpos != TD_XPOS_VBN || i == 0) return 0;
  int x = s[i - 1].xpos;
  return x == TD_XPOS_PRP_POSS || x == RX_POS || x == RX_JJS || x == RX_RBS;
}

int td_rt_noun(const td_rt_tok *s, int n, int i) {
  int x = s[i].xpos;
  if ((x != TD_XPOS_VBZ && x != TD_XPOS_VBP) || i == 0 || i + 1 >= n) return 0;
  int xm = s[i - 1].xpos, xn = s[i + 1].xpos;
  if (!(xm == RX_NN || xm == RX_NNS || xm == RX_NNP || xm == TD_XPOS_NNPS || xm == RX_JJ)) return 0;
  /* the verb after: a past, a modal or an auxiliary ("yields fell",
   * "plant may", "figure was"), not a present the first pass may have
   * misread ("Roddick holds serve") */
  if (!(xn == TD_XPOS_VBD || xn == TD_XPOS_MD || (rt_finite(xn) && s[i + 1].upos == TD_AUX)))
    return 0;
  /* not in a relative clause whose verb takes a clause ("a bill which
   * critics claim would ...", "what it represents is") */
  for (int j = i - 1; j >= 0 && j >= i - RT_REACH; j--) {
    int y = s[j].xpos;
    if (y == RX_WDT || y == RX_WP) return 0;
    if (!(rt_nominal(y) || y == RX_JJ || y == RX_DT || y == TD_XPOS_PRP_POSS || y == RX_POS ||
          y == RX_HYPH))
      break;
  }
  return 1;
}

int td_rt_apposition(const td_rt_tok *s, int n, int i) {
  if (s[i].xpos != TD_XPOS_VBD || i < 2 || i + 2 >= n) return 0;
  if (s[i - 1].xpos != RX_COMMA || !rt_nominal(s[i - 2].xpos)) return 0;
  if (s[i + 1].xpos != RX_IN && s[i + 1].xpos != RX_TO) return 0;
  int k = i + 1;
  for (; k < n && k <= i + RT_REACH; k++) {
    int x = s[k].xpos;
    if (x == RX_COMMA) break;
    if (rt_finite(x) || rt_punct(x) || x == RX_CC) return 0;
  }
  if (k >= n || k > i + RT_REACH) return 0;
  for (k++; k < n && s[k].xpos == RX_RB; k++) {}
  if (k >= n) return 0;
  int x = s[k].xpos;
  return x == TD_XPOS_MD || x == TD_XPOS_VBZ || x == TD_XPOS_VBP ||
         (x == TD_XPOS_VBD && s[k].upos == TD_AUX);
}

int td_rt_features(const td_rt_tok *s, int n, int i, double margin, uint64_t *f) {
  uint64_t p = (uint64_t)td_rt_pair(s[i].xpos);
  uint64_t xm1 = i > 0 ? s[i - 1].xpos : RT_BOS, xm2 = i > 1 ? s[i - 2].xpos : RT_BOS;
  uint64_t xp1 = i + 1 < n ? s[i + 1].xpos : RT_EOS, xp2 = i + 2 < n ? s[i + 2].xpos : RT_EOS;
  uint64_t lm1 = i > 0 ? s[i - 1].low : RT_BOS, lp1 = i + 1 < n ? s[i + 1].low : RT_EOS;
  /* the left: the nearest verb or auxiliary (an auxiliary by its form,
   * another verb by its tag) or clause edge, how far, and whether a
   * nominal stands between */
  uint64_t stop = RT_START;
  int nom = 0, j = i - 1;
  for (; j >= 0 && j >= i - RT_REACH; j--) {
    int x = s[j].xpos;
    if (rt_verbal(x)) {
      stop = s[j].upos == TD_AUX ? s[j].low : (uint64_t)x;
      break;
    }
    if (rt_edge(x)) {
      stop = RT_NOVERB | (uint64_t)x;
      break;
    }
    nom |= rt_nominal(x);
  }
  uint64_t dist = (uint64_t)(i - j < 4 ? i - j : 4);
  /* the right: the first finite verb before the clause's end, and
   * whether a subordinator or another verb comes before it */
  uint64_t after = RT_EOS;
  int crossed = 0;
  for (int k = i + 1; k < n && k <= i + RT_REACH; k++) {
    int x = s[k].xpos;
    if (rt_finite(x)) {
      after = (uint64_t)x;
      break;
    }
    if (rt_punct(x)) {
      after = RT_NOVERB | (uint64_t)x;
      break;
    }
    crossed |= rt_verbal(x) || rt_sub(x);
  }
  int k = 0;
  f[k++] = f1(40, p);
  f[k++] = f2(41, p, (uint64_t)rt_bucket(margin));
  f[k++] = f2(42, p, s[i].low);
  f[k++] = f2(43, p, xm1);
  f[k++] = f2(44, p, xm2 << 8 | xm1);
  f[k++] = f2(45, p, xp1);
  f[k++] = f2(46, p, xp1 << 8 | xp2);
  f[k++] = f2(47, p, xm1 << 8 | xp1);
  f[k++] = f2(48, p, lm1);
  f[k++] = f2(49, p, lp1);
  f[k++] = f2(50, p, stop);
  f[k++] = f2(51, p, stop * 2 + (uint64_t)nom);
  f[k++] = f2(52, p, stop * 8 + dist);
  f[k++] = f2(53, p, after * 2 + (uint64_t)crossed);
  f[k++] = f2(54, p, (stop * 2 + (uint64_t)nom) * 1024 + after * 2 + (uint64_t)crossed);
  f[k++] = f2(55, p, stop * 256 + xp1);
  f[k++] = f2(56, p, s[i].low ^ (uint64_t)nom * 0x9E37u);
  return k;
}

/* ---- the model in place ---- */

static inline uint32_t slot_of(uint64_t h, uint32_t n) {
  return (uint32_t)(((h & 0xffffffffu) * (uint64_t)n) >> 32);
}

/* sc[0..n) += w[0..n), n a multiple of 8: a dense row of weights. The
 * sums fit 16 bits (see TD_TG_WMAX). */
static inline void add_row(int16_t *sc, const int16_t *w, uint32_t n) {
#ifdef __SSE2__
  for (uint32_t c = 0; c < n; c += 8) {
    __m128i *d = (__m128i *)(sc + c);
    _mm_store_si128(d, _mm_add_epi16(_mm_load_si128(d),
                                     _mm_loadu_si128((const __m128i *)(w + c))));
  }
#else
  for (uint32_t c = 0; c < n; c++) sc[c] = (int16_t)(sc[c] + w[c]);
#endif
}

/* The u32 index into the outside weights of a TD_TG_EXT slot. */
static inline uint32_t ext_first(const td_tg_slot *s) {
  uint32_t v;
  memcpy(&v, s->w, 4);
  return v;
}

/* The presence bits: one per 2^PRESENT_SHIFT keys, set when a slot holds
 * one of them (a 128 KB table, one bit in ~12 set), so most features the
 * model lacks (most word pairs) are known absent without reading the
 * slot table. */
#define PRESENT_SHIFT 12
#define PRESENT_WORDS ((size_t)1 << (32 - PRESENT_SHIFT) >> 6)
static inline int maybe_present(const struct td_tagger *t, uint32_t key) {
  uint32_t b = key >> PRESENT_SHIFT;
  return (int)(t->present[b >> 6] >> (b & 63) & 1);
}

/* The slot of feature hash h, or NULL, probing from its place without
 * the presence bits (prefetch_features has read them). */
static inline const td_tg_slot *probe_slot(const struct td_tagger *t, uint64_t h) {
  uint32_t nslot = t->h->nslot, key = (uint32_t)(h >> 32) | 1, s = slot_of(h, nslot);
  for (;;) {
    const td_tg_slot *e = &t->slots[s];
    if (e->key == key) return e;
    if (e->key == 0) return NULL;
    if (++s == nslot) s = 0;
  }
}

/* The slot of feature hash h, or NULL when the model lacks it. */
static inline const td_tg_slot *find_slot(const struct td_tagger *t, uint64_t h) {
  return maybe_present(t, (uint32_t)(h >> 32) | 1) ? probe_slot(t, h) : NULL;
}

/* Starts reading the slot of feature hash h, unless it is known absent. */
static inline void prefetch_slot(const struct td_tagger *t, uint64_t h) {
  if (maybe_present(t, (uint32_t)(h >> 32) | 1))
    __builtin_prefetch(&t->slots[slot_of(h, t->h->nslot)]);
}

/* Starts reading the weights of slot e (outside it, they are elsewhere):
 * every line they span, the last one too (the outside weights are not
 * aligned: a list of pairs crosses a line half the time). */
static inline void prefetch_weights(const struct td_tagger *t, const td_tg_slot *e) {
  if (!e || e->cls[0] != TD_TG_EXT) return;
  const int16_t *w = t->ext + ext_first(e);
  uint32_t n = e->cls[1] == TD_TG_DENSE ? t->npad : 2 * (uint32_t)e->cls[1];
  __builtin_prefetch(w);
  for (uint32_t c = 32; c < n; c += 32) __builtin_prefetch(w + c);
  __builtin_prefetch(w + n - 1);
}

/* Adds the weights of slot e (may be NULL: none) to the scores sc. */
static inline void add_slot(const struct td_tagger *t, const td_tg_slot *e, int16_t *sc) {
  if (!e) return;
  if (e->cls[0] != TD_TG_EXT) {
    for (int j = 0; j < 4; j++) sc[e->cls[j]] = (int16_t)(sc[e->cls[j]] + e->w[j]);
    return;
  }
  const int16_t *w = t->ext + ext_first(e);
  uint32_t cnt = e->cls[1];
  if (cnt == TD_TG_DENSE) {
    add_row(sc, w, t->npad);
    return;
  }
  for (uint32_t j = 0; j < cnt; j++)
    sc[(uint16_t)w[2 * j]] = (int16_t)(sc[(uint16_t)w[2 * j]] + w[2 * j + 1]);
}

/* Subtracts the weights of slot e (may be NULL: none) from the scores sc:
 * undoes add_slot, modulo 2^16. */
static void sub_slot(const struct td_tagger *t, const td_tg_slot *e, int16_t *sc) {
  if (!e) return;
  if (e->cls[0] != TD_TG_EXT) {
    for (int j = 0; j < 4; j++) sc[e->cls[j]] = (int16_t)(sc[e->cls[j]] - e->w[j]);
    return;
  }
  const int16_t *w = t->ext + ext_first(e);
  uint32_t cnt = e->cls[1];
  if (cnt == TD_TG_DENSE) {
#ifdef __SSE2__
    for (uint32_t c = 0; c < t->npad; c += 8) {
      __m128i *d = (__m128i *)(sc + c);
      _mm_store_si128(d, _mm_sub_epi16(_mm_load_si128(d),
                                       _mm_loadu_si128((const __m128i *)(w + c))));
    }
#else
    for (uint32_t c = 0; c < t->npad; c++) sc[c] = (int16_t)(sc[c] - w[c]);
#endif
    return;
  }
  for (uint32_t j = 0; j < cnt; j++)
    sc[(uint16_t)w[2 * j]] = (int16_t)(sc[(uint16_t)w[2 * j]] - w[2 * j + 1]);
}

/* Adds the weights of the nf features f to the class scores sc (npad of
 * them). The slots are prefetched first: the table is larger than the
 * caches, and the lookups are independent of each other. Most features
 * carry their weights in the slot; the rest are gathered and added after.
 * Scores add up modulo 2^16 in any order to the same sums, which fit 16
 * bits (TD_TG_WMAX), so summing some features earlier (the type cache)
 * changes no score. */
static void add_weights(const struct td_tagger *t, const uint64_t *f, int nf,
                        int16_t *sc) {
  const td_tg_slot *e[TD_TG_MAXFEAT];
  for (int i = 0; i < nf; i++) prefetch_slot(t, f[i]);
  for (int i = 0; i < nf; i++) {
    e[i] = find_slot(t, f[i]);
    prefetch_weights(t, e[i]);
  }
  for (int i = 0; i < nf; i++) add_slot(t, e[i], sc);
}

/* The word table value of a word (class | lex << 8), or -1. */
static long word_entry(const struct td_tagger *t, const td_tg_word *w) {
  uint32_t n = t->h->ndict;
  if (!n) return -1;
  uint32_t key = (uint32_t)(w->raw >> 32) | 1, s = slot_of(w->raw, n);
  for (;;) {
    uint32_t k = t->dict[2 * s];
    if (k == key) return (long)t->dict[2 * s + 1];
    if (k == 0) return -1;
    if (++s == n) s = 0;
  }
}

#ifdef __SSE2__
/* 8 lanes from tg_ones + 8 - r: the first r set (the classes in range of
 * a score vector's last 8 lanes). */
static const int16_t tg_ones[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};

/* v, the last 8 lanes of a score vector, with those after its first r
 * (1 to 8: the classes in range) made the smallest score, so that they
 * never win. */
static inline __m128i clip_lanes(__m128i v, int r) {
  __m128i in = _mm_loadu_si128((const __m128i *)(tg_ones + 8 - r));
  return _mm_or_si128(_mm_and_si128(in, v), _mm_andnot_si128(in, _mm_set1_epi16(INT16_MIN)));
}

/* The first index of the largest of sc[0..np), m the running maximum of
 * its lanes (8 of them). */
static inline __attribute__((always_inline)) int first_max_n(const int16_t *sc, int np,
                                                             __m128i m) {
  m = _mm_max_epi16(m, _mm_shuffle_epi32(m, 0x4E));
  m = _mm_max_epi16(m, _mm_shuffle_epi32(m, 0xB1));
  m = _mm_max_epi16(m, _mm_shufflelo_epi16(m, 0xB1));
  __m128i v = _mm_shuffle_epi32(_mm_shufflelo_epi16(m, 0), 0);
  /* The lanes equal to the maximum, 64 classes to a bit mask (two score
   * vectors' compares packed to bytes a step), so that the search stops
   * by a branch taken once a group, not once in eight classes. */
  for (int g = 0; g < np; g += 64) {
    uint64_t bits = 0;
    for (int k = g; k < g + 64 && k < np; k += 16) {
      __m128i a = _mm_cmpeq_epi16(v, _mm_load_si128((const __m128i *)(sc + k)));
      __m128i b = k + 8 < np ? _mm_cmpeq_epi16(v, _mm_load_si128((const __m128i *)(sc + k + 8)))
                             : _mm_setzero_si128();
      bits |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_packs_epi16(a, b)) << (k - g);
    }
    if (bits) return g + __builtin_ctzll(bits);
  }
  return 0;
}

/* first_max_n, its loops unrolled for the model's 67 classes, 72 lanes
 * (perf, issue 11: on the committed model, data/models/README.md, two in
 * five of its instructions were loop control; another model takes the
 * loops). */
static inline int first_max(const int16_t *sc, int np, __m128i m) {
  return np == 72 ? first_max_n(sc, 72, m) : first_max_n(sc, np, m);
}
#endif

/* The first index of the largest of sc[0..n); sc has room for n rounded
 * up to 8 (the padding is overwritten). */
static int argmax(int16_t *sc, int n) {
  int np = (n + 7) & ~7;
#ifdef __SSE2__
  int last = np - 8;
  __m128i v = clip_lanes(_mm_load_si128((const __m128i *)(sc + last)), n - last);
  _mm_store_si128((__m128i *)(sc + last), v);
  __m128i m = v;
  for (int k = 0; k < last; k += 8) m = _mm_max_epi16(m, _mm_load_si128((const __m128i *)(sc + k)));
  return first_max(sc, np, m);
#else
  for (int c = n; c < np; c++) sc[c] = INT16_MIN;
  int best = 0;
  for (int c = 1; c < n; c++)
    if (sc[c] > sc[best]) best = c;
  return best;
#endif
}

/* sc[0..np) = a + b + c + d, plus sc when !first; np a multiple of 8. */
static inline __attribute__((always_inline)) void add4_n(int16_t *sc, int first, const int16_t *a,
                                                        const int16_t *b, const int16_t *c,
                                                        const int16_t *d, uint32_t np) {
#ifdef __SSE2__
  for (uint32_t k = 0; k < np; k += 8) {
    __m128i v = _mm_add_epi16(_mm_add_epi16(_mm_loadu_si128((const __m128i *)(a + k)),
                                            _mm_loadu_si128((const __m128i *)(b + k))),
                              _mm_add_epi16(_mm_loadu_si128((const __m128i *)(c + k)),
                                            _mm_loadu_si128((const __m128i *)(d + k))));
    if (!first) v = _mm_add_epi16(v, _mm_load_si128((const __m128i *)(sc + k)));
    _mm_store_si128((__m128i *)(sc + k), v);
  }
#else
  for (uint32_t k = 0; k < np; k++)
    sc[k] = (int16_t)((first ? 0 : sc[k]) + a[k] + b[k] + c[k] + d[k]);
#endif
}

/* add4_n, unrolled for the model's 67 classes (as first_max). */
static inline void add4(int16_t *sc, int first, const int16_t *a, const int16_t *b,
                        const int16_t *c, const int16_t *d, uint32_t np) {
  if (np == 72) add4_n(sc, first, a, b, c, d, 72);
  else add4_n(sc, first, a, b, c, d, np);
}

/* sc += a, then the first index of the largest of sc[0..n), in one pass;
 * sc and a hold n rounded up to 8 (the padding of sc is overwritten). */
static inline __attribute__((always_inline)) int add_argmax_n(int16_t *sc, const int16_t *a,
                                                              int n) {
  int np = (n + 7) & ~7;
#ifdef __SSE2__
  __m128i m = _mm_set1_epi16(INT16_MIN);
  int last = np - 8;
  for (int k = 0; k <= last; k += 8) {
    __m128i v = _mm_add_epi16(_mm_load_si128((const __m128i *)(sc + k)),
                              _mm_loadu_si128((const __m128i *)(a + k)));
    if (k == last) v = clip_lanes(v, n - last);
    _mm_store_si128((__m128i *)(sc + k), v);
    m = _mm_max_epi16(m, v);
  }
  return first_max(sc, np, m);
#else
  for (int k = 0; k < np; k++) sc[k] = (int16_t)(sc[k] + a[k]);
  return argmax(sc, n);
#endif
}

/* add_argmax_n, unrolled for the model's 67 classes (as first_max). */
static inline int add_argmax(int16_t *sc, const int16_t *a, int n) {
  return n == 67 ? add_argmax_n(sc, a, 67) : add_argmax_n(sc, a, n);
}

/* ---- the word-type cache ----
 * News repeats its words, and most features of a word read the word alone
 * (see the feature groups above). A per-thread cache keeps, per word form,
 * its hashes that tagging reads (low and flags of its td_tg_word, and its
 * lexical class; the rest is hashed again when a sum is made, or kept from
 * entry_for for the sentence), its word-table class, the summed weights of its
 * self, left and right features, and the slot of its right2 feature
 * (one feature: a score vector would mostly hold zeros and
 * cost a third more memory), each made when first needed. The cache
 * holds the entries of one tagger (serial) and lemmatizer (lex) at a time
 * (td_tag empties it for another pair), keyed by the form as written (at
 * most TC_FORM bytes), so a hit is exactly what computing it again would
 * give. A form's hash picks a set of TC_WAYS entries; a
 * new word replaces the one least recently used, but never one used by
 * the sentence being tagged: when all are, the new word, like a longer
 * one, gets a scratch entry from the document's arena for the sentence. */

/* 4096 sets of 4 entries of 512 bytes: 8 MiB a thread, four huge pages
 * (from its first TC_COLD tokens on: before, the entries are on ordinary
 * pages, each cleared when first touched; perf, issue 11: on huge pages
 * at once, a one-line document's few entries cost clearing 8 MiB).
 * (2048 sets of 5 entries, 5.9 MB, took the tag stage on BBC 3-8% longer;
 * 4096 of 5, 11.8 MB, no shorter than 4096 of 4. Six ways of 2048 were no
 * faster once the shared table below serves frequent forms.) Issue 11's
 * memory budget counts it once a thread: while the driver's threads'
 * caches together stay within TC_BUDGET (up to eight threads) each gets
 * TC_SETS sets, else TC_SETS_FEW, 4 MiB (td_thread_peers; at --threads 16
 * ingest of a corpus eight times bbc's peaked over the budget with 8 MiB
 * each). A thread of many also has fewer documents to fill its cache. */
enum { TC_SETS = 4096, TC_SETS_FEW = 2048, TC_WAYS = 4, TC_FORM = 24, TC_COLD = 500 };
#define TC_BUDGET ((size_t)64 << 20)
enum { TC_LEX = 1 }; /* have: lex is set; bit 1 << (V_x + 1): group x */
/* The groups summed per word type: the first V_N kept as score vectors,
 * the one-feature group right2 as a copy of its slot. */
enum { V_SELF = 0, V_LEFT, V_RIGHT, V_N, V_RIGHT2 = V_N };
/* The stand-ins' sums a tagger keeps: left of the word before a sentence,
 * right and right2 of the word after it, and right2 of the one after that. */
enum { ST_LEFT = 0, ST_RIGHT, ST_RIGHT2, ST_RIGHT2B, ST_N };

/* An entry starts a cache line (esize is a multiple of 64, the cache's
 * memory aligned), and its first line, its head, holds what a lookup
 * compares and what a scored token reads of its neighbours' entries
 * besides their sums: the key, the class, low (the near features) and
 * far (the one two before). Laid out as before (low in the second line,
 * an entry's start anywhere in a line), loading the neighbours' low
 * waited on memory for 9% of td_tag's perf samples. */
typedef struct tc_entry {
  uint64_t low;                    /* of the word's td_tg_word: low, */
  uint8_t n, cls, have;            /* form length, word-table class or 255 */
  char form[TC_FORM];
  td_tg_slot far;                  /* the slot of right2 (zeroed:
                                    * the model lacks the feature) */
  uint32_t flags, lex;             /* flags, and lex (have TC_LEX); the
                                    * rest is made again for a sum */
  /* followed, at TC_HEAD, by V_N score vectors (V_*) of npad int16 */
} tc_entry;

_Static_assert(sizeof(tc_entry) <= 64, "an entry's head is one line");

#define TC_HEAD ((sizeof(tc_entry) + 15) & ~(size_t)15)

/* A sum to make: the vector and the features that go into it. */
typedef struct tc_build {
  int16_t *vec;   /* or NULL, and the slot goes to far */
  td_tg_slot *far;
  int nf;
  uint64_t f[TG_NSELF];
  const td_tg_slot *slot[TG_NSELF];
} tc_build;

/* The tags of a set's entries (a bit of the form's hash, 0: empty) and
 * the last sentence that used each. */
typedef struct tc_set {
  _Alignas(32) uint32_t tag[TC_WAYS];
  uint16_t used[TC_WAYS]; /* the stamp's low 16 bits (an entry unused for
                           * 65,536 sentences looks recent: a worse choice
                           * of victim, nothing else) */
} tc_set;
_Static_assert(sizeof(tc_set) == 32, "a set in half a line");

typedef struct tc_cache {
  uint32_t npad;
  size_t esize;       /* bytes per entry with its vectors, a multiple of 64 */
  uint32_t stamp;     /* the sentence being tagged (wraps: see entry_for) */
  uint32_t nsets;     /* TC_SETS or TC_SETS_FEW (a power of two) */
  tc_set *set;        /* nsets */
  unsigned char *ent; /* nsets * TC_WAYS entries */
  tc_build *build;    /* the sentence's sums to make */
  size_t nbuild, buildcap;
  uint64_t owner;     /* the tagger (serial) and lemmatizer whose */
  const struct td_lemmatizer *owner_lem; /* entries the sets hold */
  uint32_t cold;      /* tokens to go before ent moves to huge pages */
  uint64_t tt_serial; /* the tagger and lemmatizer the shared table was */
  const struct td_lemmatizer *tt_lem; /* checked against (types_agree) */
  int tt_ok;
} tc_cache;

static pthread_key_t tc_key;
static int tc_key_ok;
static pthread_once_t tc_once = PTHREAD_ONCE_INIT;
static _Thread_local tc_cache *tc_mine;

/* The bytes of c's entries and of its sets. */
static size_t tc_ent_bytes(const tc_cache *c) { return (size_t)c->nsets * TC_WAYS * c->esize; }
static size_t tc_set_bytes(const tc_cache *c) { return (size_t)c->nsets * sizeof *c->set; }

static void tc_free(void *p) {
  tc_cache *c = p;
  if (!c) return;
  td_cache_free(c->ent, tc_ent_bytes(c));
  td_cache_free(c->set, tc_set_bytes(c));
  free(c->build);
  free(c);
}

static void tc_key_init(void) { tc_key_ok = pthread_key_create(&tc_key, tc_free) == 0; }

/* This thread's cache, made for score vectors of npad classes (emptied
 * when it was made for another size). Freed when the thread exits. */
static tc_cache *tc_get(uint32_t npad) {
  tc_cache *c = tc_mine;
  if (c && c->npad == npad) return c;
  if (!c) {
    pthread_once(&tc_once, tc_key_init);
    c = td_xcalloc(1, sizeof *c);
    tc_mine = c;
    if (tc_key_ok) pthread_setspecific(tc_key, c);
  }
  td_cache_free(c->ent, tc_ent_bytes(c));
  td_cache_free(c->set, tc_set_bytes(c));
  c->npad = npad;
  c->esize = (TC_HEAD + V_N * (size_t)npad * sizeof(int16_t) + 63) & ~(size_t)63;
  c->nsets = (size_t)td_thread_peers() * TC_SETS * TC_WAYS * c->esize <= TC_BUDGET ? TC_SETS
                                                                                    : TC_SETS_FEW;
  /* Entries on ordinary pages first, on huge ones after TC_COLD tokens
   * (tc_warm). The sets (128 KB at most) on page boundaries: no set spans
   * two lines. Both zeroed. */
  c->ent = td_cache_alloc(tc_ent_bytes(c), 0);
  c->set = td_cache_alloc(tc_set_bytes(c), 0);
  c->cold = TC_COLD;
  c->owner = 0;
  c->stamp = 0;
  return c;
}

/* Counts ntoks tokens about to be tagged with cache c, and moves its
 * entries to huge pages once TC_COLD have been. */
static void tc_warm(tc_cache *c, size_t ntoks) {
  if (!c->cold) return;
  c->cold = ntoks < c->cold ? c->cold - (uint32_t)ntoks : 0;
  if (!c->cold) c->ent = td_cache_to_huge(c->ent, tc_ent_bytes(c));
}

static inline int16_t *tc_vec(tc_entry *e, int v, uint32_t npad) {
  return (int16_t *)((unsigned char *)e + TC_HEAD) + (size_t)v * npad;
}

/* One sentence being tagged: its tokens' entries and forms. */
typedef struct tg_sent {
  const struct td_tagger *t;
  const struct td_lemmatizer *lem;
  tc_cache *c;
  int types;              /* the shared table may be used */
  td_arena *arena;
  unsigned char *scratch; /* maxn entries, allocated on first need */
  int nscratch;
  size_t maxn;
  tc_entry **e;           /* per token */
  uint64_t *low;          /* per token: e[i]->low */
  td_tg_word *w;          /* per token: its td_tg_word, when wset[i] */
  uint8_t *wset;
  const char **form;      /* per token */
  size_t *len;
  int16_t *base;          /* per token: npad scores before the tags */
  uint64_t *feat;           /* per token: TG_NNEAR near feature hashes */
  const td_tg_slot **slot;  /* per token: their slots */
  uint64_t *hash;           /* per token: form_hash of its form */
  int *scored;              /* the tokens scored (not in the word table's
                             * classes), in order: nscored of them */
  int nscored;
  int *present;             /* the features of a sweep the presence bits
                             * pass (index into feat): npresent of them */
  int npresent;
} tg_sent;

/* The hash of the form s[0..n) that places it in the caches and the
 * image's table of types (its set and tag): core.h's hash of short words. */
static inline uint64_t form_hash(const char *s, size_t n) { return td_hash_short(s, n); }

/* Entry w of the set of a form whose hash is h, and that set. */
static inline tc_entry *tc_way(tc_cache *c, uint64_t h, int w) {
  return (tc_entry *)(c->ent + ((size_t)(h & (c->nsets - 1)) * TC_WAYS + (size_t)w) * c->esize);
}
static inline tc_set *tc_set_of(tc_cache *c, uint64_t h) { return &c->set[h & (c->nsets - 1)]; }
static inline uint32_t tc_tag(uint64_t h) { return (uint32_t)(h >> 32) | 1; }

/* The ways of set st whose tag is tag, a bit each: the first four
 * compared at once (the way that matches varies from word to word, and a
 * branch per way mispredicts). */
static inline unsigned tc_match(const tc_set *st, uint32_t tag) {
  _Static_assert(TC_WAYS >= 4 && TC_WAYS <= 32, "tc_match reads four tags at once");
  unsigned bits = 0;
  int w = 0;
#ifdef __SSE2__
  __m128i v = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)st->tag), _mm_set1_epi32((int)tag));
  bits = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(v));
  w = 4;
#endif
  for (; w < TC_WAYS; w++) bits |= (unsigned)(st->tag[w] == tag) << w;
  return bits;
}

/* The features of group v (V_*) of word w. */
static int group_features(const td_tg_word *w, int v, uint64_t *f) {
  switch (v) {
  case V_SELF: return self_features(w, f);
  case V_LEFT: return left_features(w, f);
  case V_RIGHT: return right_features(w, f);
  default: return right2_features(w, f);
  }
}

/* ---- the shared word-type table ----
 * The type cache's entries, with every sum made, for the frequent word
 * forms of the training data (data/words/ewt-freq.tsv, as written there
 * and capitalized, most frequent first) and the numbers 0-999 and
 * 1900-2099, made at make time by td_tagger_build_types (tools/mkres) into
 * resource section "tagger.types" and read in place, shared by every
 * thread and process. A thread that misses its own cache copies a listed
 * form's entry from there (one index probe and 576 bytes read in order)
 * instead of hashing the word and looking up its 26 features, so threads
 * start warm and only rarer words are summed. An entry is exactly what
 * entry_for and the sums would make for the model of the same image (the
 * section keeps a copy of the model's header) and its lemmatizer (the
 * lexical classes): td_tagger_load checks a sample of entries against the
 * model, each thread checks a sample of their classes against the
 * lemmatizer it tags with before using the table (types_agree), and
 * td_tg_types_check (test_tagger.c) checks every entry. Its layout:
 *   tt_header, index (nidx x {u32 tag, u32 entry + 1}, 0: empty; placed
 *   by form_hash, linear probing), nent entries of esize bytes. */

#define TT_MAGIC "TDTGT002"
#define TT_SECTION "tagger.types"
typedef struct tt_header {
  char magic[8];
  uint32_t nent, nidx, npad, esize;
  unsigned char model[32]; /* the model's td_tg_header, its first 32 bytes */
  uint32_t reserved[2];
} tt_header;

typedef struct tt_ent {
  char form[TC_FORM];
  uint8_t n, cls, pad[6];
  td_tg_slot far; /* as tc_entry's */
  td_tg_word w;      /* lex set */
  /* followed, at TT_HEAD, by V_N score vectors (V_*) of npad int16 */
} tt_ent;

#define TT_HEAD ((sizeof(tt_ent) + 15) & ~(size_t)15)
#define TT_SAMPLE 64 /* entries checked at load and by each thread */

/* 1 when slot e (from the table) is one add_slot may read: its classes
 * and outside weights in range, as bind checks the model's. */
static int slot_ok(const struct td_tagger *t, const td_tg_slot *e) {
  if (!e->key) return 1;
  if (e->cls[0] != TD_TG_EXT) {
    for (int j = 0; j < 4; j++)
      if (e->cls[j] >= t->h->nclass) return 0;
    return 1;
  }
  uint64_t n = e->cls[1] == TD_TG_DENSE ? t->npad : 2 * (uint64_t)e->cls[1];
  return ext_first(e) + n <= t->h->nent && (e->cls[1] == TD_TG_DENSE || e->cls[1] < 128);
}

/* The table's entry of form s[0..n), whose form_hash is h, or NULL (also
 * for an entry whose classes or slots are out of range). */
static const tt_ent *type_find(const struct td_tagger *t, const char *s, size_t n, uint64_t h) {
  if (n > TC_FORM || !t->tnidx) return NULL;
  uint32_t tag = tc_tag(h), m = t->tnidx - 1, i = (uint32_t)(h >> 20) & m;
  for (uint32_t k = 0; k < t->tnidx; k++, i = (i + 1) & m) { /* a bad index ends too */
    const uint32_t *p = t->tidx + 2 * i;
    if (!p[1]) return NULL;
    if (p[0] != tag || p[1] > t->tnent) continue;
    const tt_ent *e = (const tt_ent *)(t->tent + (size_t)(p[1] - 1) * t->tesize);
    if (e->n != n || !td_same_short(e->form, s, n)) continue;
    if ((e->cls >= t->h->nclass && e->cls != 255) || !slot_ok(t, &e->far))
      return NULL;
    return e;
  }
  return NULL;
}

/* Makes in e and vec (V_N vectors of npad) the entry of form s[0..n) (1
 * to TC_FORM bytes) with all its sums, as entry_for and the sums make it;
 * lex is the word's lexical class where the word table lacks the word. */
static void type_make(const struct td_tagger *t, const char *s, size_t n, uint32_t lex,
                      tt_ent *e, int16_t *vec) {
  uint64_t f[TG_NSELF];
  memset(e, 0, sizeof *e);
  memcpy(e->form, s, n);
  e->n = (uint8_t)n;
  td_tg_word_init(&e->w, s, n, NULL);
  long v = word_entry(t, &e->w);
  e->cls = v < 0 ? 255 : (uint8_t)(v & 255);
  e->w.lex = v < 0 ? lex : (uint32_t)v >> 8;
  for (int g = 0; g < V_N; g++) {
    int16_t *sc = vec + (size_t)g * t->npad;
    memset(sc, 0, t->npad * sizeof *sc);
    add_weights(t, f, group_features(&e->w, g, f), sc);
  }
  group_features(&e->w, V_RIGHT2, f);
  const td_tg_slot *sl = find_slot(t, f[0]);
  if (sl) e->far = *sl;
}

/* Entry i of the table. */
static inline const tt_ent *type_ent(const struct td_tagger *t, uint32_t i) {
  return (const tt_ent *)(t->tent + (size_t)i * t->tesize);
}

/* 1 when entry e is what type_make makes of its form and class. */
static int type_same(const struct td_tagger *t, const tt_ent *e) {
  size_t vbytes = V_N * (size_t)t->npad * sizeof(int16_t);
  _Alignas(16) unsigned char buf[TT_HEAD + V_N * (TD_TG_MAXCLASS + 8) * sizeof(int16_t)];
  if (e->n == 0 || e->n > TC_FORM) return 0;
  type_make(t, e->form, e->n, e->w.lex, (tt_ent *)buf, (int16_t *)(buf + TT_HEAD));
  return memcmp(buf, e, sizeof *e) == 0 && memcmp(buf + TT_HEAD, (const unsigned char *)e + TT_HEAD, vbytes) == 0;
}

/* 1 when the lexical classes of a sample of the table's entries are those
 * lemmatizer lem gives (the word table's where it has the word). */
static int types_agree(const struct td_tagger *t, const struct td_lemmatizer *lem) {
  for (uint32_t k = 0; k < TT_SAMPLE; k++) {
    const tt_ent *e = type_ent(t, (uint32_t)((uint64_t)k * t->tnent / TT_SAMPLE));
    long v = word_entry(t, &e->w);
    uint32_t lex = v >= 0 ? (uint32_t)v >> 8 : td_lemma_lexclass(lem, e->form, e->n);
    if (lex != e->w.lex) return 0;
  }
  return 1;
}

/* Points t at the table section data[0..len) when it is one made for t's
 * model and a sample of its entries is what type_make makes; else leaves
 * t without (tagging is the same, only slower). */
static void types_bind(struct td_tagger *t, const void *data, size_t len) {
  const tt_header *h = data;
  size_t esize = TT_HEAD + V_N * (size_t)t->npad * sizeof(int16_t);
  if (!data || len < sizeof *h || memcmp(h->magic, TT_MAGIC, 8) != 0 ||
      memcmp(h->model, t->h, sizeof h->model) != 0 || h->npad != t->npad ||
      h->esize != esize || h->nent == 0 || h->nidx == 0 || (h->nidx & (h->nidx - 1)) ||
      h->nidx > (1u << 26) || h->nent >= h->nidx ||
      sizeof *h + (size_t)h->nidx * 8 + (size_t)h->nent * esize > len)
    return;
  t->tidx = (const uint32_t *)((const unsigned char *)data + sizeof *h);
  t->tent = (const unsigned char *)(t->tidx + 2 * (size_t)h->nidx);
  t->tnidx = h->nidx;
  t->tnent = h->nent;
  t->tesize = esize;
  for (uint32_t k = 0; k < TT_SAMPLE; k++)
    if (!type_same(t, type_ent(t, (uint32_t)((uint64_t)k * h->nent / TT_SAMPLE)))) {
      t->tnidx = 0;
      return;
    }
}

int td_tg_types_check(const td_engine *eng) {
  const struct td_tagger *t = eng ? eng->tagger : NULL;
  if (!t || !t->tnidx) return -1;
  int bad = 0;
  for (uint32_t i = 0; i < t->tnent; i++) {
    const tt_ent *e = type_ent(t, i);
    long v = word_entry(t, &e->w);
    uint32_t lex = v >= 0 ? (uint32_t)v >> 8 : td_lemma_lexclass(eng->lemma, e->form, e->n);
    bad += lex != e->w.lex || !type_same(t, e) ||
           type_find(t, e->form, e->n, form_hash(e->form, e->n)) != e;
  }
  return bad;
}

/* The entry of token i's form for this sentence: the cached one, or a
 * new one (a cache slot, or scratch) with the form's hashes and
 * word-table class, its lex set when the word table has it. */
static tc_entry *entry_for(tg_sent *x, int i) {
  const struct td_tagger *t = x->t;
  tc_cache *c = x->c;
  const char *s = x->form[i];
  size_t n = x->len[i];
  uint64_t h = x->hash[i];
  tc_entry *e = NULL;
  if (n <= TC_FORM) {
    tc_set *st = tc_set_of(c, h);
    uint32_t tag = tc_tag(h);
    for (unsigned b = tc_match(st, tag); b; b &= b - 1) {
      int w = __builtin_ctz(b);
      tc_entry *m = tc_way(c, h, w);
      if (m->n == n && td_same_short(m->form, s, n)) {
        st->used[w] = (uint16_t)c->stamp;
        return m;
      }
    }
    int victim = -1;
    for (int w = 0; w < TC_WAYS; w++) {
      /* Held by a word of this sentence (or, once the stamp has wrapped,
       * seemingly so: that costs a scratch entry, nothing else). */
      if (st->tag[w] && st->used[w] == (uint16_t)c->stamp) continue;
      if (victim < 0 || !st->tag[w] ||
          (st->tag[victim] && (uint16_t)(c->stamp - st->used[w]) >
                                  (uint16_t)(c->stamp - st->used[victim])))
        victim = w;
    }
    if (victim >= 0) {
      st->tag[victim] = tag;
      st->used[victim] = (uint16_t)c->stamp;
      e = tc_way(c, h, victim);
    }
  }
  if (e) {
    e->n = (uint8_t)n;
    memcpy(e->form, s, n);
  } else {
    if (!x->scratch) x->scratch = td_arena_alloc_raw(x->arena, x->maxn * c->esize);
    e = (tc_entry *)(x->scratch + (size_t)x->nscratch++ * c->esize);
  }
  const tt_ent *te = x->types ? type_find(t, s, n, h) : NULL;
  if (te) { /* made at make time: copied, every sum with it */
    e->cls = te->cls;
    e->have = TC_LEX | 2 << V_SELF | 2 << V_LEFT | 2 << V_RIGHT | 2 << V_RIGHT2;
    e->far = te->far;
    e->low = te->w.low;
    e->flags = te->w.flags;
    e->lex = te->w.lex;
    memcpy(tc_vec(e, 0, c->npad), (const unsigned char *)te + TT_HEAD,
           V_N * (size_t)c->npad * sizeof(int16_t));
    return e;
  }
  td_tg_word *w = &x->w[i]; /* kept for the sentence's sums (want_vec) */
  td_tg_word_init(w, s, n, NULL);
  x->wset[i] = 1;
  e->low = w->low;
  e->flags = w->flags;
  long v = word_entry(t, w);
  e->cls = v < 0 ? 255 : (uint8_t)(v & 255);
  e->lex = v < 0 ? 0 : (uint32_t)v >> 8;
  e->have = v < 0 ? 0 : TC_LEX;
  return e;
}

/* Queues the sum of group v (V_*) of token i's word
 * when its entry lacks it: the features' hashes go to the build list and
 * their slots are fetched. Self and right features read the word's
 * lexical class: a word the word table lacks gets it from the lemmatizer
 * here, so only words next to a scored one are looked up. */
static void want_vec(tg_sent *x, int i, int v) {
  tc_entry *e = x->e[i];
  if (e->have & (2 << v)) return;
  if ((v == V_SELF || v == V_RIGHT) && !(e->have & TC_LEX)) {
    e->lex = td_lemma_lexclass(x->lem, x->form[i], x->len[i]);
    e->have |= TC_LEX;
  }
  td_tg_word *w = &x->w[i]; /* as entry_for made it, and the class */
  if (!x->wset[i]) td_tg_word_init(w, x->form[i], x->len[i], NULL);
  x->wset[i] = 1;
  w->lex = e->lex;
  tc_cache *c = x->c;
  TD_GROW(c->build, c->buildcap, c->nbuild + 1);
  tc_build *b = &c->build[c->nbuild++];
  b->vec = v < V_N ? tc_vec(e, v, c->npad) : NULL;
  b->far = v < V_N ? NULL : &e->far;
  b->nf = group_features(w, v, b->f);
  for (int k = 0; k < b->nf; k++) prefetch_slot(x->t, b->f[k]);
  e->have |= (uint8_t)(2 << v);
}

/* Makes the sums the scored words of sentence x need and their entries
 * lack, all together, in three sweeps that tag_sentence interleaves with
 * its own: the features' hashes (fetching their slots), their slots
 * (fetching the weights), then the sums. */
static void want_vecs(tg_sent *x, int n) {
  for (int j = 0; j < x->nscored; j++) {
    int i = x->scored[j];
    if (!(x->e[i]->have & (2 << V_SELF))) want_vec(x, i, V_SELF);
    if (i > 0 && !(x->e[i - 1]->have & (2 << V_LEFT))) want_vec(x, i - 1, V_LEFT);
    if (i + 1 < n && !(x->e[i + 1]->have & (2 << V_RIGHT))) want_vec(x, i + 1, V_RIGHT);
    if (i + 2 < n && !(x->e[i + 2]->have & (2 << V_RIGHT2))) want_vec(x, i + 2, V_RIGHT2);
  }
}

static void find_vecs(tg_sent *x) {
  tc_cache *c = x->c;
  for (size_t j = 0; j < c->nbuild; j++) {
    tc_build *b = &c->build[j];
    for (int k = 0; k < b->nf; k++) {
      b->slot[k] = find_slot(x->t, b->f[k]);
      prefetch_weights(x->t, b->slot[k]);
    }
  }
}

static void make_vecs(tg_sent *x) {
  tc_cache *c = x->c;
  for (size_t j = 0; j < c->nbuild; j++) {
    tc_build *b = &c->build[j];
    if (b->far) { /* one feature: its slot */
      if (b->slot[0]) *b->far = *b->slot[0];
      else memset(b->far, 0, sizeof *b->far);
      continue;
    }
    /* The dense rows added four at a time, then the others. */
    const int16_t *row[TG_NSELF + 3];
    int nr = 0;
    for (int k = 0; k < b->nf; k++)
      if (b->slot[k] && b->slot[k]->cls[0] == TD_TG_EXT && b->slot[k]->cls[1] == TD_TG_DENSE) {
        row[nr++] = x->t->ext + ext_first(b->slot[k]);
        b->slot[k] = NULL;
      }
    while (nr % 4) row[nr++] = x->t->zero;
    if (!nr) memset(b->vec, 0, c->npad * sizeof *b->vec);
    for (int r = 0; r < nr; r += 4)
      add4(b->vec, r == 0, row[r], row[r + 1], row[r + 2], row[r + 3], c->npad);
    for (int k = 0; k < b->nf; k++) add_slot(x->t, b->slot[k], b->vec);
  }
}

/* Stand-in sum k (ST_*) of tagger t. */
static inline const int16_t *stand(const struct td_tagger *t, int k) {
  return t->stand + (size_t)k * t->npad;
}

/* The dense row of weights of the cached slot *e, with *e set to NULL;
 * else a row of zeros, and *e is left to add (NULL when empty). */
static inline const int16_t *far_row(const struct td_tagger *t, const td_tg_slot **e) {
  const td_tg_slot *s = *e;
  if (s->cls[0] == TD_TG_EXT && s->cls[1] == TD_TG_DENSE) {
    *e = NULL;
    return t->ext + ext_first(s);
  }
  if (!s->key) *e = NULL;
  return t->zero;
}

/* The summed weights of the tags features of previous classes p1, p2. */
static inline const int16_t *tag_row(const struct td_tagger *t, int p1, int p2) {
  return t->tagrow + ((size_t)p1 * (t->h->nclass + 1) + (size_t)p2) * t->npad;
}

/* Starts reading the npad scores at v. */
static inline void prefetch_vec(const int16_t *v, uint32_t npad) {
  if (npad == 72) { /* the committed model: unrolled (as first_max) */
    __builtin_prefetch(v), __builtin_prefetch(v + 32), __builtin_prefetch(v + 64);
    __builtin_prefetch(v + 71);
    return;
  }
  for (uint32_t c = 0; c < npad; c += 32) __builtin_prefetch(v + c);
  __builtin_prefetch(v + npad - 1);
}

/* v when c, else z (the tagger's row of zeros, in cache): an address to
 * fetch without a branch on c. */
static inline const int16_t *vec_if(int c, const int16_t *v, const int16_t *z) {
  uintptr_t m = (uintptr_t)0 - (uintptr_t)c;
  return (const int16_t *)(((uintptr_t)v & m) | ((uintptr_t)z & ~m));
}

/* Starts reading the cached sums token i's entry (just found) completes:
 * its self sum when it is scored, and the sums of its neighbour before,
 * its left sum when i is scored, its own right sum when the word before
 * is. (Fetched after all the sentence's entries, they were waited for in
 * the sums for ~11% of td_tag's perf samples.) */
static inline void fetch_sums(tg_sent *x, int i) {
  uint32_t npad = x->t->npad;
  const int16_t *z = x->t->zero;
  tc_entry *e = x->e[i];
  int sc = e->cls == 255;
  prefetch_vec(vec_if(sc, tc_vec(e, V_SELF, npad), z), npad);
  if (i > 0) {
    tc_entry *p = x->e[i - 1];
    prefetch_vec(vec_if(sc, tc_vec(p, V_LEFT, npad), z), npad);
    prefetch_vec(vec_if(p->cls == 255, tc_vec(e, V_RIGHT, npad), z), npad);
  }
}

/* The near features of token i, whose next word's low hash is lp1 (or
 * the stand-in's): hashed, and their presence words fetched, as soon as
 * the entry after i is known (td_tag), every token's (a test of the
 * class, which the processor cannot predict, would cost more than the
 * hashes); prefetch_features reads the words. */
static inline void near_fetch(tg_sent *x, int i, uint64_t lp1) {
  uint64_t *f = x->feat + TG_NNEAR * i;
  near_pairs(i > 0 ? x->low[i - 1] : none.low, x->low[i], lp1, f);
  for (int k = 0; k < TG_NNEAR; k++)
    __builtin_prefetch(&x->t->present[(((uint32_t)(f[k] >> 32) | 1) >> PRESENT_SHIFT) >> 6]);
}

/* The near features of every scored token: fetching their slots
 * (listing those the presence bits pass), then the slots found (fetching
 * their weights); find_features looks up the features prefetch_features
 * listed. Each sweep starts all its memory reads before the next needs
 * them. */
static void prefetch_features(tg_sent *x) {
  const struct td_tagger *t = x->t;
  x->npresent = 0;
  for (int j = 0; j < x->nscored; j++) {
    int i = x->scored[j];
    for (int k = 0; k < TG_NNEAR; k++) {
      /* Without a branch on the presence bit (it passes one feature in
       * three, at random): an absent one fetches its presence word
       * again, and is left out of the list find_features goes through. */
      uint64_t h = x->feat[TG_NNEAR * i + k];
      uint32_t key = (uint32_t)(h >> 32) | 1, b = key >> PRESENT_SHIFT;
      uintptr_t in = (uintptr_t)0 - (uintptr_t)maybe_present(t, key);
      uintptr_t at = ((uintptr_t)&t->slots[slot_of(h, t->h->nslot)] & in) |
                     ((uintptr_t)&t->present[b >> 6] & ~in);
      __builtin_prefetch((const void *)at);
      x->slot[TG_NNEAR * i + k] = NULL;
      x->present[x->npresent] = TG_NNEAR * i + k;
      x->npresent += (int)(in & 1);
    }
  }
}

static void find_features(tg_sent *x) {
  const struct td_tagger *t = x->t;
  for (int j = 0; j < x->npresent; j++) {
    int f = x->present[j];
    const td_tg_slot *e = probe_slot(t, x->feat[f]);
    prefetch_weights(t, e);
    x->slot[f] = e;
  }
}

/* Adds the slots find_features found to their tokens' scores (x->base):
 * one pass over the list, not a test per feature and token. */
static void add_present(tg_sent *x) {
  const struct td_tagger *t = x->t;
  for (int j = 0; j < x->npresent; j++) {
    int f = x->present[j];
    add_slot(t, x->slot[f], x->base + (size_t)(f / TG_NNEAR) * t->npad);
  }
}

/* Tags the n tokens of the sentence x: a word-table word takes its class,
 * the others are scored greedily left to right. A scored word's features
 * that do not read the predicted classes are summed first, for all words
 * of the sentence at once, so that no word waits for memory behind the
 * one before: the cached sums of the word's self features, of the left
 * features of the word before and of the right features of the word
 * after, and the near features looked up; the greedy pass then adds the
 * tags row of the classes it chose. (A guessing pass, the argmax of each
 * word's scores before the tags to fetch the rows ahead, paid when the
 * table was 2.2 MB; at 666 KB it cost 16 M instructions, 1.9%, on 278
 * BBC articles, and without it the tag stage took no more CPU on BBC:
 * 0.230 against 0.232 s, mean of 15 alternating runs. The row read now
 * waits longer (12% of td_tag's perf samples on it against 4%),
 * about what the pass cost. A guess kept per word type, the
 * argmax of its self sum, took that wait back but no time either.)
 * Writes the classes to cls. */
static void tag_sentence(tg_sent *x, int n, uint8_t *cls) {
  const struct td_tagger *t = x->t;
  uint32_t npad = t->npad;
  int nc = (int)t->h->nclass;
  if (n == 0) return;
  /* The scored tokens listed once: the sweeps below go through the list
   * instead of testing every token's class again (a branch the processor
   * cannot predict: 37% of BBC's tokens take the word table's class). */
  x->nscored = 0;
  for (int i = 0; i < n; i++) {
    x->scored[x->nscored] = i;
    x->nscored += x->e[i]->cls == 255;
  }
  want_vecs(x, n);
  prefetch_features(x);
  /* A scored first word trades its self feature f1(11, flags) for the
   * start feature. */
  uint64_t hs[2] = {0, 0};
  const td_tg_slot *ss[2] = {NULL, NULL};
  if (x->e[0]->cls == 255) {
    hs[0] = f1(11, x->e[0]->flags);
    hs[1] = start_feature(x->e[0]->flags);
    prefetch_slot(t, hs[0]);
    prefetch_slot(t, hs[1]);
  }
  find_vecs(x);
  find_features(x);
  if (x->e[0]->cls == 255)
    for (int k = 0; k < 2; k++) prefetch_weights(t, ss[k] = find_slot(t, hs[k]));
  make_vecs(x);
  for (int j = 0; j < x->nscored; j++) {
    int i = x->scored[j];
    if (i + 2 < n) prefetch_weights(t, &x->e[i + 2]->far);
  }
  for (int j = 0; j < x->nscored; j++) {
    int i = x->scored[j];
    int16_t *sc = x->base + (size_t)i * npad;
    const td_tg_slot *r2 = i + 2 < n ? &x->e[i + 2]->far : NULL;
    /* the cached sums of the word and its neighbours, in one pass */
    add4(sc, 1, tc_vec(x->e[i], V_SELF, npad),
         i > 0 ? tc_vec(x->e[i - 1], V_LEFT, npad) : stand(t, ST_LEFT),
         i + 1 < n ? tc_vec(x->e[i + 1], V_RIGHT, npad) : stand(t, ST_RIGHT),
         r2 ? far_row(t, &r2) : stand(t, i + 1 < n ? ST_RIGHT2 : ST_RIGHT2B), npad);
    if (r2) add_slot(t, r2, sc);
    if (i == 0) { /* the start feature takes the place of f1(11, flags) */
      sub_slot(t, ss[0], sc);
      add_slot(t, ss[1], sc);
    }
  }
  add_present(x); /* the near features */
  int p1 = nc, p2 = nc;
  for (int i = 0; i < n; i++) {
    int best = x->e[i]->cls;
    if (best == 255)
      best = add_argmax(x->base + (size_t)i * npad, tag_row(t, p1, p2), nc);
    cls[i] = (uint8_t)best;
    p2 = p1;
    p1 = best;
  }
}

/* ---- the second pass over verb forms ---- */

static int cls_xpos(const struct td_tagger *t, int c) {
  uint16_t x;
  memcpy(&x, t->cls_tab + 4 * c, 2);
  return x;
}

/* t->rt_alt and t->rt_yes from the model's classes (see td_tagger). */
static void rt_classes(struct td_tagger *t) {
  int nc = (int)t->h->nclass;
  for (int c = 0; c < nc; c++) t->rt_xpos[c] = (uint16_t)cls_xpos(t, c);
  for (int c = 0; c < nc; c++) {
    int x = cls_xpos(t, c), p = td_rt_pair(x), other = -1;
    t->rt_alt[c] = t->rt_yes[c] = -1;
    t->rt_gate[c] = (float)td_rt_gate(x);
    t->rt_min[c] = (float)td_rt_min(x);
    if (!p) continue;
    for (int d = 0; d < nc; d++)
      if (d != c && td_rt_alt_ok(x, t->cls_tab[4 * c + 2], cls_xpos(t, d), t->cls_tab[4 * d + 2]))
        other = d;
    if (other < 0) continue;
    t->rt_alt[c] = (int16_t)other;
    t->rt_yes[c] = (int16_t)(td_rt_first(x) ? c : other);
  }
}

/* The second pass's weight of feature hash h (0 when it has none). */
static float rt_weight(const struct td_tagger *t, uint64_t h) {
  uint32_t n = t->nrt, key = (uint32_t)(h >> 32) | 1, s = slot_of(h, n);
  for (;;) {
    uint32_t k = t->rt[2 * s];
    if (k == key) {
      float w;
      memcpy(&w, &t->rt[2 * s + 1], 4);
      return w;
    }
    if (k == 0) return 0;
    if (++s == n) s = 0;
  }
}

/* The first-pass margin of a token of class c with class scores sc:
 * the score of its pair's first form less that of its second, in the
 * model's units (train_tagger.c's float scores). */
static double rt_margin(const struct td_tagger *t, int c, const int16_t *sc) {
  int yes = t->rt_yes[c], no = yes == c ? t->rt_alt[c] : c;
  return (double)((int)sc[yes] - (int)sc[no]) / (double)t->h->scale;
}

/* Re-decides the tokens of a sentence of n whose first-pass classes cls
 * are VBD or VBN and whose margin[i] is below TD_RT_GATE (NAN: not
 * scored), with low[i] the hash of token i's lowercase form; rt has room
 * for n. Reads the first pass's tags only, so the order of the tokens
 * re-decided does not matter. */
static void second_pass(const struct td_tagger *t, const uint64_t *low, const double *margin,
                        int n, uint8_t *cls, td_rt_tok *rt) {
  if (!t->nrt) return;
  for (int i = 0; i < n; i++) {
    rt[i].low = low[i];
    rt[i].xpos = t->rt_xpos[cls[i]];
    rt[i].upos = t->cls_tab[4 * cls[i] + 2];
  }
  uint64_t f[TD_RT_MAXFEAT];
  for (int i = 0; i < n; i++) {
    int c = cls[i];
    if (t->rt_alt[c] < 0 || !(fabs(margin[i]) < t->rt_gate[c])) continue;
    if (td_rt_keeps(rt, i)) continue;
    if (td_rt_noun(rt, n, i) || td_rt_apposition(rt, n, i)) {
      cls[i] = (uint8_t)t->rt_alt[c];
      continue;
    }
    if (!td_rt_scores(rt[i].xpos)) continue;
    int nf = td_rt_features(rt, n, i, margin[i], f);
    for (int k = 0; k < nf; k++) /* the slots first: the table waits on memory */
      __builtin_prefetch(&t->rt[2 * (size_t)slot_of(f[k], t->nrt)]);
    double sc = 0;
    for (int k = 0; k < nf; k++) sc += rt_weight(t, f[k]);
    int yes = t->rt_yes[c] == c;
    if (yes ? sc < -t->rt_min[c] : sc > t->rt_min[c]) cls[i] = (uint8_t)t->rt_alt[c];
  }
}

/* Tags doc the plain way: every feature of td_tg_features looked up one
 * by one for each scored token, no cache, no tables, no guesses ahead.
 * The reference td_tag must agree with exactly (test_tagger.c). */
int td_tg_tag_reference(const td_engine *eng, td_doc *doc) {
  const struct td_tagger *t = eng ? eng->tagger : NULL;
  if (!t) return 0;
  int nc = (int)t->h->nclass;
  uint64_t f[TD_TG_MAXFEAT];
  _Alignas(16) int16_t sc[TD_TG_MAXCLASS + 8];
  for (size_t s = 0; s < doc->nsents; s++) {
    const td_sent *se = &doc->sents[s];
    if ((size_t)se->tok0 + se->ntok > doc->ntoks) continue;
    td_tok *tk = doc->toks + se->tok0;
    int n = (int)se->ntok;
    td_tg_word *w = td_xcalloc((size_t)n + 1, sizeof *w);
    uint8_t *dc = td_xcalloc((size_t)n + 1, 1);
    for (int i = 0; i < n; i++) {
      uint32_t a = tk[i].start, b = tk[i].end;
      if (b > doc->len || a > b) a = b = 0;
      td_tg_word_init(&w[i], doc->text + a, b - a, NULL);
      long v = word_entry(t, &w[i]);
      w[i].lex = v >= 0 ? (uint32_t)v >> 8 : td_lemma_lexclass(eng->lemma, doc->text + a, b - a);
      dc[i] = v >= 0 ? (uint8_t)(v & 255) : TD_TG_NODICT;
    }
    uint8_t *cls = td_xcalloc((size_t)n + 1, 1);
    uint64_t *low = td_xcalloc((size_t)n + 1, sizeof *low);
    double *margin = td_xcalloc((size_t)n + 1, sizeof *margin);
    td_rt_tok *rt = td_xcalloc((size_t)n + 1, sizeof *rt);
    int p1 = nc, p2 = nc;
    for (int i = 0; i < n; i++) {
      int best = dc[i];
      margin[i] = NAN;
      if (best == TD_TG_NODICT) {
        memset(sc, 0, sizeof sc);
        int nf = td_tg_features(w, n, i, p1, p2, f);
        for (int k = 0; k < nf; k++) add_slot(t, find_slot(t, f[k]), sc);
        best = argmax(sc, nc);
        if (t->rt_alt[best] >= 0 && td_rt_lex_ok(t->rt_xpos[best], w[i].lex))
          margin[i] = rt_margin(t, best, sc);
      }
      cls[i] = (uint8_t)best;
      low[i] = w[i].low;
      p2 = p1;
      p1 = best;
    }
    second_pass(t, low, margin, n, cls, rt);
    for (int i = 0; i < n; i++) {
      const uint8_t *e = t->cls_tab + 4 * cls[i];
      tk[i].xpos = (uint16_t)(e[0] | e[1] << 8);
      tk[i].upos = e[2];
    }
    free(w);
    free(dc);
    free(cls);
    free(low);
    free(margin);
    free(rt);
  }
  return 0;
}

/* 1 when the inline slot e has classes below nclass and weights within
 * TD_TG_WMAX. (bind checks every slot of the model at load: 131,068 of
 * them, one compare of 16 bytes each with SSE2, not eight tests.) */
static inline int inline_slot_ok(const td_tg_slot *e, uint32_t nclass) {
#ifdef __SSE2__
  _Static_assert(sizeof *e == 16 && offsetof(td_tg_slot, cls) == 4 && offsetof(td_tg_slot, w) == 8,
                 "a slot is key, 4 classes, 4 weights");
  __m128i v = _mm_loadu_si128((const __m128i *)e);
  /* bytes 4..7: a class above nclass - 1 leaves a nonzero saturated
   * difference; lanes 4..7 (16 bits): a weight out of range */
  __m128i cls_hi = _mm_subs_epu8(v, _mm_set1_epi8((char)(uint8_t)(nclass - 1)));
  __m128i w_out = _mm_or_si128(_mm_cmpgt_epi16(v, _mm_set1_epi16(TD_TG_WMAX)),
                               _mm_cmplt_epi16(v, _mm_set1_epi16(-TD_TG_WMAX)));
  unsigned zero = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(cls_hi, _mm_setzero_si128()));
  unsigned out = (unsigned)_mm_movemask_epi8(w_out);
  return (zero & 0xF0u) == 0xF0u && (out & 0xFF00u) == 0;
#else
  int bad = 0;
  for (int j = 0; j < 4; j++)
    bad |= e->cls[j] >= nclass || e->w[j] > TD_TG_WMAX || e->w[j] < -TD_TG_WMAX;
  return !bad;
#endif
}

/* 1 when every one of w[0..n) is within TD_TG_WMAX (eight at a time). */
static int weights_ok(const int16_t *w, uint32_t n) {
  uint32_t i = 0;
#ifdef __SSE2__
  __m128i lo = _mm_setzero_si128(), hi = _mm_setzero_si128();
  for (; i + 8 <= n; i += 8) {
    __m128i v = _mm_loadu_si128((const __m128i *)(w + i));
    lo = _mm_min_epi16(lo, v);
    hi = _mm_max_epi16(hi, v);
  }
  __m128i out = _mm_or_si128(_mm_cmpgt_epi16(hi, _mm_set1_epi16(TD_TG_WMAX)),
                             _mm_cmplt_epi16(lo, _mm_set1_epi16(-TD_TG_WMAX)));
  if (_mm_movemask_epi8(out)) return 0;
#endif
  for (; i < n; i++)
    if (w[i] > TD_TG_WMAX || w[i] < -TD_TG_WMAX) return 0;
  return 1;
}

/* 1 when the outside weights of slot e (cls[0] TD_TG_EXT) lie within the
 * model's and, a list of pairs, name classes it has. */
static int outside_slot_ok(const struct td_tagger *t, const td_tg_slot *e, uint32_t npad) {
  uint32_t cnt = e->cls[1];
  uint64_t first = ext_first(e);
  uint64_t n = cnt == TD_TG_DENSE ? npad : 2 * (uint64_t)cnt;
  if (first + n > t->h->nent) return 0;
  for (uint32_t j = 0; cnt != TD_TG_DENSE && j < cnt; j++)
    if ((uint16_t)t->ext[first + 2 * j] >= t->h->nclass) return 0;
  return 1;
}

/* Checks a model image of len bytes and points t into it: after this,
 * every class and outside index it holds is in range. Sets in t->present
 * (zeroed, PRESENT_WORDS) the presence bits of the model's keys, in the
 * same pass. 0 or -1. */
static int bind(struct td_tagger *t, const void *data, size_t len, char *err, size_t errlen) {
  uint64_t *present = t->present;
  const td_tg_header *h = data;
  if (!data || len < sizeof *h || memcmp(h->magic, "TDTAG002", 8) != 0) {
    snprintf(err, errlen, "tagger model missing or not a tidings tagger model (TDTAG002)");
    return -1;
  }
  if (h->version != TD_TG_VERSION) {
    snprintf(err, errlen, "tagger model: version %u, this tagger reads %d; retrain it",
             h->version, TD_TG_VERSION);
    return -1;
  }
  size_t ctab = ((size_t)h->nclass * 4 + 15) & ~(size_t)15;
  size_t wsz = ((size_t)h->nent * 2 + 15) & ~(size_t)15;
  if (h->nclass == 0 || h->nclass > TD_TG_MAXCLASS || h->nslot == 0 ||
      h->nslot > (1u << 28) || h->ndict > (1u << 28) || h->reserved[0] > (1u << 28) ||
      sizeof *h + ctab + (size_t)h->nslot * sizeof(td_tg_slot) + wsz +
              (size_t)h->ndict * 8 + (size_t)h->reserved[0] * 8 > len) {
    snprintf(err, errlen, "tagger model is truncated or corrupt");
    return -1;
  }
  const uint8_t *p = (const uint8_t *)data + sizeof *h;
  t->h = h;
  t->cls_tab = p;
  t->slots = (const td_tg_slot *)(p + ctab);
  t->ext = (const int16_t *)(p + ctab + (size_t)h->nslot * sizeof(td_tg_slot));
  t->dict = (const uint32_t *)((const uint8_t *)t->ext + wsz);
  t->rt = t->dict + 2 * (size_t)h->ndict;
  t->nrt = h->reserved[0];
  int bad = 0; /* (no branch on a word's slot: see the slots below) */
  for (uint32_t i = 0; i < h->ndict; i++) {
    uint32_t c = t->dict[2 * i + 1] & 255;
    bad |= (t->dict[2 * i] != 0) & (c >= h->nclass) & (c != TD_TG_NODICT);
  }
  if (bad) {
    snprintf(err, errlen, "tagger model has a bad dictionary entry");
    return -1;
  }
  /* The outside weights first, in order: the slots' checks below then
   * find them in the cache (perf, issue 11: read first at random, they
   * waited on memory for half of bind's time). */
  if (!weights_ok(t->ext, h->nent)) { /* class ids are small too */
    snprintf(err, errlen, "tagger model has a weight out of range");
    return -1;
  }
  /* One pass over the slots without a branch on what each holds (perf,
   * issue 11: half the slots are empty and a third of the others keep
   * their weights outside, in no order a branch predicts; the loop that
   * branched, and another for the presence bits, took 1.4 ms of every
   * start): inline slots are checked as they come, the outside ones
   * listed and checked after each block. */
  enum { BLOCK = 4096 };
  uint32_t out_at[BLOCK];
  uint32_t npad = (h->nclass + 7) & ~7u;
  for (uint32_t b0 = 0; b0 < h->nslot; b0 += BLOCK) {
    uint32_t b1 = h->nslot - b0 < BLOCK ? h->nslot : b0 + BLOCK, nout = 0;
    for (uint32_t i = b0; i < b1; i++) {
      const td_tg_slot *e = &t->slots[i];
      int used = e->key != 0, out = e->cls[0] == TD_TG_EXT;
      bad |= used & !out & !inline_slot_ok(e, h->nclass);
      out_at[nout] = i;
      nout += (uint32_t)(used & out);
      uint32_t pb = e->key >> PRESENT_SHIFT;
      present[pb >> 6] |= (uint64_t)used << (pb & 63);
    }
    for (uint32_t k = 0; k < nout; k++)
      bad |= !outside_slot_ok(t, &t->slots[out_at[k]], npad);
  }
  if (bad) {
    snprintf(err, errlen, "tagger model has a bad slot");
    return -1;
  }
  for (uint32_t c = 0; c < h->nclass; c++) {
    uint16_t x;
    memcpy(&x, t->cls_tab + 4 * c, 2);
    if (x >= td_xpos_count || t->cls_tab[4 * c + 2] >= TD_UPOS_COUNT) {
      snprintf(err, errlen, "tagger model has an unknown tag");
      return -1;
    }
  }
  rt_classes(t);
  return 0;
}

/* ---- API ---- */

/* The tags rows (t->tagrow) of model t, made: f1(18, p1) and f1(19, p2)
 * summed once per class (tag1, tag2), then with f2(20, p1, p2) for every
 * pair. Released with free(). */
/* n bytes, on huge pages where the system gives them: the tags rows
 * (made when the image has none) are read at random. Not zeroed: they are
 * all written before they are read. Released with free(). */
static void *rows_alloc(size_t n) {
  void *p = td_huge_alloc_raw(n);
  return p ? p : td_xmalloc(n);
}

static int16_t *make_rows(const struct td_tagger *t) {
  uint64_t f[TD_TG_MAXFEAT];
  uint32_t nt = t->h->nclass + 1; /* previous classes, "none" last */
  size_t np = t->npad;
  int16_t *tag1 = td_xcalloc((size_t)nt * np, sizeof *tag1);
  int16_t *tag2 = td_xcalloc((size_t)nt * np, sizeof *tag2);
  int16_t *rows = rows_alloc((size_t)nt * nt * np * sizeof *rows); /* read at random */
  for (uint32_t p = 0; p < nt; p++) {
    tags_features((int)p, 0, f);
    add_weights(t, f, 1, tag1 + p * np);
    tags_features(0, (int)p, f);
    add_weights(t, f + 1, 1, tag2 + p * np);
  }
  for (uint32_t p1 = 0; p1 < nt; p1++)
    for (uint32_t p2 = 0; p2 < nt; p2++) {
      int16_t *row = rows + ((size_t)p1 * nt + p2) * np;
      tags_features((int)p1, (int)p2, f);
      add4(row, 1, tag1 + p1 * np, tag2 + p2 * np, t->zero, t->zero, t->npad);
      add_slot(t, find_slot(t, f[2]), row);
    }
  free(tag1);
  free(tag2);
  return rows;
}

/* ---- the tags rows made at make time ----
 * tagger_new's table of the "tags" features' sums (t->tagrow) took 0.5 ms
 * of every start to make (perf, issue 11): td_tagger_build_res makes it
 * at make time into section "tagger.rows", read in place, shared by every
 * process. Its layout: tr_header, then nt x nt rows of npad int16 (nt =
 * nclass + 1). A row is only ever added to scores, so no content of it can
 * make a read go out of bounds; a table made for another model (the
 * header keeps a copy of the model's) or whose sample of rows differs
 * from the model's sums is not used, and tagger_new makes the rows. */
#define TR_MAGIC "TDTGR001"
#define TR_SECTION "tagger.rows"
#define TR_SAMPLE 64
typedef struct tr_header {
  char magic[8];
  uint32_t nt, npad;
  unsigned char model[32]; /* the model's td_tg_header, its first 32 bytes */
  uint32_t reserved[4];
} tr_header;
_Static_assert(sizeof(tr_header) % 16 == 0, "rows start aligned");

/* The rows of section rows[0..rlen) when it is one made for t's model
 * and a sample of them is what the model's weights sum to, else NULL. */
static const int16_t *rows_bind(const struct td_tagger *t, const void *rows, size_t rlen) {
  const tr_header *h = rows;
  uint32_t nt = t->h->nclass + 1;
  size_t n = (size_t)nt * nt;
  if (!rows || rlen < sizeof *h || memcmp(h->magic, TR_MAGIC, 8) != 0 || h->nt != nt ||
      h->npad != t->npad || memcmp(h->model, t->h, sizeof h->model) != 0 ||
      rlen - sizeof *h < n * t->npad * sizeof(int16_t) || ((uintptr_t)(h + 1) & 15))
    return NULL;
  const int16_t *r = (const int16_t *)(h + 1);
  _Alignas(16) int16_t sc[TD_TG_MAXCLASS + 8];
  uint64_t f[TD_TG_MAXFEAT];
  for (uint32_t k = 0; k < TR_SAMPLE; k++) {
    size_t i = (size_t)k * n / TR_SAMPLE;
    memset(sc, 0, t->npad * sizeof *sc);
    add_weights(t, f, tags_features((int)(i / nt), (int)(i % nt), f), sc);
    if (memcmp(sc, r + i * t->npad, t->npad * sizeof *sc) != 0) return NULL;
  }
  return r;
}

int td_tg_rows_check(const struct td_tagger *t) {
  if (!t || !t->tagrow || t->own_rows) return -1;
  int16_t *made = make_rows(t);
  uint32_t nt = t->h->nclass + 1;
  int bad = 0;
  for (size_t i = 0; i < (size_t)nt * nt; i++)
    bad += memcmp(made + i * t->npad, t->tagrow + i * t->npad, t->npad * sizeof *made) != 0;
  free(made);
  return bad;
}

/* A tagger over the model image data[0..len), with the tags rows of
 * section rows[0..rlen) where they are the model's (may be NULL), or
 * NULL with err. */
static struct td_tagger *tagger_new(const void *data, size_t len, const void *rows,
                                    size_t rlen, char *err, size_t errlen) {
  struct td_tagger *t = td_xcalloc(1, sizeof *t);
  t->present = td_xcalloc(PRESENT_WORDS, sizeof *t->present);
  if (bind(t, data, len, err, errlen) != 0) {
    td_tagger_free(t);
    return NULL;
  }
  static uint64_t serials;
  t->serial = __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED);
  t->npad = (t->h->nclass + 7) & ~7u;
  t->zero = td_xcalloc(t->npad, sizeof *t->zero);
  if (!(t->tagrow = rows_bind(t, rows, rlen))) t->tagrow = t->own_rows = make_rows(t);
  /* The stand-ins before and after a sentence are the same for every
   * sentence: their left and right sums are made once. */
  uint64_t f[TD_TG_MAXFEAT];
  int16_t *v = t->stand = td_xcalloc(ST_N * (size_t)t->npad, sizeof *t->stand);
  add_weights(t, f, left_features(&none, f), v + ST_LEFT * t->npad);
  add_weights(t, f, right_features(&none, f), v + ST_RIGHT * t->npad);
  add_weights(t, f, right2_features(&none, f), v + ST_RIGHT2 * t->npad);
  add_weights(t, f, right2_features(&none2, f), v + ST_RIGHT2B * t->npad);
  return t;
}

struct td_tagger *td_tagger_load(const td_res *res, char *err, size_t errlen) {
  size_t len = 0, tlen = 0;
  const void *data = res ? td_res_get(res, "tagger", &len) : NULL;
  size_t rlen = 0;
  const void *rows = res ? td_res_get(res, TR_SECTION, &rlen) : NULL;
  struct td_tagger *t = tagger_new(data, len, rows, rlen, err, errlen);
  const void *types = t ? td_res_get(res, TT_SECTION, &tlen) : NULL;
  if (t) types_bind(t, types, tlen);
  return t;
}

void td_tagger_free(struct td_tagger *t) {
  if (!t) return;
  free(t->stand);
  free(t->present);
  free(t->own_rows);
  free(t->zero);
  free(t);
}

/* The forms of a sentence's tokens, their lengths and form_hash. */
typedef struct tg_forms {
  const char **form;
  size_t *len;
  uint64_t *hash;
} tg_forms;

/* The first sentence of doc from s on whose tokens are in range, or
 * doc->nsents. */
static size_t next_sent(const td_doc *doc, size_t s) {
  while (s < doc->nsents && (size_t)doc->sents[s].tok0 + doc->sents[s].ntok > doc->ntoks) s++;
  return s;
}

/* Reads the forms of sentence s of doc into fm and starts fetching their
 * cache sets. */
static void load_forms(tc_cache *c, const td_doc *doc, size_t s, tg_forms *fm) {
  const td_tok *tk = doc->toks + doc->sents[s].tok0;
  for (uint32_t i = 0; i < doc->sents[s].ntok; i++) {
    uint32_t a = tk[i].start, b = tk[i].end;
    if (b > doc->len || a > b) a = b = 0; /* a bad span reads as empty */
    fm->form[i] = doc->text + a;
    fm->len[i] = b - a;
    fm->hash[i] = form_hash(fm->form[i], fm->len[i]);
    __builtin_prefetch(tc_set_of(c, fm->hash[i]));
  }
}

/* Tags every sentence of doc; without a model (no "tagger" section) tags
 * stay 0 and the stage still succeeds. */
int td_tag(const td_engine *eng, td_doc *doc) {
  const struct td_tagger *t = eng ? eng->tagger : NULL;
  if (!t || doc->ntoks == 0) return 0;
  size_t maxn = 0;
  for (size_t s = 0; s < doc->nsents; s++)
    if (doc->sents[s].ntok > maxn) maxn = doc->sents[s].ntok;
  tg_sent x;
  memset(&x, 0, sizeof x);
  x.t = t;
  x.lem = eng->lemma;
  x.c = tc_get(t->npad);
  tc_warm(x.c, doc->ntoks);
  if (x.c->owner != t->serial || x.c->owner_lem != eng->lemma) { /* another's entries */
    if (x.c->owner) memset(x.c->set, 0, tc_set_bytes(x.c)); /* (tc_get's are zero) */
    x.c->owner = t->serial;
    x.c->owner_lem = eng->lemma;
  }
  if (t->tnidx && (x.c->tt_serial != t->serial || x.c->tt_lem != eng->lemma)) {
    x.c->tt_serial = t->serial;
    x.c->tt_lem = eng->lemma;
    x.c->tt_ok = types_agree(t, eng->lemma);
  }
  x.types = t->tnidx && x.c->tt_ok;
  x.arena = &doc->arena;
  x.maxn = maxn;
  /* The sentence's arrays are not zeroed: each element is written before
   * it is read (base: a scored token's row, by add4; wset, e, low, feat:
   * every token's; slot, scored, present, cls: as their sweeps go). Zeroed,
   * they took 2% of td_tag's instructions (callgrind, 278 BBC articles). */
  x.e = td_arena_alloc_raw(&doc->arena, maxn * sizeof *x.e + 1);
  x.low = td_arena_alloc_raw(&doc->arena, maxn * sizeof *x.low + 1);
  x.w = td_arena_alloc_raw(&doc->arena, maxn * sizeof *x.w + 1);
  x.wset = td_arena_alloc_raw(&doc->arena, maxn + 1);
  x.base = td_arena_alloc_raw(&doc->arena, maxn * t->npad * sizeof *x.base + 1);
  x.feat = td_arena_alloc_raw(&doc->arena, maxn * TG_NNEAR * sizeof *x.feat + 1);
  x.slot = td_arena_alloc_raw(&doc->arena, maxn * TG_NNEAR * sizeof *x.slot + 1);
  x.scored = td_arena_alloc_raw(&doc->arena, (maxn + 1) * sizeof *x.scored);
  x.present = td_arena_alloc_raw(&doc->arena, (maxn * TG_NNEAR + 1) * sizeof *x.present);
  uint8_t *cls = td_arena_alloc_raw(&doc->arena, maxn + 1);
  double *margin = td_arena_alloc_raw(&doc->arena, (maxn + 1) * sizeof *margin);
  td_rt_tok *rt = td_arena_alloc_raw(&doc->arena, (maxn + 1) * sizeof *rt);
  /* The forms of this sentence and the next: the next one's cache sets
   * are fetched while this one is tagged. */
  tg_forms fm[2];
  for (int k = 0; k < 2; k++) {
    fm[k].form = td_arena_alloc_raw(&doc->arena, maxn * sizeof *fm[k].form + 1);
    fm[k].len = td_arena_alloc_raw(&doc->arena, maxn * sizeof *fm[k].len + 1);
    fm[k].hash = td_arena_alloc_raw(&doc->arena, maxn * sizeof *fm[k].hash + 1);
  }
  size_t s = next_sent(doc, 0);
  if (s < doc->nsents) load_forms(x.c, doc, s, &fm[0]);
  for (int cur = 0; s < doc->nsents; cur ^= 1) {
    td_tok *tk = doc->toks + doc->sents[s].tok0;
    int n = (int)doc->sents[s].ntok;
    x.form = fm[cur].form;
    x.len = fm[cur].len;
    x.hash = fm[cur].hash;
    x.c->stamp++;
    x.nscratch = 0;
    for (int i = 0; i < n; i++) { /* the entries the tags point to */
      const tc_set *st = tc_set_of(x.c, x.hash[i]);
      unsigned b = tc_match(st, tc_tag(x.hash[i]));
      int seen = b != 0;
      for (; b; b &= b - 1) __builtin_prefetch(tc_way(x.c, x.hash[i], __builtin_ctz(b)));
      if (!seen && x.types) /* a miss: where the shared table has the form */
        __builtin_prefetch(&t->tidx[2 * ((uint32_t)(x.hash[i] >> 20) & (t->tnidx - 1))]);
    }
    size_t next = next_sent(doc, s + 1);
    if (next < doc->nsents) load_forms(x.c, doc, next, &fm[cur ^ 1]);
    x.c->nbuild = 0;
    for (int i = 0; i < n; i++) {
      x.wset[i] = 0;
      x.e[i] = entry_for(&x, i);
      x.low[i] = x.e[i]->low;
      if (i > 0) near_fetch(&x, i - 1, x.low[i]);
      /* A scored word without its self sum (a new one, mostly) has its
       * features hashed and fetched now, not once the sentence's entries
       * are all known (want_vecs): find_vecs waited on those slots for 7%
       * of td_tag's perf samples. */
      if (x.e[i]->cls == 255 && !(x.e[i]->have & (2 << V_SELF))) want_vec(&x, i, V_SELF);
      fetch_sums(&x, i);
    }
    if (n > 0) near_fetch(&x, n - 1, none.low);
    tag_sentence(&x, n, cls);
    if (t->nrt) { /* the margins of the scored VBD and VBN */
      int any = 0;
      for (int i = 0; i < n; i++) {
        margin[i] = NAN;
        if (t->rt_alt[cls[i]] < 0 || x.e[i]->cls != 255) continue;
        if (!td_rt_lex_ok(t->rt_xpos[cls[i]], x.e[i]->lex)) continue; /* (scored: lex set) */
        margin[i] = rt_margin(t, cls[i], x.base + (size_t)i * t->npad);
        any |= fabs(margin[i]) < t->rt_gate[cls[i]];
      }
      if (any) second_pass(t, x.low, margin, n, cls, rt);
    }
    for (int i = 0; i < n; i++) {
      const uint8_t *e = t->cls_tab + 4 * cls[i];
      tk[i].xpos = (uint16_t)(e[0] | e[1] << 8);
      tk[i].upos = e[2];
    }
    s = next;
  }
  return 0;
}

int td_tagger_build_res(struct td_resw *w, const char *path, char *err,
                        size_t errlen) {
  td_buf b = TD_BUF_INIT;
  if (td_buf_read_file(&b, path) != 0) {
    td_buf_free(&b);
    snprintf(err, errlen, "cannot open %s", path);
    return -1;
  }
  struct td_tagger *t = tagger_new(b.ptr, b.len, NULL, 0, err, errlen);
  if (t) {
    td_resw_add(w, "tagger", b.ptr, b.len);
    uint32_t nt = t->h->nclass + 1;
    size_t rbytes = (size_t)nt * nt * t->npad * sizeof(int16_t);
    tr_header *h = td_xcalloc(1, sizeof *h + rbytes);
    memcpy(h->magic, TR_MAGIC, 8);
    h->nt = nt;
    h->npad = t->npad;
    memcpy(h->model, t->h, sizeof h->model);
    memcpy(h + 1, t->tagrow, rbytes);
    td_resw_add(w, TR_SECTION, h, sizeof *h + rbytes);
    free(h);
  }
  int rc = t ? 0 : -1;
  td_tagger_free(t);
  td_buf_free(&b);
  return rc;
}

/* ---- building the shared word-type table (tools/mkres) ---- */

typedef struct tt_form {
  const char *s;
  uint32_t n, count;
} tt_form;

/* Most frequent first; then by bytes, so the table is the same each time. */
static int cmp_form(const void *a, const void *b) {
  const tt_form *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  int c = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);
  return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* The table being built: its index and entries. */
typedef struct tt_build {
  const struct td_tagger *t;
  const struct td_lemmatizer *lem;
  uint32_t *idx, nidx, nent;
  unsigned char *ent;
  size_t esize;
} tt_build;

/* Adds form s[0..n) unless it is already in (or empty, or longer than a
 * cache entry holds). */
static void tt_add(tt_build *b, const char *s, size_t n) {
  if (n == 0 || n > TC_FORM) return;
  uint64_t h = form_hash(s, n);
  uint32_t tag = tc_tag(h), m = b->nidx - 1, i = (uint32_t)(h >> 20) & m;
  for (; b->idx[2 * i + 1]; i = (i + 1) & m) {
    const tt_ent *e = (const tt_ent *)(b->ent + (size_t)(b->idx[2 * i + 1] - 1) * b->esize);
    if (b->idx[2 * i] == tag && e->n == n && td_same_short(e->form, s, n)) return;
  }
  unsigned char *e = b->ent + (size_t)b->nent * b->esize;
  type_make(b->t, s, n, td_lemma_lexclass(b->lem, s, n), (tt_ent *)e, (int16_t *)(e + TT_HEAD));
  b->idx[2 * i] = tag;
  b->idx[2 * i + 1] = ++b->nent;
}

int td_tagger_build_types(struct td_resw *w, const char *model, const char *freq,
                          const char *wndir, const char *words, char *err, size_t errlen) {
  td_buf fb = TD_BUF_INIT, mb = TD_BUF_INIT;
  if (td_buf_read_file(&fb, freq) != 0) { /* no list: no table */
    td_buf_free(&fb);
    return 0;
  }
  int rc = -1;
  struct td_tagger *t = NULL;
  struct td_lemmatizer *lem = NULL;
  tt_form *forms = NULL;
  char *caps = NULL;
  tt_build b;
  memset(&b, 0, sizeof b);
  if (td_buf_read_file(&mb, model) != 0) {
    snprintf(err, errlen, "cannot open %s", model);
    goto done;
  }
  if (!(t = tagger_new(mb.ptr, mb.len, NULL, 0, err, errlen))) goto done;
  if (!(lem = td_lemmatizer_build(wndir, words, err, errlen))) goto done;
  /* The single words of the list ("word<TAB>count"; pairs have a space). */
  size_t nf = 0, capf = 0;
  for (char *line = fb.ptr, *end = fb.ptr + fb.len; line < end;) {
    char *nl = memchr(line, '\n', (size_t)(end - line)), *next = nl ? nl + 1 : end;
    char *tab = memchr(line, '\t', (size_t)((nl ? nl : end) - line));
    if (tab && line[0] != '#' && !memchr(line, ' ', (size_t)(tab - line))) {
      TD_GROW(forms, capf, nf + 1);
      forms[nf].s = line;
      forms[nf].n = (uint32_t)(tab - line);
      forms[nf].count = (uint32_t)strtoul(tab + 1, NULL, 10);
      nf++;
    }
    line = next;
  }
  qsort(forms, nf, sizeof *forms, cmp_form);
  uint32_t most = (uint32_t)(2 * nf + 1100 + 200);
  b.t = t;
  b.lem = lem;
  b.esize = TT_HEAD + V_N * (size_t)t->npad * sizeof(int16_t);
  for (b.nidx = 1024; b.nidx < 2 * most; b.nidx *= 2) {}
  b.idx = td_xcalloc((size_t)b.nidx * 2, sizeof *b.idx);
  b.ent = td_xcalloc(most, b.esize);
  caps = td_xmalloc(fb.len + 1);
  for (size_t i = 0; i < nf; i++) { /* as written, then capitalized */
    const char *s = forms[i].s;
    size_t n = forms[i].n;
    tt_add(&b, s, n);
    if (s[0] >= 'a' && s[0] <= 'z') {
      char *c = caps + (s - fb.ptr);
      memcpy(c, s, n);
      c[0] = (char)(s[0] - 32);
      tt_add(&b, c, n);
    }
  }
  char num[8];
  for (int k = 0; k < 1000; k++) tt_add(&b, num, (size_t)snprintf(num, sizeof num, "%d", k));
  for (int k = 1900; k < 2100; k++) tt_add(&b, num, (size_t)snprintf(num, sizeof num, "%d", k));
  tt_header h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, TT_MAGIC, 8);
  h.nent = b.nent;
  h.nidx = b.nidx;
  h.npad = t->npad;
  h.esize = (uint32_t)b.esize;
  memcpy(h.model, t->h, sizeof h.model);
  td_buf out = TD_BUF_INIT;
  td_buf_put(&out, &h, sizeof h);
  td_buf_put(&out, b.idx, (size_t)b.nidx * 2 * sizeof *b.idx);
  td_buf_put(&out, b.ent, (size_t)b.nent * b.esize);
  td_resw_add(w, TT_SECTION, out.ptr, out.len);
  td_buf_free(&out);
  rc = 0;
done:
  free(b.idx);
  free(b.ent);
  free(caps);
  free(forms);
  td_lemmatizer_free(lem);
  td_tagger_free(t);
  td_buf_free(&mb);
  td_buf_free(&fb);
  return rc;
}
