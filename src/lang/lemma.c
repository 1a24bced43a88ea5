/*
 * lemma.c — the lemmatization stage: gives every tagged token its lemma
 * (`condemned` -> `condemn`, `geese` -> `goose`, `test-fired` ->
 * `test-fire`), after the tagger and before the parser.
 *
 * It follows WordNet's morphy: the tagger's Penn tag picks the WordNet part
 * of speech, the exception list of that part of speech is tried first, then
 * the detachment rules, keeping the first base form that WordNet's index
 * knows. Words WordNet does not know get the same rules guided by spelling
 * (doubled consonants, a restored final e). A small table handles the
 * closed classes and clitics the way UD English treebanks do (`me` -> `I`,
 * `n't` -> `not`, `'re` -> `be`, `an` -> `a`).
 *
 * Case: lemmas are lowercase, except proper nouns (NNP keeps its form; NNPS
 * loses its plural ending but keeps its case) and `I`.
 *
 * WordNet's files are compiled at make time (td_lemma_build_res, called by
 * tools/mkres) into the resource section "lemma": one hash table whose keys
 * are index words (with a part-of-speech mask) and exceptions ("v:saw" ->
 * "see"). The runtime never reads /usr/share/wordnet.
 */
#include "lang.h"
#include "train.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Section layout (little-endian), used in place:
 *   header { char magic[8] "TDLEM002"; u32 nslot, nent, pool, reserved; }
 *   nslot x { u32 hash; u32 offset of the key's entry in pool (0 = empty) }
 *                  slot of key = fnv(key) % nslot, then linear probing
 *   pool           nent entries, each at a multiple of 4 bytes:
 *                  { u32 mask; key NUL; [value NUL, when mask has LM_VAL] },
 *                  NUL-padded; offset 0 is 4 bytes of no entry
 * A key's mask lies next to its text, so a look-up that finds its key
 * reads two places, its slot and its entry (perf: with the entries apart
 * from the strings, TDLEM001, a hit waited on three memory reads one after
 * another, and lookup took 2.2% of BBC's CPU). An exception's form has an
 * entry of its own too. */
typedef struct {
  char magic[8];
  uint32_t nslot, nent, pool, reserved;
} lm_header;

typedef struct {
  uint32_t mask;
  char key[]; /* NUL-terminated; the value follows (LM_VAL) */
} lm_ent;

enum { WN_NOUN = 1, WN_VERB = 2, WN_ADJ = 4, WN_ADV = 8,
       LM_CAP = 16,  /* the word list has it capitalized (key is lowercase) */
       LM_LOW = 32,  /* the word list has it in lowercase */
       LM_SENSE_SHIFT = 16, /* bits 16..23: WordNet noun sense count */
       LM_INFL = 64,   /* << p: an inflected form of WordNet pos p (0..2),
                          by exception or rule (set at build time) */
       LM_VAL = 512 }; /* an exception: the entry holds a value */
static const char wn_letter[] = "nvar"; /* exception key prefixes */

struct td_lemmatizer {
  const lm_header *h;
  const uint32_t *slots;
  const char *pool;
  void *own; /* the image, when built in memory */
  struct lc_line *lc; /* the lemma cache, shared by every thread (lc_get) */
};

static uint32_t fnv32(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* The entry for key s[0..n), or NULL. */
static const lm_ent *lookup(const struct td_lemmatizer *l, const char *s, size_t n) {
  uint32_t ns = l->h->nslot, h = fnv32(s, n);
  uint32_t i = h % ns;
  for (;;) {
    uint32_t o = l->slots[2 * i + 1];
    if (!o) return NULL;
    if (l->slots[2 * i] == h) {
      const lm_ent *en = (const lm_ent *)(l->pool + o);
      if (memcmp(en->key, s, n) == 0 && en->key[n] == 0) return en;
    }
    if (++i == ns) i = 0;
  }
}

/* The entry of w[0..n) when it is a WordNet index word of a part of speech
 * in mask, else NULL. */
static const lm_ent *known(const struct td_lemmatizer *l, const char *w, size_t n,
                           uint32_t mask) {
  mask &= 15;
  const lm_ent *e = lookup(l, w, n);
  return e && (e->mask & mask) ? e : NULL;
}

/* The exception base form of w for WordNet part of speech p (0..3).
 * Every form with an exception has an entry of its own (load_file), so a
 * caller that found no entry for w need not ask (perf: on BBC 33,000 of
 * 122,000 look-ups were such exception keys). */
static const char *exception(const struct td_lemmatizer *l, const char *w, size_t n, int p) {
  char key[128];
  if (n + 3 > sizeof key) return NULL;
  key[0] = wn_letter[p];
  key[1] = ':';
  memcpy(key + 2, w, n);
  const lm_ent *e = lookup(l, key, n + 2);
  if (!e || !(e->mask & LM_VAL)) return NULL;
  const char *v = e->key + n + 3; /* after the key's NUL; the pool ends with one */
  return v < l->pool + l->h->pool ? v : NULL;
}

/* ---- closed classes and clitics ---- */

typedef struct {
  const char *form, *xpos, *lemma; /* xpos NULL: any */
} closed_ent;

static const closed_ent closed[] = {
    {"i", "PRP", "I"},      {"me", "PRP", "I"},     {"mine", NULL, "my"},
    {"us", "PRP", "we"},    {"him", NULL, "he"},    {"her", "PRP", "she"},
    {"them", NULL, "they"}, {"hers", NULL, "her"},  {"yours", NULL, "your"},
    {"ours", NULL, "our"},  {"theirs", NULL, "their"}, {"u", "PRP", "you"},
    {"ur", "PRP$", "your"}, {"yo", "PRP$", "your"}, {"these", NULL, "this"},
    {"those", NULL, "that"}, {"an", "DT", "a"},     {"'s", "POS", "'s"},
    {"'", "POS", "'s"},     {"s", "POS", "'s"},     {"'s", "PRP", "we"},
    {"'s", "VBZ", "be"},    {"s", "VBZ", "be"},     {"n't", NULL, "not"},
    {"nt", "RB", "not"},    {"'m", NULL, "be"},     {"m", "VBP", "be"},
    {"'re", NULL, "be"},    {"r", "VBP", "be"},     {"'ve", NULL, "have"},
    {"ve", "VBP", "have"},  {"'ll", NULL, "will"},  {"ll", "MD", "will"},
    {"'d", "MD", "would"},  {"'d", "VBD", "have"},  {"wo", "MD", "will"},
    {"ca", "MD", "can"},    {"sha", "MD", "shall"}, {"na", "TO", "to"},
    {"gon", "VBG", "go"},   {"is", NULL, "be"},     {"am", "VBP", "be"},
    {"are", NULL, "be"},    {"was", NULL, "be"},    {"were", NULL, "be"},
    {"been", NULL, "be"},   {"being", "VBG", "be"}, {"has", "VBZ", "have"},
    {"had", NULL, "have"},  {"having", NULL, "have"}, {"does", "VBZ", "do"},
    {"did", NULL, "do"},    {"doing", NULL, "do"},  {"done", "VBN", "do"},
    {"who's", "WP$", "whose"}, {"it's", "PRP$", "its"}, {"there", "PRP$", "their"},
    {"you", "PRP$", "your"}, {"thru", "IN", "through"}, {"w/", "IN", "with"},
    {"w", "IN", "with"},    {"vs", "IN", "versus"},
    {"b/c", NULL, "because"}, {"pls", NULL, "please"}, {"re", "VBP", "be"},
    {"''", NULL, "''"},
    {"could", "MD", "could"}, {"pm", "NN", "p.m."},  {"am", "NN", "a.m."},
    {"etc", NULL, "etc."},  {"wan", "VBP", "want"}, {"ta", "TO", "to"},
    {"m", "CD", "million"}, {"k", "CD", "thousand"}, {"b", "CD", "billion"},
    {"bn", "CD", "billion"}, {"mn", "CD", "million"}, {"\"", NULL, "\""},
    {"hrs", "NNS", "hour"}, {"yrs", "NNS", "year"}, {"mins", "NNS", "minute"},
    {"secs", "NNS", "second"}, {"regards", "NNS", "regards"},
    {"\xe2\x80\x9c", NULL, "\""}, {"\xe2\x80\x9d", NULL, "\""},
    {"\xe2\x80\x94", NULL, "-"}, {"\xe2\x80\x93", NULL, "-"},
    {"\xe2\x80\xa6", NULL, "."},
};

/* Month abbreviations (Sept., Oct) as proper nouns. */
static const char *const months[][2] = {
    {"jan", "January"}, {"feb", "February"}, {"mar", "March"}, {"apr", "April"},
    {"jun", "June"},    {"jul", "July"},     {"aug", "August"}, {"sep", "September"},
    {"sept", "September"}, {"oct", "October"}, {"nov", "November"}, {"dec", "December"}};

static const char *month_lemma(const char *low, size_t n) {
  if (n && low[n - 1] == '.') n--;
  for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
    if (strlen(months[i][0]) == n && memcmp(months[i][0], low, n) == 0) return months[i][1];
  return NULL;
}

/* The entries of closed[] chained by first byte, in table order (perf,
 * issue 11: a miss of the lemma cache walked all of them): cl_head[b] is
 * 1 + the first entry whose form starts with byte b, cl_next[i] 1 + the next
 * one after entry i; 0 ends a chain. Built once. */
#define NCLOSED (sizeof closed / sizeof closed[0])
_Static_assert(NCLOSED < 255, "closed[] indexes fit a byte");
static uint8_t cl_head[256], cl_next[NCLOSED];
static pthread_once_t cl_once = PTHREAD_ONCE_INIT;

static void cl_build(void) {
  uint8_t *tail[256];
  for (int b = 0; b < 256; b++) tail[b] = &cl_head[b];
  for (size_t i = 0; i < NCLOSED; i++) {
    unsigned char b = (unsigned char)closed[i].form[0];
    *tail[b] = (uint8_t)(i + 1);
    tail[b] = &cl_next[i];
  }
}

/* The first entry of closed[] for form low and tag xpos: its lemma, or NULL. */
static const char *closed_lemma(const char *low, const char *xpos) {
  pthread_once(&cl_once, cl_build);
  for (unsigned i = cl_head[(unsigned char)low[0]]; i; i = cl_next[i - 1]) {
    const closed_ent *c = &closed[i - 1];
    if (strcmp(c->form, low) == 0 && (!c->xpos || strcmp(c->xpos, xpos) == 0)) return c->lemma;
  }
  return NULL;
}

/* ---- morphy ---- */

typedef struct {
  const char *suf, *rep;
} rule;

static const rule noun_rules[] = {{"s", ""},    {"ses", "s"},  {"xes", "x"},
                                  {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
                                  {"men", "man"}, {"ies", "y"}, {NULL, NULL}};
static const rule verb_rules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},
                                  {"es", ""},  {"ed", "e"},  {"ed", ""},
                                  {"ing", "e"}, {"ing", ""}, {NULL, NULL}};
static const rule adj_rules[] = {{"er", ""}, {"est", ""}, {"er", "e"},
                                 {"est", "e"}, {NULL, NULL}};

/* Does w[0..n) end with suf, and have more before it? (Suffixes are a
 * few bytes: compared in line, no strlen or memcmp call; perf, issue 11.) */
static inline int ends(const char *w, size_t n, const char *suf) {
  size_t k = 0;
  while (suf[k]) k++;
  if (n <= k) return 0;
  for (size_t i = 0; i < k; i++)
    if (w[n - k + i] != suf[i]) return 0;
  return 1;
}

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* Writes stem w[0..n-cut) + rep into out (cap bytes). Returns its length. */
static size_t splice(char *out, size_t cap, const char *w, size_t n, size_t cut,
                     const char *rep) {
  size_t k = n - cut, r = strlen(rep);
  if (k + r + 1 > cap) return 0;
  memmove(out, w, k);
  memcpy(out + k, rep, r);
  out[k + r] = 0;
  return k + r;
}

/* Applies the rules of one part of speech; the first base WordNet knows
 * wins, its entry into *base. Also tries an undoubled final consonant
 * (stopped -> stop). */
static size_t morphy(const struct td_lemmatizer *l, const char *w, size_t n,
                     int p, const rule *rules, char *out, size_t cap, const lm_ent **base) {
  uint32_t mask = 1u << p;
  for (const rule *r = rules; r && r->suf; r++) {
    if (!ends(w, n, r->suf)) continue;
    size_t k = splice(out, cap, w, n, strlen(r->suf), r->rep);
    if (k && (*base = known(l, out, k, mask))) return k;
  }
  if (p == 1 || p == 2) { /* verbs and adjectives: stopped, bigger */
    static const char *const sufs[] = {"ed", "ing", "er", "est"};
    for (int i = 0; i < 4; i++) {
      size_t s = strlen(sufs[i]);
      if (!ends(w, n, sufs[i]) || n < s + 3) continue;
      if (w[n - s - 1] == w[n - s - 2] && !is_vowel(w[n - s - 1])) {
        size_t k = splice(out, cap, w, n, s + 1, "");
        if (k && (*base = known(l, out, k, mask))) return k;
      }
    }
  }
  return 0;
}

/* A guess for a word WordNet does not know, from spelling alone. */
static size_t guess(const struct td_lemmatizer *l, const char *w, size_t n,
                    int p, char *out, size_t cap) {
  const uint32_t any = WN_NOUN | WN_VERB | WN_ADJ | WN_ADV;
  if (p == 0 || (p == 1 && ends(w, n, "s") && !ends(w, n, "ed"))) {
    if (ends(w, n, "ies") && n > 4) return splice(out, cap, w, n, 3, "y");
    if (ends(w, n, "sses") || ends(w, n, "xes") || ends(w, n, "ches") ||
        ends(w, n, "shes") || ends(w, n, "zzes"))
      return splice(out, cap, w, n, 2, "");
    if (ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") &&
        !ends(w, n, "is") && n > 3)
      return splice(out, cap, w, n, 1, "");
    return splice(out, cap, w, n, 0, "");
  }
  const char *suf = NULL;
  if (p == 1) suf = ends(w, n, "ed") ? "ed" : ends(w, n, "ing") ? "ing" : NULL;
  if (p == 2) suf = ends(w, n, "est") ? "est" : ends(w, n, "er") ? "er" : NULL;
  if (!suf) return splice(out, cap, w, n, 0, "");
  size_t s = strlen(suf);
  if (n < s + 2) return splice(out, cap, w, n, 0, "");
  if (w[n - s - 1] == 'i' && suf[0] != 'i') return splice(out, cap, w, n, s + 1, "y");
  size_t k;
  /* Try the plain stem, an undoubled consonant, then a restored e. */
  if ((k = splice(out, cap, w, n, s, "")) && known(l, out, k, any)) return k;
  if (n >= s + 3 && w[n - s - 1] == w[n - s - 2] && !is_vowel(w[n - s - 1]) &&
      w[n - s - 1] != 'l' && w[n - s - 1] != 's' && w[n - s - 1] != 'z')
    return splice(out, cap, w, n, s + 1, "");
  if ((k = splice(out, cap, w, n, s, "e")) && known(l, out, k, any)) return k;
  /* No English word ends in v or u+consonant-less stems: recieved -> recieve */
  char c = w[n - s - 1];
  if (c == 'v' || c == 'u') return splice(out, cap, w, n, s, "e");
  return splice(out, cap, w, n, s, "");
}

/* WordNet part of speech (0 noun, 1 verb, 2 adj, 3 adv) of a Penn tag whose
 * form is inflected, or -1 when the form is its own lemma. */
static int inflected_pos(const char *x) {
  if (!x[0] || !x[1] || !x[2] || x[3]) return -1; /* all are three letters */
  if (x[0] == 'N' && x[1] == 'N' && x[2] == 'S') return 0;
  if (x[0] == 'V' && x[1] == 'B' && (x[2] == 'D' || x[2] == 'N' || x[2] == 'G' || x[2] == 'Z'))
    return 1;
  if (x[0] == 'J' && x[1] == 'J' && (x[2] == 'R' || x[2] == 'S')) return 2;
  if (x[0] == 'R' && x[1] == 'B' && (x[2] == 'R' || x[2] == 'S')) return 3;
  return -1;
}

/* Lemma of the lowercase open-class word w for WordNet part of speech p. */
static size_t open_lemma(const struct td_lemmatizer *l, const char *w, size_t n,
                         int p, char *out, size_t cap) {
  static const rule *const rules[4] = {noun_rules, verb_rules, adj_rules, NULL};
  size_t k;
  /* A noun's own entry is wanted below in any case (its senses, whether
   * WordNet knows it); looked up first, it also tells when no exception
   * can exist. */
  const lm_ent *self = p == 0 ? lookup(l, w, n) : NULL, *base = NULL;
  const char *e = p == 0 && !self ? NULL : exception(l, w, n, p);
  if (e) {
    /* WordNet lists British instal for installed; keep the doubled l when
     * the form has it and WordNet knows that spelling too. */
    size_t el = strlen(e);
    k = splice(out, cap, e, el, 0, "");
    if (k && el + 1 < n && e[el - 1] == 'l' && w[el] == 'l' &&
        memcmp(w, e, el) == 0 && k + 2 < cap) {
      out[k] = 'l';
      out[k + 1] = 0;
      if (known(l, out, k + 1, 1u << p)) return k + 1;
      out[k] = 0;
    }
    return k;
  }
  k = morphy(l, w, n, p, rules[p], out, cap, &base);
  if (k && p == 0) {
    /* species, means, news: a plural WordNet knows with more senses than its
     * singular stays as it is. */
    if (self && base && (self->mask & WN_NOUN) &&
        (self->mask >> LM_SENSE_SHIFT & 255) > (base->mask >> LM_SENSE_SHIFT & 255))
      return splice(out, cap, w, n, 0, "");
  }
  if (k) return k;
  if (p == 3) { /* later -> late, earlier -> early */
    if ((e = exception(l, w, n, 2))) return splice(out, cap, e, strlen(e), 0, "");
    if ((k = morphy(l, w, n, 2, adj_rules, out, cap, &base))) return k;
  }
  if (p == 3 || (p == 0 ? self && (self->mask & WN_NOUN) : known(l, w, n, 1u << p) != NULL))
    return splice(out, cap, w, n, 0, "");
  /* A compound: lemmatize its last part (test-fired -> test-fire). The
   * part has no dash, so this recurses at most once. */
  const char *dash = memrchr(w, '-', n);
  if (dash && dash > w && dash + 2 < w + n) {
    size_t head = (size_t)(dash + 1 - w);
    k = open_lemma(l, dash + 1, n - head, p, out + head, cap - head);
    if (k) {
      memmove(out, w, head);
      return head + k;
    }
  }
  return guess(l, w, n, p, out, cap);
}

/* Lowercases ASCII and folds curly apostrophes/quotes; returns length. */
static size_t fold(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
      out[k++] = '\'';
      i += 2;
      continue;
    }
    if (c == '`') c = '\'';
    out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  out[k] = 0;
  return k;
}

/* The lemma of one token, NUL-terminated into out (cap bytes). */
static void lemma_of(const struct td_lemmatizer *l, const char *form, size_t n,
                     int xpos, int upos, char *out, size_t cap) {
  const char *x = xpos > 0 && xpos < td_xpos_count ? td_xpos_names[xpos] : "_";
  char low[256];
  if (n == 0) {
    out[0] = 0;
    return;
  }
  size_t ln = fold(form, n, low, sizeof low);
  if (n >= sizeof low - 1) { /* absurdly long: keep it */
    splice(out, cap, form, n < cap - 1 ? n : cap - 1, 0, "");
    return;
  }
  if (!strcmp(x, "NNP") && month_lemma(low, ln)) {
    splice(out, cap, month_lemma(low, ln), strlen(month_lemma(low, ln)), 0, "");
    return;
  }
  if (!strcmp(x, "NNP") || upos == TD_PROPN) {
    if (strcmp(x, "NNPS") == 0 && l) { /* States -> State */
      char tmp[256];
      size_t k = open_lemma(l, low, ln, 0, tmp, sizeof tmp);
      if (k && k <= ln && k + 1 < cap) {
        /* keep the original case of the shared stem */
        size_t stem = 0;
        while (stem < k && stem < ln && tmp[stem] == low[stem]) stem++;
        memcpy(out, form, stem);
        memcpy(out + stem, tmp + stem, k - stem);
        out[k] = 0;
        return;
      }
    }
    /* The form as written, also when it is in lowercase: EWT's lemma of
     * a lowercase proper noun ("google", "kerala") is lowercase two times
     * in three in its training split. A name of five letters or more
     * written in capitals (TEHRAN, WASHINGTON, GOODWYN) is spelt as a name
     * (Tehran): shorter ones are mostly acronyms (FBI, IAEA) and stay;
     * in EWT's train and dev splits 156 such lemmas are title case, 39
     * as written. */
    splice(out, cap, form, n, 0, "");
    if (n >= 5 && n + 1 < cap) {
      size_t k = 0;
      while (k < n && form[k] >= 'A' && form[k] <= 'Z') k++;
      if (k == n)
        for (size_t i = 1; i < n; i++) out[i] = (char)(out[i] + 32);
    }
    return;
  }
  /* area's, 12's tagged NNS: the plural-looking possessive is the noun */
  if (!strcmp(x, "NNS") && ln > 2 && low[ln - 1] == 's' && low[ln - 2] == '\'') {
    size_t cut = n >= 4 && memcmp(form + n - 4, "\xe2\x80\x99s", 4) == 0 ? 4 : 2;
    lemma_of(l, form, n - cut, td_xpos_from_name("NN"), upos, out, cap);
    return;
  }
  const char *c = closed_lemma(low, x);
  if (c) {
    splice(out, cap, c, strlen(c), 0, "");
    return;
  }
  if (upos == TD_NUM || !strcmp(x, "CD")) { /* 5,000 -> 5000, One -> one */
    size_t k = 0, digits = 1;
    for (size_t i = 0; i < ln; i++)
      if (!(low[i] >= '0' && low[i] <= '9') && low[i] != ',' && low[i] != '.') digits = 0;
    for (size_t i = 0; i < ln && k + 1 < cap; i++)
      if (!digits || low[i] != ',') out[k++] = low[i];
    out[k] = 0;
    return;
  }
  if (upos == TD_PUNCT || upos == TD_SYM || !l) {
    splice(out, cap, upos == TD_PUNCT || upos == TD_SYM ? form : low,
           upos == TD_PUNCT || upos == TD_SYM ? n : ln, 0, "");
    return;
  }
  int p = inflected_pos(x);
  if (p < 0 && (!strcmp(x, "NN") || upos == TD_NOUN)) {
    /* geese tagged NN: an irregular plural is still a plural */
    const lm_ent *self = lookup(l, low, ln);
    if (self && !(self->mask & WN_NOUN) && exception(l, low, ln, 0)) p = 0;
  }
  if (p < 0 || !open_lemma(l, low, ln, p, out, cap))
    splice(out, cap, low, ln, 0, "");
  /* a capital letter used as a noun (plan B, the letter C) keeps its
   * case: 50 of 51 times in EWT's train and dev splits */
  if (n == 1 && form[0] >= 'A' && form[0] <= 'Z' && !strcmp(x, "NN")) {
    splice(out, cap, form, 1, 0, "");
    return;
  }
  /* Palestinian, Sunni: words the word list spells only capitalized keep
   * their capital. */
  if (((form[0] >= 'A' && form[0] <= 'Z') || !strcmp(x, "JJ")) && ln > 1 &&
      out[0] >= 'a' && out[0] <= 'z') {
    const lm_ent *e = lookup(l, out, strlen(out));
    if (e && (e->mask & LM_CAP) && !(e->mask & LM_LOW)) out[0] = (char)(out[0] - 32);
  }
  /* pro-Beijing, non-Muslim: a capitalized part after a hyphen keeps its
   * case where the lemma still spells the form. */
  const char *dash = memchr(form, '-', n);
  if (dash) {
    size_t ol = strlen(out);
    for (size_t i = (size_t)(dash - form) + 1; i < n && i < ol; i++) {
      if (form[i - 1] != '-' || !(form[i] >= 'A' && form[i] <= 'Z')) continue;
      for (size_t j = i; j < n && j < ol && form[j] != '-'; j++) {
        char lc = form[j] >= 'A' && form[j] <= 'Z' ? (char)(form[j] + 32) : form[j];
        if (out[j] != lc) break;
        out[j] = form[j];
      }
    }
  }
}

/* ---- lexical classes for the tagger ---- */

/* The inflection bits of word w[0..n), by WordNet's exceptions and rules;
 * self is w's entry, or NULL when the table lacks w (and so any exception
 * for it: see exception()). */
static uint32_t inflections(const struct td_lemmatizer *l, const lm_ent *self, const char *w,
                            size_t n) {
  static const rule *const rules[3] = {noun_rules, verb_rules, adj_rules};
  char tmp[160];
  const lm_ent *base;
  uint32_t m = 0;
  for (int p = 0; p < 3; p++)
    if ((self && exception(l, w, n, p)) || morphy(l, w, n, p, rules[p], tmp, sizeof tmp, &base))
      m |= (uint32_t)LM_INFL << p;
  return m;
}

/* The lexical classes of a word (LM_*), from its table entry or its
 * inflections. Not cached here: the tagger keeps the answer in its word-type
 * cache, so it asks once per new word type, and a per-thread cache of 2048
 * answers (80 KB of each thread's static storage) answered 1,060 of BBC's
 * 62,448 questions. */
uint32_t td_lemma_lexclass(const struct td_lemmatizer *l, const char *s, size_t n) {
  char low[128];
  if (!l || n == 0 || n >= sizeof low) return 0;
  size_t ln = fold(s, n, low, sizeof low);
  const lm_ent *e = lookup(l, low, ln);
  return e ? e->mask & 511 : inflections(l, NULL, low, ln);
}

/* ---- API ---- */

/* Points a new lemmatizer into the section image h of len bytes. */
static struct td_lemmatizer *bind(const lm_header *h, size_t len, char *err,
                                  size_t errlen) {
  if (!h || len < sizeof *h || memcmp(h->magic, "TDLEM002", 8) != 0 ||
      h->nslot == 0 || sizeof *h + (size_t)h->nslot * 8 + h->pool > len) {
    snprintf(err, errlen, "resource section \"lemma\" missing or corrupt");
    return NULL;
  }
  /* Every slot's entry lies within the pool, whose last byte ends its last
   * string (exception() checks that a value starts within it: here that
   * would read every entry). One pass without a branch on the slot (perf,
   * issue 11: a third of the slots are empty, and the loop that tested
   * each one's offset took 0.43 ms of every start, this one 0.19). */
  const uint32_t *sl = (const uint32_t *)(h + 1);
  const char *pool = (const char *)(sl + 2 * (size_t)h->nslot);
  if (h->pool < 8 || h->pool % 4 != 0 || pool[h->pool - 1] != 0) {
    snprintf(err, errlen, "resource section \"lemma\" is corrupt");
    return NULL;
  }
  uint32_t used = 0, bad = 0, end = h->pool - 4;
  for (uint32_t i = 0; i < h->nslot; i++) {
    uint32_t o = sl[2 * i + 1];
    used += o != 0;
    bad |= (o % 4) | ((o != 0) & (o >= end));
  }
  if (bad || used != h->nent) {
    snprintf(err, errlen, "resource section \"lemma\" is corrupt");
    return NULL;
  }
  struct td_lemmatizer *l = td_xcalloc(1, sizeof *l);
  l->h = h;
  l->slots = sl;
  l->pool = pool;
  return l;
}

struct td_lemmatizer *td_lemmatizer_load(const td_res *res, char *err, size_t errlen) {
  size_t len = 0;
  const lm_header *h = res ? td_res_get(res, "lemma", &len) : NULL;
  return bind(h, len, err, errlen);
}

static void lc_drop(struct td_lemmatizer *l);

void td_lemmatizer_free(struct td_lemmatizer *l) {
  if (!l) return;
  lc_drop(l);
  free(l->own);
  free(l);
}

/* ---- the lemma cache ----
 * A two-way set-associative cache of lemma_of answers for short forms,
 * keyed by the form as written and its tags: a pure function of these
 * (and of the lemmatizer, which owns the cache), so a hit is exactly what
 * lemma_of would say. A slot is one 64-byte cache line; LC_SLOTS of them,
 * 4 MiB, on huge pages where the system gives them (on 4 KB pages most
 * look-ups missed the TLB, and the prefetch ahead of use waited for the
 * page walk). On BBC at one thread 65536 slots took the misses from 59,524
 * to 48,586, near its 46,700 distinct forms, and the lemmatize stage from
 * 0.062 to 0.058 CPU-s.
 *
 * Every thread that lemmatizes with l shares its one cache (issue 11: each
 * thread had its own, 2 MiB at --threads 16, which started cold and saw a
 * sixteenth of the words, so BBC's forms missed 158,000 times against
 * 48,000 on one thread, and each thread's cache was fresh memory for the
 * kernel to zero; shared: lemmatize 0.101 -> 0.057 CPU-s at 16 threads,
 * peak RSS 212 -> 183 MB). The memory is only ever read and written a word
 * at a time (lc_line; relaxed atomic loads and stores, plain moves on
 * x86-64), and each set has a version in its first slot: even while the
 * set is stable, odd while a writer changes it. A reader copies what it
 * needs of a slot whose key matches, then checks that the version has not
 * changed (a sequence lock); a writer claims the set by making the version
 * odd with one compare-and-swap, and skips the insert when another thread
 * holds it (only the caching is lost, never the answer). */
enum { LC_SLOTS = 65536, LC_FORM = 23, LC_LEMMA = 31 };
typedef struct {
  uint32_t ver;             /* the first slot of a set: the set's version */
  uint16_t xpos;
  uint8_t upos, n;          /* n: form length, 0 for an empty slot */
  char form[LC_FORM];       /* from the second word */
  uint8_t ln;               /* lemma length */
  char lemma[LC_LEMMA + 1]; /* from the fifth word, NUL-padded */
} lc_slot;
_Static_assert(sizeof(lc_slot) == 64 && offsetof(lc_slot, form) == 8 &&
                   offsetof(lc_slot, lemma) == 32, "a slot is one cache line of words");
typedef struct lc_line {
  uint64_t w[8]; /* an lc_slot, as the cache holds it */
} lc_line;

/* l's cache, made (empty) on first use by any thread; freed with l. The
 * cache is the one part of a lemmatizer that changes after its load. It is
 * on huge pages from the start (td_cache_alloc): a thread's own caches
 * start on ordinary pages and move once it has done some work, which one
 * cache that every thread reads at once cannot do, and it is one for the
 * process, so a short run clears its 4 MiB once, not once a thread. */
static lc_line *lc_get(const struct td_lemmatizer *cl) {
  struct td_lemmatizer *l = (struct td_lemmatizer *)cl;
  lc_line *c = __atomic_load_n(&l->lc, __ATOMIC_ACQUIRE);
  if (c) return c;
  lc_line *mine = td_cache_alloc(LC_SLOTS * sizeof *mine, 1);
  if (__atomic_compare_exchange_n(&l->lc, &c, mine, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    return mine;
  td_cache_free(mine, LC_SLOTS * sizeof *mine); /* another thread made it first: c is that one */
  return c;
}

/* Releases l's cache (with l: no thread uses it any more). */
static void lc_drop(struct td_lemmatizer *l) { td_cache_free(l->lc, LC_SLOTS * sizeof *l->lc); }

/* The hash that places the form s[0..n) in the cache (perf, issue 11:
 * fnv32 took four instructions a byte of every token; any good hash does
 * here, the table's own stays fnv32). */
static inline uint32_t form_hash(const char *s, size_t n) {
  return (uint32_t)(td_hash_short(s, n) >> 32);
}

/* The set in cache (two slots, the first the newer) of a form of n bytes
 * whose form_hash is h, with its tags. Two ways (issue 11: on BBC,
 * direct-mapped, 14,000 of the 61,000 misses were forms seen before and
 * pushed out by another; a miss costs a dozen probes of the WordNet
 * table). */
static inline lc_line *lc_at(lc_line *cache, uint32_t h, int xpos, int upos) {
  h ^= ((uint32_t)xpos * 0x9E3779B1u) ^ ((uint32_t)upos << 7);
  return &cache[2 * (h & (LC_SLOTS / 2 - 1))];
}

/* Whether form[0..n) and its tags can be cached at all. */
static inline int lc_cacheable(size_t n, int xpos, int upos) {
  return n > 0 && n <= LC_FORM && xpos >= 0 && xpos <= 65535 && upos >= 0 && upos <= 255;
}

/* A slot's first word: the version (the first slot's), the tags and the
 * form's length; VER_MASK picks out the version. */
#define VER_MASK ((uint64_t)0xffffffff)
static inline uint64_t lc_head(uint32_t ver, int xpos, int upos, size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return ver | (uint64_t)(uint16_t)xpos << 32 | (uint64_t)(uint8_t)upos << 48 |
         (uint64_t)(uint8_t)n << 56;
#else
  lc_slot k;
  uint64_t w;
  memset(&k, 0, 8);
  k.ver = ver, k.xpos = (uint16_t)xpos, k.upos = (uint8_t)upos, k.n = (uint8_t)n;
  memcpy(&w, &k, 8);
  return w;
#endif
}

/* Looks the form s[0..n) with its tags up in set c; on a hit writes its
 * lemma to out (32 bytes at least) and returns its length, else returns
 * -1. With wide (16 bytes readable at s), a form of up to 16 bytes is
 * compared as two 8-byte words (perf, issue 11: no call). The loads are
 * written out: GCC leaves loops of atomic loads rolled (td_lemmatize took
 * 6 M instructions more on the 278-article subset). */
static long lc_find(const lc_line *c, const char *s, size_t n, int xpos, int upos, int wide,
                    char *out) {
  uint64_t key = lc_head(0, xpos, upos, n);
  uint64_t w0 = __atomic_load_n(&c[0].w[0], __ATOMIC_ACQUIRE);
  uint32_t ver = (uint32_t)(w0 & VER_MASK);
  if (ver & 1) return -1; /* being written */
  for (int w = 0; w < 2; w++) {
    uint64_t head = w ? __atomic_load_n(&c[1].w[0], __ATOMIC_RELAXED) : w0;
    if ((head & ~VER_MASK) != key) continue;
    const uint64_t *cw = c[w].w;
    uint64_t f[3] = {__atomic_load_n(&cw[1], __ATOMIC_RELAXED), /* the form, ln */
                     __atomic_load_n(&cw[2], __ATOMIC_RELAXED),
                     __atomic_load_n(&cw[3], __ATOMIC_RELAXED)};
    int same;
    size_t ln;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    ln = (size_t)(f[2] >> 56);
    if (wide && n <= 16) {
      uint64_t b[2];
      memcpy(b, s, 16);
      uint64_t m0 = n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
      uint64_t m1 = n <= 8 ? 0 : n >= 16 ? ~0ull : (1ull << (8 * (n - 8))) - 1;
      same = !(((f[0] ^ b[0]) & m0) | ((f[1] ^ b[1]) & m1));
    } else
#endif
    {
      lc_slot sl;
      memcpy((char *)&sl + offsetof(lc_slot, form), f, sizeof f);
      ln = sl.ln;
      same = memcmp(sl.form, s, n) == 0;
    }
    if (!same) continue;
    /* The lemma, NUL-padded, a word at a time (out is read back bytewise:
     * one copy of 32 bytes from a local array would wait on four stores). */
    uint64_t m0 = __atomic_load_n(&cw[4], __ATOMIC_RELAXED);
    uint64_t m1 = __atomic_load_n(&cw[5], __ATOMIC_RELAXED);
    uint64_t m2 = __atomic_load_n(&cw[6], __ATOMIC_RELAXED);
    uint64_t m3 = __atomic_load_n(&cw[7], __ATOMIC_RELAXED);
    memcpy(out, &m0, 8), memcpy(out + 8, &m1, 8);
    memcpy(out + 16, &m2, 8), memcpy(out + 24, &m3, 8);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if ((__atomic_load_n(&c[0].w[0], __ATOMIC_RELAXED) & VER_MASK) != ver) return -1;
    return (long)ln;
  }
  return -1;
}

/* Stores lemma[0..k) (k <= LC_LEMMA) of the form s[0..n) with its tags
 * in set c, the newer slot moving over the older, unless another thread
 * is writing the set. */
static void lc_store(lc_line *c, const char *s, size_t n, int xpos, int upos, const char *lemma,
                     size_t k) {
  uint64_t w0 = __atomic_load_n(&c[0].w[0], __ATOMIC_RELAXED);
  uint32_t ver = (uint32_t)(w0 & VER_MASK);
  uint64_t busy = (w0 & ~VER_MASK) | (uint32_t)(ver + 1);
  if ((ver & 1) ||
      !__atomic_compare_exchange_n(&c[0].w[0], &w0, busy, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
    return;
  __atomic_thread_fence(__ATOMIC_RELEASE); /* the odd version before the slots change */
  if (w0 & ~VER_MASK) { /* a slot there: it moves to the second */
    __atomic_store_n(&c[1].w[0], w0, __ATOMIC_RELAXED);
    for (int j = 1; j < 8; j++)
      __atomic_store_n(&c[1].w[j], __atomic_load_n(&c[0].w[j], __ATOMIC_RELAXED),
                       __ATOMIC_RELAXED);
  }
  lc_slot sl;
  uint64_t w[8];
  memset(&sl, 0, sizeof sl);
  sl.n = (uint8_t)n, sl.ln = (uint8_t)k;
  memcpy(sl.form, s, n);
  memcpy(sl.lemma, lemma, k);
  memcpy(w, &sl, sizeof w);
  for (int j = 1; j < 8; j++) __atomic_store_n(&c[0].w[j], w[j], __ATOMIC_RELAXED);
  __atomic_store_n(&c[0].w[0], lc_head(ver + 2, xpos, upos, n), __ATOMIC_RELEASE);
}

/* The lemma of the form s[0..n) with its tags: from the cache set c (may
 * be NULL: not cacheable), else lemma_of, then stored in c; wide: 16 bytes
 * can be read at s. Writes it to out (cap >= 32 bytes) and returns its
 * length. */
static size_t lemma_lookup(const struct td_lemmatizer *l, lc_line *c, const char *s, size_t n,
                           int xpos, int upos, int wide, char *out, size_t cap) {
  if (c) {
    long k = lc_find(c, s, n, xpos, upos, wide, out);
    if (k >= 0) return (size_t)k;
  }
  lemma_of(l, s, n, xpos, upos, out, cap);
  size_t k = strlen(out);
  if (c && k <= LC_LEMMA) lc_store(c, s, n, xpos, upos, out, k);
  return k;
}

/* Lemmas are written one after another into blocks of the document's
 * arena (one allocation per few hundred tokens, not one per token). */
typedef struct {
  td_arena *arena;
  char *p;
  size_t left;
} lemma_out;

/* A copy of s[0..n) plus NUL living in the document's arena. */
static const char *lemma_put(lemma_out *o, const char *s, size_t n) {
  if (n + 1 > o->left) {
    size_t cap = n + 1 > 4096 ? n + 1 : 4096;
    o->p = td_arena_alloc_raw(o->arena, cap); /* not zeroed: written as used */
    o->left = cap;
  }
  char *d = o->p;
  memcpy(d, s, n);
  d[n] = 0;
  o->p += n + 1;
  o->left -= n + 1;
  return d;
}

/* Lemmatizes every token. Cache sets are looked up LC_AHEAD tokens ahead
 * of use, so that their memory reads overlap. A lemma spelt as the token's
 * norm is that same string (t->lemma == t->norm: nothing copied, and the
 * rules and the matcher see at once that there is no other key to try);
 * the others are copies in the document's arena. */
enum { LC_AHEAD = 8 };
int td_lemmatize(const td_engine *eng, td_doc *doc) {
  const struct td_lemmatizer *l = eng ? eng->lemma : NULL;
  char out[512];
  const int vbz = TD_XPOS_VBZ; /* (test_events checks the constants against the names) */
  lemma_out o = {&doc->arena, NULL, 0};
  lc_line *ring[2 * LC_AHEAD]; /* set of token i at i % (2 * LC_AHEAD) */
  lc_line *cache = l ? lc_get(l) : NULL;
  size_t nt = doc->ntoks;
  for (size_t i = 0; i < nt + LC_AHEAD; i++) {
    if (i < nt) { /* the set of token i, for use LC_AHEAD tokens later */
      const td_tok *t = &doc->toks[i];
      uint32_t a = t->start, b = t->end;
      if (b > doc->len || a > b) a = b = 0;
      lc_line *c = NULL;
      if (l && lc_cacheable(b - a, t->xpos, t->upos)) {
        c = lc_at(cache, form_hash(doc->text + a, b - a), t->xpos, t->upos);
        __builtin_prefetch(c);
        __builtin_prefetch(c + 1);
      }
      ring[i % (2 * LC_AHEAD)] = c;
    }
    if (i < LC_AHEAD) continue;
    size_t j = i - LC_AHEAD;
    td_tok *t = &doc->toks[j];
    uint32_t a = t->start, b = t->end;
    if (b > doc->len || a > b) a = b = 0; /* a bad span reads as empty */
    size_t k = lemma_lookup(l, ring[j % (2 * LC_AHEAD)], doc->text + a, b - a, t->xpos, t->upos,
                            (size_t)a + 16 <= doc->len, out, sizeof out);
    const char *lm = out;
    /* 's before been or got is has: "it's been", "she's got" */
    if (t->xpos == vbz && k == 2 && memcmp(lm, "be", 2) == 0 &&
        j + 1 < nt && doc->toks[j + 1].sent == t->sent) {
      const td_tok *nx = &doc->toks[j + 1];
      size_t nn = nx->end <= doc->len && nx->start <= nx->end ? nx->end - nx->start : 0;
      const char *ns = doc->text + nx->start;
      if ((nn == 4 && !strncasecmp(ns, "been", 4)) || (nn == 3 && !strncasecmp(ns, "got", 3)))
        lm = "have", k = 4;
    }
    const char *nm = t->norm;
    size_t q = 0; /* most lemmas are spelt as the token's norm: share it */
    if (nm)
      while (q < k && nm[q] == lm[q]) q++;
    t->lemma = nm && q == k && !nm[k] ? nm : lemma_put(&o, lm, k);
  }
  return 0;
}

/* ---- building the section from WordNet's files ---- */

typedef struct {
  uint32_t key, val, mask; /* offsets into the builder's pool; val 0: none */
} lm_bent;

typedef struct {
  td_buf pool;
  lm_bent *ents;
  size_t nent, cap;
  uint32_t *slots; /* building hash: entry + 1 */
  size_t nslot;
} lm_build;

static long build_find(lm_build *b, const char *s, size_t n, int create) {
  if (create && (b->nent + 1) * 2 > b->nslot) {
    size_t ns = b->nslot ? b->nslot * 2 : 1 << 16;
    uint32_t *sl = td_xcalloc(ns, sizeof *sl);
    for (size_t i = 0; i < b->nslot; i++)
      if (b->slots[i]) {
        const char *k = b->pool.ptr + b->ents[b->slots[i] - 1].key;
        size_t j = fnv32(k, strlen(k)) & (ns - 1);
        while (sl[j]) j = (j + 1) & (ns - 1);
        sl[j] = b->slots[i];
      }
    free(b->slots);
    b->slots = sl;
    b->nslot = ns;
  }
  size_t j = fnv32(s, n) & (b->nslot - 1);
  while (b->slots[j]) {
    const char *k = b->pool.ptr + b->ents[b->slots[j] - 1].key;
    if (strncmp(k, s, n) == 0 && k[n] == 0) return (long)b->slots[j] - 1;
    j = (j + 1) & (b->nslot - 1);
  }
  if (!create) return -1;
  TD_GROW(b->ents, b->cap, b->nent + 1);
  lm_bent *e = &b->ents[b->nent];
  e->key = (uint32_t)b->pool.len;
  e->val = 0;
  e->mask = 0;
  td_buf_put(&b->pool, s, n);
  td_buf_putc(&b->pool, 0);
  b->slots[j] = (uint32_t)++b->nent;
  return (long)b->nent - 1;
}

/* Reads one index.POS or POS.exc file into the table. */
static int load_file(lm_build *b, const char *dir, const char *name, int p,
                     int exc, char *err, size_t errlen) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *fp = fopen(path, "r");
  if (!fp) {
    snprintf(err, errlen, "cannot open %s (install wordnet-base)", path);
    return -1;
  }
  char *line = NULL;
  size_t lcap = 0;
  while (getline(&line, &lcap, fp) > 0) {
    if (line[0] == ' ' || line[0] == '\n') continue; /* licence header */
    char *w1 = strtok(line, " \n");
    char *w2 = exc ? strtok(NULL, " \n") : NULL;
    if (!w1 || strchr(w1, '_') || (exc && (!w2 || strchr(w2, '_')))) continue;
    if (!exc) {
      long e = build_find(b, w1, strlen(w1), 1);
      b->ents[e].mask |= 1u << p;
      if (p == 0) { /* noun sense count, bits 16..23 */
        char *f2 = strtok(NULL, " \n"), *f3 = f2 ? strtok(NULL, " \n") : NULL;
        long senses = f3 ? strtol(f3, NULL, 10) : 0;
        if (senses > 255) senses = 255;
        if (senses > 0) b->ents[e].mask |= (uint32_t)senses << LM_SENSE_SHIFT;
      }
    } else {
      char key[256];
      snprintf(key, sizeof key, "%c:%s", wn_letter[p], w1);
      build_find(b, w1, strlen(w1), 1); /* every form gets an entry */
      long e = build_find(b, key, strlen(key), 1);
      if (!b->ents[e].val) {
        b->ents[e].val = (uint32_t)b->pool.len;
        td_buf_puts(&b->pool, w2);
        td_buf_putc(&b->pool, 0);
      }
    }
  }
  free(line);
  fclose(fp);
  return 0;
}

/* Marks the words of a word list (one a line, /usr/share/dict/words) as
 * spelled in lowercase or capitalized. */
static int load_words(lm_build *b, const char *path, char *err, size_t errlen) {
  FILE *fp = fopen(path, "r");
  if (!fp) {
    snprintf(err, errlen, "cannot open %s (install wamerican)", path);
    return -1;
  }
  char *line = NULL;
  size_t lcap = 0;
  ssize_t n;
  while ((n = getline(&line, &lcap, fp)) > 0) {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    if (n < 2 || strchr(line, '\'')) continue;
    int cap = line[0] >= 'A' && line[0] <= 'Z';
    int rest_lower = 1;
    for (ssize_t i = 1; i < n; i++)
      if (line[i] >= 'A' && line[i] <= 'Z') rest_lower = 0;
    if (!rest_lower) continue;
    if (cap) line[0] = (char)(line[0] + 32);
    long e = build_find(b, line, (size_t)n, 1);
    b->ents[e].mask |= cap ? LM_CAP : LM_LOW;
  }
  free(line);
  fclose(fp);
  return 0;
}

/* Compiles the section image into img. 0, or -1 with err. */
static int build_image(const char *wndir, const char *words, td_buf *img,
                       char *err, size_t errlen) {
  static const char *const pos[4] = {"noun", "verb", "adj", "adv"};
  lm_build b;
  memset(&b, 0, sizeof b);
  td_buf_putc(&b.pool, 0); /* offset 0: "" */
  int rc = 0;
  for (int p = 0; p < 4 && rc == 0; p++) {
    char name[32];
    snprintf(name, sizeof name, "index.%s", pos[p]);
    rc = load_file(&b, wndir, name, p, 0, err, errlen);
    snprintf(name, sizeof name, "%s.exc", pos[p]);
    if (rc == 0) rc = load_file(&b, wndir, name, p, 1, err, errlen);
  }
  if (rc == 0 && words) rc = load_words(&b, words, err, errlen);
  if (rc == 0) {
    /* Serialize with a prime-ish table size, slot = fnv % nslot: the
     * entries one after another (off[i]: entry i's offset), then the slots
     * pointing to them. */
    uint32_t nslot = (uint32_t)(b.nent * 10 / 7) | 1;
    td_buf pool = TD_BUF_INIT;
    uint32_t *off = td_xcalloc(b.nent ? b.nent : 1, sizeof *off);
    static const char zero[4];
    td_buf_put(&pool, zero, 4); /* offset 0: no entry */
    for (size_t i = 0; i < b.nent; i++) {
      const lm_bent *e = &b.ents[i];
      uint32_t mask = e->mask | (e->val ? LM_VAL : 0);
      off[i] = (uint32_t)pool.len;
      td_buf_put(&pool, &mask, 4);
      td_buf_puts(&pool, b.pool.ptr + e->key);
      td_buf_putc(&pool, 0);
      if (e->val) td_buf_puts(&pool, b.pool.ptr + e->val), td_buf_putc(&pool, 0);
      td_buf_put(&pool, zero, (4 - pool.len % 4) % 4);
    }
    lm_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, "TDLEM002", 8);
    h.nslot = nslot;
    h.nent = (uint32_t)b.nent;
    h.pool = (uint32_t)pool.len;
    td_buf_put(img, &h, sizeof h);
    uint32_t *sl = td_xcalloc(2 * (size_t)nslot, sizeof *sl);
    for (size_t i = 0; i < b.nent; i++) {
      const char *k = b.pool.ptr + b.ents[i].key;
      uint32_t hh = fnv32(k, strlen(k)), j = hh % nslot;
      while (sl[2 * j + 1]) j = j + 1 == nslot ? 0 : j + 1;
      sl[2 * j] = hh;
      sl[2 * j + 1] = off[i];
    }
    td_buf_put(img, sl, (size_t)nslot * 8);
    td_buf_put(img, pool.ptr, pool.len);
    free(sl);
    td_buf_free(&pool);
    /* Precompute the inflection bits of every word, so that the tagger's
     * td_lemma_lexclass is one lookup. */
    char *ipool = img->ptr + sizeof h + (size_t)nslot * 8;
    struct td_lemmatizer *l = bind((const lm_header *)img->ptr, img->len, err, errlen);
    if (!l) rc = -1;
    for (size_t i = 0; l && i < b.nent; i++) {
      lm_ent *e = (lm_ent *)(ipool + off[i]);
      if (!strchr(e->key, ':')) e->mask |= inflections(l, e, e->key, strlen(e->key));
    }
    td_lemmatizer_free(l);
    free(off);
  }
  free(b.slots);
  free(b.ents);
  td_buf_free(&b.pool);
  return rc;
}

int td_lemma_build_res(struct td_resw *w, const char *wndir, const char *words,
                       char *err, size_t errlen) {
  td_buf img = TD_BUF_INIT;
  int rc = build_image(wndir, words, &img, err, errlen);
  if (rc == 0) td_resw_add(w, "lemma", img.ptr, img.len);
  td_buf_free(&img);
  return rc;
}

struct td_lemmatizer *td_lemmatizer_build(const char *wndir, const char *words,
                                          char *err, size_t errlen) {
  td_buf img = TD_BUF_INIT;
  if (build_image(wndir, words, &img, err, errlen) != 0) {
    td_buf_free(&img);
    return NULL;
  }
  size_t len;
  char *mem = td_buf_detach(&img, &len);
  struct td_lemmatizer *l = bind((const lm_header *)mem, len, err, errlen);
  if (!l) free(mem);
  else l->own = mem;
  return l;
}
