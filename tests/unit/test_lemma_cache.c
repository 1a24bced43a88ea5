/* test_lemma_cache.c — td_lemmatize's cache (two slots a set, shared by
 * every thread) answers what lemma_of answers, however often a form comes
 * back and however many threads use it, and a lemma spelt as its token's
 * norm is that same string. */
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

/* Threads share the lemmatizer's one cache: four threads lemmatizing
 * their own documents at once, each filling and reading the same sets
 * again and again, get the lemmas one thread alone gets. */
enum { SHARE_THREADS = 4, SHARE_ROUNDS = 50 };
typedef struct {
  td_engine *eng;
  const char *want;
  int bad;
} share_job;

static void *lemmatize_alongside(void *arg) {
  share_job *j = arg;
  td_doc *d = td_testdoc_process(j->eng, text, "2024-11-06");
  if (!d) {
    j->bad = 1;
    return NULL;
  }
  for (int round = 0; round < SHARE_ROUNDS; round++) {
    td_lemmatize(j->eng, d);
    char *got = lemmas_of(d);
    j->bad += strcmp(got, j->want) != 0;
    free(got);
  }
  td_doc_free(d);
  return NULL;
}

TD_TEST(lemma_cache_shared_by_threads) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng, text, "2024-11-06");
  CHECK(d != NULL);
  if (!d) {
    td_engine_free(eng);
    return;
  }
  char *first = lemmas_of(d);
  share_job j[SHARE_THREADS];
  pthread_t t[SHARE_THREADS];
  int started = 0;
  for (int k = 0; k < SHARE_THREADS; k++) {
    j[k] = (share_job){eng, first, 0};
    if (pthread_create(&t[k], NULL, lemmatize_alongside, &j[k]) == 0) started++;
    else break;
  }
  CHECK(started == SHARE_THREADS);
  for (int k = 0; k < started; k++) {
    pthread_join(t[k], NULL);
    CHECK(j[k].bad == 0);
  }
  free(first);
  td_doc_free(d);
  td_engine_free(eng);
}
