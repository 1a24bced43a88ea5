/*
 * cli.h — the subcommands of the `tidings` program. Each is a thin client
 * of libtidings: it parses its flags and calls the library.
 */
#ifndef TD_CLI_H
#define TD_CLI_H

#include "tidings.h"

int td_cmd_extract(int argc, char **argv);
int td_cmd_eval(int argc, char **argv);
int td_cmd_train(int argc, char **argv);
int td_cmd_ingest(int argc, char **argv);
int td_cmd_merge(int argc, char **argv);
int td_cmd_query(int argc, char **argv);
int td_cmd_export(int argc, char **argv);
int td_cmd_serve(int argc, char **argv);
int td_cmd_watch(int argc, char **argv); /* issue 9: src/cli/watch.c */
/* The storing commands' malloc settings (ingest, watch; main.c): called
 * first, before any thread starts. */
void td_cli_storing_malloc(void);

/* ---- options shared by extract and ingest (opts.c) ---- */
typedef struct td_cli_opts {
  td_config cfg;
  td_format fmt;
  int threads, progress, quiet;
  const char **paths; /* inputs, in order */
  size_t npaths;
  const char **dicts; /* --dict folders, NULL-terminated (cfg.dict_dirs) */
  size_t ndicts;
} td_cli_opts;
void td_cli_opts_init(td_cli_opts *o, int argc);
void td_cli_opts_free(td_cli_opts *o);
/* Parses the shared option at argv[*i] (advancing *i past its value):
 * 1 when it was one, 0 when it is not a shared option, -1 after printing a
 * usage error. */
int td_cli_extract_opt(const char *cmd, int argc, char **argv, int *i, td_cli_opts *o);
int td_cli_valid_date(const char *s);
/* A command's own options: 1 when argv[*i] was one (advancing *i past its
 * value), 0 when not, -1 after printing a usage error. */
typedef int (*td_cli_extra_fn)(void *ctx, int argc, char **argv, int *i);
/* Parses a command line: -h/--help, the shared options, the command's own
 * (extra, may be NULL), and the input paths into o->paths. Returns 0 to go
 * on, 1 after printing the help (exit 0), 2 after a usage error (exit 2). */
int td_cli_parse(const char *cmd, const char *help, int argc, char **argv, td_cli_opts *o,
                 td_cli_extra_fn extra, void *ctx);

/* Shared option helpers. */
int td_cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
