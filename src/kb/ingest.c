/*
 * ingest.c — `tidings ingest` in the library: runs the parallel extraction
 * driver (td_run_each) and stores each document as it comes out, in input
 * order, then commits the last batch and merges. The driver's callback only
 * copies the JSON into a bounded queue; one writer thread stores it, so the
 * SQLite work overlaps extraction instead of holding the driver's lock.
 */
#include "kb/kb.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define QCAP 128

typedef struct {
  td_kb *kb;
  td_kb_stats *st;
  FILE *err;
  int store_failed;
  char *q[QCAP];
  size_t qlen[QCAP];
  size_t head, tail; /* head: next to store; tail: next free */
  int done, gave_up;
  pthread_mutex_t mu;
  pthread_cond_t cv_item, cv_space;
} ingest_ctx;

/* Called by the driver in input order: queue a copy of the record. */
static int enqueue(void *ctx, const td_doc *doc, const char *json, size_t len) {
  ingest_ctx *c = ctx;
  char *copy = td_xmalloc(len + 1);
  memcpy(copy, json, len);
  copy[len] = 0;
  pthread_mutex_lock(&c->mu);
  while (c->tail - c->head >= QCAP && !c->gave_up) pthread_cond_wait(&c->cv_space, &c->mu);
  int gave_up = c->gave_up;
  if (!gave_up) {
    c->q[c->tail % QCAP] = copy;
    c->qlen[c->tail % QCAP] = len;
    c->tail++;
    pthread_cond_signal(&c->cv_item);
  }
  pthread_mutex_unlock(&c->mu);
  if (gave_up) free(copy);
  return gave_up ? -1 : 0;
}

/* Without a writer thread: store in the callback itself. */
static int store_now(void *ctx, const td_doc *doc, const char *json, size_t len) {
  ingest_ctx *c = ctx;
  char msg[512];
  if (td_kb_add_json(c->kb, json, len, c->st, msg, sizeof msg) != 0) {
    fprintf(c->err, "tidings: store: %s\n", msg);
    if (++c->store_failed > 100) return -1; /* the store is broken: stop */
  }
  return 0;
}

/* The writer: stores queued records in order until done and drained. */
static void *writer(void *arg) {
  ingest_ctx *c = arg;
  char msg[512];
  pthread_mutex_lock(&c->mu);
  for (;;) {
    while (c->head == c->tail && !c->done) pthread_cond_wait(&c->cv_item, &c->mu);
    if (c->head == c->tail) break;
    char *json = c->q[c->head % QCAP];
    size_t len = c->qlen[c->head % QCAP];
    pthread_mutex_unlock(&c->mu);
    int failed = td_kb_add_json(c->kb, json, len, c->st, msg, sizeof msg) != 0;
    free(json);
    if (failed) fprintf(c->err, "tidings: store: %s\n", msg);
    pthread_mutex_lock(&c->mu);
    c->head++;
    if (failed && ++c->store_failed > 100) c->gave_up = 1; /* the store is broken: stop */
    pthread_cond_signal(&c->cv_space);
  }
  pthread_mutex_unlock(&c->mu);
  return NULL;
}

int td_kb_ingest(td_kb *kb, td_engine *eng, const char *const *paths, size_t npaths,
                 td_format fmt, int threads, FILE *err, int progress, int merge,
                 td_kb_stats *st) {
  td_kb_stats local = {0};
  if (!st) st = &local;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  ingest_ctx *c = td_xcalloc(1, sizeof *c);
  c->kb = kb, c->st = st, c->err = err;
  pthread_mutex_init(&c->mu, NULL);
  pthread_cond_init(&c->cv_item, NULL);
  pthread_cond_init(&c->cv_space, NULL);
  pthread_t wt;
  int threaded = pthread_create(&wt, NULL, writer, c) == 0;
  td_run_stats rs;
  int rc;
  if (threaded) {
    rc = td_run_each(eng, paths, npaths, fmt, threads, enqueue, c, err, progress, &rs);
    pthread_mutex_lock(&c->mu);
    c->done = 1;
    pthread_cond_signal(&c->cv_item);
    pthread_mutex_unlock(&c->mu);
    pthread_join(wt, NULL);
  } else {
    rc = td_run_each(eng, paths, npaths, fmt, threads, store_now, c, err, progress, &rs);
  }
  for (size_t i = c->head; i < c->tail; i++) free(c->q[i % QCAP]);
  st->failed += rs.failed;
  st->docs += rs.docs;
  st->bytes += rs.bytes;
  int store_failed = c->store_failed;
  pthread_mutex_destroy(&c->mu);
  pthread_cond_destroy(&c->cv_item);
  pthread_cond_destroy(&c->cv_space);
  free(c);
  char msg[512];
  if (td_kb_commit(kb, msg, sizeof msg) != 0) {
    fprintf(err, "tidings: store: %s\n", msg);
    return -1;
  }
  if (merge && td_kb_merge(kb, msg, sizeof msg) != 0) {
    fprintf(err, "tidings: merge: %s\n", msg);
    return -1;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  st->seconds += (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  if (store_failed && rc >= 0) rc += store_failed;
  return rc;
}
