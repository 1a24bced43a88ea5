/*
 * petrarch.h — reads the actor and agent dictionary formats of PETRARCH,
 * Phoenix and TABARI into matcher entries, so `--dict DIR` takes the
 * dictionaries event-data researchers already maintain (docs/DICTIONARIES.md).
 */
#ifndef TD_PETRARCH_H
#define TD_PETRARCH_H

#include "matcher.h"

enum { TD_PETRARCH_NONE = 0, TD_PETRARCH_ACTORS = 1, TD_PETRARCH_AGENTS = 2 };

/* The format a file name says: *.actors, *.actors.txt -> ACTORS; *.agents,
 * *.agents.txt -> AGENTS; *.txt -> NONE unless `text` (the file's bytes, may
 * be NULL) has a first non-comment line that looks like one of them. */
int td_petrarch_kind(const char *name, const char *text, size_t len);

/* Adds the entries of one actor or agent dictionary held in text[0..len)
 * (`name` is used in messages). Lines tidings does not read (patterns with
 * `!`) are skipped and counted in *skipped (may be NULL). 0, or -1 with
 * "NAME:LINE: what" in err. */
int td_petrarch_add(td_dictb *b, int kind, const char *name, const char *text, size_t len,
                    size_t *skipped, char *err, size_t errlen);

#endif
