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

TD_TEST(quantities_number_words) {
  /* every number word, read through its first-letter bucket */
  static const struct { const char *w; double v; } nums[] = {
      {"zero", 0}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
      {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
      {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
      {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20}, {"thirty", 30},
      {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80},
      {"ninety", 90}};
  char text[128];
  for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
    snprintf(text, sizeof text, "Officials said %s soldiers arrived.", nums[i].w);
    td_doc *d = ndoc(text);
    CHECK(d->nquants == 1);
    if (d->nquants == 1) CHECK(d->quants[0].value == nums[i].v);
    if (d->nquants != 1 || d->quants[0].value != nums[i].v) fprintf(stderr, "  word: %s\n", nums[i].w);
    td_testdoc_free(d);
  }
  /* words that share a bucket's first letters but are no numbers */
  td_doc *d = ndoc("The thirsty fifth seventh soldiers and ninth dozens arrived.");
  CHECK(d->nquants == 0);
  td_testdoc_free(d);
}

TD_TEST(quantities_modifier_plural) {
  /* a noun joined to digits by a hyphen counts its plural, through the
   * units table when it lists the plural; a participle is no noun */
  static const struct { const char *text, *unit; } cases[] = {
      {"They sold a 40-acre farm.", "acres"},      {"They won a 9-match series.", "matches"},
      {"They built a 12-storey block.", "storeys"}, {"They named a 23-person team.", "people"},
      {"They housed a 20-family block.", "families"}, {"They banned 15-rated films.", "rated"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    td_doc *d = ndoc(cases[i].text);
    CHECK(d->nquants == 1);
    if (d->nquants == 1) CHECK_STR(d->quants[0].unit, cases[i].unit);
    td_testdoc_free(d);
  }
  /* a number word's modifier counts before a margin only */
  td_doc *d = ndoc("The side took a three-goal lead in a four-team group.");
  CHECK(d->nquants == 1);
  if (d->nquants == 1) CHECK_STR(d->quants[0].unit, "goals");
  td_testdoc_free(d);
}

TD_TEST(quantities_engine_units) {
  /* The engine loads the units table once (eng->units); the layer reads
   * it through its word index: a noun listed by a unit row, a verb by a
   * measure row, scale words, and the same text twice (the table is
   * shared, nothing of it is written per document). */
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(eng->units != NULL);
  for (int round = 0; round < 2; round++) {
    td_doc *d = td_testdoc_text("About 8,000 soldiers were deployed to the border, and "
                                "2.5 million people fled while 40 missiles were fired.");
    td_quantities(eng, d);
    CHECK(d->nquants == 3);
    if (d->nquants == 3) {
      CHECK(d->quants[0].value == 8000);
      CHECK_STR(d->quants[0].unit, "troops");
      CHECK_STR(d->quants[0].measure, "troops deployed");
      CHECK_STR(d->quants[0].qualifier, "about");
      CHECK(d->quants[1].value == 2500000);
      CHECK_STR(d->quants[1].unit, "people");
      CHECK_STR(d->quants[1].measure, "people displaced");
      CHECK_STR(d->quants[2].unit, "missiles");
      CHECK_STR(d->quants[2].measure, "missiles launched");
    }
    td_testdoc_free(d);
  }
  td_engine_free(eng);
}
