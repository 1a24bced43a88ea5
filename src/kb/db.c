/*
 * db.c — the knowledge base's statement layer: one small interface
 * (td_kq: prepare, bind, step, read columns) over the two backends, an
 * SQLite file (the default) and a PostgreSQL database (libpq, `--db
 * postgresql://…`). Every statement of src/kb is written once in SQLite's
 * dialect; td_kb_pg_sql translates it for PostgreSQL: '?' becomes $n,
 * INSERT OR REPLACE/IGNORE become ON CONFLICT clauses, ORDER BY keys get
 * the NULL placement SQLite uses, group_concat is string_agg, LIKE is
 * ILIKE (SQLite's LIKE ignores ASCII case), the column `end` is quoted,
 * and in schema statements the types are mapped (TEXT with the "C"
 * collation, so text sorts by bytes as in SQLite). PostgreSQL results are
 * read whole (PQexecPrepared) and walked row by row. libpq is opened
 * (core/dl.c) when the first postgresql:// store is, not linked: a run
 * that opens none does not load it and the libraries it pulls in.
 */
#include "kb/kb.h"

#include <libpq-fe.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The advisory lock every writer of a PostgreSQL store holds for its
 * transaction ("tidings" in ASCII, as a number). */
#define TD_KB_PG_LOCK "7616465696e6773"

#ifndef TD_LIBPQ
#define TD_LIBPQ "libpq.so.5" /* libpq's soname since PostgreSQL 8.0 */
#endif

/* libpq's functions, filled by td_dl_load (pq_load). */
#define PQ_FUNCS(X) \
  X(PQclear) X(PQcmdTuples) X(PQconnectdb) X(PQerrorMessage) X(PQexec) \
  X(PQexecParams) X(PQexecPrepared) X(PQfinish) X(PQfname) X(PQfreemem) \
  X(PQftype) X(PQgetisnull) X(PQgetvalue) X(PQnfields) X(PQntuples) \
  X(PQprepare) X(PQresultErrorMessage) X(PQresultStatus) \
  X(PQsetNoticeProcessor) X(PQstatus) X(PQunescapeBytea)
static struct {
  PQ_FUNCS(TD_DL_FIELD)
} pq;
#define PQ_SYM(f) TD_DL_SYM(pq, f)
static td_dl_sym pq_syms[] = {PQ_FUNCS(PQ_SYM)};
#undef PQ_SYM
static td_dl_lib libpq = TD_DL_LIB(TD_LIBPQ, "a postgresql:// store", pq_syms);

struct td_kq {
  td_kb *kb;
  int cached;
  sqlite3_stmt *st; /* SQLite */
  /* PostgreSQL */
  char name[24];    /* server-side prepared statement ("" none) */
  char *sql;        /* translated text */
  int nparams;
  char **vals;
  int *lens, *fmts;
  PGresult *res;
  int row, nrows, ran;
  long changes;
  unsigned char *blob; /* the last bytea read, unescaped */
};

int td_kb_is_pg_url(const char *path) {
  return strncmp(path, "postgres://", 11) == 0 || strncmp(path, "postgresql://", 13) == 0;
}

const char *td_kb_redact(const char *path, char *buf, size_t n) {
  snprintf(buf, n, "%s", path);
  if (!td_kb_is_pg_url(path)) return buf;
  /* scheme://user:password@host... */
  char *s = strstr(buf, "://"), *at = s ? strchr(s + 3, '@') : NULL;
  char *colon = s ? strchr(s + 3, ':') : NULL;
  if (at && colon && colon < at) {
    char rest[1024];
    snprintf(rest, sizeof rest, "%s", at);
    snprintf(colon, n - (size_t)(colon - buf), ":***%s", rest);
  }
  /* a password=... parameter */
  char *pw = strstr(buf, "password=");
  if (pw) {
    char *e = strchr(pw, '&');
    char rest[1024];
    snprintf(rest, sizeof rest, "%s", e ? e : "");
    snprintf(pw + 9, n - (size_t)(pw + 9 - buf), "***%s", rest);
  }
  return buf;
}

const char *td_kb_errmsg(td_kb *kb) {
  if (kb->db) snprintf(kb->errmsg, sizeof kb->errmsg, "sqlite: %s", sqlite3_errmsg(kb->db));
  return kb->errmsg;
}

static void pg_error(td_kb *kb, const char *msg) {
  snprintf(kb->errmsg, sizeof kb->errmsg, "postgresql: %s", msg ? msg : "error");
  size_t n = strlen(kb->errmsg);
  while (n && (kb->errmsg[n - 1] == '\n' || kb->errmsg[n - 1] == ' ')) kb->errmsg[--n] = 0;
}

static void quiet_notices(void *arg, const char *msg) {
  (void)arg, (void)msg; /* "relation already exists, skipping" and the like */
}

/* Once per process, before SQLite starts: no allocation statistics (each
 * of SQLite's allocations otherwise takes a global mutex to count itself;
 * tidings never reads them). A program that started SQLite itself keeps
 * its own setting (the call then fails, harmlessly). */
static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;
static void sqlite_setup(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

int td_kb_connect(td_kb *kb, const char *path, char *err, size_t errlen) {
  if (td_kb_is_pg_url(path)) {
    if (td_dl_load(&libpq, err, errlen) != 0) return -1;
    PGconn *c = pq.PQconnectdb(path);
    kb->pg = c;
    if (!c || pq.PQstatus(c) != CONNECTION_OK) {
      char shown[1024];
      snprintf(err, errlen, "%s: %s", td_kb_redact(path, shown, sizeof shown),
               c ? pq.PQerrorMessage(c) : "cannot connect");
      size_t n = strlen(err);
      while (n && err[n - 1] == '\n') err[--n] = 0;
      return -1;
    }
    pq.PQsetNoticeProcessor(c, quiet_notices, NULL);
    /* doubles in text exactly (shortest round trip), no chatter */
    return td_kb_exec(kb, "SET extra_float_digits = 3; SET client_min_messages = warning;", err, errlen);
  }
  /* one thread at a time uses a store (ingest hands it from its writer
   * thread back to the caller, never both at once): no mutex around every
   * bind and step (they were 5% of storing) */
  pthread_once(&sqlite_once, sqlite_setup);
  int flags = (kb->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
              SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path, &kb->db, flags, NULL) != SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", path, kb->db ? sqlite3_errmsg(kb->db) : "cannot open");
    return -1;
  }
  sqlite3_busy_timeout(kb->db, 10000);
  return 0;
}

void td_kb_disconnect(td_kb *kb) {
  for (int i = 0; i < kb->ncache; i++) {
    kb->cache[i].st->cached = 0;
    td_kq_finalize(kb->cache[i].st);
  }
  kb->ncache = 0;
  if (kb->db) sqlite3_close(kb->db);
  if (kb->pg) pq.PQfinish(kb->pg);
  kb->db = NULL, kb->pg = NULL;
}

/* ---- the PostgreSQL dialect ---- */

/* Primary keys, for INSERT OR REPLACE's ON CONFLICT target. */
static const char *const pkeys[][2] = {
    {"meta", "key"}, {"inputs", "input_key"}, {"documents", "doc_key"},
    {"doc_copies", "doc_key, id, input_sha256"}, {"sentences", "doc_key, idx"},
    {"actors", "doc_key, aid"}, {"places", "doc_key, pid"}, {"times", "doc_key, tid"},
    {"quotes", "doc_key, qid"}, {"quantities", "doc_key, nid"}, {"events", "doc_key, eid"},
    {"m_versions", "doc_key"}, {"m_story_docs", "doc_key"}, {"m_stories", "story_key"},
    {"m_events", "event_key"}, {"m_event_mentions", "event_key, doc_key, eid"},
    {"m_actors", "entity"}, {"m_actor_roles", "entity, role"}, {"m_claims", "claim_key"},
    {"m_claim_relations", "a, b"}, {"m_event_display", "event_key"}};

static int isword(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* 1 when s starts with word w followed by a non-word character. */
static int at_word(const char *s, const char *w) {
  size_t n = strlen(w);
  return strncmp(s, w, n) == 0 && !isword(s[n]);
}

static const char *skip_space(const char *s) {
  while (*s == ' ' || *s == '\n' || *s == '\t') s++;
  return s;
}

/* The column name c as PostgreSQL needs it (`end` is reserved). */
static void put_ident(td_buf *o, const char *c, size_t n) {
  if (n == 3 && strncmp(c, "end", 3) == 0) td_buf_puts(o, "\"end\"");
  else td_buf_put(o, c, n);
}

/* The ON CONFLICT clause of an INSERT OR REPLACE into table t (name of n
 * bytes) with column list cols (between the parentheses). */
static void on_conflict(td_buf *o, const char *t, size_t n, const char *cols, size_t ncols) {
  const char *pk = NULL;
  for (size_t i = 0; i < sizeof pkeys / sizeof pkeys[0]; i++)
    if (strlen(pkeys[i][0]) == n && strncmp(pkeys[i][0], t, n) == 0) pk = pkeys[i][1];
  if (!pk) {
    td_buf_puts(o, " ON CONFLICT DO NOTHING");
    return;
  }
  td_buf_printf(o, " ON CONFLICT (%s) DO ", pk);
  int first = 1;
  const char *p = cols, *end = cols + ncols;
  while (p < end) {
    while (p < end && !isword(*p)) p++;
    const char *w = p;
    while (p < end && isword(*p)) p++;
    if (p == w) break;
    /* a key column is not updated */
    int key = 0;
    for (const char *k = pk; *k;) {
      const char *kw = k;
      while (*k && *k != ',') k++;
      if ((size_t)(k - kw) == (size_t)(p - w) && strncmp(kw, w, (size_t)(p - w)) == 0) key = 1;
      while (*k == ',' || *k == ' ') k++;
    }
    if (key) continue;
    td_buf_puts(o, first ? "UPDATE SET " : ", ");
    put_ident(o, w, (size_t)(p - w));
    td_buf_puts(o, " = EXCLUDED.");
    put_ident(o, w, (size_t)(p - w));
    first = 0;
  }
  if (first) td_buf_puts(o, "NOTHING");
}

/* An ORDER BY being translated: its parenthesis depth, and whether the
 * current key said DESC. */
typedef struct {
  int on, depth, desc;
} orderby;

/* Ends the current ORDER BY key: SQLite puts NULLs first ascending, last
 * descending; PostgreSQL the other way round. */
static void end_key(td_buf *o, orderby *ob) {
  while (o->len && o->ptr[o->len - 1] == ' ') o->len--;
  td_buf_puts(o, ob->desc ? " NULLS LAST" : " NULLS FIRST");
  ob->desc = 0;
}

char *td_kb_pg_sql(const char *sql, int ddl, int *nparams) {
  td_buf o = {0};
  int np = 0, depth = 0;
  orderby ob = {0};
  /* INSERT OR REPLACE/IGNORE: 1 replace, 2 ignore, until the statement ends */
  int conflict = 0;
  const char *table = NULL, *cols = NULL;
  size_t ntable = 0, ncols = 0;
  const char *p = sql;
  for (;;) {
    char c = *p;
    if (c == 0 || c == ';') {
      if (ob.on) end_key(&o, &ob), ob.on = 0;
      if (conflict == 1) on_conflict(&o, table, ntable, cols ? cols : "", ncols);
      else if (conflict == 2) td_buf_puts(&o, " ON CONFLICT DO NOTHING");
      conflict = 0, table = cols = NULL;
      if (!c) break;
      td_buf_putc(&o, c);
      p++;
      continue;
    }
    if (c == '\'' || c == '"') { /* literals and quoted names as they are */
      const char *q = p + 1;
      for (;;) {
        if (!*q) break;
        if (*q == c) {
          if (q[1] == c) {
            q += 2;
            continue;
          }
          q++;
          break;
        }
        q++;
      }
      td_buf_put(&o, p, (size_t)(q - p));
      p = q;
      continue;
    }
    if (c == '?') {
      p++;
      if (*p >= '0' && *p <= '9') { /* ?NNN */
        int k = (int)strtol(p, (char **)&p, 10);
        if (k > np) np = k;
        td_buf_printf(&o, "$%d", k);
      } else {
        td_buf_printf(&o, "$%d", ++np);
      }
      continue;
    }
    if (c == '(') {
      depth++;
      td_buf_putc(&o, c);
      p++;
      continue;
    }
    if (c == ')') {
      if (ob.on && depth == ob.depth) end_key(&o, &ob), ob.on = 0;
      depth--;
      td_buf_putc(&o, c);
      p++;
      continue;
    }
    if (c == ',' && ob.on && depth == ob.depth) {
      end_key(&o, &ob);
      td_buf_putc(&o, c);
      p++;
      continue;
    }
    if (!isword(c) || (p > sql && isword(p[-1]))) {
      td_buf_putc(&o, c);
      p++;
      continue;
    }
    const char *w = p;
    while (isword(*p)) p++;
    size_t n = (size_t)(p - w);
    if (c >= '0' && c <= '9') { /* a number */
      td_buf_put(&o, w, n);
      continue;
    }
    if (at_word(w, "INSERT") && at_word(skip_space(p), "OR")) {
      const char *q = skip_space(skip_space(p) + 2);
      conflict = at_word(q, "REPLACE") ? 1 : 2;
      while (isword(*q)) q++;
      q = skip_space(q);
      td_buf_puts(&o, "INSERT ");
      if (at_word(q, "INTO")) {
        const char *t = skip_space(q + 4);
        table = t;
        while (isword(*t)) t++;
        ntable = (size_t)(t - table);
        if (*t == '(') {
          const char *e = strchr(t, ')');
          if (e) cols = t + 1, ncols = (size_t)(e - t - 1);
        }
      }
      p = q;
      continue;
    }
    if (ob.on && depth == ob.depth && (at_word(w, "LIMIT") || at_word(w, "OFFSET"))) {
      end_key(&o, &ob), ob.on = 0;
      td_buf_putc(&o, ' ');
    }
    if (at_word(w, "ORDER") && at_word(skip_space(p), "BY")) {
      p = skip_space(p) + 2;
      td_buf_puts(&o, "ORDER BY");
      ob.on = 1, ob.depth = depth, ob.desc = 0;
      continue;
    }
    if (ob.on && at_word(w, "DESC")) ob.desc = 1;
    if (at_word(w, "IMMEDIATE")) continue; /* BEGIN IMMEDIATE */
    if (at_word(w, "WITHOUT") && at_word(skip_space(p), "ROWID")) {
      p = skip_space(p) + 5;
      continue;
    }
    if (at_word(w, "group_concat")) {
      td_buf_puts(&o, "string_agg");
      continue;
    }
    if (at_word(w, "LIKE")) {
      td_buf_puts(&o, "ILIKE");
      continue;
    }
    if (ddl && at_word(skip_space(p), "COLLATE") && at_word(skip_space(skip_space(p) + 7), "NOCASE")) {
      td_buf_puts(&o, "lower(");
      put_ident(&o, w, n);
      td_buf_putc(&o, ')');
      p = skip_space(skip_space(p) + 7) + 6;
      continue;
    }
    if (ddl && at_word(w, "INTEGER")) td_buf_puts(&o, "BIGINT");
    else if (ddl && at_word(w, "REAL")) td_buf_puts(&o, "DOUBLE PRECISION");
    else if (ddl && at_word(w, "BLOB")) td_buf_puts(&o, "BYTEA");
    else if (ddl && at_word(w, "TEXT")) td_buf_puts(&o, "TEXT COLLATE \"C\"");
    else put_ident(&o, w, n);
  }
  if (nparams) *nparams = np;
  if (!o.ptr) return td_xstrdup("");
  return td_buf_detach(&o, NULL);
}

/* ---- statements ---- */

static td_kq *kq_new(td_kb *kb, const char *sql, int cache, char *err, size_t errlen) {
  td_kq *q = td_xcalloc(1, sizeof *q);
  q->kb = kb;
  if (kb->db) {
    if (sqlite3_prepare_v2(kb->db, sql, -1, &q->st, NULL) != SQLITE_OK) {
      snprintf(err, errlen, "sqlite: %s", sqlite3_errmsg(kb->db));
      free(q);
      return NULL;
    }
    return q;
  }
  q->sql = td_kb_pg_sql(sql, 0, &q->nparams);
  if (q->nparams) {
    q->vals = td_xcalloc((size_t)q->nparams, sizeof *q->vals);
    q->lens = td_xcalloc((size_t)q->nparams, sizeof *q->lens);
    q->fmts = td_xcalloc((size_t)q->nparams, sizeof *q->fmts);
  }
  if (cache) { /* prepared once on the server, run many times */
    snprintf(q->name, sizeof q->name, "td%d", ++kb->nprepared);
    PGresult *r = pq.PQprepare(kb->pg, q->name, q->sql, 0, NULL);
    int ok = r && pq.PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) {
      pg_error(kb, r ? pq.PQresultErrorMessage(r) : pq.PQerrorMessage(kb->pg));
      snprintf(err, errlen, "%s", kb->errmsg);
    }
    pq.PQclear(r);
    if (!ok) {
      q->name[0] = 0;
      td_kq_finalize(q);
      return NULL;
    }
  }
  return q;
}

td_kq *td_kb_stmt(td_kb *kb, const char *sql, char *err, size_t errlen) {
  for (int i = 0; i < kb->ncache; i++)
    if (kb->cache[i].sql == sql) {
      td_kq_reset(kb->cache[i].st);
      return kb->cache[i].st;
    }
  td_kq *q = kq_new(kb, sql, 1, err, errlen);
  if (!q) return NULL;
  q->cached = 1;
  if (kb->ncache < (int)(sizeof kb->cache / sizeof kb->cache[0])) {
    kb->cache[kb->ncache].sql = sql;
    kb->cache[kb->ncache++].st = q;
  } else {
    /* cache full: not expected with literal statements; keep working */
    kb->cache[0].st->cached = 0;
    td_kq_finalize(kb->cache[0].st);
    kb->cache[0].sql = sql, kb->cache[0].st = q;
  }
  return q;
}

td_kq *td_kb_prepare(td_kb *kb, const char *sql, char *err, size_t errlen) {
  return kq_new(kb, sql, 0, err, errlen);
}

static void pg_clear(td_kq *q) {
  if (q->res) pq.PQclear(q->res);
  q->res = NULL;
  q->ran = 0, q->row = -1, q->nrows = 0;
  if (q->blob) pq.PQfreemem(q->blob);
  q->blob = NULL;
}

void td_kq_reset(td_kq *q) {
  if (!q) return;
  if (q->st) {
    sqlite3_reset(q->st);
    sqlite3_clear_bindings(q->st);
    return;
  }
  pg_clear(q);
  for (int i = 0; i < q->nparams; i++) {
    free(q->vals[i]);
    q->vals[i] = NULL, q->lens[i] = 0, q->fmts[i] = 0;
  }
}

void td_kq_again(td_kq *q) {
  if (q && q->st) sqlite3_reset(q->st); /* bindings stay: the caller binds every one */
  else td_kq_reset(q);
}

void td_kq_finalize(td_kq *q) {
  if (!q || q->cached) return; /* the kb's cache owns it */
  if (q->st) sqlite3_finalize(q->st);
  if (q->kb->pg) {
    td_kq_reset(q);
    if (q->name[0]) {
      char sql[48];
      snprintf(sql, sizeof sql, "DEALLOCATE %s", q->name);
      pq.PQclear(pq.PQexec(q->kb->pg, sql));
    }
  }
  free(q->vals), free(q->lens), free(q->fmts), free(q->sql);
  free(q);
}

static void pg_bind(td_kq *q, int i, char *v, int len, int fmt) {
  if (i < 1 || i > q->nparams) {
    free(v);
    return;
  }
  free(q->vals[i - 1]);
  q->vals[i - 1] = v, q->lens[i - 1] = len, q->fmts[i - 1] = fmt;
}

void td_kq_text(td_kq *q, int i, const char *s) {
  if (q->st) {
    if (s) sqlite3_bind_text(q->st, i, s, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(q->st, i);
  } else {
    pg_bind(q, i, s ? td_xstrdup(s) : NULL, 0, 0);
  }
}

void td_kb_bind_str(td_kq *st, int i, const char *s) { td_kq_text(st, i, s); }

void td_kq_text_ref(td_kq *q, int i, const char *s) {
  if (q->st && s) sqlite3_bind_text(q->st, i, s, -1, SQLITE_STATIC); /* not copied */
  else td_kq_text(q, i, s);
}

void td_kq_text_ref_n(td_kq *q, int i, const char *s, size_t n) {
  if (q->st && s && n <= 0x7fffffff) sqlite3_bind_text(q->st, i, s, (int)n, SQLITE_STATIC);
  else td_kq_text(q, i, s);
}

void td_kq_int(td_kq *q, int i, long long v) {
  if (q->st) {
    sqlite3_bind_int64(q->st, i, (sqlite3_int64)v);
    return;
  }
  char b[32];
  snprintf(b, sizeof b, "%lld", v);
  pg_bind(q, i, td_xstrdup(b), 0, 0);
}

void td_kq_double(td_kq *q, int i, double v) {
  if (q->st) {
    sqlite3_bind_double(q->st, i, v);
    return;
  }
  char b[40];
  snprintf(b, sizeof b, "%.17g", v); /* exact */
  pg_bind(q, i, td_xstrdup(b), 0, 0);
}

void td_kq_null(td_kq *q, int i) {
  if (q->st) sqlite3_bind_null(q->st, i);
  else pg_bind(q, i, NULL, 0, 0);
}

void td_kq_blob(td_kq *q, int i, const void *p, size_t n) {
  if (q->st) {
    sqlite3_bind_blob(q->st, i, p, (int)n, SQLITE_TRANSIENT);
    return;
  }
  char *v = td_xmalloc(n ? n : 1);
  memcpy(v, p, n);
  pg_bind(q, i, v, (int)n, 1); /* binary: bytea as it is */
}

int td_kq_step(td_kq *q) {
  if (q->st) {
    int rc = sqlite3_step(q->st);
    if (rc == SQLITE_ROW) return TD_KQ_ROW;
    if (rc == SQLITE_DONE) {
      q->changes = sqlite3_changes(q->kb->db);
      return TD_KQ_DONE;
    }
    return TD_KQ_ERROR;
  }
  if (!q->ran) {
    td_kb *kb = q->kb;
    q->ran = 1;
    q->row = -1;
    q->changes = 0;
    const char *const *vals = (const char *const *)q->vals;
    q->res = q->name[0] ? pq.PQexecPrepared(kb->pg, q->name, q->nparams, vals, q->lens, q->fmts, 0)
                        : pq.PQexecParams(kb->pg, q->sql, q->nparams, NULL, vals, q->lens, q->fmts, 0);
    ExecStatusType s = q->res ? pq.PQresultStatus(q->res) : PGRES_FATAL_ERROR;
    if (s == PGRES_TUPLES_OK) {
      q->nrows = pq.PQntuples(q->res);
    } else if (s == PGRES_COMMAND_OK) {
      q->changes = atol(pq.PQcmdTuples(q->res));
      return TD_KQ_DONE;
    } else {
      pg_error(kb, q->res ? pq.PQresultErrorMessage(q->res) : pq.PQerrorMessage(kb->pg));
      return TD_KQ_ERROR;
    }
  }
  if (q->blob) pq.PQfreemem(q->blob), q->blob = NULL;
  if (q->row + 1 < q->nrows) {
    q->row++;
    return TD_KQ_ROW;
  }
  q->row = q->nrows;
  return TD_KQ_DONE;
}

long td_kq_changes(td_kq *q) { return q->changes; }

int td_kq_ncols(td_kq *q) {
  if (q->st) return sqlite3_column_count(q->st);
  return q->res ? pq.PQnfields(q->res) : 0;
}

const char *td_kq_name(td_kq *q, int c) {
  if (q->st) return sqlite3_column_name(q->st, c);
  return q->res ? pq.PQfname(q->res, c) : "";
}

/* The PostgreSQL type ids of libpq's catalog (pg_type.h). */
enum { PG_BYTEA = 17, PG_INT8 = 20, PG_INT2 = 21, PG_INT4 = 23, PG_FLOAT4 = 700, PG_FLOAT8 = 701,
       PG_NUMERIC = 1700 };

static int pg_valid(td_kq *q, int c) {
  return q->res && q->row >= 0 && q->row < q->nrows && c >= 0 && c < pq.PQnfields(q->res);
}

int td_kq_type(td_kq *q, int c) {
  if (q->st) {
    switch (sqlite3_column_type(q->st, c)) {
    case SQLITE_INTEGER: return TD_KQ_INT;
    case SQLITE_FLOAT: return TD_KQ_FLOAT;
    case SQLITE_TEXT: return TD_KQ_TEXT;
    case SQLITE_BLOB: return TD_KQ_BLOB;
    default: return TD_KQ_NULL;
    }
  }
  if (!pg_valid(q, c) || pq.PQgetisnull(q->res, q->row, c)) return TD_KQ_NULL;
  switch ((int)pq.PQftype(q->res, c)) {
  case PG_INT2: case PG_INT4: case PG_INT8: return TD_KQ_INT;
  case PG_FLOAT4: case PG_FLOAT8: return TD_KQ_FLOAT;
  case PG_NUMERIC: /* sums: integral ones are integers, as in SQLite */
    return strpbrk(pq.PQgetvalue(q->res, q->row, c), ".eE") ? TD_KQ_FLOAT : TD_KQ_INT;
  case PG_BYTEA: return TD_KQ_BLOB;
  default: return TD_KQ_TEXT;
  }
}

const char *td_kq_col_text(td_kq *q, int c) {
  if (q->st) return (const char *)sqlite3_column_text(q->st, c);
  if (!pg_valid(q, c) || pq.PQgetisnull(q->res, q->row, c)) return NULL;
  return pq.PQgetvalue(q->res, q->row, c);
}

long long td_kq_col_int(td_kq *q, int c) {
  if (q->st) return sqlite3_column_int64(q->st, c);
  const char *s = td_kq_col_text(q, c);
  if (!s) return 0;
  return strpbrk(s, ".eE") ? (long long)strtod(s, NULL) : strtoll(s, NULL, 10);
}

const char *td_kq_show(td_kq *q, int c, char num[40]) {
  if (td_kq_type(q, c) != TD_KQ_FLOAT) return td_kq_col_text(q, c);
  snprintf(num, 40, "%.15g", td_kq_col_double(q, c));
  if (!strpbrk(num, ".eni")) strcat(num, ".0");
  return num;
}

double td_kq_col_double(td_kq *q, int c) {
  if (q->st) return sqlite3_column_double(q->st, c);
  const char *s = td_kq_col_text(q, c);
  return s ? strtod(s, NULL) : 0;
}

const void *td_kq_col_blob(td_kq *q, int c, size_t *n) {
  *n = 0;
  if (q->st) {
    const void *p = sqlite3_column_blob(q->st, c);
    *n = (size_t)sqlite3_column_bytes(q->st, c);
    return p;
  }
  const char *s = td_kq_col_text(q, c);
  if (!s) return NULL;
  if (q->blob) pq.PQfreemem(q->blob);
  q->blob = pq.PQunescapeBytea((const unsigned char *)s, n);
  return q->blob;
}

/* ---- scripts, transactions, schema ---- */

int td_kb_exec(td_kb *kb, const char *sql, char *err, size_t errlen) {
  if (kb->db) {
    char *msg = NULL;
    if (sqlite3_exec(kb->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
      snprintf(err, errlen, "sqlite: %s", msg ? msg : sqlite3_errmsg(kb->db));
      sqlite3_free(msg);
      return -1;
    }
    return 0;
  }
  char *t = td_kb_pg_sql(sql, 0, NULL);
  PGresult *r = pq.PQexec(kb->pg, t);
  free(t);
  ExecStatusType s = r ? pq.PQresultStatus(r) : PGRES_FATAL_ERROR;
  int ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
  if (!ok) {
    pg_error(kb, r ? pq.PQresultErrorMessage(r) : pq.PQerrorMessage(kb->pg));
    snprintf(err, errlen, "%s", kb->errmsg);
  }
  pq.PQclear(r);
  return ok ? 0 : -1;
}

int td_kb_begin(td_kb *kb, char *err, size_t errlen) {
  if (kb->db) return td_kb_exec(kb, "BEGIN IMMEDIATE", err, errlen);
  return td_kb_exec(kb, "BEGIN; SELECT pg_advisory_xact_lock(x'" TD_KB_PG_LOCK "'::bigint)", err, errlen);
}

int td_kb_schema_version(td_kb *kb) {
  char err[256];
  int v = 0;
  if (kb->pg) { /* a missing table would abort an open transaction: look first */
    td_kq *t = td_kb_prepare(kb, "SELECT count(*) FROM information_schema.tables"
                                 " WHERE table_schema = current_schema() AND table_name = 'meta'",
                             err, sizeof err);
    int has = t && td_kq_step(t) == TD_KQ_ROW && td_kq_col_int(t, 0) > 0;
    td_kq_finalize(t);
    if (!has) return 0;
  }
  td_kq *q = td_kb_prepare(kb, "SELECT value FROM meta WHERE key='schema_version'", err, sizeof err);
  if (!q) return 0; /* SQLite: no meta table, an empty store */
  if (td_kq_step(q) == TD_KQ_ROW) v = atoi(td_kq_col_text(q, 0) ? td_kq_col_text(q, 0) : "0");
  td_kq_finalize(q);
  return v;
}

/* Runs a schema script statement by statement, translated for PostgreSQL
 * (FTS5 virtual tables are SQLite's own: PostgreSQL searches with GIN
 * indexes made by pg_extra instead). */
static int run_schema(td_kb *kb, const char *script, char *err, size_t errlen) {
  if (kb->db) return td_kb_exec(kb, script, err, errlen);
  const char *p = script;
  while (*p) {
    const char *e = strchr(p, ';');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char *one = td_xmalloc(n + 1);
    memcpy(one, p, n);
    one[n] = 0;
    const char *s = skip_space(one);
    int rc = 0;
    if (*s && strncmp(s, "CREATE VIRTUAL TABLE", 20) != 0) {
      char *t = td_kb_pg_sql(s, 1, NULL);
      PGresult *r = pq.PQexec(kb->pg, t);
      ExecStatusType st = r ? pq.PQresultStatus(r) : PGRES_FATAL_ERROR;
      if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        pg_error(kb, r ? pq.PQresultErrorMessage(r) : pq.PQerrorMessage(kb->pg));
        snprintf(err, errlen, "%s (in: %.80s)", kb->errmsg, t);
        rc = -1;
      }
      pq.PQclear(r);
      free(t);
    }
    free(one);
    if (rc) return -1;
    p = e ? e + 1 : p + n;
  }
  return 0;
}

int td_kb_migrate(td_kb *kb, const char *const *migrations, const char *const *sqlite_extra,
                  const char *const *pg_extra, int version, char *err, size_t errlen) {
  /* PostgreSQL: one transaction under the writers' lock, the version read
   * again inside it, so concurrent first opens create the schema once */
  if (kb->pg && td_kb_begin(kb, err, errlen) != 0) return -1;
  int v = td_kb_schema_version(kb);
  if (v > version) {
    snprintf(err, errlen, "schema version %d is newer than this tidings (%d)", v, version);
    if (kb->pg) td_kb_exec(kb, "ROLLBACK", err + strlen(err), 0);
    return -1;
  }
  for (; v < version; v++) {
    char sql[160];
    snprintf(sql, sizeof sql,
             "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '%d');", v + 1);
    if ((kb->db && td_kb_exec(kb, "BEGIN IMMEDIATE", err, errlen) != 0) ||
        run_schema(kb, migrations[v], err, errlen) != 0 ||
        (kb->db && sqlite_extra[v] && td_kb_exec(kb, sqlite_extra[v], err, errlen) != 0) ||
        (kb->pg && pg_extra[v] && td_kb_exec(kb, pg_extra[v], err, errlen) != 0) ||
        td_kb_exec(kb, sql, err, errlen) != 0 || (kb->db && td_kb_exec(kb, "COMMIT", err, errlen) != 0)) {
      td_kb_exec(kb, "ROLLBACK", err + strlen(err), 0);
      return -1;
    }
  }
  if (kb->pg && td_kb_exec(kb, "COMMIT", err, errlen) != 0) return -1;
  return 0;
}
