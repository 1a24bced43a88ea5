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

/* Indexes of the tags and relations the events (and actors) layers test, so that a test
 * compares two numbers, not two names (perf, issue 11), and the relation
 * families it tests by prefix as bit masks over relation indexes (all 59
 * fit 64 bits). They follow the tables in tags.c; test_events checks every
 * one against the names. */
enum {
  TD_XPOS_VB = 9, TD_XPOS_NNS = 10, TD_XPOS_PRP_POSS = 21, TD_XPOS_VBD = 13, TD_XPOS_VBP = 14, TD_XPOS_VBZ = 15,
  TD_XPOS_VBN = 17, TD_XPOS_VBG = 18, TD_XPOS_MD = 19, TD_XPOS_NNPS = 34
};
enum {
  TD_DEP_CASE = 2, TD_DEP_NSUBJ = 3, TD_DEP_OBJ = 7, TD_DEP_AMOD = 8, TD_DEP_OBL = 9,
  TD_DEP_CONJ = 10, TD_DEP_COMPOUND = 11, TD_DEP_NMOD = 13, TD_DEP_ADVCL = 17,
  TD_DEP_NMOD_POSS = 18, TD_DEP_XCOMP = 19, TD_DEP_CCOMP = 20, TD_DEP_FLAT = 21,
  TD_DEP_APPOS = 24, TD_DEP_AUX_PASS = 27, TD_DEP_NSUBJ_PASS = 28, TD_DEP_OBL_UNMARKED = 29,
  TD_DEP_NMOD_UNMARKED = 30, TD_DEP_IOBJ = 34, TD_DEP_NMOD_DESC = 37, TD_DEP_OBL_AGENT = 38,
  TD_DEP_CSUBJ = 39, TD_DEP_NSUBJ_OUTER = 40, TD_DEP_OBL_TMOD = 52, TD_DEP_OBL_NPMOD = 53,
  TD_DEP_NMOD_TMOD = 54, TD_DEP_NMOD_NPMOD = 55
};
#define TD_DEP_BIT(r) (1ULL << (r))
/* the relations whose names begin "obl", "nmod", "nsubj" */
#define TD_DEPS_OBL                                                                           \
  (TD_DEP_BIT(TD_DEP_OBL) | TD_DEP_BIT(TD_DEP_OBL_UNMARKED) | TD_DEP_BIT(TD_DEP_OBL_AGENT) |  \
   TD_DEP_BIT(TD_DEP_OBL_TMOD) | TD_DEP_BIT(TD_DEP_OBL_NPMOD))
#define TD_DEPS_NMOD                                                                          \
  (TD_DEP_BIT(TD_DEP_NMOD) | TD_DEP_BIT(TD_DEP_NMOD_POSS) | TD_DEP_BIT(TD_DEP_NMOD_UNMARKED) | \
   TD_DEP_BIT(TD_DEP_NMOD_DESC) | TD_DEP_BIT(TD_DEP_NMOD_TMOD) | TD_DEP_BIT(TD_DEP_NMOD_NPMOD))
#define TD_DEPS_NSUBJ                                                                         \
  (TD_DEP_BIT(TD_DEP_NSUBJ) | TD_DEP_BIT(TD_DEP_NSUBJ_PASS) | TD_DEP_BIT(TD_DEP_NSUBJ_OUTER))

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
#define TD_LEX_CAPITAL (1u << 4)
#define TD_LEX_LOWER (1u << 5)
struct td_parser *td_parser_load(const td_res *res, char *err, size_t errlen);
void td_parser_free(struct td_parser *p);

#endif
