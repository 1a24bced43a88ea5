/* test_quantities.c — the quantities layer on its own (built-in unit table,
 * built-in cues): values, qualifiers, ranges, units, measures, status,
 * claimants, and what is not a quantity. */
#include "unit.h"
#include "testdoc.h"
#include "extract/quotes.h"

#include <stdlib.h>

/* The quantities layer alone on one sentence of text. */
static td_doc *ndoc(const char *text) {
  td_doc *d = td_testdoc_text(text);
  td_quantities(NULL, d);
  return d;
}


TD_TEST(quantities_claimed_troops) {
  td_doc *d = ndoc("According to NATO officials, around 6,500 Belarusian troops are "
                   "expected to be deployed to the border.");
  CHECK(d->nquants == 1);
  if (d->nquants == 1) {
    td_quantity *q = &d->quants[0];
    CHECK(q->value == 6500);
    CHECK_STR(q->qualifier, "about");
    CHECK_STR(q->unit, "troops");
    CHECK_STR(q->measure, "troops deployed");
    CHECK_STR(q->status, "expected");
    CHECK_STR(td_testdoc_span(d, q->claimed_by_span), "NATO officials");
    CHECK_STR(td_testdoc_span(d, q->span), "around 6,500 Belarusian troops");
  }
  td_testdoc_free(d);
}

TD_TEST(quantities_said_that) {
  td_doc *d = ndoc("The Kremlin has also said that at least 1,200 Belarusian troops "
                   "were moved to western Russia.");
  CHECK(d->nquants == 1);
  if (d->nquants == 1) {
    CHECK_STR(d->quants[0].qualifier, "at_least");
    CHECK_STR(d->quants[0].status, "actual");
    CHECK_STR(td_testdoc_span(d, d->quants[0].claimed_by_span), "The Kremlin");
  }
  td_testdoc_free(d);
}

TD_TEST(quantities_forms) {
  td_doc *d = ndoc("Between 10,000 to 12,000 people and 3.5 million dollars.");
  CHECK(d->nquants == 2);
  if (d->nquants == 2) {
    CHECK(d->quants[0].value == 10000 && d->quants[0].has_max && d->quants[0].value_max == 12000);
    CHECK_STR(d->quants[0].qualifier, "range");
    CHECK(d->quants[1].value == 3500000);
  }
  td_testdoc_free(d);
  d = ndoc("It set a record 86-minute flight and sent thousands of troops, 40 percent more.");
  CHECK(d->nquants == 3);
  if (d->nquants == 3) {
    CHECK(d->quants[0].value == 86);
    CHECK_STR(d->quants[0].unit, "minutes");
    CHECK_STR(d->quants[1].qualifier, "vague");
    CHECK_STR(d->quants[2].unit, "percent");
  }
  td_testdoc_free(d);
  d = ndoc("Some 10,000-12,000 troops and two dozen people, in a 5-4 decision.");
  CHECK(d->nquants == 2);
  if (d->nquants == 2) {
    CHECK(d->quants[0].value == 10000 && d->quants[0].value_max == 12000);
    CHECK_STR(d->quants[0].qualifier, "range");
    CHECK(d->quants[1].value == 24);
  }
  td_testdoc_free(d);
  d = ndoc("They paid $1.2 billion for it.");
  CHECK(d->nquants == 1);
  if (d->nquants == 1) {
    CHECK(d->quants[0].value == 1200000000.0);
    CHECK_STR(d->quants[0].unit, "dollars");
  }
  td_testdoc_free(d);
}

TD_TEST(quantities_not_numbers) {
  td_doc *d = ndoc("In 2021 the sixth meeting on the 60th anniversary saw the Hwasong-19 "
                   "launched at 10:30 on November 1.");
  CHECK(d->nquants == 0);
  td_testdoc_free(d);
}
