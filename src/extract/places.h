/*
 * places.h — private interface of the places layer (places.c): the
 * gazetteer image that tools/mkres compiles into the resource image, the
 * clause-place lookup the events layer calls, and `tidings eval geo`.
 *
 * Section "places" (little-endian, used straight from the mmap):
 *   "TDPLACE1"  u32 nrecs  u32 poolsize
 *   nrecs x td_gaz_rec
 *   pool: NUL-terminated strings (offset 0 is "")
 * Section "places.dict": a matcher table (lang/matcher.h) mapping every
 * name and alias to class "place" with the record index as payload.
 */
#ifndef TD_PLACES_H
#define TD_PLACES_H

#include "extract.h"

#include <stdint.h>
#include <stdio.h>

#define TD_GAZ_MAGIC "TDPLACE1"

typedef struct td_gaz_rec {
  uint32_t name;      /* pool offset of the canonical name */
  uint32_t admin;     /* pool offset of "CC" (country) or "CC.CODE" */
  int32_t geonameid;  /* 0 when the source has none */
  float lat, lon;
  uint32_t pop;
  char cc3[4];        /* ISO alpha-3, "" for none (seas, continents) */
  char feat[8];       /* GeoNames feature code: PPLC, ADM1, PCLI, SEA ... */
  uint32_t flags;     /* TD_GAZ_* */
} td_gaz_rec;

/* TD_GAZ_CURATED: from data/places/curated.tsv; TD_GAZ_DEPENDENT: in a
 * dependent territory (its country's feature is PCLD: Montserrat,
 * Bermuda), set by tools/mkres. */
enum { TD_GAZ_CURATED = 1, TD_GAZ_DEPENDENT = 2 };

/* Loads the gazetteer from eng->res into eng->places (a missing section
 * leaves the layer empty). 0, or -1 with a message in err. */
int td_places_load(td_engine *eng, char *err, size_t errlen);
void td_places_unload(td_engine *eng);

/* The place governing the clause that contains bytes [start, end), as an
 * index into doc->places, or -1: within the span's sentence, a place whose
 * mention covers the span; else one after a locative preposition ("in
 * Washington"; in "in Russia's Tver Region" the inner Tver Region), the
 * nearest; else the nearest mention before the span, else after it. */
int td_place_for_span(const td_doc *doc, uint32_t start, uint32_t end);

/* Token tok alone is written as the gazetteer writes a populated place
 * of at least min_pop people (`Tampere`) or a first-level division
 * (`Fla.`): the actors layer's name typing asks it of a word it could
 * only guess. */
int td_places_town(const td_engine *eng, const td_doc *doc, uint32_t tok, uint32_t min_pop);

/* The country of the first place the gazetteer knows among tokens
 * [tok0, tok1) (`Walker County` in `Walker County Sheriff's Office`),
 * when every reading of it that is a division or a town of 1,000 people
 * lies in that one country: 1 with its ISO alpha-3 in cc; 0 for none, or
 * for a name of places in several countries (`Thames`: a river of
 * England, a town of New Zealand). */
int td_places_country(const td_engine *eng, const td_doc *doc, uint32_t tok0, uint32_t tok1,
                      char cc[4]);

/* Scores the layer on a GeoWebNews-style XML file (<article><text> with
 * <toponym> start/end/latitude/longitude): toponym precision and recall,
 * accuracy within 161 km, mean error, country accuracy. 0, or -1 when the
 * file cannot be read. */
int td_eval_geo(const td_engine *eng, const char *xml_file, FILE *out);

/* The key under which an Arabic place name and its English news
 * spellings meet (`Khan Younis`, `Khan Yunis`; `Deir al-Balah`, `Dayr al
 * Balah`; `Jenin`, `Janin`): the name of n bytes at s in lowercase, its
 * words apart, without apostrophes and without the article before a word
 * (`al`, `el`, `ad`, `ez`, ...), `ou`, `oo` and `aw` before no vowel as
 * `u`, `ei`, `ey`, `ai` as `ay`, `ee` as `i`, then `e` as `a` and `o` as
 * `u`, an `i` before a vowel and in `iy` as `y`, a doubled letter once,
 * a closing `h` after `a` off. Writes it NUL-terminated to out (cap
 * bytes): its length, or 0 for a name of any other character than ASCII
 * letters, spaces, hyphens and apostrophes, of fewer than four letters, or
 * too long. tools/mkres keys the towns of Arabic-speaking countries by it
 * (section "places.var"), the places layer the capitalized names of the
 * text that the gazetteer has no weighty reading of. */
size_t td_place_translit(const char *s, size_t n, char *out, size_t cap);

/* Section "places.var": "TDPVAR1" and a NUL, u32 nslots (a power of 2),
 * u32 0, then nslots slots of open addressing by h (0: empty): a key of
 * td_place_translit and a record it names, or (idx TD_VAR_FIRST) the first
 * word of a key, which lets the layer skip every other name at once; then
 * TD_VAR_BITS bits, bit h % TD_VAR_BITS set for td_place_var_skel of
 * every first word (perf: most words are told apart there, in the cache,
 * before their key is made). */
#define TD_VAR_BITS (1u << 17)
#define TD_VAR_MAGIC "TDPVAR1"
#define TD_VAR_FIRST 0xFFFFFFFFu
typedef struct td_var_slot {
  uint64_t h;   /* td_place_var_hash of the key, or of its first word */
  uint32_t idx; /* record index, or TD_VAR_FIRST */
  uint32_t pad;  /* (a first word's: the low bits of its td_place_var_skel) */
} td_var_slot;

/* The hash of the consonants of lowercase word w (n bytes) but w, y and a
 * closing h, each run of one letter once, no apostrophes: the same for a
 * word and its key (td_place_translit changes only vowels, w, y, a closing
 * h and doubled letters). */
uint64_t td_place_var_skel(const char *w, size_t n);

/* The slot hash of key (n bytes); first: of a key's first word. Never 0. */
uint64_t td_place_var_hash(const char *key, size_t n, int first);

/* Great-circle distance in km. */
double td_geo_km(double lat1, double lon1, double lat2, double lon2);

#endif
