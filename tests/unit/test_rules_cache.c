/* test_rules_cache.c — the rule matcher's per-document state (issue 11):
 * the prefilter's keys kept per token are looked up again when a token's
 * norm or lemma changes or the rule set grows, every layer reads them, and
 * a match started from inside a callback (with the scratch of the outer
 * one in use) finds what a match outside finds. */
#include "unit.h"
#include "testdoc.h"
#include "lang/rules.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  char out[512];
  const td_rules *inner; /* when set, each match runs the "b" layer again */
  td_doc *doc;
  char nested[512];
} rcoll;

static int rcoll_cb(void *ctx, const td_rule_match *m);

static int nested_cb(void *ctx, const td_rule_match *m) {
  rcoll *c = ctx;
  size_t n = strlen(c->nested);
  snprintf(c->nested + n, sizeof c->nested - n, "%s%s[%u,%u)", n ? " " : "", m->rule, m->tok0,
           m->tok1);
  return 0;
}

static int rcoll_cb(void *ctx, const td_rule_match *m) {
  rcoll *c = ctx;
  size_t n = strlen(c->out);
  snprintf(c->out + n, sizeof c->out - n, "%s%s[%u,%u)", n ? " " : "", m->rule, m->tok0, m->tok1);
  if (c->inner) {
    c->nested[0] = 0;
    td_rules_match_layer(c->inner, "b", NULL, c->doc, 0, nested_cb, c);
  }
  return 0;
}

static const char *layer(const td_rules *r, const char *name, td_doc *d) {
  static rcoll c;
  memset(&c, 0, sizeof c);
  td_rules_match_layer(r, name, NULL, d, 0, rcoll_cb, &c);
  return c.out;
}

TD_TEST(rules_cache_stale_tokens_and_rules) {
  char err[256];
  td_rules *r = td_rules_compile("a.x [lower=ago]\nb.y [lemma=say] [lower=that]\n", err, sizeof err);
  CHECK(r != NULL);
  if (!r) return;
  td_doc *d = td_testdoc_words("two days ago he said that");
  CHECK(d && d->ntoks == 6);
  if (!d || d->ntoks != 6) {
    td_rules_free(r);
    td_testdoc_free(d);
    return;
  }
  CHECK_STR(layer(r, "a", d), "a.x[2,3)");
  CHECK_STR(layer(r, "b", d), ""); /* no lemma yet */
  d->toks[4].lemma = "say";          /* lemmatized after the first match */
  CHECK_STR(layer(r, "b", d), "b.y[4,6)");
  CHECK_STR(layer(r, "a", d), "a.x[2,3)");
  d->toks[2].norm = "hence"; /* a token's norm changes: its keys are stale */
  CHECK_STR(layer(r, "a", d), "");
  CHECK(td_rules_add_text(r, "a.z [lower=hence]\n", "user.rules", err, sizeof err) == 0);
  CHECK_STR(layer(r, "a", d), "a.z[2,3)"); /* the set grew: new keys */
  td_testdoc_free(d);
  td_rules_free(r);
}

TD_TEST(rules_cache_nested_match) {
  char err[256];
  td_rules *r = td_rules_compile("a.x [lower=the] [lower=day]\n"
                                 "b.y [lower=the] [lower=day|lower=week]\nb.z [lower=week]\n",
                                 err, sizeof err);
  CHECK(r != NULL);
  if (!r) return;
  td_doc *d = td_testdoc_words("the day after the week");
  rcoll c;
  memset(&c, 0, sizeof c);
  c.inner = r, c.doc = d;
  td_rules_match_layer(r, "a", NULL, d, 0, rcoll_cb, &c);
  CHECK_STR(c.out, "a.x[0,2)");
  CHECK_STR(c.nested, "b.y[0,2) b.y[3,5) b.z[4,5)");
  CHECK_STR(layer(r, "b", d), "b.y[0,2) b.y[3,5) b.z[4,5)");
  td_testdoc_free(d);
  td_rules_free(r);
}
