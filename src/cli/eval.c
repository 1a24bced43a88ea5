/*
 * eval.c — `tidings eval LAYER FILE` and `tidings train MODEL ...`: measure
 * a layer on annotated data in its standard format, and reproduce the
 * shipped models. Each is a call into the library.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The library's evaluation and training entry points (src/lang/train.h,
 * src/lang/parser.h, src/extract/{times,actors,quotes}.h). Declared weak
 * so that a layer still being built reports "not built" instead of
 * breaking the program. */
struct td_engine;
int td_eval_tagger(const struct td_engine *eng, const char *conllu, FILE *out) __attribute__((weak));
int td_eval_parser(const struct td_engine *eng, const char *conllu, int gold_tags, FILE *out) __attribute__((weak));
int td_eval_times(const struct td_engine *eng, const char *dir, FILE *out) __attribute__((weak));
int td_eval_ner(const struct td_engine *eng, const char *file, FILE *out) __attribute__((weak));
int td_eval_quotes(const struct td_engine *eng, const char *dir, FILE *out) __attribute__((weak));
int td_eval_geo(const struct td_engine *eng, const char *file, FILE *out) __attribute__((weak));
int td_tagger_train(const char *train, const char *dev, const char *out, int iters, FILE *log) __attribute__((weak));
int td_parser_train(const char *train, const char *dev, const char *out, int iters, FILE *log) __attribute__((weak));

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

static int not_built(const char *what) {
  fprintf(stderr, "tidings: %s is not built into this version\n", what);
  return 2;
}

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
  int (*run)(const struct td_engine *, const char *, FILE *) = NULL;
  if (strcmp(layer, "tagger") == 0) run = td_eval_tagger;
  else if (strcmp(layer, "times") == 0) run = td_eval_times;
  else if (strcmp(layer, "ner") == 0) run = td_eval_ner;
  else if (strcmp(layer, "quotes") == 0) run = td_eval_quotes;
  else if (strcmp(layer, "geo") == 0) run = td_eval_geo;
  else if (strcmp(layer, "parser") != 0)
    return td_cli_usage_error("eval", "unknown layer '%s'", layer);
  if (strcmp(layer, "parser") == 0 ? !td_eval_parser : !run) return not_built(layer);
  char err[512];
  td_engine *eng = td_engine_new(&cfg, err, sizeof err);
  if (!eng) {
    fprintf(stderr, "tidings: %s\n", err);
    return 2;
  }
  int rc = strcmp(layer, "parser") == 0 ? td_eval_parser(eng, file, gold, stdout)
                                         : run(eng, file, stdout);
  td_engine_free(eng);
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
  int (*fn)(const char *, const char *, const char *, int, FILE *) = NULL;
  if (strcmp(model, "tagger") == 0) fn = td_tagger_train;
  else if (strcmp(model, "parser") == 0) fn = td_parser_train;
  else return td_cli_usage_error("train", "unknown model '%s'", model);
  if (!fn) return not_built(model);
  return fn(pos[0], pos[1], pos[2], iters, stderr) == 0 ? 0 : 1;
}
