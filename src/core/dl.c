/*
 * dl.c — libraries opened when first needed (dlopen), not linked: the
 * PostgreSQL client (a postgresql:// store) and the HTTP server (serve).
 *
 * Linked, they and the libraries they pull in (TLS, Kerberos, LDAP, SASL:
 * 20 more) were mapped, relocated and initialized at every start of every
 * command: 3.6 ms of the 12 ms that `extract` of a one-line document took
 * (perf, issue 11: `tidings --version` 4.6 ms, 540 page faults; a program
 * linked with libpq alone starts in 3.1 ms, with neither in 0.8).
 */
#include "core.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

int td_dl_load(td_dl_lib *lib, char *err, size_t errlen) {
  pthread_mutex_lock(&lib->lock);
  if (!lib->tried) {
    lib->tried = 1;
    void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
    if (!h)
      snprintf(lib->why, sizeof lib->why, "%s", dlerror());
    for (size_t i = 0; h && i < lib->nsyms; i++) {
      void *f = dlsym(h, lib->syms[i].name);
      if (!f) {
        snprintf(lib->why, sizeof lib->why, "%s: no %s", lib->soname, lib->syms[i].name);
        h = NULL; /* left loaded: dlclose could not undo what it started */
        break;
      }
      memcpy(lib->syms[i].fn, &f, sizeof f); /* POSIX: a function's address */
    }
    lib->ok = h != NULL;
  }
  int ok = lib->ok;
  pthread_mutex_unlock(&lib->lock);
  if (!ok) snprintf(err, errlen, "%s needs %s (%s)", lib->needed_by, lib->soname, lib->why);
  return ok ? 0 : -1;
}
