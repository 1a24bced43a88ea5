/*
 * tidings.h — the one public header of libtidings.
 *
 * tidings reads news articles and turns them into sourced, structured facts
 * (actors, places, times, quotations, quantities, events), each pointing at
 * the sentence and characters it came from, written as `tidings/1` JSON Lines.
 *
 * Ownership: every function that returns a pointer says who frees it.
 * Handles are opaque. No function keeps global mutable state: many threads
 * may share one td_engine; a td_doc belongs to the thread that made it.
 */
#ifndef TIDINGS_H
#define TIDINGS_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TD_VERSION "0.1.0"

/* Result codes. */
enum {
  TD_OK = 0,
  TD_ERR = -1,       /* a document-level failure; the message says why */
  TD_EOF = 1         /* a source has no more documents */
};

/* Input formats. TD_FMT_AUTO sniffs from the file name and content. */
typedef enum {
  TD_FMT_AUTO = 0,
  TD_FMT_TEXT,
  TD_FMT_JSONL,
  TD_FMT_HTML,
  TD_FMT_WARC
} td_format;

typedef struct td_engine td_engine;
typedef struct td_doc td_doc;
typedef struct td_source td_source;

/* One article as read from its container, before any analysis.
 * Every string is NUL-terminated or NULL; `body` may hold NULs (len says). */
typedef struct td_input {
  char *id;          /* document id (file name, WARC-Record-ID, FILE:LINE, ...) */
  char *body;        /* raw bytes: text or HTML, as is_html says */
  size_t body_len;
  int is_html;
  char *title;       /* given metadata (JSON Lines fields); wins over detection */
  char *date;        /* YYYY-MM-DD or longer ISO form */
  char *source;
  char *url;
  char *fallback_date; /* a crawl date (WARC-Date): used only when nothing else */
  char *error;       /* when set, the input could not be read; the reason */
} td_input;

/* Frees an input and everything in it. td_input_free(NULL) is a no-op. */
void td_input_free(td_input *in);

/* Engine configuration. Zero-initialize, then set what you need. */
typedef struct td_config {
  const char *resources;   /* path of the compiled resource image; NULL: search */
  const char *default_date;/* --date: reference date for undated documents */
  const char *layers;      /* comma list of extra output layers ("tokens") or NULL */
  const char *const *dict_dirs; /* user dictionary folders, NULL-terminated, or NULL */
} td_config;

/* Loads resources and makes an engine. On failure returns NULL and writes a
 * message to err (errlen bytes). Free with td_engine_free(). */
td_engine *td_engine_new(const td_config *cfg, char *err, size_t errlen);
void td_engine_free(td_engine *eng);

/* sha256 (hex) of every resource the engine loaded. Owned by the engine. */
const char *td_engine_resources_hash(const td_engine *eng);

/* Opens a file, a directory (walked, sorted) or "-" (stdin) as a stream of
 * inputs. Returns NULL with a message in err when the path cannot be opened
 * at all. Free with td_source_close(). */
td_source *td_source_open(const char *path, td_format fmt, char *err, size_t errlen);

/* Next input of a source: TD_OK with *out set (the caller frees it with
 * td_input_free; it may carry `error` for a document that could not be read),
 * or TD_EOF. */
int td_source_next(td_source *src, td_input **out);
void td_source_close(td_source *src);

/* Runs the per-document pipeline on one input. Never returns NULL except on
 * out-of-memory; a failed input gives a document whose error is set.
 * Pure: depends only on the input and the engine. Free with td_doc_free(). */
td_doc *td_doc_process(td_engine *eng, const td_input *in);
void td_doc_free(td_doc *doc);

/* The reason a document failed, or NULL. Owned by the document. */
const char *td_doc_error(const td_doc *doc);

/* The document as one `tidings/1` JSON object (no newline). Returns a
 * malloc'd string; the caller frees it. *len receives its length. */
char *td_doc_to_json(const td_doc *doc, size_t *len);

/* The normalized text of the document (UTF-8) and its length in bytes.
 * Owned by the document. */
const char *td_doc_text(const td_doc *doc, size_t *len);

/* Runs extraction over many paths with `threads` workers (0: all cores),
 * writing one JSON line per document to out in input order and one error
 * line per failed document to err. Progress goes to err when `progress`.
 * Returns the number of failed documents, or -1 when a path could not be
 * opened (still processing the others). */
typedef struct td_run_stats {
  size_t docs, failed, bytes;
  double seconds;
  size_t skipped; /* td_run_each_skip: inputs the skip callback passed over (in docs, bytes) */
} td_run_stats;
int td_extract_run(td_engine *eng, const char *const *paths, size_t npaths,
                   td_format fmt, int threads, FILE *out, FILE *err,
                   int progress, td_run_stats *stats);

/* The same driver, handing each extracted document to cb instead of writing
 * it: cb(ctx, doc, json, len) is called in input order, one call at a time
 * (under the driver's output lock), with the document and its `tidings/1`
 * JSON (both owned by the driver, valid during the call). Failed documents
 * are reported to err and not passed on. When cb returns non-zero it is not
 * called again (the rest is drained) and the result is -1. Returns as
 * td_extract_run. */
typedef int (*td_doc_cb)(void *ctx, const td_doc *doc, const char *json, size_t len);
int td_run_each(td_engine *eng, const char *const *paths, size_t npaths,
                td_format fmt, int threads, td_doc_cb cb, void *ctx, FILE *err,
                int progress, td_run_stats *stats);

/* td_run_each with a filter before extraction: skip(ctx, in) is called on
 * the reading thread for every input, in input order, before any work is
 * done on it; non-zero drops the input (counted in stats->skipped, never
 * passed to cb). skip NULL: td_run_each. */
typedef int (*td_skip_cb)(void *ctx, const td_input *in);
int td_run_each_skip(td_engine *eng, const char *const *paths, size_t npaths,
                     td_format fmt, int threads, td_skip_cb skip, td_doc_cb cb, void *ctx,
                     FILE *err, int progress, td_run_stats *stats);

/* ---- knowledge base ----
 * A store of many articles' facts (SQLite file), merged across articles:
 * events with their mentions, actor profiles, claims with agreement,
 * story clusters and near-duplicate versions. Schema: docs/SCHEMA.md. */
typedef struct td_kb td_kb;

/* Opens (creating and migrating when not readonly) the store at path.
 * NULL with a message in err on failure. Close with td_kb_close(). */
td_kb *td_kb_open(const char *path, int readonly, char *err, size_t errlen);
void td_kb_close(td_kb *kb);
/* path as messages may show it: a PostgreSQL URL's password as "***";
 * into buf (n bytes), returned. */
const char *td_kb_redact(const char *path, char *buf, size_t n);
/* Whether path is a PostgreSQL connection URL (postgres:// or
 * postgresql://) rather than an SQLite file. */
int td_kb_is_pg_url(const char *path);

typedef struct td_kb_stats {
  size_t added;     /* documents stored for the first time */
  size_t replaced;  /* documents whose older version's facts were replaced */
  size_t unchanged; /* documents already in the store with this content */
  size_t failed;    /* documents that could not be extracted or stored */
  size_t docs, bytes; /* td_kb_ingest: documents read and their input bytes */
  double seconds;     /* td_kb_ingest: wall time, merge included */
  size_t skipped;     /* td_kb_ingest: unchanged inputs not extracted again */
} td_kb_stats;

/* Stores one `tidings/1` JSON record (idempotent: the same content changes
 * nothing; a changed article with the same url, or the same id and source,
 * replaces its old facts). Does not merge. Batches commit every 2048 documents;
 * td_kb_commit() ends the open batch. 0 on success, -1 with err set. */
int td_kb_add_json(td_kb *kb, const char *json, size_t len, td_kb_stats *st,
                   char *err, size_t errlen);
int td_kb_commit(td_kb *kb, char *err, size_t errlen);

/* td_kb_ingest skips, before extraction, an input whose bytes, metadata,
 * resources and options are those of one already stored. on: extract every
 * input again (needed after a change the key cannot see, e.g. --dict). */
void td_kb_set_reextract(td_kb *kb, int on);

/* Extracts paths with td_run_each and stores every document, then merges
 * when `merge`. Returns as td_extract_run. */
int td_kb_ingest(td_kb *kb, td_engine *eng, const char *const *paths, size_t npaths,
                 td_format fmt, int threads, FILE *err, int progress, int merge,
                 td_kb_stats *st);

/* Rebuilds the merged tables from the stored facts (deterministic: the
 * same documents give the same result in any order). 0 or -1 with err. */
int td_kb_merge(td_kb *kb, char *err, size_t errlen);

typedef enum { TD_KB_TABLE = 0, TD_KB_JSON, TD_KB_CSV } td_kb_format;
typedef struct td_kb_query {
  const char *what;   /* events, quotes, claims, actors, stories, articles */
  const char *actor, *source, *target, *root, *since, *until, *place,
      *speaker, *text; /* filters, NULL for none */
  long limit;          /* 0: no limit */
  td_kb_format format;
} td_kb_query;

/* Runs one query and writes its rows to out. Number of rows, or -1. */
long td_kb_query_run(td_kb *kb, const td_kb_query *q, FILE *out, char *err, size_t errlen);

/* Writes the store: format "gdelt" (events.csv and mentions.csv, GDELT 2.0
 * tab-separated columns), "jsonl" (canonical: sorted by content keys, no
 * ingest times, byte-identical for the same articles) or "csv". outdir NULL:
 * everything to out. 0 or -1 with err. */
int td_kb_export(td_kb *kb, const char *format, const char *outdir, FILE *out,
                 char *err, size_t errlen);

/* Alert rules of `tidings watch` (rules file syntax: src/kb/watch.c and
 * docs/SCHEMA.md). Parsed from the file's text; NULL with err. */
typedef struct td_kb_rules td_kb_rules;
td_kb_rules *td_kb_rules_parse(const char *text, char *err, size_t errlen);
void td_kb_rules_free(td_kb_rules *rules);
/* The newest document's row number: documents stored later have larger ones. */
long td_kb_watermark(td_kb *kb);
/* Writes an alert (text line, or a JSON object a line when jsonl) for each
 * fact of the documents stored after watermark `since` that a rule matches.
 * Number of alerts, or -1 with err. */
long td_kb_alerts(td_kb *kb, const td_kb_rules *rules, long since, int jsonl, FILE *out,
                  char *err, size_t errlen);

/* Row counts of every table, one "table N" line each (for checks). */
int td_kb_counts(td_kb *kb, FILE *out);

/* ---- evaluation and training ---- */

#define TD_EVAL_GOLD_TAGS 1u /* parser: score with the treebank's tags */

/* Measures a layer against annotated data and prints the figures to out:
 * "tagger" and "parser" (CoNLL-U), "times" (a folder of TimeML files),
 * "ner" (CoNLL-2003), "quotes" (a folder of brat attribution files),
 * "geo" (GeoWebNews XML), "events" (PLOVER gold records, JSON).
 * Returns 0, -1 when the data could not be read, -2 for an unknown layer. */
int td_eval(const td_engine *eng, const char *layer, const char *path,
            unsigned flags, FILE *out);

/* Trains model "tagger" or "parser" on a CoNLL-U treebank (tuned on dev)
 * and writes it to out; progress goes to log. 0, -1 on failure, -2 for an
 * unknown model. iters <= 0 takes the model's default. */
int td_train(const char *model, const char *train, const char *dev,
             const char *out, int iters, FILE *log);

#ifdef __cplusplus
}
#endif
#endif
