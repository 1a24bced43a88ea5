/* test_jsonl.c — the JSON Lines reader: fields, ids, and bad lines. */
#include "unit.h"
#include "ingest/ingest.h"

#include <stdlib.h>

/* Parses a NUL-terminated line into a fresh input (caller frees). */
static td_input *parse(const char *line, int *rc) {
  td_input *in = calloc(1, sizeof *in);
  *rc = td_jsonl_parse_line(line, strlen(line), "news.jsonl", 7, in);
  return in;
}

TD_TEST(jsonl_fields) {
  int rc;
  td_input *in = parse("{\"id\":\"a1\",\"text\":\"Hello \\u201cworld\\u201d.\",\"title\":\"T\","
                       "\"date\":\"2024-11-01\",\"source\":\"Yonhap\",\"url\":\"http://x/\","
                       "\"extra\":[1,2]}", &rc);
  CHECK(rc == 0);
  CHECK(!in->error);
  CHECK_STR(in->id, "a1");
  CHECK_STR(in->body, "Hello \xe2\x80\x9cworld\xe2\x80\x9d.");
  CHECK(in->body_len == strlen("Hello \xe2\x80\x9cworld\xe2\x80\x9d."));
  CHECK(in->is_html == 0);
  CHECK_STR(in->title, "T");
  CHECK_STR(in->date, "2024-11-01");
  CHECK_STR(in->source, "Yonhap");
  CHECK_STR(in->url, "http://x/");
  CHECK(in->fallback_date == NULL);
  td_input_free(in);
}

TD_TEST(jsonl_html_and_ids) {
  int rc;
  td_input *in = parse("{\"html\":\"<p>Hi</p>\",\"title\":null,\"date\":[2024]}", &rc);
  CHECK(rc == 0);
  CHECK(in->is_html == 1);
  CHECK_STR(in->body, "<p>Hi</p>");
  CHECK_STR(in->id, "news.jsonl:7"); /* no id */
  CHECK(in->title == NULL && in->date == NULL); /* non-strings ignored */
  td_input_free(in);

  in = parse("{\"id\":42,\"text\":\"t\",\"html\":\"<p>h</p>\"}", &rc);
  CHECK(rc == 0);
  CHECK_STR(in->id, "42");
  CHECK(in->is_html == 0); /* text wins */
  CHECK_STR(in->body, "t");
  td_input_free(in);

  in = parse("{\"id\":\"\",\"text\":\"t\"}", &rc);
  CHECK_STR(in->id, "news.jsonl:7"); /* empty id */
  td_input_free(in);
}

TD_TEST(jsonl_errors) {
  int rc;
  td_input *in = parse("{\"text\": \"abc\", }", &rc);
  CHECK(rc == -1);
  CHECK(in->error && strncmp(in->error, "invalid JSON at column ", 23) == 0);
  CHECK_STR(in->id, "news.jsonl:7");
  CHECK(in->body == NULL);
  td_input_free(in);

  in = parse("[\"text\"]", &rc);
  CHECK(rc == -1);
  CHECK(in->error && strstr(in->error, "not a JSON object"));
  td_input_free(in);

  in = parse("{\"id\":\"x9\",\"title\":\"only\"}", &rc);
  CHECK(rc == -1);
  CHECK_STR(in->error, "no \"text\" or \"html\" field");
  CHECK_STR(in->id, "x9"); /* the id is kept for the error line */
  td_input_free(in);

  in = parse("{\"text\":5}", &rc);
  CHECK(rc == -1);
  CHECK_STR(in->error, "\"text\" field is not a string");
  td_input_free(in);

  in = parse("", &rc);
  CHECK(rc == -1 && in->error);
  td_input_free(in);

  in = parse("{\"text\":\"a\"} {\"text\":\"b\"}", &rc); /* two values on a line */
  CHECK(rc == -1 && in->error);
  td_input_free(in);
}

TD_TEST(jsonl_dates) {
  /* ISO dates (or a year, a year-month) as given; a feed's other forms and
   * Unix times as YYYY-MM-DD; no date, none */
  static const char *const cases[][2] = {
      {"\"2024-11-01T10:00:00Z\"", "2024-11-01T10:00:00Z"},
      {"\"2024-11\"", "2024-11"},
      {"\"Fri, 01 Nov 2024 10:00:00 GMT\"", "2024-11-01"},
      {"\"November 1, 2024\"", "2024-11-01"},
      {"\"2024/11/01\"", "2024-11-01"},
      {"1730455200", "2024-11-01"},
      {"\"1730455200000\"", "2024-11-01"},
      {"\"soon\"", NULL},
      {"\"February 30, 2024\"", NULL},
      {"true", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char line[128];
    int rc;
    snprintf(line, sizeof line, "{\"text\":\"a\",\"date\":%s}", cases[i][0]);
    td_input *in = parse(line, &rc);
    CHECK(rc == 0);
    if (cases[i][1]) CHECK_STR(in->date, cases[i][1]);
    else CHECK(in->date == NULL);
    td_input_free(in);
  }
}

TD_TEST(jsonl_bytes) {
  int rc;
  /* bytes that are not UTF-8 are repaired, not rejected: Latin-1 read as
   * such, a cut sequence U+FFFD */
  td_input *in = parse("{\"text\":\"caf\xe9 ok\"}", &rc);
  CHECK(rc == 0);
  CHECK_STR(in->body, "caf\xc3\xa9 ok");
  td_input_free(in);
  in = parse("{\"text\":\"a\xe2\x80 ok\"}", &rc);
  CHECK(rc == 0);
  CHECK_STR(in->body, "a\xef\xbf\xbd ok");
  td_input_free(in);

  /* \u0000 is kept; the length says where the body ends */
  in = parse("{\"text\":\"a\\u0000b\"}", &rc);
  CHECK(rc == 0);
  CHECK(in->body_len == 3 && in->body[1] == '\0' && in->body[2] == 'b');
  td_input_free(in);

  /* the line need not be NUL-terminated: only len bytes are read */
  const char *two = "{\"text\":\"x\"}{garbage";
  in = calloc(1, sizeof *in);
  CHECK(td_jsonl_parse_line(two, 12, NULL, 3, in) == 0);
  CHECK_STR(in->body, "x");
  CHECK_STR(in->id, "-:3");
  td_input_free(in);

  /* trailing CR/whitespace is fine */
  in = parse("{\"text\":\"y\"}\r", &rc);
  CHECK(rc == 0);
  td_input_free(in);
}

TD_TEST(jsonl_big_line) {
  size_t n = 8u << 20;
  char *line = malloc(n + 32);
  strcpy(line, "{\"text\":\"");
  size_t k = strlen(line);
  memset(line + k, 'a', n);
  strcpy(line + k + n, "\"}");
  td_input *in = calloc(1, sizeof *in);
  CHECK(td_jsonl_parse_line(line, strlen(line), "big", 1, in) == 0);
  CHECK(in->body_len == n);
  td_input_free(in);
  free(line);
}
