/*
 * kb.h — private header of the knowledge base (src/kb): the store handle,
 * its statement cache and the helpers shared by store, merge, query and
 * export. The schema itself is in store.c and documented in docs/SCHEMA.md.
 */
#ifndef TD_KB_H
#define TD_KB_H

#include "tidings.h"
#include "core/core.h"

#include <sqlite3.h>

#define TD_KB_SCHEMA_VERSION 4
#define TD_KB_BATCH 256 /* documents per transaction during ingest */
#define TD_KB_NHASH 16 /* min-hash values per document (near-duplicates) */

struct td_kb {
  sqlite3 *db;
  int readonly;
  int in_tx;      /* a batch transaction is open */
  int batch;      /* documents written in the open batch */
  int reextract;  /* td_kb_ingest: no skipping of stored inputs */
  const char *input_key; /* td_kb_ingest: the input key of the record being added */
  struct { const char *sql; sqlite3_stmt *st; } cache[48];
  int ncache;
};

/* A prepared statement for sql (a string literal: cached by address), reset
 * and unbound, or NULL with err set. Owned by the kb. */
sqlite3_stmt *td_kb_stmt(td_kb *kb, const char *sql, char *err, size_t errlen);

/* 1 when facts changed since the last merge (meta merge_needed), else 0. */
int td_kb_merge_needed(td_kb *kb);

/* Adds n synthetic merged events (src/kb/synth.c, for benchmarks); 0 or -1. */
int td_kb_synth_events(td_kb *kb, long n, unsigned long seed, char *err, size_t errlen);

/* Runs SQL without results; 0 or -1 with err set. */
int td_kb_exec(td_kb *kb, const char *sql, char *err, size_t errlen);

/* Binds a C string or NULL (as SQL NULL). */
void td_kb_bind_str(sqlite3_stmt *st, int i, const char *s);

/* The sha256 hex of the parts joined by '\x1f', into hex[65]. */
void td_kb_key(char hex[65], int nparts, ...);

/* Interval of a quantity claim from its qualifier: [*lo, *hi] (HUGE_VAL for
 * no bound). Exposed for the unit tests. */
void td_kb_interval(const char *qualifier, double value, int has_max, double value_max,
                    double *lo, double *hi);
/* 1 when two claims' intervals overlap (they agree), else 0. */
int td_kb_intervals_agree(double lo1, double hi1, double lo2, double hi2);

#endif
