/*
 * extract.c — loading and unloading what the extraction layers share: the
 * merged dictionary (eng->dict) of the shared matcher, from the resource
 * image's "dict" section and from the user's --dict folders, and the
 * token-pattern rules (eng->rules): the built-in data/LAYER/NAME.rules from
 * the image's "rules" section, then the user's --dict DIR/NAME.rules (a user rule
 * replaces a built-in rule of the same name; docs/RULES.md).
 */
#include "extract.h"
#include "lang/matcher.h"
#include "lang/rules.h"
#include "places.h"

int td_extract_load(td_engine *eng, const td_config *cfg, char *err, size_t errlen) {
  eng->dict = td_dict_new();
  size_t len = 0;
  const void *img = eng->res ? td_res_get(eng->res, "dict", &len) : NULL;
  if (img && td_dict_add_image(eng->dict, img, len) != 0) {
    snprintf(err, errlen, "the resource image's dictionary is damaged (rebuild with make)");
    return -1;
  }
  if (cfg && cfg->dict_dirs)
    for (const char *const *d = cfg->dict_dirs; *d; d++)
      if (td_dict_add_dir(eng->dict, *d, err, errlen) != 0) return -1;
  eng->rules = td_rules_compile(NULL, err, errlen);
  const void *rimg = eng->res ? td_res_get(eng->res, "rules", &len) : NULL;
  if (rimg && td_rules_add_image(eng->rules, rimg, len, err, errlen) != 0) return -1;
  if (cfg && cfg->dict_dirs)
    for (const char *const *d = cfg->dict_dirs; *d; d++)
      if (td_rules_add_dir(eng->rules, *d, err, errlen) != 0) return -1;
  return td_places_load(eng, err, errlen);
}

void td_extract_unload(td_engine *eng) {
  td_places_unload(eng);
  td_dict_free(eng->dict);
  eng->dict = NULL;
  td_rules_free(eng->rules);
  eng->rules = NULL;
}
