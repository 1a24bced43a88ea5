/* test_petrarch.c — PETRARCH/Phoenix/TABARI actor and agent dictionaries
 * read by --dict (src/lang/petrarch.c): the entries tools/petrarch2tsv.py
 * would write, format detection, and located errors for bad lines. */
#include "unit.h"
#include "lang/matcher.h"
#include "lang/petrarch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char out[1024];
} seen;

static int seen_cb(void *ctx, const td_match *m) {
  seen *s = ctx;
  size_t n = strlen(s->out);
  snprintf(s->out + n, sizeof s->out - n, "[%s %s]", m->cls, m->payload);
  return 0;
}

static const char *look(const td_dict *d, const char *phrase, seen *s) {
  s->out[0] = 0;
  td_dict_lookup(d, phrase, NULL, seen_cb, s);
  return s->out;
}

/* A dictionary of `text` read as `kind` over the table *img (the caller
 * frees both); NULL (err set) on error. */
static td_dict *from_text(int kind, const char *text, void **img, char *err, size_t errlen) {
  td_dictb *b = td_dictb_new();
  int rc = td_petrarch_add(b, kind, "x.actors", text, strlen(text), NULL, err, errlen);
  size_t len;
  *img = td_dictb_finish(b, &len);
  if (rc != 0) {
    free(*img);
    *img = NULL;
    return NULL;
  }
  td_dict *d = td_dict_new();
  td_dict_add_image(d, *img, len);
  return d;
}

TD_TEST(petrarch_actors_folder) {
  td_dict *d = td_dict_new();
  char err[512] = "";
  if (td_dict_add_dir(d, "tests/petrarch", err, sizeof err) != 0) {
    fprintf(stderr, "  skip: tests/petrarch (%s)\n", err);
    td_dict_free(d);
    return;
  }
  seen s;
  CHECK_STR(look(d, "Fredonia", &s), "[country FRD]");
  CHECK_STR(look(d, "fredonian", &s), "[country FRD]");
  CHECK_STR(look(d, "Rufus T Firefly", &s),
            "[person rufus-t-firefly|Rufus T Firefly|-|FRD,GOV,GOV,2015-03-01,2019-12-31;"
            "FRD,OPP,OPP,2020-01-01,]");
  CHECK_STR(look(d, "Firefly", &s),
            "[person rufus-t-firefly|Rufus T Firefly|-|FRD,GOV,GOV,2015-03-01,2019-12-31;"
            "FRD,OPP,OPP,2020-01-01,]");
  CHECK_STR(look(d, "Ambrose Trentino", &s),
            "[person ambrose-trentino|Ambrose Trentino|-|FRD,GOV,GOV,,2009-12-31;"
            "IGOUNO,,,2010-01-01,2014-12-31]");
  CHECK_STR(look(d, "Fredonia Farmers Union", &s),
            "[org.cameo FRDLAB|fredonia-farmers-union|Fredonia Farmers Union|FRD|LAB]");
  CHECK_STR(look(d, "harbormasters", &s), "[sector GOV]");
  CHECK_STR(look(d, "marsh rangers", &s), "[sector MIL]");
  CHECK_STR(look(d, "rangers", &s), "[sector MIL]");
  CHECK_STR(look(d, "dockhand", &s), "[sector LAB]");
  CHECK_STR(look(d, "person of fredonia", &s), ""); /* a `!` pattern: skipped */
  CHECK(td_dict_size(d) == 12);
  td_dict_free(d);
}

TD_TEST(petrarch_kind) {
  CHECK(td_petrarch_kind("Phoenix.Countries.actors.txt", NULL, 0) == TD_PETRARCH_ACTORS);
  CHECK(td_petrarch_kind("x.agents", NULL, 0) == TD_PETRARCH_AGENTS);
  CHECK(td_petrarch_kind("x.tsv", NULL, 0) == TD_PETRARCH_NONE);
  const char *act = "# people\n\nJOE_BLOGGS_\n[ABCGOV >010101]\n";
  CHECK(td_petrarch_kind("mine.txt", act, strlen(act)) == TD_PETRARCH_ACTORS);
  const char *ag = "# words\nMAYOR_ {MAYORS_} [~GOV]\n";
  CHECK(td_petrarch_kind("mine.txt", ag, strlen(ag)) == TD_PETRARCH_AGENTS);
  const char *readme = "These are my dictionaries.\n";
  CHECK(td_petrarch_kind("README.txt", readme, strlen(readme)) == TD_PETRARCH_NONE);
}

TD_TEST(petrarch_dates_and_codes) {
  char err[256];
  seen s;
  void *img;
  td_dict *d = from_text(TD_PETRARCH_ACTORS,
                         "OLD_HAND_ [ABCGOV 19990101-20031231] ; TABARI note\n"
                         "  +HAND_\n"
                         "NO_CODE_\n"
                         "NATO_ [IGONAT]\n",
                         &img, err, sizeof err);
  CHECK(d != NULL);
  if (!d) return;
  CHECK_STR(look(d, "hand", &s), "[person old-hand|Old Hand|-|ABC,GOV,GOV,1999-01-01,2003-12-31]");
  CHECK_STR(look(d, "no code", &s), "");
  CHECK_STR(look(d, "nato", &s), "[org.cameo IGONAT|nato|Nato||NAT]");
  td_dict_free(d);
  free(img);
}

TD_TEST(petrarch_errors_are_located) {
  char err[256];
  static const struct {
    int kind;
    const char *text, *where;
  } bad[] = {
      {TD_PETRARCH_ACTORS, "A_ [ABC]\nB_ [ABC\n", "x.actors:2: "},
      {TD_PETRARCH_ACTORS, "A_\n[ABCGOV 0101-020202]\n", "x.actors:2: "},
      {TD_PETRARCH_ACTORS, "A_\n[]\n", "x.actors:2: "},
      {TD_PETRARCH_ACTORS, "# c\n\nA_ [ABC] extra\n", "x.actors:3: "},
      {TD_PETRARCH_ACTORS, "A_ ] [ABC]\n", "x.actors:1: "},
      {TD_PETRARCH_AGENTS, "MAYOR_ {MAYORS_ [~GOV]\n", "x.actors:1: "},
      {TD_PETRARCH_AGENTS, "MAYOR_\n", "x.actors:1: "},
      {TD_PETRARCH_AGENTS, "OK_ [~GOV]\nMAYOR_ [~go]\n", "x.actors:2: "},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    err[0] = 0;
    void *img;
    CHECK(from_text(bad[i].kind, bad[i].text, &img, err, sizeof err) == NULL);
    CHECK(strncmp(err, bad[i].where, strlen(bad[i].where)) == 0);
  }
}
