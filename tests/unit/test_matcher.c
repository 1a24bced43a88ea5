/* test_matcher.c — the shared dictionary matcher: longest match, case
 * rules, lemma entries, class filters, compiled images and TSV folders. */
#include "unit.h"
#include "lang/matcher.h"

#include <ctype.h>
#include <stdlib.h>
#include <unistd.h>

/* A one-sentence document tokenized at spaces and around . , ' */
static td_doc *mkdoc(const char *text) {
  td_doc *d = calloc(1, sizeof *d);
  td_arena_init(&d->arena);
  d->text = td_arena_strdup(&d->arena, text);
  d->len = strlen(text);
  uint32_t i = 0, n = (uint32_t)d->len;
  while (i < n) {
    if (text[i] == ' ') { i++; continue; }
    uint32_t s = i;
    if (strchr(".,", text[i])) i++;
    else while (i < n && text[i] != ' ' && !strchr(".,", text[i])) i++;
    TD_AGROW(&d->arena, d->toks, d->cap_toks, d->ntoks + 1);
    td_tok *t = &d->toks[d->ntoks++];
    memset(t, 0, sizeof *t);
    t->start = s, t->end = i;
    char *low = td_arena_strndup(&d->arena, text + s, i - s);
    for (char *p = low; *p; p++) *p = (char)tolower((unsigned char)*p);
    t->norm = low;
  }
  TD_AGROW(&d->arena, d->sents, d->cap_sents, 1);
  d->sents[0] = (td_sent){0, (uint32_t)d->len, 0, (uint32_t)d->ntoks};
  d->nsents = 1;
  return d;
}

static void freedoc(td_doc *d) {
  td_arena_release(&d->arena);
  free(d);
}

typedef struct {
  char out[1024];
} collect;

static int collect_cb(void *ctx, const td_match *m) {
  collect *c = ctx;
  size_t n = strlen(c->out);
  snprintf(c->out + n, sizeof c->out - n, "[%u,%u %s %s]", m->tok0, m->tok1, m->cls,
           m->payload);
  return 0;
}

/* A dictionary over one compiled image; *img is freed by the caller. */
static int collect_cb_count(void *ctx, const td_match *m) {
  (void)m;
  ++*(size_t *)ctx;
  return 0;
}

static td_dict *mkdict(void **img) {
  td_dictb *b = td_dictb_new();
  td_dictb_add(b, "north korea", "country", "PRK", 0);
  td_dictb_add(b, "north korean", "country.adj", "PRK", 0);
  td_dictb_add(b, "korea", "country", "KOR", 0);
  td_dictb_add(b, "US", "country", "USA", TD_DICT_CASE);
  td_dictb_add(b, "Kim Jong-un", "person", "kim-jong-un", 0);
  td_dictb_add(b, "troops", "sector", "MIL", 0);
  td_dictb_add(b, "test-fire", "verb", "fire", TD_DICT_LEMMA);
  td_dictb_add(b, "georgia", "country", "GEO", 0);
  td_dictb_add(b, "georgia", "place", "US-GA", 0);
  td_dictb_add(b, "georgia", "place", "US-GA", 0); /* duplicate, dropped */
  td_dictb_add(b, "Kim Jong Un regime", "place", "odd", 0);
  td_dictb_add(b, "N. Korea", "country", "PRK", 0);
  size_t len;
  *img = td_dictb_finish(b, &len);
  td_dict *d = td_dict_new();
  if (td_dict_add_image(d, *img, len) != 0) {
    td_dict_free(d);
    return NULL;
  }
  return d;
}

TD_TEST(matcher_longest) {
  void *img;
  td_dict *d = mkdict(&img);
  CHECK(d != NULL);
  td_doc *doc = mkdoc("North Korean troops went to North Korea and N. Korea");
  collect c = {""};
  td_match_sentence(d, doc, 0, NULL, collect_cb, &c);
  CHECK_STR(c.out, "[0,2 country.adj PRK][2,3 sector MIL][5,7 country PRK][8,11 country PRK]");
  freedoc(doc);
  td_dict_free(d);
  free(img);
}

TD_TEST(matcher_case_and_hyphens) {
  void *img;
  td_dict *d = mkdict(&img);
  td_doc *doc = mkdoc("The US told us that Kim Jong Un and KIM JONG-UN met");
  collect c = {""};
  td_match_sentence(d, doc, 0, NULL, collect_cb, &c);
  CHECK_STR(c.out, "[1,2 country USA][5,8 person kim-jong-un][9,11 person kim-jong-un]");
  freedoc(doc);
  td_dict_free(d);
  free(img);
}

TD_TEST(matcher_classes_and_lemmas) {
  void *img;
  td_dict *d = mkdict(&img);
  td_doc *doc = mkdoc("Georgia test-fired the Kim Jong Un regime");
  doc->toks[1].lemma = "test-fire";
  collect c = {""};
  td_match_sentence(d, doc, 0, NULL, collect_cb, &c);
  CHECK_STR(c.out, "[0,1 country GEO][0,1 place US-GA][1,2 verb fire][3,7 place odd]");
  const char *const only_people[] = {"person", "country", NULL};
  c.out[0] = 0;
  td_match_sentence(d, doc, 0, only_people, collect_cb, &c);
  CHECK_STR(c.out, "[0,1 country GEO][3,6 person kim-jong-un]");
  c.out[0] = 0;
  td_dict_lookup(d, "North  Korean", NULL, collect_cb, &c);
  CHECK_STR(c.out, "[0,0 country.adj PRK]");
  /* lemma entries are looked up apart: by td_dict_lookup_lemmas only */
  c.out[0] = 0;
  td_dict_lookup(d, "test fire", NULL, collect_cb, &c);
  CHECK_STR(c.out, "");
  td_dict_lookup_lemmas(d, "Test-fire", NULL, collect_cb, &c);
  CHECK_STR(c.out, "[0,0 verb fire]");
  c.out[0] = 0;
  td_dict_lookup_lemmas(d, "north korea", NULL, collect_cb, &c);
  CHECK_STR(c.out, "");
  freedoc(doc);
  td_dict_free(d);
  free(img);
}

TD_TEST(matcher_tsv_dir) {
  char dir[] = "/tmp/td_matcher_XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char path[256];
  snprintf(path, sizeof path, "%s/mine.tsv", dir);
  FILE *f = fopen(path, "w");
  fputs("# my dictionary\nnorth korea\tcountry\tPRK\nROK\tcountry\tKOR\tcase\n", f);
  fclose(f);
  td_dict *d = td_dict_new();
  char err[256] = "";
  CHECK(td_dict_add_dir(d, dir, err, sizeof err) == 0);
  CHECK(td_dict_size(d) == 2);
  td_doc *doc = mkdoc("ROK and rok and North Korea");
  collect c = {""};
  td_match_sentence(d, doc, 0, NULL, collect_cb, &c);
  CHECK_STR(c.out, "[0,1 country KOR][4,6 country PRK]");
  freedoc(doc);
  td_dict_free(d);
  f = fopen(path, "w");
  fputs("no class here\n", f);
  fclose(f);
  d = td_dict_new();
  CHECK(td_dict_add_dir(d, dir, err, sizeof err) == -1);
  CHECK(strstr(err, "mine.tsv:1") != NULL);
  td_dict_free(d);
  unlink(path);
  rmdir(dir);
}

TD_TEST(matcher_long_sentence_linear) {
  void *img;
  td_dict *d = mkdict(&img);
  td_buf b = TD_BUF_INIT;
  for (int i = 0; i < 20000; i++) td_buf_puts(&b, "north korea north ");
  td_doc *doc = mkdoc(b.ptr);
  size_t n = 0;
  collect c = {""};
  (void)c;
  td_match_sentence(d, doc, 0, NULL, collect_cb_count, &n);
  CHECK(n == 20000);
  freedoc(doc);
  td_buf_free(&b);
  td_dict_free(d);
  free(img);
}

TD_TEST(matcher_separators_and_possessives) {
  td_dictb *b = td_dictb_new();
  td_dictb_add(b, "Togo", "country", "TGO", 0);
  td_dictb_add(b, "north korea", "country", "PRK", 0);
  td_dictb_add(b, "U.S.", "country", "USA", 0);
  size_t len;
  void *img = td_dictb_finish(b, &len);
  td_dict *d = td_dict_new();
  CHECK(td_dict_add_image(d, img, len) == 0);
  /* "to go" is two words, "Togo" one; "North Korea's" ends in a possessive */
  td_doc *doc = mkdoc("we want to go to Togo and North Korea's U.S");
  collect c = {""};
  td_match_sentence(d, doc, 0, NULL, collect_cb, &c);
  CHECK_STR(c.out, "[5,6 country TGO][7,9 country PRK]");
  freedoc(doc);
  doc = mkdoc("the U.S. and north-korea");
  c.out[0] = 0;
  td_match_sentence(d, doc, 0, NULL, collect_cb, &c);
  CHECK_STR(c.out, "[1,5 country USA][6,7 country PRK]"); /* U . S . split */
  freedoc(doc);
  td_dict_free(d);
  free(img);
}

/* One dictionary entry of a test's own dictionary. */
typedef struct {
  const char *key, *cls, *payload;
  int flags;
} entry;

/* Builds a dictionary of the n entries e, matches text's sentence with the
 * cached matcher and the direct one, and checks both give want. */
static void match_both(int *td_failed_, const entry *e, size_t n, const char *text, const char *want) {
  td_dictb *b = td_dictb_new();
  for (size_t i = 0; i < n; i++) td_dictb_add(b, e[i].key, e[i].cls, e[i].payload, e[i].flags);
  size_t len;
  void *img = td_dictb_finish(b, &len);
  td_dict *d = td_dict_new();
  CHECK(td_dict_add_image(d, img, len) == 0);
  td_doc *doc = mkdoc(text);
  collect c = {""}, r = {""};
  td_match_sentence(d, doc, 0, NULL, collect_cb, &c);
  CHECK_STR(c.out, want);
  td_match_range_direct(d, doc, 0, (uint32_t)doc->ntoks, NULL, collect_cb, &r);
  CHECK_STR(c.out, r.out);
  freedoc(doc);
  td_dict_free(d);
  free(img);
}

/* A possessive glued to an all-capital name ("the USA's") is looked up
 * without its 's in every case mode: a lowercase key of the same letters
 * ("usa", a town) found so does not hide the exact-case one ("USA"); a
 * key that matches whole, 's and all, still wins over both. */
TD_TEST(matcher_possessive_every_mode) {
  static const entry e[] = {{"usa", "place", "town", 0},          {"USA", "place", "country", TD_DICT_CASE},
                            {"St John's", "place", "city", 0},    {"St John", "place", "saint", 0},
                            {"ST JOHN", "place", "shout", TD_DICT_CASE}};
  match_both(td_failed_, e, sizeof e / sizeof *e, "the USA's economy and the usa's and ST JOHN's",
             "[1,2 place town][1,2 place country][5,6 place town][7,9 place city]");
}

/* Exact-case keys that begin in lowercase ("al-Assad", "de Gaulle") or whose
 * prefix is one byte ("e" of "e.V"): the cached matcher probes exact case
 * only for keys whose first two bytes begin such a key (issue 11), and must
 * still find them; a lowercase "al assad" is not an exact-case match. */
TD_TEST(matcher_case_keys_lowercase_start) {
  static const entry e[] = {{"al-Assad", "person", "SYR", TD_DICT_CASE},
                            {"de Gaulle", "person", "FRA", TD_DICT_CASE},
                            {"e.V", "org", "EV", TD_DICT_CASE},
                            {"US", "country", "USA", TD_DICT_CASE}};
  match_both(td_failed_, e, sizeof e / sizeof *e, "al Assad met de Gaulle of the e.V in the US not us or al assad",
             "[0,2 person SYR][3,5 person FRA][7,10 org EV][12,13 country USA]");
}
