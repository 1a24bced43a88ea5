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
} td_run_stats;
int td_extract_run(td_engine *eng, const char *const *paths, size_t npaths,
                   td_format fmt, int threads, FILE *out, FILE *err,
                   int progress, td_run_stats *stats);

#ifdef __cplusplus
}
#endif
#endif
