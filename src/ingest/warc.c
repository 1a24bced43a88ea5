/*
 * warc.c — the WARC reader: turns a web archive (.warc or .warc.gz, the
 * format of crawlers and of Common Crawl's news crawl) into a stream of
 * td_input records, one per HTML page, for the source layer.
 *
 * The reader streams: it holds one record at a time (at most 64 MB of
 * record body) and never the whole file. Layers, bottom up:
 *
 *   bytes    fread() from a FILE, through zlib's inflate when the stream
 *            starts with the gzip magic (every member of a multi-member
 *            .warc.gz, however its members split the records), else as is.
 *   lines    WARC version line and header fields, bounded in length.
 *   records  `response` records whose HTTP payload is HTML, and `resource`
 *            records of type text/html, become inputs; every other record
 *            (warcinfo, request, metadata, revisit, images, ...) is skipped
 *            silently. A record without a telling type (none, octet-stream,
 *            text/plain) is kept when its payload sniffs as HTML.
 *   payload  the HTTP message is split into status line, headers and body;
 *            the body is de-chunked (Transfer-Encoding: chunked) and
 *            decompressed (Content-Encoding: gzip, deflate).
 *
 * Damage is reported, never fatal: a record cut short by the end of the
 * input (or by a corrupt gzip stream) gives an input with `error` set and
 * ends the stream; a record whose header is garbage gives an error input and
 * the reader resynchronizes at the next line starting with "WARC/1.". Byte
 * offsets in messages count the uncompressed stream. Bad chunked encoding
 * falls back to the raw body (many archivers store the body de-chunked but
 * keep the header); a body that fails to decompress is used as is when it
 * already looks like HTML.
 */
#include "ingest.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define WARC_MAX_BODY ((uint64_t)64 << 20) /* record block / decoded payload */
#define WARC_MAX_LINE 65536                /* one header line */
#define WARC_MAX_HEAD (1 << 20)            /* all header lines of a record */
#define WARC_PEEK 65536                    /* block bytes read to classify */

struct td_warc {
  FILE *f;
  int own_f;             /* we opened f: close it */
  char *name;            /* file name (no folder) or "-", for error ids */
  int gz;                /* the stream is gzip */
  int in_member;         /* inside a gzip member (inflate not at its end) */
  int z_ready;           /* zs initialized */
  z_stream zs;
  unsigned char in[65536];  /* raw (compressed) bytes */
  unsigned char buf[65536]; /* decoded bytes: buf[bpos .. blen) unread */
  size_t bpos, blen;
  uint64_t off;          /* stream offset of buf[0] */
  int eof;               /* no more decoded bytes will come */
  char *ioerr;           /* why the stream ended early, or NULL */
  int done;              /* a fatal error was reported: TD_EOF from now on */
  int have_version;      /* resync already read the next "WARC/1." line */
  uint64_t version_off;
  uint64_t last_end;     /* where the last record's block ended */
  td_buf line;           /* the current line */
  td_buf block;          /* the current record's block */
};

/* The header fields of one WARC record that matter here. */
typedef struct warc_rec {
  uint64_t start;        /* offset of its version line */
  char *type, *id, *uri, *date, *ctype;
  int64_t clen;          /* Content-Length, -1 when absent */
  char *bad;             /* what is wrong with the header, or NULL */
} warc_rec;

/* ---- bytes ---- */

static void set_ioerr(td_warc *w, const char *what, const char *detail) {
  if (w->ioerr) return;
  td_buf b = TD_BUF_INIT;
  td_buf_printf(&b, "%s", what);
  if (detail && *detail) td_buf_printf(&b, " (%s)", detail);
  w->ioerr = td_buf_detach(&b, NULL);
}

/* Makes sure raw input is available; returns the count (0 at end). */
static size_t raw_fill(td_warc *w) {
  if (w->zs.avail_in == 0) {
    size_t n = fread(w->in, 1, sizeof w->in, w->f);
    if (n == 0 && ferror(w->f)) set_ioerr(w, "read error", strerror(errno));
    w->zs.next_in = w->in;
    w->zs.avail_in = (uInt)n;
  }
  return w->zs.avail_in;
}

/* Decodes the next stretch of the gzip stream into buf. */
static void gz_fill(td_warc *w) {
  while (w->blen == 0 && !w->eof) {
    if (!raw_fill(w)) {
      if (w->in_member) set_ioerr(w, "truncated gzip data", NULL);
      w->eof = 1;
      return;
    }
    if (!w->in_member) {
      /* A new member must start with the gzip magic; anything else after
       * the last member is reported and ends the stream. */
      if (w->zs.next_in[0] != 0x1f) {
        set_ioerr(w, "data after the last gzip member is not gzip", NULL);
        w->eof = 1;
        return;
      }
      inflateReset(&w->zs);
      w->in_member = 1;
    }
    w->zs.next_out = w->buf;
    w->zs.avail_out = sizeof w->buf;
    int rc = inflate(&w->zs, Z_NO_FLUSH);
    w->blen = sizeof w->buf - w->zs.avail_out;
    if (rc == Z_STREAM_END) {
      w->in_member = 0;
    } else if (rc == Z_MEM_ERROR) {
      td_oom();
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      set_ioerr(w, "corrupt gzip data", w->zs.msg);
      w->eof = 1;
    }
  }
}

/* Makes unread decoded bytes available in buf; returns 0 at end. */
static int fill(td_warc *w) {
  if (w->bpos < w->blen) return 1;
  if (w->eof) return 0;
  w->off += w->blen;
  w->bpos = w->blen = 0;
  if (w->gz) {
    gz_fill(w);
  } else if (w->zs.avail_in) { /* the bytes read to sniff the magic */
    memcpy(w->buf, w->zs.next_in, w->zs.avail_in);
    w->blen = w->zs.avail_in;
    w->zs.avail_in = 0;
  } else {
    w->blen = fread(w->buf, 1, sizeof w->buf, w->f);
    if (w->blen == 0) {
      if (ferror(w->f)) set_ioerr(w, "read error", strerror(errno));
      w->eof = 1;
    }
  }
  return w->bpos < w->blen;
}

static uint64_t tell(const td_warc *w) { return w->off + w->bpos; }

/* Reads one line into w->line, without its "\n" or "\r\n". At most `max`
 * bytes are kept; the rest of a longer line is consumed and *toolong set.
 * Returns 1, or 0 at end of input with nothing read. */
static int read_line(td_warc *w, size_t max, int *toolong) {
  int got = 0;
  w->line.len = 0;
  if (w->line.ptr) w->line.ptr[0] = '\0';
  *toolong = 0;
  while (fill(w)) {
    got = 1;
    unsigned char *p = w->buf + w->bpos;
    size_t avail = w->blen - w->bpos;
    unsigned char *nl = memchr(p, '\n', avail);
    size_t n = nl ? (size_t)(nl - p) : avail;
    size_t keep = n;
    if (w->line.len + keep > max) {
      keep = max > w->line.len ? max - w->line.len : 0;
      *toolong = 1;
    }
    td_buf_put(&w->line, p, keep);
    w->bpos += nl ? n + 1 : n;
    if (nl) break;
  }
  if (!w->line.ptr) td_buf_reserve(&w->line, 1);
  if (w->line.len && w->line.ptr[w->line.len - 1] == '\r')
    w->line.ptr[--w->line.len] = '\0';
  return got;
}

/* Appends n bytes of the stream to dst (or drops them when dst is NULL).
 * Returns the count read, less than n only at end of input. */
static uint64_t read_bytes(td_warc *w, td_buf *dst, uint64_t n) {
  uint64_t done = 0;
  while (done < n && fill(w)) {
    size_t k = w->blen - w->bpos;
    if ((uint64_t)k > n - done) k = (size_t)(n - done);
    if (dst) td_buf_put(dst, w->buf + w->bpos, k);
    w->bpos += k;
    done += k;
  }
  return done;
}

/* ---- small string helpers ---- */

static int is_version_line(const char *s) { return strncmp(s, "WARC/1.", 7) == 0; }

/* Case-insensitive prefix test. */
static int has_prefix(const char *s, size_t n, const char *pre) {
  size_t k = strlen(pre);
  return n >= k && strncasecmp(s, pre, k) == 0;
}

/* Case-insensitive search of needle in s[0..n). */
static int contains_ci(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (strncasecmp(s + i, needle, k) == 0) return 1;
  return 0;
}

/* The media type of a Content-Type value ("text/html; charset=x" ->
 * "text/html"), lowercased into out. */
static void media_type(const char *v, char *out, size_t cap) {
  size_t n = 0;
  if (v) {
    while (*v == ' ' || *v == '\t') v++;
    while (v[n] && v[n] != ';' && v[n] != ' ' && v[n] != '\t') n++;
  }
  td_lower_ascii(out, cap, v ? v : "", n);
}

static int is_html_type(const char *mt) {
  return strcmp(mt, "text/html") == 0 || strcmp(mt, "application/xhtml+xml") == 0;
}

/* A type that says nothing: the payload is sniffed. */
static int is_vague_type(const char *mt) {
  return !*mt || strcmp(mt, "application/octet-stream") == 0 ||
         strcmp(mt, "unknown/unknown") == 0 || strcmp(mt, "binary/octet-stream") == 0;
}

/* A type under which HTML is sniffed: none, a vague one, or text/ (pages
 * served as text/plain happen). */
static int is_sniffed_type(const char *mt) {
  return is_vague_type(mt) || strncmp(mt, "text/", 5) == 0;
}

/* 1 when the bytes look like an HTML page: markup first, and an html,
 * head or body tag (or an HTML doctype) within the first kilobyte. */
static int sniff_html(const char *s, size_t n) {
  size_t i = 0;
  if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
  if (i >= n || s[i] != '<') return 0;
  size_t m = n - i < 1024 ? n - i : 1024;
  return contains_ci(s + i, m, "<!doctype html") || contains_ci(s + i, m, "<html") ||
         contains_ci(s + i, m, "<head") || contains_ci(s + i, m, "<body");
}

/* A malloc'd copy of s with surrounding whitespace and one pair of angle
 * brackets removed ("<urn:uuid:x>" -> "urn:uuid:x"). */
static char *strip_value(const char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  if (n >= 2 && s[0] == '<' && s[n - 1] == '>') s++, n -= 2;
  return td_xstrndup(s, n);
}

/* "2017-03-06T04:02:06Z" -> malloc'd "2017-03-06", or NULL. */
static char *warc_day(const char *d) {
  if (!d) return NULL;
  for (int i = 0; i < 10; i++) {
    int want_dash = i == 4 || i == 7;
    if (want_dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return NULL;
  }
  return td_xstrndup(d, 10);
}

static void rec_free(warc_rec *r) {
  free(r->type);
  free(r->id);
  free(r->uri);
  free(r->date);
  free(r->ctype);
  free(r->bad);
  memset(r, 0, sizeof *r);
}

/* ---- records ---- */

/* An input that carries only an error about the record at byte `at`. */
static td_input *error_input(td_warc *w, const warc_rec *r, uint64_t at,
                             const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static td_input *error_input(td_warc *w, const warc_rec *r, uint64_t at,
                             const char *fmt, ...) {
  td_input *in = td_xcalloc(1, sizeof *in);
  td_buf b = TD_BUF_INIT;
  if (r && r->id && *r->id)
    td_buf_puts(&b, r->id);
  else
    td_buf_printf(&b, "%s@%llu", w->name, (unsigned long long)at);
  in->id = td_buf_detach(&b, NULL);
  if (r && r->uri) in->url = td_xstrdup(r->uri);
  va_list ap;
  va_start(ap, fmt);
  td_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  in->error = td_buf_detach(&b, NULL);
  return in;
}

/* Skips lines up to the next one that starts with "WARC/1." (remembered in
 * have_version for the next call) or to the end of input. */
static void resync(td_warc *w) {
  int toolong;
  for (;;) {
    uint64_t at = tell(w);
    if (!read_line(w, 16, &toolong)) return;
    if (is_version_line(w->line.ptr)) {
      w->have_version = 1;
      w->version_off = at;
      return;
    }
  }
}

/* Stores one "Name: value" header field into r. */
static void rec_field(warc_rec *r, const char *line) {
  const char *colon = strchr(line, ':');
  if (!colon || colon == line) {
    if (!r->bad) {
      td_buf b = TD_BUF_INIT;
      td_buf_printf(&b, "header line without a name: \"%.60s\"", line);
      r->bad = td_buf_detach(&b, NULL);
    }
    return;
  }
  size_t nlen = (size_t)(colon - line);
  while (nlen && (line[nlen - 1] == ' ' || line[nlen - 1] == '\t')) nlen--;
  const char *v = colon + 1;
#define FIELD(name, dst) \
  if (nlen == strlen(name) && strncasecmp(line, name, nlen) == 0) { \
    if (!(dst)) (dst) = strip_value(v);                              \
    return;                                                          \
  }
  FIELD("WARC-Type", r->type)
  FIELD("WARC-Record-ID", r->id)
  FIELD("WARC-Target-URI", r->uri)
  FIELD("WARC-Date", r->date)
  FIELD("Content-Type", r->ctype)
#undef FIELD
  if (nlen == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
    while (*v == ' ' || *v == '\t') v++;
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    while (*end == ' ' || *end == '\t') end++;
    if (*v < '0' || *v > '9' || *end || errno || n < 0) {
      if (!r->bad) {
        td_buf b = TD_BUF_INIT;
        td_buf_printf(&b, "bad Content-Length \"%.30s\"", v);
        r->bad = td_buf_detach(&b, NULL);
      }
    } else {
      r->clen = n;
    }
  }
}

/* Reads the header of the record whose version line was just read. Returns
 * 1, or 0 when the input ended inside it. */
static int read_header(td_warc *w, warc_rec *r) {
  size_t total = 0;
  int toolong;
  r->clen = -1;
  for (;;) {
    if (!read_line(w, WARC_MAX_LINE, &toolong)) return 0;
    if (w->line.len == 0) break;
    total += w->line.len;
    if ((toolong || total > WARC_MAX_HEAD) && !r->bad)
      r->bad = td_xstrdup(toolong ? "header line too long" : "header too long");
    if (w->line.ptr[0] == ' ' || w->line.ptr[0] == '\t') continue; /* folded */
    rec_field(r, w->line.ptr);
  }
  if (!r->bad && r->clen < 0) r->bad = td_xstrdup("no Content-Length");
  return 1;
}

/* ---- HTTP payload ---- */

typedef struct http_msg {
  int status;
  char ctype[64];        /* media type, lowercased */
  int chunked;
  char cenc[32];         /* Content-Encoding, lowercased */
  size_t body;           /* offset of the body in the block */
} http_msg;

/* Parses the status line and headers of the HTTP response at s[0..n).
 * Returns 0, or -1 when it is not an HTTP response or its headers do not
 * end within the bytes. */
static int http_parse(const char *s, size_t n, http_msg *m) {
  memset(m, 0, sizeof *m);
  if (!has_prefix(s, n, "HTTP/")) return -1;
  size_t i = 0;
  int line = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    if (!nl) return -1;
    size_t e = (size_t)(nl - s), len = e - i;
    if (len && s[e - 1] == '\r') len--;
    const char *l = s + i;
    i = e + 1;
    if (line++ == 0) {
      const char *sp = memchr(l, ' ', len);
      if (!sp) return -1;
      size_t k = (size_t)(sp - l) + 1;
      int code = 0, digits = 0;
      while (k < len && l[k] >= '0' && l[k] <= '9' && digits < 3)
        code = code * 10 + (l[k++] - '0'), digits++;
      if (digits != 3) return -1;
      m->status = code;
      continue;
    }
    if (len == 0) {
      m->body = i;
      return 0;
    }
    char tmp[256];
    size_t tn = len < sizeof tmp - 1 ? len : sizeof tmp - 1;
    memcpy(tmp, l, tn);
    tmp[tn] = '\0';
    const char *colon = strchr(tmp, ':');
    if (!colon) continue;
    const char *v = colon + 1;
    while (*v == ' ' || *v == '\t') v++;
    size_t nlen = (size_t)(colon - tmp);
    if (nlen == 12 && strncasecmp(tmp, "Content-Type", 12) == 0 && !m->ctype[0])
      media_type(v, m->ctype, sizeof m->ctype);
    else if (nlen == 17 && strncasecmp(tmp, "Transfer-Encoding", 17) == 0)
      m->chunked = contains_ci(v, strlen(v), "chunked");
    else if (nlen == 16 && strncasecmp(tmp, "Content-Encoding", 16) == 0)
      media_type(v, m->cenc, sizeof m->cenc);
  }
  return -1;
}

/* De-chunks a Transfer-Encoding: chunked body into out. Returns 0, or -1
 * when the bytes are not valid chunking (out is then to be ignored). A body
 * that ends cleanly after whole chunks but without the last-chunk is
 * accepted (a truncated capture). */
static int dechunk(const char *s, size_t n, td_buf *out) {
  size_t i = 0;
  int chunks = 0;
  while (i < n) {
    uint64_t size = 0;
    int digits = 0;
    while (i < n) {
      char c = s[i];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) break;
      if (size > (WARC_MAX_BODY >> 4)) return -1;
      size = size * 16 + (uint64_t)d;
      digits++, i++;
    }
    if (!digits) return -1;
    /* optional spaces and ";extensions" up to the end of the size line */
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i < n && s[i] == ';')
      while (i < n && s[i] != '\n') i++;
    if (i < n && s[i] == '\r') i++;
    if (i >= n || s[i] != '\n') return -1;
    i++;
    if (size == 0) return 0; /* last-chunk; trailers are ignored */
    if (size > n - i) return -1;
    td_buf_put(out, s + i, (size_t)size);
    i += (size_t)size;
    chunks++;
    if (i < n && s[i] == '\r') i++;
    if (i < n && s[i] == '\n') i++;
    else if (i < n) return -1;
  }
  return chunks ? 0 : -1;
}

/* Decompresses a gzip or zlib/raw deflate body into out (at most
 * WARC_MAX_BODY bytes). Returns 1 when whole, 0 when cut short (what was
 * decoded is kept), -1 when nothing could be decoded or it is too big. */
static int inflate_body(const char *s, size_t n, int gzip, td_buf *out) {
  int wbits[2] = {gzip ? 15 + 32 : 15, -15};
  for (int t = 0; t < (gzip ? 1 : 2); t++) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, wbits[t]) != Z_OK) td_oom();
    z.next_in = (unsigned char *)s;
    z.avail_in = (uInt)n;
    out->len = 0;
    int rc;
    do {
      td_buf_reserve(out, 65536);
      z.next_out = (unsigned char *)out->ptr + out->len;
      z.avail_out = (uInt)(out->cap - out->len - 1);
      uInt before = z.avail_out;
      rc = inflate(&z, Z_NO_FLUSH);
      out->len += before - z.avail_out;
      out->ptr[out->len] = '\0';
      if (out->len > WARC_MAX_BODY) rc = Z_MEM_ERROR;
    } while (rc == Z_OK && (z.avail_in || z.avail_out == 0));
    inflateEnd(&z);
    if (rc == Z_STREAM_END) return 1;
    if (rc == Z_MEM_ERROR) return -1;
    if (out->len) return 0;
  }
  return -1;
}

/* Decodes the HTTP body (de-chunk, decompress) into a malloc'd payload.
 * Returns 0, or -1 with a reason in *why. */
static int http_payload(const char *s, size_t n, const http_msg *m, char **body,
                        size_t *len, const char **why) {
  td_buf dech = TD_BUF_INIT, dec = TD_BUF_INIT;
  if (m->chunked && dechunk(s, n, &dech) == 0) {
    s = dech.ptr ? dech.ptr : "";
    n = dech.len;
  }
  int gzip = strcmp(m->cenc, "gzip") == 0 || strcmp(m->cenc, "x-gzip") == 0;
  int deflate = strcmp(m->cenc, "deflate") == 0;
  if (gzip || deflate) {
    if (inflate_body(s, n, gzip, &dec) >= 0) {
      s = dec.ptr;
      n = dec.len;
    } else if (!sniff_html(s, n)) {
      /* not compressed after all when it already reads as HTML */
      *why = "body cannot be decompressed (Content-Encoding)";
      td_buf_free(&dech);
      td_buf_free(&dec);
      return -1;
    }
  } else if (*m->cenc && strcmp(m->cenc, "identity") != 0 && !sniff_html(s, n)) {
    *why = "unsupported Content-Encoding";
    td_buf_free(&dech);
    return -1;
  }
  *body = td_xmalloc(n + 1);
  memcpy(*body, s, n);
  (*body)[n] = '\0';
  *len = n;
  td_buf_free(&dech);
  td_buf_free(&dec);
  return 0;
}

/* What a record is, judged from its WARC header and the first bytes of its
 * block. */
enum { REC_SKIP, REC_HTML, REC_HTTP };

static int classify(const warc_rec *r, const char *blk, size_t n, http_msg *m) {
  char mt[64];
  media_type(r->ctype, mt, sizeof mt);
  if (!r->type) return REC_SKIP;
  int resource = strcasecmp(r->type, "resource") == 0;
  int response = strcasecmp(r->type, "response") == 0;
  if (!resource && !response) return REC_SKIP;
  if (response && (strcmp(mt, "application/http") == 0 ||
                   (is_vague_type(mt) && has_prefix(blk, n, "HTTP/")))) {
    if (http_parse(blk, n, m) != 0) return REC_HTTP; /* reported later */
    if (m->status < 200 || m->status > 299) return REC_SKIP;
    if (is_html_type(m->ctype)) return REC_HTTP;
    if (is_sniffed_type(m->ctype) && (m->cenc[0] || m->chunked ||
                                      sniff_html(blk + m->body, n - m->body)))
      return REC_HTTP; /* decided after decoding */
    return REC_SKIP;
  }
  if (is_html_type(mt) || (is_sniffed_type(mt) && sniff_html(blk, n))) return REC_HTML;
  return REC_SKIP;
}

/* Turns a complete record block into an input, or NULL to skip it. */
static td_input *make_input(td_warc *w, const warc_rec *r, int kind) {
  const char *blk = w->block.ptr ? w->block.ptr : "";
  size_t n = w->block.len;
  char *body = NULL;
  size_t len = 0;
  if (kind == REC_HTTP) {
    http_msg m;
    const char *why = NULL;
    if (http_parse(blk, n, &m) != 0)
      return error_input(w, r, r->start, "record at byte %llu: malformed HTTP response",
                         (unsigned long long)r->start);
    if (http_payload(blk + m.body, n - m.body, &m, &body, &len, &why) != 0)
      return error_input(w, r, r->start, "record at byte %llu: %s",
                         (unsigned long long)r->start, why);
    if (!is_html_type(m.ctype) && !sniff_html(body, len)) {
      free(body);
      return NULL;
    }
  } else {
    body = td_xmalloc(n + 1);
    memcpy(body, blk, n);
    body[n] = '\0';
    len = n;
  }
  td_input *in = td_xcalloc(1, sizeof *in);
  if (r->id && *r->id) {
    in->id = td_xstrdup(r->id);
  } else {
    td_buf b = TD_BUF_INIT;
    td_buf_printf(&b, "%s@%llu", w->name, (unsigned long long)r->start);
    in->id = td_buf_detach(&b, NULL);
  }
  in->body = body;
  in->body_len = len;
  in->is_html = 1;
  if (r->uri && *r->uri) in->url = td_xstrdup(r->uri);
  in->fallback_date = warc_day(r->date);
  return in;
}

/* Reads the next record; returns 1 with *out set (an input, or NULL for a
 * skipped record), or 0 at the end of input. */
static int next_record(td_warc *w, td_input **out) {
  warc_rec r;
  int toolong;
  memset(&r, 0, sizeof r);
  *out = NULL;

  if (w->have_version) {
    w->have_version = 0;
    r.start = w->version_off;
  } else {
    for (;;) {
      r.start = tell(w);
      if (!read_line(w, WARC_MAX_LINE, &toolong)) {
        if (w->ioerr)
          *out = error_input(w, NULL, r.start, "input damaged at byte %llu: %s",
                             (unsigned long long)r.start, w->ioerr);
        w->done = 1;
        return *out != NULL;
      }
      if (w->line.len == 0) continue;
      if (is_version_line(w->line.ptr)) break;
      td_buf shown = TD_BUF_INIT;
      for (size_t i = 0; i < w->line.len && i < 40; i++) {
        unsigned char c = (unsigned char)w->line.ptr[i];
        td_buf_putc(&shown, c >= 0x20 && c < 0x7f && c != '"' ? c : '?');
      }
      *out = error_input(w, NULL, r.start,
                         "malformed WARC record at byte %llu: expected a \"WARC/1.x\" "
                         "line, found \"%s\"%s",
                         (unsigned long long)r.start, shown.ptr ? shown.ptr : "",
                         r.start == w->last_end && r.start
                             ? " (the record before it may have a wrong Content-Length)"
                             : "");
      td_buf_free(&shown);
      resync(w);
      return 1;
    }
  }

  if (!read_header(w, &r)) {
    *out = error_input(w, &r, r.start, "truncated record at byte %llu: input ends in "
                       "its header%s%s", (unsigned long long)r.start,
                       w->ioerr ? ": " : "", w->ioerr ? w->ioerr : "");
    w->done = 1;
    rec_free(&r);
    return 1;
  }
  if (r.bad) {
    *out = error_input(w, &r, r.start, "malformed WARC header in record at byte %llu: %s",
                       (unsigned long long)r.start, r.bad);
    resync(w);
    rec_free(&r);
    return 1;
  }

  /* Read enough of the block to classify the record, then the rest of it
   * (or skip it). */
  uint64_t clen = (uint64_t)r.clen;
  uint64_t head = clen < WARC_PEEK ? clen : WARC_PEEK;
  w->block.len = 0;
  int kind = REC_SKIP;
  uint64_t got = 0;
  http_msg m;
  if (!r.type || (strcasecmp(r.type, "response") != 0 && strcasecmp(r.type, "resource") != 0))
    head = 0; /* skipped without a look */
  got = read_bytes(w, &w->block, head);
  if (got == head) {
    if (head) kind = classify(&r, w->block.ptr ? w->block.ptr : "", w->block.len, &m);
    if (kind != REC_SKIP && clen <= WARC_MAX_BODY)
      got += read_bytes(w, &w->block, clen - got);
    else
      got += read_bytes(w, NULL, clen - got);
  }
  w->last_end = tell(w);
  if (got < clen) {
    *out = error_input(w, &r, r.start, "truncated record at byte %llu: Content-Length "
                       "is %llu but the input ends after %llu bytes%s%s",
                       (unsigned long long)r.start, (unsigned long long)clen,
                       (unsigned long long)got, w->ioerr ? ": " : "",
                       w->ioerr ? w->ioerr : "");
    w->done = 1;
  } else if (kind != REC_SKIP && clen > WARC_MAX_BODY) {
    *out = error_input(w, &r, r.start, "record at byte %llu: body of %llu bytes is over "
                       "the 64 MB limit; skipped", (unsigned long long)r.start,
                       (unsigned long long)clen);
  } else if (kind != REC_SKIP) {
    *out = make_input(w, &r, kind);
  }
  if (w->block.cap > ((size_t)4 << 20)) td_buf_free(&w->block);
  rec_free(&r);
  return 1;
}

/* ---- API ---- */

/* Opens a WARC stream: reads from f when it is non-NULL (the caller keeps
 * and closes f), else opens path. Plain and gzip-compressed streams are
 * told apart by their first bytes. Returns NULL with a message in err when
 * the file cannot be opened. Free with td_warc_close(). */
td_warc *td_warc_open(const char *path, FILE *f, char *err, size_t errlen) {
  int own = 0;
  if (!f) {
    if (!path) {
      snprintf(err, errlen, "no WARC file given");
      return NULL;
    }
    f = fopen(path, "rb");
    if (!f) {
      snprintf(err, errlen, "%s: %s", path, strerror(errno));
      return NULL;
    }
    own = 1;
  }
  td_warc *w = td_xcalloc(1, sizeof *w);
  w->f = f;
  w->own_f = own;
  const char *base = path ? strrchr(path, '/') : NULL;
  w->name = td_xstrdup(base && base[1] ? base + 1 : path ? path : "-");
  if (inflateInit2(&w->zs, 15 + 16) != Z_OK) td_oom();
  w->z_ready = 1;
  /* Sniff the gzip magic from the first raw bytes (kept for reading). */
  while (w->zs.avail_in < 2) {
    size_t n = fread(w->in + w->zs.avail_in, 1, sizeof w->in - w->zs.avail_in, f);
    if (n == 0) break;
    w->zs.avail_in += (uInt)n;
  }
  w->zs.next_in = w->in;
  w->gz = w->zs.avail_in >= 2 && w->in[0] == 0x1f && w->in[1] == 0x8b;
  w->in_member = w->gz;
  return w;
}

/* The next HTML record (or damaged record) as an input: TD_OK with *out
 * set (the caller frees it with td_input_free), or TD_EOF. */
int td_warc_next(td_warc *w, td_input **out) {
  *out = NULL;
  while (!w->done) {
    td_input *in;
    if (!next_record(w, &in)) break;
    if (in) {
      *out = in;
      return TD_OK;
    }
  }
  return TD_EOF;
}

/* Closes the stream (and the file, when td_warc_open opened it). */
void td_warc_close(td_warc *w) {
  if (!w) return;
  if (w->own_f) fclose(w->f);
  if (w->z_ready) inflateEnd(&w->zs);
  td_buf_free(&w->line);
  td_buf_free(&w->block);
  free(w->ioerr);
  free(w->name);
  free(w);
}
