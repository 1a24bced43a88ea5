/*
 * testdoc.c — documents built straight from text for layer tests (see
 * testdoc.h).
 */
#include "testdoc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void one_sentence(td_doc *d) {
  TD_AGROW(&d->arena, d->sents, d->cap_sents, 1);
  d->sents[0] = (td_sent){0, (uint32_t)d->len, 0, (uint32_t)d->ntoks};
  d->nsents = 1;
}

static td_doc *new_doc(const char *text) {
  td_doc *d = td_xcalloc(1, sizeof *d);
  td_arena_init(&d->arena);
  d->text = td_arena_strdup(&d->arena, text);
  d->len = strlen(text);
  return d;
}

td_doc *td_testdoc_text(const char *text) {
  td_doc *d = new_doc(text);
  one_sentence(d);
  return d;
}

td_doc *td_testdoc_words(const char *text) {
  td_doc *d = new_doc(text);
  for (uint32_t i = 0, n = (uint32_t)d->len; i < n;) {
    if (text[i] == ' ') {
      i++;
      continue;
    }
    uint32_t s = i;
    if (ispunct((unsigned char)text[i])) i++;
    else
      while (i < n && text[i] != ' ' && !ispunct((unsigned char)text[i])) i++;
    TD_AGROW(&d->arena, d->toks, d->cap_toks, d->ntoks + 1);
    td_tok *t = &d->toks[d->ntoks++];
    memset(t, 0, sizeof *t);
    t->start = s, t->end = i, t->head = -2;
    t->norm = td_arena_strndup(&d->arena, text + s, i - s);
  }
  one_sentence(d);
  return d;
}

void td_testdoc_free(td_doc *d) {
  if (!d) return;
  td_arena_release(&d->arena);
  free(d);
}

td_engine *td_testdoc_engine(const char *const *dict_dirs) {
  td_config cfg = {0};
  cfg.dict_dirs = dict_dirs;
  char err[512];
  td_engine *e = td_engine_new(&cfg, err, sizeof err);
  if (!e) fprintf(stderr, "  skip: %s\n", err);
  return e;
}

td_engine *td_testdoc_dict_engine(const char *name, const char *content) {
  char dir[] = "/tmp/td_dict_XXXXXX", path[256];
  if (!mkdtemp(dir)) {
    fprintf(stderr, "  skip: cannot make a folder in /tmp\n");
    return NULL;
  }
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  td_engine *e = NULL;
  if (!f) fprintf(stderr, "  skip: cannot write %s\n", path);
  else {
    fputs(content, f);
    fclose(f);
    const char *dirs[] = {dir, NULL};
    e = td_testdoc_engine(dirs);
    unlink(path);
  }
  rmdir(dir);
  return e;
}

td_engine *td_testdoc_places_engine(void) {
  td_engine *e = td_testdoc_engine(NULL);
  if (e && !e->places) {
    fprintf(stderr, "  skip: no gazetteer in the resource image\n");
    td_engine_free(e);
    e = NULL;
  }
  return e;
}

td_doc *td_testdoc_process(td_engine *eng, const char *text, const char *date) {
  td_input in = {0};
  in.id = "t";
  in.body = (char *)text;
  in.body_len = strlen(text);
  in.date = (char *)date;
  return td_doc_process(eng, &in);
}

const char *td_testdoc_span(const td_doc *d, td_span s) {
  static char buf[512];
  size_t n = s.end - s.start < sizeof buf - 1 ? s.end - s.start : sizeof buf - 1;
  memcpy(buf, d->text + s.start, n);
  buf[n] = 0;
  return buf;
}

td_kb *td_testkb_new(char *dir, char *path, size_t pathlen) {
  char err[256];
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return NULL;
  }
  snprintf(path, pathlen, "%s/kb.db", dir);
  td_kb *kb = td_kb_open(path, 0, err, sizeof err);
  if (!kb) fprintf(stderr, "td_testkb_new: %s\n", err);
  return kb;
}

int td_testkb_remove(const char *dir) {
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd);
}
