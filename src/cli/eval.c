/*
 * eval.c — `tidings eval LAYER FILE` and `tidings train MODEL ...`: measure
 * a layer on annotated data in its standard format, and reproduce the
 * shipped models. Each is a call into the library.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char eval_help[] =
    "usage: tidings eval LAYER FILE|DIR [--gold-tags] [--resources PATH]\n"
    "\n"
    "Measures a layer against annotated data and prints the figures.\n"
    "\n"
    "layers:\n"
    "  tagger FILE.conllu   UPOS, XPOS and lemma accuracy (gold tokenization)\n"
    "  parser FILE.conllu   UAS and LAS (predicted tags; --gold-tags for gold)\n"
    "  times DIR            TimeML files: TempEval-3 extent, type and value scores\n"
    "  ner FILE             CoNLL-2003 format: entity F1 per type (conlleval)\n"
    "  quotes DIR           brat attribution data (PolNeAR): quotation F1, speaker accuracy\n"
    "  events FILE.json     PLOVER gold records: event P/R by type, +source, +target\n"
    "  geo FILE.xml         GeoWebNews XML: toponym P/R, accuracy@161km, mean error\n";

static const char train_help[] =
    "usage: tidings train MODEL TRAIN.conllu DEV.conllu OUT [--iters N]\n"
    "\n"
    "Trains a model from a treebank and writes it to OUT; `make` then compiles\n"
    "data/models/* into the resource image.\n"
    "\n"
    "models:\n"
    "  tagger   averaged-perceptron POS tagger (data/models/tagger.bin)\n"
    "  parser   transition-based dependency parser (data/models/parser.bin)\n";

int td_cmd_eval(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fputs(eval_help, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const char *layer = argv[1], *file = NULL;
  td_config cfg = {0};
  int gold = 0;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--gold-tags") == 0) gold = 1;
    else if (strcmp(argv[i], "--resources") == 0 && i + 1 < argc) cfg.resources = argv[++i];
    else if (argv[i][0] == '-') return td_cli_usage_error("eval", "unknown option '%s'", argv[i]);
    else file = argv[i];
  }
  if (!file) return td_cli_usage_error("eval", "give the annotated data to score against");
  char err[512];
  td_engine *eng = td_engine_new(&cfg, err, sizeof err);
  if (!eng) {
    fprintf(stderr, "tidings: %s\n", err);
    return 2;
  }
  int rc = td_eval(eng, layer, file, gold ? TD_EVAL_GOLD_TAGS : 0, stdout);
  td_engine_free(eng);
  if (rc == -2) return td_cli_usage_error("eval", "unknown layer '%s'", layer);
  return rc == 0 ? 0 : 1;
}

int td_cmd_train(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fputs(train_help, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const char *model = argv[1];
  const char *pos[3] = {0};
  int npos = 0, iters = 0;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--iters") == 0 && i + 1 < argc) iters = atoi(argv[++i]);
    else if (argv[i][0] == '-') return td_cli_usage_error("train", "unknown option '%s'", argv[i]);
    else if (npos < 3) pos[npos++] = argv[i];
  }
  if (npos != 3) return td_cli_usage_error("train", "give TRAIN.conllu DEV.conllu OUT");
  int rc = td_train(model, pos[0], pos[1], pos[2], iters, stderr);
  if (rc == -2) return td_cli_usage_error("train", "unknown model '%s'", model);
  return rc == 0 ? 0 : 1;
}
