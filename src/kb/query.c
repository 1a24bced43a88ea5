/*
 * query.c — `tidings query` in the library: one parameterized SELECT per
 * kind of row (events, quotes, claims, actors, stories, articles) with the
 * filters ANDed on, written as an aligned table, JSON Lines or CSV. Every
 * row that comes from an article names it (article id, sentence index).
 */
#include "kb/kb.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  td_buf sql;
  const char *params[32];
  int np;
} qb;

/* Appends " AND (frag)", binding v to each '?' in frag. */
static void where(qb *q, const char *frag, const char *v) {
  td_buf_puts(&q->sql, " AND (");
  td_buf_puts(&q->sql, frag);
  td_buf_puts(&q->sql, ")");
  for (const char *p = frag; *p; p++)
    if (*p == '?' && q->np < 32) q->params[q->np++] = v;
}

static const char events_sql[] =
    "SELECT e.date, e.root, e.cameo, e.source_code AS source, e.target_code AS target,"
    " e.num_mentions AS mentions, e.num_sources AS sources, e.num_articles AS articles, e.place,"
    " (SELECT d.id FROM m_event_mentions mm JOIN documents d ON d.doc_key=mm.doc_key"
    "   WHERE mm.event_key=e.event_key ORDER BY mm.doc_key, mm.eid LIMIT 1) AS article,"
    " (SELECT ev.sentence FROM m_event_mentions mm JOIN events ev ON ev.doc_key=mm.doc_key"
    "   AND ev.eid=mm.eid WHERE mm.event_key=e.event_key ORDER BY mm.doc_key, mm.eid LIMIT 1) AS sentence,"
    " substr(e.event_key, 1, 12) AS event"
    " FROM m_events e WHERE 1=1";
static const char quotes_sql[] =
    "SELECT substr(d.date, 1, 10) AS date, coalesce(a.name, q.speaker_text) AS speaker, q.text AS quote,"
    " d.id AS article, q.sentence FROM quotes q JOIN documents d ON d.doc_key=q.doc_key"
    " LEFT JOIN actors a ON a.doc_key=q.doc_key AND a.aid=q.speaker WHERE 1=1";
static const char claims_sql[] =
    "SELECT substr(c.group_key, 1, 8) AS claim_group, c.measure, c.status, c.subject, c.frame,"
    " q.text AS value, c.qualifier, coalesce(c.claimant_text, CASE WHEN substr(c.claimant, 1, 7) = 'source:'"
    "  THEN coalesce(d.source, '(the article)') ELSE c.claimant END) AS claimant,"
    " CASE WHEN c.agrees > 0 AND c.disagrees > 0 THEN 'mixed'"
    "  WHEN c.agrees > 0 THEN 'agrees' WHEN c.disagrees > 0 THEN 'disagrees' ELSE '' END AS agreement,"
    " c.agrees, c.disagrees, d.id AS article, q.sentence"
    " FROM m_claims c JOIN quantities q ON q.doc_key=c.doc_key AND q.nid=c.nid"
    " JOIN documents d ON d.doc_key=c.doc_key WHERE 1=1";
static const char actors_sql[] =
    "SELECT m.entity, m.name, m.code, m.kind, m.num_articles AS articles, m.num_mentions AS mentions,"
    " m.first_seen, m.last_seen, (SELECT group_concat(role, '; ') FROM (SELECT role FROM m_actor_roles r"
    "  WHERE r.entity=m.entity ORDER BY r.first_seen, r.role) AS t) AS roles FROM m_actors m WHERE 1=1";
static const char stories_sql[] =
    "SELECT substr(s.story_key, 1, 8) AS story, s.num_articles AS articles, s.first_date, s.last_date,"
    " s.title, s.top_actors, s.top_places FROM m_stories s WHERE 1=1";
static const char articles_sql[] =
    "SELECT substr(d.date, 1, 10) AS date, d.id, d.source, d.title, substr(d.doc_key, 1, 12) AS doc,"
    " CASE WHEN v.group_key <> d.doc_key THEN substr(v.group_key, 1, 12) END AS version_of,"
    " substr(x.story_key, 1, 8) AS story FROM documents d LEFT JOIN m_versions v ON v.doc_key=d.doc_key"
    " LEFT JOIN m_story_docs x ON x.doc_key=d.doc_key WHERE 1=1";

/* PostgreSQL's full-text match of the documents row alias t (the
 * expression of the documents_tsv index; SQLite has documents_fts). */
#define PG_DOC_MATCH(t)                                                                     \
  "to_tsvector('simple', coalesce(" t ".title, '') || ' ' || " t ".text)"                  \
  " @@ websearch_to_tsquery('simple', ?)"

/* SQLite's full-text matches of --text: over the text columns only (the
 * tables index their doc_key too, schema v8, for deleting by it). */
#define DOC_FTS_MATCH "documents_fts MATCH '{title text} : (' || ? || ')'"
#define QUOTE_FTS_MATCH "quotes_fts MATCH 'text : (' || ? || ')'"

/* 1 when s looks like a CAMEO actor code: upper-case letters and digits. */
static int is_code(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) return 0;
  return 1;
}

/* Builds the statement for q into b; -1 with err for an unknown kind.
 * src_tgt: the store has an index of m_events(source_code, target_code). */
static int build(const td_kb_query *q, int pg, int src_tgt, qb *b, char *err, size_t errlen) {
  const char *w = q->what;
  if (strcmp(w, "events") == 0) {
    td_buf_puts(&b->sql, events_sql);
    if (q->actor)
      where(b, "e.source_code >= ? AND e.source_code < ? || '~' OR e.target_code >= ? AND"
               " e.target_code < ? || '~' OR e.source_entity=? OR e.target_entity=?", q->actor);
    /* a CAMEO code (upper case, digits) is a prefix, written as a range the
     * code index can use ('~' sorts after every code character); anything
     * else is an actor entity */
    if (!pg && q->source && q->target && is_code(q->source) && is_code(q->target)) {
      /* SQLite, both codes: the keys of the events with both, from indexes
       * alone. Written as a filter on e, SQLite looks up each row with one
       * of the codes before it tests the other (28,000 table seeks where
       * 765 match, on a million events: 110 ms). With an index of
       * (source_code, target_code), one scan of it (12 ms); without, the
       * keys with the source code and those with the target code (each
       * index holds the key) intersected (65 ms). */
      where(b, src_tgt ? "e.event_key IN (SELECT event_key FROM m_events WHERE source_code >= ? AND"
                         " source_code < ? || '~' AND target_code >= ? AND target_code < ? || '~')"
                       : "e.event_key IN (SELECT event_key FROM m_events WHERE source_code >= ? AND"
                         " source_code < ? || '~' INTERSECT SELECT event_key FROM m_events WHERE"
                         " target_code >= ? AND target_code < ? || '~')", q->source);
      b->params[b->np - 2] = b->params[b->np - 1] = q->target;
    } else {
      if (q->source)
        where(b, is_code(q->source) ? "e.source_code >= ? AND e.source_code < ? || '~'" : "e.source_entity=?",
              q->source);
      if (q->target)
        where(b, is_code(q->target) ? "e.target_code >= ? AND e.target_code < ? || '~'" : "e.target_entity=?",
              q->target);
    }
    if (q->root) /* a root (2 digits) uses the (root, date) index; longer: a code prefix */
      where(b, strlen(q->root) <= 2 ? "e.root=?" : "e.cameo >= ? AND e.cameo < ? || '~'", q->root);
    if (q->since) where(b, "e.date >= ?", q->since);
    if (q->until) where(b, "e.date <= ? || 'Z'", q->until); /* index-friendly: "…-31T…" < "…-31Z" */
    if (q->place) where(b, pg ? "lower(e.place) = lower(?)" : "e.place = ? COLLATE NOCASE", q->place);
    if (q->text)
      where(b, pg ? "e.event_key IN (SELECT mm.event_key FROM m_event_mentions mm JOIN documents f"
                    " ON f.doc_key=mm.doc_key WHERE " PG_DOC_MATCH("f") ")"
                  : "e.event_key IN (SELECT mm.event_key FROM m_event_mentions mm JOIN documents_fts f"
                    " ON f.doc_key=mm.doc_key WHERE " DOC_FTS_MATCH ")", q->text);
    td_buf_puts(&b->sql, " ORDER BY e.date, e.event_key");
  } else if (strcmp(w, "quotes") == 0) {
    td_buf_puts(&b->sql, quotes_sql);
    if (q->speaker)
      where(b, "a.name LIKE '%' || ? || '%' OR q.speaker_text LIKE '%' || ? || '%' OR a.entity=?", q->speaker);
    if (q->actor) where(b, "a.code LIKE ? || '%' OR a.entity=?", q->actor);
    if (q->since) where(b, "d.date >= ?", q->since);
    if (q->until) where(b, "substr(d.date, 1, 10) <= ?", q->until);
    if (q->text)
      where(b, pg ? "to_tsvector('simple', coalesce(q.text, '')) @@ websearch_to_tsquery('simple', ?)"
                  : "q.doc_key || ' ' || q.qid IN (SELECT doc_key || ' ' || qid FROM quotes_fts"
                    " WHERE " QUOTE_FTS_MATCH ")", q->text);
    td_buf_puts(&b->sql, " ORDER BY d.date, d.doc_key, q.start");
  } else if (strcmp(w, "claims") == 0) {
    td_buf_puts(&b->sql, claims_sql);
    if (q->actor) where(b, "c.subject LIKE ? || '%' OR c.claimant=?", q->actor);
    if (q->speaker) where(b, "c.claimant_text LIKE '%' || ? || '%' OR c.claimant LIKE '%' || ? || '%'", q->speaker);
    if (q->text) where(b, "c.measure LIKE '%' || ? || '%' OR q.text LIKE '%' || ? || '%'", q->text);
    if (q->since) where(b, "d.date >= ?", q->since);
    if (q->until) where(b, "substr(d.date, 1, 10) <= ?", q->until);
    td_buf_puts(&b->sql, " ORDER BY (SELECT count(*) FROM m_claims g WHERE g.group_key=c.group_key) DESC,"
                         " c.measure, c.status, c.group_key, c.value, c.claim_key");
  } else if (strcmp(w, "actors") == 0) {
    td_buf_puts(&b->sql, actors_sql);
    if (q->actor) where(b, "m.code LIKE ? || '%' OR m.entity=? OR m.name LIKE '%' || ? || '%'", q->actor);
    if (q->since) where(b, "m.last_seen >= ?", q->since);
    if (q->until) where(b, "m.first_seen <= ?", q->until);
    td_buf_puts(&b->sql, " ORDER BY m.num_articles DESC, m.num_mentions DESC, m.entity");
  } else if (strcmp(w, "stories") == 0) {
    td_buf_puts(&b->sql, stories_sql);
    if (q->actor)
      where(b, "s.story_key IN (SELECT x.story_key FROM m_story_docs x JOIN actors a ON a.doc_key=x.doc_key"
               " WHERE a.code LIKE ? || '%' OR a.entity=?)", q->actor);
    if (q->place)
      where(b, "s.story_key IN (SELECT x.story_key FROM m_story_docs x JOIN places p ON p.doc_key=x.doc_key"
               " WHERE p.name LIKE '%' || ? || '%')", q->place);
    if (q->since) where(b, "s.last_date >= ?", q->since);
    if (q->until) where(b, "s.first_date <= ?", q->until);
    if (q->text)
      where(b, pg ? "s.story_key IN (SELECT x.story_key FROM m_story_docs x JOIN documents f"
                    " ON f.doc_key=x.doc_key WHERE " PG_DOC_MATCH("f") ")"
                  : "s.story_key IN (SELECT x.story_key FROM m_story_docs x JOIN documents_fts f"
                    " ON f.doc_key=x.doc_key WHERE " DOC_FTS_MATCH ")", q->text);
    td_buf_puts(&b->sql, " ORDER BY s.num_articles DESC, s.first_date, s.story_key");
  } else if (strcmp(w, "articles") == 0) {
    td_buf_puts(&b->sql, articles_sql);
    if (q->actor)
      where(b, "d.doc_key IN (SELECT doc_key FROM actors WHERE code LIKE ? || '%' OR entity=?)", q->actor);
    if (q->place) where(b, "d.doc_key IN (SELECT doc_key FROM places WHERE name LIKE '%' || ? || '%')", q->place);
    if (q->since) where(b, "d.date >= ?", q->since);
    if (q->until) where(b, "substr(d.date, 1, 10) <= ?", q->until);
    if (q->text)
      where(b, pg ? PG_DOC_MATCH("d")
                  : "d.doc_key IN (SELECT doc_key FROM documents_fts WHERE " DOC_FTS_MATCH ")", q->text);
    td_buf_puts(&b->sql, " ORDER BY d.date, d.doc_key");
  } else {
    snprintf(err, errlen, "unknown query '%s' (events, quotes, claims, actors, stories, articles)", w);
    return -1;
  }
  if (q->limit > 0) td_buf_printf(&b->sql, " LIMIT %ld", q->limit);
  return 0;
}

/* Writes s as one CSV cell (RFC 4180 quoting; nothing for NULL). */
void td_kb_csv_cell(FILE *out, const char *s) {
  if (!s) return;
  if (!strpbrk(s, ",\"\n\r")) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

/* Display width of UTF-8 s (code points), at most max. */
static size_t ulen(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* Writes s cut to w code points (with "…" when cut) and padded to w. */
static void table_cell(FILE *out, const char *s, size_t w, int last) {
  size_t n = 0;
  const char *p = s;
  size_t len = ulen(s);
  if (len > w) {
    while (*p && n < w - 1) {
      p++;
      while (((unsigned char)*p & 0xC0) == 0x80) p++;
      n++;
    }
    fwrite(s, 1, (size_t)(p - s), out);
    fputs("\u2026", out);
    n++;
  } else {
    for (; *p; p++) fputc(*p == '\n' ? ' ' : *p, out);
    n = len;
  }
  if (!last)
    for (; n < w + 2; n++) fputc(' ', out);
}

/* SQLite: 1 when the store has index name, else 0. */
static int has_index(td_kb *kb, const char *name) {
  if (!kb->db) return 0;
  sqlite3_stmt *st;
  int found = 0;
  if (sqlite3_prepare_v2(kb->db, "SELECT 1 FROM sqlite_master WHERE type='index' AND name=?", -1, &st, NULL) !=
      SQLITE_OK)
    return 0;
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return found;
}

long td_kb_query_run(td_kb *kb, const td_kb_query *q, FILE *out, char *err, size_t errlen) {
  qb b = {0};
  if (!q->what || build(q, kb->pg != NULL, has_index(kb, "m_events_src_tgt"), &b, err, errlen) != 0) {
    if (!q->what) snprintf(err, errlen, "no query kind");
    td_buf_free(&b.sql);
    return -1;
  }
  td_kq *st;
  if (!(st = td_kb_prepare(kb, b.sql.ptr, err, errlen))) {
    td_buf_free(&b.sql);
    return -1;
  }
  td_buf_free(&b.sql);
  for (int i = 0; i < b.np; i++) td_kq_text(st, i + 1, b.params[i]);
  int rc = td_kq_step(st); /* PostgreSQL knows the columns once it ran */
  int nc = td_kq_ncols(st);
  long rows = 0;
  /* the table needs every row first (column widths) */
  char **cells = NULL;
  size_t ncells = 0, cap = 0;
  if (q->format == TD_KB_CSV) {
    for (int c = 0; c < nc; c++) {
      if (c) fputc(',', out);
      td_kb_csv_cell(out, td_kq_name(st, c));
    }
    fputc('\n', out);
  }
  char num[40];
  for (; rc == TD_KQ_ROW; rc = td_kq_step(st)) {
    rows++;
    if (q->format == TD_KB_JSON) {
      td_buf o = {0};
      td_buf_putc(&o, '{');
      for (int c = 0; c < nc; c++) {
        if (c) td_buf_putc(&o, ',');
        td_json_cstr(&o, td_kq_name(st, c));
        td_buf_putc(&o, ':');
        int t = td_kq_type(st, c);
        if (t == TD_KQ_NULL) td_buf_puts(&o, "null");
        else if (t == TD_KQ_INT || t == TD_KQ_FLOAT) td_buf_puts(&o, td_kq_show(st, c, num));
        else td_json_cstr(&o, td_kq_show(st, c, num));
      }
      td_buf_puts(&o, "}\n");
      fwrite(o.ptr, 1, o.len, out);
      td_buf_free(&o);
    } else if (q->format == TD_KB_CSV) {
      for (int c = 0; c < nc; c++) {
        if (c) fputc(',', out);
        td_kb_csv_cell(out, td_kq_show(st, c, num));
      }
      fputc('\n', out);
    } else {
      TD_GROW(cells, cap, ncells + (size_t)nc);
      for (int c = 0; c < nc; c++) {
        const char *t = td_kq_show(st, c, num);
        cells[ncells++] = td_xstrdup(t ? t : "");
      }
    }
  }
  if (rc != TD_KQ_DONE) {
    snprintf(err, errlen, "%s", td_kb_errmsg(kb));
    rows = -1;
  }
  if (q->format == TD_KB_TABLE && rows >= 0) {
    size_t *w = td_xcalloc((size_t)nc, sizeof *w);
    for (int c = 0; c < nc; c++) w[c] = ulen(td_kq_name(st, c));
    for (size_t i = 0; i < ncells; i++) {
      size_t l = ulen(cells[i]), c = i % (size_t)nc;
      if (l > 60) l = 60; /* long text is cut in the table; --json has it whole */
      if (l > w[c]) w[c] = l;
    }
    for (int c = 0; c < nc; c++) table_cell(out, td_kq_name(st, c), w[c], c == nc - 1);
    fputc('\n', out);
    for (size_t i = 0; i < ncells; i++) {
      int c = (int)(i % (size_t)nc);
      table_cell(out, cells[i], w[c], c == nc - 1);
      if (c == nc - 1) fputc('\n', out);
    }
    fprintf(out, "(%ld row%s)\n", rows, rows == 1 ? "" : "s");
    free(w);
  }
  for (size_t i = 0; i < ncells; i++) free(cells[i]);
  free(cells);
  td_kq_finalize(st);
  return rows;
}
