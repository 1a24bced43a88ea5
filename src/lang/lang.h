/*
 * lang.h — the language core: tag names, CoNLL-U reading, the POS tagger,
 * the lemmatizer and the dependency parser. Every later layer reads tags,
 * lemmas and dependencies from doc->toks; nobody re-tokenizes or parses.
 * Private to libtidings.
 */
#ifndef TD_LANG_H
#define TD_LANG_H

#include "../doc.h"

/* ---- tag tables (tags.c) ---- */
extern const char *const td_upos_names[TD_UPOS_COUNT]; /* [0] = "_" */
int td_upos_from_name(const char *s);                  /* 0 if unknown */
extern const char *const td_xpos_names[];              /* [0] = "_" */
extern const int td_xpos_count;
int td_xpos_from_name(const char *s);
extern const char *const td_deprel_names[];            /* [0] = "_" */
extern const int td_deprel_count;
int td_deprel_from_name(const char *s);                /* full "obl:tmod" */

/* ---- CoNLL-U (conllu.c) ----
 * A treebank read into memory: sentences of tokens with gold annotations.
 * Multi-word token lines (1-2) and empty nodes (1.1) are skipped; the words
 * are kept. */
typedef struct td_cu_tok {
  char *form, *lemma;
  int upos, xpos, deprel; /* indexes into the tables above */
  int head;               /* 1-based within sentence, 0 = root */
  int space_after;        /* 0 when MISC has SpaceAfter=No */
} td_cu_tok;
typedef struct td_cu_sent {
  td_cu_tok *toks;
  int n;
  char *text;             /* "# text = " */
} td_cu_sent;
typedef struct td_conllu {
  td_cu_sent *sents;
  size_t n;
} td_conllu;
/* Reads a file; NULL with message on failure. Free with td_conllu_free. */
td_conllu *td_conllu_read(const char *path, char *err, size_t errlen);
void td_conllu_free(td_conllu *c);

/* ---- pipeline stages ---- */
/* tagger.c: sets upos and xpos of every token. */
int td_tag(const td_engine *eng, td_doc *doc);
/* lemma.c: sets lemma of every token from its form and tag. */
int td_lemmatize(const td_engine *eng, td_doc *doc);
/* parser.c: sets head and deprel of every token. */
int td_parse(const td_engine *eng, td_doc *doc);
/* parser.c: parses one sentence once (idempotent; the pipeline parses
 * lazily, see engine.c); 1 when the sentence has a parse, else 0. */
int td_parse_sentence(const td_engine *eng, td_doc *doc, size_t sent);

struct td_tagger *td_tagger_load(const td_res *res, char *err, size_t errlen);
void td_tagger_free(struct td_tagger *t);
struct td_lemmatizer *td_lemmatizer_load(const td_res *res, char *err, size_t errlen);
void td_lemmatizer_free(struct td_lemmatizer *l);
/* Lexical classes of a word: bits 0-3 WordNet noun/verb/adj/adv, 4-5 the
 * word list spells it capitalized/lowercase (TD_LEX_LOWER), 6-8 it can be
 * an inflected noun/verb/adjective. 0 when unknown or l is NULL. */
uint32_t td_lemma_lexclass(const struct td_lemmatizer *l, const char *s, size_t n);
#define TD_LEX_LOWER (1u << 5)
struct td_parser *td_parser_load(const td_res *res, char *err, size_t errlen);
void td_parser_free(struct td_parser *p);

#endif
