/*
 * actors.c — the actors layer. Not built yet: the layer stays an empty list.
 */
#include "extract.h"

int td_actors(const td_engine *eng, td_doc *doc) {
  (void)eng, (void)doc;
  return 0;
}
