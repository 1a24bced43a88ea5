/*
 * repair.c — BASIC placeholder: repairs scraped plain text (invalid UTF-8,
 * controls, odd spaces, hard wraps). The full repair (broken words with
 * the word list, teasers) replaces this file.
 */
#include "text.h"

#include <string.h>

void td_repair_text(const td_engine *eng, const char *s, size_t n, td_buf *out) {
  (void)eng;
  td_buf clean = TD_BUF_INIT;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int k = td_utf8_decode(u + i, n - i, &cp);
    if (k == 0) k = 1, cp = 0xFFFD;
    i += (size_t)k;
    if (cp == '\r') continue;
    if (cp == '\t' || (cp != '\n' && td_is_space_cp(cp))) cp = ' ';
    if (cp < 0x20 && cp != '\n') continue;
    if ((cp >= 0x7F && cp < 0xA0) || cp == 0xFEFF || cp == 0x200B) continue;
    td_utf8_put(&clean, cp);
  }
  /* Paragraphs: blank lines, or a line ending a sentence. */
  const char *p = clean.ptr ? clean.ptr : "";
  size_t len = clean.len;
  size_t i = 0;
  int first = 1;
  while (i < len) {
    size_t e = i;
    while (e < len && p[e] != '\n') e++;
    size_t a = i, b = e;
    while (a < b && p[a] == ' ') a++;
    while (b > a && p[b - 1] == ' ') b--;
    if (b > a) {
      if (!first) {
        char last = out->len ? out->ptr[out->len - 1] : '.';
        int ends = strchr(".!?\"'):", last) || (out->len >= 3 && (unsigned char)out->ptr[out->len - 1] >= 0x80);
        td_buf_puts(out, ends ? "\n\n" : " ");
      }
      for (size_t k = a; k < b; k++)
        if (!(p[k] == ' ' && k > a && p[k - 1] == ' ')) td_buf_putc(out, p[k]);
      first = 0;
    }
    i = e + 1;
  }
  if (!out->ptr) td_buf_reserve(out, 0);
  td_buf_free(&clean);
}
