/*
 * kbsynth.c — `make bench` helper: adds N synthetic merged events to a
 * knowledge base (td_kb_synth_events, src/kb/synth.c) so that queries can be
 * timed over a large store.  usage: kbsynth DB N [SEED]
 */
#include <stdio.h>
#include <stdlib.h>

#include "kb/kb.h"

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: kbsynth DB N [SEED]\n", stderr);
    return 2;
  }
  char err[512];
  td_kb *kb = td_kb_open(argv[1], 0, err, sizeof err);
  if (!kb) {
    fprintf(stderr, "kbsynth: %s\n", err);
    return 1;
  }
  long n = atol(argv[2]);
  unsigned long seed = argc > 3 ? strtoul(argv[3], NULL, 10) : 1;
  int rc = td_kb_synth_events(kb, n, seed, err, sizeof err);
  if (rc != 0) fprintf(stderr, "kbsynth: %s\n", err);
  td_kb_close(kb);
  return rc != 0;
}
