/* html.c — STUB until the gumbo-based extractor lands. */
#include "ingest.h"
#include <stdlib.h>
int td_html_extract(const char *html, size_t len, td_html_doc *out) { (void)html; (void)len; out->error = td_xstrdup("HTML extraction not built"); return -1; }
void td_html_doc_free(td_html_doc *h) { if (!h) return; free(h->text); free(h->title); free(h->site_name); free(h->date); free(h->lang); free(h->url); free(h->error); }
