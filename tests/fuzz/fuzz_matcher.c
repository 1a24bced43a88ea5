/*
 * fuzz_matcher.c — libFuzzer target for the shared dictionary matcher
 * (src/lang/matcher.c): the input's lines before the first empty line are
 * dictionary entries (PHRASE<TAB>CLASS[<TAB>PAYLOAD[<TAB>FLAGS]]), the rest
 * is a one-sentence text tokenized at spaces and punctuation.
 *   make fuzz   (or: build-fuzz/fuzz_matcher tests/fuzz/seeds/fuzz_matcher)
 * Checks: every match lies inside the sentence, matches come left to right
 * without overlapping, and a phrase looked up whole finds its own entry.
 */
#include "lang/matcher.h"
#include "testdoc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint32_t n, last_end, tok0, tok1;
} check;

static int on_match(void *ctx, const td_match *m) {
  check *c = ctx;
  if (m->tok0 >= m->tok1 || m->tok1 > c->tok1 || m->tok0 < c->tok0) __builtin_trap();
  if (m->tok0 < c->last_end) {
    /* several entries of one match share its range */
    if (!(m->tok0 == c->tok0 && m->tok1 == c->last_end) && m->tok1 != c->last_end) __builtin_trap();
  }
  c->last_end = m->tok1;
  c->tok0 = m->tok0;
  c->n++;
  return 0;
}

static int found(void *ctx, const td_match *m) {
  (void)m;
  ++*(int *)ctx;
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
  /* the dictionary */
  td_dictb *b = td_dictb_new();
  char *first_phrase = NULL;
  for (char *line = in, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = 0;
    char *col[4] = {line, NULL, NULL, NULL};
    for (int k = 1; k < 4 && col[k - 1]; k++) {
      char *tab = strchr(col[k - 1], '\t');
      if (tab) *tab = 0, col[k] = tab + 1;
    }
    if (col[1] && td_dictb_add(b, col[0], col[1], col[2], col[3] && strstr(col[3], "case") ? TD_DICT_CASE : 0) == 0 &&
        !first_phrase)
      first_phrase = col[0];
  }
  size_t len;
  void *img = td_dictb_finish(b, &len);
  td_dict *d = td_dict_new();
  if (td_dict_add_image(d, img, len) != 0) __builtin_trap();
  if (first_phrase) {
    int n = 0;
    td_dict_lookup(d, first_phrase, NULL, found, &n);
    if (n == 0) __builtin_trap();
  }
  /* the text, tokenized at spaces and around punctuation */
  td_doc *doc = td_testdoc_words(text);
  check c = {0, 0, 0, (uint32_t)doc->ntoks};
  td_match_sentence(d, doc, 0, NULL, on_match, &c);
  td_testdoc_free(doc);
  td_dict_free(d);
  free(img);
  free(in);
  return 0;
}
