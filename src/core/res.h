/*
 * res.h — the compiled resource image: one file of named sections (word
 * lists, tagger and parser models, dictionaries, gazetteer), built at `make`
 * time by tools/mkres and memory-mapped read-only at start, shared by every
 * thread. Each layer owns the format of its own sections.
 *
 * File layout (little-endian):
 *   "TDRES001"  u32 nsections  u32 reserved
 *   nsections x { char name[48]; u64 offset; u64 length; }
 *   section data, each starting at an 16-byte aligned offset
 */
#ifndef TD_RES_H
#define TD_RES_H

#include <stddef.h>
#include <stdint.h>

typedef struct td_res td_res;

/* Maps the image at path. NULL on failure with a message in err. */
td_res *td_res_open(const char *path, char *err, size_t errlen);
void td_res_close(td_res *r);
/* The bytes of section `name`, or NULL when absent. */
const void *td_res_get(const td_res *r, const char *name, size_t *len);
/* sha256 hex of the whole image. */
const char *td_res_hash(const td_res *r);

/* ---- writer, used by tools/mkres ---- */
typedef struct td_resw td_resw;
td_resw *td_resw_new(void);
/* Adds a copy of data as section name (at most 47 bytes). */
void td_resw_add(td_resw *w, const char *name, const void *data, size_t len);
/* Writes the image; 0 on success. Frees w. */
int td_resw_finish(td_resw *w, const char *path);

#endif
