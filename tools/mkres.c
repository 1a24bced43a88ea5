/*
 * mkres.c — builds the resource image (build/tidings.res) that tidings
 * memory-maps at start: every section a layer needs, from the reviewable
 * data files under data/ and from Debian's word lists and WordNet.
 *
 *   mkres OUT.res DATADIR
 *
 * Each layer contributes a builder below; a builder adds its sections with
 * td_resw_add() and returns 0, or prints why it failed and returns -1.
 */
#include "core/core.h"
#include "core/res.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*builder)(td_resw *w, const char *datadir);

/* Copies a file into a section; a missing optional file is skipped. */
static int add_file(td_resw *w, const char *name, const char *path, int optional) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    if (optional) return 0;
    fprintf(stderr, "mkres: cannot read %s\n", path);
    return -1;
  }
  td_buf b = TD_BUF_INIT;
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) td_buf_put(&b, chunk, k);
  fclose(f);
  td_resw_add(w, name, b.ptr ? b.ptr : "", b.len);
  td_buf_free(&b);
  return 0;
}

static int build_version(td_resw *w, const char *datadir) {
  (void)datadir;
  td_resw_add(w, "version", "tidings-resources-1", 19);
  return 0;
}

static const struct {
  const char *name;
  builder fn;
} builders[] = {
    {"version", build_version},
};

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: mkres OUT.res DATADIR\n");
    return 2;
  }
  (void)add_file;
  td_resw *w = td_resw_new();
  for (size_t i = 0; i < sizeof builders / sizeof builders[0]; i++)
    if (builders[i].fn(w, argv[2]) != 0) {
      fprintf(stderr, "mkres: building %s failed\n", builders[i].name);
      return 1;
    }
  if (td_resw_finish(w, argv[1]) != 0) {
    fprintf(stderr, "mkres: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
