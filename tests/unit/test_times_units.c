/* test_times_units.c — the times layer cuts most words into units eight
 * bytes at a time where 16 bytes of text can be read, byte by byte near
 * the end of the text: the expressions found must not depend on which,
 * nor on where the text lies against an 8-byte boundary. */
#include "unit.h"
#include "testdoc.h"

#include <stdlib.h>
#include <string.h>

static const char *const texts[] = {
    "The talks ended yesterday and resume on Wednesday afternoon.",
    "He said on Tuesday that the plant closed in September 2003 and reopened last week.",
    "Profits rose for the third quarter, up from nineteen months ago, the firm said this morning.",
    "Every Monday since Christmas, for thirty-two weeks, fortnightly reports came at 10:30 a.m.",
    "In the 1990s and the early 2000s the twentieth century ended; see you tomorrow",
    "Yesterday",
    "Decemberrrrrrrrr mid-1996 Thanksgiving Day two-year-old Fridays 2024-11-01",
};

/* Whether text has the same times as its copy after a paragraph "Okk...k."
 * of `pad` k's and before a paragraph "Nothing else." (spans less the
 * shift, types, values): the normalizer trims spaces, so the text is moved
 * by a paragraph without times instead. */
static int same_times(td_engine *eng, const char *text, size_t pad, int tail) {
  td_buf b = TD_BUF_INIT;
  td_buf_puts(&b, "Ok");
  for (size_t i = 0; i < pad; i++) td_buf_putc(&b, 'k');
  td_buf_puts(&b, ".\n\n");
  size_t shift = b.len;
  td_buf_puts(&b, text);
  if (tail) td_buf_puts(&b, "\n\nNothing else.");
  td_doc *x = td_testdoc_process(eng, text, "2024-11-06");
  td_doc *y = td_testdoc_process(eng, b.ptr, "2024-11-06");
  int ok = x && y && x->ntimes == y->ntimes;
  for (size_t k = 0; ok && k < x->ntimes; k++) {
    const td_time *p = &x->times[k], *q = &y->times[k];
    ok = p->span.start + shift == q->span.start && p->span.end + shift == q->span.end &&
         strcmp(p->type, q->type) == 0 && strcmp(p->value, q->value) == 0;
  }
  td_doc_free(x);
  td_doc_free(y);
  td_buf_free(&b);
  return ok;
}

TD_TEST(times_units_any_offset) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
    for (size_t pad = 0; pad < 9; pad++)
      for (int tail = 0; tail < 2; tail++) {
        int ok = same_times(eng, texts[t], pad, tail);
        if (!ok) fprintf(stderr, "    text %zu, pad %zu, tail %d\n", t, pad, tail);
        CHECK(ok);
      }
  td_engine_free(eng);
}

/* The times found in the texts themselves (a few, to show the cut works). */
TD_TEST(times_units_found) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng, texts[0], "2024-11-06");
  CHECK(d && d->ntimes == 2);
  if (d && d->ntimes == 2) {
    CHECK_STR(td_testdoc_span(d, d->times[0].span), "yesterday");
    CHECK_STR(d->times[0].value, "2024-11-05");
    CHECK_STR(td_testdoc_span(d, d->times[1].span), "Wednesday afternoon");
  }
  td_doc_free(d);
  d = td_testdoc_process(eng, texts[5], "2024-11-06"); /* under 16 bytes to the end */
  CHECK(d && d->ntimes == 1);
  if (d && d->ntimes == 1) CHECK_STR(d->times[0].value, "2024-11-05");
  td_doc_free(d);
  td_engine_free(eng);
}
