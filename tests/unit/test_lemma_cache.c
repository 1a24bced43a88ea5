/* test_lemma_cache.c — td_lemmatize's per-thread cache (two slots a set)
 * answers what lemma_of answers, however often a form comes back, and a
 * lemma spelt as its token's norm is that same string. */
#include "unit.h"
#include "testdoc.h"
#include "lang/lang.h"

#include <pthread.h>
#include <stdlib.h>

static const char text[] =
    "The ministers said on Monday that the talks had stalled. Rebels seized two towns "
    "and the army's generals were meeting. She's been running; they've got mice, geese "
    "and oxen. The U.S. and Russia's leaders met in Geneva, where prices were falling "
    "faster than expected. Kim Jong-un test-fired missiles, officials told reporters.";

/* The lemmas of d, one string (caller frees). */
static char *lemmas_of(const td_doc *d) {
  td_buf b = TD_BUF_INIT;
  for (size_t i = 0; i < d->ntoks; i++) {
    td_buf_puts(&b, d->toks[i].lemma ? d->toks[i].lemma : "(null)");
    td_buf_putc(&b, ' ');
  }
  return td_buf_detach(&b, NULL);
}

TD_TEST(lemma_cache_repeats_and_sharing) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng, text, "2024-11-06");
  CHECK(d != NULL && d->ntoks > 40);
  if (!d) {
    td_engine_free(eng);
    return;
  }
  char *first = lemmas_of(d);
  int shared = 0, bad = 0;
  for (size_t i = 0; i < d->ntoks; i++) {
    const td_tok *t = &d->toks[i];
    if (t->lemma == t->norm) shared++;
    else if (t->lemma && t->norm && strcmp(t->lemma, t->norm) == 0) bad++; /* should share */
  }
  CHECK(shared > 20);
  CHECK(bad == 0);
  /* again and again: now from the cache, the same lemmas */
  for (int round = 0; round < 3; round++) {
    td_lemmatize(eng, d);
    char *again = lemmas_of(d);
    CHECK_STR(again, first);
    free(again);
  }
  CHECK(strstr(first, " goose ") != NULL); /* geese/NNS */
  CHECK(strstr(first, " fire ") != NULL); /* test - fired */
  free(first);
  td_doc_free(d);
  td_engine_free(eng);
}

/* A thread told it is one of sixteen (td_thread_set_peers, as td_run_each
 * tells its workers) gets the smaller cache: the same lemmas. */
typedef struct {
  td_engine *eng;
  td_doc *d;
  char *lemmas;
} peers_job;

static void *lemmatize_as_one_of_16(void *arg) {
  peers_job *j = arg;
  td_thread_set_peers(16);
  td_lemmatize(j->eng, j->d); /* its first use on this thread: the cache is made */
  td_lemmatize(j->eng, j->d); /* and read */
  j->lemmas = lemmas_of(j->d);
  return NULL;
}

TD_TEST(lemma_cache_sized_by_peers) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng, text, "2024-11-06");
  CHECK(d != NULL);
  if (!d) {
    td_engine_free(eng);
    return;
  }
  CHECK(td_thread_peers() >= 1);
  char *first = lemmas_of(d);
  peers_job j = {eng, d, NULL};
  pthread_t t;
  CHECK(pthread_create(&t, NULL, lemmatize_as_one_of_16, &j) == 0);
  pthread_join(t, NULL);
  CHECK(j.lemmas != NULL);
  if (j.lemmas) CHECK_STR(j.lemmas, first);
  free(j.lemmas);
  free(first);
  td_doc_free(d);
  td_engine_free(eng);
}
