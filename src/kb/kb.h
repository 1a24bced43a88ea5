/*
 * kb.h — private header of the knowledge base (src/kb): the store handle,
 * the statement layer over its two backends (src/kb/db.c: an SQLite file,
 * or a PostgreSQL database given as a postgresql:// URL), the statement
 * cache and the helpers shared by store, merge, query and export. SQL is
 * written once, in SQLite's dialect with '?' placeholders; db.c translates
 * it for PostgreSQL. The schema itself is in store.c and documented in
 * docs/SCHEMA.md.
 */
#ifndef TD_KB_H
#define TD_KB_H

#include "tidings.h"
#include "core/core.h"

#include <sqlite3.h>

#define TD_KB_SCHEMA_VERSION 9
#define TD_KB_BATCH 2048 /* documents per transaction during ingest */
#define TD_KB_NHASH 16 /* min-hash values per document (near-duplicates) */

/* A prepared statement of either backend (db.c). */
typedef struct td_kq td_kq;

struct pg_conn;

/* A store is used by one thread at a time (its SQLite connection has no
 * mutex of its own). */
struct td_kb {
  sqlite3 *db;          /* the SQLite backend, or NULL */
  struct pg_conn *pg;   /* the PostgreSQL backend (a PGconn), or NULL */
  int readonly;
  int in_tx;      /* a batch transaction is open */
  int batch;      /* documents written in the open batch */
  int reextract;  /* td_kb_ingest: no skipping of stored inputs */
  int bulk;       /* SQLite: the indexes storing does not read are dropped (td_kb_bulk_begin) */
  const char *input_key; /* td_kb_ingest: the input key of the record being added */
  struct { const char *sql; td_kq *st; } cache[64];
  int ncache;
  int nprepared;  /* PostgreSQL: names of the server-side prepared statements */
  /* SQLite: full-text rows of the open batch, written just before it
   * commits (FTS5 flushes its index at every savepoint: per document that
   * was a third of the cost of storing) */
  struct td_kb_fts *fts;
  size_t nfts, fts_cap;
  int doc_seq;    /* the savepoint of the document being stored */
  /* SQLite: the records of the open batch, stored without a savepoint each
   * (a savepoint journals every page the document touches): when one fails
   * halfway, the batch is rolled back and these are stored again, each in
   * its own savepoint (careful), before the failing one */
  struct td_kb_saved *saved;
  size_t nsaved, saved_cap;
  int careful;    /* the open batch stores each record in a savepoint */
  int merge_marked; /* the open batch (without savepoints) has set meta.merge_needed */
  struct td_kb_ckpt *ckpt; /* the checkpoint running beside (td_kb_checkpoint_start) */
  char errmsg[512]; /* the last backend error */
};

/* Step results and column types. */
enum { TD_KQ_ERROR = -1, TD_KQ_DONE = 0, TD_KQ_ROW = 1 };
enum { TD_KQ_NULL = 0, TD_KQ_INT, TD_KQ_FLOAT, TD_KQ_TEXT, TD_KQ_BLOB };

/* Opens the backend for path (db.c): sets kb->db or kb->pg. 0 or -1. */
int td_kb_connect(td_kb *kb, const char *path, char *err, size_t errlen);
/* Closes the cached statements and the connection. */
void td_kb_disconnect(td_kb *kb);

/* A prepared statement for sql (a string literal: cached by address), reset
 * and unbound, or NULL with err set. Owned by the kb. */
td_kq *td_kb_stmt(td_kb *kb, const char *sql, char *err, size_t errlen);
/* A statement for sql (any string) that the caller finalizes; NULL with err. */
td_kq *td_kb_prepare(td_kb *kb, const char *sql, char *err, size_t errlen);
void td_kq_finalize(td_kq *q);
/* Resets q to run again with new bindings (all cleared to NULL). */
void td_kq_reset(td_kq *q);
/* Resets q to run again when the caller binds every parameter anew: SQLite
 * keeps the old bindings (clearing them cost as much as binding). */
void td_kq_again(td_kq *q);
/* Binding (i from 1, as in SQL); values are copied. */
void td_kq_text(td_kq *q, int i, const char *s); /* NULL binds NULL */
void td_kq_int(td_kq *q, int i, long long v);
void td_kq_double(td_kq *q, int i, double v);
void td_kq_null(td_kq *q, int i);
/* Binds text that stays valid until q has run (SQLite does not copy it). */
void td_kq_text_ref(td_kq *q, int i, const char *s);
/* The same for s of n bytes (no NUL within them; s[n] is NUL). */
void td_kq_text_ref_n(td_kq *q, int i, const char *s, size_t n);
void td_kq_blob(td_kq *q, int i, const void *p, size_t n);
/* Runs q, or moves to its next row: TD_KQ_ROW, TD_KQ_DONE or TD_KQ_ERROR
 * (message: td_kb_errmsg). */
int td_kq_step(td_kq *q);
/* Rows changed by the last statement q ran (INSERT, UPDATE, DELETE). */
long td_kq_changes(td_kq *q);
/* Columns of the result (after a step; SQLite also before). */
int td_kq_ncols(td_kq *q);
const char *td_kq_name(td_kq *q, int c);
int td_kq_type(td_kq *q, int c);
const char *td_kq_col_text(td_kq *q, int c); /* NULL for NULL */
long long td_kq_col_int(td_kq *q, int c);
double td_kq_col_double(td_kq *q, int c);
const void *td_kq_col_blob(td_kq *q, int c, size_t *n);
/* Column c as text, NULL for NULL; a real number as SQLite writes one (15
 * digits, "3000.0") whichever the backend, in num. */
const char *td_kq_show(td_kq *q, int c, char num[40]);

/* The last backend error message. */
const char *td_kb_errmsg(td_kb *kb);
/* Runs SQL (one or more statements, no parameters, results ignored); 0 or
 * -1 with err set. */
int td_kb_exec(td_kb *kb, const char *sql, char *err, size_t errlen);
/* Begins a write transaction: SQLite BEGIN IMMEDIATE; PostgreSQL BEGIN and
 * the store's advisory lock, which serializes the writers of one database
 * (concurrent ingests take turns per batch). 0 or -1 with err. */
int td_kb_begin(td_kb *kb, char *err, size_t errlen);
/* The hash of min-hash band b (of TD_KB_NHASH / 2) of signature sig: two
 * documents with a band's hash in common are near-duplicate candidates
 * (store.c; the merge's versions). */
long long td_kb_band_hash(const uint64_t *sig, int b);
/* Creates or migrates the schema to `version` from the statements of each
 * version (SQLite dialect; translated for PostgreSQL, FTS5 tables left out
 * there), then each dialect's own: `sqlite_extra[i]` or `pg_extra[i]`
 * after version i + 1's (NULL entries: none). 0 or -1 with err. */
int td_kb_migrate(td_kb *kb, const char *const *migrations, const char *const *sqlite_extra,
                  const char *const *pg_extra, int version, char *err, size_t errlen);
/* The schema version in meta (0 for an empty store). */
int td_kb_schema_version(td_kb *kb);

/* PostgreSQL dialect of an SQLite statement (db.c; exposed for the unit
 * tests): '?' placeholders numbered, INSERT OR REPLACE/IGNORE as ON
 * CONFLICT, NULLs ordered as SQLite orders them, and so on. ddl: column
 * types too. Malloc'd. */
char *td_kb_pg_sql(const char *sql, int ddl, int *nparams);

/* A tidings/1 record read for storing (src/kb/store.c): td_kb_rec_copy
 * keeps a copy of the JSON in reuse (a record emptied by td_kb_rec_trim,
 * whose memory it keeps) or, when that is NULL, in a new record;
 * td_kb_rec_parse parses it and computes its min-hash, on any thread
 * (td_kb_rec_read: both, in a new record); td_kb_add_rec stores it like
 * td_kb_add_json (parsing it if that is still to do; same results, same
 * errors: a record that did not parse fails there), keeping its JSON copy
 * for a redo of the batch (taken from rec). */
typedef struct td_kb_rec td_kb_rec;
td_kb_rec *td_kb_rec_copy(td_kb_rec *reuse, const char *json, size_t len);
void td_kb_rec_parse(td_kb_rec *rec);
td_kb_rec *td_kb_rec_read(const char *json, size_t len);
int td_kb_add_rec(td_kb *kb, td_kb_rec *rec, td_kb_stats *stats, char *err, size_t errlen);
/* Empties rec for reuse by td_kb_rec_copy, keeping up to a bound of its
 * memory. */
void td_kb_rec_trim(td_kb_rec *rec);
void td_kb_rec_free(td_kb_rec *rec);

/* A JSON value read by td_jv_parse (src/kb/jrec.c), in an arena. Objects
 * and arrays: their n values in v (an object's keys on the values). */
typedef struct td_jv td_jv;
enum { TD_JV_NULL, TD_JV_TRUE, TD_JV_FALSE, TD_JV_INT, TD_JV_REAL, TD_JV_STR, TD_JV_ARR, TD_JV_OBJ };
struct td_jv {
  int t;
  long long i;     /* TD_JV_INT */
  double d;        /* TD_JV_INT, TD_JV_REAL */
  const char *s;   /* TD_JV_STR: unescaped, NUL-terminated (n bytes) */
  const char *key; /* the key of an object's member, else NULL */
  size_t n;
  td_jv **v;
  td_jv *next;     /* (while parsing) */
};
/* Parses len bytes of JSON text into a; NULL with err set when invalid. */
td_jv *td_jv_parse(td_arena *a, const char *text, size_t len, char *err, size_t errlen);
/* Member key of object o (the last one when repeated), element i of an
 * array, an array's length; NULL or 0 when absent or of another type. */
const td_jv *td_jv_get(const td_jv *o, const char *key);
const td_jv *td_jv_at(const td_jv *arr, size_t i);
size_t td_jv_len(const td_jv *arr);
/* An integer's value (0 for anything else, as jansson's json_integer_value);
 * a string's text (NULL for anything else). */
long long td_jv_int(const td_jv *v);
const char *td_jv_str(const td_jv *v);

/* A first ingest into an empty SQLite store: drops the secondary indexes
 * that storing does not read (store.c); td_kb_bulk_end commits the open
 * batch and builds them again (opening a store for writing does too). 0 or
 * -1 with err; nothing to do on PostgreSQL or a store with documents. */
int td_kb_bulk_begin(td_kb *kb, char *err, size_t errlen);
int td_kb_bulk_end(td_kb *kb, char *err, size_t errlen);

/* SQLite: copies the committed write-ahead log into the database file on
 * a connection and thread of its own (a passive checkpoint), while this
 * connection goes on (ingest merges meanwhile); td_kb_checkpoint_wait joins
 * it. Closing the store then copies only what was written after. Nothing
 * on PostgreSQL, or when the thread cannot start. */
void td_kb_checkpoint_start(td_kb *kb);
void td_kb_checkpoint_wait(td_kb *kb);

/* 1 when facts changed since the last merge (meta merge_needed), else 0. */
int td_kb_merge_needed(td_kb *kb);

/* Adds n synthetic merged events (src/kb/synth.c, for benchmarks); 0 or -1. */
int td_kb_synth_events(td_kb *kb, long n, unsigned long seed, char *err, size_t errlen);

/* Binds a C string or NULL (as SQL NULL). */
void td_kb_bind_str(td_kq *st, int i, const char *s);

/* The merged events' secondary indexes, defined once: schema v6 creates
 * them (IF NOT EXISTS), and an SQLite td_kb_merge drops them while it
 * rewrites m_events and builds them again after (sorting instead of
 * inserting into them row by row). (source_code, target_code) answers a
 * source-and-target query from the index alone; (place, date) lets a
 * place query ordered by date stop after its page. */
#define TD_KB_EVENT_INDEXES_CREATE                                                        \
  "CREATE INDEX IF NOT EXISTS m_events_date ON m_events(date);\n"                       \
  "CREATE INDEX IF NOT EXISTS m_events_src ON m_events(source_code);\n"                 \
  "CREATE INDEX IF NOT EXISTS m_events_tgt ON m_events(target_code);\n"                 \
  "CREATE INDEX IF NOT EXISTS m_events_src_tgt ON m_events(source_code, target_code);\n" \
  "CREATE INDEX IF NOT EXISTS m_events_root ON m_events(root, date);\n"                 \
  "CREATE INDEX IF NOT EXISTS m_events_place ON m_events(place COLLATE NOCASE, date);\n" \
  "CREATE INDEX IF NOT EXISTS m_event_mentions_doc ON m_event_mentions(doc_key);\n"
#define TD_KB_EVENT_INDEXES_DROP                                                          \
  "DROP INDEX IF EXISTS m_events_date; DROP INDEX IF EXISTS m_events_src;"               \
  " DROP INDEX IF EXISTS m_events_tgt; DROP INDEX IF EXISTS m_events_src_tgt;"           \
  " DROP INDEX IF EXISTS m_events_root; DROP INDEX IF EXISTS m_events_place;"            \
  " DROP INDEX IF EXISTS m_event_mentions_doc;"

/* The sha256 hex of the parts joined by '\x1f', into hex[65]. */
void td_kb_key(char hex[65], int nparts, ...);

/* Interval of a quantity claim from its qualifier: [*lo, *hi] (HUGE_VAL for
 * no bound). Exposed for the unit tests. */
void td_kb_interval(const char *qualifier, double value, int has_max, double value_max,
                    double *lo, double *hi);
/* 1 when two claims' intervals overlap (they agree), else 0. */
int td_kb_intervals_agree(double lo1, double hi1, double lo2, double hi2);
/* Writes s as one CSV cell, quoted when it holds a comma, quote or line
 * break (query.c; export uses it too). Nothing for NULL. */
void td_kb_csv_cell(FILE *out, const char *s);
/* The FIPS 10-4 country code of an ISO 3166-1 alpha-3 code (GDELT's
 * geography columns use FIPS), or NULL when there is none (fips.c). */
const char *td_kb_fips(const char *iso3);

#endif
