/*
 * main.c — the `tidings` program: dispatches to a subcommand.
 */
#include "cli.h"

#include <stdarg.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: tidings COMMAND [options]\n"
    "\n"
    "Reads news articles and writes sourced, structured facts (tidings/1 JSON Lines).\n"
    "\n"
    "commands:\n"
    "  extract FILE|DIR|- ...   extract facts, one JSON object per article, to stdout\n"
    "  eval LAYER FILE          measure a layer on annotated data (tagger, parser)\n"
    "  train MODEL ...          train a model from a treebank (tagger, parser)\n"
    "  ingest --db PATH FILE|DIR|- ...  extract and store in a knowledge base, merge\n"
    "  merge --db PATH          rebuild a knowledge base's merged tables\n"
    "  query --db PATH KIND     events, quotes, claims, actors, stories, articles\n"
    "  export --db PATH --format gdelt|jsonl|csv [--out DIR]\n"
    "  serve --db PATH          JSON API and web page over a knowledge base\n"
    "  watch --db PATH --rules FILE DIR   ingest new articles, alert on rules\n"
    "  help [COMMAND]           show help\n"
    "\n"
    "Run 'tidings COMMAND --help' for a command's options.\n";

int td_cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "tidings %s: ", cmd);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry 'tidings %s --help'.\n", cmd);
  return 2;
}

void td_cli_storing_malloc(void) {
#ifdef M_ARENA_MAX
  /* Records made on the extraction threads are freed on the writer's, and
   * with glibc's arena a thread their holes never came together: ingest's
   * peak grew with the corpus (--threads 16, bbc 4x 519 MB, 8x 641 MB; the
   * heap itself stays near 360 MB). Two arenas keep it flat (434, 445 MB;
   * with the smaller tagger caches of many threads, 374 MB at 8x) for the
   * same CPU: the extraction threads of an ingest wait on the writer, not
   * on malloc. */
  mallopt(M_ARENA_MAX, 2);
#endif
}

int main(int argc, char **argv) {
#ifdef M_TRIM_THRESHOLD
  /* The program's memory habits, set here and not in the library (which
   * leaves its host's malloc alone): documents are processed eight at a
   * time a thread, and the blocks of their arenas (64 KB to a few MB) are
   * freed together. glibc's own thresholds then gave the heap's top back to
   * the system after nearly every batch and faulted it in again for the
   * next: 11,700 page faults over the bbc corpus at one thread, 2,800 with
   * these (about 0.03 CPU-s of system time; peak RSS unchanged at one and
   * two threads, +12 MB at sixteen). Blocks of 1 MB and more are still
   * mapped and unmapped on their own. */
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
  if (argc < 2) {
    fputs(usage, stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "extract") == 0) return td_cmd_extract(argc - 1, argv + 1);
  if (strcmp(cmd, "eval") == 0) return td_cmd_eval(argc - 1, argv + 1);
  if (strcmp(cmd, "train") == 0) return td_cmd_train(argc - 1, argv + 1);
  if (strcmp(cmd, "ingest") == 0) return td_cmd_ingest(argc - 1, argv + 1);
  if (strcmp(cmd, "merge") == 0) return td_cmd_merge(argc - 1, argv + 1);
  if (strcmp(cmd, "query") == 0) return td_cmd_query(argc - 1, argv + 1);
  if (strcmp(cmd, "export") == 0) return td_cmd_export(argc - 1, argv + 1);
  if (strcmp(cmd, "serve") == 0) return td_cmd_serve(argc - 1, argv + 1);
  if (strcmp(cmd, "watch") == 0) return td_cmd_watch(argc - 1, argv + 1);
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("tidings %s\n", TD_VERSION);
    return 0;
  }
  if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    if (argc > 2) {
      char *sub[] = {argv[2], "--help", NULL};
      if (strcmp(argv[2], "extract") == 0) return td_cmd_extract(2, sub);
      if (strcmp(argv[2], "eval") == 0) return td_cmd_eval(2, sub);
      if (strcmp(argv[2], "train") == 0) return td_cmd_train(2, sub);
      if (strcmp(argv[2], "ingest") == 0) return td_cmd_ingest(2, sub);
      if (strcmp(argv[2], "merge") == 0) return td_cmd_merge(2, sub);
      if (strcmp(argv[2], "query") == 0) return td_cmd_query(2, sub);
      if (strcmp(argv[2], "export") == 0) return td_cmd_export(2, sub);
      if (strcmp(argv[2], "serve") == 0) return td_cmd_serve(2, sub);
      if (strcmp(argv[2], "watch") == 0) return td_cmd_watch(2, sub);
    }
    fputs(usage, stdout);
    return 0;
  }
  fprintf(stderr, "tidings: unknown command '%s'\n\n%s", cmd, usage);
  return 2;
}
