/*
 * serve.c — `tidings serve`: the JSON API and web page over a knowledge
 * base (src/serve). Parses flags and runs the server until interrupted.
 */
#include "cli.h"
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: tidings serve --db PATH [options]\n"
    "\n"
    "Serves a JSON API (/api/...) and a web page (timeline, actor network, map,\n"
    "quotations, claims, stories, articles) over a knowledge base built with\n"
    "'tidings ingest'. The store is opened read-only; ingest may keep writing.\n"
    "See docs/API.md.\n"
    "\n"
    "options:\n"
    "  --db PATH          the knowledge base (SQLite file)\n"
    "  --port N           TCP port (default 8080; 0 picks a free one)\n"
    "  --listen ADDR      address to bind (default 127.0.0.1, loopback only)\n"
    "  --web DIR          the page's files (default: ./web or the installed copy)\n"
    "  --threads N        server threads, one database connection each (default: cores)\n"
    "  --max-connections N  concurrent connections (default 512)\n"
    "  --query-ms N       time budget of one database query (default 2000)\n"
    "  --idle-timeout S   drop a connection idle (or sending too slowly) for S seconds\n"
    "                     (default 15)\n"
    "  --port-file PATH   write the bound port there once listening\n"
    "  --no-cache         answer every request from the database (no response cache)\n"
    "  --quiet            no start-up line\n"
    "  -h, --help         this help\n"
    "\n"
    "Stops on SIGINT or SIGTERM. Exit status: 0 stopped, 1 could not start, 2 usage.\n";

static int parse_int(const char *s, int lo, int hi, int *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < lo || v > hi) return -1;
  *out = (int)v;
  return 0;
}

int td_cmd_serve(int argc, char **argv) {
  td_serve_opts o;
  memset(&o, 0, sizeof o);
  o.port = 8080;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(help, stdout);
      return 0;
    }
    if (strcmp(a, "--quiet") == 0) {
      o.quiet = 1;
      continue;
    }
    if (strcmp(a, "--no-cache") == 0) {
      o.no_cache = 1;
      continue;
    }
    if (!v) return td_cli_usage_error("serve", "unknown option or missing value: %s", a);
    i++;
    if (strcmp(a, "--db") == 0) o.db = v;
    else if (strcmp(a, "--listen") == 0) o.listen = v;
    else if (strcmp(a, "--web") == 0) o.web = v;
    else if (strcmp(a, "--port-file") == 0) o.port_file = v;
    else if (strcmp(a, "--port") == 0) {
      if (parse_int(v, 0, 65535, &o.port)) return td_cli_usage_error("serve", "bad port: %s", v);
    } else if (strcmp(a, "--threads") == 0) {
      if (parse_int(v, 1, 64, &o.threads))
        return td_cli_usage_error("serve", "--threads takes 1 to 64");
    } else if (strcmp(a, "--max-connections") == 0) {
      if (parse_int(v, 1, 100000, &o.max_conn))
        return td_cli_usage_error("serve", "bad --max-connections: %s", v);
    } else if (strcmp(a, "--query-ms") == 0) {
      if (parse_int(v, 1, 600000, &o.query_ms))
        return td_cli_usage_error("serve", "bad --query-ms: %s", v);
    } else if (strcmp(a, "--idle-timeout") == 0) {
      if (parse_int(v, 1, 3600, &o.idle_s))
        return td_cli_usage_error("serve", "bad --idle-timeout: %s", v);
    } else
      return td_cli_usage_error("serve", "unknown option: %s", a);
  }
  if (!o.db) return td_cli_usage_error("serve", "--db PATH is required");
  if (td_kb_is_pg_url(o.db))
    return td_cli_usage_error("serve", "serve reads SQLite stores only; "
                              "ingest into a file (--db kb.sqlite) to serve it");
  return td_serve_run(&o, stderr);
}
