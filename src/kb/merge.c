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
 * BINARY collation, on either backend. Rows are written in key order.
 */
#include "kb/kb.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

static int cmpstr(const char *a, const char *b) {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return strcmp(a, b);
}

#define PREP(var, sql)                              \
  td_kq *var = td_kb_prepare(kb, sql, err, errlen); \
  if (!var) goto fail;

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
 * and punctuation dropped, into a malloc'd string. */
static char *title_norm(const char *t) {
  td_buf b = {0};
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
      td_buf_putc(&b, c >= 'A' && c <= 'Z' ? c | 32 : c);
    else if (b.len && b.ptr[b.len - 1] != ' ')
      td_buf_putc(&b, ' ');
  }
  while (b.len && b.ptr[b.len - 1] == ' ') b.len--;
  if (!b.ptr) return td_xstrdup("");
  b.ptr[b.len] = 0;
  return td_buf_detach(&b, NULL);
}

static int cmp_title(const void *a, const void *b) {
  char *const *x = a, *const *y = b;
  int c = strcmp(x[0], y[0]);
  return c ? c : (int)((intptr_t)x[1] - (intptr_t)y[1]);
}

/* ---- the facts the story and actor steps read ---- */

/* One stored actor that has an entity (strings in the facts' arena; NULL
 * for SQL NULL): di its document's index (-1 when not stored), date that
 * document's date (its first ten characters). */
typedef struct {
  const char *doc, *aid, *entity, *name, *kind, *code, *country, *role, *date;
  int di;
  long long mentions;
} mrow;

/* One stored place. */
typedef struct {
  const char *name, *feature;
  int di;
} mplace;

/* The actors with an entity and the places, read once for the stories'
 * features, their top actors and places, and the actor profiles (each had
 * its own SELECT over the same rows: a third of the merge). */
typedef struct {
  td_arena a;
  mrow *act;
  size_t nact;
  mplace *pl;
  size_t npl;
} mfacts;

static const char *arena_col(td_arena *a, td_kq *st, int i) {
  const char *t = td_kq_col_text(st, i);
  return t ? td_arena_strdup(a, t) : NULL;
}

/* The number of mentions packed in actors.mentions ("[[s,e,n],…]"): one
 * opening bracket each, beside the array's own. */
static long packed_count(const char *json) {
  long n = 0;
  for (; json && *json; json++) n += *json == '[';
  return n ? n - 1 : 0;
}

static int load_facts(td_kb *kb, mdoc *d, size_t n, mfacts *F, char *err, size_t errlen) {
  size_t cap = 0, pcap = 0;
  PREP(st, "SELECT a.doc_key, a.aid, a.entity, a.name, a.kind, a.code, a.country, a.role,"
           " a.mentions FROM actors a WHERE a.entity IS NOT NULL");
  while (td_kq_step(st) == TD_KQ_ROW) {
    TD_GROW(F->act, cap, F->nact + 1);
    mrow *m = &F->act[F->nact++];
    td_arena *a = &F->a;
    m->doc = arena_col(a, st, 0), m->aid = arena_col(a, st, 1), m->entity = arena_col(a, st, 2);
    m->name = arena_col(a, st, 3), m->kind = arena_col(a, st, 4), m->code = arena_col(a, st, 5);
    m->country = arena_col(a, st, 6), m->role = arena_col(a, st, 7);
    m->di = doc_index(d, n, m->doc);
    m->date = m->di >= 0 ? d[m->di].date : NULL;
    m->mentions = packed_count(td_kq_col_text(st, 8));
  }
  td_kq_finalize(st);
  PREP(pl, "SELECT doc_key, name, feature FROM places");
  while (td_kq_step(pl) == TD_KQ_ROW) {
    int di = doc_index(d, n, td_kq_col_text(pl, 0));
    if (di < 0) continue;
    TD_GROW(F->pl, pcap, F->npl + 1);
    mplace *m = &F->pl[F->npl++];
    m->name = arena_col(&F->a, pl, 1), m->feature = arena_col(&F->a, pl, 2), m->di = di;
  }
  td_kq_finalize(pl);
  return 0;
fail:
  return -1;
}

static void free_facts(mfacts *F) {
  free(F->act), free(F->pl);
  td_arena_release(&F->a);
}

/* ---- the steps ---- */

/* A min-hash band of a document. */
typedef struct {
  long long band, h;
  int di;
} mband;

static int cmp_mband(const void *a, const void *b) {
  const mband *x = a, *y = b;
  if (x->band != y->band) return x->band < y->band ? -1 : 1;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->di > y->di) - (x->di < y->di);
}

static int merge_versions(td_kb *kb, mdoc *d, size_t n, char *err, size_t errlen) {
  uf u;
  uf_init(&u, n);
  /* same normalized title (at least three words) */
  char **pairs = td_xcalloc(2 * (n ? n : 1), sizeof *pairs);
  size_t np = 0;
  for (size_t i = 0; i < n; i++) {
    if (!d[i].title) continue;
    char *t = title_norm(d[i].title);
    int words = 1;
    for (char *p = t; *p; p++) words += *p == ' ';
    if (!*t || words < 3) {
      free(t);
      continue;
    }
    pairs[2 * np] = t;
    pairs[2 * np + 1] = (char *)(intptr_t)i;
    np++;
  }
  qsort(pairs, np, 2 * sizeof *pairs, cmp_title);
  for (size_t i = 1; i < np; i++)
    if (strcmp(pairs[2 * i], pairs[2 * i - 2]) == 0)
      uf_union(&u, (int)(intptr_t)pairs[2 * i - 1], (int)(intptr_t)pairs[2 * i + 1]);
  for (size_t i = 0; i < np; i++) free(pairs[2 * i]);
  free(pairs);
  /* text overlap: candidates sharing a min-hash band, kept at >= 80%
   * (the bands of every document's min-hash, sorted; v7 keeps no table of
   * them) */
  int rc = -1;
  mband *bd = td_xmalloc((n ? n : 1) * (TD_KB_NHASH / 2) * sizeof *bd);
  size_t nb = 0;
  for (size_t i = 0; i < n; i++) {
    if (!d[i].has_sig) continue;
    for (int b = 0; b < TD_KB_NHASH / 2; b++)
      bd[nb].band = b, bd[nb].h = td_kb_band_hash(d[i].sig, b), bd[nb].di = (int)i, nb++;
  }
  if (nb) qsort(bd, nb, sizeof *bd, cmp_mband);
  for (size_t i = 0; i < nb;) {
    size_t j = i + 1;
    while (j < nb && bd[j].band == bd[i].band && bd[j].h == bd[i].h) j++;
    for (size_t x = i; x < j; x++)
      for (size_t y = x + 1; y < j; y++) {
        int a = bd[x].di, b = bd[y].di, same = 0;
        if (a == b) continue;
        for (int k = 0; k < TD_KB_NHASH; k++) same += d[a].sig[k] == d[b].sig[k];
        if (same * 10 >= TD_KB_NHASH * 8) uf_union(&u, a, b);
      }
    i = j;
  }
  free(bd);
  PREP(ins, "INSERT INTO m_versions(doc_key, group_key, reason) VALUES(?,?,?)");
  for (size_t i = 0; i < n; i++) {
    d[i].group = uf_find(&u, (int)i);
    td_kq_reset(ins);
    td_kq_text_ref(ins, 1, d[i].key);
    td_kq_text_ref(ins, 2, d[d[i].group].key);
    td_kq_text_ref(ins, 3, (size_t)d[i].group == i ? NULL : "near-duplicate");
    if (td_kq_step(ins) != TD_KQ_DONE) {
      snprintf(err, errlen, "%s", td_kb_errmsg(kb));
      td_kq_finalize(ins);
      goto fail;
    }
  }
  td_kq_finalize(ins);
  rc = 0;
fail:
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

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* ---- story summaries ---- */

/* A feature (actor entity or place name) of a document, by story. */
typedef struct {
  int story, f, doc;
} sfeat;

static int cmp_sfeat(const void *a, const void *b) {
  const sfeat *x = a, *y = b;
  if (x->story != y->story) return x->story < y->story ? -1 : 1;
  if (x->f != y->f) return x->f < y->f ? -1 : 1;
  return (x->doc > y->doc) - (x->doc < y->doc);
}

static int cmp_pstr(const void *a, const void *b) {
  return cmpstr(*(char *const *)a, *(char *const *)b);
}

/* A feature of one story and the number of its articles having it. */
typedef struct {
  int f, c;
} fcount;

static int cmp_fcount(const void *a, const void *b) { /* most articles first, then the feature */
  const fcount *x = a, *y = b;
  if (x->c != y->c) return x->c > y->c ? -1 : 1;
  return (x->f > y->f) - (x->f < y->f);
}

/* An entity and its smallest name (NULL when it has none). */
typedef struct {
  const char *entity, *name;
} mname;

static int cmp_mname(const void *a, const void *b) {
  return strcmp(((const mname *)a)->entity, ((const mname *)b)->entity);
}

/* Each story's five most widespread features, as m_stories shows them:
 * rows (feat[i], fdoc[i]) say that document fdoc[i] has feature feat[i]
 * (repeats count once; a NULL feature counts as one, ordered first as
 * SQLite orders NULL); a feature's articles in the story are counted, ties
 * go to the smaller feature, and the names of the five (from names, sorted
 * by entity, else the feature itself) are joined by "; " with NULL names
 * left out, as group_concat does. top[root] gets the malloc'd list of the
 * story whose smallest member is root, or NULL. */
static void story_tops(mdoc *d, const char **feat, const int *fdoc, size_t nr, const mname *names, size_t nn,
                       char **top) {
  size_t nf = 0;
  /* the distinct features, sorted: a feature's number is its rank */
  const char **fs = td_xmalloc((nr ? nr : 1) * sizeof *fs);
  if (nr) memcpy(fs, feat, nr * sizeof *fs);
  qsort(fs, nr, sizeof *fs, cmp_pstr);
  for (size_t i = 0; i < nr; i++)
    if (!nf || cmpstr(fs[nf - 1], fs[i]) != 0) fs[nf++] = fs[i];
  const char **name = td_xcalloc(nf ? nf : 1, sizeof *name);
  for (size_t i = 0; i < nf; i++) {
    name[i] = fs[i];
    if (names) {
      mname key = {fs[i], NULL}, *hit = fs[i] ? bsearch(&key, names, nn, sizeof *names, cmp_mname) : NULL;
      name[i] = hit ? hit->name : NULL;
    }
  }
  sfeat *t = td_xmalloc((nr ? nr : 1) * sizeof *t);
  for (size_t i = 0; i < nr; i++) {
    const char **hit = bsearch(&feat[i], fs, nf, sizeof *fs, cmp_pstr);
    t[i].story = d[fdoc[i]].story, t[i].f = (int)(hit - fs), t[i].doc = fdoc[i];
  }
  qsort(t, nr, sizeof *t, cmp_sfeat);
  fcount *fc = td_xmalloc((nr ? nr : 1) * sizeof *fc);
  for (size_t i = 0; i < nr;) { /* one story */
    size_t j = i, k = 0;
    while (j < nr && t[j].story == t[i].story) {
      size_t a = j;
      int c = 0;
      for (; j < nr && t[j].story == t[a].story && t[j].f == t[a].f; j++)
        c += j == a || t[j].doc != t[j - 1].doc; /* distinct articles */
      fc[k].f = t[a].f, fc[k].c = c, k++;
    }
    qsort(fc, k, sizeof *fc, cmp_fcount);
    td_buf b = TD_BUF_INIT;
    int parts = 0;
    for (size_t x = 0; x < k && x < 5; x++) {
      const char *nm = name[fc[x].f];
      if (!nm) continue;
      if (parts++) td_buf_puts(&b, "; ");
      td_buf_puts(&b, nm);
    }
    if (parts) top[t[i].story] = b.ptr ? td_buf_detach(&b, NULL) : td_xstrdup("");
    else td_buf_free(&b);
    i = j;
  }
  free(fc), free(t), free(name), free(fs);
}

/* The top actors (by entity, named by its smallest name over all its
 * actors) and the top places (by name) of each story, into ta and tp. */
static void story_tops_all(mdoc *d, const mfacts *F, char **ta, char **tp) {
  size_t nr = 0, nn = 0;
  const char **feat = td_xmalloc((F->nact + F->npl + 1) * sizeof *feat);
  int *fdoc = td_xmalloc((F->nact + F->npl + 1) * sizeof *fdoc);
  mname *names = td_xmalloc((F->nact ? F->nact : 1) * sizeof *names);
  for (size_t i = 0; i < F->nact; i++) {
    const mrow *m = &F->act[i];
    if (m->di >= 0) feat[nr] = m->entity, fdoc[nr] = m->di, nr++;
    names[i].entity = m->entity, names[i].name = m->name;
  }
  if (F->nact) qsort(names, F->nact, sizeof *names, cmp_mname);
  for (size_t i = 0; i < F->nact; i++) { /* min(name) by entity: NULL names left out */
    if (!nn || strcmp(names[nn - 1].entity, names[i].entity) != 0) names[nn++] = names[i];
    else if (names[i].name && (!names[nn - 1].name || strcmp(names[i].name, names[nn - 1].name) < 0))
      names[nn - 1].name = names[i].name;
  }
  story_tops(d, feat, fdoc, nr, names, nn, ta);
  nr = 0;
  for (size_t i = 0; i < F->npl; i++) feat[nr] = F->pl[i].name, fdoc[nr] = F->pl[i].di, nr++;
  story_tops(d, feat, fdoc, nr, NULL, 0, tp);
  free(feat), free(fdoc), free(names);
}

/* The m_stories rows, from the stories the documents are in: distinct
 * version groups, first and last article dates, the top actors (by entity,
 * named by its smallest name) and places, and the title of the smallest
 * member that has one. */
static int write_stories(td_kb *kb, mdoc *d, size_t n, const mfacts *F, char *err, size_t errlen) {
  int rc = -1;
  char **ta = td_xcalloc(n ? n : 1, sizeof *ta), **tp = td_xcalloc(n ? n : 1, sizeof *tp);
  uint64_t *sg = td_xmalloc((n ? n : 1) * sizeof *sg); /* (story << 32 | group) */
  const char **first = NULL, **last = NULL, **title = NULL;
  td_kq *ins = NULL;
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
  for (size_t i = 0; i < n; i++) sg[i] = (uint64_t)d[i].story << 32 | (uint64_t)d[i].group;
  qsort(sg, n, sizeof *sg, cmp_u64);
  PREP(ins_, "INSERT INTO m_stories(story_key, num_articles, first_date, last_date, top_actors,"
             " top_places, title) VALUES(?,?,?,?,?,?,?)");
  ins = ins_;
  for (size_t i = 0; i < n;) {
    int r = (int)(sg[i] >> 32), groups = 0;
    size_t j = i;
    for (; j < n && (int)(sg[j] >> 32) == r; j++) groups += j == i || sg[j] != sg[j - 1];
    i = j;
    td_kq_reset(ins);
    td_kq_text_ref(ins, 1, d[r].skey);
    td_kq_int(ins, 2, groups);
    td_kq_text_ref(ins, 3, first[r]);
    td_kq_text_ref(ins, 4, last[r]);
    td_kq_text_ref(ins, 5, ta[r]);
    td_kq_text_ref(ins, 6, tp[r]);
    td_kq_text_ref(ins, 7, title[r]);
    if (td_kq_step(ins) != TD_KQ_DONE) {
      snprintf(err, errlen, "%s", td_kb_errmsg(kb));
      goto fail;
    }
  }
  rc = 0;
fail:
  if (ins) td_kq_finalize(ins);
  for (size_t i = 0; i < n; i++) free(ta[i]), free(tp[i]);
  free(ta), free(tp), free(sg);
  free(first), free(last), free(title);
  return rc;
}

/* A feature of an article: 'a' an actor's entity, 'p' a place's name. */
typedef struct {
  const char *f;
  int type, di;
} sfrow;

static int cmp_sfrow(const void *a, const void *b) {
  const sfrow *x = a, *y = b;
  int c;
  if (x->type != y->type) return x->type < y->type ? -1 : 1;
  if ((c = cmpstr(x->f, y->f))) return c;
  return (x->di > y->di) - (x->di < y->di);
}

static int merge_stories(td_kb *kb, mdoc *d, size_t n, const mfacts *F, char *err, size_t errlen) {
  uf u;
  uf_init(&u, n);
  int rc = -1;
  for (size_t i = 0; i < n; i++) uf_union(&u, (int)i, d[i].group);
  /* features: actors that are not whole countries, places below country
   * (feature not LIKE 'PCL%': ASCII case ignored, as SQL's LIKE); distinct
   * per article, sorted so that each feature's articles come together */
  sfrow *fr = td_xmalloc((F->nact + F->npl + 1) * sizeof *fr);
  size_t nfr = 0;
  for (size_t i = 0; i < F->nact; i++) {
    const mrow *m = &F->act[i];
    if (m->di >= 0 && !(m->kind && strcmp(m->kind, "country") == 0))
      fr[nfr].type = 'a', fr[nfr].f = m->entity, fr[nfr].di = m->di, nfr++;
  }
  for (size_t i = 0; i < F->npl; i++) {
    const mplace *m = &F->pl[i];
    if (!(m->feature && strncasecmp(m->feature, "PCL", 3) == 0))
      fr[nfr].type = 'p', fr[nfr].f = m->name, fr[nfr].di = m->di, nfr++;
  }
  qsort(fr, nfr, sizeof *fr, cmp_sfrow);
  size_t w = 0;
  for (size_t i = 0; i < nfr; i++)
    if (!w || cmp_sfrow(&fr[i], &fr[w - 1]) != 0) fr[w++] = fr[i];
  nfr = w;
  int *nf = td_xcalloc(n ? n : 1, sizeof *nf); /* features per article */
  uint64_t *pairs = NULL;                      /* (a << 32 | b), a < b, per shared feature */
  size_t np = 0, pcap = 0;
  for (size_t i = 0; i < nfr;) {
    size_t j = i + 1;
    while (j < nfr && fr[j].type == fr[i].type && cmpstr(fr[j].f, fr[i].f) == 0) j++;
    for (size_t x = i; x < j; x++) nf[fr[x].di]++;
    /* the feature's articles (in index order), when 2 to 50 of them: every
     * pair shares it (features in more than 50 articles say nothing about
     * a story; a NULL feature is none) */
    if (fr[i].f && j - i >= 2 && j - i <= 50)
      for (size_t x = i; x < j; x++)
        for (size_t y = x + 1; y < j; y++) {
          TD_GROW(pairs, pcap, np + 1);
          pairs[np++] = (uint64_t)fr[x].di << 32 | (uint64_t)fr[y].di;
        }
    i = j;
  }
  free(fr);
  if (np) qsort(pairs, np, sizeof *pairs, cmp_u64);
  for (size_t i = 0; i < np;) {
    size_t j = i + 1;
    while (j < np && pairs[j] == pairs[i]) j++;
    int a = (int)(pairs[i] >> 32), b = (int)(pairs[i] & 0xffffffffu);
    int shared = (int)(j - i);
    i = j;
    if (shared < 2) continue;
    int m = nf[a] < nf[b] ? nf[a] : nf[b];
    if (shared * 2 < m) continue; /* half of the smaller article's features */
    int dated = d[a].day != INT32_MIN && d[b].day != INT32_MIN;
    if (dated && labs(d[a].day - d[b].day) > 3) continue;
    if (!dated && shared < 3) continue; /* no dates to confirm: ask for more */
    uf_union(&u, a, b);
  }
  free(pairs);
  free(nf);
  PREP(ins, "INSERT INTO m_story_docs(doc_key, story_key) VALUES(?,?)");
  for (size_t i = 0; i < n; i++) {
    d[i].story = uf_find(&u, (int)i);
    if ((size_t)d[i].story == i) td_kb_key(d[i].skey, 2, "story", d[i].key);
  }
  for (size_t i = 0; i < n; i++) {
    td_kq_reset(ins);
    td_kq_text_ref(ins, 1, d[i].key);
    td_kq_text_ref(ins, 2, d[d[i].story].skey);
    if (td_kq_step(ins) != TD_KQ_DONE) {
      snprintf(err, errlen, "%s", td_kb_errmsg(kb));
      td_kq_finalize(ins);
      goto fail;
    }
  }
  td_kq_finalize(ins);
  if (write_stories(kb, d, n, F, err, errlen) != 0) goto fail;
  rc = 0;
fail:
  free(u.p);
  return rc;
}

/* A stored value as the display rows copy it: its SQL type, and the
 * number or text (owned). */
typedef struct {
  int t;
  long long i;
  double d;
  char *s;
} mval;

static void mval_read(mval *v, td_kq *st, int c) {
  v->t = td_kq_type(st, c), v->s = NULL;
  if (v->t == TD_KQ_INT) v->i = td_kq_col_int(st, c);
  else if (v->t == TD_KQ_FLOAT) v->d = td_kq_col_double(st, c);
  else if (v->t != TD_KQ_NULL) v->s = dupcol(st, c), v->t = v->s ? TD_KQ_TEXT : TD_KQ_NULL;
}

static void mval_bind(td_kq *q, int i, const mval *v) {
  if (v->t == TD_KQ_INT) td_kq_int(q, i, v->i);
  else if (v->t == TD_KQ_FLOAT) td_kq_double(q, i, v->d);
  else td_kq_text_ref(q, i, v->s);
}

/* The fields of a mention that its event's display row shows: sentence,
 * start, end, and its place's lat and lon. */
enum { MV_SENTENCE, MV_START, MV_END, MV_LAT, MV_LON, MV_N };

/* One event mention as the event merge reads it. */
typedef struct {
  char *doc, *eid, *root, *cameo, *src, *tgt, *srccode, *tgtcode, *date, *place;
  char *verb, *modality, *polarity; /* (for the display row) */
  mval v[MV_N];
  int quad;
  double goldstein;
  long day;
  int di; /* document index */
} mev;

static int cmp_mev(const void *a, const void *b) {
  const mev *x = a, *y = b;
  int c;
  if ((c = cmpstr(x->root, y->root)) || (c = cmpstr(x->src, y->src)) || (c = cmpstr(x->tgt, y->tgt)))
    return c;
  if (x->day != y->day) return x->day < y->day ? -1 : 1;
  if ((c = strcmp(x->doc, y->doc))) return c;
  return strcmp(x->eid, y->eid);
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
  int *groups = td_xmalloc(k * sizeof *groups);
  const char **srcs = td_xmalloc(k * sizeof *srcs);
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
  free(groups);
  free(srcs);
  o->date = date, o->firstd = firstd, o->lastd = lastd;
  o->k = k, o->ns = ns, o->na = na, o->m0 = m0;
}

/* SQLite: each merged event's display fields for `tidings serve` (schema
 * v4): the day (event date, else first seen, else its first article's
 * date: NULL when first seen is, as every article of it is undated) and
 * its first mention as JSON, by the same json_object as TD_EVENT_MENTION_SQL
 * (display_sql.h), which the events endpoint of src/serve/api_sql.h runs
 * for events without a row here; the values are bound, not looked up
 * (tests/unit/test_kb_merge.c compares the two). */
static const char event_display_ins[] =
    "INSERT INTO m_event_display(event_key, day, mention) VALUES(?, ?, json_object('doc_key', ?, 'eid', ?,"
    " 'verb', ?, 'modality', ?, 'polarity', ?, 'sentence', ?, 'start', ?, 'end', ?, 'place', ?, 'lat', ?,"
    " 'lon', ?, 'title', ?, 'source', ?))";

/* Writes merged event o: its m_events row, its mentions (refs, sorted
 * here) and its display row with dis (NULL on PostgreSQL). */
static int write_event(td_kb *kb, mdoc *d, const mout *o, mref *refs, td_kq *ins, td_kq *men, td_kq *dis,
                       char *err, size_t errlen) {
  const mev *f = &o->f;
  const char *key = o->key;
  unsigned long long gid = strtoull((char[16]){key[0], key[1], key[2], key[3], key[4], key[5], key[6],
                                              key[7], key[8], key[9], key[10], key[11], key[12], key[13],
                                              0},
                                    NULL, 16);
  td_kq_again(ins);
  td_kq_text_ref(ins, 1, key);
  td_kq_int(ins, 2, (long long)gid);
  td_kq_text_ref(ins, 3, f->root);
  td_kq_text_ref(ins, 4, o->cameo);
  td_kq_int(ins, 5, o->quad);
  td_kq_double(ins, 6, o->gs);
  td_kq_text_ref(ins, 7, f->src);
  td_kq_text_ref(ins, 8, f->srccode);
  td_kq_text_ref(ins, 9, f->tgt);
  td_kq_text_ref(ins, 10, f->tgtcode);
  td_kq_text_ref(ins, 11, o->date);
  td_kq_text_ref(ins, 12, o->firstd);
  td_kq_text_ref(ins, 13, o->lastd);
  td_kq_int(ins, 14, (long long)o->k);
  td_kq_int(ins, 15, (long long)o->ns);
  td_kq_int(ins, 16, (long long)o->na);
  td_kq_text_ref(ins, 17, o->place);
  td_kq_text_ref(ins, 18, d[d[f->di].story].skey);
  if (td_kq_step(ins) != TD_KQ_DONE) goto fail;
  mref *r = refs + o->m0;
  qsort(r, o->k, sizeof *r, cmp_mref); /* in key order: each row goes at the end */
  for (size_t i = 0; i < o->k; i++) {
    td_kq_again(men);
    td_kq_text_ref(men, 1, key);
    td_kq_text_ref(men, 2, r[i].doc);
    td_kq_text_ref(men, 3, r[i].eid);
    if (td_kq_step(men) != TD_KQ_DONE) goto fail;
  }
  if (dis) {
    td_kq_again(dis);
    td_kq_text_ref(dis, 1, key);
    td_kq_text_ref(dis, 2, o->date ? o->date : o->firstd);
    td_kq_text_ref(dis, 3, f->doc);
    td_kq_text_ref(dis, 4, f->eid);
    td_kq_text_ref(dis, 5, f->verb);
    td_kq_text_ref(dis, 6, f->modality);
    td_kq_text_ref(dis, 7, f->polarity);
    mval_bind(dis, 8, &f->v[MV_SENTENCE]);
    mval_bind(dis, 9, &f->v[MV_START]);
    mval_bind(dis, 10, &f->v[MV_END]);
    td_kq_text_ref(dis, 11, f->place);
    mval_bind(dis, 12, &f->v[MV_LAT]);
    mval_bind(dis, 13, &f->v[MV_LON]);
    td_kq_text_ref(dis, 14, d[f->di].title);
    td_kq_text_ref(dis, 15, d[f->di].source);
    if (td_kq_step(dis) != TD_KQ_DONE) goto fail;
  }
  return 0;
fail:
  snprintf(err, errlen, "%s", td_kb_errmsg(kb));
  return -1;
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

static int merge_events(td_kb *kb, mdoc *d, size_t n, const mfacts *F, char *err, size_t errlen) {
  int rc = -1;
  mev *ev = NULL;
  size_t ne = 0, cap = 0;
  td_kq *ins = NULL, *men = NULL, *dis = NULL;
  /* the events of stored documents (the document's date and the actors'
   * entities from what the merge read, not joined again) */
  const mrow **ak = td_xmalloc((F->nact ? F->nact : 1) * sizeof *ak);
  size_t nak = 0;
  for (size_t i = 0; i < F->nact; i++)
    if (F->act[i].di >= 0) ak[nak++] = &F->act[i];
  if (nak) qsort(ak, nak, sizeof *ak, cmp_row_doc_aid);
  PREP(st, "SELECT e.doc_key, e.eid, e.root, e.cameo, e.source, e.target, e.source_code, e.target_code,"
           " e.date, p.name, e.quad, e.goldstein,"
           " (SELECT value FROM times t WHERE t.doc_key=e.doc_key AND t.tid=e.time),"
           " e.verb, e.modality, e.polarity, e.sentence, e.start, e.end, p.lat, p.lon"
           " FROM events e LEFT JOIN places p ON p.doc_key=e.doc_key AND p.pid=e.place"
           " WHERE e.root IS NOT NULL");
  while (td_kq_step(st) == TD_KQ_ROW) {
    int di = doc_index(d, n, td_kq_col_text(st, 0));
    if (di < 0) continue;
    TD_GROW(ev, cap, ne + 1);
    mev *m = &ev[ne++];
    memset(m, 0, sizeof *m);
    m->di = di;
    m->doc = dupcol(st, 0), m->eid = dupcol(st, 1), m->root = dupcol(st, 2), m->cameo = dupcol(st, 3);
    m->srccode = dupcol(st, 6), m->tgtcode = dupcol(st, 7), m->place = dupcol(st, 9);
    const char *se = actor_entity(ak, nak, di, td_kq_col_text(st, 4));
    const char *te = actor_entity(ak, nak, di, td_kq_col_text(st, 5));
    m->src = se ? td_xstrdup(se) : m->srccode ? td_xstrdup(m->srccode) : NULL;
    m->tgt = te ? td_xstrdup(te) : m->tgtcode ? td_xstrdup(m->tgtcode) : NULL;
    /* its date, else its time's when a calendar date, else the article's */
    const char *date = td_kq_col_text(st, 8), *tv = td_kq_col_text(st, 12);
    if (!date) date = digits_at(tv, "dddd-dd-dd") ? tv : d[di].date;
    m->date = date ? td_xstrdup(date) : NULL;
    m->quad = td_kq_col_int(st, 10), m->goldstein = td_kq_col_double(st, 11);
    m->day = day_number(m->date);
    if (m->day == INT32_MIN) m->date = (free(m->date), NULL);
    m->verb = dupcol(st, 13), m->modality = dupcol(st, 14), m->polarity = dupcol(st, 15);
    for (int v = 0; v < MV_N; v++) mval_read(&m->v[v], st, 16 + v);
  }
  td_kq_finalize(st);
  st = NULL;
  if (ne) qsort(ev, ne, sizeof *ev, cmp_mev);
  PREP(ins_, "INSERT INTO m_events(event_key, gid, root, cameo, quad, goldstein, source_entity,"
             " source_code, target_entity, target_code, date, first_seen, last_seen, num_mentions,"
             " num_sources, num_articles, place, story_key) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  ins = ins_;
  PREP(men_, "INSERT OR IGNORE INTO m_event_mentions(event_key, doc_key, eid) VALUES(?,?,?)");
  men = men_;
  if (kb->db) {
    PREP(dis_, event_display_ins);
    dis = dis_;
  }
  /* runs of the same (root, source, target): dated mentions chain while the
   * gap is at most a day; undated ones group by story */
  size_t i = 0, no = 0, nr = 0;
  mev *tmp = td_xmalloc((ne ? ne : 1) * sizeof *tmp);
  mout *outs = td_xmalloc((ne ? ne : 1) * sizeof *outs);
  mref *refs = td_xmalloc((ne ? ne : 1) * sizeof *refs);
  while (i < ne) {
    size_t j = i + 1;
    while (j < ne && !cmpstr(ev[j].root, ev[i].root) && !cmpstr(ev[j].src, ev[i].src) &&
           !cmpstr(ev[j].tgt, ev[i].tgt))
      j++;
    /* undated first (day INT32_MIN sorts first) */
    size_t a = i;
    size_t u_end = i;
    while (u_end < j && ev[u_end].day == INT32_MIN) u_end++;
    /* undated: by story, written in story order of their smallest member */
    int *done = td_xcalloc(u_end - i + 1, sizeof *done);
    for (size_t x = i; x < u_end; x++) {
      if (done[x - i] || ev[x].di < 0) continue;
      size_t k = 0;
      for (size_t y = x; y < u_end; y++)
        if (!done[y - i] && ev[y].di >= 0 && d[ev[y].di].story == d[ev[x].di].story)
          tmp[k++] = ev[y], done[y - i] = 1;
      make_event(d, tmp, k, &outs[no++], refs, nr);
      nr += k;
    }
    free(done);
    a = u_end;
    while (a < j) {
      size_t b = a + 1;
      while (b < j && ev[b].day - ev[b - 1].day <= 1) b++;
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
  for (size_t x = 0; x < no && rc == 0; x++) rc = write_event(kb, d, &outs[x], refs, ins, men, dis, err, errlen);
  free(outs);
  free(refs);
fail:
  if (ins) td_kq_finalize(ins);
  if (men) td_kq_finalize(men);
  if (dis) td_kq_finalize(dis);
  free(ak);
  for (size_t k = 0; k < ne; k++) {
    free(ev[k].doc), free(ev[k].eid), free(ev[k].root), free(ev[k].cameo), free(ev[k].src);
    free(ev[k].tgt), free(ev[k].srccode), free(ev[k].tgtcode), free(ev[k].date), free(ev[k].place);
    free(ev[k].verb), free(ev[k].modality), free(ev[k].polarity);
    for (int v = 0; v < MV_N; v++) free(ev[k].v[v].s);
  }
  free(ev);
  return rc;
}

/* ---- actor profiles ---- */

static int cmp_row_entity(const void *a, const void *b) { /* entity, doc */
  const mrow *x = a, *y = b;
  int c = strcmp(x->entity, y->entity);
  return c ? c : strcmp(x->doc, y->doc);
}
static int cmp_row_name(const void *a, const void *b) {
  return cmpstr(((const mrow *)a)->name, ((const mrow *)b)->name);
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
  return c ? c : strcmp(x->doc, y->doc);
}

/* A name of one entity and the number of its actors so named. */
typedef struct {
  const char *name;
  int c;
} ncount;

static int cmp_ncount(const void *a, const void *b) { /* most actors first, then the name (NULL first) */
  const ncount *x = a, *y = b;
  if (x->c != y->c) return x->c > y->c ? -1 : 1;
  return cmpstr(x->name, y->name);
}

/* Articles (distinct documents of rows sorted by doc), and the first and
 * last of their dates (NULL dates left out, as min and max do). */
static long row_span(const mrow *r, size_t n, const char **first, const char **last) {
  long docs = 0;
  *first = *last = NULL;
  for (size_t i = 0; i < n; i++) {
    docs += i == 0 || strcmp(r[i].doc, r[i - 1].doc) != 0;
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
static int write_entity(td_kb *kb, mrow *r, size_t n, ncount *nc, td_kq *ins, td_kq *rol, char *err,
                        size_t errlen) {
  const char *first, *last;
  long docs = row_span(r, n, &first, &last);
  long long mentions = 0;
  for (size_t i = 0; i < n; i++) mentions += r[i].mentions;
  /* names */
  qsort(r, n, sizeof *r, cmp_row_name);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 0 || cmpstr(r[i].name, r[i - 1].name) != 0) nc[k].name = r[i].name, nc[k].c = 0, k++;
    nc[k - 1].c++;
  }
  qsort(nc, k, sizeof *nc, cmp_ncount);
  td_buf names = TD_BUF_INIT;
  int nnames = 0;
  for (size_t i = 0; i < k; i++)
    if (nc[i].name) {
      if (nnames++) td_buf_puts(&names, "; ");
      td_buf_puts(&names, nc[i].name);
    }
  const char *name = nc[0].name;
  /* (code, kind, country): sorted, the first group of the most rows */
  qsort(r, n, sizeof *r, cmp_row_code);
  const mrow *best = &r[0];
  int bestc = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && cmp_row_code(&r[j], &r[i]) == 0) j++;
    if ((int)(j - i) > bestc) bestc = (int)(j - i), best = &r[i];
    i = j;
  }
  td_kq_again(ins);
  td_kq_text_ref(ins, 1, r[0].entity);
  td_kq_text_ref(ins, 2, name);
  td_kq_text_ref(ins, 3, best->kind);
  td_kq_text_ref(ins, 4, best->code);
  td_kq_text_ref(ins, 5, best->country);
  td_kq_int(ins, 6, docs);
  td_kq_int(ins, 7, mentions);
  td_kq_text_ref(ins, 8, first);
  td_kq_text_ref(ins, 9, last);
  td_kq_text_ref(ins, 10, nnames ? (names.ptr ? names.ptr : "") : NULL);
  int rc = td_kq_step(ins) == TD_KQ_DONE ? 0 : -1;
  td_buf_free(&names);
  /* roles */
  qsort(r, n, sizeof *r, cmp_row_role);
  for (size_t i = 0; i < n && rc == 0;) {
    size_t j = i + 1;
    while (j < n && cmpstr(r[j].role, r[i].role) == 0) j++;
    if (r[i].role) {
      long rdocs = row_span(r + i, j - i, &first, &last);
      td_kq_again(rol);
      td_kq_text_ref(rol, 1, r[i].entity);
      td_kq_text_ref(rol, 2, r[i].role);
      td_kq_int(rol, 3, rdocs);
      td_kq_text_ref(rol, 4, first);
      td_kq_text_ref(rol, 5, last);
      if (td_kq_step(rol) != TD_KQ_DONE) rc = -1;
    }
    i = j;
  }
  if (rc != 0) snprintf(err, errlen, "%s", td_kb_errmsg(kb));
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
  td_kq *ins = NULL, *rol = NULL;
  for (size_t i = 0; i < F->nact; i++)
    if (F->act[i].di >= 0) r[n++] = F->act[i];
  if (n) qsort(r, n, sizeof *r, cmp_row_entity);
  nc = td_xmalloc((n ? n : 1) * sizeof *nc);
  PREP(ins_, "INSERT INTO m_actors(entity, name, kind, code, country, num_articles, num_mentions,"
             " first_seen, last_seen, names) VALUES(?,?,?,?,?,?,?,?,?,?)");
  ins = ins_;
  PREP(rol_, "INSERT INTO m_actor_roles(entity, role, num_articles, first_seen, last_seen) VALUES(?,?,?,?,?)");
  rol = rol_;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && strcmp(r[j].entity, r[i].entity) == 0) j++;
    if (write_entity(kb, r + i, j - i, nc, ins, rol, err, errlen) != 0) goto fail;
    i = j;
  }
  rc = 0;
fail:
  if (ins) td_kq_finalize(ins);
  if (rol) td_kq_finalize(rol);
  free(r), free(nc);
  return rc;
}

/* One quantity as the claims merge reads it. */
typedef struct {
  char key[65];
  char *doc, *nid, *measure, *status, *subject, *frame, *qual, *claimant, *claimant_text, *time;
  double value, vmax, lo, hi;
  int has_max, di, agrees, disagrees, sentence;
} mclaim;

static int cmp_claim(const void *a, const void *b) {
  const mclaim *x = a, *y = b;
  int c;
  if ((c = cmpstr(x->measure, y->measure)) || (c = cmpstr(x->status, y->status))) return c;
  return strcmp(x->key, y->key);
}

/* Whether two claims of one measure and status are about the same thing:
 * no field that both have differs, and either they are near each other in
 * one article (two sentences apart at most), or both name the subject, or
 * both name the time frame and share a story. */
static int compatible(const mclaim *a, const mclaim *b, mdoc *d) {
  if (a->subject && b->subject && strcmp(a->subject, b->subject)) return 0;
  if (a->frame && b->frame && strcmp(a->frame, b->frame)) return 0;
  if (a->di >= 0 && a->di == b->di && abs(a->sentence - b->sentence) <= 2) return 1;
  if (a->subject && b->subject) return 1;
  return a->frame && b->frame && a->di >= 0 && b->di >= 0 && d[a->di].story == d[b->di].story;
}

/* Durations and counts of time units are not claims about the world. */
static int claim_measure(const char *m) {
  static const char *const skip[] = {"years", "months", "weeks", "days", "hours", "minutes",
                                     "seconds", "times", NULL};
  for (int i = 0; skip[i]; i++)
    if (strcmp(m, skip[i]) == 0) return 0;
  return 1;
}

static int merge_claims(td_kb *kb, mdoc *d, size_t n, char *err, size_t errlen) {
  int rc = -1;
  mclaim *c = NULL;
  size_t nc = 0, cap = 0;
  td_kq *ins = NULL, *rel = NULL;
  uf u = {0};
  PREP(st, "SELECT q.doc_key, q.nid, q.measure, coalesce(q.status, 'actual'),"
           " coalesce(ab.country, ab.code, ab.entity),"
           " dd.date,"
           " q.qualifier, coalesce(cb.entity, lower(q.claimed_by_text), 'source:' || coalesce(dd.source, q.doc_key)),"
           " q.claimed_by_text, t.value, q.value, q.value_max, q.sentence"
           " FROM quantities q JOIN documents dd ON dd.doc_key=q.doc_key"
           " LEFT JOIN actors ab ON ab.doc_key=q.doc_key AND ab.aid=q.about"
           " LEFT JOIN actors cb ON cb.doc_key=q.doc_key AND cb.aid=q.claimed_by"
           " LEFT JOIN times t ON t.doc_key=q.doc_key AND t.tid=q.time"
           " WHERE q.measure IS NOT NULL AND q.value IS NOT NULL"
           "  AND (q.claimed_by IS NOT NULL OR q.claimed_by_text IS NOT NULL OR q.about IS NOT NULL)");
  while (td_kq_step(st) == TD_KQ_ROW) {
    if (!claim_measure((const char *)td_kq_col_text(st, 2))) continue;
    TD_GROW(c, cap, nc + 1);
    mclaim *m = &c[nc++];
    memset(m, 0, sizeof *m);
    m->doc = dupcol(st, 0), m->nid = dupcol(st, 1), m->measure = dupcol(st, 2), m->status = dupcol(st, 3);
    m->subject = dupcol(st, 4), m->qual = dupcol(st, 6);
    m->claimant = dupcol(st, 7), m->claimant_text = dupcol(st, 8), m->time = dupcol(st, 9);
    /* the frame: the year of the claim's time, else of the article */
    const char *fy = digits_at(m->time, "dddd") ? m->time : td_kq_col_text(st, 5);
    if (digits_at(fy, "dddd")) m->frame = td_xstrndup(fy, 4);
    m->value = td_kq_col_double(st, 10);
    m->has_max = td_kq_type(st, 11) != TD_KQ_NULL;
    m->vmax = td_kq_col_double(st, 11);
    m->sentence = td_kq_col_int(st, 12);
    td_kb_interval(m->qual, m->value, m->has_max, m->vmax, &m->lo, &m->hi);
    td_kb_key(m->key, 3, "claim", m->doc, m->nid);
    m->di = doc_index(d, n, m->doc);
  }
  td_kq_finalize(st);
  st = NULL;
  if (nc) qsort(c, nc, sizeof *c, cmp_claim);
  uf_init(&u, nc);
  PREP(rel_, "INSERT OR IGNORE INTO m_claim_relations(a, b, relation) VALUES(?,?,?)");
  rel = rel_;
  for (size_t i = 0; i < nc;) {
    size_t j = i + 1;
    while (j < nc && !cmpstr(c[j].measure, c[i].measure) && !cmpstr(c[j].status, c[i].status)) j++;
    for (size_t a = i; a < j; a++)
      for (size_t b = a + 1; b < j; b++)
        if (compatible(&c[a], &c[b], d)) uf_union(&u, (int)a, (int)b);
    for (size_t a = i; a < j; a++)
      for (size_t b = a + 1; b < j; b++) {
        if (uf_find(&u, (int)a) != uf_find(&u, (int)b)) continue;
        if (!strcmp(c[a].claimant, c[b].claimant)) continue;
        if (c[a].di >= 0 && c[b].di >= 0 && d[c[a].di].group == d[c[b].di].group && c[a].di != c[b].di)
          continue; /* versions of one article do not confirm it */
        int agree = td_kb_intervals_agree(c[a].lo, c[a].hi, c[b].lo, c[b].hi);
        if (agree) c[a].agrees++, c[b].agrees++;
        else c[a].disagrees++, c[b].disagrees++;
        td_kq_reset(rel);
        td_kq_text_ref(rel, 1, c[a].key);
        td_kq_text_ref(rel, 2, c[b].key);
        td_kq_text_ref(rel, 3, agree ? "agree" : "disagree");
        if (td_kq_step(rel) != TD_KQ_DONE) goto sqlfail;
      }
    i = j;
  }
  PREP(ins_, "INSERT INTO m_claims(claim_key, group_key, doc_key, nid, measure, status, subject, frame,"
             " value, value_max, qualifier, lo, hi, claimant, claimant_text, time, agrees, disagrees)"
             " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  ins = ins_;
  for (size_t i = 0; i < nc; i++) {
    mclaim *m = &c[i];
    char gk[65];
    mclaim *r = &c[uf_find(&u, (int)i)]; /* smallest index = smallest key in the bucket */
    td_kb_key(gk, 4, "claims", r->measure, r->status, r->key);
    td_kq_reset(ins);
    td_kq_text_ref(ins, 1, m->key);
    td_kq_text_ref(ins, 2, gk);
    td_kq_text_ref(ins, 3, m->doc);
    td_kq_text_ref(ins, 4, m->nid);
    td_kq_text_ref(ins, 5, m->measure);
    td_kq_text_ref(ins, 6, m->status);
    td_kq_text_ref(ins, 7, m->subject);
    td_kq_text_ref(ins, 8, m->frame);
    td_kq_double(ins, 9, m->value);
    if (m->has_max) td_kq_double(ins, 10, m->vmax);
    td_kq_text_ref(ins, 11, m->qual);
    if (isfinite(m->lo)) td_kq_double(ins, 12, m->lo);
    if (isfinite(m->hi)) td_kq_double(ins, 13, m->hi);
    td_kq_text_ref(ins, 14, m->claimant);
    td_kq_text_ref(ins, 15, m->claimant_text);
    td_kq_text_ref(ins, 16, m->time);
    td_kq_int(ins, 17, m->agrees);
    td_kq_int(ins, 18, m->disagrees);
    if (td_kq_step(ins) != TD_KQ_DONE) goto sqlfail;
  }
  rc = 0;
  goto fail;
sqlfail:
  snprintf(err, errlen, "%s", td_kb_errmsg(kb));
fail:
  if (ins) td_kq_finalize(ins);
  if (rel) td_kq_finalize(rel);
  for (size_t k = 0; k < nc; k++) {
    free(c[k].doc), free(c[k].nid), free(c[k].measure), free(c[k].status), free(c[k].subject);
    free(c[k].frame), free(c[k].qual), free(c[k].claimant), free(c[k].claimant_text), free(c[k].time);
  }
  free(c);
  free(u.p);
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
      merge_stories(kb, d, n, &F, err, errlen) != 0 ||
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
