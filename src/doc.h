/*
 * doc.h — the document: a stand-off annotation store, and the engine that
 * runs the pipeline over it. Private to libtidings; every stage includes it.
 *
 * The normalized text is immutable once segmented. Every later stage adds a
 * layer (tokens, tags, mentions, quotes, events) whose items point into the
 * text by byte span; the JSON writer turns byte spans into code-point spans.
 * Everything a document allocates comes from doc->arena and is freed at once.
 * References between layers are indexes (-1 for none); ids ("a1", "t3") are
 * made only when the document is written.
 */
#ifndef TD_DOC_H
#define TD_DOC_H

#include "../include/tidings.h"
#include "core/core.h"
#include "core/res.h"

#include <stdint.h>

/* A byte span [start, end) into doc->text. */
typedef struct td_span {
  uint32_t start, end;
} td_span;

/* Grow an arena-allocated array (old storage is left to the arena); the
 * new room is zeroed (TD_AGROW) or not (TD_AGROW_RAW: for arrays whose
 * every element is written before it is read). */
#define TD_AGROW_WITH(alloc, arena, p, cap, need)                           \
  do {                                                                      \
    if ((size_t)(need) > (size_t)(cap)) {                                   \
      size_t td_nc_ = (cap) ? (size_t)(cap) * 2 : 8;                        \
      while (td_nc_ < (size_t)(need)) td_nc_ *= 2;                          \
      void *td_np_ = alloc((arena), td_nc_ * sizeof(*(p)));                 \
      if (cap) memcpy(td_np_, (p), (size_t)(cap) * sizeof(*(p)));           \
      (p) = td_np_;                                                         \
      (cap) = td_nc_;                                                       \
    }                                                                       \
  } while (0)
#define TD_AGROW(arena, p, cap, need) TD_AGROW_WITH(td_arena_alloc, arena, p, cap, need)
#define TD_AGROW_RAW(arena, p, cap, need) TD_AGROW_WITH(td_arena_alloc_raw, arena, p, cap, need)

/* ---- language core layer ---- */

/* Universal POS tags, in this order (see src/lang/tags.c for names). */
typedef enum {
  TD_UPOS_NONE = 0,
  TD_ADJ, TD_ADP, TD_ADV, TD_AUX, TD_CCONJ, TD_DET, TD_INTJ, TD_NOUN,
  TD_NUM, TD_PART, TD_PRON, TD_PROPN, TD_PUNCT, TD_SCONJ, TD_SYM, TD_VERB,
  TD_X, TD_UPOS_COUNT
} td_upos;

/* Token flags, set by the tokenizer. */
enum {
  TD_TOK_SPACE_BEFORE = 1 << 0,   /* whitespace precedes the token */
  TD_TOK_NEWLINE_BEFORE = 1 << 1, /* a paragraph break precedes it */
  TD_TOK_CAP = 1 << 2,            /* first letter uppercase */
  TD_TOK_ALLCAPS = 1 << 3,        /* every letter uppercase, >= 2 letters */
  TD_TOK_DIGIT = 1 << 4,          /* contains a digit */
  TD_TOK_PUNCT = 1 << 5,          /* punctuation only */
  TD_TOK_QUOTE_OPEN = 1 << 6,     /* an opening quotation mark */
  TD_TOK_QUOTE_CLOSE = 1 << 7,    /* a closing quotation mark */
  TD_TOK_PARA_START = 1 << 8      /* first token of a paragraph */
};

typedef struct td_tok {
  uint32_t start, end;   /* byte span in doc->text */
  uint32_t sent;         /* sentence index */
  uint32_t flags;        /* TD_TOK_* */
  const char *norm;      /* lowercased surface, quotes/apostrophes folded to ASCII */
  const char *lemma;     /* NULL until lemmatized */
  int32_t head;          /* doc-level token index of the head; -1 root; -2 unparsed */
  uint8_t upos;          /* td_upos */
  uint8_t deprel;        /* index into td_deprel_names (0: none) */
  uint16_t xpos;         /* index into td_xpos_names (0: none) */
} td_tok;

typedef struct td_sent {
  uint32_t start, end;   /* byte span */
  uint32_t tok0, ntok;   /* its tokens: doc->toks[tok0 .. tok0+ntok) */
} td_sent;

/* ---- extraction layers (fields follow tidings/1 in DESIGN.md) ---- */

typedef struct td_actor {
  const char *entity, *name, *kind, *code, *country, *sector, *role;
  int role_past, known;
  td_span *mentions;
  size_t nmentions, cap_mentions;
  int affiliate; /* a person's: 1 + the actor of the body it speaks for
                    (`Tottenham manager Martin Jol`), 0 none; not output */
} td_actor;

typedef struct td_place {
  const char *name, *country, *feature;
  long geonameid;        /* 0 when the source has none */
  double lat, lon;
  int has_coord;
  td_span *mentions;
  size_t nmentions, cap_mentions;
} td_place;

typedef struct td_time {
  td_span span;
  const char *type;      /* DATE, TIME, DURATION, SET */
  const char *value;     /* TIMEX3 value */
} td_time;

typedef struct td_quote {
  td_span span;
  td_span *spans;
  size_t nspans;
  int speaker;           /* actor index or -1 */
  td_span speaker_span;  /* {0,0} when none */
  td_span cue_span;
  int partial;
  int time;              /* time index or -1 */
  int sentence;
  double confidence;
} td_quote;

typedef struct td_quantity {
  td_span span;
  double value, value_max;
  int has_max;
  const char *qualifier, *unit, *measure, *status;
  int about, claimed_by; /* actor indexes or -1 */
  td_span claimed_by_span;
  int time;
  int sentence;
  double confidence;
} td_quantity;

typedef struct td_event {
  int mention;           /* predicate occurrence number (shared by pairs) */
  const char *cameo;     /* 2-4 digits */
  int source, target;    /* actor indexes or -1 */
  td_span verb_span, source_span, target_span, span;
  int negative;          /* polarity */
  const char *modality;  /* actual, future, hypothetical */
  int attributed_to;
  int time, place;
  int sentence;
  double confidence;
} td_event;

/* ---- the document ---- */

struct td_doc {
  td_arena arena;
  const td_engine *eng;
  const char *error;

  /* metadata (doc object of tidings/1) */
  const char *id, *source, *url, *title, *date, *date_from, *lang;
  const char *wire_marker; /* "(3rd LD)" stripped from a headline, or NULL */
  char sha256[65], input_sha256[65];

  /* normalized text: UTF-8, immutable after segmentation */
  char *text;
  size_t len;

  td_sent *sents;
  size_t nsents, cap_sents;
  td_tok *toks;
  size_t ntoks, cap_toks;
  struct td_qctx *qctx;  /* extract/quotes.c: the word view, built once for quantities and quotes */

  td_actor *actors;     size_t nactors, cap_actors;
  td_place *places;     size_t nplaces, cap_places;
  td_time *times;       size_t ntimes, cap_times;
  td_quote *quotes;     size_t nquotes, cap_quotes;
  td_quantity *quants;  size_t nquants, cap_quants;
  td_event *events;     size_t nevents, cap_events;

  /* byte -> code point index: cp_ck[i] = code points before byte 64*i */
  uint32_t *cp_ck;
  int ascii_only;

  struct td_mcache *mcache; /* lang/matcher.c: tokens' folded forms, made on first match */
  struct td_rcache *rcache; /* lang/rules.c: the rule prefilter's keys per token, made on first match */
};

/* Code-point offset of byte offset b in doc->text. */
uint32_t td_doc_cp(const td_doc *doc, uint32_t b);

/* The first token of doc that ends after byte off (doc->ntoks when none;
 * tokens are in text order). */
size_t td_doc_tok_after(const td_doc *doc, uint32_t off);

/* ---- the engine ---- */

struct td_words;
struct td_tagger;
struct td_lemmatizer;
struct td_parser;
struct td_dict;
struct td_gaz;
struct td_rules;

/* Finds the resource image (engine.c): the configured path (cfg may be
 * NULL), $TIDINGS_RESOURCES, next to the executable (build tree),
 * ../share/tidings from it, then TD_DATADIR. 1 with its path in out. */
int td_res_find(const td_config *cfg, char *out, size_t cap);

struct td_engine {
  td_res *res;
  char res_hash[65];
  char *default_date;
  int layer_tokens;            /* emit the tokens layer */
  struct td_words *words;      /* word list for repair (text/words.c) */
  struct td_tagger *tagger;    /* lang/tagger.c */
  struct td_lemmatizer *lemma; /* lang/lemma.c */
  struct td_parser *parser;    /* lang/parser.c */
  struct td_dict *dict;        /* lang/matcher.c: merged dictionaries */
  struct td_gaz *places;       /* extract/places.c: the gazetteer */
  struct td_rules *rules;      /* lang/rules.c: user rules (*.rules in --dict folders) */
  struct td_units *units;      /* extract/quantities.c: the units table, loaded once */
  struct td_timings *timings;  /* engine.c: per-stage CPU time (TIDINGS_TIMINGS=1), or NULL */
};

/* Per-stage CPU timings (engine.c, issue 11): the calling thread's CPU
 * time in ns; whether the engine collects timings; adds ns to the "read"
 * or "json" row (no-op when it does not). */
uint64_t td_cpu_ns(void);
int td_engine_timing(const td_engine *eng);
void td_engine_time_add(td_engine *eng, const char *what, uint64_t ns);

/* td_doc_process() for each of in[0..n) into out[0..n) (engine.c), stage
 * by stage over the documents; each is the document td_doc_process()
 * makes of its input, freed by the caller with td_doc_free(). */
void td_doc_process_batch(td_engine *eng, const td_input *const *in, size_t n, td_doc **out);

/* td_run_each_skip (run.c) for a callback that reads of its document only
 * the id, sha256 and input_sha256 (the rest of the td_doc it is handed is
 * empty): extract and ingest. Each document is freed on its worker as soon
 * as its JSON is made instead of waiting in the ring, in input order, for
 * its turn at the callback (issue 11: at 16 threads the ring's 128
 * documents held about 50 MB on the bbc corpus; their memory is reused on the
 * same thread for the next ones). */
int td_run_each_light(td_engine *eng, const char *const *paths, size_t npaths,
                      td_format fmt, int threads, td_skip_cb skip, td_doc_cb cb, void *ctx,
                      FILE *err, int progress, td_run_stats *stats);

/* A pipeline stage: run over one document. Returns 0, or -1 after setting
 * doc->error (the document is then written as an error record). */
typedef int (*td_stage_fn)(const td_engine *eng, td_doc *doc);

#endif
