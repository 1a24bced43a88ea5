/*
 * eval_tokens.c — measures tidings' tokenizer and sentence splitter against
 * a UD CoNLL-U file (EWT dev):
 *
 *   tokens:    each sentence's "# text =" is tokenized alone; a gold token
 *              counts as matched when a predicted token has exactly its
 *              character span. Prints recall (% of gold tokens matched),
 *              precision and F1.
 *   sentences: the sentences of each document are joined (one space within
 *              a paragraph, a blank line between "# newpar"s) and split
 *              again; boundaries (sentence ends) are scored by F1, all of
 *              them and those inside paragraphs only.
 *
 *   cc -O2 -std=c11 -D_GNU_SOURCE -Iinclude -Isrc tools/eval_tokens.c \
 *      build/libtidings.a $(pkg-config --libs gumbo jansson zlib) -lm -pthread \
 *      -o build/eval_tokens
 *   build/eval_tokens ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu [-v]
 */
#include "doc.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *text;          /* "# text =" */
  char **forms;        /* surface tokens (multi-word tokens split when their parts spell them) */
  size_t nforms, cap;
  int newdoc, newpar;
} sent;

static void add_form(sent *s, const char *f, size_t n) {
  TD_GROW(s->forms, s->cap, s->nforms + 1);
  s->forms[s->nforms++] = td_xstrndup(f, n);
}

/* Reads all sentences. Multi-word tokens: their word forms are used when
 * they concatenate to the surface form, else the surface form. */
static sent *read_conllu(const char *path, size_t *count) {
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  sent *S = NULL;
  size_t n = 0, cap = 0;
  sent cur = {0};
  char line[65536];
  int mwt_end = 0;
  char mwt_form[1024] = "", parts[1024] = "";
  char **pending = NULL;
  size_t npend = 0, cappend = 0;
  while (fgets(line, sizeof line, f)) {
    size_t len = strcspn(line, "\r\n");
    line[len] = 0;
    if (len == 0) {
      if (cur.text) {
        TD_GROW(S, cap, n + 1);
        S[n++] = cur;
      }
      memset(&cur, 0, sizeof cur);
      continue;
    }
    if (line[0] == '#') {
      if (strncmp(line, "# text = ", 9) == 0) cur.text = td_xstrdup(line + 9);
      else if (strncmp(line, "# newdoc", 8) == 0) cur.newdoc = 1;
      else if (strncmp(line, "# newpar", 8) == 0) cur.newpar = 1;
      continue;
    }
    char *col[10];
    int k = 0;
    char *p = line;
    for (; k < 10; k++) {
      col[k] = p;
      char *t = strchr(p, '\t');
      if (!t) { k++; break; }
      *t = 0;
      p = t + 1;
    }
    if (k < 2) continue;
    if (strchr(col[0], '.')) continue;
    char *dash = strchr(col[0], '-');
    if (dash) {
      mwt_end = atoi(dash + 1);
      snprintf(mwt_form, sizeof mwt_form, "%s", col[1]);
      parts[0] = 0;
      npend = 0;
      continue;
    }
    int id = atoi(col[0]);
    if (mwt_end && id <= mwt_end) {
      strncat(parts, col[1], sizeof parts - strlen(parts) - 1);
      TD_GROW(pending, cappend, npend + 1);
      pending[npend++] = td_xstrdup(col[1]);
      if (id == mwt_end) {
        if (strcmp(parts, mwt_form) == 0)
          for (size_t i = 0; i < npend; i++) add_form(&cur, pending[i], strlen(pending[i]));
        else add_form(&cur, mwt_form, strlen(mwt_form));
        for (size_t i = 0; i < npend; i++) free(pending[i]);
        mwt_end = 0;
      }
      continue;
    }
    add_form(&cur, col[1], strlen(col[1]));
  }
  if (cur.text) {
    TD_GROW(S, cap, n + 1);
    S[n++] = cur;
  }
  free(pending);
  fclose(f);
  *count = n;
  return S;
}

static void seg(td_doc *d, const char *text, size_t len) {
  memset(d, 0, sizeof *d);
  td_arena_init(&d->arena);
  d->text = td_arena_strndup(&d->arena, text, len);
  d->len = len;
  td_segment(NULL, d);
}

typedef struct {
  uint32_t s, e;
} span;

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: eval_tokens FILE.conllu [-v]\n");
    return 2;
  }
  int verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
  size_t ns = 0;
  sent *S = read_conllu(argv[1], &ns);
  if (!S) {
    fprintf(stderr, "eval_tokens: cannot read %s\n", argv[1]);
    return 1;
  }
  /* tokens */
  long gold = 0, pred = 0, match = 0, unaligned = 0;
  for (size_t i = 0; i < ns; i++) {
    const char *t = S[i].text;
    size_t tl = strlen(t);
    span *G = td_xmalloc((S[i].nforms + 1) * sizeof *G);
    size_t ng = 0, pos = 0;
    int ok = 1;
    for (size_t k = 0; k < S[i].nforms; k++) {
      const char *f = S[i].forms[k];
      size_t fl = strlen(f);
      while (pos < tl && t[pos] == ' ') pos++;
      if (strncmp(t + pos, f, fl) != 0) { ok = 0; break; }
      G[ng].s = (uint32_t)pos, G[ng].e = (uint32_t)(pos + fl);
      ng++;
      pos += fl;
    }
    if (!ok) { unaligned++; free(G); continue; }
    td_doc d;
    seg(&d, t, tl);
    size_t m = 0, a = 0;
    for (size_t k = 0; k < ng; k++) {
      while (a < d.ntoks && d.toks[a].start < G[k].s) a++;
      if (a < d.ntoks && d.toks[a].start == G[k].s && d.toks[a].end == G[k].e) m++;
    }
    if (verbose && m < ng) {
      printf("GOLD:");
      for (size_t k = 0; k < ng; k++) printf(" %.*s", (int)(G[k].e - G[k].s), t + G[k].s);
      printf("\nPRED:");
      for (size_t k = 0; k < d.ntoks; k++)
        printf(" %.*s", (int)(d.toks[k].end - d.toks[k].start), t + d.toks[k].start);
      printf("\n\n");
    }
    gold += (long)ng, pred += (long)d.ntoks, match += (long)m;
    td_arena_release(&d.arena);
    free(G);
  }
  double r = gold ? 100.0 * match / gold : 0, p = pred ? 100.0 * match / pred : 0;
  printf("tokens: %ld gold, %ld predicted, %ld matched: recall %.2f%%, precision %.2f%%, F1 %.2f%%"
         " (%ld sentences not aligned to their text, skipped)\n",
         gold, pred, match, r, p, r + p > 0 ? 2 * r * p / (r + p) : 0, unaligned);

  /* sentences, per document */
  long gb = 0, pb = 0, mb = 0, gbi = 0, pbi = 0, mbi = 0;
  for (size_t i = 0; i < ns;) {
    size_t j = i + 1;
    while (j < ns && !S[j].newdoc) j++;
    td_buf b = TD_BUF_INIT;
    uint32_t *ends = td_xmalloc((j - i) * sizeof *ends);
    int *parend = td_xcalloc(j - i, sizeof *parend);
    for (size_t k = i; k < j; k++) {
      if (k > i) td_buf_puts(&b, S[k].newpar ? "\n\n" : " ");
      if (k > i && S[k].newpar) parend[k - 1 - i] = 1;
      td_buf_puts(&b, S[k].text);
      ends[k - i] = (uint32_t)b.len;
    }
    parend[j - 1 - i] = 1;
    td_doc d;
    seg(&d, b.ptr, b.len);
    size_t a = 0;
    for (size_t k = 0; k < j - i; k++) {
      gb++;
      if (!parend[k]) gbi++;
      while (a < d.nsents && d.sents[a].end < ends[k]) a++;
      if (a < d.nsents && d.sents[a].end == ends[k]) {
        mb++;
        if (!parend[k]) mbi++;
      } else if (verbose) {
        printf("MISSED END: ...%.*s|\n", 60, b.ptr + (ends[k] > 60 ? ends[k] - 60 : 0));
      }
    }
    for (size_t k = 0; k < d.nsents; k++) {
      pb++;
      uint32_t e = d.sents[k].end;
      int atpar = e == b.len || (e + 1 < b.len && b.ptr[e] == '\n');
      if (!atpar) pbi++;
      if (verbose) {
        int found = 0;
        for (size_t q = 0; q < j - i; q++) found |= ends[q] == e;
        if (!found) printf("FALSE END: ...%.*s|%.*s\n", 50, b.ptr + (e > 50 ? e - 50 : 0), 30, b.ptr + e);
      }
    }
    td_arena_release(&d.arena);
    td_buf_free(&b);
    free(ends);
    free(parend);
    i = j;
  }
  double br = gb ? (double)mb / gb : 0, bp = pb ? (double)mb / pb : 0;
  double bri = gbi ? (double)mbi / gbi : 0, bpi = pbi ? (double)mbi / pbi : 0;
  printf("sentences: %ld gold, %ld predicted, F1 %.2f%% (P %.2f%%, R %.2f%%); inside paragraphs: "
         "%ld gold, %ld predicted, F1 %.2f%% (P %.2f%%, R %.2f%%)\n",
         gb, pb, br + bp > 0 ? 200 * br * bp / (br + bp) : 0, 100 * bp, 100 * br, gbi, pbi,
         bri + bpi > 0 ? 200 * bri * bpi / (bri + bpi) : 0, 100 * bpi, 100 * bri);
  for (size_t i = 0; i < ns; i++) {
    for (size_t k = 0; k < S[i].nforms; k++) free(S[i].forms[k]);
    free(S[i].forms);
    free(S[i].text);
  }
  free(S);
  return 0;
}
