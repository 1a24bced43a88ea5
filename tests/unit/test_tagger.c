/* test_tagger.c — the POS tagger: tags of a news sentence through the
 * pipeline, the model image checks (truncated or corrupt models are
 * refused), load time, accuracy on the EWT dev set when ../shared is
 * there, td_tag against the plain feature-by-feature tagger
 * (td_tg_tag_reference), and the shared word-type table of the image
 * (every entry what tagging would make). */
#include "unit.h"
#include "lang/lang.h"
#include "lang/train.h"

#include <stdlib.h>
#include <time.h>

static td_engine *tagger_engine(void) {
  char err[512];
  td_config cfg;
  memset(&cfg, 0, sizeof cfg);
  td_engine *eng = td_engine_new(&cfg, err, sizeof err);
  if (!eng) fprintf(stderr, "  tagger: no engine: %s\n", err);
  return eng;
}

/* "form/XPOS/UPOS ..." of every token of the document (static buffer). */
static const char *tagged(td_engine *eng, const char *text) {
  static char out[2048];
  td_input in;
  memset(&in, 0, sizeof in);
  in.id = "t";
  in.body = (char *)text;
  in.body_len = strlen(text);
  td_doc *d = td_doc_process(eng, &in);
  out[0] = 0;
  for (size_t i = 0; d && i < d->ntoks; i++) {
    const td_tok *t = &d->toks[i];
    size_t k = strlen(out);
    snprintf(out + k, sizeof out - k, "%s%.*s/%s/%s", i ? " " : "",
             (int)(t->end - t->start), d->text + t->start, td_xpos_names[t->xpos],
             td_upos_names[t->upos]);
  }
  td_doc_free(d);
  return out;
}

TD_TEST(tagger_news_sentence) {
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK(eng->tagger != NULL);
  CHECK_STR(tagged(eng, "Israel condemned the attacks on Monday."),
            "Israel/NNP/PROPN condemned/VBD/VERB the/DT/DET attacks/NNS/NOUN "
            "on/IN/ADP Monday/NNP/PROPN ././PUNCT");
  CHECK_STR(tagged(eng, "Protesters gathered outside the embassy, chanting slogans."),
            "Protesters/NNS/NOUN gathered/VBD/VERB outside/IN/ADP the/DT/DET "
            "embassy/NN/NOUN ,/,/PUNCT chanting/VBG/VERB slogans/NNS/NOUN ././PUNCT");
  CHECK_STR(tagged(eng, "He has been arrested and will be charged."),
            "He/PRP/PRON has/VBZ/AUX been/VBN/AUX arrested/VBN/VERB and/CC/CCONJ "
            "will/MD/AUX be/VB/AUX charged/VBN/VERB ././PUNCT");
  td_engine_free(eng);
}

/* "word/XPOS/UPOS" of the first token of text whose form is word (static
 * buffer; "" when there is none). */
static const char *tag_of(td_engine *eng, const char *text, const char *word) {
  static char one[128];
  const char *all = tagged(eng, text), *p = all;
  size_t n = strlen(word);
  one[0] = 0;
  while ((p = strstr(p, word)) != NULL) {
    if ((p == all || p[-1] == ' ') && p[n] == '/') {
      size_t k = strcspn(p, " ");
      snprintf(one, sizeof one, "%.*s", (int)k, p);
      break;
    }
    p += n;
  }
  return one;
}

TD_TEST(tagger_second_pass) {
  /* A simple past after a plural subject, which the first pass reads as a
   * past participle (VBN: it sees no tag to the right), is a past (VBD)
   * once the second pass has looked at both sides (version 5,
   * data/models/README.md); a participle after its auxiliary, or inside
   * a noun phrase after a superlative, stays one. */
  CHECK(td_rt_tags_check());
  CHECK(td_rt_pair(TD_XPOS_VBD) == 1 && td_rt_pair(TD_XPOS_VBN) == 1 && td_rt_pair(TD_XPOS_VB) == 0);
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK_STR(tag_of(eng, "Shares closed higher as investors welcomed the news.", "welcomed"),
            "welcomed/VBD/VERB");
  CHECK_STR(tag_of(eng, "The talks collapsed when the two sides disagreed over borders.", "disagreed"),
            "disagreed/VBD/VERB");
  CHECK_STR(tag_of(eng, "The rebels were defeated and the town was captured.", "captured"),
            "captured/VBN/VERB");
  CHECK_STR(tag_of(eng, "Chile's most visited gallery hosted a show.", "visited"),
            "visited/VBN/VERB");
  td_engine_free(eng);
  /* the guard itself: after a possessive or a superlative, not after "both" */
  td_rt_tok s[3] = {{0, 32, 0}, {0, TD_XPOS_VBN, TD_VERB}, {0, 1, TD_NOUN}};
  CHECK(td_rt_keeps(s, 1) == 1);
  s[0].xpos = 3; /* DT: "both had" */
  CHECK(td_rt_keeps(s, 1) == 0);
  s[0].xpos = 32, s[1].xpos = TD_XPOS_VBD;
  CHECK(td_rt_keeps(s, 1) == 0);
}

TD_TEST(tagger_second_pass_nouns) {
  /* The second pass also re-decides VBZ/NNS and VBP/NN; a VBZ or VBP
   * between a noun or adjective and a finite verb is the noun of a noun
   * compound ("Treasury yields fell"), decided without scoring. */
  CHECK(td_rt_pair(TD_XPOS_VBZ) == 2 && td_rt_pair(TD_XPOS_NNS) == 2);
  CHECK(td_rt_pair(TD_XPOS_VBP) == 3 && td_rt_pair(1 /* NN */) == 3);
  CHECK(td_rt_first(TD_XPOS_VBZ) && td_rt_first(TD_XPOS_VBP) && !td_rt_first(TD_XPOS_NNS));
  CHECK(td_rt_alt_ok(TD_XPOS_VBZ, TD_VERB, TD_XPOS_NNS, TD_NOUN));
  CHECK(!td_rt_alt_ok(TD_XPOS_VBZ, TD_AUX, TD_XPOS_NNS, TD_NOUN)); /* "is" stays a verb */
  CHECK(td_rt_alt_ok(TD_XPOS_VBD, TD_AUX, TD_XPOS_VBN, TD_AUX));
  CHECK(!td_rt_alt_ok(TD_XPOS_VBD, TD_VERB, TD_XPOS_VBN, TD_AUX));
  td_rt_tok s[4] = {{0, 4 /* NNP */, TD_PROPN}, {0, TD_XPOS_VBZ, TD_VERB},
                    {0, TD_XPOS_VBD, TD_VERB}, {0, 8 /* . */, TD_PUNCT}};
  CHECK(td_rt_noun(s, 4, 1) == 1);
  s[2].xpos = TD_XPOS_MD; /* "oil prices will" */
  CHECK(td_rt_noun(s, 4, 1) == 1);
  s[0].xpos = 5; /* PRP: "he wants is" is no compound */
  CHECK(td_rt_noun(s, 4, 1) == 0);
  s[0].xpos = 4, s[2].xpos = 3; /* DT after: "Microsoft owns the" */
  CHECK(td_rt_noun(s, 4, 1) == 0);
  CHECK(td_rt_noun(s, 2, 1) == 0); /* at the end */
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK_STR(tag_of(eng, "Treasury yields fell after the report.", "yields"), "yields/NNS/NOUN");
  CHECK_STR(tag_of(eng, "He yields to pressure.", "yields"), "yields/VBZ/VERB");
  td_engine_free(eng);
}

TD_TEST(tagger_second_pass_apposition) {
  /* A past participle between commas after a noun, before the clause's
   * verb, is a participle, not a past: decided by a rule of the second
   * pass (td_rt_apposition). */
  enum { NN = 1, IN = 2, NNP = 4, COMMA = 11 };
  td_rt_tok s[7] = {{0, NN, TD_NOUN},       {0, COMMA, TD_PUNCT}, {0, TD_XPOS_VBD, TD_VERB},
                    {0, IN, TD_ADP},        {0, NNP, TD_PROPN},   {0, COMMA, TD_PUNCT},
                    {0, TD_XPOS_VBD, TD_AUX}};
  CHECK(td_rt_apposition(s, 7, 2) == 1);   /* bill , passed in May , was */
  s[6].upos = TD_VERB;                     /* a list of pasts: "..., drove a car, used" */
  CHECK(td_rt_apposition(s, 7, 2) == 0);
  s[6].xpos = TD_XPOS_MD;                  /* "..., will" */
  CHECK(td_rt_apposition(s, 7, 2) == 1);
  s[3].xpos = NNP;                         /* "..., said Mauer, are" */
  CHECK(td_rt_apposition(s, 7, 2) == 0);
  s[3].xpos = IN, s[0].xpos = 3;           /* after no noun */
  CHECK(td_rt_apposition(s, 7, 2) == 0);
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK_STR(tag_of(eng, "The bill, passed in May, was signed by the president.", "passed"),
            "passed/VBN/VERB");
  CHECK_STR(tag_of(eng, "The senator passed the bill in May, and it was signed.", "passed"),
            "passed/VBD/VERB");
  td_engine_free(eng);
}

TD_TEST(tagger_model_checks) {
  char err[256];
  FILE *f = fopen("data/models/tagger.bin", "rb");
  if (!f) { fprintf(stderr, "  skip: no data/models/tagger.bin (run from the repository root)\n"); return; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *img = td_xmalloc((size_t)n);
  CHECK(fread(img, 1, (size_t)n, f) == (size_t)n);
  fclose(f);
  const td_tg_header *h = (const td_tg_header *)img;
  CHECK(memcmp(h->magic, "TDTAG002", 8) == 0);
  CHECK(h->nclass > 40 && h->nclass <= TD_TG_MAXCLASS);
  CHECK(n < 16 * 1024 * 1024); /* a few MB, committed to the repository */

  /* The builder accepts the model and refuses damaged copies. */
  td_resw *w = td_resw_new();
  CHECK(td_tagger_build_res(w, "data/models/tagger.bin", err, sizeof err) == 0);
  char path[] = "/tmp/td_tagger_testXXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  FILE *bad = fdopen(fd, "wb");
  fwrite(img, 1, (size_t)n / 2, bad); /* truncated */
  fclose(bad);
  CHECK(td_tagger_build_res(w, path, err, sizeof err) != 0);
  img[0] = 'X'; /* wrong magic */
  bad = fopen(path, "wb");
  fwrite(img, 1, (size_t)n, bad);
  fclose(bad);
  CHECK(td_tagger_build_res(w, path, err, sizeof err) != 0);
  CHECK(td_tagger_build_res(w, "/nonexistent/tagger.bin", err, sizeof err) != 0);
  CHECK(td_resw_finish(w, path) == 0);

  /* Loading from the mapped image is pointer checks: well under 100 ms. */
  td_res *res = td_res_open(path, err, sizeof err);
  CHECK(res != NULL);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  struct td_tagger *t = td_tagger_load(res, err, sizeof err);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  CHECK(t != NULL);
  double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  CHECK(ms < 100);
  /* The tags rows are read from the image (section "tagger.rows"), every
   * one the model's sums; a damaged one is left out, the rows made. */
  CHECK(td_tg_rows_check(t) == 0);
  td_tagger_free(t);
  td_res_close(res);
  td_buf im = TD_BUF_INIT;
  CHECK(td_buf_read_file(&im, path) == 0);
  char *rows = im.ptr ? memmem(im.ptr, im.len, "TDTGR001", 8) : NULL;
  CHECK(rows != NULL);
  if (rows) {
    rows[64] ^= 1; /* row 0, which the load's sample reads */
    bad = fopen(path, "wb");
    fwrite(im.ptr, 1, im.len, bad);
    fclose(bad);
    res = td_res_open(path, err, sizeof err);
    t = td_tagger_load(res, err, sizeof err);
    CHECK(t != NULL && td_tg_rows_check(t) == -1);
    td_tagger_free(t);
    td_res_close(res);
  }
  td_buf_free(&im);
  CHECK(td_tagger_load(NULL, err, sizeof err) == NULL);
  remove(path);
  free(img);
}

TD_TEST(tagger_no_model) {
  /* Without a model the stage leaves tags empty instead of failing. */
  td_engine none;
  memset(&none, 0, sizeof none);
  td_doc doc;
  memset(&doc, 0, sizeof doc);
  CHECK(td_tag(&none, &doc) == 0);
}

TD_TEST(tagger_ewt_dev_accuracy) {
  const char *shared = td_test_shared();
  if (!shared) { fprintf(stderr, "  skip: no ../shared\n"); return; }
  char path[1024];
  snprintf(path, sizeof path, "%s/data/ud-english-ewt/en_ewt-ud-dev.conllu", shared);
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  CHECK(td_eval_tagger(eng, path, out) == 0);
  fclose(out);
  double upos = 0, xpos = 0, lemma = 0;
  const char *p;
  if ((p = strstr(buf, "UPOS"))) upos = atof(p + 4);
  if ((p = strstr(buf, "XPOS"))) xpos = atof(p + 4);
  if ((p = strstr(buf, "LEMMA"))) lemma = atof(p + 5);
  CHECK(upos >= 95.0);
  CHECK(xpos >= 94.5);
  CHECK(lemma >= 96.5);
  free(buf);
  td_engine_free(eng);
}

TD_TEST(tagger_odd_tokens) {
  /* Empty, huge, invalid UTF-8 and lone-quote tokens are tagged and
   * lemmatized without reading outside their spans. */
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  td_doc doc;
  memset(&doc, 0, sizeof doc);
  td_arena_init(&doc.arena);
  size_t big = 20000;
  char *text = td_arena_alloc(&doc.arena, big + 64);
  memset(text, 'A', big);
  memcpy(text + big, " \xff\xfe \xe2\x80\x99 \xe2\x80 x", 12);
  doc.text = text;
  doc.len = big + 12;
  td_tok toks[6];
  memset(toks, 0, sizeof toks);
  uint32_t sp[6][2] = {{0, 0}, {0, (uint32_t)big}, {(uint32_t)big + 1, (uint32_t)big + 3},
                       {(uint32_t)big + 4, (uint32_t)big + 7},
                       {(uint32_t)big + 8, (uint32_t)big + 10},
                       {(uint32_t)big + 11, (uint32_t)big + 12}};
  for (int i = 0; i < 6; i++) {
    toks[i].start = sp[i][0];
    toks[i].end = sp[i][1];
  }
  td_sent s = {0, (uint32_t)doc.len, 0, 6};
  doc.toks = toks;
  doc.ntoks = 6;
  doc.sents = &s;
  doc.nsents = 1;
  CHECK(td_tag(eng, &doc) == 0);
  CHECK(td_lemmatize(eng, &doc) == 0);
  for (int i = 0; i < 6; i++) {
    CHECK(toks[i].xpos > 0 && toks[i].xpos < td_xpos_count);
    CHECK(toks[i].upos > 0 && toks[i].upos < TD_UPOS_COUNT);
    CHECK(toks[i].lemma != NULL);
  }
  td_arena_release(&doc.arena);
  td_engine_free(eng);
}

TD_TEST(tagger_feature_groups) {
  /* Tagging sums the features of td_tg_features in groups (some cached
   * per word type); the groups must be exactly its features, at every
   * position of short and one-word sentences. */
  static const char *const words[] = {"The", "U.S.", "1995", "\xe2\x80\x9cWe", "re-elected",
                                      "governments", ",", "Blair's", "x"};
  td_tg_word w[8];
  for (int n = 1; n <= 8; n++) {
    for (int i = 0; i < n; i++) {
      const char *s = words[(i * 7 + n) % 9];
      td_tg_word_init(&w[i], s, strlen(s), NULL);
      w[i].lex = (uint32_t)(i * 37 + n); /* any value: it is only hashed */
    }
    for (int i = 0; i < n; i++) {
      CHECK(td_tg_groups_check(w, n, i, 102, 102));
      CHECK(td_tg_groups_check(w, n, i, 5, 17));
    }
  }
}

TD_TEST(tagger_type_cache_repeats) {
  /* The per-thread word-type cache gives the same tags the second time a
   * text is tagged, and with words that collide in one sentence. */
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  const char *text = "The minister said the talks would resume on Monday, "
                     "and the minister's aides said the talks had stalled.";
  char first[2048];
  snprintf(first, sizeof first, "%s", tagged(eng, text));
  CHECK_STR(tagged(eng, text), first);
  td_engine_free(eng);
  eng = tagger_engine(); /* a new tagger: the cache must not answer for the old */
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK_STR(tagged(eng, text), first);
  td_engine_free(eng);
}

/* The tags of d's tokens: xpos << 8 | upos each, into out (d->ntoks). */
static void tags_of(const td_doc *d, uint32_t *out) {
  for (size_t i = 0; i < d->ntoks; i++) out[i] = (uint32_t)d->toks[i].xpos << 8 | d->toks[i].upos;
}

/* 1 when td_tag (run by the pipeline) gave d the tags of the plain
 * feature-by-feature tagger. */
static int same_as_reference(td_engine *eng, td_doc *d) {
  uint32_t *a = td_xcalloc(d->ntoks + 1, sizeof *a), *b = td_xcalloc(d->ntoks + 1, sizeof *b);
  tags_of(d, a);
  td_tg_tag_reference(eng, d);
  tags_of(d, b);
  int same = memcmp(a, b, d->ntoks * sizeof *a) == 0;
  free(a);
  free(b);
  return same;
}

TD_TEST(tagger_matches_reference) {
  /* td_tag's caches, tables and guesses ahead change no tag: the same
   * text tagged twice (the second time from the cache) and odd tokens
   * give the tags of scoring every feature one by one. */
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  static const char *const texts[] = {
      "Israel condemned the attacks on Monday.",
      "\xe2\x80\x9cWe will not back down,\xe2\x80\x9d Mr Blair told MPs, as re-elected "
      "governments in 1995 and 2001 did. U.S. officials said 3,000 troops left.",
      "Shares in A.B.C. rose 10% to $5bn at 10:30 on the 42nd day of the 1990s "
      "rally, the chief executive of the Zürich-based group said ... ?!",
      "The minister said the talks would resume on Monday, and the minister's aides "
      "said the talks had stalled.",
      /* sentences of word-table words only, or with one scored word among
       * them (first, last): the sweeps go through the scored ones only */
      "of the , and the . Zyxwvut of the and . of the and Qwertzu ."};
  for (int round = 0; round < 2; round++)
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
      td_input in;
      memset(&in, 0, sizeof in);
      in.id = "t";
      in.body = (char *)texts[k];
      in.body_len = strlen(texts[k]);
      td_doc *d = td_doc_process(eng, &in);
      CHECK(d && d->ntoks > 0);
      if (d) CHECK(same_as_reference(eng, d));
      td_doc_free(d);
    }
  /* Real news, when ../shared is there: the first 200 BBC articles. */
  const char *shared = td_test_shared();
  if (shared) {
    char path[1024], err[256];
    snprintf(path, sizeof path, "%s/data/bench/bbc", shared);
    td_source *src = td_source_open(path, TD_FMT_AUTO, err, sizeof err);
    td_input *in;
    int ndocs = 0, bad = 0;
    while (src && ndocs < 200 && td_source_next(src, &in) == TD_OK) {
      td_doc *d = td_doc_process(eng, in);
      td_input_free(in);
      if (d && d->ntoks) {
        ndocs++;
        bad += !same_as_reference(eng, d);
      }
      td_doc_free(d);
    }
    if (src) td_source_close(src);
    CHECK(ndocs == 200);
    CHECK(bad == 0);
  } else {
    fprintf(stderr, "  skip: no ../shared (BBC part)\n");
  }
  td_engine_free(eng);
}

TD_TEST(tagger_shared_types) {
  /* The image's shared word-type table (section "tagger.types") is used
   * and every entry is exactly what tagging makes of its form with this
   * model and lemmatizer, found by its form. */
  td_engine *eng = tagger_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  int bad = td_tg_types_check(eng);
  if (bad) fprintf(stderr, "  tagger: %d shared types wrong (-1: no table)\n", bad);
  CHECK(bad == 0);
  td_engine_free(eng);
}
