/*
 * utf8.c — UTF-8 decoding and encoding, JSON string escaping and the small
 * character helpers the text stages share.
 */
#include "core.h"

#include <string.h>
#include <utf8proc.h>

int td_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  *cp = 0xFFFD;
  if (n == 0) return 0;
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int len;
  uint32_t v, min;
  if ((c & 0xE0) == 0xC0) len = 2, v = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0) len = 3, v = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0) len = 4, v = c & 0x07, min = 0x10000;
  else return 0;
  if ((size_t)len > n) return 0;
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

/* Windows-1252's characters for the bytes 0x80..0x9F (0: undefined);
 * the bytes 0xA0..0xFF are Latin-1's, the code points of the same value. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

int td_utf8_decode_lax(const unsigned char *s, size_t n, uint32_t *cp) {
  int k = td_utf8_decode(s, n, cp);
  if (k > 0 || n == 0) return k;
  unsigned c = s[0];
  if (c >= 0xC2 && c <= 0xF4 && n > 1 && (s[1] & 0xC0) == 0x80) {
    /* a UTF-8 sequence cut short or malformed: one U+FFFD for the lead
     * byte and the continuation bytes after it that its length covers */
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2, m = 1;
    while (m < len && m < n && (s[m] & 0xC0) == 0x80) m++;
    *cp = 0xFFFD;
    return (int)m;
  }
  *cp = c >= 0xA0 ? c : c >= 0x80 && cp1252_c1[c - 0x80] ? cp1252_c1[c - 0x80] : 0xFFFD;
  return 1;
}

int td_cp_case(uint32_t cp) {
  if (cp > 0x10FFFF) return 0;
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT: return 1;
  case UTF8PROC_CATEGORY_LL: return -1;
  default: return 0;
  }
}

uint32_t td_cp_lower(uint32_t cp) {
  return cp > 0x10FFFF ? cp : (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

int td_utf8_encode(char *w, uint32_t cp) {
  if (cp < 0x80) return w[0] = (char)cp, 1;
  if (cp < 0x800) {
    w[0] = (char)(0xC0 | (cp >> 6));
    w[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    w[0] = (char)(0xE0 | (cp >> 12));
    w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    w[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  w[0] = (char)(0xF0 | (cp >> 18));
  w[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  w[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  w[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

void td_utf8_put(td_buf *b, uint32_t cp) {
  if (cp < 0x80) {
    td_buf_putc(b, (int)cp);
    return;
  }
  char t[4];
  td_buf_put(b, t, (size_t)td_utf8_encode(t, cp));
}

/* Counts the bytes that are no continuation byte (10xxxxxx), eight at a
 * time: in x & ~(x << 1) a byte's bit 7 is set when its bit 7 is set and
 * its bit 6 clear (the shift moves each bit 6 under the bit 7 of its own
 * byte; what crosses from the byte below lands in bit 0); the multiply
 * adds the eight flags into the top byte. */
size_t td_utf8_count(const char *s, size_t n) {
  size_t k = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    uint64_t cont = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;
    k += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56);
  }
  for (; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

int td_ascii_only(const char *s, size_t n) {
  size_t i = 0;
  for (; i + 32 <= n; i += 32) { /* four words a step: one test per 32 bytes */
    uint64_t a, b, c, d;
    memcpy(&a, s + i, 8), memcpy(&b, s + i + 8, 8);
    memcpy(&c, s + i + 16, 8), memcpy(&d, s + i + 24, 8);
    if ((a | b | c | d) & 0x8080808080808080ull) return 0;
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    if (x & 0x8080808080808080ull) return 0;
  }
  for (; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) return 0;
  return 1;
}

/* The bytes go straight into b's memory (perf: records are thousands of
 * short strings, and a call per piece cost more than the copy): the
 * reserve up front holds the quotes, the bytes and the NUL; an escape
 * reserves again for its own bytes and the rest. */
void td_json_str(td_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  if (b->len + n + 3 > b->cap) td_buf_reserve(b, n + 2);
  char *o = b->ptr + b->len;
  *o++ = '"';
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    /* eight bytes at a time while none needs escaping (perf, issue 11:
     * the article text is most of a record) */
    while (i + 8 <= n) {
      uint64_t x = td_load8(s + i);
      if (td_bytes_lt(x, 0x20) | td_bytes_eq(x, '"') | td_bytes_eq(x, '\\')) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    memcpy(o, s + run, i - run);
    o += i - run;
    run = i + 1;
    size_t used = (size_t)(o - b->ptr);
    if (used + 6 + (n - run) + 2 > b->cap) { /* the escape, the rest, '"', NUL */
      b->len = used;
      td_buf_reserve(b, 6 + (n - run) + 1);
      o = b->ptr + used;
    }
    switch (c) {
    case '"': o[0] = '\\', o[1] = '"', o += 2; break;
    case '\\': o[0] = '\\', o[1] = '\\', o += 2; break;
    case '\n': o[0] = '\\', o[1] = 'n', o += 2; break;
    case '\t': o[0] = '\\', o[1] = 't', o += 2; break;
    case '\r': o[0] = '\\', o[1] = 'r', o += 2; break;
    default:
      o[0] = '\\', o[1] = 'u', o[2] = '0', o[3] = '0', o[4] = hex[c >> 4], o[5] = hex[c & 15];
      o += 6;
    }
  }
  if (n > run) memcpy(o, s + run, n - run);
  o += n - run;
  *o++ = '"';
  *o = 0;
  b->len = (size_t)(o - b->ptr);
}

void td_json_cstr(td_buf *b, const char *s) {
  if (!s) td_buf_put(b, "null", 4);
  else td_json_str(b, s, strlen(s));
}

int td_is_space_cp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || cp == 0x2007 || cp == 0x202F ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000 || cp == 0x1680 ||
         cp == 0x205F || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
}

uint32_t td_dash(const char *s, size_t n) {
  const unsigned char *t = (const unsigned char *)s;
  if (n == 1) return t[0] == '-' ? '-' : 0;
  if (n != 3 || t[0] != 0xE2 || t[1] != 0x80 || t[2] < 0x93 || t[2] > 0x95) return 0;
  return 0x2000u + (t[2] - 0x80u);
}

size_t td_lower_ascii(char *dst, size_t cap, const char *s, size_t n) {
  if (cap == 0) return 0;
  if (n >= cap) n = cap - 1;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    dst[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  }
  dst[n] = 0;
  return n;
}
