/*
 * segment.c — BASIC placeholder: splits text into tokens (words, numbers,
 * punctuation) and sentences (at . ! ? before a capital, and at paragraph
 * breaks). The full segmenter (abbreviations, quotations) replaces it.
 */
#include "text.h"

#include <ctype.h>
#include <string.h>

static void add_tok(td_doc *d, uint32_t s, uint32_t e, uint32_t flags) {
  TD_AGROW(&d->arena, d->toks, d->cap_toks, d->ntoks + 1);
  td_tok *t = &d->toks[d->ntoks++];
  memset(t, 0, sizeof *t);
  t->start = s, t->end = e, t->flags = flags, t->head = -2;
  char *n = td_arena_alloc(&d->arena, e - s + 1);
  for (uint32_t i = s; i < e; i++) n[i - s] = (char)tolower((unsigned char)d->text[i]);
  t->norm = n;
}

int td_segment(const td_engine *eng, td_doc *d) {
  (void)eng;
  const char *p = d->text;
  uint32_t n = (uint32_t)d->len, i = 0;
  uint32_t flags = TD_TOK_PARA_START;
  while (i < n) {
    unsigned char c = (unsigned char)p[i];
    if (c == ' ' || c == '\n') {
      flags |= TD_TOK_SPACE_BEFORE;
      if (c == '\n') flags |= TD_TOK_NEWLINE_BEFORE | TD_TOK_PARA_START;
      i++;
      continue;
    }
    uint32_t s = i;
    if (isalnum(c) || c >= 0x80) {
      while (i < n && (isalnum((unsigned char)p[i]) || (unsigned char)p[i] >= 0x80 ||
                       ((p[i] == '-' || p[i] == '.' || p[i] == ',' || p[i] == '\'') &&
                        i + 1 < n && isalnum((unsigned char)p[i + 1]))))
        i++;
      if (i == s) i++;
    } else {
      i++;
      flags |= TD_TOK_PUNCT;
    }
    add_tok(d, s, i, flags);
    flags = 0;
  }
  /* sentences */
  uint32_t t0 = 0;
  for (uint32_t k = 0; k < d->ntoks; k++) {
    td_tok *t = &d->toks[k];
    int end = k + 1 == d->ntoks || (d->toks[k + 1].flags & TD_TOK_PARA_START);
    if (!end && t->end - t->start == 1 && strchr(".!?", p[t->start]) &&
        isupper((unsigned char)p[d->toks[k + 1].start]))
      end = 1;
    if (!end) continue;
    TD_AGROW(&d->arena, d->sents, d->cap_sents, d->nsents + 1);
    td_sent *se = &d->sents[d->nsents];
    se->start = d->toks[t0].start, se->end = t->end, se->tok0 = t0, se->ntok = k + 1 - t0;
    for (uint32_t j = t0; j <= k; j++) d->toks[j].sent = (uint32_t)d->nsents;
    d->nsents++;
    t0 = k + 1;
  }
  return 0;
}
