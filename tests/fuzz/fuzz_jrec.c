/*
 * fuzz_jrec.c — libFuzzer target for the store's JSON record reader
 * (src/kb/jrec.c, td_jv_parse: what `tidings merge SHARD…` and
 * td_kb_add_json read). The input is not NUL-terminated, so over-reads
 * are caught; a tree that parses is walked whole: every string is
 * NUL-terminated at its length and valid UTF-8 without NUL bytes.
 *   make fuzz   (or: build-fuzz/fuzz_jrec tests/fuzz/seeds/fuzz_jrec)
 */
#include "kb/kb.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Checks v's strings and children, without recursion (depth is the
 * input's): an explicit stack of values still to visit. */
static void walk(const td_jv *root) {
  size_t cap = 64, n = 0;
  const td_jv **st = malloc(cap * sizeof *st);
  if (!st) return;
  st[n++] = root;
  while (n) {
    const td_jv *v = st[--n];
    if (v->t == TD_JV_STR) {
      if (v->s[v->n] != 0 || strlen(v->s) != v->n) __builtin_trap();
      for (size_t i = 0; i < v->n;) { /* valid UTF-8 throughout */
        uint32_t cp;
        int k = td_utf8_decode((const unsigned char *)v->s + i, v->n - i, &cp);
        if (k <= 0) __builtin_trap();
        i += (size_t)k;
      }
    }
    if (v->t == TD_JV_ARR || v->t == TD_JV_OBJ)
      for (size_t i = 0; i < v->n; i++) {
        if (v->t == TD_JV_OBJ && !v->v[i]->key) __builtin_trap();
        if (n == cap) {
          const td_jv **g = realloc(st, (cap *= 2) * sizeof *st);
          if (!g) {
            free(st);
            return;
          }
          st = g;
        }
        st[n++] = v->v[i];
      }
  }
  free(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size ? size : 1);
  if (!text) return 0;
  if (size) memcpy(text, data, size);
  td_arena a;
  td_arena_init(&a);
  char err[256];
  err[0] = 0;
  td_jv *v = td_jv_parse(&a, text, size, err, sizeof err);
  if (v) walk(v);
  else if (!err[0]) __builtin_trap(); /* a failure says why */
  td_arena_release(&a);
  free(text);
  return 0;
}
