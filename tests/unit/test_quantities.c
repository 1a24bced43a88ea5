/* test_quantities.c — the quantities layer on its own (built-in unit table,
 * built-in cues): values, qualifiers, ranges, units, measures, status,
 * claimants, and what is not a quantity. */
#include "unit.h"
#include "extract/quotes.h"

#include <stdlib.h>

static td_doc *ndoc(const char *text) {
  td_doc *d = calloc(1, sizeof *d);
  td_arena_init(&d->arena);
  d->text = td_arena_strdup(&d->arena, text);
  d->len = strlen(text);
  TD_AGROW(&d->arena, d->sents, d->cap_sents, 1);
  d->sents[0] = (td_sent){0, (uint32_t)d->len, 0, 0};
  d->nsents = 1;
  td_quantities(NULL, d);
  return d;
}

static void nfree(td_doc *d) {
  td_arena_release(&d->arena);
  free(d);
}

static const char *ntext(const td_doc *d, td_span s) {
  static char buf[256];
  size_t n = s.end - s.start < sizeof buf - 1 ? s.end - s.start : sizeof buf - 1;
  memcpy(buf, d->text + s.start, n);
  buf[n] = 0;
  return buf;
}

TD_TEST(quantities_claimed_troops) {
  td_doc *d = ndoc("According to the U.S. authorities, around 8,000 North Korean troops are "
                   "expected to be dispatched to the front lines.");
  CHECK(d->nquants == 1);
  if (d->nquants == 1) {
    td_quantity *q = &d->quants[0];
    CHECK(q->value == 8000);
    CHECK_STR(q->qualifier, "about");
    CHECK_STR(q->unit, "troops");
    CHECK_STR(q->measure, "troops deployed");
    CHECK_STR(q->status, "expected");
    CHECK_STR(ntext(d, q->claimed_by_span), "the U.S. authorities");
    CHECK_STR(ntext(d, q->span), "around 8,000 North Korean troops");
  }
  nfree(d);
}

TD_TEST(quantities_said_that) {
  td_doc *d = ndoc("The White House has also said that at least 3,000 North Korean troops "
                   "were moved to eastern Russia.");
  CHECK(d->nquants == 1);
  if (d->nquants == 1) {
    CHECK_STR(d->quants[0].qualifier, "at_least");
    CHECK_STR(d->quants[0].status, "actual");
    CHECK_STR(ntext(d, d->quants[0].claimed_by_span), "The White House");
  }
  nfree(d);
}

TD_TEST(quantities_forms) {
  td_doc *d = ndoc("Between 10,000 to 12,000 people and 3.5 million dollars.");
  CHECK(d->nquants == 2);
  if (d->nquants == 2) {
    CHECK(d->quants[0].value == 10000 && d->quants[0].has_max && d->quants[0].value_max == 12000);
    CHECK_STR(d->quants[0].qualifier, "range");
    CHECK(d->quants[1].value == 3500000);
  }
  nfree(d);
  d = ndoc("It set a record 86-minute flight and sent thousands of troops, 40 percent more.");
  CHECK(d->nquants == 3);
  if (d->nquants == 3) {
    CHECK(d->quants[0].value == 86);
    CHECK_STR(d->quants[0].unit, "minutes");
    CHECK_STR(d->quants[1].qualifier, "vague");
    CHECK_STR(d->quants[2].unit, "percent");
  }
  nfree(d);
  d = ndoc("Some 10,000-12,000 troops and two dozen people, in a 5-4 decision.");
  CHECK(d->nquants == 2);
  if (d->nquants == 2) {
    CHECK(d->quants[0].value == 10000 && d->quants[0].value_max == 12000);
    CHECK_STR(d->quants[0].qualifier, "range");
    CHECK(d->quants[1].value == 24);
  }
  nfree(d);
  d = ndoc("They paid $1.2 billion for it.");
  CHECK(d->nquants == 1);
  if (d->nquants == 1) {
    CHECK(d->quants[0].value == 1200000000.0);
    CHECK_STR(d->quants[0].unit, "dollars");
  }
  nfree(d);
}

TD_TEST(quantities_not_numbers) {
  td_doc *d = ndoc("In 2021 the sixth meeting on the 60th anniversary saw the Hwasong-19 "
                   "launched at 10:30 on November 1.");
  CHECK(d->nquants == 0);
  nfree(d);
}
