/*
 * testdoc.h — documents built straight from text, for the unit tests and
 * fuzz targets of one layer, without running the pipeline before it.
 */
#ifndef TD_TESTDOC_H
#define TD_TESTDOC_H

#include "doc.h"
#include "kb/kb.h"

/* The text as one sentence with no tokens (layers that read the text). */
td_doc *td_testdoc_text(const char *text);
/* The text as one sentence, tokenized at spaces and around ASCII
 * punctuation; each token's norm is its text as written, head -2. */
td_doc *td_testdoc_words(const char *text);
void td_testdoc_free(td_doc *d);
/* An engine with the built resource image and the given --dict folders
 * (NULL: none); NULL after a "skip" line on stderr when it cannot load. */
td_engine *td_testdoc_engine(const char *const *dict_dirs);
/* An engine with a --dict folder holding one file, name (e.g. "x.rules"),
 * of the given content; the folder is gone again when this returns (the
 * engine reads its dictionaries when it is made). NULL after a "skip" line
 * when it cannot be made. */
td_engine *td_testdoc_dict_engine(const char *name, const char *content);
/* The same without --dict folders, NULL after a "skip" line also when the
 * image has no gazetteer (the places layer's tests). */
td_engine *td_testdoc_places_engine(void);
/* The whole pipeline on a plain-text article with the given date (or NULL). */
td_doc *td_testdoc_process(td_engine *eng, const char *text, const char *date);
/* A new store: dir, a mkdtemp template ("/tmp/td_kb_testXXXXXX"), is made
 * and filled in, path (pathlen bytes) gets dir/kb.db, opened for writing.
 * NULL after a line on stderr when either fails. */
td_kb *td_testkb_new(char *dir, char *path, size_t pathlen);
/* Removes dir and what is in it (a store's folder); 0 when it went. */
int td_testkb_remove(const char *dir);
/* The text of span s, in a static buffer (for CHECK_STR). */
const char *td_testdoc_span(const td_doc *d, td_span s);

#endif
