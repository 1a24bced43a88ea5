/*
 * matcher.h — the one dictionary matcher every layer shares (actors, places,
 * times, quantities, quotes, events).
 *
 * A dictionary maps phrases to (class, payload) entries, e.g.
 *   north korea <TAB> country <TAB> PRK
 * Phrases are matched over a sentence's tokens, longest match first, left to
 * right, in time linear in the sentence length. Matching ignores spaces and
 * hyphens between and inside tokens ("Kim Jong-un" = "Kim Jong Un") and
 * folds curly apostrophes and quotes to ASCII. An entry matches
 *   - case-insensitively (the default),
 *   - only in its exact case (flag `case`: "US" but not "us"), or
 *   - over the tokens' lemmas (flag `lemma`: "test-fire" matches "test-fired").
 *
 * Tables are hashed n-gram tables in one flat image (see matcher.c): built
 * at make time by tools/mkres into the resource section "dict" and used
 * straight from the mmap, or built at run time from the user's TSV files
 * (--dict DIR). The file format is in docs/DICTIONARIES.md.
 */
#ifndef TD_MATCHER_H
#define TD_MATCHER_H

#include "../doc.h"

enum {
  TD_DICT_CASE = 1,  /* matches only in the exact case */
  TD_DICT_LEMMA = 2  /* matches over lemmas */
};

typedef struct td_dict td_dict;

/* One match: doc tokens [tok0, tok1) and one entry of the phrase matched.
 * Strings point into the dictionary (valid while it lives). */
typedef struct td_match {
  uint32_t tok0, tok1;
  const char *key;      /* folded phrase as stored */
  const char *cls;      /* class, e.g. "country", "country.adj", "person" */
  const char *payload;  /* e.g. "PRK"; "" when none */
  unsigned flags;       /* TD_DICT_* */
} td_match;

/* Called once per entry of each longest match; return nonzero to stop. */
typedef int (*td_match_cb)(void *ctx, const td_match *m);

/* ---- the dictionary ---- */

/* An empty dictionary. Free with td_dict_free(); td_dict_free(NULL) is a
 * no-op. */
td_dict *td_dict_new(void);
void td_dict_free(td_dict *d);
/* Adds a compiled table that lives elsewhere (the mmapped "dict" section);
 * it is not copied (shared by every process that maps it) and must
 * outlive d. 0, or -1 when the bytes are not a table. */
int td_dict_add_image(td_dict *d, const void *img, size_t len);
/* Compiles every *.tsv file of folder dir (sorted by name), and its
 * PETRARCH/Phoenix/TABARI *.actors, *.agents and recognized *.txt files
 * (petrarch.h), into one table owned by d. 0, or -1 with a message in err. */
int td_dict_add_dir(td_dict *d, const char *dir, char *err, size_t errlen);
/* Number of entries over all tables. */
size_t td_dict_size(const td_dict *d);

/* ---- matching ----
 * `classes` filters entries: NULL accepts all; otherwise a NULL-terminated
 * list of class names, where "country" accepts "country" and every
 * "country.<sub>". The longest match is taken among accepted entries only,
 * so a gazetteer does not shadow the actor dictionary. Each call returns 1
 * when the callback stopped it, else 0. */

/* Longest matches in doc tokens [tok0, tok1). The enumeration behind it is
 * done once per document, start token and dictionary (a cache in the
 * document's arena, renewed when the tokens change), whatever the filter:
 * the layers that match the same sentences share it. Callbacks must not
 * change the dictionary. */
int td_match_range(const td_dict *d, const td_doc *doc, uint32_t tok0, uint32_t tok1,
                   const char *const *classes, td_match_cb cb, void *ctx);
/* Longest matches of the same walk that start in [tok0, slim) and end by
 * tok1: the walk over [tok0, tok1) cut short once it reaches slim
 * (td_match_range is slim = tok1). */
int td_match_starts(const td_dict *d, const td_doc *doc, uint32_t tok0, uint32_t slim,
                    uint32_t tok1, const char *const *classes, td_match_cb cb, void *ctx);
/* The longest match starting at token `tok` and ending by tok1, its
 * entries handed to cb (a nonzero return stops them): the match's end
 * token, or 0 when none starts there. */
uint32_t td_match_at(const td_dict *d, const td_doc *doc, uint32_t tok, uint32_t tok1,
                     const char *const *classes, td_match_cb cb, void *ctx);
/* The same as td_match_range without the per-document cache (see
 * matcher.c): the reference the tests compare the cached matcher with. */
int td_match_range_direct(const td_dict *d, const td_doc *doc, uint32_t tok0, uint32_t tok1,
                          const char *const *classes, td_match_cb cb, void *ctx);
/* Longest matches in sentence `sent` of doc. */
int td_match_sentence(const td_dict *d, const td_doc *doc, size_t sent,
                      const char *const *classes, td_match_cb cb, void *ctx);
/* td_match_sentence() on every sentence of doc in turn, with `classes`
 * read once for all of them (perf, issue 11: a layer that matches every
 * sentence pays the per-call look-ups of the caches and the filter once). */
int td_match_sentences(const td_dict *d, const td_doc *doc, const char *const *classes,
                       td_match_cb cb, void *ctx);
/* Entries for a whole phrase (as written in a dictionary file), both
 * case-insensitive and exact-case ones; tok0 = tok1 = 0 in the matches. */
int td_dict_lookup(const td_dict *d, const char *phrase, const char *const *classes,
                   td_match_cb cb, void *ctx);
/* Entries matched over lemmas (flag `lemma`) for a phrase of lemmas as
 * written in a dictionary file ("turn down"): what a lemma entry would
 * match were the tokens in a row (the events layer's particle verbs with
 * their object between, "turned the offer down"). */
int td_dict_lookup_lemmas(const td_dict *d, const char *phrase, const char *const *classes,
                          td_match_cb cb, void *ctx);

/* ---- building tables (tools/mkres and td_dict_add_dir) ---- */

typedef struct td_dictb td_dictb;
td_dictb *td_dictb_new(void);
/* Adds one entry; returns 0, or -1 for an empty phrase or class. */
int td_dictb_add(td_dictb *b, const char *phrase, const char *cls, const char *payload,
                 unsigned flags);
/* Adds every line of a TSV dictionary file. 0, or -1 with a message. */
int td_dictb_add_tsv(td_dictb *b, const char *path, char *err, size_t errlen);
/* Entries added so far. */
size_t td_dictb_count(const td_dictb *b);
/* The compiled table as one malloc'd block (the caller frees it); frees b. */
void *td_dictb_finish(td_dictb *b, size_t *len);

#endif
