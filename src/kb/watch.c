/*
 * watch.c — alert rules of `tidings watch`: a small rules file is parsed
 * into rules, and after each ingest round the facts of the documents
 * stored since a watermark are matched against them and written as alerts
 * (a line of text, or one JSON object a line). The watermark is the order
 * documents were stored in: SQLite's documents.rowid, PostgreSQL's
 * documents.seq (a BIGSERIAL, schema v6). With several writers on one
 * PostgreSQL store, a document whose transaction commits after a later
 * one's has been alerted on is not seen (its number is below the mark);
 * `watch` itself stores one batch at a time.
 *
 * Rules file: one rule a line, '#' starts a comment, words separated by
 * spaces, a value with spaces in double quotes:
 *   event [source=CODE] [target=CODE] [root=NN] [cameo=CODE]
 *         an event mention whose codes start with these (all given must match)
 *   quote [speaker="NAME"]   a quotation whose speaker's name contains NAME
 *   claim disagrees          a new claim that disagrees with another claimant's
 *   claim agrees             ... that agrees
 * Parameters are bound, never pasted into SQL.
 */
#include "kb/kb.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { R_EVENT, R_QUOTE, R_CLAIM };

typedef struct {
  int kind;
  char *line;                       /* the rule as written (trimmed) */
  char *source, *target, *root, *cameo, *speaker, *relation;
} rule;

struct td_kb_rules {
  rule *r;
  size_t n, cap;
};

void td_kb_rules_free(td_kb_rules *rs) {
  if (!rs) return;
  for (size_t i = 0; i < rs->n; i++) {
    rule *r = &rs->r[i];
    free(r->line), free(r->source), free(r->target), free(r->root), free(r->cameo);
    free(r->speaker), free(r->relation);
  }
  free(rs->r);
  free(rs);
}

/* Next word of *p (a "quoted" value keeps its spaces) into a malloc'd
 * string, or NULL at the end of the line. */
static char *word(const char **p) {
  const char *s = *p;
  while (*s == ' ' || *s == '\t') s++;
  if (!*s) return NULL;
  td_buf b = {0};
  int q = 0;
  for (; *s && (q || (*s != ' ' && *s != '\t')); s++) {
    if (*s == '"') q = !q;
    else td_buf_putc(&b, *s);
  }
  *p = s;
  td_buf_putc(&b, 0);
  return td_buf_detach(&b, NULL);
}

td_kb_rules *td_kb_rules_parse(const char *text, char *err, size_t errlen) {
  td_kb_rules *rs = td_xcalloc(1, sizeof *rs);
  int lineno = 0;
  for (const char *l = text; *l;) {
    const char *e = strchr(l, '\n');
    size_t len = e ? (size_t)(e - l) : strlen(l);
    char *line = td_xmalloc(len + 1);
    memcpy(line, l, len);
    line[len] = 0;
    l += len + (e != NULL);
    lineno++;
    char *hash = strchr(line, '#');
    if (hash) *hash = 0;
    size_t n = strlen(line);
    while (n && isspace((unsigned char)line[n - 1])) line[--n] = 0;
    const char *p = line;
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) {
      free(line);
      continue;
    }
    TD_GROW(rs->r, rs->cap, rs->n + 1);
    rule *r = &rs->r[rs->n++];
    memset(r, 0, sizeof *r);
    r->line = td_xstrdup(p);
    char *kind = word(&p);
    int bad = 0;
    if (strcmp(kind, "event") == 0) r->kind = R_EVENT;
    else if (strcmp(kind, "quote") == 0) r->kind = R_QUOTE;
    else if (strcmp(kind, "claim") == 0) r->kind = R_CLAIM;
    else bad = 1;
    free(kind);
    char *w;
    while (!bad && (w = word(&p))) {
      char *eq = strchr(w, '=');
      char **slot = NULL;
      if (r->kind == R_CLAIM && !eq && (strcmp(w, "disagrees") == 0 || strcmp(w, "agrees") == 0)) {
        free(r->relation);
        r->relation = td_xstrdup(w[0] == 'd' ? "disagree" : "agree");
        free(w);
        continue;
      }
      if (eq) {
        *eq = 0;
        if (r->kind == R_EVENT && strcmp(w, "source") == 0) slot = &r->source;
        else if (r->kind == R_EVENT && strcmp(w, "target") == 0) slot = &r->target;
        else if (r->kind == R_EVENT && strcmp(w, "root") == 0) slot = &r->root;
        else if (r->kind == R_EVENT && strcmp(w, "cameo") == 0) slot = &r->cameo;
        else if (r->kind == R_QUOTE && strcmp(w, "speaker") == 0) slot = &r->speaker;
      }
      if (!slot) bad = 1;
      else {
        free(*slot);
        *slot = td_xstrdup(eq + 1);
      }
      free(w);
    }
    if (!bad && r->kind == R_CLAIM && !r->relation) bad = 1;
    if (bad) {
      snprintf(err, errlen, "rules line %d: cannot read '%s' (event source=CODE target=CODE root=NN,"
                            " quote speaker=\"NAME\", claim disagrees|agrees)", lineno, r->line);
      free(line);
      td_kb_rules_free(rs);
      return NULL;
    }
    free(line);
  }
  if (rs->n == 0) {
    snprintf(err, errlen, "the rules file has no rules");
    td_kb_rules_free(rs);
    return NULL;
  }
  return rs;
}

long td_kb_watermark(td_kb *kb) {
  char err[256];
  long v = 0;
  td_kq *st = td_kb_prepare(kb, kb->db ? "SELECT coalesce(max(rowid), 0) FROM documents"
                                       : "SELECT coalesce(max(seq), 0) FROM documents",
                            err, sizeof err);
  if (!st) return 0;
  if (td_kq_step(st) == TD_KQ_ROW) v = (long)td_kq_col_int(st, 0);
  td_kq_finalize(st);
  return v;
}

static const char *col(td_kq *st, int i) {
  const char *s = (const char *)td_kq_col_text(st, i);
  return s ? s : "";
}

/* Writes one alert: the rule, the kind, then name/value pairs (NULL-ended). */
static void alert(FILE *out, int jsonl, const rule *r, const char *kind, ...) {
  va_list ap;
  if (jsonl) {
    td_buf b = {0};
    td_buf_puts(&b, "{\"rule\":");
    td_json_cstr(&b, r->line);
    td_buf_puts(&b, ",\"kind\":");
    td_json_cstr(&b, kind);
    va_start(ap, kind);
    for (const char *k; (k = va_arg(ap, const char *));) {
      const char *v = va_arg(ap, const char *);
      td_buf_putc(&b, ',');
      td_json_cstr(&b, k);
      td_buf_putc(&b, ':');
      if (strcmp(k, "sentence") == 0 && v && *v && strspn(v, "0123456789") == strlen(v))
        td_buf_puts(&b, v); /* a number, as in tidings/1 */
      else
        td_json_cstr(&b, v && *v ? v : NULL);
    }
    va_end(ap);
    td_buf_putc(&b, '}');
    fwrite(b.ptr, 1, b.len, out);
    fputc('\n', out);
    td_buf_free(&b);
  } else {
    fprintf(out, "alert [%s] %s:", r->line, kind);
    va_start(ap, kind);
    for (const char *k; (k = va_arg(ap, const char *));) {
      const char *v = va_arg(ap, const char *);
      if (v && *v) fprintf(out, " %s=%s", k, v);
    }
    va_end(ap);
    fputc('\n', out);
  }
}

/* "" for an absent filter, so that "? = ''" turns it off. */
static void bind_opt(td_kq *st, int i, const char *s) { td_kb_bind_str(st, i, s ? s : ""); }

/* The alert statements, over the column that orders stored documents
 * (SEQ: rowid on SQLite, seq on PostgreSQL). Code prefixes are compared
 * with substr, which both dialects have (GLOB is SQLite's). */
#define EVENT_SQL(SEQ)                                                                   \
  "SELECT d.id, ev.sentence, ev.cameo, ev.source_code, ev.target_code,"                  \
  " coalesce(ev.date, substr(d.date, 1, 10)), ev.verb, ev.eid FROM documents d"          \
  " JOIN events ev ON ev.doc_key=d.doc_key WHERE d." SEQ " > ?1"                         \
  " AND (?2 = '' OR substr(ev.source_code, 1, length(?2)) = ?2)"                         \
  " AND (?3 = '' OR substr(ev.target_code, 1, length(?3)) = ?3)"                         \
  " AND (?4 = '' OR ev.root = ?4) AND (?5 = '' OR substr(ev.cameo, 1, length(?5)) = ?5)" \
  " ORDER BY d." SEQ ", ev.start, ev.eid"
#define QUOTE_SQL(SEQ)                                                                   \
  "SELECT d.id, q.sentence, coalesce(a.name, q.speaker_text), q.text, q.qid"             \
  " FROM documents d JOIN quotes q ON q.doc_key=d.doc_key"                               \
  " LEFT JOIN actors a ON a.doc_key=q.doc_key AND a.aid=q.speaker WHERE d." SEQ " > ?1"  \
  " AND (?2 = '' OR a.name LIKE '%' || ?2 || '%' OR q.speaker_text LIKE '%' || ?2 || '%'" \
  " OR a.entity = ?2) ORDER BY d." SEQ ", q.start"
/* a claim of a new article related to any other (new or old) */
#define CLAIM_SQL(SEQ)                                                                   \
  "SELECT d.id, q.sentence, q.text, coalesce(c.claimant_text, c.claimant), c.measure,"   \
  " d2.id, q2.text, coalesce(c2.claimant_text, c2.claimant), c.nid FROM documents d"     \
  " JOIN m_claims c ON c.doc_key=d.doc_key"                                              \
  " JOIN quantities q ON q.doc_key=c.doc_key AND q.nid=c.nid"                            \
  " JOIN m_claim_relations rel ON (rel.a=c.claim_key OR rel.b=c.claim_key)"              \
  " AND rel.relation=?2"                                                                 \
  " JOIN m_claims c2 ON c2.claim_key = CASE WHEN rel.a=c.claim_key THEN rel.b ELSE rel.a END" \
  " JOIN quantities q2 ON q2.doc_key=c2.doc_key AND q2.nid=c2.nid"                       \
  " JOIN documents d2 ON d2.doc_key=c2.doc_key WHERE d." SEQ " > ?1"                     \
  " ORDER BY d." SEQ ", q.start, d2.id, q2.start"

long td_kb_alerts(td_kb *kb, const td_kb_rules *rs, long since, int jsonl, FILE *out, char *err,
                  size_t errlen) {
  long n = 0;
  int pg = kb->db == NULL;
  for (size_t i = 0; i < rs->n; i++) {
    const rule *r = &rs->r[i];
    td_kq *st;
    if (r->kind == R_EVENT) {
      st = td_kb_stmt(kb, pg ? EVENT_SQL("seq") : EVENT_SQL("rowid"), err, errlen);
      if (!st) return -1;
      td_kq_int(st, 1, since);
      bind_opt(st, 2, r->source), bind_opt(st, 3, r->target), bind_opt(st, 4, r->root);
      bind_opt(st, 5, r->cameo);
      while (td_kq_step(st) == TD_KQ_ROW) {
        alert(out, jsonl, r, "event", "article", col(st, 0), "sentence", col(st, 1), "cameo", col(st, 2),
              "source", col(st, 3), "target", col(st, 4), "date", col(st, 5), "verb", col(st, 6),
              "id", col(st, 7), (const char *)NULL);
        n++;
      }
    } else if (r->kind == R_QUOTE) {
      st = td_kb_stmt(kb, pg ? QUOTE_SQL("seq") : QUOTE_SQL("rowid"), err, errlen);
      if (!st) return -1;
      td_kq_int(st, 1, since);
      bind_opt(st, 2, r->speaker);
      while (td_kq_step(st) == TD_KQ_ROW) {
        alert(out, jsonl, r, "quote", "article", col(st, 0), "sentence", col(st, 1), "speaker", col(st, 2),
              "text", col(st, 3), "id", col(st, 4), (const char *)NULL);
        n++;
      }
    } else {
      st = td_kb_stmt(kb, pg ? CLAIM_SQL("seq") : CLAIM_SQL("rowid"), err, errlen);
      if (!st) return -1;
      td_kq_int(st, 1, since);
      td_kb_bind_str(st, 2, r->relation);
      while (td_kq_step(st) == TD_KQ_ROW) {
        alert(out, jsonl, r, r->relation[0] == 'd' ? "claim disagrees" : "claim agrees", "article",
              col(st, 0), "sentence", col(st, 1), "value", col(st, 2), "claimant", col(st, 3),
              "measure", col(st, 4), "other_article", col(st, 5), "other_value", col(st, 6),
              "other_claimant", col(st, 7), "id", col(st, 8), (const char *)NULL);
        n++;
      }
    }
    td_kq_reset(st);
  }
  fflush(out);
  return n;
}
