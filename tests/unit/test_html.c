/* test_html.c — HTML article extraction: boilerplate removal, metadata,
 * title cleaning, dates, pathological nesting, empty and binary input. */
#include "unit.h"
#include "ingest/ingest.h"

#include <stdlib.h>

static int extract(const char *html, td_html_doc *d) {
  return td_html_extract(html, strlen(html), d);
}

static const char *article_page =
    "<!doctype html><html lang=\"en-GB\"><head>"
    "<title>Council approves new bridge | Riverside Gazette</title>"
    "<meta property=\"og:site_name\" content=\"Riverside Gazette\">"
    "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">"
    "<link rel=\"canonical\" href=\"https://example.org/bridge\">"
    "<script>var junk = 'script text must not appear';</script>"
    "<style>p { color: red }</style></head><body>"
    "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>"
    "<header><div class=logo>Riverside Gazette</div></header>"
    "<div class=\"share-buttons\"><a href=#>Share on Facebook</a></div>"
    "<article><h1>Council approves new bridge</h1>"
    "<p>The city council voted on Tuesday to approve a new bridge across the "
    "river, ending a debate that has lasted nearly a decade, officials said.</p>"
    "<p>Construction is expected to begin in the spring, and the mayor said the "
    "project would be finished within three years, at a cost of about 40 "
    "million euros.</p>"
    "<p>Residents of the eastern districts, who now drive 20 minutes to the "
    "nearest crossing, welcomed the decision &amp; thanked the council.</p>"
    "<!-- a comment that must not appear -->"
    "</article>"
    "<aside class=related><a href=/a>Related story one</a></aside>"
    "<footer>Copyright 2024 Riverside Gazette. All rights reserved.</footer>"
    "</body></html>";

TD_TEST(html_article_body) {
  td_html_doc d;
  CHECK(extract(article_page, &d) == 0);
  CHECK(d.text && strstr(d.text, "The city council voted on Tuesday"));
  CHECK(d.text && strstr(d.text, "officials said.\n\nConstruction is expected"));
  CHECK(d.text && strstr(d.text, "decision & thanked")); /* entity decoded */
  CHECK(d.text && !strstr(d.text, "script text"));
  CHECK(d.text && !strstr(d.text, "color: red"));
  CHECK(d.text && !strstr(d.text, "Home"));
  CHECK(d.text && !strstr(d.text, "Share on Facebook"));
  CHECK(d.text && !strstr(d.text, "Related story"));
  CHECK(d.text && !strstr(d.text, "Copyright"));
  CHECK(d.text && !strstr(d.text, "a comment"));
  CHECK(d.text && d.text_len == strlen(d.text));
  CHECK_STR(d.title, "Council approves new bridge");
  CHECK_STR(d.site_name, "Riverside Gazette");
  CHECK_STR(d.date, "2024-03-05");
  CHECK_STR(d.lang, "en-GB");
  CHECK_STR(d.url, "https://example.org/bridge");
  CHECK(d.error == NULL);
  td_html_doc_free(&d);
}

TD_TEST(html_whitespace_and_breaks) {
  td_html_doc d;
  CHECK(extract("<body><div><p>  one\n\t two&nbsp; three </p>"
                "<p>line a<br>line b<br><br>line c</p></div></body>", &d) == 0);
  CHECK_STR(d.text, "one two three\n\nline a\nline b\n\nline c");
  td_html_doc_free(&d);
}

TD_TEST(html_title_suffix) {
  td_html_doc d;
  /* no structured title: the site suffix comes off the <title> */
  CHECK(extract("<html><head><title>Floods close the coastal road again - "
                "Coast News</title></head><body><p>Text of the story.</p>"
                "</body></html>", &d) == 0);
  CHECK_STR(d.title, "Floods close the coastal road again");
  td_html_doc_free(&d);
  /* the tail names the site (og:site_name): removed even from a short head */
  CHECK(extract("<head><title>Floods | Coast News</title>"
                "<meta property=og:site_name content='Coast News'></head>"
                "<body><p>Text.</p></body>", &d) == 0);
  CHECK_STR(d.title, "Floods");
  td_html_doc_free(&d);
  /* a short head may not be the headline: kept whole */
  CHECK(extract("<head><title>Floods again - Coast News</title></head>"
                "<body><p>Text.</p></body>", &d) == 0);
  CHECK_STR(d.title, "Floods again - Coast News");
  td_html_doc_free(&d);
  /* "Site | Headline": the head is too short, the headline is after it */
  CHECK(extract("<head><title>Coast News | Floods close the coastal road again</title>"
                "</head><body><p>Text.</p></body>", &d) == 0);
  CHECK_STR(d.title, "Floods close the coastal road again");
  td_html_doc_free(&d);
  /* a short head that an <h1> repeats is the headline */
  CHECK(extract("<head><title>Floods again - Coast News</title></head>"
                "<body><h1>Floods again</h1><p>Text.</p></body>", &d) == 0);
  CHECK_STR(d.title, "Floods again");
  td_html_doc_free(&d);
  CHECK(extract("<head><title>Coast News | Floods</title></head>"
                "<body><h1>Floods</h1><p>Text.</p></body>", &d) == 0);
  CHECK_STR(d.title, "Floods");
  td_html_doc_free(&d);
  /* an <h1> repeating the whole <title> keeps it whole */
  CHECK(extract("<head><title>Ask - Answer</title></head>"
                "<body><h1>Ask - Answer</h1><p>Text.</p></body>", &d) == 0);
  CHECK_STR(d.title, "Ask - Answer");
  td_html_doc_free(&d);
  /* JSON-LD headline wins over <title> */
  CHECK(extract("<head><title>Site front page</title><script type=\"application/ld+json\">"
                "{\"@type\":\"NewsArticle\",\"headline\":\"Storm hits the coast\","
                "\"datePublished\":\"2023-11-02T08:00:00+01:00\","
                "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Coast News\"}}"
                "</script></head><body><p>Text.</p></body>", &d) == 0);
  CHECK_STR(d.title, "Storm hits the coast");
  CHECK_STR(d.date, "2023-11-02");
  CHECK_STR(d.site_name, "Coast News");
  td_html_doc_free(&d);
}

TD_TEST(html_meta_dates) {
  static const struct {
    const char *html, *want;
  } cases[] = {
      {"<meta name=\"pubdate\" content=\"20150724\"><p>x</p>", "2015-07-24"},
      {"<meta name=\"DC.date.issued\" content=\"2015/07/24\"><p>x</p>", "2015-07-24"},
      {"<meta name=\"date\" content=\"July 24, 2015\"><p>x</p>", "2015-07-24"},
      {"<meta name=\"date\" content=\"Fri, 24 Jul 2015 10:00:00 GMT\"><p>x</p>", "2015-07-24"},
      {"<p>x <time datetime=\"2015-07-24T05:36\">yesterday</time></p>", "2015-07-24"},
      {"<span itemprop=\"datePublished\" content=\"2015-07-24\"></span><p>x</p>", "2015-07-24"},
      {"<p>x <span itemprop=\"datePublished\">24 July 2015</span></p>", "2015-07-24"},
      {"<meta name=\"date\" content=\"not a date\"><p>x</p>", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    td_html_doc d;
    CHECK(extract(cases[i].html, &d) == 0);
    if (cases[i].want) CHECK_STR(d.date, cases[i].want);
    else CHECK(d.date == NULL);
    td_html_doc_free(&d);
  }
}

TD_TEST(html_charsets) {
  td_html_doc d;
  /* windows-1252, declared */
  CHECK(extract("<meta charset=\"windows-1252\"><p>caf\xe9 \x93" "d\xe9j\xe0\x94</p>", &d) == 0);
  CHECK_STR(d.text, "caf\xc3\xa9 \xe2\x80\x9c" "d\xc3\xa9j\xc3\xa0\xe2\x80\x9d");
  td_html_doc_free(&d);
  /* gb2312 in an http-equiv: read as GB18030 */
  CHECK(extract("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                "<p>\xd6\xd0\xce\xc4</p>", &d) == 0);
  CHECK_STR(d.text, "\xe4\xb8\xad\xe6\x96\x87"); /* 中文 */
  td_html_doc_free(&d);
  /* UTF-16 with a byte order mark; a UTF-8 byte order mark is skipped */
  static const char u16[] = "\xff\xfe<\0p\0>\0h\0\xe9\0";
  CHECK(td_html_extract(u16, sizeof u16 - 1, &d) == 0);
  CHECK_STR(d.text, "h\xc3\xa9");
  td_html_doc_free(&d);
  CHECK(extract("\xef\xbb\xbf<p>bom</p>", &d) == 0);
  CHECK_STR(d.text, "bom");
  td_html_doc_free(&d);
  /* undeclared and not UTF-8: windows-1252 */
  CHECK(extract("<p>na\xefve</p>", &d) == 0);
  CHECK_STR(d.text, "na\xc3\xafve");
  td_html_doc_free(&d);
}

/* 100,000 nested elements: must finish quickly and keep the text. */
TD_TEST(html_deep_nesting) {
  const char *tags[] = {"div", "span", "b", "table"};
  for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
    size_t depth = 100000, tl = strlen(tags[t]);
    size_t cap = depth * (2 * tl + 5) + 64, n = 0;
    char *s = malloc(cap);
    for (size_t i = 0; i < depth; i++) n += (size_t)sprintf(s + n, "<%s>", tags[t]);
    n += (size_t)sprintf(s + n, "deep words");
    for (size_t i = 0; i < depth; i++) n += (size_t)sprintf(s + n, "</%s>", tags[t]);
    td_html_doc d;
    CHECK(td_html_extract(s, n, &d) == 0);
    CHECK(d.text && strstr(d.text, "deep words"));
    td_html_doc_free(&d);
    free(s);
  }
}

/* Shapes where the tree builder nests deeper than the tags suggest (an end
 * tag it ignores, the adoption agency): each took gumbo alone minutes. */
TD_TEST(html_deep_by_misnesting) {
  const char *units[] = {"<span><div></span>", "<b><div></b>", "<a href=x><div></a>",
                         "<ul><li><section><li></section>"};
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    size_t reps = 100000, ul = strlen(units[u]), n = 0;
    char *s = malloc(reps * ul + 16);
    for (size_t i = 0; i < reps; i++) memcpy(s + n, units[u], ul), n += ul;
    memcpy(s + n, "end words", 9);
    n += 9;
    td_html_doc d;
    CHECK(td_html_extract(s, n, &d) == 0);
    CHECK(d.text && strstr(d.text, "end words"));
    td_html_doc_free(&d);
    free(s);
  }
}

TD_TEST(html_empty_and_garbage) {
  td_html_doc d;
  CHECK(td_html_extract("", 0, &d) == -1);
  CHECK(d.error != NULL && d.text == NULL);
  td_html_doc_free(&d);
  CHECK(extract("<html><body><script>x()</script></body></html>", &d) == -1);
  CHECK(d.error != NULL);
  td_html_doc_free(&d);
  static const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  CHECK(td_html_extract(bin, sizeof bin - 1, &d) == -1);
  CHECK(d.error != NULL);
  td_html_doc_free(&d);
  /* declared UTF-8 but invalid: the bad bytes become U+FFFD */
  CHECK(extract("<meta charset=utf-8><p>caf\xe9 \xff\xfe ok</p>", &d) == 0);
  CHECK(d.text && strstr(d.text, "ok"));
  td_html_doc_free(&d);
  td_html_doc_free(NULL);
}

/* The dev pages, when ../shared is present: every page gives text. */
TD_TEST(html_readability_pages) {
  const char *sh = td_test_shared();
  if (!sh) {
    fprintf(stderr, "  skip html_readability_pages: no shared data\n");
    return;
  }
  char path[512];
  snprintf(path, sizeof path, "%s/data/readability-pages/bbc-1/source.html", sh);
  FILE *f = fopen(path, "rb");
  if (!f) return;
  char *buf = NULL;
  size_t n = 0, cap = 0, got;
  char chunk[8192];
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (n + got > cap) buf = realloc(buf, cap = (n + got) * 2);
    memcpy(buf + n, chunk, got);
    n += got;
  }
  fclose(f);
  td_html_doc d;
  CHECK(td_html_extract(buf, n, &d) == 0);
  CHECK(d.text && strstr(d.text, "President Barack Obama has admitted"));
  CHECK_STR(d.date, "2015-07-24");
  CHECK_STR(d.lang, "en");
  td_html_doc_free(&d);
  free(buf);
}
