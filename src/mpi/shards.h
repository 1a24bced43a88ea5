/*
 * shards.h — shard files of a split run (issue 11) and the reduce step that
 * puts them back together. A split run (the MPI driver, src/mpi/mpi.c)
 * writes, in one output folder DIR:
 *
 *   DIR/files.txt           every input file of the run, one path a line, in
 *                           the order a single-process run reads them
 *   DIR/shard-RRRR.jsonl    rank RRRR's tidings/1 records (JSON Lines), named
 *                           shard-RRRR.jsonl.part until the rank has finished
 *   DIR/shard-RRRR.done     its manifest: one line per completed input file,
 *                           "START END PATH": the byte range of that file's
 *                           records in the shard. Written only after the
 *                           records; both fsync'd once a second and at the end.
 *
 * Everything after the last manifest line of a shard is the unfinished file
 * of a rank that died: a re-run truncates it and redoes that file. The
 * reduce reads the manifests, orders the completed files as files.txt lists
 * them and copies each file's records: the result is byte for byte what a
 * single-process run writes. None of this needs MPI; the reduce is in the
 * plain build too (`tidings merge DIR [--db PATH]`).
 */
#ifndef TD_SHARDS_H
#define TD_SHARDS_H

#include "tidings.h"

#include <stdio.h>

#define TD_SHARD_LIST "files.txt"

/* ---- writer (one per rank) ---- */
typedef struct td_shard td_shard;

/* Opens rank's shard in dir for appending: renames a finished shard back to
 * its .part name, cuts off whatever follows the last completed file (and a
 * torn manifest line). NULL with err set on failure. */
td_shard *td_shard_open(const char *dir, int rank, char *err, size_t errlen);

/* The stream the records go to (one JSON object and '\n' each). */
FILE *td_shard_stream(td_shard *sh);

/* Marks the records written since the previous call as input file path's:
 * flushes the records, then appends and flushes the manifest line (both
 * fsync'd when the last fsync is a second old). 0, or -1 with err set. */
int td_shard_file_done(td_shard *sh, const char *path, char *err, size_t errlen);

/* Closes the shard, renaming it to its final name. 0, or -1 with err set
 * (the shard is closed either way). */
int td_shard_close(td_shard *sh, char *err, size_t errlen);

/* ---- coordinator ---- */

/* Finishes the shards of ranks >= from_rank left unfinished (.part) by an
 * earlier, larger run, as their ranks would have: cuts what follows their
 * last completed file and gives them their final name. Messages to err. */
void td_shards_seal(const char *dir, int from_rank, FILE *err);

/* Writes dir/files.txt (atomically) or, when it exists, checks that it
 * lists the same files: 0, 1 when it lists others, -1 on error (err set). */
int td_shards_check_list(const char *dir, char *const *files, size_t n, char *err,
                         size_t errlen);

/* The input paths recorded as completed in every manifest in dir, sorted
 * (for bsearch with td_shards_cmp). *n receives the count. Free with
 * td_shards_free_list. */
char **td_shards_done(const char *dir, size_t *n);
int td_shards_cmp(const void *a, const void *b);
void td_shards_free_list(char **list, size_t n);

/* ---- reduce ----
 * items: shard folders, or shard files (shard-R.jsonl, .jsonl.part, .done).
 * Writes every completed file's records in input order: to out when kb is
 * NULL, else stores each record with td_kb_add_json (no commit, no merge).
 * Returns 0 when every file listed in files.txt is done, 1 when some are
 * missing (what exists is still written; a message says how many), -1 on
 * an error (message on err). *nrec receives the number of records. */
int td_shards_reduce(const char *const *items, size_t n, td_kb *kb, FILE *out, FILE *err,
                     size_t *nrec);

/* `tidings merge SHARD... [--db PATH]`: reduces into the store at db (then
 * merges unless no_merge) or, db NULL, to stdout. Exit status. */
int td_shards_merge_cmd(const char *const *items, size_t n, const char *db, int no_merge,
                        int quiet);

#endif
