/*
 * test_kb_merge.c — the knowledge base's merge (src/kb/merge.c): each
 * entity's profile (most frequent name first, ties by name; the most
 * frequent code, ties to the smallest; articles, mentions and roles), and
 * the display rows of merged events, which the merge writes from what it
 * read and `tidings serve` computes by SQL (display_sql.h) for events
 * without one: the two must agree, titles with quotes, backslashes and
 * control characters and undated articles included.
 */
#include "unit.h"

#include "kb/display_sql.h"
#include "kb/kb.h"
#include "testdoc.h"

#include <stdlib.h>
#include <unistd.h>

static long count(td_kb *kb, const char *sql) {
  sqlite3_stmt *st;
  long n = -1;
  if (sqlite3_prepare_v2(kb->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
  if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

/* A tidings/1 record: doc id, date (JSON: null or a string), title (a JSON
 * string), the name and code of actor a1 (entity "kim"), a role, and one
 * event from a1 to a2 (entity "rus") at a place with coordinates. */
static char *record(const char *id, const char *date, const char *title, const char *name, const char *code,
                    const char *role, const char *cameo) {
  char text[200], key[65];
  snprintf(text, sizeof text, "%s met officials in Moscow (%s).", name, id);
  td_sha256_hex(text, strlen(text), key);
  td_buf b = {0};
  td_buf_printf(
      &b,
      "{\"schema\":\"tidings/1\",\"doc\":{\"id\":\"%s\",\"source\":\"Wire\",\"url\":null,\"title\":%s,"
      "\"date\":%s,\"date_from\":\"input\",\"lang\":\"en\",\"sha256\":\"%s\",\"input_sha256\":\"%s\"},"
      "\"text\":\"%s\",\"sentences\":[[0,%zu]],"
      "\"actors\":[{\"id\":\"a1\",\"entity\":\"kim\",\"name\":\"%s\",\"kind\":\"person\",\"code\":\"%s\","
      "\"country\":\"PRK\",\"sector\":null,\"role\":%s,\"role_past\":false,\"known\":true,"
      "\"mentions\":[[0,3],[5,7]]},"
      "{\"id\":\"a2\",\"entity\":\"rus\",\"name\":\"Russia\",\"kind\":\"country\",\"code\":\"RUS\","
      "\"country\":\"RUS\",\"sector\":null,\"role\":null,\"role_past\":false,\"known\":true,\"mentions\":[]}],"
      "\"places\":[{\"id\":\"p1\",\"name\":\"Moscow\",\"geonameid\":524901,\"country\":\"RUS\","
      "\"feature\":\"PPLC\",\"lat\":55.75,\"lon\":37.0,\"mentions\":[[20,26]]}],"
      "\"times\":[],\"quotes\":[],\"quantities\":[],"
      "\"events\":[{\"id\":\"e1\",\"mention\":\"m1\",\"cameo\":\"%s\",\"root\":\"%.2s\",\"quad\":1,"
      "\"goldstein\":3.5,\"plover\":\"CONSULT\",\"plover_mode\":null,\"source\":\"a1\",\"target\":\"a2\","
      "\"source_code\":\"%s\",\"target_code\":\"RUS\",\"verb\":\"met\",\"verb_span\":[4,7],"
      "\"source_span\":[0,3],\"target_span\":[8,17],\"polarity\":\"positive\",\"modality\":\"actual\","
      "\"attributed_to\":null,\"time\":null,\"date\":null,\"place\":\"p1\",\"sentence\":0,\"span\":[0,26],"
      "\"confidence\":0.7}]}",
      id, title, date, key, key, text, strlen(text), name, code, role, cameo, cameo, code);
  return td_buf_detach(&b, NULL);
}

TD_TEST(kb_merge_profiles_and_display) {
  char dir[] = "/tmp/td_kbm_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  td_kb_stats st = {0};
  /* "Kim" twice, "Chairman Kim" twice, "Kim Jong Un" once: the tie goes to
   * the smaller name; PRKGOV twice, PRK twice: the tie goes to PRK */
  char *r[5] = {
      record("d1", "\"2024-11-01\"", "\"Kim \\\"meets\\\" \\\\ Putin\\t(LEAD)\"", "Kim", "PRKGOV", "\"leader\"", "051"),
      record("d2", "\"2024-11-02T08:00:00Z\"", "\"K\\u00efm\\u0001 in Moscow\"", "Chairman Kim", "PRK", "\"leader\"", "040"),
      record("d3", "null", "null", "Kim", "PRK", "null", "036"),
      record("d4", "null", "\"Undated\"", "Chairman Kim", "PRKGOV", "\"chairman\"", "036"),
      record("d5", "\"2024-12-20\"", "\"Later\"", "Kim Jong Un", "PRKMIL", "\"leader\"", "040")};
  for (int i = 0; i < 5; i++) CHECK(td_kb_add_json(kb, r[i], strlen(r[i]), &st, err, sizeof err) == 0);
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity='kim' AND name='Chairman Kim' AND code='PRK'"
                  " AND names='Chairman Kim; Kim; Kim Jong Un' AND num_articles=5 AND num_mentions=10"
                  " AND first_seen='2024-11-01' AND last_seen='2024-12-20'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity='rus' AND num_mentions=0 AND names='Russia'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actor_roles WHERE entity='kim' AND role='leader' AND num_articles=3"
                  " AND first_seen='2024-11-01' AND last_seen='2024-12-20'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actor_roles WHERE entity='kim' AND role='chairman'"
                  " AND num_articles=1 AND first_seen IS NULL") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actor_roles") == 2);
  /* display rows: one per merged event, each as the serve SQL computes it */
  CHECK(count(kb, "SELECT count(*) FROM m_events") >= 3);
  CHECK(count(kb, "SELECT count(*) FROM m_events e LEFT JOIN m_event_display x ON x.event_key=e.event_key"
                  " WHERE x.event_key IS NULL") == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_event_display x JOIN m_events e ON e.event_key=x.event_key"
                  " WHERE x.day IS NOT " TD_EVENT_DAY_SQL " OR x.mention IS NOT " TD_EVENT_MENTION_SQL) == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_event_display WHERE day IS NULL") >= 1); /* undated ones */
  CHECK(count(kb, "SELECT count(*) FROM m_event_display WHERE mention LIKE '%\\\"meets%'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_event_display WHERE mention LIKE '%\"lon\":37.0,%'") >= 1);
  td_kb_close(kb);
  for (int i = 0; i < 5; i++) free(r[i]);
  CHECK(td_testkb_remove(dir) == 0);
}

/* A merged event's day: its date when a day; for a month, an ISO week or a
 * year, the article's day when it falls inside, else the period's first
 * day (a week's Monday); the article's day for a value that dates nothing
 * (a duration, in records made before event dates were checked). */
TD_TEST(kb_merge_event_days) {
  static const struct {
    const char *date, *cameo, *want;
  } cases[] = {{"\"2005-W09\"", "040", "2005-03-01"}, {"\"2005-W02\"", "050", "2005-01-10"},
               {"\"2004\"", "060", "2004-01-01"},     {"\"2005-02\"", "070", "2005-02-01"},
               {"\"P1Y\"", "080", "2005-03-01"},      {"\"2005-02-14\"", "090", "2005-02-14"}};
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char id[8];
    snprintf(id, sizeof id, "d%zu", i);
    char *r = record(id, "\"2005-03-01\"", "\"T\"", "Kim", "PRKGOV", "null", cases[i].cameo);
    td_buf b = {0};
    const char *at = strstr(r, "\"date\":null,\"place\"");
    CHECK(at != NULL);
    if (at) {
      td_buf_put(&b, r, (size_t)(at - r));
      td_buf_printf(&b, "\"date\":%s,\"place\"%s", cases[i].date, at + strlen("\"date\":null,\"place\""));
      char *j = td_buf_detach(&b, NULL);
      CHECK(td_kb_add_json(kb, j, strlen(j), NULL, err, sizeof err) == 0);
      free(j);
    }
    free(r);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM m_events WHERE cameo='%s' AND date='%s'", cases[i].cameo,
             cases[i].want);
    CHECK(count(kb, sql) == 1);
  }
  td_kb_close(kb);
  CHECK(td_testkb_remove(dir) == 0);
}

/* r with each of from[k] (NULL-ended) replaced by to[k]; r is freed. */
static char *swapped(char *r, const char *const *from, const char *const *to) {
  td_buf b = {0};
  for (const char *p = r; *p;) {
    int k = 0;
    while (from[k] && strncmp(p, from[k], strlen(from[k])) != 0) k++;
    if (from[k]) {
      td_buf_puts(&b, to[k]);
      p += strlen(from[k]);
    } else {
      td_buf_put(&b, p, 1);
      p++;
    }
  }
  free(r);
  return td_buf_detach(&b, NULL);
}

/* Mentions with neither source nor target ("talks were held") tie nothing
 * together across stories: on one day, two such mentions of one root in
 * articles of two stories are two events; in one story, one. */
static char *actorless(const char *id, const char *who, const char *where, const char *date) {
  static const char *const from[] = {"\"source\":\"a1\",\"target\":\"a2\",", "\"source_code\":\"PRKGOV\","
                                     "\"target_code\":\"RUS\",", "\"entity\":\"kim\"", "\"name\":\"Moscow\"", NULL};
  const char *const to[] = {"\"source\":null,\"target\":null,", "\"source_code\":null,\"target_code\":null,", who,
                            where};
  return swapped(record(id, date, "\"T\"", "Kim", "PRKGOV", "null", "040"), from, to);
}

TD_TEST(kb_merge_actorless_events_stay_in_their_story) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  char *r[3] = {actorless("x1", "\"entity\":\"kim\"", "\"name\":\"Moscow\"", "\"2024-11-01\""),
                actorless("x2", "\"entity\":\"kim\"", "\"name\":\"Moscow\"", "\"2024-11-01\""),
                actorless("x3", "\"entity\":\"lee\"", "\"name\":\"Kazan\"", "\"2024-11-01\"")};
  for (int i = 0; i < 3; i++) {
    CHECK(strstr(r[i], "\"source\":null,\"target\":null") != NULL);
    CHECK(td_kb_add_json(kb, r[i], strlen(r[i]), NULL, err, sizeof err) == 0);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(DISTINCT story_key) FROM m_story_docs") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_events") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_events WHERE num_articles = 2") == 1);
  td_kb_close(kb);
  for (int i = 0; i < 3; i++) free(r[i]);
  CHECK(td_testkb_remove(dir) == 0);
}

/* Undated, they tie nothing together even in one story: with no day to
 * chain by, two such mentions in two articles of one story are two
 * events. */
TD_TEST(kb_merge_undated_actorless_events_stay_in_their_article) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  char *r[2] = {actorless("u1", "\"entity\":\"kim\"", "\"name\":\"Moscow\"", "null"),
                actorless("u2", "\"entity\":\"kim\"", "\"name\":\"Moscow\"", "null")};
  for (int i = 0; i < 2; i++) {
    /* undated articles make a story on three shared features: Russia as
     * an organization is the third beside Kim and Moscow */
    char *k = strstr(r[i], "\"kind\":\"country\",\"code\":\"RUS\"");
    CHECK(k != NULL);
    if (k) memcpy(k + 8, "orgnzn\" ", 8); /* "country" -> "orgnzn" and a space, same length */
    CHECK(td_kb_add_json(kb, r[i], strlen(r[i]), NULL, err, sizeof err) == 0);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(DISTINCT story_key) FROM m_story_docs") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_events WHERE date IS NULL") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_events WHERE num_articles = 2") == 0);
  td_kb_close(kb);
  for (int i = 0; i < 2; i++) free(r[i]);
  CHECK(td_testkb_remove(dir) == 0);
}

/* A record of persons only, titled and dated (JSON: null or a string):
 * the entities of feats, a space-separated list, one actor each. */
static char *doc_of(const char *id, const char *title, const char *date, const char *feats) {
  char key[65];
  td_sha256_hex(id, strlen(id), key);
  td_buf b = {0};
  td_buf_printf(&b,
                "{\"schema\":\"tidings/1\",\"doc\":{\"id\":\"%s\",\"source\":\"Wire\",\"url\":null,\"title\":\"%s\","
                "\"date\":%s,\"date_from\":\"input\",\"lang\":\"en\",\"sha256\":\"%s\","
                "\"input_sha256\":\"%s\"},\"text\":\"%s\",\"sentences\":[[0,%zu]],\"actors\":[",
                id, title, date, key, key, id, strlen(id));
  int k = 0;
  for (const char *p = feats; *p;) {
    size_t len = strcspn(p, " ");
    td_buf_printf(&b,
                  "%s{\"id\":\"a%d\",\"entity\":\"%.*s\",\"name\":\"%.*s\",\"kind\":\"person\",\"code\":null,"
                  "\"country\":null,\"sector\":null,\"role\":null,\"role_past\":false,\"known\":true,"
                  "\"mentions\":[]}",
                  k ? "," : "", k + 1, (int)len, p, (int)len, p);
    k++;
    p += len;
    while (*p == ' ') p++;
  }
  td_buf_puts(&b, "],\"places\":[],\"times\":[],\"quotes\":[],\"quantities\":[],\"events\":[]}");
  return td_buf_detach(&b, NULL);
}

/* A dated record of persons only, titled by its id. */
static char *persons(const char *id, const char *feats) {
  return doc_of(id, id, "\"2024-11-01\"", feats);
}

/* One article that links to one article of another story does not chain
 * the two: c shares p and q with every a, and s and t with b1 alone, so
 * one of the three b's links to the a's story (half of them must). */
TD_TEST(kb_merge_stories_do_not_chain_on_one_article) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  static const char *const docs[][2] = {{"a1", "p q x1"},     {"a2", "p q x2"},     {"a3", "p q x3"},
                                        {"b1", "r s t y1"},   {"b2", "r s y2"},     {"b3", "r s y3"},
                                        {"c", "p q s t"}};
  for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    char *r = persons(docs[i][0], docs[i][1]);
    CHECK(td_kb_add_json(kb, r, strlen(r), NULL, err, sizeof err) == 0);
    free(r);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(DISTINCT story_key) FROM m_story_docs") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_stories WHERE num_articles = 4") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_stories WHERE num_articles = 3") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_story_docs s JOIN documents d ON d.doc_key = s.doc_key"
                  " JOIN m_story_docs o ON o.story_key = s.story_key JOIN documents e ON e.doc_key = o.doc_key"
                  " WHERE d.id = 'c' AND e.id = 'a1'") == 1);
  td_kb_close(kb);
  CHECK(td_testkb_remove(dir) == 0);
}

/* A feature found in more than a fortieth of the articles (at least 10, at
 * most 50) links none: in a small store, ten articles naming one party and
 * its leader are one story, eleven are eleven articles of its politics. */
TD_TEST(kb_merge_common_features_link_nothing) {
  for (int k = 10; k <= 11; k++) {
    char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
    td_kb *kb = td_testkb_new(dir, path, sizeof path);
    CHECK(kb != NULL);
    if (!kb) return;
    for (int i = 0; i < k; i++) {
      char id[16], feats[64];
      snprintf(id, sizeof id, "n%d", i);
      snprintf(feats, sizeof feats, "party leader own%d", i);
      char *r = persons(id, feats);
      CHECK(td_kb_add_json(kb, r, strlen(r), NULL, err, sizeof err) == 0);
      free(r);
    }
    CHECK(td_kb_merge(kb, err, sizeof err) == 0);
    CHECK(count(kb, "SELECT count(DISTINCT story_key) FROM m_story_docs") == (k == 10 ? 1 : 11));
    td_kb_close(kb);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* Two articles dated within 3 days, where those days hold at most a tenth
 * of the store, measure their shares against the features that link only:
 * names of 22 articles (trump, clinton: more than a fortieth, at least 10)
 * and of one article alone count for nothing, so two of seven features
 * shared join them. Where the days hold the whole store (every article of
 * one day), they count: two of seven is not half. */
TD_TEST(kb_merge_dated_stories_count_features_that_link) {
  for (int crowded = 0; crowded <= 1; crowded++) {
    char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
    td_kb *kb = td_testkb_new(dir, path, sizeof path);
    CHECK(kb != NULL);
    if (!kb) return;
    for (int i = 0; i < 22; i++) {
      char id[16], date[32], feats[96];
      if (i < 20) { /* two a month, two weeks apart, or all on the pair's first day */
        snprintf(id, sizeof id, "f%d", i);
        snprintf(date, sizeof date, "\"2023-%02d-%02d\"", i / 2 + 1, i % 2 * 14 + 1);
        snprintf(feats, sizeof feats, "trump clinton own%d", i);
      } else {
        snprintf(id, sizeof id, "p%d", i - 20);
        snprintf(date, sizeof date, "\"2023-11-%02d\"", i - 19);
        snprintf(feats, sizeof feats, "trump clinton comey lynch solo%da solo%db solo%dc", i, i, i);
      }
      char *r = doc_of(id, id, crowded && i < 20 ? "\"2023-11-01\"" : date, feats);
      CHECK(td_kb_add_json(kb, r, strlen(r), NULL, err, sizeof err) == 0);
      free(r);
    }
    CHECK(td_kb_merge(kb, err, sizeof err) == 0);
    CHECK(count(kb, "SELECT count(DISTINCT story_key) FROM m_story_docs") == (crowded ? 22 : 21));
    CHECK(count(kb, "SELECT count(*) FROM m_stories WHERE num_articles = 2") == !crowded);
    td_kb_close(kb);
    CHECK(td_testkb_remove(dir) == 0);
  }
}

/* One title again is a version when the articles are dated within 3 days
 * of each other (or undated): a series' title months later is another
 * article. */
TD_TEST(kb_merge_title_versions_within_days) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  static const char *const docs[][2] = {{"v1", "\"2024-01-01\""}, {"v2", "\"2024-01-03\""},
                                        {"v3", "\"2024-06-01\""}, {"v4", "null"}};
  for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    char *r = doc_of(docs[i][0], "Ten Things to Know Today", docs[i][1], docs[i][0]);
    CHECK(td_kb_add_json(kb, r, strlen(r), NULL, err, sizeof err) == 0);
    free(r);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(DISTINCT group_key) FROM m_versions") == 2);
  /* the undated one goes with the earliest: v1, v2 and v4 are one group */
  CHECK(count(kb, "SELECT count(*) FROM m_versions v JOIN documents d USING(doc_key)"
                  " WHERE d.id = 'v3' AND v.group_key = v.doc_key") == 1);
  CHECK(count(kb, "SELECT count(DISTINCT v.group_key) FROM m_versions v JOIN documents d USING(doc_key)"
                  " WHERE d.id IN ('v1', 'v2', 'v4')") == 1);
  td_kb_close(kb);
  CHECK(td_testkb_remove(dir) == 0);
}

/* Dated mentions with one side only ("Kim met", no one named) tie no two
 * stories together either: on one day, Kim's in two articles of one
 * story are one event, in an article of another story another. */
TD_TEST(kb_merge_one_sided_events_stay_in_their_story) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  static const char *const from[] = {"\"target\":\"a2\"", "\"target_code\":\"RUS\"", "\"name\":\"Moscow\"", NULL};
  const char *const ids[] = {"o1", "o2", "o3"}, *const where[] = {"\"name\":\"Moscow\"", "\"name\":\"Moscow\"",
                                                                  "\"name\":\"Kazan\""};
  for (int i = 0; i < 3; i++) {
    const char *to[] = {"\"target\":null", "\"target_code\":null", where[i]};
    char *r = swapped(record(ids[i], "\"2024-11-01\"", "\"T\"", "Kim", "PRKGOV", "null", "040"), from, to);
    CHECK(strstr(r, "\"source\":\"a1\",\"target\":null") != NULL);
    CHECK(td_kb_add_json(kb, r, strlen(r), NULL, err, sizeof err) == 0);
    free(r);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(DISTINCT story_key) FROM m_story_docs") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_events") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_events WHERE num_articles = 2") == 1);
  td_kb_close(kb);
  CHECK(td_testkb_remove(dir) == 0);
}

/* A story's top actors name news organizations after the others: the
 * agency two articles cite is not what their story is about. */
TD_TEST(kb_merge_story_tops_news_organizations_last) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  static const char *const from[] = {"\"name\":\"agency\",\"kind\":\"person\",\"code\":null", NULL};
  static const char *const to[] = {"\"name\":\"agency\",\"kind\":\"organization\",\"code\":\"GBRMED\""};
  for (int i = 0; i < 2; i++) {
    char *r = swapped(persons(i ? "m2" : "m1", "agency pat quinn"), from, to);
    CHECK(strstr(r, "GBRMED") != NULL);
    CHECK(td_kb_add_json(kb, r, strlen(r), NULL, err, sizeof err) == 0);
    free(r);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_stories WHERE num_articles = 2 AND top_actors = 'pat; quinn; agency'") == 1);
  td_kb_close(kb);
  CHECK(td_testkb_remove(dir) == 0);
}

/* Of a story's actors in as many of its articles, the most mentioned come
 * first (not the first by name). */
TD_TEST(kb_merge_story_tops_most_mentioned_first) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  static const char *const from[] = {"\"name\":\"zed\",\"kind\":\"person\",\"code\":null,\"country\":null,"
                                     "\"sector\":null,\"role\":null,\"role_past\":false,\"known\":true,"
                                     "\"mentions\":[]",
                                     NULL};
  static const char *const to[] = {"\"name\":\"zed\",\"kind\":\"person\",\"code\":null,\"country\":null,"
                                   "\"sector\":null,\"role\":null,\"role_past\":false,\"known\":true,"
                                   "\"mentions\":[[0,1],[1,2]]"};
  for (int i = 0; i < 2; i++) {
    char *r = swapped(persons(i ? "z2" : "z1", "adam zed"), from, to);
    CHECK(strstr(r, "[[0,1],[1,2]]") != NULL);
    CHECK(td_kb_add_json(kb, r, strlen(r), NULL, err, sizeof err) == 0);
    free(r);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_stories WHERE num_articles = 2 AND top_actors = 'zed; adam'") == 1);
  td_kb_close(kb);
  CHECK(td_testkb_remove(dir) == 0);
}

/* An undated record of people found without a dictionary: each of specs
 * (space-separated) is entity/role/sector, "_" for null, and one feature
 * of its own makes the article its own story unless feats link it. */
static char *people(const char *id, const char *specs) {
  char key[65];
  td_sha256_hex(id, strlen(id), key);
  td_buf b = {0};
  td_buf_printf(&b,
                "{\"schema\":\"tidings/1\",\"doc\":{\"id\":\"%s\",\"source\":\"Wire\",\"url\":null,\"title\":\"%s\","
                "\"date\":null,\"date_from\":\"input\",\"lang\":\"en\",\"sha256\":\"%s\","
                "\"input_sha256\":\"%s\"},\"text\":\"%s\",\"sentences\":[[0,%zu]],\"actors\":[",
                id, id, key, key, id, strlen(id));
  int k = 0;
  for (const char *p = specs; *p;) {
    size_t len = strcspn(p, " ");
    char f[3][64] = {"_", "_", "_"};
    for (int x = 0, o = 0; x < 3 && o < (int)len; x++) {
      int l = (int)strcspn(p + o, "/ ");
      snprintf(f[x], sizeof f[x], "%.*s", l, p + o);
      o += l + 1;
    }
    char role[80], sector[80];
    snprintf(role, sizeof role, strcmp(f[1], "_") ? "\"%s\"" : "null", f[1]);
    snprintf(sector, sizeof sector, strcmp(f[2], "_") ? "\"%s\"" : "null", f[2]);
    td_buf_printf(&b,
                  "%s{\"id\":\"a%d\",\"entity\":\"%s\",\"name\":\"%s\",\"kind\":\"person\",\"code\":null,"
                  "\"country\":null,\"sector\":%s,\"role\":%s,\"role_past\":false,\"known\":false,"
                  "\"mentions\":[]}",
                  k ? "," : "", k + 1, f[0], f[0], sector, role);
    k++;
    p += len;
    while (*p == ' ') p++;
  }
  td_buf_puts(&b, "],\"places\":[],\"times\":[],\"quotes\":[],\"quantities\":[],\"events\":[]}");
  return td_buf_detach(&b, NULL);
}

/* People of one name across articles: a full name splits where the
 * sectors of its roles disagree (not where government and opposition
 * differ, not for an article that says nothing); a surname alone that two
 * full-named people of the collection share splits by story unless its
 * articles share two other actors, and becomes the one full name of its
 * story. */
TD_TEST(kb_merge_people_of_one_name) {
  char dir[] = "/tmp/td_kb_testXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  static const char *const docs[][2] = {
      {"g1", "gareth-thomas/Captain/MIL g1x"}, {"g2", "gareth-thomas/Captain/MIL g2x"},
      {"g3", "gareth-thomas g3x"},             {"g4", "gareth-thomas/Minister/GOV g4x"},
      {"v1", "david-davis/Shadow/OPP v1x"},    {"v2", "david-davis/Shadow/OPP v2x"},
      {"v3", "david-davis/Spokesman/GOV v3x"}, {"w1", "will-davies w1x"},
      {"w2", "quentin-davies w2x"},            {"s1", "davies s1x"},
      {"s2", "davies s2x"},                    {"j1", "jeremy-jones/Host/MED p q r"},
      {"j2", "jones p q r"},                   {"j3", "mary-jones/Host/MED j3x"},
      {"b1", "begg x y b1a b1b b1c b1d b1e"},  {"b2", "begg x y b2a b2b b2c b2d b2e"},
      {"b3", "azmat-begg b3x"},                {"b4", "moazzam-begg b4x"}};
  for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    char *r = people(docs[i][0], docs[i][1]);
    CHECK(td_kb_add_json(kb, r, strlen(r), NULL, err, sizeof err) == 0);
    free(r);
  }
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity='gareth-thomas' AND num_articles=3") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actors m JOIN m_actor_roles r USING(entity)"
                  " WHERE m.entity LIKE 'gareth-thomas~%' AND m.num_articles=1 AND r.role='Minister'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity='david-davis' AND num_articles=3") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity LIKE 'davies%'") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity LIKE 'davies%' AND num_articles=1") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity='jeremy-jones' AND num_articles=2"
                  " AND names='jeremy-jones; jones'") == 1);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity LIKE 'jones%'") == 0);
  /* two stories (3 of 8 features shared) whose articles share two other
   * actors: one Begg */
  CHECK(count(kb, "SELECT count(DISTINCT s.story_key) FROM m_story_docs s JOIN documents d USING(doc_key)"
                  " WHERE d.id IN ('b1', 'b2')") == 2);
  CHECK(count(kb, "SELECT count(*) FROM m_actors WHERE entity LIKE 'begg%'") == 1);
  td_kb_close(kb);
  CHECK(td_testkb_remove(dir) == 0);
}
