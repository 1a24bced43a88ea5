/*
 * events.c — the events layer: who did what to whom, coded in CAMEO (and,
 * through data/events/cameo.tsv, in PLOVER), with polarity, modality,
 * attribution, date and place. Last stage of the pipeline (after actors,
 * places, times, quantities, quotes).
 *
 * How a sentence is coded:
 *   1. Triggers come from the shared dictionary matcher, classes
 *      event.verb (data/events/verbs.dict.tsv), event.noun (nouns) and
 *      event.mod (modality cues), matched over lemmas: "held talks with"
 *      is the entry "hold talk with". A verb entry needs a verb (or a
 *      copula) in its tokens, a noun entry a noun at its end.
 *   2. Arguments: when the dependency parser has run (tok->head >= -1), the
 *      subject (nsubj, nsubj:pass, obl:agent) and object (obj, iobj, obl
 *      with the entry's preposition) of the trigger are taken from it;
 *      otherwise a clause-bounded scan finds them: the subject is the
 *      nearest actor group to the left that is not inside a prepositional
 *      phrase, the target the first actor group to the right (after one of
 *      the entry's prepositions when it names them). Actor groups follow
 *      coordination ("Chile and the United States", "Roe, Diaz
 *      and Tanaka"). Passive verbs swap: the subject is the target, "by X"
 *      the source. Nominal events take their source from a possessor
 *      ("Russia's", "North Korean"), a "by" or "of" phrase, or the clause
 *      subject.
 *   3. One event per source-target pair; pairs of one trigger share
 *      `mention`.
 *   4. Modality and polarity from auxiliaries and cue phrases before the
 *      trigger (will/may/could/if/plan to/not/no indication); a trigger in
 *      the to-infinitive of an appeal, vow, demand, threat or refusal is
 *      not coded apart: the governing act is (it carries the entry code of
 *      the whole phrase, e.g. "vow to cooperate" = 030).
 *   5. attributed_to: the speaker of a quotation holding the trigger, else
 *      the subject of a reporting verb of the sentence ("Austin said",
 *      "according to X").
 *
 * Payload of an entry: CODE[;OPTION...]; options: t=P|P (the target is
 * the object of one of these prepositions), n (no direct-object target),
 * emb (the entry governs a to-infinitive), sym (a symmetric act: a
 * compound subject without target gives one event per pair), o=N|N (holds
 * only with one of these objects), v=N|N (does not hold with one of these
 * in its direct object), x (needs an actor target), s (needs an actor
 * source), a (needs an actor either way), inf (not before a to-infinitive).
 *
 * Verb frames (an appeal, vow, refusal, threat or accusation and the act
 * in its complement; "X said that Y must Z") are rules of the shared rule
 * language in data/events/frames.rules (events.appeal_to, intent_to,
 * reject_to, charge_of, must), matched per sentence with
 * td_rules_match_layer.
 */
#include "events.h"

#include "actors.h"
#include "lang/lang.h"
#include "lang/matcher.h"
#include "lang/rules.h"
#include "places.h"
#include "times.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "cameo_table.h"

/* ---- CAMEO facts ---- */

/* The root of a CAMEO code: its first two digits as a number ("0874" 8). */
static int code_root(const char *code) { return (code[0] - '0') * 10 + (code[1] - '0'); }

static int cameo_cmp(const void *k, const void *e) {
  return strcmp((const char *)k, ((const struct td_cameo_row *)e)->code);
}

/* Quad class, Goldstein score and PLOVER type and mode of a CAMEO code;
 * -1 when the code is unknown (outputs then zero/NULL). */
int td_cameo_info(const char *code, int *quad, double *goldstein,
                  const char **plover, const char **plover_mode) {
  *quad = 0;
  if (goldstein) *goldstein = 0;
  if (plover) *plover = NULL;
  if (plover_mode) *plover_mode = NULL;
  if (!code) return -1;
  const struct td_cameo_row *r =
      bsearch(code, td_cameo_rows, sizeof td_cameo_rows / sizeof td_cameo_rows[0],
              sizeof td_cameo_rows[0], cameo_cmp);
  if (!r) return -1;
  int root = code_root(code);
  *quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
  if (goldstein) *goldstein = r->goldstein;
  if (plover) *plover = r->plover;
  if (plover_mode) *plover_mode = r->mode;
  return 0;
}

const char *td_cameo_name(const char *code) {
  if (!code) return NULL;
  const struct td_cameo_row *r =
      bsearch(code, td_cameo_rows, sizeof td_cameo_rows / sizeof td_cameo_rows[0],
              sizeof td_cameo_rows[0], cameo_cmp);
  return r ? r->name : NULL;
}

/* ---- word tests ---- */

/* a equals b (perf, issue 11: the word tests run on every token of a
 * clause scan, and most words differ from the one asked for in the first
 * byte, which is compared before calling strcmp). */
static inline int str_is(const char *a, const char *b) {
  return a[0] == b[0] && strcmp(a, b) == 0;
}

static int is_word(const td_tok *t, const char *w) { return t->norm && str_is(t->norm, w); }

/* The possessive clitic, straight or curly ("Russia's", "Russia\u2019s"). */
static int is_poss(const td_tok *t) {
  return t->norm && (str_is(t->norm, "'s") || str_is(t->norm, "\xe2\x80\x99s") ||
                     str_is(t->norm, "'") || str_is(t->norm, "\xe2\x80\x99"));
}

static const char *lemma_of(const td_tok *t) {
  return t->lemma && *t->lemma ? t->lemma : t->norm ? t->norm : "";
}

/* Tags and relations are tested by their indexes (TD_XPOS_*, TD_DEP_*,
 * lang.h), not by name (perf, issue 11: the finite-verb scans test every
 * token of a sentence four times for each verb trigger, 130,000 tests on
 * /tmp/bbcsub, and the parse-based arguments every dependent of a trigger). */

/* Whether t's XPOS is x (a TD_XPOS_* index). */
static inline int is_xpos(const td_tok *t, int x) { return t->xpos == x; }

/* Whether t's relation is r (a TD_DEP_* index). */
static inline int dep_is(const td_tok *t, int r) { return t->deprel == r; }

/* Whether t's relation is in the set m (a TD_DEPS_* mask). */
static inline int dep_in(const td_tok *t, uint64_t m) {
  return t->deprel < 64 && (m >> t->deprel & 1);
}

/* Whether w is one of the words that end the clause a scan is in: ";",
 * ":", the conjunctions and the relative words listed below. Perf: the clause scans ask it of every token they pass (26,000 times on
 * /tmp/bbcsub), and few words start like one of these; a switch on the
 * first byte answers most without a compare, where a word list was walked
 * to its end (22 entries, ~160 instructions a call). */
static int is_stop_word(const char *w) {
  switch (w[0]) {
  case ';':
  case ':': return w[1] == 0;
  case 'a': return !strcmp(w, "as") || !strcmp(w, "after") || !strcmp(w, "although");
  case 'b': return !strcmp(w, "but") || !strcmp(w, "because") || !strcmp(w, "before");
  case 's': return !strcmp(w, "so") || !strcmp(w, "since");
  case 't': return !strcmp(w, "that") || !strcmp(w, "though");
  case 'u': return !strcmp(w, "until") || !strcmp(w, "unless");
  case 'w': /* "was", "with", "would": not the relative words */
    return w[1] == 'h' && (!strcmp(w, "who") || !strcmp(w, "which") || !strcmp(w, "when") ||
                           !strcmp(w, "where") || !strcmp(w, "while") || !strcmp(w, "whom") ||
                           !strcmp(w, "whose") || !strcmp(w, "whereas"));
  default: return 0;
  }
}

/* Prepositions after which an actor is a circumstance, not an argument. */
static const char *const circ_preps[] = {"in", "at", "near", "during", "after", "before",
                                         "since", "across", "inside", "outside", "around",
                                         "within", "under", "for", "amid", "despite",
                                         "like", "than", "including", "over", NULL};

static const char *const report_verbs[] = {
    "say", "state", "tell", "report", "claim", "add", "note", "announce", "confirm",
    "allege", "disclose", "reveal", "write", "assert", "declare", "explain", "stress",
    "indicate", "acknowledge", "insist", NULL};

/* ---- per-document state ---- */

typedef struct trig {
  uint32_t tok0, tok1; /* matched tokens */
  uint32_t head;       /* the verb or noun token */
  char code[5];
  int noun, no_obj, emb, sym;
  int need_tgt;        /* x: coded only with an actor as its target */
  int no_inf;          /* inf: not coded before a to-infinitive ("sought to") */
  int need_src;        /* s: coded only with an actor as its source */
  int need_any;        /* a: coded only with an actor as source or target */
  int need_hurt;       /* hurt: coded only where the sentence shows bodily harm */
  int need_obj;        /* obj: coded only with a direct object or in the passive */
  int regard;          /* regard: not coded in the sense of holding an opinion */
  int issued;          /* issued: a noun coded only as something issued ("made a threat") */
  int mistag_pass;     /* a participle after "be" that the tagger called a noun ("was shot") */
  int adj_verb;        /* a past verb the tagger read as an adjective (mistagged_verbs) */
  int suppressed;
  uint32_t must;       /* "Y must": the token of "must", else 0 */
  int child;           /* 1 + index of the act in its to-infinitive, else 0 */
  int under_verb;      /* a nominal event in the object of an event verb */
  /* the word lists: views of the option values in the entry's payload
   * ("from|to", ending at ';' or the payload's end; "" when none), of any
   * length (a list copied into a fixed buffer was dropped, silently, past
   * 396 bytes); tested by list_has */
  const char *preps;   /* "from|to" */
  const char *objs;    /* "troop|soldier": objects the entry needs */
  const char *vetos;   /* "chance|evidence": objects that cancel it */
  const char *topic;   /* "missile|rocket": words the document must name */
} trig;

/* Empties t: its fields zero, its word lists "". */
static void trig_clear(trig *t) {
  memset(t, 0, sizeof *t);
  t->preps = t->objs = t->vetos = t->topic = "";
}

/* CAMEO's codes for an appeal, intent, demand, refusal or threat whose
 * content is a known act: "vowed to cooperate" (03 + 06 = 031), "threatened
 * to cut ties" (13 + 161 = 1313), "refused to meet" (12 + 04 = 125). Only a
 * bare governor code (030, 020, 100, 120, 130) is refined. */
static void refine_code(char code[5], const char *act) {
  if (strlen(code) != 3 || code[2] != '0') return;
  int gov = code_root(code);
  int root = code_root(act);
  static const struct {
    int gov, root;
    const char *code;
  } tab[] = {
      {3, 4, "036"},  {3, 5, "032"},  {3, 6, "031"},  {3, 7, "033"},  {3, 8, "035"},
      {2, 4, "026"},  {2, 5, "022"},  {2, 6, "021"},  {2, 7, "023"},  {2, 8, "025"},
      {10, 4, "106"}, {10, 5, "102"}, {10, 6, "101"}, {10, 7, "103"}, {10, 8, "105"},
      {12, 4, "125"}, {12, 6, "121"}, {12, 7, "122"}, {12, 8, "124"}, {13, 16, "131"},
      {13, 17, "137"}, {13, 18, "138"}, {13, 19, "138"}, {13, 20, "138"}, {13, 14, "133"},
      {13, 15, "138"},
  };
  for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
    if (tab[i].gov == gov && tab[i].root == root) {
      snprintf(code, 5, "%s", tab[i].code);
      break;
    }
  /* finer sub-codes that the code book names */
  if (gov == 13 && strcmp(act, "161") == 0) snprintf(code, 5, "1313");
  else if (gov == 13 && strcmp(act, "163") == 0) snprintf(code, 5, "1312");
  else if (gov == 13 && strncmp(act, "162", 3) == 0) snprintf(code, 5, "1311");
  else if (gov == 13 && strcmp(act, "1723") == 0) snprintf(code, 5, "1323");
  else if (gov == 13 && strcmp(act, "1724") == 0) snprintf(code, 5, "1324");
  else if (gov == 3 && strncmp(act, "087", 3) == 0) snprintf(code, 5, "0356");
  else if (gov == 3 && strcmp(act, "045") == 0) snprintf(code, 5, "039");
  else if (gov == 3 && strncmp(act, "084", 3) == 0) snprintf(code, 5, "0353");
  else if (gov == 2 && strncmp(act, "087", 3) == 0) snprintf(code, 5, "0256");
  else if (gov == 10 && strncmp(act, "087", 3) == 0) snprintf(code, 5, "1056");
  else if (gov == 12 && strncmp(act, "084", 3) == 0) snprintf(code, 5, "1243");
}

typedef struct modcue {
  uint32_t tok0, tok1;
  char kind;           /* 'f' future, 'h' hypothetical, 'n' negative */
} modcue;

typedef struct sctx {
  const td_doc *doc;
  trig *trigs;
  size_t ntrigs, cap;
  modcue *mods;
  size_t nmods, capm;
  td_arena *arena;
  int sep;             /* collect() is handed a separated particle verb ("turned it down") */
  uint32_t sport_n;    /* words of sport (event.topic) in the sentence */
  uint32_t sport_mask; /* which ones: a bit per word, by a hash of its entry */
} sctx;

static int is_stop(const td_tok *t);

static void parse_payload(trig *t, const char *pay) {
  size_t i = 0;
  while (pay[i] && pay[i] != ';' && i < 4) t->code[i] = pay[i], i++;
  t->code[i] = 0;
  const char *p = strchr(pay, ';');
  while (p) {
    p++;
    const char *e = strchr(p, ';');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n == 1 && *p == 'n') t->no_obj = 1;
    else if (n == 3 && strncmp(p, "emb", 3) == 0) t->emb = 1;
    else if (n == 3 && strncmp(p, "sym", 3) == 0) t->sym = 1;
    else if (n == 1 && *p == 'x') t->need_tgt = 1;
    else if (n == 1 && *p == 's') t->need_src = 1;
    else if (n == 1 && *p == 'a') t->need_any = 1;
    else if (n == 3 && strncmp(p, "inf", 3) == 0) t->no_inf = 1;
    else if (n == 4 && strncmp(p, "hurt", 4) == 0) t->need_hurt = 1;
    else if (n == 3 && strncmp(p, "obj", 3) == 0) t->need_obj = 1;
    else if (n == 6 && strncmp(p, "regard", 6) == 0) t->regard = 1;
    else if (n == 6 && strncmp(p, "issued", 6) == 0) t->issued = 1;
    else if (n > 2 && strncmp(p, "v=", 2) == 0)
      t->vetos = p + 2;
    else if (n > 2 && strncmp(p, "o=", 2) == 0)
      t->objs = p + 2;
    else if (n > 2 && strncmp(p, "t=", 2) == 0)
      t->preps = p + 2;
    else if (n > 2 && strncmp(p, "d=", 2) == 0)
      t->topic = p + 2;
    p = e;
  }
}

/* Whether w (lowercased when fold) is one of the words of list, an
 * entry's option value in its payload ("troop|soldier"), which ends at
 * the next ';' or the payload's end. */
static int list_has(const char *list, const char *w, int fold) {
  if (!w) return 0;
  for (const char *p = list; *p && *p != ';';) {
    const char *q = w;
    while (*p && *p != '|' && *p != ';' && *q &&
           *p == (fold ? (char)tolower((unsigned char)*q) : *q))
      p++, q++;
    if (!*q && (!*p || *p == '|' || *p == ';')) return 1;
    while (*p && *p != '|' && *p != ';') p++;
    if (*p == '|') p++;
  }
  return 0;
}

static int prep_in(const trig *t, const char *w) {
  return list_has(t->preps, w, 0);
}

/* Whether one of the words of list ("a|b", lemmas or surface forms)
 * comes in the direct object of match m: the next 8 tokens of its clause,
 * up to a stop word, punctuation, a preposition other than "of" or another
 * verb. */
static int obj_in(const td_doc *doc, const td_match *m, const char *list) {
  const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
  for (uint32_t k = m->tok1; k < s->tok0 + s->ntok && k < m->tok1 + 8; k++) {
    const td_tok *t = &doc->toks[k];
    /* a noun's object follows its "of" ("the withdrawal of support") */
    int of = k == m->tok1 && is_word(t, "of");
    if (is_stop(t) && !is_word(t, "that") && !of) break;
    if (t->flags & (TD_TOK_QUOTE_OPEN | TD_TOK_QUOTE_CLOSE)) continue; /* offered a "hard right agenda" */
    /* a particle right after the verb is read ("sign up", v=up) */
    int particle = k == m->tok1 && !of && (t->upos == TD_ADP || t->upos == TD_PART);
    if (t->upos == TD_PUNCT || (t->upos == TD_ADP && !is_word(t, "of") && !particle)) break;
    if (list_has(list, lemma_of(t), 1) || list_has(list, t->norm, 0)) return 1;
    if (t->upos == TD_VERB || particle) break;
  }
  return 0;
}

/* Words that show a verb of striking is bodily harm, not a contest:
 * who does it (police, soldiers, a mob), to whom (prisoners, protesters),
 * with what (batons, rifle butts) or how it ends (to death, up). */
static const char *const hurt_words[] = {
    "police", "policeman", "policemen", "soldier", "troop", "guard", "bodyguard", "militia",
    "militiaman", "militiamen", "militant", "gang", "mob", "gunman", "gunmen", "attacker",
    "assailant", "thug", "rioter", "vigilante", "settler", "captor", "kidnapper", "interrogator",
    "jailer", "warder", "prisoner", "inmate", "detainee", "protester", "protestor", "demonstrator",
    "journalist", "reporter", "civilian", "villager", "baton", "truncheon", "stick", "rifle",
    "whip", "rod", "bar", "fist", "custody", "torture", "death", "unconscious", "brutally",
    "savagely", "severely", "senseless", "security", "force", "officer", "agent", "jail", "prison",
    "cell", "interrogation", "detain", "arrest", NULL};

/* Whether "meet" at match m tells how people came to know each other,
 * a part of their history rather than a meeting: "who met in their early
 * teens", "met aged 13", "met at drama school", "met as students", "met
 * when they were pupils", "met while studying". */
static int acquainted(const td_doc *doc, const td_match *m) {
  static const char *const ages[] = {"teens", "twenties", "thirties", "youth", "childhood",
                                     "adolescence", NULL};
  static const char *const schools[] = {"school", "college", "university", "academy",
                                        "kindergarten", NULL};
  static const char *const young[] = {"student", "child", "teenager", "kid", "schoolboy",
                                      "schoolgirl", "pupil", "undergraduate", "youngster",
                                      "teen", "toddler", NULL};
  const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
  uint32_t hi = s->tok0 + s->ntok, k = m->tok1;
  if (m->tok1 != m->tok0 + 1 || strcmp(lemma_of(&doc->toks[m->tok0]), "meet") != 0) return 0;
  if (k < hi && is_word(&doc->toks[k], "up")) k++;
  if (k + 1 >= hi) return 0;
  const td_tok *a = &doc->toks[k], *b = &doc->toks[k + 1];
  /* "in their (early) teens" */
  if (is_word(a, "in") && (is_word(b, "their") || is_word(b, "his") || is_word(b, "her") ||
                           is_word(b, "our")))
    for (uint32_t j = k + 2; j < hi && j < k + 4; j++)
      if (td_str_in(doc->toks[j].norm, ages)) return 1;
  if (is_word(a, "aged") && b->upos == TD_NUM) return 1;
  /* "at school", "at drama school", "at Dundee University" */
  if (is_word(a, "at"))
    for (uint32_t j = k + 1; j < hi && j < k + 4; j++) {
      if (td_str_in(doc->toks[j].norm, schools)) return 1;
      if (doc->toks[j].upos != TD_DET && doc->toks[j].upos != TD_ADJ &&
          doc->toks[j].upos != TD_NOUN && doc->toks[j].upos != TD_PROPN)
        break;
    }
  if (is_word(a, "as") && td_str_in(lemma_of(b), young)) return 1;
  if (is_word(a, "while") && (is_word(b, "studying") || is_word(b, "at"))) return 1;
  /* "when they were pupils", "when he was 15" (not "when he was in
   * Washington") */
  if (is_word(a, "when") && b->upos == TD_PRON && k + 3 < hi &&
      (is_word(&doc->toks[k + 2], "were") || is_word(&doc->toks[k + 2], "was"))) {
    uint32_t j = k + 3;
    if (j + 1 < hi && doc->toks[j].upos == TD_DET) j++;
    if (doc->toks[j].upos == TD_NUM || td_str_in(lemma_of(&doc->toks[j]), young)) return 1;
  }
  return 0;
}

/* Whether the words around match m (eight before it, ten after, within
 * its sentence) show bodily harm (hurt_words, or "up" right after the
 * verb or its object: "beat him up"). "Beat" in the news is mostly a
 * contest won ("Canada beat Panama 3-1", "beat forecasts", "beat X to
 * the award"); CAMEO's assault (182) is the other sense. */
static int hurt_shown(const td_doc *doc, const td_match *m) {
  const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
  uint32_t lo = m->tok0 > s->tok0 + 8 ? m->tok0 - 8 : s->tok0;
  uint32_t hi = m->tok1 + 10 < s->tok0 + s->ntok ? m->tok1 + 10 : s->tok0 + s->ntok;
  for (uint32_t k = lo; k < hi; k++) {
    const td_tok *t = &doc->toks[k];
    if (k >= m->tok1 && k < m->tok1 + 3 && is_word(t, "up")) return 1;
    if (t->upos != TD_PROPN && (td_str_in(lemma_of(t), hurt_words) || (t->norm && td_str_in(t->norm, hurt_words)))) return 1;
  }
  return 0;
}

/* Whether the noun a past participle of match m is said of ("the album
 * was released", "figures released on Tuesday", "the targets were met")
 * is one of the words of list ("a|b"): in the passive the object of
 * the act stands before it, where obj_in() does not look. */
static int passive_subj_in(const td_doc *doc, const td_match *m, uint32_t head, const char *list) {
  if (!is_xpos(&doc->toks[head], TD_XPOS_VBN)) return 0;
  const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
  int64_t j = (int64_t)m->tok0 - 1, lo = s->tok0;
  while (j >= lo && j >= (int64_t)m->tok0 - 6 &&
         (doc->toks[j].upos == TD_ADV || doc->toks[j].upos == TD_AUX || doc->toks[j].upos == TD_PART))
    j--;
  if (j >= lo && is_word(&doc->toks[j], ",")) j--; /* "his latest album, released …" */
  if (j < lo || (doc->toks[j].upos != TD_NOUN && doc->toks[j].upos != TD_PROPN)) return 0;
  return list_has(list, lemma_of(&doc->toks[j]), 1) || list_has(list, doc->toks[j].norm, 0);
}

/* Whether match m's verb has a direct object right after it (a noun
 * phrase: "returned the weapons", "returned them to") or is a passive
 * ("were returned"): "returned to Kabul", "returned home", "will return
 * next week" are a going back, not a handing back. */
static int has_object(const td_doc *doc, const td_match *m, uint32_t head) {
  const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
  uint32_t hi = s->tok0 + s->ntok, k = m->tok1;
  /* "blew up when the singer ...": a wh-adverb opens a clause of its own */
  static const char *const wh[] = {"when", "where", "while", "whenever", "why", "how", NULL};
  while (k < hi && doc->toks[k].upos == TD_ADV && !is_word(&doc->toks[k], "home") &&
         !is_word(&doc->toks[k], "back") && !td_str_in(doc->toks[k].norm, wh))
    k++;
  if (k < hi) {
    const td_tok *t = &doc->toks[k];
    static const char *const not_obj[] = {"home", "back", "here", "there", "last", "next",
                                          "this", "early", "later", NULL};
    if ((t->upos == TD_DET || t->upos == TD_NOUN || t->upos == TD_PROPN || t->upos == TD_PRON ||
         t->upos == TD_NUM || t->upos == TD_ADJ) &&
        !(t->norm && td_str_in(t->norm, not_obj)))
      return 1;
  }
  if (!is_xpos(&doc->toks[head], TD_XPOS_VBN)) return 0;
  for (int64_t j = (int64_t)head - 1; j >= (int64_t)s->tok0 && j >= (int64_t)head - 4; j--) {
    const td_tok *t = &doc->toks[j];
    if (t->upos == TD_AUX && (str_is(lemma_of(t), "be") || str_is(lemma_of(t), "get"))) return 1;
    if (t->upos != TD_ADV && t->upos != TD_AUX && t->upos != TD_PART) break;
  }
  return 0;
}

/* Whether match m (a verb such as "consider") is used of holding an
 * opinion rather than weighing a course of action: "is considered (to
 * be) one of the best", "widely considered a pioneer", "consider the
 * film to portray", "what the US considers to be good governance",
 * "considers that the victor ...". "Is considering raising fuel
 * prices", "will be considered for approval" stay. */
static int regard_sense(const td_doc *doc, const td_match *m, uint32_t head) {
  const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
  uint32_t hi = s->tok0 + s->ntok, k = m->tok1;
  if (k < hi && is_word(&doc->toks[k], "that")) return 1;
  for (uint32_t j = k; j + 1 < hi && j < k + 8; j++) {
    const td_tok *t = &doc->toks[j];
    if (t->upos == TD_PUNCT || is_stop(t)) break;
    if (is_word(t, "to") && is_word(&doc->toks[j + 1], "be")) return 1;
  }
  /* a passive ("is considered", "widely considered" after a comma) with
   * a predicate after it; "had considered a buyout" is an act */
  if (!is_xpos(&doc->toks[head], TD_XPOS_VBN)) return 0;
  int64_t b = (int64_t)m->tok0 - 1;
  while (b >= (int64_t)s->tok0 && (doc->toks[b].upos == TD_ADV || is_word(&doc->toks[b], "(") ||
                                   is_word(&doc->toks[b], ")")))
    b--;
  if (b < (int64_t)s->tok0) return 0;
  const td_tok *bt = &doc->toks[b];
  if (!is_word(bt, ",") &&
      !(bt->upos == TD_AUX && (str_is(lemma_of(bt), "be") || str_is(lemma_of(bt), "get"))))
    return 0;
  while (k < hi && doc->toks[k].upos == TD_ADV) k++;
  return k < hi && (doc->toks[k].upos == TD_DET || doc->toks[k].upos == TD_ADJ ||
                    doc->toks[k].upos == TD_NUM || doc->toks[k].upos == TD_NOUN);
}

/* Whether the noun of match m is told as something issued, not as a
 * danger: a verb of issuing before it ("issued a threat", "received
 * death threats", "acted on a threat") or a to-infinitive after it ("the
 * threat to cut off gas"). "Poses a threat to", "is under threat", "to
 * counter terror threats" name a danger. */
static int issued_noun(const td_doc *doc, const td_match *m) {
  static const char *const issue[] = {"issue", "make", "send", "repeat", "renew", "receive",
                                      "carry", "act", "deliver", "level", "voice", "utter",
                                      "back", "withdraw", "drop", "reiterate", "escalate",
                                      "execute", "ignore", "defy", "follow", "step", NULL};
  const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
  uint32_t hi = s->tok0 + s->ntok;
  if (m->tok1 + 1 < hi && is_word(&doc->toks[m->tok1], "to") &&
      doc->toks[m->tok1 + 1].upos == TD_VERB)
    return 1;
  for (int64_t j = (int64_t)m->tok0 - 1; j >= (int64_t)s->tok0 && j >= (int64_t)m->tok0 - 5; j--) {
    const td_tok *t = &doc->toks[j];
    if (t->upos == TD_VERB) return td_str_in(lemma_of(t), issue);
    if (t->upos == TD_ADP && !is_word(t, "on") && !is_word(t, "of")) return 0;
  }
  return 0;
}

/* Nouns of what is done to a person: their possessor or country
 * adjective is the one it was done to ("Lin's arrest"), not the doer. */
static const char *const undergone[] = {"arrest", "detention", "release", "expulsion",
                                        "abduction", "kidnapping", "assassination",
                                        "torture", "execution", "murder", "capture",
                                        "deportation", "extradition", "imprisonment",
                                        NULL};

/* Whether token k, tagged a noun or an adjective, is a participle right
 * after a form of "be" or "get" (adverbs between): "Van Gogh was shot
 * and stabbed", "was reportedly shot dead". The tagger reads the bare
 * form as the noun ("a shot"); a determiner or an adjective before it
 * ("was a shot", "was a long shot") keeps the noun. The lexicon spells
 * such a participle where it is not its verb's lemma ("shot"). */
static int after_be(const td_doc *doc, uint32_t k) {
  /* the participles spelled so: a bare noun after "be" ("the answer is
   * aid", "the best defence is attack") stays a noun */
  static const char *const parts[] = {"shot", NULL};
  const td_tok *t = &doc->toks[k];
  if (t->upos != TD_NOUN && t->upos != TD_ADJ) return 0;
  if (!t->norm || !td_str_in(t->norm, parts)) return 0;
  const td_sent *s = &doc->sents[t->sent];
  for (int64_t j = (int64_t)k - 1; j >= (int64_t)s->tok0 && j >= (int64_t)k - 3; j--) {
    const td_tok *w = &doc->toks[j];
    const char *l = lemma_of(w);
    if ((w->upos == TD_AUX || w->upos == TD_VERB) && (str_is(l, "be") || str_is(l, "get"))) return 1;
    if (w->upos != TD_ADV) return 0;
  }
  return 0;
}

/* Whether the verb-and-object entry over tokens [k, k1) starts with a
 * verb the tagger called a noun after a subject that is a list of names
 * ("Iran and Iraq hold talks", "Syria, Jordan and Egypt sign accords"):
 * a lowercase word the lexicon knows as a verb, a noun after it in the
 * entry, and before it names joined by "and" (commas between) that open
 * the clause (not "the Iran and Iraq hold", "talks of X and Y hold"). */
static int mistag_verb(const td_doc *doc, uint32_t k, uint32_t k1) {
  const td_tok *t = &doc->toks[k];
  const td_sent *s = &doc->sents[t->sent];
  if (t->upos != TD_NOUN || !t->norm || !islower((unsigned char)doc->text[t->start])) return 0;
  if (!doc->eng || !doc->eng->lemma ||
      !(td_lemma_lexclass(doc->eng->lemma, t->norm, strlen(t->norm)) & 2u))
    return 0;
  int obj = 0;
  for (uint32_t q = k + 1; q < k1; q++) obj |= doc->toks[q].upos == TD_NOUN;
  if (!obj) return 0;
  int64_t j = (int64_t)k - 1;
  int names = 0, ands = 0;
  while (j >= (int64_t)s->tok0) {
    const td_tok *w = &doc->toks[j];
    if (w->upos == TD_PROPN) {
      if (doc->toks[j + 1].upos != TD_PROPN) names++;
    } else if (is_word(w, "and") || is_word(w, ",")) {
      if (doc->toks[j + 1].upos != TD_PROPN) return 0;
      ands += is_word(w, "and");
    } else {
      break;
    }
    j--;
  }
  if (names < 2 || ands != 1 || doc->toks[j + 1].upos != TD_PROPN) return 0;
  if (j < (int64_t)s->tok0) return 1;
  const td_tok *b = &doc->toks[j];
  return b->upos == TD_PUNCT || b->upos == TD_ADV || b->upos == TD_SCONJ ||
         b->upos == TD_CCONJ || is_word(b, "that");
}

static int collect(void *ctx, const td_match *m) {
  sctx *c = ctx;
  const td_doc *doc = c->doc;
  if (strcmp(m->cls, "event.mod") == 0) {
    TD_AGROW(c->arena, c->mods, c->capm, c->nmods + 1);
    char k = m->payload[0] == 'f' ? 'f' : m->payload[0] == 'n' ? 'n' : 'h';
    c->mods[c->nmods++] = (modcue){m->tok0, m->tok1, k};
    return 0;
  }
  if (strcmp(m->cls, "event.topic") == 0) {
    /* data/events/topics.dict.tsv: words only sport uses ("striker",
     * "semi-final", "the Premier League") */
    uint32_t h = 2166136261u;
    for (const char *k = m->key; *k; k++) h = (h ^ (unsigned char)*k) * 16777619u;
    c->sport_n++;
    c->sport_mask |= 1u << (h & 31);
    return 0;
  }
  int noun = strcmp(m->cls, "event.noun") == 0;
  if (!noun && strcmp(m->cls, "event.verb") != 0) return 0;
  /* the head: first verb of a verb entry, last noun of a noun entry */
  int64_t head = -1;
  if (noun) {
    const td_tok *l = &doc->toks[m->tok1 - 1];
    if (l->upos == TD_NOUN || l->upos == TD_PROPN) head = m->tok1 - 1;
    /* a noun entry one token long must not be a verb's object marker */
  } else {
    for (uint32_t k = m->tok0; k < m->tok1; k++)
      if (doc->toks[k].upos == TD_VERB) {
        head = k;
        break;
      }
    if (head < 0 && strncmp(m->key, "be ", 3) == 0) head = m->tok0;
    /* a tagger that calls a sentence-initial verb a noun: accept a bare
     * verb entry when a subject-like word precedes it and no determiner */
    if (head < 0 && m->tok1 - m->tok0 == 1 && doc->toks[m->tok0].upos == TD_NOUN &&
        m->tok0 > 0 && doc->toks[m->tok0 - 1].upos == TD_PROPN &&
        doc->toks[m->tok0].norm && doc->toks[m->tok0].norm[strlen(doc->toks[m->tok0].norm) - 1] == 'd')
      head = m->tok0;
    /* "Iran and Iraq hold talks": a verb-and-object entry whose verb the
     * tagger called a noun after a name ending the subject; the verb is
     * one the word list knows as a verb, lowercase, and the object a noun */
    if (head < 0 && m->tok1 - m->tok0 >= 2 && m->tok0 > 1 && mistag_verb(doc, m->tok0, m->tok1))
      head = m->tok0;
    /* (mistagged_verbs hands over a verb the tagger read as an adjective) */
    if (head < 0 && c->sep == 2) head = m->tok0;
  }
  int mistag_pass = 0;
  if (head < 0 && !noun && m->tok1 - m->tok0 == 1 && after_be(doc, m->tok0))
    head = m->tok0, mistag_pass = 1;
  /* an entry spelled as a participle ("shot") is for the tagger's noun:
   * a verb so tagged has its lemma's entry ("shoot") */
  if (!mistag_pass && !noun && !c->sep && m->tok1 - m->tok0 == 1 && head >= 0 &&
      !str_is(lemma_of(&doc->toks[head]), m->key))
    return 0;
  /* "Russian drones attacked Kyiv": a noun entry ("drone attack") whose
   * last word the tagger read as a verb is none, but the entries that
   * start inside it ("attack") are still read */
  if (head < 0 && noun && m->tok1 - m->tok0 >= 2 && doc->toks[m->tok1 - 1].upos == TD_VERB &&
      doc->eng && doc->eng->dict) {
    static const char *const inner[] = {"event.verb", "event.noun", NULL};
    const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
    td_match_at(doc->eng->dict, doc, m->tok0 + 1, s->tok0 + s->ntok, inner, collect, c);
  }
  if (head < 0) return 0;
  trig nt;
  trig_clear(&nt);
  nt.tok0 = m->tok0, nt.tok1 = m->tok1, nt.head = (uint32_t)head, nt.noun = noun;
  nt.mistag_pass = mistag_pass;
  nt.adj_verb = c->sep == 2;
  parse_payload(&nt, m->payload);
  if (strlen(nt.code) < 2) return 0;
  /* "sought to sell", "seek to bring": an attempt, not a request */
  if (nt.no_inf) {
    uint32_t k = m->tok1;
    const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
    while (k < s->tok0 + s->ntok && doc->toks[k].upos == TD_ADV) k++;
    if (k + 1 < s->tok0 + s->ntok && is_word(&doc->toks[k], "to") &&
        (doc->toks[k + 1].upos == TD_VERB || doc->toks[k + 1].upos == TD_AUX))
      return 0;
  }
  /* an entry with vetoes ("meet" v=target|deadline) does not hold when
   * one of them is its object: "meet the targets" is not a meeting */
  if (nt.vetos[0] && (obj_in(doc, m, nt.vetos) || passive_subj_in(doc, m, nt.head, nt.vetos)))
    return 0;
  if (nt.need_obj && !noun && !has_object(doc, m, nt.head)) return 0;
  /* "hit by Aids, war and famine", "the fight against AIDS", "hearing
   * aids": a disease or a device, no aid given; the disease is
   * capitalized past a sentence's first word */
  if (m->tok1 == m->tok0 + 1 && (is_word(&doc->toks[m->tok0], "aids") || is_word(&doc->toks[m->tok0], "aid"))) {
    const td_tok *w = &doc->toks[m->tok0];
    const td_sent *s = &doc->sents[w->sent];
    if ((w->flags & TD_TOK_CAP) && m->tok0 > s->tok0 && is_word(w, "aids")) return 0;
    if (m->tok0 > s->tok0 && is_word(&doc->toks[m->tok0 - 1], "hearing")) return 0;
  }
  if (nt.regard && !noun && regard_sense(doc, m, nt.head)) return 0;
  if (nt.issued && noun && !issued_noun(doc, m)) return 0;
  if (nt.need_hurt && !hurt_shown(doc, m)) return 0;
  if (!noun && nt.code[0] == '0' && nt.code[1] == '4' && acquainted(doc, m)) return 0;
  /* an entry with objects ("send" o=troop) holds only when one of them
   * follows within the clause: "sent thousands of troops to" */
  if (nt.objs[0]) {
    int found = 0;
    const td_sent *s = &doc->sents[doc->toks[m->tok0].sent];
    /* "launched what it claims was the Hwasong-19, ... its ICBMs": a free
     * relative object names the thing further on in the sentence */
    int what = m->tok1 < s->tok0 + s->ntok && is_word(&doc->toks[m->tok1], "what");
    for (uint32_t k = m->tok1; k < s->tok0 + s->ntok && k < m->tok1 + (what ? 30 : 8) && !found; k++) {
      const td_tok *t = &doc->toks[k];
      /* "a long-planned invasion", "the night-time curfew": the
       * tokenizer splits a hyphenated modifier, whose parts (a verb
       * among them) are no clause boundary */
      if (is_word(t, "-") || (k > m->tok1 && is_word(&doc->toks[k - 1], "-"))) continue;
      /* "admitted that mistakes were made", "welcomed that decision" */
      if (!what && ((is_stop(t) && !is_word(t, "that")) || t->upos == TD_PUNCT)) break;
      /* the lemma, and the surface form too ("spying") */
      found = list_has(nt.objs, lemma_of(t), 1) || list_has(nt.objs, t->norm, 0);
      if (t->upos == TD_VERB && !what) break; /* another verb: its own clause */
    }
    /* "the ban would be lifted", "the curbs eased last month": in the
     * passive the object stands before the participle */
    if (!found) found = passive_subj_in(doc, m, (uint32_t)head, nt.objs);
    if (!found) return 0;
  }
  /* the same tokens twice (a verb and a noun, or a verb with and without
   * objects): the entry with satisfied objects wins, else the first */
  for (size_t i = 0; i < c->ntrigs; i++) {
    trig *o = &c->trigs[i];
    if (o->tok0 == m->tok0 && o->tok1 == m->tok1) {
      if (nt.objs[0] && !o->objs[0]) *o = nt;
      return 0;
    }
  }
  if (!c->cap) { /* most sentences have one or two */
    c->trigs = td_arena_alloc_raw(c->arena, 2 * sizeof *c->trigs); /* written before read */
    c->cap = 2;
  }
  TD_AGROW_RAW(c->arena, c->trigs, c->cap, c->ntrigs + 1);
  c->trigs[c->ntrigs++] = nt;
  return 0;
}

/* ---- actor groups ---- */

typedef struct group {
  int actor[8];
  td_span span[8];
  int n;
  uint32_t first, last; /* token range covered */
} group;

/* Whether group g holds an actor of kind (any when NULL) whose sector is
 * in sectors (any when NULL). */
static int group_any(const td_doc *doc, const group *g, const char *kind, const char *const *sectors) {
  for (int a = 0; a < g->n; a++) {
    if (g->actor[a] < 0) continue;
    const td_actor *x = &doc->actors[g->actor[a]];
    if ((!kind || (x->kind && !strcmp(x->kind, kind))) && (!sectors || td_str_in(x->sector, sectors)))
      return 1;
  }
  return 0;
}

/* Whether group g holds a body that wages armed conflict: a state (an
 * actor of kind country), the military, the police, rebels,
 * intelligence services. */
static int armed_group(const td_doc *doc, const group *g) {
  static const char *const armed[] = {"MIL", "REB", "INS", "COP", "SPY", "UAF", "SEP", "IMG", NULL};
  return group_any(doc, g, "country", NULL) || group_any(doc, g, NULL, armed);
}

/* Whether tokens [lo, hi), less the trigger's own [t0, t1) ("struck"
 * is no sign of itself), hold a word of force, weapons, death or
 * computers (an attack on a network is an attack): what tells an armed
 * attack from a verbal one or a contest. */
static int force_words(const td_doc *doc, uint32_t lo, uint32_t hi, uint32_t t0, uint32_t t1) {
  static const char *const force[] = {
      "bomb", "bombing", "gun", "gunman", "gunmen", "weapon", "troop", "soldier", "kill",
      "wound", "injure", "shoot", "shot", "knife", "stab", "raid", "missile", "rocket",
      "artillery", "suicide", "punch", "beat", "hospital", "grenade", "explosive", "army",
      "police", "terrorist", "terror", "militant", "fan", "mob", "death", "dead",
      "die", "toll", "victim", "software", "virus", "hacker", "worm", "flaw", "security",
      "computer", "network", "drone", "airstrike", "strike", "shelling", "shell", "force",
      "tank", "jet", "warplane", "aircraft", "town", "city", "village", "base", "position",
      "convoy", "camp", "war", "rebel", "insurgent", "guerrilla", "militia", "fighter",
      "combat", "invasion", "siege", "military", NULL};
  for (uint32_t k = lo; k < hi; k++)
    if ((k < t0 || k >= t1) && td_str_in(lemma_of(&doc->toks[k]), force)) return 1;
  return 0;
}

/* The payload of the entry of class cls (a NULL-terminated list) that
 * matches the one token k over its lemma (data/events/groups.dict.tsv),
 * or NULL. */
static int group_word_cb(void *ctx, const td_match *m) {
  /* (an entry of the events' own list before a sector word of the
   * actors layer's for the same word) */
  *(const char **)ctx = m->payload;
  return !strcmp(m->cls, "event.group");
}
static const char *group_word(const td_doc *doc, uint32_t k, const char *const *cls) {
  const char *pay = NULL;
  if (doc->eng && doc->eng->dict) td_match_at(doc->eng->dict, doc, k, k + 1, cls, group_word_cb, &pay);
  return pay;
}

/* Whether tokens [lo, hi) hold a common noun of work and its disputes
 * (union, workers, staff, pay, pensions, a ballot, a picket: class
 * event.work, or event.group marked `work`): what tells a labour strike
 * from an armed one. */
static int labour_words(const td_doc *doc, uint32_t lo, uint32_t hi) {
  static const char *const cls[] = {"event.work", "event.group", NULL};
  for (uint32_t k = lo; k < hi; k++) {
    if (doc->toks[k].upos != TD_NOUN) continue;
    const char *pay = group_word(doc, k, cls);
    if (pay && (!strcmp(pay, "-") || strstr(pay, ";work"))) return 1;
  }
  return 0;
}

/* Whether group g holds an organization of business or the media
 * (sector BUS or MED): a firm, a studio, a label, a broadcaster. */
static int trade_org(const td_doc *doc, const group *g) {
  static const char *const trade[] = {"BUS", "MED", NULL};
  return group_any(doc, g, "organization", trade);
}

/* Whether group g holds a public actor: a state (kind country), an
 * international body (an IGO code) or an actor of a sector that is
 * neither business nor the media (government, party, the military,
 * rebels, a court, an NGO ...). A firm, a broadcaster or a person of no
 * known sector is not one. */
static int public_group(const td_doc *doc, const group *g) {
  for (int a = 0; a < g->n; a++) {
    if (g->actor[a] < 0) continue;
    const td_actor *x = &doc->actors[g->actor[a]];
    if ((x->kind && !strcmp(x->kind, "country")) || (x->code && !strncmp(x->code, "IGO", 3)) ||
        (x->sector && strcmp(x->sector, "BUS") && strcmp(x->sector, "MED")))
      return 1;
  }
  return 0;
}

/* Whether group g holds a body of the state or of politics proper: an
 * international body (an IGO code) or an actor whose sector is
 * government, a party, a legislature, the courts, the police, the
 * intelligence services, rebels or an NGO. A country named alone is not
 * one: in a story of sport "Wales" and "Zambia" are teams. */
static int state_body(const td_doc *doc, const group *g) {
  static const char *const state[] = {"GOV", "PTY", "LEG", "JUD", "COP", "SPY", "REB", "INS",
                                      "OPP", "NGO", "UAF", "SEP", "IMG", NULL};
  if (group_any(doc, g, NULL, state)) return 1;
  for (int a = 0; a < g->n; a++) {
    const char *code = g->actor[a] >= 0 ? doc->actors[g->actor[a]].code : NULL;
    if (code && !strncmp(code, "IGO", 3)) return 1;
  }
  return 0;
}

/* Actor of token k, or -1; tokact is per document. */
typedef struct ev_doc {
  const td_doc *doc;
  int *tokact;
  struct group last_src; /* the last compound source, for "the officials" */
  struct group prev_src[3]; /* the ones before it, latest first (for "the three sides") */
  size_t last_sent;
  sctx *sc; /* each sentence's triggers and cues (collect_doc) */
  uint8_t *adjtok; /* per token: 1 on a country adjective country_adjectives made an actor of */
  uint8_t *game; /* per sentence: 1 when it reports a game (game_sentence) */
  int sports;    /* the document is a sports report: nothing is coded */
  int sport_topic; /* the document is about sport (sport_story): only
                    * acts of public bodies are coded */
  struct {
    const char *list; /* an entry's d= list, NULL when the slot is free */
    int named;        /* whether the document names one of its words */
  } topics[4];        /* topic_named's answers, one per list asked */
} ev_doc;

/* Whether the words right before the act tr (auxiliaries and adverbs
 * between) are a description of people that names no actor, its head a
 * word of data/events/groups.dict.tsv (class event.group) or, for armed
 * men, a sector word of the actors layer (class sector): the people are
 * the act's source, a group the layer makes an actor of (the actors
 * layer makes none: no country, or a noun its sector list lacks). The
 * description's span goes into *sp, the country of a country adjective
 * opening it into *iso, the head's sector into *sector.
 * - armed 0: workers (LAB) before a labour strike: "Tube workers walked
 *   out", "thousands of civil servants were on strike", "nurses went on
 *   strike", "union members have walked out";
 * - armed 1: unnamed armed men (REB: rebels, insurgents, militants,
 *   guerrillas, separatists; UAF: gunmen, attackers, assailants) of a
 *   whole description ("Gunmen attacked a police station", "unknown
 *   attackers bombed a mosque"; not "Labour rebels", whose owner the
 *   actors layer knows). */
static int country_adj_cb(void *ctx, const td_match *m);

static int group_subject(const ev_doc *e, const trig *tr, uint32_t lo, int armed, td_span *sp,
                         const char **iso, const char **sector) {
  static const char *const gcls[] = {"event.group", NULL};
  static const char *const acls[] = {"event.group", "sector", NULL};
  const td_doc *doc = e->doc;
  int64_t b = (int64_t)tr->tok0 - 1;
  for (int verbs = 0;; verbs++) {
    while (b >= (int64_t)lo && (doc->toks[b].upos == TD_AUX || doc->toks[b].upos == TD_ADV ||
                                doc->toks[b].upos == TD_PART))
      b--;
    /* "workers did not want to go on strike", "nurses voted to walk
     * out": the verb a to-infinitive strike hangs from is passed over */
    if (verbs || b <= (int64_t)lo || doc->toks[b].upos != TD_VERB ||
        !is_word(&doc->toks[b + 1], "to"))
      break;
    b--;
  }
  if (b < (int64_t)lo || doc->toks[b].upos != TD_NOUN || e->tokact[b] >= 0) return 0;
  *sector = group_word(doc, (uint32_t)b, armed ? acls : gcls);
  /* "security forces", "riot police officers": police (COP) named by a
   * word of force or rank after their own */
  static const char *const ranks[] = {"officer", "force", "personnel", "agent", "unit", NULL};
  static const char *const cops[] = {"police", "security", NULL};
  if ((!*sector || !strcmp(*sector, "MIL")) && armed && b > (int64_t)lo && td_str_in(lemma_of(&doc->toks[b]), ranks) &&
      td_str_in(lemma_of(&doc->toks[b - 1]), cops) && e->tokact[b - 1] < 0)
    *sector = "COP";
  if (!*sector) return 0;
  if (armed ? strcmp(*sector, "REB") != 0 && strcmp(*sector, "UAF") != 0 &&
                  strcmp(*sector, "COP") != 0
            : strncmp(*sector, "LAB", 3) != 0)
    return 0;
  int64_t a = b;
  while (a > (int64_t)lo && e->tokact[a - 1] < 0 && !is_poss(&doc->toks[a - 1]) &&
         (doc->toks[a - 1].upos == TD_NOUN || doc->toks[a - 1].upos == TD_PROPN ||
          doc->toks[a - 1].upos == TD_ADJ))
    a--;
  if (armed && a > (int64_t)lo && (e->tokact[a - 1] >= 0 || is_poss(&doc->toks[a - 1]))) return 0;
  /* ("waited for a column of rebels to withdraw": the subject of an
   * infinitive after "for" says what is awaited, not what was done) */
  if (armed && is_word(&doc->toks[b + 1], "to")) return 0;
  /* (members of a union: "union members", not "cast members") */
  if (!strcmp(lemma_of(&doc->toks[b]), "member")) {
    int union_ = 0;
    for (int64_t q = a; q < b; q++) union_ |= !strcmp(lemma_of(&doc->toks[q]), "union");
    if (!union_) return 0;
  }
  *sp = (td_span){doc->toks[a].start, doc->toks[b].end};
  /* "Ugandan workers": a country adjective opening it gives the country */
  static const char *const cls[] = {"country", NULL};
  *iso = NULL;
  if (doc->eng && doc->eng->dict && a < b && (doc->toks[a].flags & TD_TOK_CAP) &&
      !td_match_at(doc->eng->dict, doc, (uint32_t)a, (uint32_t)b, cls, country_adj_cb, (void *)iso))
    *iso = NULL;
  return 1;
}

/* group_subject for workers before a labour strike. */
static int labour_subject(const ev_doc *e, const trig *tr, uint32_t lo, td_span *sp,
                          const char **iso) {
  const char *sector;
  return group_subject(e, tr, lo, 0, sp, iso, &sector);
}

/* Whether the document names one of the words of list (an entry's d=
 * option: lemmas or surface forms): the topic that gives a word its
 * sense ("the launch" is a missile's in a story of missiles, a
 * product's or a party's elsewhere). The answer for each list is kept,
 * so a document is read once per list whatever the number of triggers
 * (past four lists, it is read again). */
static int topic_named(ev_doc *e, const char *list) {
  for (int i = 0; i < 4; i++)
    if (e->topics[i].list == list) return e->topics[i].named;
  const td_doc *doc = e->doc;
  int named = 0;
  for (size_t k = 0; k < doc->ntoks && !named; k++)
    named = list_has(list, lemma_of(&doc->toks[k]), 1) || list_has(list, doc->toks[k].norm, 0);
  for (int i = 0; i < 4; i++)
    if (!e->topics[i].list) {
      e->topics[i].list = list, e->topics[i].named = named;
      break;
    }
  return named;
}

/* 1 when every actor of a is also in b. */
static int group_within(const group *a, const group *b) {
  for (int i = 0; i < a->n; i++) {
    int in = 0;
    for (int j = 0; j < b->n && !in; j++) in = a->actor[i] == b->actor[j];
    if (!in) return 0;
  }
  return 1;
}

static void group_add(group *g, int a, td_span sp) {
  for (int i = 0; i < g->n; i++)
    if (g->actor[i] == a) return;
  if (g->n < 8) g->actor[g->n] = a, g->span[g->n] = sp, g->n++;
}

/* The actor mention around token k as a span: consecutive tokens of the
 * same actor. */
static td_span mention_span(const ev_doc *e, uint32_t k, uint32_t lo, uint32_t hi, uint32_t *a0,
                            uint32_t *a1) {
  int a = e->tokact[k];
  uint32_t s = k, t = k + 1;
  while (s > lo && e->tokact[s - 1] == a) s--;
  while (t < hi && e->tokact[t] == a) t++;
  *a0 = s, *a1 = t;
  return (td_span){e->doc->toks[s].start, e->doc->toks[t - 1].end};
}

/* Grows a group rightwards from the actor mention at k: "X and Y", "X, Y
 * and Z", "X and with Y". Returns the token after the group. */
static uint32_t group_right(const ev_doc *e, uint32_t k, uint32_t hi, group *g) {
  uint32_t a0, a1;
  td_span sp = mention_span(e, k, k, hi, &a0, &a1);
  group_add(g, e->tokact[k], sp);
  g->first = a0, g->last = a1;
  uint32_t i = a1;
  /* members joined by commas alone stay only when a conjunction closes
   * the list: "condemned Russia, Iran said" has one target */
  int firm_n = g->n, firm_last = (int)g->last;
  uint32_t firm_i = i;
  for (;;) {
    /* "U.S. imperialists and the ROK puppet forces": an actor that
     * modifies a common noun still heads a member of the list */
    uint32_t j = i;
    while (j < hi && j < i + 3 && e->doc->toks[j].upos == TD_NOUN && e->tokact[j] < 0) j++;
    if (j > i && !(j < hi && is_word(&e->doc->toks[j], "and"))) j = i;
    i = j;
    int conj = 0;
    while (j < hi && (is_word(&e->doc->toks[j], ",") || is_word(&e->doc->toks[j], "and") ||
                      is_word(&e->doc->toks[j], "or"))) {
      if (!is_word(&e->doc->toks[j], ",")) conj = 1;
      j++;
    }
    if (j == i) break;
    if (j < hi && conj && (is_word(&e->doc->toks[j], "with") || is_word(&e->doc->toks[j], "to") ||
                           is_word(&e->doc->toks[j], "against")))
      j++;
    while (j < hi && e->doc->toks[j].upos == TD_DET) j++;
    if (j >= hi || e->tokact[j] < 0) break;
    sp = mention_span(e, j, j, hi, &a0, &a1);
    group_add(g, e->tokact[j], sp);
    g->last = a1;
    i = a1;
    if (conj) firm_n = g->n, firm_last = (int)g->last, firm_i = i;
  }
  g->n = firm_n, g->last = (uint32_t)firm_last;
  return firm_i;
}

static int64_t prev_content(const td_doc *doc, uint32_t k, uint32_t lo);

/* Grows a group leftwards from the actor mention ending at token k. */
static void group_left(const ev_doc *e, uint32_t k, uint32_t lo, group *g) {
  uint32_t a0, a1;
  td_span sp = mention_span(e, k, lo, k + 1, &a0, &a1);
  group_add(g, e->tokact[k], sp);
  g->first = a0;
  if (!g->last) g->last = k + 1;
  uint32_t i = a0;
  for (;;) {
    uint32_t j = i;
    while (j > lo && e->doc->toks[j - 1].upos == TD_DET) j--;
    /* "Eric Cantona and Ole Gunnar Solskjaer, and club manager Sir Alex
     * Ferguson": a short description before a name the list ends with,
     * after "and" and an actor that no preposition governs ("donated $1m
     * to the Red Cross and actor X pledged" joins two clauses) */
    uint32_t d = j;
    while (d > lo && j - d < 4 && e->tokact[d - 1] < 0 &&
           (e->doc->toks[d - 1].upos == TD_NOUN || e->doc->toks[d - 1].upos == TD_PROPN ||
            e->doc->toks[d - 1].upos == TD_ADJ) &&
           !is_poss(&e->doc->toks[d - 1]))
      d--;
    while (d > lo && d < j && e->doc->toks[d - 1].upos == TD_DET) d--;
    if (d < j) {
      uint32_t c = d;
      int joined = 0;
      while (c > lo && (is_word(&e->doc->toks[c - 1], ",") || is_word(&e->doc->toks[c - 1], "and")))
        joined |= is_word(&e->doc->toks[--c], "and");
      if (joined && c > lo && e->tokact[c - 1] >= 0) {
        uint32_t b0, b1;
        mention_span(e, c - 1, lo, c, &b0, &b1);
        int64_t p = prev_content(e->doc, b0, lo);
        /* (past a title the mention leaves out: "between Mr Sharon and") */
        while (p >= (int64_t)lo && b0 - p < 4 && e->doc->toks[p].upos == TD_PROPN)
          p = prev_content(e->doc, (uint32_t)p, lo);
        if (p < (int64_t)lo || e->doc->toks[p].upos != TD_ADP) j = d;
      }
    }
    uint32_t c = j;
    while (c > lo && (is_word(&e->doc->toks[c - 1], ",") || is_word(&e->doc->toks[c - 1], "and")))
      c--;
    if (c < j && c > lo && e->tokact[c - 1] < 0 && is_word(&e->doc->toks[c], ",") &&
        is_xpos(&e->doc->toks[c - 1], TD_XPOS_NNS)) {
      /* "Roe and her Canadian and Mexican counterparts, Diaz and Tanaka":
       * the people in apposition join the actor before the description */
      uint32_t q = c - 1;
      while (q > lo + 2 && q + 8 > c) {
        const td_tok *w = &e->doc->toks[q - 1];
        if ((is_word(w, "his") || is_word(w, "her") || is_word(w, "their") || is_word(w, "its")) &&
            is_word(&e->doc->toks[q - 2], "and") && e->tokact[q - 3] >= 0) {
          c = q - 2;
          break;
        }
        if (w->upos != TD_NOUN && w->upos != TD_ADJ && w->upos != TD_PROPN &&
            !is_word(w, "and") && e->tokact[q - 1] < 0)
          break;
        q--;
      }
    }
    if (c == j || c == lo || e->tokact[c - 1] < 0) break;
    sp = mention_span(e, c - 1, lo, c, &a0, &a1);
    /* keep text order: insert at the front */
    if (g->n < 8) {
      int dup = 0;
      for (int q = 0; q < g->n; q++) dup |= g->actor[q] == e->tokact[c - 1];
      if (!dup) {
        memmove(g->actor + 1, g->actor, (size_t)g->n * sizeof g->actor[0]);
        memmove(g->span + 1, g->span, (size_t)g->n * sizeof g->span[0]);
        g->actor[0] = e->tokact[c - 1], g->span[0] = sp, g->n++;
      }
    }
    g->first = a0;
    i = a0;
  }
}

/* Replaces each pair group of g (`officials from both nations`) by its two
 * member countries (td_actor_members), keeping the mention span. */
static void expand_pairs(const ev_doc *e, group *g) {
  group o = *g;
  o.n = 0;
  for (int i = 0; i < g->n; i++) {
    int m[2];
    int n = td_actor_members(e->doc, g->actor[i], m, 2);
    if (!n) group_add(&o, g->actor[i], g->span[i]);
    for (int j = 0; j < n; j++) group_add(&o, m[j], g->span[i]);
  }
  *g = o;
}

/* ---- clause scans (used when the sentence has no parse) ---- */

static int is_stop(const td_tok *t) {
  return t->norm && is_stop_word(t->norm) && !(t->upos == TD_ADP && is_word(t, "as"));
}

/* Whether tokens j-1, j are a bound on the number after them: "at
 * least 20", "at most", "up to", "more than", "fewer than" ("least" and
 * "most" may already have been passed over as adjectives: j is then the
 * token after "at"). */
static int num_bound(const td_doc *doc, int64_t j, uint32_t lo) {
  if (j - 1 < (int64_t)lo || (uint32_t)j + 1 >= doc->ntoks || doc->toks[j + 1].upos != TD_NUM)
    return 0;
  const td_tok *a = &doc->toks[j - 1], *b = &doc->toks[j];
  return (is_word(a, "at") && (is_word(b, "least") || is_word(b, "most"))) ||
         (is_word(a, "up") && is_word(b, "to")) ||
         ((is_word(a, "more") || is_word(a, "less") || is_word(a, "fewer")) && is_word(b, "than"));
}

/* The word before token k that is not a determiner, adjective or number
 * (nor a bound on a number: "killed at least 20 Iraqi soldiers" has no
 * preposition before the soldiers). */
static int64_t prev_content(const td_doc *doc, uint32_t k, uint32_t lo) {
  int64_t j = (int64_t)k - 1;
  for (;;) {
    while (j >= (int64_t)lo && (doc->toks[j].upos == TD_DET || doc->toks[j].upos == TD_ADJ ||
                                doc->toks[j].upos == TD_NUM))
      j--;
    if (j >= (int64_t)lo && num_bound(doc, j, lo)) j -= 2;
    else if (j >= (int64_t)lo && (uint32_t)j + 1 < doc->ntoks && num_bound(doc, j + 1, lo)) j -= 1;
    else return j;
  }
}

/* Agents of a state or body named without their country: "a special
 * envoy", "his government", "police", "the army". Said of by a speaker
 * whose country is known ("Roe stated that a special envoy would
 * request funds", "Tanaka said her government would insist") they are
 * the speaker's own, and the speaker stands for them. */
static const char *const own_agents[] = {
    "envoy", "official", "minister", "government", "army", "troop", "force", "military",
    "police", "authority", "administration", "navy", "soldier", "delegation", "diplomat",
    "ambassador", "spokesman", "spokeswoman", "ministry", "embassy", "regime", "cabinet",
    "negotiator", "representative", "emissary", "officer", "investigator", "detective",
    "commander", NULL};

static int own_agent(const td_tok *t) {
  return t->upos == TD_NOUN && td_str_in(lemma_of(t), own_agents);
}

/* Whether the verb of saying or thinking at token r has, between it and
 * the act at token k, a reported clause with a subject of its own that
 * names no known actor: "Roe said cheaper fuel helped the farms",
 * "said the club may consider", "lawyers say the auction violated",
 * "said the arrest was illegal" (the nominal event is that subject),
 * "where, it said, 100 people were killed". The one who speaks is not
 * who acted, nor who underwent the act. A pronoun ("said it would") may
 * stand for the speaker and does not count, nor does a noun inside a
 * prepositional phrase ("said on Monday"), a day ("said Tuesday") or the
 * person told ("told reporters he would"). */
static int reported_subject(const ev_doc *e, uint32_t r, uint32_t k, int patient) {
  static const char *const report[] = {"say", "tell", "believe", "think", "argue", "claim",
                                       "insist", "add", "allege", "report", "explain", "suggest",
                                       "estimate", "predict", "note", "state", "announce",
                                       "confirm", "reckon", "stress", "warn", "contend",
                                       "reveal", "disclose", "write", "assert", "declare", NULL};
  static const char *const told[] = {"tell", "inform", "assure", "remind", "warn", NULL};
  static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                     "saturday", "sunday", "today", "yesterday", "tonight",
                                     "week", "year", "month", NULL};
  const td_doc *doc = e->doc;
  const td_tok *v = &doc->toks[r];
  if (v->upos != TD_VERB || !td_str_in(lemma_of(v), report)) return 0;
  /* the one a passive is told of is never found past the verb of saying
   * ("Diaz said some of the prisoners could be freed"): only a
   * pronoun the actors layer resolved ("X said he was attacked") names
   * the speaker there */
  /* ("Chile said its demands had been met": what was done to the
   * speaker's own, as "its" says, was done to the speaker) */
  if (patient) {
    for (uint32_t q = r + 1; q < k; q++)
      if (is_xpos(&doc->toks[q], TD_XPOS_PRP_POSS)) return 0;
    return 1;
  }
  /* "Mr Jack said the bill was a work in progress, and urged the
   * government to ...": a verb right after "and" or "but" goes on with
   * the speaker's own acts */
  int64_t c = (int64_t)k - 1;
  while (c > (int64_t)r && doc->toks[c].upos == TD_ADV) c--;
  if (c > (int64_t)r && doc->toks[c].upos == TD_CCONJ && doc->toks[k].upos != TD_NOUN) return 0;
  uint32_t j = r + 1;
  /* the person told: "told reporters (that) ..." */
  if (td_str_in(lemma_of(v), told))
    while (j < k && (doc->toks[j].upos == TD_DET || doc->toks[j].upos == TD_ADJ ||
                     doc->toks[j].upos == TD_NUM || doc->toks[j].upos == TD_NOUN ||
                     doc->toks[j].upos == TD_PROPN || is_poss(&doc->toks[j])))
      j++;
  for (uint32_t q = j; q <= k && q < doc->ntoks; q++) {
    const td_tok *t = &doc->toks[q];
    if (t->upos != TD_NOUN && t->upos != TD_PROPN) continue;
    if (q < k && (e->tokact[q] >= 0 || td_str_in(t->norm, days) || own_agent(t))) continue;
    if (q == k && t->upos != TD_NOUN) continue;
    int64_t b = prev_content(doc, q, r + 1);
    while (b > (int64_t)r && (doc->toks[b].upos == TD_NOUN || doc->toks[b].upos == TD_PROPN))
      b = prev_content(doc, (uint32_t)b, r + 1);
    if (b > (int64_t)r && doc->toks[b].upos == TD_ADP) continue;
    return 1;
  }
  return 0;
}

/* Subject group: nearest actor to the left of token k in the clause,
 * skipping actors inside prepositional phrases (but not "of"). */
/* Whether t is a conjunction that opens an adverbial clause ("after",
 * "because", "when" ...), whichever tag it has. */
static int sub_conj(const td_tok *t) {
  static const char *const subconj[] = {"after", "because", "since", "when", "while",
                                        "although", "though", "once", "until", "before",
                                        "whereas", "unless", "if", NULL};
  return (t->upos == TD_SCONJ || t->upos == TD_ADP) && t->norm && td_str_in(t->norm, subconj);
}

/* Whether tokens [a, b) are a noun phrase with its auxiliaries: a
 * clause's own subject before its verb at b ("the minister", "Bellamy
 * has"). */
static int own_np(const td_doc *doc, uint32_t a, uint32_t b) {
  int noun = 0;
  for (uint32_t q = a; q < b; q++) {
    const td_tok *w = &doc->toks[q];
    noun |= w->upos == TD_NOUN || w->upos == TD_PROPN;
    if (w->upos != TD_DET && w->upos != TD_ADJ && w->upos != TD_NOUN && w->upos != TD_PROPN &&
        w->upos != TD_NUM && w->upos != TD_AUX && w->upos != TD_ADV && w->upos != TD_PART &&
        !is_poss(w))
      return 0;
  }
  return noun;
}

/* Whether the noun at b ends a noun phrase that a subordinating
 * conjunction opens, within five words before it, in the sentence from
 * lo: "after the minister", "because Bellamy". */
static int after_conj_np(const td_doc *doc, uint32_t lo, uint32_t b) {
  for (int64_t j = (int64_t)b - 1; j >= (int64_t)lo && j + 6 > (int64_t)b; j--) {
    if (sub_conj(&doc->toks[j])) return own_np(doc, (uint32_t)j + 1, b + 1);
    const td_tok *w = &doc->toks[j];
    if (w->upos != TD_DET && w->upos != TD_ADJ && w->upos != TD_NOUN && w->upos != TD_PROPN &&
        w->upos != TD_NUM && !is_poss(w))
      return 0;
  }
  return 0;
}

/* Nouns of those who act for whoever owns them: "Sudan's government",
 * "Clinton's lawyers", "United's board", "Cairo's security chief". */
static const char *const acting_for[] = {
    "government", "administration", "regime", "cabinet", "ministry", "minister", "president",
    "premier", "leader", "leadership", "chief", "head", "boss", "chairman", "chairwoman",
    "general",
    "director", "manager", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "official", "representative", "envoy", "ambassador", "embassy", "delegation",
    "negotiator", "diplomat", "army", "military", "navy", "troop", "force", "soldier",
    "police", "authority", "agency", "department", "office", "commission", "commissioner",
    "council", "committee", "board", "court", "judge", "parliament", "assembly", "senate",
    "congress", "legislature", "party", "campaign", "camp", "team", "staff", "aide",
    "adviser", "advisor", "lawyer", "attorney", "counsel", "agent", "bank", "regulator",
    "watchdog", "prosecutor", "investigator", "service", "company", "firm", "group",
    "union", "management", "owner", "executive", "junta", "rebel", "militia",
    /* an organization its owner has ("Mexico's Televisa network", "the
     * group's armed wing") */
    "network", "broadcaster", "newspaper", "daily", "channel", "station", "magazine",
    "airline", "carrier", "organisation", "organization", "association", "federation",
    "movement", "coalition", "alliance", "league", "institute", "foundation", "subsidiary",
    "affiliate", "division", "branch", "wing",
    /* what speaks for its author: "Mr Bell's speech called for" */
    "speech", "statement", "letter", "message", "remark", "comment", "article", "report",
    "announcement", "response", "email", "tweet", "column", "editorial", "action", "lawsuit",
    "suit", "complaint", "petition", "appeal", "motion", "resolution", NULL};

/* People named by what they are, whom a country owns: "Russia's richest
 * man" is a Russian. */
static const char *const owned_persons[] = {
    "man", "woman", "person", "people", "citizen", "national", "resident", "businessman",
    "businesswoman", "tycoon", "billionaire", "oligarch", "player", "captain", "star",
    "champion", "athlete", "singer", "writer", "author", "artist", "scientist", "expert",
    "hero", "prisoner", "hostage", "journalist", "activist", "dissident", NULL};

/* Whether the actor mention ending at token a1 is the possessor of a
 * thing that is the clause's subject before token k: "France's
 * industrial output was released", "Iraq's vast natural resources can
 * support", "Glazer's latest proposals, supporters remain opposed",
 * "Gordon Brown's closest ally has denied". The thing (or the other
 * person) is the subject, and no actor is; a body or an agent of the
 * possessor ("Sudan's government lifted", "Clinton's lawyers opposed")
 * acts for it. */
/* Whether noun `head`, owned by actor `owner`, names a thing or another
 * person, not a body or an agent that acts for its owner (acting_for);
 * a person a country owns ("Russia's richest man") is its own. */
static int thing_of(const ev_doc *e, uint32_t head, int owner) {
  const td_doc *doc = e->doc;
  if (doc->toks[head].upos != TD_NOUN) return 0;
  const char *l = lemma_of(&doc->toks[head]);
  if (td_str_in(l, acting_for)) return 0;
  const td_actor *own = owner >= 0 ? &doc->actors[owner] : NULL;
  if (own && own->kind && !strcmp(own->kind, "country") && td_str_in(l, owned_persons)) return 0;
  return 1;
}

/* Other people named by their tie to someone: "Mr Conlon's father
 * Giuseppe was arrested" arrests the father, not Mr Conlon. */
static const char *const kin[] = {"father", "mother", "son", "daughter", "wife", "husband",
                                  "brother", "sister", "family", "friend", "ally", "supporter",
                                  "relative", "parent", "child", "girlfriend", "boyfriend",
                                  "partner", "uncle", "aunt", "cousin", "nephew", "niece",
                                  "widow", "fan", NULL};

static int owned_thing(const ev_doc *e, uint32_t a1, uint32_t k) {
  const td_doc *doc = e->doc;
  if (a1 >= k || !is_poss(&doc->toks[a1])) return 0;
  int64_t head = -1;
  uint32_t q = a1 + 1;
  for (; q < k; q++) {
    const td_tok *t = &doc->toks[q];
    if (t->upos == TD_NOUN || t->upos == TD_PROPN) head = q;
    else if (t->upos != TD_ADJ && t->upos != TD_ADV && t->upos != TD_NUM && !is_word(t, "-"))
      break;
  }
  if (head < 0) return 0;
  /* a nominal trigger that is part of the owner's own course of action,
   * no verb between: "Iran's support to Syria's war, including the
   * deployment of advisers" is Iran's deployment (but not "Tsutsumi's
   * fall follows the arrests") */
  /* (campaign, action: acting_for already makes their owner the doer) */
  static const char *const courses[] = {"support", "aid", "assistance", "backing", "help",
                                        "involvement", "offensive", "operation", "war",
                                        "effort", "policy", "programme", "program",
                                        "strategy", "activity", NULL};
  if (doc->toks[k].upos == TD_NOUN && td_str_in(lemma_of(&doc->toks[head]), courses)) {
    uint32_t v = q;
    while (v < k && ((doc->toks[v].upos != TD_VERB && doc->toks[v].upos != TD_AUX) ||
                     is_word(&doc->toks[v], "including")))
      v++;
    if (v == k) return 0;
  }
  /* "Fidel Castro's decision to ban", "UKIP's job to destroy", "the
   * company's decision to carry out investigations": the owner of the
   * noun before a to-infinitive does what it says */
  if (q + 1 <= k && is_word(&doc->toks[q], "to") &&
      (q + 1 == k || doc->toks[q + 1].upos == TD_VERB))
    return 0;
  return thing_of(e, (uint32_t)head, a1 > 0 ? e->tokact[a1 - 1] : -1);
}

/* Whether the actor mention ending at token a1 owns a noun of kin before
 * token k ("Mr Conlon's father Giuseppe was arrested"): the patient of a
 * passive is that other person. */
static int owned_kin(const ev_doc *e, uint32_t a1, uint32_t k) {
  const td_doc *doc = e->doc;
  if (a1 >= k || !is_poss(&doc->toks[a1])) return 0;
  for (uint32_t q = a1 + 1; q < k; q++) {
    const td_tok *t = &doc->toks[q];
    if (t->upos == TD_NOUN) return td_str_in(lemma_of(t), kin);
    if (t->upos != TD_ADJ && t->upos != TD_ADV && t->upos != TD_NUM) return 0;
  }
  return 0;
}

static int find_subject_of(const ev_doc *e, uint32_t k, uint32_t lo, group *g, int patient) {
  const td_doc *doc = e->doc;
  for (int64_t j = (int64_t)k - 1; j >= (int64_t)lo; j--) {
    const td_tok *t = &doc->toks[j];
    if (k < doc->ntoks && reported_subject(e, (uint32_t)j, k, patient)) return 0;
    if (e->tokact[j] >= 0) {
      uint32_t a0, a1;
      mention_span(e, (uint32_t)j, lo, k, &a0, &a1);
      int64_t p = prev_content(doc, a0, lo);
      const td_tok *pt = p >= (int64_t)lo ? &doc->toks[p] : NULL;
      /* an actor right before the verb (auxiliaries and adverbs between)
       * is its subject even after a preposition: "a day after Pyongyang
       * test-fired" */
      int adjacent = 1;
      for (uint32_t q = a1; q < k; q++) {
        const td_tok *w = &doc->toks[q];
        if (w->upos != TD_AUX && w->upos != TD_ADV && w->upos != TD_PART) adjacent = 0;
      }
      if (pt && pt->upos == TD_ADP && !is_word(pt, "of") && !is_word(pt, "by") && !adjacent) {
        j = a0;
        continue;
      }
      if (pt && is_word(pt, "by")) { /* an agent belongs to a passive */
        j = a0;
        continue;
      }
      if (patient ? owned_kin(e, a1, k) : owned_thing(e, a1, k)) {
        /* "China, Pyongyang's only ally, ... warned": an apposition to
         * the subject before it */
        if (a0 >= lo + 2 && is_word(&doc->toks[a0 - 1], ",") && e->tokact[a0 - 2] >= 0) {
          j = a0 - 1;
          continue;
        }
        return 0;
      }
      g->last = (uint32_t)j + 1;
      group_left(e, (uint32_t)j, lo, g);
      return 1;
    }
    /* "Jack Straw, who accused the Tories", "Ted Cruz who captured
     * Texas", "Turkey, which occupies northern Cyprus": a relative "who"
     * or "which" right before the verb (auxiliaries and adverbs between)
     * stands for the actor it follows; for "which" not one inside a
     * phrase of another noun ("attacks in Benghazi, Libya, which killed"),
     * an agent after "by" excepted */
    int which = is_word(t, "which");
    if (is_word(t, "who") || which) {
      int chain = 1;
      for (uint32_t q = (uint32_t)j + 1; q < k && chain; q++)
        chain = doc->toks[q].upos == TD_AUX || doc->toks[q].upos == TD_ADV ||
                doc->toks[q].upos == TD_PART;
      int64_t a = j - 1;
      if (a >= (int64_t)lo && is_word(&doc->toks[a], ",")) a--;
      if (chain && which && a >= (int64_t)lo && e->tokact[a] >= 0) {
        uint32_t a0, a1;
        mention_span(e, (uint32_t)a, lo, (uint32_t)a + 1, &a0, &a1);
        int64_t p = prev_content(doc, a0, lo);
        while (p >= (int64_t)lo && (e->tokact[p] >= 0 || is_word(&doc->toks[p], ",") ||
                                    is_word(&doc->toks[p], "and")))
          p = prev_content(doc, (uint32_t)p, lo);
        if (p >= (int64_t)lo && doc->toks[p].upos == TD_ADP && !is_word(&doc->toks[p], "by"))
          chain = 0;
      }
      if (chain && a >= (int64_t)lo && e->tokact[a] >= 0) {
        g->last = (uint32_t)a + 1;
        group_left(e, (uint32_t)a, lo, g);
        return 1;
      }
    }
    if (is_stop(t)) break; /* the clause ends: "X said that ..." */
    /* "he had taken a hard line after Bellamy accused him": the verb of
     * an adverbial clause whose subject is a noun phrase of its own
     * (conjunction, noun phrase, auxiliaries, verb) has that subject,
     * not the main clause's, even where the actors layer does not know
     * it; a pronoun there most often is the main subject again */
    if (sub_conj(t) && own_np(doc, (uint32_t)j + 1, k)) return 0;
  }
  return 0;
}

static int find_subject(const ev_doc *e, uint32_t k, uint32_t lo, group *g) {
  return find_subject_of(e, k, lo, g, 0);
}

/* End of the clause scan to the right of token k. */
static uint32_t clause_end(const td_doc *doc, uint32_t k, uint32_t hi) {
  for (uint32_t j = k; j < hi; j++) {
    const td_tok *t = &doc->toks[j];
    if (is_word(t, ";") || (is_stop(t) && !is_word(t, "as") && !is_word(t, "after") &&
                            !is_word(t, "before") && !is_word(t, "since")))
      return j;
    if (is_word(t, "to") && j + 1 < hi && doc->toks[j + 1].upos == TD_VERB) return j;
  }
  return hi;
}

/* Whether the actor mention [a0, a1) opens a clause of its own after
 * "and" or "but": it heads (or owns) the subject of a finite verb
 * ("Poland rejected the plan and Germany's main parties have opposed
 * it", "... but Uganda said"), and is no target of an act before it. */
static int opens_clause(const ev_doc *e, uint32_t a0, uint32_t a1, uint32_t lo, uint32_t hi) {
  const td_doc *doc = e->doc;
  uint32_t nx = a1;
  while (nx < hi && (doc->toks[nx].upos == TD_ADV || doc->toks[nx].upos == TD_NOUN ||
                     doc->toks[nx].upos == TD_PROPN || doc->toks[nx].upos == TD_ADJ ||
                     is_poss(&doc->toks[nx])))
    nx++;
  int64_t p = prev_content(doc, a0, lo);
  /* "the talks between Sudan and Ethiopia ended": a list of actors is
   * one phrase */
  return nx < hi && p > (int64_t)lo && e->tokact[p - 1] < 0 &&
         (is_word(&doc->toks[p], "and") || is_word(&doc->toks[p], "but")) &&
         (doc->toks[nx].upos == TD_AUX || is_xpos(&doc->toks[nx], TD_XPOS_VBD) ||
          is_xpos(&doc->toks[nx], TD_XPOS_VBZ) || is_xpos(&doc->toks[nx], TD_XPOS_VBP));
}

/* Whether the actor mention [a0, a1) is `they`, or `it` before an
 * auxiliary or a finite verb: a pronoun in the subject's case that opens
 * a clause of its own ("Iran warned it could strike Israel", "the club
 * said they would appeal"; the actors layer makes these the speaker's
 * mentions), no object of the act before it: the act's phrase has ended. */
static int subject_pronoun(const ev_doc *e, uint32_t a0, uint32_t a1, uint32_t hi) {
  const td_doc *doc = e->doc;
  if (a1 != a0 + 1 || doc->toks[a0].upos != TD_PRON) return 0;
  if (is_word(&doc->toks[a0], "they")) return 1;
  const td_tok *nx = a1 < hi ? &doc->toks[a1] : NULL;
  return is_word(&doc->toks[a0], "it") && nx &&
         (nx->upos == TD_AUX || is_xpos(nx, TD_XPOS_VBD) || is_xpos(nx, TD_XPOS_VBZ));
}

/* Whether t is a common noun that names a place, standing before the
 * place's name in apposition: "in the capital Kabul", "near the town
 * Samarra". */
static int place_noun(const td_tok *t) {
  static const char *const places[] = {"capital", "city", "town", "village", "province",
                                       "region", "district", "port", NULL};
  return t->upos == TD_NOUN && td_str_in(lemma_of(t), places);
}

/* Target group to the right of [k, hi): after one of the trigger's
 * prepositions when it names them, else the first actor not inside a
 * circumstantial phrase. */
static int find_target(const ev_doc *e, const trig *tr, uint32_t k, uint32_t hi, group *g,
                       group *between_src) {
  const td_doc *doc = e->doc;
  /* a nominal event has a target only through its prepositions */
  if (tr->noun && !tr->preps[0]) return 0;
  /* the preposition may be part of the entry ("hold talks with") */
  int prep_in_key = tr->tok1 > tr->tok0 && prep_in(tr, doc->toks[tr->tok1 - 1].norm);
  /* "concern over North Korea's troop dispatch", "concern over the
   * dispatch of North Korean troops": the first actor of the phrase */
  if (tr->preps[0] && !prep_in(tr, "between")) {
    uint32_t start = prep_in_key ? k : hi;
    for (uint32_t j = k; j < hi && start == hi; j++)
      if (doc->toks[j].upos == TD_ADP && prep_in(tr, doc->toks[j].norm)) start = j + 1;
    for (uint32_t j = start; j < hi && j < start + 8; j++) {
      if (e->tokact[j] >= 0) {
        group_right(e, j, hi, g);
        return 1;
      }
      if (doc->toks[j].upos == TD_VERB || is_word(&doc->toks[j], ",")) break;
    }
  }
  int seen_obj = 0; /* a noun or pronoun since k: the verb has an object */
  for (uint32_t j = k; j < hi; j++) {
    const td_tok *t = &doc->toks[j];
    /* "kidnapped 16 advisers from a bazaar and exploded bombs in Kabul":
     * a verb joined by "and" or "but" after the act's object has an
     * object of its own ("condemned and denounced Israel", with none
     * between, shares it) */
    if (!tr->noun && j > k && seen_obj && t->upos == TD_VERB && doc->toks[j - 1].upos == TD_CCONJ &&
        (is_xpos(t, TD_XPOS_VBD) || is_xpos(t, TD_XPOS_VBZ) || is_xpos(t, TD_XPOS_VBP) ||
         is_xpos(t, TD_XPOS_VBN)))
      break;
    seen_obj |= t->upos == TD_NOUN || t->upos == TD_PROPN || t->upos == TD_PRON;
    /* "'We have banned her,' said the federation's chief", "..., says
     * Dr Ruiz": a verb of saying after a comma or a quotation mark puts
     * its speaker after it, and the act's phrase has ended */
    if (j > k && t->upos == TD_VERB && doc->toks[j - 1].upos == TD_PUNCT &&
        td_str_in(lemma_of(t), report_verbs))
      return 0;
    if (e->tokact[j] >= 0) {
      uint32_t a0, a1;
      mention_span(e, j, k, hi, &a0, &a1);
      /* "..., Lord Hartwell said.", "... to help," he added.", "...,
       * Peru's agriculture minister said": an actor heading (or owning)
       * the subject of a verb of saying is who reports the act, and what
       * follows is no longer the act's phrase */
      uint32_t nx = a1;
      while (nx < hi && (doc->toks[nx].upos == TD_ADV || doc->toks[nx].upos == TD_NOUN ||
                         doc->toks[nx].upos == TD_PROPN || doc->toks[nx].upos == TD_ADJ ||
                         is_poss(&doc->toks[nx])))
        nx++;
      if (nx < hi && doc->toks[nx].upos == TD_VERB && td_str_in(lemma_of(&doc->toks[nx]), report_verbs))
        return 0;
      if (opens_clause(e, a0, a1, k, hi) || subject_pronoun(e, a0, a1, hi)) return 0;
      int64_t p = prev_content(doc, a0, k);
      /* "in the capital Kabul": the preposition before the noun of
       * place the name stands in apposition to */
      if (p > (int64_t)k && place_noun(&doc->toks[p])) {
        int64_t p2 = prev_content(doc, (uint32_t)p, k);
        if (p2 >= (int64_t)k && doc->toks[p2].upos == TD_ADP) p = p2;
      }
      const td_tok *pt = p >= (int64_t)k ? &doc->toks[p] : NULL;
      const char *pw = pt && pt->upos == TD_ADP ? pt->norm : NULL;
      if (pt && (pt->upos == TD_ADP || pt->upos == TD_SCONJ || is_word(pt, "to")))
        pw = pt->norm;
      int ok;
      if (tr->preps[0]) {
        ok = (pw && prep_in(tr, pw)) || (!pw && prep_in_key && p < (int64_t)k);
        if (!ok && pw && is_word(pt, "'s")) ok = 0;
      } else if (tr->no_obj) {
        ok = pw && (strcmp(pw, "against") == 0 || strcmp(pw, "on") == 0 || strcmp(pw, "with") == 0);
        /* "against the Iraq war", "a deal on China-UK tourism": an actor
         * that modifies a noun is not what the act is aimed at */
        if (ok && a1 < hi && (doc->toks[a1].upos == TD_NOUN || is_word(&doc->toks[a1], "-")))
          ok = 0;
      } else {
        ok = !pw || !td_str_in(pw, circ_preps);
        if (pw && strcmp(pw, "by") == 0) ok = 0;
        if (pw && strcmp(pw, "from") == 0) ok = 0;
      }
      /* "according to Ugandan officials" names who reports, not a target */
      if (ok && pw && strcmp(pw, "to") == 0 && p > (int64_t)k && is_word(&doc->toks[p - 1], "according"))
        ok = 0;
      /* a possessor is not the target: "Turkey's efforts" is, for CAMEO */
      if (ok) {
        /* a mediator (045, or one halting mediation: 165) stands between
         * the two: both are targets */
        if (pw && strcmp(pw, "between") == 0 && between_src &&
            (tr->noun || tr->sym || p == (int64_t)k) && strncmp(tr->code, "045", 3) != 0 &&
            strncmp(tr->code, "165", 3) != 0) {
          group all = {0};
          group_right(e, a0, hi, &all);
          if (all.n >= 2) {
            between_src->n = 0;
            group_add(between_src, all.actor[0], all.span[0]);
            for (int q = 1; q < all.n; q++) group_add(g, all.actor[q], all.span[q]);
            g->first = all.first, g->last = all.last;
            return 2;
          }
        }
        group_right(e, a0, hi, g);
        return 1;
      }
      /* "arrested in Argentina, Bulgaria and Canada": the actors listed
       * after one left out share its preposition */
      for (;;) {
        uint32_t n = a1;
        while (n < hi && e->tokact[n] < 0 &&
               (is_word(&doc->toks[n], ",") || doc->toks[n].upos == TD_CCONJ ||
                doc->toks[n].upos == TD_DET))
          n++;
        if (n == a1 || n >= hi || e->tokact[n] < 0) break;
        uint32_t b0, b1;
        mention_span(e, n, k, hi, &b0, &b1);
        a1 = b1 > n ? b1 : n + 1;
      }
      j = a1 - 1;
      continue;
    }
    /* "the challenges posed by X": a participle opens another clause */
    if (!tr->preps[0] && is_xpos(t, TD_XPOS_VBN) && j > k) break;
  }
  return 0;
}

/* "is opposed to X", "remains opposed to": a participle used as an
 * adjective of attitude; its subject opposes, as in the active. */
static int attitude(const td_doc *doc, const trig *tr) {
  const td_tok *v = &doc->toks[tr->head];
  return !tr->noun && tr->head + 1 < doc->ntoks && is_word(&doc->toks[tr->head + 1], "to") &&
         strcmp(lemma_of(v), "oppose") == 0;
}

/* Passive: "was condemned", "were detained by". */
/* Whether trigger tr is a participle after a comma with its "of" or
 * "by": "X is on trial, accused of fraud", "Y, wanted by Interpol" say
 * it of what came before (the tagger may read it as a past tense). */
static int comma_participle(const td_doc *doc, const trig *tr, uint32_t lo) {
  const td_tok *v = &doc->toks[tr->head];
  return !tr->noun && (is_xpos(v, TD_XPOS_VBN) || is_xpos(v, TD_XPOS_VBD)) &&
         tr->tok1 == tr->tok0 + 1 && tr->tok0 > lo && is_word(&doc->toks[tr->tok0 - 1], ",") &&
         tr->tok1 < doc->ntoks && doc->toks[tr->tok1].sent == v->sent &&
         (is_word(&doc->toks[tr->tok1], "of") || is_word(&doc->toks[tr->tok1], "by"));
}

/* Whether a form of "be" or "get" stands before the participle at k
 * (adverbs and other auxiliaries between, not "have": "has been
 * training" is a progressive), down to token lo. */
static int passive_aux(const td_doc *doc, uint32_t k, uint32_t lo) {
  for (int64_t j = (int64_t)k - 1; j >= (int64_t)lo && j >= (int64_t)k - 4; j--) {
    const td_tok *t = &doc->toks[j];
    const char *l = lemma_of(t);
    if (t->upos == TD_AUX && (strcmp(l, "be") == 0 || strcmp(l, "get") == 0)) return 1;
    if (t->upos == TD_AUX && strcmp(l, "have") == 0) return 0;
    if (t->upos != TD_ADV && t->upos != TD_PART && t->upos != TD_AUX) return 0;
  }
  return 0;
}

static int is_passive(const td_doc *doc, const trig *tr, uint32_t lo) {
  const td_tok *v = &doc->toks[tr->head];
  if (tr->noun || attitude(doc, tr)) return 0;
  if (tr->mistag_pass) return 1;
  if (comma_participle(doc, tr, lo)) return 1;
  /* "was shot and stabbed", "were killed or wounded": a participle
   * joined to a passive one shares its auxiliary */
  uint32_t h = tr->head;
  if (h >= lo + 2 && doc->toks[h - 1].upos == TD_CCONJ &&
      (is_xpos(v, TD_XPOS_VBN) || is_xpos(v, TD_XPOS_VBD)) &&
      (is_xpos(&doc->toks[h - 2], TD_XPOS_VBN) || after_be(doc, h - 2)))
    return after_be(doc, h - 2) || passive_aux(doc, h - 2, lo);
  if (!is_xpos(v, TD_XPOS_VBN)) return 0;
  return passive_aux(doc, h, lo);
}

/* ---- parse-based arguments ---- */

static int parsed(const td_doc *doc, const td_sent *s) {
  for (uint32_t k = s->tok0; k < s->tok0 + s->ntok; k++)
    if (doc->toks[k].head >= -1) return 1;
  return 0;
}

/* The preposition (case child) of token j, or NULL. */
static const char *case_of(const td_doc *doc, const td_sent *s, uint32_t j) {
  for (uint32_t c = s->tok0; c < s->tok0 + s->ntok; c++)
    if (doc->toks[c].head == (int32_t)j && dep_is(&doc->toks[c], TD_DEP_CASE))
      return doc->toks[c].norm;
  return NULL;
}

/* The actor of the subtree headed at k (its own actor, else a child's). */
static int64_t actor_tok_of(const ev_doc *e, const td_sent *s, uint32_t k) {
  if (e->tokact[k] >= 0) return k;
  /* "counterparts, Ana Diaz and Ken Tanaka": the people in apposition
   * are the actors, not the nationality words describing them */
  for (uint32_t j = s->tok0; j < s->tok0 + s->ntok; j++)
    if (e->doc->toks[j].head == (int32_t)k && dep_is(&e->doc->toks[j], TD_DEP_APPOS) &&
        e->tokact[j] >= 0)
      return -1;
  for (uint32_t j = s->tok0; j < s->tok0 + s->ntok; j++)
    if (e->doc->toks[j].head == (int32_t)k && e->tokact[j] >= 0 &&
        (dep_is(&e->doc->toks[j], TD_DEP_COMPOUND) || dep_is(&e->doc->toks[j], TD_DEP_FLAT) ||
         dep_in(&e->doc->toks[j], TD_DEPS_NMOD) || dep_is(&e->doc->toks[j], TD_DEP_AMOD))) {
      /* "killed 12 rebels ..., according to Ugandan officials": the
       * parser may hang the reporters on the object; they name who
       * tells, not who the object is */
      const char *p = dep_in(&e->doc->toks[j], TD_DEPS_NMOD) ? case_of(e->doc, s, j) : NULL;
      if (p && strcmp(p, "according") == 0) continue;
      return j;
    }
  return -1;
}

/* Adds the actor at dependent d and its conjuncts to g. */
static void dep_group(const ev_doc *e, const td_sent *s, uint32_t d, group *g, int depth) {
  int64_t a = actor_tok_of(e, s, d);
  uint32_t a0, a1;
  if (a >= 0) {
    td_span sp = mention_span(e, (uint32_t)a, s->tok0, s->tok0 + s->ntok, &a0, &a1);
    group_add(g, e->tokact[a], sp);
    if (!g->last || a1 > g->last) g->last = a1;
  }
  for (uint32_t j = s->tok0; j < s->tok0 + s->ntok; j++)
    if ((e->doc->toks[j].head == (int32_t)d ||
         (a >= 0 && a != (int64_t)d && e->doc->toks[j].head == (int32_t)a)) &&
        (dep_is(&e->doc->toks[j], TD_DEP_CONJ) || dep_is(&e->doc->toks[j], TD_DEP_APPOS)) &&
        depth < 8)
      dep_group(e, s, j, g, depth + 1);
}

/* The subject of the trigger's verb is a noun naming a rule, a document
 * or a course of action (abstract_nouns), or an abstract noun made from
 * a verb or an adjective (-tion, -sion, -ment, -ance, -ence, -ness,
 * -ism: "cooperation", "the agreement", "the violence"), and no actor.
 * Collective nouns of those endings name bodies that act (bodies[]:
 * "the administration", "the opposition", "the government"). */
static const char *const abstract_nouns[] = {
    "case", "act", "law", "bill", "rule", "regulation", "practice", "policy", "plan",
    "report", "legislation", "measure", "proposal", "scheme", "directive", "decision",
    "ruling", "treaty", "amendment", "reform", "move", "deal", "rise", "increase",
    "fall", "decline", "growth", "crisis", "trend", "shortage", NULL};
static const char *const bodies[] = {
    "administration", "organisation", "organization", "federation", "association",
    "commission", "delegation", "coalition", "opposition", "nation", "corporation",
    "foundation", "institution", "confederation", "congregation", "population",
    "generation", "union", "station", "government", "parliament", "department",
    "movement", "management", "establishment", "regiment", "alliance", "audience",
    "conference", "intelligence", "defence", "defense", "presidence", "resistance",
    "competition", "constituency", "legation", "mission", "division", "television",
    "prosecution", "insurgence", "operation", NULL};
static int abstract_noun(const td_tok *t) {
  if (t->upos != TD_NOUN && t->upos != TD_PROPN) return 0;
  const char *l = lemma_of(t);
  for (int i = 0; abstract_nouns[i]; i++)
    if (!strcasecmp(l, abstract_nouns[i])) return 1;
  static const char *const ends[] = {"tion", "sion", "ment", "ance", "ence", "ness", "ism", NULL};
  size_t n = strlen(l);
  if (t->upos != TD_NOUN || n < 6 || td_str_in(l, bodies))
    return 0;
  for (int i = 0; ends[i]; i++) {
    size_t m = strlen(ends[i]);
    if (!strcmp(l + n - m, ends[i])) return 1;
  }
  return 0;
}
/* With a parse, the verb's subject; without one (a sentence with no
 * actor is not parsed), the noun right before the verb and its
 * auxiliaries ("the Act bans", "the case could threaten"), after a
 * determiner or at the sentence's start, or the head before the
 * preposition of a phrase that ends there ("cooperation between the two
 * firms threatens", "the rise in oil prices threatens"). */
static int abstract_subject(const ev_doc *e, const td_sent *s, const trig *tr, uint32_t lo,
                            uint32_t hi) {
  const td_doc *doc = e->doc;
  if (parsed(doc, s)) {
    for (uint32_t j = lo; j < hi; j++) {
      const td_tok *t = &doc->toks[j];
      if (t->head != (int32_t)tr->head || !dep_is(t, TD_DEP_NSUBJ)) continue;
      return e->tokact[j] < 0 && abstract_noun(t);
    }
    return 0;
  }
  int64_t b = (int64_t)tr->tok0 - 1;
  while (b >= (int64_t)lo && (doc->toks[b].upos == TD_AUX || doc->toks[b].upos == TD_ADV ||
                              doc->toks[b].upos == TD_PART))
    b--;
  if (b < (int64_t)lo || e->tokact[b] >= 0 || doc->toks[b].upos != TD_NOUN) return 0;
  /* past a prepositional phrase on the subject's head, its words no actor */
  int64_t a = b;
  while (a > (int64_t)lo && e->tokact[a - 1] < 0 &&
         (doc->toks[a - 1].upos == TD_NOUN || doc->toks[a - 1].upos == TD_ADJ ||
          doc->toks[a - 1].upos == TD_DET || doc->toks[a - 1].upos == TD_NUM))
    a--;
  if (a >= (int64_t)lo + 2 && doc->toks[a - 1].upos == TD_ADP && !is_poss(&doc->toks[a - 1]) &&
      doc->toks[a - 2].upos == TD_NOUN && e->tokact[a - 2] < 0 && abstract_noun(&doc->toks[a - 2]))
    b = a - 2;
  if (!abstract_noun(&doc->toks[b])) return 0;
  return b == (int64_t)lo || doc->toks[b - 1].upos == TD_DET || doc->toks[b - 1].upos == TD_ADJ;
}

/* Subject and target from the parse. Climbs xcomp/conj chains for the
 * subject ("vowed to cooperate", "met and agreed"). A conjoined verb shares
 * the subject of the verb it is joined to: when that subject is a noun
 * naming no actor ("the cooperation prolongs the war and threatens
 * peace"), *shared is set to its token (else it stays -1); the climb goes
 * on, as a conjunction the parser attached too low may still lead to the
 * actor ("Benin opened ... to Africans ordered out ... but was refusing"). */
static void parse_args(const ev_doc *e, const td_sent *s, const trig *tr, group *src, group *tgt,
                       int *passive, int64_t *shared) {
  const td_doc *doc = e->doc;
  uint32_t h = tr->head;
  int own_subj = 0; /* 1: a subject of its own that is not a pronoun */
  /* "spoke with his counterpart Han "to discuss responses to the North
   * Korean test"": a phrase past a to-infinitive after the act is the
   * infinitive's, however the parser hung it (the scan's clause ends
   * there too) */
  uint32_t purpose = s->tok0 + s->ntok;
  for (uint32_t j = tr->tok1; j + 1 < s->tok0 + s->ntok; j++)
    if (is_word(&doc->toks[j], "to") && doc->toks[j + 1].upos == TD_VERB) {
      purpose = j;
      break;
    }
  for (int pass = 0; pass < 2; pass++)
    for (uint32_t j = s->tok0; j < s->tok0 + s->ntok; j++) {
      const td_tok *t = &doc->toks[j];
      if (t->head != (int32_t)h) continue;
      /* a passive needs its auxiliary: "Pakistan test-fired" tagged as a
       * participle is still active */
      if (pass == 0 && dep_is(t, TD_DEP_AUX_PASS) && !attitude(doc, tr)) *passive = 1;
      if (pass == 1) {
        if (dep_is(t, TD_DEP_NSUBJ) || dep_is(t, TD_DEP_NSUBJ_PASS) || dep_is(t, TD_DEP_CSUBJ)) {
          /* (a passive subject is the patient even when the parser left
           * out the auxiliary: "were being denied") */
          int pass_subj = *passive || (dep_is(t, TD_DEP_NSUBJ_PASS) && is_passive(doc, tr, s->tok0));
          /* "Iraq's vast natural resources can support", "Mr Glazer's
           * proposals ... remain": the owner of a thing that does the act
           * is not its doer (owned_thing) */
          int64_t owner = -1;
          if (e->tokact[j] < 0 && !(j + 2 < h && is_word(&doc->toks[j + 1], "to")))
            for (uint32_t c = s->tok0; c < j && owner < 0; c++)
              if (doc->toks[c].head == (int32_t)j && dep_is(&doc->toks[c], TD_DEP_NMOD_POSS) &&
                  e->tokact[c] >= 0)
                owner = c;
          /* (the patient of a passive keeps its owner, but for one of kin:
           * "Mr Conlon's father was arrested") */
          int other = owner >= 0 && (pass_subj ? doc->toks[j].upos == TD_NOUN &&
                                                     td_str_in(lemma_of(&doc->toks[j]), kin)
                                               : thing_of(e, j, e->tokact[owner]));
          if (!other) dep_group(e, s, j, pass_subj ? tgt : src, 0);
          /* (a pronoun subject, or a "subject" with a conjunction between
           * it and the verb, is the parser's slip: "this week as he visits") */
          int cut = 0;
          for (uint32_t q = j + 1; q < h; q++) cut |= doc->toks[q].upos == TD_SCONJ;
          if (t->upos == TD_PRON || cut || own_agent(t)) own_subj = -1;
          else if (!own_subj) own_subj = 1;
        } else if (dep_is(t, TD_DEP_OBL_AGENT)) {
          dep_group(e, s, j, src, 0);
        } else if (j > purpose) {
          continue;
        } else if (!tr->noun && (dep_is(t, TD_DEP_OBJ) || dep_is(t, TD_DEP_IOBJ)) &&
                   !tr->preps[0] && !tr->no_obj && !*passive) {
          dep_group(e, s, j, tgt, 0);
        } else if (dep_in(t, TD_DEPS_OBL) || dep_in(t, TD_DEPS_NMOD)) {
          const char *p = case_of(doc, s, j);
          /* "according to Ugandan officials" names who reports, not a
           * target (its case is "according", "to" fixed to it) */
          if (p && strcmp(p, "according") == 0) continue;
          if (p && strcmp(p, "by") == 0 && *passive) dep_group(e, s, j, src, 0);
          else if (p && (prep_in(tr, p) || (!tr->preps[0] && !td_str_in(p, circ_preps) &&
                                            strcmp(p, "from") != 0 && strcmp(p, "by") != 0)))
            if (!tgt->n) dep_group(e, s, j, tgt, 0);
        } else if (tr->noun && (dep_is(t, TD_DEP_NMOD_POSS) || dep_is(t, TD_DEP_AMOD) ||
                                dep_is(t, TD_DEP_COMPOUND))) {
          if (e->tokact[j] >= 0 && !src->n) dep_group(e, s, j, src, 0);
        }
      }
    }
  /* no subject: climb to the governing verb (xcomp, conj, acl). A verb
   * with a subject of its own that names no actor ("it said 20 people
   * were killed", "said the club may consider") does not share its
   * governor's: the doer is that subject, unknown (a pronoun may stand
   * for the governor's subject and is climbed past). Nor does a passive:
   * the subject of the verb it hangs from is not its agent ("Henry
   * believes he will be blamed", "asked to be allowed to stay") */
  if (*passive || is_passive(doc, tr, s->tok0)) return;
  uint32_t k = h;
  for (int steps = 0; !src->n && own_subj != 1 && steps < 4; steps++) {
    const td_tok *t = &doc->toks[k];
    if (t->head < 0) break;
    if (!dep_is(t, TD_DEP_XCOMP) && !dep_is(t, TD_DEP_CONJ) && !dep_is(t, TD_DEP_ADVCL) &&
        !dep_is(t, TD_DEP_OBJ) && !dep_is(t, TD_DEP_CCOMP))
      break;
    /* "Lopez said that A ... held talks" parsed as said ... and held, or
     * "X demonstrated ..., radio said": the speaker of a reporting verb is
     * not the doer of the act reported */
    int conj = dep_is(t, TD_DEP_CONJ);
    if ((conj || (dep_is(t, TD_DEP_CCOMP) && t->head > (int32_t)k)) &&
        td_str_in(lemma_of(&doc->toks[t->head]), report_verbs))
      break;
    /* "signed the accord after Eritrea withdrew its troops", the
     * parser reading "after Eritrea" as a phrase: a finite verb of an
     * adverbial clause with a noun right before it has its own subject,
     * not the main clause's */
    if (is_xpos(t, TD_XPOS_VBD) || is_xpos(t, TD_XPOS_VBZ) || is_xpos(t, TD_XPOS_VBP)) {
      int64_t b = (int64_t)k - 1;
      while (b >= (int64_t)s->tok0 && (doc->toks[b].upos == TD_ADV || doc->toks[b].upos == TD_AUX))
        b--;
      int noun = b >= (int64_t)s->tok0 && (doc->toks[b].upos == TD_NOUN || doc->toks[b].upos == TD_PROPN);
      /* (a pronoun there is most often the main subject again: "as he visits") */
      if (noun && dep_is(t, TD_DEP_ADVCL)) break;
      /* the same clause read as a complement ("recalled its ambassador
       * after the minister accused ...", "after" a case of "minister"):
       * a subordinating conjunction before the noun phrase */
      if (noun && after_conj_np(doc, s->tok0, (uint32_t)b)) break;
    }
    k = (uint32_t)t->head;
    int64_t subj = -1;
    for (uint32_t j = s->tok0; j < s->tok0 + s->ntok; j++)
      if (doc->toks[j].head == (int32_t)k && dep_in(&doc->toks[j], TD_DEPS_NSUBJ)) {
        dep_group(e, s, j, src, 0);
        if (subj < 0) subj = j;
      }
    if (conj && subj >= 0 && !src->n && doc->toks[subj].upos != TD_PRON &&
        doc->toks[k].upos == TD_VERB && *shared < 0)
      *shared = subj;
    /* "Mr Prentis said workers did not want to go on strike": a
     * governing verb with a subject of its own that names no actor (a
     * noun, not a pronoun) is that subject's; the climb stops there, as
     * the speaker above it did not do the act */
    if (!conj && subj >= 0 && !src->n && doc->toks[subj].upos == TD_NOUN) break;
  }
}

/* The first conjunct of the coordination verb k is in (k itself when it
 * is not a conjunct). */
static uint32_t conj_first(const td_doc *doc, uint32_t k) {
  for (int steps = 0; steps < 8 && doc->toks[k].head >= 0 &&
                      dep_is(&doc->toks[k], TD_DEP_CONJ);
       steps++)
    k = (uint32_t)doc->toks[k].head;
  return k;
}

/* Whether token a lies in an object (obj, iobj, obl) of a verb that verb
 * h is conjoined to, between the two, with a conjunction after it
 * ("prolongs the suffering of the Ukrainian people and threatens
 * stability": the people are not who threatens). Without the conjunction
 * ("saw Dame Julie, 69, return", "added Mr Stearns had agreed") the actor
 * is more likely the subject of a clause the parser missed, and a verb of
 * saying joined to h is such a clause's frame. */
static int in_conjunct_arg(const td_doc *doc, uint32_t h, uint32_t a) {
  if (!dep_is(&doc->toks[h], TD_DEP_CONJ)) return 0;
  uint32_t first = conj_first(doc, h);
  if (td_str_in(lemma_of(&doc->toks[first]), report_verbs)) return 0;
  int cc = 0;
  for (uint32_t k = a + 1; k < h && !cc; k++) cc = doc->toks[k].upos == TD_CCONJ;
  if (!cc) return 0;
  uint32_t x = a;
  for (int steps = 0; steps < 16 && x != h; steps++) {
    if (doc->toks[x].head < 0) return 0;
    uint32_t up = (uint32_t)doc->toks[x].head;
    if (up != h && conj_first(doc, up) == first) {
      const td_tok *r = &doc->toks[x];
      return a > up && a < h &&
             (dep_is(r, TD_DEP_OBJ) || dep_is(r, TD_DEP_IOBJ) || dep_in(r, TD_DEPS_OBL));
    }
    x = up;
  }
  return 0;
}

/* ---- modality, polarity, attribution ---- */

static const char *const fut_aux[] = {"will", "'ll", "shall", "would", "wo", NULL};
static const char *const hyp_aux[] = {"may", "might", "could", "can", "should", "must", "ca", NULL};
static const char *const neg_words[] = {"not", "n't", "never", "no", NULL};
static const char *const plan_adjs[] = {"planned", "upcoming", "proposed", "scheduled",
                                        "expected", "forthcoming", "possible", "potential",
                                        "future", "prospective", "next", NULL};

/* Whether token j is "would", or "'d" the tagger read as that modal (MD,
 * lemma would: "he'd sanction Iran") before a verb that is no past form
 * ("they'd attacked", "who'd previously endorsed": had) */
static int is_would(const td_doc *doc, uint32_t j) {
  const td_tok *t = &doc->toks[j];
  if (is_word(t, "would")) return 1;
  if (t->upos != TD_AUX || !is_xpos(t, TD_XPOS_MD) || strcmp(lemma_of(t), "would") != 0) return 0;
  uint32_t v = j + 1;
  while (v < doc->ntoks && doc->toks[v].upos == TD_ADV) v++;
  return v >= doc->ntoks || !(is_xpos(&doc->toks[v], TD_XPOS_VBN) || is_xpos(&doc->toks[v], TD_XPOS_VBD));
}

/* The auxiliaries, adverbs and particles read leftwards from token j down
 * to lo and stop (both included): a negation sets *neg, "will" *mod 'f'
 * (unless set), "may" 'h'. Returns the token the chain stopped at. */
static int64_t aux_chain(const td_doc *doc, int64_t j, uint32_t lo, int64_t stop, int *mod,
                         int *neg) {
  for (; j >= (int64_t)lo && j >= stop; j--) {
    const td_tok *t = &doc->toks[j];
    /* (a quotation opening at the verb: 'would "consider" whether') */
    if (t->upos == TD_PUNCT && (is_word(t, "\"") || is_word(t, "``")) && j + 1 < (int64_t)doc->ntoks &&
        doc->toks[j + 1].upos != TD_PUNCT && stop > 0) {
      stop--;
      continue;
    }
    if (td_str_in(t->norm, neg_words)) *neg = 1;
    else if (td_str_in(t->norm, fut_aux) || is_would(doc, (uint32_t)j)) *mod = *mod ? *mod : 'f';
    else if (td_str_in(t->norm, hyp_aux)) *mod = 'h';
    else if (t->upos != TD_AUX && t->upos != TD_ADV && t->upos != TD_PART) break;
  }
  return j;
}

/* The modal of the verbs a chain of to-infinitives hangs from, above the
 * verb g that governs the act's own infinitive: "will continue to try to
 * attack" (future), "may decide to try to attack" (hypothetical), up to
 * three verbs up, each "VERB to" (or "be ADJ to"); the first modal found
 * is the act's. Their negation is not the act's ("did not hesitate to
 * decide to attack" is done). */
static void governor_modal(const td_doc *doc, int64_t g, uint32_t lo, int *mod) {
  for (int up = 0; up < 3 && !*mod; up++) {
    if (g < (int64_t)lo + 2 || !is_word(&doc->toks[g - 1], "to")) return;
    int64_t h = g - 2;
    if (doc->toks[h].upos == TD_ADJ && h > (int64_t)lo &&
        (doc->toks[h - 1].upos == TD_AUX || is_word(&doc->toks[h - 1], "be")))
      h--;
    if (doc->toks[h].upos != TD_VERB && doc->toks[h].upos != TD_AUX) return;
    int gneg = 0;
    aux_chain(doc, h - 1, lo, h - 4, mod, &gneg);
    g = h;
  }
}

/* Fills modality (0 actual, 'f', 'h') and negation for a trigger. */
static void modality(const td_doc *doc, const sctx *c, const trig *tr, uint32_t lo, int *mod,
                     int *neg) {
  *mod = 0, *neg = 0;
  int64_t j = (int64_t)tr->tok0 - 1;
  if (tr->noun) {
    while (j >= (int64_t)lo && (doc->toks[j].upos == TD_ADJ || doc->toks[j].upos == TD_DET ||
                                doc->toks[j].upos == TD_PROPN || doc->toks[j].upos == TD_NOUN)) {
      if (td_str_in(doc->toks[j].norm, plan_adjs))
        *mod = strcmp(doc->toks[j].norm, "possible") == 0 ||
                       strcmp(doc->toks[j].norm, "potential") == 0
                   ? 'h'
                   : 'f';
      if (is_word(&doc->toks[j], "no")) *neg = 1;
      if (doc->toks[j].upos == TD_DET && !is_word(&doc->toks[j], "no")) break;
      j--;
    }
    /* the object of a light verb takes that verb's auxiliaries: "will
     * issue an ultimatum", "did not hold talks" */
    if (j >= (int64_t)lo && doc->toks[j].upos == TD_DET) j--;
    if (j >= (int64_t)lo && doc->toks[j].upos == TD_VERB)
      aux_chain(doc, j - 1, lo, (int64_t)tr->tok0 - 8, mod, neg);
  } else {
    /* the auxiliary chain before the verb */
    j = aux_chain(doc, j, lo, (int64_t)tr->tok0 - 5, mod, neg);
    /* "did not want to go on strike", "I am not going to resign", "would
     * like to meet": the verb that governs the infinitive carries the
     * negation and the intent */
    static const char *const wanting[] = {"want", "go", "plan", "intend", "mean", "hope",
                                          "wish", "expect", "need", "try", "seek", "like",
                                          "love", NULL};
    if (j >= (int64_t)lo && j + 1 < (int64_t)tr->tok0 && is_word(&doc->toks[j + 1], "to") &&
        doc->toks[j].upos == TD_VERB && td_str_in(lemma_of(&doc->toks[j]), wanting)) {
      if (!is_word(&doc->toks[j], "try") && !is_word(&doc->toks[j], "tried") && !*mod &&
          strcmp(lemma_of(&doc->toks[j]), "try") != 0 && strcmp(lemma_of(&doc->toks[j]), "seek") != 0)
        *mod = 'f';
      for (int64_t k = j - 1; k >= (int64_t)lo && k >= j - 4; k--) {
        const td_tok *t = &doc->toks[k];
        if (td_str_in(t->norm, neg_words)) *neg = 1;
        /* "I should like to thank": the polite wish of "would like", no
         * possibility */
        else if (td_str_in(t->norm, hyp_aux) &&
                 !(is_word(t, "should") && (!strcmp(lemma_of(&doc->toks[j]), "like") ||
                                            !strcmp(lemma_of(&doc->toks[j]), "love"))))
          *mod = 'h';
        else if (t->upos == TD_AUX || t->upos == TD_ADV || t->upos == TD_PART) continue;
        else break;
      }
      if (!*mod) governor_modal(doc, j, lo, mod);
    } else if (j > (int64_t)lo && j + 1 < (int64_t)tr->tok0 && is_word(&doc->toks[j + 1], "to") && !*mod) {
      /* "would continue to deport", "will have to travel", "would be
       * happy to meet": the act is as sure as the verb or adjective it
       * hangs from (its modal only: "did not hesitate to attack" is done) */
      int64_t g = j;
      if (doc->toks[g].upos == TD_ADJ && (doc->toks[g - 1].upos == TD_AUX || is_word(&doc->toks[g - 1], "be")))
        g--;
      if (doc->toks[g].upos == TD_VERB || doc->toks[g].upos == TD_AUX) {
        int gneg = 0;
        aux_chain(doc, g - 1, lo, g - 4, mod, &gneg);
        if (!*mod) governor_modal(doc, g, lo, mod);
      }
    }
  }
  /* "talks will begin only if ...": a nominal event's own auxiliary */
  if (tr->noun && tr->tok1 < doc->ntoks && doc->toks[tr->tok1].sent == doc->toks[tr->tok0].sent) {
    const td_tok *t = &doc->toks[tr->tok1];
    if (td_str_in(t->norm, fut_aux) || is_would(doc, tr->tok1)) *mod = *mod ? *mod : 'f';
    else if (td_str_in(t->norm, hyp_aux)) *mod = 'h';
  }
  /* cue phrases earlier in the sentence: "plans to", "no indication" */
  for (size_t i = 0; i < c->nmods; i++) {
    const modcue *m = &c->mods[i];
    if (m->tok1 > tr->tok0 || m->tok0 < lo) continue;
    if (m->kind == 'n') *neg = 1;
    /* "may be to rally": a plan that may be stays possible */
    else if (tr->tok0 - m->tok1 <= 3 && !(m->kind == 'f' && *mod == 'h')) *mod = m->kind;
  }
  /* "would sanction ... if": a conditional main clause */
  if (*mod == 'f')
    for (int64_t k = (int64_t)tr->tok0 - 1; k >= (int64_t)lo && k >= (int64_t)tr->tok0 - 4; k--)
      if (is_would(doc, (uint32_t)k) || is_word(&doc->toks[k], "could")) {
        const td_sent *s = &doc->sents[doc->toks[tr->tok0].sent];
        for (uint32_t q = tr->tok1; q < s->tok0 + s->ntok; q++)
          if (is_word(&doc->toks[q], "if") || is_word(&doc->toks[q], "unless")) *mod = 'h';
        break;
      }
  /* "if", "unless", "whether" before the trigger in its sentence */
  for (int64_t k = (int64_t)tr->tok0 - 1; k >= (int64_t)lo; k--) {
    const td_tok *t = &doc->toks[k];
    if (is_word(t, "if") || is_word(t, "unless") || is_word(t, "whether")) {
      *mod = 'h';
      break;
    }
    if (is_word(t, ";")) break;
  }
}

/* The actor credited with the report holding bytes [start, end) of
 * sentence s, or -1. */
static int attribution(const ev_doc *e, const td_sent *s, const trig *tr) {
  const td_doc *doc = e->doc;
  uint32_t b = doc->toks[tr->tok0].start;
  for (size_t q = 0; q < doc->nquotes; q++) {
    const td_quote *qu = &doc->quotes[q];
    if (qu->speaker >= 0 && qu->span.start <= b && b < qu->span.end) return qu->speaker;
  }
  uint32_t lo = s->tok0, hi = s->tok0 + s->ntok;
  for (uint32_t k = lo; k < hi; k++) {
    const td_tok *t = &doc->toks[k];
    if (k >= tr->tok0 && k < tr->tok1) continue;
    if (is_word(t, "according") && k + 2 < hi && is_word(&doc->toks[k + 1], "to")) {
      for (uint32_t j = k + 2; j < hi && j < k + 8; j++)
        if (e->tokact[j] >= 0) return e->tokact[j];
      continue;
    }
    if (t->upos != TD_VERB || !td_str_in(lemma_of(t), report_verbs)) continue;
    /* the trigger must lie in what is reported: after "X said (that)", or
     * before ", X said" */
    if (k < tr->tok0 || (k > tr->tok1)) {
      /* speaker: an actor just before the verb, else just after it */
      for (int64_t j = (int64_t)k - 1; j >= (int64_t)lo && j >= (int64_t)k - 6; j--) {
        if (e->tokact[j] >= 0) return e->tokact[j];
        if (is_word(&doc->toks[j], ",") && j < (int64_t)k - 1) break;
      }
      for (uint32_t j = k + 1; j < hi && j < k + 4; j++)
        if (e->tokact[j] >= 0) return e->tokact[j];
    }
  }
  return -1;
}

/* The first day (days since 1970) of the period a calendar value names
 * ("2024-05-07", "2024-05", "2024-W19", "2024", a time of day's day), or
 * -1 for any other value (a duration, a set, "FUTURE_REF", a season). */
static long period_start(const char *v) {
  if (!v) return -1;
  for (int i = 0; i < 4; i++)
    if (!isdigit((unsigned char)v[i])) return -1;
  long y = atol(v);
  if (!v[4]) return td_days_from_civil(y, 1, 1);
  if (v[4] != '-') return -1;
  if (v[5] == 'W' && isdigit((unsigned char)v[6]) && isdigit((unsigned char)v[7]) && !v[8]) {
    /* ISO week w: the Monday of the week that holds January 4th */
    long jan4 = td_days_from_civil(y, 1, 4);
    long mon1 = jan4 - ((jan4 + 3) % 7); /* 1970-01-01 was a Thursday */
    return mon1 + 7L * (atol(v + 6) - 1);
  }
  if (!isdigit((unsigned char)v[5]) || !isdigit((unsigned char)v[6])) return -1;
  int m = atoi(v + 5);
  if (m < 1 || m > 12) return -1;
  if (!v[7]) return td_days_from_civil(y, m, 1);
  if (v[7] != '-' || !isdigit((unsigned char)v[8]) || !isdigit((unsigned char)v[9]) ||
      (v[10] && v[10] != 'T'))
    return -1;
  return td_days_from_civil(y, m, atoi(v + 8));
}

/* Whether trigger tr, told as done (no auxiliary or cue made it planned
 * or possible), is dated by time expression `time` after the article's
 * day: "visits China next week", "is returning tomorrow", "talks on
 * Thursday" (the article of a Monday), "expects him to back Clinton on
 * Thursday". What is dated later than the article has not happened yet:
 * its modality is future. Only a time that follows the trigger in its own
 * clause counts (no verb, comma or clause word between, at most twelve
 * words on, no preposition but the verb's, the target's (tsp) or the
 * time's; not one that modifies a noun, "the 2017 model", nor the end of
 * a span, "until", "through", "since"), and only for a verb not in a past
 * form: "agreed to draw up a plan by March" agreed now. */
static int future_dated(const td_doc *doc, const trig *tr, int time, td_span tsp) {
  if (time < 0 || !doc->date) return 0;
  const td_time *ti = &doc->times[time];
  if (ti->type[0] != 'D' && strcmp(ti->type, "TIME") != 0) return 0;
  long when = period_start(ti->value), today = period_start(doc->date);
  if (when < 0 || today < 0 || strlen(doc->date) < 10 || when <= today) return 0;
  const td_tok *v = &doc->toks[tr->head];
  if (!tr->noun) {
    if (is_xpos(v, TD_XPOS_VBD) || is_xpos(v, TD_XPOS_VBN)) return 0;
    /* "was meeting", "had been due": a past auxiliary */
    for (int64_t j = (int64_t)tr->tok0 - 1; j >= 0 && j >= (int64_t)tr->tok0 - 3; j--) {
      const td_tok *a = &doc->toks[j];
      if (a->upos != TD_AUX && a->upos != TD_ADV && a->upos != TD_PART) break;
      if (is_xpos(a, TD_XPOS_VBD)) return 0;
    }
  }
  const td_sent *s = &doc->sents[v->sent];
  uint32_t lo = s->tok0, hi = s->tok0 + s->ntok, k = tr->tok1;
  if (ti->span.start < doc->toks[k - 1].end) return 0;
  for (; k < hi && doc->toks[k].start < ti->span.start; k++) {
    const td_tok *t = &doc->toks[k];
    if (k >= tr->tok1 + 12 || t->upos == TD_VERB || t->upos == TD_AUX || t->upos == TD_PUNCT ||
        is_stop(t))
      return 0;
    static const char *const spans[] = {"until", "till", "through", "throughout", "since",
                                        "for", "from", NULL};
    if (t->norm && td_str_in(t->norm, spans)) return 0;
    /* "seeking breakout performances in the primary Feb. 9": past a
     * preposition the time may date its noun; the verb's own particle or
     * preposition, the target's ("talks with Ryan ... this Thursday") and
     * the time's ("on Saturday") do not */
    if (t->upos == TD_ADP && k != tr->tok1 && k + 1 < hi && doc->toks[k + 1].start < ti->span.start &&
        !prep_in(tr, t->norm ? t->norm : "") &&
        !(tsp.end > tsp.start && tsp.start >= t->end && tsp.start - t->end <= 16))
      return 0;
  }
  if (k >= hi) return 0;
  while (k < hi && doc->toks[k].start < ti->span.end) k++;
  if (k < hi) {
    const td_tok *n = &doc->toks[k];
    if (n->upos == TD_NOUN || n->upos == TD_PROPN || n->upos == TD_ADJ || n->upos == TD_NUM ||
        is_poss(n))
      return 0;
  }
  if (tr->noun) {
    /* "ended a policy meeting on Friday", "talks on Friday ended": a
     * nominal event in a clause told in the past */
    int64_t j = (int64_t)tr->tok0 - 1;
    while (j >= (int64_t)lo && (doc->toks[j].upos == TD_DET || doc->toks[j].upos == TD_ADJ ||
                                doc->toks[j].upos == TD_NOUN || doc->toks[j].upos == TD_PROPN ||
                                is_poss(&doc->toks[j])))
      j--;
    if (j >= (int64_t)lo && (is_xpos(&doc->toks[j], TD_XPOS_VBD) || is_xpos(&doc->toks[j], TD_XPOS_VBN)))
      return 0;
    for (uint32_t q = k; q < hi && q < k + 6; q++) {
      const td_tok *t = &doc->toks[q];
      if (t->upos == TD_VERB || t->upos == TD_AUX) {
        if (is_xpos(t, TD_XPOS_VBD)) return 0;
        break;
      }
      if (t->upos == TD_PUNCT || is_stop(t)) break;
    }
  }
  return 1;
}

/* ---- emitting ---- */

static void emit(td_doc *doc, const trig *tr, int mention, int src, td_span ssp, int tgt,
                 td_span tsp, int mod, int neg, int attr, size_t sent, double conf) {
  TD_AGROW(&doc->arena, doc->events, doc->cap_events, doc->nevents + 1);
  td_event *ev = &doc->events[doc->nevents++];
  memset(ev, 0, sizeof *ev);
  ev->mention = mention;
  ev->cameo = td_arena_strdup(&doc->arena, tr->code);
  ev->source = src, ev->target = tgt;
  ev->verb_span = (td_span){doc->toks[tr->tok0].start, doc->toks[tr->tok1 - 1].end};
  ev->source_span = ssp, ev->target_span = tsp;
  uint32_t s0 = ev->verb_span.start, s1 = ev->verb_span.end;
  if (src >= 0 && ssp.end > ssp.start) s0 = ssp.start < s0 ? ssp.start : s0, s1 = ssp.end > s1 ? ssp.end : s1;
  if (tgt >= 0 && tsp.end > tsp.start) s0 = tsp.start < s0 ? tsp.start : s0, s1 = tsp.end > s1 ? tsp.end : s1;
  ev->span = (td_span){s0, s1};
  ev->negative = neg;
  ev->attributed_to = attr;
  ev->time = td_time_for_span(doc, ev->verb_span.start, ev->verb_span.end);
  if (!mod && future_dated(doc, tr, ev->time, tsp)) mod = 'f';
  ev->modality = mod == 'f' ? "future" : mod == 'h' ? "hypothetical" : "actual";
  ev->place = td_place_for_span(doc, ev->verb_span.start, ev->verb_span.end);
  ev->sentence = (int)sent;
  ev->confidence = conf;
}

/* A trigger inside a short quotation with no speaker is a scare quote. */
static int scare_quoted(const td_doc *doc, const td_sent *s, const trig *tr) {
  int open = -1;
  for (uint32_t k = s->tok0; k < tr->tok0; k++) {
    if (doc->toks[k].flags & TD_TOK_QUOTE_OPEN) open = (int)k;
    if (doc->toks[k].flags & TD_TOK_QUOTE_CLOSE) open = -1;
  }
  if (open < 0) return 0;
  /* a quotation with a speaker is a partial quotation, not a scare quote:
   * 'asserted that the launch answered the "frantic arms buildup"' */
  uint32_t b0 = doc->toks[tr->tok0].start;
  for (size_t q = 0; q < doc->nquotes; q++)
    if (doc->quotes[q].speaker >= 0 && doc->quotes[q].span.start <= b0 &&
        b0 < doc->quotes[q].span.end)
      return 0;
  /* a quoted phrase after a verb ("expressed \"deep regret\"") is a
   * partial quotation; after "the" or "so-called" it keeps its distance */
  if (open > (int)s->tok0) {
    const td_tok *b = &doc->toks[open - 1];
    if (b->upos != TD_DET && !is_word(b, "so-called") && !is_word(b, "called")) return 0;
  }
  for (uint32_t k = tr->tok1; k < s->tok0 + s->ntok && k < tr->tok1 + 3; k++)
    if (doc->toks[k].flags & TD_TOK_QUOTE_CLOSE) return tr->tok0 - (uint32_t)open <= 3;
  return 0;
}

/* Compares a and b ignoring case and everything but letters and digits. */
static int same_words(const char *a, size_t alen, const char *b) {
  size_t i = 0;
  const char *q = b;
  for (;;) {
    while (i < alen && !isalnum((unsigned char)a[i])) i++;
    while (*q && !isalnum((unsigned char)*q)) q++;
    if (i == alen || !*q) return i == alen && !*q;
    if (tolower((unsigned char)a[i]) != tolower((unsigned char)*q)) return 0;
    i++, q++;
  }
}

/* Sentences that report no event of the story: the headline repeated in
 * the text, bylines, copyright and reading prompts. */
static int skip_sentence(const td_doc *doc, const td_sent *s) {
  const char *t = doc->text + s->start;
  size_t n = s->end - s->start;
  if (doc->title && *doc->title && same_words(t, n, doc->title)) return 1;
  /* the prompts with their lengths, tried only when the first byte is
   * theirs (perf, issue 11: every sentence is tested) */
#define P(w) {w, sizeof w - 1}
  static const struct {
    const char *w;
    size_t n;
  } boiler[] = {P("copyright"), P("all rights reserved"), P("(c) "), P("click here"),
                P("read more"), P("reporting by"), P("editing by"), P("related:"),
                P("subscribe"), P("sign up"), P("follow us")};
#undef P
  int c0 = tolower((unsigned char)t[0]);
  for (size_t i = 0; i < sizeof boiler / sizeof boiler[0]; i++)
    if (c0 == boiler[i].w[0] && n >= boiler[i].n && strncasecmp(t, boiler[i].w, boiler[i].n) == 0)
      return 1;
  return 0;
}

/* A verb frame of data/events/frames.rules (docs/EVENTS.md): the governing
 * act at token gov, and either the act it is about (act) or the "must" of a
 * demand. */
typedef struct evframe {
  uint32_t gov, act;
  int must; /* events.must: act is the token of "must" */
} evframe;

typedef struct frames {
  evframe *f;
  size_t n, cap;
  td_arena *arena;
} frames;

static int on_frame(void *ctx, const td_rule_match *m) {
  frames *fs = ctx;
  const td_rule_cap *g = td_rule_cap_get(m, "gov");
  const td_rule_cap *a = td_rule_cap_get(m, "act");
  const td_rule_cap *mu = td_rule_cap_get(m, "must");
  int must = strcmp(m->rule, "events.must") == 0;
  const td_rule_cap *x = must ? mu : a;
  if (!g || g->tok0 < 0 || !x || x->tok0 < 0) return 0;
  TD_AGROW(fs->arena, fs->f, fs->cap, fs->n + 1);
  fs->f[fs->n++] = (evframe){(uint32_t)g->tok0, (uint32_t)x->tok0, must};
  return 0;
}

/* Whether the verb frames can change how sentence s is coded (perf, issue
 * 11): a frame joining a governing act to the act in its complement is
 * used only between two triggers that are verbs (not nouns: the joining
 * loop in code_sentence skips those), and events.must needs the word
 * "must" in the sentence. (The frames read no parse: skipping them parses
 * nothing less.) */
static int frames_matter(const td_doc *doc, const td_sent *s, const trig *trigs, size_t ntrigs) {
  size_t verbs = 0;
  for (size_t i = 0; i < ntrigs; i++) verbs += !trigs[i].noun;
  if (verbs >= 2) return 1;
  for (uint32_t k = s->tok0; k < s->tok0 + s->ntok; k++) {
    const char *w = doc->toks[k].norm;
    if (w && w[0] == 'm' && strcmp(w, "must") == 0) return 1;
    /* "agreed in principle to V": the frame makes the governing act */
    if (w && w[0] == 'a' && strncmp(w, "agree", 5) == 0) return 1;
  }
  return 0;
}

static const char *const ev_classes[] = {"event", NULL};

/* collect() into the context of the match's sentence in the array ctx
 * (one a sentence). */
static int collect_doc(void *ctx, const td_match *m) {
  sctx *all = ctx;
  return collect(&all[all->doc->toks[m->tok0].sent], m);
}

/* ---- particle verbs with their object between ---- */

/* The particles of the lexicon's phrasal verbs ("turn down", "set free",
 * "hand over", "call off talk"). */
static const char *const particles[] = {"off", "down", "up", "out", "back", "away", "free",
                                        "over", "aside", NULL};

typedef struct sepctx {
  sctx *c;
  uint32_t verb;
  int found;
} sepctx;

/* td_dict_lookup's callback: the entry, as a match of the verb's token. */
/* sep_entry for mistagged_verbs: collect() is told the verb was read as
 * an adjective (sep 2), and the entry covers the verb's token. */
static int sep_entry2(void *ctx, const td_match *m) {
  sepctx *x = ctx;
  td_match mm = *m;
  mm.tok0 = x->verb, mm.tok1 = x->verb + 1;
  size_t before = x->c->ntrigs;
  collect(x->c, &mm);
  x->found = x->c->ntrigs > before;
  return 0;
}

static int sep_entry(void *ctx, const td_match *m) {
  sepctx *x = ctx;
  td_match mm = *m;
  mm.tok0 = x->verb, mm.tok1 = x->verb + 1;
  x->c->sep = 1;
  collect(x->c, &mm);
  x->c->sep = 0;
  x->found = 1;
  return 0;
}

/* A phrasal verb of the lexicon whose object stands between the verb and
 * its particle: "turned the offer down", "called the talks off", "set
 * them free", "handed the weapons back". The matcher reads the words in
 * a row only; here a verb that no entry starts at, followed by a short
 * noun phrase (a personal pronoun alone, or determiners, adjectives,
 * numbers and nouns, at most five words) and one of the particles, is
 * looked up as "VERB PARTICLE OBJECT-NOUN" ("call off talk") and then
 * "VERB PARTICLE" ("turn down"), and the entry found is the verb's
 * trigger, over the verb's token (its object after it as usual). */
static void separated_particles(const td_doc *doc, sctx *c, const td_sent *s) {
  static const char *const cls[] = {"event.verb", NULL};
  uint32_t hi = s->tok0 + s->ntok;
  for (uint32_t k = s->tok0; k + 2 < hi; k++) {
    const td_tok *v = &doc->toks[k];
    if (v->upos != TD_VERB) continue;
    int64_t noun = -1;
    for (uint32_t j = k + 1; j < hi && j <= k + 6; j++) {
      const td_tok *t = &doc->toks[j];
      if (j > k + 1 && t->norm && td_str_in(t->norm, particles) && t->upos != TD_NOUN) {
        int covered = 0;
        for (size_t i = 0; i < c->ntrigs && !covered; i++)
          covered = c->trigs[i].tok0 <= k && k < c->trigs[i].tok1;
        if (covered) break;
        char key[160];
        const char *vl = lemma_of(v);
        sepctx x = {c, k, 0};
        if (noun >= 0) {
          snprintf(key, sizeof key, "%s %s %s", vl, t->norm, lemma_of(&doc->toks[noun]));
          td_dict_lookup_lemmas(doc->eng->dict, key, cls, sep_entry, &x);
        }
        if (!x.found) {
          snprintf(key, sizeof key, "%s %s", vl, t->norm);
          td_dict_lookup_lemmas(doc->eng->dict, key, cls, sep_entry, &x);
        }
        break;
      }
      /* "set them free": a pronoun is the whole object; a reflexive one
       * ("blew themselves up") makes the act the doer's own, and "turned
       * upside down", "inside out" are idioms of no act */
      static const char *const self[] = {"himself", "herself", "itself", "themselves",
                                         "myself", "ourselves", "yourself", "oneself",
                                         "upside", "inside", NULL};
      if (t->norm && td_str_in(t->norm, self)) break;
      if (t->upos == TD_PRON && j == k + 1 && !is_xpos(t, TD_XPOS_PRP_POSS)) continue;
      if (t->upos == TD_NOUN || t->upos == TD_PROPN) noun = j;
      else if (t->upos != TD_DET && t->upos != TD_ADJ && t->upos != TD_NUM && !is_poss(t) &&
               !is_xpos(t, TD_XPOS_PRP_POSS))
        break;
      if (j > k + 1 && doc->toks[j - 1].upos == TD_PRON && !is_xpos(&doc->toks[j - 1], TD_XPOS_PRP_POSS))
        break;
    }
  }
}

/* ---- past verbs the tagger read as adjectives ---- */

/* Whether token k, tagged an adjective, is the finite verb of its
 * clause: a lowercase -ed form after a plural noun that ends its subject
 * ("200 students blocked roads") or after "and" joining it to a past
 * verb's object ("burned tyres and blocked roads"), with an object right
 * after it (a determiner, a noun, a number or a pronoun). A participle
 * used as an adjective stands after a determiner or before its noun with
 * no subject before it ("the banned party", "adults aged 18": a number
 * after it is no object) and is not read so. */
static int adj_past_verb(const td_doc *doc, uint32_t k) {
  const td_tok *t = &doc->toks[k];
  const td_sent *s = &doc->sents[t->sent];
  size_t n = t->norm ? strlen(t->norm) : 0;
  if (t->upos != TD_ADJ || n < 5 || strcmp(t->norm + n - 2, "ed") != 0 ||
      !islower((unsigned char)doc->text[t->start]) || k <= s->tok0 || k + 1 >= s->tok0 + s->ntok)
    return 0;
  const td_tok *nx = &doc->toks[k + 1];
  if (nx->upos != TD_DET && nx->upos != TD_NOUN && nx->upos != TD_PROPN &&
      !(nx->upos == TD_PRON && !is_xpos(nx, TD_XPOS_PRP_POSS)))
    return 0;
  const td_tok *b = &doc->toks[k - 1];
  if (b->upos == TD_NOUN && is_xpos(b, TD_XPOS_NNS)) return 1;
  if (!is_word(b, "and") || k < s->tok0 + 2 || doc->toks[k - 2].upos != TD_NOUN) return 0;
  for (uint32_t q = k - 2; q > s->tok0 && q + 6 > k; q--)
    if (is_xpos(&doc->toks[q - 1], TD_XPOS_VBD)) return 1;
  return 0;
}

/* The verb an -ed form is the past of ("blocked" block, "stormed"
 * storm, "freed" free, "stopped" stop) as the lemmatizer's word list
 * knows verbs, into buf; 0 when none. */
static int past_stem(const td_doc *doc, const char *w, char *buf, size_t cap) {
  size_t n = strlen(w);
  size_t cut[3] = {n - 2, n - 1, n - 3}; /* -ed, -d, a doubled consonant + -ed */
  for (int i = 0; i < 3; i++) {
    size_t m = cut[i];
    if (m < 2 || m >= cap) continue;
    if (i == 2 && w[m] != w[m - 1]) continue;
    memcpy(buf, w, m);
    buf[m] = 0;
    if (td_lemma_lexclass(doc->eng->lemma, buf, m) & 2u) return 1;
  }
  return 0;
}

/* A verb of the lexicon the tagger read as an adjective (adj_past_verb)
 * is looked up by its verb's lemma with up to two words after it ("block
 * road", then "block"), as the matcher would have found it, and the entry
 * found is the verb's trigger. */
static void mistagged_verbs(const td_doc *doc, sctx *c, const td_sent *s) {
  static const char *const cls[] = {"event.verb", NULL};
  if (!doc->eng || !doc->eng->lemma || !doc->eng->dict) return;
  uint32_t hi = s->tok0 + s->ntok;
  for (uint32_t k = s->tok0; k + 1 < hi; k++) {
    if (!adj_past_verb(doc, k)) continue;
    int covered = 0;
    for (size_t i = 0; i < c->ntrigs && !covered; i++)
      covered = c->trigs[i].tok0 <= k && k < c->trigs[i].tok1;
    char stem[64];
    if (covered || !past_stem(doc, doc->toks[k].norm, stem, sizeof stem)) continue;
    sepctx x = {c, k, 0};
    c->sep = 2;
    for (int len = 2; len >= 0 && !x.found; len--) {
      if (k + (uint32_t)len >= hi) continue;
      char key[192];
      size_t o = (size_t)snprintf(key, sizeof key, "%s", stem);
      for (int q = 1; q <= len && o < sizeof key; q++)
        o += (size_t)snprintf(key + o, sizeof key - o, " %s", lemma_of(&doc->toks[k + (uint32_t)q]));
      if (o < sizeof key) td_dict_lookup_lemmas(doc->eng->dict, key, cls, sep_entry2, &x);
    }
    c->sep = 0;
  }
}

/* Whether token k opens a reporting clause: ", a newspaper reported",
 * ", Belgrade radio said" (a report verb within the next six words). */
static int reporting_after(const td_doc *doc, uint32_t k, uint32_t hi) {
  for (uint32_t j = k + 1; j < hi && j < k + 7; j++)
    if (doc->toks[j].upos == TD_VERB && td_str_in(lemma_of(&doc->toks[j]), report_verbs)) return 1;
  return 0;
}

/* Token t (at k) ends the clause a target is sought in: a semicolon, a
 * comma before a reporting verb, or "according to" (who reports, with or
 * without a comma before it). */
static int clause_stop(const td_doc *doc, const td_tok *t, uint32_t k, uint32_t hi) {
  return is_word(t, ";") || (is_word(t, ",") && reporting_after(doc, k, hi)) ||
         (is_word(t, "according") && k + 1 < hi && is_word(&doc->toks[k + 1], "to"));
}

/* A protest (root 14) is aimed at whom its demand is made of: "staged
 * protests to press the government for lower fees", "marched, calling
 * for the resignation of President X", "went on hunger strike in protest
 * of the government's pension cuts". CAMEO codes that actor as the protest's
 * target; the demand itself is not coded apart (it is the protest's
 * purpose), so the target is read from it here: the first actor after a
 * to-infinitive or a participle of demanding or disapproving, or after
 * "in protest", "in defiance" or "against", that comes within a few words of the
 * protest; up to a reporting clause (", police said"). */
static const char *scene_country(const ev_doc *e, const trig *tr, uint32_t hi);

static void protest_target(const ev_doc *e, td_doc *mdoc, const trig *tr, uint32_t hi,
                           const group *src, group *g) {
  static const char *const demanding[] = {"demand", "call", "urge", "protest", "press",
                                          "denounce", "condemn", "oppose", "show", "express",
                                          "voice", NULL};
  const td_doc *doc = e->doc;
  uint32_t gate = 0;
  for (uint32_t k = tr->tok1; k < hi && k < tr->tok1 + 10 && !gate; k++) {
    const td_tok *t = &doc->toks[k];
    if (clause_stop(doc, t, k, hi)) return;
    const td_tok *n = k + 1 < hi ? &doc->toks[k + 1] : NULL;
    if ((is_word(t, "to") && n && n->upos == TD_VERB && td_str_in(lemma_of(n), demanding)) ||
        (is_xpos(t, TD_XPOS_VBG) && td_str_in(lemma_of(t), demanding)) ||
        (is_word(t, "in") && n && (is_word(n, "protest") || is_word(n, "defiance"))) ||
        is_word(t, "against"))
      gate = k + 1;
  }
  /* "against the alleged violations by the Israeli military": against
   * what (and whose doing); not what it is for ("against plans for the
   * Iraq war") */
  int against = gate && is_word(&doc->toks[gate - 1], "against");
  for (uint32_t k = gate; gate && k < hi && k < gate + 12; k++) {
    const td_tok *t = &doc->toks[k];
    if (clause_stop(doc, t, k, hi) || (against && is_word(t, "for"))) return;
    if (e->tokact[k] >= 0) {
      /* "demanding that he be reinstated": the protesters' own side,
       * named again, is not whom the demand is made of */
      int own = 0;
      for (int a = 0; a < src->n; a++) own |= src->actor[a] == e->tokact[k];
      if (own) continue;
      group_right(e, k, hi, g);
      return;
    }
    /* "rallied against the government", "to protest the government's
     * plan": the government the actors layer leaves unnamed is that of
     * the protesters' country (CAMEO's GOV of it), else of the country
     * where they protest */
    if (t->upos == TD_NOUN && !strcmp(lemma_of(t), "government") && k > gate &&
        (is_word(&doc->toks[k - 1], "the") || is_word(&doc->toks[k - 1], "their"))) {
      const char *c = NULL;
      for (int a = 0; a < src->n && !c; a++)
        if (src->actor[a] >= 0) c = doc->actors[src->actor[a]].country;
      if (!c) c = scene_country(e, tr, hi);
      if (!c || strlen(c) != 3) return;
      td_span sp = {doc->toks[k - 1].start, t->end};
      group_add(g, td_group_actor(mdoc, c, "GOV", sp), sp);
      g->first = k - 1, g->last = k + 1;
      return;
    }
  }
}

/* Whether t is a verb of permission: "allow", "enable", "permit". */
static int permits(const td_tok *t) {
  static const char *const verbs[] = {"allow", "enable", "permit", "authorise", "authorize",
                                      "empower", "entitle", NULL};
  return t->upos == TD_VERB && td_str_in(lemma_of(t), verbs);
}

/* Whether the verb at k is the infinitive of a noun of permission or
 * duty: "the right to protest", "the authority to conduct talks" name
 * what someone may or must do, not what was done. */
static int licensed(const td_doc *doc, uint32_t k) {
  static const char *const licence[] = {"right", "duty", "power", "freedom", "ability",
                                        "obligation", "responsibility", "authority",
                                        "permission", "capacity", "willingness", NULL};
  if (k < 2 || !is_word(&doc->toks[k - 1], "to")) return 0;
  const td_tok *n = &doc->toks[k - 2];
  if (n->sent == doc->toks[k].sent && n->upos == TD_NOUN && td_str_in(lemma_of(n), licence))
    return 1;
  /* "a deal to allow the UK to deport suspects", "powers allowing them
   * to shut down premises": what a verb of permission lets someone do
   * is not done either (when the permission is itself an act, its
   * complement is not coded apart anyway) */
  for (int64_t j = (int64_t)k - 2; j >= 0 && j >= (int64_t)k - 8; j--) {
    const td_tok *w = &doc->toks[j];
    if (w->sent != doc->toks[k].sent) return 0;
    if (w->upos == TD_VERB) return permits(w);
    if (w->upos != TD_NOUN && w->upos != TD_PROPN && w->upos != TD_PRON && w->upos != TD_DET &&
        w->upos != TD_ADJ && w->upos != TD_NUM && !is_poss(w))
      return 0;
  }
  return 0;
}

/* The place of the places layer, a town or a region in a country,
 * whose mention starts at token k: its index, or -1. */
static int place_at(const td_doc *doc, uint32_t k) {
  for (size_t p = 0; p < doc->nplaces; p++) {
    const td_place *pl = &doc->places[p];
    if (!pl->country || strlen(pl->country) != 3 || !pl->feature ||
        (strncmp(pl->feature, "PPL", 3) != 0 && strncmp(pl->feature, "ADM", 3) != 0))
      continue;
    for (size_t m = 0; m < pl->nmentions; m++)
      if (pl->mentions[m].start == doc->toks[k].start) return (int)p;
  }
  return -1;
}

/* The country of the place named at token j, a country actor's or a
 * town's or region's the places layer knows; NULL when none. */
static const char *country_at(const ev_doc *e, uint32_t j) {
  const td_doc *doc = e->doc;
  if (e->tokact[j] >= 0) {
    const td_actor *a = &doc->actors[e->tokact[j]];
    return a->kind && !strcmp(a->kind, "country") ? a->country : NULL;
  }
  int pl = place_at(doc, j);
  return pl >= 0 ? doc->places[pl].country : NULL;
}

/* Nouns of a description of people naming no actor: "protesters",
 * "thousands of people", "students". */
static const char *const people[] = {
    "people", "protester", "demonstrator", "resident", "student", "villager", "inhabitant",
    "citizen", "crowd", "thousand", "hundred", "supporter", "activist", "youth", "refugee",
    "farmer", "marcher", "mourner", "rioter", "pensioner", "worker", "local", NULL};

static const char *clause_country(const ev_doc *e, const trig *tr, uint32_t hi);
static const char *lead_country(const td_doc *doc, uint32_t k);

/* Whether sentence si or the one before it names the police or the
 * security forces (lemmas police, policeman, "security force(s)"): the
 * last such mention into *sp. */
static int police_named(const td_doc *doc, size_t si, td_span *sp) {
  int found = 0;
  for (size_t q = si > 0 ? si - 1 : 0; q <= si; q++) {
    const td_sent *s = &doc->sents[q];
    for (uint32_t k = s->tok0; k < s->tok0 + s->ntok; k++) {
      const char *l = lemma_of(&doc->toks[k]);
      if (!strcmp(l, "police") || !strcmp(l, "policeman")) {
        *sp = (td_span){doc->toks[k].start, doc->toks[k].end};
        found = 1;
      } else if (!strcmp(l, "force") && k > s->tok0 &&
                 !strcmp(lemma_of(&doc->toks[k - 1]), "security")) {
        *sp = (td_span){doc->toks[k - 1].start, doc->toks[k].end};
        found = 1;
      }
    }
  }
  return found;
}

/* "At least 20 people were detained", "dozens of protesters were
 * arrested": an arrest or detention (173) told in the passive with no
 * agent, of a description of people naming no actor, is done to
 * civilians (CVL) of the country where it happened (scene_country); its
 * doer is the police (COP) of that country only when the sentence or
 * the one before names police or security forces, else no one. The
 * people's span goes into *sp. Whether it was such an act. */
static int detained_people(const ev_doc *e, const trig *tr, size_t si, uint32_t lo, uint32_t hi,
                           td_span *sp, const char **iso, td_span *psp, int *police) {
  const td_doc *doc = e->doc;
  int64_t b = (int64_t)tr->tok0 - 1;
  while (b >= (int64_t)lo && (doc->toks[b].upos == TD_AUX || doc->toks[b].upos == TD_ADV ||
                              doc->toks[b].upos == TD_PART))
    b--;
  if (b < (int64_t)lo || e->tokact[b] >= 0 || doc->toks[b].upos != TD_NOUN ||
      !td_str_in(lemma_of(&doc->toks[b]), people))
    return 0;
  /* ("the citizen can be arrested": a possibility, no arrest) */
  for (int64_t q = b + 1; q < (int64_t)tr->tok0; q++)
    if (is_xpos(&doc->toks[q], TD_XPOS_MD)) return 0;
  const char *c = scene_country(e, tr, hi);
  if (!c || strlen(c) != 3) return 0;
  int64_t a = b;
  while (a > (int64_t)lo && e->tokact[a - 1] < 0 && !is_poss(&doc->toks[a - 1]) &&
         (doc->toks[a - 1].upos == TD_NOUN || doc->toks[a - 1].upos == TD_ADJ ||
          doc->toks[a - 1].upos == TD_NUM))
    a--;
  *sp = (td_span){doc->toks[a].start, doc->toks[b].end};
  *iso = c;
  *police = police_named(doc, si, psp);
  return 1;
}

/* "Security forces arrested 40 people", "police detained dozens of
 * students": the object of an arrest (173) that is a description of
 * people naming no actor (numbers, "at least", "dozens of" before it)
 * is civilians (CVL) of the country where it happened (a place of its
 * clause), else of the source's country (srcc), else the dateline's. Its span into *sp and
 * the country into *iso; whether it is one. */
static int people_object(const ev_doc *e, const trig *tr, uint32_t a, uint32_t hi,
                         const char *srcc, td_span *sp, const char **iso) {
  static const char *const fill[] = {"at", "least", "more", "than", "up", "to", "about", "some",
                                     "over", "nearly", "almost", "around", "of", NULL};
  const td_doc *doc = e->doc;
  uint32_t k = a;
  while (k < hi && k < a + 6 && e->tokact[k] < 0 &&
         (doc->toks[k].upos == TD_DET || doc->toks[k].upos == TD_NUM ||
          doc->toks[k].upos == TD_ADJ || td_str_in(doc->toks[k].norm, fill) ||
          (doc->toks[k].upos == TD_NOUN && k + 1 < hi && is_word(&doc->toks[k + 1], "of"))))
    k++;
  while (k + 1 < hi && doc->toks[k + 1].upos == TD_NOUN && e->tokact[k + 1] < 0) k++;
  if (k >= hi || e->tokact[k] >= 0 || doc->toks[k].upos != TD_NOUN ||
      !td_str_in(lemma_of(&doc->toks[k]), people))
    return 0;
  const char *c = clause_country(e, tr, hi);
  if (!c) c = srcc;
  if (!c) c = lead_country(doc, tr->tok0);
  if (!c || strlen(c) != 3) return 0;
  *sp = (td_span){doc->toks[a].start, doc->toks[k].end};
  *iso = c;
  return 1;
}

/* Whether the subject of verb trigger tr is a market or a price:
 * "stocks rallied", "the dollar surged", "oil prices rallied", "shares
 * in Vodafone pounded higher", "the FTSE 100 rallied". A market that
 * rallies, falls or climbs does no political act, whatever the verb
 * means of people; the head noun right before the verb (auxiliaries and
 * adverbs between; a phrase of "in"/"of" or a number after it passed
 * over) decides. */
static int market_subject(const td_doc *doc, const trig *tr, uint32_t lo) {
  static const char *const market[] = {
      "stock", "share", "market", "dollar", "pound", "euro", "yen", "sterling", "price",
      "yield", "index", "bond", "currency", "equity", "commodity", "gilt", "dow", "nasdaq",
      "ftse", "nikkei", "dax", "rouble", "ruble", "yuan", "rupee", "peso", "franc", NULL};
  int64_t b = (int64_t)tr->tok0 - 1;
  while (b >= (int64_t)lo && (doc->toks[b].upos == TD_AUX || doc->toks[b].upos == TD_ADV ||
                              doc->toks[b].upos == TD_PART))
    b--;
  /* "the FTSE 100 rallied" */
  if (b > (int64_t)lo && doc->toks[b].upos == TD_NUM) b--;
  /* "shares in Vodafone pounded": the head before a short phrase */
  for (int64_t q = b; q > (int64_t)lo && q > b - 4; q--)
    if ((is_word(&doc->toks[q], "in") || is_word(&doc->toks[q], "of")) &&
        doc->toks[q - 1].upos == TD_NOUN) {
      b = q - 1;
      break;
    }
  if (b < (int64_t)lo) return 0;
  const td_tok *t = &doc->toks[b];
  if (t->upos != TD_NOUN && t->upos != TD_PROPN) return 0;
  return td_str_in(lemma_of(t), market) || (t->norm && td_str_in(t->norm, market));
}

/* Whether token t is a word in capitals, as a dateline's city is
 * written ("KYIV, Ukraine -"; "Poland - a large member -" opens none). */
static int all_caps(const td_doc *doc, const td_tok *t) {
  if (t->end - t->start < 2 || !isupper((unsigned char)doc->text[t->start])) return 0;
  for (uint32_t i = t->start; i < t->end; i++)
    if (islower((unsigned char)doc->text[i])) return 0;
  return 1;
}

/* The end of the dateline that opens sentence s: the token after a
 * dash that follows a closing parenthesis ("TBILISI, Georgia (AP) —")
 * or only names, commas and parentheses after a city in capitals
 * ("KYIV, Ukraine —"), within its
 * first twelve tokens; s->tok0 when it has none. */
static uint32_t dateline_end(const td_doc *doc, const td_sent *s) {
  uint32_t lo = s->tok0, hi = s->tok0 + s->ntok;
  int names = 1;
  for (uint32_t k = lo; k < hi && k < lo + 12; k++) {
    const td_tok *t = &doc->toks[k];
    if (k >= lo + 1 && (is_word(t, "\xe2\x80\x94") || is_word(t, "--") || is_word(t, "-") ||
                        is_word(t, "\xe2\x80\x93")))
      return is_word(&doc->toks[k - 1], ")") || (names && all_caps(doc, &doc->toks[lo])) ? k + 1 : lo;
    names &= t->upos == TD_PROPN || is_word(t, ",") || is_word(t, "(") || is_word(t, ")");
  }
  return lo;
}

/* The country of the story's dateline ("TBILISI, Georgia (AP) —"):
 * the place the places layer found at the start of a sentence that
 * opens with a dateline, among the first three sentences, before
 * token k. "Demonstrators marched to parliament", "police fired tear
 * gas" name no place; a wire story tells them where its dateline is.
 * NULL when none. */
static const char *lead_country(const td_doc *doc, uint32_t k) {
  for (size_t si = 0; si < doc->nsents && si < 3; si++) {
    const td_sent *s = &doc->sents[si];
    if (!s->ntok || s->tok0 >= k || dateline_end(doc, s) == s->tok0) continue;
    for (size_t p = 0; p < doc->nplaces; p++) {
      const td_place *pl = &doc->places[p];
      if (!pl->country || strlen(pl->country) != 3) continue;
      for (size_t m = 0; m < pl->nmentions; m++)
        if (pl->mentions[m].start == doc->toks[s->tok0].start) return pl->country;
    }
  }
  return NULL;
}

/* The country where the act of trigger tr took place: the first place
 * after "in/across/…" after the verb in its clause ("rallied in
 * Nairobi", "marched across the capital of Kenya"; clause_country),
 * else the place that opens the story (lead_country; scene_country).
 * NULL when none. */
static const char *clause_country(const ev_doc *e, const trig *tr, uint32_t hi) {
  static const char *const wide[] = {"in", "from", "across", "throughout", "inside", NULL};
  const td_doc *doc = e->doc;
  uint32_t ce = clause_end(doc, tr->tok1, hi);
  const char *c = NULL;
  for (uint32_t j = tr->tok1; !c && j + 1 < ce; j++) {
    const td_tok *t = &doc->toks[j];
    if (t->upos == TD_VERB && !is_xpos(t, TD_XPOS_VBG)) break;
    if (!td_str_in(t->norm, wide)) continue;
    uint32_t q = j + 1;
    while (q < ce && (doc->toks[q].upos == TD_DET || doc->toks[q].upos == TD_ADJ ||
                      (place_noun(&doc->toks[q]) && q + 1 < ce)))
      q++;
    if (q < ce) c = country_at(e, q);
    if (!c && q < ce && is_word(&doc->toks[q], "of") && q + 1 < ce) c = country_at(e, q + 1);
  }
  return c;
}

static const char *scene_country(const ev_doc *e, const trig *tr, uint32_t hi) {
  const char *c = clause_country(e, tr, hi);
  return c ? c : lead_country(e->doc, tr->tok0);
}

/* "Hundreds of thousands of people blocked streets in Hong Kong",
 * "protesters in Kirkuk marched", "demonstrators rallied across Kenya":
 * a protest (root 14) whose subject is a description of people naming
 * no actor (people, protesters, students, residents, thousands …) is by
 * the people of the place it names, a place right after the description
 * ("in/from/across X") or after the verb in its clause, else the place
 * that opens the story (its dateline: "Demonstrators marched to
 * parliament"): CAMEO codes such crowds as civilians (CVL) of that
 * place's country. The description's
 * span goes into *sp and the country into *iso. */
static int protest_source(const ev_doc *e, const trig *tr, uint32_t lo, uint32_t hi,
                          td_span *sp, const char **iso, const char **sector) {
  static const char *const wide[] = {"in", "from", "across", "throughout", "inside", NULL};
  const td_doc *doc = e->doc;
  int64_t b = (int64_t)tr->tok0 - 1;
  while (b >= (int64_t)lo && (doc->toks[b].upos == TD_AUX || doc->toks[b].upos == TD_ADV ||
                              doc->toks[b].upos == TD_PART))
    b--;
  if (b < (int64_t)lo) return 0;
  const char *c = NULL;
  /* "people in Hong Kong blocked": the place ends the subject */
  int64_t k = b;
  while (k > (int64_t)lo && b - k < 3 && e->tokact[k] < 0 && place_at(doc, (uint32_t)k) < 0) k--;
  if (k > (int64_t)lo + 1 && td_str_in(doc->toks[k - 1].norm, wide) && (c = country_at(e, (uint32_t)k)))
    b = k - 2;
  /* "supporters of the opposition rallied": the opposition's people */
  int opp = 0;
  int64_t last = b;
  if (!c && e->tokact[b] < 0 && !strcmp(lemma_of(&doc->toks[b]), "opposition")) {
    int64_t q = b - 1;
    if (q > (int64_t)lo && doc->toks[q].upos == TD_DET) q--;
    if (q > (int64_t)lo && is_word(&doc->toks[q], "of")) b = q - 1, opp = 1;
  }
  if (e->tokact[b] >= 0 || doc->toks[b].upos != TD_NOUN || !td_str_in(lemma_of(&doc->toks[b]), people))
    return 0;
  /* else the first place after the verb in its clause, else the story's */
  if (!c) c = scene_country(e, tr, hi);
  if (!c || strlen(c) != 3) return 0;
  int64_t a = b;
  while (a > (int64_t)lo && e->tokact[a - 1] < 0 && !is_poss(&doc->toks[a - 1]) &&
         (doc->toks[a - 1].upos == TD_NOUN || doc->toks[a - 1].upos == TD_ADJ))
    a--;
  /* "opposition supporters": CAMEO's opposition sector (OPP), not
   * civilians */
  for (int64_t q = a; q < b && !opp; q++) opp = !strcmp(lemma_of(&doc->toks[q]), "opposition");
  *sp = (td_span){doc->toks[a].start, doc->toks[last].end};
  *iso = c;
  *sector = opp ? "OPP" : "CVL";
  return 1;
}

/* "threatened to impose restrictions against German goods", "fired at
 * Syrian positions", "sanctions on Iranian oil": a hostile act (11-20)
 * with no target whose phrase, after against, on, at or into, names a
 * thing by a country adjective is aimed at that country, which the
 * layer makes an actor of with the adjective as its mention (the actors
 * layer makes none of an adjective). From token k to the clause's end,
 * before any other verb; not a country that is the source. */
/* The phrase at token q (determiners, numbers and adjectives, then a
 * country adjective and the noun it modifies: "two Israeli air raids",
 * "the autonomous Azerbaijani republic") names a thing of a country that
 * is not the source's: the country's actor, the adjective made its
 * mention, becomes group g. Whether it did. */
static int adjective_np(ev_doc *e, td_doc *doc, uint32_t q, uint32_t ce, const group *src,
                        group *g) {
  static const char *const cls[] = {"country", NULL};
  while (q < ce && (doc->toks[q].upos == TD_DET || doc->toks[q].upos == TD_NUM ||
                    (doc->toks[q].upos == TD_ADJ && !(doc->toks[q].flags & TD_TOK_CAP))))
    q++;
  const char *iso = NULL;
  if (q >= ce || !(doc->toks[q].flags & TD_TOK_CAP) || e->tokact[q] >= 0) return 0;
  uint32_t m = td_match_at(doc->eng->dict, doc, q, ce, cls, country_adj_cb, (void *)&iso);
  /* the adjective of a noun: "German goods", not "the French" */
  if (!iso || !m || m >= ce || doc->toks[m].upos != TD_NOUN) return 0;
  for (uint32_t r = q; r < m; r++)
    if (e->tokact[r] >= 0) return 0;
  for (int i = 0; i < src->n; i++)
    if (doc->actors[src->actor[i]].country && !strcmp(doc->actors[src->actor[i]].country, iso))
      return 0;
  td_span sp = {doc->toks[q].start, doc->toks[m - 1].end};
  int a = td_country_actor(doc, iso, sp);
  for (uint32_t r = q; r < m; r++) e->tokact[r] = a;
  group_add(g, a, sp);
  g->first = q, g->last = m;
  return 1;
}

static void adjective_target(ev_doc *e, td_doc *doc, uint32_t k, uint32_t hi, int threat,
                             const trig *tr, const group *src, group *g) {
  uint32_t tr_end = tr->tok1;
  int root = code_root(tr->code), preps_own = tr->preps[0] != 0;
  /* ("to": "cut off electricity to the Azerbaijani republic", "reduced
   * food supplies to a Cambodian refugee camp") */
  static const char *const preps[] = {"against", "on", "at", "into", "to", NULL};
  /* a threat: the phrase of the act threatened ("threatened today to
   * impose restrictions against ...") */
  uint32_t k0 = k;
  for (uint32_t n = 0; k0 < hi && n < 3 && !is_word(&doc->toks[k0], "to"); n++) k0++;
  if (threat && k0 + 1 < hi && is_word(&doc->toks[k0], "to") && doc->toks[k0 + 1].upos == TD_VERB)
    k = k0 + 2;
  uint32_t ce = clause_end(doc, k, hi);
  /* "drones attacked a Russian oil depot", "shelled Syrian positions":
   * the direct object of an act of coercion or force (17-20) named by a
   * country adjective is a thing of that country */
  if (!threat && k == tr_end && root >= 17 && !preps_own &&
      adjective_np(e, doc, k, ce, src, g))
    return;
  /* (an entry that ends with its preposition: "imposed sanctions on") */
  int64_t j0 = k > 0 && td_str_in(doc->toks[k - 1].norm, preps) ? (int64_t)k - 1 : (int64_t)k;
  for (uint32_t j = (uint32_t)j0; j + 2 < ce; j++) {
    const td_tok *t = &doc->toks[j];
    if (j >= k && t->upos == TD_VERB && !is_xpos(t, TD_XPOS_VBG)) return;
    if (!td_str_in(t->norm, preps) || (j >= k && t->upos != TD_ADP)) continue;
    adjective_np(e, doc, j + 1, ce, src, g);
    return;
  }
}

/* "demanded an Israeli withdrawal", "are demanding a U.N. military
 * presence", "demanded US support": a demand (10) made of whoever its
 * object names as the one to act, an actor or a country adjective that
 * modifies the object's noun right after the verb (determiners and
 * adjectives between). CAMEO codes that actor as the target. The
 * adjective becomes the country actor's mention, as before an act's
 * noun. */
static void demand_target(ev_doc *e, td_doc *doc, const trig *tr, uint32_t hi, const group *src,
                          group *g) {
  static const char *const cls[] = {"country", NULL};
  uint32_t q = tr->tok1;
  while (q < hi && (doc->toks[q].upos == TD_DET || doc->toks[q].upos == TD_NUM ||
                    (doc->toks[q].upos == TD_ADJ && !(doc->toks[q].flags & TD_TOK_CAP))))
    q++;
  if (q >= hi) return;
  uint32_t m = q;
  const char *iso = NULL;
  if (e->tokact[q] >= 0) {
    uint32_t a0;
    mention_span(e, q, q, hi, &a0, &m);
  } else if (doc->toks[q].flags & TD_TOK_CAP) {
    m = td_match_at(doc->eng->dict, doc, q, hi, cls, country_adj_cb, (void *)&iso);
    if (!iso) return;
    for (uint32_t r = q; r < m; r++)
      if (e->tokact[r] >= 0) return;
  } else {
    return;
  }
  /* the actor modifies the object's noun: "a U.N. military presence" */
  uint32_t n = m;
  while (n < hi && doc->toks[n].upos == TD_ADJ) n++;
  if (m <= q || n >= hi || doc->toks[n].upos != TD_NOUN) return;
  if (iso)
    for (int i = 0; i < src->n; i++)
      if (doc->actors[src->actor[i]].country && !strcmp(doc->actors[src->actor[i]].country, iso))
        return;
  td_span sp = {doc->toks[q].start, doc->toks[m - 1].end};
  int a = iso ? td_country_actor(doc, iso, sp) : e->tokact[q];
  for (int i = 0; i < src->n; i++)
    if (src->actor[i] == a) return;
  if (iso)
    for (uint32_t r = q; r < m; r++) e->tokact[r] = a;
  group_add(g, a, sp);
  g->first = q, g->last = m;
}

/* The country where a protest or an act of force took place, as its
 * target when it has none: "shelled rebel positions in Lebanon", "blew
 * up a bridge leading into Kampala", "rallied in Nairobi".
 * CAMEO codes the place of such an act as the actor it was done to when
 * no other is named; a meeting or a visit "in Geneva" is not aimed at
 * Switzerland, so only roots 13-20 (a threat, for the place of the act
 * threatened after its "to V"; protest and material conflict) and the
 * easing of a restriction (081x, the mirror of imposing one: "lifted
 * the curfew in Mombasa") take it, and only a country or capital the actors layer knows, or a town
 * or region the places layer knows (its country), after "in",
 * "into", "inside" or "across" in the act's clause; and only for an act
 * whose doer is known (an actorless "man murdered in Malta" may be
 * anyone's act against anyone) and is not that country itself. */
/* The town or region the places layer knows at token j (below ce)
 * stands for its country, which the layer makes an actor of (the
 * mention added to it, as for a country adjective): group g, unless
 * that country is the source's. */
static void town_target(const ev_doc *e, td_doc *mdoc, uint32_t j, uint32_t ce, const group *src,
                        group *g) {
  const td_doc *doc = e->doc;
  int pl = place_at(doc, j);
  td_span sp = doc->places[pl].mentions[0];
  for (size_t m = 0; m < doc->places[pl].nmentions; m++)
    if (doc->places[pl].mentions[m].start == doc->toks[j].start) sp = doc->places[pl].mentions[m];
  int a = td_country_actor(mdoc, doc->places[pl].country, sp);
  for (int q = 0; q < src->n; q++)
    if (src->actor[q] == a) return;
  group_add(g, a, sp);
  g->first = j;
  for (g->last = j; g->last < ce && doc->toks[g->last].start < sp.end; g->last++) {
  }
}

static void place_target(const ev_doc *e, td_doc *mdoc, const trig *tr, uint32_t hi,
                         const group *src, group *g) {
  const td_doc *doc = e->doc;
  uint32_t k0 = tr->tok1, ce = hi;
  /* a threat: the place of the act threatened ("threatened to resume
   * attacks in Israel"), its infinitive's verb no phrase of its own */
  if (code_root(tr->code) == 13) {
    /* "threatened on Monday to", "threatened today to" */
    for (uint32_t n = 0; k0 < ce && n < 3 && !is_word(&doc->toks[k0], "to"); n++) k0++;
    if (k0 + 1 < ce && is_word(&doc->toks[k0], "to") && doc->toks[k0 + 1].upos == TD_VERB) k0 += 2;
    else return;
  }
  ce = clause_end(doc, k0, hi);
  /* "shelled Rafah", "attacked the town of Khan Younis", "captured the
   * village of X": a town or region the places layer knows as the direct
   * object of an act of force or coercion (17-20) is the place it was
   * done to, its country the target */
  if (code_root(tr->code) >= 17 && !tr->preps[0]) {
    uint32_t j = k0;
    while (j < ce && doc->toks[j].upos == TD_DET) j++;
    if (j + 2 < ce && place_noun(&doc->toks[j]) && is_word(&doc->toks[j + 1], "of")) j += 2;
    if (j < ce && e->tokact[j] < 0 && place_at(doc, j) >= 0) {
      town_target(e, mdoc, j, ce, src, g);
      return;
    }
  }
  for (uint32_t k = k0; k < ce; k++) {
    const td_tok *t = &doc->toks[k];
    /* "arrested a man wanted in Italy": another verb (a present
     * participle aside: "a bridge leading into Kampala") opens a phrase of its
     * own */
    if (t->upos == TD_VERB && !is_xpos(t, TD_XPOS_VBG)) return;
    if (!is_word(t, "in") && !is_word(t, "into") && !is_word(t, "inside") && !is_word(t, "across"))
      continue;
    uint32_t j = k + 1;
    /* "in the capital Kabul": past a noun of place in apposition */
    while (j < ce && (doc->toks[j].upos == TD_DET || doc->toks[j].upos == TD_ADJ ||
                      (place_noun(&doc->toks[j]) && j + 1 < ce && e->tokact[j + 1] >= 0)))
      j++;
    if (j >= ce) continue;
    if (e->tokact[j] < 0) {
      /* "fired shells at targets in Jericho", "extend the curfew in
       * Abidjan": a town or a region the places layer knows stands for
       * its country, which the layer makes an actor of (the mention
       * added to it, as for a country adjective) */
      if (place_at(doc, j) < 0) continue;
      town_target(e, mdoc, j, ce, src, g);
      return;
    }
    const td_actor *a = &doc->actors[e->tokact[j]];
    if (!a->kind || strcmp(a->kind, "country") != 0) return;
    for (int q = 0; q < src->n; q++)
      if (src->actor[q] == e->tokact[j]) return; /* "Zaire expelled ... in Zaire" */
    uint32_t a0, a1;
    td_span sp = mention_span(e, j, j, ce, &a0, &a1);
    group_add(g, e->tokact[j], sp);
    g->first = a0, g->last = a1;
    return;
  }
}

/* A threat (root 13) is aimed at whom its condition asks to act:
 * "threatened to hold a general strike unless Israel rescinded the
 * annexation", "warned it would retaliate if Kenya attacked": the
 * subject of the first "unless" or "if" clause after the trigger in its
 * sentence, an actor (not a pronoun, not the threat's own source) right
 * after the word, determiners and adjectives between, followed by its
 * verb. */
static void condition_target(const ev_doc *e, const trig *tr, uint32_t hi, const group *src,
                             group *g) {
  const td_doc *doc = e->doc;
  for (uint32_t k = tr->tok1; k + 1 < hi; k++) {
    const td_tok *t = &doc->toks[k];
    if (is_word(t, ";")) return;
    if (!is_word(t, "unless") && !is_word(t, "if")) continue;
    uint32_t j = k + 1;
    while (j < hi && (doc->toks[j].upos == TD_DET || doc->toks[j].upos == TD_ADJ)) j++;
    if (j >= hi || e->tokact[j] < 0 || doc->toks[j].upos == TD_PRON) return;
    for (int q = 0; q < src->n; q++)
      if (src->actor[q] == e->tokact[j]) return;
    group c = {0};
    uint32_t n = group_right(e, j, hi, &c);
    while (n < hi && doc->toks[n].upos == TD_ADV) n++;
    if (n < hi && (doc->toks[n].upos == TD_VERB || doc->toks[n].upos == TD_AUX)) *g = c;
    return;
  }
}

/* A rejection or acceptance (roots 12, 08) is aimed at whom the thing
 * rejected came from: "rejected an offer from X", "refused to answer
 * a request from X", "accepted demands by X". The first request-like
 * noun within a dozen words, then "from" or "by" and an actor. */
static void request_target(const ev_doc *e, const trig *tr, uint32_t hi, group *g) {
  static const char *const asks[] = {"demand", "offer", "request", "proposal", "call",
                                     "appeal", "plea", "invitation", "ultimatum", "proposition",
                                     "suggestion", "initiative", "overture", "bid", "mediation", NULL};
  const td_doc *doc = e->doc;
  for (uint32_t k = tr->tok1; k + 1 < hi && k < tr->tok1 + 12; k++) {
    const td_tok *t = &doc->toks[k];
    if (clause_stop(doc, t, k, hi)) return;
    if (t->upos != TD_NOUN || !td_str_in(lemma_of(t), asks)) continue;
    if (!is_word(&doc->toks[k + 1], "from") && !is_word(&doc->toks[k + 1], "by")) return;
    uint32_t j = k + 2;
    while (j < hi && (doc->toks[j].upos == TD_DET || doc->toks[j].upos == TD_ADJ)) j++;
    if (j < hi && e->tokact[j] >= 0) group_right(e, j, hi, g);
    return;
  }
}

/* Whether a release (0841) is of people: a target that is a person, a
 * group or a state, or a word for people held or for holding them
 * within ten words before the trigger or eight after it, in its
 * sentence [lo, hi) ("released 12 prisoners", "the hostages were
 * freed", "freed him", "arrested but released without charge"). */
static int released_people(const ev_doc *e, const trig *tr, uint32_t lo, uint32_t hi,
                           const group *tgt) {
  const td_doc *doc = e->doc;
  if (group_any(doc, tgt, "person", NULL) || group_any(doc, tgt, "group", NULL) ||
      group_any(doc, tgt, "country", NULL))
    return 1;
  static const char *const held[] = {
      "prisoner", "hostage", "detainee", "captive", "inmate", "suspect", "convict", "man",
      "woman", "people", "person", "child", "soldier", "journalist", "reporter", "worker",
      "national", "citizen", "activist", "dissident", "civilian", "refugee", "fighter",
      "militant", "rebel", "sailor", "pilot", "crew", "tourist", "missionary", "student",
      "protester", "demonstrator", "member", "official", "briton", "him", "her", "them", "us",
      "they", "arrest", "custody", "bail", "jail", "prison", "charge", NULL};
  uint32_t a = tr->tok0 > lo + 10 ? tr->tok0 - 10 : lo, b = tr->tok1 + 8 < hi ? tr->tok1 + 8 : hi;
  for (uint32_t k = a; k < b; k++) {
    const td_tok *t = &doc->toks[k];
    if ((t->upos == TD_NOUN || t->upos == TD_PRON || t->upos == TD_PROPN || t->upos == TD_VERB) &&
        td_str_in(lemma_of(t), held))
      return 1;
    if (t->upos == TD_PRON && t->norm && td_str_in(t->norm, held)) return 1;
  }
  return 0;
}

static int in_time(const td_doc *doc, uint32_t start, uint32_t end);

static void code_sentence(ev_doc *e, td_doc *doc, size_t si) {
  if (e->last_sent + 5 < si) e->last_src.n = 0, e->prev_src[0].n = e->prev_src[1].n = e->prev_src[2].n = 0;
  const td_sent *s = &doc->sents[si];
  if (!s->ntok || e->sports || e->game[si] || skip_sentence(doc, s)) return;
  sctx c = e->sc[si]; /* its triggers and cues (td_events) */
  /* the verb frames of data/events/frames.rules ("X said that Y must Z"
   * is a demand even when what Y must do is no event verb) */
  frames fs = {.arena = &doc->arena};
  if (doc->eng && doc->eng->rules && frames_matter(doc, s, c.trigs, c.ntrigs))
    td_rules_match_layer(doc->eng->rules, "events", doc->eng, doc, si, on_frame, &fs);
  /* "the launch of his party", "the console's US launch": an entry
   * with a topic (d=) holds only in a document that names it */
  for (size_t i = 0; i < c.ntrigs; i++)
    if (c.trigs[i].topic[0] && !topic_named(e, c.trigs[i].topic)) c.trigs[i].suppressed = 1;
  int any_must = 0; /* (or an intent frame on "agree", which makes its own act) */
  for (size_t fi = 0; fi < fs.n; fi++)
    any_must |= fs.f[fi].must || (doc->toks[fs.f[fi].gov].upos == TD_VERB &&
                                  strcmp(lemma_of(&doc->toks[fs.f[fi].gov]), "agree") == 0);
  if (!c.ntrigs && !any_must) return;
  uint32_t lo = s->tok0, hi = s->tok0 + s->ntok;
  /* "TBILISI, Georgia (AP) — Tens of thousands rallied": a wire dateline
   * (a place, the agency in parentheses, a dash) opens the sentence; its
   * agency and places are no argument of the acts after it */
  lo = dateline_end(doc, s);
  /* (the parse's arguments are read from the sentence after it) */
  td_sent body = *s;
  body.tok0 = lo, body.ntok = hi - lo;
  /* perf (issue 11): the pipeline parses lazily: the sentence is parsed
   * (td_parse_sentence) when its first trigger is coded, below, and only
   * when it holds an actor mention: the parse only ever puts actors of the
   * sentence into an event's groups (parse_args, the subject check), so
   * without one it cannot change what is coded. Such a sentence's events
   * are scored as parsed when a parser is loaded (the parse was there to
   * be had, it just had nothing to say). */
  int has_parse = parsed(doc, s);
  int any_actor = 0;
  for (uint32_t k = lo; k < hi && !any_actor; k++) any_actor = e->tokact[k] >= 0;
  int parse_ok = has_parse || (doc->eng && doc->eng->parser);


  /* "X said/declared that Y must Z" (events.must): CAMEO codes a demand
   * by X on Y */
  for (size_t fi = 0; fi < fs.n; fi++) {
    if (!fs.f[fi].must) continue;
    uint32_t k = fs.f[fi].act, r = fs.f[fi].gov;
    {
      int dup = 0;
      for (size_t q = 0; q < c.ntrigs; q++) dup |= c.trigs[q].tok0 <= r && r < c.trigs[q].tok1;
      if (dup) continue;
      TD_AGROW(c.arena, c.trigs, c.cap, c.ntrigs + 1);
      trig *t = &c.trigs[c.ntrigs++];
      trig_clear(t);
      t->tok0 = r, t->tok1 = r + 1, t->head = r, t->must = k;
      strcpy(t->code, "100");
      /* what Y must do is the content of the demand */
      for (size_t q = 0; q + 1 < c.ntrigs; q++)
        if (c.trigs[q].tok0 > k && c.trigs[q].tok0 <= k + 4) {
          c.trigs[q].suppressed = 1;
          if (!t->child) t->child = (int)q + 1;
        }
    }
  }

  /* "called on X to release", "vowed to cooperate", "accused X of
   * violating" (events.appeal_to, intent_to, charge_of): the act in the
   * complement is not coded apart; it refines the governing act's code */
  for (size_t fi = 0; fi < fs.n; fi++) {
    if (fs.f[fi].must) continue;
    int gi = -1, ai = -1;
    for (size_t q = 0; q < c.ntrigs; q++) {
      const trig *t = &c.trigs[q];
      if (t->tok0 <= fs.f[fi].gov && fs.f[fi].gov < t->tok1 && !t->noun && gi < 0) gi = (int)q;
      if (t->head == fs.f[fi].act && !t->noun && ai < 0) ai = (int)q;
    }
    /* "willing to send material to help defend": the first coded act of
     * the infinitive clause */
    for (size_t q = 0; q < c.ntrigs && ai < 0; q++) {
      const trig *t = &c.trigs[q];
      if (!t->noun && t->head > fs.f[fi].act && t->head <= fs.f[fi].act + 8) ai = (int)q;
    }
    /* "agreed in principle on Friday to lift": "agree to" is an
     * entry only with "to" right after it; the frame found the intent */
    uint32_t gv = fs.f[fi].gov;
    if (gi < 0 && doc->toks[gv].upos == TD_VERB &&
        strcmp(lemma_of(&doc->toks[gv]), "agree") == 0) {
      TD_AGROW(c.arena, c.trigs, c.cap, c.ntrigs + 1);
      trig *t = &c.trigs[c.ntrigs];
      trig_clear(t);
      t->tok0 = gv, t->tok1 = gv + 1, t->head = gv;
      strcpy(t->code, "030");
      gi = (int)c.ntrigs++;
    }
    if (gi < 0 || ai < 0 || gi == ai) continue;
    c.trigs[ai].suppressed = 1;
    if (!c.trigs[gi].child) c.trigs[gi].child = ai + 1;
  }

  /* triggers in the to-infinitive of an appeal, vow, demand, threat or
   * refusal: the governing act codes them */
  for (size_t i = 0; i < c.ntrigs; i++) {
    trig *t = &c.trigs[i];
    if (t->noun) continue;
    int64_t p = (int64_t)t->tok0 - 1;
    /* "called for the embargo to be lifted": a passive infinitive too */
    while (p >= (int64_t)lo && (doc->toks[p].upos == TD_ADV ||
                                (doc->toks[p].upos == TD_AUX && is_word(&doc->toks[p], "be"))))
      p--;
    /* "calling for him to apologise for ... and withdraw it": a bare verb
     * joined to an earlier to-infinitive is in the same infinitive */
    if (p >= (int64_t)lo && (is_word(&doc->toks[p], "and") || is_word(&doc->toks[p], "or")) &&
        is_xpos(&doc->toks[t->head], TD_XPOS_VB)) {
      for (int64_t q = p - 1; q >= (int64_t)lo && q >= p - 12; q--) {
        const td_tok *w = &doc->toks[q];
        if (is_xpos(w, TD_XPOS_VBD) || is_xpos(w, TD_XPOS_VBZ) || is_xpos(w, TD_XPOS_VBP) ||
            is_xpos(w, TD_XPOS_MD) || is_stop(w))
          break;
        if (is_word(w, "to") && q + 1 < (int64_t)hi && is_xpos(&doc->toks[q + 1], TD_XPOS_VB)) {
          p = q;
          break;
        }
      }
    }
    if (p < (int64_t)lo || !is_word(&doc->toks[p], "to")) {
      /* "vowed to cooperate" matched as a whole already covers it */
      continue;
    }
    for (size_t j = 0; j < c.ntrigs; j++) {
      trig *g = &c.trigs[j];
      if (j == i || g->tok1 > t->tok0) continue;
      if (t->tok0 - g->tok1 > 12) continue;
      /* the content of an appeal, vow or threat is read from the frames
       * above (data/events/frames.rules); any other infinitive after a
       * coded act is its purpose ("staged demonstrations to demand
       * reforms", "sent observers to investigate"): CAMEO codes the act,
       * not its purpose */
      t->suppressed = 1;
    }
  }

  /* participles and gerunds that accompany an act: "rioted, calling for
   * ...", "accused the rebels of violating ...", "without returning" */
  for (size_t i = 0; i < c.ntrigs; i++) {
    trig *t = &c.trigs[i];
    if (t->noun || !is_xpos(&doc->toks[t->head], TD_XPOS_VBG)) continue;
    int earlier = 0, adjoins = 0;
    for (size_t j = 0; j < c.ntrigs; j++) {
      earlier |= j != i && c.trigs[j].tok1 <= t->tok0 && !c.trigs[j].suppressed;
      /* "marched demanding reforms": right after a coded verb */
      adjoins |= j != i && c.trigs[j].tok1 == t->tok0 && !c.trigs[j].suppressed && !c.trigs[j].noun;
    }
    int64_t p = (int64_t)t->tok0 - 1;
    if (p < (int64_t)lo) continue;
    const td_tok *pt = &doc->toks[p];
    int aux = pt->upos == TD_AUX || is_word(pt, "not") || is_word(pt, "n't");
    /* "resorted to throwing stones", "turned to looting", "took to
     * blocking roads": after these verbs the gerund is the act itself */
    if (is_word(pt, "to") && p > (int64_t)lo &&
        list_has("resort|turn|take|revert", lemma_of(&doc->toks[p - 1]), 1))
      continue;
    if ((pt->upos == TD_ADP || pt->upos == TD_SCONJ) && !aux) t->suppressed = 1;
    else if (earlier && !aux && (is_word(pt, ",") || pt->upos == TD_NOUN || pt->upos == TD_PROPN || adjoins))
      t->suppressed = 1;
  }

  for (size_t i = 0; i < c.ntrigs; i++) {
    trig *t = &c.trigs[i];
    /* "to help defend": a verb right after a suppressed one goes with it */
    if (!t->noun && !t->suppressed)
      for (size_t j = 0; j < i; j++)
        if (c.trigs[j].suppressed && !c.trigs[j].noun && c.trigs[j].tok1 == t->tok0)
          t->suppressed = 1;
    if (t->noun) {
      /* a nominal event that is the object of an event verb ("signed an
       * agreement", "provided aid", "condemned the deployment") is coded
       * by that verb; one in a background phrase ("after the invasion",
       * "days of fighting") is not this sentence's news */
      for (size_t j = 0; j < c.ntrigs; j++) {
        const trig *g = &c.trigs[j];
        if (j != i && !g->noun && g->tok1 <= t->tok0 && t->tok0 - g->tok1 <= 4) {
          int actor_between = 0;
          for (uint32_t k = g->tok1; k < t->tok0; k++) actor_between |= e->tokact[k] >= 0;
          int groot = code_root(g->code);
          int troot = code_root(t->code);
          if (strncmp(g->code, t->code, 2) == 0 && !actor_between) t->suppressed = 1;
          /* "rejected a Chinese request", "accepted the rebels' demands": the
           * appeal, offer or demand rejected or accepted is the object of
           * the one act CAMEO codes (12, 08 aimed at its maker) */
          else if ((groot == 12 || groot == 8) && (troot == 2 || troot == 3 || troot == 10))
            t->suppressed = 1;
          else t->under_verb = 1; /* kept only with an actor of its own */
        } else if (j != i && !g->noun && g->tok1 <= t->tok0 && t->tok0 - g->tok1 <= 14) {
          /* further on in the same clause ("rejected a fresh offer from X
           * for direct talks", "complained to the UN over air raids"): in
           * the verb's argument span when no clause boundary or other verb
           * comes between */
          int open = 1;
          for (uint32_t k = g->tok1; k < t->tok0 && open; k++) {
            const td_tok *w = &doc->toks[k];
            if (is_stop(w) || w->upos == TD_VERB || w->upos == TD_AUX || is_word(w, ","))
              open = 0;
          }
          if (open) t->under_verb = 1;
        }
      }
      /* "the ceasefire line", "asylum claims": a single noun before the
       * noun it modifies names a thing, not an act */
      static const char *const acthead[] = {
          "mission", "effort", "process", "round", "bid", "attempt", "operation", "campaign",
          "visit", "trip", "session", "today", "yesterday", "tonight", "monday", "tuesday",
          "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year",
          "morning", "evening", "night", "weekend", "day", NULL};
      if (t->tok1 == t->tok0 + 1 && t->tok1 < hi && doc->toks[t->tok1].upos == TD_NOUN &&
          e->tokact[t->tok1] < 0 && !td_str_in(lemma_of(&doc->toks[t->tok1]), acthead) &&
          !td_str_in(doc->toks[t->tok1].norm, acthead)) {
        int trig_next = 0;
        for (size_t j = 0; j < c.ntrigs; j++) trig_next |= c.trigs[j].tok0 == t->tok1;
        if (!trig_next) t->suppressed = 1;
      }
      /* "the authority to conduct peace talks", "the right to hold a
       * referendum": the object of a licensed infinitive is not done either */
      for (int64_t q = (int64_t)t->tok0 - 1; q > (int64_t)lo && q >= (int64_t)t->tok0 - 5; q--) {
        const td_tok *w = &doc->toks[q];
        if (w->upos == TD_VERB) {
          /* "the rules allowed detentions": what is permitted, not done */
          if (licensed(doc, (uint32_t)q) || permits(w)) t->suppressed = 1;
          break;
        }
        if (w->upos != TD_DET && w->upos != TD_ADJ && w->upos != TD_NUM && w->upos != TD_NOUN &&
            !is_poss(w))
          break;
      }
      /* "Christian Aid said", "the Peace Corps": a capitalized noun
       * inside an actor's name is part of it */
      if ((doc->toks[t->tok0].flags & TD_TOK_CAP) && t->tok0 > lo && e->tokact[t->tok0] >= 0)
        t->suppressed = 1;
      /* "the meeting's co-chairman": a possessor names a thing, not an act */
      if (t->tok1 < hi && is_poss(&doc->toks[t->tok1])) t->suppressed = 1;
      /* "in protest at", "in support of", "in response to": a bare
       * singular noun between "in" and a preposition (an idiom: a count
       * noun without a determiner) says why or how another act was done;
       * it is no act of its own. A plural is the act itself ("agreed in
       * talks between X and Y", "took part in demonstrations against"),
       * and so is one after "be" ("is in talks with"). */
      if (t->tok1 == t->tok0 + 1 && t->tok0 > lo + 1 && t->tok1 < hi &&
          is_word(&doc->toks[t->tok0 - 1], "in") && doc->toks[t->tok1].upos == TD_ADP &&
          doc->toks[t->tok0].upos == TD_NOUN && !is_xpos(&doc->toks[t->tok0], TD_XPOS_NNS)) {
        const char *l = lemma_of(&doc->toks[t->tok0 - 2]);
        if (strcmp(l, "be") != 0 && strcmp(l, "remain") != 0 && strcmp(l, "stay") != 0)
          t->suppressed = 1;
      }
      int64_t p = (int64_t)t->tok0 - 1;
      while (p >= (int64_t)lo && (doc->toks[p].upos == TD_DET || doc->toks[p].upos == TD_ADJ ||
                                  doc->toks[p].upos == TD_NUM || is_word(&doc->toks[p], "'s") ||
                                  (doc->toks[p].upos == TD_NOUN && e->tokact[p] < 0) ||
                                  doc->toks[p].upos == TD_PROPN))
        p--;
      static const char *const bg[] = {"after", "following", "since", "before", "during", "amid",
                                       "despite", "of", "until", "without", NULL};
      if (p >= (int64_t)lo && td_str_in(doc->toks[p].norm, bg)) t->suppressed = 1;
      /* "in retaliation for an air raid", "in protest of the refusal": the
       * act responded to is the background of the act coded */
      static const char *const resp[] = {"retaliation", "reprisal", "revenge", "response",
                                         "reaction", "protest", "wake", NULL};
      if (p > (int64_t)lo && doc->toks[p].upos == TD_ADP &&
          td_str_in(lemma_of(&doc->toks[p - 1]), resp))
        t->suppressed = 1;
    } else {
      const td_tok *v = &doc->toks[t->head];
      int64_t p = (int64_t)t->tok0 - 1;
      /* "weapons seized last year": a participle modifying a noun */
      static const char *const when[] = {"today", "yesterday", "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday", "sunday", "tonight",
                                         NULL};
      uint32_t nx = t->tok1;
      int finite = 0; /* another finite verb: the sentence has its main verb */
      /* within the quotation that holds the trigger: the verb of saying
       * after it ("..., the White House said") frames the quote */
      uint32_t qlo = lo, qhi = hi;
      for (uint32_t q = t->tok1; q < hi; q++)
        if (doc->toks[q].flags & TD_TOK_QUOTE_CLOSE) {
          qhi = q;
          break;
        } else if (doc->toks[q].flags & TD_TOK_QUOTE_OPEN) {
          break;
        }
      for (uint32_t q = t->tok0; q > lo; q--)
        if (doc->toks[q - 1].flags & TD_TOK_QUOTE_OPEN) {
          qlo = q;
          break;
        } else if (doc->toks[q - 1].flags & TD_TOK_QUOTE_CLOSE) {
          break;
        }
      if (qlo == lo || qhi == hi) qlo = lo, qhi = hi;
      for (uint32_t q = qlo; q < qhi && !finite; q++)
        if ((q < t->tok0 || q >= t->tok1) &&
            (is_xpos(&doc->toks[q], TD_XPOS_VBD) || is_xpos(&doc->toks[q], TD_XPOS_VBZ) ||
             is_xpos(&doc->toks[q], TD_XPOS_VBP) || is_xpos(&doc->toks[q], TD_XPOS_MD)))
          finite = 1;
      /* "..., where officials from both nations discussed": the verb of
       * a clause opened by a relative word is that clause's own */
      for (int64_t q = p; finite && q >= (int64_t)lo; q--) {
        const td_tok *w = &doc->toks[q];
        if (is_word(w, "where") || is_word(w, "who") || is_word(w, "which") ||
            is_word(w, "when") || is_word(w, "while") || is_word(w, "because") ||
            is_word(w, "that")) {
          finite = 0;
          break;
        }
        if (w->upos == TD_VERB || w->upos == TD_AUX) break;
      }
      if (finite && is_xpos(v, TD_XPOS_VBN) && p >= (int64_t)lo && doc->toks[p].upos == TD_NOUN &&
          e->tokact[p] < 0 && !td_str_in(doc->toks[p].norm, when) && nx < hi &&
          e->tokact[nx] < 0 && doc->toks[nx].upos != TD_DET && doc->toks[nx].upos != TD_PROPN &&
          doc->toks[nx].upos != TD_PRON)
        t->suppressed = 1;
      /* "HIV/Aids", "the Strike Group": a capitalized verb inside the
       * sentence is part of a name */
      if (p >= (int64_t)lo && (doc->toks[t->tok0].flags & TD_TOK_CAP) &&
          !(doc->toks[p].flags & TD_TOK_QUOTE_OPEN) && !is_word(&doc->toks[p], ":"))
        t->suppressed = 1;
      /* "long-threatened", "Russian-backed": part of an adjective */
      if (p >= (int64_t)lo && is_word(&doc->toks[p], "-")) t->suppressed = 1;
      /* "without returning" */
      if (p >= (int64_t)lo && is_word(&doc->toks[p], "without")) t->suppressed = 1;
      /* "ready to send troops to defend X if it is attacked",
       * "will strike unless Y withdraws": the condition of an act coded
       * before it is not an act of its own (the clause after the
       * condition's comma is: "warned: if they do, they will be ...") */
      /* "must agree to changes before they demobilize", "will not talk
       * until the army withdraws": an act in a before/until clause told
       * in the present has not happened; it is the condition too */
      const td_tok *hv = &doc->toks[t->head];
      int present = is_xpos(hv, TD_XPOS_VBP) || is_xpos(hv, TD_XPOS_VBZ) || is_xpos(hv, TD_XPOS_VB);
      for (int64_t q = p; q >= (int64_t)lo && !t->suppressed; q--) {
        const td_tok *w = &doc->toks[q];
        if (is_word(w, ";") || is_word(w, ",")) break;
        if (!is_word(w, "if") && !is_word(w, "unless") &&
            !(present && (is_word(w, "before") || is_word(w, "until"))))
          continue;
        for (size_t j = 0; j < c.ntrigs && !t->suppressed; j++)
          if (j != i && !c.trigs[j].suppressed && !c.trigs[j].noun && c.trigs[j].tok1 <= (uint32_t)q)
            t->suppressed = 1;
        break;
      }
      /* "4%, as opposed to 5%": a comparison, not an act */
      if (p >= (int64_t)lo && is_word(&doc->toks[p], "as") && attitude(doc, t)) t->suppressed = 1;
      /* "provided it sticks with ...", "taken for granted", "thank
       * goodness": a conjunction or an idiom, not an act */
      if (nx < hi && (strcmp(lemma_of(v), "provide") == 0) &&
          (doc->toks[nx].upos == TD_PRON || is_word(&doc->toks[nx], "that")) &&
          !is_word(&doc->toks[nx], "them") && !is_word(&doc->toks[nx], "us") &&
          !is_word(&doc->toks[nx], "him") && !is_word(&doc->toks[nx], "her") &&
          !is_word(&doc->toks[nx], "me"))
        t->suppressed = 1;
      if (p >= (int64_t)lo && is_word(&doc->toks[p], "for") && strcmp(lemma_of(v), "grant") == 0)
        t->suppressed = 1;
      if (nx < hi && strcmp(lemma_of(v), "thank") == 0 &&
          (is_word(&doc->toks[nx], "goodness") || is_word(&doc->toks[nx], "god") ||
           is_word(&doc->toks[nx], "heaven") || is_word(&doc->toks[nx], "heavens")))
        t->suppressed = 1;
      /* "US demand for heating oil", "demand for the phones has been
       * slow": "demand for" a thing is a market's, not a demand made;
       * one for an actor to act stays ("an EU demand for Turkey to
       * recognise Cyprus") */
      if (nx < hi && t->tok1 == t->tok0 + 1 && !strcmp(lemma_of(v), "demand") &&
          is_word(&doc->toks[nx], "for")) {
        uint32_t q = nx + 1;
        while (q < hi && q < nx + 8 &&
               (doc->toks[q].upos == TD_DET || doc->toks[q].upos == TD_ADJ ||
                doc->toks[q].upos == TD_NOUN || doc->toks[q].upos == TD_PROPN ||
                doc->toks[q].upos == TD_NUM || is_poss(&doc->toks[q])))
          q++;
        if (!(q + 1 < hi && is_word(&doc->toks[q], "to") && doc->toks[q + 1].upos == TD_VERB))
          t->suppressed = 1;
      }
      /* "was asked why", "asked about his position", "asked whether":
       * a question, not an appeal */
      if (strcmp(lemma_of(v), "ask") == 0) {
        uint32_t q = t->tok1;
        static const char *const wh[] = {"why", "what", "whether", "if", "how", "when",
                                         "where", "who", "which", "about", NULL};
        /* the person asked may come between: "asked Mr Myers if", "asked
         * my mom if", "asked the minister whether" */
        while (q < hi && q < t->tok1 + 5 && !td_str_in(doc->toks[q].norm, wh) &&
               (doc->toks[q].upos == TD_ADV || doc->toks[q].upos == TD_PRON ||
                doc->toks[q].upos == TD_PROPN || doc->toks[q].upos == TD_DET ||
                doc->toks[q].upos == TD_ADJ || doc->toks[q].upos == TD_NOUN))
          q++;
        /* "asked about": right after the verb; "asked for information
         * about ..." is a request */
        int np = q > t->tok1 && doc->toks[q - 1].upos == TD_NOUN;
        if (q < hi && td_str_in(doc->toks[q].norm, wh) && !(np && is_word(&doc->toks[q], "about")))
          t->suppressed = 1;
        /* "asked the minister: 'Why ...?'": a quoted question */
        if (q < hi && is_word(&doc->toks[q], ":")) t->suppressed = 1;
        /* "'... first place?' he asked.", "even if the prime minister
         * asked.": with nothing after it the verb frames a question said
         * before or asks nothing said; "of those asked" are who answered a
         * survey */
        uint32_t end = t->tok1;
        while (end < hi && doc->toks[end].upos == TD_PUNCT && !is_word(&doc->toks[end], ",") &&
               !is_word(&doc->toks[end], ":"))
          end++;
        if (end == hi || (t->tok0 > lo && is_word(&doc->toks[t->tok0 - 1], "those")))
          t->suppressed = 1;
      }
      /* "warned that there was a risk", "insisted the code meant",
       * "conceded that the US had": a statement, not a threat, demand or
       * concession; one about what will or must happen stays coded ("warned
       * that police will no longer tolerate ...") */
      {
        static const char *const stmt[] = {"warn", "insist", "concede", "caution", NULL};
        if (td_str_in(lemma_of(v), stmt) && t->tok1 == t->tok0 + 1) {
          uint32_t q = t->tok1;
          while (q < hi && doc->toks[q].upos == TD_ADV) q++;
          int clause = q < hi && e->tokact[q] < 0 &&
                       (is_word(&doc->toks[q], "that") || doc->toks[q].upos == TD_DET ||
                        doc->toks[q].upos == TD_PRON);
          /* "insisted economic targets would be met": a bare noun phrase
           * followed by its verb is a that-less clause too */
          if (!clause && q < hi && e->tokact[q] < 0 &&
              (doc->toks[q].upos == TD_ADJ || doc->toks[q].upos == TD_NOUN)) {
            for (uint32_t k = q + 1; k < hi && k < q + 4; k++) {
              const td_tok *w = &doc->toks[k];
              if (w->upos == TD_AUX || is_xpos(w, TD_XPOS_VBD) || is_xpos(w, TD_XPOS_VBZ) ||
                  is_xpos(w, TD_XPOS_VBP)) {
                clause = 1;
                break;
              }
              if (w->upos != TD_ADJ && w->upos != TD_NOUN) break;
            }
          }
          if (clause) {
            static const char *const must[] = {"will", "would", "could", "may", "might",
                                               "must", "should", "shall", "'ll", "unless",
                                               "if", "need", "have", "has", "ca", "wo",
                                               "going", NULL};
            /* "insisted he will not promise": what one will do is a
             * statement; only what must be done is a demand */
            static const char *const must_only[] = {"must", "should", "need", NULL};
            int strict = strcmp(lemma_of(v), "insist") == 0 || strcmp(lemma_of(v), "concede") == 0;
            int mod = 0, agent = 0;
            uint32_t mk = q;
            for (uint32_t k = q; k < hi && k < q + 14 && !mod; k++) {
              if (is_word(&doc->toks[k], ";")) break;
              mod = td_str_in(doc->toks[k].norm, strict ? must_only : must) &&
                    (doc->toks[k].upos == TD_AUX || is_word(&doc->toks[k], "unless") ||
                     is_word(&doc->toks[k], "if") || is_word(&doc->toks[k], "going"));
              mk = k;
            }
            /* "warned the costs could outweigh the benefits", "warned
             * that the deficit would hamper growth": what will or may
             * happen to no one's doing is a prediction; a threat needs an
             * actor who will act ("police will no longer tolerate"), a
             * condition ("walkouts unless ...") or an obligation */
            if (mod && !strict && !td_str_in(doc->toks[mk].norm, must_only)) {
              int cond = 0;
              for (uint32_t k = q; k < hi && k < q + 20; k++)
                cond |= is_word(&doc->toks[k], "unless") || is_word(&doc->toks[k], "if");
              static const char *const persons[] = {"we", "they", "he", "she", "i", "you",
                                                    "it", NULL};
              static const char *const doers[] = {
                  "police", "army", "troop", "force", "military", "government", "authority",
                  "official", "minister", "worker", "union", "staff", "member", "protester",
                  "rebel", "militant", "party", "country", "nation", "leader", "state",
                  "regime", "court", "administration", "navy", "soldier", "fighter",
                  "group", "employer", "company", "firm", "bank", NULL};
              for (uint32_t k = q; k < mk; k++)
                agent |= e->tokact[k] >= 0 || td_str_in(doc->toks[k].norm, persons) ||
                         (doc->toks[k].upos == TD_NOUN && td_str_in(lemma_of(&doc->toks[k]), doers));
              if (!cond && !agent) mod = 0;
              /* "warned the firm could run out of cash", "warned that
               * rebels could attack the capital", "warned Juninho may
               * leave": what could, may or might happen is a prediction
               * even of an actor's doing; a threat of that kind names
               * its condition ("there could be further walkouts unless
               * ...", "it could strike if attacked") or a penalty ("warned
               * that Iran could face sanctions") */
              static const char *const possible[] = {"could", "may", "might", NULL};
              if (mod && td_str_in(doc->toks[mk].norm, possible)) {
                static const char *const penalty[] = {
                    "sanction", "action", "consequence", "punishment", "prosecution",
                    "penalty", "fine", "ban", "expulsion", "retaliation", "reprisal",
                    "suspension", "embargo", "force", NULL};
                int unless = 0, cif = 0, face = 0;
                for (uint32_t k = q; k < hi && k < q + 20; k++)
                  unless |= is_word(&doc->toks[k], "unless"), cif |= is_word(&doc->toks[k], "if");
                for (uint32_t k = mk + 1; k < hi && k < mk + 3 && !face; k++) {
                  if (strcmp(lemma_of(&doc->toks[k]), "face")) continue;
                  for (uint32_t j = k + 1; j < hi && j < k + 5 && !face; j++)
                    face = doc->toks[j].upos == TD_NOUN && td_str_in(lemma_of(&doc->toks[j]), penalty);
                }
                if (!unless && !face && !(cif && agent)) mod = 0;
              }
            }
            if (!mod) t->suppressed = 1;
          }
        }
      }
      /* "attacked the plans", "fight the election", "struck a balance": a
       * hostile verb whose object is a thing said or contested is talk or
       * politics, not force */
      {
        int root = code_root(t->code);
        if (root >= 17) {
          uint32_t q = t->tok1;
          while (q < hi && q < t->tok1 + 5 &&
                 (doc->toks[q].upos == TD_DET || doc->toks[q].upos == TD_ADJ ||
                  doc->toks[q].upos == TD_PRON || doc->toks[q].upos == TD_NUM ||
                  doc->toks[q].upos == TD_PROPN || is_poss(&doc->toks[q]) ||
                  (doc->toks[q].upos == TD_NOUN && q + 1 < hi &&
                   (doc->toks[q + 1].upos == TD_NOUN || is_poss(&doc->toks[q + 1])))))
            q++;
          static const char *const said[] = {"plan", "policy", "proposal", "idea", "record",
                                             "comment", "remark", "decision", "speech",
                                             "statement", "claim", "report", "budget", "bill",
                                             "law", "reform", "tax", "manifesto", "stance",
                                             "approach", "strategy", "handling", NULL};
          static const char *const contest[] = {"election", "campaign", "seat", "case",
                                                "balance", "deal", "chord", "note", "tone",
                                                "poverty", "crime", "corruption", "cancer", "terrorism", "terror", "drugs", "racism",
                                                "disease", "inflation", "fire", NULL};
          if (q < hi && doc->toks[q].upos == TD_NOUN && e->tokact[q] < 0) {
            const char *obj = lemma_of(&doc->toks[q]);
            if (td_str_in(obj, said)) strcpy(t->code, "111");
            else if (td_str_in(obj, contest) && !is_word(&doc->toks[q], "fire")) t->suppressed = 1;
          }
        }
      }
      /* "the right to protest", "a duty to investigate": an infinitive
       * that names what someone may or must do, not what was done */
      if (p > (int64_t)lo && licensed(doc, (uint32_t)p + 1)) t->suppressed = 1;
      /* "the banned movement", "alleged crimes", "an occupying army": a
       * participle between a determiner (or a preposition) and its noun is
       * an adjective, not an act */
      if (t->tok1 == t->tok0 + 1 && p >= (int64_t)lo && nx < hi &&
          (doc->toks[nx].upos == TD_NOUN || doc->toks[nx].upos == TD_PROPN ||
           doc->toks[nx].upos == TD_ADJ)) {
        const td_tok *pt = &doc->toks[p];
        int part = is_xpos(v, TD_XPOS_VBN) || is_xpos(v, TD_XPOS_VBG) || v->upos == TD_ADJ;
        /* "its most visited museum", "a critically acclaimed film", "the
         * blend of emotionally charged rock": an adverb of degree or manner
         * between the determiner (or a preposition) and the participle
         * leaves it an adjective; after a comma or a number the adverb
         * belongs to a verb ("Marsh, soon to ..., also criticised", "in
         * 1993 unconditionally repatriated") */
        if (part && pt->upos == TD_ADV && p > (int64_t)lo) {
          const td_tok *bt = &doc->toks[p - 1];
          if (bt->upos == TD_DET || is_word(bt, "'s") || bt->upos == TD_ADP || bt->upos == TD_ADJ)
            pt = bt;
        }
        if (pt->upos == TD_DET || is_word(pt, "'s") ||
            (part && (pt->upos == TD_ADJ || pt->upos == TD_ADP || pt->upos == TD_NUM ||
                      is_word(pt, ","))))
          t->suppressed = 1;
      }
      /* "a helicopter that was captured by ...", "where 24 people were
       * killed": a passive in a relative clause after the main act is
       * background to it */
      if (!t->suppressed && is_passive(doc, t, lo)) {
        int64_t r = p;
        while (r >= (int64_t)lo && r >= p - 8 && doc->toks[r].upos != TD_VERB &&
               !is_word(&doc->toks[r], ",") && !is_word(&doc->toks[r], "that") &&
               !is_word(&doc->toks[r], "who") && !is_word(&doc->toks[r], "which") &&
               !is_word(&doc->toks[r], "where"))
          r--;
        if (r >= (int64_t)lo && r >= p - 8 &&
            (is_word(&doc->toks[r], "that") || is_word(&doc->toks[r], "who") ||
             is_word(&doc->toks[r], "which") || is_word(&doc->toks[r], "where"))) {
          int main_act = 0;
          for (size_t j = 0; j < c.ntrigs; j++)
            main_act |= j != i && c.trigs[j].tok1 <= (uint32_t)r && !c.trigs[j].suppressed;
          if (main_act) t->suppressed = 1;
        }
      }
      /* "..., a rights group charged on Saturday.": a verb of saying that
       * closes the sentence after a comma frames what came before; it is
       * attribution, not an accusation or demand of its own */
      if (!t->suppressed) {
        static const char *const frame[] = {"charge", "allege", "claim", "insist", "warn",
                                            "complain", "accuse", NULL};
        if (td_str_in(lemma_of(v), frame)) {
          uint32_t q = t->tok1;
          while (q < hi && (doc->toks[q].upos == TD_ADP || doc->toks[q].upos == TD_PROPN ||
                            doc->toks[q].upos == TD_NUM || doc->toks[q].upos == TD_ADV ||
                            doc->toks[q].upos == TD_NOUN || doc->toks[q].upos == TD_DET) &&
                 (td_str_in(doc->toks[q].norm, when) || doc->toks[q].upos != TD_NOUN) &&
                 e->tokact[q] < 0)
            q++;
          int last = q >= hi || (doc->toks[q].upos == TD_PUNCT && q + 1 >= hi);
          int comma = 0;
          for (int64_t j = p; j >= (int64_t)lo && j >= p - 10 && !comma; j--) {
            if (doc->toks[j].upos == TD_VERB) break;
            comma = is_word(&doc->toks[j], ",");
          }
          if (last && comma) t->suppressed = 1;
        }
      }
    }
  }

  for (size_t i = 0; i < c.ntrigs; i++) {
    trig *tr = &c.trigs[i];
    if (tr->suppressed || scare_quoted(doc, s, tr)) continue;
    if (!has_parse && any_actor) has_parse = td_parse_sentence(doc->eng, doc, si) && parsed(doc, s);
    group src = {0}, tgt = {0};
    int passive = 0;
    if (tr->must) {
      find_subject(e, tr->tok0, lo, &src);
      find_subject(e, tr->must, tr->tok1, &tgt);
      /* "told Uganda that it must", "a reminder to Uganda that it must": a
       * pronoun for the one who must is the addressee named before */
      uint32_t who = tr->must;
      while (who > tr->tok1 && doc->toks[who - 1].upos == TD_ADV) who--;
      int pron = who > tr->tok1 && doc->toks[who - 1].upos == TD_PRON;
      for (uint32_t k = tr->tok1; pron && !tgt.n && k < tr->must; k++) {
        if (is_word(&doc->toks[k], "that")) break;
        if (e->tokact[k] >= 0) group_right(e, k, tr->must, &tgt);
      }
    }
    group psrc = {0}, ptgt = {0};
    int np_src = 0; /* a nominal event's source named in its own phrase */
    int ppassive = 0;
    int64_t shared = -1; /* a conjoined verb's subject that names no actor */
    if (!tr->must && has_parse) parse_args(e, lo > s->tok0 ? &body : s, tr, &psrc, &ptgt, &ppassive, &shared);
    /* a participle after a comma the parse read as active ("held for
     * three years, accused of al-Qaeda links"): its reading of who is who
     * is not the participle's; the scan's passive is */
    if (!ppassive && comma_participle(doc, tr, lo)) psrc.n = ptgt.n = 0;
    /* "was shot" read as a noun after a copula: the parse's subject is
     * the passive's, the one the act was done to */
    if (tr->mistag_pass) psrc.n = ptgt.n = 0;
    if (!tr->must) {
      passive = is_passive(doc, tr, lo) || ppassive;
      uint32_t ce = clause_end(doc, tr->tok1, hi);
      /* nominal events: a possessor or adjective right before the noun
       * ("Russia's use", "North Korean troop deployment", "DPRK-Russia
       * military ties": the first is the source, the second the target) */
      if (tr->noun) {
        int64_t j = (int64_t)tr->tok0 - 1;
        if (j >= (int64_t)lo && is_poss(&doc->toks[j])) j--;
        if (j >= (int64_t)lo && e->tokact[j] >= 0) {
          group pre = {0};
          pre.last = (uint32_t)j + 1;
          group_left(e, (uint32_t)j, lo, &pre);
          /* "DPRK-Russia": two actors joined by a hyphen */
          uint32_t a0, a1;
          mention_span(e, (uint32_t)j, lo, (uint32_t)j + 1, &a0, &a1);
          if (a0 >= lo + 2 && is_word(&doc->toks[a0 - 1], "-") && e->tokact[a0 - 2] >= 0 &&
              e->tokact[a0 - 2] != e->tokact[j]) {
            uint32_t b0, b1;
            td_span sp = mention_span(e, a0 - 2, lo, a0 - 1, &b0, &b1);
            group_add(&src, e->tokact[a0 - 2], sp);
            group_add(&tgt, pre.actor[pre.n - 1], pre.span[pre.n - 1]);
          } else {
            src = pre;
          }
          /* "Lin's arrest", "demanded Okafor's release", "Varga's
           * expulsion": the possessor of a noun of what is done to a person
           * is the person it was done to; with its own "of" ("Israel's
           * release of prisoners", "Russia's expulsion of diplomats") it
           * is the doer */
          if (src.n && !tgt.n && is_poss(&doc->toks[tr->tok0 - 1]) &&
              td_str_in(lemma_of(&doc->toks[tr->head]), undergone) &&
              !(tr->tok1 < hi && is_word(&doc->toks[tr->tok1], "of"))) {
            tgt = src;
            memset(&src, 0, sizeof src);
          }
        }
        if (!src.n) {
          /* "the deployment of North Korean troops", "attack by X" */
          uint32_t k = tr->tok1;
          while (k < ce && (doc->toks[k].flags & (TD_TOK_QUOTE_OPEN | TD_TOK_QUOTE_CLOSE))) k++;
          if (k < ce && (is_word(&doc->toks[k], "by") || (is_word(&doc->toks[k], "of") && !prep_in(tr, "of")))) {
            k++;
            while (k < ce && (doc->toks[k].upos == TD_DET || doc->toks[k].upos == TD_ADJ ||
                              doc->toks[k].upos == TD_NUM ||
                              (doc->toks[k].flags & (TD_TOK_QUOTE_OPEN | TD_TOK_QUOTE_CLOSE))))
              k++;
            if (k < ce && e->tokact[k] >= 0) group_right(e, k, ce, &src);
          }
        }
        if (!tgt.n) {
          /* the phrase of a nominal event ends where the next act begins
           * ("the talks, Roe held talks with Diaz") */
          uint32_t nce = ce;
          for (size_t q = 0; q < c.ntrigs; q++)
            if (q != i && !c.trigs[q].suppressed && c.trigs[q].tok0 >= tr->tok1 &&
                c.trigs[q].tok0 < nce && !c.trigs[q].noun)
              nce = c.trigs[q].tok0;
          group bsrc = {0};
          int r = find_target(e, tr, tr->tok1, nce, &tgt, &bsrc);
          if (r == 2 && !src.n) src = bsrc;
        }
        /* "condemned the deployment": the act talked about is coded
         * apart only when the phrase names who did it */
        /* a country adjective names the doer for the phrase ("Israeli
         * air raids on Gaza killed"), but the act talked about in another
         * act's object ("opposed French mediation") is not coded apart */
        int adj_src = src.n && tr->tok0 > lo && e->adjtok[tr->tok0 - 1];
        if ((!src.n || adj_src) && tr->under_verb) continue;
        /* "the North's troop deployment" with a possessor the actors
         * layer does not know: the doer is named, just not known, and the
         * clause subject is not it */
        np_src = src.n > 0;
        int owned = 0;
        for (int64_t q = (int64_t)tr->tok0 - 1; q >= (int64_t)lo && q >= (int64_t)tr->tok0 - 3; q--) {
          const td_tok *w = &doc->toks[q];
          if (is_poss(w)) {
            owned = 1;
            break;
          }
          if (w->upos != TD_NOUN && w->upos != TD_ADJ) break;
        }
        /* "rallies by the group": an agent the actors layer does not know */
        if (tr->tok1 < hi && is_word(&doc->toks[tr->tok1], "by")) owned = 1;
        if (owned) np_src = 1; /* nor the subject the parse would climb to */
        /* "broke its promise", "with important warnings", "broaden his
         * appeal": a said act named by a noun (roots 01-05, 10-13) is the
         * clause subject's only when a verb of saying carries it
         * ("expressed deep regret", "issued a warning") */
        int said = tr->code[0] == '0' ? tr->code[1] <= '5' : tr->code[0] == '1' && tr->code[1] <= '3';
        if (said && !src.n && !owned) {
          static const char *const carry[] = {"express", "voice", "issue", "make", "lodge",
                                              "file", "raise", "renew", "reiterate", "reaffirm",
                                              "repeat", "send", "deliver", "extend", "launch",
                                              "level", "register", "air", "hold", "sign", "reach",
                                              "conclude", "strike", "give", "offer", "announce",
                                              "have", "begin", "start", "open", "resume", "host",
                                              "attend", "join", "accept", "welcome", "convey",
                                              "undertake", "conduct",
                                              NULL};
          int carried = 0;
          for (int64_t q = (int64_t)tr->tok0 - 1; q >= (int64_t)lo && q >= (int64_t)tr->tok0 - 5; q--) {
            const td_tok *w = &doc->toks[q];
            if (w->upos == TD_VERB) {
              carried = td_str_in(lemma_of(w), carry);
              break;
            }
            if (w->upos != TD_DET && w->upos != TD_ADJ && w->upos != TD_NUM && w->upos != TD_ADV &&
                !(w->flags & (TD_TOK_QUOTE_OPEN | TD_TOK_QUOTE_CLOSE)) && !is_poss(w) &&
                w->upos != TD_PRON)
              break;
          }
          if (!carried) owned = 1;
        }
        if (!src.n && !owned) find_subject(e, tr->tok0, lo, &src);
      } else {
        group bsrc = {0};
        /* a verb coded without its object (n: "mobilized troops",
         * "discussed the plan") is still aimed at an actor after
         * "against", "on" or "with" ("for a war against X", "with the
         * minister"); a statement (01: "admitted", "considered") is not */
        if (!tr->no_obj || tr->preps[0] || tr->code[0] != '0' || tr->code[1] != '1') {
          int r = find_target(e, tr, tr->tok1, ce, &tgt, &bsrc);
          if (r == 2) src = bsrc;
        }
        /* "demanded (on Friday) that the United States match ...": an
         * appeal, demand, accusation or threat is aimed at the subject of
         * its that-clause */
        int root = code_root(tr->code);
        if (!tgt.n && !passive && (root == 2 || root == 10 || root == 11 || root == 13)) {
          uint32_t k = tr->tok1;
          /* "reiterated its demand that Israel ease": the demand restated
           * after its owner's possessive */
          if (k < hi && (is_word(&doc->toks[k], "its") || is_word(&doc->toks[k], "their") ||
                         is_word(&doc->toks[k], "his") || is_word(&doc->toks[k], "her")))
            k++;
          while (k < hi && k < tr->tok1 + 4 && !is_word(&doc->toks[k], "that") &&
                 (doc->toks[k].upos == TD_PROPN || doc->toks[k].upos == TD_NOUN ||
                  doc->toks[k].upos == TD_ADP || doc->toks[k].upos == TD_ADV) &&
                 e->tokact[k] < 0)
            k++;
          if (k < hi && is_word(&doc->toks[k], "that")) {
            k++;
            while (k < hi && (doc->toks[k].upos == TD_DET || doc->toks[k].upos == TD_ADJ)) k++;
            /* "demanded that President Putin withdraw", "alleges that Mr
             * Blair told": a title the actors layer leaves out of the
             * person's mention */
            uint32_t t0 = k;
            while (k < hi && k < t0 + 3 && e->tokact[k] < 0 && (doc->toks[k].flags & TD_TOK_CAP) &&
                   (doc->toks[k].upos == TD_PROPN || doc->toks[k].upos == TD_NOUN))
              k++;
            /* (not a pronoun: `warned that it could strike` names the
             * speaker again as often as not) */
            if (k < hi && e->tokact[k] >= 0 && !subject_pronoun(e, k, k + 1, hi))
              group_right(e, k, hi, &tgt);
          }
        }
        if (passive) {
          /* the subject is the patient; "by X" the agent */
          group pat = {0};
          /* "X, accused of fraud": the patient of a participle after a
           * comma is the phrase right before it, or no one known ("plans,
           * backed by the UK": not an actor further back) */
          if (comma_participle(doc, tr, lo)) {
            if (tr->tok0 >= lo + 2 && e->tokact[tr->tok0 - 2] >= 0) group_left(e, tr->tok0 - 2, lo, &pat);
          } else {
            find_subject_of(e, tr->tok0, lo, &pat, 1);
          }
          group agent = {0};
          for (uint32_t k = tr->tok1; k < ce; k++)
            if (is_word(&doc->toks[k], "by")) {
              uint32_t m = k + 1;
              /* "by newcomer Chris Rock", "by rights watchdog Reporters
               * Without Borders": a description may stand before the name */
              while (m < ce && m < k + 6 && e->tokact[m] < 0 &&
                     (doc->toks[m].upos == TD_DET || doc->toks[m].upos == TD_ADJ ||
                      doc->toks[m].upos == TD_NOUN))
                m++;
              if (m < ce && e->tokact[m] >= 0) group_right(e, m, ce, &agent);
              break;
            }
          /* an actor after a passive verb is its target only through the
           * entry's preposition ("troops were sent to Chechnya"): "Blu-ray,
           * backed by 100 firms including Sony" */
          if (!tgt.n || tgt.actor[0] == (agent.n ? agent.actor[0] : -2) || !tr->preps[0]) tgt = pat;
          else if (pat.n) tgt = pat;
          src = agent;
        } else if (!src.n) {
          find_subject(e, tr->tok0, lo, &src);
        }
      }
    }
    if (tr->child) {
      const trig *ch = &c.trigs[tr->child - 1];
      refine_code(tr->code, ch->code);
      /* "threatened to cut ties with X": the target is the act's */
      if (!tgt.n && !ptgt.n) {
        uint32_t ce2 = clause_end(doc, ch->tok1, hi);
        find_target(e, ch, ch->tok1, ce2, &tgt, NULL);
      }
    }
    /* the parse wins where it found an argument; the clause scan fills
     * what it missed (the parser is young, the scan is shallow) */
    /* a shallow group that contains the parse's is the fuller reading of
     * a coordination the parser cut short */
    if (psrc.n && src.n > psrc.n && group_within(&psrc, &src)) psrc = src;
    if (ptgt.n && tgt.n > ptgt.n && group_within(&ptgt, &tgt)) ptgt = tgt;
    /* a subordinating conjunction opens the phrase of the actor the scan
     * found right before the verb ("the move came after France and Germany
     * vowed", the parser reading "after France and Germany" as a phrase of
     * "came", or "vowed" as a conjunct sharing "move"): the actor is the
     * subject of the verb's own clause */
    int64_t vb = (int64_t)tr->tok0 - 1;
    while (vb >= (int64_t)lo && (doc->toks[vb].upos == TD_ADV || doc->toks[vb].upos == TD_AUX)) vb--;
    int subconj = 0;
    for (int64_t q = vb; q >= (int64_t)lo && q > vb - 12 && vb >= (int64_t)lo && e->tokact[vb] >= 0; q--) {
      const td_tok *w = &doc->toks[q];
      if (sub_conj(w)) {
        subconj = src.n && src.actor[src.n - 1] == e->tokact[vb];
        break;
      }
      if (e->tokact[q] < 0 && w->upos != TD_DET && w->upos != TD_CCONJ && !is_word(w, ",") &&
          !is_poss(w))
        break;
    }
    /* the parse found a subject that names no actor ("Police
     * investigating the murder dismissed"): an actor the scan found
     * elsewhere is not the subject */
    if (has_parse && !psrc.n && src.n && !tr->noun && !passive && !subconj) {
      int64_t subj = -1;
      for (uint32_t j = lo; j < hi && subj < 0; j++)
        if (doc->toks[j].head == (int32_t)tr->head &&
            dep_is(&doc->toks[j], TD_DEP_NSUBJ))
          subj = j;
      /* a conjoined verb without a subject of its own: the one it shares */
      int from_shared = subj < 0 && shared >= 0;
      if (subj < 0) subj = shared;
      if (subj >= 0 && e->tokact[subj] < 0 && doc->toks[subj].upos != TD_PRON) {
        int inside = 0;
        for (uint32_t j = lo; j < hi && !inside; j++) {
          if (e->tokact[j] != src.actor[0]) continue;
          int64_t k = j;
          for (int steps = 0; steps < 12 && k >= 0 && !inside; steps++) {
            if (k == subj) inside = 1;
            k = doc->toks[k].head;
          }
        }
        /* "Andean Community trade ministers agreed", parsed with the
         * actor outside the subject's phrase: an actor followed by nothing
         * but the subject's modifiers and the subject is inside it */
        if (!inside && src.span[0].end <= doc->toks[subj].start) {
          uint32_t j = (uint32_t)subj;
          while (j > lo && doc->toks[j - 1].start >= src.span[0].end &&
                 (doc->toks[j - 1].upos == TD_ADJ || doc->toks[j - 1].upos == TD_NOUN))
            j--;
          inside = j > lo && doc->toks[j - 1].end == src.span[0].end;
        }
        /* a shared subject says nothing of an actor before it: "X said
         * his comments were wrong and refused", the parse joining refused
         * to wrong */
        if (from_shared && src.span[0].start < doc->toks[subj].start) inside = 1;
        if (!inside) src.n = 0;
      }
      /* the actor the scan found is an argument of the verb this one is
       * conjoined to ("prolongs the suffering of the Ukrainian people and
       * threatens stability"), not the subject they share */
      for (uint32_t j = lo; j < hi && src.n; j++)
        if (doc->toks[j].start == src.span[0].start && in_conjunct_arg(doc, tr->head, j))
          src.n = 0;
    }
    int clash = 0;
    for (int a = 0; a < psrc.n; a++)
      for (int b = 0; b < tgt.n; b++) clash |= psrc.actor[a] == tgt.actor[b];
    for (int a = 0; a < src.n; a++)
      for (int b = 0; b < ptgt.n; b++) clash |= src.actor[a] == ptgt.actor[b];
    if (!clash) {
      /* "the North's troop deployment": the phrase's own possessor, not
       * the subject the parse climbed to */
      if (psrc.n && !np_src) src = psrc;
      if (ptgt.n) tgt = ptgt;
    } else if (!tr->noun && !tr->must && !passive) {
      /* the readings disagree about who is who in a verb's clause: the
       * parse sees its structure, the scan only word order */
      if (psrc.n) src = psrc;
      if (ptgt.n) tgt = ptgt;
    } else if (!src.n && !np_src) {
      src = psrc;
    }
    /* "Straw, who will hold talks in Beijing", "hosting a show in
     * London": a meeting held in a place is not aimed at it, whichever
     * reading found the place (an entry's own preposition excepted); a
     * visit or a journey (042: "will visit an orphanage in Tanzania",
     * "flew to Basra in southern Iraq") is */
    if (code_root(tr->code) == 4 && strncmp(tr->code, "042", 3) != 0 && tgt.n == 1 &&
        !prep_in(tr, "in") && !prep_in(tr, "at")) {
      int64_t p = -1;
      for (uint32_t j = lo; j < hi && p < 0; j++)
        if (doc->toks[j].start == tgt.span[0].start) p = prev_content(doc, j, lo);
      if (p >= (int64_t)tr->tok1 && (is_word(&doc->toks[p], "in") || is_word(&doc->toks[p], "at")))
        tgt.n = 0;
    }
    /* "officials from both nations", "the two countries": the pair's
     * countries act, one event each */
    if (!tgt.n && !passive && tr->code[0] == '1' && tr->code[1] == '4')
      protest_target(e, doc, tr, hi, &src, &tgt);
    {
      int root = code_root(tr->code);
      if (!tgt.n && src.n && !passive && root == 10 && !tr->noun)
        demand_target(e, doc, tr, hi, &src, &tgt);
      if (!tgt.n && src.n && !passive && root >= 11 && !tr->noun)
        adjective_target(e, doc, tr->child ? c.trigs[tr->child - 1].tok1 : tr->tok1, hi,
                         root == 13 && !tr->child, tr, &src, &tgt);
      if (!tgt.n && src.n && !passive && (root >= 13 || !strncmp(tr->code, "081", 3)) && !tr->noun)
        place_target(e, doc, tr, hi, &src, &tgt);
      if (!tgt.n && !passive && (root == 12 || root == 8) && !tr->noun)
        request_target(e, tr, hi, &tgt);
      if (!tgt.n && src.n && !passive && root == 13 && !tr->noun)
        condition_target(e, tr, hi, &src, &tgt);
      /* "three Kenyans were detained in Cairo", "was put under
       * investigation in Italy": an arrest, a detention, a sentence or an
       * investigation (17, 09) told in the passive with no agent is the
       * act of the state where it was done, its government (only states
       * arrest and try) */
      if (!src.n && passive && !tr->noun && (root == 17 || root == 9)) {
        group at = {0};
        place_target(e, doc, tr, hi, &tgt, &at);
        if (at.n) src = at;
      }
      td_span dsp, csp;
      const char *diso = NULL;
      int cops = 0;
      if (!src.n && !tgt.n && passive && !tr->noun && !strncmp(tr->code, "173", 3) &&
          detained_people(e, tr, si, lo, hi, &dsp, &diso, &csp, &cops)) {
        group_add(&tgt, td_group_actor(doc, diso, "CVL", dsp), dsp);
        if (cops) group_add(&src, td_group_actor(doc, diso, "COP", csp), csp);
      }
      td_span psp;
      const char *piso = NULL, *psec = NULL;
      if (!src.n && !passive && root == 14 && !tr->noun &&
          protest_source(e, tr, lo, hi, &psp, &piso, &psec))
        group_add(&src, td_group_actor(doc, piso, psec, psp), psp);
    }
    /* "reduced food supplies to the biggest Cambodian refugee camp in
     * Thailand": the object of the entry's preposition is a thing of the
     * country its adjective names; the actor after "in", "at" or "near"
     * inside that phrase is where the thing is */
    if (tr->preps[0] && !tr->noun && !passive && tgt.n == 1 && tgt.actor[0] >= 0) {
      int64_t at = -1, pp = -1;
      for (uint32_t j = tr->tok1 > lo ? tr->tok1 - 1 : lo; j < hi && j < tr->tok1 + 10; j++) {
        const td_tok *t = &doc->toks[j];
        if (t->start >= tgt.span[0].start) break;
        if (pp < 0 && t->upos == TD_ADP && prep_in(tr, t->norm)) pp = j;
        else if (pp >= 0 && (is_word(t, "in") || is_word(t, "at") || is_word(t, "near"))) at = j;
      }
      group adj = {0};
      if (pp >= 0 && at > pp + 2 && adjective_np(e, doc, (uint32_t)pp + 1, (uint32_t)at, &src, &adj))
        tgt = adj;
    }
    /* "complained to the United Nations over two Israeli air raids",
     * "lodged a protest with the UN about Turkish incursions": an
     * official complaint (114) lodged with an international body is
     * made against whom its "over", "about" or "against" phrase names;
     * the body is where it was lodged */
    if (!strncmp(tr->code, "114", 3) && tgt.n && tgt.actor[0] >= 0 && !passive &&
        doc->actors[tgt.actor[0]].code && !strncmp(doc->actors[tgt.actor[0]].code, "IGO", 3)) {
      uint32_t from = tgt.last > tr->tok1 ? tgt.last : tr->tok1;
      uint32_t ce = clause_end(doc, from, hi);
      for (uint32_t j = from; j < ce && j < from + 6; j++) {
        const td_tok *t = &doc->toks[j];
        if (t->upos == TD_VERB) break;
        if (!is_word(t, "over") && !is_word(t, "about") && !is_word(t, "against")) continue;
        for (uint32_t q = j + 1; q < ce && q < j + 6; q++) {
          if (doc->toks[q].upos == TD_VERB || is_word(&doc->toks[q], ",")) break;
          if (e->tokact[q] < 0) {
            /* "about Ugandan incursions": the adjective of a country */
            group adj = {0};
            if (q == j + 1 && adjective_np(e, doc, q, ce, &src, &adj)) {
              tgt = adj;
              break;
            }
            continue;
          }
          int self = 0;
          for (int a = 0; a < src.n; a++) self |= src.actor[a] == e->tokact[q];
          if (!self) {
            tgt.n = 0;
            group_right(e, q, ce, &tgt);
          }
          break;
        }
        break;
      }
    }
    /* "opposed compulsory mediation": a rejection of mediation (126)
     * with no mediator named is of a policy, the plain code of its verb */
    if (!strcmp(tr->code, "126") && !tgt.n)
      strcpy(tr->code, strcmp(lemma_of(&doc->toks[tr->head]), "oppose") ? "120" : "110");
    expand_pairs(e, &src);
    expand_pairs(e, &tgt);
    /* "the officials condemned", "they agreed", "the two nations vowed"
     * with no actor of their own: the group that acted last before */
    if (!src.n && !tr->noun && e->last_src.n >= 2) {
      for (int64_t j = (int64_t)tr->tok0 - 1; j >= (int64_t)lo && j >= (int64_t)tr->tok0 - 4; j--) {
        const td_tok *w = &doc->toks[j];
        static const char *const plural[] = {"official", "nation", "country", "side", "minister",
                                             "leader", "government", "ally", "advisor",
                                             "adviser", "they", NULL};
        if (td_str_in(lemma_of(w), plural) || td_str_in(w->norm, plural)) {
          /* a number before the noun (`the three sides`, `both
           * countries`) asks for a group of that many: the latest one */
          static const char *const counts[] = {"both", "two", "three", "four", "five", NULL};
          int want = 0;
          for (int64_t b = j - 1; b >= (int64_t)lo && b >= j - 2 && !want; b--)
            for (int ci = 0; counts[ci] && !want; ci++)
              if (strcmp(doc->toks[b].norm, counts[ci]) == 0) want = ci ? ci + 1 : 2;
          src = e->last_src;
          for (int h = 0; want && src.n != want && h < 3; h++)
            if (e->prev_src[h].n == want) src = e->prev_src[h];
          break;
        }
        if (w->upos != TD_AUX && w->upos != TD_ADV && w->upos != TD_NUM && w->upos != TD_ADJ)
          break;
      }
    }
    if (src.n >= 2 && !tr->noun) {
      if (e->last_src.n >= 2 && (e->last_src.first != src.first || e->last_src.last != src.last)) {
        memmove(&e->prev_src[1], &e->prev_src[0], 2 * sizeof e->prev_src[0]);
        e->prev_src[0] = e->last_src;
      }
      e->last_src = src, e->last_sent = si;
    }
    /* a nominal event with neither a source nor a target is a word, not
     * an event ("demand for travel", "on concerns about growth"); a verb
     * with no known actor still says that someone acted */
    /* "the Lisbon summit", "the Geneva talks": a city named before a
     * nominal event is where it happened (the place field), not who
     * acted; "Portugal's summit" and "the Portuguese summit" keep theirs */
    if (tr->noun && src.n) {
      int keep = 0;
      for (int a = 0; a < src.n; a++) {
        int city = 0;
        td_span sp = src.span[a];
        uint32_t k = tr->tok0;
        while (k > lo && doc->toks[k - 1].start >= sp.end &&
               (doc->toks[k - 1].upos == TD_ADJ || doc->toks[k - 1].upos == TD_NOUN))
          k--;
        int before = k > lo && doc->toks[k - 1].end == sp.end && !is_poss(&doc->toks[k - 1]);
        for (size_t p = 0; p < doc->nplaces && before && !city; p++) {
          const td_place *pl = &doc->places[p];
          if (!pl->feature || strncmp(pl->feature, "PPL", 3) != 0) continue;
          for (size_t m = 0; m < pl->nmentions && !city; m++)
            city = pl->mentions[m].start == sp.start && pl->mentions[m].end == sp.end;
        }
        if (!city) src.actor[keep] = src.actor[a], src.span[keep] = src.span[a], keep++;
      }
      src.n = keep;
    }
    if (!src.n && !tgt.n && tr->noun) continue;
    /* "he would be released", "believes he will be blamed", "whether he is
     * to be offered a deal": a passive with no agent in a clause below the
     * sentence's main verb tells what may or did happen to someone, with
     * nobody named as doing it; a main-clause passive ("Tyndall was
     * arrested") is a report of the act */
    if (passive && !src.n && !tr->noun && has_parse) {
      const td_tok *top = &doc->toks[conj_first(doc, tr->head)];
      /* (a clause before its verb of saying, "... were demobilized, two
       * commanders told AFP", is the report itself) */
      /* (a reported clause only when told as possible or to come:
       * "said he should be released"; "the rebels said 29 soldiers were
       * killed" reports the killing) */
      int modal = 0;
      for (int64_t q = (int64_t)tr->head - 1; q >= (int64_t)lo && q >= (int64_t)tr->head - 4; q--)
        modal |= is_xpos(&doc->toks[q], TD_XPOS_MD);
      if ((dep_is(top, TD_DEP_XCOMP) || dep_is(top, TD_DEP_ADVCL) ||
           (dep_is(top, TD_DEP_CCOMP) && modal)) &&
          top->head >= 0 && top->head < (int32_t)tr->head)
        continue;
    }
    /* "people accused of terrorist offences", "men charged with fraud":
     * a verb that needs an object, right before "of" or "with", is a
     * passive participle on the noun before it; on a description the
     * actors layer does not know it says what such people are */
    /* ("those charged included ...": after "those" whatever follows) */
    if (!tr->noun && tr->tok1 < hi && tr->tok0 > lo) {
      static const char *const needs_obj[] = {"accuse", "charge", "suspect", "convict", NULL};
      const td_tok *b = &doc->toks[tr->tok0 - 1];
      int ofwith = is_word(&doc->toks[tr->tok1], "of") || is_word(&doc->toks[tr->tok1], "with");
      if (td_str_in(lemma_of(&doc->toks[tr->head]), needs_obj) &&
          ((ofwith && b->upos == TD_NOUN && e->tokact[tr->tok0 - 1] < 0) || is_word(b, "those")))
        continue;
    }
    /* "a speech on aid and debt", "policies on crime and asylum", "a
     * report about the invasion": a nominal event named as the topic of
     * another noun is what is talked about, not an act */
    if (tr->noun) {
      int topic = 0;
      for (int64_t q = (int64_t)tr->tok0 - 1; q > (int64_t)lo && q >= (int64_t)tr->tok0 - 10; q--) {
        const td_tok *w = &doc->toks[q];
        if (is_word(w, "on") || is_word(w, "about") || is_word(w, "like") ||
            is_word(w, "regarding") || is_word(w, "for")) {
          /* "for" only after a noun of planning: "a plan for asylum" (a
           * "call for talks" is an appeal's content, coded with it) */
          static const char *const plans[] = {"plan", "policy", "policies", "strategy",
                                              "proposal", "system", "rule", "law", "bill",
                                              "target", "budget", "spending", "funding",
                                              "figure", "department", "minister",
                                              "secretary", "spokesman", "responsibility", NULL};
          topic = doc->toks[q - 1].upos == TD_NOUN && e->tokact[q - 1] < 0 &&
                  (!is_word(w, "for") || td_str_in(lemma_of(&doc->toks[q - 1]), plans) ||
                   td_str_in(doc->toks[q - 1].norm, plans));
          break;
        }
        if (w->upos != TD_DET && w->upos != TD_ADJ && w->upos != TD_NOUN &&
            w->upos != TD_CCONJ && !is_word(w, ","))
          break;
      }
      if (topic) continue;
    }
    /* the parse may join such a subject to the object ("rejected the
     * plan and Peru's parties have opposed it", "parties" a conjunct of
     * "plan"): it is dropped from the targets, whichever reading found it */
    if (tgt.n) {
      int keep = 0;
      for (int b = 0; b < tgt.n; b++) {
        uint32_t j = tr->tok1, a0, a1;
        while (j < hi && doc->toks[j].start != tgt.span[b].start) j++;
        int own = j < hi && e->tokact[j] >= 0 &&
                  (mention_span(e, j, tr->tok1, hi, &a0, &a1), opens_clause(e, a0, a1, tr->tok1, hi));
        if (!own) tgt.actor[keep] = tgt.actor[b], tgt.span[keep] = tgt.span[b], keep++;
      }
      tgt.n = keep;
    }
    /* a target coded the same as a source is the same actor named twice
     * ("Jordan ..., a Jordanian official"): an act is not aimed at its
     * own doer, so the target is dropped (a domestic target has a code of
     * its own: a party, the military, rebels). A person is never the
     * state itself: a leader the actors layer knows by country alone
     * ("President Laurent Gbagbo ... will extend the curfew in Abidjan")
     * acting on a place of his country ("in", "into", "across" before
     * it; not "the Bank of Israel job") keeps it as the target */
    if (src.n && tgt.n) {
      int keep = 0;
      for (int b = 0; b < tgt.n; b++) {
        const td_actor *ta = &doc->actors[tgt.actor[b]];
        const char *tc = ta->code;
        int state = 0;
        if (ta->kind && !strcmp(ta->kind, "country")) {
          uint32_t j = tr->tok1;
          while (j < hi && doc->toks[j].start < tgt.span[b].start) j++;
          int64_t p = j < hi ? prev_content(doc, j, tr->tok1) : -1;
          state = p >= (int64_t)tr->tok1 && (is_word(&doc->toks[p], "in") || is_word(&doc->toks[p], "into") ||
                             is_word(&doc->toks[p], "inside") || is_word(&doc->toks[p], "across"));
        }
        int same = 0;
        for (int a = 0; a < src.n && !same; a++) {
          const td_actor *sa = &doc->actors[src.actor[a]];
          const char *sc = sa->code;
          same = src.actor[a] != tgt.actor[b] && sc && tc && *sc && strcmp(sc, tc) == 0 &&
                 !(state && sa->kind && !strcmp(sa->kind, "person"));
        }
        if (!same) tgt.actor[keep] = tgt.actor[b], tgt.span[keep] = tgt.span[b], keep++;
      }
      tgt.n = keep;
    }
    /* "help protect public health", "give value for money": an entry
     * marked x is an act only towards an actor */
    /* "admitted he had gone to bed", "children were denied": a plain
     * statement entry marked s is coded only when a known actor makes it */
    if (tr->need_src && !src.n) continue;
    if (tr->need_any && !src.n && !tgt.n) continue;
    /* "speaking to the BBC's Newsnight": talking to the media is an
     * interview, not a consultation */
    if (tr->code[0] == '0' && tr->code[1] == '4' && tgt.n) {
      int media = 1;
      for (int b = 0; b < tgt.n && media; b++) {
        const char *sec = doc->actors[tgt.actor[b]].sector;
        media = sec && strcmp(sec, "MED") == 0;
      }
      if (media) continue;
    }
    /* "Acme will release its new console", "the release of a Vexo
     * browser": a firm or a broadcaster releases products; CAMEO's
     * release (0841) is of persons held, and no firm holds them */
    if (strcmp(tr->code, "0841") == 0 && (trade_org(doc, &src) || trade_org(doc, &tgt))) continue;
    /* "the set, released on Tuesday", "Universal, which released
     * nominee Ray", "due for release in May": CAMEO's release is of
     * people held; with no person, group or state as its target and no
     * word for people around it ("prisoners", "hostages", "him") the
     * thing released is a product */
    if (!strcmp(tr->code, "0841") && !released_people(e, tr, lo, hi, &tgt)) continue;
    /* "many firms are offering web storage", "Verizon's offer", "HDTV
     * offers up to 1,080 lines", "Rovers have offered 500,000 for the
     * Wales star": an offer of goods, services or money made to no actor
     * and by no public actor is a sale or a bid, not an intent to
     * cooperate (030); "Chavez has offered China access", "a Russian
     * official offered concessions" stay */
    if (!strcmp(tr->code, "030") && !strcmp(lemma_of(&doc->toks[tr->head]), "offer") && !tgt.n &&
        !public_group(doc, &src))
      continue;
    /* "the Mac mini will appeal to PC users", "appealed to the same
     * voting instincts": to appeal to someone with no actor named and
     * nothing asked of them (no to-infinitive: "appealed to fans to calm
     * down") is to attract, not an appeal (020) */
    if (!tr->noun && !tgt.n && !strcmp(lemma_of(&doc->toks[tr->head]), "appeal") &&
        is_word(&doc->toks[tr->tok1 - 1], "to")) {
      int inf = 0;
      for (uint32_t k = tr->tok1; k + 1 < hi && k < tr->tok1 + 10 && !inf; k++)
        inf = is_word(&doc->toks[k], "to") &&
              (doc->toks[k + 1].upos == TD_VERB || doc->toks[k + 1].upos == TD_AUX);
      if (!inf) continue;
    }
    /* "Bath have signed their former scrum-half", "Wenger has signed a
     * new contract", "Shell's agreement", "Turkcell signed a contract":
     * an agreement (057) in which no public actor takes part is a
     * contract of trade, sport or show business, not a formal agreement
     * of CAMEO's; "Kirchner and Chavez signed the deal", "agreements with
     * Iran" stay */
    if (!strcmp(tr->code, "057") && !public_group(doc, &src) && !public_group(doc, &tgt)) continue;
    /* "Hill also worked with Carpenter", "the companies will work with
     * clinical investigators", "a librarian working with Google": CAMEO's
     * cooperation (06) is among states and political bodies; with no
     * public actor on either side it is a collaboration of trade, film or
     * music; "the EPA is working with several companies", "states had to
     * work with the US" stay */
    if (code_root(tr->code) == 6 && !public_group(doc, &src) && !public_group(doc, &tgt)) continue;
    /* "Deutsche Boerse held talks with the LSE", "Fiat will meet GM",
     * "the event will play host to Sony and Philips": a consultation
     * (04) among firms and broadcasters, with no public actor, is
     * business, not diplomacy; so is any other verbal or cooperative
     * act (01-13) of theirs: "SBC agreed to buy AT&T", "the LSE
     * rejected Deutsche Boerse's offer", "Boeing was sued by Lockheed",
     * "BMW would be seeking compensation from Bosch" */
    if (code_root(tr->code) >= 1 && code_root(tr->code) <= 13 && !public_group(doc, &src) &&
        !public_group(doc, &tgt)) {
      static const char *const trade[] = {"BUS", "MED", NULL};
      if (group_any(doc, &src, NULL, trade) || group_any(doc, &tgt, NULL, trade)) continue;
    }
    /* a story of sport ("Ireland meet Wales on Saturday", "Zambia will
     * host Lesotho", "Mourinho wants to sign Cole", "the FA charged
     * him"): its meetings, visits, praise and bans are play and the
     * business of clubs; only an act in which a public body takes part
     * is coded ("charged by the Greek authorities"), and coercion
     * among words of force ("police arrested 20 fans") */
    if (e->sport_topic && !state_body(doc, &src) && !state_body(doc, &tgt) &&
        !(code_root(tr->code) == 17 && force_words(doc, lo, hi, tr->tok0, tr->tok1)))
      continue;
    if (tr->need_tgt && !tgt.n) {
      /* "gave the Ivory Coast 5.1 million dollars": the first object of a
       * verb of giving is its recipient */
      uint32_t k = tr->tok1;
      while (k < hi && (doc->toks[k].upos == TD_DET || doc->toks[k].upos == TD_ADJ)) k++;
      if (k < hi && e->tokact[k] >= 0) group_right(e, k, hi, &tgt);
      if (!tgt.n) continue;
    }
    /* "the deal gives Gazprom control of 8%", "strong sales helped
     * Renault boost its profits", "profits were helped by the Olympics":
     * aid (07) is given by someone, and where no actor gives it the
     * subject is a thing that favours the target, not an act of aid */
    if (code_root(tr->code) == 7 && !src.n) continue;
    if (!tr->noun && !passive && market_subject(doc, tr, lo)) continue;
    int mod, neg;
    modality(doc, &c, tr, lo, &mod, &neg);
    /* an act with no known actor is kept only when it is told as done in
     * a finite active clause ("they pledged to ...", "sweeps apprehended
     * 31,000 pupils"); an actorless possibility, plan, passive or
     * infinitive ("targets would be met", "for fear of being sued", "opt
     * to be deported") says nothing an analyst would code */
    /* (a strike told of workers the actors layer does not know has them
     * as its source, below: "workers would go on strike") */
    /* "Gunmen attacked a police station", "unknown attackers bombed a
     * mosque": unnamed armed men are the source, a group of their sector
     * (REB, UAF), of an act of force (roots 17-20) or of any act in a
     * sentence with a word of force besides their own ("Rebels agreed to
     * a ceasefire" in a war story; not "rebels voted against the bill"),
     * told as done or to come ("warned that rebels could attack the
     * capital" is a prediction, as an actorless possibility is); the
     * place of such an act is then its target as for any known doer
     * ("Gunmen attacked a police station in Nairobi") */
    if (!src.n && !tr->noun && !passive && mod != 'h') {
      td_span asp;
      const char *aiso = NULL, *asec = NULL;
      if (group_subject(e, tr, lo, 1, &asp, &aiso, &asec)) {
        uint32_t a0 = tr->tok0;
        while (a0 > lo && doc->toks[a0 - 1].start >= asp.start) a0--;
        /* police (COP) act for the state where they act: the country a
         * place of the clause, else the story's dateline, names; they
         * are coded as the source of coercion and force only (17-20:
         * "police fired tear gas", "security forces arrested"), not of
         * whatever they said or agreed */
        int cop = !strcmp(asec, "COP");
        if (cop && !aiso) aiso = scene_country(e, tr, hi);
        if (cop ? code_root(tr->code) >= 17
                : code_root(tr->code) >= 17 || force_words(doc, lo, a0, tr->tok0, tr->tok1) ||
                      force_words(doc, tr->tok0, hi, tr->tok0, tr->tok1)) {
          group_add(&src, td_group_actor(doc, aiso, asec, asp), asp);
          if (!tgt.n && code_root(tr->code) >= 13) place_target(e, doc, tr, hi, &src, &tgt);
        }
      }
    }
    /* "Security forces arrested 40 people": the people arrested; "fired
     * tear gas at protesters", "used water cannon to disperse hundreds
     * of students": the people repressed (175), after "at" or
     * "disperse" in the clause */
    if (src.n && !tgt.n && !passive && !tr->noun &&
        (!strncmp(tr->code, "173", 3) || !strncmp(tr->code, "175", 3))) {
      td_span osp;
      const char *oiso = NULL;
      const td_actor *sa = src.actor[0] >= 0 ? &doc->actors[src.actor[0]] : NULL;
      uint32_t at = tr->tok1;
      if (tr->code[2] == '5') {
        at = hi;
        for (uint32_t q = tr->tok1; q + 1 < hi && q < tr->tok1 + 6 && at == hi; q++) {
          if (doc->toks[q].upos == TD_PUNCT) break;
          if (is_word(&doc->toks[q], "at") || !strcmp(lemma_of(&doc->toks[q]), "disperse"))
            at = q + 1;
        }
      }
      if (at < hi && people_object(e, tr, at, hi, sa ? sa->country : NULL, &osp, &oiso))
        group_add(&tgt, td_group_actor(doc, oiso, "CVL", osp), osp);
    }
    td_span lsp;
    const char *liso = NULL;
    int labour = !src.n && !tr->noun && !passive &&
                 (!strcmp(tr->code, "143") || !strcmp(lemma_of(&doc->toks[tr->head]), "strike")) &&
                 labour_subject(e, tr, lo, &lsp, &liso);
    if (!src.n && !tgt.n && !labour) {
      const td_tok *v = &doc->toks[tr->head];
      /* the tagger confuses VBD and VBN: a bare participle counts as finite */
      int finite = is_xpos(v, TD_XPOS_VBD) || is_xpos(v, TD_XPOS_VBZ) ||
                   is_xpos(v, TD_XPOS_VBP) || is_xpos(v, TD_XPOS_VBN) || tr->adj_verb;
      for (int64_t q = (int64_t)tr->tok0 - 1; !finite && q >= (int64_t)lo && q >= (int64_t)tr->tok0 - 3; q--) {
        const td_tok *w = &doc->toks[q];
        if (w->upos == TD_AUX && !is_word(w, "be") && !is_word(w, "being") && !is_word(w, "been"))
          finite = 1;
        else if (w->upos != TD_ADV && w->upos != TD_AUX && w->upos != TD_PART)
          break;
      }
      /* "it will return the weapons": a pronoun subject the actors layer
       * did not resolve still announces an intent */
      int pron = 0;
      for (int64_t q = (int64_t)tr->tok0 - 1; q >= (int64_t)lo && q >= (int64_t)tr->tok0 - 4; q--) {
        const td_tok *w = &doc->toks[q];
        if (w->upos == TD_PRON) pron = 1;
        if (w->upos != TD_ADV && w->upos != TD_AUX && w->upos != TD_PART) break;
      }
      if (mod == 'h' || (mod == 'f' && !pron) || is_passive(doc, tr, lo) || !finite) continue;
      /* "parents who refuse to ...", "pupils who sexually abuse others":
       * a relative clause on a description the actors layer does not
       * know says what such people do, not what someone did */
      for (int64_t q = (int64_t)tr->tok0 - 1; q >= (int64_t)lo && q >= (int64_t)tr->tok0 - 4; q--) {
        const td_tok *w = &doc->toks[q];
        if (is_word(w, "who") || is_word(w, "that") || is_word(w, "which")) {
          if (q > (int64_t)lo && (doc->toks[q - 1].upos == TD_NOUN || doc->toks[q - 1].upos == TD_PRON ||
                                  is_word(&doc->toks[q - 1], ",")))
            pron = -1;
          break;
        }
        if (w->upos != TD_ADV && w->upos != TD_AUX && w->upos != TD_PART) break;
      }
      if (pron < 0) continue;
    }
    /* "a heart attack", "a panic attack": an illness, no act */
    if (code_root(tr->code) >= 18 && tr->tok0 > lo &&
        (is_word(&doc->toks[tr->tok0 - 1], "heart") || is_word(&doc->toks[tr->tok0 - 1], "panic")))
      continue;
    /* "union members voted to strike", "a strike by 400,000 public
     * sector workers": a strike among words of work is a labour strike
     * (143), not an armed attack; the noun alone is one only there ("a
     * pre-emptive strike", "the strikes on Falluja" are force) */
    /* (a subject of workers is a word of work too: "nurses voted to walk
     * out", "drivers struck") */
    td_span wsp;
    const char *wiso;
    if (tr->tok1 == tr->tok0 + 1 && !strcmp(lemma_of(&doc->toks[tr->head]), "strike")) {
      int work = labour_words(doc, lo, hi) || (!tr->noun && labour_subject(e, tr, lo, &wsp, &wiso));
      if (work && !strcmp(tr->code, "190")) strcpy(tr->code, "143");
      else if (!work && !strcmp(tr->code, "143")) continue;
    }
    /* "tube workers walked out demanding a pay rise", "nurses voted to
     * walk out" are strikes; "walked out of the show", "walk out in the
     * cold", "drivers walked out of the meeting" are not */
    if (!strcmp(tr->code, "143") && !strcmp(lemma_of(&doc->toks[tr->head]), "walk") &&
        !labour_words(doc, lo, hi) &&
        !((tr->tok1 >= hi || !is_word(&doc->toks[tr->tok1], "of")) &&
          labour_subject(e, tr, lo, &wsp, &wiso)))
      continue;
    /* "Mr Cable attacked Labour's taxes", "the Tory co-chairman attacked
     * Labour's pledges", "launched an attack on Conservative spending
     * plans": an attack by politicians, officials, parties, firms or the
     * press, with no sign of force in the sentence, is criticism (111) */
    if (src.n && code_root(tr->code) >= 18 && !strcmp(lemma_of(&doc->toks[tr->head]), "attack")) {
      static const char *const civil[] = {"GOV", "PTY", "LEG", "ELI", "OPP", "JUD", "MED",
                                          "NGO", "EDU", "BUS", "LAB", "HLH", "REL", NULL};
      int all_civil = 1;
      for (int a = 0; a < src.n && all_civil; a++)
        all_civil = src.actor[a] >= 0 && doc->actors[src.actor[a]].sector &&
                    td_str_in(doc->actors[src.actor[a]].sector, civil);
      if (all_civil && !force_words(doc, lo, hi, tr->tok0, tr->tok1)) strcpy(tr->code, "111");
    }
    /* "battled falling sales", "the fight against corruption", "Tragedy
     * struck the production", "will battle it out for the award", "Yukos
     * has been battling the authorities": CAMEO's 190 is the use of
     * conventional military force, and a fight with no word of force in
     * its sentence and no armed body or state among its actors is a
     * contest, a campaign or a misfortune. An attack of that kind is
     * verbal ("the singer attacked the tabloids": 111); the rest is not
     * coded */
    if (!strcmp(tr->code, "190") && !force_words(doc, lo, hi, tr->tok0, tr->tok1) && !armed_group(doc, &src) &&
        !armed_group(doc, &tgt)) {
      if (strcmp(lemma_of(&doc->toks[tr->head]), "attack")) continue;
      strcpy(tr->code, "111");
    }
    /* "MPs bombarded the minister with requests", "it bombards users
     * with pop-up adverts": a barrage of words or things, no shelling
     * (194), where no word of force or armed body is around */
    if (!strcmp(tr->code, "194") && !strcmp(lemma_of(&doc->toks[tr->head]), "bombard") &&
        !force_words(doc, lo, hi, tr->tok0, tr->tok1) && !armed_group(doc, &src) &&
        !armed_group(doc, &tgt))
      continue;
    /* "the IPCL board met in Mumbai", "the council was meeting in
     * Ramallah", "Israel's cabinet met on Sunday": a symmetric verb
     * (meet, negotiate) without an object, said of one body (a singular
     * subject) with no one met, is that body's own sitting, not a
     * consultation. An object ("met three Russian deputy ministers", "met
     * with"), a phrase that holds its object ("hold talks", "agreed a
     * ceasefire") or a plural subject ("commanders met in Chechnya")
     * keeps the act. */
    if (tr->sym && !tr->noun && src.n <= 1 && !tgt.n &&
        doc->toks[tr->tok1 - 1].upos != TD_NOUN) {
      uint32_t q = tr->tok1;
      while (q < hi && doc->toks[q].upos == TD_ADV) q++;
      const td_tok *w = q < hi ? &doc->toks[q] : NULL;
      int obj = w && (w->upos == TD_DET || w->upos == TD_NOUN || w->upos == TD_PROPN ||
                      w->upos == TD_PRON || w->upos == TD_NUM || w->upos == TD_ADJ ||
                      is_word(w, "with"));
      /* "met on Sunday", "meet next week": a time is no one met */
      if (obj && e->tokact[q] < 0 && in_time(doc, w->start, w->end)) obj = 0;
      int64_t b = (int64_t)tr->tok0 - 1;
      while (b >= (int64_t)lo && (doc->toks[b].upos == TD_AUX || doc->toks[b].upos == TD_ADV ||
                                  doc->toks[b].upos == TD_PART))
        b--;
      const td_tok *sb = b >= (int64_t)lo ? &doc->toks[b] : NULL;
      int one = sb && (((sb->upos == TD_NOUN || sb->upos == TD_PROPN) &&
                        !is_xpos(sb, TD_XPOS_NNS) && !is_xpos(sb, TD_XPOS_NNPS)) ||
                       is_word(sb, "it") || is_word(sb, "he") || is_word(sb, "she"));
      /* "X and his counterpart Y met": a coordinated subject is two;
       * "whom he met": the one met stands before */
      for (int64_t j = b - 1; one && j >= (int64_t)lo && j >= b - 8; j--) {
        const td_tok *w2 = &doc->toks[j];
        if (is_word(w2, "and") || is_word(w2, "whom") || is_word(w2, "who") ||
            is_word(w2, "that") || is_word(w2, "which"))
          one = 0;
        if (w2->upos == TD_VERB || (w2->upos == TD_PUNCT && !is_word(w2, ","))) break;
      }
      if (!obj && one) continue;
    }
    /* "the case threatens the basic freedoms", "the Act bans smoking",
     * "the practice breached his rights": a rule, document or course of
     * action as the subject of an active verb of conflict (roots 10-20),
     * with no actor the act is the doing of, is no hostile act of anyone
     * ("the report urged the CSA to", said or asked for its authors,
     * stays) */
    if (!src.n && !tr->noun && !passive && code_root(tr->code) >= 10 &&
        abstract_subject(e, s, tr, lo, hi))
      continue;
    /* "Tube workers walked out": the workers struck, as a group of
     * labour (LAB) the layer makes an actor of */
    if (labour && !src.n && !strcmp(tr->code, "143"))
      group_add(&src, td_group_actor(doc, liso, "LAB", lsp), lsp);
    int attr = attribution(e, s, tr);
    double conf = 0.5 + (src.n ? 0.2 : 0) + (tgt.n ? 0.1 : 0) - (tr->noun ? 0.1 : 0) +
                  (parse_ok ? 0.1 : 0) - (!src.n && !tgt.n ? 0.3 : 0);
    int men = (int)doc->nevents ? doc->events[doc->nevents - 1].mention + 1 : 0;
    if (src.n && !tgt.n && tr->sym && src.n >= 2) {
      for (int a = 0; a < src.n; a++)
        for (int b = a + 1; b < src.n; b++) {
          emit(doc, tr, men, src.actor[a], src.span[a], src.actor[b], src.span[b], mod, neg,
               attr, si, conf);
        }
    } else {
      int ns = src.n ? src.n : 1, nt = tgt.n ? tgt.n : 1;
      for (int a = 0; a < ns; a++)
        for (int b = 0; b < nt; b++) {
          int sa = src.n ? src.actor[a] : -1, ta = tgt.n ? tgt.actor[b] : -1;
          if (sa >= 0 && sa == ta) continue; /* an actor is not its own target */
          emit(doc, tr, men, sa, src.n ? src.span[a] : (td_span){0, 0}, ta,
               tgt.n ? tgt.span[b] : (td_span){0, 0}, mod, neg, attr,
               si, conf);
        }
    }
    /* "North Korea asserted that ... the arms buildup by the U.S.": a
     * claim that another actor committed a hostile act is an accusation
     * (112) by the claimant */
    int root = code_root(tr->code);
    if (tr->noun && root >= 13 && root != 14 && src.n && attr >= 0) {
      int claim = 0;
      static const char *const claims[] = {"assert", "claim", "allege", "charge", "insist",
                                            "accuse", "blame", NULL};
      for (uint32_t k = lo; k < tr->tok0 && !claim; k++)
        claim = doc->toks[k].upos == TD_VERB && td_str_in(lemma_of(&doc->toks[k]), claims);
      int self = 0;
      for (int a = 0; a < src.n; a++) self |= src.actor[a] == attr;
      if (claim && !self) {
        trig acc = *tr;
        strcpy(acc.code, "112");
        int m2 = doc->events[doc->nevents - 1].mention + 1;
        td_span none = {0, 0};
        for (int a = 0; a < src.n; a++)
          emit(doc, &acc, m2, attr, none, src.actor[a], src.span[a], 0, neg, attr, si, 0.5);
      }
    }
  }
}

/* Whether [start, end) lies inside one of the document's times (sorted by
 * start: a binary search, as a scan for each trigger made a document of
 * thousands of "X met Monday." quadratic). */
static int in_time(const td_doc *doc, uint32_t start, uint32_t end) {
  size_t lo = 0, hi = doc->ntimes;
  while (lo < hi) { /* the first time starting after start */
    size_t mid = (lo + hi) / 2;
    if (doc->times[mid].span.start <= start) lo = mid + 1;
    else hi = mid;
  }
  for (size_t k = lo; k-- > 0 && k + 4 > lo;) /* (a few back: times may nest) */
    if (doc->times[k].span.start <= start && end <= doc->times[k].span.end) return 1;
  return 0;
}

/* ---- game reports ---- */

/* Whether t is a number of one to three digits (a game's score). */
static int small_number(const td_doc *doc, const td_tok *t) {
  uint32_t n = t->end - t->start;
  if (n < 1 || n > 3) return 0;
  for (uint32_t i = t->start; i < t->end; i++)
    if (!isdigit((unsigned char)doc->text[i])) return 0;
  return 1;
}

/* Words of sport that, with a score, make a sentence a game report. */
static const char *const game_words[] = {
    "halftime", "innings", "inning", "goal", "league", "cup", "tournament", "semi-final",
    "semifinal", "quarter-final", "quarterfinal", "match", "seed", "title", "championship",
    "champion", "final", "game", "homer", "penalty", "wicket", "win", "victory", "defeat", "beat",
    "draw", "scorer", "tie-break", NULL};

/* Whether sentence s reports a game: a score ("beat Panama 3-1", "6-3
 * 6-2": two numbers of up to three digits joined by a hyphen, nothing
 * between them, not before "%"/"percent") and a word of sport (win,
 * match, cup, innings ...). What its verbs say is play ("allowed two
 * runs", "struck out eight", "rallied to a 53-37 win"), not a political
 * act. A court's "2-1 decision" has no word of sport. */
static int game_sentence(const td_doc *doc, const td_sent *s) {
  int score = 0;
  uint32_t hi = s->tok0 + s->ntok;
  for (uint32_t k = s->tok0; k + 2 < hi && !score; k++) {
    const td_tok *t = &doc->toks[k], *h = t + 1, *r = t + 2;
    score = is_word(h, "-") && t->end == h->start && h->end == r->start &&
            small_number(doc, t) && small_number(doc, r) &&
            !(k + 3 < hi && (is_word(r + 1, "%") || is_word(r + 1, "percent")));
  }
  if (!score) return 0; /* most sentences: the words are not read */
  /* a vote's tally (`the Senate voted 51-49 to defeat`, `a 7-2 ruling`)
   * is no game; words only sport uses (innings, wicket, league) make the
   * sentence count toward a sports story (2), the others (win, final,
   * defeat) only the sentence itself (1) */
  static const char *const votes[] = {"vote", "voted", "votes", "ruling", "decision", "majority",
                                      "ballot", "senate", "court", "justices", "jury", "passed",
                                      "approved", "rejected", "lawmakers", NULL};
  static const char *const sport_only[] = {
      "halftime", "innings", "inning", "goal", "league", "cup", "tournament", "semi-final",
      "semifinal", "quarter-final", "quarterfinal", "seed", "championship", "homer", "penalty",
      "wicket", "scorer", "tie-break", "match", "draw", "qualifier", "qualifying", "fixture",
      NULL};
  int kind = 0;
  for (uint32_t k = s->tok0; k < hi; k++) {
    const td_tok *t = &doc->toks[k];
    const char *l = lemma_of(t);
    if (td_str_in(l, votes) || (t->norm && td_str_in(t->norm, votes))) return 0;
    if (td_str_in(l, sport_only) || (t->norm && td_str_in(t->norm, sport_only))) kind = 2;
    else if (!kind && (td_str_in(l, game_words) || (t->norm && td_str_in(t->norm, game_words)))) kind = 1;
  }
  return kind;
}

/* The first token of doc (ntoks > 0) that ends after byte off, or ntoks:
 * a binary search without branches (perf, issue 11: one for every actor
 * mention, and the direction of each step is a coin toss). */
static size_t first_ending_after(const td_doc *doc, uint32_t off) {
  size_t base = 0, n = doc->ntoks;
  while (n > 1) {
    size_t half = n / 2;
    base = doc->toks[base + half - 1].end <= off ? base + half : base;
    n -= half;
  }
  return base + (doc->toks[base].end <= off);
}

static int country_adj_cb(void *ctx, const td_match *m) {
  if (strcmp(m->cls, "country.adj") != 0 || strlen(m->payload) != 3) return 0;
  *(const char **)ctx = m->payload;
  return 1;
}

/* A country adjective right before a nominal event names the country as
 * its actor ("Israeli air raids", "Iraqi shelling", "French mediation"):
 * the actors layer makes no actor of an adjective, so the country's actor
 * (made when the document has none) takes the adjective as a mention and
 * the tokens as its own; the nominal event's source is then read as a
 * possessor's. Not a capitalized word of a name ("the Iraqi National
 * Congress" is an actor already), not after a hyphen ("anti-Israeli
 * protests") or a possessor ("Iran's Iraqi allies", "his British
 * trip"), not before a noun of what is done to a person or a people
 * ("Palestinian detentions", "the Armenian genocide": the one it was done
 * to) or of a journey ("a British trip": where to), nor one modifying
 * another noun ("Japanese aid agencies"). */
static void country_adjectives(ev_doc *e, td_doc *doc, const sctx *c, const td_sent *s) {
  static const char *const cls[] = {"country", NULL};
  for (size_t i = 0; i < c->ntrigs; i++) {
    const trig *tr = &c->trigs[i];
    if (!tr->noun || tr->tok0 <= s->tok0 || e->tokact[tr->tok0 - 1] >= 0) continue;
    /* what is done to a people ("the Armenian genocide": its victims),
     * a journey ("his British trip": where to) */
    static const char *const suffered[] = {"genocide", "holocaust", NULL};
    const char *hl = lemma_of(&doc->toks[tr->head]);
    if (td_str_in(hl, undergone) || td_str_in(hl, suffered) || strncmp(tr->code, "042", 3) == 0 ||
        strncmp(tr->code, "043", 3) == 0)
      continue;
    /* "Japanese aid agencies": the noun modifies another, no act */
    if (tr->tok1 < s->tok0 + s->ntok &&
        (doc->toks[tr->tok1].upos == TD_NOUN || doc->toks[tr->tok1].upos == TD_PROPN))
      continue;
    /* the adjective ends right before the noun: two words ("North
     * Korean") before one ("Korean") */
    for (uint32_t k = tr->tok0 >= s->tok0 + 2 ? tr->tok0 - 2 : s->tok0; k < tr->tok0; k++) {
      const char *iso = NULL;
      if (td_match_at(doc->eng->dict, doc, k, tr->tok0, cls, country_adj_cb, &iso) != tr->tok0 ||
          !iso)
        continue;
      int ok = isupper((unsigned char)doc->text[doc->toks[k].start]);
      for (uint32_t q = k; q < tr->tok0 && ok; q++) ok = e->tokact[q] < 0;
      if (ok && k > s->tok0) {
        const td_tok *b = &doc->toks[k - 1];
        ok = !is_word(b, "-") && !is_poss(b) && b->upos != TD_PRON && e->tokact[k - 1] < 0 &&
             !(b->end == doc->toks[k].start && b->upos != TD_PUNCT);
      }
      if (!ok) break;
      int a = td_country_actor(doc, iso, (td_span){doc->toks[k].start, doc->toks[tr->tok0 - 1].end});
      for (uint32_t q = k; q < tr->tok0; q++) e->tokact[q] = a, e->adjtok[q] = 1;
      break;
    }
  }
}

int td_events(const td_engine *eng, td_doc *doc) {
  (void)eng;
  if (!doc->ntoks || !doc->eng || !doc->eng->dict) return 0;
  ev_doc e = {.doc = doc};
  e.tokact = td_arena_alloc_raw(&doc->arena, doc->ntoks * sizeof(int));
  memset(e.tokact, 0xff, doc->ntoks * sizeof(int)); /* every one -1 */
  /* actor of each token from the mentions (a token belongs to the
   * shortest mention covering it) */
  for (size_t a = 0; a < doc->nactors; a++) {
    const td_actor *ac = &doc->actors[a];
    for (size_t m = 0; m < ac->nmentions; m++) {
      td_span sp = ac->mentions[m];
      /* `his troops attacked`: the troops act, not the possessor; a
       * quotation's `I` is its speaker for coreference only (actors.h) */
      if (td_mention_coref_only(doc, sp)) continue;
      for (size_t k = first_ending_after(doc, sp.start); k < doc->ntoks && doc->toks[k].start < sp.end; k++)
        if (doc->toks[k].start >= sp.start && doc->toks[k].end <= sp.end) e.tokact[k] = (int)a;
    }
  }
  /* every sentence's triggers and cues in one pass of the matcher (perf,
   * issue 11: a call per sentence looked up the document's cache and the
   * class filter each time); collect() reads only the tokens' words and
   * tags, which coding does not change */
  e.sc = td_arena_alloc_raw(&doc->arena, (doc->nsents + 1) * sizeof *e.sc);
  for (size_t si = 0; si < doc->nsents; si++) e.sc[si] = (sctx){.doc = doc, .arena = &doc->arena};
  td_match_sentences(doc->eng->dict, doc, ev_classes, collect_doc, e.sc);
  for (size_t si = 0; si < doc->nsents; si++) {
    separated_particles(doc, &e.sc[si], &doc->sents[si]);
    mistagged_verbs(doc, &e.sc[si], &doc->sents[si]);
  }
  /* a game report codes nothing; three with words only sport uses make
   * the document a sports report (results, tables, quotes of coaches),
   * which codes nothing either: its "beat", "attack", "allowed", "met"
   * are play */
  e.game = td_arena_alloc_raw(&doc->arena, doc->nsents + 1);
  int games = 0;
  for (size_t si = 0; si < doc->nsents; si++) {
    e.game[si] = (uint8_t)game_sentence(doc, &doc->sents[si]);
    games += e.game[si] == 2;
  }
  e.sports = games >= 3;
  /* a story of sport: three words only sport uses, two of them
   * different ("the striker ... the Premier League ... the striker") */
  uint32_t sport_n = 0, sport_mask = 0;
  for (size_t si = 0; si < doc->nsents; si++) sport_n += e.sc[si].sport_n, sport_mask |= e.sc[si].sport_mask;
  e.sport_topic = sport_n >= 3 && (sport_mask & (sport_mask - 1)) != 0;
  e.adjtok = td_arena_alloc(&doc->arena, doc->ntoks + 1);
  for (size_t si = 0; si < doc->nsents && !e.sports; si++)
    if (!e.game[si] && !skip_sentence(doc, &doc->sents[si]))
      country_adjectives(&e, doc, &e.sc[si], &doc->sents[si]);
  for (size_t si = 0; si < doc->nsents; si++) code_sentence(&e, doc, si);
  return 0;
}

/* ---- evaluation on PLOVER GSR records ---- */

const char *td_cameo_plover_gsr(const char *code) {
  static const char *const byroot[21] = {
      NULL,         NULL,      "DEMAND",  "AGREE",      "CONSULT",  "SUPPORT",   "COOPERATE",
      "AID",        "CONCEDE", "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN",
      "PROTEST",    "MOBILIZE", "SANCTION", "COERCE",  "ASSAULT",  "FIGHT",     "ASSAULT"};
  if (!code || !isdigit((unsigned char)code[0]) || !isdigit((unsigned char)code[1])) return NULL;
  int root = code_root(code);
  if (root < 1 || root > 20) return NULL;
  if (strncmp(code, "087", 3) == 0) return "RETREAT";
  if (strcmp(code, "057") == 0) return "SUPPORT";
  return byroot[root];
}

/* The GSR type of a coded event. CAMEO codes a promised or possible
 * cooperative act as an intent to cooperate (03) and a promised or
 * possible hostile one as a threat (13); the layer keeps the act's own
 * code with its modality, so the comparison applies that convention. */
static const char *gsr_type(const td_event *ev) {
  const char *t = td_cameo_plover_gsr(ev->cameo);
  int root = t ? code_root(ev->cameo) : 0;
  /* a cooperative act that did not (or will not) happen is a rejection */
  if (t && ev->negative && root >= 3 && root <= 8) return "REJECT";
  if (!t || !ev->modality || strcmp(ev->modality, "actual") == 0) return t;
  if (root >= 4 && root <= 9) return "AGREE";
  if (root >= 15) return "THREATEN";
  return t;
}

/* Country of a gold CAMEO actor code: its first three letters, with
 * CAMEO's own country codes mapped to ISO 3166 alpha-3. */
static void gold_country(const char *code, char out[4]) {
  static const char *const fix[][2] = {{"JAP", "JPN"}, {"ITL", "ITA"}, {"VTN", "VNM"},
                                       {"GMY", "DEU"}, {"ROM", "ROU"}, {"SRB", "SRB"}};
  snprintf(out, 4, "%.3s", code ? code : "");
  for (size_t i = 0; i < sizeof fix / sizeof fix[0]; i++)
    if (strcmp(out, fix[i][0]) == 0) snprintf(out, 4, "%s", fix[i][1]);
}

static void actor_country(const td_doc *doc, int a, char out[4]) {
  out[0] = 0;
  if (a < 0) return;
  const td_actor *ac = &doc->actors[a];
  if (ac->code && strncmp(ac->code, "IGO", 3) == 0) snprintf(out, 4, "IGO");
  else if (ac->country && *ac->country) snprintf(out, 4, "%s", ac->country);
  else if (ac->code && strlen(ac->code) >= 6) snprintf(out, 4, "%.3s", ac->code);
}

static int codes_has(json_t *arr, const char *c) {
  if (!json_is_array(arr) || !*c) return 0;
  size_t i;
  json_t *v;
  json_array_foreach(arr, i, v) {
    char g[4];
    gold_country(json_string_value(json_object_get(v, "code")), g);
    if (strcmp(g, c) == 0) return 1;
  }
  return 0;
}

int td_eval_events(const td_engine *eng, const char *file, FILE *out) {
  json_error_t jerr;
  json_t *root = json_load_file(file, 0, &jerr);
  if (!root || !json_is_array(root)) {
    fprintf(out, "eval events: %s: %s\n", file, root ? "not a JSON array" : jerr.text);
    json_decref(root);
    return -1;
  }
  int verbose = getenv("TD_EVENTS_VERBOSE") != NULL;
  size_t ngold = 0, found[3] = {0}, npred = 0, correct[3] = {0};
  size_t i;
  json_t *rec;
  json_array_foreach(root, i, rec) {
    const char *text = json_string_value(json_object_get(rec, "text"));
    const char *type = json_string_value(json_object_get(rec, "event"));
    if (!text || !type || strcmp(type, "DOCUMENT") == 0) continue;
    /* the same text may carry several gold events: gather them */
    int first = 1;
    size_t j;
    json_t *o;
    json_array_foreach(root, j, o) {
      if (j >= i) break;
      const char *t2 = json_string_value(json_object_get(o, "text"));
      if (t2 && strcmp(t2, text) == 0) first = 0;
    }
    td_input in = {0};
    in.id = (char *)"gsr";
    in.body = (char *)text;
    in.body_len = strlen(text);
    in.date = (char *)json_string_value(json_object_get(rec, "date"));
    td_doc *doc = td_doc_process((td_engine *)eng, &in);
    ngold++;
    int hit[3] = {0};
    for (size_t k = 0; k < doc->nevents; k++) {
      const td_event *ev = &doc->events[k];
      const char *pt = gsr_type(ev);
      char sc[4], tc[4];
      actor_country(doc, ev->source, sc);
      actor_country(doc, ev->target, tc);
      json_t *gs = json_object_get(rec, "source"), *gt = json_object_get(rec, "target");
      int l1 = pt && strcmp(pt, type) == 0;
      int l2 = l1 && codes_has(gs, sc);
      int l3 = l2 && (codes_has(gt, tc) || (!json_is_array(gt) || !json_array_size(gt)
                                                ? ev->target < 0 || codes_has(gs, tc)
                                                : 0));
      hit[0] |= l1, hit[1] |= l2, hit[2] |= l3;
      if (first) {
        /* precision: against every gold record of this text */
        int m[3] = {0};
        size_t q;
        json_t *g;
        json_array_foreach(root, q, g) {
          const char *t2 = json_string_value(json_object_get(g, "text"));
          const char *ty2 = json_string_value(json_object_get(g, "event"));
          if (!t2 || !ty2 || strcmp(t2, text) != 0) continue;
          json_t *s2 = json_object_get(g, "source"), *tg2 = json_object_get(g, "target");
          int a = pt && strcmp(pt, ty2) == 0, b = a && codes_has(s2, sc);
          int cc = b && (codes_has(tg2, tc) ||
                         ((!json_is_array(tg2) || !json_array_size(tg2)) &&
                          (ev->target < 0 || codes_has(s2, tc))));
          m[0] |= a, m[1] |= b, m[2] |= cc;
        }
        npred++;
        for (int L = 0; L < 3; L++) correct[L] += (size_t)m[L];
      }
      if (verbose)
        fprintf(out, "  %s %s %s->%s %s [%.*s]\n", ev->cameo, pt ? pt : "-", sc, tc,
                l3 ? "ok3" : l2 ? "ok2" : l1 ? "ok1" : "x",
                (int)(ev->verb_span.end - ev->verb_span.start), doc->text + ev->verb_span.start);
    }
    for (int L = 0; L < 3; L++) found[L] += (size_t)hit[L];
    if (verbose) {
      /* the gold actors, to tell a wrong argument from a missing actor */
      fprintf(out, "%s %s gold ", hit[2] ? "HIT3" : hit[1] ? "HIT2" : hit[0] ? "HIT1" : "MISS",
              type);
      const char *const roles[2] = {"source", "target"};
      for (int r = 0; r < 2; r++) {
        json_t *arr = json_object_get(rec, roles[r]), *v;
        size_t q;
        if (json_is_array(arr))
          json_array_foreach(arr, q, v) {
            const char *at = json_string_value(json_object_get(v, "actorText"));
            const char *ac = json_string_value(json_object_get(v, "code"));
            fprintf(out, "%s%s:%s", q ? "," : "", at ? at : "", ac ? ac : "");
          }
        if (!r) fputs("->", out);
      }
      fprintf(out, " | %s\n", text);
    }
    td_doc_free(doc);
  }
  static const char *const names[3] = {"type", "type+source", "type+source+target"};
  fprintf(out, "events: %zu gold events, %zu coded (in %s)\n", ngold, npred, file);
  for (int L = 0; L < 3; L++) {
    double r = ngold ? 100.0 * (double)found[L] / (double)ngold : 0;
    double p = npred ? 100.0 * (double)correct[L] / (double)npred : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    fprintf(out, "  %-20s precision %5.1f%%  recall %5.1f%%  F1 %5.1f\n", names[L], p, r, f);
  }
  json_decref(root);
  return 0;
}
