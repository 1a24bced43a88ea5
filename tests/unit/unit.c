/*
 * unit.c — runs the registered C unit tests and prints one closing line,
 * "unit: N passed, N failed".
 */
#include "unit.h"

#include <stdlib.h>
#include <sys/stat.h>

typedef struct {
  const char *name;
  td_test_fn fn;
} test_entry;

static test_entry tests[1024];
static int ntests;

void td_test_register(const char *name, td_test_fn fn) {
  if (ntests < 1024) tests[ntests++] = (test_entry){name, fn};
}

const char *td_test_shared(void) {
  const char *s = getenv("SHARED");
  if (!s || !*s) s = "../shared";
  struct stat st;
  return stat(s, &st) == 0 && S_ISDIR(st.st_mode) ? s : NULL;
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const test_entry *)a)->name, ((const test_entry *)b)->name);
}

int main(int argc, char **argv) {
  int pass = 0, fail = 0;
  qsort(tests, (size_t)ntests, sizeof tests[0], by_name);
  for (int i = 0; i < ntests; i++) {
    if (argc > 1 && !strstr(tests[i].name, argv[1])) continue;
    int failed = 0;
    tests[i].fn(&failed);
    if (failed) {
      fprintf(stderr, "FAIL %s\n", tests[i].name);
      fail++;
    } else {
      pass++;
    }
  }
  printf("unit: %d passed, %d failed\n", pass, fail);
  return fail ? 1 : 0;
}
