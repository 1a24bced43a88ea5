/*
 * test_shards.c — the shards of a split (MPI) run, without MPI: two ranks'
 * writers, the reduce putting their files back in input order, a rank that
 * died mid-file (torn record and manifest line) reopened and finished, a
 * manifest line whose records never reached the disk, and the input list
 * check that refuses another run's folder.
 */
#include "unit.h"

#include "mpi/shards.h"
#include "testdoc.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char *slurp_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  static char buf[4096];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = 0;
  fclose(f);
  return buf;
}

/* Reduces dir to a string (static buffer); *rc gets the reduce's result. */
static const char *reduce(const char *dir, int *rc) {
  char path[256];
  snprintf(path, sizeof path, "%s/out", dir);
  FILE *out = fopen(path, "wb");
  FILE *err = fopen("/dev/null", "w");
  size_t nrec;
  const char *items[1] = {dir};
  *rc = td_shards_reduce(items, 1, NULL, out, err, &nrec);
  fclose(out);
  fclose(err);
  return slurp_file(path);
}

static void add(td_shard *sh, const char *recs, const char *path) {
  fputs(recs, td_shard_stream(sh));
  char err[256];
  td_shard_file_done(sh, path, err, sizeof err);
}

TD_TEST(shards_reduce_in_input_order) {
  char dir[] = "/tmp/td-shards-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char err[256], path[256];
  char *files[] = {"in/a", "in/b", "in/c", "in/d"};
  CHECK(td_shards_check_list(dir, files, 4, err, sizeof err) == 0);
  CHECK(td_shards_check_list(dir, files, 4, err, sizeof err) == 0);
  CHECK(td_shards_check_list(dir, files, 3, err, sizeof err) == 1);
  td_shard *r0 = td_shard_open(dir, 0, err, sizeof err);
  td_shard *r1 = td_shard_open(dir, 1, err, sizeof err);
  CHECK(r0 && r1);
  if (!r0 || !r1) return;
  add(r1, "{\"b\":1}\n{\"b\":2}\n", "in/b");
  add(r0, "{\"a\":1}\n", "in/a");
  add(r0, "", "in/c"); /* a file whose only document failed */
  int rc;
  CHECK_STR(reduce(dir, &rc), "{\"a\":1}\n{\"b\":1}\n{\"b\":2}\n");
  CHECK(rc == 1); /* in/d is not done */
  CHECK(td_shard_close(r0, err, sizeof err) == 0);
  CHECK(td_shard_close(r1, err, sizeof err) == 0);
  /* rank 1 died in the middle of in/d: half a record, half a manifest line */
  snprintf(path, sizeof path, "%s/shard-0001.jsonl", dir);
  FILE *d = fopen(path, "ab");
  fputs("{\"d\":1}\n{\"d\"", d);
  fclose(d);
  snprintf(path, sizeof path, "%s/shard-0001.done", dir);
  FILE *m = fopen(path, "ab");
  fputs("17 30 in/", m);
  fclose(m);
  size_t nd;
  char **done = td_shards_done(dir, &nd);
  CHECK(nd == 3 && strcmp(done[0], "in/a") == 0 && strcmp(done[2], "in/c") == 0);
  td_shards_free_list(done, nd);
  /* the re-run: rank 1 reopens its shard and does in/d */
  td_shard *again = td_shard_open(dir, 1, err, sizeof err);
  CHECK(again != NULL);
  if (!again) return;
  add(again, "{\"d\":1}\n", "in/d");
  CHECK(td_shard_close(again, err, sizeof err) == 0);
  CHECK_STR(reduce(dir, &rc), "{\"a\":1}\n{\"b\":1}\n{\"b\":2}\n{\"d\":1}\n");
  CHECK(rc == 0);
  snprintf(path, sizeof path, "%s/shard-0001.jsonl", dir);
  CHECK_STR(slurp_file(path), "{\"b\":1}\n{\"b\":2}\n{\"d\":1}\n");
  /* a machine crash: the manifest line of in/d is there, its records not */
  CHECK(truncate(path, 17) == 0);
  CHECK_STR(reduce(dir, &rc), "{\"a\":1}\n{\"b\":1}\n{\"b\":2}\n");
  CHECK(rc == 1);
  CHECK(td_testkb_remove(dir) == 0);
}
