/*
 * quantities.c — the quantities layer. Not built yet: the layer stays an empty list.
 */
#include "extract.h"

int td_quantities(const td_engine *eng, td_doc *doc) {
  (void)eng, (void)doc;
  return 0;
}
