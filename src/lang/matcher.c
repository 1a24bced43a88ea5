/*
 * matcher.c — the shared dictionary matcher: compiled hashed n-gram tables
 * and longest-match search over a document's tokens.
 *
 * A table is one flat, position-independent block (little-endian), usable
 * straight from the memory-mapped resource image:
 *
 *   "TDDICT03"
 *   u32 nslots (a power of two)   u32 nentries   u32 maxkey   u32 poolsize
 *   u32 npslots (a power of two)  u32 reserved
 *   u32 nclasses  u32 gate lines (0: no gate)  u32 entries per mode x 3
 *   u32 reserved x 3
 *   nslots   x { u64 hash; u32 first; u32 count; }    count 0 = empty slot
 *   npslots  x u64 prefix hash (0 = empty)
 *   nentries x { u32 key; u32 cls; u32 payload; u32 flags; }   pool offsets
 *   pool: NUL-terminated strings, then zero bytes to a multiple of 8
 *   gate lines x 8 x u64          the gate (see "the gate" below)
 *   nclasses x u32                the pool offsets of the distinct classes
 *   nentries x u32                each entry's class: an index into those
 *   nslots x u8, npslots x u8     each slot's tag (see tag_of), 0 = empty
 *   when the first reserved u32 after the modes has bit 0 set: zero bytes
 *   to a multiple of 8, then 1024 x u64, the first two bytes of the
 *   exact-case keys (see case_probe)
 *
 * Everything after the pool (issue 11) is derived from what comes before
 * and is precomputed so that loading costs nothing; "TDDICT02" images
 * (the same without it, a 32-byte header) are still read, and derive it
 * when added.
 *
 * A key is a phrase folded by fold_cp() below (each run of spaces and
 * hyphens made one space, apostrophes made ASCII, lowercased unless the
 * entry is TD_DICT_CASE); in a document, tokens with whitespace between
 * them are joined by one space, touching tokens by none (`U.S` `.`);
 * entries with the same (key, mode) sit together and one slot points at
 * them. The slot hash is FNV-1a over the key bytes mixed with the mode, so
 * it extends token by token while matching: from each start token the
 * matcher appends the next token's folded bytes and probes, stopping when
 * the key outgrows the longest phrase (maxkey), so the work per sentence is
 * linear in its length.
 */
#include "matcher.h"
#include "petrarch.h"

#include <dirent.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC2 "TDDICT02"
#define MAGIC "TDDICT03"
#define HDR2 32
#define HDR 64
#define KEYCAP 256     /* longest key the matcher builds */
#define MAXTOKS 32     /* most tokens one match spans */
#define NMODES 3       /* 0 folded lowercase, 1 exact case, 2 lemma */
#define GATE_LINE 8    /* uint64 words per gate line: 512 bits, one cache line */

typedef struct {
  uint64_t hash;
  uint32_t first, count;
} dslot;

typedef struct {
  uint32_t key, cls, payload, flags;
} dentry;

typedef struct {
  const dslot *slots;
  const dentry *entries;
  const char *pool;
  const uint64_t *pslots; /* hashes of the keys' prefixes at word breaks */
  const uint8_t *tags;     /* per slot: 0 empty, else tag_of(hash); NULL: none */
  const uint8_t *ptags;    /* per prefix slot, the same; NULL: none */
  const uint32_t *lcls;    /* per entry: its class, an index into clsoff */
  const uint32_t *clsoff;  /* the table's distinct classes: pool offsets */
  uint32_t nlcls;
  const uint32_t *gmap;    /* the table's class index -> id in td_dict.cls */
  uint32_t nslots, nentries, maxkey, poolsize, npslots;
  uint32_t nmode[NMODES];  /* entries per mode: a mode without any is never probed */
  const uint64_t *gate;    /* the gate (see gate_build); NULL: none */
  uint32_t gmask;          /* its lines - 1 */
  int v2;                  /* an old image: the derived parts are made when added */
  const uint64_t *case2;   /* first two bytes of exact-case keys (see case_probe) */
} dtable;

struct td_dict {
  dtable *tabs;
  size_t ntabs, cap_tabs;
  void **owned;         /* blocks compiled at run time */
  size_t nowned, cap_owned;
  uint32_t maxkey;
  const char **cls;     /* distinct class names over all tables (ids: index) */
  size_t ncls, cap_cls;
  uint64_t serial;      /* new for every change: documents' caches key on it */
  int has_mode[NMODES]; /* some table has entries of the mode */
  int prefetch;         /* some table's gate is big enough to miss the cache */
};

/* Gate lines from which a table's gate is prefetched (perf, issue 11):
 * 128 KB. A smaller gate (the actors' 16 KB) stays in the cache, and
 * asking for its lines ahead only costs instructions. */
#define PREFETCH_LINES 2048
/* Slots from which a table's probes are prefetched (probes_prefetch):
 * the gazetteer's half million, not the actors' sixteen thousand. */
#define PREFETCH_SLOTS 65536

static _Atomic uint64_t dict_serials;

/* ---- folding ---- */

/* Folds one code point for a key: returns ' ' for a word separator
 * (spaces, hyphens), 0 to drop it (soft hyphen), else the code point to
 * keep. Lowercases when `lower`. */
static uint32_t fold_cp(uint32_t c, int lower) {
  if (c == 0xAD) return 0;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == 0xA0 ||
      c == 0x2010 || c == 0x2011 || td_is_space_cp(c))
    return ' ';
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 || c == 0x60) return '\'';
  if (c == 0x201C || c == 0x201D) return '"';
  if (!lower) return c;
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    int even_upper = (c <= 0x137) || (c >= 0x14A && c <= 0x177);
    if (even_upper ? (c % 2 == 0) : (c % 2 == 1 && c >= 0x139 && c <= 0x148)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

/* Appends the folded form of s[0..n) to key (at *klen, capacity KEYCAP).
 * Returns 0, or -1 when the key would overflow. */
static int fold_into(char *key, size_t *klen, const char *s, size_t n, int lower) {
  size_t i = 0, k = *klen;
  while (i < n) {
    uint32_t c;
    int l = td_utf8_decode((const unsigned char *)s + i, n - i, &c);
    if (l <= 0) l = 1;
    i += (size_t)l;
    c = fold_cp(c, lower);
    if (!c) continue;
    if (c == ' ' && (k == 0 || key[k - 1] == ' ')) continue; /* one separator */
    if (c < 0x80) {
      if (k + 1 >= KEYCAP) return -1;
      key[k++] = (char)c;
    } else {
      char tmp[4];
      int m = td_utf8_encode(tmp, c);
      if (k + (size_t)m >= KEYCAP) return -1;
      memcpy(key + k, tmp, (size_t)m);
      k += (size_t)m;
    }
  }
  key[k] = 0;
  *klen = k;
  return 0;
}

static int entry_mode(unsigned flags) {
  return (flags & TD_DICT_LEMMA) ? 2 : (flags & TD_DICT_CASE) ? 1 : 0;
}

static uint64_t fnv_extend(uint64_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}
#define FNV_INIT 0xcbf29ce484222325ULL

static uint64_t slot_hash(uint64_t h, int mode) {
  h ^= (uint64_t)(mode + 1) * 0x9E3779B97F4A7C15ULL;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return h;
}

/* ---- tables ---- */

static uint32_t rd32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

/* Sets in bits (1024 words, zeroed) the first byte, and the first two
 * bytes, of every exact-case key among entries e[0..n) (keys in pool of
 * poolsize bytes): case_probe's bit set. */
static void case_bits(const dentry *e, uint32_t n, const char *pool, uint32_t poolsize,
                      uint64_t *bits) {
  for (uint32_t i = 0; i < n; i++) {
    if (entry_mode(e[i].flags) != 1) continue;
    const unsigned char *k = (const unsigned char *)pool + e[i].key;
    if (e[i].key + 1 >= poolsize) { /* cannot read two bytes: probe all */
      memset(bits, 0xFF, 65536 / 8);
      return;
    }
    unsigned p0 = (unsigned)k[0] << 8, p1 = p0 | k[1];
    bits[p0 >> 6] |= 1ULL << (p0 & 63); /* a one-byte prefix ("U" of "U.S") */
    bits[p1 >> 6] |= 1ULL << (p1 & 63);
  }
}
#define CASE_WORDS (65536 / 64)

static int table_open(dtable *t, const void *img, size_t len) {
  const unsigned char *p = img;
  memset(t, 0, sizeof *t);
  if (len < HDR2) return -1;
  int v2 = memcmp(p, MAGIC2, 8) == 0;
  if (!v2 && (len < HDR || memcmp(p, MAGIC, 8) != 0)) return -1;
  size_t hdr = v2 ? HDR2 : HDR;
  t->v2 = v2;
  t->nslots = rd32(p + 8), t->nentries = rd32(p + 12);
  t->maxkey = rd32(p + 16), t->poolsize = rd32(p + 20), t->npslots = rd32(p + 24);
  uint64_t need = hdr + (uint64_t)t->nslots * sizeof(dslot) + (uint64_t)t->npslots * 8 +
                  (uint64_t)t->nentries * sizeof(dentry) + t->poolsize;
  if (need > len || (t->nslots & (t->nslots - 1)) != 0 || t->nslots == 0 ||
      (t->npslots & (t->npslots - 1)) != 0 || t->npslots == 0)
    return -1;
  t->slots = (const dslot *)(p + hdr);
  t->pslots = (const uint64_t *)(t->slots + t->nslots);
  t->entries = (const dentry *)(t->pslots + t->npslots);
  t->pool = (const char *)(t->entries + t->nentries);
  if (v2) return 0;
  uint32_t ncls = rd32(p + 32), glines = rd32(p + 36);
  for (int m = 0; m < NMODES; m++) t->nmode[m] = rd32(p + 40 + 4 * (size_t)m);
  uint64_t at = (need + 7) / 8 * 8;
  uint64_t gbytes = (uint64_t)glines * GATE_LINE * 8;
  uint64_t end = at + gbytes + (uint64_t)ncls * 4 + (uint64_t)t->nentries * 4 + t->nslots +
                 t->npslots;
  int has_case = rd32(p + 52) & 1;
  uint64_t case_at = (end + 7) / 8 * 8;
  if (has_case) end = case_at + CASE_WORDS * 8;
  if (end > len || (glines & (glines - 1)) != 0) return -1;
  /* (made at make time since issue 11: 0.1 ms of every start read every
   * entry of the gazetteer to find its 136 exact-case keys) */
  if (has_case) t->case2 = (const uint64_t *)(p + case_at);
  t->gate = glines ? (const uint64_t *)(p + at) : NULL;
  t->gmask = glines ? glines - 1 : 0;
  t->clsoff = (const uint32_t *)(p + at + gbytes);
  t->nlcls = ncls;
  t->lcls = t->clsoff + ncls;
  t->tags = (const uint8_t *)(t->lcls + t->nentries);
  t->ptags = t->tags + t->nslots;
  for (uint32_t k = 0; k < ncls; k++)
    if (t->clsoff[k] >= t->poolsize) return -1;
  for (uint32_t e = 0; e < t->nentries; e++)
    if (t->lcls[e] >= ncls) return -1;
  return 0;
}

/* A slot's one-byte tag in dtable.tags (perf, issue 11): a probe walks
 * the small tag array (1 byte a slot, cache-resident even for the
 * gazetteer) and reads a 16-byte slot only when its tag matches. */
static uint8_t tag_of(uint64_t h) { return (uint8_t)((h >> 56) | 1); }

/* Whether the NUL-terminated pool string p is key[0..n) (a folded key holds
 * no NUL byte, so the loop ends at p's end at the latest). */
static int key_is(const char *p, const char *key, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (p[k] != key[k]) return 0;
  return p[n] == 0;
}

/* The slot holding (key[0..kl), mode), or NULL: h is its slot_hash(). The
 * key needs no NUL after it (perf, issue 11: a token's cached form is
 * probed where it lies). */
static const dslot *table_find(const dtable *t, uint64_t h, const char *key, size_t kl,
                               int mode) {
  uint32_t mask = t->nslots - 1;
  uint8_t tag = tag_of(h);
  for (uint32_t i = (uint32_t)h & mask, n = 0; n < t->nslots; i = (i + 1) & mask, n++) {
    if (t->tags) {
      if (t->tags[i] == 0) return NULL;
      if (t->tags[i] != tag) continue;
    }
    const dslot *s = &t->slots[i];
    if (s->count == 0) return NULL;
    if (s->hash != h) continue;
    const dentry *e = &t->entries[s->first];
    if (entry_mode(e->flags) == mode && key_is(t->pool + e->key, key, kl)) return s;
  }
  return NULL;
}

/* Whether some key of the table starts with a word-break prefix hashing to
 * h (false positives only cost time). */
static int table_has_prefix(const dtable *t, uint64_t h) {
  h |= 1;
  uint32_t mask = t->npslots - 1;
  uint8_t tag = tag_of(h);
  for (uint32_t i = (uint32_t)h & mask, n = 0; n < t->npslots; i = (i + 1) & mask, n++) {
    if (t->ptags) {
      if (t->ptags[i] == 0) return 0;
      if (t->ptags[i] != tag) continue;
    }
    if (t->pslots[i] == 0) return 0;
    if (t->pslots[i] == h) return 1;
  }
  return 0;
}

/* Whether table t may hold an exact-case key, or a key prefix, that begins
 * with the first two bytes of key[0..n) (perf, issue 11): the
 * table's bit set of (first byte, second byte or 0) over its exact-case
 * keys; a key and each of its prefixes share the key's first byte, and its
 * first two when not one byte long. Exact-case keys are mostly capitalized
 * names, so most lowercase starts need no mode-1 probes. */
static int case_probe(const dtable *t, const char *key, size_t n) {
  if (!t->case2) return 1;
  unsigned p = (unsigned)(n ? (unsigned char)key[0] : 0) << 8 | (n > 1 ? (unsigned char)key[1] : 0);
  return (int)((t->case2[p >> 6] >> (p & 63)) & 1);
}

/* Whether class cls is name or a subclass "name.<sub>" (perf, issue 11:
 * class names are short; a byte loop costs less than strlen + strncmp). */
static int class_is(const char *cls, const char *name) {
  while (*name && *cls == *name) cls++, name++;
  return !*name && (*cls == 0 || *cls == '.');
}

static int class_ok(const char *cls, const char *const *classes) {
  if (!classes) return 1;
  for (; *classes; classes++)
    if (class_is(cls, *classes)) return 1;
  return 0;
}

static int slot_accepts(const dtable *t, const dslot *s, const char *const *classes) {
  for (uint32_t k = 0; k < s->count; k++)
    if (class_ok(t->pool + t->entries[s->first + k].cls, classes)) return 1;
  return 0;
}

static int slot_emit(const dtable *t, const dslot *s, const char *const *classes,
                     uint32_t tok0, uint32_t tok1, td_match_cb cb, void *ctx) {
  for (uint32_t k = 0; k < s->count; k++) {
    const dentry *e = &t->entries[s->first + k];
    td_match m = {tok0, tok1, t->pool + e->key, t->pool + e->cls, t->pool + e->payload,
                  e->flags};
    if (class_ok(m.cls, classes) && cb(ctx, &m)) return 1;
  }
  return 0;
}

/* ---- the dictionary ---- */

td_dict *td_dict_new(void) {
  td_dict *d = td_xcalloc(1, sizeof(td_dict));
  d->serial = atomic_fetch_add(&dict_serials, 1) + 1;
  return d;
}

void td_dict_free(td_dict *d) {
  if (!d) return;
  for (size_t i = 0; i < d->nowned; i++) free(d->owned[i]);
  free(d->owned);
  free(d->tabs);
  free(d->cls);
  free(d);
}

static void own(td_dict *d, void *p) {
  TD_GROW(d->owned, d->cap_owned, d->nowned + 1);
  d->owned[d->nowned++] = p;
}

/* The id of class name `name` in d->cls, added when new. */
static uint32_t class_id(td_dict *d, const char *name) {
  for (size_t i = 0; i < d->ncls; i++)
    if (strcmp(d->cls[i], name) == 0) return (uint32_t)i;
  TD_GROW(d->cls, d->cap_cls, d->ncls + 1);
  d->cls[d->ncls] = name;
  return (uint32_t)d->ncls++;
}

/* The distinct classes of n entries (cls[i * stride] is entry i's class,
 * a pool offset): writes each entry's index into the malloc'd *offs list
 * to lcls[i] and returns the list's length (perf, issue 11: a class filter
 * is then one table look-up per entry instead of string compares). The
 * builder interns strings, so one offset is one class; a small
 * open-addressing map from offset to index resolves each one once. */
static uint32_t local_classes(const uint32_t *cls, size_t stride, size_t n, uint32_t *lcls,
                              uint32_t **offs) {
  size_t cap = 64, nd = 0, capd = 0;
  uint32_t *key = td_xcalloc(cap, sizeof *key), *val = td_xmalloc(cap * sizeof *val);
  uint32_t *out = NULL;
  for (size_t e = 0; e < n; e++) {
    uint32_t off = cls[e * stride], k = off + 1; /* 0: an empty map cell */
    size_t j = (k * 0x9E3779B1u) & (cap - 1);
    while (key[j] && key[j] != k) j = (j + 1) & (cap - 1);
    if (!key[j]) {
      TD_GROW(out, capd, nd + 1);
      out[nd] = off;
      key[j] = k, val[j] = (uint32_t)nd++;
      if (nd * 2 > cap) { /* grow: rehash */
        size_t nc = cap * 2;
        uint32_t *nk = td_xcalloc(nc, sizeof *nk), *nv = td_xmalloc(nc * sizeof *nv);
        for (size_t i = 0; i < cap; i++)
          if (key[i]) {
            size_t q = (key[i] * 0x9E3779B1u) & (nc - 1);
            while (nk[q]) q = (q + 1) & (nc - 1);
            nk[q] = key[i], nv[q] = val[i];
          }
        free(key), free(val);
        key = nk, val = nv, cap = nc;
        j = (k * 0x9E3779B1u) & (cap - 1);
        while (key[j] != k) j = (j + 1) & (cap - 1);
      }
    }
    lcls[e] = val[j];
  }
  free(key), free(val);
  *offs = out ? out : td_xcalloc(1, sizeof *out);
  return (uint32_t)nd;
}

/* ---- the gate (perf, issue 11) ----
 * A blocked Bloom filter per table over the lowercase forms of every key
 * and of every key prefix the prefix set holds, of all modes. While
 * matching, the document's lowercase key (modes 0 and 1: a case key
 * lowercased is the lowercase key) and its lemma key are looked up in it
 * first: when neither (nor either without a glued 's) is there, no probe
 * of the table can hit and no key goes on, so the start is dead after one
 * cache line instead of four table probes. False positives only cost
 * time. Built when the table is added (a few ms for the gazetteer). */

static int is_break(char c);


static uint64_t gate_hash(uint64_t fnv) { return slot_hash(fnv, NMODES); }

static void gate_add(uint64_t *g, uint32_t gmask, uint64_t h) {
  uint64_t *line = g + (size_t)(h & gmask) * GATE_LINE;
  for (int k = 0; k < 3; k++) {
    unsigned b = (unsigned)(h >> (28 + 9 * k)) & 511;
    line[b >> 6] |= 1ULL << (b & 63);
  }
}

/* Whether gate g may hold the string of gate hash h. Inline where every
 * token is tested (quick_dead); a call elsewhere (perf, issue 11: inlined
 * at every use, the matcher ran more instructions, not fewer). */
static inline __attribute__((always_inline)) int gate_test(const uint64_t *g, uint32_t gmask,
                                                           uint64_t h) {
  const uint64_t *line = g + (size_t)(h & gmask) * GATE_LINE;
  unsigned b0 = (unsigned)(h >> 28) & 511, b1 = (unsigned)(h >> 37) & 511,
           b2 = (unsigned)(h >> 46) & 511; /* gate_add's three bits, tested without branches */
  return (int)((line[b0 >> 6] >> (b0 & 63)) & (line[b1 >> 6] >> (b1 & 63)) &
               (line[b2 >> 6] >> (b2 & 63)) & 1);
}

static int gate_has(const uint64_t *g, uint32_t gmask, uint64_t h) { return gate_test(g, gmask, h); }

/* Gate lines for a table of nkeys keys and at most nprefix prefixes:
 * about 12 bits a string. */
static uint32_t gate_lines(size_t nkeys, size_t nprefix) {
  size_t want = (nkeys + nprefix) * 12 / 512 + 1;
  uint32_t n = 1;
  while (n < want && n < (1u << 26)) n *= 2;
  return n;
}

/* Adds key[0..kl) of `mode` and its word-break prefixes (those the prefix
 * set holds) to gate g, lowercased. -1 when a case key cannot be
 * lowercased in place (the table then gets no gate). */
static int gate_key(uint64_t *g, uint32_t gmask, const char *key, size_t kl, int mode) {
  char low[KEYCAP];
  if (mode == 1) {
    size_t n = 0;
    if (kl >= KEYCAP || fold_into(low, &n, key, kl, 1) != 0 || n != kl) return -1;
    key = low;
  }
  uint64_t h = FNV_INIT;
  for (size_t p = 0; p < kl; p++) {
    if (p > 0 && key[p - 1] != ' ' && (key[p] == ' ' || is_break(key[p - 1]) || is_break(key[p])))
      gate_add(g, gmask, gate_hash(h));
    h = fnv_extend(h, key + p, 1);
  }
  gate_add(g, gmask, gate_hash(h));
  return 0;
}

/* Builds an old (TDDICT02) table's gate: malloc'd, or NULL for none. */
static uint64_t *gate_build(dtable *t) {
  size_t nkeys = 0;
  for (uint32_t i = 0; i < t->nslots; i++) nkeys += t->slots[i].count > 0;
  uint32_t nlines = gate_lines(nkeys, t->npslots / 2);
  uint64_t *g = td_xcalloc((size_t)nlines * GATE_LINE, sizeof *g);
  t->gmask = nlines - 1;
  for (uint32_t i = 0; i < t->nslots; i++) {
    const dslot *s = &t->slots[i];
    if (!s->count || s->first >= t->nentries) continue;
    const dentry *e = &t->entries[s->first];
    if (e->key >= t->poolsize) continue;
    const char *key = t->pool + e->key;
    if (gate_key(g, t->gmask, key, strnlen(key, t->poolsize - e->key), entry_mode(e->flags)) != 0) {
      free(g);
      return NULL;
    }
  }
  return g;
}

int td_dict_add_image(td_dict *d, const void *img, size_t len) {
  dtable t;
  if (!img) return -1;
  /* The table is read where it is mapped, shared by every thread and
   * process (issue 11: resources shared between processes and ranks).
   * A private copy on huge pages made the gazetteer's 18 MB table ~10%
   * cheaper to probe (fewer TLB misses) but cost every process 24-60 MB
   * of its own: at 16 threads the RSS budget of 400 MB could not hold it. */
  if (table_open(&t, img, len) != 0) return -1;
  if (t.v2) { /* derive what a TDDICT03 image carries */
    uint8_t *tags = td_xmalloc(t.nslots);
    for (uint32_t i = 0; i < t.nslots; i++)
      tags[i] = t.slots[i].count ? tag_of(t.slots[i].hash) : 0;
    t.tags = tags;
    own(d, tags);
    uint8_t *ptags = td_xmalloc(t.npslots);
    for (uint32_t i = 0; i < t.npslots; i++) ptags[i] = t.pslots[i] ? tag_of(t.pslots[i]) : 0;
    t.ptags = ptags;
    own(d, ptags);
    for (uint32_t e = 0; e < t.nentries; e++) t.nmode[entry_mode(t.entries[e].flags)]++;
    uint32_t *lcls = td_xmalloc(((size_t)t.nentries + 1) * sizeof *lcls), *offs;
    t.nlcls = local_classes(&t.entries[0].cls, 4, t.nentries, lcls, &offs);
    t.lcls = lcls, t.clsoff = offs;
    own(d, lcls);
    own(d, offs);
    uint64_t *gate = gate_build(&t);
    if (gate) own(d, gate);
    t.gate = gate;
  }
  if (t.nmode[1] && !t.case2) { /* case_probe's bit set: 8 KB, made in one pass */
    uint64_t *bits = td_xcalloc(CASE_WORDS, sizeof *bits);
    case_bits(t.entries, t.nentries, t.pool, t.poolsize, bits);
    t.case2 = bits;
    own(d, bits);
  }
  uint32_t *gmap = td_xmalloc(((size_t)t.nlcls + 1) * sizeof *gmap);
  for (uint32_t k = 0; k < t.nlcls; k++) gmap[k] = class_id(d, t.pool + t.clsoff[k]);
  t.gmap = gmap;
  own(d, gmap);
  TD_GROW(d->tabs, d->cap_tabs, d->ntabs + 1);
  d->tabs[d->ntabs++] = t;
  for (int mode = 0; mode < NMODES; mode++) d->has_mode[mode] |= t.nmode[mode] > 0;
  if (t.gate && t.gmask + 1 >= PREFETCH_LINES) d->prefetch = 1;
  if (t.maxkey > d->maxkey) d->maxkey = t.maxkey;
  d->serial = atomic_fetch_add(&dict_serials, 1) + 1;
  return 0;
}

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int td_dict_add_dir(td_dict *d, const char *dir, char *err, size_t errlen) {
  DIR *dh = opendir(dir);
  if (!dh) {
    snprintf(err, errlen, "cannot open dictionary folder %s: %s", dir, strerror(errno));
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(dh)) != NULL) {
    size_t l = strlen(de->d_name);
    int petrarch = l > 4 && (strcmp(de->d_name + l - 4, ".txt") == 0 ||
                             td_petrarch_kind(de->d_name, NULL, 0) != TD_PETRARCH_NONE);
    if (l > 4 && (strcmp(de->d_name + l - 4, ".tsv") == 0 || petrarch) && de->d_name[0] != '.') {
      TD_GROW(names, cap, n + 1);
      names[n++] = td_xstrdup(de->d_name);
    }
  }
  closedir(dh);
  if (n) qsort(names, n, sizeof *names, cmp_name);
  td_dictb *b = td_dictb_new();
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    size_t l = strlen(names[i]);
    if (rc == 0 && strcmp(names[i] + l - 4, ".tsv") == 0) {
      if (td_dictb_add_tsv(b, path, err, errlen) != 0) rc = -1;
    } else if (rc == 0) { /* PETRARCH/Phoenix/TABARI actors or agents (petrarch.c) */
      td_buf text = {0};
      if (td_buf_read_file(&text, path) != 0) {
        snprintf(err, errlen, "cannot read dictionary %s: %s", path, strerror(errno));
        rc = -1;
      } else {
        int kind = td_petrarch_kind(names[i], text.ptr, text.len);
        if (kind != TD_PETRARCH_NONE &&
            td_petrarch_add(b, kind, path, text.ptr, text.len, NULL, err, errlen) != 0)
          rc = -1;
      }
      td_buf_free(&text);
    }
    free(names[i]);
  }
  free(names);
  size_t len;
  void *img = td_dictb_finish(b, &len);
  if (rc != 0) {
    free(img);
    return -1;
  }
  own(d, img);
  return td_dict_add_image(d, img, len);
}

size_t td_dict_size(const td_dict *d) {
  size_t n = 0;
  for (size_t i = 0; i < d->ntabs; i++) n += d->tabs[i].nentries;
  return n;
}

/* ---- matching ---- */

typedef struct {
  const dtable *t;
  const dslot *s;
} hit;

/* Per-document cache of the tokens' folded forms (perf, issue 11): every
 * layer matches every sentence, and each start position re-reads the
 * tokens after it, so each token is folded once per document instead.
 * fold_into() depends on the key only through "empty or ending in a
 * space": a token is folded on its own (leading separators dropped), with
 * `lead` set when its first kept code point is a separator, which
 * append_fold() turns back into one space. An entry is checked against its
 * token (span, lemma pointer) on every use and refolded when stale. */
typedef struct { /* what first_dead() reads first, in the first cache line */
  uint32_t start, end;
  const char *lemma;
  uint64_t gh0;         /* gate_hash of f[0] (see first_dead) */
  uint16_t len[NMODES]; /* KEYCAP: overflows any key */
  uint8_t lead[NMODES], ok;
  uint8_t same2;        /* f[2] is f[0] (the lemma key adds nothing) */
  uint8_t quick;        /* first_dead()'s plain case: see fold_fill */
  uint64_t h0, h2;      /* the FNV hashes of f[0] and f[2] (gate_hash(h2): the
                           lemma key's gate hash, needed when not same2) */
  const char *f[NMODES];
} mtok;

/* One table hit found while enumerating keys from a start token (any
 * class: filters are applied when the hits are read). */
typedef struct {
  uint32_t j;      /* the key ends with token j */
  uint8_t mode, pass; /* pass 1: looked up without a glued 's */
  uint16_t ti;     /* table index in the dictionary */
  const dslot *s;
} rawhit;

/* The enumeration from one start token: its hits, in the order the
 * direct matcher probes them (j, then mode, pass, table). */
typedef struct {
  uint32_t first, n;  /* dcache.hits[first .. first+n) */
  uint32_t lim;       /* tokens bound it ran to */
  uint32_t jend;      /* it read tokens [start, jend) */
  uint32_t epoch;     /* mcache.epoch when it ran (or when fd was found) */
  uint8_t done, natural; /* natural: it stopped before reaching lim */
  uint8_t fd;         /* not done: mark_dead's first_dead() answer + 1, 0 none */
  uint8_t dead;       /* done, natural, no hits and jend the next token: no
                         match starts here while this token stays as it is */
} mstart;

/* A class filter seen in this document, with its answer per class id. */
typedef struct {
  char **names;
  size_t n;
  uint8_t *acc;
} mfilter;

/* The first step of a quick start (see quick_start), by the forms of its
 * token (perf, issue 11): the same word starts the same first keys, and a
 * document repeats its words ("the", "said", a name). The forms are
 * pointers into the text, lemmas or fold buffers, which outlive the cache
 * and are never rewritten, so an entry stays true when a token is refolded. */
#define MEMO 64       /* entries per dictionary and document: direct-mapped */
#define MEMOHITS 4    /* hits an entry holds (a step with more is not kept) */
typedef struct mfirst {
  const char *f[NMODES];
  uint64_t h0, h2;
  uint16_t len[NMODES];
  uint8_t n, alive;        /* its hits; whether some key goes on from it */
  uint8_t mode[MEMOHITS];
  uint16_t ti[MEMOHITS];
  const dslot *s[MEMOHITS];
} mfirst;

#define MAXDC 4   /* dictionaries cached per document */
#define MAXF 16   /* class filters cached per dictionary and document */

/* Per-document cache of one dictionary's matches (perf, issue 11): every
 * layer matches every sentence with its own class filter (actors, events,
 * places' given-name test, user rules), so the key enumeration and the
 * table probes run once per start token and document, and each call only
 * replays the recorded hits through its filter. */
typedef struct {
  const td_dict *d;
  uint64_t serial;
  mstart *st;         /* per document token */
  rawhit *hits;
  size_t nhits, cap_hits;
  mfilter f[MAXF];
  int nf, nextf;
  int lastf;          /* the filter found last: tried first (a layer asks in runs) */
  uint32_t pf;        /* tokens before it had their gate lines prefetched */
  struct mfirst *memo; /* MEMO first steps of quick starts (arena, not zeroed) */
  uint64_t memo_ok;   /* which entries of memo are set */
} dcache;

struct td_mcache {
  const td_tok *toks;
  size_t ntoks;
  mtok *t;
  char *buf; /* folded bytes: arena chunks */
  size_t buflen, bufcap;
  uint32_t epoch;  /* bumped when a folded token is found stale */
  dcache dc[MAXDC];
  int ndc, nextdc;
};

/* Per byte: the byte lowercased, 0x100 when it is not "plain" (below),
 * 0x200 for an uppercase letter (perf, issue 11: the folding loops read
 * the lowercase byte and the flags in one look-up). */
#define PLAIN_NOT 0x100
#define PLAIN_UPPER 0x200
#define PLAIN1(b) ((b) < 0x21 || (b) == '-' || (b) == '`' || (b) >= 0x7F ? PLAIN_NOT | (b) \
                   : (b) >= 'A' && (b) <= 'Z' ? PLAIN_UPPER | ((b) + 32) : (b))
#define PLAIN4(b) PLAIN1(b), PLAIN1((b) + 1), PLAIN1((b) + 2), PLAIN1((b) + 3)
#define PLAIN16(b) PLAIN4(b), PLAIN4((b) + 4), PLAIN4((b) + 8), PLAIN4((b) + 12)
#define PLAIN64(b) PLAIN16(b), PLAIN16((b) + 16), PLAIN16((b) + 32), PLAIN16((b) + 48)
static const uint16_t plain_low[256] = {PLAIN64(0), PLAIN64(64), PLAIN64(128), PLAIN64(192)};

/* Whether s[0..n) is "plain": printable ASCII without separators or
 * backquotes, which fold_into keeps as it is (lowercased), with no lead;
 * *upper says whether it has an uppercase letter. */
static int plain_ascii(const char *s, size_t n, int *upper) {
  unsigned acc = 0;
  if (n == 0 || n >= KEYCAP) return 0;
  for (size_t i = 0; i < n; i++) acc |= plain_low[(unsigned char)s[i]];
  if (acc & PLAIN_NOT) return 0;
  *upper = (acc & PLAIN_UPPER) != 0;
  return 1;
}

/* plain_ascii() that also sets *fnv to the FNV-1a hash of s lowercased:
 * when s is plain, that is its folded form's (perf, issue 11: one pass). */
static int plain_hash(const char *s, size_t n, int *upper, uint64_t *fnv) {
  unsigned acc = 0;
  uint64_t h = FNV_INIT;
  if (n == 0 || n >= KEYCAP) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned v = plain_low[(unsigned char)s[i]];
    acc |= v;
    h = (h ^ (v & 0xFF)) * 0x100000001b3ULL;
  }
  if (acc & PLAIN_NOT) return 0;
  *upper = (acc & PLAIN_UPPER) != 0;
  *fnv = h;
  return 1;
}

/* plain_hash() of the NUL-terminated s, whose length it sets in *n. */
static int plain_cstr_hash(const char *s, size_t *n, int *upper, uint64_t *fnv) {
  unsigned acc = 0;
  uint64_t h = FNV_INIT;
  size_t i = 0;
  for (; s[i]; i++) {
    unsigned v = plain_low[(unsigned char)s[i]];
    acc |= v;
    h = (h ^ (v & 0xFF)) * 0x100000001b3ULL;
  }
  *n = i;
  if (i == 0 || i >= KEYCAP || (acc & PLAIN_NOT)) return 0;
  *upper = (acc & PLAIN_UPPER) != 0;
  *fnv = h;
  return 1;
}

/* n bytes of the cache's chunk for a folded form (never rewritten). */
static char *fold_room(td_doc *doc, struct td_mcache *c, size_t n) {
  if (c->buflen + n > c->bufcap) {
    c->bufcap = n > 4096 ? n : 4096;
    c->buf = td_arena_alloc_raw(&doc->arena, c->bufcap);
    c->buflen = 0;
  }
  char *out = c->buf + c->buflen;
  c->buflen += n;
  return out;
}

/* Folds s[0..n) on its own into the cache's chunk. s lives as long as the
 * document (its text, or a lemma in its arena): a form that folds to
 * itself points into s instead of being copied (perf, issue 11). plain:
 * plain_ascii(s, n, &upper), or -1 when not known yet. */
static void fold_alone(td_doc *doc, struct td_mcache *c, const char *s, size_t n, int lower,
                       mtok *m, int mode, int plain, int upper) {
  char key[KEYCAP];
  size_t k = 0;
  m->lead[mode] = 0;
  if (plain < 0) plain = plain_ascii(s, n, &upper);
  if (plain && (!lower || !upper)) {
    m->f[mode] = s;
    m->len[mode] = (uint16_t)n;
    return;
  }
  if (plain) {
    char *out = fold_room(doc, c, n);
    for (size_t i = 0; i < n; i++)
      out[i] = lower && s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
    m->f[mode] = out;
    m->len[mode] = (uint16_t)n;
    return;
  }
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int l = td_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    i += l <= 0 ? 1 : (size_t)l;
    cp = fold_cp(cp, lower);
    if (!cp) continue;
    m->lead[mode] = cp == ' ';
    break;
  }
  m->f[mode] = "";
  if (fold_into(key, &k, s, n, lower) != 0) {
    m->len[mode] = KEYCAP;
    return;
  }
  m->len[mode] = (uint16_t)k;
  if (!k) return;
  char *out = fold_room(doc, c, k);
  memcpy(out, key, k);
  m->f[mode] = out;
}

/* Whether the NUL-terminated lemma is s[0..n). */
static int lemma_is(const char *lem, const char *s, size_t n) {
  size_t q = 0;
  while (q < n && lem[q] && lem[q] == s[q]) q++;
  return q == n && !lem[n];
}

/* Whether the key f[0..n) ends in a glued 's. */
static int ends_poss(const char *f, size_t n) { return n > 2 && f[n - 2] == '\'' && f[n - 1] == 's'; }

/* Sets every field of m to token t's folded forms. */
static void fold_fill(td_doc *doc, struct td_mcache *c, mtok *m, const td_tok *t) {
  const char *s = doc->text + t->start;
  size_t n = t->end - t->start;
  const char *lem = t->lemma && *t->lemma ? t->lemma : NULL;
  uint64_t h0 = 0, h2 = 0; /* the FNV hashes of f[0], f[2] when plain */
  int upper = 0, plain = plain_hash(s, n, &upper, &h0); /* one scan for all */
  if (plain) { /* most words: fold_alone()'s forms, without the calls */
    m->f[0] = m->f[1] = s;
    m->len[0] = m->len[1] = (uint16_t)n;
    m->lead[0] = m->lead[1] = 0;
    if (upper) { /* the lowercase form: the text with its capitals lowered */
      char *out = fold_room(doc, c, n);
      for (size_t i = 0; i < n; i++) out[i] = (char)plain_low[(unsigned char)s[i]];
      m->f[0] = out;
    }
  } else {
    fold_alone(doc, c, s, n, 1, m, 0, plain, upper);
    fold_alone(doc, c, s, n, 0, m, 1, plain, upper);
  }
  int lplain = plain;
  /* a lemma spelt as the text (most words), or as a plain text lowercased
   * ("The": "the"), folds as the text; the norm of a plain token without
   * capitals is its text, so a lemma that is the norm itself (the
   * lemmatizer shares it: most words) needs no comparison (perf, issue 11) */
  if (!lem || (plain && !upper && lem == t->norm) || lemma_is(lem, s, n) ||
      (plain && upper && lemma_is(lem, m->f[0], n))) {
    m->f[2] = m->f[0], m->len[2] = m->len[0], m->lead[2] = m->lead[0];
    h2 = h0;
  } else {
    size_t ln;
    int lup = 0;
    lplain = plain_cstr_hash(lem, &ln, &lup, &h2);
    if (lplain && !lup) m->f[2] = lem, m->len[2] = (uint16_t)ln, m->lead[2] = 0;
    else fold_alone(doc, c, lem, ln, 1, m, 2, lplain, lup);
  }
  /* the first key's gate hashes, once per token (perf, issue 11) */
  size_t n0 = m->len[0], n2 = m->len[2];
  if (!plain && n0 < KEYCAP) h0 = fnv_extend(FNV_INIT, m->f[0], n0);
  if (!lplain && n2 < KEYCAP) h2 = fnv_extend(FNV_INIT, m->f[2], n2);
  m->h0 = h0, m->h2 = h2;
  m->gh0 = n0 < KEYCAP ? gate_hash(h0) : 0;
  /* quick: no key overflows, the lowercase key is not empty and ends in
   * no separator, and neither it nor the lemma key ends in 's, so that
   * first_dead() decides from the gate hashes alone */
  const char *f0 = m->f[0], *f2 = m->f[2];
  if (plain && f2 == f0 && n2 == n0) { /* most words: both known from the plain text,
                                        * n bytes from 0x21, under KEYCAP (perf, issue 11) */
    m->same2 = 1;
    m->quick = !ends_poss(f0, n0);
  } else {
    m->same2 = n0 < KEYCAP && n2 == n0 && h2 == h0 && (f2 == f0 || memcmp(f2, f0, n0) == 0);
    m->quick = n0 > 0 && n0 < KEYCAP && m->len[1] < KEYCAP && n2 < KEYCAP && f0[n0 - 1] != ' ' &&
               !ends_poss(f0, n0) && !ends_poss(f2, n2);
  }
  m->start = t->start, m->end = t->end, m->lemma = t->lemma, m->ok = 1;
}

/* cached_tok()'s slow path: folds token k, out of line so that the check
 * for a fresh entry inlines (perf, issue 11). When the tokens are new it
 * makes the cache and folds every token at once (perf, issue 11: the
 * actors layer matches every sentence, so every token is folded anyway,
 * and an array filled in one loop needs no zeroing first). */
static __attribute__((noinline)) const mtok *fold_tok(const td_doc *cdoc, uint32_t k) {
  td_doc *doc = (td_doc *)cdoc;
  struct td_mcache *c = doc->mcache;
  if (!c || c->toks != doc->toks || c->ntoks != doc->ntoks) {
    c = td_arena_alloc(&doc->arena, sizeof *c); /* zeroed, as arena memory is */
    c->toks = doc->toks, c->ntoks = doc->ntoks;
    c->t = td_arena_alloc_raw(&doc->arena, (doc->ntoks + 1) * sizeof *c->t);
    for (size_t q = 0; q < doc->ntoks; q++) fold_fill(doc, c, &c->t[q], &doc->toks[q]);
    memset(&c->t[doc->ntoks], 0, sizeof *c->t);
    doc->mcache = c;
    return &c->t[k];
  }
  const td_tok *t = &doc->toks[k];
  mtok *m = &c->t[k];
  if (!m->ok || m->start != t->start || m->end != t->end || m->lemma != t->lemma) {
    if (m->ok) c->epoch++; /* recorded enumerations that read it are stale */
    fold_fill(doc, c, m, t);
  }
  return m;
}

/* The folded forms of token k, made now when missing or stale. The doc is
 * const for the matcher's callers; the cache is private scratch in its
 * arena (a document belongs to one thread). */
static inline const mtok *cached_tok(const td_doc *doc, uint32_t k) {
  const struct td_mcache *c = doc->mcache;
  if (c && c->toks == doc->toks && c->ntoks == doc->ntoks) {
    const td_tok *t = &doc->toks[k];
    const mtok *m = &c->t[k];
    if (m->ok && m->start == t->start && m->end == t->end && m->lemma == t->lemma) return m;
  }
  return fold_tok(doc, k);
}

/* What fold_into(key, klen, token) does, from the token's cached form. */
static int append_fold(char *key, size_t *klen, const mtok *m, int mode) {
  size_t k = *klen;
  if (m->lead[mode] && k > 0 && key[k - 1] != ' ') {
    if (k + 1 >= KEYCAP) return -1;
    key[k++] = ' ';
  }
  if (k + m->len[mode] >= KEYCAP) return -1;
  memcpy(key + k, m->f[mode], m->len[mode]);
  k += m->len[mode];
  key[k] = 0;
  *klen = k;
  return 0;
}

/* Appends token k's text for each mode; returns -1 once a key overflows. */
static int extend_keys(const td_doc *doc, uint32_t k, char keys[NMODES][KEYCAP],
                       size_t klen[NMODES]) {
  const td_tok *t = &doc->toks[k];
  if (k > 0 && doc->toks[k - 1].end < t->start) /* whitespace before the token */
    for (int m = 0; m < NMODES; m++)
      if (klen[m] && keys[m][klen[m] - 1] != ' ' && klen[m] + 1 < KEYCAP)
        keys[m][klen[m]++] = ' ', keys[m][klen[m]] = 0;
  const mtok *m = cached_tok(doc, k);
  for (int mode = 0; mode < NMODES; mode++)
    if (append_fold(keys[mode], &klen[mode], m, mode) != 0) return -1;
  return 0;
}

/* The slot hash of keys[mode][0..n), extending the running FNV hash *h of
 * its first *hl bytes (the key only grows while one start is matched). */
static uint64_t fnv_run(const char *key, size_t n, uint64_t *h, size_t *hl) {
  if (n < *hl) return fnv_extend(FNV_INIT, key, n);
  *h = fnv_extend(*h, key + *hl, n - *hl);
  *hl = n;
  return *h;
}

static uint64_t key_hash(const char *key, size_t n, int mode, uint64_t *h, size_t *hl) {
  return slot_hash(fnv_run(key, n, h, hl), mode);
}

/* Whether a gate lets key[0..n) (and, when `poss`, key[0..n-2)) through. */
static int gate_pass_key(const td_dict *d, const char *key, size_t n, int poss, uint64_t *h,
                         size_t *hl) {
  uint64_t g1 = gate_hash(fnv_run(key, n, h, hl));
  uint64_t g2 = poss ? gate_hash(fnv_run(key, n - 2, h, hl)) : 0;
  for (size_t ti = 0; ti < d->ntabs; ti++) {
    const dtable *t = &d->tabs[ti];
    if (!t->gate || gate_has(t->gate, t->gmask, g1) || (poss && gate_has(t->gate, t->gmask, g2)))
      return 1;
  }
  return 0;
}

/* Whether some table may hold a key, or a key prefix, equal to a key the
 * matcher is about to probe (lowercase or lemma, with or without a glued
 * 's): when not, enumerate() stops where the direct matcher would find
 * nothing and no key going on. */
static int gate_pass(const td_dict *d, const int *has_mode, char keys[NMODES][KEYCAP],
                     const size_t *klen, const size_t *before_m, uint32_t i, uint32_t j,
                     uint64_t *hrun, size_t *hlen) {
  for (int mode = 0; mode < NMODES; mode += 2) {
    size_t kl = klen[mode];
    if (kl == 0) continue;
    /* the lowercase key stands for modes 0 and 1, the lemma key for 2:
     * a mode no table has needs no look-up (the gazetteer has no lemmas) */
    if (mode == 0 ? !has_mode[0] && !has_mode[1] : !has_mode[2]) continue;
    /* the lemma key is the lowercase key: looked up already, unless no
     * table has lowercase or exact-case entries (only lemma ones) */
    if (mode == 2 && (has_mode[0] || has_mode[1]) && kl == klen[0] &&
        memcmp(keys[2], keys[0], kl) == 0)
      break;
    int poss = ends_poss(keys[mode], kl) && (kl - before_m[mode] > 2 || j > i);
    if (gate_pass_key(d, keys[mode], kl, poss, &hrun[mode], &hlen[mode])) return 1;
  }
  return 0;
}

int td_match_range_direct(const td_dict *d, const td_doc *doc, uint32_t tok0, uint32_t tok1,
                          const char *const *classes, td_match_cb cb, void *ctx) {
  if (!d || d->ntabs == 0) return 0;
  if (tok1 > doc->ntoks) tok1 = (uint32_t)doc->ntoks;
  uint32_t i = tok0;
  while (i < tok1) {
    char keys[NMODES][KEYCAP];
    size_t klen[NMODES] = {0, 0, 0};
    uint64_t hrun[NMODES] = {FNV_INIT, FNV_INIT, FNV_INIT};
    size_t hlen[NMODES] = {0, 0, 0};
    uint32_t best = 0;
    hit hits[16];
    size_t nhits = 0;
    for (uint32_t j = i; j < tok1 && j - i < MAXTOKS; j++) {
      size_t before = klen[0], before_m[NMODES];
      memcpy(before_m, klen, sizeof before_m);
      if (extend_keys(doc, j, keys, klen) != 0) break;
      /* (+2: a glued possessive is looked up without its 's) */
      if (klen[0] > d->maxkey + 2 && klen[1] > d->maxkey + 2 && klen[2] > d->maxkey + 2) break;
      if (klen[0] == 0) break; /* a bare hyphen starts no match */
      if (klen[0] == before || keys[0][klen[0] - 1] == ' ') continue; /* nor ends one */
      size_t nnew = 0, nwhole = 0; /* nwhole: hits of a whole key, 's and all */
      hit found[16];
      for (int mode = 0; mode < NMODES; mode++) {
        if (klen[mode] == 0) continue;
        /* A possessive glued to the token ("Korea's" as one token) is
         * looked up without its 's as well; the match keeps the token. */
        size_t kl = klen[mode];
        int poss = kl > 2 && keys[mode][kl - 2] == '\'' &&
                   (keys[mode][kl - 1] == 's' || keys[mode][kl - 1] == 'S') &&
                   (kl - before_m[mode] > 2 || j > i);
        for (int pass = 0; pass <= poss; pass++) {
          size_t n = pass ? kl - 2 : kl, had = nnew;
          char save = keys[mode][n];
          keys[mode][n] = 0;
          uint64_t h = key_hash(keys[mode], n, mode, &hrun[mode], &hlen[mode]);
          for (size_t ti = 0; ti < d->ntabs && nnew < 16; ti++) {
            const dslot *s = table_find(&d->tabs[ti], h, keys[mode], n, mode);
            if (s && slot_accepts(&d->tabs[ti], s, classes)) found[nnew++] = (hit){&d->tabs[ti], s};
          }
          keys[mode][n] = save;
          /* without the 's only when no whole key matched: another
           * mode's key without it ("usa", the town) does not hide this
           * one's ("USA" in "the USA's") */
          if (!pass) nwhole += nnew - had;
          if (nwhole) break;
        }
      }
      if (nnew) {
        best = j + 1;
        memcpy(hits, found, nnew * sizeof *hits);
        nhits = nnew;
      }
      /* go on only while some key goes on from here */
      int alive = 0;
      for (int mode = 0; mode < NMODES && !alive; mode++) {
        if (klen[mode] == 0) continue;
        uint64_t h = key_hash(keys[mode], klen[mode], mode, &hrun[mode], &hlen[mode]);
        for (size_t ti = 0; ti < d->ntabs && !alive; ti++) alive = table_has_prefix(&d->tabs[ti], h);
      }
      if (!alive) break;
    }
    if (!best) {
      i++;
      continue;
    }
    for (size_t h = 0; h < nhits; h++)
      if (slot_emit(hits[h].t, hits[h].s, classes, i, best, cb, ctx)) return 1;
    i = best;
  }
  return 0;
}

/* ---- matching through the per-document cache ---- */

/* The document's cache, made or renewed when the tokens changed. */
static struct td_mcache *doc_cache(const td_doc *cdoc) {
  td_doc *doc = (td_doc *)cdoc;
  if (!doc->mcache || doc->mcache->toks != doc->toks || doc->mcache->ntoks != doc->ntoks)
    if (doc->ntoks) cached_tok(doc, 0); /* makes a new one */
  return doc->mcache;
}

/* d's cache in c: found, or a slot (re)claimed for it. */
static dcache *dict_cache(td_doc *doc, struct td_mcache *c, const td_dict *d) {
  for (int i = 0; i < c->ndc; i++)
    if (c->dc[i].d == d && c->dc[i].serial == d->serial) return &c->dc[i];
  int k;
  if (c->ndc < MAXDC) k = c->ndc++;
  else k = c->nextdc, c->nextdc = (c->nextdc + 1) % MAXDC;
  dcache *dc = &c->dc[k];
  memset(dc, 0, sizeof *dc);
  dc->d = d, dc->serial = d->serial;
  dc->st = td_arena_alloc(&doc->arena, (doc->ntoks + 1) * sizeof *dc->st); /* zeroed */
  return dc;
}

/* The per-class answers of filter `classes` (NULL: accepts all). */
static const uint8_t *filter_of(td_doc *doc, dcache *dc, const td_dict *d,
                                const char *const *classes) {
  if (!classes) return NULL;
  size_t n = 0;
  while (classes[n]) n++;
  for (int q = 0; q < dc->nf; q++) {
    int i = q == 0 ? dc->lastf : q == dc->lastf ? 0 : q;
    mfilter *f = &dc->f[i];
    if (f->n != n) continue;
    size_t k = 0;
    while (k < n && td_str_eq(f->names[k], classes[k])) k++;
    if (k == n) {
      dc->lastf = i;
      return f->acc;
    }
  }
  int i;
  if (dc->nf < MAXF) i = dc->nf++;
  else i = dc->nextf, dc->nextf = (dc->nextf + 1) % MAXF;
  mfilter *f = &dc->f[i];
  f->n = n;
  f->names = td_arena_alloc(&doc->arena, (n + 1) * sizeof *f->names);
  for (size_t k = 0; k < n; k++) f->names[k] = td_arena_strdup(&doc->arena, classes[k]);
  f->acc = td_arena_alloc(&doc->arena, d->ncls + 1);
  for (size_t k = 0; k < d->ncls; k++) f->acc[k] = (uint8_t)class_ok(d->cls[k], classes);
  dc->lastf = i;
  return f->acc;
}

/* Whether the tokens start k0 read are as they were then. */
static int start_fresh(const td_doc *doc, const struct td_mcache *c, const mstart *st,
                       uint32_t k0) {
  if (st->epoch != c->epoch || st->jend > doc->ntoks) return 0;
  for (uint32_t k = k0; k < st->jend; k++) {
    const td_tok *t = &doc->toks[k];
    const mtok *m = &c->t[k];
    if (!m->ok || m->start != t->start || m->end != t->end || m->lemma != t->lemma) return 0;
  }
  return 1;
}

/* first_dead() of a quick token (m->quick): the steps of its loop
 * for the common token, from the gate hashes alone (perf, issue 11).
 * Inline, with its gate tests, in mark_dead()'s loop over every token of
 * a range: the calls cost more than the tests (the actors stage, which
 * makes the marks for every layer, ran 1.7% fewer instructions). */
static inline __attribute__((always_inline)) int quick_dead(const td_dict *d, const mtok *m) {
  size_t n2 = m->len[2];
  const int *has_mode = d->has_mode;
  uint32_t mk = d->maxkey + 2;
  if (m->len[0] > mk && m->len[1] > mk && n2 > mk) return 1;
  int low = has_mode[0] || has_mode[1];
  if (low)
    for (size_t ti = 0; ti < d->ntabs; ti++) {
      const dtable *t = &d->tabs[ti];
      if (!t->gate || gate_test(t->gate, t->gmask, m->gh0)) return 2;
    }
  if (n2 && has_mode[2] && !(m->same2 && low))
    for (size_t ti = 0; ti < d->ntabs; ti++) {
      const dtable *t = &d->tabs[ti];
      if (!t->gate || gate_test(t->gate, t->gmask, gate_hash(m->h2))) return 2;
    }
  return 1;
}

/* Whether a start at a token whose folded forms are m ends at that token
 * without a hit (perf, issue 11): what enumerate()'s first step decides
 * for most tokens (a dead gate, an empty or overlong key), read from the
 * hashes cached_tok() keeps instead of building and hashing the keys. 0
 * when not sure: the loop below then decides; 2 when a gate let the first
 * key through (gate_pass() for that key would say the same). */
static int first_dead(const td_dict *d, const mtok *m) {
  size_t n0 = m->len[0], n2 = m->len[2];
  const int *has_mode = d->has_mode;
  if (m->quick) return quick_dead(d, m);
  if (n0 >= KEYCAP || m->len[1] >= KEYCAP || n2 >= KEYCAP) return 0; /* extend_keys fails */
  if (n0 == 0) return 1;                                                /* a bare hyphen */
  if (n0 > d->maxkey + 2 && m->len[1] > d->maxkey + 2 && n2 > d->maxkey + 2) return 1;
  if (m->f[0][n0 - 1] == ' ') return 0; /* the key goes on to the next token */
  /* gate_pass() for j == i: the lowercase key, then the lemma key */
  for (int mode = 0; mode < NMODES; mode += 2) {
    size_t kl = mode ? n2 : n0;
    if (kl == 0) continue;
    if (mode == 0 ? !has_mode[0] && !has_mode[1] : !has_mode[2]) continue;
    if (mode == 2 && m->same2 && (has_mode[0] || has_mode[1])) break; /* as gate_pass */
    const char *f = m->f[mode];
    int poss = ends_poss(f, kl);
    uint64_t g1 = mode ? (m->same2 ? m->gh0 : gate_hash(m->h2)) : m->gh0;
    uint64_t g2 = poss ? gate_hash(fnv_extend(FNV_INIT, f, kl - 2)) : 0;
    for (size_t ti = 0; ti < d->ntabs; ti++) {
      const dtable *t = &d->tabs[ti];
      if (!t->gate || gate_has(t->gate, t->gmask, g1) || (poss && gate_has(t->gate, t->gmask, g2)))
        return 2;
    }
  }
  return 1;
}

/* Starts loading what the probes of one key will read in the tables big
 * enough to miss the cache (perf, issue 11): the tag byte and slot of each
 * hash h[0..npass) (with and without a glued 's) and the prefix slot of
 * the whole key (h[0]), in every table that table_find() and
 * table_has_prefix() will ask. A hint only: nothing depends on it. */
static void probes_prefetch(const td_dict *d, int mode, const char *key, size_t kl,
                            const uint64_t *h, int npass) {
  for (size_t ti = 0; ti < d->ntabs; ti++) {
    const dtable *t = &d->tabs[ti];
    if (!t->nmode[mode] || t->nslots < PREFETCH_SLOTS) continue;
    if (mode == 1 && !case_probe(t, key, kl)) continue;
    for (int pass = 0; pass < npass; pass++) {
      uint32_t at = (uint32_t)h[pass] & (t->nslots - 1);
      if (t->tags) __builtin_prefetch(t->tags + at);
      __builtin_prefetch(t->slots + at);
    }
    uint32_t pat = (uint32_t)(h[0] | 1) & (t->npslots - 1);
    if (t->ptags) __builtin_prefetch(t->ptags + pat);
    __builtin_prefetch(t->pslots + pat);
  }
}

/* Starts loading the gate line that the lowercase key, grown by token
 * j + 1, will test in the next step of enumerate() (perf, issue 11): keys
 * of two and more tokens are not known ahead as first keys are
 * (gate_prefetch), and asked for before this step's probes, the line
 * arrives while they wait. key[0..kl) is this step's lowercase key, fnv
 * its FNV hash. A hint only: nothing depends on it. */
static void next_gate_prefetch(const td_dict *d, const td_doc *doc, uint32_t j, const char *key,
                               size_t kl, uint64_t fnv) {
  const td_tok *t = &doc->toks[j + 1];
  const mtok *m = &doc->mcache->t[j + 1];
  /* a stale token is left to the matcher, as in gate_prefetch() */
  if (!m->ok) m = cached_tok(doc, j + 1); /* folded now rather than in the next step */
  else if (m->start != t->start || m->end != t->end || m->lemma != t->lemma) return;
  if (m->len[0] >= KEYCAP) return;
  if (kl && key[kl - 1] != ' ' && (m->lead[0] || doc->toks[j].end < doc->toks[j + 1].start))
    fnv = fnv_extend(fnv, " ", 1); /* as extend_keys() joins them */
  uint64_t g = gate_hash(fnv_extend(fnv, m->f[0], m->len[0]));
  for (size_t ti = 0; ti < d->ntabs; ti++) {
    const dtable *tb = &d->tabs[ti];
    if (tb->gate && tb->gmask + 1 >= PREFETCH_LINES)
      __builtin_prefetch(tb->gate + (size_t)(g & tb->gmask) * GATE_LINE);
  }
}

/* Byte p of the key a + (one space when sp) + b, of na + sp + nb bytes. */
static char key_byte(const char *a, size_t na, int sp, const char *b, size_t p) {
  if (p < na) return a[p];
  if (sp && p == na) return ' ';
  return b[p - na - (size_t)sp];
}

/* Whether the bytes a[0..n) and b[0..n) are the same. */
static int same_bytes(const char *a, const char *b, size_t n) {
  if (a == b) return 1;
  for (size_t k = 0; k < n; k++)
    if (a[k] != b[k]) return 0;
  return 1;
}

/* Whether memo entry e is for a token spelt as m in every form. */
static int memo_same(const mfirst *e, const mtok *m) {
  if (e->h0 != m->h0 || e->h2 != m->h2) return 0;
  for (int mode = 0; mode < NMODES; mode++)
    if (e->len[mode] != m->len[mode]) return 0;
  if (!same_bytes(e->f[0], m->f[0], m->len[0])) return 0;
  for (int mode = 1; mode < NMODES; mode++) /* the same as f[0] in both: equal */
    if (!(e->f[mode] == e->f[0] && m->f[mode] == m->f[0]) &&
        !same_bytes(e->f[mode], m->f[mode], m->len[mode]))
      return 0;
  return 1;
}

/* quick_start()'s first step: records the hits of the first keys of start
 * i (its token's forms, m) and says whether some key goes on from them.
 * Taken from the memo when a token spelt the same had it (perf, issue 11). */
static int first_step(const td_dict *d, const td_doc *doc, dcache *dc, mstart *st, const mtok *m,
                      uint32_t i, uint32_t lim) {
  const int *has_mode = d->has_mode;
  /* the second step's gate line, asked for before this step's probes (or
   * the memo's look-up) so that it arrives while they run */
  if (d->prefetch && (has_mode[0] || has_mode[1]) && i + 1 < lim)
    next_gate_prefetch(d, doc, i, m->f[0], m->len[0], m->h0);
  unsigned slot = (unsigned)((m->gh0 ^ m->h2 * 0x9E3779B97F4A7C15ULL) >> 58);
  mfirst *e = dc->memo ? &dc->memo[slot] : NULL;
  if (e && (dc->memo_ok >> slot & 1) && memo_same(e, m)) {
    for (uint8_t k = 0; k < e->n; k++) {
      TD_AGROW(&((td_doc *)doc)->arena, dc->hits, dc->cap_hits, dc->nhits + 1);
      dc->hits[dc->nhits++] = (rawhit){i, e->mode[k], 0, e->ti[k], e->s[k]};
      st->n++;
    }
    return e->alive;
  }
  uint64_t ph[NMODES] = {0, 0, 0};
  int on[NMODES];
  for (int mode = 0; mode < NMODES; mode++) {
    on[mode] = has_mode[mode] && m->len[mode] > 0;
    if (!on[mode]) continue;
    uint64_t h = mode == 0 ? m->h0 : mode == 2 ? m->h2
               : m->f[1] == m->f[0] ? m->h0 : fnv_extend(FNV_INIT, m->f[1], m->len[1]);
    ph[mode] = slot_hash(h, mode);
    if (d->prefetch) probes_prefetch(d, mode, m->f[mode], m->len[mode], &ph[mode], 1);
  }
  for (int mode = 0; mode < NMODES; mode++) {
    if (!on[mode]) continue;
    for (size_t ti = 0; ti < d->ntabs; ti++) {
      const dtable *t = &d->tabs[ti];
      if (!t->nmode[mode]) continue;
      if (mode == 1 && !case_probe(t, m->f[1], m->len[1])) continue;
      const dslot *s = table_find(t, ph[mode], m->f[mode], m->len[mode], mode);
      if (!s) continue;
      TD_AGROW(&((td_doc *)doc)->arena, dc->hits, dc->cap_hits, dc->nhits + 1);
      dc->hits[dc->nhits++] = (rawhit){i, (uint8_t)mode, 0, (uint16_t)ti, s};
      st->n++;
    }
  }
  int alive = 0;
  for (int mode = 0; mode < NMODES && !alive; mode++) {
    if (!on[mode]) continue;
    for (size_t ti = 0; ti < d->ntabs && !alive; ti++) {
      const dtable *t = &d->tabs[ti];
      if (t->nmode[mode] && (mode != 1 || case_probe(t, m->f[1], m->len[1])))
        alive = table_has_prefix(t, ph[mode]);
    }
  }
  if (st->n <= MEMOHITS) {
    if (!dc->memo) dc->memo = td_arena_alloc_raw(&((td_doc *)doc)->arena, MEMO * sizeof *dc->memo);
    e = &dc->memo[slot];
    for (int mode = 0; mode < NMODES; mode++) e->f[mode] = m->f[mode], e->len[mode] = m->len[mode];
    e->h0 = m->h0, e->h2 = m->h2;
    e->n = (uint8_t)st->n, e->alive = (uint8_t)alive;
    for (uint32_t k = 0; k < st->n; k++) {
      const rawhit *h = &dc->hits[st->first + k];
      e->mode[k] = h->mode, e->ti[k] = h->ti, e->s[k] = h->s;
    }
    dc->memo_ok |= 1ULL << slot;
  }
  return alive;
}

/* What enumerate()'s loop does from start i whose first token m is quick
 * and whose first key the gate let through (first_dead() said 2), for the
 * common case (perf, issue 11): the first keys are the token's cached
 * forms, probed where they lie with the hashes fold_fill() made, and the
 * second step, which the gate mostly ends, is decided from those hashes
 * extended by the next token's forms, without building the keys. 1 when
 * it decided the start as the loop would (its hits recorded, st->jend and
 * st->natural set); 0, with nothing recorded, when the loop must run (the
 * gate lets the second keys through, or an unusual token). */
static int quick_start(const td_dict *d, const td_doc *doc, dcache *dc, mstart *st, const mtok *m,
                       uint32_t i, uint32_t lim) {
  const int *has_mode = d->has_mode;
  st->jend = i + 1;
  int alive = first_step(d, doc, dc, st, m, i, lim);
  st->natural = 1;
  if (!alive) return 1;
  /* the second step: token j's forms joined as extend_keys() joins them */
  uint32_t j = i + 1;
  if (j >= lim) {
    st->natural = 0;
    return 1;
  }
  const mtok *n = cached_tok(doc, j);
  st->jend = j + 1;
  int ws = doc->toks[i].end < doc->toks[j].start, sep[NMODES];
  size_t kl[NMODES];
  for (int mode = 0; mode < NMODES; mode++) {
    size_t k = m->len[mode];
    char last = k ? m->f[mode][k - 1] : 0;
    sep[mode] = 0;
    if (ws && k && last != ' ' && k + 1 < KEYCAP) sep[mode] = 1, k++, last = ' ';
    if (n->lead[mode] && k > 0 && last != ' ') {
      if (k + 1 >= KEYCAP) return 1; /* extend_keys() fails: the walk ends */
      sep[mode] = 1, k++;
    }
    if (k + n->len[mode] >= KEYCAP) return 1;
    kl[mode] = k + n->len[mode];
  }
  uint32_t mk = d->maxkey + 2;
  if (kl[0] > mk && kl[1] > mk && kl[2] > mk) return 1;
  if (kl[0] == m->len[0] ||
      key_byte(m->f[0], m->len[0], sep[0], n->f[0], kl[0] - 1) == ' ')
    goto loop; /* the loop's `continue`: the key goes on to the next token */
  for (int mode = 0; mode < NMODES; mode += 2) { /* gate_pass() */
    size_t k = kl[mode];
    if (k == 0) continue;
    if (mode == 0 ? !has_mode[0] && !has_mode[1] : !has_mode[2]) continue;
    if (mode == 2 && (has_mode[0] || has_mode[1]) && m->same2 && n->same2 && sep[0] == sep[2])
      break; /* the lemma key is the lowercase key (when not sure, it is tested) */
    const char *a = m->f[mode], *b = n->f[mode];
    size_t na = m->len[mode], nb = n->len[mode];
    int poss = k > 2 && key_byte(a, na, sep[mode], b, k - 2) == '\'' &&
               key_byte(a, na, sep[mode], b, k - 1) == 's';
    if (poss && nb < 2) goto loop; /* the key without its 's ends in token i */
    uint64_t h = fnv_extend(mode ? m->h2 : m->h0, " ", (size_t)sep[mode]), h2 = 0;
    if (poss) {
      h2 = fnv_extend(h, b, nb - 2);
      h = fnv_extend(h2, b + nb - 2, 2);
    } else {
      h = fnv_extend(h, b, nb);
    }
    uint64_t g1 = gate_hash(h), g2 = poss ? gate_hash(h2) : 0;
    for (size_t ti = 0; ti < d->ntabs; ti++) {
      const dtable *t = &d->tabs[ti];
      if (!t->gate || gate_has(t->gate, t->gmask, g1) || (poss && gate_has(t->gate, t->gmask, g2)))
        goto loop;
    }
  }
  return 1; /* the gate ends the walk at j */
loop:
  dc->nhits = st->first, st->n = 0;
  return 0;
}

/* Records every table hit of every key starting at token i, ending before
 * lim: td_match_range_direct's loop without the class filter (both passes
 * of a possessive probed; modes a dictionary lacks skipped). */
static void enumerate_walk(const td_dict *d, const td_doc *doc, struct td_mcache *c, dcache *dc,
                           uint32_t i, uint32_t lim) {
  mstart *st = &dc->st[i];
  int pre = st->done ? 0 : st->fd; /* first_dead() at this epoch, from mark_dead */
  uint32_t pre_epoch = st->epoch;
  st->first = (uint32_t)dc->nhits, st->n = 0, st->lim = lim, st->jend = i;
  st->natural = 0, st->done = 1, st->fd = 0;
  const int *has_mode = d->has_mode;
  char keys[NMODES][KEYCAP];
  size_t klen[NMODES] = {0, 0, 0};
  uint64_t hrun[NMODES] = {FNV_INIT, FNV_INIT, FNV_INIT};
  size_t hlen[NMODES] = {0, 0, 0};
  uint32_t j;
  int fd = 0;
  const mtok *m = NULL;
  if (i < lim) {
    m = cached_tok(doc, i); /* a stale token bumps the epoch */
    fd = pre && pre_epoch == c->epoch ? pre - 1 : first_dead(d, m);
  }
  if (fd == 1) {
    st->jend = i + 1, st->natural = 1;
    st->epoch = c->epoch; /* after the fold, which may have bumped it */
    return;
  }
  if (fd == 2 && m->quick && quick_start(d, doc, dc, st, m, i, lim)) {
    st->epoch = c->epoch; /* after the folds in it, which may have bumped it */
    return;
  }
  for (j = i; j < lim; j++) {
    if (j - i >= MAXTOKS) break;
    size_t before = klen[0], before_m[NMODES];
    memcpy(before_m, klen, sizeof before_m);
    int ext = extend_keys(doc, j, keys, klen);
    st->jend = j + 1;
    if (ext != 0) break;
    if (klen[0] > d->maxkey + 2 && klen[1] > d->maxkey + 2 && klen[2] > d->maxkey + 2) break;
    if (klen[0] == 0) break;
    if (klen[0] == before || keys[0][klen[0] - 1] == ' ') continue;
    /* (at j == i first_dead() may have seen the gate pass the same keys) */
    if (!(j == i && fd == 2) && !gate_pass(d, has_mode, keys, klen, before_m, i, j, hrun, hlen))
      break;
    /* every probe's hash first, and the big tables' lines asked for
     * before the first probe waits on one (perf, issue 11) */
    uint64_t ph[NMODES][2];
    int npass[NMODES] = {0, 0, 0};
    for (int mode = 0; mode < NMODES; mode++) {
      if (klen[mode] == 0 || !has_mode[mode]) continue;
      size_t kl = klen[mode];
      int poss = kl > 2 && keys[mode][kl - 2] == '\'' &&
                 (keys[mode][kl - 1] == 's' || keys[mode][kl - 1] == 'S') &&
                 (kl - before_m[mode] > 2 || j > i);
      npass[mode] = 1 + poss;
      for (int pass = 0; pass <= poss; pass++)
        ph[mode][pass] = key_hash(keys[mode], pass ? kl - 2 : kl, mode, &hrun[mode], &hlen[mode]);
      if (d->prefetch) probes_prefetch(d, mode, keys[mode], kl, ph[mode], npass[mode]);
    }
    if (d->prefetch && npass[0] && j + 1 < lim && hlen[0] == klen[0])
      next_gate_prefetch(d, doc, j, keys[0], klen[0], hrun[0]);
    for (int mode = 0; mode < NMODES; mode++) {
      size_t kl = klen[mode];
      for (int pass = 0; pass < npass[mode]; pass++) {
        size_t n = pass ? kl - 2 : kl;
        uint64_t h = ph[mode][pass];
        for (size_t ti = 0; ti < d->ntabs; ti++) {
          if (!d->tabs[ti].nmode[mode]) continue;
          if (mode == 1 && !case_probe(&d->tabs[ti], keys[1], n)) continue;
          const dslot *s = table_find(&d->tabs[ti], h, keys[mode], n, mode);
          if (!s) continue;
          TD_AGROW(&((td_doc *)doc)->arena, dc->hits, dc->cap_hits, dc->nhits + 1);
          dc->hits[dc->nhits++] = (rawhit){j, (uint8_t)mode, (uint8_t)pass, (uint16_t)ti, s};
          st->n++;
        }
      }
    }
    int alive = 0; /* (the whole key's hash is pass 0's) */
    for (int mode = 0; mode < NMODES && !alive; mode++) {
      if (!npass[mode]) continue;
      for (size_t ti = 0; ti < d->ntabs && !alive; ti++)
        if (d->tabs[ti].nmode[mode] && (mode != 1 || case_probe(&d->tabs[ti], keys[1], klen[1])))
          alive = table_has_prefix(&d->tabs[ti], ph[mode][0]);
    }
    if (!alive) break;
  }
  st->natural = j < lim;
  st->epoch = c->epoch; /* after the folds above, which may have bumped it */
}

/* enumerate_walk(), and whether start i is dead (mstart.dead). */
static void enumerate(const td_dict *d, const td_doc *doc, struct td_mcache *c, dcache *dc,
                      uint32_t i, uint32_t lim) {
  mstart *st = &dc->st[i];
  enumerate_walk(d, doc, c, dc, i, lim);
  st->dead = st->n == 0 && st->natural && st->jend == i + 1;
}

/* Starts loading the gate lines that the first key of start token k will
 * test (perf, issue 11): the gazetteer's gate is megabytes, so each test is
 * a cache miss; asked for some tokens ahead, the line is there when
 * enumerate() reads it (12 tokens: places 11-15% faster than at 4 on BBC,
 * the same as at 24). A hint only: nothing depends on it. The cache holds
 * every token's forms from when it was made; a token changed since asks
 * for the line of its old form, which only goes unused (the matcher
 * refolds it when it reads it). */
#define PREFETCH_AHEAD 12
static inline void gate_prefetch(const td_dict *d, const struct td_mcache *c, uint32_t k) {
  const mtok *m = &c->t[k];
  /* the keys first_dead() tests: none of a mode no table has */
  int low = (d->has_mode[0] || d->has_mode[1]) && m->len[0] - 1u < KEYCAP - 1u;
  int lemma = d->has_mode[2] && !m->same2 && m->len[2] - 1u < KEYCAP - 1u;
  for (size_t ti = 0; ti < d->ntabs; ti++) {
    const dtable *tb = &d->tabs[ti];
    if (!tb->gate) continue;
    if (low) __builtin_prefetch(tb->gate + (size_t)(m->gh0 & tb->gmask) * GATE_LINE);
    if (lemma) __builtin_prefetch(tb->gate + (size_t)(gate_hash(m->h2) & tb->gmask) * GATE_LINE);
  }
}

/* Whether slot s of table t has an entry the filter accepts (acc NULL:
 * every one). */
static int slot_ok(const dtable *t, const dslot *s, const uint8_t *acc) {
  if (!acc) return 1;
  for (uint32_t k = 0; k < s->count; k++)
    if (acc[t->gmap[t->lcls[s->first + k]]]) return 1;
  return 0;
}

/* The longest match starting at token i and ending by tok1 through the
 * filter acc, its entries handed to cb: the end of the match (0: none).
 * *stopped is set when cb returned nonzero. Enumerates start i into the
 * cache first when it is not there for this end. */
static uint32_t longest_at(const td_dict *d, td_doc *doc, struct td_mcache *c, dcache *dc,
                           const uint8_t *acc, uint32_t i, uint32_t tok1, td_match_cb cb,
                           void *ctx, int *stopped) {
  mstart *st = &dc->st[i];
  /* the gate lines of the next tokens, each asked for once: td_match_at
   * callers (places) skip tokens, so every token up to i + PREFETCH_AHEAD
   * is asked for, not only that one */
  if (d->prefetch) {
    uint32_t pfe = i + PREFETCH_AHEAD < tok1 ? i + PREFETCH_AHEAD + 1 : tok1;
    if (dc->pf <= i) dc->pf = i + 1;
    for (; dc->pf < pfe; dc->pf++)
      if (!dc->st[dc->pf].done) gate_prefetch(d, c, dc->pf);
  }
  if (!st->done || !(st->natural || st->lim >= tok1) || !start_fresh(doc, c, st, i)) {
    uint32_t lim = tok1, se = doc->toks[i].sent;
    if (se < doc->nsents) { /* the whole sentence, for the layers to come */
      uint32_t e = doc->sents[se].tok0 + doc->sents[se].ntok;
      if (e > lim && e <= doc->ntoks) lim = e;
    }
    enumerate(d, doc, c, dc, i, lim);
  }
  /* replay: the direct matcher's choice, through this filter */
  const rawhit *h = st->n ? dc->hits + st->first : NULL; /* no hits yet: NULL */
  uint32_t best = 0;
  hit hits[16];
  size_t nbest = 0;
  for (size_t k = 0; k < st->n && h[k].j < tok1;) {
    size_t e = k;
    while (e < st->n && h[e].j == h[k].j) e++;
    hit found[16];
    size_t nnew = 0, nwhole = 0, q = k;
    for (int mode = 0; mode < NMODES; mode++) {
      for (; q < e && h[q].mode == mode && h[q].pass == 0; q++)
        if (nnew < 16 && slot_ok(&d->tabs[h[q].ti], h[q].s, acc))
          found[nnew++] = (hit){&d->tabs[h[q].ti], h[q].s}, nwhole++;
      /* without the 's only when no whole key matched yet (an earlier
       * mode's hit without it hides none: "usa" and "USA" in "USA's") */
      int try1 = nwhole == 0;
      for (; q < e && h[q].mode == mode; q++)
        if (try1 && nnew < 16 && slot_ok(&d->tabs[h[q].ti], h[q].s, acc))
          found[nnew++] = (hit){&d->tabs[h[q].ti], h[q].s};
    }
    if (nnew) {
      best = h[k].j + 1;
      memcpy(hits, found, nnew * sizeof *hits);
      nbest = nnew;
    }
    k = e;
  }
  for (size_t k = 0; k < nbest; k++) {
    const dtable *t = hits[k].t;
    const dslot *s = hits[k].s;
    for (uint32_t x = 0; x < s->count; x++) {
      const dentry *en = &t->entries[s->first + x];
      if (acc && !acc[t->gmap[t->lcls[s->first + x]]]) continue;
      td_match m = {i, best, t->pool + en->key, t->pool + en->cls, t->pool + en->payload,
                    en->flags};
      if (cb(ctx, &m)) {
        *stopped = 1;
        return best;
      }
    }
  }
  return best;
}

/* Records as dead every start in [i, end) not recorded yet that
 * first_dead() rules out, as enumerate() would (perf, issue 11): the first
 * pass over a range is mostly such tokens, and one loop over them costs
 * less than a longest_at() call each. The others are left to longest_at(). */
static void mark_dead(const td_dict *d, td_doc *doc, struct td_mcache *c, dcache *dc, uint32_t i,
                      uint32_t end) {
  int pf = d->prefetch;
  for (uint32_t k = i; k < end; k++) {
    if (pf && k + PREFETCH_AHEAD < end && !dc->st[k + PREFETCH_AHEAD].done)
      gate_prefetch(d, c, k + PREFETCH_AHEAD);
    mstart *st = &dc->st[k];
    if (st->done) continue;
    const td_tok *t = &doc->toks[k]; /* cached_tok(), c being doc's cache */
    const mtok *m = &c->t[k];
    if (!m->ok || m->start != t->start || m->end != t->end || m->lemma != t->lemma)
      m = fold_tok(doc, k);
    int fd = m->quick ? quick_dead(d, m) : first_dead(d, m);
    if (fd != 1) { /* kept for enumerate(), while the tokens stay as they are */
      st->fd = (uint8_t)(fd + 1), st->epoch = c->epoch;
      continue;
    }
    st->first = (uint32_t)dc->nhits, st->n = 0, st->lim = end, st->jend = k + 1;
    st->natural = 1, st->done = 1, st->dead = 1;
    st->epoch = c->epoch; /* after the fold, which may have bumped it */
  }
  if (dc->pf < end) dc->pf = end; /* their gate lines were asked for */
}

/* A layer's view of a document's matches: its cache, the dictionary's
 * cache in it, the filter's answers per class; renewed by walk() when a
 * callback changes the tokens. */
typedef struct {
  struct td_mcache *c;
  dcache *dc;
  const uint8_t *acc;
} mview;

/* Whether view v no longer holds: a callback changed the tokens, or its
 * own matching claimed the dictionary's cache for another dictionary (a
 * document keeps caches for a few dictionaries at a time). */
static int view_stale(const mview *v, const td_dict *d, const td_doc *doc) {
  return doc->mcache != v->c || v->c->toks != doc->toks || v->c->ntoks != doc->ntoks ||
         v->dc->d != d || v->dc->serial != d->serial;
}

static mview view_of(const td_dict *d, td_doc *doc, const char *const *classes) {
  mview v;
  v.c = doc_cache(doc);
  v.dc = dict_cache(doc, v.c, d);
  v.acc = filter_of(doc, v.dc, d, classes);
  return v;
}

/* td_match_starts() through the view v (d has tables, doc tokens). */
static int walk(const td_dict *d, td_doc *doc, mview *v, const char *const *classes, uint32_t tok0,
                uint32_t slim, uint32_t tok1, td_match_cb cb, void *ctx) {
  if (tok1 > doc->ntoks) tok1 = (uint32_t)doc->ntoks;
  if (tok0 >= tok1) return 0;
  struct td_mcache *c = v->c;
  dcache *dc = v->dc;
  const uint8_t *acc = v->acc;
  uint32_t i = tok0, marked = tok0; /* mark_dead() has seen [tok0, marked) */
  while (i < tok1 && i < slim) {
    const mstart *st = &dc->st[i];
    if (!st->done && i >= marked) { /* the first pass here: dead starts in one loop */
      marked = tok1 < slim ? tok1 : slim;
      mark_dead(d, doc, c, dc, i, marked);
      continue;
    }
    if (st->dead && st->epoch == c->epoch) { /* a run of them, in one loop */
      uint32_t stop = tok1 < slim ? tok1 : slim, epoch = c->epoch;
      const mtok *ct = c->t;
      const td_tok *tt = doc->toks;
      uint32_t k = i;
      for (; k < stop && dc->st[k].dead && dc->st[k].epoch == epoch; k++) {
        const td_tok *t = &tt[k]; /* start_fresh() of one token, inline */
        const mtok *m = &ct[k];
        if (!m->ok || m->start != t->start || m->end != t->end || m->lemma != t->lemma) break;
      }
      if (k > i) { /* recorded: nothing starts there */
        i = k;
        continue;
      }
    } else if (st->done && st->n == 0 && st->natural && start_fresh(doc, c, st, i)) {
      i++; /* recorded: nothing starts here (longest_at's answer, without the call) */
      continue;
    }
    int stopped = 0;
    uint32_t best = longest_at(d, doc, c, dc, acc, i, tok1, cb, ctx, &stopped);
    if (stopped) return 1;
    i = best ? best : i + 1;
    /* callbacks run only in longest_at: the one place the view can go stale */
    if (view_stale(v, d, doc)) {
      *v = view_of(d, doc, classes);
      c = v->c, dc = v->dc, acc = v->acc;
      if (tok1 > doc->ntoks) tok1 = (uint32_t)doc->ntoks;
      marked = i;
    }
  }
  return 0;
}

int td_match_starts(const td_dict *d, const td_doc *cdoc, uint32_t tok0, uint32_t slim,
                    uint32_t tok1, const char *const *classes, td_match_cb cb, void *ctx) {
  if (!d || d->ntabs == 0) return 0;
  td_doc *doc = (td_doc *)cdoc; /* the cache is private scratch in its arena */
  if (tok1 > doc->ntoks) tok1 = (uint32_t)doc->ntoks;
  if (tok0 >= tok1) return 0;
  mview v = view_of(d, doc, classes);
  return walk(d, doc, &v, classes, tok0, slim, tok1, cb, ctx);
}

int td_match_range(const td_dict *d, const td_doc *doc, uint32_t tok0, uint32_t tok1,
                   const char *const *classes, td_match_cb cb, void *ctx) {
  return td_match_starts(d, doc, tok0, tok1, tok1, classes, cb, ctx);
}

uint32_t td_match_at(const td_dict *d, const td_doc *cdoc, uint32_t tok, uint32_t tok1,
                     const char *const *classes, td_match_cb cb, void *ctx) {
  if (!d || d->ntabs == 0) return 0;
  td_doc *doc = (td_doc *)cdoc; /* the cache is private scratch in its arena */
  if (tok1 > doc->ntoks) tok1 = (uint32_t)doc->ntoks;
  if (tok >= tok1) return 0;
  struct td_mcache *c = doc_cache(doc);
  dcache *dc = dict_cache(doc, c, d);
  int stopped = 0;
  return longest_at(d, doc, c, dc, filter_of(doc, dc, d, classes), tok, tok1, cb, ctx, &stopped);
}

int td_match_sentence(const td_dict *d, const td_doc *doc, size_t sent,
                      const char *const *classes, td_match_cb cb, void *ctx) {
  if (sent >= doc->nsents) return 0;
  const td_sent *s = &doc->sents[sent];
  return td_match_range(d, doc, s->tok0, s->tok0 + s->ntok, classes, cb, ctx);
}

int td_match_sentences(const td_dict *d, const td_doc *cdoc, const char *const *classes,
                       td_match_cb cb, void *ctx) {
  if (!d || d->ntabs == 0 || cdoc->ntoks == 0) return 0;
  td_doc *doc = (td_doc *)cdoc; /* the cache is private scratch in its arena */
  mview v = view_of(d, doc, classes);
  for (size_t si = 0; si < doc->nsents; si++) {
    const td_sent *s = &doc->sents[si];
    uint32_t e = s->tok0 + s->ntok;
    if (view_stale(&v, d, doc)) v = view_of(d, doc, classes); /* (td_match_sentence looks it up again) */
    if (walk(d, doc, &v, classes, s->tok0, e, e, cb, ctx)) return 1;
  }
  return 0;
}

int td_dict_lookup(const td_dict *d, const char *phrase, const char *const *classes,
                   td_match_cb cb, void *ctx) {
  if (!d) return 0;
  for (int mode = 0; mode < 2; mode++) {
    char key[KEYCAP];
    size_t klen = 0;
    if (fold_into(key, &klen, phrase, strlen(phrase), mode == 0) != 0) return 0;
    while (klen && key[klen - 1] == ' ') key[--klen] = 0;
    if (klen == 0) return 0;
    uint64_t h = slot_hash(fnv_extend(FNV_INIT, key, klen), mode);
    for (size_t ti = 0; ti < d->ntabs; ti++) {
      const dslot *s = table_find(&d->tabs[ti], h, key, klen, mode);
      if (s && slot_emit(&d->tabs[ti], s, classes, 0, 0, cb, ctx)) return 1;
    }
  }
  return 0;
}

int td_dict_lookup_lemmas(const td_dict *d, const char *phrase, const char *const *classes,
                          td_match_cb cb, void *ctx) {
  if (!d) return 0;
  char key[KEYCAP];
  size_t klen = 0;
  if (fold_into(key, &klen, phrase, strlen(phrase), 1) != 0) return 0;
  while (klen && key[klen - 1] == ' ') key[--klen] = 0;
  if (klen == 0) return 0;
  uint64_t h = slot_hash(fnv_extend(FNV_INIT, key, klen), 2);
  for (size_t ti = 0; ti < d->ntabs; ti++) {
    const dslot *s = table_find(&d->tabs[ti], h, key, klen, 2);
    if (s && slot_emit(&d->tabs[ti], s, classes, 0, 0, cb, ctx)) return 1;
  }
  return 0;
}

/* ---- building ---- */

typedef struct {
  uint32_t key, cls, payload, flags;
} bentry;

struct td_dictb {
  uint64_t *pset;        /* prefix hash set, made in finish */
  uint32_t npslots;
  td_buf pool;           /* interned strings */
  uint32_t *intern;      /* open-addressing set of pool offsets + 1 */
  size_t ninterned, cap_intern;
  bentry *es;
  size_t n, cap;
  uint32_t maxkey;
};

static uint32_t intern(td_dictb *b, const char *s) {
  if (b->ninterned * 2 + 2 > b->cap_intern) {
    size_t nc = b->cap_intern ? b->cap_intern * 2 : 1024;
    uint32_t *ns = td_xcalloc(nc, sizeof *ns);
    for (size_t i = 0; i < b->cap_intern; i++)
      if (b->intern[i]) {
        const char *t = b->pool.ptr + b->intern[i] - 1;
        size_t j = td_hash64(t, strlen(t)) & (nc - 1);
        while (ns[j]) j = (j + 1) & (nc - 1);
        ns[j] = b->intern[i];
      }
    free(b->intern);
    b->intern = ns, b->cap_intern = nc;
  }
  size_t n = strlen(s), j = td_hash64(s, n) & (b->cap_intern - 1);
  while (b->intern[j]) {
    if (strcmp(b->pool.ptr + b->intern[j] - 1, s) == 0) return b->intern[j] - 1;
    j = (j + 1) & (b->cap_intern - 1);
  }
  uint32_t off = (uint32_t)b->pool.len;
  td_buf_put(&b->pool, s, n + 1);
  b->intern[j] = off + 1;
  b->ninterned++;
  return off;
}

td_dictb *td_dictb_new(void) {
  td_dictb *b = td_xcalloc(1, sizeof *b);
  td_buf_putc(&b->pool, 0); /* offset 0 is "" */
  return b;
}

size_t td_dictb_count(const td_dictb *b) { return b->n; }

int td_dictb_add(td_dictb *b, const char *phrase, const char *cls, const char *payload,
                 unsigned flags) {
  char key[KEYCAP];
  size_t klen = 0;
  if (!cls || !*cls) return -1;
  if (fold_into(key, &klen, phrase, strlen(phrase), !(flags & TD_DICT_CASE) || (flags & TD_DICT_LEMMA)) != 0)
    return -1;
  while (klen && key[klen - 1] == ' ') key[--klen] = 0;
  if (klen == 0) return -1;
  TD_GROW(b->es, b->cap, b->n + 1);
  bentry *e = &b->es[b->n++];
  e->key = intern(b, key);
  e->cls = intern(b, cls);
  e->payload = intern(b, payload ? payload : "");
  e->flags = flags;
  if (klen > b->maxkey) b->maxkey = (uint32_t)klen;
  return 0;
}

static unsigned parse_flags(const char *s) {
  unsigned f = 0;
  if (strstr(s, "case")) f |= TD_DICT_CASE;
  if (strstr(s, "lemma")) f |= TD_DICT_LEMMA;
  return f;
}

int td_dictb_add_tsv(td_dictb *b, const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "cannot read dictionary %s: %s", path, strerror(errno));
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  long lineno = 0;
  int rc = 0;
  while ((got = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = 0;
    if (got == 0 || line[0] == '#') continue;
    char *col[4] = {line, NULL, NULL, NULL};
    for (int c = 1; c < 4; c++) {
      char *tab = col[c - 1] ? strchr(col[c - 1], '\t') : NULL;
      if (!tab) break;
      *tab = 0;
      col[c] = tab + 1;
    }
    if (!col[1] || !*col[1] ||
        td_dictb_add(b, col[0], col[1], col[2] ? col[2] : "", col[3] ? parse_flags(col[3]) : 0) != 0) {
      snprintf(err, errlen, "%s:%ld: expected PHRASE<TAB>CLASS[<TAB>PAYLOAD[<TAB>FLAGS]]",
               path, lineno);
      rc = -1;
      break;
    }
  }
  free(line);
  fclose(f);
  return rc;
}

static int cmp_entry(const void *pa, const void *pb, void *ctx) {
  const td_dictb *sort_ctx = ctx;
  const bentry *a = pa, *b = pb;
  int ma = entry_mode(a->flags), mb = entry_mode(b->flags);
  if (ma != mb) return ma - mb;
  int c = strcmp(sort_ctx->pool.ptr + a->key, sort_ctx->pool.ptr + b->key);
  if (c) return c;
  if (a->cls != b->cls) return a->cls < b->cls ? -1 : 1;
  if (a->payload != b->payload) return a->payload < b->payload ? -1 : 1;
  return (int)a->flags - (int)b->flags;
}

/* Punctuation, where a tokenizer may split a word. */
static int is_break(char c) {
  unsigned char u = (unsigned char)c;
  return u < 0x80 && u != ' ' && !((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                                   (u >= '0' && u <= '9'));
}

static void pset_add(uint64_t *set, uint32_t n, uint64_t h) {
  h |= 1;
  uint32_t i = (uint32_t)h & (n - 1);
  while (set[i] && set[i] != h) i = (i + 1) & (n - 1);
  set[i] = h;
}

void *td_dictb_finish(td_dictb *b, size_t *len) {
  /* Sort so each (mode, key) group is contiguous; drop exact duplicates. */
  if (b->n) qsort_r(b->es, b->n, sizeof *b->es, cmp_entry, b);
  size_t m = 0;
  for (size_t i = 0; i < b->n; i++)
    if (m == 0 || memcmp(&b->es[i], &b->es[m - 1], sizeof(bentry)) != 0) b->es[m++] = b->es[i];
  b->n = m;
  size_t ngroups = 0;
  for (size_t i = 0; i < b->n; i++)
    if (i == 0 || b->es[i].key != b->es[i - 1].key ||
        entry_mode(b->es[i].flags) != entry_mode(b->es[i - 1].flags))
      ngroups++;
  uint32_t nslots = 16;
  while (nslots < ngroups * 2) nslots *= 2;
  /* prefixes at word breaks: before a space, and around punctuation, where
   * a tokenizer may end a token ("u.n" + ".", "korea" + "'s") */
  size_t nprefix = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < b->n; i++) {
      if (i > 0 && b->es[i].key == b->es[i - 1].key &&
          entry_mode(b->es[i].flags) == entry_mode(b->es[i - 1].flags))
        continue;
      const char *key = b->pool.ptr + b->es[i].key;
      size_t kl = strlen(key);
      for (size_t p = 1; p < kl; p++)
        if (key[p - 1] != ' ' && (key[p] == ' ' || is_break(key[p - 1]) || is_break(key[p]))) {
          if (pass == 0) nprefix++;
          else pset_add(b->pset, b->npslots, slot_hash(fnv_extend(FNV_INIT, key, p),
                                                      entry_mode(b->es[i].flags)));
        }
    }
    if (pass == 0) {
      b->npslots = 16;
      while (b->npslots < nprefix * 2) b->npslots *= 2;
      b->pset = td_xcalloc(b->npslots, sizeof *b->pset);
    }
  }
  /* the derived parts (issue 11): entries per mode, classes, the gate */
  uint32_t nmode[NMODES] = {0, 0, 0};
  for (size_t i = 0; i < b->n; i++) nmode[entry_mode(b->es[i].flags)]++;
  uint32_t *lcls = td_xmalloc((b->n + 1) * sizeof *lcls), *clsoff;
  uint32_t ncls = local_classes(b->n ? &b->es[0].cls : NULL, 4, b->n, lcls, &clsoff);
  uint32_t glines = gate_lines(ngroups, nprefix);
  uint64_t *gate = td_xcalloc((size_t)glines * GATE_LINE, sizeof *gate);
  for (size_t i = 0; i < b->n && glines; i++) {
    int mode = entry_mode(b->es[i].flags);
    if (i > 0 && b->es[i].key == b->es[i - 1].key && mode == entry_mode(b->es[i - 1].flags))
      continue;
    const char *key = b->pool.ptr + b->es[i].key;
    if (gate_key(gate, glines - 1, key, strlen(key), mode) != 0) glines = 0; /* none */
  }
  size_t poolpad = (b->pool.len + 7) / 8 * 8;
  size_t body = HDR + (size_t)nslots * sizeof(dslot) + (size_t)b->npslots * 8 +
                b->n * sizeof(dentry);
  size_t at = (body + poolpad + 7) / 8 * 8; /* body is a multiple of 8 */
  size_t total = at + (size_t)glines * GATE_LINE * 8 + (size_t)ncls * 4 + b->n * 4 + nslots +
                 b->npslots;
  size_t case_at = (total + 7) / 8 * 8; /* the exact-case bits, when there are such keys */
  if (nmode[1]) total = case_at + CASE_WORDS * 8;
  unsigned char *img = td_xcalloc(1, total);
  memcpy(img, MAGIC, 8);
  uint32_t hdr[14] = {nslots, (uint32_t)b->n, b->maxkey, (uint32_t)b->pool.len, b->npslots, 0,
                      ncls, glines, nmode[0], nmode[1], nmode[2], nmode[1] ? 1 : 0, 0, 0};
  memcpy(img + 8, hdr, sizeof hdr);
  dslot *slots = (dslot *)(img + HDR);
  uint64_t *pslots = (uint64_t *)(slots + nslots);
  memcpy(pslots, b->pset, (size_t)b->npslots * 8);
  free(b->pset);
  dentry *ents = (dentry *)(pslots + b->npslots);
  for (size_t i = 0; i < b->n; i++) {
    ents[i] = (dentry){b->es[i].key, b->es[i].cls, b->es[i].payload, b->es[i].flags};
    int mode = entry_mode(b->es[i].flags);
    if (i > 0 && b->es[i].key == b->es[i - 1].key && mode == entry_mode(b->es[i - 1].flags))
      continue;
    const char *key = b->pool.ptr + b->es[i].key;
    uint64_t h = slot_hash(fnv_extend(FNV_INIT, key, strlen(key)), mode);
    uint32_t j = (uint32_t)h & (nslots - 1);
    while (slots[j].count) j = (j + 1) & (nslots - 1);
    size_t k = i;
    while (k < b->n && b->es[k].key == b->es[i].key && entry_mode(b->es[k].flags) == mode) k++;
    slots[j] = (dslot){h, (uint32_t)i, (uint32_t)(k - i)};
  }
  memcpy(ents + b->n, b->pool.ptr, b->pool.len);
  unsigned char *q = img + at;
  memcpy(q, gate, (size_t)glines * GATE_LINE * 8);
  q += (size_t)glines * GATE_LINE * 8;
  memcpy(q, clsoff, (size_t)ncls * 4);
  q += (size_t)ncls * 4;
  memcpy(q, lcls, b->n * 4);
  q += b->n * 4;
  for (uint32_t i = 0; i < nslots; i++) q[i] = slots[i].count ? tag_of(slots[i].hash) : 0;
  q += nslots;
  for (uint32_t i = 0; i < b->npslots; i++) q[i] = pslots[i] ? tag_of(pslots[i]) : 0;
  if (nmode[1])
    case_bits(ents, (uint32_t)b->n, (const char *)(ents + b->n), (uint32_t)b->pool.len,
              (uint64_t *)(img + case_at));
  free(gate);
  free(clsoff);
  free(lcls);
  td_buf_free(&b->pool);
  free(b->intern);
  free(b->es);
  free(b);
  *len = total;
  return img;
}
