/*
 * lang.c — language identification, enough to pass non-English articles
 * through untouched: the writing system first (Cyrillic, Arabic, CJK, ...),
 * then, for Latin script, which language's most frequent function words
 * cover most of the first few hundred words.
 */
#include "text.h"

#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
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
#ifdef __SSE2__
    /* sixteen ASCII bytes at a time (perf, issue 11): the bytes >= 0x41,
     * as 0/1 each, summed by _mm_sad_epu8 */
    if (i + 16 <= n) {
      __m128i x = _mm_loadu_si128((const __m128i *)(u + i));
      if (!_mm_movemask_epi8(x)) {
        __m128i one = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x40)), _mm_set1_epi8(1));
        __m128i sum = _mm_sad_epu8(one, _mm_setzero_si128());
        size_t k = (size_t)(_mm_cvtsi128_si32(sum) + _mm_extract_epi16(sum, 4));
        if (seen + k < 4000) {
          seen += k, latin += k, i += 16;
          continue;
        }
      }
    }
#endif
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

/* The function words of every list in one hash table: word -> the lists
 * that hold it (perf, issue 11: one probe a word instead of a
 * strstr over each list). A word is its 16 bytes, zero-filled (words of
 * at most 15 bytes), as two 8-byte keys. The hash multiplier is chosen at
 * build time so that every word lies in its slot or the next: a look-up
 * reads both without a branch (whether a word is a function word is a
 * coin toss the branch predictor loses). Built once, read-only after. */
#define NLISTS (sizeof lists / sizeof lists[0])
#define WSLOTS 512
typedef struct wslot {
  uint64_t a, b; /* the word's keys; 0, 0: empty (no word starts with NUL) */
  uint64_t hits; /* its lists' increment of the packed counts (see hits_of) */
} wslot;
static wslot wtab[WSLOTS + 1]; /* slot WSLOTS: the next of the last, always empty */
static uint64_t wtab_mul;
static pthread_once_t wtab_once = PTHREAD_ONCE_INIT;

/* The slot of the word with keys a and b. */
static uint32_t word_hash(uint64_t a, uint64_t b) {
  uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull)) * wtab_mul;
  return (uint32_t)(h >> 55); /* 9 bits: WSLOTS */
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

/* The hit counts of the lists, packed into one word: list l's in bits
 * 9l .. 9l + 8 (a count never passes 400); a function word adds its
 * slot's `hits`, a 1 at each of its lists' counts (perf, issue 11: one
 * add a word instead of a loop over its lists). */
#define HBITS 9
_Static_assert(NLISTS * HBITS <= 64, "every list's hit count packed in one word");
static int hits_of(uint64_t packed, size_t l) { return (int)(packed >> (HBITS * l) & 511); }

/* Puts the words of ws (n of them) into wtab with multiplier m: 0 when
 * one would lie two slots or more from its own. */
static int wtab_fill(const wslot *ws, size_t n, uint64_t m) {
  memset(wtab, 0, sizeof wtab);
  wtab_mul = m;
  for (size_t k = 0; k < n; k++) {
    uint32_t j = word_hash(ws[k].a, ws[k].b), d = 0;
    while (wtab[j].a && d < 2) j++, d++;
    if (d == 2 || j >= WSLOTS) return 0;
    wtab[j] = ws[k];
  }
  return 1;
}

static void wtab_build(void) {
  for (int c = 0; c < 256; c++)
    wmap[c] = c >= 0x80 ? (unsigned char)c
              : (c | 32) >= 'a' && (c | 32) <= 'z' ? (unsigned char)(c | 32) : 0;
  wslot ws[WSLOTS];
  size_t n = 0;
  for (size_t l = 0; l < NLISTS; l++)
    for (const char *p = lists[l].words; *p;) {
      while (*p == ' ') p++;
      const char *st = p;
      while (*p && *p != ' ') p++;
      size_t len = (size_t)(p - st);
      if (len == 0 || len >= 16) continue;
      char z[16] = {0};
      memcpy(z, st, len);
      uint64_t a = td_load8(z), b = td_load8(z + 8);
      size_t k = 0;
      while (k < n && !(ws[k].a == a && ws[k].b == b)) k++;
      if (k == n && n < WSLOTS) ws[n++] = (wslot){a, b, 0};
      if (k < n) ws[k].hits |= 1ull << (HBITS * l);
    }
  /* the first multiplier of a fixed sequence that leaves every word in
   * its slot or the next (the 13th: 145 words in 512 slots) */
  for (int t = 0; t < 4096; t++)
    if (wtab_fill(ws, n, td_hash_mult(t))) return;
  abort(); /* cannot happen: the lists are fixed, and the 13th try does */
}

/* The packed-count increment of the word whose 16 bytes, zero-filled as
 * the table's words are, are a and b: its lists' ones, 0 when it is no
 * function word. */
static uint64_t word_hits(uint64_t a, uint64_t b) {
  const wslot *x = &wtab[word_hash(a, b)], *y = x + 1;
  uint64_t mx = (uint64_t)0 - ((x->a == a) & (x->b == b));
  uint64_t my = (uint64_t)0 - ((y->a == a) & (y->b == b));
  return (x->hits & mx) | (y->hits & my);
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
  uint64_t packed = 0;
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
    if (n >= 16) continue;
    uint64_t a, b;
    if (TD_LANG_SWAR && st + 16 <= len) {
      /* lowercased (a word's ASCII bytes are letters: each takes 0x20),
       * the bytes after the word zeroed */
      a = td_load8(text + st), b = td_load8(text + st + 8);
      a = (a | (~a & TD_HIGH8) >> 2) & (n >= 8 ? ~0ull : (1ull << (8 * n)) - 1);
      b = n <= 8 ? 0 : (b | (~b & TD_HIGH8) >> 2) & ((1ull << (8 * (n - 8))) - 1);
    } else {
      char w[16] = {0};
      for (size_t k = 0; k < n; k++) w[k] = (char)wmap[(unsigned char)text[st + k]];
      a = td_load8(w), b = td_load8(w + 8);
    }
    packed += word_hits(a, b);
    /* perf (issue 11): stop once the rest cannot change the answer */
    if (words % 16 == 0 && words >= 240) {
      for (size_t l = 0; l < NLISTS; l++) hits[l] = hits_of(packed, l);
      if (decided(hits, NLISTS, words)) break;
    }
  }
  for (size_t l = 0; l < NLISTS; l++) hits[l] = hits_of(packed, l);
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
