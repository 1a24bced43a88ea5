/*
 * train_tagger.c — trains the POS tagger of tagger.c on a CoNLL-U treebank
 * (`tidings train tagger`) and measures the tagger and lemmatizer on one
 * with gold tokenization (`tidings eval tagger`).
 *
 * Training is the averaged perceptron: greedy left to right over shuffled
 * sentences, predicted tags as history, one +1/-1 update per wrong token,
 * weights averaged over every step. The averaged weights are quantized to
 * int16, small ones pruned, and written in the image format of train.h.
 * The second pass over verb forms (tagger.c) is trained after, on the
 * first pass's tags of the training set as models that did not see each
 * sentence make them (jackknifing), and written after the word table.
 */
#include "lang.h"
#include "train.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ---- the training weight store: feature hash -> sparse class weights ---- */

typedef struct {
  float w;
  int32_t ts;  /* step of the last change of w */
  double tot;  /* sum of w over steps up to ts */
  uint8_t cls;
} tent;

typedef struct {
  tent *e;
  uint32_t n, cap;
  uint32_t nupd; /* mistakes it took part in, over all runs */
} tfeat;

typedef struct {
  uint64_t *keys; /* 0 = empty */
  uint32_t *idx;
  size_t cap, n;
  tfeat *feats;
  size_t fcap;
} tstore;

static uint64_t keyfix(uint64_t k) { return k ? k : 1; }

/* Index of feature key, or -1; creates it when create is set. */
static long store_find(tstore *s, uint64_t key, int create) {
  key = keyfix(key);
  if (create && (s->n + 1) * 10 > s->cap * 7) {
    size_t ncap = s->cap ? s->cap * 2 : 1 << 16;
    uint64_t *nk = td_xcalloc(ncap, sizeof *nk);
    uint32_t *ni = td_xmalloc(ncap * sizeof *ni);
    for (size_t i = 0; i < s->cap; i++)
      if (s->keys[i]) {
        size_t j = s->keys[i] & (ncap - 1);
        while (nk[j]) j = (j + 1) & (ncap - 1);
        nk[j] = s->keys[i];
        ni[j] = s->idx[i];
      }
    free(s->keys);
    free(s->idx);
    s->keys = nk;
    s->idx = ni;
    s->cap = ncap;
  }
  if (!s->cap) return -1;
  size_t j = key & (s->cap - 1);
  while (s->keys[j]) {
    if (s->keys[j] == key) return s->idx[j];
    j = (j + 1) & (s->cap - 1);
  }
  if (!create) return -1;
  TD_GROW(s->feats, s->fcap, s->n + 1);
  memset(&s->feats[s->n], 0, sizeof(tfeat));
  s->keys[j] = key;
  s->idx[j] = (uint32_t)s->n;
  return (long)s->n++;
}

static void store_free(tstore *s) {
  for (size_t i = 0; i < s->n; i++) free(s->feats[i].e);
  free(s->feats);
  free(s->keys);
  free(s->idx);
}

/* Adds delta to the weight of class c in feature f at step now. */
static void update(tfeat *f, int c, float delta, int32_t now) {
  tent *e = NULL;
  for (uint32_t i = 0; i < f->n; i++)
    if (f->e[i].cls == c) {
      e = &f->e[i];
      break;
    }
  if (!e) {
    TD_GROW(f->e, f->cap, f->n + 1);
    e = &f->e[f->n++];
    memset(e, 0, sizeof *e);
    e->cls = (uint8_t)c;
    e->ts = now;
  }
  e->tot += (double)(now - e->ts) * e->w;
  e->ts = now;
  e->w += delta;
}

static double avg_weight(const tent *e, int32_t now) {
  if (now <= 0) return e->w;
  return (e->tot + (double)(now - e->ts) * e->w) / now;
}

/* Scores all classes: current weights, or averaged ones when now > 0. */
static int best_class(tstore *s, const uint64_t *f, int nf, int nclass,
                      int32_t avg_now, double *sc) {
  for (int c = 0; c < nclass; c++) sc[c] = 0;
  for (int i = 0; i < nf; i++) {
    long k = store_find(s, f[i], 0);
    if (k < 0) continue;
    const tfeat *ft = &s->feats[k];
    for (uint32_t j = 0; j < ft->n; j++)
      sc[ft->e[j].cls] += avg_now > 0 ? avg_weight(&ft->e[j], avg_now) : ft->e[j].w;
  }
  int best = 0;
  for (int c = 1; c < nclass; c++)
    if (sc[c] > sc[best]) best = c;
  return best;
}

/* ---- the treebank as training examples ---- */

typedef struct {
  int nclass;
  uint16_t xpos[TD_TG_MAXCLASS];
  uint8_t upos[TD_TG_MAXCLASS];
} classes;

typedef struct {
  td_tg_word *w;
  uint8_t *gold;
  int n;
} tsent;

static int class_of(classes *cl, int xpos, int upos, int add) {
  for (int c = 0; c < cl->nclass; c++)
    if (cl->xpos[c] == xpos && cl->upos[c] == upos) return c;
  if (!add || cl->nclass >= TD_TG_MAXCLASS) return -1;
  cl->xpos[cl->nclass] = (uint16_t)xpos;
  cl->upos[cl->nclass] = (uint8_t)upos;
  return cl->nclass++;
}

/* The classes: the (xpos, upos) pairs seen at least CLASS_MIN times in
 * training. The rarer ones (35 pairs, 0.09% of the words: GW NOUN, AFX
 * ADV, WP$ PRON, NNP X, ...) are trained as the most frequent kept pair
 * with the same upos, so their upos stays right: 67 classes instead of
 * 102, a score vector of 72 lanes instead of 104 (issue 11; dev UPOS/XPOS
 * 95.53/94.97 against 95.53/95.03 with all 102, the version 2 features). */
#define CLASS_MIN 16

/* The classes of a training treebank, in order of first occurrence:
 * the pairs seen at least CLASS_MIN times (TD_TAGGER_CLASSMIN for
 * experiments). A rarer pair's tokens are trained as the most frequent
 * kept pair with the same upos (the first one on ties); map[pair_of()]
 * is the class a pair is trained as (-1: unseen). */
static size_t pair_of(int xpos, int upos) { return (size_t)xpos * TD_UPOS_COUNT + (size_t)upos; }

static void make_classes(const td_conllu *cu, classes *cl, int *map) {
  const char *cm = getenv("TD_TAGGER_CLASSMIN");
  int cmin = cm && *cm ? atoi(cm) : CLASS_MIN;
  size_t np = pair_of(td_xpos_count, 0);
  int *cnt = td_xcalloc(np, sizeof *cnt);
  for (size_t i = 0; i < cu->n; i++)
    for (int j = 0; j < cu->sents[i].n; j++)
      cnt[pair_of(cu->sents[i].toks[j].xpos, cu->sents[i].toks[j].upos)]++;
  for (size_t k = 0; k < np; k++) map[k] = -1;
  for (size_t i = 0; i < cu->n; i++)
    for (int j = 0; j < cu->sents[i].n; j++) {
      const td_cu_tok *t = &cu->sents[i].toks[j];
      size_t k = pair_of(t->xpos, t->upos);
      if (cnt[k] >= cmin && map[k] < 0) map[k] = class_of(cl, t->xpos, t->upos, 1);
    }
  for (size_t k = 0; k < np; k++) {
    if (!cnt[k] || map[k] >= 0) continue;
    int x = (int)(k / TD_UPOS_COUNT), u = (int)(k % TD_UPOS_COUNT), best = -1;
    for (int c = 0; c < cl->nclass; c++)
      if (cl->upos[c] == u && (best < 0 || cnt[pair_of(cl->xpos[c], u)] >
                                               cnt[pair_of(cl->xpos[best], u)]))
        best = c;
    map[k] = best >= 0 ? best : class_of(cl, x, u, 1);
  }
  free(cnt);
}

/* Converts a treebank; gold is 255 for pairs unseen in training. With
 * map (training), gold is the class the pair is trained as. */
static tsent *make_sents(const td_conllu *cu, classes *cl, const int *map,
                         const struct td_lemmatizer *lem) {
  tsent *ts = td_xcalloc(cu->n + 1, sizeof *ts);
  for (size_t i = 0; i < cu->n; i++) {
    const td_cu_sent *s = &cu->sents[i];
    ts[i].n = s->n;
    ts[i].w = td_xmalloc((size_t)s->n * sizeof *ts[i].w + 1);
    ts[i].gold = td_xmalloc((size_t)s->n + 1);
    for (int j = 0; j < s->n; j++) {
      td_tg_word_init(&ts[i].w[j], s->toks[j].form, strlen(s->toks[j].form), lem);
      int c = map ? map[pair_of(s->toks[j].xpos, s->toks[j].upos)]
                  : class_of(cl, s->toks[j].xpos, s->toks[j].upos, 0);
      ts[i].gold[j] = c < 0 ? 255 : (uint8_t)c;
    }
  }
  return ts;
}

static void free_sents(tsent *ts, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(ts[i].w);
    free(ts[i].gold);
  }
  free(ts);
}

/* Dev accuracy of the averaged weights: xpos and upos, in percent. */
static void dev_acc(tstore *s, const classes *cl, const tsent *ts, size_t n,
                    int32_t now, double *xacc, double *uacc) {
  long tot = 0, xok = 0, uok = 0;
  double sc[TD_TG_MAXCLASS];
  uint64_t f[TD_TG_MAXFEAT];
  for (size_t i = 0; i < n; i++) {
    int p1 = cl->nclass, p2 = cl->nclass;
    for (int j = 0; j < ts[i].n; j++) {
      int nf = td_tg_features(ts[i].w, ts[i].n, j, p1, p2, f);
      int g = best_class(s, f, nf, cl->nclass, now, sc);
      int gold = ts[i].gold[j];
      tot++;
      if (gold != 255) {
        xok += cl->xpos[g] == cl->xpos[gold];
        uok += cl->upos[g] == cl->upos[gold];
      }
      p2 = p1;
      p1 = g;
    }
  }
  *xacc = tot ? 100.0 * xok / tot : 0;
  *uacc = tot ? 100.0 * uok / tot : 0;
}

/* ---- writing the model image ---- */

/* Features with at least this many weights are stored as dense rows. */
#define DENSE_MIN 24
/* The fill of the slot table (linear probing), in percent: half empty,
 * a missing feature (most of a rare word's) is found missing in about one
 * cache line; 50 against 70 is 10% faster at 0.8 MB more. */
#define SLOT_LOAD 50
/* Weights whose averaged magnitude is below this fraction of the largest
 * are dropped: they change almost no decision. */
#define PRUNE_FRACTION 0.0008
/* Features that took part in fewer mistakes than this (over the RUNS
 * runs) are dropped: rare words and pairs, most of the table, little of
 * the accuracy. */
#define MIN_UPDATES 5

/* The tag dictionary: words seen at least DICT_MIN times in training with
 * one class at least DICT_SHARE of the time. */
#define DICT_MIN 10
#define DICT_SHARE 0.98
/* The word table also keeps the lexical class of words seen this often,
 * so tagging needs no lemmatizer lookup for them. */
#define WORD_MIN 2

typedef struct {
  uint64_t *keys; /* td_tg_word.raw; 0 empty */
  uint32_t *counts; /* cap x nclass */
  uint32_t *lex;    /* cap: the word's td_tg_word.lex */
  size_t cap, n;
  int nclass;
} wcount;

static void wcount_add(wcount *wc, uint64_t key, int cls, uint32_t lex) {
  if (!key) key = 1;
  if ((wc->n + 1) * 2 > wc->cap) {
    size_t ncap = wc->cap ? wc->cap * 2 : 1 << 14;
    uint64_t *nk = td_xcalloc(ncap, sizeof *nk);
    uint32_t *nc = td_xcalloc(ncap * (size_t)wc->nclass, sizeof *nc);
    uint32_t *nl = td_xcalloc(ncap, sizeof *nl);
    for (size_t i = 0; i < wc->cap; i++)
      if (wc->keys[i]) {
        size_t j = wc->keys[i] & (ncap - 1);
        while (nk[j]) j = (j + 1) & (ncap - 1);
        nk[j] = wc->keys[i];
        nl[j] = wc->lex[i];
        memcpy(nc + j * wc->nclass, wc->counts + i * wc->nclass, (size_t)wc->nclass * 4);
      }
    free(wc->keys);
    free(wc->counts);
    free(wc->lex);
    wc->keys = nk;
    wc->counts = nc;
    wc->lex = nl;
    wc->cap = ncap;
  }
  size_t j = key & (wc->cap - 1);
  while (wc->keys[j] && wc->keys[j] != key) j = (j + 1) & (wc->cap - 1);
  if (!wc->keys[j]) {
    wc->keys[j] = key;
    wc->n++;
  }
  wc->lex[j] = lex;
  wc->counts[j * wc->nclass + cls]++;
}

/* The word table entry of word i of wc: its dictionary class (or
 * TD_TG_NODICT) and lexical class, or -1 when the word is not in the
 * table. */
static long word_entry(const wcount *wc, size_t i) {
  const uint32_t *c = wc->counts + i * wc->nclass;
  uint32_t tot = 0, mx = 0, arg = 0;
  for (int k = 0; k < wc->nclass; k++) {
    tot += c[k];
    if (c[k] > mx) mx = c[k], arg = (uint32_t)k;
  }
  if (tot < WORD_MIN && tot < DICT_MIN) return -1;
  if (tot < DICT_MIN || mx < DICT_SHARE * tot) arg = TD_TG_NODICT;
  return (long)(arg | wc->lex[i] << 8);
}

/* The kept weight of entry e: 0 when pruned, else quantized. */
static long kept_weight(const tent *e, int32_t now, double cut, double scale) {
  double a = avg_weight(e, now);
  long q = lrint(a * scale);
  if (fabs(a) < cut || q == 0) return 0;
  return q > TD_TG_WMAX ? TD_TG_WMAX : q < -TD_TG_WMAX ? -TD_TG_WMAX : q;
}

/* The second pass's table (see train.h): every feature of rt with a
 * weight (averaged at now), in nrt slots; returns nrt, the table in *out
 * (allocated; NULL and 0 without rt). */
static uint32_t rt_table(tstore *rt, int32_t now, uint32_t **out) {
  size_t nf = 0;
  *out = NULL;
  if (!rt) return 0;
  for (size_t i = 0; i < rt->n; i++) nf += rt->feats[i].n && (float)avg_weight(&rt->feats[i].e[0], now) != 0;
  if (!nf) return 0;
  uint32_t nrt = (uint32_t)(nf * 2 + 1);
  uint32_t *tab = td_xcalloc((size_t)nrt * 2, sizeof *tab);
  for (size_t j = 0; j < rt->cap; j++) {
    if (!rt->keys[j] || !rt->feats[rt->idx[j]].n) continue;
    float w = (float)avg_weight(&rt->feats[rt->idx[j]].e[0], now);
    if (w == 0) continue;
    uint64_t h = rt->keys[j];
    uint32_t key = (uint32_t)(h >> 32) | 1, sl = (uint32_t)(((h & 0xffffffffu) * (uint64_t)nrt) >> 32);
    int dup = 0;
    while (tab[2 * sl]) {
      if (tab[2 * sl] == key) dup = 1;
      if (++sl == nrt) sl = 0;
    }
    if (dup) continue; /* a 32-bit key clash in one probe chain: drop */
    tab[2 * sl] = key;
    memcpy(&tab[2 * sl + 1], &w, 4);
  }
  *out = tab;
  return nrt;
}

static int write_model(tstore *s, const classes *cl, int32_t now, const wcount *wc,
                       tstore *rt, int32_t rt_now, const char *path, FILE *log) {
  double maxw = 0;
  for (size_t i = 0; i < s->n; i++)
    for (uint32_t j = 0; j < s->feats[i].n; j++) {
      double a = fabs(avg_weight(&s->feats[i].e[j], now));
      if (a > maxw) maxw = a;
    }
  if (maxw <= 0) maxw = 1;
  double scale = TD_TG_WMAX / maxw;
  const char *pf = getenv("TD_TAGGER_PRUNE"); /* for experiments */
  double cut = maxw * (pf && *pf ? atof(pf) : PRUNE_FRACTION);
  const char *mu = getenv("TD_TAGGER_MINUPD");
  uint32_t minupd = mu && *mu ? (uint32_t)atoi(mu) : MIN_UPDATES;
  /* Quantize, keep features with any surviving weight: up to 4 weights
   * go in the slot, more outside (as pairs, or a dense row). */
  size_t nfeat = 0, next = 0, ninline = 0;
  uint32_t npad = ((uint32_t)cl->nclass + 7) & ~7u;
  uint32_t *kept = td_xcalloc(s->n + 1, sizeof *kept);
  for (size_t i = 0; i < s->n; i++) {
    uint32_t k = 0;
    for (uint32_t j = 0; j < s->feats[i].n && s->feats[i].nupd >= minupd; j++)
      k += kept_weight(&s->feats[i].e[j], now, cut, scale) != 0;
    kept[i] = k;
    if (!k) continue;
    nfeat++;
    if (k <= 4) ninline++;
    else next += k >= DENSE_MIN ? npad : 2 * (size_t)k;
  }
  if (next >= (1u << 31)) {
    if (log) fprintf(log, "train tagger: model too large (%zu weights)\n", next);
    free(kept);
    return -1;
  }
  const char *lf = getenv("TD_TAGGER_LOAD"); /* for experiments */
  size_t load = lf && *lf ? (size_t)atoi(lf) : SLOT_LOAD;
  if (load < 20 || load > 90) load = SLOT_LOAD;
  uint32_t nslot = (uint32_t)(nfeat * 100 / load + 16);
  size_t ctab = ((size_t)cl->nclass * 4 + 15) & ~(size_t)15;
  size_t wsz = (next * 2 + 15) & ~(size_t)15;
  /* The word table: dictionary words and words seen WORD_MIN times. */
  size_t nd = 0, nwords = 0;
  for (size_t i = 0; i < wc->cap; i++) {
    long v;
    if (!wc->keys[i] || (v = word_entry(wc, i)) < 0) continue;
    nwords++;
    nd += (v & 255) != TD_TG_NODICT;
  }
  uint32_t ndict = nwords ? (uint32_t)(nwords * 2 + 1) : 0;
  uint32_t *rtab;
  uint32_t nrt = rt_table(rt, rt_now, &rtab);
  size_t total = sizeof(td_tg_header) + ctab + (size_t)nslot * sizeof(td_tg_slot) + wsz +
                 (size_t)ndict * 8 + (size_t)nrt * 8;
  uint8_t *img = td_xcalloc(total, 1);
  td_tg_header *h = (td_tg_header *)img;
  memcpy(h->magic, "TDTAG002", 8);
  h->nclass = (uint32_t)cl->nclass;
  h->nslot = nslot;
  h->nent = (uint32_t)next;
  h->version = TD_TG_VERSION;
  h->scale = (float)scale;
  h->ndict = ndict;
  h->reserved[0] = nrt;
  uint8_t *ct = img + sizeof *h;
  for (int c = 0; c < cl->nclass; c++) {
    ct[4 * c] = (uint8_t)(cl->xpos[c] & 0xff);
    ct[4 * c + 1] = (uint8_t)(cl->xpos[c] >> 8);
    ct[4 * c + 2] = cl->upos[c];
  }
  td_tg_slot *slots = (td_tg_slot *)(ct + ctab);
  int16_t *ext = (int16_t *)((uint8_t *)slots + (size_t)nslot * sizeof *slots);
  size_t e = 0, nw = 0;
  for (size_t j = 0; j < s->cap; j++) {
    if (!s->keys[j] || !kept[s->idx[j]]) continue;
    const tfeat *ft = &s->feats[s->idx[j]];
    uint32_t k = kept[s->idx[j]];
    uint64_t hkey = s->keys[j];
    uint32_t key = (uint32_t)(hkey >> 32) | 1;
    uint32_t sl = (uint32_t)(((hkey & 0xffffffffu) * (uint64_t)nslot) >> 32);
    int dup = 0;
    while (slots[sl].key) {
      if (slots[sl].key == key) dup = 1;
      if (++sl == nslot) sl = 0;
    }
    if (dup) continue; /* a 32-bit key clash in one probe chain: drop */
    td_tg_slot *d = &slots[sl];
    d->key = key;
    uint32_t first = (uint32_t)e, cnt = 0;
    if (k > 4) {
      d->cls[0] = TD_TG_EXT;
      d->cls[1] = k >= DENSE_MIN ? TD_TG_DENSE : (uint8_t)k;
      memcpy(d->w, &first, 4);
    }
    for (uint32_t m = 0; m < ft->n; m++) {
      long q = kept_weight(&ft->e[m], now, cut, scale);
      if (!q) continue;
      uint8_t c = ft->e[m].cls;
      if (k <= 4) {
        d->cls[cnt] = c;
        d->w[cnt] = (int16_t)q;
      } else if (k >= DENSE_MIN) {
        ext[first + c] = (int16_t)q;
      } else {
        ext[first + 2 * cnt] = (int16_t)c;
        ext[first + 2 * cnt + 1] = (int16_t)q;
      }
      cnt++;
      nw++;
    }
    if (k > 4) e += k >= DENSE_MIN ? npad : 2 * (size_t)k;
  }
  free(kept);
  uint32_t *dict = (uint32_t *)((uint8_t *)ext + wsz);
  for (size_t i = 0; i < wc->cap && ndict; i++) {
    long v;
    if (!wc->keys[i] || (v = word_entry(wc, i)) < 0) continue;
    uint64_t hk = wc->keys[i];
    uint32_t key = (uint32_t)(hk >> 32) | 1;
    uint32_t sl = (uint32_t)(((hk & 0xffffffffu) * (uint64_t)ndict) >> 32);
    while (dict[2 * sl]) if (++sl == ndict) sl = 0;
    dict[2 * sl] = key;
    dict[2 * sl + 1] = (uint32_t)v;
  }
  if (nrt) memcpy(dict + 2 * (size_t)ndict, rtab, (size_t)nrt * 8);
  free(rtab);
  FILE *fp = fopen(path, "wb");
  int rc = 0;
  if (!fp || fwrite(img, 1, total, fp) != total) rc = -1;
  if (fp && fclose(fp) != 0) rc = -1;
  if (log) {
    if (rc) fprintf(log, "train tagger: cannot write %s\n", path);
    else
      fprintf(log, "train tagger: wrote %s: %zu bytes, %d classes, %zu features "
              "(%zu with weights in the slot), %zu weights, %zu words, %zu dictionary words, "
              "%u second-pass slots\n",
              path, total, cl->nclass, nfeat, ninline, nw, nwords, nd, nrt);
  }
  free(img);
  return rc;
}

/* ---- API ---- */

#define RUNS 3

static uint64_t rng_next(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* Shuffles the n elements of size bytes at base in place (Fisher-Yates,
 * from the generator's state *rng: the same state, the same order). */
static void shuffle(void *base, size_t n, size_t size, uint64_t *rng) {
  unsigned char *b = base, tmp[256];
  for (size_t i = n; i > 1; i--) {
    unsigned char *x = b + (i - 1) * size, *y = b + (rng_next(rng) % i) * size;
    if (x == y) continue; /* (memcpy of a place onto itself is undefined) */
    for (size_t o = 0, c; o < size; o += c) { /* swapped a buffer at a time */
      c = size - o < sizeof tmp ? size - o : sizeof tmp;
      memcpy(tmp, x + o, c);
      memcpy(x + o, y + o, c);
      memcpy(y + o, tmp, c);
    }
  }
}

/* One perceptron run (seed run) of iters passes over the nord sentences
 * of ts listed in order (shuffled in place every pass), from step *now;
 * reports each pass on log with dev accuracy on ds (may be NULL). */
static void train_run(tstore *st, const classes *cl, const tsent *ts, size_t *order,
                      size_t nord, int iters, int run, int32_t *pnow, const tsent *ds,
                      size_t ndv, FILE *log) {
  double sc[TD_TG_MAXCLASS];
  uint64_t f[TD_TG_MAXFEAT];
  uint64_t rng = 0x2545F4914F6CDD1DULL + 0x9E3779B97F4A7C15ULL * (uint64_t)run;
  int32_t now = *pnow;
  for (int it = 0; it < iters; it++) {
    shuffle(order, nord, sizeof *order, &rng);
    long tot = 0, ok = 0;
    for (size_t si = 0; si < nord; si++) {
      const tsent *s = &ts[order[si]];
      int p1 = cl->nclass, p2 = cl->nclass;
      for (int j = 0; j < s->n; j++) {
        int nf = td_tg_features(s->w, s->n, j, p1, p2, f);
        int g = best_class(st, f, nf, cl->nclass, 0, sc);
        int gold = s->gold[j];
        if (g != gold) {
          for (int k = 0; k < nf; k++) {
            long fi = store_find(st, f[k], 1);
            tfeat *ft = &st->feats[fi];
            update(ft, gold, 1, now);
            update(ft, g, -1, now);
            ft->nupd++;
          }
        } else {
          ok++;
        }
        tot++;
        now++;
        p2 = p1;
        p1 = g;
      }
    }
    if (log) {
      fprintf(log, "run %d iter %2d  train %.2f%%", run + 1, it + 1, 100.0 * ok / tot);
      if (ds) {
        double xa, ua;
        dev_acc(st, cl, ds, ndv, now, &xa, &ua);
        fprintf(log, "  dev xpos %.2f%%  upos %.2f%%", xa, ua);
      }
      fprintf(log, "  (%zu features)\n", st->n);
      fflush(log);
    }
  }
  *pnow = now;
}

/* ---- the second pass over verb forms (tagger.c) ----
 * A binary averaged perceptron for each token the first pass tags with a
 * form of a pair (td_rt_pair): "yes" for the pair's first form (VBD),
 * "no" for its second (VBN), for first-pass margins below TD_RT_GATE. Its examples are the first pass's tags
 * of the training sentences as a model that did not see them makes them
 * (jackknifing: JK_FOLDS folds, one run each), so that it learns from the
 * first pass's mistakes on new text, not from a model that remembers the
 * training set. */

#define JK_FOLDS 4
#define RT_ITERS 5
#define RT_RUNS 3

/* The classes a second pass re-decides between: alt[c] the class of the
 * other form of c's pair with c's upos (-1: none), yes[c] the class of
 * the pair's first form (c or alt[c]). */
typedef struct {
  int alt[TD_TG_MAXCLASS], yes[TD_TG_MAXCLASS];
} rt_classes;

static void rt_classes_make(const classes *cl, rt_classes *rc) {
  for (int c = 0; c < cl->nclass; c++) {
    int x = cl->xpos[c], p = td_rt_pair(x), other = -1;
    rc->alt[c] = rc->yes[c] = -1;
    if (!p) continue;
    for (int d = 0; d < cl->nclass; d++)
      if (d != c && td_rt_alt_ok(x, cl->upos[c], cl->xpos[d], cl->upos[d])) other = d;
    if (other < 0) continue;
    rc->alt[c] = other;
    rc->yes[c] = td_rt_first(x) ? c : other;
  }
}

/* The first pass over sentence s with the weights of st (averaged at
 * now): pred[j] the class of word j, margin[j] its score of the pair's
 * first form less that of its second (0 when it has no pair). */
static void first_pass(tstore *st, const classes *cl, const rt_classes *rc, const tsent *s,
                       int32_t now, uint8_t *pred, float *margin) {
  double sc[TD_TG_MAXCLASS];
  uint64_t f[TD_TG_MAXFEAT];
  int p1 = cl->nclass, p2 = cl->nclass;
  for (int j = 0; j < s->n; j++) {
    int nf = td_tg_features(s->w, s->n, j, p1, p2, f);
    int g = best_class(st, f, nf, cl->nclass, now, sc);
    pred[j] = (uint8_t)g;
    margin[j] = rc->alt[g] < 0 ? 0 : (float)(sc[rc->yes[g]] - sc[rc->yes[g] == g ? rc->alt[g] : g]);
    if (!td_rt_lex_ok(cl->xpos[g], s->w[j].lex)) margin[j] = NAN; /* left as it is */
    p2 = p1;
    p1 = g;
  }
}

/* The second pass's tokens of sentence s with first-pass classes pred. */
static void rt_toks(const classes *cl, const tsent *s, const uint8_t *pred, td_rt_tok *rt) {
  for (int j = 0; j < s->n; j++) {
    rt[j].low = s->w[j].low;
    rt[j].xpos = cl->xpos[pred[j]];
    rt[j].upos = cl->upos[pred[j]];
  }
}

/* The second pass's score of features f (averaged weights at now). */
static double rt_score(tstore *rt, const uint64_t *f, int nf, int32_t now) {
  double sum = 0;
  for (int k = 0; k < nf; k++) {
    long i = store_find(rt, f[k], 0);
    if (i >= 0 && rt->feats[i].n) sum += avg_weight(&rt->feats[i].e[0], now);
  }
  return sum;
}

typedef struct {
  uint64_t f[TD_RT_MAXFEAT];
  int nf, y; /* y: 1 the pair's first form, -1 its second */
  int pair;  /* td_rt_pair of its first-pass tag */
} rt_ex;

/* The first-pass classes and margins of every word of ts (n sentences),
 * concatenated: jackknifed when jk, else by st (averaged at now). */
static void first_pass_all(tstore *st, int32_t now, int jk, const classes *cl,
                           const rt_classes *rc, const tsent *ts, size_t n, int iters,
                           uint8_t *pred, float *margin) {
  size_t *off = td_xmalloc((n + 1) * sizeof *off);
  off[0] = 0;
  for (size_t i = 0; i < n; i++) off[i + 1] = off[i] + (size_t)ts[i].n;
  if (!jk) {
    for (size_t i = 0; i < n; i++) first_pass(st, cl, rc, &ts[i], now, pred + off[i], margin + off[i]);
    free(off);
    return;
  }
  size_t *order = td_xmalloc(n * sizeof *order + 1);
  for (int k = 0; k < JK_FOLDS; k++) {
    size_t nord = 0;
    for (size_t i = 0; i < n; i++)
      if (i % JK_FOLDS != (size_t)k) order[nord++] = i;
    tstore fs = {0};
    int32_t fnow = 1;
    train_run(&fs, cl, ts, order, nord, iters, 100 + k, &fnow, NULL, 0, NULL);
    for (size_t i = (size_t)k; i < n; i += JK_FOLDS)
      first_pass(&fs, cl, rc, &ts[i], fnow, pred + off[i], margin + off[i]);
    store_free(&fs);
  }
  free(order);
  free(off);
}

/* The examples of the second pass from ts's first-pass classes and
 * margins: the words tagged a form of a pair whose gold tag is one of
 * the pair. Returns their count; *ex is allocated. */
static size_t rt_examples(const classes *cl, const rt_classes *rc, const tsent *ts, size_t n,
                          const uint8_t *pred, const float *margin, rt_ex **ex) {
  size_t cnt = 0, cap = 0, off = 0;
  rt_ex *e = NULL;
  td_rt_tok *rt = NULL;
  size_t rcap = 0;
  for (size_t i = 0; i < n; i++, off += (size_t)ts[i - 1].n) {
    TD_GROW(rt, rcap, (size_t)ts[i].n + 1);
    rt_toks(cl, &ts[i], pred + off, rt);
    for (int j = 0; j < ts[i].n; j++) {
      int g = pred[off + j], gold = ts[i].gold[j];
      if (rc->alt[g] < 0 || gold == 255 || !(fabs(margin[off + j]) < td_rt_gate(cl->xpos[g]))) continue;
      if (gold != g && gold != rc->alt[g]) continue;
      if (td_rt_noun(rt, ts[i].n, j)) continue; /* decided without scoring */
      TD_GROW(e, cap, cnt + 1);
      e[cnt].nf = td_rt_features(rt, ts[i].n, j, margin[off + j], e[cnt].f);
      e[cnt].y = gold == rc->yes[g] ? 1 : -1;
      e[cnt].pair = td_rt_pair(cl->xpos[g]);
      cnt++;
    }
  }
  free(rt);
  *ex = e;
  return cnt;
}

/* Trains the second pass on examples ex[0..n) into rt (class 0 of each
 * feature): RT_RUNS runs on different shuffles averaged into one, as the
 * first pass (steady against the order of the examples), stored so that
 * its weights are those averaged at the returned step, 1. */
static int32_t rt_train_pair(tstore *rt, rt_ex *ex, size_t n) {
  for (int run = 0; run < RT_RUNS; run++) {
    tstore one = {0};
    uint64_t rng = 0x5DEECE66DULL + 0x9E3779B97F4A7C15ULL * (uint64_t)run;
    int32_t now = 1;
    for (int it = 0; it < RT_ITERS; it++) {
      shuffle(ex, n, sizeof *ex, &rng);
      for (size_t i = 0; i < n; i++, now++) {
        double s = 0;
        for (int k = 0; k < ex[i].nf; k++) {
          long fi = store_find(&one, ex[i].f[k], 0);
          if (fi >= 0 && one.feats[fi].n) s += one.feats[fi].e[0].w;
        }
        if ((s > 0 ? 1 : -1) == ex[i].y) continue;
        for (int k = 0; k < ex[i].nf; k++) {
          long fi = store_find(&one, ex[i].f[k], 1);
          update(&one.feats[fi], 0, (float)ex[i].y, now);
        }
      }
    }
    for (size_t j = 0; j < one.cap; j++) { /* rt += averaged weights / RT_RUNS */
      if (!one.keys[j] || !one.feats[one.idx[j]].n) continue;
      long fi = store_find(rt, one.keys[j], 1);
      update(&rt->feats[fi], 0, (float)(avg_weight(&one.feats[one.idx[j]].e[0], now) / RT_RUNS), 0);
    }
    store_free(&one);
  }
  return 1;
}

/* Trains the second pass of each pair on its own examples (in their
 * order in ex), so that the weights of one pair do not depend on the
 * examples of another (a pair added leaves the others as they were). */
static int32_t rt_train(tstore *rt, rt_ex *ex, size_t n) {
  rt_ex *one = td_xmalloc((n + 1) * sizeof *one);
  for (int p = 1; p < 8; p++) {
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
      if (ex[i].pair == p) one[m++] = ex[i];
    if (m) rt_train_pair(rt, one, m);
  }
  free(one);
  return 1;
}

/* Dev accuracy of the first pass (its classes pred and margins margin)
 * and of the second pass after it (rt at rt_now), with the VBD/VBN
 * confusions of both, to log. */
static void rt_report(const classes *cl, const rt_classes *rc, const tsent *ds, size_t n,
                      const uint8_t *pred, const float *margin, tstore *rt, int32_t rt_now,
                      FILE *log) {
  enum { NP = 4 }; /* pairs 1 .. NP-1 (td_rt_pair) */
  long tot = 0, ok1 = 0, ok2 = 0, conf1[NP] = {0}, conf2[NP] = {0}, changed[NP] = {0},
       fixed[NP] = {0}, broke[NP] = {0};
  td_rt_tok *r = NULL;
  size_t rcap = 0, off = 0;
  uint64_t f[TD_RT_MAXFEAT];
  for (size_t i = 0; i < n; i++, off += (size_t)ds[i - 1].n) {
    TD_GROW(r, rcap, (size_t)ds[i].n + 1);
    rt_toks(cl, &ds[i], pred + off, r);
    for (int j = 0; j < ds[i].n; j++) {
      int g = pred[off + j], g2 = g, gold = ds[i].gold[j];
      int gated = rc->alt[g] >= 0 && fabs(margin[off + j]) < td_rt_gate(cl->xpos[g]) &&
                  !td_rt_keeps(r, j);
      if (gated && td_rt_noun(r, ds[i].n, j))
        g2 = rc->alt[g];
      else if (gated && td_rt_scores(cl->xpos[g])) {
        int nf = td_rt_features(r, ds[i].n, j, margin[off + j], f);
        double sc = rt_score(rt, f, nf, rt_now);
        double mn = td_rt_min(cl->xpos[g]);
        if (rc->yes[g] == g ? sc < -mn : sc > mn) g2 = rc->alt[g];
      }
      tot++;
      if (gold == 255) continue;
      int gx = cl->xpos[gold], x1 = cl->xpos[g], x2 = cl->xpos[g2];
      int p = td_rt_pair(x1) < NP ? td_rt_pair(x1) : 0, gp = td_rt_pair(gx) < NP ? td_rt_pair(gx) : 0;
      ok1 += x1 == gx;
      ok2 += x2 == gx;
      changed[p] += g2 != g;
      fixed[p] += g2 != g && x2 == gx;
      broke[p] += g2 != g && x1 == gx;
      conf1[gp] += gp && td_rt_pair(x1) == gp && x1 != gx;
      conf2[gp] += gp && td_rt_pair(x2) == gp && x2 != gx;
    }
  }
  free(r);
  double d = tot ? (double)tot : 1;
  fprintf(log, "second pass: dev xpos %.2f%% -> %.2f%%\n", 100.0 * ok1 / d, 100.0 * ok2 / d);
  static const char *name[NP] = {"", "VBD/VBN", "VBZ/NNS", "VBP/NN"};
  for (int p = 1; p < NP; p++)
    fprintf(log, "second pass: %s %ld changed: %ld right, %ld wrong; confused %ld -> %ld\n", name[p],
            changed[p], fixed[p], broke[p], conf1[p], conf2[p]);
}

int td_tagger_train(const char *train_conllu, const char *dev_conllu,
                    const char *out_model, int iters, FILE *log) {
  char err[512];
  if (iters <= 0) iters = 14;
  td_conllu *tr = td_conllu_read(train_conllu, err, sizeof err);
  if (!tr) {
    if (log) fprintf(log, "train tagger: %s\n", err);
    return -1;
  }
  td_conllu *dv = NULL;
  if (dev_conllu && !(dv = td_conllu_read(dev_conllu, err, sizeof err))) {
    if (log) fprintf(log, "train tagger: %s\n", err);
    td_conllu_free(tr);
    return -1;
  }
  /* The tagger's lexical features come from the lemmatizer's WordNet. */
  struct td_lemmatizer *lem = td_lemmatizer_build(TD_WORDNET_DIR, TD_WORDS_FILE, err, sizeof err);
  if (!lem && log) fprintf(log, "train tagger: %s (training without lexical features)\n", err);
  classes cl = {0};
  int *map = td_xmalloc(pair_of(td_xpos_count, 0) * sizeof *map);
  make_classes(tr, &cl, map);
  tsent *ts = make_sents(tr, &cl, map, lem);
  free(map);
  tsent *ds = dv ? make_sents(dv, &cl, NULL, lem) : NULL;
  size_t ntr = tr->n, ndv = dv ? dv->n : 0;
  size_t *order = td_xmalloc(ntr * sizeof *order + 1);
  for (size_t i = 0; i < ntr; i++) order[i] = i;
  /* RUNS perceptrons trained on different shuffles; their averaged weights
   * are averaged again into one linear model (an ensemble that costs
   * nothing at tagging time). */
  tstore fin = {0};
  rt_classes rcl;
  rt_classes_make(&cl, &rcl);
  size_t ntrw = 0, ndvw = 0;
  for (size_t i = 0; i < ntr; i++) ntrw += (size_t)ts[i].n;
  for (size_t i = 0; i < ndv; i++) ndvw += (size_t)ds[i].n;
  uint8_t *pred = td_xmalloc(ntrw + ndvw + 1);
  float *margin = td_xmalloc((ntrw + ndvw + 1) * sizeof *margin);
  const char *cache = getenv("TD_TAGGER_RTCACHE");
  FILE *cf = cache && *cache ? fopen(cache, "rb") : NULL;
  int cached = cf && fread(pred, 1, ntrw + ndvw, cf) == ntrw + ndvw &&
               fread(margin, sizeof *margin, ntrw + ndvw, cf) == ntrw + ndvw;
  if (cf) fclose(cf);
  for (int run = 0; run < RUNS && !cached; run++) {
    tstore st = {0};
    int32_t now = 1;
    for (size_t i = 0; i < ntr; i++) order[i] = i;
    train_run(&st, &cl, ts, order, ntr, iters, run, &now, ds, ndv, log);
    /* fin += averaged weights / RUNS, stored so that avg_weight(e, 1) = w. */
    for (size_t j = 0; j < st.cap; j++) {
      if (!st.keys[j]) continue;
      const tfeat *ft = &st.feats[st.idx[j]];
      long fi = store_find(&fin, st.keys[j], 1);
      fin.feats[fi].nupd += ft->nupd;
      for (uint32_t k = 0; k < ft->n; k++)
        update(&fin.feats[fi], ft->e[k].cls, (float)(avg_weight(&ft->e[k], now) / RUNS), 0);
    }
    store_free(&st);
  }
  if (log && ds && RUNS > 1 && !cached) {
    double xa, ua;
    dev_acc(&fin, &cl, ds, ndv, 1, &xa, &ua);
    fprintf(log, "ensemble of %d  dev xpos %.2f%%  upos %.2f%%\n", RUNS, xa, ua);
  }
  /* The second pass, from jackknifed first-pass tags of the training set
   * (TD_TAGGER_RTCACHE=path keeps them and the dev tags there, and when
   * the file exists trains and reports the second pass only, for
   * experiments). */
  if (!cached) {
    first_pass_all(NULL, 0, 1, &cl, &rcl, ts, ntr, iters, pred, margin);
    if (ds) first_pass_all(&fin, 1, 0, &cl, &rcl, ds, ndv, iters, pred + ntrw, margin + ntrw);
    if (cache && *cache && (cf = fopen(cache, "wb"))) {
      fwrite(pred, 1, ntrw + ndvw, cf);
      fwrite(margin, sizeof *margin, ntrw + ndvw, cf);
      fclose(cf);
    }
  }
  rt_ex *ex = NULL;
  size_t nex = rt_examples(&cl, &rcl, ts, ntr, pred, margin, &ex);
  tstore rt = {0};
  int32_t rt_now = rt_train(&rt, ex, nex);
  free(ex);
  if (log) fprintf(log, "second pass: %zu examples, %zu features\n", nex, rt.n);
  if (log && ds) rt_report(&cl, &rcl, ds, ndv, pred + ntrw, margin + ntrw, &rt, rt_now, log);
  free(pred);
  free(margin);
  int rc = 0;
  if (!cached) { /* (a run of the second pass alone writes no model) */
    int32_t now = 1;
    wcount wc = {0};
    wc.nclass = cl.nclass;
    for (size_t i = 0; i < ntr; i++)
      for (int j = 0; j < ts[i].n; j++)
        wcount_add(&wc, ts[i].w[j].raw, ts[i].gold[j], ts[i].w[j].lex);
    rc = write_model(&fin, &cl, now, &wc, &rt, rt_now, out_model, log);
    /* TD_TAGGER_SWEEP="p0.002,u3,l50": also writes OUT.p0.002, ... with
     * those pruning fractions / least mistakes / slot table fills, to choose
     * them on dev. */
    const char *sw = getenv("TD_TAGGER_SWEEP");
    while (rc == 0 && sw && *sw) {
      char val[32], path[1024];
      size_t n = strcspn(sw, ",");
      snprintf(val, sizeof val, "%.*s", (int)(n < 31 ? n : 31), sw);
      snprintf(path, sizeof path, "%s.%s", out_model, val);
      const char *var = val[0] == 'u' ? "TD_TAGGER_MINUPD"
                        : val[0] == 'l' ? "TD_TAGGER_LOAD"
                                        : "TD_TAGGER_PRUNE";
      setenv(var, val + 1, 1);
      rc = write_model(&fin, &cl, now, &wc, &rt, rt_now, path, log);
      unsetenv(var);
      sw += n + (sw[n] == ',');
    }
    free(wc.keys);
    free(wc.counts);
    free(wc.lex);
  }
  store_free(&fin);
  store_free(&rt);
  free(order);
  free_sents(ts, ntr);
  if (ds) free_sents(ds, ndv);
  td_conllu_free(tr);
  td_conllu_free(dv);
  td_lemmatizer_free(lem);
  return rc;
}

/* ---- evaluation with gold tokenization ---- */

/* Lowercases ASCII and folds curly quotes, as the tokenizer's norm does. */
static char *norm_form(td_arena *a, const char *s) {
  td_buf b = TD_BUF_INIT;
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == 0xE2 && (unsigned char)p[1] == 0x80 && p[2]) {
      unsigned char d = (unsigned char)p[2];
      if (d == 0x98 || d == 0x99) { td_buf_putc(&b, '\''); p += 2; continue; }
      if (d == 0x9C || d == 0x9D) { td_buf_putc(&b, '"'); p += 2; continue; }
    }
    td_buf_putc(&b, c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  char *r = td_arena_strndup(a, b.ptr ? b.ptr : "", b.len);
  td_buf_free(&b);
  return r;
}

/* Builds a document whose text is the gold words joined by spaces, one
 * sentence per treebank sentence, one token per word. */
static void gold_doc(td_doc *doc, const td_conllu *cu) {
  td_buf text = TD_BUF_INIT;
  size_t nt = 0;
  for (size_t i = 0; i < cu->n; i++) nt += (size_t)cu->sents[i].n;
  doc->toks = td_arena_alloc(&doc->arena, (nt + 1) * sizeof *doc->toks);
  doc->sents = td_arena_alloc(&doc->arena, (cu->n + 1) * sizeof *doc->sents);
  for (size_t i = 0; i < cu->n; i++) {
    td_sent *se = &doc->sents[doc->nsents++];
    se->start = (uint32_t)text.len;
    se->tok0 = (uint32_t)doc->ntoks;
    for (int j = 0; j < cu->sents[i].n; j++) {
      const char *form = cu->sents[i].toks[j].form;
      td_tok *t = &doc->toks[doc->ntoks++];
      memset(t, 0, sizeof *t);
      if (text.len) td_buf_putc(&text, ' ');
      t->start = (uint32_t)text.len;
      td_buf_puts(&text, form);
      t->end = (uint32_t)text.len;
      t->sent = (uint32_t)i;
      t->head = -2;
      t->norm = norm_form(&doc->arena, form);
      if (form[0] >= 'A' && form[0] <= 'Z') t->flags |= TD_TOK_CAP;
      if (j > 0 || i > 0) t->flags |= TD_TOK_SPACE_BEFORE;
    }
    se->ntok = (uint32_t)cu->sents[i].n;
    se->end = (uint32_t)text.len;
  }
  doc->text = td_arena_strndup(&doc->arena, text.ptr ? text.ptr : "", text.len);
  doc->len = text.len;
  td_buf_free(&text);
}

static double seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int td_eval_tagger(const td_engine *eng, const char *conllu, FILE *out) {
  char err[512];
  if (!eng || !eng->tagger) {
    fprintf(out, "eval tagger: no tagger model in the resource image\n");
    return -1;
  }
  td_conllu *cu = td_conllu_read(conllu, err, sizeof err);
  if (!cu) {
    fprintf(out, "eval tagger: %s\n", err);
    return -1;
  }
  td_doc doc;
  memset(&doc, 0, sizeof doc);
  td_arena_init(&doc.arena);
  doc.eng = eng;
  gold_doc(&doc, cu);
  /* Tagging is timed as the best of three passes (the same tags each time):
   * the first pass also pays for faulting in the mapped model. */
  double tag_s = 1e9;
  for (int pass = 0; pass < 3; pass++) {
    double t0 = seconds();
    td_tag(eng, &doc);
    double t1 = seconds();
    if (t1 - t0 < tag_s) tag_s = t1 - t0;
  }
  double t1 = seconds();
  td_lemmatize(eng, &doc);
  double t2 = seconds();
  size_t k = 0, up = 0, xp = 0, lem = 0, lemci = 0;
  /* TD_EVAL_DUMP=path writes every token with a wrong tag or lemma there
   * (form, gold tags, predicted tags, gold lemma, predicted lemma). */
  const char *dpath = getenv("TD_EVAL_DUMP");
  FILE *dump = dpath && *dpath ? fopen(dpath, "w") : NULL;
  for (size_t i = 0; i < cu->n; i++)
    for (int j = 0; j < cu->sents[i].n; j++, k++) {
      const td_cu_tok *g = &cu->sents[i].toks[j];
      const td_tok *t = &doc.toks[k];
      up += t->upos == g->upos;
      xp += t->xpos == g->xpos;
      if (t->lemma && strcmp(t->lemma, g->lemma) == 0) lem++;
      if (t->lemma && strcasecmp(t->lemma, g->lemma) == 0) lemci++;
      if (dump && (t->upos != g->upos || t->xpos != g->xpos ||
                   !t->lemma || strcmp(t->lemma, g->lemma) != 0))
        fprintf(dump, "%s\t%s/%s\t%s/%s\t%s\t%s\n", g->form,
                td_xpos_names[g->xpos], td_upos_names[g->upos],
                td_xpos_names[t->xpos], td_upos_names[t->upos], g->lemma,
                t->lemma ? t->lemma : "(null)");
    }
  if (dump) fclose(dump);
  double n = k ? (double)k : 1;
  fprintf(out, "tokens %zu  sentences %zu\n", k, cu->n);
  fprintf(out, "UPOS   %.2f%%\n", 100.0 * up / n);
  fprintf(out, "XPOS   %.2f%%\n", 100.0 * xp / n);
  fprintf(out, "LEMMA  %.2f%%  (ignoring case %.2f%%)\n", 100.0 * lem / n, 100.0 * lemci / n);
  fprintf(out, "speed  tag %.0f tokens/s, lemmatize %.0f tokens/s (one thread, CPU time)\n",
          k / (tag_s > 0 ? tag_s : 1e-9), k / (t2 - t1 > 0 ? t2 - t1 : 1e-9));
  td_arena_release(&doc.arena);
  td_conllu_free(cu);
  return 0;
}
