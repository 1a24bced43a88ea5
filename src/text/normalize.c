/*
 * normalize.c — the first stage of every document: from a td_input (plain
 * text or HTML, with or without given metadata) to the normalized text and
 * the `doc` metadata of tidings/1.
 *
 * Precedence of metadata: what the input gives (JSON Lines fields) wins over
 * what is detected (dateline, HTML <meta>), which wins over --date, which
 * wins over a WARC crawl date. doc.date_from says which one was used.
 */
#include "../ingest/ingest.h"
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Keeps the YYYY-MM-DD prefix of an ISO date, or returns NULL when s does
 * not start with one. */
static const char *iso_day(td_arena *a, const char *s) {
  if (!s) return NULL;
  if (strlen(s) < 10) {
    if (strlen(s) >= 4 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]))
      return td_arena_strdup(a, s); /* a year or year-month: keep as given */
    return NULL;
  }
  for (int i = 0; i < 10; i++) {
    int want_dash = i == 4 || i == 7;
    if (want_dash ? s[i] != '-' : !isdigit((unsigned char)s[i])) return NULL;
  }
  return td_arena_strndup(a, s, 10);
}

static const char *pick(td_arena *a, const char *given, const char *detected) {
  if (given && *given) return td_arena_strdup(a, given);
  return detected && *detected ? td_arena_strdup(a, detected) : NULL;
}

/* A dateline's month and day (--MM-DD) in the year that puts it nearest
 * the reference date ref (YYYY-MM-DD: the option's), else in year (the
 * latest year of a full date in the text); NULL when neither is known. */
static const char *dateline_day(td_arena *a, const char *md, const char *ref, int year) {
  int m = atoi(md + 2), d = atoi(md + 5);
  const char *r = iso_day(a, ref);
  if (r && strlen(r) == 10) {
    int ry = atoi(r);
    long rday = td_days_from_civil(ry, atoi(r + 5), atoi(r + 8));
    int best = 0;
    long bestd = 0;
    for (int y = ry - 1; y <= ry + 1; y++) {
      if (!td_valid_day(y, m, d)) continue; /* Feb. 29 only in a leap year */
      long dd = labs(td_days_from_civil(y, m, d) - rday);
      if (!best || dd < bestd) best = y, bestd = dd;
    }
    year = best;
  }
  return year > 0 && td_valid_day(year, m, d) ? td_arena_printf(a, "%04d-%02d-%02d", year, m, d) : NULL;
}

static void set_date(td_doc *doc, const td_engine *eng, const td_input *in,
                     const char *detected, const char *detected_from, int text_year) {
  td_arena *a = &doc->arena;
  if (detected && detected[0] == '-') /* a dateline without its year */
    detected = dateline_day(a, detected, eng->default_date, text_year);
  if ((doc->date = iso_day(a, in->date))) doc->date_from = "input";
  else if ((doc->date = iso_day(a, detected))) doc->date_from = detected_from;
  else if ((doc->date = iso_day(a, eng->default_date))) doc->date_from = "option";
  else if ((doc->date = iso_day(a, in->fallback_date))) doc->date_from = "warc";
  else doc->date_from = "none";
}

/* Cleans a metadata string: one line, spaces collapsed, trimmed. */
static const char *clean_line(td_arena *a, const char *s) {
  if (!s) return NULL;
  td_buf b = TD_BUF_INIT;
  td_repair_text(NULL, s, strlen(s), &b);
  for (size_t i = 0; i < b.len; i++)
    if (b.ptr[i] == '\n') b.ptr[i] = ' ';
  size_t st = 0, en = b.len;
  while (st < en && b.ptr[st] == ' ') st++;
  while (en > st && b.ptr[en - 1] == ' ') en--;
  const char *r = en > st ? td_arena_strndup(a, b.ptr + st, en - st) : NULL;
  td_buf_free(&b);
  return r;
}

static int normalize_html(const td_engine *eng, td_doc *doc, const td_input *in) {
  td_html_doc h = {0};
  if (td_html_extract(in->body, in->body_len, &h) != 0) {
    doc->error = td_arena_printf(&doc->arena, "not an article: %s",
                                 h.error ? h.error : "no text");
    td_html_doc_free(&h);
    return -1;
  }
  td_buf t = TD_BUF_INIT;
  td_repair_text(eng, h.text ? h.text : "", h.text_len, &t);
  doc->text = td_arena_strndup(&doc->arena, t.ptr ? t.ptr : "", t.len);
  doc->len = t.len;
  td_buf_free(&t);
  td_arena *a = &doc->arena;
  doc->title = clean_line(a, pick(a, in->title, h.title));
  doc->source = clean_line(a, pick(a, in->source, h.site_name));
  doc->url = pick(a, in->url, h.url);
  set_date(doc, eng, in, h.date, "html_meta", 0);
  td_html_doc_free(&h);
  return 0;
}

static int normalize_text(const td_engine *eng, td_doc *doc, const td_input *in) {
  td_buf t = TD_BUF_INIT;
  td_repair_text(eng, in->body ? in->body : "", in->body_len, &t);
  td_text_meta m = {0};
  td_text_meta_take(&doc->arena, &t, &m);
  doc->text = td_arena_strndup(&doc->arena, t.ptr ? t.ptr : "", t.len);
  doc->len = t.len;
  td_buf_free(&t);
  td_arena *a = &doc->arena;
  doc->title = clean_line(a, pick(a, in->title, m.title));
  doc->wire_marker = m.wire_marker;
  doc->source = clean_line(a, pick(a, in->source, m.source));
  doc->url = pick(a, in->url, NULL);
  set_date(doc, eng, in, m.date, "dateline", m.text_year);
  return 0;
}

int td_normalize(const td_engine *eng, td_doc *doc, const td_input *in) {
  int rc = in->is_html ? normalize_html(eng, doc, in) : normalize_text(eng, doc, in);
  if (rc != 0) return rc;
  if (doc->len == 0) {
    doc->error = "empty document: no text after normalization";
    return -1;
  }
  doc->lang = td_detect_lang(doc->text, doc->len);
  return 0;
}
