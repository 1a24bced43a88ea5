/*
 * api_sql.h — the SQL of the JSON API (included by api.c only): one row
 * per list endpoint, the article query and its annotation layers. Tables
 * and columns are those of docs/SCHEMA.md (facts per document: documents,
 * sentences, actors, places, times, quotes, quantities, events and their
 * mention tables; merged: m_events, m_event_mentions, m_actors,
 * m_actor_roles, m_claims, m_claim_relations, m_stories, m_story_docs).
 * Every condition takes exactly one bound parameter.
 */
#ifndef TD_API_SQL_H
#define TD_API_SQL_H

#include "kb/display_sql.h"

/* Fails to prepare when the file is not a tidings store. */
/* A store before schema v4 has no m_event_display (events' precomputed
 * day and first mention): an empty stand-in makes the events endpoint
 * compute them per row. */
#define TD_API_DISPLAY_PROBE_SQL "SELECT event_key FROM main.m_event_display LIMIT 0"
#define TD_API_DISPLAY_STANDIN_SQL                                                                \
  "CREATE TEMP VIEW m_event_display AS SELECT NULL AS event_key, NULL AS day, NULL AS mention"   \
  " WHERE 0"

#define TD_API_PROBE_SQL "SELECT doc_key FROM documents LIMIT 0"

/* Dates compare as text; "until 2025-03" includes every day of March. */
#define UNTIL(col) col " <= ? || '~'"

static const td_api_endpoint td_api_endpoints[] = {
    {"events",
     "e.event_key AS id, e.root, e.cameo, e.quad, e.goldstein, e.source_entity, e.source_code,"
     " sa.name AS source_name, e.target_entity, e.target_code, ta.name AS target_name, e.date,"
     " CASE WHEN v.event_key IS NOT NULL THEN v.day ELSE"
     " " TD_EVENT_DAY_SQL " END AS day,"
     " e.first_seen, e.last_seen, e.num_mentions, e.num_sources, e.num_articles, e.place,"
     " e.story_key,"
     " CASE WHEN v.event_key IS NOT NULL THEN v.mention ELSE"
     TD_EVENT_MENTION_SQL " END AS mention_json",
     "m_events e LEFT JOIN m_actors sa ON sa.entity = e.source_entity"
     " LEFT JOIN m_actors ta ON ta.entity = e.target_entity"
     " LEFT JOIN m_event_display v ON v.event_key = e.event_key",
     "e.date, e.event_key",
     {{"actor", "EXISTS (SELECT 1 FROM (SELECT ? AS v) WHERE upper(v) IN (e.source_code,"
                " e.target_code) OR v IN (e.source_entity, e.target_entity))", F_EQ},
      {"source", "e.source_code = ?", F_UPPER},
      {"target", "e.target_code = ?", F_UPPER},
      {"root", "e.root = printf('%02d', ?)", F_NUM},
      {"quad", "e.quad = ?", F_NUM},
      {"since", "e.date >= ?", F_DATE},
      {"until", UNTIL("e.date"), F_DATE},
      {"place", "e.place LIKE ?", F_LIKE},
      {"story", "e.story_key = ?", F_EQ},
      {"modality", "EXISTS (SELECT 1 FROM m_event_mentions m JOIN events x ON x.doc_key ="
                   " m.doc_key AND x.eid = m.eid WHERE m.event_key = e.event_key AND"
                   " x.modality = ?)", F_EQ}},
     "m_events e", "e.event_key"},
    {"quotes",
     "q.doc_key, q.qid AS id, q.text, q.start, q.end, q.sentence, q.speaker, q.speaker_text,"
     " a.entity AS speaker_entity, coalesce(ma.name, a.name) AS speaker_name, q.cue,"
     " q.confidence, d.title, d.source, d.date",
     "quotes q JOIN documents d ON d.doc_key = q.doc_key"
     " LEFT JOIN actors a ON a.doc_key = q.doc_key AND a.aid = q.speaker"
     " LEFT JOIN m_actors ma ON ma.entity = a.entity",
     "d.date, q.doc_key, q.start",
     {{"speaker", "coalesce(ma.name, a.name, '') || ' | ' || coalesce(q.speaker_text, '') LIKE ?",
       F_LIKE},
      {"actor", "EXISTS (SELECT 1 FROM (SELECT ? AS v) WHERE v = a.entity OR upper(v) = a.code)",
       F_EQ},
      {"article", "q.doc_key = ?", F_EQ},
      {"since", "d.date >= ?", F_DATE},
      {"until", UNTIL("d.date"), F_DATE},
      {"text", "(q.doc_key, q.qid) IN (SELECT doc_key, qid FROM quotes_fts WHERE quotes_fts"
               " MATCH ?)", F_FTS}}, NULL, NULL},
    {"claims",
     "c.claim_key AS id, c.group_key, c.doc_key, c.nid, c.measure, c.status, c.subject, c.frame,"
     " c.value, c.value_max, c.qualifier, c.lo, c.hi, c.claimant, c.claimant_text, c.time,"
     " c.agrees, c.disagrees, n.text, n.unit, n.sentence, n.start, n.end, d.title, d.source,"
     " d.date,"
     " (SELECT json_group_array(json_object('other', r.b, 'relation', r.relation))"
     "  FROM m_claim_relations r WHERE r.a = c.claim_key) AS relations_json",
     "m_claims c JOIN documents d ON d.doc_key = c.doc_key"
     " LEFT JOIN quantities n ON n.doc_key = c.doc_key AND n.nid = c.nid",
     "c.group_key, c.value, c.claim_key",
     {{"measure", "c.measure LIKE ?", F_LIKE},
      {"actor", "EXISTS (SELECT 1 FROM (SELECT ? AS v) WHERE v IN (c.claimant, c.subject))", F_EQ},
      {"speaker", "coalesce(c.claimant_text, '') LIKE ?", F_LIKE},
      {"article", "c.doc_key = ?", F_EQ},
      {"since", "d.date >= ?", F_DATE},
      {"until", UNTIL("d.date"), F_DATE}}, NULL, NULL},
    {"actors",
     "ma.entity AS id, ma.name, ma.kind, ma.code, ma.country, ma.num_articles, ma.num_mentions,"
     " ma.first_seen, ma.last_seen, ma.names,"
     " (SELECT json_group_array(json_object('role', r.role, 'num_articles', r.num_articles,"
     "   'first_seen', r.first_seen, 'last_seen', r.last_seen))"
     "  FROM m_actor_roles r WHERE r.entity = ma.entity) AS roles_json",
     "m_actors ma",
     "ma.num_articles DESC, ma.entity",
     {{"actor", "EXISTS (SELECT 1 FROM (SELECT ? AS v) WHERE v = ma.entity OR upper(v) = ma.code"
                " OR v = ma.name)", F_EQ},
      {"kind", "ma.kind = ?", F_EQ},
      {"text", "coalesce(ma.names, ma.name) LIKE ?", F_LIKE},
      {"since", "ma.last_seen >= ?", F_DATE},
      {"until", UNTIL("ma.first_seen"), F_DATE}}, NULL, NULL},
    {"stories",
     "s.story_key AS id, s.title, s.num_articles, s.first_date, s.last_date, s.top_actors,"
     " s.top_places,"
     " (SELECT json_group_array(json_object('id', d.doc_key, 'title', d.title, 'source',"
     "   d.source, 'date', d.date)) FROM m_story_docs sd JOIN documents d ON d.doc_key ="
     "   sd.doc_key WHERE sd.story_key = s.story_key) AS articles_json",
     "m_stories s",
     "s.num_articles DESC, s.story_key",
     {{"story", "s.story_key = ?", F_EQ},
      {"actor", "s.top_actors LIKE ?", F_LIKE},
      {"place", "s.top_places LIKE ?", F_LIKE},
      {"since", "s.last_date >= ?", F_DATE},
      {"until", UNTIL("s.first_date"), F_DATE}}, NULL, NULL},
    {"places",
     "p.name, p.geonameid, p.country, p.feature, p.lat, p.lon, p.num_articles, p.num_mentions",
     "(SELECT min(name) AS name, geonameid, min(country) AS country, min(feature) AS feature,"
     "  avg(lat) AS lat, avg(lon) AS lon, count(DISTINCT doc_key) AS num_articles,"
     "  (SELECT count(*) FROM place_mentions pm JOIN places p2 ON p2.doc_key = pm.doc_key AND"
     "   p2.pid = pm.pid WHERE coalesce(p2.geonameid, p2.name) = coalesce(pl.geonameid,"
     "   pl.name)) AS num_mentions"
     " FROM places pl WHERE lat IS NOT NULL GROUP BY coalesce(geonameid, name)) p",
     "p.num_articles DESC, p.name",
     {{"place", "p.name LIKE ?", F_LIKE},
      {"text", "p.country = ?", F_UPPER}}, NULL, NULL},
    {"articles",
     "d.doc_key AS id, d.id AS doc_id, d.source, d.url, d.title, d.date, d.lang, d.wire_marker,"
     " d.nchars, (SELECT story_key FROM m_story_docs s WHERE s.doc_key = d.doc_key) AS story_key",
     "documents d",
     "d.date DESC, d.doc_key",
     {{"source", "d.source LIKE ?", F_LIKE},
      {"since", "d.date >= ?", F_DATE},
      {"until", UNTIL("d.date"), F_DATE},
      {"story", "d.doc_key IN (SELECT doc_key FROM m_story_docs WHERE story_key = ?)", F_EQ},
      {"actor", "EXISTS (SELECT 1 FROM actors a WHERE a.doc_key = d.doc_key AND"
                " (SELECT ? AS v) IN (a.entity, a.code))", F_EQ},
      {"place", "EXISTS (SELECT 1 FROM places p WHERE p.doc_key = d.doc_key AND p.name LIKE ?)",
       F_LIKE},
      {"text", "d.doc_key IN (SELECT doc_key FROM documents_fts WHERE documents_fts MATCH ?)",
       F_FTS}}, NULL, NULL},
    {NULL, NULL, NULL, NULL, {{NULL, NULL, 0}}, NULL, NULL}};

static const td_api_endpoint td_api_search = {
    "search",
    "d.doc_key AS id, d.title, d.source, d.date,"
    " snippet(documents_fts, 2, '', '', ' … ', 16) AS snippet",
    "documents_fts f JOIN documents d ON d.doc_key = f.doc_key",
    "bm25(documents_fts), d.doc_key",
    {{"q", "documents_fts MATCH ?", F_FTS},
     {"since", "d.date >= ?", F_DATE},
     {"until", UNTIL("d.date"), F_DATE}}, NULL, NULL};

#define TD_API_ARTICLE_SQL                                                                        \
  "SELECT d.doc_key AS id, d.id AS doc_id, d.source, d.url, d.title, d.date, d.date_from,"        \
  " d.lang, d.wire_marker, d.text,"                                                               \
  " (SELECT story_key FROM m_story_docs s WHERE s.doc_key = d.doc_key) AS story_key"              \
  " FROM documents d WHERE d.doc_key = ?1 OR d.id = ?1 ORDER BY d.doc_key = ?1 DESC LIMIT 1"

/* The annotation layers of one article; each takes the article's doc_key
 * (resolved from the article row) as parameter 1. */
static const struct {
  const char *name, *sql;
} td_api_layers[] = {
    {"sentences", "SELECT idx, start, end FROM sentences WHERE doc_key = ? ORDER BY idx"},
    {"actors",
     "SELECT a.aid AS id, a.entity, a.name, a.kind, a.code, a.role,"
     " (SELECT json_group_array(json_array(m.start, m.end, m.sentence)) FROM actor_mentions m"
     "  WHERE m.doc_key = a.doc_key AND m.aid = a.aid) AS mentions_json"
     " FROM actors a WHERE a.doc_key = ? ORDER BY a.aid"},
    {"places",
     "SELECT p.pid AS id, p.name, p.country, p.feature, p.lat, p.lon,"
     " (SELECT json_group_array(json_array(m.start, m.end, m.sentence)) FROM place_mentions m"
     "  WHERE m.doc_key = p.doc_key AND m.pid = p.pid) AS mentions_json"
     " FROM places p WHERE p.doc_key = ? ORDER BY p.pid"},
    {"times", "SELECT tid AS id, text, type, value, start, end, sentence FROM times"
              " WHERE doc_key = ? ORDER BY start"},
    {"quotes", "SELECT qid AS id, text, start, end, sentence, speaker, speaker_text, cue,"
               " confidence FROM quotes WHERE doc_key = ? ORDER BY start"},
    {"quantities", "SELECT nid AS id, text, value, value_max, qualifier, unit, measure, status,"
                   " claimed_by_text, start, end, sentence FROM quantities WHERE doc_key = ?"
                   " ORDER BY start"},
    {"events",
     "SELECT x.eid AS id, x.cameo, x.root, x.quad, x.goldstein, x.source_code, x.target_code,"
     " x.verb, x.modality, x.polarity, x.start, x.end, x.sentence,"
     " (SELECT event_key FROM m_event_mentions m WHERE m.doc_key = x.doc_key AND m.eid = x.eid)"
     " AS event_key FROM events x WHERE x.doc_key = ? ORDER BY x.start"},
    {NULL, NULL}};

#endif
