/*
 * ingest.c — `tidings ingest` (extract and store in a knowledge base, then
 * merge) and `tidings merge` (rebuild the merged tables).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpi/shards.h" /* issue 11: tidings merge SHARD... (src/mpi/shards.c) */
#ifdef TD_MPI /* issue 11: the MPI build hands over to src/mpi under mpirun/srun */
#include "mpi/mpi.h"
#endif

static const char help[] =
    "usage: tidings ingest --db PATH [options] FILE|DIR|- ...\n"
    "\n"
    "Extracts articles (as 'tidings extract' does, in parallel) and stores\n"
    "their facts in the knowledge base at PATH (an SQLite file, created when\n"
    "missing), then merges across articles: events, actors, claims, stories,\n"
    "near-duplicate versions. Re-ingesting an article changes nothing; an\n"
    "interrupted ingest keeps what it committed and re-running it finishes.\n"
    "\n"
    "options:\n"
    "  --db PATH              the store (required)\n"
    "  --date YYYY-MM-DD      reference date for articles that carry none\n"
    "  --input-format FMT     text, jsonl, html or warc (default: by name/content)\n"
    "  --threads N            worker threads (default: all cores)\n"
    "  --layers LIST          extra layers to extract: tokens (not stored)\n"
    "  --dict DIR             also load the dictionaries (*.tsv) in DIR; repeatable\n"
    "  --resources PATH       the compiled resource image (default: found)\n"
    "  --no-merge             store only; run 'tidings merge' later\n"
    "  --reextract            extract inputs already stored again (default: an\n"
    "                         input with the same bytes, metadata and resources\n"
    "                         is skipped before extraction; always with --dict)\n"
    "  --progress             progress on stderr (default: when stderr is a terminal)\n"
    "  --quiet                no progress and no summary\n"
    "  -h, --help             this help\n"
    "\n"
    "Exit status: 0 all documents stored, 1 some failed, 2 usage error.\n";

static const char merge_help[] =
    "usage: tidings merge --db PATH\n"
    "\n"
    "Rebuilds the merged tables of a knowledge base (events, actors, claims,\n"
    "stories, versions) from its stored facts. 'tidings ingest' runs it.\n"
    "\n"
    "usage: tidings merge SHARD|DIR... [--db PATH] [--no-merge] [--quiet]\n"
    "\n"
    "The reduce step of a split (MPI) run: the records of the shards (the\n"
    "folder, or shard-R.jsonl files) in input order, stored in PATH and\n"
    "merged (the store a single-process ingest gives), or without --db written\n"
    "to stdout (what a single-process extract writes). Exit status 1 when some\n"
    "input files of the run are not done yet.\n";

/* ingest's own options, beside the shared ones. */
typedef struct {
  const char *db;
  int merge, reextract;
} ingest_args;

static int ingest_opt(void *ctx, int argc, char **argv, int *i) {
  ingest_args *x = ctx;
  const char *a = argv[*i];
  if (strcmp(a, "--db") == 0 && *i + 1 < argc) x->db = argv[++*i];
  else if (strcmp(a, "--no-merge") == 0) x->merge = 0;
  else if (strcmp(a, "--reextract") == 0) x->reextract = 1;
  else return 0;
  return 1;
}

int td_cmd_ingest(int argc, char **argv) {
  td_cli_storing_malloc();
#ifdef TD_MPI /* issue 11: split across MPI ranks (src/mpi/mpi.c) */
  if (td_mpi_launched()) return td_mpi_cmd(argc, argv, 1);
#endif
  td_cli_opts o;
  td_cli_opts_init(&o, argc);
  ingest_args x = {NULL, 1, 0};
  int parsed = td_cli_parse("ingest", help, argc, argv, &o, ingest_opt, &x);
  if (parsed != 0) {
    td_cli_opts_free(&o);
    return parsed == 1 ? 0 : 2;
  }
  const char *db = x.db;
  int merge = x.merge, reextract = x.reextract;
  if (!db) {
    td_cli_opts_free(&o);
    return td_cli_usage_error("ingest", "--db PATH is required");
  }
  if (o.npaths == 0) {
    td_cli_opts_free(&o);
    return td_cli_usage_error("ingest", "no input: give files, directories or -");
  }
  char err[512];
  td_kb *kb = td_kb_open(db, 0, err, sizeof err);
  if (!kb) {
    fprintf(stderr, "tidings: %s\n", err);
    td_cli_opts_free(&o);
    return 2;
  }
  td_engine *eng = td_engine_new(&o.cfg, err, sizeof err);
  if (!eng) {
    fprintf(stderr, "tidings: %s\n", err);
    td_kb_close(kb);
    td_cli_opts_free(&o);
    return 2;
  }
  /* user dictionaries change the facts without changing the resources
   * hash: their inputs are always extracted again */
  if (reextract || o.ndicts) td_kb_set_reextract(kb, 1);
  td_kb_stats st = {0};
  int r = td_kb_ingest(kb, eng, o.paths, o.npaths, o.fmt, o.threads, stderr, o.progress, merge,
                       &st);
  char shown[1024];
  if (!o.quiet)
    fprintf(stderr,
            "tidings: %s: %zu added, %zu replaced, %zu unchanged, %zu failed"
            " (%zu articles, %.1f MB in %.1f s, %.1f articles/s; %zu not extracted again)\n",
            td_kb_redact(db, shown, sizeof shown), st.added, st.replaced, st.unchanged, st.failed, st.docs, st.bytes / 1e6, st.seconds,
            st.seconds > 0 ? st.docs / st.seconds : 0.0, st.skipped);
  td_engine_free(eng);
  td_kb_close(kb);
  td_cli_opts_free(&o);
  return r != 0 ? 1 : 0;
}

int td_cmd_merge(int argc, char **argv) {
  const char *db = NULL;
  /* issue 11: shard arguments make this the reduce step of a split run */
  const char **shards = calloc((size_t)argc + 1, sizeof *shards);
  size_t nshards = 0;
  int no_merge = 0, quiet = 0;
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] != '-' || strcmp(argv[i], "--no-merge") == 0 || strcmp(argv[i], "--quiet") == 0) {
      if (argv[i][0] != '-') shards[nshards++] = argv[i];
      else if (argv[i][2] == 'n') no_merge = 1;
      else quiet = 1;
      continue;
    }
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      fputs(merge_help, stdout);
      free(shards);
      return 0;
    } else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
      db = argv[++i];
    } else {
      free(shards);
      return td_cli_usage_error("merge", "unknown argument '%s'", argv[i]);
    }
  }
  if (nshards) {
    int src = td_shards_merge_cmd(shards, nshards, db, no_merge, quiet);
    free(shards);
    return src;
  }
  free(shards);
  if (!db) return td_cli_usage_error("merge", "--db PATH is required");
  char err[512];
  td_kb *kb = td_kb_open(db, 0, err, sizeof err);
  if (!kb) {
    fprintf(stderr, "tidings: %s\n", err);
    return 2;
  }
  int rc = td_kb_merge(kb, err, sizeof err);
  if (rc != 0) fprintf(stderr, "tidings: merge: %s\n", err);
  td_kb_close(kb);
  return rc != 0 ? 1 : 0;
}
