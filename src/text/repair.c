/*
 * repair.c — the first thing plain text meets: scraped or wire text is made
 * clean enough to segment. In order:
 *
 *   1. characters: a byte that is not UTF-8 is read as Windows-1252 (text
 *      in Latin-1 or 1252: "Caf\xe9" is "Café"), a cut UTF-8 sequence
 *      becomes U+FFFD (td_utf8_decode_lax), NUL and other control and
 *      format characters (soft hyphen, zero-width spaces, BOM) are dropped,
 *      every kind of space becomes ' ', CRLF and CR become LF.
 *   2. lines: trimmed, runs of spaces collapsed.
 *   3. paragraphs: a blank line always separates paragraphs. A single line
 *      break is a hard wrap (joined) or a paragraph break, decided by the
 *      layout: in hard-wrapped text (most lines near one width) a line that
 *      stops short of the width, so that the next word would have fitted,
 *      ends its paragraph; in one-paragraph-per-line text (wire copy) a line
 *      that ends a sentence ends its paragraph, and a line that does not is
 *      joined to a next line starting in lowercase.
 *   4. words broken by a line break are rejoined when the word list says so
 *      (join_as_word): "th" + "e international", "bo" + "rder". A line
 *      ending in a hyphen keeps the hyphen ("Indo-" "Pacific") unless it is
 *      a syllable break of one word ("inter-" "national"); the same holds for
 *      "Indo- Pacific" inside a line, as scrapers leave it.
 *   5. a teaser paragraph that repeats the start of the next paragraph and
 *      ends in "…" or "..." is dropped.
 *
 * Output: paragraphs separated by "\n\n", no other line breaks, no leading
 * or trailing space. Curly and straight quotes are left as written.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Prior odds that a line break (or "x- y") falls inside a word rather than
 * between two words: a broken word must be about 20 times likelier than the
 * two-word reading before it is joined. */
#define BREAK_PRIOR 0.05
/* Dirichlet smoothing of P(y | x) toward P(y) for word pairs EWT lacks. */
#define PAIR_SMOOTH 100.0

/* ---- 1. characters ---- */

static int dropped_cp(uint32_t cp) {
  if (cp < 0x20) return cp != '\n';
  if (cp >= 0x7F && cp < 0xA0) return 1;
  return cp == 0xAD || cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* Writes s as clean UTF-8 into out: only '\n' breaks lines, every space is
 * ' ', each line trimmed, spaces collapsed. Runs of printable ASCII, which
 * nothing below changes, are copied whole (perf, issue 11). */
/* Where the run of printable ASCII from u[j] (u[j - 1] printable, not a
 * space) stops being copyable, sixteen (then eight) bytes at a time,
 * conservatively: a block is taken when all its bytes are 0x20-0x7E, no
 * two spaces touch and it does not end in a space (then all but its last
 * are); clean_chars goes on from there byte by byte. */
static size_t printable_run(const unsigned char *u, size_t j, size_t n) {
#ifdef __SSE2__
  /* sixteen bytes at a time first, by the same rule: as signed bytes,
   * printable is 0x20 <= b < 0x7F (non-ASCII bytes are negative) */
  while (j + 16 <= n) {
    __m128i x = _mm_loadu_si128((const __m128i *)(u + j));
    __m128i bad = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)),
                               _mm_cmpgt_epi8(x, _mm_set1_epi8(0x7E)));
    if (_mm_movemask_epi8(bad)) break;
    unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
    if (sp & (sp << 1)) break;
    j += sp >> 15 ? 15 : 16;
  }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (j + 8 <= n) {
    uint64_t x = td_load8(u + j);
    if ((x & TD_HIGH8) | td_bytes_eq(x, 0x7F) | td_bytes_lt(x, 0x20)) break;
    uint64_t sp = td_bytes_eq(x, ' ');
    if (sp & (sp << 8)) break;
    if (sp >> 63) {
      j += 7;
      continue;
    }
    j += 8;
  }
#else
  (void)u, (void)n;
#endif
  return j;
}

static void clean_chars(const char *s, size_t n, td_buf *out) {
  const unsigned char *u = (const unsigned char *)s;
  int pending_space = 0, line_empty = 1;
  td_buf_reserve(out, n + 1);
  for (size_t i = 0; i < n;) {
    if (u[i] > 0x20 && u[i] < 0x7F) {
      /* the run goes on over single spaces between printable bytes: the
       * space would be written as it is */
      size_t j = printable_run(u, i + 1, n);
      for (;;) {
        while (j < n && u[j] > 0x20 && u[j] < 0x7F) j++;
        if (j + 1 < n && u[j] == ' ' && u[j + 1] > 0x20 && u[j + 1] < 0x7F) j += 2;
        else break;
      }
      if (pending_space) td_buf_putc(out, ' ');
      pending_space = 0, line_empty = 0;
      td_buf_put(out, s + i, j - i);
      i = j;
      continue;
    }
    if (u[i] == ' ') {
      pending_space = !line_empty;
      i++;
      continue;
    }
    uint32_t cp = u[i];
    int k = 1;
    if (cp >= 0x80) k = td_utf8_decode_lax(u + i, n - i, &cp);
    i += (size_t)k;
    if (cp == '\r') {
      if (i < n && u[i] == '\n') continue;
      cp = '\n';
    }
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85 || cp == '\f' || cp == '\v' || cp == '\n') {
      td_buf_putc(out, '\n');
      if (cp == 0x2029) td_buf_putc(out, '\n'); /* paragraph separator: a blank line */
      pending_space = 0, line_empty = 1;
      continue;
    }
    if (cp == '\t' || td_is_space_cp(cp)) {
      pending_space = !line_empty;
      continue;
    }
    if (dropped_cp(cp)) continue;
    if (pending_space) td_buf_putc(out, ' ');
    pending_space = 0, line_empty = 0;
    if (cp < 0x80) td_buf_putc(out, (int)cp);
    else td_utf8_put(out, cp);
  }
}

/* ---- the word model ---- */

static int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha(int c) { return is_lower(c) || is_upper(c); }

typedef struct {
  const struct td_words *w;
  double total;
} model;

/* Pseudo-count of a lowercase string: its EWT count, or 0.05 for a word only
 * a dictionary knows, or 0. */
static double count_of(const model *m, const char *s, size_t n) {
  int sc = td_words_score(m->w, s, n);
  if (sc <= 0) return 0;
  return sc >= 10 ? sc / 10 : 0.05;
}

static size_t lower_copy(char *dst, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) dst[i] = (char)(is_upper(s[i]) ? s[i] + 32 : s[i]);
  return n;
}

/* The counts of xy written as one word (returned) and, when it is seen
 * (> 0), of x and y alone (*cx, *cy); all lowercased. nx + ny <= 120. */
static double joined_counts(const model *m, const char *x, size_t nx, const char *y, size_t ny,
                            double *cx, double *cy) {
  char buf[128];
  lower_copy(buf, x, nx);
  lower_copy(buf + nx, y, ny);
  double cxy = count_of(m, buf, nx + ny);
  *cx = *cy = 0;
  if (cxy > 0) *cx = count_of(m, buf, nx), *cy = count_of(m, buf + nx, ny);
  return cxy;
}

/* Should letters x (end of a line) and y (start of the next) be read as one
 * word xy rather than two? Compares BREAK_PRIOR x P(xy) with P(x) P(y | x),
 * from EWT counts. A compound of two words that EWT never saw joined is
 * left as two words. */
static int join_as_word(const model *m, const char *x, size_t nx, const char *y, size_t ny) {
  if (!m->w || nx + ny + 1 > 120) return 0;
  double cx, cy, cxy = joined_counts(m, x, nx, y, ny, &cx, &cy);
  if (cxy <= 0) return 0;
  if (cx > 0 && cy > 0 && cxy < 1 && nx >= 3 && ny >= 3) return 0;
  char pair[128];
  lower_copy(pair, x, nx);
  pair[nx] = ' ';
  lower_copy(pair + nx + 1, y, ny);
  int psc = td_words_score(m->w, pair, nx + ny + 1);
  double cb = psc / 10;
  double space = cx > 0 ? cx * (cb + PAIR_SMOOTH * cy / m->total) / (cx + PAIR_SMOOTH) : 0;
  return BREAK_PRIOR * cxy > space;
}

/* x "-" y split by a line break or a space: 1 when the hyphen is a syllable
 * break of the word xy ("inter-" "national", "pro-" "duced"): xy is a word
 * and x or y is not, or x is rarer alone than xy. 0 keeps "x-y"
 * ("well-known", "re-elected", "counter-attack"). */
static int drop_hyphen(const model *m, const char *x, size_t nx, const char *y, size_t ny) {
  if (!m->w || nx + ny > 120 || !is_lower((unsigned char)y[0])) return 0;
  double cx, cy, cxy = joined_counts(m, x, nx, y, ny, &cx, &cy);
  if (cxy <= 0) return 0;
  return cx == 0 || cy == 0 || cx < cxy;
}

/* Words after which "x- y" is a suspended hyphen ("pre- and post-war"). */
static int suspends_hyphen(const char *y, size_t ny) {
  static const char *const w[] = {"and", "or", "to", "nor", "but", "vs", "versus", "than", "through"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (strlen(w[i]) == ny && memcmp(w[i], y, ny) == 0) return 1;
  return 0;
}

/* The ASCII letters ending s[0..n): returns their count (0 when the run is
 * not a whole word: preceded by a digit, a non-ASCII letter, '-' or '.'). */
static size_t tail_letters(const char *s, size_t n) {
  size_t k = n;
  while (k > 0 && is_alpha((unsigned char)s[k - 1])) k--;
  if (k == n) return 0;
  if (k > 0) {
    unsigned char p = (unsigned char)s[k - 1];
    if ((p >= '0' && p <= '9') || p == '-' || p == '.' || p == '\'' || p == '&' || p == '/' ||
        p == '@' || p == '_')
      return 0;
    if (p >= 0x80) {
      /* allow opening curly quotes and dashes, not letters */
      if (!(k >= 3 && (unsigned char)s[k - 3] == 0xE2 && (unsigned char)s[k - 2] == 0x80))
        return 0;
    }
  }
  return n - k;
}

/* The ASCII letters starting s[0..n): their count, 0 when the word goes on
 * with a digit or a non-ASCII letter. */
static size_t head_letters(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && is_alpha((unsigned char)s[k])) k++;
  if (k < n) {
    unsigned char c = (unsigned char)s[k];
    if ((c >= '0' && c <= '9') || c == '_' || c == '@') return 0;
    if (c >= 0x80 && !(c == 0xE2 && k + 1 < n && (unsigned char)s[k + 1] == 0x80)) return 0;
  }
  return k;
}

static int all_upper(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!is_upper((unsigned char)s[i])) return 0;
  return n >= 2;
}

/* How line a (ending) and line b (starting) are joined: 0 with a space,
 * 1 with nothing (a broken word, or a hyphen kept), 2 with nothing after
 * removing a's final hyphen. */
static int junction(const model *m, const char *a, size_t na, const char *b, size_t nb) {
  if (na == 0 || nb == 0) return 0;
  if (a[na - 1] == '-' && na >= 2 && a[na - 2] != '-' && a[na - 2] != ' ') {
    size_t nx = tail_letters(a, na - 1);
    size_t ny = head_letters(b, nb);
    if (ny && suspends_hyphen(b, ny)) return 0;
    if (nx && ny && drop_hyphen(m, a + na - 1 - nx, nx, b, ny)) return 2;
    if (ny || (b[0] >= '0' && b[0] <= '9')) return 1;
    return 0;
  }
  if (!is_lower((unsigned char)b[0])) return 0;
  size_t nx = tail_letters(a, na), ny = head_letters(b, nb);
  if (!nx || !ny || all_upper(a + na - nx, nx)) return 0;
  return join_as_word(m, a + na - nx, nx, b, ny);
}

/* ---- 2.-3. lines into paragraphs ---- */

typedef struct {
  uint32_t off, len; /* bytes in the cleaned buffer */
  uint32_t width;    /* code points */
} line;

static uint32_t cp_len(const char *s, size_t n) { return (uint32_t)td_utf8_count(s, n); }

/* Last character of s ignoring closing quotes and brackets: does the line
 * end a sentence (. ! ? … or a colon)? */
static int ends_sentence(const char *s, size_t n) {
  while (n > 0) {
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') { n--; continue; }
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        (c == 0x9D || c == 0x99)) { n -= 3; continue; }
    break;
  }
  if (n == 0) return 0;
  unsigned char c = (unsigned char)s[n - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':') return 1;
  return n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
         c == 0xA6;
}

static int ends_function_word(const char *s, size_t n) {
  static const char *const w[] = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "for",
                                  "with", "by", "from", "at", "as", "that", "its", "his", "her",
                                  "their", "is", "was", "are", "were", "said", "between", "into"};
  size_t k = tail_letters(s, n);
  if (!k) return n > 0 && (s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == '(');
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (strlen(w[i]) == k && memcmp(w[i], s + n - k, k) == 0) return 1;
  return 0;
}

static size_t first_word_width(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && s[k] != ' ') k++;
  return cp_len(s, k);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* The wrap width of hard-wrapped text, or 0 when lines are paragraphs:
 * hard-wrapped when at least 4 lines are followed by another and most of
 * them are 40 to ~110 characters long, within 25 of the longest. */
static uint32_t wrap_width(const line *L, size_t nl) {
  uint32_t *w = td_xmalloc((nl + 1) * sizeof *w);
  size_t k = 0;
  for (size_t i = 0; i + 1 < nl; i++)
    if (L[i].len && L[i + 1].len) w[k++] = L[i].width;
  uint32_t width = 0;
  if (k >= 3) {
    qsort(w, k, sizeof *w, cmp_u32);
    uint32_t p90 = w[(k * 9) / 10];
    size_t near = 0;
    for (size_t i = 0; i < k; i++) near += w[i] + 25 >= p90;
    if (p90 <= 110 && p90 >= 40 && k >= 4 && near * 10 >= k * 7) width = w[k - 1];
  }
  free(w);
  return width;
}

/* Quotation state of the paragraph being built, updated incrementally so
 * that long paragraphs are scanned once: is a quotation open at its end
 * (more opening than closing curly quotes, or an odd number of straight
 * double quotes)? */
typedef struct {
  size_t off, upto;  /* paragraph start and how far it was scanned (bytes in pb) */
  int curly, straight;
} qstate;

static int quote_open(qstate *q, const char *pb, size_t off, size_t end) {
  if (q->off != off || q->upto < off) q->off = off, q->upto = off, q->curly = 0, q->straight = 0;
  for (size_t i = q->upto; i < end; i++) {
    if (pb[i] == '"') q->straight ^= 1;
    else if ((unsigned char)pb[i] == 0xE2 && i + 2 < end && (unsigned char)pb[i + 1] == 0x80) {
      if ((unsigned char)pb[i + 2] == 0x9C) q->curly++;
      else if ((unsigned char)pb[i + 2] == 0x9D && q->curly > 0) q->curly--;
      i += 2;
    }
  }
  q->upto = end;
  return q->curly > 0 || q->straight;
}

/* Is the single line break between line a and line b a paragraph break?
 * pb from para: the paragraph so far (ending with a). */
static int para_break(const char *a, size_t na, uint32_t wa, const char *b, size_t nb,
                      uint32_t width, int a_first, qstate *q, const td_buf *pb, size_t para) {
  unsigned char b0 = (unsigned char)b[0];
  if (width) {
    int fits = wa + 1 + first_word_width(b, nb) <= width;
    if (!fits) return 0;
    if (ends_sentence(a, na)) return 1;
    return !is_lower(b0) && (a_first || wa * 3 < width * 2);
  }
  if (ends_sentence(a, na)) return 1;
  if (is_lower(b0) || (na > 0 && a[na - 1] == '-')) return 0;
  if (ends_function_word(a, na)) return 0;
  if (!a_first && quote_open(q, pb->ptr, para, pb->len)) return 0; /* wrap inside a quotation */
  return a_first || wa <= 200;
}

/* Scraped text sometimes splits a sentence with a blank line (a link or
 * a name removed): a paragraph that does not end a sentence, followed by one
 * that starts with a lowercase word ("stretched", not "iTunes"), is one
 * paragraph. Not applied to the first paragraph (a headline may look so). */
static int continues_across_blank(const char *a, size_t na, const char *b, size_t nb) {
  if (na == 0 || nb < 2 || ends_sentence(a, na)) return 0;
  if (!is_lower((unsigned char)b[0]) || !(is_lower((unsigned char)b[1]) || b[1] == ' ')) return 0;
  unsigned char z = (unsigned char)a[na - 1];
  return z != ')' && z != ']';
}

/* ---- 5. teasers ---- */

typedef struct {
  uint32_t off, len; /* bytes in the paragraph buffer */
} para;

/* A teaser: ends in "…" or "...", and without it (and without a cut-off last
 * word) is a prefix of at least 30 bytes of the next paragraph. */
static int is_teaser(const char *p, size_t n, const char *next, size_t nn) {
  size_t k = n;
  if (k >= 3 && memcmp(p + k - 3, "\xE2\x80\xA6", 3) == 0) k -= 3;
  else if (k >= 3 && memcmp(p + k - 3, "...", 3) == 0) k -= 3;
  else return 0;
  while (k > 0 && (p[k - 1] == '.' || p[k - 1] == ' ')) k--;
  if (k < 30 || k > nn) return 0;
  if (memcmp(p, next, k) == 0) return 1;
  size_t j = k;
  while (j > 0 && p[j - 1] != ' ') j--;
  return j >= 30 && memcmp(p, next, j) == 0;
}

/* ---- putting it together ---- */

/* Appends line text s to the paragraph buffer, repairing "x- y" inside it
 * (a hyphen followed by a space inside a word). */
static void put_line(const model *m, td_buf *pb, const char *s, size_t n) {
  size_t from = 0;
  for (size_t i = 1; i + 2 < n; i++) {
    const char *h = memchr(s + i, '-', n - 2 - i); /* perf: to the next hyphen */
    if (!h) break;
    i = (size_t)(h - s);
    if (s[i + 1] != ' ' || !is_alpha((unsigned char)s[i - 1])) continue;
    size_t nx = tail_letters(s, i), ny = head_letters(s + i + 2, n - i - 2);
    if (!nx || !ny || suspends_hyphen(s + i + 2, ny)) continue;
    if (i + 2 + ny < n && s[i + 2 + ny] == '-') continue; /* "x- y-z" lists */
    int drop = drop_hyphen(m, s + i - nx, nx, s + i + 2, ny);
    td_buf_put(pb, s + from, (drop ? i : i + 1) - from);
    from = i + 2;
  }
  td_buf_put(pb, s + from, n - from);
}

void td_repair_text(const td_engine *eng, const char *s, size_t n, td_buf *out) {
  model m = {eng ? eng->words : NULL, 0};
  m.total = m.w && td_words_total(m.w) ? td_words_total(m.w) : 1;
  td_buf c = TD_BUF_INIT;
  clean_chars(s ? s : "", n, &c);
  const char *cp = c.ptr ? c.ptr : "";

  line *L = NULL;
  size_t nl = 0, cap = 0;
  for (size_t i = 0; i <= c.len;) {
    const char *nlp = i < c.len ? memchr(cp + i, '\n', c.len - i) : NULL;
    size_t e = nlp ? (size_t)(nlp - cp) : c.len;
    size_t b = e;
    while (b > i && cp[b - 1] == ' ') b--;
    TD_GROW(L, cap, nl + 1);
    L[nl].off = (uint32_t)i, L[nl].len = (uint32_t)(b - i);
    L[nl].width = cp_len(cp + i, b - i);
    nl++;
    i = e + 1;
  }
  uint32_t width = wrap_width(L, nl);

  td_buf pb = TD_BUF_INIT;
  para *P = NULL;
  size_t np = 0, pcap = 0;
  int open = 0, block_first = 1;
  qstate qs = {(size_t)-1, 0, 0, 0};
  for (size_t i = 0; i < nl; i++) {
    const char *ls = cp + L[i].off;
    size_t ln = L[i].len;
    if (ln == 0) {
      if (open) P[np - 1].len = (uint32_t)(pb.len - P[np - 1].off);
      open = 0, block_first = 1;
      continue;
    }
    if (!open && np > 1 && continues_across_blank(pb.ptr + P[np - 1].off, P[np - 1].len, ls, ln)) {
      td_buf_putc(&pb, ' '); /* "...Jamaican" / "stretched her record...": one paragraph */
      put_line(&m, &pb, ls, ln);
      P[np - 1].len = (uint32_t)(pb.len - P[np - 1].off);
      open = 1, block_first = 0;
      continue;
    }
    if (open) {
      const line *pl = &L[i - 1];
      const char *ps = cp + pl->off;
      if (para_break(ps, pl->len, pl->width, ls, ln, width, block_first, &qs, &pb, P[np - 1].off)) {
        P[np - 1].len = (uint32_t)(pb.len - P[np - 1].off);
        open = 0;
      } else {
        /* the paragraph so far ends with line i-1's text */
        int j = junction(&m, pb.ptr + P[np - 1].off, pb.len - P[np - 1].off, ls, ln);
        if (j == 2) pb.len--;
        if (j == 0) td_buf_putc(&pb, ' ');
        put_line(&m, &pb, ls, ln);
        block_first = 0;
        continue;
      }
      block_first = 0;
    }
    TD_GROW(P, pcap, np + 1);
    P[np].off = (uint32_t)pb.len, P[np].len = 0;
    np++;
    open = 1;
    put_line(&m, &pb, ls, ln);
  }
  if (open) P[np - 1].len = (uint32_t)(pb.len - P[np - 1].off);

  size_t start_len = out->len;
  for (size_t i = 0; i < np; i++) {
    const char *ps = pb.ptr + P[i].off;
    if (i + 1 < np && is_teaser(ps, P[i].len, pb.ptr + P[i + 1].off, P[i + 1].len)) continue;
    if (out->len > start_len) td_buf_put(out, "\n\n", 2);
    td_buf_put(out, ps, P[i].len);
  }
  if (!out->ptr) td_buf_put(out, "", 0);
  free(L);
  free(P);
  td_buf_free(&pb);
  td_buf_free(&c);
}
