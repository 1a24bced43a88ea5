/*
 * quantities.c — the quantities layer: numbers as the news writes them
 * ("8,000", "10,000 to 12,000", "3.5 million", "two dozen", "thousands of",
 * "86-minute", "40 percent", "$1.2 billion", "500 million won") with their
 * qualifier (about, at_least, at_most, exact, range, vague), the counted
 * noun (unit) and what it measures ("troops deployed"), whether it is a
 * fact or a forecast (status), the actor it is about, the time it refers
 * to, and who claims it ("according to the U.S. authorities", "Seoul's
 * intelligence agency has confirmed that ..."). Years, dates, times of day,
 * ordinals and numbers inside names are not quantities.
 *
 * Runs after actors and times, before quotes; shares the word view, the cue
 * table and the claimant search of quotes.c. Units and measures come from
 * data/units.tsv (section "units"), read once per engine (td_units_load,
 * eng->units) into a table indexed by word.
 */
#include "quotes.h"
#include "actors.h"
#include "times.h"
#include "lang/matcher.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the unit table ----
 * Loaded once per engine (td_units_load, from engine.c) into its own
 * arena, with an index from each listed word to the first row of each kind
 * that lists it: find_row is one hash probe instead of a walk over every
 * row's word list (perf, issue 11). */

enum { UK_OTHER, UK_UNIT, UK_MEASURE, UK_SCALE, UK_MONEY, UK_SOURCE, UK_N };

typedef struct unit_row {
  const char *kind;  /* unit, measure, scale, money, source */
  int k;             /* kind as UK_*, for the hot lookups */
  const char *name;  /* the unit (a currency's too), or the scale word */
  const char *what;  /* measure: what is counted ("deployed"); scale: factor */
  const char *words; /* space-separated nouns or verbs; money: signs and words */
  double factor;     /* scale: strtod(what) */
} unit_row;

/* One word of the index: the first row of each kind listing it (-1: none). */
typedef struct uword {
  const char *w; /* NULL: empty slot */
  size_t n;
  int first[UK_N];
} uword;

struct td_units {
  td_arena arena;
  unit_row *r;
  size_t n;
  uword *ix;                /* open addressing, ixmask + 1 slots */
  size_t ixmask;
};
typedef struct td_units units;

static const char builtin_units[] =
    "unit\ttroops\ttroops soldiers forces\n"
    "unit\tpeople\tpeople civilians\n"
    "unit\tminutes\tminute minutes\n"
    "unit\tpercent\tpercent %\n"
    "unit\tdollars\tdollars $\n"
    "money\tdollars\t$ dollars\n"
    "measure\ttroops\tdeployed\tsend sent deploy deployed dispatch dispatched moved\n"
    "scale\tthousand\t1000\nscale\tmillion\t1000000\nscale\tbillion\t1000000000\n"
    "scale\tdozen\t12\nscale\thundred\t100\n";

static size_t uw_hash(const char *w, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h;
}

/* The index slot of word w[0..n): its entry, or the empty slot for it. */
static uword *uw_slot(const units *u, const char *w, size_t n) {
  size_t i = uw_hash(w, n) & u->ixmask;
  while (u->ix[i].w && !(u->ix[i].n == n && memcmp(u->ix[i].w, w, n) == 0))
    i = (i + 1) & u->ixmask;
  return &u->ix[i];
}

/* Indexes the words of every row (space-separated, as in_words reads them),
 * in arena a. */
static void index_words(td_arena *a, units *u) {
  size_t nw = 0;
  for (size_t r = 0; r < u->n; r++)
    for (const char *p = u->r[r].words; *p; p++)
      if (*p != ' ' && (p == u->r[r].words || p[-1] == ' ')) nw++;
  size_t cap = 16;
  while (cap < 2 * nw + 2) cap *= 2;
  u->ix = td_arena_alloc(a, cap * sizeof *u->ix);
  u->ixmask = cap - 1;
  for (size_t r = 0; r < u->n; r++) {
    for (const char *p = u->r[r].words; *p;) {
      while (*p == ' ') p++;
      const char *e = p;
      while (*e && *e != ' ') e++;
      if (e > p) {
        uword *x = uw_slot(u, p, (size_t)(e - p));
        if (!x->w) {
          x->w = p, x->n = (size_t)(e - p);
          for (int k = 0; k < UK_N; k++) x->first[k] = -1;
        }
        if (x->first[u->r[r].k] < 0) x->first[u->r[r].k] = (int)r;
      }
      p = e;
    }
  }
}

/* Parses the units table src[0..len) into u (rows in the arena a). */
static void load_units(td_arena *a, units *u, const char *src, size_t len) {
  size_t cap = 0;
  const char *p = src, *end = src + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    if (*p != '#' && le > p) {
      const char *f[4] = {0};
      size_t fl[4] = {0};
      int nf = 0;
      const char *q = p;
      while (q <= le && nf < 4) {
        const char *t = memchr(q, '\t', (size_t)(le - q));
        const char *fe = t ? t : le;
        f[nf] = q, fl[nf] = (size_t)(fe - q), nf++;
        if (!t) break;
        q = t + 1;
      }
      if (nf >= 3) {
        TD_AGROW(a, u->r, cap, u->n + 1);
        unit_row *r = &u->r[u->n++];
        r->kind = td_arena_strndup(a, f[0], fl[0]);
        r->name = td_arena_strndup(a, f[1], fl[1]);
        r->k = strcmp(r->kind, "unit") == 0      ? UK_UNIT
               : strcmp(r->kind, "measure") == 0 ? UK_MEASURE
               : strcmp(r->kind, "scale") == 0   ? UK_SCALE
               : strcmp(r->kind, "money") == 0   ? UK_MONEY
               : strcmp(r->kind, "source") == 0  ? UK_SOURCE
                                                 : UK_OTHER;
        if (r->k == UK_MEASURE && nf == 4) {
          r->what = td_arena_strndup(a, f[2], fl[2]);
          r->words = td_arena_strndup(a, f[3], fl[3]);
        } else if (r->k == UK_SCALE) {
          r->what = td_arena_strndup(a, f[2], fl[2]);
          r->words = r->name;
          r->factor = strtod(r->what, NULL);
        } else {
          r->words = td_arena_strndup(a, f[2], fl[2]);
        }
      }
    }
    p = nl ? nl + 1 : end;
  }
  index_words(a, u);
}

struct td_units *td_units_load(const td_res *res) {
  units *u = td_xcalloc(1, sizeof *u);
  td_arena_init(&u->arena);
  size_t len = 0;
  const char *img = res ? td_res_get(res, "units", &len) : NULL;
  if (img && len) load_units(&u->arena, u, img, len);
  else load_units(&u->arena, u, builtin_units, sizeof builtin_units - 1);
  return u;
}

void td_units_free(struct td_units *u) {
  if (!u) return;
  td_arena_release(&u->arena);
  free(u);
}

/* Whether word w is in the space-separated list. */
static int in_words(const char *list, const char *w) {
  size_t n = strlen(w);
  for (const char *p = list; *p;) {
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && *e != ' ') e++;
    if ((size_t)(e - p) == n && n && memcmp(p, w, n) == 0) return 1;
    p = e;
  }
  return 0;
}

/* The index entry of word w, or NULL when no row lists it. */
static const uword *find_word(const units *u, const char *w) {
  const uword *x = uw_slot(u, w, strlen(w));
  return x->w ? x : NULL;
}

/* The first row of kind k (UK_*) listing word w. */
static const unit_row *find_row(const units *u, int k, const char *w) {
  const uword *x = find_word(u, w);
  return x && x->first[k] >= 0 ? &u->r[x->first[k]] : NULL;
}

int td_units_money(const struct td_units *u, const char *w) {
  if (!u || !w) return 0;
  if (find_row(u, UK_MONEY, w)) return 1;
  for (size_t r = 0; r < u->n; r++)
    if (u->r[r].k == UK_MONEY && strcmp(u->r[r].name, w) == 0) return 1;
  return 0;
}

/* ---- claimants ---- */

static int found_cb(void *found, const td_match *m) {
  (void)m;
  *(int *)found = 1;
  return 1;
}

/* Whether word k is a finding's cue (TD_CUE_FIND: "showed", "found
 * that"), one td_cue_at sees only while td_find_claimant searches
 * (c->finds set). */
static int finding_cue(td_qctx *c, size_t k) {
  int kind = 0;
  if (td_cue_at(c, k, &kind)) return 0;
  c->finds = 1;
  int n = td_cue_at(c, k, &kind);
  c->finds = 0;
  return n > 0;
}

/* Whether the cue is "according to": whoever it names is the source. */
static int according_cue(const td_qctx *c, td_span cue) {
  int kind = 0;
  return td_cue_at(c, td_qword_at(c, cue.start), &kind) && kind == TD_CUE_ACCORDING;
}

/* The head of the claimant phrase who: the word before its first
 * preposition ("shortcomings of the review"), else its last word; *prep
 * whether it has one. c->nw when who holds no word. */
static size_t claimant_head(const td_qctx *c, td_span who, int *prep) {
  static const char *const preps[] = {"of", "to", "for", "from", "into", "in", "on", "at", "by",
                                      "with", NULL};
  size_t a = td_qword_at(c, who.start), e = td_qword_at(c, who.end);
  *prep = 0;
  if (a >= c->nw || a >= e) return c->nw;
  for (size_t k = a + 1; k < e; k++)
    if (td_qword_in(&c->w[k], preps)) {
      *prep = 1;
      return k - 1;
    }
  return e - 1;
}

/* The actor who claims, of the claimant phrase who: td_actor_at's, but not
 * a country that only modifies the phrase's head ("The UK's biggest
 * mortgage lender", "South Korea's top car maker", "US manufacturers",
 * "the Telecom Regulatory Authority of India": the lender, the maker, the
 * manufacturers and the authority claim, not their country); -1 then, and
 * the phrase alone names the claimant. */
static int claimant_actor(const td_qctx *c, td_span who) {
  const td_doc *d = c->doc;
  int a = td_actor_at(d, who.start, who.end);
  if (a < 0 || !d->actors[a].kind || !td_str_eq(d->actors[a].kind, "country")) return a;
  int prep = 0;
  size_t h = claimant_head(c, who, &prep);
  if (h >= c->nw) return a;
  return td_actor_at(d, c->w[h].s, c->w[h].e) == a ? a : -1;
}

/* Whether the claimant `who` of a number can give one, by the head of the
 * phrase (the word before its first preposition, else its last word): an
 * actor, a name (capitalized), a pronoun or a part of a group ("one of
 * them", "most of the analysts"), a person or a body (a title, sector or
 * speaker word of the dictionaries) or a finding or a body of the source
 * rows of units.tsv (figures, report, consortium). Asked of the subject of
 * a finding's cue (`finding`: "figures showed", "the survey found that"),
 * whose words quotes.c takes as they come: not what the finding is about
 * ("The first quarter showed annual growth of 6.3%", "Statistics to the
 * end of November showed", who: "the end of November", "An investigation
 * into the crash revealed", who: "the crash"); of any other claimant only
 * when it has a preposition, and then of its head, not the actor after
 * it ("shortcomings of the Treasury's Barker Review, which said": the
 * shortcomings say nothing); whatever "according to" names is a source. */
static double word_value(const char *w);

static int claimant_ok(const td_qctx *c, const units *u, td_span who, int finding) {
  static const char *const pronouns[] = {"it", "he", "she", "they", "we", "i", "you", "this",
                                         "these", "those", "who", "which", NULL};
  static const char *const parts[] = {"one", "two", "three", "four", "five", "some", "many", "most",
                                      "all", "half", "third", "quarter", "several", "few", "both",
                                      "each", "none", "any", "majority", "minority", NULL};
  static const char *const cls[] = {"title", "sector", "quotes.speaker", NULL};
  const td_doc *d = c->doc;
  int prep = 0;
  size_t h = claimant_head(c, who, &prep);
  if (h >= c->nw) return 1;
  /* one lowercase word that is an adjective, a verb or an adverb names
   * nobody, it is what is left of a noun phrase the cue search cut ("the
   * authorities' initial estimates have put the damage at $1.3bn": who
   * "initial"; "various reports of migrants": "various"). (Capitalized,
   * it may be a name the tagger took for one: "Orange added", "Next
   * said".) */
  int up = c->w[h].upos;
  if (td_qword_at(c, who.start) == h && !(c->w[h].flags & TD_QW_CAP) &&
      (up == TD_ADJ || up == TD_VERB || up == TD_ADV))
    return 0;
  /* a share or a count as the head is a poll's respondents or a list's
   * items, no one who gives a number: "Twenty-four percent said they
   * would, while 9 percent", "That's 30 states with 309 votes", "Another
   * eight states" (a capitalized number word alone may be a name: "Five
   * said") */
  if (td_str_eq(c->w[h].lw, "percent") || td_str_eq(c->w[h].lw, "%") ||
      (td_str_eq(c->w[h].lw, "cent") && h > 0 && td_str_eq(c->w[h - 1].lw, "per")) ||
      ((c->w[h].flags & TD_QW_DIGIT) && strspn(c->w[h].lw, "0123456789,.") == strlen(c->w[h].lw)) ||
      (word_value(c->w[h].lw) >= 0 && !((c->w[h].flags & TD_QW_CAP) && td_qword_at(c, who.start) == h)))
    return 0;
  if (!finding && !prep) return 1;
  if (td_actor_at(d, who.start, finding ? who.end : c->w[h].e) >= 0) return 1;
  const td_qword *w = &c->w[h];
  if ((w->flags & TD_QW_CAP) || td_qword_in(w, pronouns) ||
      (prep && td_str_eq(c->w[h + 1].lw, "of") && td_qword_in(w, parts)))
    return 1;
  char buf[64];
  size_t n = strlen(w->lw);
  if (n >= sizeof buf) return 1;
  memcpy(buf, w->lw, n + 1);
  if (n > 2 && strcmp(buf + n - 2, "'s") == 0) buf[n -= 2] = 0;
  if (find_row(u, UK_SOURCE, buf)) return 1;
  int found = 0;
  if (d->eng && d->eng->dict) td_dict_lookup(d->eng->dict, buf, cls, found_cb, &found);
  return found;
}

/* ---- numbers ---- */

/* The number words and their values (word_value, compound_value, and the
 * first three letters of tri), in runs by first letter: word_value looks
 * only in its word's run (perf, issue 11: most words looked at are none). */
typedef struct {
  const char *w;
  size_t n;
  double v;
} numword;
#define NW(s, v) {s, sizeof s - 1, v}
static const numword number_words[] = {
    NW("dozen", 12),
    NW("eight", 8),     NW("eleven", 11),   NW("eighteen", 18), NW("eighty", 80),
    NW("four", 4),      NW("five", 5),      NW("fourteen", 14), NW("fifteen", 15),
    NW("forty", 40),    NW("fifty", 50),
    NW("nine", 9),      NW("nineteen", 19), NW("ninety", 90),
    NW("one", 1),
    NW("six", 6),       NW("seven", 7),     NW("sixteen", 16),  NW("seventeen", 17),
    NW("sixty", 60),    NW("seventy", 70),
    NW("two", 2),       NW("three", 3),     NW("ten", 10),      NW("twelve", 12),
    NW("thirteen", 13), NW("twenty", 20),   NW("thirty", 30),
    NW("zero", 0)};
#undef NW
#define N_NUMBER_WORDS (sizeof number_words / sizeof number_words[0])
/* nw_run[c]: the index of the first number word whose first letter is 'a'
 * + c or later (ql_build); a letter's run is [nw_run[c], nw_run[c + 1]). */
static uint8_t nw_run[27];
/* the months: core's names (td_month_names), then these short forms,
 * joined by ql_build */
static const char *const month_abbrevs[] = {"jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
                                            "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", NULL};
static const char *months[12 + sizeof month_abbrevs / sizeof month_abbrevs[0]];
static const char *const definite_words[] = {"the", "these", "those", "its", "their", "our",
                                             "his", "her", "my", "your", "all", "both",
                                             "other", NULL};
static const char *const vague_words[] = {"dozens", "hundreds", "thousands", "millions",
                                          "billions", "tens", NULL};

static const char *const adjective_words[] = {"more", "new", "other", "extra", "former", "young",
                                              "old", "elite", "regular", "active", "foreign", NULL};
static const char *const stop_words[] = {"to", "and", "or", "of", "in", "by", "on",
                                         "at", "for", "from", "with", NULL};
static const char *const not_nouns[] = {
    "to", "and", "or", "of", "in", "by", "on", "at", "for", "from", "with", "more",
    "than", "percent", "the", "a", "an", "is", "are", "was", "were", "has", "have",
    "had", "will", "would", "who", "which", "that", "as", "times", "per", "years-old",
    "after", "before", "since", "into", "over", "under", "each", "people's", NULL};
static const char *const relative_words[] = {"ago", "later", "earlier", "previously", NULL};
static const char *const change_words[] = {"from", "by", "rose", "fell", "increased", "decreased",
                                           "grew", "jumped", "climbed", "dropped", "slipped",
                                           "raised", "lifted", "lowered", "reduced", "cut", "up",
                                           "down", "rise", "fall", "rising", "falling", NULL};
static const char *const part_words[] = {"section", "article", "clause", "chapter", "page", "paragraph",
                                         "rule", "amendment", "schedule", "annex", "no.", "resolution",
                                         "proposition", "directive", "regulation", "route", "flight",
                                         "interstate", "highway", NULL};
static const char *const zone_words[] = {"gmt", "bst", "utc", "est", "edt", "cet", "pst", "pdt", NULL};
static const char *const year_preps[] = {"in", "since", "from", "until", "till", "by", "of", NULL};
static const char *const future_words[] = {"expected", "expects", "expect", "expecting", "will",
                                           "plans", "planned", "plan", "planning", "would",
                                           "could", "may", "might", "forecast", "projected",
                                           "projecting", "likely", "intends", "aims", "going",
                                           "pledged",
                                           "pledging", "pledges", "promised", "proposed",
                                           "proposes", "proposal", "proposals", "wants",
                                           "target", "seeks", "hopes", "hoping", "forecasts",
                                           "forecasting", "predicts", "predicting", NULL};

/* A word list with the set of its words' first bytes (bit c - 'a' for a
 * lowercase letter, bit 26 for any other byte), so that most words are
 * turned away by one test, and its words as a td_strset, a probe instead
 * of a walk of the list (perf, issue 11): ql_has(l, w) is td_qword_in's
 * answer. The sets are made once. */
typedef struct qlist {
  const char *const *w;
  uint32_t first;
  td_strset *set;
} qlist;
static qlist QL_MONTHS = {NULL, 0, NULL}, QL_DEFINITE = {definite_words, 0, NULL},
             QL_VAGUE = {vague_words, 0, NULL}, QL_ADJ = {adjective_words, 0, NULL},
             QL_STOP = {stop_words, 0, NULL}, QL_NOT_NOUN = {not_nouns, 0, NULL},
             QL_FUTURE = {future_words, 0, NULL}, QL_RELATIVE = {relative_words, 0, NULL},
             QL_ZONES = {zone_words, 0, NULL}, QL_YEAR_PREP = {year_preps, 0, NULL},
             QL_CHANGE = {change_words, 0, NULL}, QL_PARTS = {part_words, 0, NULL};
static pthread_once_t ql_once = PTHREAD_ONCE_INIT;

static inline uint32_t first_bit(unsigned char c) {
  return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
}

/* The first three letters of every word that can begin a quantity other
 * than "a" and digits (may_start): tri[a][b] has bit c for the prefix
 * made of the letters a, b, c (0 = 'a'). The number words (number_words:
 * word_value's words, and the heads of compound_value's "twenty-five") and
 * the vague amounts (vague_words). */
static uint32_t tri[26][26];

static void tri_add(const char *w) {
  unsigned a = (unsigned)(w[0] - 'a'), b = (unsigned)(w[1] - 'a'), c = (unsigned)(w[2] - 'a');
  if (a < 26 && b < 26 && c < 26) tri[a][b] |= 1u << c;
}

static void ql_build(void) {
  size_t nm = 0;
  for (const char *const *p = td_month_names; *p; p++) months[nm++] = *p;
  for (const char *const *p = month_abbrevs; *p; p++) months[nm++] = *p;
  months[nm] = NULL;
  QL_MONTHS.w = (const char *const *)months;
  qlist *all[] = {&QL_MONTHS, &QL_DEFINITE, &QL_VAGUE, &QL_ADJ, &QL_STOP, &QL_NOT_NOUN, &QL_FUTURE,
                  &QL_RELATIVE, &QL_ZONES, &QL_YEAR_PREP, &QL_CHANGE, &QL_PARTS};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
    for (const char *const *p = all[i]->w; *p; p++) all[i]->first |= first_bit((unsigned char)(*p)[0]);
    all[i]->set = td_strset_new_list(all[i]->w);
  }
  for (const char *const *p = vague_words; *p; p++) tri_add(*p);
  for (size_t i = 0; i < N_NUMBER_WORDS; i++) tri_add(number_words[i].w);
  size_t i = 0;
  for (unsigned c = 0; c <= 26; c++) {
    while (i < N_NUMBER_WORDS && (unsigned)(number_words[i].w[0] - 'a') < c) i++;
    nw_run[c] = (uint8_t)i;
  }
}

static int ql_has(const qlist *l, const char *w) {
  if (!(l->first & first_bit((unsigned char)w[0]))) return 0;
  return td_strset_find_str(l->set, w) >= 0;
}

/* The value of a number word, or -1 (after ql_build). */
static double word_value(const char *w) {
  unsigned c = (unsigned)(w[0] - 'a');
  if (c >= 26) return -1;
  size_t n = 1;
  while (w[n] && n < 10) n++; /* the longest number word has 9 letters */
  for (size_t i = nw_run[c]; i < nw_run[c + 1]; i++)
    if (number_words[i].n == n && memcmp(w, number_words[i].w, n) == 0) return number_words[i].v;
  return -1;
}

/* The value of a hyphenated number word: "twenty-five" (tens and a unit,
 * 21 to 99), with *rest at what follows ("twenty-five-minute" leaves
 * "minute", else ""). -1 when w is no such word. */
static double compound_value(const char *w, const char **rest) {
  const char *h = strchr(w, '-');
  if (!h || h - w > 7) return -1;
  char head[8];
  memcpy(head, w, (size_t)(h - w)), head[h - w] = 0;
  double t = word_value(head); /* twenty, thirty, ..., ninety */
  if (t < 20 || t > 90 || (int)t % 10 != 0) return -1;
  const char *u = h + 1, *e = strchr(u, '-');
  size_t n = e ? (size_t)(e - u) : strlen(u);
  char unit[10];
  if (n == 0 || n >= sizeof unit) return -1;
  memcpy(unit, u, n), unit[n] = 0;
  double v = word_value(unit); /* one to nine */
  if (v < 1 || v > 9) return -1;
  *rest = e ? e + 1 : u + n;
  return t + v;
}

/* Parses the leading number of a digit word ("8,000", "3.5", "86-minute").
 * *rest points after it. Returns 0 when it is no plain number. */
static int parse_digits(const char *w, double *v, const char **rest) {
  char buf[64];
  size_t n = 0;
  const char *p = w;
  int dot = 0;
  while (*p && n < sizeof buf - 1) {
    if (*p >= '0' && *p <= '9') buf[n++] = *p;
    else if (*p == ',' && p[1] >= '0' && p[1] <= '9') { /* thousands */ }
    else if (*p == '.' && !dot && p[1] >= '0' && p[1] <= '9') buf[n++] = '.', dot = 1;
    else break;
    p++;
  }
  buf[n] = 0;
  if (!n) return 0;
  *v = strtod(buf, NULL);
  *rest = p;
  return 1;
}

static int is_scale(const units *u, const td_qword *w, double *f) {
  const unit_row *r = find_row(u, UK_SCALE, w->lw);
  if (!r || !r->what) return 0;
  *f = r->factor;
  return 1;
}

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Whether w is a plural common noun, as the tagger says ("awards",
 * "prizes"): what a number word counts when units.tsv lists no unit. */
static int counted_noun(const td_qword *w) {
  size_t n = strlen(w->lw);
  return w->upos == TD_NOUN && !(w->flags & TD_QW_CAP) && n > 3 && w->lw[n - 1] == 's' &&
         w->lw[n - 2] != 's';
}

/* The currency whose sign word w is ("$", "£", "€": money rows of
 * units.tsv), or NULL. */
static const char *money_sign(const units *u, const td_qword *w) {
  if (!(w->flags & TD_QW_PUNCT)) return NULL;
  const unit_row *r = find_row(u, UK_MONEY, w->lw);
  return r ? r->name : NULL;
}

/* The currency of a sign word s written with a country's letters glued
 * before it ("A$4.17bn": Australian dollars, "NZ$", "HK$", "US$"): the
 * money row that lists the letters and the sign as one word ("a$"), or
 * NULL. */
static const char *money_prefixed(const td_qctx *c, const units *u, size_t s) {
  if (s == 0 || c->w[s - 1].e != c->w[s].s || !(c->w[s - 1].flags & TD_QW_CAP)) return NULL;
  const char *l = c->w[s - 1].lw, *g = c->w[s].lw;
  size_t n = strlen(l), m = strlen(g);
  if (n > 3 || n + m >= 16) return NULL;
  for (size_t k = 0; k < n; k++)
    if (l[k] < 'a' || l[k] > 'z') return NULL;
  char b[16];
  memcpy(b, l, n), memcpy(b + n, g, m + 1);
  const unit_row *r = find_row(u, UK_MONEY, b);
  return r ? r->name : NULL;
}

/* Whether the number at word i is money: a currency sign right before it
 * ("£600m") or a currency word right after it ("400m pesos"). */
static int money_near(const td_qctx *c, const units *u, size_t i) {
  if (i > 0 && money_sign(u, &c->w[i - 1])) return 1;
  return i + 1 < c->nw && !(c->w[i + 1].flags & TD_QW_PUNCT) && find_row(u, UK_MONEY, c->w[i + 1].lw);
}

/* Whether the number at word i counts the plural noun right after it
 * ("1m websites"), not after a definite word ("the 400m hurdles"). */
static int counts_after(const td_qctx *c, size_t i) {
  return i + 1 < c->nw && counted_noun(&c->w[i + 1]) && !(i > 0 && ql_has(&QL_DEFINITE, c->w[i - 1].lw));
}

/* A video format's line count (480p, 720p, 1080p), written as pence are. */
static int video_lines(double v) {
  return v == 240 || v == 360 || v == 480 || v == 576 || v == 720 || v == 1080 || v == 1440 ||
         v == 2160 || v == 4320;
}

/* Nouns a distance in metres modifies ("100m sprints", "200m waters",
 * "the 400m hurdles"): a glued "m" before them is metres, no million. */
static int metres_noun(const td_qctx *c, size_t i) {
  static const char *const nouns[] = {"sprint", "sprints", "race", "races", "lap", "laps",
                                      "hurdles", "relay", "relays", "waters", "water", "depth",
                                      "dash", "freestyle", "butterfly", "backstroke",
                                      "breaststroke", "medley", "pool", "run", "runs", "swim",
                                      "climb", "drop", "fall", "tall", "high", "deep", "long",
                                      "wide", NULL};
  if (i + 1 >= c->nw) return 0;
  for (int k = 0; nouns[k]; k++)
    if (strcmp(c->w[i + 1].lw, nouns[k]) == 0) return 1;
  return 0;
}

/* The factor of a scale glued to digits ("1.13bn", "600m"), or 0. A "m"
 * or "k" is one only for money: "£600m", but "the 200m final". */
static double glued_scale(const char *rest, int money) {
  static const struct { const char *s; double f; int money; } sc[] = {
      {"bn", 1e9, 0}, {"bln", 1e9, 0}, {"tn", 1e12, 0}, {"trn", 1e12, 0},
      {"m", 1e6, 1},  {"mn", 1e6, 1},  {"mln", 1e6, 1}, {"k", 1e3, 1}};
  for (size_t k = 0; k < sizeof sc / sizeof sc[0]; k++)
    if (strcmp(rest, sc[k].s) == 0 && (money || !sc[k].money)) return sc[k].f;
  return 0;
}

/* Whether rest is all lowercase letters (a unit glued to digits: "12cm"). */
static int all_letters(const char *rest) {
  if (!*rest) return 0;
  for (; *rest; rest++)
    if (*rest < 'a' || *rest > 'z') return 0;
  return 1;
}

/* The plural of a noun written as a hyphenated modifier after digits,
 * the unit it counts ("a 22-cap player": caps, "a 10-match run":
 * matches, "a 50-family village": families, "a 25-man squad": men), in
 * arena a; NULL when w reads as no countable noun: a participle
 * ("18-rated", "24-drinking"), a word of two letters or fewer, or more
 * than one word ("52-week-a-year"). */
static const char *modifier_plural(td_arena *a, const char *w) {
  static const struct { const char *one, *more; } irregular[] = {
      {"man", "men"}, {"woman", "women"}, {"person", "people"}, {"child", "children"},
      {"foot", "feet"}};
  size_t n = strlen(w);
  if (n < 3 || !all_letters(w) || ends_with(w, "ed") || ends_with(w, "ing")) return NULL;
  for (size_t k = 0; k < sizeof irregular / sizeof irregular[0]; k++)
    if (strcmp(w, irregular[k].one) == 0) return irregular[k].more;
  if (w[n - 1] == 's' && w[n - 2] != 's') return w; /* "a 24-hours service", "40-times" */
  if (w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
    return td_arena_printf(a, "%.*sies", (int)(n - 1), w); /* family: families */
  if (w[n - 1] == 's' || w[n - 1] == 'x' || w[n - 1] == 'z' || ends_with(w, "ch") || ends_with(w, "sh"))
    return td_arena_printf(a, "%ses", w); /* match: matches, inch: inches, pass: passes */
  return td_arena_printf(a, "%ss", w);
}

/* Whether a number word's hyphenated modifier counts things ("a two-goal
 * lead", "a three-judge panel"): a singular noun (modifier_plural), not an
 * idiom of manner, size or worth ("two-way", "three-fold", "six-figure",
 * "two-time", "two-bit", "a two-horse race", "a four-letter word"), a
 * score ("two-all", "three-nil"), a fraction ("two-thirds",
 * "three-quarter"), an ordinal ("twenty-first", "fifty-fifth"), an adverb
 * ("three-monthly") or a number ("two-three"). */
static int counted_modifier(const char *h) {
  static const char *const not_counts[] = {"way", "fold", "figure", "time", "bit", "horse", "letter",
                                           "all", "nil", "odd", "quarter", "half", "first", "second",
                                           "third", NULL};
  size_t n = strlen(h);
  if (n < 3 || h[n - 1] == 's' || !all_letters(h) || ends_with(h, "ed") || ends_with(h, "ing") ||
      ends_with(h, "th") || ends_with(h, "ly") || word_value(h) >= 0)
    return 0;
  return !td_str_in(h, not_counts);
}

/* Whether a margin follows the modifier at word i ("a two-goal lead", "a
 * ten-point lead over", "a five-point Premiership lead"): a number word's
 * modifier measures then, where it only describes elsewhere ("a five-point
 * plan", "a three-Test series"). */
static int margin_after(const td_qctx *c, size_t i) {
  static const char *const margins[] = {"lead", "leads", "advantage", "margin", "deficit", "gap",
                                        "cushion", "swing", NULL};
  size_t k = i + 1;
  if (k + 1 < c->nw && (c->w[k].flags & TD_QW_CAP) && !(c->w[k].flags & TD_QW_PUNCT)) k++;
  return k < c->nw && td_qword_in(&c->w[k], margins);
}

/* ---- one quantity ---- */

typedef struct qparse {
  size_t first, last;   /* words of the whole expression */
  size_t num_end;       /* first word after the number (and its scale) */
  double value, value_max;
  int has_max;
  const char *qualifier;
  const char *unit;
  const char *unit_noun; /* the noun as written (lowercase), for measures */
  size_t unit_word;      /* word index of the unit noun, or (size_t)-1 */
} qparse;

/* The qualifier written before word i; moves *first back over it. */
static const char *qualifier_before(const td_qctx *c, size_t i, size_t *first) {
  static const struct { const char *w1, *w2, *q; } quals[] = {
      {"at", "least", "at_least"}, {"more", "than", "at_least"}, {"over", NULL, "at_least"},
      {"upwards", "of", "at_least"}, {"up", "to", "at_most"}, {"at", "most", "at_most"},
      {"as", "many", "at_most"}, {"fewer", "than", "at_most"}, {"less", "than", "at_most"},
      {"about", NULL, "about"}, {"around", NULL, "about"}, {"some", NULL, "about"},
      {"roughly", NULL, "about"}, {"approximately", NULL, "about"}, {"nearly", NULL, "about"},
      {"almost", NULL, "about"}, {"estimated", NULL, "about"}, {"approx.", NULL, "about"},
      {"above", NULL, "at_least"}, {"below", NULL, "at_most"}, {"under", NULL, "at_most"},
      {"close", "to", "about"}, {"exceeds", NULL, "at_least"}, {"exceeding", NULL, "at_least"},
      {"approaches", NULL, "about"}, {"approaching", NULL, "about"}};
  if (i == 0) return "exact";
  size_t j = i - 1;
  if (j > 0 && strcmp(c->w[j].lw, "$") == 0) j--;
  /* "as many as", "as much as" */
  if (j >= 2 && strcmp(c->w[j].lw, "as") == 0 &&
      (strcmp(c->w[j - 1].lw, "many") == 0 || strcmp(c->w[j - 1].lw, "much") == 0) &&
      strcmp(c->w[j - 2].lw, "as") == 0) {
    *first = j - 2;
    return "at_most";
  }
  /* "in the region of" */
  if (j >= 3 && strcmp(c->w[j].lw, "of") == 0 && strcmp(c->w[j - 1].lw, "region") == 0 &&
      strcmp(c->w[j - 2].lw, "the") == 0 && strcmp(c->w[j - 3].lw, "in") == 0) {
    *first = j - 3;
    return "about";
  }
  for (size_t k = 0; k < sizeof quals / sizeof quals[0]; k++) {
    if (quals[k].w2) {
      if (j >= 1 && td_str_eq(c->w[j - 1].lw, quals[k].w1) && td_str_eq(c->w[j].lw, quals[k].w2)) {
        *first = j - 1;
        return quals[k].q;
      }
    } else if (td_str_eq(c->w[j].lw, quals[k].w1)) {
      *first = j;
      if (j >= 1 && strcmp(c->w[j].lw, "estimated") == 0 && strcmp(c->w[j - 1].lw, "an") == 0)
        *first = j - 1;
      return quals[k].q;
    }
  }
  return "exact";
}

/* Whether a word next to word i is two numbers joined by a hyphen
 * ("6-3"): then word i is a score among scores ("2-6 6-3 6-0"). */
static int score_next(const td_qctx *c, size_t i) {
  size_t nb[2] = {i > 0 ? i - 1 : (size_t)-1, i + 1};
  for (int k = 0; k < 2; k++) {
    if (nb[k] >= c->nw) continue;
    const char *w = c->w[nb[k]].lw;
    size_t n = strspn(w, "0123456789");
    if (n && w[n] == '-' && w[n + 1] >= '0' && w[n + 1] <= '9') return 1;
  }
  return 0;
}

/* Reads the number at word i (digits or words, with scale), into *v; the
 * word after it in *after. 0 when word i starts no number. */
static int read_number(const td_qctx *c, const units *u, size_t i, double *v, size_t *after,
                       const char **hyph_unit, double *vmax) {
  const td_qword *w = &c->w[i];
  *hyph_unit = NULL;
  double f;
  if (w->flags & TD_QW_DIGIT) {
    const char *rest;
    if (!parse_digits(w->lw, v, &rest)) return 0;
    const char *r2;
    double v2;
    if (strncmp(rest, "-to-", 4) == 0 && rest[4] >= '0' && rest[4] <= '9') {
      /* "5-to-4", "2-to-1": a vote, a score or a ratio, no count;
       * "18-to-34-year-olds": a range of what follows */
      if (!vmax || !parse_digits(rest + 4, &v2, &r2) || v2 <= *v || r2[0] != '-' || r2[1] < 'a' ||
          r2[1] > 'z')
        return 0;
      *vmax = v2, *hyph_unit = r2 + 1;
    } else if (*rest == '-' && rest[1] >= 'a' && rest[1] <= 'z') *hyph_unit = rest + 1;
    else if (*rest == '-' && vmax && parse_digits(rest + 1, &v2, &r2) && !*r2 && v2 > *v) {
      if (score_next(c, i)) return 0; /* "won 2-6 6-3 6-0": sets, no range */
      /* "from 2004-2005", "the period 2007-2013": years, a time, no count */
      if (rest - w->lw == 4 && strlen(rest + 1) == 4 && *v >= 1900 && v2 <= 2100) return 0;
      *vmax = v2; /* "10,000-12,000" */
    }
    else if (*rest) {
      /* a glued scale or unit, and the period of a sentence's end that
       * the word took ("from $10.9bn.") */
      char g[8];
      size_t n = strlen(rest);
      if (n && rest[n - 1] == '.') n--;
      if (n >= sizeof g) return 0;
      memcpy(g, rest, n), g[n] = 0;
      if ((f = glued_scale(g, money_near(c, u, i) ||
                               (counts_after(c, i) && !(g[0] == 'm' && metres_noun(c, i))))) > 0)
        *v *= f; /* "$1.13bn", "£600m", "1m websites" */
      else if (all_letters(g) && find_row(u, UK_UNIT, g) && !(g[0] == 'p' && !g[1] && video_lines(*v)))
        *hyph_unit = rest; /* "12cm", "10.04secs", "50p", "548p" (not "1080p": a video's lines) */
      else return 0; /* "60th", "10am", "3D", "5-4" */
    }
  } else {
    double x = word_value(w->lw);
    const char *rest = "";
    if (x < 0 && (x = compound_value(w->lw, &rest)) >= 0 && *rest) {
      if (*rest < 'a' || *rest > 'z') return 0;
      *hyph_unit = rest; /* "twenty-five-minute" */
    }
    const char *h = strchr(w->lw, '-');
    if (x < 0 && h && h - w->lw < 10 && h[1] >= 'a' && h[1] <= 'z') {
      char head[10];
      memcpy(head, w->lw, (size_t)(h - w->lw)), head[h - w->lw] = 0;
      if ((x = word_value(head)) >= 0) *hyph_unit = h + 1; /* "three-day", "seventeen-year-old" */
    }
    if (x < 0) {
      /* "a dozen", "a million", "a billion dollars"; a half or a quarter
       * of a scale: "half a million euros", "a half million" (500,000),
       * "a quarter of a million" (250,000) */
      size_t h0 = i + 1;
      double part = 1;
      if ((strcmp(w->lw, "half") == 0 && h0 < c->nw && strcmp(c->w[h0].lw, "a") == 0) ||
          (strcmp(w->lw, "a") == 0 && h0 < c->nw && strcmp(c->w[h0].lw, "half") == 0))
        h0++, part = 0.5;
      else if (strcmp(w->lw, "a") == 0 && h0 + 2 < c->nw && strcmp(c->w[h0].lw, "quarter") == 0 &&
               strcmp(c->w[h0 + 1].lw, "of") == 0 && strcmp(c->w[h0 + 2].lw, "a") == 0)
        h0 += 3, part = 0.25;
      if ((strcmp(w->lw, "a") == 0 || part < 1) && h0 < c->nw && is_scale(u, &c->w[h0], &f)) {
        size_t j = h0 + 1;
        *v = f * part;
        while (j < c->nw && is_scale(u, &c->w[j], &f)) *v *= f, j++;
        *after = j;
        return 1;
      }
      return 0;
    }
    *v = x;
  }
  size_t j = i + 1;
  /* a half: "two and a half million", "15-and-a-half miles" */
  if (*hyph_unit && strcmp(*hyph_unit, "and-a-half") == 0) *v += 0.5, *hyph_unit = NULL;
  else if (!*hyph_unit && j + 2 < c->nw && *v < 1e6 && *v == (double)(long)*v && strcmp(c->w[j].lw, "and") == 0 &&
           strcmp(c->w[j + 1].lw, "a") == 0 && strcmp(c->w[j + 2].lw, "half") == 0)
    *v += 0.5, j += 3;
  /* a scale after a hyphen: "the 17-million population" */
  if (*hyph_unit && is_scale(u, &(td_qword){.lw = *hyph_unit}, &f)) *v *= f, *hyph_unit = NULL;
  while (j < c->nw && !*hyph_unit && is_scale(u, &c->w[j], &f)) *v *= f, j++;
  *after = j;
  return 1;
}

/* Whether unit measures time ("years", "days"). */
static int is_time_unit(const char *unit) {
  static const char *const t[] = {"years", "months", "weeks", "days", "hours", "minutes",
                                  "seconds", "decades", NULL};
  return unit && td_str_in(unit, t);
}

/* Whether w is a unit of time ("months" in "the three months to December"). */
static int time_unit_word(const units *u, const td_qword *w) {
  const unit_row *r = find_row(u, UK_UNIT, w->lw);
  return r && is_time_unit(r->name);
}

/* Whether w names a month: "may" and "march" only capitalized ("21-year-olds
 * may stand", "10,000 march"). */
static int is_month(const td_qword *w) {
  if (!ql_has(&QL_MONTHS, w->lw)) return 0;
  return (w->flags & TD_QW_CAP) || (strcmp(w->lw, "may") != 0 && strcmp(w->lw, "march") != 0);
}

/* Whether a possessive comes before word i and a superlative after it:
 * "the world's seven richest nations", "the firm's two biggest
 * shareholders" name the ones meant, as "the two" does (not "there's two
 * best ...", a contraction). */
static int possessive_superlative(const td_qctx *c, size_t i) {
  static const char *const contractions[] = {"there's", "that's", "it's", "here's", "what's",
                                             "who's", "he's", "she's", "let's", "where's", NULL};
  const td_qword *b = &c->w[i - 1];
  if (!(ends_with(b->lw, "'s") || ends_with(b->lw, "s'")) || td_qword_in(b, contractions)) return 0;
  if (i + 1 >= c->nw) return 0;
  const char *a = c->w[i + 1].lw;
  size_t n = strlen(a);
  return td_str_eq(a, "most") || (n > 4 && ends_with(a, "est") && !(c->w[i + 1].flags & TD_QW_CAP));
}

/* Whether the number at word i is a year, a date, a time of day, or part
 * of a name: not a quantity. */
static int not_a_quantity(const td_qctx *c, const units *u, size_t i, double v) {
  const td_qword *w = &c->w[i];
  size_t len = w->e - w->s;
  if (w->flags & TD_QW_DIGIT) {
    /* an identifier: ten digits or more without separators (the digits:
     * "15-year-old" is eleven bytes and no identifier) */
    size_t nd = strspn(w->lw, "0123456789");
    if (nd >= 10 && !strchr(w->lw, ',') && !strchr(w->lw, '.')) return 1;
    /* 9/11, 24/7, 10/31: dates and set phrases */
    if ((i + 1 < c->nw && strcmp(c->w[i + 1].lw, "/") == 0 && c->w[i + 1].s == w->e) ||
        (i > 0 && strcmp(c->w[i - 1].lw, "/") == 0 && c->w[i - 1].e == w->s))
      return 1;
    /* a year: four digits, 1800-2100, not followed by a counted noun */
    /* an older year after a preposition: "laws dating from 1695" */
    if (len == 4 && v >= 1000 && v < 1800 && !strchr(w->lw, ',') && i > 0 &&
        ql_has(&QL_YEAR_PREP, c->w[i - 1].lw) &&
        (i + 1 >= c->nw || !find_row(u, UK_UNIT, c->w[i + 1].lw))) /* not "of 1500 troops" */
      return 1;
    if (len == 4 && v >= 1800 && v <= 2100 && !strchr(w->lw, ',')) {
      if (i + 1 >= c->nw || !find_row(u, UK_UNIT, c->w[i + 1].lw)) return 1;
    }
    /* a time of day: 10:30, 3 p.m. */
    if (i + 2 < c->nw && strcmp(c->w[i + 1].lw, ":") == 0 && (c->w[i + 2].flags & TD_QW_DIGIT))
      return 1;
    if (i > 1 && strcmp(c->w[i - 1].lw, ":") == 0 && (c->w[i - 2].flags & TD_QW_DIGIT)) return 1;
    if (i + 1 < c->nw && strcmp(c->w[i + 1].lw, "o'clock") == 0) return 1;
    /* "at 1200 GMT", "0630 BST" */
    if (i + 1 < c->nw && ql_has(&QL_ZONES, c->w[i + 1].lw)) return 1;
    if (i + 1 < c->nw && (strcmp(c->w[i + 1].lw, "a.m.") == 0 || strcmp(c->w[i + 1].lw, "p.m.") == 0 ||
                          strcmp(c->w[i + 1].lw, "a.m") == 0 || strcmp(c->w[i + 1].lw, "p.m") == 0))
      return 1;
  }
  /* a reference to things already named: "the two countries", "these three
   * men", "their two sons" (a small number word after a definite word) */
  if (!(w->flags & TD_QW_DIGIT) && v <= 12 && i > 0 &&
      (ql_has(&QL_DEFINITE, c->w[i - 1].lw) || possessive_superlative(c, i)) &&
      !strchr(w->lw, '-') && /* "the two-year ban" is no reference */
      !(i + 1 < c->nw && time_unit_word(u, &c->w[i + 1]))) /* nor "for the three months to December" */
    return 1;
  /* a fraction: "two thirds of", "three quarters of the vote" */
  if (!(w->flags & TD_QW_DIGIT) && i + 2 < c->nw && strcmp(c->w[i + 2].lw, "of") == 0 &&
      td_qword_in(&c->w[i + 1], (const char *const[]){"thirds", "quarters", "fifths", "tenths",
                                                       "halves", NULL}))
    return 1;
  /* a number word in a name: "the Six Nations", "BBC Four World Cinema" */
  if (!(w->flags & TD_QW_DIGIT) && (w->flags & TD_QW_CAP) && !(w->flags & TD_QW_PARA) && i > 0 &&
      !(c->w[i - 1].flags & (TD_QW_SEND | TD_QW_QOPEN)) && i + 1 < c->nw && (c->w[i + 1].flags & TD_QW_CAP))
    return 1;
  /* a rate: "one in 16 messages", and a number in ten, a hundred, a
   * thousand: "4 in 10 voters", "eight in 10 adults" (the 16, the 10: what
   * the share is of, no count; not "lost $4 in five days", "round four in
   * eight attempts") */
  if (i >= 2 && strcmp(c->w[i - 1].lw, "in") == 0 &&
      (strcmp(c->w[i - 2].lw, "one") == 0 ||
       ((v == 10 || v == 100 || v == 1000) &&
        (word_value(c->w[i - 2].lw) >= 0 ||
         ((c->w[i - 2].flags & TD_QW_DIGIT) && strspn(c->w[i - 2].lw, "0123456789") == strlen(c->w[i - 2].lw))))))
    return 1;
  /* a code with a leading zero and the digit groups after it: "0800 028
   * 9276", "0630 BST" */
  for (size_t k = i + 1; k-- > 0 && k + 4 > i;) {
    const td_qword *x = &c->w[k];
    if (!(x->flags & TD_QW_DIGIT) || (k < i && strspn(x->lw, "0123456789") != strlen(x->lw))) break;
    if (x->lw[0] == '0' && x->lw[1] >= '0' && x->lw[1] <= '9') return 1;
  }
  /* a number to text or call: "text 85130", "call 999", "dial 112 now":
   * plain digits right after a contact verb, no noun counted after them
   * (not "called 100 people") */
  if ((w->flags & TD_QW_DIGIT) && len >= 3 && strspn(w->lw, "0123456789") == len && i > 0 &&
      td_qword_in(&c->w[i - 1], (const char *const[]){"text", "texting", "sms", "call", "calling",
                                                       "dial", "dialling", "dialing", "ring", "phone",
                                                       "phoning", "telephone", NULL}) &&
      !(i + 1 < c->nw && !(c->w[i + 1].flags & TD_QW_PUNCT) &&
        (find_row(u, UK_UNIT, c->w[i + 1].lw) || c->w[i + 1].upos == TD_NOUN)))
    return 1;
  /* a numbered part: "section 6", "article 50", "page 3" */
  if (i > 0 && ql_has(&QL_PARTS, c->w[i - 1].lw)) return 1;
  /* a character reference or a rank after "#": "S&#227;o Paulo", "#1" */
  if (i > 0 && strcmp(c->w[i - 1].lw, "#") == 0 && c->w[i - 1].e == w->s) return 1;
  /* a rank in a table: "ranked 106 in the world", "has slipped to 64 in
   * the world", "rose to third in the rankings" */
  if (i > 0 && i + 3 < c->nw &&
      td_qword_in(&c->w[i - 1], (const char *const[]){"ranked", "to", "from", "at", NULL}) &&
      strcmp(c->w[i + 1].lw, "in") == 0 && strcmp(c->w[i + 2].lw, "the") == 0 &&
      td_qword_in(&c->w[i + 3], (const char *const[]){"world", "rankings", "standings", NULL}))
    return 1;
  /* a rank: "world number five", "number 10 shirt" */
  /* ("top" is a rank, `the US top 10 albums`, but not the verb after a
   * modal or "to": `sales could top 50,000 units`) */
  static const char *const before_verb[] = {"could", "would", "will", "may", "might", "should",
                                            "can", "to", "must", "expected", NULL};
  if (i > 0 && (strcmp(c->w[i - 1].lw, "number") == 0 || strcmp(c->w[i - 1].lw, "numbers") == 0 ||
                (strcmp(c->w[i - 1].lw, "top") == 0 &&
                 !(i > 1 && td_qword_in(&c->w[i - 2], before_verb)))))
    return 1;
  /* the second of two ranks: "at number eight and 10 respectively" */
  if (i >= 3 && td_qword_in(&c->w[i - 1], (const char *const[]){"and", "or", ",", NULL}) &&
      td_qword_in(&c->w[i - 3], (const char *const[]){"number", "numbers", NULL}))
    return 1;
  /* a date: next to a month name, or days before one ("from 6 to 9
   * January", "14-17 February") */
  if (i > 0 && is_month(&c->w[i - 1])) return 1;
  if (i + 1 < c->nw && is_month(&c->w[i + 1])) return 1;
  if (i + 3 < c->nw && (w->flags & TD_QW_DIGIT) && v <= 31 &&
      td_qword_in(&c->w[i + 1], (const char *const[]){"to", "-", "and", "until", NULL}) &&
      (c->w[i + 2].flags & TD_QW_DIGIT) && is_month(&c->w[i + 3]))
    return 1;
  /* a name: "Hwasong-19" is one word; "Apollo 11", "Resolution 2231" */
  if (i > 0 && (c->w[i - 1].flags & TD_QW_CAP) && !(c->w[i - 1].flags & TD_QW_PARA) &&
      !(c->w[i - 1].flags & TD_QW_PUNCT) && i >= 2 && !(c->w[i - 2].flags & TD_QW_SEND) &&
      c->w[i - 1].upos != TD_PRON && /* "Why aren't I 50 points ahead" */
      !strchr(w->lw, '-') && !ends_with(c->w[i - 1].lw, "'s") && /* "Inter Milan's 22-year-old" */
      !(i + 1 < c->nw && find_row(u, UK_UNIT, c->w[i + 1].lw)))
    return 1;
  /* a name opening the sentence, its verb or a conjunction right after
   * the number: "Radio 1 said", "Halo 2 won the award", "Maroon 5 and
   * Keane" (not "Only 5 came", "Some 30 were saved": adverbs and
   * determiners) */
  if (i > 0 && (w->flags & TD_QW_DIGIT) && !strchr(w->lw, '-') && (c->w[i - 1].flags & TD_QW_CAP) &&
      !(c->w[i - 1].flags & TD_QW_PUNCT) &&
      (i == 1 || (c->w[i - 1].flags & TD_QW_PARA) || (c->w[i - 2].flags & TD_QW_SEND)) &&
      (c->w[i - 1].upos == TD_PROPN || c->w[i - 1].upos == TD_NOUN || c->w[i - 1].upos == TD_INTJ ||
       c->w[i - 1].upos == TD_X) &&
      i + 1 < c->nw && (c->w[i + 1].upos == TD_VERB || c->w[i + 1].upos == TD_AUX || c->w[i + 1].upos == TD_CCONJ))
    return 1;
  return 0;
}

/* A lowercase word that reads as an adjective: "additional", "armed". */
static int adjective_like(const td_qword *w) {
  static const char *const sufs[] = {"al", "ic", "ive", "ous", "ed", "ian", "ese", "ish", "ary",
                                     "ful", "less", "ern", "ing", "ble", NULL};
  size_t n = strlen(w->lw);
  if (ql_has(&QL_ADJ, w->lw)) return 1;
  for (int i = 0; sufs[i]; i++) {
    size_t m = strlen(sufs[i]);
    if (n > m + 2 && strcmp(w->lw + n - m, sufs[i]) == 0) return 1;
  }
  return 0;
}

/* With POS tags, the head of the noun phrase at word j: its last noun
 * before anything else ("28 separate spyware programs", "273 phishing
 * e-mails", "15 million mobile phones"), adjectives, names and participles
 * only before the first common noun ("337,000 jobs last month" ends at
 * "jobs"; "6,500 Kenyan troops" at "troops"). -1
 * when the words are untagged (the caller guesses), -2 when tagged and no
 * noun follows ("12 whose", "30 engage"). */
static size_t np_head(const td_qctx *c, size_t j) {
  if (j >= c->nw || !c->w[j].upos) return (size_t)-1;
  size_t last = (size_t)-2;
  int noun = 0;
  for (size_t k = j; k < c->nw && k < j + 4; k++) {
    const td_qword *w = &c->w[k];
    if (w->flags & (TD_QW_PUNCT | TD_QW_PARA)) break;
    size_t n = strlen(w->lw);
    if (w->upos == TD_NOUN) last = k, noun = 1;
    else if (noun) break;
    else if (w->upos == TD_PROPN) last = k; /* "North Korean troops": a name may go on */
    else if (w->upos == TD_ADJ) continue;
    else if (n > 4 && !(w->flags & TD_QW_CAP) &&
             (strcmp(w->lw + n - 2, "ed") == 0 || strcmp(w->lw + n - 3, "ing") == 0 ||
              strchr(w->lw, '-')) &&
             k + 1 < c->nw && (c->w[k + 1].upos == TD_NOUN || c->w[k + 1].upos == TD_ADJ))
      continue; /* "50,000 hijacked home computers", "273 phishing e-mails", "50,000
                 * with-profits investors" (however tagged) */
    else break;
  }
  return last;
}

/* The counted noun after word j: "troops" in "6,500 Kenyan troops",
 * "of troops" after vague numbers. */
static void find_unit(const td_qctx *c, const units *u, size_t j, qparse *p) {
  p->unit_word = (size_t)-1;
  if (j < c->nw && strcmp(c->w[j].lw, "of") == 0) {
    j++;
    /* "two of the band's guitarists", "400 of its workers": a plural head */
    if (j < c->nw && ql_has(&QL_DEFINITE, c->w[j].lw) && strcmp(c->w[j].lw, "other") != 0) {
      size_t h = np_head(c, ++j);
      const unit_row *r = h < c->nw ? find_row(u, UK_UNIT, c->w[h].lw) : NULL;
      if (h < c->nw && (r || counted_noun(&c->w[h]))) {
        p->unit = r ? r->name : c->w[h].lw, p->unit_noun = c->w[h].lw, p->unit_word = h;
      }
      return;
    }
  }
  /* a time after the number is when, not what: "813,200 last month",
   * "1.2 million this year" */
  if (j < c->nw && !(c->w[j].flags & TD_QW_CAP) &&
      td_qword_in(&c->w[j], (const char *const[]){"last", "next", "this", "every", "each", NULL}))
    return; /* ("49 Next stores" count) */
  /* a listed unit right after: "a seven hour response", "a nine month sentence"
   * ("strong" counts people only joined by a hyphen: "a 300-strong crowd",
   * not "five strong reasons") */
  const unit_row *r0 = j < c->nw && !(c->w[j].flags & TD_QW_PUNCT) && strcmp(c->w[j].lw, "strong") != 0
                           ? find_row(u, UK_UNIT, c->w[j].lw)
                           : NULL;
  if (r0) {
    p->unit = r0->name, p->unit_noun = c->w[j].lw, p->unit_word = j;
    return;
  }
  size_t h = np_head(c, j);
  if (h == (size_t)-2) return;
  if (h != (size_t)-1) {
    const unit_row *r = find_row(u, UK_UNIT, c->w[h].lw);
    p->unit = r ? r->name : c->w[h].lw, p->unit_noun = c->w[h].lw, p->unit_word = h;
    /* "12,000 job cuts", "1,000 job losses": jobs, cut (the measure rows) */
    if (h > j && strcmp(c->w[h - 1].lw, "job") == 0 &&
        td_qword_in(&c->w[h], (const char *const[]){"cuts", "losses", NULL}) && (r = find_row(u, UK_UNIT, "jobs")))
      p->unit = r->name;
    return;
  }
  for (size_t k = j; k < c->nw && k < j + 4; k++) {
    const td_qword *w = &c->w[k];
    if ((w->flags & TD_QW_PUNCT) && strcmp(w->lw, "%") != 0) break;
    const unit_row *r = find_row(u, UK_UNIT, w->lw);
    if (r) {
      p->unit = r->name, p->unit_noun = w->lw, p->unit_word = k;
      return;
    }
    if (k > j && ql_has(&QL_STOP, w->lw)) break;
    /* skip names ("North Korean") and adjectives, stop at another noun */
    if (!(w->flags & TD_QW_CAP) && !adjective_like(w)) break;
  }
  /* otherwise the word right after, when it reads as a noun */
  if (j < c->nw && !(c->w[j].flags & (TD_QW_PUNCT | TD_QW_DIGIT | TD_QW_CAP))) {
    if (!ql_has(&QL_NOT_NOUN, c->w[j].lw)) {
      p->unit = c->w[j].lw, p->unit_noun = c->w[j].lw, p->unit_word = j;
    }
  }
}

/* Whether "already" follows within three words ("3,000 troops already
 * dispatched"): a fact, whatever the sentence forecasts. */
static int already_after(const td_qctx *c, size_t last) {
  for (size_t k = last + 1; k < c->nw && k <= last + 3; k++)
    if (strcmp(c->w[k].lw, "already") == 0) return 1;
  return 0;
}

/* Whether a past time follows right after: "from £194m last year", "2.1% a
 * year ago" (a fact, whatever the clause forecasts; "in 2003" does not say
 * which: a plan "for 2010" is one). */
static int past_after(const td_qctx *c, size_t last) {
  size_t k = last + 1;
  if (k + 1 < c->nw && strcmp(c->w[k].lw, "last") == 0 &&
      td_qword_in(&c->w[k + 1], (const char *const[]){"year", "month", "week", "quarter", NULL}))
    return 1;
  return k + 2 < c->nw && strcmp(c->w[k + 2].lw, "ago") == 0 &&
         td_qword_in(&c->w[k + 1], (const char *const[]){"year", "month", "week", "years", "months", "weeks",
                                                          NULL});
}

static int is_punct_word(const td_qctx *c, size_t i, char ch) {
  return (c->w[i].flags & TD_QW_PUNCT) && c->w[i].e - c->w[i].s == 1 && c->doc->text[c->w[i].s] == ch;
}

/* Whether word k ends a clause for status: , ; : or a dash (a bracket
 * ends the clause of a number inside it; one outside is passed over). */
static int clause_mark(const td_qctx *c, size_t k) {
  const td_qword *w = &c->w[k];
  if (!(w->flags & TD_QW_PUNCT)) return 0;
  return strchr(",;:", c->doc->text[w->s]) != NULL || strcmp(w->lw, "-") == 0 ||
         strcmp(w->lw, "\xe2\x80\x94") == 0 || strcmp(w->lw, "\xe2\x80\x93") == 0;
}

/* Whether the coordinator at word k joins two clauses, the second's
 * subject a count, before the clause's end e: a verb ends the clause
 * before it, and after it come up to three words of a qualifier, a
 * number, its noun phrase and the number's own verb ("300 troops were
 * sent and about 200 troops were killed", "were killed and five million
 * left homeless"; not "Phuket and five other provinces return", "150
 * euros and 300 euros if they had", "while 1,200 and 550 will go"). */
static int counted_clause(const td_qctx *c, size_t k, size_t e) {
  if (k == 0 || c->w[k - 1].upos != TD_VERB) return 0;
  int num = 0;
  for (size_t x = k + 1; x <= e && x < c->nw && x < k + 10; x++) {
    const td_qword *w = &c->w[x];
    int u = w->upos;
    if (w->flags & TD_QW_PUNCT) return 0;
    if ((w->flags & TD_QW_DIGIT) || u == TD_NUM) num = 1;
    else if (num && (u == TD_VERB || u == TD_AUX)) return 1;
    else if (num ? !(u == TD_NOUN || u == TD_ADJ || u == TD_PROPN)
                 : (x > k + 3 || !(u == TD_DET || u == TD_ADJ || u == TD_ADV || u == TD_ADP)))
      return 0;
  }
  return 0;
}

/* The clause of quantity p in its sentence s..e, into *pcs..*pce: the
 * sentence cut at the commas, semicolons, colons and dashes around the
 * number, and at the brackets around a number inside them ("created
 * 337,000 jobs last month, twice the amount expected" is a fact); a clause
 * of its own after "while"/"whereas" on either side ("profits rose 5% while
 * sales are expected to fall"), and after the number at a verb joined by
 * "and"/"but" ("fell to 4.3% in 2004 and is expected to remain at 3%";
 * before it the verbs share what governs them: "are expected to rise and
 * hit $5bn"). */
static void clause_of(const td_qctx *c, const qparse *p, size_t s, size_t e, size_t *pcs, size_t *pce) {
  size_t cs = p->first, ce = p->last;
  while (cs > s && !clause_mark(c, cs - 1) && !is_punct_word(c, cs - 1, '(')) {
    cs--;
    if (is_punct_word(c, cs, ')')) { /* a bracket before is passed over */
      while (cs > s && !is_punct_word(c, cs - 1, '(')) cs--;
      if (cs > s && is_punct_word(c, cs - 1, '(')) cs--;
    }
  }
  while (ce < e && !clause_mark(c, ce + 1) && !is_punct_word(c, ce + 1, ')')) {
    ce++;
    if (is_punct_word(c, ce, '(')) { /* "up to $500,000 (£266,582) could be imposed" */
      while (ce < e && !is_punct_word(c, ce + 1, ')')) ce++;
      if (ce < e) ce++;
    }
  }
  static const char *const subord[] = {"while", "whereas", NULL};
  static const char *const coord[] = {"and", "but", NULL};
  for (size_t k = cs; k < p->first; k++)
    if (td_qword_in(&c->w[k], subord)) cs = k + 1;
  for (size_t k = p->last + 1; k <= ce && k < c->nw; k++)
    if (td_qword_in(&c->w[k], subord) ||
        (td_qword_in(&c->w[k], coord) && k + 1 < c->nw &&
         (c->w[k + 1].upos == TD_AUX || c->w[k + 1].upos == TD_VERB || counted_clause(c, k, ce)))) {
      ce = k - 1;
      break;
    }
  /* a clause joined by "and"/"but" whose subject the number counts
   * ("300 troops were sent and 200 troops were killed": 200 were killed,
   * not sent; not "sent 300 troops and 200 police", which share "sent") */
  for (size_t k = p->first; k-- > cs;) {
    if (c->w[k].upos == TD_VERB || c->w[k].upos == TD_AUX) break;
    if (td_qword_in(&c->w[k], coord) && counted_clause(c, k, ce)) {
      cs = k + 1;
      break;
    }
  }
  *pcs = cs, *pce = ce;
}

/* What the nearest word of words s..e listed in one of the measure rows
 * rows[0..nrows) says is counted ("deployed"), or NULL. */
static const char *nearest_measure(const td_qctx *c, const units *u, const qparse *p,
                                   const unit_row **rows, size_t nrows, size_t s, size_t e) {
  size_t best = (size_t)-1;
  const char *what = NULL;
  for (size_t k = s; nrows && k <= e && k < c->nw; k++) {
    const uword *x = find_word(u, c->w[k].lw);
    if (!x || x->first[UK_MEASURE] < 0) continue; /* in no measure row */
    /* (a capitalized word inside the sentence is a name's: "the Drink Or
     * Die network") */
    if ((c->w[k].flags & TD_QW_CAP) && k > 0 && !(c->w[k].flags & TD_QW_PARA) &&
        !(c->w[k - 1].flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_PUNCT)))
      continue;
    for (size_t r = 0; r < nrows; r++) {
      const unit_row *row = rows[r];
      if (!in_words(row->words, c->w[k].lw)) continue;
      size_t d = k > p->last ? k - p->last : p->first > k ? p->first - k : 0;
      if (best == (size_t)-1 || d < best) best = d, what = row->what;
    }
  }
  return what;
}

/* The period of a rate written right after word k, the quantity's last
 * or what it holds ("50 lives a year", "30,000 copies an hour", "three to
 * four megabytes per day", "3,000 tonnes of coal a year"): "year",
 * "hour", "day", or NULL. A rate is another measure than a count of the
 * same noun ("more than 1 million copies" in all). */
static const char *rate_after(const td_qctx *c, size_t k) {
  static const char *const per[] = {"a", "an", "per", "every", "each", NULL};
  static const char *const periods[] = {"year", "month", "week", "day", "hour", "minute", "second",
                                        "quarter", "annum", NULL};
  k++;
  if (k + 1 >= c->nw || !td_qword_in(&c->w[k], per) || !td_qword_in(&c->w[k + 1], periods)) return NULL;
  return c->w[k + 1].lw;
}

/* What a unit of mass, volume or data holds, named after it by "of" ("3,217
 * tonnes of gold", "200 megabytes of traffic", "1.4 billion cubic feet of
 * gas"): the word index of the head noun (a lowercase word the tagger
 * took for an adjective, alone before the phrase ends, too: "gold, or"),
 * or (size_t)-1. Two such amounts of two things are two measures. */
static size_t stuff_of(const td_qctx *c, const qparse *p) {
  static const char *const mass[] = {"tons", "kilograms", "grams", "megabytes", "gigabytes",
                                     "terabytes", "kilobytes", "barrels", "litres", "liters",
                                     "gallons", "ounces", "feet", "acres", "hectares", NULL};
  if (!p->unit || p->unit_word != p->last || !td_str_in(p->unit, mass)) return (size_t)-1;
  size_t k = p->last + 1;
  if (k + 1 >= c->nw || strcmp(c->w[k].lw, "of") != 0) return (size_t)-1;
  size_t h = np_head(c, k + 1);
  if (h == (size_t)-2 && c->w[k + 1].upos == TD_ADJ && all_letters(c->w[k + 1].lw) &&
      (k + 2 >= c->nw || c->w[k + 2].upos != TD_NOUN))
    h = k + 1;
  if (h >= c->nw || (c->w[h].upos != TD_NOUN && h != k + 1) || (c->w[h].flags & TD_QW_CAP)) return (size_t)-1;
  return h;
}

/* Whether the quantity is the sample of a poll or survey, whatever it
 * counts: "a survey of 5,196 firms", "a poll of 1,313 people", "a sample
 * of 1,981 voters", "surveys of more than 1,000 users". */
static int poll_sample(const td_qctx *c, const qparse *p) {
  static const char *const polls[] = {"poll", "polls", "survey", "surveys", "sample", "samples",
                                      "questionnaire", "census", NULL};
  return p->first >= 2 && strcmp(c->w[p->first - 1].lw, "of") == 0 && td_qword_in(&c->w[p->first - 2], polls);
}

/* Whether the number p is the subject of a verb of its own in its clause
 * (words up to ce), after an auxiliary ("20 were released", "12 have
 * been freed"): what that verb says is no measure word of the sentence's
 * ("50 people were arrested and 20 were released": not arrested). */
static int clause_verb(const td_qctx *c, const qparse *p, size_t ce) {
  static const char *const aux[] = {"was", "were", "is", "are", "have", "has", "had", "been", "be", "being",
                                    NULL};
  size_t k = p->last + 1;
  if (k >= c->nw || k > ce || !td_qword_in(&c->w[k], aux)) return 0;
  while (k <= ce && k < c->nw && td_qword_in(&c->w[k], aux)) k++;
  if (k < c->nw && k <= ce && c->w[k].upos == TD_ADV) k++; /* "were later charged" */
  return k < c->nw && k <= ce && c->w[k].upos == TD_VERB;
}

/* measure and status from the sentence around the quantity; rows: u->n
 * slots of scratch. The measure is the unit and what the nearest measure
 * word says, in the number's clause when one is there, else in its
 * sentence ("12,500 jobs had gone while 7,800 were being moved": the
 * 7,800 were moved; "Twenty people, including a Briton, have been
 * arrested"). */
static void measure_status(const td_qctx *c, const units *u, const qparse *p, td_quantity *out,
                           const unit_row **rows, td_arena *a) {
  size_t s = p->first, e = p->last;
  while (s > 0 && !(c->w[s - 1].flags & TD_QW_SEND) && !(c->w[s].flags & TD_QW_PARA)) s--;
  while (e + 1 < c->nw && !(c->w[e].flags & TD_QW_SEND) && !(c->w[e + 1].flags & TD_QW_PARA)) e++;
  size_t cs, ce;
  clause_of(c, p, s, e, &cs, &ce);
  out->measure = out->unit;
  if (out->unit) {
    /* the measure rows of this unit, once, then the words against them */
    size_t nrows = 0;
    for (size_t r = 0; r < u->n; r++) {
      const unit_row *row = &u->r[r];
      if (row->k == UK_MEASURE && row->what && strcmp(row->name, out->unit) == 0)
        rows[nrows++] = row;
    }
    const char *what = poll_sample(c, p) ? "polled" : nearest_measure(c, u, p, rows, nrows, cs, ce);
    /* (not when the clause has a verb of its own that says something else:
     * "50 people were arrested and 20 were released") */
    if (!what && !clause_verb(c, p, ce)) what = nearest_measure(c, u, p, rows, nrows, s, e);
    /* a part of the people named so ("six children", "20 women") is its
     * own measure: "children killed" is no figure of "people killed"; not
     * the first of a list ("25,000 girls and women", "men, women and
     * children") */
    static const char *const parts[] = {"children", "boys", "girls", "women", "men", NULL};
    static const char *const lists[] = {"and", "or", ",", NULL};
    const char *who = out->unit;
    if (strcmp(out->unit, "people") == 0 && p->unit_noun && td_str_in(p->unit_noun, parts) &&
        p->unit_word < c->nw && !(p->unit_word + 1 < c->nw && td_qword_in(&c->w[p->unit_word + 1], lists)))
      who = out->measure = p->unit_noun;
    if (what) out->measure = td_arena_printf(a, "%s %s", who, what);
    size_t stuff = stuff_of(c, p);
    const char *rate = NULL;
    if (stuff != (size_t)-1) out->measure = td_arena_printf(a, "%s of %s", out->measure, c->w[stuff].lw);
    /* (not of shares, money, multiples, durations or ages: "£5 a week",
     * "75p an hour", "three times a day", "two hours a day") */
    static const char *const no_rate[] = {"percent", "percentage points", "points", "pence", "cents",
                                          "times", "years old", NULL};
    if (!td_str_in(out->unit, no_rate) && !is_time_unit(out->unit) &&
        !find_row(u, UK_MONEY, out->unit) && (rate = rate_after(c, stuff != (size_t)-1 ? stuff : p->last)))
      out->measure = td_arena_printf(a, "%s per %s", out->measure, rate);
  }
  /* expected: a forecast or plan in the clause, unless "already" follows */
  out->status = "actual";
  if (already_after(c, p->last) || past_after(c, p->last)) return;
  /* an age written as a modifier or a noun describes who it is now,
   * whatever the clause plans: "the 29-year-old would be a strong
   * contender", "The episode featuring the 28-year-old will be screened" */
  if (out->unit && strcmp(out->unit, "years old") == 0 && p->unit_noun && strstr(p->unit_noun, "year-old")) return;
  s = cs, e = ce;
  for (size_t k = s; k <= e && k < c->nw; k++) {
    if (k >= p->first && k <= p->last) continue;
    if (is_punct_word(c, k, '(')) { /* "The firm (which will grow) made 5 cars" */
      while (k < e && !is_punct_word(c, k, ')')) k++;
      continue;
    }
    /* (a capitalized word inside a sentence is a name, no modal: "in
     * May", "Will Smith"; not "Forecasts for growth were") */
    if (ql_has(&QL_FUTURE, c->w[k].lw) &&
        !((c->w[k].flags & TD_QW_CAP) && k > 0 && !(c->w[k].flags & TD_QW_PARA) &&
          !(c->w[k - 1].flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_PUNCT)))) {
      out->status = "expected";
      return;
    }
    /* an offer is a plan ("offered to pay $300m", "offered £5m to settle",
     * "offering to buy"); "one offering 512mb of storage", "Sky offers 500
     * channels" provide */
    if (strcmp(c->w[k].lw, "offered") == 0 ||
        (td_qword_in(&c->w[k], (const char *const[]){"offer", "offers", "offering", NULL}) &&
         k + 1 < c->nw && strcmp(c->w[k + 1].lw, "to") == 0)) {
      out->status = "expected";
      return;
    }
    /* "rates are to be cut", "jobs are to go" */
    if (strcmp(c->w[k].lw, "to") == 0 && k > 0 && k + 1 < c->nw &&
        td_qword_in(&c->w[k - 1], (const char *const[]){"is", "are", "was", "were", NULL}) &&
        (c->w[k + 1].upos == TD_VERB || c->w[k + 1].upos == TD_AUX)) {
      out->status = "expected";
      return;
    }
    if (strcmp(c->w[k].lw, "set") == 0 && k + 1 < c->nw && strcmp(c->w[k + 1].lw, "to") == 0) {
      out->status = "expected";
      return;
    }
    /* "by the end of this year" */
    if (strcmp(c->w[k].lw, "by") == 0 && k + 2 < c->nw && strcmp(c->w[k + 2].lw, "end") == 0) {
      out->status = "expected";
      return;
    }
  }
}

static int is_comma(const td_qctx *c, size_t i) {
  return (c->w[i].flags & TD_QW_PUNCT) && c->doc->text[c->w[i].s] == ',';
}

/* Whether the words before word i name an age: "aged", "ages", "age of",
 * "age to", "age is". */
static int age_before(const td_qctx *c, size_t i) {
  if (i == 0) return 0;
  const char *p = c->w[i - 1].lw;
  if (strcmp(p, "aged") == 0 || strcmp(p, "ages") == 0) return 1;
  return i >= 2 && strcmp(c->w[i - 2].lw, "age") == 0 &&
         (strcmp(p, "of") == 0 || strcmp(p, "to") == 0 || strcmp(p, "is") == 0);
}

/* Whether word k is a dash: - – — ― (an apposition's end: "Roe, 40 ― a
 * father of two"). */
static int is_dash(const td_qctx *c, size_t k) {
  const td_qword *w = &c->w[k];
  return (w->flags & TD_QW_PUNCT) && td_dash(c->doc->text + w->s, w->e - w->s) != 0;
}

/* Whether the bare number at word i (no counted noun after it) is an age
 * by what the sentence says around it: after "turns" ("before he turns
 * 35"); after a person and a copula, ending a clause ("who is 70.", "she
 * will be 34 when", "I'm 30 now"); after "at" in a clause of a life event
 * ("became an MP at 27 and Leader of the Opposition at 36", "died at
 * 85"); or within twelve words after "age" in its sentence ("the voting
 * age is 18", "the minimum age of 21 would be reduced to 18"). */
static int age_context(const td_qctx *c, size_t i) {
  static const char *const turns[] = {"turn", "turns", "turned", "turning", NULL};
  static const char *const copulas[] = {"is", "was", "be", "am", "'m", "i'm", "are", "were", NULL};
  static const char *const persons[] = {"he", "she", "i", "who", "you", "we", "they", "i'm", NULL};
  static const char *const modals[] = {"will", "would", "now", "still", "only", "just", "then", NULL};
  static const char *const events[] = {"became", "become", "becomes", "becoming", "died", "dies",
                                       "retired", "retires", "married", NULL};
  static const char *const ends[] = {"now", "and", "but", "while", "when", "whereas", "this", "next",
                                     "last", "in", "on", "at", NULL};
  if (i == 0) return 0;
  const td_qword *b = &c->w[i - 1];
  if (td_qword_in(b, turns)) return 1;
  int end = i + 1 >= c->nw || (c->w[i + 1].flags & (TD_QW_PUNCT | TD_QW_PARA)) ||
            td_qword_in(&c->w[i + 1], ends);
  if (end && td_qword_in(b, copulas)) {
    if (td_str_eq(b->lw, "i'm")) return 1;
    size_t k = i - 1;
    while (k > 0 && td_qword_in(&c->w[k - 1], modals)) k--;
    if (k > 0) {
      const td_qword *s = &c->w[k - 1];
      if (td_qword_in(s, persons) || (s->upos == TD_PROPN && (s->flags & TD_QW_CAP))) return 1;
    }
  }
  for (size_t k = i; k-- > 0 && k + 12 >= i;) {
    const td_qword *x = &c->w[k];
    if ((x->flags & TD_QW_SEND) || (c->w[k + 1].flags & TD_QW_PARA)) break;
    if (td_str_eq(x->lw, "age")) return 1;
    if (td_str_eq(b->lw, "at") && td_qword_in(x, events)) return 1;
    if (clause_mark(c, k)) break;
  }
  return 0;
}

/* Whether the quantity at word first opens with "over", "under", "above"
 * or "below" right after people ("people under 30", "those over 65",
 * "women over 50"): their age. */
static int people_over(const td_qctx *c, const units *u, size_t first) {
  static const char *const bounds[] = {"over", "under", "above", "below", NULL};
  static const char *const who[] = {"those", "anyone", "everyone", "someone", NULL};
  if (first == 0 || !td_qword_in(&c->w[first], bounds)) return 0;
  const td_qword *b = &c->w[first - 1];
  const unit_row *r = find_row(u, UK_UNIT, b->lw);
  return td_qword_in(b, who) || (r && td_str_eq(r->name, "people") && !td_str_eq(b->lw, "strong"));
}

/* Whether word w can begin a quantity at all (perf, issue 11: most words
 * cannot, and parse_quantity's checks cost more than these): digits, a
 * vague amount ("thousands"), a number word, a hyphenated word (maybe
 * "twenty-five"), or "a" ("a dozen"). The same tests parse_quantity and
 * read_number begin with, so skipping the others changes nothing; every
 * such word but "a" begins with three letters of tri (ql_build), which
 * turns away "the", "that", "on" and most others at once. */
static int may_start(const td_qword *w) {
  const char *s = w->lw;
  if ((w->flags & TD_QW_DIGIT) || (s[0] == 'a' && s[1] == 0) || (s[0] == 'h' && strcmp(s, "half") == 0))
    return 1;
  unsigned a = (unsigned)(s[0] - 'a'), b, c;
  if (a >= 26 || (b = (unsigned)(s[1] - 'a')) >= 26 || (c = (unsigned)(s[2] - 'a')) >= 26 ||
      !(tri[a][b] >> c & 1))
    return 0;
  return (strchr(s, '-') != NULL || ql_has(&QL_VAGUE, s) || word_value(s) >= 0);
}

/* Parses a quantity at word i. 1 with *p filled, else 0. */
static int parse_quantity(const td_qctx *c, const units *u, size_t i, qparse *p) {
  memset(p, 0, sizeof *p);
  const td_qword *w = &c->w[i];
  /* vague: "thousands of", "dozens of" */
  if (ql_has(&QL_VAGUE, w->lw) && i + 1 < c->nw && strcmp(c->w[i + 1].lw, "of") == 0) {
    static const double vv[] = {24, 200, 2000, 2000000, 2000000000, 20};
    for (int k = 0; vague_words[k]; k++)
      if (strcmp(w->lw, vague_words[k]) == 0) p->value = vv[k];
    if (strcmp(w->lw, "tens") == 0) p->value = 20;
    p->first = i, p->qualifier = "vague", p->num_end = i + 1;
    /* "tens of thousands of", "hundreds of thousands of" */
    if (i + 3 < c->nw && ql_has(&QL_VAGUE, c->w[i + 2].lw) &&
        strcmp(c->w[i + 3].lw, "of") == 0) {
      if (strcmp(c->w[i + 2].lw, "thousands") == 0) p->value *= 1000;
      else if (strcmp(c->w[i + 2].lw, "millions") == 0) p->value *= 1000000;
      p->num_end = i + 3;
    }
    find_unit(c, u, p->num_end, p);
    p->last = p->unit_word != (size_t)-1 ? p->unit_word : i;
    return p->unit_word != (size_t)-1;
  }
  size_t after;
  double v;
  const char *hyph = NULL;
  const char *cur = i > 0 ? money_sign(u, &c->w[i - 1]) : NULL; /* "$", "£" */
  int money = cur != NULL;
  const char *cc = money ? money_prefixed(c, u, i - 1) : NULL; /* "A$", "HK$" */
  if (cc) cur = cc;
  double vmax = 0;
  if (!read_number(c, u, i, &v, &after, &hyph, &vmax)) return 0;
  /* "15-plus years": at least 15 years */
  int plus = hyph && strcmp(hyph, "plus") == 0;
  /* "40-odd calls", "twenty-odd years": about 40 calls */
  int odd = hyph && strcmp(hyph, "odd") == 0;
  if (plus || odd) hyph = NULL;
  int scaled = 0; /* "three million": a count without a noun */
  for (size_t x = i + 1; x < after; x++) scaled |= is_scale(u, &c->w[x], &(double){0});
  if (!(w->flags & TD_QW_DIGIT) && !scaled) {
    /* number words count only with a scale, a counted noun ("three
     * awards": a plural noun, tagged so, when no unit is listed), or a
     * listed unit after a hyphen ("three-day", not "one-off"), or a
     * counted one before a margin ("a two-goal lead") */
    if (hyph && !find_row(u, UK_UNIT, hyph) && !(v >= 2 && counted_modifier(hyph) && margin_after(c, i)))
      return 0;
    if (!hyph) {
      qparse t;
      memset(&t, 0, sizeof t);
      size_t ua = after, a2;
      double v2, m2;
      const char *h2;
      /* "two or three phones", "three to five days": the noun after the second */
      if (ua + 1 < c->nw && (strcmp(c->w[ua].lw, "or") == 0 || strcmp(c->w[ua].lw, "to") == 0) &&
          read_number(c, u, ua + 1, &v2, &a2, &h2, &m2) && !h2)
        ua = a2;
      if (v < 2 && ua < c->nw && strcmp(c->w[ua].lw, "of") == 0) return 0; /* "one of the" */
      find_unit(c, u, ua, &t);
      if (t.unit_word == (size_t)-1) return 0;
      const td_qword *hw = &c->w[t.unit_word];
      /* a plural name counts after a lowercase number word: "six Bafta
       * Awards", "three Britons" */
      int named = (hw->flags & TD_QW_CAP) && !(w->flags & TD_QW_CAP) &&
                  (hw->upos == TD_PROPN || hw->upos == TD_NOUN) && ends_with(hw->lw, "s") &&
                  !ends_with(hw->lw, "ss") && !ends_with(hw->lw, "'s") && strcmp(hw->lw, "us") != 0;
      if (!find_row(u, UK_UNIT, hw->lw) && !(v >= 2 && (counted_noun(hw) || named)))
        return 0;
    }
  }
  if (not_a_quantity(c, u, i, v)) return 0;
  p->value = v, p->first = cc ? i - 2 : money ? i - 1 : i, p->num_end = after;
  if (vmax > v) {
    double f = 1, g;
    for (size_t x = i + 1; x < after; x++)
      if (is_scale(u, &c->w[x], &g)) f *= g;
    p->value_max = vmax * f, p->has_max = 1;
  }
  p->qualifier = p->has_max ? "range" : qualifier_before(c, p->first, &p->first);
  if (plus && strcmp(p->qualifier, "exact") == 0) p->qualifier = "at_least";
  if (odd && strcmp(p->qualifier, "exact") == 0) p->qualifier = "about";
  /* a range: "10,000 to 12,000", "10,000-12,000", "between 5 and 10",
   * "between 1% and 3%" */
  size_t pct = after;
  if (after + 2 < c->nw && !hyph && (strcmp(c->w[after].lw, "%") == 0 || strcmp(c->w[after].lw, "percent") == 0) &&
      strcmp(c->w[after + 1].lw, "and") == 0 && p->first > 0 && strcmp(c->w[p->first - 1].lw, "between") == 0)
    after++; /* not "rose 0.25% to 5.5%", a change */
  /* (not a change: "increased by 296,000 to 28.52 million", "from 2% to
   * 4%" are two numbers) */
  int change = p->first > 0 && (ql_has(&QL_CHANGE, c->w[p->first - 1].lw));
  if (after + 1 < c->nw && !hyph &&
      (strcmp(c->w[after].lw, "-") == 0 || (strcmp(c->w[after].lw, "to") == 0 && !change) ||
       strcmp(c->w[after].lw, "or") == 0 ||
       (strcmp(c->w[after].lw, "and") == 0 && p->first > 0 &&
        strcmp(c->w[p->first - 1].lw, "between") == 0))) {
    size_t k = after + 1, a2;
    if (k + 1 < c->nw && money_prefixed(c, u, k + 1)) k++; /* "A$4-A$5" */
    if (k < c->nw && money_sign(u, &c->w[k])) k++;
    double v2;
    const char *h2;
    if (k < c->nw && read_number(c, u, k, &v2, &a2, &h2, NULL) && !h2 && v2 > v) {
      /* "3 to 5 million": the scale of the second applies to the first */
      if (a2 > k + 1 && after == i + 1) {
        double f = 1;
        for (size_t x = k + 1; x < a2; x++) {
          double g;
          if (is_scale(u, &c->w[x], &g)) f *= g;
        }
        p->value *= f;
      }
      p->value_max = v2, p->has_max = 1, p->qualifier = "range";
      if (strcmp(c->w[after].lw, "and") == 0) p->first--;
      after = a2;
    }
  }
  if (after == pct + 1 && !p->has_max) after = pct; /* "5% and rising": no range */
  p->num_end = after;
  if (hyph && !money) {
    const unit_row *r = find_row(u, UK_UNIT, hyph);
    const char *pl = r ? NULL : modifier_plural(&c->doc->arena, hyph);
    if (pl) r = find_row(u, UK_UNIT, pl); /* "a 25-man crew": men are people */
    p->unit = r ? r->name : pl ? pl : hyph;
    p->unit_noun = hyph;
    p->last = i;
    return 1;
  }
  if (money) {
    p->unit = cur, p->last = after - 1;
    return 1;
  }
  if (after + 1 < c->nw && strcmp(c->w[after].lw, "percentage") == 0 &&
      strcmp(c->w[after + 1].lw, "points") == 0) {
    p->unit = "percentage points", p->last = after + 1;
    return 1;
  }
  if (after < c->nw && (strcmp(c->w[after].lw, "%") == 0 || strcmp(c->w[after].lw, "percent") == 0)) {
    p->unit = "percent", p->last = after;
    return 1;
  }
  if (after + 1 < c->nw && strcmp(c->w[after].lw, "per") == 0 && strcmp(c->w[after + 1].lw, "cent") == 0) {
    p->unit = "percent", p->last = after + 1;
    return 1;
  }
  /* an age in apposition: "Scott, 43, a father of seven", "said Hynde, 53." */
  if (after == i + 1 && i >= 2 && is_comma(c, i - 1) && after < c->nw &&
      (is_comma(c, after) || strcmp(c->w[after].lw, ".") == 0 || is_dash(c, after)) &&
      (c->w[i - 2].flags & TD_QW_CAP) &&
      v < 130) {
    p->unit = "years old", p->last = i;
    return 1;
  }
  /* an age named so: "aged 13", "at the age of 24", "ages 55 to 65"; or
   * people over or under it: "people under 30", "those over 65" */
  if (v < 130 && (w->flags & TD_QW_DIGIT) &&
      (age_before(c, p->first) || (after == i + 1 && v == (double)(int)v && people_over(c, u, p->first)))) {
    p->unit = "years old", p->last = after - 1;
    return 1;
  }
  find_unit(c, u, after, p);
  p->last = p->unit_word != (size_t)-1 ? p->unit_word : after - 1;
  /* an age the sentence says without "aged": "she turns 35", "who is 70.",
   * "the voting age is 18 ... reduced to 16", "became an MP at 27" */
  if (p->unit_word == (size_t)-1 && after == i + 1 && (w->flags & TD_QW_DIGIT) && v >= 1 && v < 120 &&
      v == (double)(int)v && age_context(c, i)) {
    p->unit = "years old";
    return 1;
  }
  /* a number in a name: "the Fight for 15 Movement", "its 787 Dreamliner":
   * a bare number before capitalized words with no plural among them
   * ("2,000 Kurds", "31 Latinos Share ..." count), unless the name goes on
   * ("300 Department of Health posts") */
  if (p->unit_word != (size_t)-1 && after == i + 1 && (w->flags & TD_QW_DIGIT) &&
      (c->w[p->unit_word].flags & TD_QW_CAP) && !find_row(u, UK_UNIT, c->w[p->unit_word].lw) &&
      !(p->unit_word + 1 < c->nw && strcmp(c->w[p->unit_word + 1].lw, "of") == 0)) {
    size_t k = after;
    while (k <= p->unit_word && !ends_with(c->w[k].lw, "s")) k++;
    if (k > p->unit_word) return 0;
  }
  /* "two years ago", "three days later": a point in time (the times
   * layer's), not an amount */
  if (p->unit_word != (size_t)-1 && p->unit_word + 1 < c->nw && is_time_unit(p->unit) &&
      ql_has(&QL_RELATIVE, c->w[p->unit_word + 1].lw))
    return 0;
  /* "five days before the ceremony", "Four months after the incident": a
   * point in time too, where nothing before the number makes it a span
   * ("for two days before it sold out", "the first 15 minutes before
   * falling away", "less than 10 weeks before", "it could be five years
   * before", "had to wait 48 hours before", "live 16 years after") */
  static const char *const span_words[] = {
      "for", "the", "past", "first", "last", "next", "over", "within", "during", "in", "of", "all",
      "those", "these", "just", "only", "another", "than", "little", "be", "is", "was", "were",
      "been", "wait", "waits", "waited", "waiting", "take", "takes", "took", "taken", "taking",
      "spend", "spent", "live", "lived", "require", "requires", "required", NULL};
  if (p->unit_word != (size_t)-1 && p->unit_word + 1 < c->nw && is_time_unit(p->unit) &&
      p->unit_word == p->num_end && strcmp(p->qualifier, "exact") == 0 &&
      td_qword_in(&c->w[p->unit_word + 1], (const char *const[]){"before", "after", NULL}) &&
      !(p->first > 0 && td_qword_in(&c->w[p->first - 1], span_words)))
    return 0;
  /* "over six years" is a period, not "more than" */
  if (p->unit && strcmp(p->qualifier, "at_least") == 0 && strcmp(c->w[p->first].lw, "over") == 0 &&
      td_str_in(p->unit, (const char *const[]){"years", "months", "weeks",
                                                                   "days", "hours", "minutes", NULL})) {
    p->qualifier = "exact";
    p->first++;
  }
  return 1;
}

/* A bound written after the quantity: "$100,000 or more" (at least),
 * "$200 or less" (at most); it joins the span. */
static void bound_after(const td_qctx *c, qparse *p) {
  static const char *const more[] = {"more", "higher", "above", "over", "greater", NULL};
  static const char *const less[] = {"less", "fewer", "under", "below", "lower", NULL};
  size_t k = p->last + 1;
  if (strcmp(p->qualifier, "exact") != 0 || k + 1 >= c->nw || strcmp(c->w[k].lw, "or") != 0) return;
  if (td_qword_in(&c->w[k + 1], more)) p->qualifier = "at_least", p->last = k + 1;
  else if (td_qword_in(&c->w[k + 1], less)) p->qualifier = "at_most", p->last = k + 1;
}

/* The unit of a bare number that the sentence leaves out: the counted noun
 * of an earlier number in the sentence ("12,500 jobs had gone while 7,800
 * were moved", "10 judges rather than 11", "from 24 weeks to 20"), or the
 * noun of "the number of ..." before it ("the number of people out of work
 * rose 32,000 to 1.41 million"). prev is the last word of the sentence's
 * last quantity with a counted unit, or (size_t)-1; money and shares
 * carry their own signs. 1 with p->unit set. */
static int elided_unit(const td_qctx *c, const units *u, size_t prev, const char *prev_unit, size_t last_q,
                       qparse *p) {
  size_t i = p->num_end - 1;
  int digits = 0; /* digits, or a scale ("five million lives ... and five million thereafter") */
  for (size_t k = p->first; k < p->num_end; k++)
    digits |= (c->w[k].flags & TD_QW_DIGIT) || (k > p->first && is_scale(u, &c->w[k], &(double){0}));
  if (p->unit || !digits || p->has_max) return 0; /* "one", "two" alone are no counts, nor "30-40" */
  if (i + 1 < c->nw && !(c->w[i + 1].flags & TD_QW_PUNCT) && c->w[i + 1].upos != TD_AUX &&
      c->w[i + 1].upos != TD_VERB && c->w[i + 1].upos != TD_ADP && c->w[i + 1].upos != TD_CCONJ &&
      c->w[i + 1].upos != TD_SCONJ && c->w[i + 1].upos != TD_ADV && c->w[i + 1].upos != TD_PRON &&
      !td_qword_in(&c->w[i + 1], (const char *const[]){"last", "next", "this", NULL}))
    return 0; /* a noun or name follows that find_unit did not take */
  /* the earlier count, unless "the number of ..." comes between ("14,000
   * jobs were created, taking the number of people employed to 38.9
   * million": people) */
  int counted = prev != (size_t)-1 && prev < p->first && p->first - prev <= 25 &&
                c->w[prev].sent == c->w[i].sent;
  for (size_t k = p->first; counted && k-- > prev + 1;)
    if (strcmp(c->w[k].lw, "number") == 0 && k + 2 < p->first && strcmp(c->w[k + 1].lw, "of") == 0) {
      counted = 0;
      break;
    }
  if (counted) {
    p->unit = prev_unit;
    return 1;
  }
  for (size_t k = p->first; k-- > 0 && k + 30 > p->first;) {
    if (c->w[k].flags & TD_QW_SEND || c->w[k + 1].flags & TD_QW_PARA) break;
    if (strcmp(c->w[k].lw, "number") == 0 && k + 2 < p->first && strcmp(c->w[k + 1].lw, "of") == 0) {
      qparse t;
      memset(&t, 0, sizeof t);
      find_unit(c, u, k + 2, &t);
      if (t.unit_word == (size_t)-1 || t.unit_word >= p->first ||
          !(counted_noun(&c->w[t.unit_word]) || find_row(u, UK_UNIT, c->w[t.unit_word].lw)))
        return 0; /* "the number of subscribers", "the number of people out of work" */
      p->unit = t.unit;
      return 1;
    }
  }
  /* the sentence before, when its count was the last number and this one
   * is large and whole ("More than 16 million viewers watched. Ratings
   * have since settled at about 12 million per episode."; not "the index
   * closed at 6709.93", "Andre 3000") */
  int scaled = p->num_end > p->first + 1;
  if (prev != (size_t)-1 && prev == last_q && prev < p->first && p->first - prev <= 40 &&
      (ends_with(prev_unit, "s") || strcmp(prev_unit, "people") == 0) && /* not "the 100,000 mark" */
      c->w[prev].sent + 1 == c->w[i].sent && !(c->w[p->first].flags & TD_QW_PARA) && p->value >= 1000 &&
      (scaled || (!strchr(c->w[i].lw, '.') && strchr(c->w[i].lw, ',')))) {
    p->unit = prev_unit;
    return 1;
  }
  return 0;
}

/* Whether the quantity p is part of a date the times layer found: its
 * span overlaps a date with a month ("4 or 5 April": a range of
 * days, not 4 to 5 Aprils), or it is a day number joined to a date
 * ("May 5 or 6", "on 3 and 4 June" read as "3"). *t: a cursor into the
 * times, which come in text order as the quantities do. */
static int in_date(const td_qctx *c, const td_doc *doc, size_t *t, const qparse *p) {
  uint32_t b = c->w[p->first].s, e = c->w[p->last].e;
  while (*t < doc->ntimes && doc->times[*t].span.end <= (p->first >= 2 ? c->w[p->first - 2].s : b)) (*t)++;
  for (size_t k = *t; k < doc->ntimes && doc->times[k].span.start < e; k++) {
    const td_time *x = &doc->times[k];
    /* a date with its month (XXXX-04-05, 2005-03): not "current" or
     * "second-half", which qualify counted nouns */
    const char *v = x->value;
    if (strcmp(x->type, "DATE") != 0 || !v || strlen(v) < 7 || v[4] != '-' || !isdigit((unsigned char)v[5]))
      continue;
    if (x->span.end > b) return 1; /* overlaps */
    /* a day number after "or"/"and"/"to" right after the date */
    if (!p->unit && p->value >= 1 && p->value <= 31 && p->value == (double)(int)p->value &&
        p->first >= 2 && p->first == p->last &&
        td_qword_in(&c->w[p->first - 1], (const char *const[]){"or", "and", "to", "through", NULL}) &&
        x->span.end == c->w[p->first - 2].e && isdigit((unsigned char)doc->text[x->span.end - 1]))
      return 1;
  }
  return 0;
}

/* Whether p counts the units of a definite period the times layer found,
 * the frame of other figures rather than a figure of its own ("in the 12
 * months through February", "over the next five years", "in the last
 * three months of 2004", "for the three months to December"): a DURATION
 * opening with "the" that holds p, ending in p's unit in the plural. Not a
 * modifier ("The 93 minute film", "the next four-year cycle") nor a span
 * without "the" ("jailed for two years"). Binary search over the times. */
static int definite_period(const td_qctx *c, const td_doc *doc, const qparse *p) {
  if (!p->unit || !is_time_unit(p->unit) || p->unit_word != p->last || p->last >= c->nw ||
      !ends_with(c->w[p->last].lw, "s"))
    return 0;
  uint32_t b = c->w[p->first].s, e = c->w[p->last].e;
  size_t lo = 0, hi = doc->ntimes;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->times[mid].span.start <= b) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return 0;
  const td_time *x = &doc->times[lo - 1];
  return x->type && strcmp(x->type, "DURATION") == 0 && x->span.end >= e && x->span.end <= e + 1 &&
         x->span.start + 4 <= b && strncasecmp(doc->text + x->span.start, "the ", 4) == 0;
}

/* Whether a possessive name stands right before the quantity at word
 * first: the owner of what it counts ("IBM's 3,248 patents", "Britain's
 * five big banks"), the actor it is about. */
static int owner_before(const td_qctx *c, size_t first) {
  if (first == 0) return 0;
  const td_qword *b = &c->w[first - 1];
  return (b->flags & TD_QW_CAP) && (ends_with(b->lw, "'s") || ends_with(b->lw, "\xe2\x80\x99s"));
}

/* Whether the time t lies inside a quantity of q's sentence other than q
 * (k its index). */
static int time_in_other(const td_doc *doc, size_t k, const td_time *t) {
  const td_quantity *q = &doc->quants[k];
  for (size_t j = k; j-- > 0 && doc->quants[j].sentence == q->sentence;)
    if (doc->quants[j].span.start <= t->span.start && t->span.end <= doc->quants[j].span.end) return 1;
  for (size_t j = k + 1; j < doc->nquants && doc->quants[j].sentence == q->sentence; j++)
    if (doc->quants[j].span.start <= t->span.start && t->span.end <= doc->quants[j].span.end) return 1;
  return 0;
}

/* A time that is part of another quantity is that quantity's, not the
 * time of this one: "a four-month jail sentence and a fine of $250,000"
 * (the fine is of no four months), "a seven-month low of 105.17", "the
 * 90-day consultation period required for companies planning more than 10
 * redundancies", "25,772 US patents in that period and more than 40,000
 * current patents"; unless a preposition of time opens it ("offered £960m
 * over 15 years", "after 48 minutes ... from 25 yards", "In 12 months the
 * lasers have helped the firm set up networks in more than 700
 * locations", "rise 13.4% during the five-month period"). */
static void times_of_others(const td_qctx *c, td_doc *doc) {
  static const char *const preps[] = {"in", "within", "over", "after", "during", NULL};
  static const char *const dets[] = {"the", "a", "an", "this", "that", "its", "their", NULL};
  for (size_t k = 0; k < doc->nquants; k++) {
    td_quantity *q = &doc->quants[k];
    if (q->time < 0 || !time_in_other(doc, k, &doc->times[q->time])) continue;
    size_t w = td_qword_at(c, doc->times[q->time].span.start);
    if (w > 1 && w <= c->nw && td_qword_in(&c->w[w - 1], dets)) w--; /* "over a twenty year period" */
    if (w > 0 && w <= c->nw && td_qword_in(&c->w[w - 1], preps)) continue;
    q->time = -1;
  }
}

/* Whether the counted word of p lies in a person's name and the number
 * opens a line (a rank or list number: "16 Tommy Haas (Germany)", "4
 * Chris Christie.") or is part of the name ("50 Cent said"); no count.
 * (Inside a sentence the tagger's persons may be counted: "400,000 Sri
 * Lankans", "17,815 Buick Raniers".) */
static int in_person_name(const td_qctx *c, const qparse *p) {
  if (!p->unit || p->unit_word < p->first || p->unit_word > p->last || p->unit_word >= c->nw ||
      !(c->w[p->unit_word].flags & TD_QW_CAP))
    return 0;
  const td_doc *d = c->doc;
  int a = td_actor_at(d, c->w[p->unit_word].s, c->w[p->unit_word].e);
  if (a < 0 || !d->actors[a].kind || !td_str_eq(d->actors[a].kind, "person")) return 0;
  return (c->w[p->first].flags & TD_QW_PARA) || td_actor_at(d, c->w[p->first].s, c->w[p->first].e) == a;
}

/* ---- what a bare number is the figure of ---- */

/* Whether word k may be part of the noun phrase whose figure a number
 * gives: an article, adjective, noun, name, number or possessive. */
static int figure_np_word(const td_qctx *c, size_t k) {
  const td_qword *w = &c->w[k];
  if (w->flags & (TD_QW_PUNCT | TD_QW_PARA)) return 0;
  return w->upos == TD_DET || w->upos == TD_ADJ || w->upos == TD_NOUN || w->upos == TD_PROPN ||
         w->upos == TD_NUM || w->upos == TD_PART || strcmp(w->lw, "of") == 0;
}

/* The head of the noun phrase of words s..e (inclusive): its last noun
 * before a preposition ("New loans in December": loans), a generic figure
 * word giving way to its modifier or complement ("the death toll": death,
 * "the jobless total": jobless, "the number of dead": dead). (size_t)-1
 * when none is a common noun or an adjective of such a figure. */
static size_t figure_head(const td_qctx *c, size_t s, size_t e, int *generic) {
  static const char *const generic_words[] = {"number", "numbers", "total", "figure", "figures", "count",
                                        "tally", "toll", "level", "amount", NULL};
  size_t h = (size_t)-1;
  /* (a phrase with a number of its own is that number's: "74 percent of
   * voters were", "The number waiting over 12 months fell") */
  for (size_t k = s; k <= e && k < c->nw; k++)
    if (c->w[k].flags & TD_QW_DIGIT) return (size_t)-1;
  for (size_t k = s; k <= e && k < c->nw; k++) {
    if (c->w[k].upos == TD_ADP) break;
    /* (a figure word, however tagged: "the benefit claimant total") */
    if (c->w[k].upos == TD_NOUN || td_qword_in(&c->w[k], generic_words)) h = k;
  }
  if (h == (size_t)-1 || (c->w[h].flags & TD_QW_CAP && h != s)) return (size_t)-1;
  if (!td_qword_in(&c->w[h], generic_words)) return h;
  *generic = 1;
  if (h > s && (c->w[h - 1].upos == TD_NOUN || c->w[h - 1].upos == TD_ADJ) && !(c->w[h - 1].flags & TD_QW_CAP))
    return h - 1;
  if (h + 2 <= e && strcmp(c->w[h + 1].lw, "of") == 0 &&
      (c->w[h + 2].upos == TD_NOUN || c->w[h + 2].upos == TD_ADJ) && !(c->w[h + 2].flags & TD_QW_CAP))
    return h + 2;
  return (size_t)-1;
}

/* The word that says what the bare number p is a figure of, or (size_t)-1,
 * *generic set when a generic figure word ("total", "toll", "number")
 * gave way to it: the object of an estimate before "at" ("Police put the
 * crowd at 10,000", "put the death toll at 50"), or the subject of a verb
 * of level right before the number or before "to", "at", "by" or "from"
 * and a change ("Japan's population is expected to peak at 127 million",
 * "New loans in December rose to 83,000", "the jobless total fell 11,000
 * to 813,200", "unit sales in 2004 were 6,798,000": a copula only right
 * before it). A subject's prepositional phrase is passed over ("New loans
 * in December": loans). */
static size_t figure_of(const td_qctx *c, const qparse *p, int *generic) {
  static const char *const estimates[] = {"put", "puts", "putting", "estimated", "estimates", "estimate",
                                          "estimating", "valued", "values", "value", "valuing", "pegged",
                                          NULL};
  static const char *const levels[] = {
      "rose", "rises", "rising", "fell", "falls", "falling", "dropped", "drops", "climbed", "climbs",
      "jumped", "slipped", "increased", "decreased", "grew", "declined", "slumped", "soared", "plunged",
      "edged", "reached", "reach", "reaches", "hit", "hits", "totalled", "totaled", "totals", "topped",
      "exceeded", "stood", "stands", "stand", "peaked", "peak", "peaks", "was", "were", "is", "are", NULL};
  static const char *const copulas[] = {"was", "were", "is", "are", NULL};
  static const char *const preps[] = {"to", "at", "by", "from", NULL};
  static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
                                    "would", "could", "may", "might", "expected", "set", "likely", "to",
                                    "also", "now", "still", "just", "already", "further", "again", NULL};
  static const char *const pp[] = {"in", "on", "for", "from", "at", "during", "across", "since", "after",
                                   "before", "between", NULL};
  *generic = 0;
  size_t i = p->first;
  if (i < 2 || (c->w[i].flags & TD_QW_PARA)) return (size_t)-1;
  size_t j = i - 1, s = 0, e = 0;
  if (strcmp(c->w[j].lw, "at") == 0) /* an estimate: its object */
    for (size_t k = j; k-- > 0 && k + 10 > j && !(c->w[k + 1].flags & TD_QW_PARA);) {
      if (td_qword_in(&c->w[k], estimates) && c->w[k].upos == TD_VERB) {
        if (k + 1 < j) s = k + 1, e = j - 1;
        break;
      }
      if (!figure_np_word(c, k)) break;
    }
  if (e == 0) { /* a level: its subject */
    size_t v = j;
    if (td_qword_in(&c->w[v], preps)) {
      v--;
      if ((c->w[v].flags & TD_QW_DIGIT) && v > 0) v--; /* a change first */
    }
    /* (a copula right before a bare figure beyond any age only: "people
     * are over 80", "my bride was 20") */
    if ((c->w[v].flags & TD_QW_PARA) || !td_qword_in(&c->w[v], levels) ||
        (td_qword_in(&c->w[v], copulas) && (v != j || strcmp(p->qualifier, "exact") != 0 || p->value < 200)))
      return (size_t)-1;
    size_t b = v;
    while (b > 0 && b + 6 > v && !(c->w[b].flags & TD_QW_PARA) && td_qword_in(&c->w[b - 1], aux)) b--;
    if (b == 0 || (c->w[b].flags & TD_QW_PARA)) return (size_t)-1;
    e = b - 1;
    for (;;) {
      if (!figure_np_word(c, e)) return (size_t)-1;
      s = e;
      while (s > 0 && e - s < 8 && !(c->w[s].flags & TD_QW_PARA) && figure_np_word(c, s - 1)) s--;
      if (s == 0 || (c->w[s].flags & TD_QW_PARA) || c->w[s - 1].upos != TD_ADP) break;
      /* the object of a preposition: the phrase before it heads ("New
       * loans in December"), else it is no subject ("the number of
       * Britons dead or missing in the disaster have reached 440") */
      if (s < 2 || !td_qword_in(&c->w[s - 1], pp) || (c->w[s - 1].flags & TD_QW_PARA)) return (size_t)-1;
      e = s - 2;
    }
  }
  return figure_head(c, s, e, generic);
}

/* Whether word k is a person's title ("champion", "minister"): a figure
 * after it is a rank or an age, no count of it ("the champion has
 * slipped to 64 in the world"). */
static int person_noun(const td_qctx *c, size_t k) {
  static const char *const cls[] = {"title", NULL};
  int found = 0;
  const td_doc *d = c->doc;
  if (d->eng && d->eng->dict) td_dict_lookup(d->eng->dict, c->w[k].lw, cls, found_cb, &found);
  return found;
}

/* The measure row of people that lists word w or its plural ("dead",
 * "jobless", "death" of "the death toll": people killed, people
 * unemployed), or NULL: what a figure of people is, where no unit is
 * written ("sales" of "sales will hit 200,000" are of no copies). */
static const unit_row *people_row(const units *u, const char *w) {
  char pl[64];
  size_t n = strlen(w);
  for (int k = 0; k < 2; k++) {
    if (k == 1) {
      if (n + 2 > sizeof pl) return NULL;
      memcpy(pl, w, n), pl[n] = 's', pl[n + 1] = 0, w = pl;
    }
    if (!find_row(u, UK_MEASURE, w)) continue;
    for (size_t r = 0; r < u->n; r++) {
      const unit_row *row = &u->r[r];
      if (row->k == UK_MEASURE && row->what && strcmp(row->name, "people") == 0 && in_words(row->words, w))
        return row;
    }
  }
  return NULL;
}

/* Whether w is a lowercase word that a title-case line would capitalize:
 * three letters or more, no article, conjunction or preposition. */
static int plain_lower(const td_qword *w) {
  static const char *const small[] = {"the", "and", "but", "for", "nor", "with", "from", "into",
                                      "onto", "over", "upon", NULL};
  return !(w->flags & (TD_QW_CAP | TD_QW_PUNCT | TD_QW_DIGIT)) && strlen(w->lw) >= 3 &&
         isalpha((unsigned char)w->lw[0]) && !td_qword_in(w, small);
}

/* Whether the number of p and the capitalized unit word right after it are
 * a name or a title, no amount: a unit in the singular after a number other
 * than one ("50 Cent", "24 Hour Party People", "the 12 Euro zone"), or a
 * unit of time, length or mass ("CBS's 60 Minutes show", "21 Grams"); not a
 * currency in the plural ("885,000 Euros"), a word in capitals ("40 GB") or
 * a people ("41 Britons": no unit row). Beside a plural a lowercase word
 * must stand, or the line may be a headline in title case ("Strike Lasts
 * 10 Days"). */
static int in_title_name(const td_qctx *c, const units *u, const qparse *p) {
  static const char *const physical[] = {"kilometers", "miles", "meters", "centimeters", "kilograms",
                                         "tons", "megabytes", "gigabytes", NULL};
  size_t k = p->unit_word;
  if (!p->unit || k != p->num_end || k >= c->nw || !(c->w[k].flags & TD_QW_CAP) ||
      (c->w[k].flags & TD_QW_PARA) || c->w[k].e - c->w[k].s < 2 ||
      !islower((unsigned char)c->doc->text[c->w[k].s + 1]) || !find_row(u, UK_UNIT, c->w[k].lw))
    return 0;
  if (p->value != 1 && !ends_with(c->w[k].lw, "s")) return 1;
  if (!is_time_unit(p->unit) && !td_str_in(p->unit, physical)) return 0;
  return (p->first > 0 && !(c->w[p->first].flags & TD_QW_PARA) && !(c->w[p->first - 1].flags & TD_QW_SEND) &&
          plain_lower(&c->w[p->first - 1])) ||
         (k + 1 < c->nw && !(c->w[k + 1].flags & TD_QW_PARA) && plain_lower(&c->w[k + 1]));
}

/* Whether p is two whole numbers joined by a hyphen in one word with no
 * unit and no qualifier: a score ("defeated them 0-1", "6-7 (3-7) 6-3"),
 * odds ("odds of 6-9") or a model ("the 737-800", "ATR 72-500"); a range of
 * amounts in running text takes its unit, sign or qualifier ("2-3%",
 * "between 30-40", "aged 30-39"). */
static int joined_pair(const td_qctx *c, const qparse *p) {
  if (p->unit || !p->has_max || p->first != p->last || p->num_end != p->last + 1) return 0;
  const char *w = c->w[p->first].lw;
  size_t a = strspn(w, "0123456789");
  return a > 0 && w[a] == '-' && w[a + 1 + strspn(w + a + 1, "0123456789")] == 0 && isdigit((unsigned char)w[a + 1]);
}

/* ---- what a share or a sum of an indicator measures ---- */

/* Whether byte offset at lies inside a time expression of the times layer
 * (sorted by start): "Last year" in "Last year sales rose 5%" is no part
 * of what the number measures. Binary search. */
static int in_time(const td_doc *doc, uint32_t at) {
  size_t lo = 0, hi = doc->ntimes;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->times[mid].span.start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && at < doc->times[lo - 1].span.end;
}

/* Whether word k may lead the phrase of what an indicator's number
 * measures: a lowercase common noun or adjective (capitalized only where
 * the sentence opens: "Consumer prices"), no part of a time. */
static int indicator_word(const td_qctx *c, size_t k) {
  const td_qword *w = &c->w[k];
  if ((w->flags & (TD_QW_PUNCT | TD_QW_DIGIT)) || ends_with(w->lw, "'s") || ends_with(w->lw, "'")) return 0;
  if ((w->flags & TD_QW_CAP) && k > 0 && !(w->flags & TD_QW_PARA) && !(c->w[k - 1].flags & TD_QW_SEND))
    return 0;
  /* (the tagger's name that opens a sentence and is no actor's: "Gross
   * domestic product fell") */
  if (w->upos == TD_PROPN && !((w->flags & TD_QW_CAP) && td_actor_at(c->doc, w->s, w->e) < 0)) return 0;
  return (w->upos == TD_NOUN || w->upos == TD_ADJ || w->upos == TD_PROPN) && !in_time(c->doc, w->s);
}

/* Whether word k is an abbreviation in capitals that is no actor's name
 * ("GDP", "CPI"): an indicator's name. */
static int indicator_acronym(const td_qctx *c, size_t k) {
  const td_qword *w = &c->w[k];
  size_t n = w->e - w->s;
  if (n < 2 || n > 5) return 0;
  for (size_t i = 0; i < n; i++)
    if (!isupper((unsigned char)c->doc->text[w->s + i])) return 0;
  return td_actor_at(c->doc, w->s, w->e) < 0;
}

/* figure_np_word, the first word of a paragraph too: an indicator's subject
 * often opens one ("Consumer prices rose 3.2%"). */
static int indicator_np_word(const td_qctx *c, size_t k) {
  const td_qword *w = &c->w[k];
  if (w->flags & TD_QW_PUNCT) return 0;
  return w->upos == TD_DET || w->upos == TD_ADJ || w->upos == TD_NOUN || w->upos == TD_PROPN ||
         w->upos == TD_NUM || w->upos == TD_PART || strcmp(w->lw, "of") == 0;
}

/* The subject of the verb of change or level that governs a share or a sum
 * of money at word i (its first word, qualifier included), as figure_of
 * walks it: words *ps..*pe the phrase that heads it, *pend its last word
 * (a prepositional phrase after the head included), *level set when the number is the level
 * reached ("rose to 3.9%", "stood at 2.5%", "was 5.1%", "from 3% to 5%"),
 * clear when it is the change ("rose 3.2%", "grew by 0.5%", "were up 5%",
 * "is expected to rise 2%"). prev_first..prev_last: the quantity before,
 * a change passed over before "to" ("fell 5% to $90bn"); last: the
 * quantity's last word. */
static int indicator_subject(const td_qctx *c, size_t i, size_t last, size_t prev_first, size_t prev_last, size_t *ps,
                             size_t *pe, size_t *pend, int money, int *level) {
  static const char *const changes[] = {
      "rose", "rise", "rises", "rising", "risen", "fell", "fall", "falls", "falling", "fallen", "dropped",
      "drop", "drops", "climbed", "climb", "climbs", "jumped", "jump", "jumps", "slipped", "slip", "slips",
      "increased", "increase", "increases", "decreased", "decrease", "grew", "grow", "grows", "growing",
      "grown", "declined", "decline", "declines", "slumped", "slump", "soared", "soar", "plunged",
      "plunge", "edged", "surged", "surge",
      "tumbled", "tumble", "dipped", "dip", "eased", "ease", "rebounded", "expanded", "expand",
      "expands", "contracted", "contract", "shrank", "shrink", "shrunk", "advanced", "slid", "sank",
      "improved", "improve", "widened", "narrowed", "accelerated", "slowed", NULL};
  /* (a firm that gained or lost a sum made or spent it: "the firm lost $5bn") */
  static const char *const shares_only[] = {"gained", "gain", "gains", "lost", "lose", "loses", NULL};
  static const char *const levels[] = {"reached", "reach", "reaches", "hit", "hits", "totalled",
                                       "totaled", "totals", "topped", "stood", "stands", "stand",
                                       "peaked", "peak", "averaged", "remained", "remain", "remains",
                                       "was", "were", "is", "are", "be", "been", NULL};
  static const char *const copulas[] = {"was", "were", "is", "are", "be", "been", NULL};
  static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
                                    "would", "could", "may", "might", "expected", "forecast", "set",
                                    "likely", "to", "also", "now", "still", "just", "already", "further",
                                    "again", "sharply", "slightly", "steadily", "only", NULL};
  static const char *const pp[] = {"in", "on", "for", "from", "at", "during", "across", "since", "of",
                                   "among", "between", NULL};
  if (i < 2 || (c->w[i].flags & TD_QW_PARA)) return 0;
  size_t j = i - 1, v = j;
  *level = 0;
  if (td_qword_in(&c->w[j], (const char *const[]){"to", "at", "from", NULL})) *level = 1, v = j - 1;
  else if (strcmp(c->w[j].lw, "by") == 0) v = j - 1;
  if (*level && prev_last == v && prev_first != (size_t)-1 && prev_first > 1) {
    v = prev_first - 1; /* the change before: "fell by more than £600 from £190,329" */
    if (td_qword_in(&c->w[v], (const char *const[]){"by", "up", "down", NULL})) v--; /* "edged up 0.1% to 4.7%" */
  }
  if (v == 0 || (c->w[v].flags & TD_QW_PARA)) return 0;
  int bare_change = 0;
  if (!*level && td_qword_in(&c->w[v], (const char *const[]){"up", "down", NULL}) &&
      (td_qword_in(&c->w[v - 1], copulas) || td_qword_in(&c->w[v - 1], changes)))
    v--; /* "sales were up 5%", "edged up 0.1%" */
  else if (!*level && td_qword_in(&c->w[v], (const char *const[]){"up", "down", NULL}) &&
           (c->w[v - 1].upos == TD_NOUN || c->w[v - 1].upos == TD_PROPN))
    bare_change = 1;
  else if (td_qword_in(&c->w[v], copulas)) {
    if (v != j) return 0; /* "is at 5%" reads as a place or a rank as often */
    *level = 1;
  } else if (td_qword_in(&c->w[v], levels)) {
    *level = 1;
  } else if (!bare_change && !(td_qword_in(&c->w[v], changes) || (!money && td_qword_in(&c->w[v], shares_only)))) {
    return 0;
  } else if (v == j - 1 && strcmp(c->w[j].lw, "at") == 0) {
    *level = 0; /* a pace: "investment is growing at more than 25% a year" */
  }
  /* (a noun after an article is no verb: "a rise to 5%"; the tagger's
   * noun after a subject is: "The unemployment rate rose to 3.9%") */
  if (c->w[v - 1].upos == TD_DET || td_qword_in(&c->w[v - 1], (const char *const[]){"a", "an", "the", NULL}))
    return 0;
  /* a bound crossed is a level: "inflation fell below 10%" */
  if (td_qword_in(&c->w[i], (const char *const[]){"below", "above", "under", "over", NULL})) *level = 1;
  /* a level above or below another is a change ("House prices were 11.8%
   * higher on the year"); a comparison of others is none ("women were 18%
   * more likely than men") */
  if (last + 1 < c->nw && !(c->w[last].flags & TD_QW_SEND)) {
    const td_qword *nx = &c->w[last + 1];
    if (td_qword_in(nx, (const char *const[]){"higher", "lower", "above", "below", "up", "down", NULL}))
      *level = 0;
    else if (td_qword_in(nx, (const char *const[]){"more", "less", "fewer", "greater", "bigger", "smaller",
                                                   "likely", NULL}))
      return 0;
  }
  size_t b = v;
  while (b > 0 && b + 6 > v && !(c->w[b].flags & TD_QW_PARA) && td_qword_in(&c->w[b - 1], aux)) b--;
  if (b == 0 || (c->w[b].flags & TD_QW_PARA)) return 0;
  size_t e = b - 1, s;
  *pend = e;
  for (;;) {
    if (!indicator_np_word(c, e)) return 0;
    s = e;
    while (s > 0 && e - s < 8 && !(c->w[s].flags & TD_QW_PARA) && indicator_np_word(c, s - 1)) s--;
    if (s == 0 || (c->w[s].flags & TD_QW_PARA) || c->w[s - 1].upos != TD_ADP ||
        (bare_change && strcmp(c->w[s - 1].lw, "with") == 0))
      break;
    /* the phrase a preposition follows heads ("Shares in BP") */
    if (s < 2 || !td_qword_in(&c->w[s - 1], pp) || (c->w[s - 1].flags & TD_QW_PARA)) return 0;
    e = s - 2;
  }
  /* (not the object of a participle or one of two joined subjects: "the
   * percentage of people using BT lines has shrunk", "Spending on health
   * and education will rise") */
  if (s > 0 && !(c->w[s].flags & TD_QW_PARA) &&
      (c->w[s - 1].upos == TD_VERB || c->w[s - 1].upos == TD_AUX ||
       (c->w[s - 1].upos == TD_CCONJ && s >= 2 && !(c->w[s - 2].flags & (TD_QW_DIGIT | TD_QW_PUNCT)) &&
        (c->w[s - 2].upos == TD_NOUN || c->w[s - 2].upos == TD_PROPN || c->w[s - 2].upos == TD_ADJ))))
    return 0;
  /* (a change with no verb after "with": "with wages up 4%") */
  if (bare_change && (s == 0 || strcmp(c->w[s - 1].lw, "with") != 0)) return 0;
  *ps = s, *pe = e;
  return 1;
}

/* What a share or a sum of money at p measures where a verb of change or
 * level governs it (indicator_subject): its subject's head with the
 * lowercase nouns and adjectives before it ("consumer prices", "unemployment
 * rate", "annual inflation rate", "GDP"), plus " change" for a change
 * ("U.S. consumer prices rose 3.2%": consumer prices change; "The
 * unemployment rate rose to 3.9%": unemployment rate); NULL when there is
 * none, or its head is a figure word ("the total"), a change itself ("the
 * rise was 3%") or a person's title. *about: the actor the subject names,
 * its owner or modifier ("Apple's sales", "U.S. consumer prices", "Shares
 * in BP", "its profits"), or -1. */
static const char *indicator_measure(const td_qctx *c, const qparse *p, size_t prev_first, size_t prev_last,
                                     int money, int *about, td_arena *a) {
  static const char *const change_nouns[] = {"rise", "rises", "increase", "increases", "fall", "falls",
                                             "drop", "drops", "decline", "declines", "change", "changes",
                                             "gain", "gains", "cut", "cuts", "jump", "growth", "loss",
                                             "losses", "share", "proportion", "percentage", "rate", "rates",
                                             "majority", NULL};
  size_t s, e, end;
  int level, generic = 0;
  *about = -1;
  if (!indicator_subject(c, p->first, p->last, prev_first, prev_last, &s, &e, &end, money, &level)) return NULL;
  size_t h = figure_head(c, s, e, &generic), k0;
  if (generic) return NULL;
  if (h == (size_t)-1) { /* "GDP rose 0.3%" */
    h = s;
    while (h < e && c->w[h + 1].upos != TD_ADP) h++;
    if (!indicator_acronym(c, h)) return NULL;
    k0 = h;
  } else {
    /* (a rate alone is a bare share: "the rate rose to 5%" says no more than
     * "percent"; "the jobless rate" does) */
    if (!indicator_word(c, h) || person_noun(c, h) ||
        (td_qword_in(&c->w[h], change_nouns) && !(h > s && indicator_word(c, h - 1))))
      return NULL;
    k0 = h;
    while (k0 > s && indicator_word(c, k0 - 1)) k0--;
  }
  /* what a price or a value is of ("The price of gold fell to $413.50":
   * price of gold) */
  size_t of_end = h;
  if (h + 2 <= end && strcmp(c->w[h + 1].lw, "of") == 0) {
    size_t k = h + 2;
    if (k < end && c->w[k].upos == TD_DET) k++;
    while (k <= end && indicator_word(c, k)) k++;
    if (k > h + 2 && indicator_word(c, k - 1) && c->w[k - 1].upos == TD_NOUN) of_end = k - 1;
  }
  char buf[160];
  size_t n = 0;
  for (size_t k = k0; k <= of_end && n + 1 < sizeof buf; k++) {
    if (k > h && (c->w[k].upos == TD_DET || !(strcmp(c->w[k].lw, "of") == 0 || indicator_word(c, k)))) continue;
    int acr = indicator_acronym(c, k);
    const char *w = acr ? c->doc->text + c->w[k].s : c->w[k].lw;
    size_t len = acr ? c->w[k].e - c->w[k].s : strlen(w);
    if (len + 2 + n >= sizeof buf) return NULL;
    if (n) buf[n++] = ' ';
    memcpy(buf + n, w, len), n += len;
  }
  buf[n] = 0;
  if (td_qword_in(&c->w[s], (const char *const[]){"its", "their", NULL}))
    *about = td_actor_at(c->doc, c->w[s].s, c->w[s].e);
  else
    *about = td_actor_at(c->doc, c->w[s].s, c->w[end].e);
  return level ? td_arena_strndup(a, buf, n) : td_arena_printf(a, "%s change", buf);
}

/* Whether the cue phrase ending at byte b closes with a comma within five
 * words and the sentence goes on there with a clause that continues what
 * was said ("and", "but", "while", "whereas", "up from", "down from",
 * "compared with", "from", "with"), before byte e (the number's start). */
static int aside_goes_on(const td_qctx *c, uint32_t b, uint32_t e) {
  static const char *const on[] = {"and", "but", "while", "whereas", "up", "down", "compared", "from", "with",
                                   NULL};
  size_t k = td_qword_at(c, b);
  for (size_t n = 0; k < c->nw && n < 5 && c->w[k].s < e; k++, n++) {
    if (c->w[k].flags & (TD_QW_SEND | TD_QW_QOPEN)) return 0;
    if (is_comma(c, k)) return k + 1 < c->nw && c->w[k + 1].s < e && td_qword_in(&c->w[k + 1], on);
  }
  return 0;
}

/* Whether q's claimant who and its cue stand after q, set off by a comma
 * before them ("Prices rose 3.2%, the department said, ...", "..., said
 * the report, ..."), the cue a verb (not "..., in the survey, ..."). */
static int cue_aside(const td_qctx *c, const td_quantity *q, td_span who, td_span cue) {
  uint32_t b = who.start < cue.start ? who.start : cue.start;
  size_t v = td_qword_at(c, cue.start);
  if (b < q->span.end || v >= c->nw || c->w[v].upos != TD_VERB) return 0;
  size_t k = td_qword_at(c, b);
  return k > 0 && k < c->nw && is_comma(c, k - 1) && c->w[k - 1].s >= q->span.end;
}

/* Gives q, a share or a sum of money of its sentence q->sentence, the
 * measure and actor of the indicator whose change or level it is
 * (indicator_measure), and *ind_k its index; else, after "from", "with",
 * "against", "than", "versus" or "to", the measure of the indicator
 * quantity *ind_k right before it in the sentence, with the same unit ("rose 3.2%
 * ..., up from 3.1% in January", "rose to 3.9% from 3.7%", "compared with
 * 2.1%"). */
static void indicator_of(const td_qctx *c, const qparse *p, size_t prev_first, size_t prev_last, int money,
                         size_t *ind_k, td_quantity *q, td_arena *a) {
  static const char *const back[] = {"from", "with", "against", "than", "versus", "to", NULL};
  td_doc *doc = c->doc;
  size_t k = (size_t)(q - doc->quants);
  int about;
  const char *m = indicator_measure(c, p, prev_first, prev_last, money, &about, a);
  if (m) {
    q->measure = m, q->about = about, *ind_k = k;
    return;
  }
  if (*ind_k == (size_t)-1 || *ind_k + 1 != k || p->first == 0 || !td_qword_in(&c->w[p->first - 1], back))
    return;
  const td_quantity *r = &doc->quants[*ind_k];
  if (r->sentence != q->sentence || strcmp(r->unit, q->unit) != 0) return;
  q->measure = r->measure, q->about = r->about;
  /* (the level a change reached: "edged up 0.1% to 4.7%", "has dropped 5%
   * since May to 88.9%"; not "compared to 0.1%") */
  size_t n = strlen(r->measure);
  if (strcmp(c->w[p->first - 1].lw, "to") == 0 && p->first >= 2 &&
      !td_qword_in(&c->w[p->first - 2], (const char *const[]){"compared", "relative", NULL}) && n > 7 && strcmp(r->measure + n - 7, " change") == 0)
    q->measure = td_arena_strndup(a, r->measure, n - 7);
}

int td_quantities(const td_engine *eng, td_doc *doc) {
  td_qctx c;
  td_qctx_init(&c, eng, doc);
  pthread_once(&ql_once, ql_build);
  units own;
  const units *u = eng ? eng->units : NULL;
  if (!u) { /* an engine without the table (tests): load it for this document */
    size_t len = 0;
    const char *img = eng && eng->res ? td_res_get(eng->res, "units", &len) : NULL;
    memset(&own, 0, sizeof own);
    if (img && len) load_units(&doc->arena, &own, img, len);
    else load_units(&doc->arena, &own, builtin_units, sizeof builtin_units - 1);
    u = &own;
  }
  const unit_row **rows = NULL; /* u->n slots for measure_status, made when needed */
  size_t money_last = (size_t)-1; /* last word of the last amount of money */
  size_t counted_last = (size_t)-1; /* last word of the last count ("jobs") */
  const char *counted_unit = NULL;
  size_t last_q = (size_t)-1;     /* last word of the last quantity of any kind */
  size_t first_q = (size_t)-1;    /* and its first */
  size_t ind_k = (size_t)-1;      /* the last quantity an indicator's subject measures */
  size_t aside_k = (size_t)-1;    /* the last quantity claimed by a cue set off after it */
  uint32_t aside_end = 0;         /* and where that cue's phrase ends */
  size_t tcur = 0; /* in_date's cursor into the times */
  for (size_t i = 0; i < c.nw; i++) {
    qparse p;
    if (!may_start(&c.w[i]) || !parse_quantity(&c, u, i, &p)) continue;
    bound_after(&c, &p);
    if (in_date(&c, doc, &tcur, &p) || in_person_name(&c, &p) || in_title_name(&c, u, &p) ||
        joined_pair(&c, &p) || definite_period(&c, doc, &p)) {
      i = p.last;
      continue;
    }
    int elided = elided_unit(&c, u, counted_last, counted_unit, last_q, &p);
    /* a bare number: what it is a figure of ("Police put the crowd at
     * 10,000", "the death toll rose to 50": a counted noun is its unit, a
     * word of a measure row its measure, else the noun is) */
    size_t fig = (size_t)-1;
    int generic = 0;
    const unit_row *fig_row = NULL;
    if (!p.unit && (fig = figure_of(&c, &p, &generic)) != (size_t)-1) {
      const unit_row *r = find_row(u, UK_UNIT, c.w[fig].lw);
      if (r && is_time_unit(r->name)) fig = (size_t)-1; /* "The number waiting over 12 months fell" */
      else if (r) p.unit = r->name, p.unit_noun = c.w[fig].lw;
      else if (!(fig_row = people_row(u, c.w[fig].lw)) && (generic || person_noun(&c, fig))) fig = (size_t)-1;
    }
    size_t prev_first = first_q, prev_last = last_q;
    first_q = p.first, last_q = p.last;
    int money = p.unit && td_units_money(u, p.unit); /* "dollars", "australian dollars" */
    /* a count with its noun after the number ("163,000 people"), not a
     * modifier ("a one-hour special") */
    if (p.unit && !money && strcmp(p.unit, "percent") != 0 && strcmp(p.unit, "percentage points") != 0 &&
        strcmp(p.unit, "years old") != 0 && !is_time_unit(p.unit) && p.unit_word != (size_t)-1 &&
        p.unit_word >= p.num_end && /* a period ("over 12 months") is what the next number is not */
        strcmp(p.unit, "times") != 0 && !(p.first > 0 && td_str_eq(c.w[p.first - 1].lw, "per")))
      /* nor a multiple ("four times more") or a rate ("per 100 people") */
      counted_last = p.last, counted_unit = p.unit;
    /* the same amount in another currency, in brackets after it: "up to
     * $500,000 (£266,582)", "5.65bn euros ($7.4bn; £3.9bn)" */
    const td_quantity *conv = NULL;
    if (money && doc->nquants && p.first >= 2 && money_last == p.first - 2 &&
        (is_punct_word(&c, p.first - 1, '(') || is_punct_word(&c, p.first - 1, ';')))
      conv = &doc->quants[doc->nquants - 1];
    money_last = money ? p.last : (size_t)-1;
    TD_AGROW(&doc->arena, doc->quants, doc->cap_quants, doc->nquants + 1);
    td_quantity *q = &doc->quants[doc->nquants++];
    memset(q, 0, sizeof *q);
    q->span.start = c.w[p.first].s, q->span.end = c.w[p.last].e;
    q->value = p.value, q->value_max = p.value_max, q->has_max = p.has_max;
    q->qualifier = p.qualifier;
    q->unit = p.unit;
    if (!rows) rows = td_arena_alloc(&doc->arena, (u->n ? u->n : 1) * sizeof *rows);
    measure_status(&c, u, &p, q, rows, &doc->arena);
    if (fig_row) {
      q->unit = fig_row->name;
      q->measure = td_arena_printf(&doc->arena, "%s %s", fig_row->name, fig_row->what);
    } else if (fig != (size_t)-1 && !q->unit) {
      q->measure = td_arena_printf(&doc->arena, "%s", c.w[fig].lw);
    }
    q->about = -1;
    q->sentence = td_sent_of(doc, q->span.start);
    if (q->unit && q->measure == q->unit && (money || strcmp(q->unit, "percent") == 0))
      indicator_of(&c, &p, prev_first, prev_last, money, &ind_k, q, &doc->arena);
    if (q->about < 0 && p.unit_word != (size_t)-1 && p.unit_word > p.num_end)
      q->about = td_actor_at(doc, c.w[p.num_end].s, c.w[p.unit_word].e);
    if (q->about < 0 && p.unit_word != (size_t)-1 && p.unit_word >= p.num_end && owner_before(&c, p.first))
      q->about = td_actor_at(doc, c.w[p.first - 1].s, c.w[p.first - 1].e);
    td_span who, cue;
    q->claimed_by = -1;
    /* from the first word of the quantity: "an estimated 3%" is no cue */
    /* (not a phrase that holds the number itself: "said the 22-year-old",
     * "a two-year study found") */
    if (td_find_claimant(&c, p.first, &who, &cue) &&
        !(who.start < q->span.end && q->span.start < who.end) &&
        (according_cue(&c, cue) || claimant_ok(&c, u, who, finding_cue(&c, td_qword_at(&c, cue.start))))) {
      q->claimed_by_span = who;
      q->claimed_by = claimant_actor(&c, who);
      aside_k = cue_aside(&c, q, who, cue) ? doc->nquants - 1 : (size_t)-1;
      aside_end = who.end > cue.end ? who.end : cue.end;
    } else if (aside_k != (size_t)-1 && doc->quants[aside_k].sentence == q->sentence &&
               aside_goes_on(&c, aside_end, q->span.start)) {
      /* the cue set off by commas after an earlier number of the sentence
       * says the clause that goes on after it too ("..., said the report,
       * and an estimated 20,000 of those were in the UK", "..., the
       * department said last week, up from 3.1% in January") */
      q->claimed_by_span = doc->quants[aside_k].claimed_by_span;
      q->claimed_by = doc->quants[aside_k].claimed_by;
    }
    q->time = td_time_for_span(doc, q->span.start, q->span.end);
    /* not the number itself ("86-minute"), nor a forecast's date for what
     * is "already" done */
    if (q->time >= 0 && doc->times[q->time].span.start < q->span.end &&
        doc->times[q->time].span.end > q->span.start)
      q->time = -1;
    if (q->time >= 0 && already_after(&c, p.last)) q->time = -1;
    if (conv) {
      if (strcmp(q->qualifier, "exact") == 0) q->qualifier = conv->qualifier;
      q->status = conv->status, q->time = conv->time;
      if (q->claimed_by < 0 && conv->claimed_by_span.end > conv->claimed_by_span.start)
        q->claimed_by = conv->claimed_by, q->claimed_by_span = conv->claimed_by_span;
    }
    q->confidence = p.unit ? (elided || fig != (size_t)-1 ? 0.6 : 0.8) : fig != (size_t)-1 ? 0.6 : 0.5;
    i = p.last > i ? p.last : i;
  }
  times_of_others(&c, doc);
  return 0;
}
