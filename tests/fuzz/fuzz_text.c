/*
 * fuzz_text.c — libFuzzer target for the whole per-document pipeline on a
 * plain-text article: repair, metadata, segmentation, the language core
 * and every extraction layer, then the JSON writer. Any input must give a
 * document (or an error record), never a crash.
 *   make fuzz   (run from the repository root, after make: it loads
 *                build/tidings.res)
 */
#include "tidings.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static td_engine *eng;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!eng) {
    char err[512];
    td_config cfg = {0};
    cfg.default_date = "2024-11-01";
    eng = td_engine_new(&cfg, err, sizeof err);
    if (!eng) {
      fprintf(stderr, "fuzz_text: %s\n", err);
      abort();
    }
  }
  td_input in = {0};
  in.id = "fuzz.txt";
  in.body = malloc(size ? size : 1);
  if (!in.body) return 0;
  memcpy(in.body, data, size);
  in.body_len = size;
  td_doc *doc = td_doc_process(eng, &in);
  if (!doc) __builtin_trap();
  if (!td_doc_error(doc)) {
    size_t len;
    char *json = td_doc_to_json(doc, &len);
    if (!json || len == 0 || json[0] != '{' || json[len - 1] != '}') __builtin_trap();
    free(json);
  }
  td_doc_free(doc);
  free(in.body);
  return 0;
}
