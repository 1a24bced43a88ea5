/* test_run.c — the parallel driver: td_run_each_light hands its callback,
 * in input order, the same JSON as td_run_each_skip and a stand-in
 * document with the same id and hashes (its documents are freed as soon
 * as their JSON is made), at one thread and at four. */
#include "unit.h"
#include "testdoc.h"

#include <stdlib.h>
#include <unistd.h>

/* What a callback saw: each document's id, hashes and JSON, one line. */
static int seen(void *ctx, const td_doc *doc, const char *json, size_t len) {
  td_buf *b = ctx;
  td_buf_printf(b, "%s %s %s %zu ", doc->id, doc->sha256, doc->input_sha256, len);
  td_buf_put(b, json, len);
  td_buf_putc(b, '\n');
  return 0;
}

static const char *const articles[] = {
    "Rebels seized two towns on Monday, the army said.",
    "The ministers met in Geneva. Prices were falling faster than expected.",
    "Kim Jong-un test-fired missiles, officials told reporters on Tuesday.",
    "Seoul said around 3,000 troops had been sent to the border.",
    "Nothing happened."};

TD_TEST(run_light_same_as_full) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  char dir[] = "/tmp/td_run_testXXXXXX", path[256];
  CHECK(mkdtemp(dir) != NULL);
  for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++) {
    snprintf(path, sizeof path, "%s/a%zu.txt", dir, i);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) fputs(articles[i], f), fclose(f);
  }
  const char *paths[] = {dir};
  for (int threads = 1; threads <= 4; threads += 3) {
    td_buf full = TD_BUF_INIT, light = TD_BUF_INIT;
    td_run_stats st;
    CHECK(td_run_each_skip(eng, paths, 1, TD_FMT_AUTO, threads, NULL, seen, &full, stderr, 0, &st) == 0);
    CHECK(st.docs == 5);
    CHECK(td_run_each_light(eng, paths, 1, TD_FMT_AUTO, threads, NULL, seen, &light, stderr, 0, &st) == 0);
    CHECK(st.docs == 5);
    CHECK(full.len > 0 && strstr(full.ptr, "a3.txt") != NULL);
    CHECK_STR(light.ptr, full.ptr);
    td_buf_free(&full), td_buf_free(&light);
  }
  for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++) {
    snprintf(path, sizeof path, "%s/a%zu.txt", dir, i);
    unlink(path);
  }
  rmdir(dir);
  td_engine_free(eng);
}
