/* warc.c — STUB until the WARC reader lands. */
#include "ingest.h"
td_warc *td_warc_open(const char *path, FILE *f, char *err, size_t errlen) { (void)path; (void)f; snprintf(err, errlen, "WARC reading not built"); return NULL; }
int td_warc_next(td_warc *w, td_input **out) { (void)w; *out = NULL; return TD_EOF; }
void td_warc_close(td_warc *w) { (void)w; }
