/*
 * mpi.c — `tidings extract|ingest` split across MPI ranks (issue 11); built
 * only by `make MPI=1` (TD_MPI). Rank 0 is the coordinator: it lists the
 * input files exactly as a single-process run reads them, records the list
 * in OUTDIR/files.txt, leaves out files a shard manifest already records as
 * done, and answers each rank's request for work with the next file (or
 * "stop"): dynamic balancing by file. Every rank, rank 0 included (on a
 * second thread: only the main thread calls MPI), runs the normal in-process
 * pipeline (td_run_each, --threads workers) on each file it gets and appends
 * the records to its shard, marking the file done in the shard's manifest
 * (src/mpi/shards.c). When all ranks have finished, rank 0 reduces the
 * shards in input order: to stdout for extract (byte-identical to a
 * single-process run), into the store for ingest (the same store a single
 * process builds). A rank that dies loses only the file it was on; running
 * the same command again does only the files not done.
 *
 * Waiting ranks poll with short sleeps instead of blocking in MPI, whose
 * busy-waiting would take CPU from the ranks still working on an
 * oversubscribed node.
 */
#ifdef TD_MPI

#include "mpi/mpi.h"
#include "core/core.h"
#include "ingest/ingest.h"
#include "mpi/shards.h"

#include <mpi.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

enum { TAG_REQ = 1, TAG_FIN, TAG_WORK, TAG_STOP };
enum { S_DOCS, S_FAILED, S_OPEN_FAILED, S_FILES, S_BROKEN, S_N };

static const char help_extract[] =
    "usage: mpirun -n N tidings extract --out DIR [options] FILE|DIR ...\n"
    "\n"
    "The MPI build under mpirun or srun: rank 0 hands the input files out one\n"
    "at a time to whichever rank asks; each rank extracts its files (as\n"
    "'tidings extract' does) into DIR/shard-RANK.jsonl, marking each completed\n"
    "file in DIR/shard-RANK.done. Then rank 0 writes all records to stdout in\n"
    "input order: the same bytes as a single-process run. Running the same\n"
    "command again redoes only the files not done.\n"
    "\n"
    "options: as 'tidings extract' (--date, --input-format, --layers, --dict,\n"
    "--resources, --quiet), and\n"
    "  --out DIR              the shard folder (required; on a file system all\n"
    "                         ranks see)\n"
    "  --threads N            worker threads per rank (default 1)\n"
    "  --no-reduce            write the shards only ('tidings merge DIR' later)\n";

static const char help_ingest[] =
    "usage: mpirun -n N tidings ingest --db PATH [--out DIR] [options] FILE|DIR ...\n"
    "\n"
    "The MPI build under mpirun or srun: the ranks extract the input files into\n"
    "shards in DIR (default PATH.shards) as the split 'tidings extract' does;\n"
    "then rank 0 stores every record in the knowledge base at PATH in input\n"
    "order and merges: the store a single-process ingest gives.\n"
    "\n"
    "options: as 'tidings ingest' (--date, --input-format, --dict, --resources,\n"
    "--no-merge, --quiet), and\n"
    "  --out DIR              the shard folder\n"
    "  --threads N            worker threads per rank (default 1)\n"
    "  --no-reduce            write the shards only ('tidings merge DIR --db PATH')\n";

int td_mpi_launched(void) {
  static const char *const vars[] = {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"};
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
    if (getenv(vars[i])) return 1;
  return 0;
}

static void nap(void) {
  struct timespec ts = {0, 500000}; /* 0.5 ms */
  nanosleep(&ts, NULL);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One rank's work: its engine, its shard, its counts. */
typedef struct {
  td_engine *eng;
  td_format fmt;
  int threads, rank;
  const char *dir;
  td_shard *sh;
  long st[S_N];
} rank_work;

static int write_record(void *ctx, const td_doc *doc, const char *json, size_t len) {
  FILE *f = ctx;
  fwrite(json, 1, len, f);
  fputc('\n', f);
  return 0;
}

/* Extracts one input file into the rank's shard and marks it done. -1
 * when the shard is broken (the rank should stop taking work). */
static int do_file(rank_work *w, const char *path) {
  char err[512];
  if (w->st[S_BROKEN]) return -1;
  if (!w->sh && !(w->sh = td_shard_open(w->dir, w->rank, err, sizeof err))) {
    fprintf(stderr, "tidings: rank %d: %s\n", w->rank, err);
    w->st[S_BROKEN] = 1;
    return -1;
  }
  td_run_stats rs = {0};
  const char *paths[1] = {path};
  int rc = td_run_each(w->eng, paths, 1, w->fmt, w->threads, write_record,
                       td_shard_stream(w->sh), stderr, 0, &rs);
  w->st[S_DOCS] += (long)rs.docs;
  w->st[S_FAILED] += (long)rs.failed;
  if (rc < 0) w->st[S_OPEN_FAILED]++;
  if (td_shard_file_done(w->sh, path, err, sizeof err) != 0) {
    fprintf(stderr, "tidings: rank %d: %s\n", w->rank, err);
    w->st[S_BROKEN] = 1;
    return -1;
  }
  w->st[S_FILES]++;
  return 0;
}

static void finish_shard(rank_work *w) {
  char err[512];
  if (w->sh && td_shard_close(w->sh, err, sizeof err) != 0) {
    fprintf(stderr, "tidings: rank %d: %s\n", w->rank, err);
    w->st[S_BROKEN] = 1;
  }
  w->sh = NULL;
}

/* Rank 0's list of files to hand out, shared with its own worker thread. */
typedef struct {
  pthread_mutex_t mu;
  char **todo;
  size_t n, next;
} queue;

static const char *take(queue *q) {
  pthread_mutex_lock(&q->mu);
  const char *p = q->next < q->n ? q->todo[q->next++] : NULL;
  pthread_mutex_unlock(&q->mu);
  return p;
}

typedef struct {
  queue *q;
  rank_work *w;
} local_arg;

static void *local_worker(void *arg) {
  local_arg *a = arg;
  const char *p;
  while ((p = take(a->q)))
    if (do_file(a->w, p) != 0) break;
  finish_shard(a->w);
  return NULL;
}

/* A worker rank (> 0): asks rank 0 for files until told to stop. */
static void serve_rank(rank_work *w) {
  char *path = NULL;
  for (;;) {
    MPI_Send(w->st, S_N, MPI_LONG, 0, w->st[S_BROKEN] ? TAG_FIN : TAG_REQ, MPI_COMM_WORLD);
    if (w->st[S_BROKEN]) break;
    int flag = 0;
    MPI_Status status;
    for (;;) {
      MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
      if (flag) break;
      nap();
    }
    int count = 0;
    MPI_Get_count(&status, MPI_CHAR, &count);
    path = td_xrealloc(path, (size_t)count + 1);
    MPI_Recv(path, count, MPI_CHAR, 0, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    path[count] = 0;
    if (status.MPI_TAG == TAG_STOP) {
      finish_shard(w);
      MPI_Send(w->st, S_N, MPI_LONG, 0, TAG_FIN, MPI_COMM_WORLD);
      break;
    }
    do_file(w, path); /* a broken shard is reported with the next message */
  }
  free(path);
}

/* Rank 0: hands out q's files until every other rank has finished. */
static void coordinate(queue *q, int size, long (*st)[S_N]) {
  int fins = 0;
  while (fins < size - 1) {
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
    if (!flag) {
      nap();
      continue;
    }
    int src = status.MPI_SOURCE;
    MPI_Recv(st[src], S_N, MPI_LONG, src, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (status.MPI_TAG == TAG_FIN) {
      fins++;
      continue;
    }
    const char *p = take(q);
    if (p) MPI_Send(p, (int)strlen(p), MPI_CHAR, src, TAG_WORK, MPI_COMM_WORLD);
    else MPI_Send("", 0, MPI_CHAR, src, TAG_STOP, MPI_COMM_WORLD);
  }
}

/* Rank 0's set-up: the shard folder, the file list, what is left to do.
 * Returns 0, or an exit status (the run does nothing). */
static int plan(const char *dir, const char **paths, size_t npaths, td_format fmt, queue *q,
                size_t *nfiles, int *open_failed, int quiet) {
  if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "tidings: %s: %s\n", dir, strerror(errno));
    return 2;
  }
  char **files = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < npaths; i++) {
    char msg[512];
    td_source *src = td_source_open(paths[i], fmt, msg, sizeof msg);
    if (!src) {
      fprintf(stderr, "tidings: %s\n", msg);
      *open_failed = 1;
      continue;
    }
    for (size_t k = 0; k < td_source_nfiles(src); k++) {
      const char *f = td_source_file(src, k);
      if (strchr(f, '\n')) {
        fprintf(stderr, "tidings: a file name with a line break is left out\n");
        *open_failed = 1;
        continue;
      }
      TD_GROW(files, cap, n + 1);
      files[n++] = td_xstrdup(f);
    }
    td_source_close(src);
  }
  *nfiles = n;
  char err[512];
  int c = td_shards_check_list(dir, files, n, err, sizeof err);
  if (c != 0) {
    if (c > 0)
      fprintf(stderr,
              "tidings: %s holds the shards of another input list (%s differs); "
              "use a new --out folder\n",
              dir, TD_SHARD_LIST);
    else fprintf(stderr, "tidings: %s\n", err);
    td_shards_free_list(files, n);
    return 2;
  }
  size_t ndone;
  char **done = td_shards_done(dir, &ndone);
  q->todo = td_xcalloc(n + 1, sizeof *q->todo);
  for (size_t i = 0; i < n; i++) {
    if (bsearch(&files[i], done, ndone, sizeof *done, td_shards_cmp)) free(files[i]);
    else q->todo[q->n++] = files[i];
  }
  free(files);
  if (!quiet && q->n < n)
    fprintf(stderr, "tidings: %s: %zu of %zu files already done; doing the other %zu\n", dir,
            n - q->n, n, q->n);
  td_shards_free_list(done, ndone);
  return 0;
}

static int valid_date(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  int m = atoi(s + 5), d = atoi(s + 8);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static int usage(int rank, const char *cmd, const char *msg, const char *arg) {
  if (rank == 0)
    fprintf(stderr, "tidings %s: %s%s%s\nTry 'tidings %s --help'.\n", cmd, msg, arg ? " " : "",
            arg ? arg : "", cmd);
  return 2;
}

int td_mpi_cmd(int argc, char **argv, int ingest) {
  const char *cmd = ingest ? "ingest" : "extract";
  int provided = 0, rank = 0, size = 1;
  MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  td_config cfg = {0};
  td_format fmt = TD_FMT_AUTO;
  int threads = 1, quiet = 0, reduce = 1, merge = 1, rc = 0;
  const char *dir = NULL, *db = NULL;
  const char **paths = td_xcalloc((size_t)argc + 1, sizeof *paths);
  const char **dicts = td_xcalloc((size_t)argc + 1, sizeof *dicts);
  size_t npaths = 0, ndicts = 0;
  cfg.dict_dirs = dicts;
  char *dir_owned = NULL;
  for (int i = 1; i < argc && rc == 0; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      if (rank == 0) fputs(ingest ? help_ingest : help_extract, stdout);
      rc = -1;
    } else if (strcmp(a, "--out") == 0 && v) {
      dir = v, i++;
    } else if (ingest && strcmp(a, "--db") == 0 && v) {
      db = v, i++;
    } else if (strcmp(a, "--date") == 0 && v) {
      if (!valid_date(v)) rc = usage(rank, cmd, "--date wants YYYY-MM-DD, not", v);
      cfg.default_date = v, i++;
    } else if (strcmp(a, "--input-format") == 0 && v) {
      if (strcmp(v, "text") == 0 || strcmp(v, "txt") == 0) fmt = TD_FMT_TEXT;
      else if (strcmp(v, "jsonl") == 0 || strcmp(v, "ndjson") == 0) fmt = TD_FMT_JSONL;
      else if (strcmp(v, "html") == 0) fmt = TD_FMT_HTML;
      else if (strcmp(v, "warc") == 0) fmt = TD_FMT_WARC;
      else if (strcmp(v, "auto") == 0) fmt = TD_FMT_AUTO;
      else rc = usage(rank, cmd, "unknown input format", v);
      i++;
    } else if (strcmp(a, "--threads") == 0 && v) {
      char *end;
      long n = strtol(v, &end, 10);
      if (*end || n < 0 || n > 256) rc = usage(rank, cmd, "--threads wants 0..256, not", v);
      threads = (int)n, i++;
    } else if (!ingest && strcmp(a, "--layers") == 0 && v) {
      cfg.layers = v, i++;
    } else if (strcmp(a, "--resources") == 0 && v) {
      cfg.resources = v, i++;
    } else if (strcmp(a, "--dict") == 0 && v) {
      dicts[ndicts++] = v, i++;
    } else if (ingest && strcmp(a, "--no-merge") == 0) {
      merge = 0;
    } else if (strcmp(a, "--no-reduce") == 0) {
      reduce = 0;
    } else if (strcmp(a, "--progress") == 0) {
      /* per-rank progress would interleave; rank 0 prints a summary */
    } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      quiet = 1;
    } else if (strcmp(a, "-") == 0) {
      rc = usage(rank, cmd, "stdin cannot be split across ranks: name files or folders", NULL);
    } else if (a[0] == '-' && a[1]) {
      rc = usage(rank, cmd, "unknown option", a);
    } else {
      paths[npaths++] = a;
    }
  }
  if (rc == 0 && ingest && !db) rc = usage(rank, cmd, "--db PATH is required", NULL);
  if (rc == 0 && ingest && !dir) {
    dir_owned = td_xmalloc(strlen(db) + 8);
    sprintf(dir_owned, "%s.shards", db);
    dir = dir_owned;
  }
  if (rc == 0 && !dir) rc = usage(rank, cmd, "under MPI, --out DIR (the shard folder) is required", NULL);
  if (rc == 0 && npaths == 0) rc = usage(rank, cmd, "no input: give files or folders", NULL);
  if (rc != 0) { /* every rank parsed the same arguments: all stop here */
    free(paths);
    free(dicts);
    free(dir_owned);
    MPI_Finalize();
    return rc < 0 ? 0 : rc;
  }

  double t0 = now_s();
  rank_work w = {0};
  w.fmt = fmt, w.threads = threads, w.rank = rank, w.dir = dir;
  char err[512];
  w.eng = td_engine_new(&cfg, err, sizeof err);
  if (!w.eng) {
    fprintf(stderr, "tidings: rank %d: %s\n", rank, err);
    w.st[S_BROKEN] = 1;
  }
  if (rank > 0) {
    serve_rank(&w);
    td_engine_free(w.eng);
    free(paths);
    free(dicts);
    free(dir_owned);
    MPI_Finalize();
    return w.st[S_BROKEN] || w.st[S_FAILED] || w.st[S_OPEN_FAILED] ? 1 : 0;
  }

  /* rank 0: plan, then coordinate while its own thread works */
  queue q = {0};
  pthread_mutex_init(&q.mu, NULL);
  size_t nfiles = 0;
  int open_failed = 0;
  int fatal = plan(dir, paths, npaths, fmt, &q, &nfiles, &open_failed, quiet);
  if (fatal) q.n = 0; /* hand out nothing: every rank stops at once */
  long(*st)[S_N] = td_xcalloc((size_t)size, sizeof *st);
  local_arg la = {&q, &w};
  pthread_t tid;
  int threaded = size > 1 && provided >= MPI_THREAD_FUNNELED && w.eng &&
                 pthread_create(&tid, NULL, local_worker, &la) == 0;
  if (size == 1 && w.eng) local_worker(&la);
  coordinate(&q, size, st);
  if (threaded) pthread_join(tid, NULL);
  memcpy(st[0], w.st, sizeof w.st);
  long tot[S_N] = {0};
  for (int r = 0; r < size; r++)
    for (int k = 0; k < S_N; k++) tot[k] += st[r][k];
  double t1 = now_s();

  if (!fatal) td_shards_seal(dir, size, stderr); /* shards of ranks this run has not */

  /* the reduce */
  size_t nrec = 0;
  int red = 0;
  if (!fatal && reduce) {
    const char *items[1] = {dir};
    if (!ingest) {
      red = td_shards_reduce(items, 1, NULL, stdout, stderr, &nrec);
    } else {
      td_kb *kb = td_kb_open(db, 0, err, sizeof err);
      if (!kb) {
        fprintf(stderr, "tidings: %s\n", err);
        red = -1;
      } else {
        red = td_shards_reduce(items, 1, kb, NULL, stderr, &nrec);
        if (red >= 0 && td_kb_commit(kb, err, sizeof err) != 0) {
          fprintf(stderr, "tidings: store: %s\n", err);
          red = -1;
        }
        if (red >= 0 && merge && td_kb_merge(kb, err, sizeof err) != 0) {
          fprintf(stderr, "tidings: merge: %s\n", err);
          red = -1;
        }
        td_kb_close(kb);
      }
    }
  }
  if (!quiet && !fatal)
    fprintf(stderr,
            "tidings: mpi: %d ranks x %d threads, %zu files (%ld done now), %ld documents, %ld "
            "failed, %.2f s; reduce: %ld records, %.2f s\n",
            size, threads, nfiles, tot[S_FILES], tot[S_DOCS], tot[S_FAILED], t1 - t0,
            (long)nrec, now_s() - t1);
  if (fatal) rc = fatal;
  else if (red < 0 || tot[S_BROKEN]) rc = 2;
  else if (red > 0 || tot[S_FAILED] || tot[S_OPEN_FAILED] || open_failed) rc = 1;
  td_engine_free(w.eng);
  for (size_t i = 0; i < q.n; i++) free(q.todo[i]);
  free(q.todo);
  pthread_mutex_destroy(&q.mu);
  free(st);
  free(paths);
  free(dicts);
  free(dir_owned);
  MPI_Finalize();
  return rc;
}

#else
typedef int td_mpi_not_built; /* the plain build: no MPI driver */
#endif
