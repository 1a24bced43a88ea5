/*
 * fuzz_html.c — libFuzzer target for HTML article extraction
 * (src/ingest/html.c): any bytes in, a clean result or an error out.
 *   make fuzz   (or: build-fuzz/fuzz_html tests/fuzz/seeds/fuzz_html)
 * Checks: rc 0 gives NUL-terminated, valid UTF-8 text of text_len bytes
 * and no error; rc -1 gives an error and no text.
 */
#include "ingest/ingest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int valid_utf8(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int k = td_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k <= 0) return 0;
    i += (size_t)k;
  }
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* a private copy with no NUL after it, so over-reads are caught */
  char *page = malloc(size ? size : 1);
  if (!page) return 0;
  if (size) memcpy(page, data, size);
  td_html_doc d;
  int rc = td_html_extract(page, size, &d);
  if (rc == 0) {
    if (!d.text || d.error || strlen(d.text) != d.text_len) __builtin_trap();
    if (!valid_utf8(d.text, d.text_len)) __builtin_trap();
    if (d.title && !valid_utf8(d.title, strlen(d.title))) __builtin_trap();
  } else if (rc != -1 || !d.error || d.text) {
    __builtin_trap();
  }
  if (d.date && strlen(d.date) != 10) __builtin_trap();
  td_html_doc_free(&d);
  free(page);
  return 0;
}
