/*
 * tags.c — the names of Universal POS tags, Penn Treebank tags (XPOS) and
 * Universal Dependencies relations, as small indexed tables. Token layers
 * store indexes; JSON and CoNLL-U use the names.
 */
#include "lang.h"

#include <string.h>

const char *const td_upos_names[TD_UPOS_COUNT] = {
    "_",    "ADJ",  "ADP",   "ADV",  "AUX",   "CCONJ", "DET",  "INTJ", "NOUN",
    "NUM",  "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *const td_xpos_names[] = {
    "_",   "NN",  "IN",   "DT",  "NNP", "PRP", "JJ",  "RB",  ".",   "VB",
    "NNS", ",",   "CC",   "VBD", "VBP", "VBZ", "CD",  "VBN", "VBG", "MD",
    "TO",  "PRP$", "-RRB-", "-LRB-", "WDT", ":", "WRB", "``", "''", "WP",
    "RP",  "UH",  "POS",  "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP", "RBR",
    "ADD", "GW",  "$",    "SYM", "PDT", "LS",  "FW",  "RBS", "AFX", "WP$"};
const int td_xpos_count = sizeof td_xpos_names / sizeof td_xpos_names[0];

const char *const td_deprel_names[] = {
    "_",          "punct",      "case",         "nsubj",        "det",
    "root",       "advmod",     "obj",          "amod",         "obl",
    "conj",       "compound",   "mark",         "nmod",         "cc",
    "aux",        "cop",        "advcl",        "nmod:poss",    "xcomp",
    "ccomp",      "flat",       "acl:relcl",    "parataxis",    "appos",
    "nummod",     "acl",        "aux:pass",     "nsubj:pass",   "obl:unmarked",
    "nmod:unmarked", "discourse", "list",       "compound:prt", "iobj",
    "expl",       "fixed",      "nmod:desc",    "obl:agent",    "csubj",
    "nsubj:outer", "det:predet", "vocative",    "goeswith",     "advcl:relcl",
    "cc:preconj", "reparandum", "orphan",       "csubj:pass",   "dislocated",
    "dep",        "csubj:outer", "obl:tmod",    "obl:npmod",    "nmod:tmod",
    "nmod:npmod", "flat:foreign", "det:poss",   "case:poss"};
const int td_deprel_count = sizeof td_deprel_names / sizeof td_deprel_names[0];

static int find(const char *const *names, int n, const char *s) {
  for (int i = 1; i < n; i++)
    if (strcmp(names[i], s) == 0) return i;
  return 0;
}

int td_upos_from_name(const char *s) { return find(td_upos_names, TD_UPOS_COUNT, s); }
int td_xpos_from_name(const char *s) { return find(td_xpos_names, td_xpos_count, s); }

int td_deprel_from_name(const char *s) {
  int k = find(td_deprel_names, td_deprel_count, s);
  if (k) return k;
  /* Unknown subtype: fall back to the base relation. */
  const char *c = strchr(s, ':');
  if (!c) return td_deprel_from_name("dep");
  char base[32];
  size_t n = (size_t)(c - s) < sizeof base - 1 ? (size_t)(c - s) : sizeof base - 1;
  memcpy(base, s, n);
  base[n] = 0;
  k = find(td_deprel_names, td_deprel_count, base);
  return k ? k : td_deprel_from_name("dep");
}
