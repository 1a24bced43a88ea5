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
    "  --resources PATH       the compiled resource image (default: found)\n"
    "  --no-merge             store only; run 'tidings merge' later\n"
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

static int valid_date(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  int m = atoi(s + 5), d = atoi(s + 8);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int td_cmd_ingest(int argc, char **argv) {
#ifdef TD_MPI /* issue 11: split across MPI ranks (src/mpi/mpi.c) */
  if (td_mpi_launched()) return td_mpi_cmd(argc, argv, 1);
#endif
  td_config cfg = {0};
  td_format fmt = TD_FMT_AUTO;
  int threads = 0, progress = isatty(2), quiet = 0, merge = 1;
  const char *db = NULL;
  const char **paths = calloc((size_t)argc + 1, sizeof *paths);
  size_t npaths = 0;
  int rc = 2;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(help, stdout);
      free(paths);
      return 0;
    } else if (strcmp(a, "--db") == 0 && v) {
      db = v, i++;
    } else if (strcmp(a, "--date") == 0 && v) {
      if (!valid_date(v)) {
        free(paths);
        return td_cli_usage_error("ingest", "--date wants YYYY-MM-DD, not '%s'", v);
      }
      cfg.default_date = v, i++;
    } else if (strcmp(a, "--input-format") == 0 && v) {
      if (strcmp(v, "text") == 0 || strcmp(v, "txt") == 0) fmt = TD_FMT_TEXT;
      else if (strcmp(v, "jsonl") == 0 || strcmp(v, "ndjson") == 0) fmt = TD_FMT_JSONL;
      else if (strcmp(v, "html") == 0) fmt = TD_FMT_HTML;
      else if (strcmp(v, "warc") == 0) fmt = TD_FMT_WARC;
      else if (strcmp(v, "auto") == 0) fmt = TD_FMT_AUTO;
      else {
        free(paths);
        return td_cli_usage_error("ingest", "unknown input format '%s'", v);
      }
      i++;
    } else if (strcmp(a, "--threads") == 0 && v) {
      char *end;
      long n = strtol(v, &end, 10);
      if (*end || n < 0 || n > 256) {
        free(paths);
        return td_cli_usage_error("ingest", "--threads wants 0..256, not '%s'", v);
      }
      threads = (int)n, i++;
    } else if (strcmp(a, "--resources") == 0 && v) {
      cfg.resources = v, i++;
    } else if (strcmp(a, "--no-merge") == 0) {
      merge = 0;
    } else if (strcmp(a, "--progress") == 0) {
      progress = 1;
    } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
      progress = 0, quiet = 1;
    } else if (a[0] == '-' && a[1]) {
      free(paths);
      return td_cli_usage_error("ingest", "unknown option '%s'%s", a,
                                v || a[1] != '-' ? "" : " (or it wants a value)");
    } else {
      paths[npaths++] = a;
    }
  }
  if (!db) {
    free(paths);
    return td_cli_usage_error("ingest", "--db PATH is required");
  }
  if (npaths == 0) {
    free(paths);
    return td_cli_usage_error("ingest", "no input: give files, directories or -");
  }
  char err[512];
  td_kb *kb = td_kb_open(db, 0, err, sizeof err);
  if (!kb) {
    fprintf(stderr, "tidings: %s\n", err);
    free(paths);
    return 2;
  }
  td_engine *eng = td_engine_new(&cfg, err, sizeof err);
  if (!eng) {
    fprintf(stderr, "tidings: %s\n", err);
    td_kb_close(kb);
    free(paths);
    return 2;
  }
  td_kb_stats st = {0};
  int r = td_kb_ingest(kb, eng, paths, npaths, fmt, threads, stderr, progress, merge, &st);
  if (!quiet)
    fprintf(stderr,
            "tidings: %s: %zu added, %zu replaced, %zu unchanged, %zu failed"
            " (%zu articles, %.1f MB in %.1f s, %.1f articles/s)\n",
            db, st.added, st.replaced, st.unchanged, st.failed, st.docs, st.bytes / 1e6, st.seconds,
            st.seconds > 0 ? st.docs / st.seconds : 0.0);
  rc = r != 0 ? 1 : 0;
  td_engine_free(eng);
  td_kb_close(kb);
  free(paths);
  return rc;
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
