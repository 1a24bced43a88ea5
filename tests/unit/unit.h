/*
 * unit.h — a tiny test harness for the library's C unit tests.
 *
 *   TD_TEST(arena_grows) {
 *     td_arena a; td_arena_init(&a);
 *     CHECK(td_arena_alloc(&a, 100000) != NULL);
 *     td_arena_release(&a);
 *   }
 *
 * Tests register themselves at start-up; unit.c runs them all (or those
 * whose name contains argv[1]) and prints "N passed, N failed".
 */
#ifndef TD_UNIT_H
#define TD_UNIT_H

#include <stdio.h>
#include <string.h>

typedef void (*td_test_fn)(int *failed);
void td_test_register(const char *name, td_test_fn fn);

#define TD_TEST(name)                                                     \
  static void test_##name(int *td_failed_);                              \
  __attribute__((constructor)) static void reg_##name(void) {            \
    td_test_register(#name, test_##name);                                \
  }                                                                      \
  static void test_##name(int *td_failed_)

#define CHECK(cond)                                                       \
  do {                                                                    \
    if (!(cond)) {                                                        \
      fprintf(stderr, "  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
              #cond);                                                     \
      *td_failed_ = 1;                                                    \
    }                                                                     \
  } while (0)

#define CHECK_STR(a, b)                                                   \
  do {                                                                    \
    const char *ca_ = (a), *cb_ = (b);                                    \
    if (!ca_ || !cb_ || strcmp(ca_, cb_) != 0) {                          \
      fprintf(stderr, "  %s:%d: %s == \"%s\", want \"%s\"\n", __FILE__,   \
              __LINE__, #a, ca_ ? ca_ : "(null)", cb_ ? cb_ : "(null)");  \
      *td_failed_ = 1;                                                    \
    }                                                                     \
  } while (0)

/* Path of the shared data folder (../shared), or NULL when absent: tests
 * that need it return early (counted as passed, with a "skip" line). */
const char *td_test_shared(void);

#endif
