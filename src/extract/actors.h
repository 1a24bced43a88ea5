/*
 * actors.h — private interface of the actors layer (actors.c) for the
 * layers after it (quotes, quantities, events) and for `tidings eval ner`.
 * The layer itself is td_actors() in extract.h.
 */
#ifndef TD_ACTORS_H
#define TD_ACTORS_H

#include "extract.h"

#include <stdio.h>

/* The actor whose mention covers bytes [start, end) of doc->text: first an
 * actor with a mention containing the span, else the one whose mention
 * inside it ends last (the head of the phrase), not one that names its
 * actor for coreference only (td_mention_coref_only); -1 when none. Linear in the
 * number of mentions. */
int td_actor_at(const td_doc *doc, uint32_t start, uint32_t end);

/* Mention s names its actor for coreference only: a possessive pronoun
 * (his, her, its, their, my, our), or a first-person one (I, me, myself:
 * the speaker of a quotation; we, ourselves: an organization's quotation;
 * linked by the quotes layer). td_actor_at reads
 * it only alone, never as a part of a longer phrase (`his lawyer said`:
 * the lawyer speaks, not the possessor), and the events layer not at all
 * (what a quotation says is the speaker's by attributed_to; its `I` as a
 * source made as many spurious events of the quotation's words as right
 * sources). */
int td_mention_coref_only(const td_doc *doc, td_span s);

/* Adds span sp to actor k's mentions, in text order (none when it is
 * there): a later layer's finding that the span names the actor (the
 * quotes layer: `I` in a quotation is its speaker). */
void td_actor_add_mention(td_doc *doc, int k, td_span sp);

/* The country actor of ISO3 code iso (entity the lowercase code, as the
 * layer makes it), made when the document has none, and span sp added to
 * its mentions: a later layer's finding that sp names the country (the
 * events layer: a country adjective before an act's noun, "Israeli air
 * raids", which this layer leaves no actor). Its index. A one-word
 * village the places layer read at sp that proves nothing of iso (no
 * town of 3,000 of that name in the gazetteer, nothing else of iso in
 * the article) makes an actor of its name alone, with no country or code. */
int td_country_actor(td_doc *doc, const char *iso, td_span sp);

/* A group actor of sector `sector` (`LAB`) and country iso (ISO3, or
 * NULL: the code is then the sector alone), named by the phrase at sp
 * (entity its country, sector and words: `lab-tube-workers`,
 * `hkg-cvl-people`), made when
 * the document has none, with sp added to its mentions: a later layer's
 * finding that a description names who acted (the events layer: the
 * workers who went on strike, "tube workers walked out", a phrase this
 * layer makes no actor of). Its index. */
int td_group_actor(td_doc *doc, const char *iso, const char *sector, td_span sp);

/* The member actors of a pair group (`officials from both nations`, `the
 * two countries`: kind group, no code of its own) into out (at most max):
 * for each of the two countries, its country actor, else another actor of
 * that country. 0 when actor a is not such a group. */
int td_actor_members(const td_doc *doc, int a, int *out, int max);

/* Named-entity types of the CoNLL scheme, for evaluation. */
enum { TD_NE_NONE = 0, TD_NE_PER, TD_NE_ORG, TD_NE_LOC, TD_NE_MISC };

/* A typed name in the text: tokens [tok0, tok1). */
typedef struct td_ne {
  uint32_t tok0, tok1;
  int type; /* TD_NE_* */
  int country; /* names a country (a national team stays LOC in sports) */
  int weak;    /* typed by the last-resort guess, before document consistency */
  int sure;    /* typed by a word naming its kind (`club X`): other mentions follow it */
} td_ne;

/* Runs the actors layer on doc (like td_actors) and, when names is not
 * NULL, also lists every name it typed (arena-allocated, in text order):
 * people, organizations, countries and places, nationalities (MISC). */
int td_actors_names(const td_engine *eng, td_doc *doc, td_ne **names, size_t *nnames);

/* Scores the layer's names against a CoNLL-2003 file (IOB tags in the last
 * column, -DOCSTART- lines between documents), entity-level, with
 * conlleval's semantics: a name counts when its span and type both match.
 * Prints per-type and overall precision, recall and F1 (PER/ORG/LOC; MISC
 * separately) to out. 0, or -1 when the file cannot be read. */
int td_eval_ner(const td_engine *eng, const char *conll_file, FILE *out);

#endif
