/*
 * html.c — HTML article extraction: the ingest stage that turns a web page
 * into the article body as plain text plus its metadata (title, site name,
 * publication date, language, canonical URL).
 *
 * Steps, each a flat loop over arrays (no recursion on the page's depth):
 *   1. limit_depth: a light tag scanner caps the nesting depth of the raw
 *      bytes (gumbo's tree builder is quadratic in depth), dropping tags
 *      that would open deeper than TD_HTML_MAX_DEPTH.
 *   2. gumbo parses the bytes into a DOM (errors not recorded).
 *   3. read_meta walks the whole DOM for <meta>, <title>, JSON-LD, <h1>,
 *      <time>, <link rel=canonical>, <html lang>.
 *   4. flatten copies the DOM, minus boilerplate (scripts, navigation,
 *      hidden and "unlikely" blocks), into a pre-order array of nodes where
 *      a subtree is an index range [i, end).
 *   5. score_content gives paragraphs points (length, commas) that flow
 *      to their parent and ancestors, weighted by tag and class/id hints
 *      and discounted by link density; the best node and its worthy
 *      siblings are the article.
 *   6. render writes the article's text: whitespace collapsed, blocks
 *      separated by "\n\n", link lists and widgets left out.
 * When the result is short, 4-6 run again with gentler removal rules.
 */
#include "ingest.h"

#include <ctype.h>
#include <errno.h>
#include <gumbo.h>
#include <iconv.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TD_HTML_MAX_DEPTH 256
#define TD_HTML_MIN_TEXT 500 /* shorter articles trigger a gentler retry */

/* ---- small string helpers ---- */

static int is_ws(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Case-insensitive: does s[0..n) contain the NUL-terminated needle? */
static int has_word_ci(const char *s, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++)
    if (strncasecmp(s + i, needle, m) == 0) return 1;
  return 0;
}

/* Copy of s[0..n) with whitespace runs collapsed to one space and the ends
 * trimmed (U+00A0 counts as whitespace). Caller frees. */
static char *collapse_ws(const char *s, size_t n) {
  td_buf b = TD_BUF_INIT;
  int pend = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (is_ws(c) || (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)) {
      if (c == 0xC2) i++;
      pend = 1;
      continue;
    }
    if (pend && b.len) td_buf_putc(&b, ' ');
    pend = 0;
    td_buf_putc(&b, c);
  }
  td_buf_putc(&b, 0); /* make sure ptr is non-NULL */
  return td_buf_detach(&b, NULL);
}

/* ---- 0. character set ---- */

/* Is s[0..n) UTF-8? Yes when every sequence is valid, and also when the
 * valid multi-byte sequences outnumber the bad bytes twenty to one (a UTF-8
 * page with a stray byte; gumbo replaces that byte). */
static int looks_utf8(const char *s, size_t n) {
  size_t good = 0, bad = 0;
  for (size_t i = 0; i < n;) {
    if (!((unsigned char)s[i] & 0x80)) {
      i++;
      continue;
    }
    uint32_t cp;
    int k = td_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k <= 0) {
      bad++;
      i++;
    } else {
      good++;
      i += (size_t)k;
    }
  }
  return bad == 0 || good > bad * 20;
}

/* The charset a page declares in its first 4 KB (<meta charset=...> or
 * content="...; charset=..."), lower-cased into cs; 0 when none. */
static int declared_charset(const char *s, size_t n, char *cs, size_t cap) {
  size_t lim = n < 4096 ? n : 4096;
  for (size_t i = 0; i + 8 < lim; i++) {
    if (strncasecmp(s + i, "charset", 7) != 0) continue;
    size_t j = i + 7;
    while (j < lim && is_ws((unsigned char)s[j])) j++;
    if (j >= lim || s[j] != '=') continue;
    j++;
    while (j < lim && (is_ws((unsigned char)s[j]) || s[j] == '"' || s[j] == '\'')) j++;
    size_t k = 0;
    while (j < lim && k + 1 < cap && (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_' ||
                                      s[j] == ':' || s[j] == '.'))
      cs[k++] = (char)tolower((unsigned char)s[j++]);
    cs[k] = 0;
    if (k) return 1;
  }
  return 0;
}

/* Returns the page converted to UTF-8 (caller frees), or NULL when it is
 * UTF-8 already, nearly so, or says so (gumbo replaces the bad bytes). Pages
 * without a usable declaration are read as windows-1252, as browsers do;
 * bytes the charset cannot decode become U+FFFD. */
static char *to_utf8(const char *s, size_t n, size_t *outlen) {
  char cs[40] = "";
  const char *from = "WINDOWS-1252";
  if (td_utf16_bom(s, n))
    from = "UTF-16"; /* byte order mark */
  else if (looks_utf8(s, n))
    return NULL;
  else if (declared_charset(s, n, cs, sizeof cs)) {
    if (!strcmp(cs, "utf-8") || !strcmp(cs, "utf8")) return NULL;
    if (!strcmp(cs, "gb2312") || !strcmp(cs, "gbk") || !strcmp(cs, "x-gbk")) from = "GB18030";
    else if (strcmp(cs, "iso-8859-1") && strcmp(cs, "latin1") && strcmp(cs, "us-ascii") &&
             strcmp(cs, "ascii"))
      from = cs;
  }
  char *u = td_convert_utf8(from, s, n, outlen);
  return u ? u : td_convert_utf8("WINDOWS-1252", s, n, outlen);
}

char *td_convert_utf8(const char *from, const char *s, size_t n, size_t *outlen) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return NULL;
  td_buf b = TD_BUF_INIT;
  char *in = (char *)s;
  size_t inleft = n;
  while (inleft) {
    td_buf_reserve(&b, inleft * 2 + 16);
    char *out = b.ptr + b.len;
    size_t outleft = b.cap - b.len - 1, before = outleft;
    size_t r = iconv(cd, &in, &inleft, &out, &outleft);
    b.len += before - outleft;
    if (r == (size_t)-1 && errno != E2BIG) { /* EILSEQ or EINVAL */
      td_buf_put(&b, "\xEF\xBF\xBD", 3);
      in++, inleft--;
      iconv(cd, NULL, NULL, NULL, NULL);
    }
  }
  iconv_close(cd);
  td_buf_putc(&b, 0);
  b.len--;
  return td_buf_detach(&b, outlen);
}

/* ---- 1. depth limiting on the raw bytes ---- */

typedef struct scan_ent {
  uint64_t h;      /* hash of the lower-cased tag name */
  uint8_t foreign; /* inside <svg> or <math> */
  uint8_t fence;   /* a scope boundary: end tags do not search past it */
  uint8_t special; /* HTML's "special" category (most block elements) */
  uint8_t adp;     /* address, div or p: special, yet passed by li/dt/dd */
} scan_ent;

/* Ways scan_find may stop before finding its element. */
enum { SF_THROUGH_FENCE = 1, SF_STOP_SPECIAL = 2, SF_STOP_SPECIAL_BUT_ADP = 4 };

static uint64_t name_hash(const char *s, size_t n) {
  char low[32];
  if (n > sizeof low) n = sizeof low;
  for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]);
  return td_hash64(low, n);
}

/* Does s[0..n) (a tag name: no NUL inside) equal the lower-case lit? */
static int name_is(const char *s, size_t n, const char *lit) {
  return n && tolower((unsigned char)s[0]) == lit[0] && strncasecmp(s, lit, n) == 0 &&
         lit[n] == '\0';
}

static int name_in(const char *s, size_t n, const char *const *list) {
  for (; *list; list++)
    if (name_is(s, n, *list)) return 1;
  return 0;
}

static const char *const void_tags[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr", "keygen", "basefont", "bgsound",
    "frame", "image", "isindex", "menuitem", NULL};
static const char *const raw_tags[] = {
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea",
    "title", "noscript", NULL};
static const char *const fence_tags[] = {
    "html", "table", "td", "th", "caption", "template", "applet", "object",
    "marquee", NULL};
static const char *const breakout_tags[] = {
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div",
    "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
    "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup",
    "table", "tt", "u", "ul", "var", NULL};
static const char *const special_tags[] = {
    "address", "applet", "article", "aside", "blockquote", "body", "button",
    "caption", "center", "colgroup", "dd", "details", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "html",
    "iframe", "li", "listing", "main", "marquee", "menu", "nav", "noembed",
    "noframes", "noscript", "object", "ol", "p", "plaintext", "pre", "script",
    "section", "select", "style", "summary", "table", "tbody", "td",
    "template", "textarea", "tfoot", "th", "thead", "title", "tr", "ul",
    "xmp", NULL};
/* End tags that the tree builder looks up through special elements (those
 * with "in scope" rules, and the formatting elements); any other end tag
 * stops at the first special element. */
static const char *const scoped_end_tags[] = {
    "address", "article", "aside", "blockquote", "button", "center",
    "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
    "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav",
    "ol", "pre", "section", "summary", "ul", "form", "p", "li", "dd", "dt",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "b", "big", "code", "em", "font",
    "i", "nobr", "s", "small", "strike", "strong", "tt", "u", "applet",
    "marquee", "object", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
    "caption", "colgroup", "select", "template", "body", "html", "svg",
    "math", NULL};
static const char *const formatting_tags[] = {
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
    "strike", "strong", "tt", "u", NULL};
static const char *const p_closers[] = {
    "address", "article", "aside", "blockquote", "center", "details",
    "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
    "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "section",
    "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing",
    "form", "table", "hr", "li", "dd", "dt", NULL};

/* What the scanner needs to know of a tag name, looked up by its hash. */
enum {
  T_VOID = 1, T_RAW = 2, T_FENCE = 4, T_BREAKOUT = 8, T_PCLOSE = 16,
  T_SPECIAL = 32, T_SCOPED_END = 64, T_FORMATTING = 128, T_ADP = 256,
  T_LI = 512, T_DTDD = 1024, T_TR = 2048, T_CELL = 4096, T_OPTION = 8192,
  T_FOREIGN = 16384, T_PLAINTEXT = 32768, T_P_OR_BR = 65536
};
typedef struct tag_class {
  uint64_t h;
  unsigned flags;
} tag_class;

typedef struct scanner {
  scan_ent *st;
  size_t n, cap;
  tag_class cls[1024]; /* open addressing on the name hash */
  uint32_t cnt[4096]; /* how many stack entries per hash bucket */
  uint64_t hp, hli, hdt, hdd, hdl, hul, hol, htd, hth, htr, hopt, htab;
} scanner;

static void class_add(scanner *s, const char *name, unsigned flag) {
  uint64_t h = name_hash(name, strlen(name));
  size_t i = h & 1023;
  while (s->cls[i].flags && s->cls[i].h != h) i = (i + 1) & 1023;
  s->cls[i].h = h;
  s->cls[i].flags |= flag;
}

static unsigned class_of(const scanner *s, uint64_t h) {
  for (size_t i = h & 1023; s->cls[i].flags; i = (i + 1) & 1023)
    if (s->cls[i].h == h) return s->cls[i].flags;
  return 0;
}

static void class_list(scanner *s, const char *const *list, unsigned flag) {
  for (; *list; list++) class_add(s, *list, flag);
}

static void scan_init(scanner *s) {
  class_list(s, void_tags, T_VOID);
  class_list(s, raw_tags, T_RAW);
  class_list(s, fence_tags, T_FENCE);
  class_list(s, breakout_tags, T_BREAKOUT);
  class_list(s, p_closers, T_PCLOSE);
  class_list(s, special_tags, T_SPECIAL);
  class_list(s, scoped_end_tags, T_SCOPED_END);
  class_list(s, formatting_tags, T_FORMATTING);
  static const char *const adp[] = {"address", "div", "p", NULL};
  static const char *const dtdd[] = {"dt", "dd", NULL};
  static const char *const cell[] = {"td", "th", NULL};
  static const char *const foreign[] = {"svg", "math", NULL};
  static const char *const pbr[] = {"p", "br", NULL};
  class_list(s, adp, T_ADP);
  class_list(s, dtdd, T_DTDD);
  class_list(s, cell, T_CELL);
  class_list(s, foreign, T_FOREIGN);
  class_list(s, pbr, T_P_OR_BR);
  class_add(s, "li", T_LI);
  class_add(s, "tr", T_TR);
  class_add(s, "option", T_OPTION);
  class_add(s, "plaintext", T_PLAINTEXT);
  s->hp = name_hash("p", 1), s->hli = name_hash("li", 2);
  s->hdt = name_hash("dt", 2), s->hdd = name_hash("dd", 2);
  s->hdl = name_hash("dl", 2), s->hul = name_hash("ul", 2);
  s->hol = name_hash("ol", 2), s->htd = name_hash("td", 2);
  s->hth = name_hash("th", 2), s->htr = name_hash("tr", 2);
  s->hopt = name_hash("option", 6), s->htab = name_hash("table", 5);
}

static void scan_push(scanner *s, uint64_t h, int foreign, int fence, int special,
                      int adp) {
  TD_GROW(s->st, s->cap, s->n + 1);
  s->st[s->n++] = (scan_ent){h, (uint8_t)foreign, (uint8_t)fence, (uint8_t)special,
                             (uint8_t)adp};
  s->cnt[h & 4095]++;
}

static void scan_pop_to(scanner *s, size_t k) {
  while (s->n > k) s->cnt[s->st[--s->n].h & 4095]--;
}

/* Index of the topmost entry named a or b (0: unused), not searching past
 * an entry named stop1 or stop2, nor past a fence (unless SF_THROUGH_FENCE)
 * or a special element (with SF_STOP_SPECIAL...); -1 when absent. */
static long scan_find(scanner *s, uint64_t a, uint64_t b, uint64_t stop1,
                      uint64_t stop2, int how) {
  if (!s->cnt[a & 4095] && (!b || !s->cnt[b & 4095])) return -1;
  for (size_t i = s->n; i-- > 0;) {
    const scan_ent *e = &s->st[i];
    if (e->h == a || (b && e->h == b)) return (long)i;
    if ((stop1 && e->h == stop1) || (stop2 && e->h == stop2)) return -1;
    if (e->fence && !(how & SF_THROUGH_FENCE)) return -1;
    if (e->special && (how & SF_STOP_SPECIAL)) return -1;
    if (e->special && !e->adp && (how & SF_STOP_SPECIAL_BUT_ADP)) return -1;
  }
  return -1;
}

/* Pops the element a start tag closes implicitly (p before a block, li
 * before li, dt/dd, td/th, tr, option), as the HTML tree builder would. */
static void scan_implied(scanner *s, unsigned cl) {
  long k = -1;
  if ((cl & T_PCLOSE) && (k = scan_find(s, s->hp, 0, 0, 0, 0)) >= 0)
    scan_pop_to(s, (size_t)k);
  if (cl & T_LI)
    k = scan_find(s, s->hli, 0, s->hul, s->hol, SF_STOP_SPECIAL_BUT_ADP);
  else if (cl & T_DTDD)
    k = scan_find(s, s->hdt, s->hdd, s->hdl, 0, SF_STOP_SPECIAL_BUT_ADP);
  else if (cl & T_TR)
    k = scan_find(s, s->htr, 0, s->htab, 0, SF_THROUGH_FENCE);
  else if (cl & T_CELL)
    k = scan_find(s, s->htd, s->hth, s->htab, 0, SF_THROUGH_FENCE);
  else if ((cl & T_OPTION) && s->n && s->st[s->n - 1].h == s->hopt)
    k = (long)s->n - 1;
  else
    k = -1;
  if (k >= 0) scan_pop_to(s, (size_t)k);
}

/* Position just past the '>' ending a tag whose attributes start at i
 * (quotes honoured after '='), or len. *selfclose says "/>". */
static size_t skip_attrs(const char *s, size_t len, size_t i, int *selfclose) {
  *selfclose = 0;
  while (i < len) {
    char c = s[i];
    if (c == '>') {
      *selfclose = i > 0 && s[i - 1] == '/';
      return i + 1;
    }
    if (c == '=') {
      i++;
      while (i < len && is_ws((unsigned char)s[i])) i++;
      if (i < len && (s[i] == '"' || s[i] == '\'')) {
        const char *q = memchr(s + i + 1, s[i], len - i - 1);
        i = q ? (size_t)(q - s) + 1 : len;
      }
      continue;
    }
    i++;
  }
  return len;
}

/* Position of the "</name" that ends a raw-text element, or len. */
static size_t skip_raw(const char *s, size_t len, size_t i, const char *nm, size_t n) {
  while (i + 2 + n <= len) {
    const char *lt = memchr(s + i, '<', len - i);
    if (!lt) return len;
    i = (size_t)(lt - s);
    if (i + 2 + n <= len && s[i + 1] == '/' && strncasecmp(s + i + 2, nm, n) == 0)
      return i;
    i++;
  }
  return len;
}

/* Returns a copy of the page (caller frees) without the start tags that
 * would nest deeper than TD_HTML_MAX_DEPTH, or NULL when nothing had to go.
 * The scanner only estimates the tree builder's stack; it errs towards
 * counting too deep, which costs at worst some dropped tags. */
static char *limit_depth(const char *s, size_t len, size_t *outlen) {
  scanner *sc = td_xcalloc(1, sizeof *sc);
  scan_init(sc);
  td_buf out = TD_BUF_INIT;
  size_t copied = 0, i = 0;
  int dropped = 0;
  size_t stray = 0; /* end tags that close nothing */
  while (i < len) {
    const char *lt = memchr(s + i, '<', len - i);
    if (!lt) break;
    size_t t = (size_t)(lt - s), j = t + 1;
    if (j >= len) break;
    if (s[j] == '!') {
      if (j + 2 < len && s[j + 1] == '-' && s[j + 2] == '-') {
        const char *e = memmem(s + j + 3, len - j - 3, "-->", 3);
        i = e ? (size_t)(e - s) + 3 : len;
      } else {
        const char *e = memchr(s + j, '>', len - j);
        i = e ? (size_t)(e - s) + 1 : len;
      }
      continue;
    }
    if (s[j] == '?') {
      const char *e = memchr(s + j, '>', len - j);
      i = e ? (size_t)(e - s) + 1 : len;
      continue;
    }
    int end = s[j] == '/';
    if (end) j++;
    if (j >= len || !isalpha((unsigned char)s[j])) {
      if (end) { /* bogus comment */
        const char *e = memchr(s + j, '>', len - j);
        i = e ? (size_t)(e - s) + 1 : len;
      } else {
        i = t + 1;
      }
      continue;
    }
    size_t nb = j;
    while (j < len && s[j] && !is_ws((unsigned char)s[j]) && s[j] != '/' && s[j] != '>') j++;
    const char *nm = s + nb;
    size_t nl = j - nb;
    int selfclose;
    i = skip_attrs(s, len, j, &selfclose);
    uint64_t h = name_hash(nm, nl);
    unsigned cl = class_of(sc, h);
    if (end && (cl & T_FORMATTING)) {
      /* With a block opened inside it, the tree builder's "adoption
       * agency" closes the formatting element yet keeps the depth (it
       * reopens a copy inside the block): pop only when there is none. */
      long k = scan_find(sc, h, 0, 0, 0, 0);
      if (k < 0) continue;
      size_t above = (size_t)k + 1;
      while (above < sc->n && !sc->st[above].special) above++;
      if (above == sc->n) scan_pop_to(sc, (size_t)k);
      continue;
    }
    if (end) {
      int how = (cl & T_FENCE) ? SF_THROUGH_FENCE : (cl & T_SCOPED_END) ? 0 : SF_STOP_SPECIAL;
      long k = scan_find(sc, h, 0, 0, 0, how);
      if (k >= 0) {
        scan_pop_to(sc, (size_t)k);
      } else if (++stray > 4096 && !(cl & T_P_OR_BR)) {
        /* the tree builder would search its whole stack for each of these
         * and then ignore it: past a few thousand, drop them */
        td_buf_put(&out, s + copied, t - copied);
        copied = i;
        dropped = 1;
      }
      continue;
    }
    int foreign = sc->n && sc->st[sc->n - 1].foreign;
    if (foreign && (cl & T_BREAKOUT)) {
      while (sc->n && sc->st[sc->n - 1].foreign) scan_pop_to(sc, sc->n - 1);
      foreign = 0;
    }
    if (cl & T_PLAINTEXT) break;
    int is_void = (cl & T_VOID) || (foreign && selfclose);
    if (!is_void) {
      if (sc->n >= TD_HTML_MAX_DEPTH) { /* drop this start tag */
        td_buf_put(&out, s + copied, t - copied);
        copied = i;
        dropped = 1;
      } else {
        scan_implied(sc, cl);
        scan_push(sc, h, foreign || (cl & T_FOREIGN), (cl & T_FENCE) != 0,
                  !foreign && (cl & T_SPECIAL), (cl & T_ADP) != 0);
      }
    }
    if ((cl & T_RAW) && !selfclose) i = skip_raw(s, len, i, nm, nl);
  }
  free(sc->st);
  free(sc);
  if (!dropped) {
    td_buf_free(&out);
    return NULL;
  }
  td_buf_put(&out, s + copied, len - copied);
  return td_buf_detach(&out, outlen);
}

/* ---- gumbo glue ---- */

static void *g_alloc(void *ud, size_t n) {
  (void)ud;
  return td_xmalloc(n ? n : 1);
}
static void g_free(void *ud, void *p) {
  (void)ud;
  free(p);
}

static const char *attr(GumboNode *n, const char *name) {
  if (n->type != GUMBO_NODE_ELEMENT) return NULL;
  GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : NULL;
}

static const GumboVector *children_of(GumboNode *n) {
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
    return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return NULL;
}

/* An explicit-stack pre-order walk over a gumbo subtree:
 *   walker w; walk_init(&w, root);
 *   for (GumboNode *n; (n = walk_next(&w, 1));) { ... w.last = NULL; ... }
 * Setting w.last to NULL skips the children of the node returned last. */
typedef struct walk_frame {
  GumboNode *n;
  unsigned next;
} walk_frame;
typedef struct walker {
  walk_frame *st;
  size_t n, cap;
  GumboNode *last;
} walker;

static void walk_init(walker *w, GumboNode *root) {
  memset(w, 0, sizeof *w);
  TD_GROW(w->st, w->cap, 1);
  w->st[w->n++] = (walk_frame){root, 0};
}

static GumboNode *walk_next(walker *w, int descend) {
  if (w->last && descend && children_of(w->last) && children_of(w->last)->length) {
    TD_GROW(w->st, w->cap, w->n + 1);
    w->st[w->n++] = (walk_frame){w->last, 0};
  }
  w->last = NULL;
  while (w->n) {
    walk_frame *f = &w->st[w->n - 1];
    const GumboVector *c = children_of(f->n);
    if (!c || f->next >= c->length) {
      w->n--;
      continue;
    }
    w->last = c->data[f->next++];
    return w->last;
  }
  return NULL;
}

/* Appends the collapsed text of a subtree to b (scripts and styles left
 * out). */
static void subtree_text(GumboNode *root, td_buf *b) {
  walker w;
  walk_init(&w, root);
  for (GumboNode *n; (n = walk_next(&w, 1));) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      td_buf_puts(b, n->v.text.text);
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      GumboTag t = n->v.element.tag;
      if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE) w.last = NULL; /* skip */
      if (t == GUMBO_TAG_BR) td_buf_putc(b, ' ');
    }
  }
  free(w.st);
}

static char *node_text(GumboNode *n) {
  td_buf b = TD_BUF_INIT;
  subtree_text(n, &b);
  char *r = collapse_ws(b.ptr ? b.ptr : "", b.len);
  td_buf_free(&b);
  return r;
}

/* ---- 3. metadata ---- */

enum { M_TITLE_LD, M_TITLE_DC, M_TITLE_OG, M_TITLE_TW, M_TITLE_PARSELY,
       M_TITLE_DOC, M_SITE_OG, M_SITE_APP, M_SITE_LD,
       M_DATE_ARTICLE, M_DATE_LD, M_DATE_ITEMPROP, M_DATE_META, M_DATE_TIME,
       M_URL_CANON, M_URL_OG, M_LANG, M_LANG_META, M_COUNT };

typedef struct meta {
  char *v[M_COUNT];
  uint8_t from_prop[M_COUNT]; /* set from a property attribute */
  const char *doc_title_raw;  /* for choosing between JSON-LD names */
  char **h1;   /* texts of <h1> elements, in order */
  size_t nh1, caph1;
} meta;

static void meta_set(meta *m, int k, const char *val) {
  if (m->v[k] || !val) return;
  char *c = collapse_ws(val, strlen(val));
  if (!*c) {
    free(c);
    return;
  }
  m->v[k] = c;
}

static const char *const date_meta_names[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created",
    "dcterms.date", "dcterms.issued", "article.published", "sailthru.date",
    "parsely-pub-date", "og:published_time", "published_time",
    "article:published", "originalpublicationdate", "displaydate",
    "datepublished", "release_date", "citation_publication_date",
    "citation_date", "dc:date", "dcterm:created", NULL};

static int same_text(const char *a, const char *b);

/* Stores one <meta> key/value. A value given by a property attribute
 * (RDFa: og:, article:, dc:) wins over one given by a name attribute. */
static void meta_key(meta *m, const char *k, size_t kl, const char *content, int prop) {
  int slot = -1;
  if (!strcmp(k, "og:title")) slot = M_TITLE_OG;
  else if (!strcmp(k, "twitter:title")) slot = M_TITLE_TW;
  else if (!strcmp(k, "dc.title") || !strcmp(k, "dc:title") ||
           !strcmp(k, "dcterm:title") || !strcmp(k, "dcterms.title"))
    slot = M_TITLE_DC;
  else if (!strcmp(k, "parsely-title")) slot = M_TITLE_PARSELY;
  else if (!strcmp(k, "og:site_name")) slot = M_SITE_OG;
  else if (!strcmp(k, "application-name")) slot = M_SITE_APP;
  else if (!strcmp(k, "article:published_time") ||
           !strcmp(k, "og:article:published_time"))
    slot = M_DATE_ARTICLE;
  else if (!strcmp(k, "datepublished")) slot = M_DATE_ITEMPROP;
  else if (!strcmp(k, "og:url")) slot = M_URL_OG;
  else if (!strcmp(k, "language") || !strcmp(k, "content-language") ||
           !strcmp(k, "dc.language"))
    slot = M_LANG_META;
  else if (name_in(k, kl, date_meta_names)) slot = M_DATE_META;
  if (slot < 0) return;
  if (prop && m->v[slot] && !m->from_prop[slot]) {
    free(m->v[slot]);
    m->v[slot] = NULL;
  }
  if (!m->v[slot]) {
    meta_set(m, slot, content);
    m->from_prop[slot] = (uint8_t)prop;
  }
}

/* Reads one <meta>: its property, name and itemprop keys. */
static void meta_tag(meta *m, GumboNode *n) {
  const char *content = attr(n, "content");
  if (!content) return;
  const char *keys[3] = {attr(n, "property"), attr(n, "name"), attr(n, "itemprop")};
  for (int i = 0; i < 3; i++) {
    if (!keys[i]) continue;
    /* property may hold several space-separated names */
    const char *p = keys[i];
    while (*p) {
      while (*p && is_ws((unsigned char)*p)) p++;
      const char *q = p;
      while (*q && !is_ws((unsigned char)*q)) q++;
      char k[64];
      size_t kl = td_lower_ascii(k, sizeof k, p, (size_t)(q - p));
      p = q;
      if (!kl) continue;
      meta_key(m, k, kl, content, i == 0);
    }
  }
  const char *he = attr(n, "http-equiv");
  if (he && !strcasecmp(he, "content-language")) meta_set(m, M_LANG_META, content);
}

static int ld_type_is_article(json_t *o) {
  json_t *t = json_object_get(o, "@type");
  const char *s = json_string_value(t);
  if (!s && json_is_array(t)) s = json_string_value(json_array_get(t, 0));
  if (!s) return 0;
  return strstr(s, "Article") || strstr(s, "Posting") || strstr(s, "Report") ||
         !strcmp(s, "WebPage") || strstr(s, "Story");
}

/* Reads headline, datePublished and publisher from one JSON-LD object. */
static void ld_object(meta *m, json_t *o) {
  if (!json_is_object(o) || !ld_type_is_article(o)) return;
  const char *h = json_string_value(json_object_get(o, "headline"));
  const char *nm = json_string_value(json_object_get(o, "name"));
  json_t *pub = json_object_get(o, "publisher");
  if (json_is_array(pub)) pub = json_array_get(pub, 0);
  const char *pname = json_is_object(pub) ? json_string_value(json_object_get(pub, "name")) : NULL;
  if (nm && (same_text(nm, pname) || same_text(nm, m->v[M_SITE_OG]))) nm = NULL;
  /* headline and name differ: take the one the page's <title> repeats */
  if (h && nm && strcmp(h, nm) && m->doc_title_raw && strstr(m->doc_title_raw, nm) &&
      !strstr(m->doc_title_raw, h))
    h = nm;
  meta_set(m, M_TITLE_LD, h ? h : nm);
  meta_set(m, M_SITE_LD, pname);
  meta_set(m, M_DATE_LD, json_string_value(json_object_get(o, "datePublished")));
}

static void ld_script(meta *m, const char *txt) {
  json_error_t err;
  /* the JSON proper, without a CDATA or comment wrapper */
  const char *b = txt, *cd = strstr(txt, "<![CDATA[");
  if (cd) b = cd + 9;
  b += strcspn(b, "{[");
  const char *e = strstr(b, "]]>");
  if (!e) e = b + strlen(b);
  while (e > b && e[-1] != '}' && e[-1] != ']') e--;
  if (e <= b) return;
  json_t *root = json_loadb(b, (size_t)(e - b), 0, &err);
  if (!root) return;
  json_t *items[2] = {root, json_object_get(root, "@graph")};
  for (int k = 0; k < 2; k++) {
    json_t *it = items[k];
    if (json_is_array(it)) {
      size_t i;
      json_t *v;
      json_array_foreach(it, i, v) ld_object(m, v);
    } else {
      ld_object(m, it);
    }
  }
  json_decref(root);
}

/* Walks the whole DOM once for metadata (including the parts that the
 * extraction drops: <head>, scripts, headers). */
static void read_meta(meta *m, GumboNode *root) {
  meta_set(m, M_LANG, attr(root, "lang"));
  if (!m->v[M_LANG]) meta_set(m, M_LANG, attr(root, "xml:lang"));
  char *ld[16]; /* JSON-LD scripts, read once the <title> is known */
  size_t nld = 0;
  walker w;
  walk_init(&w, root);
  for (GumboNode *n; (n = walk_next(&w, 1));) {
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    switch (n->v.element.tag) {
    case GUMBO_TAG_META:
      meta_tag(m, n);
      break;
    case GUMBO_TAG_TITLE:
      if (!m->v[M_TITLE_DOC] && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
        char *t = node_text(n);
        meta_set(m, M_TITLE_DOC, t);
        free(t);
      }
      break;
    case GUMBO_TAG_LINK: {
      const char *rel = attr(n, "rel");
      if (rel && !strcasecmp(rel, "canonical")) meta_set(m, M_URL_CANON, attr(n, "href"));
      break;
    }
    case GUMBO_TAG_SCRIPT: {
      const char *ty = attr(n, "type");
      if (ty && !strcasecmp(ty, "application/ld+json") && nld < 16) {
        td_buf b = TD_BUF_INIT;
        subtree_text(n, &b);
        ld[nld++] = td_buf_detach(&b, NULL);
      }
      break;
    }
    case GUMBO_TAG_TIME: {
      const char *dt = attr(n, "datetime");
      if (dt && (attr(n, "pubdate") || !m->v[M_DATE_TIME])) {
        free(m->v[M_DATE_TIME]);
        m->v[M_DATE_TIME] = NULL;
        meta_set(m, M_DATE_TIME, dt);
      }
      break;
    }
    case GUMBO_TAG_H1:
      if (m->nh1 < 8) {
        TD_GROW(m->h1, m->caph1, m->nh1 + 1);
        m->h1[m->nh1++] = node_text(n);
      }
      break;
    default:
      break;
    }
    const char *ip = attr(n, "itemprop");
    if (ip && !strcasecmp(ip, "datePublished") && !m->v[M_DATE_ITEMPROP]) {
      const char *v = attr(n, "datetime");
      if (!v) v = attr(n, "content");
      if (v) {
        meta_set(m, M_DATE_ITEMPROP, v);
      } else { /* the date as text: <span itemprop=datePublished>July 4</span> */
        char *t = node_text(n);
        meta_set(m, M_DATE_ITEMPROP, t);
        free(t);
      }
    }
  }
  free(w.st);
  m->doc_title_raw = m->v[M_TITLE_DOC];
  for (size_t i = 0; i < nld; i++) {
    if (ld[i]) ld_script(m, ld[i]);
    free(ld[i]);
  }
}

static void meta_free(meta *m) {
  for (int i = 0; i < M_COUNT; i++) free(m->v[i]);
  for (size_t i = 0; i < m->nh1; i++) free(m->h1[i]);
  free(m->h1);
}

/* ---- 4. the flat node array ---- */

enum { F_STRIP_UNLIKELY = 1, F_WEIGHT_CLASSES = 2, F_CLEAN = 4 };

typedef struct hnode {
  GumboNode *g;
  int parent;          /* index, -1 for the root */
  int end;             /* one past the last descendant */
  int tag;             /* GumboTag, or -1 for a text node */
  uint32_t chars;      /* collapsed text length in code points, subtree */
  uint32_t link_chars; /* of which inside <a> */
  uint32_t commas;
  uint32_t nblock;     /* block-level element children */
  int weight;          /* class/id hint weight */
  double score;
  uint8_t candidate;   /* score initialized */
  uint8_t drop;        /* left out of the rendering */
} hnode;

typedef struct tree {
  hnode *n;
  size_t len, cap;
} tree;

static int is_block_tag(int t) {
  switch (t) {
  case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
  case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
  case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
  case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
  case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
  case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
  case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
  case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING:
  case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
  case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
  case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
  case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
  case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION:
  case GUMBO_TAG_LEGEND: case GUMBO_TAG_HTML:
    return 1;
  default:
    return 0;
  }
}

/* Tags whose whole subtree never belongs to an article's text. */
static int is_junk_tag(GumboTag t) {
  switch (t) {
  case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
  case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
  case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
  case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT:
  case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
  case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
  case GUMBO_TAG_HEAD: case GUMBO_TAG_LINK: case GUMBO_TAG_META:
  case GUMBO_TAG_MENU: case GUMBO_TAG_TITLE:
  case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_MAP:
  case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION:
    return 1;
  default:
    return 0;
  }
}

/* Words of class and id names that mark boilerplate, and those that mark
 * content. Matched as substrings of the lower-cased class + id. */
static const char *const neg_hints[] = {
    "comment", "disqus", "footer", "sidebar", "share", "sharing", "social",
    "related", "promo", "sponsor", "advert", "banner", "breadcrumb",
    "newsletter", "subscribe", "signup", "sign-up", "cookie", "gdpr", "popup",
    "modal", "pagination", "pager", "outbrain", "taboola", "masthead",
    "toolbar", "skip-link", "widget", "recommend", "trending", "most-popular",
    "mostpopular", "byline", "author-bio", "topics", "print-only",
    "navbar", "navigation", "header", "login", "paywall",
    "more-stories", "read-more", "readmore", "also-read", "follow",
    "copyright", "disclaimer", "shoutbox", "combx",
    "tooltip", "dropdown", NULL};
static const char *const pos_hints[] = {
    "article", "content", "story", "body", "post", "entry", "text", "main",
    "blog", "column", "hentry", NULL};
/* Names that keep an "unlikely" block from being removed outright. */
static const char *const keep_hints[] = {"article", "content", "body", "main",
                                         "column", NULL};
/* Short words matched only as whole tokens of the name. */
static const char *const neg_tokens[] = {"ad", "ads", "nav", "extra", "meta",
                                         "tools", "aside", "foot", "more",
                                         "menu", "rss", "tags", NULL};

static int token_match(const char *s, size_t n, const char *const *list) {
  size_t i = 0;
  while (i < n) {
    while (i < n && !isalnum((unsigned char)s[i])) i++;
    size_t b = i;
    while (i < n && isalnum((unsigned char)s[i])) i++;
    if (i > b && name_in(s + b, i - b, list)) return 1;
  }
  return 0;
}

/* -1 unlikely, +1 likely, 0 neither; from the class and id attributes. */
static int class_hint(GumboNode *g, int *weight) {
  const char *c = attr(g, "class"), *id = attr(g, "id");
  char buf[512];
  size_t n = 0;
  if (c) n += td_lower_ascii(buf, sizeof buf, c, strlen(c));
  if (id && n + 2 < sizeof buf) {
    buf[n++] = ' ';
    n += td_lower_ascii(buf + n, sizeof buf - n, id, strlen(id));
  }
  *weight = 0;
  if (!n) return 0;
  int neg = 0, pos = 0, keep = 0;
  for (const char *const *h = neg_hints; *h; h++)
    if (has_word_ci(buf, n, *h)) neg = 1;
  if (!neg && token_match(buf, n, neg_tokens)) neg = 1;
  for (const char *const *h = pos_hints; *h; h++)
    if (has_word_ci(buf, n, *h)) pos = 1;
  for (const char *const *h = keep_hints; *h; h++)
    if (has_word_ci(buf, n, *h)) keep = 1;
  *weight = (pos ? 25 : 0) - (neg ? 25 : 0);
  if (neg && !keep) return -1;
  return pos && !neg ? 1 : 0;
}

static int is_hidden(GumboNode *g) {
  if (attr(g, "hidden")) return 1;
  const char *ah = attr(g, "aria-hidden");
  if (ah && !strcmp(ah, "true")) return 1;
  const char *st = attr(g, "style");
  if (st) {
    char buf[256];
    size_t n = 0;
    for (const char *p = st; *p && n + 1 < sizeof buf; p++)
      if (!is_ws((unsigned char)*p)) buf[n++] = (char)tolower((unsigned char)*p);
    buf[n] = 0;
    if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden")) return 1;
  }
  const char *role = attr(g, "role");
  if (role && (!strcmp(role, "navigation") || !strcmp(role, "complementary") ||
               !strcmp(role, "contentinfo") || !strcmp(role, "banner") ||
               !strcmp(role, "dialog") || !strcmp(role, "alert") ||
               !strcmp(role, "menubar") || !strcmp(role, "menu")))
    return 1;
  return 0;
}

/* Should the element (and its subtree) be left out before scoring? */
static int removable(GumboNode *g, int flags, int *weight) {
  GumboTag t = g->v.element.tag;
  int hint = class_hint(g, weight);
  if (is_junk_tag(t) || is_hidden(g)) return 1;
  if (g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML &&
      g->v.element.tag_namespace != GUMBO_NAMESPACE_MATHML)
    return 1;
  if (t == GUMBO_TAG_HEADER && (flags & F_STRIP_UNLIKELY)) return 1;
  if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_ARTICLE ||
      t == GUMBO_TAG_MAIN || t == GUMBO_TAG_A || t == GUMBO_TAG_TABLE ||
      t == GUMBO_TAG_TBODY || t == GUMBO_TAG_TR || t == GUMBO_TAG_TD)
    return 0;
  return (flags & F_STRIP_UNLIKELY) && hint < 0;
}

/* Counts text in code points with whitespace runs as one, and commas. */
static void text_stats(const char *s, uint32_t *chars, uint32_t *commas) {
  int ws = 1;
  uint32_t c = 0, k = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (is_ws(*p)) {
      if (!ws) c++;
      ws = 1;
      continue;
    }
    ws = 0;
    if ((*p & 0xC0) != 0x80) c++;
    if (*p == ',') k++;
    else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) k++; /* U+FF0C */
    else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81) k++; /* U+3001 */
  }
  *chars = c;
  *commas = k;
}

/* Builds the pre-order node array of the page minus removable subtrees,
 * then sums text, link text and commas bottom-up. */
static void flatten(tree *tr, GumboNode *root, int flags) {
  tr->len = 0;
  int *stack = NULL; /* array indexes of the open ancestors */
  size_t sp = 0, scap = 0;
  walker w;
  walk_init(&w, root);
  TD_GROW(tr->n, tr->cap, 1);
  tr->n[tr->len++] = (hnode){.g = root, .parent = -1, .tag = GUMBO_TAG_HTML};
  TD_GROW(stack, scap, 1);
  stack[sp++] = 0;
  for (GumboNode *g; (g = walk_next(&w, 1));) {
    /* close the ancestors that g is not inside of */
    while (sp > 1 && tr->n[stack[sp - 1]].g != g->parent) {
      tr->n[stack[sp - 1]].end = (int)tr->len;
      sp--;
    }
    int parent = stack[sp - 1];
    if (g->type == GUMBO_NODE_ELEMENT) {
      int weight;
      if (removable(g, flags, &weight)) {
        w.last = NULL; /* do not descend */
        continue;
      }
      TD_GROW(tr->n, tr->cap, tr->len + 1);
      tr->n[tr->len] = (hnode){.g = g, .parent = parent, .tag = g->v.element.tag,
                               .weight = (flags & F_WEIGHT_CLASSES) ? weight : 0};
      if (is_block_tag(g->v.element.tag)) tr->n[parent].nblock++;
      if (g->v.element.children.length) {
        TD_GROW(stack, scap, sp + 1);
        stack[sp++] = (int)tr->len;
      }
      tr->n[tr->len].end = (int)tr->len + 1;
      tr->len++;
    } else if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA ||
               g->type == GUMBO_NODE_WHITESPACE) {
      TD_GROW(tr->n, tr->cap, tr->len + 1);
      hnode *h = &tr->n[tr->len];
      *h = (hnode){.g = g, .parent = parent, .tag = -1, .end = (int)tr->len + 1};
      text_stats(g->v.text.text, &h->chars, &h->commas);
      tr->len++;
    } else if (g->type == GUMBO_NODE_TEMPLATE) {
      w.last = NULL;
    }
  }
  while (sp) {
    tr->n[stack[sp - 1]].end = (int)tr->len;
    sp--;
  }
  free(stack);
  free(w.st);
  /* bottom-up sums: children come after their parent */
  for (size_t i = tr->len; i-- > 1;) {
    hnode *h = &tr->n[i], *p = &tr->n[h->parent];
    p->chars += h->chars;
    p->commas += h->commas;
    p->link_chars += h->tag == GUMBO_TAG_A ? h->chars : h->link_chars;
  }
}

static double link_density(const hnode *h) {
  return h->chars ? (double)h->link_chars / h->chars : 0;
}

/* ---- 5. scoring ---- */

static void init_candidate(tree *tr, int i) {
  hnode *h = &tr->n[i];
  if (h->candidate) return;
  h->candidate = 1;
  double s = h->weight;
  switch (h->tag) {
  case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
  case GUMBO_TAG_SECTION:
    s += 5;
    break;
  case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
    s += 3;
    break;
  case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL:
  case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI:
  case GUMBO_TAG_FORM:
    s -= 3;
    break;
  case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
  case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
    s -= 5;
    break;
  default:
    break;
  }
  h->score = s;
}

/* Is node i a paragraph for scoring: p, pre, td, or a block holding
 * text without block children? */
static int is_paragraph(const tree *tr, int i) {
  const hnode *h = &tr->n[i];
  switch (h->tag) {
  case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD:
    return 1;
  case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_LI:
    return h->nblock == 0;
  default:
    return 0;
  }
}

/* Returns the index of the best article node (0 when none). */
static int score_content(tree *tr) {
  for (size_t i = 1; i < tr->len; i++) {
    hnode *h = &tr->n[i];
    if (h->tag < 0 || !is_paragraph(tr, (int)i) || h->chars < 25) continue;
    /* a paragraph nested in another paragraph counts once */
    if (h->parent > 0 && is_paragraph(tr, h->parent) && tr->n[h->parent].tag != GUMBO_TAG_TD)
      continue;
    double pts = 1 + h->commas + (h->chars / 100 > 3 ? 3 : h->chars / 100);
    int a = h->parent;
    for (int level = 0; a > 0 && level < 5; level++, a = tr->n[a].parent) {
      init_candidate(tr, a);
      double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      tr->n[a].score += pts / div;
    }
  }
  int best = 0;
  double bs = 0;
  for (size_t i = 1; i < tr->len; i++) {
    hnode *h = &tr->n[i];
    if (!h->candidate) continue;
    h->score *= 1 - link_density(h);
    if (h->score > bs) bs = h->score, best = (int)i;
  }
  if (!best) return 0;
  /* when several of the next-best candidates sit under one ancestor of the
   * best, the article is that ancestor (pages cut into many blocks) */
  int alt[5], nalt = 0;
  for (size_t i = 1; i < tr->len; i++) {
    hnode *h = &tr->n[i];
    if (!h->candidate || (int)i == best || h->score < bs * 0.75) continue;
    int k;
    if (nalt < 5) k = nalt++;
    else if (h->score > tr->n[alt[4]].score) k = 4;
    else continue;
    alt[k] = (int)i;
    for (; k > 0 && tr->n[alt[k]].score > tr->n[alt[k - 1]].score; k--) {
      int t = alt[k];
      alt[k] = alt[k - 1], alt[k - 1] = t;
    }
  }
  if (nalt >= 3) {
    for (int a = tr->n[best].parent; a > 0 && tr->n[a].tag != GUMBO_TAG_BODY; a = tr->n[a].parent) {
      int in = 0;
      for (int k = 0; k < nalt; k++) in += alt[k] > a && alt[k] < tr->n[a].end;
      if (in >= 3) {
        init_candidate(tr, a);
        best = a;
        break;
      }
    }
  }
  /* when the best node is the lone element child of its parent, or the
   * parent scores nearly as well, take the parent (more of the article) */
  for (;;) {
    int p = tr->n[best].parent;
    if (p <= 0 || tr->n[p].tag == GUMBO_TAG_BODY) break;
    int elems = 0;
    for (int c = p + 1; c < tr->n[p].end; c = tr->n[c].end)
      if (tr->n[c].tag >= 0 || tr->n[c].chars > 0) elems++;
    if (elems == 1 || (tr->n[p].candidate && tr->n[p].score >= tr->n[best].score * 0.95))
      best = p;
    else
      break;
  }
  return best;
}

/* ---- 6. rendering ---- */

typedef struct render {
  td_buf out;
  int pend;      /* 0 none, 1 space, 2 newline, 3 paragraph break */
  int brs;       /* consecutive <br> with no text between */
  const char *title;
} render;

static void put_break(render *r, int level) {
  if (level > r->pend) r->pend = level;
}

static void put_text(render *r, const char *s, int pre) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (is_ws(*p) || (p[0] == 0xC2 && p[1] == 0xA0)) {
      if (*p == 0xC2) p++;
      put_break(r, pre && *p == '\n' ? 2 : 1);
      continue;
    }
    if (r->pend && r->out.len) {
      if (r->pend == 3) td_buf_put(&r->out, "\n\n", 2);
      else if (r->pend == 2) td_buf_putc(&r->out, '\n');
      else td_buf_putc(&r->out, ' ');
    }
    r->pend = 0;
    r->brs = 0;
    td_buf_putc(&r->out, *p);
  }
}

static int same_text(const char *a, const char *b) {
  if (!a || !b) return 0;
  while (*a && *b) {
    if (is_ws((unsigned char)*a)) { a++; continue; }
    if (is_ws((unsigned char)*b)) { b++; continue; }
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
    a++, b++;
  }
  while (*a && is_ws((unsigned char)*a)) a++;
  while (*b && is_ws((unsigned char)*b)) b++;
  return !*a && !*b;
}

/* Marks, inside the article node `top`, the blocks that look like link
 * lists, widgets or captions rather than text (a "conditional clean"). */
static void clean_article(tree *tr, int top, int flags, const char *title) {
  for (int i = top + 1; i < tr->n[top].end; i++) {
    hnode *h = &tr->n[i];
    if (h->tag < 0) continue;
    if ((h->tag == GUMBO_TAG_H1 || h->tag == GUMBO_TAG_H2) && title) {
      char *t = node_text(h->g);
      int same = same_text(t, title);
      free(t);
      if (same) {
        h->drop = 1;
        i = h->end - 1;
        continue;
      }
    }
    if (!(flags & F_CLEAN)) continue;
    switch (h->tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DL: case GUMBO_TAG_HEADER: {
      double ld = link_density(h);
      int drop = 0;
      if (h->weight < 0) drop = 1;
      else if (h->chars == 0) drop = 0;
      else if (h->tag == GUMBO_TAG_UL || h->tag == GUMBO_TAG_OL)
        drop = ld > 0.75; /* lists of links; a list citing links stays */
      else if (ld > 0.5 && h->chars < 2000) drop = 1;
      else if (ld > 0.3 && h->commas < 3 && h->chars < 500 &&
               h->tag != GUMBO_TAG_UL && h->tag != GUMBO_TAG_OL)
        drop = 1;
      if (drop) {
        h->drop = 1;
        i = h->end - 1;
      }
      break;
    }
    default:
      break;
    }
  }
}

/* Writes the text of node i's subtree (minus dropped nodes) to r. */
static void render_node(tree *tr, int root, render *r) {
  int *closes = NULL; /* end indexes of open block elements */
  int *ctags = NULL;
  size_t nc = 0, cc = 0, ct = 0;
  int pre_until = -1;
  for (int i = root; i < tr->n[root].end; i++) {
    while (nc && i >= closes[nc - 1]) {
      nc--;
      int t = ctags[nc];
      put_break(r, t == GUMBO_TAG_TR || t == GUMBO_TAG_DT ? 2 : 3);
    }
    if (pre_until >= 0 && i >= pre_until) pre_until = -1;
    hnode *h = &tr->n[i];
    if (h->drop) {
      i = h->end - 1;
      continue;
    }
    if (h->tag < 0) {
      put_text(r, h->g->v.text.text, pre_until >= 0);
      continue;
    }
    if (h->tag == GUMBO_TAG_BR) {
      r->brs++;
      put_break(r, r->brs >= 2 ? 3 : 2);
      continue;
    }
    if (h->tag == GUMBO_TAG_TD || h->tag == GUMBO_TAG_TH) {
      put_break(r, 1);
      continue;
    }
    if (h->tag == GUMBO_TAG_IMG) continue;
    if (h->tag == GUMBO_TAG_PRE && pre_until < 0) pre_until = h->end;
    if (is_block_tag(h->tag) && h->end > i + 1) {
      int t = h->tag;
      put_break(r, t == GUMBO_TAG_TR || t == GUMBO_TAG_DT ? 2 : 3);
      TD_GROW(closes, cc, nc + 1);
      TD_GROW(ctags, ct, nc + 1);
      closes[nc] = h->end;
      ctags[nc++] = t;
    }
  }
  put_break(r, 3);
  free(closes);
  free(ctags);
}

/* The article: node `top` and those of its siblings that score well or
 * read like paragraphs. Writes the text to r. */
static void render_article(tree *tr, int top, int flags, render *r) {
  int p = tr->n[top].parent;
  if (p < 0 || tr->n[top].tag == GUMBO_TAG_BODY) {
    clean_article(tr, top, flags, r->title);
    render_node(tr, top, r);
    return;
  }
  double ts = tr->n[top].score, thr = ts * 0.2 > 10 ? ts * 0.2 : 10;
  const char *tcls = attr(tr->n[top].g, "class");
  for (int c = p + 1; c < tr->n[p].end; c = tr->n[c].end) {
    hnode *h = &tr->n[c];
    int take = c == top;
    if (!take && h->tag >= 0) {
      double bonus = 0;
      const char *cls = attr(h->g, "class");
      if (tcls && cls && *tcls && !strcmp(tcls, cls)) bonus = ts * 0.2;
      if (h->candidate && h->score + bonus >= thr) take = 1;
      else if (h->tag == GUMBO_TAG_P || (is_paragraph(tr, c) && h->tag != GUMBO_TAG_TD)) {
        double ld = link_density(h);
        if (h->chars > 80 && ld < 0.25) take = 1;
        else if (h->chars > 0 && h->chars <= 80 && ld == 0) {
          char *t = node_text(h->g);
          size_t n = strlen(t);
          take = n && (t[n - 1] == '.' || strstr(t, ". "));
          free(t);
        }
      }
    }
    if (!take) continue;
    clean_article(tr, c, flags, r->title);
    render_node(tr, c, r);
  }
}

/* ---- title ---- */

static size_t count_words(const char *s) {
  size_t n = 0;
  int in = 0;
  for (; *s; s++) {
    if (is_ws((unsigned char)*s)) in = 0;
    else if (!in) in = 1, n++;
  }
  return n;
}

/* Where t has " SEP " for a title separator: the first and last such
 * place and their lengths; *hier is set when one is hierarchical
 * ("Home / News", "A » B"). Returns 0 when there is none. */
static int title_seps(const char *t, const char **first, size_t *flen,
                      const char **last, size_t *llen, int *hier) {
  static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
                                     " / ", " \\ ", " > ", " \xc2\xbb ", NULL};
  *first = *last = NULL;
  *hier = 0;
  for (size_t k = 0; seps[k]; k++) {
    size_t n = strlen(seps[k]);
    for (const char *q = strstr(t, seps[k]); q; q = strstr(q + 1, seps[k])) {
      if (k >= 4) *hier = 1;
      if (!*first || q < *first) *first = q, *flen = n;
      if (!*last || q > *last) *last = q, *llen = n;
    }
  }
  return *last != NULL;
}

/* Cleans a document <title>: drops the " | Site" tail when the tail is the
 * site's name or when what is left reads like a headline (five words or
 * more); when the head is too short it may be the site's name instead
 * ("Site | Headline"); a side an <h1> repeats is the headline whatever its
 * length. A title with no separator and an odd length gives
 * way to the page's only <h1> when that reads like a headline. Caller
 * frees. */
static char *clean_doc_title(const char *t, const char *site, const meta *m) {
  const char *first, *last;
  size_t flen = 0, llen = 0;
  int hier;
  if (!title_seps(t, &first, &flen, &last, &llen, &hier)) {
    size_t n = td_utf8_count(t, strlen(t));
    if ((n < 15 || n > 150) && m->nh1 == 1 && count_words(m->h1[0]) > 4)
      return td_xstrdup(m->h1[0]);
    return td_xstrdup(t);
  }
  const char *tail = last + llen;
  if (site && same_text(tail, site) && last > t) return td_xstrndup(t, (size_t)(last - t));
  char *cand = td_xstrndup(t, (size_t)(last - t));
  for (size_t i = 0; i < m->nh1; i++) { /* an <h1> repeats one side: that is the headline */
    if (same_text(m->h1[i], cand)) return cand;
    if (same_text(m->h1[i], first + flen)) {
      free(cand);
      return td_xstrdup(first + flen);
    }
  }
  if (count_words(cand) < 3) {
    free(cand);
    cand = td_xstrdup(first + flen);
  }
  size_t wc = count_words(cand), seps = 0;
  for (const char *q = t; *q; q++) /* separator characters in the original */
    if (q > t && q[-1] == ' ' && strchr("|-/\\>", *q) && q[1] == ' ') seps++;
  if (wc <= 4 && (!hier || wc + 1 != count_words(t) - seps)) {
    free(cand);
    return td_xstrdup(t);
  }
  return cand;
}

/* Picks the headline: structured metadata first, as the publisher wrote it
 * (JSON-LD, Dublin Core, Open Graph, Twitter, Parse.ly), then the document
 * title, kept whole when an <h1> repeats it, else with the site suffix
 * removed. */
static char *pick_title(const meta *m, const char *site) {
  const int order[] = {M_TITLE_LD, M_TITLE_DC, M_TITLE_OG, M_TITLE_TW, M_TITLE_PARSELY};
  for (size_t i = 0; i < sizeof order / sizeof *order; i++)
    if (m->v[order[i]]) return td_xstrdup(m->v[order[i]]);
  const char *doc = m->v[M_TITLE_DOC];
  if (doc) {
    for (size_t i = 0; i < m->nh1; i++)
      if (same_text(m->h1[i], doc)) return td_xstrdup(doc);
    return clean_doc_title(doc, site, m);
  }
  if (m->nh1 && *m->h1[0]) return td_xstrdup(m->h1[0]);
  return NULL;
}

/* ---- API ---- */

static int looks_binary(const char *s, size_t n) {
  size_t lim = n < 4096 ? n : 4096, bad = 0;
  for (size_t i = 0; i < lim; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0) return 1;
    if (c < 32 && !is_ws(c)) bad++;
  }
  return bad * 10 > lim;
}

int td_html_extract(const char *html, size_t len, td_html_doc *out) {
  memset(out, 0, sizeof *out);
  if (!html || !len) {
    out->error = td_xstrdup("empty HTML input");
    return -1;
  }
  if (len > ((size_t)1 << 30)) { /* node indexes are ints; gumbo's offsets 32-bit */
    out->error = td_xstrdup("HTML page larger than 1 GiB");
    return -1;
  }
  size_t ulen = len;
  char *utf8 = to_utf8(html, len, &ulen);
  if (utf8) html = utf8, len = ulen;
  if (len >= 3 && !memcmp(html, "\xEF\xBB\xBF", 3)) html += 3, len -= 3; /* BOM */
  if (looks_binary(html, len)) {
    free(utf8);
    out->error = td_xstrdup("not HTML: binary data");
    return -1;
  }
  size_t blen = len;
  char *limited = limit_depth(html, len, &blen);
  GumboOptions opt = kGumboDefaultOptions;
  opt.allocator = g_alloc;
  opt.deallocator = g_free;
  opt.max_errors = 0;
  GumboOutput *g = gumbo_parse_with_options(&opt, limited ? limited : html, blen);

  meta m;
  memset(&m, 0, sizeof m);
  read_meta(&m, g->root);
  const char *site = m.v[M_SITE_OG] ? m.v[M_SITE_OG]
                     : m.v[M_SITE_LD] ? m.v[M_SITE_LD] : m.v[M_SITE_APP];
  out->title = pick_title(&m, site);
  out->site_name = site ? td_xstrdup(site) : NULL;
  const int dates[] = {M_DATE_LD, M_DATE_ARTICLE, M_DATE_ITEMPROP, M_DATE_META, M_DATE_TIME};
  for (size_t i = 0; i < sizeof dates / sizeof *dates && !out->date; i++) {
    char d[11];
    if (m.v[dates[i]] && td_date_parse(m.v[dates[i]], d)) out->date = td_xstrdup(d);
  }
  const char *lang = m.v[M_LANG] ? m.v[M_LANG] : m.v[M_LANG_META];
  out->lang = lang ? td_xstrdup(lang) : NULL;
  const char *url = m.v[M_URL_CANON] ? m.v[M_URL_CANON] : m.v[M_URL_OG];
  out->url = url ? td_xstrdup(url) : NULL;

  /* extraction, gentler on each retry; keep the longest text */
  static const int passes[] = {F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN,
                               F_WEIGHT_CLASSES | F_CLEAN, F_CLEAN, 0};
  tree tr = {0};
  td_buf best = TD_BUF_INIT;
  for (size_t p = 0; p < sizeof passes / sizeof *passes; p++) {
    flatten(&tr, g->root, passes[p]);
    int top = score_content(&tr);
    render r = {TD_BUF_INIT, 0, 0, out->title};
    if (top) render_article(&tr, top, passes[p], &r);
    else render_node(&tr, 0, &r);
    if (r.out.len > best.len) {
      td_buf_free(&best);
      best = r.out;
    } else {
      td_buf_free(&r.out);
    }
    if (best.len >= TD_HTML_MIN_TEXT) break;
  }
  free(tr.n);
  meta_free(&m);
  gumbo_destroy_output(&opt, g);
  free(limited);
  free(utf8);
  if (!best.len) {
    td_buf_free(&best);
    out->error = td_xstrdup("no text found in the HTML page");
    return -1;
  }
  out->text = td_buf_detach(&best, &out->text_len);
  return 0;
}

void td_html_doc_free(td_html_doc *h) {
  if (!h) return;
  free(h->text);
  free(h->title);
  free(h->site_name);
  free(h->date);
  free(h->lang);
  free(h->url);
  free(h->error);
  memset(h, 0, sizeof *h);
}
