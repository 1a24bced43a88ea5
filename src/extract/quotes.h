/*
 * quotes.h — private interface of the quotes and quantities layers
 * (quotes.c, quantities.c): a word view of the text in which
 * quotation marks are words of their own, the cues (data/quotes/cues.rules),
 * the search for who says or claims something, and the PolNeAR evaluation.
 */
#ifndef TD_QUOTES_H
#define TD_QUOTES_H

#include "extract.h"

#include <stdio.h>

/* ---- the word view ---- */

/* A word of the text as the attribution layers see it: letters and digits
 * with inner apostrophes, hyphens and periods ("Korea's", "Indo-Pacific",
 * "U.S", "8,000", "3.5"), or one punctuation character; quotation marks are
 * always words of their own, whatever the tokenizer made of them. Single
 * curly marks (‘…’) count as quotation marks where they pair up outside a
 * double quotation; a ’ inside a word ("don’t") is an apostrophe. */
enum {
  TD_QW_CAP = 1 << 0,    /* first letter uppercase */
  TD_QW_PUNCT = 1 << 1,  /* punctuation */
  TD_QW_QOPEN = 1 << 2,  /* an opening double quotation mark */
  TD_QW_QCLOSE = 1 << 3, /* a closing double quotation mark */
  TD_QW_PARA = 1 << 4,   /* first word of a paragraph */
  TD_QW_DIGIT = 1 << 5,  /* starts with a digit */
  TD_QW_SEND = 1 << 6,   /* ends a sentence (. ! ? not after an abbreviation) */
  TD_QW_SINGLE = 1 << 7  /* a single curly mark (‘ or ’ standing alone); paired
                            ones outside double marks also get QOPEN/QCLOSE */
};

typedef struct td_qword {
  uint32_t s, e;         /* byte span in doc->text */
  uint32_t sent;         /* sentence of the token starting at s (UINT32_MAX: none does) */
  uint16_t flags;        /* TD_QW_* */
  uint8_t upos;          /* tag of the token at s, 0 when untagged */
  const char *lw;        /* lowercased, ’ folded to ' (arena) */
} td_qword;

/* Cue kinds: the word after "quotes." in a rule's name (data/quotes/cues.rules). */
enum {
  TD_CUE_SAY = 1,        /* speech verb: "X said", "said X" */
  TD_CUE_TELL,           /* speech verb with an addressee: "X told Y" */
  TD_CUE_ACCORDING,      /* the speaker follows: "according to X" */
  TD_CUE_PASSIVE,        /* "X was quoted as saying" */
  TD_CUE_NAME,           /* naming without a speaker: "described as" */
  TD_CUE_FIND            /* a finding reported, "figures showed that": the claimant of
                            a number, no speaker of a quotation (read as TD_CUE_SAY
                            while td_find_claimant searches, not otherwise) */
};

/* A flag on a cue's kind: a bare form after a modal or "to" ("he will
 * argue", "was due to tell"), a cue only where a quotation is beside it
 * (quotes.c: bare_cue), none for td_cue_at. */
#define TD_CUE_BARE 0x40
/* A flag on a cue's kind: a present form the tagger may read as a noun,
 * at a sentence's end (quotes.*_end rules: `"…," the two write.`), a cue
 * only right after a quotation's mark and comma and a short subject
 * (quotes.c: end_cue), none for td_cue_at. */
#define TD_CUE_END 0x20

typedef struct td_cue {
  const char *w[6];
  int nw, kind;
} td_cue;

/* Everything the attribution search needs about one document. */
typedef struct td_qctx {
  td_doc *doc;
  td_qword *w;
  size_t nw;
  td_cue *cues;          /* the cue table, when there are no quotes.* rules */
  size_t ncues;
  uint8_t *cue_len;      /* per word: words of the longest quotes.* rule match */
  uint8_t *cue_kind;     /* starting there (0: none), and its TD_CUE_* kind;
                            NULL when the engine has no quotes.* rules */
  const td_engine *eng;  /* whose quotes.* rules fill cue_len, a sentence at a time: */
  uint8_t *cue_ran;      /* per sentence: its rules ran (on first use, see cue_any) */
  size_t open0;          /* no word before this one opens a quotation (TD_QW_QOPEN) */
  int finds;             /* TD_CUE_FIND cues count (td_find_claimant sets it) */
} td_qctx;

/* Builds the word view and the cues of doc (in doc's arena): the matches of
 * the engine's quotes.* rules (data/quotes/cues.rules), or without them a
 * small built-in cue table. Once per
 * document: the first call keeps them at doc->qctx, later calls (quantities
 * runs first, then quotes) copy them from there. The view is read-only
 * after it is built; the rule cues are filled a sentence at a time when
 * first asked for (td_cue_at), in arrays every copy shares. */
void td_qctx_init(td_qctx *c, const td_engine *eng, td_doc *doc);

/* Index of the first word that ends after byte b (nw when none). */
size_t td_qword_at(const td_qctx *c, uint32_t b);

/* Length in words of the longest cue matching at word i (0: none); its
 * kind in *kind. */
int td_cue_at(const td_qctx *c, size_t i, int *kind);

/* Whether w is one word, lowercased, among the NULL-terminated list. */
int td_qword_in(const td_qword *w, const char *const *list);

/* Who says, claims or reports what is at word `target`, searched in its
 * sentence: "according to X", "X said/confirmed (that) ...", "..., X said".
 * Fills *who (the speaker as written) and *cue, returns 1; 0 when nobody. */
int td_find_claimant(td_qctx *c, size_t target, td_span *who, td_span *cue);

/* Index of the sentence holding byte b (-1 when the doc has none). */
int td_sent_of(const td_doc *doc, uint32_t b);

/* ---- evaluation ---- */

/* Scores direct quotations and speakers against brat attribution data laid
 * out as PolNeAR is (DIR/text/NAME.txt, DIR/attributions/NAME_ANNOTATOR.ann)
 * and prints the figures to out. Returns 0, or -1 when DIR is unreadable. */
int td_eval_quotes(const td_engine *eng, const char *dir, FILE *out);

#endif
