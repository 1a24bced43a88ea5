/*
 * words.c — BASIC placeholder for the word list used by repair.
 */
#include "text.h"

struct td_words { int dummy; };
struct td_words *td_words_load(const td_res *res) { (void)res; return NULL; }
void td_words_free(struct td_words *w) { (void)w; }
int td_words_score(const struct td_words *w, const char *word, size_t n) {
  (void)w, (void)word, (void)n;
  return 0;
}
