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
 */
#include "doc.h"
#include "extract/extract.h"
#include "lang/lang.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* Finds the resource image: the configured path, $TIDINGS_RESOURCES, next to
 * the executable (build tree), ../share/tidings from it, then TD_DATADIR. */
static int find_resources(const td_config *cfg, char *out, size_t cap) {
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

td_engine *td_engine_new(const td_config *cfg, char *err, size_t errlen) {
  char path[4096];
  if (!find_resources(cfg, path, sizeof path)) {
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
  eng->tagger = td_tagger_load(res, err, errlen);
  eng->lemma = td_lemmatizer_load(res, err, errlen);
  eng->parser = td_parser_load(res, err, errlen);
  if (td_extract_load(eng, cfg, err, errlen) != 0) {
    td_engine_free(eng);
    return NULL;
  }
  err[0] = 0;
  return eng;
}

void td_engine_free(td_engine *eng) {
  if (!eng) return;
  td_extract_unload(eng);
  td_words_free(eng->words);
  td_tagger_free(eng->tagger);
  td_lemmatizer_free(eng->lemma);
  td_parser_free(eng->parser);
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

/* Builds the byte -> code point checkpoints used by td_doc_cp. */
static void index_code_points(td_doc *doc) {
  doc->ascii_only = 1;
  for (size_t i = 0; i < doc->len; i++)
    if ((unsigned char)doc->text[i] >= 0x80) {
      doc->ascii_only = 0;
      break;
    }
  if (doc->ascii_only) return;
  size_t nck = doc->len / 64 + 2;
  doc->cp_ck = td_arena_alloc(&doc->arena, nck * sizeof(uint32_t));
  uint32_t cp = 0;
  for (size_t i = 0; i < doc->len; i++) {
    if (i % 64 == 0) doc->cp_ck[i / 64] = cp;
    if (((unsigned char)doc->text[i] & 0xC0) != 0x80) cp++;
  }
  if (doc->len % 64 == 0) doc->cp_ck[doc->len / 64] = cp;
}

uint32_t td_doc_cp(const td_doc *doc, uint32_t b) {
  if (b > doc->len) b = (uint32_t)doc->len;
  if (doc->ascii_only) return b;
  uint32_t base = b / 64 * 64;
  return doc->cp_ck[b / 64] + (uint32_t)td_utf8_count(doc->text + base, b - base);
}

td_doc *td_doc_process(td_engine *eng, const td_input *in) {
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
  if (td_normalize(eng, doc, in) != 0) return doc;
  td_sha256_hex(doc->text, doc->len, doc->sha256);
  index_code_points(doc);
  if (strcmp(doc->lang, "en") != 0) return doc; /* passed through, layers empty */
  for (size_t i = 0; i < sizeof pipeline / sizeof pipeline[0]; i++)
    if (pipeline[i].run(eng, doc) != 0) {
      if (!doc->error)
        doc->error = td_arena_printf(&doc->arena, "stage %s failed", pipeline[i].name);
      break;
    }
  return doc;
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
