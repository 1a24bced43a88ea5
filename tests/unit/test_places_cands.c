/* test_places_cands.c — what the places layer's shortcuts (issue 11) must
 * keep: lowercase gazetteer matches ("said", "man", "along" are towns too)
 * make no places and leave the capitalized names around them alone; a
 * frequent word is a place only after a cue (places.cue, read lazily);
 * the resolution evidence, built once per round with each name's own share
 * taken back out, still picks the state after "City, State" and the
 * country the other names point to. Needs build/tidings.res; skips
 * without it. */
#include "unit.h"
#include "testdoc.h"
#include "extract/places.h"

/* The place one of whose mentions is exactly `surface`, or NULL. */
static const td_place *mention(const td_doc *d, const char *surface) {
  size_t n = strlen(surface);
  for (size_t i = 0; i < d->nplaces; i++)
    for (size_t m = 0; m < d->places[i].nmentions; m++) {
      td_span s = d->places[i].mentions[m];
      if (s.end - s.start == n && memcmp(d->text + s.start, surface, n) == 0) return &d->places[i];
    }
  return NULL;
}

TD_TEST(places_lowercase_matches) {
  td_engine *eng = td_testdoc_places_engine();
  if (!eng) return;
  td_doc *d = td_testdoc_process(
      eng, "The sales team said the man from Boston was along for the ride.\n", "2024-11-01");
  CHECK(d && d->nplaces == 1);
  const td_place *p = d ? mention(d, "Boston") : NULL;
  CHECK(p && strcmp(p->country, "USA") == 0);
  td_doc_free(d);
  td_engine_free(eng);
}

TD_TEST(places_common_word_needs_cue) {
  td_engine *eng = td_testdoc_places_engine();
  if (!eng) return;
  /* "nice" is a frequent word: the city only after a cue ("to") */
  td_doc *d = td_testdoc_process(eng, "They flew to Nice in May, she said.\n", "2024-11-01");
  const td_place *p = d ? mention(d, "Nice") : NULL;
  CHECK(p && strcmp(p->country, "FRA") == 0);
  td_doc_free(d);
  d = td_testdoc_process(eng, "Nice work, she said.\n", "2024-11-01");
  CHECK(d && mention(d, "Nice") == NULL);
  td_doc_free(d);
  td_engine_free(eng);
}

TD_TEST(places_evidence_shares) {
  td_engine *eng = td_testdoc_places_engine();
  if (!eng) return;
  /* Georgia after "Atlanta," is the state; with Tbilisi and Russia around
   * it, the country */
  td_doc *d = td_testdoc_process(eng, "Officials in Atlanta, Georgia, said the storm had passed.\n",
                                 "2024-11-01");
  const td_place *p = d ? mention(d, "Georgia") : NULL;
  CHECK(p && strcmp(p->country, "USA") == 0 && strcmp(p->feature, "ADM1") == 0);
  td_doc_free(d);
  d = td_testdoc_process(eng, "Protesters gathered in Tbilisi. Georgia accused Russia of meddling "
                              "before the vote.\n", "2024-11-01");
  p = d ? mention(d, "Georgia") : NULL;
  CHECK(p && strcmp(p->country, "GEO") == 0);
  td_doc_free(d);
  td_engine_free(eng);
}
