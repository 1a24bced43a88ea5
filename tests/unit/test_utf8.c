/* test_utf8.c — the word-at-a-time UTF-8 helpers of core (td_utf8_count,
 * td_ascii_only) against byte loops, and the byte -> code point index of
 * a processed document (td_doc_cp) at every byte. */
#include "unit.h"
#include "testdoc.h"
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t count_ref(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

static int ascii_ref(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) return 0;
  return 1;
}

TD_TEST(utf8_count_words) {
  /* random bytes weighted to ASCII, every length and offset up to 80 */
  static const unsigned char pick[] = {'a', ' ', 'Z', 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0x99, 0xF0, 0xFF, 0x7F};
  unsigned seed = 12345;
  char buf[96];
  for (int round = 0; round < 2000; round++) {
    for (size_t i = 0; i < sizeof buf; i++) {
      seed = seed * 1103515245u + 12345u;
      unsigned r = (seed >> 16) % 40;
      buf[i] = (char)(r < sizeof pick ? pick[r] : 'a' + r % 26);
    }
    if (round % 3 == 0) memset(buf, 'x', sizeof buf); /* all ASCII ... */
    if (round % 3 == 0) buf[(seed >> 8) % sizeof buf] = (char)0xC3; /* but one byte */
    size_t off = (seed >> 4) % 16, n = (seed >> 12) % (sizeof buf - 15);
    CHECK(td_utf8_count(buf + off, n) == count_ref(buf + off, n));
    CHECK(td_ascii_only(buf + off, n) == ascii_ref(buf + off, n));
  }
  CHECK(td_utf8_count("", 0) == 0);
  CHECK(td_ascii_only("", 0) == 1);
  CHECK(td_utf8_count("caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d", 13) == 9);
}

TD_TEST(utf8_doc_cp_index) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  /* 64-byte checkpoints: a text whose length is a multiple of 64, one
   * that is not, and an ASCII one */
  static const char *const texts[] = {
      "The caf\xc3\xa9 in S\xc3\xa3o Paulo said \xe2\x80\x9cyes\xe2\x80\x9d on Monday, and the "
      "price rose by \xc2\xa3" "5 to \xe2\x82\xac" "12 in the week after the vote.\n",
      "Plain ASCII text about the markets, which rose on Monday after the vote.\n"};
  int whole = 0; /* texts whose length is a multiple of 64 */
  for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
    for (int pad = 0; pad < 64; pad++) {
      char text[512];
      snprintf(text, sizeof text, "%s%.*s.\n", texts[t], pad,
               "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
      td_doc *d = td_testdoc_process(eng, text, NULL);
      CHECK(d != NULL);
      if (!d) continue;
      size_t len;
      const char *s = td_doc_text(d, &len);
      whole += len % 64 == 0;
      for (size_t b = 0; b <= len + 2; b++)
        CHECK(td_doc_cp(d, (uint32_t)b) == count_ref(s, b < len ? b : len));
      td_doc_free(d);
    }
  }
  CHECK(whole >= 2);
  td_engine_free(eng);
}
