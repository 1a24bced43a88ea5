/*
 * export.c — `tidings export`: writes a knowledge base as GDELT 2.0 tables,
 * canonical JSON Lines or CSV.
 */
#include "cli.h"

#include <string.h>

static const char help[] =
    "usage: tidings export --db PATH --format gdelt|jsonl|csv [--out DIR]\n"
    "\n"
    "  gdelt   GDELT 2.0 Events (61 tab-separated columns) as DIR/events.csv and\n"
    "          Mentions (16 columns) as DIR/mentions.csv; without --out, the\n"
    "          events table to stdout\n"
    "  jsonl   every table, canonical: rows sorted by content keys, the same\n"
    "          bytes for the same articles whatever the order they came in\n"
    "          (DIR/TABLE.jsonl, or all to stdout)\n"
    "  csv     every table as CSV (DIR/TABLE.csv, or all to stdout)\n";

int td_cmd_export(int argc, char **argv) {
  const char *db = NULL, *format = NULL, *out = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(help, stdout);
      return 0;
    } else if (strcmp(a, "--db") == 0 && v) {
      db = v, i++;
    } else if (strcmp(a, "--format") == 0 && v) {
      format = v, i++;
    } else if (strcmp(a, "--out") == 0 && v) {
      out = v, i++;
    } else {
      return td_cli_usage_error("export", "unknown argument '%s'", a);
    }
  }
  if (!db) return td_cli_usage_error("export", "--db PATH is required");
  if (!format) format = "jsonl";
  if (strcmp(format, "gdelt") && strcmp(format, "jsonl") && strcmp(format, "csv"))
    return td_cli_usage_error("export", "--format wants gdelt, jsonl or csv, not '%s'", format);
  char err[512];
  td_kb *kb = td_kb_open(db, 1, err, sizeof err);
  if (!kb) {
    fprintf(stderr, "tidings: %s\n", err);
    return 2;
  }
  int rc = td_kb_export(kb, format, out, stdout, err, sizeof err);
  if (rc != 0) fprintf(stderr, "tidings: export: %s\n", err);
  td_kb_close(kb);
  return rc != 0 ? 1 : 0;
}
