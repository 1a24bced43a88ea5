/*
 * rules.h — the one token-pattern rule language every layer may use.
 *
 * A rule is a line `NAME <TAB or spaces> PATTERN`; a pattern is a sequence
 * of token tests with quantifiers and named captures, e.g.
 *   call_on  [lemma=call] [lower=on] (?<target> [class=country|class=org]+) [lower=to]
 * The full language is in docs/RULES.md. Rules are compiled once into small
 * programs for a backtracking matcher whose work per sentence is bounded
 * (each (instruction, token) pair is visited at most once per start token,
 * and a step budget caps a whole sentence), so adversarial rules or text
 * cannot blow up. Matching a sentence reports, per rule, leftmost-longest
 * non-overlapping matches with their captures.
 */
#ifndef TD_RULES_H
#define TD_RULES_H

#include "../doc.h"

typedef struct td_rules td_rules;

/* One capture of a match: doc tokens [tok0, tok1), or -1/-1 when the
 * capture's group did not take part in the match. */
typedef struct td_rule_cap {
  const char *name;
  int32_t tok0, tok1;
} td_rule_cap;

/* One match: rule `rule` (its name; `index` its position in the set) over
 * doc tokens [tok0, tok1). Strings and caps are valid during the callback. */
typedef struct td_rule_match {
  const char *rule;
  int index;
  uint32_t tok0, tok1;
  const td_rule_cap *caps;
  int ncaps;
} td_rule_match;

/* Called for every match; return nonzero to stop matching. */
typedef int (*td_rule_cb)(void *ctx, const td_rule_match *m);

/* Compiles rule text (one rule per line, '#' comments). NULL on error with
 * "line L, column C: message" in err. Empty text gives an empty set. */
td_rules *td_rules_compile(const char *text, char *err, size_t errlen);
/* Adds the rules of one file to r. 0, or -1 with "PATH: line L, column C:
 * message" in err (r is then unchanged). */
int td_rules_add_file(td_rules *r, const char *path, char *err, size_t errlen);
/* Adds every *.rules file of folder dir, sorted by name (none is fine).
 * 0, or -1 with a message in err. */
int td_rules_add_dir(td_rules *r, const char *dir, char *err, size_t errlen);
/* Adds rule text from `origin` (a file name, for messages) to r: 0, or -1
 * with "ORIGIN: line L, column C: message" in err (r is then unchanged).
 *
 * Every add (text, file, folder file, image) is one batch: a rule name the
 * batch defines replaces all rules of that name added before it (so a user
 * file's `times.ago` replaces the built-in `times.ago`); several lines with
 * one name inside a batch are alternatives that all run. */
int td_rules_add_text(td_rules *r, const char *text, const char *origin, char *err, size_t errlen);
/* Adds the built-in rules of the resource image's "rules" section: a
 * sequence of "PATH\0TEXT\0" records (tools/mkres.c), each one batch.
 * 0, or -1 with a message in err. */
int td_rules_add_image(td_rules *r, const void *img, size_t len, char *err, size_t errlen);
/* Number of rules. */
size_t td_rules_count(const td_rules *r);
/* Number of rules of layer `layer`: the rules whose names begin "LAYER."
 * ("" for names without a '.'). */
size_t td_rules_layer_count(const td_rules *r, const char *layer);
/* Whether a match of a rule of layer `layer` may end right before token
 * tok of doc (tok may be doc->ntoks): 0 when none can, because no token
 * within the longest match of the layer's rules before tok can begin one
 * (the prefilter of td_rules_match_layer); 1 when one may. Lets a caller
 * that wants only the matches ending at a few tokens skip the sentences
 * where none can. */
int td_rules_layer_may_end(const td_rules *r, const char *layer, const td_doc *doc, uint32_t tok);
/* Index of the (first) rule called name, or -1. */
int td_rules_find(const td_rules *r, const char *name);
void td_rules_free(td_rules *r);

/* Matches every rule over sentence `sent` of doc and calls cb per match,
 * rule by rule in file order, each rule's matches left to right. `class=`
 * tests use eng->dict; `dep=`/`head=` tests parse the sentence on demand
 * (td_parse_sentence). eng may be NULL (then class tests fail and only an
 * existing parse is read). Returns the number of matches reported (the
 * callback stopping, or the step budget running out, ends early). */
int td_rules_match_sentence(const td_rules *r, const td_engine *eng, td_doc *doc,
                            size_t sent, td_rule_cb cb, void *ctx);
/* As td_rules_match_sentence, for the rules of one layer only: the rules
 * named "LAYER.something" (layer "" selects names without a '.'). This is
 * what a layer calls per sentence, e.g. td_rules_match_layer(eng->rules,
 * "times", ...). A rule whose first token needs a literal lower= or lemma=
 * value is tried only at tokens that carry one (the prefilter), so a
 * sentence where no rule can begin costs two hash look-ups per token. */
int td_rules_match_layer(const td_rules *r, const char *layer, const td_engine *eng, td_doc *doc,
                         size_t sent, td_rule_cb cb, void *ctx);
/* As td_rules_match_sentence, for one rule only (index from td_rules_find). */
int td_rules_match_rule(const td_rules *r, int rule, const td_engine *eng, td_doc *doc,
                        size_t sent, td_rule_cb cb, void *ctx);

/* The capture called name in m, or NULL. */
const td_rule_cap *td_rule_cap_get(const td_rule_match *m, const char *name);

#endif
