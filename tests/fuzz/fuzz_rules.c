/*
 * fuzz_rules.c — libFuzzer target for the token-pattern rule language
 * (src/lang/rules.c): the input's lines before the first empty line are
 * rule text, compiled; when it compiles, the rest is a one-sentence text
 * tokenized at spaces and punctuation and matched.
 *   make fuzz   (or: build-fuzz/fuzz_rules tests/fuzz/seeds/fuzz_rules)
 * Checks: compile either succeeds or leaves a message; every match lies
 * inside the sentence, is not empty, and a rule's matches do not overlap;
 * captures lie inside their match; the same holds matching one layer
 * (td_rules_match_layer), and adding the same text again replaces every
 * rule (the count stays).
 */
#include "lang/rules.h"
#include "testdoc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint32_t ntok;
  int last_rule;
  uint32_t last_end;
} check;

static int on_match(void *ctx, const td_rule_match *m) {
  check *c = ctx;
  if (m->tok0 >= m->tok1 || m->tok1 > c->ntok) __builtin_trap();
  if (m->index == c->last_rule && m->tok0 < c->last_end) __builtin_trap();
  for (int i = 0; i < m->ncaps; i++) {
    const td_rule_cap *k = &m->caps[i];
    if (k->tok0 < 0) continue;
    if (k->tok0 < (int32_t)m->tok0 || k->tok1 > (int32_t)m->tok1 || k->tok1 < k->tok0) __builtin_trap();
  }
  c->last_rule = m->index;
  c->last_end = m->tok1;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *in = malloc(size + 1);
  if (!in) return 0;
  memcpy(in, data, size);
  in[size] = 0;
  char *text = strstr(in, "\n\n");
  if (text) *text = 0, text += 2;
  else text = in + size;
  char err[256];
  err[0] = 0;
  td_rules *r = td_rules_compile(in, err, sizeof err);
  if (!r) {
    if (!err[0]) __builtin_trap();
    free(in);
    return 0;
  }
  td_doc *doc = td_testdoc_words(text);
  for (size_t k = 0; k < doc->ntoks; k++) doc->toks[k].upos = (uint8_t)(doc->toks[k].start % 18);
  check c = {(uint32_t)doc->ntoks, -1, 0};
  td_rules_match_sentence(r, NULL, doc, 0, on_match, &c);
  /* the layer of the first rule alone (the prefilter's path); then the
   * text again as a second batch (every name replaced) and once more */
  if (td_rules_count(r) > 0) {
    char layer[64];
    const char *p = in;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '#') {
      if (*p == '#') p += strcspn(p, "\n");
      else p++;
    }
    size_t n = strcspn(p, ". \t");
    snprintf(layer, sizeof layer, "%.*s", (int)(p[n] == '.' && n < 63 ? n : 0), p);
    c = (check){(uint32_t)doc->ntoks, -1, 0};
    td_rules_match_layer(r, layer, NULL, doc, 0, on_match, &c);
    size_t before = td_rules_count(r);
    if (td_rules_add_text(r, in, "again", err, sizeof err) != 0 || td_rules_count(r) != before)
      __builtin_trap();
    c = (check){(uint32_t)doc->ntoks, -1, 0};
    td_rules_match_sentence(r, NULL, doc, 0, on_match, &c);
  }
  td_testdoc_free(doc);
  td_rules_free(r);
  free(in);
  return 0;
}
