/*
 * segment.c — tokens and sentences: the layer every later stage reads.
 *
 * Tokens follow the conventions of the UD English Web Treebank, so the
 * tagger and parser trained on it see what they were trained on: clitics
 * split ("North Korea" "’s", "do" "n't", "can" "not"), punctuation split,
 * most hyphens split ("North Korea" "-" "Russia", "two" "-" "plus") but a
 * hyphen after a prefix kept ("e-mail", "co-workers", "non-proliferation"),
 * numbers kept ("3.5", "8,000", "5:00", "11/20/2000", phone numbers),
 * abbreviations kept with their period ("U.S.", "Mr.", "Jan.") unless the
 * period also ends the sentence ("in the U.S." -> "U.S" "."), URLs and
 * e-mail addresses one token each.
 *
 * Sentences end at a paragraph break, and after . ! ? … (with the closing
 * quotes and brackets that follow) when the next token does not start in
 * lowercase: `"Is it over?" he asked.` stays one sentence. Abbreviations
 * (titles, initials, months, "No." before a number) do not end sentences;
 * other abbreviations do only before a word that typically starts one.
 *
 * Speed: one pass over the bytes with a class table, tokens grown in the
 * document arena, all `norm` strings in one arena block (second pass).
 */
#include "text.h"

#include <pthread.h>
#include <string.h>

enum { C_SPACE = 1, C_NL = 2, C_LOWER = 4, C_UPPER = 8, C_DIGIT = 16, C_HIGH = 32, C_PUNCT = 64,
       C_SPEC = 128 /* '@', and the lead bytes 0xC2, 0xE2 of spaces that end a chunk */ };
#define C_ALPHA (C_LOWER | C_UPPER)
#define C_ALNUM (C_ALPHA | C_DIGIT)

/* Byte classes: S space, N newline, l lowercase, U uppercase, D digit,
 * H a byte of a multi-byte UTF-8 character, P ASCII punctuation; X marks
 * the bytes the chunk scan of td_segment must look at more closely. */
#define S C_SPACE
#define N C_NL
#define l C_LOWER
#define U C_UPPER
#define D C_DIGIT
#define H C_HIGH
#define P C_PUNCT
#define X C_SPEC
static const unsigned char cls[256] = {
    P, P, P, P, P, P, P, P, P, S, N, S, S, S, P, P,
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P|X, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    P, l, l, l, l, l, l, l, l, l, l, l, l, l, l, l,
    l, l, l, l, l, l, l, l, l, l, l, P, P, P, P, P,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H|X, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H|X, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef S
#undef N
#undef l
#undef U
#undef D
#undef H
#undef P
#undef X

/* ---- eight bytes at a time (perf, issue 11) ----
 * Per byte of the 8-byte word x (little-endian loads; the byte tests are
 * core.h's td_bytes_*), the high bit set where the byte is one the chunk
 * scan must look at (below 0x21, '@', 0xC2, 0xE2). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TD_SEG_SWAR 1
static inline uint64_t chunk_stops8(uint64_t x) {
  return td_bytes_lt(x, 0x21) | td_bytes_eq(x, '@') | td_bytes_eq(x, 0xC2) | td_bytes_eq(x, 0xE2);
}
/* How many bytes of m (high bits only) are marked: no popcount
 * instruction is assumed (the build targets plain x86-64). */
static inline int count8(uint64_t m) { return (int)(((m >> 7) * TD_ONES8) >> 56); }
/* The low n bytes (n <= 8) of a word. */
static inline uint64_t low_bytes(uint32_t n) { return n >= 8 ? ~0ull : (1ull << (8 * n)) - 1; }
#endif

/* Is code point cp punctuation or a symbol (its own token), as opposed to
 * a letter or digit of some script? */
static int punct_cp(uint32_t cp) {
  if (cp < 0x80) return !(cls[cp] & C_ALNUM);
  if (cp >= 0xA1 && cp <= 0xBF)
    return !(cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA);
  return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x205E) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x214F && cp != 0x2113) ||
         (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFFFD;
}

typedef struct {
  td_doc *d;
  const unsigned char *s;
  uint32_t n;
  uint32_t flags; /* pending flags for the next token */
  int chunk_at;   /* the chunk being scanned holds an '@' */
} tz;

static inline __attribute__((always_inline)) void emit(tz *z, uint32_t a, uint32_t b,
                                                     uint32_t fl) {
  if (b <= a) return;
  td_doc *d = z->d;
  TD_AGROW(&d->arena, d->toks, d->cap_toks, d->ntoks + 1);
  td_tok *t = &d->toks[d->ntoks++];
  memset(t, 0, sizeof *t);
  t->start = a, t->end = b, t->head = -2;
  t->flags = z->flags | fl;
  z->flags = 0;
}

/* Decodes the code point at i (ASCII fast path). */
static uint32_t cp_at(const tz *z, uint32_t i, int *len) {
  if (z->s[i] < 0x80) {
    *len = 1;
    return z->s[i];
  }
  uint32_t cp;
  int k = td_utf8_decode(z->s + i, z->n - i, &cp);
  if (k == 0) k = 1, cp = 0xFFFD;
  *len = k;
  return cp;
}

/* Is the character at i (before e) a word character (letter or digit)? */
static int word_at(const tz *z, uint32_t i, uint32_t e) {
  if (i >= e) return 0;
  unsigned char c = z->s[i];
  if (c < 0x80) return (cls[c] & C_ALNUM) != 0;
  int k;
  return !punct_cp(cp_at(z, i, &k));
}

/* Length of an apostrophe (' or ’) at i, else 0. */
static int apos_at(const tz *z, uint32_t i, uint32_t e) {
  if (i >= e) return 0;
  if (z->s[i] == '\'') return 1;
  if (i + 3 <= e && z->s[i] == 0xE2 && z->s[i + 1] == 0x80 && z->s[i + 2] == 0x99) return 3;
  return 0;
}

static int lower_eq(const unsigned char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  if (k != n) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != (unsigned char)w[i]) return 0;
  }
  return 1;
}

/* Hyphen prefixes EWT keeps attached ("e-mail", "co-workers", "pre-war"). */
static int hyphen_prefix(const unsigned char *s, size_t n) {
  static const char *const p[] = {"e", "co", "pre", "post", "non", "anti", "pro", "ex", "multi",
                                  "mid", "re", "semi", "psycho", "sub", "inter", "counter",
                                  "ultra", "mini", "micro", "neo", "quasi", "pseudo", "bi",
                                  "tri", "un", "de", "over", "intra", "trans", "mega", "cyber"};
  if (n > 7) return 0;
  for (size_t i = 0; i < sizeof p / sizeof p[0]; i++)
    if (lower_eq(s, n, p[i])) return 1;
  return 0;
}

/* Digit groups joined by hyphens from p: kept as one token when they look
 * like a phone number or a date (two hyphens or more, or 3+4 digits).
 * Returns the end of the group, or 0 to split at the hyphens. */
static uint32_t numeric_hyphen_group(const tz *z, uint32_t p, uint32_t e) {
  int groups = 0, first = 0, last = 0;
  uint32_t i = p;
  while (i < e) {
    uint32_t g = i;
    while (i < e && (cls[z->s[i]] & C_DIGIT)) i++;
    if (i == g) return 0;
    if (!groups) first = (int)(i - g);
    last = (int)(i - g);
    groups++;
    if (i + 1 < e && z->s[i] == '-' && (cls[z->s[i + 1]] & C_DIGIT)) i++;
    else break;
  }
  return groups >= 3 || (groups == 2 && first >= 3 && last >= 4) ? i : 0;
}

/* ---- abbreviations ---- */

enum { AB_NONE, AB_TITLE, AB_NUMBER, AB_OTHER };

/* Abbreviations that never end a sentence (titles, before names) and those
 * that may (months, company suffixes, "etc."). Case-sensitive. */
static const char *const ab_titles[] = {
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm",
    "Cmdr", "Cdr", "Brig", "Gov", "Sen", "Rep", "Reps", "Sens", "Rev", "Hon", "Pres", "Supt",
    "Insp", "Det", "Cpl", "Pvt", "Gens", "Fr", "Sr", "Mt", "Ft", "St", "vs", "Vs", "v", "Nos",
    "Mme", "Mlle", "Amb", "Sec", "Atty", "Gov", "Lieut", "Dist", "Ald", "Msgr", "Sgts", "Drs"};
static const char *const ab_others[] = {
    "Jr", "Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "Plc", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu",
    "Thur", "Thurs", "Fri", "Sat", "Sun", "etc", "al", "approx", "Ave", "Blvd", "Rd", "Dept",
    "Univ", "Assn", "Est", "est", "Fig", "fig", "Vol", "vol", "pp", "Ph", "Ala", "Ariz", "Ark",
    "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
    "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Gov't", "Govt", "min", "max", "Min", "Max",
    "yrs", "hrs", "mins", "Attn", "attn", "Ref", "ref", "Dec", "cf", "ca", "viz", "Ed", "eds",
    "Eds", "Op", "op", "Cf", "No", "no", "Nos", "Art", "art"};

/* Both lists, titles first, chained by first byte in list order (perf,
 * issue 11: a word before a period walked all 200): ab_head[b] is 1 + the
 * first entry starting with byte b, ab_next[i] 1 + the next one after
 * entry i (0 ends a chain); entries below NTITLES are titles. Built once. */
#define NTITLES (sizeof ab_titles / sizeof ab_titles[0])
#define NABBREV (NTITLES + sizeof ab_others / sizeof ab_others[0])
_Static_assert(NABBREV < 255, "abbreviation indexes fit a byte");
static uint8_t ab_head[256], ab_next[NABBREV], ab_len[NABBREV];
static pthread_once_t ab_once = PTHREAD_ONCE_INIT;

static const char *ab_word(size_t i) { return i < NTITLES ? ab_titles[i] : ab_others[i - NTITLES]; }

static void ab_build(void) {
  uint8_t *tail[256];
  for (int b = 0; b < 256; b++) tail[b] = &ab_head[b];
  for (size_t i = 0; i < NABBREV; i++) {
    const char *w = ab_word(i);
    unsigned char b = (unsigned char)w[0];
    ab_len[i] = (uint8_t)strlen(w);
    *tail[b] = (uint8_t)(i + 1);
    tail[b] = &ab_next[i];
  }
}

static int abbrev_kind(const unsigned char *s, size_t n) {
  if (n == 0 || n > 8) return AB_NONE;
  pthread_once(&ab_once, ab_build);
  for (unsigned i = ab_head[s[0]]; i; i = ab_next[i - 1]) {
    if (ab_len[i - 1] != n || memcmp(ab_word(i - 1), s, n) != 0) continue;
    if (i - 1 < NTITLES) return AB_TITLE;
    return (s[0] == 'N' || s[0] == 'n') && (n == 2 || n == 3) && s[1] == 'o' ? AB_NUMBER
           : (s[0] == 'A' || s[0] == 'a') && n == 3 && s[1] == 'r'          ? AB_NUMBER
                                                                             : AB_OTHER;
  }
  return AB_NONE;
}

/* Capitalized words that commonly start a sentence: after an abbreviation
 * such as "U.S." or "Inc.", one of these means the period ended it. */
static int sentence_starter(const unsigned char *s, size_t n) {
  static const char *const w[] = {
      "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
      "Those", "There", "His", "Her", "Its", "Their", "Our", "My", "In", "On", "At", "But", "And",
      "Or", "So", "If", "When", "While", "After", "Before", "As", "For", "Meanwhile", "However",
      "Also", "Some", "Many", "Most", "Other", "What", "Who", "How", "Why", "Where", "Yet",
      "Still", "Then", "Since", "According", "Under", "With", "Without", "During", "Both",
      "Such", "Each", "Last", "Earlier", "Later", "Officials", "Analysts", "Experts", "To",
      "By", "From", "Despite", "Although", "Though", "Because", "Now", "Today", "Here",
      "Separately", "Moreover", "Furthermore", "Instead", "Asked", "One", "Two", "Three"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (w[i][0] == s[0] && strlen(w[i]) == n && memcmp(w[i], s, n) == 0) return 1;
  return 0;
}

/* Does the period at i (the end of an abbreviation) also end the sentence?
 * Yes at the end of the text or paragraph, and before an opening quote or a
 * word that typically starts a sentence. */
static int period_ends_sentence(const tz *z, uint32_t i) {
  uint32_t j = i + 1;
  while (j < z->n && (cls[z->s[j]] & C_SPACE)) j++;
  if (j >= z->n || z->s[j] == '\n') return 1;
  if (z->s[j] == '"' || (j + 3 <= z->n && z->s[j] == 0xE2 && z->s[j + 1] == 0x80 && z->s[j + 2] == 0x9C))
    return 1;
  uint32_t k = j;
  while (k < z->n && (cls[z->s[k]] & C_ALPHA)) k++;
  return sentence_starter(z->s + j, k - j);
}

/* Whether w (n bytes, the period at j after it) is "ST", "MT" or "FT" in
 * capitals before a word in capitals: a dateline's "ST. LOUIS", "FT.
 * WORTH", "MT. VERNON", whose period ends no sentence (the mixed-case
 * "St." is a title of ab_titles). */
static int caps_saint(const tz *z, const unsigned char *w, size_t n, uint32_t j) {
  if (n != 2 || w[1] != 'T' || (w[0] != 'S' && w[0] != 'M' && w[0] != 'F')) return 0;
  uint32_t k = j + 1;
  if (k >= z->n || z->s[k] != ' ') return 0;
  k++;
  return k + 1 < z->n && (cls[z->s[k]] & C_UPPER) && (cls[z->s[k + 1]] & C_UPPER);
}

/* The word [p, j) is followed by '.' at j: emits it, with the period when
 * it is an abbreviation whose period does not end the sentence. Returns the
 * position after what was emitted. */
static uint32_t emit_before_period(tz *z, uint32_t p, uint32_t j, uint32_t e) {
  const unsigned char *w = z->s + p;
  size_t n = j - p;
  int dotted = 0, kind = AB_NONE;
  if (n >= 3 && memchr(w, '.', n)) { /* U.S, e.g, a.m: one letter between periods */
    dotted = 1;
    for (size_t k = 0; k < n; k++)
      if ((k % 2 == 0) != ((cls[w[k]] & C_ALPHA) != 0) || (k % 2 == 1 && w[k] != '.')) dotted = 0;
  }
  /* initials; a capital glued to a word by a hyphen is none (`Jay-Z.`
   * ends its sentence) */
  if (!dotted)
    kind = n == 1 && (cls[w[0]] & C_UPPER) ? (p > 0 && z->s[p - 1] == '-' ? AB_NONE : AB_OTHER)
                                           : abbrev_kind(w, n);
  if (kind == AB_NONE && caps_saint(z, w, n, j)) kind = AB_TITLE;
  if (kind == AB_NUMBER) {
    uint32_t k = j + 1;
    while (k < z->n && z->s[k] == ' ') k++;
    kind = k < z->n && (cls[z->s[k]] & C_DIGIT) ? AB_TITLE : AB_NONE;
  }
  if (!dotted && kind == AB_NONE) {
    emit(z, p, j, 0);
    return j;
  }
  int more = j + 1 < e; /* "U.S.," "U.S.)": the period is not the last char */
  if (kind != AB_TITLE && !more && period_ends_sentence(z, j)) {
    emit(z, p, j, 0);
    return j;
  }
  if (more && z->s[j + 1] == '.') { /* "etc.." */
    emit(z, p, j + 1, 0);
    return j + 1;
  }
  emit(z, p, j + 1, 0);
  return j + 1;
}

/* Splits "cannot", "gonna", "wanna", "gotta" as EWT does. */
static int split_fused(tz *z, uint32_t p, uint32_t j) {
  size_t n = j - p;
  if (n != 6 && n != 5) return 0;
  const unsigned char *w = z->s + p;
  unsigned char c0 = w[0] | 0x20;
  if (c0 != 'c' && c0 != 'g' && c0 != 'w') return 0;
  uint32_t cut = 0;
  if (lower_eq(w, n, "cannot")) cut = 3;
  else if (lower_eq(w, n, "gonna") || lower_eq(w, n, "wanna") || lower_eq(w, n, "gotta")) cut = 3;
  if (!cut) return 0;
  emit(z, p, p + cut, 0);
  emit(z, p + cut, j, 0);
  return 1;
}

/* Scans a word starting at p (a word character) inside the chunk ending at
 * e, emitting it and any clitics; returns the position after it. */
static uint32_t scan_word(tz *z, uint32_t p, uint32_t e) {
  const unsigned char *s = z->s;
  uint32_t j = p, seg = p; /* seg: start of the current hyphen/period segment */
  for (;;) {
#ifdef TD_SEG_SWAR
    /* ASCII letters and digits eight at a time (the byte loop below goes
     * on from the first other byte; never past e) */
    while (j < e && j + 8 <= z->n) {
      uint64_t x, an;
      memcpy(&x, s + j, 8);
      an = td_bytes_alpha(x) | td_bytes_in(x, '0', '9');
      uint32_t k = an == TD_HIGH8 ? 8 : (uint32_t)__builtin_ctzll(~an & TD_HIGH8) >> 3;
      j = j + k < e ? j + k : e;
      if (k < 8) break;
    }
#endif
    while (j < e) {
      unsigned char c = s[j];
      if (c < 0x80) {
        if (!(cls[c] & C_ALNUM)) break;
        j++;
      } else {
        int k;
        if (punct_cp(cp_at(z, j, &k))) break;
        j += (uint32_t)k;
      }
    }
    if (j >= e) break;
    unsigned char c = s[j];
    unsigned char prev = s[j - 1];
    int next_word = word_at(z, j + 1, e);
    unsigned char next = j + 1 < e ? s[j + 1] : 0;
    if (c == '.' && next_word) {
      if (((cls[prev] & C_DIGIT) && (cls[next] & C_DIGIT)) || (cls[next] & C_LOWER) ||
          (j - seg == 1 && (cls[s[seg]] & C_ALPHA)) || (cls[next] & C_DIGIT)) {
        j++;
        seg = j;
        continue;
      }
      break;
    }
    if (c == ',' && (cls[prev] & C_DIGIT) && j + 3 < e && (cls[s[j + 1]] & C_DIGIT) &&
        (cls[s[j + 2]] & C_DIGIT) && (cls[s[j + 3]] & C_DIGIT) &&
        (j + 4 >= e || !(cls[s[j + 4]] & C_DIGIT))) {
      j += 4;
      continue;
    }
    if ((c == ':' || c == '/') && (cls[prev] & C_DIGIT) && (cls[next] & C_DIGIT)) {
      j++;
      continue;
    }
    if (c == '/' && j - seg == 1 && next_word && (j + 2 >= e || !word_at(z, j + 2, e))) {
      j++; /* "l/c" */
      continue;
    }
    if ((c == '&' && (cls[prev] & C_UPPER) && (cls[next] & C_UPPER)) ||
        (c == '_' && next_word)) {
      j++;
      continue;
    }
    if (c == '-' && next_word) {
      uint32_t g = (cls[s[seg]] & C_DIGIT) ? numeric_hyphen_group(z, seg, e) : 0;
      if (g > j) {
        j = g;
        continue;
      }
      if (hyphen_prefix(s + seg, j - seg) && !(cls[next] & C_DIGIT)) {
        j++;
        seg = j;
        continue;
      }
      emit(z, p, j, 0);
      emit(z, j, j + 1, TD_TOK_PUNCT);
      p = seg = ++j;
      continue;
    }
    int a = apos_at(z, j, e);
    if (a && j + (uint32_t)a < e && (cls[s[j + a]] & C_ALPHA)) {
      uint32_t q = j + (uint32_t)a, r = q;
      while (r < e && (cls[s[r]] & C_ALPHA)) r++;
      int endw = r >= e || !word_at(z, r, e);
      if (endw && (prev == 'n' || prev == 'N') && lower_eq(s + q, r - q, "t") && j - 1 > p) {
        emit(z, p, j - 1, 0); /* do|n't */
        emit(z, j - 1, r, 0);
        return r;
      }
      if (endw && (lower_eq(s + q, r - q, "s") || lower_eq(s + q, r - q, "re") ||
                   lower_eq(s + q, r - q, "ve") || lower_eq(s + q, r - q, "ll") ||
                   lower_eq(s + q, r - q, "d") || lower_eq(s + q, r - q, "m"))) {
        emit(z, p, j, 0); /* Korea|’s */
        emit(z, j, r, 0);
        return r;
      }
      j = r; /* O'Brien */
      continue;
    }
    break;
  }
  if (j < e && s[j] == '.' ) return emit_before_period(z, p, j, e);
  if (!split_fused(z, p, j)) emit(z, p, j, 0);
  return j;
}

/* URLs and e-mail addresses: the chunk [p, e) starts one? Returns its end
 * (trailing punctuation left out), or 0. */
static uint32_t url_end(const tz *z, uint32_t p, uint32_t e) {
  const unsigned char *s = z->s;
  size_t n = e - p;
  int url = (n > 7 && (memcmp(s + p, "http://", 7) == 0)) ||
            (n > 8 && memcmp(s + p, "https://", 8) == 0) || (n > 6 && memcmp(s + p, "ftp://", 6) == 0) ||
            (n > 4 && memcmp(s + p, "www.", 4) == 0 && (cls[s[p + 4]] & C_ALNUM));
  if (!url) {
    if (!z->chunk_at) return 0; /* no address without an '@' */
    const unsigned char *at = memchr(s + p, '@', n);
    if (!at || at == s + p || !(cls[at[-1]] & (C_ALNUM)) || at + 1 >= s + e) return 0;
    for (const unsigned char *q = s + p; q < at; q++)
      if (!(cls[*q] & C_ALNUM) && !strchr("._-+%", *q)) return 0;
    const unsigned char *dot = memchr(at, '.', (size_t)(s + e - at));
    if (!dot || dot + 1 >= s + e || !(cls[dot[1]] & C_ALPHA)) return 0;
  }
  uint32_t end = e;
  int paren = memchr(s + p, '(', e - p) != NULL;
  while (end > p && s[end - 1] && strchr(".,;:!?\"')]>", s[end - 1])) {
    if (s[end - 1] == ')' && paren) break;
    end--;
  }
  /* closing curly quotes */
  while (end >= p + 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x80 &&
         (s[end - 1] == 0x9D || s[end - 1] == 0x99))
    end -= 3;
  return end > p ? end : 0;
}

/* Tokenizes the whitespace-free chunk [p, e). */
static void scan_chunk(tz *z, uint32_t p, uint32_t e) {
  const unsigned char *s = z->s;
  uint32_t chunk = p;
  while (p < e) {
    unsigned char c = s[p];
    /* a URL or address starts the chunk, or follows opening punctuation */
    if ((cls[c] & C_ALNUM) && (p == chunk || (s[p - 1] && strchr("([<\"'", s[p - 1])) ||
                               (p >= chunk + 3 && s[p - 3] == 0xE2 && s[p - 2] == 0x80))) {
      uint32_t u = url_end(z, p, e);
      if (u) {
        emit(z, p, u, 0);
        p = u;
        continue;
      }
    }
    if (c < 0x80 && (cls[c] & C_ALNUM)) {
      p = scan_word(z, p, e);
      continue;
    }
    int k;
    uint32_t cp = cp_at(z, p, &k);
    if (c >= 0x80 && !punct_cp(cp)) {
      p = scan_word(z, p, e);
      continue;
    }
    /* punctuation */
    uint32_t fl = TD_TOK_PUNCT, q = p + (uint32_t)k;
    int at_start = p == 0 || (cls[s[p - 1]] & (C_SPACE | C_NL)) ||
                   (p > 0 && s[p - 1] && strchr("([{", s[p - 1])) ||
                   (p >= 3 && s[p - 3] == 0xE2 && s[p - 2] == 0x80 &&
                    (s[p - 1] == 0x94 || s[p - 1] == 0x93 || s[p - 1] == 0x9C || s[p - 1] == 0x98));
    if ((c == ':' || c == ';') && q < e) { /* emoticons: ":)", ":-(", ";-)" */
      uint32_t r = q + (s[q] == '-');
      if (r < e && strchr(")(DP", s[r]) && s[r] && (r + 1 >= e || !word_at(z, r + 1, e))) {
        emit(z, p, r + 1, TD_TOK_PUNCT);
        p = r + 1;
        continue;
      }
    }
    if (c == '.' || c == '!' || c == '?') {
      while (q < e && (s[q] == '.' || s[q] == '!' || s[q] == '?')) q++; /* "...", "?!" */
    } else if (c == '-' || c == '*' || c == '=' || c == '_' || c == '~' || c == '#' || c == '<' ||
               c == '>' || c == '$') {
      while (q < e && s[q] == c) q++; /* "--", "<<", "$$$" */
    } else if (c == '"') {
      fl |= at_start ? TD_TOK_QUOTE_OPEN : TD_TOK_QUOTE_CLOSE;
    } else if (c == '\'' || cp == 0x2019) {
      /* a clitic after a closing quote or bracket: "'s" */
      uint32_t r = q;
      while (r < e && (cls[s[r]] & C_ALPHA)) r++;
      if (!at_start && r > q && lower_eq(s + q, r - q, "s") && (r >= e || !word_at(z, r, e))) {
        emit(z, p, r, 0);
        p = r;
        continue;
      }
      fl |= at_start ? TD_TOK_QUOTE_OPEN : TD_TOK_QUOTE_CLOSE;
    } else if (cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x201E) {
      fl |= TD_TOK_QUOTE_OPEN;
    } else if (cp == 0x201D || cp == 0xBB) {
      fl |= TD_TOK_QUOTE_CLOSE;
    }
    emit(z, p, q, fl);
    p = q;
  }
}

/* ---- token attributes ---- */

/* The flags of a token from its letter, uppercase and digit counts (and
 * whether its first letter or digit is uppercase: TD_TOK_CAP). */
static void token_flags(td_tok *t, int letters, int upper, int digits) {
  /* without a branch (perf: capitals, digits and punctuation come as
   * the text has them, and the predictor missed) */
  uint32_t f = t->flags & ~(uint32_t)TD_TOK_PUNCT;
  f |= (uint32_t)TD_TOK_ALLCAPS & -(uint32_t)((letters >= 2) & (upper == letters));
  f |= (uint32_t)TD_TOK_DIGIT & -(uint32_t)(digits != 0);
  f |= (uint32_t)TD_TOK_PUNCT & -(uint32_t)((letters | digits) == 0);
  t->flags = f;
}

#ifdef TD_SEG_SWAR
/* finish_tokens for a token of at most 8 ASCII bytes, 8 bytes readable
 * at its start and writable at *buf: writes its norm there (advancing
 * *buf) and sets its flags, as the byte loop would. 0 (nothing done) for
 * any other token. */
static int ascii_token(const td_doc *d, td_tok *t, char **buf, const char *bufend) {
  uint32_t n = t->end - t->start;
  if (n == 0 || n > 8 || (size_t)t->start + 8 > d->len || *buf + 8 > bufend) return 0;
  uint64_t w, m = low_bytes(n);
  memcpy(&w, d->text + t->start, 8);
  w &= m;
  if (w & TD_HIGH8) return 0;
  uint64_t al = td_bytes_alpha(w), up = td_bytes_in(w, 'A', 'Z') & m, dg = td_bytes_in(w, '0', '9') & m;
  uint64_t an = al | dg;
  /* the first letter or digit is uppercase (no branch, as token_flags) */
  t->flags |= (uint32_t)TD_TOK_CAP & -(uint32_t)((up & an & -an) != 0);
  w |= up >> 2;
  memcpy(*buf, &w, 8); /* the norm, then NULs */
  (*buf)[n] = 0;
  *buf += n + 1;
  token_flags(t, count8(al), count8(up), count8(dg));
  return 1;
}
#endif

static void finish_tokens(td_doc *d) {
  size_t total = 0;
  for (size_t i = 0; i < d->ntoks; i++) total += d->toks[i].end - d->toks[i].start + 1;
  /* not zeroed (perf): every norm is written with its NUL below, the
   * byte left after the last one is zeroed at the end */
  char *buf = td_arena_alloc_raw(&d->arena, total + 1), *bufend = buf + total + 1;
  const unsigned char *s = (const unsigned char *)d->text;
  for (size_t i = 0; i < d->ntoks; i++) {
    td_tok *t = &d->toks[i];
    t->norm = buf;
#ifdef TD_SEG_SWAR
    if (ascii_token(d, t, &buf, bufend)) continue;
#endif
    int letters = 0, upper = 0, digits = 0, first_seen = 0;
    for (uint32_t k = t->start; k < t->end;) {
      unsigned char c = s[k];
      if (c < 0x80) {
        unsigned char cl = cls[c];
        if (cl & C_ALPHA) {
          letters++;
          if (cl & C_UPPER) {
            upper++;
            if (!first_seen) t->flags |= TD_TOK_CAP;
            c += 32;
          }
          first_seen = 1;
        } else if (cl & C_DIGIT) {
          digits++, first_seen = 1;
        }
        *buf++ = (char)c;
        k++;
        continue;
      }
      /* curly quotes and apostrophes fold to ASCII; Latin-1 capitals lower */
      if (c == 0xE2 && k + 3 <= t->end && s[k + 1] == 0x80 &&
          (s[k + 2] == 0x98 || s[k + 2] == 0x99 || s[k + 2] == 0x9C || s[k + 2] == 0x9D)) {
        *buf++ = s[k + 2] <= 0x99 ? '\'' : '"';
        k += 3;
        continue;
      }
      if (c == 0xC3 && k + 1 < t->end && s[k + 1] >= 0x80 && s[k + 1] <= 0x9E && s[k + 1] != 0x97) {
        letters++, upper++;
        if (!first_seen) t->flags |= TD_TOK_CAP;
        first_seen = 1;
        *buf++ = (char)c;
        *buf++ = (char)(s[k + 1] + 0x20);
        k += 2;
        continue;
      }
      if (c >= 0xC4) { /* beyond Latin-1: Unicode's case (Łódź, Šefčovič, Жуков) */
        uint32_t cp, lo;
        int len = td_utf8_decode(s + k, t->end - k, &cp);
        if (len > 1 && td_cp_case(cp) > 0) {
          letters++, upper++;
          if (!first_seen) t->flags |= TD_TOK_CAP;
          first_seen = 1;
          char w[4];
          /* lowercased where that keeps the length (the norm's room is
           * the token's bytes) */
          lo = td_cp_lower(cp);
          if (td_utf8_encode(w, lo) == len) memcpy(buf, w, (size_t)len);
          else memcpy(buf, s + k, (size_t)len);
          buf += len, k += (uint32_t)len;
          continue;
        }
      }
      if (c >= 0xC0) letters++, first_seen = 1;
      *buf++ = (char)c;
      k++;
    }
    *buf++ = 0;
    token_flags(t, letters, upper, digits);
  }
  memset(buf, 0, (size_t)(bufend - buf));
}

/* ---- sentences ---- */

#define MAX_SENT_TOKS 1000

static int tok_is(const td_doc *d, size_t i, const char *w) {
  return strcmp(d->toks[i].norm, w) == 0;
}

/* Does token i end a sentence by itself (. ! ? … and runs of them)? */
static int terminal(const td_doc *d, size_t i) {
  const char *n = d->toks[i].norm;
  if (!(d->toks[i].flags & TD_TOK_PUNCT)) return 0;
  if (strcmp(n, "\xE2\x80\xA6") == 0) return 1;
  for (; *n; n++)
    if (*n != '.' && *n != '!' && *n != '?') return 0;
  return 1;
}

static int closer(const td_doc *d, size_t i) {
  const td_tok *t = &d->toks[i];
  return (t->flags & TD_TOK_QUOTE_CLOSE) || tok_is(d, i, ")") || tok_is(d, i, "]") ||
         ((t->flags & TD_TOK_QUOTE_OPEN) == 0 && tok_is(d, i, "\"") &&
          !(t->flags & TD_TOK_SPACE_BEFORE));
}

/* After a quoted question or exclamation, is "Kim asked" / "the minister
 * said" (up to four words, then a speech verb) the rest of its sentence?
 * j is the first token after the closing quote. */
static int speaker_follows(const td_doc *d, size_t j) {
  static const char *const cues[] = {"said", "asked", "says", "asks", "added", "told", "replied",
                                     "shouted", "wrote", "exclaimed", "cried", "wondered",
                                     "demanded", "insisted", "declared", "yelled", "tweeted"};
  for (size_t k = j; k < d->ntoks && k < j + 5; k++) {
    const td_tok *t = &d->toks[k];
    if (t->flags & (TD_TOK_PUNCT | TD_TOK_PARA_START)) return 0;
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++)
      if (strcmp(t->norm, cues[c]) == 0) return k > j;
  }
  return 0;
}

static void add_sent(td_doc *d, size_t t0, size_t t1) {
  TD_AGROW(&d->arena, d->sents, d->cap_sents, d->nsents + 1);
  td_sent *se = &d->sents[d->nsents];
  se->start = d->toks[t0].start, se->end = d->toks[t1 - 1].end;
  se->tok0 = (uint32_t)t0, se->ntok = (uint32_t)(t1 - t0);
  for (size_t j = t0; j < t1; j++) d->toks[j].sent = (uint32_t)d->nsents;
  d->nsents++;
}

/* The first bytes of a token that may be terminal (perf: one test on the
 * norm's first byte turns away the words and most punctuation, a test the
 * predictor gets right far more often than the one on TD_TOK_PUNCT). */
static const unsigned char end_byte[256] = {['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1};

static void split_sentences(td_doc *d) {
  const unsigned char *s = (const unsigned char *)d->text;
  size_t t0 = 0, n = d->ntoks;
  for (size_t i = 0; i < n; i++) {
    size_t end = 0; /* sentence ends after token end-1 */
    if (i + 1 == n) end = n;
    else if (d->toks[i + 1].flags & TD_TOK_PARA_START) end = i + 1;
    else if (end_byte[(unsigned char)d->toks[i].norm[0]] && terminal(d, i)) {
      size_t j = i + 1;
      while (j < n && closer(d, j) && !(d->toks[j].flags & TD_TOK_PARA_START)) j++;
      if (j >= n || (d->toks[j].flags & TD_TOK_PARA_START)) end = j;
      else {
        const td_tok *nx = &d->toks[j];
        unsigned char c = s[nx->start];
        int lower = c >= 'a' && c <= 'z';
        int cont = lower || (nx->flags & TD_TOK_PUNCT && !(nx->flags & TD_TOK_QUOTE_OPEN) &&
                             !tok_is(d, j, "(") && !tok_is(d, j, "[") && !tok_is(d, j, "-") &&
                             d->text[nx->start] != '-' && d->text[nx->start] != '*' &&
                             d->text[nx->start] != '#' && d->text[nx->start] != '=');
        if (!cont && (nx->flags & TD_TOK_SPACE_BEFORE) == 0 && !(d->toks[j - 1].flags & TD_TOK_QUOTE_CLOSE) &&
            !tok_is(d, j - 1, ")"))
          cont = !(nx->flags & TD_TOK_CAP); /* "3.5" split oddly, "a.b": no space, no capital */
        if (!cont && j > i + 1 && (d->toks[j - 1].flags & TD_TOK_QUOTE_CLOSE) &&
            strpbrk(d->toks[i].norm, "?!") && speaker_follows(d, j))
          cont = 1; /* "Why?" Kim asked. */
        if (!cont) end = j;
      }
      if (end) i = end - 1;
    }
    if (!end && i + 1 - t0 >= MAX_SENT_TOKS) end = i + 1;
    if (end) {
      add_sent(d, t0, end);
      t0 = end;
    }
  }
}

int td_segment(const td_engine *eng, td_doc *d) {
  (void)eng;
  d->ntoks = 0, d->nsents = 0;
  if (!d->text || d->len == 0) return 0;
  tz z = {d, (const unsigned char *)d->text, (uint32_t)d->len, TD_TOK_PARA_START, 0};
  /* room for ~5 bytes a token, not zeroed (perf: emit zeroes each token
   * it adds, and no token past ntoks is read) */
  TD_AGROW_RAW(&d->arena, d->toks, d->cap_toks, d->len < (5u << 20) ? d->len / 5 + 16 : 1u << 20);
  const unsigned char *s = z.s;
  uint32_t n = z.n, i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (cls[c] & C_SPACE) {
      z.flags |= TD_TOK_SPACE_BEFORE;
      i++;
      continue;
    }
    if (c == '\n') {
      z.flags |= TD_TOK_SPACE_BEFORE | TD_TOK_NEWLINE_BEFORE | TD_TOK_PARA_START;
      i++;
      continue;
    }
    if (c >= 0x80) {
      int k;
      uint32_t cp = cp_at(&z, i, &k);
      if (td_is_space_cp(cp)) {
        z.flags |= TD_TOK_SPACE_BEFORE;
        i += (uint32_t)k;
        continue;
      }
    }
    uint32_t e = i;
    int at = 0;
    for (; e < n; e++) { /* one class test a byte; X bytes are looked at */
#ifdef TD_SEG_SWAR
      while (e + 8 <= n) { /* skip to the first byte that may end the chunk */
        uint64_t x, m;
        memcpy(&x, s + e, 8);
        if ((m = chunk_stops8(x))) {
          e += (uint32_t)__builtin_ctzll(m) >> 3;
          break;
        }
        e += 8;
      }
      if (e >= n) break;
#endif
      unsigned char k = cls[s[e]];
      if (!(k & (C_SPACE | C_NL | C_SPEC))) continue;
      if (k & (C_SPACE | C_NL)) break;
      if (s[e] == '@') {
        at = 1;
        continue;
      }
      if (s[e] == 0xC2 && e + 1 < n && s[e + 1] == 0xA0) break; /* NBSP */
      if (s[e] == 0xE2 && e + 2 < n && s[e + 1] == 0x80 && (s[e + 2] <= 0x8A || s[e + 2] == 0xAF))
        break; /* U+2000..U+200A, U+202F */
    }
    if (e == i) e = i + 1;
    z.chunk_at = at;
    scan_chunk(&z, i, e);
    i = e;
  }
  finish_tokens(d);
  split_sentences(d);
  return 0;
}
