/* test_actors_gates.c — what the actors layer's shortcuts (issue 11) must
 * keep: the actors.* rules, now run only in sentences where a match can be
 * read, still give `the North` of a Korea story (a capitalized north/south
 * word), `former` before a title (at a person match); the word lists,
 * now probed only for words of a listed first byte and length, still find
 * statement cues and honorifics. Needs build/tidings.res; skips without
 * it. */
#include "unit.h"
#include "testdoc.h"
#include "extract/actors.h"

/* The actor one of whose mentions is exactly `surface`, or NULL. */
static const td_actor *said_by(const td_doc *d, const char *surface) {
  size_t n = strlen(surface);
  for (size_t i = 0; i < d->nactors; i++)
    for (size_t m = 0; m < d->actors[i].nmentions; m++) {
      td_span s = d->actors[i].mentions[m];
      if (s.end - s.start == n && memcmp(d->text + s.start, surface, n) == 0) return &d->actors[i];
    }
  return NULL;
}

TD_TEST(actors_gated_rules) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng, "North Korea fired a missile on Monday. Officials in Seoul "
                                      "said the North launched it at dawn.\n", "2024-11-01");
  const td_actor *a = d ? said_by(d, "the North") : NULL;
  CHECK(a && a->code && strcmp(a->code, "PRK") == 0);
  td_doc_free(d);
  d = td_testdoc_process(eng, "Former U.S. President Bill Clinton spoke on Monday.\n",
                         "2024-11-01");
  a = d ? said_by(d, "Bill Clinton") : NULL;
  CHECK(a && a->role_past && a->code && strcmp(a->code, "USAELI") == 0);
  td_doc_free(d);
  td_engine_free(eng);
}

TD_TEST(actors_word_lists) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  /* "she" at a cue ("told") joins the latest speaker: Mrs Tanaka */
  td_doc *d = td_testdoc_process(eng, "Mrs Tanaka spoke first. Later she told reporters the plan "
                                      "would work.\n", "2024-11-01");
  const td_actor *a = d ? said_by(d, "Tanaka") : NULL;
  CHECK(a != NULL && a == said_by(d, "she"));
  td_doc_free(d);
  td_engine_free(eng);
}
