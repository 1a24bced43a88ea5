/*
 * fuzz_warc.c — libFuzzer target for the WARC reader (src/ingest/warc.c).
 *
 * The input is read as a WARC stream from memory. When it starts with 'Z',
 * the rest is first gzip-compressed here, as two members split in the
 * middle, so that the record parser is also fuzzed beneath the gzip layer
 * (multi-member .warc.gz) without the fuzzer having to find valid gzip.
 *   make fuzz   (or: build-fuzz/fuzz_warc tests/fuzz/seeds/fuzz_warc)
 */
#include "ingest/ingest.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

/* Appends s[0..n) as one gzip member to b. */
static void gzip_member(td_buf *b, const uint8_t *s, size_t n) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
  size_t bound = deflateBound(&z, (uLong)n);
  td_buf_reserve(b, bound);
  z.next_in = (unsigned char *)s;
  z.avail_in = (uInt)n;
  z.next_out = (unsigned char *)b->ptr + b->len;
  z.avail_out = (uInt)bound;
  deflate(&z, Z_FINISH);
  b->len += z.total_out;
  deflateEnd(&z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  td_buf gz = TD_BUF_INIT;
  if (size > 0 && data[0] == 'Z') {
    size_t half = (size - 1) / 2;
    gzip_member(&gz, data + 1, half);
    gzip_member(&gz, data + 1 + half, size - 1 - half);
    data = (const uint8_t *)gz.ptr;
    size = gz.len;
  }
  if (size == 0) {
    td_buf_free(&gz);
    return 0;
  }
  FILE *f = fmemopen((void *)data, size, "rb");
  if (!f) {
    td_buf_free(&gz);
    return 0;
  }
  char err[256];
  td_warc *w = td_warc_open("fuzz", f, err, sizeof err);
  if (w) {
    td_input *in;
    int n = 0;
    while (td_warc_next(w, &in) == TD_OK) {
      /* every input is either an article or an error, never neither */
      if (!in || !in->id || (!in->error && (!in->body || !in->is_html))) __builtin_trap();
      if (in->body && in->body[in->body_len] != '\0') __builtin_trap();
      td_input_free(in);
      if (++n > 100000) __builtin_trap(); /* no endless stream */
    }
    td_warc_close(w);
  }
  fclose(f);
  td_buf_free(&gz);
  return 0;
}
