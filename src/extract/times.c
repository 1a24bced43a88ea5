/*
 * times.c — the times layer: finds temporal expressions (TimeML TIMEX3:
 * DATE, TIME, DURATION, SET) in the segmented text and normalizes each to a
 * TIMEX3 value against the article's date (doc->date).
 *
 * How it works. Each sentence's tokens are cut into small "units" (a run of
 * letters, a run of digits with its suffix as in "1990s" or "1st", or one
 * punctuation character), so the rules see "a.m.", "Nov.", "2024-11-01",
 * "10:30" and "two-year" the same way whatever the tokenizer did with them.
 * Every word unit is classified once through a sorted table (months,
 * weekdays, number words, units of time, parts of day, ...). The data
 * rules of layer "times" (data/times/NAME.rules, user --dict rules; see
 * docs/TIMES.md) run once per sentence: their matches are the vague
 * references (times.X_ref) and say which words make the relative
 * expressions the C rules below normalize (times.shift, times.ago, ...).
 * Then, at each unit, the C rules and the data matches are tried; the
 * longest match wins and the scan continues after it, so the results are
 * in text order and never overlap.
 *
 * Normalization follows news conventions (see docs/TIMES.md): relative
 * expressions ("yesterday", "last week", "next year") count from the
 * article date; "the previous day", "the next day" from the date the
 * narrative last mentioned; a bare weekday or month is placed by the tense
 * of its clause (past: the latest one on or before the article date;
 * future: the next one on or after it). Without an article date values
 * stay relative (XXXX-WXX-4), never invented.
 */
#include "times.h"
#include "extract.h"
#include "lang/lang.h"
#include "lang/matcher.h"
#include "lang/rules.h"
#include "text/text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>

/* ASCII letter and digit tests without the locale's table (perf, issue 11:
 * every byte of every sentence goes through them; no locale is set, so
 * they are isalpha/isdigit of the "C" locale). */
static inline int a_alpha(unsigned char c) { return (unsigned)((c | 32) - 'a') < 26u; }
static inline int a_digit(unsigned char c) { return (unsigned)(c - '0') < 10u; }
static inline char a_lower(unsigned char c) { return (char)((unsigned)(c - 'A') < 26u ? c + 32 : c); }

/* ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ---- */


static void civil_from_days(long z, int *y, int *m, int *d) {
  long yy;
  td_civil_from_days(z, &yy, m, d);
  *y = (int)yy;
}

/* ISO weekday, Monday = 1 .. Sunday = 7. */
static int iso_wday(long days) {
  long w = (days + 3) % 7; /* 1970-01-01 was a Thursday (3 from Monday) */
  if (w < 0) w += 7;
  return (int)w + 1;
}

/* ISO 8601 week-numbering year and week of a day. */
static void iso_week(long days, int *wy, int *wn) {
  long thu = days - iso_wday(days) + 4; /* the Thursday of that week */
  int y, m, d;
  civil_from_days(thu, &y, &m, &d);
  *wy = y;
  *wn = (int)((thu - td_days_from_civil(y, 1, 1)) / 7) + 1;
}


/* ---- the word table ---- */

enum { /* word classes (bits) */
  W_MONTH = 1 << 0,   /* v: 1..12 */
  W_WDAY = 1 << 1,    /* v: 1..7 (Monday = 1) */
  W_NUM = 1 << 2,     /* v: value (20, 30 ... combine) */
  W_ORD = 1 << 3,     /* v: value */
  W_UNIT = 1 << 4,    /* v: U_*; plural in flag */
  W_POD = 1 << 5,     /* v: P_* part of day */
  W_SEASON = 1 << 6,  /* v: 1..4 SP SU FA WI */
  W_DIR = 1 << 7,     /* v: -1 last/past, 0 this, +1 next/coming */
  W_EDGE = 1 << 8,    /* v: E_* early/late/mid */
  W_VAGUE = 1 << 9,   /* v: V_* */
  W_SETADV = 1 << 10, /* v: U_* of daily, weekly, ... */
  W_REL = 1 << 11,    /* v: day offset of yesterday/today/tomorrow */
  W_APPROX = 1 << 12, /* about, nearly, almost, ... */
  W_FUZZY = 1 << 13,  /* several, few, many: an unknown count */
  W_PREP = 1 << 14,   /* prepositions that introduce dates */
  W_FUT = 1 << 15,    /* future cue */
  W_PAST = 1 << 16,   /* past cue */
  W_REPORT = 1 << 17, /* reporting verb (said, told) */
  W_PLURAL = 1 << 18, /* unit word in the plural */
  W_ZONE = 1 << 19,   /* time zone abbreviation */
  W_START = 1 << 20   /* may begin an expression ("the", "every", "now") */
};

enum { U_SEC = 1, U_MIN, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_MONTH, U_QUARTER,
       U_HALF, U_YEAR, U_DECADE, U_CENTURY };
enum { P_MO = 1, P_AF, P_EV, P_NI, P_NOON, P_MIDNIGHT, P_DT };
enum { E_EARLY = 1, E_LATE, E_MID, E_EARLIER, E_LATER };
enum { V_PRESENT = 1, V_PAST, V_FUTURE };

typedef struct wordent {
  const char *w;
  uint32_t cls;
  int v;
} wordent;

/* Sorted by w (strcmp order); a word may appear in several classes, on
 * consecutive lines. */
static const wordent words[] = {
    {"a", W_START, 0},
    {"a.m", W_POD, P_DT},
    {"about", W_APPROX, 0},
    {"acknowledged", W_PAST | W_REPORT, 0},
    {"added", W_PAST | W_REPORT, 0},
    {"admitted", W_PAST | W_REPORT, 0},
    {"afternoon", W_POD, P_AF},
    {"afternoons", W_POD | W_PLURAL, P_AF},
    {"ago", W_PAST, 0},
    {"almost", W_APPROX, 0},
    {"am", W_POD, P_DT},
    {"an", W_START, 0},
    {"announced", W_PAST | W_REPORT, 0},
    {"annually", W_SETADV, U_YEAR},
    {"approximately", W_APPROX, 0},
    {"apr", W_MONTH, 4},
    {"april", W_MONTH, 4},
    {"argued", W_PAST | W_REPORT, 0},
    {"arose", W_PAST, 0},
    {"around", W_APPROX, 0},
    {"at", W_START, 0},
    {"aug", W_MONTH, 8},
    {"august", W_MONTH, 8},
    {"autumn", W_SEASON, 3},
    {"awoke", W_PAST, 0},
    {"became", W_PAST, 0},
    {"been", W_PAST, 0},
    {"began", W_PAST, 0},
    {"biweekly", W_SETADV, U_WEEK},
    {"bore", W_PAST, 0},
    {"bought", W_PAST, 0},
    {"bound", W_PAST, 0},
    {"broke", W_PAST, 0},
    {"brought", W_PAST, 0},
    {"built", W_PAST, 0},
    {"came", W_PAST, 0},
    {"centuries", W_UNIT | W_PLURAL, U_CENTURY},
    {"century", W_UNIT, U_CENTURY},
    {"chose", W_PAST, 0},
    {"christmas", W_START, 0},
    {"claimed", W_PAST | W_REPORT, 0},
    {"coming", W_DIR, 1},
    {"confirmed", W_PAST | W_REPORT, 0},
    {"current", W_DIR, 0},
    {"currently", W_VAGUE, V_PRESENT},
    {"daily", W_SETADV, U_DAY},
    {"day", W_UNIT, U_DAY},
    {"days", W_UNIT | W_PLURAL, U_DAY},
    {"dealt", W_PAST, 0},
    {"dec", W_MONTH, 12},
    {"decade", W_UNIT, U_DECADE},
    {"decades", W_UNIT | W_PLURAL, U_DECADE},
    {"december", W_MONTH, 12},
    {"declared", W_PAST | W_REPORT, 0},
    {"denied", W_PAST | W_REPORT, 0},
    {"did", W_PAST, 0},
    {"disclosed", W_PAST | W_REPORT, 0},
    {"drew", W_PAST, 0},
    {"drove", W_PAST, 0},
    {"dug", W_PAST, 0},
    {"each", W_START, 0},
    {"earlier", W_EDGE, E_EARLIER},
    {"early", W_EDGE, E_EARLY},
    {"easter", W_START, 0},
    {"eight", W_NUM, 8},
    {"eighteen", W_NUM, 18},
    {"eighteenth", W_ORD, 18},
    {"eighth", W_ORD, 8},
    {"eighty", W_NUM, 80},
    {"election", W_START, 0},
    {"eleven", W_NUM, 11},
    {"eleventh", W_ORD, 11},
    {"evening", W_POD, P_EV},
    {"evenings", W_POD | W_PLURAL, P_EV},
    {"every", W_START, 0},
    {"expect", W_FUT, 0},
    {"expected", W_FUT, 0},
    {"expects", W_FUT, 0},
    {"fall", W_SEASON, 3},
    {"feb", W_MONTH, 2},
    {"february", W_MONTH, 2},
    {"fed", W_PAST, 0},
    {"fell", W_PAST, 0},
    {"felt", W_PAST, 0},
    {"few", W_FUZZY, 0},
    {"fewer", W_START, 0},
    {"fifteen", W_NUM, 15},
    {"fifteenth", W_ORD, 15},
    {"fifth", W_ORD, 5},
    {"fifty", W_NUM, 50},
    {"first", W_ORD, 1},
    {"fiscal", W_START, 0},
    {"five", W_NUM, 5},
    {"fled", W_PAST, 0},
    {"flew", W_PAST, 0},
    {"following", W_DIR, 2},
    {"forgave", W_PAST, 0},
    {"forgot", W_PAST, 0},
    {"formerly", W_START, 0},
    {"fortnight", W_UNIT, U_WEEK},
    {"forty", W_NUM, 40},
    {"fought", W_PAST, 0},
    {"found", W_PAST, 0},
    {"four", W_NUM, 4},
    {"fourteen", W_NUM, 14},
    {"fourteenth", W_ORD, 14},
    {"fourth", W_ORD, 4},
    {"fri", W_WDAY, 5},
    {"friday", W_WDAY, 5},
    {"fridays", W_START, 0},
    {"froze", W_PAST, 0},
    {"future", W_START, 0},
    {"gave", W_PAST, 0},
    {"gmt", W_ZONE, 0},
    {"good", W_START, 0},
    {"got", W_PAST, 0},
    {"grew", W_PAST, 0},
    {"had", W_PAST, 0},
    {"half", W_UNIT, U_HALF},
    {"halloween", W_START, 0},
    {"held", W_PAST, 0},
    {"hid", W_PAST, 0},
    {"hour", W_UNIT, U_HOUR},
    {"hourly", W_SETADV, U_HOUR},
    {"hours", W_UNIT | W_PLURAL, U_HOUR},
    {"hundred", W_NUM, 100},
    {"hung", W_PAST, 0},
    {"independence", W_START, 0},
    {"insisted", W_PAST | W_REPORT, 0},
    {"jan", W_MONTH, 1},
    {"january", W_MONTH, 1},
    {"jul", W_MONTH, 7},
    {"july", W_MONTH, 7},
    {"jun", W_MONTH, 6},
    {"june", W_MONTH, 6},
    {"kept", W_PAST, 0},
    {"knew", W_PAST, 0},
    {"kst", W_ZONE, 0},
    {"labor", W_START, 0},
    {"last", W_DIR, -1},
    {"late", W_EDGE, E_LATE},
    {"lately", W_START, 0},
    {"later", W_EDGE, E_LATER},
    {"least", W_APPROX, 0},
    {"led", W_PAST, 0},
    {"left", W_PAST, 0},
    {"lent", W_PAST, 0},
    {"less", W_APPROX, 0},
    {"lost", W_PAST, 0},
    {"made", W_PAST, 0},
    {"many", W_FUZZY, 0},
    {"mar", W_MONTH, 3},
    {"march", W_MONTH, 3},
    {"may", W_MONTH, 5},
    {"meant", W_PAST, 0},
    {"memorial", W_START, 0},
    {"met", W_PAST, 0},
    {"mid", W_EDGE, E_MID},
    {"midday", W_POD, P_NOON},
    {"midnight", W_POD, P_MIDNIGHT},
    {"millennium", W_UNIT, 0},
    {"minute", W_UNIT, U_MIN},
    {"minutes", W_UNIT | W_PLURAL, U_MIN},
    {"mon", W_WDAY, 1},
    {"monday", W_WDAY, 1},
    {"mondays", W_START, 0},
    {"month", W_UNIT, U_MONTH},
    {"monthly", W_SETADV, U_MONTH},
    {"months", W_UNIT | W_PLURAL, U_MONTH},
    {"more", W_APPROX, 0},
    {"morning", W_POD, P_MO},
    {"mornings", W_POD | W_PLURAL, P_MO},
    {"nearly", W_APPROX, 0},
    {"new", W_START, 0},
    {"next", W_DIR, 1},
    {"night", W_POD, P_NI},
    {"nightly", W_SETADV, U_DAY},
    {"nights", W_POD | W_PLURAL, P_NI},
    {"nine", W_NUM, 9},
    {"nineteen", W_NUM, 19},
    {"nineteenth", W_ORD, 19},
    {"ninety", W_NUM, 90},
    {"ninth", W_ORD, 9},
    {"noon", W_POD, P_NOON},
    {"noted", W_PAST | W_REPORT, 0},
    {"nov", W_MONTH, 11},
    {"november", W_MONTH, 11},
    {"now", W_START, 0},
    {"nowadays", W_START, 0},
    {"oct", W_MONTH, 10},
    {"october", W_MONTH, 10},
    {"one", W_NUM, 1},
    {"over", W_APPROX, 0},
    {"overnight", W_POD, P_NI},
    {"overtook", W_PAST, 0},
    {"p.m", W_POD, P_DT},
    {"paid", W_PAST, 0},
    {"past", W_DIR, -1},
    {"per", W_START, 0},
    {"plan", W_FUT, 0},
    {"planned", W_FUT, 0},
    {"plans", W_FUT, 0},
    {"pm", W_POD, P_DT},
    {"predicted", W_PAST | W_REPORT, 0},
    {"presently", W_START, 0},
    {"previous", W_DIR, -2},
    {"quarter", W_UNIT, U_QUARTER},
    {"quarters", W_UNIT | W_PLURAL, U_QUARTER},
    {"ran", W_PAST, 0},
    {"recent", W_DIR, -3},
    {"recently", W_START, 0},
    {"reported", W_PAST | W_REPORT, 0},
    {"revealed", W_PAST | W_REPORT, 0},
    {"right", W_START, 0},
    {"rode", W_PAST, 0},
    {"rose", W_PAST, 0},
    {"roughly", W_APPROX, 0},
    {"said", W_PAST | W_REPORT, 0},
    {"sank", W_PAST, 0},
    {"sat", W_WDAY, 6},
    {"saturday", W_WDAY, 6},
    {"saturdays", W_START, 0},
    {"saw", W_PAST, 0},
    {"says", W_REPORT, 0},
    {"scheduled", W_FUT, 0},
    {"second", W_ORD, 2},
    {"second", W_UNIT, U_SEC},
    {"seconds", W_UNIT | W_PLURAL, U_SEC},
    {"sent", W_PAST, 0},
    {"sep", W_MONTH, 9},
    {"sept", W_MONTH, 9},
    {"september", W_MONTH, 9},
    {"seven", W_NUM, 7},
    {"seventeen", W_NUM, 17},
    {"seventeenth", W_ORD, 17},
    {"seventh", W_ORD, 7},
    {"seventy", W_NUM, 70},
    {"several", W_FUZZY, 0},
    {"shall", W_FUT, 0},
    {"shook", W_PAST, 0},
    {"shot", W_PAST, 0},
    {"six", W_NUM, 6},
    {"sixteen", W_NUM, 16},
    {"sixteenth", W_ORD, 16},
    {"sixth", W_ORD, 6},
    {"sixty", W_NUM, 60},
    {"slid", W_PAST, 0},
    {"sold", W_PAST, 0},
    {"some", W_APPROX, 0},
    {"soon", W_START, 0},
    {"sought", W_PAST, 0},
    {"spent", W_PAST, 0},
    {"split", W_PAST, 0},
    {"spoke", W_PAST, 0},
    {"spread", W_PAST, 0},
    {"spring", W_SEASON, 1},
    {"spun", W_PAST, 0},
    {"stated", W_PAST | W_REPORT, 0},
    {"stole", W_PAST, 0},
    {"stood", W_PAST, 0},
    {"struck", W_PAST, 0},
    {"stuck", W_PAST, 0},
    {"stung", W_PAST, 0},
    {"summer", W_SEASON, 2},
    {"sun", W_WDAY, 7},
    {"sunday", W_WDAY, 7},
    {"sundays", W_START, 0},
    {"swept", W_PAST, 0},
    {"swore", W_PAST, 0},
    {"swung", W_PAST, 0},
    {"taught", W_PAST, 0},
    {"ten", W_NUM, 10},
    {"tenth", W_ORD, 10},
    {"thanksgiving", W_START, 0},
    {"that", W_START, 0},
    {"the", W_START, 0},
    {"these", W_START, 0},
    {"third", W_ORD, 3},
    {"thirteen", W_NUM, 13},
    {"thirteenth", W_ORD, 13},
    {"thirtieth", W_ORD, 30},
    {"thirty", W_NUM, 30},
    {"this", W_DIR, 0},
    {"thought", W_PAST, 0},
    {"thousand", W_NUM, 1000},
    {"three", W_NUM, 3},
    {"threw", W_PAST, 0},
    {"thu", W_WDAY, 4},
    {"thur", W_WDAY, 4},
    {"thurs", W_WDAY, 4},
    {"thursday", W_WDAY, 4},
    {"thursdays", W_START, 0},
    {"today", W_REL, 0},
    {"told", W_PAST | W_REPORT, 0},
    {"tomorrow", W_REL, 1},
    {"tonight", W_REL, 0},
    {"took", W_PAST, 0},
    {"tore", W_PAST, 0},
    {"tue", W_WDAY, 2},
    {"tues", W_WDAY, 2},
    {"tuesday", W_WDAY, 2},
    {"tuesdays", W_START, 0},
    {"twelfth", W_ORD, 12},
    {"twelve", W_NUM, 12},
    {"twentieth", W_ORD, 20},
    {"twenty", W_NUM, 20},
    {"two", W_NUM, 2},
    {"under", W_APPROX, 0},
    {"understood", W_PAST, 0},
    {"undertook", W_PAST, 0},
    {"up", W_START, 0},
    {"upcoming", W_DIR, 1},
    {"upheld", W_PAST, 0},
    {"utc", W_ZONE, 0},
    {"valentine", W_START, 0},
    {"warned", W_PAST | W_REPORT, 0},
    {"was", W_PAST, 0},
    {"wed", W_WDAY, 3},
    {"wednesday", W_WDAY, 3},
    {"wednesdays", W_START, 0},
    {"week", W_UNIT, U_WEEK},
    {"weekend", W_UNIT, U_WEEKEND},
    {"weekends", W_UNIT | W_PLURAL, U_WEEKEND},
    {"weekly", W_SETADV, U_WEEK},
    {"weeks", W_UNIT | W_PLURAL, U_WEEK},
    {"went", W_PAST, 0},
    {"wept", W_PAST, 0},
    {"were", W_PAST, 0},
    {"will", W_FUT, 0},
    {"winter", W_SEASON, 4},
    {"withdrew", W_PAST, 0},
    {"within", W_APPROX, 0},
    {"woke", W_PAST, 0},
    {"won", W_PAST, 0},
    {"wore", W_PAST, 0},
    {"wound", W_PAST, 0},
    {"wrote", W_PAST | W_REPORT, 0},
    {"year", W_UNIT, U_YEAR},
    {"yearly", W_SETADV, U_YEAR},
    {"years", W_UNIT | W_PLURAL, U_YEAR},
    {"yesterday", W_REL, -1},
};

typedef struct unit {
  uint32_t start, end; /* bytes in doc->text */
  uint32_t cls;        /* W_* bits */
  int tok;             /* token index */
  char kind;           /* 'w' word, 'n' number, 'p' punctuation */
  char space;          /* whitespace before */
  char cap;            /* first letter uppercase */
  char w[15];          /* lowercase word; suffix of a number ("s", "th") */
  long num;            /* a number's value */
  int ndig;            /* digits in a number; 0 when it has , or . */
  char grouped;        /* digits in groups of three with commas ("6,000"), num their value */
  int8_t month, wday, nval, ord, unitk, pod, season, dir, edge, rel, setv;
} unit;

/* What the table says of a word: its rows' classes and values together
 * (a later row's value wins, as rows are read in order). */
typedef struct wordinfo {
  uint32_t cls;
  int8_t month, wday, nval, ord, unitk, pod, season, dir, edge, rel, setv;
} wordinfo;

/* The table's words in a hash table keyed by their bytes (perf, issue 11:
 * every word of every sentence is looked up, and a probe here costs a
 * multiply and one or two loads where td_strset's hashed the string).
 * A word is the 15 bytes of unit.w (its lowercase, NUL-padded; words of 14
 * bytes or fewer, the ones classify looks up) as two 8-byte keys; wtab_slot
 * holds the entry's index (0: empty; entry 0, all zeros, matches no word),
 * open addressing, linear probing, the hash's multiplier chosen so that
 * no word lies further than the slot after its own (wtab_far: none was).
 * Each entry says what the word's rows say together. Built once
 * (word_index_get), shared read-only by every thread. */
enum { WTAB_BITS = 11 }; /* 2,048 slots for the table's ~300 words */

typedef struct wtab_ent {
  uint64_t k0, k1;       /* the word's bytes 0..7 and 8..14, zero-padded */
  wordinfo info;
} wtab_ent;

static wtab_ent *wtab_ent_of;
static uint16_t wtab_slot[1u << WTAB_BITS];
static int wtab_far;             /* a word lies two slots or more from its own */
static uint64_t wtab_mul = 0xD6E8FEB86659FD93ull;
static uint16_t wtab_lens[256]; /* per first byte: bit n set when a word of n bytes starts so
                                   (the search when wtab_far) */
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static inline uint32_t wtab_hash(uint64_t k0, uint64_t k1) {
  return (uint32_t)(((k0 ^ (k1 * 0x9E3779B97F4A7C15ull)) * wtab_mul) >> (64 - WTAB_BITS));
}

/* The keys of the NUL-padded 15-byte word w. */
static inline void wtab_keys(const char w[15], uint64_t *k0, uint64_t *k1) {
  uint64_t a, b = 0;
  memcpy(&a, w, 8);
  memcpy(&b, w + 8, 7);
  *k0 = a, *k1 = b;
}

static void word_index_init(void) {
  size_t n = sizeof words / sizeof words[0], ne = 1; /* entry 0: no word */
  wtab_ent_of = td_xcalloc(n + 1, sizeof *wtab_ent_of);
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && strcmp(words[i].w, words[i - 1].w) == 0) continue; /* not a first row */
    size_t len = strlen(words[i].w);
    if (len >= 15) continue; /* never looked up (classify: shorter words only) */
    char w[15] = {0};
    memcpy(w, words[i].w, len);
    wtab_ent *x = &wtab_ent_of[ne];
    wtab_keys(w, &x->k0, &x->k1);
    wordinfo *f = &x->info;
    for (const wordent *e = &words[i]; e < words + n && strcmp(e->w, words[i].w) == 0; e++) {
      f->cls |= e->cls;
      if (e->cls & W_MONTH) f->month = (int8_t)e->v;
      if (e->cls & W_WDAY) f->wday = (int8_t)e->v;
      if (e->cls & W_NUM) f->nval = e->v >= 100 ? 0 : (int8_t)e->v;
      if (e->cls & W_ORD) f->ord = (int8_t)e->v;
      if (e->cls & W_UNIT) f->unitk = (int8_t)e->v;
      if (e->cls & W_POD) f->pod = (int8_t)e->v;
      if (e->cls & W_SEASON) f->season = (int8_t)e->v;
      if (e->cls & W_DIR) f->dir = (int8_t)e->v;
      if (e->cls & W_EDGE) f->edge = (int8_t)e->v;
      if (e->cls & W_REL) f->rel = (int8_t)e->v;
      if (e->cls & W_SETADV) f->setv = (int8_t)e->v;
    }
    wtab_lens[(unsigned char)w[0]] |= (uint16_t)(1u << len);
    ne++;
  }
  /* the first multiplier (of a fixed sequence) that leaves every word in
   * its slot or the next: classify then looks at both without a branch */
  for (int t = 0; t < 256; t++) {
    wtab_mul = td_hash_mult(t);
    memset(wtab_slot, 0, sizeof wtab_slot);
    wtab_far = 0;
    for (size_t k = 1; k < ne; k++) {
      uint32_t h = wtab_hash(wtab_ent_of[k].k0, wtab_ent_of[k].k1), d = 0;
      while (wtab_slot[h]) h = (h + 1) & ((1u << WTAB_BITS) - 1), d++;
      if (d >= 2) wtab_far = 1;
      wtab_slot[h] = (uint16_t)k;
    }
    if (!wtab_far) break;
  }
}

/* Builds the table on first use (shared, read-only). */
static void word_index_get(void) { pthread_once(&index_once, word_index_init); }

/* Sets u's classes and values (u zeroed) from the table's rows of its
 * word u->w, n bytes (1 to 14), whose keys k0, k1 (wtab_keys) the caller
 * passes in registers (perf, issue 11: loading them from u->w just after
 * it was written waits for the stores). */
static inline __attribute__((always_inline)) void classify(unit *u, uint64_t k0, uint64_t k1,
                                                          size_t n) {
  const wordinfo *f;
  if (!wtab_far) {
    /* the word's slot and the next, without a branch (perf: whether a
     * word is in the table is a coin toss the predictor lost, and a word
     * that is not takes entry 0's zeros, which u holds already) */
    uint32_t h = wtab_hash(k0, k1);
    const wtab_ent *a = &wtab_ent_of[wtab_slot[h]];
    const wtab_ent *b = &wtab_ent_of[wtab_slot[(h + 1) & ((1u << WTAB_BITS) - 1)]];
    uintptr_t pa = (uintptr_t)&a->info, pb = (uintptr_t)&b->info;
    uintptr_t p0 = (uintptr_t)&wtab_ent_of[0].info;
    int ma = (a->k0 == k0) & (a->k1 == k1), mb = (b->k0 == k0) & (b->k1 == k1);
    uintptr_t pf = mb ? pb : p0;
    pf = ma ? pa : pf;
    f = (const wordinfo *)pf;
  } else {
    if (!(wtab_lens[k0 & 0xff] >> n & 1)) return;
    for (uint32_t h = wtab_hash(k0, k1);; h = (h + 1) & ((1u << WTAB_BITS) - 1)) {
      uint32_t s = wtab_slot[h];
      if (!s) return;
      const wtab_ent *x = &wtab_ent_of[s];
      if (x->k0 == k0 && x->k1 == k1) {
        f = &x->info;
        break;
      }
    }
  }
  u->cls = f->cls;
  u->month = f->month, u->wday = f->wday, u->nval = f->nval, u->ord = f->ord;
  u->unitk = f->unitk, u->pod = f->pod, u->season = f->season, u->dir = f->dir;
  u->edge = f->edge, u->rel = f->rel, u->setv = f->setv;
}

/* ---- units: a sentence's tokens cut into words, numbers, punctuation ---- */

typedef struct units {
  unit *u;
  int n, cap;
} units;

/* A new unit [s, e) of kind at the end of us, its other fields zero. */
static inline __attribute__((always_inline)) unit *new_unit(units *us, uint32_t s, uint32_t e,
                                                           char kind, int space, int tok) {
  if (us->n == us->cap) {
    us->cap = us->cap ? us->cap * 2 : 64;
    us->u = td_xrealloc(us->u, (size_t)us->cap * sizeof *us->u);
  }
  unit *u = &us->u[us->n++];
  memset(u, 0, sizeof *u);
  u->start = s, u->end = e, u->kind = kind, u->space = (char)space, u->tok = tok;
  return u;
}

static inline __attribute__((always_inline)) void add_unit(units *us, const td_doc *doc,
                                                          uint32_t s, uint32_t e, char kind,
                                                          int space, int tok) {
  unit *u = new_unit(us, s, e, kind, space, tok);
  const char *t = doc->text;
  if (kind == 'w') {
    size_t k = e - s < sizeof u->w - 1 ? e - s : sizeof u->w - 1; /* the loop bound, once */
    uint64_t key[2] = {0, 0}; /* u->w's keys (wtab_keys), made as it is written */
    for (size_t q = 0; q < k; q++) {
      char ch = a_lower((unsigned char)t[s + q]);
      u->w[q] = ch;
      key[q >> 3] |= (uint64_t)(unsigned char)ch << (8 * (q & 7));
    }
    u->w[k] = 0;
    u->cap = (unsigned)((unsigned char)t[s] - 'A') < 26u;
    if (e - s < sizeof u->w) classify(u, key[0], key[1], k);
  } else if (kind == 'n') {
    uint32_t i = s;
    int plain = 1, group = 0, grouped = 1; /* group: digits since the last comma, -1 none yet */
    for (; i < e && (a_digit((unsigned char)t[i]) || t[i] == ',' || t[i] == '.'); i++) {
      if (a_digit((unsigned char)t[i])) {
        if (u->num < 100000000) u->num = u->num * 10 + (t[i] - '0');
        u->ndig++, group++;
      } else {
        /* "6,000", "1,250,000": a comma after one to three digits, then three each */
        if (t[i] != ',' || group < 1 || group > 3 || (!plain && group != 3)) grouped = 0;
        plain = 0, group = 0;
      }
    }
    u->grouped = (char)(!plain && grouped && group == 3 && u->ndig <= 8);
    if (!plain) u->ndig = 0;
    size_t k = 0;
    for (; i < e && k < sizeof u->w - 1; i++) u->w[k++] = a_lower((unsigned char)t[i]);
    u->w[k] = 0;
  } else {
    u->w[0] = t[s];
    u->w[1] = 0;
  }
}

/* Cuts token [s, e) into units. Letters keep internal dots ("a.m") and
 * apostrophes ("o'clock"); digits keep internal , and . ("8,000", "2.5")
 * and any letters right after them ("1990s", "1st", "10am"). */
/* Byte length of the UTF-8 sequence at t[i] (1 when invalid). */
static uint32_t utf8_len(const unsigned char *t, uint32_t i, uint32_t e) {
  uint32_t cp;
  int n = td_utf8_decode(t + i, e - i, &cp);
  return n > 0 ? (uint32_t)n : 1;
}

/* A letter: ASCII letters, and non-ASCII code points outside the
 * punctuation and space blocks (dashes, quotes, NBSP stay punctuation). */
static int is_letter(const unsigned char *t, uint32_t i, uint32_t e) {
  if (t[i] < 0x80) return a_alpha(t[i]);
  uint32_t cp;
  if (td_utf8_decode(t + i, e - i, &cp) <= 0) return 0;
  if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0xD7)
    return 0;
  return 1;
}

/* ---- eight bytes at a time (perf, issue 11) ----
 * Most tokens are one run of ASCII letters: one unit, whose lowercase copy
 * and letter test are made on two 8-byte words instead of byte by byte
 * (core.h's td_bytes_alpha, td_bytes_lower). */

/* The one-unit case of cut_token: token [s, e) (at most 16 bytes, and 16
 * bytes readable at s) all ASCII letters. Returns 0, having added nothing,
 * when it is not. */
static int cut_word_fast(units *us, const td_doc *doc, uint32_t s, uint32_t e, int space,
                         int tok) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint32_t n = e - s;
  uint64_t w[2], lw0, lw1 = 0;
  memcpy(w, doc->text + s, 16);
  if (n <= 8) { /* most words: one 8-byte word */
    uint64_t m = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
    if ((td_bytes_alpha(w[0]) & m) != (TD_HIGH8 & m)) return 0;
    lw0 = td_bytes_lower(w[0]) & m;
  } else {
    uint64_t m1 = n == 16 ? ~0ull : (1ull << (8 * (n - 8))) - 1;
    if (td_bytes_alpha(w[0]) != TD_HIGH8 || (td_bytes_alpha(w[1]) & m1) != (TD_HIGH8 & m1)) return 0;
    size_t k = n < 14 ? n : 14; /* the lowercase copy keeps 14 bytes */
    lw0 = td_bytes_lower(w[0]), lw1 = td_bytes_lower(w[1]) & ((1ull << (8 * (k - 8))) - 1);
  }
  unit *u = new_unit(us, s, e, 'w', space, tok);
  /* the letters (at most 14), then NULs: two stores, no 8-byte load across
   * two of them (perf, issue 11: a load that straddles stores waits) */
  memcpy(u->w, &lw0, 8);
  if (n > 8) memcpy(u->w + 8, &lw1, sizeof u->w - 8);
  u->cap = (unsigned)((unsigned char)doc->text[s] - 'A') < 26u;
  if (n < sizeof u->w) classify(u, lw0, lw1, n);
  return 1;
#else
  (void)us, (void)doc, (void)s, (void)e, (void)space, (void)tok;
  return 0;
#endif
}

static inline __attribute__((always_inline)) void cut_token(units *us, const td_doc *doc,
                                                          const td_tok *tk, int tok) {
  const unsigned char *t = (const unsigned char *)doc->text;
  uint32_t i = tk->start, e = tk->end;
  int space = (tk->flags & TD_TOK_SPACE_BEFORE) || tok == 0 ||
              doc->toks[tok - 1].end < tk->start;
  if (e > i && e - i <= 16 && (size_t)i + 16 <= doc->len && cut_word_fast(us, doc, i, e, space, tok))
    return;
  while (i < e) {
    uint32_t s = i;
    if (t[i] < 0x80 ? a_alpha(t[i]) : is_letter(t, i, e)) {
      while (i < e) { /* ASCII without a call (perf, issue 11) */
        unsigned char b = t[i];
        if (b >= 0x80) {
          if (!is_letter(t, i, e)) break;
          i += utf8_len(t, i, e);
        } else if (a_alpha(b) || (b == '.' && i + 1 < e && a_alpha(t[i + 1])) ||
                   (b == '\'' && i == s + 1 && (t[s] | 0x20) == 'o' && i + 1 < e &&
                    a_alpha(t[i + 1]))) {
          i++;
        } else {
          break;
        }
      }
      add_unit(us, doc, s, i, 'w', space, tok);
    } else if (a_digit(t[i])) {
      while (i < e && (a_digit(t[i]) || ((t[i] == ',' || t[i] == '.') && i + 1 < e &&
                                          a_digit(t[i + 1]))))
        i++;
      while (i < e && a_alpha(t[i])) i++;
      add_unit(us, doc, s, i, 'n', space, tok);
    } else {
      i += t[i] < 0x80 ? 1 : utf8_len(t, i, e);
      add_unit(us, doc, s, i, 'p', space, tok);
    }
    space = 0;
  }
}

/* ---- the matcher's state ---- */

enum { T_DATE, T_TIME, T_DURATION, T_SET };
static const char *const type_names[] = {"DATE", "TIME", "DURATION", "SET"};

typedef struct ctx {
  td_doc *doc;
  unit *u;
  int n;
  int has_dct;
  int dy, dm, dd;  /* article date */
  long dct;        /* as days */
  long anchor;     /* the date the narrative last mentioned (days) */
  int has_anchor;
  int anchor_y;    /* the year the narrative last mentioned; 0: none */
  int anchor_ysent;/* the sentence it was written in digits in ("In 1996"); -1: not so */
  int anchor_ys;   /* the sentence of the last expression that gave anchor_y */
  int anchor_ycmp; /* that year was a comparison's base ("up from $4m in 2003") */
  int anchor_m;    /* the month it last mentioned, as year * 12 + month - 1; 0: none */
  int anchor_m_last; /* that month came after the last full date ("last October") */
  int anchor_msent;  /* the sentence of the last expression of a month alone ("in November"); -1: none */
  int quarter;     /* the last quarter mentioned, as year * 4 + q - 1; 0: none */
  int quarter_sent;/* the sentence it was mentioned in */
  int si;          /* the current sentence */
  int play_si;     /* the sentence play_near last answered for (+1; 0: none) */
  int play;        /* its answer */
  const struct rule_hit *rh; /* the sentence's matches of the times.* rules */
  int nrh;
} ctx;

/* A match of a times.* rule (data/times/NAME.rules) over units [u0, u1):
 * name is the rule's name after "times."; for times.X_ref, val is the DATE
 * value X_REF; dir, unit, pod are the first units of the one-token
 * captures of those names (-1: none). */
typedef struct rule_hit {
  int u0, u1;
  char name[24];
  char val[24];
  int dir, unit, pod;
  int hol;         /* times.holiday_*: its day as holiday_day's kind (holiday_kind); 0: none */
} rule_hit;

/* The match of rule times.NAME whose capture `dir` is unit k, or NULL. */
static const rule_hit *hit_at(const ctx *c, const char *name, int k) {
  for (int x = 0; x < c->nrh; x++)
    if (c->rh[x].dir == k && strcmp(c->rh[x].name, name) == 0) return &c->rh[x];
  return NULL;
}

typedef struct hit {
  int end;          /* unit index past the match */
  int type;
  char val[40];
  long day;         /* resolved full date (days) when has_day */
  int has_day;
} hit;

/* -- unit predicates (inlined: the rules call them at every unit they try;
 * perf, issue 11) -- */

/* Whether unit i is the word w, a string literal (is_w below). A unit's
 * w is zero after its NUL (units are zeroed, then filled), so a word of
 * under 8 letters is one 8-byte comparison with the literal padded with
 * NULs, which LIT8 makes a constant (perf, issue 11: the rules ask this
 * a few hundred times per expression they try). */
#define LIT_BYTE(w, k) \
  ((k) < sizeof(w) - 1 ? (uint64_t)(unsigned char)(w)[(k) < sizeof(w) ? (k) : 0] << (8 * (k)) : 0)
#define LIT8(w)                                                                               \
  (LIT_BYTE(w, 0) | LIT_BYTE(w, 1) | LIT_BYTE(w, 2) | LIT_BYTE(w, 3) | LIT_BYTE(w, 4) | \
   LIT_BYTE(w, 5) | LIT_BYTE(w, 6) | LIT_BYTE(w, 7))
#define is_w(c, i, w) is_word((c), (i), (w), sizeof(w) - 1, LIT8(w))
static inline __attribute__((always_inline)) int is_word(const ctx *c, int i, const char *w,
                                                        size_t n, uint64_t lit) {
  if (i < 0 || i >= c->n || c->u[i].kind != 'w') return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (n < 8) {
    uint64_t a;
    memcpy(&a, c->u[i].w, 8);
    return a == lit;
  }
#else
  (void)n, (void)lit;
#endif
  const char *a = c->u[i].w; /* strcmp without the call (perf, issue 11) */
  while (*w && *a == *w) a++, w++;
  return *a == *w;
}
static inline __attribute__((always_inline)) int is_p(const ctx *c, int i, char ch) {
  return i >= 0 && i < c->n && c->u[i].kind == 'p' && c->u[i].w[0] == ch;
}
static inline __attribute__((always_inline)) int has(const ctx *c, int i, uint32_t cls) {
  return i >= 0 && i < c->n && (c->u[i].cls & cls);
}
/* A dot glued to the previous unit ("Nov.", "a.m."): its index + 1, else i. */
static int dot(const ctx *c, int i) {
  const char *w = i > 0 ? c->u[i - 1].w : "";
  return is_p(c, i, '.') && !c->u[i].space && i > 0 && c->u[i - 1].kind == 'w' &&
                 ((strlen(w) <= 4 && strcmp(w, "may") && strcmp(w, "june") && strcmp(w, "july")) ||
                  strchr(w, '.'))
             ? i + 1
             : i;
}
/* Skips a hyphen glued on both sides ("two-year"); else returns i. */
static int hyph(const ctx *c, int i) {
  if (is_p(c, i, '-') && !c->u[i].space && i + 1 < c->n && !c->u[i + 1].space) return i + 1;
  return i;
}
/* Whether unit i is one of the words of list (NULL-terminated; is_w
 * wants a literal). */
static int word_in(const ctx *c, int i, const char *const *list) {
  if (i < 0 || i >= c->n || c->u[i].kind != 'w') return 0;
  for (int x = 0; list[x]; x++)
    if (strcmp(c->u[i].w, list[x]) == 0) return 1;
  return 0;
}
/* A plain number without suffix: its value, else -1. */
static inline __attribute__((always_inline)) long plain_num(const ctx *c, int i) {
  if (i < 0 || i >= c->n || c->u[i].kind != 'n' || c->u[i].w[0] || !c->u[i].ndig) return -1;
  return c->u[i].num;
}
/* A four-digit year 1000..2099 at i (no suffix). */
static int year_at(const ctx *c, int i) {
  long v = plain_num(c, i);
  return c->u[i].ndig == 4 && v >= 1000 && v <= 2099 ? (int)v : 0;
}
/* A year said in words, as broadcast transcripts write it, at i: "nineteen
 * ninety-six", "nineteen seventy" (1920..1999), and, only when two_k,
 * "two thousand [and] [one..ninety-nine]" (a count otherwise: "two
 * thousand troops"). The year, with *end past it; 0 if none. */
static int spoken_year(const ctx *c, int i, int two_k, int *end) {
  const unit *u = c->u;
  if (i + 1 >= c->n || !has(c, i, W_NUM) || !has(c, i + 1, W_NUM)) return 0;
  int y = 0, e = i + 2;
  if (u[i].nval == 19 && u[i + 1].nval >= 20 && u[i + 1].nval <= 90 && u[i + 1].nval % 10 == 0)
    y = 1900 + u[i + 1].nval;
  else if (two_k && u[i].nval == 2 && is_w(c, i + 1, "thousand")) {
    y = 2000;
    int k = is_w(c, e, "and") ? e + 1 : e;
    if (has(c, k, W_NUM) && u[k].nval >= 1 && u[k].nval <= 99) y += u[k].nval, e = k + 1;
    else return *end = e, y;
  } else
    return 0;
  if (u[e - 1].nval >= 20 && is_p(c, e, '-') && !u[e].space && has(c, e + 1, W_NUM) &&
      !u[e + 1].space && u[e + 1].nval >= 1 && u[e + 1].nval <= 9)
    y += u[e + 1].nval, e += 2;
  *end = e;
  return y;
}

/* A day of the month at i: "1", "1st", "22nd"; 0 if none. */
static int mday_at(const ctx *c, int i) {
  if (i < 0 || i >= c->n || c->u[i].kind != 'n' || !c->u[i].ndig || c->u[i].ndig > 2) return 0;
  const char *s = c->u[i].w;
  if (*s && strcmp(s, "st") && strcmp(s, "nd") && strcmp(s, "rd") && strcmp(s, "th")) return 0;
  return c->u[i].num >= 1 && c->u[i].num <= 31 ? (int)c->u[i].num : 0;
}

/* Whether the word at i has one of the three parts of speech. */
static int upos_in(const ctx *c, int i, int p1, int p2, int p3) {
  if (i < 0 || i >= c->n || c->u[i].kind != 'w' || c->u[i].tok < 0) return 0;
  int p = c->doc->toks[c->u[i].tok].upos;
  return p == p1 || p == p2 || p == p3;
}

/* A day of the month spelled out at i: "eighth", "twentieth", "thirtieth",
 * "twenty-first", "twenty first", "thirty-first"; the day, with *end past
 * it, or 0. */
static int word_mday(const ctx *c, int i, int *end) {
  const unit *u = c->u;
  if (has(c, i, W_NUM) && (u[i].nval == 20 || u[i].nval == 30)) {
    int k = is_p(c, i + 1, '-') && !u[i + 1].space ? i + 2 : i + 1;
    if (k > i + 1 && u[k].space) return 0;
    if (!has(c, k, W_ORD) || u[k].ord < 1 || u[k].ord > (u[i].nval == 30 ? 1 : 9)) return 0;
    *end = k + 1;
    return u[i].nval + u[k].ord;
  }
  if (!has(c, i, W_ORD) || u[i].ord < 1 || (u[i].ord > 20 && u[i].ord != 30)) return 0;
  *end = i + 1;
  return u[i].ord;
}

/* Reads a count at i: digits ("86", "2.5" is refused), number words
 * ("twenty four", "twenty-four", "a hundred"), "a"/"an" (1), or a vague
 * count ("several", "a few": -1). Returns the index past it, or i. */
static int read_count(const ctx *c, int i, long *val) {
  long v = plain_num(c, i);
  if (v >= 0 || (i < c->n && c->u[i].grouped && !c->u[i].w[0])) { /* "6,000 years ago" */
    *val = v >= 0 ? v : c->u[i].num;
    return i + 1;
  }
  if (i >= c->n || c->u[i].kind != 'w') return i;
  int j = i;
  if ((is_w(c, j, "a") || is_w(c, j, "an")) && has(c, j + 1, W_FUZZY)) {
    *val = -1;
    return j + 2;
  }
  if (has(c, j, W_FUZZY)) {
    *val = -1;
    return j + 1;
  }
  /* a couple of (2), a dozen (12): counts TimeML gives a value */
  if (is_w(c, j, "couple") && is_w(c, j + 1, "of")) {
    *val = 2;
    return j + 2;
  }
  if (is_w(c, j, "a") && is_w(c, j + 1, "couple") && is_w(c, j + 2, "of")) {
    *val = 2;
    return j + 3;
  }
  if (is_w(c, j, "a") && is_w(c, j + 1, "dozen")) {
    *val = 12;
    return j + 2;
  }
  if (is_w(c, j, "a") || is_w(c, j, "an")) {
    if (is_w(c, j + 1, "hundred")) {
      *val = 100;
      return j + 2;
    }
    *val = 1;
    return j + 1;
  }
  if (!has(c, j, W_NUM)) return i;
  long total = 0, cur = 0;
  int any = 0;
  while (j < c->n && has(c, j, W_NUM)) {
    const unit *u = &c->u[j];
    if (strcmp(u->w, "hundred") == 0) {
      if (!any) break;
      cur = (cur ? cur : 1) * 100;
    } else if (strcmp(u->w, "thousand") == 0) {
      if (!any) break;
      total += (cur ? cur : 1) * 1000;
      cur = 0;
    } else {
      if (any && cur % 10 == 0 && cur % 100 != 0 && u->nval < 10)
        cur += u->nval; /* twenty four */
      else if (any && cur >= 100 && cur % 100 == 0 && u->nval < 100)
        cur += u->nval; /* hundred fifty */
      else if (any)
        break;
      else
        cur = u->nval;
    }
    any = 1;
    j++;
    int h = hyph(c, j);
    if (h != j && has(c, h, W_NUM)) j = h;
    if (is_w(c, j, "and") && has(c, j + 1, W_NUM) && cur >= 100) j++;
  }
  if (!any) return i;
  *val = total + cur;
  return j;
}

/* ---- tense of the clause around units [i, e) ---- */

/* The POS tags clause_tense reads, looked up by name once (perf: the
 * lookup compares names). */
static struct {
  int vbd, vbn, vb, to, nn, nns, jj, vbz, vbp, prps, pos;
} tags;
static int dep_aux, dep_cop, dep_mark, dep_acl; /* relations gov_clause's filter reads */
static pthread_once_t tags_once = PTHREAD_ONCE_INIT;
static void tag_ids(void) {
  tags.vbd = td_xpos_from_name("VBD"), tags.vb = td_xpos_from_name("VB");
  tags.vbn = td_xpos_from_name("VBN");
  tags.to = td_xpos_from_name("TO"), tags.nn = td_xpos_from_name("NN");
  tags.nns = td_xpos_from_name("NNS"), tags.jj = td_xpos_from_name("JJ");
  tags.vbz = td_xpos_from_name("VBZ"), tags.vbp = td_xpos_from_name("VBP");
  tags.prps = td_xpos_from_name("PRP$"), tags.pos = td_xpos_from_name("POS");
  dep_aux = td_deprel_from_name("aux"), dep_cop = td_deprel_from_name("cop");
  dep_mark = td_deprel_from_name("mark"), dep_acl = td_deprel_from_name("acl");
}

/* -1 past, +1 future, 0 unknown, for the clause around units [i, e): a
 * reporting verb right next to the expression dates the saying ("said
 * Friday"): past; else the nearest tense cue decides, one after the
 * expression counting a word farther (English puts the verb first: "met
 * on Thursday and will meet on Monday"), a future cue winning a tie.
 * Future cues: will, 'll, would, shall, plans, planned, planning, expected,
 * scheduled, going to, set/due to VERB (not after was/were/been), none of
 * them when tagged as a noun or adjective or glued to a hyphen
 * ("lower-than-expected"); "as soon as" or "as early as" right before the
 * expression makes it future whatever the clause says. Past cues: a past-tense tag
 * (VBD), or, untagged, was/were/had/did/been, common irregular past forms,
 * words in -ed. A reporting verb after the expression and past a
 * punctuation mark frames a quotation or a clause of its own ("... as
 * soon as Tuesday, Castro said"): it is no cue. */
static const char *const clause_open[] = {"that", "which", "who", "because", "although",
                                          "though", "whereas", "unless", NULL};
static int scan_tense(const ctx *c, int i, int e, const int32_t *gov, int ngov, int *signs,
                      int pres);
/* The clause that governs the expression [i, e) in the sentence's parse:
 * the tokens from the expression's head up its heads to the first verb,
 * and on up while that verb is the complement of another ("plans to hold
 * a rally Friday": hold, plans) or a participle or infinitive of a noun
 * ("a service planned for Saturday was canceled": planned, service,
 * canceled). Up to cap tokens in gov; their number,
 * 0 with no parse. */
static int gov_clause(const ctx *c, int i, int e, int32_t *gov, int cap) {
  const td_doc *d = c->doc;
  int t0 = c->u[i].tok, t1 = c->u[e - 1].tok, h = -1;
  for (int t = t0; t <= t1 && h < 0; t++)
    if (d->toks[t].head < t0 || d->toks[t].head > t1) h = t;
  /* a time as a subject ("Saturday would move ...") is mostly a misparse */
  if (h < 0 || d->toks[h].head < -1 || d->toks[h].deprel == TD_DEP_NSUBJ) return 0;
  int n = 0;
  for (int t = h; t >= 0 && n < cap; t = d->toks[t].head) {
    gov[n++] = t;
    if (d->toks[t].upos == TD_VERB && d->toks[t].deprel != TD_DEP_XCOMP && d->toks[t].deprel != dep_acl)
      break;
  }
  return n;
}

/* pres: a verb in the present tense is a future cue (a bare weekday's:
 * "the talks open on Monday"; scan_tense) */
static int clause_tense_p(const ctx *c, int i, int e, int pres) {
  int signs = 0, t = scan_tense(c, i, e, NULL, 0, &signs, pres);
  /* past and future cues both in the sentence: the nearest one may be
   * another clause's ("ended a meeting on Friday by announcing it would
   * ..."; "who will meet in June, ended ..."), and the parse says which
   * verb the expression belongs to; only then is the sentence parsed */
  if (signs == 3 && td_parse_sentence(c->doc->eng, c->doc, (size_t)c->si)) {
    int32_t gov[8];
    int ng = gov_clause(c, i, e, gov, 8);
    int tg = ng ? scan_tense(c, i, e, gov, ng, &signs, pres) : 0;
    if (tg) t = tg; /* no cue there: the parse may be wrong, the nearest cue stays */
  }
  return t;
}
static int clause_tense(const ctx *c, int i, int e) { return clause_tense_p(c, i, e, 0); }

/* Whether unit k, a word outside the expression [i, e), is a verb in the
 * present tense that sets the expression's day as a schedule ("the talks
 * open on Monday", "he appears in court on Friday", "the film is released
 * on Sunday", "is meeting Ms Furse on Thursday", "On Monday the leaders
 * meet"; scan_tense's pres). Not a reporting verb ("says"), "'s", a
 * capitalized word inside the sentence ("at the Electronics Show in Las
 * Vegas on Friday"), "has"/"have" before a participle or a verb with a
 * perfect between it and the expression (the present perfect tells of
 * the past: "is thought to have been hammered out on Thursday"), a verb
 * before a participle that is not a form of be or get ("details only
 * emerged on Friday": a noun the tagger took for a verb), one after a
 * possessive ("his singles win over Roddick on Friday", "Arsenal's win
 * on Tuesday") or after a past verb of its own clause ("saw its shares
 * rise 14% on Tuesday"), one with a noun between it and the expression
 * ("are investigating an attack on Friday": the noun's day), nor a verb
 * after an expression that does not open the sentence, or after another
 * verb that follows it. */
static int present_cue(const ctx *c, int k, int i, int e, int opens) {
  const td_doc *d = c->doc;
  const unit *u = &c->u[k];
  int x = d->toks[u->tok].xpos;
  if (!x || (x != tags.vbz && x != tags.vbp) || (u->cls & W_REPORT) || is_w(c, k, "s")) return 0;
  if (u->cap && k > 0 && c->u[k - 1].kind == 'w') return 0;
  if (k >= e && !opens) return 0;
  for (int b = e; b < k; b++) /* after the expression, only the first verb */
    if (c->u[b].kind == 'w' && (d->toks[c->u[b].tok].upos == TD_VERB || d->toks[c->u[b].tok].upos == TD_AUX))
      return 0;
  int be = is_w(c, k, "is") || is_w(c, k, "are") || is_w(c, k, "am") || is_w(c, k, "re") ||
           is_w(c, k, "get") || is_w(c, k, "gets");
  for (int b = k + 1; b < c->n && b <= k + 2; b++)
    if (c->u[b].kind == 'w' && (int)d->toks[c->u[b].tok].xpos == tags.vbn && !be) return 0;
  /* a present in a clause of condition or time tells of the future
   * whatever its object ("If Cruz wins Wisconsin's contest Tuesday") */
  static const char *const cond[] = {"if", "unless", "once", "when", NULL};
  int cnd = 0;
  for (int b = k - 1; b >= 0 && b >= k - 6 && !cnd; b--) {
    if (c->u[b].kind == 'p') break;
    cnd = word_in(c, b, cond);
  }
  for (int b = k + 1; b < i; b++) {
    if (c->u[b].kind != 'w') continue;
    int xb = d->toks[c->u[b].tok].xpos;
    if ((xb == tags.nn || xb == tags.nns) && !cnd) return 0;
    if ((is_w(c, b, "have") || is_w(c, b, "has")) && b + 1 < i && c->u[b + 1].kind == 'w' &&
        (int)d->toks[c->u[b + 1].tok].xpos == tags.vbn)
      return 0;
  }
  for (int b = k - 1; b >= 0 && !word_in(c, b, clause_open); b--) {
    if (c->u[b].kind == 'p' && strchr(",;:\"()", c->u[b].w[0])) break;
    if (c->u[b].kind == 'p') continue;
    int xb = d->toks[c->u[b].tok].xpos;
    if (xb == tags.vbd) return 0;
    if (b >= k - 4 && (xb == tags.prps || xb == tags.pos)) return 0;
  }
  return 1;
}

/* clause_tense's scan; with gov, only the cues of the clause gov names
 * count (a verb, or an auxiliary, "to" or a marker of one); signs gets bit
 * 1 for a past cue seen, 2 for a future one. */
static int scan_tense(const ctx *c, int i, int e, const int32_t *gov, int ngov, int *signs,
                      int pres) {
  const td_doc *d = c->doc;
  int best = 0, bestd = 1 << 30;
  /* perf: one tag compare per word, the tags' ids looked up once (tag_ids) */
  int vbd = tags.vbd, vbn = tags.vbn, vb = tags.vb, to = tags.to, nn = tags.nn, nns = tags.nns, jj = tags.jj;
  /* "as soon as Tuesday", "as early as next week": a time not yet come */
  if (i >= 3 && is_w(c, i - 1, "as") && (is_w(c, i - 2, "soon") || is_w(c, i - 2, "early")) &&
      is_w(c, i - 3, "as"))
    return 1;
  /* "on patrol since March": a time since which something holds is past */
  if (i >= 1 && is_w(c, i - 1, "since")) return -1;
  /* "spoke out ahead of Tuesday's first leg", "ahead of a meeting of
   * ministers on Monday": a weekday ahead of the news is still to come
   * (the words before it in the same phrase, no mark between; not after
   * "had": "had forecast ahead of Friday's announcement"; a month or a
   * date "ahead of" is often history: "imposed ahead of its flotation in
   * August") */
  if (has(c, i, W_WDAY))
    for (int k = i - 1; k >= 1 && k >= i - 8 && c->u[k].kind != 'p'; k--) {
      if (is_w(c, k, "had")) break;
      if (is_w(c, k, "of") && is_w(c, k - 1, "ahead")) {
        int had = 0;
        for (int b = k - 2; b >= 0 && b >= k - 6 && c->u[b].kind != 'p' && !had; b--)
          had = is_w(c, b, "had");
        if (!had) return 1;
        break;
      }
    }
  /* "effective Feb. 1", "effective on Monday": the day a change announced
   * takes effect, still to come whatever tense the announcing verb has
   * ("created an office of the chairman, effective Feb. 1") */
  if ((i >= 1 && is_w(c, i - 1, "effective")) ||
      (i >= 2 && is_w(c, i - 2, "effective") && (is_w(c, i - 1, "on") || is_w(c, i - 1, "from"))))
    return 1;
  /* "On Sunday, Davis claimed ...": an expression that opens the
   * sentence dates its main verb, a reporting one too (the rule below
   * is for an expression inside what was said: "... Tuesday, Castro
   * said") */
  static const char *const opener[] = {"on", "in", "at", "by", "since", "until", "from", "during",
                                       "before", "after", "early", "late", "earlier", "later",
                                       "then", "and", "but", NULL};
  int opens = 1;
  for (int k = 0; k < i && opens; k++)
    opens = c->u[k].kind == 'p' || word_in(c, k, opener);
  /* pres: a weekday that names a thing of its own ("after Friday's
   * crash", "Monday's vote is ...", "his Tuesday wins", "a Sunday talk
   * show", "a Super Tuesday state"), any Sunday ("on a Sunday") or
   * one of a month ("on the first Monday in September") is no
   * schedule of the clause's verb */
  if (pres) {
    int a = has(c, e, W_POD) ? e + 1 : e; /* "Monday night" */
    int xa = a < c->n && c->u[a].kind == 'w' ? d->toks[c->u[a].tok].xpos : 0;
    int xb = i >= 1 && c->u[i - 1].kind == 'w' ? d->toks[c->u[i - 1].tok].xpos : 0;
    int poss = 0; /* "Thursday night's debate", with any apostrophe: the tagger's POS */
    for (int b = a; b < c->n && b <= a + 1 && !poss; b++)
      poss = (int)d->toks[c->u[b].tok].xpos == tags.pos && !c->u[b].space;
    if (poss || (e + 1 < c->n && is_p(c, e, '\'') && (is_w(c, e + 1, "s") || !c->u[e].space)) ||
        (xa && (xa == tags.nn || xa == tags.nns)) || (xb && (xb == tags.prps || xb == tags.pos || xb == tags.jj)) ||
        (i >= 1 && (is_w(c, i - 1, "after") || is_w(c, i - 1, "a") || is_w(c, i - 1, "super"))))
      pres = 0;
  }
  int punct_after = 0; /* a punctuation unit lies in [e, k) */
  for (int k = 0; k < c->n; k++) {
    if (k > e && c->u[k - 1].kind == 'p') punct_after = 1;
    if (k >= i && k < e) continue;
    const unit *u = &c->u[k];
    if (u->kind != 'w') continue;
    /* a clause opened after the expression has its own tense ("said on
     * Tuesday that it would cut jobs" is the Tuesday before) */
    if (k >= e && k > i && word_in(c, k, clause_open)) break;
    int dist = k < i ? i - k : k - e + 2;
    const td_tok *tk = &d->toks[u->tok];
    if (gov) {
      /* an auxiliary, "to" or a marker is a cue of the verb it goes
       * with, a participle before a noun one of the noun ("a planned
       * rally on Saturday") */
      int cv = u->tok;
      if (tk->upos == TD_AUX || tk->upos == TD_PART || tk->deprel == dep_aux || tk->deprel == dep_cop ||
          tk->deprel == dep_mark || tk->deprel == TD_DEP_AUX_PASS || tk->deprel == TD_DEP_AMOD)
        cv = tk->head;
      int in = 0;
      for (int g = 0; g < ngov && !in; g++) in = gov[g] == cv;
      if (!in) continue;
    }
    if ((u->cls & W_REPORT) && k >= e && punct_after && !opens) continue;
    /* "will be announced on Monday", "to be told Friday": the saying
     * is still to come, and the verb before it decides; "predicted for
     * May" names the time of what was said */
    int report = (u->cls & W_REPORT) && !(k > 0 && (is_w(c, k - 1, "be") || is_w(c, k - 1, "been"))) &&
                 !(k + 1 == i - 1 && is_w(c, k + 1, "for"));
    if (report && (k < i ? i - k : k - e + 1) <= 2) return -1;
    int t = (u->cls & W_FUT) != 0;
    /* a cue word used as a noun or an adjective says nothing of the
     * tense ("announced the plan Aug. 21", "lower-than-expected"), but
     * one before "to" is the verb whatever its tag ("plans to hold") */
    if (t && tk->xpos && ((int)tk->xpos == nn || (int)tk->xpos == nns || (int)tk->xpos == jj) &&
        !is_w(c, k + 1, "to"))
      t = 0;
    if (t && k > 0 && is_p(c, k - 1, '-') && !u->space) t = 0; /* "-than-expected" */
    /* "fewer jobs than expected in December": a comparison, no plan;
     * "had been expected to win the December auction", "had been
     * scheduled to expire at midnight Friday": a plan of the past, the
     * "had" before it tells (as for set and due below). ("as expected"
     * stays a cue: "if it is held, as expected, on 5 May") */
    if (t && k > 0 && (is_w(c, k - 1, "than") || is_w(c, k - 1, "been"))) t = 0;
    /* a participle before its noun is an adjective too ("the hastily
     * planned trip", "the expected merger") */
    if (t && (int)tk->xpos == vbn && k + 1 < c->n && c->u[k + 1].kind == 'w' &&
        ((int)d->toks[c->u[k + 1].tok].xpos == nn || (int)d->toks[c->u[k + 1].tok].xpos == nns))
      t = 0;
    /* perf: the first byte before each strcmp */
    if (!t && u->w[0] == 'g' && strcmp(u->w, "going") == 0 && is_w(c, k + 1, "to")) t = 1;
    if (!t && u->w[0] == 'l' && strcmp(u->w, "ll") == 0 && k > 0 && is_p(c, k - 1, '\'')) t = 1;
    /* "is set to resume", "are due to meet": a verb must follow "to" ("due
     * to the storm" is a cause), and a past "was"/"had been" before it
     * makes it a plan of the past ("had been due to expire Friday") */
    if (!t && ((u->w[0] == 's' && strcmp(u->w, "set") == 0) ||
               (u->w[0] == 'd' && strcmp(u->w, "due") == 0)) &&
        is_w(c, k + 1, "to") && (int)d->toks[c->u[k + 1].tok].xpos == to && k + 2 < c->n &&
        c->u[k + 2].kind == 'w' && (int)d->toks[c->u[k + 2].tok].xpos == vb &&
        !(k > 0 && (is_w(c, k - 1, "was") || is_w(c, k - 1, "were") || is_w(c, k - 1, "been"))))
      t = 1;
    /* "the results are due on Monday", "the overhaul, due on Thursday",
     * "they are all due in on Sunday": scheduled (not "is due to the
     * storm": a cause; not "was due", "had been due": a plan of the past) */
    if (!t && u->w[0] == 'd' && strcmp(u->w, "due") == 0 && !is_w(c, k + 1, "to") &&
        !(k > 0 && (is_w(c, k - 1, "was") || is_w(c, k - 1, "were") || is_w(c, k - 1, "been"))))
      t = 1;
    /* "the programme, to be aired on Sunday", "the festival to be held
     * in June": a passive infinitive on a noun tells of a thing still to
     * be done (not after a verb or adjective: "was upset to be dropped
     * for Friday's singles", "were likely to be set out when it unveiled
     * its results on Friday") */
    if (!t && (int)tk->xpos == vbn && k >= 3 && is_w(c, k - 1, "be") && is_w(c, k - 2, "to") &&
        (c->u[k - 3].kind == 'p' || (c->u[k - 3].kind == 'w' &&
                                     (d->toks[c->u[k - 3].tok].upos == TD_NOUN ||
                                      d->toks[c->u[k - 3].tok].upos == TD_PROPN))))
      t = 1;
    if (!t && ((u->w[0] == 'w' && strcmp(u->w, "would") == 0) ||
               (u->w[0] == 'p' && strcmp(u->w, "planning") == 0)))
      t = 1;
    /* "the court is to rule on Friday": a verb after "is/are to" */
    if (!t && (is_w(c, k, "is") || is_w(c, k, "are")) && is_w(c, k + 1, "to") &&
        (int)d->toks[c->u[k + 1].tok].xpos == to && k + 2 < c->n && c->u[k + 2].kind == 'w' &&
        (int)d->toks[c->u[k + 2].tok].xpos == vb)
      t = 1;
    /* "were planning to drive", "was expected to vote": the plan, not
     * its past, is the cue (the word after this one) */
    if (!t && k + 1 < c->n && (is_w(c, k, "was") || is_w(c, k, "were")) &&
        ((c->u[k + 1].cls & W_FUT) || is_w(c, k + 1, "planning") || is_w(c, k + 1, "going")))
      continue;
    if (!t) {
      if (tk->xpos) t = tk->xpos < td_xpos_count && (int)tk->xpos == vbd ? -1 : 0;
      else if (u->cls & W_PAST) t = -1;
      else {
        size_t L = strlen(u->w);
        if (L > 4 && strcmp(u->w + L - 2, "ed") == 0 && strcmp(u->w, "need") &&
            strcmp(u->w, "indeed") && strcmp(u->w, "hundred") && strcmp(u->w, "speed"))
          t = -1;
      }
    }
    /* a participle after its noun that is not a plan tells of a thing
     * done ("the poll released Sunday shows ..."; not "a service planned
     * for Saturday", "a film to be released in the summer") */
    if (!t && gov && (int)tk->xpos == vbn && tk->deprel == dep_acl && !is_w(c, k - 1, "be")) t = -1;
    /* unparsed, the same right before the expression ("a block of shares
     * issued July 1", "the agreement signed on Friday"): the participle
     * after a noun, the expression after it or after on/in/at */
    if (!t && !gov && (int)tk->xpos == vbn && k >= 1 && k < i &&
        (k + 1 == i || (k + 2 == i && (is_w(c, k + 1, "on") || is_w(c, k + 1, "in") ||
                                       is_w(c, k + 1, "at")))) &&
        c->u[k - 1].kind == 'w' && d->toks[c->u[k - 1].tok].upos == TD_NOUN)
      t = -1;
    if (!t && pres && present_cue(c, k, i, e, opens)) t = 1, dist++;
    if (t) *signs |= t < 0 ? 1 : 2;
    if (t && (dist < bestd || (dist == bestd && t > 0))) best = t, bestd = dist;
  }
  return best;
}

/* ---- value formatting ---- */

/* snprintf(out, cap, fmt, ...) for the conversions the values here use:
 * %s, %c, %d, %ld, with a zero-padded width of one digit (%04d, %02ld);
 * any other format goes to vsnprintf (perf: a value is formatted at every
 * expression a rule tries, and printf's machinery cost more than the
 * rules). The same bytes, cut at cap as snprintf cuts them. */
static void tfmt(char *out, size_t cap, const char *fmt, ...) {
  char t[128];
  size_t n = 0;
  va_list ap;
  va_start(ap, fmt);
  for (const char *f = fmt; *f; f++) {
    if (n + 24 > sizeof t) goto slow;
    if (*f != '%') {
      t[n++] = *f;
      continue;
    }
    f++;
    int width = 0;
    if (*f == '0' && f[1] >= '1' && f[1] <= '9') width = f[1] - '0', f += 2;
    if (*f == 's' && !width) {
      const char *a = va_arg(ap, const char *);
      size_t k = a ? strlen(a) : sizeof t;
      if (n + k + 24 > sizeof t) goto slow; /* (NULL too: printf's "(null)") */
      memcpy(t + n, a, k), n += k;
    } else if (*f == 'c' && !width) {
      t[n++] = (char)va_arg(ap, int);
    } else if (*f == 'd' || (*f == 'l' && f[1] == 'd')) {
      long v = *f == 'd' ? (long)va_arg(ap, int) : va_arg(ap, long);
      if (*f == 'l') f++;
      char d[24];
      unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
      size_t k = td_fmt_u64(d, u);
      if (v < 0) t[n++] = '-';
      for (size_t z = k + (v < 0); z < (size_t)width; z++) t[n++] = '0';
      memcpy(t + n, d, k), n += k;
    } else {
      goto slow;
    }
  }
  va_end(ap);
  if (cap) {
    size_t k = n < cap - 1 ? n : cap - 1;
    memcpy(out, t, k);
    out[k] = 0;
  }
  return;
slow:
  va_end(ap);
  va_start(ap, fmt);
  vsnprintf(out, cap, fmt, ap);
  va_end(ap);
}

static void fmt_day(char *out, size_t cap, long days) {
  int y, m, d;
  civil_from_days(days, &y, &m, &d);
  tfmt(out, cap, "%04d-%02d-%02d", y, m, d);
}

static void set_day(hit *h, int type, long days) {
  h->type = type;
  fmt_day(h->val, sizeof h->val, days);
  h->day = days, h->has_day = 1;
}

static const char *pod_code(int pod) {
  static const char *const codes[] = {"", "MO", "AF", "EV", "NI", "12:00", "24:00", ""};
  return codes[pod];
}

/* The year a month (or month-day) without a year falls in: the one of
 * the article's year and its neighbours closest to the article date, where
 * a date after it counts as far in a past clause, and one before it as far
 * in a future clause; with no tense cue a date after it still counts
 * farther (news reports the past more than it forecasts: "rose from $29
 * in March" in October is this March). */
static int place_month(const ctx *c, int m, int d, int tense) {
  int best = c->dy;
  long bestscore = 1L << 40;
  for (int y = c->dy - 1; y <= c->dy + 1; y++) {
    long cand = td_days_from_civil(y, m, d ? d : 15);
    long diff = cand - c->dct, score = diff < 0 ? -diff : diff;
    long slack = d ? 0 : 16;
    if (tense < 0 && diff > slack) score += 250;
    if (tense > 0 && diff < -slack) score += 250;
    if (tense == 0 && diff > slack) score += 180; /* news reports the past more */
    if (score < bestscore) best = y, bestscore = score;
  }
  return best;
}

/* Date of weekday wd relative to ref: dir<0: latest on or before ref;
 * dir>0: next on or after ref. */
static long place_wday(long ref, int wd, int dir) {
  int cur = iso_wday(ref);
  if (dir > 0) return ref + (wd - cur + 7) % 7;
  return ref - (cur - wd + 7) % 7;
}

/* ---- the rules: each tries to match at unit i, fills h, returns 1 ---- */

/* Granularities of a relative "this/last/next UNIT". */
static void unit_shift(const ctx *c, hit *h, int uk, int n) {
  h->type = T_DATE;
  if (!c->has_dct) {
    static const char *const x[] = {"", "", "", "", "XXXX-XX-XX", "XXXX-WXX", "XXXX-WXX-WE",
                                    "XXXX-XX", "XXXX-QX", "XXXX-HX", "XXXX", "XXX", "XX"};
    tfmt(h->val, sizeof h->val, "%s", x[uk]);
    return;
  }
  int y = c->dy, m = c->dm, wy, wn;
  switch (uk) {
  case U_DAY:
    set_day(h, T_DATE, c->dct + n);
    break;
  case U_WEEK:
  case U_WEEKEND:
    iso_week(c->dct + 7L * n, &wy, &wn);
    tfmt(h->val, sizeof h->val, "%04d-W%02d%s", wy, wn, uk == U_WEEKEND ? "-WE" : "");
    break;
  case U_MONTH: {
    int mm = y * 12 + (m - 1) + n;
    tfmt(h->val, sizeof h->val, "%04d-%02d", mm / 12, mm % 12 + 1);
    break;
  }
  case U_QUARTER: {
    int q = y * 4 + (m - 1) / 3 + n;
    tfmt(h->val, sizeof h->val, "%04d-Q%d", q / 4, q % 4 + 1);
    break;
  }
  case U_HALF: {
    int hh = y * 2 + (m - 1) / 6 + n;
    tfmt(h->val, sizeof h->val, "%04d-H%d", hh / 2, hh % 2 + 1);
    break;
  }
  case U_YEAR:
    tfmt(h->val, sizeof h->val, "%04d", y + n);
    break;
  case U_DECADE:
    tfmt(h->val, sizeof h->val, "%03d", y / 10 + n);
    break;
  case U_CENTURY:
    tfmt(h->val, sizeof h->val, "%02d", y / 100 + n);
    break;
  default:
    tfmt(h->val, sizeof h->val, "PRESENT_REF");
  }
}

/* A duration value: P3Y, PT86M, PXD (n < 0: unknown count). */
static void dur_value(char *out, size_t cap, int uk, long n, int half) {
  static const char *const unit_code[] = {"", "S", "M", "H", "D", "W", "WE", "M", "Q",
                                          "H", "Y", "DE", "CE"};
  int timeunit = uk == U_SEC || uk == U_MIN || uk == U_HOUR;
  const char *code = unit_code[uk];
  long mul = 1;
  if (uk == U_HALF) code = "M", mul = 6;
  if (uk == U_WEEKEND) code = "D", mul = 2;
  if (uk == U_DECADE && n >= 0) code = "Y", mul = 10;
  if (uk == U_CENTURY && n >= 0) code = "Y", mul = 100;
  if (n < 0)
    tfmt(out, cap, "P%sX%s", timeunit ? "T" : "", code);
  else if (half && (uk == U_MIN || uk == U_HOUR || uk == U_YEAR || uk == U_DAY))
    tfmt(out, cap, "P%s%ld%s", uk == U_HOUR || uk == U_MIN ? "T" : "", n,
         uk == U_MIN ? "M30S" : uk == U_HOUR ? "H30M" : uk == U_YEAR ? "Y6M" : "DT12H");
  else if (half)
    tfmt(out, cap, "P%s%ld.5%s", timeunit ? "T" : "", n * mul, code);
  else
    tfmt(out, cap, "P%s%ld%s", timeunit ? "T" : "", n * mul, code);
}

/* Shifts the article date (or the anchor) by n units and formats it at
 * that unit's granularity: "two days ago", "a year earlier". */
static void shift_value(const ctx *c, hit *h, long ref, int uk, long n) {
  h->type = T_DATE;
  if (!c->has_dct || n == LONG_MIN) {
    static const char *const x[] = {"", "XXXX-XX-XXTXX:XX:XX", "XXXX-XX-XXTXX:XX", "XXXX-XX-XXTXX",
                                    "XXXX-XX-XX", "XXXX-WXX", "XXXX-WXX", "XXXX-XX", "XXXX-QX",
                                    "XXXX-HX", "XXXX", "XXX", "XX"};
    tfmt(h->val, sizeof h->val, "%s", c->has_dct ? "PAST_REF" : x[uk]);
    return;
  }
  int y, m, d, wy, wn;
  civil_from_days(ref, &y, &m, &d);
  switch (uk) {
  case U_SEC:
  case U_MIN:
  case U_HOUR:
  case U_DAY:
    set_day(h, T_DATE, ref + (uk == U_DAY ? n : 0));
    if (uk == U_DAY) break;
    h->has_day = 0;
    break;
  case U_WEEK:
  case U_WEEKEND:
    iso_week(ref + 7 * n, &wy, &wn);
    tfmt(h->val, sizeof h->val, "%04d-W%02d", wy, wn);
    break;
  case U_MONTH: {
    long mm = (long)y * 12 + (m - 1) + n;
    tfmt(h->val, sizeof h->val, "%04ld-%02ld", mm / 12, mm % 12 + 1);
    break;
  }
  case U_QUARTER: { /* "two quarters ago", "that quarter": a quarter, not a month */
    long q = (long)y * 4 + (m - 1) / 3 + n;
    tfmt(h->val, sizeof h->val, "%04ld-Q%ld", q / 4, q % 4 + 1);
    break;
  }
  case U_HALF: {
    long hh = (long)y * 2 + (m - 1) / 6 + n;
    tfmt(h->val, sizeof h->val, "%04ld-H%ld", hh / 2, hh % 2 + 1);
    break;
  }
  case U_YEAR:
  case U_DECADE:
  case U_CENTURY: {
    /* a year before year 1 with TimeML's BC ("6,000 years ago" in 2005: BC3996) */
    long yy = y + n * (uk == U_DECADE ? 10 : uk == U_CENTURY ? 100 : 1);
    if (yy > 0) tfmt(h->val, sizeof h->val, "%04ld", yy);
    else tfmt(h->val, sizeof h->val, "BC%04ld", 1 - yy);
    break;
  }
  }
}

static int play_cb(void *vctx, const td_match *m) {
  const td_doc *doc = vctx;
  const td_tok *t = &doc->toks[m->tok0];
  if (strcmp(m->payload, "noun") == 0 && t->upos != TD_NOUN) return 0;
  if (m->tok0 > 0 && strcmp(t->norm, "game") == 0 && strcmp(doc->toks[m->tok0 - 1].norm, "'s") == 0)
    return 0; /* "a loser's game" */
  return 1;
}

/* Whether the current sentence or one of the five before holds a word
 * of a game played (data/times/play.dict.tsv, class times.play): "the
 * referee", "half-time", "scored", "a penalty", the match or game as a
 * noun. Asked only for a half or quarter without a year, and answered
 * once per sentence. */
static int play_near(const ctx *c) {
  static const char *const cls[] = {"times.play", NULL};
  const td_doc *doc = c->doc;
  if (c->play_si == c->si + 1) return c->play;
  ctx *w = (ctx *)c;
  w->play_si = c->si + 1, w->play = 0;
  if (!doc->eng || !doc->eng->dict || (size_t)c->si >= doc->nsents) return 0;
  const td_sent *a = &doc->sents[c->si >= 5 ? c->si - 5 : 0], *b = &doc->sents[c->si];
  w->play = td_match_range(doc->eng->dict, doc, a->tok0, b->tok0 + b->ntok, cls, play_cb,
                           (void *)doc) != 0;
  return c->play;
}

/* Easter Sunday of year y (the Gregorian computus: the epact from the
 * golden number and the century corrections, then the next Sunday). */
static long easter_day(int y) {
  int a = y % 19, b = y / 100, cc = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, hh = (19 * a + b - d - g + 15) % 30;
  int i = cc / 4, k = cc % 4, l = (32 + 2 * e + 2 * i - hh - k) % 7;
  int m = (a + 11 * hh + 22 * l) / 451;
  int month = (hh + l - 7 * m + 114) / 31, day = (hh + l - 7 * m + 114) % 31 + 1;
  return td_days_from_civil(y, month, day);
}

/* Holidays of data/times/holidays.rules, as kinds of holiday_day: a
 * fixed day (HOL_FIXED + month * 32 + day), a day counted from Easter
 * (HOL_EASTER + 100 + days), the n-th weekday of a month (HOL_NTH +
 * month * 100 + weekday * 10 + n, n = 5 the last). */
enum { HOL_FIXED = 1000, HOL_EASTER = 2000, HOL_NTH = 3000 };

/* The kind of a rule named times.holiday_MM_DD, times.holiday_easter_N
 * (times.holiday_easter_mN: N days before), times.holiday_MM_WD_N (the
 * N-th weekday WD, 1 = Monday, of month MM; N = 5 the last); 0 when the
 * name is none of these. */
static int holiday_kind(const char *name) {
  int a, b, n, len = 0;
  if (sscanf(name, "holiday_easter_m%d%n", &a, &len) == 1 && !name[len] && a > 0 && a < 100)
    return HOL_EASTER + 100 - a;
  if (sscanf(name, "holiday_easter_%d%n", &a, &len) == 1 && !name[len] && a >= 0 && a < 100)
    return HOL_EASTER + 100 + a;
  if (sscanf(name, "holiday_%d_%d_%d%n", &a, &b, &n, &len) == 3 && !name[len] && a >= 1 &&
      a <= 12 && b >= 1 && b <= 7 && n >= 1 && n <= 5)
    return HOL_NTH + a * 100 + b * 10 + n;
  if (sscanf(name, "holiday_%d_%d%n", &a, &b, &len) == 2 && !name[len] && a >= 1 && a <= 12 &&
      b >= 1 && b <= td_month_days(2000, a))
    return HOL_FIXED + a * 32 + b;
  return 0;
}

/* The day of a holiday in year y: fixed days, and the US ones that move
 * (Thanksgiving: fourth Thursday of November; Labor Day: first Monday of
 * September; Memorial Day: last Monday of May; Election Day: the Tuesday
 * after the first Monday of November), and Easter (Western, Gregorian:
 * the Sunday after the Paschal full moon) with Good Friday and Easter
 * Monday. */
static long holiday_day(int kind, int y) {
  if (kind >= HOL_NTH) { /* the n-th (5: last) weekday wd of month m */
    int m = (kind - HOL_NTH) / 100, wd = (kind - HOL_NTH) / 10 % 10, n = (kind - HOL_NTH) % 10;
    if (n == 5) return place_wday(td_days_from_civil(y, m, td_month_days(y, m)), wd, -1);
    return place_wday(td_days_from_civil(y, m, 1), wd, 1) + 7 * (n - 1);
  }
  if (kind >= HOL_EASTER) return easter_day(y) + (kind - HOL_EASTER - 100);
  if (kind >= HOL_FIXED) return td_days_from_civil(y, (kind - HOL_FIXED) / 32, (kind - HOL_FIXED) % 32);
  switch (kind) {
  case 1: return td_days_from_civil(y, 12, 25);        /* Christmas (Day) */
  case 2: return td_days_from_civil(y, 12, 24);        /* Christmas Eve */
  case 3: return td_days_from_civil(y, 1, 1);          /* New Year's Day */
  case 4: return td_days_from_civil(y, 12, 31);        /* New Year's Eve */
  case 5: return td_days_from_civil(y, 7, 4);          /* Independence Day */
  case 6: return td_days_from_civil(y, 10, 31);        /* Halloween */
  case 7: return td_days_from_civil(y, 2, 14);         /* Valentine's Day */
  case 8: return place_wday(td_days_from_civil(y, 11, 1), 4, 1) + 21; /* Thanksgiving */
  case 9: return place_wday(td_days_from_civil(y, 9, 1), 1, 1);       /* Labor Day */
  case 11: return place_wday(td_days_from_civil(y, 11, 2), 2, 1);     /* Election Day */
  case 12: return easter_day(y);                                      /* Easter [Sunday] */
  case 13: return easter_day(y) - 2;                                  /* Good Friday */
  case 14: return easter_day(y) + 1;                                  /* Easter Monday */
  default: return place_wday(td_days_from_civil(y, 5, 31), 1, -1);    /* Memorial Day */
  }
}

static int found_cb(void *found, const td_match *m) {
  (void)m;
  *(int *)found = 1;
  return 1;
}

/* Whether unit i is a capitalized word the dictionary knows as a given
 * name (data/actors/given-names.dict.tsv): "Johnnie" before a surname. */
static int given_name(const ctx *c, int i) {
  static const char *const cls[] = {"name.given", NULL};
  const unit *x = &c->u[i];
  char buf[32];
  if (x->kind != 'w' || !x->cap || !c->doc->eng || !c->doc->eng->dict ||
      x->end - x->start >= sizeof buf)
    return 0;
  memcpy(buf, c->doc->text + x->start, x->end - x->start);
  buf[x->end - x->start] = 0;
  int found = 0;
  td_dict_lookup(c->doc->eng->dict, buf, cls, found_cb, &found);
  return found;
}

/* Whether the word at unit e names a thing called after a holiday
 * before it (data/times/named-for.dict.tsv, class times.named_for): "the
 * Christmas tree", "a Valentine's Day card", "the Christmas number one";
 * the holiday is then part of a name, no time. Looked up only after a
 * holiday found by name. */
static int named_for_holiday(const ctx *c, int e) {
  static const char *const cls[] = {"times.named_for", NULL};
  const td_doc *doc = c->doc;
  if (e >= c->n || c->u[e].kind != 'w' || c->u[e].cap || !doc->eng || !doc->eng->dict ||
      (size_t)c->si >= doc->nsents)
    return 0;
  const td_sent *s = &doc->sents[c->si];
  uint32_t tok = (uint32_t)c->u[e].tok;
  if (e > 0 && c->u[e - 1].tok == c->u[e].tok) return 0; /* not at a token's start */
  int found = 0;
  return td_match_at(doc->eng->dict, doc, tok, s->tok0 + s->ntok, cls, found_cb, &found) > tok;
}

static inline __attribute__((always_inline)) int holiday_name_at(const ctx *c, int i, int *end);

/* A holiday at i: its kind (see holiday_day), and *end past it; none
 * where it names a thing ("the Christmas tree") or is a surname after a
 * given name, as a month is (month_name): "Johnnie Christmas", "John
 * Easter", not "John Easter 2005". */
static int holiday_at(const ctx *c, int i, int *end) {
  int k = holiday_name_at(c, i, end);
  if (k && i > 0 && c->u[i - 1].cap && !year_at(c, *end) && given_name(c, i - 1)) return 0;
  return k && named_for_holiday(c, *end) ? 0 : k;
}

/* A holiday name at i: its kind (see holiday_day), and *end past it. */
static inline __attribute__((always_inline)) int holiday_name_at(const ctx *c, int i, int *end) {
  const unit *u = c->u;
  if (i >= c->n || u[i].kind != 'w' || !u[i].cap) return 0;
  int apos = is_p(c, i + 1, '\'') && is_w(c, i + 2, "s"); /* Valentine's */
  if (is_w(c, i, "christmas")) {
    if (i > 0 && is_w(c, i - 1, "father") && u[i - 1].cap) return 0; /* Father Christmas */
    if (is_w(c, i + 1, "eve")) return *end = i + 2, 2;
    return *end = is_w(c, i + 1, "day") ? i + 2 : i + 1, 1;
  }
  if (is_w(c, i, "new") && is_w(c, i + 1, "year") && is_p(c, i + 2, '\'') && is_w(c, i + 3, "s")) {
    if (is_w(c, i + 4, "day")) return *end = i + 5, 3;
    if (is_w(c, i + 4, "eve")) return *end = i + 5, 4;
    return 0;
  }
  if (is_w(c, i, "independence") && is_w(c, i + 1, "day")) return *end = i + 2, 5;
  if (is_w(c, i, "halloween")) return *end = i + 1, 6;
  if (is_w(c, i, "valentine") && apos && is_w(c, i + 3, "day")) return *end = i + 4, 7;
  if (is_w(c, i, "thanksgiving")) return *end = is_w(c, i + 1, "day") ? i + 2 : i + 1, 8;
  if (is_w(c, i, "labor") && is_w(c, i + 1, "day")) return *end = i + 2, 9;
  if (is_w(c, i, "memorial") && is_w(c, i + 1, "day")) return *end = i + 2, 10;
  if (is_w(c, i, "election") && is_w(c, i + 1, "day") && u[i + 1].cap) return *end = i + 2, 11;
  if (is_w(c, i, "easter")) {
    if (is_w(c, i + 1, "monday") && u[i + 1].cap) return *end = i + 2, 14;
    if ((is_w(c, i + 1, "sunday") || is_w(c, i + 1, "day")) && u[i + 1].cap) return *end = i + 2, 12;
    /* not "Easter Island", "the Easter Rising", "Easter eggs" */
    if (i + 1 < c->n && u[i + 1].kind == 'w' && (u[i + 1].cap || c->doc->toks[u[i + 1].tok].upos == TD_NOUN))
      return 0;
    return *end = i + 1, 12;
  }
  if (is_w(c, i, "good") && is_w(c, i + 1, "friday") && u[i + 1].cap) return *end = i + 2, 13;
  for (int x = 0; x < c->nrh; x++) /* Boxing Day, St Patrick's Day, Ash Wednesday: the rules */
    if (c->rh[x].u0 == i && c->rh[x].hol) return *end = c->rh[x].u1, c->rh[x].hol;
  return 0;
}

/* Whether "until"/"till" comes right before unit i, or before a clock
 * time that ends there ("until Tuesday", "until 9 a.m. Tuesday"), as a
 * deadline: a day not yet past. So it is in a clause that is not past
 * ("has until Friday to respond"), or after a word of postponing or
 * granting time whatever its tense ("extended the deadline until
 * Tuesday", "postponed until Tuesday morning", "gave them until
 * Friday"); not when it opens the sentence ("Until Thursday, they had
 * not called him a suspect" looks back), nor "stayed shut until Monday". */
static int zone_at(const ctx *c, int i);
static int until_before(const ctx *c, int i) {
  int k = i - 1;
  for (int n = 0; n < 6 && k >= 0; n++, k--) {
    const unit *x = &c->u[k];
    if (!(x->kind == 'n' || (x->kind == 'p' && x->w[0] != ',' && x->w[0] != ';') ||
          (x->cls & (W_POD | W_ZONE)) || zone_at(c, k) == k + 1)) /* "9 a.m. EST Tuesday" */
      break;
  }
  /* "postponed to Thursday", "delayed to Monday", "pushed back to Friday",
   * "rescheduled for Tuesday": the new day, not yet come */
  if (k > 0 && (is_w(c, k, "to") || is_w(c, k, "for"))) {
    static const char *const moved[] = {"postpon", "delay", "defer", "adjourn", "reschedul",
                                        "pushed", NULL};
    int w = is_w(c, k - 1, "back") ? k - 2 : k - 1;
    for (int x = 0; moved[x] && w >= 0 && c->u[w].kind == 'w'; x++)
      if (strncmp(c->u[w].w, moved[x], strlen(moved[x])) == 0) return 1;
    return 0;
  }
  if (k <= 0 || !(is_w(c, k, "until") || is_w(c, k, "till"))) return 0;
  static const char *const stems[] = {"postpon", "delay", "extend", "adjourn", "defer", "gave",
                                      "give", "deadline", "suspend", "recess", NULL};
  /* the words of the clause before "until": back to a comma, a semicolon
   * or at most eight words ("The mayor gave a speech, and the shop stayed
   * shut until Monday" is no deadline) */
  for (int w = k - 1; w >= 0 && w >= k - 8; w--) {
    if (c->u[w].kind == 'p' && (c->u[w].w[0] == ',' || c->u[w].w[0] == ';')) break;
    for (int x = 0; stems[x] && c->u[w].kind == 'w'; x++)
      if (strncmp(c->u[w].w, stems[x], strlen(stems[x])) == 0) return 1;
  }
  return clause_tense(c, i, i + 1) >= 0;
}

/* Whether today/tomorrow at i means the present or the future in
 * general, no day: "today's youth", "in today's world" (a noun of the
 * age), "many of today's personal computers", "today's consumer devices"
 * (a plural noun, adjectives or nouns between, unless one of the day's
 * happenings: "today's talks", "today's results"), "the people of
 * tomorrow" ("as of tomorrow" is a day); "today's ruling" is the day's;
 * or a title ("BBC Radio 4's Today programme"). */
static int generic_day(const ctx *c, int i) {
  static const char *const age[] = {"world", "youth", "society", "generation", "culture",
                                    "economy", "climate", "technology", "media", NULL};
  static const char *const happenings[] = {
      "talks", "elections", "results", "figures", "proceedings", "hearings", "negotiations",
      "celebrations", "events", "protests", "strikes", "games", "matches", "races", "papers",
      "newspapers", "editions", "issues", "headlines", "gains", "losses", "markets", "meetings",
      "votes", NULL};
  /* "told BBC Radio 4's Today programme", "Are You Lonesome Tonight",
   * "The Day Today": capitalized inside the sentence, not after an
   * opening quotation mark, bracket, colon or dash, a title */
  if (c->u[i].cap && i > 0) {
    const unit *p = &c->u[i - 1];
    if (!(p->kind == 'p' && strchr("\"'`([:-", p->w[0]))) return 1;
  }
  if (is_w(c, i, "tomorrow"))
    return i > 0 && is_w(c, i - 1, "of") && !(i > 1 && is_w(c, i - 2, "as"));
  if (!is_w(c, i, "today") || !is_p(c, i + 1, '\'') || !is_w(c, i + 2, "s")) return 0;
  for (int k = i + 3; k < c->n && k <= i + 5; k++) {
    if (c->u[k].kind != 'w') return 0;
    if (word_in(c, k, age)) return 1;
    const td_tok *t = &c->doc->toks[c->u[k].tok];
    if (tags.nns && (int)t->xpos == tags.nns) return !word_in(c, k, happenings);
    if (t->upos != TD_ADJ && t->upos != TD_NOUN) return 0;
  }
  return 0;
}

/* Whether the short weekday at j ("Sun", "Wed", "Fri") is the
 * abbreviation of a day: written with its dot and followed by more of a
 * date or a clause ("Sun. Nov. 3", "Fri., 10 a.m.", "on Wed. the
 * court"); not the newspaper or the company at the end of a sentence
 * ("he told The Sun.", "systems maintained by Sun. So-called grid
 * computing"). */
static int wday_abbrev(const ctx *c, int j) {
  if (!is_p(c, j + 1, '.') || j + 2 >= c->n || (j > 0 && is_w(c, j - 1, "the"))) return 0;
  const unit *n = &c->u[j + 2];
  return n->kind == 'n' || (n->kind == 'p' && n->w[0] == ',') ||
         (n->kind == 'w' && (!n->cap || has(c, j + 2, W_MONTH)));
}

/* Whether the weekday at j begins a title, before a capitalized word
 * (past a part of day) after "the", a possessive or "Daily and": "The
 * Sunday Telegraph", "in the Sunday Express", "BBC Radio Scotland's Sunday
 * Live programme", "Ant & Dec's Saturday Night Takeaway", "The Daily and
 * Sunday Telegraph"; or before a name and a word of the press: "by Sunday
 * Telegraph journalist Robert Peston" ("on Tuesday Mr Blair said", "On
 * Tuesday Labour chairman Ian McCartney" are the day); or ends one: "The
 * Mail on Sunday", "the Independent on Sunday". */
static int wday_title(const ctx *c, int j) {
  /* the Sunday titles of British papers: "The Mail on Sunday survey",
   * "told the Independent on Sunday" */
  if (j >= 2 && c->u[j].wday == 7 && is_w(c, j - 1, "on") && c->u[j - 2].cap &&
      (is_w(c, j - 2, "mail") || is_w(c, j - 2, "independent")))
    return 1;
  int n = j + 1;
  if (has(c, n, W_POD) && n < c->n && c->u[n].cap) n++;
  if (j == 0 || n >= c->n || c->u[n].kind != 'w' || !c->u[n].cap ||
      has(c, n, W_MONTH | W_WDAY | W_ZONE | W_REL))
    return 0;
  static const char *const media[] = {"journalist", "journalists", "reporter", "columnist",
                                      "editor", "programme", "newspaper", "magazine", NULL};
  if (is_w(c, j - 1, "the") || word_in(c, n + 1, media)) return 1;
  if (j >= 2 && is_w(c, j - 1, "s") && !c->u[j - 1].space && is_p(c, j - 2, '\'')) return 1;
  return j >= 2 && is_w(c, j - 1, "and") && c->u[j - 2].kind == 'w' && c->u[j - 2].cap &&
         !has(c, j - 2, W_WDAY | W_MONTH);
}

/* A specific day starting at i: ISO "2024-11-01", numeric "11/1/2024"
 * (unambiguous only), "November 1[, 2024]", "1 Nov[.] [2024]",
 * "the 1st of November", "[last|next|this] Friday[, Nov. 1]", "today",
 * "yesterday", "tomorrow", "tonight", "the previous/next/following day",
 * "the same day", "that day". Returns the index past it (i when none) and
 * fills h with a DATE. *pod receives a part of day implied ("tonight"). */
static int day_expr(const ctx *c, int i, hit *h, int *pod) {
  const unit *u = c->u;
  *pod = 0;
  /* ISO 2024-11-01 */
  if (year_at(c, i) && is_p(c, i + 1, '-') && !u[i + 1].space && plain_num(c, i + 2) >= 1 &&
      u[i + 2].ndig == 2 && !u[i + 2].space && is_p(c, i + 3, '-') && !u[i + 3].space &&
      plain_num(c, i + 4) >= 1 && u[i + 4].ndig == 2 && !u[i + 4].space) {
    int y = year_at(c, i), m = (int)u[i + 2].num, d = (int)u[i + 4].num;
    if (td_valid_day(y, m, d)) {
      set_day(h, T_DATE, td_days_from_civil(y, m, d));
      return i + 5;
    }
  }
  /* numeric 11/1/2024, 13/1/2024, 1/13/24 */
  if (plain_num(c, i) >= 1 && u[i].ndig <= 2 && is_p(c, i + 1, '/') && !u[i + 1].space &&
      plain_num(c, i + 2) >= 1 && u[i + 2].ndig <= 2 && !u[i + 2].space && is_p(c, i + 3, '/') &&
      !u[i + 3].space && plain_num(c, i + 4) >= 0 && !u[i + 4].space &&
      (u[i + 4].ndig == 4 || u[i + 4].ndig == 2)) {
    int a = (int)u[i].num, b = (int)u[i + 2].num, y = (int)u[i + 4].num;
    if (u[i + 4].ndig == 2) y += y < 50 ? 2000 : 1900;
    int m = 0, d = 0;
    if (a <= 12 && (b > 12 || a == b)) m = a, d = b;
    else if (b <= 12 && a > 12) m = b, d = a;
    if (m && td_valid_day(y, m, d)) {
      set_day(h, T_DATE, td_days_from_civil(y, m, d));
      return i + 5;
    }
    return i;
  }
  int j = i, wd = 0, dir = 99;
  /* [last|next|this] weekday [,] [date]: the modifier words are rule
   * times.weekday_shift (data/times/relative.rules) */
  /* the previous Friday, the following Monday: from the date the narrative
   * last mentioned (the article's when none) */
  if (is_w(c, j, "the") && (is_w(c, j + 1, "previous") || is_w(c, j + 1, "following")) &&
      has(c, j + 2, W_WDAY) && u[j + 2].cap && (strlen(u[j + 2].w) > 4 || is_p(c, j + 3, '.')) &&
      c->has_dct) {
    long ref = c->has_anchor ? c->anchor : c->dct;
    int back = is_w(c, j + 1, "previous");
    set_day(h, T_DATE, back ? place_wday(ref - 1, u[j + 2].wday, -1)
                            : place_wday(ref + 1, u[j + 2].wday, 1));
    return dot(c, j + 3);
  }
  const rule_hit *rw = hit_at(c, "weekday_shift", j);
  if (rw && rw->unit == j + 1 && has(c, j, W_DIR) && u[j].dir >= -1 && u[j].dir <= 1 &&
      has(c, j + 1, W_WDAY) && u[j + 1].cap)
    dir = u[j].dir, j++;
  if (has(c, j, W_WDAY) && u[j].cap && (strlen(u[j].w) > 4 || wday_abbrev(c, j)) &&
      !wday_title(c, j)) {
    wd = u[j].wday;
    j = dot(c, j + 1);
    hit h2;
    int p2, k = is_p(c, j, ',') ? j + 1 : j;
    /* "Friday, Nov. 1": the date that follows (never another weekday, so
     * this recursion is one level deep) */
    int e2 = has(c, k, W_MONTH) || (k < c->n && c->u[k].kind == 'n') ? day_expr(c, k, &h2, &p2) : k;
    if (e2 > k && h2.has_day) {
      *h = h2;
      return e2;
    }
    /* "Thursday 9", "Thursday the 9th": the 9th that is a Thursday, in
     * the month nearest the article date that has one (the month left
     * unsaid); not "Friday 10 a.m.", "Friday 3-1" */
    int k3 = is_w(c, k, "the") ? k + 1 : k, md = mday_at(c, k3);
    if (md && c->has_dct && dir == 99 &&
        !(k3 + 1 < c->n &&
          (u[k3 + 1].kind == 'n' || has(c, k3 + 1, W_POD | W_UNIT | W_MONTH) ||
           (u[k3 + 1].kind == 'p' && !u[k3 + 1].space &&
            (strchr(":-/", u[k3 + 1].w[0]) ||
             (u[k3 + 1].w[0] == '.' && k3 + 2 < c->n && u[k3 + 2].kind == 'n' && !u[k3 + 2].space)))))) {
      long best = LONG_MIN;
      for (int dm = -2; dm <= 2; dm++) {
        int mm = c->dy * 12 + c->dm - 1 + dm, yy = mm / 12, mo = mm % 12 + 1;
        if (md > td_month_days(yy, mo)) continue;
        long day = td_days_from_civil(yy, mo, md);
        if (iso_wday(day) == wd && (best == LONG_MIN || labs(day - c->dct) < labs(best - c->dct)))
          best = day;
      }
      if (best != LONG_MIN) {
        set_day(h, T_DATE, best);
        return k3 + 1;
      }
    }
    if (!c->has_dct) {
      h->type = T_DATE;
      tfmt(h->val, sizeof h->val, "XXXX-WXX-%d", wd);
      h->has_day = 0;
      return j;
    }
    long day;
    if (dir == -1) day = place_wday(c->dct - 1, wd, -1);
    else if (dir == 1) day = place_wday(c->dct + 1, wd, 1);
    else {
      int t = dir == 0 || until_before(c, i) ? 1 : clause_tense_p(c, i, j, dir == 99);
      day = place_wday(c->dct, wd, t > 0 ? 1 : -1);
      if (dir == 0 && day - c->dct > 6) day -= 7;
    }
    set_day(h, T_DATE, day);
    return j;
  }
  if (dir != 99) return i;
  /* holidays: Christmas, Thanksgiving [Day], New Year's Eve [2024] */
  int hk, he, hdir = 0, h0 = i;
  if (i + 1 < c->n && u[i + 1].cap && (is_w(c, i, "last") || is_w(c, i, "next") || is_w(c, i, "this")) &&
      holiday_at(c, i + 1, &he))
    hdir = is_w(c, i, "last") ? -1 : is_w(c, i, "next") ? 1 : 2, h0 = i + 1;
  if ((hk = holiday_at(c, h0, &he))) {
    int y = 0, k = is_p(c, he, ',') ? he + 1 : he;
    if (hdir) k = -1; /* "last Christmas 2019" is not read */
    if (k >= 0 && (y = year_at(c, k))) he = k + 1;
    else if (c->has_dct && hdir) {
      /* last Thanksgiving: the one before the article date; next: after;
       * this: the article's year */
      y = c->dy;
      long d0 = holiday_day(hk, y);
      if (hdir == -1 && d0 >= c->dct) y--;
      if (hdir == 1 && d0 <= c->dct) y++;
    } else if (c->has_dct) {
      int t = clause_tense(c, i, he);
      y = c->dy;
      long d0 = holiday_day(hk, y);
      if (t < 0 && d0 > c->dct) y--;
      else if (t > 0 && d0 < c->dct) y++;
      else if (!t && d0 - c->dct > 183) y--;
      else if (!t && c->dct - d0 > 183) y++;
    }
    if (!y) {
      h->type = T_DATE, h->has_day = 0;
      long d0 = holiday_day(hk, 2001); /* a year with the fixed days only */
      int yy, mm, dd;
      civil_from_days(d0, &yy, &mm, &dd);
      if ((hk >= 12 && hk < 15) || (hk >= HOL_EASTER && hk < HOL_NTH))
        tfmt(h->val, sizeof h->val, "XXXX-XX-XX"); /* Easter: March or April */
      else if ((hk >= 8 && hk < 15) || hk >= HOL_NTH) tfmt(h->val, sizeof h->val, "XXXX-%02d-XX", mm);
      else tfmt(h->val, sizeof h->val, "XXXX-%02d-%02d", mm, dd);
    } else
      set_day(h, T_DATE, holiday_day(hk, y));
    return he;
  }
  /* today, yesterday, tomorrow, tonight */
  if (has(c, i, W_REL) && generic_day(c, i)) return i;
  if (has(c, i, W_REL)) {
    if (strcmp(u[i].w, "tonight") == 0) *pod = P_NI;
    if (!c->has_dct) {
      h->type = T_DATE;
      tfmt(h->val, sizeof h->val, "XXXX-XX-XX");
      h->has_day = 0;
    } else
      set_day(h, T_DATE, c->dct + u[i].rel);
    return i + 1;
  }
  /* the day before yesterday, the day after tomorrow */
  if (is_w(c, i, "the") && is_w(c, i + 1, "day") &&
      ((is_w(c, i + 2, "before") && is_w(c, i + 3, "yesterday")) ||
       (is_w(c, i + 2, "after") && is_w(c, i + 3, "tomorrow")))) {
    if (!c->has_dct) {
      h->type = T_DATE, h->has_day = 0;
      tfmt(h->val, sizeof h->val, "XXXX-XX-XX");
    } else
      set_day(h, T_DATE, c->dct + (is_w(c, i + 2, "before") ? -2 : 2));
    return i + 4;
  }
  /* the previous/next/following/same day, that day, the day before/after */
  if ((is_w(c, i, "the") || is_w(c, i, "that")) && i + 1 < c->n) {
    int k = i + 1, off = 99;
    if ((is_w(c, k, "day") || has(c, k, W_POD)) && is_w(c, i, "that")) off = 0, k--;
    else if (is_w(c, k, "day")) off = 0, k--;
    else if (is_w(c, k, "previous")) off = -1;
    else if (is_w(c, k, "next") || is_w(c, k, "following")) off = 1;
    else if (is_w(c, k, "same")) off = 0;
    if (off != 99 && (is_w(c, k + 1, "day") || (has(c, k + 1, W_POD) && !(u[k + 1].cls & W_PLURAL) &&
                                                 u[k + 1].pod <= P_NI))) {
      int e = k + 2;
      if (is_w(c, i + 1, "day") || is_w(c, i + 1, "morning")) {
        /* "the day before" / "the day after" / "that day" */
        if (is_w(c, i, "the")) {
          if (is_w(c, e - 1, "day") && (is_w(c, e, "before") || is_w(c, e, "after")) &&
              (e + 1 >= c->n || c->u[e + 1].kind == 'p'))
            off = is_w(c, e, "before") ? -1 : 1, e++;
          else
            return i;
        }
      }
      if (has(c, k + 1, W_POD)) *pod = u[k + 1].pod;
      if (!c->has_dct) {
        h->type = T_DATE;
        tfmt(h->val, sizeof h->val, "XXXX-XX-XX");
        h->has_day = 0;
      } else if (off == 0 && !*pod && c->anchor_m_last && c->anchor_m) {
        /* "killed last October ... crossed out that same day": a day
         * of the month named last, after the last full date */
        h->type = T_DATE, h->has_day = 0;
        tfmt(h->val, sizeof h->val, "%04d-%02d-XX", c->anchor_m / 12, c->anchor_m % 12 + 1);
      } else
        set_day(h, T_DATE, (c->has_anchor ? c->anchor : c->dct) + off);
      return e;
    }
  }
  /* the 1st of November [2024], the twenty-first of May */
  int we = i + 2, wday_d = 0;
  if (is_w(c, i, "the") && !(mday_at(c, i + 1) && c->u[i + 1].w[0]))
    wday_d = word_mday(c, i + 1, &we);
  if (is_w(c, i, "the") && ((mday_at(c, i + 1) && c->u[i + 1].w[0]) || wday_d) &&
      is_w(c, we, "of") && has(c, we + 1, W_MONTH) && u[we + 1].cap) {
    int d = wday_d ? wday_d : mday_at(c, i + 1), m = u[we + 1].month, e = dot(c, we + 2), y = 0;
    int k = is_p(c, e, ',') ? e + 1 : e;
    if ((y = year_at(c, k))) e = k + 1;
    else y = c->has_dct ? place_month(c, m, d, clause_tense(c, i, e)) : 0;
    goto have_mdy;
  have_mdy:
    if (y && !td_valid_day(y, m, d)) return i;
    if (!y) {
      h->type = T_DATE, h->has_day = 0;
      tfmt(h->val, sizeof h->val, "XXXX-%02d-%02d", m, d);
    } else
      set_day(h, T_DATE, td_days_from_civil(y, m, d));
    return e;
  }
  /* November 1[st][,] [2024] */
  if (has(c, i, W_MONTH) && u[i].cap) {
    int m = u[i].month, e = dot(c, i + 1), d, y = 0, we2;
    /* March eighth, May twenty-first: not a verb "May", not an ordinal of
     * a noun after the month ("in May first-time buyers", "in June second
     * round voting") */
    if (!mday_at(c, e) && (d = word_mday(c, e, &we2)) && !upos_in(c, i, TD_VERB, TD_AUX, TD_AUX) &&
        !is_p(c, we2, '-') && !has(c, we2, W_UNIT | W_NUM | W_ORD) &&
        !upos_in(c, we2, TD_NOUN, TD_PROPN, TD_ADJ) && !upos_in(c, we2, TD_NUM, TD_NUM, TD_NUM)) {
      e = we2;
      goto have_day;
    }
    if (!(d = mday_at(c, e)) || (is_p(c, e + 1, ':') && plain_num(c, e + 2) >= 0 && !u[e + 2].space) || (is_p(c, e + 1, ',') && plain_num(c, e + 2) >= 0 && u[e + 2].ndig == 3))
      return i;
    if (has(c, e + 1, W_UNIT) || has(c, e + 1, W_NUM)) return i;
    e++;
  have_day:;
    int k = is_p(c, e, ',') ? e + 1 : e;
    if ((y = year_at(c, k))) e = k + 1;
    else if (has(c, e, W_DIR) && is_w(c, e + 1, "year") && u[e].dir >= -1 && u[e].dir <= 1 &&
             strcmp(u[e].w, "past") && strcmp(u[e].w, "current"))
      y = c->has_dct ? c->dy + u[e].dir : 0, e += 2; /* Dec. 20 last year */
    else y = c->has_dct ? place_month(c, m, d, clause_tense(c, i, e)) : 0;
    if (y && !td_valid_day(y, m, d)) return i;
    if (!y) {
      h->type = T_DATE, h->has_day = 0;
      tfmt(h->val, sizeof h->val, "XXXX-%02d-%02d", m, d);
    } else
      set_day(h, T_DATE, td_days_from_civil(y, m, d));
    return e;
  }
  /* 1 Nov[.] [2024] */
  if (mday_at(c, i) && has(c, i + 1, W_MONTH) && u[i + 1].cap) {
    int d = mday_at(c, i), m = u[i + 1].month, e = dot(c, i + 2), y = 0;
    if ((y = year_at(c, e))) e++;
    else y = c->has_dct ? place_month(c, m, d, clause_tense(c, i, e)) : 0;
    if (y && !td_valid_day(y, m, d)) return i;
    if (!y) {
      h->type = T_DATE, h->has_day = 0;
      tfmt(h->val, sizeof h->val, "XXXX-%02d-%02d", m, d);
    } else
      set_day(h, T_DATE, td_days_from_civil(y, m, d));
    return e;
  }
  return i;
}

/* Words that make a capitalized "May"/"March" a month, not a verb. */
static int month_context(const ctx *c, int i) {
  static const char *const pre[] = {"in", "since", "until", "till", "by", "of", "from", "to",
                                     "before", "after", "during", "through", "early", "late",
                                     "mid", "last", "next", "this", "throughout", "between",
                                     "and", "or", "each", "every", "until", "around", "-"};
  if (i > 0)
    for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++)
      if (strcmp(c->u[i - 1].w, pre[k]) == 0) return 1;
  int e = dot(c, i + 1);
  return year_at(c, e) || mday_at(c, e) || is_p(c, e, ',') || is_p(c, e, '.') || e >= c->n;
}

/* Words that put a year after them without naming it ("In 2011"). */
static int preposition(const char *w) {
  static const char *const p[] = {"in", "by", "since", "until", "from", "during", "before",
                                  "after", "through", "of", "to", "between", "and", "or",
                                  "for", "around", "circa", "throughout", "till", "as"};
  for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
    if (strcmp(w, p[k]) == 0) return 1;
  return 0;
}

/* A possessive determiner: "his", "their", ... */
static int possessive(const char *w) {
  static const char *const pw[] = {"his", "her", "their", "its", "my", "your", "our", NULL};
  for (int k = 0; pw[k]; k++)
    if (strcmp(w, pw[k]) == 0) return 1;
  return 0;
}

/* Whether the month at i is a name: a surname after a given name
 * ("Theresa May said", "Tom May"), or a given name before a proper noun,
 * with no word of time before it nor a day or year after it, and no
 * article or count before ("wrote Ring of Fire with June Carter Cash";
 * "the September Tankan", "the three November Tests", "In September Spears
 * married" are months). */
static int month_name(const ctx *c, int i) {
  if (i > 0 && given_name(c, i - 1) && !year_at(c, dot(c, i + 1))) return 1;
  int e = dot(c, i + 1);
  if (e >= c->n || c->u[e].kind != 'w' || !c->u[e].cap ||
      c->doc->toks[c->u[e].tok].upos != TD_PROPN || has(c, e, W_MONTH | W_WDAY | W_ZONE))
    return 0;
  if (i > 0 && (c->u[i - 1].kind == 'n' || has(c, i - 1, W_NUM) || is_w(c, i - 1, "the") ||
                is_w(c, i - 1, "a") || is_w(c, i - 1, "an") || possessive(c->u[i - 1].w)))
    return 0;
  return !month_context(c, i);
}

/* The quarter a year before the one named within the two sentences
 * before (the last completed one when none was): "the year-ago quarter",
 * "the same period last year" in a quarterly report. */
static void year_ago_quarter(const ctx *c, hit *h) {
  if (!c->has_dct) {
    tfmt(h->val, sizeof h->val, "XXXX-QX");
    return;
  }
  int qq = (c->quarter && c->si - c->quarter_sent <= 2 ? c->quarter
                                                       : c->dy * 4 + (c->dm - 1) / 3 - 1) - 4;
  tfmt(h->val, sizeof h->val, "%04d-Q%d", qq / 4, qq % 4 + 1);
}

/* Whether "the year" / "the week" at units [j, k] may be a time after
 * what comes before it: after "of" only when of a part of it ("the
 * second half of the year", "the rest of the year") or as a possessive
 * ("a result of the week's rally"); "player of the year" names no time. */
static int the_period_ok(const ctx *c, int j, int k) {
  static const char *const part[] = {"rest", "remainder", "end", "start", "beginning",
                                     "middle", "course", "part", "balance", "bulk", NULL};
  if (j < 2 || !is_w(c, j - 1, "of") || (is_p(c, k + 1, '\'') && is_w(c, k + 2, "s"))) return 1;
  /* "every day of the week", "any time of the year": every one, no one week */
  if (j >= 3 && (is_w(c, j - 3, "every") || is_w(c, j - 3, "each") || is_w(c, j - 3, "any")))
    return 0;
  return has(c, j - 2, W_UNIT) || has(c, j - 2, W_ORD) || word_in(c, j - 2, part);
}

/* "the [early|late|mid-] summer [of 1994]" at k (units at "the"): the
 * index of the season word when the determiner makes it a time (after a
 * preposition, with an edge word, or before a year), else k. TimeML keeps
 * the determiner ("into the summer", "over the summer", "the late
 * spring", "the winter of nineteen ninety-four"). Not before a noun or a
 * name ("the summer months", "the autumn Tests"), not a subject ("The
 * spring broke"), not "the winter of discontent"; "fall" is a decline as
 * often ("blamed for the fall in confidence", "because of the fall"):
 * only after a preposition of time and not before "in", "to", "from". */
static int the_season(const ctx *c, int k) {
  static const char *const fall_pre[] = {"for", "of", "to", "and", "or", "as", "from",
                                         "between", NULL};
  static const char *const fall_post[] = {"in", "to", "from", NULL};
  const unit *u = c->u;
  int k2 = k + 1, of_y = 0;
  if (has(c, k2, W_EDGE) && u[k2].edge <= E_MID) k2 = hyph(c, k2 + 1);
  if (!has(c, k2, W_SEASON) || (u[k2].cls & W_MONTH) || u[k2].cap) return k;
  if (k2 + 1 < c->n && u[k2 + 1].kind == 'w' &&
      (c->doc->toks[u[k2 + 1].tok].upos == TD_NOUN || u[k2 + 1].cap))
    return k;
  if (is_w(c, k2 + 1, "of") || is_p(c, k2 + 1, ','))
    of_y = year_at(c, k2 + 2) || spoken_year(c, k2 + 2, 0, &(int){0}) ||
           (is_w(c, k2 + 1, "of") && (is_w(c, k2 + 2, "last") || is_w(c, k2 + 2, "next") ||
                                      is_w(c, k2 + 2, "this")) &&
            is_w(c, k2 + 3, "year")); /* the summer of last year */
  if (is_w(c, k2 + 1, "of") && !of_y) return k; /* "the winter of discontent" */
  int prep = k > 0 && u[k - 1].kind == 'w' &&
             (preposition(u[k - 1].w) || is_w(c, k - 1, "into") || is_w(c, k - 1, "over"));
  if (is_w(c, k2, "fall") && (word_in(c, k - 1, fall_pre) || word_in(c, k2 + 1, fall_post)))
    prep = 0;
  return prep || of_y || k2 > k + 1 ? k2 : k;
}

/* Months, seasons, years, decades, centuries, quarters, halves, and
 * "this/last/next UNIT" at i (after any edge modifier). */
/* Whether the two-digit decade at unit k (its expression starting at j,
 * "the" or "mid-" before it) is something else: an age later in a list
 * ("in their 30s, 40s and 50s"), a count ("10s of thousands", "the 10s,
 * 100s and 1,000s") or part of a name ("Band Aid 20's remake"). */
static int decade_not_time(const ctx *c, int j, int k) {
  const unit *u = c->u;
  int x = j - 1; /* back over ", 40s and": the first of the list decides */
  while (x >= 1 && (is_p(c, x, ',') || is_w(c, x, "and") || is_w(c, x, "or") || is_w(c, x, "to")) &&
         u[x - 1].kind == 'n' && u[x - 1].ndig == 2 && strcmp(u[x - 1].w, "s") == 0)
    x -= 2;
  if (x < j - 1 && x >= 0 && u[x].kind == 'w' && possessive(u[x].w)) return 1;
  int e = strcmp(u[k].w, "s") == 0 ? k + 1 : k + 3;
  if (is_w(c, e, "of") && (is_w(c, e + 1, "thousands") || is_w(c, e + 1, "millions") ||
                           is_w(c, e + 1, "hundreds") || is_w(c, e + 1, "billions")))
    return 1;
  if (is_p(c, e, ',') && e + 1 < c->n && u[e + 1].kind == 'n' && (u[e + 1].ndig != 2) &&
      strcmp(u[e + 1].w, "s") == 0)
    return 1;
  return j == k && k > 1 && u[k - 1].kind == 'w' && u[k - 1].cap && u[k - 2].kind == 'w' &&
         !has(c, k - 1, W_MONTH | W_START | W_PREP);
}

/* "fiscal" at k, or "financial" before "year" (British: "the financial
 * year", "this financial year"): the word that may come before a year of
 * accounts. */
static int fiscal_at(const ctx *c, int k) {
  return is_w(c, k, "fiscal") || (is_w(c, k, "financial") && is_w(c, k + 1, "year"));
}

static int period_expr(const ctx *c, int i, hit *h) {
  const unit *u = c->u;
  int j = i;
  h->has_day = 0;
  h->type = T_DATE;
  /* fiscal [year] 1989, the year 2000 */
  if (fiscal_at(c, j) && is_w(c, j + 1, "year") && year_at(c, j + 2)) j += 2;
  else if (is_w(c, j, "fiscal") && year_at(c, j + 1)) j += 1;
  else if (is_w(c, j, "the") && is_w(c, j + 1, "year") && year_at(c, j + 2)) j += 2;
  int y;
  if (j > i && (y = year_at(c, j))) {
    tfmt(h->val, sizeof h->val, "%04d", y);
    return j + 1;
  }
  if (has(c, j, W_NUM) || is_w(c, j, "the")) { /* perf: spoken_year's first test */
    int e2, the_year = is_w(c, j, "the") && is_w(c, j + 1, "year");
    /* a count before a noun is no year: "nineteen twenty people"; before
     * a singular one it is ("a nineteen ninety-seven attack") */
    if ((y = spoken_year(c, the_year ? j + 2 : j, the_year, &e2)) &&
        (the_year || e2 >= c->n || c->u[e2].kind != 'w' ||
         c->doc->toks[c->u[e2].tok].upos != TD_NOUN ||
         (int)c->doc->toks[c->u[e2].tok].xpos == tags.nn)) {
      tfmt(h->val, sizeof h->val, "%04d", y);
      return e2;
    }
  }
  /* decades: [the] [early|mid-|late] 1990s, '90s; not an age ("in his
   * 30s", "in their early 20s") */
  {
    int k = is_w(c, j, "the") ? j + 1 : j;
    if (has(c, k, W_EDGE) && u[k].edge <= E_MID) k = hyph(c, k + 1);
    int ap = is_p(c, k, '\'') || is_p(c, k, 0x27);
    if (ap) k++;
    if (k < c->n && u[k].kind == 'n' && u[k].num % 10 == 0 &&
        (strcmp(u[k].w, "s") == 0 || (is_p(c, k + 1, '\'') && is_w(c, k + 2, "s"))) &&
        ((u[k].ndig == 4 && !ap) || (u[k].ndig == 2 && (ap || k == j)))) {
      int b = j - 1; /* the word before, past "early", "mid-", "late" */
      if (b >= 0 && is_p(c, b, '-')) b--;
      if (b >= 0 && has(c, b, W_EDGE)) b--;
      if (k == j && b >= 0 && c->u[b].kind == 'w' && possessive(c->u[b].w)) return i;
      if (u[k].ndig == 2 && !ap && decade_not_time(c, j, k)) return i;
      long v = u[k].num;
      if (u[k].ndig == 2) v += v >= 30 ? 1900 : 2000;
      /* "the 1800s", "the 1900s": a century (18, 19); "the 2000s" is
       * the decade news means */
      if (u[k].ndig == 4 && v % 100 == 0 && v < 2000) tfmt(h->val, sizeof h->val, "%02ld", v / 100);
      else tfmt(h->val, sizeof h->val, "%03ld", v / 10);
      return strcmp(u[k].w, "s") == 0 ? k + 1 : k + 3;
    }
  }
  /* the sixties, the nineties: the decade of the article's century */
  {
    static const char *const dw[] = {"twenties", "thirties", "forties", "fifties",
                                     "sixties", "seventies", "eighties", "nineties"};
    int k = is_w(c, j, "the") ? j + 1 : j;
    if (has(c, k, W_EDGE) && u[k].edge <= E_MID) k = hyph(c, k + 1);
    if (k > j && k < c->n && u[k].kind == 'w')
      for (int x = 0; x < 8; x++)
        if (td_str_eq(u[k].w, dw[x])) {
          tfmt(h->val, sizeof h->val, "19%d", x + 2);
          return k + 1;
        }
  }
  /* the 20th century / the twentieth century; without "the" as a
   * modifier ("a 20th century democrat", "the fabled 11th century
   * temple"), but not in a name ("20th Century Fox") */
  {
    int k = is_w(c, j, "the") ? j + 1 : j;
    if (is_w(c, k + 1, "century") && (k > j || !u[k + 1].cap) &&
        (has(c, k, W_ORD) || (u[k].kind == 'n' && u[k].w[0] && u[k].ndig == 2))) {
      int n = has(c, k, W_ORD) ? u[k].ord : (int)u[k].num;
      if (n >= 1 && n <= 30) {
        tfmt(h->val, sizeof h->val, "%02d", n - 1);
        return k + 2;
      }
    }
  }
  /* quarters and halves: [the] third quarter [of [fiscal] 1989], third-quarter;
   * the year may come first: "the 1988 third quarter", "this year's
   * second half", "next year's first quarter" */
  {
    int k = is_w(c, j, "the") ? j + 1 : j, q = 0, e, pyy = 0;
    if (k < c->n && u[k].kind == 'n' && u[k].ndig == 4 && year_at(c, k) &&
        (has(c, k + 1, W_ORD) || is_w(c, k + 1, "fiscal") ||
         (k > j && (is_w(c, k + 1, "quarter") || is_w(c, k + 1, "period")))))
      pyy = year_at(c, k), k++;
    else if (k == j && has(c, k, W_DIR) && u[k].dir >= -1 && u[k].dir <= 1 &&
             is_w(c, k + 1, "year") && is_p(c, k + 2, '\'') && is_w(c, k + 3, "s") &&
             !is_w(c, k, "past") && c->has_dct)
      pyy = c->dy + u[k].dir, k += 4;
    else if (is_w(c, k, "year") && is_p(c, k + 1, '-') && !u[k + 1].space &&
             (is_w(c, k + 2, "ago") || is_w(c, k + 2, "earlier")) && !u[k + 2].space &&
             has(c, k + 3, W_ORD) && c->has_dct)
      pyy = c->dy - 1, k += 3; /* the year-ago third quarter */
    if (is_w(c, k, "fiscal") && has(c, k + 1, W_ORD)) k++; /* the fiscal first quarter */
    /* "the 1988 quarter", "the 1988 period": the quarter mentioned just
     * before, in that year (a quarter of that year when none was; the
     * year, for a period) */
    if (pyy && (is_w(c, k, "quarter") || is_w(c, k, "period"))) {
      if (c->quarter && c->si - c->quarter_sent <= 2)
        tfmt(h->val, sizeof h->val, "%04d-Q%d", pyy, c->quarter % 4 + 1);
      else
        tfmt(h->val, sizeof h->val, is_w(c, k, "period") ? "%04d" : "%04d-QX", pyy);
      return k + 1;
    }
    if (pyy && !(has(c, k, W_ORD) && (is_w(c, k + 1, "quarter") || is_w(c, k + 1, "half"))))
      pyy = 0, k = is_w(c, j, "the") ? j + 1 : j;
    if (has(c, k, W_ORD) && u[k].ord <= 4) q = u[k].ord;
    else if (k > j && (is_w(c, k, "last") || is_w(c, k, "latter")) && is_w(c, k + 1, "half") &&
             is_w(c, k + 2, "of"))
      q = 2; /* "the last half of 1989", "the latter half of the year" */
    else if (u[k < c->n ? k : 0].kind == 'n' && k < c->n && u[k].w[0] && u[k].num >= 1 && u[k].num <= 4 && u[k].ndig == 1)
      q = (int)u[k].num;
    e = hyph(c, k + 1);
    if (q && e != k + 1 && (is_w(c, j, "the") || pyy))
      return i; /* "the third-quarter profit": the adjective alone */
    if (q && (is_w(c, e, "quarter") || (is_w(c, e, "half") && q <= 2))) {
      int half = is_w(c, e, "half");
      e++;
      int yy = pyy;
      if (!pyy && (is_w(c, e, "of") || (is_p(c, e, ',') && year_at(c, e + 1)))) {
        int k2 = e + 1;
        if (is_w(c, k2, "fiscal")) k2++;
        if ((yy = year_at(c, k2))) e = k2 + 1;
        else if (is_w(c, k2, "this") && is_w(c, k2 + 1, "year")) yy = c->dy, e = k2 + 2;
        else if (is_w(c, k2, "the") && is_w(c, k2 + 1, "year") && !is_p(c, k2 + 2, '-') &&
                 c->has_dct) /* the second half of the year: the article's */
          yy = c->anchor_y && c->anchor_ysent == c->si ? c->anchor_y : c->dy, e = k2 + 2;
        else if (is_w(c, k2, "last") && is_w(c, k2 + 1, "year")) yy = c->dy - 1, e = k2 + 2;
        else if (is_w(c, k2, "next") && is_w(c, k2 + 1, "year")) yy = c->dy + 1, e = k2 + 2;
        if (yy && !c->has_dct && !year_at(c, e - 1)) yy = 0;
        /* "the second half of the match", "the fourth quarter of the
         * game": a part of something else, no time */
        if (!yy && (half || is_w(c, k2, "the") || is_w(c, k2, "a") || is_w(c, k2, "its") ||
                    is_w(c, k2, "their") || is_w(c, k2, "this") || is_w(c, k2, "that")))
          return i;
      }
      /* no year named after a word of a game played ("in the first
       * half", "a second-half goal", "inside the first quarter"): a
       * part of the match, some minutes long, in no calendar */
      if (!yy && !pyy && play_near(c)) {
        h->type = T_DURATION, h->has_day = 0;
        tfmt(h->val, sizeof h->val, "PTXM");
        return e;
      }
      /* no year named ("a loss for the third quarter of $226.3 million"):
       * the quarter nearest the article date, by the clause's tense */
      if (!yy && !pyy && c->has_dct) {
        yy = c->dy;
        int cur = half ? (c->dm - 1) / 6 + 1 : (c->dm - 1) / 3 + 1;
        int t = q != cur ? clause_tense(c, i, e) : 0;
        if (q > cur && t <= 0) yy--;
        /* "expect a recovery in the first quarter" (in November); the
         * quarter just ended is still being reported ("expects
         * third-quarter results" in October) */
        else if (q < cur - 1 && t > 0) yy++;
      }
      if (yy && !half) ((ctx *)c)->quarter = yy * 4 + q - 1, ((ctx *)c)->quarter_sent = c->si;
      if (yy) tfmt(h->val, sizeof h->val, "%04d-%c%d", yy, half ? 'H' : 'Q', q);
      else tfmt(h->val, sizeof h->val, "XXXX-%c%d", half ? 'H' : 'Q', q);
      return e;
    }
  }
  /* [this|last|next] month [of] [year | last year | next year] */
  int dir = 99, k = j;
  if (has(c, k, W_DIR) && u[k].dir >= -1 && u[k].dir <= 1 &&
      (strcmp(u[k].w, "past") || (k > 0 && is_w(c, k - 1, "this"))) &&
      strcmp(u[k].w, "current") && (has(c, k + 1, W_MONTH) || has(c, k + 1, W_SEASON)))
    dir = u[k].dir, k++;
  if (has(c, k, W_MONTH) && u[k].cap &&
      (strlen(u[k].w) > 4 || (is_p(c, k + 1, '.') && (year_at(c, k + 2) || is_p(c, k + 2, ','))) ||
       strcmp(u[k].w, "june") == 0 || strcmp(u[k].w, "july") == 0 || strcmp(u[k].w, "may") == 0) &&
      (dir != 99 || (strcmp(u[k].w, "may") && strcmp(u[k].w, "march")) || month_context(c, k)) &&
      !(dir == 99 && month_name(c, k))) {
    int m = u[k].month, e = dot(c, k + 1), yy = 0;
    int k2 = is_p(c, e, ',') || is_w(c, e, "of") ? e + 1 : e, e2;
    if ((yy = year_at(c, k2))) e = k2 + 1;
    else if ((yy = spoken_year(c, k2, 0, &e2))) e = e2;
    else if (has(c, k2, W_DIR) && is_w(c, k2 + 1, "year") && u[k2].dir >= -1 && u[k2].dir <= 1 &&
             strcmp(u[k2].w, "past") && strcmp(u[k2].w, "current")) {
      yy = c->has_dct ? c->dy + u[k2].dir : 0;
      e = k2 + 2;
      if (!c->has_dct) {
        tfmt(h->val, sizeof h->val, "XXXX-%02d", m);
        return e;
      }
    } else if (!c->has_dct) {
      tfmt(h->val, sizeof h->val, "XXXX-%02d", m);
      return e;
    } else if (dir == -1)
      yy = m < c->dm ? c->dy : c->dy - 1;
    else if (dir == 1)
      yy = m > c->dm ? c->dy : c->dy + 1;
    else if (dir == 0)
      yy = c->dy;
    else
      yy = place_month(c, m, 0, clause_tense(c, i, e));
    tfmt(h->val, sizeof h->val, "%04d-%02d", yy, m);
    return e;
  }
  int the_cue = 0, ks;
  if (dir == 99 && is_w(c, k, "the") && (ks = the_season(c, k)) > k) k = ks, the_cue = 1;
  if (has(c, k, W_SEASON) && is_w(c, k, "fall") && is_w(c, k + 1, "of") &&
      !year_at(c, k + 2) && !spoken_year(c, k + 2, 0, &(int){0}))
    return i; /* "the fall of the Berlin Wall" */
  /* [this|last|next] season [of] [year] */
  if (has(c, k, W_SEASON) && !(u[k].cls & W_MONTH)) {
    static const char *const sc[] = {"", "SP", "SU", "FA", "WI"};
    int s = u[k].season, e = k + 1, yy = 0;
    int k2 = is_w(c, e, "of") || is_p(c, e, ',') ? e + 1 : e, e2;
    if ((yy = year_at(c, k2))) e = k2 + 1;
    else if ((yy = spoken_year(c, k2, 0, &e2))) e = e2;
    else if (has(c, k2, W_DIR) && is_w(c, k2 + 1, "year") && u[k2].dir >= -1 && u[k2].dir <= 1 &&
             c->has_dct)
      yy = c->dy + u[k2].dir, e = k2 + 2;
    else {
      /* a bare season needs a cue that it is a time: "this summer", "in the spring" */
      int cue = dir != 99 || the_cue || (j > 0 && (is_w(c, j - 1, "in") || is_w(c, j - 1, "the") ||
                                        is_w(c, j - 1, "early") || is_w(c, j - 1, "late") ||
                                        is_w(c, j - 1, "by") || is_w(c, j - 1, "since") ||
                                        is_w(c, j - 1, "until") || is_w(c, j - 1, "mid") ||
                                        is_w(c, j - 1, "-")));
      if (!the_cue && is_w(c, j - 1, "the") && !(j > 1 && (is_w(c, j - 2, "in") || is_w(c, j - 2, "during") ||
                                               is_w(c, j - 2, "by") || is_w(c, j - 2, "until") ||
                                               is_w(c, j - 2, "since") || is_w(c, j - 2, "through"))))
        cue = 0;
      if (!cue) return i;
      if (!c->has_dct) {
        tfmt(h->val, sizeof h->val, "XXXX-%s", sc[s]);
        return e;
      }
      /* the current season (its index), by which "last"/"next" step; in
       * January and February this year's spring, summer and fall are all
       * still to come ("last fall" in February 1998 is 1997-FA) */
      int cur = c->dm <= 2 ? (s == 4 ? 4 : 0) : c->dm == 12 ? 4 : (c->dm - 3) / 3 + 1;
      yy = c->dy;
      if (dir == -1 && s >= cur) yy--;
      if (dir == 1 && s <= cur) yy++;
      if (dir == 99) {
        /* a bare season goes by the tense of its clause, as a month does:
         * "had contracted over the summer" in January is last year's, "will
         * open in the spring" in October next year's */
        int t = clause_tense(c, i, e);
        if (t < 0 && s > cur) yy--;
        if (t > 0 && s < cur) yy++;
      }
    }
    if (!c->has_dct && !year_at(c, e - 1)) tfmt(h->val, sizeof h->val, "XXXX-%s", sc[s]);
    else tfmt(h->val, sizeof h->val, "%04d-%s", yy, sc[s]);
    return e;
  }
  if (dir != 99) return i;
  /* [the] [comparable] year-earlier|year-ago [quarter|period]: a year
   * before the article date (the same quarter of the year before, for a
   * quarter); "the same|corresponding|comparable period|quarter last year
   * | a year ago | a year earlier" too (a period with no quarter named
   * within two sentences before: the year before, "from December to
   * April, 9% more than in the same period last year") */
  {
    int k0 = is_w(c, j, "the") ? j + 1 : j;
    int cmp = k0 > j && (is_w(c, k0, "same") || is_w(c, k0, "corresponding") ||
                         is_w(c, k0, "comparable"));
    if (cmp && (is_w(c, k0 + 1, "period") || is_w(c, k0 + 1, "quarter"))) {
      int e = k0 + 2;
      if (is_w(c, e, "last") && is_w(c, e + 1, "year")) e += 2;
      else if (is_w(c, e, "a") && is_w(c, e + 1, "year") &&
               (is_w(c, e + 2, "ago") || is_w(c, e + 2, "earlier")))
        e += 3;
      if (e > k0 + 2) { /* a period with no quarter named: the year before */
        if (is_w(c, k0 + 1, "period") && !(c->quarter && c->si - c->quarter_sent <= 2))
          unit_shift(c, h, U_YEAR, -1);
        else
          year_ago_quarter(c, h);
        return e;
      }
    }
    if (cmp && is_w(c, k0 + 1, "year") && is_p(c, k0 + 2, '-')) k0++;
    if (is_w(c, k0, "year") && is_p(c, k0 + 1, '-') && !u[k0 + 1].space &&
        (is_w(c, k0 + 2, "earlier") || is_w(c, k0 + 2, "ago")) && !u[k0 + 2].space) {
      int e = k0 + 3, q = is_w(c, e, "quarter") || is_w(c, e, "period");
      if (k0 > j && !q) return i;
      if (!c->has_dct && !q) tfmt(h->val, sizeof h->val, "XXXX");
      else if (!c->has_dct || q || (c->quarter && c->si - c->quarter_sent <= 2))
        year_ago_quarter(c, h);
      else
        tfmt(h->val, sizeof h->val, "%04d", c->dy - 1);
      return q ? e + 1 : e;
    }
    /* the [fiscal] year ended June 30, the year to March (British: "the
     * year to 31 March"): the twelve months a report covers, a DURATION
     * as TimeML has it (not the calendar year) */
    int k2 = k0 + (fiscal_at(c, k0) || is_w(c, k0, "full"));
    if (k0 > j && is_w(c, k2, "year") &&
        (is_w(c, k2 + 1, "ended") || is_w(c, k2 + 1, "ending") || is_w(c, k2 + 1, "to")) &&
        (has(c, k2 + 2, W_MONTH) || (has(c, k2 + 2, W_REL) && !is_w(c, k2 + 1, "to")) ||
         (mday_at(c, k2 + 2) && has(c, k2 + 3, W_MONTH)))) {
      h->type = T_DURATION;
      tfmt(h->val, sizeof h->val, "P1Y");
      return k2 + 1;
    }
    /* the [latest|most recent] quarter: the last one completed; "the
     * latest period" of an earnings report is its quarter too, the one
     * named just before when there is one; "the latest [fiscal] year" is
     * the last year completed */
    int k1 = k0;
    if (is_w(c, k1, "latest")) k1++;
    else if (is_w(c, k1, "most") && is_w(c, k1 + 1, "recent")) k1 += 2;
    /* the latest [fiscal] year: the last one completed */
    int kf = k1 > k0 && fiscal_at(c, k1) ? k1 + 1 : k1;
    if (k1 > k0 && is_w(c, kf, "year") && !is_p(c, kf + 1, '-') && !is_w(c, kf + 1, "ended") &&
        !is_w(c, kf + 1, "ending")) {
      unit_shift(c, h, U_YEAR, -1);
      return kf + 1;
    }
    int period = k1 > k0 && is_w(c, k1, "period");
    if (k0 > j && (is_w(c, k1, "quarter") || period) && !is_w(c, k1 + 1, "of") &&
        !is_p(c, k1 + 1, '-')) {
      if (!c->has_dct) tfmt(h->val, sizeof h->val, "XXXX-QX");
      else {
        int qq = (period || k1 == k0) && c->quarter && c->si - c->quarter_sent <= 2
                     ? c->quarter
                     : c->dy * 4 + (c->dm - 1) / 3 - 1;
        ((ctx *)c)->quarter = qq, ((ctx *)c)->quarter_sent = c->si;
        tfmt(h->val, sizeof h->val, "%04d-Q%d", qq / 4, qq % 4 + 1);
      }
      return k1 + 1;
    }
    /* the weekend: the one before the article date (after, in a future clause) */
    if (k0 > j && is_w(c, k0, "weekend")) {
      if (!c->has_dct) tfmt(h->val, sizeof h->val, "XXXX-WXX-WE");
      else {
        int wy, wn, t = clause_tense(c, j, k0 + 1);
        long sat = place_wday(c->dct, 6, t > 0 ? 1 : -1);
        if (t <= 0 && iso_wday(c->dct) == 7) sat = c->dct - 1;
        iso_week(sat, &wy, &wn);
        tfmt(h->val, sizeof h->val, "%04d-W%02d-WE", wy, wn);
      }
      return k0 + 1;
    }
    /* the year, the full/fiscal year, the week: the one the article
     * reports on (its year, or the year the sentence named before: "In
     * 1996 ... for the year"), as earnings and market news use them
     * ("Sales for the full year rose", "For the week, the index fell");
     * not where the words after make it another one ("the year before",
     * "the year when he left", "the year of the flood", "the week
     * following the crash", "the year for small films"), nor after "of"
     * unless of a part of it ("the second half of the year", "the rest of
     * the year", "a result of the week's rally"): "player of the year",
     * "pick of the week" name no time. "the week of March 6" is that
     * date's week. */
    int k3 = k0 + (is_w(c, k0, "full") || fiscal_at(c, k0));
    int yr = is_w(c, k3, "year"), wk = k3 == k0 && is_w(c, k3, "week");
    if (k0 > j && (yr || wk) && !u[k3].cap && the_period_ok(c, j, k3)) {
      int n = k3 + 1, ok = n >= c->n || (u[n].kind == 'p' && (u[n].w[0] != '-' || u[n].space) &&
                                          !(is_p(c, n, '\'') && is_w(c, n + 2, "end")));
      if (!ok && u[n].kind == 'w') {
        static const char *const stop[] = {
            "before", "after", "earlier", "later", "ago", "ahead", "when", "that", "which",
            "whose", "of", "following", "prior", "ended", "ending", "beginning", "starting",
            "old", "in", "he", "she", "they", "we", "i", "you", "it", "round", "long", "to",
            "for", NULL};
        ok = !word_in(c, n, stop);
        /* "the financial year in March": a fiscal year by the month it ends */
        if (is_w(c, n, "in") && k3 > k0 && fiscal_at(c, k0) && has(c, n + 1, W_MONTH)) ok = 1;
      }
      hit dh;
      int pod, e;
      if (wk && is_w(c, n, "of") && (e = day_expr(c, n + 1, &dh, &pod)) > n + 1 && dh.has_day) {
        int wy, wn;
        iso_week(dh.day, &wy, &wn);
        tfmt(h->val, sizeof h->val, "%04d-W%02d", wy, wn);
        return e;
      }
      if (ok) {
        if (!c->has_dct) tfmt(h->val, sizeof h->val, wk ? "XXXX-WXX" : "XXXX");
        else if (wk) unit_shift(c, h, U_WEEK, 0);
        else tfmt(h->val, sizeof h->val, "%04d",
                  c->anchor_y && c->anchor_ysent == c->si ? c->anchor_y : c->dy);
        return n;
      }
    }
  }
  /* year-end, year end, year's end: the article's year */
  if (is_w(c, j, "year") && c->has_dct) {
    int k0 = j + 1;
    if (is_p(c, k0, '-') && !u[k0].space) k0++;
    else if (is_p(c, k0, '\'') && is_w(c, k0 + 1, "s")) k0 += 2;
    if (is_w(c, k0, "end") && !(is_p(c, k0 + 1, '-') && !u[k0 + 1].space)) {
      tfmt(h->val, sizeof h->val, "%04d", c->dy);
      return k0 + 1;
    }
  }
  /* this/last/next/coming/previous/following/current week|month|year|...:
   * rule times.shift (data/times/relative.rules) says which words; the
   * word table gives the direction and the unit; "fiscal" may come
   * between ("last fiscal year" is last year) */
  k = j;
  int the = is_w(c, k, "the");
  if (the) k++;
  const rule_hit *rs = hit_at(c, "shift", k);
  int ku = fiscal_at(c, k + 1) ? k + 2 : k + 1; /* the unit */
  if (rs && rs->unit == ku && has(c, k, W_DIR) && u[k].dir >= -2 && u[k].dir <= 2 &&
      has(c, ku, W_UNIT) && u[ku].unitk > U_DAY && u[ku].unitk != U_HALF) {
    int d = u[k].dir, uk = u[ku].unitk;
    /* "the past fortnight", "the next fortnight": the two weeks up to
     * now or from now, a stretch as "the past two weeks" is */
    if ((d == -1 || d == 1) && is_w(c, ku, "fortnight")) {
      h->type = T_DURATION;
      dur_value(h->val, sizeof h->val, U_WEEK, 2, 0);
      return ku + 1;
    }
    if (the && d == -1 && uk <= U_YEAR && uk != U_WEEKEND) { /* "the past year": the one before */
      unit_shift(c, h, uk, -1);
      return ku + 1;
    }
    if (the && d == -1) {      /* "the past decade": a stretch of time */
      h->type = T_DURATION;
      dur_value(h->val, sizeof h->val, uk, 1, 0);
      return ku + 1;
    }
    if (!the && (d == -2 || d == 2)) return i;
    if (the && d == 0 && strcmp(u[k].w, "current")) return i;
    /* "In March 2019 the plant opened. The next month ...": in a past
     * clause after a month (year) of the narrative before the article's,
     * named in this sentence or the one before, "the next" is "the
     * following" */
    if (the && d == 1 && c->has_dct && strcmp(u[k].w, "next") == 0 && c->si - c->anchor_ys <= 1 &&
        ((uk == U_YEAR && c->anchor_y && c->anchor_y < c->dy) ||
         (uk == U_MONTH && c->anchor_m && c->anchor_m < c->dy * 12 + c->dm - 1)) &&
        clause_tense(c, i, ku + 1) < 0)
      d = 2;
    if (d == -2 || d == 2) { /* the previous/following week: from the anchor */
      if (!c->has_dct) {
        unit_shift(c, h, uk, 0);
        return ku + 1;
      }
      if (uk == U_YEAR && c->anchor_y)
        tfmt(h->val, sizeof h->val, "%04d", c->anchor_y + d / 2);
      else if (uk == U_MONTH && c->anchor_m) { /* "In March, ... The following month" */
        int am = c->anchor_m + d / 2;
        tfmt(h->val, sizeof h->val, "%04d-%02d", am / 12, am % 12 + 1);
      } else
        shift_value(c, h, c->has_anchor ? c->anchor : c->dct, uk, d / 2);
      h->has_day = 0;
      return ku + 1;
    }
    unit_shift(c, h, uk, d);
    h->has_day = 0;
    return ku + 1;
  }
  /* that year / that month / that week: the anchor's; that quarter: the
   * quarter named within the two sentences before */
  if (is_w(c, j, "that") && has(c, j + 1, W_UNIT) && u[j + 1].unitk >= U_WEEK &&
      u[j + 1].unitk != U_HALF && !(u[j + 1].cls & W_PLURAL) && c->has_dct &&
      (c->has_anchor || (c->anchor_y && u[j + 1].unitk == U_YEAR) ||
       (c->anchor_m && u[j + 1].unitk == U_MONTH) ||
       (c->quarter && c->si - c->quarter_sent <= 2 && u[j + 1].unitk == U_QUARTER))) {
    if (u[j + 1].unitk == U_YEAR && c->anchor_y) tfmt(h->val, sizeof h->val, "%04d", c->anchor_y);
    else if (u[j + 1].unitk == U_MONTH && c->anchor_m) /* "In March 2019 ... that month" */
      tfmt(h->val, sizeof h->val, "%04d-%02d", c->anchor_m / 12, c->anchor_m % 12 + 1);
    else if (u[j + 1].unitk == U_QUARTER && c->quarter && c->si - c->quarter_sent <= 2)
      tfmt(h->val, sizeof h->val, "%04d-Q%d", c->quarter / 4, c->quarter % 4 + 1);
    else shift_value(c, h, c->anchor, u[j + 1].unitk, 0);
    h->has_day = 0;
    return j + 2;
  }
  /* a bare year: in 2021; not a count ("2000 troops"), not money */
  if ((y = year_at(c, j)) && y >= 1500) {
    if (j > 0 && (is_p(c, j - 1, '$') || is_p(c, j - 1, '#') || c->u[j - 1].kind == 'n' ||
                  is_w(c, j - 1, "no") || is_w(c, j - 1, "number") ||
                  (c->u[j - 1].kind == 'w' && c->u[j - 1].cap && !preposition(c->u[j - 1].w) &&
                   !(c->u[j - 1].cls & (W_MONTH | W_SEASON | W_START | W_EDGE | W_DIR))) ||
                  (is_p(c, j - 1, '.') && !c->u[j].space)))
      return i;
    if (j + 1 < c->n) {
      const unit *nx = &u[j + 1];
      if (nx->kind == 'p' && (nx->w[0] == '%' || ((nx->w[0] == '.' || nx->w[0] == ',') && !nx->space)))
        if (nx->w[0] == '%') return i;
      if (nx->kind == 'w' && !nx->cap && !(nx->cls & (W_MONTH | W_DIR | W_REL))) {
        const td_tok *tk = &c->doc->toks[nx->tok];
        size_t L = strlen(nx->w);
        /* "the 2014 protests", "the 1988 results": a year after "the",
         * unless round like a count ("the 2000 troops") */
        int the_year = j > 0 && is_w(c, j - 1, "the") && y % 100 != 0;
        /* "In 2004 sales rose", "since 1998 profits have doubled": a
         * year after a preposition of time, unless round like a count
         * ("in 2000 homes") */
        if (j > 0 && y % 100 != 0 &&
            (is_w(c, j - 1, "in") || is_w(c, j - 1, "since") || is_w(c, j - 1, "during") ||
             is_w(c, j - 1, "until") || is_w(c, j - 1, "till")))
          the_year = 1;
        /* a plural noun: in -s, or tagged plural ("1709 schoolchildren",
         * "1984 people") */
        if (!the_year && (tk->upos ? (tk->upos == TD_NOUN && (nx->w[L - 1] == 's' || (int)tk->xpos == tags.nns))
                     : (L > 3 && nx->w[L - 1] == 's' && nx->w[L - 2] != 's' &&
                        strcmp(nx->w, "was") && strcmp(nx->w, "has") && strcmp(nx->w, "its") &&
                        strcmp(nx->w, "this") && strcmp(nx->w, "his") && strcmp(nx->w, "thus") &&
                        strcmp(nx->w, "whereas") && strcmp(nx->w, "does") && strcmp(nx->w, "always") &&
                        strcmp(nx->w, "perhaps") && strcmp(nx->w, "plus") &&
                        !(tk->flags & TD_TOK_CAP))))
          return i;
        if (nx->cls & W_UNIT) return i;
      }
    }
    if (y < 1800 && !(j > 0 && (is_w(c, j - 1, "in") || is_w(c, j - 1, "since") ||
                                is_w(c, j - 1, "of") || is_w(c, j - 1, "by"))))
      return i;
    tfmt(h->val, sizeof h->val, "%04d", y);
    return j + 1;
  }
  return i;
}

/* A time zone after a clock time: "EST", "GMT", "Korea time", "local time"
 * (not in parentheses: "(local time)" stays outside the expression, as
 * TimeML leaves it). Returns the index past it, or i. */
static int zone_at(const ctx *c, int i) {
  static const char *const zones[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
                                      "gmt", "utc", "kst", "jst", "cet", "bst", "et", "pt"};
  if (i >= c->n || c->u[i].kind != 'w') return i;
  for (size_t k = 0; k < sizeof zones / sizeof zones[0]; k++)
    if (strcmp(c->u[i].w, zones[k]) == 0 && (c->u[i].cap)) return i + 1;
  if ((c->u[i].cap || is_w(c, i, "local")) && is_w(c, i + 1, "time")) return i + 2;
  return i;
}

/* "in the morning|afternoon|evening" at i (after an hour: "4 in the
 * morning"); "at night" is left alone ("3 at night" is rarely said). */
static int in_the_pod(const ctx *c, int i) {
  if (!(is_w(c, i, "in") && is_w(c, i + 1, "the") && has(c, i + 2, W_POD) &&
        !(c->u[i + 2].cls & W_PLURAL) && c->u[i + 2].pod >= P_MO && c->u[i + 2].pod <= P_EV))
    return 0;
  /* not a part of the day that a noun after it turns into a modifier
   * ("fell 12 in the morning session") */
  const unit *n = i + 3 < c->n ? &c->u[i + 3] : NULL;
  return !n || n->kind != 'w' || c->doc->toks[n->tok].upos != TD_NOUN;
}

/* Clock times: "10 a.m.", "10:30 p.m. EST", "10am", "10 o'clock", "14:30",
 * "noon", "midnight", optionally followed by the day they fall on ("10 p.m.
 * Wednesday"). The day is that one, else the anchor, else the article's. */
/* Whether the capitalized word at k is part of a title or name: inside
 * the sentence (not its first word nor the first of a quotation) and
 * before another capitalized word that is no weekday, month or zone
 * ("Midnight Express", "the 10 O'clock News"). */
static int title_word(const ctx *c, int k) {
  if (!c->u[k].cap || k == 0 || k + 1 >= c->n || c->u[k + 1].kind != 'w' || !c->u[k + 1].cap)
    return 0;
  const unit *p = &c->u[k - 1];
  if (p->kind == 'p' && strchr("\"'`([:-", p->w[0])) return 0;
  return !has(c, k + 1, W_WDAY | W_MONTH | W_ZONE);
}

/* "10.38am", "8.45 pm", "8.30 a.m.": the British clock, a number unit
 * H.MM with am or pm after it (a decimal "8.30" alone stays a number).
 * Sets *hh (0-23), *mi; returns the unit past it, or i. */
static int dot_clock(const ctx *c, int i, int *hh, int *mi) {
  const unit *u = &c->u[i];
  const char *t = c->doc->text + u->start;
  size_t L = u->end - u->start, d = L - strlen(u->w);
  if (u->kind != 'n' || u->ndig || (d != 4 && d != 5) || t[d - 3] != '.') return i;
  for (size_t k = 0; k < d; k++)
    if (k != d - 3 && !a_digit((unsigned char)t[k])) return i;
  int h = (int)(u->num / 100), m = (int)(u->num % 100), pm, e = i + 1;
  if (h < 1 || h > 12 || m > 59) return i;
  if (!strcmp(u->w, "am") || !strcmp(u->w, "pm")) pm = u->w[0] == 'p';
  else if (!u->w[0] && has(c, e, W_POD) && c->u[e].pod == P_DT) {
    pm = c->u[e].w[0] == 'p';
    e = dot(c, e + 1) == c->n && !strchr(c->u[e].w, '.') ? e + 1 : dot(c, e + 1);
  } else
    return i;
  *hh = pm ? (h < 12 ? h + 12 : 12) : (h == 12 ? 0 : h);
  *mi = m;
  return e;
}

static int clock_expr(const ctx *c, int i, hit *h) {
  const unit *u = c->u;
  int hh = -1, mi = 0, e = i, pod = 0;
  int de = dot_clock(c, i, &hh, &mi);
  /* "high noon" (the film, the showdown) is no clock time, nor "Midnight
   * Express" */
  if (has(c, i, W_POD) && u[i].pod == P_NOON && i > 0 && is_w(c, i - 1, "high")) return i;
  if (has(c, i, W_POD) && u[i].pod >= P_NOON && title_word(c, i)) return i;
  if (de > i) {
    e = de;
  } else if (has(c, i, W_POD) && (u[i].pod == P_NOON || u[i].pod == P_MIDNIGHT) && !(u[i].cls & W_PLURAL)) {
    hh = u[i].pod == P_NOON ? 12 : 24, e = i + 1;
  } else if (u[i].kind == 'n' && u[i].ndig == 4 && !u[i].w[0] && u[i].num / 100 < 24 &&
             u[i].num % 100 < 60 && zone_at(c, i + 1) > i + 1 && !(i > 0 && is_p(c, i - 1, '('))) {
    /* the wires' 24-hour clock with its zone: "at 0900 GMT", "1430 EST";
     * in parentheses it restates the local time before it ("10:35 a.m.
     * (0735 GMT)"), a remark like "(local time)" */
    hh = (int)(u[i].num / 100), mi = (int)(u[i].num % 100), e = i + 1;
  } else if (u[i].kind == 'n' && u[i].ndig && u[i].ndig <= 2 && u[i].num <= 24) {
    hh = (int)u[i].num;
    e = i + 1;
    if (!u[i].w[0] && is_p(c, e, ':') && !u[e].space && e + 1 < c->n && u[e + 1].kind == 'n' &&
        u[e + 1].ndig == 2 && !u[e + 1].space && u[e + 1].num < 60 &&
        (!u[e + 1].w[0] || !strcmp(u[e + 1].w, "am") || !strcmp(u[e + 1].w, "pm"))) {
      mi = (int)u[e + 1].num;
      e += 2;
      pod = -1; /* a colon time stands alone */
    }
    const char *suf = u[e - 1].kind == 'n' ? u[e - 1].w : "";
    if (strcmp(suf, "am") == 0 || strcmp(suf, "pm") == 0) {
      if (suf[0] == 'p' && hh < 12) hh += 12;
      if (suf[0] == 'a' && hh == 12) hh = 0;
      pod = 1;
    } else if (*suf) {
      return i;
    } else if (has(c, e, W_POD) && u[e].pod == P_DT) {
      int pm = u[e].w[0] == 'p';
      if (hh > 12) return i;
      if (pm && hh < 12) hh += 12;
      if (!pm && hh == 12) hh = 0;
      /* a dot after "pm" that ends the sentence is its full stop ("at
       * 10 pm."); the one of "p.m." belongs to the abbreviation */
      e = dot(c, e + 1) == c->n && !strchr(u[e].w, '.') ? e + 1 : dot(c, e + 1);
      pod = 1;
    } else if (is_w(c, e, "o'clock") || (is_w(c, e, "o") && is_p(c, e + 1, '\'') && is_w(c, e + 2, "clock"))) {
      e += is_w(c, e, "o'clock") ? 1 : 3;
      if (title_word(c, e - 1)) return i; /* "the 10 O'clock News" */
      pod = 1;
    } else if (hh >= 1 && hh <= 12 && in_the_pod(c, e)) { /* 4 in the morning */
      int p = u[e + 2].pod;
      if (p == P_MO && hh == 12) hh = 0;
      if (p != P_MO && hh < 12) hh += 12;
      e += 3;
      pod = 1;
    }
    if (pod == 0) return i;
    if (pod < 0 && (u[i].ndig != 2 && !(i > 0 && is_w(c, i - 1, "at")))) return i;
    if (hh > 24) return i;
  } else
    return i;
  int z = zone_at(c, e);
  e = z;
  /* the day it falls on */
  hit dh;
  int dpod, k = is_p(c, e, ',') ? e + 1 : e, of = 0;
  if (is_w(c, k, "on")) k++;
  else if (is_w(c, k, "of") && k == e) k++, of = 1; /* "midnight of 31 December": one time */
  long day = c->has_anchor ? c->anchor : c->dct;
  int known = c->has_dct;
  int e2 = day_expr(c, k, &dh, &dpod);
  if (e2 > k && dh.has_day && (k == e || (k == e + 1 && (is_p(c, e, ',') || of)))) {
    day = dh.day, known = 1, e = e2;
    h->day = dh.day, h->has_day = 1;
  } else if (e2 > k && dh.has_day) {
    day = dh.day, known = 1;
  } else {
    for (int k2 = e; k2 < c->n && k2 < e + 8; k2++) {
      if (is_p(c, k2, ';') || is_p(c, k2, '.')) break;
      if (!has(c, k2, W_WDAY | W_REL | W_MONTH)) continue;
      e2 = day_expr(c, k2, &dh, &dpod);
      if (e2 > k2 && dh.has_day) {
        day = dh.day, known = 1;
        break;
      }
    }
  }
  h->type = T_TIME;
  char d[16];
  if (known) fmt_day(d, sizeof d, day);
  else tfmt(d, sizeof d, "XXXX-XX-XX");
  tfmt(h->val, sizeof h->val, "%sT%02d:%02d", d, hh, mi);
  return e;
}

/* "last" at k is the verb, not "the latest": after "to" or a modal
 * ("expected to last several weeks", "could last months", "won't last
 * long"). */
static const char *const modal_words[] = {"to", "will", "would", "could", "can", "may", "might",
                                          "should", "must", "shall", "ll", "not", "t", "never",
                                          NULL};
/* Whether a modal comes within the three words after "one day" (units
 * [k, e)) that opens its clause ("One day you will", "that one day it
 * can", "one day they'll"): a subject, then the modal. Not after a
 * preposition ("in one day you can see it all": a stretch). */
static int modal_after(const ctx *c, int k, int e) {
  if (k > 0 && c->u[k - 1].kind == 'w' &&
      !(is_w(c, k - 1, "that") || is_w(c, k - 1, "and") || is_w(c, k - 1, "but") ||
        is_w(c, k - 1, "so") || c->doc->toks[c->u[k - 1].tok].upos == TD_VERB))
    return 0;
  for (int x = e; x < e + 4 && x < c->n; x++) {
    if (c->u[x].kind == 'p' && c->u[x].w[0] == '\'' && x > e) continue; /* they'll */
    if (c->u[x].kind != 'w') return 0;
    if (x > e && word_in(c, x, modal_words) && !is_w(c, x, "to") && !is_w(c, x, "not") &&
        !is_w(c, x, "t") && !is_w(c, x, "never"))
      return 1;
  }
  return 0;
}

/* Whether the word at k is the verb "last" ("expected to last several
 * weeks", "do not even last four days"): after a modal or tagged a verb. */
static int last_verb(const ctx *c, int k) {
  return k > 0 && is_w(c, k, "last") &&
         (word_in(c, k - 1, modal_words) || c->doc->toks[c->u[k].tok].upos == TD_VERB);
}

/* Whether the year at unit k is the base of a comparison: "in YEAR"
 * after an amount that "from", "against" or "compared with" brings
 * ("rose to $6m from $4m in 2003"): the year a report compares with,
 * not the narrative's. */
static int comparison_base(const ctx *c, int k) {
  if (!is_w(c, k - 1, "in")) return 0;
  for (int x = k - 2; x >= 0 && x >= k - 6; x--) {
    if (is_w(c, x, "from") || is_w(c, x, "against") || is_w(c, x, "versus") ||
        (is_w(c, x, "with") && (is_w(c, x - 1, "compared") || is_w(c, x - 1, "compares"))))
      return 1;
    if (c->u[x].kind == 'w' && !(c->u[x].cls & W_NUM) && !is_w(c, x, "bn") &&
        !is_w(c, x, "m") && !is_w(c, x, "million") && !is_w(c, x, "billion") &&
        !is_w(c, x, "yuan") && !is_w(c, x, "euros") && !is_w(c, x, "rupees") &&
        !is_w(c, x, "dollars") && !is_w(c, x, "pounds"))
      return 0;
  }
  return 0;
}

/* "Two years later", "six months earlier" after a year or a month the
 * narrative named more lately than its last full date ("The war ended
 * in 1945. Two years later ..."): counted from that year (month), as
 * "the previous year" is, when the year was written in digits in this
 * sentence or the one before; 0 when there is none (the caller counts
 * from the last full date or the article date). A year a quarterly report
 * compares with ("a year earlier" near "the third quarter") is not
 * this. */
static int narrative_year(const ctx *c, int uk, long n, hit *h) {
  int y, m, d;
  if (!c->has_dct || !c->anchor_y || (uk != U_YEAR && uk != U_MONTH)) return 0;
  /* the year written in digits, in this sentence or the one before ("In
   * 1996, ..."): a report's "a year earlier" compares with its period,
   * not with a year it named before */
  if (c->anchor_ysent < 0 || c->si - c->anchor_ysent > 1) return 0;
  if (c->anchor_ycmp) { /* "compared with $4m in 2003 ... from $3m a year earlier": that base */
    if (uk != U_YEAR || n != -1) return 0;
    tfmt(h->val, sizeof h->val, "%04d", c->anchor_y);
    h->type = T_DATE, h->has_day = 0;
    return 1;
  }
  if (c->quarter && c->si - c->quarter_sent <= 2) return 0;
  if (c->has_anchor) {
    civil_from_days(c->anchor, &y, &m, &d);
    if (y == c->anchor_y) return 0; /* the full date is as late */
  }
  if (uk == U_YEAR) {
    tfmt(h->val, sizeof h->val, "%04ld", c->anchor_y + n);
  } else {
    if (!c->anchor_m || c->anchor_m / 12 != c->anchor_y) return 0;
    long am = c->anchor_m + n;
    tfmt(h->val, sizeof h->val, "%04ld-%02ld", am / 12, am % 12 + 1);
  }
  h->type = T_DATE, h->has_day = 0;
  return 1;
}

/* Durations: "86 minutes", "three years", "two and a half years", "half an
 * hour", "the past two months", "the first nine months", "more than four
 * decades", "for decades" (PXDE), and, with ago/earlier/later/from now,
 * the date that far from the article date or the anchor ("two days ago",
 * "a year earlier", "a day after"). */
static int stretch_expr(const ctx *c, int i, hit *h) {
  const unit *u = c->u;
  int j = i;
  h->has_day = 0;
  /* approximators belong to the expression in TimeML */
  if ((is_w(c, j, "more") || is_w(c, j, "less") || is_w(c, j, "fewer")) && is_w(c, j + 1, "than")) j += 2;
  else if (is_w(c, j, "at") && (is_w(c, j + 1, "least") || is_w(c, j + 1, "most"))) j += 2;
  else if (is_w(c, j, "up") && is_w(c, j + 1, "to")) j += 2;
  else if (is_w(c, j, "nearly") || is_w(c, j, "around"))
    j++; /* TimeBank keeps these inside; "about", "almost", "over" stay out */
  if (j > i && is_w(c, j, "the")) return i; /* "over the past year": the rule without "over" */
  /* "recent years", "in recent weeks": a stretch of some years up to now,
   * PXY, as TimeML writes it (TimeBank and AQUAINT: 7 of 11) */
  if (j == i && is_w(c, j, "recent") && has(c, j + 1, W_UNIT) && (u[j + 1].cls & W_PLURAL) &&
      u[j + 1].unitk != U_WEEKEND) {
    h->type = T_DURATION;
    dur_value(h->val, sizeof h->val, u[j + 1].unitk, -1, 0);
    return j + 2;
  }
  int k = j, the = 0, span = 0, fuzzy_ok = 0;
  if (is_w(c, k, "the")) the = 1, k++;
  if (last_verb(c, k)) return i; /* "expected to last several weeks": the stretch alone */
  /* (not "following" without "the": a preposition, "a report published
   * following 10 days of talks") */
  if (has(c, k, W_DIR) && (u[k].dir == -1 || u[k].dir == 1 || u[k].dir == 2 || u[k].dir == -2) &&
      (the || !is_w(c, k, "following")))
    span = u[k].dir, k++;
  else if (the && (is_w(c, k, "first") || is_w(c, k, "last") || is_w(c, k, "final") ||
                   is_w(c, k, "remaining") || is_w(c, k, "latest")))
    span = -1, k++;
  if (span && (is_w(c, k, "few") || is_w(c, k, "several"))) fuzzy_ok = 1;
  if (!span && the && !has(c, k, W_NUM) && plain_num(c, k) < 0) return i;
  long n = 0;
  int half = 0, e;
  if ((is_w(c, k, "half") && (is_w(c, k + 1, "an") || is_w(c, k + 1, "a")) && has(c, k + 2, W_UNIT))) {
    int uk = u[k + 2].unitk;
    if (uk == U_HOUR) n = 30, uk = U_MIN;
    else if (uk == U_YEAR) n = 6, uk = U_MONTH;
    else if (uk == U_DAY) n = 12, uk = U_HOUR;
    else if (uk == U_CENTURY) n = 50, uk = U_YEAR; /* half a century */
    else if (uk == U_DECADE) n = 5, uk = U_YEAR;
    else return i;
    h->type = T_DURATION;
    dur_value(h->val, sizeof h->val, uk, n, 0);
    return k + 3;
  }
  int nk = read_count(c, k, &n);
  /* "two to three weeks", "the next 12 to 18 months", "three or four
   * years": one stretch, valued at its lower count as TimeBank does
   * ("two to three weeks" P2W); counted from a date, no one day ("two or
   * three days ago" is PAST_REF) */
  int range = 0;
  if (nk > k && n > 0 && !is_w(c, k, "a") && !is_w(c, k, "an") &&
      (is_w(c, nk, "to") || is_w(c, nk, "or"))) {
    long m = 0;
    int mk = read_count(c, nk + 1, &m);
    if (mk > nk + 1 && m > n && has(c, mk, W_UNIT) && (u[mk].cls & W_PLURAL)) nk = mk, range = 1;
  }
  if (nk == k) {
    /* "a day-long strike", "a decades-long feud": the adjective is the
     * stretch, of one unit (P1D) or of some (PXDE), as TimeBank and
     * AQUAINT tag it ("the" stays out: the article is the noun's) */
    if (!the && !span && has(c, k, W_UNIT) && u[k].unitk != U_WEEKEND && u[k].unitk != U_HALF &&
        hyph(c, k + 1) == k + 2 && is_w(c, k + 2, "long")) {
      h->type = T_DURATION;
      dur_value(h->val, sizeof h->val, u[k].unitk, (u[k].cls & W_PLURAL) ? -1 : 1, 0);
      return k + 3;
    }
    /* bare plural: "for years", "decades", "the past months"; "Days
     * later", "months ago" (as "a few days later": the stretch alone, PXD;
     * "months ago" PAST_REF; not after a count read no further: "6,000
     * years ago", "10-15 years ago") */
    int rel_next = (is_w(c, k + 1, "ago") || is_w(c, k + 1, "later") || is_w(c, k + 1, "earlier")) &&
                   !(k > 0 && (u[k - 1].kind == 'n' || u[k - 1].kind == 'p' || has(c, k - 1, W_NUM)));
    if (has(c, k, W_UNIT) && (u[k].cls & W_PLURAL) && u[k].unitk != U_WEEKEND &&
        (span || rel_next ||
         (k > 0 && (is_w(c, k - 1, "for") || is_w(c, k - 1, "over") ||
                            is_w(c, k - 1, "in") || is_w(c, k - 1, "within") ||
                            is_w(c, k - 1, "after") || is_w(c, k - 1, "took") ||
                            is_w(c, k - 1, "spent") || is_w(c, k - 1, "lasted") ||
                            last_verb(c, k - 1))))) {
      if (is_w(c, k + 1, "to") && is_w(c, k + 2, "come")) return i; /* vague */
      if (span && is_w(c, k - 1, "latest")) return i; /* "the latest minutes" of a meeting */
      if (is_w(c, k + 1, "ago")) {
        h->type = T_DATE;
        tfmt(h->val, sizeof h->val, "PAST_REF");
        return k + 2;
      }
      h->type = T_DURATION;
      if (span > 0 && u[k].unitk <= U_YEAR && (the || (k > 0 && (is_w(c, k - 1, "coming") ||
                                                                  is_w(c, k - 1, "upcoming"))))) {
        tfmt(h->val, sizeof h->val, "FUTURE_REF");
        h->type = T_DATE;
        return k + 1;
      }
      dur_value(h->val, sizeof h->val, u[k].unitk, -1, 0);
      /* "for weeks or months", "for months and even years": one
       * stretch, valued by its first unit as TimeBank does */
      int k2 = is_w(c, k + 1, "or") || is_w(c, k + 1, "and") ? k + 2 : 0;
      if (k2 && (is_w(c, k2, "even") || is_w(c, k2, "perhaps") || is_w(c, k2, "possibly"))) k2++;
      if (k2 && has(c, k2, W_UNIT) && (u[k2].cls & W_PLURAL) && u[k2].unitk != U_WEEKEND &&
          u[k2].unitk != u[k].unitk && !(k2 + 1 < c->n && u[k2 + 1].kind == 'w' &&
                                         (is_w(c, k2 + 1, "ago") || is_w(c, k2 + 1, "old") ||
                                          (is_w(c, k2 + 1, "to") && is_w(c, k2 + 2, "come")))))
        return k2 + 1;
      return k + 1;
    }
    return i;
  }
  if (n < 0 && !span && !fuzzy_ok && nk == k + 1 && !has(c, k, W_FUZZY)) return i;
  e = hyph(c, nk);
  int hyphen = e != nk;
  if (hyphen && the && !span) return i; /* "the two-week visit": the adjective alone */
  /* "a several-year effort": the article belongs to the noun, the
   * adjective alone is the stretch ("a two-year contract" is "two-year") */
  if (hyphen && nk == k + 2 && (is_w(c, k, "a") || is_w(c, k, "an"))) return i;
  /* "two more weeks", "an additional year": the stretch still to come;
   * "eight trading days", "five business days" */
  if (!hyphen && n != 0 && (is_w(c, e, "more") || is_w(c, e, "additional") || is_w(c, e, "extra")) &&
      has(c, e + 1, W_UNIT))
    e++;
  else if (!hyphen && n != 0 && (is_w(c, e, "trading") || is_w(c, e, "business") ||
                                 is_w(c, e, "working")) && has(c, e + 1, W_UNIT) && u[e + 1].unitk == U_DAY)
    e++;
  if (is_w(c, e, "and") && is_w(c, e + 1, "a") && is_w(c, e + 2, "half") && n > 0) half = 1, e += 3;
  else if (n > 0 && plain_num(c, e) == 1 && is_p(c, e + 1, '/') && plain_num(c, e + 2) == 2 &&
           !c->u[e + 1].space && !c->u[e + 2].space)
    half = 1, e += 3; /* 5 1/2 */
  if (!has(c, e, W_UNIT) || u[e].unitk == U_HALF || !u[e].unitk) return i;
  int uk = u[e].unitk;
  int plural = (u[e].cls & W_PLURAL) != 0;
  int fortn = is_w(c, e, "fortnight") || is_w(c, e, "fortnights");
  /* CBS's "60 Minutes", "48 Hours": a title, its unit capitalized after a
   * quotation mark or a word in lower case (a headline in title case
   * capitalizes the word before too) */
  if (u[e].cap && k > 0 && k == j && u[k].kind == 'n' &&
      ((u[k - 1].kind == 'p' && (u[k - 1].w[0] == '"' || u[k - 1].w[0] == '`' || u[k - 1].w[0] == '\'')) ||
       (u[k - 1].kind == 'w' && !u[k - 1].cap)))
    return i;
  /* "more than a quarter of the market", "three quarters of voters": a
   * share, not three months ("several quarters of losses" is a stretch) */
  if (uk == U_QUARTER && (n == 1 || n == 3) && !the && is_w(c, e + 1, "of") &&
      !year_at(c, e + 2))
    return i;
  /* "a three-quarter stake", "Dragons three-quarter Hal Luscombe": three
   * fourths, or the rugby position; "in many quarters", "interest from
   * several quarters": among people, not a stretch of months */
  if (uk == U_QUARTER && n == 3 && hyphen && !plural) return i;
  if (uk == U_QUARTER && plural && n < 0 && k > 0 && (is_w(c, k - 1, "in") || is_w(c, k - 1, "from")) &&
      !is_w(c, e + 1, "of"))
    return i;
  if (!plural && !hyphen && year_at(c, k)) return i; /* "the 1988 quarter": a year, no count */
  if (uk == U_SEC && !plural && n != 1) return i;
  /* "a second four-year term", "a second time", "a second round", a
   * second before an opening quotation mark (hoping for a second
   * 'Nipple-gate'): the ordinal before its noun */
  if (uk == U_SEC && !plural && !hyphen && e + 1 < c->n &&
      (u[e + 1].kind == 'n' ||
       (u[e + 1].kind == 'p' && u[e + 1].space && (u[e + 1].w[0] == '"' || u[e + 1].w[0] == '\'')) ||
       (u[e + 1].kind == 'w' && (c->doc->toks[u[e + 1].tok].upos == TD_NOUN ||
                                 c->doc->toks[u[e + 1].tok].upos == TD_ADJ ||
                                 c->doc->toks[u[e + 1].tok].upos == TD_NUM ||
                                 c->doc->toks[u[e + 1].tok].upos == TD_PROPN))))
    return i;
  if (n == 1 && plural && !hyphen) return i;
  /* "two-week-long", "a three month-long poll": the unit's adjective */
  int long_adj = is_p(c, e + 1, '-') && !u[e + 1].space && is_w(c, e + 2, "long") && !u[e + 2].space;
  if (long_adj && the && !span) return i;
  if (n > 1 && !plural && !hyphen && !long_adj && !(u[k].kind == 'n') &&
      !(e + 1 < c->n && u[e + 1].kind == 'w' && !u[e + 1].cap && !(u[e + 1].cls & W_START)))
    return i; /* "a five year plan" is one */
  /* "a day", "a year": only with a following ago/earlier/later, or as a
   * stretch ("for a year", "a year and a half") */
  int a_one = is_w(c, k, "a") || is_w(c, k, "an");
  e++;
  if (is_w(c, e, "or") && is_w(c, e + 1, "so") && is_w(c, e + 2, "ago")) e += 2; /* a week or so ago */
  if (a_one && is_w(c, e, "and") && is_w(c, e + 1, "a") && is_w(c, e + 2, "half")) half = 1, e += 3;
  if (long_adj) e += 2;                                      /* "a two-week-long trip" */
  else if (hyphen && is_p(c, e, '-') && !u[e].space) return i; /* "two-year-old" */
  /* "52 years old", "18 to 24 year olds", "three-quarters"; an age
   * named before ("at the age of four months", "aged 18 years") */
  if (is_w(c, e, "old") || is_w(c, e, "olds") || (hyphen && plural)) return i;
  if (i == k && k > 0 && !the && !span &&
      (is_w(c, k - 1, "aged") || (k > 1 && is_w(c, k - 1, "of") && is_w(c, k - 2, "age"))))
    return i;
  /* "a fortnight", "three fortnights": two weeks each (the word table's
   * unit is the week) */
  if (n > 0 && fortn) n *= 2;
  /* relative: ago, from now (from the article date), earlier, later,
   * before, after (from the date last mentioned); the words are the rules
   * times.ago, times.from_now, times.before, times.after of
   * data/times/relative.rules */
  int rel = 0, re = e;
  for (int x = 0; x < c->nrh; x++) {
    const rule_hit *rh = &c->rh[x];
    int r = strcmp(rh->name, "ago") == 0 ? -1 : strcmp(rh->name, "from_now") == 0 ? 1
          : strcmp(rh->name, "before") == 0 ? -2 : strcmp(rh->name, "after") == 0 ? 2 : 0;
    /* "in two years' time" only after in or within ("talking about
     * two years' time" is none) */
    if (r == 1 && is_w(c, rh->u1 - 1, "time") &&
        !(k > 0 && (is_w(c, k - 1, "in") || is_w(c, k - 1, "within"))))
      continue;
    if (r && rh->u0 == e && rh->u1 > re) rel = r, re = rh->u1;
  }
  if (rel && !span && !hyphen) {
    if (range) n = -1;
    long ref = (rel == -1 || rel == 1) ? c->dct : (c->has_anchor ? c->anchor : c->dct);
    int sign = rel < 0 ? -1 : 1;
    if ((n < 0 || half || is_w(c, re, "than")) && (rel == -2 || rel == 2)) {
      /* ("five years earlier than expected": a difference, no date) */
      /* "a few days later", "a minute and a half later": no date can be
       * counted from the narrative's; TimeML tags the stretch alone */
      h->type = T_DURATION;
      dur_value(h->val, sizeof h->val, uk, n, half);
      return e;
    }
    if (n < 0 || half) {
      h->type = T_DATE;
      tfmt(h->val, sizeof h->val, "%s", !c->has_dct ? "XXXX" : sign < 0 ? "PAST_REF" : "FUTURE_REF");
      return re;
    }
    shift_value(c, h, ref, uk, sign * n);
    if ((rel == -2 || rel == 2) && narrative_year(c, uk, sign * n, h)) return re;
    /* "lending fell to £25bn in November, from £25.5bn a year earlier",
     * "a 3% rise in December sales, less than the 4.3% seen a year
     * earlier": that month a year before, the month the sentence named */
    if (uk == U_YEAR && n == 1 && sign < 0 && c->anchor_m && c->anchor_msent == c->si) {
      int am = c->anchor_m - 12;
      h->type = T_DATE, h->has_day = 0;
      tfmt(h->val, sizeof h->val, "%04d-%02d", am / 12, am % 12 + 1);
      return re;
    }
    if (uk == U_YEAR && n == 1 && sign < 0 && c->quarter && c->si - c->quarter_sent <= 2 && c->has_dct) {
      int qq = c->quarter - 4; /* results of a quarter compared with a year before */
      tfmt(h->val, sizeof h->val, "%04d-Q%d", qq / 4, qq % 4 + 1);
    }
    return re;
  }
  /* "nearly a quarter said", "almost a quarter (21%)", "voted for a
   * quarter point rise": one quarter is a share, unless a word of time
   * comes right before it ("for a quarter", "in a quarter that produced
   * a loss") and no noun after it */
  if (uk == U_QUARTER && n == 1 && !plural && !the && !span && !hyphen && !half) {
    static const char *const timed[] = {"for", "in", "within", "over", "during", "took",
                                        "lasted", "spent", NULL};
    if (!(k > 0 && word_in(c, k - 1, timed)) ||
        (e < c->n && u[e].kind == 'w' && c->doc->toks[u[e].tok].upos == TD_NOUN))
      return i;
  }
  /* ("a few weeks" is a count whatever comes before: "in just a few
   * minutes"; "as long as a month or two" is a stretch) */
  if (a_one && n > 0 && !span && !half && !hyphen && !(i < j) &&
      !(k > 0 && (is_w(c, k - 1, "for") || is_w(c, k - 1, "in") || is_w(c, k - 1, "within") ||
                  is_w(c, k - 1, "over") || is_w(c, k - 1, "than") || is_w(c, k - 1, "about") ||
                  is_w(c, k - 1, "nearly") || is_w(c, k - 1, "almost") || is_w(c, k - 1, "took") ||
                  is_w(c, k - 1, "lasted") || is_w(c, k - 1, "spent") || last_verb(c, k - 1) ||
                  is_w(c, k - 1, "been") ||
                  (k > 2 && is_w(c, k - 1, "as") && is_w(c, k - 2, "long") && is_w(c, k - 3, "as")))))
    return i;
  if (uk == U_WEEKEND) return i;
  /* "will one day lead", "hopes to one day become", "One day you will
   * be able", "hopes that one day it can be": some day to come, no
   * stretch of a day */
  if (uk == U_DAY && n == 1 && !plural && !span && !half && !hyphen && is_w(c, k, "one") &&
      ((k > 0 && word_in(c, k - 1, modal_words) && !is_w(c, k - 1, "to") &&
        !is_w(c, k - 1, "not") && !is_w(c, k - 1, "t") && !is_w(c, k - 1, "never")) ||
       (e < c->n && u[e].kind == 'w' &&
        ((tags.vb && (int)c->doc->toks[u[e].tok].xpos == tags.vb) ||
         (k > 0 && is_w(c, k - 1, "to") && c->doc->toks[u[e].tok].upos == TD_VERB))) ||
       modal_after(c, k, e))) {
    h->type = T_DATE;
    tfmt(h->val, sizeof h->val, "FUTURE_REF");
    return e;
  }
  h->type = T_DURATION;
  dur_value(h->val, sizeof h->val, uk, n, half);
  /* "the past year", "the next two weeks", "the first nine months [of 1989]" */
  return e;
}

/* Whether a match of times.ago, times.from_now, times.before or
 * times.after ends at unit e: the expression before it is a date counted
 * from another ("two years ago", "a week later"). */
static int rel_ends_at(const ctx *c, int e) {
  for (int x = 0; x < c->nrh; x++) {
    const char *nm = c->rh[x].name;
    if (c->rh[x].u1 == e && (strcmp(nm, "ago") == 0 || strcmp(nm, "from_now") == 0 ||
                             strcmp(nm, "before") == 0 || strcmp(nm, "after") == 0))
      return 1;
  }
  return 0;
}

/* "the 20th minute", "the 33rd minute", "the first minute": one minute
 * of a match (or of any event), counted from its start and in no
 * calendar, so the DURATION PT1M, as a half of a match is PTXM (see
 * period_expr); "of the game" after it stays out. */
static int minute_expr(const ctx *c, int i, hit *h) {
  static const char *const sfx[] = {"st", "nd", "rd", "th", NULL};
  int k = i + 1;
  if (!is_w(c, i, "the") || k >= c->n || !is_w(c, k + 1, "minute")) return i;
  if (!has(c, k, W_ORD) &&
      !(c->u[k].kind == 'n' && c->u[k].ndig <= 3 && td_str_in(c->u[k].w, sfx)))
    return i;
  h->type = T_DURATION;
  h->has_day = 0;
  tfmt(h->val, sizeof h->val, "PT1M");
  return k + 2;
}

/* Durations (stretch_expr), and "about/almost/roughly/approximately/some"
 * before a date counted from another: "almost two years ago", "about a
 * week later" keep the approximation (TimeBank and AQUAINT have it inside
 * in all four such cases), where before a stretch alone it stays out
 * ("about five hours"). */
static int duration_expr(const ctx *c, int i, hit *h) {
  static const char *const approx[] = {"about", "almost", "roughly", "approximately", "some", NULL};
  int m = minute_expr(c, i, h);
  if (m > i) return m;
  if (!word_in(c, i, approx)) return stretch_expr(c, i, h);
  if (i + 1 >= c->n || word_in(c, i + 1, approx) || is_w(c, i + 1, "the")) return i;
  int e = stretch_expr(c, i + 1, h);
  return e > i + 1 && h->type == T_DATE && rel_ends_at(c, e) ? e : i;
}

/* Sets: "every week", "each year", "every other day", "every two years",
 * "every Friday", "daily", "annually", and "a year" / "per day" after a
 * frequency ("twice a year", "5% a year"). */
static int set_expr(const ctx *c, int i, hit *h) {
  const unit *u = c->u;
  static const char *const code[] = {"", "PT1S", "PT1M", "PT1H", "P1D", "P1W", "P1WE",
                                     "P1M", "P1Q", "P6M", "P1Y", "P10Y", "P100Y"};
  h->has_day = 0;
  h->type = T_SET;
  /* "on Mondays", "Tuesday nights": every such day (or part of it) */
  static const char *const wdays[] = {"mondays", "tuesdays", "wednesdays", "thursdays",
                                      "fridays", "saturdays", "sundays"};
  if (u[i].cap && u[i].kind == 'w' && (u[i].cls & W_START) && u[i].w[strlen(u[i].w) - 1] == 's')
    for (int x = 0; x < 7; x++)
      if (strcmp(u[i].w, wdays[x]) == 0) {
        tfmt(h->val, sizeof h->val, "XXXX-WXX-%d", x + 1);
        return i + 1;
      }
  if (has(c, i, W_WDAY) && u[i].cap && has(c, i + 1, W_POD) && (u[i + 1].cls & W_PLURAL) &&
      u[i + 1].pod >= P_MO && u[i + 1].pod <= P_NI) {
    tfmt(h->val, sizeof h->val, "XXXX-WXX-%dT%s", u[i].wday, pod_code(u[i + 1].pod));
    return i + 2;
  }
  /* "at weekends", "on weekends", "avoid the weekends": every weekend */
  {
    int k = is_w(c, i, "the") ? i + 1 : i;
    if (is_w(c, k, "weekends") &&
        (k > i || (i > 0 && (is_w(c, i - 1, "at") || is_w(c, i - 1, "on") ||
                             is_w(c, i - 1, "during") || is_w(c, i - 1, "over"))))) {
      tfmt(h->val, sizeof h->val, "XXXX-WXX-WE");
      return k + 1;
    }
  }
  if (has(c, i, W_SETADV) && (!u[i].cap || i == 0)) {
    /* "the Communist Party daily Granma", "the French daily Le Monde",
     * "the news weekly Der Spiegel": a newspaper before its name (after
     * a noun or adjective, before a capitalized word that is no month or
     * weekday), no set; after an article it may be the adjective ("a
     * yearly Gallup poll") */
    if (i > 0 && i + 1 < c->n && c->u[i - 1].kind == 'w' && u[i + 1].kind == 'w' && u[i + 1].cap &&
        !(u[i + 1].cls & (W_MONTH | W_WDAY))) {
      int up = c->doc->toks[c->u[i - 1].tok].upos;
      if (up == TD_NOUN || up == TD_PROPN || up == TD_ADJ) return i;
    }
    tfmt(h->val, sizeof h->val, "%s", code[u[i].setv]);
    return i + 1;
  }
  if (is_w(c, i, "every") || is_w(c, i, "each")) {
    /* "his every day life", "people's every day lives": the adjective
     * everyday, or every one of someone's days ("his every move"), no set */
    if (i > 0 && ((c->u[i - 1].kind == 'w' && possessive(c->u[i - 1].w)) ||
                  (is_w(c, i - 1, "s") && is_p(c, i - 2, '\''))))
      return i;
    int k = i + 1, other = 0;
    long n = 1;
    if (is_w(c, k, "other")) other = 1, k++;
    /* "every second week", "every third year", "every second Tuesday":
     * the ordinal counts the step ("every second" alone is each second) */
    else if (has(c, k, W_ORD) && u[k].ord >= 2 && !u[k].cap &&
             ((has(c, k + 1, W_UNIT) && !(u[k + 1].cls & W_PLURAL)) ||
              (has(c, k + 1, W_WDAY) && u[k + 1].cap)))
      other = u[k].ord, k++;
    int nk = read_count(c, k, &n);
    if (nk > k && (is_w(c, k, "a") || n < 1)) return i;
    k = nk;
    if (has(c, k, W_UNIT) && u[k].unitk && u[k].unitk != U_HALF && u[k].unitk != U_WEEKEND) {
      if (other) n = other == 1 ? 2 : other;
      dur_value(h->val, sizeof h->val, u[k].unitk, n, 0);
      return k + 1;
    }
    if (has(c, k, W_WDAY) && u[k].cap) {
      tfmt(h->val, sizeof h->val, "XXXX-WXX-%d", u[k].wday);
      return k + 1;
    }
    if (has(c, k, W_SEASON) && !(u[k].cls & W_MONTH)) { /* every summer */
      static const char *const sc[] = {"", "SP", "SU", "FA", "WI"};
      tfmt(h->val, sizeof h->val, "XXXX-%s", sc[u[k].season]);
      return k + 1;
    }
    if (has(c, k, W_POD) && u[k].pod <= P_NI && is_w(c, i, "every")) {
      tfmt(h->val, sizeof h->val, "XXXX-XX-XXT%s", pod_code(u[k].pod));
      return k + 1;
    }
    if (has(c, k, W_MONTH) && u[k].cap && strlen(u[k].w) > 3) {
      tfmt(h->val, sizeof h->val, "XXXX-%02d", u[k].month);
      return k + 1;
    }
    if (is_w(c, k, "weekend")) {
      tfmt(h->val, sizeof h->val, "XXXX-WXX-WE");
      return k + 1;
    }
    return i;
  }
  if ((is_w(c, i, "a") || is_w(c, i, "an") || is_w(c, i, "per")) && has(c, i + 1, W_UNIT) &&
      !(u[i + 1].cls & W_PLURAL) && u[i + 1].unitk && u[i + 1].unitk != U_HALF && i > 0 &&
      (is_w(c, i - 1, "once") || is_w(c, i - 1, "twice") || is_w(c, i - 1, "times") ||
       is_w(c, i - 1, "thrice") || is_p(c, i - 1, '%') || u[i - 1].kind == 'n' ||
       is_w(c, i - 1, "million") || is_w(c, i - 1, "billion") || is_w(c, i - 1, "percent") ||
       is_w(c, i - 1, "dollars") || is_w(c, i - 1, "cents")) &&
      !is_w(c, i + 2, "ago") && !is_w(c, i + 2, "earlier") && !is_w(c, i + 2, "later")) {
    tfmt(h->val, sizeof h->val, "%s", code[u[i + 1].unitk]);
    return i + 2;
  }
  return i;
}

/* Vague references (now, recently, soon, in the coming weeks, ...): the
 * matches of the times.X_ref rules of data/times/vague.rules, found per
 * sentence by collect_rules(); the longest one starting at unit i. */
static int rule_expr(const ctx *c, int i, hit *h) {
  int e = i;
  for (int k = 0; k < c->nrh; k++)
    if (c->rh[k].u0 == i && c->rh[k].u1 > e && c->rh[k].val[0]) {
      e = c->rh[k].u1;
      h->has_day = 0;
      h->type = T_DATE;
      tfmt(h->val, sizeof h->val, "%s", c->rh[k].val);
    }
  return e;
}

/* Dates with their modifiers: [the end of | the beginning of | early |
 * late | mid- | earlier | later] + a day or a period, with a part of day
 * after a day ("Friday night" is a TIME: 2024-11-01TNI). */
/* "mid-afternoon", "mid morning" [yesterday|Friday] at i: a part of day
 * of that day, else of the day last named (TimeML AF, MO, EV; "mid-" says
 * only which part). The index past it, or i. */
static int mid_pod(const ctx *c, int i, hit *h) {
  const unit *u = c->u;
  if (!is_w(c, i, "mid")) return i;
  int k = hyph(c, i + 1), e = k + 1, dpod;
  if (!has(c, k, W_POD) || (u[k].cls & W_PLURAL) || u[k].pod < P_MO || u[k].pod > P_EV) return i;
  hit dh;
  int e2 = day_expr(c, e, &dh, &dpod);
  char d[16];
  if (e2 > e && dh.has_day) fmt_day(d, sizeof d, dh.day), e = e2;
  else if (c->has_dct) fmt_day(d, sizeof d, c->has_anchor ? c->anchor : c->dct);
  else tfmt(d, sizeof d, "XXXX-XX-XX");
  h->type = T_TIME, h->has_day = 0;
  tfmt(h->val, sizeof h->val, "%sT%s", d, pod_code(u[k].pod));
  return e;
}

/* "the new year", "at New Year": the year about to begin or just begun
 * ("damages will be assessed in the New Year" in December is next year;
 * "the new year had started with a fall" in January is this one): in a
 * past clause the latest year begun by the article date, in a future one
 * the next unless the article is of January, else the one whose start is
 * nearest. Not before a possessive, a hyphen, a number or a noun ("the New
 * Year honours", "New Year's Day": a holiday), nor "Chinese New Year"
 * (only after "the" or a preposition). The index past it, or i. */
static int new_year_expr(const ctx *c, int i, hit *h) {
  static const char *const preps[] = {"at", "in", "over", "since", "until", "till", "by",
                                      "from", "into", "after", "before", "around", NULL};
  const unit *u = c->u;
  int k = is_w(c, i, "the") ? i + 1 : i;
  if (!is_w(c, k, "new") || !is_w(c, k + 1, "year") || (u[k].cap != u[k + 1].cap) ||
      (k == i && !(u[k].cap && i > 0 && word_in(c, i - 1, preps))))
    return i;
  int e = k + 2;
  if (e < c->n && (u[e].kind == 'n' || is_p(c, e, '\'') || (is_p(c, e, '-') && !u[e].space) ||
                   (u[e].kind == 'w' && (u[e].cap || c->doc->toks[u[e].tok].upos == TD_NOUN ||
                                         c->doc->toks[u[e].tok].upos == TD_PROPN))))
    return i;
  h->type = T_DATE, h->has_day = 0;
  if (!c->has_dct) {
    tfmt(h->val, sizeof h->val, "XXXX");
    return e;
  }
  int t = clause_tense(c, i, e), y = c->dy;
  if (t > 0 ? c->dm > 1 : !t && c->dm >= 7) y++;
  tfmt(h->val, sizeof h->val, "%04d", y);
  return e;
}

/* "earlier in the day", "later in the week", "later in the year": the
 * word stays in, as in "earlier this month" (TimeBank's one case, "earlier
 * in the year", has it); the day, week and month are those of the date
 * last mentioned (as for "earlier that day"; the article's when none was),
 * the year the one written in digits in the sentence or the two before
 * ("In 1974 ... later in the year"; else the article's, and so in a future
 * clause after an earlier year: "Profits rose in 2004. Rates will rise
 * later in the year"). Not
 * "later in the year's trading", "earlier in the week-long talks", nor
 * "later in the season" (a season of sport, no calendar's). The index
 * past it, or i. */
static int in_the_period(const ctx *c, int i, hit *h) {
  const unit *u = c->u;
  if (!has(c, i, W_EDGE) || (u[i].edge != E_EARLIER && u[i].edge != E_LATER) ||
      !is_w(c, i + 1, "in") || !is_w(c, i + 2, "the") || !has(c, i + 3, W_UNIT) ||
      (u[i + 3].cls & W_PLURAL) || u[i + 3].cap)
    return i;
  int uk = u[i + 3].unitk, e = i + 4;
  if ((uk != U_DAY && uk != U_WEEK && uk != U_MONTH && uk != U_YEAR) ||
      (e < c->n && (is_p(c, e, '-') || is_p(c, e, '\'') || is_w(c, e, "of"))))
    return i;
  h->has_day = 0;
  long ref = c->has_anchor ? c->anchor : c->dct;
  if (uk == U_DAY && c->has_dct) set_day(h, T_DATE, ref);
  else if (uk == U_WEEK && c->has_dct) {
    int wy, wn;
    iso_week(ref, &wy, &wn);
    h->type = T_DATE;
    tfmt(h->val, sizeof h->val, "%04d-W%02d", wy, wn);
  } else if (uk == U_MONTH && c->has_dct) {
    int yy, mm, dd;
    civil_from_days(ref, &yy, &mm, &dd);
    h->type = T_DATE;
    tfmt(h->val, sizeof h->val, "%04d-%02d", yy, mm);
  } else if (uk == U_YEAR && c->has_dct) {
    h->type = T_DATE;
    int narr = c->anchor_y && c->anchor_ysent >= 0 && c->si - c->anchor_ysent <= 2 &&
               !(c->anchor_y < c->dy && clause_tense(c, i, e) > 0);
    tfmt(h->val, sizeof h->val, "%04d", narr ? c->anchor_y : c->dy);
  } else
    unit_shift(c, h, uk, 0);
  return e;
}

static int date_expr(const ctx *c, int i, hit *h) {
  const unit *u = c->u;
  int j = i;
  int em = mid_pod(c, i, h); /* mid-afternoon [yesterday] */
  if (em > i) return em;
  em = new_year_expr(c, i, h);
  if (em > i) return em;
  em = in_the_period(c, i, h); /* earlier in the day */
  if (em > i) return em;
  /* the first week of June, the last weekend of May [2024]: one
   * expression, valued as its month (which week the article means by the
   * month's first week is not said) */
  if (is_w(c, j, "the") && ((has(c, j + 1, W_ORD) && u[j + 1].ord <= 4) ||
                            is_w(c, j + 1, "last") || is_w(c, j + 1, "final")) &&
      (is_w(c, j + 2, "week") || is_w(c, j + 2, "weekend")) && is_w(c, j + 3, "of") &&
      has(c, j + 4, W_MONTH) && u[j + 4].cap) {
    em = period_expr(c, j + 4, h);
    size_t L = strlen(h->val);
    if (em > j + 4 && h->type == T_DATE && L == 7 && h->val[4] == '-') return em;
    memset(h, 0, sizeof *h);
  }
  if (is_w(c, j, "the") && (is_w(c, j + 1, "end") || is_w(c, j + 1, "beginning") ||
                            is_w(c, j + 1, "start") || is_w(c, j + 1, "middle") ||
                            is_w(c, j + 1, "close") || is_w(c, j + 1, "turn")) &&
      is_w(c, j + 2, "of"))
    j += 3;
  else if (has(c, j, W_EDGE))
    j = hyph(c, j + 1);
  if (j > i && !has(c, i, W_EDGE) && is_w(c, j, "the") && has(c, j + 1, W_UNIT) &&
      !(u[j + 1].cls & W_PLURAL) && u[j + 1].unitk >= U_WEEK && u[j + 1].unitk != U_HALF &&
      u[j + 1].unitk != U_WEEKEND && !is_p(c, j + 2, '-')) {
    unit_shift(c, h, u[j + 1].unitk, 0); /* the end of the month: the article's month */
    return j + 2;
  }
  hit dh;
  int pod = 0, e = day_expr(c, j, &dh, &pod);
  if (e > j) {
    /* "late Monday", "earlier Friday": TimeML tags "Monday" (AQUAINT in
     * all its cases, see docs/TIMES.md); "Earlier yesterday", "later that
     * day" keep the word, as TimeML's mod START/END says (TimeBank and
     * AQUAINT: 3 of 4) */
    if (j > i && has(c, i, W_EDGE) &&
        !((u[i].edge == E_EARLIER || u[i].edge == E_LATER) &&
          (has(c, j, W_REL) || is_w(c, j, "that") || is_w(c, j, "the"))))
      return i;
    *h = dh;
    int p2 = 0;
    if (has(c, e, W_POD) && !(u[e].cls & W_PLURAL) && u[e].pod <= P_NI) p2 = u[e].pod, e++;
    else if (!pod && j > i && has(c, i, W_EDGE) && has(c, i + 1, W_POD)) p2 = 0;
    if (!p2) p2 = pod;
    if (p2 && h->val[0] && strlen(h->val) == 10) {
      h->type = T_TIME;
      size_t L = strlen(h->val);
      tfmt(h->val + L, sizeof h->val - L, "T%s", pod_code(p2));
    }
    return e;
  }
  /* this morning, last night (rules times.pod_today, times.pod_yesterday in
   * data/times/relative.rules); yesterday afternoon, tomorrow night: day_expr */
  const rule_hit *rp = hit_at(c, "pod_today", j);
  int back = 0;
  if (!rp) rp = hit_at(c, "pod_yesterday", j), back = 1;
  if (rp && rp->pod == j + 1 && has(c, j + 1, W_POD) && u[j + 1].pod >= P_MO && u[j + 1].pod <= P_NI) {
    h->type = T_TIME, h->has_day = 0;
    char d[16];
    if (c->has_dct) fmt_day(d, sizeof d, c->dct - back);
    else tfmt(d, sizeof d, "XXXX-XX-XX");
    tfmt(h->val, sizeof h->val, "%sT%s", d, pod_code(u[j + 1].pod));
    return j + 2;
  }
  e = period_expr(c, j, h);
  if (e > j && j > i && has(c, i, W_EDGE) && e == j + 1 && year_at(c, j) && c->u[j].space)
    return i; /* "early 1997" is tagged "1997"; "mid-1996" whole */
  if (e > j) return e;
  return i;
}

/* Words that, unclassified, may follow "the", "a", "an", "that" or "at"
 * inside an expression (idle_start): "the end of", "the sixties", "the
 * latest quarter", "the most recent quarter", "the same day", "at most",
 * "the final months", "a and a half years", "the latter half of"; and,
 * should the table lose them, the classified ones the rules name after
 * those words. */
static const char *const idle_not[] = {
    "end", "beginning", "start", "middle", "close", "turn", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties", "latest", "most", "least", "same",
    "final", "remaining", "and", "day", "previous", "next", "following", "first", "last", "year",
    "weekend", "half", "hundred", "few", "several", "dozen", "fiscal", "financial", "full",
    "couple", "latter", NULL};
/* Approximators no rule names where an expression begins (duration_expr
 * takes "more/less/fewer than", "nearly", "around" there, and "about",
 * "over", "within", "almost" only before one): they begin nothing. */
static const char *const idle_approx[] = {"about", "almost", "approximately", "over",
                                          "roughly", "some", "under", "within", NULL};
static td_strset *idle_set, *idle_approx_set;
static pthread_once_t idle_once = PTHREAD_ONCE_INIT;
static void idle_init(void) {
  idle_set = td_strset_new_list(idle_not);
  idle_approx_set = td_strset_new_list(idle_approx);
}

/* Classes no rule reads at the unit after "the", "a", "an", "that", "at"
 * or a plain number (idle_start): the tense and reporting cues (read by
 * clause_tense once a match is found) and classes only the word table
 * and the stage's first test use. */
#define IDLE_NEXT_CLS (W_START | W_PREP | W_APPROX | W_VAGUE | W_PAST | W_FUT | W_REPORT)

/* Whether no rule can match at unit i although it may begin an expression
 * (perf, issue 11: most units tried are "the", "a", "an", "that", "at" or
 * a number, and most of them begin nothing). Only in a sentence with no
 * match of a times.* rule (rule_expr and every hit_at find nothing), and
 * only for these units:
 * - a word of idle_approx, of class W_APPROX (and cues) only: every rule
 *   needs another class or names other words there;
 * - a number with a , or . ("2,000", "3.5"): every rule needs its digits
 *   plain (clock times, days, years, decades, quarters, counts), but
 *   clock_expr's "10.38am" (dot_clock);
 * - a plain number, not of four digits (no year), followed by a mark other
 *   than - / : ' (dates, clock times, ranges, decades use those) or by a
 *   word of no class but IDLE_NEXT_CLS other than "and", "o'clock", "o",
 *   "more", "additional", "extra", "trading", "business", "working", "in
 *   the morning", "to" or "or" before a number (a month, a part of day, a
 *   unit of time, "and a half", "20 more years", "8 trading days", "4 in
 *   the morning", "10 to 12 hours" are what day_expr, clock_expr and
 *   duration_expr read there);
 * - one of the five words (of class W_START only) followed by a word of no
 *   class but IDLE_NEXT_CLS and outside idle_not: date_expr's "the end of"
 *   needs idle_not's words, "the new year" its "new year", day_expr's "the/that day|previous|next|same"
 *   and "the 1st of" those or a number next, period_expr's decades,
 *   centuries, quarters, "the year", "the [fiscal|full] year ended", "the
 *   latest quarter", "the weekend"
 *   and "that year" a number, a class or idle_not's word next (its months,
 *   seasons and years begin at a class or a number), duration_expr's "the"
 *   a class or a number next ("the" alone returns i), its counts ("a" is
 *   one) a unit of time after them, "at least/most" idle_not's words;
 *   set_expr's "a/an" a unit of time next; clock_expr a number or noon. */
static int idle_start(const ctx *c, int i) {
  if (c->nrh || i + 1 >= c->n) return 0;
  const unit *u = c->u, *nx = &u[i + 1];
  if (u[i].kind == 'w' && !(u[i].cls & ~(uint32_t)(W_APPROX | W_PAST | W_FUT | W_REPORT)))
    return td_strset_find_str(idle_approx_set, u[i].w) >= 0;
  if (u[i].kind == 'n') {
    int hh, mi;
    if (u[i].grouped && !u[i].w[0] && has(c, i + 1, W_UNIT)) return 0; /* "6,000 years ago" */
    if (!u[i].ndig) return dot_clock(c, i, &hh, &mi) == i; /* "10.38am" */
    if (u[i].w[0] || u[i].ndig == 4) return 0;
    if (nx->kind == 'p') return nx->w[0] && !strchr("-/:'", nx->w[0]);
    return nx->kind == 'w' && !(nx->cls & ~(uint32_t)IDLE_NEXT_CLS) && !is_w(c, i + 1, "and") &&
           !is_w(c, i + 1, "o'clock") && !is_w(c, i + 1, "o") && !is_w(c, i + 1, "more") &&
           !is_w(c, i + 1, "additional") && !is_w(c, i + 1, "extra") && !is_w(c, i + 1, "trading") &&
           !is_w(c, i + 1, "business") && !is_w(c, i + 1, "working") && !in_the_pod(c, i + 1) &&
           !((is_w(c, i + 1, "to") || is_w(c, i + 1, "or")) && i + 2 < c->n && u[i + 2].kind == 'n');
  }
  if (u[i].cls != W_START || nx->kind != 'w' || (nx->cls & ~(uint32_t)IDLE_NEXT_CLS)) return 0;
  if (!is_w(c, i, "the") && !is_w(c, i, "a") && !is_w(c, i, "an") && !is_w(c, i, "that") &&
      !is_w(c, i, "at"))
    return 0;
  if (is_w(c, i + 1, "new")) return !is_w(c, i + 2, "year");
  return td_strset_find_str(idle_set, nx->w) < 0;
}

/* Tries every rule at unit i; the longest match wins (earlier rules win
 * ties). Returns the index past it, or i. */
/* The first day of a range that names its month once, after the second
 * day: "22 and 23 June", "6 to 9 January", "10-20 February 2005": the
 * first number alone, dated in the month (and year) the second day has
 * (the second is read where it stands). */
static int range_first_day(const ctx *c, int i, hit *h) {
  int d1 = mday_at(c, i), k = i + 1;
  if (!d1 || k + 1 >= c->n) return i;
  if (is_p(c, k, '-') && !c->u[k].space && !c->u[k + 1].space) k++;
  else if (is_w(c, k, "and") || is_w(c, k, "to") || is_w(c, k, "or")) k++;
  else return i;
  int d2 = mday_at(c, k), p2;
  if (!d2 || d2 <= d1 || !has(c, k + 1, W_MONTH) || !c->u[k + 1].cap) return i;
  hit h2;
  memset(&h2, 0, sizeof h2);
  if (day_expr(c, k, &h2, &p2) <= k + 1 || h2.type != T_DATE) return i;
  if (h2.has_day) {
    set_day(h, T_DATE, h2.day - d2 + d1);
  } else { /* no article date: "XXXX-06-23" */
    size_t L = strlen(h2.val);
    if (L != 10 || h2.val[7] != '-') return i;
    *h = h2;
    tfmt(h->val + 8, sizeof h->val - 8, "%02d", d1);
  }
  return i + 1;
}

/* The second year of a span of years written with a hyphen or slash
 * after the year at unit k ("the 2004-05 season", "the 2004/05 budget",
 * "1939-45", "1998-2004"): its value, the unit k + 2 holding it; 0 when
 * there is none. The second is later, within a century, written with two
 * digits or four; not a count ("1900-2000 troops": a plural noun after
 * it), nor a date ("2004-05-01"). */
static int year_pair(const ctx *c, int k) {
  int y = year_at(c, k);
  if (!y || y < 1800 || !(is_p(c, k + 1, '-') || is_p(c, k + 1, '/')) || c->u[k + 1].space ||
      plain_num(c, k + 2) < 0 || c->u[k + 2].space)
    return 0;
  const unit *b = &c->u[k + 2];
  int y2 = b->ndig == 2 ? y / 100 * 100 + (int)b->num : b->ndig == 4 ? (int)b->num : 0;
  if (b->ndig == 2 && (y + 1) % 100 == b->num) y2 = y + 1; /* "1999-00" */
  if (y2 <= y || y2 > y + 100) return 0;
  if (k + 3 < c->n && !c->u[k + 3].space && c->u[k + 3].kind != 'p') return 0;
  if ((is_p(c, k + 3, '-') || is_p(c, k + 3, '/')) && !c->u[k + 3].space) return 0;
  if (k + 3 < c->n && c->u[k + 3].kind == 'w') {
    const unit *nx = &c->u[k + 3];
    size_t L = strlen(nx->w);
    if (c->doc->toks[nx->tok].upos == TD_NOUN && nx->w[L - 1] == 's') return 0;
  }
  return y2;
}

/* The second month of a span of months after the month at unit k
 * ("July-September", "the October-to-December quarter", "the June-July
 * tour"): its unit, both names capitalized and glued to the hyphens; 0
 * when there is none. */
static int month_pair(const ctx *c, int k) {
  if (!has(c, k, W_MONTH) || !c->u[k].cap || !is_p(c, k + 1, '-') || c->u[k + 1].space) return 0;
  int j = k + 2;
  if (is_w(c, j, "to") && !c->u[j].space && is_p(c, j + 1, '-') && !c->u[j + 1].space) j += 2;
  if (!has(c, j, W_MONTH) || !c->u[j].cap || c->u[j].space || c->u[j].month == c->u[k].month)
    return 0;
  if (j + 1 < c->n && !c->u[j + 1].space && (c->u[j + 1].kind != 'p' || c->u[j + 1].w[0] == '-'))
    return 0; /* "June-July-August" is left alone */
  return j;
}

static int match_at(const ctx *c, int i, hit *best) {
  int (*const rules[])(const ctx *, int, hit *) = {date_expr, clock_expr, duration_expr,
                                                   set_expr, rule_expr};
  int be = i;
  /* "this past weekend", "this past spring": "past" is "last" there; the
   * rules are tried at "past", the expression beginning at "this" */
  int s = is_w(c, i, "this") && is_w(c, i + 1, "past") ? i + 1 : i;
  for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
    hit h;
    memset(&h, 0, sizeof h);
    int e = rules[r](c, s, &h);
    if (e <= be || e <= s) continue;
    /* never end inside a hyphenated word ("two-year-old", "2024-25"),
     * but for a day range ("June 10-12") */
    if (e < c->n && is_p(c, e, '-') && !c->u[e].space && e + 1 < c->n && !c->u[e + 1].space &&
        c->u[e + 1].kind != 'p' &&
        !(h.has_day && mday_at(c, e - 1) && mday_at(c, e - 1) < mday_at(c, e + 1)) &&
        !(h.type == T_DATE && strlen(h.val) == 4 && year_pair(c, e - 1)) &&
        !(h.type == T_DATE && strlen(h.val) == 7 && month_pair(c, e - 1)))
      continue;
    /* nor inside a word glued to the end ("Fridays", "2021s") */
    if (e < c->n && !c->u[e].space && c->u[e].kind == 'w') continue;
    be = e;
    *best = h;
  }
  /* the first day of "10-20 February", "6 to 9 January" (tried only at
   * a number nothing else took: it is one unit long) */
  if (be == i && c->u[s].kind == 'n') {
    hit h;
    memset(&h, 0, sizeof h);
    int e = range_first_day(c, s, &h);
    if (e > s) be = e, *best = h;
  }
  /* "the next year or so": the approximation belongs to the expression */
  if (be > i && best->type != T_SET && is_w(c, be, "or") && is_w(c, be + 1, "so") &&
      (be + 2 >= c->n || c->u[be + 2].kind == 'p'))
    be += 2;
  return be;
}

/* ---- the stage ---- */

/* ---- the times.* rules (data/times/NAME.rules, user --dict rules) ---- */

typedef struct rule_coll {
  const units *us;
  rule_hit *h;
  int n, cap;
  int veto[64][2]; /* unit ranges of times.not matches */
  int nveto;
} rule_coll;

/* Unit index of the first unit of token tok or later (us->n when none). */
static int unit_of_tok(const units *us, int32_t tok) {
  int lo = 0, hi = us->n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (us->u[mid].tok < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The first unit of one-token capture `name` of m ("Fri." is the units
 * "fri" and "."), or -1. */
static int cap_unit(const rule_coll *rc, const td_rule_match *m, const char *name) {
  const td_rule_cap *k = td_rule_cap_get(m, name);
  if (!k || k->tok0 < 0 || k->tok1 != k->tok0 + 1) return -1;
  int a = unit_of_tok(rc->us, k->tok0), b = unit_of_tok(rc->us, k->tok1);
  return b > a ? a : -1;
}

/* A rule match: its extent (capture t, else the whole match) as units;
 * times.X_ref gives the value X_REF (uppercased), times.not a veto; other
 * names keep their captures dir, unit, pod for the C rules that ask for
 * them (hit_at). */
static int on_rule(void *vctx, const td_rule_match *m) {
  rule_coll *rc = vctx;
  const char *name = m->rule + 6; /* after "times." */
  const td_rule_cap *t = td_rule_cap_get(m, "t");
  int32_t t0 = (int32_t)m->tok0, t1 = (int32_t)m->tok1;
  if (t && t->tok0 >= 0 && t->tok1 > t->tok0) t0 = t->tok0, t1 = t->tok1;
  int u0 = unit_of_tok(rc->us, t0), u1 = unit_of_tok(rc->us, t1);
  if (u0 >= u1) return 0;
  if (strcmp(name, "not") == 0) {
    if (rc->nveto < 64) rc->veto[rc->nveto][0] = u0, rc->veto[rc->nveto][1] = u1, rc->nveto++;
    return 0;
  }
  size_t L = strlen(name);
  if (L >= sizeof rc->h[0].name) return 0;
  if (rc->n == rc->cap) {
    rc->cap = rc->cap ? rc->cap * 2 : 8;
    rc->h = td_xrealloc(rc->h, (size_t)rc->cap * sizeof *rc->h);
  }
  rule_hit *h = &rc->h[rc->n++];
  memset(h, 0, sizeof *h);
  h->u0 = u0, h->u1 = u1;
  memcpy(h->name, name, L + 1);
  if (L >= 5 && strcmp(name + L - 4, "_ref") == 0)
    for (size_t k = 0; k <= L; k++) h->val[k] = (char)toupper((unsigned char)name[k]);
  h->dir = cap_unit(rc, m, "dir");
  h->unit = cap_unit(rc, m, "unit");
  h->pod = cap_unit(rc, m, "pod");
  h->hol = strncmp(name, "holiday_", 8) == 0 ? holiday_kind(name) : 0;
  return 0;
}

/* Runs the times.* rules over sentence si (cut into us) into rc; the
 * matches a times.not match covers the start of are dropped. */
static void collect_rules(const td_engine *eng, td_doc *doc, size_t si, const units *us,
                          rule_coll *rc) {
  rc->us = us, rc->n = 0, rc->nveto = 0;
  if (!eng || !eng->rules) return;
  td_rules_match_layer(eng->rules, "times", eng, doc, si, on_rule, rc);
  int w = 0;
  for (int k = 0; k < rc->n; k++) {
    int vetoed = 0;
    for (int v = 0; v < rc->nveto; v++)
      if (rc->h[k].u0 >= rc->veto[v][0] && rc->h[k].u0 < rc->veto[v][1]) vetoed = 1;
    if (!vetoed) rc->h[w++] = rc->h[k];
  }
  rc->n = w;
}

/* Does a match of a times.X_ref rule (rule_expr's) start at unit i? */
static int rule_starts(const ctx *c, int i) {
  for (int k = 0; k < c->nrh; k++)
    if (c->rh[k].u0 == i && (c->rh[k].val[0] || c->rh[k].hol)) return 1;
  return 0;
}


/* Parses "YYYY-MM-DD..." into days; 0 when it is not a date. */
static int parse_iso(const char *s, long *days, int *y, int *m, int *d) {
  if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int k = 0; k < 10; k++)
    if (k != 4 && k != 7 && !isdigit((unsigned char)s[k])) return 0;
  *y = atoi(s), *m = atoi(s + 5), *d = atoi(s + 8);
  if (!td_valid_day(*y, *m, *d)) return 0;
  *days = td_days_from_civil(*y, *m, *d);
  return 1;
}

/* Cuts sentence si into units (in us). */
static void sentence_units(const td_doc *doc, size_t si, units *us) {
  const td_sent *s = &doc->sents[si];
  us->n = 0;
  for (uint32_t k = s->tok0; k < s->tok0 + s->ntok; k++) cut_token(us, doc, &doc->toks[k], (int)k);
}

/* May an expression start at unit i? Not inside a word ("two-year" starts
 * at "two", "mid-1990s" at "mid"). */
static int can_start(const ctx *c, int i) {
  if (i == 0 || c->u[i].space) return 1;
  const unit *p = &c->u[i - 1];
  if (p->kind != 'p') return 0;
  /* the second day of "10-20 February" */
  if (p->w[0] == '-' && mday_at(c, i - 2) && mday_at(c, i - 2) < mday_at(c, i) &&
      has(c, i + 1, W_MONTH))
    return 1;
  if ((p->w[0] == '-' || p->w[0] == '/' || p->w[0] == ':' || p->w[0] == '.') && i > 1 &&
      !p->space && c->u[i - 2].kind != 'p')
    return 0;
  return 1;
}

/* Whether the full date at [i, e) of an opening sentence can be the
 * article's: the day something happened ("met on Oct. 30, 2024"), not a
 * bound ("until 15 July 2006", "made before 23 October 2003", "the three
 * months to 31 December 2004"), a birthday ("Born ... on 5 April 1920"),
 * a day the sentence counts back to ("vanished 10 years ago, on 1
 * February 1995"), a day still to come ("will play Switzerland on 12
 * October 2005") nor a holiday ("the hot gadget of Christmas 2004"). */
static int text_date_ok(const ctx *c, int i, int e) {
  static const char *const bound[] = {"until", "till", "before", "by", "to", "from", "after",
                                      "since", "through", NULL};
  if (!(c->u[i].kind == 'n' || has(c, i, W_MONTH | W_WDAY))) return 0;
  int b = i > 0 && is_w(c, i - 1, "on") ? i - 2 : i - 1;
  if (b >= 0 && word_in(c, b, bound)) return 0;
  for (int k = 0; k < c->n; k++)
    if (is_w(c, k, "ago") || (k < i && is_w(c, k, "born"))) return 0;
  return clause_tense(c, i, e) <= 0;
}

/* When the document has no date, takes one stated in its first paragraph
 * (a full date with a year: "November 1, 2024", "2024-11-01"). The
 * sentences it cuts, 0 .. k-1, are left in pre[0 .. k-1] for td_times to
 * use again (perf, issue 11: a document without a date had its first
 * sentences cut twice); returns k (at most 3). */
static int date_from_text(td_doc *doc, units pre[3]) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  int k = 0;
  for (size_t si = 0; si < doc->nsents && si < 3; si++) {
    const td_sent *s = &doc->sents[si];
    if (si > 0 && (doc->toks[s->tok0].flags & TD_TOK_PARA_START) && si >= 2) break;
    units *us = &pre[k++];
    sentence_units(doc, si, us);
    c.u = us->u, c.n = us->n;
    for (int i = 0; i < c.n; i++) {
      hit h;
      int pod;
      /* perf: day_expr matches only at a number or a word of the table
       * other than a tense or reporting cue (its every rule begins so) */
      if (!(c.u[i].cls & ~(uint32_t)(W_PAST | W_FUT | W_REPORT)) && c.u[i].kind != 'n') continue;
      memset(&h, 0, sizeof h);
      if (!can_start(&c, i)) continue;
      int e = day_expr(&c, i, &h, &pod);
      if (e > i && h.has_day && text_date_ok(&c, i, e)) {
        doc->date = td_arena_strndup(&doc->arena, h.val, 10);
        doc->date_from = "text";
        return k;
      }
    }
  }
  return k;
}

/* After a month and day ending at unit e ("April 24"), a second day of
 * the same month joined by "and", "or", "to" or a hyphen ("April 24 and
 * 25", "June 10-12", "Feb. 3 to 5"): that day, or 0. Not a count ("April 24 and 25 people", "and 25%"): only before the
 * end, punctuation other than "%", or a word that is no noun. */
static int day_after_and(const ctx *c, int e) {
  if (e < 1 || c->u[e - 1].kind != 'n' || !mday_at(c, e - 1) || e + 1 >= c->n) return 0;
  if (!is_w(c, e, "and") && !is_w(c, e, "or") && !is_w(c, e, "to") &&
      !(is_p(c, e, '-') && !c->u[e].space && !c->u[e + 1].space))
    return 0;
  int d = mday_at(c, e + 1);
  if (!d || d <= mday_at(c, e - 1)) return 0;
  int n = e + 2;
  if (n < c->n) {
    const unit *x = &c->u[n];
    if (x->kind == 'n' || (x->kind == 'p' && x->w[0] == '%')) return 0;
    if (x->kind == 'w' && (c->doc->toks[x->tok].upos == TD_NOUN || (x->cls & (W_UNIT | W_MONTH))))
      return 0;
  }
  return d;
}

/* The weekday alone at unit i lies inside the mention of an organization
 * the actors layer found, a stage before: it names no day but the body
 * (`Sheffield Wednesday`, a club). */
static int in_org_name(const ctx *c, int i) {
  if (!has(c, i, W_WDAY)) return 0;
  const td_doc *doc = c->doc;
  for (size_t k = 0; k < doc->nactors; k++) {
    const td_actor *a = &doc->actors[k];
    if (!a->kind || strcmp(a->kind, "organization") != 0) continue;
    for (size_t m = 0; m < a->nmentions; m++)
      if (a->mentions[m].start <= c->u[i].start && c->u[i].end <= a->mentions[m].end &&
          a->mentions[m].end - a->mentions[m].start > c->u[i].end - c->u[i].start)
        return 1;
  }
  return 0;
}

int td_times(const td_engine *eng, td_doc *doc) {
  units us, pre[3]; /* pre: the first sentences, when date_from_text cut them */
  rule_coll rc;
  memset(&rc, 0, sizeof rc);
  memset(&us, 0, sizeof us);
  memset(pre, 0, sizeof pre);
  word_index_get();
  pthread_once(&idle_once, idle_init);
  pthread_once(&tags_once, tag_ids); /* (before anything reads a tag id) */
  int npre = !doc->date || !*doc->date ? date_from_text(doc, pre) : 0;
  ctx c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  c.has_dct = parse_iso(doc->date, &c.dct, &c.dy, &c.dm, &c.dd);
  c.anchor = c.dct;
  c.anchor_msent = -1;
  for (size_t si = 0; si < doc->nsents; si++) {
    units *su = si < (size_t)npre ? &pre[si] : &us;
    if (su == &us) sentence_units(doc, si, &us);
    collect_rules(eng, doc, si, su, &rc);
    c.u = su->u, c.n = su->n, c.si = (int)si;
    c.rh = rc.h, c.nrh = rc.n;
    for (int i = 0; i < c.n;) {
      hit h;
      const unit *u = &c.u[i];
      int e = ((u->cls & ~(uint32_t)(W_PAST | W_FUT | W_REPORT)) || u->kind == 'n' ||
               (u->kind == 'p' && u->w[0] == '\'') || rule_starts(&c, i)) &&
                      can_start(&c, i) && !idle_start(&c, i)
                  ? match_at(&c, i, &h)
                  : i;
      if (e <= i) {
        i++;
        continue;
      }
      if (e == i + 1 && in_org_name(&c, i)) {
        i = e;
        continue;
      }
      TD_AGROW(&doc->arena, doc->times, doc->cap_times, doc->ntimes + 1);
      td_time *t = &doc->times[doc->ntimes++];
      t->span.start = c.u[i].start;
      t->span.end = c.u[e - 1].end;
      t->type = type_names[h.type];
      t->value = td_arena_strdup(&doc->arena, h.val);
      if (h.has_day && c.has_dct) c.anchor = h.day, c.has_anchor = 1, c.anchor_m_last = 0;
      if (h.type <= T_TIME && isdigit((unsigned char)h.val[0]) && isdigit((unsigned char)h.val[3]) &&
          (h.val[4] == 0 || h.val[4] == '-')) {
        if (atoi(h.val) != c.anchor_y) c.anchor_m = 0; /* a month of another year is no anchor */
        c.anchor_y = atoi(h.val), c.anchor_ysent = -1, c.anchor_ys = (int)si;
        c.anchor_ycmp = 0;
        for (int k = i; k < e; k++) /* "in 1996", not "a year earlier" */
          if (year_at(&c, k)) c.anchor_ysent = (int)si, c.anchor_ycmp = comparison_base(&c, k);
      }
      if (h.type <= T_TIME && c.anchor_y && h.val[4] == '-' && isdigit((unsigned char)h.val[5]) &&
          isdigit((unsigned char)h.val[6]) && atoi(h.val) == c.anchor_y)
        c.anchor_m = c.anchor_y * 12 + atoi(h.val + 5) - 1, c.anchor_m_last = strlen(h.val) == 7,
        c.anchor_msent = strlen(h.val) == 7 ? (int)si : -1;
      i = e;
      int yp = h.type == T_DATE && strlen(h.val) == 4 ? year_pair(&c, e - 1) : 0;
      if (yp) { /* "the 2004-05 season": the second year too */
        TD_AGROW(&doc->arena, doc->times, doc->cap_times, doc->ntimes + 1);
        t = &doc->times[doc->ntimes++];
        t->span.start = c.u[e + 1].start;
        t->span.end = c.u[e + 1].end;
        t->type = type_names[T_DATE];
        tfmt(h.val, sizeof h.val, "%04d", yp);
        t->value = td_arena_strdup(&doc->arena, h.val);
        i = e + 2;
        continue;
      }
      int mp = h.type == T_DATE && strlen(h.val) == 7 ? month_pair(&c, e - 1) : 0;
      if (mp) { /* "July-September": the second month too, a later one */
        TD_AGROW(&doc->arena, doc->times, doc->cap_times, doc->ntimes + 1);
        t = &doc->times[doc->ntimes++];
        t->span.start = c.u[mp].start;
        t->span.end = c.u[mp].end;
        t->type = type_names[T_DATE];
        int m1 = atoi(h.val + 5), mm = c.u[mp].month;
        if (isdigit((unsigned char)h.val[0]))
          tfmt(h.val, sizeof h.val, "%04d-%02d", atoi(h.val) + (mm < m1), mm);
        else
          tfmt(h.val, sizeof h.val, "XXXX-%02d", mm);
        t->value = td_arena_strdup(&doc->arena, h.val);
        i = mp + 1;
        continue;
      }
      int d2 = h.type == T_DATE && h.has_day ? day_after_and(&c, e) : 0, y2, m2, dd2;
      if (d2) civil_from_days(h.day, &y2, &m2, &dd2);
      if (d2 && !td_valid_day(y2, m2, d2)) d2 = 0;
      if (d2) { /* "on April 24 and 25": the second day too */
        long day = h.day - dd2 + d2;
        int yr = is_p(&c, e + 2, ',') ? year_at(&c, e + 3) : 0, last = e + 1;
        if (yr && td_valid_day(yr, m2, d2)) { /* "March 3-5, 2025": the year of both */
          day = td_days_from_civil(yr, m2, d2), last = e + 3;
          fmt_day(h.val, sizeof h.val, td_days_from_civil(yr, m2, dd2));
          t->value = td_arena_strdup(&doc->arena, h.val);
        }
        TD_AGROW(&doc->arena, doc->times, doc->cap_times, doc->ntimes + 1);
        t = &doc->times[doc->ntimes++];
        t->span.start = c.u[e + 1].start;
        t->span.end = c.u[last].end;
        t->type = type_names[T_DATE];
        fmt_day(h.val, sizeof h.val, day);
        t->value = td_arena_strdup(&doc->arena, h.val);
        c.anchor = day;
        i = last + 1;
      }
    }
  }
  free(us.u);
  for (int k = 0; k < 3; k++) free(pre[k].u);
  free(rc.h);
  return 0;
}

/* ---- the clause function ---- */

int td_time_for_span(const td_doc *doc, uint32_t start, uint32_t end) {
  size_t lo = 0, hi = doc->nsents;
  while (lo < hi) { /* the sentence holding start */
    size_t mid = (lo + hi) / 2;
    if (doc->sents[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= doc->nsents) return -1;
  const td_sent *s = &doc->sents[lo];
  int best = -1;
  long bestscore = 0;
  for (size_t k = 0; k < doc->ntimes; k++) {
    const td_time *t = &doc->times[k];
    if (t->span.start < s->start || t->span.end > s->end) continue;
    long dist = t->span.end <= start ? (long)(start - t->span.end)
              : t->span.start >= end ? (long)(t->span.start - end) : 0;
    uint32_t a = t->span.end <= start ? t->span.end : end, b = t->span.end <= start ? start : t->span.start;
    for (uint32_t x = a; x < b && x < doc->len; x++) /* another clause between */
      if (doc->text[x] == ';' || doc->text[x] == '"') dist += 400;
    if (t->type[0] == 'D' && t->type[1] == 'U') dist += 1000;
    if (t->type[0] == 'S') dist += 1000;
    if (best < 0 || dist < bestscore) best = (int)k, bestscore = dist;
  }
  return best;
}

/* ---- evaluation on TimeML (TempEval-3 figures) ---- */

typedef struct gold_timex {
  uint32_t start, end;
  char type[12];
  char value[40];
} gold_timex;

/* Reads attribute name="..." from the tag text [s, e) into out. */
static void tml_attr(const char *s, const char *e, const char *name, char *out, size_t cap) {
  out[0] = 0;
  size_t n = strlen(name);
  for (const char *p = s; p + n + 2 < e; p++)
    if (memcmp(p, name, n) == 0 && p[n] == '=' && p[n + 1] == '"' && (p == s || p[-1] == ' ')) {
      const char *v = p + n + 2, *q = memchr(v, '"', (size_t)(e - v));
      if (!q) return;
      size_t L = (size_t)(q - v) < cap - 1 ? (size_t)(q - v) : cap - 1;
      memcpy(out, v, L);
      out[L] = 0;
      return;
    }
}

/* Strips the tags of the <TEXT> element of a TimeML file into text (with
 * XML entities decoded), collecting the TIMEX3s with their byte spans in
 * it, and the DCT's value into dct. Returns 0, or -1 when there is no TEXT. */
static int tml_read(const char *src, size_t n, td_buf *text, gold_timex **gold, size_t *ngold,
                    size_t *capgold, char dct[16]) {
  dct[0] = 0;
  const char *d = strstr(src, "functionInDocument=\"CREATION_TIME\"");
  if (d) {
    const char *ts = d;
    while (ts > src && *ts != '<') ts--;
    const char *te = strchr(d, '>');
    char v[40];
    if (te) {
      tml_attr(ts, te, "value", v, sizeof v);
      snprintf(dct, 16, "%.10s", v);
    }
  }
  const char *p = strstr(src, "<TEXT>"), *end = src + n;
  if (!p) return -1;
  p += 6;
  const char *stop = strstr(p, "</TEXT>");
  if (stop) end = stop;
  long open = -1;
  while (p < end) {
    if (*p == '<') {
      const char *q = memchr(p, '>', (size_t)(end - p));
      if (!q) break;
      if (strncmp(p, "<TIMEX3", 7) == 0) {
        TD_GROW(*gold, *capgold, *ngold + 1);
        gold_timex *g = &(*gold)[*ngold];
        memset(g, 0, sizeof *g);
        tml_attr(p, q, "type", g->type, sizeof g->type);
        tml_attr(p, q, "value", g->value, sizeof g->value);
        g->start = (uint32_t)text->len;
        open = (long)*ngold;
      } else if (strncmp(p, "</TIMEX3", 8) == 0 && open >= 0) {
        (*gold)[open].end = (uint32_t)text->len;
        (*ngold)++;
        open = -1;
      }
      p = q + 1;
    } else if (*p == '&') {
      static const char *const ent[][2] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                                           {"&quot;", "\""}, {"&apos;", "'"}};
      size_t k;
      for (k = 0; k < 5; k++)
        if (strncmp(p, ent[k][0], strlen(ent[k][0])) == 0) break;
      if (k < 5) {
        td_buf_puts(text, ent[k][1]);
        p += strlen(ent[k][0]);
      } else
        td_buf_putc(text, *p++);
    } else
      td_buf_putc(text, *p++);
  }
  return 0;
}

typedef struct eval_counts {
  size_t ngold, nsys, rel_sys, rel_gold, str_sys, str_gold, type_ok, value_ok, pairs;
  double t_times, t_all;
} eval_counts;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs the language core and this layer over one TimeML text; adds to k. */
static void eval_one(const td_engine *eng, const char *name, const char *text, size_t len,
                     const char *dct, const gold_timex *g, size_t ng, eval_counts *k,
                     FILE *out, int verbose) {
  td_doc *doc = td_xcalloc(1, sizeof *doc);
  td_arena_init(&doc->arena);
  doc->eng = eng;
  doc->text = td_arena_strndup(&doc->arena, text, len);
  doc->len = len;
  doc->lang = "en";
  if (dct[0]) doc->date = td_arena_strdup(&doc->arena, dct), doc->date_from = "input";
  double t0 = now_s();
  td_segment(eng, doc);
  td_tag(eng, doc);
  td_lemmatize(eng, doc);
  double t1 = now_s();
  td_times(eng, doc);
  double t2 = now_s();
  k->t_all += t2 - t0;
  k->t_times += t2 - t1;
  k->ngold += ng;
  k->nsys += doc->ntimes;
  for (size_t s = 0; s < doc->ntimes; s++) {
    const td_time *t = &doc->times[s];
    int rel = 0, str = 0;
    for (size_t x = 0; x < ng; x++) {
      if (g[x].start < t->span.end && t->span.start < g[x].end) rel = 1;
      if (g[x].start == t->span.start && g[x].end == t->span.end) str = 1;
    }
    k->rel_sys += rel, k->str_sys += str;
    if (!rel && verbose)
      fprintf(out, "FP %s\t%.*s\t%s\t%s\n", name, (int)(t->span.end - t->span.start),
              doc->text + t->span.start, t->type, t->value);
  }
  for (size_t x = 0; x < ng; x++) {
    const td_time *m = NULL;
    int str = 0;
    for (size_t s = 0; s < doc->ntimes; s++) {
      const td_time *t = &doc->times[s];
      if (g[x].start < t->span.end && t->span.start < g[x].end) {
        if (!m) m = t;
        if (g[x].start == t->span.start && g[x].end == t->span.end) str = 1, m = t;
      }
    }
    k->str_gold += str;
    if (!m) {
      if (verbose)
        fprintf(out, "FN %s\t%.*s\t%s\t%s\n", name, (int)(g[x].end - g[x].start),
                text + g[x].start, g[x].type, g[x].value);
      continue;
    }
    k->rel_gold++, k->pairs++;
    k->type_ok += strcmp(m->type, g[x].type) == 0;
    int vok = strcmp(m->value, g[x].value) == 0;
    k->value_ok += vok;
    if (verbose && (!vok || !str || strcmp(m->type, g[x].type)))
      fprintf(out, "%s %s\t%.*s\t%s\t%s\t| sys %.*s\t%s\t%s\n", vok ? "EX" : "VAL", name,
              (int)(g[x].end - g[x].start), text + g[x].start, g[x].type, g[x].value,
              (int)(m->span.end - m->span.start), doc->text + m->span.start, m->type, m->value);
  }
  td_doc_free(doc);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Collects the .tml files under dir (two levels deep), sorted. */
static void list_tml(const char *dir, int depth, char ***files, size_t *n, size_t *cap) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    size_t L = strlen(de->d_name);
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode) && depth < 2) list_tml(path, depth + 1, files, n, cap);
    else if (S_ISREG(st.st_mode) && L > 4 && strcmp(de->d_name + L - 4, ".tml") == 0) {
      TD_GROW(*files, *cap, *n + 1);
      (*files)[(*n)++] = td_xstrdup(path);
    }
  }
  closedir(d);
}

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int td_eval_times(const td_engine *eng, const char *dir, FILE *out) {
  char **files = NULL;
  size_t nf = 0, capf = 0;
  list_tml(dir, 0, &files, &nf, &capf);
  if (!nf) {
    free(files);
    return -1;
  }
  if (nf) qsort(files, nf, sizeof *files, cmp_str);
  const char *vb = getenv("TD_TIMES_VERBOSE");
  int verbose = vb && *vb && strcmp(vb, "0") != 0;
  eval_counts k;
  memset(&k, 0, sizeof k);
  gold_timex *gold = NULL;
  size_t capg = 0, ndocs = 0;
  for (size_t f = 0; f < nf; f++) {
    td_buf src = TD_BUF_INIT, text = TD_BUF_INIT;
    if (td_buf_read_file(&src, files[f]) != 0) {
      td_buf_free(&src);
      continue;
    }
    size_t ng = 0;
    char dct[16];
    td_buf_putc(&text, 0), text.len = 0;
    if (src.len && tml_read(src.ptr, src.len, &text, &gold, &ng, &capg, dct) == 0) {
      const char *base = strrchr(files[f], '/');
      eval_one(eng, base ? base + 1 : files[f], text.ptr ? text.ptr : "", text.len, dct, gold,
               ng, &k, out, verbose);
      ndocs++;
    }
    td_buf_free(&src);
    td_buf_free(&text);
    free(files[f]);
  }
  free(files);
  free(gold);
  double rp = k.nsys ? (double)k.rel_sys / k.nsys : 0, rr = k.ngold ? (double)k.rel_gold / k.ngold : 0;
  double sp = k.nsys ? (double)k.str_sys / k.nsys : 0, sr = k.ngold ? (double)k.str_gold / k.ngold : 0;
  double vp = k.nsys ? (double)k.value_ok / k.nsys : 0, vr = k.ngold ? (double)k.value_ok / k.ngold : 0;
  double tp = k.nsys ? (double)k.type_ok / k.nsys : 0, tr = k.ngold ? (double)k.type_ok / k.ngold : 0;
  fprintf(out, "times: %zu documents, %zu gold TIMEX3, %zu found\n", ndocs, k.ngold, k.nsys);
  fprintf(out, "relaxed extent  P %.2f  R %.2f  F1 %.2f\n", 100 * rp, 100 * rr, 100 * f1(rp, rr));
  fprintf(out, "strict extent   P %.2f  R %.2f  F1 %.2f\n", 100 * sp, 100 * sr, 100 * f1(sp, sr));
  fprintf(out, "type            accuracy %.2f  F1 %.2f\n",
          k.pairs ? 100.0 * k.type_ok / k.pairs : 0, 100 * f1(tp, tr));
  fprintf(out, "value           accuracy %.2f  F1 %.2f\n",
          k.pairs ? 100.0 * k.value_ok / k.pairs : 0, 100 * f1(vp, vr));
  fprintf(out, "time: times layer %.1f ms of %.1f ms (segment+tag+lemma+times)\n",
          1000 * k.t_times, 1000 * k.t_all);
  return 0;
}
