/*
 * ingest.c — `tidings ingest` in the library: runs the parallel extraction
 * driver (td_run_each) and stores each document as it comes out, in input
 * order, then commits the last batch and merges.
 */
#include "kb/kb.h"

#include <string.h>

typedef struct {
  td_kb *kb;
  td_kb_stats *st;
  FILE *err;
  int store_failed;
} ingest_ctx;

static int store_one(void *ctx, const td_doc *doc, const char *json, size_t len) {
  ingest_ctx *c = ctx;
  char msg[512];
  if (td_kb_add_json(c->kb, json, len, c->st, msg, sizeof msg) != 0) {
    fprintf(c->err, "tidings: store: %s\n", msg);
    if (++c->store_failed > 100) return -1; /* the store is broken: stop */
  }
  return 0;
}

int td_kb_ingest(td_kb *kb, td_engine *eng, const char *const *paths, size_t npaths,
                 td_format fmt, int threads, FILE *err, int progress, int merge,
                 td_kb_stats *st) {
  td_kb_stats local = {0};
  if (!st) st = &local;
  ingest_ctx c = {kb, st, err, 0};
  td_run_stats rs;
  int rc = td_run_each(eng, paths, npaths, fmt, threads, store_one, &c, err, progress, &rs);
  st->failed += rs.failed;
  char msg[512];
  if (td_kb_commit(kb, msg, sizeof msg) != 0) {
    fprintf(err, "tidings: store: %s\n", msg);
    return -1;
  }
  if (merge && td_kb_merge(kb, msg, sizeof msg) != 0) {
    fprintf(err, "tidings: merge: %s\n", msg);
    return -1;
  }
  if (c.store_failed && rc >= 0) rc += c.store_failed;
  return rc;
}
