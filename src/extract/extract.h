/*
 * extract.h — the recognition and relation layers that read the language
 * core's tokens and add facts to the document: actors (with coreference),
 * places, times, quantities, quotations, events. One file per layer; each
 * function is a pipeline stage (see engine.c). Private to libtidings.
 */
#ifndef TD_EXTRACT_H
#define TD_EXTRACT_H

#include "../doc.h"

/* Loads what the layers need from the resource image and the user's
 * dictionary folders (extract.c). 0 on success. */
int td_extract_load(td_engine *eng, const td_config *cfg, char *err, size_t errlen);
void td_extract_unload(td_engine *eng);

int td_actors(const td_engine *eng, td_doc *doc);     /* actors.c */
int td_places(const td_engine *eng, td_doc *doc);     /* places.c */
int td_times(const td_engine *eng, td_doc *doc);      /* times.c */
int td_quantities(const td_engine *eng, td_doc *doc); /* quantities.c */
struct td_units *td_units_load(const td_res *res);    /* quantities.c: once per engine */
void td_units_free(struct td_units *u);
/* Whether w names a currency: the name or a word of a money row of the
 * units table ("dollars", "roubles"). */
int td_units_money(const struct td_units *u, const char *w);
int td_quotes(const td_engine *eng, td_doc *doc);     /* quotes.c */
int td_events(const td_engine *eng, td_doc *doc);     /* events.c */

#endif
