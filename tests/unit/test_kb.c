/*
 * test_kb.c — the knowledge base: claim intervals and their agreement,
 * idempotent storing (the same record twice changes nothing), a changed
 * article replacing its older version, content-derived keys, and a merge
 * that groups agreeing claims.
 */
#include "unit.h"

#include "kb/kb.h"
#include "testdoc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

TD_TEST(kb_intervals) {
  double lo, hi, lo2, hi2;
  td_kb_interval("at_least", 3000, 0, 0, &lo, &hi);
  CHECK(lo == 3000 && isinf(hi));
  td_kb_interval("about", 3000, 0, 0, &lo2, &hi2);
  CHECK(fabs(lo2 - 2700) < 1e-9 && fabs(hi2 - 3300) < 1e-9);
  CHECK(td_kb_intervals_agree(lo, hi, lo2, hi2)); /* at least 3,000 ~ around 3,000 */
  td_kb_interval("exact", 8000, 0, 0, &lo, &hi);
  CHECK(lo == 8000 && hi == 8000);
  td_kb_interval("about", 10000, 0, 0, &lo2, &hi2);
  CHECK(!td_kb_intervals_agree(lo, hi, lo2, hi2)); /* 8,000 vs some 10,000 */
  td_kb_interval("range", 10000, 1, 12000, &lo, &hi);
  CHECK(lo == 10000 && hi == 12000);
  td_kb_interval("exact", 12000, 0, 0, &lo2, &hi2);
  CHECK(td_kb_intervals_agree(lo, hi, lo2, hi2));
  td_kb_interval("at_most", 50, 0, 0, &lo, &hi);
  td_kb_interval("at_least", 60, 0, 0, &lo2, &hi2);
  CHECK(!td_kb_intervals_agree(lo, hi, lo2, hi2));
  td_kb_interval(NULL, 5, 0, 0, &lo, &hi); /* no qualifier: a point */
  CHECK(lo == 5 && hi == 5);
}

static long count(td_kb *kb, const char *sql) {
  sqlite3_stmt *st;
  long n = -1;
  if (sqlite3_prepare_v2(kb->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
  if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

/* A small tidings/1 record: text t, doc id, url, one claim of value (its
 * qualifier, unit and measure) by claimant about the North Korean troops. */
static char *record_of(const char *id, const char *url, const char *text, const char *claimant,
                       const char *qual, double value, const char *unit, const char *measure) {
  char key[65];
  td_sha256_hex(text, strlen(text), key);
  td_buf b = {0};
  td_buf_printf(&b,
                "{\"schema\":\"tidings/1\",\"doc\":{\"id\":\"%s\",\"source\":\"Wire\",\"url\":%s%s%s,"
                "\"title\":null,\"date\":\"2024-11-01\",\"date_from\":\"input\",\"lang\":\"en\","
                "\"sha256\":\"%s\",\"input_sha256\":\"%s\"},\"text\":\"%s\",\"sentences\":[[0,%zu]],"
                "\"actors\":[{\"id\":\"a1\",\"entity\":\"%s\",\"name\":\"%s\",\"kind\":\"organization\","
                "\"code\":\"USAGOV\",\"country\":\"USA\",\"sector\":null,\"role\":null,\"role_past\":false,"
                "\"known\":true,\"mentions\":[[0,3]]},{\"id\":\"a2\",\"entity\":\"prk-mil\",\"name\":\"North"
                " Korean troops\",\"kind\":\"group\",\"code\":\"PRKMIL\",\"country\":\"PRK\",\"sector\":null,"
                "\"role\":null,\"role_past\":false,\"known\":true,\"mentions\":[[4,8]]}],"
                "\"places\":[],\"times\":[],\"quotes\":[],\"quantities\":[{\"id\":\"n1\",\"text\":\"x\","
                "\"value\":%g,\"value_max\":null,\"qualifier\":\"%s\",\"unit\":\"%s\",\"measure\":"
                "\"%s\",\"status\":\"actual\",\"about\":\"a2\",\"claimed_by\":\"a1\","
                "\"claimed_by_text\":null,\"time\":null,\"span\":[0,1],\"sentence\":0,\"confidence\":0.8}],"
                "\"events\":[]}",
                id, url ? "\"" : "", url ? url : "null", url ? "\"" : "", key, key, text, strlen(text),
                claimant, claimant, value, qual, unit, measure);
  return td_buf_detach(&b, NULL);
}

static char *record(const char *id, const char *url, const char *text, const char *claimant,
                    const char *qual, double value) {
  return record_of(id, url, text, claimant, qual, value, "troops", "troops deployed");
}

TD_TEST(kb_idempotent_and_replace) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  td_kb_stats st = {0};
  char *r1 = record("d1", "http://a/1", "The White House said at least 3,000 troops.", "white-house", "at_least", 3000);
  char *r2 = record("d2", "http://b/2", "Seoul said around 3,000 troops had been sent.", "kor-spy", "about", 3000);
  CHECK(td_kb_add_json(kb, r1, strlen(r1), &st, err, sizeof err) == 0);
  CHECK(td_kb_add_json(kb, r2, strlen(r2), &st, err, sizeof err) == 0);
  CHECK(td_kb_add_json(kb, r1, strlen(r1), &st, err, sizeof err) == 0); /* again */
  CHECK(st.added == 2 && st.unchanged == 1);
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM documents") == 2);
  CHECK(count(kb, "SELECT count(*) FROM quantities") == 2);
  CHECK(count(kb, "SELECT count(DISTINCT group_key) FROM m_claims") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='agree'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity='prk-mil' AND num_articles=2") == 1);
  /* the article at http://a/1 changes: its old facts go */
  char *r3 = record("d1", "http://a/1", "The White House said at least 8,000 troops.", "white-house", "at_least", 8000);
  CHECK(td_kb_add_json(kb, r3, strlen(r3), &st, err, sizeof err) == 0);
  CHECK(st.replaced == 1);
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM documents") == 2);
  CHECK(count(kb, "SELECT count(*) FROM quantities WHERE value=3000") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == 1);
  /* v7 keeps no table of min-hash bands: the merge computes them */
  CHECK(count(kb, "SELECT count(*) FROM sqlite_master WHERE name='doc_bands'") == 0);
  CHECK(td_kb_add_json(kb, "{\"doc\":{}}", 10, &st, err, sizeof err) == -1); /* not a record */
  CHECK(td_kb_add_json(kb, "{", 1, &st, err, sizeof err) == -1);
  td_kb_close(kb);
  /* reopened read-only: the schema version is there */
  kb = td_kb_open(path, 1, err, sizeof err);
  CHECK(kb != NULL);
  if (kb) CHECK(count(kb, "SELECT value FROM meta WHERE key='schema_version'") == TD_KB_SCHEMA_VERSION);
  td_kb_close(kb);
  free(r1), free(r2), free(r3);
  CHECK(td_testkb_remove(dir) == 0);
}

/* An article (id, text, its sentences as JSON) with two figures of unit
 * and measure by two claimants: 14 by "officials" at [15, 17) in sentence
 * 0, and v2 by who2 at [s2, s2 + 2) in sentence n2. */
/* A record's opening up to its "sentences" (a dated Wire article keyed
 * by the hash of keyed, which is its text unless two records share one). */
static void record_head(td_buf *b, const char *id, const char *keyed, const char *text, const char *sents) {
  char key[65];
  td_sha256_hex(keyed, strlen(keyed), key);
  td_buf_printf(b,
                "{\"schema\":\"tidings/1\",\"doc\":{\"id\":\"%s\",\"source\":\"Wire\",\"url\":null,"
                "\"title\":null,\"date\":\"2024-11-01\",\"date_from\":\"input\",\"lang\":\"en\","
                "\"sha256\":\"%s\",\"input_sha256\":\"%s\"},\"text\":\"%s\",\"sentences\":%s,",
                id, key, key, text, sents);
}

static char *figures(const char *id, const char *text, const char *sents, const char *unit,
                     const char *measure, int v2, const char *who2, int s2, int n2, const char *qtext) {
  char body[256];
  snprintf(body, sizeof body, "%s%d", text, v2);
  td_buf b = {0};
  record_head(&b, id, body, text, sents);
  td_buf_puts(&b, "\"actors\":[],\"places\":[],\"times\":[],\"quotes\":[],\"quantities\":[");
  for (int i = 0; i < 2; i++)
    td_buf_printf(&b,
                  "%s{\"id\":\"n%d\",\"text\":\"%d%s\",\"value\":%d,\"value_max\":null,\"qualifier\":"
                  "\"exact\",\"unit\":\"%s\",\"measure\":\"%s\",\"status\":\"actual\",\"about\":null,"
                  "\"claimed_by\":null,\"claimed_by_text\":\"%s\",\"time\":null,\"span\":[%d,%d],"
                  "\"sentence\":%d,\"confidence\":0.8}",
                  i ? "," : "", i + 1, i ? v2 : 14, qtext, i ? v2 : 14, unit, measure, i ? who2 : "officials", i ? s2 : 15,
                  i ? s2 + 2 : 17, i ? n2 : 0);
  td_buf_puts(&b, "],\"events\":[]}");
  return td_buf_detach(&b, NULL);
}

/* A new store in dir (a mkdtemp template) holding the n records r,
 * merged; NULL, a check failed, when it cannot be made. */
static td_kb *merged_store(int *td_failed_, char *dir, char *const *r, int n) {
  char path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return NULL;
  for (int i = 0; i < n; i++) CHECK(td_kb_add_json(kb, r[i], strlen(r[i]), NULL, err, sizeof err) == 0);
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  return kb;
}

/* One article with two figures of one measure by two claimants, in the
 * same sentence and about nothing named: troops are compared (they
 * disagree), shares and sums of money are not (two answers of a poll, two
 * sums): a currency is one the units table of the resource image names,
 * by a money row's name ("kronor") or one of its words ("roubles", of the
 * row "rubles"), which the built-in table does not know. */
static char *two_figures(const char *measure) {
  char id[32];
  snprintf(id, sizeof id, "p-%s", measure);
  return figures(id, "Officials said 14 and 39 of them would go.", "[[0,42]]", measure, measure, 39, "a poll",
                 18, 0, "");
}

TD_TEST(kb_claims_bare_measures) {
  static const char *const measures[] = {"troops", "percent", "kronor", "roubles", "reais"};
  for (int m = 0; m < 5; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX";
    char *r = two_figures(measures[m]);
    td_kb *kb = merged_store(td_failed_, dir, &r, 1);
    if (!kb) {
      free(r);
      return;
    }
    CHECK(count(kb, "SELECT count(*) FROM m_claims") == 2);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == (m ? 0 : 1));
    td_kb_close(kb);
    free(r);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* A vague amount ("thousands of troops", 2,000 to 20,000) and a figure of
 * another order (14) are two counts, not a disagreement; with a figure it
 * covers (3,000) it agrees. */
TD_TEST(kb_claims_vague_other_order) {
  static const double v[] = {14, 3000};
  for (int m = 0; m < 2; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX";
    char *r[2] = {record_of("v1", NULL, "The bank said troops were sent.", "bank", "exact", v[m], "troops",
                            "troops deployed"),
                  record_of("v2", NULL, "The envoy said thousands of troops went.", "envoy", "vague", 2000, "troops",
                            "troops deployed")};
    td_kb *kb = merged_store(td_failed_, dir, r, 2);
    if (!kb) {
      for (int i = 0; i < 2; i++) free(r[i]);
      return;
    }
    CHECK(count(kb, "SELECT count(*) FROM m_claims") == 2);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == 0);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='agree'") == m);
    td_kb_close(kb);
    for (int i = 0; i < 2; i++) free(r[i]);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* Two figures of one claimant in one sentence ("Officials said 14 and 39
 * troops would go") are two counts, in two groups; the same figure again
 * is one. */
TD_TEST(kb_claims_one_claimant_one_sentence) {
  static const int v2[] = {39, 14};
  for (int m = 0; m < 2; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX";
    char *r = figures("one", "Officials said 14 and 39 troops would go.", "[[0,41]]", "troops", "troops", v2[m],
                      "officials", 18, 0, " troops");
    td_kb *kb = merged_store(td_failed_, dir, &r, 1);
    if (!kb) {
      free(r);
      return;
    }
    CHECK(count(kb, "SELECT count(*) FROM m_claims") == 2);
    CHECK(count(kb, "SELECT count(DISTINCT group_key) FROM m_claims") == (m ? 1 : 2));
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations") == 0);
    td_kb_close(kb);
    free(r);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* Two figures of troops from two claimants six sentences apart in one
 * article (dated, but no claim names its own time): not compared, unless
 * it is the same figure again. */
static char *far_figures(int v2) {
  char id[32];
  snprintf(id, sizeof id, "far-%d", v2);
  return figures(id, "Officials said 14 went. A. B. C. D. E. The army said 39 went.",
                 "[[0,23],[24,26],[27,29],[30,32],[33,35],[36,38],[39,61]]", "troops", "troops deployed", v2,
                 "the army", 52, 6, "");
}

/* Parts of one group ("14 of the troops", "39 of the troops") in one
 * sentence by two claimants: other parts, not figures that disagree. */
TD_TEST(kb_claims_partitive) {
  char dir[] = "/tmp/td_kb_testXXXXXX";
  char *r = figures("part", "Officials said 14 and 39 of the troops would go.", "[[0,49]]", "troops", "troops",
                    39, "a poll", 18, 0, " of the troops");
  td_kb *kb = merged_store(td_failed_, dir, &r, 1);
  if (!kb) {
    free(r);
    return;
  }
  CHECK(count(kb, "SELECT count(*) FROM m_claims") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_claim_relations") == 0);
  CHECK(count(kb, "SELECT count(DISTINCT group_key) FROM m_claims") == 2);
  td_kb_close(kb);
  free(r);
  CHECK(td_testkb_remove(dir) == 0);
}

/* Counts of others ("39 other troops", "39 more troops") say nothing of
 * the figure a claimant gives for the first ones; "or more" and "more
 * than" only bound a figure, which may disagree. */
TD_TEST(kb_claims_additive) {
  static const struct {
    const char *qtext;
    int relations;
  } cases[] = {{" other troops", 0}, {" more troops", 0}, {" further troops", 0},
               {" or more troops", 1}, {" troops", 1}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char dir[] = "/tmp/td_kb_testXXXXXX";
    char *r = figures("add", "Officials said 14 and 39 troops would go.", "[[0,41]]", "troops", "troops", 39,
                      "a poll", 18, 0, cases[i].qtext);
    td_kb *kb = merged_store(td_failed_, dir, &r, 1);
    if (!kb) {
      free(r);
      return;
    }
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations") == cases[i].relations);
    td_kb_close(kb);
    free(r);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

TD_TEST(kb_claims_far_apart) {
  static const int v2[] = {39, 14};
  for (int m = 0; m < 2; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX";
    char *r = far_figures(v2[m]);
    td_kb *kb = merged_store(td_failed_, dir, &r, 1);
    if (!kb) {
      free(r);
      return;
    }
    CHECK(count(kb, "SELECT count(*) FROM m_claims") == 2);
    CHECK(count(kb, "SELECT count(DISTINCT group_key) FROM m_claims") == (m ? 1 : 2));
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == 0);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='agree'") == (m ? 1 : 0));
    td_kb_close(kb);
    free(r);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* The record undated: its date becomes null (padded with blanks). */
static char *undated(char *r) {
  char *at = strstr(r, "\"date\":\"2024-11-01\"");
  if (at) memcpy(at, "\"date\":null        ", 19);
  return r;
}

/* s with its first `from` replaced by `to` (the caller frees it). */
static char *replaced(char *s, const char *from, const char *to) {
  char *at = strstr(s, from);
  if (!at) return s;
  td_buf b = {0};
  td_buf_printf(&b, "%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
  free(s);
  return td_buf_detach(&b, NULL);
}

/* In an undated article, a count of what is that names its year ("14 went
 * in 2004") and one that names none are two counts, not two figures of one
 * ("IBM was granted 3,248 patents in 2004", "IBM has received 25,772 US
 * patents in that period"), unless the figure is the same again; forecasts
 * are still compared (a forecast's year is often when it was made). */
TD_TEST(kb_claims_named_year_and_none) {
  static const int v2[] = {39, 39, 14};
  for (int m = 0; m < 3; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX", id[32];
    snprintf(id, sizeof id, "year-%d", m);
    char *r = figures(id, "Officials said 14 went in 2004. The army said 39 went.", "[[0,31],[32,54]]", "troops",
                      "troops deployed", v2[m], "the army", 46, 1, "");
    r = undated(r);
    r = replaced(r, "\"times\":[]",
                 "\"times\":[{\"id\":\"t1\",\"text\":\"2004\",\"type\":\"DATE\",\"value\":\"2004\",\"span\":[26,30]}]");
    r = replaced(r, "\"time\":null", "\"time\":\"t1\"");
    if (m == 1) {
      r = replaced(r, "\"status\":\"actual\"", "\"status\":\"expected\"");
      r = replaced(r, "\"status\":\"actual\"", "\"status\":\"expected\"");
    }
    td_kb *kb = merged_store(td_failed_, dir, &r, 1);
    if (!kb) {
      free(r);
      return;
    }
    CHECK(count(kb, "SELECT count(*) FROM m_claims WHERE frame='2004'") == 1);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == (m == 1));
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='agree'") == (m == 2));
    td_kb_close(kb);
    free(r);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* An open bound and a figure of another order beyond it are two counts
 * ("at least four classified emails" and "600-700 emails"): at least 14
 * and 650 say nothing of each other, at least 14 and 39 agree. */
TD_TEST(kb_claims_far_bound) {
  static const int v2[] = {650, 39};
  for (int m = 0; m < 2; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX", id[32];
    snprintf(id, sizeof id, "bound-%d", m);
    char *r = figures(id, "Officials said at least 14 went, the army said 39.", "[[0,50]]", "troops",
                      "troops deployed", v2[m], "the army", 47, 0, "");
    r = replaced(r, "\"qualifier\":\"exact\"", "\"qualifier\":\"at_least\"");
    td_kb *kb = merged_store(td_failed_, dir, &r, 1);
    if (!kb) {
      free(r);
      return;
    }
    CHECK(count(kb, "SELECT count(*) FROM m_claims WHERE qualifier='at_least'") == 1);
    CHECK(count(kb, "SELECT count(DISTINCT group_key) FROM m_claims") == (m ? 1 : 2));
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='agree'") == m);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == 0);
    td_kb_close(kb);
    free(r);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* Figures of one subject in two undated articles of two stories are not
 * compared, unless it is the same figure again: with no date and no story
 * to say so, "8,000 troops" and "3,000 troops" are mostly two counts. */
TD_TEST(kb_claims_undated_articles_of_two_stories) {
  static const int v1[] = {8000, 3000};
  for (int m = 0; m < 2; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256], t1[64];
    td_kb *kb = td_testkb_new(dir, path, sizeof path);
    CHECK(kb != NULL);
    if (!kb) return;
    snprintf(t1, sizeof t1, "The White House said at least %d troops.", v1[m]);
    char *r1 = undated(record("u1", NULL, t1, "white-house", "at_least", v1[m]));
    char *r2 = undated(record("u2", NULL, "Seoul said around 3,000 troops had been sent.", "kor-spy", "about", 3000));
    CHECK(strstr(r1, "\"date\":null") != NULL);
    CHECK(td_kb_add_json(kb, r1, strlen(r1), NULL, err, sizeof err) == 0);
    CHECK(td_kb_add_json(kb, r2, strlen(r2), NULL, err, sizeof err) == 0);
    CHECK(td_kb_merge(kb, err, sizeof err) == 0);
    CHECK(count(kb, "SELECT count(DISTINCT story_key) FROM m_story_docs") == 2);
    CHECK(count(kb, "SELECT count(DISTINCT group_key) FROM m_claims") == (m ? 1 : 2));
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == 0);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='agree'") == (m ? 1 : 0));
    td_kb_close(kb);
    free(r1), free(r2);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* An article naming the people e0..e(n-1), each an actor of its own. */
static char *people_record(const char *id, int n) {
  char text[64], sents[32];
  snprintf(text, sizeof text, "Story %s names %d people.", id, n);
  snprintf(sents, sizeof sents, "[[0,%zu]]", strlen(text));
  td_buf b = {0};
  record_head(&b, id, text, text, sents);
  td_buf_puts(&b, "\"actors\":[");
  for (int i = 0; i < n; i++)
    td_buf_printf(&b,
                  "%s{\"id\":\"a%d\",\"entity\":\"%s%d\",\"name\":\"P%d\",\"kind\":\"person\",\"code\":null,"
                  "\"country\":null,\"sector\":null,\"role\":null,\"role_past\":false,\"known\":false,"
                  "\"mentions\":[[0,5]]}",
                  i ? "," : "", i + 1, i < 2 ? "e" : id, i, i);
  td_buf_puts(&b, "],\"places\":[],\"times\":[],\"quotes\":[],\"quantities\":[],\"events\":[]}");
  return td_buf_detach(&b, NULL);
}

/* Stories: two short articles naming the same two people are one story; a
 * long article that names them among ten others is not theirs (the links
 * of a short article to every long one that names the same few chained
 * unrelated articles into one story). */
TD_TEST(kb_story_links_need_a_share_of_both) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  char *r[3] = {people_record("sa", 2), people_record("sb", 3), people_record("sc", 12)};
  for (int i = 0; i < 3; i++) CHECK(td_kb_add_json(kb, r[i], strlen(r[i]), NULL, err, sizeof err) == 0);
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_stories") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_stories WHERE num_articles = 2") == 1);
  td_kb_close(kb);
  for (int i = 0; i < 3; i++) free(r[i]);
  CHECK(td_testkb_remove(dir) == 0);
}

/* An age ("The envoy, 61, said it") is no claim, nor a count of decades,
 * nor a poll's sample size (of people or firms); troops are. */
TD_TEST(kb_ages_are_no_claims) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  td_kb_stats st = {0};
  char *r[5] = {record_of("d1", NULL, "The envoy, 61, said it.", "envoy", "exact", 61, "years old", "years old"),
                record_of("d2", NULL, "The envoy said two decades.", "envoy", "exact", 2, "decades", "decades"),
                record_of("d3", NULL, "The bank said 2,000 troops were sent.", "bank", "about", 2000, "troops",
                          "troops deployed"),
                record_of("d4", NULL, "The envoy said 1,850 were polled.", "envoy", "exact", 1850, "people",
                          "people polled"),
                record_of("d5", NULL, "The envoy said 5,196 firms were surveyed.", "envoy", "exact", 5196, "firms",
                          "firms polled")};
  for (int i = 0; i < 5; i++) CHECK(td_kb_add_json(kb, r[i], strlen(r[i]), &st, err, sizeof err) == 0);
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_claims WHERE measure IN ('years old', 'decades', 'people polled', 'firms polled')") == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_claims WHERE measure='troops deployed'") == 1);
  td_kb_close(kb);
  for (int i = 0; i < 5; i++) free(r[i]);
  CHECK(td_testkb_remove(dir) == 0);
}

/* Facts are bound from one pass over each object's members: fields in any
 * order, repeated keys (the last counts, as td_jv_get reads them), absent
 * fields and wrong types (NULL), and the sentence of a span. The full-text
 * tables buffer a batch (hashsize set once). */
TD_TEST(kb_fact_members) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  static const char text[] = "One two three. Four five six.";
  char key[65];
  td_sha256_hex(text, strlen(text), key);
  td_buf b = {0};
  td_buf_printf(&b,
                "{\"schema\":\"tidings/1\",\"doc\":{\"id\":\"m1\",\"sha256\":\"%s\"},\"text\":\"%s\","
                "\"sentences\":[[0,14],[15,29]],"
                "\"actors\":[{\"name\":\"First\",\"id\":\"a1\",\"name\":\"Last\",\"kind\":7,\"known\":true,"
                "\"role_past\":1.5,\"mentions\":[[15,19]],\"extra\":{\"name\":\"no\"}}],"
                "\"times\":[{\"id\":\"t1\",\"span\":[16,20],\"text\":\"four\"},{\"span\":[1],\"id\":\"t2\"},"
                "{\"id\":\"t3\",\"span\":[0,3],\"span\":\"x\"}],"
                "\"events\":[{\"confidence\":0.5,\"span\":[4,7],\"id\":\"e1\",\"cameo\":\"042\"}]}",
                key, text);
  td_kb_stats st = {0};
  CHECK(td_kb_add_json(kb, b.ptr, b.len, &st, err, sizeof err) == 0);
  CHECK(td_kb_commit(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM actors WHERE aid='a1' AND name='Last' AND kind IS NULL"
                  " AND known=1 AND role_past IS NOT NULL AND entity IS NULL") == 1);
  CHECK(count(kb, "SELECT count(*) FROM actor_mentions WHERE aid='a1' AND start=15 AND sentence=1") == 1);
  CHECK(count(kb, "SELECT count(*) FROM times WHERE tid='t1' AND start=16 AND end=20 AND sentence=1"
                  " AND text='four'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM times WHERE tid='t2' AND start IS NULL AND sentence=-1") == 1);
  CHECK(count(kb, "SELECT count(*) FROM times WHERE tid='t3' AND start IS NULL AND sentence=-1") == 1);
  CHECK(count(kb, "SELECT count(*) FROM events WHERE eid='e1' AND start=4 AND end=7 AND cameo='042'"
                  " AND confidence=0.5 AND root IS NULL") == 1);
  CHECK(count(kb, "SELECT count(*) FROM documents_fts_config WHERE k='hashsize' AND v=67108864") == 1);
  CHECK(count(kb, "SELECT count(*) FROM quotes_fts_config WHERE k='hashsize' AND v=67108864") == 1);
  td_kb_close(kb);
  td_buf_free(&b);
  CHECK(td_testkb_remove(dir) == 0);
}

/* GDELT's geography columns take FIPS 10-4 codes: those that differ from
 * ISO's two letters are the point of the table. */
TD_TEST(kb_fips) {
  CHECK(strcmp(td_kb_fips("RUS"), "RS") == 0);
  CHECK(strcmp(td_kb_fips("SRB"), "RI") == 0);
  CHECK(strcmp(td_kb_fips("GBR"), "UK") == 0);
  CHECK(strcmp(td_kb_fips("KOR"), "KS") == 0);
  CHECK(strcmp(td_kb_fips("PRK"), "KN") == 0);
  CHECK(strcmp(td_kb_fips("DEU"), "GM") == 0);
  CHECK(strcmp(td_kb_fips("USA"), "US") == 0);
  CHECK(strcmp(td_kb_fips("ABW"), "AA") == 0); /* the first and last of the table */
  CHECK(strcmp(td_kb_fips("ZWE"), "ZI") == 0);
  CHECK(td_kb_fips("XYZ") == NULL);
  CHECK(td_kb_fips("RU") == NULL);
  CHECK(td_kb_fips(NULL) == NULL);
}

TD_TEST(kb_readonly_missing) {
  char err[256];
  CHECK(td_kb_open("/nonexistent/dir/kb.db", 1, err, sizeof err) == NULL);
  CHECK(td_kb_open("postgresql://localhost/x", 0, err, sizeof err) == NULL);
}

/* issue 9: watch rules parse, and bad ones are refused with the line */
TD_TEST(kb_rules_parse) {
  char err[256];
  td_kb_rules *r = td_kb_rules_parse("# comment\n\nevent source=PRK target=RUS  # trailing\n"
                                     "quote speaker=\"Kim Jong-un\"\nclaim disagrees\nevent root=19\n",
                                     err, sizeof err);
  CHECK(r != NULL);
  td_kb_rules_free(r);
  CHECK(td_kb_rules_parse("event sauce=PRK\n", err, sizeof err) == NULL);
  CHECK(strstr(err, "line 1") != NULL);
  CHECK(td_kb_rules_parse("claim\n", err, sizeof err) == NULL); /* agrees or disagrees */
  CHECK(td_kb_rules_parse("poem about troops\n", err, sizeof err) == NULL);
  CHECK(td_kb_rules_parse("# nothing\n", err, sizeof err) == NULL);
}

/* issue 9: near-duplicate texts (the same wire story on two sites, one
 * word changed) are one version group; another text is not. The merge
 * finds the candidates by min-hash bands computed from documents.minhash. */
TD_TEST(kb_near_duplicates) {
  char dir[] = "/tmp/td_kb_nearXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  const char *base = "Ministers from the two coastal states agreed on Friday to run joint patrols in"
                     " the disputed fishing zone after months of talks, officials said, adding that"
                     " the first ships would sail next week from the northern port and that both"
                     " navies would share radar data and a hotline for incidents at sea during the"
                     " season, which opens in April and closes in late October every year";
  char t2[1024];
  snprintf(t2, sizeof t2, "%s.", base); /* one byte more: another text, nearly the same */
  char *r1 = record("a1", "http://a.example/1", base, "white-house", "at_least", 3000);
  char *r2 = record("b7", "http://b.example/7", t2, "white-house", "at_least", 3000);
  char *r3 = record("c2", "http://c.example/2", "Seoul said around 3,000 troops had been sent to the"
                    " front by the end of the month.", "kor-spy", "about", 3000);
  CHECK(td_kb_add_json(kb, r1, strlen(r1), NULL, err, sizeof err) == 0);
  CHECK(td_kb_add_json(kb, r2, strlen(r2), NULL, err, sizeof err) == 0);
  CHECK(td_kb_add_json(kb, r3, strlen(r3), NULL, err, sizeof err) == 0);
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM documents") == 3);
  CHECK(count(kb, "SELECT count(*) FROM m_versions WHERE reason='near-duplicate'") == 1);
  CHECK(count(kb, "SELECT count(DISTINCT group_key) FROM m_versions") == 2);
  td_kb_close(kb);
  free(r1), free(r2), free(r3);
  CHECK(td_testkb_remove(dir) == 0);
}

/* A v7 store back in v6's shape, rows kept: the packed sentences and
 * mentions as the tables they were. */
#define UNDO_PACK(T, ID)                                                                       \
  "CREATE TABLE u_" T " AS SELECT * FROM " T "_mentions; DROP VIEW " T "_mentions;"            \
  " CREATE TABLE " T "_mentions(doc_key TEXT NOT NULL, " ID " TEXT NOT NULL, start INTEGER,"   \
  " end INTEGER, sentence INTEGER); INSERT INTO " T "_mentions SELECT * FROM u_" T ";"          \
  " DROP TABLE u_" T "; ALTER TABLE " T "s DROP COLUMN mentions;"
static const char undo_v7[] =
    "CREATE TABLE u_s AS SELECT * FROM sentences; DROP VIEW sentences;"
    " CREATE TABLE sentences(doc_key TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER,"
    " end INTEGER, PRIMARY KEY(doc_key, idx)) WITHOUT ROWID; INSERT INTO sentences SELECT * FROM u_s;"
    " DROP TABLE u_s; ALTER TABLE documents DROP COLUMN sentences;" UNDO_PACK("actor", "aid")
        UNDO_PACK("place", "pid") " UPDATE meta SET value='6' WHERE key='schema_version';";

/* issue 9: v7 packs sentences and mentions into their rows; a v6 store's
 * rows move there and read back the same through the views */
TD_TEST(kb_migrate_v7) {
  char dir[] = "/tmp/td_kb_v7XXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  char *r1 = record("d1", "http://a/1", "The White House said at least 3,000 troops.", "white-house", "at_least", 3000);
  CHECK(td_kb_add_json(kb, r1, strlen(r1), NULL, err, sizeof err) == 0);
  CHECK(td_kb_commit(kb, err, sizeof err) == 0);
  const char *rows = "SELECT (SELECT count(*) FROM sentences) * 100 + (SELECT count(*) FROM actor_mentions) * 10"
                     " + (SELECT count(*) FROM place_mentions)";
  long before = count(kb, rows);
  CHECK(before > 100);
  CHECK(count(kb, "SELECT count(*) FROM actor_mentions WHERE sentence >= 0") > 0);
  CHECK(td_kb_exec(kb, undo_v7, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM sqlite_master WHERE type='view'") == 0);
  CHECK(count(kb, rows) == before);
  td_kb_close(kb);
  kb = td_kb_open(path, 0, err, sizeof err);
  CHECK(kb != NULL);
  if (!kb) return;
  CHECK(count(kb, "SELECT value FROM meta WHERE key='schema_version'") == TD_KB_SCHEMA_VERSION);
  CHECK(count(kb, "SELECT count(*) FROM sqlite_master WHERE type='view'") == 3);
  CHECK(count(kb, rows) == before);
  CHECK(count(kb, "SELECT count(*) FROM actor_mentions WHERE sentence >= 0") > 0);
  td_kb_close(kb);
  free(r1);
  CHECK(td_testkb_remove(dir) == 0);
}

/* issue 9 (v8): a document's full-text rows are found, and deleted, by
 * the index of their doc_key; a store whose tables are from before v8
 * (doc_key UNINDEXED) has them made again, rows kept, when it is opened for
 * writing, and searches them as before; (v9) documents_fts then reads its
 * text from documents, and stays consistent with it (FTS5's integrity
 * check) when a new version replaces a document */
TD_TEST(kb_fts_by_key) {
  char dir[] = "/tmp/td_kb_ftsXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  const char *t1 = "The White House said at least 3,000 zebras.";
  char k1[65], q[300];
  td_sha256_hex(t1, strlen(t1), k1);
  char *r1 = record("d1", "http://a/1", t1, "white-house", "at_least", 3000);
  char *r2 = record("d2", "http://b/2", "Seoul said around 3,000 troops had been sent.", "kor-spy", "about", 3000);
  CHECK(td_kb_add_json(kb, r1, strlen(r1), NULL, err, sizeof err) == 0);
  CHECK(td_kb_add_json(kb, r2, strlen(r2), NULL, err, sizeof err) == 0);
  CHECK(td_kb_commit(kb, err, sizeof err) == 0);
  snprintf(q, sizeof q, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'doc_key : \"%s\"'", k1);
  CHECK(count(kb, q) == 1);
  const char *old_shape = "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%doc_key UNINDEXED%'";
  const char *external = "SELECT count(*) FROM sqlite_master WHERE name = 'documents_fts'"
                         " AND sql LIKE '%content=''documents''%'";
  const char *check = "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)";
  CHECK(count(kb, old_shape) == 0);
  CHECK(count(kb, external) == 1);
  /* the tables as v7 made them, with their rows */
  CHECK(td_kb_exec(kb, "CREATE VIRTUAL TABLE d7 USING fts5(doc_key UNINDEXED, title, text);"
                       " INSERT INTO d7(rowid, doc_key, title, text) SELECT rowid, doc_key, title, text FROM documents_fts;"
                       " DROP TABLE documents_fts; ALTER TABLE d7 RENAME TO documents_fts;"
                       " DROP TABLE quotes_fts;"
                       " CREATE VIRTUAL TABLE quotes_fts USING fts5(doc_key UNINDEXED, qid UNINDEXED, text);"
                       " UPDATE meta SET value='7' WHERE key='schema_version'", err, sizeof err) == 0);
  CHECK(count(kb, old_shape) == 2);
  CHECK(count(kb, external) == 0);
  CHECK(count(kb, q) == 0); /* (an unindexed column matches nothing) */
  td_kb_close(kb);
  kb = td_kb_open(path, 0, err, sizeof err);
  CHECK(kb != NULL);
  if (!kb) return;
  CHECK(count(kb, "SELECT value FROM meta WHERE key='schema_version'") == TD_KB_SCHEMA_VERSION);
  CHECK(count(kb, old_shape) == 0);
  CHECK(count(kb, external) == 1);
  CHECK(td_kb_exec(kb, check, err, sizeof err) == 0);
  CHECK(count(kb, q) == 1);
  CHECK(count(kb, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'zebras'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM documents_fts_config WHERE k='hashsize' AND v=67108864") == 1);
  /* a new version of http://a/1 takes the old one's rows out */
  char *r3 = record("d1", "http://a/1", "The White House said at least 8,000 troops.", "white-house", "at_least", 8000);
  CHECK(td_kb_add_json(kb, r3, strlen(r3), NULL, err, sizeof err) == 0);
  CHECK(td_kb_commit(kb, err, sizeof err) == 0);
  CHECK(count(kb, q) == 0);
  CHECK(count(kb, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'zebras'") == 0);
  CHECK(count(kb, "SELECT count(*) FROM documents_fts") == 2);
  CHECK(td_kb_exec(kb, check, err, sizeof err) == 0);
  td_kb_close(kb);
  free(r1), free(r2), free(r3);
  CHECK(td_testkb_remove(dir) == 0);
}

/* issue 9: the synthetic events of make bench, and schema migrations from v1 */
TD_TEST(kb_synth_and_migrate) {
  char dir[] = "/tmp/td_kb_synthXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  CHECK(td_kb_synth_events(kb, 2000, 7, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_events") == 2000);
  CHECK(count(kb, "SELECT count(*) FROM m_event_mentions") == 2000);
  CHECK(count(kb, "SELECT count(*) FROM documents") == 500);
  CHECK(count(kb, "SELECT count(*) FROM sqlite_master WHERE name='m_events_root'") == 1); /* made again */
  /* pretend the store is v1: reopening migrates it */
  CHECK(td_kb_exec(kb, undo_v7, err, sizeof err) == 0);
  CHECK(td_kb_exec(kb, "DROP TABLE inputs; DROP INDEX m_event_mentions_doc;"
                       " UPDATE meta SET value='1' WHERE key='schema_version'", err, sizeof err) == 0);
  td_kb_close(kb);
  kb = td_kb_open(path, 0, err, sizeof err);
  CHECK(kb != NULL);
  if (!kb) return;
  CHECK(count(kb, "SELECT value FROM meta WHERE key='schema_version'") == TD_KB_SCHEMA_VERSION);
  CHECK(count(kb, "SELECT count(*) FROM inputs") == 0);
  CHECK(td_kb_merge_needed(kb) == 1);
  td_kb_close(kb);
  CHECK(td_testkb_remove(dir) == 0);
}

/* issue 9: a first ingest stores without the indexes nothing reads while
 * storing and builds them at its end; an ingest killed before that gets
 * them back when the store is next opened for writing */
TD_TEST(kb_bulk_indexes) {
  char dir[] = "/tmp/td_kb_bulkXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  const char *idx = "SELECT count(*) FROM sqlite_master WHERE name IN ('actors_entity', 'places_name',"
                    " 'inputs_doc')";
  CHECK(count(kb, idx) == 3);
  CHECK(td_kb_bulk_begin(kb, err, sizeof err) == 0);
  CHECK(count(kb, idx) == 0);
  char *r1 = record("d1", "http://a/1", "The White House said at least 3,000 troops.", "white-house", "at_least", 3000);
  char *r2 = record("d2", "http://b/2", "Seoul said around 3,000 troops had been sent.", "kor-spy", "about", 3000);
  CHECK(td_kb_add_json(kb, r1, strlen(r1), NULL, err, sizeof err) == 0);
  CHECK(td_kb_add_json(kb, r2, strlen(r2), NULL, err, sizeof err) == 0);
  CHECK(count(kb, idx) == 0);
  /* a new version of http://a/1: deleting the old one brings the indexes back */
  char *r3 = record("d1", "http://a/1", "The White House said at least 8,000 troops.", "white-house", "at_least", 8000);
  CHECK(td_kb_add_json(kb, r3, strlen(r3), NULL, err, sizeof err) == 0);
  CHECK(count(kb, idx) == 3);
  CHECK(count(kb, "SELECT count(*) FROM actor_mentions") == 4);
  CHECK(td_kb_bulk_end(kb, err, sizeof err) == 0);
  CHECK(count(kb, idx) == 3);
  CHECK(count(kb, "SELECT count(*) FROM actors WHERE entity='prk-mil'") == 2);
  CHECK(count(kb, "SELECT count(*) FROM documents") == 2);
  CHECK(td_kb_bulk_begin(kb, err, sizeof err) == 0); /* not empty now: nothing dropped */
  CHECK(count(kb, idx) == 3);
  CHECK(td_kb_exec(kb, "DROP INDEX actors_entity; DROP INDEX places_name", err, sizeof err) == 0);
  td_kb_close(kb); /* as if killed before the end */
  kb = td_kb_open(path, 0, err, sizeof err);
  CHECK(kb != NULL);
  if (kb) CHECK(count(kb, idx) == 3);
  td_kb_close(kb);
  free(r1), free(r2), free(r3);
  CHECK(td_testkb_remove(dir) == 0);
}

/* The store's JSON reader: values, escapes, UTF-8, and errors. */
TD_TEST(kb_json_reader) {
  td_arena a;
  td_arena_init(&a);
  char err[128];
  static const char text[] =
      " {\"doc\": {\"id\": \"a\\\"b\\u00e9\\ud83d\\ude00\", \"n\": -12, \"x\": 2.5e1, \"t\": true},"
      " \"list\": [[1, 2], [], {}], \"z\": null, \"n\": 7} ";
  const td_jv *r = td_jv_parse(&a, text, sizeof text - 1, err, sizeof err);
  CHECK(r != NULL);
  if (r) {
    const td_jv *doc = td_jv_get(r, "doc");
    CHECK(strcmp(td_jv_str(td_jv_get(doc, "id")), "a\"b\xc3\xa9\xf0\x9f\x98\x80") == 0);
    CHECK(td_jv_int(td_jv_get(doc, "n")) == -12);
    CHECK(td_jv_get(doc, "x")->t == TD_JV_REAL && td_jv_get(doc, "x")->d == 25.0);
    CHECK(td_jv_int(td_jv_get(doc, "x")) == 0); /* not an integer */
    CHECK(td_jv_get(doc, "t")->t == TD_JV_TRUE);
    CHECK(td_jv_len(td_jv_get(r, "list")) == 3);
    CHECK(td_jv_int(td_jv_at(td_jv_at(td_jv_get(r, "list"), 0), 1)) == 2);
    CHECK(td_jv_at(td_jv_get(r, "list"), 3) == NULL);
    CHECK(td_jv_get(r, "z")->t == TD_JV_NULL);
    CHECK(td_jv_int(td_jv_get(r, "n")) == 7);
    CHECK(td_jv_get(r, "missing") == NULL && td_jv_str(NULL) == NULL);
  }
  static const char *const bad[] = {"", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "\"\\u0000\"", "\"\xff\"",
                                    "01", "1 2", "[1", "\"abc", "{\"a\":tru}", "\"\\ud800\""};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    CHECK(td_jv_parse(&a, bad[i], strlen(bad[i]), err, sizeof err) == NULL);
  /* deep nesting is an error, not a crash */
  char deep[2000];
  memset(deep, '[', sizeof deep);
  CHECK(td_jv_parse(&a, deep, sizeof deep, err, sizeof err) == NULL);
  td_arena_release(&a);
}

/* The PostgreSQL dialect of the store's SQL. */
TD_TEST(kb_pg_dialect) {
  int np;
  char *s = td_kb_pg_sql("INSERT OR REPLACE INTO actors(doc_key, aid, name, end) VALUES(?,?,?,?)", 0, &np);
  CHECK(np == 4);
  CHECK(strstr(s, "VALUES($1,$2,$3,$4) ON CONFLICT (doc_key, aid) DO UPDATE SET name = EXCLUDED.name,"
                  " \"end\" = EXCLUDED.\"end\"") != NULL);
  free(s);
  s = td_kb_pg_sql("INSERT OR IGNORE INTO m_claim_relations(a, b, relation) VALUES(?,?,'x?')", 0, &np);
  CHECK(np == 2 && strstr(s, "'x?') ON CONFLICT DO NOTHING") != NULL);
  free(s);
  s = td_kb_pg_sql("SELECT group_concat(x, '; ') FROM (SELECT x FROM t ORDER BY c DESC, x) AS t"
                   " WHERE a LIKE ? ORDER BY 1 LIMIT 5", 0, &np);
  CHECK(strcmp(s, "SELECT string_agg(x, '; ') FROM (SELECT x FROM t ORDER BY c DESC NULLS LAST, x NULLS FIRST)"
                  " AS t WHERE a ILIKE $1 ORDER BY 1 NULLS FIRST LIMIT 5") == 0);
  free(s);
  s = td_kb_pg_sql("CREATE TABLE m(k TEXT PRIMARY KEY, n INTEGER, r REAL, b BLOB) WITHOUT ROWID;"
                   "CREATE INDEX mp ON m(k COLLATE NOCASE)", 1, NULL);
  CHECK(strcmp(s, "CREATE TABLE m(k TEXT COLLATE \"C\" PRIMARY KEY, n BIGINT, r DOUBLE PRECISION, b BYTEA) ;"
                  "CREATE INDEX mp ON m(lower(k))") == 0);
  free(s);
}

/* Messages never show a PostgreSQL password. */
TD_TEST(kb_redact) {
  char b[256];
  CHECK(strcmp(td_kb_redact("postgresql://u:pw@h:5/db", b, sizeof b), "postgresql://u:***@h:5/db") == 0);
  CHECK(strcmp(td_kb_redact("postgres://h/db?password=x&a=1", b, sizeof b), "postgres://h/db?password=***&a=1") == 0);
  CHECK(strcmp(td_kb_redact("postgresql://u@h/db", b, sizeof b), "postgresql://u@h/db") == 0);
  CHECK(strcmp(td_kb_redact("news:db", b, sizeof b), "news:db") == 0);
}

/* Figures about two entities of one country in two articles are two
 * counts, not claims that disagree, however near their dates: "8,000
 * troops" about the army and "3,000" about the government. */
TD_TEST(kb_claims_two_entities_of_one_country) {
  for (int m = 0; m < 2; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
    td_kb *kb = td_testkb_new(dir, path, sizeof path);
    CHECK(kb != NULL);
    if (!kb) return;
    char *r1 = record("e1", NULL, "The White House said at least 8,000 troops.", "white-house", "at_least", 8000);
    char *r2 = record("e2", NULL, "Seoul said around 3,000 troops had been sent.", "kor-spy", "about", 3000);
    char *at = strstr(r2, "\"entity\":\"prk-mil\"");
    CHECK(at != NULL);
    if (at && m) memcpy(at + 14, "gov", 3); /* about the government, of North Korea too */
    CHECK(td_kb_add_json(kb, r1, strlen(r1), NULL, err, sizeof err) == 0);
    CHECK(td_kb_add_json(kb, r2, strlen(r2), NULL, err, sizeof err) == 0);
    CHECK(td_kb_merge(kb, err, sizeof err) == 0);
    CHECK(count(kb, "SELECT count(*) FROM m_claims WHERE subject = 'PRK'") == 2);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == (m ? 0 : 1));
    td_kb_close(kb);
    free(r1), free(r2);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* A vague figure again ("thousands of troops") in undated articles of two
 * stories is no claim confirmed: vague figures are the same number for
 * any count of that size. */
TD_TEST(kb_claims_vague_figures_again) {
  static const char *const qual[] = {"exact", "vague"};
  for (int m = 0; m < 2; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
    td_kb *kb = td_testkb_new(dir, path, sizeof path);
    CHECK(kb != NULL);
    if (!kb) return;
    char *r1 = undated(record("g1", NULL, "The White House said thousands of troops.", "white-house", qual[m], 2000));
    char *r2 = undated(record("g2", NULL, "Seoul said thousands of troops had been sent.", "kor-spy", qual[m], 2000));
    CHECK(td_kb_add_json(kb, r1, strlen(r1), NULL, err, sizeof err) == 0);
    CHECK(td_kb_add_json(kb, r2, strlen(r2), NULL, err, sizeof err) == 0);
    CHECK(td_kb_merge(kb, err, sizeof err) == 0);
    CHECK(count(kb, "SELECT count(DISTINCT story_key) FROM m_story_docs") == 2);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='agree'") == (m ? 0 : 1));
    td_kb_close(kb);
    free(r1), free(r2);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* Changes ("<what> change") in two articles are two stretches of time:
 * 4% and 7% of one subject in two articles of one day do not disagree,
 * where two counts of troops do (m 0); the same change again still agrees. */
TD_TEST(kb_claims_changes_of_two_articles) {
  static const char *const measure[] = {"troops deployed", "shares change", "shares change"};
  static const double v2[] = {7, 7, 4};
  for (int m = 0; m < 3; m++) {
    char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
    td_kb *kb = td_testkb_new(dir, path, sizeof path);
    CHECK(kb != NULL);
    if (!kb) return;
    char *r1 = record_of("c1", NULL, "The White House said shares rose 4%.", "white-house", "exact", 4,
                         "percent", measure[m]);
    char *r2 = record_of("c2", NULL, "Seoul said shares rose sharply.", "kor-spy", "exact", v2[m], "percent",
                         measure[m]);
    CHECK(td_kb_add_json(kb, r1, strlen(r1), NULL, err, sizeof err) == 0);
    CHECK(td_kb_add_json(kb, r2, strlen(r2), NULL, err, sizeof err) == 0);
    CHECK(td_kb_merge(kb, err, sizeof err) == 0);
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='disagree'") == (m == 0));
    CHECK(count(kb, "SELECT count(*) FROM m_claim_relations WHERE relation='agree'") == (m == 2));
    td_kb_close(kb);
    free(r1), free(r2);
    CHECK(td_testkb_remove(dir) == 0);
  }
}
