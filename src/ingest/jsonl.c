/*
 * jsonl.c — the JSON Lines reader: turns one line of a .jsonl file into a
 * td_input. The source layer (which splits the file into lines and skips
 * blank ones) calls td_jsonl_parse_line() once per line.
 *
 * A line is one JSON object with the fields
 *   id      string or number (optional; default "FILE:LINE")
 *   text    the article as plain text, or
 *   html    the article as an HTML page (is_html = 1); text wins if both
 *   title, date, source, url   optional strings, given metadata; the
 *           date ISO or another common form, or a Unix time (date_field)
 * Unknown fields are ignored; a metadata field that is not a string is
 * ignored too (a date may be a number). Parsing is done by jansson, which is iterative for strings
 * and bounded in nesting depth, so a 50 MB line or a deeply nested one is
 * fine.
 *
 * Bytes that are not valid UTF-8 are repaired before parsing rather than
 * rejecting the whole article: scraped text in Latin-1 or Windows-1252 is
 * read as such, a cut multibyte sequence becomes U+FFFD
 * (td_utf8_decode_lax); "\u0000" escapes are accepted (the body keeps its length).
 */
#include "ingest.h"

#include <ctype.h>
#include <jansson.h>
#include <string.h>

/* ---- private ---- */

/* Returns 1 when s[0..n) is valid UTF-8 (as td_utf8_decode sees it). */
static int utf8_valid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    int k = td_utf8_decode(p + i, n - i, &cp);
    if (k == 0) return 0;
    i += (size_t)k;
  }
  return 1;
}

/* Copies s[0..n) into b with each byte that is not UTF-8 read by
 * td_utf8_decode_lax. */
static void utf8_repair(td_buf *b, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  td_buf_reserve(b, n + 16);
  while (i < n) {
    size_t j = i;
    while (j < n && p[j] < 0x80) j++;
    if (j > i) td_buf_put(b, p + i, j - i);
    i = j;
    if (i >= n) break;
    uint32_t cp;
    int k = td_utf8_decode(p + i, n - i, &cp);
    if (k == 0) {
      i += (size_t)td_utf8_decode_lax(p + i, n - i, &cp);
      td_utf8_put(b, cp);
    } else {
      td_buf_put(b, p + i, (size_t)k);
      i += (size_t)k;
    }
  }
}

/* A malloc'd copy of a string field of obj, or NULL when absent, null,
 * empty or not a string. */
static char *str_field(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  if (!json_is_string(v) || json_string_length(v) == 0) return NULL;
  return td_xstrndup(json_string_value(v), json_string_length(v));
}

/* The date field: an ISO date (or a year, a year-month) as given; another
 * form a feed writes ("Fri, 01 Nov 2024 10:00:00 GMT", "November 1,
 * 2024", 2024/11/01, a Unix time as a string or a number) as YYYY-MM-DD
 * (td_date_parse); NULL when there is none or it is no date. */
static char *date_field(json_t *obj) {
  json_t *v = json_object_get(obj, "date");
  char num[32], day[11];
  const char *s;
  if (json_is_integer(v)) {
    snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
    s = num;
  } else if (json_is_string(v) && json_string_length(v) > 0) {
    s = json_string_value(v);
    size_t n = strlen(s);
    int year = n >= 4 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]);
    if (year && (n < 10 || (s[4] == '-' && s[7] == '-')))
      return td_xstrdup(s); /* ISO: normalize keeps what it can read */
  } else {
    return NULL;
  }
  return td_date_parse(s, day) ? td_xstrdup(day) : NULL;
}

/* The document id: a string or a number, else "FILE:LINE". */
static char *make_id(json_t *obj, const char *file, size_t lineno) {
  json_t *v = obj ? json_object_get(obj, "id") : NULL;
  td_buf b = TD_BUF_INIT;
  if (json_is_string(v) && json_string_length(v) > 0)
    return td_xstrndup(json_string_value(v), json_string_length(v));
  if (json_is_integer(v))
    td_buf_printf(&b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
  else if (json_is_real(v))
    td_buf_printf(&b, "%.17g", json_real_value(v));
  else
    td_buf_printf(&b, "%s:%zu", file ? file : "-", lineno);
  return td_buf_detach(&b, NULL);
}

static int fail(td_input *out, json_t *obj, const char *file, size_t lineno,
                const char *msg) {
  if (!out->id) out->id = make_id(obj, file, lineno);
  out->error = td_xstrdup(msg);
  return -1;
}

/* ---- API ---- */

/* Parses one JSON Lines line into *out (zeroed by the caller). Returns 0,
 * or -1 with out->error and out->id set; either way the caller frees *out's
 * fields (td_input_free). `line` need not be NUL-terminated. */
int td_jsonl_parse_line(const char *line, size_t len, const char *file,
                        size_t lineno, td_input *out) {
  td_buf fixed = TD_BUF_INIT;
  if (!utf8_valid(line, len)) {
    utf8_repair(&fixed, line, len);
    line = fixed.ptr;
    len = fixed.len;
  }
  json_error_t jerr;
  json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
  td_buf_free(&fixed);
  if (!obj) {
    char msg[256 + sizeof jerr.text];
    snprintf(msg, sizeof msg, "invalid JSON at column %d: %s", jerr.column,
             jerr.text);
    return fail(out, NULL, file, lineno, msg);
  }
  if (!json_is_object(obj)) {
    int rc = fail(out, NULL, file, lineno,
                  "not a JSON object (each line must be {\"text\": ...})");
    json_decref(obj);
    return rc;
  }

  json_t *text = json_object_get(obj, "text");
  json_t *html = json_object_get(obj, "html");
  json_t *body = json_is_string(text) ? text : json_is_string(html) ? html : NULL;
  if (!body) {
    const char *msg = "no \"text\" or \"html\" field";
    if (text && !json_is_null(text)) msg = "\"text\" field is not a string";
    else if (html && !json_is_null(html)) msg = "\"html\" field is not a string";
    int rc = fail(out, obj, file, lineno, msg);
    json_decref(obj);
    return rc;
  }

  out->id = make_id(obj, file, lineno);
  out->body_len = json_string_length(body);
  out->body = td_xmalloc(out->body_len + 1);
  memcpy(out->body, json_string_value(body), out->body_len);
  out->body[out->body_len] = '\0';
  out->is_html = body == html;
  out->title = str_field(obj, "title");
  out->date = date_field(obj);
  out->source = str_field(obj, "source");
  out->url = str_field(obj, "url");
  json_decref(obj);
  return 0;
}
