/* parser.c — STUB until the transition-based parser lands. */
#include "lang.h"
struct td_parser { int dummy; };
struct td_parser *td_parser_load(const td_res *res, char *err, size_t errlen) { (void)res; (void)err; (void)errlen; return NULL; }
void td_parser_free(struct td_parser *p) { (void)p; }
int td_parse(const td_engine *eng, td_doc *doc) { (void)eng; (void)doc; return 0; }
