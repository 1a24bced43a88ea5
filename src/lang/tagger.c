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
 * words their lexical class without a lemmatizer lookup. Tagging is a pure
 * function of the document and the engine: scratch space comes from the
 * arena.
 *
 * The model format is in train.h; data/models/README.md says how the
 * committed model was trained and how to reproduce it.
 */
#include "lang.h"
#include "train.h"

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

/* Lowercases ASCII, folds curly quotes to ASCII and digits to '0' (so
 * "1995" and "2001" share a feature). Writes at most cap bytes. */
static size_t fold_form(const char *s, size_t n, unsigned char *out, size_t cap,
                        int digits) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
      unsigned char d = (unsigned char)s[i + 2];
      if (d == 0x98 || d == 0x99) { out[k++] = '\''; i += 2; continue; }
      if (d == 0x9C || d == 0x9D) { out[k++] = '"'; i += 2; continue; }
    }
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    else if (digits && c >= '0' && c <= '9') c = '0';
    out[k++] = c;
  }
  return k;
}

/* Hashes the surface forms a word's features use (see train.h). */
void td_tg_word_init(td_tg_word *w, const char *s, size_t n,
                     const struct td_lemmatizer *lem) {
  unsigned char low[128], shape[32];
  size_t ln = fold_form(s, n, low, sizeof low, 1);
  uint32_t fl = 0;
  int nalpha = 0, nupper = 0, ndigit = 0, nother = 0;
  size_t sn = 0;
  unsigned char last = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i], k;
    if (c >= 'A' && c <= 'Z') k = 'X', nalpha++, nupper++;
    else if (c >= 'a' && c <= 'z') k = 'x', nalpha++;
    else if (c >= '0' && c <= '9') k = 'd', ndigit++;
    else if (c >= 0x80) k = 'u', nalpha++;
    else k = c, nother++;
    if (c == '-') fl |= WF_HYPHEN;
    if (k != last && sn < sizeof shape) shape[sn++] = k;
    last = k;
  }
  if (n && s[0] >= 'A' && s[0] <= 'Z') fl |= WF_CAP;
  if (nupper >= 2 && nupper == nalpha) fl |= WF_ALLCAP;
  if (ndigit) fl |= WF_DIGIT;
  if (ndigit && ndigit == (int)n) fl |= WF_ALLDIGIT;
  if (nalpha) fl |= WF_ALPHA;
  if (nalpha && !nupper) fl |= WF_LOWER;
  if (!nalpha && !ndigit) fl |= WF_PUNCT;
  if (n > 12) fl |= WF_LONG;
  w->flags = fl;
  w->lex = td_lemma_lexclass(lem, s, n);
  w->low = fnv(low, ln);
  unsigned char raw[128];
  size_t rn = fold_form(s, n, raw, sizeof raw, 0);
  for (size_t i = 0; i < rn; i++) /* undo lowercasing: keep case */
    if (s[i] >= 'A' && s[i] <= 'Z' && i < n) raw[i] = (unsigned char)s[i];
  w->raw = fnv(raw, rn) ^ 0x5555;
  w->shape = fnv(shape, sn) + (n > 4 ? 1 : 0);
  for (int k = 0; k < 4; k++)
    w->suf[k] = (size_t)k + 1 <= ln ? fnv(low + ln - k - 1, (size_t)k + 1) : 0;
  for (int k = 0; k < 3; k++)
    w->pre[k] = (size_t)k + 1 <= ln ? fnv(low, (size_t)k + 1) : 0;
}

/* The feature templates; train_tagger.c and tag_words() both call this, so
 * training and tagging cannot disagree. Changing a template means
 * retraining the model. */
int td_tg_features(const td_tg_word *w, int n, int i, int p1, int p2,
                   uint64_t *f) {
  static const td_tg_word none = {0x1111, 0x1111, 0x1111, {0}, {0}, 0x8000, 0x1000};
  static const td_tg_word none2 = {0x2222, 0x2222, 0x2222, {0}, {0}, 0x10000, 0x2000};
  const td_tg_word *w0 = &w[i];
  const td_tg_word *wm1 = i > 0 ? &w[i - 1] : &none;
  const td_tg_word *wm2 = i > 1 ? &w[i - 2] : (i > 0 ? &none : &none2);
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
  f[k++] = f1(14, wm2->low);
  f[k++] = f1(15, wp2->low);
  f[k++] = f1(16, wm1->suf[2]);
  f[k++] = f1(17, wp1->suf[2]);
  f[k++] = f1(18, (uint64_t)p1);
  f[k++] = f1(19, (uint64_t)p2);
  f[k++] = f2(20, (uint64_t)p1, (uint64_t)p2);
  f[k++] = f2(21, (uint64_t)p1, w0->low);
  f[k++] = f2(22, wm1->low, w0->low);
  f[k++] = f2(23, w0->low, wp1->low);
  f[k++] = f1(24, wp1->shape);
  f[k++] = f1(25, wm1->shape);
  f[k++] = f2(26, (uint64_t)p1, w0->suf[2]);
  f[k++] = f1(27, wp1->suf[1]);
  f[k++] = f2(28, wp1->low, wp2->low);
  f[k++] = f1(29, w0->lex);
  f[k++] = f1(30, wp1->lex);
  f[k++] = f2(31, w0->lex, w0->suf[1]);
  f[k++] = f2(32, w0->lex, w0->flags);
  f[k++] = f1(35, wp1->flags);
  f[k++] = f1(36, wm1->flags);
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

/* Adds the weights of the nf features f to the class scores sc. The slots
 * are prefetched first: the table is larger than the caches, and the
 * lookups are independent of each other. Most features carry their
 * weights in the slot; the rest are gathered and added after. */
static void score(const struct td_tagger *t, const uint64_t *f, int nf,
                  int16_t *sc) {
  uint32_t nslot = t->h->nslot;
  uint32_t at[TD_TG_MAXFEAT];
  const td_tg_slot *ref[TD_TG_MAXFEAT];
  int nref = 0;
  for (int i = 0; i < nf; i++) {
    at[i] = slot_of(f[i], nslot);
    __builtin_prefetch(&t->slots[at[i]]);
  }
  uint32_t npad = (t->h->nclass + 7) & ~7u;
  memset(sc, 0, npad * sizeof *sc);
  for (int i = 0; i < nf; i++) {
    uint32_t key = (uint32_t)(f[i] >> 32) | 1, s = at[i];
    for (;;) {
      const td_tg_slot *e = &t->slots[s];
      if (e->key == key) {
        if (e->cls[0] == TD_TG_EXT) {
          const int16_t *w = t->ext + ext_first(e);
          ref[nref++] = e;
          __builtin_prefetch(w);
          if (e->cls[1] == TD_TG_DENSE) /* the row's other cache lines */
            for (uint32_t c = 32; c < npad; c += 32) __builtin_prefetch(w + c);
        } else {
          sc[e->cls[0]] = (int16_t)(sc[e->cls[0]] + e->w[0]);
          sc[e->cls[1]] = (int16_t)(sc[e->cls[1]] + e->w[1]);
          sc[e->cls[2]] = (int16_t)(sc[e->cls[2]] + e->w[2]);
          sc[e->cls[3]] = (int16_t)(sc[e->cls[3]] + e->w[3]);
        }
        break;
      }
      if (e->key == 0) break;
      if (++s == nslot) s = 0;
    }
  }
  for (int i = 0; i < nref; i++) {
    const int16_t *w = t->ext + ext_first(ref[i]);
    uint32_t cnt = ref[i]->cls[1];
    if (cnt == TD_TG_DENSE) {
      add_row(sc, w, npad);
      continue;
    }
    for (uint32_t j = 0; j < cnt; j++)
      sc[(uint16_t)w[2 * j]] = (int16_t)(sc[(uint16_t)w[2 * j]] + w[2 * j + 1]);
  }
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

/* The first index of the largest of sc[0..n); sc has room for n rounded
 * up to 8 (the padding is overwritten). */
static int argmax(int16_t *sc, int n) {
  int np = (n + 7) & ~7;
  for (int c = n; c < np; c++) sc[c] = INT16_MIN;
#ifdef __SSE2__
  __m128i m = _mm_load_si128((const __m128i *)sc);
  for (int c = 8; c < np; c += 8) m = _mm_max_epi16(m, _mm_load_si128((const __m128i *)(sc + c)));
  m = _mm_max_epi16(m, _mm_shuffle_epi32(m, 0x4E));
  m = _mm_max_epi16(m, _mm_shuffle_epi32(m, 0xB1));
  m = _mm_max_epi16(m, _mm_shufflelo_epi16(m, 0xB1));
  int16_t mx = (int16_t)_mm_extract_epi16(m, 0);
  __m128i v = _mm_set1_epi16(mx);
  for (int c = 0; c < np; c += 8) {
    int bits = _mm_movemask_epi8(_mm_cmpeq_epi16(v, _mm_load_si128((const __m128i *)(sc + c))));
    if (bits) return c + __builtin_ctz((unsigned)bits) / 2;
  }
  return 0;
#else
  int best = 0;
  for (int c = 1; c < n; c++)
    if (sc[c] > sc[best]) best = c;
  return best;
#endif
}

/* Tags the n words of one sentence: cls[i] holds the dictionary class of
 * word i or 255, and receives the class of word i. */
static void tag_words(const struct td_tagger *t, const td_tg_word *w, int n,
                      uint8_t *cls) {
  int nc = (int)t->h->nclass;
  int p1 = nc, p2 = nc;
  uint64_t f[TD_TG_MAXFEAT], fa[TD_TG_MAXFEAT];
  _Alignas(16) int16_t sc[TD_TG_MAXCLASS + 8];
  for (int i = 0; i < n; i++) {
    /* Prefetch the slots of the next scored word's features while this
     * one is scored: most of them do not depend on the history. */
    if (i + 1 < n && cls[i + 1] == 255) {
      int na = td_tg_features(w, n, i + 1, nc, nc, fa);
      for (int k = 0; k < na; k++)
        __builtin_prefetch(&t->slots[slot_of(fa[k], t->h->nslot)]);
    }
    int best = cls[i];
    if (best == 255) {
      int nf = td_tg_features(w, n, i, p1, p2, f);
      score(t, f, nf, sc);
      best = argmax(sc, nc);
    }
    cls[i] = (uint8_t)best;
    p2 = p1;
    p1 = best;
  }
}

/* Checks a model image of len bytes and points t into it: after this,
 * every class and outside index it holds is in range. 0 or -1. */
static int bind(struct td_tagger *t, const void *data, size_t len, char *err,
                size_t errlen) {
  const td_tg_header *h = data;
  if (!data || len < sizeof *h || memcmp(h->magic, "TDTAG002", 8) != 0) {
    snprintf(err, errlen, "tagger model missing or not a tidings tagger model (TDTAG002)");
    return -1;
  }
  size_t ctab = ((size_t)h->nclass * 4 + 15) & ~(size_t)15;
  size_t wsz = ((size_t)h->nent * 2 + 15) & ~(size_t)15;
  if (h->nclass == 0 || h->nclass > TD_TG_MAXCLASS || h->nslot == 0 ||
      h->nslot > (1u << 28) || h->ndict > (1u << 28) ||
      sizeof *h + ctab + (size_t)h->nslot * sizeof(td_tg_slot) + wsz +
              (size_t)h->ndict * 8 > len) {
    snprintf(err, errlen, "tagger model is truncated or corrupt");
    return -1;
  }
  const uint8_t *p = (const uint8_t *)data + sizeof *h;
  t->h = h;
  t->cls_tab = p;
  t->slots = (const td_tg_slot *)(p + ctab);
  t->ext = (const int16_t *)(p + ctab + (size_t)h->nslot * sizeof(td_tg_slot));
  t->dict = (const uint32_t *)((const uint8_t *)t->ext + wsz);
  for (uint32_t i = 0; i < h->ndict; i++)
    if (t->dict[2 * i] && (t->dict[2 * i + 1] & 255) >= h->nclass &&
        (t->dict[2 * i + 1] & 255) != TD_TG_NODICT) {
      snprintf(err, errlen, "tagger model has a bad dictionary entry");
      return -1;
    }
  uint32_t npad = (h->nclass + 7) & ~7u;
  for (uint32_t i = 0; i < h->nslot; i++) {
    const td_tg_slot *e = &t->slots[i];
    if (!e->key) continue;
    int bad = 0;
    if (e->cls[0] != TD_TG_EXT) {
      for (int j = 0; j < 4; j++)
        bad |= e->cls[j] >= h->nclass || e->w[j] > TD_TG_WMAX || e->w[j] < -TD_TG_WMAX;
    } else {
      uint32_t cnt = e->cls[1];
      uint64_t first = ext_first(e);
      uint64_t n = cnt == TD_TG_DENSE ? npad : 2 * (uint64_t)cnt;
      bad = first + n > h->nent;
      for (uint32_t j = 0; !bad && cnt != TD_TG_DENSE && j < cnt; j++)
        bad = (uint16_t)t->ext[first + 2 * j] >= h->nclass;
    }
    if (bad) {
      snprintf(err, errlen, "tagger model has a bad slot");
      return -1;
    }
  }
  for (uint32_t i = 0; i < h->nent; i++) /* class ids are small too */
    if (t->ext[i] > TD_TG_WMAX || t->ext[i] < -TD_TG_WMAX) {
      snprintf(err, errlen, "tagger model has a weight out of range");
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
  return 0;
}

/* ---- API ---- */

struct td_tagger *td_tagger_load(const td_res *res, char *err, size_t errlen) {
  size_t len = 0;
  const void *data = res ? td_res_get(res, "tagger", &len) : NULL;
  struct td_tagger *t = td_xcalloc(1, sizeof *t);
  if (bind(t, data, len, err, errlen) != 0) {
    td_tagger_free(t);
    return NULL;
  }
  return t;
}

void td_tagger_free(struct td_tagger *t) { free(t); }

/* Tags every sentence of doc; without a model (no "tagger" section) tags
 * stay 0 and the stage still succeeds. */
int td_tag(const td_engine *eng, td_doc *doc) {
  const struct td_tagger *t = eng ? eng->tagger : NULL;
  if (!t || doc->ntoks == 0) return 0;
  size_t maxn = 0;
  for (size_t s = 0; s < doc->nsents; s++)
    if (doc->sents[s].ntok > maxn) maxn = doc->sents[s].ntok;
  td_tg_word *w = td_arena_alloc(&doc->arena, maxn * sizeof *w + 1);
  uint8_t *cls = td_arena_alloc(&doc->arena, maxn + 1);
  for (size_t s = 0; s < doc->nsents; s++) {
    const td_sent *se = &doc->sents[s];
    if ((size_t)se->tok0 + se->ntok > doc->ntoks) continue;
    td_tok *tk = doc->toks + se->tok0;
    int n = (int)se->ntok;
    for (int i = 0; i < n; i++) {
      uint32_t a = tk[i].start, b = tk[i].end;
      if (b > doc->len || a > b) a = b = 0; /* a bad span reads as empty */
      td_tg_word_init(&w[i], doc->text + a, b - a, NULL);
    }
    /* The word table gives dictionary words their class (cls 255: to be
     * scored) and known words their lexical class. For the others the
     * lexical class is a lemmatizer lookup, only done where a feature
     * reads it: for a scored word and the word before it. */
    for (int i = 0; i < n; i++) {
      long v = word_entry(t, &w[i]);
      cls[i] = v < 0 ? 255 : (uint8_t)(v & 255);
      w[i].lex = v < 0 ? UINT32_MAX : (uint32_t)v >> 8;
    }
    for (int i = 0; i < n; i++) {
      if (w[i].lex != UINT32_MAX) continue;
      w[i].lex = 0;
      if (cls[i] == 255 || (i > 0 && cls[i - 1] == 255)) {
        uint32_t a = tk[i].start, b = tk[i].end;
        if (b > doc->len || a > b) a = b = 0;
        w[i].lex = td_lemma_lexclass(eng->lemma, doc->text + a, b - a);
      }
    }
    tag_words(t, w, n, cls);
    for (int i = 0; i < n; i++) {
      const uint8_t *e = t->cls_tab + 4 * cls[i];
      tk[i].xpos = (uint16_t)(e[0] | e[1] << 8);
      tk[i].upos = e[2];
    }
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
  struct td_tagger t;
  int rc = bind(&t, b.ptr, b.len, err, errlen);
  if (rc == 0) td_resw_add(w, "tagger", b.ptr, b.len);
  td_buf_free(&b);
  return rc;
}
