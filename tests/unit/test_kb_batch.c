/*
 * test_kb_batch.c — the store's batches: records are stored without a
 * savepoint each, so a record that fails halfway (here an actor without an
 * id, which the schema refuses) rolls the batch back; the records before
 * it are stored again and only the failing one is lost, in the middle of a
 * batch or as its first record.
 */
#include "unit.h"

#include "kb/kb.h"
#include "testdoc.h"

#include <stdlib.h>
#include <string.h>

static long kb_count(td_kb *kb, const char *sql) {
  sqlite3_stmt *st;
  long n = -1;
  if (sqlite3_prepare_v2(kb->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
  if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

/* A record of text t with one quotation and one actor (id aid, or none
 * when aid is NULL: the actors table refuses it after the document row and
 * its sentences are written). */
static char *batch_record(const char *id, const char *text, const char *aid) {
  char key[65];
  td_sha256_hex(text, strlen(text), key);
  td_buf b = {0};
  td_buf_printf(&b,
                "{\"schema\":\"tidings/1\",\"doc\":{\"id\":\"%s\",\"source\":\"Wire\",\"url\":null,"
                "\"title\":\"T %s\",\"date\":\"2024-11-01\",\"lang\":\"en\",\"sha256\":\"%s\","
                "\"input_sha256\":\"%s\"},\"text\":\"%s\",\"sentences\":[[0,%zu]],"
                "\"actors\":[{%s%s%s\"entity\":\"usa-gov\",\"name\":\"US\",\"kind\":\"organization\","
                "\"mentions\":[[0,2]]}],\"places\":[],\"times\":[],"
                "\"quotes\":[{\"id\":\"q1\",\"text\":\"%s\",\"span\":[0,2],\"sentence\":0}],"
                "\"quantities\":[],\"events\":[]}",
                id, id, key, key, text, strlen(text), aid ? "\"id\":\"" : "", aid ? aid : "",
                aid ? "\"," : "", text);
  return td_buf_detach(&b, NULL);
}

TD_TEST(kb_batch_failed_record_alone) {
  char dir[] = "/tmp/td_kb_batchXXXXXX", path[256], err[256];
  td_kb *kb = td_testkb_new(dir, path, sizeof path);
  CHECK(kb != NULL);
  if (!kb) return;
  td_kb_stats st = {0};
  char *r1 = batch_record("d1", "US troops left one town.", "a1");
  char *r2 = batch_record("d2", "US troops left two towns.", "a1");
  char *bad = batch_record("d3", "US troops left three towns.", NULL);
  char *r4 = batch_record("d4", "US troops left four towns.", "a1");
  kb->input_key = "k1";
  CHECK(td_kb_add_json(kb, r1, strlen(r1), &st, err, sizeof err) == 0);
  kb->input_key = "k2";
  CHECK(td_kb_add_json(kb, r2, strlen(r2), &st, err, sizeof err) == 0);
  kb->input_key = "k3";
  CHECK(td_kb_add_json(kb, bad, strlen(bad), &st, err, sizeof err) == -1);
  kb->input_key = "k4";
  CHECK(td_kb_add_json(kb, r4, strlen(r4), &st, err, sizeof err) == 0);
  kb->input_key = NULL;
  CHECK(st.added == 3 && st.failed == 1);
  CHECK(td_kb_commit(kb, err, sizeof err) == 0);
  CHECK(kb_count(kb, "SELECT count(*) FROM documents") == 3);
  CHECK(kb_count(kb, "SELECT count(*) FROM documents WHERE id='d3'") == 0);
  CHECK(kb_count(kb, "SELECT count(*) FROM doc_copies") == 3);
  CHECK(kb_count(kb, "SELECT count(*) FROM sentences") == 3);
  CHECK(kb_count(kb, "SELECT count(*) FROM actors") == 3);
  CHECK(kb_count(kb, "SELECT count(*) FROM inputs WHERE input_key IN ('k1','k2','k4')") == 3);
  CHECK(kb_count(kb, "SELECT count(*) FROM documents_fts") == 3);
  CHECK(kb_count(kb, "SELECT count(*) FROM quotes_fts") == 3);
  CHECK(kb_count(kb, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'three'") == 0);
  /* the failing record first in a new batch, then a good one */
  char *r5 = batch_record("d5", "US troops left five towns.", "a1");
  CHECK(td_kb_add_json(kb, bad, strlen(bad), &st, err, sizeof err) == -1);
  CHECK(td_kb_add_json(kb, r5, strlen(r5), &st, err, sizeof err) == 0);
  CHECK(td_kb_merge(kb, err, sizeof err) == 0);
  CHECK(kb_count(kb, "SELECT count(*) FROM documents") == 4);
  CHECK(kb_count(kb, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'five'") == 1);
  td_kb_close(kb);
  free(r1), free(r2), free(bad), free(r4), free(r5);
  CHECK(td_testkb_remove(dir) == 0);
}
