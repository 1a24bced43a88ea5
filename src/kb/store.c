/*
 * store.c — the knowledge base's store: opens it (an SQLite file in WAL
 * mode, or a PostgreSQL database: src/kb/db.c), creates and migrates the
 * schema (docs/SCHEMA.md), and writes one document's facts from its
 * `tidings/1` JSON record. Keys come from content: a document is its text's
 * sha256; a changed article (same url, or same id and source) replaces the
 * older version's facts. Writes are batched, one transaction per
 * TD_KB_BATCH documents, so an interrupted ingest leaves whole batches and
 * re-running it skips what is already there.
 */
#include "kb/kb.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char schema_v1[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);\n"
    "CREATE TABLE documents(doc_key TEXT PRIMARY KEY, id TEXT, input_sha256 TEXT,"
    " source TEXT, url TEXT, title TEXT, date TEXT, date_from TEXT, lang TEXT,"
    " wire_marker TEXT, text TEXT NOT NULL, nchars INTEGER, minhash BLOB);\n"
    "CREATE TABLE doc_copies(doc_key TEXT NOT NULL, id TEXT NOT NULL, input_sha256 TEXT NOT NULL,"
    " source TEXT, url TEXT, PRIMARY KEY(doc_key, id, input_sha256));\n"
    "CREATE INDEX doc_copies_url ON doc_copies(url);\n"
    "CREATE INDEX doc_copies_id ON doc_copies(id, source);\n"
    "CREATE TABLE doc_bands(doc_key TEXT NOT NULL, band INTEGER NOT NULL, h INTEGER NOT NULL);\n"
    "CREATE INDEX doc_bands_h ON doc_bands(band, h);\n"
    "CREATE INDEX doc_bands_doc ON doc_bands(doc_key);\n"
    "CREATE TABLE sentences(doc_key TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER, end INTEGER,"
    " PRIMARY KEY(doc_key, idx)) WITHOUT ROWID;\n"
    "CREATE TABLE actors(doc_key TEXT NOT NULL, aid TEXT NOT NULL, entity TEXT, name TEXT, kind TEXT,"
    " code TEXT, country TEXT, sector TEXT, role TEXT, role_past INTEGER, known INTEGER,"
    " PRIMARY KEY(doc_key, aid)) WITHOUT ROWID;\n"
    "CREATE INDEX actors_entity ON actors(entity);\n"
    "CREATE TABLE actor_mentions(doc_key TEXT NOT NULL, aid TEXT NOT NULL, start INTEGER, end INTEGER,"
    " sentence INTEGER);\n"
    "CREATE INDEX actor_mentions_doc ON actor_mentions(doc_key, aid);\n"
    "CREATE TABLE places(doc_key TEXT NOT NULL, pid TEXT NOT NULL, name TEXT, geonameid INTEGER,"
    " country TEXT, feature TEXT, lat REAL, lon REAL, PRIMARY KEY(doc_key, pid)) WITHOUT ROWID;\n"
    "CREATE INDEX places_name ON places(name);\n"
    "CREATE TABLE place_mentions(doc_key TEXT NOT NULL, pid TEXT NOT NULL, start INTEGER, end INTEGER,"
    " sentence INTEGER);\n"
    "CREATE INDEX place_mentions_doc ON place_mentions(doc_key, pid);\n"
    "CREATE TABLE times(doc_key TEXT NOT NULL, tid TEXT NOT NULL, text TEXT, type TEXT, value TEXT,"
    " start INTEGER, end INTEGER, sentence INTEGER, PRIMARY KEY(doc_key, tid)) WITHOUT ROWID;\n"
    "CREATE TABLE quotes(doc_key TEXT NOT NULL, qid TEXT NOT NULL, text TEXT, start INTEGER, end INTEGER,"
    " speaker TEXT, speaker_text TEXT, cue TEXT, partial INTEGER, time TEXT, sentence INTEGER,"
    " confidence REAL, PRIMARY KEY(doc_key, qid)) WITHOUT ROWID;\n"
    "CREATE TABLE quantities(doc_key TEXT NOT NULL, nid TEXT NOT NULL, text TEXT, value REAL,"
    " value_max REAL, qualifier TEXT, unit TEXT, measure TEXT, status TEXT, about TEXT,"
    " claimed_by TEXT, claimed_by_text TEXT, time TEXT, start INTEGER, end INTEGER,"
    " sentence INTEGER, confidence REAL, PRIMARY KEY(doc_key, nid)) WITHOUT ROWID;\n"
    "CREATE TABLE events(doc_key TEXT NOT NULL, eid TEXT NOT NULL, mention TEXT, cameo TEXT, root TEXT,"
    " quad INTEGER, goldstein REAL, plover TEXT, plover_mode TEXT, source TEXT, target TEXT,"
    " source_code TEXT, target_code TEXT, verb TEXT, polarity TEXT, modality TEXT,"
    " attributed_to TEXT, time TEXT, date TEXT, place TEXT, sentence INTEGER, start INTEGER,"
    " end INTEGER, confidence REAL, PRIMARY KEY(doc_key, eid)) WITHOUT ROWID;\n"
    /* (doc_key indexed since v8, the text read from documents since v9:
     * stores made before have fts_reshape) */
    "CREATE VIRTUAL TABLE documents_fts USING fts5(doc_key, title, text, content='documents');\n"
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(doc_key, qid UNINDEXED, text);\n"
    /* merged tables: rebuilt by td_kb_merge from the facts above */
    "CREATE TABLE m_versions(doc_key TEXT PRIMARY KEY, group_key TEXT NOT NULL, reason TEXT) WITHOUT ROWID;\n"
    "CREATE TABLE m_story_docs(doc_key TEXT PRIMARY KEY, story_key TEXT NOT NULL) WITHOUT ROWID;\n"
    "CREATE INDEX m_story_docs_story ON m_story_docs(story_key);\n"
    "CREATE TABLE m_stories(story_key TEXT PRIMARY KEY, num_articles INTEGER, first_date TEXT,"
    " last_date TEXT, top_actors TEXT, top_places TEXT, title TEXT) WITHOUT ROWID;\n"
    "CREATE TABLE m_events(event_key TEXT PRIMARY KEY, gid INTEGER, root TEXT, cameo TEXT, quad INTEGER,"
    " goldstein REAL, source_entity TEXT, source_code TEXT, target_entity TEXT, target_code TEXT,"
    " date TEXT, first_seen TEXT, last_seen TEXT, num_mentions INTEGER, num_sources INTEGER,"
    " num_articles INTEGER, place TEXT, story_key TEXT) WITHOUT ROWID;\n"
    "CREATE INDEX m_events_date ON m_events(date);\n"
    "CREATE INDEX m_events_src ON m_events(source_code);\n"
    "CREATE INDEX m_events_tgt ON m_events(target_code);\n"
    "CREATE INDEX m_events_root ON m_events(root, date);\n"
    "CREATE INDEX m_events_place ON m_events(place COLLATE NOCASE);\n"
    "CREATE TABLE m_event_mentions(event_key TEXT NOT NULL, doc_key TEXT NOT NULL, eid TEXT NOT NULL,"
    " PRIMARY KEY(event_key, doc_key, eid)) WITHOUT ROWID;\n"
    "CREATE TABLE m_actors(entity TEXT PRIMARY KEY, name TEXT, kind TEXT, code TEXT, country TEXT,"
    " num_articles INTEGER, num_mentions INTEGER, first_seen TEXT, last_seen TEXT,"
    " names TEXT) WITHOUT ROWID;\n"
    "CREATE TABLE m_actor_roles(entity TEXT NOT NULL, role TEXT NOT NULL, num_articles INTEGER,"
    " first_seen TEXT, last_seen TEXT, PRIMARY KEY(entity, role)) WITHOUT ROWID;\n"
    "CREATE TABLE m_claims(claim_key TEXT PRIMARY KEY, group_key TEXT NOT NULL, doc_key TEXT NOT NULL,"
    " nid TEXT NOT NULL, measure TEXT, status TEXT, subject TEXT, frame TEXT, value REAL,"
    " value_max REAL, qualifier TEXT, lo REAL, hi REAL, claimant TEXT, claimant_text TEXT,"
    " time TEXT, agrees INTEGER, disagrees INTEGER) WITHOUT ROWID;\n"
    "CREATE INDEX m_claims_group ON m_claims(group_key);\n"
    "CREATE TABLE m_claim_relations(a TEXT NOT NULL, b TEXT NOT NULL, relation TEXT NOT NULL,"
    " PRIMARY KEY(a, b)) WITHOUT ROWID;\n";

/* Migrations: index i upgrades version i to i + 1. */
/* v2: the inputs already stored, by input key (sha256 of the resources,
 * options, input bytes and metadata), so a re-ingest skips them before
 * extraction. */
static const char schema_v2[] =
    "CREATE TABLE inputs(input_key TEXT PRIMARY KEY, doc_key TEXT NOT NULL) WITHOUT ROWID;\n"
    "CREATE INDEX inputs_doc ON inputs(doc_key);\n"
    "INSERT OR REPLACE INTO meta(key, value) VALUES('merge_needed', '1');\n";

/* v3: event mentions by article (query events --text joins them to the
 * full-text matches). */
static const char schema_v3[] =
    "CREATE INDEX IF NOT EXISTS m_event_mentions_doc ON m_event_mentions(doc_key);\n";

/* v4: each merged event's display fields (its day and first mention as
 * JSON), filled by td_kb_merge, so `tidings serve` pages events without
 * joining four tables per row. */
static const char schema_v4[] =
    "CREATE TABLE IF NOT EXISTS m_event_display(event_key TEXT PRIMARY KEY, day TEXT, mention TEXT)"
    " WITHOUT ROWID;\n"
    "INSERT OR REPLACE INTO meta(key, value) VALUES('merge_needed', '1');\n";

/* v5: min-hash bands without an index by document (it was a third of the
 * cost of storing them); a document's bands are deleted by their (band, h),
 * computed again from its min-hash. */
static const char schema_v5[] = "DROP INDEX IF EXISTS doc_bands_doc;\n";

/* v6: the merged events' indexes as kb.h defines them: (source_code,
 * target_code) added, the place index by (place, date); the old place
 * index is dropped first, having the same name. PostgreSQL also gets a
 * sequence number on documents (pg_v6) that `watch` follows as SQLite's
 * follows rowid. */
static const char schema_v6[] = "DROP INDEX IF EXISTS m_events_place;\n" TD_KB_EVENT_INDEXES_CREATE;

/* v7: sentences and the mentions of actors and places packed with the row
 * they belong to (documents.sentences, actors.mentions, places.mentions:
 * JSON arrays of [start, end] and [start, end, sentence]); the tables of v1
 * become views of the same names and columns. They were 87,000 of the
 * 170,000 rows the bbc corpus stores, a third of the writer's work. The
 * columns come here; the rows move and the views are made by each
 * dialect's own statements (sqlite_v7, pg_v7). The min-hash bands of
 * doc_bands go too (16,700 more rows for the corpus): the merge, their
 * only reader, read them all and sorted them in memory, and now computes
 * them from documents.minhash, which it reads anyway. */
static const char schema_v7[] = "ALTER TABLE documents ADD COLUMN sentences TEXT;\n"
                                "ALTER TABLE actors ADD COLUMN mentions TEXT;\n"
                                "ALTER TABLE places ADD COLUMN mentions TEXT;\n"
                                "DROP TABLE IF EXISTS doc_bands;\n";

/* v8: SQLite's full-text tables index their doc_key, so that a document's
 * rows are deleted through the index (a MATCH on the key) instead of a
 * scan of every row of the tables (on the bbc corpus 30 ms a replaced
 * article, growing with the store). The tables are made again by
 * fts_reshape, not here: v1 makes them in that shape, so a new store
 * (which runs every migration) does not pay for dropping and making them. */
static const char schema_v8[] = "";

/* v9: documents_fts reads its columns from the documents table (FTS5's
 * external content, rowids shared) instead of keeping its own copy of
 * every title and text: 5.4 MB of the bbc corpus's store written twice,
 * and the writer's B-tree inserts of them. Its rows are read, to delete
 * them, from the documents row, which is why a document's full-text rows go
 * (delete_facts) before its row is replaced or deleted. Made again by
 * fts_reshape, as v8's tables. */
static const char schema_v9[] = "";

static const char *const migrations[] = {schema_v1, schema_v2, schema_v3, schema_v4, schema_v5,
                                         schema_v6, schema_v7, schema_v8, schema_v9};

/* SQLite's v7: the rows packed in order (group_concat reads its FROM
 * subquery in that subquery's ORDER BY: SQLite does not flatten a
 * subquery with ORDER BY into an aggregate; kb_migrate_v7 and a v6 copy of
 * the bbc store check it), the tables dropped, the views made. The
 * mentions' index comes back first (an ingest killed in its bulk phase
 * leaves it out) so that packing does not scan the table once per actor. */
#define PACK_MENTIONS(T, ID, IDX)                                                                 \
  "CREATE INDEX IF NOT EXISTS " IDX " ON " T "_mentions(doc_key, " ID ");\n"                     \
  "UPDATE " T "s SET mentions = (SELECT '[' || coalesce(group_concat('[' || start || ',' || end"  \
  " || ',' || sentence || ']', ','), '') || ']' FROM (SELECT start, end, sentence FROM " T        \
  "_mentions m WHERE m.doc_key = " T "s.doc_key AND m." ID " = " T "s." ID " ORDER BY rowid));\n" \
  "DROP TABLE " T "_mentions;\n"                                                                 \
  "CREATE VIEW " T "_mentions(doc_key, " ID ", start, end, sentence) AS SELECT x.doc_key, x." ID   \
  ", j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM " T "s x, json_each(x.mentions) j;\n"
static const char sqlite_v7[] =
    "UPDATE documents SET sentences = (SELECT '[' || coalesce(group_concat('[' || start || ',' ||"
    " end || ']', ','), '') || ']' FROM (SELECT start, end FROM sentences s"
    " WHERE s.doc_key = documents.doc_key ORDER BY idx));\n"
    "DROP TABLE sentences;\n"
    "CREATE VIEW sentences(doc_key, idx, start, end) AS SELECT d.doc_key, j.key, j.value ->> 0,"
    " j.value ->> 1 FROM documents d, json_each(d.sentences) j;\n" PACK_MENTIONS(
        "actor", "aid", "actor_mentions_doc") PACK_MENTIONS("place", "pid", "place_mentions_doc");
/* fts_reshape's statements: the tables made again with their rows
 * (rowids kept); the hashsize comes back by fts_config, as on any store. */
#define FTS_REINDEX(T, COLS, NEWCOLS)                                                   \
  "CREATE VIRTUAL TABLE " T "_v8 USING fts5(" NEWCOLS ");\n"                           \
  "INSERT INTO " T "_v8(rowid, " COLS ") SELECT rowid, " COLS " FROM " T ";\n"         \
  "DROP TABLE " T ";\n"                                                                \
  "ALTER TABLE " T "_v8 RENAME TO " T ";\n"
static const char fts_reindex[] =
    "BEGIN IMMEDIATE;\n" FTS_REINDEX("quotes_fts", "doc_key, qid, text", "doc_key, qid UNINDEXED, text")
        "COMMIT;\n";
/* (v9: documents_fts made again over documents, its index from their rows) */
static const char fts_external[] =
    "BEGIN IMMEDIATE;\n"
    "DROP TABLE documents_fts;\n"
    "CREATE VIRTUAL TABLE documents_fts USING fts5(doc_key, title, text, content='documents');\n"
    "INSERT INTO documents_fts(documents_fts) VALUES('rebuild');\n"
    "COMMIT;\n";

/* 1 when a table of sqlite_master matches the condition cond (a string
 * literal), 0 when none does, -1 with err. */
static int schema_has(td_kb *kb, const char *cond, char *err, size_t errlen) {
  char sql[256];
  snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE %s", cond);
  td_kq *q = td_kb_prepare(kb, sql, err, errlen);
  if (!q) return -1;
  int n = td_kq_step(q) == TD_KQ_ROW && td_kq_col_int(q, 0) > 0;
  td_kq_finalize(q);
  return n;
}

/* Makes SQLite's full-text tables of a store from before v9 again in v9's
 * shape: quotes_fts from before v8 (doc_key UNINDEXED) with its rows,
 * documents_fts from before v9 (its own copy of the text) over documents;
 * nothing for a store that has them. Run after the migrations, on its own,
 * so a store killed between the two is made again at its next opening. 0
 * or -1 with err. */
static int fts_reshape(td_kb *kb, char *err, size_t errlen) {
  int old = schema_has(kb, "name = 'quotes_fts' AND sql LIKE '%doc_key UNINDEXED%'", err, errlen);
  int own = schema_has(kb, "name = 'documents_fts' AND sql NOT LIKE '%content=%'", err, errlen);
  if (old < 0 || own < 0) return -1;
  if ((old && td_kb_exec(kb, fts_reindex, err, errlen) != 0) ||
      (own && td_kb_exec(kb, fts_external, err, errlen) != 0)) {
    char e2[64];
    td_kb_exec(kb, "ROLLBACK", e2, sizeof e2);
    return -1;
  }
  return 0;
}

static const char *const sqlite_extra[] = {NULL, NULL, NULL, NULL, NULL, NULL, sqlite_v7, NULL, NULL};

/* SQLite: the secondary indexes that storing new documents does not read
 * (entity, place name; inputs by document, read only to delete an older
 * version); each row put into them lands on a random page. A first ingest into an empty store drops them and builds
 * them once at its end (td_kb_bulk_end), which sorts instead, or at its
 * first deletion; a store opened for writing gets any that are missing
 * back (an ingest killed halfway), so readers find them after any writer
 * has run. The definitions are the schema's (v1, v2). */
static const char bulk_index_create[] =
    "CREATE INDEX IF NOT EXISTS actors_entity ON actors(entity);"
    " CREATE INDEX IF NOT EXISTS places_name ON places(name);"
    " CREATE INDEX IF NOT EXISTS inputs_doc ON inputs(doc_key);";


/* PostgreSQL only, after each version's statements: full-text search over
 * documents and quotations (GIN indexes of the text; SQLite has its FTS5
 * tables instead). */
static const char pg_v1[] =
    "CREATE INDEX documents_tsv ON documents USING gin(to_tsvector('simple',"
    " coalesce(title, '') || ' ' || text));"
    "CREATE INDEX quotes_tsv ON quotes USING gin(to_tsvector('simple', coalesce(text, '')));";
static const char pg_v6[] = "ALTER TABLE documents ADD COLUMN IF NOT EXISTS seq BIGSERIAL;"
                            "CREATE INDEX IF NOT EXISTS documents_seq ON documents(seq);";
#define PG_PACK_MENTIONS(T, ID)                                                                 \
  "UPDATE " T "s SET mentions = (SELECT '[' || coalesce(string_agg('[' || start || ',' || \"end\""    \
  " || ',' || sentence || ']', ',' ORDER BY start, \"end\", sentence), '') || ']' FROM " T            \
  "_mentions m WHERE m.doc_key = " T "s.doc_key AND m." ID " = " T "s." ID ");"                     \
  "DROP TABLE " T "_mentions;"                                                                      \
  "CREATE VIEW " T "_mentions AS SELECT x.doc_key, x." ID ", (j.v ->> 0)::bigint AS start,"          \
  " (j.v ->> 1)::bigint AS \"end\", (j.v ->> 2)::bigint AS sentence FROM " T "s x"                  \
  " CROSS JOIN LATERAL json_array_elements(x.mentions::json) AS j(v);"
static const char pg_v7[] =
    "UPDATE documents SET sentences = (SELECT '[' || coalesce(string_agg('[' || start || ',' ||"
    " \"end\" || ']', ',' ORDER BY idx), '') || ']' FROM sentences s WHERE s.doc_key = documents.doc_key);"
    "DROP TABLE sentences;"
    "CREATE VIEW sentences AS SELECT d.doc_key, (j.n - 1)::bigint AS idx, (j.v ->> 0)::bigint AS start,"
    " (j.v ->> 1)::bigint AS \"end\" FROM documents d"
    " CROSS JOIN LATERAL json_array_elements(d.sentences::json) WITH ORDINALITY AS j(v, n);" PG_PACK_MENTIONS(
        "actor", "aid") PG_PACK_MENTIONS("place", "pid");
static const char *const pg_extra[] = {pg_v1, NULL, NULL, NULL, NULL, pg_v6, pg_v7, NULL, NULL};

void td_kb_key(char hex[65], int nparts, ...) {
  td_sha256 c;
  unsigned char out[32];
  va_list ap;
  td_sha256_init(&c);
  va_start(ap, nparts);
  for (int i = 0; i < nparts; i++) {
    const char *p = va_arg(ap, const char *);
    if (i) td_sha256_update(&c, "\x1f", 1);
    if (p) td_sha256_update(&c, p, strlen(p));
  }
  va_end(ap);
  td_sha256_final(&c, out);
  static const char digits[] = "0123456789abcdef"; /* (snprintf per byte was most of the cost) */
  for (int i = 0; i < 32; i++) hex[2 * i] = digits[out[i] >> 4], hex[2 * i + 1] = digits[out[i] & 15];
  hex[64] = 0;
}

/* SQLite: the full-text tables buffer a whole batch's terms before writing
 * them (FTS5's `hashsize`, 1 MiB by default, is stored in the table's
 * config): with the default a batch of the bbc corpus was flushed as
 * several segments that FTS5 then merged again, 5% of the instructions of
 * storing. The index holds the same terms either way. Set once per store
 * (a store that has it is not written to). 0 or -1 with err. */
#define TD_KB_FTS_HASHSIZE 67108864
static int fts_config(td_kb *kb, char *err, size_t errlen) {
  static const char *const tables[][2] = {
      {"SELECT v FROM documents_fts_config WHERE k='hashsize'",
       "INSERT INTO documents_fts(documents_fts, rank) VALUES('hashsize', 67108864)"},
      {"SELECT v FROM quotes_fts_config WHERE k='hashsize'",
       "INSERT INTO quotes_fts(quotes_fts, rank) VALUES('hashsize', 67108864)"}};
  for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
    td_kq *q = td_kb_prepare(kb, tables[i][0], err, errlen);
    if (!q) return -1;
    int set = td_kq_step(q) == TD_KQ_ROW && td_kq_col_int(q, 0) == TD_KB_FTS_HASHSIZE;
    td_kq_finalize(q);
    if (!set && td_kb_exec(kb, tables[i][1], err, errlen) != 0) return -1;
  }
  return 0;
}

td_kb *td_kb_open(const char *path, int readonly, char *err, size_t errlen) {
  td_kb *kb = td_xcalloc(1, sizeof *kb);
  kb->readonly = readonly;
  if (td_kb_connect(kb, path, err, errlen) != 0) {
    td_kb_close(kb);
    return NULL;
  }
  if (readonly) {
    int v = td_kb_schema_version(kb);
    if (v < 1 || v > TD_KB_SCHEMA_VERSION) { /* readers need only v1's tables */
      char shown[1024];
      snprintf(err, errlen, "%s: not a tidings store (schema version %d, want %d)",
               td_kb_redact(path, shown, sizeof shown), v, TD_KB_SCHEMA_VERSION);
      td_kb_close(kb);
      return NULL;
    }
    return kb;
  }
  /* a large page cache and rare checkpoints: ingest rewrites the same index
   * pages batch after batch (3.6 s instead of 7.4 s to store the bbc corpus
   * with SQLite's default 2 MB); a new store gets 16 KiB pages (fewer,
   * shallower B-trees and fewer writes: storing the bbc corpus ~12% less
   * CPU than with 4 KiB; an existing store keeps its page size). The cache
   * is 64 MiB: the bbc corpus's whole store (40 MB) fits, and on larger
   * corpora 256 MiB filled up and was most of ingest's peak memory (eight
   * copies of bbc, 17,800 articles, --threads 2: 467 MB at 256 MiB, 268 MB
   * at 64 MiB, the same CPU and wall time within the noise of four runs). */
  if (kb->db && td_kb_exec(kb, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;"
                               " PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
                               " PRAGMA wal_autocheckpoint=12500; PRAGMA temp_store=MEMORY;", /* WAL: 200 MB */
                           err, errlen) != 0) {
    td_kb_close(kb);
    return NULL;
  }
  char msg[400];
  if (td_kb_migrate(kb, migrations, sqlite_extra, pg_extra, TD_KB_SCHEMA_VERSION, msg, sizeof msg) != 0 ||
      (kb->db && td_kb_exec(kb, bulk_index_create, msg, sizeof msg) != 0) ||
      (kb->db && fts_reshape(kb, msg, sizeof msg) != 0) || (kb->db && fts_config(kb, msg, sizeof msg) != 0)) {
    snprintf(err, errlen, "%s: %s", td_kb_is_pg_url(path) ? "postgresql" : path, msg);
    td_kb_close(kb);
    return NULL;
  }
  return kb;
}

static void fts_clear(td_kb *kb);
static void saved_clear(td_kb *kb);

void td_kb_close(td_kb *kb) {
  if (!kb) return;
  char err[256];
  td_kb_checkpoint_wait(kb);
  if (kb->in_tx) td_kb_commit(kb, err, sizeof err);
  td_kb_disconnect(kb);
  fts_clear(kb);
  free(kb->fts);
  saved_clear(kb);
  free(kb->saved);
  free(kb);
}

void td_kb_set_reextract(td_kb *kb, int on) { kb->reextract = on; }

int td_kb_merge_needed(td_kb *kb) {
  char err[256];
  int v = 1;
  td_kq *st = td_kb_prepare(kb, "SELECT count(*) FROM meta WHERE key='merge_needed'", err, sizeof err);
  if (!st) return 1;
  if (td_kq_step(st) == TD_KQ_ROW) v = td_kq_col_int(st, 0) > 0;
  td_kq_finalize(st);
  return v;
}

/* ---- indexes not needed while storing ---- */

int td_kb_bulk_begin(td_kb *kb, char *err, size_t errlen) {
  if (!kb->db || kb->in_tx) return 0;
  td_kq *q = td_kb_prepare(kb, "SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1)", err, errlen);
  if (!q) return -1;
  int empty = td_kq_step(q) == TD_KQ_ROW && td_kq_col_int(q, 0) == 0;
  td_kq_finalize(q);
  if (!empty) return 0;
  kb->bulk = 1;
  return td_kb_exec(kb, "DROP INDEX IF EXISTS actors_entity; DROP INDEX IF EXISTS places_name;"
                        " DROP INDEX IF EXISTS inputs_doc;",
                    err, errlen);
}

int td_kb_bulk_end(td_kb *kb, char *err, size_t errlen) {
  if (!kb->db) return 0;
  kb->bulk = 0;
  if (td_kb_commit(kb, err, errlen) != 0) return -1;
  return td_kb_exec(kb, bulk_index_create, err, errlen);
}

/* ---- a checkpoint beside ---- */

/* At the end of an ingest the write-ahead log holds every page it wrote
 * (40 MB for the bbc corpus); the last connection to close copies them into
 * the database file on one core while the other cores wait (0.08 s of the
 * bbc corpus's 1.1 s). Copied on a second connection while the merge runs on
 * the first, only the merge's pages are left for the close. */
struct td_kb_ckpt {
  pthread_t thread;
  char *path;
};

static void *checkpoint_run(void *arg) {
  struct td_kb_ckpt *c = arg;
  sqlite3 *db = NULL;
  /* (a read first: a new connection knows the log only once it has read) */
  if (sqlite3_open_v2(c->path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
      sqlite3_exec(db, "PRAGMA schema_version", NULL, NULL, NULL) == SQLITE_OK)
    sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL); /* never waits */
  sqlite3_close(db); /* not the last connection: no checkpoint of its own */
  return NULL;
}

void td_kb_checkpoint_start(td_kb *kb) {
  if (!kb->db || kb->ckpt || kb->in_tx) return;
  const char *path = sqlite3_db_filename(kb->db, "main");
  if (!path || !*path) return; /* an in-memory store */
  struct td_kb_ckpt *c = td_xcalloc(1, sizeof *c);
  c->path = td_xstrdup(path);
  if (pthread_create(&c->thread, NULL, checkpoint_run, c) != 0) {
    free(c->path);
    free(c);
    return;
  }
  kb->ckpt = c;
}

void td_kb_checkpoint_wait(td_kb *kb) {
  struct td_kb_ckpt *c = kb->ckpt;
  if (!c) return;
  pthread_join(c->thread, NULL);
  free(c->path);
  free(c);
  kb->ckpt = NULL;
}

/* ---- full-text rows, written per batch ---- */

/* A documents_fts (quote 0: title, text, under the rowid of the documents
 * row they are read from, v9) or quotes_fts (quote 1: qid, text) row
 * waiting to be written: at the commit of its batch when the
 * records are stored in savepoints (an FTS5 table in the transaction writes
 * its pending terms out at every savepoint: a segment per record), else a
 * run of FTS_RUN rows at a time. dead: the savepoint number of the
 * document that deleted it (0: alive).
 *
 * A run is long (about 480 documents of the bbc corpus with their
 * quotations) and is written table by table: FTS5's cost is in its hash of
 * pending terms, whose slots and entries are mostly cache misses after the
 * row inserts and record reading in between, and each run and table pays
 * that warming once. Runs of 64 rows, documents and quotations in turn,
 * cost the bbc corpus's storing ~20% more CPU (the same instructions);
 * longer still, the last run is written after extraction has ended, with
 * nothing left to overlap it. */
#define FTS_RUN 2048

struct td_kb_fts {
  char *key, *a, *b;
  long long rowid; /* documents_fts: the documents row's (quotes_fts: unused) */
  int quote, seq, dead;
};

static void fts_queue(td_kb *kb, int quote, long long rowid, const char *key, const char *a,
                      const char *b) {
  TD_GROW(kb->fts, kb->fts_cap, kb->nfts + 1);
  struct td_kb_fts *f = &kb->fts[kb->nfts++];
  f->rowid = rowid;
  f->key = td_xstrdup(key);
  f->a = a ? td_xstrdup(a) : NULL;
  f->b = b ? td_xstrdup(b) : NULL;
  f->quote = quote, f->seq = kb->doc_seq, f->dead = 0;
}

/* The document's facts are being deleted: so are its queued rows. */
static void fts_drop_key(td_kb *kb, const char *key) {
  for (size_t i = 0; i < kb->nfts; i++)
    if (!kb->fts[i].dead && strcmp(kb->fts[i].key, key) == 0) kb->fts[i].dead = kb->doc_seq;
}

/* The document being stored was rolled back: so are its queue changes. */
static void fts_rollback(td_kb *kb) {
  size_t n = 0;
  for (size_t i = 0; i < kb->nfts; i++) {
    struct td_kb_fts *f = &kb->fts[i];
    if (f->seq == kb->doc_seq) {
      free(f->key), free(f->a), free(f->b);
      continue;
    }
    if (f->dead == kb->doc_seq) f->dead = 0;
    kb->fts[n++] = *f;
  }
  kb->nfts = n;
}

static void fts_clear(td_kb *kb) {
  for (size_t i = 0; i < kb->nfts; i++) free(kb->fts[i].key), free(kb->fts[i].a), free(kb->fts[i].b);
  kb->nfts = 0;
}

/* Writes the queued rows (in the open transaction): the documents' rows,
 * then the quotations'. 0 or -1 with err. */
static int fts_flush(td_kb *kb, char *err, size_t errlen) {
  static const char *const ins[2] = {
      "INSERT INTO documents_fts(doc_key, title, text, rowid) VALUES(?,?,?,?)",
      "INSERT INTO quotes_fts(doc_key, qid, text) VALUES(?,?,?)"};
  int rc = 0;
  for (int quote = 0; quote < 2 && rc == 0; quote++) {
    td_kq *st = NULL; /* the table's statement, found at its first row */
    for (size_t i = 0; i < kb->nfts && rc == 0; i++) {
      struct td_kb_fts *f = &kb->fts[i];
      if (f->dead || f->quote != quote) continue;
      if (st) td_kq_reset(st);
      else if (!(st = td_kb_stmt(kb, ins[quote], err, errlen))) {
        rc = -1;
        break;
      }
      td_kq_text_ref(st, 1, f->key); /* (the queue's copies outlive the step) */
      td_kq_text_ref(st, 2, f->a);
      td_kq_text_ref(st, 3, f->b);
      if (!quote) td_kq_int(st, 4, f->rowid);
      if (td_kq_step(st) != TD_KQ_DONE) {
        snprintf(err, errlen, "%s", td_kb_errmsg(kb));
        rc = -1;
      }
    }
  }
  fts_clear(kb);
  return rc;
}

/* ---- the open batch's records (SQLite) ---- */

/* A record read for storing: a copy of its JSON (kept for a redo of the
 * batch), its tree and the min-hash of its text, computed wherever
 * td_kb_rec_parse runs (ingest: on an extraction thread when the writer
 * is behind, else on the writer's). */
struct td_kb_rec {
  td_arena arena;
  char *json;
  size_t len, cap; /* cap: the JSON buffer's size (0: none) */
  int read;          /* parsed (td_kb_rec_parse) */
  const td_jv *root; /* NULL when the JSON did not parse: err says why */
  uint64_t sig[TD_KB_NHASH];
  char err[256];
};

/* A record of the open batch, stored without a savepoint. */
struct td_kb_saved {
  char *json;
  size_t len;
  char *input_key; /* or NULL */
};

static void saved_clear(td_kb *kb) {
  for (size_t i = 0; i < kb->nsaved; i++) free(kb->saved[i].json), free(kb->saved[i].input_key);
  kb->nsaved = 0;
}

/* Keeps the JSON of a record stored in the open batch (for a redo), taken
 * from rec, whose copy it was. */
static void saved_push(td_kb *kb, td_kb_rec *rec) {
  TD_GROW(kb->saved, kb->saved_cap, kb->nsaved + 1);
  struct td_kb_saved *r = &kb->saved[kb->nsaved++];
  r->json = rec->json, r->len = rec->len;
  rec->json = NULL, rec->cap = 0;
  r->input_key = kb->input_key ? td_xstrdup(kb->input_key) : NULL;
}

int td_kb_commit(td_kb *kb, char *err, size_t errlen) {
  if (!kb->in_tx) return 0;
  kb->in_tx = 0;
  kb->batch = 0;
  kb->careful = 0;
  kb->merge_marked = 0;
  saved_clear(kb);
  if (fts_flush(kb, err, errlen) != 0) { /* the batch goes whole or not at all */
    char e2[64];
    td_kb_exec(kb, "ROLLBACK", e2, sizeof e2);
    return -1;
  }
  return td_kb_exec(kb, "COMMIT", err, errlen);
}

/* ---- reading the JSON record ---- */

static const char *jstr(const td_jv *o, const char *k) {
  return td_jv_str(td_jv_get(o, k));
}

/* (the record's strings live in its arena until it is stored) */
static void bind_jstr(td_kq *st, int i, const td_jv *o, const char *k) {
  const td_jv *v = td_jv_get(o, k);
  if (v && v->t == TD_JV_STR) td_kq_text_ref_n(st, i, v->s, v->n); /* (its length is known) */
  else td_kq_null(st, i);
}

static void bind_num(td_kq *st, int i, const td_jv *v) {
  if (v && v->t == TD_JV_INT) td_kq_int(st, i, v->i);
  else if (v && v->t == TD_JV_REAL) td_kq_double(st, i, v->d);
  else if (v && (v->t == TD_JV_TRUE || v->t == TD_JV_FALSE)) td_kq_int(st, i, v->t == TD_JV_TRUE);
  else td_kq_null(st, i);
}

/* Binds span [s, e] (the array v) to i and i + 1 (NULLs when v is not a
 * pair); its start in *s_out, else -1. */
static void bind_span(td_kq *st, int i, const td_jv *v, long *s_out) {
  *s_out = -1;
  if (td_jv_len(v) == 2) {
    *s_out = (long)td_jv_int(td_jv_at(v, 0));
    td_kq_int(st, i, td_jv_int(td_jv_at(v, 0)));
    td_kq_int(st, i + 1, td_jv_int(td_jv_at(v, 1)));
  } else {
    td_kq_null(st, i);
    td_kq_null(st, i + 1);
  }
}

/* The sentence index holding code point offset off, by binary search over
 * the sentence starts, or -1. */
static long sentence_of(const long *starts, size_t n, long off) {
  if (off < 0 || n == 0) return -1;
  size_t lo = 0, hi = n;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (starts[mid] <= off) lo = mid;
    else hi = mid;
  }
  return starts[lo] <= off ? (long)lo : -1;
}

static int step_done(td_kb *kb, td_kq *st, char *err, size_t errlen) {
  int rc = td_kq_step(st);
  if (rc != TD_KQ_DONE && rc != TD_KQ_ROW) {
    snprintf(err, errlen, "%s", td_kb_errmsg(kb));
    return -1;
  }
  return 0;
}

/* How the rows of one layer's fact table are filled from the layer's array
 * in a record: doc_key is parameter 1, then one entry per field in
 * parameter order: 'S' a string, 'N' a number, 'P' a span (start and end,
 * two parameters), 'E' the sentence holding the span bound before it, 'M'
 * mentions (an array of spans) packed as JSON [[start, end, sentence], …]. */
typedef struct {
  char kind;
  const char *field;
} fact_col;

typedef struct {
  const char *layer, *sql;
  int fts;                  /* rows go to the quotations' full-text index */
  fact_col cols[24];
} fact_table;

static const fact_table fact_inserts[] = {
    {"actors",
     "INSERT OR REPLACE INTO actors(doc_key, aid, entity, name, kind, code, country,"
     " sector, role, role_past, known, mentions) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
     0,
     {{'S', "id"}, {'S', "entity"}, {'S', "name"}, {'S', "kind"}, {'S', "code"}, {'S', "country"},
      {'S', "sector"}, {'S', "role"}, {'N', "role_past"}, {'N', "known"}, {'M', "mentions"}}},
    {"places",
     "INSERT OR REPLACE INTO places(doc_key, pid, name, geonameid, country, feature, lat,"
     " lon, mentions) VALUES(?,?,?,?,?,?,?,?,?)",
     0,
     {{'S', "id"}, {'S', "name"}, {'N', "geonameid"}, {'S', "country"}, {'S', "feature"},
      {'N', "lat"}, {'N', "lon"}, {'M', "mentions"}}},
    {"times",
     "INSERT OR REPLACE INTO times(doc_key, tid, text, type, value, start, end, sentence)"
     " VALUES(?,?,?,?,?,?,?,?)",
     0,
     {{'S', "id"}, {'S', "text"}, {'S', "type"}, {'S', "value"}, {'P', "span"}, {'E', NULL}}},
    {"quotes",
     "INSERT OR REPLACE INTO quotes(doc_key, qid, text, start, end, speaker, speaker_text,"
     " cue, partial, time, sentence, confidence) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
     1,
     {{'S', "id"}, {'S', "text"}, {'P', "span"}, {'S', "speaker"}, {'S', "speaker_text"},
      {'S', "cue"}, {'N', "partial"}, {'S', "time"}, {'N', "sentence"}, {'N', "confidence"}}},
    {"quantities",
     "INSERT OR REPLACE INTO quantities(doc_key, nid, text, value, value_max, qualifier,"
     " unit, measure, status, about, claimed_by, claimed_by_text, time, start, end,"
     " sentence, confidence) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
     0,
     {{'S', "id"}, {'S', "text"}, {'N', "value"}, {'N', "value_max"}, {'S', "qualifier"},
      {'S', "unit"}, {'S', "measure"}, {'S', "status"}, {'S', "about"}, {'S', "claimed_by"},
      {'S', "claimed_by_text"}, {'S', "time"}, {'P', "span"}, {'N', "sentence"},
      {'N', "confidence"}}},
    {"events",
     "INSERT OR REPLACE INTO events(doc_key, eid, mention, cameo, root, quad, goldstein,"
     " plover, plover_mode, source, target, source_code, target_code, verb, polarity,"
     " modality, attributed_to, time, date, place, sentence, start, end, confidence)"
     " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
     0,
     {{'S', "id"}, {'S', "mention"}, {'S', "cameo"}, {'S', "root"}, {'N', "quad"},
      {'N', "goldstein"}, {'S', "plover"}, {'S', "plover_mode"}, {'S', "source"},
      {'S', "target"}, {'S', "source_code"}, {'S', "target_code"}, {'S', "verb"},
      {'S', "polarity"}, {'S', "modality"}, {'S', "attributed_to"}, {'S', "time"},
      {'S', "date"}, {'S', "place"}, {'N', "sentence"}, {'P', "span"}, {'N', "confidence"}}},
};

/* The column of ft filled from member key, or -1: tries *hint first
 * (records list a layer's fields in the table's column order), then the
 * others; *hint moves past the column found. */
static int fact_col_of(const fact_table *ft, const char *key, int *hint) {
  const fact_col *h = &ft->cols[*hint];
  if (h->kind && h->field && h->field[0] == key[0] && strcmp(h->field, key) == 0) return (*hint)++;
  for (int c = 0; ft->cols[c].kind; c++) {
    const char *f = ft->cols[c].field;
    if (f && f[0] == key[0] && strcmp(f, key) == 0) {
      *hint = c + 1;
      return c;
    }
  }
  return -1;
}

/* The spans of array arr ([[start, end], …]) packed into out (emptied
 * first) as JSON: [[start, end], …] for documents.sentences (starts NULL),
 * [[start, end, sentence], …] for actors.mentions and places.mentions,
 * each span's sentence found among the ns sentence starts; "[]" for none. */
static void pack_spans(td_buf *out, const td_jv *arr, const long *starts, size_t ns) {
  size_t n = td_jv_len(arr);
  out->len = 0;
  td_buf_reserve(out, 2 + n * 66); /* (a span: 3 numbers of at most 20 bytes, 5 more) */
  char *w = out->ptr;
  *w++ = '[';
  for (size_t j = 0; j < n; j++) {
    const td_jv *m = arr->v[j];
    long s = (long)td_jv_int(td_jv_at(m, 0));
    if (j) *w++ = ',';
    *w++ = '[';
    w += td_fmt_i64(w, s);
    *w++ = ',';
    w += td_fmt_i64(w, td_jv_int(td_jv_at(m, 1)));
    if (starts) {
      *w++ = ',';
      w += td_fmt_i64(w, sentence_of(starts, ns, s));
    }
    *w++ = ']';
  }
  *w++ = ']';
  *w = 0;
  out->len = (size_t)(w - out->ptr);
}

#define STMT(var, sql)                                   \
  td_kq *var = td_kb_stmt(kb, sql, err, errlen);  \
  if (!var) return -1

static const char *const fact_tables[] = {
    "DELETE FROM actors WHERE doc_key=?", "DELETE FROM places WHERE doc_key=?",
    "DELETE FROM times WHERE doc_key=?",
    "DELETE FROM quotes WHERE doc_key=?", "DELETE FROM quantities WHERE doc_key=?",
    "DELETE FROM events WHERE doc_key=?",
    /* (SQLite's FTS5 tables: by their doc_key column's index, v8) */
    "DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents_fts"
    " WHERE documents_fts MATCH 'doc_key : \"' || ? || '\"')",
    "DELETE FROM quotes_fts WHERE rowid IN (SELECT rowid FROM quotes_fts"
    " WHERE quotes_fts MATCH 'doc_key : \"' || ? || '\"')"};

static uint64_t mix64(uint64_t x);

long long td_kb_band_hash(const uint64_t *sig, int b) {
  return (long long)(mix64(sig[2 * b] ^ mix64(sig[2 * b + 1])) >> 1);
}

/* Removes a document's facts (not its row or copies). */
static int delete_facts(td_kb *kb, const char *key, char *err, size_t errlen) {
  if (kb->bulk) { /* deleting by document needs the indexes back (in this transaction) */
    kb->bulk = 0;
    if (td_kb_exec(kb, bulk_index_create, err, errlen) != 0) return -1;
  }
  fts_drop_key(kb, key);
  for (size_t i = 0; i < sizeof fact_tables / sizeof fact_tables[0]; i++) {
    if (kb->pg && strstr(fact_tables[i], "_fts")) continue; /* SQLite's FTS5 tables */
    STMT(st, fact_tables[i]);
    td_kb_bind_str(st, 1, key);
    if (step_done(kb, st, err, errlen) != 0) return -1;
  }
  return 0;
}

static int delete_doc(td_kb *kb, const char *key, char *err, size_t errlen) {
  if (delete_facts(kb, key, err, errlen) != 0) return -1;
  STMT(a, "DELETE FROM documents WHERE doc_key=?");
  td_kb_bind_str(a, 1, key);
  if (step_done(kb, a, err, errlen) != 0) return -1;
  STMT(b, "DELETE FROM doc_copies WHERE doc_key=?");
  td_kb_bind_str(b, 1, key);
  if (step_done(kb, b, err, errlen) != 0) return -1;
  STMT(c, "DELETE FROM inputs WHERE doc_key=?");
  td_kb_bind_str(c, 1, key);
  return step_done(kb, c, err, errlen);
}

/* ---- near-duplicate signature: min-hash over word 5-shingles ---- */

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/* Fills sig[TD_KB_NHASH] from text (ASCII-folded words of letters and
 * digits; other bytes separate words). A text under 5 words hashes what it has. */
static int wordch(unsigned c) {
  return c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
}

/* Where the compiler can, minhash is built twice, and the program picks at
 * start-up (ifunc) the copy for the processor: with AVX-512 the 16 hashes
 * of a shingle are two vector operations (vpmullq), a fifth of the scalar
 * instructions; the values are the same integers either way. Valgrind
 * shows no AVX-512, so under callgrind the scalar copy runs. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11 && defined(__x86_64__) && \
    !defined(TD_NO_CLONES)
#define TD_MINHASH_CLONES __attribute__((target_clones("arch=x86-64-v4", "default")))
#else
#define TD_MINHASH_CLONES
#endif

TD_MINHASH_CLONES
static void minhash(const char *text, uint64_t sig[TD_KB_NHASH]) {
  uint64_t win[5] = {0}, m[TD_KB_NHASH];
  size_t nw = 0;
  for (int k = 0; k < TD_KB_NHASH; k++) m[k] = UINT64_MAX;
  const unsigned char *p = (const unsigned char *)text;
  for (;;) {
    while (*p && !wordch(*p)) p++;
    if (!*p) break;
    uint64_t h = 1469598103934665603ULL;
    while (*p && wordch(*p)) {
      unsigned c = *p >= 'A' && *p <= 'Z' ? *p | 32 : *p;
      h = (h ^ c) * 1099511628211ULL;
      p++;
    }
    win[nw % 5] = h;
    nw++;
    if (nw >= 5) {
      uint64_t s = 0;
      for (size_t j = nw - 5; j < nw; j++) s = mix64(s ^ win[j % 5]);
      for (int k = 0; k < TD_KB_NHASH; k++) { /* (a loop the compiler vectorizes) */
        uint64_t v = mix64(s + 0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1));
        m[k] = v < m[k] ? v : m[k];
      }
    }
  }
  if (nw > 0 && nw < 5) {
    uint64_t s = 0;
    for (size_t j = 0; j < nw; j++) s = mix64(s ^ win[j]);
    for (int k = 0; k < TD_KB_NHASH; k++) m[k] = mix64(s + 0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1));
  }
  memcpy(sig, m, sizeof m);
}

/* ---- writing a document ---- */

/* Inserts the document's row (with its min-hash and packed sentences),
 * full-text rows (queued) and facts from record root under key (64 hex
 * digits: checked by add_record). 0, or -1 with err. */
static int insert_doc(td_kb *kb, const char *key, const td_jv *root, const uint64_t *sig,
                      char *err, size_t errlen) {
  const td_jv *doc = td_jv_get(root, "doc");
  const char *text = jstr(root, "text");
  if (!text) text = "";
  /* sentences: packed into the document's row; their starts locate every
   * mention's sentence */
  const td_jv *sents = td_jv_get(root, "sentences");
  size_t ns = td_jv_len(sents);
  long *starts = td_xcalloc(ns + 1, sizeof *starts);
  for (size_t i = 0; i < ns; i++) starts[i] = (long)td_jv_int(td_jv_at(td_jv_at(sents, i), 0));
  td_buf pack = TD_BUF_INIT;
  pack_spans(&pack, sents, NULL, 0);

  td_kq *d = td_kb_stmt(kb, "INSERT OR REPLACE INTO documents(doc_key, id, input_sha256, source, url,"
                            " title, date, date_from, lang, wire_marker, text, nchars, minhash, sentences)"
                            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)", err, errlen);
  if (!d) goto fail;
  td_kq_text_ref_n(d, 1, key, 64);
  bind_jstr(d, 2, doc, "id");
  bind_jstr(d, 3, doc, "input_sha256");
  bind_jstr(d, 4, doc, "source");
  bind_jstr(d, 5, doc, "url");
  bind_jstr(d, 6, doc, "title");
  bind_jstr(d, 7, doc, "date");
  bind_jstr(d, 8, doc, "date_from");
  bind_jstr(d, 9, doc, "lang");
  bind_jstr(d, 10, doc, "wire_marker");
  td_kq_text_ref(d, 11, text);
  td_kq_int(d, 12, (long long)td_utf8_count(text, strlen(text)));
  td_kq_blob(d, 13, sig, TD_KB_NHASH * sizeof *sig);
  td_kq_text_ref_n(d, 14, pack.ptr, pack.len);
  if (step_done(kb, d, err, errlen) != 0) goto fail;

  if (kb->db) /* PostgreSQL searches a GIN index of documents instead */
    fts_queue(kb, 0, sqlite3_last_insert_rowid(kb->db), key, jstr(doc, "title"), text);

  for (size_t t = 0; t < sizeof fact_inserts / sizeof *fact_inserts; t++) {
    const fact_table *ft = &fact_inserts[t];
    td_kq *st = td_kb_stmt(kb, ft->sql, err, errlen);
    if (!st) goto fail;
    const td_jv *o, *arr = td_jv_get(root, ft->layer);
    int param[24], ncols = 0, sentence_col = -1, mentions_col = -1; /* each column's first parameter */
    for (int p = 2; ft->cols[ncols].kind; ncols++) {
      param[ncols] = p;
      p += ft->cols[ncols].kind == 'P' ? 2 : 1;
      if (ft->cols[ncols].kind == 'E') sentence_col = ncols;
      if (ft->cols[ncols].kind == 'M') mentions_col = ncols;
    }
    for (size_t i = 0; (o = td_jv_at(arr, i)); i++) {
      td_kq_again(st);
      td_kq_text_ref_n(st, 1, key, 64);
      /* one pass over the object's members, each bound to its column (a
       * later one with the same key binds over an earlier one, as
       * td_jv_get finds the last); columns no member named bind NULL */
      unsigned long bound = 0;
      long s = -1;
      int hint = 0;
      for (size_t m = 0; m < o->n && o->t == TD_JV_OBJ; m++) {
        const td_jv *v = o->v[m];
        int c = fact_col_of(ft, v->key, &hint);
        if (c < 0 || ft->cols[c].kind == 'M') continue; /* mentions: packed below */
        bound |= 1UL << c;
        switch (ft->cols[c].kind) {
        case 'S':
          if (v->t == TD_JV_STR) td_kq_text_ref_n(st, param[c], v->s, v->n);
          else td_kq_null(st, param[c]);
          break;
        case 'N': bind_num(st, param[c], v); break;
        default: bind_span(st, param[c], v, &s); break; /* 'P' */
        }
      }
      for (int c = 0; c < ncols; c++) {
        if (bound >> c & 1) continue;
        if (ft->cols[c].kind == 'P') td_kq_null(st, param[c]), td_kq_null(st, param[c] + 1);
        else if (ft->cols[c].kind != 'E' && ft->cols[c].kind != 'M') td_kq_null(st, param[c]);
      }
      if (sentence_col >= 0) td_kq_int(st, param[sentence_col], sentence_of(starts, ns, s));
      if (mentions_col >= 0) {
        pack_spans(&pack, td_jv_get(o, "mentions"), starts, ns);
        td_kq_text_ref_n(st, param[mentions_col], pack.ptr, pack.len);
      }
      if (step_done(kb, st, err, errlen) != 0) goto fail;
      if (ft->fts && kb->db) fts_queue(kb, 1, 0, key, jstr(o, "id"), jstr(o, "text"));
    }
  }
  free(starts);
  td_buf_free(&pack);
  return 0;
fail:
  free(starts);
  td_buf_free(&pack);
  return -1;
}

/* Records a copy (id, input hash, source, url) of the text stored under
 * key; *added (when not NULL) is 1 when the copy is new. 0, or -1. */
static int add_copy(td_kb *kb, const char *key, const char *id, const char *ih,
                    const char *source, const char *url, int *added, char *err, size_t errlen) {
  td_kq *cp = td_kb_stmt(kb, "INSERT OR IGNORE INTO doc_copies(doc_key, id, input_sha256, source,"
                             " url) VALUES(?,?,?,?,?)", err, errlen);
  if (!cp) return -1;
  td_kb_bind_str(cp, 1, key);
  td_kb_bind_str(cp, 2, id);
  td_kb_bind_str(cp, 3, ih);
  td_kb_bind_str(cp, 4, source);
  td_kb_bind_str(cp, 5, url);
  if (step_done(kb, cp, err, errlen) != 0) return -1;
  if (added) *added = td_kq_changes(cp) != 0;
  return 0;
}

/* Compares copies (id, input hash): the smallest is the one whose facts the
 * store keeps, so that the result does not depend on the order of arrival. */
static int copy_cmp(const char *id1, const char *h1, const char *id2, const char *h2) {
  int c = strcmp(id1 ? id1 : "", id2 ? id2 : "");
  return c ? c : strcmp(h1 ? h1 : "", h2 ? h2 : "");
}

/* Removes older versions of the article: copies elsewhere with the same url
 * (or, without a url, the same id and source). Counts *replaced. */
static int drop_older(td_kb *kb, const char *key, const char *id, const char *source,
                      const char *url, int *replaced, char *err, size_t errlen) {
  td_kq *q;
  if (url) {
    q = td_kb_stmt(kb, "SELECT DISTINCT doc_key FROM doc_copies WHERE url=? AND doc_key<>?", err, errlen);
    if (!q) return -1;
    td_kb_bind_str(q, 1, url);
  } else if (source && id) {
    q = td_kb_stmt(kb, "SELECT DISTINCT doc_key FROM doc_copies WHERE id=? AND source=? AND url IS NULL"
                       " AND doc_key<>?", err, errlen);
    if (!q) return -1;
    td_kb_bind_str(q, 1, id);
    td_kb_bind_str(q, 2, source);
  } else {
    return 0;
  }
  td_kb_bind_str(q, url ? 2 : 3, key);
  char olds[8][65];
  int n = 0;
  while (td_kq_step(q) == TD_KQ_ROW && n < 8)
    snprintf(olds[n++], 65, "%s", (const char *)td_kq_col_text(q, 0));
  td_kq_reset(q);
  for (int i = 0; i < n; i++) {
    /* drop the copies that match, then the document when none is left */
    td_kq *d1 = td_kb_stmt(kb, url ? "DELETE FROM doc_copies WHERE doc_key=? AND url=?"
                                          : "DELETE FROM doc_copies WHERE doc_key=? AND id=? AND source=?",
                                  err, errlen);
    if (!d1) return -1;
    td_kb_bind_str(d1, 1, olds[i]);
    td_kb_bind_str(d1, 2, url ? url : id);
    if (!url) td_kb_bind_str(d1, 3, source);
    if (step_done(kb, d1, err, errlen) != 0) return -1;
    STMT(left, "SELECT count(*) FROM doc_copies WHERE doc_key=?");
    td_kb_bind_str(left, 1, olds[i]);
    td_kq_step(left);
    int nleft = td_kq_col_int(left, 0);
    td_kq_reset(left);
    if (nleft == 0 && delete_doc(kb, olds[i], err, errlen) != 0) return -1;
    *replaced = 1;
  }
  return 0;
}


/* The largest arena block, and JSON buffer, a reused record keeps: more
 * than nearly every article needs (8 KB of JSON on average in the bbc
 * corpus), and a bound on what records kept for reuse hold. */
#define REC_KEEP ((size_t)256 << 10)

td_kb_rec *td_kb_rec_copy(td_kb_rec *r, const char *json, size_t len) {
  if (!r) {
    r = td_xcalloc(1, sizeof *r);
    td_arena_init_kept(&r->arena);
  }
  if (r->cap < len + 1) { /* (a trimmed record's buffer is at most REC_KEEP) */
    free(r->json);
    r->cap = len + 1;
    r->json = td_xmalloc(r->cap);
  }
  memcpy(r->json, json, len);
  r->json[len] = 0;
  r->len = len;
  r->root = NULL, r->read = 0;
  return r;
}

void td_kb_rec_parse(td_kb_rec *r) {
  if (r->read) return;
  r->read = 1;
  r->root = td_jv_parse(&r->arena, r->json, r->len, r->err, sizeof r->err);
  const char *text = r->root ? jstr(r->root, "text") : NULL;
  minhash(text ? text : "", r->sig);
}

td_kb_rec *td_kb_rec_read(const char *json, size_t len) {
  td_kb_rec *r = td_kb_rec_copy(NULL, json, len);
  td_kb_rec_parse(r);
  return r;
}

void td_kb_rec_trim(td_kb_rec *r) {
  td_arena_reset(&r->arena, REC_KEEP);
  r->root = NULL, r->read = 0;
  if (r->cap > REC_KEEP) free(r->json), r->json = NULL, r->cap = 0;
}

void td_kb_rec_free(td_kb_rec *r) {
  if (!r) return;
  td_arena_release(&r->arena);
  free(r->json);
  free(r);
}

/* Stores one record in the open batch (opening one when none is), in a
 * savepoint of its own when sp is set. 0; -1 with err when nothing of the
 * record was written (the batch is as it was); -2 with err when the record
 * failed halfway without a savepoint (the batch holds part of it). */
static int add_record(td_kb *kb, td_kb_rec *rec, td_kb_stats *stats, int sp, char *err,
                      size_t errlen) {
  td_kb_rec_parse(rec);
  const td_jv *root = rec->root;
  if (!root) {
    snprintf(err, errlen, "%s", rec->err);
    if (stats) stats->failed++;
    return -1;
  }
  const td_jv *doc = td_jv_get(root, "doc");
  const char *key = jstr(doc, "sha256"), *id = jstr(doc, "id"), *ih = jstr(doc, "input_sha256");
  const char *source = jstr(doc, "source"), *url = jstr(doc, "url");
  if (!key || strlen(key) != 64 || !jstr(root, "text")) {
    snprintf(err, errlen, "not a tidings/1 record (no doc.sha256 or text)");
    if (stats) stats->failed++;
    return -1;
  }
  if (!id) id = "";
  if (!ih) ih = "";
  if (!kb->in_tx) {
    if (td_kb_begin(kb, err, errlen) != 0) goto fail;
    kb->in_tx = 1;
  }
  /* without savepoints the queued full-text rows are written as they come
   * (a run at a time, see FTS_RUN), not all at the commit, which kept the
   * writer from the records for a third of a second while extraction
   * waited */
  if (!sp && kb->nfts >= FTS_RUN && fts_flush(kb, err, errlen) != 0) goto rollback;
  kb->doc_seq++;
  if (sp && td_kb_exec(kb, "SAVEPOINT doc", err, errlen) != 0) goto fail;
  int replaced = 0, unchanged = 0;
  td_kq *ex = td_kb_stmt(kb, "SELECT id, input_sha256 FROM documents WHERE doc_key=?", err, errlen);
  if (!ex) goto rollback;
  td_kb_bind_str(ex, 1, key);
  if (td_kq_step(ex) == TD_KQ_ROW) {
    /* the same text is stored: record this copy; its facts win only when
     * it is the smallest copy */
    int smaller = copy_cmp(id, ih, (const char *)td_kq_col_text(ex, 0),
                           (const char *)td_kq_col_text(ex, 1)) < 0;
    td_kq_reset(ex);
    int added;
    if (add_copy(kb, key, id, ih, source, url, &added, err, errlen) != 0) goto rollback;
    unchanged = !added;
    if (smaller) {
      if (delete_facts(kb, key, err, errlen) != 0 || insert_doc(kb, key, root, rec->sig, err, errlen) != 0)
        goto rollback;
      unchanged = 0;
    }
  } else {
    td_kq_reset(ex);
    if (drop_older(kb, key, id, source, url, &replaced, err, errlen) != 0) goto rollback;
    if (add_copy(kb, key, id, ih, source, url, NULL, err, errlen) != 0) goto rollback;
    if (insert_doc(kb, key, root, rec->sig, err, errlen) != 0) goto rollback;
  }
  if (!unchanged && !kb->merge_marked) { /* the merged tables are out of date until merge clears this */
    td_kq *mn = td_kb_stmt(kb, "INSERT OR REPLACE INTO meta(key, value) VALUES('merge_needed', '1')",
                                  err, errlen);
    if (!mn || step_done(kb, mn, err, errlen) != 0) goto rollback;
    kb->merge_marked = !sp; /* (once a batch; a savepoint rolled back would take it away) */
  }
  if (kb->input_key) { /* the input is stored: a re-ingest may skip it */
    td_kq *in = td_kb_stmt(kb, "INSERT OR REPLACE INTO inputs(input_key, doc_key) VALUES(?,?)",
                                  err, errlen);
    if (!in) goto rollback;
    td_kb_bind_str(in, 1, kb->input_key);
    td_kb_bind_str(in, 2, key);
    if (step_done(kb, in, err, errlen) != 0) goto rollback;
  }
  if (sp && td_kb_exec(kb, "RELEASE doc", err, errlen) != 0) goto rollback;
  if (stats) {
    if (unchanged) stats->unchanged++;
    else if (replaced) stats->replaced++;
    else stats->added++;
  }
  if (!sp) saved_push(kb, rec);
  if (++kb->batch >= TD_KB_BATCH) return td_kb_commit(kb, err, errlen);
  return 0;
rollback:
  if (!sp) {
    return -2; /* the caller rolls the batch back (and counts the failure) */
  }
  {
    char e2[64];
    td_kb_exec(kb, "ROLLBACK TO doc; RELEASE doc", e2, sizeof e2);
    if (kb->db) fts_rollback(kb);
  }
fail:
  if (stats) stats->failed++;
  return -1;
}

int td_kb_add_rec(td_kb *kb, td_kb_rec *rec, td_kb_stats *stats, char *err,
                  size_t errlen) {
  /* PostgreSQL's savepoints cost little: one per record, as always */
  int sp = !kb->db || kb->careful;
  int rc = add_record(kb, rec, stats, sp, err, errlen);
  if (rc != -2) return rc;
  /* a record failed halfway: roll the batch back and store it again, this
   * time each record in its own savepoint, so that only this one is lost */
  char e2[64];
  td_kb_exec(kb, "ROLLBACK", e2, sizeof e2);
  fts_clear(kb);
  kb->in_tx = 0, kb->batch = 0, kb->careful = 1, kb->merge_marked = 0;
  struct td_kb_saved *redo = kb->saved;
  size_t nredo = kb->nsaved;
  kb->saved = NULL, kb->nsaved = 0, kb->saved_cap = 0;
  const char *input_key = kb->input_key;
  char msg[512];
  for (size_t i = 0; i < nredo; i++) { /* counted in stats the first time */
    kb->input_key = redo[i].input_key;
    td_kb_rec *r = td_kb_rec_read(redo[i].json, redo[i].len);
    int failed = add_record(kb, r, NULL, 1, msg, sizeof msg) != 0;
    td_kb_rec_free(r);
    if (failed && !kb->in_tx) /* not even the batch could be opened: give up on it */
      break;
  }
  kb->input_key = input_key;
  for (size_t i = 0; i < nredo; i++) free(redo[i].json), free(redo[i].input_key);
  free(redo);
  return add_record(kb, rec, stats, 1, err, errlen);
}

int td_kb_add_json(td_kb *kb, const char *json, size_t len, td_kb_stats *stats, char *err,
                   size_t errlen) {
  td_kb_rec *rec = td_kb_rec_read(json, len);
  int rc = td_kb_add_rec(kb, rec, stats, err, errlen);
  td_kb_rec_free(rec);
  return rc;
}

int td_kb_counts(td_kb *kb, FILE *out) {
  static const char *const tables[] = {
      "documents", "doc_copies", "sentences", "actors", "actor_mentions", "places",
      "place_mentions", "times", "quotes", "quantities", "events", "m_versions",
      "m_story_docs", "m_stories", "m_events", "m_event_mentions", "m_actors",
      "m_actor_roles", "m_claims", "m_claim_relations"};
  for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
    char sql[96], err[256];
    td_kq *st;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]); /* fixed names only */
    if (!(st = td_kb_prepare(kb, sql, err, sizeof err))) return -1;
    if (td_kq_step(st) == TD_KQ_ROW) fprintf(out, "%s %lld\n", tables[i], td_kq_col_int(st, 0));
    td_kq_finalize(st);
  }
  return 0;
}
