/*
 * places.c — the places layer: recognizes toponyms in the tokens and
 * resolves each to one gazetteer entry (GeoNames id, ISO alpha-3 country,
 * feature code, coordinates), offline.
 *
 * Pipeline position: after actors (whose person and organization mentions
 * veto place readings), before times/quotes/events. Reads the gazetteer
 * that tools/mkres compiled into the resource image ("places" records and
 * the "places.dict" table of the shared matcher, see places.h).
 *
 * Recognition: longest matches of the gazetteer table over each sentence,
 * kept when they look like names (capitalized, not inside a longer name,
 * not a person, not a common word at a sentence start without support).
 * The cues before a name ("in", "near", ...) are the places.* rules of
 * data/places/cues.rules (cue_bits, run only where a
 * candidate needs them); the C code decides what they weigh.
 * A direction word before a country or division ("eastern Russia") joins
 * the mention.
 *
 * Resolution, one sense per name per document: every gazetteer reading of
 * a name gets a prior (feature type, population) plus evidence from the
 * article — the countries and divisions of the other places it names,
 * countries of its actors, `City, State` / `City, Country` patterns, and
 * the country of the source's web domain — and the best reading wins.
 * Evidence is gathered twice: from the first readings, then from the
 * resolved ones.
 */
#include "places.h"

#include "actors.h"
#include "firms.h"
#include "lang/matcher.h"
#include "lang/rules.h"
#include "text/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct td_gaz {
  const td_gaz_rec *recs;
  uint32_t n;
  const char *pool;
  td_dict *dict;
  const td_var_slot *var; /* "places.var": transliteration keys (td_place_translit), or NULL */
  uint32_t nvar;        /* its slots, a power of 2 */
  const uint8_t *varbits; /* its bits of first words */
  td_strset *notp;      /* not_places */
  td_strset *dirs;      /* directions */
  td_strset *kinds;     /* facility_kinds' words */
  td_strset *bodies;    /* body_words */
} td_gaz;

static void word_sets_build(td_gaz *g);

int td_places_load(td_engine *eng, char *err, size_t errlen) {
  eng->places = NULL;
  size_t len = 0, dlen = 0;
  const unsigned char *img = eng->res ? td_res_get(eng->res, "places", &len) : NULL;
  const void *dimg = eng->res ? td_res_get(eng->res, "places.dict", &dlen) : NULL;
  if (!img || !dimg) return 0; /* no gazetteer in this image: no places */
  uint32_t head[2];
  if (len < 16 || memcmp(img, TD_GAZ_MAGIC, 8) != 0) goto bad;
  memcpy(head, img + 8, sizeof head);
  if ((uint64_t)head[0] * sizeof(td_gaz_rec) + head[1] + 16 > len) goto bad;
  td_gaz *g = td_xcalloc(1, sizeof *g);
  /* The records are read where they are mapped (shared between
   * processes; see td_dict_add_image for the huge-page copy left out). */
  g->recs = (const td_gaz_rec *)(img + 16);
  g->n = head[0];
  g->pool = (const char *)(img + 16 + (size_t)head[0] * sizeof(td_gaz_rec));
  g->dict = td_dict_new();
  if (td_dict_add_image(g->dict, dimg, dlen) != 0) {
    td_dict_free(g->dict);
    free(g);
    goto bad;
  }
  size_t vlen = 0;
  const unsigned char *vimg = td_res_get(eng->res, "places.var", &vlen);
  uint32_t nv = 0; /* an image without it (an older one) matches no variants */
  if (vimg && vlen >= 16 && memcmp(vimg, TD_VAR_MAGIC, 8) == 0) memcpy(&nv, vimg + 8, 4);
  if (nv && (nv & (nv - 1)) == 0 && 16 + (uint64_t)nv * sizeof(td_var_slot) + TD_VAR_BITS / 8 <= vlen) {
    g->var = (const td_var_slot *)(vimg + 16), g->nvar = nv;
    g->varbits = vimg + 16 + (size_t)nv * sizeof(td_var_slot);
  }
  word_sets_build(g);
  eng->places = g;
  return 0;
bad:
  snprintf(err, errlen, "the resource image's gazetteer is damaged (rebuild with make)");
  return -1;
}

void td_places_unload(td_engine *eng) {
  if (!eng->places) return;
  td_dict_free(eng->places->dict);
  td_strset_free(eng->places->notp);
  td_strset_free(eng->places->dirs);
  td_strset_free(eng->places->kinds);
  td_strset_free(eng->places->bodies);
  free(eng->places);
  eng->places = NULL;
}

double td_geo_km(double lat1, double lon1, double lat2, double lon2) {
  const double r = M_PI / 180.0;
  double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
  double a = sin(dlat / 2) * sin(dlat / 2) +
             cos(lat1 * r) * cos(lat2 * r) * sin(dlon / 2) * sin(dlon / 2);
  if (a > 1) a = 1;
  return 2 * 6371.0 * asin(sqrt(a));
}

/* ---- transliteration variants (td_place_translit) ---- */

/* The Arabic article as English news writes it before a word, assimilated
 * or not ("al-Balah", "ez-Zor", "ash-Shaykh"). */
static const char *const tl_articles[] = {"al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ath",
                                          "adh", "ed", "er", "es", "et", "ez", "en", "esh", "ul", NULL};

static int tl_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* Appends the key of one word of wl lowercase letters to out at *o (see
 * td_place_translit); 0 when it does not fit. */
static int tl_word(const char *w, size_t wl, char *out, size_t cap, size_t *o) {
  char t[128];
  size_t k = 0;
  if (wl >= sizeof t / 2) return 0;
  for (size_t i = 0; i < wl; i++) { /* the vowels' spellings */
    char c = w[i], d = i + 1 < wl ? w[i + 1] : 0, e = i + 2 < wl ? w[i + 2] : 0;
    if ((c == 'o' && (d == 'u' || d == 'o')) || (c == 'a' && d == 'w' && !tl_vowel(e)))
      t[k++] = 'u', i++; /* Younis, Yunis; Zawr, Zor */
    else if ((c == 'e' && (d == 'i' || d == 'y')) || (c == 'a' && d == 'i'))
      t[k++] = 'a', t[k++] = 'y', i++; /* Deir, Dayr */
    else if (c == 'e' && d == 'e')
      t[k++] = 'i', i++;
    else
      t[k++] = c == 'e' ? 'a' : c == 'o' ? 'u' : c; /* Jenin, Janin */
  }
  size_t o0 = *o;
  for (size_t i = 0; i < k; i++) {
    char c = t[i], d = i + 1 < k ? t[i + 1] : 0;
    if (c == 'i' && d == 'y') continue; /* Nasiriyah, Nasiriya */
    if (c == 'i' && i > 0 && (d == 'a' || d == 'u')) c = 'y'; /* Lahia, Lahya */
    if (*o > o0 && out[*o - 1] == c) continue; /* Hassakeh, Hasakah */
    if (*o + 2 >= cap) return 0;
    out[(*o)++] = c;
  }
  if (*o - o0 >= 2 && out[*o - 1] == 'h' && out[*o - 2] == 'a') (*o)--; /* Balah, Bala */
  return 1;
}

/* td_place_translit with at least min letters in the key. */
static size_t tl_key(const char *s, size_t n, char *out, size_t cap, size_t min) {
  char w[128];
  size_t m = 0, o = 0, letters = 0;
  for (size_t i = 0; i < n; i++) { /* lowercase words one space apart */
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    if (c >= 'a' && c <= 'z') {
      if (m + 2 >= sizeof w) return 0;
      w[m++] = (char)c;
    } else if (c == ' ' || c == '-') {
      if (m && w[m - 1] != ' ') w[m++] = ' ';
    } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
               ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
      i += 2; /* a curly apostrophe */
    } else if (c != '\'' && c != '`') {
      return 0;
    }
  }
  while (m && w[m - 1] == ' ') m--;
  if (cap < 2) return 0;
  for (size_t i = 0; i < m;) {
    size_t wl = 0;
    while (i + wl < m && w[i + wl] != ' ') wl++;
    int article = 0;
    for (const char *const *a = tl_articles; *a && i + wl < m; a++)
      article |= strlen(*a) == wl && memcmp(*a, w + i, wl) == 0;
    if (!article) {
      if (o && o + 2 < cap) out[o++] = ' ';
      size_t o1 = o;
      if (!tl_word(w + i, wl, out, cap, &o)) return 0;
      letters += o - o1;
    }
    i += wl + 1;
  }
  out[o] = 0;
  return letters >= min && letters ? o : 0;
}

size_t td_place_translit(const char *s, size_t n, char *out, size_t cap) { return tl_key(s, n, out, cap, 4); }

uint64_t td_place_var_skel(const char *w, size_t n) {
  char sk[64];
  size_t k = 0;
  for (size_t i = 0; i < n && k < sizeof sk; i++) {
    char c = w[i];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'w' || c == 'y' ||
        (c == 'h' && i + 1 == n) || c == '\'' || (k && sk[k - 1] == c))
      continue;
    sk[k++] = c;
  }
  return td_hash64(sk, k);
}

uint64_t td_place_var_hash(const char *key, size_t n, int first) {
  uint64_t h = td_hash64(key, n) ^ (first ? 0x9E3779B97F4A7C15ull : 0);
  return h ? h : 1;
}

/* ---- candidates ---- */

typedef struct {
  uint32_t tok0, tok1;   /* the name's tokens */
  uint32_t start;        /* mention start (after a prefix: "anti-Russian") */
  uint32_t *recs;        /* gazetteer readings (in cands.rp once matching is done) */
  size_t rec0, nrecs;    /* its readings: cands.rp[rec0 .. rec0 + nrecs) */
  int group;             /* index of its name group */
  int drop;              /* 0 kept, 1 dropped, 2 dropped inside a longer name */
  int adj;               /* matched as an adjective ("Russian") */
  int exact;             /* matched an exact-case entry ("US") */
  int part;              /* the name after a prefix in one token ("anti-Russian") */
  int adjrec;            /* 1 + the record of an adjective entry it matched, 0 none */
  char held[16];         /* admin key it has after "City," ("Savannah, Georgia") */
  int directed;          /* a country or division after a direction word ("eastern Russia") */
  int in_org;            /* heads or lies inside a longer organization's name (org_inner) */
  int in_school;         /* that name is of a body that sits in its town (org_school) */
  int variant;           /* one word read as another spelling of a town (add_variant) */
} cand;

typedef struct {
  const td_engine *eng;
  const td_gaz *g;
  td_doc *doc;
  cand *c;
  size_t n, cap;
  uint32_t *rp;          /* every candidate's readings, one after the other */
  size_t nrp, caprp;
  uint8_t *pre;          /* per token: P_* bits of the places.* rule matches ending before it */
  uint8_t *ran;          /* per sentence: the places.* rules ran over it (see cue_bits) */
  uint32_t *kinds;       /* tokens of kind words the walk passed (facility_kind) */
  size_t nkinds, capkinds;
  td_strset *lower;      /* the norms the article writes in lowercase (lowercase_seen) */
} cands;

/* The places.* rules of data/places/cues.rules: a match ending right
 * before a name is a cue for it. */
enum { P_LOCATIVE = 1, P_CUE = 2, P_HELD = 4 };

static int tok_is(const td_tok *t, const char *w) {
  return t->norm && t->norm[0] == w[0] && strcmp(t->norm, w) == 0; /* perf: 1st byte first */
}
static int tok_cap(const td_tok *t) { return (t->flags & (TD_TOK_CAP | TD_TOK_ALLCAPS)) != 0; }

/* Whether tokens [tok0, tok1) are cased as a name: capitalized at both
 * ends, or at the first with a lowercase division word closing it
 * ("Benue state", "Belgorod region", "Idlib province"). */
static int division_word(const td_tok *l) {
  static const char *const kinds[] = {"state", "region", "province", "county", "district",
                                      "oblast", "governorate", "prefecture", "territory", NULL};
  for (const char *const *k = kinds; *k; k++)
    if (tok_is(l, *k)) return 1;
  return 0;
}
static inline int name_cased(const td_doc *doc, uint32_t tok0, uint32_t tok1) {
  const td_tok *l = &doc->toks[tok1 - 1];
  /* an abbreviation whose period the segmenter split off as a sentence's
   * end ("Macon, Ga. There"): the word before the period */
  if (tok1 - tok0 >= 2 && l->norm && l->norm[0] == '.' && l->norm[1] == 0 && !(l->flags & TD_TOK_SPACE_BEFORE))
    l--;
  return tok_cap(&doc->toks[tok0]) && (tok_cap(l) || (tok1 - tok0 >= 2 && division_word(l)));
}

/* Whether a candidate on tokens [tok0, tok1) can count at all: its first
 * and last tokens are capitalized (plausible() turns every other one down
 * before anything else), or it follows a comma, where trailing_admin()
 * reads the readings of whatever the gazetteer matched ("Savannah,
 * Georgia"). Lowercase matches ("said", "along" are towns too) are most of
 * the gazetteer's matches in news and need no record: td_places looks for
 * matches only at tokens where one that counts can start. */
static int cand_counts(const td_doc *doc, uint32_t tok0, uint32_t tok1) {
  if (name_cased(doc, tok0, tok1)) return 1;
  return tok0 > 0 && tok_is(&doc->toks[tok0 - 1], ",");
}

/* The record index a gazetteer entry's payload names (decimal digits, as
 * tools/mkres writes them; anything else read as strtoul reads it). */
static uint32_t payload_index(const char *p) {
  uint32_t v = 0;
  size_t i = 0;
  for (; i < 9 && (unsigned)(p[i] - '0') < 10; i++) v = v * 10 + (uint32_t)(p[i] - '0');
  if (i == 0 || (unsigned)(p[i] - '0') < 10) return (uint32_t)strtoul(p, NULL, 10);
  return v;
}

static int add_reading(cands *cs, const td_match *m);

/* td_match_at callback over the gazetteer table: one candidate per
 * matched range (a trailing possessive trimmed), holding every record the
 * range's entries name; ranges that cannot count are skipped. */
static int on_match(void *ctx, const td_match *m) {
  cands *cs = ctx;
  td_match mm = *m;
  m = &mm;
  /* a possessive the matcher took along ("China 's") is not the name */
  while (mm.tok1 > mm.tok0 + 1 && cs->doc->toks[mm.tok1 - 1].norm &&
         cs->doc->toks[mm.tok1 - 1].norm[0] == '\'' && /* perf: 1st byte first */
         (strcmp(cs->doc->toks[mm.tok1 - 1].norm, "'s") == 0 || strcmp(cs->doc->toks[mm.tok1 - 1].norm, "'") == 0))
    mm.tok1--;
  if (!cand_counts(cs->doc, mm.tok0, mm.tok1)) return 0;
  return add_reading(cs, m);
}

/* Adds the reading of entry m to the candidate on m's tokens (the last
 * one, or a new one). */
static int add_reading(cands *cs, const td_match *m) {
  uint32_t idx = payload_index(m->payload);
  if (idx >= cs->g->n) return 0;
  cand *c = cs->n ? &cs->c[cs->n - 1] : NULL;
  if (!c || c->tok0 != m->tok0 || c->tok1 != m->tok1) {
    TD_GROW(cs->c, cs->cap, cs->n + 1);
    c = &cs->c[cs->n++];
    memset(c, 0, sizeof *c);
    c->tok0 = m->tok0, c->tok1 = m->tok1;
    c->start = cs->doc->toks[m->tok0].start;
    c->adj = 1;
    c->rec0 = cs->nrp;
  }
  if (strcmp(m->cls, "place.adj") != 0) c->adj = 0;
  else if (!c->adjrec) c->adjrec = (int)idx + 1;
  if (m->flags & TD_DICT_CASE) c->exact = 1;
  /* the last candidate's readings are the last ones in the pool */
  for (size_t i = 0; i < c->nrecs; i++)
    if (cs->rp[c->rec0 + i] == idx) return 0;
  TD_GROW(cs->rp, cs->caprp, cs->nrp + 1);
  cs->rp[cs->nrp++] = idx;
  c->nrecs++;
  return 0;
}

/* The lowercase prefixes a hyphen joins to a capitalized name in one
 * token ("anti-Russian", "pro-Western", "ex-Soviet", "mid-Atlantic"); a
 * hyphen between two capitalized words the tokenizer splits itself
 * ("Asia-Pacific", "Saudi-led" is "Saudi" "-" "led"). */
static const char *const name_prefixes[] = {"anti", "pro", "ex", "non", "pan", "post", "pre",
                                             "neo", "trans", "mid", "un", "all", NULL};

/* The bytes of token t's prefix and hyphen when it is one of
 * name_prefixes joined to a capitalized word, else 0. */
static size_t prefix_len(const td_doc *doc, uint32_t t) {
  const td_tok *k = &doc->toks[t];
  const char *w = doc->text + k->start;
  size_t n = k->end - k->start, h = 0;
  while (h < n && h < 6 && w[h] >= 'a' && w[h] <= 'z') h++;
  if (h < 2 || h + 2 > n || w[h] != '-' || w[h + 1] < 'A' || w[h + 1] > 'Z') return 0;
  for (const char *const *p = name_prefixes; *p; p++)
    if (strlen(*p) == h && memcmp(*p, w, h) == 0) return h + 1;
  return 0;
}

typedef struct {
  cands *cs;
  uint32_t tok;
} part_ctx;

static int on_part(void *ctx, const td_match *m) {
  part_ctx *pc = ctx;
  td_match mm = *m;
  mm.tok0 = pc->tok, mm.tok1 = pc->tok + 1;
  return add_reading(pc->cs, &mm);
}

/* The candidate of the name after the prefix of token t ("Russian" in
 * "anti-Russian"), pl bytes into it, when the gazetteer holds the whole
 * rest of the token; its mention starts after the hyphen. */
static void add_part(cands *cs, uint32_t t, size_t pl) {
  const td_tok *k = &cs->doc->toks[t];
  char name[64];
  size_t n = k->end - k->start - pl;
  if (n >= sizeof name) return;
  memcpy(name, cs->doc->text + k->start + pl, n);
  name[n] = 0;
  size_t had = cs->n;
  part_ctx pc = {cs, t};
  td_dict_lookup(cs->g->dict, name, NULL, on_part, &pc);
  if (cs->n > had) cs->c[cs->n - 1].part = 1, cs->c[cs->n - 1].start = k->start + (uint32_t)pl;
}

/* Whether r's feature code starts with f (perf: no strlen, no call). */
static int is_feat(const td_gaz_rec *r, const char *f) {
  for (size_t i = 0; f[i]; i++)
    if (r->feat[i] != f[i]) return 0;
  return 1;
}
static int is_country(const td_gaz_rec *r) { return is_feat(r, "PCL"); }
static int is_area(const td_gaz_rec *r) {
  return is_country(r) || is_feat(r, "ADM1") || (r->flags & TD_GAZ_CURATED);
}

static int tok_word(const td_tok *t) { return !(t->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT)); }

static const char *const directions[] = {
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north", "south", "east", "west", "northeast",
    "northwest", "southeast", "southwest", "far-eastern", NULL};

static int is_direction(const td_gaz *g, const td_tok *t) {
  return t->norm && td_strset_find_str(g->dirs, t->norm) >= 0;
}

static unsigned cue_bits(cands *cs, uint32_t t);

/* Whether candidate c names where a business has a site: after a
 * possessive and before a site noun ("its Cambuslang factory", "Nissan's
 * Sunderland plant", "the firm's Corby steelworks"), as "in" would
 * ("its factory in Cambuslang"). Not after "the" ("the Ford plant" is
 * the company's). */
static int site_cue(const td_doc *doc, const cand *c) {
  static const char *const sites[] = {"plant", "plants", "factory", "factories", "works", "steelworks",
                                      "site", "sites", "mine", "pit", "colliery", "refinery", "smelter",
                                      "mill", "shipyard", "yard", "depot", "warehouse", "headquarters",
                                      "hq", "office", "offices", "branch", "store", "facility", "base",
                                      "operation", "operations", "call", NULL};
  const td_sent *se = &doc->sents[doc->toks[c->tok0].sent];
  if (c->tok0 == se->tok0 || c->tok1 >= se->tok0 + se->ntok) return 0;
  const td_tok *p = &doc->toks[c->tok0 - 1], *n = &doc->toks[c->tok1];
  static const char *const poss[] = {"its", "their", "his", "her", "our", "'s", "'", NULL};
  return td_str_in(p->norm, poss) && !tok_cap(n) && td_str_in(n->norm, sites);
}

/* The cue bits of candidate c: the places.* rules' before it (cue_bits),
 * and a site's (site_cue) as a locative cue. */
static unsigned cand_cues(cands *cs, const cand *c) {
  return cue_bits(cs, c->tok0) | (site_cue(cs->doc, c) ? P_LOCATIVE | P_CUE : 0);
}

/* Whether the name stands where a place is expected: after "in", "at",
 * "near", "from", "outside", or before ", State". */
static int locative(cands *cs, const cand *c) {
  const td_doc *doc = cs->doc;
  const td_sent *s = &doc->sents[doc->toks[c->tok0].sent];
  if (c->tok1 + 1 < s->tok0 + s->ntok && tok_is(&doc->toks[c->tok1], ",") &&
      tok_cap(&doc->toks[c->tok1 + 1]) && c->tok1 - c->tok0 > 1)
    return 1;
  return (cand_cues(cs, c) & P_LOCATIVE) != 0; /* places.locative: "in", "near", ... */
}

/* The folded surface of tokens [tok0, tok1) into buf: norms joined by a
 * space where the text has one. */
static const char *cand_key(const td_doc *doc, uint32_t tok0, uint32_t tok1, char *key, size_t cap) {
  size_t kn = 0;
  for (uint32_t t = tok0; t < tok1 && kn + 2 < cap; t++) {
    const char *w = doc->toks[t].norm ? doc->toks[t].norm : "";
    if (t > tok0 && (doc->toks[t].flags & TD_TOK_SPACE_BEFORE)) key[kn++] = ' ';
    size_t wl = strlen(w);
    if (kn + wl >= cap - 1) break;
    memcpy(key + kn, w, wl), kn += wl;
  }
  key[kn] = 0;
  return key;
}

static int stop_cb(void *ctx, const td_match *m) {
  (void)m;
  *(int *)ctx = 1;
  return 1;
}

/* Whether the name opens a paragraph in capitals and a dash, comma or
 * parenthesis follows: a dateline ("SEOUL —", "TORONTO (AP)"). */
static int dateline(const td_doc *doc, const cand *c) {
  const td_tok *t0 = &doc->toks[c->tok0];
  if (!(t0->flags & TD_TOK_ALLCAPS)) return 0;
  if (c->tok0 > 0 && !(t0->flags & (TD_TOK_PARA_START | TD_TOK_NEWLINE_BEFORE))) return 0;
  if (c->tok1 >= doc->ntoks) return 0;
  const td_tok *n = &doc->toks[c->tok1];
  return (n->flags & TD_TOK_PUNCT) && !tok_is(n, ".");
}

/* Capitalized words that name places only rarely in news. */
static const char *const not_places[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "god", "christ", "mars", "venus", "el nino", "el niño",
    "lent", "easter", "christmas", "notre dame", "jesus",
    /* institution and language words that small towns are named after */
    "congress", "senate", "parliament", "university", "college", "centre", "center",
    "commerce", "industry", "justice", "police", "enterprise", "alliance", "union", "state",
    "vice", "wing", "law", "english", "spanish", "arab", "arabic", "latin", "christian",
    "catholic", "muslim", "jewish", "federal", "national", "liberty", "independence",
    "freedom", "unity", "victory", "progress", "reform", "hope", "faith", "energy",
    /* nouns for a nation's people that a town is named after: "we
     * Brits", "the Brits" (the awards), not the South African town */
    "brits", NULL};

/* Words that end the name of a body named after its place: "Beverly
 * Hills Police Department", "The Washington Post", "Montgomery County
 * Democrats", "Bolton Wanderers", "Paducah Public Schools", "Paducah
 * School District". Not the words of bodies named after
 * people as often (college, library, club, court). */
static const char *const body_words[] = {
    "police", "sheriff", "department", "council", "commission", "committee", "assembly",
    "authority", "fc", "united", "wanderers", "albion", "rovers", "athletic", "times", "post",
    "press", "herald", "tribune", "journal", "gazette", "chronicle", "democrats",
    "republicans", "airport", "zoo", "symphony", "orchestra", "schools", "district", NULL};

/* The kind words that close a street's or a building's name, with the
 * GeoNames feature code of each (see facility_kind). */
static const char *const facility_kinds[][2] = {
    {"street", "ST"},    {"st.", "ST"},       {"avenue", "ST"},    {"ave.", "ST"},
    {"road", "ST"},      {"rd.", "ST"},       {"boulevard", "ST"}, {"blvd.", "ST"},
    {"drive", "ST"},     {"lane", "ST"},      {"parkway", "ST"},   {"square", "SQR"},
    {"plaza", "SQR"},    {"bridge", "BDG"},   {"park", "PRK"},     {"hospital", "HSP"},
    {"school", "SCH"},   {"library", "LIBR"}, {"airport", "AIRP"}, {"stadium", "STDM"},
    {"centre", "BLDG"},  {"center", "BLDG"},  {"hall", "BLDG"},    {"hotel", "HTL"},
    {"museum", "MUS"},   {"cathedral", "CH"}, {"basilica", "CH"},  {"mosque", "MSQE"},
    {"canal", "CNL"},    {"estate", "PPLX"},    {"church", "CH"},    {"chapel", "CH"},
    {"castle", "CSTL"},  {"palace", "PAL"},   {"theatre", "THTR"}, {"theater", "THTR"},
    {"tower", "TOWR"},   {"prison", "PRN"},   {"racecourse", "RECR"}};
#define N_FACILITY_KINDS (sizeof facility_kinds / sizeof facility_kinds[0])

/* The word sets of a loaded gazetteer: not_places, directions, the
 * facility kinds and the body words. */
static void word_sets_build(td_gaz *g) {
  g->notp = td_strset_new_list(not_places);
  g->dirs = td_strset_new_list(directions);
  const char *kinds[N_FACILITY_KINDS];
  for (size_t i = 0; i < N_FACILITY_KINDS; i++) kinds[i] = facility_kinds[i][0];
  g->kinds = td_strset_new(kinds, N_FACILITY_KINDS);
  g->bodies = td_strset_new_list(body_words);
}

/* Whether key (a candidate's folded surface) is one of the not_places. */
static int not_place(const td_gaz *g, const char *key) {
  return td_strset_find_str(g->notp, key) >= 0;
}

/* Whether token t opens its sentence (or a clause after a quotation mark,
 * a parenthesis or a dash) as a function word, capitalized only for its
 * place: "In Boise", "After Paris", "By NAIROBI". Such a word does not
 * make the name after it part of a longer capitalized name. */
static int function_opener(const td_doc *doc, uint32_t t, uint32_t first) {
  const td_tok *w = &doc->toks[t];
  if (t > first && !((doc->toks[t - 1].flags & (TD_TOK_QUOTE_OPEN | TD_TOK_PUNCT)) &&
                     !tok_is(&doc->toks[t - 1], ",")))
    return 0;
  switch (w->upos) {
  case TD_ADP: case TD_DET: case TD_CCONJ: case TD_SCONJ: case TD_PRON: case TD_PART: case TD_ADV:
    return 1;
  default:
    return 0;
  }
}

/* Whether a word that may follow a modifier stands at token t: not a
 * verb, auxiliary, preposition, punctuation, conjunction, determiner or
 * pronoun ("an Iraqi who left", "the fastest European this season"). */
static int modifier_next(const td_tok *t) {
  return tok_word(t) && t->upos != TD_VERB && t->upos != TD_AUX && t->upos != TD_ADP &&
         t->upos != TD_PUNCT && t->upos != TD_CCONJ && t->upos != TD_SCONJ && t->upos != TD_DET &&
         (t->upos != TD_PRON || (t->flags & TD_TOK_ALLCAPS)); /* "American IT giant" */
}

/* Whether t is a noun that makes the adjective before it a language's,
 * not a place's: "the English language", "a Spanish translation", "the
 * Russian word for it". */
static int language_noun(const td_tok *t) {
  static const char *const nouns[] = {
      "language", "languages", "speaker", "speakers", "speaking", "translation",
      "translations", "translator", "subtitles", "dictionary", "grammar", "accent",
      "alphabet", "word", "words", "dialect", "lessons", "lesson", "teacher", "teachers",
      "spelling", "pronunciation", NULL};
  if (!t->norm) return 0;
  for (const char *const *w = nouns; *w; w++)
    if (tok_is(t, *w)) return 1;
  return 0;
}

/* Whether a language noun stands at token t (before last), alone or
 * after a hyphen: "English language", "English-speaking nations". */
static int language_next(const td_doc *doc, uint32_t t, uint32_t last) {
  if (t >= last) return 0;
  if (language_noun(&doc->toks[t])) return 1;
  return tok_is(&doc->toks[t], "-") && t + 1 < last && language_noun(&doc->toks[t + 1]) &&
         !(doc->toks[t + 1].flags & TD_TOK_SPACE_BEFORE);
}

/* Whether an adjective ending before token t modifies a noun: a word
 * that can follow a modifier comes next ("Russian troops"), or a hyphen
 * joins it to one ("Turkish-backed militias", "Syrian-Turkish border"),
 * or it is one of a list of modifiers that ends at a noun ("German,
 * Irish and other immigrant populations", "the Russian and Venezuelan
 * delegations"). Not when it stands for people: "The British said",
 * "the Russian and the Ukrainian"; nor, when lang, before a language
 * noun ("the English language"). */
static int adj_modifies(const td_doc *doc, uint32_t t, uint32_t last, int lang) {
  if (t >= last) return 0;
  const td_tok *n = &doc->toks[t];
  if (lang && language_next(doc, t, last)) return 0;
  if (modifier_next(n)) return 1;
  /* a compound opening with a number: "the British 11-month-old", "a
   * Russian 20-year-old" */
  if ((n->flags & TD_TOK_DIGIT) && t + 2 < last && tok_is(&doc->toks[t + 1], "-") &&
      !(doc->toks[t + 1].flags & TD_TOK_SPACE_BEFORE) && !(doc->toks[t + 2].flags & TD_TOK_SPACE_BEFORE) &&
      tok_word(&doc->toks[t + 2]))
    return 1;
  if (tok_is(n, "-") && !(n->flags & TD_TOK_SPACE_BEFORE) && t + 1 < last &&
      !(doc->toks[t + 1].flags & TD_TOK_SPACE_BEFORE) && tok_word(&doc->toks[t + 1]))
    return 1;
  if (!tok_is(n, ",") && !tok_is(n, "and") && !tok_is(n, "or")) return 0;
  /* a list: modifiers, commas and one conjunction up to a noun */
  int mods = 0;
  for (uint32_t u = t + 1; u < last && u < t + 8; u++) {
    const td_tok *w = &doc->toks[u];
    if (tok_is(w, ",") || tok_is(w, "and") || tok_is(w, "or")) {
      if (!mods && u > t + 1) return 0;
      mods = 0;
      continue;
    }
    if (w->upos == TD_NOUN) return mods > 0;
    if (w->upos != TD_ADJ && w->upos != TD_PROPN) return 0;
    mods++;
  }
  return 0;
}

/* Whether token t is a capitalized word that a hyphen joins to a name
 * into a longer one ("Spider-Man", "T-Mobile", "Mercedes-Benz",
 * "Simpson-Daniel"): not an Arabic article or a saint's word
 * ("Al-Raqqa", "Saint-Denis"), a direction, or a combining form in -o
 * ("Anglo-Irish", "Austro-Hungarian"). */
static int hyphen_mate(const td_gaz *g, const td_doc *doc, uint32_t t) {
  static const char *const openers[] = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud",
                                        "ul", "ur", "bin", "ibn", "abu", "saint", "st", "ste",
                                        "sainte", "san", "santa", "new", "greater",
                                        "r", "d", "i", NULL}; /* a party: "R-Neb." */
  const td_tok *k = &doc->toks[t];
  if (!tok_cap(k) || !tok_word(k) || !k->norm || is_direction(g, k)) return 0;
  size_t n = strlen(k->norm);
  if (n == 0 || k->norm[n - 1] == 'o') return 0;
  if ((k->flags & TD_TOK_ALLCAPS) && n > 1) return 0; /* "WGBH-Boston" */
  for (const char *const *w = openers; *w; w++)
    if (tok_is(k, *w)) return 0;
  for (const char *const *w = name_prefixes; *w; w++) /* "Pan-European" opening a sentence */
    if (tok_is(k, *w)) return 0;
  return 1;
}

/* Whether candidate c is one part of a hyphenated name whose other part
 * is no place name: the word before "-" (or after it) is a hyphen_mate
 * and no candidate ends (starts) there. "Nelson-Creston", "Amsterdam-
 * London" and "Asia-Pacific" are two places. */
static int hyphen_joined(const cands *cs, const cand *c) {
  const td_doc *doc = cs->doc;
  size_t i = (size_t)(c - cs->c);
  uint32_t t0 = c->tok0, t1 = c->tok1;
  const td_sent *s = &doc->sents[doc->toks[t0].sent];
  uint32_t first = s->tok0, last = s->tok0 + s->ntok;
  if (t0 >= first + 2 && tok_is(&doc->toks[t0 - 1], "-") &&
      !(doc->toks[t0 - 1].flags & TD_TOK_SPACE_BEFORE) && !(doc->toks[t0].flags & TD_TOK_SPACE_BEFORE) &&
      hyphen_mate(cs->g, doc, t0 - 2) && !(i > 0 && cs->c[i - 1].tok1 == t0 - 1))
    return 1;
  if (t1 + 1 < last && tok_is(&doc->toks[t1], "-") && !(doc->toks[t1].flags & TD_TOK_SPACE_BEFORE) &&
      !(doc->toks[t1 + 1].flags & TD_TOK_SPACE_BEFORE) && hyphen_mate(cs->g, doc, t1 + 1) &&
      !(i + 1 < cs->n && cs->c[i + 1].tok0 == t1 + 1))
    return 1;
  return 0;
}

/* Whether every reading of candidate c is a continent or a region of
 * the world, which no language is named after: "European languages"
 * are Europe's, where "the English language" is no place. */
static int regional(const td_gaz *g, const cand *c) {
  for (size_t i = 0; i < c->nrecs; i++) {
    const td_gaz_rec *r = &g->recs[c->recs[i]];
    if (!is_feat(r, "CONT") && !is_feat(r, "RGN")) return 0;
  }
  return c->nrecs > 0;
}

/* Whether the name after a prefix in one token (add_part) is a place:
 * an adjective that modifies a noun ("anti-Russian policy", not "the
 * pro-Russians"), or a name with a country, capital or curated reading
 * ("anti-Israel", "pro-Moscow", "non-EU", "pro-Western": the Western
 * world, no region of Ghana); not a division or another town alone
 * ("ex-Columbia executives" worked at a company). */
static int part_kept(const td_gaz *g, const td_doc *doc, const cand *c) {
  const td_sent *s = &doc->sents[doc->toks[c->tok0].sent];
  if (c->adj) return adj_modifies(doc, c->tok1, s->tok0 + s->ntok, !regional(g, c));
  for (size_t i = 0; i < c->nrecs; i++) {
    const td_gaz_rec *r = &g->recs[c->recs[i]];
    if (is_country(r) || (r->flags & TD_GAZ_CURATED) || is_feat(r, "PPLC")) return 1;
  }
  return 0;
}

/* Whether a capitalized "Township" stands at token t (before last):
 * the name before it is a township's ("Franklin Township", "Hamilton
 * Township"), which the gazetteer does not hold; a local unit, so a
 * town of the name, not a state, a country or a capital. */
static int township_next(const td_doc *doc, uint32_t t, uint32_t last) {
  return t < last && tok_cap(&doc->toks[t]) &&
         (tok_is(&doc->toks[t], "township") || tok_is(&doc->toks[t], "twp."));
}

/* Whether the capitalized words from token t on (a possessive among
 * them) end a body's name (body_words), within five words. */
static int body_name_at(const td_gaz *g, const td_doc *doc, uint32_t t, uint32_t last) {
  for (uint32_t u = t, n = 0; u < last && n < 5; u++, n++) {
    const td_tok *w = &doc->toks[u];
    if (tok_is(w, "'s")) continue;
    if (!tok_cap(w) || !tok_word(w)) return 0;
    if (td_strset_find(g->bodies, w->norm, w->end - w->start) >= 0) return 1; /* ASCII words */
  }
  return 0;
}

/* Whether t is a lowercase particle of surnames: "de", "van", "da". */
static int particle(const td_tok *t) {
  static const char *const ps[] = {"de", "da", "di", "del", "della", "van", "von", "du", "dos", "das", NULL};
  return !(t->flags & (TD_TOK_CAP | TD_TOK_ALLCAPS)) && td_str_in(t->norm, ps);
}

/* Whether t is a capitalized particle of surnames opening a person's
 * name before a capitalized word ("Van Gogh", "Van Persie", "De Niro"). */
static int cap_particle(const td_tok *t) {
  static const char *const ps[] = {"de", "da", "di", "del", "della", "van", "von", "du", "dos", "das", NULL};
  return (t->flags & TD_TOK_CAP) && !(t->flags & TD_TOK_ALLCAPS) && td_str_in(t->norm, ps);
}

/* Whether a candidate of cs opens at token t. */
static int cand_at(const cands *cs, uint32_t t) {
  for (size_t i = 0; i < cs->n; i++)
    if (cs->c[i].tok0 == t) return 1;
  return 0;
}

/* Whether the article writes word w (a norm) in lowercase somewhere, as
 * the common word: "mobile phones" beside "Mobile phones are". */
static int lowercase_seen(cands *cs, const char *w) {
  if (!cs->lower) { /* once per article, on first use: not a scan per candidate */
    const td_doc *doc = cs->doc;
    const char **norms = td_xmalloc((doc->ntoks + 1) * sizeof *norms);
    size_t n = 0;
    for (size_t t = 0; t < doc->ntoks; t++) {
      const td_tok *k = &doc->toks[t];
      if (!(k->flags & (TD_TOK_CAP | TD_TOK_ALLCAPS)) && k->norm && doc->text[k->start] >= 'a' &&
          doc->text[k->start] <= 'z')
        norms[n++] = k->norm;
    }
    cs->lower = td_strset_new(norms, n);
    free(norms);
  }
  return td_strset_find_str(cs->lower, w) >= 0;
}

/* Whether a reading of candidate c is an area or a city of 100,000
 * people: a name too weighty to give way to a person's or an
 * organization's of the same spelling. */
static int area_or_city(const td_gaz *g, const cand *c) {
  for (size_t k = 0; k < c->nrecs; k++)
    if (is_area(&g->recs[c->recs[k]]) || g->recs[c->recs[k]].pop >= 100000) return 1;
  return 0;
}

/* Whether actor ac is a company the dictionaries know (sector BUS). */
static int is_company(const td_actor *ac) {
  return ac->known && ac->sector && strcmp(ac->sector, "BUS") == 0;
}

/* Whether candidate c, a mention of a known organization, stands where
 * a place is expected: locative(), but "at" and "from" before an
 * organization are where people work and what they leave ("head of
 * research at Nokia", "sign Ashley Cole from Arsenal"), not a place. */
static int org_locative(cands *cs, const cand *c) {
  if (!locative(cs, c)) return 0;
  const td_tok *p = c->tok0 > 0 ? &cs->doc->toks[c->tok0 - 1] : NULL;
  return !(p && (tok_is(p, "at") || tok_is(p, "from")));
}

/* Whether t is a capitalized adjective of a party or creed that says
 * how a place votes or believes, no word of its name: "Republican Orange
 * County", "Democratic Los Angeles", "Catholic Ireland". */
static int party_word(const td_tok *t) {
  static const char *const ws[] = {"republican", "democratic", "conservative", "tory", "liberal",
                                   "socialist", "communist", "nationalist", "unionist", "catholic",
                                   "protestant", NULL};
  return t->upos == TD_ADJ && td_str_in(t->norm, ws);
}

static long tok_starting(const td_doc *doc, uint32_t b);
static size_t cand_from(const cands *cs, uint32_t t);

/* Whether a candidate covers exactly tokens [t, t + 1). */
static int cand_is(const cands *cs, uint32_t t) {
  for (size_t i = cand_from(cs, t); i < cs->n && cs->c[i].tok0 == t; i++)
    if (cs->c[i].tok1 == t + 1) return 1;
  return 0;
}

/* Whether person ac is two places joined by a hyphen that the actors
 * layer took for a double-barrelled surname: some mention of it is all
 * "X-Y" with X and Y place candidates ("MLA for Nelson-Creston", a
 * riding), and X or Y alone stands elsewhere where a place is expected
 * ("into Nelson"), so its other mentions ("Nelson residents") are the
 * place. Not a surname ("Ambassador Phillips-Spencer") nor a firm
 * ("Merriam-Webster") that no cue calls a place. */
static int place_pair_person(cands *cs, const td_actor *ac) {
  const td_doc *doc = cs->doc;
  for (size_t m = 0; m < ac->nmentions; m++) {
    long t = tok_starting(doc, ac->mentions[m].start);
    if (t < 0 || (size_t)t + 2 >= doc->ntoks) continue;
    const td_tok *h = &doc->toks[t + 1];
    if (!tok_is(h, "-") || (h->flags & TD_TOK_SPACE_BEFORE) || (doc->toks[t + 2].flags & TD_TOK_SPACE_BEFORE) ||
        doc->toks[t + 2].end != ac->mentions[m].end || !cand_is(cs, (uint32_t)t) ||
        !cand_is(cs, (uint32_t)t + 2))
      continue;
    const char *x = doc->toks[t].norm, *y = doc->toks[t + 2].norm;
    for (size_t i = 0; i < cs->n; i++) {
      const cand *d = &cs->c[i];
      const char *w = doc->toks[d->tok0].norm;
      if (d->tok1 - d->tok0 == 1 && w && ((x && strcmp(w, x) == 0) || (y && strcmp(w, y) == 0)) &&
          !(d->tok0 > 0 && tok_is(&doc->toks[d->tok0 - 1], "-")) && locative(cs, d))
        return 1;
    }
  }
  return 0;
}

/* Whether candidate c opens a mention of organization ac that goes on
 * past it with a word that closes only a firm's name (td_firm_word):
 * "Delta Air Lines", "Paramount Pictures". */
static int firm_headed(const td_doc *doc, const td_actor *ac, const cand *c) {
  uint32_t a0 = doc->toks[c->tok0].start, a1 = doc->toks[c->tok1 - 1].end;
  for (size_t m = 0; m < ac->nmentions; m++) {
    td_span sp = ac->mentions[m];
    if (sp.start != a0 || sp.end <= a1) continue;
    for (uint32_t t = c->tok1; t < doc->ntoks && doc->toks[t].end <= sp.end; t++)
      if (td_firm_word(doc->toks[t].norm)) return 1;
  }
  return 0;
}

/* Whether candidate c lies inside a longer mention of organization ac
 * that is no body named after its place (body_name_at: "Beverly Hills
 * Police Department", "The Washington Post" are the town's): "Cambridge
 * Analytica", "the University of Cambridge". Such a name says where the
 * organization is from, not where the story happens. */
static int org_inner(const td_gaz *g, const td_doc *doc, const td_actor *ac, const cand *c) {
  uint32_t a0 = doc->toks[c->tok0].start, a1 = doc->toks[c->tok1 - 1].end;
  const td_sent *se = &doc->sents[doc->toks[c->tok0].sent];
  for (size_t m = 0; m < ac->nmentions; m++) {
    td_span sp = ac->mentions[m];
    if (sp.start <= a0 && a1 <= sp.end && (sp.start < a0 || a1 < sp.end))
      return !body_name_at(g, doc, c->tok1, se->tok0 + se->ntok);
  }
  return 0;
}

/* Whether the mention of organization ac that holds candidate c names a
 * body that sits in the town of its name: a university, a college, a
 * school, a hospital ("the University of St Andrews", "Bristol
 * University"), whose town is one of the story's country. */
static int org_school(const td_doc *doc, const td_actor *ac, const cand *c) {
  static const char *const ws[] = {"university", "college", "school", "academy", "hospital",
                                   "infirmary", "polytechnic", "seminary", NULL};
  uint32_t a0 = doc->toks[c->tok0].start, a1 = doc->toks[c->tok1 - 1].end;
  for (size_t m = 0; m < ac->nmentions; m++) {
    td_span sp = ac->mentions[m];
    if (sp.start > a0 || a1 > sp.end) continue;
    long t = tok_starting(doc, sp.start);
    for (; t >= 0 && (size_t)t < doc->ntoks && doc->toks[t].end <= sp.end; t++)
      if (td_str_in(doc->toks[t].norm, ws)) return 1;
  }
  return 0;
}

/* Whether organization ac is a business by its own mentions: the
 * actors layer joined a determiner and a business's noun to it ("Delta"
 * ... "the airline", "the company"; "the Spanish bank"; firms.h). */
static int firm_coref(const td_doc *doc, const td_actor *ac) {
  for (size_t m = 0; m < ac->nmentions; m++) {
    long t0 = tok_starting(doc, ac->mentions[m].start);
    if (t0 < 0) continue;
    const td_tok *d = &doc->toks[t0];
    if (!tok_is(d, "the") && !tok_is(d, "a") && !tok_is(d, "an")) continue;
    uint32_t t = (uint32_t)t0 + 1;
    while (t < doc->ntoks && t < (uint32_t)t0 + 5 && doc->toks[t].end < ac->mentions[m].end) t++;
    if (t < doc->ntoks && doc->toks[t].end == ac->mentions[m].end && !tok_cap(&doc->toks[t]) &&
        td_firm_noun(doc->toks[t].norm))
      return 1;
  }
  return 0;
}

static const char *facility_kind(const td_gaz *g, const td_tok *t);

/* Whether candidate c, a given name, and the capitalized words after it
 * spell the full name of a person the actors layer found, at a mention it did not
 * mark ("in Victoria Vivians' hotel room", "Victoria Vivians" named
 * before): the person's name, even after a locative cue. */
static int opens_person(const td_engine *eng, const td_doc *doc, const cand *c) {
  const td_sent *se = &doc->sents[doc->toks[c->tok0].sent];
  uint32_t last = se->tok0 + se->ntok, e = c->tok1;
  while (e < last && e < c->tok1 + 3 && tok_cap(&doc->toks[e]) && tok_word(&doc->toks[e])) e++;
  if (e == c->tok1 || c->tok1 - c->tok0 != 1 || !eng->dict) return 0;
  /* (not a street's or a body's name the actors layer took for a
   * person: "Victoria Street", "Victoria Police") */
  const td_tok *nx = &doc->toks[c->tok1];
  if (facility_kind(eng->places, nx) || (nx->norm && td_strset_find_str(eng->places->bodies, nx->norm) >= 0))
    return 0;
  /* (a given name: not "US President", "The Indonesian Economics
   * Minister", which the actors layer names a person by too) */
  static const char *const given[] = {"name.given", NULL};
  int hit = 0;
  td_match_range(eng->dict, doc, c->tok0, c->tok1, given, stop_cb, &hit);
  if (!hit) return 0;
  const char *s0 = doc->text + doc->toks[c->tok0].start;
  for (uint32_t f = e; f > c->tok1; f--) {
    size_t n = doc->toks[f - 1].end - doc->toks[c->tok0].start;
    for (size_t a = 0; a < doc->nactors; a++) {
      const td_actor *ac = &doc->actors[a];
      if (ac->kind && strcmp(ac->kind, "person") == 0 && ac->name && ac->name[0] == s0[0] &&
          strlen(ac->name) == n && strncmp(ac->name, s0, n) == 0)
        return 1;
    }
  }
  return 0;
}

/* Whether a reading of candidate c is an area, a capital or a city of a
 * million: a name no person's surname hides. */
static int grand(const td_gaz *g, const cand *c) {
  for (size_t k = 0; k < c->nrecs; k++) {
    const td_gaz_rec *r = &g->recs[c->recs[k]];
    if (is_area(r) || is_feat(r, "PPLC") || r->pop >= 1000000) return 1;
  }
  return 0;
}

/* Whether t is a word that opens the names of towns and hardly a
 * person's: "Fort", "Mount", "Port", "Lake", "El", "San", "Santa",
 * "Saint" and their abbreviations, Spanish "Ciudad". */
static int town_opener(const td_tok *t) {
  /* and the Arabic words of places that open towns' names: monastery,
   * house, caravanserai, hill, village, cape, valley, mother ("Deir
   * al-Balah", "Beit Lahia", "Khan Younis", "Tal Afar", "Kafr Qasim",
   * "Ras Tanura", "Umm Qasr"; a person's name opens with none) */
  static const char *const ws[] = {"fort", "ft.", "mount", "mt.", "port", "lake", "el", "san",
                                   "santa", "santo", "saint", "st.", "sainte", "ste.", "ciudad",
                                   "deir", "dayr", "beit", "bayt", "khan", "tel", "tal", "kafr",
                                   "kfar", "ras", "wadi", "umm", NULL};
  return tok_cap(t) && td_str_in(t->norm, ws);
}

/* Whether a person's mention that is all of candidate c is the town
 * instead: c opens with a town_opener and has a reading of 5,000 people or
 * more, a seat's of no recorded people (`Tal Afar`) or a division's
 * ("left Fort Myers", "Port Harcourt refinery", "hit Deir al-Balah":
 * the actors layer read the word after it as a surname or given name;
 * not "Santa Claus", a town of 2,500). */
static int town_not_person(const td_gaz *g, const td_doc *doc, const cand *c) {
  if (c->tok1 - c->tok0 < 2 || !town_opener(&doc->toks[c->tok0])) return 0;
  for (size_t i = 0; i < c->nrecs; i++) {
    const td_gaz_rec *r = &g->recs[c->recs[i]];
    if (r->pop >= 5000 || is_area(r) || (r->pop == 0 && is_feat(r, "PPLA") && (!r->feat[4] || r->feat[4] == '2'))) return 1;
  }
  return 0;
}

/* Whether a person's mention that is all of candidate c, of two words
 * and more, is a sea, a region, a river, a mountain or a venue of
 * curated.tsv instead: the actors layer read a given name in it
 * ("Pearl Harbor", "Lake Victoria"). */
static int curated_feature(const td_gaz *g, const td_doc *doc, const cand *c) {
  if (c->tok1 - c->tok0 < 2) return 0;
  for (size_t i = 0; i < c->nrecs; i++) {
    const td_gaz_rec *r = &g->recs[c->recs[i]];
    if ((r->flags & TD_GAZ_CURATED) && !r->pop && !is_feat(r, "ADM") && !is_feat(r, "PPL") &&
        !is_country(r))
      return 1;
  }
  return 0;
}

/* Whether one-word candidate c reads as a country only by another
 * spelling of its name ("Island" for Iceland, "Holland", "Mann" for the
 * Isle of Man, "Britain"), not by the name itself nor an exact-case
 * alias ("UK"): such a word after a capitalized one is part of a longer
 * name ("Fire Island", "Tom Holland", "Little Britain", "Tate Britain"),
 * as a town's would be. */
static int alias_country(const td_gaz *g, const td_doc *doc, const cand *c) {
  if (c->tok1 - c->tok0 != 1 || c->exact) return 0;
  const td_tok *t = &doc->toks[c->tok0];
  size_t n = t->end - t->start;
  int alias = 0;
  for (size_t i = 0; i < c->nrecs; i++) {
    const td_gaz_rec *r = &g->recs[c->recs[i]];
    if (!is_area(r)) continue;
    if (!is_country(r)) return 0; /* a division, a curated region */
    const char *name = g->pool + r->name;
    if (strlen(name) == n && strncasecmp(name, doc->text + t->start, n) == 0) return 0;
    alias = 1;
  }
  return alias;
}

/* Whether one-word candidate c names a country by the plural noun
 * that closes its name ("the States", "the Emirates": curated.tsv),
 * which it does only after "the" and before no capitalized word nor
 * "of": not "the Gulf States", "the States of Jersey", "Emirates
 * Airline", "the Emirates Stadium", nor "at the Emirates", the ground
 * named after the airline. 0 when c is no such name, 1 when it stands
 * so, -1 when it does not. */
static int plural_country(const td_gaz *g, const td_doc *doc, const cand *c, uint32_t first,
                          uint32_t last) {
  if (c->adj || c->adjrec || !alias_country(g, doc, c)) return 0; /* not "Swiss" */
  const td_tok *t = &doc->toks[c->tok0];
  size_t n = t->end - t->start;
  if (n < 3 || doc->text[t->end - 1] != 's') return 0;
  const td_tok *p = c->tok0 > first ? &doc->toks[c->tok0 - 1] : NULL;
  const td_tok *pp = c->tok0 > first + 1 ? &doc->toks[c->tok0 - 2] : NULL;
  const td_tok *nx = c->tok1 < last ? &doc->toks[c->tok1] : NULL;
  if (!p || !tok_is(p, "the") || (pp && tok_is(pp, "at"))) return -1;
  if (nx && ((tok_cap(nx) && tok_word(nx)) || tok_is(nx, "of"))) return -1;
  return 1;
}

/* Whether the name of candidate c stands as the speaker of a speech
 * verb: right before it ("X said"), or right after it with the clause
 * ending there ("...," said X.). */
static int speaker_at(const td_doc *doc, const cand *c, uint32_t first, uint32_t last) {
  static const char *const verbs[] = {"said", "says", "told", "added", "recalled", "explained",
                                      "wrote", "tweeted", "insisted", "argued", "admitted",
                                      "reiterated", "acknowledged", "noted", "asked", NULL};
  const td_tok *next = c->tok1 < last ? &doc->toks[c->tok1] : NULL;
  const td_tok *prev = c->tok0 > first ? &doc->toks[c->tok0 - 1] : NULL;
  return (next && td_str_in(next->norm, verbs)) ||
         (prev && td_str_in(prev->norm, verbs) && (!next || tok_is(next, ".") || tok_is(next, ",")));
}

/* Whether a candidate reads as a place name at all: 0 yes, 1 no, 2 no
 * because it is (part of) a person's or a longer name after a capitalized
 * word, 3 no because a capitalized word follows ("Boise State"). A place
 * that heads a body's name ("Beverly Hills Police Department") is one,
 * as news annotators count it. */
/* Whether a bare direction word with a curated reading stands as the
 * West of world politics: "Russia and the West", "in the West, ...";
 * not "the West of England", "the West Stand" (only the curated
 * "Western world" has such a reading). */
static int west_of_politics(const td_gaz *g, const td_doc *doc, const cand *c, uint32_t first,
                            uint32_t last) {
  int curated = 0;
  for (size_t i = 0; i < c->nrecs; i++) curated |= (g->recs[c->recs[i]].flags & TD_GAZ_CURATED) != 0;
  if (!curated || !(doc->toks[c->tok0].flags & TD_TOK_CAP) || c->tok0 == first ||
      !tok_is(&doc->toks[c->tok0 - 1], "the"))
    return 0;
  if (c->tok1 >= last) return 1;
  const td_tok *n = &doc->toks[c->tok1];
  return !tok_is(n, "of") && !(tok_cap(n) && tok_word(n));
}

/* Whether the article calls candidate c a business by a noun in
 * apposition with the whole name (td_firm_noun): before it, in
 * lowercase ("the French phone company Orange", "aluminium producer
 * Alcoa"; not "the company Cambridge Analytica", a longer name the town
 * heads), or after it and a comma ("Orange, the phone company,"); or
 * gives it what only a business has (td_firm_have: "Zara's
 * headquarters"). Not a country, a division or a curated region. */
static int called_firm(const td_gaz *g, const td_doc *doc, const cand *c) {
  const td_sent *se = &doc->sents[doc->toks[c->tok0].sent];
  uint32_t first = se->tok0, last = se->tok0 + se->ntok;
  for (size_t i = 0; i < c->nrecs; i++)
    if (is_area(&g->recs[c->recs[i]])) return 0;
  const td_tok *n = c->tok1 < last ? &doc->toks[c->tok1] : NULL;
  if (n && tok_cap(n) && tok_word(n)) return 0; /* a longer name */
  const td_tok *p = c->tok0 > first ? &doc->toks[c->tok0 - 1] : NULL;
  if (p && !tok_cap(p) && td_firm_noun(p->norm)) return 1;
  /* "Zara's headquarters", "Delta's shares": what a business has, for
   * a name of no city of 100,000 ("London's shares" are the market's) */
  if (n && tok_is(n, "'s") && c->tok1 + 1 < last && !tok_cap(&doc->toks[c->tok1 + 1]) &&
      td_firm_have(doc->toks[c->tok1 + 1].norm) && !area_or_city(g, c))
    return 1;
  /* "Orange, the (French phone) company," */
  if (!n || !tok_is(n, ",") || c->tok1 + 2 >= last) return 0;
  const td_tok *d = &doc->toks[c->tok1 + 1];
  if (!tok_is(d, "the") && !tok_is(d, "a") && !tok_is(d, "an")) return 0;
  for (uint32_t t = c->tok1 + 2; t < last && t < c->tok1 + 7; t++) {
    const td_tok *w = &doc->toks[t];
    if (!tok_word(w)) return t > c->tok1 + 2 && !tok_cap(&doc->toks[t - 1]) && td_firm_noun(doc->toks[t - 1].norm);
  }
  return 0;
}

/* Whether t is a lowercase noun for someone from a town, after its
 * name: "a Colchester man", "the Eversley woman", "a Wigan native". */
static int from_town_noun(const td_tok *t) {
  static const char *const ws[] = {"man", "woman", "men", "women", "boy", "girl", "native",
                                   "resident", "residents", NULL};
  return !tok_cap(t) && td_str_in(t->norm, ws);
}

static int plausible(const td_engine *eng, cands *cs, const cand *c, int actor_person) {
  const td_gaz *g = eng->places;
  const td_doc *doc = cs->doc;
  const td_tok *t0 = &doc->toks[c->tok0];
  const td_sent *s = &doc->sents[t0->sent];
  if (!name_cased(doc, c->tok0, c->tok1)) return 1;
  uint32_t first = s->tok0, last = s->tok0 + s->ntok;
  /* a place heading the name of a body named after it ("Beverly Hills
   * Police Department"): the place, whatever the name around it is */
  const td_tok *before = c->tok0 > first ? &doc->toks[c->tok0 - 1] : NULL;
  int body = !c->adj && c->tok1 < last &&
             (body_name_at(g, doc, c->tok1, last) || township_next(doc, c->tok1, last)) &&
             (!before || !tok_cap(before) || !tok_word(before) || before->upos == TD_DET ||
              function_opener(doc, c->tok0 - 1, first));
  if (actor_person && !locative(cs, c) && !body) return 2;
  if (hyphen_joined(cs, c)) return 2; /* "Spider-Man", "T-Mobile" */
  if (c->tok1 - c->tok0 == 1 && is_direction(g, t0) && !c->adj && !west_of_politics(g, doc, c, first, last))
    return 1; /* "the North" */
  /* a name of direction words only ("North East", "South West") beside
   * a capitalized word is a word of a longer name: a constituency
   * ("Leeds North West"), a campaign ("North East Says No") */
  if (c->tok1 - c->tok0 > 1 && !c->adj) {
    int dirs = 1;
    for (uint32_t t = c->tok0; t < c->tok1 && dirs; t++) dirs = is_direction(g, &doc->toks[t]);
    const td_tok *p = c->tok0 > first ? &doc->toks[c->tok0 - 1] : NULL;
    const td_tok *n = c->tok1 < last ? &doc->toks[c->tok1] : NULL;
    if (dirs && ((p && tok_cap(p) && tok_word(p) && !function_opener(doc, c->tok0 - 1, first)) ||
                 (n && tok_cap(n) && tok_word(n))))
      return 3;
  }
  char key[256];
  if (!c->adj && not_place(g, cand_key(doc, c->tok0, c->tok1, key, sizeof key))) return 1;
  /* acronyms only from exact-case entries ("US", "DPRK"; not "NATO"),
   * unless the word opens a paragraph as a dateline ("PARIS —") */
  if (c->tok1 - c->tok0 == 1 && (t0->flags & TD_TOK_ALLCAPS) && t0->end - t0->start <= 5 && !c->exact &&
      !dateline(doc, c))
    return 1;
  int pc = plural_country(g, doc, c, first, last);
  if (pc < 0) return 1;
  if (pc > 0) return 0;
  int area = 0, big = 0, county = 0;
  for (size_t i = 0; i < c->nrecs; i++) {
    const td_gaz_rec *r = &g->recs[c->recs[i]];
    /* a division weighs as an area when its towns hold 50,000 people:
     * not a parish of the Isle of Man (Michael, Patrick, Andreas) or of
     * Barbados, which the exceptions below would let through as a state */
    if (is_area(r) && !(is_feat(r, "ADM1") && r->pop < 50000 && !(r->flags & TD_GAZ_CURATED))) area = 1;
    if (is_feat(r, "ADM2")) county = 1;
    if ((r->pop >= 100000 && !is_feat(r, "ADM2")) || is_feat(r, "PPLC")) big = 1;
  }
  int initial = c->tok0 == first ||
                (c->tok0 > first && (doc->toks[c->tok0 - 1].flags & (TD_TOK_QUOTE_OPEN | TD_TOK_PUNCT)) &&
                 !tok_is(&doc->toks[c->tok0 - 1], ","));
  const td_tok *prev = c->tok0 > first ? &doc->toks[c->tok0 - 1] : NULL;
  const td_tok *next = c->tok1 < last ? &doc->toks[c->tok1] : NULL;
  if (c->adj) /* an adjective names a place when it modifies a noun */
    return adj_modifies(doc, c->tok1, last, !regional(g, c)) ? 0 : 1;
  /* inside a longer capitalized name: "Lloyd Austin", "Paris Hilton" */
  int prev_cap = prev && !initial && tok_cap(prev) && tok_word(prev) && !is_direction(g, prev) &&
                 !function_opener(doc, c->tok0 - 1, first) && !party_word(prev);
  int next_cap = next && tok_cap(next) && tok_word(next) && !(next->flags & TD_TOK_ALLCAPS);
  /* a lone given name ("Olivia", "Michael") is a person, not a small town */
  if (c->tok1 - c->tok0 == 1 && !area && !big && eng->dict) {
    static const char *const given[] = {"name.given", NULL};
    int hit = 0;
    td_match_range(eng->dict, doc, c->tok0, c->tok1, given, stop_cb, &hit);
    if (hit) return 2;
  }
  /* a capitalized particle of surnames before a capitalized word that
   * opens no place is a person's name ("Van Gogh", "Van Persie"; not
   * the city in Turkey) */
  if (c->tok1 - c->tok0 == 1 && next_cap && cap_particle(t0) && !cand_at(cs, c->tok1)) return 2;
  /* a town named by a word the article also writes in lowercase, at the
   * start of a sentence or before a capitalized word, is that word
   * ("Mobile phones are", "the Mobile Entertainment Forum" in an
   * article about mobile phones), unless a cue calls it a place or it
   * is an area, a capital or a city of a million */
  if (c->tok1 - c->tok0 == 1 && (initial || next_cap) && !area && !(cand_cues(cs, c) & P_LOCATIVE) &&
      eng->words && t0->norm && td_words_score(eng->words, t0->norm, strlen(t0->norm)) > 0) {
    int great = 0;
    for (size_t i = 0; i < c->nrecs; i++)
      great |= is_feat(&g->recs[c->recs[i]], "PPLC") || g->recs[c->recs[i]].pop >= 1000000;
    if (!great && lowercase_seen(cs, t0->norm)) return 1;
  }
  /* after a capitalized word and a lowercase particle of surnames
   * ("Luis de Soria", "Anna van Tiel") the name is a person's; a country
   * or division is the place of a name ("Tour de France") */
  if (!area && prev && c->tok0 >= first + 2 && particle(prev)) {
    const td_tok *pp = &doc->toks[c->tok0 - 2];
    if (tok_cap(pp) && tok_word(pp) && !function_opener(doc, c->tok0 - 2, first)) return 2;
  }
  /* a small town's name that speaks ("Gorham said", "said Gorham.")
   * is a person's surname: towns do not talk, and the countries, states
   * and cities that do in news ("Moscow said") are area or big; not
   * after a cue word, where it closes a clause ("Ana Ruiz, who grew up
   * in Laramie said") */
  if (c->tok1 - c->tok0 == 1 && !area && !big && speaker_at(doc, c, first, last) &&
      !(cand_cues(cs, c) & P_CUE))
    return 2;
  /* a common word is not a town in a body's name ("the Liberal
   * Democrats", "the Bar Council") */
  if (body && c->tok1 - c->tok0 == 1 && !area && !big && eng->words &&
      td_words_score(eng->words, t0->norm, strlen(t0->norm)) >= 10 * 5)
    return 1;
  if (!body) { /* a body's name: the town in it, not a longer name */
    /* "the University", "Centre for ...": an institution, not a town */
    /* ... but "the Gorham area", "the Laramie region" name the
     * town's surroundings, and "a Colchester man", "the Eversley
     * woman", "a Wigan native" someone from the town */
    if (c->tok1 - c->tok0 == 1 && !area && !big &&
        ((prev && (tok_is(prev, "the") || tok_is(prev, "a")) &&
          !(next && (tok_is(next, "area") || tok_is(next, "region") || from_town_noun(next)))) ||
         (next && (tok_is(next, "of") || tok_is(next, "for")))))
      return 1;
    /* nor a city of under a million as the head of a noun phrase after
     * "the": towns take no article ("at the Brits on Tuesday", "the
     * Saints have won"), but "the Liverpool squad" names the city */
    if (c->tok1 - c->tok0 == 1 && !area && prev && tok_is(prev, "the") &&
        (!next || next->upos == TD_AUX || (next->upos == TD_ADP && !tok_is(next, "of")) ||
         ((next->flags & TD_TOK_PUNCT) && (tok_is(next, ".") || tok_is(next, "\"") || tok_is(next, ")"))))) {
      int great = 0;
      for (size_t i = 0; i < c->nrecs; i++)
        great |= is_feat(&g->recs[c->recs[i]], "PPLC") || g->recs[c->recs[i]].pop >= 1000000;
      if (!great) return 1;
    }
    if (prev_cap && (!area || alias_country(g, doc, c))) return 2;
    if (prev_cap && next_cap) return 2;
    /* a common word before a capitalized one is a word of a longer
     * name, whatever town it names: "Man Utd", "Man City" (not a
     * capital or a city of a million: "London Marathon") */
    if (next_cap && !area && c->tok1 - c->tok0 == 1 && eng->words && t0->norm &&
        td_words_score(eng->words, t0->norm, strlen(t0->norm)) >= 10 * 20) {
      int great = 0;
      for (size_t i = 0; i < c->nrecs; i++)
        great |= is_feat(&g->recs[c->recs[i]], "PPLC") || g->recs[c->recs[i]].pop >= 1000000;
      if (!great) return 3;
    }
    /* a county heads the names of its offices as a state does
     * ("Boone County Sheriff", "Polk County Executive Ann Ruiz") */
    if (next_cap && !area && !big && !county) return 3;
  }
  /* a neighbourhood of under 50,000 people (PPLX) named alone, with no
   * cue, is a surname more often ("Usher", "Parkinson"; Canberra's
   * suburbs are named after people: "Reid", "Turner", "O'Connor") */
  if (c->tok1 - c->tok0 == 1 && !area && !big && !(cand_cues(cs, c) & P_LOCATIVE)) {
    int quarters = 1;
    for (size_t i = 0; i < c->nrecs && quarters; i++)
      quarters = is_feat(&g->recs[c->recs[i]], "PPLX") && g->recs[c->recs[i]].pop < 50000;
    if (quarters) return 1;
  }
  /* a single common word: needs a cue or a weighty reading */
  if (c->tok1 - c->tok0 == 1 && eng->words && !(t0->flags & TD_TOK_ALLCAPS)) {
    int sc = td_words_score(eng->words, t0->norm, strlen(t0->norm));
    /* a frequent word needs a cue (places.cue: "in", "to", "of", ...)
     * before a big reading, but a capital or a city of a million is
     * named by its name, as in the rules above: the word counts come
     * from a corpus of Houston's e-mail, where "Houston" is frequent */
    if (sc >= 10 * 40 && !area && !grand(g, c) && !(big && prev && (cand_cues(cs, c) & P_CUE)))
      return 1;
    if (initial && sc >= 10 * 5 && !area && !big) return 1;
    /* anywhere, a common word needs a cue (`in Hot`) when its readings
     * are all small towns: `the Hot 100`, `Century Media`, `Honda` were
     * places of a few thousand people */
    if (sc >= 10 * 5 && !area && !big && !(cand_cues(cs, c) & P_CUE)) return 1;
  }
  return 0;
}

/* ---- evidence ---- */

/* Evidence weights are counted in halves (an actor's country weighs a
 * half, a place's country or division one or two), so sums are exact in
 * any order and taking a name's own share back out of the article's total
 * leaves the same figure as never adding it. */
typedef struct {
  char code[12]; /* ISO3, or admin key */
  int halves;
} ev;

typedef struct {
  ev *e;
  size_t n, cap;
} evs;

static void ev_add(evs *v, const char *code, int halves) {
  if (!code || !*code) return;
  for (size_t i = 0; i < v->n; i++)
    if (v->e[i].code[0] == code[0] && strcmp(v->e[i].code, code) == 0) { /* perf: 1st byte first */
      v->e[i].halves += halves;
      return;
    }
  TD_GROW(v->e, v->cap, v->n + 1);
  size_t n = strlen(code); /* perf: the snprintf("%s") truncation, without a call */
  if (n > sizeof v->e[v->n].code - 1) n = sizeof v->e[v->n].code - 1;
  memcpy(v->e[v->n].code, code, n);
  v->e[v->n].code[n] = 0;
  v->e[v->n++].halves = halves;
}

static double ev_get(const evs *v, const char *code) {
  for (size_t i = 0; i < v->n; i++)
    if (v->e[i].code[0] == code[0] && strcmp(v->e[i].code, code) == 0) return 0.5 * v->e[i].halves;
  return 0;
}

/* dst = a copy of src (dst's storage reused). */
static void ev_copy(evs *dst, const evs *src) {
  TD_GROW(dst->e, dst->cap, src->n + 1);
  if (src->n) memcpy(dst->e, src->e, src->n * sizeof *src->e);
  dst->n = src->n;
}

static double prior(const td_gaz_rec *r) {
  /* a town of no recorded people (GeoNames' 0 is unknown; the source's
   * towns have 1,000 at least) weighs as one of 1,000: not less than a
   * village of 50 that has its count (Charlton, London) */
  double p = log10((double)(r->pop || !is_feat(r, "PPL") ? r->pop : 1000) + 1.0);
  if (is_country(r)) p = 15;
  /* a division weighs as a big city at most: a parish of a small island
   * (the gazetteer's population of a division is its towns' people) no
   * more than its people (Peel, Isle of Man, against Peel, Ontario) */
  else if (is_feat(r, "ADM1")) p = (r->flags & TD_GAZ_CURATED) ? 7.5 : fmin(7.5, p + 2.5);
  /* a capital over a namesake a sixth its size with a country's evidence
   * alone (+4): the Olympics' Athens, not Athens, Georgia, in a story of
   * American athletes */
  /* (not a dependency's capital of under 100,000 people, which weighs
   * as a division's seat: Plymouth, Montserrat, a ghost town since 1997,
   * is no rival to Plymouth, England; nor Hamilton, Bermuda, to Hamilton,
   * Ontario) */
  else if (is_feat(r, "PPLC")) p += r->pop < 100000 && (r->flags & TD_GAZ_DEPENDENT) ? 1 : 3.5;
  else if (is_feat(r, "PPLA") && r->feat[4] == 0) p += 1;
  if (r->flags & TD_GAZ_CURATED) /* seas, regions, venues; counties weigh less */
    p += r->pop ? 3 : is_feat(r, "ADM2") ? 5 : 10;
  return p;
}

/* Whether reading r is a town of under 50,000 people (or a quarter of
 * one), which takes its country's evidence only from inside the country:
 * its towns and divisions the article names, the source's domain; not
 * the country's own name nor its actors ("the U.S. State Department"
 * in a story from Ukraine is no evidence for Venice, Los Angeles, over
 * the Venice of the Venice Commission). */
static int small_town(const td_gaz_rec *r) {
  return is_feat(r, "PPL") && !is_feat(r, "PPLC") && r->pop < 50000 && !(r->flags & TD_GAZ_CURATED);
}

/* The country of a web domain's top-level label ("bbc.co.uk" -> GBR). */
static const char *domain_country(const char *url) {
  static const char *const tld[][2] = {
      {"uk", "GBR"}, {"au", "AUS"}, {"ca", "CAN"}, {"in", "IND"}, {"nz", "NZL"},
      {"ie", "IRL"}, {"za", "ZAF"}, {"kr", "KOR"}, {"jp", "JPN"}, {"sg", "SGP"},
      {"ph", "PHL"}, {"pk", "PAK"}, {"ng", "NGA"}, {"ke", "KEN"}, {"my", "MYS"},
      {"de", "DEU"}, {"fr", "FRA"}, {"ru", "RUS"}, {"ua", "UKR"}, {"il", "ISR"}};
  if (!url) return NULL;
  const char *h = strstr(url, "://");
  h = h ? h + 3 : url;
  size_t n = strcspn(h, "/:?#");
  if (n == 0) return NULL;
  size_t i = n;
  while (i > 0 && h[i - 1] != '.') i--;
  if (n - i == 3 && (strncmp(h + i, "com", 3) == 0 || strncmp(h + i, "org", 3) == 0 ||
                     strncmp(h + i, "gov", 3) == 0 || strncmp(h + i, "edu", 3) == 0 ||
                     strncmp(h + i, "net", 3) == 0))
    return "USA";
  for (size_t k = 0; k < sizeof tld / sizeof tld[0]; k++)
    if (n - i == 2 && strncmp(h + i, tld[k][0], 2) == 0) return tld[k][1];
  return NULL;
}

/* The admin key a trailing ", X" names for candidate c: a division or a
 * country candidate right after a comma, or a US postal code. */
static const char *trailing_admin(const td_engine *eng, const td_doc *doc, const cands *cs,
                                  size_t ci, char *buf, size_t cap) {
  const cand *c = &cs->c[ci];
  const td_sent *s = &doc->sents[doc->toks[c->tok0].sent];
  uint32_t last = s->tok0 + s->ntok;
  if (c->tok1 + 1 >= last || !tok_is(&doc->toks[c->tok1], ",")) return NULL;
  const td_tok *x = &doc->toks[c->tok1 + 1];
  if (ci + 1 < cs->n && cs->c[ci + 1].tok0 == c->tok1 + 1) {
    /* the division or country after the comma that holds one of the
     * city's readings ("Savannah, Georgia": the state, not the country) */
    const td_gaz *g = eng->places;
    const cand *d = &cs->c[ci + 1];
    for (size_t i = 0; i < d->nrecs; i++) {
      const td_gaz_rec *r = &g->recs[d->recs[i]];
      /* (a county too: "Rockingham, Northamptonshire", "Paris, Bourbon
       * County" name the county's state or country) */
      if (!is_feat(r, "ADM1") && !is_feat(r, "ADM2") && !is_country(r)) continue;
      const char *key = g->pool + r->admin;
      size_t kn = strlen(key);
      for (size_t j = 0; j < c->nrecs; j++) {
        const char *adm = g->pool + g->recs[c->recs[j]].admin;
        if (c->recs[j] != d->recs[i] && strncmp(adm, key, kn) == 0 && (adm[kn] == 0 || adm[kn] == '.')) {
          snprintf(buf, cap, "%s", key);
          return buf;
        }
      }
    }
  }
  if ((x->flags & TD_TOK_ALLCAPS) && x->end - x->start == 2) {
    snprintf(buf, cap, "US.%.2s", doc->text + x->start);
    return buf;
  }
  return NULL;
}

/* Whether candidate b follows candidate a in its sentence as the next
 * item of a list: only ",", "and", "or", "&" or "/" between them
 * ("Oregon or Washington", "Alabama, Georgia and Florida"). */
static int coordinated(const td_doc *doc, const cand *a, const cand *b) {
  if (b->tok0 <= a->tok1 || b->tok0 - a->tok1 > 2) return 0;
  if (doc->toks[a->tok0].sent != doc->toks[b->tok0].sent) return 0;
  for (uint32_t t = a->tok1; t < b->tok0; t++) {
    const td_tok *w = &doc->toks[t];
    if (!tok_is(w, ",") && !tok_is(w, "and") && !tok_is(w, "or") && !tok_is(w, "&") && !tok_is(w, "/"))
      return 0;
  }
  return 1;
}

/* Score of reading r for a name group, given the evidence; prior_r is
 * prior(r). *lift is what the division evidence adds over the country's
 * alone (see town_lifted). */
static double score(const td_gaz *g, const td_gaz_rec *r, double prior_r, const evs *countries,
                    const evs *admins, const char *hint, const char *namesake, double *lift) {
  double s = prior_r;
  double ce = 0, ae = 0;
  if (r->cc3[0]) ce = fmin(4.0, 2.0 * ev_get(countries, r->cc3));
  const char *adm = g->pool + r->admin;
  /* a city in a division the article names; a division its cities are in;
   * a city inside the division of its own name ("New York") as much as
   * that division: the places named in it tell the two apart no better */
  if (is_feat(r, "ADM1") || (namesake && !is_country(r) && strcmp(adm, namesake) == 0))
    ae = fmin(8.0, 4.0 * ev_get(admins, adm));
  else if (!is_country(r)) ae = fmin(4.0, 2.0 * ev_get(admins, adm));
  /* the two overlap (a town in the named division is in its country
   * too): the stronger counts whole, the other half, so a town of 2,000
   * in a state the article names does not outweigh a world capital
   * (country and division evidence together were +8 against London's
   * lead of 6 over London, California) */
  s += fmax(ce, ae) + 0.5 * fmin(ce, ae);
  *lift = fmax(ce, ae) + 0.5 * fmin(ce, ae) - ce;
  if (hint) {
    size_t hn = strlen(hint);
    if (strncmp(adm, hint, hn) == 0 && (adm[hn] == 0 || adm[hn] == '.') && !is_country(r) &&
        !is_feat(r, "ADM1"))
      s += 20;
  }
  return s;
}

/* The country actor ac gives as evidence, or NULL: a person's, a
 * government's, a body's; not a company's, whose home says where it
 * comes from, not where the story happens (Intel and Apple in a story
 * from Cambridge, England; the operator Orange beside Vodafone) */
static const char *actor_country(const td_actor *ac) {
  if (!ac->country || strlen(ac->country) != 3) return NULL;
  if (ac->sector && strcmp(ac->sector, "BUS") == 0) return NULL;
  return ac->country;
}

/* The actors that are the names themselves: self[a * ng + k] is 1 when a
 * mention of actor a overlaps a kept mention of group k (malloc'd; the
 * caller frees it). */
static uint8_t *self_actors(const td_doc *doc, const cands *cs, size_t ng) {
  uint8_t *self = td_xcalloc(doc->nactors * ng + 1, 1);
  for (size_t i = 0; i < cs->n; i++) {
    const cand *c = &cs->c[i];
    if (c->drop) continue;
    uint32_t s = doc->toks[c->tok0].start, e = doc->toks[c->tok1 - 1].end;
    for (size_t a = 0; a < doc->nactors; a++) {
      const td_actor *ac = &doc->actors[a];
      for (size_t m = 0; m < ac->nmentions; m++)
        if (ac->mentions[m].start < e && ac->mentions[m].end > s)
          self[a * ng + (size_t)c->group] = 1;
    }
  }
  return self;
}

/* Whether reading r is a local place: a town or a county, whose
 * neighbours in the article tell where the story is (local_near). */
static int local_place(const td_gaz_rec *r) {
  return is_feat(r, "PPL") || is_feat(r, "ADM2");
}

/* Whether town or county reading r lies within 50 km of one of the n
 * local points pts (lat, lon pairs of the readings of the names of
 * one reading, the sure ones; not those
 * owner gives name k, whose reading r is, nor r's own point under
 * another name: "Washington" and "Washington, D.C."): a
 * town is named with its neighbours ("LaFayette" in a story of Walker
 * County, Georgia, and Chattanooga is the Georgia town, not the
 * Louisiana city seventeen times its size). */
static int local_near(const td_gaz_rec *r, const float *pts, const size_t *owner, size_t n, size_t k) {
  if (!local_place(r)) return 0;
  double cl = cos(r->lat * (M_PI / 180.0));
  for (size_t i = 0; i < n; i++) {
    if (owner[i] == k || (pts[2 * i] == r->lat && pts[2 * i + 1] == r->lon)) continue; /* itself */
    double dy = (pts[2 * i] - r->lat) * 111.2, dx = (pts[2 * i + 1] - r->lon) * 111.2 * cl;
    if (dx * dx + dy * dy < 50.0 * 50.0) return 1;
  }
  return 0;
}

/* Whether town reading i of a name (scores sc, division lifts lift,
 * priors pri over its n readings rec) leads only by the division evidence
 * over a town of the name in the same country ten times its size or more
 * (a prior 1 higher) and of 100,000 people, a city the whole country
 * knows: Louisville, Ohio, 9,000 people, in a story that names Ohio
 * elsewhere is not the Louisville of 243,000 in Kentucky; but Shelby,
 * Montana, in a story of Montana is no suburb of Detroit of 74,000. A
 * state named after a comma ("Louisville, Ohio") still decides; the
 * caller asks only without one. Across countries the division tells the
 * country too, and keeps its weight. */
static int town_lifted(const td_gaz *g, const uint32_t *rec, const double *pri, const double *sc,
                       const double *lift, size_t n, size_t i) {
  const td_gaz_rec *r = &g->recs[rec[i]];
  if (lift[i] <= 0 || !is_feat(r, "PPL") || (r->flags & TD_GAZ_CURATED)) return 0;
  for (size_t j = 0; j < n; j++) {
    const td_gaz_rec *o = &g->recs[rec[j]];
    if (j != i && is_feat(o, "PPL") && !(o->flags & TD_GAZ_CURATED) && o->pop >= 100000 &&
        strcmp(o->cc3, r->cc3) == 0 &&
        pri[j] >= pri[i] + 1 && sc[i] - lift[i] < sc[j])
      return 1;
  }
  return 0;
}

typedef struct {
  const char *key;   /* folded surface of the name */
  uint32_t *recs;    /* readings (shared by its candidates) */
  size_t nrecs;
  const double *pri; /* prior() of each reading */
  int best;          /* chosen record, -1 none */
  int nment;
  char hint[16];     /* an admin key from a `City, State` mention */
  int directed;      /* a mention has a direction word: "eastern Washington" */
  char held[16];     /* the admin key a `City, State` mention gives it */
  int dateline;      /* named in the dateline: where the story happens */
  unsigned named_as; /* NAMED_TOWN, NAMED_DIVISION: what a mention calls it */
  int townships;     /* mentions that name a township ("Franklin Township") */
  int outside_org;   /* mentions not inside an organization's name (cand.in_org) */
  int org_town;      /* a town named only inside organizations' names (org_town) */
  int schools;       /* mentions in the name of a body that sits in its town (org_school) */
  int variant;       /* a mention is one word read as another spelling (cand.variant) */
} group;

/* Whether reading r of group gr is a division named by another name of
 * its seat's, which is a reading too ("Geneva": the Canton of Geneva and
 * Genève, its seat, by its English name): the name is the city's, as
 * the gazetteer's generator leaves it for the names it sees. */
static int seat_named(const td_gaz *g, const group *gr, const td_gaz_rec *r) {
  if (!is_feat(r, "ADM1") || strcasecmp(g->pool + r->name, gr->key) == 0) return 0;
  for (size_t i = 0; i < gr->nrecs; i++) {
    const td_gaz_rec *q = &g->recs[gr->recs[i]];
    if (q != r && is_feat(q, "PPLA") && q->feat[4] == 0 && strcmp(g->pool + q->admin, g->pool + r->admin) == 0)
      return 1;
  }
  return 0;
}

enum { NAMED_TOWN = 1, NAMED_DIVISION = 2, NAMED_TOWNSHIP = 4 };

/* Whether the words from token t on call what comes before them a
 * town: "is a city", "was an unincorporated community", ", a small
 * town", "is the county seat" (an article, at most three lowercase words,
 * a word for a town), before sentence end `last`. */
static int defined_as_town(const td_doc *doc, uint32_t t, uint32_t last) {
  static const char *const towns[] = {"city", "town", "village", "borough", "township", "hamlet",
                                      "community", "suburb", "municipality", "settlement", "seat",
                                      "neighborhood", "neighbourhood", "commune", NULL};
  if (t + 2 >= last) return 0;
  if (!tok_is(&doc->toks[t], "is") && !tok_is(&doc->toks[t], "was") && !tok_is(&doc->toks[t], ","))
    return 0;
  const td_tok *a = &doc->toks[t + 1];
  if (!tok_is(a, "a") && !tok_is(a, "an") && !tok_is(a, "the")) return 0;
  for (uint32_t u = t + 2; u < last && u < t + 6; u++) {
    const td_tok *w = &doc->toks[u];
    if (td_str_in(w->norm, towns)) return 1;
    if (!tok_word(w) && !tok_is(w, "-")) return 0;
    if (tok_cap(w)) return 0;
  }
  return 0;
}

/* What the words around candidate c call it: NAMED_TOWN after a
 * lowercase "city of", "town of", "village of", when it ends in "City"
 * ("Batangas City") or a definition follows ("Lebanon is a city in
 * Warren County": not the country), NAMED_DIVISION after "state of" or
 * "province of"; 0 otherwise. */
static unsigned named_as(const td_doc *doc, const cand *c) {
  const td_sent *se = &doc->sents[doc->toks[c->tok0].sent];
  if (c->tok1 - c->tok0 >= 2 && tok_is(&doc->toks[c->tok1 - 1], "city")) return NAMED_TOWN;
  if (defined_as_town(doc, c->tok1, se->tok0 + se->ntok)) return NAMED_TOWN;
  if (township_next(doc, c->tok1, se->tok0 + se->ntok)) return NAMED_TOWNSHIP;
  if (c->tok0 < se->tok0 + 2 || !tok_is(&doc->toks[c->tok0 - 1], "of")) return 0;
  const td_tok *k = &doc->toks[c->tok0 - 2];
  if (k->flags & (TD_TOK_CAP | TD_TOK_ALLCAPS)) return 0; /* "the City of London" is a name */
  if (tok_is(k, "city") || tok_is(k, "town") || tok_is(k, "village")) return NAMED_TOWN;
  if (tok_is(k, "state") || tok_is(k, "province")) return NAMED_DIVISION;
  return 0;
}

/* td_rules_match_layer callback: marks the token after each places.*
 * match with the bit of its kind, the word after "places." up to a '_' or
 * '.' (places.locative, places.locative_x: P_LOCATIVE; places.cue: P_CUE;
 * other kinds are ignored). */
static int on_cue_rule(void *ctx, const td_rule_match *m) {
  cands *cs = ctx;
  const char *k = m->rule + 7; /* after "places." */
  size_t kn = strcspn(k, "_.");
  int bit = kn == 8 && strncmp(k, "locative", 8) == 0 ? P_LOCATIVE
          : kn == 3 && strncmp(k, "cue", 3) == 0      ? P_CUE
          : kn == 4 && strncmp(k, "held", 4) == 0     ? P_HELD
                                                       : 0;
  if (m->tok1 < cs->doc->ntoks) cs->pre[m->tok1] |= (uint8_t)bit;
  return 0;
}

/* The P_* cue bits of token t (a candidate's first token), the places.*
 * rules run on first use over its sentence, and over the sentence before
 * when t opens its sentence (a match ending at a sentence's end marks the
 * next sentence's first token). Only the few candidates plausible() asks
 * about pay for the rules, and of those only the ones after a word a cue
 * rule can begin with (perf: td_rules_layer_may_end rules out 96% of the
 * sentence runs; no places rules at all: none may end anywhere). */
static unsigned cue_bits(cands *cs, uint32_t t) {
  td_doc *doc = cs->doc;
  if (!td_rules_layer_may_end(cs->eng->rules, "places", doc, t)) return 0;
  if (!cs->pre) {
    cs->pre = td_arena_alloc(&doc->arena, doc->ntoks + 1); /* zeroed */
    cs->ran = td_arena_alloc(&doc->arena, doc->nsents + 1);
  }
  size_t s = doc->toks[t].sent;
  for (size_t k = s > 0 && t == doc->sents[s].tok0 ? s - 1 : s; k <= s; k++)
    if (!cs->ran[k]) {
      cs->ran[k] = 1;
      td_rules_match_layer(cs->eng->rules, "places", cs->eng, doc, k, on_cue_rule, cs);
    }
  /* places.held takes the cues away ("a stake in Sina") */
  return cs->pre[t] & P_HELD ? 0u : cs->pre[t];
}

/* Whether td_places looks for a match at token i of sentence se: 0 no; 2
 * yes, a capitalized token, or one after a comma that may hold the
 * trailing admin of the name before it ("Savannah, Georgia": the last
 * candidate so far ends at the comma, capitalized at both ends); 1 yes but
 * it can wait: any other lowercase token after a comma. What matches there
 * is a candidate that never counts (its first token is lowercase) nor
 * serves trailing_admin(); it matters only to the walk, whose next start
 * it may hide, so td_places matches there only when a start of kind 2
 * follows in the sentence (perf: news has many ", and", ", which",
 * ", who" after a sentence's last name). */
static inline int match_site(const td_doc *doc, const td_sent *se, const cands *cs, uint32_t i) {
  if (tok_cap(&doc->toks[i])) return 2;
  if (!(i > se->tok0 && tok_is(&doc->toks[i - 1], ","))) return 0;
  const cand *c = cs->n ? &cs->c[cs->n - 1] : NULL;
  return c && c->tok1 + 1 == i && tok_cap(&doc->toks[c->tok0]) && tok_cap(&doc->toks[i - 2]) ? 2 : 1;
}

/* Whether token t, beside candidate j, is inside a neighbouring candidate
 * kept as a place ("Hilo" in "the Hilo Tribune", where "Tribune" is a
 * town read as part of the longer name). */
static int kept_beside(const cands *cs, size_t j, uint32_t t) {
  for (size_t k = j > 0 ? j - 1 : 0; k <= j + 1 && k < cs->n; k++)
    if (k != j && !cs->c[k].drop && cs->c[k].tok0 <= t && t < cs->c[k].tok1) return 1;
  return 0;
}

/* ---- other spellings ---- */

typedef struct {
  uint32_t idx[16]; /* the records a key names */
  size_t n;
} var_hits;

/* The records of "places.var" under slot hash h (TD_VAR_FIRST for a first
 * word's) into v. */
static void var_find(const td_gaz *g, uint64_t h, var_hits *v) {
  v->n = 0;
  for (uint32_t j = (uint32_t)h & (g->nvar - 1); g->var[j].h; j = (j + 1) & (g->nvar - 1))
    if (g->var[j].h == h && v->n < sizeof v->idx / sizeof v->idx[0]) v->idx[v->n++] = g->var[j].idx;
}

/* Whether token k is the Arabic article ("al", "El"). */
static int var_article(const td_tok *k) {
  if (!k->norm || (k->norm[0] != 'a' && k->norm[0] != 'e' && k->norm[0] != 'u')) return 0; /* perf */
  for (const char *const *a = tl_articles; *a; a++)
    if (tok_is(k, *a)) return 1;
  return 0;
}

/* Whether a reading of record r outweighs another spelling's of vmax
 * people: all but a town a tenth of its size (`Derna`, a Romanian
 * commune, is no rival to Libya's Darnah). */
static int var_weighty(const td_gaz_rec *r, uint32_t vmax) {
  return !is_feat(r, "PPL") || (r->flags & TD_GAZ_CURATED) || (uint64_t)r->pop * 10 > vmax;
}

/* The name at capitalized token i as another spelling of a town of an
 * Arabic-speaking country (td_place_translit, "places.var": `Khan
 * Younis`, `Deir al-Balah`, `Beit Lahia`, `Jenin`): capitalized words with
 * hyphens and the article between them, the longest one with a key. It
 * takes the place of the gazetteer's match at i (tokens [i, e), its
 * candidates and readings those after n0 and nrp0) when longer; when as
 * long, and that match reads only towns of a tenth of the other
 * spelling's people, it joins their readings, or takes their place when
 * they are villages of under 2,000 people (the Polish `Jenin`). Returns
 * the end of the name taken, else 0; a known word alone is none. */
static uint32_t add_variant(cands *cs, uint32_t i, uint32_t end, uint32_t e, size_t n0, size_t nrp0) {
  const td_gaz *g = cs->g;
  const td_doc *doc = cs->doc;
  var_hits best = {{0}, 0}, h;
  uint32_t bend = 0, w = i;
  /* perf: the first word after the article ("Al Qamishli") opens a key,
   * or the walk is not worth it (most capitalized words) */
  if (var_article(&doc->toks[w])) {
    w++;
    if (w < end && tok_is(&doc->toks[w], "-")) w++;
  }
  if (w >= end || !tok_cap(&doc->toks[w]) || !tok_word(&doc->toks[w])) return 0;
  uint8_t up = doc->toks[w].upos; /* a name's word, not "The", "But", "He" opening a sentence */
  if (!(up == TD_UPOS_NONE || up == TD_PROPN || up == TD_NOUN || up == TD_ADJ || up == TD_X)) return 0;
  /* the key of the first word alone, from its lowercase form (perf; a
   * word too short for a key alone opens one: "Tal Afar") */
  const char *nw = doc->toks[w].norm;
  size_t nn = nw ? strlen(nw) : 0;
  uint64_t sh = td_place_var_skel(nw, nn);
  if (!nn || !(g->varbits[(sh % TD_VAR_BITS) / 8] & (1u << (sh % 8)))) return 0;
  char key[128], low[48];
  size_t kn = 0, ln = 0;
  for (const char *p = nw; *p; p++) {
    if (*p == '\'') continue;
    if (*p < 'a' || *p > 'z' || ln + 1 >= sizeof low) return 0;
    low[ln++] = *p;
  }
  if (!ln || !tl_word(low, ln, key, sizeof key, &kn)) return 0;
  var_find(g, td_place_var_hash(key, kn, 1), &h);
  if (!h.n) return 0;
  for (uint32_t j = w; j < end && j < i + 8; j++) {
    const td_tok *k = &doc->toks[j];
    if (j > w && (tok_is(k, "-") || var_article(k))) continue;
    if (!tok_cap(k) || !tok_word(k)) break;
    uint32_t a0 = doc->toks[i].start;
    if (!(kn = td_place_translit(doc->text + a0, k->end - a0, key, sizeof key))) continue;
    var_find(g, td_place_var_hash(key, kn, 0), &h);
    if (h.n) best = h, bend = j + 1;
  }
  if (cs->n > n0 && cs->c[cs->n - 1].tok0 == i) e = cs->c[cs->n - 1].tok1; /* "Jenin's" */
  if (!bend || bend < e || !name_cased(doc, i, bend)) return 0;
  /* a word of the word lists is that word or name, spelled as it is
   * (`Dane`, a Syrian town's key; `Salah`), not another town's spelling */
  const td_tok *t0 = &doc->toks[i];
  if (bend == i + 1 && cs->eng->words && t0->norm && td_words_score(cs->eng->words, t0->norm, strlen(t0->norm)) > 0)
    return 0;
  uint32_t vmax = 0;
  for (size_t r = 0; r < best.n; r++)
    if (best.idx[r] < g->n && g->recs[best.idx[r]].pop > vmax) vmax = g->recs[best.idx[r]].pop;
  if (cs->n > n0) { /* the gazetteer's own match at i */
    const cand *c = &cs->c[cs->n - 1];
    int keep = 0; /* its readings stay beside the other spelling's */
    if (bend == e && c->tok0 == i && c->tok1 == e)
      for (size_t r = 0; r < c->nrecs; r++) {
        const td_gaz_rec *rr = &g->recs[cs->rp[c->rec0 + r]];
        if (var_weighty(rr, vmax)) return 0;
        keep |= rr->pop >= 2000; /* a village of under 2,000 gives way */
      }
    if (!keep) cs->n = n0, cs->nrp = nrp0;
  }
  for (size_t r = 0; r < best.n; r++) {
    char pay[16];
    snprintf(pay, sizeof pay, "%u", best.idx[r]);
    td_match m = {i, bend, NULL, "place", pay, 0};
    add_reading(cs, &m);
  }
  if (cs->n && cs->c[cs->n - 1].tok0 == i && bend - w == 1) cs->c[cs->n - 1].variant = 1;
  return bend;
}

/* ---- streets and buildings ---- */

/* A street or building named by capitalized words and a closing kind
 * word ("Royal Street", "Alder Hey Children's Hospital", "City Hall"); no
 * gazetteer holds them, so each takes the point of the place its name
 * holds ("Heathrow Airport"), else of the town named nearest in its
 * sentence, else of the article's town (focus_town). */
typedef struct {
  uint32_t tok0, tok1;   /* the name's tokens, kind word included */
  const char *feat;      /* GeoNames feature code of the kind */
  int rec;               /* gazetteer record of a place inside the name, -1 none */
  int town;              /* the town named nearest in its sentence, -1 none */
} facility;

/* The GeoNames feature code of a kind word that closes a street's or a
 * building's name (facility_kinds), or NULL. Not words more often closing
 * the name of an institution (court, church, market) or of a long natural
 * feature whose point a town would not give (river, lake). */
static const char *facility_kind(const td_gaz *g, const td_tok *t) {
  if (!tok_cap(t) || !t->norm || !t->norm[0]) return NULL;
  long k = td_strset_find(g->kinds, t->norm, t->end - t->start); /* kind words are ASCII: no strlen */
  return k >= 0 ? facility_kinds[k][1] : NULL;
}

/* Whether a kind's name holds a namesake more often than the place it is
 * in: streets, squares and parks (the feature codes of facility_kinds). */
static int namesake_kind(const char *feat) {
  return strcmp(feat, "ST") == 0 || strcmp(feat, "SQR") == 0 || strcmp(feat, "PRK") == 0;
}

/* The name a kind word at token f closes: the capitalized words before
 * it (a possessive or a leading number among them: "2700 North Fourth
 * Street"), at most four, less a leading function word ("The"), and a
 * direction word after it ("Eglinton Avenue West"). 0 when there is none,
 * or the name goes on after it ("Wall Street Journal", "Park Geun-hye"),
 * or it is an institution's ("Centre for Policy Studies", "Real Estate"). */
static int facility_span(const td_gaz *g, const td_doc *doc, uint32_t f, uint32_t first,
                         uint32_t last, uint32_t *t0, uint32_t *t1) {
  uint32_t a = f, e = f + 1;
  if (e < last && is_direction(g, &doc->toks[e]) && tok_cap(&doc->toks[e])) e++;
  if (e < last) {
    const td_tok *n = &doc->toks[e];
    if ((tok_cap(n) && tok_word(n)) || tok_is(n, "of") || tok_is(n, "for")) return 0;
  }
  for (int k = 0; a > first && k < 4; k++) {
    const td_tok *w = &doc->toks[a - 1];
    /* a date: "the 11 September World Trade Centre attack" (not May, a
     * name as often) */
    if (td_str_in(w->norm, td_month_names) && strcmp(w->norm, "may") != 0) break;
    if (tok_is(w, "'s") || (tok_cap(w) && tok_word(w))) a--;
    else if ((w->flags & TD_TOK_DIGIT) && !(w->flags & TD_TOK_PUNCT)) a--; /* "14th", "2700" */
    else break;
    if (w->flags & TD_TOK_DIGIT) break;
  }
  while (a < f && (function_opener(doc, a, a) || doc->toks[a].upos == TD_DET || tok_is(&doc->toks[a], "'s")))
    a++;
  if (a == f || tok_is(&doc->toks[a], "real")) return 0;
  /* a denomination, not a building: "the Catholic Church", "the Church of England" */
  if (a + 1 == f && tok_is(&doc->toks[f], "church")) {
    static const char *const faiths[] = {"catholic", "orthodox", "anglican", "methodist", "baptist",
                                         "lutheran", "episcopal", "presbyterian", "protestant",
                                         "evangelical", "coptic", "world", "unification", NULL};
    for (const char *const *w = faiths; *w; w++)
      if (tok_is(&doc->toks[a], *w)) return 0;
  }
  if (a + 1 == f) { /* a title and a surname: "President Park", "Mr Hall" */
    static const char *const titles[] = {"president", "minister", "premier", "chancellor", "mr",
                                         "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.",
                                         "senator", "rep.", "gov.", "governor", "mayor", "judge",
                                         "general", "gen.", "king", "queen", "prince", "princess", NULL};
    for (const char *const *w = titles; *w; w++)
      if (tok_is(&doc->toks[a], *w)) return 0;
  }
  *t0 = a, *t1 = e;
  return 1;
}

/* The article's town: the populated place (else county) read the most
 * often, a dateline's first; -1 when it names none. */
static int focus_town(const td_gaz *g, const group *gs, size_t ng) {
  int best = -1;
  long bw = 0;
  for (int pass = 0; pass < 2 && best < 0; pass++)
    for (size_t k = 0; k < ng; k++) {
      if (gs[k].best < 0) continue;
      const td_gaz_rec *r = &g->recs[gs[k].best];
      if (!(pass == 0 ? is_feat(r, "PPL") : is_feat(r, "ADM2"))) continue;
      long w = gs[k].nment + (gs[k].dateline ? 1000 : 0);
      if (w > bw) bw = w, best = gs[k].best;
    }
  return best;
}

/* The streets and buildings closed by the kind words the walk passed
 * (cs->kinds) into fs (malloc'd array grown in place); the kept
 * candidates inside one leave the places (drop 4), the first one's
 * reading becoming its point, else the town named nearest in its
 * sentence. */
/* The first candidate that begins at token t or after (candidates are in
 * text order): the walks of find_facilities read one sentence's, not the
 * document's (a document of many streets made them quadratic). */
static size_t cand_from(const cands *cs, uint32_t t) {
  size_t lo = 0, hi = cs->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cs->c[mid].tok0 < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static void find_facilities(const td_engine *eng, td_doc *doc, cands *cs, const group *gs,
                            facility **fs, size_t *nf, size_t *capf) {
  const td_gaz *g = eng->places;
  uint32_t done = 0; /* the tokens a facility took */
  for (size_t q = 0; q < cs->nkinds; q++) {
    uint32_t f = cs->kinds[q];
    const td_sent *se = &doc->sents[doc->toks[f].sent];
    uint32_t first = se->tok0, last = first + se->ntok;
    const char *feat = facility_kind(g, &doc->toks[f]);
    uint32_t t0, t1;
    if (f < done || f == first || !feat || !facility_span(g, doc, f, first, last, &t0, &t1)) continue;
    /* "the High Street", "every High Street": British news's name for
     * the shops of any town, a trade and no street; a town's own stays
     * ("Kensington High Street", "Oxford's High Street", "12 High
     * Street") */
    if (t1 - t0 == 2 && tok_is(&doc->toks[t0], "high") && tok_is(&doc->toks[f], "street") && t0 > first &&
        doc->toks[t0 - 1].upos == TD_DET)
      continue;
    size_t c0 = cand_from(cs, first), c1 = cand_from(cs, last); /* the sentence's */
    /* a country's or a city's possessive before the name is its own
     * place: "London's Leicester Square" */
    for (size_t i = c0; i < c1; i++) {
      const cand *c = &cs->c[i];
      if (c->drop || c->adj || c->tok0 != t0 || c->tok1 + 1 >= f || !tok_is(&doc->toks[c->tok1], "'s") ||
          gs[c->group].best < 0)
        continue;
      const td_gaz_rec *r = &g->recs[gs[c->group].best];
      if (is_country(r) || r->pop >= 100000) t0 = c->tok1 + 1;
    }
    /* the kind word in a person's mention ("President Park"); a person
     * the building is named after is no matter ("St Peter's Basilica") */
    int a = td_actor_at(doc, doc->toks[f].start, doc->toks[f].end);
    if (a >= 0 && doc->actors[a].kind && strcmp(doc->actors[a].kind, "person") == 0) continue;
    TD_GROW(*fs, *capf, *nf + 1);
    facility *fa = &(*fs)[(*nf)++];
    fa->tok0 = t0, fa->tok1 = t1, fa->feat = feat, fa->rec = -1, fa->town = -1;
    for (size_t i = c0; i < c1; i++) {
      cand *c = &cs->c[i];
      if (c->drop || c->adj || c->tok0 < t0 || c->tok1 > t1) continue;
      /* not a possessive's ("St. Peter's Basilica" is not in Saint
       * Peter), nor a street's, square's or park's namesake ("Leicester
       * Square" is in London, "Oxford Street" too) */
      if (fa->rec < 0 && gs[c->group].best >= 0 && !(c->tok1 < t1 && tok_is(&doc->toks[c->tok1], "'s")) &&
          !namesake_kind(feat))
        fa->rec = gs[c->group].best;
      c->drop = 4;
    }
    /* else the town named nearest in its sentence ("Touro Hospital in
     * New Orleans") */
    uint32_t bd = UINT32_MAX;
    for (size_t i = c0; i < c1 && fa->rec < 0; i++) {
      const cand *c = &cs->c[i];
      if (c->drop || c->adj || c->tok1 > last || gs[c->group].best < 0) continue;
      const td_gaz_rec *r = &g->recs[gs[c->group].best];
      if (!is_feat(r, "PPL") && !is_feat(r, "ADM2")) continue;
      uint32_t d = c->tok0 >= t1 ? c->tok0 - t1 : t0 - c->tok1;
      if (d < bd) bd = d, fa->town = gs[c->group].best;
    }
    done = t1;
  }
}

/* Adds the streets and buildings to doc->places, one place per name,
 * each at the point of its inner place or of the article's town (none
 * when the article names no town), then puts the places back in order of
 * first mention. */
static void add_facilities(const td_gaz *g, td_doc *doc, const facility *fs, size_t nf, int town) {
  size_t n0 = doc->nplaces;
  for (size_t i = 0; i < nf; i++) {
    const facility *fa = &fs[i];
    int rec = fa->rec >= 0 ? fa->rec : fa->town >= 0 ? fa->town : town;
    if (rec < 0) continue;
    const td_gaz_rec *r = &g->recs[rec];
    uint32_t b0 = doc->toks[fa->tok0].start, b1 = doc->toks[fa->tok1 - 1].end;
    size_t p = n0;
    for (; p < doc->nplaces; p++)
      if (strlen(doc->places[p].name) == b1 - b0 && memcmp(doc->places[p].name, doc->text + b0, b1 - b0) == 0)
        break;
    if (p == doc->nplaces) {
      TD_AGROW(&doc->arena, doc->places, doc->cap_places, doc->nplaces + 1);
      td_place *pl = &doc->places[doc->nplaces++];
      memset(pl, 0, sizeof *pl);
      char *name = td_arena_alloc(&doc->arena, b1 - b0 + 1);
      memcpy(name, doc->text + b0, b1 - b0);
      pl->name = name;
      pl->country = td_arena_strdup(&doc->arena, r->cc3);
      pl->feature = fa->feat;
      pl->lat = r->lat, pl->lon = r->lon, pl->has_coord = 1;
    }
    td_place *pl = &doc->places[p];
    TD_AGROW(&doc->arena, pl->mentions, pl->cap_mentions, pl->nmentions + 1);
    pl->mentions[pl->nmentions++] = (td_span){b0, b1};
  }
  /* in order of first mention (insertion: the two runs are each sorted) */
  for (size_t i = 1; i < doc->nplaces; i++) {
    td_place x = doc->places[i];
    size_t j = i;
    for (; j > 0 && doc->places[j - 1].mentions[0].start > x.mentions[0].start; j--)
      doc->places[j] = doc->places[j - 1];
    doc->places[j] = x;
  }
}

/* Whether a kept name stands where only a place does: right after "in",
 * "near", "outside", "across" or "throughout" ("at" and "from" come
 * before companies and teams as often: "at Nokia", "from Chelsea"). */
static int placed_in(const td_doc *doc, const cand *d) {
  static const char *const preps[] = {"in", "near", "outside", "across", "throughout", NULL};
  if (d->tok0 == 0 || doc->toks[d->tok0 - 1].sent != doc->toks[d->tok0].sent) return 0;
  for (const char *const *w = preps; *w; w++)
    if (tok_is(&doc->toks[d->tok0 - 1], *w)) return 1;
  return 0;
}

/* Whether token t is the first of a list item of name_lists: one to
 * three capitalized words (joined by a hyphen or an apostrophe with no
 * space: "Wright-Phillips", "O'Leary"), then perhaps a bracketed
 * substitution ("(Quinn 97)"). The token after it, or t when none. */
static uint32_t list_item(const td_doc *doc, uint32_t t, uint32_t last) {
  uint32_t u = t, words = 0;
  while (u < last && words < 3 && tok_cap(&doc->toks[u]) && tok_word(&doc->toks[u])) {
    u++, words++;
    while (u + 1 < last && !(doc->toks[u].flags & TD_TOK_SPACE_BEFORE) &&
           (tok_is(&doc->toks[u], "-") || tok_is(&doc->toks[u], "'")) &&
           !(doc->toks[u + 1].flags & TD_TOK_SPACE_BEFORE) && tok_word(&doc->toks[u + 1]))
      u += 2;
  }
  if (u == t) return t;
  if (u < last && tok_is(&doc->toks[u], "(")) {
    uint32_t v = u + 1;
    while (v < last && v < u + 8 && !tok_is(&doc->toks[v], ")")) v++;
    if (v < last && tok_is(&doc->toks[v], ")")) u = v + 1;
  }
  return u;
}

/* Whether a reading of candidate c stays a place in a list of names:
 * a country, a nation's capital (not Douglas, Isle of Man), a curated
 * place or a city of a million. */
static int list_proof(const td_gaz *g, const cand *c) {
  for (size_t k = 0; k < c->nrecs; k++) {
    const td_gaz_rec *r = &g->recs[c->recs[k]];
    if (is_country(r) || (is_feat(r, "PPLC") && !(r->flags & TD_GAZ_DEPENDENT)) ||
        (r->flags & TD_GAZ_CURATED) || r->pop >= 1000000)
      return 1;
  }
  return 0;
}

/* A team sheet: a run of five names and more, one to three capitalized
 * words each, split by commas or semicolons ("Kenny, Geary, Morgan,
 * Bromby, Harley, Liddell, Montgomery, ..."), fewer than half of them
 * holding a place, is a list of people: its towns are surnames (Morgan, Texas;
 * Montgomery, Alabama), dropped as a person's name is (2: nowhere in
 * the article either). A list of towns ("Klin, Ivanovo, Saransk, Tula,
 * Volzhsky, Omsk") stays, and so does a country, a capital, a curated
 * place or a city of a million in any list. */
static void name_lists(const td_gaz *g, const td_doc *doc, cands *cs) {
  for (size_t s = 0; s < doc->nsents; s++) {
    const td_sent *se = &doc->sents[s];
    uint32_t last = se->tok0 + se->ntok;
    for (uint32_t t = se->tok0; t < last;) {
      uint32_t t0 = t, items = 0, places = 0, e;
      while ((e = list_item(doc, t, last)) > t) {
        items++;
        /* (kept, or in an item of several words: "Real Madrid",
         * "Werder Bremen" are clubs of places) */
        int several = e > t + 1 && tok_cap(&doc->toks[t + 1]) && tok_word(&doc->toks[t + 1]);
        for (size_t i = cand_from(cs, t); i < cs->n && cs->c[i].tok0 < e; i++)
          if (!cs->c[i].adj && (!cs->c[i].drop || several)) {
            places++;
            break;
          }
        t = e;
        if (t + 1 < last && (tok_is(&doc->toks[t], ",") || tok_is(&doc->toks[t], ";"))) t++;
        else break;
      }
      if (items >= 5 && 2 * places < items)
        for (size_t i = cand_from(cs, t0); i < cs->n && cs->c[i].tok0 < t; i++) {
          cand *c = &cs->c[i];
          /* a player's club in brackets is a place ("Betsen
           * (Biarritz)"); a substitute with his minute is not ("(Quinn
           * 97)") */
          if (c->tok0 > 0 && tok_is(&doc->toks[c->tok0 - 1], "(") &&
              !(c->tok1 < last && (doc->toks[c->tok1].flags & TD_TOK_DIGIT)))
            continue;
          if (!c->drop && !c->adj && !list_proof(g, c)) c->drop = 2;
        }
      t = t > t0 ? t : t0 + 1;
    }
  }
}

/* A kept, placed name's words, for restore_named's look-ups. */
typedef struct {
  char *key;
  uint32_t ntok;
} named_key;

static int named_cmp(const void *a, const void *b) {
  const named_key *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : (x->ntok > y->ntok) - (x->ntok < y->ntok);
}

/* One sense per article: a capitalized name dropped only as doubtful
 * (1: a town after "the", a common word opening a sentence) is a place
 * where the article names the same place right after "in" (placed_in)
 * elsewhere ("in Riverdale" ... "the Riverdale gas station"). Adjectives,
 * names dropped as a person's (2) or before a capitalized word (3:
 * "Stonewall Golf Club") stay out. */
static void restore_named(const td_doc *doc, cands *cs) {
  char key[256];
  /* perf: the kept names placed in a place's context, sorted once, then
   * each doubtful one looked up (comparing each with all was quadratic
   * in a document of many names) */
  named_key *kept = NULL;
  size_t nkept = 0, capkept = 0;
  for (size_t j = 0; j < cs->n; j++) {
    const cand *d = &cs->c[j];
    if (d->drop || d->adj || !doc->toks[d->tok0].norm || !placed_in(doc, d)) continue;
    TD_GROW(kept, capkept, nkept + 1);
    kept[nkept].key = td_xstrdup(cand_key(doc, d->tok0, d->tok1, key, sizeof key));
    kept[nkept++].ntok = d->tok1 - d->tok0;
  }
  if (nkept) qsort(kept, nkept, sizeof *kept, named_cmp);
  for (size_t i = 0; i < cs->n && nkept; i++) {
    cand *c = &cs->c[i];
    if (c->drop != 1 || c->adj || !doc->toks[c->tok0].norm || !name_cased(doc, c->tok0, c->tok1))
      continue;
    named_key k = {(char *)cand_key(doc, c->tok0, c->tok1, key, sizeof key), c->tok1 - c->tok0};
    if (bsearch(&k, kept, nkept, sizeof *kept, named_cmp)) c->drop = 0;
  }
  for (size_t j = 0; j < nkept; j++) free(kept[j].key);
  free(kept);
}

int td_places(const td_engine *eng, td_doc *doc) {
  const td_gaz *g = eng->places;
  if (!g || doc->ntoks == 0) return 0;
  cands cs = {eng, g, doc, NULL, 0, 0, NULL, 0, 0, NULL, NULL, NULL, 0, 0, NULL};
  /* The gazetteer's longest match at each token where a candidate that
   * counts can start (perf, issue 11): a capitalized token, or the token
   * after a comma (trailing_admin reads what follows "City,"). The walk
   * goes on after the end of a match, so a lowercase match ("the", "east"
   * are places too) never hides a name that starts inside it ("the
   * Netherlands", "east London"). A start after a comma that serves only
   * the walk is matched only when the walk needs it, at the next start of
   * a candidate that may count (match_site; perf: -7% of the look-ups in
   * news). */
  for (size_t s = 0; s < doc->nsents; s++) {
    const td_sent *se = &doc->sents[s];
    uint32_t end = se->tok0 + se->ntok;
    uint32_t lazy = UINT32_MAX; /* the first start put off, not matched yet */
    for (uint32_t i = se->tok0; i < end; i++) {
      int k = match_site(doc, se, &cs, i);
      size_t pl = k ? 0 : prefix_len(doc, i); /* "anti-Russian" */
      if (!k && !pl) continue;
      if (k == 1) {
        if (lazy == UINT32_MAX) lazy = i;
        continue;
      }
      if (facility_kind(g, &doc->toks[i])) { /* a street's or building's kind word */
        TD_GROW(cs.kinds, cs.capkinds, cs.nkinds + 1);
        cs.kinds[cs.nkinds++] = i;
      }
      if (lazy != UINT32_MAX) { /* the walk over the starts put off, up to i */
        uint32_t j = lazy;
        lazy = UINT32_MAX;
        for (; j < i; j++) {
          if (!match_site(doc, se, &cs, j)) continue;
          uint32_t e = td_match_at(g->dict, doc, j, end, NULL, on_match, &cs);
          if (e > j && tok_cap(&doc->toks[j])) j = e - 1; /* (as below) */
        }
        if (j > i) { /* i lies inside a match: the walk goes on after it */
          i = j - 1;
          continue;
        }
      }
      if (pl) {
        add_part(&cs, i, pl);
        continue;
      }
      size_t n0 = cs.n, nrp0 = cs.nrp;
      uint32_t e = td_match_at(g->dict, doc, i, end, NULL, on_match, &cs);
      /* a longest match closed by a lowercase kind word that makes it no
       * name ("Heathrow airport" of "Heathrow Airport") leaves the name
       * before it; not another lowercase word ("the Indian ocean", "the
       * West country derby") */
      const td_tok *lw = e > i + 1 ? &doc->toks[e - 1] : NULL;
      if (cs.n == n0 && lw && !tok_cap(lw) && lw->norm &&
          td_strset_find(g->kinds, lw->norm, lw->end - lw->start) >= 0) {
        uint32_t e2 = td_match_at(g->dict, doc, i, e - 1, NULL, on_match, &cs);
        if (cs.n > n0) e = e2;
      }
      /* another spelling of an Arabic town ("Khan Younis", "Jenin") */
      uint32_t ve = g->var && tok_cap(&doc->toks[i]) ? add_variant(&cs, i, end, e, n0, nrp0) : 0;
      if (ve) e = ve;
      /* a match opening with a lowercase word after a comma ("France,
       * the Netherlands", "Asia, eastern Europe") makes no name: it
       * hides none that starts inside it */
      if (e > i && tok_cap(&doc->toks[i])) i = e - 1;
    }
  }
  for (size_t i = 0; i < cs.n; i++) cs.c[i].recs = cs.rp + cs.c[i].rec0; /* the pool is done growing */
  /* drop implausible ones; extend by a direction word */
  for (size_t i = 0; i < cs.n; i++) {
    cand *c = &cs.c[i];
    if (c->part) { /* "anti-Russian policy", "pro-Moscow" */
      c->drop = !part_kept(g, doc, c);
      continue;
    }
    if (!name_cased(doc, c->tok0, c->tok1)) {
      c->drop = 1; /* what plausible() says first; no actor look-up */
      continue;
    }
    /* a social-media handle ("@Gillette", "@Paris") names an account,
     * not the place ("in Gillette" elsewhere does not bring it back) */
    if (c->tok0 > 0 && tok_is(&doc->toks[c->tok0 - 1], "@") &&
        !(doc->toks[c->tok0].flags & TD_TOK_SPACE_BEFORE)) {
      c->drop = 3;
      continue;
    }
    int a = td_actor_at(doc, doc->toks[c->tok0].start, doc->toks[c->tok1 - 1].end);
    int person = 0, firm = 0;
    if (a >= 0) {
      const td_actor *ac = &doc->actors[a];
      /* a town heading a company's name is the company's, not a place:
       * "Delta Air Lines", "Orange SA" (firms.h: a legal form or a trade
       * after it); a town's council, club or school is the town's, and
       * an area, capital or city of a million stays ("Tokyo Electric") */
      if (ac->kind && strcmp(ac->kind, "organization") == 0 && firm_headed(doc, ac, c) && !grand(g, c)) {
        c->drop = 3;
        continue;
      }
      if (ac->kind && strcmp(ac->kind, "organization") == 0) c->in_org = org_inner(g, doc, ac, c);
      if (c->in_org) c->in_school = org_school(doc, ac, c);
      /* a name the article goes on to call "the airline", "the company"
       * is that business, not a town of its name, at every mention of
       * it ("suspended by Delta", "shares in Jarvis"); not an area, a
       * capital or a city of a million (after plausible(), whose reasons
       * reach the name's other mentions) */
      if (ac->kind && strcmp(ac->kind, "organization") == 0 && !grand(g, c) && firm_coref(doc, ac))
        for (size_t m = 0; m < ac->nmentions; m++)
          firm |= ac->mentions[m].start == doc->toks[c->tok0].start &&
                  ac->mentions[m].end == doc->toks[c->tok1 - 1].end;
      /* A person's name is not a place; an organization's may hold one
       * ("the Kurdistan Democratic Party"), which news annotators count. */
      if (ac->kind && strcmp(ac->kind, "person") == 0) {
        int whole = town_not_person(g, doc, c) || curated_feature(g, doc, c);
        for (size_t m = 0; m < ac->nmentions; m++) {
          td_span sp = ac->mentions[m];
          if (sp.start <= doc->toks[c->tok0].start && sp.end >= doc->toks[c->tok1 - 1].end &&
              !(whole && sp.start == doc->toks[c->tok0].start && sp.end == doc->toks[c->tok1 - 1].end))
            person = 1;
        }
        /* a mention that takes the title along ("US President Donald
         * Trump", "Slovenia's ambassador"): a place outside the person's
         * own name is the title's country or state, not part of the name */
        uint32_t a0 = doc->toks[c->tok0].start, a1 = doc->toks[c->tok1 - 1].end;
        if (person && ac->name && !memmem(ac->name, strlen(ac->name), doc->text + a0, a1 - a0))
          person = 0;
        /* nor two places a hyphen joins ("Nelson-Creston") */
        if (person && place_pair_person(&cs, ac)) person = 0;
        /* nor in an office holder named by the office ("Slovenia's
         * ambassador", "the president of Armenia") */
        if (person && ac->name && ac->role && strcasestr(ac->name, ac->role)) person = 0;
        /* nor the state of "City, State" that a capitalized word after
         * it joined to a person ("in Wichita, Kan. Smith said": an
         * abbreviation's period ends the sentence the segmenter kept) */
        char held[16];
        if (person && i > 0 && cs.c[i - 1].tok1 + 1 == c->tok0 &&
            trailing_admin(eng, doc, &cs, i - 1, held, sizeof held))
          person = 0;
      } else if (ac->known && ac->kind && strcmp(ac->kind, "organization") == 0 &&
                 !org_locative(&cs, c)) {
        /* a name the dictionaries know as an organization, mentioned as
         * itself, is that organization and not a small town of the same
         * name: "the White House said" is no town in Tennessee. A city
         * (an area, or 100,000 people) that names its government
         * ("Washington said") stays, as do places after "in", "at"; a
         * company is no city's government: "Toyota sales jumped",
         * "Santander's board", "a manager at Nokia" */
        int whole = 0;
        for (size_t m = 0; m < ac->nmentions; m++)
          whole |= ac->mentions[m].start == doc->toks[c->tok0].start &&
                   ac->mentions[m].end == doc->toks[c->tok1 - 1].end;
        if (whole && (is_company(ac) || !area_or_city(g, c))) {
          c->drop = 1;
          continue;
        }
      } else if (ac->kind && strcmp(ac->kind, "organization") == 0 && ac->name && !locative(&cs, c) &&
                 !area_or_city(g, c) && !(c->tok0 > 0 && tok_is(&doc->toks[c->tok0 - 1], "of"))) {
        /* the short name of an organization the article names in full
         * ("Delta Airlines" ... "Delta might be concerned", "Paramount
         * Pictures" ... "rights from Paramount") is the organization,
         * not a small town of that name */
        uint32_t a0 = doc->toks[c->tok0].start, a1 = doc->toks[c->tok1 - 1].end;
        size_t n = a1 - a0;
        int whole = 0;
        for (size_t m = 0; m < ac->nmentions; m++)
          whole |= ac->mentions[m].start == a0 && ac->mentions[m].end == a1;
        if (whole && strlen(ac->name) > n + 1 && strncmp(ac->name, doc->text + a0, n) == 0 && ac->name[n] == ' ') {
          c->drop = 1;
          continue;
        }
      }
    }
    /* "Batangas City", "Zamboanga City": a town's name closed by "City"
     * that the gazetteer writes without it is the town (named_as) */
    uint32_t send = doc->sents[doc->toks[c->tok0].sent].tok0 + doc->sents[doc->toks[c->tok0].sent].ntok;
    if (c->tok1 < send && tok_is(&doc->toks[c->tok1], "city") && tok_cap(&doc->toks[c->tok1]) &&
        !tok_is(&doc->toks[c->tok1 - 1], "city")) {
      int town = 0, weighty = 0; /* not "Vice City", "Sim City" */
      for (size_t k = 0; k < c->nrecs; k++) {
        const td_gaz_rec *r = &g->recs[c->recs[k]];
        town |= is_feat(r, "PPL");
        weighty |= is_area(r) || r->pop >= 100000;
      }
      /* not a common word's ("Man City" is a football club) */
      const td_tok *w = &doc->toks[c->tok0];
      if (town && weighty && !(c->tok1 - c->tok0 == 1 && eng->words && w->norm &&
                               td_words_score(eng->words, w->norm, strlen(w->norm)) >= 10 * 20))
        c->tok1++;
    }
    /* "Ciudad Juárez": a town GeoNames names without the Spanish word
     * for city that opens it in the news (Juárez) is the town, the word
     * included; not "Ciudad Real" (the gazetteer holds it whole) */
    if (c->tok0 > doc->sents[doc->toks[c->tok0].sent].tok0 && tok_cap(&doc->toks[c->tok0 - 1]) &&
        tok_is(&doc->toks[c->tok0 - 1], "ciudad")) {
      int town = 0;
      for (size_t k = 0; k < c->nrecs; k++) town |= is_feat(&g->recs[c->recs[k]], "PPL");
      if (town) c->start = doc->toks[--c->tok0].start;
    }
    /* a word of not_places that is also an adjective ("English",
     * "Arab", "Spanish") is the adjective alone, not the small town */
    char key[256];
    if (c->adjrec && !c->adj && not_place(g, cand_key(doc, c->tok0, c->tok1, key, sizeof key))) {
      c->recs[0] = (uint32_t)c->adjrec - 1;
      c->nrecs = 1, c->adj = 1;
    }
    /* a direction word that is an adjective of a region before a common
     * noun is that adjective ("Western governments": the West, not a
     * region of Ghana; not "Western Europe", "Western Mail", "Country
     * and Western music") */
    if (c->adjrec && !c->adj && c->tok1 - c->tok0 == 1 && is_direction(g, &doc->toks[c->tok0]) &&
        !(c->tok0 > 0 && (tok_is(&doc->toks[c->tok0 - 1], "and") || tok_is(&doc->toks[c->tok0 - 1], "&"))) &&
        c->tok1 < send && !tok_cap(&doc->toks[c->tok1]) && adj_modifies(doc, c->tok1, send, 1)) {
      c->recs[0] = (uint32_t)c->adjrec - 1;
      c->nrecs = 1, c->adj = 1;
    }
    /* nor a town named as an adjective is before a language noun: "the
     * Catalan language" (Çatalan, Turkey) */
    if (c->adjrec && language_next(doc, c->tok1, send) &&
        !is_feat(&g->recs[c->adjrec - 1], "CONT") && !is_feat(&g->recs[c->adjrec - 1], "RGN")) {
      c->drop = 1;
      continue;
    }
    c->drop = plausible(eng, &cs, c, person);
    if (!c->drop && opens_person(eng, doc, c)) c->drop = 2;
    if (!c->drop && firm) c->drop = 1;
    if (!c->drop && c->tok0 > doc->sents[doc->toks[c->tok0].sent].tok0 &&
        is_direction(g, &doc->toks[c->tok0 - 1])) {
      int area = 0;
      for (size_t k = 0; k < c->nrecs; k++) area |= is_country(&g->recs[c->recs[k]]) || is_feat(&g->recs[c->recs[k]], "ADM1");
      c->directed = area; /* no word of the name: "eastern [Russia]" */
      /* but a capitalized one is: "[West Wales]", "[Southern California]",
       * as a region's name (the name's readings are still Wales's) */
      if (area && tok_cap(&doc->toks[c->tok0 - 1])) c->start = doc->toks[c->tok0 - 1].start;
    }
  }
  /* a name the article calls a business (called_firm) is the business
   * at every mention, but for one where a place is expected ("in
   * Orange", not "at Orange"): one sense per article */
  for (size_t i = 0; i < cs.n; i++) {
    cand *c = &cs.c[i];
    if (c->adj || c->part || !called_firm(g, doc, c)) continue;
    char fk[256], ok[256];
    cand_key(doc, c->tok0, c->tok1, fk, sizeof fk);
    for (size_t j = 0; j < cs.n; j++) {
      cand *d = &cs.c[j];
      /* (not one dropped as a person's name, 2, whose reason reaches
       * the name's other mentions: "Sina said") */
      if (d->adj || d->part || d->drop == 3 || d->drop == 2 || d->tok1 - d->tok0 != c->tok1 - c->tok0) continue;
      if (strcmp(cand_key(doc, d->tok0, d->tok1, ok, sizeof ok), fk) == 0 && !org_locative(&cs, d))
        d->drop = 3;
    }
  }
  name_lists(g, doc, &cs);
  restore_named(doc, &cs);
  /* a one-word name seen inside a person's or a longer name ("Keith
   * Nelson") is not a place elsewhere in the article either */
  for (size_t i = 0; i < cs.n; i++) {
    cand *c = &cs.c[i];
    if (c->drop || c->adj || c->tok1 - c->tok0 != 1) continue;
    /* a city of 100,000 stays beside a longer name ("Manchester
     * United"), but not a person's surname where no cue calls it a
     * place ("C Paterson" ... "Paterson's searing break"), unless it
     * is an area, a capital or a city of a million */
    int weighty = area_or_city(g, c);
    /* a grand one stays, unless it speaks ("Glen Houston told ...
     * Houston said"): then it is the person as a small town would be */
    const td_sent *cse = &doc->sents[doc->toks[c->tok0].sent];
    int speaks = speaker_at(doc, c, cse->tok0, cse->tok0 + cse->ntok);
    if (weighty && ((grand(g, c) && !speaks) || locative(&cs, c))) continue;
    if (speaks && grand(g, c)) weighty = 0;
    const char *w = doc->toks[c->tok0].norm;
    for (size_t j = 0; j < cs.n && !c->drop && !weighty; j++) {
      const cand *d = &cs.c[j];
      if (d->drop != 2) continue;
      for (uint32_t t = d->tok0 > 0 ? d->tok0 - 1 : 0; t <= d->tok1 && t < doc->ntoks; t++)
        if (doc->toks[t].norm && strcmp(doc->toks[t].norm, w) == 0 && !kept_beside(&cs, j, t)) c->drop = 2;
    }
    for (size_t a = 0; a < doc->nactors && !c->drop; a++) {
      const td_actor *ac = &doc->actors[a];
      if (!ac->kind || strcmp(ac->kind, "person") != 0 || !ac->name) continue;
      size_t wl = doc->toks[c->tok0].end - doc->toks[c->tok0].start;
      for (const char *q = ac->name; *q;) {
        const char *e = q + strcspn(q, " ");
        if ((size_t)(e - q) == wl && strncmp(q, doc->text + doc->toks[c->tok0].start, wl) == 0 &&
            (!weighty || (!*e && q > ac->name))) /* a city: only as the surname closing a name */
          c->drop = 2;
        q = *e ? e + 1 : e;
      }
    }
  }
  /* group by folded surface */
  group *gs = NULL;
  size_t ng = 0, capg = 0;
  char hint[16];
  for (size_t i = 0; i < cs.n; i++) {
    cand *c = &cs.c[i];
    if (c->drop) continue;
    char key[256];
    cand_key(doc, c->tok0, c->tok1, key, sizeof key);
    char *hy = c->part ? strchr(key, '-') : NULL; /* "anti-russian": as "russian" */
    if (hy) memmove(key, hy + 1, strlen(hy + 1) + 1);
    size_t k = 0;
    while (k < ng && strcmp(gs[k].key, key) != 0) k++;
    if (k == ng) {
      TD_GROW(gs, capg, ng + 1);
      memset(&gs[ng], 0, sizeof gs[ng]);
      gs[ng].key = td_arena_strdup(&doc->arena, key);
      gs[ng].recs = c->recs, gs[ng].nrecs = c->nrecs;
      gs[ng].best = -1;
      ng++;
    }
    c->group = (int)k;
    gs[k].nment++;
    if (c->directed) gs[k].directed = 1;
    if (dateline(doc, c)) gs[k].dateline = 1;
    unsigned na = named_as(doc, c);
    if (na & NAMED_TOWNSHIP) gs[k].townships++;
    if (!c->in_org) gs[k].outside_org++;
    if (c->in_school) gs[k].schools++;
    if (c->variant) gs[k].variant = 1;
    gs[k].named_as |= na & ~(unsigned)NAMED_TOWNSHIP;
    if (!gs[k].hint[0] && trailing_admin(eng, doc, &cs, i, hint, sizeof hint))
      snprintf(gs[k].hint, sizeof gs[k].hint, "%s", hint);
    if (c->held[0] && !gs[k].held[0]) snprintf(gs[k].held, sizeof gs[k].held, "%s", c->held);
    if (trailing_admin(eng, doc, &cs, i, hint, sizeof hint) && i + 1 < cs.n &&
        cs.c[i + 1].tok0 == c->tok1 + 1)
      snprintf(cs.c[i + 1].held, sizeof cs.c[i + 1].held, "%s", hint);
  }
  /* the names listed together ("Oregon or Washington"): pairs of
   * groups, not the "City, State" of a city and the division after it */
  int *pairs = NULL;
  size_t npairs = 0, cappairs = 0;
  for (size_t i = 0, j; i < cs.n; i = j) {
    for (j = i + 1; j < cs.n && cs.c[j].drop; j++) {}
    if (j >= cs.n) break;
    const cand *a = &cs.c[i], *b = &cs.c[j];
    if (a->drop || a->group == b->group || b->held[0] || !coordinated(doc, a, b)) continue;
    TD_GROW(pairs, cappairs, 2 * npairs + 2);
    pairs[2 * npairs] = a->group, pairs[2 * npairs + 1] = b->group;
    npairs++;
  }
  /* resolve: evidence from the other names' first readings, then from
   * their resolved ones; a name never counts as evidence for itself */
  evs countries = {0}, admins = {0}, all_countries = {0}, all_admins = {0};
  evs inner = {0}, all_inner = {0}; /* country evidence from inside it (small_town) */
  const evs none = {0};               /* no evidence (org_town) */
  const char *dc = domain_country(doc->url);
  uint8_t *self = self_actors(doc, &cs, ng);
  int *cur = td_xcalloc(ng ? ng : 1, sizeof(int));
  /* every group's readings' priors, once (perf: score() asks each round) */
  size_t npri = 0;
  for (size_t k = 0; k < ng; k++) npri += gs[k].nrecs;
  double *pri = td_xmalloc((npri + 1) * sizeof *pri);
  /* one name's readings' scores and division lifts (town_lifted) */
  double *scs = td_xmalloc((npri + 1) * sizeof *scs), *lifts = td_xmalloc((npri + 1) * sizeof *lifts);
  npri = 0;
  for (size_t k = 0; k < ng; k++) {
    double bs = -1e9;
    cur[k] = -1;
    gs[k].pri = pri + npri;
    for (size_t i = 0; i < gs[k].nrecs; i++) {
      double p = pri[npri++] = prior(&g->recs[gs[k].recs[i]]);
      if (p > bs) bs = p, cur[k] = (int)gs[k].recs[i];
    }
    /* only confident first readings count as evidence in the first round */
    if (gs[k].nrecs > 1 && !is_area(&g->recs[cur[k]])) gs[k].best = -1;
    else gs[k].best = cur[k];
  }
  /* a name only ever inside an organization's name whose readings are
   * all towns ("Cambridge Analytica", "the Orange Prize", "Marks &
   * Spencer") says where the organization comes from, not where the story
   * is: it is no evidence for the other names (it takes theirs) */
  for (size_t k = 0; k < ng; k++) {
    int town = gs[k].outside_org == 0;
    for (size_t i = 0; i < gs[k].nrecs && town; i++) town = !is_area(&g->recs[gs[k].recs[i]]);
    gs[k].org_town = town;
  }
  /* the towns and counties the names read as (local_near) */
  float *pts = td_xmalloc((2 * ng + 2) * sizeof *pts);
  size_t *owner = td_xmalloc((ng + 1) * sizeof *owner), npts = 0;
  for (int round = 0; round < 2; round++) {
    /* the article's evidence: the source's domain, actors with a country,
     * every name's current reading (a dateline's counts twice) */
    all_countries.n = all_admins.n = all_inner.n = 0;
    /* a country's own domain weighs as two places; .com as one: it is
     * anyone's ("thesun.co.uk" on a British soldier with US forces) */
    if (dc) ev_add(&all_countries, dc, strcmp(dc, "USA") ? 4 : 2);
    /* (not .com: anyone's domain is no evidence from inside the US) */
    if (dc && strcmp(dc, "USA") != 0) ev_add(&all_inner, dc, 4);
    for (size_t a = 0; a < doc->nactors; a++) {
      const td_actor *ac = &doc->actors[a];
      if (actor_country(ac)) ev_add(&all_countries, ac->country, 1);
    }
    npts = 0;
    for (size_t q = 0; q < ng; q++) {
      if (gs[q].best < 0 || gs[q].org_town) continue;
      const td_gaz_rec *r = &g->recs[gs[q].best];
      if (local_place(r) && gs[q].nrecs == 1) {
        pts[2 * npts] = r->lat, pts[2 * npts + 1] = r->lon;
        owner[npts++] = q;
      }
      ev_add(&all_countries, r->cc3, gs[q].dateline ? 4 : 2);
      ev_add(&all_admins, g->pool + r->admin, gs[q].dateline ? 4 : 2);
      if (!is_country(r)) ev_add(&all_inner, r->cc3, gs[q].dateline ? 4 : 2);
    }
    for (size_t k = 0; k < ng; k++) {
      /* a name of one reading has it whatever the evidence: no share to
       * take out, no scores to make (perf, issue 11) */
      if (gs[k].nrecs == 1) {
        cur[k] = (int)gs[k].recs[0];
        continue;
      }
      /* less name k's own share: its reading, and the actors it is */
      ev_copy(&countries, &all_countries);
      ev_copy(&admins, &all_admins);
      ev_copy(&inner, &all_inner);
      if (gs[k].best >= 0 && !gs[k].org_town) {
        const td_gaz_rec *r = &g->recs[gs[k].best];
        ev_add(&countries, r->cc3, gs[k].dateline ? -4 : -2);
        if (!is_country(r)) ev_add(&inner, r->cc3, gs[k].dateline ? -4 : -2);
        ev_add(&admins, g->pool + r->admin, gs[k].dateline ? -4 : -2);
      }
      for (size_t a = 0; a < doc->nactors; a++) {
        const td_actor *ac = &doc->actors[a];
        if (self[a * ng + k] && actor_country(ac))
          ev_add(&countries, ac->country, -1);
      }
      /* what the names listed with it are: 1 a country, 2 a division */
      unsigned listed = 0;
      for (size_t q = 0; q < npairs; q++) {
        int o = pairs[2 * q] == (int)k ? pairs[2 * q + 1] : pairs[2 * q + 1] == (int)k ? pairs[2 * q] : -1;
        if (o < 0 || gs[o].best < 0) continue;
        const td_gaz_rec *ro = &g->recs[gs[o].best];
        listed |= is_country(ro) ? 1u : is_feat(ro, "ADM1") ? 2u : 0u;
      }
      /* the admin key of a division among the readings, if any */
      const char *namesake = NULL;
      for (size_t i = 0; i < gs[k].nrecs && !namesake; i++)
        if (is_feat(&g->recs[gs[k].recs[i]], "ADM1")) namesake = g->pool + g->recs[gs[k].recs[i]].admin;
      /* "State, Country" names the division as "City, State" names the
       * city ("Georgia, United States", "Lewis County, Washington, United
       * States"), unless its seat has its name ("Lucerne, Switzerland" is
       * the city, not the canton) */
      int state_of_country = namesake && gs[k].hint[0] && !strchr(gs[k].hint, '.');
      for (size_t i = 0; i < gs[k].nrecs && state_of_country; i++) {
        const td_gaz_rec *r = &g->recs[gs[k].recs[i]];
        if ((is_feat(r, "PPLC") || (is_feat(r, "PPLA") && r->feat[4] == 0)) &&
            strcmp(g->pool + r->admin, namesake) == 0)
          state_of_country = 0;
      }
      /* a division whose seat of its name is a city of 50,000 people
       * ("Dubai", "Hamburg"): news means the city more often, so the
       * division gives up half a point to it (a division's prior caps
       * at 7.5, a city of a million's is 7 as a seat); evidence, a
       * direction word or "state of" still make it the division */
      int seat_city = 0;
      for (size_t i = 0; i < gs[k].nrecs && namesake; i++) {
        const td_gaz_rec *r = &g->recs[gs[k].recs[i]];
        if ((is_feat(r, "PPLC") || (is_feat(r, "PPLA") && r->feat[4] == 0)) && !small_town(r) &&
            strcmp(g->pool + r->admin, namesake) == 0)
          seat_city = 1;
      }
      /* a small town's reading against a weightier one of the name
       * (small_town) */
      int weightier = 0;
      for (size_t i = 0; i < gs[k].nrecs && !weightier; i++) weightier = !small_town(&g->recs[gs[k].recs[i]]);
      /* a name with an area's reading (a country, a division, a curated
       * region) is that more often than a town by its neighbours: the
       * neighbours of Wales, California or Indiana are in them */
      int weighty_name = 0;
      for (size_t i = 0; i < gs[k].nrecs && !weighty_name; i++) weighty_name = is_area(&g->recs[gs[k].recs[i]]);
      double bs = -1e9;
      int b = -1;
      for (size_t i = 0; i < gs[k].nrecs; i++) {
        const td_gaz_rec *r = &g->recs[gs[k].recs[i]];
        scs[i] = -1e9;
        lifts[i] = 0;
        if (seat_named(g, &gs[k], r)) continue;
        /* (a town only inside organizations' names, org_town, takes no
         * country's evidence: the country where the story happens says
         * nothing of which Cambridge a firm is named after; a division's
         * or a neighbour's still does, and a university's, a school's,
         * a hospital's town is one of the story's country: org_school) */
        double sc = score(g, r, gs[k].pri[i],
                          gs[k].org_town && !gs[k].schools ? &none : weightier && small_town(r) ? &inner : &countries,
                          &admins, gs[k].hint[0] ? gs[k].hint : NULL, namesake, &lifts[i]);
        if (state_of_country && is_feat(r, "ADM1") && strncmp(g->pool + r->admin, gs[k].hint, 2) == 0)
          sc += 20;
        /* a town named with its neighbours (local_near); no division's
         * lift, so it stands against a namesake ten times its size */
        if (!weighty_name && local_near(r, pts, owner, npts, k)) sc += 3;
        if (gs[k].directed && (is_country(r) || is_feat(r, "ADM1"))) sc += 6;
        if (seat_city && is_feat(r, "ADM1")) sc -= 0.5;
        /* "the city of X", "X City": a town; "the state of X": a division */
        if (((gs[k].named_as & NAMED_TOWN) && is_feat(r, "PPL")) ||
            ((gs[k].named_as & NAMED_DIVISION) && is_feat(r, "ADM1")))
          sc += 10;
        /* "Washington Township" in every mention: a local unit, not the
         * state, a country or a capital of the name */
        if (gs[k].townships == gs[k].nment &&
            (is_country(r) || is_feat(r, "ADM1") || is_feat(r, "PPLC")))
          sc -= 20;
        /* a name listed with a division or a country is one too */
        if ((is_country(r) && (listed & 1)) || (is_feat(r, "ADM1") && (listed & 2))) sc += 6;
        if (gs[k].held[0] && strcmp(g->pool + r->admin, gs[k].held) == 0 &&
            (is_country(r) || is_feat(r, "ADM1") || is_feat(r, "ADM2")))
          sc += 20;
        scs[i] = sc;
        if (sc > bs) bs = sc, b = (int)gs[k].recs[i];
      }
      /* a town the division evidence alone lifts over one ten times its
       * size gives way to the next best reading (town_lifted) */
      for (size_t tries = 0; b >= 0 && !gs[k].hint[0] && !gs[k].held[0] && tries < gs[k].nrecs; tries++) {
        size_t bi = 0;
        while (gs[k].recs[bi] != (uint32_t)b) bi++;
        if (!town_lifted(g, gs[k].recs, gs[k].pri, scs, lifts, gs[k].nrecs, bi)) break;
        scs[bi] = -1e9;
        bs = -1e9, b = -1;
        for (size_t i = 0; i < gs[k].nrecs; i++)
          if (scs[i] > bs) bs = scs[i], b = (int)gs[k].recs[i];
      }
      cur[k] = b;
    }
    for (size_t k = 0; k < ng; k++) gs[k].best = cur[k];
  }
  /* a one-word name whose reading is a town of under 50,000 people, with
   * no pattern and no cue at any mention (nor a one word's other spelling,
   * below), in a country nothing else in
   * the article names (no other place but such names, no actor, not the
   * source's domain), is the word it is more often: a browser (Opera in
   * Italy), a game (Doom in Indonesia), a club's nickname (Saints, Pompey
   * in France), a word of another language (Mga, Philippines) */
  uint8_t *lone = td_xcalloc(ng ? ng : 1, 1);
  for (size_t k = 0; k < ng; k++) {
    /* so is one word read as another spelling of a town, of any size, cue
     * or none: a name or a word more often (`Rafa` Benitez, `Jada`, the
     * firm `Sina`: "an interest in Sina"); the article names the town's
     * country otherwise (`Jenin` and the West Bank, Palestinians) */
    if (gs[k].best >= 0 && gs[k].variant && !gs[k].hint[0] && !gs[k].held[0] && !gs[k].dateline) {
      lone[k] = 1;
      continue;
    }
    if (gs[k].best < 0 || strchr(gs[k].key, ' ')) continue;
    const td_gaz_rec *r = &g->recs[gs[k].best];
    /* (a city of up to 150,000 named by a word of the word counts too:
     * the Orange Prize, "Man to Man", "Troy star Eric Bana") */
    int word = eng->words && td_words_score(eng->words, gs[k].key, strlen(gs[k].key)) >= 10;
    if (is_area(r) || !is_feat(r, "PPL") || is_feat(r, "PPLC") || r->pop >= (word ? 150000 : 50000) ||
        gs[k].hint[0] || gs[k].held[0] || gs[k].named_as || gs[k].dateline || gs[k].directed)
      continue;
    lone[k] = 1;
  }
  /* a cue before it but "of", a word of places after it ("the Shankill area"),
   * the name of a body named after it ("the Hilo Tribune"), or a weighty
   * place listed with it ("in Madrid and Lievin", "Dorset
   * and Torbay"; not a list of surnames) */
  for (size_t i = 0; i < cs.n; i++) {
    const cand *c = &cs.c[i];
    if (c->drop || c->group < 0 || !lone[c->group] || gs[c->group].variant) continue;
    const td_tok *n = c->tok1 < doc->ntoks ? &doc->toks[c->tok1] : NULL;
    const td_sent *se = &doc->sents[doc->toks[c->tok0].sent];
    /* (not "of", which holds a name in a longer one as often: "House of
     * Fraser", "Merchant of Venice", "Lord Campbell of Alloway") */
    unsigned cb = cand_cues(&cs, c);
    int cued = (cb & P_LOCATIVE) ||
               ((cb & P_CUE) && !(c->tok0 > 0 && tok_is(&doc->toks[c->tok0 - 1], "of"))) ||
               body_name_at(g, doc, c->tok1, se->tok0 + se->ntok) || /* "the Hilo Tribune" */
               (n && c->tok0 > 0 && tok_is(&doc->toks[c->tok0 - 1], "the") &&
                (tok_is(n, "area") || tok_is(n, "region") || tok_is(n, "district")));
    for (size_t j = i > 0 ? i - 1 : 0; j <= i + 1 && j < cs.n && !cued; j++) {
      const cand *d = &cs.c[j];
      if (j == i || d->drop || d->group < 0 || gs[d->group].best < 0) continue;
      const cand *x = j < i ? d : c, *y = j < i ? c : d;
      const td_gaz_rec *rd = &g->recs[gs[d->group].best];
      cued = y->tok0 == x->tok1 + 1 && (tok_is(&doc->toks[x->tok1], "and") || tok_is(&doc->toks[x->tok1], "or")) &&
             doc->toks[x->tok0].sent == doc->toks[y->tok0].sent &&
             (is_area(rd) || is_feat(rd, "PPLC") || rd->pop >= 100000);
    }
    if (cued) lone[c->group] = 0;
  }
  all_countries.n = 0; /* the evidence of the other resolved readings */
  if (dc) ev_add(&all_countries, dc, 2);
  for (size_t a = 0; a < doc->nactors; a++)
    if (actor_country(&doc->actors[a])) ev_add(&all_countries, doc->actors[a].country, 1);
  for (size_t q = 0; q < ng; q++)
    if (gs[q].best >= 0 && !lone[q] && !gs[q].org_town) ev_add(&all_countries, g->recs[gs[q].best].cc3, 2);
  for (size_t k = 0; k < ng; k++) {
    if (!lone[k]) continue;
    const td_gaz_rec *r = &g->recs[gs[k].best];
    double own = 0; /* the actors the name is */
    for (size_t a = 0; a < doc->nactors; a++)
      if (self[a * ng + k] && doc->actors[a].country && strcmp(doc->actors[a].country, r->cc3) == 0) own += 0.5;
    if (ev_get(&all_countries, r->cc3) - own <= 0) gs[k].best = -1;
  }
  free(lone);
  free(cur);
  free(pairs);
  free(pri);
  free(pts);
  free(owner);
  free(scs);
  free(lifts);
  free(self);
  free(countries.e);
  free(admins.e);
  free(all_countries.e);
  free(inner.e);
  free(all_inner.e);
  free(all_admins.e);
  facility *fs = NULL;
  size_t nf = 0, capf = 0;
  find_facilities(eng, doc, &cs, gs, &fs, &nf, &capf);
  /* places in order of first mention, merged by record */
  int *place_of = td_xcalloc(ng ? ng : 1, sizeof(int));
  for (size_t k = 0; k < ng; k++) place_of[k] = -1;
  for (size_t i = 0; i < cs.n; i++) {
    cand *c = &cs.c[i];
    if (c->drop) continue;
    group *gr = &gs[c->group];
    if (gr->best < 0) continue;
    int p = place_of[c->group];
    if (p < 0) {
      const td_gaz_rec *rb = &g->recs[gr->best];
      for (size_t q = 0; q < ng; q++)
        if (place_of[q] >= 0 && (gs[q].best == gr->best ||
                                 (rb->geonameid && g->recs[gs[q].best].geonameid == rb->geonameid)))
          p = place_of[q];
      if (p < 0) {
        const td_gaz_rec *r = &g->recs[gr->best];
        TD_AGROW(&doc->arena, doc->places, doc->cap_places, doc->nplaces + 1);
        td_place *pl = &doc->places[doc->nplaces];
        memset(pl, 0, sizeof *pl);
        pl->name = td_arena_strdup(&doc->arena, g->pool + r->name);
        pl->country = td_arena_strdup(&doc->arena, r->cc3);
        pl->feature = td_arena_strdup(&doc->arena, r->feat);
        pl->geonameid = r->geonameid;
        pl->lat = r->lat, pl->lon = r->lon, pl->has_coord = 1;
        p = (int)doc->nplaces++;
      }
      place_of[c->group] = p;
    }
    td_place *pl = &doc->places[p];
    TD_AGROW(&doc->arena, pl->mentions, pl->cap_mentions, pl->nmentions + 1);
    pl->mentions[pl->nmentions++] = (td_span){c->start, doc->toks[c->tok1 - 1].end};
  }
  if (nf) add_facilities(g, doc, fs, nf, focus_town(g, gs, ng));
  free(fs);
  free(cs.kinds);
  if (cs.lower) td_strset_free(cs.lower);
  free(place_of);
  free(gs);
  free(cs.rp);
  free(cs.c);
  return 0;
}

/* ---- the place of a clause ---- */

/* Index of the token that starts at byte b, or -1. */
static long tok_starting(const td_doc *doc, uint32_t b) {
  size_t lo = 0, hi = doc->ntoks;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->toks[mid].start < b) lo = mid + 1;
    else hi = mid;
  }
  return lo < doc->ntoks && doc->toks[lo].start == b ? (long)lo : -1;
}

/* Whether a mention starting at token t stands after a locative
 * preposition ("in Washington"), directly or through a possessive place
 * ("in Russia's Tver Region": both count, the inner one more). 0 no,
 * 1 yes, 2 yes and it is the inner one. */
static int locative_at(const td_doc *doc, long t, uint32_t s0) {
  static const char *const preps[] = {"in", "at", "near", "outside", "inside", "across",
                                      "throughout", "into", "from", "to", NULL};
  if (t <= 0 || doc->toks[t - 1].start < s0) return 0;
  const td_tok *p = &doc->toks[t - 1];
  for (const char *const *w = preps; *w; w++)
    if (tok_is(p, *w)) return 1;
  if ((tok_is(p, "'s") || tok_is(p, "'")) && t >= 3) {
    /* walk back over the possessor's name to its preposition */
    long u = t - 2;
    while (u > 0 && doc->toks[u].start >= s0 && tok_cap(&doc->toks[u]) && tok_word(&doc->toks[u])) u--;
    if (u >= 0 && doc->toks[u].start >= s0)
      for (const char *const *w = preps; *w; w++)
        if (tok_is(&doc->toks[u], *w)) return 2;
  }
  return 0;
}

/* td_places_town's look-up: some reading of the one-token match is a
 * populated place of at least min_pop people or a state (ADM1). */
typedef struct {
  const td_gaz *g;
  uint32_t tok, min_pop;
  int found;
} town_q;

static int town_cb(void *ctx, const td_match *m) {
  town_q *q = ctx;
  if (m->tok1 != q->tok + 1) return 0;
  uint32_t idx = payload_index(m->payload);
  if (idx >= q->g->n) return 0;
  const td_gaz_rec *r = &q->g->recs[idx];
  q->found = (is_feat(r, "PPL") && r->pop >= q->min_pop) || is_feat(r, "ADM1");
  return q->found;
}

int td_places_town(const td_engine *eng, const td_doc *doc, uint32_t tok, uint32_t min_pop) {
  const td_gaz *g = eng->places;
  if (!g || tok >= doc->ntoks) return 0;
  town_q q = {g, tok, min_pop, 0};
  td_match_at(g->dict, doc, tok, tok + 1, NULL, town_cb, &q);
  return q.found;
}

/* td_places_country's look-up: the countries of the readings of one
 * match, and whether they differ. */
typedef struct {
  const td_gaz *g;
  char cc[4];
  int n, mixed;
} country_q;

static int country_cb(void *ctx, const td_match *m) {
  country_q *q = ctx;
  uint32_t idx = payload_index(m->payload);
  if (idx >= q->g->n) return 0;
  const td_gaz_rec *r = &q->g->recs[idx];
  if (!r->cc3[0]) return 0;
  if (q->n && strcmp(q->cc, r->cc3) != 0) {
    q->mixed = 1;
    return 1;
  }
  /* (a state or a county, not a town, a hill or a farm of the same name:
   * `High`, `Green`, `Police` are towns somewhere) */
  if (!is_feat(r, "ADM1") && !is_feat(r, "ADM2")) return 0;
  memcpy(q->cc, r->cc3, 4);
  q->n++;
  return 0;
}

int td_places_country(const td_engine *eng, const td_doc *doc, uint32_t tok0, uint32_t tok1,
                      char cc[4]) {
  const td_gaz *g = eng->places;
  if (!g || tok1 > doc->ntoks) return 0;
  for (uint32_t t = tok0; t < tok1; t++) {
    country_q q = {g, "", 0, 0};
    uint32_t end = td_match_at(g->dict, doc, t, tok1, NULL, country_cb, &q);
    if (!end) continue;
    if (q.mixed) return 0;
    if (q.n) {
      memcpy(cc, q.cc, 4);
      return 1;
    }
    t = end - 1;
  }
  return 0;
}

int td_place_for_span(const td_doc *doc, uint32_t start, uint32_t end) {
  if (!doc->nsents) return -1;
  size_t lo = 0, hi = doc->nsents;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (doc->sents[mid].start <= start) lo = mid;
    else hi = mid;
  }
  uint32_t s0 = doc->sents[lo].start, s1 = doc->sents[lo].end;
  /* best: a locative place (the inner one of "Russia's Tver Region"),
   * nearest to the span; else the nearest mention before, else after */
  int loc = -1, before = -1, after = -1, locrank = 0;
  uint32_t locd = UINT32_MAX, bpos = 0, apos = UINT32_MAX;
  for (size_t p = 0; p < doc->nplaces; p++)
    for (size_t m = 0; m < doc->places[p].nmentions; m++) {
      td_span sp = doc->places[p].mentions[m];
      if (sp.start < s0 || sp.end > s1) continue;
      if (sp.start <= start && sp.end >= end) return (int)p;
      int l = locative_at(doc, tok_starting(doc, sp.start), s0);
      uint32_t d = sp.start >= end ? sp.start - end : start >= sp.end ? start - sp.end : 0;
      if (l && (l > locrank || (l == locrank && d < locd))) loc = (int)p, locrank = l, locd = d;
      if (sp.end <= start && sp.end >= bpos) bpos = sp.end, before = (int)p;
      if (sp.start >= end && sp.start < apos) apos = sp.start, after = (int)p;
    }
  return loc >= 0 ? loc : before >= 0 ? before : after;
}

/* ---- `tidings eval geo` ---- */

typedef struct {
  long start, end;       /* code points in the article text */
  double lat, lon;
  long gid;
} gold_top;

/* The text between <tag> and </tag> starting the search at p (before
 * lim), XML entities decoded, malloc'd; NULL when absent. */
static char *xml_field(const char *p, const char *lim, const char *tag, const char **after) {
  char open[64], close[64];
  snprintf(open, sizeof open, "<%s>", tag);
  snprintf(close, sizeof close, "</%s>", tag);
  const char *a = strstr(p, open);
  if (!a || a >= lim) return NULL;
  a += strlen(open);
  const char *b = strstr(a, close);
  if (!b || b > lim) return NULL;
  if (after) *after = b + strlen(close);
  char *out = td_xmalloc((size_t)(b - a) + 1);
  size_t n = 0;
  static const char *const ent[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                                       {"&quot;", "\""}, {"&apos;", "'"}};
  while (a < b) {
    int done = 0;
    if (*a == '&')
      for (size_t k = 0; k < 5 && !done; k++)
        if (strncmp(a, ent[k][0], strlen(ent[k][0])) == 0)
          out[n++] = ent[k][1][0], a += strlen(ent[k][0]), done = 1;
    if (!done) out[n++] = *a++;
  }
  out[n] = 0;
  return out;
}

/* Code-point offset of byte b in s. */
static long cp_of(const char *s, size_t b) {
  long n = 0;
  for (size_t i = 0; i < b; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

/* Byte offset in raw of the occurrence of word[0..n) whose code-point
 * offset is nearest to want; -1 when it does not occur. */
static long find_near(const char *raw, const char *word, size_t n, long want) {
  long best = -1, bestd = 0, cp = 0;
  for (const char *q = raw; *q; q++) {
    if (((unsigned char)*q & 0xC0) == 0x80) continue;
    if (*q == word[0] && strncmp(q, word, n) == 0) {
      long d = labs(cp - want);
      if (best < 0 || d < bestd) best = cp, bestd = d;
    }
    cp++;
  }
  return best;
}

static int cmp_gid(const void *a, const void *b) {
  const td_gaz_rec *x = *(const td_gaz_rec *const *)a, *y = *(const td_gaz_rec *const *)b;
  return (x->geonameid > y->geonameid) - (x->geonameid < y->geonameid);
}

int td_eval_geo(const td_engine *eng, const char *xml_file, FILE *out) {
  td_buf all = TD_BUF_INIT;
  if (td_buf_read_file(&all, xml_file) != 0) {
    td_buf_free(&all);
    fprintf(out, "cannot read %s\n", xml_file);
    return -1;
  }
  td_buf_putc(&all, 0);
  const td_gaz *g = eng->places;
  const td_gaz_rec **bygid = NULL;
  size_t nbygid = 0;
  if (g) {
    bygid = td_xmalloc((g->n + 1) * sizeof *bygid);
    for (uint32_t i = 0; i < g->n; i++)
      if (g->recs[i].geonameid) bygid[nbygid++] = &g->recs[i];
    if (nbygid) qsort(bygid, nbygid, sizeof *bygid, cmp_gid);
  }
  int debug = getenv("TD_GEO_DEBUG") != NULL;
  long ngold = 0, npred = 0, tp = 0, tp_exact = 0, within = 0, cgold = 0, cright = 0;
  double errsum = 0;
  size_t ndocs = 0;
  double secs = 0;
  const char *p = all.ptr, *end = all.ptr + all.len - 1;
  while ((p = strstr(p, "<article")) != NULL) {
    const char *aend = strstr(p, "</article>");
    if (!aend) aend = end;
    const char *after = p;
    char *link = xml_field(p, aend, "link", NULL);
    char *text = xml_field(p, aend, "text", &after);
    if (!text) {
      free(link);
      p = aend;
      continue;
    }
    gold_top *gt = NULL;
    size_t ngt = 0, capgt = 0;
    for (const char *q = after; (q = strstr(q, "<toponym>")) && q < aend;) {
      const char *qe = strstr(q, "</toponym>");
      if (!qe || qe > aend) break;
      char *la = xml_field(q, qe, "latitude", NULL), *lo = xml_field(q, qe, "longitude", NULL);
      char *st = xml_field(q, qe, "start", NULL), *en = xml_field(q, qe, "end", NULL);
      char *gi = xml_field(q, qe, "geonamesID", NULL);
      if (la && lo && st && en && *la) {
        TD_GROW(gt, capgt, ngt + 1);
        gt[ngt++] = (gold_top){atol(st), atol(en), atof(la), atof(lo), gi ? atol(gi) : 0};
      }
      free(la), free(lo), free(st), free(en), free(gi);
      q = qe;
    }
    td_input in;
    memset(&in, 0, sizeof in);
    in.id = "geo";
    in.body = text;
    in.body_len = strlen(text);
    in.url = link; /* the source's domain is evidence, as in real use */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    td_doc *doc = td_doc_process((td_engine *)eng, &in);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    secs += (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    char *used = td_xcalloc(ngt + 1, 1);
    for (size_t pi = 0; doc && pi < doc->nplaces; pi++) {
      const td_place *pl = &doc->places[pi];
      for (size_t m = 0; m < pl->nmentions; m++) {
        td_span sp = pl->mentions[m];
        npred++;
        long want = (long)td_doc_cp(doc, sp.start);
        long s = find_near(text, doc->text + sp.start, sp.end - sp.start, want);
        if (s < 0) continue;
        long e = s + cp_of(doc->text + sp.start, sp.end - sp.start);
        long hit = -1;
        for (size_t j = 0; j < ngt; j++)
          if (!used[j] && gt[j].start < e && gt[j].end > s) {
            hit = (long)j;
            if (gt[j].start == s && gt[j].end == e) break;
          }
        if (hit < 0) {
          if (debug)
            fprintf(out, "FP\t%.*s\t%zu\t%ld\n", (int)(sp.end - sp.start), doc->text + sp.start, ndocs, s);
          continue;
        }
        used[hit] = 1;
        tp++;
        if (gt[hit].start == s && gt[hit].end == e) tp_exact++;
        else if (debug) /* found, but not the gold span: predicted, gold start and end */
          fprintf(out, "SPAN\t%.*s\t%zu\t%ld\t%ld\t%ld\n", (int)(sp.end - sp.start), doc->text + sp.start,
                  ndocs, s, gt[hit].start, gt[hit].end);
        double km = td_geo_km(pl->lat, pl->lon, gt[hit].lat, gt[hit].lon);
        errsum += km;
        if (km <= 161) within++;
        else if (debug)
          fprintf(out, "ERR\t%.*s\t%zu\t%ld\t%s %s %s %.0f km\n", (int)(sp.end - sp.start),
                  doc->text + sp.start, ndocs, s, pl->name, pl->country, pl->feature, km);
        if (gt[hit].gid && nbygid) {
          td_gaz_rec key;
          memset(&key, 0, sizeof key);
          key.geonameid = (int32_t)gt[hit].gid;
          const td_gaz_rec *kp = &key;
          const td_gaz_rec **r = bsearch(&kp, bygid, nbygid, sizeof *bygid, cmp_gid);
          if (r) cgold++, cright += strcmp((*r)->cc3, pl->country) == 0;
        }
      }
    }
    for (size_t j = 0; debug && j < ngt; j++)
      if (!used[j]) {
        long b0 = -1, b1 = -1, cp = 0;
        for (long i = 0; text[i]; i++) {
          if (((unsigned char)text[i] & 0xC0) == 0x80) continue;
          if (cp == gt[j].start) b0 = i;
          if (cp == gt[j].end) b1 = i;
          cp++;
        }
        if (b0 >= 0 && b1 > b0) fprintf(out, "FN\t%.*s\t%zu\t%ld\n", (int)(b1 - b0), text + b0, ndocs, gt[j].start);
      }
    ngold += (long)ngt;
    ndocs++;
    free(used);
    td_doc_free(doc);
    free(gt);
    free(text);
    free(link);
    p = aend;
  }
  free(bygid);
  td_buf_free(&all);
  double prec = npred ? (double)tp / (double)npred : 0, rec = ngold ? (double)tp / (double)ngold : 0;
  fprintf(out, "geo on %s: %zu articles, %ld gold toponyms with coordinates, %ld predicted mentions\n",
          xml_file, ndocs, ngold, npred);
  fprintf(out, "toponyms (overlap): precision %.3f  recall %.3f  F1 %.3f\n", prec, rec,
          prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0);
  fprintf(out, "toponyms (exact):   precision %.3f  recall %.3f\n",
          npred ? (double)tp_exact / (double)npred : 0, ngold ? (double)tp_exact / (double)ngold : 0);
  fprintf(out, "resolution on %ld found: accuracy@161km %.3f  mean error %.0f km\n", tp,
          tp ? (double)within / (double)tp : 0, tp ? errsum / (double)tp : 0);
  fprintf(out, "country accuracy %.3f (%ld with a gold GeoNames id in the gazetteer)\n",
          cgold ? (double)cright / (double)cgold : 0, cgold);
  fprintf(out, "pipeline time %.2f s (%.1f ms per article)\n", secs, ndocs ? 1000 * secs / (double)ndocs : 0);
  return 0;
}
