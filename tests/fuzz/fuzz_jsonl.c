/*
 * fuzz_jsonl.c — libFuzzer target for the JSON Lines reader
 * (src/ingest/jsonl.c): the input is one line, not NUL-terminated.
 *   make fuzz   (or: build-fuzz/fuzz_jsonl tests/fuzz/seeds/fuzz_jsonl)
 */
#include "ingest/ingest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* a private copy with no NUL after it, so over-reads are caught */
  char *line = malloc(size ? size : 1);
  if (!line) return 0;
  if (size) memcpy(line, data, size);
  td_input *in = td_xcalloc(1, sizeof *in);
  int rc = td_jsonl_parse_line(line, size, "fuzz.jsonl", 1, in);
  if (!in->id) __builtin_trap();
  if (rc == 0 && (!in->body || in->error || in->body[in->body_len] != '\0')) __builtin_trap();
  if (rc != 0 && (!in->error || in->body)) __builtin_trap();
  td_input_free(in);
  free(line);
  return 0;
}
