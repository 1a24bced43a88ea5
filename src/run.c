/*
 * run.c — the parallel driver behind `tidings extract`: one reader (the
 * calling thread) streams inputs from the sources into a bounded ring,
 * N workers run the pipeline on a few documents at a time (stage by stage
 * over them: the caches stay warm), and results are written in
 * input order by whichever worker completes the next one due. Memory is
 * bounded by the ring size; output is identical for any thread count.
 * td_run_each is the same driver handing each document to a callback (in
 * input order, under the output lock) instead of writing it: the knowledge
 * base's ingest is built on it, and td_extract_run on top of it. Both use
 * it light (td_run_each_light): a document is freed once its JSON is made.
 */
#include "doc.h"
#include "ingest/ingest.h"

#include <ftw.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
  td_input *in;
  td_doc *doc;     /* kept for the callback (NULL when it failed, or a light run) */
  char *json, *err, *id;
  char sha256[65], input_sha256[65]; /* a light run: the document's, for the callback */
  size_t len, bytes;
  int done;
} slot;

typedef struct {
  td_engine *eng;
  FILE *errf;
  td_doc_cb cb;
  void *ctx;
  int cb_failed;
  int light;       /* td_run_each_light: documents freed once their JSON is made */
  int nworkers;    /* worker threads (0: the calling thread works alone) */
  size_t wbatch;   /* the most inputs a worker takes at a time */
  slot *ring;
  size_t R;
  size_t seq;      /* inputs read so far */
  size_t take;     /* next input a worker takes */
  size_t next_out; /* next result to write */
  int eof;
  int writing;     /* a worker is writing results (flush_ready) */
  pthread_mutex_t mu;
  pthread_cond_t cv_work, cv_space;
  td_run_stats st;
  int progress;
  double t0, last_progress;
  double total_bytes; /* size of the input files, for the ETA (0: unknown) */
} runner;

static double walk_total; /* nftw has no context pointer; progress only */
static int add_size(const char *path, const struct stat *sb, int type, struct FTW *ftw) {
  if (type == FTW_F && S_ISREG(sb->st_mode)) walk_total += (double)sb->st_size;
  return 0;
}

/* Total size of the files under paths (stdin counts nothing). */
static double input_size(const char *const *paths, size_t n) {
  static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&mu);
  walk_total = 0;
  for (size_t i = 0; i < n; i++)
    if (strcmp(paths[i], "-") != 0) nftw(paths[i], add_size, 16, FTW_PHYS);
  double t = walk_total;
  pthread_mutex_unlock(&mu);
  return t;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Documents processed together, stage by stage (td_doc_process_batch):
 * up to BATCH_DOCS consecutive inputs, fewer once they reach BATCH_BYTES
 * (a long article fills the cache on its own, and holds more memory).
 * Each stage's tables stay in the cache over the whole batch (perf, issue
 * 11: 32 documents, not 8, on bench/bbc at one thread: stage total
 * 0.878 -> 0.823 CPU-s, tag -11%, places -9%, times -10%; 16 and 64 were
 * slower than 32; peak RSS 90 -> 98 MB). Workers take at most
 * BATCH_DOCS shared among them, at least WORKER_BATCH (at two threads 16
 * each, not 4: stage total 0.804 -> 0.768 CPU-s, 10 of 15 rounds less CPU,
 * so two threads keep the gain one thread has), half of their share of
 * the ring, so that one finishing early finds inputs left while the
 * output waits on another's batch; the ring grows to twice the batches. */
#define BATCH_DOCS 32
#define WORKER_BATCH 4
#define BATCH_BYTES 65536

/* Fills slot s from the document made of its input (no lock held). */
static void finish(runner *r, slot *s, td_doc *doc) {
  s->bytes = s->in->body_len;
  s->id = td_xstrdup(s->in->id ? s->in->id : "-");
  if (td_doc_error(doc)) s->err = td_xstrdup(td_doc_error(doc));
  else if (!td_engine_timing(r->eng)) s->json = td_doc_to_json(doc, &s->len);
  else { /* TIDINGS_TIMINGS (engine.c) */
    uint64_t t0 = td_cpu_ns();
    s->json = td_doc_to_json(doc, &s->len);
    td_engine_time_add(r->eng, "json", td_cpu_ns() - t0);
  }
  if (r->light && !s->err) {
    memcpy(s->sha256, doc->sha256, sizeof s->sha256);
    memcpy(s->input_sha256, doc->input_sha256, sizeof s->input_sha256);
  }
  if (s->err || r->light) td_doc_free(doc);
  else s->doc = doc;
  td_input_free(s->in);
  s->in = NULL;
}

/* Processes the inputs of slots b[0..n) (n <= BATCH_DOCS) into them, no
 * lock held. */
static void process(runner *r, slot *const *b, size_t n) {
  const td_input *in[BATCH_DOCS] = {0};
  td_doc *docs[BATCH_DOCS];
  for (size_t k = 0; k < n; k++) in[k] = b[k]->in;
  td_doc_process_batch(r->eng, in, n, docs);
  for (size_t k = 0; k < n; k++) finish(r, b[k], docs[k]);
}

static void show_progress(runner *r, int final) {
  double t = now_s();
  if (!r->progress || (!final && t - r->last_progress < 0.5)) return;
  r->last_progress = t;
  double el = t - r->t0 > 1e-9 ? t - r->t0 : 1e-9;
  char eta[48] = "";
  double rate = r->st.bytes / el;
  if (!final && r->total_bytes > r->st.bytes && rate > 0) {
    long s = (long)((r->total_bytes - r->st.bytes) / rate);
    snprintf(eta, sizeof eta, ", ETA %ld:%02ld", s / 60, s % 60);
  }
  fprintf(r->errf, "\r%zu documents, %.2f MB, %.2f MB/s, %zu errors%s   %s", r->st.docs,
          r->st.bytes / 1e6, r->st.bytes / 1e6 / el, r->st.failed, eta, final ? "\n" : "");
  fflush(r->errf);
}

/* The document to hand the callback for slot s: its own, or in a light
 * run meta filled with what the slot kept of it (id and hashes). */
static const td_doc *slot_doc(const runner *r, const slot *s, td_doc *meta) {
  if (!r->light) return s->doc;
  memset(meta, 0, sizeof *meta);
  meta->eng = r->eng;
  meta->id = s->id;
  memcpy(meta->sha256, s->sha256, sizeof meta->sha256);
  memcpy(meta->input_sha256, s->input_sha256, sizeof meta->input_sha256);
  return meta;
}

/* Writes every finished result that is due, in order. Lock held on entry
 * and on return, but released around the callback and the frees, so that
 * workers keep taking and finishing documents while one of them writes: the
 * first worker to find results due becomes the writer (r->writing) until
 * none is due; the others only mark theirs done. A slot is not reused
 * until next_out passes it, so the writer reads it without the lock. */
static void flush_ready(runner *r) {
  td_doc meta; /* a light run's stand-in for the document */
  if (r->writing) return;
  r->writing = 1;
  while (r->next_out < r->seq) {
    slot *s = &r->ring[r->next_out % r->R];
    if (!s->done) break;
    int failed = s->err != NULL, cb_failed = r->cb_failed;
    pthread_mutex_unlock(&r->mu);
    if (failed) {
      if (r->progress) fputc('\r', r->errf);
      fprintf(r->errf, "tidings: %s: %s\n", s->id, s->err);
    } else if (!cb_failed && r->cb(r->ctx, slot_doc(r, s, &meta), s->json, s->len) != 0) {
      cb_failed = 1; /* the consumer gave up: drain without calling it */
    }
    td_doc_free(s->doc);
    free(s->json);
    free(s->err);
    free(s->id);
    pthread_mutex_lock(&r->mu);
    r->cb_failed = cb_failed;
    r->st.docs++;
    r->st.bytes += s->bytes;
    if (failed) r->st.failed++;
    memset(s, 0, sizeof *s);
    r->next_out++;
    show_progress(r, 0);
    pthread_cond_broadcast(&r->cv_space);
  }
  r->writing = 0;
}

static void *worker(void *arg) {
  runner *r = arg;
  slot *b[BATCH_DOCS];
  td_thread_set_peers(r->nworkers); /* (caches size themselves by it) */
  pthread_mutex_lock(&r->mu);
  for (;;) {
    while (r->take == r->seq && !r->eof) pthread_cond_wait(&r->cv_work, &r->mu);
    if (r->take == r->seq && r->eof) break;
    size_t n = 0, bytes = 0; /* the next inputs read, as many as a batch takes */
    while (n < r->wbatch && r->take < r->seq && bytes < BATCH_BYTES) {
      b[n] = &r->ring[r->take++ % r->R];
      bytes += b[n++]->in->body_len;
    }
    pthread_mutex_unlock(&r->mu);
    process(r, b, n);
    pthread_mutex_lock(&r->mu);
    for (size_t k = 0; k < n; k++) b[k]->done = 1;
    flush_ready(r);
  }
  pthread_mutex_unlock(&r->mu);
  return NULL;
}

/* Hands one input to the workers, waiting while the ring is full. */
static void submit(runner *r, td_input *in) {
  pthread_mutex_lock(&r->mu);
  while (r->seq - r->next_out >= r->R) pthread_cond_wait(&r->cv_space, &r->mu);
  slot *s = &r->ring[r->seq % r->R];
  memset(s, 0, sizeof *s);
  s->in = in;
  r->seq++;
  pthread_cond_signal(&r->cv_work);
  pthread_mutex_unlock(&r->mu);
}

/* Single-threaded: processes the batch b[0..n) and writes what is due. */
static void run_batch(runner *r, slot *const *b, size_t n) {
  process(r, b, n);
  for (size_t k = 0; k < n; k++) b[k]->done = 1;
  pthread_mutex_lock(&r->mu);
  flush_ready(r);
  pthread_mutex_unlock(&r->mu);
}

static int run(td_engine *eng, const char *const *paths, size_t npaths, td_format fmt,
               int threads, td_skip_cb skip, td_doc_cb cb, void *ctx, FILE *err, int progress,
               td_run_stats *stats, int light);

int td_run_each(td_engine *eng, const char *const *paths, size_t npaths,
                td_format fmt, int threads, td_doc_cb cb, void *ctx, FILE *err,
                int progress, td_run_stats *stats) {
  return td_run_each_skip(eng, paths, npaths, fmt, threads, NULL, cb, ctx, err, progress, stats);
}

int td_run_each_skip(td_engine *eng, const char *const *paths, size_t npaths,
                     td_format fmt, int threads, td_skip_cb skip, td_doc_cb cb, void *ctx,
                     FILE *err, int progress, td_run_stats *stats) {
  return run(eng, paths, npaths, fmt, threads, skip, cb, ctx, err, progress, stats, 0);
}

int td_run_each_light(td_engine *eng, const char *const *paths, size_t npaths,
                      td_format fmt, int threads, td_skip_cb skip, td_doc_cb cb, void *ctx,
                      FILE *err, int progress, td_run_stats *stats) {
  return run(eng, paths, npaths, fmt, threads, skip, cb, ctx, err, progress, stats, 1);
}

/* The driver: td_run_each_skip, or with light td_run_each_light. */
static int run(td_engine *eng, const char *const *paths, size_t npaths, td_format fmt,
               int threads, td_skip_cb skip, td_doc_cb cb, void *ctx, FILE *err, int progress,
               td_run_stats *stats, int light) {
  if (threads <= 0) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    threads = n > 0 ? (int)n : 1;
  }
  if (threads > 256) threads = 256;
  runner r = {0};
  r.eng = eng, r.cb = cb, r.ctx = ctx, r.errf = err, r.progress = progress, r.light = light;
  r.wbatch = BATCH_DOCS / (size_t)threads;
  if (r.wbatch < WORKER_BATCH) r.wbatch = WORKER_BATCH;
  r.R = (size_t)threads * 8;
  if (r.R < (size_t)threads * 2 * r.wbatch) r.R = (size_t)threads * 2 * r.wbatch;
  if (r.R < BATCH_DOCS) r.R = BATCH_DOCS; /* a single-threaded batch's slots differ */
  r.ring = td_xcalloc(r.R, sizeof(slot));
  if (progress) r.total_bytes = input_size(paths, npaths);
  r.t0 = now_s();
  pthread_mutex_init(&r.mu, NULL);
  pthread_cond_init(&r.cv_work, NULL);
  pthread_cond_init(&r.cv_space, NULL);
  pthread_t *tids = td_xcalloc((size_t)threads, sizeof(pthread_t));
  int nthreads = 0;
  r.nworkers = threads > 1 ? threads : 0;
  if (threads > 1)
    for (; nthreads < threads; nthreads++)
      if (pthread_create(&tids[nthreads], NULL, worker, &r) != 0) break;
  int open_failed = 0;
  slot *b[BATCH_DOCS]; /* single-threaded: the batch being gathered */
  size_t nb = 0, bbytes = 0;
  for (size_t i = 0; i < npaths; i++) {
    char msg[512];
    td_source *src = td_source_open(paths[i], fmt, msg, sizeof msg);
    if (!src) {
      fprintf(err, "tidings: %s\n", msg);
      open_failed = 1;
      continue;
    }
    if (td_source_nfiles(src) == 0) /* a folder with no files: say so, fail nothing */
      fprintf(err, "tidings: %s: no files in this folder\n", paths[i]);
    td_input *in;
    int timing = td_engine_timing(eng);
    for (;;) {
      uint64_t tr = timing ? td_cpu_ns() : 0;
      int got = td_source_next(src, &in);
      if (timing) td_engine_time_add(eng, "read", td_cpu_ns() - tr); /* engine.c */
      if (got != TD_OK) break;
      if (skip && skip(ctx, in)) { /* issue 9: already stored, not extracted */
        pthread_mutex_lock(&r.mu);
        r.st.skipped++;
        r.st.docs++;
        r.st.bytes += in->body_len;
        show_progress(&r, 0);
        pthread_mutex_unlock(&r.mu);
        td_input_free(in);
        continue;
      }
      if (nthreads == 0) { /* single-threaded: no workers at all */
        slot *s = &r.ring[r.seq++ % r.R]; /* (R >= BATCH_DOCS: the batch's slots differ) */
        memset(s, 0, sizeof *s);
        s->in = in;
        b[nb++] = s, bbytes += in->body_len;
        if (nb == BATCH_DOCS || bbytes >= BATCH_BYTES) run_batch(&r, b, nb), nb = 0, bbytes = 0;
      } else {
        submit(&r, in);
      }
    }
    td_source_close(src);
  }
  if (nb) run_batch(&r, b, nb);
  pthread_mutex_lock(&r.mu);
  r.eof = 1;
  pthread_cond_broadcast(&r.cv_work);
  pthread_mutex_unlock(&r.mu);
  for (int i = 0; i < nthreads; i++) pthread_join(tids[i], NULL);
  r.st.seconds = now_s() - r.t0;
  show_progress(&r, 1);
  if (stats) *stats = r.st;
  free(tids);
  free(r.ring);
  pthread_mutex_destroy(&r.mu);
  pthread_cond_destroy(&r.cv_work);
  pthread_cond_destroy(&r.cv_space);
  if (open_failed || r.cb_failed) return -1;
  return (int)(r.st.failed > 0x7fffffff ? 0x7fffffff : r.st.failed);
}

static int write_line(void *ctx, const td_doc *doc, const char *json, size_t len) {
  FILE *out = ctx;
  fwrite(json, 1, len, out);
  fputc('\n', out);
  return 0;
}

int td_extract_run(td_engine *eng, const char *const *paths, size_t npaths,
                   td_format fmt, int threads, FILE *out, FILE *err,
                   int progress, td_run_stats *stats) {
  int rc = td_run_each_light(eng, paths, npaths, fmt, threads, NULL, write_line, out, err,
                             progress, stats);
  fflush(out);
  return rc;
}
