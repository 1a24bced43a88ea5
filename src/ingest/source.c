/*
 * source.c — turns what the user names (files, directories, "-") into a
 * stream of td_input records: walks directories in sorted order, decides
 * each file's format (by name, else by sniffing its first bytes) and hands
 * it to the right reader (plain text and HTML here; jsonl.c; warc.c).
 * A document that cannot be read becomes an input with `error` set, so the
 * run goes on and the error is reported in order.
 */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TD_MAX_DOC_BYTES ((size_t)512 << 20)

struct td_source {
  char **files;          /* "-" for stdin */
  size_t nfiles, cap, next;
  td_format fmt;         /* forced format or AUTO */
  /* the file being read, for multi-document formats */
  FILE *jl;              /* JSON Lines, from a file */
  char *jl_mem;          /* ... or from memory (stdin) */
  size_t jl_mem_len, jl_mem_off;
  char *jl_name;
  size_t jl_line;
  td_warc *warc;
  FILE *warc_mem_f;      /* stdin WARC, read from memory */
  char *warc_mem;
  char *line;
  size_t line_cap;
};

/* A folder's entry: its path and the type readdir gave (DT_UNKNOWN when
 * the file system gives none). */
typedef struct {
  char *path;
  unsigned char type;
} dir_entry;

static int cmp_entry(const void *a, const void *b) {
  return strcmp(((const dir_entry *)a)->path, ((const dir_entry *)b)->path);
}

static void add_file(td_source *s, const char *p) {
  TD_GROW(s->files, s->cap, s->nfiles + 1);
  s->files[s->nfiles++] = td_xstrdup(p);
}

/* Adds the regular files under dir, sorted, without recursion: a work
 * list of folders still to read. */
static void walk(td_source *s, const char *root) {
  char **todo = NULL;
  size_t ntodo = 0, cap = 0;
  TD_GROW(todo, cap, 1);
  todo[ntodo++] = td_xstrdup(root);
  while (ntodo) {
    char *dir = todo[--ntodo];
    DIR *d = opendir(dir);
    if (!d) {
      free(dir);
      continue;
    }
    dir_entry *names = NULL;
    size_t n = 0, ncap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      TD_GROW(names, ncap, n + 1);
      size_t L = strlen(dir) + strlen(e->d_name) + 2;
      names[n].path = td_xmalloc(L);
      snprintf(names[n].path, L, "%s/%s", dir, e->d_name);
      names[n].type = e->d_type;
      n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_entry);
    /* files in order now; sub-folders pushed in reverse so they pop sorted */
    char **subs = NULL;
    size_t nsub = 0, subcap = 0;
    for (size_t i = 0; i < n; i++) {
      /* the type readdir gave spares a stat per file (issue 11: one
       * system call of the two each article cost); links and file
       * systems that give no type are asked, and followed, as before */
      int isdir = names[i].type == DT_DIR, isreg = names[i].type == DT_REG;
      if (!isdir && !isreg) {
        struct stat st;
        if (stat(names[i].path, &st) != 0) {
          free(names[i].path);
          continue;
        }
        isdir = S_ISDIR(st.st_mode), isreg = S_ISREG(st.st_mode);
      }
      if (isdir) {
        TD_GROW(subs, subcap, nsub + 1);
        subs[nsub++] = names[i].path;
      } else {
        if (isreg) add_file(s, names[i].path);
        free(names[i].path);
      }
    }
    for (size_t i = nsub; i-- > 0;) {
      TD_GROW(todo, cap, ntodo + 1);
      todo[ntodo++] = subs[i];
    }
    free(subs);
    free(names);
    free(dir);
  }
  free(todo);
}

td_source *td_source_open(const char *path, td_format fmt, char *err, size_t errlen) {
  td_source *s = td_xcalloc(1, sizeof *s);
  s->fmt = fmt;
  if (strcmp(path, "-") == 0) {
    add_file(s, "-");
    return s;
  }
  struct stat st;
  if (stat(path, &st) != 0) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    free(s);
    return NULL;
  }
  if (S_ISDIR(st.st_mode)) walk(s, path);
  else add_file(s, path);
  return s;
}

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && strcasecmp(s + a - b, suf) == 0;
}

static td_format by_name(const char *p) {
  if (ends_with(p, ".jsonl") || ends_with(p, ".ndjson") || ends_with(p, ".jsonl.gz"))
    return TD_FMT_JSONL;
  if (ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".xhtml"))
    return TD_FMT_HTML;
  if (ends_with(p, ".warc") || ends_with(p, ".warc.gz")) return TD_FMT_WARC;
  if (ends_with(p, ".txt") || ends_with(p, ".text")) return TD_FMT_TEXT;
  return TD_FMT_AUTO;
}

/* Guesses a format from the first bytes. */
static td_format sniff(const unsigned char *b, size_t n) {
  if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b) return TD_FMT_WARC;
  if (n >= 5 && memcmp(b, "WARC/", 5) == 0) return TD_FMT_WARC;
  size_t i = 0;
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) i = 3;
  while (i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
  if (i < n && b[i] == '{') return TD_FMT_JSONL;
  if (i < n && b[i] == '<') {
    size_t k = i + 1;
    if (k < n && (b[k] == '!' || b[k] == '?' || ((b[k] | 32) >= 'a' && (b[k] | 32) <= 'z')))
      return TD_FMT_HTML;
  }
  return TD_FMT_TEXT;
}

/* Reads what is left of fd into a buffer of its size (size_hint: the
 * file's size, 0 when unknown) and one byte more, NUL-terminated, grown
 * when the file turns out longer; until read says end of file. Returns
 * 0, or -1 with a reason in *why. */
static int read_fd(int fd, size_t size_hint, char **out, size_t *len, const char **why) {
  const size_t max = TD_MAX_DOC_BYTES;
  if (size_hint > max) {
    *why = "document larger than 512 MB";
    return -1;
  }
  /* room for the file, a byte for the read that finds its end, the NUL */
  size_t cap = (size_hint ? size_hint : 65536) + 2, n = 0;
  char *b = td_xmalloc(cap);
  for (;;) {
    if (n + 1 == cap) { /* full: the file grew, or its size was not known */
      if (n > max) break;
      cap = n > max / 2 ? max + 2 : 2 * n + 2;
      b = td_xrealloc(b, cap);
    }
    ssize_t k = read(fd, b + n, cap - 1 - n);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      free(b);
      *why = strerror(errno);
      return -1;
    }
    if (k == 0) break;
    n += (size_t)k;
  }
  if (n > max) {
    free(b);
    *why = "document larger than 512 MB";
    return -1;
  }
  b[n] = 0;
  *out = b;
  *len = n;
  return 0;
}

/* A plain-text article that is really binary data gets an error: over 1%
 * NUL characters or 10% other control characters and invalid sequences
 * in its first 64 KB (a byte that is a Windows-1252 character is none:
 * repair reads text in Latin-1 or 1252 as such). */
static const char *binary_reason(const char *b, size_t n) {
  size_t bad = 0, nul = 0, check = n < 65536 ? n : 65536;
  const unsigned char *u = (const unsigned char *)b;
  for (size_t i = 0; i < check;) {
    /* perf: eight bytes 0x20..0x7F at once, they count for nothing (a
     * byte under 0x20 borrows in x - 0x20..20, which sets its bit 7) */
    if (i + 8 <= check) {
      uint64_t x;
      memcpy(&x, u + i, 8);
      if (!((x | (x - 0x2020202020202020ull)) & 0x8080808080808080ull)) {
        i += 8;
        continue;
      }
    }
    uint32_t cp = u[i];
    int k = 1;
    if (cp >= 0x80) k = td_utf8_decode(u + i, check - i, &cp);
    if (k == 0) {
      k = td_utf8_decode_lax(u + i, check - i, &cp);
      if (check - i >= 4 && cp == 0xFFFD) bad++;
      i += (size_t)k;
      continue;
    }
    if (cp == 0) nul++;
    else if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f') bad++;
    i += (size_t)k;
  }
  if (nul * 100 > check || bad * 10 > check) return "not text (binary data)";
  return NULL;
}

static td_input *new_input(const char *id) {
  td_input *in = td_xcalloc(1, sizeof *in);
  in->id = td_xstrdup(id);
  return in;
}

static td_input *fail(const char *id, const char *why) {
  td_input *in = new_input(id);
  in->error = td_xstrdup(why);
  return in;
}

/* The document id of a file: its name without folders. */
static const char *base_name(const char *p) {
  if (strcmp(p, "-") == 0) return "stdin";
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* The first up to 512 bytes of the file at fd, for sniff (the file's
 * offset does not move); 0 when they cannot be read. */
static size_t read_head(int fd, unsigned char *head, size_t cap) {
  size_t n = 0;
  while (n < cap) {
    ssize_t k = pread(fd, head + n, cap - n, (off_t)n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break;
    n += (size_t)k;
  }
  return n;
}

/* Opens the next file; returns a single-document input, or NULL when a
 * multi-document reader was started (or the file yields nothing). A
 * regular file is read with open, fstat and read into a buffer of its
 * size; its format is its name's (by_name), else sniffed from its first
 * 512 bytes before it is read: a WARC reader opens the path itself and
 * JSON Lines are read a line at a time, however large the file. stdin
 * and other streams are read whole first, then sniffed. */
static td_input *open_next(td_source *s, const char *path) {
  int is_stdin = strcmp(path, "-") == 0;
  int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(base_name(path), strerror(errno));
  td_format fmt = s->fmt != TD_FMT_AUTO ? s->fmt : by_name(path);
  struct stat st;
  int regular = !is_stdin && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (fmt == TD_FMT_AUTO && regular) {
    unsigned char head[512];
    fmt = sniff(head, read_head(fd, head, sizeof head));
  }
  if (fmt == TD_FMT_WARC) {
    char err[256];
    if (!is_stdin) close(fd); /* the reader opens the path itself */
    s->warc = td_warc_open(path, is_stdin ? stdin : NULL, err, sizeof err);
    if (!s->warc) return fail(base_name(path), err);
    return NULL;
  }
  if (fmt == TD_FMT_JSONL) {
    FILE *f = is_stdin ? stdin : fdopen(fd, "rb");
    if (!f) {
      const char *why = strerror(errno);
      close(fd);
      return fail(base_name(path), why);
    }
    s->jl = f;
    s->jl_name = td_xstrdup(path);
    s->jl_line = 0;
    return NULL;
  }
  char *body = NULL;
  size_t len = 0;
  const char *why = NULL;
  int rc = read_fd(fd, regular ? (size_t)st.st_size : 0, &body, &len, &why);
  if (!is_stdin) close(fd);
  if (rc != 0) return fail(base_name(path), why);
  if (fmt == TD_FMT_AUTO) {
    /* a stream (stdin, a pipe): its first bytes say what it is now */
    fmt = sniff((const unsigned char *)body, len < 512 ? len : 512);
    const char *name = is_stdin ? "stdin" : path;
    if (fmt == TD_FMT_JSONL) {
      /* JSON Lines: parse from memory */
      s->jl_mem = body;
      s->jl_mem_len = len;
      s->jl_mem_off = 0;
      s->jl_name = td_xstrdup(name);
      s->jl_line = 0;
      return NULL;
    }
    if (fmt == TD_FMT_WARC) {
      /* a WARC: the reader reads the bytes already taken */
      char err[256];
      s->warc_mem = body;
      s->warc_mem_f = fmemopen(body, len, "rb");
      s->warc = s->warc_mem_f ? td_warc_open(name, s->warc_mem_f, err, sizeof err) : NULL;
      if (!s->warc) {
        int opened = s->warc_mem_f != NULL;
        if (opened) fclose(s->warc_mem_f);
        s->warc_mem_f = NULL;
        free(s->warc_mem);
        s->warc_mem = NULL;
        return fail(base_name(path), opened ? err : "cannot read stdin as WARC");
      }
      return NULL;
    }
  }
  if (fmt != TD_FMT_HTML && td_utf16_bom(body, len)) {
    /* text in UTF-16 (its byte order mark says which end first: what
     * Windows editors save as "Unicode"), else its NULs read as binary */
    size_t ulen;
    char *u = td_convert_utf8("UTF-16", body, len, &ulen);
    if (u) {
      free(body), body = u, len = ulen;
      if (s->fmt == TD_FMT_AUTO && by_name(path) == TD_FMT_AUTO) /* sniffed: again, in UTF-8 */
        fmt = sniff((const unsigned char *)body, len < 512 ? len : 512) == TD_FMT_HTML ? TD_FMT_HTML : fmt;
    }
  }
  td_input *in = new_input(base_name(path));
  in->body = body;
  in->body_len = len;
  in->is_html = fmt == TD_FMT_HTML;
  if (!in->is_html && len && (why = binary_reason(body, len))) in->error = td_xstrdup(why);
  return in;
}

/* Reads the next line of the JSON Lines file or memory into s->line. */
static ssize_t jl_getline(td_source *s) {
  if (s->jl) return getline(&s->line, &s->line_cap, s->jl);
  if (s->jl_mem_off >= s->jl_mem_len) return -1;
  const char *p = s->jl_mem + s->jl_mem_off;
  const char *nl = memchr(p, '\n', s->jl_mem_len - s->jl_mem_off);
  size_t n = nl ? (size_t)(nl - p) + 1 : s->jl_mem_len - s->jl_mem_off;
  if (n + 1 > s->line_cap) {
    s->line_cap = n + 1;
    s->line = td_xrealloc(s->line, s->line_cap);
  }
  memcpy(s->line, p, n);
  s->line[n] = 0;
  s->jl_mem_off += n;
  return (ssize_t)n;
}

/* Next JSON line of the open JSON Lines input, or NULL at its end. */
static td_input *next_jsonl(td_source *s) {
  ssize_t n;
  while ((n = jl_getline(s)) >= 0) {
    s->jl_line++;
    size_t len = (size_t)n;
    while (len && (s->line[len - 1] == '\n' || s->line[len - 1] == '\r')) len--;
    size_t k = 0;
    while (k < len && (s->line[k] == ' ' || s->line[k] == '\t')) k++;
    if (k == len) continue;
    td_input *in = td_xcalloc(1, sizeof *in);
    td_jsonl_parse_line(s->line, len, base_name(s->jl_name), s->jl_line, in);
    if (!in->id) {
      char id[512];
      snprintf(id, sizeof id, "%s:%zu", base_name(s->jl_name), s->jl_line);
      in->id = td_xstrdup(id);
    }
    return in;
  }
  if (s->jl && s->jl != stdin) fclose(s->jl);
  s->jl = NULL;
  free(s->jl_mem);
  s->jl_mem = NULL;
  free(s->jl_name);
  s->jl_name = NULL;
  return NULL;
}

int td_source_next(td_source *s, td_input **out) {
  for (;;) {
    if (s->jl || s->jl_mem) {
      if ((*out = next_jsonl(s))) return TD_OK;
      continue;
    }
    if (s->warc) {
      if (td_warc_next(s->warc, out) == TD_OK && *out) return TD_OK;
      td_warc_close(s->warc);
      s->warc = NULL;
      if (s->warc_mem_f) fclose(s->warc_mem_f);
      s->warc_mem_f = NULL;
      free(s->warc_mem);
      s->warc_mem = NULL;
      continue;
    }
    if (s->next >= s->nfiles) {
      *out = NULL;
      return TD_EOF;
    }
    const char *path = s->files[s->next++];
    if ((*out = open_next(s, path))) return TD_OK;
  }
}

void td_source_close(td_source *s) {
  if (!s) return;
  if (s->jl && s->jl != stdin) fclose(s->jl);
  free(s->jl_mem);
  if (s->warc) td_warc_close(s->warc);
  if (s->warc_mem_f) fclose(s->warc_mem_f);
  free(s->warc_mem);
  for (size_t i = 0; i < s->nfiles; i++) free(s->files[i]);
  free(s->files);
  free(s->jl_name);
  free(s->line);
  free(s);
}

/* The files a source will read, in reading order (directories walked and
 * sorted; "-" for stdin): the MPI coordinator hands these out one by one. */
size_t td_source_nfiles(const td_source *s) { return s->nfiles; }
const char *td_source_file(const td_source *s, size_t i) {
  return i < s->nfiles ? s->files[i] : NULL;
}
