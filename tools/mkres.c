/*
 * mkres.c — builds the resource image (build/tidings.res) that tidings
 * memory-maps at start: every section a layer needs, from the reviewable
 * data files under data/ and from Debian's word lists and WordNet.
 *
 *   mkres OUT.res DATADIR
 *
 * Each layer contributes a builder below; a builder adds its sections with
 * td_resw_add() and returns 0, or prints why it failed and returns -1.
 */
#include "core/core.h"
#include "core/res.h"
#include "lang/matcher.h"
#include "lang/parser.h"
#include "lang/rules.h"
#include "lang/train.h"
#include "extract/places.h"

#include <glob.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*builder)(td_resw *w, const char *datadir);

/* Copies a file into a section; a missing optional file is skipped. */
static int add_file(td_resw *w, const char *name, const char *path, int optional) {
  td_buf b = TD_BUF_INIT;
  if (td_buf_read_file(&b, path) != 0) {
    td_buf_free(&b);
    if (optional) return 0;
    fprintf(stderr, "mkres: cannot read %s\n", path);
    return -1;
  }
  td_resw_add(w, name, b.ptr ? b.ptr : "", b.len);
  td_buf_free(&b);
  return 0;
}

static int build_version(td_resw *w, const char *datadir) {
  (void)datadir;
  td_resw_add(w, "version", "tidings-resources-1", 19);
  return 0;
}

/* The shared dictionary matcher's table: every data/LAYER/NAME.dict.tsv file. */
static int build_dict(td_resw *w, const char *datadir) {
  char pat[4096], err[512];
  snprintf(pat, sizeof pat, "%s/*/*.dict.tsv", datadir);
  glob_t g;
  int grc = glob(pat, 0, NULL, &g);
  td_dictb *b = td_dictb_new();
  for (size_t i = 0; grc == 0 && i < g.gl_pathc; i++)
    if (td_dictb_add_tsv(b, g.gl_pathv[i], err, sizeof err) != 0) {
      fprintf(stderr, "mkres: %s\n", err);
      globfree(&g);
      free(td_dictb_finish(b, &(size_t){0}));
      return -1;
    }
  if (grc == 0) globfree(&g);
  size_t len;
  void *img = td_dictb_finish(b, &len);
  td_resw_add(w, "dict", img, len);
  free(img);
  return 0;
}

/* ---- built-in rules (lang/rules.c): every data/LAYER/NAME.rules file,
 * checked here (a bad pattern fails the build with FILE: line L, column C),
 * stored as text in section "rules": "PATH\0TEXT\0" per file, sorted by
 * path, compiled when the engine starts. A rule of data/LAYER/ must be
 * named "LAYER.something", and no two files may define the same name. ---- */
static int build_rules(td_resw *w, const char *datadir) {
  char pat[4096], err[512];
  snprintf(pat, sizeof pat, "%s/*/*.rules", datadir);
  glob_t g;
  int grc = glob(pat, 0, NULL, &g), rc = 0;
  td_buf out = TD_BUF_INIT;
  td_rules *all = td_rules_compile(NULL, err, sizeof err);
  for (size_t i = 0; grc == 0 && i < g.gl_pathc && rc == 0; i++) {
    const char *path = g.gl_pathv[i];
    td_buf b = TD_BUF_INIT;
    if (td_buf_read_file(&b, path) != 0) {
      fprintf(stderr, "mkres: cannot read %s\n", path);
      rc = -1;
    }
    td_buf_putc(&b, 0);
    td_rules *one = rc == 0 ? td_rules_compile(NULL, err, sizeof err) : NULL;
    if (one && td_rules_add_text(one, b.ptr, path, err, sizeof err) != 0) {
      fprintf(stderr, "mkres: %s\n", err);
      rc = -1;
    }
    /* the layer is the folder name: data/LAYER/NAME.rules */
    const char *end = strrchr(path, '/'), *beg = end;
    while (beg && beg > path && beg[-1] != '/') beg--;
    size_t before = td_rules_count(all);
    if (rc == 0) td_rules_add_text(all, b.ptr, path, err, sizeof err);
    if (rc == 0 && td_rules_count(all) != before + td_rules_count(one)) {
      fprintf(stderr, "mkres: %s: a rule name is also defined in an earlier *.rules file\n", path);
      rc = -1;
    }
    if (rc == 0 && end && td_rules_count(one) > 0) {
      char layer[256];
      snprintf(layer, sizeof layer, "%.*s", (int)(end - beg), beg);
      if (td_rules_layer_count(one, layer) != td_rules_count(one)) {
        fprintf(stderr, "mkres: %s: every rule here must be named %s.NAME\n", path, layer);
        rc = -1;
      }
    }
    td_rules_free(one);
    if (rc == 0) {
      td_buf_put(&out, path, strlen(path) + 1);
      td_buf_put(&out, b.ptr, strlen(b.ptr) + 1);
    }
    td_buf_free(&b);
  }
  if (grc == 0) globfree(&g);
  td_rules_free(all);
  if (rc == 0) td_resw_add(w, "rules", out.ptr ? out.ptr : "", out.len);
  td_buf_free(&out);
  return rc;
}

/* ---- words (text/words.c): the word list and frequencies for repair ---- */

typedef struct {
  char *key;
  uint32_t count, known;
} wentry;
typedef struct {
  wentry *e;
  size_t cap, n;
} wtable;

static wentry *wt_slot(wtable *t, const char *k, size_t n) {
  size_t i = (size_t)td_hash64(k, n) & (t->cap - 1);
  while (t->e[i].key && !(strlen(t->e[i].key) == n && memcmp(t->e[i].key, k, n) == 0))
    i = (i + 1) & (t->cap - 1);
  return &t->e[i];
}

static wentry *wt_get(wtable *t, const char *k, size_t n) {
  if ((t->n + 1) * 2 > t->cap) {
    wtable g = {td_xcalloc(t->cap * 2, sizeof(wentry)), t->cap * 2, 0};
    for (size_t i = 0; i < t->cap; i++)
      if (t->e[i].key) *wt_slot(&g, t->e[i].key, strlen(t->e[i].key)) = t->e[i], g.n++;
    free(t->e);
    *t = g;
  }
  wentry *e = wt_slot(t, k, n);
  if (!e->key) e->key = td_xstrndup(k, n), t->n++;
  return e;
}

/* Adds each line's word (up to a '/' in hunspell files), lowercased. */
static void words_from_list(wtable *t, const char *path, int skip_first) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "mkres: note: no %s (word list skipped)\n", path);
    return;
  }
  char line[512];
  for (int ln = 0; fgets(line, sizeof line, f); ln++) {
    if (ln == 0 && skip_first) continue;
    size_t n = strcspn(line, "/\t\r\n");
    if (n == 0 || n > 255) continue;
    char low[256];
    td_lower_ascii(low, sizeof low, line, n);
    for (size_t i = 0; i < n; i++)
      if (low[i] == ' ') n = 0; /* no multi-word entries */
    if (n) wt_get(t, low, n)->known = 1;
  }
  fclose(f);
}

static int build_words(td_resw *w, const char *datadir) {
  wtable t = {td_xcalloc(1 << 16, sizeof(wentry)), 1 << 16, 0};
  uint32_t total = 0;
  char path[4096];
  snprintf(path, sizeof path, "%s/words/ewt-freq.tsv", datadir);
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "mkres: cannot read %s\n", path);
    return -1;
  }
  char line[1024];
  while (fgets(line, sizeof line, f)) {
    char *tab = strchr(line, '\t');
    if (!tab || tab == line || tab - line > 255) continue;
    uint32_t c = (uint32_t)strtoul(tab + 1, NULL, 10);
    if (strncmp(line, "#total\t", 7) == 0) { total = c; continue; }
    wentry *e = wt_get(&t, line, (size_t)(tab - line));
    e->count += c;
    if (!memchr(line, ' ', (size_t)(tab - line))) e->known = 1;
  }
  fclose(f);
  words_from_list(&t, "/usr/share/dict/words", 0);
  words_from_list(&t, "/usr/share/hunspell/en_US.dic", 1);
  /* The image's table: a power of 2 of slots, at most 70% full. */
  uint32_t nslots = 1;
  while ((size_t)nslots * 7 < t.n * 10) nslots <<= 1;
  uint32_t *slots = td_xcalloc((size_t)nslots * 2, sizeof(uint32_t));
  td_buf pool = TD_BUF_INIT;
  td_buf_putc(&pool, 0);
  for (size_t i = 0; i < t.cap; i++) {
    wentry *e = &t.e[i];
    if (!e->key) continue;
    size_t n = strlen(e->key);
    uint32_t j = (uint32_t)td_hash64(e->key, n) & (nslots - 1);
    while (slots[2 * j]) j = (j + 1) & (nslots - 1);
    slots[2 * j] = (uint32_t)pool.len;
    slots[2 * j + 1] = 10 * e->count + (e->known ? 3 : 0);
    td_buf_putc(&pool, (int)n);
    td_buf_put(&pool, e->key, n);
    free(e->key);
  }
  td_buf out = TD_BUF_INIT;
  uint32_t head[4] = {0, nslots, (uint32_t)t.n, total};
  memcpy(&head[0], "TDW1", 4);
  td_buf_put(&out, head, sizeof head);
  td_buf_put(&out, slots, (size_t)nslots * 8);
  td_buf_put(&out, pool.ptr, pool.len);
  td_resw_add(w, "words", out.ptr, out.len);
  td_buf_free(&out);
  td_buf_free(&pool);
  free(slots);
  free(t.e);
  return 0;
}

/* Quantities: the unit table, copied as it is (the quotation cues are
 * rules: data/quotes/cues.rules in the rules section). */
static int build_quotes(td_resw *w, const char *datadir) {
  char p[4096];
  snprintf(p, sizeof p, "%s/units.tsv", datadir);
  return add_file(w, "units", p, 1);
}

/* ---- places (extract/places.c): the gazetteer ----
 * data/places/gazetteer.tsv (generated by tools/gen_gazetteer.js) and the
 * hand-kept data/places/curated.tsv become section "places" (fixed-size
 * records and a string pool, see extract/places.h) and "places.dict" (every
 * name and alias -> class "place", payload the record index). */
static uint32_t pl_str(td_buf *pool, const char *s) {
  uint32_t off = (uint32_t)pool->len;
  td_buf_put(pool, s, strlen(s) + 1);
  return off;
}

static int pl_all_upper(const char *s) {
  int letters = 0;
  for (; *s; s++) {
    if (*s >= 'a' && *s <= 'z') return 0;
    if (*s >= 'A' && *s <= 'Z') letters++;
  }
  return letters > 0;
}

static void pl_alias(td_dictb *b, const char *name, uint32_t idx, const char *cls) {
  char pay[16];
  snprintf(pay, sizeof pay, "%u", idx);
  if (*name) td_dictb_add(b, name, cls, pay, pl_all_upper(name) ? TD_DICT_CASE : 0);
}

/* Whether ALT spells NAME with plain letters for accented ones
 * ("Reunion" for "Réunion"): each non-ASCII character of NAME stands for
 * one ASCII letter of ALT. */
static int pl_plain_spelling(const char *alt, const char *name) {
  while (*alt && *name) {
    if ((unsigned char)*name >= 0x80) {
      if (!((*alt >= 'a' && *alt <= 'z') || (*alt >= 'A' && *alt <= 'Z'))) return 0;
      name++;
      while (((unsigned char)*name & 0xC0) == 0x80) name++;
      alt++;
    } else if (*alt++ != *name++) {
      return 0;
    }
  }
  return !*alt && !*name;
}

/* Whether a country's alternative spelling from world-countries is also
 * an English word or a person's name ("Island" for Iceland, "Mann" for the
 * Isle of Man, "Emirates"): one word, not the country's name in plain
 * letters, whose lowercase form is in COMMON (see pl_common). Such a
 * spelling would read "Island Records" or "Thomas Mann" as the country. */
static int pl_common_alt(wtable *common, const char *alt, const char *name) {
  char low[64];
  size_t n = strlen(alt);
  if (!common || n >= sizeof low || strpbrk(alt, " -") || pl_plain_spelling(alt, name)) return 0;
  td_lower_ascii(low, sizeof low, alt, n);
  size_t i = (size_t)td_hash64(low, n) & (common->cap - 1);
  for (; common->e[i].key; i = (i + 1) & (common->cap - 1))
    if (strcmp(common->e[i].key, low) == 0) return 1;
  return 0;
}

/* The words that no country's alternative spelling may be: the lowercase
 * words of the system word list (TD_WORDS_FILE, "island", "emirates"),
 * the words seen at least twice in data/words/ewt-freq.tsv (lowercased
 * there: "mann", and country adjectives such as "thai", which stay
 * adjectives through the '%' rows) and the given names of
 * data/actors/given-names.dict.tsv. A missing file adds nothing. */
static void pl_common(wtable *t, const char *datadir) {
  char p[4096], line[512];
  FILE *f = fopen(TD_WORDS_FILE, "r");
  while (f && fgets(line, sizeof line, f)) {
    size_t n = strcspn(line, "\r\n");
    if (n && n < 64 && line[0] >= 'a' && line[0] <= 'z') wt_get(t, line, n);
  }
  if (f) fclose(f);
  snprintf(p, sizeof p, "%s/words/ewt-freq.tsv", datadir);
  f = fopen(p, "r");
  while (f && fgets(line, sizeof line, f)) {
    size_t n = strcspn(line, "\t");
    if (line[n] == '\t' && n < 64 && !memchr(line, ' ', n) && line[0] != '#' &&
        atol(line + n + 1) >= 2)
      wt_get(t, line, n);
  }
  if (f) fclose(f);
  snprintf(p, sizeof p, "%s/actors/given-names.dict.tsv", datadir);
  f = fopen(p, "r");
  while (f && fgets(line, sizeof line, f)) {
    size_t n = strcspn(line, "\t\r\n");
    char low[64];
    if (line[0] == '#' || n == 0 || n >= sizeof low) continue;
    td_lower_ascii(low, sizeof low, line, n);
    wt_get(t, low, n);
  }
  if (f) fclose(f);
}

/* The Arabic-speaking countries (as tools/gen_gazetteer.js lists them for
 * the short forms), whose towns English news spells in many ways. */
static int pl_arabic(const char *cc3) {
  static const char *const arabic[] = {"DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT",
                                       "LBN", "LBY", "MRT", "MAR", "OMN", "PSE", "QAT", "SAU",
                                       "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", NULL};
  for (const char *const *a = arabic; *a; a++)
    if (strcmp(*a, cc3) == 0) return 1;
  return 0;
}

/* Adds to vb the transliteration key (td_place_translit) of name, a
 * spelling of record idx, a town of an Arabic-speaking country of 10,000
 * people or a seat of no recorded people (`Al Qamishli`). (The places
 * layer looks up no word of the word lists by it: `Eden` has Aden's key.) */
static void pl_variant(td_buf *vb, const td_gaz_rec *r, const char *name, uint32_t idx) {
  char key[128];
  if (!vb || !pl_arabic(r->cc3) || strncmp(r->feat, "PPL", 3) != 0) return;
  if (r->pop < 10000 && !(r->pop == 0 && (strcmp(r->feat, "PPLA") == 0 || strcmp(r->feat, "PPLA2") == 0 ||
                                          strcmp(r->feat, "PPLC") == 0)))
    return;
  size_t n = td_place_translit(name, strlen(name), key, sizeof key);
  if (!n) return;
  size_t f = strcspn(key, " ");
  td_var_slot v[2] = {{td_place_var_hash(key, n, 0), idx, 0},
                      {td_place_var_hash(key, f, 1), TD_VAR_FIRST, (uint32_t)td_place_var_skel(key, f)}};
  td_buf_put(vb, v, sizeof v);
}

/* Section "places.var" (places.h) of the slots pl_variant gathered, each
 * key's record once and each first word once. */
static void pl_variant_table(td_resw *w, const td_buf *vb) {
  const td_var_slot *v = (const td_var_slot *)vb->ptr;
  size_t n = vb->len / sizeof *v;
  uint32_t ns = 16;
  while ((size_t)ns < 2 * n) ns <<= 1;
  td_var_slot *t = td_xcalloc(ns, sizeof *t);
  for (size_t i = 0; i < n; i++) {
    uint32_t j = (uint32_t)v[i].h & (ns - 1);
    while (t[j].h && !(t[j].h == v[i].h && t[j].idx == v[i].idx)) j = (j + 1) & (ns - 1);
    t[j] = v[i];
  }
  uint8_t *bits = td_xcalloc(TD_VAR_BITS / 8, 1);
  for (size_t i = 0; i < n; i++)
    if (v[i].idx == TD_VAR_FIRST) bits[(v[i].pad % TD_VAR_BITS) / 8] |= (uint8_t)(1u << (v[i].pad % 8));
  td_buf out = TD_BUF_INIT;
  uint32_t head[2] = {ns, 0};
  td_buf_put(&out, TD_VAR_MAGIC, 8);
  td_buf_put(&out, head, sizeof head);
  td_buf_put(&out, t, (size_t)ns * sizeof *t);
  td_buf_put(&out, bits, TD_VAR_BITS / 8);
  free(bits);
  td_resw_add(w, "places.var", out.ptr, out.len);
  td_buf_free(&out);
  free(t);
  fprintf(stderr, "mkres: places.var: %zu keys and first words, %u slots\n", n, ns);
}

static int pl_file(const char *path, td_buf *recs, td_buf *pool, td_dictb *b, wtable *common,
                   td_buf *vb) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "mkres: cannot read %s\n", path);
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, f) > 0) {
    line[strcspn(line, "\r\n")] = 0;
    if (line[0] == '#' || line[0] == 0) continue;
    char *col[9] = {0};
    int n = 0;
    for (char *p = line; n < 9; n++) {
      col[n] = p;
      char *t = strchr(p, '\t');
      if (!t) { n++; break; }
      *t = 0;
      p = t + 1;
    }
    if (col[0][0] == '=' && n >= 4) { /* GeoNames id and point of a country or division */
      size_t nr = recs->len / sizeof(td_gaz_rec);
      td_gaz_rec *r = (td_gaz_rec *)recs->ptr;
      for (size_t i = 0; i < nr; i++)
        if ((strncmp(r[i].feat, "PCL", 3) == 0 || strcmp(r[i].feat, "ADM1") == 0) &&
            strcmp(pool->ptr + r[i].admin, col[0] + 1) == 0) {
          if (atol(col[1])) r[i].geonameid = (int32_t)atol(col[1]);
          r[i].lat = (float)atof(col[2]);
          r[i].lon = (float)atof(col[3]);
        }
      continue;
    }
    if ((col[0][0] == '@' || col[0][0] == '%') && n >= 3) {
      /* '@': aliases of a country or division named by its admin key, of a
       * curated place by its name, or of any place by its GeoNames id
       * ("@#2886242": Cologne for Köln); '%': its adjectives ("Russian") */
      const char *cls = col[0][0] == '@' ? "place" : "place.adj";
      size_t nr = recs->len / sizeof(td_gaz_rec);
      const td_gaz_rec *r = (const td_gaz_rec *)recs->ptr;
      long gid = col[0][1] == '#' ? atol(col[0] + 2) : 0;
      for (size_t i = 0; i < nr; i++)
        if ((gid > 0 && r[i].geonameid == gid) ||
            (strcmp(pool->ptr + r[i].admin, col[0] + 1) == 0 &&
             (strcmp(r[i].feat, "ADM1") == 0 || strncmp(r[i].feat, "PCL", 3) == 0)) ||
            ((r[i].flags & TD_GAZ_CURATED) && strcmp(pool->ptr + r[i].name, col[0] + 1) == 0)) {
          if (col[0][0] == '@') pl_alias(b, col[1], (uint32_t)i, cls);
          for (char *a = strtok(col[2], ";"); a; a = strtok(NULL, ";")) pl_alias(b, a, (uint32_t)i, cls);
          break;
        }
      continue;
    }
    if (n < 9) continue;
    td_gaz_rec r;
    memset(&r, 0, sizeof r);
    r.geonameid = (int32_t)atol(col[0]);
    r.name = pl_str(pool, col[1]);
    snprintf(r.cc3, sizeof r.cc3, "%s", strcmp(col[3], "-") == 0 ? "" : col[3]);
    snprintf(r.feat, sizeof r.feat, "%s", col[4]);
    r.lat = (float)atof(col[5]);
    r.lon = (float)atof(col[6]);
    r.pop = (uint32_t)strtoul(col[7], NULL, 10);
    r.admin = pl_str(pool, col[8]);
    r.flags = common ? 0 : TD_GAZ_CURATED;
    uint32_t idx = (uint32_t)(recs->len / sizeof r);
    td_buf_put(recs, &r, sizeof r);
    pl_alias(b, col[1], idx, "place");
    pl_variant(vb, &r, col[1], idx);
    int country = strncmp(r.feat, "PCL", 3) == 0;
    for (char *a = strtok(col[2], ";"); a; a = strtok(NULL, ";")) {
      if (!country || !pl_common_alt(common, a, col[1])) pl_alias(b, a, idx, "place");
      pl_variant(vb, &r, a, idx);
    }
  }
  free(line);
  fclose(f);
  return 0;
}

static int build_places(td_resw *w, const char *datadir) {
  char p[4096];
  snprintf(p, sizeof p, "%s/places/gazetteer.tsv", datadir);
  FILE *probe = fopen(p, "r");
  if (!probe) return 0; /* no gazetteer: the layer stays empty */
  fclose(probe);
  td_buf recs = TD_BUF_INIT, pool = TD_BUF_INIT;
  td_buf_putc(&pool, 0);
  td_dictb *b = td_dictb_new();
  wtable common = {td_xcalloc(1 << 17, sizeof(wentry)), 1 << 17, 0};
  pl_common(&common, datadir);
  td_buf vb = TD_BUF_INIT; /* "places.var" (pl_variant) */
  int rc = pl_file(p, &recs, &pool, b, &common, &vb);
  for (size_t i = 0; i < common.cap; i++) free(common.e[i].key);
  free(common.e);
  snprintf(p, sizeof p, "%s/places/curated.tsv", datadir);
  if (rc == 0) rc = pl_file(p, &recs, &pool, b, NULL, NULL);
  size_t dlen;
  void *dimg = td_dictb_finish(b, &dlen);
  if (rc == 0) { /* the places of a dependent territory (TD_GAZ_DEPENDENT) */
    td_gaz_rec *r = (td_gaz_rec *)recs.ptr;
    size_t nr = recs.len / sizeof *r;
    for (size_t i = 0; i < nr; i++) {
      if (strcmp(r[i].feat, "PCLD") != 0 || !r[i].cc3[0]) continue;
      for (size_t j = 0; j < nr; j++)
        if (strcmp(r[j].cc3, r[i].cc3) == 0) r[j].flags |= TD_GAZ_DEPENDENT;
    }
  }
  if (rc == 0) {
    td_buf out = TD_BUF_INIT;
    uint32_t head[2] = {(uint32_t)(recs.len / sizeof(td_gaz_rec)), (uint32_t)pool.len};
    td_buf_put(&out, TD_GAZ_MAGIC, 8);
    td_buf_put(&out, head, sizeof head);
    td_buf_put(&out, recs.ptr, recs.len);
    td_buf_put(&out, pool.ptr, pool.len);
    td_resw_add(w, "places", out.ptr, out.len);
    td_resw_add(w, "places.dict", dimg, dlen);
    pl_variant_table(w, &vb);
    td_buf_free(&out);
  }
  free(dimg);
  td_buf_free(&vb);
  td_buf_free(&recs);
  td_buf_free(&pool);
  return rc;
}

/* ---- language core: the tagger model and the lemmatizer's WordNet ---- */
static int build_lang(td_resw *w, const char *datadir) {
  char p[4096], err[512];
  snprintf(p, sizeof p, "%s/models/tagger.bin", datadir);
  if (td_tagger_build_res(w, p, err, sizeof err) != 0 ||
      td_lemma_build_res(w, TD_WORDNET_DIR, TD_WORDS_FILE, err, sizeof err) != 0) {
    fprintf(stderr, "mkres: %s\n", err);
    return -1;
  }
  return 0;
}

/* ---- the tagger's shared word-type sums (lang/tagger.c) for the frequent
 * forms of data/words/ewt-freq.tsv; without the list, no table ---- */
static int build_tagger_types(td_resw *w, const char *datadir) {
  char p[4096], q[4096], err[512];
  snprintf(p, sizeof p, "%s/models/tagger.bin", datadir);
  snprintf(q, sizeof q, "%s/words/ewt-freq.tsv", datadir);
  if (td_tagger_build_types(w, p, q, TD_WORDNET_DIR, TD_WORDS_FILE, err, sizeof err) != 0) {
    fprintf(stderr, "mkres: %s\n", err);
    return -1;
  }
  return 0;
}

/* ---- the dependency parser's model (lang/parser.c), checked; without
 * data/models/parser.bin the image has no parser and nothing is parsed ---- */
static int build_parser(td_resw *w, const char *datadir) {
  char p[4096], err[512];
  snprintf(p, sizeof p, "%s/models/parser.bin", datadir);
  FILE *f = fopen(p, "rb");
  if (!f) return 0;
  fclose(f);
  if (td_parser_build_res(w, p, err, sizeof err) != 0) {
    fprintf(stderr, "mkres: %s\n", err);
    return -1;
  }
  return 0;
}

static const struct {
  const char *name;
  builder fn;
} builders[] = {
    {"version", build_version},
    {"words", build_words},
    {"dict", build_dict},
    {"rules", build_rules},
    {"quotes", build_quotes},
    {"parser", build_parser},
    {"places", build_places},
    {"lang", build_lang},
    {"tagger.types", build_tagger_types},
};

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: mkres OUT.res DATADIR\n");
    return 2;
  }
  (void)add_file;
  td_resw *w = td_resw_new();
  for (size_t i = 0; i < sizeof builders / sizeof builders[0]; i++)
    if (builders[i].fn(w, argv[2]) != 0) {
      fprintf(stderr, "mkres: building %s failed\n", builders[i].name);
      return 1;
    }
  if (td_resw_finish(w, argv[1]) != 0) {
    fprintf(stderr, "mkres: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
