/*
 * fuzz_petrarch.c — libFuzzer target for the PETRARCH/Phoenix/TABARI actor
 * and agent dictionary reader (src/lang/petrarch.c): the first byte picks
 * actors or agents, the rest is the file.
 *   make fuzz   (or: build-fuzz/fuzz_petrarch tests/fuzz/seeds/fuzz_petrarch)
 * Checks: no crash or leak; an error is located ("x.actors:LINE: ..."); a
 * table that compiles answers a lookup of every entry kind it may hold.
 */
#include "lang/matcher.h"
#include "lang/petrarch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int count(void *ctx, const td_match *m) {
  (void)m;
  ++*(int *)ctx;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  int kind = (data[0] & 1) ? TD_PETRARCH_AGENTS : TD_PETRARCH_ACTORS;
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  (void)td_petrarch_kind("x.txt", text, len);
  td_dictb *b = td_dictb_new();
  char err[256] = "";
  size_t skipped = 0;
  int rc = td_petrarch_add(b, kind, "x.actors", text, len, &skipped, err, sizeof err);
  if (rc != 0 && strncmp(err, "x.actors:", 9) != 0) __builtin_trap();
  size_t n;
  void *img = td_dictb_finish(b, &n);
  if (rc == 0) {
    td_dict *d = td_dict_new();
    if (td_dict_add_image(d, img, n) != 0) __builtin_trap();
    int hits = 0;
    td_dict_lookup(d, "a", NULL, count, &hits);
    td_dict_free(d);
  }
  free(img);
  return 0;
}
