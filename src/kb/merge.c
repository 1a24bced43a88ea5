/*
 * merge.c — the knowledge base's merge: rebuilds the m_* tables from the
 * stored per-document facts. Near-duplicate versions (same title without
 * wire markers, or min-hash overlap of the text), story clusters (articles
 * sharing actors and places within days), events (one per real-world
 * happening: same root code, source and target, dates within a day),
 * actor profiles, and claims grouped by what they measure with agreement
 * marked. Every step reads its input sorted by content keys and groups
 * with union-find whose roots are the smallest members, so the result is
 * the same whatever the order the documents arrived in. The documents, the
 * actors that have an entity and the places are read once and shared by
 * the steps (grouping them in C cost a third of what SQL's joins and
 * GROUP BYs over the same rows did); comparisons are bytewise, as SQLite's
 * BINARY collation, on either backend. Strings the steps sort or group by
 * (entities, names, places, event roots) are numbered once in that order
 * (mnames), so the sorts compare numbers. Rows are written 16 to a
 * statement (mbatch), in key order but for m_claim_relations'.
 */
#include "kb/kb.h"
#include "extract/extract.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- claims intervals ---- */

void td_kb_interval(const char *q, double v, int has_max, double vmax, double *lo, double *hi) {
  *lo = v, *hi = v;
  if (!q) q = "exact";
  if (has_max && vmax >= v) *hi = vmax;
  if (strcmp(q, "about") == 0) {
    double d = fabs(v) * 0.1;
    *lo = v - d, *hi = (has_max && vmax >= v ? vmax : v) + d;
  } else if (strcmp(q, "at_least") == 0 || strcmp(q, "over") == 0 || strcmp(q, "more_than") == 0) {
    *hi = HUGE_VAL;
  } else if (strcmp(q, "at_most") == 0 || strcmp(q, "under") == 0 || strcmp(q, "up_to") == 0 ||
             strcmp(q, "less_than") == 0) {
    *lo = v >= 0 ? 0 : -HUGE_VAL;
  } else if (strcmp(q, "vague") == 0) {
    *hi = v * 10; /* "thousands of" (2000): up to ten times the figure */
  }
}

int td_kb_intervals_agree(double lo1, double hi1, double lo2, double hi2) {
  return lo1 <= hi2 && lo2 <= hi1;
}

/* ---- helpers ---- */

typedef struct {
  int *p;
  size_t n;
} uf;

static void uf_init(uf *u, size_t n) {
  u->n = n;
  u->p = td_xmalloc((n ? n : 1) * sizeof *u->p);
  for (size_t i = 0; i < n; i++) u->p[i] = (int)i;
}
static int uf_find(uf *u, int x) {
  while (u->p[x] != x) {
    u->p[x] = u->p[u->p[x]];
    x = u->p[x];
  }
  return x;
}
/* Joins the sets; the smaller index is the root, so roots are the smallest
 * member whatever the order of the unions. */
static void uf_union(uf *u, int a, int b) {
  a = uf_find(u, a), b = uf_find(u, b);
  if (a == b) return;
  if (a < b) u->p[b] = a;
  else u->p[a] = b;
}

/* Days since 1970-01-01 of "YYYY-MM-DD..." or INT32_MIN when not a date. */
static long day_number(const char *s) {
  if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-') return INT32_MIN;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return INT32_MIN;
  long y = atol(s), m = atol(s + 5), d = atol(s + 8);
  if (m < 1 || m > 12 || d < 1 || d > 31) return INT32_MIN;
  return td_days_from_civil(y, (int)m, (int)d);
}

static char *dupcol(td_kq *st, int i) {
  const char *t = td_kq_col_text(st, i);
  return t ? td_xstrdup((const char *)t) : NULL;
}

/* 1 when s starts with the pattern: 'd' a digit, any other byte itself. */
static int digits_at(const char *s, const char *pat) {
  if (!s) return 0;
  for (; *pat; pat++, s++)
    if (*pat == 'd' ? !(*s >= '0' && *s <= '9') : *s != *pat) return 0;
  return 1;
}

/* The day of an event dated date (a day, or a month, ISO week or year:
 * records before 2026-11-24 also hold durations and vague references
 * there) in an article of docdate: a day as it is; the article's day when
 * it falls in the month, week or year; else the period's first day (a
 * week's Monday); the article's day for anything else. Written into
 * buf[16] when made. */
static const char *event_day(const char *date, const char *docdate, char buf[16]) {
  if (!date || digits_at(date, "dddd-dd-dd")) return date ? date : docdate;
  long y = digits_at(date, "dddd") ? atol(date) : -1, first, last;
  if (y < 0) return docdate; /* (a duration, "P1Y": date[4] is past its end) */
  int dd = date[4] == 0;
  if (!(dd || (digits_at(date, "dddd-dd") && date[7] == 0) ||
                 (digits_at(date, "dddd-Wdd") && date[8] == 0)))
    return docdate;
  if (dd) {
    first = td_days_from_civil(y, 1, 1), last = td_days_from_civil(y, 12, 31);
  } else if (date[5] == 'W') {
    long jan4 = td_days_from_civil(y, 1, 4);
    long mon1 = jan4 - ((jan4 + 3) % 7 + 7) % 7; /* the Monday of week 1 (1970-01-01: a Thursday) */
    first = mon1 + 7 * (atol(date + 6) - 1), last = first + 6;
  } else {
    int mo = atoi(date + 5);
    if (mo < 1 || mo > 12) return docdate;
    first = td_days_from_civil(y, mo, 1);
    last = (mo == 12 ? td_days_from_civil(y + 1, 1, 1) : td_days_from_civil(y, mo + 1, 1)) - 1;
  }
  long dn = day_number(docdate);
  if (dn != INT32_MIN && dn >= first && dn <= last) return docdate;
  long yy;
  int mm, d0;
  td_civil_from_days(first, &yy, &mm, &d0);
  snprintf(buf, 16, "%04ld-%02d-%02d", yy, mm, d0);
  return buf;
}

static int cmpstr(const char *a, const char *b) {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return strcmp(a, b);
}

/* ---- sorting by number ---- */

/* A sort key and the index of what it sorts. */
typedef struct {
  uint64_t k;
  uint32_t v;
} mkey;

/* Sorts a[0..n) by k, equal keys kept in their order: a radix sort over
 * the bits in which the keys differ (12 a pass; 8 for fewer keys, whose
 * counts would cost more than their moves). The steps sort numbers
 * (strings numbered by mnames) instead of calling qsort with string
 * comparisons, which was a fifth of the merge. */
static void sort_keys(mkey *a, size_t n) {
  if (n <= 32) {
    for (size_t i = 1; i < n; i++) {
      mkey x = a[i];
      size_t j = i;
      for (; j > 0 && a[j - 1].k > x.k; j--) a[j] = a[j - 1];
      a[j] = x;
    }
    return;
  }
  uint64_t diff = 0;
  for (size_t i = 1; i < n; i++) diff |= a[i].k ^ a[0].k;
  const int width = n < 2048 ? 8 : 12;
  const uint64_t mask = ((uint64_t)1 << width) - 1;
  size_t *at = td_xmalloc(((size_t)1 << width) * sizeof *at);
  mkey *tmp = td_xmalloc(n * sizeof *tmp), *src = a, *dst = tmp;
  for (int shift = 0; shift < 64 && diff >> shift; shift += width) {
    while (!((diff >> shift) & 1)) shift++; /* to the next bit that differs */
    memset(at, 0, ((size_t)1 << width) * sizeof *at);
    for (size_t i = 0; i < n; i++) at[(src[i].k >> shift) & mask]++;
    for (size_t b = 0, sum = 0; b <= mask; b++) {
      size_t c = at[b];
      at[b] = sum, sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[at[(src[i].k >> shift) & mask]++] = src[i];
    mkey *t = src;
    src = dst, dst = t;
  }
  if (src != a) memcpy(a, src, n * sizeof *a);
  free(tmp), free(at);
}

/* Strings of one kind, each kept once (in an arena) and numbered: while
 * adding, in the order they came (1, 2, ...); after mnames_rank, in
 * bytewise order, so that comparing numbers compares the strings. 0 is
 * NULL, which SQLite orders first. */
typedef struct {
  const char **s; /* s[1..n] */
  uint32_t *slot; /* open addressing (linear probing): a number, 0 empty */
  size_t n, cap, mask;
} mnames;

static void mnames_slot(mnames *t, uint32_t id) {
  size_t i = (size_t)td_hash64(t->s[id], strlen(t->s[id])) & t->mask;
  while (t->slot[i]) i = (i + 1) & t->mask;
  t->slot[i] = id;
}

/* The number of s (of len bytes; s[len] need not be NUL), which is added
 * (copied into a) when new; 0 for NULL. */
static uint32_t mnames_add(mnames *t, td_arena *a, const char *s, size_t len) {
  if (!s) return 0;
  if (2 * (t->n + 1) > t->mask) { /* at most half full */
    t->mask = t->mask ? 2 * t->mask + 1 : 1023;
    free(t->slot);
    t->slot = td_xcalloc(t->mask + 1, sizeof *t->slot);
    for (uint32_t id = 1; id <= t->n; id++) mnames_slot(t, id);
  }
  size_t i = (size_t)td_hash64(s, len) & t->mask;
  for (; t->slot[i]; i = (i + 1) & t->mask) {
    const char *x = t->s[t->slot[i]];
    if (strncmp(x, s, len) == 0 && x[len] == 0) return t->slot[i];
  }
  TD_GROW(t->s, t->cap, t->n + 2);
  t->s[++t->n] = td_arena_strndup(a, s, len);
  t->slot[i] = (uint32_t)t->n;
  return (uint32_t)t->n;
}

/* A string and its number. */
typedef struct {
  const char *s;
  uint32_t id;
} mname;

static int cmp_mname(const void *a, const void *b) {
  return strcmp(((const mname *)a)->s, ((const mname *)b)->s);
}

/* Numbers the strings in bytewise order (nothing is added after);
 * answers the malloc'd map from the numbers they had (map[0] = 0). */
static uint32_t *mnames_rank(mnames *t) {
  uint32_t *map = td_xmalloc((t->n + 1) * sizeof *map);
  mname *o = td_xmalloc((t->n + 1) * sizeof *o);
  map[0] = 0;
  for (uint32_t id = 1; id <= t->n; id++) o[id - 1].s = t->s[id], o[id - 1].id = id;
  qsort(o, t->n, sizeof *o, cmp_mname);
  for (uint32_t r = 1; r <= t->n; r++) t->s[r] = o[r - 1].s, map[o[r - 1].id] = r;
  free(o);
  free(t->slot);
  t->slot = NULL;
  return map;
}

static void mnames_free(mnames *t) {
  free(t->s), free(t->slot);
}

#define PREP(var, sql)                              \
  td_kq *var = td_kb_prepare(kb, sql, err, errlen); \
  if (!var) goto fail;

/* ---- writing rows ---- */

/* Rows a statement writes: besides its rows, each run of a statement
 * cost SQLite about 3,000 instructions (reset, cursors, halt), a third of
 * what a row of m_event_mentions costs; with 16 rows a run little is left
 * of it. */
enum { MB_ROWS = 16 };

/* A value of a row to write: SQL NULL, an integer, a real or text. */
typedef struct {
  int t;
  long long i;
  double d;
  const char *s;
} mcell;

/* The rows of one table, bound MB_ROWS at a time into one statement
 * (the INSERT's "VALUES(...)" repeated) and the last few into the one-row
 * INSERT; the same statements on either backend. The many-row statement
 * of a plain INSERT is an INSERT OR IGNORE whose count of rows written is
 * checked: a statement that may abort halfway keeps a journal of every
 * page it changes, which cost more than the rows; so a duplicate key
 * still fails the merge. Text is bound where it lies (mb_text: it must
 * outlive mb_close) or copied (mb_copy). Errors are sticky: mb_row and
 * mb_close answer -1 (err set) once a run failed. */
typedef struct {
  td_kb *kb;
  const char *sql; /* the one-row INSERT */
  td_kq *many, *one;
  int ncol, per;   /* columns; rows a run, MB_ROWS or 1 */
  int n, c;        /* rows pending; cells of the row being added */
  int strict;      /* a plain INSERT */
  int rc;
  mcell *cell;     /* the pending rows' (per * ncol) */
  td_arena a;      /* mb_copy's text of the pending rows */
  char *err;
  size_t errlen;
} mbatch;

/* Starts writing the rows of sql (a one-row INSERT ... VALUES(...)), per
 * run MB_ROWS, or one when many is 0. */
static void mb_open(mbatch *b, td_kb *kb, const char *sql, int many, char *err, size_t errlen) {
  memset(b, 0, sizeof *b);
  b->kb = kb, b->sql = sql, b->err = err, b->errlen = errlen;
  b->per = many ? MB_ROWS : 1;
  b->strict = strncmp(sql, "INSERT INTO ", 12) == 0;
  for (const char *p = strstr(sql, "VALUES"); p && *p; p++) b->ncol += *p == '?';
  b->cell = td_xmalloc((size_t)(b->per * b->ncol + 1) * sizeof *b->cell);
  td_arena_init(&b->a);
}

static void mb_put(mbatch *b, int t, long long i, double d, const char *s) {
  if (b->c < b->ncol) b->cell[b->n * b->ncol + b->c] = (mcell){t, i, d, s};
  b->c++;
}
static void mb_text(mbatch *b, const char *s) { mb_put(b, s ? TD_KQ_TEXT : TD_KQ_NULL, 0, 0, s); }
static void mb_copy(mbatch *b, const char *s) { mb_text(b, s ? td_arena_strdup(&b->a, s) : NULL); }
static void mb_int(mbatch *b, long long v) { mb_put(b, TD_KQ_INT, v, 0, NULL); }
static void mb_double(mbatch *b, double v) { mb_put(b, TD_KQ_FLOAT, 0, v, NULL); }
static void mb_null(mbatch *b) { mb_put(b, TD_KQ_NULL, 0, 0, NULL); }

/* Runs q with the k pending rows from row from bound; 0 or -1. */
static int mb_run(mbatch *b, td_kq *q, int from, int k) {
  td_kq_again(q);
  for (int x = 0; x < k * b->ncol; x++) {
    const mcell *v = &b->cell[from * b->ncol + x];
    if (v->t == TD_KQ_INT) td_kq_int(q, x + 1, v->i);
    else if (v->t == TD_KQ_FLOAT) td_kq_double(q, x + 1, v->d);
    else if (v->t == TD_KQ_TEXT) td_kq_text_ref(q, x + 1, v->s);
    else td_kq_null(q, x + 1);
  }
  if (td_kq_step(q) != TD_KQ_DONE) {
    snprintf(b->err, b->errlen, "%s", td_kb_errmsg(b->kb));
    return -1;
  }
  if (q == b->many && b->strict && td_kq_changes(q) != k) {
    snprintf(b->err, b->errlen, "merge: %s: a row was not written (a duplicate key?)", b->sql);
    return -1;
  }
  return 0;
}

/* Writes the pending rows: a full batch by the many-row statement (made
 * on first use), fewer one by one. */
static int mb_flush(mbatch *b) {
  if (b->rc == 0 && b->n == MB_ROWS) {
    if (!b->many) {
      const char *v = strstr(b->sql, "VALUES") + 6;
      td_buf s = TD_BUF_INIT;
      if (b->strict) td_buf_puts(&s, "INSERT OR IGNORE "), td_buf_put(&s, b->sql + 7, (size_t)(v - b->sql - 7));
      else td_buf_put(&s, b->sql, (size_t)(v - b->sql));
      for (int r = 0; r < MB_ROWS; r++) {
        if (r) td_buf_putc(&s, ',');
        td_buf_puts(&s, v);
      }
      b->many = td_kb_prepare(b->kb, s.ptr, b->err, b->errlen);
      td_buf_free(&s);
    }
    b->rc = b->many ? mb_run(b, b->many, 0, MB_ROWS) : -1;
  } else if (b->rc == 0 && b->n) {
    if (!b->one) b->one = td_kb_prepare(b->kb, b->sql, b->err, b->errlen);
    for (int r = 0; r < b->n && b->rc == 0; r++) b->rc = b->one ? mb_run(b, b->one, r, 1) : -1;
  }
  b->n = 0;
  td_arena_release(&b->a);
  td_arena_init(&b->a);
  return b->rc;
}

/* Ends the row being added; runs the batch when it is full. */
static int mb_row(mbatch *b) {
  if (b->c != b->ncol) {
    if (b->rc == 0) snprintf(b->err, b->errlen, "merge: %d values for %d columns", b->c, b->ncol);
    b->rc = -1;
  }
  b->c = 0;
  if (b->rc == 0 && ++b->n == b->per) mb_flush(b);
  return b->rc;
}

/* Writes the rest and frees the statements; 0 or -1 (err set). */
static int mb_close(mbatch *b) {
  int rc = mb_flush(b);
  if (b->many) td_kq_finalize(b->many);
  if (b->one) td_kq_finalize(b->one);
  td_arena_release(&b->a);
  free(b->cell);
  b->many = b->one = NULL, b->cell = NULL;
  return rc;
}

/* The documents, sorted by key, with what the merge needs. */
typedef struct {
  char *key, *title, *date, *source;
  long day;
  uint64_t sig[TD_KB_NHASH];
  int has_sig; /* a min-hash was stored */
  int group;  /* version group: index of its smallest member */
  int story;  /* story: index of its smallest member */
  char skey[65]; /* a story's smallest member: the story's key */
} mdoc;

static int doc_index(mdoc *d, size_t n, const char *key) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(d[mid].key, key);
    if (c == 0) return (int)mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/* The title lowercased, wire markers "(LEAD)", "(2nd LD)", "(URGENT)" ...
 * and punctuation dropped, into out (room for strlen(t) + 1: it never
 * grows); answers its length. */
static size_t title_norm(const char *t, char *out) {
  size_t n = 0;
  for (const char *p = t; *p; p++) {
    if (*p == '(') {
      const char *q = strchr(p, ')');
      if (q && q - p < 24) {
        int wire = 0;
        for (const char *r = p; r < q; r++)
          if ((r[0] == 'L' && r[1] == 'D') || strncmp(r, "LEAD", 4) == 0 || strncmp(r, "URGENT", 6) == 0 ||
              strncmp(r, "UPDATE", 6) == 0)
            wire = 1;
        if (wire) {
          p = q;
          continue;
        }
      }
    }
    unsigned char c = (unsigned char)*p;
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'))
      out[n++] = (char)(c >= 'A' && c <= 'Z' ? c | 32 : c);
    else if (n && out[n - 1] != ' ')
      out[n++] = ' ';
  }
  while (n && out[n - 1] == ' ') n--;
  out[n] = 0;
  return n;
}

/* ---- the facts the story and actor steps read ---- */

/* A stored value as the display rows copy it: its SQL type, and the
 * number or text (in an arena). */
typedef struct {
  int t;
  long long i;
  double d;
  const char *s;
} mval;

static void mval_read(mval *v, td_arena *a, td_kq *st, int c) {
  v->t = td_kq_type(st, c), v->s = NULL;
  if (v->t == TD_KQ_INT) v->i = td_kq_col_int(st, c);
  else if (v->t == TD_KQ_FLOAT) v->d = td_kq_col_double(st, c);
  else if (v->t != TD_KQ_NULL)
    v->s = td_arena_strdup(a, td_kq_col_text(st, c)), v->t = v->s ? TD_KQ_TEXT : TD_KQ_NULL;
}

/* One stored actor that has an entity (strings in the facts' arena, the
 * entity and name kept once; NULL for SQL NULL): di its document's index
 * (-1 when not stored; doc is then a copy, else the document's key), date
 * that document's date (its first ten characters); erank and nrank the
 * numbers of its entity and name (mfacts). */
typedef struct {
  const char *doc, *aid, *entity, *name, *kind, *code, *country, *role, *date;
  const char *sector;
  int di;
  int known; /* a dictionary's actor (actors.known) */
  uint32_t erank, nrank;
  long long mentions;
} mrow;

/* One stored place; nrank the number of its name. */
typedef struct {
  const char *name, *feature, *pid;
  int di;
  uint32_t nrank;
  mval lat, lon;
} mplace;

/* The actors with an entity and the places, read once for the stories'
 * features, their top actors and places, and the actor profiles (each had
 * its own SELECT over the same rows: a third of the merge). The entities,
 * actor names and place names are numbered in bytewise order (ent, anm,
 * pnm), so that the steps group and sort numbers. */
typedef struct {
  td_arena a;
  mrow *act;
  size_t nact;
  mplace *pl;
  size_t npl;
  mnames ent, anm, pnm;
} mfacts;

static const char *arena_col(td_arena *a, td_kq *st, int i) {
  const char *t = td_kq_col_text(st, i);
  return t ? td_arena_strdup(a, t) : NULL;
}

/* Column i kept once in t (NULL for NULL); its number into *id. */
static const char *name_col(mnames *t, td_arena *a, td_kq *st, int i, uint32_t *id) {
  const char *s = td_kq_col_text(st, i);
  *id = s ? mnames_add(t, a, s, strlen(s)) : 0;
  return *id ? t->s[*id] : NULL;
}

/* The number of mentions packed in actors.mentions ("[[s,e,n],…]"): one
 * opening bracket each, beside the array's own. */
static long packed_count(const char *json) {
  long n = 0;
  for (; json && *json; json++) n += *json == '[';
  return n ? n - 1 : 0;
}

/* doc_index for rows that mostly come in key order: *last is the index
 * the previous row found (or -1), tried first with its successor. */
static int doc_index_near(mdoc *d, size_t n, const char *key, int *last) {
  if (!key) return -1;
  if (*last >= 0 && strcmp(d[*last].key, key) == 0) return *last;
  if ((size_t)(*last + 1) < n && strcmp(d[*last + 1].key, key) == 0) return ++*last;
  int i = doc_index(d, n, key);
  if (i >= 0) *last = i;
  return i;
}

static int load_facts(td_kb *kb, mdoc *d, size_t n, mfacts *F, char *err, size_t errlen) {
  size_t cap = 0, pcap = 0;
  int last = -1;
  td_arena *a = &F->a;
  PREP(st, "SELECT a.doc_key, a.aid, a.entity, a.name, a.kind, a.code, a.country, a.role,"
           " a.mentions, a.known, a.sector FROM actors a WHERE a.entity IS NOT NULL");
  while (td_kq_step(st) == TD_KQ_ROW) {
    TD_GROW(F->act, cap, F->nact + 1);
    mrow *m = &F->act[F->nact++];
    m->di = doc_index_near(d, n, td_kq_col_text(st, 0), &last);
    m->doc = m->di >= 0 ? d[m->di].key : arena_col(a, st, 0);
    m->aid = arena_col(a, st, 1);
    m->entity = name_col(&F->ent, a, st, 2, &m->erank);
    m->name = name_col(&F->anm, a, st, 3, &m->nrank);
    m->kind = arena_col(a, st, 4), m->code = arena_col(a, st, 5);
    m->country = arena_col(a, st, 6), m->role = arena_col(a, st, 7);
    m->date = m->di >= 0 ? d[m->di].date : NULL;
    m->mentions = packed_count(td_kq_col_text(st, 8));
    m->known = td_kq_col_int(st, 9) != 0;
    m->sector = arena_col(a, st, 10);
  }
  td_kq_finalize(st);
  last = -1;
  PREP(pl, "SELECT doc_key, name, feature, pid, lat, lon FROM places");
  while (td_kq_step(pl) == TD_KQ_ROW) {
    int di = doc_index_near(d, n, td_kq_col_text(pl, 0), &last);
    if (di < 0) continue;
    TD_GROW(F->pl, pcap, F->npl + 1);
    mplace *m = &F->pl[F->npl++];
    m->name = name_col(&F->pnm, a, pl, 1, &m->nrank);
    m->feature = arena_col(a, pl, 2), m->di = di;
    m->pid = arena_col(a, pl, 3);
    mval_read(&m->lat, a, pl, 4), mval_read(&m->lon, a, pl, 5);
  }
  td_kq_finalize(pl);
  uint32_t *em = mnames_rank(&F->ent), *nm = mnames_rank(&F->anm), *pm = mnames_rank(&F->pnm);
  for (size_t i = 0; i < F->nact; i++) F->act[i].erank = em[F->act[i].erank], F->act[i].nrank = nm[F->act[i].nrank];
  for (size_t i = 0; i < F->npl; i++) F->pl[i].nrank = pm[F->pl[i].nrank];
  free(em), free(nm), free(pm);
  return 0;
fail:
  return -1;
}

static void free_facts(mfacts *F) {
  free(F->act), free(F->pl);
  mnames_free(&F->ent), mnames_free(&F->anm), mnames_free(&F->pnm);
  td_arena_release(&F->a);
}

/* ---- the steps ---- */

static int merge_versions(td_kb *kb, mdoc *d, size_t n, char *err, size_t errlen) {
  uf u;
  uf_init(&u, n);
  int rc = -1;
  /* same normalized title (at least three words), dated within 3 days of
   * each other or undated: the documents of one title in order of day
   * (undated first), each joined to the one before it when the days allow.
   * A title that comes back months later is a series or a byline, not a
   * version: in PolNeAR, "10 Things to Know for Today" of February and
   * August, "BYLINE: Amber Phillips" of June and August. */
  td_arena ta;
  td_arena_init(&ta);
  mnames titles = {0};
  mkey *tk = td_xmalloc((n ? n : 1) * sizeof *tk);
  size_t nt = 0;
  char *t = NULL;
  size_t tcap = 0;
  for (size_t i = 0; i < n; i++) {
    if (!d[i].title) continue;
    TD_GROW(t, tcap, strlen(d[i].title) + 1);
    size_t len = title_norm(d[i].title, t);
    int words = 1;
    for (char *p = t; *p; p++) words += *p == ' ';
    if (len && words >= 3) {
      uint32_t id = mnames_add(&titles, &ta, t, len);
      tk[nt].k = (uint64_t)id << 32 | (uint32_t)(d[i].day - INT32_MIN), tk[nt].v = (uint32_t)i, nt++;
    }
  }
  sort_keys(tk, nt);
  for (size_t i = 1; i < nt; i++) {
    const mdoc *x = &d[tk[i - 1].v], *y = &d[tk[i].v];
    if (tk[i].k >> 32 != tk[i - 1].k >> 32) continue;
    if (x->day == INT32_MIN || y->day - x->day <= 3) uf_union(&u, (int)tk[i - 1].v, (int)tk[i].v);
  }
  mnames_free(&titles);
  td_arena_release(&ta);
  free(tk), free(t);
  /* text overlap: candidates sharing a min-hash band, kept at >= 80%
   * (each band's hashes of every document's min-hash, sorted by their low
   * 24 bits, equal hashes found within those runs; v7 keeps no table of
   * them) */
  mkey *bd = td_xmalloc((n ? n : 1) * sizeof *bd);
  uint64_t *h = td_xmalloc((n ? n : 1) * sizeof *h);
  for (int b = 0; b < TD_KB_NHASH / 2; b++) {
    size_t nb = 0;
    for (size_t i = 0; i < n; i++)
      if (d[i].has_sig) {
        h[i] = (uint64_t)td_kb_band_hash(d[i].sig, b);
        bd[nb].k = h[i] & 0xffffff, bd[nb].v = (uint32_t)i, nb++;
      }
    sort_keys(bd, nb);
    for (size_t i = 0; i < nb;) {
      size_t j = i + 1;
      while (j < nb && bd[j].k == bd[i].k) j++;
      for (size_t x = i; x < j; x++)
        for (size_t y = x + 1; y < j; y++) {
          int p = (int)bd[x].v, q = (int)bd[y].v, same = 0;
          if (h[p] != h[q]) continue;
          for (int k = 0; k < TD_KB_NHASH; k++) same += d[p].sig[k] == d[q].sig[k];
          if (same * 10 >= TD_KB_NHASH * 8) uf_union(&u, p, q);
        }
      i = j;
    }
  }
  free(bd), free(h);
  mbatch ins;
  mb_open(&ins, kb, "INSERT INTO m_versions(doc_key, group_key, reason) VALUES(?,?,?)", 1, err, errlen);
  for (size_t i = 0; i < n; i++) {
    d[i].group = uf_find(&u, (int)i);
    mb_text(&ins, d[i].key);
    mb_text(&ins, d[d[i].group].key);
    mb_text(&ins, (size_t)d[i].group == i ? NULL : "near-duplicate");
    mb_row(&ins);
  }
  rc = mb_close(&ins);
  free(u.p);
  return rc;
}

/* PostgreSQL: refreshes the planner's statistics of the tables (a list)
 * before a large statement reads them; SQLite plans without them. */
static int analyze(td_kb *kb, const char *tables, char *err, size_t errlen) {
  if (!kb->pg) return 0;
  char sql[256];
  snprintf(sql, sizeof sql, "ANALYZE %s", tables);
  return td_kb_exec(kb, sql, err, errlen);
}

/* ---- story summaries ---- */

/* A feature of one story, the number of its articles having it and its
 * mentions in them. */
typedef struct {
  uint32_t f;
  int c;
  uint64_t m;
} fcount;

/* Whether x goes before y: most articles first, then most mentions, then
 * the smaller feature. */
static int fc_before(const fcount *x, const fcount *y) {
  if (x->c != y->c) return x->c > y->c;
  return x->m != y->m ? x->m > y->m : x->f < y->f;
}

/* Each story's five most widespread features, as m_stories shows them:
 * rows (feat[i], fdoc[i]) say that document fdoc[i] has feature feat[i]
 * (a number: features in bytewise order, 0 for NULL, which SQLite orders
 * first; repeats count once; a NULL feature counts as one) with weight[i]
 * mentions (none when weight is NULL); a feature's articles in the story
 * are counted, ties go to the most mentioned, then to the smaller feature,
 * and the names of the five (name[f], NULL for none) are joined by "; "
 * with NULL names left out, as group_concat does; a feature marked in last
 * (or none when last is NULL) goes after all others. top[root] gets the
 * malloc'd list of the story whose smallest member is root, or NULL. */
static void story_tops(mdoc *d, const uint32_t *feat, const int *fdoc, const uint32_t *weight, size_t nr,
                       const char *const *name, const uint8_t *last, char **top) {
  mkey *t = td_xmalloc((nr ? nr : 1) * sizeof *t);
  /* distinct (feature, article), their mentions summed */
  for (size_t i = 0; i < nr; i++)
    t[i].k = (uint64_t)feat[i] << 32 | (uint32_t)fdoc[i], t[i].v = weight ? weight[i] : 0;
  sort_keys(t, nr);
  size_t w = 0;
  for (size_t i = 0; i < nr; i++) {
    if (w && t[i].k == t[w - 1].k) {
      t[w - 1].v = t[i].v > UINT32_MAX - t[w - 1].v ? UINT32_MAX : t[w - 1].v + t[i].v;
      continue;
    }
    t[w++] = t[i];
  }
  /* by story, then feature */
  for (size_t i = 0; i < w; i++)
    t[i].k = (uint64_t)(uint32_t)d[(uint32_t)t[i].k].story << 32 | (uint32_t)(t[i].k >> 32);
  sort_keys(t, w);
  for (size_t i = 0; i < w;) { /* one story: its features in order, each with its articles */
    fcount best[5];
    size_t nb = 0, j = i;
    while (j < w && t[j].k >> 32 == t[i].k >> 32) {
      size_t a = j;
      uint64_t m = 0;
      for (; j < w && t[j].k == t[a].k; j++) m += t[j].v;
      uint32_t f = (uint32_t)t[a].k;
      fcount c = {f, last && last[f] ? 0 : (int)(j - a), m};
      if (nb == 5 && !fc_before(&c, &best[4])) continue;
      size_t p = nb < 5 ? nb++ : 4;
      for (; p > 0 && fc_before(&c, &best[p - 1]); p--) best[p] = best[p - 1];
      best[p] = c;
    }
    td_buf b = TD_BUF_INIT;
    int parts = 0;
    for (size_t x = 0; x < nb; x++) {
      const char *nm = name[best[x].f];
      if (!nm) continue;
      if (parts++) td_buf_puts(&b, "; ");
      td_buf_puts(&b, nm);
    }
    if (parts) top[t[i].k >> 32] = b.ptr ? td_buf_detach(&b, NULL) : td_xstrdup("");
    else td_buf_free(&b);
    i = j;
  }
  free(t);
}

/* Whether code is a news organization's (MED, GBRMED): the agencies and
 * papers a story cites ("Reuters reported") say nothing of what it is
 * about. */
static int media_code(const char *code) {
  size_t k = code ? strlen(code) : 0;
  return k >= 3 && strcmp(code + k - 3, "MED") == 0;
}

/* The top actors (by entity, named by its smallest name over all its
 * actors; news organizations after the others: "told the BBC" made the BBC
 * a top actor of 371 of bbc's stories, 17 of its 123 of several articles,
 * while the stories about the BBC name few others) and the top places (by
 * name) of each story, into ta and tp. */
static void story_tops_all(mdoc *d, const mfacts *F, char **ta, char **tp) {
  size_t nr = 0;
  uint32_t *feat = td_xmalloc((F->nact + F->npl + 1) * sizeof *feat);
  int *fdoc = td_xmalloc((F->nact + F->npl + 1) * sizeof *fdoc);
  uint32_t *men = td_xmalloc((F->nact + 1) * sizeof *men);
  uint32_t *least = td_xcalloc(F->ent.n + 1, sizeof *least); /* by entity: its smallest name */
  const char **name = td_xmalloc((F->ent.n + F->pnm.n + 2) * sizeof *name);
  uint8_t *media = td_xcalloc(F->ent.n + 1, 1); /* by entity: a news organization's */
  for (size_t i = 0; i < F->nact; i++) {
    const mrow *m = &F->act[i];
    if (m->di >= 0)
      feat[nr] = m->erank, fdoc[nr] = m->di, men[nr] = m->mentions > UINT32_MAX ? UINT32_MAX : (uint32_t)m->mentions,
      nr++;
    if (media_code(m->code)) media[m->erank] = 1;
    if (m->nrank && (!least[m->erank] || m->nrank < least[m->erank])) least[m->erank] = m->nrank;
  }
  for (size_t e = 0; e <= F->ent.n; e++) name[e] = least[e] ? F->anm.s[least[e]] : NULL;
  story_tops(d, feat, fdoc, men, nr, name, media, ta);
  nr = 0;
  for (size_t i = 0; i < F->npl; i++) feat[nr] = F->pl[i].nrank, fdoc[nr] = F->pl[i].di, nr++;
  name[0] = NULL;
  for (size_t p = 1; p <= F->pnm.n; p++) name[p] = F->pnm.s[p];
  story_tops(d, feat, fdoc, NULL, nr, name, NULL, tp);
  free(feat), free(fdoc), free(men), free(least), free(name), free(media);
}

/* The m_stories rows, from the stories the documents are in: distinct
 * version groups, first and last article dates, the top actors (by entity,
 * named by its smallest name) and places, and the title of the smallest
 * member that has one. */
static int write_stories(td_kb *kb, mdoc *d, size_t n, const mfacts *F, char *err, size_t errlen) {
  int rc = -1;
  char **ta = td_xcalloc(n ? n : 1, sizeof *ta), **tp = td_xcalloc(n ? n : 1, sizeof *tp);
  mkey *sg = td_xmalloc((n ? n : 1) * sizeof *sg); /* (story << 32 | group) */
  const char **first = NULL, **last = NULL, **title = NULL;
  mbatch ins;
  story_tops_all(d, F, ta, tp);
  /* per story (at its smallest member): first and last dates, title */
  first = td_xcalloc(n ? n : 1, sizeof *first), last = td_xcalloc(n ? n : 1, sizeof *last);
  title = td_xcalloc(n ? n : 1, sizeof *title);
  for (size_t k = 0; k < n; k++) { /* in key order: the first title is the smallest member's */
    int r = d[k].story;
    if (d[k].date && (!first[r] || strcmp(d[k].date, first[r]) < 0)) first[r] = d[k].date;
    if (d[k].date && (!last[r] || strcmp(d[k].date, last[r]) > 0)) last[r] = d[k].date;
    if (!title[r] && d[k].title) title[r] = d[k].title;
  }
  /* articles: distinct version groups of the story */
  int *groups = td_xcalloc(n ? n : 1, sizeof *groups);
  for (size_t i = 0; i < n; i++) sg[i].k = (uint64_t)d[i].story << 32 | (uint64_t)d[i].group, sg[i].v = 0;
  sort_keys(sg, n);
  for (size_t i = 0; i < n; i++) groups[sg[i].k >> 32] += i == 0 || sg[i].k != sg[i - 1].k;
  /* written in key order: each row goes at the end of the table */
  mname *sk = td_xmalloc((n ? n : 1) * sizeof *sk);
  size_t ns = 0;
  for (size_t i = 0; i < n; i++)
    if ((size_t)d[i].story == i) sk[ns].s = d[i].skey, sk[ns].id = (uint32_t)i, ns++;
  qsort(sk, ns, sizeof *sk, cmp_mname);
  mb_open(&ins, kb, "INSERT INTO m_stories(story_key, num_articles, first_date, last_date, top_actors,"
                    " top_places, title) VALUES(?,?,?,?,?,?,?)", 1, err, errlen);
  for (size_t i = 0; i < ns; i++) {
    uint32_t r = sk[i].id;
    mb_text(&ins, d[r].skey);
    mb_int(&ins, groups[r]);
    mb_text(&ins, first[r]);
    mb_text(&ins, last[r]);
    mb_text(&ins, ta[r]);
    mb_text(&ins, tp[r]);
    mb_text(&ins, title[r]);
    if (mb_row(&ins) != 0) break;
  }
  rc = mb_close(&ins);
  for (size_t i = 0; i < n; i++) free(ta[i]), free(tp[i]);
  free(ta), free(tp), free(sg), free(groups), free(sk);
  free(first), free(last), free(title);
  return rc;
}

/* The most articles of n that a feature linking articles may be found
 * in: a fortieth of them, at least 10 and at most 50. A feature found in
 * more says nothing about a story (the party, leader and opposition of a
 * country's politics, its capital): in samples of 400 bbc articles, a cap
 * of 50 made stories of 19 to 28 articles of one country's politics (70 to
 * 80% of their pairs with little text in common); with 10, none above 6,
 * and 0 to 14% such pairs. 50 at most keeps the pairs a feature makes
 * few, and leaves the whole corpus (2,225 articles) as it was. */
static size_t common_feature(size_t n) {
  size_t k = n / 40;
  return k < 10 ? 10 : k > 50 ? 50 : k;
}

/* A link between two articles of one story: a < b, the features they
 * share and those of both together. */
typedef struct {
  int a, b, shared, all;
} slink;

/* Strongest link first (most of the two articles' features shared), then
 * by the articles' order: a total order, so stories do not depend on the
 * order of the input. */
static int cmp_slink(const void *x, const void *y) {
  const slink *p = x, *q = y;
  long long l = (long long)p->shared * q->all, r = (long long)q->shared * p->all;
  if (l != r) return l > r ? -1 : 1;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  return (p->b > q->b) - (p->b < q->b);
}

/* Joins the stories of u (n articles, versions already joined) along the
 * links ln[0..nl), strongest first, as long as at least half of the
 * smaller story's articles link into the other: without it one article
 * that shares players or a club with two groups chained them (on bbc
 * sport, the Australian Open's and Dubai's tennis articles were one
 * story of 12, Liverpool's match reports and transfer talk one of 10).
 * A single article joins on any link, so a story that grows day by day
 * still chains. Each story's articles are a ring through next (size at
 * its root); the smaller story's links are counted, so the cost is that
 * of its articles' links. */
static void join_stories(uf *u, size_t n, slink *ln, size_t nl) {
  int *next = td_xmalloc((n ? n : 1) * sizeof *next), *size = td_xmalloc((n ? n : 1) * sizeof *size);
  size_t *at = td_xcalloc(n + 1, sizeof *at);
  int *adj = td_xmalloc((2 * nl + 1) * sizeof *adj);
  for (size_t i = 0; i < n; i++) next[i] = (int)i, size[i] = 1;
  for (size_t i = 0; i < n; i++) { /* the version groups as rings */
    int r = uf_find(u, (int)i);
    if ((size_t)r == i) continue;
    int t = next[r];
    next[r] = next[i], next[i] = t, size[r]++;
  }
  for (size_t i = 0; i < nl; i++) at[ln[i].a + 1]++, at[ln[i].b + 1]++;
  for (size_t i = 0; i < n; i++) at[i + 1] += at[i];
  for (size_t i = 0; i < nl; i++) adj[at[ln[i].a]++] = ln[i].b, adj[at[ln[i].b]++] = ln[i].a;
  for (size_t i = n; i > 0; i--) at[i] = at[i - 1]; /* back to the starts */
  at[0] = 0;
  if (nl) qsort(ln, nl, sizeof *ln, cmp_slink); /* ln is NULL when there are none */
  for (size_t i = 0; i < nl; i++) {
    int ra = uf_find(u, ln[i].a), rb = uf_find(u, ln[i].b);
    if (ra == rb) continue;
    int s = size[ra] <= size[rb] ? ra : rb, o = s == ra ? rb : ra, linked = 0;
    int x = s;
    do {
      for (size_t k = at[x]; k < at[x + 1]; k++)
        if (uf_find(u, adj[k]) == o) {
          linked++;
          break;
        }
      x = next[x];
    } while (x != s);
    if (linked * 2 < size[s]) continue;
    uf_union(u, ra, rb);
    int r = uf_find(u, ra), t = next[ra];
    next[ra] = next[rb], next[rb] = t;
    size[r] = size[ra] + size[rb];
  }
  free(next), free(size), free(at), free(adj);
}

/* For each dated article, the articles dated within 3 days of it (itself
 * included); 0 for an undated one. Malloc'd. */
static int *days_near(const mdoc *d, size_t n) {
  int *c = td_xcalloc(n ? n : 1, sizeof *c);
  mkey *k = td_xmalloc((n ? n : 1) * sizeof *k);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (d[i].day != INT32_MIN) k[m].k = (uint32_t)(d[i].day - INT32_MIN), k[m].v = (uint32_t)i, m++;
  sort_keys(k, m);
  for (size_t i = 0, lo = 0, hi = 0; i < m; i++) {
    while (k[lo].k + 3 < k[i].k) lo++;
    while (hi < m && k[hi].k <= k[i].k + 3) hi++;
    c[k[i].v] = (int)(hi - lo);
  }
  free(k);
  return c;
}

static int merge_stories(td_kb *kb, mdoc *d, size_t n, const mfacts *F, char *err, size_t errlen) {
  uf u;
  uf_init(&u, n);
  for (size_t i = 0; i < n; i++) uf_union(&u, (int)i, d[i].group);
  /* features: actors that are not whole countries, places below country
   * (feature not LIKE 'PCL%': ASCII case ignored, as SQL's LIKE); distinct
   * per article, sorted so that each feature's articles come together:
   * (place?, number of the entity or name) << 32 | article */
  const uint64_t place = (uint64_t)1 << 63;
  mkey *fr = td_xmalloc((F->nact + F->npl + 1) * sizeof *fr);
  size_t nfr = 0;
  for (size_t i = 0; i < F->nact; i++) {
    const mrow *m = &F->act[i];
    if (m->di >= 0 && !(m->kind && strcmp(m->kind, "country") == 0) && !media_code(m->code))
      fr[nfr].k = (uint64_t)m->erank << 32 | (uint32_t)m->di, fr[nfr].v = 0, nfr++;
  }
  for (size_t i = 0; i < F->npl; i++) {
    const mplace *m = &F->pl[i];
    if (!(m->feature && strncasecmp(m->feature, "PCL", 3) == 0))
      fr[nfr].k = place | (uint64_t)m->nrank << 32 | (uint32_t)m->di, fr[nfr].v = 0, nfr++;
  }
  sort_keys(fr, nfr);
  size_t w = 0;
  for (size_t i = 0; i < nfr; i++)
    if (!w || fr[i].k != fr[w - 1].k) fr[w++] = fr[i];
  nfr = w;
  int *nf = td_xcalloc(n ? n : 1, sizeof *nf); /* features per article */
  int *nlk = td_xcalloc(n ? n : 1, sizeof *nlk); /* of them, those that link */
  mkey *pairs = NULL; /* (a << 32 | b), a < b, per shared feature */
  size_t np = 0, pcap = 0, most = common_feature(n);
  for (size_t i = 0; i < nfr;) {
    size_t j = i + 1;
    while (j < nfr && fr[j].k >> 32 == fr[i].k >> 32) j++;
    for (size_t x = i; x < j; x++) nf[(uint32_t)fr[x].k]++;
    /* the feature's articles (in index order), when 2 to most of them:
     * every pair shares it (a NULL feature, a place's number 0, is none) */
    if (fr[i].k >> 32 != place >> 32 && j - i >= 2 && j - i <= most) {
      for (size_t x = i; x < j; x++) nlk[(uint32_t)fr[x].k]++;
      for (size_t x = i; x < j; x++)
        for (size_t y = x + 1; y < j; y++) {
          TD_GROW(pairs, pcap, np + 1);
          pairs[np].k = fr[x].k << 32 | (uint32_t)fr[y].k, pairs[np].v = 0, np++;
        }
    }
    i = j;
  }
  free(fr);
  sort_keys(pairs, np);
  slink *ln = NULL;
  size_t nl = 0, lcap = 0;
  int *near = days_near(d, n);
  for (size_t i = 0; i < np;) {
    size_t j = i + 1;
    while (j < np && pairs[j].k == pairs[i].k) j++;
    int a = (int)(pairs[i].k >> 32), b = (int)(uint32_t)pairs[i].k;
    int shared = (int)(j - i);
    i = j;
    if (shared < 2) continue;
    int dated = d[a].day != INT32_MIN && d[b].day != INT32_MIN;
    if (dated && labs(d[a].day - d[b].day) > 3) continue;
    if (!dated && shared < 3) continue; /* no dates to confirm: ask for more */
    /* the features the shares are measured against: of two articles dated
     * within 3 days, where those days hold at most a tenth of the store's
     * articles, the days confirm and only the features that link count (a
     * feature of one article alone, or of more than most, is never shared:
     * in PolNeAR's 924 campaign articles of a year, 8 to 34 articles within
     * 3 days of each, Trump, Clinton, Obama, … are 8 of an article's median
     * 17 features and names of that article alone 5; counting them, 919 of
     * 920 stories were single articles). Else every feature: undated bbc
     * counting only those that link chained one country's politics, and a
     * club's matches with other clubs' transfer talk, into stories of 27
     * and 28 articles; so did bbc dated one day, where days tell nothing. */
    const int *f = dated && near[a] * (size_t)10 <= n && near[b] * (size_t)10 <= n ? nlk : nf;
    int m = f[a] < f[b] ? f[a] : f[b];
    if (shared * 2 < m) continue; /* half of the smaller article's features */
    /* and a quarter of the two articles' features together: a short
     * article that names the EU and the IMF is not the story of every long
     * one that names them too (the links chain: on bbc business one story
     * took 53 articles on the dollar, oil, tsunami costs and trade rows) */
    if (shared * 4 < f[a] + f[b] - shared) continue;
    TD_GROW(ln, lcap, nl + 1);
    ln[nl].a = a, ln[nl].b = b, ln[nl].shared = shared, ln[nl].all = f[a] + f[b] - shared, nl++;
  }
  free(pairs);
  free(nf), free(nlk), free(near);
  join_stories(&u, n, ln, nl);
  free(ln);
  for (size_t i = 0; i < n; i++) {
    d[i].story = uf_find(&u, (int)i);
    if ((size_t)d[i].story == i) td_kb_key(d[i].skey, 2, "story", d[i].key);
  }
  free(u.p);
  mbatch ins;
  mb_open(&ins, kb, "INSERT INTO m_story_docs(doc_key, story_key) VALUES(?,?)", 1, err, errlen);
  for (size_t i = 0; i < n; i++) {
    mb_text(&ins, d[i].key);
    mb_text(&ins, d[d[i].story].skey);
    if (mb_row(&ins) != 0) break;
  }
  if (mb_close(&ins) != 0) return -1;
  return write_stories(kb, d, n, F, err, errlen);
}

/* The fields of a mention that its event's display row shows: sentence,
 * start, end, and its place's lat and lon. */
enum { MV_SENTENCE, MV_START, MV_END, MV_LAT, MV_LON, MV_N };

/* One event mention as the event merge reads it. */
typedef struct {
  const char *doc, *eid, *root, *cameo, *src, *tgt, *srccode, *tgtcode, *date, *place;
  const char *verb, *modality, *polarity; /* (for the display row) */
  mval v[MV_N];
  int quad;
  double goldstein;
  long day;
  int di;           /* document index */
  int story;        /* its document's story (set where the merge groups by story) */
  uint32_t rank[3]; /* the numbers of root, src and tgt (mnames) */
} mev;

/* By root, source, target (their numbers: the strings' order), day,
 * document (its index: the keys' order), eid. */
static int cmp_mev(const void *a, const void *b) {
  const mev *x = a, *y = b;
  for (int i = 0; i < 3; i++)
    if (x->rank[i] != y->rank[i]) return x->rank[i] < y->rank[i] ? -1 : 1;
  if (x->day != y->day) return x->day < y->day ? -1 : 1;
  if (x->di != y->di) return x->di < y->di ? -1 : 1;
  return strcmp(x->eid, y->eid);
}

/* Mentions of one run by story, then as cmp_mev orders them (day, the
 * undated first, document, eid): a total order, so the groups and their
 * chains do not depend on the input's order. */
static int cmp_mev_story(const void *a, const void *b) {
  const mev *x = a, *y = b;
  if (x->story != y->story) return x->story < y->story ? -1 : 1;
  if (x->day != y->day) return x->day < y->day ? -1 : 1;
  if (x->di != y->di) return x->di < y->di ? -1 : 1;
  return strcmp(x->eid, y->eid);
}

/* The end of the chain of mentions that starts at e[s] (of n, in day
 * order, the undated first): the undated together, dated ones while each
 * is at most a day after the one before. */
static size_t chain_end(const mev *e, size_t s, size_t n) {
  size_t t = s + 1;
  if (e[s].day == INT32_MIN) {
    while (t < n && e[t].day == INT32_MIN) t++;
  } else {
    while (t < n && e[t].day - e[t - 1].day <= 1) t++;
  }
  return t;
}

/* A merged event as written: its key, its fields, its first mention, and
 * its mentions (k of them from m0 in the merge's list of mentions). */
typedef struct {
  char key[65];
  mev f; /* the first mention (a copy: its strings are the read mention's) */
  const char *cameo, *place, *date, *firstd, *lastd;
  int quad;
  double gs;
  size_t k, ns, na, m0;
} mout;

static int cmp_mout(const void *a, const void *b) {
  return strcmp(((const mout *)a)->key, ((const mout *)b)->key);
}

/* A mention as m_event_mentions holds it. */
typedef struct {
  const char *doc, *eid;
} mref;

static int cmp_mref(const void *a, const void *b) {
  const mref *x = a, *y = b;
  int c = strcmp(x->doc, y->doc);
  return c ? c : strcmp(x->eid, y->eid);
}

/* Makes one merged event of mentions ev[0..k) into o; their (doc, eid)
 * are appended to refs from o->m0. */
static void make_event(mdoc *d, mev *ev, size_t k, mout *o, mref *refs, size_t m0) {
  /* the smallest mention (doc, eid) names the event */
  size_t first = 0;
  for (size_t i = 1; i < k; i++)
    if (strcmp(ev[i].doc, ev[first].doc) < 0 ||
        (strcmp(ev[i].doc, ev[first].doc) == 0 && strcmp(ev[i].eid, ev[first].eid) < 0))
      first = i;
  td_kb_key(o->key, 4, "event", ev[first].root, ev[first].doc, ev[first].eid);
  o->f = ev[first];
  /* most frequent cameo code, then place (ties: smallest) */
  const char *cameo = ev[0].cameo, *place = NULL;
  size_t best = 0, bestp = 0;
  for (size_t i = 0; i < k; i++) {
    size_t c = 0, cp = 0;
    for (size_t j = 0; j < k; j++) {
      c += cmpstr(ev[i].cameo, ev[j].cameo) == 0;
      cp += ev[i].place && cmpstr(ev[i].place, ev[j].place) == 0;
    }
    if (c > best || (c == best && cmpstr(ev[i].cameo, cameo) < 0)) best = c, cameo = ev[i].cameo;
    if (cp > bestp || (cp && cp == bestp && cmpstr(ev[i].place, place) < 0)) bestp = cp, place = ev[i].place;
  }
  o->cameo = cameo, o->place = place, o->quad = 0, o->gs = 0;
  for (size_t i = 0; i < k; i++)
    if (cmpstr(ev[i].cameo, cameo) == 0) {
      o->quad = ev[i].quad, o->gs = ev[i].goldstein;
      break;
    }
  /* articles: distinct version groups; sources: distinct source names (or
   * the version group for articles without one); seen: article dates */
  int gbuf[32], *groups = k <= 32 ? gbuf : td_xmalloc(k * sizeof *groups); /* (most events are small) */
  const char *sbuf[32], **srcs = k <= 32 ? sbuf : td_xmalloc(k * sizeof *srcs);
  size_t na = 0, ns = 0;
  const char *firstd = NULL, *lastd = NULL, *date = NULL;
  for (size_t i = 0; i < k; i++) {
    mdoc *m = &d[ev[i].di];
    size_t j;
    for (j = 0; j < na && groups[j] != m->group; j++) {}
    if (j == na) groups[na++] = m->group;
    const char *s = d[m->group].source ? d[m->group].source : d[m->group].key;
    for (j = 0; j < ns && strcmp(srcs[j], s) != 0; j++) {}
    if (j == ns) srcs[ns++] = s;
    if (m->date && (!firstd || strcmp(m->date, firstd) < 0)) firstd = m->date;
    if (m->date && (!lastd || strcmp(m->date, lastd) > 0)) lastd = m->date;
    if (ev[i].date && (!date || strcmp(ev[i].date, date) < 0)) date = ev[i].date;
    refs[m0 + i].doc = ev[i].doc, refs[m0 + i].eid = ev[i].eid;
  }
  if (groups != gbuf) free(groups), free(srcs);
  o->date = date, o->firstd = firstd, o->lastd = lastd;
  o->k = k, o->ns = ns, o->na = na, o->m0 = m0;
}

/* ---- the display rows ---- */

/* Bytes a JSON string escapes as json_object() does (SQLite's json.c): 1
 * with a backslash before them ('"', '\\'), a letter for the usual
 * control characters, 'u' for the others (\u00XX); 0 as they are. */
static const unsigned char json_esc[256] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
    ['"'] = 1, ['\\'] = 1};

/* s as a JSON string, as json_object() writes text: quoted, the bytes of
 * json_esc escaped, any other byte as it is. */
static void json_str(td_buf *b, const char *s) {
  td_buf_putc(b, '"');
  for (const char *p = s;; p++) {
    const char *q = p;
    while (*q && !json_esc[(unsigned char)*q]) q++;
    td_buf_put(b, p, (size_t)(q - p));
    if (!*q) break;
    unsigned char c = (unsigned char)*q, e = json_esc[c];
    char u[7] = {'\\', 'u', '0', '0', (char)('0' + (c >> 4)), "0123456789abcdef"[c & 15], 0};
    if (e == 'u') td_buf_put(b, u, 6);
    else td_buf_putc(b, '\\'), td_buf_putc(b, e == 1 ? c : e);
    p = q;
  }
  td_buf_putc(b, '"');
}

/* A real number as SQLite renders one as text (json_object() writes its
 * reals so): SQLite's own printf, "%!.15g" ("37.0", "1.0e+20", "0.0"
 * for -0.0; its rounding of 15 digits is not always C's). */
static void json_real(td_buf *b, double v) {
  char num[64];
  sqlite3_snprintf(sizeof num, num, "%!.15g", v);
  td_buf_puts(b, num);
}

/* One value as json_object() writes it: null, a number, or a string. */
static void json_val(td_buf *b, const mval *v) {
  if (v->t == TD_KQ_INT) td_buf_put_int(b, v->i);
  else if (v->t == TD_KQ_FLOAT) json_real(b, v->d);
  else if (v->s) json_str(b, v->s);
  else td_buf_puts(b, "null");
}

static void json_text(td_buf *b, const char *s) {
  if (s) json_str(b, s);
  else td_buf_puts(b, "null");
}

/* SQLite: each merged event's display fields for `tidings serve` (schema
 * v4): the day (event date, else first seen, else its first article's
 * date: NULL when first seen is, as every article of it is undated) and
 * its first mention as JSON: the object json_object() makes of
 * TD_EVENT_MENTION_SQL's fields (display_sql.h), which the events endpoint
 * of src/serve/api_sql.h runs for events without a row here. The merge
 * writes the text itself from the values it read (json_object() was a
 * third of the cost of the display rows); tests/unit/test_kb_merge.c
 * compares the two, escapes and reals included. */
static const char event_display_ins[] = "INSERT INTO m_event_display(event_key, day, mention) VALUES(?,?,?)";

/* The display row's mention of f, into b (emptied first). */
#define PUT_LIT(b, lit) td_buf_put((b), lit, sizeof lit - 1)

static void display_mention(td_buf *b, mdoc *d, const mev *f) {
  b->len = 0;
  PUT_LIT(b, "{\"doc_key\":");
  json_text(b, f->doc);
  PUT_LIT(b, ",\"eid\":");
  json_text(b, f->eid);
  PUT_LIT(b, ",\"verb\":");
  json_text(b, f->verb);
  PUT_LIT(b, ",\"modality\":");
  json_text(b, f->modality);
  PUT_LIT(b, ",\"polarity\":");
  json_text(b, f->polarity);
  PUT_LIT(b, ",\"sentence\":");
  json_val(b, &f->v[MV_SENTENCE]);
  PUT_LIT(b, ",\"start\":");
  json_val(b, &f->v[MV_START]);
  PUT_LIT(b, ",\"end\":");
  json_val(b, &f->v[MV_END]);
  PUT_LIT(b, ",\"place\":");
  json_text(b, f->place);
  PUT_LIT(b, ",\"lat\":");
  json_val(b, &f->v[MV_LAT]);
  PUT_LIT(b, ",\"lon\":");
  json_val(b, &f->v[MV_LON]);
  PUT_LIT(b, ",\"title\":");
  json_text(b, d[f->di].title);
  PUT_LIT(b, ",\"source\":");
  json_text(b, d[f->di].source);
  td_buf_putc(b, '}');
}
#undef PUT_LIT

/* Writes merged event o: its m_events row, its mentions (refs, sorted
 * here) and its display row with dis (NULL on PostgreSQL; jb: room for its
 * mention). The strings
 * are the merge's: they live until the rows are written. */
static int write_event(mdoc *d, const mout *o, mref *refs, mbatch *ins, mbatch *men, mbatch *dis, td_buf *jb) {
  const mev *f = &o->f;
  const char *key = o->key;
  unsigned long long gid = strtoull((char[16]){key[0], key[1], key[2], key[3], key[4], key[5], key[6],
                                              key[7], key[8], key[9], key[10], key[11], key[12], key[13],
                                              0},
                                    NULL, 16);
  mb_text(ins, key);
  mb_int(ins, (long long)gid);
  mb_text(ins, f->root);
  mb_text(ins, o->cameo);
  mb_int(ins, o->quad);
  mb_double(ins, o->gs);
  mb_text(ins, f->src);
  mb_text(ins, f->srccode);
  mb_text(ins, f->tgt);
  mb_text(ins, f->tgtcode);
  mb_text(ins, o->date);
  mb_text(ins, o->firstd);
  mb_text(ins, o->lastd);
  mb_int(ins, (long long)o->k);
  mb_int(ins, (long long)o->ns);
  mb_int(ins, (long long)o->na);
  mb_text(ins, o->place);
  mb_text(ins, d[d[f->di].story].skey);
  if (mb_row(ins) != 0) return -1;
  mref *r = refs + o->m0;
  qsort(r, o->k, sizeof *r, cmp_mref); /* in key order: each row goes at the end */
  for (size_t i = 0; i < o->k; i++) {
    mb_text(men, key);
    mb_text(men, r[i].doc);
    mb_text(men, r[i].eid);
    if (mb_row(men) != 0) return -1;
  }
  if (dis) {
    display_mention(jb, d, f);
    mb_text(dis, key);
    mb_text(dis, o->date ? o->date : o->firstd);
    mb_copy(dis, jb->ptr);
    if (mb_row(dis) != 0) return -1;
  }
  return 0;
}

/* The entity of actor aid of document di (F's actors sorted by document
 * and id in ak), else NULL. */
static const char *actor_entity(const mrow *const *ak, size_t nak, int di, const char *aid) {
  if (!aid) return NULL;
  size_t lo = 0, hi = nak;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = ak[mid]->di != di ? (ak[mid]->di < di ? -1 : 1) : strcmp(ak[mid]->aid, aid);
    if (c == 0) return ak[mid]->entity;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

static int cmp_row_doc_aid(const void *a, const void *b) {
  const mrow *x = *(const mrow *const *)a, *y = *(const mrow *const *)b;
  if (x->di != y->di) return x->di < y->di ? -1 : 1;
  return strcmp(x->aid, y->aid);
}

static int cmp_place_doc_pid(const void *a, const void *b) {
  const mplace *x = *(const mplace *const *)a, *y = *(const mplace *const *)b;
  if (x->di != y->di) return x->di < y->di ? -1 : 1;
  return cmpstr(x->pid, y->pid);
}

/* Place pid of document di (F's places sorted by document and id in pk),
 * else NULL. */
static const mplace *doc_place(const mplace *const *pk, size_t npk, int di, const char *pid) {
  if (!pid) return NULL;
  size_t lo = 0, hi = npk;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = pk[mid]->di != di ? (pk[mid]->di < di ? -1 : 1) : cmpstr(pk[mid]->pid, pid);
    if (c == 0) return pk[mid];
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

static int merge_events(td_kb *kb, mdoc *d, size_t n, const mfacts *F, char *err, size_t errlen) {
  int rc = -1;
  mev *ev = NULL;
  size_t ne = 0, cap = 0;
  mout *outs = NULL;
  mref *refs = NULL;
  mbatch ins, men, dis;
  mb_open(&ins, kb, "INSERT INTO m_events(event_key, gid, root, cameo, quad, goldstein, source_entity,"
                    " source_code, target_entity, target_code, date, first_seen, last_seen, num_mentions,"
                    " num_sources, num_articles, place, story_key) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          1, err, errlen);
  mb_open(&men, kb, "INSERT OR IGNORE INTO m_event_mentions(event_key, doc_key, eid) VALUES(?,?,?)", 1, err,
          errlen);
  mb_open(&dis, kb, event_display_ins, 1, err, errlen);
  /* the events of stored documents (the document's date, the actors'
   * entities and the places from what the merge read, not joined again;
   * the time's value only where the event has no date of its own) */
  td_arena ea; /* the events' strings */
  td_arena_init(&ea);
  const mrow **ak = td_xmalloc((F->nact ? F->nact : 1) * sizeof *ak);
  const mplace **pk = td_xmalloc((F->npl ? F->npl : 1) * sizeof *pk);
  size_t nak = 0, npk = F->npl;
  int sorted = 1, last = -1;
  for (size_t i = 0; i < F->nact; i++)
    if (F->act[i].di >= 0) {
      ak[nak++] = &F->act[i];
      if (nak > 1 && cmp_row_doc_aid(&ak[nak - 2], &ak[nak - 1]) > 0) sorted = 0;
    }
  if (!sorted) qsort(ak, nak, sizeof *ak, cmp_row_doc_aid); /* (SQLite reads them in that order) */
  sorted = 1;
  for (size_t i = 0; i < npk; i++) {
    pk[i] = &F->pl[i];
    if (i && cmp_place_doc_pid(&pk[i - 1], &pk[i]) > 0) sorted = 0;
  }
  if (!sorted) qsort(pk, npk, sizeof *pk, cmp_place_doc_pid); /* (SQLite reads them in that order) */
  PREP(st, "SELECT e.doc_key, e.eid, e.root, e.cameo, e.source, e.target, e.source_code, e.target_code,"
           " e.date, e.place, e.quad, e.goldstein,"
           " CASE WHEN e.date IS NULL"
           "  THEN (SELECT value FROM times t WHERE t.doc_key=e.doc_key AND t.tid=e.time) END,"
           " e.verb, e.modality, e.polarity, e.sentence, e.start, e.end"
           " FROM events e WHERE e.root IS NOT NULL");
  while (td_kq_step(st) == TD_KQ_ROW) {
    int di = doc_index_near(d, n, td_kq_col_text(st, 0), &last);
    if (di < 0) continue;
    TD_GROW(ev, cap, ne + 1);
    mev *m = &ev[ne++];
    memset(m, 0, sizeof *m);
    m->di = di;
    m->doc = d[di].key, m->eid = arena_col(&ea, st, 1), m->root = arena_col(&ea, st, 2);
    m->cameo = arena_col(&ea, st, 3);
    m->srccode = arena_col(&ea, st, 6), m->tgtcode = arena_col(&ea, st, 7);
    const mplace *pl = doc_place(pk, npk, di, td_kq_col_text(st, 9));
    const char *se = actor_entity(ak, nak, di, td_kq_col_text(st, 4));
    const char *te = actor_entity(ak, nak, di, td_kq_col_text(st, 5));
    m->src = se ? se : m->srccode, m->tgt = te ? te : m->tgtcode;
    /* its date, else its time's when a calendar date, else the article's;
     * a month, week or year names a day in it (event_day) */
    const char *date = td_kq_col_text(st, 8), *tv = td_kq_col_text(st, 12);
    if (!date) date = digits_at(tv, "dddd-dd-dd") ? tv : d[di].date;
    char dbuf[16];
    date = event_day(date, d[di].date, dbuf);
    m->day = day_number(date);
    m->date = m->day == INT32_MIN ? NULL : td_arena_strdup(&ea, date);
    m->quad = td_kq_col_int(st, 10), m->goldstein = td_kq_col_double(st, 11);
    m->verb = arena_col(&ea, st, 13), m->modality = arena_col(&ea, st, 14), m->polarity = arena_col(&ea, st, 15);
    for (int v = 0; v <= MV_END; v++) mval_read(&m->v[v], &ea, st, 16 + v);
    m->place = pl ? pl->name : NULL;
    if (pl) m->v[MV_LAT] = pl->lat, m->v[MV_LON] = pl->lon;
    else m->v[MV_LAT].t = m->v[MV_LON].t = TD_KQ_NULL;
  }
  td_kq_finalize(st);
  st = NULL;
  /* root, source and target numbered: the sort and the runs compare numbers */
  mnames evn = {0};
  for (size_t k = 0; k < ne; k++) {
    const char *f[3] = {ev[k].root, ev[k].src, ev[k].tgt};
    for (int x = 0; x < 3; x++) ev[k].rank[x] = f[x] ? mnames_add(&evn, &ea, f[x], strlen(f[x])) : 0;
  }
  uint32_t *em = mnames_rank(&evn);
  for (size_t k = 0; k < ne; k++)
    for (int x = 0; x < 3; x++) ev[k].rank[x] = em[ev[k].rank[x]];
  free(em);
  mnames_free(&evn);
  if (ne) qsort(ev, ne, sizeof *ev, cmp_mev);
  /* runs of the same (root, source, target): dated mentions chain while the
   * gap is at most a day; undated ones group by story */
  size_t i = 0, no = 0, nr = 0;
  mev *tmp = td_xmalloc((ne ? ne : 1) * sizeof *tmp);
  outs = td_xmalloc((ne ? ne : 1) * sizeof *outs);
  refs = td_xmalloc((ne ? ne : 1) * sizeof *refs);
  while (i < ne) {
    size_t j = i + 1;
    while (j < ne && !memcmp(ev[j].rank, ev[i].rank, sizeof ev[i].rank)) j++;
    /* undated first (day INT32_MIN sorts first) */
    size_t a = i;
    size_t u_end = i;
    while (u_end < j && ev[u_end].day == INT32_MIN) u_end++;
    /* undated: by story; mentions with neither source nor target (an
     * actorless "talks were held") say nothing that ties articles together
     * either, so they too merge only within a story, dated ones chained by
     * day there, and undated ones only within one article and its versions
     * (on bbc, undated, "sought a court injunction", "sought help in the
     * US" and "asked the court to order arbitration" of one story were one
     * appeal) */
    int actorless = ev[i].rank[1] == 0 && ev[i].rank[2] == 0;
    /* and so do dated mentions with one side only: "Trump criticized"
     * ties two articles of one day no more than "talks were held" (in
     * PolNeAR's campaign news, such mentions chained into events of up to
     * 4 articles, each with another target) */
    int onesided = ev[i].rank[1] == 0 || ev[i].rank[2] == 0;
    size_t by_story = onesided ? j : u_end;
    /* (sorted by story, not a scan of the run per story: a run of
     * actorless mentions of one root has about as many stories as
     * mentions on a large corpus, a review's finding; an undated actorless
     * mention's "story" is its version group, which chain_end keeps apart
     * from dated ones of a story with the same index) */
    for (size_t y = i; y < by_story; y++)
      ev[y].story = ev[y].di < 0 ? -1
                    : actorless && ev[y].day == INT32_MIN ? d[ev[y].di].group
                                                           : d[ev[y].di].story;
    if (by_story > i + 1) qsort(ev + i, by_story - i, sizeof *ev, cmp_mev_story);
    for (size_t x = i; x < by_story;) {
      size_t y = x, k = 0;
      while (y < by_story && ev[y].story == ev[x].story) {
        if (ev[y].di >= 0) tmp[k++] = ev[y];
        y++;
      }
      x = y;
      /* (in day order, the undated first, as the sort leaves them) */
      for (size_t s0 = 0; s0 < k;) {
        size_t s1 = chain_end(tmp, s0, k);
        make_event(d, tmp + s0, s1 - s0, &outs[no++], refs, nr);
        nr += s1 - s0;
        s0 = s1;
      }
    }
    a = by_story;
    while (a < j) {
      size_t b = chain_end(ev, a, j);
      size_t k = 0;
      for (size_t y = a; y < b; y++)
        if (ev[y].di >= 0) tmp[k++] = ev[y];
      if (k) make_event(d, tmp, k, &outs[no++], refs, nr);
      nr += k;
      a = b;
    }
    i = j;
  }
  free(tmp);
  /* written in key order: each row goes at the end of its table (in the
   * order they were made, rows went all over the tables: twice the cost) */
  if (no) qsort(outs, no, sizeof *outs, cmp_mout);
  rc = 0;
  td_buf jb = TD_BUF_INIT;
  for (size_t x = 0; x < no && rc == 0; x++)
    rc = write_event(d, &outs[x], refs, &ins, &men, kb->db ? &dis : NULL, &jb);
  td_buf_free(&jb);
fail:
  /* (written before the strings they bind are freed) */
  if (mb_close(&ins) != 0) rc = -1;
  if (mb_close(&men) != 0) rc = -1;
  if (mb_close(&dis) != 0) rc = -1;
  free(outs);
  free(refs);
  free(ak), free(pk);
  td_arena_release(&ea);
  free(ev);
  return rc;
}


/* ---- people of one name ---- */

/* The key of a surname alone: one word ("davies"), no hyphen. */
static int surname_key(const char *e) { return strchr(e, '-') == NULL; }

/* The sector of an actor's role as the split compares it (NULL without a
 * role: a sector from the context alone says little): a government's,
 * an opposition's, a party's and a legislature's are one, politics
 * (David Davis, Shadow Home Secretary, OPP, and a spokesman, GOV). */
static const char *role_sector(const mrow *m) {
  if (!m->role || !m->sector) return NULL;
  static const char *const pol[] = {"GOV", "OPP", "PTY", "LEG"};
  for (size_t i = 0; i < sizeof pol / sizeof *pol; i++)
    if (strcmp(m->sector, pol[i]) == 0) return "GOV";
  return m->sector;
}

/* Whether two actors of one person's name say they are one person: the
 * same role, or the same role_sector unless the name is ambiguous. */
static int same_person(const mrow *x, const mrow *y, int ambiguous) {
  if (x->role && y->role && strcmp(x->role, y->role) == 0) return 1;
  const char *a = role_sector(x), *b = role_sector(y);
  return !ambiguous && a && b && strcmp(a, b) == 0;
}

/* The first of dk[0..n) (sorted by key) of document di. */
static size_t doc_first(const mkey *dk, size_t n, int di) {
  uint64_t k = (uint64_t)(uint32_t)di << 32;
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (dk[mid].k < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Whether documents a and b have two actors of one entity each, other
 * than x and y (dk: (document, entity) keys, sorted): one is not enough
 * (Dr Arnold of a drama and the director Andrea Arnold of the Oscars'
 * articles shared an actress). */
static int shares_actor(const mkey *dk, size_t n, int a, int b, uint32_t x, uint32_t y) {
  if (a == b) return 1;
  int c = 0;
  size_t i = doc_first(dk, n, a), j = doc_first(dk, n, b);
  while (i < n && j < n && (int)(dk[i].k >> 32) == a && (int)(dk[j].k >> 32) == b) {
    uint32_t p = (uint32_t)dk[i].k, q = (uint32_t)dk[j].k;
    if (p == q && p != x && p != y && ++c == 2) return 1;
    if (p <= q) i++;
    if (q <= p) j++;
  }
  return 0;
}

/* Splits the people the articles found without a dictionary whose one
 * entity key names several people (r[0..k), sorted by document): actors
 * join when of one story or when same_person. A name that is not
 * ambiguous splits only where sectors disagree (the rugby captain, MIL,
 * and the minister, GOV, both "Gareth Thomas"): the groups of no sector
 * join the group with a sector of the most articles. An ambiguous name
 * (a surname alone that several full-named people of the collection
 * share: "Davies" is Will Davies in one story and Quentin Davies in
 * another) splits by story, articles that share two other actors joined
 * (Begg of two stories on Guantanamo's prisoners). The group of the most articles (ties to the
 * first document) keeps the key; the others are "KEY~" and the first 8
 * characters of their first document's key (the same whatever the order
 * of ingest). root, size, ev: room for k. */
static void split_entity(mdoc *d, mfacts *F, const mkey *dk, size_t nd, mrow **r, size_t k, int ambiguous,
                         int *root, int *size, int *ev, uint32_t *next) {
  size_t i, j;
  for (i = 0; i < k && !r[i]->known; i++) {}
  if (i < k) return; /* a dictionary's person somewhere: the key is the dictionary's */
  for (i = 1; i < k && d[r[i]->di].story == d[r[0]->di].story; i++) {}
  if (i == k) return; /* one story */
  uf u;
  uf_init(&u, k);
  for (i = 1; i < k; i++)
    for (j = 0; j < i; j++)
      if (uf_find(&u, (int)i) != uf_find(&u, (int)j) &&
          (d[r[i]->di].story == d[r[j]->di].story || same_person(r[i], r[j], ambiguous) ||
           (ambiguous && shares_actor(dk, nd, r[i]->di, r[j]->di, r[i]->erank, r[i]->erank))))
        uf_union(&u, (int)i, (int)j);
  /* articles per group (rows sorted by document), and its actors with a role_sector */
  for (i = 0; i < k; i++) size[i] = 0, ev[i] = 0;
  for (i = 0; i < k; i++) {
    root[i] = uf_find(&u, (int)i);
    size[root[i]] += i == 0 || r[i - 1]->di != r[i]->di || root[i - 1] != root[i];
    if (role_sector(r[i])) ev[root[i]]++;
  }
  free(u.p);
  int big = -1;
  for (i = 0; i < k; i++)
    if (root[i] == (int)i && (ambiguous || ev[i]) && (big < 0 || size[i] > size[big])) big = (int)i;
  if (big < 0 || (!ambiguous && ev[big] < 2)) return; /* nothing disagrees, or one article against one */
  for (i = 0; i < k; i++)
    if (!ambiguous && !ev[root[i]]) root[i] = big;
  for (i = 0; i < k; i++) {
    if (root[i] == big) continue;
    const mrow *f = r[root[i]];
    if (root[i] == (int)i) {
      char buf[512];
      snprintf(buf, sizeof buf, "%s~%.8s", f->entity, d[f->di].key);
      r[i]->entity = td_arena_strdup(&F->a, buf);
      r[i]->erank = (*next)++;
    } else {
      r[i]->entity = f->entity, r[i]->erank = f->erank;
    }
  }
}

/* A full-named person's surname (after the key's last hyphen), its
 * story and its entity. */
typedef struct {
  const char *sur, *entity;
  int story, di;
  uint32_t erank;
} msur;

static int cmp_msur(const void *a, const void *b) {
  const msur *x = a, *y = b;
  int c = strcmp(x->sur, y->sur);
  if (c) return c;
  if (x->story != y->story) return x->story < y->story ? -1 : 1;
  return (x->erank > y->erank) - (x->erank < y->erank);
}

/* The first of s[0..n) (sorted) with surname sur, or n. */
static size_t sur_first(const msur *s, size_t n, const char *sur) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(s[mid].sur, sur) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* A person's actors across articles: a surname alone ("Davies", the
 * articles' person found without a dictionary) becomes the one
 * full-named person of that surname in its story (Will Davies, named in
 * another article of the story); then split_entity over every person's
 * key, a surname alone ambiguous when two or more full-named people of
 * the collection have it. Called after the stories and before the events
 * and actor profiles, so that events name the entity the actor became.
 * Answers 0. */
static int split_people(mdoc *d, mfacts *F) {
  size_t n = 0, ns = 0, cap = 0;
  mkey *key = td_xmalloc((F->nact ? F->nact : 1) * sizeof *key);
  msur *sv = td_xmalloc((F->nact ? F->nact : 1) * sizeof *sv);
  for (size_t i = 0; i < F->nact; i++) {
    mrow *m = &F->act[i];
    if (m->di < 0 || !m->kind || strcmp(m->kind, "person") != 0) continue;
    const char *h = strrchr(m->entity, '-');
    if (h && h[1]) sv[ns].sur = h + 1, sv[ns].entity = m->entity, sv[ns].erank = m->erank,
                   sv[ns].story = d[m->di].story, sv[ns].di = m->di, ns++;
  }
  qsort(sv, ns, sizeof *sv, cmp_msur);
  /* each article's people and organizations (not news organizations) */
  size_t nd = 0;
  mkey *dk = td_xmalloc((F->nact ? F->nact : 1) * sizeof *dk);
  for (size_t i = 0; i < F->nact; i++) {
    const mrow *m = &F->act[i];
    if (m->di >= 0 && m->kind && (strcmp(m->kind, "person") == 0 ||
                                  (strcmp(m->kind, "organization") == 0 && !media_code(m->code))))
      dk[nd].k = (uint64_t)(uint32_t)m->di << 32 | m->erank, dk[nd].v = 0, nd++;
  }
  sort_keys(dk, nd);
  /* a surname alone: the one full name of its story */
  for (size_t i = 0; i < F->nact; i++) {
    mrow *m = &F->act[i];
    if (m->di < 0 || m->known || !m->kind || strcmp(m->kind, "person") != 0 || !surname_key(m->entity)) continue;
    const msur *one = NULL;
    int many = 0;
    for (size_t s = sur_first(sv, ns, m->entity); s < ns && strcmp(sv[s].sur, m->entity) == 0; s++)
      if (sv[s].story == d[m->di].story) {
        if (one && one->erank != sv[s].erank) many = 1;
        one = &sv[s];
      }
    if (one && !many) {
      m->entity = one->entity, m->erank = one->erank;
      continue;
    }
    /* else the full name of most of the surname's articles, when it has
     * four in five of them and five at least, and an article of it has
     * two other actors of the surname's article (Howard of the Tories'
     * stories: Michael Howard, in 90 articles, John Howard in 2, and Tony
     * Blair in both; not Mrs Wilkinson of a musical, Jonny Wilkinson's
     * articles being about rugby) */
    size_t s0 = sur_first(sv, ns, m->entity), s1 = s0, all = 0;
    for (; s1 < ns && strcmp(sv[s1].sur, m->entity) == 0; s1++) all++;
    const msur *top = NULL;
    size_t topc = 0;
    for (size_t s = s0; s < s1; s++) {
      size_t c = 0;
      for (size_t t = s0; t < s1; t++) c += sv[t].erank == sv[s].erank;
      if (c > topc || (c == topc && sv[s].erank < top->erank)) topc = c, top = &sv[s];
    }
    if (!top || topc < 5 || 5 * topc < 4 * all) continue;
    for (size_t s = s0; s < s1; s++)
      if (sv[s].erank == top->erank && shares_actor(dk, nd, m->di, sv[s].di, m->erank, top->erank)) {
        m->entity = top->entity, m->erank = top->erank;
        break;
      }
  }
  for (size_t i = 0; i < F->nact; i++)
    if (F->act[i].di >= 0 && F->act[i].kind && strcmp(F->act[i].kind, "person") == 0)
      key[n].k = (uint64_t)F->act[i].erank << 32 | (uint32_t)F->act[i].di, key[n].v = (uint32_t)i, n++;
  sort_keys(key, n);
  mrow **r = NULL;
  int *root = NULL, *size = NULL, *ev = NULL;
  uint32_t next = (uint32_t)F->ent.n + 1;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && F->act[key[j].v].erank == F->act[key[i].v].erank) j++;
    if (j - i > 1) {
      if (j - i > cap) {
        cap = j - i;
        r = td_xrealloc(r, cap * sizeof *r), root = td_xrealloc(root, cap * sizeof *root);
        size = td_xrealloc(size, cap * sizeof *size), ev = td_xrealloc(ev, cap * sizeof *ev);
      }
      for (size_t t = i; t < j; t++) r[t - i] = &F->act[key[t].v];
      int ambiguous = 0;
      if (surname_key(r[0]->entity)) { /* two full names of this surname */
        size_t s = sur_first(sv, ns, r[0]->entity);
        for (size_t t = s + 1; t < ns && strcmp(sv[t].sur, r[0]->entity) == 0 && !ambiguous; t++)
          ambiguous = sv[t].erank != sv[s].erank;
      }
      split_entity(d, F, dk, nd, r, j - i, ambiguous, root, size, ev, &next);
    }
    i = j;
  }
  free(key), free(sv), free(dk), free(r), free(root), free(size), free(ev);
  return 0;
}

/* ---- actor profiles ---- */

static int cmp_row_name(const void *a, const void *b) { /* by the name's number: NULL first */
  uint32_t x = ((const mrow *)a)->nrank, y = ((const mrow *)b)->nrank;
  return (x > y) - (x < y);
}
static int cmp_row_code(const void *a, const void *b) { /* code, kind, country */
  const mrow *x = a, *y = b;
  int c;
  if ((c = cmpstr(x->code, y->code)) || (c = cmpstr(x->kind, y->kind))) return c;
  return cmpstr(x->country, y->country);
}
static int cmp_row_role(const void *a, const void *b) { /* role, doc */
  const mrow *x = a, *y = b;
  int c = cmpstr(x->role, y->role);
  return c ? c : (x->di > y->di) - (x->di < y->di);
}

/* Sorts the rows of one entity: most have one to three, sorted in place
 * (qsort's setup cost more than their sorting). */
static void sort_rows(mrow *r, size_t n, int (*cmp)(const void *, const void *)) {
  if (n > 16) {
    qsort(r, n, sizeof *r, cmp);
    return;
  }
  for (size_t i = 1; i < n; i++) {
    mrow x = r[i];
    size_t j = i;
    for (; j > 0 && cmp(&r[j - 1], &x) > 0; j--) r[j] = r[j - 1];
    r[j] = x;
  }
}

/* A name of one entity (and its number) and the number of its actors so
 * named. */
typedef struct {
  const char *name;
  uint32_t rank;
  int c;
} ncount;

static int cmp_ncount(const void *a, const void *b) { /* most actors first, then the name (NULL first) */
  const ncount *x = a, *y = b;
  if (x->c != y->c) return x->c > y->c ? -1 : 1;
  return (x->rank > y->rank) - (x->rank < y->rank);
}

/* Articles (distinct documents of rows sorted by doc), and the first and
 * last of their dates (NULL dates left out, as min and max do). */
static long row_span(const mrow *r, size_t n, const char **first, const char **last) {
  long docs = 0;
  *first = *last = NULL;
  for (size_t i = 0; i < n; i++) {
    docs += i == 0 || r[i].di != r[i - 1].di;
    if (r[i].date && (!*first || strcmp(r[i].date, *first) < 0)) *first = r[i].date;
    if (r[i].date && (!*last || strcmp(r[i].date, *last) > 0)) *last = r[i].date;
  }
  return docs;
}

/* The m_actors and m_actor_roles rows of one entity's actors r[0..n)
 * (sorted by doc; reordered here): articles, mentions, first and last
 * seen; the most frequent name and every name, most frequent first (ties
 * by name, NULL first), joined by "; " with NULL left out as group_concat
 * does; the most frequent (code, kind, country), ties to the smallest; each
 * role's articles and dates. nc: room for n names. */
static int write_entity(mrow *r, size_t n, ncount *nc, mbatch *ins, mbatch *rol) {
  const char *first, *last;
  long docs = row_span(r, n, &first, &last);
  long long mentions = 0;
  for (size_t i = 0; i < n; i++) mentions += r[i].mentions;
  /* names */
  sort_rows(r, n, cmp_row_name);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 0 || r[i].nrank != r[i - 1].nrank) nc[k].name = r[i].name, nc[k].rank = r[i].nrank, nc[k].c = 0, k++;
    nc[k - 1].c++;
  }
  if (k > 1) qsort(nc, k, sizeof *nc, cmp_ncount);
  td_buf names = TD_BUF_INIT;
  int nnames = 0;
  for (size_t i = 0; i < k; i++)
    if (nc[i].name) {
      if (nnames++) td_buf_puts(&names, "; ");
      td_buf_puts(&names, nc[i].name);
    }
  const char *name = nc[0].name;
  /* (code, kind, country): sorted, the first group of the most rows */
  sort_rows(r, n, cmp_row_code);
  const mrow *best = &r[0];
  int bestc = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && cmp_row_code(&r[j], &r[i]) == 0) j++;
    if ((int)(j - i) > bestc) bestc = (int)(j - i), best = &r[i];
    i = j;
  }
  mb_text(ins, r[0].entity);
  mb_text(ins, name);
  mb_text(ins, best->kind);
  mb_text(ins, best->code);
  mb_text(ins, best->country);
  mb_int(ins, docs);
  mb_int(ins, mentions);
  mb_text(ins, first);
  mb_text(ins, last);
  mb_copy(ins, nnames ? (names.ptr ? names.ptr : "") : NULL);
  int rc = mb_row(ins);
  td_buf_free(&names);
  /* roles */
  sort_rows(r, n, cmp_row_role);
  for (size_t i = 0; i < n && rc == 0;) {
    size_t j = i + 1;
    while (j < n && cmpstr(r[j].role, r[i].role) == 0) j++;
    if (r[i].role) {
      long rdocs = row_span(r + i, j - i, &first, &last);
      mb_text(rol, r[i].entity);
      mb_text(rol, r[i].role);
      mb_int(rol, rdocs);
      mb_text(rol, first);
      mb_text(rol, last);
      rc = mb_row(rol);
    }
    i = j;
  }
  return rc;
}

/* The m_actors and m_actor_roles rows: the stored actors that have an
 * entity, in a stored document, with their mention counts (F), are
 * grouped by entity (as SQL, these were three temporary tables and
 * four GROUP BYs over them: two thirds of the merge's SQL time).
 * Comparisons are bytewise (SQLite's BINARY), on either backend. */
static int merge_actors(td_kb *kb, const mfacts *F, char *err, size_t errlen) {
  int rc = -1;
  mrow *r = td_xmalloc((F->nact ? F->nact : 1) * sizeof *r);
  ncount *nc = NULL;
  size_t n = 0;
  mbatch ins, rol;
  /* by (entity, document): numbers, the document's index for its key */
  mkey *key = td_xmalloc((F->nact ? F->nact : 1) * sizeof *key);
  for (size_t i = 0; i < F->nact; i++)
    if (F->act[i].di >= 0)
      key[n].k = (uint64_t)F->act[i].erank << 32 | (uint32_t)F->act[i].di, key[n].v = (uint32_t)i, n++;
  sort_keys(key, n);
  for (size_t i = 0; i < n; i++) r[i] = F->act[key[i].v];
  free(key);
  nc = td_xmalloc((n ? n : 1) * sizeof *nc);
  mb_open(&ins, kb, "INSERT INTO m_actors(entity, name, kind, code, country, num_articles, num_mentions,"
                    " first_seen, last_seen, names) VALUES(?,?,?,?,?,?,?,?,?,?)", 1, err, errlen);
  mb_open(&rol, kb, "INSERT INTO m_actor_roles(entity, role, num_articles, first_seen, last_seen) VALUES(?,?,?,?,?)",
          1, err, errlen);
  rc = 0;
  for (size_t i = 0; i < n && rc == 0;) {
    size_t j = i + 1;
    while (j < n && r[j].erank == r[i].erank) j++;
    rc = write_entity(r + i, j - i, nc, &ins, &rol);
    i = j;
  }
  if (mb_close(&ins) != 0) rc = -1;
  if (mb_close(&rol) != 0) rc = -1;
  free(r), free(nc);
  return rc;
}

/* One quantity as the claims merge reads it. */
typedef struct {
  char key[65];
  char *doc, *nid, *measure, *status, *subject, *frame, *qual, *claimant, *claimant_text, *time;
  char *about; /* the entity the claim is about (subject is its country) */
  double value, vmax, lo, hi;
  int has_max, di, agrees, disagrees, sentence;
  int named; /* the frame is the year of the claim's own time, not the article's */
  int part;  /* a part of a group ("four of the detainees") or a count of
              * others ("two other DJs", "90,000 more people") */
  int bare;  /* bare_measure(measure), asked once */
} mclaim;

/* Whether a quantity's text counts a part of a group named after it
 * ("four of the detainees", "two of the band's guitarists", "Five of the
 * eight critics"): parts of one group with different figures are other
 * parts, not claims that disagree. */
static int partitive(const char *t) {
  static const char *const dets[] = {"the ", "his ", "her ", "its ", "their ", "our ", "these ",
                                     "those ", "my ", "your ", NULL};
  const char *of = t ? strstr(t, " of ") : NULL;
  if (!of) return 0;
  for (int i = 0; dets[i]; i++)
    if (strncmp(of + 4, dets[i], strlen(dets[i])) == 0) return 1;
  return 0;
}

/* Whether a quantity's text counts others beyond some already counted
 * ("two other New York DJs", "90,000 more people", "a further 200 jobs"):
 * such a count says nothing of the figure another claimant gives for the
 * first ones, so it neither agrees nor disagrees with it. "more than",
 * "or more" and "no more" bound a figure instead. */
static int additive(const char *t) {
  static const char *const words[] = {"other", "more", "further", "additional", "extra", "another", NULL};
  const char *prev = NULL, *p = t;
  size_t prevn = 0;
  while (p && *p) {
    while (*p == ' ') p++;
    const char *w = p;
    while (*p && *p != ' ') p++;
    size_t n = (size_t)(p - w);
    for (int i = 0; n && words[i]; i++) {
      if (n != strlen(words[i]) || strncasecmp(w, words[i], n) != 0) continue;
      if (i == 1) { /* more */
        const char *q = p;
        while (*q == ' ') q++;
        if (strncasecmp(q, "than", 4) == 0 && (q[4] == ' ' || !q[4])) break;
        if (prev && ((prevn == 2 && strncasecmp(prev, "or", 2) == 0) ||
                     (prevn == 2 && strncasecmp(prev, "no", 2) == 0)))
          break;
      }
      return 1;
    }
    prev = w, prevn = n;
  }
  return 0;
}

static int cmp_claim(const void *a, const void *b) {
  const mclaim *x = a, *y = b;
  int c;
  if ((c = cmpstr(x->measure, y->measure)) || (c = cmpstr(x->status, y->status))) return c;
  return strcmp(x->key, y->key);
}

/* Whether two claims of one measure and status are about the same thing:
 * no field that both have differs, and either they are near each other in
 * one article (two sentences apart at most), or the same figure again in
 * one article, or both name the subject (same_subject), or both name the
 * time frame and share a story. A frame taken from the article's date is named by neither:
 * "about 5,000 passengers" in a story's third sentence and "almost 17,000
 * passengers" in its twelfth are mostly two different counts. */

/* Two claims that both name their subject, in two articles: about the
 * same thing when they are about one entity (not only of one country: "Two
 * GOP senators" and "At least four Democrat U.S. senators" are two counts)
 * and the articles are of one story, or the figure is the same again (and
 * not a vague one: "millions of Americans" in five articles months apart
 * agreed), or both articles are dated within 3 days of each other.
 * Undated articles of two stories have nothing to say that their figures
 * are of one count: on bbc, "32 Labour rebels" and "62 Labour rebels" (two
 * votes), "four US radio stations" and "Twenty CBS-owned TV stations",
 * "Thousands of UK dial-up users" and "22.8 million UK net users"
 * disagreed. */
static int same_subject(const mclaim *a, const mclaim *b, const mdoc *d) {
  if (a->di < 0 || b->di < 0 || a->di == b->di) return 1;
  if (a->about && b->about && strcmp(a->about, b->about)) return 0;
  int vague = cmpstr(a->qual, "vague") == 0 || cmpstr(b->qual, "vague") == 0;
  if (a->value == b->value && !vague) return 1;
  if (d[a->di].story == d[b->di].story) return 1;
  long x = d[a->di].day, y = d[b->di].day;
  return x != INT32_MIN && y != INT32_MIN && labs(x - y) <= 3;
}

/* Whether a's interval is open (at least, at most) and b's figure is of
 * another order beyond its bound: more than ten times an "at least", less
 * than a tenth of an "up to". */
static int far_bound(const mclaim *a, const mclaim *b) {
  if (isinf(b->hi) || (b->lo <= 0 && !isinf(a->hi))) return 0; /* b open too */
  if (isinf(a->hi) && a->lo > 0) return b->lo > 10 * a->lo;
  if (a->lo <= 0 && a->hi > 0 && !isinf(a->hi)) return b->lo > 0 && 10 * b->hi < a->hi;
  return 0;
}

/* A measure of a change (quantities.c names it "<what> change"). */
static int change_measure(const char *m) {
  size_t n = m ? strlen(m) : 0;
  return n > 7 && strcmp(m + n - 7, " change") == 0;
}

static int compatible(const mclaim *a, const mclaim *b, mdoc *d) {
  if (a->subject && b->subject && strcmp(a->subject, b->subject)) return 0;
  if ((a->part || b->part) && !(a->part && b->part && a->value == b->value)) return 0;
  /* a share or a sum of money says nothing of what it measures: near each
   * other, `14%` and `39%` are mostly two answers of one poll, not two
   * claims about one figure; they are compared only when both name their
   * subject */
  if (a->bare && !(a->subject && b->subject)) return 0;
  if (a->frame && b->frame && strcmp(a->frame, b->frame)) return 0;
  /* of counts of what is (status actual), a year a claim names and no
   * year at all (an undated article's claim that names none) are two
   * frames as far as anyone can tell: "IBM was granted 3,248 patents in
   * 2004" and "IBM has received 25,772 US patents in that period" (twelve
   * years) are two counts; the same figure again is still the same count
   * ("suspended 125,000 accounts ... since mid-2015", "had suspended
   * 125,000 Twitter accounts"). A forecast's year is often the year it
   * was made ("A previous estimate, contained in a 1998 Department of
   * Transport Document, suggested such a move could save 50 lives a
   * year" disputes "would save 65 lives a year"). */
  if (!a->frame != !b->frame && (a->named || b->named) && !cmpstr(a->status, "actual") &&
      a->value != b->value)
    return 0;
  /* a vague amount and a figure of another order are of two counts
   * ("millions of refugees around the globe" and "10,000 refugees"
   * accepted): a vague amount names no figure to dispute, it only agrees
   * ("thousands of troops" and "around 3,000 troops") */
  if (!cmpstr(a->qual, "vague") != !cmpstr(b->qual, "vague") &&
      !td_kb_intervals_agree(a->lo, a->hi, b->lo, b->hi))
    return 0;
  /* so are an open bound and a figure of another order beyond it: "at
   * least four classified Clinton emails" (had their markings changed)
   * and "600-700 Clinton emails" (found classified) say nothing of each
   * other; "at least 3,000 troops" and "around 3,000 troops" agree */
  if (far_bound(a, b) || far_bound(b, a)) return 0;
  /* two figures of one claimant in one sentence are two counts ("from 81,000
   * units in 2003 to 106,000 in 2007", "Labour by more than 80,000 and the
   * Tories by almost 100,000", "3,000 jobs - out of a total workforce of
   * 6,500"): no one gives two figures of one thing in a breath */
  if (a->di >= 0 && a->di == b->di && a->sentence == b->sentence && a->value != b->value &&
      !strcmp(a->claimant, b->claimant))
    return 0;
  if (a->di >= 0 && a->di == b->di && (abs(a->sentence - b->sentence) <= 2 || a->value == b->value))
    return 1;
  /* a change ("shares change", "consumer prices change": a rise or fall
   * over a stretch of time the article's day anchors) in two articles is
   * two stretches as far as anyone can tell: on bbc business three days'
   * moves of one firm's shares disagreed; the same figure again still
   * agrees */
  if (a->di != b->di && a->value != b->value && change_measure(a->measure)) return 0;
  if (a->subject && b->subject) return same_subject(a, b, d);
  return a->named && b->named && a->frame && b->frame && a->di >= 0 && b->di >= 0 &&
         d[a->di].story == d[b->di].story;
}

/* A measure that is only a unit of shares or money (percent, pence, a
 * currency of the units table: dollars, roubles): what it measures is not
 * said. */
static int bare_measure(const char *m, const struct td_units *u) {
  static const char *const shares[] = {"percent", "percentage points", "points", "pence", "cents",
                                       NULL};
  return td_str_in(m, shares) || td_units_money(u, m);
}

/* The units table (quantities.c's, data/units.tsv) of the resource image,
 * for the currencies bare_measure knows; the built-in table when there is
 * no image. The caller frees it (td_units_free). */
static struct td_units *merge_units(void) {
  char path[4096], err[256];
  td_res *res = td_res_find(NULL, path, sizeof path) ? td_res_open(path, err, sizeof err) : NULL;
  struct td_units *u = td_units_load(res);
  td_res_close(res);
  return u;
}

/* Durations, counts of time units and ages are not claims about the world,
 * nor is a poll's sample size ("a poll of 1,850 adults": people polled, "a
 * survey of 5,196 firms": firms polled):
 * two polls of different sizes measure nothing that could disagree. */
static int claim_measure(const char *m) {
  static const char *const skip[] = {"years", "months", "weeks", "days", "hours", "minutes",
                                     "seconds", "times", "decades", "years old", NULL};
  if (td_str_in(m, skip)) return 0;
  size_t n = strlen(m); /* a poll's sample, of people, firms, households: "... polled" */
  return !(n > 7 && strcmp(m + n - 7, " polled") == 0);
}

/* Claims of one bucket (measure and status) by what they share: an
 * integer (document, story, set) and a string (subject, frame). */
typedef struct {
  long k;
  const char *s;
  uint32_t i;
} mrun;

static int cmp_mrun(const void *a, const void *b) {
  const mrun *x = a, *y = b;
  if (x->k != y->k) return x->k < y->k ? -1 : 1;
  int c = cmpstr(x->s, y->s);
  if (c) return c;
  return (x->i > y->i) - (x->i < y->i);
}

/* Joins the compatible pairs among r[0..n) that share (k, s). compatible()
 * holds only for claims of one document, of one subject, or named and of
 * one story and frame, so pairs sharing none of these are never asked
 * about: a bucket's pairs grew with the square of its claims (1,847
 * shares on bbc, 1.7 million pairs). */
static void union_runs(mrun *r, size_t n, mclaim *c, mdoc *d, uf *u) {
  if (n > 1) qsort(r, n, sizeof *r, cmp_mrun);
  for (size_t s = 0; s < n;) {
    size_t e = s + 1;
    while (e < n && r[e].k == r[s].k && !cmpstr(r[e].s, r[s].s)) e++;
    for (size_t a = s; a < e; a++)
      for (size_t b = a + 1; b < e; b++)
        if (compatible(&c[r[a].i], &c[r[b].i], d)) uf_union(u, (int)r[a].i, (int)r[b].i);
    s = e;
  }
}

static int merge_claims(td_kb *kb, mdoc *d, size_t n, char *err, size_t errlen) {
  int rc = -1, last = -1;
  mclaim *c = NULL;
  size_t nc = 0, cap = 0;
  char (*gk)[65] = NULL;
  mname *order = NULL;
  mrun *runs = NULL;
  uf u = {0};
  mbatch ins, rel;
  struct td_units *units = merge_units();
  mb_open(&rel, kb, "INSERT OR IGNORE INTO m_claim_relations(a, b, relation) VALUES(?,?,?)", 1, err, errlen);
  mb_open(&ins, kb, "INSERT INTO m_claims(claim_key, group_key, doc_key, nid, measure, status, subject, frame,"
                    " value, value_max, qualifier, lo, hi, claimant, claimant_text, time, agrees, disagrees)"
                    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", 1, err, errlen);
  /* the quantities of stored documents (their date and source from what
   * the merge read, not joined again) */
  PREP(st, "SELECT q.doc_key, q.nid, q.measure, coalesce(q.status, 'actual'),"
           " coalesce(ab.country, ab.code, ab.entity),"
           " q.qualifier, coalesce(cb.entity, lower(q.claimed_by_text)),"
           " q.claimed_by_text, t.value, q.value, q.value_max, q.sentence, q.text, ab.entity"
           " FROM quantities q"
           " LEFT JOIN actors ab ON ab.doc_key=q.doc_key AND ab.aid=q.about"
           " LEFT JOIN actors cb ON cb.doc_key=q.doc_key AND cb.aid=q.claimed_by"
           " LEFT JOIN times t ON t.doc_key=q.doc_key AND t.tid=q.time"
           " WHERE q.measure IS NOT NULL AND q.value IS NOT NULL"
           "  AND (q.claimed_by IS NOT NULL OR q.claimed_by_text IS NOT NULL OR q.about IS NOT NULL)");
  while (td_kq_step(st) == TD_KQ_ROW) {
    if (!claim_measure((const char *)td_kq_col_text(st, 2))) continue;
    int di = doc_index_near(d, n, td_kq_col_text(st, 0), &last);
    if (di < 0) continue;
    TD_GROW(c, cap, nc + 1);
    mclaim *m = &c[nc++];
    memset(m, 0, sizeof *m);
    m->di = di;
    m->doc = dupcol(st, 0), m->nid = dupcol(st, 1), m->measure = dupcol(st, 2), m->status = dupcol(st, 3);
    m->subject = dupcol(st, 4), m->qual = dupcol(st, 5);
    m->claimant = dupcol(st, 6), m->claimant_text = dupcol(st, 7), m->time = dupcol(st, 8);
    if (!m->claimant) { /* the article's source speaks */
      const char *src = d[di].source ? d[di].source : m->doc;
      m->claimant = td_xmalloc(strlen(src) + 8);
      memcpy(m->claimant, "source:", 7);
      strcpy(m->claimant + 7, src);
    }
    /* the frame: the year of the claim's time, else of the article */
    m->named = digits_at(m->time, "dddd");
    const char *fy = m->named ? m->time : d[di].date;
    if (digits_at(fy, "dddd")) m->frame = td_xstrndup(fy, 4);
    m->value = td_kq_col_double(st, 9);
    m->has_max = td_kq_type(st, 10) != TD_KQ_NULL;
    m->vmax = td_kq_col_double(st, 10);
    m->sentence = td_kq_col_int(st, 11);
    m->part = partitive((const char *)td_kq_col_text(st, 12)) ||
              additive((const char *)td_kq_col_text(st, 12));
    m->about = dupcol(st, 13);
    m->bare = bare_measure(m->measure, units);
    td_kb_interval(m->qual, m->value, m->has_max, m->vmax, &m->lo, &m->hi);
    td_kb_key(m->key, 3, "claim", m->doc, m->nid);
  }
  td_kq_finalize(st);
  st = NULL;
  if (nc) qsort(c, nc, sizeof *c, cmp_claim);
  uf_init(&u, nc);
  rc = 0;
  runs = td_xmalloc((nc ? nc : 1) * sizeof *runs);
  for (size_t i = 0; i < nc;) {
    size_t j = i + 1, nr = 0;
    while (j < nc && !cmpstr(c[j].measure, c[i].measure) && !cmpstr(c[j].status, c[i].status)) j++;
    for (size_t a = i; a < j; a++) runs[nr++] = (mrun){c[a].di, NULL, (uint32_t)a};
    union_runs(runs, nr, c, d, &u); /* of one document */
    nr = 0;
    for (size_t a = i; a < j; a++)
      if (c[a].subject) runs[nr++] = (mrun){0, c[a].subject, (uint32_t)a};
    union_runs(runs, nr, c, d, &u); /* of one subject */
    nr = 0;
    for (size_t a = i; a < j; a++)
      if (c[a].named && c[a].frame) runs[nr++] = (mrun){d[c[a].di].story, c[a].frame, (uint32_t)a};
    union_runs(runs, nr, c, d, &u); /* named, of one story and frame */
    i = j;
  }
  /* the relations: each pair of one group (sets do not cross buckets) */
  for (size_t i = 0; i < nc; i++) runs[i] = (mrun){uf_find(&u, (int)i), NULL, (uint32_t)i};
  if (nc > 1) qsort(runs, nc, sizeof *runs, cmp_mrun);
  for (size_t i = 0; i < nc && rc == 0;) {
    size_t j = i + 1;
    while (j < nc && runs[j].k == runs[i].k) j++;
    for (size_t x = i; x < j && rc == 0; x++)
      for (size_t y = x + 1; y < j && rc == 0; y++) {
        size_t a = runs[x].i, b = runs[y].i;
        if (!strcmp(c[a].claimant, c[b].claimant)) continue;
        if (c[a].di >= 0 && c[b].di >= 0 && d[c[a].di].group == d[c[b].di].group && c[a].di != c[b].di)
          continue; /* versions of one article do not confirm it */
        int agree = td_kb_intervals_agree(c[a].lo, c[a].hi, c[b].lo, c[b].hi);
        if (agree) c[a].agrees++, c[b].agrees++;
        else c[a].disagrees++, c[b].disagrees++;
        mb_text(&rel, c[a].key);
        mb_text(&rel, c[b].key);
        mb_text(&rel, agree ? "agree" : "disagree");
        rc = mb_row(&rel);
      }
    i = j;
  }
  /* a group's key: of its smallest member (smallest index = smallest key
   * in the bucket), which comes first */
  gk = td_xmalloc((nc ? nc : 1) * sizeof *gk);
  order = td_xmalloc((nc ? nc : 1) * sizeof *order);
  for (size_t i = 0; i < nc; i++) {
    if ((size_t)uf_find(&u, (int)i) == i) td_kb_key(gk[i], 4, "claims", c[i].measure, c[i].status, c[i].key);
    order[i].s = c[i].key, order[i].id = (uint32_t)i;
  }
  /* written in key order: each row goes at the end of the table */
  qsort(order, nc, sizeof *order, cmp_mname);
  for (size_t o = 0; o < nc && rc == 0; o++) {
    size_t i = order[o].id;
    mclaim *m = &c[i];
    size_t g = (size_t)uf_find(&u, (int)i);
    mb_text(&ins, m->key);
    mb_text(&ins, gk[g]);
    mb_text(&ins, m->doc);
    mb_text(&ins, m->nid);
    mb_text(&ins, m->measure);
    mb_text(&ins, m->status);
    mb_text(&ins, m->subject);
    mb_text(&ins, m->frame);
    mb_double(&ins, m->value);
    if (m->has_max) mb_double(&ins, m->vmax);
    else mb_null(&ins);
    mb_text(&ins, m->qual);
    if (isfinite(m->lo)) mb_double(&ins, m->lo);
    else mb_null(&ins);
    if (isfinite(m->hi)) mb_double(&ins, m->hi);
    else mb_null(&ins);
    mb_text(&ins, m->claimant);
    mb_text(&ins, m->claimant_text);
    mb_text(&ins, m->time);
    mb_int(&ins, m->agrees);
    mb_int(&ins, m->disagrees);
    rc = mb_row(&ins);
  }
fail:
  if (mb_close(&rel) != 0) rc = -1;
  if (mb_close(&ins) != 0) rc = -1;
  for (size_t k = 0; k < nc; k++) {
    free(c[k].doc), free(c[k].nid), free(c[k].measure), free(c[k].status), free(c[k].subject);
    free(c[k].frame), free(c[k].qual), free(c[k].claimant), free(c[k].claimant_text), free(c[k].time);
    free(c[k].about);
  }
  free(c);
  free(gk), free(order), free(runs);
  free(u.p);
  td_units_free(units);
  return rc;
}

/* SQLite: the secondary indexes of the merged events, dropped while the
 * merge refills the tables and built again once they are full (sorting
 * once costs less than keeping them in step row by row; all in the merge's
 * transaction). The definitions are kb.h's, which schema v6 creates. */
static const char event_index_drop[] = TD_KB_EVENT_INDEXES_DROP;
static const char event_index_create[] = TD_KB_EVENT_INDEXES_CREATE;

int td_kb_merge(td_kb *kb, char *err, size_t errlen) {
  if (td_kb_commit(kb, err, errlen) != 0) return -1;
  if (td_kb_begin(kb, err, errlen) != 0) return -1;
  if ((kb->db && td_kb_exec(kb, event_index_drop, err, errlen) != 0) ||
      td_kb_exec(kb, "DELETE FROM m_versions; DELETE FROM m_story_docs; DELETE FROM m_stories;"
                     "DELETE FROM m_events; DELETE FROM m_event_mentions; DELETE FROM m_actors;"
                     "DELETE FROM m_actor_roles; DELETE FROM m_claims; DELETE FROM m_claim_relations;",
                 err, errlen) != 0 ||
      (kb->db && td_kb_exec(kb, "DELETE FROM m_event_display", err, errlen) != 0) ||
      analyze(kb, "documents, actors, places, times, quantities, events", err,
              errlen) != 0) {
    char e2[64];
    td_kb_exec(kb, "ROLLBACK", e2, sizeof e2);
    return -1;
  }
  mdoc *d = NULL;
  size_t n = 0, cap = 0;
  int rc = -1;
  mfacts F = {0};
  td_arena_init(&F.a);
  PREP(st, "SELECT doc_key, title, substr(date, 1, 10), source, minhash FROM documents ORDER BY doc_key");
  while (td_kq_step(st) == TD_KQ_ROW) {
    TD_GROW(d, cap, n + 1);
    mdoc *m = &d[n++];
    memset(m, 0, sizeof *m);
    m->key = dupcol(st, 0), m->title = dupcol(st, 1), m->date = dupcol(st, 2), m->source = dupcol(st, 3);
    m->day = day_number(m->date);
    size_t nb;
    const void *sig = td_kq_col_blob(st, 4, &nb);
    if (sig && nb == sizeof m->sig) memcpy(m->sig, sig, sizeof m->sig), m->has_sig = 1;
  }
  td_kq_finalize(st);
  if (load_facts(kb, d, n, &F, err, errlen) != 0 || merge_versions(kb, d, n, err, errlen) != 0 ||
      merge_stories(kb, d, n, &F, err, errlen) != 0 || split_people(d, &F) != 0 ||
      merge_events(kb, d, n, &F, err, errlen) != 0 ||
      (kb->db && td_kb_exec(kb, event_index_create, err, errlen) != 0) || merge_actors(kb, &F, err, errlen) != 0 ||
      merge_claims(kb, d, n, err, errlen) != 0)
    goto fail;
  rc = td_kb_exec(kb, "DELETE FROM meta WHERE key='merge_needed'; COMMIT", err, errlen);
fail:
  if (rc != 0) {
    char e2[64];
    td_kb_exec(kb, "ROLLBACK", e2, sizeof e2);
  }
  free_facts(&F);
  for (size_t i = 0; i < n; i++) free(d[i].key), free(d[i].title), free(d[i].date), free(d[i].source);
  free(d);
  return rc;
}
