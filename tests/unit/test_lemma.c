/* test_lemma.c — the WordNet lemmatizer: inflections by Penn tag,
 * exceptions, compounds, clitics and closed classes, capitalization, and
 * the "lemma" resource section. Tokens are given with their tags, so these
 * tests do not depend on the tagger. */
#include "unit.h"
#include "lang/lang.h"
#include "lang/train.h"

#include <stdlib.h>

static td_engine *lemma_engine(void) {
  char err[512];
  td_config cfg;
  memset(&cfg, 0, sizeof cfg);
  td_engine *eng = td_engine_new(&cfg, err, sizeof err);
  if (!eng) fprintf(stderr, "  lemma: no engine: %s\n", err);
  return eng;
}

static int upos_of(const char *x) {
  if (!strcmp(x, "NNP") || !strcmp(x, "NNPS")) return TD_PROPN;
  if (!strcmp(x, "CD")) return TD_NUM;
  if (!strncmp(x, "NN", 2)) return TD_NOUN;
  if (!strncmp(x, "VB", 2)) return TD_VERB;
  if (!strncmp(x, "JJ", 2)) return TD_ADJ;
  if (!strncmp(x, "RB", 2)) return TD_ADV;
  if (!strcmp(x, "PRP") || !strcmp(x, "PRP$")) return TD_PRON;
  if (!strcmp(x, "DT")) return TD_DET;
  if (!strcmp(x, "MD")) return TD_AUX;
  if (!strcmp(x, "POS")) return TD_PART;
  return TD_PUNCT;
}

/* Lemmatizes one sentence given as "form/XPOS form/XPOS ..." and returns
 * its lemmas joined by spaces (static buffer). */
static const char *lemmas(const td_engine *eng, const char *tagged) {
  static char result[1024];
  td_doc doc;
  memset(&doc, 0, sizeof doc);
  td_arena_init(&doc.arena);
  td_buf text = TD_BUF_INIT;
  td_tok toks[64];
  size_t n = 0;
  char *copy = td_xstrdup(tagged);
  for (char *w = strtok(copy, " "); w && n < 64; w = strtok(NULL, " ")) {
    char *slash = strrchr(w, '/');
    if (!slash || slash == w) continue;
    *slash = 0;
    td_tok *t = &toks[n++];
    memset(t, 0, sizeof *t);
    if (text.len) td_buf_putc(&text, ' ');
    t->start = (uint32_t)text.len;
    td_buf_puts(&text, w);
    t->end = (uint32_t)text.len;
    t->xpos = (uint16_t)td_xpos_from_name(slash + 1);
    t->upos = (uint8_t)upos_of(slash + 1);
  }
  doc.text = text.ptr;
  doc.len = text.len;
  doc.toks = toks;
  doc.ntoks = n;
  td_sent s = {0, (uint32_t)text.len, 0, (uint32_t)n};
  doc.sents = &s;
  doc.nsents = 1;
  td_lemmatize(eng, &doc);
  result[0] = 0;
  for (size_t i = 0; i < n; i++) {
    if (i) strncat(result, " ", sizeof result - strlen(result) - 1);
    strncat(result, toks[i].lemma ? toks[i].lemma : "(null)", sizeof result - strlen(result) - 1);
  }
  td_arena_release(&doc.arena);
  td_buf_free(&text);
  free(copy);
  return result;
}

TD_TEST(lemma_inflections) {
  td_engine *eng = lemma_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK_STR(lemmas(eng, "Israel/NNP condemned/VBD the/DT strikes/NNS"),
            "Israel condemn the strike");
  CHECK_STR(lemmas(eng, "troops/NNS dispatched/VBN geese/NNS boxes/NNS"),
            "troop dispatch goose box");
  CHECK_STR(lemmas(eng, "running/VBG stopped/VBD hoped/VBD studies/VBZ"),
            "run stop hope study");
  CHECK_STR(lemmas(eng, "better/JJR biggest/JJS saw/VBD was/VBD been/VBN"),
            "good big see be be");
  CHECK_STR(lemmas(eng, "children/NNS women/NNS analyses/NNS"), "child woman analysis");
  td_engine_free(eng);
}

TD_TEST(lemma_compounds_and_unknown_words) {
  td_engine *eng = lemma_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK_STR(lemmas(eng, "test-fired/VBD"), "test-fire");
  CHECK_STR(lemmas(eng, "re-elected/VBN"), "re-elect");
  CHECK_STR(lemmas(eng, "pro-Beijing/JJ Anti-War/JJ"), "pro-Beijing anti-War");
  /* Words WordNet does not know: spelling rules. */
  CHECK_STR(lemmas(eng, "googled/VBD tweeting/VBG blogs/NNS"), "google tweet blog");
  CHECK_STR(lemmas(eng, "zorbed/VBD"), "zorb");
  td_engine_free(eng);
}

TD_TEST(lemma_closed_classes) {
  td_engine *eng = lemma_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK_STR(lemmas(eng, "They/PRP did/VBD n't/RB see/VB me/PRP"), "they do not see I");
  CHECK_STR(lemmas(eng, "we/PRP 're/VBP an/DT army/NN 's/POS"), "we be a army 's");
  CHECK_STR(lemmas(eng, "She/PRP 's/VBZ been/VBN there/RB"), "she have be there");
  CHECK_STR(lemmas(eng, "it/PRP 's/VBZ late/JJ"), "it be late");
  CHECK_STR(lemmas(eng, "I/PRP ca/MD n't/RB and/CC wo/MD n't/RB"), "I can not and will not");
  CHECK_STR(lemmas(eng, "these/DT those/DT him/PRP them/PRP"), "this that he they");
  /* The curly apostrophe is folded. */
  CHECK_STR(lemmas(eng, "don\xe2\x80\x99t/VBP n\xe2\x80\x99t/RB"), "don't not");
  td_engine_free(eng);
}

TD_TEST(lemma_case) {
  td_engine *eng = lemma_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  /* Lowercase except proper nouns, I, and words spelled only capitalized. */
  CHECK_STR(lemmas(eng, "The/DT Ministry/NNP said/VBD Palestinian/JJ officials/NNS"),
            "the Ministry say Palestinian official");
  CHECK_STR(lemmas(eng, "Americans/NNPS States/NNPS"), "American State");
  CHECK_STR(lemmas(eng, "Officials/NNS SAID/VBD"), "official say");
  CHECK_STR(lemmas(eng, "5,000/CD Two/CD Sept./NNP"), "5000 two September");
  /* a name written in capitals is spelt as a name from five letters on,
   * shorter ones are acronyms; a capital letter as a noun keeps its case */
  CHECK_STR(lemmas(eng, "TEHRAN/NNP FBI/NNP NATO/NNP plan/NN B/NN a/DT"), "Tehran FBI NATO plan B a");
  CHECK_STR(lemmas(eng, "R2D2/NNP Bs/NNS"), "R2D2 b");
  td_engine_free(eng);
}

TD_TEST(lemma_resource) {
  char err[256];
  /* Built in memory from WordNet, as mkres does. */
  struct td_lemmatizer *l = td_lemmatizer_build(TD_WORDNET_DIR, TD_WORDS_FILE, err, sizeof err);
  CHECK(l != NULL);
  CHECK(td_lemma_lexclass(l, "dogs", 4) & (64 << 0)); /* an inflected noun */
  CHECK(td_lemma_lexclass(l, "condemned", 9) & (64 << 1)); /* an inflected verb */
  CHECK(td_lemma_lexclass(l, "house", 5) & 1);           /* a WordNet noun */
  td_lemmatizer_free(l);
  CHECK(td_lemmatizer_build("/nonexistent", NULL, err, sizeof err) == NULL);
  CHECK(strstr(err, "/nonexistent") != NULL);
  /* A missing or corrupt section is refused, not trusted. */
  CHECK(td_lemmatizer_load(NULL, err, sizeof err) == NULL);
  /* Without a lemmatizer the stage still gives every token a lemma. */
  td_engine none;
  memset(&none, 0, sizeof none);
  CHECK_STR(lemmas(&none, "Dogs/NNS barked/VBD"), "dogs barked");
}

TD_TEST(lemma_cache_and_long_sentences) {
  /* Lemmas come from a per-thread cache the second time, and slots are
   * looked up some tokens ahead: a sentence longer than that window, said
   * twice, gives the same lemmas, also for 's before been and for forms
   * too long to cache. */
  td_engine *eng = lemma_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  const char *s = "She/PRP 's/VBZ been/VBN there/RB and/CC the/DT ministers/NNS "
                  "said/VBD the/DT talks/NNS had/VBD stalled/VBN while/IN "
                  "it/PRP 's/VBZ late/JJ and/CC counter-revolutionaries-in-exile/NNS "
                  "stopped/VBD ./.";
  const char *want = "she have be there and the minister say the talk have stall "
                     "while it be late and counter-revolutionaries-in-exile stop .";
  CHECK_STR(lemmas(eng, s), want);
  CHECK_STR(lemmas(eng, s), want);
  CHECK_STR(lemmas(eng, "x/NN"), "x");
  td_engine_free(eng);
}

TD_TEST(lemma_closed_class_order) {
  /* closed-class forms are found through chains by first byte, in table
   * order: the first entry whose form and tag match wins */
  td_engine *eng = lemma_engine();
  if (!eng) { CHECK(eng != NULL); return; }
  CHECK_STR(lemmas(eng, "let/VB 's/PRP go/VB"), "let we go");
  CHECK_STR(lemmas(eng, "army/NN 's/POS it/PRP 's/VBZ here/RB"), "army 's it be here");
  CHECK_STR(lemmas(eng, "I/PRP am/VBP at/IN 9/CD am/NN"), "I be at 9 a.m.");
  CHECK_STR(lemmas(eng, "5/CD m/CD 3/CD bn/CD 2/CD k/CD"), "5 million 3 billion 2 thousand");
  CHECK_STR(lemmas(eng, "hrs/NNS yrs/NNS us/PRP them/PRP mine/PRP"), "hour year we they my");
  CHECK_STR(lemmas(eng, "\xe2\x80\x9c/`` \xe2\x80\x94/: \xe2\x80\xa6/."), "\" - .");
  td_engine_free(eng);
}
