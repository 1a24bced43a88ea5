/*
 * extract.c — loading and unloading what the extraction layers share.
 */
#include "extract.h"

int td_extract_load(td_engine *eng, const td_config *cfg, char *err, size_t errlen) {
  (void)eng, (void)cfg, (void)err, (void)errlen;
  return 0;
}

void td_extract_unload(td_engine *eng) { (void)eng; }
