/*
 * extract.c — `tidings extract`: reads articles, writes tidings/1 JSON Lines.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char help[] =
    "usage: tidings extract [options] FILE|DIR|- ...\n"
    "\n"
    "Reads articles and writes one tidings/1 JSON object per article to stdout,\n"
    "in input order. Files: .txt (one article), .jsonl/.ndjson (one article a\n"
    "line: id, text or html, title, date, source, url), .html/.htm, .warc and\n"
    ".warc.gz (each HTML response record). Directories are walked in sorted\n"
    "order; - reads stdin (format sniffed, or --input-format).\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD      reference date for articles that carry none\n"
    "  --input-format FMT     text, jsonl, html or warc (default: by name/content)\n"
    "  --threads N            worker threads (default: all cores)\n"
    "  --layers LIST          extra layers to write: tokens\n"
    "  --resources PATH       the compiled resource image (default: found)\n"
    "  --progress             progress on stderr (default: when stderr is a terminal)\n"
    "  --quiet                no progress\n"
    "  -h, --help             this help\n"
    "\n"
    "A document that cannot be read gets a line on stderr and is skipped; the\n"
    "others still come out. Exit status: 0 all documents extracted, 1 some\n"
    "failed, 2 usage error.\n";

static int parse_format(const char *s, td_format *f) {
  if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0) *f = TD_FMT_TEXT;
  else if (strcmp(s, "jsonl") == 0 || strcmp(s, "ndjson") == 0) *f = TD_FMT_JSONL;
  else if (strcmp(s, "html") == 0) *f = TD_FMT_HTML;
  else if (strcmp(s, "warc") == 0) *f = TD_FMT_WARC;
  else if (strcmp(s, "auto") == 0) *f = TD_FMT_AUTO;
  else return -1;
  return 0;
}

static int valid_date(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  int m = atoi(s + 5), d = atoi(s + 8);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int td_cmd_extract(int argc, char **argv) {
  td_config cfg = {0};
  td_format fmt = TD_FMT_AUTO;
  int threads = 0, progress = isatty(2);
  const char **paths = calloc((size_t)argc + 1, sizeof *paths);
  size_t npaths = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(help, stdout);
      free(paths);
      return 0;
    } else if (strcmp(a, "--date") == 0 && v) {
      if (!valid_date(v)) {
        free(paths);
        return td_cli_usage_error("extract", "--date wants YYYY-MM-DD, not '%s'", v);
      }
      cfg.default_date = v, i++;
    } else if (strcmp(a, "--input-format") == 0 && v) {
      if (parse_format(v, &fmt) != 0) {
        free(paths);
        return td_cli_usage_error("extract", "unknown input format '%s'", v);
      }
      i++;
    } else if (strcmp(a, "--threads") == 0 && v) {
      char *end;
      long n = strtol(v, &end, 10);
      if (*end || n < 0 || n > 256) {
        free(paths);
        return td_cli_usage_error("extract", "--threads wants 0..256, not '%s'", v);
      }
      threads = (int)n, i++;
    } else if (strcmp(a, "--layers") == 0 && v) {
      cfg.layers = v, i++;
    } else if (strcmp(a, "--resources") == 0 && v) {
      cfg.resources = v, i++;
    } else if (strcmp(a, "--progress") == 0) {
      progress = 1;
    } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      progress = 0;
    } else if (a[0] == '-' && a[1]) {
      free(paths);
      return td_cli_usage_error("extract", "unknown option '%s'%s", a,
                                v || a[1] != '-' ? "" : " (or it wants a value)");
    } else {
      paths[npaths++] = a;
    }
  }
  if (npaths == 0) {
    free(paths);
    return td_cli_usage_error("extract", "no input: give files, directories or -");
  }
  char err[512];
  td_engine *eng = td_engine_new(&cfg, err, sizeof err);
  if (!eng) {
    fprintf(stderr, "tidings: %s\n", err);
    free(paths);
    return 2;
  }
  td_run_stats st;
  int rc = td_extract_run(eng, paths, npaths, fmt, threads, stdout, stderr, progress, &st);
  td_engine_free(eng);
  free(paths);
  return rc != 0 ? 1 : 0;
}
