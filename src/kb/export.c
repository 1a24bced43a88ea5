/*
 * export.c — `tidings export` in the library. "jsonl": the canonical form,
 * every table's rows as {"table": ..., column: value} sorted by all their
 * columns (content keys first), so two stores built from the same articles
 * in any order export byte-identically. "csv": one CSV per table. "gdelt":
 * the merged events as GDELT 2.0 Events (61 tab-separated columns) and
 * their mentions as GDELT 2.0 Mentions (16 columns); without an output
 * folder only the events table, to the given stream.
 */
#include "kb/kb.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Exported tables (FTS indexes are derived and left out). */
static const char *const tables[] = {
    "documents", "doc_copies", "sentences", "actors", "actor_mentions", "places",
    "place_mentions", "times", "quotes", "quantities", "events", "m_versions",
    "m_story_docs", "m_stories", "m_events", "m_event_mentions", "m_actors",
    "m_actor_roles", "m_claims", "m_claim_relations"};

static FILE *open_out(const char *dir, const char *name, char *err, size_t errlen) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  if (!f) snprintf(err, errlen, "%s: %s", path, strerror(errno));
  return f;
}

/* Columns a canonical export leaves out: the min-hash (derived),
 * PostgreSQL's documents.seq (the order documents were stored in, which
 * the export must not depend on; SQLite's rowid is not a column), and the
 * packed sentences and mentions (v7: exported as the rows of their views,
 * sentences, actor_mentions and place_mentions). */
static int unexported(const char *name) {
  return strcmp(name, "minhash") == 0 || strcmp(name, "seq") == 0 || strcmp(name, "sentences") == 0 ||
         strcmp(name, "mentions") == 0;
}

/* SELECT * FROM table ORDER BY every exported column. */
static td_kq *select_all(td_kb *kb, const char *table, char *err, size_t errlen) {
  td_buf sql = {0};
  td_kq *st = NULL;
  td_buf_printf(&sql, "SELECT * FROM %s LIMIT 0", table); /* names from the fixed list */
  if (!(st = td_kb_prepare(kb, sql.ptr, err, errlen))) goto fail;
  if (td_kq_step(st) == TD_KQ_ERROR) goto fail; /* PostgreSQL: the columns are known once it ran */
  int nc = td_kq_ncols(st);
  sql.len = 0;
  td_buf_puts(&sql, "SELECT ");
  int first = 1;
  for (int c = 0; c < nc; c++) {
    const char *name = td_kq_name(st, c);
    if (unexported(name)) continue;
    td_buf_printf(&sql, "%s\"%s\"", first ? "" : ", ", name);
    first = 0;
  }
  td_buf_printf(&sql, " FROM %s ORDER BY ", table);
  int k = 0;
  for (int c = 0; c < nc; c++) {
    if (unexported(td_kq_name(st, c))) continue;
    td_buf_printf(&sql, "%s%d", k ? ", " : "", k + 1);
    k++;
  }
  td_kq_finalize(st);
  st = NULL;
  if (!(st = td_kb_prepare(kb, sql.ptr, err, errlen))) goto fail;
  td_buf_free(&sql);
  return st;
fail:
  snprintf(err, errlen, "%s", td_kb_errmsg(kb));
  if (st) td_kq_finalize(st);
  td_buf_free(&sql);
  return NULL;
}

static int export_rows(td_kb *kb, int csv, const char *dir, FILE *out, char *err, size_t errlen) {
  for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
    td_kq *st = select_all(kb, tables[t], err, errlen);
    if (!st) return -1;
    FILE *f = out;
    if (dir) {
      char name[64];
      snprintf(name, sizeof name, "%s.%s", tables[t], csv ? "csv" : "jsonl");
      if (!(f = open_out(dir, name, err, errlen))) {
        td_kq_finalize(st);
        return -1;
      }
    }
    int rc = td_kq_step(st); /* PostgreSQL knows the columns once it ran */
    int nc = td_kq_ncols(st);
    char num[40];
    if (csv) {
      if (!dir) fprintf(f, "## %s\n", tables[t]);
      for (int c = 0; c < nc; c++) {
        if (c) fputc(',', f);
        fputs(td_kq_name(st, c), f);
      }
      fputc('\n', f);
    }
    td_buf o = {0};
    for (; rc == TD_KQ_ROW; rc = td_kq_step(st)) {
      o.len = 0;
      if (csv) {
        for (int c = 0; c < nc; c++) {
          if (c) fputc(',', f);
          td_kb_csv_cell(f, td_kq_show(st, c, num));
        }
        fputc('\n', f);
        continue;
      }
      td_buf_puts(&o, "{\"table\":");
      td_json_cstr(&o, tables[t]);
      for (int c = 0; c < nc; c++) {
        td_buf_putc(&o, ',');
        td_json_cstr(&o, td_kq_name(st, c));
        td_buf_putc(&o, ':');
        int ty = td_kq_type(st, c);
        if (ty == TD_KQ_NULL) td_buf_puts(&o, "null");
        else if (ty == TD_KQ_INT) td_buf_printf(&o, "%lld", td_kq_col_int(st, c));
        else if (ty == TD_KQ_FLOAT) td_buf_printf(&o, "%.17g", td_kq_col_double(st, c));
        else td_json_cstr(&o, (const char *)td_kq_col_text(st, c));
      }
      td_buf_puts(&o, "}\n");
      fwrite(o.ptr, 1, o.len, f);
    }
    td_buf_free(&o);
    td_kq_finalize(st);
    if (rc == TD_KQ_ERROR) {
      snprintf(err, errlen, "%s: %s", tables[t], td_kb_errmsg(kb));
      if (dir) fclose(f);
      return -1;
    }
    if (dir && fclose(f) != 0) {
      snprintf(err, errlen, "%s: write failed", tables[t]);
      return -1;
    }
  }
  return 0;
}

/* GDELT text fields hold no tabs or newlines. */
static void gcell(FILE *f, const char *s) {
  if (s)
    for (; *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

/* Actor1/Actor2 columns 6-15 / 16-25: Code, Name, CountryCode,
 * KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1..3Code. */
static void gactor(FILE *f, const char *code, const char *name, const char *country) {
  gcell(f, code);
  fputc('\t', f);
  gcell(f, code ? name : NULL);
  fputc('\t', f);
  gcell(f, country);
  fputs("\t\t\t\t\t", f);
  /* type codes: the 3-letter groups after the country */
  const char *p = code ? code : "";
  if (country && strlen(country) == 3 && strncmp(p, country, 3) == 0) p += 3;
  for (int i = 0; i < 3; i++) {
    if (strlen(p) >= 3) {
      fprintf(f, "%.3s", p);
      p += 3;
    }
    fputc('\t', f);
  }
}

/* Geo columns (8): Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat,
 * Long, FeatureID. GDELT's country codes here are FIPS 10-4 (td_kb_fips),
 * not the ISO codes tidings stores; a place's ADM1 is not known in FIPS
 * terms, so only a country's ADM1Code (its own code) is written. */
static void ggeo(FILE *f, td_kq *st, int c0) {
  if (td_kq_type(st, c0) == TD_KQ_NULL) {
    fputs("0\t\t\t\t\t\t\t\t", f);
    return;
  }
  const char *feat = (const char *)td_kq_col_text(st, c0 + 3);
  int country = feat && strncmp(feat, "PCL", 3) == 0;
  const char *fips = td_kb_fips((const char *)td_kq_col_text(st, c0 + 1));
  fprintf(f, "%d\t", country ? 1 : 4);
  gcell(f, (const char *)td_kq_col_text(st, c0));
  fputc('\t', f);
  gcell(f, fips);
  fputc('\t', f);
  gcell(f, country ? fips : NULL); /* a country's ADM1Code is its own code */
  fputs("\t\t", f);
  if (td_kq_type(st, c0 + 4) != TD_KQ_NULL)
    fprintf(f, "%.4f\t%.4f\t", td_kq_col_double(st, c0 + 4), td_kq_col_double(st, c0 + 5));
  else fputs("\t\t", f);
  gcell(f, (const char *)td_kq_col_text(st, c0 + 2));
  fputc('\t', f);
}

static int export_gdelt(td_kb *kb, const char *dir, FILE *out, char *err, size_t errlen) {
  static const char ev_sql[] =
      /* ep: the event's place, as one of its mentions located it (the first
       * by article and place id among those whose place has the merged
       * event's place name): one gazetteer entry, not a mix of the
       * places that share the name */
      "WITH ep AS (SELECT mm.event_key, min(mm.doc_key || ' ' || pl.pid) k FROM m_event_mentions mm"
      "  JOIN m_events me ON me.event_key=mm.event_key"
      "  JOIN events ev ON ev.doc_key=mm.doc_key AND ev.eid=mm.eid"
      "  JOIN places pl ON pl.doc_key=ev.doc_key AND pl.pid=ev.place AND pl.name=me.place GROUP BY 1),"
      " fm AS (SELECT mm.event_key, min(mm.doc_key || ' ' || mm.eid) k FROM m_event_mentions mm GROUP BY 1)"
      " SELECT e.gid, replace(coalesce(e.date, e.first_seen, ''), '-', ''), e.source_code,"
      "  coalesce(sa.name, e.source_entity), coalesce(sa.country, substr(e.source_code, 1, 3)),"
      "  e.target_code, coalesce(ta.name, e.target_entity), coalesce(ta.country, substr(e.target_code, 1, 3)),"
      "  e.cameo, e.root, e.quad, e.goldstein, e.num_mentions, e.num_sources, e.num_articles,"
      "  p.name, p.country, p.geonameid, p.feature, p.lat, p.lon,"
      "  replace(coalesce(e.first_seen, e.date, ''), '-', ''),"
      "  (SELECT coalesce(d.url, d.id) FROM documents d WHERE d.doc_key=substr(fm.k, 1, 64))"
      " FROM m_events e LEFT JOIN m_actors sa ON sa.entity=e.source_entity"
      " LEFT JOIN m_actors ta ON ta.entity=e.target_entity LEFT JOIN ep ON ep.event_key=e.event_key"
      " LEFT JOIN places p ON p.doc_key=substr(ep.k, 1, 64) AND p.pid=substr(ep.k, 66)"
      " LEFT JOIN fm ON fm.event_key=e.event_key ORDER BY e.event_key";
  static const char men_sql[] =
      "SELECT e.gid, replace(coalesce(e.date, e.first_seen, ''), '-', ''),"
      " replace(coalesce(substr(d.date, 1, 10), ''), '-', ''), d.source, coalesce(d.url, d.id),"
      " ev.sentence, ev.start, d.nchars, ev.confidence"
      " FROM m_event_mentions mm JOIN m_events e ON e.event_key=mm.event_key"
      " JOIN documents d ON d.doc_key=mm.doc_key JOIN events ev ON ev.doc_key=mm.doc_key AND ev.eid=mm.eid"
      " ORDER BY mm.event_key, mm.doc_key, mm.eid";
  FILE *f = dir ? open_out(dir, "events.csv", err, errlen) : out;
  if (!f) return -1;
  td_kq *st;
  if (!(st = td_kb_prepare(kb, ev_sql, err, errlen))) {
    snprintf(err, errlen, "%s", td_kb_errmsg(kb));
    if (dir) fclose(f);
    return -1;
  }
  while (td_kq_step(st) == TD_KQ_ROW) {
    const char *date = (const char *)td_kq_col_text(st, 1);
    int y = 0, m = 0, d = 0;
    if (date && strlen(date) >= 8) sscanf(date, "%4d%2d%2d", &y, &m, &d);
    fprintf(f, "%lld\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", td_kq_col_int(st, 0), y, m, d, y, m, y,
            y + ((m > 0 ? m - 1 : 0) * 30.4375 + d) / 365.25);
    gactor(f, (const char *)td_kq_col_text(st, 2), (const char *)td_kq_col_text(st, 3),
           (const char *)td_kq_col_text(st, 4));
    gactor(f, (const char *)td_kq_col_text(st, 5), (const char *)td_kq_col_text(st, 6),
           (const char *)td_kq_col_text(st, 7));
    const char *cameo = (const char *)td_kq_col_text(st, 8);
    const char *root = (const char *)td_kq_col_text(st, 9);
    /* IsRootEvent (unknown: 0), EventCode, EventBaseCode, EventRootCode */
    fprintf(f, "0\t%s\t%.3s\t%s\t", cameo ? cameo : "", cameo ? cameo : "", root ? root : "");
    fprintf(f, "%d\t%.1f\t%lld\t%lld\t%lld\t0\t", (int)td_kq_col_int(st, 10), td_kq_col_double(st, 11),
            td_kq_col_int(st, 12), td_kq_col_int(st, 13), td_kq_col_int(st, 14));
    fputs("0\t\t\t\t\t\t\t\t", f); /* Actor1Geo: not located */
    fputs("0\t\t\t\t\t\t\t\t", f); /* Actor2Geo */
    ggeo(f, st, 15);               /* ActionGeo: the event's place */
    const char *added = (const char *)td_kq_col_text(st, 21);
    fprintf(f, "%.8s000000\t", added && strlen(added) >= 8 ? added : "00000000");
    gcell(f, (const char *)td_kq_col_text(st, 22));
    fputc('\n', f);
  }
  td_kq_finalize(st);
  if (!dir) return 0; /* to stdout: the events table alone */
  fclose(f);
  if (!(f = open_out(dir, "mentions.csv", err, errlen))) return -1;
  if (!(st = td_kb_prepare(kb, men_sql, err, errlen))) {
    snprintf(err, errlen, "%s", td_kb_errmsg(kb));
    fclose(f);
    return -1;
  }
  while (td_kq_step(st) == TD_KQ_ROW) {
    const char *ed = (const char *)td_kq_col_text(st, 1);
    const char *md = (const char *)td_kq_col_text(st, 2);
    double conf = td_kq_type(st, 8) == TD_KQ_NULL ? 0.5 : td_kq_col_double(st, 8);
    /* GLOBALEVENTID, EventTimeDate, MentionTimeDate, MentionType (1 web),
     * MentionSourceName, MentionIdentifier, SentenceID (1-based),
     * Actor1CharOffset, Actor2CharOffset, ActionCharOffset, InRawText,
     * Confidence, MentionDocLen, MentionDocTone, TranslationInfo, Extras */
    fprintf(f, "%lld\t%.8s000000\t%.8s000000\t1\t", td_kq_col_int(st, 0),
            ed && strlen(ed) >= 8 ? ed : "00000000", md && strlen(md) >= 8 ? md : "00000000");
    gcell(f, (const char *)td_kq_col_text(st, 3));
    fputc('\t', f);
    gcell(f, (const char *)td_kq_col_text(st, 4));
    fprintf(f, "\t%d\t-1\t-1\t%lld\t1\t%d\t%lld\t0\t\t\n", (int)td_kq_col_int(st, 5) + 1,
            td_kq_col_int(st, 6), (int)(conf * 100 + 0.5), td_kq_col_int(st, 7));
  }
  td_kq_finalize(st);
  fclose(f);
  return 0;
}

int td_kb_export(td_kb *kb, const char *format, const char *outdir, FILE *out, char *err,
                 size_t errlen) {
  if (outdir && mkdir(outdir, 0777) != 0 && errno != EEXIST) {
    snprintf(err, errlen, "%s: %s", outdir, strerror(errno));
    return -1;
  }
  if (strcmp(format, "jsonl") == 0) return export_rows(kb, 0, outdir, out, err, errlen);
  if (strcmp(format, "csv") == 0) return export_rows(kb, 1, outdir, out, err, errlen);
  if (strcmp(format, "gdelt") == 0) return export_gdelt(kb, outdir, out, err, errlen);
  snprintf(err, errlen, "unknown export format '%s' (gdelt, jsonl, csv)", format);
  return -1;
}
