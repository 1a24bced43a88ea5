/* test_warc.c — the WARC reader: WARC bytes built here (plain, gzip,
 * chunked, damaged), then the real sample files of ../shared when present. */
#include "unit.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#define MAXIN 16

typedef struct got {
  td_input *in[MAXIN];
  int n, html, errors;
  int eof_stays; /* td_warc_next keeps answering TD_EOF */
} got;

/* Reads every input of an open reader into g, then closes it. */
static void drain(td_warc *w, got *g) {
  memset(g, 0, sizeof *g);
  td_input *in;
  while (td_warc_next(w, &in) == TD_OK) {
    if (in->error) g->errors++;
    else g->html++;
    if (g->n < MAXIN) g->in[g->n++] = in;
    else td_input_free(in);
  }
  g->eof_stays = td_warc_next(w, &in) == TD_EOF && in == NULL;
  td_warc_close(w);
}

static void got_free(got *g) {
  for (int i = 0; i < g->n; i++) td_input_free(g->in[i]);
}

/* Writes bytes to a temporary file; returns its path (static buffer). When
 * gz, each of the `nparts` parts becomes one gzip member. */
static const char *tmp_file(const char *const *parts, const size_t *lens, int nparts, int gz) {
  static char path[64];
  strcpy(path, "/tmp/td_test_warc_XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0) return NULL;
  close(fd);
  for (int i = 0; i < nparts; i++) {
    if (gz) {
      gzFile z = gzopen(path, i ? "ab" : "wb");
      gzwrite(z, parts[i], (unsigned)lens[i]);
      gzclose(z);
    } else {
      FILE *f = fopen(path, i ? "ab" : "wb");
      fwrite(parts[i], 1, lens[i], f);
      fclose(f);
    }
  }
  return path;
}

/* Builds one WARC record with a correct Content-Length. */
static char *record(const char *type, const char *extra_headers, const char *block,
                    size_t blen, size_t *len) {
  td_buf b = TD_BUF_INIT;
  td_buf_printf(&b, "WARC/1.0\r\nWARC-Type: %s\r\n%sContent-Length: %zu\r\n\r\n", type,
                extra_headers, blen);
  td_buf_put(&b, block, blen);
  td_buf_puts(&b, "\r\n\r\n");
  return td_buf_detach(&b, len);
}

/* Reads the records (NULL-terminated triples type, headers, block) from a
 * temporary file written plain or gzip, into g. */
static void read_records(const char *const *spec, int gz, got *g) {
  const char *parts[MAXIN];
  size_t lens[MAXIN];
  int n = 0;
  for (; spec[0] && n < MAXIN; spec += 3, n++)
    parts[n] = record(spec[0], spec[1], spec[2], strlen(spec[2]), &lens[n]);
  const char *path = tmp_file(parts, lens, n, gz);
  char err[256];
  td_warc *w = td_warc_open(path, NULL, err, sizeof err);
  memset(g, 0, sizeof *g);
  if (w) drain(w, g);
  if (path) unlink(path);
  for (int i = 0; i < n; i++) free((char *)parts[i]);
}

static const char PAGE[] = "<!doctype html><html><head><title>T</title></head>"
                           "<body><p>Seoul, Nov. 1 (Yonhap) -- News.</p></body></html>";

#define RESP_HDR                                                          \
  "WARC-Record-ID: <urn:uuid:1111>\r\nWARC-Target-URI: http://news.example/a b\r\n" \
  "WARC-Date: 2024-11-01T09:30:00Z\r\nContent-Type: application/http; msgtype=response\r\n"

TD_TEST(warc_response) {
  char http[1024];
  snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s", PAGE);
  const char *spec[] = {"warcinfo", "WARC-Record-ID: <urn:uuid:0>\r\n", "software: test\r\n",
                        "request", "", "GET / HTTP/1.1\r\n\r\n",
                        "response", RESP_HDR, http,
                        "metadata", "", "x: y\r\n",
                        NULL};
  for (int gz = 0; gz < 2; gz++) {
    got g;
    read_records(spec, gz, &g);
    CHECK(g.html == 1 && g.errors == 0);
    if (g.n == 1) {
      td_input *in = g.in[0];
      CHECK_STR(in->id, "urn:uuid:1111");
      CHECK_STR(in->url, "http://news.example/a b");
      CHECK_STR(in->fallback_date, "2024-11-01");
      CHECK(in->is_html == 1);
      CHECK(in->body_len == strlen(PAGE) && memcmp(in->body, PAGE, in->body_len) == 0);
      CHECK(in->date == NULL && in->title == NULL);
    }
    got_free(&g);
  }
}

TD_TEST(warc_skips) {
  const char *spec[] = {
      "response", RESP_HDR, "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....",
      "response", RESP_HDR, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>no</html>",
      "resource", "Content-Type: text/plain\r\n", "plain text",
      "revisit", RESP_HDR, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
      "response", RESP_HDR, "HTTP/1.1 200 OK\r\n\r\n{\"json\": 1}",
      NULL};
  got g;
  read_records(spec, 0, &g);
  CHECK(g.n == 0);
  got_free(&g);
}

TD_TEST(warc_sniff_and_resource) {
  const char *spec[] = {
      /* no HTTP Content-Type: sniffed */
      "response", RESP_HDR, "HTTP/1.0 200 OK\r\n\r\n\n  <HTML><body>x</body></HTML>",
      /* a resource record of HTML, angle-bracketed target URI */
      "resource", "WARC-Target-URI: <http://e.example/>\r\nContent-Type: text/html\r\n"
                  "WARC-Record-ID: <urn:uuid:2>\r\n", "<p>resource</p>",
      /* served as text/plain, chunked, but a page */
      "response", RESP_HDR, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n6\r\n<html>\r\n0\r\n\r\n",
      /* XHTML */
      "response", RESP_HDR, "HTTP/1.1 200 OK\r\nContent-Type: application/xhtml+xml\r\n\r\n<x/>",
      NULL};
  got g;
  read_records(spec, 1, &g);
  CHECK(g.html == 4 && g.errors == 0);
  if (g.n == 4) {
    CHECK_STR(g.in[0]->body, "\n  <HTML><body>x</body></HTML>");
    CHECK_STR(g.in[1]->url, "http://e.example/");
    CHECK_STR(g.in[1]->id, "urn:uuid:2");
    CHECK_STR(g.in[1]->body, "<p>resource</p>");
    CHECK(g.in[1]->fallback_date == NULL);
    CHECK_STR(g.in[2]->body, "<html>");
    CHECK_STR(g.in[3]->body, "<x/>");
  }
  got_free(&g);
}

TD_TEST(warc_chunked) {
  const char *spec[] = {
      "response", RESP_HDR,
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n"
      "6\r\n<html>\r\nc;ext=1\r\n<p>chunk</p>\r\n0\r\nX-Trailer: 1\r\n\r\n",
      /* says chunked but is not: the raw body */
      "response", RESP_HDR,
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n<html>raw</html>",
      /* cut after whole chunks: what was there */
      "response", RESP_HDR,
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n"
      "6\r\n<html>\r\n",
      /* chunk size larger than the data: the raw body */
      "response", RESP_HDR,
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n"
      "ff\r\n<html>\r\n",
      NULL};
  got g;
  read_records(spec, 0, &g);
  CHECK(g.html == 4 && g.errors == 0);
  if (g.n == 4) {
    CHECK_STR(g.in[0]->body, "<html><p>chunk</p>");
    CHECK_STR(g.in[1]->body, "<html>raw</html>");
    CHECK_STR(g.in[2]->body, "<html>");
    CHECK_STR(g.in[3]->body, "ff\r\n<html>\r\n");
  }
  got_free(&g);
}

/* Compresses s as gzip (wbits 31) or zlib (15) into a buffer. */
static td_buf compress_str(const char *s, int wbits) {
  td_buf b = TD_BUF_INIT;
  z_stream z;
  memset(&z, 0, sizeof z);
  deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
  td_buf_reserve(&b, deflateBound(&z, strlen(s)));
  z.next_in = (unsigned char *)s;
  z.avail_in = (uInt)strlen(s);
  z.next_out = (unsigned char *)b.ptr;
  z.avail_out = (uInt)b.cap;
  deflate(&z, Z_FINISH);
  b.len = z.total_out;
  deflateEnd(&z);
  return b;
}

TD_TEST(warc_content_encoding) {
  td_buf gzb = compress_str(PAGE, 31), zb = compress_str(PAGE, 15);
  td_buf blk[4] = {TD_BUF_INIT, TD_BUF_INIT, TD_BUF_INIT, TD_BUF_INIT};
  td_buf_puts(&blk[0], "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n");
  td_buf_put(&blk[0], gzb.ptr, gzb.len);
  td_buf_puts(&blk[1], "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Type: text/html\r\n\r\n");
  td_buf_put(&blk[1], zb.ptr, zb.len);
  /* gzip, chunked in two pieces */
  td_buf_puts(&blk[2], "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"
                       "Content-Type: text/html\r\n\r\n");
  td_buf_printf(&blk[2], "%zx\r\n", (size_t)10);
  td_buf_put(&blk[2], gzb.ptr, 10);
  td_buf_printf(&blk[2], "\r\n%zx\r\n", gzb.len - 10);
  td_buf_put(&blk[2], gzb.ptr + 10, gzb.len - 10);
  td_buf_puts(&blk[2], "\r\n0\r\n\r\n");
  /* says gzip, is not compressed: used as is */
  td_buf_puts(&blk[3], "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n");
  td_buf_puts(&blk[3], PAGE);

  const char *parts[4];
  size_t lens[4];
  for (int i = 0; i < 4; i++) parts[i] = record("response", RESP_HDR, blk[i].ptr, blk[i].len, &lens[i]);
  const char *path = tmp_file(parts, lens, 4, 0);
  char err[256];
  got g;
  drain(td_warc_open(path, NULL, err, sizeof err), &g);
  CHECK(g.html == 4 && g.errors == 0);
  for (int i = 0; i < g.n; i++)
    CHECK(g.in[i]->body_len == strlen(PAGE) && memcmp(g.in[i]->body, PAGE, strlen(PAGE)) == 0);
  got_free(&g);
  unlink(path);
  for (int i = 0; i < 4; i++) free((char *)parts[i]), td_buf_free(&blk[i]);
  td_buf_free(&gzb);
  td_buf_free(&zb);
}

TD_TEST(warc_truncated) {
  char http[1024];
  snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s", PAGE);
  size_t l1, l2;
  char *r1 = record("response", RESP_HDR, http, strlen(http), &l1);
  char *r2 = record("response", RESP_HDR, http, strlen(http), &l2);
  /* the second record loses its last 40 bytes */
  const char *parts[2] = {r1, r2};
  size_t lens[2] = {l1, l2 - 40};
  for (int gz = 0; gz < 2; gz++) {
    const char *path = tmp_file(parts, lens, 2, gz);
    char err[256];
    got g;
    drain(td_warc_open(path, NULL, err, sizeof err), &g);
    CHECK(g.n == 2 && g.html == 1 && g.errors == 1 && g.eof_stays);
    if (g.n == 2) {
      CHECK(g.in[1]->error && strncmp(g.in[1]->error, "truncated record at byte ", 25) == 0);
      CHECK(g.in[1]->error && strstr(g.in[1]->error, "Content-Length"));
      CHECK_STR(g.in[1]->id, "urn:uuid:1111");
      CHECK(g.in[1]->body == NULL);
    }
    got_free(&g);
    unlink(path);
  }

  /* a gzip file cut in the middle of its compressed data */
  const char *whole[1] = {r1};
  size_t wl[1] = {l1};
  const char *path = tmp_file(whole, wl, 1, 1);
  FILE *f = fopen(path, "rb");
  char gzbytes[4096];
  size_t n = fread(gzbytes, 1, sizeof gzbytes, f);
  fclose(f);
  f = fopen(path, "wb");
  fwrite(gzbytes, 1, n / 2, f);
  fclose(f);
  char err[256];
  got g;
  drain(td_warc_open(path, NULL, err, sizeof err), &g);
  CHECK(g.n == 1 && g.errors == 1);
  if (g.n == 1) CHECK(g.in[0]->error && strstr(g.in[0]->error, "truncated gzip data"));
  got_free(&g);
  unlink(path);
  free(r1);
  free(r2);
}

TD_TEST(warc_garbage_resync) {
  char http[1024];
  snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s", PAGE);
  size_t l1;
  char *r1 = record("response", RESP_HDR, http, strlen(http), &l1);
  static const char junk[] = "\x00\x01garbage line\r\nmore garbage\n";
  const char *parts[6] = {
      junk, r1,
      "WARC/1.0\r\nWARC-Type: response\r\nthis line has no colon\r\nContent-Length: 5\r\n\r\nabcde\r\n\r\n", r1,
      "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: -3\r\n\r\n", r1};
  size_t lens[6] = {sizeof junk - 1, l1, 0, l1, 0, l1};
  lens[2] = strlen(parts[2]);
  lens[4] = strlen(parts[4]);
  const char *path = tmp_file(parts, lens, 6, 0);
  char err[256];
  got g;
  drain(td_warc_open(path, NULL, err, sizeof err), &g);
  CHECK(g.n == 6 && g.html == 3 && g.errors == 3);
  if (g.n == 6) {
    CHECK(g.in[0]->error && strstr(g.in[0]->error, "malformed WARC record at byte 0"));
    CHECK(g.in[1]->body && strstr(g.in[1]->body, "Yonhap"));
    CHECK(g.in[2]->error && strstr(g.in[2]->error, "header line without a name"));
    CHECK(g.in[3]->body != NULL);
    CHECK(g.in[4]->error && strstr(g.in[4]->error, "bad Content-Length"));
    CHECK(g.in[5]->body != NULL);
  }
  got_free(&g);
  unlink(path);
  free(r1);
}

TD_TEST(warc_stream_and_open) {
  /* from a FILE* the caller owns (stdin's case), here a memory stream */
  char http[1024];
  snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s", PAGE);
  size_t l1;
  char *r1 = record("response", RESP_HDR, http, strlen(http), &l1);
  FILE *f = fmemopen(r1, l1, "rb");
  char err[256];
  got g;
  drain(td_warc_open("-", f, err, sizeof err), &g);
  CHECK(g.html == 1);
  got_free(&g);
  fclose(f);
  free(r1);

  /* empty input: nothing, no error */
  f = fmemopen(err, 0, "rb");
  if (f) {
    drain(td_warc_open("-", f, err, sizeof err), &g);
    CHECK(g.n == 0);
    fclose(f);
  }

  CHECK(td_warc_open("/nonexistent/x.warc", NULL, err, sizeof err) == NULL);
  CHECK(strstr(err, "/nonexistent/x.warc") != NULL);
  td_warc_close(NULL);
}

/* The real sample files: HTML articles out, damage reported. */
TD_TEST(warc_shared_samples) {
  const char *shared = td_test_shared();
  if (!shared) {
    fprintf(stderr, "  skip warc_shared_samples: no shared data\n");
    return;
  }
  static const struct {
    const char *file;
    int html, errors;
    const char *id;
  } want[] = {
      {"example.warc", 1, 0, "urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005"},
      {"example.warc.gz", 1, 0, "urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005"},
      {"example-iana.org-chunked.warc", 1, 0, "urn:uuid:a96ae1a5-931d-4c45-96f3-98576d155f8b"},
      {"example-resource.warc.gz", 1, 0, "urn:uuid:6e7f60da-2c7b-11e7-aaf7-0242ac120007"},
      {"example-space-in-target-uri.warc.gz", 0, 0, NULL},
      {"example-trunc.warc", 1, 1, "urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005"},
      {"example-wget-bad-target-uri.warc.gz", 1, 0, "urn:uuid:FD8A6D04-AF8A-4A36-A889-8094487CDF2D"},
      {"example-wrong-chunks.warc.gz", 1, 0, "urn:uuid:80d63307-60af-43e0-903f-574b2f432b7e"},
      {"example-bad-non-chunked.warc.gz", 1, 0, "urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005"},
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    char path[1024], err[256];
    snprintf(path, sizeof path, "%s/data/warc-samples/%s", shared, want[i].file);
    td_warc *w = td_warc_open(path, NULL, err, sizeof err);
    if (!w) {
      fprintf(stderr, "  skip %s: %s\n", want[i].file, err);
      continue;
    }
    got g;
    drain(w, &g);
    if (g.html != want[i].html || g.errors != want[i].errors)
      fprintf(stderr, "  %s: %d html, %d errors\n", want[i].file, g.html, g.errors);
    CHECK(g.html == want[i].html && g.errors == want[i].errors);
    for (int k = 0; k < g.n; k++) {
      td_input *in = g.in[k];
      if (in->error) continue;
      CHECK_STR(in->id, want[i].id);
      CHECK(in->is_html && in->url && in->fallback_date);
      CHECK(in->url && strncmp(in->url, "http://", 7) == 0);
      /* de-chunked and decompressed: a whole page, nothing around it */
      CHECK(in->body_len > 500 && strstr(in->body, "</html>"));
      CHECK(in->body && (strncmp(in->body, "<!doctype html>", 15) == 0 ||
                         strncmp(in->body, "<!DOCTYPE html>", 15) == 0));
    }
    got_free(&g);
  }
}
