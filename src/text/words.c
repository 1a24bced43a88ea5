/*
 * words.c — the English word list used by text repair: which lowercase
 * strings are words, how common each is, and how common some adjacent word
 * pairs are. The table is the resource section "words", built at make time
 * by tools/mkres.c (build_words) from Debian's wamerican list
 * (/usr/share/dict/words), hunspell's en_US.dic and the EWT frequency table
 * data/words/ewt-freq.tsv, and used in place from the memory map.
 *
 * Section layout (little-endian u32s, then bytes):
 *   "TDW1"  nslots (a power of two)  nkeys  total (tokens counted in EWT)
 *   nslots x { key offset into the pool (0: empty slot), score }
 *   pool: one dummy byte, then each key as one length byte and its bytes
 * Keys are lowercase words ("border") or two words with one space between
 * them ("a way"); slots are found by linear probing from td_hash64(key).
 * Score: 10 x the EWT count, plus 3 when the string is a known word (in a
 * dictionary or in EWT). A missing key scores 0.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

struct td_words {
  const uint32_t *slots; /* 2 x nslots */
  const unsigned char *pool;
  uint32_t mask, total;
};

static uint32_t rd32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

struct td_words *td_words_load(const td_res *res) {
  size_t len = 0;
  const unsigned char *p = res ? td_res_get(res, "words", &len) : NULL;
  if (!p || len < 16 || memcmp(p, "TDW1", 4) != 0) return NULL;
  uint32_t nslots = rd32(p + 4);
  if (nslots == 0 || (nslots & (nslots - 1)) != 0 || 16 + (size_t)nslots * 8 > len) return NULL;
  struct td_words *w = td_xcalloc(1, sizeof *w);
  w->slots = (const uint32_t *)(const void *)(p + 16); /* sections are 16-byte aligned */
  w->pool = p + 16 + (size_t)nslots * 8;
  w->mask = nslots - 1;
  w->total = rd32(p + 12);
  return w;
}

void td_words_free(struct td_words *w) { free(w); }

int td_words_score(const struct td_words *w, const char *word, size_t n) {
  if (!w || n == 0 || n > 255) return 0;
  uint32_t i = (uint32_t)td_hash64(word, n) & w->mask;
  for (;;) {
    uint32_t off = w->slots[2 * i];
    if (off == 0) return 0;
    const unsigned char *k = w->pool + off;
    if (k[0] == n && memcmp(k + 1, word, n) == 0) return (int)w->slots[2 * i + 1];
    i = (i + 1) & w->mask;
  }
}

uint32_t td_words_total(const struct td_words *w) { return w ? w->total : 0; }
