/*
 * watch.c — `tidings watch`: polls a directory, ingests the articles that
 * appear in it (or change) into a knowledge base, and prints an alert for
 * each new fact a rule matches (src/kb/watch.c has the rules).
 */
#include "cli.h"

#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char help[] =
    "usage: tidings watch --db PATH --rules FILE [options] DIR ...\n"
    "\n"
    "Watches DIR (polling): every file that appears or changes is ingested into\n"
    "the knowledge base at PATH (as 'tidings ingest' does, merge included) once\n"
    "it has stopped growing, and each new fact that a rule of FILE matches is\n"
    "reported on stdout. Rules, one a line ('#' comments):\n"
    "  event [source=CODE] [target=CODE] [root=NN] [cameo=CODE]\n"
    "  quote [speaker=\"NAME\"]\n"
    "  claim disagrees | claim agrees\n"
    "Codes are prefixes (source=PRK matches PRKGOV); NAME is a part of the\n"
    "speaker's name. Files present at start are ingested at once.\n"
    "\n"
    "options:\n"
    "  --db PATH              the store (required)\n"
    "  --rules FILE           the alert rules (required)\n"
    "  --jsonl                alerts as JSON Lines (rule, kind, article, ...)\n"
    "  --interval SECONDS     polling period (default 2)\n"
    "  --once                 one round (what DIR holds now), then exit\n"
    "  and every option of 'tidings extract' (--date, --threads, --dict, ...)\n"
    "  -h, --help             this help\n"
    "\n"
    "Stops on SIGINT or SIGTERM. Exit status: 0, 1 when a round failed to\n"
    "store or alert, 2 usage error.\n";

static volatile sig_atomic_t stop;
static void on_signal(int sig) { stop = sig; }

typedef struct {
  char *path;
  off_t size;
  struct timespec mtime;
  int state; /* 0 seen once (not stable yet), 1 ingested */
} entry;

typedef struct {
  entry *e;
  size_t n, cap;
} seen_set;

static entry *find(seen_set *s, const char *path) {
  for (size_t i = 0; i < s->n; i++)
    if (strcmp(s->e[i].path, path) == 0) return &s->e[i];
  return NULL;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files of dir (regular, not hidden) that are new or changed and have not
 * changed since the last poll (first: everything), appended to *out. */
static void scan(const char *dir, seen_set *s, int first, char ***out, size_t *nout, size_t *cap) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *de;
  char **names = NULL;
  size_t nn = 0, nc = 0;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if (nn == nc) {
      nc = nc ? nc * 2 : 64;
      names = realloc(names, nc * sizeof *names);
      if (!names) exit(2);
    }
    size_t len = strlen(dir) + strlen(de->d_name) + 2;
    names[nn] = malloc(len);
    if (!names[nn]) exit(2);
    snprintf(names[nn++], len, "%s/%s", dir, de->d_name);
  }
  closedir(d);
  if (nn) qsort(names, nn, sizeof *names, cmp_str);
  for (size_t i = 0; i < nn; i++) {
    struct stat st;
    if (stat(names[i], &st) != 0 || !S_ISREG(st.st_mode)) {
      free(names[i]);
      continue;
    }
    entry *e = find(s, names[i]);
    int same = e && e->size == st.st_size && e->mtime.tv_sec == st.st_mtim.tv_sec &&
               e->mtime.tv_nsec == st.st_mtim.tv_nsec;
    if (!e) {
      if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->e = realloc(s->e, s->cap * sizeof *s->e);
        if (!s->e) exit(2);
      }
      e = &s->e[s->n++];
      e->path = names[i];
      e->state = 0;
    } else {
      free(names[i]);
      if (!same) e->state = 0; /* changed: wait until it is stable again */
    }
    e->size = st.st_size, e->mtime = st.st_mtim;
    if (e->state == 0 && (first || same)) { /* stable since the last poll */
      e->state = 1;
      if (*nout == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *out = realloc(*out, *cap * sizeof **out);
        if (!*out) exit(2);
      }
      (*out)[(*nout)++] = e->path;
    }
  }
  free(names);
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *s = malloc(cap);
  size_t k;
  while (s && (k = fread(s + n, 1, cap - n - 1, f)) > 0) {
    n += k;
    if (cap - n < 2) s = realloc(s, cap *= 2);
  }
  fclose(f);
  if (s) s[n] = 0;
  return s;
}

/* watch's own options, beside the shared ones. */
typedef struct {
  const char *db, *rules_path;
  int jsonl, once;
  double interval;
} watch_args;

static int watch_opt(void *ctx, int argc, char **argv, int *i) {
  watch_args *x = ctx;
  const char *a = argv[*i];
  if (strcmp(a, "--db") == 0 && *i + 1 < argc) {
    x->db = argv[++*i];
  } else if (strcmp(a, "--rules") == 0 && *i + 1 < argc) {
    x->rules_path = argv[++*i];
  } else if (strcmp(a, "--jsonl") == 0) {
    x->jsonl = 1;
  } else if (strcmp(a, "--once") == 0) {
    x->once = 1;
  } else if (strcmp(a, "--interval") == 0 && *i + 1 < argc) {
    char *end;
    x->interval = strtod(argv[++*i], &end);
    if (*end || !(x->interval >= 0.05 && x->interval <= 86400)) {
      td_cli_usage_error("watch", "--interval wants seconds (0.05..86400), not '%s'", argv[*i]);
      return -1;
    }
  } else {
    return 0;
  }
  return 1;
}

int td_cmd_watch(int argc, char **argv) {
  td_cli_storing_malloc();
  td_cli_opts o;
  td_cli_opts_init(&o, argc);
  o.progress = 0;
  watch_args x = {NULL, NULL, 0, 0, 2};
  int parsed = td_cli_parse("watch", help, argc, argv, &o, watch_opt, &x);
  if (parsed != 0) {
    td_cli_opts_free(&o);
    return parsed == 1 ? 0 : 2;
  }
  const char *db = x.db, *rules_path = x.rules_path;
  int jsonl = x.jsonl, once = x.once;
  double interval = x.interval;
  if (!db || !rules_path || o.npaths == 0) {
    td_cli_opts_free(&o);
    return td_cli_usage_error("watch", "--db PATH, --rules FILE and a directory are required");
  }
  for (size_t i = 0; i < o.npaths; i++) {
    struct stat st;
    if (stat(o.paths[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
      int rc = td_cli_usage_error("watch", "'%s' is not a directory", o.paths[i]);
      td_cli_opts_free(&o);
      return rc;
    }
  }
  char err[512];
  char *text = read_file(rules_path);
  if (!text) {
    fprintf(stderr, "tidings: %s: cannot read the rules file\n", rules_path);
    td_cli_opts_free(&o);
    return 2;
  }
  td_kb_rules *rules = td_kb_rules_parse(text, err, sizeof err);
  free(text);
  if (!rules) {
    fprintf(stderr, "tidings: %s: %s\n", rules_path, err);
    td_cli_opts_free(&o);
    return 2;
  }
  td_kb *kb = td_kb_open(db, 0, err, sizeof err);
  td_engine *eng = kb ? td_engine_new(&o.cfg, err, sizeof err) : NULL;
  if (!eng) {
    fprintf(stderr, "tidings: %s\n", err);
    td_kb_close(kb);
    td_kb_rules_free(rules);
    td_cli_opts_free(&o);
    return 2;
  }
  if (o.ndicts) td_kb_set_reextract(kb, 1);
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  seen_set seen = {0};
  int rc = 0, first = 1;
  char **batch = NULL;
  size_t nbatch = 0, bcap = 0;
  while (!stop) {
    nbatch = 0;
    for (size_t i = 0; i < o.npaths; i++) scan(o.paths[i], &seen, first, &batch, &nbatch, &bcap);
    first = 0;
    if (nbatch) {
      long mark = td_kb_watermark(kb);
      td_kb_stats st = {0};
      int r = td_kb_ingest(kb, eng, (const char *const *)batch, nbatch, o.fmt, o.threads, stderr, 0, 1, &st);
      if (r != 0) rc = 1;
      if (!o.quiet)
        fprintf(stderr, "tidings: watch: %zu file(s): %zu added, %zu replaced, %zu unchanged, %zu failed\n",
                nbatch, st.added, st.replaced, st.unchanged, st.failed);
      if (td_kb_alerts(kb, rules, mark, jsonl, stdout, err, sizeof err) < 0) {
        fprintf(stderr, "tidings: watch: %s\n", err);
        rc = 1;
      }
    }
    if (once) break;
    /* sleep in short steps so a signal ends the wait soon */
    for (double t = 0; t < interval && !stop; t += 0.05) {
      struct timespec ts = {0, 50 * 1000 * 1000};
      nanosleep(&ts, NULL);
    }
  }
  for (size_t i = 0; i < seen.n; i++) free(seen.e[i].path);
  free(seen.e);
  free(batch);
  td_engine_free(eng);
  td_kb_close(kb);
  td_kb_rules_free(rules);
  td_cli_opts_free(&o);
  return rc;
}
