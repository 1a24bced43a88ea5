/*
 * synth.c — a synthetic load for the knowledge base: adds n merged events
 * (m_events, one m_event_mentions row each) with plausible codes, roots,
 * dates and places, so that `make bench` can time queries over a store of a
 * million events without a million articles. Deterministic for a seed.
 * Mentions point at the store's documents (a few synthetic ones are added to
 * an empty store, with their full-text rows). A later `tidings merge`
 * rebuilds m_events from the facts and so removes them.
 */
#include "kb/kb.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t next(uint64_t *s) { /* xorshift64* */
  *s ^= *s >> 12, *s ^= *s << 25, *s ^= *s >> 27;
  return *s * 2685821657736338717ULL;
}

static const char *const codes[] = {
    "USA", "RUS", "PRK", "KOR", "CHN", "UKR", "GBR", "FRA", "DEU", "JPN", "IRN", "ISR",
    "PSE", "SYR", "TUR", "IND", "PAK", "AFG", "IRQ", "SAU", "EGY", "NGA", "ZAF", "BRA",
    "MEX", "CAN", "AUS", "ITA", "ESP", "POL", "BLR", "VEN", "CUB", "TWN", "VNM", "PHL"};
static const char *const sectors[] = {"", "GOV", "MIL", "BUS", "MED", "OPP", "REB", "COP"};
static const char *const places[] = {
    "Seoul", "Pyongyang", "Moscow", "Washington", "Kyiv", "Beijing", "London", "Paris",
    "Berlin", "Tokyo", "Tehran", "Jerusalem", "Gaza", "Damascus", "Ankara", "New Delhi",
    "Islamabad", "Kabul", "Baghdad", "Riyadh", "Cairo", "Lagos", "Johannesburg", "Brasilia",
    "Mexico City", "Ottawa", "Canberra", "Rome", "Madrid", "Warsaw", "Minsk", "Caracas"};
static const char *const words[] = {"troops", "talks", "sanctions", "missile", "summit",
                                    "election", "protest", "ceasefire", "aid", "trade"};
#define N(a) (sizeof a / sizeof a[0])

/* Makes 500 short synthetic documents when the store has none. */
static int synth_docs(td_kb *kb, uint64_t *s, char *err, size_t errlen) {
  td_kq *d = td_kb_stmt(kb, "INSERT OR IGNORE INTO documents(doc_key, id, title, date, lang, text,"
                                   " nchars) VALUES(?,?,?,?,'en',?,?)", err, errlen);
  if (!d) return -1;
  for (int i = 0; i < 500; i++) {
    char id[32], key[65], title[96], text[256], date[16];
    snprintf(id, sizeof id, "synth-%03d", i);
    td_kb_key(key, 2, "synth-doc", id);
    const char *w1 = words[next(s) % N(words)], *w2 = words[next(s) % N(words)];
    snprintf(title, sizeof title, "Officials discuss %s and %s", w1, w2);
    snprintf(text, sizeof text, "%s. Officials in %s said on Monday that %s would follow the %s.",
             title, places[next(s) % N(places)], w2, w1);
    snprintf(date, sizeof date, "20%02d-%02d-%02d", (int)(next(s) % 25), (int)(next(s) % 12 + 1),
             (int)(next(s) % 28 + 1));
    td_kq_reset(d);
    td_kb_bind_str(d, 1, key), td_kb_bind_str(d, 2, id), td_kb_bind_str(d, 3, title);
    td_kb_bind_str(d, 4, date), td_kb_bind_str(d, 5, text);
    td_kq_int(d, 6, (long long)strlen(text));
    if (td_kq_step(d) != TD_KQ_DONE) goto fail;
    if (td_kq_changes(d) == 0) continue; /* (a document already there) */
    td_kq *f = td_kb_stmt(kb, "INSERT INTO documents_fts(rowid, doc_key, title, text) VALUES(?,?,?,?)",
                          err, errlen); /* (the documents row's rowid: store.c, v9) */
    if (!f) return -1;
    td_kq_int(f, 1, sqlite3_last_insert_rowid(kb->db));
    td_kb_bind_str(f, 2, key), td_kb_bind_str(f, 3, title), td_kb_bind_str(f, 4, text);
    if (td_kq_step(f) != TD_KQ_DONE) goto fail;
  }
  return 0;
fail:
  snprintf(err, errlen, "%s", td_kb_errmsg(kb));
  return -1;
}

typedef struct {
  char key[65];
  long i;
} ek;

static int ek_cmp(const void *a, const void *b) { return strcmp(((const ek *)a)->key, ((const ek *)b)->key); }

int td_kb_synth_events(td_kb *kb, long n, unsigned long seed, char *err, size_t errlen) {
  if (!kb->db) {
    snprintf(err, errlen, "synthetic events need an SQLite store");
    return -1;
  }
  uint64_t s = seed * 0x9e3779b97f4a7c15ULL + 1;
  if (td_kb_commit(kb, err, errlen) != 0 || td_kb_exec(kb, "BEGIN IMMEDIATE", err, errlen) != 0)
    return -1;
  char (*docs)[65] = NULL;
  size_t ndocs = 0, cap = 0;
  td_kq *q;
  for (int pass = 0; pass < 2 && ndocs == 0; pass++) {
    if (pass == 1 && synth_docs(kb, &s, err, errlen) != 0) goto fail;
    if (!(q = td_kb_stmt(kb, "SELECT doc_key FROM documents ORDER BY doc_key", err, errlen))) goto fail;
    while (td_kq_step(q) == TD_KQ_ROW) {
      TD_GROW(docs, cap, ndocs + 1);
      snprintf(docs[ndocs++], 65, "%s", (const char *)td_kq_col_text(q, 0));
    }
    td_kq_reset(q);
  }
  /* keys first, inserted in key order with the m_events indexes dropped and
   * made again at the end: a sorted build instead of random B-tree inserts */
  ek *keys = td_xcalloc((size_t)(n > 0 ? n : 1), sizeof *keys);
  for (long i = 0; i < n; i++) {
    char num[48];
    snprintf(num, sizeof num, "%lu:%ld", seed, i);
    td_kb_key(keys[i].key, 2, "synth-event", num);
    keys[i].i = i;
  }
  qsort(keys, (size_t)n, sizeof *keys, ek_cmp);
  char **idx = NULL;
  size_t nidx = 0, icap = 0;
  if (!(q = td_kb_stmt(kb, "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='m_events'"
                           " AND sql IS NOT NULL ORDER BY name", err, errlen)))
    goto fail2;
  while (td_kq_step(q) == TD_KQ_ROW) {
    TD_GROW(idx, icap, nidx + 2);
    idx[nidx++] = td_xstrdup((const char *)td_kq_col_text(q, 0));
    idx[nidx++] = td_xstrdup((const char *)td_kq_col_text(q, 1));
  }
  td_kq_reset(q);
  for (size_t k = 0; k < nidx; k += 2) {
    char sql[256];
    snprintf(sql, sizeof sql, "DROP INDEX \"%s\"", idx[k]); /* names from the schema */
    if (td_kb_exec(kb, sql, err, errlen) != 0) goto fail2;
  }
  td_kq *e = td_kb_stmt(kb, "INSERT OR REPLACE INTO m_events(event_key, gid, root, cameo, quad,"
                                   " goldstein, source_entity, source_code, target_entity, target_code,"
                                   " date, first_seen, last_seen, num_mentions, num_sources, num_articles,"
                                   " place, story_key) VALUES(?,?,?,?,?,?,NULL,?,NULL,?,?,?,?,?,?,?,?,NULL)",
                               err, errlen);
  if (!e) goto fail2;
  for (long j = 0; j < n; j++) {
    const char *key = keys[j].key;
    long i = keys[j].i;
    uint64_t es = (seed + 1) * 0x9e3779b97f4a7c15ULL ^ ((uint64_t)i * 0xc2b2ae3d27d4eb4fULL + 1);
    char root[3], cameo[5], src[8], tgt[8], date[16];
    int r = (int)(next(&es) % 20) + 1;
    snprintf(root, sizeof root, "%02d", r);
    snprintf(cameo, sizeof cameo, "%02d%d", r, (int)(next(&es) % 5));
    snprintf(src, sizeof src, "%s%s", codes[next(&es) % N(codes)], sectors[next(&es) % N(sectors)]);
    snprintf(tgt, sizeof tgt, "%s%s", codes[next(&es) % N(codes)], sectors[next(&es) % N(sectors)]);
    snprintf(date, sizeof date, "20%02d-%02d-%02d", (int)(next(&es) % 26), (int)(next(&es) % 12 + 1),
             (int)(next(&es) % 28 + 1));
    int m = (int)(next(&es) % 5) + 1;
    td_kq_reset(e);
    td_kb_bind_str(e, 1, key);
    td_kq_int(e, 2, (long long)(900000000000000LL + i)); /* apart from real gids */
    td_kb_bind_str(e, 3, root), td_kb_bind_str(e, 4, cameo);
    td_kq_int(e, 5, r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4);
    td_kq_double(e, 6, (double)((int)(next(&es) % 200) - 100) / 10.0);
    td_kb_bind_str(e, 7, src), td_kb_bind_str(e, 8, tgt);
    td_kb_bind_str(e, 9, date), td_kb_bind_str(e, 10, date), td_kb_bind_str(e, 11, date);
    td_kq_int(e, 12, m), td_kq_int(e, 13, (m + 1) / 2), td_kq_int(e, 14, (m + 1) / 2);
    td_kb_bind_str(e, 15, places[next(&es) % N(places)]);
    if (td_kq_step(e) != TD_KQ_DONE) goto sqlfail;
    td_kq *mm = td_kb_stmt(kb, "INSERT OR IGNORE INTO m_event_mentions(event_key, doc_key, eid)"
                                      " VALUES(?,?,'e1')", err, errlen);
    if (!mm) goto fail2;
    td_kb_bind_str(mm, 1, key);
    td_kb_bind_str(mm, 2, docs[next(&es) % ndocs]);
    if (td_kq_step(mm) != TD_KQ_DONE) goto sqlfail;
  }
  for (size_t k = 1; k < nidx; k += 2)
    if (td_kb_exec(kb, idx[k], err, errlen) != 0) goto fail2;
  for (size_t k = 0; k < nidx; k++) free(idx[k]);
  free(idx);
  free(keys);
  free(docs);
  return td_kb_exec(kb, "COMMIT", err, errlen);
sqlfail:
  snprintf(err, errlen, "%s", td_kb_errmsg(kb));
fail2:
  for (size_t k = 0; k < nidx; k++) free(idx[k]);
  free(idx);
  free(keys);
fail: {
  char e2[64];
  td_kb_exec(kb, "ROLLBACK", e2, sizeof e2);
}
  free(docs);
  return -1;
}
