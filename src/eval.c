/*
 * eval.c — one entry point for measuring any layer on annotated data in
 * its standard format, and for reproducing the shipped models: the
 * library side of `tidings eval` and `tidings train`.
 */
#include "doc.h"
#include "extract/actors.h"
#include "extract/events.h"
#include "extract/places.h"
#include "extract/quotes.h"
#include "extract/times.h"
#include "lang/parser.h"
#include "lang/train.h"

#include <string.h>

/* Layers that score a file or folder with the loaded engine. */
static const struct {
  const char *name;
  int (*run)(const td_engine *, const char *, FILE *);
} evals[] = {
    {"tagger", td_eval_tagger}, {"times", td_eval_times},   {"ner", td_eval_ner},
    {"quotes", td_eval_quotes}, {"geo", td_eval_geo},       {"events", td_eval_events},
};

int td_eval(const td_engine *eng, const char *layer, const char *path,
            unsigned flags, FILE *out) {
  if (strcmp(layer, "parser") == 0)
    return td_eval_parser(eng, path, (flags & TD_EVAL_GOLD_TAGS) != 0, out);
  for (size_t i = 0; i < sizeof evals / sizeof evals[0]; i++)
    if (strcmp(evals[i].name, layer) == 0) return evals[i].run(eng, path, out);
  return -2;
}

int td_train(const char *model, const char *train, const char *dev,
             const char *out, int iters, FILE *log) {
  if (strcmp(model, "tagger") == 0) return td_tagger_train(train, dev, out, iters, log);
  if (strcmp(model, "parser") == 0) return td_parser_train(train, dev, out, iters, log);
  return -2;
}
