/*
 * alloc.c — checked allocation, the per-document arena and the growable
 * buffer. Out-of-memory ends the process here, in one place, with a message.
 */
#include "core.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* ---- checked allocation ---- */

void td_oom(void) {
  fputs("tidings: out of memory\n", stderr);
  abort();
}

void *td_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) td_oom();
  return p;
}

void *td_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) td_oom();
  return p;
}

void *td_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) td_oom();
  return q;
}

void *td_huge_alloc_raw(size_t n) {
#ifdef MADV_HUGEPAGE
  const size_t huge = (size_t)2 << 20;
  size_t sz = (n + huge - 1) / huge * huge;
  void *p = NULL;
  if (!sz || posix_memalign(&p, huge, sz) != 0) return NULL;
  madvise(p, sz, MADV_HUGEPAGE);
  return p;
#else
  (void)n;
  return NULL;
#endif
}

/* n rounded up to whole pages. */
static size_t page_round(size_t n) {
  const size_t pg = 4096;
  return (n + pg - 1) / pg * pg;
}

void *td_cache_alloc(size_t n, int huge) {
  const size_t h2 = (size_t)2 << 20;
  n = page_round(n ? n : 1);
  size_t sz = huge ? n + h2 : n;
  unsigned char *m = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) td_oom();
  if (!huge) return m;
  /* the 2 MiB-aligned n bytes within, the rest given back */
  unsigned char *p = (unsigned char *)(((uintptr_t)m + h2 - 1) & ~(uintptr_t)(h2 - 1));
  if (p > m) munmap(m, (size_t)(p - m));
  if (m + sz > p + n) munmap(p + n, (size_t)(m + sz - (p + n)));
#ifdef MADV_HUGEPAGE
  madvise(p, n, MADV_HUGEPAGE);
#endif
  return p;
}

void td_cache_free(void *p, size_t n) {
  if (p) munmap(p, page_round(n ? n : 1));
}

void *td_cache_to_huge(void *p, size_t n) {
  const size_t pg = 4096;
  size_t np = page_round(n ? n : 1) / pg;
  unsigned char *to = td_cache_alloc(n, 1), *from = p;
  unsigned char *in = td_xmalloc(np);
  int known = mincore(p, np * pg, in) == 0;
  for (size_t i = 0; i < np; i++) /* a page never touched reads as zeros */
    if (!known || (in[i] & 1)) memcpy(to + i * pg, from + i * pg, i + 1 < np ? pg : n - i * pg);
  free(in);
  td_cache_free(p, n);
  return to;
}

char *td_xstrndup(const char *s, size_t n) {
  char *d = td_xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *td_xstrdup(const char *s) { return td_xstrndup(s, strlen(s)); }

/* ---- per-thread caches ---- */

static _Thread_local int peers; /* 0: never told */

void td_thread_set_peers(int n) { peers = n; }

int td_thread_peers(void) { return peers > 0 ? peers : 1; }

/* ---- arena ---- */

struct td_arena_block {
  td_arena_block *next;
  size_t cap, used;
  _Alignas(16) unsigned char data[];
};

#define TD_ARENA_MIN 65536
#define TD_ARENA_KEEP (4u << 20) /* the largest block a thread keeps */

/* Each thread keeps the largest block of the last arena it released (up to
 * TD_ARENA_KEEP) and starts its next arena's first block there: one
 * document after another, the same already-mapped memory, instead of
 * blocks of 128 KB and more that malloc maps and unmaps for every document
 * (page faults on every first touch: ~5% of a run). The block is freed when
 * the thread ends (a key destructor). */
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static void spare_init(void) { pthread_key_create(&spare_key, free); }

static td_arena_block *spare_take(size_t n) {
  pthread_once(&spare_once, spare_init);
  td_arena_block *b = pthread_getspecific(spare_key);
  if (!b || b->cap < n) return NULL;
  pthread_setspecific(spare_key, NULL);
  return b;
}

/* Keeps b as the thread's spare when it is larger than the one kept (then
 * freed), else frees b. */
static void spare_give(td_arena_block *b) {
  pthread_once(&spare_once, spare_init);
  td_arena_block *old = pthread_getspecific(spare_key);
  if (b->cap > TD_ARENA_KEEP || (old && old->cap >= b->cap)) {
    free(b);
    return;
  }
  if (pthread_setspecific(spare_key, b) != 0) {
    free(b);
    return;
  }
  free(old);
}

void td_arena_init(td_arena *a) {
  a->head = NULL;
  a->used_total = 0;
  a->kept = 0;
}

void td_arena_init_kept(td_arena *a) {
  td_arena_init(a);
  a->kept = 1;
}

/* n bytes (a multiple of 16) of a, not zeroed. */
static void *arena_take(td_arena *a, size_t n) {
  td_arena_block *b = a->head;
  if (!b || b->cap - b->used < n) {
    size_t cap = n > TD_ARENA_MIN ? n : TD_ARENA_MIN;
    if (b && b->cap * 2 > cap && b->cap < (1u << 24)) cap = b->cap * 2;
    td_arena_block *spare = b || a->kept ? NULL : spare_take(cap);
    if (spare) {
      b = spare;
    } else {
      b = td_xmalloc(sizeof(*b) + cap);
      b->cap = cap;
    }
    b->used = 0;
    b->next = a->head;
    a->head = b;
  }
  void *p = b->data + b->used;
  b->used += n;
  a->used_total += n;
  return p;
}

void *td_arena_alloc(td_arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  void *p = arena_take(a, n);
  memset(p, 0, n);
  return p;
}

void *td_arena_alloc_raw(td_arena *a, size_t n) {
  return arena_take(a, (n + 15) & ~(size_t)15);
}

char *td_arena_strndup(td_arena *a, const char *s, size_t n) {
  char *d = td_arena_alloc(a, n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *td_arena_strdup(td_arena *a, const char *s) {
  return s ? td_arena_strndup(a, s, strlen(s)) : NULL;
}

char *td_arena_printf(td_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *d = td_arena_alloc(a, (size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(d, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return d;
}

void td_arena_reset(td_arena *a, size_t max) {
  td_arena_block *b = a->head, *big = NULL;
  while (b) {
    td_arena_block *n = b->next;
    if (b->cap <= max && (!big || b->cap > big->cap)) {
      free(big);
      big = b;
    } else {
      free(b);
    }
    b = n;
  }
  if (big) big->used = 0, big->next = NULL;
  a->head = big;
  a->used_total = 0;
}

void td_arena_release(td_arena *a) {
  td_arena_block *b = a->head, *big = NULL;
  while (b) {
    td_arena_block *n = b->next;
    if (!big || b->cap > big->cap) {
      free(big);
      big = b;
    } else {
      free(b);
    }
    b = n;
  }
  if (big) spare_give(big);
  a->head = NULL;
  a->used_total = 0;
}

/* ---- buf ---- */

void td_buf_reserve(td_buf *b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  b->ptr = td_xrealloc(b->ptr, cap);
  b->cap = cap;
}

void td_buf_put(td_buf *b, const void *s, size_t n) {
  td_buf_reserve(b, n);
  if (n) memcpy(b->ptr + b->len, s, n);
  b->len += n;
  b->ptr[b->len] = 0;
}

void td_buf_puts(td_buf *b, const char *s) { td_buf_put(b, s, strlen(s)); }

void td_buf_putc(td_buf *b, int c) {
  td_buf_reserve(b, 1);
  b->ptr[b->len++] = (char)c;
  b->ptr[b->len] = 0;
}

void td_buf_put_int(td_buf *b, long long v) {
  char t[24];
  td_buf_put(b, t, td_fmt_i64(t, v));
}

void td_buf_vprintf(td_buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n <= 0) return;
  td_buf_reserve(b, (size_t)n);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void td_buf_printf(td_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  td_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

int td_buf_read_file(td_buf *b, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) td_buf_put(b, chunk, k);
  int bad = ferror(f);
  fclose(f);
  td_buf_reserve(b, 0); /* always a NUL-terminated buffer, even when empty */
  b->ptr[b->len] = 0;
  return bad ? -1 : 0;
}

char *td_buf_detach(td_buf *b, size_t *len) {
  if (!b->ptr) td_buf_reserve(b, 0), b->ptr[0] = 0;
  char *p = b->ptr;
  if (len) *len = b->len;
  b->ptr = NULL;
  b->len = b->cap = 0;
  return p;
}

void td_buf_free(td_buf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}
