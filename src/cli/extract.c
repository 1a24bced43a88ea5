/*
 * extract.c — `tidings extract`: reads articles, writes tidings/1 JSON Lines.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef TD_MPI /* issue 11: the MPI build hands over to src/mpi under mpirun/srun */
#include "mpi/mpi.h"
#endif

static const char help[] =
    "usage: tidings extract [options] FILE|DIR|- ...\n"
    "\n"
    "Reads articles and writes one tidings/1 JSON object per article to stdout,\n"
    "in input order. Files: .txt (one article), .jsonl/.ndjson (one article a\n"
    "line: id, text or html, title, date, source, url), .html/.htm, .warc and\n"
    ".warc.gz (each HTML response record). Directories are walked in sorted\n"
    "order; - reads stdin (format sniffed, or --input-format).\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD      reference date for articles that carry none\n"
    "  --input-format FMT     text, jsonl, html or warc (default: by name/content)\n"
    "  --threads N            worker threads (default: all cores)\n"
    "  --layers LIST          extra layers to write: tokens\n"
    "  --dict DIR             also load the dictionaries (*.tsv) in DIR; repeatable\n"
    "  --resources PATH       the compiled resource image (default: found)\n"
    "  --progress             progress on stderr (default: when stderr is a terminal)\n"
    "  --quiet                no progress\n"
    "  -h, --help             this help\n"
    "\n"
    "A document that cannot be read gets a line on stderr and is skipped; the\n"
    "others still come out. Exit status: 0 all documents extracted, 1 some\n"
    "failed, 2 usage error.\n";

int td_cmd_extract(int argc, char **argv) {
#ifdef TD_MPI /* issue 11: split across MPI ranks (src/mpi/mpi.c) */
  if (td_mpi_launched()) return td_mpi_cmd(argc, argv, 0);
#endif
  td_cli_opts o;
  td_cli_opts_init(&o, argc);
  int parsed = td_cli_parse("extract", help, argc, argv, &o, NULL, NULL);
  if (parsed != 0) {
    td_cli_opts_free(&o);
    return parsed == 1 ? 0 : 2;
  }
  if (o.npaths == 0) {
    td_cli_opts_free(&o);
    return td_cli_usage_error("extract", "no input: give files, directories or -");
  }
  char err[512];
  td_engine *eng = td_engine_new(&o.cfg, err, sizeof err);
  if (!eng) {
    fprintf(stderr, "tidings: %s\n", err);
    td_cli_opts_free(&o);
    return 2;
  }
  td_run_stats st;
  int rc = td_extract_run(eng, o.paths, o.npaths, o.fmt, o.threads, stdout, stderr,
                          o.progress, &st);
  td_engine_free(eng);
  td_cli_opts_free(&o);
  return rc != 0 ? 1 : 0;
}
