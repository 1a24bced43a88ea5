/*
 * meta.c — metadata written into plain text, found after repair and moved
 * out of it: a leading dateline paragraph ("November 1, 2024", "Nov. 1,
 * 2024", "2024-11-01", "Friday, 1 November 2024 10:32 KST") → date; a
 * headline paragraph (short, no final period, followed by the body) →
 * title, with a leading wire marker such as "(3rd LD)", "(LEAD)",
 * "(URGENT)" or "(News Focus)" split off; trailing "Source: …" and "(END)"
 * paragraphs → source / dropped; a byline paragraph ("By Jane Doe") near the
 * top is dropped. A place dateline at the start of the body
 * ("WASHINGTON, Nov. 1, 2024 (AP) --") gives the date when it has a year,
 * and stays in the text.
 *
 * Conservative by design: a first paragraph is taken as a headline only
 * when it cannot be a sentence of the body (no final period, at most ~35
 * words) and a body paragraph follows it.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int is_alpha(int c) { return is_upper(c) || is_lower(c); }

/* ---- dates ---- */

/* Month name or abbreviation at s ("Nov", "Nov.", "Sept.", "November"):
 * returns 1..12 and its length, or 0. */
static int month_at(const char *s, size_t n, size_t *len) {
  size_t k = 0;
  while (k < n && is_alpha((unsigned char)s[k])) k++;
  if (k < 3 || k > 9) return 0;
  char w[10];
  for (size_t i = 0; i < k; i++) w[i] = (char)(is_upper((unsigned char)s[i]) ? s[i] + 32 : s[i]);
  w[k] = 0;
  for (int m = 0; m < 12; m++) {
    size_t ml = strlen(td_month_names[m]);
    int full = k == ml && memcmp(w, td_month_names[m], k) == 0;
    int abbr = k < ml && (k == 3 || (m == 8 && k == 4)) && memcmp(w, td_month_names[m], k) == 0;
    if (!full && !abbr) continue;
    if (abbr && k < n && s[k] == '.') k++;
    *len = k;
    return m + 1;
  }
  return 0;
}

/* Digits at s: value and count (at most max digits). */
static int num_at(const char *s, size_t n, int max, int *val) {
  int k = 0, v = 0;
  while ((size_t)k < n && k < max + 1 && is_digit((unsigned char)s[k])) v = v * 10 + (s[k] - '0'), k++;
  if (k == 0 || k > max) return 0;
  *val = v;
  return k;
}

static size_t skip_spaces(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ') i++;
  return i;
}

/* A day number with an optional ordinal suffix ("1", "1st", "22nd"). */
static size_t day_at(const char *s, size_t n, int *d) {
  int k = num_at(s, n, 2, d);
  if (!k || *d < 1 || *d > 31) return 0;
  size_t i = (size_t)k;
  if (i + 2 <= n && (strncasecmp(s + i, "st", 2) == 0 || strncasecmp(s + i, "nd", 2) == 0 ||
                     strncasecmp(s + i, "rd", 2) == 0 || strncasecmp(s + i, "th", 2) == 0) &&
      (i + 2 == n || !is_alpha((unsigned char)s[i + 2])))
    i += 2;
  if (i < n && (is_alpha((unsigned char)s[i]) || is_digit((unsigned char)s[i]))) return 0;
  return i;
}

/* Parses a date at the start of s: "Month D, YYYY", "Month D YYYY", "D Month
 * YYYY", "YYYY-MM-DD" (also / and .), "Month D" (year 0), each optionally
 * after a weekday ("Friday, "). Returns the bytes used, or 0. */
static size_t parse_date(const char *s, size_t n, int *y, int *mo, int *d) {
  static const char *const wd[] = {"monday", "tuesday", "wednesday", "thursday",
                                   "friday", "saturday", "sunday"};
  size_t i = 0, k;
  *y = 0;
  for (int w = 0; w < 7; w++) {
    size_t wl = strlen(wd[w]);
    size_t use = 0;
    if (n >= wl && strncasecmp(s, wd[w], wl) == 0) use = wl;
    else if (n >= 3 && strncasecmp(s, wd[w], 3) == 0 && (n == 3 || !is_alpha((unsigned char)s[3])))
      use = 3 + (n > 3 && s[3] == '.');
    if (use && use < n && (s[use] == ',' || s[use] == ' ')) {
      i = skip_spaces(s, n, use + (s[use] == ','));
      break;
    }
  }
  int v;
  /* ISO and numeric year-first forms */
  if ((k = (size_t)num_at(s + i, n - i, 4, &v)) == 4 && i + 10 <= n &&
      (s[i + 4] == '-' || s[i + 4] == '/' || s[i + 4] == '.') && s[i + 7] == s[i + 4]) {
    int m2, d2;
    if (num_at(s + i + 5, 2, 2, &m2) == 2 && num_at(s + i + 8, 2, 2, &d2) == 2 && m2 >= 1 &&
        m2 <= 12 && d2 >= 1 && d2 <= 31 && (i + 10 == n || !is_digit((unsigned char)s[i + 10]))) {
      *y = v, *mo = m2, *d = d2;
      return i + 10;
    }
    return 0;
  }
  size_t ml;
  int m = month_at(s + i, n - i, &ml);
  if (m) { /* Month D[,] [YYYY] */
    size_t j = skip_spaces(s, n, i + ml);
    size_t dl = day_at(s + j, n - j, d);
    if (!dl) return 0;
    *mo = m;
    j += dl;
    size_t e = j;
    if (e < n && s[e] == ',') e++;
    e = skip_spaces(s, n, e);
    if (num_at(s + e, n - e, 4, &v) == 4 && (e + 4 == n || !is_digit((unsigned char)s[e + 4]))) {
      *y = v;
      return e + 4;
    }
    return j;
  }
  size_t dl = day_at(s + i, n - i, d); /* D Month[,] YYYY */
  if (!dl) return 0;
  size_t j = skip_spaces(s, n, i + dl);
  if (j + 3 <= n && strncasecmp(s + j, "of ", 3) == 0) j += 3;
  m = month_at(s + j, n - j, &ml);
  if (!m) return 0;
  j += ml;
  if (j < n && s[j] == ',') j++;
  j = skip_spaces(s, n, j);
  if (num_at(s + j, n - j, 4, &v) != 4 || (j + 4 < n && is_digit((unsigned char)s[j + 4]))) return 0;
  *y = v, *mo = m;
  return j + 4;
}

static int valid_date(int y, int m, int d) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

/* Is what follows the date in a dateline paragraph only a time and zone
 * ("10:32 KST", "at 3 p.m. ET", "| Updated 11:00 GMT")? */
static int time_tail(const char *s, size_t n) {
  static const char *const ok[] = {"at", "am", "pm", "a.m.", "p.m.", "updated", "published",
                                   "posted", "last", "hrs", "h"};
  size_t i = 0;
  while (i < n) {
    i = skip_spaces(s, n, i);
    size_t e = i;
    while (e < n && s[e] != ' ') e++;
    size_t a = i, b = e;
    while (a < b && strchr("|,()-:+/", s[a])) a++;
    while (b > a && strchr("|,()-:+/", s[b - 1])) b--;
    int good = 1;
    if (b > a) {
      int letters = 0, upper = 1, digits = 0;
      for (size_t k = a; k < b; k++) {
        if (is_alpha((unsigned char)s[k])) letters++, upper &= is_upper((unsigned char)s[k]);
        else if (is_digit((unsigned char)s[k])) digits++;
        else if (!strchr(":.+-", s[k])) good = 0;
      }
      if (good && letters && !(upper && letters <= 5 && !digits)) {
        good = 0;
        for (size_t w = 0; w < sizeof ok / sizeof ok[0]; w++) {
          size_t wl = strlen(ok[w]);
          size_t tl = b - a;
          if (digits && tl > wl && strncasecmp(s + b - wl, ok[w], wl) == 0) good = 1; /* 10am */
          if (tl == wl && strncasecmp(s + a, ok[w], wl) == 0) good = 1;
        }
      }
    }
    if (!good) return 0;
    i = e;
  }
  return 1;
}

/* A dateline paragraph: [Label:] date with year [time]. */
static int dateline_para(const char *s, size_t n, char out[40]) {
  static const char *const labels[] = {"published", "updated", "posted", "date", "dated"};
  size_t i = 0;
  if (n > 80) return 0;
  for (size_t l = 0; l < sizeof labels / sizeof labels[0]; l++) {
    size_t ll = strlen(labels[l]);
    if (n > ll && strncasecmp(s, labels[l], ll) == 0 && (s[ll] == ':' || s[ll] == ' ')) {
      i = skip_spaces(s, n, ll + 1);
      if (i < n && s[i] == ':') i = skip_spaces(s, n, i + 1);
      if (i + 3 <= n && strncasecmp(s + i, "on ", 3) == 0) i += 3;
      break;
    }
  }
  int y, m, d;
  size_t k = parse_date(s + i, n - i, &y, &m, &d);
  if (!k || !valid_date(y, m, d) || !time_tail(s + i + k, n - i - k)) return 0;
  snprintf(out, 40, "%04d-%02d-%02d", y, m, d);
  return 1;
}

/* A place dateline at the start of a body paragraph: "LIMA, March 3, 2023
 * (AFP) --" (the place in capitals). Stores the date when it has a year. */
static int place_dateline(const char *s, size_t n, char out[40]) {
  size_t i = 0;
  while (i < n && i < 60 && (is_upper((unsigned char)s[i]) || s[i] == ' ' || s[i] == '.' ||
                             s[i] == '-' || s[i] == '\'' || (unsigned char)s[i] >= 0x80))
    i++;
  if (i < 2 || i >= n || s[i] != ',') return 0;
  i = skip_spaces(s, n, i + 1);
  int y, m, d;
  size_t k = parse_date(s + i, n - i, &y, &m, &d);
  /* a dateline without its year (`LISBON, Dec. 28 (Example Wire) —`) gives
   * month and day, --MM-DD (ISO 8601's form); normalize finds the year */
  if (!k || !valid_date(y ? y : 2000, m, d)) return 0;
  size_t j = skip_spaces(s, n, i + k);
  if (j < n && s[j] == '(') {
    while (j < n && s[j] != ')') j++;
    j = skip_spaces(s, n, j + 1);
  }
  if (!(j < n && (s[j] == '-' || s[j] == ':' || (unsigned char)s[j] == 0xE2))) return 0;
  if (y) snprintf(out, 40, "%04d-%02d-%02d", y, m, d);
  else snprintf(out, 40, "--%02d-%02d", m, d);
  return 1;
}

/* The latest year of a full date (month, day and year) in s[0..n), 0
 * when none: the year of a dateline that gives only month and day, when
 * no reference date is given. */
static int latest_year(const char *s, size_t n) {
  int best = 0;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && is_alpha((unsigned char)s[i - 1])) continue; /* a word's start */
    if (!is_upper((unsigned char)s[i]) && !is_digit((unsigned char)s[i])) continue;
    int y, m, d;
    size_t k = parse_date(s + i, n - i, &y, &m, &d);
    if (k && y >= 1900 && y <= 2200 && valid_date(y, m, d) && y > best) best = y;
    if (k) i += k - 1;
  }
  return best;
}

/* ---- headlines and markers ---- */

/* Is "(...)" at s[0..n) a wire marker: "(LEAD)", "(URGENT)", "(3rd LD)",
 * "(2nd LD, Correction)", "(News Focus)", "(Agency Interview)"? */
static int wire_marker(const char *s, size_t n) {
  if (n < 3 || n > 40 || s[0] != '(' || s[n - 1] != ')') return 0;
  const char *p = s + 1;
  size_t m = n - 2;
  int d;
  int k = num_at(p, m, 2, &d);
  if (k && (size_t)k + 5 <= m &&
      (strncmp(p + k, "st LD", 5) == 0 || strncmp(p + k, "nd LD", 5) == 0 ||
       strncmp(p + k, "rd LD", 5) == 0 || strncmp(p + k, "th LD", 5) == 0))
    return 1;
  /* every word capitalized, at most 3 words, letters only (and "&") */
  int words = 0, allcaps = 1;
  for (size_t i = 0; i < m;) {
    while (i < m && p[i] == ' ') i++;
    if (i >= m) break;
    if (!is_upper((unsigned char)p[i])) return 0;
    words++;
    while (i < m && p[i] != ' ') {
      if (!is_alpha((unsigned char)p[i]) && p[i] != '&' && p[i] != '-' && p[i] != ',') return 0;
      if (is_lower((unsigned char)p[i])) allcaps = 0;
      i++;
    }
  }
  return words >= 1 && (allcaps ? words <= 4 : words <= 3 && words >= 2);
}

/* The length of the wire markers at the start of s (with their spaces). */
static size_t leading_markers(const char *s, size_t n) {
  size_t i = 0;
  for (;;) {
    if (i >= n || s[i] != '(') return i;
    size_t e = i;
    while (e < n && s[e] != ')' && e - i < 42) e++;
    if (e >= n || s[e] != ')' || !wire_marker(s + i, e - i + 1)) return i;
    i = skip_spaces(s, n, e + 1);
  }
}

/* Does s end like a sentence (. or a quote after . or ,)? Headlines don't;
 * an ellipsis is no sentence end here ("My memories of Marley..."). */
static int sentence_final(const char *s, size_t n) {
  while (n > 0) {
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '"' || c == '\'' || c == ')') { n--; continue; }
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        (c == 0x9D || c == 0x99)) { n -= 3; continue; }
    break;
  }
  if (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) return 0;
  return n > 0 && strchr(".,;:", s[n - 1]) != NULL;
}

static int headline_para(const char *s, size_t n) {
  if (n == 0 || n > 300 || sentence_final(s, n)) return 0;
  if (is_lower((unsigned char)s[0]) && !(n > 1 && is_upper((unsigned char)s[1]))) return 0; /* iPod */
  int words = 1;
  for (size_t i = 0; i < n; i++) words += s[i] == ' ';
  return words <= 35;
}

/* A paragraph that is only an agency credit: "(AFP)", "(AP)". */
static int agency_para(const char *s, size_t n) {
  if (n < 3 || n > 40 || s[0] != '(' || s[n - 1] != ')' || !is_upper((unsigned char)s[1])) return 0;
  for (size_t i = 1; i + 1 < n; i++)
    if (!is_alpha((unsigned char)s[i]) && s[i] != ' ' && s[i] != '-' && s[i] != '&' && s[i] != '.')
      return 0;
  return !wire_marker(s, n) || strchr(s, ' ') == NULL;
}

/* A byline paragraph: "By Kim Min-ji", "By Jane Doe and John Roe, Reuters"
 * (at most 8 words, each capitalized or a joining word). */
static int byline_para(const char *s, size_t n) {
  if (n < 5 || n > 80 || strncmp(s, "By ", 3) != 0 || !is_upper((unsigned char)s[3])) return 0;
  int words = 0;
  for (size_t i = 3; i < n;) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    size_t e = i;
    while (e < n && s[e] != ' ') e++;
    words++;
    int joiner = (e - i == 3 && strncmp(s + i, "and", 3) == 0) ||
                 (e - i == 2 && (strncmp(s + i, "in", 2) == 0 || strncmp(s + i, "of", 2) == 0));
    if (!joiner && !is_upper((unsigned char)s[i])) return 0;
    i = e;
  }
  return words >= 1 && words <= 8 && s[n - 1] != '.';
}

/* ---- putting it together ---- */

typedef struct {
  size_t off, len;
} para;

static char *dup_trim(td_arena *a, const char *s, size_t n) {
  while (n && s[0] == ' ') s++, n--;
  while (n && s[n - 1] == ' ') n--;
  return n ? td_arena_strndup(a, s, n) : NULL;
}

void td_text_meta_take(td_arena *arena, td_buf *text, td_text_meta *m) {
  if (!text->ptr || text->len == 0) return;
  const char *t = text->ptr;
  para *P = NULL;
  size_t np = 0, cap = 0;
  for (size_t i = 0; i < text->len;) {
    size_t e = i; /* the first blank line after i, else the end (memchr: perf, issue 11) */
    for (;;) {
      const char *nl = memchr(t + e, '\n', text->len - e);
      if (!nl) {
        e = text->len;
        break;
      }
      e = (size_t)(nl - t);
      if (e + 1 < text->len && t[e + 1] == '\n') break;
      e++;
    }
    TD_GROW(P, cap, np + 1);
    P[np].off = i, P[np].len = e - i;
    np++;
    i = e + 2;
  }
  size_t first = 0, last = np; /* the body: P[first .. last) */
  char date[40];

  /* trailing: (END), Source: ..., (Agency) */
  for (int round = 0; round < 3 && last > first + 1; round++) {
    const char *s = t + P[last - 1].off;
    size_t n = P[last - 1].len;
    if ((n == 5 && strncasecmp(s, "(END)", 5) == 0) || (n == 3 && strncmp(s, "END", 3) == 0)) {
      last--;
      continue;
    }
    if (n > 7 && n < 120 && strncasecmp(s, "source", 6) == 0 && (s[6] == ':' || s[6] == ' ')) {
      size_t k = 6;
      while (k < n && (s[k] == ':' || s[k] == ' ' || s[k] == '-')) k++;
      size_t e = n;
      while (e > k && s[e - 1] == '.') e--;
      if (e > k && !m->source) {
        m->source = dup_trim(arena, s + k, e - k);
        last--;
        continue;
      }
    }
    if (agency_para(s, n) && !m->source) {
      m->source = dup_trim(arena, s + 1, n - 2);
      last--;
      continue;
    }
    break;
  }

  /* leading: dateline, headline (with markers), agency credit, in any order */
  for (int round = 0; round < 4 && last > first + 1; round++) {
    const char *s = t + P[first].off;
    size_t n = P[first].len;
    if (!m->date && dateline_para(s, n, date)) {
      m->date = td_arena_strdup(arena, date);
      first++;
      continue;
    }
    if (agency_para(s, n) && !m->source) {
      m->source = dup_trim(arena, s + 1, n - 2);
      first++;
      continue;
    }
    if (byline_para(s, n)) { /* not a sentence of the article: dropped */
      first++;
      continue;
    }
    if (m->title) break;
    size_t mk = leading_markers(s, n);
    if (mk == n) break; /* a paragraph of markers only: leave it */
    /* after a marker, too, a headline reads as one: "(Red Oak) -- The
     * three candidates … infrastructure." is a paragraph of the body whose
     * place credit looks like a marker, and was taken for the title (the
     * whole paragraph lost from the text) */
    if (mk && !headline_para(s + mk, n - mk)) break;
    if (mk || headline_para(s, n)) {
      /* the body must follow: a paragraph that ends like a sentence */
      size_t b = first + 1;
      while (b < last && (dateline_para(t + P[b].off, P[b].len, date) ||
                          byline_para(t + P[b].off, P[b].len)))
        b++;
      if (b >= last) break;
      /* the body: the next paragraph, or the one after a standfirst */
      int body = 0;
      for (size_t q = b; q < last && q < b + 2; q++)
        body |= sentence_final(t + P[q].off, P[q].len) ||
                (P[q].len && strchr("!?", t[P[q].off + P[q].len - 1]));
      if (!mk && !body) break;
      if (mk) {
        size_t e = mk;
        while (e > 0 && s[e - 1] == ' ') e--;
        m->wire_marker = td_arena_strndup(arena, s, e);
      }
      m->title = dup_trim(arena, s + mk, n - mk);
      first++;
      continue;
    }
    break;
  }
  if (!m->date && first < last) {
    /* the dateline opens the body, or its second paragraph after a short
     * one that the headline tests left (one ending in a period: `Singer
     * signs new deal in Lisbon.`) */
    size_t dl = first;
    if (!place_dateline(t + P[first].off, P[first].len, date))
      dl = first + 1 < last && P[first].len <= 300 && !memchr(t + P[first].off, '\n', P[first].len) &&
                   place_dateline(t + P[first + 1].off, P[first + 1].len, date)
               ? first + 1
               : last;
    if (dl < last) {
      m->date = td_arena_strdup(arena, date);
      if (date[0] == '-')
        m->text_year = latest_year(t + P[dl].off, P[last - 1].off + P[last - 1].len - P[dl].off);
    }
  }

  if (first > 0 || last < np) {
    /* paragraphs first .. last-1 joined by blank lines, empty ones at the
     * start left out: the text from the first non-empty one's start to the
     * last's end, as it was split */
    td_buf nb = TD_BUF_INIT;
    size_t f = first;
    while (f < last && P[f].len == 0) f++;
    if (f < last) td_buf_put(&nb, t + P[f].off, P[last - 1].off + P[last - 1].len - P[f].off);
    if (!nb.ptr) td_buf_put(&nb, "", 0);
    td_buf_free(text);
    *text = nb;
  }
  free(P);
}
