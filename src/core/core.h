/*
 * core.h — the small machinery every stage uses: out-of-memory handling,
 * an arena per document, an owned growable buffer, UTF-8, hashing, and the
 * JSON string writer. Private to libtidings.
 */
#ifndef TD_CORE_H
#define TD_CORE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h> /* strlen, for td_strset_find_str */

/* ---- allocation: out-of-memory is handled here and only here ---- */

/* Abort with a message. Called by the x-allocators on failure. */
void td_oom(void);
void *td_xmalloc(size_t n);
void *td_xcalloc(size_t n, size_t size);
/* n bytes aligned to 2 MiB and marked for transparent huge pages (for
 * tables read at random, where 4 KiB pages would miss the TLB), not
 * zeroed: for a table its owner writes before it reads. NULL where the
 * system has no such pages or the memory cannot be had. Released with
 * free(). */
void *td_huge_alloc_raw(size_t n);
/* A per-thread cache's memory: n zeroed bytes straight from the system
 * (fresh pages are zero: nothing is cleared here), with huge on 2 MiB
 * boundaries and marked for transparent huge pages, else on ordinary
 * pages, each cleared only when first touched: a thread that only ever
 * touches a few lines of its caches (one short document) then pays for
 * a few 4 KiB pages, not for clearing megabytes of huge ones. Aborts
 * (td_oom) when the memory cannot be had. Released with td_cache_free(p,
 * n), n as allocated. */
void *td_cache_alloc(size_t n, int huge);
void td_cache_free(void *p, size_t n);
/* Moves the cache p of n bytes (from td_cache_alloc) to huge pages: a new
 * one with the same contents (only the pages p has touched are copied),
 * p released. */
void *td_cache_to_huge(void *p, size_t n);
void *td_xrealloc(void *p, size_t n);
char *td_xstrdup(const char *s);
char *td_xstrndup(const char *s, size_t n);

/* Grow a dynamic array `p` of `cap` items so that it holds `need` items.
 *   TD_GROW(doc->toks, doc->cap_toks, doc->ntoks + 1); */
#define TD_GROW(p, cap, need)                                               \
  do {                                                                      \
    if ((size_t)(need) > (size_t)(cap)) {                                   \
      size_t td_nc_ = (cap) ? (size_t)(cap) * 2 : 16;                       \
      while (td_nc_ < (size_t)(need)) td_nc_ *= 2;                          \
      (p) = td_xrealloc((p), td_nc_ * sizeof(*(p)));                        \
      (cap) = td_nc_;                                                       \
    }                                                                       \
  } while (0)

/* ---- libraries opened on first use (dl.c) ----
 * A library that only some commands need is opened by td_dl_load, which
 * fills a table of function pointers (typed by the library's own header),
 * its functions listed once as an X macro:
 *   #define PQ_FUNCS(X) X(PQexec) X(PQfinish)
 *   static struct { PQ_FUNCS(TD_DL_FIELD) } pq;
 *   #define PQ_SYM(f) TD_DL_SYM(pq, f)
 *   static td_dl_sym pq_syms[] = {PQ_FUNCS(PQ_SYM)};
 *   static td_dl_lib libpq = TD_DL_LIB("libpq.so.5", "a postgresql:// store", pq_syms);
 *   if (td_dl_load(&libpq, err, errlen) != 0) return -1;  ...  pq.PQexec(c, sql); */
typedef struct td_dl_sym {
  const char *name;
  void *fn; /* where its address goes: a pointer to a function pointer */
} td_dl_sym;
typedef struct td_dl_lib {
  const char *soname, *needed_by;
  td_dl_sym *syms;
  size_t nsyms;
  pthread_mutex_t lock;
  int tried, ok;
  char why[256];
} td_dl_lib;
#define TD_DL_FIELD(f) __typeof__(f) *f;    /* a table's pointer to f */
#define TD_DL_SYM(table, f) {#f, &(table).f}, /* f's name and its pointer */
#define TD_DL_LIB(soname, needed_by, syms)                                   \
  { (soname), (needed_by), (syms), sizeof(syms) / sizeof((syms)[0]),          \
    PTHREAD_MUTEX_INITIALIZER, 0, 0, {0} }
/* Opens lib and looks up all its symbols, once per process (thread-safe):
 * 0, or -1 with "NEEDED_BY needs SONAME (why)" in err, every time it is
 * asked again too. */
int td_dl_load(td_dl_lib *lib, char *err, size_t errlen);

/* ---- per-thread caches and the memory budget (alloc.c) ----
 * A thread's caches (the tagger's; the lemmatizer's is one for all
 * threads) are made on its first use and kept until it exits, one per
 * thread: their total grows with the thread count. td_run_each tells each
 * of its workers how many threads it runs (td_thread_set_peers), and a
 * cache may choose its size from that (td_thread_peers: 1 on a thread
 * never told) so that issue 11's budget of peak RSS holds at --threads 16. */
void td_thread_set_peers(int n);
int td_thread_peers(void);

/* ---- arena: everything a document allocates, freed at once ---- */

typedef struct td_arena_block td_arena_block;
typedef struct td_arena {
  td_arena_block *head;
  size_t used_total;
  int kept; /* td_arena_init_kept: never takes the thread's spare block */
} td_arena;

void td_arena_init(td_arena *a);
/* An arena for a pool of objects that outlive their thread (made on one,
 * freed on another): it keeps its memory across td_arena_reset() and
 * leaves the thread's spare block (see alloc.c) to the thread's documents. */
void td_arena_init_kept(td_arena *a);
/* Empties a: its largest block (up to max bytes) stays for the next use,
 * the others are freed. */
void td_arena_reset(td_arena *a, size_t max);
/* 16-byte aligned, zeroed memory living until td_arena_release(). */
void *td_arena_alloc(td_arena *a, size_t n);
/* The same, not zeroed: for an array its caller fills at once. */
void *td_arena_alloc_raw(td_arena *a, size_t n);
char *td_arena_strndup(td_arena *a, const char *s, size_t n);
char *td_arena_strdup(td_arena *a, const char *s);
char *td_arena_printf(td_arena *a, const char *fmt, ...);
void td_arena_release(td_arena *a);

/* ---- buf: an owned, growable, always NUL-terminated byte buffer ---- */

typedef struct td_buf {
  char *ptr;
  size_t len, cap;
} td_buf;

#define TD_BUF_INIT {NULL, 0, 0}
void td_buf_reserve(td_buf *b, size_t extra);
void td_buf_put(td_buf *b, const void *s, size_t n);
void td_buf_puts(td_buf *b, const char *s);
void td_buf_putc(td_buf *b, int c);
void td_buf_printf(td_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void td_buf_vprintf(td_buf *b, const char *fmt, va_list ap);
/* The decimal digits of v (with '-' when negative) at t[0..n), returning
 * n (at most 20): cheaper than printf for the many small numbers records
 * hold (inline: spans and ids are most of what records write). t has room
 * for 24. */
static inline size_t td_fmt_u64(char *t, unsigned long long v) {
  size_t n = 1;
  for (unsigned long long x = v; x >= 10; x /= 10) n++;
  for (size_t i = n; i-- > 0; v /= 10) t[i] = (char)('0' + v % 10);
  return n;
}
static inline size_t td_fmt_i64(char *t, long long v) {
  if (v >= 0) return td_fmt_u64(t, (unsigned long long)v);
  t[0] = '-';
  return 1 + td_fmt_u64(t + 1, 0ULL - (unsigned long long)v);
}
/* Appends v in decimal. */
void td_buf_put_int(td_buf *b, long long v);
/* Appends the whole content of the file at path. 0, or -1 (errno set) when
 * it cannot be opened or read; what was read stays in b. */
int td_buf_read_file(td_buf *b, const char *path);
/* Hands the buffer's memory to the caller (who frees it); b becomes empty. */
char *td_buf_detach(td_buf *b, size_t *len);
void td_buf_free(td_buf *b);

/* ---- UTF-8 ---- */

/* Decodes one code point at s (n bytes available). Returns its byte length
 * (1..4) and stores the code point, or returns 0 with *cp = 0xFFFD for an
 * invalid sequence (the caller skips 1 byte). */
int td_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* As td_utf8_decode, for text that may not be UTF-8 (scraped pages and
 * archives in Latin-1 or Windows-1252): a byte that starts no valid
 * sequence is read as its Windows-1252 character (0xE9 'é', 0x92 '’'),
 * unless it starts a cut UTF-8 sequence (a lead byte followed by
 * continuation bytes: one U+FFFD for them all); the five bytes 1252 leaves
 * undefined are U+FFFD too. Returns the bytes read, at least 1 (0 only
 * when n is 0). */
int td_utf8_decode_lax(const unsigned char *s, size_t n, uint32_t *cp);
/* Writes the UTF-8 encoding of cp at w (room for 4 bytes); returns its
 * length, 1 to 4. */
int td_utf8_encode(char *w, uint32_t cp);
/* Appends the UTF-8 encoding of cp. */
void td_utf8_put(td_buf *b, uint32_t cp);
/* The case of code point cp, from Unicode's character database (utf8proc):
 * 1 an uppercase or titlecase letter (Ł, Š, Ж), -1 a lowercase one, 0
 * anything else. */
int td_cp_case(uint32_t cp);
/* cp's lowercase form (Unicode's simple mapping), cp itself when it has
 * none. */
uint32_t td_cp_lower(uint32_t cp);
/* Number of code points in s[0..n): the bytes that are no continuation
 * byte, counted eight at a time. */
size_t td_utf8_count(const char *s, size_t n);
/* Whether every byte of s[0..n) is ASCII (< 0x80). */
int td_ascii_only(const char *s, size_t n);

/* ---- eight bytes at a time ----
 * Byte tests on a 64-bit word x holding eight bytes of text (perf, issue
 * 11: the scans of repair, segmenting, times, quotes and the JSON reader
 * and writer). Each gives, for every byte of x, its high bit (0x80) set
 * when the byte passes and clear when it does not, exactly per byte (no
 * borrow or carry crosses from one byte to the next). Which byte is first
 * in the text depends on the byte order: callers that locate a byte (by
 * its trailing zeros) build these paths for little-endian machines only. */
#define TD_ONES8 0x0101010101010101ull
#define TD_HIGH8 0x8080808080808080ull

/* strcmp(a, b) == 0 for the short words of the layers, without the call
 * (perf: most pairs differ in their first bytes). */
static inline int td_str_eq(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

/* Whether s (NULL: no) is one of the NULL-ended list's words. */
static inline int td_str_in(const char *s, const char *const *list) {
  if (!s) return 0;
  for (; *list; list++)
    if (td_str_eq(s, *list)) return 1;
  return 0;
}

/* Eight bytes from p (any alignment). */
static inline uint64_t td_load8(const void *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  return x;
}
/* Bytes equal to b. */
static inline uint64_t td_bytes_eq(uint64_t x, unsigned char b) {
  uint64_t y = x ^ (b * TD_ONES8);
  return ~(((y & ~TD_HIGH8) + ~TD_HIGH8) | y) & TD_HIGH8;
}
/* Bytes below n (n <= 0x80). */
static inline uint64_t td_bytes_lt(uint64_t x, unsigned char n) {
  return ~(((x & ~TD_HIGH8) + (0x80u - n) * TD_ONES8) | x) & TD_HIGH8;
}
/* Bytes from lo to hi (lo <= hi < 0x80). */
static inline uint64_t td_bytes_in(uint64_t x, unsigned char lo, unsigned char hi) {
  uint64_t y = x & ~TD_HIGH8;
  return ~x & (y + (0x80u - lo) * TD_ONES8) & ~(y + (0x7Fu - hi) * TD_ONES8) & TD_HIGH8;
}
/* ASCII letters. */
static inline uint64_t td_bytes_alpha(uint64_t x) { return td_bytes_in(x | 0x20 * TD_ONES8, 'a', 'z'); }
/* x with its ASCII capitals lowered (every other byte as it is). */
static inline uint64_t td_bytes_lower(uint64_t x) { return x | td_bytes_in(x, 'A', 'Z') >> 2; }

/* ---- hashing ---- */

/* sha256 of data, as 64 lowercase hex digits plus NUL into hex[65]. */
void td_sha256_hex(const void *data, size_t n, char hex[65]);
/* Incremental sha256 (nettle's context inside, hash.c). */
typedef struct td_sha256 {
  _Alignas(16) unsigned char ctx[128];
} td_sha256;
void td_sha256_init(td_sha256 *c);
void td_sha256_update(td_sha256 *c, const void *data, size_t n);
void td_sha256_final(td_sha256 *c, unsigned char out[32]);
/* 64-bit FNV-1a, for hash tables. */
uint64_t td_hash64(const void *data, size_t n);

/* The last 0 to 8 bytes of s[0..n), n <= 8, as one number that tells
 * apart any two strings of the same n: the first and last four bytes (they
 * overlap, covering all n) or, below four, the first, middle and last. */
static inline uint64_t td_tail8(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    return (uint64_t)a << 32 | b;
  }
  return n ? (uint64_t)u[0] << 16 | (uint64_t)u[n / 2] << 8 | u[n - 1] : 0;
}
/* A 64-bit hash of the short string s[0..n), eight bytes a step (perf,
 * issue 11: byte-at-a-time FNV took four instructions a byte); for the
 * hash tables of words (the string set, the tagger's and the
 * lemmatizer's caches), whose placement is all it decides. */
static inline uint64_t td_hash_short(const char *s, size_t n) {
  uint64_t h = (n + 1) * 0x9E3779B97F4A7C15ull;
  for (; n > 8; s += 8, n -= 8) {
    h = (h ^ td_load8(s)) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
  }
  h = (h ^ td_tail8(s, n)) * 0x94D049BB133111EBull;
  return h ^ h >> 31;
}
/* The t-th (0, 1, ...) of a fixed sequence of odd 64-bit multipliers (the
 * outputs of splitmix64), for the small word tables that try multipliers
 * at start-up until every word lands in its slot or the next, so that a
 * look-up reads both slots without a branch (times' word table, language
 * detection's function words). */
static inline uint64_t td_hash_mult(int t) {
  uint64_t m = (uint64_t)(t + 1) * 0x9E3779B97F4A7C15ull;
  m = (m ^ (m >> 30)) * 0xBF58476D1CE4E5B9ull;
  m = (m ^ (m >> 27)) * 0x94D049BB133111EBull;
  return (m ^ (m >> 31)) | 1;
}
/* Whether a[0..n) equals b[0..n), eight bytes a step (no call). */
static inline int td_same_short(const char *a, const char *b, size_t n) {
  for (; n > 8; a += 8, b += 8, n -= 8)
    if (td_load8(a) != td_load8(b)) return 0;
  return td_tail8(a, n) == td_tail8(b, n);
}

/* ---- dates (date.c) ---- */

/* Days since 1970-01-01 of year y, month m (1-12), day d, proleptic
 * Gregorian; and back. */
long td_days_from_civil(long y, int m, int d);
void td_civil_from_days(long days, long *y, int *m, int *d);
/* The days of month m (1-12) of year y; whether y-m-d is a day of the
 * calendar (years 1 to 9999: "February 29" only in a leap year). */
int td_month_days(long y, int m);
/* The months' names in lowercase, January first, NULL after December
 * (a list for td_str_in). */
extern const char *const td_month_names[13];
int td_valid_day(long y, int m, int d);
/* Normalizes a date string of metadata (ISO 8601 and its variants,
 * "July 24, 2015", "24 Jul 2015", "Fri, 24 Jul 2015 ...", 24.07.2015,
 * 07/24/2015, a Unix time in seconds or milliseconds) to YYYY-MM-DD in
 * out[11], years 1900 to 2100; returns 0 when no date is recognized. */
int td_date_parse(const char *s, char out[11]);

/* ---- JSON writing ---- */

/* Writes s[0..n) as a JSON string literal (quotes included). Input must be
 * valid UTF-8 (normalized text always is). */
void td_json_str(td_buf *b, const char *s, size_t n);
/* Same for a NUL-terminated string, or `null` when s is NULL. */
void td_json_cstr(td_buf *b, const char *s);

/* ---- small string helpers ---- */

int td_is_space_cp(uint32_t cp);
/* Which dash s[0..n) is, when it is one dash and nothing else: '-' a
 * hyphen-minus, 0x2013 an en dash (–), 0x2014 an em dash (—), 0x2015 a
 * horizontal bar (―); 0 anything else ("--", a word). */
uint32_t td_dash(const char *s, size_t n);
/* ASCII lowercase copy into dst (cap bytes, NUL-terminated); returns length. */
size_t td_lower_ascii(char *dst, size_t cap, const char *s, size_t n);

/* ---- strset: an immutable set of strings (strset.c) ---- */

/* Built once from a list of strings, then read by any number of threads.
 * The fields are private to strset.c; the struct is here so that the
 * first-byte test of td_strset_find inlines. */
typedef struct td_strset {
  uint32_t *slot;        /* 0 empty, else hash tag << 24 | entry + 1 */
  struct td_strset_ent *ent;
  size_t mask;           /* slots - 1 (a power of two) */
  size_t count;          /* distinct strings */
  uint32_t lens[256];    /* per first byte: bit min(length, 31) of its strings */
} td_strset;

/* The set of strs[0..n), NULL-terminated strings that must outlive it (not
 * copied; NULL and empty ones left out; a repeated string keeps its first
 * index). Freed with td_strset_free(). */
td_strset *td_strset_new(const char *const *strs, size_t n);
/* Same for a NULL-terminated list of strings. */
td_strset *td_strset_new_list(const char *const *strs);
void td_strset_free(td_strset *set);
/* The hash probe behind td_strset_find (no first-byte test). */
long td_strset_probe(const td_strset *set, const char *p, size_t len);

/* Index in the build list of the string equal to p[0..len), or -1. Most
 * absent words cost one table load: no member starts with p[0] and is so
 * long. */
static inline long td_strset_find(const td_strset *set, const char *p, size_t len) {
  if (len == 0 || !(set->lens[(unsigned char)p[0]] >> (len < 31 ? len : 31) & 1u)) return -1;
  return td_strset_probe(set, p, len);
}
/* Same for a NUL-terminated string; a string whose first byte starts no
 * member is turned away before it is measured. */
static inline long td_strset_find_str(const td_strset *set, const char *s) {
  if (!set->lens[(unsigned char)s[0]]) return -1; /* lens[0] is 0: no empty members */
  return td_strset_find(set, s, strlen(s));
}

#endif
