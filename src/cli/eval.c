/*
 * eval.c — `tidings eval LAYER FILE` and `tidings train MODEL ...`: measure
 * a layer on annotated data, and reproduce the shipped models.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char eval_help[] =
    "usage: tidings eval LAYER FILE\n"
    "\n"
    "Measures a layer against annotated data and prints the figures.\n"
    "\n"
    "layers:\n"
    "  (none built yet)\n";

int td_cmd_eval(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fputs(eval_help, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  return td_cli_usage_error("eval", "unknown layer '%s'", argv[1]);
}

static const char train_help[] =
    "usage: tidings train MODEL ...\n"
    "\n"
    "Trains a model from annotated data.\n"
    "\n"
    "models:\n"
    "  (none built yet)\n";

int td_cmd_train(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fputs(train_help, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  return td_cli_usage_error("train", "unknown model '%s'", argv[1]);
}
