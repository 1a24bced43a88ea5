/* test_segment.c — tokens (EWT conventions, offsets, flags, norm) and
 * sentence boundaries (abbreviations, quotations, paragraphs). */
#include "unit.h"
#include "doc.h"
#include "text/text.h"

#include <stdlib.h>

static td_doc *seg(const char *text) {
  td_doc *d = calloc(1, sizeof *d);
  td_arena_init(&d->arena);
  d->text = td_arena_strdup(&d->arena, text);
  d->len = strlen(text);
  td_segment(NULL, d);
  return d;
}

static void done(td_doc *d) {
  td_arena_release(&d->arena);
  free(d);
}

/* The tokens of text joined by '|'. */
static char *toks(const char *text) {
  td_doc *d = seg(text);
  td_buf b = TD_BUF_INIT;
  for (size_t i = 0; i < d->ntoks; i++) {
    if (i) td_buf_putc(&b, '|');
    td_buf_put(&b, d->text + d->toks[i].start, d->toks[i].end - d->toks[i].start);
  }
  done(d);
  if (!b.ptr) td_buf_put(&b, "", 0);
  return td_buf_detach(&b, NULL);
}

#define TOKS(text, want)                                                  \
  do {                                                                    \
    char *got_ = toks(text);                                              \
    CHECK_STR(got_, want);                                                \
    free(got_);                                                           \
  } while (0)

static size_t nsents(const char *text) {
  td_doc *d = seg(text);
  size_t n = d->nsents;
  done(d);
  return n;
}

TD_TEST(segment_tokens) {
  TOKS("North Korea's troops don't stop.", "North|Korea|'s|troops|do|n't|stop|.");
  TOKS("North Korea\xe2\x80\x99s missile", "North|Korea|\xe2\x80\x99s|missile");
  TOKS("I cannot say; they're here.", "I|can|not|say|;|they|'re|here|.");
  TOKS("The U.S. sent 8,000 troops and $3.5 billion.",
       "The|U.S.|sent|8,000|troops|and|$|3.5|billion|.");
  TOKS("North Korea-Russia ties", "North|Korea|-|Russia|ties");
  TOKS("Pyongyang test-fired a long-range missile", "Pyongyang|test|-|fired|a|long|-|range|missile");
  TOKS("an e-mail to co-workers", "an|e-mail|to|co-workers");
  TOKS("Kim Jong-un met Cho Tae-yul.", "Kim|Jong|-|un|met|Cho|Tae|-|yul|.");
  TOKS("Call 713-853-3989 at 5:00 on 11/20/2000.", "Call|713-853-3989|at|5:00|on|11/20/2000|.");
  TOKS("See https://example.com/a?b=1, or mail j.doe@example.org.",
       "See|https://example.com/a?b=1|,|or|mail|j.doe@example.org|.");
  TOKS("\xe2\x80\x9cNo,\xe2\x80\x9d he said (twice)...",
       "\xe2\x80\x9c|No|,|\xe2\x80\x9d|he|said|(|twice|)|...");
  TOKS("They live in the U.S. The rest stayed.", "They|live|in|the|U.S|.|The|rest|stayed|.");
  TOKS("Mr. Kim and Gen. Lee of Acme Corp. met.", "Mr.|Kim|and|Gen.|Lee|of|Acme|Corp.|met|.");
  TOKS("No. 1 and No more.", "No.|1|and|No|more|.");
  TOKS("the countries' ties", "the|countries|'|ties");
  TOKS("", "");
}

TD_TEST(segment_offsets_flags_norm) {
  td_doc *d = seg("\xe2\x80\x9cNATO\xe2\x80\x99s\xe2\x80\x9d 2 ALLIES\n\nNext");
  CHECK(d->ntoks == 7);
  if (d->ntoks == 7) {
    CHECK(d->toks[0].flags & TD_TOK_QUOTE_OPEN);
    CHECK(d->toks[0].flags & TD_TOK_PARA_START);
    CHECK_STR(d->toks[0].norm, "\"");
    CHECK_STR(d->toks[1].norm, "nato");
    CHECK((d->toks[1].flags & (TD_TOK_CAP | TD_TOK_ALLCAPS)) == (TD_TOK_CAP | TD_TOK_ALLCAPS));
    CHECK_STR(d->toks[2].norm, "'s");
    CHECK(d->toks[3].flags & TD_TOK_QUOTE_CLOSE);
    CHECK(d->toks[4].flags & TD_TOK_DIGIT);
    CHECK(d->toks[4].flags & TD_TOK_SPACE_BEFORE);
    CHECK(d->toks[5].flags & TD_TOK_ALLCAPS);
    CHECK(d->toks[6].flags & TD_TOK_NEWLINE_BEFORE);
    CHECK(d->toks[6].flags & TD_TOK_PARA_START);
    CHECK(d->toks[1].start == 3 && d->toks[1].end == 7);
    for (size_t i = 0; i < d->ntoks; i++) CHECK(d->toks[i].head == -2);
  }
  CHECK(d->nsents == 2);
  done(d);
}

/* Capitals beyond Latin-1 (Unicode's case, utf8proc): the flags and the
 * lowercase norm, as for ASCII; a letter whose lowercase is longer keeps
 * its bytes (the norm has the token's room). */
TD_TEST(segment_unicode_capitals) {
  td_doc *d = seg("\xc5\x81\xc3\xb3" "d\xc5\xba \xc5\xbd\xc5\xbdK \xd0\x96\xd1\x83\xd0\xba\xd0\xbe\xd0\xb2 \xc5\x82" "ad \xc8\xba");
  CHECK(d->ntoks == 5);
  if (d->ntoks == 5) {
    CHECK(d->toks[0].flags & TD_TOK_CAP);
    CHECK(!(d->toks[0].flags & TD_TOK_ALLCAPS));
    CHECK_STR(d->toks[0].norm, "\xc5\x82\xc3\xb3" "d\xc5\xba");       /* łódź */
    CHECK((d->toks[1].flags & (TD_TOK_CAP | TD_TOK_ALLCAPS)) == (TD_TOK_CAP | TD_TOK_ALLCAPS));
    CHECK_STR(d->toks[1].norm, "\xc5\xbe\xc5\xbek");                  /* žžk */
    CHECK(d->toks[2].flags & TD_TOK_CAP);
    CHECK_STR(d->toks[2].norm, "\xd0\xb6\xd1\x83\xd0\xba\xd0\xbe\xd0\xb2"); /* жуков */
    CHECK(!(d->toks[3].flags & TD_TOK_CAP));
    CHECK(d->toks[4].flags & TD_TOK_CAP);
    CHECK_STR(d->toks[4].norm, "\xc8\xba"); /* U+023A: its lowercase takes 3 bytes */
  }
  done(d);
  CHECK(td_cp_case(0x141) == 1 && td_cp_case(0x142) == -1 && td_cp_case(0x20AC) == 0);
  CHECK(td_cp_lower(0x416) == 0x436 && td_cp_lower('A') == 'a' && td_cp_lower(0x2013) == 0x2013);
}

TD_TEST(segment_sentences) {
  CHECK(nsents("The U.S. and the U.N. met. N.K. troops left.") == 2);
  CHECK(nsents("S. Korean officials met Gen. Park on Jan. 5. They left.") == 2);
  CHECK(nsents("Mr. Lee and Dr. J. R. Smith of Acme Corp. spoke. No. 3 won.") == 2);
  CHECK(nsents("\"It is over,\" he said. \"We won.\"") == 2);
  CHECK(nsents("\"Is it over?\" he asked. \"Yes!\" she said.") == 2);
  CHECK(nsents("\xe2\x80\x9cIt is over.\xe2\x80\x9d He left.") == 2);
  CHECK(nsents("Prices rose 3.5 percent. Sales fell.") == 2);
  CHECK(nsents("A headline without a period\n\nThe body starts here.") == 2);
  CHECK(nsents("They arrived in the U.S. on Monday.") == 1);
  CHECK(nsents("Wait... what? No!") == 2);
  CHECK(nsents("") == 0);
  /* every token belongs to the sentence that covers it */
  td_doc *d = seg("One two. Three four!\n\nFive.");
  CHECK(d->nsents == 3);
  for (size_t s = 0; s < d->nsents; s++)
    for (uint32_t k = d->sents[s].tok0; k < d->sents[s].tok0 + d->sents[s].ntok; k++) {
      CHECK(d->toks[k].sent == s);
      CHECK(d->toks[k].start >= d->sents[s].start && d->toks[k].end <= d->sents[s].end);
    }
  done(d);
}

TD_TEST(segment_hostile_input) {
  /* long runs without spaces, digits and hyphens, stray bytes: no crash,
   * tokens cover the text in order */
  size_t n = 200000;
  char *s = malloc(n + 1);
  for (size_t i = 0; i < n; i++) s[i] = "1-2.a'b\xe2\x80\x99-@(\"x"[i % 16];
  s[n] = 0;
  td_doc *d = seg(s);
  uint32_t last = 0;
  int ordered = 1;
  for (size_t i = 0; i < d->ntoks; i++) {
    ordered &= d->toks[i].start >= last && d->toks[i].end > d->toks[i].start;
    last = d->toks[i].end;
  }
  CHECK(ordered);
  CHECK(last <= n);
  done(d);
  free(s);
}
