/*
 * engine.c — the engine (loaded resources, shared read-only by all threads)
 * and the per-document pipeline of DESIGN.md:
 *
 *   normalize -> segment -> tag -> lemmatize -> parse -> actors -> places
 *   -> times -> quantities -> quotes -> events
 *
 * Parsing is lazy: only the events layer reads head and deprel, and it
 * parses (td_parse_sentence) just the sentences where it found a trigger
 * and an actor. The "parse" stage parses everything only when the tokens
 * layer is written (--layers tokens), so the output shows dependencies.
 *
 * td_doc_process() is a pure function of (input, engine): it allocates from
 * the document's arena only and touches no shared mutable state.
 * td_doc_process_batch() gives the same documents, running each stage over
 * a few documents before the next stage.
 */
#include "doc.h"
#include "extract/extract.h"
#include "lang/lang.h"
#include "text/text.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef TD_DATADIR
#define TD_DATADIR "/usr/local/share/tidings"
#endif

/* ---- the pipeline ---- */

/* The eager parse, only for the tokens layer (see the comment on top). */
static int parse_for_tokens(const td_engine *eng, td_doc *doc) {
  return eng->layer_tokens ? td_parse(eng, doc) : 0;
}

typedef struct {
  const char *name;
  td_stage_fn run;
} stage;

static const stage pipeline[] = {
    {"segment", td_segment},     {"tag", td_tag},
    {"lemmatize", td_lemmatize}, {"parse", parse_for_tokens},
    {"actors", td_actors},       {"places", td_places},
    {"times", td_times},         {"quantities", td_quantities},
    {"quotes", td_quotes},       {"events", td_events},
};

#define NPIPE (sizeof pipeline / sizeof pipeline[0])

/* ---- per-stage CPU timings (issue 11) ----
 * With TIDINGS_TIMINGS=1 in the environment the engine sums, per stage,
 * the CPU time of the thread that ran it (CLOCK_THREAD_CPUTIME_ID: other
 * processes on a loaded machine do not count), and td_engine_free prints a
 * table on stderr: CPU seconds, share, MB/s of article text and the cost as
 * a multiple of a plain C tokenizer over the same text (the "floor", timed
 * per document below). Lazy parsing is counted in the stage that asks for
 * it (events). Off, it costs one branch per stage. */

enum { TM_READ = 0, TM_NORMALIZE, TM_STAGE0, TM_JSON = TM_STAGE0 + NPIPE, TM_FLOOR, TM_N };

struct td_timings {
  _Atomic uint64_t ns[TM_N];
  _Atomic uint64_t bytes, docs;
};

uint64_t td_cpu_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int td_engine_timing(const td_engine *eng) { return eng && eng->timings; }

void td_engine_time_add(td_engine *eng, const char *what, uint64_t ns) {
  if (!eng || !eng->timings) return;
  int k = strcmp(what, "read") == 0 ? TM_READ : strcmp(what, "json") == 0 ? TM_JSON : -1;
  if (k >= 0) atomic_fetch_add(&eng->timings->ns[k], ns);
}

/* The floor: a plain tokenizer (word, number and punctuation spans into an
 * array) over the normalized text, run 8 times so the clock's own cost is
 * small next to it. Returns CPU ns for one run. */
static uint64_t floor_tokenize(td_doc *doc) {
  size_t cap = doc->len / 2 + 1;
  td_span *sp = td_arena_alloc(&doc->arena, cap * sizeof *sp);
  size_t n = 0;
  uint64_t t0 = td_cpu_ns();
  for (int rep = 0; rep < 8; rep++) {
    n = 0;
    const unsigned char *p = (const unsigned char *)doc->text;
    size_t i = 0, len = doc->len;
    while (i < len) {
      unsigned char c = p[i];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      size_t j = i + 1;
#define WORDBYTE(b) ((b) >= 0x80 || (unsigned)(((b) | 32) - 'a') < 26u || (unsigned)((b) - '0') < 10u)
      if (WORDBYTE(c))
        while (j < len && WORDBYTE(p[j])) j++;
#undef WORDBYTE
      if (n < cap) sp[n++] = (td_span){(uint32_t)i, (uint32_t)j};
      i = j;
    }
    __asm__ volatile("" : : "r"(sp), "r"(n) : "memory"); /* keep the work */
  }
  return (td_cpu_ns() - t0) / 8;
}

static void print_timings(const struct td_timings *tm) {
  static const char *const extra[] = {"read", "normalize"};
  double mb = (double)atomic_load(&tm->bytes) / 1e6;
  double floor_s = (double)atomic_load(&tm->ns[TM_FLOOR]) / 1e9, total = 0;
  for (int k = 0; k < TM_FLOOR; k++) total += (double)atomic_load(&tm->ns[k]) / 1e9;
  fprintf(stderr,
          "timings: %llu documents, %.2f MB of text, CPU seconds per stage (all threads)\n"
          "  %-12s %9s %7s %10s %10s\n",
          (unsigned long long)atomic_load(&tm->docs), mb, "stage", "CPU s", "share", "MB/s",
          "x floor");
  for (int k = 0; k <= TM_FLOOR; k++) {
    const char *name = k < TM_STAGE0 ? extra[k]
                       : k < TM_JSON ? pipeline[k - TM_STAGE0].name
                       : k == TM_JSON ? "json" : "floor";
    double s = (double)atomic_load(&tm->ns[k]) / 1e9;
    if (k == TM_FLOOR)
      fprintf(stderr, "  %-12s %9.3f %7.1f%% %10.1f %10.2f\n", "total", total, 100.0,
              total > 0 ? mb / total : 0, floor_s > 0 ? total / floor_s : 0);
    fprintf(stderr, "  %-12s %9.3f %7.1f%% %10.1f %10.2f\n", name, s,
            total > 0 ? 100 * s / total : 0, s > 0 ? mb / s : 0, floor_s > 0 ? s / floor_s : 0);
  }
}

/* ---- resources ---- */

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Writes dir + tail into out and says whether that file exists. */
static int try_path(char *out, size_t cap, const char *dir, const char *tail) {
  int n = snprintf(out, cap, "%s%s", dir, tail);
  return n > 0 && (size_t)n < cap && file_exists(out);
}

int td_res_find(const td_config *cfg, char *out, size_t cap) {
  if (cfg && cfg->resources) {
    snprintf(out, cap, "%s", cfg->resources);
    return 1;
  }
  const char *env = getenv("TIDINGS_RESOURCES");
  if (env && *env) {
    snprintf(out, cap, "%s", env);
    return 1;
  }
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = 0;
      if (try_path(out, cap, exe, "/tidings.res")) return 1;
      if (try_path(out, cap, exe, "/../share/tidings/tidings.res")) return 1;
    }
  }
  if (try_path(out, cap, TD_DATADIR, "/tidings.res")) return 1;
  return try_path(out, cap, "build", "/tidings.res");
}

/* Whether the image holds section although its model did not load: then
 * err (the loader's reason) is prefixed with the image's path. */
static int model_broken(const td_res *res, const char *section, const char *path, char *err,
                        size_t errlen) {
  if (!td_res_get(res, section, NULL)) return 0;
  char why[256];
  snprintf(why, sizeof why, "%s", err[0] ? err : "cannot be read");
  snprintf(err, errlen, "%s: %s section: %s (rebuild the image: make)", path, section, why);
  return 1;
}

td_engine *td_engine_new(const td_config *cfg, char *err, size_t errlen) {
  char path[4096];
  if (!td_res_find(cfg, path, sizeof path)) {
    snprintf(err, errlen,
             "cannot find the resource image tidings.res (run make, or set "
             "TIDINGS_RESOURCES)");
    return NULL;
  }
  td_res *res = td_res_open(path, err, errlen);
  if (!res) return NULL;
  td_engine *eng = td_xcalloc(1, sizeof *eng);
  eng->res = res;
  snprintf(eng->res_hash, sizeof eng->res_hash, "%s", td_res_hash(res));
  if (cfg && cfg->default_date) eng->default_date = td_xstrdup(cfg->default_date);
  if (cfg && cfg->layers && strstr(cfg->layers, "tokens")) eng->layer_tokens = 1;
  eng->words = td_words_load(res);
  /* A model whose section is missing is left out (its stage then does
   * nothing: images for tests leave some out); one whose section is there
   * but does not load (another format, a damaged file) stops the engine,
   * instead of running without it and giving other answers. */
  err[0] = 0;
  eng->tagger = td_tagger_load(res, err, errlen);
  if (!eng->tagger && model_broken(res, "tagger", path, err, errlen)) goto fail;
  err[0] = 0;
  eng->lemma = td_lemmatizer_load(res, err, errlen);
  if (!eng->lemma && model_broken(res, "lemma", path, err, errlen)) goto fail;
  err[0] = 0;
  eng->parser = td_parser_load(res, err, errlen);
  if (!eng->parser && model_broken(res, "parser", path, err, errlen)) goto fail;
  eng->units = td_units_load(res);
  const char *tmv = getenv("TIDINGS_TIMINGS");
  if (tmv && *tmv && strcmp(tmv, "0") != 0) eng->timings = td_xcalloc(1, sizeof *eng->timings);
  if (td_extract_load(eng, cfg, err, errlen) != 0) goto fail;
  err[0] = 0;
  return eng;
fail:
  td_engine_free(eng);
  return NULL;
}

void td_engine_free(td_engine *eng) {
  if (!eng) return;
  if (eng->timings) print_timings(eng->timings);
  free(eng->timings);
  td_extract_unload(eng);
  td_words_free(eng->words);
  td_tagger_free(eng->tagger);
  td_lemmatizer_free(eng->lemma);
  td_parser_free(eng->parser);
  td_units_free(eng->units);
  td_res_close(eng->res);
  free(eng->default_date);
  free(eng);
}

const char *td_engine_resources_hash(const td_engine *eng) {
  return eng->res_hash;
}

/* ---- documents ---- */

void td_input_free(td_input *in) {
  if (!in) return;
  free(in->id);
  free(in->body);
  free(in->title);
  free(in->date);
  free(in->source);
  free(in->url);
  free(in->fallback_date);
  free(in->error);
  free(in);
}

/* Builds the byte -> code point checkpoints used by td_doc_cp:
 * cp_ck[j] = code points before byte 64*j, for j = 0 .. len/64; none for
 * ASCII text. Words of eight bytes (td_ascii_only, td_utf8_count). */
static void index_code_points(td_doc *doc) {
  doc->ascii_only = td_ascii_only(doc->text, doc->len);
  if (doc->ascii_only) return;
  size_t nck = doc->len / 64 + 2;
  doc->cp_ck = td_arena_alloc(&doc->arena, nck * sizeof(uint32_t));
  uint32_t cp = 0;
  for (size_t j = 0; j <= doc->len / 64; j++) {
    doc->cp_ck[j] = cp;
    size_t b = j * 64, n = doc->len - b < 64 ? doc->len - b : 64;
    cp += (uint32_t)td_utf8_count(doc->text + b, n);
  }
}

uint32_t td_doc_cp(const td_doc *doc, uint32_t b) {
  if (b > doc->len) b = (uint32_t)doc->len;
  if (doc->ascii_only) return b;
  uint32_t base = b / 64 * 64;
  return doc->cp_ck[b / 64] + (uint32_t)td_utf8_count(doc->text + base, b - base);
}

size_t td_doc_tok_after(const td_doc *doc, uint32_t off) {
  size_t lo = 0, hi = doc->ntoks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->toks[mid].end <= off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* A new document for input `in`, normalized: *run is set when the
 * pipeline's stages are to run on it (no error, English text). */
static td_doc *doc_begin(td_engine *eng, const td_input *in, int *run) {
  *run = 0;
  td_doc *doc = td_xcalloc(1, sizeof *doc);
  td_arena_init(&doc->arena);
  doc->eng = eng;
  doc->id = td_arena_strdup(&doc->arena, in->id ? in->id : "-");
  if (in->body)
    td_sha256_hex(in->body, in->body_len, doc->input_sha256);
  if (in->error) {
    doc->error = td_arena_strdup(&doc->arena, in->error);
    return doc;
  }
  struct td_timings *tm = eng->timings;
  uint64_t t = tm ? td_cpu_ns() : 0;
  if (td_normalize(eng, doc, in) != 0) return doc;
  td_sha256_hex(doc->text, doc->len, doc->sha256);
  index_code_points(doc);
  if (tm) {
    atomic_fetch_add(&tm->ns[TM_NORMALIZE], td_cpu_ns() - t);
    atomic_fetch_add(&tm->bytes, doc->len);
    atomic_fetch_add(&tm->docs, 1);
    atomic_fetch_add(&tm->ns[TM_FLOOR], floor_tokenize(doc));
  }
  *run = strcmp(doc->lang, "en") == 0; /* else passed through, layers empty */
  return doc;
}

/* Runs stage i of the pipeline on doc: 0, or -1 when it failed (doc->error
 * set: the stages after it do not run). */
static int doc_stage(td_engine *eng, td_doc *doc, size_t i) {
  struct td_timings *tm = eng->timings;
  uint64_t t = tm ? td_cpu_ns() : 0;
  int rc = pipeline[i].run(eng, doc);
  if (tm) atomic_fetch_add(&tm->ns[TM_STAGE0 + i], td_cpu_ns() - t);
  if (rc == 0) return 0;
  if (!doc->error) doc->error = td_arena_printf(&doc->arena, "stage %s failed", pipeline[i].name);
  return -1;
}

td_doc *td_doc_process(td_engine *eng, const td_input *in) {
  int run;
  td_doc *doc = doc_begin(eng, in, &run);
  for (size_t i = 0; run && i < NPIPE; i++)
    if (doc_stage(eng, doc, i) != 0) break;
  return doc;
}

/* Stage by stage over up to 64 documents: each stage's tables (the
 * tagger's weights and word cache, the gazetteer, the rules) are read for
 * one document after another while they are in the cache, instead of
 * being pushed out by the other stages' between two documents (perf,
 * issue 11: 8 BBC articles at a time cost 6-8% less CPU than one at a
 * time, tag, times and places the most). */
static void process_some(td_engine *eng, const td_input *const *in, size_t n, td_doc **out) {
  int run[64];
  for (size_t k = 0; k < n; k++) out[k] = doc_begin(eng, in[k], &run[k]);
  for (size_t i = 0; i < NPIPE; i++)
    for (size_t k = 0; k < n; k++)
      if (run[k] && doc_stage(eng, out[k], i) != 0) run[k] = 0;
}

void td_doc_process_batch(td_engine *eng, const td_input *const *in, size_t n, td_doc **out) {
  for (size_t k = 0; k < n; k += 64) process_some(eng, in + k, n - k < 64 ? n - k : 64, out + k);
}

void td_doc_free(td_doc *doc) {
  if (!doc) return;
  td_arena_release(&doc->arena);
  free(doc);
}

const char *td_doc_error(const td_doc *doc) { return doc->error; }

const char *td_doc_text(const td_doc *doc, size_t *len) {
  if (len) *len = doc->len;
  return doc->text ? doc->text : "";
}
