/*
 * events.h — private interface of the events layer (events.c): the CAMEO
 * facts the JSON writer needs and `tidings eval events`. The layer itself
 * is td_events() in extract.h.
 */
#ifndef TD_EVENTS_H
#define TD_EVENTS_H

#include "extract.h"

#include <stdio.h>

/* Quad class (1 verbal cooperation .. 4 material conflict), Goldstein
 * weight, PLOVER type and mode (NULL when none) of a CAMEO code (2-4
 * digits). 0, or -1 for an unknown code (outputs zeroed). */
int td_cameo_info(const char *code, int *quad, double *goldstein,
                  const char **plover, const char **plover_mode);

/* The code book's short name of a CAMEO code, or NULL. */
const char *td_cameo_name(const char *code);

/* The event type of the older 18-type PLOVER naming (the one of the
 * PLOVER_GSR_CAMEO gold records: AGREE, DEMAND, DISAPPROVE, FIGHT, ...)
 * for a CAMEO code, or NULL. */
const char *td_cameo_plover_gsr(const char *code);

/* Runs the pipeline on every record of a PLOVER GSR JSON file (an array
 * of {text, event, source:[{code}], target:[{code}]}) and prints event
 * precision and recall at three levels: type; type + source country;
 * type + source + target country. 0, or -1 when the file cannot be read. */
int td_eval_events(const td_engine *eng, const char *file, FILE *out);

#endif
