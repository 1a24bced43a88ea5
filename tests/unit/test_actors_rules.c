/* test_actors_rules.c — the actors layer's group phrases read from
 * data/actors/groups.rules (actors.both_nations, actors.pair_of,
 * actors.the_north), and a user --dict rules file replacing one of them;
 * the places layer's cues (data/places/cues.rules) and a user rule adding
 * one. Needs build/tidings.res (made by `make`); skips without it. */
#include "unit.h"
#include "testdoc.h"
#include "extract/actors.h"
#include "lang/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const pair_text =
    "France and Germany signed a border treaty on Monday.\n\n"
    "The two nations will meet again in May.\n\n"
    "The twin allies also agreed to more trade.\n";

/* the pair group fra-deu (no sector), or NULL */
static const td_actor *pair_group(const td_doc *d) {
  for (size_t k = 0; k < d->nactors; k++)
    if (d->actors[k].entity && strcmp(d->actors[k].entity, "fra-deu") == 0) return &d->actors[k];
  return NULL;
}

TD_TEST(actors_rules_builtin) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(eng->rules != NULL);
  if (eng->rules) {
    CHECK(td_rules_find(eng->rules, "actors.both_nations") >= 0);
    CHECK(td_rules_find(eng->rules, "actors.pair_of") >= 0);
    CHECK(td_rules_find(eng->rules, "actors.the_north") >= 0);
  }
  td_doc *d = td_testdoc_process(eng, pair_text, "2024-11-01");
  const td_actor *p = pair_group(d);
  CHECK(p != NULL);
  if (p) {
    CHECK(p->nmentions == 1); /* "The two nations"; "the twin allies" is no rule's */
    CHECK_STR(p->kind, "group");
  }
  td_doc_free(d);
  td_engine_free(eng);
}

/* a user rules file that redefines actors.both_nations replaces every
 * built-in line of that name: "the twin allies" is now the pair, "the two
 * nations" no longer is */
TD_TEST(actors_rules_user_replaces) {
  td_engine *eng = td_testdoc_dict_engine(
      "groups.rules", "actors.both_nations  [lower=the] [lower=twin] [lower=allies]\n");
  if (eng) {
    td_doc *d = td_testdoc_process(eng, pair_text, "2024-11-01");
    const td_actor *p = pair_group(d);
    CHECK(p != NULL);
    if (p) {
      CHECK(p->nmentions == 1);
      CHECK_STR(p->name, "The twin allies");
    }
    td_doc_free(d);
    td_engine_free(eng);
  }
}

/* a user rule of a new name of kind places.locative adds a cue: a name
 * read as a person's ("Melton Mowbray" after "Judith Moritz,") is a place
 * after it */
TD_TEST(places_rules_user_adds) {
  static const char *const text = "Hunts met across the country on Saturday.\n\n"
                                  "Judith Moritz, on the outskirts of Melton Mowbray, said the "
                                  "hunt went ahead.\n";
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  if (eng->rules) CHECK(td_rules_find(eng->rules, "places.locative") >= 0);
  td_doc *d = td_testdoc_process(eng, text, "2005-02-19");
  CHECK(d->nplaces == 0);
  td_doc_free(d);
  td_engine_free(eng);
  eng = td_testdoc_dict_engine("cues.rules", "places.locative_x  [lower=outskirts] [lower=of]\n");
  if (eng) {
    d = td_testdoc_process(eng, text, "2005-02-19");
    CHECK(d->nplaces == 1);
    if (d->nplaces) CHECK_STR(d->places[0].name, "Melton Mowbray");
    td_doc_free(d);
    td_engine_free(eng);
  }
}
