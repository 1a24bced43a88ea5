/*
 * conllu.c — reads CoNLL-U treebanks (Universal Dependencies) into memory
 * for training and evaluating the tagger, lemmatizer and parser.
 */
#include "lang.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void finish_sent(td_conllu *c, size_t *cap, td_cu_sent *cur) {
  if (cur->n == 0) {
    free(cur->text);
    cur->text = NULL;
    return;
  }
  TD_GROW(c->sents, *cap, c->n + 1);
  c->sents[c->n++] = *cur;
  memset(cur, 0, sizeof *cur);
}

/* Splits line into at most 10 tab-separated fields in place. */
static int split_tabs(char *line, char **f) {
  int n = 0;
  f[n++] = line;
  for (char *p = line; *p && n < 10; p++)
    if (*p == '\t') {
      *p = 0;
      f[n++] = p + 1;
    }
  return n;
}

td_conllu *td_conllu_read(const char *path, char *err, size_t errlen) {
  FILE *fp = fopen(path, "r");
  if (!fp) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return NULL;
  }
  td_conllu *c = td_xcalloc(1, sizeof *c);
  size_t cap = 0, tcap = 0;
  td_cu_sent cur = {0};
  char *line = NULL;
  size_t lcap = 0;
  ssize_t len;
  while ((len = getline(&line, &lcap, fp)) >= 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    if (len == 0) {
      finish_sent(c, &cap, &cur);
      tcap = 0;
      continue;
    }
    if (line[0] == '#') {
      if (strncmp(line, "# text = ", 9) == 0) {
        free(cur.text);
        cur.text = td_xstrdup(line + 9);
      }
      continue;
    }
    char *f[10];
    if (split_tabs(line, f) < 10) continue;
    if (strchr(f[0], '-') || strchr(f[0], '.')) continue;
    if (cur.n == 0) tcap = 0;
    TD_GROW(cur.toks, tcap, (size_t)cur.n + 1);
    td_cu_tok *t = &cur.toks[cur.n++];
    t->form = td_xstrdup(f[1]);
    t->lemma = td_xstrdup(f[2]);
    t->upos = td_upos_from_name(f[3]);
    t->xpos = td_xpos_from_name(f[4]);
    t->head = atoi(f[6]);
    t->deprel = td_deprel_from_name(f[7]);
    t->space_after = strstr(f[9], "SpaceAfter=No") == NULL;
  }
  finish_sent(c, &cap, &cur);
  free(line);
  fclose(fp);
  return c;
}

void td_conllu_free(td_conllu *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n; i++) {
    for (int j = 0; j < c->sents[i].n; j++) {
      free(c->sents[i].toks[j].form);
      free(c->sents[i].toks[j].lemma);
    }
    free(c->sents[i].toks);
    free(c->sents[i].text);
  }
  free(c->sents);
  free(c);
}
