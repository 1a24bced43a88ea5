/*
 * jrec.c — reads a `tidings/1` JSON record for the store (td_kb_add_json)
 * into a tree allocated in one arena: objects and arrays as arrays of
 * values, keys kept on the values, strings unescaped and NUL-terminated
 * in place, in the arena's one copy of the text (a string's closing quote
 * becomes its NUL; escapes only shorten it), not copied one by one.
 * Built for the store's hot path (a general JSON library spent most of its
 * time hashing keys and allocating every value); it still checks the whole
 * grammar and UTF-8, and rejects \u0000 as jansson does. Iterative, with an
 * explicit stack of open containers, so nesting depth costs no C stack.
 */
#include "kb/kb.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define JV_MAXDEPTH 512

typedef struct {
  char *p, *end; /* in the arena's copy of the text */
  td_arena *a;
  td_jv *free;   /* values allocated ahead, a run at a time */
  size_t nfree;
  char *err;
  size_t errlen;
} jr;

#define JV_RUN 32 /* values per allocation */

/* A new value (zeroed), from the run allocated ahead. */
static td_jv *new_value(jr *r) {
  if (!r->nfree) r->free = td_arena_alloc(r->a, JV_RUN * sizeof *r->free), r->nfree = JV_RUN;
  r->nfree--;
  return r->free++;
}

static int fail(jr *r, const char *what) {
  snprintf(r->err, r->errlen, "not JSON: %s at byte %ld", what, (long)(r->end - r->p));
  return -1;
}

static void ws(jr *r) {
  /* (records have none: one test for a byte above the space) */
  while (r->p < r->end && (unsigned char)*r->p <= ' ' &&
         (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r'))
    r->p++;
}

static int hex4(const char *p, unsigned *v) {
  *v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    *v <<= 4;
    if (c >= '0' && c <= '9') *v |= (unsigned)(c - '0');
    else if ((c | 32) >= 'a' && (c | 32) <= 'f') *v |= (unsigned)((c | 32) - 'a' + 10);
    else return -1;
  }
  return 0;
}

/* What a byte is inside a JSON string: 0 itself (ASCII), 1 the end, an
 * escape or a control character, 2 the start of a multi-byte character. */
static const unsigned char byte_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* The end of the run of bytes from p that stand for themselves (checked
 * UTF-8), or NULL when one is not valid UTF-8. */
static const char *plain_run(const char *p, const char *end) {
  for (;;) {
    /* eight ASCII bytes at a time while none is '"', '\\' or below 0x20
     * (the same tests as the JSON writer's, td_json_str); on a
     * little-endian machine straight to the first byte that is */
    while (end - p >= 8) {
      uint64_t x = td_load8(p);
      uint64_t m = (x & TD_HIGH8) | td_bytes_lt(x, 0x20) | td_bytes_eq(x, '"') | td_bytes_eq(x, '\\');
      if (m) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        p += (unsigned)__builtin_ctzll(m) >> 3;
#endif
        break;
      }
      p += 8;
    }
    while (p < end && !byte_class[(unsigned char)*p]) p++;
    if (p >= end || byte_class[(unsigned char)*p] == 1) return p;
    uint32_t cp;
    int n = td_utf8_decode((const unsigned char *)p, (size_t)(end - p), &cp);
    if (!n) return NULL;
    p += n;
  }
}

/* A string at r->p (after its opening quote) into *out, unescaped where
 * it is (an escape's bytes are never fewer than what it stands for) and
 * NUL-terminated over its closing quote; 0 or -1. */
static int string(jr *r, const char **out, size_t *len) {
  char *s = r->p;
  char *q = (char *)plain_run(s, r->end);
  if (!q) return fail(r, "invalid UTF-8");
  if (q < r->end && *q == '"') { /* no escapes: the common case */
    *q = 0;
    *out = s;
    *len = (size_t)(q - s);
    r->p = q + 1;
    return 0;
  }
  char *w = q; /* where the unescaped text goes on */
  char *p = q;
  while (p < r->end && *p != '"') {
    /* a run of bytes that stand for themselves, moved down at once */
    char *run = p;
    if (!(p = (char *)plain_run(p, r->end))) return fail(r, "invalid UTF-8");
    if (p > run) {
      if (w != run) memmove(w, run, (size_t)(p - run));
      w += p - run;
    }
    if (p >= r->end || *p == '"') break;
    unsigned char c = (unsigned char)*p;
    if (c < 0x20) return fail(r, "control character in a string");
    if (c == '\\') {
      if (p + 1 >= r->end) return fail(r, "unterminated string");
      char e = p[1];
      p += 2;
      switch (e) {
      case '"': *w++ = '"'; break;
      case '\\': *w++ = '\\'; break;
      case '/': *w++ = '/'; break;
      case 'b': *w++ = '\b'; break;
      case 'f': *w++ = '\f'; break;
      case 'n': *w++ = '\n'; break;
      case 'r': *w++ = '\r'; break;
      case 't': *w++ = '\t'; break;
      case 'u': {
        unsigned v, lo;
        if (r->end - p < 4 || hex4(p, &v) != 0) return fail(r, "bad \\u escape");
        p += 4;
        if (v >= 0xD800 && v <= 0xDBFF) { /* a surrogate pair */
          if (r->end - p < 6 || p[0] != '\\' || p[1] != 'u' || hex4(p + 2, &lo) != 0 || lo < 0xDC00 ||
              lo > 0xDFFF)
            return fail(r, "unpaired surrogate");
          p += 6;
          v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        } else if (v >= 0xDC00 && v <= 0xDFFF) {
          return fail(r, "unpaired surrogate");
        }
        if (v == 0) return fail(r, "\\u0000 is not allowed");
        w += td_utf8_encode(w, v); /* (3 bytes at most for 6 read, 4 for 12) */
        break;
      }
      default: return fail(r, "bad escape");
      }
    }
  }
  if (p >= r->end) return fail(r, "unterminated string");
  *w = 0; /* (w <= p, the closing quote) */
  *out = s;
  *len = (size_t)(w - s);
  r->p = p + 1;
  return 0;
}

/* A number, true, false or null at r->p into v; 0 or -1. */
static int scalar(jr *r, td_jv *v) {
  char *p = r->p;
  size_t left = (size_t)(r->end - p);
  if (left >= 4 && memcmp(p, "true", 4) == 0) v->t = TD_JV_TRUE, r->p += 4;
  else if (left >= 5 && memcmp(p, "false", 5) == 0) v->t = TD_JV_FALSE, r->p += 5;
  else if (left >= 4 && memcmp(p, "null", 4) == 0) v->t = TD_JV_NULL, r->p += 4;
  else {
    /* the JSON number grammar, then the C conversion of exactly that text */
    char *q = p;
    int real = 0;
    if (q < r->end && *q == '-') q++;
    if (q < r->end && *q == '0') q++;
    else if (q < r->end && *q >= '1' && *q <= '9')
      while (q < r->end && *q >= '0' && *q <= '9') q++;
    else return fail(r, "unexpected character");
    if (q < r->end && *q == '.') {
      real = 1, q++;
      if (q >= r->end || *q < '0' || *q > '9') return fail(r, "bad number");
      while (q < r->end && *q >= '0' && *q <= '9') q++;
    }
    if (q < r->end && (*q == 'e' || *q == 'E')) {
      real = 1, q++;
      if (q < r->end && (*q == '+' || *q == '-')) q++;
      if (q >= r->end || *q < '0' || *q > '9') return fail(r, "bad number");
      while (q < r->end && *q >= '0' && *q <= '9') q++;
    }
    size_t n = (size_t)(q - p);
    if (!real && n <= 18) { /* (most numbers: offsets, counts) fits without overflow */
      const char *d = p + (*p == '-');
      long long i = 0;
      for (; d < q; d++) i = i * 10 + (*d - '0');
      if (*p == '-') i = -i;
      v->t = TD_JV_INT, v->i = i, v->d = (double)i;
      r->p = q;
      return 0;
    }
    char num[64];
    if (n >= sizeof num) return fail(r, "number too long");
    memcpy(num, p, n);
    num[n] = 0;
    if (!real) {
      char *e;
      errno = 0;
      long long i = strtoll(num, &e, 10);
      if (errno) real = 1; /* out of range: as a real */
      else v->t = TD_JV_INT, v->i = i, v->d = (double)i;
    }
    if (real) v->t = TD_JV_REAL, v->d = strtod(num, NULL);
    r->p = q;
  }
  return 0;
}

/* An open container while parsing: its value and its children so far. */
typedef struct {
  td_jv *v;
  td_jv *head, *tail;
} frame;

/* Closes the container: its children as an array in the arena. */
static void close_frame(jr *r, frame *f) {
  f->v->v = td_arena_alloc(r->a, (f->v->n ? f->v->n : 1) * sizeof *f->v->v);
  size_t i = 0;
  for (td_jv *c = f->head; c; c = c->next) f->v->v[i++] = c;
}

td_jv *td_jv_parse(td_arena *a, const char *text, size_t len, char *err, size_t errlen) {
  char *copy = td_arena_alloc(a, len + 1); /* strings end and unescape in it */
  memcpy(copy, text, len);
  jr r = {copy, copy + len, a, NULL, 0, err, errlen};
  frame *st = td_xmalloc(JV_MAXDEPTH * sizeof *st);
  int depth = 0;
  td_jv *root = NULL;
  for (;;) {
    ws(&r);
    if (r.p >= r.end) {
      fail(&r, "unexpected end");
      goto bad;
    }
    frame *top = depth ? &st[depth - 1] : NULL;
    const char *key = NULL;
    size_t klen;
    if (top && top->v->t == TD_JV_OBJ) {
      if (*r.p == '}' && !top->head) { /* {} */
        r.p++;
        close_frame(&r, top);
        depth--;
        goto after_value;
      }
      if (*r.p != '"') {
        fail(&r, "expected a key");
        goto bad;
      }
      r.p++;
      if (string(&r, &key, &klen) != 0) goto bad;
      ws(&r);
      if (r.p >= r.end || *r.p != ':') {
        fail(&r, "expected ':'");
        goto bad;
      }
      r.p++;
      ws(&r);
      if (r.p >= r.end) {
        fail(&r, "unexpected end");
        goto bad;
      }
    } else if (top && *r.p == ']' && !top->head) { /* [] */
      r.p++;
      close_frame(&r, top);
      depth--;
      goto after_value;
    }
    {
      td_jv *v = new_value(&r);
      v->key = key;
      if (top) {
        if (top->tail) top->tail->next = v;
        else top->head = v;
        top->tail = v;
        top->v->n++;
      } else {
        root = v;
      }
      char c = *r.p;
      if (c == '{' || c == '[') {
        r.p++;
        v->t = c == '{' ? TD_JV_OBJ : TD_JV_ARR;
        if (depth == JV_MAXDEPTH) {
          fail(&r, "nested too deeply");
          goto bad;
        }
        st[depth++] = (frame){v, NULL, NULL};
        continue;
      }
      if (c == '"') {
        r.p++;
        v->t = TD_JV_STR;
        if (string(&r, &v->s, &v->n) != 0) goto bad;
      } else if (scalar(&r, v) != 0) {
        goto bad;
      }
    }
  after_value:
    /* after a value: a comma, or the end of its container(s) */
    for (;;) {
      ws(&r);
      if (!depth) {
        if (r.p != r.end) {
          fail(&r, "text after the value");
          goto bad;
        }
        free(st);
        return root;
      }
      frame *f = &st[depth - 1];
      char close = f->v->t == TD_JV_OBJ ? '}' : ']';
      if (r.p < r.end && *r.p == ',') {
        r.p++;
        break;
      }
      if (r.p < r.end && *r.p == close) {
        r.p++;
        close_frame(&r, f);
        depth--;
        continue;
      }
      fail(&r, "expected ',' or the end of a container");
      goto bad;
    }
  }
bad:
  free(st);
  return NULL;
}

const td_jv *td_jv_get(const td_jv *o, const char *key) {
  if (!o || o->t != TD_JV_OBJ) return NULL;
  for (size_t i = o->n; i-- > 0;) /* from the end: the last of repeated keys */
    if (o->v[i]->key[0] == key[0] && strcmp(o->v[i]->key, key) == 0) return o->v[i];
  return NULL;
}

const td_jv *td_jv_at(const td_jv *arr, size_t i) {
  return arr && arr->t == TD_JV_ARR && i < arr->n ? arr->v[i] : NULL;
}

size_t td_jv_len(const td_jv *arr) { return arr && arr->t == TD_JV_ARR ? arr->n : 0; }

long long td_jv_int(const td_jv *v) { return v && v->t == TD_JV_INT ? v->i : 0; }

const char *td_jv_str(const td_jv *v) { return v && v->t == TD_JV_STR ? v->s : NULL; }
