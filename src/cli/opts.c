/*
 * opts.c — the options `extract` and `ingest` share (input format, date,
 * threads, dictionaries, resources, progress), parsed in one place so the
 * two commands accept the same flags with the same messages.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void td_cli_opts_init(td_cli_opts *o, int argc) {
  memset(o, 0, sizeof *o);
  o->fmt = TD_FMT_AUTO;
  o->progress = isatty(2);
  o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
  o->dicts = calloc((size_t)argc + 1, sizeof *o->dicts);
  if (!o->paths || !o->dicts) {
    fputs("tidings: out of memory\n", stderr);
    exit(2);
  }
  o->cfg.dict_dirs = o->dicts;
}

void td_cli_opts_free(td_cli_opts *o) {
  free(o->paths);
  free(o->dicts);
}

static int parse_format(const char *s, td_format *f) {
  if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0) *f = TD_FMT_TEXT;
  else if (strcmp(s, "jsonl") == 0 || strcmp(s, "ndjson") == 0) *f = TD_FMT_JSONL;
  else if (strcmp(s, "html") == 0) *f = TD_FMT_HTML;
  else if (strcmp(s, "warc") == 0) *f = TD_FMT_WARC;
  else if (strcmp(s, "auto") == 0) *f = TD_FMT_AUTO;
  else return -1;
  return 0;
}

int td_cli_valid_date(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  int m = atoi(s + 5), d = atoi(s + 8);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int td_cli_extract_opt(const char *cmd, int argc, char **argv, int *i, td_cli_opts *o) {
  const char *a = argv[*i];
  const char *v = *i + 1 < argc ? argv[*i + 1] : NULL;
  if (strcmp(a, "--date") == 0 && v) {
    if (!td_cli_valid_date(v))
      return td_cli_usage_error(cmd, "--date wants YYYY-MM-DD, not '%s'", v), -1;
    o->cfg.default_date = v;
  } else if (strcmp(a, "--input-format") == 0 && v) {
    if (parse_format(v, &o->fmt) != 0)
      return td_cli_usage_error(cmd, "unknown input format '%s'", v), -1;
  } else if (strcmp(a, "--threads") == 0 && v) {
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n < 0 || n > 256)
      return td_cli_usage_error(cmd, "--threads wants 0..256, not '%s'", v), -1;
    o->threads = (int)n;
  } else if (strcmp(a, "--layers") == 0 && v) {
    o->cfg.layers = v;
  } else if (strcmp(a, "--dict") == 0 && v) {
    o->dicts[o->ndicts++] = v;
  } else if (strcmp(a, "--resources") == 0 && v) {
    o->cfg.resources = v;
  } else if (strcmp(a, "--progress") == 0) {
    o->progress = 1;
    return 1;
  } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
    o->progress = 0, o->quiet = 1;
    return 1;
  } else {
    return 0;
  }
  (*i)++;
  return 1;
}

int td_cli_parse(const char *cmd, const char *help, int argc, char **argv, td_cli_opts *o,
                 td_cli_extra_fn extra, void *ctx) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(help, stdout);
      return 1;
    }
    int k = td_cli_extract_opt(cmd, argc, argv, &i, o);
    if (k == 0 && extra) k = extra(ctx, argc, argv, &i);
    if (k < 0) return 2;
    if (k > 0) continue;
    if (a[0] == '-' && a[1])
      return td_cli_usage_error(cmd, "unknown option '%s'%s", a,
                                i + 1 < argc || a[1] != '-' ? "" : " (or it wants a value)");
    o->paths[o->npaths++] = a;
  }
  return 0;
}
