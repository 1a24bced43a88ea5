/*
 * ingest.h — readers that turn containers (plain text, JSON Lines, HTML,
 * WARC) into td_input records. Private to libtidings.
 */
#ifndef TD_INGEST_H
#define TD_INGEST_H

#include "../doc.h"

#include <stdio.h>

/* ---- JSON Lines (jsonl.c) ----
 * Parses one line into *out (zeroed by the caller): fields id, text or html,
 * title, date, source, url. When the line has no id, out->id is "FILE:LINE".
 * On a malformed line returns -1 and sets out->error (and out->id). */
int td_jsonl_parse_line(const char *line, size_t len, const char *file,
                        size_t lineno, td_input *out);

/* ---- WARC (warc.c) ----
 * Reads a .warc or .warc.gz stream record by record. Each HTML `response`
 * record becomes one input (is_html = 1, id = WARC-Record-ID, url =
 * WARC-Target-URI, fallback_date = WARC-Date as YYYY-MM-DD, body = the HTTP
 * payload, de-chunked). Other records are skipped. A truncated or malformed
 * record gives an input with `error` set; reading goes on when it can. */
typedef struct td_warc td_warc;
td_warc *td_warc_open(const char *path, FILE *f, char *err, size_t errlen);
/* TD_OK with *out (caller frees), or TD_EOF. */
int td_warc_next(td_warc *w, td_input **out);
void td_warc_close(td_warc *w);

/* ---- HTML article extraction (html.c) ----
 * Extracts the article body of a web page as plain text, paragraphs
 * separated by "\n\n", plus metadata. All strings malloc'd (or NULL);
 * free with td_html_doc_free. Returns 0, or -1 when the bytes are not a
 * page with any text (error set). Never recurses on the input's depth. */
typedef struct td_html_doc {
  char *text;
  size_t text_len;
  char *title;      /* cleaned headline (site name suffix removed) */
  char *site_name;  /* og:site_name or similar */
  char *date;       /* publication date, YYYY-MM-DD */
  char *lang;       /* <html lang> */
  char *url;        /* canonical URL */
  char *error;
} td_html_doc;
int td_html_extract(const char *html, size_t len, td_html_doc *out);
/* s[0..n) converted from charset from (an iconv name) to UTF-8,
 * NUL-terminated, malloc'd, its length in *outlen; bytes the charset
 * cannot decode become U+FFFD. NULL when iconv knows no such charset. */
char *td_convert_utf8(const char *from, const char *s, size_t n, size_t *outlen);
/* Whether s[0..n) begins with a UTF-16 byte order mark (either end first). */
static inline int td_utf16_bom(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  return n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
}
void td_html_doc_free(td_html_doc *h);

/* ---- the files of a source (source.c) ----
 * How many files a td_source reads and the i-th one's path (owned by the
 * source), in reading order: the MPI driver splits work by file. */
size_t td_source_nfiles(const td_source *s);
const char *td_source_file(const td_source *s, size_t i);

#endif
