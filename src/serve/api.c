/*
 * api.c — the JSON API of `tidings serve` over a knowledge base (schema in
 * docs/SCHEMA.md), read-only. Each list endpoint is a row of the endpoint
 * table below: the columns it returns, the tables it reads, the filters it
 * takes (each one SQL condition with one bound parameter) and its order.
 * Statements are prepared once per connection and cached by their text;
 * every value from the request is bound, never spliced into SQL. A
 * progress handler aborts a statement that runs past its time budget, and
 * pages are capped at TD_API_MAX_LIMIT rows.
 *
 * Response shapes (docs/API.md):
 *   list:    {"total":N,"limit":L,"offset":O,"items":[{column: value}...]}
 *   article: {"article":{...},"sentences":[...],"annotations":{layer:[...]}}
 *   error:   {"error":{"status":S,"message":"..."}}
 * A column named *_json holds JSON written by tidings and is embedded as is
 * under the name without the suffix.
 */
#include "serve/serve.h"

#include <sqlite3.h>

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TD_API_DEFAULT_LIMIT 50
#define TD_API_MAX_LIMIT 500
#define TD_API_MAX_OFFSET 10000000L
#define TD_API_CACHE 96
/* Cache sizes per connection (overridable at compile time, e.g. small, to
 * exercise eviction under the sanitizers). */
#ifndef TD_API_RCACHE
#define TD_API_RCACHE 128             /* cached responses */
#endif
#ifndef TD_API_RCACHE_ITEM
#define TD_API_RCACHE_ITEM (1u << 20) /* larger responses are not cached */
#endif
#ifndef TD_API_RCACHE_BYTES
#define TD_API_RCACHE_BYTES (32u << 20)
#endif
#ifndef TD_API_ROWS_BYTES
#define TD_API_ROWS_BYTES (8u << 20)  /* rendered rows */
#endif
#ifndef TD_API_ROWS_SLOTS
#define TD_API_ROWS_SLOTS 65536       /* most slots of the row table */
#endif
#ifndef TD_API_KLISTS
#define TD_API_KLISTS 8               /* whole key lists */
#endif
#ifndef TD_API_KLIST_KEYS
#define TD_API_KLIST_KEYS 65536       /* longer lists are paged by SQL */
#endif
#ifndef TD_API_KLIST_BYTES
#define TD_API_KLIST_BYTES (8u << 20)
#endif

typedef struct td_api_filter {
  const char *arg;  /* query-string name */
  const char *cond; /* SQL condition with exactly one '?' */
  int kind;         /* F_EQ, F_DATE, F_LIKE (value wrapped in %...%), F_UPPER,
                       F_FTS (free words), F_NUM (a non-negative integer) */
} td_api_filter;

enum { F_EQ = 0, F_DATE, F_LIKE, F_UPPER, F_FTS, F_NUM };

typedef struct td_api_endpoint {
  const char *name;
  const char *select; /* column list */
  const char *from;   /* FROM clause */
  const char *order;  /* ORDER BY clause */
  td_api_filter filters[10];
  const char *count_from; /* FROM clause for the total when the joins of
                             `from` only add columns; NULL: from */
  const char *key;        /* with count_from: the row key, also the first
                             column of select; a page's keys are found in
                             count_from alone, then joined */
} td_api_endpoint;

#include "serve/api_sql.h"

struct td_api {
  sqlite3 *db;
  int query_ms;
  struct timespec deadline;
  int timed_out;
  struct {
    char *sql;
    sqlite3_stmt *st;
  } cache[TD_API_CACHE];
  int ncache;
  /* Responses by request key, valid while the store's data_version stays
   * the same (any commit by another connection, e.g. an ingest, empties
   * the cache). Replaced round-robin. */
  struct {
    char *key, *body;
    size_t len;
  } resp[TD_API_RCACHE];
  int nresp, next_resp;
  size_t resp_bytes;
  long long data_version;
  int no_cache;
  /* Totals by count statement and arguments (pages of one list share
   * them), emptied with the responses. */
  struct {
    char *key;
    long long total;
  } totals[64];
  int ntotals, next_total;
  int totals_ok; /* set while answering after a data_version check */
  /* Rendered rows of keyed endpoints (the events list): the JSON object
   * of each row by endpoint and key, so that a page of rows already seen
   * is the key scan and copies, whatever its offset. Open addressing;
   * emptied with the responses, and all at once when over budget. */
  struct td_api_row {
    uint64_t hash;
    char *mem; /* key bytes, then the row's JSON */
    uint32_t klen, jlen;
  } *rows;
  size_t nrows, rows_cap, rows_bytes;
  /* Whole key lists of keyed endpoints in page order, by count statement
   * and arguments (as the totals), so that a page at any offset is a
   * slice instead of a scan past the offset. Each key is stored as the
   * row cache's key ("events\x1fKEY") followed by a NUL. */
  struct td_api_klist {
    char *key;  /* count SQL and argument values */
    char *keys; /* the keys */
    size_t *off; /* n + 1 offsets into keys */
    size_t n, bytes;
  } klists[TD_API_KLISTS];
  int nklists, next_klist;
  size_t klist_bytes;
};

/* ---- errors ---- */

void td_api_error(td_buf *out, int status, const char *msg) {
  out->len = 0;
  td_buf_printf(out, "{\"error\":{\"status\":%d,\"message\":", status);
  td_json_cstr(out, msg);
  td_buf_puts(out, "}}\n");
}

/* ---- connection ---- */

static int progress(void *p) {
  td_api *a = p;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (now.tv_sec > a->deadline.tv_sec ||
      (now.tv_sec == a->deadline.tv_sec && now.tv_nsec > a->deadline.tv_nsec)) {
    a->timed_out = 1;
    return 1;
  }
  return 0;
}

static void arm_deadline(td_api *a) {
  clock_gettime(CLOCK_MONOTONIC, &a->deadline);
  a->deadline.tv_sec += a->query_ms / 1000;
  a->deadline.tv_nsec += (long)(a->query_ms % 1000) * 1000000L;
  if (a->deadline.tv_nsec >= 1000000000L) a->deadline.tv_sec++, a->deadline.tv_nsec -= 1000000000L;
  a->timed_out = 0;
}

td_api *td_api_open(const char *path, int query_ms, char *err, size_t errlen) {
  /* No allocation statistics: SQLite then takes no global mutex around
   * each malloc, which pool threads would contend on. Only possible
   * before SQLite is initialized (the server's first open, on the main
   * thread before the pool starts); a no-op afterwards. */
  static int configured;
  if (!configured) {
    configured = 1;
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  }
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
    sqlite3_close(db);
    return NULL;
  }
  sqlite3_busy_timeout(db, 2000);
  sqlite3_stmt *probe = NULL;
  if (sqlite3_prepare_v2(db, TD_API_DISPLAY_PROBE_SQL, -1, &probe, NULL) != SQLITE_OK)
    sqlite3_exec(db, TD_API_DISPLAY_STANDIN_SQL, NULL, NULL, NULL);
  sqlite3_finalize(probe);
  sqlite3_exec(db, "PRAGMA query_only=1", NULL, NULL, NULL);
  /* Reads map the file instead of copying each page through pread (the
   * pages are shared by all pool threads through the OS page cache), and
   * each connection keeps a larger page cache of its own. */
  sqlite3_exec(db, "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384", NULL, NULL, NULL);
  sqlite3_stmt *st = NULL;
  rc = sqlite3_prepare_v2(db, TD_API_PROBE_SQL, -1, &st, NULL);
  if (rc != SQLITE_OK || sqlite3_step(st) == SQLITE_ERROR) {
    snprintf(err, errlen, "%s: not a tidings knowledge base (%s)", path, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return NULL;
  }
  sqlite3_finalize(st);
  td_api *a = td_xcalloc(1, sizeof *a);
  a->db = db;
  a->query_ms = query_ms > 0 ? query_ms : 2000;
  sqlite3_progress_handler(db, 4000, progress, a);
  return a;
}

static void drop_rows(td_api *a) {
  for (size_t i = 0; i < a->rows_cap; i++) free(a->rows[i].mem);
  if (a->rows) memset(a->rows, 0, a->rows_cap * sizeof a->rows[0]);
  a->nrows = a->rows_bytes = 0;
}

static void drop_klist(td_api *a, struct td_api_klist *k) {
  a->klist_bytes -= k->bytes;
  free(k->key), free(k->keys), free(k->off);
  memset(k, 0, sizeof *k);
}

static void drop_responses(td_api *a) {
  drop_rows(a);
  for (int i = 0; i < a->nklists; i++) drop_klist(a, &a->klists[i]);
  a->nklists = a->next_klist = 0;
  for (int i = 0; i < a->ntotals; i++) free(a->totals[i].key);
  a->ntotals = a->next_total = 0;
  for (int i = 0; i < a->nresp; i++) free(a->resp[i].key), free(a->resp[i].body);
  a->nresp = a->next_resp = 0;
  a->resp_bytes = 0;
}

void td_api_close(td_api *a) {
  if (!a) return;
  drop_responses(a);
  free(a->rows);
  for (int i = 0; i < a->ncache; i++) {
    sqlite3_finalize(a->cache[i].st);
    free(a->cache[i].sql);
  }
  sqlite3_close(a->db);
  free(a);
}

/* A prepared statement for sql from the cache (reset, unbound), or NULL. */
static sqlite3_stmt *stmt(td_api *a, const char *sql) {
  for (int i = 0; i < a->ncache; i++)
    if (strcmp(a->cache[i].sql, sql) == 0) {
      sqlite3_reset(a->cache[i].st);
      sqlite3_clear_bindings(a->cache[i].st);
      return a->cache[i].st;
    }
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v3(a->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
    return NULL;
  if (a->ncache == TD_API_CACHE) { /* full: drop the oldest */
    sqlite3_finalize(a->cache[0].st);
    free(a->cache[0].sql);
    memmove(a->cache, a->cache + 1, sizeof a->cache[0] * (TD_API_CACHE - 1));
    a->ncache--;
  }
  a->cache[a->ncache].sql = td_xstrdup(sql);
  a->cache[a->ncache].st = st;
  a->ncache++;
  return st;
}

/* ---- rendered rows ---- */

/* The slot of key k (klen bytes) with hash h: its entry, or the empty slot
 * where it would go. rows_cap must be a power of two and never full. */
static struct td_api_row *row_slot(td_api *a, uint64_t h, const char *k, size_t klen) {
  size_t mask = a->rows_cap - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    struct td_api_row *r = &a->rows[i];
    if (!r->mem || (r->hash == h && r->klen == klen && memcmp(r->mem, k, klen) == 0)) return r;
  }
}

/* The cached JSON of row k, or NULL (len in *jlen). */
static const char *row_get(td_api *a, uint64_t h, const char *k, size_t klen, size_t *jlen) {
  if (!a->nrows) return NULL;
  struct td_api_row *r = row_slot(a, h, k, klen);
  if (!r->mem) return NULL;
  *jlen = r->jlen;
  return r->mem + r->klen;
}

/* Keeps json[0..jlen) as the row of key k. Over the byte budget, or with
 * the table at its largest size and three quarters full, every row is
 * dropped first, so the memory held stays bounded. */
static void row_put(td_api *a, uint64_t h, const char *k, size_t klen, const char *json,
                    size_t jlen) {
  if (klen + jlen > TD_API_ROWS_BYTES / 64) return;
  if (a->rows_bytes + klen + jlen > TD_API_ROWS_BYTES) drop_rows(a);
  if ((a->nrows + 1) * 4 > a->rows_cap * 3) {
    if (a->rows_cap >= TD_API_ROWS_SLOTS) drop_rows(a);
    else { /* grow and re-insert */
      struct td_api_row *old = a->rows;
      size_t ocap = a->rows_cap;
      a->rows_cap = ocap ? ocap * 2 : 1024;
      a->rows = td_xcalloc(a->rows_cap, sizeof a->rows[0]);
      for (size_t i = 0; i < ocap; i++)
        if (old[i].mem) *row_slot(a, old[i].hash, old[i].mem, old[i].klen) = old[i];
      free(old);
    }
  }
  struct td_api_row *r = row_slot(a, h, k, klen);
  if (r->mem) return; /* already there */
  r->mem = td_xmalloc(klen + jlen);
  memcpy(r->mem, k, klen);
  memcpy(r->mem + klen, json, jlen);
  r->hash = h;
  r->klen = (uint32_t)klen;
  r->jlen = (uint32_t)jlen;
  a->nrows++;
  a->rows_bytes += klen + jlen;
}

/* ---- JSON rows ---- */

/* Writes v in decimal (no printf: list pages write thousands of these). */
static void put_int(td_buf *out, long long v) {
  char tmp[24], *p = tmp + sizeof tmp;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  do *--p = (char)('0' + u % 10), u /= 10;
  while (u);
  if (v < 0) *--p = '-';
  td_buf_put(out, p, (size_t)(tmp + sizeof tmp - p));
}

static void put_value(td_buf *out, sqlite3_stmt *st, int i, int raw) {
  switch (sqlite3_column_type(st, i)) {
  case SQLITE_INTEGER:
    put_int(out, (long long)sqlite3_column_int64(st, i));
    break;
  case SQLITE_FLOAT: {
    double v = sqlite3_column_double(st, i);
    if (v != v || v > 1e300 || v < -1e300) td_buf_puts(out, "null");
    else if (v > -1e9 && v < 1e9 && v == (double)(long long)v && (v != 0 || !signbit(v)))
      put_int(out, (long long)v); /* what %.10g writes for whole numbers */
    else td_buf_printf(out, "%.10g", v);
    break;
  }
  case SQLITE_NULL:
    td_buf_puts(out, "null");
    break;
  default: {
    const char *s = (const char *)sqlite3_column_text(st, i);
    int n = sqlite3_column_bytes(st, i);
    if (raw && n > 0) td_buf_put(out, s, (size_t)n);
    else td_json_str(out, s ? s : "", (size_t)n);
  }
  }
}

#define TD_API_MAX_COLS 64

/* How one statement's rows are written: the keys ("name":, with the
 * braces and commas between them) encoded once per statement, not once
 * per row. A column named *_json is embedded raw under the shorter name. */
typedef struct td_rowfmt {
  int nc;
  size_t koff[TD_API_MAX_COLS + 1];
  unsigned char raw[TD_API_MAX_COLS];
  char small[1024]; /* keys fit here for every endpoint; else kbuf */
  td_buf kbuf;
  const char *keys;
} td_rowfmt;

static void rowfmt_init(td_rowfmt *f, sqlite3_stmt *st) {
  f->nc = sqlite3_column_count(st);
  f->kbuf = (td_buf)TD_BUF_INIT;
  if (f->nc > TD_API_MAX_COLS) f->nc = TD_API_MAX_COLS; /* no endpoint has more */
  for (int i = 0; i < f->nc; i++) {
    const char *name = sqlite3_column_name(st, i);
    size_t nl = strlen(name);
    f->raw[i] = nl > 5 && strcmp(name + nl - 5, "_json") == 0;
    f->koff[i] = f->kbuf.len;
    td_buf_putc(&f->kbuf, i ? ',' : '{');
    td_json_str(&f->kbuf, name, f->raw[i] ? nl - 5 : nl);
    td_buf_putc(&f->kbuf, ':');
  }
  f->koff[f->nc] = f->kbuf.len;
  if (f->kbuf.len <= sizeof f->small) { /* no heap block kept per statement */
    if (f->kbuf.len) memcpy(f->small, f->kbuf.ptr, f->kbuf.len);
    td_buf_free(&f->kbuf);
    f->keys = f->small;
  } else {
    f->keys = f->kbuf.ptr;
  }
}

static void rowfmt_free(td_rowfmt *f) { td_buf_free(&f->kbuf); }

/* Writes the current row of st as a JSON object. */
static void rowfmt_put(const td_rowfmt *f, td_buf *out, sqlite3_stmt *st) {
  if (f->nc == 0) {
    td_buf_puts(out, "{}");
    return;
  }
  for (int i = 0; i < f->nc; i++) {
    td_buf_put(out, f->keys + f->koff[i], f->koff[i + 1] - f->koff[i]);
    put_value(out, st, i, f->raw[i]);
  }
  td_buf_putc(out, '}');
}

/* The JSON error for a failed step: 503 past the time budget, else 500. */
static int step_error(td_api *a, td_buf *out, int rc) {
  if (a->timed_out || rc == SQLITE_INTERRUPT) {
    td_api_error(out, 503, "query took too long; narrow the filters");
    return 503;
  }
  td_api_error(out, 500, sqlite3_errmsg(a->db));
  return 500;
}

/* Steps st to the end, writing its rows as a JSON array. 0, or the HTTP
 * status of the failure (message in out). */
static int put_rows(td_api *a, td_buf *out, sqlite3_stmt *st) {
  td_buf_putc(out, '[');
  int n = 0, rc;
  td_rowfmt f;
  rowfmt_init(&f, st);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (n++) td_buf_putc(out, ',');
    rowfmt_put(&f, out, st);
  }
  rowfmt_free(&f);
  td_buf_putc(out, ']');
  return rc == SQLITE_DONE ? 0 : step_error(a, out, rc);
}

/* Writes st's single row as a JSON object (the article). */
static void put_row(td_buf *out, sqlite3_stmt *st) {
  td_rowfmt f;
  rowfmt_init(&f, st);
  rowfmt_put(&f, out, st);
  rowfmt_free(&f);
}

/* ---- arguments ---- */

int td_api_known_arg(const char *name) {
  static const char *known[] = {"limit", "offset", "q", "actor", "source", "target", "root",
                                "since", "until", "place", "speaker", "measure", "story",
                                "article", "quad", "modality", "kind", "text", NULL};
  for (int i = 0; known[i]; i++)
    if (strcmp(known[i], name) == 0) return 1;
  return 0;
}

/* Parses a non-negative decimal of at most 9 digits; -1 when malformed. */
static long parse_count(const char *s) {
  if (!s || !*s || strlen(s) > 9) return -1;
  long v = 0;
  for (; *s; s++) {
    if (*s < '0' || *s > '9') return -1;
    v = v * 10 + (*s - '0');
  }
  return v;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int valid_date(const char *s) {
  size_t n = strlen(s);
  if (n != 4 && n != 7 && n != 10) return 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 4 || i == 7) {
      if (s[i] != '-') return 0;
    } else if (!isdigit((unsigned char)s[i])) return 0;
  }
  return 1;
}

/* An FTS5 query from free words: each word quoted, so that no FTS syntax
 * from the request is interpreted. Empty when there are no words. */
static void fts_query(td_buf *q, const char *s) {
  q->len = 0;
  while (*s) {
    while (*s && (*s == ' ' || *s == '\t' || *s == '"')) s++;
    const char *w = s;
    while (*s && *s != ' ' && *s != '\t' && *s != '"') s++;
    if (s > w) {
      if (q->len) td_buf_putc(q, ' ');
      td_buf_putc(q, '"');
      td_buf_put(q, w, (size_t)(s - w));
      td_buf_putc(q, '"');
    }
  }
  td_buf_putc(q, 0);
  q->len--;
}

/* ---- list endpoints ---- */

/* Binds the filter values of a list statement as parameters 1..nv, each
 * shaped by its kind (fq: scratch). */
static void bind_filters(sqlite3_stmt *st, int nv, const char *const *vals, const int *kinds,
                         td_buf *fq) {
  for (int i = 0; i < nv; i++) {
    if (kinds[i] == F_LIKE) {
      fq->len = 0;
      td_buf_printf(fq, "%%%s%%", vals[i]);
      sqlite3_bind_text(st, i + 1, fq->ptr, (int)fq->len, SQLITE_TRANSIENT);
    } else if (kinds[i] == F_FTS) {
      fts_query(fq, vals[i]);
      sqlite3_bind_text(st, i + 1, fq->ptr, (int)fq->len, SQLITE_TRANSIENT);
    } else if (kinds[i] == F_NUM) { /* checked by parse_count in list() */
      sqlite3_bind_int64(st, i + 1, parse_count(vals[i]));
    } else if (kinds[i] == F_UPPER) {
      fq->len = 0;
      for (const char *p = vals[i]; *p; p++) td_buf_putc(fq, toupper((unsigned char)*p));
      sqlite3_bind_text(st, i + 1, fq->ptr, (int)fq->len, SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_STATIC);
    }
  }
}

/* Steps ks (one key column) to the end, appending each key as
 * "NAME\x1fKEY\0" to keys and its offset to *off (grown as needed; one
 * more offset, the end, is written last). At most max keys. SQLITE_DONE or
 * the failing step's code. */
static int collect_keys(sqlite3_stmt *ks, const char *name, size_t max, td_buf *keys,
                        size_t **off, size_t *n) {
  size_t nlen = strlen(name), cap = 0;
  int rc;
  *n = 0;
  *off = NULL;
  while ((rc = sqlite3_step(ks)) == SQLITE_ROW && *n < max) {
    if (*n + 2 > cap) {
      cap = cap ? cap * 2 : 64;
      *off = td_xrealloc(*off, cap * sizeof **off);
    }
    const char *k = (const char *)sqlite3_column_text(ks, 0);
    (*off)[(*n)++] = keys->len;
    td_buf_put(keys, name, nlen); /* the row cache is keyed by endpoint and key */
    td_buf_putc(keys, 0x1f);
    td_buf_put(keys, k ? k : "", (size_t)sqlite3_column_bytes(ks, 0));
    td_buf_putc(keys, 0);
  }
  if (!*off) *off = td_xmalloc(sizeof **off);
  (*off)[*n] = keys->len;
  sqlite3_reset(ks);
  return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

/* The whole key list of the list named lkey (count SQL and arguments),
 * from the key-list cache or by one scan of ks (bound, with no limit),
 * which is then kept. NULL when it cannot be kept (status in *status, 0
 * when the caller should page by SQL instead). */
static struct td_api_klist *klist(td_api *a, const char *lkey, const char *name,
                                  sqlite3_stmt *ks, int nv, td_buf *out, int *status) {
  *status = 0;
  for (int i = 0; i < a->nklists; i++)
    if (a->klists[i].key && strcmp(a->klists[i].key, lkey) == 0) {
      sqlite3_reset(ks);
      return &a->klists[i];
    }
  sqlite3_bind_int64(ks, nv + 1, -1);
  sqlite3_bind_int64(ks, nv + 2, 0);
  td_buf keys = TD_BUF_INIT;
  size_t *off, n;
  int rc = collect_keys(ks, name, TD_API_KLIST_KEYS + 1, &keys, &off, &n);
  size_t bytes = keys.cap + n * sizeof *off;
  if (rc != SQLITE_DONE || n > TD_API_KLIST_KEYS || bytes > TD_API_KLIST_BYTES / 2) {
    td_buf_free(&keys);
    free(off);
    if (rc != SQLITE_DONE) *status = step_error(a, out, rc);
    return NULL;
  }
  /* over the byte budget: drop the others */
  if (a->klist_bytes + bytes > TD_API_KLIST_BYTES)
    for (int i = 0; i < a->nklists; i++)
      if (a->klists[i].key) drop_klist(a, &a->klists[i]);
  int slot = -1;
  for (int i = 0; i < a->nklists && slot < 0; i++)
    if (!a->klists[i].key) slot = i; /* a dropped one */
  if (slot < 0 && a->nklists < TD_API_KLISTS) slot = a->nklists++;
  if (slot < 0) { /* round-robin */
    slot = a->next_klist;
    a->next_klist = (slot + 1) % TD_API_KLISTS;
    drop_klist(a, &a->klists[slot]);
  }
  struct td_api_klist *k = &a->klists[slot];
  k->key = td_xstrdup(lkey);
  k->keys = td_buf_detach(&keys, NULL);
  k->off = off;
  k->n = n;
  k->bytes = bytes;
  a->klist_bytes += bytes;
  return k;
}

/* The items of a page of a keyed endpoint (ep->key, the first column of
 * ep->select). When the answer is checked against the store's
 * data_version (lkey, the list's count SQL and arguments, is not NULL)
 * and the page's keys are in the key-list cache (lists up to
 * TD_API_KLIST_KEYS) with every row in the rendered-row cache, the page is
 * copied from them. Otherwise one statement writes it: the page's keys are
 * found in ep->count_from alone (through its index, so skipped rows never
 * touch the joins), then joined; the rows are kept in the row cache when
 * lkey is set. 0 or the HTTP status of a failure. sql and fq are scratch. */
static int keyed_items(td_api *a, const td_api_endpoint *ep, const char *where, int nv,
                       const char *const *vals, const int *kinds, long limit, long offset,
                       const char *lkey, long long total, td_buf *out, td_buf *sql, td_buf *fq) {
  size_t nlen = strlen(ep->name);
  if (lkey && total <= TD_API_KLIST_KEYS) {
    sql->len = 0;
    td_buf_printf(sql, "SELECT %s FROM %s%s ORDER BY %s LIMIT ? OFFSET ?", ep->key,
                  ep->count_from, where, ep->order);
    sqlite3_stmt *ks = stmt(a, sql->ptr);
    if (!ks) return td_api_error(out, 500, sqlite3_errmsg(a->db)), 500;
    bind_filters(ks, nv, vals, kinds, fq);
    int st;
    struct td_api_klist *kl = klist(a, lkey, ep->name, ks, nv, out, &st);
    if (st) return st;
    if (kl) {
      size_t o = (size_t)offset < kl->n ? (size_t)offset : kl->n;
      size_t nk = kl->n - o < (size_t)limit ? kl->n - o : (size_t)limit;
      const size_t *koff = kl->off + o;
      size_t mark = out->len, i;
      td_buf_reserve(out, nk * 1024);
      td_buf_putc(out, '[');
      for (i = 0; i < nk; i++) {
        const char *ck = kl->keys + koff[i];
        size_t cklen = koff[i + 1] - koff[i] - 1, jlen;
        const char *j = row_get(a, td_hash64(ck, cklen), ck, cklen, &jlen);
        if (!j) break;
        if (i) td_buf_putc(out, ',');
        td_buf_put(out, j, jlen);
      }
      if (i == nk) {
        td_buf_putc(out, ']');
        return 0;
      }
      out->len = mark; /* a row not rendered yet: the page from SQL */
    }
  }
  /* The keys' subquery is the outer loop (CROSS JOIN keeps SQLite from
   * reordering it) and every other table is a lookup of at most one row,
   * so rows come in the subquery's order without sorting them again. */
  sql->len = 0;
  td_buf_printf(sql,
                "SELECT %s FROM (SELECT %s AS k FROM %s%s ORDER BY %s LIMIT ? OFFSET ?) AS pg"
                " CROSS JOIN %s WHERE %s = pg.k",
                ep->select, ep->key, ep->count_from, where, ep->order, ep->from, ep->key);
  sqlite3_stmt *ps = stmt(a, sql->ptr);
  if (!ps) return td_api_error(out, 500, sqlite3_errmsg(a->db)), 500;
  bind_filters(ps, nv, vals, kinds, fq);
  sqlite3_bind_int64(ps, nv + 1, limit);
  sqlite3_bind_int64(ps, nv + 2, offset);
  td_rowfmt f;
  rowfmt_init(&f, ps);
  td_buf_reserve(out, (size_t)limit * 1024);
  td_buf_putc(out, '[');
  int n = 0, rc;
  while ((rc = sqlite3_step(ps)) == SQLITE_ROW) {
    if (n++) td_buf_putc(out, ',');
    size_t start = out->len;
    rowfmt_put(&f, out, ps);
    if (lkey) {
      fq->len = 0; /* the row cache's key: endpoint and row key */
      td_buf_put(fq, ep->name, nlen);
      td_buf_putc(fq, 0x1f);
      const char *k = (const char *)sqlite3_column_text(ps, 0);
      if (k) td_buf_put(fq, k, (size_t)sqlite3_column_bytes(ps, 0));
      row_put(a, td_hash64(fq->ptr, fq->len), fq->ptr, fq->len, out->ptr + start,
              out->len - start);
    }
  }
  rowfmt_free(&f);
  sqlite3_reset(ps);
  if (rc != SQLITE_DONE) return step_error(a, out, rc);
  td_buf_putc(out, ']');
  return 0;
}

static int list(td_api *a, const td_api_endpoint *ep, td_api_arg_fn arg, void *ctx, td_buf *out) {
  const char *ls = arg(ctx, "limit"), *os = arg(ctx, "offset");
  long limit = ls ? parse_count(ls) : TD_API_DEFAULT_LIMIT;
  long offset = os ? parse_count(os) : 0;
  if (limit < 0) return td_api_error(out, 400, "limit must be a non-negative integer"), 400;
  if (offset < 0 || offset > TD_API_MAX_OFFSET)
    return td_api_error(out, 400, "offset must be a non-negative integer"), 400;
  if (limit > TD_API_MAX_LIMIT) limit = TD_API_MAX_LIMIT;

  td_buf where = TD_BUF_INIT, sql = TD_BUF_INIT, fq = TD_BUF_INIT, ck = TD_BUF_INIT;
  const char *vals[10];
  int kinds[10], nv = 0;
  /* no filters: no WHERE at all, so that count(*) is SQLite's b-tree count */
  td_buf_puts(&where, " ");
  for (int i = 0; i < 10 && ep->filters[i].arg; i++) {
    const char *v = arg(ctx, ep->filters[i].arg);
    if (!v || !*v) continue;
    if (ep->filters[i].kind == F_DATE && !valid_date(v)) {
      td_buf_free(&where);
      td_api_error(out, 400, "dates are YYYY, YYYY-MM or YYYY-MM-DD");
      return 400;
    }
    if (ep->filters[i].kind == F_NUM && parse_count(v) < 0) {
      td_buf_free(&where);
      char msg[96];
      snprintf(msg, sizeof msg, "%s must be a non-negative integer", ep->filters[i].arg);
      td_api_error(out, 400, msg);
      return 400;
    }
    td_buf_printf(&where, "%s(%s)", nv ? " AND " : "WHERE ", ep->filters[i].cond);
    vals[nv] = v;
    kinds[nv++] = ep->filters[i].kind;
  }

  int status = 0;
  /* the total: from the totals cache when the answer is checked against
   * the store's data_version, else counted */
  td_buf_printf(&sql, "SELECT count(*) FROM %s%s", ep->count_from ? ep->count_from : ep->from,
                where.ptr);
  long long total = -1;
  if (a->totals_ok) {
    td_buf_puts(&ck, sql.ptr);
    for (int i = 0; i < nv; i++) td_buf_putc(&ck, 0x1f), td_buf_puts(&ck, vals[i]);
    for (int i = 0; i < a->ntotals && total < 0; i++)
      if (strcmp(a->totals[i].key, ck.ptr) == 0) total = a->totals[i].total;
  }
  arm_deadline(a);
  if (total < 0) {
    sqlite3_stmt *st = stmt(a, sql.ptr);
    if (!st) {
      td_buf_free(&ck);
      td_api_error(out, 500, sqlite3_errmsg(a->db));
      status = 500;
      goto done;
    }
    bind_filters(st, nv, vals, kinds, &fq);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
      sqlite3_reset(st);
      td_buf_free(&ck);
      status = step_error(a, out, rc);
      goto done;
    }
    total = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (a->totals_ok) { /* remember it, round-robin */
      int slot;
      if (a->ntotals < 64) slot = a->ntotals++;
      else {
        slot = a->next_total;
        a->next_total = (slot + 1) % 64;
        free(a->totals[slot].key);
      }
      a->totals[slot].key = td_xstrdup(ck.ptr);
      a->totals[slot].total = total;
    }
  }
  out->len = 0;
  td_buf_printf(out, "{\"total\":%lld,\"limit\":%ld,\"offset\":%ld,\"items\":", total, limit,
                offset);
  if (ep->count_from && ep->key) {
    status = keyed_items(a, ep, where.ptr, nv, vals, kinds, limit, offset,
                         a->totals_ok ? ck.ptr : NULL, total, out, &sql, &fq);
  } else {
    sql.len = 0;
    td_buf_printf(&sql, "SELECT %s FROM %s%s ORDER BY %s LIMIT ? OFFSET ?", ep->select, ep->from,
                  where.ptr, ep->order);
    sqlite3_stmt *st = stmt(a, sql.ptr);
    if (!st) {
      td_api_error(out, 500, sqlite3_errmsg(a->db));
      status = 500;
      goto done;
    }
    bind_filters(st, nv, vals, kinds, &fq);
    sqlite3_bind_int64(st, nv + 1, limit);
    sqlite3_bind_int64(st, nv + 2, offset);
    status = put_rows(a, out, st);
    sqlite3_reset(st);
  }
  if (status) goto done;
  td_buf_puts(out, "}\n");
  status = 200;
done:
  td_buf_free(&ck);
  td_buf_free(&where);
  td_buf_free(&sql);
  td_buf_free(&fq);
  return status;
}

/* ---- one article with its annotations ---- */

static int article(td_api *a, const char *id, td_buf *out) {
  out->len = 0;
  sqlite3_stmt *st = stmt(a, TD_API_ARTICLE_SQL);
  if (!st) return td_api_error(out, 500, sqlite3_errmsg(a->db)), 500;
  sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
  arm_deadline(a);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) return td_api_error(out, 404, "no such article"), 404;
    return td_api_error(out, 500, sqlite3_errmsg(a->db)), 500;
  }
  td_buf_puts(out, "{\"article\":");
  put_row(out, st);
  char key[600];
  snprintf(key, sizeof key, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_reset(st);
  for (int i = 0; td_api_layers[i].name; i++) {
    td_buf_puts(out, i == 0 ? ",\"annotations\":{" : ",");
    td_json_cstr(out, td_api_layers[i].name);
    td_buf_putc(out, ':');
    st = stmt(a, td_api_layers[i].sql);
    if (!st) return td_api_error(out, 500, sqlite3_errmsg(a->db)), 500;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int status = put_rows(a, out, st);
    sqlite3_reset(st);
    if (status) return status;
  }
  td_buf_puts(out, "}}\n");
  return 200;
}

/* ---- dispatch ---- */

int td_api_handle(td_api *a, const char *path, td_api_arg_fn arg, void *ctx, td_buf *out) {
  const char *p = path + 4; /* after "/api" */
  if (*p == '/') p++;
  if (strncmp(p, "articles/", 9) == 0 && p[9]) {
    const char *id = p + 9;
    if (strlen(id) > 512) return td_api_error(out, 400, "article id too long"), 400;
    return article(a, id, out);
  }
  if (strcmp(p, "search") == 0) {
    const char *q = arg(ctx, "q");
    if (!q || !*q) return td_api_error(out, 400, "search needs q=WORDS"), 400;
    return list(a, &td_api_search, arg, ctx, out);
  }
  if (*p == 0) {
    out->len = 0;
    td_buf_puts(out, "{\"endpoints\":[");
    for (int i = 0; td_api_endpoints[i].name; i++) {
      if (i) td_buf_putc(out, ',');
      td_buf_printf(out, "\"/api/%s\"", td_api_endpoints[i].name);
    }
    td_buf_puts(out, ",\"/api/articles/{id}\",\"/api/search\"]}\n");
    return 200;
  }
  for (int i = 0; td_api_endpoints[i].name; i++)
    if (strcmp(p, td_api_endpoints[i].name) == 0) return list(a, &td_api_endpoints[i], arg, ctx, out);
  td_api_error(out, 404, "no such endpoint");
  return 404;
}

/* ---- cached answers ---- */

static long long data_version(td_api *a) {
  sqlite3_stmt *st = stmt(a, "PRAGMA data_version");
  if (!st || sqlite3_step(st) != SQLITE_ROW) return -1;
  long long v = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  return v;
}

void td_api_set_cache(td_api *a, int on) { a->no_cache = !on; }

static int respond(td_api *a, const char *key, const char *path, td_api_arg_fn arg, void *ctx,
                   td_buf *out) {
  if (a->no_cache || !key) return td_api_handle(a, path, arg, ctx, out);
  long long v = data_version(a);
  if (v != a->data_version || v < 0) drop_responses(a), a->data_version = v;
  for (int i = 0; i < a->nresp; i++)
    if (strcmp(a->resp[i].key, key) == 0) {
      out->len = 0;
      td_buf_put(out, a->resp[i].body, a->resp[i].len);
      return 200;
    }
  a->totals_ok = v >= 0;
  int status = td_api_handle(a, path, arg, ctx, out);
  a->totals_ok = 0;
  if (status != 200 || v < 0 || out->len > TD_API_RCACHE_ITEM) return status;
  while (a->nresp > 0 && a->resp_bytes + out->len > TD_API_RCACHE_BYTES) {
    /* over budget: drop the last entry (replacement below reuses slots) */
    a->nresp--;
    a->resp_bytes -= a->resp[a->nresp].len;
    free(a->resp[a->nresp].key), free(a->resp[a->nresp].body);
    if (a->next_resp > a->nresp) a->next_resp = a->nresp;
  }
  int slot;
  if (a->nresp < TD_API_RCACHE) slot = a->nresp++;
  else {
    slot = a->next_resp;
    a->next_resp = (a->next_resp + 1) % TD_API_RCACHE;
    a->resp_bytes -= a->resp[slot].len;
    free(a->resp[slot].key), free(a->resp[slot].body);
  }
  a->resp[slot].key = td_xstrdup(key);
  a->resp[slot].body = td_xmalloc(out->len + 1);
  memcpy(a->resp[slot].body, out->ptr, out->len);
  a->resp[slot].len = out->len;
  a->resp_bytes += out->len;
  return status;
}

/* Each request is one read transaction: the data_version check, the
 * total, a page's keys and its rows all see the same snapshot of the
 * store, whatever an ingest commits meanwhile. */
int td_api_respond(td_api *a, const char *key, const char *path, td_api_arg_fn arg, void *ctx,
                   td_buf *out) {
  sqlite3_stmt *st = stmt(a, "BEGIN");
  int txn = st && sqlite3_step(st) == SQLITE_DONE;
  if (st) sqlite3_reset(st);
  int status = respond(a, key, path, arg, ctx, out);
  if (txn && (st = stmt(a, "COMMIT")) != NULL) {
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  return status;
}
