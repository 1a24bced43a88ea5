/* lemma.c — STUB until the WordNet lemmatizer lands. */
#include "lang.h"
struct td_lemmatizer { int dummy; };
struct td_lemmatizer *td_lemmatizer_load(const td_res *res, char *err, size_t errlen) { (void)res; (void)err; (void)errlen; return NULL; }
void td_lemmatizer_free(struct td_lemmatizer *l) { (void)l; }
int td_lemmatize(const td_engine *eng, td_doc *doc) { (void)eng; (void)doc; return 0; }
