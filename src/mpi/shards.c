/*
 * shards.c — the shards of a split run (see shards.h for the layout): the
 * per-rank writer with its fsync'd manifest, the coordinator's list of
 * inputs and of files already done, and the reduce step that copies every
 * completed file's records back in input order, to a stream or into a
 * knowledge base. Plain C and POSIX: no MPI here.
 */
#include "mpi/shards.h"
#include "core/core.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

struct td_shard {
  char *data, *part, *done; /* final name, temporary name, manifest */
  FILE *f, *man;
  long long start;          /* where the current file's records begin */
  double synced;            /* when both files were last fsync'd */
};

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int td_shards_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void td_shards_free_list(char **list, size_t n) {
  for (size_t i = 0; i < n; i++) free(list[i]);
  free(list);
}

static char *join(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 2;
  char *s = td_xmalloc(n);
  snprintf(s, n, "%s/%s", a, b);
  return s;
}

/* fsyncs the folder holding path, so a rename in it is durable. */
static void sync_dir_of(const char *path) {
  char *d = td_xstrdup(path);
  char *slash = strrchr(d, '/');
  if (slash) *slash = 0;
  int fd = open(slash ? d : ".", O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  free(d);
}

/* One parsed manifest line. */
typedef struct {
  long long start, end;
  char *path;
} entry;

/* The size of a shard's data (base.jsonl.part, the newer when both exist,
 * else base.jsonl), or 0 when it has none. */
static long long data_size(const char *base) {
  char *p = td_xmalloc(strlen(base) + 16);
  struct stat st;
  sprintf(p, "%s.jsonl.part", base);
  int ok = stat(p, &st) == 0;
  if (!ok) {
    sprintf(p, "%s.jsonl", base);
    ok = stat(p, &st) == 0;
  }
  free(p);
  return ok ? (long long)st.st_size : 0;
}

/* Reads the manifest of the shard at base: its complete lines (a torn last
 * line, without '\n', is left out) whose records are all in the data (after
 * a machine crash the manifest may have reached the disk before the records
 * it counts; those files, and every later one, count as not done). *valid
 * receives the byte length of the lines kept. Returns the entries (free
 * with free_entries); none when the manifest cannot be read. */
static entry *read_manifest(const char *base, size_t *n, long long *valid) {
  *n = 0;
  *valid = 0;
  char *path = td_xmalloc(strlen(base) + 8);
  sprintf(path, "%s.done", base);
  FILE *f = fopen(path, "rb");
  free(path);
  entry *v = td_xcalloc(1, sizeof *v);
  if (!f) return v;
  long long limit = data_size(base);
  size_t cap = 1;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t k;
  while ((k = getline(&line, &lcap, f)) > 0) {
    if (line[k - 1] != '\n') break; /* torn: the rank died writing it */
    line[k - 1] = 0;
    char *p = line, *q;
    long long a = strtoll(p, &q, 10);
    if (q == p || *q != ' ') break;
    p = q + 1;
    long long b = strtoll(p, &q, 10);
    if (q == p || *q != ' ' || b < a || a < 0 || b > limit) break;
    *valid += k;
    TD_GROW(v, cap, *n + 1);
    v[*n].start = a;
    v[*n].end = b;
    v[*n].path = td_xstrdup(q + 1);
    (*n)++;
  }
  free(line);
  fclose(f);
  return v;
}

static void free_entries(entry *v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i].path);
  free(v);
}

td_shard *td_shard_open(const char *dir, int rank, char *err, size_t errlen) {
  char name[64];
  td_shard *sh = td_xcalloc(1, sizeof *sh);
  snprintf(name, sizeof name, "shard-%04d.jsonl", rank);
  sh->data = join(dir, name);
  snprintf(name, sizeof name, "shard-%04d.jsonl.part", rank);
  sh->part = join(dir, name);
  snprintf(name, sizeof name, "shard-%04d.done", rank);
  sh->done = join(dir, name);
  /* what an earlier run completed, and where its records end */
  size_t n;
  long long valid, end = 0;
  char *base = td_xstrndup(sh->done, strlen(sh->done) - 5);
  entry *v = read_manifest(base, &n, &valid);
  free(base);
  for (size_t i = 0; i < n; i++)
    if (v[i].end > end) end = v[i].end;
  free_entries(v, n);
  struct stat st;
  if (stat(sh->part, &st) != 0 && stat(sh->data, &st) == 0 && rename(sh->data, sh->part) != 0) {
    snprintf(err, errlen, "%s: %s", sh->data, strerror(errno));
    goto fail;
  }
  int fd = open(sh->part, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0 || fstat(fd, &st) != 0) {
    snprintf(err, errlen, "%s: %s", sh->part, strerror(errno));
    if (fd >= 0) close(fd);
    goto fail;
  }
  if (st.st_size < end) {
    snprintf(err, errlen, "%s: shorter (%lld bytes) than its manifest says (%lld)", sh->part,
             (long long)st.st_size, end);
    close(fd);
    goto fail;
  }
  if (st.st_size > end && ftruncate(fd, (off_t)end) != 0) {
    snprintf(err, errlen, "%s: %s", sh->part, strerror(errno));
    close(fd);
    goto fail;
  }
  sh->start = end;
  sh->synced = now_s();
  sh->f = fdopen(fd, "a");
  /* the manifest: cut a torn last line, then append */
  int mfd = open(sh->done, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (mfd < 0 || ftruncate(mfd, (off_t)valid) != 0) {
    snprintf(err, errlen, "%s: %s", sh->done, strerror(errno));
    if (mfd >= 0) close(mfd);
    goto fail;
  }
  sh->man = fdopen(mfd, "a");
  if (!sh->f || !sh->man) {
    snprintf(err, errlen, "%s: %s", sh->part, strerror(errno));
    goto fail;
  }
  return sh;
fail:
  td_shard_close(sh, NULL, 0);
  return NULL;
}

FILE *td_shard_stream(td_shard *sh) { return sh->f; }

int td_shard_file_done(td_shard *sh, const char *path, char *err, size_t errlen) {
  if (fflush(sh->f) != 0) {
    snprintf(err, errlen, "%s: %s", sh->part, strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fileno(sh->f), &st) != 0) {
    snprintf(err, errlen, "%s: %s", sh->part, strerror(errno));
    return -1;
  }
  /* The records are written (in the kernel) before the manifest line: a
   * process that dies keeps both. Against a machine crash both are fsync'd
   * at most once a second (an fsync per small file costs more than the
   * file); a manifest line that reaches the disk before its records is
   * dropped when read (read_manifest). */
  int sync = now_s() - sh->synced >= 1.0;
  if (sync && fsync(fileno(sh->f)) != 0) {
    snprintf(err, errlen, "%s: %s", sh->part, strerror(errno));
    return -1;
  }
  long long end = (long long)st.st_size;
  fprintf(sh->man, "%lld %lld %s\n", sh->start, end, path);
  if (fflush(sh->man) != 0 || (sync && fsync(fileno(sh->man)) != 0)) {
    snprintf(err, errlen, "%s: %s", sh->done, strerror(errno));
    return -1;
  }
  if (sync) sh->synced = now_s();
  sh->start = end;
  return 0;
}

int td_shard_close(td_shard *sh, char *err, size_t errlen) {
  if (!sh) return 0;
  int rc = 0;
  if (sh->f) {
    if (fflush(sh->f) != 0 || fsync(fileno(sh->f)) != 0) rc = -1;
    if (sh->man && (fflush(sh->man) != 0 || fsync(fileno(sh->man)) != 0)) rc = -1;
    fclose(sh->f);
    if (rc == 0 && rename(sh->part, sh->data) != 0) rc = -1;
    if (rc == 0) sync_dir_of(sh->data);
    if (rc != 0 && err) snprintf(err, errlen, "%s: %s", sh->part, strerror(errno));
  }
  if (sh->man) fclose(sh->man);
  free(sh->data);
  free(sh->part);
  free(sh->done);
  free(sh);
  return rc;
}

void td_shards_seal(const char *dir, int from_rank, FILE *errf) {
  DIR *d = opendir(dir);
  if (!d) return;
  int *ranks = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    int r, k = 0;
    if (sscanf(e->d_name, "shard-%d.jsonl.part%n", &r, &k) == 1 && k > 0 && !e->d_name[k] &&
        r >= from_rank) {
      TD_GROW(ranks, cap, n + 1);
      ranks[n++] = r;
    }
  }
  closedir(d);
  for (size_t i = 0; i < n; i++) {
    char err[512];
    td_shard *sh = td_shard_open(dir, ranks[i], err, sizeof err);
    if (!sh || td_shard_close(sh, err, sizeof err) != 0) fprintf(errf, "tidings: %s\n", err);
  }
  free(ranks);
}

/* Reads a list file: one path a line. NULL when it cannot be read. */
static char **read_list(const char *path, size_t *n) {
  *n = 0;
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char **v = NULL, *line = NULL;
  size_t cap = 0, lcap = 0;
  ssize_t k;
  while ((k = getline(&line, &lcap, f)) > 0) {
    if (line[k - 1] == '\n') line[--k] = 0;
    TD_GROW(v, cap, *n + 1);
    v[(*n)++] = td_xstrdup(line);
  }
  free(line);
  fclose(f);
  if (!v) v = td_xcalloc(1, sizeof *v);
  return v;
}

int td_shards_check_list(const char *dir, char *const *files, size_t n, char *err,
                         size_t errlen) {
  char *path = join(dir, TD_SHARD_LIST);
  size_t m;
  char **old = read_list(path, &m);
  if (old) {
    int same = m == n;
    for (size_t i = 0; same && i < n; i++) same = strcmp(old[i], files[i]) == 0;
    td_shards_free_list(old, m);
    free(path);
    return same ? 0 : 1;
  }
  char *tmp = join(dir, TD_SHARD_LIST ".tmp");
  FILE *f = fopen(tmp, "wb");
  int rc = f ? 0 : -1;
  for (size_t i = 0; f && i < n; i++) fprintf(f, "%s\n", files[i]);
  if (f && (fflush(f) != 0 || fsync(fileno(f)) != 0)) rc = -1;
  if (f) fclose(f);
  if (rc == 0 && rename(tmp, path) != 0) rc = -1;
  if (rc != 0) snprintf(err, errlen, "%s: %s", path, strerror(errno));
  else sync_dir_of(path);
  free(tmp);
  free(path);
  return rc;
}

/* The manifests (shard-*.done) in dir, sorted by name; NULL if none. */
static char **list_manifests(const char *dir, size_t *n) {
  *n = 0;
  DIR *d = opendir(dir);
  if (!d) return NULL;
  char **v = NULL;
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t L = strlen(e->d_name);
    if (strncmp(e->d_name, "shard-", 6) != 0 || L < 11 || strcmp(e->d_name + L - 5, ".done") != 0)
      continue;
    TD_GROW(v, cap, *n + 1);
    v[(*n)++] = join(dir, e->d_name);
  }
  closedir(d);
  if (v) qsort(v, *n, sizeof *v, td_shards_cmp);
  return v;
}

char **td_shards_done(const char *dir, size_t *n) {
  size_t nm;
  char **man = list_manifests(dir, &nm);
  char **v = NULL;
  size_t cap = 0;
  *n = 0;
  for (size_t i = 0; i < nm; i++) {
    size_t ne;
    long long valid;
    char *base = td_xstrndup(man[i], strlen(man[i]) - 5);
    entry *e = read_manifest(base, &ne, &valid);
    free(base);
    for (size_t j = 0; j < ne; j++) {
      TD_GROW(v, cap, *n + 1);
      v[(*n)++] = e[j].path;
      e[j].path = NULL;
    }
    free_entries(e, ne);
  }
  td_shards_free_list(man, nm);
  if (!v) v = td_xcalloc(1, sizeof *v);
  qsort(v, *n, sizeof *v, td_shards_cmp);
  return v;
}

/* ---- reduce ---- */

typedef struct {
  char *dir;       /* the output folder */
  char **list;     /* its files.txt, in input order */
  size_t nlist;
  char **sorted;   /* the same, sorted, with their positions */
  size_t *pos;
} folder;

typedef struct {
  size_t folder, pos; /* sort keys: folder given first, then input order */
  size_t shard;       /* index into the shard bases */
  long long start, end;
  char *path;
} work;

static int cmp_work(const void *a, const void *b) {
  const work *x = a, *y = b;
  if (x->folder != y->folder) return x->folder < y->folder ? -1 : 1;
  if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
  int c = strcmp(x->path, y->path);
  if (c) return c;
  return x->shard < y->shard ? -1 : x->shard > y->shard;
}

static const folder *sort_folder;
static int cmp_pos(const void *a, const void *b) {
  size_t i = *(const size_t *)a, j = *(const size_t *)b;
  return strcmp(sort_folder->list[i], sort_folder->list[j]);
}

/* Position of path in f's list, or (size_t)-1. */
static size_t find_pos(const folder *f, const char *path) {
  size_t lo = 0, hi = f->nlist;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(f->list[f->pos[mid]], path);
    if (c == 0) return f->pos[mid];
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return (size_t)-1;
}

/* The shard base (path without suffix) an item names, or NULL. */
static char *base_of(const char *item) {
  static const char *const sufs[] = {".jsonl.part", ".jsonl", ".done"};
  size_t L = strlen(item);
  for (size_t i = 0; i < 3; i++) {
    size_t k = strlen(sufs[i]);
    if (L > k && strcmp(item + L - k, sufs[i]) == 0) return td_xstrndup(item, L - k);
  }
  return NULL;
}

int td_shards_reduce(const char *const *items, size_t n, td_kb *kb, FILE *out, FILE *errf,
                     size_t *nrec) {
  folder *fo = NULL;
  size_t nfo = 0, focap = 0;
  char **bases = NULL;   /* shard paths without suffix */
  size_t *base_fo = NULL;
  size_t nb = 0, bcap = 0, bfcap = 0;
  work *w = NULL;
  size_t nw = 0, wcap = 0;
  int rc = 0;
  *nrec = 0;
  /* the shards and their folders */
  for (size_t i = 0; i < n; i++) {
    struct stat st;
    if (stat(items[i], &st) != 0) {
      fprintf(errf, "tidings: %s: %s\n", items[i], strerror(errno));
      rc = -1;
      goto done;
    }
    char **found = NULL;
    size_t nfound = 0;
    char *dir;
    if (S_ISDIR(st.st_mode)) {
      dir = td_xstrdup(items[i]);
      found = list_manifests(dir, &nfound);
      for (size_t j = 0; j < nfound; j++) {
        char *b = base_of(found[j]);
        free(found[j]);
        found[j] = b;
      }
    } else {
      char *b = base_of(items[i]);
      if (!b) {
        fprintf(errf, "tidings: %s: not a shard (shard-R.jsonl, .jsonl.part or .done) or folder\n",
                items[i]);
        rc = -1;
        goto done;
      }
      found = td_xmalloc(sizeof *found);
      found[nfound++] = b;
      char *slash = strrchr(b, '/');
      dir = slash ? td_xstrndup(b, (size_t)(slash - b)) : td_xstrdup(".");
    }
    size_t k = 0;
    while (k < nfo && strcmp(fo[k].dir, dir) != 0) k++;
    if (k == nfo) {
      TD_GROW(fo, focap, nfo + 1);
      memset(&fo[nfo], 0, sizeof fo[nfo]);
      fo[nfo].dir = dir;
      char *lp = join(dir, TD_SHARD_LIST);
      fo[nfo].list = read_list(lp, &fo[nfo].nlist);
      if (!fo[nfo].list) {
        fprintf(errf, "tidings: %s: %s (not the output folder of a split run?)\n", lp,
                strerror(errno));
        free(lp);
        nfo++;
        for (size_t j = 0; j < nfound; j++) free(found[j]);
        free(found);
        rc = -1;
        goto done;
      }
      free(lp);
      fo[nfo].pos = td_xmalloc((fo[nfo].nlist + 1) * sizeof(size_t));
      for (size_t j = 0; j < fo[nfo].nlist; j++) fo[nfo].pos[j] = j;
      sort_folder = &fo[nfo];
      qsort(fo[nfo].pos, fo[nfo].nlist, sizeof(size_t), cmp_pos);
      nfo++;
    } else {
      free(dir);
    }
    for (size_t j = 0; j < nfound; j++) {
      size_t b = 0;
      while (b < nb && strcmp(bases[b], found[j]) != 0) b++;
      if (b < nb) {
        free(found[j]);
        continue;
      }
      TD_GROW(bases, bcap, nb + 1);
      TD_GROW(base_fo, bfcap, nb + 1);
      bases[nb] = found[j];
      base_fo[nb++] = k;
    }
    free(found);
  }
  /* every completed file, in input order */
  for (size_t b = 0; b < nb; b++) {
    size_t ne;
    long long valid;
    entry *e = read_manifest(bases[b], &ne, &valid);
    for (size_t j = 0; j < ne; j++) {
      TD_GROW(w, wcap, nw + 1);
      w[nw].folder = base_fo[b];
      w[nw].pos = find_pos(&fo[base_fo[b]], e[j].path);
      w[nw].shard = b;
      w[nw].start = e[j].start;
      w[nw].end = e[j].end;
      w[nw].path = e[j].path;
      e[j].path = NULL;
      if (w[nw].pos == (size_t)-1)
        fprintf(errf, "tidings: %s: %s is not in its files.txt; written last\n", bases[b],
                w[nw].path);
      nw++;
    }
    free_entries(e, ne);
  }
  if (w) qsort(w, nw, sizeof *w, cmp_work);
  /* what is missing */
  for (size_t k = 0; k < nfo; k++) {
    size_t have = 0;
    for (size_t i = 0; i < nw; i++)
      if (w[i].folder == k && w[i].pos != (size_t)-1 &&
          (i == 0 || w[i - 1].folder != k || w[i - 1].pos != w[i].pos))
        have++;
    if (have < fo[k].nlist) {
      fprintf(errf,
              "tidings: %s: %zu of %zu input files are not done yet (re-run the split run to "
              "finish them)\n",
              fo[k].dir, fo[k].nlist - have, fo[k].nlist);
      rc = 1;
    }
  }
  /* copy the records */
  FILE *cur = NULL;
  size_t cur_b = (size_t)-1;
  char *line = NULL;
  size_t lcap = 0;
  for (size_t i = 0; i < nw && rc >= 0; i++) {
    if (i > 0 && w[i - 1].folder == w[i].folder && strcmp(w[i - 1].path, w[i].path) == 0) {
      fprintf(errf, "tidings: %s: done in two shards; the first kept\n", w[i].path);
      continue;
    }
    if (w[i].shard != cur_b) {
      if (cur) fclose(cur);
      char *p = td_xmalloc(strlen(bases[w[i].shard]) + 16);
      sprintf(p, "%s.jsonl.part", bases[w[i].shard]); /* the newer when both */
      cur = fopen(p, "rb");
      if (!cur) {
        sprintf(p, "%s.jsonl", bases[w[i].shard]);
        cur = fopen(p, "rb");
      }
      if (!cur) {
        fprintf(errf, "tidings: %s: %s\n", p, strerror(errno));
        free(p);
        rc = -1;
        break;
      }
      free(p);
      cur_b = w[i].shard;
    }
    if (fseeko(cur, (off_t)w[i].start, SEEK_SET) != 0) {
      fprintf(errf, "tidings: %s: cannot seek to %lld\n", bases[cur_b], w[i].start);
      rc = -1;
      break;
    }
    long long at = w[i].start;
    while (at < w[i].end) {
      ssize_t k = getline(&line, &lcap, cur);
      if (k <= 0 || at + k > w[i].end || line[k - 1] != '\n') {
        fprintf(errf, "tidings: %s: records of %s cut short (shard damaged)\n", bases[cur_b],
                w[i].path);
        rc = -1;
        break;
      }
      at += k;
      (*nrec)++;
      if (!kb) {
        fwrite(line, 1, (size_t)k, out);
        continue;
      }
      char msg[512];
      if (td_kb_add_json(kb, line, (size_t)k - 1, NULL, msg, sizeof msg) != 0) {
        fprintf(errf, "tidings: store: %s\n", msg);
        rc = -1;
        break;
      }
    }
  }
  free(line);
  if (cur) fclose(cur);
  if (out && fflush(out) != 0) rc = -1;
done:
  for (size_t i = 0; i < nw; i++) free(w[i].path);
  free(w);
  for (size_t i = 0; i < nb; i++) free(bases[i]);
  free(bases);
  free(base_fo);
  for (size_t k = 0; k < nfo; k++) {
    free(fo[k].dir);
    if (fo[k].list) td_shards_free_list(fo[k].list, fo[k].nlist);
    free(fo[k].pos);
  }
  free(fo);
  return rc;
}

int td_shards_merge_cmd(const char *const *items, size_t n, const char *db, int no_merge,
                        int quiet) {
  char err[512];
  size_t nrec = 0;
  if (!db) {
    int rc = td_shards_reduce(items, n, NULL, stdout, stderr, &nrec);
    return rc == 0 ? 0 : rc > 0 ? 1 : 2;
  }
  td_kb *kb = td_kb_open(db, 0, err, sizeof err);
  if (!kb) {
    fprintf(stderr, "tidings: %s\n", err);
    return 2;
  }
  int rc = td_shards_reduce(items, n, kb, NULL, stderr, &nrec);
  if (rc >= 0 && td_kb_commit(kb, err, sizeof err) != 0) {
    fprintf(stderr, "tidings: store: %s\n", err);
    rc = -1;
  }
  if (rc >= 0 && !no_merge && td_kb_merge(kb, err, sizeof err) != 0) {
    fprintf(stderr, "tidings: merge: %s\n", err);
    rc = -1;
  }
  td_kb_close(kb);
  if (!quiet && rc >= 0) fprintf(stderr, "tidings: %s: %zu records from shards\n", db, nrec);
  return rc == 0 ? 0 : rc > 0 ? 1 : 2;
}
