/*
 * strset.c — an immutable set of strings with a fast membership test, for
 * the small word lists the extraction layers consult once per token or
 * candidate (the places layer's not-a-place words and directions, the
 * times layer's word table, the rules' key indexes).
 *
 * Built once from a list of NUL-terminated strings that outlive it (the
 * static tables of a layer); a look-up takes a slice (ptr, len) of the text
 * and answers the index of the string in the list it was built from.
 *
 * Layout, small so that it stays in cache between tokens: per first byte a
 * mask of the lengths its members have, so most words are turned away by
 * one load before they are hashed (td_strset_find in core.h does that test
 * inline); then an open-addressing table (linear probing, at most half
 * full) of 4-byte slots, each an entry number and 8 bits of its hash, so a
 * probe reads a member's string only when the bits agree. Words are hashed
 * and compared eight bytes at a time (perf, issue 11: a byte loop of
 * FNV-1a was four instructions a byte on a serial chain of multiplies).
 */
#include "core.h"

#include <stdlib.h>
#include <string.h>

struct td_strset_ent {
  const char *s;
  uint32_t len;
  uint32_t idx; /* index in the build list */
};

enum { MAX_ENTS = 0xFFFFFF }; /* an entry number takes the slot's low 24 bits */

/* Bit of length n in a first byte's length mask. */
static uint32_t len_bit(size_t n) { return 1u << (n < 31 ? n : 31); }

/* The slot that holds p[0..len) (hash h), or the empty slot where it
 * would go (for building; td_strset_probe is the same walk). */
static size_t slot_of(const td_strset *set, const char *p, size_t len, uint64_t h) {
  uint32_t tag = (uint32_t)(h >> 56);
  size_t i = (size_t)h & set->mask;
  for (; set->slot[i]; i = (i + 1) & set->mask) {
    if (set->slot[i] >> 24 != tag) continue;
    const struct td_strset_ent *e = &set->ent[(set->slot[i] & MAX_ENTS) - 1];
    if (e->len == len && td_same_short(e->s, p, len)) break;
  }
  return i;
}

/* Builds the set of strs[0..n) (NULL entries and empty strings are left
 * out; a string listed twice keeps its first index). The strings are not
 * copied: they must outlive the set. The caller frees it with
 * td_strset_free().
 *   static const char *const days[] = {"monday", "tuesday"};
 *   td_strset *s = td_strset_new(days, 2);
 *   td_strset_find(s, "tuesday", 7);   -> 1 */
td_strset *td_strset_new(const char *const *strs, size_t n) {
  if (n > MAX_ENTS) td_oom(); /* far beyond any word list */
  td_strset *set = td_xcalloc(1, sizeof *set);
  size_t slots = 8;
  while (slots < 2 * n + 2) slots *= 2;
  set->slot = td_xcalloc(slots, sizeof *set->slot);
  set->ent = td_xcalloc(n + 1, sizeof *set->ent);
  set->mask = slots - 1;
  for (size_t i = 0; i < n; i++) {
    const char *w = strs[i];
    size_t len = w ? strlen(w) : 0;
    if (len == 0 || len > UINT32_MAX) continue;
    uint64_t h = td_hash_short(w, len);
    size_t at = slot_of(set, w, len, h);
    if (set->slot[at]) continue; /* listed before: the first index stays */
    set->ent[set->count] = (struct td_strset_ent){w, (uint32_t)len, (uint32_t)i};
    set->slot[at] = (uint32_t)(h >> 56) << 24 | (uint32_t)(set->count + 1);
    set->lens[(unsigned char)w[0]] |= len_bit(len);
    set->count++;
  }
  return set;
}

/* Same for a NULL-terminated list. */
td_strset *td_strset_new_list(const char *const *strs) {
  size_t n = 0;
  while (strs[n]) n++;
  return td_strset_new(strs, n);
}

void td_strset_free(td_strset *set) {
  if (!set) return;
  free(set->slot);
  free(set->ent);
  free(set);
}

long td_strset_probe(const td_strset *set, const char *p, size_t len) {
  if (len == 0) return -1; /* no empty members */
  uint64_t h = td_hash_short(p, len);
  uint32_t tag = (uint32_t)(h >> 56);
  for (size_t i = (size_t)h & set->mask; set->slot[i]; i = (i + 1) & set->mask) {
    if (set->slot[i] >> 24 != tag) continue;
    const struct td_strset_ent *e = &set->ent[(set->slot[i] & MAX_ENTS) - 1];
    if (e->len == len && td_same_short(e->s, p, len)) return e->idx;
  }
  return -1;
}
