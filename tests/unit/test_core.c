/* test_core.c — arena, buffer, UTF-8, sha256, JSON escaping and the string set. */
#include "unit.h"
#include "core/core.h"

#include <stdlib.h>
#include <unistd.h>

TD_TEST(core_arena) {
  td_arena a;
  td_arena_init(&a);
  char *p = td_arena_alloc(&a, 10);
  CHECK(p && p[0] == 0);
  CHECK(td_arena_alloc(&a, 1 << 20) != NULL);
  CHECK_STR(td_arena_printf(&a, "a%d", 7), "a7");
  td_arena_release(&a);
}

TD_TEST(core_sha256) {
  char hex[65];
  td_sha256_hex("abc", 3, hex);
  CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  td_sha256_hex("", 0, hex);
  CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TD_TEST(core_utf8) {
  uint32_t cp;
  CHECK(td_utf8_decode((const unsigned char *)"\xe2\x80\x9c", 3, &cp) == 3 && cp == 0x201C);
  CHECK(td_utf8_decode((const unsigned char *)"\xc0\x80", 2, &cp) == 0); /* overlong */
  CHECK(td_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp) == 0); /* surrogate */
  CHECK(td_utf8_count("a\xe2\x80\x9c" "b", 5) == 3);
}

TD_TEST(core_dash) {
  CHECK(td_dash("-", 1) == '-');
  CHECK(td_dash("\xe2\x80\x93", 3) == 0x2013); /* – */
  CHECK(td_dash("\xe2\x80\x94", 3) == 0x2014); /* — */
  CHECK(td_dash("\xe2\x80\x95", 3) == 0x2015); /* ― */
  CHECK(td_dash("\xe2\x80\x92", 3) == 0);      /* figure dash: no */
  CHECK(td_dash("\xe2\x80\x9c", 3) == 0);      /* “ */
  CHECK(td_dash("--", 2) == 0);
  CHECK(td_dash("\xe2\x80\x94x", 4) == 0);
  CHECK(td_dash("a", 1) == 0);
}

TD_TEST(core_json) {
  td_buf b = TD_BUF_INIT;
  td_json_str(&b, "a\"b\\\n\x01", 6);
  CHECK_STR(b.ptr, "\"a\\\"b\\\\\\n\\u0001\"");
  /* each mark at every offset of an eight-byte block, bytes >= 0x80 beside
   * it: the block-at-a-time scan finds it where it is */
  const char marks[] = {'"', '\\', '\n', '\x1f', '\x7f', '\xe2'};
  for (size_t m = 0; m < sizeof marks; m++)
    for (size_t at = 0; at < 19; at++) {
      char in[20], want[64];
      memset(in, 'x', sizeof in);
      in[19] = '\x80';
      in[at] = marks[m];
      b.len = 0;
      td_json_str(&b, in, sizeof in);
      size_t k = 0;
      want[k++] = '"';
      for (size_t i = 0; i < sizeof in; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c == '"' || c == '\\') want[k++] = '\\', want[k++] = (char)c;
        else if (c == '\n') want[k++] = '\\', want[k++] = 'n';
        else if (c < 0x20) k += (size_t)snprintf(want + k, 8, "\\u%04x", c);
        else want[k++] = (char)c;
      }
      want[k++] = '"';
      CHECK(b.len == k && memcmp(b.ptr, want, k) == 0);
    }
  td_buf_free(&b);
}

/* The eight-byte tests agree with the byte-by-byte ones for every byte
 * value beside every other (a borrow or carry from one byte to the next
 * would show there) and at every position among random ones. */
TD_TEST(core_bytes8) {
  uint64_t seed = 88172645463325252ull;
  int bad = 0;
  for (int v = 0; v < 256; v++)
    for (int w = 0; w < 256 + 16; w++) {
      unsigned char b[8];
      for (int k = 0; k < 8; k++) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        /* v and w alternating, or v at w % 8 among random bytes */
        b[k] = (unsigned char)(w < 256 ? (uint64_t)(k & 1 ? w : v) : seed >> 24);
      }
      if (w >= 256) b[w % 8] = (unsigned char)v;
      uint64_t x = td_load8(b), eq = td_bytes_eq(x, '"'), lt = td_bytes_lt(x, 0x21);
      uint64_t in = td_bytes_in(x, '0', '9'), al = td_bytes_alpha(x), lo = td_bytes_lower(x);
      unsigned char low[8];
      memcpy(low, &lo, 8);
      for (int k = 0; k < 8; k++) {
        unsigned char c = b[k], one[8] = {0};
        uint64_t bit;
        one[k] = 0x80;
        memcpy(&bit, one, 8); /* byte k's high bit, in either byte order */
        bad += !!(eq & bit) != (c == '"');
        bad += !!(lt & bit) != (c < 0x21);
        bad += !!(in & bit) != (c >= '0' && c <= '9');
        bad += !!(al & bit) != ((c | 32) >= 'a' && (c | 32) <= 'z' && c < 0x80);
        bad += low[k] != (c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
    }
  CHECK(bad == 0);
}

TD_TEST(core_read_file) {
  char path[] = "/tmp/td-read-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("two\nlines\n", f);
  fclose(f);
  td_buf b = TD_BUF_INIT;
  CHECK(td_buf_read_file(&b, path) == 0);
  CHECK_STR(b.ptr, "two\nlines\n");
  remove(path);
  CHECK(td_buf_read_file(&b, path) == -1);
  CHECK(b.len == 10); /* a failed read leaves what was there */
  td_buf_free(&b);
  /* an empty file gives an empty, NUL-terminated buffer */
  char empty[] = "/tmp/td-read-XXXXXX";
  fd = mkstemp(empty);
  CHECK(fd >= 0);
  close(fd);
  CHECK(td_buf_read_file(&b, empty) == 0);
  CHECK(b.ptr != NULL && b.len == 0 && b.ptr[0] == 0);
  remove(empty);
  td_buf_free(&b);
}

TD_TEST(core_dates) {
  CHECK(td_days_from_civil(1970, 1, 1) == 0);
  CHECK(td_days_from_civil(2000, 3, 1) == 11017);
  CHECK(td_days_from_civil(1969, 12, 31) == -1);
  long y;
  int m, d;
  td_civil_from_days(20028, &y, &m, &d); /* 2024-11-01 */
  CHECK(y == 2024 && m == 11 && d == 1);
  for (long k = -800000; k <= 800000; k += 997) {
    td_civil_from_days(k, &y, &m, &d);
    CHECK(td_days_from_civil(y, m, d) == k);
  }
}

TD_TEST(core_strset) {
  static const char *const ws[] = {"monday", "may", "el niño", "may", "a-very-long-word-over-31-bytes-long", "", NULL, "x"};
  td_strset *s = td_strset_new(ws, sizeof ws / sizeof ws[0]);
  CHECK(s->count == 5); /* the repeat, the empty string and NULL left out */
  CHECK(td_strset_find(s, "monday", 6) == 0);
  CHECK(td_strset_find(s, "may", 3) == 1); /* a repeated word keeps its first index */
  CHECK(td_strset_find(s, "el niño", strlen("el niño")) == 2);
  CHECK(td_strset_find(s, "a-very-long-word-over-31-bytes-long", 35) == 4);
  CHECK(td_strset_find(s, "a-very-long-word-over-31-bytes-lonG", 35) == -1);
  CHECK(td_strset_find(s, "x", 1) == 7);
  CHECK(td_strset_find(s, "mayday", 3) == 1); /* a slice, not a C string */
  CHECK(td_strset_find(s, "mayday", 6) == -1);
  CHECK(td_strset_find(s, "monday", 5) == -1);
  CHECK(td_strset_find(s, "", 0) == -1);
  CHECK(td_strset_find(s, "June", 4) == -1);
  td_strset_free(s);
  td_strset_free(NULL);
  /* a set over the probe's fill factor still finds all its words */
  char buf[600][8];
  const char *many[600];
  for (int i = 0; i < 600; i++) snprintf(buf[i], sizeof buf[i], "w%d", i), many[i] = buf[i];
  s = td_strset_new(many, 600);
  int ok = 1;
  for (int i = 0; i < 600; i++) ok &= td_strset_find(s, buf[i], strlen(buf[i])) == i;
  CHECK(ok);
  CHECK(td_strset_find(s, "w600", 4) == -1);
  td_strset_free(s);
  static const char *const list[] = {"north", "south", NULL};
  s = td_strset_new_list(list);
  CHECK(s->count == 2 && td_strset_find(s, "south", 5) == 1 && td_strset_find(s, "east", 4) == -1);
  CHECK(td_strset_find_str(s, "north") == 0 && td_strset_find_str(s, "northern") == -1);
  CHECK(td_strset_find_str(s, "") == -1 && td_strset_find_str(s, "x") == -1);
  td_strset_free(s);
}

/* issue 11: a library opened on first use (libpq, libmicrohttpd) fills its
 * table of functions, once; one that cannot be had says what needs it. */
#include <math.h>
static struct {
  __typeof__(cos) *cos;
} dl_m;
static td_dl_sym dl_m_syms[] = {{"cos", &dl_m.cos}};
static td_dl_lib dl_m_lib = TD_DL_LIB("libm.so.6", "a test", dl_m_syms);
static struct {
  __typeof__(cos) *cos;
} dl_no;
static td_dl_sym dl_no_syms[] = {{"cos", &dl_no.cos}};
static td_dl_lib dl_no_lib = TD_DL_LIB("libtidings-none.so.0", "a test", dl_no_syms);

TD_TEST(core_dl_load) {
  char err[512] = "";
  CHECK(td_dl_load(&dl_m_lib, err, sizeof err) == 0);
  CHECK(td_dl_load(&dl_m_lib, err, sizeof err) == 0); /* again: the same */
  CHECK(dl_m.cos && dl_m.cos(0.0) == 1.0);
  CHECK(td_dl_load(&dl_no_lib, err, sizeof err) != 0);
  CHECK(strncmp(err, "a test needs libtidings-none.so.0 (", 35) == 0);
  CHECK(td_dl_load(&dl_no_lib, err, sizeof err) != 0 && dl_no.cos == NULL);
}

/* issue 11: a per-thread cache starts zeroed on ordinary pages and moves to
 * huge ones with what it holds (the pages it touched copied, the others
 * still zero). */
TD_TEST(core_cache_alloc) {
  size_t n = (size_t)3 << 20; /* three huge pages' worth, less a little */
  n -= 100;
  unsigned char *p = td_cache_alloc(n, 0);
  CHECK(p[0] == 0 && p[n - 1] == 0 && p[n / 2] == 0);
  p[5] = 1, p[70000] = 2, p[n - 1] = 3;
  unsigned char *q = td_cache_to_huge(p, n);
  CHECK(((uintptr_t)q & (((uintptr_t)2 << 20) - 1)) == 0);
  CHECK(q[5] == 1 && q[70000] == 2 && q[n - 1] == 3);
  CHECK(q[0] == 0 && q[6] == 0 && q[n / 2] == 0 && q[n - 2] == 0);
  td_cache_free(q, n);
}
