/*
 * hash.c — SHA-256 for content hashes (doc.sha256, input_sha256, the
 * resource hash in `producer`, store keys) and FNV-1a for in-memory hash
 * tables. SHA-256 is nettle's (Debian's build picks the processor's SHA
 * instructions at run time where it has them: about 5x the speed of a
 * portable C loop, and two or three hashes of every document add up).
 */
#include "core.h"

#include <nettle/sha2.h>
#include <string.h>

_Static_assert(sizeof(struct sha256_ctx) <= sizeof(td_sha256), "td_sha256 holds a nettle context");
_Static_assert(_Alignof(struct sha256_ctx) <= _Alignof(td_sha256), "td_sha256 alignment");

void td_sha256_init(td_sha256 *c) { sha256_init((struct sha256_ctx *)(void *)c->ctx); }

void td_sha256_update(td_sha256 *c, const void *data, size_t n) {
  sha256_update((struct sha256_ctx *)(void *)c->ctx, n, data);
}

void td_sha256_final(td_sha256 *c, unsigned char out[32]) {
  sha256_digest((struct sha256_ctx *)(void *)c->ctx, SHA256_DIGEST_SIZE, out);
}

void td_sha256_hex(const void *data, size_t n, char hex[65]) {
  static const char d[] = "0123456789abcdef";
  td_sha256 c;
  unsigned char out[32];
  td_sha256_init(&c);
  td_sha256_update(&c, data, n);
  td_sha256_final(&c, out);
  for (int i = 0; i < 32; i++) {
    hex[2 * i] = d[out[i] >> 4];
    hex[2 * i + 1] = d[out[i] & 15];
  }
  hex[64] = 0;
}

uint64_t td_hash64(const void *data, size_t n) {
  const unsigned char *p = data;
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}
