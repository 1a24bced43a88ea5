/* test_matcher_cache.c — the cached matcher (per-document enumeration,
 * class ids, the gate, skipped exact-case probes; issue 11) gives exactly what the direct matcher
 * gives: random dictionaries (lowercase, case and lemma entries, several
 * tables, possessives, punctuation, non-ASCII) over random token streams,
 * matched with several filters and ranges, in random order, on the same
 * document, with lemmas changed between rounds. */
#include "unit.h"
#include "lang/matcher.h"
#include "testdoc.h"

#include <stdlib.h>

static uint32_t rnd(uint32_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 17;
  *s ^= *s << 5;
  return *s;
}

static const char *const words[] = {
    "north", "North", "korea", "Korea", "korea's", "Korea's", "the", "The", "US", "us",
    "U.S", ".", "New", "new", "york", "York", "san", "jose", "José", "JOSÉ", "-", "kim",
    "Jong", "un", "test", "fire", "fired", "'s", "Ørsted", "e.g", ",", "ROK", "of", "bank"};
#define NWORDS (sizeof words / sizeof words[0])
static const char *const classes[] = {"country", "country.adj", "person", "place", "verb",
                                      "org", "sector"};

typedef struct {
  char out[8192];
} rec;

static int rec_cb(void *ctx, const td_match *m) {
  rec *r = ctx;
  size_t n = strlen(r->out);
  if (n + 200 < sizeof r->out)
    snprintf(r->out + n, sizeof r->out - n, "[%u,%u %s %s %s %u]", m->tok0, m->tok1, m->key,
             m->cls, m->payload, m->flags);
  return 0;
}

typedef struct {
  rec r;
  int left;
} stopper;

static int stop_cb(void *ctx, const td_match *m) {
  stopper *s = ctx;
  rec_cb(&s->r, m);
  return --s->left <= 0;
}

/* A random phrase of 1-3 words. */
static void phrase(uint32_t *s, char *buf, size_t cap) {
  int n = 1 + (int)(rnd(s) % 3);
  buf[0] = 0;
  for (int k = 0; k < n; k++) {
    size_t l = strlen(buf);
    snprintf(buf + l, cap - l, "%s%s", k ? (rnd(s) % 4 ? " " : "-") : "", words[rnd(s) % NWORDS]);
  }
}

static td_dict *random_dict(uint32_t *s, void **imgs, int *nimg) {
  td_dict *d = td_dict_new();
  int ntab = 1 + (int)(rnd(s) % 2);
  for (int t = 0; t < ntab; t++) {
    td_dictb *b = td_dictb_new();
    int n = 5 + (int)(rnd(s) % 40);
    int capitals = rnd(s) % 2; /* case keys all capitals: the matcher skips probes */
    for (int k = 0; k < n; k++) {
      char p[128];
      phrase(s, p, sizeof p);
      unsigned fl = rnd(s) % 3 == 0 ? TD_DICT_CASE : rnd(s) % 4 == 0 ? TD_DICT_LEMMA : 0;
      if (fl == TD_DICT_CASE && capitals)
        for (char *q = p; *q; q++) *q = (char)((unsigned)(*q - 'a') < 26u ? *q - 32 : *q);
      char pay[16];
      snprintf(pay, sizeof pay, "P%u", rnd(s) % 5);
      td_dictb_add(b, p, classes[rnd(s) % 7], pay, fl);
    }
    size_t len;
    imgs[*nimg] = td_dictb_finish(b, &len);
    td_dict_add_image(d, imgs[*nimg], len);
    (*nimg)++;
  }
  return d;
}

/* Random words, each one token (so "korea's" and "U.S" are single
 * tokens, as a tokenizer may leave them), glued or spaced; half the time
 * re-tokenized at spaces and punctuation instead. */
static td_doc *random_doc(uint32_t *s) {
  char text[2048] = "";
  uint32_t span[64][2];
  int n = 3 + (int)(rnd(s) % 40);
  for (int k = 0; k < n; k++) {
    size_t l = strlen(text);
    if (k && rnd(s) % 5) text[l++] = ' ', text[l] = 0;
    span[k][0] = (uint32_t)l;
    snprintf(text + l, sizeof text - l, "%s", words[rnd(s) % NWORDS]);
    span[k][1] = (uint32_t)strlen(text);
  }
  td_doc *doc;
  if (rnd(s) % 2) {
    doc = td_testdoc_words(text);
  } else {
    doc = td_testdoc_text(text);
    for (int k = 0; k < n; k++) {
      TD_AGROW(&doc->arena, doc->toks, doc->cap_toks, doc->ntoks + 1);
      td_tok *t = &doc->toks[doc->ntoks++];
      memset(t, 0, sizeof *t);
      t->start = span[k][0], t->end = span[k][1], t->head = -2;
      t->norm = td_arena_strndup(&doc->arena, text + t->start, t->end - t->start);
    }
    doc->sents[0].tok0 = 0, doc->sents[0].ntok = (uint32_t)doc->ntoks;
  }
  /* two sentences, to test ranges across them */
  if (doc->ntoks > 4) {
    TD_AGROW(&doc->arena, doc->sents, doc->cap_sents, 2);
    uint32_t cut = (uint32_t)(doc->ntoks / 2);
    doc->sents[0].ntok = cut;
    doc->sents[1] = (td_sent){doc->toks[cut].start, (uint32_t)doc->len, cut,
                              (uint32_t)doc->ntoks - cut};
    doc->nsents = 2;
    for (uint32_t k = cut; k < doc->ntoks; k++) doc->toks[k].sent = 1;
  }
  return doc;
}

static void random_lemmas(uint32_t *s, td_doc *doc) {
  static const char *const lemmas[] = {"fire", "test", "korea", "be", NULL};
  for (size_t k = 0; k < doc->ntoks; k++)
    doc->toks[k].lemma = rnd(s) % 3 == 0 ? lemmas[rnd(s) % 5] : NULL;
}

TD_TEST(matcher_cache_same_as_direct) {
  uint32_t seed = 12345;
  int bad = 0;
  for (int round = 0; round < 3000 && bad < 5; round++) {
    void *imgs[4];
    int nimg = 0;
    td_dict *d = random_dict(&seed, imgs, &nimg);
    td_dict *d2 = random_dict(&seed, imgs, &nimg); /* two dictionaries on one document */
    td_doc *doc = random_doc(&seed);
    if (rnd(&seed) % 2) random_lemmas(&seed, doc);
    for (int q = 0; q < 12; q++) {
      if (q == 6 && rnd(&seed) % 2) random_lemmas(&seed, doc); /* tokens change */
      const td_dict *dd = rnd(&seed) % 3 ? d : d2;
      const char *filt[4] = {NULL, NULL, NULL, NULL};
      int nf = (int)(rnd(&seed) % 4);
      char own[16];
      for (int k = 0; k < nf; k++) filt[k] = classes[rnd(&seed) % 7];
      if (nf && rnd(&seed) % 4 == 0) { /* a filter in a reused buffer */
        snprintf(own, sizeof own, "%s", classes[rnd(&seed) % 7]);
        filt[0] = own;
      }
      const char *const *cl = nf ? filt : NULL;
      uint32_t a = doc->ntoks ? rnd(&seed) % (uint32_t)doc->ntoks : 0;
      uint32_t b = a + rnd(&seed) % ((uint32_t)doc->ntoks - a + 2);
      if (rnd(&seed) % 2) a = 0, b = (uint32_t)doc->ntoks;
      rec r1 = {""}, r2 = {""};
      td_match_range_direct(dd, doc, a, b, cl, rec_cb, &r1);
      td_match_range(dd, doc, a, b, cl, rec_cb, &r2);
      if (strcmp(r1.out, r2.out) != 0) {
        fprintf(stderr, "  round %d query %d [%u,%u): direct %s\n  cached %s\n  text: %s\n",
                round, q, a, b, r1.out, r2.out, doc->text);
        bad++;
      }
      stopper s1 = {{""}, 1 + (int)(rnd(&seed) % 3)}, s2 = s1;
      int x1 = td_match_range_direct(dd, doc, a, b, cl, stop_cb, &s1);
      int x2 = td_match_range(dd, doc, a, b, cl, stop_cb, &s2);
      if (x1 != x2 || strcmp(s1.r.out, s2.r.out) != 0) bad++;
    }
    td_testdoc_free(doc);
    td_dict_free(d);
    td_dict_free(d2);
    for (int k = 0; k < nimg; k++) free(imgs[k]);
  }
  CHECK(bad == 0);
}

/* Class filters are answered through interned ids: "country" accepts
 * "country.adj" but not "countryside"; a filter seen before is reused even
 * when it lives in another buffer. */
TD_TEST(matcher_cache_class_ids) {
  td_dictb *b = td_dictb_new();
  td_dictb_add(b, "georgia", "country", "GEO", 0);
  td_dictb_add(b, "georgian", "country.adj", "GEO", 0);
  td_dictb_add(b, "fields", "countryside", "x", 0);
  size_t len;
  void *img = td_dictb_finish(b, &len);
  td_dict *d = td_dict_new();
  CHECK(td_dict_add_image(d, img, len) == 0);
  td_doc *doc = td_testdoc_words("Georgian fields of Georgia");
  char name[16] = "country";
  const char *const filt[] = {name, NULL};
  rec r = {""};
  td_match_sentence(d, doc, 0, filt, rec_cb, &r);
  CHECK_STR(r.out, "[0,1 georgian country.adj GEO 0][3,4 georgia country GEO 0]");
  snprintf(name, sizeof name, "countryside");
  r.out[0] = 0;
  td_match_sentence(d, doc, 0, filt, rec_cb, &r);
  CHECK_STR(r.out, "[1,2 fields countryside x 0]");
  td_testdoc_free(doc);
  td_dict_free(d);
  free(img);
}

/* An old TDDICT02 image (a 32-byte header, nothing after the pool) still
 * loads, deriving the tags, classes and gate, and matches the same. */
TD_TEST(matcher_cache_old_images) {
  uint32_t seed = 777;
  for (int round = 0; round < 200; round++) {
    void *imgs[2];
    int nimg = 0;
    td_dict *d3 = random_dict(&seed, imgs, &nimg);
    td_dict_free(d3);
    td_dict *d2 = td_dict_new(), *d3b = td_dict_new();
    unsigned char *v3 = imgs[0];
    uint32_t h[12]; /* nslots nentries maxkey pool npslots 0 ncls glines modes x 3 flags */
    memcpy(h, v3 + 8, sizeof h);
    size_t body = (size_t)h[0] * 16 + (size_t)h[4] * 8 + (size_t)h[1] * 16 + h[3];
    size_t len3 = (64 + body + 7) / 8 * 8 + (size_t)h[7] * 64 + (size_t)h[6] * 4 +
                  (size_t)h[1] * 4 + h[0] + h[4];
    if (h[11] & 1) len3 = (len3 + 7) / 8 * 8 + 8192; /* the exact-case bits */
    CHECK(td_dict_add_image(d3b, v3, len3) == 0);
    td_dict *dshort = td_dict_new(); /* one byte short: refused */
    CHECK(td_dict_add_image(dshort, v3, len3 - 1) == -1);
    td_dict_free(dshort);
    unsigned char *v2 = malloc(32 + body);
    memcpy(v2, "TDDICT02", 8);
    memcpy(v2 + 8, h, 24);
    memcpy(v2 + 32, v3 + 64, body);
    CHECK(td_dict_add_image(d2, v2, 32 + body) == 0);
    td_doc *doc = random_doc(&seed);
    random_lemmas(&seed, doc);
    const char *const filt[] = {"country", "person", NULL};
    rec r1 = {""}, r2 = {""}, r3 = {""};
    td_match_range_direct(d2, doc, 0, (uint32_t)doc->ntoks, filt, rec_cb, &r1);
    td_match_range(d2, doc, 0, (uint32_t)doc->ntoks, filt, rec_cb, &r2);
    td_match_range(d3b, doc, 0, (uint32_t)doc->ntoks, filt, rec_cb, &r3);
    CHECK_STR(r2.out, r1.out);
    CHECK_STR(r3.out, r1.out);
    td_testdoc_free(doc);
    td_dict_free(d2);
    td_dict_free(d3b);
    free(v2);
    for (int k = 0; k < nimg; k++) free(imgs[k]);
  }
}

/* Keeps the records of the matches that start before `slim`. */
typedef struct {
  rec r;
  uint32_t slim, tok; /* tok: only matches starting there (UINT32_MAX: any) */
  uint32_t end;
} cut;

static int cut_cb(void *ctx, const td_match *m) {
  cut *c = ctx;
  if (m->tok0 >= c->slim || (c->tok != UINT32_MAX && m->tok0 != c->tok)) return 0;
  c->end = m->tok1;
  return rec_cb(&c->r, m);
}

/* One random case of the tests below: a dictionary (its images in imgs)
 * and a document, half the time with lemmas. */
typedef struct {
  td_dict *d;
  td_doc *doc;
  void *imgs[4];
  int nimg;
} rcase;

static void rcase_make(rcase *c, uint32_t *seed) {
  c->nimg = 0;
  c->d = random_dict(seed, c->imgs, &c->nimg);
  c->doc = random_doc(seed);
  if (rnd(seed) % 2) random_lemmas(seed, c->doc);
}

/* A class filter for one query: half the time none, else one class. */
static const char *const *rcase_filter(uint32_t *seed, const char *filt[2]) {
  filt[0] = rnd(seed) % 2 ? classes[rnd(seed) % 7] : NULL;
  filt[1] = NULL;
  return filt[0] ? filt : NULL;
}

static void rcase_free(rcase *c) {
  td_testdoc_free(c->doc);
  td_dict_free(c->d);
  for (int k = 0; k < c->nimg; k++) free(c->imgs[k]);
}

/* One query of a randomized test over the case's dictionary d and
 * document doc with class filter cl (its own draws from seed): the
 * failures it found. */
typedef int (*rcase_query)(td_dict *d, td_doc *doc, const char *const *cl, uint32_t *seed);

/* Runs up to `rounds` random cases (rcase_make) of nq queries each, a
 * class filter drawn for each query (rcase_filter) before the query's own
 * draws, and stops after the round in which failures reach 5: the
 * failures. */
static int rcase_rounds(uint32_t seed, int rounds, int nq, rcase_query query) {
  int bad = 0;
  for (int round = 0; round < rounds && bad < 5; round++) {
    rcase rc;
    rcase_make(&rc, &seed);
    for (int q = 0; q < nq; q++) {
      const char *filt[2];
      const char *const *cl = rcase_filter(&seed, filt);
      bad += query(rc.d, rc.doc, cl, &seed);
    }
    rcase_free(&rc);
  }
  return bad;
}

static int starts_and_at_query(td_dict *d, td_doc *doc, const char *const *cl, uint32_t *seed) {
  int bad = 0;
  uint32_t n = (uint32_t)doc->ntoks;
  uint32_t a = n ? rnd(seed) % n : 0;
  uint32_t b = a + rnd(seed) % (n - a + 1);
  uint32_t slim = a + rnd(seed) % (b - a + 2);
  cut c1 = {{""}, slim, UINT32_MAX, 0}, c2 = {{""}, UINT32_MAX, UINT32_MAX, 0};
  td_match_range_direct(d, doc, a, b, cl, cut_cb, &c1);
  td_match_starts(d, doc, a, slim, b, cl, cut_cb, &c2);
  if (strcmp(c1.r.out, c2.r.out) != 0) {
    fprintf(stderr, "  starts [%u,%u) slim %u: direct %s\n  starts %s\n", a, b, slim, c1.r.out,
            c2.r.out);
    bad++;
  }
  cut a1 = {{""}, UINT32_MAX, a, 0}, a2 = {{""}, UINT32_MAX, UINT32_MAX, 0};
  td_match_range_direct(d, doc, a, b, cl, cut_cb, &a1);
  uint32_t e = td_match_at(d, doc, a, b, cl, cut_cb, &a2);
  if (strcmp(a1.r.out, a2.r.out) != 0 || e != a1.end) {
    fprintf(stderr, "  at %u (to %u): direct %s end %u\n  at %s end %u\n", a, b, a1.r.out,
            a1.end, a2.r.out, e);
    bad++;
  }
  return bad;
}

/* td_match_starts(tok0, slim, tok1) is the direct walk over [tok0, tok1)
 * with the matches starting at or after slim left out, and td_match_at(i,
 * tok1) is the direct walk's first match over [i, tok1) when it starts at
 * i (issue 11: places walks the gazetteer this way). */
TD_TEST(matcher_starts_and_at_same_as_direct) {
  CHECK(rcase_rounds(777, 1500, 8, starts_and_at_query) == 0);
}

static int sentences_query(td_dict *d, td_doc *doc, const char *const *cl, uint32_t *seed) {
  int bad = 0;
  rec r1 = {""}, r2 = {""};
  for (size_t si = 0; si < doc->nsents; si++) {
    const td_sent *se = &doc->sents[si];
    td_match_range_direct(d, doc, se->tok0, se->tok0 + se->ntok, cl, rec_cb, &r1);
  }
  td_match_sentences(d, doc, cl, rec_cb, &r2);
  if (strcmp(r1.out, r2.out) != 0) {
    fprintf(stderr, "  sentences: each %s\n  all %s\n  text: %s\n", r1.out, r2.out, doc->text);
    bad++;
  }
  stopper s1 = {{""}, 1 + (int)(rnd(seed) % 4)}, s2 = s1;
  int x1 = 0;
  for (size_t si = 0; si < doc->nsents && !x1; si++)
    x1 = td_match_sentence(d, doc, si, cl, stop_cb, &s1);
  int x2 = td_match_sentences(d, doc, cl, stop_cb, &s2);
  if (x1 != x2 || strcmp(s1.r.out, s2.r.out) != 0) bad++;
  return bad;
}

/* td_match_sentences gives what td_match_sentence on each sentence in turn
 * gives (the direct matcher's matches), stops where it would, and leaves
 * the cache as good for the next caller. */
TD_TEST(matcher_sentences_same_as_each) {
  CHECK(rcase_rounds(4242, 1500, 4, sentences_query) == 0);
}

/* A table of 1 MB or more (the gazetteer's size): its matches are those of
 * the image, the cached matcher's those of the direct one, and a big table
 * beside a small one keeps each table's entries. */
TD_TEST(matcher_big_table) {
  td_dictb *b = td_dictb_new();
  char p[64], pay[16];
  for (int k = 0; k < 60000; k++) {
    snprintf(p, sizeof p, "town %d", k);
    snprintf(pay, sizeof pay, "%d", k);
    td_dictb_add(b, p, "place", pay, 0);
  }
  td_dictb_add(b, "new york", "place", "NY", 0);
  td_dictb_add(b, "US", "place", "USA", TD_DICT_CASE);
  size_t len;
  void *img = td_dictb_finish(b, &len);
  CHECK(len >= (size_t)1 << 20);
  td_dictb *b2 = td_dictb_new();
  td_dictb_add(b2, "york", "person", "Y", 0);
  size_t len2;
  void *img2 = td_dictb_finish(b2, &len2);
  td_dict *d = td_dict_new();
  CHECK(td_dict_add_image(d, img, len) == 0);
  CHECK(td_dict_add_image(d, img2, len2) == 0);
  CHECK(td_dict_size(d) == 60003);
  td_doc *doc = td_testdoc_words("From New York to Town 59999 , the US and us , york");
  rec r1 = {""}, r2 = {""};
  td_match_range_direct(d, doc, 0, (uint32_t)doc->ntoks, NULL, rec_cb, &r1);
  td_match_range(d, doc, 0, (uint32_t)doc->ntoks, NULL, rec_cb, &r2);
  CHECK_STR(r2.out, "[1,3 new york place NY 0][4,6 town 59999 place 59999 0]"
                    "[8,9 US place USA 1][12,13 york person Y 0]");
  CHECK_STR(r1.out, r2.out);
  rec r3 = {""};
  td_dict_lookup(d, "Town 123", NULL, rec_cb, &r3);
  CHECK_STR(r3.out, "[0,0 town 123 place 123 0]");
  td_testdoc_free(doc);
  td_dict_free(d);
  free(img);
  free(img2);
}

/* A callback may change the tokens (their lemmas in place, or the whole
 * array): the cached matcher then reads what the direct matcher reads. */
typedef struct {
  rec r;
  td_doc *doc;
  int mode, done;
} changer;

static int change_cb(void *ctx, const td_match *m) {
  changer *c = ctx;
  rec_cb(&c->r, m);
  if (c->done++) return 0;
  td_doc *doc = c->doc;
  if (c->mode == 0) {
    for (size_t k = m->tok1; k < doc->ntoks; k++) doc->toks[k].lemma = "fire";
  } else { /* a new array (the matcher's cache is for the old one), lemmas changed */
    td_tok *t = td_arena_alloc(&doc->arena, doc->ntoks * sizeof *t);
    memcpy(t, doc->toks, doc->ntoks * sizeof *t);
    for (size_t k = m->tok1; k < doc->ntoks; k++) t[k].lemma = "fire";
    doc->toks = t;
    doc->cap_toks = doc->ntoks;
  }
  return 0;
}

TD_TEST(matcher_cache_tokens_changed_by_callback) {
  td_dictb *b = td_dictb_new();
  td_dictb_add(b, "north korea", "country", "PRK", 0);
  td_dictb_add(b, "fire", "verb", "F", TD_DICT_LEMMA);
  td_dictb_add(b, "test", "verb", "T", 0);
  td_dictb_add(b, "york", "place", "Y", 0);
  size_t len;
  void *img = td_dictb_finish(b, &len);
  td_dict *d = td_dict_new();
  CHECK(td_dict_add_image(d, img, len) == 0);
  for (int mode = 0; mode < 2; mode++) {
    const char *text = "North Korea said the test of a new york test bank test york";
    td_doc *d1 = td_testdoc_words(text), *d2 = td_testdoc_words(text);
    changer c1 = {{""}, d1, mode, 0}, c2 = {{""}, d2, mode, 0};
    td_match_range_direct(d, d1, 0, (uint32_t)d1->ntoks, NULL, change_cb, &c1);
    rec warm = {""}; /* d2's cache made before the change */
    td_match_range(d, d2, 0, (uint32_t)d2->ntoks, NULL, rec_cb, &warm);
    td_match_range(d, d2, 0, (uint32_t)d2->ntoks, NULL, change_cb, &c2);
    CHECK_STR(c2.r.out, c1.r.out);
    rec a1 = {""}, a2 = {""}; /* and afterwards */
    td_match_range_direct(d, d1, 0, (uint32_t)d1->ntoks, NULL, rec_cb, &a1);
    td_match_range(d, d2, 0, (uint32_t)d2->ntoks, NULL, rec_cb, &a2);
    CHECK_STR(a2.out, a1.out);
    td_testdoc_free(d1);
    td_testdoc_free(d2);
  }
  td_dict_free(d);
  free(img);
}

/* More dictionaries on one document than it keeps caches for, asked in
 * turn and at random through td_match_at: each answer is the direct
 * walk's, whether the dictionary's cache is the one found last, another
 * one kept, or one reclaimed for it. */
TD_TEST(matcher_at_many_dicts_same_as_direct) {
  uint32_t seed = 9090;
  int bad = 0;
  for (int round = 0; round < 300 && bad < 5; round++) {
    enum { ND = 6 };
    void *imgs[4 * ND];
    int nimg = 0;
    td_dict *ds[ND];
    for (int k = 0; k < ND; k++) ds[k] = random_dict(&seed, imgs, &nimg);
    td_doc *doc = random_doc(&seed);
    if (rnd(&seed) % 2) random_lemmas(&seed, doc);
    uint32_t n = (uint32_t)doc->ntoks;
    for (int q = 0; q < 40 && n; q++) {
      td_dict *d = ds[q < 20 ? (uint32_t)(q % ND) : rnd(&seed) % ND];
      const char *filt[2];
      const char *const *cl = rcase_filter(&seed, filt);
      uint32_t a = rnd(&seed) % n, b = a + rnd(&seed) % (n - a + 1);
      cut a1 = {{""}, UINT32_MAX, a, 0}, a2 = {{""}, UINT32_MAX, UINT32_MAX, 0};
      td_match_range_direct(d, doc, a, b, cl, cut_cb, &a1);
      uint32_t e = td_match_at(d, doc, a, b, cl, cut_cb, &a2);
      if (strcmp(a1.r.out, a2.r.out) != 0 || e != a1.end) bad++;
    }
    td_testdoc_free(doc);
    for (int k = 0; k < ND; k++) td_dict_free(ds[k]);
    for (int k = 0; k < nimg; k++) free(imgs[k]);
  }
  CHECK(bad == 0);
}
