/*
 * test_serve.c — the JSON API of `tidings serve` (src/serve/api.c) without
 * HTTP: an empty store created by td_kb_open, pages, argument checks and
 * error statuses. The end-to-end test is tests/serve_test.sh.
 */
#include "unit.h"

#include "serve/serve.h"
#include "tidings.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct args {
  const char *k[4], *v[4];
} args;

static const char *get(void *ctx, const char *name) {
  args *a = ctx;
  for (int i = 0; i < 4 && a->k[i]; i++)
    if (strcmp(a->k[i], name) == 0) return a->v[i];
  return NULL;
}

TD_TEST(serve_api_pages_and_errors) {
  char path[] = "/tmp/td_serve_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  unlink(path);
  char err[256];
  td_kb *kb = td_kb_open(path, 0, err, sizeof err);
  CHECK(kb != NULL);
  td_kb_close(kb);

  td_api *a = td_api_open(path, 1000, err, sizeof err);
  CHECK(a != NULL);
  if (!a) return;
  td_buf out = TD_BUF_INIT;
  args none = {{NULL}, {NULL}};
  static const char *eps[] = {"/api/events", "/api/quotes", "/api/claims", "/api/actors",
                              "/api/stories", "/api/places", "/api/articles"};
  for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++) {
    CHECK(td_api_handle(a, eps[i], get, &none, &out) == 200);
    CHECK(strstr(out.ptr, "\"total\":0,\"limit\":50,\"offset\":0,\"items\":[]") != NULL);
  }
  args lim = {{"limit", "actor"}, {"9999", "'; DROP TABLE m_events; --"}};
  CHECK(td_api_handle(a, "/api/events", get, &lim, &out) == 200);
  CHECK(strstr(out.ptr, "\"limit\":500") != NULL);
  CHECK(td_api_handle(a, "/api/events", get, &none, &out) == 200); /* table still there */
  args bad = {{"limit"}, {"-3"}};
  CHECK(td_api_handle(a, "/api/events", get, &bad, &out) == 400);
  CHECK(strstr(out.ptr, "{\"error\":{\"status\":400,") == out.ptr);
  args date = {{"since"}, {"2024-1"}};
  CHECK(td_api_handle(a, "/api/quotes", get, &date, &out) == 400);
  CHECK(td_api_handle(a, "/api/search", get, &none, &out) == 400);
  args q = {{"q"}, {"\"unbalanced NEAR("}};
  CHECK(td_api_handle(a, "/api/search", get, &q, &out) == 200);
  CHECK(td_api_handle(a, "/api/nothing", get, &none, &out) == 404);
  CHECK(td_api_handle(a, "/api/articles/none", get, &none, &out) == 404);
  CHECK(td_api_known_arg("speaker") && !td_api_known_arg("evil"));
  /* cached answers and totals: the same bytes the second time */
  td_buf first = TD_BUF_INIT;
  args page = {{"limit", "offset"}, {"5", "10"}};
  CHECK(td_api_respond(a, "/api/events\x1flimit=5\x1foffset=10", "/api/events", get, &page, &first) == 200);
  CHECK(td_api_respond(a, "/api/events\x1flimit=5\x1foffset=10", "/api/events", get, &page, &out) == 200);
  CHECK(out.len == first.len && memcmp(out.ptr, first.ptr, out.len) == 0);
  args page2 = {{"limit"}, {"7"}};
  CHECK(td_api_respond(a, "/api/events\x1flimit=7", "/api/events", get, &page2, &out) == 200);
  CHECK(strstr(out.ptr, "\"total\":0,\"limit\":7,") != NULL);
  CHECK(td_api_respond(a, "/api/x", "/api/x", get, &none, &out) == 404);
  td_buf_free(&first);
  td_buf_free(&out);
  td_api_close(a);
  unlink(path);
  char side[64];
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
}
