/* test_events_frames.c — the events layer's second pass (issue 8): verb
 * frames read from data/events/frames.rules (and replaced by a user rules
 * file), pair groups of the actors layer acting as their two countries
 * (td_actor_members), object conditions of entries (v=, x, inf).
 * Needs build/tidings.res (made by `make`). */
#include "unit.h"
#include "testdoc.h"
#include "extract/actors.h"
#include "extract/events.h"
#include "lang/rules.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static td_doc *run(td_engine *eng, const char *text) {
  return td_testdoc_process(eng, text, "2024-11-01");
}

static const char *country_of(const td_doc *d, int actor) {
  return actor >= 0 ? d->actors[actor].country : NULL;
}

TD_TEST(events_frames_builtin) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(eng->rules != NULL);
  if (eng->rules) {
    CHECK(td_rules_find(eng->rules, "events.appeal_to") >= 0);
    CHECK(td_rules_find(eng->rules, "events.intent_to") >= 0);
    CHECK(td_rules_find(eng->rules, "events.must") >= 0);
  }
  td_doc *d = run(eng, "Iran called on Iraq to release the prisoners.\n");
  CHECK(d->nevents == 1);
  if (d->nevents) {
    CHECK_STR(d->events[0].cameo, "025"); /* refined by "release" */
    CHECK_STR(country_of(d, d->events[0].target), "IRQ");
  }
  td_doc_free(d);
  d = run(eng, "Egypt said that Israel must withdraw from Gaza.\n");
  CHECK(d->nevents >= 1);
  if (d->nevents) {
    CHECK(strncmp(d->events[0].cameo, "10", 2) == 0);
    CHECK_STR(country_of(d, d->events[0].target), "ISR");
  }
  td_doc_free(d);
  td_engine_free(eng);
}

/* a user rules file that redefines events.appeal_to replaces the built-in
 * frame: the appeal is no longer refined by its content */
TD_TEST(events_frames_user_replaces) {
  td_engine *eng =
      td_testdoc_dict_engine("frames.rules", "events.appeal_to  (?<gov>[lower=qqqqq]) (?<act>[upos=VERB])\n");
  if (eng) {
    td_doc *d = run(eng, "Iran called on Iraq to release the prisoners.\n");
    CHECK(d->nevents >= 1);
    if (d->nevents) CHECK_STR(d->events[0].cameo, "020");
    td_doc_free(d);
    td_engine_free(eng);
  }
}

TD_TEST(events_pair_group_members) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = run(eng,
                  "Britain and France vowed to cooperate on trade. Top officials from both "
                  "nations discussed the plan on Monday.\n");
  int pair = -1;
  for (size_t k = 0; k < d->nactors; k++)
    if (d->actors[k].kind && strcmp(d->actors[k].kind, "group") == 0 && !d->actors[k].code)
      pair = (int)k;
  CHECK(pair >= 0);
  int m[2] = {-1, -1};
  CHECK(td_actor_members(d, pair, m, 2) == 2);
  CHECK_STR(country_of(d, m[0]), "GBR");
  CHECK_STR(country_of(d, m[1]), "FRA");
  CHECK(td_actor_members(d, m[0], m, 2) == 0); /* a country is no pair */
  int discussed = 0;
  for (size_t i = 0; i < d->nevents; i++)
    if (strncmp(d->events[i].cameo, "04", 2) == 0 && d->events[i].source >= 0) discussed++;
  CHECK(discussed == 2);
  td_doc_free(d);
  td_engine_free(eng);
}

TD_TEST(events_object_conditions) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  static const char *const none[] = {
      "The minister gave evidence to the committee on Monday.\n",
      "Labour hopes to meet its targets.\n",
      "The minister sought to sell his policies.\n",
  };
  for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
    td_doc *d = run(eng, none[i]);
    CHECK(d->nevents == 0);
    td_doc_free(d);
  }
  td_doc *d = run(eng, "Japan gave Kenya 5 million dollars of aid on Monday.\n");
  CHECK(d->nevents >= 1);
  if (d->nevents) {
    CHECK(strncmp(d->events[0].cameo, "07", 2) == 0);
    CHECK_STR(country_of(d, d->events[0].target), "KEN");
  }
  td_doc_free(d);
  td_engine_free(eng);
}
