/*
 * events.c — the events layer. Not built yet: the layer stays an empty list.
 */
#include "extract.h"

int td_events(const td_engine *eng, td_doc *doc) {
  (void)eng, (void)doc;
  return 0;
}

/* Quad class, Goldstein score and PLOVER type of a CAMEO code; -1 when the
 * code is unknown. Not built yet. */
int td_cameo_info(const char *code, int *quad, double *goldstein,
                  const char **plover, const char **plover_mode) {
  (void)code, (void)goldstein, (void)plover, (void)plover_mode;
  *quad = 0;
  return -1;
}
