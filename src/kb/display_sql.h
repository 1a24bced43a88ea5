/*
 * display_sql.h — the SQL of a merged event's display fields, which the
 * events endpoint of `tidings serve` computes for events without a stored
 * row. The merge stores the same fields in m_event_display from the values
 * it read (src/kb/merge.c, event_display_ins: the same json_object keys);
 * tests/unit/test_kb_merge.c checks that each stored row equals what this
 * SQL gives, so the two cannot drift apart.
 */
#ifndef TD_KB_DISPLAY_SQL_H
#define TD_KB_DISPLAY_SQL_H

/* The day of merged event e: its date, else first seen, else the date of
 * its first article. */
#define TD_EVENT_DAY_SQL                                                                         \
  "coalesce(e.date, e.first_seen, (SELECT min(d.date) FROM m_event_mentions m JOIN documents d" \
  "  ON d.doc_key = m.doc_key WHERE m.event_key = e.event_key))"

/* The first mention of merged event e as a JSON object. */
#define TD_EVENT_MENTION_SQL                                                                     \
  " (SELECT json_object('doc_key', x.doc_key, 'eid', x.eid, 'verb', x.verb, 'modality'," \
  "   x.modality, 'polarity', x.polarity, 'sentence', x.sentence, 'start', x.start, 'end', x.end," \
  "   'place', p.name, 'lat', p.lat, 'lon', p.lon, 'title', d.title, 'source', d.source)" \
  "  FROM m_event_mentions m JOIN events x ON x.doc_key = m.doc_key AND x.eid = m.eid" \
  "  JOIN documents d ON d.doc_key = m.doc_key" \
  "  LEFT JOIN places p ON p.doc_key = x.doc_key AND p.pid = x.place" \
  "  WHERE m.event_key = e.event_key ORDER BY m.doc_key, m.eid LIMIT 1)"

#endif
