/*
 * quotes.c — the quotes layer: finds direct quotations (straight or curly
 * marks, several sentences or paragraphs, interrupted by their cue) and
 * partial quotations inside reported speech, and says who spoke: the noun
 * phrase at the speech cue ("Austin said", "said Austin", "according to
 * Lopez", "Kim was quoted as saying", "it added"), resolved to an actor
 * through the actors layer. Runs after actors, places, times and
 * quantities; before events (which read quotes for attribution).
 *
 * It also holds what quantities.c shares with it: the word view of the text
 * (quotation marks as words of their own), the cues found by the quotes.*
 * rules (data/quotes/cues.rules), the claimant search, and `tidings eval
 * quotes DIR`.
 */
#include "quotes.h"
#include "actors.h"
#include "times.h"
#include "lang/matcher.h"
#include "lang/rules.h"

#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- small lists ---- */

/* Words skipped between a subject and its cue ("has also said"). */
static const char *const aux_adv[] = {
    "has", "have", "had", "also", "was", "is", "were", "are", "be", "been",
    "later", "then", "once", "again", "previously", "reportedly", "would",
    "will", "did", "does", "do", "could", "may", "might", "should", "can",
    "first", "still", "further", "just", "even", "earlier", "not", "never",
    NULL};

/* Words that never belong to a speaker's noun phrase. */
static const char *const np_stop[] = {
    "that", "which", "who", "whom", "whose", "when", "while", "where", "as",
    "because", "but", "if", "since", "after", "before", "although", "though",
    "so", "than", "to", "in", "on", "at", "by", "with", "from", "into",
    "during", "about", "over", "under", "not", "what", "how", "why", "there",
    "here", "is", "are", "was", "were", "has", "have", "had", "be", "been",
    "will", "would", "can", "could", "may", "might", "should", "did", "do",
    "does", "also", "then", "just", "even", "only", "this", "these", "those",
    "said", "says", "told", "added", "through", "via", "for", "against",
    "without", "until", "through", "per", "like", "unlike", "whether", NULL};

/* Words that end a speaker phrase written after its cue ("said Lopez in"). */
static const char *const after_stop[] = {
    "who", "in", "at", "on", "during", "after", "before", "when", "while",
    "that", "which", "as", "to", "by", "with", "from", "about", "last", "this",
    "on", "earlier", "later", "told", "said", "says", "added", "adding",
    "and", "but", "for", "via", "through", "yesterday", "today", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL};

/* Words of time that may stand between a subject and its cue ("Priebus
 * later Thursday told") or end an opening phrase ("Last month, he said"). */
static const char *const time_words[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "ago", "month", "week", "year", "years", "months", "weeks", "day",
    "days", "morning", "evening", "night", "afternoon", "weekend", NULL};

static const char *const pronouns[] = {"he", "she", "it", "they", "we", "i", "you", NULL};

/* English prepositions a capitalized word may be at a sentence start, so
 * never part of a name ("Despite", "Among"); np_stop lists the others. */
static const char *const prepositions[] = {
    "of", "among", "amongst", "across", "despite", "between", "behind", "near", "outside",
    "inside", "amid", "amidst", "around", "toward", "towards", "upon", "within", "beyond",
    "along", "alongside", "beside", "besides", "below", "above", "beneath", "off", "onto",
    "throughout", "except", "including", "following", "regarding", "concerning", "round",
    "past", "opposite", "out", "up", "down", NULL};

/* Abbreviations whose period does not end a sentence. */
static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt",
    "st", "jr", "sr", "prof", "rev", "vs", "no", "inc", "co", "corp", "ltd",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "pres", "gens", "capt", "cmdr", "adm", "maj", "u.s", "u.n", "u.k", "d.c",
    "a.m", "p.m", "e.g", "i.e", "et", "al", "messrs", NULL};

/* Built once (perf): the abbreviations and the longer word lists as sets,
 * a probe instead of a walk of the list; and per byte, whether it is an
 * ASCII letter or digit. */
static td_strset *abbrev_set, *np_stop_set, *aux_adv_set, *after_stop_set, *time_words_set;
static uint8_t alnum_byte[256];
static pthread_once_t abbrev_once = PTHREAD_ONCE_INIT;
static void abbrev_build(void) {
  abbrev_set = td_strset_new_list(abbrevs);
  np_stop_set = td_strset_new_list(np_stop); /* perf: long lists, asked often */
  aux_adv_set = td_strset_new_list(aux_adv);
  after_stop_set = td_strset_new_list(after_stop);
  time_words_set = td_strset_new_list(time_words);
  for (int b = 0; b < 256; b++)
    alnum_byte[b] = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

/* Whether the lowercase word lw[0..n) is one of the abbreviations. */
static int is_abbrev(const char *lw, size_t n) {
  return td_strset_find(abbrev_set, lw, n) >= 0;
}

/* A few cues for an engine without quotes.* rules (no resource image):
 * the cues of the rules file data/quotes/cues.rules, in its cue table
 * form "phrase<TAB>kind". */
static const char builtin_cues[] =
    "said\tsay\nsays\tsay\nsay\tsay\nadded\tsay\nnoted\tsay\nstressed\tsay\n"
    "told\ttell\naccording to\taccording\nwas quoted as saying\tpassive\n";

/* Whether w is one of the set's words (td_qword_in of the list it was
 * made from). */
static int in_set(const td_strset *set, const td_qword *w) {
  return td_strset_find_str(set, w->lw) >= 0;
}

int td_qword_in(const td_qword *w, const char *const *list) { return td_str_in(w->lw, list); }

/* ---- the word view ---- */

/* Punctuation beyond ASCII, currency signs included: "£600m" is the sign
 * "£" and the number "600m", as "$5" is "$" and "5" (the quantities layer
 * reads the sign before the number). */
static int is_upunct(uint32_t cp) {
  return (cp >= 0x2010 && cp <= 0x205E) || cp == 0xA0 || cp == 0xAB || cp == 0xBB ||
         (cp >= 0xA2 && cp <= 0xA5) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         cp == 0xB7 || cp == 0xBF || cp == 0xA1 || td_is_space_cp(cp) || cp == 0xFFFD;
}

static int ascii_alnum(uint32_t cp) {
  return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
}

static inline int is_wordch(uint32_t cp) {
  if (cp < 0x80) return ascii_alnum(cp);
  return !is_upunct(cp);
}

/* The code point at byte i and its length (an invalid byte: U+FFFD, 1);
 * ASCII without a call (perf: the word view reads every byte). */
static inline uint32_t cp_at(const char *text, size_t n, size_t i, int *len) {
  unsigned char b = (unsigned char)text[i];
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  uint32_t cp;
  int k = td_utf8_decode((const unsigned char *)text + i, n - i, &cp);
  if (k == 0) k = 1;
  *len = k;
  return cp;
}

/* Whether connector cp at i (length k) of text (n bytes) joins two word
 * characters. */
static int joins(const char *text, size_t n, size_t i, int k, uint32_t cp, uint32_t prev) {
  /* perf: most words end at a space, which joins nothing */
  if (cp != ',' && cp != '\'' && cp != 0x2019 && cp != '-' && cp != '.' && cp != '&' && cp != '!') return 0;
  if (i + (size_t)k >= n) return 0;
  int k2;
  uint32_t next = cp_at(text, n, i + (size_t)k, &k2);
  /* a name ending in "!" before a possessive is one word with it, as
   * "Korea's" is: "OutRage!'s Mr Lock said", "Yahoo!'s profits" (no
   * sentence ends there) */
  if (cp == '!') {
    size_t a = i + 1 + (size_t)k2;
    int k3;
    return (next == '\'' || next == 0x2019) && a < n && (text[a] == 's' || text[a] == 'S') &&
           (a + 1 >= n || !is_wordch(cp_at(text, n, a + 1, &k3)));
  }
  if (!is_wordch(next)) return 0;
  if (cp == ',') { /* 8,000 but not "1, 2" */
    if (!(prev >= '0' && prev <= '9')) return 0;
    for (int j = 0; j < 3; j++) {
      size_t p = i + 1 + (size_t)j;
      if (p >= n || text[p] < '0' || text[p] > '9') return 0;
    }
    size_t p = i + 4;
    return p >= n || text[p] < '0' || text[p] > '9';
  }
  return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == '&';
}

/* Whether s[0..n) takes a period as an abbreviation does. */
static int abbrev_word(const char *s, size_t n) {
  if (n == 1) return s[0] >= 'A' && s[0] <= 'Z';
  /* a number is no abbreviation: "grew 3.5." and "from $10.9bn." end
   * their sentence */
  if (s[0] >= '0' && s[0] <= '9') return 0;
  if (memchr(s, '.', n)) return n <= 6;
  char lw[8];
  if (n >= sizeof lw) return 0;
  td_lower_ascii(lw, sizeof lw, s, n);
  return is_abbrev(lw, n);
}

/* The ASCII lowercase of byte ch, without a branch. */
static inline char lower_byte(unsigned char ch) {
  return (char)(ch | ((unsigned)(ch - 'A') < 26u) << 5);
}

/* The run of ASCII letters and digits at t[i..) (len bytes in all), eight
 * at a time: each block's lowercase goes to lwp + *done (all eight bytes:
 * the block holds room, see build_words), *done and the returned index
 * advance over the letters and digits; stops at the first block that is
 * not all of them, having taken that block's leading ones; the last bytes
 * (under eight, or from a non-ASCII byte on) one at a time. */
static size_t lower_run(const unsigned char *t, size_t i, size_t len, char *lwp, size_t *done) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (i + 8 <= len) {
    uint64_t x = td_load8(t + i);
    if (x & TD_HIGH8) break;
    uint64_t an = td_bytes_alpha(x) | td_bytes_in(x, '0', '9');
    uint64_t low = td_bytes_lower(x);
    memcpy(lwp + *done, &low, 8);
    if (an != TD_HIGH8) { /* the first byte that is not one: its high bit is clear */
      size_t k = (size_t)__builtin_ctzll(~an & TD_HIGH8) / 8;
      *done += k;
      return i + k;
    }
    *done += 8, i += 8;
  }
#endif
  while (i < len && alnum_byte[t[i]]) lwp[(*done)++] = lower_byte(t[i]), i++;
  return i;
}

/* The word view as build_words makes it: the words so far (cap of them
 * allocated) in the arena, where the next lowercase form goes, the token
 * where the next word may start (tk, its start tstart: UINT32_MAX past the
 * last), and the words mark_sentence_ends looks at (ends). Kept in locals of
 * build_words (perf, issue 11: the lowercase is written a byte at a time,
 * and a char store may alias anything reached through c). */
typedef struct wbuild {
  td_arena *arena;
  const unsigned char *t; /* the text */
  const td_tok *toks;
  size_t ntoks, nsents, tk;
  uint32_t tstart;
  td_qword *w;
  size_t nw, cap;
  char *lwp;
  uint32_t *ends;
  size_t nends, capends;
} wbuild;

/* Appends the word on bytes [s, e) with its lowercase form, written at
 * b->lwp (a block of the document's size plus one byte per word, see
 * build_words), which it advances; the caller has written the lowercase
 * of the first `done` bytes, all ASCII, there already. The word takes the
 * tag of the language core's token starting where it does, and that
 * token's sentence (UINT32_MAX: none starts there). */
static inline __attribute__((always_inline)) void add_word(wbuild *b, uint32_t s, uint32_t e,
                                                          uint32_t flags, size_t done) {
  TD_AGROW(b->arena, b->w, b->cap, b->nw + 1);
  while (b->tstart < s) b->tstart = ++b->tk < b->ntoks ? b->toks[b->tk].start : UINT32_MAX;
  td_qword *w = &b->w[b->nw++];
  w->s = s, w->e = e, w->flags = (uint16_t)flags, w->upos = 0, w->sent = UINT32_MAX;
  if (b->tstart == s) {
    const td_tok *tk = &b->toks[b->tk];
    w->upos = tk->upos;
    if (tk->sent < b->nsents) w->sent = tk->sent;
  }
  char *lw = b->lwp;
  const unsigned char *t = b->t;
  size_t n = done;
  for (uint32_t i = s + (uint32_t)done; i < e; i++) {
    unsigned char ch = t[i];
    if (ch == 0xE2 && i + 2 < e && t[i + 1] == 0x80 && t[i + 2] == 0x99) {
      lw[n++] = '\'', i += 2;
      continue;
    }
    lw[n++] = lower_byte(ch);
  }
  lw[n] = 0;
  w->lw = lw;
  b->lwp = lw + n + 1;
}

/* Notes that the next word (b->nw) may end a sentence (mark_sentence_ends). */
static inline __attribute__((always_inline)) void note_end(wbuild *b) {
  TD_AGROW(b->arena, b->ends, b->capends, b->nends + 1);
  b->ends[b->nends++] = (uint32_t)b->nw;
}

/* Marks the words that end a sentence: . ! ? followed by a capital, an
 * opening mark, a digit or a paragraph, the period not after an
 * abbreviation. Closing marks (curly, straight, `''`) and brackets after
 * the stop are skipped: `on "Meet the Press." "We …` ends a sentence.
 * Looks only at words ends[0 .. nends) (build_words': the . ! ? and the
 * words ending in a period, in order; perf, issue 11). */
static void mark_sentence_ends(td_qctx *c, const uint32_t *ends, size_t nends) {
  for (size_t x = 0; x < nends; x++) {
    size_t i = ends[x];
    td_qword *w = &c->w[i];
    /* an abbreviation with periods before a quotation that opens with a
     * capital: `a forum in Fort Mill, S.C. "It seems …` */
    if (!(w->flags & TD_QW_PUNCT) && w->e - w->s >= 4 && c->doc->text[w->e - 1] == '.' &&
        memchr(c->doc->text + w->s, '.', w->e - w->s - 1) && i + 2 < c->nw &&
        (c->w[i + 1].flags & TD_QW_QOPEN) && !(c->w[i + 1].flags & TD_QW_PARA) &&
        (c->w[i + 2].flags & TD_QW_CAP)) {
      w->flags |= TD_QW_SEND;
      continue;
    }
    if (!(w->flags & TD_QW_PUNCT) || w->e - w->s != 1) continue;
    char ch = c->doc->text[w->s];
    if (ch != '.' && ch != '!' && ch != '?') continue;
    if (ch == '.' && i > 0 && c->w[i - 1].e == w->s && !(c->w[i - 1].flags & TD_QW_PUNCT)) {
      /* (no abbreviation before it: build_words took the period of one
       * into its word) */
      const td_qword *p = &c->w[i - 1];
      if (p->e - p->s == 1 && (p->flags & TD_QW_CAP)) continue; /* initials */
    }
    size_t j = i + 1;
    while (j < c->nw && (c->w[j].flags & (TD_QW_QCLOSE | TD_QW_PUNCT)) &&
           !(c->w[j].flags & (TD_QW_QOPEN | TD_QW_PARA)) &&
           strchr(")]’'\"", c->doc->text[c->w[j].s] == '\xe2' ? '\'' : c->doc->text[c->w[j].s]))
      j++;
    if (j >= c->nw || (c->w[j].flags & (TD_QW_PARA | TD_QW_CAP | TD_QW_QOPEN | TD_QW_DIGIT)))
      c->w[j - 1].flags |= TD_QW_SEND;
  }
}

/* Whether a mark after code point prev stands after a space: a line
 * break, a space, or an opening bracket or slash. (Asked only of curly
 * double marks: perf, issue 11.) */
static int space_before(uint32_t prev) {
  return prev == '\n' || td_is_space_cp(prev) || strchr("([{/", (int)prev);
}

/* The words of the text: runs of word characters (joined by connectors,
 * "8,000", "don't", "U.S."), and each mark or punctuation character alone,
 * with their TD_QW_* flags. Words never overlap, so their lowercase forms
 * (one NUL each) fit in one block of twice the text's size. Each word
 * takes its tag and sentence from the token starting where it does. Returns
 * the index of the first single mark (TD_QW_SINGLE), c->nw when none, and
 * in *ends the words mark_sentence_ends is to look at (*nends of them). */
static size_t build_words(td_qctx *c, uint32_t **ends, size_t *nends) {
  const char *text = c->doc->text;
  const unsigned char *t = (const unsigned char *)text;
  const size_t len = c->doc->len;
  wbuild b;
  memset(&b, 0, sizeof b);
  b.arena = &c->doc->arena, b.t = t;
  b.toks = c->doc->toks, b.ntoks = c->doc->ntoks, b.nsents = c->doc->nsents;
  b.tstart = b.ntoks ? b.toks[0].start : UINT32_MAX;
  b.cap = len / 4 + 16; /* news: ~6 bytes a word */
  /* not zeroed (perf): add_word and note_end write every field of each
   * word and end they add, and each lowercase form with its NUL; nothing
   * past nw, nends or a form's NUL is read */
  b.w = td_arena_alloc_raw(b.arena, b.cap * sizeof *b.w);
  b.lwp = td_arena_alloc_raw(b.arena, 2 * len + 1);
  b.capends = len / 64 + 16; /* a sentence of news: ~120 bytes */
  b.ends = td_arena_alloc_raw(b.arena, b.capends * sizeof *b.ends);
  size_t i = 0, single = (size_t)-1, open0 = (size_t)-1;
  int para = 1;
  uint32_t prevcp = '\n';
  while (i < len) {
    int k;
    uint32_t cp = cp_at(text, len, i, &k);
    if (cp == '\n') para = 1;
    if (cp < 0x80 ? cp == ' ' || (cp >= '\t' && cp <= '\r') : td_is_space_cp(cp)) {
      prevcp = cp, i += (size_t)k;
      continue;
    }
    uint32_t s = (uint32_t)i, flags = para ? TD_QW_PARA : 0;
    para = 0;
    if (cp < 0x80 ? alnum_byte[cp] : !is_upunct(cp)) { /* is_wordch, by table */
      if (cp >= '0' && cp <= '9') flags |= TD_QW_DIGIT;
      if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250 && cp != 0xDF)) flags |= TD_QW_CAP;
      uint32_t last = cp;
      i += (size_t)k;
      /* perf: runs of ASCII letters and digits are scanned at once, and
       * lowercased into the word's form at lwp while its bytes so far
       * are all ASCII (done of them; add_word does the rest) */
      char *lwp = b.lwp;
      size_t done = 0;
      if (cp < 0x80) lwp[done++] = lower_byte((unsigned char)cp);
      while (i < len) {
        if (alnum_byte[t[i]]) {
          if (i - s == done) {
            i = lower_run(t, i, len, lwp, &done);
          } else {
            do i++; while (i < len && alnum_byte[t[i]]);
          }
          last = t[i - 1];
          if (i >= len || t[i] == ' ') break; /* perf: most words end at a space */
        }
        cp = cp_at(text, len, i, &k); /* no ASCII letter or digit: the runs took them */
        if (cp >= 0x80 && is_wordch(cp)) last = cp, i += (size_t)k;
        else if (joins(text, len, i, k, cp, last)) last = cp, i += (size_t)k;
        else break;
      }
      /* "Mr.", "U.S.", "B.": the period of an abbreviation or initial */
      if (i < len && text[i] == '.' && abbrev_word(text + s, i - s)) i++;
      if (text[i - 1] == '.' && i - s >= 4) note_end(&b);
      add_word(&b, s, (uint32_t)i, flags, done);
      prevcp = last;
      if (i < len && t[i] == ' ') prevcp = ' ', i++; /* perf: the space after it, here */
      continue;
    }
    flags |= TD_QW_PUNCT;
    /* a curly mark of the wrong hand: “ right after a word or a comma and
     * before a space closes (“It's unusual,“ said X), ” after a space or a
     * line break and before a letter opens */
    if (cp == 0x201C) {
      int sp_before = space_before(prevcp);
      int sp_after = i + (size_t)k >= len || text[i + (size_t)k] == ' ' || text[i + (size_t)k] == '\n';
      flags |= !sp_before && sp_after && prevcp != 0x2014 ? TD_QW_QCLOSE : TD_QW_QOPEN;
    } else if (cp == 0x201D) {
      int sp_before = space_before(prevcp), k2 = 0;
      uint32_t nx = i + (size_t)k < len ? cp_at(text, len, i + (size_t)k, &k2) : ' ';
      flags |= prevcp == '\n' || (sp_before && is_wordch(nx)) ? TD_QW_QOPEN : TD_QW_QCLOSE;
    }
    else if (cp == 0x2018 || cp == 0x2019) flags |= TD_QW_SINGLE;
    else if (cp == '\'' && !(i + 1 < len && text[i + 1] == '\''))
      flags |= TD_QW_SINGLE; /* a straight ' standing alone: pair_single_marks */
    else if (cp == '`' && i + 1 < len && text[i + 1] == '`') {
      k = 2, flags |= TD_QW_QOPEN; /* ``…'' */
    } else if (cp == '\'' && i + 2 < len && text[i + 1] == '\'' && text[i + 2] == '\'' &&
               !td_is_space_cp(prevcp) && prevcp != '\n') {
      /* three apostrophes after a word close a quotation inside one, then
       * the quotation: ''I would use the word 'old-school,''' said X */
      k = 1;
    } else if (cp == '"' || (cp == '\'' && i + 1 < len && text[i + 1] == '\'')) {
      /* a straight double mark, or two apostrophes standing for one
       * (''I think it can work,'' said X) */
      if (cp == '\'') k = 2;
      size_t nx = i + (size_t)k;
      int opening = prevcp == '\n' || td_is_space_cp(prevcp) || strchr("([{/-", (int)prevcp) ||
                    prevcp == 0x2014 || prevcp == 0x2013;
      /* after a colon or comma with a word right after: opens (Rep. X:"I have") */
      if (!opening && (prevcp == ':' || prevcp == ',') && nx < len &&
          (unsigned char)text[nx] > ' ' && text[nx] != '"' && text[nx] != '\'')
        opening = 1;
      /* a mark with space on both sides closes: "... 'outreach,' " he said */
      if (opening && prevcp != '\n' && nx < len && (text[nx] == ' ' || text[nx] == '\n'))
        opening = 0;
      flags |= opening ? TD_QW_QOPEN : TD_QW_QCLOSE;
    }
    if ((flags & TD_QW_SINGLE) && single == (size_t)-1) single = b.nw;
    if ((flags & TD_QW_QOPEN) && open0 == (size_t)-1) open0 = b.nw;
    if (cp == '.' || cp == '!' || cp == '?') note_end(&b);
    i += (size_t)k;
    add_word(&b, s, (uint32_t)i, flags, 0);
    prevcp = cp;
    if (i < len && t[i] == ' ') prevcp = ' ', i++; /* perf: the space after it, here */
  }
  c->w = b.w, c->nw = b.nw;
  c->open0 = open0 == (size_t)-1 ? b.nw : open0;
  *ends = b.ends, *nends = b.nends;
  return single == (size_t)-1 ? b.nw : single;
}

/* ---- cues ---- */

static int cue_kind(const char *s, size_t n) {
  static const struct { const char *name; int kind; } kinds[] = {
      {"say", TD_CUE_SAY}, {"tell", TD_CUE_TELL}, {"according", TD_CUE_ACCORDING},
      {"passive", TD_CUE_PASSIVE}, {"name", TD_CUE_NAME}, {"find", TD_CUE_FIND}};
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (strlen(kinds[i].name) == n && memcmp(kinds[i].name, s, n) == 0) return kinds[i].kind;
  return 0;
}

/* Parses "phrase<TAB>kind[<TAB>comment]" lines ('#' starts a comment):
 * the built-in fallback table. */
static void load_cues(td_qctx *c, const char *src, size_t len) {
  size_t cap = 0;
  const char *p = src, *end = src + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    const char *tab = memchr(p, '\t', (size_t)(le - p));
    if (*p != '#' && tab && tab > p) {
      const char *k = tab + 1, *ke = memchr(k, '\t', (size_t)(le - k));
      if (!ke) ke = le;
      while (ke > k && (ke[-1] == ' ' || ke[-1] == '\r')) ke--;
      int kind = cue_kind(k, (size_t)(ke - k));
      if (kind) {
        TD_AGROW(&c->doc->arena, c->cues, cap, c->ncues + 1);
        td_cue *cu = &c->cues[c->ncues];
        memset(cu, 0, sizeof *cu);
        const char *q = p;
        while (q < tab && cu->nw < 6) {
          while (q < tab && *q == ' ') q++;
          const char *we = q;
          while (we < tab && *we != ' ') we++;
          if (we > q) {
            char *lw = td_arena_strndup(&c->doc->arena, q, (size_t)(we - q));
            for (char *x = lw; *x; x++)
              if (*x >= 'A' && *x <= 'Z') *x += 32;
            cu->w[cu->nw++] = lw;
          }
          q = we;
        }
        cu->kind = kind;
        if (cu->nw) c->ncues++;
      }
    }
    p = nl ? nl + 1 : end;
  }
}

static int is_punct(const td_qctx *c, size_t i, const char *set);

/* Whether the straight ' at word i may open a quotation: after a space, a
 * paragraph start, an opening bracket or a dash, right before a word that
 * is no elision ('em, 'til, 'n') and no year or decade ('90s, '08). */
static int straight_opens(const td_qctx *c, size_t i) {
  static const char *const elisions[] = {"em", "til", "tis", "twas", "cause", "n", "bout",
                                         "s", "d", "ll", "re", "ve", "t", NULL};
  const td_doc *d = c->doc;
  const td_qword *w = &c->w[i];
  if (i + 1 >= c->nw || c->w[i + 1].s != w->e || (c->w[i + 1].flags & TD_QW_PUNCT)) return 0;
  const td_qword *nx = &c->w[i + 1];
  if (td_qword_in(nx, elisions)) return 0;
  if (nx->flags & TD_QW_DIGIT) {
    size_t n = nx->e - nx->s;
    if (n <= 3 && (n == 2 || nx->lw[n - 1] == 's')) return 0;
  }
  if ((w->flags & TD_QW_PARA) || w->s == 0) return 1;
  unsigned char b = (unsigned char)d->text[w->s - 1];
  if (b == ' ' || b == '\n' || b == '(' || b == '[') return 1;
  /* after a no-break space (C2 A0) or a dash (E2 80 93/94) */
  return w->s >= 2 && ((b == 0xA0 && (unsigned char)d->text[w->s - 2] == 0xC2) ||
                       (w->s >= 3 && (b == 0x93 || b == 0x94) &&
                        (unsigned char)d->text[w->s - 2] == 0x80));
}

/* Whether the straight ' at word i may close a quotation: right after a
 * word or . , ! ? and before a space, a line end or punctuation. */
static int straight_closes(const td_qctx *c, size_t i) {
  const td_doc *d = c->doc;
  const td_qword *w = &c->w[i];
  if (i == 0 || c->w[i - 1].e != w->s) return 0;
  if ((c->w[i - 1].flags & TD_QW_PUNCT) && !is_punct(c, i - 1, ".,!?")) return 0;
  if (w->e >= d->len) return 1;
  unsigned char a = (unsigned char)d->text[w->e];
  return a == ' ' || a == '\n' || a == '\r' || (a < 0x80 && strchr(".,;:!?)]\"", a)) || a == 0xE2 ||
         a == 0xC2;
}

/* Whether the straight ' at word i ends a plural possessive inside the
 * quotation open since `open` ("'The players' union will fight,' he
 * said"): after an s, before a lowercase noun or adjective (by its tag
 * when there is one: `became known as 'The Invincibles' after …` closes),
 * with another closing mark later in the paragraph. */
static int possessive_like(const td_qctx *c, size_t i) {
  const td_doc *d = c->doc;
  const td_qword *w = &c->w[i];
  if (i + 1 >= c->nw || d->text[w->s - 1] != 's' || w->e >= d->len || d->text[w->e] != ' ' ||
      (c->w[i + 1].flags & (TD_QW_CAP | TD_QW_PUNCT | TD_QW_PARA | TD_QW_DIGIT)))
    return 0;
  uint8_t t = c->w[i + 1].upos;
  return !t || t == TD_NOUN || t == TD_ADJ || t == TD_PROPN || t == TD_NUM;
}

static int straight_possessive(const td_qctx *c, size_t open, size_t i) {
  const td_doc *d = c->doc;
  if (!possessive_like(c, i)) return 0;
  /* a later closing mark that is no possessive itself (`the newly formed
   * 'All Golds' rugby side …, the All Blacks' inclusion` closes at Golds') */
  for (size_t k = i + 1; k < c->nw && k < open + 200; k++) {
    if (c->w[k].flags & (TD_QW_PARA | TD_QW_QOPEN)) return 0;
    if ((c->w[k].flags & TD_QW_SINGLE) && d->text[c->w[k].s] == '\'') {
      if (straight_opens(c, k)) return 0;
      if (straight_closes(c, k) && !possessive_like(c, k)) return 1;
    }
  }
  return 0;
}

/* Pairs single marks outside double quotations, within a paragraph. Curly:
 * a ‘ after a space, a paragraph start or an opening bracket, before a
 * word, opens; a lone ’ after a word or . , ! ? closes the nearest open
 * one. A ’ ending a plural possessive ("voters’ ") with no ‘ open stays
 * punctuation. Straight ('…', British style: He said: 'We will not
 * stop.'): as straight_opens and straight_closes say; a ' inside a word
 * (don't) is no word of its own, one ending a plural possessive (Jones')
 * closes nothing when none is open, and a double quotation inside a
 * straight single one (`'He said "no" to me,' she said`) leaves it open.
 * Paired marks become quotation marks (QOPEN, QCLOSE). first: the word of
 * the first single mark (c->nw: none, nothing to do). */
static void pair_single_marks(td_qctx *c, size_t first) {
  const td_doc *d = c->doc;
  int in_double = 0;
  size_t open = (size_t)-1, sopen = (size_t)-1; /* curly, straight */
  size_t chain[7];  /* straight openings of earlier paragraphs of sopen's quotation */
  int nchain = 0;
  if (first >= c->nw) return;
  /* perf: a paragraph resets every state above, and none changes before
   * a single mark: the walk begins at the paragraph of the first one */
  while (first > 0 && !(c->w[first].flags & TD_QW_PARA)) first--;
  for (size_t i = first; i < c->nw; i++) {
    td_qword *w = &c->w[i];
    if (w->flags & TD_QW_PARA) {
      /* a quotation over several paragraphs, each opening with a mark and
       * only the last closed: the openings are kept until it closes */
      if (sopen != (size_t)-1 && !in_double && nchain < 7 && (w->flags & TD_QW_SINGLE) &&
          d->text[w->s] == '\'' && straight_opens(c, i))
        chain[nchain++] = sopen;
      else
        nchain = 0;
      open = sopen = (size_t)-1, in_double = 0;
    }
    /* depth of double marks: `"… “Peter Pan,” … 'Finding Neverland' …"` */
    if (w->flags & TD_QW_QOPEN) {
      in_double = in_double < 2 ? in_double + 1 : 2, open = (size_t)-1;
      continue;
    }
    if (w->flags & TD_QW_QCLOSE) {
      in_double = in_double > 0 ? in_double - 1 : 0, open = (size_t)-1;
      continue;
    }
    if (!(w->flags & TD_QW_SINGLE) || in_double) continue;
    if (d->text[w->s] == '\'') {
      if (sopen != (size_t)-1 && i > sopen + 1 && straight_closes(c, i) &&
          !straight_possessive(c, sopen, i)) {
        for (int k = 0; k < nchain; k++) c->w[chain[k]].flags |= TD_QW_QOPEN;
        c->w[sopen].flags |= TD_QW_QOPEN;
        w->flags |= TD_QW_QCLOSE;
        sopen = (size_t)-1, nchain = 0;
      } else if (straight_opens(c, i)) {
        if (sopen != (size_t)-1 && !(w->flags & TD_QW_PARA)) nchain = 0;
        sopen = i;
      }
      continue;
    }
    int lead = (unsigned char)d->text[w->s + 2] == 0x98; /* ‘ (E2 80 98) */
    if (lead) {
      int before = w->s == 0 || d->text[w->s - 1] == ' ' || d->text[w->s - 1] == '\n' ||
                   d->text[w->s - 1] == '(' || (w->flags & TD_QW_PARA) ||
                   (w->s >= 2 && (unsigned char)d->text[w->s - 2] == 0xC2); /* nbsp */
      int after = i + 1 < c->nw && c->w[i + 1].s == w->e && !(c->w[i + 1].flags & TD_QW_PUNCT);
      if (before && after) open = i;
    } else if (open != (size_t)-1 && i > open + 1 && w->s > 0 && d->text[w->s - 1] != ' ') {
      c->w[open].flags |= TD_QW_QOPEN;
      w->flags |= TD_QW_QCLOSE;
      open = (size_t)-1;
    }
  }
}

/* One match of a quotes.* rule: the longest cue at its first word. A
 * capture `t` is the cue when the rule also matches context words
 * (`(?<t> [lower=asking]) [upos!=NOUN]`: no "asking price"). */
static int on_cue_rule(void *ctx, const td_rule_match *m) {
  td_qctx *c = ctx;
  const char *k = m->rule + 7; /* after "quotes." */
  size_t kl = strcspn(k, "_.");
  int kind = cue_kind(k, kl);
  int32_t tok0 = m->tok0, tok1 = m->tok1;
  const td_rule_cap *t = td_rule_cap_get(m, "t");
  if (t && t->tok0 >= 0 && t->tok1 > t->tok0) tok0 = t->tok0, tok1 = t->tok1;
  if (!kind || tok1 <= tok0) return 0;
  const td_tok *t0 = &c->doc->toks[tok0], *t1 = &c->doc->toks[tok1 - 1];
  size_t i = td_qword_at(c, t0->start), j = td_qword_at(c, t1->end - 1);
  if (i >= c->nw || c->w[i].s != t0->start || j >= c->nw || j < i || j - i >= 6) return 0;
  /* quotes.*_present: a bare present form ("critics argue"), no cue as an
   * infinitive or after "that" ("continues to insist", "will ask",
   * "e-mails that claim"); tested here, since a rule that opened with
   * the word before would be tried at every token. After a modal or "to"
   * it is a bare cue, and so is a quotes.*_bare word only there ("he
   * will argue", "is due to tell"): one beside a quotation (bare_cue) */
  int present = strstr(k, "_present") != NULL, bare_only = strstr(k, "_bare") != NULL;
  if (present || bare_only) {
    const td_qword *b = i > 0 ? &c->w[i - 1] : NULL;
    if (b && strcmp(b->lw, "that") == 0) return 0;
    if (b && (strcmp(b->lw, "to") == 0 || b->upos == TD_AUX || b->upos == TD_PART))
      kind |= TD_CUE_BARE;
    else if (bare_only)
      return 0;
  }
  /* quotes.*_end: a present form at a sentence's end, whatever its tag
   * (`," the two write.`, `," the Saudis state.`), a cue only after a
   * quotation (end_cue); any other cue of its length there wins */
  if (strstr(k, "_end") != NULL) kind |= TD_CUE_END;
  size_t len = j - i + 1;
  if (len > c->cue_len[i] || (len == c->cue_len[i] && (c->cue_kind[i] & TD_CUE_END) && !(kind & TD_CUE_END)))
    c->cue_len[i] = (uint8_t)len, c->cue_kind[i] = (uint8_t)kind;
  return 0;
}

/* Sets up the cues of the document from the engine's quotes.* rules; 0
 * when it has none (then the cue table is used). The rules run a sentence
 * at a time when cue_any first asks about a word of it (perf, issue 11:
 * the claimant search of quantities and the quotes layer look at few
 * sentences); here the arrays are made (build_words gave each word the
 * sentence of the token it starts). */
static int rule_cues(td_qctx *c, const td_engine *eng) {
  if (!eng || !eng->rules || !td_rules_layer_count(eng->rules, "quotes")) return 0;
  const td_doc *d = c->doc;
  c->eng = eng;
  c->cue_len = td_arena_alloc(&c->doc->arena, c->nw + 1);
  c->cue_kind = td_arena_alloc(&c->doc->arena, c->nw + 1);
  c->cue_ran = td_arena_alloc(&c->doc->arena, d->nsents + 1);
  return 1;
}

/* The quotes.* rules over sentence s, once (see rule_cues). */
static void run_cues(const td_qctx *c, uint32_t s) {
  if (c->cue_ran[s]) return;
  c->cue_ran[s] = 1;
  /* the arrays it fills are the document's, shared by every copy of c */
  td_rules_match_layer(c->eng->rules, "quotes", c->eng, c->doc, s, on_cue_rule, (td_qctx *)c);
}

void td_qctx_init(td_qctx *c, const td_engine *eng, td_doc *doc) {
  if (doc->qctx && doc->qctx->doc == doc) {
    *c = *doc->qctx; /* built by the layer that ran first */
    return;
  }
  memset(c, 0, sizeof *c);
  c->doc = doc;
  pthread_once(&abbrev_once, abbrev_build);
  uint32_t *ends;
  size_t nends;
  size_t single = build_words(c, &ends, &nends);
  int rules = rule_cues(c, eng);
  pair_single_marks(c, single);
  if (single < c->open0) c->open0 = single; /* it may have paired one */
  mark_sentence_ends(c, ends, nends);
  if (!rules) load_cues(c, builtin_cues, sizeof builtin_cues - 1);
  doc->qctx = td_arena_alloc(&doc->arena, sizeof *doc->qctx);
  *doc->qctx = *c;
}

size_t td_qword_at(const td_qctx *c, uint32_t b) {
  size_t lo = 0, hi = c->nw;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (c->w[mid].e <= b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Whether w reads as a plural common noun: "ministers", "analysts" (not
 * "business", "status", "analysis"). */
static int plural_noun(const td_qword *w) {
  size_t n = strlen(w->lw);
  if (w->upos != TD_NOUN || (w->flags & TD_QW_CAP) || n < 4 || w->lw[n - 1] != 's') return 0;
  char p = w->lw[n - 2];
  return p != 's' && p != 'u' && p != 'i';
}

/* The cue at word i, capitalized or not. */
static int cue_any(const td_qctx *c, size_t i, int *kind) {
  int best = 0;
  if (c->cue_len) {
    if (i >= c->nw || c->w[i].sent == UINT32_MAX) return 0;
    run_cues(c, c->w[i].sent);
    if (!c->cue_len[i] || (c->cue_kind[i] & (TD_CUE_BARE | TD_CUE_END))) return 0;
    *kind = c->cue_kind[i];
    /* "forecast" read as a noun is a cue after a name or pronoun ("Ms Roe
     * forecast."), or "forecast" after a plural ("economists forecast,"),
     * see data/quotes/cues.rules */
    if (c->w[i].upos != TD_VERB && c->w[i].lw[0] == 'f' &&
        (strcmp(c->w[i].lw, "forecast") == 0 || strcmp(c->w[i].lw, "forecasts") == 0)) {
      const td_qword *b = i > 0 ? &c->w[i - 1] : NULL;
      if (!b || !(b->upos == TD_PROPN || b->upos == TD_PRON ||
                  (plural_noun(b) && strcmp(c->w[i].lw, "forecast") == 0)))
        return 0;
    }
    /* "posted" is speech where a message goes somewhere ("posted on
     * Twitter", "posted just two words"), not where a firm "posted a
     * pre-tax profit of $3bn": its results, which the article reports */
    if (c->w[i].lw[0] == 'p' && (strcmp(c->w[i].lw, "posted") == 0 || strcmp(c->w[i].lw, "posts") == 0)) {
      static const char *const results[] = {"profit", "profits", "loss", "losses", "revenue", "revenues",
                                            "sales", "earnings", "income", "turnover", "growth", "gain",
                                            "gains", "deficit", "surplus", "rise", "fall", "decline",
                                            "increase", "drop", "return", "returns", "margin", "results",
                                            NULL};
      for (size_t k = i + 1; k < c->nw && k < i + 5; k++) {
        if (td_qword_in(&c->w[k], results)) return 0;
        if (c->w[k].flags & (TD_QW_PUNCT | TD_QW_SEND) || c->w[k].upos == TD_VERB) break;
      }
    }
    if (*kind == TD_CUE_FIND) { /* a finding: a number's claimant only */
      if (!c->finds) return 0;
      /* a participle before a noun ("the expected $18m", "an expected
       * rush") says nothing of who expects it */
      if (i > 0 && c->w[i - 1].upos == TD_DET) return 0;
      /* nor after a modal: "a singer can expect to pay $1,300" is what
       * happens to singers, no one's forecast */
      static const char *const modals[] = {"can", "could", "may", "might", "should", "will", "would",
                                           "must", NULL};
      if (i > 0 && td_qword_in(&c->w[i - 1], modals)) return 0;
      *kind = TD_CUE_SAY;
    }
    return c->cue_len[i];
  }
  for (size_t k = 0; k < c->ncues; k++) {
    const td_cue *cu = &c->cues[k];
    if (cu->nw <= best || i + (size_t)cu->nw > c->nw) continue;
    int ok = 1;
    for (int j = 0; j < cu->nw && ok; j++) /* perf: first byte before strcmp */
      ok = c->w[i + (size_t)j].lw[0] == cu->w[j][0] &&
           strcmp(c->w[i + (size_t)j].lw, cu->w[j]) == 0;
    if (ok) best = cu->nw, *kind = cu->kind;
  }
  return best;
}

int td_cue_at(const td_qctx *c, size_t i, int *kind) {
  /* after an article or a possessive a cue word is a noun or an
   * adjective: "the claims were", "his claims", "its estimates", "a say",
   * "the reported income", "BA's estimated revenues", "922 cases of
   * reported fraud", "a cap of say £20" (not after "he's",
   * "it's": "it's said that …") */
  static const char *const dets[] = {"the", "a", "an", "his", "her", "its", "their", "our", "my",
                                     "your", "of", NULL};
  static const char *const is_has[] = {"he's", "she's", "it's", "that's", "there's", "who's",
                                       "what's", "here's", "where's", "let's", NULL};
  /* a capitalized cue inside a sentence is a name ("the United States") */
  if (i < c->nw && (c->w[i].flags & TD_QW_CAP) && i > 0 &&
      !(c->w[i].flags & TD_QW_PARA) && !(c->w[i - 1].flags & (TD_QW_SEND | TD_QW_QOPEN)))
    return 0;
  int n = cue_any(c, i, kind);
  if (n && i > 0 && !(c->w[i].flags & TD_QW_PARA)) { /* (perf: only at a cue) */
    const td_qword *b = &c->w[i - 1];
    /* a cue word that is also a plural noun, read as a noun after an
     * adjective, is the head of a noun phrase, no verb of the adjective:
     * "Early estimates from the World Bank put …", "initial reports
     * suggest", "The largest claims came from" (no adjective says
     * anything; not "a Carrier executive tells") */
    static const char *const plurals[] = {"estimates", "reports", "claims", "notes", "states",
                                          "forecasts", "replies", "tweets", "posts", NULL};
    if (n == 1 && c->w[i].upos == TD_NOUN && b->upos == TD_ADJ && !(b->flags & TD_QW_PUNCT) &&
        td_qword_in(&c->w[i], plurals))
      return 0;
    /* so after a quoted modifier with no punctuation of its own: `a
     * campaign against "false" claims about Prozac` */
    /* (also with a noun of the compound between: `over a "campaign of
     * illegal, discriminatory and disproportionate" tax claims`, no
     * speaker `tax`) */
    size_t qc = i - 1;
    if (i > 2 && b->upos == TD_NOUN && !(b->flags & (TD_QW_CAP | TD_QW_PUNCT)) && !plural_noun(b) &&
        (c->w[i - 2].flags & TD_QW_QCLOSE))
      qc = i - 2;
    if (n == 1 && (c->w[qc].flags & TD_QW_QCLOSE) && qc > 0 && !(c->w[qc - 1].flags & TD_QW_PUNCT) &&
        td_qword_in(&c->w[i], plurals) &&
        (c->w[i].upos == TD_NOUN || i + 1 >= c->nw || (c->w[i + 1].flags & TD_QW_PUNCT) ||
         c->w[i + 1].upos == TD_ADP))
      return 0;
    size_t bl = strlen(b->lw);
    if (td_qword_in(b, dets) ||
        (bl > 2 && strcmp(b->lw + bl - 2, "'s") == 0 && !(b->flags & TD_QW_PUNCT) && !td_qword_in(b, is_has)))
      return 0;
  }
  return n;
}

/* A bare cue at word i, after a modal or "to" (see on_cue_rule): its
 * length, with *kind set, or 0. Read only beside a quotation, where the
 * speech is there to see (`," he will argue.`, `She is due to tell
 * delegates: "…"`); elsewhere a plan or a wish says nothing (`will ask
 * residents to`, `continues to insist`). */
static int bare_cue(const td_qctx *c, size_t i, int *kind) {
  if (!c->cue_len || i >= c->nw || c->w[i].sent == UINT32_MAX) return 0;
  run_cues(c, c->w[i].sent);
  if (!c->cue_len[i] || !(c->cue_kind[i] & TD_CUE_BARE)) return 0;
  *kind = c->cue_kind[i] & ~TD_CUE_BARE;
  return c->cue_len[i];
}

static int np_word(const td_qctx *c, size_t i);

/* A present cue at a sentence's end at word k, read whatever its tag
 * (quotes.*_end rules), where a short subject of plain noun-phrase words
 * follows a quotation's closing mark and comma at word j: `"…," the two
 * write.`, `"…," the Saudis state.` (not `"…," in the state.`). Its
 * length, with *kind set, or 0. */
static int end_cue(const td_qctx *c, size_t j, size_t k, int *kind) {
  if (!c->cue_len || k >= c->nw || c->w[k].sent == UINT32_MAX || k <= j || k > j + 4 || j < 2) return 0;
  run_cues(c, c->w[k].sent);
  if (!c->cue_len[k] || !(c->cue_kind[k] & TD_CUE_END) || (c->w[k].flags & TD_QW_CAP)) return 0;
  if (!(c->w[j - 1].flags & TD_QW_QCLOSE) || !is_punct(c, j - 2, ",?!")) return 0;
  for (size_t x = j; x < k; x++)
    if (!np_word(c, x) || c->w[x].upos == TD_VERB || c->w[x].upos == TD_ADP) return 0;
  *kind = c->cue_kind[k] & ~TD_CUE_END;
  return c->cue_len[k];
}

/* Words before "to" that make the verb after it a speech to come: "is
 * due to say", "is expected to tell", "is set to announce". */
static const char *const to_come[] = {"due", "expected", "set", "going", "likely", "about",
                                      "scheduled", "poised", "ready", "prepared", NULL};

/* Whether words e-2, e-1 are such a word and "to": how far back from e a
 * cue's auxiliaries go (with aux_adv and adverbs before them). */
static int to_come_at(const td_qctx *c, size_t e) {
  return e >= 2 && strcmp(c->w[e - 1].lw, "to") == 0 && td_qword_in(&c->w[e - 2], to_come);
}

/* ---- speakers ---- */

static int is_punct(const td_qctx *c, size_t i, const char *set) {
  const td_qword *w = &c->w[i];
  return (w->flags & TD_QW_PUNCT) && w->e - w->s == 1 && strchr(set, c->doc->text[w->s]);
}

/* A lowercase word in -ly ("publicly", "often" is listed): an adverb. */
static int is_adverb(const td_qword *w) {
  size_t n = w->e - w->s;
  if (w->flags & (TD_QW_CAP | TD_QW_PUNCT)) return 0;
  if (strcmp(w->lw, "often") == 0 || strcmp(w->lw, "always") == 0 || strcmp(w->lw, "now") == 0 ||
      strcmp(w->lw, "frequently") == 0 || strcmp(w->lw, "once") == 0)
    return 1;
  return n >= 5 && strcmp(w->lw + n - 2, "ly") == 0 && strcmp(w->lw, "family") != 0 &&
         strcmp(w->lw, "ally") != 0 && strcmp(w->lw, "italy") != 0;
}

static const char *const modals[] = {"may", "will", "can", "might", "must", "shall", "should",
                                     "would", "could", NULL};

/* Whether words i-2, i-1 are an adverbial phrase of two words that may
 * stand between a subject and its verb ("Officials have in fact reported",
 * "The party, of course, said"): "in fact", "of course", "in turn", "in
 * effect", "in particular", "for example", "for instance", "at first". */
static int adverb_pair(const td_qctx *c, size_t i) {
  static const char *const pairs[][2] = {{"in", "fact"},       {"of", "course"},     {"in", "turn"},
                                         {"in", "effect"},     {"in", "particular"}, {"for", "example"},
                                         {"for", "instance"},  {"at", "first"}};
  if (i < 3) return 0;
  for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++)
    if (strcmp(c->w[i - 2].lw, pairs[p][0]) == 0 && strcmp(c->w[i - 1].lw, pairs[p][1]) == 0 &&
        !(c->w[i - 1].flags & TD_QW_PARA) && !(c->w[i - 2].flags & TD_QW_PARA))
      return 1;
  return 0;
}

/* The first word of a time expression of the times layer that ends with
 * word i - 1, after a noun, a name or a pronoun ("A Quinnipiac University
 * poll this month found": "this"; "the government last week announced"),
 * or i when there is none. Binary search. */
static size_t time_before(const td_qctx *c, size_t i) {
  const td_doc *d = c->doc;
  if (i < 3 || !d->ntimes) return i;
  uint32_t e = c->w[i - 1].e;
  size_t lo = 0, hi = d->ntimes;
  while (lo < hi) { /* the first time that starts after word i - 1 starts */
    size_t mid = (lo + hi) / 2;
    if (d->times[mid].span.start <= c->w[i - 1].s) lo = mid + 1;
    else hi = mid;
  }
  for (size_t k = lo; k-- > 0 && k + 3 > lo;) {
    if (d->times[k].span.end != e) continue;
    size_t j = td_qword_at(c, d->times[k].span.start);
    /* (a lowercase one: "Jamie Noon believes" is a name) */
    if (j == 0 || j >= i || (c->w[j].flags & (TD_QW_PARA | TD_QW_CAP)) || (c->w[j - 1].flags & TD_QW_PUNCT))
      return i;
    /* (a noun, a name or a pronoun; a noun the tagger read as a verb
     * too, but no participle: "poll this month") */
    const td_qword *b = &c->w[j - 1];
    size_t n = strlen(b->lw);
    int participle = n > 3 && (strcmp(b->lw + n - 2, "ed") == 0 || strcmp(b->lw + n - 3, "ing") == 0);
    if (!(b->upos == TD_NOUN || b->upos == TD_PROPN || b->upos == TD_PRON || (b->upos == TD_VERB && !participle)))
      return i;
    return j;
  }
  return i;
}

/* Whether word i may be part of a speaker's noun phrase. */
static int speaker_noun(const td_qctx *c, size_t i);
static int participle(const td_qword *w);

static int np_word(const td_qctx *c, size_t i) {
  const td_qword *w = &c->w[i];
  /* the mark of a plural possessive, no quotation mark: "the authorities'
   * initial estimates", "the workers’ union" */
  if (w->flags & TD_QW_PUNCT)
    return i > 0 && w->e - w->s <= 3 && w->s == c->w[i - 1].e && !(w->flags & (TD_QW_QOPEN | TD_QW_QCLOSE)) &&
           (c->doc->text[w->s] == '\'' || strncmp(c->doc->text + w->s, "\xe2\x80\x99", 3) == 0) &&
           !(c->w[i - 1].flags & TD_QW_PUNCT) && possessive_like(c, i);
  /* "for" and "on" inside a capitalized name: "the Economic Commission
   * for Europe", "the Committee on Foreign Affairs" */
  if (w->upos == TD_ADP && (strcmp(w->lw, "for") == 0 || strcmp(w->lw, "on") == 0) && i > 0 &&
      i + 1 < c->nw && (c->w[i - 1].flags & TD_QW_CAP) && (c->w[i + 1].flags & TD_QW_CAP) &&
      (c->w[i - 1].upos == TD_PROPN || c->w[i - 1].upos == TD_NOUN || c->w[i - 1].upos == TD_ADJ) &&
      /* not "the Commission on Thursday said"; "The Mail on Sunday survey" */
      (!in_set(time_words_set, &c->w[i + 1]) ||
       (i + 2 < c->nw && (c->w[i + 2].upos == TD_NOUN || c->w[i + 2].upos == TD_PROPN))) &&
      !(c->w[i].flags & TD_QW_PARA) && !(c->w[i + 1].flags & TD_QW_PARA))
    return 1;
  /* a capitalized modal before a verb in the past or the third person,
   * which no modal takes, is a name: `May said:`, `Will told reporters` */
  if ((w->flags & TD_QW_CAP) && td_qword_in(w, modals) && i + 1 < c->nw &&
      !(c->w[i + 1].flags & (TD_QW_CAP | TD_QW_PUNCT))) {
    const char *v = c->w[i + 1].lw;
    size_t vn = strlen(v);
    if (strcmp(v, "said") == 0 || strcmp(v, "says") == 0 || strcmp(v, "told") == 0 ||
        strcmp(v, "tells") == 0 || (vn > 3 && strcmp(v + vn - 2, "ed") == 0 && c->w[i + 1].upos == TD_VERB))
      return 1;
  }
  /* a number's qualifier inside the phrase: "The survey of more than
   * 1,000 people reported", "a poll of about 2,000 adults found" */
  static const char *const quals[] = {"than", "about", "around", "nearly", "almost", "roughly",
                                      "approximately", "some", NULL};
  if (i > 0 && i + 1 < c->nw && (c->w[i + 1].flags & TD_QW_DIGIT) && !(c->w[i].flags & TD_QW_CAP) &&
      td_qword_in(w, quals) && !(c->w[i + 1].flags & TD_QW_PARA) &&
      (strcmp(w->lw, "than") != 0 || td_qword_in(&c->w[i - 1], (const char *const[]){"more", "less", "fewer", NULL})))
    return 1;
  if (in_set(np_stop_set, w) || strcmp(w->lw, "and") == 0) return 0;
  if (is_adverb(w)) return 0;
  size_t n = w->e - w->s;
  switch (w->upos) {
  case TD_ADV:
    /* a lowercase word the tagger took for an adverb between a modifier
     * and a common noun modifies the noun ("Lib Dem home affairs
     * spokesman", "Shadow home secretary"), no time ("the firm yesterday
     * morning") */
    if (!(w->flags & (TD_QW_CAP | TD_QW_PARA)) && i > 0 && i + 1 < c->nw && !in_set(aux_adv_set, w) &&
        !in_set(time_words_set, w) && c->w[i + 1].upos == TD_NOUN &&
        !(c->w[i + 1].flags & (TD_QW_CAP | TD_QW_PUNCT | TD_QW_PARA)) && !in_set(time_words_set, &c->w[i + 1]) &&
        !(c->w[i - 1].flags & (TD_QW_SEND | TD_QW_PUNCT)) &&
        (c->w[i - 1].upos == TD_PROPN || c->w[i - 1].upos == TD_NOUN || c->w[i - 1].upos == TD_ADJ ||
         c->w[i - 1].upos == TD_DET || ((c->w[i - 1].flags & TD_QW_CAP) && np_word(c, i - 1))))
      return 1;
    /* a capitalized word the tagger took for an adverb after a lowercase
     * word inside a sentence is a name ("and Nationwide reported") */
    return (w->flags & TD_QW_CAP) && i > 0 && !(w->flags & TD_QW_PARA) &&
           !(c->w[i - 1].flags & (TD_QW_SEND | TD_QW_PUNCT | TD_QW_CAP));
  case TD_SCONJ: return 0;
  case TD_AUX:
    /* a capitalized word the tagger took for an auxiliary, after a
     * capitalized one inside a sentence or before a capitalized one, is
     * part of a name ("Mr Dams said", "Theresa May said", "Ms Reed was") */
    if (!(w->flags & TD_QW_CAP)) return 0;
    if (i > 0 && !(w->flags & TD_QW_PARA) && !(c->w[i - 1].flags & (TD_QW_SEND | TD_QW_PUNCT)) &&
        (c->w[i - 1].flags & TD_QW_CAP))
      return 1;
    return i + 1 < c->nw && (c->w[i + 1].flags & TD_QW_CAP) && !(c->w[i + 1].flags & TD_QW_PUNCT) &&
           !in_set(aux_adv_set, w);
  case TD_VERB:
    /* a capitalized unknown name the tagger took for a verb ("Priebus
     * later told"), not a participle or an imperative ("Wait:"); a name
     * in -ed or -ing right before a speech verb is one too ("Husted
     * continued", "Boreing said"; no participle is a cue's subject) */
    /* a title the tagger took for a verb between capitalized words is a
     * noun: "Tigers coach John Wells told" */
    if (!(w->flags & (TD_QW_CAP | TD_QW_PARA)) && i > 0 && i + 1 < c->nw && (c->w[i - 1].flags & TD_QW_CAP) &&
        !(c->w[i - 1].flags & (TD_QW_PUNCT | TD_QW_SEND)) && (c->w[i + 1].flags & TD_QW_CAP) &&
        !(c->w[i + 1].flags & (TD_QW_PUNCT | TD_QW_PARA)) && !participle(w) && speaker_noun(c, i))
      return 1;
    if ((w->flags & TD_QW_CAP) && n > 3 && i + 1 < c->nw &&
        (strcmp(w->lw + n - 2, "ed") == 0 || strcmp(w->lw + n - 3, "ing") == 0) &&
        !(c->w[i + 1].flags & (TD_QW_CAP | TD_QW_PUNCT | TD_QW_PARA)) && c->w[i + 1].upos == TD_VERB) {
      int kind = 0;
      if (td_cue_at(c, i + 1, &kind) && (kind == TD_CUE_SAY || kind == TD_CUE_TELL)) return 1;
    }
    return (w->flags & TD_QW_CAP) && !in_set(aux_adv_set, w) && n > 2 &&
           i + 1 < c->nw && !(c->w[i + 1].flags & TD_QW_PUNCT) &&
           strcmp(w->lw + n - 2, "ed") != 0 && (n < 4 || strcmp(w->lw + n - 3, "ing") != 0) &&
           !in_set(time_words_set, w);
  case TD_ADP:
    /* a capitalized word the tagger took for a preposition, inside a name
     * ("Lib Dem president"), is none of the prepositions */
    if ((w->flags & TD_QW_CAP) && i + 1 < c->nw && (c->w[i + 1].flags & TD_QW_CAP) &&
        !(c->w[i + 1].flags & TD_QW_PUNCT) && !td_qword_in(w, prepositions) && !in_set(np_stop_set, w))
      return 1;
    return strcmp(w->lw, "of") == 0;
  default: return 1;
  }
}

/* The subject written before a cue at word k: "the White House official",
 * "South Korea's foreign minister", "Roe, Diaz and Tanaka". Skips
 * auxiliaries and adverbs ("has also"). 1 with *who set, or 0. */
/* Whether word j is a day's or a month's name in a date (after "in",
 * "on", "since", "last", a number ...): "rose by 0.8% in January and
 * Nationwide reported" joins two clauses, not two names ("Theresa May and
 * Boris Johnson said" does). */
static int date_name(const td_qctx *c, size_t j) {
  static const char *const names[] = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", NULL};
  static const char *const before[] = {"in", "on", "since", "until", "by", "last", "next", "this",
                                       "early", "late", "mid", "from", "to", "of", NULL};
  return j > 0 && td_qword_in(&c->w[j], names) &&
         (td_qword_in(&c->w[j - 1], before) || (c->w[j - 1].flags & TD_QW_DIGIT));
}

static int modifier_ing(const td_qctx *c, size_t x);
static int participle(const td_qword *w);

/* Whether the words before word i, from the sentence start, are a noun
 * phrase of nine to sixteen words (np_word, `and` between capitals): a
 * speaker named with a long title, which the usual limit of eight words
 * would cut. */
static int long_np_before(const td_qctx *c, size_t i) {
  size_t s = i;
  while (s > 0 && i - s < 17 && !(c->w[s].flags & TD_QW_PARA) && !(c->w[s - 1].flags & TD_QW_SEND) &&
         (np_word(c, s - 1) || (strcmp(c->w[s - 1].lw, "and") == 0 && s > 1 && (c->w[s - 2].flags & TD_QW_CAP) &&
                                (c->w[s].flags & TD_QW_CAP))))
    s--;
  return i - s > 8 && i - s <= 16 && (s == 0 || (c->w[s].flags & TD_QW_PARA) || (c->w[s - 1].flags & TD_QW_SEND));
}

/* Where the name starts that the titles ending at word start (a phrase
 * subject_before found) are in apposition to: `Brent Bozell, PTC
 * president and conservative activist said` → Brent. The phrase opens
 * with a lowercase word of no article after "and", the one before "and"
 * with none after a comma, each with a singular common noun as its head,
 * and the comma follows a name (a proper noun first) of up to five
 * capitalized words opening its clause (it ends before *name_end);
 * (size_t)-1 when not so. */
static size_t appositive_titles(const td_qctx *c, size_t start, size_t end, size_t *name_end) {
  static const char *const conjs[] = {"and", "but", "so", "yet", NULL};
  const td_qword *w = &c->w[start];
  if (start < 5 || end <= start || (w->flags & (TD_QW_CAP | TD_QW_PARA | TD_QW_PUNCT)) || w->upos == TD_DET ||
      c->w[end - 1].upos != TD_NOUN || (c->w[end - 1].flags & TD_QW_CAP) ||
      w->upos == TD_PRON || strcmp(c->w[start - 1].lw, "and") != 0 || (c->w[start - 1].flags & TD_QW_PARA))
    return (size_t)-1;
  size_t a = start - 1, s1 = a;
  while (s1 > 0 && a - s1 < 4 && !(c->w[s1].flags & TD_QW_PARA) && np_word(c, s1 - 1) &&
         c->w[s1 - 1].upos != TD_DET && c->w[s1 - 1].upos != TD_PRON && strcmp(c->w[s1 - 1].lw, "'s") != 0)
    s1--;
  if (s1 == a || s1 < 2 || (c->w[s1].flags & TD_QW_PARA) || !is_punct(c, s1 - 1, ",")) return (size_t)-1;
  /* (a title's head is a singular common noun: not `Smith, Jones and
   * Brown`, `Friends, lobbyists and former foes say`) */
  if (c->w[a - 1].upos != TD_NOUN || (c->w[a - 1].flags & TD_QW_CAP) || plural_noun(&c->w[a - 1]) ||
      plural_noun(&c->w[end - 1]))
    return (size_t)-1;
  size_t e = s1 - 1, n = e;
  while (n > 0 && e - n < 5 && (c->w[n - 1].flags & TD_QW_CAP) && np_word(c, n - 1) && !(c->w[n].flags & TD_QW_PARA))
    n--;
  if (n == e || c->w[n].upos != TD_PROPN ||
      !(n == 0 || (c->w[n].flags & TD_QW_PARA) || (c->w[n - 1].flags & TD_QW_SEND) ||
        td_qword_in(&c->w[n - 1], conjs)))
    return (size_t)-1;
  *name_end = e;
  return n;
}

static int subject_before(const td_qctx *c, size_t k, td_span *who) {
  size_t i = k;
  for (;;) {
    while (i > 0 && !(c->w[i].flags & TD_QW_PARA) &&
           /* (not a name np_word tells from a modal: `May said:`) */
           ((in_set(aux_adv_set, &c->w[i - 1]) &&
             !((c->w[i - 1].flags & TD_QW_CAP) && td_qword_in(&c->w[i - 1], modals) && np_word(c, i - 1))) ||
            is_adverb(&c->w[i - 1]) ||
            (i >= 2 && in_set(time_words_set, &c->w[i - 1]) && i == k &&
             (in_set(aux_adv_set, &c->w[i - 2]) || (c->w[i - 1].flags & TD_QW_CAP)))))
      i--;
    if (adverb_pair(c, i)) { /* "have in fact reported" */
      i -= 2;
      continue;
    }
    /* a time after the subject's noun: "A Quinnipiac University poll this
     * month found" */
    if (i == k) {
      size_t j = time_before(c, i);
      if (j < i) {
        i = j;
        continue;
      }
    }
    /* "X was due to say", "X is expected to tell": the subject of the
     * words before "to" */
    if (to_come_at(c, i) && !(c->w[i].flags & TD_QW_PARA) && !(c->w[i - 1].flags & TD_QW_PARA)) {
      i -= 2;
      continue;
    }
    /* "I laughed and said": the subject of the first verb */
    if (i >= 3 && !(c->w[i].flags & TD_QW_PARA) && strcmp(c->w[i - 1].lw, "and") == 0 &&
        !(c->w[i - 2].flags & (TD_QW_CAP | TD_QW_PUNCT)) && !in_set(np_stop_set, &c->w[i - 2]) &&
        strlen(c->w[i - 2].lw) > 3 && strcmp(c->w[i - 2].lw + strlen(c->w[i - 2].lw) - 2, "ed") == 0) {
      i -= 2;
      continue;
    }
    break;
  }
  if (i > 0 && (c->w[i].flags & TD_QW_PARA) && i != k) return 0;
  size_t end = i, start = i, n = 0, has_and = 0, list_from = 0;
  /* up to eight words, or sixteen when the phrase opens the sentence:
   * `The head of the National Association of Head Teachers and Deputy
   * Heads Mick Brookes said` */
  size_t lim = 8;
  if (long_np_before(c, i)) lim = 16;
  while (start > 0 && n < lim && !(c->w[start].flags & TD_QW_PARA)) {
    size_t j = start - 1;
    int and_ok = strcmp(c->w[j].lw, "and") == 0 && n > 0 && j > 0 &&
                 (c->w[j - 1].flags & TD_QW_CAP) && (c->w[start].flags & TD_QW_CAP) &&
                 !date_name(c, j - 1);
    /* (a participle as a modifier: "Sonaptic's managing director David
     * Monteith says") */
    if (np_word(c, j) || and_ok || (n > 0 && modifier_ing(c, j))) {
      if (strcmp(c->w[j].lw, "and") == 0) has_and = 1;
      start = j, n++;
      continue;
    }
    /* a list of names: "Roe, Diaz and Tanaka", "Chile, the United States
     * and Peru" */
    if (has_and && is_punct(c, j, ",") && j > 0 && (c->w[j - 1].flags & TD_QW_CAP) &&
        ((c->w[start].flags & TD_QW_CAP) ||
         (strcmp(c->w[start].lw, "the") == 0 && start + 1 < end && (c->w[start + 1].flags & TD_QW_CAP)))) {
      if (!list_from) list_from = start;
      start = j, n++;
      continue;
    }
    break;
  }
  /* a place opening the sentence is no item of the list: "In Paris, Roe
   * and Diaz said" */
  if (list_from && start > 0 && c->w[start - 1].upos == TD_ADP && !(c->w[start].flags & TD_QW_PARA))
    start = list_from;
  /* a time before the subject is no part of it: "On Wednesday Transport
   * Minister Jane Roe said", "Last Friday the minister said" (not "the
   * Sunday Telegraph said": the time opens the clause or follows "on") */
  static const char *const before_time[] = {"on", "and", "but", "late", "early", NULL};
  static const char *const time_mods[] = {"last", "next", "this", "early", "late", "earlier", "later", NULL};
  if (start == 0 || (c->w[start].flags & TD_QW_PARA) || (c->w[start - 1].flags & TD_QW_SEND) ||
      is_punct(c, start - 1, ",") || td_qword_in(&c->w[start - 1], before_time)) {
    size_t t = start;
    /* ("Late last month the SEC said") */
    while (t + 1 < end && t < start + 2 && td_qword_in(&c->w[t], time_mods)) t++;
    if (t + 1 < end && in_set(time_words_set, &c->w[t]) && !in_set(time_words_set, &c->w[t + 1]) &&
        !(c->w[t + 1].flags & TD_QW_PUNCT) && strcmp(c->w[t + 1].lw, "of") != 0 &&
        strcmp(c->w[t + 1].lw, "'s") != 0)
      start = t + 1;
    /* an adverb or a conjunction opening the sentence is none of it
     * ("Earlier Lib Dem home affairs spokesman Mark Oaten said", "Yet
     * aviation analyst Mike Powell of … said") */
    static const char *const time_advs[] = {"earlier", "later", "meanwhile", "however", "yesterday", "today",
                                            "yet", "but", "so", "still", "also", NULL};
    if (start + 1 < end && td_qword_in(&c->w[start], time_advs) && !(c->w[start + 1].flags & TD_QW_PUNCT))
      start++;
  }
  /* a finding named with when it came out, a participle and a time
   * between it and the cue: "A poll released Saturday found", "a poll out
   * this week shows", "The report published on Tuesday showed": the
   * phrase before the participle is the subject, not the time */
  {
    size_t t = start, b = start;
    while (t < end && (in_set(time_words_set, &c->w[t]) || td_qword_in(&c->w[t], time_mods) || date_name(c, t))) t++;
    /* (a time, or none left where the time was passed over as the cue's
     * adverb: "released Saturday found") */
    if (start == end && !(end < k && in_set(time_words_set, &c->w[end]))) t = end + 1;
    int prep = t == end && b > 2 && td_qword_in(&c->w[b - 1], (const char *const[]){"on", "in", NULL}) &&
               !(c->w[b].flags & TD_QW_PARA);
    if (prep) b--;
    const td_qword *pw = &c->w[b > 0 ? b - 1 : 0];
    size_t e2 = (size_t)-1;
    /* (or the phrase right before the time's preposition: "A poll in
     * March found", "Smith on Tuesday said") */
    if (prep && !(c->w[b].flags & TD_QW_PARA) && !(pw->flags & TD_QW_PUNCT) && np_word(c, b - 1))
      e2 = b;
    else if (t == end && b > 2 && b < c->nw && !(c->w[b].flags & TD_QW_PARA) &&
             !(pw->flags & (TD_QW_PARA | TD_QW_CAP)) &&
             (strcmp(pw->lw, "out") == 0 || (pw->upos == TD_VERB && participle(pw))) && np_word(c, b - 2))
      e2 = b - 1;
    if (e2 != (size_t)-1) {
      size_t s2 = e2;
      while (s2 > 0 && e2 - s2 < 8 && !(c->w[s2].flags & TD_QW_PARA) && np_word(c, s2 - 1)) s2--;
      start = s2, end = e2;
    }
  }
  while (start < end && (strcmp(c->w[start].lw, "and") == 0 || is_punct(c, start, ",") ||
                         (c->w[start].flags & TD_QW_DIGIT)))
    start++;
  if (start >= end) return 0;
  /* a personal pronoun right before the cue is the whole subject: "But
   * standing next to Mr Blair he added" */
  if (end - start > 1 && td_qword_in(&c->w[end - 1], pronouns)) start = end - 1;
  /* "of" must sit inside the phrase, not at its edge */
  if (strcmp(c->w[start].lw, "of") == 0) return 0;
  /* "Lawyers for news organisations said", "the section on murder
   * said": a sentence opening with a common noun and `for` or `on` before
   * the phrase has that noun as its head */
  static const char *const for_on[] = {"for", "on", NULL};
  if (start >= 2 && td_qword_in(&c->w[start - 1], for_on) && !(c->w[start].flags & TD_QW_PARA) &&
      !(c->w[start - 1].flags & TD_QW_PARA) && c->w[start - 2].upos == TD_NOUN &&
      (!(c->w[start - 2].flags & TD_QW_CAP) || start == 2 || (c->w[start - 2].flags & TD_QW_PARA) ||
       (c->w[start - 3].flags & TD_QW_SEND)) &&
      !in_set(time_words_set, &c->w[start - 2])) {
    size_t h = start - 2, s0 = h;
    while (s0 > 0 && h - s0 < 3 && !(c->w[s0].flags & TD_QW_PARA) && !(c->w[s0 - 1].flags & TD_QW_SEND) &&
           np_word(c, s0 - 1))
      s0--;
    if (s0 == 0 || (c->w[s0].flags & TD_QW_PARA) || (c->w[s0 - 1].flags & TD_QW_SEND)) start = s0;
  }
  /* "Protesters marching through the streets chanted", "Investigations
   * carried out in the wake of her resignation found": the noun phrase
   * before a participle (in -ing, or a verb's in -ed, with "out" or "up")
   * and its place is the subject */
  size_t pi = start > 1 ? start - 2 : 0;
  if (pi > 1 && td_qword_in(&c->w[pi], (const char *const[]){"out", "up", NULL}) && !(c->w[pi].flags & TD_QW_PARA))
    pi--;
  size_t pl = strlen(c->w[pi].lw);
  if (start >= 3 && pi >= 1 && !(c->w[start].flags & TD_QW_PARA) && c->w[start - 1].upos == TD_ADP &&
      !(c->w[pi].flags & (TD_QW_CAP | TD_QW_PUNCT)) && pl > 4 &&
      (strcmp(c->w[pi].lw + pl - 3, "ing") == 0 ||
       /* (-ed after a common noun and before a preposition of place or
        * time: not "Axelrod tweeted after Clinton argued", nor "Figures
        * gathered by Continental Research show", whose agent names who
        * gives them) */
       (strcmp(c->w[pi].lw + pl - 2, "ed") == 0 && c->w[pi].upos == TD_VERB && c->w[pi - 1].upos == TD_NOUN &&
        td_qword_in(&c->w[start - 1], (const char *const[]){"in", "on", "at", "from", "during", "across", NULL}))) &&
      np_word(c, pi - 1) && !(c->w[pi].flags & TD_QW_PARA) && !(c->w[start - 2].flags & TD_QW_PARA)) {
    size_t e2 = pi, s2 = e2;
    while (s2 > 0 && e2 - s2 < 6 && !(c->w[s2].flags & TD_QW_PARA) && np_word(c, s2 - 1)) s2--;
    if (s2 < e2) {
      who->start = c->w[s2].s, who->end = c->w[e2 - 1].e;
      return 1;
    }
  }
  /* "A White House official who was not authorized to discuss internal
   * strategy said", "One aide who spoke on condition of anonymity said":
   * the phrase before a relative clause with a verb of its own, not its
   * object (not "Clinton, who aides said was tired", no verb between) */
  static const char *const subords[] = {"when", "while", "after", "before", "because", "if", "as",
                                        "since", "until", "where", NULL};
  int pron = end - start == 1 && td_qword_in(&c->w[start], pronouns); /* (`… when he yelled`) */
  for (size_t x = start, verb = 0; !pron && x-- > 0 && x + 16 > start;) {
    const td_qword *w = &c->w[x];
    if ((w->flags & (TD_QW_SEND | TD_QW_PUNCT)) || (c->w[x + 1].flags & TD_QW_PARA) ||
        w->upos == TD_SCONJ || td_qword_in(w, subords))
      break;
    if (strcmp(w->lw, "who") != 0) { /* (not "that": `suggestions that …`, `such that`) */
      verb |= w->upos == TD_VERB || w->upos == TD_AUX;
      continue;
    }
    if (!verb || x == 0 || (w->flags & TD_QW_PARA) || !np_word(c, x - 1)) break;
    size_t s2 = x;
    while (s2 > 0 && x - s2 < 8 && !(c->w[s2].flags & TD_QW_PARA) &&
           (np_word(c, s2 - 1) || strcmp(c->w[s2 - 1].lw, "'s") == 0))
      s2--;
    start = s2, end = x;
    break;
  }
  /* "In a move ministers say ...", "an increase analysts said ...": an
   * article for one thing cannot head a plural noun, so the phrase is two,
   * the second a relative clause's subject without "that": the speakers
   * are the words after the first noun */
  if (end - start >= 3 && (strcmp(c->w[start].lw, "a") == 0 || strcmp(c->w[start].lw, "an") == 0) &&
      plural_noun(&c->w[end - 1])) {
    for (size_t j = start + 1; j + 1 < end; j++)
      if (c->w[j].upos == TD_NOUN && !(c->w[j].flags & TD_QW_CAP)) {
        if (c->w[j + 1].upos == TD_NOUN || c->w[j + 1].upos == TD_ADJ ||
            c->w[j + 1].upos == TD_DET || c->w[j + 1].upos == TD_PROPN)
          start = j + 1;
        break;
      }
  }
  /* "Brent Bozell, PTC president and conservative activist said": two
   * titles without an article joined by "and" after a name and a comma
   * are the name's apposition (a list of speakers names each with an
   * article or a capital: `Roe, the minister and the party leader said`);
   * the name is the subject */
  size_t ne = 0, ap = appositive_titles(c, start, end, &ne);
  if (ap != (size_t)-1) start = ap, end = ne;
  who->start = c->w[start].s, who->end = c->w[end - 1].e;
  return 1;
}

/* Whether word j, after the words of a speaker phrase before it, opens the
 * clause that the phrase's missing comma should have ended: "there" or a
 * personal pronoun ("According to Ofcom there were", "For Countryfile they
 * asked"), or a determiner, a number or a quantifier right after a noun or
 * a name ("according to Technorati the number of blogs", "the Commission's
 * report 12 million working people", "analysts Gartner More than 167
 * million"; not "a survey of 1,300 bosses", "the 246,570 cases", "Channel
 * 4 News"). */
static int clause_opens(const td_qctx *c, size_t j) {
  static const char *const subjects[] = {"there", "he", "she", "they", "we", "i", NULL};
  static const char *const dets[] = {"the", "a", "an", "more", "less", "fewer", "some", "nearly",
                                     "almost", "around", "many", "most", NULL};
  static const char *const joins[] = {"of", "the", "a", "an", "his", "her", "its", "their", "our",
                                      "and", "or", "&", NULL};
  static const char *const counts[] = {"%", "percent", "per", "million", "billion", "thousand",
                                       "hundred", NULL};
  const td_qword *w = &c->w[j];
  if (td_qword_in(w, subjects)) return 1;
  if (w->flags & TD_QW_DIGIT ? strchr(w->lw, '-') != NULL : !td_qword_in(w, dets))
    return 0; /* a modifier: "the recent 50-state poll" */
  const td_qword *b = &c->w[j - 1];
  if (td_qword_in(b, joins) || in_set(np_stop_set, b) || td_qword_in(b, prepositions) ||
      (b->flags & TD_QW_DIGIT))
    return 0;
  /* a number after a name is part of it ("Channel 4 News", "BWV 216")
   * unless it counts ("Pew Research 44% of", "Gartner 1,200 firms") */
  if ((w->flags & TD_QW_DIGIT) && (b->flags & TD_QW_CAP))
    return strchr(w->lw, ',') || (j + 1 < c->nw && td_qword_in(&c->w[j + 1], counts));
  return 1;
}

/* Whether word j, a day's name after "the" and before another capitalized
 * word, is part of a name ("according to the Sunday Times"), not the day
 * that ends a speaker ("said Lopez on Sunday"). */
static int day_in_name(const td_qctx *c, size_t j) {
  return j > 0 && j + 1 < c->nw && (c->w[j].flags & TD_QW_CAP) && (c->w[j + 1].flags & TD_QW_CAP) &&
         !(c->w[j + 1].flags & TD_QW_PUNCT) && strcmp(c->w[j - 1].lw, "the") == 0 &&
         in_set(time_words_set, &c->w[j]);
}

/* The speaker written after a cue, starting at word i: "said John Lopez,
 * a spokesman" gives "John Lopez". */
static int participle(const td_qword *w);

/* Whether "and" at word j joins the words of one name: "the World Travel
 * and Tourism Council", "the Office of Fair Trading and Competition
 * Commission" (capitalized words on both sides, a capitalized one after
 * that too, within a sentence). */
static int name_and(const td_qctx *c, size_t j) {
  return j > 0 && j + 2 < c->nw && strcmp(c->w[j].lw, "and") == 0 && (c->w[j - 1].flags & TD_QW_CAP) &&
         (c->w[j + 1].flags & TD_QW_CAP) && (c->w[j + 2].flags & TD_QW_CAP) &&
         !(c->w[j + 1].flags & (TD_QW_PARA | TD_QW_PUNCT)) && !(c->w[j + 2].flags & (TD_QW_PARA | TD_QW_PUNCT)) &&
         c->w[j - 1].upos != TD_PRON;
}

static int np_after(const td_qctx *c, size_t i, td_span *who) {
  static const char *const wh[] = {"how", "what", "whether", "when", "where", "why", "which",
                                   "who", "if", NULL};
  size_t j = i, n = 0;
  if (i < c->nw && td_qword_in(&c->w[i], wh)) return 0;
  /* a preposition or a time after the cue opens no speaker: `"deeply
   * flawed" said with Christmas coming up …`, `expressed over the …` */
  if (i < c->nw && !(c->w[i].flags & TD_QW_CAP) && in_set(after_stop_set, &c->w[i])) return 0;
  for (size_t lim = 8;; lim = n + 6) {
    while (j < c->nw && n < lim && !(c->w[j].flags & (TD_QW_PUNCT | TD_QW_SEND)) &&
           !(n > 0 && (c->w[j].flags & TD_QW_PARA)) &&
           !(n > 0 && ((in_set(after_stop_set, &c->w[j]) && !day_in_name(c, j) && !name_and(c, j)) ||
                       clause_opens(c, j))))
      j++, n++;
    /* the agent of a finding's participle names whose it is: "according
     * to figures gathered by the Pew researchers", "market statistics
     * gathered by Websidestory", "a report published by Analysys" (not
     * "one analyst quoted by AFP": the analyst speaks) */
    static const char *const findings[] = {"figures", "data", "statistics", "report", "reports", "survey",
                                           "study", "research", "poll", "analysis", "estimates", "numbers",
                                           NULL};
    if (n > 1 && n < 8 && j + 1 < c->nw && strcmp(c->w[j].lw, "by") == 0 && participle(&c->w[j - 1]) &&
        c->w[j - 1].upos == TD_VERB && td_qword_in(&c->w[j - 2], findings) &&
        !(c->w[j + 1].flags & (TD_QW_PUNCT | TD_QW_PARA)) && np_word(c, j + 1)) {
      j++, n++;
      continue;
    }
    break;
  }
  /* a long title cut at eight words goes on up to sixteen when every word
   * is a noun phrase's and it ends at a comma or the sentence end: `said
   * the chairman of the trustees of the Royal National Institute of
   * Blind People Kevin Carey.` */
  if (n == 8 && j < c->nw) {
    size_t x = i, e = j;
    while (x < j && (np_word(c, x) || name_and(c, x))) x++;
    while (x == j && e < c->nw && e < i + 16 && !(c->w[e].flags & (TD_QW_PUNCT | TD_QW_PARA)) &&
           (np_word(c, e) || name_and(c, e)) && !(in_set(after_stop_set, &c->w[e]) && !name_and(c, e)) &&
           !clause_opens(c, e))
      e++;
    if (x == j && e > j && e < c->nw && is_punct(c, e, ",.;:") && !(c->w[e].flags & TD_QW_PARA)) j = e;
  }
  /* trailing lowercase words after names ("Lopez told") are not the speaker */
  if (j == i) return 0;
  who->start = c->w[i].s, who->end = c->w[j - 1].e;
  return 1;
}

/* An unlisted verb in the past tense ("beamed", "elaborated") right at a
 * quotation: read as its cue. */
static int ed_verb(const td_qctx *c, size_t k) {
  const td_qword *w = &c->w[k];
  size_t n = w->e - w->s;
  if (w->flags & (TD_QW_CAP | TD_QW_PUNCT | TD_QW_DIGIT) || n < 5) return 0;
  int past = strcmp(w->lw + n - 2, "ed") == 0;
  int pres = w->lw[n - 1] == 's' && w->lw[n - 2] != 's' && k > 0 &&
             (td_qword_in(&c->w[k - 1], pronouns) || (c->w[k - 1].flags & TD_QW_CAP)) &&
             k + 1 < c->nw && is_punct(c, k + 1, ".,");
  if (!(past || pres) || in_set(np_stop_set, w)) return 0;
  /* it must end the clause: a comma, a stop, or a short phrase after */
  return k + 1 >= c->nw || (c->w[k].flags & TD_QW_SEND) ||
         ((c->w[k + 1].flags & TD_QW_PUNCT) && !(c->w[k + 1].flags & TD_QW_QOPEN)) ||
         (c->w[k + 1].flags & TD_QW_CAP) || in_set(after_stop_set, &c->w[k + 1]);
}

static int is_bar(const td_qctx *c, size_t i);
static int is_em_dash(const td_qctx *c, size_t i);

static int sentence_subject(const td_qctx *c, size_t k, td_span *who);

/* An unlisted verb in the past tense right before the comma or colon
 * that opens a quotation, read as its cue: `Mr. Trump then boomed,
 * ''…''`, `X leaned in and boomed: “…”`. 1 with the subject of the verb
 * in *who, or 0. */
static int passive_at(const td_qctx *c, size_t k);
static int ed_cue_before(const td_qctx *c, size_t open, td_span *who, td_span *cue) {
  if (open < 3 || (c->w[open].flags & TD_QW_PARA) || !is_punct(c, open - 1, ",:")) return 0;
  size_t k = open - 2;
  const td_qword *w = &c->w[k];
  size_t n = w->e - w->s;
  if (w->upos != TD_VERB || (w->flags & (TD_QW_CAP | TD_QW_PUNCT | TD_QW_PARA)) || n < 5 ||
      strcmp(w->lw + n - 2, "ed") != 0 || in_set(np_stop_set, w))
    return 0;
  /* what is put to X is not X's: `Trump was asked, “What is …?”` */
  static const char *const put_to[] = {"asked", "told", "questioned", "pressed", NULL};
  if (td_qword_in(w, put_to) && passive_at(c, k)) return 0;
  size_t r = k;
  while (r > 0 && (in_set(aux_adv_set, &c->w[r - 1]) || is_adverb(&c->w[r - 1]))) r--;
  int ok = r > 0 && strcmp(c->w[r - 1].lw, "and") == 0 ? sentence_subject(c, k, who) : subject_before(c, k, who);
  if (!ok) return 0;
  cue->start = w->s, cue->end = w->e;
  return 1;
}

/* Whether the cue at word k closes "quoted X as saying" ("Reuters quoted
 * a central bank official as saying", "quoting Mr Roe as telling"): 1
 * with *who set to X (up to its first comma) and *from to the word
 * "quoted", or 0. The passive ("was quoted by the paper as saying") is
 * left to the subject. */
static int quoted_as(const td_qctx *c, size_t k, td_span *who, size_t *from) {
  static const char *const quoted[] = {"quoted", "quoting", "quotes", NULL};
  if (k < 3 || strcmp(c->w[k - 1].lw, "as") != 0) return 0;
  for (size_t q = k - 2; q-- > 0 && q + 14 > k;) {
    if (c->w[q].flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_QCLOSE)) return 0;
    if (!td_qword_in(&c->w[q], quoted)) continue;
    size_t e = q + 1;
    while (e < k - 1 && !is_punct(c, e, ",")) e++;
    if (e == q + 1 || strcmp(c->w[q + 1].lw, "by") == 0 || !np_word(c, q + 1)) return 0;
    who->start = c->w[q + 1].s, who->end = c->w[e - 1].e;
    *from = q;
    return 1;
  }
  return 0;
}

/* The cue and speaker written after a closing mark at word j: "..., Austin
 * said", "..., said Austin", "..., according to Lopez", "..., the
 * statement read". 1 when found; 2 when the cue names without a speaker. */
/* Whether word x, inside a speaker phrase, is a participle in -ing used
 * as a modifier before a noun (`a leading European car maker`, `RICS
 * housing spokesman Ian Perry`), which the tagger reads as a verb. */
static int modifier_ing(const td_qctx *c, size_t x) {
  const td_qword *w = &c->w[x];
  size_t n = w->e - w->s;
  return w->upos == TD_VERB && !(w->flags & (TD_QW_CAP | TD_QW_PUNCT)) && n > 5 &&
         strcmp(w->lw + n - 3, "ing") == 0 && x + 1 < c->nw && !(c->w[x + 1].flags & TD_QW_PUNCT) &&
         (c->w[x + 1].upos == TD_NOUN || c->w[x + 1].upos == TD_ADJ);
}

/* Whether word x is the apostrophe of a plural possessive standing alone
 * (`Wales' team physiotherapist`, `Atticus' David Slager`): a straight or
 * curly single mark glued to a word in -s, before a word, that pairs with
 * nothing. */
static int possessive_mark(const td_qctx *c, size_t x) {
  const td_qword *w = &c->w[x];
  const unsigned char *t = (const unsigned char *)c->doc->text + w->s;
  if (!(w->flags & TD_QW_PUNCT) || (w->flags & (TD_QW_QOPEN | TD_QW_QCLOSE)) || x == 0 || x + 1 >= c->nw)
    return 0;
  if (!((w->e - w->s == 1 && t[0] == '\'') || (w->e - w->s == 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0x99)))
    return 0;
  const td_qword *p = &c->w[x - 1];
  return p->e == w->s && !(p->flags & TD_QW_PUNCT) && p->lw[strlen(p->lw) - 1] == 's' &&
         !(c->w[x + 1].flags & TD_QW_PUNCT);
}

static int name_like(const td_qctx *c, size_t i);

static int aside_dash(const td_qctx *c, size_t i);

/* Adverbs that never modify the noun after them (for speaker_after). */
static const char *const adv_not_mod[] = {"so", "too", "here", "there", "as", "only", "yet",
                                           "thus", "hence", "perhaps", "maybe", NULL};

/* Whether the punctuation at word i joins the capitalized words around
 * it into one name: `Compass Point Research & Trading`, `the
 * A.F.L.-C.I.O.` (an ampersand, or a hyphen with no space on either
 * side). */
static int name_joint(const td_qctx *c, size_t i) {
  if (i == 0 || i + 1 >= c->nw || !(c->w[i - 1].flags & TD_QW_CAP) || !(c->w[i + 1].flags & TD_QW_CAP) ||
      (c->w[i + 1].flags & TD_QW_PARA))
    return 0;
  if (is_punct(c, i, "&")) return 1;
  return is_punct(c, i, "-") && c->w[i - 1].e == c->w[i].s && c->w[i].e == c->w[i + 1].s;
}

static int speaker_after(const td_qctx *c, size_t j, td_span *who, td_span *cue, size_t *next) {
  if (j < c->nw && is_punct(c, j, ",")) j++;
  if (j >= c->nw || (c->w[j].flags & TD_QW_PARA)) return 0;
  /* "..." ― Carla Sanchez */
  if (j + 1 < c->nw && (c->w[j + 1].flags & TD_QW_CAP) && !(c->w[j + 1].flags & TD_QW_PARA) &&
      (is_bar(c, j) || is_em_dash(c, j))) {
    if (!np_after(c, j + 1, who)) return 0;
    cue->start = cue->end = 0;
    size_t e = td_qword_at(c, who->end);
    *next = e < c->nw ? e + 1 : e;
    return 1;
  }
  int kind = 0, n = td_cue_at(c, j, &kind);
  /* a participle opens no "said X": `"…?" Responding to Ms James, Mr
   * Pugh said` */
  size_t jl = strlen(c->w[j].lw);
  if (n == 1 && jl > 4 && strcmp(c->w[j].lw + jl - 3, "ing") == 0) return 0;
  if (n) {
    if (kind == TD_CUE_NAME) return 2;
    cue->start = c->w[j].s, cue->end = c->w[j + (size_t)n - 1].e;
    *next = j + (size_t)n;
    if (!np_after(c, j + (size_t)n, who)) return 0;
    size_t e = td_qword_at(c, who->end);
    *next = e < c->nw ? e + 1 : e;
    return 1;
  }
  if (ed_verb(c, j) && j + 1 < c->nw && (c->w[j + 1].flags & TD_QW_CAP)) {
    /* "..." beamed Donald Hartley */
    cue->start = c->w[j].s, cue->end = c->w[j].e;
    if (!np_after(c, j + 1, who)) return 0;
    size_t e = td_qword_at(c, who->end);
    *next = e < c->nw ? e + 1 : e;
    return 1;
  }
  {
    /* `"…," thinks Curry.`, `"…," laughs Conti.`: an unlisted verb in the
     * present right after the mark and the quotation's own comma, before
     * a short phrase that ends the sentence */
    const td_qword *v = &c->w[j];
    size_t vl = v->e - v->s;
    if (j > 1 && (c->w[j - 1].flags & TD_QW_QCLOSE) && is_punct(c, j - 2, ",?!") &&
        v->upos == TD_VERB && !(v->flags & (TD_QW_CAP | TD_QW_PUNCT)) && vl > 3 && v->lw[vl - 1] == 's' &&
        v->lw[vl - 2] != 's' && j + 1 < c->nw && name_like(c, j + 1) && np_after(c, j + 1, who)) {
      size_t e = td_qword_at(c, who->end);
      if (e - (j + 1) <= 4 && e < c->nw && (c->w[e].flags & TD_QW_SEND)) {
        cue->start = v->s, cue->end = v->e;
        *next = e + 1;
        return 1;
      }
      who->start = who->end = 0;
    }
  }
  size_t aside = c->nw; /* where an aside set off by dashes starts */
  for (size_t k = j + 1; k < c->nw && k < j + 30; k++) {
    const td_qword *w = &c->w[k];
    if (w->flags & (TD_QW_PARA | TD_QW_QOPEN | TD_QW_QCLOSE)) return 0;
    if (c->w[k - 1].flags & TD_QW_SEND) return 0;
    if (aside == c->nw && k > j && aside_dash(c, k) && (c->w[j].flags & TD_QW_CAP)) {
      /* an aside after a name, up to its closing dash: `," Andrei
       * Illarionov - then economic adviser to President Putin - told` */
      size_t m = k + 1;
      while (m < c->nw && m < k + 20 && !aside_dash(c, m) &&
             !(c->w[m].flags & (TD_QW_PARA | TD_QW_QOPEN | TD_QW_QCLOSE | TD_QW_SEND)))
        m++;
      if (m < c->nw && m > k + 1 && aside_dash(c, m) && m + 1 < c->nw && td_cue_at(c, m + 1, &kind)) {
        aside = k;
        k = m;
        continue;
      }
    }
    n = td_cue_at(c, k, &kind);
    if (!n) n = bare_cue(c, k, &kind); /* `," he will argue.` */
    if (!n) n = end_cue(c, j, k, &kind); /* `," the two write.` */
    /* (a lowercase "the": `"…?" The incident happened at 0400 GMT` is a
     * sentence of its own) */
    if (!n && k <= j + 6 && ed_verb(c, k) && np_word(c, j) &&
        (((c->w[j].flags & TD_QW_CAP) && strcmp(c->w[j].lw, "the") != 0) || td_qword_in(&c->w[j], pronouns) ||
         (strcmp(c->w[j].lw, "the") == 0 && !(c->w[j].flags & TD_QW_CAP) && k <= j + 3)))
      n = 1, kind = TD_CUE_SAY; /* "..." Hollande retaliated */
    if (n) {
      if (kind == TD_CUE_NAME || kind == TD_CUE_ACCORDING) return 0;
      size_t qf;
      if (quoted_as(c, k, who, &qf) && qf >= j) { /* "…," Reuters quoted an official as saying */
        cue->start = c->w[qf].s, cue->end = c->w[qf].e;
        *next = k + (size_t)n;
        return 1;
      }
      /* the phrase before the cue, up to its first comma */
      size_t e = j;
      while (e < k && e < aside && !is_punct(c, e, ",(")) e++;
      size_t ee = e;
      /* one capitalized word right before the cue is a name, whatever
       * its tag (`,” Will wrote`, `," From said`) */
      int name1 = k == j + 1 && (c->w[j].flags & TD_QW_CAP) && !(c->w[j].flags & TD_QW_PUNCT);
      while (!name1 && ee > j) { /* ("he will", "Mr Roe was due to") */
        if (ee >= j + 2 && to_come_at(c, ee)) ee -= 2;
        else if (in_set(aux_adv_set, &c->w[ee - 1]) || is_adverb(&c->w[ee - 1])) ee--;
        else break;
      }
      if (ee == j) return 0;
      /* "“…” and said that …": a second verb of the subject before */
      if (strcmp(c->w[j].lw, "and") == 0) return 0;
      if (strcmp(c->w[j].lw, "of") == 0) {
        /* a phrase going on from a partial quotation is no subject: `the
         * "shambles" of immigration, put patients first …, he said` is
         * said by the short phrase after its last comma, at the cue */
        size_t x = k;
        while (x > j && !is_punct(c, x - 1, ",")) x--;
        if (x == j || x == k || k - x > 4) return 0;
        for (size_t y = x; y < k; y++)
          if (!np_word(c, y)) return 0;
        who->start = c->w[x].s, who->end = c->w[k - 1].e;
        cue->start = c->w[k].s, cue->end = c->w[k + (size_t)n - 1].e;
        *next = k + (size_t)n;
        return 1;
      }
      /* "a narrator in the ad asks": the phrase ends before a preposition */
      static const char *const preps[] = {"in", "at", "for", "with", "from", "on", NULL};
      size_t cut = ee;
      for (size_t x = j; x < ee && !name1; x++) {
        if (np_word(c, x) || strcmp(c->w[x].lw, "and") == 0 || (x > j && name_joint(c, x))) continue;
        /* a compound joined by a hyphen with no space (`this look-alike
         * declared`): the hyphen and the word after it */
        if (x > j && x + 1 < ee && is_punct(c, x, "-") && c->w[x - 1].e == c->w[x].s && c->w[x].e == c->w[x + 1].s)
          continue;
        if (x > j + 1 && is_punct(c, x - 1, "-") && c->w[x - 2].e == c->w[x - 1].s && c->w[x - 1].e == c->w[x].s &&
            !(c->w[x].flags & TD_QW_PUNCT))
          continue;
        /* a first word the tagger took for an adverb before a noun (`,"
         * super PAC spokeswoman Kellyanne Conway said`) */
        if (x == j && x + 2 < ee && c->w[x].upos == TD_ADV && !(c->w[x].flags & TD_QW_CAP) &&
            !is_adverb(&c->w[x]) && !in_set(aux_adv_set, &c->w[x]) &&
            !td_qword_in(&c->w[x], adv_not_mod) && np_word(c, x + 1) &&
            (c->w[x + 1].upos == TD_NOUN || c->w[x + 1].upos == TD_PROPN || c->w[x + 1].upos == TD_ADJ))
          continue;
        if (x > j && x + 1 < ee && (modifier_ing(c, x) || possessive_mark(c, x))) continue;
        if (cut == ee && x > j && x + 1 < ee && td_qword_in(&c->w[x], preps)) {
          cut = x;
          continue;
        }
        return 0;
      }
      who->start = c->w[j].s, who->end = c->w[cut - 1].e;
      cue->start = c->w[k].s, cue->end = c->w[k + (size_t)n - 1].e;
      *next = k + (size_t)n;
      return 1;
    }
    if ((w->flags & TD_QW_PUNCT) && !is_punct(c, k, ",.()") && !name_joint(c, k) &&
        (w->flags & (TD_QW_SINGLE | TD_QW_QOPEN | TD_QW_QCLOSE)) != TD_QW_SINGLE && !possessive_mark(c, k))
      return 0; /* a lone ’ is an apostrophe: "Sanders’ campaign manager" */
  }
  return 0;
}

static int all_caps(const td_qctx *c, const td_qword *w);
static int is_dash(const td_qctx *c, size_t i);
static int aside_dash(const td_qctx *c, size_t i);

/* The subject at the start of the sentence holding word k, after an
 * opening phrase ("In response to X, Clinton's aide rallied ..."). */
static int sentence_subject(const td_qctx *c, size_t k, td_span *who) {
  static const char *const openers[] = {"in", "at", "on", "during", "after", "before", "for",
                                        "with", "by", "from", "as", "while", "when", "speaking",
                                        "asked", "but", "and", "still", "later", "earlier", NULL};
  size_t s = k;
  for (;;) {
    while (s > 0 && !(c->w[s - 1].flags & TD_QW_SEND) && !(c->w[s].flags & TD_QW_PARA) &&
           !(c->w[s - 1].flags & (TD_QW_QOPEN | TD_QW_QCLOSE)))
      s--;
    /* a partial quotation inside the sentence: `X expressed “grave
     * concern” Friday ... and called for`: go on before it */
    if (s < 2 || !(c->w[s - 1].flags & TD_QW_QCLOSE) || (c->w[s].flags & TD_QW_PARA)) break;
    /* (not one ending the sentence before with its stop: `… for "being
     * right." And then Trump went …`) */
    if ((c->w[s - 2].flags & TD_QW_SEND) || is_punct(c, s - 2, ".!?")) break;
    size_t o = s - 1;
    while (o > 0 && o + 40 > s && !(c->w[o].flags & (TD_QW_QOPEN | TD_QW_PARA))) o--;
    /* also one set off by dashes: `Mr. Trump …, treating it as a
     * compliment -- ''That makes me smart'' -- and, …, asserting, ''…''` */
    if (!(c->w[o].flags & TD_QW_QOPEN) || (c->w[o].flags & TD_QW_PARA) || o == 0 ||
        (c->w[o - 1].flags & TD_QW_SEND) ||
        ((c->w[o - 1].flags & TD_QW_PUNCT) && !aside_dash(c, o - 1)))
      break;
    s = o;
  }
  /* a dateline: "WASHINGTON, Dec. 8 (UPI) — ...", or a headline in
   * capitals before a spaced hyphen: "RED STATES OUTNUMBER BLUE STATES -
   * Jeffrey M. Jones: “…" */
  if (all_caps(c, &c->w[s])) {
    int caps = 1;
    for (size_t x = s + 1; x < k && x < s + 16; x++) {
      if (is_dash(c, x) || is_bar(c, x) ||
          (caps && aside_dash(c, x))) {
        s = x + 1;
        break;
      }
      if (!(c->w[x].flags & TD_QW_PUNCT) && !all_caps(c, &c->w[x]) && c->w[x].e - c->w[x].s > 1)
        caps = 0;
    }
  }
  /* opening phrases, each up to its comma: "In response to X,", "Last
   * month,", "Here in Columbia,", "Appearing before supporters,", "On
   * Thursday, after remaining neutral …,"; a conjunction alone opens
   * none ("And Mr. Christie gloated:", "But Sen. Roe, noting …, said") */
  static const char *const conjs[] = {"and", "but", "so", "yet", NULL};
  /* (an adverb of sequence before a subject without a comma: "And then
   * Trump went on the attack, saying", "Now Ms Roe says") */
  static const char *const then_now[] = {"then", "now", NULL};
  int adv_open = 0;
  for (int round = 0; round < 4 && s < k; round++) {
    if (td_qword_in(&c->w[s], conjs) ||
        (td_qword_in(&c->w[s], then_now) && s + 1 < k &&
         ((c->w[s + 1].flags & TD_QW_CAP) || td_qword_in(&c->w[s + 1], pronouns)))) {
      s++;
      if (s < k && is_punct(c, s, ",")) s++;
      continue;
    }
    const td_qword *w0 = &c->w[s];
    size_t n0 = w0->e - w0->s;
    /* (a participle: "Appearing …,", "Pressed on …,") */
    int part = w0->upos == TD_VERB && n0 > 4 && strcmp(w0->lw, "according") != 0 &&
               (strcmp(w0->lw + n0 - 3, "ing") == 0 || strcmp(w0->lw + n0 - 2, "ed") == 0) &&
               !((w0->flags & TD_QW_CAP) && np_word(c, s)); /* (a name: "Husted continued") */
    int opener = td_qword_in(w0, openers) || w0->upos == TD_SCONJ || part;
    /* (an adverb before one: "Even before Sanders took the stage, his
     * campaign sent …", "Shortly after the vote, …") */
    if (!opener && w0->upos == TD_ADV && s + 1 < k && !(c->w[s + 1].flags & (TD_QW_CAP | TD_QW_PUNCT)) &&
        (td_qword_in(&c->w[s + 1], openers) || c->w[s + 1].upos == TD_SCONJ))
      opener = adv_open = 1;
    /* a time or an adverb within a few words of its comma ("Minutes
     * later, she …", "Here in Columbia,") */
    for (size_t x = s; !opener && x < k && x < s + 5 && !is_punct(c, x, ","); x++)
      opener = (in_set(time_words_set, &c->w[x]) || strcmp(c->w[x].lw, "later") == 0 ||
                strcmp(c->w[x].lw, "earlier") == 0 || w0->upos == TD_ADV) &&
               x + 1 < k && is_punct(c, x + 1, ",");
    if (!opener) break;
    while (s < k && !is_punct(c, s, ",")) s++;
    s++;
    /* the year of a date: "On July 6, 2015, Sanders made …" */
    if (s + 1 < k && (c->w[s].flags & TD_QW_DIGIT) && is_punct(c, s + 1, ",")) s += 2;
  }
  size_t e = s;
  while (e < k && e < s + 10 && (np_word(c, e) || strcmp(c->w[e].lw, "'s") == 0)) e++;
  if (e == s || e >= k) return 0;
  /* (an item of a list the adverb's phrase goes on with, its comma no
   * end: "Shortly after collecting a trophy, a Mercedes convertible and
   * a cheque, Federer …") */
  if (adv_open && td_qword_in(&c->w[e], (const char *const[]){"and", "or", NULL})) return 0;
  who->start = c->w[s].s, who->end = c->w[e - 1].e;
  return 1;
}

/* A name alone before the colon at word k, starting its sentence or
 * paragraph: `Ted Cruz: ‘…’` (a headline), `Philip Bump: “…”`. */
static int name_before_colon(const td_qctx *c, size_t k, td_span *who) {
  size_t s = k;
  int kind = 0;
  while (s > 0 && k - s < 6 && !(c->w[s - 1].flags & TD_QW_SEND) && !(c->w[s].flags & TD_QW_PARA) &&
         (np_word(c, s - 1) || strcmp(c->w[s - 1].lw, "'s") == 0))
    s--;
  /* "Said Ellis: “…”", "Continued Stone: “…”": a cue before the name */
  size_t n = s;
  if (n < k && (c->w[n].flags & TD_QW_CAP) && cue_any(c, n, &kind) == 1 && kind == TD_CUE_SAY) n++;
  else if (s > 0 && (c->w[s - 1].flags & TD_QW_CAP) && !(c->w[s].flags & TD_QW_PARA) &&
           cue_any(c, s - 1, &kind) == 1 && kind == TD_CUE_SAY)
    s--;
  if (n == k || !(c->w[n].flags & TD_QW_CAP)) return 0;
  if (s > 0 && !(c->w[s - 1].flags & TD_QW_SEND) && !(c->w[s].flags & TD_QW_PARA) &&
      !is_dash(c, s - 1) && !is_punct(c, s - 1, "-"))
    return 0; /* also after a dash: "… contests - Philip Bump: “…”" */
  who->start = c->w[n].s, who->end = c->w[k - 1].e;
  return 1;
}

static int name_like(const td_qctx *c, size_t i);

/* Documents that speak for whoever issued them ("the statement read"). */
static const char *const doc_nouns[] = {"statement", "readout", "release", "letter", "memo",
                                        "report", "communique", "communiqué", "transcript",
                                        "announcement", "email", "tweet", "filing",
                                        "message", "notice", "editorial", NULL};

/* Whether the words before word k (a comma) are a verb of issuing and a
 * document as its object: `issued a statement`, `released a short
 * statement`, `put out a statement`. */
static int issued_doc(const td_qctx *c, size_t k) {
  static const char *const issue[] = {"issued", "released", "sent", "posted", "published", "out",
                                      "issues", "releases", "sends", "posts", "publishes", NULL};
  static const char *const dets[] = {"a", "an", "the", "this", "his", "her", "its", "their", NULL};
  if (k < 3 || !td_qword_in(&c->w[k - 1], doc_nouns)) return 0;
  size_t d = k - 2;
  while (d > 0 && k - d < 4 && !td_qword_in(&c->w[d], dets) && c->w[d].upos == TD_ADJ) d--;
  return d > 0 && td_qword_in(&c->w[d], dets) && td_qword_in(&c->w[d - 1], issue) &&
         !(c->w[d].flags & TD_QW_PARA);
}

/* Whether word i follows a dash or a spaced hyphen, within a paragraph. */
static int after_dash(const td_qctx *c, size_t i) {
  return i > 0 && i < c->nw && !(c->w[i].flags & TD_QW_PARA) &&
         (is_dash(c, i - 1) || is_punct(c, i - 1, "-"));
}

/* The cue and speaker of the clause before word m (an opening mark, or any
 * word a claim is about), within its sentence and at most `reach` words
 * back: "Austin stated that ...", "according to the U.S. authorities, ...",
 * "a defense ministry official told The Korea Times, Friday, that ...".
 * 1 when found, 2 when the nearest cue names without a speaker. */
/* Whether the cue at word k is a finding or a forecast (quotes.find:
 * "figures showed", "analysts expect"), a number's claimant only. */
static int is_finding(const td_qctx *c, size_t k) {
  return c->cue_len && k < c->nw && c->cue_len[k] && c->cue_kind[k] == TD_CUE_FIND;
}

/* Whether the finding at word k is a forecast: "expects", "projected". */
static int is_forecast(const td_qctx *c, size_t k) {
  const char *w = c->w[k].lw;
  return is_finding(c, k) &&
         (strncmp(w, "expect", 6) == 0 || strncmp(w, "project", 7) == 0 || strncmp(w, "anticipat", 9) == 0);
}

/* Whether the finding at word k, found with the subject who, is a
 * participle raised from the passive: "a record deficit projected to
 * peak at $427bn", "figures expected to reach $9.4bn" (what is forecast,
 * not who forecasts it; "it now expected to report profits of" keeps a
 * pronoun or a name). */
static int raised_passive(const td_qctx *c, size_t k, const td_span *who) {
  /* what follows a passive participle: "to" (raised), or a time or place
   * ("the election expected this year"), not an object ("analysts
   * expected a figure of") */
  static const char *const after[] = {"to", "this", "next", "later", "soon", "in", "by", "on", "at",
                                      "for", "since", "earlier", "last", NULL};
  size_t n = strlen(c->w[k].lw);
  /* (forecasts only, "expected", "projected": "The Pentagon revealed this
   * week that" is active) */
  if (!is_forecast(c, k) || n < 3 || strcmp(c->w[k].lw + n - 2, "ed") != 0 || k + 1 >= c->nw ||
      !(td_qword_in(&c->w[k + 1], after) || (c->w[k + 1].flags & TD_QW_PUNCT)))
    return 0;
  const td_qword *f = &c->w[td_qword_at(c, who->start)];
  return !(f->upos == TD_PRON || f->upos == TD_PROPN);
}

static int passive_at(const td_qctx *c, size_t k);

/* The name an apposition belongs to, when the subject found before an
 * aside is that apposition: `John Smith, the head of the union, speaking
 * to reporters, said` → John Smith, not `the head of the union`. Only a
 * lowercase phrase right after a comma and a name of up to five
 * capitalized words that opens its clause; else who is left as it is. */
static void apposed_name(const td_qctx *c, td_span *who) {
  static const char *const conjs[] = {"and", "but", "so", "yet", NULL};
  size_t a = td_qword_at(c, who->start);
  if (a < 2 || a >= c->nw || (c->w[a].flags & (TD_QW_CAP | TD_QW_PARA)) || !is_punct(c, a - 1, ",")) return;
  size_t e = a - 1, s = e;
  while (s > 0 && e - s < 5 && (c->w[s - 1].flags & TD_QW_CAP) && np_word(c, s - 1) &&
         !(c->w[s].flags & TD_QW_PARA))
    s--;
  if (s == e || !(s == 0 || (c->w[s].flags & TD_QW_PARA) || (c->w[s - 1].flags & TD_QW_SEND) ||
                  td_qword_in(&c->w[s - 1], conjs)))
    return;
  who->start = c->w[s].s, who->end = c->w[e - 1].e;
}

/* The name before an apposition whose last noun a relative clause after
 * it belongs to: `Nick Davies, spokesman for athletics' ruling body the
 * IAAF, which handed out the bans, said` → Nick Davies, not `ruling body
 * the IAAF`, which subject_before found before the comma at word x. Only
 * where that phrase opens no clause (it follows a preposition or a
 * possessive, no comma) and a comma up to twelve words before it, with
 * no verb between, follows a capitalized name opening its clause or set
 * off by a comma; else who is left as it is. */
static void relative_apposition(const td_qctx *c, size_t x, td_span *who) {
  static const char *const rels[] = {"which", "who", "whose", NULL};
  size_t ws = td_qword_at(c, who->start);
  if (x + 1 >= c->nw || !td_qword_in(&c->w[x + 1], rels) || ws == 0 || ws >= c->nw ||
      (c->w[ws].flags & TD_QW_PARA) || (c->w[ws - 1].flags & TD_QW_SEND) || is_punct(c, ws - 1, ","))
    return;
  for (size_t y = ws; y-- > 1 && y + 12 > ws;) {
    const td_qword *w = &c->w[y];
    if ((w->flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_QCLOSE)) || w->upos == TD_VERB || w->upos == TD_AUX) return;
    if (is_punct(c, y, ",")) {
      td_span alt;
      size_t as;
      if (!(w->flags & TD_QW_PARA) && subject_before(c, y, &alt) && (as = td_qword_at(c, alt.start)) < y &&
          (c->w[as].flags & TD_QW_CAP) &&
          (as == 0 || (c->w[as].flags & TD_QW_PARA) || (c->w[as - 1].flags & TD_QW_SEND) || is_punct(c, as - 1, ",")))
        *who = alt;
      return;
    }
    if (w->flags & TD_QW_PARA) return;
  }
}

/* Where the reduced passive clause of a question put to someone opens
 * (`when asked`, `if pressed`, `after being asked`), at word k or before
 * it in the same clause: the index of `when` (k itself when k is the
 * participle), or (size_t)-1 when there is none. */
static size_t asked_clause(const td_qctx *c, size_t k) {
  static const char *const subs[] = {"when", "if", "after", "while", "whenever", NULL};
  static const char *const put[] = {"asked", "pressed", "questioned", "told", NULL};
  for (size_t j = k + 1; j-- > 0 && j + 12 > k;) {
    if (c->w[j].flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_QCLOSE)) break;
    if (j < k && (c->w[j].flags & TD_QW_PUNCT)) break;
    if (!td_qword_in(&c->w[j], put) || j == 0) continue;
    size_t a = j - 1;
    if (a > 0 && strcmp(c->w[a].lw, "being") == 0) a--;
    if (td_qword_in(&c->w[a], subs)) return j == k ? k : a;
    if (j < k) break;
  }
  return (size_t)-1;
}

/* The opening mark of the quoted phrase whose closing mark is word k,
 * within its sentence and paragraph and at most 30 words back, or
 * (size_t)-1; a phrase, not a sentence quoted whole (no stop before the
 * closing mark, no colon before the opening one: `saying: "… H." Labour
 * had raised taxes 66 times, he said`). */
static size_t quoted_phrase_open(const td_qctx *c, size_t k) {
  if (k > 0 && is_punct(c, k - 1, ".!?")) return (size_t)-1;
  for (size_t x = k; x-- > 0 && x + 30 > k;) {
    const td_qword *w = &c->w[x];
    if (w->flags & (TD_QW_SEND | TD_QW_QCLOSE)) return (size_t)-1;
    if (w->flags & TD_QW_QOPEN) return (w->flags & TD_QW_PARA) || x == 0 || is_punct(c, x - 1, ":") ? (size_t)-1 : x;
    if (w->flags & TD_QW_PARA) return (size_t)-1;
  }
  return (size_t)-1;
}

static int speaker_before(const td_qctx *c, size_t m, size_t reach, td_span *who, td_span *cue) {
  size_t lo = m > reach ? m - reach : 0;
  /* (m opens a quotation after a colon or comma, or is the colon ending
   * the paragraph before one: where a bare cue may be read) */
  int at_quote = m > 0 && m < c->nw &&
                 ((c->w[m].flags & TD_QW_QOPEN) ? is_punct(c, m - 1, ":,") : is_punct(c, m, ":"));
  for (size_t k = m; k-- > lo;) {
    if (c->w[k].flags & TD_QW_SEND) return 0;
    if (c->w[k].flags & (TD_QW_QOPEN | TD_QW_QCLOSE)) {
      /* a number's cue may stand before a quoted phrase of its sentence:
       * `Obama said "it gets me mad" every time he thinks about the 20
       * first-graders`, `Trump said he won "every single debate" and
       * wanted more than three debates` (not a quotation's speaker, nor
       * past a mark that opens the quotation holding the number) */
      size_t o = c->finds && (c->w[k].flags & TD_QW_QCLOSE) ? quoted_phrase_open(c, k) : (size_t)-1;
      if (o == (size_t)-1) return 0;
      /* (not past a verb joined after the phrase, which tells what the
       * subject did: `The virus' subject line says "Merry Christmas" and
       * translates this into one of 15 languages`, `has invited two
       * guests`; nor past a dash or a semicolon, the writer's aside: `X
       * said he was "encouraged" by the plan — a boost since 2009, when X
       * joined 89 other senators`) */
      for (size_t x = k + 1; x < m; x++)
        if ((x + 1 < m && td_qword_in(&c->w[x], (const char *const[]){"and", "but", NULL}) &&
             (c->w[x + 1].upos == TD_VERB || c->w[x + 1].upos == TD_AUX)) ||
            aside_dash(c, x) || is_punct(c, x, ";"))
          return 0;
      k = o;
      continue;
    }
    int kind = 0, n = td_cue_at(c, k, &kind);
    /* a bare cue, its addressee and a colon or comma before a quotation
     * (`Mr Roe will tell delegates: "…"`), no verb between */
    if (!n && at_quote && (n = bare_cue(c, k, &kind)) != 0) {
      for (size_t x = k + (size_t)n; x < m && n; x++)
        if (x > k + 6 || c->w[x].upos == TD_VERB || c->w[x].upos == TD_AUX || (c->w[x].flags & TD_QW_SEND))
          n = 0;
      /* its subject, not the object of a preposition (`Ballot papers in
       * the poll will ask:` names no one) */
      if (n) {
        size_t ws;
        if (!subject_before(c, k, who) || ((ws = td_qword_at(c, who->start)) > 0 &&
                                           !(c->w[ws].flags & TD_QW_PARA) && c->w[ws - 1].upos == TD_ADP)) {
          who->start = who->end = 0;
          continue; /* (`went on to warn:`: the cue before it) */
        }
        cue->start = c->w[k].s, cue->end = c->w[k + (size_t)n - 1].e;
        return 1;
      }
    }
    if (!n || k + (size_t)n > m) {
      if (c->w[k].flags & TD_QW_PARA) return 0;
      continue;
    }
    if (kind == TD_CUE_NAME) {
      /* an active naming verb, its object before the quotation, names by
       * its subject: `Hughes branded Mr Howard "arrogant"`, `Trump called
       * it a "disaster"`; the passive (`was branded`), a reduced relative
       * (`a plan dubbed "…"`, no object) and `so-called` name without a
       * speaker; a number's claimant it is not (`its Walkman branded
       * phone … 30 hours`) */
      static const char *const be[] = {"is", "are", "was", "were", "been", "being", "be", "get", "got", NULL};
      size_t r = k;
      while (r > 0 && is_adverb(&c->w[r - 1])) r--;
      /* (an object, not only an article: `a move branded a "…"`) */
      int obj = n == 2 && strcmp(c->w[k + 1].lw, "it") == 0;
      for (size_t x = k + (size_t)n; x < m && !obj; x++) obj = c->w[x].upos != TD_DET;
      if (!(c->w[m].flags & TD_QW_QOPEN) || c->w[k].upos != TD_VERB || !obj ||
          (r > 0 && td_qword_in(&c->w[r - 1], be)) ||
          (n == 2 && strcmp(c->w[k + 1].lw, "as") == 0) || !subject_before(c, k, who))
        return 2; /* (`known as`, `described as`: a participle) */
      cue->start = c->w[k].s, cue->end = c->w[k + (size_t)n - 1].e;
      return 1;
    }
    cue->start = c->w[k].s, cue->end = c->w[k + (size_t)n - 1].e;
    if (kind == TD_CUE_ACCORDING) return np_after(c, k + (size_t)n, who);
    /* "X was asked: “…”", "X had been told he could …": what is put to X
     * is not X's; the search goes on to a cue before it (`Y said he had
     * been told …` is Y's claim). X's answer after "X was asked." is X's. */
    static const char *const put_to[] = {"asked", "told", NULL};
    if (n == 1 && td_qword_in(&c->w[k], put_to) && passive_at(c, k) &&
        !(k + 1 < m && (c->w[k + 1].flags & TD_QW_SEND)))
      continue;
    /* a raised passive names whom it talks about, not who talks: `graft
     * was said to be "pervasive"`, `there are estimated to be up to
     * 15,000` (not `X was reported to have suggested …`, X's words;
     * forecasts are raised_passive's) */
    if (n == 1 && kind == TD_CUE_SAY && k + 2 < m && strcmp(c->w[k + 1].lw, "to") == 0 &&
        strcmp(c->w[k + 2].lw, "have") != 0 && passive_at(c, k) && !is_forecast(c, k))
      continue;
    /* so is a reduced passive clause, `when asked about it`, `if
     * pressed`: `X said, when asked about the vote, "…"` is X's; and a cue
     * after one speaks for the subject before it: `The singer … but when
     * asked whether he would do the same again replied: "…"` */
    size_t sub = asked_clause(c, k);
    if (sub == k) continue;
    if (sub < k) {
      static const char *const conj[] = {"but", "and", NULL};
      if (sub > 0 && td_qword_in(&c->w[sub - 1], conj))
        return sentence_subject(c, sub, who);
      if (sub > 0 && is_punct(c, sub - 1, ",")) sub--;
      return subject_before(c, sub, who);
    }
    size_t qf;
    if (quoted_as(c, k, who, &qf)) { /* the paper quoted Mr Roe as saying, "…" */
      cue->start = c->w[qf].s, cue->end = c->w[qf].e;
      return 1;
    }
    /* "…, says Mr Pearson." ending the sentence before a quotation: its
     * speaker after it (the sentence's own quotation is speaker_after's) */
    if (kind == TD_CUE_SAY && k > 0 && is_punct(c, k - 1, ",") && k + (size_t)n < m &&
        (c->w[m].flags & TD_QW_SEND) && (c->w[k + (size_t)n].flags & TD_QW_CAP) && name_like(c, k + (size_t)n) &&
        np_after(c, k + (size_t)n, who)) {
      if (td_qword_at(c, who->end) == m) return 1;
      who->start = who->end = 0;
    }
    /* "Said Comey, “…”": a cue opening the sentence, its speaker after it */
    if (kind == TD_CUE_SAY && (k == 0 || (c->w[k - 1].flags & TD_QW_SEND) || (c->w[k].flags & TD_QW_PARA)) &&
        k + (size_t)n < m && name_like(c, k + (size_t)n) && np_after(c, k + (size_t)n, who)) {
      size_t e = td_qword_at(c, who->end);
      return e < m && is_punct(c, e, ",:") && e + 1 == m;
    }
    if (subject_before(c, k, who) && !raised_passive(c, k, who)) {
      /* "X sent an email to supporters stating, “…”", "X answered on
       * Facebook, writing": a participle after the object of "to" or "on"
       * speaks for the sentence's subject (not "footage of Trump saying",
       * "with Trump yelling") */
      static const char *const obj_preps[] = {"to", "on", NULL};
      size_t lk = strlen(c->w[k].lw), ws = td_qword_at(c, who->start), we = td_qword_at(c, who->end);
      int has_of = 0;
      for (size_t x = ws; x < we && x < c->nw; x++) has_of |= strcmp(c->w[x].lw, "of") == 0;
      td_span subj;
      /* also after a document its issuer made: "she released a statement
       * saying, “…”" is hers */
      int issued = ws > 1 && we > ws && we <= c->nw && c->w[ws - 1].upos == TD_VERB &&
                   !(c->w[ws - 1].flags & TD_QW_CAP) && td_qword_in(&c->w[we - 1], doc_nouns);
      if (lk > 4 && strcmp(c->w[k].lw + lk - 3, "ing") == 0 && ws > 1 && ws < c->nw && !has_of &&
          !(c->w[ws].flags & TD_QW_PARA) && (td_qword_in(&c->w[ws - 1], obj_preps) || issued) &&
          sentence_subject(c, k, &subj) && subj.end < c->w[ws - 1].s)
        *who = subj;
      return 1;
    }
    size_t r0 = k;
    while (r0 > 0 && (in_set(aux_adv_set, &c->w[r0 - 1]) || is_adverb(&c->w[r0 - 1]))) r0--;
    /* "De Blasio said the move ... and said, ...": the subject of the
     * speech verb the cue is joined to, the nearest one before it in the
     * sentence (`X claimed … but his lawyer, Y, told the BBC it was
     * laughable and added: "…"` is Y's), else of the sentence */
    if (r0 > 0 && strcmp(c->w[r0 - 1].lw, "and") == 0) {
      for (size_t j = r0 - 1; j-- > 0 && j + 40 > r0;) {
        if (c->w[j].flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_QCLOSE)) break;
        int kind2 = 0;
        if (td_cue_at(c, j, &kind2) && (kind2 == TD_CUE_SAY || kind2 == TD_CUE_TELL) &&
            c->w[j].upos == TD_VERB && !passive_at(c, j)) {
          if (subject_before(c, j, who)) return 1;
          /* (a subject and an aside: `his lawyer, Tom Roe, told`) */
          for (size_t x = j - 1; j > 2 && is_punct(c, j - 1, ",") && x-- > 0 && x + 8 > j;) {
            if (c->w[x].flags & (TD_QW_SEND | TD_QW_PARA | TD_QW_QOPEN | TD_QW_QCLOSE)) break;
            if (is_punct(c, x, ",")) {
              if (x == 0 || !subject_before(c, x, who)) break;
              /* (the name, when the aside is one) */
              size_t y = x + 1;
              while (y + 1 < j && (c->w[y].flags & TD_QW_CAP) && np_word(c, y)) y++;
              if (y + 1 == j && y > x + 1) who->start = c->w[x + 1].s, who->end = c->w[j - 2].e;
              return 1;
            }
          }
          who->start = who->end = 0;
          break;
        }
        if (c->w[j].flags & TD_QW_PARA) break;
      }
      return sentence_subject(c, k, who);
    }
    /* "X was skeptical, but said, …", "He went on to say, …", "X was
     * prompted to write, …": a second verb or an infinitive of the subject */
    static const char *const say_inf[] = {"say", "add", "write", "ask", "tell", "declare",
                                          "state", "explain", "note", "tweet", NULL};
    if (r0 > 0 && (strcmp(c->w[r0 - 1].lw, "but") == 0 ||
                   /* (a speech verb after a verb: not "a statement to read",
                    * "unable to estimate", "difficult to say") */
                   (strcmp(c->w[r0 - 1].lw, "to") == 0 && td_qword_in(&c->w[k], say_inf) && r0 > 1 &&
                    (c->w[r0 - 2].upos == TD_VERB || strcmp(c->w[r0 - 2].lw, "on") == 0)))) {
      /* (the subject of that verb when it has one of its own: `…
       * subdued that Mr. Trump was prompted to say, …`) */
      if (strcmp(c->w[r0 - 1].lw, "to") == 0 && c->w[r0 - 2].upos == TD_VERB &&
          subject_before(c, r0 - 2, who))
        return 1;
      return sentence_subject(c, k, who);
    }
    /* "X urged women to vote, saying, ...", "X sings to Clinton before
     * asking her, ...": the subject of the sentence */
    static const char *const ing_preps[] = {"before", "after", "while", "by", "when", "without", "upon",
                                            NULL};
    size_t lw = strlen(c->w[k].lw);
    if (k > 0 && (is_punct(c, k - 1, ",") || td_qword_in(&c->w[k - 1], ing_preps) ||
                  /* (the writer's comma inside a partial quotation: `could
                   * be “messy,” adding, “…”`) */
                  (k > 1 && (c->w[k - 1].flags & TD_QW_QCLOSE) && is_punct(c, k - 2, ","))) &&
        lw > 4 &&
        strcmp(c->w[k].lw + lw - 3, "ing") == 0) {
      /* after a cue set off by commas, its subject: `Mr Blair has failed,
       * he claimed, saying …` is his, not Mr Blair's */
      int kind2 = 0;
      if (k >= 4 && is_punct(c, k - 1, ",") && td_cue_at(c, k - 2, &kind2) == 1 && kind2 == TD_CUE_SAY &&
          subject_before(c, k - 2, who)) {
        size_t ws = td_qword_at(c, who->start);
        if (ws > 0 && is_punct(c, ws - 1, ",") && k - 2 - ws <= 4) return 1;
      }
      return sentence_subject(c, k, who);
    }
    /* "Fiorina, speaking to Iowans, said": the subject before the aside */
    if (r0 > 1 && is_punct(c, r0 - 1, ",)")) {
      for (size_t x = r0 - 1; x-- > 0 && x + 32 > r0;) {
        if (c->w[x].flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_QCLOSE)) break;
        if (is_punct(c, x, ",(") && x > 0 && !(c->w[x].flags & TD_QW_PARA)) {
          /* (an affiliation in brackets before the comma: `Sen. Roe
           * (D-Ill.), noting …, said`) */
          size_t y = x;
          if (is_punct(c, y - 1, ")")) {
            size_t z = y - 1;
            while (z > 0 && y - z < 8 && !is_punct(c, z, "(") && !(c->w[z].flags & TD_QW_PARA)) z--;
            if (z > 0 && is_punct(c, z, "(")) y = z;
          }
          size_t ws;
          /* (there a subject, not a preposition's object: `A spokesman for
           * the World Summit for the Information Society (WSIS), which …`) */
          if (subject_before(c, y, who) && (y == x || (ws = td_qword_at(c, who->start)) == 0 ||
                                            (c->w[ws].flags & TD_QW_PARA) || c->w[ws - 1].upos != TD_ADP)) {
            if (y == x) relative_apposition(c, x, who);
            apposed_name(c, who);
            return 1;
          }
          who->start = who->end = 0;
          break;
        }
        if (c->w[x].flags & TD_QW_PARA) break;
      }
    }
    /* "John Roe, the chief executive of Ora -- the firm that makes the
     * show -- told me, …": the subject before an aside set off by dashes */
    /* (an active cue, no `have been voiced`, `continued to perform`; a
     * subject, not the object of a preposition: `figures on house sales -
     * issued on Thursday - suggest` names no one) */
    if (r0 > 1 && aside_dash(c, r0 - 1) && !passive_at(c, k) &&
        !(k + (size_t)n < c->nw && strcmp(c->w[k + (size_t)n].lw, "to") == 0)) {
      for (size_t x = r0 - 1; x-- > 0 && x + 32 > r0;) {
        if (c->w[x].flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_QCLOSE | TD_QW_PARA)) break;
        if (aside_dash(c, x)) {
          size_t ws;
          if (x > 0 && is_punct(c, x - 1, "-") && c->w[x - 1].e == c->w[x].s) x--; /* (`--`) */
          if (x > 0 && subject_before(c, x, who) &&
              ((ws = td_qword_at(c, who->start)) == 0 || (c->w[ws].flags & TD_QW_PARA) ||
               c->w[ws - 1].upos != TD_ADP)) {
            apposed_name(c, who);
            return 1;
          }
          who->start = who->end = 0;
          break;
        }
      }
    }
    /* "Trump, who has said ...": the subject before the relative clause */
    size_t r = k;
    while (r > 0 && in_set(aux_adv_set, &c->w[r - 1])) r--;
    if (r >= 2 && strcmp(c->w[r - 1].lw, "who") == 0 && is_punct(c, r - 2, ","))
      return subject_before(c, r - 2, who);
    /* a forecast with no subject of its own ("more than the £1.4bn
     * expected", "is now expected to grow") leaves the search to the
     * speech or finding before it */
    if (is_forecast(c, k)) continue;
    /* so does an infinitive that is no speech of anyone's ("Ms Roe said
     * it was difficult to say how …", "declined to comment") */
    if (r0 > 0 && strcmp(c->w[r0 - 1].lw, "to") == 0) continue;
    return 0;
  }
  return 0;
}

/* Whether word i can begin a claimant written after its cue ("said Jane
 * Roe", "said the organisers"), not "asked for help". */
static int name_like(const td_qctx *c, size_t i) {
  if (i >= c->nw) return 0;
  const td_qword *w = &c->w[i];
  return (w->flags & TD_QW_CAP) || w->upos == TD_DET || w->upos == TD_PRON;
}

/* "In" opening the sentence at word s before a finding and the comma
 * that ends it, ahead of the number at target: the finding is its
 * claimant ("In an NBC News poll released Monday, 50 percent of
 * respondents chose Clinton", "In its latest survey of 1,000 firms, the
 * CBI found"; not "In the survey period, sales rose 5%": the phrase's head,
 * its last noun before a verb or a preposition, is the finding). */
static int in_finding(const td_qctx *c, size_t s, size_t target, td_span *who, td_span *cue) {
  static const char *const findings[] = {"poll", "polls", "survey", "surveys", "study", "studies",
                                         "report", "census", "analysis", "estimate", "estimates",
                                         "figures", "data", "research", "forecast", "projections", NULL};
  if (s >= c->nw || s + 2 >= target || strcmp(c->w[s].lw, "in") != 0) return 0;
  size_t cm = s + 1;
  while (cm < target && cm < s + 14 && !is_punct(c, cm, ",")) cm++;
  if (cm >= target || !is_punct(c, cm, ",")) return 0;
  size_t head = c->nw;
  for (size_t k = s + 1; k < cm; k++) {
    if (c->w[k].upos == TD_ADP || c->w[k].upos == TD_VERB || (c->w[k].flags & TD_QW_PARA)) break;
    if (c->w[k].upos == TD_NOUN) head = k;
  }
  if (head >= c->nw || (c->w[head].flags & TD_QW_CAP) || !td_qword_in(&c->w[head], findings)) return 0;
  who->start = c->w[s + 1].s, who->end = c->w[cm - 1].e;
  cue->start = c->w[s].s, cue->end = c->w[s].e;
  return 1;
}

/* Claimants the speech search leaves, between sentence start s and the
 * number at target, nearest first: the subject before a relative pronoun
 * ("the Chicago Police Department, which reported 2,521 ..."), and the
 * noun phrase of a report or claim ("a New York Times report that ...",
 * "Trump's claim that there have been thousands of ..."). */
static int claimant_before(const td_qctx *c, size_t s, size_t target, td_span *who, td_span *cue) {
  static const char *const rel[] = {"which", "who", "that", NULL};
  static const char *const reports[] = {"report", "reports", "claim", "claims", "statement",
                                        "estimate", "estimates", "study", "survey", "analysis",
                                        "poll", "figures", "data", NULL};
  static const char *const not_reports[] = {"continued", "continues", "read", "reads", NULL};
  for (size_t k = target; k-- > s && k + 40 > target;) {
    int kind = 0, n = td_cue_at(c, k, &kind);
    if (n && (kind == TD_CUE_SAY || kind == TD_CUE_TELL) && k + (size_t)n <= target && k > 1 &&
        !td_qword_in(&c->w[k], not_reports) && td_qword_in(&c->w[k - 1], rel)) {
      size_t r = is_punct(c, k - 2, ",") ? k - 2 : k - 1;
      if (subject_before(c, r, who)) {
        cue->start = c->w[k].s, cue->end = c->w[k + (size_t)n - 1].e;
        return 1;
      }
      return 0;
    }
    if (k + 1 < target && (strcmp(c->w[k + 1].lw, "that") == 0 || strcmp(c->w[k + 1].lw, "about") == 0) &&
        !(c->w[k].flags & TD_QW_CAP) && td_qword_in(&c->w[k], reports) && subject_before(c, k + 1, who)) {
      /* the phrase names whose report it is ("Trump's claim", "a New York
       * Times report"), not only what kind ("to scotch claims that",
       * "early reports that"): a word before the noun that is no article
       * and no adjective */
      size_t x = td_qword_at(c, who->start);
      while (x < k && (c->w[x].upos == TD_DET || c->w[x].upos == TD_ADJ)) x++;
      if (x >= k) {
        who->start = who->end = 0;
        return 0;
      }
      cue->start = c->w[k].s, cue->end = c->w[k].e;
      return 1;
    }
  }
  return in_finding(c, s, target, who, cue);
}

static const char *const be_words[] = {"is", "are", "was", "were", "been", "being", "be", NULL};

/* Whether w reads as a past participle: "reported", "said", "thought". */
static int participle(const td_qword *w) {
  static const char *const irregular[] = {"said", "told", "thought", "known", "shown", "found",
                                          "seen", "held", "forecast", NULL};
  size_t n = strlen(w->lw);
  return (n > 3 && strcmp(w->lw + n - 2, "ed") == 0) || td_qword_in(w, irregular);
}

static int find_claimant(const td_qctx *c, size_t target, td_span *who, td_span *cue);

/* Whether the words from nx to the end of the sentence are an adjunct of
 * the cue before them: a phrase of place, time or manner with no verb or
 * clause of its own ("…, the bank said in a statement.", "…, officials
 * said on Tuesday.", "…, the IFPI reported this week."; not "…, he said
 * in May that …", "…, she said at a rally where she …"). */
static int adjunct_to_end(const td_qctx *c, size_t nx) {
  static const char *const opens[] = {"in", "at", "on", "during", "after", "before", "to", "from",
                                      "via", "through", "last", "this", "next", "earlier", "later",
                                      "late", "early", NULL};
  static const char *const clauses[] = {"that", "which", "who", "whom", "where", "when", "while",
                                        "as", "because", "if", "whether", "but", "than", NULL};
  /* (a day's name is capitalized: "…, the airline said Thursday.") */
  if (nx >= c->nw || (c->w[nx].flags & (TD_QW_PUNCT | TD_QW_PARA)) ||
      ((c->w[nx].flags & TD_QW_CAP) && !in_set(time_words_set, &c->w[nx])) ||
      !(td_qword_in(&c->w[nx], opens) || in_set(time_words_set, &c->w[nx])))
    return 0;
  if ((c->w[nx].flags & TD_QW_SEND) || (nx + 1 < c->nw && is_punct(c, nx + 1, ".,"))) return 1;
  for (size_t k = nx + 1; k < c->nw && k < nx + 16; k++) {
    const td_qword *w = &c->w[k];
    /* (up to the sentence's end or a comma: "…, the agency said in a June
     * report, and those in …") */
    if ((w->flags & TD_QW_SEND) || is_punct(c, k, ".,")) return 1;
    if (w->flags & (TD_QW_PARA | TD_QW_PUNCT)) return 0;
    if (td_qword_in(w, clauses) || w->upos == TD_AUX || (w->upos == TD_VERB && !participle(w)))
      return 0;
  }
  return 0;
}

/* Whether a listed cue and its speaker ("the bank said", "said Mr Roe")
 * end their sentence with an adjunct (adjunct_to_end); not an unlisted
 * verb read as a cue ("the sample was limited to …", "X have resigned
 * after a row"). */
static int adjunct_after(const td_qctx *c, const td_span *who, const td_span *cue) {
  int kind = 0;
  if (cue->end <= cue->start || !td_cue_at(c, td_qword_at(c, cue->start), &kind)) return 0;
  if (who->end <= cue->start) {
    size_t nx = td_qword_at(c, cue->end);
    /* past the addressee of "told", a noun phrase of up to five words:
     * "…, he told reporters.", "…, he told the court in his filing." */
    if (kind == TD_CUE_TELL) {
      size_t x = nx;
      while (x < c->nw && x < nx + 5 && !(c->w[x].flags & (TD_QW_PUNCT | TD_QW_PARA)) &&
             (np_word(c, x) || c->w[x].upos == TD_PRON))
        x++;
      if (x > nx && x < c->nw && (is_punct(c, x, ".,") || (c->w[x - 1].flags & TD_QW_SEND))) return 1;
      if (x > nx) nx = x;
    }
    return adjunct_to_end(c, nx);
  }
  /* "said X": X a noun phrase, not the clause said ("said arts funding
   * should be separate from …", "expected to be held in May") */
  size_t ws = td_qword_at(c, who->start), we = td_qword_at(c, who->end);
  if (!name_like(c, ws)) return 0;
  for (size_t x = ws; x < we; x++)
    if (c->w[x].upos == TD_AUX || (c->w[x].upos == TD_VERB && !(c->w[x].flags & TD_QW_CAP))) return 0;
  return adjunct_to_end(c, we);
}

/* "..., X said." at the end of the sentence after word target, or before
 * an apposition or a participle: "..., estimates James Goodman, report
 * author", "..., BMW said, adding that"; also with a phrase of place or
 * time after the cue ("..., the company said at the Detroit Motor Show."). */
static int speaker_end(const td_qctx *c, size_t target, td_span *who, td_span *cue) {
  for (size_t k = target; k < c->nw && k < target + 60; k++) {
    if (c->w[k].flags & TD_QW_SEND) break;
    if (is_punct(c, k, ",")) {
      size_t nx;
      /* nx: the word after "X said", or after the mark that ends "said X" */
      if (speaker_after(c, k, who, cue, &nx) == 1 && nx < c->nw &&
          (c->w[nx].flags & TD_QW_SEND || is_punct(c, nx, ".,") ||
           (is_punct(c, nx - 1, ".,") && name_like(c, td_qword_at(c, who->start))) ||
           adjunct_after(c, who, cue)))
        return 1;
    }
  }
  return 0;
}

/* Whether the cue at word k is a participle after "be" (adverbs or an
 * inverted pronoun between): "were reported", "is now expected", "is it
 * expected"; or after "with" and a short noun phrase and before "to", a
 * clause with no verb of its own whose subject is what the report is
 * about ("with broadband predicted to grow", "with sales expected to
 * fall"; not "the deal with Tanzania Mr Brown said the UK would"). */
static int passive_at(const td_qctx *c, size_t k) {
  if (k == 0 || k >= c->nw || !participle(&c->w[k])) return 0;
  size_t b = k;
  while (b > 1 && b + 3 > k && (is_adverb(&c->w[b - 1]) || c->w[b - 1].upos == TD_ADV ||
                                c->w[b - 1].upos == TD_PRON))
    b--;
  if (b > 0 && td_qword_in(&c->w[b - 1], be_words)) return 1;
  static const char *const with[] = {"with", NULL}, *const to[] = {"to", NULL};
  if (k + 1 >= c->nw || !td_qword_in(&c->w[k + 1], to)) return 0; /* `with X said`: a cue */
  for (b = k; b > 0 && b + 4 > k; b--) {
    const td_qword *w = &c->w[b - 1];
    if (b < k && td_qword_in(w, with)) return 1;
    if (w->flags & (TD_QW_PUNCT | TD_QW_SEND) ||
        !(w->upos == TD_NOUN || w->upos == TD_PROPN || w->upos == TD_ADJ || w->upos == TD_DET ||
          w->upos == TD_NUM))
      return 0;
  }
  return 0;
}

/* Whether the claimant who is one word that names no one: an article, a
 * possessive, a preposition, a conjunction, a number word or a word of
 * time, left as the subject of a cue inside a phrase ("took an estimated
 * $121.9m", "at a reported cost of $32m", "One in four said", "this week
 * said", "earlier this year showed"). */
static int nobody(const td_qctx *c, td_span who) {
  static const char *const words[] = {
      "a", "an", "the", "some", "his", "her", "their", "its", "our", "my", "your", "this", "that",
      "these", "those", "on", "in", "at", "of", "or", "and", "but", "nothing", "per", "cent", NULL};
  static const char *const numbers[] = {"one", "two", "three", "four", "five", "six", "seven",
                                        "eight", "nine", "ten", NULL};
  size_t k = td_qword_at(c, who.start);
  if (k >= c->nw || c->w[k].e != who.end) return 0; /* more than one word */
  const td_qword *w = &c->w[k];
  /* a capitalized number word may be a name ("Five said it had received") */
  return td_qword_in(w, words) || in_set(time_words_set, w) ||
         (!(w->flags & TD_QW_CAP) && td_qword_in(w, numbers));
}

int td_find_claimant(td_qctx *c, size_t target, td_span *who, td_span *cue) {
  c->finds = 1; /* "figures showed that" names a number's claimant */
  int r = find_claimant(c, target, who, cue);
  c->finds = 0;
  if (r && nobody(c, *who)) {
    who->start = who->end = cue->start = cue->end = 0;
    return 0;
  }
  return r;
}

/* The owner of a forecast or an estimate of the number at target, named
 * in the possessive right before it: "Chancellor Gordon Brown's forecast
 * of 3% to 3.5%", "the IMF's latest estimate of $5bn" (whatever cue the
 * sentence has elsewhere: "Deloitte is forecasting growth of 2%, below
 * Chancellor Gordon Brown's forecast of 3%"). 1 with *who (without the
 * possessive ending) and *cue (the noun) set, else 0. */
static int owner_of_estimate(const td_qctx *c, size_t target, td_span *who, td_span *cue) {
  static const char *const nouns[] = {"forecast", "forecasts", "estimate", "estimates", "prediction",
                                      "predictions", "projection", "projections", NULL};
  /* (the second number of a range: "forecast of 3% to 3.5%") */
  if (target >= 4 && target < c->nw && td_qword_in(&c->w[target - 1], (const char *const[]){"to", "and", NULL})) {
    size_t j = target - 2;
    while (j > 1 && j + 5 > target &&
           ((c->w[j].flags & TD_QW_DIGIT) || td_qword_in(&c->w[j], (const char *const[]){"%", "$", "\xc2\xa3", NULL})))
      j--;
    if (j + 2 < target && strcmp(c->w[j].lw, "of") == 0) target = j + 1;
  }
  if (target < 3 || target >= c->nw || strcmp(c->w[target - 1].lw, "of") != 0) return 0;
  size_t k = target - 2, a = k;
  if (!td_qword_in(&c->w[k], nouns) || (c->w[k].flags & TD_QW_PARA)) return 0;
  /* (adjectives between: "the IMF's latest estimate of") */
  while (a > 1 && a + 3 > k && c->w[a - 1].upos == TD_ADJ && !(c->w[a].flags & TD_QW_PARA)) a--;
  const char *o = c->w[a - 1].lw;
  size_t n = strlen(o);
  if (a < 1 || (c->w[a].flags & TD_QW_PARA) || n < 2 || strcmp(o + n - 2, "'s") != 0 || !subject_before(c, a, who))
    return 0;
  const char *t = c->doc->text;
  if (who->end - who->start > 2 && t[who->end - 2] == '\'' && t[who->end - 1] == 's') who->end -= 2;
  else if (who->end - who->start > 4 && memcmp(t + who->end - 4, "\xe2\x80\x99s", 4) == 0) who->end -= 4;
  if (who->end <= who->start) return 0;
  cue->start = c->w[k].s, cue->end = c->w[k].e;
  return 1;
}

/* A poll after "in" later in the sentence of the number at target names
 * its claimant, the phrase after "in" up to the poll's noun: "6 percent of
 * the vote in a Washington Post-ABC News poll released Sunday", "Trump
 * leads by 57 percent to 33 percent in the 50-state poll", "near 10
 * percent of the vote in New Hampshire surveys". 1 with *who and *cue
 * ("in") set, else 0. */
static int poll_after(const td_qctx *c, size_t target, td_span *who, td_span *cue) {
  static const char *const polls[] = {"poll", "polls", "polling", "survey", "surveys", NULL};
  static const char *const clauses[] = {"that", "which", "who", "whom", "where", "when", NULL};
  for (size_t k = target + 1; k + 1 < c->nw && k < target + 40; k++) {
    /* (within the number's clause: not past a dash or a clause of its
     * own, `assurances that Mr. Trump's polls`, `colleagues -- Rubio,
     * running third in most Iowa polls`) */
    if ((c->w[k].flags & (TD_QW_SEND | TD_QW_PARA | TD_QW_QOPEN | TD_QW_QCLOSE)) || aside_dash(c, k) ||
        is_punct(c, k, ";:(") || c->w[k].upos == TD_SCONJ || td_qword_in(&c->w[k], clauses))
      break;
    if (strcmp(c->w[k].lw, "in") != 0) continue;
    /* (a noun phrase of up to eight words: articles, adjectives, names,
     * nouns, a slash or hyphen between names) */
    for (size_t x = k + 1; x < c->nw && x < k + 9; x++) {
      const td_qword *w = &c->w[x];
      if (w->flags & TD_QW_PARA) break;
      /* (the head, no modifier: not `national polling averages`) */
      if (td_qword_in(w, polls) && w->upos != TD_VERB &&
          !(x + 1 < c->nw && (c->w[x + 1].upos == TD_NOUN || c->w[x + 1].upos == TD_PROPN))) {
        who->start = c->w[k + 1].s, who->end = w->e;
        cue->start = c->w[k].s, cue->end = c->w[k].e;
        return 1;
      }
      if ((w->flags & TD_QW_PUNCT) ? !is_punct(c, x, "/-")
                                   : !(w->upos == TD_DET || w->upos == TD_ADJ || w->upos == TD_NOUN ||
                                       w->upos == TD_PROPN || w->upos == TD_NUM))
        break;
    }
  }
  return 0;
}

/* A number in a paragraph right after one that ends in a cue and a colon
 * ("Soerens argued that:", "the Heritage Foundation website notes:",
 * "Fox News reports:") is claimed by that cue's subject: the paragraph is
 * what was said, set off without quotation marks. Its first 200 words
 * only. */
static int block_after_colon(const td_qctx *c, size_t target, td_span *who, td_span *cue) {
  size_t p = target;
  while (p > 0 && p + 200 > target && !(c->w[p].flags & TD_QW_PARA)) p--;
  if (p < 2 || !(c->w[p].flags & TD_QW_PARA) || !is_punct(c, p - 1, ":")) return 0;
  if (speaker_before(c, p - 1, 12, who, cue) == 1) return 1;
  who->start = who->end = cue->start = cue->end = 0;
  return 0;
}

/* Whether a quotation mark stands between words a and b. */
static int quote_between(const td_qctx *c, size_t a, size_t b) {
  for (size_t x = a; x < b && x < c->nw; x++)
    if (c->w[x].flags & (TD_QW_QOPEN | TD_QW_QCLOSE)) return 1;
  return 0;
}

static int find_claimant(const td_qctx *c, size_t target, td_span *who, td_span *cue) {
  if (owner_of_estimate(c, target, who, cue)) return 1;
  /* "according to X" anywhere in the sentence */
  size_t s = target;
  while (s > 0 && !(c->w[s - 1].flags & TD_QW_SEND) && !(c->w[s].flags & TD_QW_PARA)) s--;
  for (size_t k = s; k < c->nw && k < s + 80; k++) {
    int kind = 0, n = td_cue_at(c, k, &kind);
    if (n && kind == TD_CUE_ACCORDING && np_after(c, k + (size_t)n, who)) {
      cue->start = c->w[k].s, cue->end = c->w[k + (size_t)n - 1].e;
      return 1;
    }
    if (c->w[k].flags & TD_QW_SEND) break;
  }
  if (speaker_before(c, target, 40, who, cue) == 1) {
    /* a report in the passive names no claimant: "Chelsea were reported to
     * have made inquiries", "Inter are reported to have slapped a price tag
     * of £40m", "the economy is now expected to grow", "is it expected to
     * cost" (the subject is what the report is about) */
    size_t k = td_qword_at(c, cue->start);
    int passive = passive_at(c, k);
    /* a finding, or a report in the passive, told by a speaker is the
     * speaker's claim: "Mr Roe said the industry expects $10bn", "Homeowners
     * expect prices to rise by 1%, Mr Roe said", "Roe added that inflation
     * is expected to remain at 3%" */
    if (passive || is_finding(c, k)) {
      td_span w2, c2;
      if ((!is_finding(c, k) || is_forecast(c, k)) && speaker_end(c, target, &w2, &c2)) {
        *who = w2, *cue = c2;
        return 1;
      }
      /* (a cue word inside the finding's subject is its noun, no speech:
       * `Initial reports put the toll at 50`) */
      /* (not past a quoted phrase: `the BMA said staff were "weeping" as
       * figures showed 311,000 people were waiting` is the figures') */
      if (speaker_before(c, k, 30, &w2, &c2) == 1 && (passive || !is_finding(c, td_qword_at(c, c2.start))) &&
          !quote_between(c, td_qword_at(c, c2.end), k) &&
          !passive_at(c, td_qword_at(c, c2.start)) && (passive || c2.end <= who->start)) {
        *who = w2, *cue = c2;
        return 1;
      }
    }
    if (!passive) return 1;
    who->start = who->end = cue->start = cue->end = 0; /* a claimant after it may still name one */
  }
  if (speaker_end(c, target, who, cue)) return 1;
  if (claimant_before(c, s, target, who, cue)) return 1;
  if (poll_after(c, target, who, cue)) return 1;
  return block_after_colon(c, target, who, cue);
}

/* ---- references to other layers ---- */

int td_sent_of(const td_doc *doc, uint32_t b) {
  if (!doc->nsents) return -1;
  size_t lo = 0, hi = doc->nsents;
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->sents[mid].start <= b) lo = mid;
    else hi = mid;
  }
  return (int)lo;
}

/* ---- quotations ---- */

typedef struct qcand {
  size_t open, close;     /* word indexes of the marks */
  td_span parts[8];       /* inner text per paragraph */
  int nparts;
  int done;
} qcand;

/* Pairs the double quotation marks of the text. A quotation that runs on
 * into the next paragraph continues when that paragraph opens with a mark
 * (one opening mark per paragraph, one closing at the end); a mark left
 * open at a paragraph end otherwise is dropped. A quotation inside a
 * quotation in the same marks (`“… what he calls “hell” than …”`) is part
 * of the outer one when the outer one closes in the same paragraph; when
 * it does not (a closing mark left out before a new quotation), the inner
 * pair is the quotation, as if the first mark were not there. */
/* Whether a quotation left open at the end of the paragraph before word i
 * (a paragraph's first word, no opening mark) goes on in this paragraph:
 * its only quotation mark closes at its end, and it reads as running
 * speech, opening with a lowercase word (a sentence the paragraph break
 * cut: `… getting them to participate personally` / `in caucuses and
 * primaries.”`) or holding a verb (`said, "I think we have learned a lot
 * from today's game.` / `It was a very emotional day. … to focus
 * better."`); not a line naming the speaker under the quotation with the
 * mark misplaced after it (`Amy Pope, deputy homeland security
 * advisor."`). Reads up to 400 words, once per paragraph that follows an
 * open quotation. */
static int goes_on_unmarked(const td_qctx *c, size_t i) {
  int speech = !(c->w[i].flags & (TD_QW_CAP | TD_QW_PUNCT | TD_QW_DIGIT));
  for (size_t j = i; j < c->nw && j < i + 400; j++) {
    const td_qword *w = &c->w[j];
    if ((j > i && (w->flags & TD_QW_PARA)) || (w->flags & TD_QW_QOPEN)) return 0;
    if (w->flags & TD_QW_QCLOSE) {
      size_t k = j + 1;
      while (k < c->nw && !(c->w[k].flags & TD_QW_PARA) && is_punct(c, k, ".,;:!?)")) k++;
      return speech && j > i && (k >= c->nw || (c->w[k].flags & TD_QW_PARA));
    }
    speech |= w->upos == TD_VERB || w->upos == TD_AUX;
  }
  return 0;
}

static size_t pair_marks(const td_qctx *c, qcand **out) {
  td_arena *a = &c->doc->arena;
  qcand *q = NULL;
  size_t n = 0, cap = 0;
  qcand cur, outer, inner;
  int open = 0;
  int nested = 0;  /* cur is an inner quotation, outer is open around it */
  int pending = 0; /* inner closed, outer (cur) still open */
  /* nothing happens before the first opening mark (perf, issue 11) */
  for (size_t i = c->open0; i < c->nw; i++) {
    const td_qword *w = &c->w[i];
    if (open && (w->flags & TD_QW_PARA) && i > cur.open) {
      /* paragraph change inside a quotation */
      if (pending) {
        /* the outer mark never closed: the inner pair is the quotation */
        TD_AGROW(a, q, cap, n + 1);
        q[n++] = inner;
        pending = 0, open = 0;
      }
      nested = 0;
      if (open && (w->flags & TD_QW_QOPEN) && cur.nparts < 7) {
        cur.parts[cur.nparts - 1].end = c->w[i - 1].e;
        cur.parts[cur.nparts].start = w->e;
        cur.nparts++;
        continue;
      }
      /* (or with no mark, where the paragraph's only mark closes it at
       * its end: goes_on_unmarked) */
      if (open && cur.nparts < 7 && goes_on_unmarked(c, i)) {
        cur.parts[cur.nparts - 1].end = c->w[i - 1].e;
        cur.parts[cur.nparts].start = w->s;
        cur.nparts++;
        continue;
      }
      open = 0;
    }
    if ((w->flags & TD_QW_QOPEN)) {
      if (open && !nested && !pending && cur.nparts < 7 && i > cur.open + 2 &&
          is_punct(c, i - 1, ".?!")) {
        /* an opening mark right after a sentence end inside the quotation
         * is a paragraph break flattened into a space (`… never be caught.
         * "They were wrong. …"`, frequent in copied wire text): the
         * quotation goes on with a new part, as across paragraphs. Taken
         * for a quotation inside it, the part before was lost with its
         * speaker. */
        cur.parts[cur.nparts - 1].end = c->w[i - 1].e;
        cur.parts[cur.nparts].start = w->e;
        cur.nparts++;
        continue;
      }
      if (open && !nested && !pending && cur.nparts == 1) {
        outer = cur, nested = 1; /* a quotation inside the quotation */
      } else if (pending) {
        /* a third opening: the first mark was left open */
        TD_AGROW(a, q, cap, n + 1);
        q[n++] = inner;
        pending = 0;
      } else {
        nested = 0;
      }
      memset(&cur, 0, sizeof cur);
      cur.open = i, cur.nparts = 1, cur.parts[0].start = w->e;
      open = 1;
    } else if ((w->flags & TD_QW_QCLOSE) && open) {
      cur.close = i;
      cur.parts[cur.nparts - 1].end = w->s;
      if (nested) {
        inner = cur, cur = outer, nested = 0, pending = 1;
        continue;
      }
      TD_AGROW(a, q, cap, n + 1);
      q[n++] = cur;
      open = 0, pending = 0;
    }
  }
  if (pending) {
    TD_AGROW(a, q, cap, n + 1);
    q[n++] = inner;
  }
  *out = q;
  return n;
}

static size_t words_in(const td_qctx *c, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to; i++)
    if (!(c->w[i].flags & TD_QW_PUNCT)) n++;
  return n;
}

/* A word of two or more letters, all capitals ("WORLD", "NEWS"). */
static int all_caps(const td_qctx *c, const td_qword *w) {
  int letters = 0;
  for (uint32_t i = w->s; i < w->e; i++) {
    char ch = c->doc->text[i];
    if (ch >= 'a' && ch <= 'z') return 0;
    if (ch >= 'A' && ch <= 'Z') letters++;
  }
  return letters >= 2 && !(w->flags & TD_QW_PUNCT);
}

/* Whether the quotation starts a clause of its own (a full quotation) or
 * continues the writer's sentence (a partial one). */
/* Whether the words of the sentence before the comma at word e are only
 * connectives and an adverbial, nothing the quotation could complete:
 * `Still,`, `But,`, `And yet,`, `At the same time,`, `On Monday,` (a
 * conjunction or adverbs, or a preposition and up to five words with no
 * verb or pronoun); not `An economic downturn,` nor `He praised its
 * critics, including,`. */
static int adverbial_only(const td_qctx *c, size_t e) {
  size_t s = e;
  while (s > 0 && e - s < 8 && !(c->w[s - 1].flags & TD_QW_SEND) && !(c->w[s].flags & TD_QW_PARA)) s--;
  if (s == e || (s > 0 && !(c->w[s - 1].flags & TD_QW_SEND) && !(c->w[s].flags & TD_QW_PARA))) return 0;
  while (s < e && (c->w[s].upos == TD_CCONJ || c->w[s].upos == TD_ADV || is_adverb(&c->w[s]))) s++;
  if (s == e) return 1;
  if (c->w[s].upos != TD_ADP || e - s > 6) return 0;
  for (size_t x = s + 1; x < e; x++)
    if (c->w[x].upos == TD_VERB || c->w[x].upos == TD_AUX || c->w[x].upos == TD_PRON ||
        (c->w[x].flags & (TD_QW_PUNCT | TD_QW_QOPEN | TD_QW_QCLOSE)))
      return 0;
  return 1;
}

static int starts_clause(const td_qctx *c, const qcand *q) {
  static const char *const embed_words[] = {"that", "because", "since", NULL};
  size_t o = q->open;
  if (o == 0 || (c->w[o].flags & TD_QW_PARA)) return 1;
  const td_qword *p = &c->w[o - 1];
  int lower = o + 1 < c->nw && !(c->w[o + 1].flags & (TD_QW_CAP | TD_QW_PUNCT | TD_QW_DIGIT));
  if (p->flags & TD_QW_SEND) return 1;
  /* after a headline in capitals (`TRUMP SPEAKS “…`), not after an
   * acronym inside a sentence (`the SVP “must be careful …”`) */
  if (all_caps(c, p) && ((p->flags & TD_QW_PARA) || (o >= 2 && all_caps(c, &c->w[o - 2]))))
    return 1;
  if (p->flags & TD_QW_PUNCT) {
    char ch = c->doc->text[p->s];
    if (ch == ':' || ch == '(' || ch == '.' || ch == '?' || ch == '!') return 1;
    if (ch == ',' || ch == ';' || (unsigned char)ch == 0xE2 || aside_dash(c, o - 1)) {
      /* a comma after a complementizer or a conjunction: the writer's
       * clause goes on into the quotation (`Trump tweeted that, “For …`,
       * `a problem because, “In the end, …`): partial */
      if (ch == ',' && o >= 2 && td_qword_in(&c->w[o - 2], embed_words)) return 0;
      /* after "said," a quotation is full; after another comma only when
       * it opens with a capital */
      if (o >= 2) {
        int kind = 0;
        for (size_t k = o - 1; k-- > 0 && k + 4 >= o;)
          if (td_cue_at(c, k, &kind) && k + (size_t)td_cue_at(c, k, &kind) == o - 1) {
            /* "An economic downturn, he said, “could be a good time …”":
             * the writer's sentence began before the cue and the
             * quotation, lowercase, completes it: partial */
            td_span who;
            if (lower && subject_before(c, k, &who)) {
              size_t ws = td_qword_at(c, who.start);
              if (ws > 1 && is_punct(c, ws - 1, ",") && !(c->w[ws - 2].flags & TD_QW_SEND) &&
                  !(c->w[ws].flags & TD_QW_PARA) && !adverbial_only(c, ws - 1))
                return 0;
            }
            return 1;
          }
        /* "told his supporters, “our nation …" */
        for (size_t k = o - 1; k-- > 0 && k + 5 >= o;) {
          if (c->w[k].flags & (TD_QW_PUNCT | TD_QW_SEND)) break;
          int n = td_cue_at(c, k, &kind);
          if (n && kind == TD_CUE_TELL && k + (size_t)n < o - 1) return 1;
        }
      }
      return !lower;
    }
    return 0;
  }
  /* after a byline of the previous quotation: `”― Jacklyn Ashley “…` */
  for (size_t k = o; k-- > 0 && k + 6 >= o;) {
    if (is_dash(c, k) || is_bar(c, k)) {
      if (k > 0 && (c->w[k - 1].flags & TD_QW_QCLOSE) && !lower) return 1;
      break;
    }
    if (!(c->w[k].flags & TD_QW_CAP) && !is_punct(c, k, ".")) break;
  }
  int kind = 0;
  size_t nw = words_in(c, o + 1, q->close);
  for (size_t k = o; k-- > 0 && k + 4 >= o;) {
    int n = td_cue_at(c, k, &kind);
    if (n && k + (size_t)n == o && kind != TD_CUE_NAME && kind != TD_CUE_ACCORDING &&
        (!lower || nw >= 4))
      return 1;
  }
  /* "... that “...”" is partial also when it runs over several sentences
   * (`an aide told reporters that "the plan stands. We will …"`): the
   * writer's sentence goes on into it, as PolNeAR annotates it (a Content
   * that opens at "that") */
  return 0;
}

/* Whether word i is an en or em dash (or "--"). */
static int is_dash(const td_qctx *c, size_t i) {
  const td_qword *w = &c->w[i];
  if (!(w->flags & TD_QW_PUNCT)) return 0;
  uint32_t d = td_dash(c->doc->text + w->s, w->e - w->s);
  if (d == 0x2013 || d == 0x2014) return 1;
  return d == '-' && i > 0 && c->w[i - 1].e == w->s && is_punct(c, i - 1, "-");
}

/* Whether word i is an em dash (U+2014). */
static int is_em_dash(const td_qctx *c, size_t i) {
  const td_qword *w = &c->w[i];
  const unsigned char *t = (const unsigned char *)c->doc->text + w->s;
  return (w->flags & TD_QW_PUNCT) && w->e - w->s == 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0x94;
}

/* Whether word i is a horizontal bar (U+2015), which sets off a byline:
 * `"…" ― Carla Sanchez`. */
static int is_bar(const td_qctx *c, size_t i) {
  const td_qword *w = &c->w[i];
  const unsigned char *t = (const unsigned char *)c->doc->text + w->s;
  return (w->flags & TD_QW_PUNCT) && w->e - w->s == 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0x95;
}

/* Whether word i is a dash that sets off an aside: an en or em dash,
 * "--", or a hyphen with a space on each side (`Saddam Hussein - ''He
 * would …,'' Mr. Biden said - and`). */
static int aside_dash(const td_qctx *c, size_t i) {
  const td_qword *w = &c->w[i];
  if (is_dash(c, i)) return 1;
  return (w->flags & TD_QW_PUNCT) && w->e - w->s == 1 && c->doc->text[w->s] == '-' && w->s > 0 &&
         c->doc->text[w->s - 1] == ' ' && w->e < c->doc->len && c->doc->text[w->e] == ' ';
}

/* Whether the opening mark at o follows a speech cue directly, or with a
 * comma or colon between: `saying "Too many."`, `asked, "Really?"`. */
static int after_cue(const td_qctx *c, size_t o) {
  size_t e = o;
  if (e > 0 && is_punct(c, e - 1, ",:")) e--;
  for (size_t k = e; k-- > 0 && k + 4 >= e;) {
    if (c->w[k].flags & (TD_QW_PUNCT | TD_QW_SEND)) return 0;
    int kind = 0, n = td_cue_at(c, k, &kind);
    if (n && k + (size_t)n == e) return kind != TD_CUE_NAME && kind != TD_CUE_ACCORDING;
  }
  return 0;
}

/* Whether the paragraph holding word i is a headline in title case: every
 * word of four letters or more capitalized, at least four of them. */
static int title_case_para(const td_qctx *c, size_t i) {
  size_t s = i, n = 0;
  while (s > 0 && !(c->w[s].flags & TD_QW_PARA)) s--;
  for (size_t k = s; k < c->nw && (k == s || !(c->w[k].flags & TD_QW_PARA)); k++) {
    const td_qword *w = &c->w[k];
    if (w->flags & (TD_QW_PUNCT | TD_QW_DIGIT) || w->e - w->s < 4) continue;
    if (!(w->flags & TD_QW_CAP)) return 0;
    n++;
  }
  return n >= 4;
}

/* Whether the writer's sentence runs on after the closing mark with words
 * of its own: `"I have not heard that particular concern" from New York
 * officials`, `"I held and hugged" grieving families`. The quotation then
 * is part of a clause of the writer's, a partial one. Not when the mark
 * ends on punctuation ("...," a reporter asked) or a cue, a pronoun or a
 * noun phrase that may be the speaker follows ("..." the group shouted). */
static int runs_on(const td_qctx *c, const qcand *q) {
  static const char *const np_start[] = {
      "a", "an", "the", "this", "one", "another", "some", "his", "her", "their", "its", "our",
      "my", "your", "several", "many", "both", "all", "each", "two", "three", "most", "few",
      "protesters", "supporters", "critics", "officials", "people", "fans", NULL};
  size_t a = q->close + 1;
  if (q->close > 0 && a < c->nw && (c->w[a].flags & TD_QW_CAP) &&
      !(c->w[a].flags & (TD_QW_PARA | TD_QW_QOPEN)) && !(c->w[q->close - 1].flags & TD_QW_PUNCT) &&
      title_case_para(c, q->open))
    return 1; /* a headline goes on: `Bernie Sanders: ‘Of Course’ Hillary Clinton Is Qualified` */
  if (q->close == 0 || a >= c->nw || (c->w[a].flags & (TD_QW_PARA | TD_QW_PUNCT | TD_QW_CAP |
                                                       TD_QW_DIGIT | TD_QW_QOPEN)))
    return 0;
  /* (a closing bracket ends a title as a word does: `"American Skin (41
   * Shots)" was written by …`) */
  if ((c->w[q->close - 1].flags & TD_QW_PUNCT) && !is_punct(c, q->close - 1, ")]")) return 0;
  int kind = 0;
  if (td_cue_at(c, a, &kind) || td_qword_in(&c->w[a], pronouns) ||
      td_qword_in(&c->w[a], np_start) || ed_verb(c, a))
    return 0;
  return 1;
}

/* A short quoted modifier or a title: `a "two-plus-two" meeting`, `on
 * "The View"`. Such marks carry no speaker and make no quotation. */
/* Whether a noun naming a work follows the quotation closing at word
 * `close` in apposition: `''Tales From the Crypt,'' an HBO series`,
 * `“Hail to the Chief,” the president's anthem` — an article or a
 * possessive determiner after the comma, the noun within four words, not
 * itself a possessive (`"…," the film's director said`) and no cue on
 * the way. */
static int work_after(const td_qctx *c, size_t close, const char *const *nouns) {
  static const char *const dets[] = {"a", "an", "the", "his", "her", "its", "their", NULL};
  size_t b = close + 1;
  if (!is_punct(c, close - 1, ",") && b < c->nw && is_punct(c, b, ",")) b++;
  if (!is_punct(c, close - 1, ",") && !is_punct(c, b - 1, ",")) return 0;
  if (b >= c->nw || (c->w[b].flags & TD_QW_PARA) || !td_qword_in(&c->w[b], dets)) return 0;
  for (size_t k = b + 1; k < c->nw && k <= b + 4; k++) {
    const td_qword *w = &c->w[k];
    int kind = 0;
    if ((w->flags & (TD_QW_PUNCT | TD_QW_PARA)) || td_cue_at(c, k, &kind)) return 0;
    if (!td_qword_in(w, nouns)) continue;
    return !(k + 1 < c->nw && possessive_mark(c, k + 1)) &&
           !(k + 1 < c->nw && (strcmp(c->w[k + 1].lw, "'s") == 0 || strcmp(c->w[k + 1].lw, "\xe2\x80\x99s") == 0));
  }
  return 0;
}

static int is_scare_or_title(const td_qctx *c, const qcand *q) {
  static const char *const title_nouns[] = {
      "book", "books", "memoir", "novel", "commentary", "column", "op-ed", "essay", "article",
      "film", "movie", "documentary", "song", "album", "titled", "entitled", "headlined",
      "podcast", "concert", "biography", "series", "musical", "poem", "play", "sitcom", NULL};
  size_t nw = words_in(c, q->open + 1, q->close);
  /* a title after the noun it names: `his book, ''Make Your Kid a
   * Millionaire,''`, `Ouisa Davis' commentary, "Melania, …,"` */
  if (nw >= 1 && nw <= 8 && q->open >= 1) {
    size_t k = q->open - 1;
    if (is_punct(c, k, ",") && k > 0) k--;
    /* (not an addressee: `told the podcast, "…"`) */
    int told = 0, kind = 0;
    for (size_t j = k; j-- > 0 && j + 4 > k && !told;)
      told = td_cue_at(c, j, &kind) && kind == TD_CUE_TELL;
    if (td_qword_in(&c->w[k], title_nouns) && !told) return 1;
  }
  size_t after = q->close + 1;
  /* a work and its author after a comma: `''This Kind of War,'' by T.R.
   * Fehrenbach`, `"Met accused of whitewashing …," by Post's Kathianne
   * Boniello` (not a passive's agent, `"idle speculation" by Downing
   * Street`, which has no comma) */
  if (nw >= 1 && nw <= 12 && (c->w[q->open + 1].flags & (TD_QW_CAP | TD_QW_DIGIT))) {
    size_t b = after;
    int comma = is_punct(c, q->close - 1, ",");
    if (!comma && b < c->nw && is_punct(c, b, ",")) b++, comma = 1;
    if (comma && b + 1 < c->nw && strcmp(c->w[b].lw, "by") == 0 && (c->w[b + 1].flags & TD_QW_CAP) &&
        !(c->w[b + 1].flags & TD_QW_PUNCT))
      return 1;
  }
  /* a question or an exclamation is said, not named: chanted "What curfew?" */
  int said = q->close > q->open + 1 && is_punct(c, q->close - 1, "?!") && after_cue(c, q->open);
  if (said) return 0;
  if (nw <= 3 && after < c->nw && !(c->w[after].flags & (TD_QW_PUNCT | TD_QW_CAP)) &&
      !in_set(np_stop_set, &c->w[after]) && strcmp(c->w[after].lw, "of") != 0 &&
      q->open > 0 && !(c->w[q->open - 1].flags & TD_QW_PUNCT)) {
    int kind = 0;
    if (!td_cue_at(c, after, &kind)) return 1;
  }
  /* every content word capitalized, no sentence punctuation: a title.
   * A title opens with a capital or a digit: words of four letters or
   * less in lowercase ("this is not over", "no way") are no title but
   * speech (`he said "this is not over" and left`). */
  if (nw >= 1 && nw <= 8 && (c->w[q->open + 1].flags & (TD_QW_CAP | TD_QW_DIGIT | TD_QW_PUNCT))) {
    for (size_t i = q->open + 1; i < q->close; i++) {
      const td_qword *w = &c->w[i];
      if (w->flags & TD_QW_PUNCT) {
        /* the writer's period or comma kept inside the marks: `on
         * ''Meet the Press.''` (two words or more, the first and the last
         * capitalized), not after a cue (`said "Go Home."`) */
        if (i + 1 == q->close && nw >= 2 && is_punct(c, i, ".,") && !after_cue(c, q->open) &&
            (c->w[q->open + 1].flags & TD_QW_CAP) && (c->w[i - 1].flags & TD_QW_CAP))
          continue;
        if (is_punct(c, i, ".?!,")) return 0;
        continue;
      }
      if (!(w->flags & (TD_QW_CAP | TD_QW_DIGIT)) && w->e - w->s > 4) return 0;
    }
    if (work_after(c, q->close, title_nouns)) return 1;
    if (q->open == 0 || (c->w[q->open].flags & TD_QW_PARA)) return 0;
    if (!(c->w[q->open - 1].flags & TD_QW_PUNCT)) return 1;
    /* one in a list of titles: `named “Criminal Minds,” “Game of
     * Thrones,” “Breaking Bad” and “Veep”` */
    if (q->open >= 2 && (c->w[q->open - 1].flags & TD_QW_QCLOSE) && is_punct(c, q->open - 2, ",") &&
        (c->w[q->open + 1].flags & TD_QW_CAP))
      return 1;
    /* after a noun and a comma, not a cue: `his comedy project, “Latin
     * History for Dummies,” the actor said`, `his memoir, ''A Time for
     * Truth,'' published in 2015` */
    return q->open >= 2 && is_punct(c, q->open - 1, ",") &&
           !(c->w[q->open - 2].flags & (TD_QW_PUNCT | TD_QW_SEND)) &&
           (c->w[q->open + 1].flags & TD_QW_CAP) && !after_cue(c, q->open);
  }
  return 0;
}

/* Inner text of a part, without the comma that belongs to the sentence. */
static td_span trim_part(const td_doc *d, td_span s) {
  while (s.end > s.start && (d->text[s.end - 1] == ' ' || d->text[s.end - 1] == '\n')) s.end--;
  if (s.end > s.start && d->text[s.end - 1] == ',') s.end--;
  while (s.start < s.end && d->text[s.start] == ' ') s.start++;
  return s;
}

static int is_pronoun(const td_qctx *c, td_span who) {
  size_t i = td_qword_at(c, who.start);
  return i < c->nw && c->w[i].e == who.end && td_qword_in(&c->w[i], pronouns);
}

/* The pronoun who can stand for actor k (-1: none): `it` and `they` for
 * no person (`"...," it added` after a person's quotation is the firm
 * or agency the actors layer could not name, not that person). (`he`
 * after `a spokesman for Dorvan said` goes on Dorvan, as that did.) */
static int pronoun_fits(const td_qctx *c, td_span who, int k) {
  if (k < 0) return 1;
  const char *kind = c->doc->actors[k].kind;
  size_t i = td_qword_at(c, who.start);
  const char *w = c->w[i].lw;
  if (strcmp(w, "it") == 0 || strcmp(w, "they") == 0) return !(kind && strcmp(kind, "person") == 0);
  return 1;
}

/* The issuer of a document named as the speaker ("the statement read",
 * "the readout said"): the first actor mentioned in the nearest sentence
 * before it, within 120 words, that names the same kind of document ("The
 * Pentagon issued a statement on Friday", "In a statement, the White House
 * said"). -1 when the speaker is no document or no issuer is found. */
static int issuer_of(const td_qctx *c, td_span who) {
  const td_doc *d = c->doc;
  size_t h = td_qword_at(c, who.end);
  if (h == 0 || h > c->nw) return -1;
  const td_qword *head = &c->w[h - 1];
  if (!td_qword_in(head, doc_nouns)) return -1;
  size_t lo = h > 120 ? h - 120 : 0;
  for (size_t k = td_qword_at(c, who.start); k-- > lo;) {
    if (strcmp(c->w[k].lw, head->lw) != 0) continue;
    td_span by;
    /* "a statement from the Pentagon" */
    if (k + 1 < c->nw && (strcmp(c->w[k + 1].lw, "from") == 0 || strcmp(c->w[k + 1].lw, "by") == 0) &&
        np_after(c, k + 2, &by))
      return td_actor_at(d, by.start, by.end);
    /* "The Pentagon issued a statement", "In a statement, the White House said" */
    if (sentence_subject(c, k, &by) && by.end <= c->w[k].s) return td_actor_at(d, by.start, by.end);
    if (k + 2 < c->nw && is_punct(c, k + 1, ",")) {
      /* the subject follows the opener that names the document */
      size_t e = k + 2;
      while (e < c->nw && e < k + 10 && (np_word(c, e) || strcmp(c->w[e].lw, "'s") == 0)) e++;
      if (e > k + 2) return td_actor_at(d, c->w[k + 2].s, c->w[e - 1].e);
    }
    return -1;
  }
  return -1;
}

static int found_cb(void *found, const td_match *m) {
  (void)m;
  *(int *)found = 1;
  return 1;
}

/* Whether word i is a noun that names a person or a body that can speak:
 * a name (a capital letter in it), a title or sector word
 * (data/actors/sectors.dict.tsv), a word of data/quotes/speakers.dict.tsv,
 * a noun in -man/-men (-woman, -women), -person, -people or -ist(s), or
 * the mention of an actor. */
static int speaker_noun(const td_qctx *c, size_t i) {
  static const char *const cls[] = {"title", "sector", "quotes.speaker", NULL};
  const td_qword *w = &c->w[i];
  if (w->flags & TD_QW_CAP) return 1;
  for (uint32_t b = w->s; b < w->e; b++) /* `l'Audiovisuel`, `McDonald` */
    if (c->doc->text[b] >= 'A' && c->doc->text[b] <= 'Z') return 1;
  /* (a possessive is its noun's: `The airline's reply was:`) */
  char buf[64];
  size_t n = strlen(w->lw);
  if (n >= sizeof buf) return 0;
  memcpy(buf, w->lw, n + 1);
  if (n > 2 && strcmp(buf + n - 2, "'s") == 0) buf[n -= 2] = 0;
  static const char *const ends[] = {"man", "men", "person", "people", "ist", "ists", NULL};
  for (int k = 0; ends[k]; k++) {
    size_t m = strlen(ends[k]);
    if (n >= m && strcmp(buf + n - m, ends[k]) == 0) return 1;
  }
  const td_doc *d = c->doc;
  if (td_actor_at(d, w->s, w->e) >= 0) return 1;
  int found = 0;
  if (d->eng && d->eng->dict) td_dict_lookup(d->eng->dict, buf, cls, found_cb, &found);
  return found;
}

/* Whether the subject before a colon (sentence_subject) may be the
 * speaker of the quotation after it: a pronoun (not `it`), a document its
 * issuer is known for, or a phrase whose head names a person or a body
 * (speaker_noun; the head after a time word is the word before it: `Mr
 * Howard last week`), and, in a phrase with `of`, also the word before
 * it (`Chairman of the committee X`, not `The timing of Sanders`, `A
 * photograph of Prince Harry`). Else what a possessor said is the
 * possessor's: `Clinton's response was:` → Clinton, `His message to the
 * chancellor was:` → His (*who narrowed to it), and a name after
 * from or by is the speaker (`A lesson from Loretta Lynch:`); `Ballot
 * papers in the poll will ask:` names no one. k: the colon. */
static int colon_speaker(const td_qctx *c, size_t k, td_span *who) {
  static const char *const poss[] = {"his", "her", "their", "our", "my", NULL};
  size_t a = td_qword_at(c, who->start), h = td_qword_at(c, who->end);
  if (h == 0 || h > c->nw || a >= h) return 0;
  if (is_pronoun(c, *who)) return strcmp(c->w[a].lw, "it") != 0;
  if (issuer_of(c, *who) >= 0) return 1;
  size_t e = h - 1;
  while (e > a && (in_set(time_words_set, &c->w[e]) || strcmp(c->w[e].lw, "last") == 0 ||
                   strcmp(c->w[e].lw, "next") == 0))
    e--;
  int ok = speaker_noun(c, e);
  for (size_t x = a + 1; ok && x < e; x++)
    if (strcmp(c->w[x].lw, "of") == 0) {
      ok = speaker_noun(c, x - 1);
      break;
    }
  if (ok) return 1;
  if (td_qword_in(&c->w[a], poss)) {
    who->end = c->w[a].e;
    return 1;
  }
  for (size_t x = a; x < e; x++) {
    size_t n = strlen(c->w[x].lw);
    int apart = x > a && strcmp(c->w[x].lw, "'s") == 0;
    if (!apart && !(n > 2 && strcmp(c->w[x].lw + n - 2, "'s") == 0)) continue;
    size_t p = apart ? x - 1 : x; /* `Clinton 's` or `Clinton’s` */
    if (!speaker_noun(c, p)) return 0;
    who->end = c->w[p].e;
    return 1;
  }
  /* `A lesson from Loretta Lynch:` (a headline): the name after from or by */
  td_span by;
  if (h + 1 < c->nw && (strcmp(c->w[h].lw, "from") == 0 || strcmp(c->w[h].lw, "by") == 0) &&
      (c->w[h + 1].flags & TD_QW_CAP) && np_after(c, h + 1, &by) && by.end <= c->w[k].s &&
      speaker_noun(c, td_qword_at(c, by.end) - 1)) {
    *who = by;
    return 1;
  }
  return 0;
}

/* A clause before the colon at word k that is only a source: `From the
 * report:`, `From Bush's Facebook post:`, `More from Jane Roe and Tom
 * Poe:` (the sentence opens with it, or a dash does); its noun phrase,
 * when colon_speaker takes it (a name, a speaking noun, a document whose
 * issuer is known, a possessor). */
static int from_before_colon(const td_qctx *c, size_t k, td_span *who) {
  size_t s = k;
  while (s > 0 && k - s < 12 && !(c->w[s - 1].flags & TD_QW_SEND) && !(c->w[s].flags & TD_QW_PARA) &&
         !is_dash(c, s - 1) && !is_punct(c, s - 1, "-"))
    s--;
  if (s < k && strcmp(c->w[s].lw, "more") == 0) s++;
  if (s + 1 >= k || strcmp(c->w[s].lw, "from") != 0) return 0;
  for (size_t x = s + 1; x < k; x++)
    if (!np_word(c, x) && strcmp(c->w[x].lw, "'s") != 0 &&
        !(strcmp(c->w[x].lw, "and") == 0 && (c->w[x + 1].flags & TD_QW_CAP)))
      return 0;
  td_span np = {c->w[s + 1].s, c->w[k - 1].e};
  /* a text whose issuer is not known is the source itself (`From the
   * report:`, `From the ruling:`): speaker_text, no actor */
  static const char *const texts[] = {"study", "survey", "article", "ruling", "indictment",
                                      "complaint", "lawsuit", "book", "speech", "column",
                                      "footnote", "document", "documents", NULL};
  if (!colon_speaker(c, k, &np) && !td_qword_in(&c->w[k - 1], doc_nouns) &&
      !td_qword_in(&c->w[k - 1], texts))
    return 0;
  *who = np;
  return 1;
}

/* The object of the verb right before the colon at word k, a name (its
 * last word capitalized) that names someone, when the subject names no
 * one: `The timing doesn't surprise Republican pollster Daron Shaw: "…"`
 * is Shaw's reply (not after a cue, whose subject speaks, nor a place or
 * a time: `arrived in Leeds:`, no verb before). */
static int object_before_colon(const td_qctx *c, size_t k, td_span *who) {
  size_t s = k;
  while (s > 0 && k - s < 6 && !(c->w[s].flags & TD_QW_PARA) && np_word(c, s - 1)) s--;
  if (s == k || s == 0 || (c->w[s].flags & TD_QW_PARA) || !(c->w[k - 1].flags & TD_QW_CAP)) return 0;
  const td_qword *v = &c->w[s - 1];
  int kind = 0;
  if (v->upos != TD_VERB || (v->flags & (TD_QW_CAP | TD_QW_PUNCT)) || td_cue_at(c, s - 1, &kind)) return 0;
  if (!speaker_noun(c, k - 1)) return 0;
  /* (a document's object is what it says: `The report criticised Tony
   * Blair: "…"`) */
  td_span subj;
  if (sentence_subject(c, k, &subj)) {
    size_t h = td_qword_at(c, subj.end - 1);
    if (h < c->nw && td_qword_in(&c->w[h], doc_nouns)) return 0;
  }
  int a = td_actor_at(c->doc, c->w[s].s, c->w[k - 1].e);
  if (a < 0 || !c->doc->actors[a].kind || strcmp(c->doc->actors[a].kind, "person") != 0) return 0;
  who->start = c->w[s].s, who->end = c->w[k - 1].e;
  return 1;
}

/* A quotation given as someone's verdict after its closing mark: `"…,"
 * was Mr Marr's assessment`, `"…," is the dry assessment of Graham Lane,
 * leader of …`: the possessor, or the noun phrase after `of`. j: the word
 * after the closing mark. */
static int verdict_of(const td_qctx *c, size_t j, td_span *who) {
  static const char *const be[] = {"is", "was", NULL};
  static const char *const nouns[] = {"assessment", "verdict", "view", "response", "reply",
                                      "reaction", "advice", "warning", "explanation", "answer",
                                      "conclusion", "retort", "summary", "prediction", NULL};
  if (j + 2 >= c->nw || !td_qword_in(&c->w[j], be)) return 0;
  size_t k = j + 1;
  while (k < c->nw && k < j + 5 && !td_qword_in(&c->w[k], nouns) &&
         !(c->w[k].flags & (TD_QW_PUNCT | TD_QW_SEND | TD_QW_QOPEN | TD_QW_QCLOSE)))
    k++;
  if (k >= c->nw || k == j + 1 || !td_qword_in(&c->w[k], nouns)) return 0;
  /* `Mr Marr's assessment` (the 's a word of its own or not) */
  size_t p = k - 1, n = strlen(c->w[p].lw);
  int apart = strcmp(c->w[p].lw, "'s") == 0 && p > j + 1;
  if (apart || (n > 2 && strcmp(c->w[p].lw + n - 2, "'s") == 0)) {
    size_t e = apart ? p - 1 : p, b = e;
    while (b > j + 1 && (c->w[b - 1].flags & TD_QW_CAP) && np_word(c, b - 1)) b--;
    if (!(c->w[e].flags & TD_QW_CAP)) return 0;
    who->start = c->w[b].s;
    who->end = apart ? c->w[e].e : c->w[e].e - 2;
    return 1;
  }
  if (k + 2 < c->nw && strcmp(c->w[k + 1].lw, "of") == 0 && (c->w[k + 2].flags & TD_QW_CAP) &&
      np_after(c, k + 2, who))
    return 1;
  return 0;
}

static void add_quote(td_qctx *c, const qcand *q, const qcand *q2, int partial, int found,
                      td_span who, td_span cue, double conf, int inherit_speaker) {
  td_doc *d = c->doc;
  TD_AGROW(&d->arena, d->quotes, d->cap_quotes, d->nquotes + 1);
  td_quote *out = &d->quotes[d->nquotes++];
  memset(out, 0, sizeof *out);
  size_t np = (size_t)q->nparts + (q2 ? (size_t)q2->nparts : 0);
  out->spans = td_arena_alloc(&d->arena, np * sizeof(td_span));
  for (int i = 0; i < q->nparts; i++) out->spans[out->nspans++] = trim_part(d, q->parts[i]);
  if (q2)
    for (int i = 0; i < q2->nparts; i++) out->spans[out->nspans++] = trim_part(d, q2->parts[i]);
  out->span.start = out->spans[0].start;
  out->span.end = out->spans[out->nspans - 1].end;
  if (out->nspans == 1) out->spans = NULL, out->nspans = 0;
  out->partial = partial;
  out->speaker = -1;
  out->time = -1;
  if (found) {
    out->speaker_span = who, out->cue_span = cue;
    out->speaker = td_actor_at(d, who.start, who.end);
    if (out->speaker < 0 && is_pronoun(c, who) && pronoun_fits(c, who, inherit_speaker))
      out->speaker = inherit_speaker;
    if (out->speaker < 0) out->speaker = issuer_of(c, who);
    out->time = cue.end > cue.start ? td_time_for_span(d, cue.start, cue.end)
                              : td_time_for_span(d, out->span.start, out->span.end);
    /* a time inside the quotation is what the speaker talks about */
    if (out->time >= 0 && d->times[out->time].span.start >= out->span.start &&
        d->times[out->time].span.end <= out->span.end)
      out->time = -1;
  }
  out->sentence = td_sent_of(d, c->w[q->open].s);
  out->confidence = conf;
}

/* Whether the words between a closing mark and the next opening mark are
 * no more than the cue's sentence ("...," he said on Saturday. "..."). */
static int close_to(const td_qctx *c, size_t close, size_t open) {
  int ends = 0;
  if (open <= close || open - close > 60) return 0;
  for (size_t k = close + 1; k < open; k++)
    if (c->w[k].flags & TD_QW_SEND) ends++;
  return ends <= 2;
}

/* Whether a sentence of its own stands between a quotation closing at
 * word close and one opening at word open, about a person other than the
 * speaker of the quotation before (the last one found): `"… gone soon."
 * His friend, Saxon Spence, …, lays the blame on one issue. "You cannot
 * …"` is no more of the quotation before. */
static int other_subject(const td_qctx *c, size_t close, size_t open) {
  if (open < 2 || !(c->w[open - 1].flags & TD_QW_SEND) || !c->doc->nquotes) return 0;
  size_t s0 = open - 1;
  while (s0 > 0 && !(c->w[s0 - 1].flags & TD_QW_SEND) && !(c->w[s0].flags & TD_QW_PARA)) s0--;
  if (s0 <= close) return 0; /* (the cue's own sentence: `"…," he said. "…"`) */
  td_span subj;
  if (!sentence_subject(c, open - 1, &subj)) return 0;
  int a = td_actor_at(c->doc, subj.start, subj.end);
  int last = c->doc->quotes[c->doc->nquotes - 1].speaker;
  return a >= 0 && a != last && c->doc->actors[a].kind && strcmp(c->doc->actors[a].kind, "person") == 0 &&
         !is_pronoun(c, subj);
}

/* Appends the parts of candidate q to quotation out. */
static void extend_quote(td_qctx *c, td_quote *out, const qcand *q) {
  td_doc *d = c->doc;
  size_t old = out->nspans ? out->nspans : 1;
  td_span *sp = td_arena_alloc(&d->arena, (old + (size_t)q->nparts) * sizeof(td_span));
  if (out->nspans) memcpy(sp, out->spans, old * sizeof(td_span));
  else sp[0] = out->span;
  for (int i = 0; i < q->nparts; i++) sp[old + (size_t)i] = trim_part(d, q->parts[i]);
  out->spans = sp, out->nspans = old + (size_t)q->nparts;
  out->span.end = sp[out->nspans - 1].end;
}

/* A number inside a quotation is claimed by its speaker (quantities run
 * before quotes, so the quotes layer fills this in). */
static void claims_in_quotes(td_doc *doc) {
  for (size_t k = 0; k < doc->nquants; k++) {
    td_quantity *n = &doc->quants[k];
    for (size_t i = 0; i < doc->nquotes; i++) {
      const td_quote *q = &doc->quotes[i];
      if (q->speaker_span.end <= q->speaker_span.start) continue;
      if (n->span.start < q->span.start || n->span.end > q->span.end) continue;
      /* (a quoted phrase's speaker only for a number no cue claims:
       * `Carson said he has "100 percent confidence in my team."`) */
      if (q->partial && n->claimed_by_span.end > n->claimed_by_span.start) break;
      /* inside one of its parts, not the words between them (`"…," said
       * the 22-year-old, "…"`) */
      int in_part = q->nspans == 0;
      for (size_t j = 0; j < q->nspans && !in_part; j++)
        in_part = n->span.start >= q->spans[j].start && n->span.end <= q->spans[j].end;
      if (!in_part) continue;
      n->claimed_by = q->speaker, n->claimed_by_span = q->speaker_span;
      break;
    }
  }
}

/* The `we` or `our` at token t speaks of people at large, not of a body:
 * `we all`, `we both`, `our country`, `our democracy`, `our community`. */
static int people_at_large(const td_doc *doc, size_t t) {
  static const char *const all[] = {"all", "both", NULL};
  static const char *const ours[] = {"country", "nation", "democracy", "society", "community",
                                     "communities", "children", "kids", "people", "lives",
                                     "city", "planet", "world", "culture", "history",
                                     "families", "economy", "generation", NULL};
  if (t + 1 >= doc->ntoks) return 0;
  const char *n = doc->toks[t + 1].norm;
  return td_str_in(n, strcmp(doc->toks[t].norm, "our") == 0 ? ours : all);
}

/* In a quotation of one person, the person speaks of itself: `I`, `me`,
 * `my`, `myself` are a mention of the speaker. In a quotation of an
 * organization (its spokesman's, its statement: `"We welcome the report,"
 * a Defra spokesman said`), `we`, `our`, `ourselves` are the
 * organization's. Not in a partial quotation (the reported speech around
 * it may be another's), nor in a quotation inside the quotation (`"He
 * told me, 'I will stay'"`). A person's `we` stays unlinked (the speaker
 * and others: a team, a party, people at large), as do a country's (`than
 * we've seen for some time`) and `us` (`taking us back`: as often people
 * at large); but a person's `we`, `our`, `ourselves` are the body the
 * person speaks for (td_actor.affiliate: `Tottenham manager Martin Jol`),
 * unless they speak of people at large (people_at_large). */
static void speakers_in_quotes(td_doc *doc) {
  static const char *const self[] = {"i", "me", "my", "myself", NULL};
  static const char *const body[] = {"we", "our", "ourselves", NULL};
  for (size_t i = 0; i < doc->nquotes; i++) {
    const td_quote *q = &doc->quotes[i];
    if (q->partial || q->speaker < 0) continue;
    const char *kind = doc->actors[q->speaker].kind;
    const char *const *words = !kind                               ? NULL
                               : strcmp(kind, "person") == 0       ? self
                               : strcmp(kind, "organization") == 0 ? body
                                                                   : NULL;
    if (!words) continue;
    /* (a person's `we` is the body it speaks for, when the article names
     * it before the person's role: `Tottenham manager Martin Jol`) */
    int ours = words == self && doc->actors[q->speaker].affiliate > 0
                   ? doc->actors[q->speaker].affiliate - 1 : -1;
    size_t np = q->nspans ? q->nspans : 1;
    for (size_t p = 0; p < np; p++) {
      td_span sp = q->nspans ? q->spans[p] : q->span;
      int inner = 0; /* inside a quotation in the quotation */
      for (size_t t = td_doc_tok_after(doc, sp.start); t < doc->ntoks && doc->toks[t].start < sp.end; t++) {
        const td_tok *w = &doc->toks[t];
        if (w->flags & TD_TOK_QUOTE_OPEN) inner = 1;
        if (w->flags & TD_TOK_QUOTE_CLOSE) inner = 0;
        /* (a pronoun as tagged: the `I` of `World War I` is none) */
        if (inner || w->upos != TD_PRON) continue;
        if (ours >= 0 && td_str_in(w->norm, body) && !people_at_large(doc, t))
          td_actor_add_mention(doc, ours, (td_span){w->start, w->end});
        if (!td_str_in(w->norm, words)) continue;
        td_actor_add_mention(doc, q->speaker, (td_span){w->start, w->end});
      }
    }
  }
}

/* Whether the quotation closing at word `close` ends its sentence: a stop
 * inside the marks (`"… again."`), or, as British writers put it, right
 * after them (`"… the past". "We're …`). */
static int ends_sentence(const td_qctx *c, size_t close) {
  return (c->w[close].flags & TD_QW_SEND) || (close > 0 && (c->w[close - 1].flags & TD_QW_SEND)) ||
         (close + 1 < c->nw && (c->w[close + 1].flags & TD_QW_SEND) && is_punct(c, close + 1, ".") &&
          !(c->w[close + 1].flags & TD_QW_PARA));
}

int td_quotes(const td_engine *eng, td_doc *doc) {
  td_qctx c;
  td_qctx_init(&c, eng, doc);
  qcand *q = NULL;
  size_t nq = pair_marks(&c, &q);
  int last_speaker = -1;          /* actor of the last full quotation */
  size_t last_para_word = (size_t)-1;
  int last_found = 0;
  size_t last_idx = (size_t)-1; /* candidate index of the last full quotation */
  size_t last_close = 0;        /* word index of its closing mark */
  int last_partial_found = 0, last_partial_sent = -1;
  size_t title_idx = (size_t)-1; /* candidate index of the last title skipped */
  td_span last_pwho = {0, 0}, last_pcue = {0, 0};
  size_t last_pidx = (size_t)-1;  /* candidate index of the last partial quotation */
  size_t last_pafter = (size_t)-1; /* candidate index of the last partial quotation whose
                                      speaker follows it (`"…," says X.`) */
  for (size_t i = 0; i < nq; i++) {
    if (q[i].done) continue;
    qcand *cur = &q[i];
    if (is_scare_or_title(&c, cur)) {
      title_idx = i;
      continue;
    }
    size_t nwords = words_in(&c, cur->open + 1, cur->close);
    int full = starts_clause(&c, cur) && !runs_on(&c, cur);
    td_span who = {0, 0}, cue = {0, 0};
    size_t next = 0;
    int found = 0, byline = 0;
    double conf = 0.3;
    /* a cue after the closing mark, when the quotation's sentence goes on */
    size_t after = cur->close + 1;
    size_t last = cur->close - 1; /* the last word inside, before a closing ’ */
    if (last > cur->open + 1 && (c.w[last].flags & TD_QW_SINGLE)) last--;
    int goes_on = cur->close > 0 && is_punct(&c, last, ",?!-");
    if (!goes_on && after < c.nw && !(c.w[after].flags & (TD_QW_CAP | TD_QW_PARA)))
      goes_on = 1;
    if (goes_on || (after < c.nw && is_punct(&c, after, ","))) {
      int r = speaker_after(&c, after, &who, &cue, &next);
      if (r == 1) found = 1, conf = 0.9, byline = cue.end == cue.start;
      else if (r == 2) found = -1;
    } else if (after < c.nw && (c.w[after].flags & TD_QW_CAP) && !(c.w[after].flags & TD_QW_PARA) &&
               !((c.w[cur->close - 1].flags | c.w[cur->close].flags) & TD_QW_SEND) &&
               !is_punct(&c, cur->close - 1, ".!?")) {
      /* a comma left out: "“The caucus is a battle of niches” Grubbs said." */
      int r = speaker_after(&c, after, &who, &cue, &next);
      if (r == 1 && td_qword_at(&c, cue.start) <= after + 5) found = 1, conf = 0.7;
      else who.start = who.end = cue.start = cue.end = 0, next = 0;
    }
    if (!found && goes_on && verdict_of(&c, after, &who)) found = 1, conf = 0.7;
    if (!found) {
      size_t m = cur->open;
      /* a paragraph introduced by "X said:" */
      if ((c.w[m].flags & TD_QW_PARA) && m > 0 && is_punct(&c, m - 1, ":")) m = m - 1;
      int r = speaker_before(&c, m, full ? 14 : 24, &who, &cue);
      if (r == 1) found = 1, conf = 0.8;
      else if (r == 2) found = -1;
      else if (full && ed_cue_before(&c, cur->open, &who, &cue)) found = 1, conf = 0.7;
    }
    size_t para = cur->open;
    while (para > 0 && !(c.w[para].flags & TD_QW_PARA)) para--;
    if (!found && full && last_found == 1 && (last_para_word == para || (c.w[cur->open].flags & TD_QW_PARA)) && (last_idx + 1 == i || (last_idx + 2 == i && title_idx + 1 == i)) &&
        close_to(&c, last_close, cur->open) && !is_punct(&c, cur->open - 1, ":") &&
        !after_cue(&c, cur->open) && !other_subject(&c, last_close, cur->open) &&
        !((c.w[cur->open].flags ^ c.w[q[last_idx].open].flags) & TD_QW_SINGLE)) {
      /* the quotation goes on after its cue: "...," he said. "..." (in
       * marks of the same kind: a paragraph in single marks after one in
       * double marks is a subheading, ''…,'' she said. ¶ 'A tough call.') */
      extend_quote(&c, &doc->quotes[doc->nquotes - 1], cur);
      last_idx = i, last_close = cur->close;
      continue;
    }
    if (!found && full && cur->open > 0 && (c.w[cur->open - 1].flags & TD_QW_SEND)) {
      /* the sentence before names the speaker: "Trump said in a statement." */
      if (speaker_before(&c, cur->open - 1, 30, &who, &cue) == 1) found = 1, conf = 0.5;
      else {
        /* also past a scare quote there, whose marks stop that search:
         * `Roger Knapman said the rebate was "set in stone" and …. "It
         * is …"` (the search starts at its opening mark) */
        size_t s0 = cur->open - 1, o, x;
        while (s0 > 0 && !(c.w[s0 - 1].flags & TD_QW_SEND) && !(c.w[s0].flags & TD_QW_PARA)) s0--;
        for (o = s0; o + 1 < cur->open && !(c.w[o].flags & (TD_QW_QOPEN | TD_QW_QCLOSE)); o++) {}
        for (x = o + 1; x < cur->open && x < o + 6 && !(c.w[x].flags & (TD_QW_QOPEN | TD_QW_QCLOSE)); x++) {}
        /* (a quotation that ends its sentence, no `"…," was Mr Marr's
         * assessment`; a cue read as a verb: not `Labour claims he had
         * used her as a "human shield"`) */
        if (o > s0 && (c.w[o].flags & TD_QW_QOPEN) && x < cur->open && (c.w[x].flags & TD_QW_QCLOSE) &&
            ends_sentence(&c, cur->close) && speaker_before(&c, o, 30, &who, &cue) == 1 &&
            cue.end > cue.start && c.w[td_qword_at(&c, cue.start)].upos == TD_VERB)
          found = 1, conf = 0.5;
        else
          who.start = who.end = cue.start = cue.end = 0;
      }
    }
    if (!found && full) {
      /* "Clinton: "…"", "Trump went even further: "…"": the subject of the
       * clause the colon ends */
      size_t m = cur->open;
      if (m > 0 && is_punct(&c, m - 1, ":") &&
          /* a name after a dash goes first: `Pollsters agree - Carl
           * Bialik: “…”` is Bialik's, not the pollsters' */
          ((name_before_colon(&c, m - 1, &who) && after_dash(&c, td_qword_at(&c, who.start))) ||
           from_before_colon(&c, m - 1, &who) ||
           (sentence_subject(&c, m - 1, &who) && colon_speaker(&c, m - 1, &who)) ||
           name_before_colon(&c, m - 1, &who) || object_before_colon(&c, m - 1, &who))) {
        cue.start = cue.end = c.w[m - 1].s;
        found = 1, conf = 0.6;
      } else if (m > 3 && is_punct(&c, m - 1, ",") && issued_doc(&c, m - 1) && sentence_subject(&c, m - 1, &who) &&
                 colon_speaker(&c, m - 1, &who)) {
        /* a comma for the colon after a document its subject issued:
         * `Trump issued a statement, “…”` */
        cue.start = cue.end = c.w[m - 1].s;
        found = 1, conf = 0.6;
      }
    }
    if (!found && full && last_pafter + 1 == i && cur->open > 0 && last_pwho.end > last_pwho.start &&
        (c.w[cur->open - 1].flags & TD_QW_SEND) && close_to(&c, q[i - 1].close, cur->open)) {
      /* a partial quotation and its cue, then the rest of what was said:
       * `Yet, "it is hard," added Zarate, the former adviser. "It's hard
       * to say …"` is Zarate's too */
      who = last_pwho, cue = last_pcue, found = 1, conf = 0.5;
    }
    if (!found && full && last_pidx + 1 == i && last_partial_found && last_pwho.end > last_pwho.start &&
        /* (a cue read as a verb: not "Labour claims he had used …") */
        last_pcue.end > last_pcue.start && c.w[td_qword_at(&c, last_pcue.start)].upos == TD_VERB &&
        cur->open > 0 && (c.w[cur->open - 1].flags & TD_QW_SEND) && close_to(&c, q[i - 1].close, cur->open) &&
        /* (not when the quotation goes on to a cue: `"…," Simpson revealed`) */
        ends_sentence(&c, cur->close)) {
      /* the sentence before ends a partial quotation of a speaker: `X
       * said the penalty was "derisory". "You could get more for …"` is
       * X's too (the sentence of the partial one is the one right before) */
      size_t x = q[i - 1].close;
      while (x + 1 < cur->open && !(c.w[x].flags & TD_QW_SEND)) x++;
      if (x + 1 == cur->open) who = last_pwho, cue = last_pcue, found = 1, conf = 0.5;
    }
    if (!found && full && cur->close + 2 < c.nw && (c.w[cur->close + 1].flags & TD_QW_PARA) &&
        (is_dash(&c, cur->close + 1) || is_punct(&c, cur->close + 1, "-") || is_bar(&c, cur->close + 1))) {
      /* an attribution line under the quotation: `"…" ¶ - Bernie Sanders.`
       * (the dash, a name, nothing else in the paragraph) */
      size_t b = cur->close + 2, e = b;
      while (e < c.nw && e < b + 6 && !(c.w[e].flags & TD_QW_PARA) && (c.w[e].flags & TD_QW_CAP))
        e++;
      size_t z = e < c.nw && is_punct(&c, e, ".") ? e + 1 : e;
      if (e > b && (z >= c.nw || (c.w[z].flags & TD_QW_PARA))) {
        who.start = c.w[b].s, who.end = c.w[e - 1].e;
        found = 1, conf = 0.6, byline = 1;
      }
    }
    if (!found && full && ends_sentence(&c, cur->close)) {
      /* the speaker named in the next sentence or paragraph: "…." Smith,
       * who …, said. */
      size_t b = cur->close + 1, e = b;
      if (b < c.nw && is_punct(&c, b, ".")) b++, e++; /* ("…". Smith said) */
      while (e < c.nw && e < b + 40 && !(c.w[e].flags & (TD_QW_SEND | TD_QW_QOPEN | TD_QW_QCLOSE)) &&
             !(e > b && (c.w[e].flags & TD_QW_PARA)))
        e++;
      if (e < c.nw && (c.w[e].flags & TD_QW_SEND) && e > b &&
          speaker_before(&c, e, e - b, &who, &cue) == 1 && who.start == c.w[b].s)
        found = 1, conf = 0.4;
      else
        who.start = who.end = cue.start = cue.end = 0;
    }
    if (!found && !full && last_partial_found && last_partial_sent == td_sent_of(doc, c.w[cur->open].s)) {
      /* a second partial quotation of the same sentence and speaker */
      who = last_pwho, cue = last_pcue, found = 1, conf = 0.6;
    }
    if (!found && full && last_found && last_close < cur->open && cur->open - last_close < 40 &&
        after_cue(&c, cur->open)) {
      /* a second quotation with a cue of its own in the sentence of the
       * one before: `"…," Graham said on MSNBC, adding, "…"` */
      size_t x = last_close;
      while (x < cur->open && !(c.w[x].flags & TD_QW_SEND)) x++;
      const td_quote *lq = &doc->quotes[doc->nquotes - 1];
      if (x == cur->open && !lq->partial && lq->speaker_span.end > lq->speaker_span.start) {
        who = lq->speaker_span, found = 1, conf = 0.6;
        size_t k = cur->open;
        if (k > 0 && is_punct(&c, k - 1, ",:")) k--;
        int kind2 = 0;
        for (size_t j = k; j-- > 0 && j + 4 >= k;)
          if (td_cue_at(&c, j, &kind2) && j + (size_t)td_cue_at(&c, j, &kind2) == k) {
            cue.start = c.w[j].s, cue.end = c.w[k - 1].e;
            break;
          }
      }
    }
    if (!found && full && cur->open > 1 && (c.w[cur->open - 1].flags & TD_QW_SEND) &&
        ends_sentence(&c, cur->close)) {
      /* no cue at all, a sentence of its own: the person the sentence
       * before is about, named or a pronoun, when that sentence quotes
       * nothing (`Network director Robert Tapsfield criticised the
       * system. "There is just no logic …"`; confidence 0.4) */
      size_t s0 = cur->open - 1;
      while (s0 > 0 && !(c.w[s0 - 1].flags & TD_QW_SEND) && !(c.w[s0].flags & TD_QW_PARA)) s0--;
      /* (inside a quotation when a mark opens right before it) */
      int quotes = s0 > 0 && !(c.w[s0].flags & TD_QW_PARA) && (c.w[s0 - 1].flags & TD_QW_QOPEN);
      for (size_t x = s0; x < cur->open; x++) quotes |= c.w[x].flags & (TD_QW_QOPEN | TD_QW_QCLOSE);
      td_span subj;
      if (!quotes && sentence_subject(&c, cur->open - 1, &subj)) {
        /* (a name or a pronoun heads it: not "Finnan's normal position is …") */
        size_t we = td_qword_at(&c, subj.end - 1);
        int a = td_actor_at(doc, subj.start, subj.end);
        if (a >= 0 && doc->actors[a].kind && strcmp(doc->actors[a].kind, "person") == 0 &&
            we < c.nw && ((c.w[we].flags & TD_QW_CAP) || is_pronoun(&c, subj)))
          who = subj, found = 1, conf = 0.4;
      }
    }
    if (found < 0) found = 0;
    /* after a dash or a bracket, without a speaker: a quoted aside, read as
     * partial ("his stock answer then — “…”") */
    if (full && !found && cur->open > 0 && !(c.w[cur->open].flags & TD_QW_PARA) &&
        (is_punct(&c, cur->open - 1, "(") || aside_dash(&c, cur->open - 1)))
      full = 0;
    if (!full) {
      last_partial_found = found, last_pwho = who, last_pcue = cue;
      last_partial_sent = td_sent_of(doc, c.w[cur->open].s);
      last_pafter = found && conf >= 0.9 ? i : (size_t)-1;
      last_pidx = i;
    }
    if (full && !found && nwords < 3 && !after_cue(&c, cur->open)) continue;
    /* a short paragraph of its own in marks with no speaker, or one only
     * guessed from a sentence around it when it is in single marks or
     * capitals: a subheading ('A change warrior.', “DIVISIVE, STUPID AND
     * WRONG”), no quotation. `"…," she said. ¶ "Never again."` stays. */
    if (full && nwords <= 8 && (c.w[cur->open].flags & TD_QW_PARA) &&
        (cur->close + 1 >= c.nw || (c.w[cur->close + 1].flags & TD_QW_PARA)) &&
        (!found || (conf <= 0.5 && ((c.w[cur->open].flags & TD_QW_SINGLE) ||
                                    all_caps(&c, &c.w[cur->open + 1])))))
      continue;
    /* interrupted: "...," he said, "..." */
    const qcand *q2 = NULL;
    if (found && full && next && i + 1 < nq) {
      size_t k = next;
      int kind2;
      while (k < c.nw && k < next + 12 && !(c.w[k].flags & (TD_QW_SEND | TD_QW_PARA | TD_QW_QOPEN)) &&
             !td_cue_at(&c, k, &kind2))
        k++;
      if (k == q[i + 1].open && k > 0 && is_punct(&c, k - 1, ",:") &&
          !(c.w[k].flags & TD_QW_PARA))
        q2 = &q[i + 1], q[i + 1].done = 1;
    }
    int pron_fallback = !full ? -1 : last_speaker;
    add_quote(&c, cur, q2, !full, found, who, cue, conf, pron_fallback);
    if (full && found) {
      last_speaker = doc->quotes[doc->nquotes - 1].speaker;
      last_found = byline ? 2 : 1; /* a byline ends its quotation: `”― Ana Ruiz ¶ “…` */
      size_t lp = (q2 ? q2 : cur)->close;
      while (lp > 0 && !(c.w[lp].flags & TD_QW_PARA)) lp--;
      last_para_word = lp;
      last_idx = q2 ? i + 1 : i;
      last_close = (q2 ? q2 : cur)->close;
    }
  }
  claims_in_quotes(doc);
  speakers_in_quotes(doc);
  return 0;
}

/* ---- evaluation on brat attribution data (PolNeAR) ---- */

/* A gold or system item in code points of the raw file. */
typedef struct ev_item {
  uint32_t s, e;
  uint32_t src[8][2];
  int nsrc, matched, hit, part; /* part: a partial quotation overlaps */
} ev_item;

/* The whole file (malloc'd, NUL-terminated), or NULL. */
static char *slurp(const char *path, size_t *len) {
  td_buf b = TD_BUF_INIT;
  if (td_buf_read_file(&b, path) != 0) {
    td_buf_free(&b);
    return NULL;
  }
  return td_buf_detach(&b, len);
}

/* Decodes UTF-8 into code points; returns their number (*out malloc'd). */
static size_t to_cps(const char *s, size_t n, uint32_t **out) {
  uint32_t *v = td_xmalloc((n + 1) * sizeof *v);
  size_t m = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    int k = td_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (k == 0) k = 1, cp = 0xFFFD;
    v[m++] = cp, i += (size_t)k;
  }
  *out = v;
  return m;
}

static int ev_space(uint32_t cp) { return td_is_space_cp(cp) || cp == 0xFEFF || cp == 0x200B || cp < 0x20; }

/* Maps each code point of the normalized text d[0..nd) to one of the raw
 * text r[0..nr): a greedy walk that skips what normalization removed and
 * resynchronizes after what it changed. map has nd + 1 entries. */
static void align(const uint32_t *d, size_t nd, const uint32_t *r, size_t nr, uint32_t *map) {
  size_t i = 0, j = 0;
  while (i < nd) {
    if (j < nr && (d[i] == r[j] || (ev_space(d[i]) && ev_space(r[j])))) {
      map[i++] = (uint32_t)j++;
      continue;
    }
    if (j < nr && ev_space(r[j])) { j++; continue; }
    if (ev_space(d[i])) { map[i++] = (uint32_t)j; continue; }
    /* resync: the next 8 code points of d somewhere ahead in r */
    size_t want = nd - i < 8 ? nd - i : 8, found = nr;
    for (size_t k = j; k + want <= nr && k < j + 400 && found == nr; k++) {
      size_t x = 0;
      while (x < want && d[i + x] == r[k + x]) x++;
      if (x == want) found = k;
    }
    if (found < nr) { j = found; continue; }
    map[i++] = (uint32_t)(j < nr ? j++ : j);
  }
  map[nd] = (uint32_t)nr;
}

static int ev_overlap(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { return a < d && c < b; }

/* A text-bound span of a brat file: its id, label and fragments. */
typedef struct ev_tb {
  int id;
  char label[16];
  uint32_t fr[8][2];
  int nfr;
} ev_tb;

/* Whether content ct is a direct quotation: its first fragment opens with
 * a quotation mark and its last closes with one; 1 with its extent in
 * raw at [*as, *bs), else 0. */
static int gold_span(const ev_tb *ct, const uint32_t *raw, size_t nraw, uint32_t *as, uint32_t *bs) {
  /* the fragments in text order: annotators list them in any order
   * (`1112 1168;880 942`) */
  uint32_t a = ct->fr[0][0], b = ct->fr[0][1];
  for (int k = 1; k < ct->nfr; k++) {
    if (ct->fr[k][0] < a) a = ct->fr[k][0];
    if (ct->fr[k][1] > b) b = ct->fr[k][1];
  }
  if (b > nraw || a >= b) return 0;
  while (a < b && ev_space(raw[a])) a++;
  uint32_t e = b;
  while (e > a && (ev_space(raw[e - 1]) || strchr(".,;:!?", (int)(raw[e - 1] < 128 ? raw[e - 1] : 1))))
    e--;
  /* either curly hand at either end: writers type ”…” and “…“ too;
   * two apostrophes stand for a double mark (''…'', ``…'') */
  /* (annotators often cut such a mark in half: 'We should …,'' ) */
  int two_open = a + 1 < e && (raw[a] == '\'' || raw[a] == '`') &&
                 (raw[a + 1] == raw[a] || (a > 0 && raw[a - 1] == raw[a]));
  int two_close = e >= a + 4 && raw[e - 1] == '\'' && (raw[e - 2] == '\'' || (e < nraw && raw[e] == '\''));
  /* one straight apostrophe at each end: 'Be the voice that people hear.' */
  int one_open = raw[a] == '\'' && !two_open && a + 1 < e && raw[a + 1] != '\'';
  int one_close = e >= a + 3 && raw[e - 1] == '\'' && !two_close && raw[e - 2] != '\'' &&
                  raw[e - 2] != ' ';
  if (e <= a ||
      !(raw[a] == 0x201C || raw[a] == 0x201D || raw[a] == '"' || raw[a] == 0x2018 || two_open ||
        one_open) ||
      !(raw[e - 1] == 0x201D || raw[e - 1] == 0x201C || raw[e - 1] == '"' || raw[e - 1] == 0x2019 ||
        two_close || one_close) ||
      (one_open && !one_close && !two_close) || (one_close && !one_open && !two_open))
    return 0;
  *as = a, *bs = b;
  return 1;
}

/* Gold direct quotations of one .ann file: Content spans whose first part
 * opens with a quotation mark and whose last part closes with one. */
static size_t read_gold(const char *ann, const uint32_t *raw, size_t nraw, ev_item **out) {
  ev_tb *t = NULL;
  size_t nt = 0, capt = 0, ng = 0, capg = 0;
  ev_item *g = NULL;
  /* two passes: the text-bound spans first, then the attributions, which
   * may name a span defined after them (`E6 … Content:T25` before `T25`) */
  for (int pass = 0; pass < 2; pass++) {
    for (const char *p = ann; *p;) {
      const char *nl = strchr(p, '\n');
      size_t ll = nl ? (size_t)(nl - p) : strlen(p);
      char line[4096];
      snprintf(line, sizeof line, "%.*s", (int)(ll < sizeof line - 1 ? ll : sizeof line - 1), p);
      p = nl ? nl + 1 : p + ll;
      if (line[0] == 'T') {
        if (pass) continue;
        TD_GROW(t, capt, nt + 1);
        ev_tb *x = &t[nt];
        memset(x, 0, sizeof *x);
        x->id = atoi(line + 1);
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        char *q = tab + 1, *sp = strchr(q, ' ');
        if (!sp) continue;
        snprintf(x->label, sizeof x->label, "%.*s", (int)(sp - q), q);
        q = sp + 1;
        while (*q && *q != '\t' && x->nfr < 8) {
          char *e2;
          long a = strtol(q, &e2, 10), b = strtol(e2, &e2, 10);
          x->fr[x->nfr][0] = (uint32_t)a, x->fr[x->nfr][1] = (uint32_t)b, x->nfr++;
          q = *e2 == ';' ? e2 + 1 : e2;
          if (*e2 != ';') break;
        }
        nt++;
      } else if (line[0] == 'E' && pass) {
        /* an attribution may have several contents: `Content:T23
         * Content2:T27` */
        int contents[8], ncontent = 0, source = -1;
        char *q = strchr(line, '\t');
        while (q && *q) {
          q++;
          if (strncmp(q, "Content", 7) == 0) {
            const char *x = q + 7;
            while (*x >= '0' && *x <= '9') x++;
            if (x[0] == ':' && x[1] == 'T' && ncontent < 8) contents[ncontent++] = atoi(x + 2);
          } else if (strncmp(q, "Source:T", 8) == 0)
            source = atoi(q + 8);
          q = strchr(q, ' ');
        }
        const ev_tb *st = NULL;
        for (size_t k = 0; k < nt; k++)
          if (t[k].id == source) st = &t[k];
        /* the direct ones of an attribution's contents are one quotation,
         * as the fragments of one content are (`"…," said Rudy Giuliani.
         * "…"` is Content and Content2) */
        uint32_t qa = UINT32_MAX, qb = 0;
        for (int ci = 0; ci < ncontent; ci++) {
          const ev_tb *ct = NULL;
          uint32_t a, b;
          for (size_t k = 0; k < nt; k++)
            if (t[k].id == contents[ci]) ct = &t[k];
          if (!ct || !ct->nfr || !gold_span(ct, raw, nraw, &a, &b)) continue;
          if (a < qa) qa = a;
          if (b > qb) qb = b;
        }
        if (qa >= qb) continue;
        TD_GROW(g, capg, ng + 1);
        ev_item *it = &g[ng++];
        memset(it, 0, sizeof *it);
        it->s = qa, it->e = qb;
        if (st)
          for (int k = 0; k < st->nfr; k++)
            it->src[it->nsrc][0] = st->fr[k][0], it->src[it->nsrc][1] = st->fr[k][1], it->nsrc++;
      }
    }
  }
  free(t);
  *out = g;
  return ng;
}

/* Writes s[0..n) on one line (line breaks as '/'), for the verbose list. */
static void ev_snip(FILE *out, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) fputc(s[i] == '\n' || s[i] == '|' ? '/' : s[i], out);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in folder `dir` ending with `suffix` (malloc'd array). */
static size_t list_dir(const char *dir, const char *suffix, char ***out) {
  DIR *d = opendir(dir);
  char **v = NULL;
  size_t n = 0, cap = 0;
  if (!d) return (size_t)-1;
  struct dirent *e;
  size_t sl = strlen(suffix);
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l <= sl || strcmp(e->d_name + l - sl, suffix) != 0) continue;
    TD_GROW(v, cap, n + 1);
    v[n++] = td_xstrdup(e->d_name);
  }
  closedir(d);
  if (n) qsort(v, n, sizeof *v, cmp_str);
  *out = v;
  return n;
}

int td_eval_quotes(const td_engine *eng, const char *dir, FILE *out) {
  char path[4096];
  char **texts = NULL, **anns = NULL;
  snprintf(path, sizeof path, "%s/text", dir);
  size_t ntext = list_dir(path, ".txt", &texts);
  snprintf(path, sizeof path, "%s/attributions", dir);
  size_t nann = list_dir(path, ".ann", &anns);
  if (ntext == (size_t)-1 || nann == (size_t)-1) {
    fprintf(out, "eval quotes: %s has no text/ and attributions/ folders\n", dir);
    return -1;
  }
  int verbose = getenv("TD_EVAL_VERBOSE") != NULL;
  size_t sys_hit = 0, sys_n = 0, gold_hit = 0, gold_n = 0;
  size_t tp = 0, fp = 0, fn = 0, spk_ok = 0, spk_n = 0, ndocs = 0, partial = 0;
  for (size_t f = 0; f < ntext; f++) {
    size_t bl = strlen(texts[f]) - 4;
    const char *ann_name = NULL; /* the first annotator's file */
    for (size_t a = 0; a < nann && !ann_name; a++)
      if (strncmp(anns[a], texts[f], bl) == 0 && anns[a][bl] == '_') ann_name = anns[a];
    if (!ann_name) continue;
    size_t rl, al;
    snprintf(path, sizeof path, "%s/text/%s", dir, texts[f]);
    char *raw = slurp(path, &rl);
    snprintf(path, sizeof path, "%s/attributions/%s", dir, ann_name);
    char *ann = slurp(path, &al);
    if (!raw || !ann) { free(raw), free(ann); continue; }
    uint32_t *rc;
    size_t nr = to_cps(raw, rl, &rc);
    ev_item *gold;
    size_t ng = read_gold(ann, rc, nr, &gold);
    td_input in = {0};
    in.id = texts[f], in.body = raw, in.body_len = rl;
    td_doc *doc = td_doc_process((td_engine *)eng, &in);
    ndocs++;
    if (!doc->error) {
      uint32_t *dc;
      size_t nd = to_cps(doc->text, doc->len, &dc);
      uint32_t *map = td_xmalloc((nd + 1) * sizeof *map);
      align(dc, nd, rc, nr, map);
      for (size_t q = 0; q < doc->nquotes; q++) {
        const td_quote *qq = &doc->quotes[q];
        uint32_t s = map[td_doc_cp(doc, qq->span.start)], e = map[td_doc_cp(doc, qq->span.end)];
        if (qq->partial) {
          partial++;
          int pany = 0;
          for (size_t k = 0; k < ng; k++) /* for the verbose list of misses */
            if (ev_overlap(s, e + 1, gold[k].s, gold[k].e)) gold[k].part = 1, pany = 1;
          if (verbose) {
            uint32_t b0 = qq->span.start > 40 ? qq->span.start - 40 : 0;
            uint32_t a1 = qq->span.end + 40 < doc->len ? qq->span.end + 40 : (uint32_t)doc->len;
            fprintf(out, "PART %d %s |", pany, texts[f]);
            ev_snip(out, doc->text + b0, qq->span.start - b0);
            fputc('|', out);
            ev_snip(out, doc->text + qq->span.start, qq->span.end - qq->span.start);
            fputc('|', out);
            ev_snip(out, doc->text + qq->span.end, a1 - qq->span.end);
            fputc('\n', out);
          }
          continue;
        }
        ev_item *m = NULL;
        int any = 0;
        for (size_t k = 0; k < ng; k++)
          if (ev_overlap(s, e + 1, gold[k].s, gold[k].e)) gold[k].hit = 1, any = 1;
        sys_hit += (size_t)any, sys_n++;
        if (verbose) {
          uint32_t b0 = qq->span.start > 40 ? qq->span.start - 40 : 0;
          uint32_t a1 = qq->span.end + 40 < doc->len ? qq->span.end + 40 : (uint32_t)doc->len;
          fprintf(out, "SYS %.1f %d %s |", qq->confidence, any, texts[f]);
          ev_snip(out, doc->text + b0, qq->span.start - b0);
          fputc('|', out);
          ev_snip(out, doc->text + qq->span.start, qq->span.end - qq->span.start);
          fputc('|', out);
          ev_snip(out, doc->text + qq->span.end, a1 - qq->span.end);
          fputc('|', out);
          ev_snip(out, doc->text + qq->speaker_span.start, qq->speaker_span.end - qq->speaker_span.start);
          fputc('\n', out);
        }
        for (size_t k = 0; k < ng && !m; k++)
          if (!gold[k].matched && ev_overlap(s, e + 1, gold[k].s, gold[k].e)) m = &gold[k];
        if (!m) {
          fp++;
          if (verbose)
            fprintf(out, "FP%s %s: %.*s\n", any ? "" : "0", texts[f], (int)(qq->span.end - qq->span.start < 100 ? qq->span.end - qq->span.start : 100),
                    doc->text + qq->span.start);
          continue;
        }
        m->matched = 1, tp++;
        if (!m->nsrc) continue;
        spk_n++;
        int ok = 0;
        if (qq->speaker_span.end > qq->speaker_span.start) {
          uint32_t a = map[td_doc_cp(doc, qq->speaker_span.start)];
          uint32_t b = map[td_doc_cp(doc, qq->speaker_span.end)];
          for (int k = 0; k < m->nsrc && !ok; k++)
            if (ev_overlap(a, b, m->src[k][0], m->src[k][1])) ok = 1;
        }
        spk_ok += (size_t)ok;
        if (verbose && !ok) {
          td_buf b = TD_BUF_INIT;
          for (uint32_t x = m->src[0][0]; x < m->src[0][1] && x < m->src[0][0] + 60; x++) td_utf8_put(&b, rc[x]);
          fprintf(out, "SPK %s: got '%.*s' want '%s' | %.60s\n", texts[f],
                  (int)(qq->speaker_span.end - qq->speaker_span.start), doc->text + qq->speaker_span.start,
                  b.ptr ? b.ptr : "", doc->text + qq->span.start);
          td_buf_free(&b);
        }
      }
      free(dc), free(map);
    }
    for (size_t k = 0; k < ng; k++) gold_hit += (size_t)gold[k].hit, gold_n++;
    for (size_t k = 0; k < ng; k++)
      if (!gold[k].matched) {
        fn++;
        if (verbose) {
          td_buf b = TD_BUF_INIT;
          for (uint32_t x = gold[k].s; x < gold[k].e && x < gold[k].s + 100; x++) td_utf8_put(&b, rc[x]);
          fprintf(out, "%s %s: %s\n", gold[k].hit ? "FNm" : gold[k].part ? "FNp" : "FN", texts[f],
                  b.ptr ? b.ptr : "");
          td_buf_free(&b);
        }
      }
    td_doc_free(doc);
    free(gold), free(rc), free(raw), free(ann);
  }
  double p = tp + fp ? (double)tp / (double)(tp + fp) : 0, r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  fprintf(out, "quotes on %s: %zu documents\n", dir, ndocs);
  double lp = sys_n ? (double)sys_hit / (double)sys_n : 0, lr = gold_n ? (double)gold_hit / (double)gold_n : 0;
  fprintf(out, "  direct quotations (overlap): %zu found, %zu gold  P %.3f R %.3f F1 %.3f\n", sys_n,
          gold_n, lp, lr, lp + lr > 0 ? 2 * lp * lr / (lp + lr) : 0.0);
  fprintf(out, "  direct quotations (overlap, one-to-one): tp %zu fp %zu fn %zu  P %.3f R %.3f F1 %.3f\n",
          tp, fp, fn, p, r, f1);
  fprintf(out, "  speaker accuracy (speaker span overlaps gold Source, over %zu matched with a source): %.3f\n",
          spk_n, spk_n ? (double)spk_ok / (double)spk_n : 0.0);
  fprintf(out, "  partial quotations found (not scored): %zu\n", partial);
  for (size_t i = 0; i < ntext; i++) free(texts[i]);
  for (size_t i = 0; i < nann; i++) free(anns[i]);
  free(texts), free(anns);
  return 0;
}
