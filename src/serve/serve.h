/*
 * serve.h — private header of `tidings serve` (src/serve): the HTTP server
 * (serve.c, GNU libmicrohttpd) and the JSON API over a knowledge base
 * (api.c, read-only SQLite). See docs/API.md.
 */
#ifndef TD_SERVE_H
#define TD_SERVE_H

#include "core/core.h"

#include <stdio.h>

typedef struct td_serve_opts {
  const char *db;     /* knowledge base (SQLite file), opened read-only */
  const char *listen; /* address to bind; NULL: 127.0.0.1 */
  int port;           /* 0: 8080 */
  const char *web;    /* directory of the page; NULL: the default */
  int threads;        /* 0: one per CPU, at least 2 */
  int max_conn;       /* 0: 512 */
  int query_ms;       /* per-query time budget; 0: 2000 */
  int idle_s;         /* connection idle timeout in seconds; 0: 15 */
  int quiet;          /* no start-up line */
  int no_cache;       /* answer every request from the database */
  const char *port_file; /* when set, the bound port is written there */
} td_serve_opts;

/* Serves until SIGINT or SIGTERM. 0 on a clean stop, 1 when the server
 * could not start (message on err). */
int td_serve_run(const td_serve_opts *o, FILE *err);

/* ---- api.c ---- */

/* One read-only connection with its statement cache; one per server
 * thread (a connection is never shared between threads). */
typedef struct td_api td_api;

/* Looks up a decoded query-string argument by name (NULL when absent). */
typedef const char *(*td_api_arg_fn)(void *ctx, const char *name);

td_api *td_api_open(const char *db, int query_ms, char *err, size_t errlen);
void td_api_close(td_api *a);

/* Answers GET path (starting with "/api/") into out as JSON; returns the
 * HTTP status. Argument values must already be checked as valid UTF-8. */
int td_api_handle(td_api *a, const char *path, td_api_arg_fn arg, void *ctx, td_buf *out);

/* As td_api_handle, answering 200s from a per-connection cache keyed by
 * key (the path and its arguments), emptied whenever the store changes
 * (SQLite's data_version). key NULL: no cache. */
int td_api_respond(td_api *a, const char *key, const char *path, td_api_arg_fn arg, void *ctx,
                   td_buf *out);
/* Turns the response cache on (default) or off. */
void td_api_set_cache(td_api *a, int on);

/* 1 when name is a query-string argument some endpoint accepts. */
int td_api_known_arg(const char *name);

/* Writes {"error":{"status":S,"message":M}} into out (replacing it). */
void td_api_error(td_buf *out, int status, const char *msg);

#endif
