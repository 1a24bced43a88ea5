/*
 * lang.c — language identification, enough to pass non-English articles
 * through untouched: the writing system first (Cyrillic, Arabic, CJK, ...),
 * then, for Latin script, which language's most frequent function words
 * cover most of the first few hundred words.
 */
#include "text.h"

#include <pthread.h>
#include <string.h>

typedef struct {
  const char *code;
  const char *words; /* space-separated, with a leading and trailing space */
} stoplist;

/* The most frequent function words of each language (facts of the
 * languages, not of any corpus). */
static const stoplist lists[] = {
    {"en", " the of and to in a is that for it as was with on by at from this be "
           "are said has have not but he his they their were will an which or its "},
    {"de", " der die und das ist nicht ein eine den dem zu mit von sich auf des "
           "im für auch es wird sind dass wie bei nach "},
    {"fr", " le la les et des du un une est pour que qui dans pas sur au avec "
           "par il elle ont sont ce cette aux "},
    {"es", " el la los las de y que en un una es por con para del se al como "
           "más pero su sus fue ha "},
    {"it", " il la di che e un una per non sono del della con gli le si ha "
           "anche nel alla "},
    {"pt", " o a os as de do da que e um uma em para com não por se na no "
           "foi mais "},
    {"nl", " de het een en van in is dat op te zijn met voor niet aan er "
           "ook als bij "},
};

static const char *by_script(const char *t, size_t n) {
  size_t latin = 0, cyr = 0, arab = 0, han = 0, kana = 0, hangul = 0, other = 0;
  const unsigned char *u = (const unsigned char *)t;
  for (size_t i = 0, seen = 0; i < n && seen < 4000;) {
    uint32_t cp;
    /* Latin wins once more than half of the 4000 letters looked at are
     * Latin, whatever follows (total <= seen <= 4000): stop there. */
    if (latin > 2000) return NULL;
    /* eight ASCII bytes at a time: for a byte b < 0x80, b + 0x3F has its
     * high bit set exactly when b >= 0x41 (no carry leaves the byte) */
    if (i + 8 <= n) {
      uint64_t x;
      memcpy(&x, u + i, 8);
      if (!(x & 0x8080808080808080ull)) {
        uint64_t hi = ((x + 0x3F3F3F3F3F3F3F3Full) & 0x8080808080808080ull) >> 7;
        size_t k = (size_t)((hi * 0x0101010101010101ull) >> 56); /* the bytes' sum */
        if (seen + k < 4000) {
          seen += k, latin += k, i += 8;
          continue;
        }
      }
    }
    if (u[i] < 0x80) { /* ASCII without a call (perf, issue 11) */
      if (u[i++] >= 0x41) seen++, latin++;
      continue;
    }
    int k = td_utf8_decode(u + i, n - i, &cp);
    i += k ? (size_t)k : 1;
    if (cp < 0x41) continue;
    seen++;
    if (cp < 0x250) latin++;
    else if (cp >= 0x400 && cp < 0x530) cyr++;
    else if (cp >= 0x600 && cp < 0x700) arab++;
    else if (cp >= 0x3040 && cp < 0x3100) kana++;
    else if (cp >= 0x4E00 && cp < 0xA000) han++;
    else if (cp >= 0xAC00 && cp < 0xD7B0) hangul++;
    else if (cp > 0x2100) other++;
  }
  size_t total = latin + cyr + arab + han + kana + hangul + other;
  if (total == 0) return "und";
  if (latin * 2 > total) return NULL; /* decide by words */
  if (cyr * 2 > total) return "ru";
  if (arab * 2 > total) return "ar";
  if (hangul * 3 > total) return "ko";
  if (kana * 5 > total) return "ja";
  if (han * 2 > total) return "zh";
  return "und";
}

/* The function words of every list in one hash table: word -> bit set of
 * the lists that hold it (perf, issue 11: one probe a word instead of a
 * strstr over each list). Built once, read-only after. */
#define NLISTS (sizeof lists / sizeof lists[0])
#define WSLOTS 512
static struct {
  char w[16];
  uint8_t mask;
} wtab[WSLOTS];
static pthread_once_t wtab_once = PTHREAD_ONCE_INIT;

/* The hash of a word of at most 15 bytes, zero-filled to 16 and read as
 * two 8-byte words a and b. */
static uint32_t word_hash(uint64_t a, uint64_t b) {
  uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
  return (uint32_t)(h >> 40);
}

/* Word bytes as the word loop reads them: an ASCII letter lowercased, a
 * non-ASCII byte as it is, 0 for anything else (built with wtab). */
static unsigned char wmap[256];

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TD_LANG_SWAR 1 /* the first byte of a text is the low byte of a word */
#else
#define TD_LANG_SWAR 0
#endif

/* Per byte of x, the high bit set where wmap is not 0 (an ASCII letter
 * or a non-ASCII byte). */
static inline uint64_t word8(uint64_t x) { return td_bytes_alpha(x) | (x & TD_HIGH8); }

static void wtab_build(void) {
  for (int c = 0; c < 256; c++)
    wmap[c] = c >= 0x80 ? (unsigned char)c
              : (c | 32) >= 'a' && (c | 32) <= 'z' ? (unsigned char)(c | 32) : 0;
  for (size_t l = 0; l < NLISTS; l++)
    for (const char *p = lists[l].words; *p;) {
      while (*p == ' ') p++;
      const char *st = p;
      while (*p && *p != ' ') p++;
      size_t n = (size_t)(p - st);
      if (n == 0 || n >= sizeof wtab[0].w) continue;
      char z[sizeof wtab[0].w] = {0};
      memcpy(z, st, n);
      uint32_t j = word_hash(td_load8(z), td_load8(z + 8)) & (WSLOTS - 1);
      while (wtab[j].w[0] && !(strlen(wtab[j].w) == n && memcmp(wtab[j].w, st, n) == 0))
        j = (j + 1) & (WSLOTS - 1);
      memcpy(wtab[j].w, st, n);
      wtab[j].mask |= (uint8_t)(1u << l);
    }
}

/* The lists that hold the word whose 16 bytes, zero-filled as the
 * table's words are, are a and b, as a bit set: a slot is compared as two
 * 8-byte words. */
static unsigned word_lists(uint64_t a, uint64_t b) {
  for (uint32_t j = word_hash(a, b) & (WSLOTS - 1);; j = (j + 1) & (WSLOTS - 1)) {
    if (!wtab[j].w[0]) return 0;
    if (td_load8(wtab[j].w) == a && td_load8(wtab[j].w + 8) == b) return wtab[j].mask;
  }
}

/* Whether the language with the most hits so far (best) is already
 * certain to be the answer of td_detect_lang's last 400-word count: no
 * other list can catch up in the words left (a list before best needs
 * only to tie, as the first of equal counts wins), and best has the 20
 * hits that pass the final check whatever the count ends at. */
static int decided(const int *hits, size_t nl, int words) {
  int left = 400 - words;
  size_t best = 0;
  for (size_t l = 1; l < nl; l++)
    if (hits[l] > hits[best]) best = l;
  if (hits[best] < 20) return 0;
  for (size_t l = 0; l < nl; l++) {
    if (l == best) continue;
    if (hits[l] + left > hits[best] || (l < best && hits[l] + left == hits[best])) return 0;
  }
  return 1;
}

const char *td_detect_lang(const char *text, size_t len) {
  pthread_once(&wtab_once, wtab_build);
  const char *s = by_script(text, len);
  if (s) return s;
  int hits[sizeof lists / sizeof lists[0]] = {0};
  int words = 0;
  size_t i = 0;
  while (i < len && words < 400) {
    while (i < len && !wmap[(unsigned char)text[i]]) i++;
    /* a word: letters and non-ASCII bytes, found eight bytes at a time
     * (perf, issue 11) */
    size_t st = i;
#if TD_LANG_SWAR
    for (; i + 8 <= len; i += 8) {
      uint64_t m = word8(td_load8(text + i));
      if (m != TD_HIGH8) {
        i += (size_t)__builtin_ctzll(~m & TD_HIGH8) >> 3;
        break; /* at the byte after the word: the loop below stops there */
      }
    }
#endif
    while (i < len && wmap[(unsigned char)text[i]]) i++;
    size_t n = i - st;
    if (n == 0) {
      i++;
      continue;
    }
    if (n > 29) continue; /* too long to be a word */
    words++;
    /* only a word shorter than a table slot can be a function word */
    if (n >= sizeof wtab[0].w) continue;
    uint64_t a, b;
    if (TD_LANG_SWAR && st + 16 <= len) {
      /* lowercased (a word's ASCII bytes are letters: each takes 0x20),
       * the bytes after the word zeroed */
      a = td_load8(text + st), b = td_load8(text + st + 8);
      a = (a | (~a & TD_HIGH8) >> 2) & (n >= 8 ? ~0ull : (1ull << (8 * n)) - 1);
      b = n <= 8 ? 0 : (b | (~b & TD_HIGH8) >> 2) & ((1ull << (8 * (n - 8))) - 1);
    } else {
      char w[sizeof wtab[0].w] = {0};
      for (size_t k = 0; k < n; k++) w[k] = (char)wmap[(unsigned char)text[st + k]];
      a = td_load8(w), b = td_load8(w + 8);
    }
    unsigned in = word_lists(a, b);
    for (size_t l = 0; in; l++, in >>= 1) hits[l] += in & 1;
    /* perf (issue 11): stop once the rest cannot change the answer */
    if (words % 16 == 0 && words >= 240 && decided(hits, NLISTS, words)) break;
  }
  if (words < 3) return "en"; /* too little to tell; English by default */
  size_t best = 0;
  for (size_t l = 1; l < sizeof lists / sizeof lists[0]; l++)
    if (hits[l] > hits[best]) best = l;
  /* a short text is English unless another list clearly leads: "Lopez
   * met officials in Madrid." has two Dutch words to one English */
  if (best != 0 && words < 40 && hits[best] < hits[0] + 2) best = 0;
  if (hits[best] * 20 < words) return words < 20 ? "en" : "und";
  return lists[best].code;
}
