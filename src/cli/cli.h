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

/* Shared option helpers. */
int td_cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
