/* test_repair.c — text repair (characters, hard wraps, broken words,
 * hyphens, teasers) and plain-text metadata (dateline, headline, wire
 * marker, source line), and the seed article 004 end to end. */
#include "unit.h"
#include "doc.h"
#include "text/text.h"

#include <dirent.h>
#include <stdlib.h>

/* One engine for the tests that need the word list (NULL when the
 * resource image cannot be found: those checks are then skipped). */
static td_engine *engine(void) {
  static td_engine *eng;
  static int tried;
  if (!tried) {
    char err[256];
    tried = 1;
    eng = td_engine_new(NULL, err, sizeof err);
    if (!eng) fprintf(stderr, "  skip: no engine (%s)\n", err);
  }
  return eng;
}

/* Repairs s; the result is a malloc'd string. */
static char *repair(const td_engine *eng, const char *s) {
  td_buf b = TD_BUF_INIT;
  td_repair_text(eng, s, strlen(s), &b);
  return td_buf_detach(&b, NULL);
}

#define REPAIRS(eng, in, want)                                            \
  do {                                                                    \
    char *got_ = repair((eng), (in));                                     \
    CHECK_STR(got_, (want));                                              \
    free(got_);                                                           \
  } while (0)

/* Spaces collapse wherever they fall in the eight-byte blocks the
 * printable runs are scanned by: two spaces, a space ending a block, DEL
 * and a control character at every offset of a line. */
TD_TEST(repair_blocks) {
  const char *marks[] = {"  ", " ", "\x7f", "\x01", "\t"};
  for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
    for (size_t at = 1; at < 20; at++) {
      char in[64], want[64];
      memset(in, 'w', 24);
      in[24] = 0;
      size_t k = strlen(marks[m]);
      memmove(in + at + k, in + at, 25 - at);
      memcpy(in + at, marks[m], k);
      /* a space stays one space; DEL and controls other than tab go,
       * a tab is a space */
      snprintf(want, sizeof want, "%.*s%s%s", (int)at, in,
               marks[m][0] == ' ' || marks[m][0] == '\t' ? " " : "", in + at + k);
      char *got = repair(NULL, in);
      CHECK_STR(got, want);
      free(got);
    }
}

TD_TEST(repair_characters) {
  /* bytes that are not UTF-8: Windows-1252 (Latin-1) characters; a cut
   * UTF-8 sequence one U+FFFD; a byte 1252 leaves undefined U+FFFD */
  REPAIRS(NULL, "a\xff" "b", "a\xc3\xbf" "b");
  REPAIRS(NULL, "Caf\xe9 in Par\xeds", "Caf\xc3\xa9 in Par\xc3\xads");
  REPAIRS(NULL, "\x93Yes,\x94 it\x92s", "\xe2\x80\x9cYes,\xe2\x80\x9d it\xe2\x80\x99s");
  REPAIRS(NULL, "a\xe2\x80" "b", "a\xef\xbf\xbd" "b");
  REPAIRS(NULL, "a\x81" "b", "a\xef\xbf\xbd" "b");
  REPAIRS(NULL, "a\x01\x7f" "b\xc2\xa0" "c", "ab c");        /* controls, NBSP */
  REPAIRS(NULL, "x\xe2\x80\x83y\xe2\x80\x8bz\xc2\xad!", "x yz!"); /* em space, ZWSP, soft hyphen */
  REPAIRS(NULL, "One.\r\n\r\nTwo.\r\n", "One.\n\nTwo.");     /* CRLF */
  REPAIRS(NULL, "  a   b  \t c  ", "a b c");
  REPAIRS(NULL, "", "");
  char nul[] = "a\0b";
  td_buf b = TD_BUF_INIT;
  td_repair_text(NULL, nul, 3, &b);
  CHECK_STR(b.ptr, "ab");
  td_buf_free(&b);
  /* curly quotes stay as written */
  REPAIRS(NULL, "\xe2\x80\x9cYes,\xe2\x80\x9d he said.", "\xe2\x80\x9cYes,\xe2\x80\x9d he said.");
}

TD_TEST(repair_paragraphs) {
  /* one paragraph per line (wire copy): lines ending a sentence stay apart */
  REPAIRS(NULL, "First one.\nSecond one?\n\"Third,\" he said.\n",
          "First one.\n\nSecond one?\n\n\"Third,\" he said.");
  /* a line ending mid-sentence joins the next */
  REPAIRS(NULL, "The ministers met on\nTuesday in Geneva.\n\nThey spoke.",
          "The ministers met on Tuesday in Geneva.\n\nThey spoke.");
  /* hard-wrapped text: only short lines end paragraphs */
  REPAIRS(NULL,
          "The delegation arrived in the capital on Monday. Talks began\n"
          "at once and lasted well into the night, officials said. It was\n"
          "the first such visit in years.\n"
          "A second round is planned for the spring, according to a note\n"
          "seen by reporters. Neither side has commented on its content.\n",
          "The delegation arrived in the capital on Monday. Talks began at once and lasted well "
          "into the night, officials said. It was the first such visit in years.\n\n"
          "A second round is planned for the spring, according to a note seen by reporters. "
          "Neither side has commented on its content.");
}

TD_TEST(repair_broken_words) {
  const td_engine *e = engine();
  if (!e) return;
  REPAIRS(e, "They will work with th\ne international community.",
          "They will work with the international community.");
  REPAIRS(e, "Activities in bo\nrder areas rose.", "Activities in border areas rose.");
  REPAIRS(e, "Fri\nday\xe2\x80\x99s meeting was short.", "Friday\xe2\x80\x99s meeting was short.");
  REPAIRS(e, "Troops fought on the\nbattlefield for days.", "Troops fought on the battlefield for days.");
  REPAIRS(e, "There is a\nway out, she said.", "There is a way out, she said.");
  REPAIRS(e, "The team took the\nrisk anyway.", "The team took the risk anyway.");
  /* hyphens at a line end: kept in compounds, dropped in syllable breaks */
  REPAIRS(e, "security in the Indo-\nPacific region", "security in the Indo-Pacific region");
  REPAIRS(e, "a well-\nknown rule", "a well-known rule");
  REPAIRS(e, "the inter-\nnational order", "the international order");
  REPAIRS(e, "both pre- and post-war years", "both pre- and post-war years");
  /* and a hyphen left before a space inside a line */
  REPAIRS(e, "into the Indo- Pacific, he said.", "into the Indo-Pacific, he said.");
}

TD_TEST(repair_teaser) {
  REPAIRS(NULL,
          "Officials said the agreement would be signed next week in Geneva by both sides and "
          "their allies, who have long sought a deal on the iss\xe2\x80\xa6\n\n"
          "Officials said the agreement would be signed next week in Geneva by both sides and "
          "their allies, who have long sought a deal on the issue.\n\nMore follows.",
          "Officials said the agreement would be signed next week in Geneva by both sides and "
          "their allies, who have long sought a deal on the issue.\n\nMore follows.");
  /* an ellipsis that does not repeat the next paragraph stays */
  REPAIRS(NULL, "He paused for a long while and then said nothing at all...\n\nThen he left.",
          "He paused for a long while and then said nothing at all...\n\nThen he left.");
}

/* Runs td_text_meta_take on repaired s; returns the remaining text. */
static char *meta(const char *s, td_text_meta *m, td_arena *a) {
  td_buf b = TD_BUF_INIT;
  td_repair_text(NULL, s, strlen(s), &b);
  memset(m, 0, sizeof *m);
  td_text_meta_take(a, &b, m);
  return td_buf_detach(&b, NULL);
}

TD_TEST(meta_dateline_headline_source) {
  td_arena a;
  td_arena_init(&a);
  td_text_meta m;
  char *t = meta("March 3, 2025\n\n(2nd LD) Ministers agree on grain corridor\n\n"
                 "The ministers agreed on Monday to reopen the corridor.\n\nTalks go on.\n\n"
                 "Source: Example Wire Service\n", &m, &a);
  CHECK_STR(m.date, "2025-03-03");
  CHECK_STR(m.title, "Ministers agree on grain corridor");
  CHECK_STR(m.wire_marker, "(2nd LD)");
  CHECK_STR(m.source, "Example Wire Service");
  CHECK_STR(t, "The ministers agreed on Monday to reopen the corridor.\n\nTalks go on.");
  free(t);

  static const char *const dates[][2] = {
      {"Nov. 1, 2024", "2024-11-01"},         {"2024-11-01", "2024-11-01"},
      {"1 November 2024", "2024-11-01"},      {"Friday, November 1, 2024", "2024-11-01"},
      {"Sept. 30, 2023 10:32 KST", "2023-09-30"}, {"Published: 5 May 2021", "2021-05-05"}};
  for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
    char in[200];
    snprintf(in, sizeof in, "%s\n\nThe vote was held on Sunday.\n\nIt passed.", dates[i][0]);
    t = meta(in, &m, &a);
    CHECK_STR(m.date, dates[i][1]);
    CHECK(m.title == NULL);
    CHECK_STR(t, "The vote was held on Sunday.\n\nIt passed.");
    free(t);
  }

  /* (LEAD), (URGENT), (News Focus) markers; (END) dropped */
  t = meta("(News Focus) Why the port matters\n\nThe port handles most exports.\n\n(END)", &m, &a);
  CHECK_STR(m.wire_marker, "(News Focus)");
  CHECK_STR(m.title, "Why the port matters");
  CHECK_STR(t, "The port handles most exports.");
  free(t);

  /* a place dateline with a year gives the date and stays in the text */
  t = meta("GENEVA, March 3, 2025 (Reuters) - Talks resumed on Monday.\n\nNo deal yet.", &m, &a);
  CHECK_STR(m.date, "2025-03-03");
  CHECK(m.title == NULL);
  CHECK(strncmp(t, "GENEVA, March 3, 2025", 21) == 0);
  free(t);
  td_arena_release(&a);
}

TD_TEST(meta_conservative) {
  td_arena a;
  td_arena_init(&a);
  td_text_meta m;
  /* no headline: the first sentence must stay */
  char *t = meta("The council voted on Tuesday to approve the plan.\n\nIt takes effect in May.", &m, &a);
  CHECK(m.title == NULL && m.date == NULL && m.source == NULL);
  CHECK_STR(t, "The council voted on Tuesday to approve the plan.\n\nIt takes effect in May.");
  free(t);
  /* a single paragraph is never a headline */
  t = meta("Rain expected in the north", &m, &a);
  CHECK(m.title == NULL);
  CHECK_STR(t, "Rain expected in the north");
  free(t);
  /* a quotation opening the body is not a headline */
  t = meta("\"We will not give up,\" the mayor said.\n\nThe city is rebuilding.", &m, &a);
  CHECK(m.title == NULL);
  free(t);
  td_arena_release(&a);
}

/* The seed article 004 (Yonhap) from ../shared, end to end. */
TD_TEST(seed_004_yonhap) {
  const char *sh = td_test_shared();
  const td_engine *e0 = engine();
  if (!sh || !e0) return;
  char dir[1024], path[2048];
  snprintf(dir, sizeof dir, "%s/seeds", sh);
  DIR *dp = opendir(dir);
  if (!dp) return;
  path[0] = 0;
  struct dirent *de;
  while ((de = readdir(dp)))
    if (strncmp(de->d_name, "004_", 4) == 0) snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
  closedir(dp);
  FILE *f = path[0] ? fopen(path, "rb") : NULL;
  if (!f) return;
  td_buf body = TD_BUF_INIT;
  char chunk[8192];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) td_buf_put(&body, chunk, k);
  fclose(f);
  td_input *in = calloc(1, sizeof *in);
  in->id = strdup("004.txt");
  in->body = td_buf_detach(&body, &in->body_len);
  td_doc *d = td_doc_process((td_engine *)e0, in);
  CHECK(d && !d->error);
  if (d && !d->error) {
    CHECK_STR(d->date, "2024-11-01");
    CHECK_STR(d->date_from, "dateline");
    CHECK_STR(d->source, "Yonhap News Agency");
    CHECK(d->title && strstr(d->title, "grave concern") && !strstr(d->title, "LD)"));
    CHECK(!strstr(d->text, "(3rd LD)") && !strstr(d->text, "Source:") &&
          !strstr(d->text, "November 1, 2024"));
    const char *lead = "cease such military cooperation, a White House official said.";
    const char *p = strstr(d->text, lead);
    CHECK(p && !strstr(p + 1, lead));
    CHECK(!strstr(d->text, "militar\xe2\x80\xa6"));
    static const char *const intact[] = {
        "the international community", "activities in border areas",
        "Friday\xe2\x80\x99s gathering", "in the strongest possible terms",
        "on the battlefield against Ukraine", "Indo-Pacific"};
    for (size_t i = 0; i < sizeof intact / sizeof intact[0]; i++) {
      if (!strstr(d->text, intact[i])) fprintf(stderr, "  missing: %s\n", intact[i]);
      CHECK(strstr(d->text, intact[i]) != NULL);
    }
    CHECK(d->nsents >= 25);
  }
  td_doc_free(d);
  td_input_free(in);
}

TD_TEST(repair_space_runs) {
  /* printable runs are copied across single spaces; every other space
   * still collapses, and lines are still trimmed */
  REPAIRS(NULL, "a b c d", "a b c d");
  REPAIRS(NULL, "a  b   c\td \xc2\xa0 e", "a b c d e");
  REPAIRS(NULL, " lead and trail \nnext  line ", "lead and trail next line");
  REPAIRS(NULL, "x y ", "x y");
  REPAIRS(NULL, "x \xc3\xa9 y \xe2\x80\x83 z", "x \xc3\xa9 y z");
  REPAIRS(NULL, "end. \n\n start", "end.\n\nstart");
}

TD_TEST(repair_widths_in_code_points) {
  /* hard-wrapped lines are measured in code points (counted eight bytes
   * at a time): accented lines of the same width in characters wrap the
   * same way as plain ones */
  const char *plain =
      "The delegation arrived in the capital on Monday. Talks began\n"
      "at once and lasted well into the night, officials said. It was\n"
      "the first such visit in years.\n"
      "A second round is planned for the spring, according to a note\n"
      "seen by reporters. Neither side has commented on its content.\n";
  char accented[1024];
  size_t k = 0;
  for (const char *p = plain; *p && k + 3 < sizeof accented; p++) {
    if (*p == 'e') accented[k++] = '\xc3', accented[k++] = '\xa9'; /* é */
    else accented[k++] = *p;
  }
  accented[k] = 0;
  char *a = repair(NULL, plain), *b = repair(NULL, accented);
  size_t pa = 0, pb = 0;
  for (const char *p = a; *p; p++) pa += *p == '\n';
  for (const char *p = b; *p; p++) pb += *p == '\n';
  CHECK(pa == 2 && pb == 2); /* two paragraphs in both */
  free(a);
  free(b);
}

TD_TEST(lang_identification) {
  CHECK_STR(td_detect_lang("The minister said that the talks were over.", 44), "en");
  /* a short English text with more Dutch words than English ones ("met",
   * "in"), and a short Dutch one that leads clearly */
  CHECK_STR(td_detect_lang("Lopez met officials in Madrid.", 30), "en");
  CHECK_STR(td_detect_lang("De minister is in Amsterdam met de koning.", 42), "nl");
  const char *de = "Der Minister sagte, dass die Gespräche nicht zu Ende sind und dass er "
                   "mit den Partnern auf eine Lösung hofft, die für alle gut ist.";
  CHECK_STR(td_detect_lang(de, strlen(de)), "de");
  const char *ru = "\xd0\x9c\xd0\xb8\xd0\xbd\xd0\xb8\xd1\x81\xd1\x82\xd1\x80 "
                   "\xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb.";
  CHECK_STR(td_detect_lang(ru, strlen(ru)), "ru");
  /* the script count stops at 4000 letters: what follows does not count,
   * and more than 2000 Latin ones decide it at once */
  char *t = malloc(20000);
  size_t n = 0;
  for (int i = 0; i < 1000; i++) memcpy(t + n, "the cat ", 8), n += 8; /* 6000 letters */
  for (int i = 0; i < 2000; i++) memcpy(t + n, "\xd0\x96", 2), n += 2;
  CHECK_STR(td_detect_lang(t, n), "en");
  n = 0;
  for (int i = 0; i < 300; i++) memcpy(t + n, "ab cd! ", 7), n += 7; /* 1200 letters */
  for (int i = 0; i < 3000; i++) memcpy(t + n, "\xd0\x96", 2), n += 2;
  CHECK_STR(td_detect_lang(t, n), "ru");
  /* the word count may stop early only when the rest cannot change the
   * answer: English leads for 250 words (half of them function words),
   * then 150 German function words overtake it within the 400 counted */
  n = 0;
  for (int i = 0; i < 125; i++) memcpy(t + n, "the boat ", 9), n += 9;
  for (int i = 0; i < 150; i++) memcpy(t + n, "der ", 4), n += 4;
  CHECK_STR(td_detect_lang(t, n), "de");
  n = 0; /* and English that leads by more than what is left is English */
  for (int i = 0; i < 300; i++) memcpy(t + n, "the ", 4), n += 4;
  for (int i = 0; i < 90; i++) memcpy(t + n, "der ", 4), n += 4;
  CHECK_STR(td_detect_lang(t, n), "en");
  n = 0;
  for (int i = 0; i < 1999; i++) t[n++] = 'a'; /* 1999 Latin, then 2001 Cyrillic: Latin loses */
  for (int i = 0; i < 2500; i++) memcpy(t + n, "\xd0\x96", 2), n += 2;
  CHECK_STR(td_detect_lang(t, n), "ru");
  free(t);
}
