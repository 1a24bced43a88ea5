/*
 * ingest.c — `tidings ingest` in the library: runs the parallel extraction
 * driver (td_run_each_light: the callback reads of each document its id
 * and input hash only) and stores each document as it comes out, in input
 * order, then commits the last batch and merges. The driver's callback reads
 * each record (parses it, computes its min-hash) into a bounded queue; one
 * writer thread stores it, so the SQLite work overlaps extraction and the
 * reading of the next records.
 *
 * Re-ingest: before extraction, each input's key (sha256 of the program
 * version, resources hash, options, input bytes and metadata) is looked up
 * among the keys of the inputs already stored (loaded once, sorted); a hit is
 * not extracted at all. Inputs that go on are queued, in order, with their
 * key, so the record stored for each carries it into the `inputs` table.
 */
#include "kb/kb.h"
#include "doc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The queue between extraction and the writer holds up to QCAP records
 * and QBYTES of their JSON (but always one): enough for extraction to go on
 * while the writer commits a batch, and a bound however long the articles. */
#define QCAP 256
#define QBYTES ((size_t)8 << 20)
#define QWAKE 16 /* records queued before a sleeping writer is woken */
/* Records stored go back to the extraction threads for the next ones: read
 * on one thread and freed on the writer's, their memory went back to the
 * system and was faulted in again for every record. */
#define QSPARE 32
/* Records queued beyond which the writer is behind: the extraction threads
 * then parse the records they queue; else the writer parses them (work
 * taken off the extraction threads while the writer has time for it). */
#define QBEHIND (2 * QWAKE)

/* An input sent to extraction: matched to its record by (id, input hash). */
typedef struct {
  char *id;
  char ih[65], key[65];
} pending;

typedef struct {
  td_kb *kb;
  /* skipping (reader thread pushes, driver callback pops; own lock) */
  char fp[65];        /* engine fingerprint */
  char (*known)[65];  /* sorted keys of stored inputs */
  size_t nknown;
  pending *pend;
  size_t phead, ptail, pcap;
  pthread_mutex_t pmu;
  td_kb_stats *st;
  FILE *err;
  int store_failed;
  td_kb_rec *q[QCAP];  /* records read (parsed, min-hashed) before the writer */
  td_kb_rec *spare[QSPARE]; /* records stored, kept for their memory */
  size_t nspare;
  char qkey[QCAP][65]; /* the input key of each queued record ("" none) */
  size_t qlen[QCAP];   /* the length of its JSON */
  size_t head, tail; /* head: next to store; tail: next free */
  size_t qbytes;     /* the JSON bytes queued */
  int done, gave_up;
  int writer_waits, reader_waits; /* sleeping on cv_item, on cv_space (count) */
  double reader_wait, writer_idle; /* seconds (TIDINGS_TIMINGS prints them) */
  double writer_cpu;               /* the writer thread's CPU seconds (the same) */
  pthread_mutex_t mu;
  pthread_cond_t cv_item, cv_space;
} ingest_ctx;

/* With TIDINGS_TIMINGS in the environment, ingest prints the wall and
 * CPU time of each of its phases (what extraction alone prints per stage,
 * src/engine.c). */
typedef struct {
  int on;
  struct timespec wall, cpu; /* when the phase began */
} phases;

static double since(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Ends the phase called name: prints its times, begins the next. */
static void phase(phases *p, FILE *err, const char *name) {
  if (!p->on) return;
  struct timespec w, c;
  clock_gettime(CLOCK_MONOTONIC, &w);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
  fprintf(err, "ingest: %-16s wall %.3f s  cpu %.3f s\n", name, since(&p->wall, &w), since(&p->cpu, &c));
  p->wall = w, p->cpu = c;
}

static int key_cmp(const void *a, const void *b) { return strcmp(a, b); }

/* The input key of in under fingerprint fp, into key[65]; its body hash
 * (what the document's input_sha256 will be) into ih[65]. */
static void input_key(const char *fp, const td_input *in, char ih[65], char key[65]) {
  ih[0] = 0;
  if (in->body) td_sha256_hex(in->body, in->body_len, ih);
  td_kb_key(key, 9, fp, in->id ? in->id : "-", ih, in->is_html ? "html" : "text", in->title,
            in->date, in->source, in->url, in->fallback_date);
}

/* The driver's skip callback (reading thread): 1 when the input is stored. */
static int skip_stored(void *ctx, const td_input *in) {
  ingest_ctx *c = ctx;
  if (in->error) return 0;
  pending p;
  input_key(c->fp, in, p.ih, p.key);
  if (c->nknown && bsearch(p.key, c->known, c->nknown, sizeof c->known[0], key_cmp)) return 1;
  p.id = td_xstrdup(in->id ? in->id : "-");
  pthread_mutex_lock(&c->pmu);
  if (c->ptail - c->phead == c->pcap) { /* grow, keeping the order */
    size_t n = c->pcap ? c->pcap * 2 : 64;
    pending *np = td_xcalloc(n, sizeof *np);
    for (size_t i = c->phead; i < c->ptail; i++) np[i - c->phead] = c->pend[i % c->pcap];
    free(c->pend);
    c->pend = np, c->ptail -= c->phead, c->phead = 0, c->pcap = n;
  }
  c->pend[c->ptail++ % c->pcap] = p;
  pthread_mutex_unlock(&c->pmu);
  return 0;
}

/* The key of the input doc came from, into key ("" when unknown): pops the
 * pending inputs up to it (those before it failed to extract). */
static void pop_key(ingest_ctx *c, const td_doc *doc, char key[65]) {
  key[0] = 0;
  if (!doc) return;
  pthread_mutex_lock(&c->pmu);
  while (c->phead < c->ptail) {
    pending *p = &c->pend[c->phead++ % c->pcap];
    int match = strcmp(p->id, doc->id) == 0 && strcmp(p->ih, doc->input_sha256) == 0;
    free(p->id);
    if (match) {
      memcpy(key, p->key, 65);
      break;
    }
  }
  pthread_mutex_unlock(&c->pmu);
}

/* Loads the keys of the stored inputs, sorted; 0 or -1 with err. */
static int load_known(ingest_ctx *c, char *err, size_t errlen) {
  td_kq *st = td_kb_stmt(c->kb, "SELECT input_key FROM inputs ORDER BY input_key", err, errlen);
  if (!st) return -1;
  size_t cap = 0;
  while (td_kq_step(st) == TD_KQ_ROW) {
    const char *k = (const char *)td_kq_col_text(st, 0);
    if (!k || strlen(k) != 64) continue;
    if (c->nknown == cap) {
      cap = cap ? cap * 2 : 1024;
      c->known = td_xrealloc(c->known, cap * sizeof c->known[0]);
    }
    memcpy(c->known[c->nknown++], k, 65);
  }
  td_kq_reset(st);
  if (c->nknown) qsort(c->known, c->nknown, sizeof c->known[0], key_cmp); /* byte order, as bsearch */
  return 0;
}

/* Called by the driver in input order (on a worker, outside the driver's
 * lock): queues a copy of the record, read (parsed, min-hashed) here when
 * the writer is behind, else left for the writer to read. */
static int enqueue(void *ctx, const td_doc *doc, const char *json, size_t len) {
  ingest_ctx *c = ctx;
  char key[65];
  pop_key(c, doc, key);
  pthread_mutex_lock(&c->mu);
  td_kb_rec *reuse = c->nspare ? c->spare[--c->nspare] : NULL;
  int behind = c->tail - c->head > QBEHIND;
  pthread_mutex_unlock(&c->mu);
  td_kb_rec *copy = td_kb_rec_copy(reuse, json, len);
  if (behind) td_kb_rec_parse(copy);
  pthread_mutex_lock(&c->mu);
  struct timespec w0, w1;
  clock_gettime(CLOCK_MONOTONIC, &w0);
  while ((c->tail - c->head >= QCAP || (c->tail > c->head && c->qbytes + len > QBYTES)) && !c->gave_up) {
    /* a writer asleep on fewer than QWAKE records (long ones) is woken */
    if (c->writer_waits) pthread_cond_signal(&c->cv_item);
    c->reader_waits++;
    pthread_cond_wait(&c->cv_space, &c->mu);
    c->reader_waits--;
  }
  clock_gettime(CLOCK_MONOTONIC, &w1);
  c->reader_wait += since(&w0, &w1);
  int gave_up = c->gave_up;
  if (!gave_up) {
    c->q[c->tail % QCAP] = copy;
    memcpy(c->qkey[c->tail % QCAP], key, 65);
    c->qlen[c->tail % QCAP] = len;
    c->qbytes += len;
    c->tail++;
    /* a sleeping writer is woken for a run of records, not for each one
     * (two context switches per record were most of its waiting cost);
     * the end of the input wakes it for the rest */
    if (c->writer_waits && c->tail - c->head >= QWAKE) pthread_cond_signal(&c->cv_item);
  }
  pthread_mutex_unlock(&c->mu);
  if (gave_up) td_kb_rec_free(copy);
  return gave_up ? -1 : 0;
}

/* Without a writer thread: store in the callback itself. */
static int store_now(void *ctx, const td_doc *doc, const char *json, size_t len) {
  ingest_ctx *c = ctx;
  char msg[512], key[65];
  pop_key(c, doc, key);
  c->kb->input_key = key[0] ? key : NULL;
  int failed = td_kb_add_json(c->kb, json, len, c->st, msg, sizeof msg) != 0;
  c->kb->input_key = NULL;
  if (failed) {
    fprintf(c->err, "tidings: store: %s\n", msg);
    if (++c->store_failed > 100) return -1; /* the store is broken: stop */
  }
  return 0;
}

/* The writer: stores queued records in order until done and drained. */
static void *writer(void *arg) {
  ingest_ctx *c = arg;
  char msg[512];
  pthread_mutex_lock(&c->mu);
  for (;;) {
    struct timespec w0, w1;
    clock_gettime(CLOCK_MONOTONIC, &w0);
    while (c->head == c->tail && !c->done) {
      c->writer_waits = 1;
      pthread_cond_wait(&c->cv_item, &c->mu);
      c->writer_waits = 0;
    }
    clock_gettime(CLOCK_MONOTONIC, &w1);
    c->writer_idle += since(&w0, &w1);
    if (c->head == c->tail) break;
    td_kb_rec *rec = c->q[c->head % QCAP];
    char key[65];
    memcpy(key, c->qkey[c->head % QCAP], 65);
    pthread_mutex_unlock(&c->mu);
    c->kb->input_key = key[0] ? key : NULL;
    int failed = td_kb_add_rec(c->kb, rec, c->st, msg, sizeof msg) != 0;
    c->kb->input_key = NULL;
    if (failed) fprintf(c->err, "tidings: store: %s\n", msg);
    td_kb_rec_trim(rec);
    pthread_mutex_lock(&c->mu);
    if (c->nspare < QSPARE) c->spare[c->nspare++] = rec;
    else td_kb_rec_free(rec);
    c->qbytes -= c->qlen[c->head % QCAP];
    c->head++;
    if (failed && ++c->store_failed > 100) c->gave_up = 1; /* the store is broken: stop */
    if (c->reader_waits) pthread_cond_broadcast(&c->cv_space);
  }
  pthread_mutex_unlock(&c->mu);
  struct timespec cpu;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
  c->writer_cpu = (double)cpu.tv_sec + cpu.tv_nsec / 1e9;
  return NULL;
}

int td_kb_ingest(td_kb *kb, td_engine *eng, const char *const *paths, size_t npaths,
                 td_format fmt, int threads, FILE *err, int progress, int merge,
                 td_kb_stats *st) {
  td_kb_stats local = {0};
  if (!st) st = &local;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  phases ph = {getenv("TIDINGS_TIMINGS") != NULL, t0, {0, 0}};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ph.cpu);
  ingest_ctx *c = td_xcalloc(1, sizeof *c);
  c->kb = kb, c->st = st, c->err = err;
  pthread_mutex_init(&c->mu, NULL);
  pthread_cond_init(&c->cv_item, NULL);
  pthread_cond_init(&c->cv_space, NULL);
  pthread_mutex_init(&c->pmu, NULL);
  char msg[512];
  /* the fingerprint: what, besides the input, decides the facts */
  td_kb_key(c->fp, 5, "tidings-input/1", TD_VERSION, eng->res_hash,
            eng->default_date ? eng->default_date : "", eng->layer_tokens ? "tokens" : "");
  td_skip_cb skip = NULL;
  if (!kb->reextract) {
    if (load_known(c, msg, sizeof msg) != 0) {
      fprintf(err, "tidings: store: %s\n", msg);
      free(c);
      return -1;
    }
    skip = skip_stored;
  }
  if (td_kb_bulk_begin(kb, msg, sizeof msg) != 0) { /* a first ingest: some indexes at the end */
    fprintf(err, "tidings: store: %s\n", msg);
    free(c->known);
    free(c);
    return -1;
  }
  pthread_t wt;
  int threaded = pthread_create(&wt, NULL, writer, c) == 0;
  td_run_stats rs;
  int rc;
  if (threaded) {
    rc = td_run_each_light(eng, paths, npaths, fmt, threads, skip, enqueue, c, err, progress, &rs);
    phase(&ph, err, "extract+store");
    pthread_mutex_lock(&c->mu);
    if (ph.on) fprintf(err, "ingest: %zu records queued when extraction ended\n", c->tail - c->head);
    c->done = 1;
    pthread_cond_signal(&c->cv_item);
    pthread_mutex_unlock(&c->mu);
    pthread_join(wt, NULL);
    phase(&ph, err, "store the rest");
  } else {
    rc = td_run_each_light(eng, paths, npaths, fmt, threads, skip, store_now, c, err, progress, &rs);
    phase(&ph, err, "extract+store");
  }
  for (size_t i = c->head; i < c->tail; i++) td_kb_rec_free(c->q[i % QCAP]);
  for (size_t i = 0; i < c->nspare; i++) td_kb_rec_free(c->spare[i]);
  for (size_t i = c->phead; i < c->ptail; i++) free(c->pend[i % c->pcap].id);
  free(c->pend);
  free(c->known);
  pthread_mutex_destroy(&c->pmu);
  st->unchanged += rs.skipped;
  st->skipped += rs.skipped;
  st->failed += rs.failed;
  st->docs += rs.docs;
  st->bytes += rs.bytes;
  int store_failed = c->store_failed;
  pthread_mutex_destroy(&c->mu);
  pthread_cond_destroy(&c->cv_item);
  pthread_cond_destroy(&c->cv_space);
  if (ph.on)
    fprintf(err, "ingest: extraction waited on the writer %.3f s, the writer on extraction %.3f s,"
            " the writer's CPU %.3f s\n", c->reader_wait, c->writer_idle, c->writer_cpu);
  free(c);
  if (td_kb_commit(kb, msg, sizeof msg) != 0) {
    fprintf(err, "tidings: store: %s\n", msg);
    return -1;
  }
  td_kb_checkpoint_start(kb); /* the stored pages copied beside the rest */
  if (td_kb_bulk_end(kb, msg, sizeof msg) != 0) {
    fprintf(err, "tidings: store: %s\n", msg);
    return -1;
  }
  phase(&ph, err, "commit+indexes");
  if (merge && td_kb_merge_needed(kb) && td_kb_merge(kb, msg, sizeof msg) != 0) {
    fprintf(err, "tidings: merge: %s\n", msg);
    return -1;
  }
  phase(&ph, err, "merge");
  td_kb_checkpoint_wait(kb);
  phase(&ph, err, "checkpoint");
  clock_gettime(CLOCK_MONOTONIC, &t1);
  st->seconds += since(&t0, &t1);
  if (store_failed && rc >= 0) rc += store_failed;
  return rc;
}
