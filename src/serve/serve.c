/*
 * serve.c — the HTTP side of `tidings serve`: a GNU libmicrohttpd daemon
 * with a thread pool that answers GET /api/... from the knowledge base
 * (api.c, one read-only SQLite connection per pool thread) and serves the
 * page's static files from memory.
 *
 * Safety: binds 127.0.0.1 unless told otherwise; only GET and HEAD; every
 * query-string argument must be a known name with valid UTF-8 and bounded
 * length; static files are loaded once at start from the web directory
 * (plain files with safe names, one level of subdirectories) and looked up
 * by exact name, so no request path ever reaches the file system. MHD
 * bounds per-connection memory (and so header size), connection count and
 * idle time; api.c bounds query cost. libmicrohttpd is opened when
 * serve starts (core/dl.c), not linked: other commands do not load it and
 * the TLS libraries it pulls in.
 */
#include "serve/serve.h"

#include <microhttpd.h>

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef TD_LIBMHD
#define TD_LIBMHD "libmicrohttpd.so.12" /* its soname since 0.9.0 (2011) */
#endif

/* libmicrohttpd's functions, filled by td_dl_load when serve starts (not
 * linked: core/dl.c). */
#define MHD_FUNCS(X) \
  X(MHD_add_response_header) X(MHD_create_response_from_buffer) \
  X(MHD_destroy_response) X(MHD_get_connection_values_n) \
  X(MHD_get_daemon_info) X(MHD_lookup_connection_value) X(MHD_queue_response) \
  X(MHD_start_daemon) X(MHD_stop_daemon)
static struct {
  MHD_FUNCS(TD_DL_FIELD)
} mhd;
#define MHD_SYM(f) TD_DL_SYM(mhd, f)
static td_dl_sym mhd_syms[] = {MHD_FUNCS(MHD_SYM)};
#undef MHD_SYM
static td_dl_lib libmhd = TD_DL_LIB(TD_LIBMHD, "serve", mhd_syms);

#define TD_SERVE_MAX_FILE (8u << 20)  /* largest static file loaded */
#define TD_SERVE_MAX_FILES 256
#define TD_SERVE_MAX_ARG 1024         /* bytes in one argument value */
#define TD_SERVE_MAX_URL 2048

/* ---- static files ---- */

typedef struct td_static {
  char *name;                  /* "/index.html", "/dist/app.js" */
  struct MHD_Response *resp;   /* shared, created once */
} td_static;

static td_static g_files[TD_SERVE_MAX_FILES];
static int g_nfiles;

static const char *content_type(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot) return "application/octet-stream";
  static const char *map[][2] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}};
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcmp(dot, map[i][0]) == 0) return map[i][1];
  return "application/octet-stream";
}

static int safe_name(const char *s) {
  if (!*s || *s == '.') return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
          *s == '.' || *s == '-' || *s == '_'))
      return 0;
  return 1;
}

static void add_security_headers(struct MHD_Response *r) {
  mhd.MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  mhd.MHD_add_response_header(r, "X-Frame-Options", "DENY");
  mhd.MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  mhd.MHD_add_response_header(r, "Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                          "connect-src 'self'; object-src 'none'; base-uri 'none'");
}

/* Loads the plain files of dir (and of its direct subdirectories, under
 * prefix "/sub/") into g_files. Returns the number loaded. */
static int load_dir(const char *dir, const char *prefix, int depth) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && g_nfiles < TD_SERVE_MAX_FILES) {
    if (!safe_name(e->d_name)) continue;
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
    struct stat st;
    if (lstat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (depth == 0) {
        char sub[512];
        if (snprintf(sub, sizeof sub, "%s%s/", prefix, e->d_name) >= (int)sizeof sub) continue;
        n += load_dir(path, sub, 1);
      }
      continue;
    }
    if (!S_ISREG(st.st_mode) || st.st_size > TD_SERVE_MAX_FILE) continue;
    FILE *f = fopen(path, "rb");
    if (!f) continue;
    size_t len = (size_t)st.st_size;
    char *data = td_xmalloc(len ? len : 1);
    size_t got = fread(data, 1, len, f);
    fclose(f);
    if (got != len) {
      free(data);
      continue;
    }
    struct MHD_Response *r = mhd.MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    mhd.MHD_add_response_header(r, "Content-Type", content_type(e->d_name));
    mhd.MHD_add_response_header(r, "Cache-Control", "no-cache");
    add_security_headers(r);
    char name[1024];
    snprintf(name, sizeof name, "%s%s", prefix, e->d_name);
    g_files[g_nfiles].name = td_xstrdup(name);
    g_files[g_nfiles].resp = r;
    g_nfiles++;
    n++;
  }
  closedir(d);
  return n;
}

static struct MHD_Response *find_static(const char *url) {
  if (strcmp(url, "/") == 0) url = "/index.html";
  for (int i = 0; i < g_nfiles; i++)
    if (strcmp(g_files[i].name, url) == 0) return g_files[i].resp;
  return NULL;
}

/* ---- per-thread API state ---- */

static const td_serve_opts *g_opts;
static pthread_key_t g_api_key;
static pthread_mutex_t g_api_lock = PTHREAD_MUTEX_INITIALIZER;
static td_api *g_apis[256];
static int g_napis;

/* The calling pool thread's connection, opened on first use. */
static td_api *thread_api(char *err, size_t errlen) {
  td_api *a = pthread_getspecific(g_api_key);
  if (a) return a;
  a = td_api_open(g_opts->db, g_opts->query_ms, err, errlen);
  if (!a) return NULL;
  pthread_setspecific(g_api_key, a);
  pthread_mutex_lock(&g_api_lock);
  if (g_napis < (int)(sizeof g_apis / sizeof g_apis[0])) g_apis[g_napis++] = a;
  pthread_mutex_unlock(&g_api_lock);
  return a;
}

/* ---- request handling ---- */

typedef struct arg_check {
  int bad;
  char msg[160];
  td_buf key; /* url, then each argument as \x1fname=value */
} arg_check;

static int valid_utf8(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    int k = td_utf8_decode(p + i, n - i, &cp);
    if (k == 0 || cp == 0) return 0;
    i += (size_t)k;
  }
  return 1;
}

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                 size_t key_size, const char *value, size_t value_size) {
  arg_check *c = cls;
  (void)kind;
  if (!valid_utf8(key, key_size) || strlen(key) != key_size) {
    c->bad = 1;
    snprintf(c->msg, sizeof c->msg, "argument name is not valid UTF-8");
    return MHD_NO;
  }
  if (!td_api_known_arg(key)) {
    c->bad = 1;
    snprintf(c->msg, sizeof c->msg, "unknown argument '%.40s'", key);
    return MHD_NO;
  }
  if (value && (value_size > TD_SERVE_MAX_ARG || !valid_utf8(value, value_size) ||
                strlen(value) != value_size)) {
    c->bad = 1;
    snprintf(c->msg, sizeof c->msg, "argument '%.40s' is not valid UTF-8 or too long", key);
    return MHD_NO;
  }
  td_buf_putc(&c->key, 0x1f);
  td_buf_put(&c->key, key, key_size);
  td_buf_putc(&c->key, '=');
  if (value) td_buf_put(&c->key, value, value_size);
  return MHD_YES;
}

static const char *lookup_arg(void *ctx, const char *name) {
  return mhd.MHD_lookup_connection_value((struct MHD_Connection *)ctx, MHD_GET_ARGUMENT_KIND, name);
}

static enum MHD_Result send_buf(struct MHD_Connection *c, int status, td_buf *b) {
  size_t len;
  char *p = td_buf_detach(b, &len);
  struct MHD_Response *r = mhd.MHD_create_response_from_buffer(len, p, MHD_RESPMEM_MUST_FREE);
  mhd.MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
  mhd.MHD_add_response_header(r, "Cache-Control", "no-store");
  add_security_headers(r);
  enum MHD_Result ret = mhd.MHD_queue_response(c, (unsigned)status, r);
  mhd.MHD_destroy_response(r);
  return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg) {
  td_buf b = TD_BUF_INIT;
  td_api_error(&b, status, msg);
  return send_buf(c, status, &b);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **state) {
  (void)cls, (void)version, (void)upload_data;
  /* First call for a request: headers only. Reject bodies before they are read. */
  if (*state == NULL) {
    static int marker;
    *state = &marker;
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
      struct MHD_Response *r;
      td_buf b = TD_BUF_INIT;
      td_api_error(&b, 405, "only GET and HEAD are allowed");
      size_t len;
      char *p = td_buf_detach(&b, &len);
      r = mhd.MHD_create_response_from_buffer(len, p, MHD_RESPMEM_MUST_FREE);
      mhd.MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
      mhd.MHD_add_response_header(r, "Allow", "GET, HEAD");
      mhd.MHD_add_response_header(r, "Connection", "close");
      enum MHD_Result ret = mhd.MHD_queue_response(c, 405, r);
      mhd.MHD_destroy_response(r);
      return ret;
    }
    return MHD_YES;
  }
  if (*upload_size != 0) {
    *upload_size = 0; /* GET with a body: ignore it */
    return MHD_YES;
  }
  size_t ulen = strlen(url);
  if (ulen > TD_SERVE_MAX_URL) return send_error(c, 414, "URL too long");
  if (!valid_utf8(url, ulen)) return send_error(c, 400, "path is not valid UTF-8");
  if (strstr(url, "..") || strchr(url, '\\')) return send_error(c, 400, "bad path");

  if (strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0) {
    arg_check chk = {0, "", TD_BUF_INIT};
    td_buf_put(&chk.key, url, ulen);
    mhd.MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, check_arg, &chk);
    if (chk.bad) {
      td_buf_free(&chk.key);
      return send_error(c, 400, chk.msg);
    }
    char err[256];
    td_api *a = thread_api(err, sizeof err);
    if (!a) {
      td_buf_free(&chk.key);
      return send_error(c, 503, "database unavailable");
    }
    td_buf b = TD_BUF_INIT;
    int status = td_api_respond(a, g_opts->no_cache ? NULL : chk.key.ptr, url, lookup_arg, c, &b);
    td_buf_free(&chk.key);
    return send_buf(c, status, &b);
  }
  struct MHD_Response *r = find_static(url);
  if (!r) return send_error(c, 404, "not found");
  return mhd.MHD_queue_response(c, MHD_HTTP_OK, r);
}

/* ---- start and stop ---- */

static int default_web(char *out, size_t n) {
  static const char *cands[] = {"web", TD_DATADIR "/web"};
  for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
    char p[4096];
    snprintf(p, sizeof p, "%s/index.html", cands[i]);
    if (access(p, R_OK) == 0) {
      snprintf(out, n, "%s", cands[i]);
      return 0;
    }
  }
  return -1;
}

int td_serve_run(const td_serve_opts *o, FILE *err) {
  td_serve_opts opts = *o;
  if (!opts.listen) opts.listen = "127.0.0.1";
  if (opts.threads <= 0) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    opts.threads = n < 2 ? 2 : (n > 64 ? 64 : (int)n);
  }
  if (opts.max_conn <= 0) opts.max_conn = 512;
  if (opts.query_ms <= 0) opts.query_ms = 2000;
  if (opts.idle_s <= 0) opts.idle_s = 15;
  g_opts = &opts;

  /* Check the store opens before listening. */
  char msg[512];
  td_api *probe = td_api_open(opts.db, opts.query_ms, msg, sizeof msg);
  if (!probe) {
    fprintf(err, "tidings serve: %s\n", msg);
    return 1;
  }
  td_api_close(probe);
  if (td_dl_load(&libmhd, msg, sizeof msg) != 0) {
    fprintf(err, "tidings serve: %s\n", msg);
    return 1;
  }

  char webdir[4096];
  if (opts.web) snprintf(webdir, sizeof webdir, "%s", opts.web);
  else if (default_web(webdir, sizeof webdir) != 0) webdir[0] = 0;
  if (webdir[0] && load_dir(webdir, "/", 0) == 0)
    fprintf(err, "tidings serve: warning: no files in %s (only the API is served)\n", webdir);

  struct sockaddr_in sa4;
  struct sockaddr_in6 sa6;
  struct sockaddr *sa;
  int v6 = strchr(opts.listen, ':') != NULL;
  memset(&sa4, 0, sizeof sa4);
  memset(&sa6, 0, sizeof sa6);
  if (v6) {
    sa6.sin6_family = AF_INET6;
    sa6.sin6_port = htons((uint16_t)opts.port);
    if (inet_pton(AF_INET6, opts.listen, &sa6.sin6_addr) != 1) goto bad_addr;
    sa = (struct sockaddr *)&sa6;
  } else {
    sa4.sin_family = AF_INET;
    sa4.sin_port = htons((uint16_t)opts.port);
    if (inet_pton(AF_INET, opts.listen, &sa4.sin_addr) != 1) goto bad_addr;
    sa = (struct sockaddr *)&sa4;
  }

  /* SIGINT and SIGTERM are blocked in every thread (the pool threads
   * inherit the mask) and taken by sigwait below, so a stop signal is
   * never lost in a pool thread while the main thread waits. */
  sigset_t stop_sigs;
  sigemptyset(&stop_sigs);
  sigaddset(&stop_sigs, SIGINT);
  sigaddset(&stop_sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_sigs, NULL);
  signal(SIGPIPE, SIG_IGN);

  pthread_key_create(&g_api_key, NULL);
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL_LINUX_ONLY |
                   MHD_USE_TURBO | (v6 ? MHD_USE_IPv6 : 0);
  struct MHD_Daemon *d = mhd.MHD_start_daemon(
      flags, (uint16_t)opts.port, NULL, NULL, on_request, NULL,
      MHD_OPTION_SOCK_ADDR, sa,
      MHD_OPTION_THREAD_POOL_SIZE, (unsigned)opts.threads,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned)opts.max_conn,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)opts.max_conn,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)opts.idle_s,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
      MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024,
      MHD_OPTION_END);
  if (!d) {
    fprintf(err, "tidings serve: cannot listen on %s port %d: %s\n", opts.listen, opts.port,
            strerror(errno));
    pthread_sigmask(SIG_UNBLOCK, &stop_sigs, NULL);
    return 1;
  }
  const union MHD_DaemonInfo *info = mhd.MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  int port = info ? info->port : opts.port;
  if (opts.port_file) {
    FILE *pf = fopen(opts.port_file, "w");
    if (pf) fprintf(pf, "%d\n", port), fclose(pf);
  }
  if (!opts.quiet)
    fprintf(err, "tidings serve: http://%s%s%s:%d/ (%d threads, %d files, db %s)\n",
            v6 ? "[" : "", opts.listen, v6 ? "]" : "", port, opts.threads, g_nfiles, opts.db);

  int sig = 0;
  while (sigwait(&stop_sigs, &sig) != 0) {
  }

  /* The stop signals stay blocked: a second SIGTERM (timeout(1) sends one
   * to the child and one to its group) must not kill the clean stop. */
  mhd.MHD_stop_daemon(d);
  for (int i = 0; i < g_napis; i++) td_api_close(g_apis[i]);
  g_napis = 0;
  for (int i = 0; i < g_nfiles; i++) {
    mhd.MHD_destroy_response(g_files[i].resp);
    free(g_files[i].name);
  }
  g_nfiles = 0;
  return 0;

bad_addr:
  fprintf(err, "tidings serve: bad listen address '%s'\n", opts.listen);
  return 1;
}
