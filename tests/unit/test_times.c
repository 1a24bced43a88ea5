/* test_times.c — the times layer through the library: every case of
 * tests/spec/times.txt (reference date | sentence | expression | type |
 * value), the seed articles' expectations, the article date found in the
 * text, and the clause function td_time_for_span. */
#include "unit.h"
#include "testdoc.h"
#include "extract/times.h"

#include <ctype.h>
#include <stdlib.h>

/* Index of the first time expression whose text is s, or -1. */
static int find_time(const td_doc *d, const char *s) {
  size_t n = strlen(s);
  for (size_t k = 0; k < d->ntimes; k++)
    if (d->times[k].span.end - d->times[k].span.start == n &&
        memcmp(d->text + d->times[k].span.start, s, n) == 0)
      return (int)k;
  return -1;
}

static void show_times(const td_doc *d) {
  for (size_t k = 0; k < d->ntimes; k++)
    fprintf(stderr, "      found \"%.*s\" %s %s\n",
            (int)(d->times[k].span.end - d->times[k].span.start),
            d->text + d->times[k].span.start, d->times[k].type, d->times[k].value);
}

/* Splits a spec line into its five " | " fields (in place). */
static int spec_fields(char *line, char *f[5]) {
  int n = 0;
  char *p = line;
  while (n < 5) {
    f[n++] = p;
    char *bar = strstr(p, " | ");
    if (!bar) break;
    *bar = 0;
    p = bar + 3;
  }
  return n;
}

TD_TEST(times_spec_file) {
  FILE *fp = fopen("tests/spec/times.txt", "r");
  CHECK(fp != NULL);
  if (!fp) return;
  td_engine *eng = td_testdoc_engine(NULL);
  CHECK(eng != NULL);
  if (!eng) {
    fclose(fp);
    return;
  }
  char line[1024];
  int lineno = 0, cases = 0, bad = 0;
  while (fgets(line, sizeof line, fp)) {
    lineno++;
    line[strcspn(line, "\n")] = 0;
    if (!(isdigit((unsigned char)line[0]) || strncmp(line, "- | ", 4) == 0)) continue; /* prose */
    char *f[5];
    if (spec_fields(line, f) != 5) {
      fprintf(stderr, "  times.txt:%d: not five fields\n", lineno);
      bad++;
      continue;
    }
    cases++;
    const char *date = strcmp(f[0], "-") == 0 ? NULL : f[0];
    td_doc *d = td_testdoc_process(eng, f[1], date);
    if (strcmp(f[2], "-") == 0) {
      if (d->ntimes) {
        fprintf(stderr, "  times.txt:%d: \"%s\": want no expression\n", lineno, f[1]);
        show_times(d);
        bad++;
      }
    } else {
      int k = find_time(d, f[2]);
      if (k < 0 || strcmp(d->times[k].type, f[3]) || strcmp(d->times[k].value, f[4])) {
        fprintf(stderr, "  times.txt:%d: \"%s\" [%s]: want \"%s\" %s %s\n", lineno, f[1],
                date ? date : "-", f[2], f[3], f[4]);
        show_times(d);
        bad++;
      }
    }
    td_doc_free(d);
  }
  fclose(fp);
  td_engine_free(eng);
  if (bad) fprintf(stderr, "  times.txt: %d of %d cases failed\n", bad, cases);
  CHECK(cases >= 300);
  CHECK(bad == 0);
}

/* Expectations on the seed articles (../shared/seeds), dated 2024-11-01. */
static void check_seed(int *td_failed_, td_engine *eng, const char *path,
                       const char *const want[][3]) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    fprintf(stderr, "  skip: %s absent\n", path);
    return;
  }
  td_buf b = TD_BUF_INIT;
  char chunk[8192];
  size_t r;
  while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0) td_buf_put(&b, chunk, r);
  fclose(fp);
  td_doc *d = td_testdoc_process(eng, b.ptr, "2024-11-01");
  for (int i = 0; want[i][0]; i++) {
    int k = find_time(d, want[i][0]), ok = 0;
    for (; k >= 0 && (size_t)k < d->ntimes; k++) { /* any occurrence with that value */
      size_t n = strlen(want[i][0]);
      if (d->times[k].span.end - d->times[k].span.start == n &&
          memcmp(d->text + d->times[k].span.start, want[i][0], n) == 0 &&
          strcmp(d->times[k].value, want[i][1]) == 0)
        ok = 1;
    }
    if (!ok) fprintf(stderr, "  seed %s: want \"%s\" = %s\n", path, want[i][0], want[i][1]);
    CHECK(ok);
  }
  td_doc_free(d);
  td_buf_free(&b);
}

TD_TEST(times_seeds) {
  const char *shared = td_test_shared();
  if (!shared) {
    fprintf(stderr, "  skip: no ../shared\n");
    return;
  }
  td_engine *eng = td_testdoc_engine(NULL);
  CHECK(eng != NULL);
  if (!eng) return;
  char path[1024];
  static const char *const korea[][3] = {{"Thursday", "2024-10-31", 0},
                                         {"Friday", "2024-11-01", 0},
                                         {"2021", "2021", 0},
                                         {"the coming days", "FUTURE_REF", 0},
                                         {0, 0, 0}};
  snprintf(path, sizeof path, "%s/seeds/000_0dbf579056cef664.txt", shared);
  check_seed(td_failed_, eng, path, korea);
  static const char *const yonhap[][3] = {{"Friday", "2024-11-01", 0},
                                          {"the end of this year", "2024", 0},
                                          {"August last year", "2023-08", 0},
                                          {"next year", "2025", 0},
                                          {"Friday night", "2024-11-01TNI", 0},
                                          {0, 0, 0}};
  snprintf(path, sizeof path, "%s/seeds/004_d8025967e72198cc.txt", shared);
  check_seed(td_failed_, eng, path, yonhap);
  td_engine_free(eng);
}

TD_TEST(times_date_from_text) {
  td_engine *eng = td_testdoc_engine(NULL);
  CHECK(eng != NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng, "The ministers met in Seoul on Oct. 30, 2024, a day after talks on Tuesday.\n\n"
                             "They will meet again next week.", NULL);
  CHECK_STR(d->date, "2024-10-30");
  CHECK_STR(d->date_from, "text");
  int k = find_time(d, "Tuesday");
  CHECK(k >= 0);
  if (k >= 0) CHECK_STR(d->times[k].value, "2024-10-29");
  td_doc_free(d);
  /* a date deep in the article is not the article's date */
  d = td_testdoc_process(eng, "The ministers met on Tuesday.\n\nThey talked.\n\nThey left.\n\n"
                     "The war began on June 25, 1950.", NULL);
  CHECK(d->date == NULL);
  k = find_time(d, "Tuesday");
  CHECK(k >= 0);
  if (k >= 0) CHECK_STR(d->times[k].value, "XXXX-WXX-2");
  td_doc_free(d);
  /* nor a bound, a birthday, a day counted back to or one still to come */
  static const char *const not_dct[] = {
      "The regulator extended the deadline until 15 July 2006. Firms had protested.",
      "Born in Luton on 5 April 1920, Hailey was the only child of a clerk.",
      "The guitarist vanished 10 years ago, on 1 February 1995. He was never found.",
      "Ireland will play Switzerland in Dublin on 12 October 2005. The match is sold out.",
      NULL};
  for (int x = 0; not_dct[x]; x++) {
    d = td_testdoc_process(eng, not_dct[x], NULL);
    CHECK(d->date == NULL);
    td_doc_free(d);
  }
  td_engine_free(eng);
}

/* "May 6 and 7": the second day is a date of its own; "March 6 and 7
 * percent" is a date and a count. */
TD_TEST(times_second_day) {
  td_engine *eng = td_testdoc_engine(NULL);
  CHECK(eng != NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng, "The talks will be held in Vienna on May 6 and 7.", "1999-02-10");
  CHECK(d->ntimes == 2);
  if (d->ntimes == 2) {
    CHECK_STR(d->times[0].value, "1999-05-06");
    CHECK_STR(d->times[1].value, "1999-05-07");
  }
  td_doc_free(d);
  d = td_testdoc_process(eng, "The storm hit on March 6 and 7 percent of homes lost power.", "1999-03-10");
  CHECK(d->ntimes == 1);
  td_doc_free(d);
  td_engine_free(eng);
}

TD_TEST(times_clause_function) {
  td_engine *eng = td_testdoc_engine(NULL);
  CHECK(eng != NULL);
  if (!eng) return;
  const char *text = "The ministers met in Washington on Thursday for three hours. "
                     "They condemned the launch. Russia will respond next week, he said.";
  td_doc *d = td_testdoc_process(eng, text, "2024-11-01");
  const char *met = strstr(d->text, "met"), *cond = strstr(d->text, "condemned"),
             *resp = strstr(d->text, "respond");
  int k = td_time_for_span(d, (uint32_t)(met - d->text), (uint32_t)(met - d->text + 3));
  CHECK(k >= 0);
  if (k >= 0) CHECK_STR(d->times[k].value, "2024-10-31"); /* DATE over DURATION */
  CHECK(td_time_for_span(d, (uint32_t)(cond - d->text), (uint32_t)(cond - d->text + 9)) == -1);
  k = td_time_for_span(d, (uint32_t)(resp - d->text), (uint32_t)(resp - d->text + 7));
  CHECK(k >= 0);
  if (k >= 0) CHECK_STR(d->times[k].value, "2024-W45");
  td_doc_free(d);
  td_engine_free(eng);
}

/* The layer's output is in text order and never overlaps. */
TD_TEST(times_order_and_overlap) {
  td_engine *eng = td_testdoc_engine(NULL);
  CHECK(eng != NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng, "On Friday, Nov. 1, 2024, at 10 a.m. Friday, the talks that began "
                             "two days ago and lasted three hours ended; they meet every week "
                             "and will meet again next year, now that recent talks failed.",
                        "2024-11-01");
  CHECK(d->ntimes >= 6);
  for (size_t k = 1; k < d->ntimes; k++) CHECK(d->times[k].span.start >= d->times[k - 1].span.end);
  td_doc_free(d);
  td_engine_free(eng);
}
