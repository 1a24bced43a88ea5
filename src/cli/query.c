/*
 * query.c — `tidings query`: asks a knowledge base for events, quotes,
 * claims, actors, stories or articles, with filters.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: tidings query --db PATH events|quotes|claims|actors|stories|articles [filters]\n"
    "\n"
    "Prints rows of a knowledge base as an aligned table (long text cut), or\n"
    "as JSON Lines or CSV. Rows from articles name them (article, sentence).\n"
    "\n"
    "filters:\n"
    "  --actor CODE           an actor code prefix (PRK, USAGOV) or entity\n"
    "  --source CODE          events: the source actor\n"
    "  --target CODE          events: the target actor\n"
    "  --root NN              events: CAMEO root (or code prefix)\n"
    "  --since DATE           on or after YYYY-MM-DD\n"
    "  --until DATE           on or before YYYY-MM-DD\n"
    "  --place NAME           events: the place (whole name, any case);\n"
    "                         stories, articles: a place name containing NAME\n"
    "  --speaker NAME         quotes: the speaker; claims: the claimant\n"
    "  --text WORDS           full-text search (events, quotes, stories, articles);\n"
    "                         claims: the measure or figure contains WORDS\n"
    "options:\n"
    "  --json | --csv         output format (default: table)\n"
    "  --limit N              at most N rows\n"
    "  -h, --help             this help\n";

int td_cmd_query(int argc, char **argv) {
  td_kb_query q = {0};
  const char *db = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(help, stdout);
      return 0;
    }
#define OPT(name, field) else if (strcmp(a, name) == 0 && v) q.field = v, i++;
    if (strcmp(a, "--db") == 0 && v) db = v, i++;
    OPT("--actor", actor)
    OPT("--source", source)
    OPT("--target", target)
    OPT("--root", root)
    OPT("--since", since)
    OPT("--until", until)
    OPT("--place", place)
    OPT("--speaker", speaker)
    OPT("--text", text)
#undef OPT
    else if (strcmp(a, "--json") == 0) q.format = TD_KB_JSON;
    else if (strcmp(a, "--csv") == 0) q.format = TD_KB_CSV;
    else if (strcmp(a, "--limit") == 0 && v) {
      char *end;
      q.limit = strtol(v, &end, 10);
      if (*end || q.limit < 0) return td_cli_usage_error("query", "--limit wants a number, not '%s'", v);
      i++;
    } else if (a[0] == '-' && a[1]) {
      return td_cli_usage_error("query", "unknown option '%s'%s", a,
                                v || a[1] != '-' ? "" : " (or it wants a value)");
    } else if (!q.what) {
      q.what = a;
    } else {
      return td_cli_usage_error("query", "one kind of rows at a time ('%s' and '%s')", q.what, a);
    }
  }
  if (!db) return td_cli_usage_error("query", "--db PATH is required");
  if (!q.what) return td_cli_usage_error("query", "what to list: events, quotes, claims, actors, stories or articles");
  static const char *const kinds[] = {"events", "quotes", "claims", "actors", "stories", "articles"};
  int known = 0;
  for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) known |= strcmp(q.what, kinds[k]) == 0;
  if (!known) return td_cli_usage_error("query", "unknown query '%s'", q.what);
  char err[512];
  td_kb *kb = td_kb_open(db, 1, err, sizeof err);
  if (!kb) {
    fprintf(stderr, "tidings: %s\n", err);
    return 2;
  }
  long n = td_kb_query_run(kb, &q, stdout, err, sizeof err);
  if (n < 0) fprintf(stderr, "tidings: query: %s\n", err);
  td_kb_close(kb);
  return n < 0 ? 1 : 0;
}
