/* test_segment_swar.c — the tokenizer's eight-bytes-at-a-time paths (the
 * scan for the end of a whitespace-free chunk, the norm and flags of short
 * ASCII tokens) give what the byte-by-byte rules give, wherever the text
 * lies against an 8-byte boundary and however close it is to the end. */
#include "unit.h"
#include "doc.h"
#include "text/text.h"

#include <stdlib.h>

static td_doc *seg(const char *text, size_t len) {
  td_doc *d = calloc(1, sizeof *d);
  td_arena_init(&d->arena);
  d->text = td_arena_strndup(&d->arena, text, len);
  d->len = len;
  td_segment(NULL, d);
  return d;
}

static void done(td_doc *d) {
  td_arena_release(&d->arena);
  free(d);
}

/* The flags a token's own letters give (the rest come from around it). */
enum { OWN = TD_TOK_CAP | TD_TOK_ALLCAPS | TD_TOK_DIGIT | TD_TOK_PUNCT };

/* Norm and own flags of an ASCII token by the rules of segment.c's head
 * comment and finish_tokens, byte by byte: lowercase, CAP when the first
 * letter or digit is uppercase, ALLCAPS with two letters or more all
 * uppercase, DIGIT with a digit, PUNCT with neither letters nor digits. */
static uint32_t ref_flags(const char *s, size_t n, char *norm) {
  int letters = 0, upper = 0, digits = 0, first = 1;
  uint32_t fl = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z', dg = c >= '0' && c <= '9';
    if ((up || lo || dg) && first) {
      if (up) fl |= TD_TOK_CAP;
      first = 0;
    }
    letters += up || lo, upper += up, digits += dg;
    norm[i] = up ? (char)(c + 32) : c;
  }
  norm[n] = 0;
  if (letters >= 2 && upper == letters) fl |= TD_TOK_ALLCAPS;
  if (digits) fl |= TD_TOK_DIGIT;
  if (!letters && !digits) fl |= TD_TOK_PUNCT;
  return fl;
}

/* Whether text (len bytes) has the same tokens (spans less shift, norms,
 * own flags, sentences) as its copy with `pad` spaces before it and `tail`
 * after it. */
static int same_tokens(const char *text, size_t len, size_t pad, size_t tail) {
  char *buf = malloc(pad + len + tail + 1);
  memset(buf, ' ', pad);
  memcpy(buf + pad, text, len);
  memset(buf + pad + len, ' ', tail);
  td_doc *a = seg(text, len), *b = seg(buf, pad + len + tail);
  int ok = a->ntoks == b->ntoks && a->nsents == b->nsents;
  for (size_t i = 0; ok && i < a->ntoks; i++) {
    const td_tok *x = &a->toks[i], *y = &b->toks[i];
    ok = x->start + pad == y->start && x->end + pad == y->end &&
         strcmp(x->norm, y->norm) == 0 && (x->flags & OWN) == (y->flags & OWN);
  }
  done(a);
  done(b);
  free(buf);
  return ok;
}

static const char *const texts[] = {
    "North Korea's troops don't stop.",
    "Mail john.smith@example.com or see https://www.bbc.co.uk/news today.",
    "ABCDEFGH abcdefgh AbCdEfGhI 12345678 A1B2C3D4 x Y zz QQ 9Z",
    "Prices\xc2\xa0rose 5%\xe2\x80\x89in May; the U.S. said \xe2\x80\x9cno\xe2\x80\x9d.",
    "caf\xc3\xa9 \303\211COLE na\xc3\xafve \xe6\x97\xa5\xe6\x9c\xac snake_case AT&T l/c :)",
    "a@b@c @@ x@ @y 555-1234 000-111-2222 11/20/2000 5:00 3.5 8,000 ...!? --",
    "Thequickbrownfoxjumpsoverthelazydog THEQUICKBROWNFOX the\tend\nNew para.",
};

TD_TEST(segment_swar_any_offset) {
  for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
    for (size_t pad = 0; pad < 9; pad++)
      for (size_t tail = 0; tail < 17; tail += 4) {
        int ok = same_tokens(texts[t], strlen(texts[t]), pad, tail);
        if (!ok) fprintf(stderr, "    text %zu, pad %zu, tail %zu\n", t, pad, tail);
        CHECK(ok);
      }
}

/* Random ASCII: every token's norm and own flags as the byte rules say. */
TD_TEST(segment_swar_ascii_tokens) {
  static const char alphabet[] = "aZbY09xX  .,-'@\"eEq7";
  uint32_t seed = 12345;
  char text[200], norm[200];
  int bad = 0;
  for (int round = 0; round < 2000; round++) {
    size_t n = 1 + round % (sizeof text - 1);
    for (size_t i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
    td_doc *d = seg(text, n);
    for (size_t i = 0; i < d->ntoks; i++) {
      const td_tok *t = &d->toks[i];
      uint32_t fl = ref_flags(d->text + t->start, t->end - t->start, norm);
      if (strcmp(norm, t->norm) != 0 || fl != (t->flags & OWN)) bad++;
    }
    done(d);
  }
  CHECK(bad == 0);
}
