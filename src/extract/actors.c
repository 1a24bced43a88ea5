/*
 * actors.c — the actors layer: who acts in the article.
 *
 * Reads the language core's tokens and the shared dictionary matcher's
 * entries (the data/actors dictionaries: countries, organizations, sector words,
 * titles, people with dated roles, names that are not actors) and fills
 * doc->actors, one entry per real actor with all its mentions:
 *
 *   1. recognize: dictionary matches per sentence, then the news
 *      conventions around them — `[country adj/'s] [sector]` makes a group
 *      (`North Korean troops` -> PRKMIL), `[country] [title] Name`,
 *      `Name, [title] of X` and `X's [title], Name` make people, known or
 *      discovered (known: false, role and code from the title);
 *   2. follow: surnames and short forms join the full name seen before
 *      (`Austin`), a title alone joins the person holding it here (`South
 *      Korea's foreign minister`), `he`/`she`/`it` at statement cues join
 *      the latest compatible speaker, `the North` in a Korea story is PRK;
 *      descriptions at cues (`a defense ministry official said`) take the
 *      article's country, `the officials` joins the latest such group, and
 *      `both nations` is the pair of countries last named as a subject
 *      (these group phrases, `officials from both nations` and `the North`
 *      are found by the actors.* rules of data/actors/groups.rules, see
 *      on_rule; the C code decides what they refer to);
 *   3. code: CAMEO actor codes (country + sector, IGO codes), a known
 *      person's role chosen by doc->date from the dated roles;
 *   4. discover: every capitalized run no rule took is typed (PER/ORG/LOC/
 *      MISC: guess_names and the passes after it, what `tidings eval ner`
 *      scores, td_eval_ner at the end); the people and organizations among
 *      them become actors (discovered_actors), and a person who names what
 *      they act for beside the name takes its code (affiliations).
 */
#include "actors.h"
#include "firms.h"
#include "places.h"
#include "lang/lang.h"
#include "lang/matcher.h"
#include "lang/rules.h"
#include "text/text.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- per-document state ---- */

/* One dictionary match of the current sentence (best entry per range). */
typedef struct {
  uint32_t tok0, tok1;
  const char *cls, *payload;
  int prio;
  int ncand, nactive; /* person.surname: people with it, and holding a role now */
  int poss;           /* the phrase ends in its possessive: `Moody's` */
} dm;

/* One match of an actors.* rule in the current sentence: the phrase
 * [t0, t1) and its key token, where the loop of do_sentence takes it up
 * (see rule_at). */
enum { AR_BOTH, AR_PAIR_OF, AR_HALF, AR_THEN, AR_FORMER };
typedef struct {
  int kind;
  long t0, t1, key;
} arule;

/* What the layer remembers about each actor while reading. */
typedef struct {
  char gender;          /* 'm', 'f', '-' */
  const char *first, *last; /* folded first and last name words (people) */
  const char *role_key; /* lowercase role, for title coreference */
  const char *roles;    /* a known person's dated roles (people.dict.tsv), or NULL */
  long last_tok;        /* token of its latest mention */
  long speaker_tok;     /* token where it was last a speaker, -1 */
  int is_country_name;  /* name comes from a country-name mention */
  int role_titled;      /* its role is the one a title in the text gave */
  int sport;            /* a sports club or body of the dictionary (org.sport) */
  const char *namekey;  /* name_key(name), made once */
  int alone;            /* named by its last (1), first (2) name alone (`Blair`): bits */
} ainfo;

typedef struct {
  const td_engine *eng;
  td_doc *doc;
  dm *m;                /* matches of the current sentence: x->all[first[si] ..] */
  size_t nm;
  dm *all;              /* the document's matches, in order (on_match) */
  size_t nall, cap_all;
  size_t *first;        /* sentence -> index of its first match in all; [nsents]: nall */
  int32_t *at;          /* token -> index into m, or -1 (sentence-local) */
  ainfo *ai;
  size_t cap_ai;
  const char *seen[64]; /* countries named so far (any country word) */
  size_t seen_si[64];   /* the sentence that first named each */
  int nseen;
  const char *pair[2];  /* the latest `X and [the] Y` pair of countries, for `both nations` */
  td_ne *names;         /* typed names, when asked */
  size_t nnames, cap_names;
  size_t nsplices;      /* splice_names calls in this document (bounded: SPLICES_MAX) */
  int want_names;
  int sports;           /* a sports story (eval ner: teams named after places) */
  size_t nsentence_actors; /* actors the sentence pass made (cue_pronouns) */
  size_t nsport;        /* its words of sports stories (W_SPORT) */
  size_t nscores;       /* its sentences that are a match's result (score_row) */
  size_t narts;         /* its words of stories of the arts (W_ARTS) */
  int use_rules;        /* the engine has actors.* rules (data/actors, .rules files) */
  arule rm[64];         /* the current sentence's rule matches (extra ones dropped) */
  int nrm;
  uint32_t *wf;         /* token -> its W_* word-list bits (see word_flags) */
  int8_t *common;       /* token -> common_word's answer, -1 not yet asked */
  int8_t *demonym;      /* token -> demonym_tok's answer, -1 not yet asked */
  int8_t *shout;        /* sentence -> shouting's answer, -1 not yet asked */
  uint8_t *inq;         /* token -> in_quotation's answer (quote_mask) */
  const char **spelled; /* acronyms the story spells out in brackets (discovered_org), */
  size_t nspelled, cap_spelled; /* at most SPELLED_MAX (each candidate looks through them) */
  const char *pcls[16]; /* class names seen by on_match and their class_prio, */
  int pval[16];         /* direct-mapped by the name's address (see prio_of) */
  const char *surn[8];  /* country words the story used as surnames (surname_country) */
  int nsurn;
  const char *topic;    /* the country the article is about (topic_country), once asked */
  char era[2][11];      /* an undated article's estimated period [from, to) (estimate_era), or "" */
  char since[11];       /* an undated article's latest year named, as a date (text_since), or "" */
  int topic_done;
  int topic_n, topic_next; /* its dictionary matches, and the runner-up's */
} actx;

static const char *const actor_classes[] = {"country", "org", "sector", "title", "person",
                                            "nonactor", "name", "place", NULL};

/* Priority of an entry class when several share one range; PRIO_SURNAME
 * is "person.surname" and no other class. */
enum { PRIO_SURNAME = 13, PRIO_NAME = 12 };
static int class_prio(const char *c) {
  if (strcmp(c, "person.surname") == 0) return PRIO_SURNAME; /* below everything but given names */
  if (strncmp(c, "name", 4) == 0) return PRIO_NAME;
  static const char *const order[] = {"person", "org", "nonactor", "country",
                                      "title",  "sector", "place", "name", NULL};
  for (int i = 0; order[i]; i++) {
    size_t n = strlen(order[i]);
    if (strncmp(c, order[i], n) == 0 && (c[n] == 0 || c[n] == '.')) return 20 - i;
  }
  return 0;
}

/* d (not NULL) is a surname entry: its class is "person.surname" (a
 * comparison of the priority on_match computed once, for strcmp). */
static int is_surname(const dm *d) { return d->prio == PRIO_SURNAME; }

/* Whether d's class is c or under it ("person" holds "person.surname").
 * Inline, the first byte compared first (perf, issue 11: called for most
 * matches, with a literal whose length the compiler knows). */
static inline int is_cls(const dm *d, const char *c) {
  if (!d || d->cls[0] != c[0]) return 0;
  size_t n = strlen(c);
  return strncmp(d->cls, c, n) == 0 && (d->cls[n] == 0 || d->cls[n] == '.');
}

/* A person payload (ENTITY|NAME|GENDER|ROLES) has a role held on date (any, undated);
 * its country (or IGO code) goes to country[cap] when given. */
static int role_active_in(const char *payload, const char *date, char *country, size_t cap,
                          char *role, size_t rcap) {
  const char *p = payload;
  for (int i = 0; i < 3 && p; i++) {
    p = strchr(p, '|');
    if (p) p++;
  }
  if (!p) return 0;
  /* an undated article: the person's first role (people.dict.tsv lists the
   * best known first), so that "President Obama" in an undated story is
   * still Barack Obama when no one else of the name is known */
  int undated = !date;
  while (*p) {
    char f[5][32] = {{0}};
    int fi = 0;
    size_t fl = 0;
    for (; *p && *p != ';'; p++) {
      if (*p == ',') {
        if (++fi >= 5) break;
        fl = 0;
      } else if (fl + 1 < sizeof f[0]) {
        f[fi][fl++] = *p;
      }
    }
    while (*p && *p != ';') p++;
    if (*p == ';') p++;
    if (fi >= 3 && (undated || (strcmp(f[3], date) <= 0 && (!f[4][0] || strcmp(date, f[4]) < 0)))) {
      if (country) snprintf(country, cap, "%.*s", (int)(cap - 1), f[0]);
      if (role) snprintf(role, rcap, "%.*s", (int)(rcap - 1), f[2]);
      return 1;
    }
  }
  return 0;
}

static int role_active(const char *payload, const char *date) {
  return role_active_in(payload, date, NULL, 0, NULL, 0);
}

/* Some actor of the article so far belongs to country (an ISO3 code, or an
 * IGO code for an organization). */
static int country_in_doc(const actx *x, const char *country) {
  for (int q = 0; q < x->nseen; q++)
    if (strcmp(x->seen[q], country) == 0) return 1;
  for (size_t k = 0; k < x->doc->nactors; k++) {
    const td_actor *a = &x->doc->actors[k];
    if ((a->country && strcmp(a->country, country) == 0) ||
        (a->code && strncmp(country, "IGO", 3) == 0 && strcmp(a->code, country) == 0))
      return 1;
  }
  return 0;
}

/* class_prio(cls) through x's small cache (perf, issue 11: a match's
 * class name is a string of the dictionary, the same address for every
 * entry of the class, and class_prio compares it with up to nine names). */
static int prio_of(actx *x, const char *cls) {
  unsigned h = (unsigned)((uintptr_t)cls >> 2) & 15;
  if (x->pcls[h] != cls) x->pcls[h] = cls, x->pval[h] = class_prio(cls);
  return x->pval[h];
}

/* a token's word-list bit (see the W_* bits below): a one-word known given
 * name, whatever entry of a higher class the same word is (Virginia,
 * Jordan: a place, a country) */
enum { W_GIVEN = 1 << 28 };

static int on_match(void *vctx, const td_match *m) {
  actx *x = vctx;
  int p = prio_of(x, m->cls);
  /* the phrase ends in its possessive (`Moody's`; the matcher also
   * takes a glued 's after any phrase: `Israel` `'s`) */
  size_t kl = m->key ? strlen(m->key) : 0;
  int poss = kl > 2 && m->key[kl - 2] == '\'' && m->key[kl - 1] == 's';
  int surname = p == PRIO_SURNAME;
  int active = surname && role_active(m->payload, x->doc->date);
  if (p == PRIO_NAME && m->tok1 == m->tok0 + 1 && strcmp(m->cls, "name.given") == 0)
    x->wf[m->tok0] |= W_GIVEN;
  if (x->nall && x->all[x->nall - 1].tok0 == m->tok0 && x->all[x->nall - 1].tok1 == m->tok1) {
    dm *last = &x->all[x->nall - 1];
    int same = surname && is_surname(last);
    last->poss |= poss;
    if (same) {
      last->ncand++;
      last->nactive += active;
      if (active && last->nactive == 1) last->payload = m->payload; /* the one in office */
    } else if (p > last->prio) {
      last->cls = m->cls, last->payload = m->payload, last->prio = p;
      last->ncand = surname, last->nactive = active;
    }
    return 0;
  }
  TD_AGROW(&x->doc->arena, x->all, x->cap_all, x->nall + 1);
  x->all[x->nall++] = (dm){m->tok0, m->tok1, m->cls, m->payload, p, surname, active, poss};
  return 0;
}

static const arule *rule_at(const actx *x, int kind, long key);

/* ---- word lists ----
 * The closed word lists the layer tests tokens against (statement cues,
 * honorifics, name particles, nouns a sector word modifies) in one hash
 * table: word -> bits of the lists that hold it (perf, issue 11: one probe
 * a token per document instead of a strcmp over each list at each test).
 * Built once, read-only after. */
enum {
  W_CUE = 1,    /* statement cue: said, told, warned */
  W_HON_M = 2,  /* honorific implying a man: Mr, Sir, Lord */
  W_HON_F = 4,  /* honorific implying a woman: Mrs, Ms, Dame, Lady */
  W_HON_X = 8,  /* honorific, no gender: Dr, Prof */
  W_PART = 16,  /* particle inside names: bin, al, von */
  W_SNOUN = 32, /* noun a sector word modifies: cooperation, drills */
  W_PRON = 64,  /* pronoun resolve_pronoun follows: he, she, it, they */
  W_ORG = 128,  /* a word that ends organization names (org_words) */
  W_MISC = 256, /* a word that ends event and prize names (misc_words) */
  W_SPORT = 512, /* a word of sports stories (sports_words) */
  /* lists the name typing asks of nearly every token (perf: one bit
   * test, not a loop of compares) */
  W_PTITLE = 1024,  /* a person's title before the name: mr, dr, coach */
  W_LPREP = 2048,   /* a preposition before a place: in, near, across */
  W_SMALL = 4096,   /* a small word inside a title: of, the, and */
  W_OPENER = 8192,  /* a function word that opens sentences: the, but, in */
  W_DESC_B = 16384, /* a noun naming the organization after it: firm, club */
  W_DESC_A = 32768, /* a noun naming the paper before it: newspaper, daily */
  W_PLACE = 1 << 16,   /* a noun naming the place before it: province, river */
  W_FACILITY = 1 << 17, /* a word ending a place's or building's name (facility_words) */
  W_PRO_M = 1 << 18,    /* a pronoun of a man: he, him, his (pronoun_links) */
  W_PRO_F = 1 << 19,    /* a pronoun of a woman: she, her */
  W_PNOUN = 1 << 20,    /* a noun for one person no actor is: the boy, his lawyer */
  W_FIRM = 1 << 21,     /* `the company`: a business named before (description_links) */
  W_PAPER = 1 << 22,    /* `the newspaper`: a medium named before */
  W_MEMBER = 1 << 23,   /* people an organization has: officials, members, spokesman */
  W_ORGNOUN = 1 << 24,  /* `the organization`: one no business or medium, named before (description_links) */
  W_CLUB = 1 << 25,     /* a word opening sports clubs' names: Dynamo, Hapoel, Borussia */
  W_ORGHEAD = 1 << 26,  /* a word opening organizations' names in other languages: Banco, Société */
  /* not a list: a possessive token ending a dictionary name that holds it
   * (`Moody 's`, `Standard & Poor 's`), set by all_matches */
  W_NAMEPOSS = 1 << 27,
  /* W_GIVEN = 1 << 28: a known given name (before on_match, which sets it) */
  W_ARTS = 1 << 29, /* a word of stories of music, film and the stage (arts_words) */
  /* no list: the token is capitalized (tok_cap), which every pass of the
   * typing asks of every token, set here by word_flags (perf) */
  W_CAP = 1u << 31
};
static const struct {
  unsigned bits;
  const char *words[64]; /* read up to a NULL or the end: a full list is safe */
} wlists[] = {
    {W_CUE, {"said", "says", "say", "stated", "noted", "added", "told", "stressed", "explained",
             "warned", "urged", "announced", "wrote", "insisted", "argued", "claimed",
             "asserted", "confirmed", "reiterated", "emphasized", "underscored", "remarked",
             "continued", "replied", "responded", "commented", "tweeted", "posted", "declared",
             "acknowledged", "mentioned", "observed", "pointed", "suggested", "predicted",
             "cautioned", NULL}},
    {W_HON_M, {"mr", "mr.", "sir", "lord", NULL}},
    {W_HON_F, {"mrs", "mrs.", "ms", "ms.", "dame", "lady", NULL}},
    {W_HON_X, {"dr", "dr.", "prof", "prof.", NULL}},
    {W_PART, {"bin", "al", "von", "van", "de", "da", "der", "la", "le", "dos", "del", "den", "di",
              "du", "della", "das", NULL}},
    {W_SNOUN, {"dispatch", "deployment", "deployments", "movement", "presence", "withdrawal",
               "activities", "levels", "cooperation", "ties", "technology", "aid",
               "operations", "readiness", "support", "name", "exercises", "drills",
               "assistance", "action", "buildup", "alliance", "power", "capabilities",
               "sources", "reports", "report", "officials", NULL}},
    {W_PRON, {"he", "she", "it", "they", NULL}},
    {W_PTITLE, {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady",
                "prof", "prof.", "coach", "striker", "midfielder", "defender", "goalkeeper",
                "captain", "manager", "skipper", "champion",
                /* a cleric's title, an occupation opening a sentence
                 * (`Analyst Ola Brenn said`) */
                "cardinal", "bishop", "archbishop", "patriarch", "rabbi", "imam", "ayatollah", "cleric",
                "reverend", "rev", "rev.", "analyst", "broker", "trader", "dealer",
                "strategist", "director",
                /* a royal's or a ruler's title (`Princess Anna`, `Sheikh
                 * Hamad`), and professions named before a person
                 * (`Economist Ola Brenn`, `historian X`) */
                "prince", "princess", "sheikh", "sheik", "economist", "historian",
                "novelist", "physicist", NULL}},
    {W_LPREP, {"in", "at", "near", "from", "to", "into", "across", "outside", "throughout",
               NULL}},
    {W_SMALL, {"of", "the", "a", "an", "in", "and", "for", "on", "to", "at", "with", NULL}},
    {W_OPENER, {"the", "but", "and", "a", "an", "in", "on", "at", "for", "of", "as", "if",
                "when", "while", "after", "before", "by", "with", "from", "to", "this",
                "that", "its", "their", "his", "her", "our", "so", "yet", "or", NULL}},
    {W_DESC_B, {"company", "firm", "group", "club", "team", "side", "daily", "newspaper",
                "weekly", "agency", "carrier", "airline", "insurer", "maker", "retailer",
                "brokerage", "conglomerate", "manufacturer", "broadcaster", "publisher",
                "subsidiary", "unit", "outfit", "automaker", "carmaker", "chipmaker", "bank",
                "party", NULL}},
    {W_DESC_A, {"newspaper", "daily", "weekly", "magazine", "newsletter", NULL}},
    {W_MEMBER, {"member", "members", "officials", "spokesman", "spokeswoman", "spokesperson",
                "employees", "shareholders", "executives", "founder", "co-founder", "chairman",
                "chairwoman", NULL}},
    {W_PLACE, {"province", "region", "village", "villages", "mountains", "mountain", "valley",
               "river", "district", "county", "area", "border", "coast", "peninsula", "island",
               "islands", "desert", "lake", "stadium", "airport", "camp", "church", "mosque",
               "port", "prison", NULL}},
    /* the words of description_links: a firm's (a business), a paper's */
    {W_FIRM, {"company", "firm", "carrier", "airline", "insurer", "maker", "retailer",
              "brokerage", "conglomerate", "manufacturer", "automaker", "carmaker", "chipmaker",
              "bank", "operator", "supermarket", "group", NULL}},
    {W_PAPER, {"newspaper", "daily", "weekly", "broadcaster", "publisher", "magazine", "paper",
               NULL}},
    {W_ORGNOUN, {"organization", "organisation", "association", "agency", "church", "foundation",
                 "charity", "union", "party", "club", NULL}},
    /* words that open the names of many sports clubs (Dynamo Batumi,
     * Hapoel Haifa, Borussia Neunkirchen, FC Tirol), and clubs' own
     * abbreviations */
    {W_CLUB, {"dynamo", "dinamo", "spartak", "lokomotiv", "lokomotiva", "torpedo", "slavia",
              "slovan", "sparta", "partizan", "hapoel", "maccabi", "beitar", "bnei", "atletico",
              "sporting", "racing", "olympique", "borussia", "eintracht", "fortuna", "hansa",
              "hertha", "werder", "arminia", "alemannia", "kickers", "stade", "vitoria",
              "steaua", "rapid", "admira", "viktoria", "dukla", "banik", "shakhtar", "metalurg",
              "metallurg", "metalist", "neftchi", "chornomorets", "chernomorets", "botev", "cska",
              "universitatea", "radnicki", "proleter", "mladost", "buducnost", "zeljeznicar",
              "polonia", "gornik", "legia", "zaglebie", "vitesse", "fc", "vfb", "vfl", "tsv",
              "fsv", NULL}},
    /* the head words of organizations' names in the Romance languages and
     * German, which open the name (Banco de Lisboa, Société Générale,
     * Partido Popular, Deutsche Stiftung) */
    {W_ORGHEAD, {"banco", "banca", "banque", "caixa", "caja", "compagnie", "compania",
                 "companhia", "societe", "soci\xc3\xa9t\xc3\xa9", "sociedad", "sociedade",
                 "societa", "grupo", "gruppo", "groupe", "instituto", "istituto", "institut",
                 "universidad", "universidade", "universita", "universite", "partido", "partito",
                 "parti", "partei", "ministerio", "ministero", "ministere", "fundacion",
                 "fundacao", "fondation", "fondazione", "stiftung", "empresa", "empresas",
                 "industrias", "agence", "agencia", "agenzia", "consorcio", "cooperativa",
                 "comision", "commissione", "consejo", "conseil", "consiglio",
                 /* newspapers: Gazeta Wyborcza, Corriere della Sera */
                 "gazeta", "gazzetta", "diario", "jornal", "corriere", "dnevni", "dziennik",
                 NULL}},
    {W_PRO_M, {"he", "him", "himself", "his", NULL}},
    {W_PRO_F, {"she", "her", "herself", NULL}},
    {W_PNOUN, {"man", "woman", "boy", "girl", "child", "baby", "father", "mother", "son",
               "daughter", "brother", "sister", "husband", "wife", "friend", "lawyer",
               "attorney", "spokesman", "spokeswoman", "official", "officer", "teacher",
               "student", "doctor", "judge", "driver", "victim", "suspect", "witness",
               "resident", "player", "coach", "leader", "worker", "founder", "owner",
               "author", "reporter", "journalist", "parent", "uncle", "aunt", NULL}},
};
/* The listed words in a small open-addressing table keyed by their
 * first eight bytes and their length (perf, issue 11): a token's text,
 * lowercased eight bytes at a time, is hashed without its norm being
 * measured, and a bit map of the words' hashes turns nearly every other
 * word away before the table is read (the map's test is a branch the
 * processor predicts; the table's empty slots were not). A slot holds the
 * word's bits ORed over the lists that hold it. Built once, read-only
 * after. */
#define WL_SLOTS 1024 /* a power of two, well over twice the listed words */
typedef struct {
  uint64_t key;  /* the word's first eight bytes (zero-padded) */
  uint8_t len;   /* its length; 0: an empty slot */
  uint32_t bits; /* the W_* lists that hold it */
  const char *w; /* the word */
} wl_slot;
static wl_slot wl_tab[WL_SLOTS];
static uint64_t wl_map[64]; /* 4096 bits: a listed word's hash bits (see wl_hash) */
static size_t wl_maxlen;
static pthread_once_t wl_once = PTHREAD_ONCE_INIT;

/* The hash of the word of length n whose first eight bytes are key: its
 * top 12 bits its bit in wl_map, the 10 after them its slot in wl_tab. */
static uint64_t wl_hash(uint64_t key, size_t n) { return (key ^ n) * 0x9E3779B97F4A7C15ULL; }
static unsigned wl_home(uint64_t h) { return (unsigned)(h >> 42) & (WL_SLOTS - 1); }
static int wl_maybe(uint64_t h) { return (int)(wl_map[h >> 58] >> ((h >> 52) & 63) & 1); }

static void wl_add(const char *w, unsigned bits) {
  size_t n = strlen(w);
  uint64_t key = 0;
  memcpy(&key, w, n < 8 ? n : 8);
  uint64_t h = wl_hash(key, n);
  unsigned i = wl_home(h);
  wl_map[h >> 58] |= 1ULL << ((h >> 52) & 63);
  while (wl_tab[i].len && !(wl_tab[i].len == n && strcmp(wl_tab[i].w, w) == 0))
    i = (i + 1) & (WL_SLOTS - 1);
  wl_tab[i].key = key, wl_tab[i].len = (uint8_t)n, wl_tab[i].w = w;
  wl_tab[i].bits |= bits;
  if (n > wl_maxlen) wl_maxlen = n;
}

static void wl_build_named(void); /* the lists of name words, after them */

static void wl_build(void) {
  size_t cap = sizeof wlists[0].words / sizeof wlists[0].words[0];
  for (size_t l = 0; l < sizeof wlists / sizeof wlists[0]; l++)
    for (size_t w = 0; w < cap && wlists[l].words[w]; w++) wl_add(wlists[l].words[w], wlists[l].bits);
  wl_build_named();
}

/* The W_* lists that hold token t's norm (wl_build must have run). A norm
 * in a list is its token's text lowercased (the lists hold only ASCII
 * letters and dots, which the norm keeps as they are, capitals lowered), so
 * the text's length and first eight bytes find it; the norm itself is read
 * only to confirm a found word. */
static unsigned tok_bits(const td_doc *doc, const td_tok *t) {
  size_t n = t->end - t->start;
  if (n == 0 || n > wl_maxlen || t->end > doc->len) return 0;
  uint64_t key = 0;
  if ((size_t)t->start + 8 <= doc->len) key = td_load8(doc->text + t->start);
  else memcpy(&key, doc->text + t->start, n < 8 ? n : 8);
  if (n < 8) key &= (1ULL << (8 * n)) - 1;
  if (key & TD_HIGH8) return 0; /* not ASCII: no listed word */
  key = td_bytes_lower(key);
  uint64_t h = wl_hash(key, n);
  if (!wl_maybe(h)) return 0; /* most words: one bit in a 512-byte map */
  for (unsigned i = wl_home(h); wl_tab[i].len; i = (i + 1) & (WL_SLOTS - 1))
    if (wl_tab[i].key == key && wl_tab[i].len == n && t->norm && td_str_eq(t->norm, wl_tab[i].w))
      return wl_tab[i].bits; /* (two words may share length and first eight bytes) */
  return 0;
}

static void quote_mask(actx *x);

/* x->wf: the W_* bits of every token of the document, in its arena. */
static void word_flags(actx *x) {
  pthread_once(&wl_once, wl_build);
  x->wf = td_arena_alloc(&x->doc->arena, (x->doc->ntoks + 1) * sizeof *x->wf);
  x->common = td_arena_alloc(&x->doc->arena, x->doc->ntoks + 1);
  memset(x->common, -1, x->doc->ntoks + 1);
  x->demonym = td_arena_alloc(&x->doc->arena, x->doc->ntoks + 1);
  memset(x->demonym, -1, x->doc->ntoks + 1);
  for (size_t i = 0; i < x->doc->ntoks; i++) {
    const td_tok *t = &x->doc->toks[i];
    unsigned char c = (unsigned char)x->doc->text[t->start];
    int cap = (t->flags & (TD_TOK_CAP | TD_TOK_ALLCAPS)) || (c >= 'A' && c <= 'Z');
    x->wf[i] = tok_bits(x->doc, t) | (cap ? W_CAP : 0);
    x->nsport += (x->wf[i] & W_SPORT) != 0;
    x->narts += (x->wf[i] & W_ARTS) != 0;
  }
  quote_mask(x);
}

/* Token i is a document token in one of the lists `bits`. */
static int tok_in(const actx *x, long i, unsigned bits) {
  return i >= 0 && (size_t)i < x->doc->ntoks && (x->wf[i] & bits);
}

/* ---- token helpers ---- */

static const td_tok *tk(const actx *x, long i) { return &x->doc->toks[i]; }
/* Token i's norm is w. Inline (perf): with a literal w the compiler
 * compares the first byte in place, and most tokens differ there. */
static inline int tok_is(const actx *x, long i, const char *w) {
  return i >= 0 && (size_t)i < x->doc->ntoks && td_str_eq(tk(x, i)->norm, w);
}
/* Token i is capitalized: its first letter, or its first byte, upper
 * case (W_CAP, see word_flags). */
static int tok_cap(const actx *x, long i) { return (x->wf[i] & W_CAP) != 0; }

/* x->inq: whether each token stands inside quotation marks opened in its
 * paragraph (in_quotation), in one pass: the nearest token before it that
 * opens or closes a quotation or a paragraph decides. Not a partial
 * quotation that opens in lower case after a comma or a stop (`, "the
 * worst"`), nor more than 400 tokens past its mark (a text of one
 * paragraph whose marks do not pair is no quotation of one speaker). */
static void quote_mask(actx *x) {
  const td_doc *doc = x->doc;
  x->inq = td_arena_alloc(&x->doc->arena, doc->ntoks + 1);
  long last = -1; /* the latest token with a mark or a paragraph start */
  for (size_t i = 0; i < doc->ntoks; i++) {
    uint32_t f = last >= 0 ? doc->toks[last].flags : 0;
    x->inq[i] = !(doc->toks[i].flags & TD_TOK_PARA_START) && last >= 0 &&
                (long)i - last <= 400 && !(f & TD_TOK_QUOTE_CLOSE) && (f & TD_TOK_QUOTE_OPEN) &&
                !(last > 0 && !(f & TD_TOK_PARA_START) && !tok_cap(x, last + 1) &&
                  (tok_is(x, last - 1, ",") || tok_is(x, last - 1, ".") ||
                   tok_is(x, last - 1, "?") || tok_is(x, last - 1, "!")));
    if (doc->toks[i].flags & (TD_TOK_QUOTE_OPEN | TD_TOK_QUOTE_CLOSE | TD_TOK_PARA_START))
      last = (long)i;
  }
}

/* Tokens [a, a + n) and [b, b + n) have the same norms (the first
 * letters compared before the words: most differ there; inline, as the
 * loops over every name or token that ask it turn most away there). */
static inline int same_norms(const actx *x, long a, long b, long n) {
  for (long t = 0; t < n; t++) {
    const char *u = tk(x, a + t)->norm, *v = tk(x, b + t)->norm;
    if (u[0] != v[0] || strcmp(u, v) != 0) return 0;
  }
  return 1;
}
/* Token i ends in a possessive 's glued to it (Korea's, Korea’s). */
static int glued_poss(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  const char *s = x->doc->text + t->start;
  size_t n = t->end - t->start;
  if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's') return 2;
  if (n > 4 && memcmp(s + n - 4, "\xe2\x80\x99s", 4) == 0) return 4;
  return 0;
}
/* A separate possessive token at i ('s, ’s). */
static int poss_tok(const actx *x, long i) {
  return tok_is(x, i, "'s") || tok_is(x, i, "\xe2\x80\x99s") || tok_is(x, i, "'");
}
/* The span [t0, t1) ends in a possessive token that is no part of a name
 * (`Britain 's`, not the dictionary's `Moody 's`): the span drops it. */
static int trailing_poss(const actx *x, long t0, long t1) {
  return t1 - 1 > t0 && poss_tok(x, t1 - 1) && !(x->wf[t1 - 1] & W_NAMEPOSS);
}

static const dm *match_at(const actx *x, long i, long s0, long s1) {
  if (i < s0 || i >= s1) return NULL;
  int32_t k = x->at[i - s0];
  return k >= 0 ? &x->m[k] : NULL;
}
static const dm *match_ending(const actx *x, long i, long s0, long s1) {
  const dm *d = match_at(x, i, s0, s1);
  return d && (long)d->tok1 == i + 1 ? d : NULL;
}

/* Folded lowercase copy of word s[0..n) (possessive dropped) into o, of
 * n + 1 bytes at least. */
static void fold_into(char *o, const char *s, size_t n) {
  if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's') n -= 2;
  else if (n > 4 && memcmp(s + n - 4, "\xe2\x80\x99s", 4) == 0) n -= 4;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '-' || c == ' ') continue;
    o[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); /* tolower, C locale */
  }
  o[k] = 0;
}

/* Folded lowercase copy of a word (possessive dropped) into the arena. */
static char *fold_word(actx *x, const char *s, size_t n) {
  char *o = td_arena_alloc(&x->doc->arena, n + 1);
  fold_into(o, s, n);
  return o;
}

static int is_cue(const actx *x, long i) {
  if (i < 0 || (size_t)i >= x->doc->ntoks) return 0;
  if (x->wf[i] & W_CUE) return 1;
  if (tok_is(x, i, "was") && tok_is(x, i + 1, "quoted")) return 1;
  return 0;
}

/* ---- actors ---- */

static td_actor *A(actx *x, int i) { return &x->doc->actors[i]; }

static int find_entity(actx *x, const char *entity) {
  for (size_t i = 0; i < x->doc->nactors; i++)
    if (strcmp(x->doc->actors[i].entity, entity) == 0) return (int)i;
  return -1;
}

static int new_actor(actx *x, const char *entity, const char *name, const char *kind) {
  td_doc *d = x->doc;
  TD_AGROW(&d->arena, d->actors, d->cap_actors, d->nactors + 1);
  if (x->cap_ai < d->cap_actors) {
    ainfo *n = td_arena_alloc(&d->arena, d->cap_actors * sizeof *n);
    if (x->ai) memcpy(n, x->ai, d->nactors * sizeof *n);
    x->ai = n, x->cap_ai = d->cap_actors;
  }
  int k = (int)d->nactors++;
  memset(&d->actors[k], 0, sizeof d->actors[k]);
  memset(&x->ai[k], 0, sizeof x->ai[k]);
  td_actor *a = &d->actors[k];
  a->entity = td_arena_strdup(&d->arena, entity);
  a->name = td_arena_strdup(&d->arena, name);
  a->kind = kind;
  x->ai[k].gender = '-';
  x->ai[k].speaker_tok = -1;
  x->ai[k].last_tok = -1;
  return k;
}

/* Adds tokens [t0, t1) as a mention of actor k (a glued possessive is left
 * out of the span); the same span twice is kept once. */
static void add_mention(actx *x, int k, long t0, long t1) {
  td_actor *a = A(x, k);
  if (trailing_poss(x, t0, t1)) t1--;
  uint32_t s = tk(x, t0)->start, e = tk(x, t1 - 1)->end;
  int g = glued_poss(x, t1 - 1);
  if (g && e - (uint32_t)g > s) e -= (uint32_t)g;
  for (size_t i = 0; i < a->nmentions; i++)
    if (a->mentions[i].start == s && a->mentions[i].end == e) return;
  TD_AGROW(&x->doc->arena, a->mentions, a->cap_mentions, a->nmentions + 1);
  a->mentions[a->nmentions++] = (td_span){s, e};
  if (t0 > x->ai[k].last_tok) x->ai[k].last_tok = t0;
  if (t1 - t0 == 1 && tk(x, t0)->upos == TD_PROPN && a->kind[0] == 'p' &&
      (x->ai[k].last || x->ai[k].first)) {
    char *w = fold_word(x, x->doc->text + s, e - s);
    if (x->ai[k].last && td_str_eq(x->ai[k].last, w)) x->ai[k].alone |= 1;
    if (x->ai[k].first && td_str_eq(x->ai[k].first, w)) x->ai[k].alone |= 2;
  }
}

static void add_name(actx *x, long t0, long t1, int type) {
  if (!x->want_names || t1 <= t0) return;
  if (trailing_poss(x, t0, t1)) t1--;
  if (t1 - 1 > t0 && tok_is(x, t0, "the")) t0++; /* "the Netherlands" names Netherlands */
  if (x->nnames && x->names[x->nnames - 1].tok1 > (uint32_t)t0) {
    td_ne *last = &x->names[x->nnames - 1];
    if (last->tok0 == (uint32_t)t0 && last->tok1 == (uint32_t)t1) last->type = type;
    return;
  }
  TD_AGROW(&x->doc->arena, x->names, x->cap_names, x->nnames + 1);
  x->names[x->nnames++] = (td_ne){(uint32_t)t0, (uint32_t)t1, type, 0, 0, 0};
}

/* The byte span of tokens [t0, t1) with a glued or separate possessive
 * at the end dropped. */
static void span_of(const actx *x, long t0, long t1, uint32_t *s, uint32_t *e) {
  if (trailing_poss(x, t0, t1)) t1--;
  *s = tk(x, t0)->start, *e = tk(x, t1 - 1)->end;
  int g = glued_poss(x, t1 - 1);
  if (g && *e - (uint32_t)g > *s) *e -= (uint32_t)g;
}

/* Text of tokens [t0, t1) (glued possessive dropped), in the arena. */
static char *span_text(actx *x, long t0, long t1) {
  uint32_t s, e;
  span_of(x, t0, t1, &s, &e);
  return td_arena_strndup(&x->doc->arena, x->doc->text + s, e - s);
}

/* The key of name[0..n) (up to a NUL) into o (n + 1 bytes). */
static void key_into(char *o, const char *name, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n && name[i]; i++) {
    unsigned char c = (unsigned char)name[i];
    /* isalnum and tolower of the C locale (the program never sets one),
     * without the calls */
    if (c >= 0xC0) { /* a capital beyond ASCII lowercased too (Émile, Łukasz) */
      uint32_t cp;
      int len = td_utf8_decode((const unsigned char *)name + i, n - i, &cp);
      char w[4];
      if (len > 1 && td_cp_case(cp) > 0 && td_utf8_encode(w, td_cp_lower(cp)) == len) {
        memcpy(o + k, w, (size_t)len);
        k += (size_t)len, i += (size_t)len - 1;
        continue;
      }
    }
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80) o[k++] = (char)c;
    else if (c >= 'A' && c <= 'Z') o[k++] = (char)(c + 32);
    else if ((c == ' ' || c == '-') && k && o[k - 1] != '-') o[k++] = '-';
  }
  while (k && o[k - 1] == '-') k--;
  o[k] = 0;
}

/* A stable key from a name: "Cho Tae-yul" -> "cho-tae-yul". */
static char *name_key(actx *x, const char *name) {
  size_t n = strlen(name);
  char *o = td_arena_alloc(&x->doc->arena, n + 1);
  key_into(o, name, n);
  return o;
}

static char *code_of(actx *x, const char *country, const char *sector) {
  return td_arena_printf(&x->doc->arena, "%s%s", country ? country : "", sector ? sector : "");
}

/* Country actor for an ISO3 code; the mention [t0, t1) names it. */
static int country_actor(actx *x, const char *iso, long t0, long t1, int is_name) {
  char key[8];
  snprintf(key, sizeof key, "%s", iso);
  for (char *p = key; *p; p++) *p = (char)tolower((unsigned char)*p);
  int k = find_entity(x, key);
  if (k < 0) {
    k = new_actor(x, key, span_text(x, t0, t1), "country");
    A(x, k)->code = td_arena_strdup(&x->doc->arena, iso);
    A(x, k)->country = A(x, k)->code;
    A(x, k)->known = 1;
    x->ai[k].is_country_name = is_name;
  } else if (is_name && (!x->ai[k].is_country_name ||
                         (strlen(A(x, k)->name) > 20 && t1 - t0 <= 3))) {
    A(x, k)->name = span_text(x, t0, t1);
    x->ai[k].is_country_name = 1;
  }
  add_mention(x, k, t0, t1);
  return k;
}

/* The actor's sector from a sector word's payload: its first CAMEO
 * sector, the one the other layers read (`GOVHLH`, a government's health
 * service, is sector GOV; the code keeps the whole). */
static char *sector_of(actx *x, const char *payload) {
  return td_arena_strndup(&x->doc->arena, payload, strlen(payload) > 3 ? 3 : strlen(payload));
}

static int group_actor(actx *x, const char *iso, const char *sector, long t0, long t1) {
  char *code = code_of(x, iso, sector);
  char *key = name_key(x, td_arena_printf(&x->doc->arena, "%s-%s", iso, sector));
  int k = find_entity(x, key);
  if (k < 0) {
    k = new_actor(x, key, span_text(x, t0, t1), "group");
    A(x, k)->code = code;
    A(x, k)->country = td_arena_strdup(&x->doc->arena, iso);
    A(x, k)->sector = sector_of(x, sector);
    A(x, k)->known = 1;
  }
  add_mention(x, k, t0, t1);
  return k;
}

/* Splits payload "A|B|C" field i into the arena; "" when absent. */
static char *field(actx *x, const char *payload, int i, char sep) {
  const char *p = payload;
  for (; i > 0 && p; i--) {
    p = strchr(p, sep);
    if (p) p++;
  }
  if (!p) return td_arena_strdup(&x->doc->arena, "");
  const char *e = strchr(p, sep);
  return td_arena_strndup(&x->doc->arena, p, e ? (size_t)(e - p) : strlen(p));
}

static const char *shared_name(const char *payload);
static int in_iso_list(const char *l, const char *iso);
static const char *shared_payload(actx *x, const char *payload, const char *iso);
static const char *local_payload(actx *x, const char *payload);

/* An organization actor of dictionary entry d; ctx_country is the country
 * of a country word right before it (`Japan's`, `Ivorian`), or NULL. An
 * entry without a country takes it (`the Japanese Red Cross`); so does a
 * government body of the dictionary (org.gov) whose name many countries
 * give their own (`the Ivory Coast's Supreme Court`, `Japan's Justice
 * Department`, `Britain's Treasury`): the country named before it is its
 * country, not the one the dictionary gives the bare name. */
static int org_actor(actx *x, const dm *d, const char *ctx_country) {
  const char *payload = d->payload;
  /* (`the Canadian Tories`: a name several countries' parties bear) */
  const char *also = shared_name(payload);
  if (ctx_country && also && in_iso_list(also, ctx_country) &&
      strcmp(field(x, payload, 3, '|'), ctx_country) != 0)
    payload = shared_payload(x, payload, ctx_country);
  char *code = field(x, payload, 0, '|'), *entity = field(x, payload, 1, '|');
  char *name = field(x, payload, 2, '|'), *country = field(x, payload, 3, '|');
  char *sector = field(x, payload, 4, '|');
  if (*country && ctx_country && *sector && is_cls(d, "org.gov") &&
      strcmp(country, ctx_country) != 0) {
    country = td_arena_strdup(&x->doc->arena, ctx_country);
    code = code_of(x, country, sector);
    entity = td_arena_printf(&x->doc->arena, "%s-%s", entity, country);
    for (char *p = entity; *p; p++) *p = (char)tolower((unsigned char)*p);
  } else if (!*country && ctx_country && strncmp(code, "IGO", 3) != 0 && strlen(code) <= 3) {
    country = td_arena_strdup(&x->doc->arena, ctx_country);
    code = code_of(x, country, code);
    entity = td_arena_printf(&x->doc->arena, "%s-%s", entity, country);
    for (char *p = entity; *p; p++) *p = (char)tolower((unsigned char)*p);
  }
  if (!*entity) entity = name_key(x, span_text(x, d->tok0, d->tok1));
  int k = find_entity(x, entity);
  if (k < 0) {
    k = new_actor(x, entity, *name ? name : span_text(x, d->tok0, d->tok1), "organization");
    A(x, k)->code = *code ? code : NULL;
    A(x, k)->country = *country ? country : NULL;
    A(x, k)->sector = *sector ? sector : NULL;
    A(x, k)->known = 1;
    x->ai[k].sport = is_cls(d, "org.sport");
  }
  add_mention(x, k, d->tok0, d->tok1);
  return k;
}

/* Whether the role the text gives before a name is the dictionary's role
 * (keys equal, or the role begins with it: "Chancellor" of "Chancellor of
 * the Exchequer"). */
static int role_named(actx *x, const char *role, const char *text_role) {
  if (!text_role || !*role) return 0;
  const char *r = name_key(x, role), *t = name_key(x, text_role);
  size_t n = strlen(t);
  return n && strncmp(r, t, n) == 0 && (r[n] == 0 || r[n] == '-');
}

/* The fields of one of a known person's roles, p[0..n) of
 * "ISO,SECTOR,ROLE,START,END": into f, each cut to its size, missing ones
 * empty. */
static void role_fields(const char *p, size_t n, char f[5][96]) {
  memset(f, 0, 5 * sizeof f[0]);
  int fi = 0;
  size_t fl = 0;
  for (size_t i = 0; i < n && fi < 5; i++) {
    if (p[i] == ',') {
      fi++, fl = 0;
      continue;
    }
    if (fl + 1 < sizeof f[0]) f[fi][fl++] = p[i];
  }
}

/* The next of a known person's dated roles ("ROLE;ROLE;…") at *p into f
 * (role_fields), *p moved past it: 0 when none is left. */
static int next_role(const char **p, char f[5][96]) {
  if (!*p || !**p) return 0;
  const char *e = strchr(*p, ';');
  role_fields(*p, e ? (size_t)(e - *p) : strlen(*p), f);
  *p = e ? e + 1 : NULL;
  return 1;
}

/* Sets a known person's role from the payload's dated roles: the one held
 * on doc->date, else the latest one before it (role_past), else the first.
 * An undated article that titles the person ("Chancellor Gordon Brown")
 * takes the role of that title, whatever came later.
 * `past_marker`: 1 for "then", 2 for "former"; text_role: the title before
 * the name, or NULL. */
static void set_person_role(actx *x, int k, const char *roles, int past_marker,
                            const char *text_role) {
  const char *date = x->doc->date;
  /* (an undated article of a known era, estimate_era: a role held in it,
   * else the latest ended before it, unless the text titles the person) */
  const char *elo = !date && x->era[0][0] && !(text_role && *text_role) ? x->era[0] : NULL;
  const char *ehi = x->era[1];
  td_actor *a = A(x, k);
  char best[5][96] = {{0}};
  int have = 0, best_rank = -1;
  char bestdate[96] = "";
  const char *p = roles;
  char f[5][96];
  while (next_role(&p, f)) {
    /* rank: 3 held on date, 2 ended before date (latest wins), 1 other */
    int rank;
    const char *start = f[3], *end = f[4];
    if (elo)
      rank = strcmp(start, ehi) < 0 && (!*end || strcmp(end, elo) > 0) ? 3
             : *end && strcmp(end, elo) <= 0                            ? 2
                                                                        : 1;
    else if (!date) /* undated: the role the text names, else the latest one */
      rank = role_named(x, f[2], text_role) ? 4 : strcmp(start, bestdate) >= 0 ? 3 : 1;
    else if (strcmp(start, date) <= 0 && (!*end || strcmp(date, end) < 0)) rank = 3;
    else if (*end && strcmp(end, date) <= 0) rank = 2;
    else rank = 1;
    /* (of two held in an era, the later begun: `MEP` then `Leader of
     * Veritas`; of two ended before a date, the later ended) */
    const char *key = elo ? (rank == 3 ? start : end) : date ? end : start;
    if (rank > best_rank || (rank == best_rank && strcmp(key, bestdate) > 0)) {
      best_rank = rank;
      memcpy(best, f, sizeof best);
      snprintf(bestdate, sizeof bestdate, "%s", key);
      have = 1;
    }
  }
  if (!have) return;
  td_arena *ar = &x->doc->arena;
  int igo = strncmp(best[0], "IGO", 3) == 0;
  if (best_rank == 1) { /* every role lies after the article's date */
    a->country = igo || !*best[0] ? NULL : td_arena_strdup(ar, best[0]);
    a->code = a->country;
    return;
  }
  a->country = igo || !*best[0] ? NULL : td_arena_strdup(ar, best[0]);
  a->sector = *best[1] ? td_arena_strdup(ar, best[1]) : NULL;
  a->role = td_arena_strdup(ar, best[2]);
  /* (an undated article with no era: a role, not the text's, ended before
   * the latest year it tells of is a past one, text_since) */
  if (!date && !elo && best_rank == 3 && x->since[0] && *best[4] && strcmp(best[4], x->since) < 0)
    best_rank = 2;
  a->role_past = best_rank < 3 || past_marker;
  x->ai[k].role_titled = best_rank == 4;
  const char *sector = best[1];
  if (past_marker == 2 || (best_rank == 2 && past_marker != 1)) sector = "ELI";
  a->code = igo ? td_arena_strdup(ar, best[0]) : code_of(x, best[0], sector);
  x->ai[k].role_key = name_key(x, best[2]);
}

static void set_name_parts(actx *x, int k, long t0, long t1) {
  x->ai[k].first = fold_word(x, x->doc->text + tk(x, t0)->start, tk(x, t0)->end - tk(x, t0)->start);
  x->ai[k].last = fold_word(x, x->doc->text + tk(x, t1 - 1)->start,
                            tk(x, t1 - 1)->end - tk(x, t1 - 1)->start);
}

/* Words that end organization and event names (also used by eval ner). */
static const char *const org_words[] = {
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "group", "bank",
    "party", "club", "united", "fc", "association", "ministry", "council", "agency",
    "university", "institute", "committee", "commission", "federation", "union", "league",
    "board", "corporation", "company", "airlines", "airways", "motors", "exchange", "fund",
    "foundation", "press", "news", "times", "post", "journal", "bureau", "office", "court",
    "department", "army", "navy", "police", "church", "school", "college", "society",
    "holdings", "industries", "international", "reuters", "systems", "securities", "rovers",
    "city", "town", "county", "athletic", "wanderers", "albion", "hotspur", "villa", "ag",
    "sa", "nv", "gmbh", "bhd", "telecom", "energy", "oil", "petroleum", "capital", "partners",
    "brothers", "network", "service", "services", "authority", "parliament", "assembly",
    "congress", "senate", "cabinet", "government", "team", "trust", "centre", "center",
    "street", "concern", "sports", "dems", "labour", "tories", "democrats", "republicans",
    "conservatives", "liberals", "radio", "television", "tv", "magazine", "channel", "fc",
    "hospital", "airport", "station", "square", "road", "avenue", "palace", "hall",
    "organisation", "organization", "movement", "front", "alliance", "coalition", "bancorp",
    "bancshares", "financial", "insurance", "pharmaceuticals", "chemicals", "electric",
    "electronics", "steel", "mining", "resources", "communications", "technologies",
    "airline", "railways", "railway", "shipping", "petroleum", "gas", "motor", "works",
    "tribunal", "commission", "directorate", "secretariat", "observatory", "watch",
    "administration", "weekly", "newsroom", "force", "forces", "fellowship",
    "daily", "herald", "tribune", "gazette", "telegraph", "chronicle",
    /* legal forms of firms abroad (Swebus AB, Ostra Capital LP) and the
     * trades firms are named by (Dunnes Stores, Berlex Laboratories) */
    "ab", "lp", "llc", "llp", "s.a.", "a.g.", "n.v.", "b.v.", "bv", "spa", "s.p.a.", "oy",
    "oyj", "asa", "pty", "pte", "tbk", "pcl", "jsc", "ojsc", "srl", "sarl", "limited",
    "incorporated", "mills", "stores", "aviation", "cement", "laboratories", "pictures",
    "studios", "broadcasting", "cables", "assurance", "textiles", "foods", "breweries",
    "brewery", "enterprises", "investments", "publishing", "hotels", "petrochemicals",
    "metals", "minerals", "plastics", "utilities", "logistics", "software", "automotive",
    NULL};
/* Words that end the name of a place or a building (org_words has some
 * of them for clubs and firms: Bristol City). */
static const char *const facility_words[] = {"city", "square", "street", "road", "avenue",
                                             "hospital", "centre", "center", "airport",
                                             "station", "palace", "hall", "course", "bridge",
                                             "stadium", "prison", "jail", "motel", "park",
                                             "port", "gallery", "museum", NULL};
static const char *const misc_words[] = {"cup", "open", "championship", "championships",
                                         "series", "games", "olympics", "tour", "day",
                                         "prize", "award", "awards", "trophy", "classic",
                                         "grand", "prix", "masters", "war", "act", "treaty",
                                         /* works and events named after a person:
                                          * the Benny Hill Show, the Reith Lecture */
                                         "show", "programme", "hour", "festival", "stakes",
                                         "lecture", NULL};
/* The head words of works, prizes and events named after a person (the
 * Benny Hill Show, the Reith Lecture, the Ryder Cup): misc_words less
 * those as often surnames (Day, Masters, Grand). */
static const char *const named_for_heads[] = {"show", "programme", "hour", "festival", "stakes",
                                              "lecture", "cup", "prize", "award", "awards",
                                              "trophy", "championship", "championships",
                                              "series", "games", "olympics", "classic",
                                              NULL};
/* The head words of the names of documents, whose `of`/`on` joins the
 * name (`European Convention on Human Rights`, `Treaty of Amsterdam`):
 * the thing named is the document (MISC), not the words after. */
static const char *const doc_heads[] = {"convention", "treaty", "charter", "directive",
                                        "protocol", "declaration", NULL};
/* Words of sports stories (sports_doc). */
static const char *const sports_words[] = {
    "soccer", "football", "cricket", "baseball", "basketball", "hockey", "rugby", "innings",
    "wickets", "wicket", "batting", "bowling", "goals", "goal", "half-time", "halftime",
    "standings", "playoff", "playoffs", "league", "division", "pitcher", "inning", "homer",
    "touchdown", "quarterback", "striker", "midfielder", "goalkeeper", "penalty", "scored",
    "nba", "nfl", "nhl", "championship", NULL};

/* Words of stories of music, film and the stage (arts_doc). */
static const char *const arts_words[] = {
    "band", "bands", "album", "albums", "singer", "singers", "rapper", "guitarist",
    "drummer", "gig", "gigs", "concert", "concerts", "song", "songs", "chart", "charts",
    "film", "films", "movie", "movies", "actor", "actors", "actress", "musical", "musicals",
    "theatre", "theater", "ballet", "opera", "premiere", "oscar", "oscars", "grammy",
    "grammys", "bafta", "baftas", "indie", "playwright", NULL};

static void wl_build_named(void) {
  for (const char *const *w = arts_words; *w; w++) wl_add(*w, W_ARTS);
  for (const char *const *w = org_words; *w; w++) wl_add(*w, W_ORG);
  for (const char *const *w = misc_words; *w; w++) wl_add(*w, W_MISC);
  for (const char *const *w = facility_words; *w; w++) wl_add(*w, W_FACILITY);
  for (const char *const *w = sports_words; *w; w++) wl_add(*w, W_SPORT);
}

/* ---- context around titles ---- */

typedef struct {
  const char *country; /* ISO3 from `South Korean`, `Japan's`, `U.S.` */
  int past;            /* 1 "then", 2 "former"/"ex" */
  long start;          /* first token of the context */
  const char *rank;    /* "Vice", "Deputy", "Acting" before the title, or NULL */
  const char *org;     /* the payload of an organization right before the title
                        * ("Arab League Secretary General", "the Pentagon's
                        * spokesman"), or NULL */
  const char *title_role; /* the role of the title right before the name
                           * ("Chancellor Gordon Brown": "Chancellor"), or NULL */
} tctx;

typedef struct {
  const char *cls, *payload;
} glued_ctx;
static int glued_cb(void *ctx, const td_match *m);

/* `Conservative leader X`, `Republican Senator X`: token i, a
 * capitalized word of no dictionary entry that with `Party` after it
 * names a party of the dictionary, is that party's adjective: its
 * payload, else NULL. Read before a title only (`Conservative estimates`
 * stays a word). */
static const char *party_adjective(actx *x, long i, long s0, long s1) {
  if (i < s0 || !tok_cap(x, i) || match_at(x, i, s0, s1) ||
      (tk(x, i)->flags & (TD_TOK_ALLCAPS | TD_TOK_PUNCT)))
    return NULL;
  const td_tok *w = tk(x, i);
  if (w->end - w->start >= 40) return NULL;
  char buf[64];
  snprintf(buf, sizeof buf, "%.*s Party", (int)(w->end - w->start), x->doc->text + w->start);
  static const char *const party[] = {"org.party", NULL};
  glued_ctx g = {NULL, NULL};
  td_dict_lookup(x->eng->dict, buf, party, glued_cb, &g);
  return g.payload ? local_payload(x, g.payload) : NULL;
}

/* Reads `[then|former] [country adj | country's | country] ` before token
 * t (within the sentence from s0). */
static tctx title_context(actx *x, long t, long s0, long s1) {
  tctx c = {NULL, 0, t, NULL, NULL, NULL};
  long i = t - 1;
  /* Vice Unification Minister, deputy national security adviser */
  static const char *const ranks[] = {"vice", "deputy", "acting", "assistant", "senior",
                                      "first", "chief", "former", NULL};
  long r = i;
  while (r >= s0 && td_str_in(tk(x, r)->norm, ranks) && strcmp(tk(x, r)->norm, "former") != 0) r--;
  if (r < i) {
    uint32_t a = tk(x, r + 1)->start, b = tk(x, i)->end;
    char *w = td_arena_strndup(&x->doc->arena, x->doc->text + a, b - a);
    w[0] = (char)toupper((unsigned char)w[0]);
    for (char *q = w; *q; q++)
      if (q[0] == ' ' && q[1]) q[1] = (char)toupper((unsigned char)q[1]);
    c.rank = w;
    c.start = r + 1;
    i = r;
  }
  if (i >= s0 && tok_is(x, i, "the")) i--;
  const dm *d = i >= s0 ? match_ending(x, i, s0, s1) : NULL;
  if (!d && i > s0 && poss_tok(x, i)) d = match_ending(x, --i, s0, s1);
  /* `Spanish Farm Minister`, `Japanese Economy and Trade Minister`, `EU
   * trade commissioner`, `Tory health spokesman`, `Labour's campaign
   * spokesman`: a portfolio (a spokesman's field) the dictionary does not
   * list, one or two capitalized words or lowercase nouns or adjectives
   * (not a past marker: `British former minister`) with no entry of their
   * own (or `and` between), between `minister`/`secretary`/
   * `commissioner`/`spokesman` and a country word, an organization (not a
   * sports club, which has no code), either in the possessive, or a
   * party's adjective */
  static const char *const portfolio_titles[] = {"minister", "secretary", "commissioner",
                                                 "spokesman", "spokeswoman", "spokesperson",
                                                 NULL};
  if (!d && t < s1 && td_str_in(tk(x, t)->norm, portfolio_titles)) {
    long j = i;
    for (int n = 0; n < 3 && j > s0; n++, j--) {
      int conj = n == 1 && tok_is(x, j, "and");
      int low = (tk(x, j)->upos == TD_NOUN || tk(x, j)->upos == TD_ADJ) &&
                !rule_at(x, AR_THEN, j) && !rule_at(x, AR_FORMER, j);
      if (conj) continue;
      if (!(tok_cap(x, j) || low) || (tk(x, j)->flags & TD_TOK_ALLCAPS) || poss_tok(x, j) ||
          match_at(x, j, s0, s1))
        break;
      const dm *cd = match_ending(x, j - 1, s0, s1);
      if (!cd && j - 1 > s0 && poss_tok(x, j - 1)) cd = match_ending(x, j - 2, s0, s1);
      if (cd && (is_cls(cd, "country") || (is_cls(cd, "org") && !is_cls(cd, "org.sport")))) {
        d = cd;
        i = (long)cd->tok1 - 1;
        break;
      }
      const char *pa = !cd ? party_adjective(x, j - 1, s0, s1) : NULL;
      if (pa) {
        c.org = pa;
        i = j - 2;
        break;
      }
    }
  }
  /* `Conservative leader X`, `Republican Senator X` (party_adjective) */
  const char *party = !d && !c.org ? party_adjective(x, i, s0, s1) : NULL;
  if (party) c.org = party, i--;
  /* `NATO spokesman Lieutenant Colonel X`, `Japanese army chief General
   * X`: a title right before the title gives the words before it */
  if (d && is_cls(d, "title") && !is_cls(d, "title.plural") && (long)d->tok0 - 1 >= s0) {
    long q = (long)d->tok0 - 1;
    if (tok_is(x, q, "the") && q > s0) q--;
    const dm *e = match_ending(x, q, s0, s1);
    if (!e && q > s0 && poss_tok(x, q)) e = match_ending(x, --q, s0, s1);
    if (e && (is_cls(e, "country") || is_cls(e, "org"))) d = e;
  }
  if (d && is_cls(d, "country")) {
    c.country = d->payload;
    c.start = d->tok0;
    i = (long)d->tok0 - 1;
  } else if (d && is_cls(d, "org") &&
             !((long)d->tok0 - 1 > s0 && tok_cap(x, (long)d->tok0 - 2) &&
               (tok_is(x, (long)d->tok0 - 1, "and") || tok_is(x, (long)d->tok0 - 1, "&")))) {
    /* "the White House's spokesman", "NATO Secretary General" (not a title
     * of two parts, "Economy and Labour Minister", though `..., and Tory
     * leader X`); a past marker may stand before it (`former Tory
     * chancellor X`) */
    c.org = d->payload;
    i = (long)d->tok0 - 1;
  }
  /* actors.then, actors.former (data/actors/titles.rules) */
  if (i >= s0 && rule_at(x, AR_THEN, i)) c.past = 1, c.start = i;
  if (i >= s0 && rule_at(x, AR_FORMER, i)) c.past = 2, c.start = i;
  /* a title's own first token `Ex-President`, or its organization's or
   * country's `Ex-Labour MP`, `ex-US President` (glued_titles) */
  if (t < s1 && rule_at(x, AR_FORMER, t)) c.past = 2;
  if ((c.org || c.country) && i + 1 < t && rule_at(x, AR_FORMER, i + 1)) c.past = 2;
  return c;
}

/* `[title] of [the] country` ("the president of Armenia"): the country
 * goes into c when the words before the title named none. Returns the end
 * of the country word then, else 0. */
static long title_of(actx *x, const dm *title, tctx *c, long s0, long s1) {
  if (c->country || c->org || !(tok_is(x, title->tok1, "of") || tok_is(x, title->tok1, "for")))
    return 0;
  const dm *of = match_at(x, title->tok1 + 1, s0, s1);
  if (!of && tok_is(x, title->tok1 + 1, "the")) of = match_at(x, title->tok1 + 2, s0, s1);
  /* `the chairman of the OSCE`, `general secretary of Unison`: the
   * organization's officer (not a sports club's: it has no code) */
  if (of && is_cls(of, "org") && !is_cls(of, "org.sport") &&
      (of->tok1 >= (uint32_t)s1 || !tok_cap(x, (long)of->tok1))) {
    c->org = of->payload;
    return 0;
  }
  if (!of || !is_cls(of, "country") || !tok_is(x, title->tok1, "of")) return 0;
  /* (not a country in the possessive, which owns the next noun: `the
   * leader of Britain's biggest union` leads the union) */
  if (of->poss || glued_poss(x, (long)of->tok1 - 1) || poss_tok(x, (long)of->tok1)) return 0;
  c->country = of->payload;
  return of->tok1;
}

static int currency_after(const actx *x, long t, long s1);

/* The country of the nearest country word before token t in the sentence,
 * else the nearest after it; not a word that names a currency (`up to US
 * $50 million`: Aristide is no American president). */
/* Country word d after the title at t is another's: a title or a known
 * person follows it (`President Francois Mitterand gave a welcome to South
 * African leader F.W. de Klerk`: South Africa is de Klerk's, not the
 * president's). Before the title it may well be the title's too (`Kenyan
 * President X met Foreign Minister Y`), so only words after it count. */
static int country_of_other(actx *x, const dm *d, long t, long s0, long s1) {
  long n = (long)d->tok1 + (poss_tok(x, (long)d->tok1) ? 1 : 0);
  if (n == t || n >= s1) return 0;
  const dm *nx = match_at(x, n, s0, s1);
  return nx && (long)nx->tok0 == n &&
         (is_cls(nx, "title") || (is_cls(nx, "person") && !is_surname(nx)));
}

static const char *sentence_country(actx *x, long t, long s0, long s1) {
  for (long i = t - 1; i >= s0; i--) {
    const dm *d = match_at(x, i, s0, s1);
    if (d && is_cls(d, "country") && !currency_after(x, d->tok1, s1)) return d->payload;
  }
  /* after it, not a country that `from`, `to`, `with`, `against` …
   * govern (`since independence from Britain`, `a close relationship with
   * Japan`): the title's holder is seldom of the country an act of his
   * goes to or comes from (but `of`, `in`: `President Musharraf of
   * Pakistan`, `the minister said in Britain`) */
  for (long i = t; i < s1; i++) {
    const dm *d = match_at(x, i, s0, s1);
    if (!d || (long)d->tok0 != i || !is_cls(d, "country")) continue;
    long p = i - 1;
    if (p > t && tok_is(x, p, "the")) p--;
    static const char *const away[] = {"from", "to", "with", "against", "into", "toward",
                                        "towards", "between", NULL};
    if (p >= t && td_str_in(tk(x, p)->norm, away)) continue;
    if (!currency_after(x, d->tok1, s1) && !country_of_other(x, d, t, s0, s1)) return d->payload;
  }
  return NULL;
}

/* The article's main country: the first country it names, which in news
 * is the lead's subject (`South Korea and the United States vowed …`).
 * NULL before any country word. */
static const char *main_country(const actx *x) { return x->nseen ? x->seen[0] : NULL; }

/* The countries other than its own whose bodies bear the name of an
 * organization entry (its payload's sixth field, `CAN,NOR`: `Tory`,
 * `Labour`, `Democratic Party`), or NULL for a name one body has. */
static const char *shared_name(const char *payload) {
  const char *p = payload;
  for (int i = 0; i < 5 && p; i++)
    if ((p = strchr(p, '|'))) p++;
  return p && *p ? p : NULL;
}

/* Country iso is one of the comma-separated list l. */
static int in_iso_list(const char *l, const char *iso) {
  size_t n = strlen(iso);
  for (const char *p = l; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
    if (strncmp(p, iso, n) == 0 && (p[n] == ',' || p[n] == '|' || p[n] == 0)) return 1;
  return 0;
}

/* The country of one dictionary match for topic_country: a country word's,
 * a nation's (England), an organization's, a known person's on the
 * article's date (any role in an undated one), a place's of the
 * dictionary (`Illinois`); NULL for none. A surname
 * alone counts for nothing (`Brown`). */
static const char *match_country(const actx *x, const dm *d, char *buf, size_t cap) {
  if (is_cls(d, "country")) return d->payload;
  if (!d->payload) return NULL;
  if (is_cls(d, "nonactor.place")) return strlen(d->payload) == 3 ? d->payload : NULL;
  if (is_cls(d, "org")) { /* CODE|ENTITY|NAME|COUNTRY|SECTOR */
    const char *p = d->payload;
    for (int i = 0; i < 3 && p; i++)
      if ((p = strchr(p, '|'))) p++;
    if (!p || p[0] == '|' || !p[0]) return NULL;
    snprintf(buf, cap, "%.*s", (int)strcspn(p, "|"), p);
    return strlen(buf) == 3 ? buf : NULL;
  }
  if (is_cls(d, "person") && !is_surname(d) &&
      role_active_in(d->payload, x->doc->date, buf, cap, NULL, 0))
    return strlen(buf) == 3 ? buf : NULL;
  return NULL;
}

/* The country the article is about: the one its dictionary matches name
 * most often (country words and the countries of the organizations and
 * known people it names); NULL when it names none, or two as often. A
 * story of US Treasury bonds that names Britain once is the US's;
 * a British budget story whose first country word is Iraq is Britain's. */
static const char *topic_country(actx *x) {
  if (x->topic_done) return x->topic;
  x->topic_done = 1;
  const char *cc[32];
  int n[32], nc = 0, best = -1;
  for (size_t k = 0; k < x->nall; k++) {
    char buf[8];
    const char *c = match_country(x, &x->all[k], buf, sizeof buf);
    if (!c) continue;
    int q = 0;
    while (q < nc && strcmp(cc[q], c) != 0) q++;
    if (q == nc) {
      if (nc == 32) continue;
      cc[nc] = td_arena_strdup(&x->doc->arena, c), n[nc++] = 0;
    }
    n[q]++;
    if (best < 0 || n[q] > n[best]) best = q;
  }
  x->topic_n = best >= 0 ? n[best] : 0;
  for (int q = 0; q < nc; q++)
    if (q != best && n[q] > x->topic_next) x->topic_next = n[q];
  /* (a tie names no country: which of two got there first says nothing
   * of what the story is about) */
  x->topic = best >= 0 && x->topic_n > x->topic_next ? cc[best] : NULL;
  return x->topic;
}

/* Payload of an organization entry whose name the bodies of several
 * countries bear (shared_name), made the one of country iso's body: its
 * CODE, ENTITY (`conservative-party-can`) and COUNTRY; the list keeps the
 * entry's own country. */
static const char *shared_payload(actx *x, const char *payload, const char *iso) {
  char *country = field(x, payload, 3, '|'), *sector = field(x, payload, 4, '|');
  char *entity = td_arena_printf(&x->doc->arena, "%s-%s", field(x, payload, 1, '|'), iso);
  for (char *p = entity; *p; p++) *p = (char)tolower((unsigned char)*p);
  return td_arena_printf(&x->doc->arena, "%s%s|%s|%s|%s|%s|%s%s%s", iso, sector, entity,
                         field(x, payload, 2, '|'), iso, sector, country, *country ? "," : "",
                         shared_name(payload));
}

/* An organization entry's payload in this article: a name the parties of
 * several countries bear (`Tory`, `Labour`, `Democratic Party`) is the
 * party of the country the article is about (topic_country) when that
 * country has one of the name, else the entry's own. */
static const char *local_payload(actx *x, const char *payload) {
  const char *also = payload ? shared_name(payload) : NULL;
  const char *topic = also ? topic_country(x) : NULL;
  if (!topic || !in_iso_list(also, topic) || strcmp(field(x, payload, 3, '|'), topic) == 0)
    return payload;
  return shared_payload(x, payload, topic);
}

/* Each organization match of x->all gets its payload in this article
 * (local_payload); once the matches are all in. */
static void local_orgs(actx *x) {
  for (size_t k = 0; k < x->nall; k++)
    if (is_cls(&x->all[k], "org")) x->all[k].payload = local_payload(x, x->all[k].payload);
}

/* The country of a title at token t that has no country word of its own:
 * a country word in the sentence, else the article's country when it has
 * named exactly one so far. */
static const char *context_country(actx *x, long t, long s0, long s1) {
  const char *c = sentence_country(x, t, s0, s1);
  if (c || x->nseen != 1) return c;
  /* (not one this sentence names first, after the title, for another) */
  if (x->seen_si[0] == tk(x, t)->sent)
    for (size_t k = 0; k < x->nm; k++)
      if (is_cls(&x->m[k], "country") && (long)x->m[k].tok0 > t &&
          strcmp(x->m[k].payload, x->seen[0]) == 0 && country_of_other(x, &x->m[k], t, s0, s1))
        return NULL;
  return x->seen[0];
}

/* ---- people ---- */

/* Token i is the first or last name word of a person already met. */
static int person_word(actx *x, long i) {
  char *w = fold_word(x, x->doc->text + tk(x, i)->start, tk(x, i)->end - tk(x, i)->start);
  for (size_t k = 0; k < x->doc->nactors; k++)
    if ((x->ai[k].last && strcmp(x->ai[k].last, w) == 0) ||
        (x->ai[k].first && strcmp(x->ai[k].first, w) == 0))
      return 1;
  return 0;
}

/* Token i is a word of the language, one the word list spells lowercase
 * ("Fox", "Election"), not only a name; 1 too when there is no lemmatizer
 * to ask. */
static int lower_word(const actx *x, long i) {
  const char *w = tk(x, i)->norm;
  return !x->eng->lemma || (td_lemma_lexclass(x->eng->lemma, w, strlen(w)) & TD_LEX_LOWER);
}

/* The place [t0, t1) datelines its paragraph: it opens the paragraph and
 * a dash follows it, at once (`LONDON —`) or after a comma, a date and an
 * agency in brackets (`LISBON, Dec. 28 (Example Wire) --`), with no lowercase word
 * between. */
static int dateline_place(const actx *x, long t0, long t1, long s1) {
  if (!(tk(x, t0)->flags & TD_TOK_PARA_START) && t0 != 0) return 0;
  long j = t1;
  if (j < s1 && tok_is(x, j, ",")) {
    for (j++; j < s1 && j < t1 + 10; j++) {
      const td_tok *t = tk(x, j);
      if (tok_is(x, j, "-") || tok_is(x, j, "--") || tok_is(x, j, "\xe2\x80\x94") ||
          tok_is(x, j, "\xe2\x80\x93"))
        break;
      if (!(t->flags & (TD_TOK_CAP | TD_TOK_DIGIT | TD_TOK_PUNCT))) return 0;
    }
  }
  return j < s1 && (tok_is(x, j, "-") || tok_is(x, j, "--") || tok_is(x, j, "\xe2\x80\x94") ||
                    tok_is(x, j, "\xe2\x80\x93"));
}

/* Token j, a name particle (al, el, bin), is glued by a hyphen to the
 * capitalized word after it: `al-Bashir`, split as al - Bashir. */
static int glued_part(const actx *x, long j, long s1) {
  return j + 2 < s1 && tok_is(x, j + 1, "-") && !(tk(x, j + 1)->flags & TD_TOK_SPACE_BEFORE) &&
         !(tk(x, j + 2)->flags & (TD_TOK_SPACE_BEFORE | TD_TOK_PUNCT)) && tok_cap(x, j + 2);
}

/* w (lowercase) names a month or a day of the week, in full or
 * abbreviated: `june`, `jan`, `sept`, `fri`. */
static int time_word(const char *w) {
  static const char *const words[] = {
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
      "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL};
  return td_str_in(w, td_month_names) || td_str_in(w, words);
}

/* Token i opens the sentence from s0 with a day said by its distance
 * from today (`Yesterday Ola Brenn said`): no part of a name after it. */
static int time_opener(const actx *x, long i, long s0) {
  static const char *const days[] = {"yesterday", "today", "tonight", "tomorrow", NULL};
  return i == s0 && td_str_in(tk(x, i)->norm, days);
}

/* Length of the capitalized name run at i (tokens not taken by another
 * dictionary class), at most 5; 0 when none. */
static int glued_particle(const actx *x, long t);

static long name_run(actx *x, long i, long s0, long s1) {
  if (i >= s1 || !tok_cap(x, i)) return 0; /* what the loop finds at i; asked at most tokens */
  long j = i;
  while (j < s1 && j - i < 5) {
    const dm *d = match_at(x, j, s0, s1);
    if (d && !is_surname(d) && !is_cls(d, "name")) break;
    const td_tok *t = tk(x, j);
    if (j > i && tok_is(x, j, "-") && j + 1 < s1 && !(t->flags & TD_TOK_SPACE_BEFORE) &&
        !(tk(x, j + 1)->flags & (TD_TOK_SPACE_BEFORE | TD_TOK_PUNCT))) {
      /* (not a span of months: Jan-May) */
      const dm *g = match_at(x, j + 1, s0, s1);
      if (g && is_cls(g, "nonactor.time") && time_word(tk(x, j - 1)->norm)) break;
      j += 2; /* Kim Jong-gyu split as Jong - gyu */
      continue;
    }
    if (t->flags & TD_TOK_PUNCT) break;
    /* untagged text: a common word opening the sentence is not a name */
    int opener = j == s0 && !t->upos && !d && x->eng->words &&
                 td_words_score(x->eng->words, t->norm, strlen(t->norm)) > 0 &&
                 !person_word(x, j);
    int fn = opener || time_opener(x, j, s0) || t->upos == TD_ADP || t->upos == TD_DET ||
             t->upos == TD_PRON ||
             t->upos == TD_VERB || t->upos == TD_AUX || t->upos == TD_SCONJ ||
             t->upos == TD_CCONJ || t->upos == TD_ADV;
    if (tok_cap(x, j) && !fn) {
      j++;
      if (glued_poss(x, j - 1)) break;
      continue;
    }
    /* particles inside names: bin, al, von, de, da, van, der, la, le */
    int part = tok_in(x, j, W_PART);
    if (part && j > i && j + 1 < s1 && tok_cap(x, j + 1)) {
      j++;
      continue;
    }
    if (part && j > i && glued_part(x, j, s1)) { /* al-Bashir */
      j += 2;
      continue;
    }
    if (j > i && glued_particle(x, j)) { /* al-Bashir as one token */
      j++;
      continue;
    }
    break;
  }
  return j - i;
}

/* An existing person this name run [t0, t1) refers to: the full name
 * equal, or one word equal to a person's first or last name word (the most
 * recently mentioned wins). -1 when none. */
#define PFR_WINDOW 1024 /* actors person_for_run looks through, the latest */

/* Token t lies in the paragraph of token f, at most 300 tokens on. */
static int same_paragraph(const actx *x, long f, long t) {
  if (f < 0 || t - f > 300) return 0;
  for (long i = f + 1; i <= t; i++)
    if (tk(x, i)->flags & TD_TOK_PARA_START) return 0;
  return 1;
}

/* The token of person k's latest mention before token t, or -1; *full:
 * of its latest mention of two words or more there. Of its last 256
 * mentions only (a bound: two people of one name mentioned thousands of
 * times would make the name pass quadratic). */
static long mention_before(const actx *x, int k, long t, long *full) {
  const td_actor *a = &x->doc->actors[k];
  uint32_t pos = tk(x, t)->start, best = 0, bfull = 0;
  int any = 0, anyf = 0;
  for (size_t m = a->nmentions > 256 ? a->nmentions - 256 : 0; m < a->nmentions; m++) {
    td_span sp = a->mentions[m];
    if (sp.start >= pos) continue;
    if (!any || sp.start > best) best = sp.start, any = 1;
    if (memchr(x->doc->text + sp.start, ' ', sp.end - sp.start) && (!anyf || sp.start > bfull))
      bfull = sp.start, anyf = 1;
  }
  *full = anyf ? (long)td_doc_tok_after(x->doc, bfull) : -1;
  return any ? (long)td_doc_tok_after(x->doc, best) : -1;
}

/* Of two people the one-word name w at token t may be (person_for_run),
 * k rather than best (-1: none yet): the one named before it; else the
 * one the article already calls w alone (`Ahmed Mohamed ... Mohamed ...
 * His father Mohamed El-Hassan Mohamed said ... <new paragraph> support
 * to Mohamed`: the son, whom the story calls Mohamed), unless the other
 * was named in full after it in this paragraph (`England coach Andy
 * Robinson ... Robinson is ... full-back Jason Robinson would ...
 * Robinson has been blamed`: Jason); else the one named latest before
 * it. */
static int later_alone(const actx *x, int k, int best, const char *w, long t) {
  if (best < 0) return 1;
  long kf, bf, kl = mention_before(x, k, t, &kf), bl = mention_before(x, best, t, &bf);
  if ((kl < 0) != (bl < 0)) return kl >= 0;
  const ainfo *a = &x->ai[k], *b = &x->ai[best];
  int kw = ((a->alone & 1) && td_str_eq(a->last, w)) || ((a->alone & 2) && td_str_eq(a->first, w));
  int bw = ((b->alone & 1) && td_str_eq(b->last, w)) || ((b->alone & 2) && td_str_eq(b->first, w));
  if (kw != bw && kl >= 0) {
    long el = kw ? kl : bl, of = kw ? bf : kf; /* (the established one's latest, the other's in full) */
    if (!(of > el && same_paragraph(x, of, t))) return kw;
  }
  if (kl >= 0) return kl > bl;
  return a->last_tok > b->last_tok;
}

static int person_for_run(actx *x, long t0, long t1) {
  /* the keys on the stack when short (perf, issue 11: called for every
   * name run; the arena copies were never kept) */
  char fbuf[256], wbuf[128];
  char *full = NULL, *w = NULL;
  int best = -1;
  size_t fl = 0;
  int by_last = -1;
  long h = t0 - 1 - (t0 > 1 && tok_is(x, t0 - 1, ".")); /* (`Mr. Howard`) */
  int surname = t1 - t0 == 1 && h >= 0 &&
                (tok_is(x, h, "mr") || tok_is(x, h, "mr.") || tok_is(x, h, "mrs") ||
                 tok_is(x, h, "mrs.") || tok_is(x, h, "ms") || tok_is(x, h, "ms.") ||
                 tok_is(x, h, "dr") || tok_is(x, h, "dr."));
  /* the latest PFR_WINDOW actors (a bound on a document of thousands of
   * names, where a walk over all of them for each name was quadratic; an
   * article has far fewer) */
  size_t k0 = x->doc->nactors > PFR_WINDOW ? x->doc->nactors - PFR_WINDOW : 0;
  for (size_t k = k0; k < x->doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    if (a->kind[0] != 'p') continue; /* (of the kinds only "person" begins so) */
    if (!full) { /* the keys, made at the first person */
      uint32_t s, e;
      span_of(x, t0, t1, &s, &e);
      full = e - s < sizeof fbuf ? fbuf : td_arena_alloc(&x->doc->arena, e - s + 1);
      key_into(full, x->doc->text + s, e - s);
      fl = strlen(full);
      if (t1 - t0 == 1) {
        size_t n = tk(x, t0)->end - tk(x, t0)->start;
        w = n < sizeof wbuf ? wbuf : td_arena_alloc(&x->doc->arena, n + 1);
        fold_into(w, x->doc->text + tk(x, t0)->start, n);
      }
    }
    if (!x->ai[k].namekey) x->ai[k].namekey = name_key(x, a->name);
    if (td_str_eq(x->ai[k].namekey, full)) return (int)k;
    ainfo *ai = &x->ai[k];
    if (!w) {
      /* the last words of a person's full name (Kilroy-Silk, al-Bashir,
       * Van Damme after Jean-Claude Van Damme) */
      size_t nl = strlen(ai->namekey);
      if (nl > fl && ai->namekey[nl - fl - 1] == '-' && memcmp(ai->namekey + nl - fl, full, fl) == 0 &&
          (best < 0 || ai->last_tok > x->ai[best].last_tok))
        best = (int)k;
      continue;
    }
    if (ai->last && td_str_eq(ai->last, w) && later_alone(x, (int)k, by_last, w, t0)) by_last = (int)k;
    if ((ai->last && td_str_eq(ai->last, w)) || (ai->first && td_str_eq(ai->first, w)))
      if (later_alone(x, (int)k, best, w, t0)) best = (int)k;
  }
  /* after `Mr`, `Mrs`, `Ms`, `Dr` the word is a surname: one whose last
   * name it is first (`Mr Howard` is Michael Howard, not Howard Flight;
   * `Sir Edward`, `Dame Julie` are given names; `Mr Kim` of a family
   * name written first falls back to the first word) */
  return surname && by_last >= 0 ? by_last : best;
}

/* Marks actor k a speaker when a statement cue follows or precedes the
 * mention [t0, t1) ("Lopez said", "said Lopez", "according to Lopez"). */
static void note_speaker(actx *x, int k, long t0, long t1) {
  long n = t1;
  if (tok_is(x, n, ",")) n++;
  if (is_cue(x, n) || is_cue(x, t0 - 1) ||
      (tok_is(x, t0 - 1, "to") && tok_is(x, t0 - 2, "according")))
    x->ai[k].speaker_tok = t0;
}

static int sports_doc(const actx *x);
static int arts_doc(const actx *x);

/* Title d names a rank that sport uses too (the payload's third field is
 * `sport`: `captain`), and here it is no rank of a force: in a sports
 * story; after a sport's word (`rugby union captain`); written in
 * lowercase after a name that is no force's or people's (`Liverpool
 * captain`, `France captain`, `England captain`, `GB captain`, not
 * `Army captain`, `a French captain`: an army's officers are named with
 * the demonym or the force); or before `of the team|side|club|squad`. */
static int sport_rank(const actx *x, const dm *d, long s0, long s1) {
  const char *p = strchr(d->payload, '|');
  if (!p || !(p = strchr(p + 1, '|')) || strncmp(p + 1, "sport", 5) != 0 ||
      (p[6] && p[6] != '|'))
    return 0;
  if (sports_doc(x)) return 1;
  long b = (long)d->tok0 - 1;
  if (b >= s0 && poss_tok(x, b)) b--;
  if (b >= s0 && tok_in(x, b, W_SPORT)) return 1;
  const dm *m = b >= s0 ? match_ending(x, b, s0, s1) : NULL;
  if (b >= s0 && !tok_cap(x, (long)d->tok0) && tok_cap(x, b) && tk(x, b)->upos == TD_PROPN &&
      !(m && (is_cls(m, "sector") || is_cls(m, "title") || is_cls(m, "country.adj") ||
              is_cls(m, "country.people"))))
    return 1;
  static const char *const teams[] = {"team", "side", "club", "squad", "xv", NULL};
  long e = (long)d->tok1;
  return e + 1 < s1 && tok_is(x, e, "of") &&
         (td_str_in(tk(x, e + 1)->norm, teams) ||
          (tok_is(x, e + 1, "the") && e + 2 < s1 && td_str_in(tk(x, e + 2)->norm, teams)));
}

/* The country of an office that one country alone has (the title
 * payload's fourth field: `Home Secretary`, `Taoiseach`), or NULL. */
static char *title_own_country(actx *x, const dm *d) {
  char *c = field(x, d->payload, 3, '|');
  return strlen(c) == 3 ? c : NULL;
}

/* The CAMEO sector of a person holding title d at its place: the
 * dictionary's, or NULL for a sport's rank (sport_rank: a team captain is
 * no army officer, and no state actor at all). */
static char *title_sector(actx *x, const dm *d, long s0, long s1) {
  return sport_rank(x, d, s0, s1) ? NULL : field(x, d->payload, 0, '|');
}

/* Title d names an officer that bodies of every kind have, not only the
 * state's (its role: `Spokesman`, `Chairman`, `General Secretary`,
 * `Director General`, a `president` in lowercase; not `Secretary`, which
 * a portfolio before it makes a minister's: `Transportation Secretary`). */
static int any_body_officer(actx *x, const dm *d) {
  static const char *const roles[] = {"spokesman", "spokeswoman", "spokesperson", "chairman",
                                      "chairwoman", "general-secretary", "director-general",
                                      NULL};
  /* a president written in lowercase is as often a firm's, a club's or an
   * academy's (`club president X`, `X, president of Exhibitor
   * Relations`); `President X` is a head of state's */
  static const char *const heads[] = {"president", "vice-president",
                                      "senior-vice-president", "executive-vice-president",
                                      NULL};
  const char *r = name_key(x, field(x, d->payload, 1, '|'));
  if (td_str_in(r, roles)) return 1;
  if (!td_str_in(r, heads) || tok_cap(x, (long)d->tok0)) return 0;
  /* (not a country's: `Kazakhstan ... its president`, `the country's vice
   * president`) */
  long b = (long)d->tok0 - 1;
  if (b >= 0 && tok_is(x, b, "its")) return 0;
  if (b >= 1 && poss_tok(x, b) &&
      (tok_is(x, b - 1, "country") || tok_is(x, b - 1, "nation") || tok_is(x, b - 1, "state")))
    return 0;
  return 1;
}

/* Title d, after a party's name, is an office of the state, which its
 * holder holds for the party, not in it: a minister (`Labour Minister
 * X`), governor, mayor, premier, chancellor, attorney general, secretary
 * of state, a President written so (`Republican Gov. X`); not after the
 * party in the possessive, whose office it is (`the Liberal Democrats'
 * President X`). */
static int state_office(actx *x, const dm *d) {
  static const char *const roles[] = {"governor", "lieutenant-governor", "mayor", "premier",
                                      "chancellor", "attorney-general", "secretary-of-state",
                                      "president", "vice-president", NULL};
  long b = (long)d->tok0 - 1;
  if (b >= 0 && (poss_tok(x, b) || glued_poss(x, b))) return 0;
  const char *r = name_key(x, field(x, d->payload, 1, '|'));
  size_t n = strlen(r);
  if (n >= 8 && strcmp(r + n - 8, "minister") == 0) return 1;
  return td_str_in(r, roles) && (strstr(r, "president") == NULL || tok_cap(x, (long)d->tok0));
}

/* A discovered (or dictionary) person from the name run [t0, t1) with an
 * optional title entry and context. */
static int person_from_run(actx *x, long t0, long t1, const dm *title, const tctx *c,
                           long s0, long s1) {
  int k = person_for_run(x, t0, t1);
  if (k < 0) {
    char *name = span_text(x, t0, t1);
    k = new_actor(x, name_key(x, name), name, "person");
    A(x, k)->known = 0;
    set_name_parts(x, k, t0, t1);
    const dm *g = match_at(x, t0, s0, s1);
    if (g && is_cls(g, "name") && g->payload[0] && g->payload[0] != '-')
      x->ai[k].gender = g->payload[0];
  }
  td_actor *a = A(x, k);
  if (title && !a->role) {
    /* an organization's officer: its country, or its own code when it
     * has none (an IGO's, an NGO's); else no country word near the title:
     * the article's only country */
    const char *org_code = NULL, *country = c && c->country ? c->country : NULL;
    char *sector = title_sector(x, title, s0, s1);
    /* an office of one country: its holder's, whatever other country the
     * sentence names (`Home Secretary X met Indian officials`) */
    if (!country && !(c && c->org)) country = title_own_country(x, title);
    /* an office of one international body: its code (`European
     * Commissioner X`: IGOEEC) */
    if (!country && !(c && c->org) && strncmp(field(x, title->payload, 3, '|'), "IGO", 3) == 0)
      org_code = field(x, title->payload, 3, '|');
    if (sector && !country && c && c->org) {
      char *oc = field(x, c->org, 0, '|'), *ocountry = field(x, c->org, 3, '|');
      char *osector = field(x, c->org, 4, '|');
      /* the organization's sector unless the title's says more than GOV
       * ("Ryanair chairman": BUS, "Supreme Court Justice": JUD) */
      if (ocountry[0]) {
        country = ocountry;
        /* (a party's name before an office of the state, state_office,
         * is its holder's party: `Republican Gov. X`, `Labour minister
         * X` hold the state's office; `Tory leader X`, `Democratic Party
         * chairwoman X` the party's) */
        if (osector[0] && strcmp(sector, "GOV") == 0 &&
            (strcmp(osector, "PTY") != 0 || !state_office(x, title)))
          sector = osector;
      } else if (strncmp(oc, "IGO", 3) == 0 || strncmp(oc, "NGO", 3) == 0) {
        org_code = oc;
      }
    }
    /* an officer every kind of body has (a spokesman, a chairman, a
     * general secretary: a firm's, a club's or a charity's as often as a
     * ministry's) is of the state only with a country word or a body of
     * its own; with neither, no sector: the story's country alone */
    /* (a title of the state's right after the initials of a body no
     * dictionary knows is that body's officer: `JRFU secretary X`, `PCS
     * leader X`; a chief executive stays a firm's) */
    long ib = (long)title->tok0 - 1;
    int initials = sector && strcmp(sector, "GOV") == 0 && ib >= s0 &&
                   (tk(x, ib)->flags & TD_TOK_ALLCAPS) &&
                   tk(x, ib)->end - tk(x, ib)->start >= 3 && !match_ending(x, ib, s0, s1);
    int plain = sector && !country && !org_code && !(c && c->org) &&
                (any_body_officer(x, title) || initials);
    /* (a named institution right before: `Foreign Ministry spokesman`:
     * its officer, of its sector; not a sector's word, which is as often
     * a spokesman's field or another body's name: `local government
     * spokesman`, `Salvation Army spokesman`) */
    const dm *body = plain ? match_ending(x, (long)title->tok0 - 1, s0, s1) : NULL;
    if (body && is_cls(body, "sector.body"))
      plain = 0, sector = td_arena_strdup(&x->doc->arena, body->payload);
    if (plain) sector = NULL;
    /* (such an officer is of the country the story is plainly about, by
     * three of its matches and twice any other's, not of one the sentence
     * names for what he speaks of: `RNC chairman X attacked the Libya
     * policy`) */
    /* (nor the officer of a body no dictionary knows, spelled out with
     * its initials right before the title: `Hong Kong Rugby Football
     * Union (HKRFU) chairman`, of the sentence's country; initials alone,
     * `WMC chairman`, say too little to go without the story's) */
    int named_body = (long)title->tok0 - 1 >= s0 && tok_is(x, (long)title->tok0 - 1, ")");
    if (plain && !country && !org_code && !named_body && topic_country(x) && x->topic_n >= 3 &&
        x->topic_n >= 2 * x->topic_next)
      country = x->topic;
    if ((sector || plain) && !country && !org_code)
      country = context_country(x, title->tok0, s0, s1);
    /* (an office of the state with no country word in its sentence, in a
     * story that names several: the country the story is plainly about,
     * by three of its matches and twice any other's, as an officer's
     * above: `Martin Bell MP`, `Shadow Attorney General X` in a British
     * story; not a firm's or a university's, as often of another, nor a
     * rank that sport uses too: `Captain`) */
    static const char *const state[] = {"GOV", "LEG", "OPP", "JUD", "MIL", "COP", NULL};
    if (sector && td_str_in(sector, state) && !plain && !country && !org_code &&
        strcmp(field(x, title->payload, 2, '|'), "sport") != 0 && topic_country(x) &&
        x->topic_n >= 3 && x->topic_n >= 2 * x->topic_next)
      country = x->topic;
    a->role = field(x, title->payload, 1, '|');
    if (c && c->rank) a->role = td_arena_printf(&x->doc->arena, "%s %s", c->rank, a->role);
    a->sector = sector;
    a->country = country ? td_arena_strdup(&x->doc->arena, country) : NULL;
    a->role_past = c && c->past;
    a->code = org_code ? org_code
              : sector ? code_of(x, country, c && c->past == 2 ? "ELI" : sector)
              : plain && country ? td_arena_strdup(&x->doc->arena, country)
                                 : NULL;
    x->ai[k].role_key = name_key(x, a->role);
  }
  add_mention(x, k, t0, t1);
  note_speaker(x, k, t0, t1);
  add_name(x, t0, t1, TD_NE_PER);
  return k;
}

/* A dictionary person (payload ENTITY|NAME|GENDER|ROLES) at match d. */
static int known_person(actx *x, const dm *d, const tctx *c) {
  char *entity = field(x, d->payload, 0, '|');
  int k = find_entity(x, entity);
  if (k < 0) {
    k = new_actor(x, entity, field(x, d->payload, 1, '|'), "person");
    A(x, k)->known = 1;
    char *g = field(x, d->payload, 2, '|');
    x->ai[k].gender = g[0] ? g[0] : '-';
    x->ai[k].roles = field(x, d->payload, 3, '|');
    set_person_role(x, k, x->ai[k].roles, c ? c->past : 0, c ? c->title_role : NULL);
    /* name words for short forms, from the canonical name */
    const char *nm = A(x, k)->name;
    const char *sp = strchr(nm, ' '), *lsp = strrchr(nm, ' ');
    x->ai[k].first = fold_word(x, nm, sp ? (size_t)(sp - nm) : strlen(nm));
    x->ai[k].last = lsp ? fold_word(x, lsp + 1, strlen(lsp + 1)) : x->ai[k].first;
  } else {
    /* met before untitled, titled now in an undated article */
    if (!x->doc->date && c && c->title_role && A(x, k)->role && !x->ai[k].role_titled &&
        !role_named(x, A(x, k)->role, c->title_role))
      set_person_role(x, k, field(x, d->payload, 3, '|'), c->past, c->title_role);
    if (c && c->past && !A(x, k)->role_past) A(x, k)->role_past = 1;
  }
  add_mention(x, k, d->tok0, d->tok1);
  note_speaker(x, k, d->tok0, d->tok1);
  add_name(x, d->tok0, d->tok1, TD_NE_PER);
  return k;
}

/* A known person's dated roles (ISO,SECTOR,ROLE,START,END;...) hold one
 * that the title names (role_named: `Chancellor` of `Chancellor of the
 * Exchequer`), of country when given, held on date (any role, undated). */
static int held_title(actx *x, const char *roles, const char *title, const char *country,
                      const char *date) {
  const char *p = roles;
  char f[5][96];
  while (next_role(&p, f))
    if (role_named(x, f[2], title) && (!country || strcmp(country, f[0]) == 0) &&
        (!date || (strcmp(f[3], date) <= 0 && (!f[4][0] || strcmp(date, f[4]) < 0))))
      return 1;
  return 0;
}

/* The start of the latest of a known person's dated roles that title
 * names (of country when given), or "" for none; into buf[cap]. */
static const char *latest_title_start(actx *x, const char *roles, const char *title,
                                      const char *country, char *buf, size_t cap) {
  buf[0] = 0;
  const char *p = roles;
  char f[5][96];
  while (next_role(&p, f))
    if (role_named(x, f[2], title) && (!country || strcmp(country, f[0]) == 0) &&
        strcmp(f[3], buf) > 0)
      snprintf(buf, cap, "%.15s", f[3]);
  return buf;
}

typedef struct {
  actx *x;
  const char *title, *country, *date;
  const char *best; /* the payload of the latest holder */
  char start[16];
  int ties;
} holder_ctx;
static int holder_cb(void *vctx, const td_match *m) {
  holder_ctx *h = vctx;
  char buf[16];
  const char *roles = strchr(m->payload, '|');
  for (int i = 0; i < 2 && roles; i++) roles = strchr(roles + 1, '|');
  if (!roles) return 0;
  if (h->date) /* dated: the one who held it that day */
    snprintf(buf, sizeof buf, "%s",
             held_title(h->x, roles + 1, h->title, h->country, h->date) ? "1" : "");
  else
    latest_title_start(h->x, roles + 1, h->title, h->country, buf, sizeof buf);
  if (!buf[0]) return 0;
  int c = strcmp(buf, h->start);
  if (c > 0) h->best = m->payload, snprintf(h->start, sizeof h->start, "%s", buf), h->ties = 0;
  else if (c == 0) h->ties++;
  return 0;
}

/* `President Bush`, where the dictionaries hold several people of the
 * surname at token i in office on the story's date (Jeb Bush a governor
 * in 2005) or, undated, who held the title (each counts as holding a role
 * when no date says which): the one who held the title that day, or
 * undated the one who held it last (George W. Bush, not his father; the
 * dictionaries reach back to the 1980s, undated news is most often of the
 * latest); NULL for none, or two alike. */
static const char *latest_holder(actx *x, long i, const char *title, const char *country) {
  char w[64];
  size_t n = tk(x, i)->end - tk(x, i)->start;
  if (n >= sizeof w) return NULL;
  memcpy(w, x->doc->text + tk(x, i)->start, n);
  w[n] = 0;
  static const char *const cls[] = {"person.surname", NULL};
  holder_ctx h = {x, title, country, x->doc->date, NULL, "", 0};
  td_dict_lookup(x->eng->dict, w, cls, holder_cb, &h);
  return h.ties ? NULL : h.best;
}

/* A title alone ("South Korea's foreign minister said"): the person of
 * this article holding that role (and country, when given). Else the one
 * known person of the article whose dated roles hold an office the title
 * names (held on the article's date; any, undated: `Gordon Brown has
 * said. The chancellor, speaking ...`, though his latest role is Prime
 * Minister). -1 if none, or several such. */
static int person_for_title(actx *x, const dm *title, const tctx *c) {
  const char *trole = field(x, title->payload, 1, '|');
  char *role = name_key(x, trole);
  int best = -1;
  for (size_t k = 0; k < x->doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    if (strcmp(a->kind, "person") != 0 || !x->ai[k].role_key) continue;
    if (strcmp(x->ai[k].role_key, role) != 0) continue;
    if (c->country && a->country && strcmp(c->country, a->country) != 0) continue;
    if (best < 0 || x->ai[k].last_tok > x->ai[best].last_tok) best = (int)k;
  }
  if (best >= 0) return best;
  for (size_t k = 0; k < x->doc->nactors; k++) {
    /* (not one the text titled otherwise: `Chancellor Gordon Brown ...
     * the prime minister's forecasts`, another) */
    if (!x->ai[k].roles || strcmp(A(x, (int)k)->kind, "person") != 0 ||
        (x->ai[k].role_titled && !role_named(x, A(x, (int)k)->role, trole)) ||
        !held_title(x, x->ai[k].roles, trole, c->country, x->doc->date))
      continue;
    if (best >= 0) return -1;
    best = (int)k;
  }
  /* undated, the title tells the role the article means (as a title
   * before the name does), so that `the prime minister` is no longer
   * the chancellor the article names */
  if (best >= 0 && !x->doc->date && !x->ai[best].role_titled)
    set_person_role(x, best, x->ai[best].roles, A(x, best)->role_past, trole);
  return best;
}

/* ---- pronouns ---- */

/* Token i lies inside quotation marks opened in its paragraph. A mark
 * between `,` `.` `?` `!` and a lowercase word closes, however the
 * tokenizer read it (`can happen, " he said`, a space before it). */
static int in_quotation(const actx *x, long i) { return x->inq[i]; }

static long cue_subject_end(const actx *x, long c, long s0);
static int doc_poss_pronoun(const td_doc *doc, size_t i);

/* The token that heads the subject of the statement cue at token c, in
 * the sentence [s0, s1): the noun or name before it, past `also`, an
 * auxiliary and a time (`the agency has also said`, `Dorvan on Monday
 * said`), or the last noun of the phrase after it (`, said the radio
 * station.`); -1 when neither. */
static long cue_subject(const actx *x, long c, long s0, long s1) {
  long n = c - 1;
  while (n > s0 && n >= c - 3 && (tk(x, n)->upos == TD_AUX || tok_is(x, n, "also"))) n--;
  n = cue_subject_end(x, n + 1, s0);
  unsigned u = n >= s0 ? tk(x, n)->upos : 0;
  if (n >= s0 && (u == TD_NOUN || u == TD_PROPN || tok_is(x, n, "it") || tok_is(x, n, "they")))
    return n;
  long h = -1;
  for (long t = c + 1; t < s1 && t <= c + 6; t++) {
    u = tk(x, t)->upos;
    if (u == TD_NOUN || u == TD_PROPN) h = t;
    else if (u != TD_DET && u != TD_ADJ && !poss_tok(x, t)) break;
  }
  return h;
}

/* Actor k has a mention holding token t. */
static int holds(const actx *x, int k, long t) {
  const td_actor *a = &x->doc->actors[k];
  uint32_t s = tk(x, t)->start;
  for (size_t m = 0; m < a->nmentions; m++)
    if (a->mentions[m].start <= s && s < a->mentions[m].end) return 1;
  return 0;
}

/* The organization or country with a mention holding a token of the
 * name that ends at token n (`LG Group`: LG's mention is `LG`), not
 * before token s0; -1 when none. */
static int org_named_at(actx *x, long n, long s0) {
  long n0 = n;
  while (n0 > s0 && n0 > n - 4 && tk(x, n)->upos == TD_PROPN && tk(x, n0 - 1)->upos == TD_PROPN &&
         !glued_poss(x, n0 - 1))
    n0--;
  for (size_t k = 0; k < x->doc->nactors; k++) {
    const char *kind = A(x, (int)k)->kind;
    if (strcmp(kind, "organization") != 0 && strcmp(kind, "country") != 0) continue;
    /* (last_tok: where its latest mention opens) */
    for (long t = n0; t <= n; t++)
      if (x->ai[k].last_tok >= t - 8 && holds(x, (int)k, t)) return (int)k;
  }
  return -1;
}

/* The tokens right before token h are a bracketed short form after a
 * name, `(UAAR)`, of at most two words: their count with the marks, or 0. */
static long bracket_before(const actx *x, long h, long s0) {
  if (h - 3 < s0 || !tok_is(x, h - 1, ")")) return 0;
  for (long b = h - 2; b >= s0 && b >= h - 4; b--) {
    if (tok_is(x, b, "(")) return b > s0 && b < h - 2 ? h - b : 0;
    if (tk(x, b)->upos != TD_PROPN && tk(x, b)->upos != TD_NOUN) return 0;
  }
  return 0;
}

/* The organization or country that is the subject of sentence si - 1,
 * the noun or name before its first verb (`The agency sought to calm
 * the airlines.`, `Dorvan denies it.`, `Dorvan, a carmaker, said ...`),
 * not in a quotation nor after a preposition; -1 when none. */
static int prev_subject_org(actx *x, size_t si) {
  int k;
  if (si == 0) return -1;
  long s0 = (long)x->doc->sents[si - 1].tok0, s1 = s0 + (long)x->doc->sents[si - 1].ntok;
  long h = s0;
  while (h < s1 && tk(x, h)->upos != TD_VERB && tk(x, h)->upos != TD_AUX) h++;
  while (h - 1 > s0 && tk(x, h - 1)->upos == TD_ADV) h--;
  h -= bracket_before(x, h, s0);
  long n0 = h - 1; /* (not after a preposition: `A rise in Varnia would help`) */
  while (n0 > s0 && tk(x, n0 - 1)->upos == TD_PROPN) n0--;
  if (h > s0 && h < s1 && !glued_poss(x, h - 1) && !in_quotation(x, h - 1) &&
      !(n0 > s0 && tk(x, n0 - 1)->upos == TD_ADP) &&
      (tk(x, h - 1)->upos == TD_PROPN || tk(x, h - 1)->upos == TD_NOUN) &&
      (k = org_named_at(x, h - 1, s0)) >= 0)
    return k;
  /* (`Dorvan, a carmaker, said`: the name before the apposition) */
  long e = s0;
  while (e + 1 < h && tk(x, e)->upos == TD_PROPN) e++;
  if (e > s0 && e + 1 < h && tok_is(x, e, ",") && !in_quotation(x, s0) &&
      (k = org_named_at(x, e - 1, s0)) >= 0)
    return k;
  return -1;
}

/* `it` at token i before a statement cue: an organization or country
 * (-1 when none), the first of
 * - the subject of the verb right before (`Varnia test-fired what it
 *   called a missile`);
 * - the subject of the sentence before, the noun or name before its
 *   first verb (`The agency sought to calm the airlines. It added`,
 *   `Dorvan denies it. It says`, `Dorvan, a carmaker, said ...`), not in
 *   a quotation;
 * - the subject of the nearest statement cue before it, in its sentence
 *   or the two before, outside quotations (`..., the agency said. "...,"
 *   it added`); none when that subject is no such actor's mention: an
 *   organization the story has not yet shown to be one (`Dorvan said`:
 *   the name typing comes after this pass), a phrase (`the think tank
 *   said`, `the minister's office said`), a person.
 * No guess from a name met further back: the latest organization or
 * country named is as often a place the story names or a firm's market
 * as the speaker. */
static int it_speaker(actx *x, long i) {
  size_t si = tk(x, i)->sent;
  long b = i - 1, v = 0;
  if (b >= 0 && (tok_is(x, b, "what") || tok_is(x, b, "that"))) b--;
  while (b >= 0 && b >= i - 6 && tk(x, b)->sent == si &&
         (tk(x, b)->upos == TD_VERB || tok_is(x, b, "-") || tok_is(x, b + 1, "-")))
    v |= tk(x, b)->upos == TD_VERB, b--;
  int k;
  if (v && b >= 0 && tk(x, b)->sent == si && (k = org_named_at(x, b, b)) >= 0) return k;
  if ((k = prev_subject_org(x, si)) >= 0) return k;
  long w0 = (long)x->doc->sents[si >= 2 ? si - 2 : 0].tok0;
  for (long c = i - 1; c >= w0; c--) {
    /* (not a cue noun: `In its filing, Dorvan said` is said's subject;
     * a cue the tagger called a noun after a name is a verb: `Dorvan
     * denies`) */
    if (!is_cue(x, c) || in_quotation(x, c) ||
        (tk(x, c)->upos != TD_VERB && c > 0 &&
         (tk(x, c - 1)->upos == TD_DET || doc_poss_pronoun(x->doc, (size_t)c - 1))))
      continue;
    size_t cs = tk(x, c)->sent;
    long s0 = (long)x->doc->sents[cs].tok0, s1 = s0 + (long)x->doc->sents[cs].ntok;
    long n = cue_subject(x, c, s0, s1);
    if (n >= 0) return org_named_at(x, n, s0);
  }
  return -1;
}

/* The pronoun at token i stands before a statement cue (`he said`,
 * `she also told`), outside quotations: in a quotation the speaker tells
 * what another said (`"He told me to wait," Sousa said`), no speaker of
 * the story is meant. */
static int pronoun_at_cue(const actx *x, long i) {
  return (is_cue(x, i + 1) || (tok_is(x, i + 1, "also") && is_cue(x, i + 2))) &&
         !in_quotation(x, i);
}

/* Between token t0 (a mention of actor k) and token i, people a `they`
 * at i may mean: a plural or a noun of people (their_noun) that no
 * mention of k holds, a statement cue's subject (`experts warned`, `said
 * analysts`) or a verb's (`business leaders have been heading`); or,
 * unless cue is set, a `they` left to no one, but one right after a cue
 * of k's (`the Tories insisted they`). */
static int their_noun(const actx *x, long t);
static int thinks(const actx *x, long c);
static int people_between(const actx *x, int k, long t0, long i, int cue) {
  for (long t = t0 + 1; t < i; t++) {
    /* (not k's own: `the Tories insisted they would`) */
    long c = t - 1 - (t - 1 > t0 && tok_is(x, t - 1, "that"));
    if (!cue && tok_is(x, t, "they") && !holds(x, k, t) &&
        !(c - 1 >= t0 && (is_cue(x, c) || thinks(x, c)) && holds(x, k, c - 1)))
      return 1;
    if (tk(x, t)->upos != TD_NOUN || !their_noun(x, t) || holds(x, k, t)) continue;
    if (is_cue(x, t + 1) || is_cue(x, t - 1) || tk(x, t + 1)->upos == TD_VERB ||
        tk(x, t + 1)->upos == TD_AUX)
      return 1;
  }
  return 0;
}

/* `it`/`they` at token i before a statement cue: the latest speaker of a
 * compatible kind within a few sentences, else the latest mentioned
 * compatible actor (`they`: a group or an organization met there; `it`:
 * it_speaker). -1 when none. `he` and `she` wait for cue_pronouns, when
 * every person of the article is known. */
static int resolve_pronoun(actx *x, long i) {
  if (!(x->wf[i] & W_PRON)) return -1;
  const char *w = tk(x, i)->norm;
  int it = strcmp(w, "it") == 0, they = strcmp(w, "they") == 0;
  if (!it && !they) return -1;
  if (!pronoun_at_cue(x, i)) return -1;
  long window = (long)tk(x, i)->sent - 4;
  if (it) return it_speaker(x, i);
  int best = -1, recent = -1;
  for (size_t k = 0; k < x->doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    ainfo *ai = &x->ai[k];
    if (ai->last_tok < 0 || ai->last_tok >= i) continue;
    if (strcmp(a->kind, "group") != 0 && strcmp(a->kind, "organization") != 0) continue;
    if ((long)tk(x, ai->last_tok)->sent < window + 1) continue;
    if (ai->speaker_tok >= 0 && ai->speaker_tok < i &&
        (long)tk(x, ai->speaker_tok)->sent >= window &&
        (best < 0 || ai->speaker_tok > x->ai[best].speaker_tok))
      best = (int)k;
    if (recent < 0 || ai->last_tok > x->ai[recent].last_tok) recent = (int)k;
  }
  /* (not past people that may be meant: `Nike ... analysts said. ...,
   * they added`; past a speaker, only people who speak: `the Tories
   * insisted they would hold ministers to account. They said`) */
  if (best >= 0) return people_between(x, best, x->ai[best].speaker_tok, i, 1) ? -1 : best;
  return recent >= 0 && people_between(x, recent, x->ai[recent].last_tok, i, 0) ? -1 : recent;
}

static int32_t *owners(actx *x);
static int owner_subject(const actx *x, const int32_t *owner, size_t si, int k, int copula);
static int described_subject(const actx *x, const int32_t *owner, size_t si, int k, int copula);
static void sort_mentions(td_actor *a);
static void span_toks(const actx *x, td_span sp, long *t0, long *t1);
static inline char honorific(const actx *x, long i);
static int demonym_like(const char *w);

/* Token i of doc is a possessive pronoun: `his`, `its`, `their`, `my`,
 * `our`, `your`, or `her` tagged one or before a noun, an adjective or a
 * number of its phrase (`her lawyer`, `her first film`; not `told her`).
 * By the word, not the tag alone: the tagger calls a name at a sentence's
 * start PRP$ now and then (`Labour election chief X denied`). */
static int doc_poss_pronoun(const td_doc *doc, size_t i) {
  static const char *const poss[] = {"his", "its", "their", "my", "our", "your", NULL};
  const td_tok *t = &doc->toks[i];
  if (td_str_in(t->norm, poss)) return 1;
  if (strcmp(t->norm, "her") != 0) return 0;
  if (t->xpos == TD_XPOS_PRP_POSS) return 1;
  if (i + 1 >= doc->ntoks || doc->toks[i + 1].sent != t->sent) return 0;
  unsigned u = doc->toks[i + 1].upos;
  return u == TD_NOUN || u == TD_ADJ || u == TD_PROPN || u == TD_NUM;
}


/* The last token of the subject of the statement cue at token c (the
 * sentence opening at s0): the one before it, past `also` and a time
 * between (`Mr Vane also said`, `Mr Vane last week said`, `Mr Vane on
 * Monday said`), at most three words. */
static long cue_subject_end(const actx *x, long c, long s0) {
  static const char *const between[] = {"also", "yesterday", "today", "tonight", "earlier",
                                        "later", "last", "this", "week", "month", "year",
                                        "weekend", "on", "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday", "sunday", NULL};
  long n = c - 1;
  while (n > s0 && n >= c - 3 && td_str_in(tk(x, n)->norm, between)) n--;
  return n;
}

static int opens_as_subject(const actx *x, const int32_t *owner, size_t si, int k);

/* How far back (in sentences) pronoun_links looks for a pronoun's person. */
#define PRONOUN_WINDOW 2

/* Actor k is a person (the only kind beginning with p: one byte, asked
 * of every token a pronoun looks back over, perf). */
static inline int is_person(const actx *x, int k) { return x->doc->actors[k].kind[0] == 'p'; }

/* Token p (in the sentence opening at s0) is `he` or `she` before any
 * verb of its sentence: its subject. */
static int subject_pronoun(const actx *x, long p, long s0) {
  if (!tok_is(x, p, "he") && !tok_is(x, p, "she")) return 0;
  for (long t = s0; t < p; t++)
    if (tk(x, t)->upos == TD_VERB || tk(x, t)->upos == TD_AUX) return 0;
  return 1;
}

/* The mention of owner[t] that opens at token t is a possessive
 * (`Vane's`, `Vane 's`, `his`). */
static int possessive_at(const actx *x, const int32_t *owner, long t) {
  long e = t;
  while ((size_t)e + 1 < x->doc->ntoks && owner[e + 1] == owner[t]) e++;
  return glued_poss(x, e) || ((size_t)e + 1 < x->doc->ntoks && poss_tok(x, e + 1)) ||
         doc_poss_pronoun(x->doc, (size_t)t);
}

/* The name at token t follows a preposition, past an honorific (`under
 * Mr Vane`). */
static int after_preposition(const actx *x, long t) {
  long s0 = (long)x->doc->sents[tk(x, t)->sent].tok0, b = t - 1;
  if (b >= s0 && tok_is(x, b, ".") && b > s0 && honorific(x, b - 1)) b--;
  if (b >= s0 && honorific(x, b)) b--;
  return b >= s0 && tk(x, b)->upos == TD_ADP;
}

/* Sentence si names a person other than k, of gender g or none known,
 * right before a verb (`... comments Marr is said to have made`): the
 * subject of a clause of its own. */
static int other_subject(const actx *x, const int32_t *owner, size_t si, int k, char g) {
  long s0 = (long)x->doc->sents[si].tok0, s1 = s0 + (long)x->doc->sents[si].ntok;
  for (long t = s0; t + 1 < s1; t++) {
    int o = owner[t];
    if (o < 0 || o == k || owner[t + 1] == o || !is_person(x, o) ||
        (x->ai[o].gender != '-' && x->ai[o].gender != g))
      continue;
    unsigned u = tk(x, t + 1)->upos;
    if (u == TD_VERB || u == TD_AUX) return 1;
  }
  return 0;
}

/* Token t follows the closing mark of a quotation, past a comma, in
 * the sentence opening at s0 (`"...," said`, `"...", said`). */
static int after_quote(const actx *x, long t, long s0) {
  long b = t - 1;
  if (b > s0 && tok_is(x, b, ",")) b--;
  return b >= s0 && (tk(x, b)->flags & TD_TOK_QUOTE_CLOSE);
}

/* The noun at token t describes the person named right before it
 * (`Ana Sousa, a retired teacher,`): a comma after a person's mention,
 * or a form of `be` after it (`Mr Calder is the man behind ...`, `Rui
 * Matos was once a teacher`), then at most eight words of the noun
 * phrase. */
static int appositive_of_person(const actx *x, const int32_t *owner, long t) {
  long s0 = x->doc->sents[tk(x, t)->sent].tok0;
  for (long b = t - 1; b > s0 && b >= t - 9; b--) {
    if (tk(x, b)->lemma && strcmp(tk(x, b)->lemma, "be") == 0 && !poss_tok(x, b)) {
      long a = b - 1;
      while (a > s0 && tk(x, a)->upos == TD_ADV) a--;
      int k = owner[a];
      return k >= 0 && strcmp(x->doc->actors[k].kind, "person") == 0;
    }
    if (tok_is(x, b, ",")) {
      int k = owner[b - 1];
      return k >= 0 && strcmp(x->doc->actors[k].kind, "person") == 0;
    }
    unsigned u = tk(x, b)->upos;
    if (u != TD_DET && u != TD_ADJ && u != TD_NUM && u != TD_NOUN && !tok_is(x, b, "-"))
      return 0;
  }
  return 0;
}

/* Tokens that name or describe a person no actor is, who may be the one a
 * pronoun after them means (1; pronoun_links marks the pronouns it leaves
 * unresolved 2 for a man, 3 for a woman), in the arena: a name typed a
 * person's that no actor holds (`Wright-Phillips`), a title (`the prime
 * minister`) or a singular noun for a person (`his lawyer`, `the boy`)
 * that no name follows and no person's mention stands in apposition to
 * (`Ana Sousa, a retired teacher`). */
static uint8_t *other_people(actx *x, const int32_t *owner) {
  const td_doc *doc = x->doc;
  uint8_t *o = td_arena_alloc(&x->doc->arena, doc->ntoks + 1);
  memset(o, 0, doc->ntoks + 1);
  for (size_t r = 0; r < x->nnames; r++) {
    long n0 = x->names[r].tok0;
    /* (not after in, at, near, from: a town named like a person, `from
     * Denby`) */
    if (x->names[r].type != TD_NE_PER ||
        (n0 > 0 && (tok_is(x, n0 - 1, "in") || tok_is(x, n0 - 1, "at") ||
                    tok_is(x, n0 - 1, "near") || tok_is(x, n0 - 1, "from"))))
      continue;
    /* (nor a name that modifies a noun after `the`: `the Cruise video`,
     * `the Vane years` name a thing) */
    long n1 = x->names[r].tok1;
    if (n0 > 0 && tok_is(x, n0 - 1, "the") && (size_t)n1 < doc->ntoks &&
        tk(x, n1)->sent == tk(x, n0)->sent && tk(x, n1)->upos == TD_NOUN)
      continue;
    for (uint32_t t = x->names[r].tok0; t < x->names[r].tok1; t++) o[t] = owner[t] < 0;
  }
  for (size_t m = 0; m < x->nall; m++)
    if (is_cls(&x->all[m], "title") && !is_cls(&x->all[m], "title.plural")) {
      long e = x->all[m].tok1;
      if ((size_t)e < doc->ntoks && (owner[e] >= 0 || tk(x, e)->upos == TD_PROPN)) continue;
      /* (not the possessive a match may end in when the title is the
       * start of a longer entry: `the chancellor's` beside `chancellor
       * of the exchequer`, whose `he` after it is the chancellor) */
      for (uint32_t t = x->all[m].tok0; t < x->all[m].tok1; t++)
        o[t] = owner[t] < 0 && !poss_tok(x, (long)t);
    }
  for (size_t t = 0; t < doc->ntoks; t++) {
    if (!(x->wf[t] & W_PNOUN) || tk(x, (long)t)->upos != TD_NOUN || tok_cap(x, (long)t)) continue;
    const td_tok *n = t + 1 < doc->ntoks ? tk(x, (long)t + 1) : NULL;
    if (n && n->sent == tk(x, (long)t)->sent &&
        (n->upos == TD_NOUN || n->upos == TD_PROPN || owner[t + 1] >= 0))
      continue;
    if (!appositive_of_person(x, owner, (long)t)) o[t] = owner[t] < 0;
  }
  return o;
}

/* Sentence si holds a proper noun no actor's mention holds (a name the
 * typing left untyped may be a person's: `rest 18-year-old Nadal`); not
 * the words of a person's title before the name (`Prime Minister Ivo
 * Vane`). */
static long title_start(const actx *x, long i, long s0);
static int unowned_name(const actx *x, const int32_t *owner, size_t si) {
  long s0 = (long)x->doc->sents[si].tok0, s1 = s0 + (long)x->doc->sents[si].ntok;
  for (long t = s0; t < s1; t++) {
    if (owner[t] >= 0 || tk(x, t)->upos != TD_PROPN) continue;
    long j = t;
    while (j < s1 && j < t + 6 && owner[j] < 0) j++;
    if (j < s1 && owner[j] >= 0 && is_person(x, owner[j]) && title_start(x, j, s0) <= t) {
      t = j;
      continue;
    }
    return 1;
  }
  return 0;
}

/* Tokens [s0, m) are a phrase opening their sentence, closed by a comma
 * right before token m: a preposition's, a subordinate clause's or a
 * participle's (`Writing in his blog,`, `After the vote,`, `When the
 * talks ended,`), so that what follows the comma is the clause's
 * subject. */
static int opening_clause(const actx *x, long s0, long m) {
  /* (past an honorific or a title: `Writing in a letter, Mrs Dorvik`) */
  for (long b = m - 1; b > s0 && b >= m - 3 && !tok_is(x, b, ","); b--)
    if (tk(x, b)->upos == TD_PROPN || tok_is(x, b, ".")) m = b;
  if (m - 2 <= s0 || !tok_is(x, m - 1, ",")) return 0;
  const td_tok *t = tk(x, s0);
  return t->upos == TD_ADP || t->upos == TD_SCONJ || t->xpos == TD_XPOS_VBG ||
         t->xpos == TD_XPOS_VBN;
}

/* The person who is the subject of the clause that holds the pronoun at
 * token p (`he`, `she`, a possessive, a reflexive; gender g), or -1: the
 * nearest person's mention before it in its sentence (and its
 * quotation, opening at q), right before a verb (`Lee was making his
 * last tour`, `Reyes brought the clock he made`, `Ross said Reyes wishes
 * to use his fame`), with only words between that name no one: no
 * other person's name or title (other), no personal pronoun (`what`,
 * `everything` may stand), no quotation mark,
 * no relative pronoun (`Ross, who met Reyes, said he`), no statement
 * cue (`Ross said the timing hurt his bid`: Ross's words, not Ross's
 * bid, as often as not), no preposition
 * or relative pronoun right before the subject (`a blog by Reyes`; a
 * comma may stand there: `After the vote, Reyes took his seat`). `him`, `her`
 * after a verb are never its own clause's subject (`Reyes thanked
 * him`). A subject of the other gender, or of none known where the
 * pronoun is no possessive (but the subject that opens the sentence, the
 * pronoun outside quotations), stops the search. */
/* The statement cue at token t reports of its clause's own subject, after
 * a form of `be` and before `to` (`Marlon Brando is said to have turned
 * down his role`, `Vane was reported to have sold his shares`): no
 * statement of another. */
static int raised_cue(const actx *x, long t) {
  return t > 0 && tk(x, t - 1)->lemma && strcmp(tk(x, t - 1)->lemma, "be") == 0 &&
         tok_is(x, t + 1, "to");
}

static int clause_subject(const actx *x, const int32_t *owner, const uint8_t *other, long p,
                          long q, char g) {
  static const char *const relative[] = {"who", "whom", "whose", "which", NULL};
  static const char *const personal[] = {"he", "him", "his", "she", "her", "it", "its", "they",
                                         "them", "their", "we", "us", "our", "i", "me", "my",
                                         "you", "your", NULL};
  if (!doc_poss_pronoun(x->doc, (size_t)p) && !tok_is(x, p, "he") && !tok_is(x, p, "she") &&
      !tok_is(x, p, "himself") && !tok_is(x, p, "herself"))
    return -1;
  long s0 = (long)x->doc->sents[tk(x, p)->sent].tok0;
  if (q > s0) s0 = q;
  int comma = 0; /* (a comma between the pronoun and the token read) */
  for (long t = p - 1; t >= s0; t--) {
    int k = owner[t];
    if (k < 0) {
      unsigned f = tk(x, t)->flags, u = tk(x, t)->upos;
      /* a relative clause on a person, `who` its subject: that person,
       * in the clause (`Mariano Puerta, who followed up his win`) or,
       * past the comma that closes it, in the main clause of a person
       * who opens the sentence (`Johnson, who captained England, will
       * play his final match`); not `Campbell, who he described as`,
       * `a replacement for Shearer, who is due to retire, although he` */
      if (tok_is(x, t, ",")) comma = 1;
      if (tok_is(x, t, "who") && t - 1 > s0) {
        long a = t - 1 - tok_is(x, t - 1, ",");
        int r = owner[a];
        unsigned v = tk(x, t + 1)->upos;
        if (r < 0 || !is_person(x, r) || (v != TD_VERB && v != TD_AUX && v != TD_ADV) ||
            !(x->ai[r].gender == g ||
              (x->ai[r].gender == '-' && doc_poss_pronoun(x->doc, (size_t)p))))
          return -1;
        while (comma && a > s0 && owner[a - 1] == r) a--;
        for (long b = s0; comma && b < a; b++) {
          unsigned w = tk(x, b)->upos;
          if (w == TD_VERB || w == TD_AUX || w == TD_ADP || w == TD_PRON || w == TD_SCONJ ||
              tok_is(x, b, ","))
            return -1;
        }
        return r;
      }
      if (other[t] || (u == TD_PRON && td_str_in(tk(x, t)->norm, personal)) ||
          (f & (TD_TOK_QUOTE_OPEN | TD_TOK_QUOTE_CLOSE)) ||
          td_str_in(tk(x, t)->norm, relative) || (is_cue(x, t) && !raised_cue(x, t)))
        return -1;
      /* a clause of another subject between (`Vane is fit, but the
       * Scot admitted he`) */
      if ((u == TD_NOUN || u == TD_PROPN) && t + 1 < p &&
          (tk(x, t + 1)->upos == TD_VERB || tk(x, t + 1)->upos == TD_AUX))
        return -1;
      continue;
    }
    if (!is_person(x, k)) continue;
    char kg = x->ai[k].gender;
    /* (of no known gender: for a possessive, or for the subject that
     * opens the sentence outside quotations, `Ilva Dorsk played well
     * there in 2001, when she reached the final`, also past a title,
     * `Prime Minister Ivo Vane defended the bill, saying he`) */
    if (kg != g && (kg != '-' || !(doc_poss_pronoun(x->doc, (size_t)p) ||
                                   (q < 0 && (owner_subject(x, owner, tk(x, p)->sent, k, 0) ||
                                              opens_as_subject(x, owner, tk(x, p)->sent, k))))))
      return -1;
    long e = t + 1, b = t;
    while (b > s0 && owner[b - 1] == k) b--;
    unsigned u = tk(x, e)->upos;
    if (glued_poss(x, t) || (u != TD_VERB && u != TD_AUX)) return -1;
    if (b > s0 && (tk(x, b - 1)->upos == TD_ADP ||
                   td_str_in(tk(x, b - 1)->norm, relative)))
      return -1;
    /* another person named before it in the sentence (`Vane's MP Ivo
     * Marr welcomed his release`): the window's tests decide */
    for (long a = b - 1; a >= s0; a--)
      if (owner[a] >= 0 && owner[a] != k && is_person(x, owner[a]) &&
          (x->ai[owner[a]].gender == '-' || x->ai[owner[a]].gender == g))
        return -1;
    return k;
  }
  return -1;
}

/* The person a pronoun at token p (gender g) points forward to from an
 * opening phrase of its sentence (`After police questioned him, Reyes
 * left`, `Before calling his mother, Mr Reyes wrote`), or -1: the
 * sentence opens with a preposition or a subordinating conjunction, the
 * pronoun stands before the first comma, no person's name before that
 * comma, no other person named or described before the pronoun
 * (`After Marr's lawyer met him,`), and right after it (past an
 * honorific or a title) comes a person's mention before a verb, of
 * gender g, or of none known for a possessive. */
static int cataphor_subject(const actx *x, const int32_t *owner, const uint8_t *other, long p,
                            char g) {
  size_t si = tk(x, p)->sent;
  long s0 = (long)x->doc->sents[si].tok0, s1 = s0 + (long)x->doc->sents[si].ntok;
  unsigned u0 = tk(x, s0)->upos;
  if (p == s0 || (u0 != TD_ADP && u0 != TD_SCONJ)) return -1;
  long c = s0;
  for (; c < s1 && !tok_is(x, c, ","); c++)
    if (c != p && ((owner[c] >= 0 && is_person(x, owner[c])) || (c < p && other[c]) ||
                   (tk(x, c)->flags & TD_TOK_QUOTE_OPEN)))
      return -1;
  if (c < p || c + 1 >= s1) return -1;
  long n = c + 1;
  while (n < s1 && n <= c + 3 && owner[n] < 0 && (tk(x, n)->upos == TD_PROPN || tok_is(x, n, ".")))
    n++;
  int k = n < s1 ? owner[n] : -1;
  if (k < 0 || !is_person(x, k)) return -1;
  char kg = x->ai[k].gender;
  if (kg != g && (kg != '-' || !doc_poss_pronoun(x->doc, (size_t)p))) return -1;
  while (n < s1 && owner[n] == k) n++;
  if (n >= s1 || (tk(x, n)->upos != TD_VERB && tk(x, n)->upos != TD_AUX)) return -1;
  return k;
}

/* `him`, `her` at token p (in the sentence opening at s0) as the object
 * of the verb right before it: the tokens [*b0, *b1) of that verb's
 * subject, the name, title or person's noun right before the verb, past
 * auxiliaries and adverbs (`a church lawyer interrogated him`, `Vane has
 * often thanked him`) and a verb the verb completes as a to-infinitive
 * (`Marr wants to play him`), which the pronoun is not (it would be `himself`);
 * an empty range when there is none. */
static void object_subject(const actx *x, const int32_t *owner, const uint8_t *other, long p,
                           long s0, long *b0, long *b1) {
  *b0 = *b1 = -1;
  if ((!tok_is(x, p, "him") && !tok_is(x, p, "her")) || doc_poss_pronoun(x->doc, (size_t)p) ||
      p - 1 <= s0)
    return;
  /* (`Rory Bremner's impression of him`: the object of `of` after a noun
   * that a person's name in the possessive opens is not that person) */
  if (p - 3 > s0 && tok_is(x, p - 1, "of") && tk(x, p - 2)->upos == TD_NOUN) {
    long e = poss_tok(x, p - 3) ? p - 4 : glued_poss(x, p - 3) ? p - 3 : -1;
    int k = e > s0 ? owner[e] : -1;
    if (k < 0 || !is_person(x, k)) return;
    long a = e;
    while (a > s0 && owner[a - 1] == k) a--;
    *b0 = a, *b1 = e + 1;
    return;
  }
  if (tk(x, p - 1)->upos != TD_VERB) return;
  /* (`her` before a word of its phrase is a possessive the tagger missed:
   * `Ms Craymer remortgaged her home`) */
  unsigned n = (size_t)p + 1 < x->doc->ntoks && tk(x, p + 1)->sent == tk(x, p)->sent
                   ? tk(x, p + 1)->upos : TD_PUNCT;
  if (tok_is(x, p, "her") && n != TD_PUNCT && n != TD_ADP && n != TD_CCONJ && n != TD_SCONJ &&
      n != TD_DET && n != TD_PART)
    return;
  long b = p - 2;
  while (b > s0 && (tk(x, b)->upos == TD_AUX || tk(x, b)->upos == TD_ADV ||
                    tk(x, b)->upos == TD_PART))
    b--;
  /* (past a verb that the to-infinitive completes, whose subject is the
   * infinitive's: `does Marr want to play him`, `Vane hopes to meet
   * her`; not past an object, `Vane asked Marr to help him`) */
  if (b > s0 && tk(x, b)->upos == TD_VERB && tok_is(x, b + 1, "to") && b + 2 == p - 1) {
    b--;
    while (b > s0 && (tk(x, b)->upos == TD_AUX || tk(x, b)->upos == TD_ADV ||
                      tk(x, b)->upos == TD_PART))
      b--;
  }
  int k = owner[b];
  if (k < 0 && other[b] != 1) return;
  long a = b;
  while (a > s0 && (k >= 0 ? owner[a - 1] == k : other[a - 1] == 1)) a--;
  while (a > s0 && (tk(x, a - 1)->upos == TD_ADJ || tk(x, a - 1)->upos == TD_NOUN)) a--;
  /* (not a subject of a person's: `Venn's lawyer called him`, `his
   * lawyer met him` may mean the possessor or another) */
  if (a > s0 && (glued_poss(x, a - 1) || poss_tok(x, a - 1) ||
                 doc_poss_pronoun(x->doc, (size_t)a - 1)))
    return;
  *b0 = a, *b1 = b + 1;
}

/* Token c ends the addressee of a statement cue that names whom it
 * tells (`told reporters`, `has told the BBC`, `assured the court`):
 * that cue, when the addressee is at most six words of a noun phrase
 * that names and describes no person (no `his lawyer`, `the prime
 * minister`, `Mr Brown`, `him`: the pronoun after may be the
 * addressee); else c. */
static const char *const tell_verbs[] = {"tell",   "assure",  "warn",
                                         "inform", "remind", "promise", NULL};
static long told_cue(const actx *x, const int32_t *owner, const uint8_t *other, long c,
                     long s0) {
  long b = c;
  for (; b > s0 && b > c - 6; b--) {
    unsigned u = tk(x, b)->upos;
    if ((u != TD_DET && u != TD_ADJ && u != TD_NOUN && u != TD_PROPN && u != TD_NUM &&
         !poss_tok(x, b)) ||
        other[b] || (owner[b] >= 0 && is_person(x, owner[b])) ||
        (x->wf[b] & (W_PNOUN | W_PTITLE)))
      break;
  }
  if (b == c || !is_cue(x, b) || !tk(x, b)->lemma || !td_str_in(tk(x, b)->lemma, tell_verbs))
    return c;
  return b;
}

/* The person a third-person singular pronoun at token p (he, him, she,
 * her; gender g) refers to, from the actors' mentions before it (owner),
 * in its sentence and the PRONOUN_WINDOW before it (in a quotation
 * opening at q, only in the quotation): the one person of a gender not
 * other than g mentioned there, or, of several, the one that is the
 * subject of the nearest sentence naming any; it must be known to be of
 * gender g, but for the one person of no known gender there, the subject
 * of the sentence right before a `he` or `she` that opens its own. -1 (a wrong link puts quotes and events on the wrong actor:
 * no guess) when there is none, or a person no actor is (other_people)
 * or a pronoun of g left unresolved stands nearer, or the sentence opens
 * with the pronoun and names its person after a comma (`After he landed,
 * Moreau said`: it points forward). The subject of a statement cue right
 * before the pronoun (`Moreau said he`) is its person whoever else is
 * near. */
/* The comma at token n closes a phrase set off by commas after a name,
 * in the sentence opening at s0: a relative clause (`, who ...,`), an
 * age or a description opening with an article (`, 54,`, `, the former
 * minister,`); the token before its opening comma, else n. At most 30
 * tokens back, no quotation mark in it. */
static long before_commas(const actx *x, long n, long s0) {
  static const char *const opens[] = {"who", "whose", "which", "the", "a", "an", NULL};
  for (long b = n - 1; b > s0 && b >= n - 30; b--) {
    if (tk(x, b)->flags & (TD_TOK_QUOTE_OPEN | TD_TOK_QUOTE_CLOSE)) return n;
    if (!tok_is(x, b, ",")) continue;
    if (b + 1 < n && (td_str_in(tk(x, b + 1)->norm, opens) ||
                      (tk(x, b + 1)->upos == TD_NUM && b + 2 == n)))
      return b - 1;
    return n;
  }
  return n;
}

static int pronoun_person(actx *x, const int32_t *owner, const uint8_t *other, long p, long q,
                          char g) {
  size_t si = tk(x, p)->sent;
  long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
  long w0 = x->doc->sents[si >= PRONOUN_WINDOW ? si - PRONOUN_WINDOW : 0].tok0;
  /* in a quotation, `he` is seldom its speaker: only a person it names */
  if (q >= 0 && q > w0) w0 = q;
  /* `Moreau said (that) he would stay`, `Moreau has told reporters he`:
   * the speaker, whoever else is near */
  long c = told_cue(x, owner, other, p - 1 - (p - 1 > s0 && tok_is(x, p - 1, "that")), s0);
  /* (not `him`, nor `her` right after `told`: whom the speaker tells) */
  int object = tok_is(x, p, "him") || tok_is(x, p, "himself") ||
               (tok_is(x, p, "her") && c == p - 1 && tk(x, c)->lemma && td_str_in(tk(x, c)->lemma, tell_verbs));
  if (c > s0 && is_cue(x, c) && !object) {
    long n = c - 1;
    int passive = 0; /* (`The conference was told he`: whom it was told) */
    while (n > s0 && n >= c - 3 && (tk(x, n)->upos == TD_AUX || tok_is(x, n, "also"))) {
      passive |= tk(x, n)->lemma && strcmp(tk(x, n)->lemma, "be") == 0;
      n--;
    }
    n = passive ? c : cue_subject_end(x, n + 1, s0);
    /* (past a phrase in commas after the speaker: `Mr Hague, who wrote a
     * biography of Pitt, also said he`, `Ms Sousa, 54, said she`) */
    if (n > s0 && tok_is(x, n, ",")) n = before_commas(x, n, s0);
    int k = passive ? -1 : owner[n];
    if (k >= 0 && is_person(x, k) &&
        (x->ai[k].gender == '-' || x->ai[k].gender == g))
      return k;
    /* `Tory MP Nigel Vane said he`: a speaker no actor is, the one meant;
     * not a plural or a body (`Mr Vane's lawyers have said he`, `his
     * local association has insisted he`) */
    if (k < 0 && (tk(x, n)->upos == TD_PROPN ||
                  (tk(x, n)->upos == TD_NOUN && tk(x, n)->xpos != TD_XPOS_NNS &&
                   !tok_in(x, n, W_FIRM | W_PAPER | W_ORGNOUN | W_ORG | W_DESC_B))))
      return -1;
  }
  /* `After police questioned him, Reyes left`: the subject after the
   * opening phrase */
  int subj = q < 0 ? cataphor_subject(x, owner, other, p, g) : -1;
  if (subj >= 0) return subj;
  /* `Lee was making his last tour`: the subject of its own clause,
   * whoever else the sentences before name */
  subj = clause_subject(x, owner, other, p, q, g);
  if (subj >= 0) return subj;
  /* found: the one candidate of the window (-1 none, -2 several); near:
   * the one of the nearest sentence naming any (-2 several there) */
  int found = -1, near = -1;
  long near_tok = -1;
  /* first: the candidate the nearest sentence naming any names first */
  int first = -1;
  long first_tok = -1;
  /* the sentence of the nearest pronoun of this gender left between
   * several people, when no actor stands nearer (-1 none) */
  long amb = -1;
  /* the one candidate of no known gender (-1 none, -2 several) */
  int unknown = -1;
  /* near, near_tok, first, first_tok of the candidates outside
   * quotations, for a pronoun outside them */
  int onear = -1, ofirst = -1;
  long onear_tok = -1, ofirst_tok = -1;
  /* the nearest mention of a person known to be of gender g (-1 none) */
  long known_tok = -1;
  long sv0, sv1;
  object_subject(x, owner, other, p, s0, &sv0, &sv1);
  for (long t = p - 1; t >= w0; t--) {
    int k = owner[t];
    if (t >= sv0 && t < sv1) continue;
    if (k < 0) {
      /* a person no actor is, or a pronoun of this gender left unresolved,
       * nearer than any actor: the chain is broken there */
      if (found == -1 && (other[t] == 1 || (other[t] == (g == 'm' ? 2 : 3)))) return -1;
      if (found == -1 && amb < 0 && other[t] == (g == 'm' ? 4 : 5)) amb = (long)tk(x, t)->sent;
      continue;
    }
    if (!is_person(x, k)) continue;
    if (x->ai[k].gender != '-' && x->ai[k].gender != g) continue;
    if (x->ai[k].gender == g && known_tok < 0) known_tok = t;
    if (x->ai[k].gender == '-') unknown = unknown == -1 || unknown == k ? k : -2;
    if (near == -1 || tk(x, t)->sent == tk(x, near_tok)->sent) {
      if (near == -1 || near == k) near_tok = t; /* (its first mention there) */
      near = near == -1 || near == k ? k : -2;
      first = k, first_tok = t;
    }
    if (q < 0 && !in_quotation(x, t) &&
        (onear == -1 || tk(x, t)->sent == tk(x, onear_tok)->sent)) {
      if (onear == -1 || onear == k) onear_tok = t;
      onear = onear == -1 || onear == k ? k : -2;
      ofirst = k, ofirst_tok = t;
    }
    found = found == -1 || found == k ? k : -2;
  }
  /* of the nearest sentence, the people outside its quotations, when it
   * names any there: `"Vane is there," he argued. He also said` is the
   * speaker, not Vane */
  if (near == -2 && onear != -1 && tk(x, onear_tok)->sent == tk(x, near_tok)->sent) {
    near = onear, near_tok = onear_tok;
    first = ofirst, first_tok = ofirst_tok;
  }
  /* several in the nearest sentence, a sentence before this one, and the
   * pronoun its subject (`he`, `she` before any verb): the one that
   * sentence names first when that is its subject (`Vane phoned Ivo
   * Marr. He said ...` is Vane; a subject pronoun goes on the subject);
   * not a possessive (`Vane's film starred Marr. He ...`: the film is
   * the subject), nor a name in a quotation the pronoun is not in (`"Marr
   * is there," he argued. He ...`), nor after a preposition (`A film
   * under Vane starred Marr`), nor when another clause of the sentence
   * has one of them for subject (`Vane served and Marr returned it`),
   * unless that first one is a `he` or `she` opening it as its subject:
   * the person the passage goes on about (`He admitted he had gone to
   * bed thinking Marr might have won. He woke up`) */
  if (near == -2 && tk(x, near_tok)->sent < si && subject_pronoun(x, p, s0) &&
      !possessive_at(x, owner, first_tok) && (q >= 0 || !in_quotation(x, first_tok)) &&
      !after_preposition(x, first_tok) &&
      (subject_pronoun(x, first_tok, (long)x->doc->sents[tk(x, first_tok)->sent].tok0) ||
       !other_subject(x, owner, tk(x, near_tok)->sent, first, g))) {
    near = first;
    near_tok = first_tok;
  }
  /* several in the window: the nearest sentence's one when it is that
   * sentence's subject, no verb before it (`Mr Vane left. A fellow pupil
   * was Ivo Marr. He ...` is not Marr), but for an opening phrase that a
   * comma right before it closes (`Writing in his blog, Vane said`) */
  if (found == -2 && near >= 0) {
    long n0 = x->doc->sents[tk(x, near_tok)->sent].tok0;
    long m = near_tok;
    while (m > n0 && owner[m - 1] == near) m--;
    int verb = 0;
    /* (for a person named outside quotations, with the pronoun, not a
     * verb of a quotation, nor the cue right after it: `"...," said Mr
     * Vane.`) */
    int out = q < 0 && !in_quotation(x, near_tok);
    if (!opening_clause(x, n0, m))
      for (long t = n0; t < m && !verb; t++)
        verb = (tk(x, t)->upos == TD_VERB || tk(x, t)->upos == TD_AUX) &&
               !(out && (in_quotation(x, t) || (is_cue(x, t) && after_quote(x, t, n0))));
    found = verb ? -2 : near;
  }
  /* past a pronoun left between several people, only one of those
   * same people, named in its sentence: the one a pronoun that opens
   * the next sentence goes on (`Vane wrote to help Marr with his fees.
   * He called Marr`); not a person of the sentences before it (`In
   * 1984 he began` between Vane and Marr, then `he` is not the Marr of
   * the sentence before it) */
  if (amb >= 0 && (near_tok < 0 || (long)tk(x, near_tok)->sent != amb)) return -1;
  if (found == -2) return -2;
  /* the one person of no known gender the window names, when it is the
   * subject of the sentence right before and the pronoun opens its own as
   * its subject, outside quotations, with no name in that sentence the
   * typing left to no actor (`Rato was asked by G7 ministers to carry out
   * a study. He is expected to present ...`; not `Arrese chose to rest
   * 18-year-old Nadal. He was replaced`), past a title before the name and
   * a phrase in commas after it (`Prime Minister Irakli Vane, 54,
   * defended the bill. He`), no person known to be of the pronoun's
   * gender named nearer, in that sentence or this one (`Vane is the choice
   * of Mr Ivo Marr. But while he`): a `he` or `she` there is that person,
   * and tells the gender for the pronouns after */
  if (found >= 0 && found == unknown && subject_pronoun(x, p, s0) && q < 0 &&
      near_tok >= 0 && tk(x, near_tok)->sent + 1 == si &&
      (known_tok < 0 || tk(x, known_tok)->sent + 1 < si) &&
      (owner_subject(x, owner, si - 1, found, 0) || opens_as_subject(x, owner, si - 1, found)) &&
      !unowned_name(x, owner, si - 1))
    return found;
  /* a person of no known gender may be the one meant, or may not: a
   * pronoun is a mention of one known to be a man or a woman */
  if (found < 0 || x->ai[found].gender != g) return -1;
  /* cataphora: nothing of the person before the pronoun in its sentence,
   * a compatible person after a comma that follows it; not when the
   * pronoun opens the sentence (`He flew to Lyon to meet Ivo Marr, who
   * had told Vane`: the main clause's subject, no clause before it that
   * a name after the comma could answer) */
  int before = p == s0;
  for (long t = s0; t < p && !before; t++) before = owner[t] == found;
  if (!before) {
    int comma = 0;
    for (long t = p + 1; t < s1; t++) {
      if (tok_is(x, t, ",")) comma = 1;
      int k = owner[t];
      if (comma && k >= 0 && is_person(x, k) &&
          (x->ai[k].gender == '-' || x->ai[k].gender == g))
        return -1;
    }
  }
  return found;
}

/* The gender a noun for a person gives ('m', 'f'), or 0: `businessman`,
 * `actress`, `widow` (noun_genders, described_again). */
static char noun_gender(const char *w) {
  static const char *const men[] = {"man", "boy", "father", "son", "brother", "husband",
                                    "king", "prince", "businessman", "spokesman",
                                    "grandfather", "uncle", "nephew", "widower", NULL};
  static const char *const women[] = {"woman", "girl", "mother", "daughter", "sister", "wife",
                                      "queen", "princess", "actress", "businesswoman",
                                      "spokeswoman", "chairwoman", "grandmother", "aunt",
                                      "niece", "widow", NULL};
  return td_str_in(w, men) ? 'm' : td_str_in(w, women) ? 'f' : 0;
}

/* Nouns of what a person is (not of a role towards others): an
 * occupation or a nationality, for self_description and age_phrase. */
static const char *const person_is[] = {"singer", "actor", "actress", "star", "rapper", "musician",
                                        "player", "striker", "midfielder", "defender", "winger",
                                        "goalkeeper", "keeper", "batsman", "bowler", "veteran",
                                        "youngster", "teenager", "comedian", "novelist", "writer",
                                        "presenter", "sprinter", "athlete", "runner", "skipper",
                                        "frenchman", "englishman", "irishman", "welshman",
                                        "scotsman", "dutchman", "briton", "scot", "swede", "dane",
                                        "spaniard", "argentine", "american", "african", "australian",
                                        "italian", "brazilian", "belgian", "russian", "kenyan",
                                        "german", "croatian", "serbian", "canadian", "nigerian",
                                        "ethiopian", "norwegian", "colombian", "indian", "korean",
                                        "chilean", "mexican", "romanian", "ukrainian", NULL};

static int entry_at(const actx *x, long i, const char *c);

/* Nouns for a person from a city or a region (the demonyms of
 * countries come from the dictionary, person_from). */
static const char *const townsfolk[] = {
    "dubliner",   "londoner",    "glaswegian", "liverpudlian", "mancunian",  "geordie",
    "scouser",    "brummie",     "cockney",    "yorkshireman", "cornishman", "ulsterman",
    "corkman",    "kerryman",    "aberdonian", "edinburgher",  "parisian",   "muscovite",
    "berliner",   "texan",       "californian", "floridian",   "bostonian",  "aucklander",
    "sydneysider", "melburnian", "queenslander", "tasmanian",  "catalan",    "andalusian",
    "bavarian",   "sicilian",    "neapolitan", "venetian",     "quebecer",   "kiwi",
    "aussie",     "lancastrian", "cornishwoman", "yorkshirewoman", NULL};

/* Token h is a noun of what a person is (person_is), or of where the
 * person is from: a city's or a region's (townsfolk), or a country's
 * adjective of the dictionary that is also a person's noun, capitalized
 * (`the Kenyan`, `the Peruvian`, `the Israeli`; not `the Chinese`, `the
 * Irish`, `the French`, `the Swiss`: people at large). */
static int person_from(const actx *x, long h) {
  const char *w = tk(x, h)->norm;
  if (td_str_in(w, person_is)) return 1;
  if (!tok_cap(x, h)) return 0;
  if (td_str_in(w, townsfolk)) return 1;
  size_t n = strlen(w);
  if (n < 4 || (n > 3 && (strcmp(w + n - 3, "ese") == 0 || strcmp(w + n - 3, "ish") == 0)) ||
      strcmp(w + n - 2, "ch") == 0 || strcmp(w + n - 2, "ss") == 0)
    return 0;
  return entry_at(x, h, "country.adj");
}

/* `the 31-year-old` at token i (`the`, a number, `-`, `year`, `-`,
 * `old`), alone or before a person's noun (`the 40-year-old comedian`),
 * not before another noun (`the 31-year-old awards ceremony`): the token
 * after the phrase, or -1 when it is no such phrase. */
static long age_phrase(const actx *x, long i) {
  static const char *const people[] = {"comedian", "actor", "actress", "singer", "star",
                                       "runner", "rapper", "musician", "veteran", "international",
                                       "winger", "forward", "centre", "winner", NULL};
  long n = (long)x->doc->ntoks;
  if (i + 6 > n || !tok_is(x, i, "the") || !(tk(x, i + 1)->flags & TD_TOK_DIGIT) ||
      !tok_is(x, i + 2, "-") || !tok_is(x, i + 3, "year") || !tok_is(x, i + 4, "-") ||
      !tok_is(x, i + 5, "old"))
    return -1;
  long e = i + 6;
  /* (a nationality's noun: `the 25-year-old Spaniard`, `the 31-year-old
   * Frenchman told`) */
  if (e < n && tk(x, e)->sent == tk(x, i)->sent && tok_cap(x, e) && !glued_poss(x, e) &&
      person_from(x, e))
    e++;
  else if (e < n && tk(x, e)->sent == tk(x, i)->sent && tk(x, e)->upos == TD_NOUN) {
    if (tok_cap(x, e) || !((x->wf[e] & (W_PNOUN | W_PTITLE | W_MEMBER)) ||
                           td_str_in(tk(x, e)->norm, people)))
      return -1;
    e++;
  }
  if (e < n && tk(x, e)->sent == tk(x, i)->sent &&
      (tk(x, e)->upos == TD_NOUN || tk(x, e)->upos == TD_PROPN))
    return -1;
  return e;
}

/* `The singer`, `the striker`, `the Frenchman` at token i (`the`, at
 * most two adjectives, a singular noun of what a person is, not of a
 * role towards others: not `the manager`, `the lawyer`), opening its
 * sentence (past `But`, `And`) or after a statement cue that follows a
 * quotation or a comma (`"...," said the American`; not `Desailly says the
 * Russian's arrival helped`), as the head of its phrase: the token after
 * it, or -1. */
static long self_description(const actx *x, long i) {
  long s0 = (long)x->doc->sents[tk(x, i)->sent].tok0, n = (long)x->doc->ntoks;
  if (!(i == s0 || (i == s0 + 1 && (tk(x, s0)->upos == TD_CCONJ || tk(x, s0)->upos == TD_ADV)) ||
        (i > s0 + 1 && is_cue(x, i - 1) &&
         (tok_is(x, i - 2, ",") || (tk(x, i - 2)->flags & TD_TOK_QUOTE_CLOSE)))))
    return -1;
  long h = i + 1;
  while (h < n && h <= i + 2 && tk(x, h)->upos == TD_ADJ && !tok_cap(x, h)) h++;
  if (h >= n || tk(x, h)->sent != tk(x, i)->sent || tk(x, h)->xpos == TD_XPOS_NNS ||
      tk(x, h)->xpos == TD_XPOS_NNPS || !person_from(x, h))
    return -1;
  long e = h + 1;
  if (e < n && tk(x, e)->sent == tk(x, i)->sent &&
      (tk(x, e)->upos == TD_NOUN || tk(x, e)->upos == TD_PROPN || glued_poss(x, h) ||
       tok_is(x, e, "of") || tok_is(x, e, "-")))
    return -1;
  return e;
}

/* The mention holding token t is a statement's speaker: a statement cue
 * follows it (past a comma), or stands before it after a comma or a
 * quotation (`, said Mr Vane`, not `he said Mr Vane had lost`), or
 * `according to` does. */
static int speaker_mention(const actx *x, const int32_t *owner, long t) {
  long n = (long)x->doc->ntoks, b = t, e = t;
  while (b > 0 && owner[b - 1] == owner[t]) b--;
  while (e + 1 < n && owner[e + 1] == owner[t]) e++;
  long c = e + 1 + (e + 1 < n && tok_is(x, e + 1, ","));
  if (c < n && is_cue(x, c)) return 1;
  b--;
  if (b > 0 && tok_is(x, b, ".") && honorific(x, b - 1)) b--;
  if (b > 0 && honorific(x, b)) b--;
  /* (past a title before the name, whatever the tagger made of its
   * words: `, said AK chief Isaiah Kiplagat`) */
  for (long d = b; d > 0 && d > b - 4 && !is_cue(x, d) && tk(x, d)->upos != TD_PUNCT; d--)
    if (is_cue(x, d - 1)) b = d - 1;
  return b > 0 && ((is_cue(x, b) && (tok_is(x, b - 1, ",") ||
                                     (tk(x, b - 1)->flags & TD_TOK_QUOTE_CLOSE))) ||
                   (tok_is(x, b, "to") && tok_is(x, b - 1, "according")));
}

/* Tokens [t0, t1) hold a name no actor holds in the possessive (`It was
 * Isinbayeva's 11th world record`; not a day's, `Wednesday's`), or a `he`
 * or `she` no person's mention opens the sentence of the mention at nt
 * before it (`She will now meet Venus Williams`): a person no actor is. */
static int other_in_window(const actx *x, const int32_t *owner, long t0, long t1, long nt) {
  for (long t = t0; t < t1; t++) {
    if (owner[t] >= 0 || tk(x, t)->upos != TD_PROPN || !(glued_poss(x, t) || poss_tok(x, t + 1)))
      continue;
    char w[24];
    size_t l = strcspn(tk(x, t)->norm, "'\xe2"); /* (the word before its `'s` or `’s`) */
    if (l >= sizeof w) return 1;
    memcpy(w, tk(x, t)->norm, l), w[l] = 0;
    if (!time_word(w)) return 1;
  }
  for (long t = (long)x->doc->sents[tk(x, nt)->sent].tok0; t < nt; t++)
    if (owner[t] < 0 && (tok_is(x, t, "he") || tok_is(x, t, "she"))) return 1;
  return 0;
}

/* `Tim Henman has retired. The 30-year-old made his debut in 1994`, `Leroy
 * Lita scored twice. The striker ...`: an age phrase (age_phrase) or a
 * description of what a person is (self_description; of a gender it
 * implies, if any) describes a person met just before: the one
 * person the nearest sentence naming any (in its own or the
 * PRONOUN_WINDOW before it) names, when that sentence opens with the
 * person as its subject (not `..., said Mr Vane. The 87-year-old was
 * found dead`: the article's subject, named further back), past `be` or
 * `have` alone too (`Dick Clark is in hospital`); an age phrase also the
 * one person the window names, subject or not, when no other may be
 * meant (speaker_mention, other_in_window); none when a
 * person no actor is (other_people) stands nearer than any. Run before the pronouns, so that the chain goes on through it. */
/* The person mentions right after a noun (`Actor Michael Douglas`,
 * `singer Delta Goodrem`): d[0] their number, then the token of each
 * one's first word, in text order (for described_as). */
static long *described_mentions(actx *x, const int32_t *owner) {
  td_doc *doc = x->doc;
  long n = 0;
  for (size_t t = 1; t < doc->ntoks; t++)
    n += owner[t] >= 0 && owner[t - 1] < 0 && is_person(x, owner[t]) && tk(x, t - 1)->upos == TD_NOUN;
  long *d = td_arena_alloc(&doc->arena, (size_t)(n + 1) * sizeof *d);
  d[0] = 0;
  for (size_t t = 1; t < doc->ntoks && d[0] < n; t++)
    if (owner[t] >= 0 && owner[t - 1] < 0 && is_person(x, owner[t]) && tk(x, t - 1)->upos == TD_NOUN)
      d[++d[0]] = (long)t;
  return d;
}

/* The one person whose mention before token i follows the noun at token
 * h (`Actor Michael Douglas ... the 60-year-old actor`: Douglas), of the
 * 64 such mentions (described_mentions d) nearest before i; -1 when
 * none is, -2 when several are. */
static int described_as(const actx *x, const int32_t *owner, const long *d, long h, long i) {
  long lo = 1, hi = d[0] + 1; /* (the first at or after i) */
  while (lo < hi) {
    long mid = (lo + hi) / 2;
    if (d[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  int who = -1;
  for (long j = lo - 1; j >= 1 && j >= lo - 64; j--) {
    long t = d[j];
    if (owner[t] < 0 || strcmp(tk(x, t - 1)->norm, tk(x, h)->norm) != 0) continue;
    if (who >= 0 && who != owner[t]) return -2;
    who = owner[t];
  }
  return who;
}

static void age_links(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  uint8_t *other = NULL, *grew = NULL;
  long *desc = NULL; /* (described_mentions, once a phrase with a noun is met) */
  for (size_t i = 0; i + 2 < doc->ntoks; i++) {
    /* (`the` first, one bit test: perf) */
    if (!(x->wf[i] & W_SMALL) || owner[i] >= 0 || !tok_is(x, (long)i, "the")) continue;
    long e = age_phrase(x, (long)i);
    int age = e >= 0;
    if (e < 0) e = self_description(x, (long)i);
    if (e < 0) continue;
    if (!other) other = other_people(x, owner);
    size_t si = tk(x, (long)i)->sent;
    long w0 = doc->sents[si >= PRONOUN_WINDOW ? si - PRONOUN_WINDOW : 0].tok0;
    int found = -1, near = -1;
    size_t nsent = 0;
    long nt = -1; /* the nearest person's mention */
    for (long t = (long)i - 1; t >= w0; t--) {
      int k = owner[t];
      if (k < 0) {
        if (found == -1 && other[t] == 1) break;
        continue;
      }
      if (!is_person(x, k)) continue;
      if (found == -1) near = k, nsent = tk(x, t)->sent, nt = t;
      else if (near != k && tk(x, t)->sent == nsent) near = -2;
      found = found == -1 || found == k ? k : -2;
    }
    /* (an age of the one person the window names, who is no speaker
     * there: `Chelsea have sacked Adrian Mutu. The 25-year-old tested
     * positive`; not `..., said Mr Clinton. The 87-year-old was found
     * dead`, the article's subject named further back) */
    int lone = age && found >= 0 && !speaker_mention(x, owner, nt) && !in_quotation(x, nt) &&
               !other_in_window(x, owner, w0, (long)i, nt);
    /* (a noun the article puts before another person's name is that
     * person's: `Actor Michael Douglas ... Aishwarya Rai, star of Bride
     * and Prejudice, is ... the 60-year-old actor said`, Douglas) */
    int by_noun = -1;
    if (!age || e > (long)i + 6) {
      if (!desc) desc = described_mentions(x, owner);
      by_noun = described_as(x, owner, desc, e - 1, (long)i);
    }
    if (by_noun >= 0 && by_noun != near) {
      near = by_noun;
    } else {
      if (found == -1 || near < 0 ||
          !(lone || owner_subject(x, owner, nsent, near, 1) ||
            (nsent < si && described_subject(x, owner, nsent, near, 1))))
        continue;
      /* (a nationality is another's there when the phrase is the object
       * of a verb or a preposition in the person's own sentence: `Wenger
       * has faith in the 27-year-old Spaniard`, `Agassi charged to
       * unsettle the 31-year-old Dane`) */
      if (age && nsent == si && tok_cap(x, e - 1) &&
          (tk(x, (long)i - 1)->upos == TD_VERB || tk(x, (long)i - 1)->upos == TD_ADP))
        continue;
      /* (named there, not a pronoun: `He said: "..." The 28-year-old`,
       * the speaker's player) */
      long f = (long)doc->sents[nsent].tok0;
      while (owner[f] != near) f++;
      if (tk(x, f)->upos == TD_PRON) continue;
    }
    /* (`the actress` no man, `the Frenchman` no woman) */
    const char *w = tk(x, e - 1)->norm;
    size_t wl = strlen(w);
    char g = noun_gender(w);
    if (!g && wl > 5 && strcmp(w + wl - 3, "man") == 0) g = 'm'; /* a nation's man, a batsman */
    if (g && x->ai[near].gender != '-' && x->ai[near].gender != g) continue;
    found = near;
    add_mention(x, found, (long)i, e);
    for (long t = (long)i; t < e; t++) owner[t] = found;
    if (!grew) grew = td_arena_alloc(&doc->arena, doc->nactors + 1), memset(grew, 0, doc->nactors + 1);
    grew[found] = 1;
  }
  for (size_t k = 0; grew && k < doc->nactors; k++)
    if (grew[k]) sort_mentions(A(x, (int)k));
}

/* The first token of the dictionary match of class c (not a plural
 * title) that ends right before token b, the longest; b when none. */
static long match_before(const actx *x, long b, const char *c) {
  if (b <= 0) return b;
  size_t si = tk(x, b - 1)->sent;
  long a = b;
  for (size_t k = x->first[si]; k < x->first[si + 1]; k++) {
    const dm *d = &x->all[k];
    if ((long)d->tok1 == b && (long)d->tok0 < a && is_cls(d, c) && !is_cls(d, "title.plural"))
      a = (long)d->tok0;
  }
  return a;
}

/* The first token of a title right before the name at token i, in the
 * sentence opening at s0: a title of the dictionary or a person's title
 * word (`Prime Minister`, `Secretary of State`, `coach`), with a country
 * or an organization (or its adjective, or its possessive) before it
 * (`U.S. Secretary of State`, `Georgia's Prime Minister`, `Israeli Prime
 * Minister`, `Liberal Democrat spokesman`); i when there is none. */
static long title_start(const actx *x, long i, long s0) {
  long b = i;
  int title = 0;
  while (b > s0) {
    long a = match_before(x, b, "title");
    if (a >= s0 && a < b) {
      b = a, title = 1;
      continue;
    }
    if (tok_in(x, b - 1, W_PTITLE) && !honorific(x, b - 1)) {
      b--, title = 1;
      continue;
    }
    if (!title) break;
    long e = b - 1 > s0 && poss_tok(x, b - 1) ? b - 1 : b;
    a = match_before(x, e, "country");
    if (a < s0 || a >= e) a = match_before(x, e, "org");
    if (a < s0 || a >= e) break;
    b = a;
  }
  return b;
}

/* The mention [i, e] of a person opens its sentence as its subject:
 * nothing before it but determiners, adjectives, an honorific or a
 * conjunction (`But Mr Vane`), no possessive after it, and a verb or an
 * auxiliary right after it (past adverbs: `Mr Vane later flew`). */
/* The comma at token c opens a phrase set off by commas after a name
 * (a description, an age, a relative clause): the token after its
 * closing comma, at most 30 tokens on in the sentence, when it names no
 * person but k (`Vane, deputy police chief, said`: the description a
 * mention of Vane's) and holds no quotation mark nor `and` before a name (a list:
 * `Keane, Defoe and Kanoute`); else c. */
static long apposition_end(const actx *x, const int32_t *owner, long c, int k) {
  size_t si = tk(x, c)->sent, n = x->doc->ntoks;
  /* (a verb opening it only as a participle's phrase: `Vane, speaking in
   * Faro, urged`, `Vane, flanked by aides, said`; not `Vane, said Marr`) */
  if ((size_t)c + 1 >= n || tk(x, c + 1)->upos == TD_PROPN ||
      (tk(x, c + 1)->upos == TD_VERB && tk(x, c + 1)->xpos != TD_XPOS_VBG &&
       tk(x, c + 1)->xpos != TD_XPOS_VBN))
    return c;
  for (long t = c + 1; (size_t)t < n && t <= c + 30 && tk(x, t)->sent == si; t++) {
    if ((tk(x, t)->flags & (TD_TOK_QUOTE_OPEN | TD_TOK_QUOTE_CLOSE)) ||
        (owner[t] >= 0 && owner[t] != k && is_person(x, owner[t])) ||
        (tok_is(x, t, "and") && (size_t)t + 1 < n && tk(x, t + 1)->upos == TD_PROPN))
      return c;
    if (tok_is(x, t, ",")) return t + 1;
  }
  return c;
}

static int sentence_subject(const actx *x, const int32_t *owner, long i, long e) {
  long s0 = (long)x->doc->sents[tk(x, i)->sent].tok0;
  long b = i;
  for (;;) {
    if (b > s0 && (tk(x, b - 1)->upos == TD_DET || tk(x, b - 1)->upos == TD_ADJ ||
                   tk(x, b - 1)->upos == TD_CCONJ || honorific(x, b - 1) ||
                   (tok_is(x, b - 1, ".") && b - 1 > s0 && honorific(x, b - 2)))) {
      b--;
      continue;
    }
    /* (past the title that describes the person: `Prime Minister Ivo
     * Vane said`, `U.S. Secretary of State Ann Marlow urged`) */
    long d = title_start(x, b, s0);
    if (d == b) break;
    b = d;
  }
  if (b > s0 || possessive_at(x, owner, i)) return 0;
  long v = e + 1;
  /* (past a phrase in commas: `Robbie Keane, skipper for the night and
   * scorer of the second goal, echoed`, `Vane, 54, said`, `Vane,
   * speaking in Faro, urged`) */
  if ((size_t)v < x->doc->ntoks && tok_is(x, v, ",")) v = apposition_end(x, owner, v, owner[i]);
  while ((size_t)v < x->doc->ntoks && v < e + 3 && tk(x, v)->upos == TD_ADV) v++;
  return (size_t)v < x->doc->ntoks && tk(x, v)->sent == tk(x, i)->sent &&
         (tk(x, v)->upos == TD_VERB || tk(x, v)->upos == TD_AUX);
}

/* Person k's first mention in sentence si opens it as its subject
 * (sentence_subject: `Prime Minister Ivo Vane defended the bill`). */
static int opens_as_subject(const actx *x, const int32_t *owner, size_t si, int k) {
  long t = (long)x->doc->sents[si].tok0, s1 = t + (long)x->doc->sents[si].ntok;
  while (t < s1 && owner[t] != k) t++;
  if (t >= s1) return 0;
  long e = t;
  while (e + 1 < s1 && owner[e + 1] == k) e++;
  return sentence_subject(x, owner, t, e) || described_subject(x, owner, si, k, 0);
}

/* `he`/`she` at a statement cue (pronoun_at_cue): the person of a gender
 * not other than the pronoun's that was a speaker latest in the last four
 * sentences (`Vane said ... He added`), else the one mentioned latest
 * there as no verb's or preposition's object (`Matos accused Reis of
 * lying. He argued`: Matos), else the one mentioned latest there at all;
 * a mention of that person. Run after every person of the article
 * is known, reading the mentions before the pronoun only (owner): a
 * person the name typing finds after the sentence pass (`Germaine Greer
 * said. She added`) is as much a candidate as one a known given name
 * made during it. A mention is a speaker's when a statement cue follows
 * it (past a comma) or stands before it after a comma or a quotation
 * (`, said Mr Vane`, not `he said Vane had lost`), or `according to`
 * does; a pronoun resolved here is its person's speaker for the next. */
static void cue_pronouns(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  size_t n = doc->nactors;
  if (!n) return;
  long *last = td_arena_alloc(&doc->arena, 4 * n * sizeof *last), *spoke = last + n,
       *subj = last + 2 * n, *opened = last + 3 * n;
  for (size_t k = 0; k < 4 * n; k++) last[k] = -1;
  uint8_t *grown = NULL;
  for (long i = 0; i < (long)doc->ntoks; i++) {
    int o = owner[i];
    if (o >= 0) {
      if (i > 0 && owner[i - 1] == o) continue;
      last[o] = i;
      /* (a mention no verb's or preposition's object: `Mr Cable accused
       * the chancellor of ducking choices. He argued`, Cable) */
      long d = i - 1;
      if (d > 0 && tok_is(x, d, ".") && honorific(x, d - 1)) d--;
      while (d > 0 && (tk(x, d)->upos == TD_DET || tk(x, d)->upos == TD_ADJ || honorific(x, d))) d--;
      if (d < 0 || (tk(x, d)->upos != TD_VERB && tk(x, d)->upos != TD_ADP)) subj[o] = i;
      long e = i;
      while (e + 1 < (long)doc->ntoks && owner[e + 1] == o) e++;
      /* (a name opening its sentence before its verb, no possessive:
       * `Mr Vane flew to Faro.`) */
      if (sentence_subject(x, owner, i, e) ||
          (is_person(x, o) && described_subject(x, owner, tk(x, i)->sent, o, 0)))
        opened[o] = i;
      long c = e + 1 + (e + 1 < (long)doc->ntoks && tok_is(x, e + 1, ","));
      long b = i - 1; /* (before it, past an honorific: `, said Mr Vane`) */
      if (b > 0 && tok_is(x, b, ".") && honorific(x, b - 1)) b--;
      if (b > 0 && honorific(x, b)) b--;
      /* (a cue before it after a comma or a quotation: `he said Mr Vane
       * had lost` is no statement of Vane's; nor `Ivo Marr, a police
       * chief, said Vane had lost`, a verb after the name) */
      int inverted = b > 0 && is_cue(x, b) &&
                     (tok_is(x, b - 1, ",") || (tk(x, b - 1)->flags & TD_TOK_QUOTE_CLOSE)) &&
                     !(e + 1 < (long)doc->ntoks && tk(x, e + 1)->sent == tk(x, e)->sent &&
                       (tk(x, e + 1)->upos == TD_VERB || tk(x, e + 1)->upos == TD_AUX));
      /* (not a name inside a relative clause or a description set off
       * by commas after another's: `Paul Jones, who sang Sha La La,
       * said`) */
      int inside = 0;
      if (c > e + 1 && c < (long)doc->ntoks && is_cue(x, c)) {
        long a = before_commas(x, e + 1, (long)doc->sents[tk(x, i)->sent].tok0);
        inside = a != e + 1 && a < i && owner[a] != o;
      }
      if ((c < (long)doc->ntoks && is_cue(x, c) && !inside) || inverted ||
          (b > 0 && tok_is(x, b, "to") && tok_is(x, b - 1, "according")))
        spoke[o] = i;
      continue;
    }
    if (!(x->wf[i] & (W_PRO_M | W_PRO_F)) || !(tok_is(x, i, "he") || tok_is(x, i, "she")) ||
        !pronoun_at_cue(x, i))
      continue;
    char want = x->wf[i] & W_PRO_M ? 'm' : 'f';
    long window = (long)tk(x, i)->sent - 4;
    int best = -1, recent = -1, rsubj = -1;
    long known = -1; /* (the latest mention of a person known to be of want) */
    for (size_t k = 0; k < n; k++) {
      if (x->ai[k].gender == want && last[k] > known && is_person(x, (int)k)) known = last[k];
      /* no further back than the window: a person of pages ago is no guess */
      if (last[k] < 0 || !is_person(x, (int)k) ||
          (x->ai[k].gender != '-' && x->ai[k].gender != want) ||
          (long)tk(x, last[k])->sent < window)
        continue;
      if (spoke[k] >= 0 && (long)tk(x, spoke[k])->sent >= window &&
          (best < 0 || spoke[k] > spoke[best]))
        best = (int)k;
      /* (the one met latest: of the pronoun's gender, or of none known
       * made in the sentence pass, from the dictionaries or a known given
       * name; of the names the typing finds after it, one it called a
       * person's may be a place's or a firm's, `Wood Green`) */
      if ((x->ai[k].gender == want || k < x->nsentence_actors) &&
          (recent < 0 || last[k] > last[recent]))
        recent = (int)k;
      /* (of those, the one latest a subject, no object, in the window) */
      if ((x->ai[k].gender == want || k < x->nsentence_actors) && subj[k] >= 0 &&
          (long)tk(x, subj[k])->sent >= window && (rsubj < 0 || subj[k] > subj[rsubj]))
        rsubj = (int)k;
    }
    int k = best >= 0 ? best : rsubj >= 0 ? rsubj : recent;
    /* another person of the pronoun's gender or of none known, the
     * subject of the sentence before or of this one since the speaker
     * last spoke, is meant (`Vane said the talks would go on. Mr Matos
     * flew to Faro on Monday. He said`: Matos; `Foreign Minister Rui
     * Matos, speaking in Faro, urged both sides to sign. "...," he told
     * reporters`); one of none known only when no one known to be of the
     * pronoun's gender is named after it (`Vane is the choice of Mr Ivo
     * Marr. "...," he said`) */
    for (size_t c = 0; c < n && best >= 0; c++)
      if ((int)c != best && opened[c] > spoke[best] && is_person(x, (int)c) &&
          (x->ai[c].gender == want || (x->ai[c].gender == '-' && known < opened[c])) &&
          (long)tk(x, opened[c])->sent >= (long)tk(x, i)->sent - 1 &&
          (k == best || opened[c] > opened[k]))
        k = (int)c;
    if (k < 0) continue;
    td_actor *a = A(x, k);
    TD_AGROW(&doc->arena, a->mentions, a->cap_mentions, a->nmentions + 1);
    a->mentions[a->nmentions++] = (td_span){tk(x, i)->start, tk(x, i)->end};
    if (i > x->ai[k].last_tok) x->ai[k].last_tok = i;
    if (!grown) grown = td_arena_alloc(&doc->arena, n), memset(grown, 0, n);
    grown[k] = 1;
    owner[i] = k;
    last[k] = spoke[k] = subj[k] = i;
    /* (`Rui Matos, speaking in Faro, urged ... "...," he told
     * reporters`: now known to be a man, for the pronouns after, as
     * pronoun_links learns it) */
    if (x->ai[k].gender == '-') x->ai[k].gender = want;
  }
  for (size_t k = 0; grown && k < n; k++)
    if (grown[k]) sort_mentions(A(x, (int)k));
}

/* The person who speaks the quotation opening at token q (its first
 * token inside the marks) and holding token p, or -1: a person's mention
 * after its closing mark, before or after a statement cue (`", Wilkins
 * said`, `", said Ms Wilkins`, `", she said`), or before a cue and a
 * colon or comma right before its opening mark (`Wilkins said: "`). */
static int quote_speaker(const actx *x, const int32_t *owner, long q, long p) {
  long n = (long)x->doc->ntoks, c = p;
  while (c < n && c < p + 400 && !(tk(x, c)->flags & TD_TOK_QUOTE_CLOSE)) {
    if (c > p && (tk(x, c)->flags & (TD_TOK_PARA_START | TD_TOK_QUOTE_OPEN))) return -1;
    c++;
  }
  if (c >= n || !(tk(x, c)->flags & TD_TOK_QUOTE_CLOSE)) return -1;
  long t = c + 1 + (c + 1 < n && tok_is(x, c + 1, ","));
  if (t < n && is_cue(x, t)) t++;
  if (t < n && honorific(x, t)) t += 1 + (t + 1 < n && tok_is(x, t + 1, "."));
  int k = t < n ? owner[t] : -1;
  if (k >= 0 && is_person(x, k) && !(tk(x, t)->flags & TD_TOK_PARA_START)) {
    while (t < n && owner[t] == k) t++;
    if (is_cue(x, t) || is_cue(x, c + 1) || is_cue(x, c + 2)) return k;
  }
  /* before the opening mark: `Wilkins said: "` */
  long o = q - 1;
  while (o >= 0 && o > q - 3 && !(tk(x, o)->flags & TD_TOK_QUOTE_OPEN)) o--;
  if (o < 2 || !(tk(x, o)->flags & TD_TOK_QUOTE_OPEN) ||
      !(tok_is(x, o - 1, ":") || tok_is(x, o - 1, ",")) || !is_cue(x, o - 2))
    return -1;
  long s = cue_subject_end(x, o - 2, (long)x->doc->sents[tk(x, o - 2)->sent].tok0);
  k = s >= 0 ? owner[s] : -1;
  return k >= 0 && is_person(x, k) ? k : -1;
}

/* `he`, `she`, `him`, `his`, `her` (gender g) at token p in a quotation
 * opening at q that names no one before it, of someone named before the
 * quotation (`Wilkins explained Warhol's obsession began when he was a
 * kid. "He's hanging out with the celebrities," Wilkins said.`): the one
 * person of gender g (known) named in the sentences of the quotation's
 * opening and the PRONOUN_WINDOW before it, when the quotation's speaker
 * is known and is another (a speaker tells of himself with `I`); none
 * when a person no actor is or a pronoun of g left unresolved stands
 * nearer. -1 when none. */
static int quoted_person(actx *x, const int32_t *owner, const uint8_t *other, long p, long q,
                         char g) {
  /* (not before a statement cue: `"He told me to wait," Sousa said`
   * makes no speaker of the story) */
  if (is_cue(x, p + 1) || (tok_is(x, p + 1, "also") && is_cue(x, p + 2))) return -1;
  /* (nor when a name in brackets follows it: `"She (Kuznetsova) is a
   * great player"`) */
  if (tok_is(x, p + 1, "(")) return -1;
  for (long t = q; t < p; t++)
    if ((owner[t] >= 0 && is_person(x, owner[t])) || other[t]) return -1;
  int s = quote_speaker(x, owner, q, p);
  if (s < 0) return -1;
  size_t si = tk(x, q)->sent;
  long w0 = (long)x->doc->sents[si >= PRONOUN_WINDOW ? si - PRONOUN_WINDOW : 0].tok0;
  int found = -1;
  for (long t = q - 1; t >= w0; t--) {
    int k = owner[t];
    if (k < 0) {
      if (other[t] == 1 || other[t] == (g == 'm' ? 2 : 3) || other[t] == (g == 'm' ? 4 : 5))
        return -1;
      continue;
    }
    if (!is_person(x, k)) continue;
    char kg = x->ai[k].gender;
    if (kg == '-' && k != s) return -1; /* (one of no known gender may be meant) */
    /* (the speaker, named before `said: "`, tells of himself with `I`) */
    if (kg != g || k == s) continue;
    found = found == -1 || found == k ? k : -2;
  }
  return found;
}

/* Third-person singular pronouns anywhere (`he`, `him`, `she`, `her`; not
 * a possessive): a mention of the person they refer to (pronoun_person),
 * after every person of the article is known. A pronoun that joins a
 * person counts as that person's mention for the pronouns after it, so a
 * chain of them follows one person through a passage; one left unresolved
 * breaks the chain. */
static void pronoun_links(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  uint8_t *other = NULL, *grown = NULL;
  long quoted = -1; /* the first token inside the open quotation marks, or -1 */
  for (size_t p = 0; p < doc->ntoks; p++) {
    uint32_t f = tk(x, (long)p)->flags;
    /* (a quotation left open at a paragraph's end goes on when the next
     * opens with a mark: it began in the paragraph before, where its
     * speaker may stand, `Mr Vane said: "...`) */
    long open = quoted;
    if (f & TD_TOK_PARA_START) quoted = -1;
    if (f & TD_TOK_QUOTE_OPEN) quoted = (f & TD_TOK_PARA_START) && open >= 0 ? open : (long)p + 1;
    if (f & TD_TOK_QUOTE_CLOSE) quoted = -1;
    unsigned b = x->wf[p] & (W_PRO_M | W_PRO_F);
    if (!b || owner[p] >= 0) continue;

    if (!other) other = other_people(x, owner);
    int k = pronoun_person(x, owner, other, (long)p, quoted, b & W_PRO_M ? 'm' : 'f');
    if (k == -1 && quoted >= 0)
      k = quoted_person(x, owner, other, (long)p, quoted, b & W_PRO_M ? 'm' : 'f');
    if (k < 0) {
      /* (left between several people the passage names, it names no
       * one new: the chain goes on past it) */
      other[p] = b & W_PRO_M ? (k == -1 ? 2 : 4) : (k == -1 ? 3 : 5);
      continue;
    }
    /* a possessive (`his brother said`) is a mention of its person, which
     * td_actor_at and the events layer read only alone: the brother
     * speaks there, not the possessor */
    /* appended, sorted once at the end (a pronoun no actor owns is no
     * mention yet: add_mention's search for a duplicate and a sort after
     * each made an article of thousands of `he` quadratic) */
    td_actor *a = A(x, k);
    TD_AGROW(&doc->arena, a->mentions, a->cap_mentions, a->nmentions + 1);
    a->mentions[a->nmentions++] = (td_span){tk(x, (long)p)->start, tk(x, (long)p)->end};
    if ((long)p > x->ai[k].last_tok) x->ai[k].last_tok = (long)p;
    if (!grown) {
      grown = td_arena_alloc(&doc->arena, doc->nactors + 1);
      memset(grown, 0, doc->nactors + 1);
    }
    grown[k] = 1;
    owner[p] = k;
    /* `Sousa said she`: now known to be a woman, for the pronouns after */
    if (x->ai[k].gender == '-') x->ai[k].gender = b & W_PRO_M ? 'm' : 'f';
  }
  for (size_t k = 0; grown && k < doc->nactors; k++)
    if (grown[k]) sort_mentions(A(x, (int)k));
}

/* A person known only by a surname (`Ms Varga`, made at the honorific
 * before the name typing found `Ilse Varga` earlier in the article) is
 * that person: the one person whose full name ends on that word and is
 * mentioned first. Its mentions, gender and role move there. */
/* Persons sorted by a string of theirs (bystr): an index for the
 * passes that look a person up by last word, instead of a walk over
 * every actor for each (a document of thousands of names was quadratic). */
typedef struct {
  const char *key;
  int k;
} pkey;

static int cmp_pkey(const void *a, const void *b) {
  const pkey *p = a, *q = b;
  int c = strcmp(p->key, q->key);
  return c ? c : p->k - q->k;
}

/* The first entry of idx[0..n) whose key is key, or n. */
static size_t pkey_find(const pkey *idx, size_t n, const char *key) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(idx[mid].key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && strcmp(idx[lo].key, key) == 0 ? lo : n;
}

/* Moves actor from's mentions to actor to, in text order; from is left
 * without mentions. */
static void take_mentions(actx *x, int from, int to) {
  td_actor *a = A(x, from), *b = A(x, to);
  td_span *m = td_arena_alloc(&x->doc->arena, (a->nmentions + b->nmentions) * sizeof *m);
  memcpy(m, b->mentions, b->nmentions * sizeof *m);
  memcpy(m + b->nmentions, a->mentions, a->nmentions * sizeof *m);
  b->mentions = m, b->nmentions += a->nmentions, b->cap_mentions = b->nmentions;
  sort_mentions(b);
  a->nmentions = 0;
}

static int initials_match(const actx *x, uint32_t t0, uint32_t t1, long a);
static int spells(const actx *x, long t0, long t1, long a);

/* The organization other than actor skip whose name, met before the
 * acronym token a, spells it (`Kurdistan Democratic Party` ... KDP), or
 * -1: its first mention, of two words or more. */
static int spelling_org(actx *x, long a, int skip) {
  for (size_t k = 0; k < x->doc->nactors; k++) {
    td_actor *o = A(x, (int)k);
    if ((int)k == skip || !o->nmentions || strcmp(o->kind, "organization") != 0) continue;
    long m0, m1;
    span_toks(x, o->mentions[0], &m0, &m1);
    if (m1 - m0 >= 2 && m1 <= a && (initials_match(x, (uint32_t)m0, (uint32_t)m1, a) || spells(x, m0, m1, a)))
      return (int)k;
  }
  return -1;
}

/* Whether names p and q have the same letters, case and everything else
 * aside, `&` read as `and`, and one may end in an `s` more (`Securities &
 * Exchange Commission`, `United Nation` for `United Nations`). */
static int same_letters(const char *p, const char *q) {
  char a[2][128];
  const char *in[2] = {p, q};
  size_t n[2] = {0, 0};
  for (int i = 0; i < 2; i++)
    for (const char *c = in[i]; *c && n[i] + 4 < sizeof a[i]; c++) {
      if (*c == '&') memcpy(a[i] + n[i], "and", 3), n[i] += 3;
      else if (isalpha((unsigned char)*c)) a[i][n[i]++] = (char)tolower((unsigned char)*c);
    }
  size_t m = n[0] < n[1] ? n[0] : n[1], d = n[0] > n[1] ? n[0] - n[1] : n[1] - n[0];
  if (d > 1 || memcmp(a[0], a[1], m) != 0) return 0;
  return d == 0 || a[n[0] > n[1] ? 0 : 1][m] == 's';
}

/* An organization of the dictionaries named only by its acronym (`LSE`:
 * the London School of Economics) is another organization of the story
 * whose name spells it, named before (`the London Stock Exchange ... the
 * LSE`): the story's own name wins over a dictionary's reading of the
 * letters, which it never writes out. */
static void acronym_owners(actx *x) {
  td_doc *doc = x->doc;
  for (size_t k = 0; k < doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    if (!a->known || !a->nmentions || strcmp(a->kind, "organization") != 0) continue;
    long a0 = -1, t0, t1;
    size_t m = 0;
    for (; m < a->nmentions; m++) { /* every mention the one acronym token */
      span_toks(x, a->mentions[m], &t0, &t1);
      if (t1 - t0 != 1 || !(tk(x, t0)->flags & TD_TOK_ALLCAPS) || tk(x, t0)->end - tk(x, t0)->start < 2)
        break;
      if (a0 < 0) a0 = t0;
    }
    if (m < a->nmentions || a0 < 0) continue;
    int j = spelling_org(x, a0, (int)k);
    if (j >= 0) {
      td_actor *b = A(x, j);
      /* the dictionary's name written another way (`Securities & Exchange
       * Commission`, a typo's `United Nation`), or the name of an entry the
       * dictionary knows by its letters only (`AIG`), is the dictionary's
       * actor, code and all (and the name, when it had only the letters) */
      if (!b->known && (same_letters(b->name, a->name) || !strchr(a->name, ' '))) {
        if (!strchr(a->name, ' ')) a->name = b->name;
        take_mentions(x, j, (int)k);
      } else {
        take_mentions(x, (int)k, j);
      }
    }
  }
}

static void merge_surnames(actx *x) {
  td_doc *doc = x->doc;
  /* the persons of several words, by last word */
  pkey *idx = td_arena_alloc(&doc->arena, (doc->nactors + 1) * sizeof *idx);
  size_t n = 0;
  for (size_t j = 0; j < doc->nactors; j++) {
    td_actor *b = A(x, (int)j);
    if (b->kind[0] == 'p' && strcmp(b->kind, "person") == 0 && b->nmentions && strchr(b->name, ' ') &&
        x->ai[j].last)
      idx[n++] = (pkey){x->ai[j].last, (int)j};
  }
  if (!n) return;
  qsort(idx, n, sizeof *idx, cmp_pkey);
  for (size_t k = 0; k < doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    if (strcmp(a->kind, "person") != 0 || a->known || !a->nmentions || strchr(a->name, ' '))
      continue;
    const char *w = x->ai[k].last;
    if (!w) continue;
    size_t f = pkey_find(idx, n, w);
    /* exactly one full name ends on it, mentioned first */
    if (f == n || (f + 1 < n && strcmp(idx[f + 1].key, w) == 0)) continue;
    int into = idx[f].k;
    td_actor *b = A(x, into);
    if (!b->nmentions || b->mentions[0].start >= a->mentions[0].start) continue;
    /* `Mr Varga` is not `Ilse Varga`: genders both known must agree */
    char ga = x->ai[k].gender, gb = x->ai[into].gender;
    if ((ga == 'm' || ga == 'f') && (gb == 'm' || gb == 'f') && ga != gb) continue;
    take_mentions(x, (int)k, into);
    if (x->ai[into].gender == '-') x->ai[into].gender = x->ai[k].gender;
    if (!b->role && a->role) {
      b->role = a->role, b->code = a->code, b->country = a->country, b->sector = a->sector;
      b->role_past = a->role_past;
      x->ai[into].role_key = x->ai[k].role_key;
    }
  }
}

/* People of no known gender whose mention follows an honorific that has
 * one (`Mr Lishman`, `Mrs Essex`, `Lady Boothroyd`), or who are the
 * subject of a statement cue right before `he` or `she` (`Varga said
 * she`): that gender. */
static void honorific_genders(actx *x, const int32_t *owner) {
  const td_doc *doc = x->doc;
  /* `Varga said (that) she`, anywhere in the article: for the pronouns
   * before it too */
  for (size_t p = 2; p < doc->ntoks; p++) {
    unsigned b = x->wf[p] & (W_PRO_M | W_PRO_F);
    if (!b || doc_poss_pronoun(x->doc, p)) continue;
    long c = (long)p - 1 - tok_is(x, (long)p - 1, "that");
    if (c < 1 || !is_cue(x, c) || tk(x, c)->sent != tk(x, (long)p)->sent) continue;
    long n = cue_subject_end(x, c, (long)x->doc->sents[tk(x, c)->sent].tok0);
    int k = owner[n];
    if (k >= 0 && is_person(x, k) && x->ai[k].gender == '-')
      x->ai[k].gender = b & W_PRO_M ? 'm' : 'f';
  }
  for (size_t t = 0; t + 1 < doc->ntoks; t++) {
    char g = x->wf[t] & (W_HON_M | W_HON_F) ? honorific(x, (long)t) : 0;
    if (!g) continue;
    size_t n = t + 1 + (tok_is(x, (long)t + 1, ".") && t + 2 < doc->ntoks);
    int k = owner[n] >= 0 ? owner[n] : owner[t]; /* after it, or the mention holds it */
    if (k >= 0 && tk(x, (long)n)->sent == tk(x, (long)t)->sent && x->ai[k].gender == '-' &&
        strcmp(A(x, k)->kind, "person") == 0)
      x->ai[k].gender = g;
  }
}

/* People of no known gender that a mention of theirs ending in a
 * gendered noun describes (`Ana Sousa, a retired actress`, `Rui Matos,
 * a 14-year-old boy`), or that such a noun names
 * right before the name (`businesswoman Ana Sousa`): that gender, for
 * the pronouns after. */
static void noun_genders(actx *x, const int32_t *owner) {
  const td_doc *doc = x->doc;
  for (size_t t = 0; t + 1 < doc->ntoks; t++) {
    if (tk(x, (long)t)->upos != TD_NOUN || tok_cap(x, (long)t)) continue;
    int k = owner[t];
    if (k >= 0 && owner[t + 1] == k) continue;            /* (its mention's last word) */
    if (k < 0 && tk(x, (long)t + 1)->upos == TD_PROPN) k = owner[t + 1]; /* (before a name) */
    if (k < 0 || !is_person(x, k) || x->ai[k].gender != '-') continue;
    char g = noun_gender(tk(x, (long)t)->norm);
    if (g) x->ai[k].gender = g;
  }
}

/* Tokens [s0, t) open their sentence with a phrase that a comma after t
 * closes (`According to Ana Sousa, a detective found …`, `In Porto, …`):
 * what follows that comma is the clause, no description of t. */
static int opening_phrase(const actx *x, long s0, long t) {
  if (tk(x, s0)->upos != TD_ADP && !tok_is(x, s0, "according")) return 0;
  for (long i = s0; i < t; i++)
    if (tok_is(x, i, ",")) return 0;
  return 1;
}

/* The word that names organization k for short, or NULL: the first of a
 * name of two or more words (`Dorvan` of `Dorvan Motors`, not `The`), or
 * the one word after `of` (`Velantism` of `Church of Velantism`); a word
 * of letters only. (Country and place names are kept off by the caller:
 * `Bank of England` is never `England`.) */
/* Head words that name an organization after a place as often as not
 * (`University of Lille`, `Bank of Varnia`): the words after their `of`
 * alone are the place (place_head_of, org_short). */
static const char *const of_place_heads[] = {"university", "college", "school", "bank", "institute",
                                          "hospital", "academy", "museum", "city", "town", "county",
                                          NULL};

static const char *org_short(actx *x, int k) {
  const char *nm = A(x, k)->name, *sp = strchr(nm, ' ');
  if (!sp) return NULL;
  const char *of = strstr(nm, " of ");
  const char *w = nm;
  size_t n = (size_t)(sp - nm);
  if (n == 3 && strncmp(nm, "The", 3) == 0) return NULL;
  if (of && !strchr(of + 4, ' ')) {
    /* the word after `University of`, `Bank of` is a place's name: no
     * short form */
    const char *h = of;
    while (h > nm && h[-1] != ' ') h--;
    char hw[16];
    size_t hn = (size_t)(of - h);
    if (hn < sizeof hw) {
      for (size_t i = 0; i < hn; i++) hw[i] = (char)tolower((unsigned char)h[i]);
      hw[hn] = 0;
      if (td_str_in(hw, of_place_heads)) return NULL;
    }
    w = of + 4, n = strlen(w);
  }
  if (n < 3 || !isupper((unsigned char)w[0])) return NULL;
  char *f = fold_word(x, w, n);
  for (const char *c = f; *c; c++)
    if (!isalpha((unsigned char)*c)) return NULL;
  return f;
}

/* A short form of an organization's name alone later in the article
 * (`Dorvan said`, `the Velantism website`) is its mention: a
 * capitalized word inside a sentence, equal to org_short of exactly one
 * organization mentioned before and to no person's name word, not part
 * of a longer name, no place or person the typing found, a proper noun but
 * no people's word (`European`, `Greek`: `European Commission`), not after
 * `in`, `at`, `from`, `near` (a club named after its town: the town). */
static void org_short_forms(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  size_t n = 0;
  int *ks = td_arena_alloc(&doc->arena, (doc->nactors + 1) * sizeof *ks);
  const char **ws = td_arena_alloc(&doc->arena, (doc->nactors + 1) * sizeof *ws);
  uint64_t first[4] = {0, 0, 0, 0}; /* the short names' first bytes (perf: most tokens stop here) */
  for (size_t k = 0; k < doc->nactors; k++) {
    if (strcmp(A(x, (int)k)->kind, "organization") != 0 || !A(x, (int)k)->nmentions) continue;
    const char *w = org_short(x, (int)k);
    if (!w) continue;
    ks[n] = (int)k, ws[n++] = w;
    first[(unsigned char)w[0] >> 6] |= 1ULL << ((unsigned char)w[0] & 63);
  }
  if (!n) return;
  uint8_t *typed = NULL;
  for (size_t t = 1; t + 1 < doc->ntoks; t++) {
    const td_tok *tt = tk(x, (long)t);
    unsigned char c0 = (unsigned char)tolower((unsigned char)doc->text[tt->start]);
    if (owner[t] >= 0 || tt->upos != TD_PROPN || !(first[c0 >> 6] >> (c0 & 63) & 1) ||
        !tok_cap(x, (long)t) || (tt->flags & TD_TOK_ALLCAPS))
      continue;
    if (tok_is(x, (long)t - 1, "in") || tok_is(x, (long)t - 1, "at") ||
        tok_is(x, (long)t - 1, "from") || tok_is(x, (long)t - 1, "near") ||
        tk(x, (long)t - 1)->sent != tt->sent ||
        (tok_cap(x, (long)t - 1) && (tk(x, (long)t - 1)->upos == TD_PROPN ||
                                     (long)t - 1 > (long)doc->sents[tt->sent].tok0)) ||
        (tk(x, (long)t + 1)->sent == tt->sent && tok_cap(x, (long)t + 1) &&
         !(tk(x, (long)t + 1)->flags & TD_TOK_PUNCT)) ||
        (tok_is(x, (long)t + 1, "-") && !(tk(x, (long)t + 1)->flags & TD_TOK_SPACE_BEFORE)))
      continue; /* (nor the first part of a compound: `Dorvan-backed`) */
    char wbuf[64]; /* (on the stack: asked of many tokens, perf) */
    size_t wn = tt->end - tt->start;
    if (wn >= sizeof wbuf) continue;
    fold_into(wbuf, doc->text + tt->start, wn);
    int found = -1;
    for (size_t q = 0; q < n && found != -2; q++)
      if (strcmp(ws[q], wbuf) == 0)
        found = found == -1 && A(x, ks[q])->mentions[0].start < tt->start ? ks[q] : -2;
    if (found < 0 || demonym_like(tt->norm) || person_word(x, (long)t)) continue;
    if (!typed) { /* the places and people the typing found */
      typed = td_arena_alloc(&doc->arena, doc->ntoks + 1);
      memset(typed, 0, doc->ntoks + 1);
      for (size_t r = 0; r < x->nnames; r++)
        if (x->names[r].type == TD_NE_PER || x->names[r].type == TD_NE_LOC)
          for (uint32_t u = x->names[r].tok0; u < x->names[r].tok1; u++) typed[u] = 1;
    }
    if (typed[t]) continue;
    add_mention(x, found, (long)t, (long)t + 1);
    sort_mentions(A(x, found));
    owner[t] = found;
  }
}

/* `The head of the harbour board, Ana Sousa, said`, `According to the
 * club's coach, Rui Matos, …`: a description opening the sentence (after
 * `Also` or `According to`), an article and a phrase of nouns, adjectives
 * and `of` holding a lowercase noun that is no time (`The next day,`) and
 * no other actor's mention, then a comma and person k's name [t0, t1)
 * followed by a comma or a verb, is a mention of k (1 when added). */
/* Token t is a political party's mention that describes a person in a
 * description (`the Tory backbencher`, `the Lib Dem environment
 * spokesman`): no other actor's mention there. */
static int party_word(const actx *x, const int32_t *owner, long t) {
  const td_actor *a = owner[t] >= 0 ? &x->doc->actors[owner[t]] : NULL;
  return a && a->sector && strcmp(a->sector, "PTY") == 0 && strcmp(a->kind, "organization") == 0;
}

static int described_before(actx *x, const int32_t *owner, int k, long t0, long t1) {
  static const char *const times[] = {"day", "week", "month", "year", "morning", "afternoon",
                                      "evening", "night", "time", "season", "weekend",
                                      "decade", "moment", "minute", "hour", NULL};
  td_doc *doc = x->doc;
  long s0 = (long)doc->sents[tk(x, t0)->sent].tok0;
  long s1 = s0 + (long)doc->sents[tk(x, t0)->sent].ntok;
  if (t0 - 2 <= s0 || !tok_is(x, t0 - 1, ",") || t1 >= s1 ||
      !(tok_is(x, t1, ",") || tk(x, t1)->upos == TD_VERB || tk(x, t1)->upos == TD_AUX))
    return 0;
  long d0 = s0;
  if (tok_is(x, d0, "also")) d0++;
  if (tok_is(x, d0, "according") && tok_is(x, d0 + 1, "to")) d0 += 2;
  if (!(tok_is(x, d0, "the") || tok_is(x, d0, "a") || tok_is(x, d0, "an"))) return 0;
  int noun = 0, ok = 1;
  for (long t = d0 + 1; t < t0 - 1 && ok; t++) {
    unsigned u = tk(x, t)->upos;
    ok = (owner[t] < 0 || party_word(x, owner, t)) && !td_str_in(tk(x, t)->norm, times) &&
         (u == TD_NOUN || u == TD_ADJ || u == TD_PROPN || u == TD_NUM || tok_is(x, t, "of") ||
          tok_is(x, t, "the") || poss_tok(x, t));
    noun |= u == TD_NOUN && !tok_cap(x, t);
  }
  if (!ok || !noun || t0 - 1 - d0 > 10) return 0;
  add_mention(x, k, d0, t0 - 1);
  return 1;
}

/* `Ana Sousa, a retired teacher,`, `Dorvan Motors, the carmaker,`: a
 * description in apposition after a person's or an organization's mention
 * (a comma, an age may stand between: `Ana Sousa, 54, a teacher`) is a
 * mention of it: an article and at most eight adjectives and nouns
 * (`a 54 - year - old teacher`) ending on a lowercase noun, closed by a comma,
 * a full stop, a relative pronoun or a preposition (`a member of the
 * club`: `a member`); and described_before. Not when the
 * phrase is a clause's subject (`Ms Sousa, the company said`, `According
 * to Sousa, a detective ...`), nor holds another actor's mention. */
static void appositive_links(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  static const char *const close[] = {",", ".", "who", "which", "of", "in", "from", "at", "for",
                                      "to", "with", "and", NULL};
  uint8_t *grew = NULL;
  /* (a walk over the commas, the mentions' ends read from owner: perf) */
  for (long c = 1; c + 1 < (long)doc->ntoks; c++) {
    const td_tok *ct = tk(x, c);
    if (ct->end - ct->start != 1 || doc->text[ct->start] != ',' ||
        (owner[c - 1] < 0 && owner[c + 1] < 0))
      continue;
    long s0 = (long)doc->sents[tk(x, c)->sent].tok0;
    long s1 = s0 + (long)doc->sents[tk(x, c)->sent].ntok;
    int kb = c > s0 ? owner[c - 1] : -1, ka = c + 1 < s1 ? owner[c + 1] : -1;
    if (ka >= 0 && strcmp(A(x, ka)->kind, "person") == 0) {
      long t1 = c + 1;
      while (t1 < s1 && owner[t1] == ka) t1++;
      if (described_before(x, owner, ka, c + 1, t1)) {
        if (!grew) grew = td_arena_alloc(&doc->arena, doc->nactors + 1), memset(grew, 0, doc->nactors + 1);
        grew[ka] = 1;
      }
    }
    if (kb < 0 || (strcmp(A(x, kb)->kind, "person") != 0 && strcmp(A(x, kb)->kind, "organization") != 0))
      continue;
    long t0 = c - 1;
    while (t0 > s0 && owner[t0 - 1] == kb) t0--;
    long i = c;
    if (glued_poss(x, c - 1) || opening_phrase(x, s0, t0)) continue;
    i++;
    if (i + 1 < s1 && tk(x, i)->upos == TD_NUM && tok_is(x, i + 1, ",")) i += 2; /* an age */
    if (!(tok_is(x, i, "a") || tok_is(x, i, "an") || tok_is(x, i, "the"))) continue;
    long d0 = i++, head = -1;
    for (; i < s1 && i <= d0 + 8; i++) {
      unsigned u = tk(x, i)->upos;
      if (owner[i] >= 0 && !party_word(x, owner, i)) break;
      if (u == TD_NOUN && !tok_cap(x, i)) head = i;
      else if (u != TD_ADJ && u != TD_NOUN && u != TD_PROPN && u != TD_NUM && !tok_is(x, i, "-"))
        break;
    }
    if (head < 0 || head + 1 != i || i >= s1 || owner[i] >= 0 || !td_str_in(tk(x, i)->norm, close))
      continue;
    if (is_cue(x, i) || (tok_is(x, i, ",") && is_cue(x, i + 1) && !tok_is(x, d0 - 1, ",")))
      continue;
    add_mention(x, kb, d0, head + 1);
    for (long t = d0; t <= head; t++)
      if (owner[t] < 0) owner[t] = (int32_t)kb;
    if (!grew) grew = td_arena_alloc(&doc->arena, doc->nactors + 1), memset(grew, 0, doc->nactors + 1);
    grew[kb] = 1;
  }
  for (size_t k = 0; grew && k < doc->nactors; k++)
    if (grew[k]) sort_mentions(A(x, (int)k));
}

/* Token q lies in a name the typing calls an organization's (or, with
 * misc, also one it calls other: `a Liberal Democrat spokesman`). */
static int in_org_name(const actx *x, long q, int misc) {
  for (size_t r = 0; r < x->nnames; r++)
    if ((x->names[r].type == TD_NE_ORG || (misc && x->names[r].type == TD_NE_MISC)) &&
        x->names[r].tok0 <= (uint32_t)q && (uint32_t)q < x->names[r].tok1)
      return 1;
  return 0;
}

/* The noun at token q opens with `a` or `an`, at most two adjectives
 * between (`a lavish party`), no earlier than token w0. */
static int indefinite(const actx *x, long q, long w0) {
  for (long b = q - 1; b >= w0 && b >= q - 3; b--) {
    if (tok_is(x, b, "a") || tok_is(x, b, "an")) return 1;
    if (tk(x, b)->upos != TD_ADJ) return 0;
  }
  return 0;
}

/* Name ends on word w (`British National Party`). */
static int name_ends(const char *name, const char *w) {
  size_t n = strlen(name), m = strlen(w);
  return n > m && name[n - m - 1] == ' ' && strcmp(name + n - m, w) == 0;
}

/* `Ana Sousa, a retired teacher, ... The teacher said`, `striker Rui
 * Matos ... the striker`, `Dorvan Aero, the planemaker, ... the
 * planemaker`: `the` and a singular noun that heads a description of
 * one person or organization (a mention of it that the noun ends, or a
 * person's noun or title right before its name) is a mention of that
 * actor, as the head of its phrase (not `the teacher union`, `the
 * teacher who`), when the actor is named in its sentence or the three
 * before. None when the noun describes several actors, nor once the
 * story has brought in a new one with `a` (`a teacher thought it was a
 * bomb ... the teacher`); not a firm's, a paper's or an organization's
 * word (`the company`: description_links). Run before the pronouns, so
 * that a description between a pronoun and its person joins the chain
 * instead of breaking it. */
#define DESCR_HEADS 64
static void described_again(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  const char *head[DESCR_HEADS];
  int who[DESCR_HEADS]; /* the actor, or -2: several, or a new one brought in */
  size_t n = 0;
  uint8_t *grew = NULL;
  /* the sentence of each actor's latest mention so far */
  long *seen = td_arena_alloc(&doc->arena, (doc->nactors + 1) * sizeof *seen);
  for (size_t k = 0; k < doc->nactors; k++) seen[k] = -1;
  for (size_t t = 1; t + 1 < doc->ntoks; t++) {
    const td_tok *w = tk(x, (long)t);
    if (owner[t] >= 0) seen[owner[t]] = (long)w->sent;
    /* (one thing, no firm's or paper's word: description_links reads
     * those by the sentences near) */
    if (w->upos != TD_NOUN || tok_cap(x, (long)t) || (w->flags & TD_TOK_ALLCAPS) ||
        w->xpos == TD_XPOS_NNS || (x->wf[t] & (W_FIRM | W_PAPER | W_ORGNOUN)))
      continue;
    int k = owner[t], d = -1;
    /* a description's head: the last word of a mention opening with an
     * article, or a person's noun or title right before a name
     * (`striker Rui Matos`; not `After the election Matos said`) */
    if (k >= 0 && owner[t + 1] != k && !tok_cap(x, (long)t - 1)) {
      long b = (long)t;
      while (b > 0 && owner[b - 1] == k) b--;
      if (tok_is(x, b, "the") || tok_is(x, b, "a") || tok_is(x, b, "an")) d = k;
    } else if (k < 0 && (x->wf[t] & (W_PNOUN | W_PTITLE)) && owner[t + 1] >= 0 &&
               is_person(x, owner[t + 1]) && tk(x, (long)t + 1)->upos == TD_PROPN &&
               tk(x, (long)t + 1)->sent == w->sent) {
      d = owner[t + 1];
    }
    if (d >= 0 && (!A(x, d)->kind || (strcmp(A(x, d)->kind, "person") != 0 &&
                                       strcmp(A(x, d)->kind, "organization") != 0)))
      d = -1;
    /* (the look-up only for a head, or a noun after an article: perf) */
    if (d < 0 && (k >= 0 || !n || !(x->wf[t - 1] & W_SMALL || tk(x, (long)t - 1)->upos == TD_ADJ)))
      continue;
    size_t h = 0;
    while (h < n && strcmp(head[h], w->norm) != 0) h++;
    if (d >= 0) {
      if (h == n && n < DESCR_HEADS) head[n] = w->norm, who[n++] = d;
      else if (h < n && who[h] != d) who[h] = -2;
      continue;
    }
    if (k >= 0 || h == n || who[h] < 0) continue;
    if (indefinite(x, (long)t, (long)doc->sents[w->sent].tok0)) {
      who[h] = -2;
      continue;
    }
    /* (the actor named in this sentence or the three before) */
    if (seen[who[h]] < (long)w->sent - 3) continue;
    const td_tok *nx = tk(x, (long)t + 1);
    if (!tok_is(x, (long)t - 1, "the") || tk(x, (long)t - 1)->sent != w->sent ||
        (!glued_poss(x, (long)t) && nx->sent == w->sent &&
         (nx->upos == TD_NOUN || nx->upos == TD_PROPN || tok_is(x, (long)t + 1, "that") ||
          tok_is(x, (long)t + 1, "which") || tok_is(x, (long)t + 1, "of") ||
          tok_is(x, (long)t + 1, "who"))))
      continue;
    add_mention(x, who[h], (long)t - 1, (long)t + 1);
    owner[t - 1] = owner[t] = who[h];
    if (!grew) grew = td_arena_alloc(&doc->arena, doc->nactors + 1), memset(grew, 0, doc->nactors + 1);
    grew[who[h]] = 1;
  }
  for (size_t k = 0; grew && k < doc->nactors; k++)
    if (grew[k]) sort_mentions(A(x, (int)k));
}

/* The mention of owner[e] that ends at token e heads its phrase and no
 * preposition's: no noun after it but one of its people (`Citibank
 * branches`: the branches; `Rosneft officials`, `Facebook co-founder X`
 * stand), and no preposition before it, past adjectives and nouns
 * (`an executive at rival Porsche`). */
static int prep_before(const actx *x, const int32_t *owner, long e);
static int head_name(const actx *x, const int32_t *owner, long e) {
  if ((size_t)e + 1 < x->doc->ntoks && !glued_poss(x, e) && tk(x, e + 1)->sent == tk(x, e)->sent &&
      (tk(x, e + 1)->upos == TD_NOUN || tk(x, e + 1)->upos == TD_PROPN) &&
      !(x->wf[e + 1] & (W_MEMBER | W_PTITLE)))
    return 0;
  return !prep_before(x, owner, e);
}

/* The mention of owner[e] that ends at token e follows a preposition,
 * past adjectives and nouns (`at rival Porsche`, `a 2-0 win at Manchester
 * City`, `defeat to champions Arsenal`). */
static int prep_before(const actx *x, const int32_t *owner, long e) {
  long b = e;
  while (b > 0 && owner[b - 1] == owner[e]) b--;
  long s0 = (long)x->doc->sents[tk(x, e)->sent].tok0;
  while (b > s0 && !tok_cap(x, b - 1) &&
         (tk(x, b - 1)->upos == TD_ADJ || tk(x, b - 1)->upos == TD_DET ||
          tk(x, b - 1)->upos == TD_NOUN))
    b--;
  return b > s0 && tk(x, b - 1)->upos == TD_ADP;
}

/* `the company`, `the firm`, `the newspaper` as the head of its phrase
 * (not `the company spokesman`, `the firm that makes it`): a mention of
 * the one organization of that sector (or of none known) mentioned in the
 * sentence or the PRONOUN_WINDOW before it (`the club`: a sports club
 * of the dictionaries named after no preposition); of several, the one of
 * the nearest sentence when it is known to be of the noun's kind; none
 * when an organization's name no actor holds stands nearer. */
static int sports_doc(const actx *x);

/* Actor k may be what the description whose noun is at token p means
 * (sec: the firm's or paper's sector the noun asks, else NULL): an
 * organization of that sector or none known; for another noun none that
 * is a business or a medium, for `the party` a political party, for `the
 * club` a sports club of the dictionaries. */
static int descr_fits(actx *x, long p, const char *sec, int k) {
  const td_actor *a = A(x, k);
  if (strcmp(a->kind, "organization") != 0) return 0;
  if (sec)
    return (!a->sector || strcmp(a->sector, sec) == 0) && !(a->code && strncmp(a->code, "IGO", 3) == 0);
  if (a->sector && (strcmp(a->sector, "BUS") == 0 || strcmp(a->sector, "MED") == 0)) return 0;
  if (tok_is(x, p, "party"))
    return (a->sector && strcmp(a->sector, "PTY") == 0) || name_ends(a->name, "Party");
  if (tok_is(x, p, "club")) return x->ai[k].sport;
  return 1;
}

static void description_links(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  /* the actors named before token `met_to` (for the article-wide look) */
  uint8_t *met = NULL, *typed = NULL; /* typed: the tokens of places' and people's names */
  long met_to = 0;
  for (size_t p = 1; p + 1 < doc->ntoks; p++) {
    if (!(x->wf[p] & (W_FIRM | W_PAPER | W_ORGNOUN))) continue;
    const td_tok *t = tk(x, (long)p);
    if (t->upos != TD_NOUN || tok_cap(x, (long)p) || !tok_is(x, (long)p - 1, "the") ||
        tk(x, (long)p - 1)->sent != t->sent)
      continue;
    const char *sec = x->wf[p] & W_FIRM ? "BUS" : x->wf[p] & W_PAPER ? "MED" : NULL;
    /* (`the group` a business's, not in a sports story: a squad, the group
     * stage) */
    if (tok_is(x, (long)p, "group") && sports_doc(x)) continue;
    const td_tok *n = tk(x, (long)p + 1);
    if (!glued_poss(x, (long)p) && n->sent == t->sent &&
        (n->upos == TD_NOUN || n->upos == TD_PROPN || tok_is(x, (long)p + 1, "that") ||
         tok_is(x, (long)p + 1, "which") || tok_is(x, (long)p + 1, "of") ||
         tok_is(x, (long)p + 1, "who")))
      continue;
    if (owner[p] >= 0) continue;
    size_t si = t->sent;
    long w0 = doc->sents[si >= PRONOUN_WINDOW ? si - PRONOUN_WINDOW : 0].tok0;
    /* found: the one candidate of the window (-1 none, -2 several, or a
     * name no actor holds nearer); near: the one of the nearest sentence
     * holding any, while none other stands there (-2 several) */
    /* any: an organization stands there, or a name no actor holds that
     * the typing calls no place's or person's */
    int found = -1, near = -1, any = 0;
    if (!typed) {
      typed = td_arena_alloc(&doc->arena, doc->ntoks + 1);
      memset(typed, 0, doc->ntoks + 1);
      for (size_t r = 0; r < x->nnames; r++)
        if (x->names[r].type == TD_NE_PER || x->names[r].type == TD_NE_LOC)
          for (uint32_t u = x->names[r].tok0; u < x->names[r].tok1; u++) typed[u] = 1;
    }
    size_t nsent = 0;
    long nq = -1; /* the last token of near's mention there */
    for (long q = (long)p - 2; q >= w0 && found != -2; q--) {
      int k = owner[q];
      /* the same noun nearer after `a` (`threw a party on Friday. The
       * party went on late`): that one is meant, a new one */
      if (k < 0 && found == -1 && strcmp(tk(x, q)->norm, t->norm) == 0 && indefinite(x, q, w0)) {
        found = -2;
        break;
      }
      if (k < 0) {
        /* a firm no actor is; for `the party`, `the agency`, also a
         * word of one (`A Liberal Democrat spokesman said the party`) */
        if (found == -1 && tok_cap(x, q) && tk(x, q)->upos == TD_PROPN) {
          found = in_org_name(x, q, !sec) ? -2 : -1;
          any |= !typed[q];
        }
        continue;
      }
      td_actor *a = A(x, k);
      if (strcmp(a->kind, "organization") != 0) continue;
      any = 1;
      if (sec && a->sector && strcmp(a->sector, sec) != 0) continue;
      /* `the agency`, `the organisation`: no firm's and no paper's (`told
       * the BBC`, `its media buying agency`); `the party` a political
       * party's (not a society's: the party they threw) */
      if (!sec && a->sector && (strcmp(a->sector, "BUS") == 0 || strcmp(a->sector, "MED") == 0))
        continue;
      if (!sec && tok_is(x, (long)p, "party") && !(a->sector && strcmp(a->sector, "PTY") == 0) &&
          !name_ends(a->name, "Party"))
        continue;
      /* `the club` a sports club's (not a firm's or a paper's that a
       * football story names), named after no preposition (`a win at
       * Manchester City ... the club's top scorer`: the winners') */
      if (!sec && tok_is(x, (long)p, "club") && (!x->ai[k].sport || prep_before(x, owner, q))) {
        /* (another organization nearer, but for a paper or broadcaster
         * quoted: `Dorvan Bank sponsors the team. The club ...`, no guess) */
        if (found == -1 && !x->ai[k].sport && !(a->sector && strcmp(a->sector, "MED") == 0))
          found = -2;
        continue;
      }
      if (found == -1) nsent = tk(x, q)->sent, near = k, nq = q;
      else if (near != k && tk(x, q)->sent == nsent) near = -2;
      found = found == -1 || found == k ? k : -2;
    }
    /* several in the window: the one the nearest sentence names, when it
     * is known to be of the noun's kind (a firm's word: a business, a
     * paper's: a medium; else a sector of its own), as the unknown seldom
     * is (`UPS is the most likely bidder for the firm`: Exel) */
    if (found == -2 && near >= 0 && A(x, near)->sector &&
        (sec ? strcmp(A(x, near)->sector, sec) == 0 : 1) && head_name(x, owner, nq))
      found = near;
    /* no organization there: the one organization of the noun's kind the
     * article has named before as the head of its phrase after no
     * preposition (`Japanese communications firm Softbank has widened
     * losses. … The firm did not give a figure`; not `trading on the
     * London Stock Exchange`), none when it named two; only for a noun of
     * any firm or body (not `the bank`, `the airline`, which a story names
     * beside a firm of another trade; not `the foundation`, as often a
     * thing's), not in a quotation, where the speaker's own is meant as
     * often (`a fantastic night for the club`) */
    static const char *const general[] = {"company", "firm", "group", "party", "club",
                                          "organisation", "organization", "charity", NULL};
    if (found == -1 && !any && td_str_in(t->norm, general) && !in_quotation(x, (long)p)) {
      if (!met) met = td_arena_alloc(&doc->arena, doc->nactors + 1), memset(met, 0, doc->nactors + 1);
      for (; met_to < (long)p - 1; met_to++)
        if (owner[met_to] >= 0 && owner[met_to + 1] != owner[met_to] &&
            head_name(x, owner, met_to))
          met[owner[met_to]] = 1;
      for (size_t k = 0; k < doc->nactors && found != -2; k++)
        if (met[k] && descr_fits(x, (long)p, sec, (int)k)) found = found == -1 ? (int)k : -2;
    }
    if (found < 0) continue;
    add_mention(x, found, (long)p - 1, (long)p + 1);
    sort_mentions(A(x, found));
    owner[p - 1] = owner[p] = found;
  }
}

/* Words that head the name of a body and stand for it after `the`
 * (head_links): `the Electoral Commission ... the commission`. */
static const char *const body_heads[] = {
    "commission", "committee", "council",   "agency",     "association", "ministry",
    "department", "federation", "union",    "league",     "board",       "bureau",
    "court",      "tribunal",   "authority", "parliament", "assembly",    "congress",
    "senate",     "institute",  "university", "foundation", "society",    "trust",
    "church",     "bank",       "corporation", "fund",      "movement",    "alliance",
    "coalition",  "exchange",   "college",    "school",      "hospital",
    "museum",     "orchestra",  "regulator", "watchdog",   "charity",     "academy",
    NULL};

/* The word of body_heads that heads organization k's name (its last
 * word, or the word before its first `of`, `for`, `on`: `Bank of
 * England`, `Committee on Human Rights`), of a name of two words at
 * least; its index in body_heads, or -1. */
static int name_head(actx *x, int k) {
  const char *n = A(x, k)->name, *e = n + strlen(n);
  if (!strchr(n, ' ')) return -1;
  static const char *const preps[] = {" of ", " for ", " on ", NULL};
  for (int i = 0; preps[i]; i++) {
    const char *f = strstr(n, preps[i]);
    if (f && f < e) e = f;
  }
  const char *b = e;
  while (b > n && b[-1] != ' ') b--;
  char w[32];
  size_t m = (size_t)(e - b);
  if (m == 0 || m >= sizeof w) return -1;
  for (size_t i = 0; i < m; i++) w[i] = (char)tolower((unsigned char)b[i]);
  w[m] = 0;
  for (int i = 0; body_heads[i]; i++)
    if (strcmp(w, body_heads[i]) == 0) return i;
  return -1;
}

/* `the commission`, `the court`, `the bank` (`the` and a word of
 * body_heads, lower case, the head of its phrase: not `the court case`,
 * `the bank that`) is a mention of the one organization named before
 * it in the article whose name that word heads (name_head: `the
 * Electoral Commission ... The commission also says`, `the Italian
 * Supreme Court of Cassation ... the court's judgement`); none when two
 * named before share the word, nor when the same noun came after `a`
 * since that organization was last named (`a committee of MPs`: a new
 * one). Linear: each actor's latest mention and each word's latest `a`
 * are kept while reading on. */
static void head_links(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  enum { NHEADS = sizeof body_heads / sizeof *body_heads - 1 };
  int *head = NULL;     /* actor -> name_head */
  long *seen = NULL;    /* actor -> token of its latest mention before, or -1 */
  long indef[NHEADS];   /* word -> token of its latest `a`, or -1 */
  for (int i = 0; i < NHEADS; i++) indef[i] = -1;
  for (size_t p = 1; p + 1 < doc->ntoks; p++) {
    if (owner[p - 1] >= 0 && seen) seen[owner[p - 1]] = (long)p - 1;
    const td_tok *t = tk(x, (long)p);
    if (t->upos != TD_NOUN || tok_cap(x, (long)p) || t->xpos == TD_XPOS_NNS) continue;
    int w = -1;
    for (int i = 0; body_heads[i] && w < 0; i++)
      if (td_str_eq(t->norm, body_heads[i])) w = i;
    if (w < 0) continue;
    if (indefinite(x, (long)p, (long)doc->sents[t->sent].tok0)) indef[w] = (long)p;
    if (owner[p] >= 0 || owner[p - 1] >= 0 || !tok_is(x, (long)p - 1, "the")) continue;
    const td_tok *n = tk(x, (long)p + 1);
    if (!glued_poss(x, (long)p) && n->sent == t->sent &&
        (n->upos == TD_NOUN || n->upos == TD_PROPN || tok_is(x, (long)p + 1, "that") ||
         tok_is(x, (long)p + 1, "which") || tok_is(x, (long)p + 1, "of") ||
         tok_is(x, (long)p + 1, "who")))
      continue;
    if (!head) {
      head = td_arena_alloc(&doc->arena, (doc->nactors + 1) * sizeof *head);
      seen = td_arena_alloc(&doc->arena, (doc->nactors + 1) * sizeof *seen);
      for (size_t k = 0; k < doc->nactors; k++) {
        head[k] = strcmp(A(x, (int)k)->kind, "organization") == 0 ? name_head(x, (int)k) : -1;
        seen[k] = -1;
      }
      for (size_t u = 0; u < p; u++)
        if (owner[u] >= 0) seen[owner[u]] = (long)u;
    }
    int found = -1;
    for (size_t k = 0; k < doc->nactors && found != -2; k++)
      if (head[k] == w && seen[k] >= 0) found = found == -1 ? (int)k : -2;
    if (found < 0 || indef[w] > seen[found]) continue;
    add_mention(x, found, (long)p - 1, (long)p + 1);
    sort_mentions(A(x, found));
    owner[p - 1] = owner[p] = found;
    seen[found] = (long)p;
  }
}

/* `its` or `their` inside a sentence whose subject is an organization, a
 * country or a group (`Dorvan Motors said its profits rose`, `Portugal
 * recalled its ambassador`, `Arsenal stretched their lead`): a mention of
 * that actor. The subject: the sentence's first actor mention, nothing
 * but determiners, adjectives and nouns before it (no verb, no `,`), the
 * head of its phrase (not `Portugal's stock exchange`, `the Lisbon-based
 * firm`), past a phrase opening the sentence that a comma closes and that
 * names no other candidate (phrase_names), no other actor's mention but
 * a person's, no other name and no pronoun but one of quantity (`none of
 * its money`) between it and the possessive, and a verb between them
 * (`Dorvan and its rival` is a list, not a clause); for `their`, no noun
 * between either that may be the one meant (their_noun: `Sophos urged
 * users to update their software`, `the party says the pair should give
 * up their seats`: the nouns' people), nor one before a verb (`the Irish
 * pack struggled to win ball for their backs`: another clause's subject).
 * Like any possessive, a mention for coreference only (td_mention_coref_only). */
/* The noun at token t may be the one a `their` after it means: a plural
 * (`users`, `fans`), a person's noun or an organization's people, or a
 * singular noun of several people (`the pair`, `the family`); not a
 * thing (`Toyota gave Ana Sousa the chance to visit their factory`). */
static int their_noun(const actx *x, long t) {
  static const char *const several[] = {"pair", "couple", "family", "team", "side", "group",
                                        "public", "staff", "crew", "squad", "board",
                                        "people", "police", "management", "audience",
                                        "workforce", "government", "club", NULL};
  return tk(x, t)->xpos == TD_XPOS_NNS || td_str_in(tk(x, t)->norm, several) ||
         (x->wf[t] & (W_PNOUN | W_MEMBER));
}

/* Tokens [t0, t1) name what a possessive after them may mean: an
 * organization's, a country's or a group's mention (`If admitted into
 * the EU, Turkey would add to its budget`), or for `their` a noun their_noun
 * takes (`In imposing bans on the duo, the IAAF called their excuses`). */
static int phrase_names(const actx *x, const int32_t *owner, long t0, long t1, int their) {
  for (long t = t0; t < t1; t++)
    if ((owner[t] >= 0 && !is_person(x, owner[t])) ||
        (their && tk(x, t)->upos == TD_NOUN && their_noun(x, t)))
      return 1;
  return 0;
}

static long clause_verb(const actx *x, long p);
/* The body a person speaks for (td_actor.affiliate): the organization
 * (no party, government or legislature), or in a sports story the
 * country (a national side), whose mention
 * stands right before a role the person holds there, one to three lower
 * case nouns, adjectives or titles (not `rival`, `target`), before one
 * of its full names, past a possessive, not after `former`
 * (`Tottenham manager Martin Jol`, `BT chief executive Ben Verwaayen`,
 * `Tunisia's coach Nabil Maaloul`); the same body in each such mention,
 * else none. The quotes layer makes a `we` in the person's quotations a
 * mention of it. */
static void spoken_for(actx *x, const int32_t *owner) {
  /* (words of one outside the body: `Microsoft rival X`, `Chelsea
   * target X`) */
  static const char *const outsiders[] = {"rival", "rivals", "target", "critic", "opponent",
                                          "fan", "foe", "fellow", "former", NULL};
  td_doc *doc = x->doc;
  int sports = sports_doc(x);
  for (size_t k = 0; k < doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    if (!is_person(x, (int)k)) continue;
    int body = -1;
    for (size_t m = 0; m < a->nmentions && body != -2; m++) {
      long t0, t1;
      span_toks(x, a->mentions[m], &t0, &t1);
      if (t1 - t0 < 2 || t0 < 2) continue;
      long s0 = (long)doc->sents[tk(x, t0)->sent].tok0, b = t0 - 1;
      while (b > s0 && b >= t0 - 3 && owner[b] < 0 &&
             (tk(x, b)->upos == TD_NOUN || tk(x, b)->upos == TD_ADJ) &&
             (!tok_cap(x, b) || (x->wf[b] & (W_PTITLE | W_MEMBER))) &&
             !td_str_in(tk(x, b)->norm, outsiders))
        b--;
      if (b == t0 - 1 || b < s0) continue;
      if (poss_tok(x, b) && b > s0) b--;
      int o = owner[b];
      /* (not one it has left: `former Chelsea striker X`) */
      long f = b;
      while (f > s0 && o >= 0 && owner[f - 1] == o) f--;
      if (tok_is(x, f, "former") || tok_is(x, f - 1, "former") || tok_is(x, f - 1, "ex")) continue;
      if (o < 0 || o == (int)k || !(strcmp(A(x, o)->kind, "organization") == 0 ||
                                    (sports && strcmp(A(x, o)->kind, "country") == 0)))
        continue;
      /* (not a party, a government's or a legislature's: a politician's
       * `we` is as often the nation's, `our current tax system`) */
      const char *sec = A(x, o)->sector;
      if (sec && (strcmp(sec, "PTY") == 0 || strcmp(sec, "GOV") == 0 || strcmp(sec, "LEG") == 0))
        continue;
      body = body == -1 || body == o ? o : -2;
    }
    if (body >= 0) a->affiliate = body + 1;
  }
}

static void its_links(actx *x, int32_t *owner) {
  /* pronouns of quantity, which name no one a possessive could mean
   * (`Dorvan says none of its money`) */
  static const char *const quantity[] = {"none", "some", "all", "most", "much", "any", "each",
                                         "both", "either", "neither", "nothing", "something",
                                         "everything", "anything", NULL};
  td_doc *doc = x->doc;
  uint8_t *grew = NULL;
  for (size_t p = 1; p < doc->ntoks; p++) {
    /* (`its` is an opener word: one bit test before the compare, perf) */
    if (!(x->wf[p] & (W_OPENER | W_PRON)) || owner[p] >= 0) continue;
    /* (`they` as `their`, the subject of a later clause: `Police arrested
     * two men after they found a gun`) */
    int they = tok_is(x, (long)p, "they"), their = they || tok_is(x, (long)p, "their");
    if (!their && !tok_is(x, (long)p, "its")) continue;
    if (they && (clause_verb(x, (long)p) < 0 || in_quotation(x, (long)p))) continue;
    long s0 = (long)doc->sents[tk(x, (long)p)->sent].tok0;
    /* (past a phrase opening the sentence that a comma closes: `Having
     * been pricked into action, the agency turned its attention`) */
    long c = s0;
    while (c < (long)p && c < s0 + 12 && !tok_is(x, c, ",")) c++;
    long a = c < (long)p && tok_is(x, c, ",") && opening_clause(x, s0, c + 1) &&
                     !phrase_names(x, owner, s0, c, their)
                 ? c + 1
                 : s0;
    while (a < (long)p && owner[a] < 0) {
      unsigned u = tk(x, a)->upos;
      if (u != TD_DET && u != TD_ADJ && u != TD_NOUN) break;
      a++;
    }
    /* (a pronoun only when resolved: `It said its` is the `It`'s actor,
     * made by it_links, resolve_pronoun or said_links before this pass) */
    if (a >= (long)p || owner[a] < 0) continue;
    int k = owner[a];
    const char *kind = A(x, k)->kind;
    if (!kind || (strcmp(kind, "organization") != 0 && (they || strcmp(kind, "country") != 0) &&
                  strcmp(kind, "group") != 0))
      continue;
    long e = a;
    while (e < (long)p && owner[e] == k) e++;
    /* the head of its phrase, not a word before it (`Portugal's stock
     * exchange`, `the Lisbon-based firm`, `the UK music industry`) */
    unsigned nu = tk(x, e)->upos;
    if (glued_poss(x, e - 1) || poss_tok(x, e) || tok_is(x, e, "-") || nu == TD_NOUN ||
        nu == TD_PROPN || nu == TD_ADJ || nu == TD_NUM || nu == TD_PART)
      continue;
    int verb = 0, other = 0;
    for (long t = e; t < (long)p && !other; t++) {
      unsigned u = tk(x, t)->upos;
      /* (a person's name or a day's between is no other `it`: `NASA
       * tweeted support of Ana Sousa via its account`; for `their`, a noun between may
       * be the one meant: `Sophos urged users to update their software`) */
      if (owner[t] == k) continue; /* (its own `it`: `Dorvan said it would close its plant`) */
      other = (owner[t] >= 0 ? !is_person(x, owner[t])
                             : u == TD_PROPN && !honorific(x, t) && !time_word(tk(x, t)->norm)) ||
              (u == TD_PRON && !td_str_in(tk(x, t)->norm, quantity)) ||
              (their && u == TD_NOUN && (their_noun(x, t) || tk(x, t + 1)->upos == TD_VERB ||
                                         tk(x, t + 1)->upos == TD_AUX));
      verb |= u == TD_VERB || u == TD_AUX;
    }
    if (other || !verb) continue;
    add_mention(x, k, (long)p, (long)p + 1);
    owner[p] = k;
    if (!grew) grew = td_arena_alloc(&doc->arena, doc->nactors + 1), memset(grew, 0, doc->nactors + 1);
    grew[k] = 1;
  }
  for (size_t k = 0; grew && k < doc->nactors; k++)
    if (grew[k]) sort_mentions(A(x, (int)k));
}

/* Sentence si opens with actor k's mention (past determiners and
 * adjectives) that a verb follows (with copula, also an auxiliary alone:
 * `Mr Vane is in hospital`): k is its subject. */
static int subject_from(const actx *x, const int32_t *owner, long t, long s1, int k, int copula);
static int owner_subject(const actx *x, const int32_t *owner, size_t si, int k, int copula) {
  long t = (long)x->doc->sents[si].tok0, s1 = t + (long)x->doc->sents[si].ntok;
  while (t < s1 && owner[t] != k && (tk(x, t)->upos == TD_DET || tk(x, t)->upos == TD_ADJ)) t++;
  return subject_from(x, owner, t, s1, k, copula);
}

/* Person k opens sentence si as its subject past a description before
 * the name (`Long jumper Chris Tomlinson has cut`, `Actor Daniel
 * Day-Lewis is to be`, `Wales hooker Mefin Davies is`): a singular noun
 * right before the name, lowercase but at the sentence's first word,
 * and before it at most six words of a noun phrase (determiners,
 * adjectives, nouns, names, numbers, `and`: a team's, a country's,
 * possessives: `Larne's teenage star Robbie Weir`), no other person's;
 * or a possessive right before the name (`Southampton's David Prutton
 * faces`). The first word may be tagged a verb (`Pop singer Delta
 * Goodrem has`: the tagger's guess for a capital opening a sentence).
 * For age_links. */
static int described_subject(const actx *x, const int32_t *owner, size_t si, int k, int copula) {
  long t0 = (long)x->doc->sents[si].tok0, s1 = t0 + (long)x->doc->sents[si].ntok;
  long j = t0;
  while (j < s1 && j < t0 + 8 && owner[j] != k) {
    unsigned u = tk(x, j)->upos;
    if ((u != TD_DET && u != TD_ADJ && u != TD_NOUN && u != TD_PROPN && u != TD_NUM &&
         u != TD_CCONJ && !(j > t0 && poss_tok(x, j)) &&
         !(j == t0 && u == TD_VERB && tok_cap(x, j) && tk(x, j + 1)->upos == TD_NOUN)) ||
        (owner[j] >= 0 && is_person(x, owner[j])))
      return 0;
    j++;
  }
  if (j >= s1 || owner[j] != k || j == t0) return 0;
  const td_tok *d = tk(x, j - 1);
  int poss = j - 1 > t0 && poss_tok(x, j - 1);
  if (!poss && (d->upos != TD_NOUN || d->xpos == TD_XPOS_NNS || owner[j - 1] >= 0 ||
                (tok_cap(x, j - 1) && j - 1 != t0)))
    return 0;
  return subject_from(x, owner, j, s1, k, copula);
}

/* The mention of k at token t, the sentence ending before s1, is the
 * subject of a verb right after it (past adverbs and auxiliaries). */
static int subject_from(const actx *x, const int32_t *owner, long t, long s1, int k, int copula) {
  if (t >= s1 || owner[t] != k) return 0;
  while (t < s1 && owner[t] == k) t++;
  /* (past its short form in brackets: `The Union of Atheists (UAAR) has`) */
  if (tok_is(x, t, "(") && t + 2 < s1 && tok_is(x, t + 2, ")") && owner[t + 1] == k) t += 3;
  int aux = 0; /* (an auxiliary passed: `is`, `has`, `will`; not a possessive `'s`) */
  while (t < s1 && (tk(x, t)->upos == TD_ADV || tk(x, t)->upos == TD_AUX ||
                    tok_is(x, t, "not") || tok_is(x, t, "n't"))) {
    if (tk(x, t)->upos == TD_AUX && !poss_tok(x, t)) aux = 1;
    t++;
  }
  return t < s1 && (tk(x, t)->upos == TD_VERB || (copula && aux && tk(x, t)->upos != TD_PUNCT));
}

/* `It` opening a sentence as the subject of a statement cue or of a
 * verb whose subject acts (`Dorvan Aero cut 500 jobs. It plans to close
 * two plants`, `It has said`): the organization or country that the
 * sentence before opens with as its subject (prev_subject_org, its
 * mention right before the verb). Not `It is`/`It was` before anything
 * but a verb (`It is unclear whether`: no actor meant), nor a verb a
 * thing does (`It went on sale`), nor in a quotation. */
static void it_links(actx *x, int32_t *owner) {
  /* verbs whose subject is someone who acts, as a product's or a plan's
   * seldom is (`It went on sale`, `It is being designed`, `It has a
   * battery`: the thing named before) */
  static const char *const acts[] = {"plan", "aim", "hope", "expect", "blame", "deny", "intend",
                                     "agree", "want", "seek", "quote", "accuse", "urge",
                                     "criticise", "criticize", "demand", "refuse", "decide",
                                     "threaten", "promise", "vow", "pledge", "reject", "welcome",
                                     "insist", "predict", "forecast", "estimate", "admit",
                                     "believe", "report", "announce", "launch", "sue",
                                     /* (a body's acts: asking, advising, hiring, buying) */
                                     "encourage", "ask", "warn", "argue", "claim", "confirm",
                                     "recommend", "advise", "propose", "oppose", "condemn",
                                     "appeal", "invite", "hire", "recruit", "employ", "appoint",
                                     "acquire", "buy", "invest", "file", NULL};
  td_doc *doc = x->doc;
  for (size_t si = 1; si < doc->nsents; si++) {
    long p = (long)doc->sents[si].tok0;
    if (doc->sents[si].ntok < 3 || owner[p] >= 0 || !(x->wf[p] & W_PRON) || !tok_is(x, p, "it") ||
        in_quotation(x, p))
      continue;
    long v = p + 1;
    while (tk(x, v)->upos == TD_AUX && v < p + 3) v++;
    if (tk(x, v)->upos == TD_ADV) v++;
    /* (not a passive: `It is aimed at`) */
    int passive = tk(x, v)->xpos == TD_XPOS_VBN;
    for (long a = p + 1; a < v && passive; a++)
      passive = !tk(x, a)->lemma || strcmp(tk(x, a)->lemma, "be") == 0 || tk(x, a)->upos == TD_ADV;
    if (tk(x, v)->upos != TD_VERB || tk(x, v)->sent != si || (passive && v > p + 1) ||
        !(is_cue(x, v) || (tk(x, v)->lemma && td_str_in(tk(x, v)->lemma, acts))))
      continue;
    int k = prev_subject_org(x, si);
    /* (the subject's head itself that actor's mention, not a name near it) */
    if (k < 0 || !owner_subject(x, owner, si - 1, k, 0)) continue;
    add_mention(x, k, p, p + 1);
    sort_mentions(A(x, k));
    owner[p] = k;
  }
}

/* The verb a subject pronoun at token p heads a clause of: the first
 * verb after it, past auxiliaries, adverbs and `not` (`it would not
 * cut`, `they have already agreed`), in its sentence; -1 when the clause
 * has none but `be` (`it was unclear`, `they were disappointed`), its
 * verb is a passive, or it is a verb an `it` of no one takes as often as
 * an actor's (`it would take years`, `it would cost`, `it seemed`, `it
 * fell to 9.6%`). */
static long clause_verb(const actx *x, long p) {
  static const char *const thing[] = {"be", "seem", "appear", "take", "cost", "make", "mean",
                                      "happen", "become", "remain", "look", "sound", "depend",
                                      "come", "go", "matter", "feel", "get", "help", "need",
                                      "work", "run", "give", "lead", "allow", "require",
                                      /* (a figure's: `the institute said it fell to 9.6%`) */
                                      "rise", "fall", "grow", "drop", "climb", "decline", "slip",
                                      "jump", "surge", "ease", "slow", NULL};
  size_t si = tk(x, p)->sent;
  long v = p + 1;
  while ((size_t)v < x->doc->ntoks && tk(x, v)->sent == si && v < p + 5 &&
         (tk(x, v)->upos == TD_AUX || tk(x, v)->upos == TD_ADV || tok_is(x, v, "not") ||
          tok_is(x, v, "n't")))
    v++;
  if ((size_t)v >= x->doc->ntoks || tk(x, v)->sent != si || tk(x, v)->upos != TD_VERB ||
      !tk(x, v)->lemma || td_str_in(tk(x, v)->lemma, thing))
    return -1;
  /* (not a passive: `it was misdirected`, `they were freed`, a thing
   * done or people the speaker tells of) */
  if (tk(x, v)->xpos == TD_XPOS_VBN)
    for (long a = p + 1; a < v; a++)
      if (tk(x, a)->lemma && strcmp(tk(x, a)->lemma, "be") == 0) return -1;
  return v;
}

/* The name or noun ending at token n (the sentence opening at s0) heads
 * the subject phrase: no preposition before it, past its name and the
 * lowercase adjectives and nouns before that (`a poll for mobile firm
 * Intervoice said`: the poll's people); for `they` (list set), not the
 * last of a list either (`Paramount, Universal and Warner said they`:
 * all three). */
static int subject_head(const actx *x, const int32_t *owner, long n, long s0, int list) {
  long b = n;
  while (b > s0 && (owner[b - 1] >= 0 ? owner[b - 1] == owner[n] : tk(x, b - 1)->upos == TD_PROPN))
    b--;
  while (b > s0 && !tok_cap(x, b - 1) &&
         (tk(x, b - 1)->upos == TD_ADJ || tk(x, b - 1)->upos == TD_DET ||
          tk(x, b - 1)->upos == TD_NOUN))
    b--;
  if (b > s0 && tk(x, b - 1)->upos == TD_ADP) return 0;
  return !(list && b > s0 && (tok_is(x, b - 1, "and") || tok_is(x, b - 1, ",") ||
                              tok_is(x, b - 1, "&")));
}

/* Token c is a verb of thinking, hoping or owning up, which a clause of
 * its subject's follows as a cue's does (`Dorvan hopes it will`, `Ahold
 * has admitted that it inflated`). */
static int thinks(const actx *x, long c) {
  static const char *const verbs[] = {"hope", "believe", "expect", "fear", "think", "admit",
                                      "deny", "estimate", "reckon", "promise", "pledge", "vow",
                                      "decide", "agree", "feel", NULL};
  return tk(x, c)->lemma && td_str_in(tk(x, c)->lemma, verbs);
}

/* `it` or `they` right after a statement cue or a verb of thinking
 * (thinks), past `that` and a time (`Dorvan said it would cut 500 jobs`, `the club said on Monday that
 * they had agreed`): the subject of the reported clause is the cue's
 * subject, when that is an organization or a country for `it`, an
 * organization or a group for `they` (a club, a firm in British style,
 * `the unions`), and the clause's verb is one an actor does
 * (clause_verb). Not in a quotation (the speaker tells what another
 * said). */
static void said_links(actx *x, int32_t *owner) {
  td_doc *doc = x->doc;
  for (size_t p = 2; p + 2 < doc->ntoks; p++) {
    if (!(x->wf[p] & W_PRON) || owner[p] >= 0) continue;
    int it = tok_is(x, (long)p, "it");
    if (!it && !tok_is(x, (long)p, "they")) continue;
    size_t si = tk(x, (long)p)->sent;
    long s0 = (long)doc->sents[si].tok0, s1 = s0 + (long)doc->sents[si].ntok;
    long c = (long)p - 1;
    if (c > s0 && tok_is(x, c, "that")) c--;
    c = cue_subject_end(x, c + 1, s0);
    if (c > s0 && tok_is(x, c, "that")) c--;
    if (c <= s0 || !(is_cue(x, c) || thinks(x, c)) || tk(x, c)->upos != TD_VERB ||
        in_quotation(x, (long)p) || clause_verb(x, (long)p) < 0)
      continue;
    long n = cue_subject_end(x, c, s0);
    /* (past a phrase in commas, `Dorvan, which makes cars, said it`, or a
     * short form in brackets, `The Dorvan Workers Association (DWA) said
     * it`) */
    n = n > s0 && tok_is(x, n, ",")   ? before_commas(x, n, s0)
        : n > s0 && tok_is(x, n, ")") ? n - bracket_before(x, n + 1, s0)
                                      : cue_subject(x, c, s0, s1);
    /* (a pronoun the same one: `They say it could`, another thing) */
    if (n < 0 || n >= c || (tk(x, n)->upos == TD_PRON && !tok_is(x, n, it ? "it" : "they")))
      continue;
    int k = owner[n] >= 0 ? owner[n] : org_named_at(x, n, s0);
    if (k < 0 || !subject_head(x, owner, n, s0, !it)) continue;
    const char *kind = A(x, k)->kind;
    if (it ? strcmp(kind, "organization") != 0 && strcmp(kind, "country") != 0
           : strcmp(kind, "organization") != 0 && strcmp(kind, "group") != 0)
      continue;
    add_mention(x, k, (long)p, (long)p + 1);
    sort_mentions(A(x, k));
    owner[p] = k;
  }
}

/* Token i is an honorific (Mr, Mrs, Dr): the gender it implies ('m',
 * 'f', or '-'), else 0. Inline: do_sentence asks it of most tokens (perf). */
static inline char honorific(const actx *x, long i) {
  if (i < 0 || (size_t)i >= x->doc->ntoks) return 0;
  unsigned b = x->wf[i];
  return b & W_HON_M ? 'm' : b & W_HON_F ? 'f' : b & W_HON_X ? '-' : 0;
}

/* ---- one sentence ---- */

static const char *dm_country(const dm *d) { return d && is_cls(d, "country") ? d->payload : NULL; }

/* Token i is a noun that a sector word before it modifies ("military
 * cooperation", "official name"). */
static int sector_modifier(const actx *x, long i, long s1) {
  if (i >= s1) return 0;
  const td_tok *t = tk(x, i);
  if (t->flags & (TD_TOK_PUNCT | TD_TOK_CAP | TD_TOK_DIGIT)) return 0;
  /* "shell Iraqi towns today": a time word is no noun the sector word
   * modifies */
  static const char *const when[] = {"today", "yesterday", "tomorrow", "tonight", "overnight",
                                     "now", "again", NULL};
  if (td_str_in(t->norm, when)) return 0;
  if (t->upos) return t->upos == TD_NOUN || t->upos == TD_ADJ;
  return (x->wf[i] & W_SNOUN) != 0;
}

/* Token i is the `-led` glued to the country word that ends there
 * (`Vietnamese-led forces`, `US-led troops`): the forces the country
 * leads are coded as its own. Not `-backed`, `-born`, `-based`: a
 * country that backs a militia is not the militia. */
static int led_after(const actx *x, long i, long s1) {
  return i + 1 < s1 && tok_is(x, i, "-") && tok_is(x, i + 1, "led") &&
         tk(x, i)->start == tk(x, i - 1)->end && tk(x, i + 1)->start == tk(x, i)->end;
}

/* Token i, after a sector word, names the sector's members or the means
 * it acts with, keeping the sector (`army officers`, `police units`,
 * `rebel fighters`, `opposition parties`, `army bulldozers`). */
static int member_word(const actx *x, long i) {
  static const char *const members[] = {"officers", "officer", "personnel", "members",
                                        "units", "unit", "commanders", "commander",
                                        "fighters", "men", "patrols", "patrol", "convoy",
                                        "convoys", "positions", "bases", "base", "parties",
                                        "groups",
                                        /* the machines a force acts with: "army
                                         * bulldozers demolished", "police vehicles" */
                                        "bulldozers", "vehicles", "trucks", "jeeps",
                                        "boats", "ships", "planes", "aircraft", "drones",
                                        "snipers", "spokesmen",
                                        /* its voice: "an Israeli army spokesman
                                         * said" (CAMEO's agents: MILITARY_SPOKESPERSON
                                         * ~MIL) */
                                        "spokesman", "spokeswoman", "spokesperson",
                                        "spokespeople", "spokeswomen", NULL};
  return td_str_in(tk(x, i)->norm, members);
}

/* After a country word ending at token e: `[adj]{0,2} sector` gives the
 * sector match, else NULL. `Seoul's top intelligence agency`,
 * `Vietnamese-led forces`. */
static const dm *sector_after(actx *x, long e, long s0, long s1) {
  long i = e;
  if (poss_tok(x, i)) i++;
  else if (led_after(x, i, s1)) i += 2;
  for (int skip = 0; skip <= 2 && i < s1; skip++, i++) {
    const dm *d = match_at(x, i, s0, s1);
    if (d && (long)d->tok0 == i && is_cls(d, "sector")) {
      /* "military officials": the last sector word heads the phrase;
       * "military cooperation": a sector word before a noun is a modifier */
      const dm *n2 = match_at(x, d->tok1, s0, s1);
      /* "military officials": the last word heads; but "rebel leaders"
       * keep the specific sector over the generic GOV */
      if (n2 && (long)n2->tok0 == (long)d->tok1 && is_cls(n2, "sector")) {
        if (strcmp(n2->payload, "GOV") == 0 && strcmp(d->payload, "GOV") != 0 &&
            !is_cls(d, "sector.people"))
          return d;
        /* (nor are militias' forces a state's army: `Syrian militia
         * forces` are militias, UAF) */
        if (strcmp(n2->payload, "MIL") == 0 &&
            (strcmp(d->payload, "UAF") == 0 || strcmp(d->payload, "REB") == 0))
          return d;
        continue;
      }
      /* "army officers", "police units", "rebel fighters": a generic
       * word for members after the sector word keeps its sector */
      if (d->tok1 < s1 && member_word(x, d->tok1)) return d;
      if (sector_modifier(x, d->tok1, s1)) return NULL;
      /* (nor the first word of a compound: `the American
       * refugee-resettlement program`) */
      if (d->tok1 + 1 < s1 && tok_is(x, d->tok1, "-") &&
          tk(x, d->tok1)->start == tk(x, d->tok1 - 1)->end)
        return NULL;
      return d;
    }
    if (d || tok_cap(x, i) || (tk(x, i)->flags & TD_TOK_PUNCT) || tk(x, i)->upos == TD_VERB)
      return NULL;
    static const char *const mods[] = {"top", "senior", "chief", "local", "state", "military",
                                       "security", "defense", "foreign", "government",
                                       "federal", "national", "high-ranking", "former",
                                       "new", "unidentified", "anonymous", "riot", "special",
                                       "elite", "armed", "regular", "paramilitary", "border",
                                       "secret", "interim", "transitional", "provisional",
                                       "intelligence", "naval", "air", "ground", "coast", "suicide",
                                       "peacekeeping", "peace-keeping", "several", "two", "three",
                                       "many", "some", NULL};
    if (!td_str_in(tk(x, i)->norm, mods)) return NULL;
  }
  return NULL;
}

/* The country where the people of the ethnic group at country word d live
 * (`ethnic Albanians in south Serbia`, `ethnic Albanian guerrillas
 * operating in Macedonia`, `Croat forces against ethnic Serb civilians`):
 * an ethnic group so named is a minority in a country other than the one
 * its name gives. The nearest other country's name after the phrase, else
 * before it; else the nearest other country's demonym before it, else
 * after; else the article's main country when it is another. NULL when
 * the word before d is not `ethnic` or no other country is known. */
static const char *ethnic_home(const actx *x, const dm *d, long s0) {
  if ((long)d->tok0 - 1 < s0 || !tok_is(x, (long)d->tok0 - 1, "ethnic") ||
      !(is_cls(d, "country.adj") || is_cls(d, "country.people")))
    return NULL;
  const char *iso = d->payload;
  for (int pass = 0; pass < 2; pass++) {
    int names = pass == 0;
    const char *after = NULL, *before = NULL;
    for (size_t k = 0; k < x->nm; k++) {
      const dm *m = &x->m[k];
      if (!is_cls(m, "country") || strcmp(m->payload, iso) == 0 ||
          names != !(is_cls(m, "country.adj") || is_cls(m, "country.people")))
        continue;
      if (m->tok0 >= d->tok1 && !after) after = m->payload;
      if (m->tok1 <= d->tok0) before = m->payload;
    }
    const char *first = names ? after : before, *second = names ? before : after;
    if (first || second) return first ? first : second;
  }
  const char *mc = main_country(x);
  return mc && strcmp(mc, iso) != 0 ? mc : NULL;
}

/* `Seoul's presidential office`, `the South Korean defense ministry`: an
 * organization of that country (entity kor-presidential-office). */
static int body_actor(actx *x, const char *iso, const dm *body, long t0) {
  char *name = span_text(x, body->tok0, body->tok1);
  char *key = name_key(x, td_arena_printf(&x->doc->arena, "%s %s", iso, name));
  int k = find_entity(x, key);
  if (k < 0) {
    k = new_actor(x, key, span_text(x, t0, body->tok1), "organization");
    A(x, k)->code = code_of(x, iso, body->payload);
    A(x, k)->country = td_arena_strdup(&x->doc->arena, iso);
    A(x, k)->sector = sector_of(x, body->payload);
    A(x, k)->known = 1;
  }
  add_mention(x, k, t0, body->tok1);
  return k;
}

/* Token i opens its sentence (or follows an opening quote or bracket). */
static int tk_initial(const actx *x, long i, long s0) {
  return i == s0 || tok_is(x, i - 1, "\"") || tok_is(x, i - 1, "``") || tok_is(x, i - 1, "(");
}

/* An institution word written as a name (`Foreign Ministry`, not
 * `foreign ministry`): every word capitalized. */
static int body_name(const actx *x, const dm *d) {
  if (!is_cls(d, "sector.body")) return 0;
  for (uint32_t t = d->tok0; t < d->tok1; t++)
    if (!tok_cap(x, t) && !tok_is(x, t, "of")) return 0;
  return 1;
}

static int entry_at(const actx *x, long i, const char *c);
static int demonym_tok(const actx *x, long i);
static int lang_words(const actx *x, long i, long j);

/* A country's one word d that is a person's surname here (Rhys Holland,
 * Amani Jordan, Kemba Washington): a known given name opens a name on it
 * and no capitalized word goes on after it (not Ola Australia Ltd); later
 * in the story the same word alone is that person, except after a place
 * preposition or `of` (`born in Jordan`) or before a title or a sector
 * word (`Jordan's King`, `Jordan officials`). Its name is typed a person's
 * and no country actor is made. Not after any word the language does not
 * know: those are as often a thing's or a club's name on a country or a
 * capital (Telekom Austria, Legia Warsaw) as a person's. */
static int surname_country(actx *x, const dm *d, long s0, long s1) {
  if (d->tok1 != d->tok0 + 1 || !is_cls(d, "country") || is_cls(d, "country.adj") ||
      is_cls(d, "country.people") || (tk(x, d->tok0)->flags & TD_TOK_ALLCAPS))
    return 0;
  long p = (long)d->tok0 - 1;
  const char *w = tk(x, d->tok0)->norm;
  if (p < s0 || !tok_cap(x, p) ||
      (tk(x, p)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT | TD_TOK_ALLCAPS))) {
    if (p >= s0 && (tok_in(x, p, W_LPREP) || tok_is(x, p, "of"))) return 0;
    /* (Jordan's King, Jordan officials: the country) */
    const dm *nx = match_at(x, d->tok1 + (poss_tok(x, d->tok1) ? 1 : 0), s0, s1);
    if (nx && (is_cls(nx, "title") || is_cls(nx, "sector") || is_cls(nx, "person"))) return 0;
    for (int q = 0; q < x->nsurn; q++)
      if (strcmp(x->surn[q], w) == 0) {
        add_name(x, d->tok0, d->tok1, TD_NE_PER);
        return 1;
      }
    return 0;
  }
  if ((long)d->tok1 < s1 && (tok_cap(x, d->tok1) || (tk(x, d->tok1)->flags & TD_TOK_DIGIT)))
    return 0;
  const dm *g = match_at(x, p, s0, s1);
  if (!g || !is_cls(g, "name.given") || g->tok1 != d->tok0) return 0;
  add_name(x, p, d->tok1, TD_NE_PER);
  if (x->nsurn < (int)(sizeof x->surn / sizeof *x->surn)) x->surn[x->nsurn++] = w;
  return 1;
}

/* A place's or a country's one word d that is a known given name opens
 * a person's name here (Virginia Kessel, Chad Orwin, Sofia Varga): a
 * capitalized word follows that is no word of the language (not Virginia
 * Beach, Jordan Valley), no other entry of the dictionaries but a
 * surname, nor a word of organizations', places' or events' names, and
 * no capitalized word goes on after it (not Sofia Airport Authority); not
 * after a place preposition or `of` (`born in Georgia`), nor in capitals. */
static int given_place(const actx *x, const dm *d, long s0, long s1) {
  long g = d->tok0, n = d->tok1;
  if (n != g + 1 || n >= s1 || !(is_cls(d, "country") || is_cls(d, "nonactor.place")) ||
      is_cls(d, "country.adj") || is_cls(d, "country.people") || !tok_cap(x, n) ||
      ((tk(x, g)->flags | tk(x, n)->flags) & (TD_TOK_ALLCAPS | TD_TOK_DIGIT | TD_TOK_PUNCT)) ||
      (g > s0 && (tok_in(x, g - 1, W_LPREP) || tok_is(x, g - 1, "of"))) ||
      tok_in(x, n, W_ORG | W_MISC | W_PLACE | W_FACILITY | W_CLUB) || lower_word(x, n) ||
      !(x->wf[g] & W_GIVEN))
    return 0;
  if (n + 1 < s1 && tok_cap(x, n + 1) && !poss_tok(x, n + 1)) return 0;
  const dm *e = match_at(x, n, s0, s1);
  return !e || (long)e->tok0 != n || is_surname(e);
}

/* Token t opens a currency's amount or name, so the country word before
 * it names the money, not an actor: `US $50 million`, `the Singapore
 * dollar fell` (an event coder took `US` for the country acting). */
static int currency_after(const actx *x, long t, long s1) {
  static const char *const money[] = {"dollar", "dollars", "cents", NULL};
  if (t >= s1 || glued_poss(x, t - 1)) return 0; /* (America's $8 trillion market) */
  const char *w = x->doc->text + tk(x, t)->start;
  return *w == '$' || td_str_in(tk(x, t)->norm, money);
}

/* A sector word written as a name inside a sentence (`the Air Force`,
 * `the Army and the Navy`, not `Police said`): every word capitalized,
 * not in capitals, and not a plural (`Marines`: the people). */
static int force_name(const actx *x, const dm *d, long s0, long s1) {
  if (!is_cls(d, "sector") || is_cls(d, "sector.body") || tk_initial(x, d->tok0, s0) ||
      tok_is(x, d->tok0 - 1, "-") || tok_is(x, d->tok0 - 1, "--") || tok_is(x, d->tok0 - 1, ":") ||
      ((long)d->tok1 < s1 && entry_at(x, d->tok1, "title")) ||
      tk(x, d->tok1 - 1)->xpos == TD_XPOS_NNPS || tk(x, d->tok1 - 1)->xpos == TD_XPOS_NNS)
    return 0;
  for (uint32_t t = d->tok0; t < d->tok1; t++)
    if (!tok_cap(x, t) || (tk(x, t)->flags & TD_TOK_ALLCAPS)) return 0;
  return 1;
}

/* ---- `the North` / `the South` (data/actors/divided.dict.tsv) ---- */

typedef struct {
  const actx *x;
  const char *iso; /* the half this story means, once found */
} half_ctx;

/* Takes the entry whose COUNTRY list holds a country the story named. */
static int half_cb(void *ctx, const td_match *m) {
  half_ctx *h = ctx;
  const char *bar = strchr(m->payload, '|');
  if (!bar || bar - m->payload != 3) return 0;
  for (int q = 0; q < h->x->nseen; q++)
    for (const char *c = bar + 1; strlen(c) >= 3; c += c[3] == ',' ? 4 : 3)
      if (strncmp(c, h->x->seen[q], 3) == 0) {
        h->iso = m->payload;
        return 1;
      }
  return 0;
}

/* The country `the North`/`the South` at token i means in this story: the
 * divided country among those named so far, or NULL. The ISO code is the
 * payload's first three letters (copied into the doc arena). */
static const char *divided_half(actx *x, long i) {
  const char *w = tk(x, i)->norm;
  const char *base = strncmp(w, "north", 5) == 0 ? "north" : strncmp(w, "south", 5) == 0 ? "south" : NULL;
  if (!base) return NULL;
  static const char *const cls[] = {"divided", NULL};
  half_ctx h = {x, NULL};
  td_dict_lookup(x->eng->dict, base, cls, half_cb, &h);
  return h.iso ? td_arena_strndup(&x->doc->arena, h.iso, 3) : NULL;
}

/* First token of the description ending in sector word d: the words
 * before it that are sector words, institutions or plain modifiers (`a
 * defense ministry official`, `the officials`), back to a determiner. */
static long descr_start(const actx *x, const dm *d, long s0) {
  static const char *const mods[] = {"top", "senior", "high-ranking", "government", "local",
                                     "state", "federal", "military", "foreign", "defense",
                                     "defence", "security", "unnamed", "anonymous", "police",
                                     "other", "several", "two", "some", "many", NULL};
  long j = d->tok0;
  for (int steps = 0; steps < 4 && j - 1 >= s0; steps++) {
    long p = j - 1;
    const dm *m = x->at[p - s0] >= 0 ? &x->m[x->at[p - s0]] : NULL;
    if (m && (long)m->tok1 == j && is_cls(m, "sector") && !tok_cap(x, (long)m->tok0))
      j = m->tok0;
    else if (!m && !tok_cap(x, p) && td_str_in(tk(x, p)->norm, mods))
      j = p;
    else
      break;
  }
  if (j - 1 >= s0 && (tok_is(x, j - 1, "a") || tok_is(x, j - 1, "an") || tok_is(x, j - 1, "the")))
    j--;
  return j;
}

/* The group of the latest country pair (`officials from both nations`):
 * kind group, no single country or CAMEO code (the two members are in its
 * entity, `kor-usa-gov`); sector may be NULL (`the two nations`). */
static int pair_actor(actx *x, const char *sector, long t0, long t1) {
  char *key = name_key(x, td_arena_printf(&x->doc->arena, "%s %s %s", x->pair[0], x->pair[1],
                                          sector ? sector : ""));
  int k = find_entity(x, key);
  if (k < 0) {
    k = new_actor(x, key, span_text(x, t0, t1), "group");
    A(x, k)->sector = sector ? td_arena_strdup(&x->doc->arena, sector) : NULL;
    A(x, k)->known = 1;
  }
  add_mention(x, k, t0, t1);
  return k;
}

/* A sector phrase with no country word of its own (`a defense ministry
 * official said`, `the officials condemned`, `police said`):
 *  - `the` + a plural sector word joins the latest group of that sector
 *    met in the last five sentences (`the officials`);
 *  - at a statement cue, it becomes an actor of the article's main country
 *    (else of the sentence's country word): a person for `a`/`an` + a singular word, a
 *    group otherwise; its sector is the institution's when one is named
 *    (`defense ministry` -> MIL).
 * Returns the actor, or -1 (nothing made). */
/* The sector word at d is `government`, `administration` or `regime`,
 * one country's government in the singular, as the head of its phrase
 * (not `the government of Varnia`, `the government in Lisbon`, `the
 * government spokesman`): `the government` then goes on the latest group
 * of its sector, as `the officials` does. */
static int the_government(const actx *x, const dm *d, long s1) {
  static const char *const gov[] = {"government", "administration", "regime", NULL};
  long e = (long)d->tok1;
  if (e - (long)d->tok0 != 1 || !td_str_in(tk(x, (long)d->tok0)->norm, gov)) return 0;
  if (e >= s1) return 1;
  unsigned u = tk(x, e)->upos;
  return u != TD_NOUN && u != TD_PROPN && !tok_is(x, e, "of") && !tok_is(x, e, "in") &&
         !tok_is(x, e, "-");
}

static int descriptive_actor(actx *x, const dm *d, long s0, long s1) {
  long t0 = descr_start(x, d, s0), t1 = d->tok1;
  const char *w = tk(x, (long)d->tok1 - 1)->norm;
  size_t wl = strlen(w);
  int plural = wl > 1 && w[wl - 1] == 's';
  int def = tok_is(x, t0, "the"), indef = tok_is(x, t0, "a") || tok_is(x, t0, "an");
  int one = !plural && the_government(x, d, s1);
  if (def && (plural || one) && t0 + 1 == (long)d->tok0) {
    long sent = (long)tk(x, t0)->sent;
    int best = -1, several = 0;
    for (size_t k = 0; k < x->doc->nactors; k++) {
      td_actor *a = A(x, (int)k);
      if (strcmp(a->kind, "group") != 0 || !a->sector || strcmp(a->sector, d->payload) != 0)
        continue;
      long lt = x->ai[k].last_tok;
      if (lt < 0 || lt >= t0 || (long)tk(x, lt)->sent < sent - 5) continue;
      several |= best >= 0;
      if (best < 0 || lt > x->ai[best].last_tok) best = (int)k;
    }
    /* `the government` with none near: the one government the article
     * has named so far, when it is the government of the country the
     * article is about (`Image: UK Government. … the government will
     * provide a reminder`) */
    if (one && best < 0) {
      const char *topic = topic_country(x);
      for (size_t k = 0; topic && k < x->doc->nactors && !several; k++) {
        td_actor *a = A(x, (int)k);
        long lt = x->ai[k].last_tok;
        if (strcmp(a->kind, "group") != 0 || !a->sector || strcmp(a->sector, d->payload) != 0 ||
            lt < 0 || lt >= t0)
          continue;
        several |= best >= 0;
        best = (int)k;
      }
      if (best >= 0 && (several || !A(x, best)->country || strcmp(A(x, best)->country, topic) != 0))
        best = -1, several = 0;
    }
    /* (`the government` of one country of several near: no guess) */
    if (best >= 0 && !(one && several)) {
      add_mention(x, best, t0, t1);
      note_speaker(x, best, t0, t1);
      return best;
    }
  }
  long n = tok_is(x, t1, ",") ? t1 + 1 : t1;
  int cue = is_cue(x, n) || is_cue(x, t0 - 1) ||
            (tok_is(x, t0 - 1, "to") && tok_is(x, t0 - 2, "according"));
  if (!cue || !(def || indef || t0 == s0)) return -1;
  /* the article's main country first: a country named elsewhere in the
   * clause is more often its topic than the speaker's employer (`a
   * ministry official said the stance on Ukraine …`) */
  const char *iso = main_country(x);
  if (!iso) iso = sentence_country(x, t0, s0, s1);
  if (!iso) return -1;
  const char *sector = d->payload;
  for (long t = t0; t < (long)d->tok0; t++) {
    const dm *m = x->at[t - s0] >= 0 ? &x->m[x->at[t - s0]] : NULL;
    if (m && is_cls(m, "sector.body")) sector = m->payload;
  }
  int k;
  if (indef && !plural) {
    char *name = span_text(x, t0 + 1, t1);
    char *key = name_key(x, td_arena_printf(&x->doc->arena, "%s %s", iso, name));
    k = find_entity(x, key);
    if (k < 0) {
      k = new_actor(x, key, name, "person");
      A(x, k)->known = 0;
      A(x, k)->country = td_arena_strdup(&x->doc->arena, iso);
      A(x, k)->sector = sector_of(x, sector);
      A(x, k)->code = code_of(x, iso, sector);
    }
    add_mention(x, k, t0, t1);
  } else {
    k = group_actor(x, iso, sector, t0, t1);
  }
  note_speaker(x, k, t0, t1);
  return k;
}

/* td_rules_match_layer callback: keeps the current sentence's matches of
 * the rules in data/actors/groups.rules, by kind (the name after
 * "actors."), with the token at which do_sentence takes each up:
 *   actors.both_nations  the word before the last one ("both", "two");
 *   actors.pair_of       its first token (the "from"/"of" after a sector word);
 *   actors.the_north     capture half (else its last token);
 *   actors.then, actors.former  its last token (the past marker before a
 *                        title's context, read by title_context).
 * Other actors.* names are ignored. */
static int on_rule(void *vctx, const td_rule_match *m) {
  actx *x = vctx;
  int kind = strcmp(m->rule, "actors.both_nations") == 0 ? AR_BOTH
           : strcmp(m->rule, "actors.pair_of") == 0     ? AR_PAIR_OF
           : strcmp(m->rule, "actors.the_north") == 0   ? AR_HALF
           : strcmp(m->rule, "actors.then") == 0        ? AR_THEN
           : strcmp(m->rule, "actors.former") == 0      ? AR_FORMER
                                                         : -1;
  if (kind < 0 || x->nrm >= (int)(sizeof x->rm / sizeof x->rm[0])) return 0;
  arule *r = &x->rm[x->nrm++];
  r->kind = kind, r->t0 = m->tok0, r->t1 = m->tok1;
  if (kind == AR_THEN || kind == AR_FORMER) {
    r->key = (long)m->tok1 - 1;
  } else if (kind == AR_BOTH) {
    r->key = m->tok1 >= m->tok0 + 2 ? (long)m->tok1 - 2 : (long)m->tok0;
  } else if (kind == AR_PAIR_OF) {
    r->key = m->tok0;
  } else {
    const td_rule_cap *h = td_rule_cap_get(m, "half");
    r->key = h && h->tok0 >= 0 ? h->tok0 : (long)m->tok1 - 1;
  }
  return 0;
}

/* The current sentence's match of rule kind `kind` taken up at token key,
 * or NULL. */
static const arule *rule_at(const actx *x, int kind, long key) {
  for (int k = 0; k < x->nrm; k++)
    if (x->rm[k].kind == kind && x->rm[k].key == key) return &x->rm[k];
  return NULL;
}

/* Whether the loop of do_sentence can read an actors.* rule match in the
 * sentence [s0, s1) whose dictionary matches are x->m (perf, issue 11: the
 * rules run only then). Each kind is read behind a test of its own:
 * both_nations and pair_of only once a pair of countries is known
 * (x->pair), then and former only by title_context, which runs at a
 * person or title match, and the_north only at a capitalized north/south
 * word. */
static int rules_read(const actx *x, long s0, long s1) {
  if (x->pair[0]) return 1;
  for (size_t k = 0; k < x->nm; k++)
    if (is_cls(&x->m[k], "person") || is_cls(&x->m[k], "title")) return 1;
  for (long i = s0; i < s1; i++) {
    const char *w = tk(x, i)->norm;
    if (tok_cap(x, i) && w && (w[0] == 'n' || w[0] == 's') &&
        (strncmp(w, "north", 5) == 0 || strncmp(w, "south", 5) == 0))
      return 1;
  }
  return 0;
}

static int org_described(const actx *x, long i, long j, long s0, long s1);

#define NE_SENTS 256 /* sentences around a name that described_org reads */

/* The words of [i, j) are named as an organization somewhere in the
 * document by the common noun next to them (`the daily Dagvast Morgen`,
 * `telecoms group Ulvik Tele`): at a statement cue they are no person. */
static int described_org(const actx *x, long i, long j) {
  long len = j - i;
  /* the sentences near it (a bound: a walk over the whole document for
   * each name at a cue made a document of thousands of names quadratic) */
  size_t at = tk(x, i)->sent;
  size_t s_lo = at > NE_SENTS ? at - NE_SENTS : 0;
  size_t s_hi = x->doc->nsents - at > NE_SENTS ? at + NE_SENTS : x->doc->nsents;
  for (size_t si = s_lo; si < s_hi; si++) {
    long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
    for (long p = s0; p + len <= s1; p++) {
      /* org_described wants its noun before or after the words: most
       * places have none (perf: two bits before the words are compared) */
      if (!(p > s0 && (x->wf[p - 1] & W_DESC_B)) && !(p + len < s1 && (x->wf[p + len] & W_DESC_A)))
        continue;
      if (same_norms(x, p, i, len) && org_described(x, p, p + len, s0, s1)) return 1;
    }
  }
  return 0;
}

/* Sentence si's dictionary matches as x->m, and x->at: which of them
 * covers each of its tokens (what match_at reads). */
static void sentence_matches(actx *x, size_t si) {
  long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
  x->nm = x->first[si + 1] - x->first[si];
  x->m = x->nm ? x->all + x->first[si] : NULL; /* (all is NULL in a document without one) */
  for (long i = s0; i < s1; i++) x->at[i - s0] = -1;
  for (size_t k = 0; k < x->nm; k++)
    for (uint32_t t = x->m[k].tok0; t < x->m[k].tok1; t++) x->at[t - s0] = (int32_t)k;
}

/* Token i names a kind of storm, which takes a person's name:
 * `Hurricane`, `Typhoon`, `Cyclone`, `Tropical Storm`. */
static int storm_word(const actx *x, long i) {
  return tok_is(x, i, "hurricane") || tok_is(x, i, "typhoon") || tok_is(x, i, "cyclone") ||
         (tok_is(x, i, "storm") && i > 0 && tok_is(x, i - 1, "tropical"));
}

/* The capitalized run [i, j) of sentence [s0, s1) names a thing, not
 * the person whose name it bears: 1 for a ship after its kind (`the
 * aircraft carrier Carl Vinson`, `the frigate Anna Holm`; a carrier
 * alone is as often an airline) or a work after its kind, 2 for a site before its kind (`Charles
 * de Gaulle airport`, `the Jomo Velde stadium`), 3 for a storm after its
 * kind (`Hurricane Edith`). */
static int named_thing(const actx *x, long i, long j, long s0, long s1) {
  static const char *const ships[] = {"warship", "warships", "frigate", "destroyer", "cruiser",
                                      "submarine", "corvette", "minesweeper", "tanker", "freighter",
                                      "trawler", "ferry", "liner", "vessel", "ship", "yacht",
                                      "battleship", NULL};
  static const char *const sites[] = {"airport", "stadium", "prison", "mosque", NULL};
  /* a work after its kind, a noun (`the film Million Dollar Baby`, `her
   * novel The Lovely Bones`; not `to play Tomas Velder`) */
  static const char *const works[] = {"film", "movie", "novel", "book", "album", "single",
                                      "song", "play", "musical", "opera", "documentary",
                                      "sitcom", "memoir", "biopic", NULL};
  if (i > s0 && storm_word(x, i - 1)) return 3;
  if (i > s0 && !tok_cap(x, i - 1)) {
    const char *w = tk(x, i - 1)->norm;
    if (td_str_in(w, ships)) return 1;
    if (tk(x, i - 1)->upos == TD_NOUN && td_str_in(w, works)) return 1;
    if ((strcmp(w, "carrier") == 0 || strcmp(w, "carriers") == 0) && i - 1 > s0 &&
        tok_is(x, i - 2, "aircraft"))
      return 1;
  }
  return j < s1 && !tok_cap(x, j) && td_str_in(tk(x, j)->norm, sites) ? 2 : 0;
}

static int common_word(const actx *x, long i);
static int small_int(const actx *x, long i);
static int any_org_word(const actx *x, long t0, long t1);
static int caps_run(const actx *x, long i, long j);

/* The capitalized run [i, j) of two or three words names a program or a
 * device, no person: its last word is a noun in -er that names one
 * (Internet Explorer, Media Player, Netscape Navigator); not after a known
 * given name (Gary Player), not with an organization's word, not a
 * heading in capitals (BUSINESS RECORDER, a paper's name). */
static int program_name(const actx *x, long i, long j) {
  static const char *const program_heads[] = {"explorer", "navigator", "player", "messenger",
                                              "browser", "scanner", "recorder", "server",
                                              "viewer", "organiser", "organizer", "blocker",
                                              "tracker", "converter", "controller", "printer",
                                              "router", "installer", "compiler", NULL};
  return j - i >= 2 && j - i <= 3 && td_str_in(tk(x, j - 1)->norm, program_heads) &&
         !entry_at(x, i, "name") && !entry_at(x, i, "person") && !any_org_word(x, i, j) &&
         !caps_run(x, i, j);
}

/* Token i of a sentence ending at s1 is a utility's word that closes a
 * firm's name after a place or a state (`Virginia Power`, `Georgia
 * Power`, `Ohio Edison`), capitalized, not in a heading in capitals. */
static int utility_word(const actx *x, long i, long s1) {
  static const char *const words[] = {"power", "edison", NULL};
  return i < s1 && tok_cap(x, i) && !(tk(x, i)->flags & TD_TOK_ALLCAPS) &&
         td_str_in(tk(x, i)->norm, words);
}

/* Token t is an organization's or a building's word that is as often
 * a surname (`Charlotte Church`, `Heather Mills`, `David Villa`). */
static int surname_word(const actx *x, long t) {
  static const char *const heads[] = {"church", "hall", "street", "bridge", "mills", "press",
                                      "steel", "court", "post", "park", "villa", NULL};
  return td_str_in(tk(x, t)->norm, heads);
}

/* The run [i, n) of three words, a given name first, ends in an
 * organization's or a building's word that is as often a surname
 * (`Thomas Haden Church`, `Lisa Marie Press`): a person's name, where no
 * article or owner opens it (`the Anna Velder Hall`, `Tarvik's Ola Brenn
 * Street`) and its middle word is no frequent word of the language
 * (`Grace Community Church`). */
static int surname_head(const actx *x, long i, long n, long s0) {
  if (n - i != 3 || !surname_word(x, n - 1) || common_word(x, i + 1)) return 0;
  if (i > s0) {
    const td_tok *b = tk(x, i - 1);
    if (b->upos == TD_DET || b->upos == TD_PRON || poss_tok(x, i - 1) || glued_poss(x, i - 1))
      return 0;
  }
  return 1;
}

/* The typed names the typing compares a name with, before it and around
 * it: an article has far fewer; a bound keeps a document of thousands of
 * names linear (the comparisons ran over every pair). */
#define NE_WINDOW 512

/* The run [i, j) of sentence [s0, s1) that a given name opens is a
 * player's club in brackets after the player's name in a sports story
 * (`Krzysztof Piskula ( Lech Poznan )`, `( both Lech Poznan )`; the
 * bracket may open a table's next line). guess_type asks the same of
 * the runs it types, where it knows the name before is a person's. */
static int club_in_brackets(const actx *x, long i, long j, long s0, long s1) {
  if (!sports_doc(x) || i <= s0 || j >= s1 || !tok_is(x, j, ")")) return 0;
  long b = tok_is(x, i - 1, "both") && i - 1 > s0 ? i - 2 : i - 1;
  return b > 0 && tok_is(x, b, "(") && tok_cap(x, b - 1) && !(tk(x, b - 1)->flags & TD_TOK_PUNCT);
}

/* The capitalized run [i, j) of sentence [s0, s1) of a sports story is a
 * team in a results row, whatever given name opens it: between the row's
 * start (or `In Town :`, or the other side's score) and its own score
 * (`Sokol Tychy 5 Lech Poznan 3`, `Gloria Bistrita ( Romania ) 2 Valletta
 * ( Malta ) 1`), or after the other side's score at the end of a line,
 * or opening a standings row of seven numbers or more
 * (`Lech Poznan 7 5 0 2 12 9 15`, not a player's averages ending in a
 * decimal). Or the same words are a team named before in the story (`Ruch
 * Chorzow win 6-1 on aggregate`). A golfer's rounds (72 76) are no
 * scores; a tennis score has dashes. */
static int minute_tok(const actx *x, long i);
static int team_in_row(const actx *x, long i, long j, long s0, long s1) {
  if (!sports_doc(x)) return 0;
  for (size_t r = x->nnames, seen = 0; r-- > 0 && seen < NE_WINDOW; seen++) {
    const td_ne *p = &x->names[r];
    if (p->type == TD_NE_ORG && p->tok1 - p->tok0 == (uint32_t)(j - i) &&
        same_norms(x, p->tok0, i, j - i))
      return 1;
  }
  long k = j;
  /* ( Country ): the side's country in brackets */
  if (k + 2 < s1 && tok_is(x, k, "(")) {
    long c = k + 1;
    while (c < s1 && c <= k + 3 && tok_cap(x, c)) c++;
    if (c == k + 1 || c >= s1 || !tok_is(x, c, ")")) return 0;
    k = c + 1;
  }
  /* the other side's score before (`( Scotland ) 1 Red Star Belgrade`,
   * the row going on on the next line) */
  int second = i - 2 >= s0 && small_int(x, i - 1) == 1 &&
               (tok_is(x, i - 2, ")") || tok_cap(x, i - 2));
  if (second && j == s1 && tok_is(x, i - 2, ")")) return 1;
  if (k >= s1 || !small_int(x, k)) return 0;
  /* after the other side's score and its scorers in brackets, before its
   * own score: `Lyon 2 ( Caveglia 23rd , Giuly 30th ) Nancy 0 .` */
  if (i - 2 > s0 && tok_is(x, i - 1, ")") && minute_tok(x, i - 2) && small_int(x, k) == 1 &&
      (k + 1 == s1 || tok_is(x, k + 1, ".") || tok_is(x, k + 1, "("))) {
    long o = i - 2;
    while (o > s0 && o > i - 40 && !tok_is(x, o, "(")) o--;
    if (tok_is(x, o, "(") && o - 1 >= s0 && small_int(x, o - 1) == 1) return 1;
  }
  int next = k + 1 < s1 && tok_cap(x, k + 1) && !small_int(x, k + 1);
  /* (a driver and his points end a row alone: `Pedro Diniz ( Brazil ) 1`) */
  if (small_int(x, k) == 1 &&
      ((second && (k + 1 == s1 || next)) || ((i == s0 || tok_is(x, i - 1, ":")) && next)))
    return 1;
  if (i != s0) return 0;
  long t = k;
  int small = 0;
  while (t < s1 && small_int(x, t)) small += small_int(x, t) == 1, t++;
  return t - k >= 7 && small >= 2 && t == s1;
}

/* The surname at token i is also the last word of another person's name
 * in the document: a capitalized word no title, honorific or dictionary
 * name holds before the same word (`Roly Keating` ... `Mr Keating` is no
 * Paul Keating). Looks at the document's surname matches only. */
static int other_bearer(const actx *x, long i) {
  const char *w = tk(x, i)->norm;
  for (size_t k = 0; k < x->nall; k++) {
    const dm *m = &x->all[k];
    long t = (long)m->tok0;
    if (!is_surname(m) || m->tok1 != m->tok0 + 1 || t == 0 || strcmp(tk(x, t)->norm, w) != 0)
      continue;
    long p = t - 1;
    if (tk(x, p)->sent != tk(x, t)->sent || !tok_cap(x, p) || honorific(x, p)) continue;
    int covered = 0; /* a title or the dictionary's own full name before it */
    for (size_t q = k; q-- > 0 && (long)x->all[q].tok1 >= t;)
      if ((long)x->all[q].tok1 == t && (is_cls(&x->all[q], "title") || is_cls(&x->all[q], "person")))
        covered = 1;
    for (size_t q = 0; q < x->nall && !covered; q++)
      if ((long)x->all[q].tok0 < t && (long)x->all[q].tok1 > t && is_cls(&x->all[q], "person"))
        covered = 1;
    if (!covered) return 1;
  }
  return 0;
}

/* Surname entry g at token i is a family name written first in its
 * person's name (Kim Jong-un, Xi Jinping): such a surname opens a name;
 * one that ends its person's name (Kennedy, Smith) opening a run of
 * capitalized words is no sign of a person (the Kennedy Center, Smith
 * Barney), unless it is a given name too (Martin, Howard). */
static int family_first(const actx *x, const dm *g, long i) {
  const char *name = strchr(g->payload, '|');
  if (!name) return 0;
  name++;
  size_t n = tk(x, i)->end - tk(x, i)->start;
  return strncmp(name, x->doc->text + tk(x, i)->start, n) == 0 && name[n] == ' ';
}

/* The person of surname entry d is named in full somewhere in the
 * document (a person match of the same entity). */
static int named_in_doc(const actx *x, const dm *d) {
  size_t n = strcspn(d->payload, "|");
  for (size_t k = 0; k < x->nall; k++) {
    const dm *m = &x->all[k];
    if (is_cls(m, "person") && !is_surname(m) && m->payload &&
        strncmp(m->payload, d->payload, n) == 0 && m->payload[n] == '|')
      return 1;
  }
  return 0;
}

/* Token i opens sentence [s0, s1) (or a quotation or a bracket) with a
 * capitalized word of the language that the word list never spells
 * capitalized and no organization's word, before a known given name and
 * a capitalized word (`Journalist Patrick Seale`, `Outspoken Andrei
 * Medvedev`; not `Democratic Karen Buddhist Army`, `National Park
 * Service`, where a name goes on to an organization's word). */
static int describer(const actx *x, long i, long s0, long s1) {
  if (i + 2 >= s1 || !tk_initial(x, i, s0) || !tok_cap(x, i) || !tok_cap(x, i + 2) ||
      (tk(x, i)->flags & (TD_TOK_ALLCAPS | TD_TOK_PUNCT | TD_TOK_DIGIT)) ||
      (tk(x, i + 2)->flags & (TD_TOK_ALLCAPS | TD_TOK_PUNCT | TD_TOK_DIGIT)) ||
      !(lang_words(x, i, i + 1) || demonym_tok(x, i)) ||
      tok_in(x, i, W_ORG | W_ORGHEAD | W_FACILITY | W_MISC) ||
      !entry_at(x, i + 1, "name"))
    return 0;
  for (long t = i + 2; t < s1 && t < i + 5 && tok_cap(x, t); t++)
    if (tok_in(x, t, W_ORG | W_FACILITY | W_MISC)) return 0;
  return 1;
}

/* The country the story is plainly about (topic_country, by three of
 * its dictionary matches and twice any other's), or the one country it
 * names; NULL for none. Not a country word of the sentence: a party
 * speaks as often of another country (`opposition parties criticised
 * the US`). */
static const char *plain_country(actx *x) {
  if (!topic_country(x)) return NULL;
  return (x->topic_n >= 3 && x->topic_n >= 2 * x->topic_next) || !x->topic_next ? x->topic : NULL;
}

/* `the ruling party`, `the ruling coalition`, `the ruling Georgian Dream
 * party` at token i (`ruling`, after `the`): a country's party in power
 * is its government (CAMEO's agents: RULING_PARTY, RULING_COALITION,
 * GOVERNING_PARTY are GOV). Up to four capitalized words no dictionary
 * entry opens (a country word may: its country) stand before
 * party/coalition/alliance/Party; a party the dictionaries know
 * (`the ruling African National Congress`) keeps its own code. The end
 * of the phrase, its country in *iso (the story's when none is in it),
 * or 0. */
static long ruling_party(actx *x, long i, long s0, long s1, const char **iso) {
  static const char *const heads[] = {"party", "coalition", "alliance", NULL};
  if (i - 1 < s0 || !tok_is(x, i - 1, "the") || !tok_is(x, i, "ruling") || tok_cap(x, i)) return 0;
  long j = i + 1;
  *iso = NULL;
  for (int n = 0; j < s1 && n < 4 && tok_cap(x, j); n++) {
    const dm *m = match_at(x, j, s0, s1);
    if (m && (long)m->tok0 == j && dm_country(m) && !*iso && n == 0) {
      *iso = m->payload;
      j = (long)m->tok1;
      continue;
    }
    if ((m && (long)m->tok0 <= j) || td_str_in(tk(x, j)->norm, heads)) break;
    j++;
  }
  if (j >= s1 || !td_str_in(tk(x, j)->norm, heads)) return 0;
  if (!*iso) *iso = plain_country(x);
  return *iso ? j + 1 : 0;
}

static void do_sentence(actx *x, size_t si) {
  td_doc *doc = x->doc;
  const td_sent *se = &doc->sents[si];
  long s0 = se->tok0, s1 = se->tok0 + se->ntok;
  sentence_matches(x, si);
  for (size_t k = 0; k < x->nm; k++) {
    const char *c = dm_country(&x->m[k]);
    /* a nation of a country (England, Wales) names its country for the
     * article's countries, though it makes no country actor: else a
     * British story that names Ireland once gave every untitled
     * `former minister` Ireland's code */
    const char *cs = c ? c
                       : is_cls(&x->m[k], "nonactor.place.nation") && x->m[k].payload &&
                                 strlen(x->m[k].payload) == 3
                             ? x->m[k].payload
                             : NULL;
    int have = !cs;
    for (int q = 0; q < x->nseen && !have; q++) have = strcmp(x->seen[q], cs) == 0;
    if (!have && x->nseen < 64) x->seen_si[x->nseen] = si, x->seen[x->nseen++] = cs;
    /* `South Korea and the United States` opening a sentence (its subject):
     * the pair a later `both nations` means */
    const dm *m2 = k + 1 < x->nm ? &x->m[k + 1] : NULL;
    const char *c2 = dm_country(m2);
    long p0 = (long)x->m[k].tok0;
    if (p0 > s0 && (tok_is(x, p0 - 1, "the") || tok_is(x, p0 - 1, "both"))) p0--;
    if (p0 == s0 && c && c2 && strcmp(c, c2) != 0 && !is_cls(&x->m[k], "country.adj") &&
        !is_cls(m2, "country.adj") && tok_is(x, x->m[k].tok1, "and") &&
        (m2->tok0 == x->m[k].tok1 + 1 ||
         (m2->tok0 == x->m[k].tok1 + 2 && tok_is(x, x->m[k].tok1 + 1, "the"))))
      x->pair[0] = c, x->pair[1] = c2;
  }
  x->nrm = 0;
  if (x->use_rules && rules_read(x, s0, s1))
    td_rules_match_layer(x->eng->rules, "actors", x->eng, doc, si, on_rule, x);

  long i = s0;
  while (i < s1) {
    const dm *d = match_at(x, i, s0, s1);
    if (d && (long)d->tok0 != i) d = NULL;
    /* (an institution's name of two portfolios is one name: `the Finance
     * and Economy Ministry`, `Ministry of Finance and Economic
     * Development`, not the one portfolio's entry inside it) */
    if (d && body_name(x, d) &&
        (((long)d->tok1 + 1 < s1 && tok_is(x, (long)d->tok1, "and") && tok_cap(x, (long)d->tok1 + 1)) ||
         ((long)d->tok0 - 2 >= s0 && tok_is(x, (long)d->tok0 - 1, "and") &&
          tok_cap(x, (long)d->tok0 - 2))))
      d = NULL;
    /* the ruling party: the government */
    const char *riso;
    long re = !d && tok_is(x, i, "ruling") ? ruling_party(x, i, s0, s1, &riso) : 0;
    if (re) {
      int k = group_actor(x, riso, "GOV", i - 1, re);
      note_speaker(x, k, i - 1, re);
      i = re;
      continue;
    }
    /* pronouns at statement cues (the word's bit tested here: perf) */
    if (!d && (x->wf[i] & W_PRON)) {
      int k = resolve_pronoun(x, i);
      if (k >= 0) {
        add_mention(x, k, i, i + 1);
        x->ai[k].speaker_tok = i;
        i++;
        continue;
      }
    }
    /* `both nations`, `the two countries` (actors.both_nations): the
     * latest pair named as a subject, unless a name follows */
    const arule *r;
    if (!d && x->pair[0] && (r = rule_at(x, AR_BOTH, i)) != NULL &&
        !(r->t1 < s1 && match_at(x, r->t1, s0, s1))) {
      int k = pair_actor(x, NULL, r->t0, r->t1);
      note_speaker(x, k, r->t0, r->t1);
      i = r->t1;
      continue;
    }
    /* the North / the South (actors.the_north) of a divided country named
     * in the story, capitalized and no longer name's start */
    const char *half;
    if (!d && (r = rule_at(x, AR_HALF, i)) != NULL && tok_cap(x, i) &&
        !(i + 1 < s1 && tok_cap(x, i + 1) && !glued_poss(x, i)) &&
        (half = divided_half(x, i)) != NULL) {
      const dm *sec = sector_after(x, i + 1, s0, s1);
      if (sec && !glued_poss(x, i)) {
        group_actor(x, half, sec->payload, r->t0, sec->tok1);
        i = sec->tok1;
      } else {
        int k = country_actor(x, half, r->t0, i + 1, 0);
        note_speaker(x, k, r->t0, i + 1);
        i++;
      }
      continue;
    }
    if (d && is_surname(d)) {
      /* Putin, President Bush, Mr Blair: a known surname alone */
      int k = person_for_run(x, i, i + 1); /* the latest person with that name word */
      if (k < 0) k = find_entity(x, field(x, d->payload, 0, '|'));
      const dm *title = match_ending(x, i - 1, s0, s1);
      int titled = (title && is_cls(title, "title")) || honorific(x, i - 1) ||
                   (tok_is(x, i - 1, ".") && honorific(x, i - 2));
      /* (not the first word of a longer name: `Howard Tarvo` is no Karl
       * Howard met before, nor Philippe Sella an Edouard Philippe) */
      int longer = name_run(x, i, s0, s1) > 1;
      if (k >= 0 && !longer) {
        add_mention(x, k, i, i + 1);
        note_speaker(x, k, i, i + 1);
        add_name(x, i, i + 1, TD_NE_PER);
        i++;
        continue;
      }
      /* alone, only when the story already names that person's country
       * (Fox in a British story is not Vicente Fox); not the first word of
       * a longer name ("Philippe Sella" is no Edouard Philippe) */
      char pc[32] = "", prole[64] = "";
      int active = role_active_in(d->payload, x->doc->date, pc, sizeof pc, prole, sizeof prole);
      /* (undated, every role counts as held: a country named proves
       * nothing then, "President Carter" in a US story is no Ash Carter) */
      int in_country = active && x->doc->date && country_in_doc(x, pc);
      /* Ms Abbott is no Tony Abbott */
      char hg = honorific(x, i - 1) ? honorific(x, i - 1)
                : tok_is(x, i - 1, ".") ? honorific(x, i - 2) : 0;
      const char *pg = field(x, d->payload, 2, '|');
      int gender_ok = !(hg == 'm' || hg == 'f') || !pg || !(pg[0] == 'm' || pg[0] == 'f') || pg[0] == hg;
      /* after a title: the title's country is the person's, or the story
       * already names it ("Dr Fox" in a British story is not Vicente Fox) */
      tctx tc = title && is_cls(title, "title") ? title_context(x, title->tok0, s0, s1)
                                                : title_context(x, i, s0, s1);
      if (title && is_cls(title, "title")) tc.title_role = field(x, title->payload, 1, '|');
      /* (undated, several of the surname held the title: the latest) */
      dm one;
      if (d->nactive > 1 && tc.title_role) {
        const char *best = latest_holder(x, i, tc.title_role, tc.country);
        if (best) {
          one = *d;
          one.payload = best, one.nactive = 1;
          d = &one;
          role_active_in(d->payload, x->doc->date, pc, sizeof pc, prole, sizeof prole);
        }
      }
      int title_ok = title && is_cls(title, "title") &&
                     ((tc.country && strcmp(tc.country, pc) == 0) || in_country ||
                      (active && strcmp(name_key(x, field(x, title->payload, 1, '|')),
                                        name_key(x, prole)) == 0));
      /* or a head of state or government of the day whose surname is no
       * common word (Putin, not Fox or Brown) */
      int head = strcmp(prole, "President") == 0 || strcmp(prole, "Prime Minister") == 0;
      /* (undated, where every role counts as held, a surname with no
       * title or honorific: only in a story that names the head's
       * country before or is about it, and none of sport, whose
       * line-ups are lists of surnames: `Subs: Taylor, Harper`; not `His
       * wife Sharon` in a British story, `the Mori survey`) */
      if (!x->doc->date && !titled) {
        const char *topic = head && !sports_doc(x) && !country_in_doc(x, pc) ? topic_country(x)
                                                                               : NULL;
        head = head && !sports_doc(x) && (country_in_doc(x, pc) || (topic && !strcmp(topic, pc)));
      }
      int alone_ok = (d->ncand == 1 || titled) &&
                     (in_country || (active && head && !lower_word(x, i))) &&
                     !other_bearer(x, i);
      if (d->nactive == 1 && !longer && gender_ok && (title_ok || alone_ok)) {
        known_person(x, d, &tc);
        i++;
        continue;
      }
      /* after an honorific the name is still a person's, one the
       * dictionaries do not prove (Mr Keating in a story of the BBC's Roly
       * Keating): a person of that name, as for a name no one knows */
      if (hg && !title && d->ncand == 1 && !named_in_doc(x, d)) {
        long hl = name_run(x, i, s0, s1);
        if (hl > 0) {
          k = person_from_run(x, i, i + hl, NULL, NULL, s0, s1);
          if (x->ai[k].gender == '-' && hg != '-') x->ai[k].gender = hg;
          note_speaker(x, k, i, i + hl);
          i += hl;
          continue;
        }
      }
      d = NULL; /* an unknown name: the name-run rules below */
    }
    if (d && is_cls(d, "person")) {
      long ts = d->tok0;
      const dm *title = match_ending(x, ts - 1, s0, s1);
      tctx c = {NULL, 0, ts, NULL, NULL, NULL};
      if (title && is_cls(title, "title")) {
        c = title_context(x, title->tok0, s0, s1);
        c.title_role = field(x, title->payload, 1, '|');
      } else {
        c = title_context(x, ts, s0, s1);
      }
      known_person(x, d, &c);
      i = d->tok1;
      continue;
    }
    /* `a general election`, `the general public`: a title word the
     * tagger reads as an adjective before a lowercase noun is none (not
     * before a verb: `Nigerian general takes over`) */
    if (d && is_cls(d, "title") && d->tok1 == d->tok0 + 1 && (long)d->tok1 < s1 &&
        tk(x, i)->upos == TD_ADJ && !tok_cap(x, i) && !tok_cap(x, i + 1) &&
        (tk(x, i + 1)->upos == TD_NOUN || tk(x, i + 1)->upos == TD_ADJ) &&
        !(tk(x, i + 1)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT))) {
      i++;
      continue;
    }
    if (d && (is_cls(d, "title") || is_cls(d, "sector")))
      add_name(x, d->tok0, d->tok1,
               is_cls(d, "sector.people")                     ? TD_NE_MISC /* Kurds */
               : body_name(x, d) || force_name(x, d, s0, s1) ? TD_NE_ORG
                                                               : TD_NE_NONE);
    if (d && is_cls(d, "title.plural")) {
      i = d->tok1;
      continue;
    }
    if (d && is_cls(d, "title")) {
      tctx c = title_context(x, i, s0, s1);
      long n = d->tok1;
      /* chairman Mr Greenspan; but an honorific the dictionary's name
       * holds stays on it (Attorney General `Lord Goldsmith`) */
      const dm *whole = match_at(x, n, s0, s1);
      if (honorific(x, n) && !(whole && is_cls(whole, "person") && !is_surname(whole)))
        n += tok_is(x, n + 1, ".") ? 2 : 1;
      const dm *next = match_at(x, n, s0, s1);
      long len = name_run(x, n, s0, s1);
      int surname = next && is_surname(next);
      if (next && is_cls(next, "person") && (!surname || len <= 1)) { /* handled there */
        i = n;
        continue;
      }
      if (len == 0 && tok_is(x, n, ",") ) { /* X's [title], Name */
        long len2 = name_run(x, n + 1, s0, s1);
        const dm *nx = match_at(x, n + 1, s0, s1);
        if (nx && is_cls(nx, "person")) {
          known_person(x, nx, &c);
          i = nx->tok1;
          continue;
        }
        if (len2 >= 2 && c.country) {
          person_from_run(x, n + 1, n + 1 + len2, d, &c, s0, s1);
          i = n + 1 + len2;
          continue;
        }
      }
      /* one capitalized word after a title is a name only when it is the
       * short form of a person met before (not "General Election"), or a
       * surname after a political office ("President Mugabe said"): no
       * word of the language, and the name ends there */
      if (len == 1 && person_for_run(x, n, n + 1) < 0) {
        static const char *const offices[] = {"President", "Minister", "Premier", "Chancellor",
                                              "Senator", "Governor", "Secretary", NULL};
        const char *role = field(x, d->payload, 1, '|');
        int office = 0;
        for (int k = 0; offices[k] && !office; k++) office = strstr(role, offices[k]) != NULL;
        const td_tok *nt = n + 1 < s1 ? tk(x, n + 1) : NULL;
        if (!office || lower_word(x, n) || (tk(x, n)->flags & TD_TOK_DIGIT) ||
            (nt && (tok_cap(x, n + 1) || tok_in(x, n + 1, W_PART) || tok_is(x, n + 1, "&"))))
          len = 0;
      }
      if (len > 0) {
        person_from_run(x, n, n + len, d, &c, s0, s1);
        i = n + len;
        continue;
      }
      /* a title alone joins the person holding it here; with a country
       * ("Montenegro's prime minister") it names an office holder even
       * when the article never gives the name */
      if (len == 0 && (c.country || tok_is(x, i - 1, "the"))) {
        long of_end = title_of(x, d, &c, s0, s1); /* "the president of Armenia" */
        if (!c.country && !c.org) c.country = title_own_country(x, d); /* the Home Secretary */
        int k = person_for_title(x, d, &c);
        long from = c.country ? c.start : i;
        if (k < 0 && c.country) {
          char *role = field(x, d->payload, 1, '|');
          char *key = name_key(x, td_arena_printf(&x->doc->arena, "%s %s", c.country, role));
          k = find_entity(x, key);
          if (k < 0) {
            k = new_actor(x, key, span_text(x, from, of_end ? of_end : d->tok1), "person");
            A(x, k)->known = 0;
            A(x, k)->role = c.rank ? td_arena_printf(&x->doc->arena, "%s %s", c.rank, role) : role;
            A(x, k)->country = td_arena_strdup(&x->doc->arena, c.country);
            A(x, k)->sector = title_sector(x, d, s0, s1);
            A(x, k)->role_past = c.past != 0;
            A(x, k)->code = A(x, k)->sector
                                ? code_of(x, c.country, c.past == 2 ? "ELI" : A(x, k)->sector)
                                : NULL;
            x->ai[k].role_key = name_key(x, A(x, k)->role);
          }
        }
        if (k >= 0) {
          add_mention(x, k, from, d->tok1);
          note_speaker(x, k, from, d->tok1);
        }
      }
      i = d->tok1;
      continue;
    }
    if (d && given_place(x, d, s0, s1)) {
      person_from_run(x, d->tok0, d->tok1 + 1, NULL, NULL, s0, s1);
      i = d->tok1 + 1;
      continue;
    }
    if (d && surname_country(x, d, s0, s1)) {
      i = d->tok1;
      continue;
    }
    if (d && is_cls(d, "country")) {
      const char *iso = d->payload;
      const dm *sec = sector_after(x, d->tok1, s0, s1);
      const dm *after = sec ? match_at(x, sec->tok1, s0, s1) : NULL;
      add_name(x, d->tok0, d->tok1,
               is_cls(d, "country.adj") || is_cls(d, "country.people") ? TD_NE_MISC : TD_NE_LOC);
      if (x->want_names && x->nnames && is_cls(d, "country") && !is_cls(d, "country.capital"))
        x->names[x->nnames - 1].country = 1;
      /* `ethnic Albanians`: people of the country they live in */
      const char *home = ethnic_home(x, d, s0);
      long g0 = home ? (long)d->tok0 - 1 : (long)d->tok0;
      /* `Qatari and Egyptian mediators`, `British, French and German
       * troops`: a demonym in a list of demonyms before a group's word
       * is a group of its own country, of that sector */
      if (!sec && !home && is_cls(d, "country.adj")) {
        long j = d->tok1;
        for (int n = 0; n < 3 && j + 1 < s1 && (tok_is(x, j, "and") || tok_is(x, j, ",")); n++) {
          if (tok_is(x, j, ",") && tok_is(x, j + 1, "and")) j++;
          const dm *d2 = match_at(x, j + 1, s0, s1);
          if (!d2 || (long)d2->tok0 != j + 1 || !is_cls(d2, "country.adj")) break;
          const dm *sec2 = sector_after(x, d2->tok1, s0, s1);
          if (sec2 && !is_cls(sec2, "sector.body") && name_run(x, sec2->tok1, s0, s1) == 0) {
            int k = group_actor(x, iso, sec2->payload, d->tok0, d->tok1);
            note_speaker(x, k, d->tok0, d->tok1);
            break;
          }
          j = (long)d2->tok1;
        }
      }
      if (sec && !(after && is_cls(after, "org")) && name_run(x, sec->tok1, s0, s1) == 0) {
        int k = is_cls(sec, "sector.body")
                    ? body_actor(x, iso, sec, d->tok0)
                    : group_actor(x, home ? home : iso, sec->payload, g0, sec->tok1);
        if (body_name(x, sec)) add_name(x, sec->tok0, sec->tok1, TD_NE_ORG); /* Foreign Ministry */
        note_speaker(x, k, g0, sec->tok1);
        i = sec->tok1;
        continue;
      }
      if (home && is_cls(d, "country.people")) {
        int k = group_actor(x, home, "CVL", g0, d->tok1);
        note_speaker(x, k, g0, d->tok1);
        i = d->tok1;
        continue;
      }
      const dm *nx = match_at(x, d->tok1 + (poss_tok(x, d->tok1) ? 1 : 0), s0, s1);
      /* (a surname that opens a longer name is a given name there:
       * `Britain's Kelly Holmes` is no Ruth Kelly) */
      int before_title = nx && (is_cls(nx, "title") ||
                                (is_cls(nx, "person") &&
                                 !(is_surname(nx) && name_run(x, (long)nx->tok0, s0, s1) > 1)));
      int before_org = nx && is_cls(nx, "org");
      /* a capital after a place preposition ("a meeting in Washington")
       * stays an actor mention: event coders code it (a centre in Tokyo);
       * a capital that datelines the paragraph (`LONDON —`) does not */
      if (!is_cls(d, "country.adj") && !before_title && !before_org &&
          !currency_after(x, d->tok1, s1) && !utility_word(x, d->tok1, s1) &&
          !(is_cls(d, "country.capital") && dateline_place(x, d->tok0, d->tok1, s1))) {
        int k = country_actor(x, iso, d->tok0, d->tok1,
                              is_cls(d, "country.capital") || is_cls(d, "country.people") ? 0 : 1);
        note_speaker(x, k, d->tok0, d->tok1);
      }
      i = d->tok1;
      continue;
    }
    if (d && is_cls(d, "org")) {
      /* `Treasury bonds`, `ten-year Treasury yields`: the government's
       * paper, which does nothing; a name but no actor */
      static const char *const paper[] = {"bond", "bonds", "bill", "bills", "note", "notes",
                                          "yield", "yields", "securities", "prices", "market",
                                          "auction", "auctions", "futures", NULL};
      if (d->tok1 < (uint32_t)s1 && td_str_in(tk(x, d->tok1)->norm, paper) &&
          strncmp(field(x, d->payload, 1, '|'), "treasury", 8) == 0) {
        if (tok_cap(x, d->tok0)) add_name(x, d->tok0, d->tok1, TD_NE_ORG);
        i = d->tok1;
        continue;
      }
      const dm *prev = match_ending(x, i - 1, s0, s1);
      if (!prev && poss_tok(x, i - 1)) prev = match_ending(x, i - 2, s0, s1);
      const char *ctx = dm_country(prev);
      /* a body many countries have, named bare (`the Senate`, `the
       * Treasury`, an org.gov entry with no country): of the country the
       * article is about, when it names one */
      if (!ctx && is_cls(d, "org.gov") && !*field(x, d->payload, 3, '|')) {
        ctx = sentence_country(x, i, s0, s1);
        if (!ctx) ctx = topic_country(x);
      }
      int k = org_actor(x, d, ctx);
      note_speaker(x, k, d->tok0, d->tok1);
      if (tok_cap(x, d->tok0)) add_name(x, d->tok0, d->tok1, TD_NE_ORG); /* not "congress" */
      i = d->tok1;
      continue;
    }
    if (d && is_cls(d, "sector")) {
      /* officials in Seoul, the military of North Korea */
      long n = d->tok1;
      /* officials from both nations (actors.pair_of) */
      const arule *po = x->pair[0] ? rule_at(x, AR_PAIR_OF, n) : NULL;
      if (po) {
        int k = pair_actor(x, d->payload, descr_start(x, d, s0), po->t1);
        note_speaker(x, k, i, po->t1);
        i = po->t1;
        continue;
      }
      if (strcmp(d->cls, "sector") == 0 && !sector_modifier(x, n, s1) &&
          !tok_is(x, n, "in") && !tok_is(x, n, "of") && !tok_is(x, n, "from")) {
        int k = descriptive_actor(x, d, s0, s1);
        if (k >= 0) {
          i = d->tok1;
          continue;
        }
      }
      /* (not the head of a country's group whose sector word stands right
       * before it: `U.S. military advisers in Iraq` are no Iraqi ones;
       * `Muslim refugees from Iraq` are) */
      const dm *pd = match_ending(x, i - 1, s0, s1);
      /* (`opposition parties in Nepal`: past a word of the group's
       * members, not of its places or means: `rebel positions in Lebanon`
       * are a target in Lebanon) */
      static const char *const group_words[] = {"parties", "groups", "members", NULL};
      if (n + 1 < s1 && td_str_in(tk(x, n)->norm, group_words) &&
          (tok_is(x, n + 1, "in") || tok_is(x, n + 1, "of") || tok_is(x, n + 1, "from")))
        n++;
      if ((tok_is(x, n, "in") || tok_is(x, n, "of") || tok_is(x, n, "from")) &&
          !(pd && is_cls(pd, "sector") && !is_cls(pd, "sector.people"))) {
        const dm *c = match_at(x, n + 1, s0, s1);
        if (!c && tok_is(x, n + 1, "the")) c = match_at(x, n + 2, s0, s1);
        /* `inhabitants of the Syrian Golan Heights`, `refugees in the
         * Sudanese region of Darfur`: a demonym before a place the
         * dictionary knows or a place's noun is that country's place (not
         * before another name: `officials from the Thai Consulate`) */
        static const char *const place_nouns[] = {"city", "town", "village", "villages",
                                                  "region", "province", "capital", "border",
                                                  "territory", "territories", "enclave",
                                                  "island", "islands", "coast", NULL};
        const td_tok *pl = c && (long)c->tok1 < s1 ? tk(x, (long)c->tok1) : NULL;
        const dm *pm = pl ? match_at(x, (long)c->tok1, s0, s1) : NULL;
        int adj_place = c && is_cls(c, "country.adj") && pl &&
                        ((pm && (long)pm->tok0 == (long)c->tok1 &&
                          (is_cls(pm, "nonactor.place") || is_cls(pm, "place"))) ||
                         td_str_in(pl->norm, place_nouns));
        if (c && is_cls(c, "country") && (!is_cls(c, "country.adj") || adj_place)) {
          int k = group_actor(x, c->payload, d->payload, i, c->tok1);
          note_speaker(x, k, i, c->tok1);
          add_name(x, c->tok0, c->tok1, adj_place ? TD_NE_MISC : TD_NE_LOC);
          i = c->tok1;
          continue;
        }
        /* `the government of Sindh province`, `the police of Gujarat`: of
         * a region the dictionary knows is its country's (not `in`:
         * officials in Geneva are seldom Swiss) */
        if (c && tok_is(x, n, "of") && is_cls(c, "nonactor.place") && c->payload &&
            strlen(c->payload) == 3) {
          long e = (long)c->tok1 < s1 && tok_is(x, (long)c->tok1, "province") ? c->tok1 + 1 : c->tok1;
          int k = group_actor(x, c->payload, d->payload, i, e);
          note_speaker(x, k, i, e);
          add_name(x, c->tok0, c->tok1, TD_NE_LOC);
          i = e;
          continue;
        }
      }
      /* `opposition parties called for protests`, no country word: the
       * opposition of the country the story is about (not before a name:
       * `opposition party Movement for Change`; not after a name or
       * another entry: `Labour opposition parties`) */
      if (strcmp(d->payload, "OPP") == 0 && strcmp(d->cls, "sector") == 0 && d->tok1 < s1 &&
          (tok_is(x, d->tok1, "parties") || tok_is(x, d->tok1, "party")) && !pd &&
          !(i > s0 && tok_cap(x, i - 1) && i - 1 > s0) &&
          !(d->tok1 + 1 < s1 && tok_cap(x, d->tok1 + 1)) && plain_country(x)) {
        long t0 = i > s0 && (tok_is(x, i - 1, "the") || tok_is(x, i - 1, "main")) ? i - 1 : i;
        if (t0 > s0 && t0 < i && tok_is(x, t0, "main") && tok_is(x, t0 - 1, "the")) t0--;
        int k = group_actor(x, plain_country(x), "OPP", t0, d->tok1 + 1);
        note_speaker(x, k, t0, d->tok1 + 1);
        i = d->tok1 + 1;
        continue;
      }
      i = d->tok1;
      continue;
    }
    if (d && is_cls(d, "nonactor")) {
      /* "Darfur rebels", "Texas officials": a region of a known country
       * before a sector word is a group of that country */
      const dm *sec = is_cls(d, "nonactor.place") && d->payload && strlen(d->payload) == 3
                          ? sector_after(x, d->tok1, s0, s1)
                          : NULL;
      if (sec && !is_cls(sec, "sector.body") && name_run(x, sec->tok1, s0, s1) == 0) {
        add_name(x, d->tok0, d->tok1, TD_NE_LOC);
        int k = group_actor(x, d->payload, sec->payload, d->tok0, sec->tok1);
        note_speaker(x, k, d->tok0, sec->tok1);
        i = sec->tok1;
        continue;
      }
      /* (an abbreviation, nonactor.term: GDP, CEO, is no name at all; nor
       * is a month or a weekday, but a time zone is one: GMT) */
      int zone = is_cls(d, "nonactor.time") && d->payload && strcmp(d->payload, "timezone") == 0;
      add_name(x, d->tok0, d->tok1, is_cls(d, "nonactor.place") ? TD_NE_LOC
                                    : (is_cls(d, "nonactor.time") && !zone) ||
                                            is_cls(d, "nonactor.term")
                                        ? TD_NE_NONE
                                        : TD_NE_MISC);
      if (x->want_names && x->nnames && is_cls(d, "nonactor.place.nation"))
        x->names[x->nnames - 1].country = 1; /* England: a national team */
      i = d->tok1;
      continue;
    }
    if (d && is_cls(d, "place")) {
      add_name(x, d->tok0, d->tok1, TD_NE_LOC);
      i = d->tok1;
      continue;
    }
    /* Mr Greenspan, Mrs May, Dr Kim: an honorific opens a person's name */
    {
      int h = honorific(x, i) ? 1 : -1;
      char hg = h > 0 ? honorific(x, i) : 0;
      long n = i + 1;
      if (h >= 0 && tok_is(x, n, ".")) n++;
      const dm *nd = h >= 0 ? match_at(x, n, s0, s1) : NULL;
      if (nd && is_surname(nd)) { /* the surname branch decides */
        i = n;
        continue;
      }
      if (nd && is_cls(nd, "person") && (long)nd->tok0 == n) {
        known_person(x, nd, NULL);
        i = nd->tok1;
        continue;
      }
      long hl = h >= 0 ? name_run(x, n, s0, s1) : 0;
      /* a nationality after an honorific is a surname (Mr Irish, Mrs
       * English), when no capitalized word follows (Mr French Minister…) */
      if (h >= 0 && !hl && nd && is_cls(nd, "country.adj") && (long)nd->tok0 == n &&
          (long)nd->tok1 == n + 1 && tok_cap(x, n) && !(tk(x, n)->flags & TD_TOK_ALLCAPS) &&
          !(n + 1 < s1 && tok_cap(x, n + 1)))
        hl = 1;
      if (hl > 0) {
        int k = person_from_run(x, n, n + hl, NULL, NULL, s0, s1);
        if (x->ai[k].gender == '-' && hg != '-') x->ai[k].gender = hg;
        i = n + hl;
        continue;
      }
    }
    /* a capitalized name run: a known person's short form, `Name, [title]`,
     * or a given name followed by a surname */
    /* Hurricane Edith, Tropical Storm Orla: a storm, left for the typing
     * (the capital's bit first: perf) */
    long st = i;
    if (!d && tok_cap(x, i) && tok_is(x, i, "tropical") && i + 1 < s1 && tok_is(x, i + 1, "storm"))
      st = i + 1;
    if (!d && tok_cap(x, i) && storm_word(x, st) && st + 1 < s1 && tok_cap(x, st + 1)) {
      long sl = name_run(x, st + 1, s0, s1);
      i = st + 1 + (sl > 0 ? sl : 1);
      continue;
    }
    /* Journalist Patrick Seale, Unseeded Patrick Rafter: a word of the
     * language opening the sentence before a known given name describes
     * the person, no part of the name */
    if (!d && describer(x, i, s0, s1)) {
      i++;
      continue;
    }
    /* `Former-President X` opening the sentence: the marker and its
     * hyphen (actors.former, actors.then) are no part of a name */
    if (!d && i + 1 < s1 && tok_is(x, i + 1, "-") &&
        (rule_at(x, AR_FORMER, i + 1) || rule_at(x, AR_THEN, i + 1))) {
      i += 2;
      continue;
    }
    long len = (!d || is_cls(d, "name")) ? name_run(x, i, s0, s1) : 0;
    if (len > 0) {
      int k = person_for_run(x, i, i + len);
      if (k >= 0) {
        add_mention(x, k, i, i + len);
        note_speaker(x, k, i, i + len);
        add_name(x, i, i + len, TD_NE_PER);
        i += len;
        continue;
      }
      long n = i + len;
      if (len >= 2 && tok_is(x, n, ",") && !opening_phrase(x, s0, i)) {
        /* Name, [the] [country's] [vice] title [of X] */
        static const char *const skip[] = {"the", "a", "an", "vice", "deputy", "acting",
                                           "assistant", "senior", "first", "chief", "'s",
                                           "\xe2\x80\x99s", "former", "then", NULL};
        const dm *title = NULL;
        for (long t = n + 1; t < s1 && t <= n + 7 && !title;) {
          const dm *cm = match_at(x, t, s0, s1);
          if (cm && (long)cm->tok0 == t && is_cls(cm, "title") && !is_cls(cm, "title.plural"))
            title = cm;
          else if (cm && (long)cm->tok0 == t && is_cls(cm, "country"))
            t = cm->tok1;
          else if (!cm && td_str_in(tk(x, t)->norm, skip))
            t++;
          else
            break;
        }
        if (title) {
          tctx c = title_context(x, title->tok0, s0, s1);
          title_of(x, title, &c, s0, s1);
          int pk = person_from_run(x, i, n, title, &c, s0, s1);
          add_mention(x, pk, c.start, title->tok1);
          i = title->tok1;
          continue;
        }
      }
      /* the run's words: a hyphen glued between two (Al-Maeena, split as
       * Al - Maeena) makes them one, unless a word of the language follows
       * it (Jackson-style); a run of two or three tokens as before, or of
       * two or three words */
      long words = len;
      for (long t = i + 1; t + 1 < n; t++)
        if (tok_is(x, t, "-") && (tok_cap(x, t + 1) || !lower_word(x, t + 1)))
          words -= 2;
      int pair = (len >= 2 && len <= 3) || (words >= 2 && words <= 3);
      /* "Ahn Chan-il said", "said Ahn Chan-il", "according to Ahn Chan-il":
       * a proper-noun pair or triple at a statement cue is a person */
      if (pair && !(tk(x, i)->flags & TD_TOK_ALLCAPS) &&
          (is_cue(x, n) || (tok_is(x, n, ",") && is_cue(x, n + 1)) || is_cue(x, i - 1) ||
           (tok_is(x, i - 1, "to") && tok_is(x, i - 2, "according")))) {
        int propn = !described_org(x, i, n) && !program_name(x, i, n);
        /* not a run going on from an organization's name (`the United
         * Nations Emergency Relief Coordinator said`); after a country's,
         * a person it names (`Australian Lynton Crosby said`) */
        const dm *pd = match_at(x, i - 1, s0, s1);
        if (pd && (long)pd->tok1 == i && is_cls(pd, "org")) propn = 0;
        for (long t = i; t < n; t++)
          if ((tk(x, t)->upos && tk(x, t)->upos != TD_PROPN && !tok_is(x, t, "-")) ||
              tok_in(x, t, W_ORG) || tok_in(x, t, W_MISC) || (t == i && tok_in(x, t, W_ORGHEAD)))
            propn = 0;
        if (propn) {
          person_from_run(x, i, n, NULL, NULL, s0, s1);
          i = n;
          continue;
        }
      }
      const dm *g = match_at(x, i, s0, s1);
      if (pair && g && (is_cls(g, "name") || is_surname(g)) && (long)g->tok1 == i + 1 &&
          (team_in_row(x, i, n, s0, s1) || club_in_brackets(x, i, n, s0, s1))) {
        add_name(x, i, n, TD_NE_ORG);
        i = n;
        continue;
      }
      /* (not three words that end in an organization's or a building's
       * word: the Orla Brennick Foundation, the Tomas Velder Space Center;
       * but a surname that is one ends a person's name: Thomas Haden Church) */
      if (pair && g && (is_cls(g, "name") || (is_surname(g) && (family_first(x, g, i) || (x->wf[i] & W_GIVEN)))) &&
          (long)g->tok1 == i + 1 &&
          !(tk(x, i)->flags & TD_TOK_ALLCAPS) &&
          !(words == 3 && tok_in(x, n - 1, W_ORG) && !surname_head(x, i, n, s0)) &&
          !(words == 2 && tok_in(x, n - 1, W_ORG | W_FACILITY) && !surname_word(x, n - 1)) &&
          /* nor a work, a prize or an event named after one: the Benny
           * Hill Show, the Reith Lecture (a surname aside) */
          !(words >= 2 && td_str_in(tk(x, n - 1)->norm, named_for_heads)) &&
          !named_thing(x, i, n, s0, s1)) {
        person_from_run(x, i, n, NULL, NULL, s0, s1);
        i = n;
        continue;
      }
      /* a lone known surname or given name no rule resolved is still a
       * person's name */
      if (len == 1 && g && (is_surname(g) || is_cls(g, "name")) &&
          (long)g->tok1 == i + 1 && !tk_initial(x, i, s0) && !named_thing(x, i, n, s0, s1))
        add_name(x, i, i + 1, TD_NE_PER);
      i += len; /* left for guess_names (eval ner) */
      continue;
    }
    i = d ? (long)d->tok1 : i + 1;
  }
}

/* ---- NER typing of the names the layer did not take ---- */

/* (the prepositions before places, W_LPREP, and people's titles,
 * W_PTITLE, are in wlists) */

/* A lowercase word common enough in English that, capitalized at the start
 * of a sentence, it is most likely not a name ("The", "Results"). The
 * typing asks it of a token many times: the word list is read once a
 * token, its answer kept in x->common (perf). */
static int common_word(const actx *x, long i) {
  if (x->common[i] >= 0) return x->common[i];
  const char *w = tk(x, i)->norm;
  if (strcmp(w, "i") == 0) return x->common[i] = 1;
  return x->common[i] =
             (int8_t)(x->eng->words && td_words_score(x->eng->words, w, strlen(w)) >= 300);
}

/* Nationality-like word: Kurdish, Moslem, Scottish, European, Serbs. */
static int demonym_like(const char *w) {
  size_t n = strlen(w);
  static const char *const suf[] = {"ish", "ian", "ese", "ean", "ern", "ic", NULL};
  for (int k = 0; suf[k]; k++) {
    size_t m = strlen(suf[k]);
    if (n > m + 2 && strcmp(w + n - m, suf[k]) == 0) return 1;
  }
  if (n > 4 && w[n - 1] == 's' && strcmp(w + n - 3, "ies") != 0) /* Chechens, Arabs */
    for (int k = 0; suf[k]; k++) {
      size_t m = strlen(suf[k]);
      if (n - 1 > m + 2 && strncmp(w + n - 1 - m, suf[k], m) == 0) return 1;
    }

  static const char *const names[] = {"serb", "croat", "yugoslav", "bosnian", "slav", "turk",
                                      "briton", "scot", "dane", "swede", "pole", "finn",
                                      "thai", "czech", "iraqi", "israeli", "pakistani", "arab",
                                      "chechen", "azeri", "tamil", "sikh", "hindu", "sunni",
                                      "shiite", "shi'ite", "tutsi", "hutu", "basque", "uzbek",
                                      "kazakh", "tajik", "tatar", "zulu", "maori", "afghan",
                                      "somali", "sudanese", "filipino", "muslim", "moslem",
                                      "christian", "jew", "catholic", "protestant",
                                      "buddhist", "american", "african", "asian", NULL};
  /* a name, or a name and one letter more (Serbs, Iraqis, Jews): only a
   * name of length n or n - 1 can be one (perf: a name's length is read
   * before its letters) */
  for (int k = 0; names[k]; k++) {
    if (names[k][0] != w[0]) continue;
    size_t m = strlen(names[k]);
    if ((m == n || m + 1 == n) && memcmp(w, names[k], m) == 0) return 1;
  }
  /* (moslem, muslim, christian and arab are names above, jewish ends in
   * -ish: no compare of theirs here) */
  return strcmp(w, "kurd") == 0 || strcmp(w, "kurds") == 0;
}

/* Token i names a follower of a creed or of a man's ideas, a word the
 * word list spells only capitalized: Islamist, Zionists, Marxist (not
 * Socialists, a party, nor Economists opening a sentence; a stem of four
 * letters at least: not Christ). */
static int creed_word(const actx *x, long i) {
  const char *w = tk(x, i)->norm;
  size_t n = strlen(w), b = n > 1 && w[n - 1] == 's' ? n - 1 : n;
  if (b < 7 || strncmp(w + b - 3, "ist", 3) != 0 || !x->eng->lemma) return 0;
  uint32_t lc = td_lemma_lexclass(x->eng->lemma, w, b);
  return (lc & TD_LEX_CAPITAL) && !(lc & TD_LEX_LOWER);
}

/* demonym_like of token i's norm: the typing asks it of a run's words
 * again and again, so once a token (x->demonym, perf). */
static int demonym_tok(const actx *x, long i) {
  if (x->demonym[i] < 0) x->demonym[i] = (int8_t)(demonym_like(tk(x, i)->norm) || creed_word(x, i));
  return x->demonym[i];
}

/* Token i is a function word that opens sentences (The, But, In, A). */
static int opener_word(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  if (x->wf[i] & W_OPENER) return 1;
  return t->upos == TD_DET || t->upos == TD_CCONJ || t->upos == TD_ADP ||
         t->upos == TD_SCONJ || t->upos == TD_PRON;
}

/* Some token of [i, j) is a common English word (AUGUST, DRAW), one the
 * word list spells lowercase too: a frequent name is none (TEXAS,
 * HOUSTON in a standings table). */
static int any_common(const actx *x, long i, long j) {
  for (long t = i; t < j; t++)
    if (common_word(x, t) && lower_word(x, t)) return 1;
  return 0;
}

/* Every token of [i, j) is in capitals. */
static int caps_run(const actx *x, long i, long j) {
  for (long t = i; t < j; t++)
    if (!(tk(x, t)->flags & TD_TOK_ALLCAPS)) return 0;
  return 1;
}

/* Token i is a date written 1996-08-30. (Inline, as vs_word: the typing
 * asks them of every token, perf.) */
static inline int date_tok(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  return t->end - t->start == 10 && x->doc->text[t->start + 4] == '-' &&
         x->doc->text[t->start + 7] == '-';
}

/* Token i is in capitals and joins two teams: AT, VS, V. */
static inline int vs_word(const actx *x, long i) {
  return (tk(x, i)->flags & TD_TOK_ALLCAPS || tok_is(x, i, "v") || tok_is(x, i, "vs")) &&
         (tok_is(x, i, "at") || tok_is(x, i, "vs") || tok_is(x, i, "vs.") || tok_is(x, i, "v"));
}

/* Token i is a cricket innings' total, runs and wickets (`392-6`,
 * `128-1`): not a tennis set (`6-4`) nor a bowler's figures. */
static int innings_total(const actx *x, long i) {
  const char *p = x->doc->text + tk(x, i)->start, *e = x->doc->text + tk(x, i)->end;
  int runs = 0, wickets = 0, nr = 0, nw = 0;
  while (p < e && isdigit((unsigned char)*p)) runs = runs * 10 + (*p++ - '0'), nr++;
  if (p == e || *p++ != '-') return 0;
  while (p < e && isdigit((unsigned char)*p)) wickets = wickets * 10 + (*p++ - '0'), nw++;
  return p == e && nr >= 2 && nr <= 3 && runs >= 30 && nw == 1;
}

/* Token i is a plain whole number (a score, not 6-4 or 1996-08-30). */
static int plain_int(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  for (uint32_t p = t->start; p < t->end; p++)
    if (!isdigit((unsigned char)x->doc->text[p])) return 0;
  return t->end > t->start;
}

/* Token i is a plain whole number: 1 below 10 (a score, a count of
 * games), 2 from 10; 0 when it is no plain number. */
static int small_int(const actx *x, long i) {
  if (i < 0 || (size_t)i >= x->doc->ntoks || !plain_int(x, i)) return 0;
  return tk(x, i)->end - tk(x, i)->start == 1 ? 1 : 2;
}

/* The sentence [s0, s1) is `Name N Name M`: two capitalized names of one to
 * three words, each followed by a plain number (a match result). */
static int score_row(const actx *x, long s0, long s1) {
  long i = s0;
  for (int side = 0; side < 2; side++) {
    long k = i;
    while (k < s1 && k - i < 3 && tok_cap(x, k) && !(tk(x, k)->flags & (TD_TOK_DIGIT | TD_TOK_PUNCT)))
      k++;
    if (k == i || k >= s1 || !plain_int(x, k)) return 0;
    i = k + 1;
  }
  return i == s1;
}


/* Mostly upper-case sentence [s0, s1): a headline or a results line.
 * Asked once a sentence (x->shout), then remembered. */
static int shouting(const actx *x, long s0, long s1) {
  if (s0 >= s1) return 0;
  int8_t *memo = &x->shout[tk(x, s0)->sent];
  if (*memo >= 0) return *memo;
  int caps = 0, words = 0;
  for (long i = s0; i < s1; i++) {
    if (tk(x, i)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT)) continue;
    words++;
    caps += (tk(x, i)->flags & TD_TOK_ALLCAPS) != 0;
  }
  return *memo = (int8_t)(words >= 2 && caps * 10 >= words * 6);
}

/* Some dictionary entry of class c begins at token i (any sentence). */
static int entry_at(const actx *x, long i, const char *c) {
  size_t si = tk(x, i)->sent;
  for (size_t k = x->first[si]; k < x->first[si + 1]; k++)
    if ((long)x->all[k].tok0 == i && is_cls(&x->all[k], c)) return 1;
  return 0;
}

/* The run [i, j) is named by the common noun next to it as an
 * organization: `telecoms group Ulvik Tele`, `Belgian club Gorvan
 * Heath`, `the daily Dagvast Morgen`, `Le Vorbe newspaper`. A title
 * opening the run (`bank Governor Hans Tietmeyer`) is a person's. */
static int org_described(const actx *x, long i, long j, long s0, long s1) {
  /* the noun first (perf: most runs have none); the Maputo daily
   * Noticias: the paper is the name after it */
  int noun = (i > s0 && !tok_cap(x, i - 1) && tok_in(x, i - 1, W_DESC_B)) ||
             (j < s1 && !tok_cap(x, j) && tok_in(x, j, W_DESC_A) &&
              (j + 1 >= s1 || !tok_cap(x, j + 1)));
  if (!noun || tok_in(x, i, W_PTITLE) || entry_at(x, i, "title") ||
      entry_at(x, i, "person") || entry_at(x, i, "name"))
    return 0;
  /* The newspaper said; group C */
  return !(j - i == 1 && (common_word(x, i) || opener_word(x, i) || strlen(tk(x, i)->norm) <= 2));
}

/* Token i is an initial: one capital letter and a full stop (`S.`). */
static int initial_tok(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  const char *w = x->doc->text + t->start;
  return t->end - t->start == 2 && isupper((unsigned char)w[0]) && w[1] == '.';
}

/* Token i is a bowler's figures, overs-maidens-runs-wickets: 10-0-43-2,
 * 9.5-0-44-1. */
static int bowling_figures(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  int dashes = 0;
  for (uint32_t p = t->start; p < t->end; p++) {
    char c = x->doc->text[p];
    if (c == '-') dashes++;
    else if (!isdigit((unsigned char)c) && c != '.') return 0;
  }
  return dashes == 3;
}

/* Some token of [t0, t1) is an organization head word. */
static int any_org_word(const actx *x, long t0, long t1) {
  for (long t = t0; t < t1; t++)
    if (tok_in(x, t, W_ORG)) return 1;
  return 0;
}

/* Every word of [t0, t1) is a nationality's word or a direction before
 * one, and the last a nationality's (`Kurds`, `North Africans`, `Far
 * Eastern`): Slavic surnames in -ic (`Gordana Kukic`) stay names. */
static int all_demonyms(const actx *x, long t0, long t1) {
  static const char *const dirs[] = {"north", "south", "east", "west", "far", "latin", "central",
                                     "northern", "southern", "eastern", "western", "middle",
                                     "northeast", "northwest", "southeast", "southwest", NULL};
  if (t1 <= t0 || !demonym_tok(x, t1 - 1)) return 0;
  for (long t = t0; t < t1; t++)
    if (tok_in(x, t, W_ORG) || (!demonym_tok(x, t) && !td_str_in(tk(x, t)->norm, dirs)))
      return 0;
  return 1;
}

/* Token i is a quotation mark (straight, doubled or curly). Asked of
 * every token by titled_names: the first byte turns nearly all of them
 * away before the six compares (perf). */
static int quote_tok(const actx *x, long i) {
  if (i < 0 || (size_t)i >= x->doc->ntoks) return 0;
  unsigned char c = (unsigned char)tk(x, i)->norm[0];
  if (c != '"' && c != '`' && c != '\'' && c != 0xe2) return 0;
  return tok_is(x, i, "\"") || tok_is(x, i, "``") || tok_is(x, i, "''") || tok_is(x, i, "'") ||
         tok_is(x, i, "\xe2\x80\x9c") || tok_is(x, i, "\xe2\x80\x9d");
}

/* Tokens a and b are an opening and a closing quotation mark of one
 * kind (`"` and `"`, `` and '', curly), not a quote and a plural's
 * apostrophe (`" Welsh National Farmers ' Union`). */
static int quote_pair(const actx *x, long a, long b) {
  if (tok_is(x, a, "\"")) return tok_is(x, b, "\"");
  if (tok_is(x, a, "'")) return tok_is(x, b, "'");
  if (tok_is(x, a, "``")) return tok_is(x, b, "''");
  return tok_is(x, a, "\xe2\x80\x9c") && tok_is(x, b, "\xe2\x80\x9d");
}

/* Token t (`of`) follows a head word that names an organization after a
 * place as often as not (`University of Lille`, `Bank of Varnia`): the
 * words after it alone are the place, not the organization. */
static int place_head_of(const actx *x, long t) {
  return td_str_in(tk(x, t - 1)->norm, of_place_heads) || tok_in(x, t - 1, W_FACILITY);
}

#define NE_WEAK 0x100 /* guess_type: a last-resort guess */
#define NE_SURE 0x200 /* guess_type: named by the word next to it */
#define NE_FIRM 0x400 /* guess_type: a firm by what it has (firm_acts) */

/* The one word [i, i + 1) of sentence [s0, s1) acts as an organization
 * in its sentence: it speaks of itself as `it` at a statement cue
 * (`Zorvane said it would`, `said in a statement`), or the story names
 * its officials, members or spokesman (`Zorvane officials`, `members of
 * Zorvane`, `a spokesman for Zorvane`). Not a common word, a
 * nationality, a pronoun or a common noun the tagger saw (`Supporters
 * say it`), nor a known given name. */
static int org_word_ok(const actx *x, long i);

/* The one word i of sentence [s0, s1) is a firm's name by what it has and
 * a town has not: its stock or shares in the possessive (`Zenith 's stock
 * soared`; not a `stock market` or an `exchange`), or a stake in it (`a
 * majority stake in Zenith`). The typing then takes it for a firm before
 * too, where a preposition or the gazetteer alone made it a place
 * (firm_before). */
static int firm_acts(const actx *x, long i, long s0, long s1) {
  static const char *const holdings[] = {"stock", "shares", "stake", "stakes", "shareholders",
                                         "subsidiary", "subsidiaries", NULL};
  int ctx = (i + 2 < s1 && poss_tok(x, i + 1) && td_str_in(tk(x, i + 2)->norm, holdings) &&
             !(i + 3 < s1 && (tok_is(x, i + 3, "market") || tok_is(x, i + 3, "exchange")))) ||
            (i >= s0 + 2 && tok_is(x, i - 1, "in") &&
             (tok_is(x, i - 2, "stake") || tok_is(x, i - 2, "stakes")));
  /* (not the end of a name a hyphen joins: Alfa-Eco 's stake) */
  int glued = i > s0 && tok_is(x, i - 1, "-") && !(tk(x, i)->flags & TD_TOK_SPACE_BEFORE);
  return ctx && !glued && org_word_ok(x, i);
}

static int org_acts(const actx *x, long i, long s0, long s1) {
  long j = i + 1;
  if (j + 1 < s1 && tok_is(x, j, "also") && is_cue(x, j + 1)) j++; /* Zenith also said it */
  /* the words around first: few words have them (perf) */
  int ctx = (j + 1 < s1 && is_cue(x, j) &&
             (tok_is(x, j + 1, "it") || tok_is(x, j + 1, "its") ||
              (j + 3 < s1 && tok_is(x, j + 1, "in") && tok_is(x, j + 2, "a") &&
               tok_is(x, j + 3, "statement")))) ||
            (j < s1 && tok_in(x, j, W_MEMBER) && !tok_is(x, j, "member") &&
             !tok_is(x, j, "founder")) ||
            (i >= s0 + 2 && tok_in(x, i - 2, W_MEMBER) &&
             (tok_is(x, i - 1, "of") || tok_is(x, i - 1, "for")));
  if (!ctx) return 0;
  /* a town's officials, not an organization's: `Tarvik officials said
   * the town would rebuild` (a place word in the sentence) */
  static const char *const place_words[] = {"town", "city", "village", "county", "mayor",
                                            "province", "district", "municipal", "township", NULL};
  for (long t = s0; t < s1; t++)
    if (td_str_in(tk(x, t)->norm, place_words)) return 0;
  return org_word_ok(x, i);
}

/* The one word i may be an organization's name: no common word, people's
 * word, title, honorific, party's adjective or name of a person. */
static int org_word_ok(const actx *x, long i) {
  static const char *const party_adjs[] = {"tory", "dem", "lib", NULL}; /* Tory officials */
  return !common_word(x, i) && !demonym_tok(x, i) &&
         (!tk(x, i)->upos || tk(x, i)->upos == TD_PROPN) && !(tk(x, i)->flags & TD_TOK_ALLCAPS) &&
         tk(x, i)->end - tk(x, i)->start >= 2 && !tok_in(x, i, W_PTITLE) && !honorific(x, i) &&
         !td_str_in(tk(x, i)->norm, party_adjs) && !entry_at(x, i, "name") &&
         !entry_at(x, i, "person");
}

/* A dictionary title (not a plural) ends on token t and is no noun of
 * its own after an article: `General`, `Foreign Minister`, not `the
 * General Election`. */
static int title_ends(const actx *x, long t) {
  if (t < 0 || !tok_cap(x, t)) return 0; /* (most tokens: perf) */
  size_t si = tk(x, t)->sent;
  long s0 = x->doc->sents[si].tok0;
  for (size_t k = x->first[si]; k < x->first[si + 1]; k++) {
    const dm *d = &x->all[k];
    if ((long)d->tok1 == t + 1 && is_cls(d, "title") && !is_cls(d, "title.plural"))
      return !((long)d->tok0 > s0 &&
               (tok_is(x, d->tok0 - 1, "the") || tok_is(x, d->tok0 - 1, "a")));
  }
  return 0;
}

/* The one word [i, i + 1) of sentence [s0, s1) is named as a person: a
 * kinship word before it (`his wife Lenka`), or an age in commas after
 * it (`Duvane , 45 ,`). */
static const char *const kin_words[] = {"wife", "husband", "son", "daughter", "brother",
                                        "sister", "mother", "father", "widow", "widower",
                                        "cousin", "uncle", "aunt", "nephew", "niece", "grandson",
                                        "granddaughter", "girlfriend", "boyfriend", "fiancee",
                                        "fiance", NULL};
static int person_context(const actx *x, long i, long s0, long s1) {
  if (i > s0 && !tok_cap(x, i - 1) && td_str_in(tk(x, i - 1)->norm, kin_words)) return 1;
  return i + 3 < s1 && tok_is(x, i + 1, ",") && tok_is(x, i + 3, ",") && plain_int(x, i + 2) &&
         tk(x, i + 2)->end - tk(x, i + 2)->start == 2;
}

/* Token t, lowercase, is a name particle glued to a capitalized word
 * in one token: `al-Rashid`, `el-Sayed` (a text tokenized apart, `al -
 * Rashid`, has glued_part). */
static int glued_particle(const actx *x, long t) {
  const char *w = x->doc->text + tk(x, t)->start;
  size_t n = tk(x, t)->end - tk(x, t)->start;
  return n > 4 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' && w[2] == '-' &&
         isupper((unsigned char)w[3]);
}

static const char *const compass_words[] = {"north", "south", "east", "west", "northeast",
                                            "northwest", "southeast", "southwest", NULL};

static int found_cb(void *ctx, const td_match *m) {
  (void)m;
  *(int *)ctx = 1;
  return 1;
}

/* Token i is a word for a man or a woman of a people: a nationality's
 * word the dictionary knows and -man, -woman, -men or -women
 * (`Frenchman`, `Dutchwomen`). */
static int people_man(const actx *x, long i) {
  const char *w = x->doc->text + tk(x, i)->start;
  size_t n = tk(x, i)->end - tk(x, i)->start, stem = 0;
  static const char *const ends[] = {"woman", "women", "man", "men", NULL};
  for (int k = 0; ends[k] && !stem; k++) {
    size_t m = strlen(ends[k]);
    if (n > m + 3 && strncmp(w + n - m, ends[k], m) == 0) stem = n - m;
  }
  if (!stem || stem >= 32) return 0;
  char buf[32];
  memcpy(buf, w, stem);
  buf[stem] = 0;
  static const char *const cls[] = {"country.adj", NULL};
  int found = 0;
  td_dict_lookup(x->eng->dict, buf, cls, found_cb, &found);
  return found;
}

/* Token i is the minute of a match written as an ordinal: 7th, 65th,
 * 90th (one to three digits and st, nd, rd or th). */
static int minute_tok(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  const char *w = x->doc->text + t->start;
  size_t n = t->end - t->start, d = 0;
  while (d < n && isdigit((unsigned char)w[d])) d++;
  if (d < 1 || d > 3 || n != d + 2) return 0;
  const char *e = tk(x, i)->norm + d;
  return strcmp(e, "st") == 0 || strcmp(e, "nd") == 0 || strcmp(e, "rd") == 0 ||
         strcmp(e, "th") == 0;
}

/* Token i, in capitals, is a word of the language of four letters or
 * more that the word list never spells as a name (NOTES, SALES, SERIES;
 * not NATO, OPEC). */
static int caps_word(const actx *x, long i) {
  const char *w = tk(x, i)->norm;
  size_t n = strlen(w);
  if (n < 4 || !x->eng->lemma || entry_at(x, i, "org")) return 0;
  uint32_t lc = td_lemma_lexclass(x->eng->lemma, w, n);
  return (lc & TD_LEX_LOWER) && !(lc & TD_LEX_CAPITAL);
}

/* Every word of [i, j) is a word of the language that the word list
 * never spells as a name, and no known given name. */
static int lang_words(const actx *x, long i, long j) {
  if (!x->eng->lemma) return 0;
  for (long t = i; t < j; t++) {
    const char *w = tk(x, t)->norm;
    uint32_t lc = td_lemma_lexclass(x->eng->lemma, w, strlen(w));
    if (!(lc & TD_LEX_LOWER) || (lc & TD_LEX_CAPITAL) || entry_at(x, t, "name")) return 0;
  }
  return 1;
}

/* The run [t0, t1) names a document: a document's head word followed by
 * `of` or `on` inside it (`European Convention on Human Rights`). */
static int doc_name(const actx *x, long t0, long t1) {
  for (long t = t0; t + 1 < t1; t++)
    if ((tok_is(x, t + 1, "of") || tok_is(x, t + 1, "on")) && td_str_in(tk(x, t)->norm, doc_heads))
      return 1;
  return 0;
}

/* The type of the unknown capitalized run [i, j) of sentence [s0, s1), or
 * TD_NE_NONE. `out` holds the names typed so far in the document. */
/* Token t, capitalized and not opening its sentence (from s0), is a
 * plural of people that heads the name of an order or a society before
 * `of` (`Missionaries of Charity`, `Friends of the Earth`, `Daughters of
 * the American Revolution`; not knights: `Knights of the Old Republic`, a
 * game, as often as an order). */
static int society_head(const actx *x, long t, long s0) {
  static const char *const heads[] = {"missionaries", "sisters", "brothers", "daughters",
                                      "friends", "soldiers", "servants",
                                      "guardians", "partisans", "martyrs", "disciples",
                                      "companions", NULL};
  return t > s0 && tok_cap(x, t) && !(tk(x, t)->flags & TD_TOK_ALLCAPS) &&
         td_str_in(tk(x, t)->norm, heads);
}

/* The one word [i, j) and a figure are the whole line [s0, s1), the word
 * one of the language in lowercase and no given name: a scorecard's or a
 * table's heading (`Extras 9`, `Total 326`), no team (`Bury 4 Bristol
 * City 0` goes on). */
static int row_heading(const actx *x, long i, long j, long s0, long s1) {
  return j == i + 1 && i == s0 && j + 1 == s1 && (tk(x, j)->flags & TD_TOK_DIGIT) &&
         lower_word(x, i) && !entry_at(x, i, "name");
}

static int guess_type(actx *x, long i, long j, long s0, long s1, const td_ne *out, size_t nout) {
  long len = j - i;
  const char *w0 = tk(x, i)->norm;
  int initial = i == s0 || tok_is(x, i - 1, "\"") || tok_is(x, i - 1, "``") ||
                tok_is(x, i - 1, "(") || tok_is(x, i - 1, "-") || tok_is(x, i - 1, ":");
  int shout = shouting(x, s0, s1);
  /* a fixture line of a sports story: HOUSTON AT PITTSBURGH, the visitors
   * a team, the venue after AT a place; both sides of VS teams */
  if (x->sports && shout && !any_common(x, i, j) && !vs_word(x, i)) {
    if (i - 2 >= s0 && vs_word(x, i - 1)) return tok_is(x, i - 1, "at") ? TD_NE_LOC : TD_NE_ORG;
    if (j + 1 < s1 && vs_word(x, j) && tok_cap(x, j + 1)) return TD_NE_ORG;
  }
  /* the aircraft carrier X: a ship (before org_described, where a
   * carrier is an airline) */
  if (!shout && len <= 3 && (named_thing(x, i, j, s0, s1) & 1)) return TD_NE_MISC | NE_SURE;
  if (!shout && org_described(x, i, j, s0, s1)) return TD_NE_ORG | NE_SURE;
  /* Banco de Lisboa, Partido Popular: an organization's head word of
   * another language opens its name */
  if (!shout && len >= 2 && tok_in(x, i, W_ORGHEAD)) return TD_NE_ORG | NE_SURE;
  /* Jiangsu province, the Pamir mountains, Orvale stadium */
  if (!shout && len <= 3 && j < s1 && !tok_cap(x, j) && tok_in(x, j, W_PLACE) &&
      !any_org_word(x, i, j) && !demonym_tok(x, j - 1) && !common_word(x, j - 1))
    return TD_NE_LOC | NE_SURE;
  /* the same words typed before in this document, or a known surname */
  /* one word that acts as an organization here (org_acts) is one, unless
   * a person's name typed before holds it (people are named in full
   * first: `Tomas Ravel` ... `Ravel said it was`) */
  int firm = len == 1 && !shout && firm_acts(x, i, s0, s1);
  int acts = firm || (len == 1 && !shout && org_acts(x, i, s0, s1));
  int lead = -1; /* the run's first word may open an organization's name (asked once) */
  for (size_t k = 0; k < nout && k < NE_WINDOW; k++) {
    const td_ne *p = &out[nout - 1 - k];
    /* each test below wants w0 as p's first or last word: a name whose
     * first and last words begin with another letter is passed over
     * (perf: most names) */
    if (!p->type || (tk(x, p->tok0)->norm[0] != w0[0] && tk(x, p->tok1 - 1)->norm[0] != w0[0]))
      continue;
    if (p->tok1 - p->tok0 == (uint32_t)len) {
      if (same_norms(x, p->tok0, i, len))
        return (acts && (p->type == TD_NE_ORG || p->weak)) || (firm && p->type != TD_NE_PER)
                   ? TD_NE_ORG | NE_SURE | (firm ? NE_FIRM : 0)
                   : p->type;
    } else if (p->type == TD_NE_ORG && p->tok1 - p->tok0 > (uint32_t)len) {
      /* Magna after Magna International Inc */
      if (lead < 0) lead = !common_word(x, i) && !opener_word(x, i);
      if (lead && same_norms(x, p->tok0, i, len)) return TD_NE_ORG;
      /* Zorvanism after Church of Zorvanism: the words after `of` */
      if (lead && p->tok1 - p->tok0 >= (uint32_t)len + 2 && tok_is(x, p->tok1 - len - 1, "of") &&
          !place_head_of(x, p->tok1 - len - 1) && same_norms(x, p->tok1 - len, i, len) && p->sure)
        return TD_NE_ORG | NE_SURE;
    } else if (p->type == TD_NE_PER && len == 1 && p->tok1 - p->tok0 >= 2 &&
               !(tk(x, i)->flags & TD_TOK_ALLCAPS) &&
               (same_norms(x, p->tok1 - 1, i, 1) || same_norms(x, p->tok0, i, 1))) {
      return TD_NE_PER; /* (an acronym is no part of a person's name: USI) */
    }
  }
  if (acts) return TD_NE_ORG | NE_SURE | (firm ? NE_FIRM : 0);
  /* Virginia Power, Ohio Edison: a utility's word right after a place
   * the dictionary names ends a firm's name (extend_names joins them) */
  if (len == 1 && nout && out[nout - 1].tok1 == (uint32_t)i && out[nout - 1].type == TD_NE_LOC &&
      utility_word(x, i, s1))
    return TD_NE_ORG | NE_SURE;
  if (len == 1 && strlen(w0) == 1) return TD_NE_NONE; /* I, A */
  if (len == 1 && people_man(x, i)) return TD_NE_MISC; /* Frenchman */
  /* Sir Henry ..., Iraq 's Deputy Prime Minister: a title is no name, nor
   * is the portfolio before one (Education Minister X), unless a body
   * (Assembly speaker) or an adjective (Communist leader) */
  if (len == 1 && (tok_in(x, i, W_PTITLE) || entry_at(x, i, "title"))) return TD_NE_NONE;
  if (len == 1 && j < s1 && entry_at(x, j, "title") && !tok_in(x, i, W_ORG) &&
      tk(x, i)->upos != TD_ADJ && !demonym_tok(x, i) && !tok_is(x, i, "house"))
    return TD_NE_NONE;
  /* a match report's scorers: `( Varne 65th , Tomas Holm 89th )`, a
   * name before the minute of its goal */
  if (x->sports && len <= 3 && j < s1 && i > s0 && minute_tok(x, j) &&
      (tok_is(x, i - 1, "(") || tok_is(x, i - 1, ",") || tok_is(x, i - 1, ";")))
    return TD_NE_PER;
  /* Anto Drobnjak ( Bastia ): in a sports story a player's club in
   * brackets after the player's name (the bracket may open a table's
   * next line; `( both Sokol Tychy )` after two players) */
  if (x->sports && len <= 3 && i > s0 && j < s1 && tok_is(x, j, ")") && nout &&
      out[nout - 1].type == TD_NE_PER) {
    long b = tok_is(x, i - 1, "both") && i - 1 > s0 ? i - 2 : i - 1;
    if (tok_is(x, b, "(") && out[nout - 1].tok1 == (uint32_t)b) return TD_NE_ORG;
  }
  /* S. Law, P. Such: an initial before a surname (not S. African) */
  if (len >= 2 && initial_tok(x, i) && !initial_tok(x, i + 1) && !demonym_tok(x, i + 1) &&
      !(tk(x, i + 1)->flags & TD_TOK_ALLCAPS))
    return TD_NE_PER;
  /* a cricket scorecard: the fielder and bowler after c, st, b and lbw,
   * a bowler before his figures (Jayasuriya 10-0-43-2) */
  if (x->sports && len == 1 && !any_common(x, i, j) &&
      ((i > s0 && (tok_is(x, i - 1, "c") || tok_is(x, i - 1, "b") || tok_is(x, i - 1, "st") ||
                   tok_is(x, i - 1, "lbw"))) ||
       (j < s1 && bowling_figures(x, j))))
    return TD_NE_PER;
  {
    /* C$, A$, HK$: a dollar named by its country is a currency (MISC) */
    const char *w = x->doc->text + tk(x, i)->start;
    size_t wn = tk(x, i)->end - tk(x, i)->start;
    if (len == 1 && wn >= 2 && wn <= 4 && w[wn - 1] == '$') {
      size_t k = 0;
      while (k + 1 < wn && isupper((unsigned char)w[k])) k++;
      if (k + 1 == wn) return TD_NE_MISC;
    }
    if (memchr(w, '$', wn)) return TD_NE_NONE;
  }
  if (len >= 2 && (tok_in(x, j - 1, W_MISC) || doc_name(x, i, j))) return TD_NE_MISC;
  if (program_name(x, i, j)) return TD_NE_MISC | NE_WEAK;
  /* " Wind over Karst ", " Copper Rain ": a title in quotes */
  if (len >= 2 && i > s0 && j < s1 && quote_pair(x, i - 1, j) &&
      !any_org_word(x, i, j))
    return TD_NE_MISC;
  /* Cremonese 2 Udinese 1, Juventude 2 Internacional 1: in a sports
   * story a side of a results row is a team, a people's word or not */
  if (x->sports && len <= 3 && score_row(x, s0, s1)) return TD_NE_ORG;
  if (len >= 2 && all_demonyms(x, i, j) && (j >= s1 || !tok_cap(x, j)))
    return TD_NE_MISC; /* North Africans, Far Eastern */
  if (len == 1 && !initial && demonym_tok(x, i) && (j >= s1 || !tok_cap(x, j)))
    return TD_NE_MISC;
  /* Olympic champion X, Anglican bishops: one opening the sentence too,
   * when the word list spells it only capitalized (not Domestic, Electric) */
  if (len == 1 && initial && j < s1 && !tok_cap(x, j) && demonym_tok(x, i) && x->eng->lemma) {
    uint32_t lc = td_lemma_lexclass(x->eng->lemma, w0, strlen(w0));
    if ((lc & TD_LEX_CAPITAL) && !(lc & TD_LEX_LOWER)) return TD_NE_MISC;
  }
  /* Olympic; not an ordinal (Second test) */
  static const char *const plain_adjs[] = {"first", "second", "third", "fourth", "fifth", "sixth",
                                           "seventh", "eighth", "ninth", "tenth", "next", "last",
                                           NULL};
  if (len == 1 && !initial && tk(x, i)->upos == TD_ADJ && !td_str_in(w0, plain_adjs))
    return TD_NE_MISC;
  /* W L PCT GB: a table's column heads */
  if (len >= 2) {
    int heads = 1;
    for (long t = i; t < j && heads; t++)
      heads = tk(x, t)->end - tk(x, t)->start <= 3 &&
              ((tk(x, t)->flags & TD_TOK_ALLCAPS) || tk(x, t)->end - tk(x, t)->start == 1);
    if (heads) return TD_NE_NONE;
  }
  /* Flamurtari Vlore ( Albania ) 0 Chemlon Humenne: a side of a results
   * row, its country in brackets before its score (team_in_row) */
  if (x->sports && len <= 3 && !shout && team_in_row(x, i, j, s0, s1)) return TD_NE_ORG;
  /* a standings row (Greenock Morton 3 2 0 1 5 2) or a results row
   * (Karlsruhe 2 Hansa Rostock 0 Borussia Neunkirchen 1): scores are small
   * numbers, a golfer's rounds (Phillip Price 72 76 74 69) are not */
  if (len <= 3 && x->sports && (small_int(x, j) == 1 && (i == s0 || small_int(x, i - 1) == 1 ||
                                                          tok_is(x, i - 1, ":")))) {
    int ints = 0, small = 0;
    long t = j;
    for (; t < s1 && small_int(x, t); t++) ints++, small += small_int(x, t) == 1;
    /* a player's averages end in a decimal or a dash: Graeme Hick 1 2 0 8 4 4.00 */
    int average = t < s1 && (tok_is(x, t, "-") || memchr(x->doc->text + tk(x, t)->start, '.',
                                                         tk(x, t)->end - tk(x, t)->start));
    if (!(len == 1 && common_word(x, i)) && !row_heading(x, i, j, s0, s1) &&
        (ints == 1 || (ints >= 5 && small >= 2 && !average)))
      return TD_NE_ORG;
  }
  /* East Fife v Clydebank: a fixture's sides (people's names aside) */
  if (x->sports && len <= 3 && !entry_at(x, i, "name") && !entry_at(x, i, "person") &&
      ((j + 1 < s1 && (tok_is(x, j, "v") || tok_is(x, j, "vs") || tok_is(x, j, "v.")) &&
        tok_cap(x, j + 1)) ||
       (i > s0 && (tok_is(x, i - 1, "v") || tok_is(x, i - 1, "vs") || tok_is(x, i - 1, "v.")))))
    return TD_NE_ORG;
  /* St Mirren 2 East Fife 1: a row of two names with their scores */
  if (len <= 3 && x->sports && score_row(x, s0, s1)) return TD_NE_ORG;
  /* Bury 4 Bristol City 0: one word opening a results row, before a
   * plain number (a tennis or bowling figure has dashes) */
  if (len == 1 && x->sports && j < s1 && (tk(x, j)->flags & TD_TOK_DIGIT) &&
      (!memchr(x->doc->text + tk(x, j)->start, '-', tk(x, j)->end - tk(x, j)->start) ||
       innings_total(x, j)) &&
      !(plain_int(x, j) && tk(x, j)->end - tk(x, j)->start > 3) && /* Attendance 35000 */
      !memchr(x->doc->text + tk(x, j)->start, ',', tk(x, j)->end - tk(x, j)->start) &&
      (i == s0 || (tk(x, i - 1)->flags & TD_TOK_DIGIT) || tok_is(x, i - 1, ":")) && !common_word(x, i) && /* whatever the tagger said */
      !row_heading(x, i, j, s0, s1))
    return TD_NE_ORG;
  if (tk(x, i)->upos && tk(x, i)->upos != TD_PROPN && len == 1 &&
      !(tk(x, i)->flags & TD_TOK_ALLCAPS))
    return TD_NE_NONE;
  if (initial && len == 1 && common_word(x, i) && lower_word(x, i)) return TD_NE_NONE;
  if (i == s0 && s1 > j && (tk(x, j)->flags & TD_TOK_DIGIT) &&
      (shout || (caps_run(x, i, j) && date_tok(x, j))))
    return TD_NE_LOC; /* dateline: NEW YORK 1996-08-30, MILWAUKEE 1996-08-30 */
  /* a results table of a sports story: CHICAGO 63 73 .463 */
  if ((shout || caps_run(x, i, j)) && x->sports && j < s1 && (tk(x, j)->flags & TD_TOK_DIGIT) &&
      (i == s0 || (tk(x, i - 1)->flags & TD_TOK_DIGIT)) && !any_common(x, i, j) &&
      !date_tok(x, j))
    return TD_NE_ORG;
  /* Dynamo Batumi, Hapoel Taibe: in a sports story a run that opens
   * with a word of clubs' names is a club */
  if (x->sports && !shout && len >= 2 && len <= 3 && tok_in(x, i, W_CLUB))
    return TD_NE_ORG | NE_SURE;
  if (shout) return TD_NE_NONE;
  /* Atlantic City, Tiananmen Square, Central Clinical Hospital: a place
   * or a building, except a sports story's club (Bristol City) not after
   * a place preposition */
  int joined_of = 0; /* Bessemer Venture Partners of Menlo Park: the firm's */
  for (long t = i; t < j; t++) joined_of |= tok_is(x, t, "of") || tok_is(x, t, "for");
  if (len >= 2 && tok_in(x, j - 1, W_FACILITY) && !joined_of &&
      (!x->sports || (i > s0 && tok_in(x, i - 1, W_LPREP)) ||
       (i > s0 + 1 && tok_is(x, i - 1, "the") && tok_in(x, i - 2, W_LPREP))))
    return TD_NE_LOC;
  if (tok_in(x, j - 1, W_ORG)) return TD_NE_ORG | NE_SURE;
  /* Church of Zorvanism, Council for the Welfare of Dockers: the name's
   * head is the organization word before `of`/`for` (not a town's or a
   * building's: City of London) */
  for (long t = i + 1; t + 1 < j; t++)
    if (tok_is(x, t, "of") || tok_is(x, t, "for")) {
      if ((tok_in(x, t - 1, W_ORG) && !tok_in(x, t - 1, W_FACILITY) && !tok_is(x, t - 1, "town") &&
           !tok_is(x, t - 1, "county")) ||
          (t - 1 == i && society_head(x, i, s0)))
        return TD_NE_ORG | NE_SURE;
      break;
    }
  for (long t = i; t < j; t++)
    if (tok_is(x, t, "&")) return TD_NE_ORG;
  if (i > s0 && (tok_in(x, i - 1, W_PTITLE) || (len == 1 && title_ends(x, i - 1) &&
                                                  !common_word(x, i))))
    return TD_NE_PER; /* General Vorlashev, Foreign Minister Oduya (not General Election) */
  if (len == 1 && person_context(x, i, s0, s1)) return TD_NE_PER;
  /* the North, the West: a compass word alone after `the` is a region */
  if (len == 1 && i > s0 && tok_is(x, i - 1, "the") && td_str_in(w0, compass_words))
    return TD_NE_LOC;
  if (len == 1 && demonym_tok(x, i) && (j >= s1 || !tok_cap(x, j))) return TD_NE_MISC;
  /* an acronym (not a word of the language in capitals: NOTES, SALES in
   * a table's headings; but `(BARD)` after the words it spells) */
  if (len == 1 && (tk(x, i)->flags & TD_TOK_ALLCAPS) && tk(x, i)->end - tk(x, i)->start <= 5)
    return caps_word(x, i) && !tok_is(x, i - 1, "(") ? TD_NE_NONE : TD_NE_ORG;
  if (i > s0 && tok_in(x, i - 1, W_LPREP) && len <= 2) return TD_NE_LOC;
  /* "the town of Marvesk", "east of Longyear" */
  static const char *const place_of[] = {"town", "village", "city", "province", "region",
                                         "district", "port", "island", "capital", "east",
                                         "west", "north", "south", "northeast", "northwest",
                                         "southeast", "southwest", "outskirts", "towns",
                                         "villages", "cities", "provinces", "regions",
                                         "districts", "islands", "ports", NULL};
  if (i > s0 + 1 && tok_is(x, i - 1, "of") && td_str_in(tk(x, i - 2)->norm, place_of) && len <= 2)
    return TD_NE_LOC;
  /* (one word at a cue is a guess: the story may show it is an
   * organization, `Zorvane says ...` before `Zorvane said in a statement`) */
  if (is_cue(x, j) || (i > s0 && is_cue(x, i - 1))) return TD_NE_PER | (len == 1 ? NE_WEAK : 0);
  /* PRESS DIGEST, RESEARCH ALERT: a heading in capitals whose words are
   * all words of the language the word list never spells as a name names
   * nothing (an organization ends in its word: STEEL WORKS) */
  if (len >= 2 && caps_run(x, i, j) && !tok_in(x, j - 1, W_ORG) && x->eng->lemma) {
    int all = 1;
    for (long t = i; t < j && all; t++) {
      const char *w = tk(x, t)->norm;
      uint32_t lc = td_lemma_lexclass(x->eng->lemma, w, strlen(w));
      all = (lc & TD_LEX_LOWER) && !(lc & TD_LEX_CAPITAL) && !entry_at(x, t, "name");
    }
    if (all) return TD_NE_NONE;
  }
  /* St Helens, St Gallen, St Pancras: a saint's abbreviation before a
   * word no given name names a town or a site after the saint (in a
   * sports story the town's team), no person (not St Mary, St Bernard) */
  if (len == 2 && (tok_is(x, i, "st") || tok_is(x, i, "st.")) && !entry_at(x, i + 1, "name") &&
      !entry_at(x, i + 1, "person") && !(tk(x, i)->flags & TD_TOK_ALLCAPS))
    return (x->sports ? TD_NE_ORG : TD_NE_LOC) | NE_WEAK;
  /* Joaquin del Olmo, Rami al-Rashid: a lowercase name particle inside
   * the run is a person's (the run holds no organization word) */
  if (len >= 2 && !any_org_word(x, i, j))
    for (long t = i + 1; t < j; t++)
      if (!tok_cap(x, t) && (tok_in(x, t, W_PART) || glued_particle(x, t)) &&
          !tok_is(x, t, "-"))
        return TD_NE_PER | NE_WEAK;
  if (len >= 2) {
    /* (an acronym opening the run is an organization's: KVT Art Fund) */
    int common = (tk(x, i)->flags & TD_TOK_ALLCAPS) && !shout && !tok_in(x, i, W_ORG) &&
                 !memchr(x->doc->text + tk(x, i)->start, '.', tk(x, i)->end - tk(x, i)->start);
    for (long t = i; t < j; t++) common += common_word(x, t);
    /* Silent Harvest, Quiet Revolution: words of the language all that
     * the word list never spells as a name (Lee, Holly, Page) and no given
     * name among them name no person but a thing (MISC, no actor) */
    if (!common && lang_words(x, i, j)) return TD_NE_MISC | NE_WEAK;
    /* Sale Amount : 3,390,000, Week Change 0.05: words of the language
     * all before a colon or a figure head a table's column or row */
    if (common && j < s1 && (tok_is(x, j, ":") || (tk(x, j)->flags & TD_TOK_DIGIT)) &&
        !any_org_word(x, i, j) && lang_words(x, i, j))
      return TD_NE_NONE;
    /* Guy Forget, Shay Given: a known given name before one word of the
     * language opens a person's name */
    if (common && len == 2 && entry_at(x, i, "name") && !any_org_word(x, i, j) &&
        !(tk(x, i)->flags & TD_TOK_ALLCAPS) && !entry_at(x, j - 1, "name"))
      return TD_NE_PER | NE_WEAK;
    return (common ? TD_NE_ORG : TD_NE_PER) | NE_WEAK;
  }
  if (initial) return TD_NE_NONE;
  /* a town of some size or a state the gazetteer knows is a place (not
   * in a sports story, where a town names its team) */
  if (!x->sports && !lower_word(x, i) && td_places_town(x->eng, x->doc, (uint32_t)i, 5000))
    return TD_NE_LOC | NE_WEAK;
  return TD_NE_ORG | NE_WEAK;
}

/* Names [0, n), in text order, hold one of tokens [t0, t1) (a binary
 * search: extend_names asks it of every name). */
static int in_names(const td_ne *names, size_t n, uint32_t t0, uint32_t t1) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (names[mid].tok0 < t0) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < n && names[lo].tok0 == t0; lo++)
    if (names[lo].tok1 == t1) return 1;
  return 0;
}

/* hyphen_misc of the token w[0..e) whose last inner hyphen is h. */
static int hyphen_parts(const actx *x, const char *w, const char *h, const char *e) {
  static const char *const after[] = {"based", "born", "led", "bound", "controlled", "ruled",
                                      "registered", "sponsored", "backed", "owned", "listed",
                                      "brokered", "dominated", "funded", "allied", NULL};
  static const char *const before[] = {"ex", "pre", "post", "anti", NULL};
  char part[16];
  size_t n = (size_t)(e - h - 1);
  if (isupper((unsigned char)w[0]) && n < sizeof part) {
    for (size_t k = 0; k < n; k++) part[k] = (char)tolower((unsigned char)h[1 + k]);
    part[n] = 0;
    /* Family-controlled: a common word before the hyphen names nothing */
    size_t m = (size_t)(h - w);
    char head[32];
    if (!td_str_in(part, after) || m >= sizeof head) return 0;
    for (size_t k = 0; k < m; k++) head[k] = (char)tolower((unsigned char)w[k]);
    head[m] = 0;
    int common = x->eng->words && td_words_score(x->eng->words, head, m) >= 300;
    return common ? 0 : 1;
  }
  n = (size_t)(h - w);
  if (!islower((unsigned char)w[0]) || !isupper((unsigned char)h[1]) || n >= sizeof part) return 0;
  memcpy(part, w, n);
  part[n] = 0;
  return td_str_in(part, before) ? 2 : 0;
}

/* Token i is a name joined by a hyphen to a word that makes it a
 * modifier: 1 for `Name-based` (`Ohio-based`, `U.S.-led`,
 * `Brazilian-born`: the name is not the head of the phrase that follows),
 * 2 for `ex-Name` (`ex-England`, `post-Games`); else 0. Inline, the
 * search for the hyphen (perf: asked of every token, most have none). */
static inline int hyphen_misc(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  const char *w = x->doc->text + t->start, *e = x->doc->text + t->end;
  const char *h = NULL;
  for (const char *p = w + 1; p + 1 < e; p++)
    if (*p == '-') h = p;
  return h ? hyphen_parts(x, w, h, e) : 0;
}


/* Token i is a span of months or days written with hyphens
 * (`January-June`, `Jan-May`, `Mon-Fri`): a time, no name. */
static int time_range_tok(const actx *x, long i) {
  const char *w = tk(x, i)->norm, *p = w;
  if (!strchr(w, '-')) return 0;
  while (*p) {
    const char *e = strchr(p, '-');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char part[16];
    if (n == 0 || n >= sizeof part) return 0;
    memcpy(part, p, n);
    part[n] = 0;
    if (n > 3 && part[n - 1] == '.') part[n - 1] = 0; /* Sept.-Dec. */
    if (!time_word(part)) return 0;
    p += n + (e != NULL);
  }
  return 1;
}

/* Token i is one word of a compound modifier of words of the language
 * written lowercase after the hyphen (`Second-placed`, `Top-seeded`,
 * `Left-back`): it opens a sentence before a name, and is no part of it. */
static int lower_compound(const actx *x, long i) {
  const char *w = tk(x, i)->norm, *h = strrchr(w, '-');
  if (!h || h == w || !h[1]) return 0;
  const char *t = x->doc->text + tk(x, i)->end - strlen(h + 1);
  for (const char *p = t; p < x->doc->text + tk(x, i)->end; p++)
    if (!islower((unsigned char)*p)) return 0;
  /* (both words of the language: not Toronto-based) */
  return x->eng->lemma &&
         (td_lemma_lexclass(x->eng->lemma, h + 1, strlen(h + 1)) & TD_LEX_LOWER) &&
         (td_lemma_lexclass(x->eng->lemma, w, (size_t)(h - w)) & TD_LEX_LOWER);
}

/* A paragraph break comes before token i: no name goes on over it. */
static inline int para_break(const actx *x, long i) {
  return (tk(x, i)->flags & (TD_TOK_NEWLINE_BEFORE | TD_TOK_PARA_START)) != 0;
}

/* A dictionary name glued to capitalized words no rule took is part of a
 * longer name: `U.S. Open`, `Air France`, `Kurdistan Democratic Party`.
 * The longer name is typed by its last word (organization or event
 * words), else as an organization. `have` lists the dictionary names. */
static void extend_names(actx *x, const td_ne *have, size_t nhave) {
  td_ne *n = x->names;
  size_t w = 0;
  for (size_t r = 0; r < x->nnames; r++) {
    td_ne cur = n[r];
    uint32_t dict_end = cur.tok1;
    int dict_type = cur.type;
    int from_dict = in_names(have, nhave, cur.tok0, cur.tok1);
    if (from_dict && cur.type != TD_NE_PER && cur.type != TD_NE_NONE) {
      long s0 = x->doc->sents[tk(x, cur.tok0)->sent].tok0;
      long s1 = s0 + x->doc->sents[tk(x, cur.tok0)->sent].ntok;
      if (shouting(x, s0, s1)) {
        n[w++] = cur;
        continue;
      }
      int grew = 0;
      /* absorb following guessed (non-dictionary) names that touch it */
      while (r + 1 < x->nnames && n[r + 1].tok0 == cur.tok1 && n[r + 1].type != TD_NE_PER &&
             n[r + 1].type != TD_NE_NONE && !hyphen_misc(x, (long)cur.tok1 - 1) &&
             !para_break(x, cur.tok1)) {
        int next_dict = in_names(have, nhave, n[r + 1].tok0, n[r + 1].tok1);
        /* Kurdistan Democratic Party: a place (not a country) before an
         * organization's dictionary name is part of it */
        /* British Labour Party, U.S. Agriculture Department: a nationality
         * or a country's abbreviation before one joins it too */
        int lead = cur.tok1 - cur.tok0 == 1 &&
                   ((cur.type == TD_NE_LOC && (!cur.country || (tk(x, cur.tok0)->flags & TD_TOK_ALLCAPS) ||
                                              strchr(tk(x, cur.tok0)->norm, '.'))) ||
                    cur.type == TD_NE_MISC);
        if (next_dict && !(lead && n[r + 1].type == TD_NE_ORG && !grew))
          break;
        cur.tok1 = n[r + 1].tok1;
        r++;
        grew = 1;
      }
      /* absorb a guessed name just before it */
      if (w > 0 && n[w - 1].tok1 == cur.tok0 && n[w - 1].type != TD_NE_PER &&
          n[w - 1].type != TD_NE_NONE && !hyphen_misc(x, (long)cur.tok0 - 1) &&
          !para_break(x, cur.tok0)) {
        int prev_dict = in_names(have, nhave, n[w - 1].tok0, n[w - 1].tok1);
        if (!prev_dict) {
          cur.tok0 = n[--w].tok0;
          grew = 1;
        }
      }
      /* Fed Cup, UEFA Cup: a dictionary name before an event word */
      if (cur.tok1 < (uint32_t)s1 && tok_cap(x, cur.tok1) &&
          tok_in(x, cur.tok1, W_MISC) &&
          (r + 1 >= x->nnames || n[r + 1].tok0 > cur.tok1 || n[r + 1].tok1 == cur.tok1 + 1)) {
        if (r + 1 < x->nnames && n[r + 1].tok0 == cur.tok1) r++;
        cur.tok1++;
        grew = 1;
      }
      if (grew) {
        const char *last = tk(x, cur.tok1 - 1)->norm;
        /* New South Wales, Hong Kong Island: a place stays a place when
         * it ends the name or a place word does */
        static const char *const place_heads[] = {"island", "islands", "province", "region",
                                                  "valley", "district", "peninsula", "bay",
                                                  "coast", "river", "mountains", "heights",
                                                  "strait", "sea", "lake", "ocean", NULL};
        /* (a place word ends a place whatever came before it: Indian Ocean) */
        int place = (n[r].type == TD_NE_LOC &&
                     ((!any_org_word(x, cur.tok0, cur.tok1) && (uint32_t)cur.tok1 == n[r].tok1) ||
                      (!x->sports && tok_in(x, cur.tok1 - 1, W_FACILITY)))) ||
                    (!any_org_word(x, cur.tok0, cur.tok1) && td_str_in(last, place_heads));
        /* Iraqi Kurds, Bosnian Serbs, Latin American: a nationality's
         * word at the end makes a nationality, not an organization */
        int people = dict_type == TD_NE_MISC && all_demonyms(x, dict_end, cur.tok1);
        /* Central American, North African: a word before a nationality
         * that still ends the name makes a nationality's word */
        people |= dict_type == TD_NE_MISC && cur.tok1 == dict_end &&
                  !any_org_word(x, cur.tok0, cur.tok1);
        cur.type = tok_in(x, cur.tok1 - 1, W_MISC) || people || doc_name(x, cur.tok0, cur.tok1)
                       ? TD_NE_MISC
                 : place                               ? TD_NE_LOC
                                                       : TD_NE_ORG;
      }
    }
    n[w++] = cur;
  }
  x->nnames = w;
}

/* The dictionary's untyped name n is written as a part of a name, every
 * word capitalized: 1 for a sector word, 2 for an abbreviation that names
 * nothing alone, not a title (`Zorbex CEO`: the abbreviation's note says
 * it is one); else 0. */
static int name_word(const actx *x, const td_ne *n) {
  if (n->type != TD_NE_NONE && n->type != TD_NE_ORG) return 0; /* (the tests in cost order) */
  for (uint32_t t = n->tok0; t < n->tok1; t++)
    if (!tok_cap(x, t)) return 0;
  if (entry_at(x, n->tok0, "title")) return 0;
  if (n->type == TD_NE_ORG)
    return entry_at(x, n->tok0, "sector") && !entry_at(x, n->tok0, "sector.body")
               ? 1 /* (force_name: Popular Revolutionary Army) */
               : 0;
  if (entry_at(x, n->tok0, "sector")) return 1;
  size_t si = tk(x, n->tok0)->sent;
  for (size_t k = x->first[si]; k < x->first[si + 1]; k++)
    if (x->all[k].tok0 == n->tok0 && is_cls(&x->all[k], "nonactor.term") &&
        !(x->all[k].payload && strcmp(x->all[k].payload, "title") == 0))
      return 2;
  return 0;
}

/* The lowercase name particles from token j inside a person's name, with
 * the capitalized word after them: `van der Westhuizen`, `del Olmo`,
 * `den Bakker`; or one glued particle (`al-Rashid`, one token or three).
 * Returns how many tokens to join before that word (a glued one in one
 * token: 1, itself), else 0. */
static int name_particles(const actx *x, long j, long s1) {
  if (tok_cap(x, j)) return 0;
  if (glued_particle(x, j)) return 1;
  if (tok_in(x, j, W_PART) && glued_part(x, j, s1)) return 2; /* al - Rashid */
  long k = j;
  while (k < s1 && k - j < 2 && tok_in(x, k, W_PART) && !tok_cap(x, k)) k++;
  if (k == j || k >= s1 || !tok_cap(x, k) || (tk(x, k)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT)))
    return 0;
  return (int)(k - j);
}

/* The possessive at token j goes on inside the name the run [i, j) opens
 * (`Workers' Educational Association`, `Pakistan People's Party`,
 * `Information Commissioner's Office`, `St James' Park`): the word before
 * it is a plural or a person's noun of the language, or the run a saint's
 * name, and the capitalized words after it, before the token `next` that
 * a dictionary name takes, end in an organization's, a building's or an
 * event's word. Returns the token after that word, else 0 (`Gateshead's
 * Sage Centre`, `Lord Woolf's Sentencing Council`: a name's possessive). */
static long poss_inside(const actx *x, long i, long j, long s1, long next) {
  static const char *const person_nouns[] = {"people", "women", "children", "men", "commissioner",
                                             "representative", "prince", "princess", "queen",
                                             "king", "sheriff", "attorney", "governor", "mayor",
                                             "president", "chancellor", "speaker", "ombudsman",
                                             NULL};
  const char *w = tk(x, j - 1)->norm;
  size_t n = strlen(w);
  int saint = j - i == 2 && (tok_is(x, i, "st") || tok_is(x, i, "st.") || tok_is(x, i, "saint"));
  int noun;
  if (tok_is(x, j, "'")) /* a plural's: Workers' */
    noun = n > 3 && w[n - 1] == 's' && x->eng->lemma &&
           (td_lemma_lexclass(x->eng->lemma, w, n) & TD_LEX_LOWER);
  else
    noun = td_str_in(w, person_nouns) || (n > 5 && strcmp(w + n - 3, "men") == 0);
  if (!saint && !noun) return 0;
  long k = j + 1;
  while (k < s1 && k < next && k - j <= 5 && tok_cap(x, k) &&
         !(tk(x, k)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT)) && !para_break(x, k))
    k++;
  return k > j + 1 && tok_in(x, k - 1, W_ORG | W_FACILITY | W_MISC) ? k : 0;
}

/* w is a plural that names people by what they do or are: workers,
 * employees, journalists, seamen, students, physicians. */
static int people_plural(const char *w) {
  static const char *const ends[] = {"ers", "ors", "ees", "ists", "men", "ents", "ians", NULL};
  size_t n = strlen(w);
  for (const char *const *e = ends; *e; e++) {
    size_t m = strlen(*e);
    if (n > m + 2 && strcmp(w + n - m, *e) == 0) return 1;
  }
  return 0;
}

/* The words [a, b) are named alone elsewhere in the document, outside
 * the run [r0, r1): the same words capitalized, not opening a sentence,
 * with no capitalized word or `and` right before or after them (`rockers
 * Free, who` and `forming Bad Company` beside `Free and Bad Company`).
 * One pass over the document; asked only of an `and` that would join
 * a name. */
static int named_alone(const actx *x, long a, long b, long r0, long r1) {
  long n = b - a, nt = (long)x->doc->ntoks;
  const char *w = tk(x, a)->norm;
  for (long t = 1; t + n <= nt; t++) {
    if (t + n > r0 && t < r1) continue;
    if (tk(x, t)->norm[0] != w[0] || !tok_cap(x, t) || !same_norms(x, a, t, n)) continue;
    uint32_t si = tk(x, t)->sent;
    if (tk(x, t - 1)->sent != si) continue; /* (a sentence's first word is capitalized anyway) */
    if ((tok_cap(x, t - 1) && !(tk(x, t - 1)->flags & TD_TOK_PUNCT)) || tok_is(x, t - 1, "and"))
      continue;
    if (t + n < nt && tk(x, t + n)->sent == si &&
        ((tok_cap(x, t + n) && !(tk(x, t + n)->flags & TD_TOK_PUNCT)) || tok_is(x, t + n, "and")))
      continue;
    return 1;
  }
  return 0;
}

/* The `and` at token j joins two halves of one organization's name
 * (`Truth and Reconciliation Commission`, `Copper and Brass Servicenter
 * Association`): the word before it, closing the run [i, j) of one or two
 * words, is a word of
 * the language the word list never spells as a name and no organization's
 * word (not `Ford and General Motors Corp`, `Federal Trade Commission and
 * Justice Department`), and the capitalized words after it, before the
 * token `next` that a dictionary name takes, end in an organization's
 * word. Returns the token after that word, else 0. */
static long and_inside(const actx *x, long i, long j, long s1, long next) {
  if (j <= i || j - i > 2 || !tok_is(x, j, "and") || tok_in(x, j - 1, W_ORG) || !x->eng->lemma)
    return 0;
  /* not the last of a list (`Paramount, Universal and Warner Brothers`)
   * nor the words after another name's `of` (`Department of Health and
   * State University`) */
  if (i > 0 && (tok_is(x, i - 1, ",") || tok_is(x, i - 1, "of"))) return 0;
  const char *w = tk(x, j - 1)->norm;
  uint32_t lc = td_lemma_lexclass(x->eng->lemma, w, strlen(w));
  if (!(lc & TD_LEX_LOWER) || (lc & TD_LEX_CAPITAL) || (tk(x, j - 1)->flags & TD_TOK_ALLCAPS))
    return 0;
  long k = j + 1;
  while (k < s1 && k < next && k - j <= 4 && tok_cap(x, k) &&
         !(tk(x, k)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT | TD_TOK_ALLCAPS)) && !para_break(x, k))
    k++;
  /* Transport and General Workers' Union: a possessive inside the name
   * after the `and` (poss_inside), of a plural that names people by
   * what they do (not `Driefontein Consolidated and Gold Fields' Kloof
   * Mining`, two firms) */
  if (k > j + 1 && k < s1 && k < next && poss_tok(x, k) && people_plural(tk(x, k - 1)->norm)) {
    long e = poss_inside(x, j + 1, k, s1, next);
    if (e) return e;
  }
  if (!(k > j + 1 && tok_in(x, k - 1, W_ORG))) return 0;
  /* two names the story names alone too (`Free and Bad Company`) */
  if (named_alone(x, i, j, i, k) && named_alone(x, j + 1, k, i, k)) return 0;
  return k;
}

/* Tokens j, j+1 are two capitalized words that end their run at a
 * statement cue (`Enver Solomon told`, `Enver Solomon, who said`), none
 * a word of the language or an organization's, a building's or an
 * event's word: a person's name. */
static int person_at_cue(const actx *x, long j, long s1) {
  if (j + 2 >= s1 || !(is_cue(x, j + 2) || (j + 3 < s1 && tok_is(x, j + 2, ",") && is_cue(x, j + 3))))
    return 0;
  for (long t = j; t < j + 2; t++)
    if (!tok_cap(x, t) || (tk(x, t)->flags & (TD_TOK_PUNCT | TD_TOK_ALLCAPS | TD_TOK_DIGIT)) ||
        tok_in(x, t, W_ORG | W_FACILITY | W_MISC) || lang_words(x, t, t + 1))
      return 0;
  return 1;
}

/* The one word out[r], sure an organization (a firm that acts as one:
 * `Zenith 's stock soared`), retypes the same word the typing guessed a
 * place before it, where a preposition or the gazetteer alone made it one
 * (`a contract with Zenith`, `new hope to Zenith`); not a dictionary's
 * place in have[0, nhave). */
static void firm_before(const actx *x, td_ne *out, size_t r, const td_ne *have, size_t nhave) {
  for (size_t k = 1; k <= r && k <= NE_WINDOW; k++) {
    td_ne *p = &out[r - k];
    if (p->type == TD_NE_LOC && p->tok1 == p->tok0 + 1 &&
        same_norms(x, (long)p->tok0, (long)out[r].tok0, 1) &&
        !in_names(have, nhave, p->tok0, p->tok1))
      p->type = TD_NE_ORG, p->weak = 0;
  }
}

/* Types the capitalized runs no dictionary or rule typed (for eval ner),
 * merging them in text order with the names already typed. */
static void guess_names(actx *x) {
  td_doc *doc = x->doc;
  td_ne *have = x->names;
  size_t nhave = x->nnames;
  td_ne *out = NULL;
  size_t nout = 0, cap = 0, h = 0;
  for (size_t si = 0; si < doc->nsents; si++) {
    const td_sent *se = &doc->sents[si];
    long s0 = se->tok0, s1 = se->tok0 + se->ntok;
    long i = s0;
    while (i < s1) {
      while (h < nhave && have[h].tok1 <= (uint32_t)i) {
        TD_AGROW(&doc->arena, out, cap, nout + 1);
        out[nout++] = have[h++];
      }
      /* PC World, TV Globo: an abbreviation the dictionary gave no type
       * opens the name of capitalized words nothing typed after it */
      int lead = 0;
      if (h < nhave && have[h].tok0 == (uint32_t)i && have[h].type == TD_NE_NONE) {
        uint32_t e = have[h].tok1;
        lead = e < (uint32_t)s1 && tok_cap(x, e) && !(tk(x, e)->flags & TD_TOK_PUNCT) &&
               (h + 1 >= nhave || have[h + 1].tok0 > e) && name_word(x, &have[h]) == 2;
      }
      if (!lead && h < nhave && have[h].tok0 <= (uint32_t)i) {
        i = have[h].tok1;
        continue;
      }
      if (hyphen_misc(x, i) == 2) { /* ex-England */
        TD_AGROW(&doc->arena, out, cap, nout + 1);
        out[nout++] = (td_ne){(uint32_t)i, (uint32_t)i + 1, TD_NE_MISC, 0, 0, 0};
        i++;
        continue;
      }
      if (!tok_cap(x, i) || (tk(x, i)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT)) ||
          time_range_tok(x, i)) {
        i++;
        continue;
      }
      /* a sentence-opening function word, adverb or number is no part of
       * the name: "The Commerce Department", "But Westbury Bank", "Three
       * Tarvian leaders" */
      while (i + 1 < s1 && tk_initial(x, i, s0) && tok_cap(x, i + 1) &&
             (h >= nhave || (long)have[h].tok0 > i + 1) &&
             (opener_word(x, i) || tk(x, i)->upos == TD_ADV || tk(x, i)->upos == TD_NUM ||
              time_opener(x, i, s0) || lower_compound(x, i)))
        i++;
      /* Hurricane Edith, Tropical Storm Orla: the storm's kind is no part
       * of its name */
      if (i + 2 < s1 && tok_is(x, i, "tropical") && storm_word(x, i + 1) && tok_cap(x, i + 2) &&
          (h >= nhave || (long)have[h].tok0 > i + 2))
        i++;
      if (i + 1 < s1 && storm_word(x, i) && tok_cap(x, i + 1) &&
          (h >= nhave || (long)have[h].tok0 > i + 1))
        i++;
      if (vs_word(x, i) && tk(x, i)->flags & TD_TOK_ALLCAPS) { /* AT GREATER MILWAUKEE OPEN */
        i++;
        continue;
      }
      long j = i;
      int joined = 0, modifier = 0, part;
      for (;;) {
        /* a sector word or an abbreviation the dictionary gave no type
         * goes on a name it ends or is inside of (`Traffic Safety
         * Administration`, `Reno CCTV Systems`); a title does not (`Education
         * Minister Ola Brenn`) */
        if (j < s1 && h < nhave && (long)have[h].tok0 == j &&
            (lead || (j > i && !(j == i + 1 && opener_word(x, i)))) &&
            name_word(x, &have[h])) { /* (not `Its GDP`) */
          int sector = name_word(x, &have[h]) == 1;
          j = have[h++].tok1;
          /* the organization word ends the name: Safety Administration
           * Director Ola Brenn */
          if (sector && tok_in(x, j - 1, W_ORG) && !tok_is(x, j, "of") && !tok_is(x, j, "for"))
            break;
          continue;
        }
        /* a title in the possessive inside a name (`the Information
         * Commissioner's Office`, `the Tarvik Mayor's Office`): the name
         * goes on over it */
        if (j > i && j < s1 && h < nhave && (long)have[h].tok0 == j &&
            have[h].type == TD_NE_NONE && entry_at(x, j, "title") &&
            (long)have[h].tok1 < s1 && poss_tok(x, (long)have[h].tok1)) {
          long e = poss_inside(x, i, (long)have[h].tok1, s1,
                               h + 1 < nhave ? (long)have[h + 1].tok0 : s1);
          if (e) {
            h++;
            j = e;
            break;
          }
        }
        /* Truth and Reconciliation Commission */
        if (!joined && j > i && j < s1 && tok_is(x, j, "and")) {
          long e = and_inside(x, i, j, s1, h < nhave ? (long)have[h].tok0 : s1);
          if (e) {
            j = e;
            break;
          }
        }
        /* a possessive ends the name, unless it is inside one
         * (`Pakistan People's Party`) */
        if (j > i && j < s1 && poss_tok(x, j)) {
          long e = poss_inside(x, i, j, s1, h < nhave ? (long)have[h].tok0 : s1);
          if (e) j = e;
          break;
        }
        /* (a name does not go on over a paragraph break: `Bournemouth` /
         * `Southampton v Portsmouth` in a list of fixtures) */
        if (!(j < s1 && (h >= nhave || (long)have[h].tok0 > j) && tok_cap(x, j) &&
              !(tk(x, j)->flags & TD_TOK_PUNCT) && !(j > i && para_break(x, j))))
          break;
        j++;
        /* New York-based group: the modifier ends the name */
        if ((modifier = hyphen_misc(x, j - 1) == 1)) break;
        /* the Refugee Council Ola Brenn said: an organization word ends
         * the name before a known given name that opens a person's */
        if (j + 1 < s1 && tok_in(x, j - 1, W_ORG) && entry_at(x, j, "name") && tok_cap(x, j + 1) &&
            !(tk(x, j + 1)->flags & TD_TOK_PUNCT))
          break;
        /* ... and before two words no list knows at a statement cue (`the
         * Refugee Council Enver Solomon told`) */
        if (j - 1 > i && tok_in(x, j - 1, W_ORG) && person_at_cue(x, j, s1)) break;
        if (j < s1 && poss_tok(x, j)) continue; /* (see the loop's top) */
        if (j < s1 && vs_word(x, j)) break; /* HOUSTON AT PITTSBURGH */
        /* Bank of England, University of Tokyo, Organisation for Security
         * and Cooperation in Europe: after an organization word, `of`/`for`
         * join the name, then `and`/`in`/`on` too */
        int the = j + 2 < s1 && tok_is(x, j + 1, "the") && tok_cap(x, j + 2); /* for the Welfare */
        if (j + 1 < s1 && (tok_is(x, j, "of") || tok_is(x, j, "for")) &&
            (tok_cap(x, j + 1) || the) &&
            ((tok_in(x, j - 1, W_ORG) && !td_firm_suffix(tk(x, j - 1)->norm)) ||
             society_head(x, j - 1, s0) || joined))
          j += 1 + the, joined = 1;
        else if (j + 1 < s1 && (tok_is(x, j, "of") || tok_is(x, j, "on")) &&
                 (tok_cap(x, j + 1) || the) && td_str_in(tk(x, j - 1)->norm, doc_heads))
          j += 1 + the, joined = 1; /* Convention on Human Rights */
        else if (j + 1 < s1 && joined &&
                 (tok_is(x, j, "and") || tok_is(x, j, "in") || tok_is(x, j, "on")) &&
                 tok_cap(x, j + 1))
          j++;
        /* Douglas & Lomason */
        else if (j + 1 < s1 && tok_is(x, j, "&") && tok_cap(x, j + 1))
          j++;
        /* Joost van der Westhuizen, Joaquin del Olmo, Rami al-Rashid */
        else if (j < s1 && (part = name_particles(x, j, s1)) > 0 &&
                 (h >= nhave || (long)have[h].tok0 > j + part))
          j += part;
      }
      if (j == i) j = i + 1;
      int type = modifier ? TD_NE_MISC : guess_type(x, i, j, s0, s1, out, nout);
      int weak = (type & NE_WEAK) != 0, sure = (type & NE_SURE) != 0, firm = (type & NE_FIRM) != 0;
      type &= ~(NE_WEAK | NE_SURE | NE_FIRM);
      if (type) {
        TD_AGROW(&doc->arena, out, cap, nout + 1);
        out[nout++] = (td_ne){(uint32_t)i, (uint32_t)j, type, 0, weak, sure};
        if (firm) firm_before(x, out, nout - 1, have, nhave);
      }
      i = j;
    }
  }
  while (h < nhave) {
    TD_AGROW(&doc->arena, out, cap, nout + 1);
    out[nout++] = have[h++];
  }
  x->names = out;
  x->nnames = nout;
  extend_names(x, have, nhave);
}

/* A story of music, film or the stage: three of its words (arts_words),
 * where a band, a stage or a work may bear an institution's name (`Bloc
 * Party`, `the Royal Court`). */
static int arts_doc(const actx *x) { return x->narts >= 3; }

/* A sports story: results, tables and match reports, where a city or
 * region names a team (`Surrey 275-4`, `CHICAGO 10 Boston 4`). */
static int sports_doc(const actx *x) {
  return x->nsport >= 2 || x->nscores >= 2; /* (counted by word_flags, score_rows) */
}

/* x->nscores: how many sentences of the document are a match's result
 * alone (`Chievo 2 Cagliari 3`): two make a sports story, a table of
 * results with no word of sport but its heading. */
static void score_rows(actx *x) {
  for (size_t si = 0; si < x->doc->nsents && x->nscores < 2; si++) {
    long s0 = x->doc->sents[si].tok0;
    x->nscores += score_row(x, s0, s0 + x->doc->sents[si].ntok);
  }
}

static void name_window(const actx *x, uint32_t t, size_t *q0, size_t *q1);

/* The two words [t, t + 2) are those of an ORG name of two words before
 * name [r] (within NE_WINDOW names). */
static int club_before(const actx *x, size_t r, long t) {
  size_t q0, q1;
  name_window(x, (uint32_t)t, &q0, &q1);
  for (size_t q = q0; q < r; q++)
    if (x->names[q].type == TD_NE_ORG && x->names[q].tok1 - x->names[q].tok0 == 2 &&
        same_norms(x, (long)x->names[q].tok0, t, 2))
      return 1;
  return 0;
}

/* In a sports story, the town name [r] before a capitalized weekday opens
 * the name of the club that bears the day (Sheffield Wednesday): the two
 * become one ORG name. Not after a preposition (`arrived in Leeds
 * Wednesday`) unless the story named the club so before (`travel to
 * Sheffield Wednesday`), not before a part of the day (`Leeds Wednesday
 * night`), not a name in capitals (a dateline). 1 when it joined them. */
static int weekday_club(actx *x, size_t r, long s0, long s1) {
  static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                     "saturday", "sunday", NULL};
  static const char *const parts[] = {"morning", "afternoon", "evening", "night", "nights",
                                      "mornings", NULL};
  td_ne *n = &x->names[r];
  long a = (long)n->tok0 - 1, b = n->tok1;
  if (b >= s1 || !tok_cap(x, b) || !td_str_in(tk(x, b)->norm, days) ||
      (tk(x, n->tok0)->flags & TD_TOK_ALLCAPS) || (tk(x, b)->flags & TD_TOK_ALLCAPS) ||
      (b + 1 < s1 && td_str_in(tk(x, b + 1)->norm, parts)) || n->tok1 - n->tok0 != 1 ||
      (a >= s0 && tk(x, a)->upos == TD_ADP && !club_before(x, r, (long)n->tok0)))
    return 0;
  if (r + 1 < x->nnames && x->names[r + 1].tok0 < (uint32_t)b + 1) {
    if (x->names[r + 1].tok1 != (uint32_t)b + 1) return 0; /* (a longer name holds it) */
    memmove(&x->names[r + 1], &x->names[r + 2], (x->nnames - r - 2) * sizeof *x->names);
    x->nnames--;
  }
  n->tok1 = (uint32_t)b + 1, n->type = TD_NE_ORG, n->weak = 0;
  return 1;
}

/* In a sports story, a place name (not a country: national teams stay LOC)
 * next to a score or a match word names a team: typed ORG. */
static void sports_teams(actx *x) {
  if (!x->sports) return;
  static const char *const match_words[] = {"v", "v.", "vs", "vs.", "beat", "beats", "drew",
                                             "against", "lost", "defeated", "edged",
                                             "routed", "at", NULL};
  /* Surrey captain Chris Lewis, Chicago coach */
  static const char *const squad[] = {"captain", "coach", "manager", "skipper", "batsman",
                                      "bowler", "striker", "midfielder", "defender",
                                      "goalkeeper", "pitcher", "quarterback", "spinner",
                                      "opener", "all-rounder", "wicketkeeper", "fans",
                                      "supporters", "chairman", "player", "players",
                                      "side", "squad", "catcher", "shortstop", "outfielder",
                                      "winger", "forward", "boss", NULL};
  for (size_t r = 0; r < x->nnames; r++) {
    td_ne *n = &x->names[r];
    const td_tok *t0 = tk(x, n->tok0);
    long s0 = x->doc->sents[t0->sent].tok0, s1 = s0 + x->doc->sents[t0->sent].ntok;
    long a = (long)n->tok0 - 1, b = n->tok1;
    /* St Gallen coach Roger Hegi, Western Province batsman: a name the
     * typing guessed a person's, no known given name first, before a
     * squad's word is a team */
    if (n->type == TD_NE_PER && n->weak && b < s1 && td_str_in(tk(x, b)->norm, squad) &&
        !entry_at(x, n->tok0, "name") && !entry_at(x, n->tok0, "person")) {
      n->type = TD_NE_ORG, n->weak = 0;
      continue;
    }
    if (n->type != TD_NE_LOC || n->country) continue;
    if (weekday_club(x, r, s0, s1)) continue;
    /* Levski Sofia, Sparta Prague, AEK Athens: a capitalized word no name
     * holds right before the town opens the club's name (not a word of
     * the language, a function word or a given name: `In Sofia`) */
    if (a >= s0 && tok_cap(x, a) && !(tk(x, a)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT)) &&
        tk(x, a)->end - tk(x, a)->start >= 3 && /* (not S Yorkshire, In-form Paris) */
        !memchr(x->doc->text + tk(x, a)->start, '-', tk(x, a)->end - tk(x, a)->start) &&
        (r == 0 || x->names[r - 1].tok1 <= (uint32_t)a) && !opener_word(x, a) &&
        (tok_in(x, a, W_CLUB) ||
         (!common_word(x, a) && !entry_at(x, a, "name") && tk(x, a)->upos != TD_VERB &&
          tk(x, a)->upos != TD_ADV && tk(x, a)->upos != TD_ADJ))) {
      n->tok0 = (uint32_t)a, n->type = TD_NE_ORG, n->weak = 0;
      continue;
    }
    /* a dateline's date (LONDON 1996-08-30) is no score */
    int date_after = b < s1 && tk(x, b)->end - tk(x, b)->start >= 8 &&
                     x->doc->text[tk(x, b)->start + 4] == '-';
    int score_after = b < s1 && (tk(x, b)->flags & TD_TOK_DIGIT) && !date_after;
    int score_before = a >= s0 && (tk(x, a)->flags & TD_TOK_DIGIT) && !tok_is(x, a - 1, "in");
    int word_after = b < s1 && td_str_in(tk(x, b)->norm, match_words) && !tok_is(x, b, "at") &&
                     !tok_is(x, b, "against");
    int word_before = a >= s0 && td_str_in(tk(x, a)->norm, match_words) && !tok_is(x, a, "at");
    int squad_after = b < s1 && td_str_in(tk(x, b)->norm, squad);
    /* a victory over Wimbledon, lost 3-0 to Palermo: the side beaten or
     * beating after `over`, or `to` after a score */
    int beaten = a >= s0 && (tok_is(x, a, "over") ||
                             (tok_is(x, a, "to") && a - 1 >= s0 && (tk(x, a - 1)->flags & TD_TOK_DIGIT) &&
                              memchr(x->doc->text + tk(x, a - 1)->start, '-',
                                     tk(x, a - 1)->end - tk(x, a - 1)->start)));
    /* Cleveland 's lead, Milwaukee tied it up, homered for Cleveland,
     * joined Milan: a place that acts, owns or is joined is a team */
    int acts = b < s1 && (tk(x, b)->upos == TD_VERB || tk(x, b)->upos == TD_AUX ||
                          poss_tok(x, b)) && !is_cue(x, b);
    static const char *const joined[] = {"for", "joined", "join", "joins", NULL};
    int joins = a >= s0 && td_str_in(tk(x, a)->norm, joined);
    /* Xavier Gravelaine ( Marseille ): a player's club in brackets */
    int club = a > s0 && b < s1 && tok_is(x, a, "(") && tok_is(x, b, ")") && r > 0 &&
               x->names[r - 1].type == TD_NE_PER && x->names[r - 1].tok1 == (uint32_t)a;
    if (score_after || score_before || word_after || word_before || squad_after || acts || joins ||
        club || beaten)
      n->type = TD_NE_ORG;
  }
}

/* Names [a] and [b] are the same words. */
static int same_words(const actx *x, const td_ne *a, const td_ne *b) {
  if (a->tok1 - a->tok0 != b->tok1 - b->tok0) return 0;
  return same_norms(x, a->tok0, b->tok0, a->tok1 - a->tok0);
}

/* The names [*q0, *q1) of the NE_WINDOW before and after token t: what a
 * name there is compared with (a bound, as in guess_type). */
static void name_window(const actx *x, uint32_t t, size_t *q0, size_t *q1) {
  size_t lo = 0, hi = x->nnames;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->names[mid].tok0 < t) lo = mid + 1;
    else hi = mid;
  }
  *q0 = lo > NE_WINDOW ? lo - NE_WINDOW : 0;
  *q1 = x->nnames - lo > NE_WINDOW ? lo + NE_WINDOW : x->nnames;
}

/* In a sports story a place that names a team once names it throughout
 * (`Cleveland 's lead`, `homered for Cleveland` after `Cleveland 5
 * Boston 3`), except after a place preposition (`in Cleveland`) and in a
 * dateline (`CLEVELAND 1996-08-30`). */
static void sports_consistent(actx *x) {
  if (!x->sports) return;
  td_ne *n = x->names;
  for (size_t r = 0; r < x->nnames; r++) {
    if (n[r].type != TD_NE_LOC || n[r].country) continue;
    long a = (long)n[r].tok0 - 1, b = n[r].tok1;
    if (a >= 0 && tk(x, a)->sent == tk(x, n[r].tok0)->sent && tok_in(x, a, W_LPREP))
      continue;
    if ((size_t)b < x->doc->ntoks && tk(x, b)->sent == tk(x, n[r].tok0)->sent &&
        (date_tok(x, b) || tok_is(x, b, ",")))
      continue;
    size_t q0, q1;
    name_window(x, n[r].tok0, &q0, &q1);
    for (size_t q = q0; q < q1; q++)
      if (n[q].type == TD_NE_ORG && same_words(x, &n[q], &n[r])) {
        n[r].type = TD_NE_ORG;
        break;
      }
  }
}

/* The run [t0, t1) is listed beside a person's full name that a known
 * given name opens, a comma or `and` between (`Steve Brookstein, Tabby
 * Callaghan and group G4`). */
static int beside_full_name(const actx *x, long t0, long t1) {
  size_t q0, q1;
  name_window(x, (uint32_t)t0, &q0, &q1);
  for (size_t q = q0; q < q1; q++) {
    const td_ne *n = &x->names[q];
    if (n->type != TD_NE_PER || n->tok1 - n->tok0 < 2 || !(x->wf[n->tok0] & W_GIVEN)) continue;
    long sep = (long)n->tok1 == t0 - 1 ? t0 - 1 : (long)n->tok0 == t1 + 1 ? t1 : -1;
    if (sep >= 0 && tk(x, n->tok0)->sent == tk(x, t0)->sent &&
        (tok_is(x, sep, ",") || tok_is(x, sep, "and")))
      return 1;
  }
  return 0;
}

/* A name a word typed (`telecoms group Ulvik`) types the document's
 * other mentions of the same words, and the guessed mentions of its first
 * words (`Dagvast Morgen said`, `Ulvik said` after `the daily Dagvast
 * Morgen`, `company Ulvik S.A.`): a statement cue made them people. */
static void described_names(actx *x) {
  td_ne *n = x->names;
  for (size_t r = 0; r < x->nnames; r++) {
    if (!n[r].sure) continue;
    size_t q0, q1;
    name_window(x, n[r].tok0, &q0, &q1);
    for (size_t q = q0; q < q1; q++) {
      if (q == r || n[q].sure || n[q].type == n[r].type) continue;
      if (same_words(x, &n[q], &n[r]) && (n[q].weak || n[q].type == TD_NE_PER)) {
        n[q].type = n[r].type, n[q].weak = 0;
      } else if (n[q].weak && n[q].tok1 - n[q].tok0 < n[r].tok1 - n[r].tok0) {
        if (same_norms(x, n[q].tok0, n[r].tok0, n[q].tok1 - n[q].tok0))
          n[q].type = n[r].type, n[q].weak = 0;
      }
    }
  }
}

/* `Douglas & Lomason`, `Edward D. Jones & Co`: names joined by `&` are
 * one organization (a firm of partners), whatever typed its parts. */
static void ampersand_names(actx *x) {
  td_ne *n = x->names;
  size_t w = 0;
  for (size_t r = 0; r < x->nnames; r++) {
    if (w > 0 && n[w - 1].type && n[r].type && n[r].tok0 == n[w - 1].tok1 + 1 &&
        tok_is(x, n[w - 1].tok1, "&") && tk(x, n[r].tok0)->sent == tk(x, n[w - 1].tok0)->sent) {
      n[w - 1].tok1 = n[r].tok1;
      n[w - 1].type = TD_NE_ORG, n[w - 1].weak = 0, n[w - 1].sure = 1;
      continue;
    }
    n[w++] = n[r];
  }
  x->nnames = w;
}

/* `News Agency of Nigeria`, `University of Tokyo`: an organization's
 * head word (not a firm's legal form), `of` and a place make one
 * organization. */
static void org_of_place(actx *x) {
  td_ne *n = x->names;
  size_t w = 0;
  for (size_t r = 0; r < x->nnames; r++) {
    if (w > 0 && n[w - 1].type == TD_NE_ORG && n[r].type == TD_NE_LOC &&
        n[r].tok0 == n[w - 1].tok1 + 1 && tok_is(x, n[w - 1].tok1, "of") &&
        tk(x, n[r].tok0)->sent == tk(x, n[w - 1].tok0)->sent &&
        tok_in(x, n[w - 1].tok1 - 1, W_ORG) &&
        !td_firm_suffix(tk(x, n[w - 1].tok1 - 1)->norm)) {
      n[w - 1].tok1 = n[r].tok1;
      continue;
    }
    n[w++] = n[r];
  }
  x->nnames = w;
}

/* Token t is a title or a description before a person's name
 * (`Cardinal`, `Economist`, `Coach`, `Ex-Yankee`), not a given name. */
static int title_word(const actx *x, long t) {
  if (entry_at(x, t, "name") || entry_at(x, t, "person")) return 0;
  const char *w = tk(x, t)->norm;
  return entry_at(x, t, "title") || tok_in(x, t, W_PTITLE) || honorific(x, t) ||
         (common_word(x, t) && tk(x, t)->upos != TD_PROPN) || strncmp(w, "ex-", 3) == 0;
}

/* Token t is a word for a man or a woman of a people (`Dutchman`,
 * `Frenchwoman`) before a known given name: no part of the name. */
static int man_before_name(const actx *x, long t) {
  const char *w = tk(x, t)->norm;
  size_t n = strlen(w);
  return n > 5 && (strcmp(w + n - 3, "man") == 0 || strcmp(w + n - 3, "men") == 0) &&
         !entry_at(x, t, "name") && entry_at(x, t + 1, "name");
}

/* `Roman Catholic Bishop Pierre Claverie`, `Maronite Patriarch Sfeir`,
 * `Farm Commissioner Franz Fischler`: a title of the dictionary or a
 * person's title word inside a person's name [t0, t1), with no known
 * given name before it and a capitalized word after it, ends the words
 * that describe the person: where the name begins then, else 0. */
static long inner_title_end(const actx *x, long t0, long t1) {
  long end = 0;
  size_t si = tk(x, t0)->sent;
  for (long t = t0 + 1; t + 1 < t1; t++) {
    if (x->wf[t - 1] & W_GIVEN) return end;
    long e = 0;
    if (tok_in(x, t, W_PTITLE) && !honorific(x, t)) e = t + 1;
    for (size_t k = x->first[si]; k < x->first[si + 1] && !e; k++)
      if ((long)x->all[k].tok0 == t && is_cls(&x->all[k], "title") && (long)x->all[k].tok1 < t1)
        e = (long)x->all[k].tok1;
    if (e && tok_cap(x, t) && tok_cap(x, e) && !initial_tok(x, e)) end = e, t = e - 1;
  }
  return end;
}

/* The edges of people's names: a title or description opening one is no
 * part of it (`Bishop Anna Lindqvist`, `Analyst Pedro Varela`), and a
 * lone given name followed at once by a one-word name or by a person's
 * name is one name with it (`Mara Quillon`, `Tomas Brook`, `Ivo
 * Marsh`: the surname was typed on its own). */
static void person_edges(actx *x) {
  td_ne *n = x->names;
  for (size_t r = 0; r < x->nnames; r++)
    if (n[r].type == TD_NE_PER) {
      while (n[r].tok1 - n[r].tok0 >= 2 &&
             (title_word(x, n[r].tok0) || man_before_name(x, n[r].tok0)) &&
             !initial_tok(x, n[r].tok0 + 1))
        n[r].tok0++;
      long e = inner_title_end(x, n[r].tok0, n[r].tok1);
      if (e > 0) n[r].tok0 = (uint32_t)e;
    }
  size_t w = 0;
  for (size_t r = 0; r < x->nnames; r++) {
    /* Tomas " Iron Wall " Ravel: a nickname in quotes between a
     * given name and a surname */
    if (w > 0 && n[w - 1].type == TD_NE_PER && quote_tok(x, n[w - 1].tok1) &&
        tk(x, n[r].tok0)->sent == tk(x, n[w - 1].tok0)->sent) {
      long q = n[w - 1].tok1 + 1;
      while (q < (long)n[w - 1].tok1 + 6 && (size_t)q < x->doc->ntoks && !quote_tok(x, q) &&
             (tok_cap(x, q) || tok_is(x, q, "of") || tok_is(x, q, "the")))
        q++;
      if (q > (long)n[w - 1].tok1 + 1 && (size_t)q + 1 < x->doc->ntoks &&
          tk(x, q + 1)->sent == tk(x, n[w - 1].tok0)->sent && quote_pair(x, n[w - 1].tok1, q) &&
          tok_cap(x, q + 1) && !(tk(x, q + 1)->flags & TD_TOK_PUNCT)) {
        size_t e = r;
        while (e < x->nnames && n[e].tok1 <= (uint32_t)q) e++;
        if (e < x->nnames && n[e].tok0 == (uint32_t)q + 1 && n[e].tok1 - n[e].tok0 <= 2 &&
            tk(x, n[e].tok0)->sent == tk(x, n[w - 1].tok0)->sent) {
          n[w - 1].tok1 = n[e].tok1;
          n[w - 1].weak = 0;
          r = e;
          continue;
        }
        if (e >= x->nnames || n[e].tok0 > (uint32_t)q + 1) { /* a surname nothing typed */
          n[w - 1].tok1 = (uint32_t)q + 2;
          n[w - 1].weak = 0;
          r = e - 1;
          continue;
        }
      }
    }
    if (w > 0 && n[w - 1].type == TD_NE_PER && n[w - 1].tok1 - n[w - 1].tok0 == 1 &&
        n[r].tok0 == n[w - 1].tok1 && entry_at(x, n[w - 1].tok0, "name") &&
        tk(x, n[r].tok0)->sent == tk(x, n[w - 1].tok0)->sent &&
        (n[r].type == TD_NE_PER || (n[r].tok1 - n[r].tok0 == 1 && !common_word(x, n[r].tok0) &&
                                    !(tk(x, n[r].tok0)->flags & TD_TOK_ALLCAPS)))) {
      n[w - 1].tok1 = n[r].tok1;
      n[w - 1].weak = 0;
      continue;
    }
    n[w++] = n[r];
  }
  x->nnames = w;
}

/* Names n[r] and n[q] (q = r + 1) are listed together: `and` or `or`
 * between them in one sentence (a comma alone is too weak: as a joiner
 * it lowered the person figures of the name typing's check). */
static int listed(const actx *x, const td_ne *a, const td_ne *b) {
  if (b->tok0 != a->tok1 + 1 || tk(x, a->tok0)->sent != tk(x, b->tok0)->sent) return 0;
  long t = a->tok1;
  return tok_is(x, t, "and") || tok_is(x, t, "or");
}

/* A last-resort guess listed with a name the typing was sure of takes
 * its type (`Tarvik and Oslo`, `Velden, Aarup and Lund`), as does
 * one a place follows as its region (`Tarvik, Norway.`: the place ends
 * the clause); a place in the middle of a list of guesses is no
 * evidence for the guesses before it when a `,` only joins them. */
static void listed_names(actx *x) {
  td_ne *n = x->names;
  for (size_t r = 0; r < x->nnames; r++) {
    if (!n[r].weak || n[r].tok1 - n[r].tok0 > 1) continue;
    /* (the guess heads its phrase: not `Andre and Tarvik defender`, `Bob
     * Dole and House Speaker X`) */
    long e = n[r].tok1;
    if ((size_t)e < x->doc->ntoks && tk(x, e)->sent == tk(x, n[r].tok0)->sent &&
        !(tk(x, e)->flags & TD_TOK_PUNCT)) {
      unsigned u = tk(x, e)->upos;
      if (u != TD_VERB && u != TD_AUX && u != TD_ADP && u != TD_CCONJ && u != TD_SCONJ &&
          u != TD_PART)
        continue;
    }
    const td_ne *prev = r > 0 && listed(x, &n[r - 1], &n[r]) ? &n[r - 1] : NULL;
    const td_ne *next = r + 1 < x->nnames && listed(x, &n[r], &n[r + 1]) ? &n[r + 1] : NULL;
    int type = 0;
    if (prev && !prev->weak && prev->type) type = prev->type;
    else if (next && !next->weak && next->type) type = next->type;
    /* Tarvik, Norway. */
    const td_ne *reg = r + 1 < x->nnames ? &n[r + 1] : NULL;
    if (!type && reg && reg->type == TD_NE_LOC && !reg->weak && reg->tok0 == n[r].tok1 + 1 &&
        tok_is(x, n[r].tok1, ",") && tk(x, reg->tok0)->sent == tk(x, n[r].tok0)->sent) {
      long f = reg->tok1;
      if ((size_t)f >= x->doc->ntoks || tk(x, f)->sent != tk(x, reg->tok0)->sent ||
          ((tk(x, f)->flags & TD_TOK_PUNCT) && !poss_tok(x, f)) || tk(x, f)->upos == TD_ADP)
        type = TD_NE_LOC;
    }
    if (type) n[r].type = type;
  }
}

/* Names typed by the last-resort guess take the type the document gives
 * the same words elsewhere (a later `in Marvesk`, an earlier or later
 * `Bob Dole` for `Dole`). */
static void consistent_names(actx *x) {
  td_ne *n = x->names;
  for (size_t r = 0; r < x->nnames; r++) {
    if (!n[r].weak) continue;
    uint32_t len = n[r].tok1 - n[r].tok0;
    int vote[5] = {0};
    size_t q0 = r > NE_WINDOW ? r - NE_WINDOW : 0;
    size_t q1 = x->nnames - r > NE_WINDOW ? r + NE_WINDOW : x->nnames;
    for (size_t q = q0; q < q1; q++) {
      if (q == r || n[q].weak || !n[q].type) continue;
      uint32_t ql = n[q].tok1 - n[q].tok0;
      if (ql == len) {
        if (same_norms(x, n[q].tok0, n[r].tok0, len)) vote[n[q].type] += 2;
      } else if (len == 1 && n[q].type == TD_NE_PER && ql >= 2 &&
                 (same_norms(x, n[q].tok1 - 1, n[r].tok0, 1) ||
                  same_norms(x, n[q].tok0, n[r].tok0, 1))) {
        vote[TD_NE_PER]++;
      }
    }
    int best = 0;
    for (int t = 1; t <= 4; t++)
      if (vote[t] > vote[best]) best = t;
    if (best) n[r].type = best;
  }
}

/* The capitalized words of [t0, t1) begin with the letters of the
 * acronym token a, in order (`Kurdistan Democratic Party` KDP). */
static int initials_match(const actx *x, uint32_t t0, uint32_t t1, long a) {
  const char *ac = x->doc->text + tk(x, a)->start;
  size_t n = tk(x, a)->end - tk(x, a)->start, k = 0;
  for (uint32_t t = t0; t < t1; t++) {
    char c = x->doc->text[tk(x, t)->start];
    if (!isupper((unsigned char)c)) continue;
    if (k >= n || toupper((unsigned char)ac[k]) != c) return 0;
    k++;
  }
  return k == n && n >= 2;
}

/* `Name (ACR)`: an acronym in brackets whose letters are the name's
 * initials is that name's type; an organization when the name was only
 * guessed (`National Association of Purchasing Management (NAPM)`). */
static void bracket_acronyms(actx *x) {
  td_ne *n = x->names;
  for (size_t r = 0; r + 1 < x->nnames; r++) {
    long a = (long)n[r].tok1 + 1;
    if (!tok_is(x, a - 1, "(") || (size_t)a + 1 >= x->doc->ntoks || !tok_is(x, a + 1, ")")) continue;
    if (!(tk(x, a)->flags & TD_TOK_ALLCAPS) || n[r + 1].tok0 != (uint32_t)a ||
        n[r + 1].tok1 != (uint32_t)a + 1)
      continue;
    int initials = n[r].tok1 - n[r].tok0 >= 2 && initials_match(x, n[r].tok0, n[r].tok1, a);
    if (initials && (n[r].weak || n[r].type == TD_NE_ORG)) n[r].type = TD_NE_ORG;
    if (initials) n[r + 1].type = n[r].type;
  }
}

/* Replaces the names that overlap tokens [t0, t1) by the n names of
 * `repl` (in text order, inside [t0, t1)); a name that begins before t0
 * keeps its part before t0 when `keep_head` types it (its new type, or
 * TD_NE_NONE to drop it). */
#define SPLICES_MAX 64

static void splice_names(actx *x, uint32_t t0, uint32_t t1, const td_ne *repl, size_t n,
                         int keep_head) {
  /* each splice copies the names into the arena, which keeps them to the
   * document's end: a bound (an article has a few), or a document of
   * thousands of quoted titles took gigabytes */
  if (++x->nsplices > SPLICES_MAX) return;
  size_t cap = x->nnames + n + 1;
  td_ne *out = td_arena_alloc(&x->doc->arena, cap * sizeof *out);
  size_t w = 0, r = 0;
  for (; r < x->nnames && x->names[r].tok1 <= t0; r++) out[w++] = x->names[r];
  if (r < x->nnames && x->names[r].tok0 < t0 && keep_head) {
    out[w] = x->names[r];
    out[w].tok1 = t0, out[w].type = keep_head, out[w].weak = 0;
    w++;
  }
  for (size_t k = 0; k < n; k++) out[w++] = repl[k];
  while (r < x->nnames && x->names[r].tok0 < t1) r++;
  for (; r < x->nnames; r++) out[w++] = x->names[r];
  x->names = out;
  x->nnames = w;
  x->cap_names = cap; /* (add_name grows from it) */
}

/* The acronym token a is spelled by the words of [t0, t1): the first
 * word's initial (its first letter, capital, or digit) is the acronym's
 * first letter, and each other letter is the initial of a later word,
 * each word's used once and in any order (`Union of Rationalist Atheists
 * and Agnostics` UAAR); up to two words may spell nothing (`Rally for the
 * Return of Refugees and Democracy in Rwanda` RDR). */
static int spells_n(const actx *x, long t0, long t1, long a, size_t *nwords);
static int spells(const actx *x, long t0, long t1, long a) {
  size_t k;
  return spells_n(x, t0, t1, a, &k);
}

/* spells, and *nwords: how many words have an initial. */
static int spells_n(const actx *x, long t0, long t1, long a, size_t *nwords) {
  const char *ac = x->doc->text + tk(x, a)->start;
  size_t n = tk(x, a)->end - tk(x, a)->start, k = 0;
  char ini[16];
  if (n < 2 || n > 8) return 0;
  for (long t = t0; t < t1; t++) {
    unsigned char c = (unsigned char)x->doc->text[tk(x, t)->start];
    if (!isupper(c) && !isdigit(c)) continue;
    if (k == sizeof ini) return 0;
    ini[k++] = (char)c;
  }
  *nwords = k;
  if (k < 2 || k > n + 2 || ini[0] != ac[0]) return 0;
  unsigned used = 1;
  for (size_t i = 1; i < n; i++) {
    size_t j = 1;
    while (j < k && ((used >> j & 1) || ini[j] != ac[i])) j++;
    if (j == k) return 0;
    used |= 1u << j;
  }
  return 1;
}

/* `Name (ACR)` where the acronym spells a longer run of capitalized
 * words and the small words between them (`State Law and Order
 * Restoration Council (SLORC)`, `Liberation Tigers of Tamil Eelam
 * (LTTE)`): the words the acronym spells are one name, an organization
 * when an organization word is among them or they are four or more, and
 * the acronym is its. The typing had cut such a name at each small word. */
static void spelled_names(actx *x) {
  static const char *const joins[] = {"of", "for", "the", "and", "in", "on", "de", "del", "des",
                                      "du", "la", "le", "'s", "'", "&", "-", NULL};
  for (size_t si = 0; si < x->doc->nsents; si++) {
    long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
    for (long p = s0 + 2; p + 2 < s1; p++) {
      if (x->doc->text[tk(x, p)->start] != '(') continue; /* (the byte first: perf) */
      if (!tok_is(x, p, "(") || !tok_is(x, p + 2, ")") || !tok_cap(x, p - 1)) continue;
      long a = p + 1;
      const td_tok *at = tk(x, a);
      int upper = at->end - at->start >= 2;
      for (uint32_t c = at->start; c < at->end && upper; c++)
        upper = isupper((unsigned char)x->doc->text[c]) || isdigit((unsigned char)x->doc->text[c]);
      if (!upper) continue;
      long b = p;
      while (b > s0 && p - b < 12 &&
             ((tok_cap(x, b - 1) && !(tk(x, b - 1)->flags & TD_TOK_PUNCT)) ||
              td_str_in(tk(x, b - 1)->norm, joins)))
        b--;
      /* the first word from which the acronym spells the words, a
       * word for each letter if one does (`Pentagon's Project and
       * Contract Office (PCO)`: from Project) */
      long st = -1, loose = -1;
      for (long t = b; t < p - 1 && st < 0; t++) {
        size_t k;
        if (!tok_cap(x, t) || (tk(x, t)->flags & TD_TOK_PUNCT) || !spells_n(x, t, p, a, &k))
          continue;
        if (k == tk(x, a)->end - tk(x, a)->start) st = t;
        else if (loose < 0) loose = t;
      }
      /* (a building's name is a place's as often: `X Space Center (XSC)`) */
      if (tok_in(x, p - 1, W_FACILITY)) continue;
      long cand[2] = {st, loose};
      st = -1;
      for (int c = 0; c < 2 && st < 0; c++) {
        int caps = 0;
        for (long t = cand[c]; cand[c] >= 0 && t < p; t++)
          caps += tok_cap(x, t) && !(tk(x, t)->flags & TD_TOK_PUNCT);
        if (cand[c] >= 0 && (any_org_word(x, cand[c], p) || caps >= 4)) st = cand[c];
      }
      if (st < 0) continue;
      /* a name the typing was sure of that ends before the bracket and
       * holds these words keeps its type (`Comprehensive Test Ban Treaty
       * (CTBT)`, `U.N. Department of X (DHA)`: bracket_acronyms) */
      size_t q0, q1;
      int kept = 0;
      name_window(x, (uint32_t)st, &q0, &q1);
      for (size_t q = q0; q < q1 && !kept; q++)
        kept = x->names[q].tok0 <= (uint32_t)st && x->names[q].tok1 == (uint32_t)p &&
               x->names[q].type && !x->names[q].weak &&
               !(x->names[q].type == TD_NE_PER && any_org_word(x, st, p)); /* (Karen X Union) */
      if (kept) continue;
      /* a nationality before the name (`Welsh National Farmers' Union`)
       * stays one */
      /* (without an organization word the typing is not sure: `High
       * Speed Downlink Packet Access (HSDPA)` is a thing, and no actor
       * is made of it) */
      int sure = any_org_word(x, st, p);
      td_ne repl[2] = {{(uint32_t)st, (uint32_t)p, TD_NE_ORG, 0, !sure, sure},
                       {(uint32_t)a, (uint32_t)a + 1, TD_NE_ORG, 0, !sure, sure}};
      splice_names(x, (uint32_t)st, (uint32_t)p + 2, repl, 2,
                   st - 1 >= s0 && demonym_tok(x, st - 1) ? TD_NE_MISC : TD_NE_NONE);
      p += 2;
    }
  }
}

/* Capitalized words no rule typed that the document types elsewhere take
 * that type: a headline (`BRENNICK TAKES LEAD IN MILWAUKEE` before `Orla
 * Brennick fired a 64`, `Yeltsin endorses ...`) gets no guess of its own,
 * nor does a name opening a sentence. The same words as a typed name, up
 * to three, or one word that ends a person's name of two or more (not a
 * common word: `KING`, `HILL`). */
static void untyped_names(actx *x) {
  size_t nt = x->doc->ntoks;
  uint8_t *cov = td_arena_alloc(&x->doc->arena, nt + 1);
  memset(cov, 0, nt + 1);
  for (size_t r = 0; r < x->nnames; r++)
    if (x->names[r].type)
      for (uint32_t t = x->names[r].tok0; t < x->names[r].tok1; t++) cov[t] = 1;
  td_ne *add = NULL;
  size_t nadd = 0, cap = 0;
  for (size_t si = 0; si < x->doc->nsents; si++) {
    long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
    for (long t = s0; t < s1; t++) {
      if (cov[t] || !tok_cap(x, t) || (tk(x, t)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT)) ||
          opener_word(x, t) || vs_word(x, t))
        continue;
      if (t == s0 && tok_is(x, t + 1, "-")) continue; /* the desk's slug: GOLF - */
      int type = 0;
      long len = 0;
      size_t q0, q1;
      name_window(x, (uint32_t)t, &q0, &q1);
      for (long l = 3; l >= 1 && !type; l--) {
        if (t + l > s1 || (l == 1 && common_word(x, t))) continue;
        int ok = 1;
        for (long k = t; k < t + l && ok; k++) ok = !cov[k] && tok_cap(x, k);
        if (!ok) continue;
        td_ne span = {(uint32_t)t, (uint32_t)(t + l), 0, 0, 0, 0};
        for (size_t r = q0; r < q1 && !type; r++)
          if (x->names[r].type && !x->names[r].weak && same_words(x, &x->names[r], &span))
            type = x->names[r].type, len = l;
      }
      if (!type && !common_word(x, t))
        for (size_t r = q0; r < q1 && !type; r++) {
          const td_ne *q = &x->names[r];
          if (q->type == TD_NE_PER && !q->weak && q->tok1 - q->tok0 >= 2 &&
              same_norms(x, q->tok1 - 1, t, 1))
            type = TD_NE_PER, len = 1;
        }
      if (!type) continue;
      TD_AGROW(&x->doc->arena, add, cap, nadd + 1);
      add[nadd++] = (td_ne){(uint32_t)t, (uint32_t)(t + len), type, 0, 0, 0};
      for (long k = t; k < t + len; k++) cov[k] = 1;
      t += len - 1;
    }
  }
  if (!nadd) return;
  size_t ncap = x->nnames + nadd;
  td_ne *out = td_arena_alloc(&x->doc->arena, ncap * sizeof *out);
  size_t a = 0, b = 0, w = 0;
  while (a < x->nnames || b < nadd)
    out[w++] = b >= nadd || (a < x->nnames && x->names[a].tok0 < add[b].tok0) ? x->names[a++]
                                                                            : add[b++];
  x->names = out;
  x->nnames = w;
  x->cap_names = ncap;
}

/* Titles and events named with `of`: `" Lawrence of Arabia "`, `" The
 * Crying Game "` (capitalized words and small function words filling a
 * pair of quotation marks, the first and last capitalized), and an event's
 * name with `of`/`for` and the name after it (`World Series of Golf`,
 * `Tour of the Netherlands`, `Treaty of Baden`) are one MISC name. */
static void titled_names(actx *x) {
  /* (the small words: W_SMALL) */
  for (size_t si = 0; si < x->doc->nsents; si++) {
    long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
    for (long q = s0; q + 3 < s1; q++) {
      if (!tok_cap(x, q + 1) || !quote_tok(x, q)) continue; /* (the bit first: perf) */
      long e = q + 1;
      while (e < s1 && e - q <= 8 && !quote_tok(x, e) &&
             ((tok_cap(x, e) && !(tk(x, e)->flags & TD_TOK_PUNCT)) || tok_in(x, e, W_SMALL)))
        e++;
      if (e >= s1 || !quote_pair(x, q, e) || e - q - 1 < 2 || !tok_cap(x, e - 1) ||
          (tk(x, q + 1)->flags & TD_TOK_ALLCAPS))
        continue;
      int small_in = 0;
      for (long t = q + 1; t < e; t++) small_in |= tok_in(x, t, W_SMALL);
      /* only what the other rules did not already take as one name, nor
       * a nickname inside a person's name */
      int whole = 0;
      for (size_t r = 0; r < x->nnames && !whole; r++)
        whole = x->names[r].type == TD_NE_PER && x->names[r].tok0 < (uint32_t)q &&
                x->names[r].tok1 > (uint32_t)e;
      if (whole) continue;
      for (size_t r = 0; r < x->nnames && !whole; r++)
        whole = x->names[r].tok0 == (uint32_t)q + 1 && x->names[r].tok1 == (uint32_t)e &&
                x->names[r].type && !x->names[r].weak;
      if (whole && !small_in) continue;
      td_ne t = {(uint32_t)q + 1, (uint32_t)e, TD_NE_MISC, 0, 0, 0};
      splice_names(x, t.tok0, t.tok1, &t, 1, 0);
      q = e;
    }
  }
  td_ne *n = x->names;
  size_t w = 0;
  for (size_t r = 0; r < x->nnames; r++) {
    if (w > 0 && n[w - 1].type && n[w - 1].type != TD_NE_PER && n[r].type &&
        tok_in(x, n[w - 1].tok1 - 1, W_MISC) &&
        tk(x, n[r].tok0)->sent == tk(x, n[w - 1].tok0)->sent &&
        (tok_is(x, n[w - 1].tok1, "of") || tok_is(x, n[w - 1].tok1, "for")) &&
        (n[r].tok0 == n[w - 1].tok1 + 1 ||
         (n[r].tok0 == n[w - 1].tok1 + 2 && tok_is(x, n[w - 1].tok1 + 1, "the")))) {
      n[w - 1].tok1 = n[r].tok1;
      n[w - 1].type = TD_NE_MISC, n[w - 1].weak = 0;
      continue;
    }
    n[w++] = n[r];
  }
  x->nnames = w;
}

/* `the Dow Jones industrial average`, `the Nasdaq composite index`, `the
 * key 225-share Nikkei average`: a market index named after its
 * exchange or publisher is a MISC name, not the organization. */
static void index_names(actx *x) {
  static const char *const words[] = {"index", "indices", "average", "averages", "composite",
                                      NULL};
  for (size_t r = 0; r < x->nnames; r++) {
    td_ne *n = &x->names[r];
    if (n->type != TD_NE_ORG && !n->weak) continue; /* (Dow Jones: a guessed person) */
    long b = n->tok1;
    if ((size_t)b >= x->doc->ntoks || tk(x, b)->sent != tk(x, n->tok0)->sent) continue;
    if (tok_is(x, b, "industrial") || tok_is(x, b, "share") || tok_is(x, b, "stock")) b++;
    if ((size_t)b < x->doc->ntoks && td_str_in(tk(x, b)->norm, words)) n->type = TD_NE_MISC;
  }
}

/* Token i is a year written alone: four digits from 1900 to 2099. */
static int year_tok(const actx *x, long i) {
  const td_tok *t = tk(x, i);
  const char *w = x->doc->text + t->start;
  return t->end - t->start == 4 && plain_int(x, i) &&
         ((w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0'));
}

/* `the 1998 World Cup`, `the 1993 Harbor Classic`, `Euro 96`: the year
 * of a sporting event is part of its name, before an event word's name
 * or after `Euro` (the championship, not the currency, which takes no
 * year). */
static void event_years(actx *x) {
  static const char *const events[] = {"cup", "open", "championship", "championships", "games",
                                       "olympics", "classic", "prix", "masters", "trophy",
                                       "series", NULL};
  for (size_t r = 0; r < x->nnames; r++) {
    td_ne *n = &x->names[r];
    if (n->type != TD_NE_MISC) continue;
    long a = (long)n->tok0 - 1, b = n->tok1;
    if (a >= 0 && tk(x, a)->sent == tk(x, n->tok0)->sent && year_tok(x, a) &&
        td_str_in(tk(x, b - 1)->norm, events) && (r == 0 || x->names[r - 1].tok1 <= (uint32_t)a))
      n->tok0 = (uint32_t)a;
    else if (b - (long)n->tok0 == 1 && (size_t)b < x->doc->ntoks && tok_is(x, b - 1, "euro") &&
             !(tk(x, b - 1)->flags & TD_TOK_ALLCAPS) && tok_cap(x, b - 1) &&
             tk(x, b)->sent == tk(x, n->tok0)->sent &&
             (year_tok(x, b) || (plain_int(x, b) && tk(x, b)->end - tk(x, b)->start == 2)) &&
             (r + 1 >= x->nnames || x->names[r + 1].tok0 > (uint32_t)b))
      n->tok1 = (uint32_t)b + 1;
  }
}

/* In a sports story a league no dictionary names is a competition, not
 * an organization (`the National League`, `Major League Baseball`, the
 * `Bundesliga` after a name): MISC, as cups and opens are, and so is a
 * division's or a league's heading over a table; a political league
 * (`Northern League`, a party) is named outside sports stories. */
static void sports_leagues(actx *x) {
  static const char *const leagues[] = {"league", "leagues", "baseball", "bundesliga", NULL};
  static const char *const heads[] = {"league", "division", "conference", NULL};
  if (!x->sports) return;
  for (size_t r = 0; r < x->nnames; r++) {
    td_ne *n = &x->names[r];
    if (n->type != TD_NE_ORG || !td_str_in(tk(x, n->tok1 - 1)->norm, leagues)) continue;
    size_t si = tk(x, n->tok0)->sent;
    int dict = 0;
    for (size_t k = x->first[si]; k < x->first[si + 1] && !dict; k++)
      dict = x->all[k].tok0 == n->tok0 && x->all[k].tok1 == n->tok1 && is_cls(&x->all[k], "org");
    if (!dict) n->type = TD_NE_MISC, n->weak = 0;
  }
  /* a standings table's heading alone on its line: EASTERN DIVISION,
   * AMERICAN LEAGUE (a headline in capitals gets no name of its own) */
  for (size_t si = 0; si < x->doc->nsents; si++) {
    long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
    if (s1 - s0 < 2 || s1 - s0 > 3 || tok_is(x, s0, "division") ||
        !td_str_in(tk(x, s1 - 1)->norm, heads))
      continue;
    int ok = 1;
    for (long t = s0; t < s1 && ok; t++)
      ok = (tk(x, t)->flags & TD_TOK_ALLCAPS) && !(tk(x, t)->flags & (TD_TOK_DIGIT | TD_TOK_PUNCT));
    if (!ok) continue;
    td_ne ev = {(uint32_t)s0, (uint32_t)s1, TD_NE_MISC, 0, 0, 0};
    splice_names(x, ev.tok0, ev.tok1, &ev, 1, 0);
  }
}

/* Places named with their part or their state: a compass word before a
 * place (`East Jerusalem`, `Arab East Jerusalem`), `Republic of Ireland`,
 * `Federal Republic of Yugoslavia`, `Kingdom of X`: one place. */
static void place_compounds(actx *x) {
  static const char *const compass[] = {"east", "west", "north", "south", "northern",
                                        "southern", "eastern", "western", "central", NULL};
  static const char *const states[] = {"republic", "kingdom", "principality", "emirate",
                                       "sultanate", "commonwealth", NULL};
  td_ne *n = x->names;
  size_t w = 0;
  for (size_t r = 0; r < x->nnames; r++) {
    if (w > 0 && n[r].type == TD_NE_LOC && n[w - 1].type &&
        tk(x, n[r].tok0)->sent == tk(x, n[w - 1].tok0)->sent) {
      td_ne *p = &n[w - 1];
      int before = p->tok1 == n[r].tok0 && p->type != TD_NE_LOC &&
                   td_str_in(tk(x, p->tok1 - 1)->norm, compass) &&
                   (p->weak || p->tok1 - p->tok0 == 1 || p->type == TD_NE_MISC);
      int of = p->tok1 + 1 == n[r].tok0 && tok_is(x, p->tok1, "of") &&
               td_str_in(tk(x, p->tok1 - 1)->norm, states);
      if (before || of) {
        p->tok1 = n[r].tok1;
        p->type = TD_NE_LOC, p->weak = 0;
        continue;
      }
    }
    n[w++] = n[r];
  }
  x->nnames = w;
}

/* A place's one word that ends a person's full name in the same story is
 * that person (`MaliVai Washington` ... `Washington fell short`, `Neil
 * Jordan` ... `Jordan said`), except after a place preposition (`in
 * Washington`) or in a dateline. */
static void surname_places(actx *x) {
  td_ne *n = x->names;
  for (size_t r = 0; r < x->nnames; r++) {
    if (n[r].type != TD_NE_LOC || n[r].tok1 - n[r].tok0 != 1) continue;
    long a = (long)n[r].tok0 - 1, b = n[r].tok1;
    int same_sent = a >= 0 && tk(x, a)->sent == tk(x, n[r].tok0)->sent;
    if ((same_sent && tok_in(x, a, W_LPREP)) ||
        (same_sent && tok_is(x, a, "of")) ||
        ((size_t)b < x->doc->ntoks && (date_tok(x, b) || tok_is(x, b, ","))) ||
        (tk(x, n[r].tok0)->flags & TD_TOK_ALLCAPS))
      continue;
    size_t q0, q1;
    name_window(x, n[r].tok0, &q0, &q1);
    for (size_t q = q0; q < q1; q++) {
      const td_ne *p = &n[q];
      if (p->type == TD_NE_PER && !p->weak && p->tok1 - p->tok0 >= 2 &&
          same_norms(x, p->tok1 - 1, n[r].tok0, 1)) {
        n[r].type = TD_NE_PER;
        break;
      }
    }
  }
}

/* A dateline inside a sentence: `[Byline] CITY , Region DATE` (Reuters:
 * `Ola Brenn MARVESK , Tajikistan 1996-08-30`, `FARMINGTON HILLS ,
 * Mich . 1996-08-30`). The city in capitals and the region (a state or a
 * country, one to three capitalized words) are places whatever a rule
 * said; mixed-case words before the city are the reporter's name. */
static void datelines(actx *x) {
  for (size_t si = 0; si < x->doc->nsents; si++) {
    long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
    for (long k = s0 + 3; k < s1; k++) {
      if (!date_tok(x, k)) continue;
      long r1 = tok_is(x, k - 1, ".") ? k - 1 : k, r0 = r1;
      while (r0 > s0 && r1 - r0 < 3 && tok_cap(x, r0 - 1) &&
             !(tk(x, r0 - 1)->flags & (TD_TOK_PUNCT | TD_TOK_DIGIT)))
        r0--;
      if (r0 == r1 || !tok_is(x, r0 - 1, ",")) continue;
      long c1 = r0 - 1, c0 = c1;
      while (c0 > s0 && c1 - c0 < 4 && (tk(x, c0 - 1)->flags & TD_TOK_ALLCAPS) &&
             !(tk(x, c0 - 1)->flags & TD_TOK_DIGIT))
        c0--;
      if (c0 == c1) continue;
      int byline = c0 - s0 >= 2 && c0 - s0 <= 3;
      for (long t = s0; t < c0 && byline; t++)
        byline = tok_cap(x, t) && !(tk(x, t)->flags & (TD_TOK_ALLCAPS | TD_TOK_PUNCT));
      if (c0 > s0 && !byline) continue;
      td_ne repl[2] = {{(uint32_t)c0, (uint32_t)c1, TD_NE_LOC, 0, 0, 0},
                       {(uint32_t)r0, (uint32_t)r1, TD_NE_LOC, 0, 0, 0}};
      splice_names(x, (uint32_t)c0, (uint32_t)r1, repl, 2, TD_NE_PER);
    }
  }
}

/* Token i begins a name of the document's dictionary matches (not a
 * last-resort guess), or is a nationality word, `World` or `European`:
 * where the name of an event in a headline starts (`ITALIAN CUP`). */
static int event_start(const actx *x, long i) {
  size_t q0, q1; /* (the names are in text order: the one at i is in the window) */
  name_window(x, (uint32_t)i, &q0, &q1);
  for (size_t r = q0; r < q1; r++)
    if (x->names[r].tok0 == (uint32_t)i) return !x->names[r].weak;
  return demonym_tok(x, i) || tok_is(x, i, "world") || tok_is(x, i, "european");
}

/* Names of events in a headline in capitals, where no name is guessed: an
 * event word (`CUP`, `CHAMPIONSHIP`, `GRAND PRIX`) and the words before it
 * back to where such a name starts (a country or place, a nationality,
 * `WORLD`: `IN WORLD CUP QUALIFIER`, `BERLIN GRAND PRIX`, `ENGLISH COUNTY
 * CHAMPIONSHIP`), up to three, not over a function word or a number; with
 * no such start, the one word before it (`FED CUP`). `OPEN`, a verb in
 * headlines too, only after a dictionary name (`HONG KONG OPEN`). */
static void event_names(actx *x) {
  static const char *const shout_events[] = {"cup", "championship", "championships", "prix",
                                             "masters", "olympics", "trophy", NULL};
  for (size_t si = 0; si < x->doc->nsents; si++) {
    long s0 = x->doc->sents[si].tok0, s1 = s0 + x->doc->sents[si].ntok;
    if (!shouting(x, s0, s1)) continue;
    for (long e = s0; e < s1; e++) {
      if (!(tk(x, e)->flags & TD_TOK_ALLCAPS)) continue;
      int open = tok_is(x, e, "open");
      if (!open && !td_str_in(tk(x, e)->norm, shout_events)) continue;
      if (tok_is(x, e + 1, "prix") || tok_is(x, e + 1, "cup")) continue; /* GRAND PRIX */
      long b = e, start = -1, last = tok_is(x, e, "prix") ? e - 4 : e - 3;
      while (b > s0 && b - 1 >= last && (tk(x, b - 1)->flags & TD_TOK_ALLCAPS) &&
             !opener_word(x, b - 1) && !(tk(x, b - 1)->flags & TD_TOK_DIGIT) &&
             !vs_word(x, b - 1) && start < 0)
        if (event_start(x, --b)) start = b;
      if (open && start < 0) continue;
      if (start < 0) start = b < e ? e - 1 : e;
      if (tok_is(x, e, "prix") && start == e - 1 && b < start) start--; /* Grand */
      td_ne ev = {(uint32_t)start, (uint32_t)e + 1, TD_NE_MISC, 0, 0, 0};
      splice_names(x, ev.tok0, ev.tok1, &ev, 1, 0);
    }
  }
}

/* ---- people and organizations no dictionary knows ---- */

/* The tokens [*t0, *t1) a mention's byte span covers. */
static void span_toks(const actx *x, td_span sp, long *t0, long *t1) {
  long t = (long)td_doc_tok_after(x->doc, sp.start);
  *t0 = t;
  while ((size_t)t < x->doc->ntoks && tk(x, t)->start < sp.end) t++;
  *t1 = t;
}

/* The actor whose mention covers token t, or -1 (owner: one per token). */
static int owner_at(const int32_t *owner, long t, long s0, long s1) {
  return t >= s0 && t < s1 ? owner[t] : -1;
}

/* A discovered person at [t0, t1) who names the organization or country
 * they act for beside the name: `U.N. mediator Diego Cordovez`, `Iran's
 * Ali Vaezi`, `Kenzo Oshima, the United Nations Emergency Relief
 * Coordinator,`. The actor named, or -1; [*r0, *r1): the role's words
 * (none for a possessive); [*m0, *m1): the description, the actor's
 * mention and the role, which is the person's mention too (as a known
 * title's is, `U.S. Defense Secretary Ann Marlow`). */
static int affiliation(actx *x, const int32_t *owner, long t0, long t1, long s0, long s1,
                       long *r0, long *r1, long *m0, long *m1) {
  /* before: ACTOR [up to three lowercase nouns] NAME, or ACTOR's NAME
   * (the possessive glued to the actor's token, as the tokenizer writes
   * it, or a token of its own) */
  long b = t0 - 1;
  while (b >= s0 && b > t0 - 4 && tk(x, b)->upos == TD_NOUN && !(tk(x, b)->flags & TD_TOK_CAP)) b--;
  long roles = b + 1;
  int poss = b >= s0 && poss_tok(x, b) && roles == t0;
  if (poss) b--;
  int k = owner_at(owner, b, s0, s1);
  if (k >= 0 && strcmp(A(x, k)->kind, "person") != 0 && A(x, k)->code) {
    long f = b;
    while (f > s0 && owner[f - 1] == k) f--;
    /* a preposition's object with nothing between it and the name is
     * no affiliation (`Against Italy Tomas Ravel scored`) */
    if (roles == t0 && !poss && !glued_poss(x, b) && f > s0 && tk(x, f - 1)->upos == TD_ADP)
      return -1;
    *r0 = roles, *r1 = t0, *m0 = f, *m1 = t0;
    return k;
  }
  /* after: NAME , [the] ACTOR role words (at least one), the role ending
   * the clause (a comma, a full stop, a verb) */
  long a = t1;
  if (!tok_is(x, a, ",")) return -1;
  a++;
  if (tok_is(x, a, "the")) a++;
  k = owner_at(owner, a, s0, s1);
  if (k < 0 || strcmp(A(x, k)->kind, "person") == 0 || !A(x, k)->code) return -1;
  long f = a;
  while (a < s1 && owner[a] == k) a++;
  long e = a;
  while (e < s1 && e < a + 4 && owner[e] < 0 &&
         (tk(x, e)->upos == TD_NOUN || tk(x, e)->upos == TD_PROPN || tk(x, e)->upos == TD_ADJ))
    e++;
  if (e == a || tk(x, e - 1)->upos == TD_ADJ ||
      (e < s1 && !tok_is(x, e, ",") && !tok_is(x, e, ".") && tk(x, e)->upos != TD_VERB))
    return -1;
  *r0 = a, *r1 = e, *m0 = f, *m1 = e;
  return k;
}

/* The actor whose mention covers each token of the document (-1: none),
 * in the arena. */
static int32_t *owners(actx *x) {
  const td_doc *doc = x->doc;
  int32_t *owner = td_arena_alloc(&x->doc->arena, (doc->ntoks + 1) * sizeof *owner);
  for (size_t t = 0; t <= doc->ntoks; t++) owner[t] = -1;
  for (size_t k = 0; k < doc->nactors; k++)
    for (size_t m = 0; m < doc->actors[k].nmentions; m++) {
      long t0, t1;
      span_toks(x, doc->actors[k].mentions[m], &t0, &t1);
      for (long t = t0; t < t1; t++) owner[t] = (int32_t)k;
    }
  return owner;
}

/* Actor a's mentions in text order (an insertion sort: added out of order
 * are a few). */
static int cmp_span_start(const void *p, const void *q) {
  const td_span *a = p, *b = q;
  return a->start < b->start ? -1 : a->start > b->start ? 1 : (a->end > b->end) - (a->end < b->end);
}

static void sort_mentions(td_actor *a) {
  if (a->nmentions > 64) { /* (many added out of order: an insertion sort is quadratic) */
    qsort(a->mentions, a->nmentions, sizeof *a->mentions, cmp_span_start);
    return;
  }
  for (size_t i = 1; i < a->nmentions; i++) {
    td_span v = a->mentions[i];
    size_t j = i;
    for (; j > 0 && a->mentions[j - 1].start > v.start; j--) a->mentions[j] = a->mentions[j - 1];
    a->mentions[j] = v;
  }
}

/* Drops actor k's mentions inside tokens [t0, t1). */
static void drop_mentions(actx *x, int k, long t0, long t1) {
  td_actor *a = A(x, k);
  uint32_t s = tk(x, t0)->start, e = tk(x, t1 - 1)->end;
  size_t w = 0;
  for (size_t i = 0; i < a->nmentions; i++)
    if (a->mentions[i].start < s || a->mentions[i].end > e) a->mentions[w++] = a->mentions[i];
  a->nmentions = w;
}

#define SPELLED_MAX 256 /* bracketed acronyms kept per document (16 until 2026-11-24) */
#define DISCOVERED_MAX 1000 /* actors discovered_actors makes in one document, at most */

/* Sites: a place that the name typing calls an organization by its head
 * word is a building or a street, no actor (`Lansdowne Road`). */
static const char *const site_words[] = {"road", "street", "square", "avenue", "hall", "palace",
                                         "airport", "station", "stadium", "park", "centre",
                                         "center", NULL};

/* ---- the codes of discovered organizations ---- */

/* The head word of organization name [a0, t1): the word before its first
 * `of`/`for` (`Department for Education`, `Bank of America`), else its
 * last word (`National Audit Office`). */
static long org_head(const actx *x, long a0, long t1) {
  for (long t = a0 + 1; t < t1 - 1; t++)
    if (tok_is(x, t, "of") || tok_is(x, t, "for")) return t - 1;
  return t1 - 1;
}

/* The CAMEO sector an organization's name gives by its words, or NULL:
 * its head word (org_head) names the media (`Radio Times`, `Jewish
 * Chronicle`, `News Corp`: MED, or a media word before a firm's word:
 * `Norwegian Broadcasting Corporation`), a body of the state (`Ministry`,
 * `Department`, `Agency`, `Commission`, `Authority`, `Office`,
 * `Executive`; a central bank: GOV), a court (JUD), a legislature (LEG),
 * the police (COP), a party (PTY), a university (EDU), a foundation
 * (NGO), or a firm: a legal form or trade (td_firm_word: `Menatep Group`,
 * `Nippon Steel`), a bank or an exchange (BUS). None for a body of many
 * nations (`European Court`, `Asian Development Bank`, `International
 * Energy Agency`: the dictionaries code those, IGO), a post office, a
 * news agency no name gives, a group of work (`Working Group`), the title
 * of a work (a verb or an adjective before the head: `Genius Loves
 * Company`, `Bad Company`), nor two words of the language that name a
 * kind (`Commercial Bank`, `National Insurance`, `Department Stores`; an
 * airline's name may be such: `Jet Airways`). */
static const char *org_sector(const actx *x, long a0, long t1) {
  static const char *const media_heads[] = {"news", "radio", "television", "magazine",
                                            "newspaper", "herald", "tribune", "gazette",
                                            "chronicle", NULL};
  static const char *const media[] = {"news", "radio", "television", "tv", "broadcasting",
                                      "media", "newspaper", "newspapers", NULL};
  static const char *const many[] = {"international", "european", "world", "global", "asian",
                                     "african", "arab", "pacific", "atlantic", "commonwealth",
                                     "inter-american", "nations", "development", "regional",
                                     "islamic", "rights", NULL};
  static const char *const gov[] = {"ministry", "department", "treasury", "executive",
                                    "government", "administration", "agency", "commission",
                                    "authority", "office", "directorate", "secretariat", NULL};
  static const char *const work[] = {"working", "advisory", "action", "study", "studies",
                                     "pressure", "contact", "steering", "research", "focus",
                                     "interest", "campaign", "support", "promoter", "way",
                                     "expert", "parliamentary", NULL};
  static const struct {
    const char *word, *sector;
  } heads[] = {{"court", "JUD"},      {"tribunal", "JUD"},  {"parliament", "LEG"},
               {"assembly", "LEG"},   {"senate", "LEG"},    {"police", "COP"},
               {"constabulary", "COP"}, {"party", "PTY"},   {"university", "EDU"},
               {"college", "EDU"},    {"foundation", "NGO"}, {"bank", "BUS"},
               {"exchange", "BUS"},   {NULL, NULL}};
  /* an armed movement: a fighter's word before a front's, an army's or a
   * movement's (`Oromo Liberation Front`, `National Resistance Army`) */
  static const char *const armed[] = {"liberation", "resistance", "revolutionary", "rebel",
                                      "insurgent", "martyrs", "mujahideen", NULL};
  static const char *const bands[] = {"front", "army", "movement", "brigade", "brigades",
                                      "forces", "tigers", NULL};
  if (t1 - a0 >= 2 && td_str_in(tk(x, t1 - 1)->norm, bands))
    for (long t = a0; t < t1 - 1; t++)
      if (td_str_in(tk(x, t)->norm, armed)) return "REB";
  int any_media = 0;
  for (long t = a0; t < t1; t++) {
    const td_tok *k = tk(x, t);
    if (td_str_in(k->norm, many)) return NULL;
    if (k->upos == TD_VERB || k->upos == TD_AUX) return NULL;
    any_media |= td_str_in(k->norm, media);
  }
  long h = org_head(x, a0, t1);
  const char *w = tk(x, h)->norm;
  if (h == a0) return NULL;
  unsigned before = tk(x, h - 1)->upos;
  if (td_str_in(w, media_heads) || (any_media && td_firm_word(w))) return "MED";
  if (any_media) return NULL; /* (`News Agency`, `Internet TV`) */
  if (td_str_in(w, gov)) {
    if (tok_is(x, h - 1, "post") || tok_is(x, h - 1, "box")) return NULL;
    /* the police's (`Police Department`, `Sheriff's Office`) */
    long ph = h - 1;
    if (ph > a0 && poss_tok(x, ph)) ph--;
    if (tok_is(x, ph, "police") || tok_is(x, ph, "sheriff") || tok_is(x, ph, "sheriffs"))
      return "COP";
    /* a department of a field of learning is a university's (`Aerospace
     * Engineering Department`); one a name not a country's owns (`Texas
     * A&M's`, `the company's Legal Department`; not `the president's
     * Oval Office`) is that body's, no government's */
    static const char *const fields[] = {
        "engineering", "physics", "chemistry", "biology", "mathematics", "economics",
        "sociology", "psychology", "philosophy", "linguistics", "anthropology", "geology",
        "astronomy", "neuroscience", "pharmacology", "surgery", "pediatrics", "paediatrics",
        "radiology", "cardiology", "psychiatry", "oncology", "neurology", NULL};
    for (long t = a0; t < h; t++)
      if (td_str_in(tk(x, t)->norm, fields)) return "EDU";
    static const char *const owners[] = {"university", "college", "school", "company",
                                         "firm", "group", "hospital", "club", NULL};
    if (a0 >= 2 && poss_tok(x, a0 - 1) &&
        (tok_cap(x, a0 - 2) || td_str_in(tk(x, a0 - 2)->norm, owners))) {
      long s0 = (long)x->doc->sents[tk(x, a0)->sent].tok0;
      long s1 = s0 + (long)x->doc->sents[tk(x, a0)->sent].ntok;
      const dm *pm = a0 - 2 >= s0 ? match_ending(x, a0 - 2, s0, s1) : NULL;
      if (!pm) pm = match_ending(x, a0 - 1, s0, s1); /* (`Japan's` one match) */
      if (!dm_country(pm) && !(pm && is_cls(pm, "nonactor.place")) &&
          !(pm && is_cls(pm, "org.gov")) && !(pm && is_cls(pm, "org.igo")))
        return tok_is(x, a0 - 2, "university") || tok_is(x, a0 - 2, "college") ? "EDU" : NULL;
    }
    return "GOV";
  }
  /* in a story of music, film or the stage a party or a court whose name
   * says no more is a band's or a stage's (`indie group Bloc Party`, `at
   * the Royal Court`); the High Court a singer sues in stays a court */
  static const char *const benches[] = {"high", "supreme", "crown", "district", "appeal",
                                        "appeals", "federal", "county", "magistrates",
                                        "superior", "criminal", "civil", "family",
                                        "constitutional", "circuit", "municipal", "election",
                                        "military", "youth", "juvenile", "coroner's",
                                        "coroners", "sheriff", "state", "provincial", "local",
                                        NULL};
  /* (or a word of the law in its sentence: `the magistrate who issued the
   * order at Waverley Court`) */
  static const char *const law[] = {"judge", "judges", "magistrate", "jury", "trial", "ruled",
                                    "ruling", "sued", "lawsuit", "hearing", "case", "order",
                                    "sentenced", "convicted", "charged", "injunction",
                                    "damages", "libel", "appeal", NULL};
  static const char *const parties[] = {
      "labour", "labor", "conservative", "liberal", "democratic", "democrats", "republican",
      "socialist", "communist", "national", "nationalist", "green", "greens", "people's",
      "workers", "workers'", "independence", "unionist", "progressive", "christian",
      "popular", "reform", "justice", "freedom", "unity", "alliance", "radical", NULL};
  if (arts_doc(x) && (strcmp(w, "court") == 0 || strcmp(w, "party") == 0)) {
    int says = 0;
    for (long t = a0; t < h && !says; t++)
      says = td_str_in(tk(x, t)->norm, strcmp(w, "court") == 0 ? benches : parties);
    if (strcmp(w, "court") == 0 && !says) {
      const td_sent *st = &x->doc->sents[tk(x, a0)->sent];
      for (long t = (long)st->tok0; t < (long)(st->tok0 + st->ntok) && !says; t++)
        says = td_str_in(tk(x, t)->norm, law);
    }
    if (!says) return NULL;
  }
  if (strcmp(w, "bank") == 0 && (tok_is(x, h - 1, "central") || tok_is(x, h - 1, "reserve")))
    return "GOV";
  for (int i = 0; heads[i].word; i++)
    if (strcmp(w, heads[i].word) == 0) {
      if (strcmp(heads[i].sector, "BUS") != 0) return heads[i].sector;
      break;
    }
  int firm = td_firm_word(w) || strcmp(w, "bank") == 0 || strcmp(w, "exchange") == 0;
  if (!firm || before == TD_ADJ || td_str_in(tk(x, h - 1)->norm, work)) return NULL;
  if (h - a0 == 1 && h == t1 - 1 && lower_word(x, a0) && !td_firm_suffix(w) &&
      strcmp(w, "airlines") != 0 && strcmp(w, "airways") != 0)
    return NULL;
  return "BUS";
}

/* `US firm Zorvane`, `Japanese carmaker Dravco`, `Britain's biggest
 * bank Orvik`: a country word, up to two lowercase words and a noun that
 * names a business (td_firm_noun) right before the name at a0; the
 * country's payload, else NULL. */
static const char *firm_apposition(const actx *x, long a0, long s0, long s1) {
  long j = a0 - 1;
  if (j < s0 || tok_cap(x, j) || !td_firm_noun(tk(x, j)->norm)) return NULL;
  for (int n = 0; n < 3; n++) {
    const dm *cm = match_ending(x, j - 1, s0, s1);
    if (!cm && j - 1 > s0 && poss_tok(x, j - 1)) cm = match_ending(x, j - 2, s0, s1);
    if (cm) return dm_country(cm) && !is_cls(cm, "country.people") ? cm->payload : NULL;
    j--;
    if (j <= s0 || tok_cap(x, j) || (tk(x, j)->upos != TD_NOUN && tk(x, j)->upos != TD_ADJ))
      return NULL;
  }
  return NULL;
}

/* Codes discovered organization k, named [a0, t1) in sentence [s0, s1),
 * from its own words: its sector (org_sector), and its country from a
 * country word or a place of the dictionary inside the name (`Chilean
 * Copper Commission`, `Karachi Stock Exchange`), else, for a body of the
 * state, a court, the police or a party, the country the article is about
 * (`the National Audit Office` in a story of Britain: GBRGOV); a firm, a
 * paper, a university or a foundation of no such word has its sector
 * alone (BUS). Nothing in a story of sport (clubs and their bodies code no
 * actor). A country word opening the name with no sector word gives the
 * country alone, as before. */
static void code_discovered_org(actx *x, int k, long a0, long t1, long s0, long s1) {
  const char *country = NULL;
  for (long t = a0; t < t1 && !country; t++) {
    const dm *cm = match_at(x, t, s0, s1);
    if (!cm || (long)cm->tok0 < a0 || (long)cm->tok1 > t1) continue;
    if ((long)cm->tok0 == a0 && (long)cm->tok1 == t1) break; /* (the whole name) */
    if (dm_country(cm)) country = cm->payload;
    else if (is_cls(cm, "nonactor.place") && cm->payload && strlen(cm->payload) == 3)
      country = cm->payload;
    t = (long)cm->tok1 - 1;
  }
  const char *sector = sports_doc(x) ? NULL : org_sector(x, a0, t1);
  /* a firm the words before it name, with their country (`US firm X`) */
  const char *fc = sports_doc(x) || (sector && strcmp(sector, "BUS") != 0)
                       ? NULL
                       : firm_apposition(x, a0, s0, s1);
  if (fc) {
    sector = "BUS";
    if (!country) country = fc;
  }
  if (!sector) {
    const dm *cm = match_at(x, a0, s0, s1);
    /* (not a utility's: `Georgia Power` is of the state, no country's) */
    if (country && cm && (long)cm->tok0 == a0 && dm_country(cm) && !utility_word(x, t1 - 1, s1)) {
      A(x, k)->country = field(x, country, 0, '|');
      A(x, k)->code = A(x, k)->country;
    }
    return;
  }
  static const char *const state[] = {"GOV", "JUD", "LEG", "COP", "PTY", "REB", NULL};
  /* (a country that owns it: `Japan's Finance Ministry`) */
  if (!country && td_str_in(sector, state) && a0 - 2 >= s0 && poss_tok(x, a0 - 1)) {
    const dm *pm = match_ending(x, a0 - 2, s0, s1);
    if (!pm) pm = match_ending(x, a0 - 1, s0, s1);
    if (dm_country(pm) && !is_cls(pm, "country.people")) country = pm->payload;
  }
  /* (a place inside the name first: `Walker County Sheriff's Office`) */
  char cc[4];
  if (!country && td_str_in(sector, state) &&
      td_places_country(x->eng, x->doc, (uint32_t)a0, (uint32_t)t1, cc))
    country = cc;
  if (!country && td_str_in(sector, state)) country = topic_country(x);
  A(x, k)->sector = sector;
  A(x, k)->country = country ? field(x, country, 0, '|') : NULL;
  A(x, k)->code = code_of(x, A(x, k)->country, sector);
}

/* The name [t0, t1) typed an organization (weak: as a last resort): an
 * organization actor when the typing was sure, or an organization word is
 * in the name (`Civic Party`, `Church of Scientology`), with the country
 * of a country word that opens it (`Rwandan Patriotic Front`), or a
 * mention of the one of that name met before; an acronym in capitals
 * (`CAIR`) is a mention of the organization whose initials it spells.
 * The actor, or -1. *at_sent: the sentence x->at holds. */
static int discovered_org(actx *x, const int32_t *owner, long t0, long t1, int weak,
                          size_t *at_sent) {
  td_doc *doc = x->doc;
  long len = t1 - t0;
  for (long t = t0; t < t1; t++)
    if (owner[t] >= 0) return -1;
  if (len == 1 && (tk(x, t0)->flags & TD_TOK_ALLCAPS)) {
    int k = spelling_org(x, t0, -1);
    if (k >= 0) {
      add_mention(x, k, t0, t1);
      return k;
    }
    /* an acronym the story never spells out (`Nathan Tam of the HKDP`,
     * `HKDP's candidate`) names an organization of its own; abbreviations
     * that name nothing (GDP, CEO) are the dictionary's, typed no name */
    /* (not an organization's word alone, TV; nor an acronym in brackets,
     * which the words before it spell out: `Local Loop Unbundling
     * (LLU)` is no organization, nor is a later `LLU`; one that is has
     * its mention above) */
    if (weak == 1 || tok_in(x, t0, W_ORG) || common_word(x, t0)) return -1; /* (AND, ANY: words) */
    char *name = span_text(x, t0, t1);
    char *key = name_key(x, name);
    if (tok_is(x, t0 - 1, "(") && tok_is(x, t1, ")")) {
      if (x->nspelled < SPELLED_MAX) {
        TD_AGROW(&x->doc->arena, x->spelled, x->cap_spelled, x->nspelled + 1);
        x->spelled[x->nspelled++] = key;
      }
      return -1;
    }
    for (size_t q = 0; q < x->nspelled; q++)
      if (strcmp(x->spelled[q], key) == 0) return -1;
    k = find_entity(x, key);
    if (k >= 0 && strcmp(A(x, k)->kind, "organization") != 0) return -1;
    if (k < 0) {
      k = new_actor(x, key, name, "organization");
      A(x, k)->known = 0;
    }
    add_mention(x, k, t0, t1);
    return k;
  }
  /* a joining word the run ended on (`Church of Scientology on Friday`:
   * the day was another name, `Kings And`) is no part of it */
  while (t1 - t0 > 1 && (!tok_cap(x, t1 - 1) || tk(x, t1 - 1)->upos == TD_CCONJ ||
                         tk(x, t1 - 1)->upos == TD_ADP))
    t1--;
  long a0 = t0 + tok_is(x, t0, "the");
  len = t1 - a0;
  /* `the Church` after the `Church of Zorvanism`, `the Council` after
   * the `Harbor Pilots Council`: an organization word alone after `the`
   * is the latest organization met whose name's head word it is */
  if (len == 1 && tok_in(x, a0, W_ORG) && a0 > 0 && tok_is(x, a0 - 1, "the") &&
      tk(x, a0 - 1)->sent == tk(x, a0)->sent) {
    int best = -1;
    long best_at = -1;
    for (size_t q = 0; q < doc->nactors; q++) {
      td_actor *o = A(x, (int)q);
      if (strcmp(o->kind, "organization") != 0 || !o->nmentions) continue;
      long m0, m1;
      span_toks(x, o->mentions[0], &m0, &m1);
      if (m1 - m0 < 2 || m1 > a0 || x->ai[q].last_tok < best_at) continue;
      /* (its head word: the last, or the first before `of`: not `the
       * Army` for the `Army Board`) */
      if (same_norms(x, m1 - 1, a0, 1) ||
          (same_norms(x, m0, a0, 1) && (tok_is(x, m0 + 1, "of") || tok_is(x, m0 + 1, "for"))))
        best = (int)q, best_at = x->ai[q].last_tok;
    }
    if (best >= 0) {
      add_mention(x, best, a0, t1);
      return best;
    }
  }
  /* an organization word in it; no verb, pronoun or article (the title
   * of a work: `Sex And The City`, `Shall We Dance`, `Says No`) */
  int org_word = 0, title = 0;
  /* (a verb in a name that ends in an organization word is a name's:
   * Rolling Mills Magazine) */
  int org_end = tok_in(x, t1 - 1, W_ORG);
  for (long t = a0; t < t1; t++) {
    org_word |= tok_in(x, t, W_ORG);
    unsigned u = tk(x, t)->upos;
    /* (`the` after `of`/`for` is a name's: Council for the Welfare of X;
     * not after a place's word: Love in the Centre of the World) */
    int of_the = u == TD_DET && tok_is(x, t, "the") &&
                 (tok_is(x, t - 1, "of") || tok_is(x, t - 1, "for")) &&
                 !tok_in(x, t - 2, W_FACILITY);
    title |= (u == TD_VERB && !org_end) || u == TD_AUX || u == TD_PRON ||
             (u == TD_DET && !of_the) || (u == TD_CCONJ && tok_cap(x, t));
  }
  /* one word: a name the typing was sure of (`security firm Zorvane`,
   * `Zorvane said it`), not an organization's word alone (`the Union`),
   * a nationality or a common word; or a later mention of it */
  int one = len == 1 && weak != 1 && !tok_in(x, a0, W_ORG) && !demonym_tok(x, a0) &&
            !common_word(x, a0);
  /* (words in capitals: a headline's, whose guesses are too often
   * wrong; an acronym opening a name is its part: CBC News) */
  if ((len < 2 && !one) || len > 8 || (weak == 1 && !org_word) || title ||
      ((tk(x, a0)->flags & TD_TOK_ALLCAPS) && (len == 1 || caps_run(x, a0, t1))) ||
      td_str_in(tk(x, t1 - 1)->norm, site_words))
    return -1;
  char *name = span_text(x, a0, t1);
  char *key = name_key(x, name);
  int k = find_entity(x, key);
  if (k >= 0 && strcmp(A(x, k)->kind, "organization") != 0) return -1; /* a person's or a place's words */
  /* `Zorvanism` after the `Church of Zorvanism`: the words after `of`
   * in an organization's name met before are a mention of it */
  for (size_t q = 0; k < 0 && len <= 2 && q < doc->nactors; q++) {
    td_actor *o = A(x, (int)q);
    if (strcmp(o->kind, "organization") != 0 || !o->nmentions) continue;
    long m0, m1;
    span_toks(x, o->mentions[0], &m0, &m1);
    if (m1 - m0 >= len + 2 && m1 <= a0 && tok_is(x, m1 - len - 1, "of") &&
        !place_head_of(x, m1 - len - 1) && same_norms(x, m1 - len, a0, len)) {
      add_mention(x, (int)q, a0, t1);
      return (int)q;
    }
    /* `Zorvane` after `Zorvane International`: the first word of a name
     * met before (not an organization's or a common word, nor the first
     * part of a compound: `a Zorvane-backed fund`) */
    if (len == 1 && m1 - m0 >= 2 && m1 <= a0 && same_norms(x, m0, a0, 1) &&
        !tok_in(x, a0, W_ORG) && !common_word(x, a0) && !demonym_tok(x, a0) &&
        !((size_t)t1 < doc->ntoks && tok_is(x, t1, "-") &&
          !(tk(x, t1)->flags & TD_TOK_SPACE_BEFORE))) {
      add_mention(x, (int)q, a0, t1);
      return (int)q;
    }
  }
  if (k < 0 && len == 1 && weak != 2) return -1;
  if (k < 0) {
    k = new_actor(x, key, name, "organization");
    A(x, k)->known = 0;
    size_t si = tk(x, a0)->sent;
    if (si != *at_sent) sentence_matches(x, si), *at_sent = si;
    long s0 = doc->sents[si].tok0;
    code_discovered_org(x, k, a0, t1, s0, s0 + doc->sents[si].ntok);
  }
  add_mention(x, k, a0, t1);
  return k;
}

/* The people and organizations the typing above found that no rule of
 * the sentence pass made actors (those need a dictionary, a title, an
 * honorific, a statement cue or a known given name): a run of two or three
 * proper nouns typed PER (`founded by Dean Kamen`) becomes a person, or a
 * mention of the person already met with that name; one word typed PER
 * (`Moxon`) becomes a mention of the person whose first or last name it
 * is, never a person of its own. Organizations: discovered_org. Runs in
 * capitals are left out: the typing's guesses there are too often wrong. */
/* Token t is a known given name, alone (no capitalized word beside it),
 * that the story names alone at least three times: a person it calls by
 * the given name only (`their nine-month-old child, Gloria` ... `Gloria
 * developed eczema`), none of them a work's title after its kind (`the
 * opera Carmen`). One pass over the document; asked until the person is
 * made, then the name is that person's mention. */
static int lone_given(const actx *x, long t) {
  const td_tok *k = tk(x, t);
  if (k->flags & TD_TOK_ALLCAPS) return 0;
  /* a given name's entry, of this one word, and no entry of another
   * class here (`Victoria`, `Jordan`: places too) */
  int given = 0;
  for (size_t q = x->first[k->sent]; q < x->first[k->sent + 1]; q++) {
    const dm *e = &x->all[q];
    if ((long)e->tok0 > t || (long)e->tok1 <= t) continue;
    if (!is_cls(e, "name") || (long)e->tok0 != t || (long)e->tok1 != t + 1) return 0;
    given = 1;
  }
  if (!given) return 0;
  long nt = (long)x->doc->ntoks;
  int alone = 0;
  for (long u = 0; u < nt && alone < 3; u++) {
    if (tk(x, u)->norm[0] != k->norm[0] || !tok_cap(x, u) || !same_norms(x, t, u, 1)) continue;
    int before = u > 0 && tk(x, u - 1)->sent == tk(x, u)->sent && tok_cap(x, u - 1) &&
                 !(tk(x, u - 1)->flags & TD_TOK_PUNCT);
    int after = u + 1 < nt && tk(x, u + 1)->sent == tk(x, u)->sent && tok_cap(x, u + 1) &&
                !(tk(x, u + 1)->flags & TD_TOK_PUNCT);
    if (before || after) continue;
    /* (a work's title: `Bizet's opera Carmen`) */
    const td_sent *su = &x->doc->sents[tk(x, u)->sent];
    if (named_thing(x, u, u + 1, su->tok0, su->tok0 + su->ntok) & 1) return 0;
    alone++;
  }
  return alone >= 3;
}

static void discovered_actors(actx *x) {
  td_doc *doc = x->doc;
  int32_t *owner = owners(x);
  size_t nold = doc->nactors;
  unsigned char *grew = td_arena_alloc(&doc->arena, nold + 1);
  memset(grew, 0, nold + 1);
  x->want_names = 0; /* (the names are typed: person_from_run adds none while they are read) */
  size_t at_sent = (size_t)-1;
  /* a bound on the actors found so: looking one up is a walk over the
   * document's actors, which a document of thousands of names would make
   * quadratic; an article has far fewer */
  size_t cap = nold + DISCOVERED_MAX;
  long covered = 0; /* a name extended over a hyphen ends here: the names inside are its */
  for (size_t r = 0; r < x->nnames; r++) {
    const td_ne *n = &x->names[r];
    long t0 = n->tok0, t1 = n->tok1, len = t1 - t0;
    if (doc->nactors >= cap) break;
    if (t0 < covered) continue;
    if (n->type == TD_NE_ORG) {
      int k = discovered_org(x, owner, t0, t1, n->weak ? 1 : n->sure ? 2 : 0, &at_sent);
      if (k >= 0 && (size_t)k < nold) grew[k] = 1;
      continue;
    }
    /* (a name particle inside is no word of the three: Pieter van der
     * Hollander, Abu Karim al-Tamimi) */
    long parts = 0;
    for (long t = t0 + 1; t + 1 < t1; t++)
      parts += !tok_cap(x, t) && (tok_in(x, t, W_PART) ||
                                  (tok_is(x, t, "-") && tok_in(x, t - 1, W_PART))); /* al - */
    if (n->type != TD_NE_PER || len - parts > 3) continue;
    /* proper nouns, none of them an actor's, in ordinary case, no
     * organization, event or site word (`Millennium Stadium`), not a plural (`West Africans`), not
     * after a determiner (`The Harbor Guild of Pilots`: a person's name
     * takes none) */
    int ok = tk(x, t1 - 1)->xpos != TD_XPOS_NNPS && (t0 == 0 || tk(x, t0 - 1)->upos != TD_DET);
    /* nor right after an organization's or a country's name: the run goes
     * on that name (`United Nations Emergency Relief Coordinator`) */
    if (ok && t0 > 0 && owner[t0 - 1] >= 0 && strcmp(A(x, owner[t0 - 1])->kind, "person") != 0)
      ok = 0;
    /* (the tagger's reading aside for one word no word of the language
     * that names a person of the article: `Steve Whitmore ... Whitmore
     * stated`, its `Whitmore` an auxiliary's tag) */
    int named = len == 1 && tok_cap(x, t0) && tk(x, t0)->upos != TD_PROPN &&
                tk(x, t0)->end - tk(x, t0)->start > 1 && !lang_words(x, t0, t1) && /* (not an initial) */
                person_for_run(x, t0, t1) >= 0;
    for (long t = t0; t < t1 && ok; t++)
      ok = owner[t] < 0 && !(tk(x, t)->flags & TD_TOK_ALLCAPS) &&
           (!tk(x, t)->upos || tk(x, t)->upos == TD_PROPN || tok_is(x, t, "-") || named ||
            (parts && t > t0 && t + 1 < t1 && !tok_cap(x, t) && tok_in(x, t, W_PART))) &&
           !tok_in(x, t, W_ORG) && !tok_in(x, t, W_MISC) && !td_str_in(tk(x, t)->norm, site_words);
    if (!ok) continue;
    /* a given name joined by a hyphen (Jean-Marc Ferrand, split as Jean -
     * Marc by the tokenizer, EWT's way) is typed from its second part:
     * a full name takes the first part back (not a word alone: T-Mobile) */
    while (len >= 2 && t0 >= 2 && tok_is(x, t0 - 1, "-") && owner[t0 - 1] < 0 && owner[t0 - 2] < 0 &&
           !(tk(x, t0 - 1)->flags & TD_TOK_SPACE_BEFORE) &&
           !(tk(x, t0)->flags & TD_TOK_SPACE_BEFORE) && tok_cap(x, t0 - 2) &&
           !(tk(x, t0 - 2)->flags & (TD_TOK_ALLCAPS | TD_TOK_PUNCT)) &&
           (!tk(x, t0 - 2)->upos || tk(x, t0 - 2)->upos == TD_PROPN) &&
           tk(x, t0 - 2)->sent == tk(x, t0)->sent)
      t0 -= 2, len += 2;
    /* and a surname glued to its particle after it (Abu Bakr al-Baghdadi),
     * or a double-barrelled one (Robert Kilroy-Silk) */
    if (len >= 2 && t1 + 2 < (long)doc->ntoks && tok_in(x, t1, W_PART) && owner[t1] < 0 &&
        owner[t1 + 2] < 0 && tk(x, t1)->sent == tk(x, t1 + 2)->sent &&
        glued_part(x, t1, (long)doc->ntoks))
      t1 += 3, len += 3;
    else if (len >= 2 && t1 + 1 < (long)doc->ntoks && tok_is(x, t1, "-") && owner[t1] < 0 &&
             owner[t1 + 1] < 0 && tk(x, t1)->sent == tk(x, t1 + 1)->sent &&
             !(tk(x, t1)->flags & TD_TOK_SPACE_BEFORE) &&
             !(tk(x, t1 + 1)->flags & (TD_TOK_SPACE_BEFORE | TD_TOK_PUNCT | TD_TOK_ALLCAPS)) &&
             tok_cap(x, t1 + 1) && (!tk(x, t1 + 1)->upos || tk(x, t1 + 1)->upos == TD_PROPN))
      t1 += 2, len += 2;
    if (t1 > n->tok1) covered = t1;
    int k = person_for_run(x, t0, t1);
    if (k < 0 && (len >= 2 || lone_given(x, t0))) {
      size_t si = tk(x, t0)->sent;
      if (si != at_sent) sentence_matches(x, si), at_sent = si; /* (a given name's gender) */
      long s0 = doc->sents[si].tok0;
      /* two words the first of which is a word of the language (the word
       * list spells it lowercase) and no given name the dictionary knows
       * name a thing, not a person (`Finding Neverland`, `Scissor Sisters`,
       * `Trend Micro`); a word the list spells capitalized too is let
       * be (`Robin`, `Sol`), and so is a title (`Baroness Morgan`),
       * a second word the list does not know (a surname: `Budge Pountney`)
       * and a name listed beside a person's full name (`Steve Brookstein,
       * Tabby Callaghan and`) whose second word is no plural (a band's:
       * `Kylie Minogue and Scissor Sisters`; bit 6 of the word's class) */
      static const char *const peer_titles[] = {"baron", "baroness", "earl", "viscount",
                                                "countess", "duke", "duchess", "prophet", NULL};
      const dm *g = len == 2 ? match_at(x, t0, s0, s0 + doc->sents[si].ntok) : NULL;
      const char *w1 = len == 2 ? tk(x, t0 + 1)->norm : "";
      uint32_t lc1 = td_lemma_lexclass(x->eng->lemma, w1, strlen(w1)); /* (0: no word list) */
      if (len == 2 && !(g && (is_cls(g, "name") || is_cls(g, "person") || is_cls(g, "title"))) &&
          !(x->wf[t0] & W_GIVEN) && !tok_in(x, t0, W_PTITLE) && !honorific(x, t0) &&
          !td_str_in(tk(x, t0)->norm, peer_titles) &&
          (td_lemma_lexclass(x->eng->lemma, tk(x, t0)->norm, strlen(tk(x, t0)->norm)) &
           (TD_LEX_LOWER | TD_LEX_CAPITAL)) == TD_LEX_LOWER &&
          lc1 && !(beside_full_name(x, t0, t1) && !(lc1 & (1u << 6))))
        continue;
      person_from_run(x, t0, t1, NULL, NULL, s0, s0 + doc->sents[si].ntok);
      continue;
    }
    if (k < 0) continue;
    add_mention(x, k, t0, t1);
    if ((size_t)k < nold) grew[k] = 1;
  }
  /* a one-word organization found from a later mention (`members of
   * Tarnwell`) takes the mentions of its word typed an organization
   * before it (`Critics of Tarnwell`) */
  size_t nnew = doc->nactors;
  long *one = NULL; /* the one-word organizations found: each's first mention's token, */
  int *one_k = NULL; /* and the actor */
  int none = 0;
  for (size_t k = nold; k < nnew; k++) {
    long m0, m1;
    if (strcmp(doc->actors[k].kind, "organization") != 0) continue;
    span_toks(x, doc->actors[k].mentions[0], &m0, &m1);
    if (m1 - m0 != 1 || (tk(x, m0)->flags & TD_TOK_ALLCAPS)) continue;
    if (!one) {
      one = td_arena_alloc(&doc->arena, (nnew - nold) * sizeof *one);
      one_k = td_arena_alloc(&doc->arena, (nnew - nold) * sizeof *one_k);
    }
    one[none] = m0, one_k[none++] = (int)k;
  }
  for (size_t r = 0; r < x->nnames && none; r++) {
    const td_ne *n = &x->names[r];
    if (n->type != TD_NE_ORG || n->tok1 - n->tok0 != 1 || owner[n->tok0] >= 0) continue;
    for (int q = 0; q < none; q++)
      if (one[q] > (long)n->tok0 && same_norms(x, one[q], n->tok0, 1)) {
        add_mention(x, one_k[q], n->tok0, n->tok1);
        break;
      }
  }
  for (size_t k = nold; k < nnew; k++) sort_mentions(&doc->actors[k]);
  x->want_names = 1;
  for (size_t k = 0; k < nold; k++) /* an older actor's mentions in text order again */
    if (grew[k]) sort_mentions(&doc->actors[k]);
}

/* A person named by the last words of another's full name (`Kilroy-Silk
 * added` at a statement cue before the name typing found `Robert
 * Kilroy-Silk`; `Hassan al-Bashir`) is that person: the mentions move to
 * the longer name, with its role and code when the shorter had them and
 * the longer none. Only names of two words or more (one word is a
 * surname, linked as such), and neither from a dictionary. */
static int lower_first(const actx *x, const char *name);

/* The first word of person k's name is a word of the language (the word
 * list spells it lowercase) or an abbreviation (`Sens.`), and no given
 * name the dictionary knows (`Marine Le Pen`, `Bill de Blasio`). */
static int descriptor_first(actx *x, int k) {
  td_actor *p = A(x, k);
  for (size_t i = 0; i < p->nmentions; i++) { /* its mention that is its name: the word's token */
    if (p->mentions[i].end - p->mentions[i].start != strlen(p->name) ||
        memcmp(x->doc->text + p->mentions[i].start, p->name, strlen(p->name)) != 0)
      continue;
    long t0, t1;
    span_toks(x, p->mentions[i], &t0, &t1);
    size_t si = tk(x, t0)->sent;
    long s0 = x->doc->sents[si].tok0;
    sentence_matches(x, si);
    const dm *g = match_at(x, t0, s0, s0 + x->doc->sents[si].ntok);
    if (g && is_cls(g, "name")) return 0;
    break;
  }
  return lower_first(x, p->name);
}

/* The first word of name is a word of the language or an abbreviation. */
static int lower_first(const actx *x, const char *name) {
  char w[32];
  size_t n = 0;
  while (name[n] && name[n] != ' ' && n < sizeof w - 1) {
    unsigned char c = (unsigned char)name[n];
    w[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    n++;
  }
  if (!name[n] || name[n] != ' ') return 0; /* one word, or too long a word */
  if (n && w[n - 1] == '.') return 1;
  return x->eng->lemma && (td_lemma_lexclass(x->eng->lemma, w, n) & TD_LEX_LOWER);
}

/* Moves actor from's mentions into actor to (its role and code too when
 * to has none); from is left without mentions. */
static void move_person(actx *x, int from, int to) {
  td_actor *a = A(x, from), *b = A(x, to);
  take_mentions(x, from, to);
  if (!b->code && a->code) b->code = a->code, b->country = a->country, b->sector = a->sector;
  if (!b->role && a->role) b->role = a->role, b->role_past = a->role_past;
  if (x->ai[from].last_tok > x->ai[to].last_tok) x->ai[to].last_tok = x->ai[from].last_tok;
}

static void join_short_names(actx *x) {
  td_doc *doc = x->doc;
  /* the persons no dictionary knows, by the last word of their key: a
   * shorter name and a longer one ending on it share it */
  pkey *idx = td_arena_alloc(&doc->arena, (doc->nactors + 1) * sizeof *idx);
  size_t n = 0;
  for (size_t k = 0; k < doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    if (a->known || !a->nmentions || a->kind[0] != 'p' || strcmp(a->kind, "person") != 0) continue;
    if (!x->ai[k].namekey) x->ai[k].namekey = name_key(x, a->name);
    const char *dash = strrchr(x->ai[k].namekey, '-');
    idx[n++] = (pkey){dash ? dash + 1 : x->ai[k].namekey, (int)k};
  }
  if (n < 2) return;
  qsort(idx, n, sizeof *idx, cmp_pkey);
  for (size_t i = 0; i < n; i++) {
    int k = idx[i].k;
    td_actor *a = A(x, k);
    const char *ks = x->ai[k].namekey;
    size_t kl = strlen(ks);
    if (!a->nmentions || !strchr(ks, '-')) continue;
    /* the others of its last word (at most 64: a bound on a document of
     * thousands of one surname) */
    size_t f = i;
    while (f > 0 && strcmp(idx[f - 1].key, idx[i].key) == 0) f--;
    /* of several longer names, the one named latest before the shorter
     * one's first mention, else the first named after it: by position,
     * never by the order of the index */
    int into = -1;
    uint32_t at = a->mentions[0].start;
    for (size_t j = f, seen = 0; j < n && seen < 64 && a->nmentions; j++, seen++) {
      if (strcmp(idx[j].key, idx[i].key) != 0) break;
      int l = idx[j].k;
      td_actor *b = A(x, l);
      if (l == k || !b->nmentions) continue;
      const char *ls = x->ai[l].namekey;
      size_t ll = strlen(ls);
      if (ll <= kl || ls[ll - kl - 1] != '-' || memcmp(ls + ll - kl, ks, kl) != 0) continue;
      if (a->code && b->code && strcmp(a->code, b->code) != 0) continue;
      /* the longer name opening with a word of the language or an
       * abbreviation is a description before the name (`Sens. Ted Cruz`,
       * `Pastor Kevin Swanson`, `Democrat Bernie Sanders`): the shorter
       * one names the person, and may take more such */
      if (descriptor_first(x, l)) {
        move_person(x, l, k);
        continue;
      }
      if (into < 0) {
        into = l;
        continue;
      }
      uint32_t bl = b->mentions[0].start, bi = A(x, into)->mentions[0].start;
      if (bl < at ? bi > at || bl > bi : bi > at && bl < bi) into = l;
    }
    if (into >= 0 && a->nmentions) move_person(x, k, into);
  }
}

/* People without a code who name what they act for beside a full name
 * (affiliation): they take its code, country and sector, and the
 * description is their mention, no longer the organization's. */
static void affiliations(actx *x) {
  td_doc *doc = x->doc;
  int32_t *owner = NULL;
  for (size_t k = 0; k < doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    if (strcmp(a->kind, "person") != 0 || a->code || a->role) continue;
    for (size_t m = 0; m < a->nmentions; m++) {
      long t0, t1;
      span_toks(x, a->mentions[m], &t0, &t1);
      if (t1 - t0 < 2) continue; /* a full name */
      if (!owner) owner = owners(x);
      long s0 = doc->sents[tk(x, t0)->sent].tok0, s1 = s0 + doc->sents[tk(x, t0)->sent].ntok;
      long r0, r1, m0, m1;
      int org = affiliation(x, owner, t0, t1, s0, s1, &r0, &r1, &m0, &m1);
      if (org < 0) continue;
      td_actor *o = A(x, org);
      a->code = o->code, a->country = o->country, a->sector = o->sector;
      if (r1 > r0) {
        a->role = span_text(x, r0, r1);
        x->ai[k].role_key = name_key(x, a->role);
      }
      /* (an organization no dictionary knows, coded by its words,
       * keeps its own name: `HVB Group economist Andreas Rees`, `Civic
       * Party's Jeremy Tam`; the code_discovered_org codes are new, the
       * mentions as they were) */
      if (!o->known && o->sector) break;
      /* the description names the person (with the name before it, as
       * `U.S. Defense Secretary Ann Marlow` does; after it, on its own,
       * as `Ann Marlow, the U.S. Defense Secretary`), not the
       * organization too */
      drop_mentions(x, org, m0, m1);
      if (m0 < t0) drop_mentions(x, (int)k, t0, t1);
      add_mention(x, (int)k, m0, m0 < t0 ? t1 : m1);
      sort_mentions(a);
      for (long t = m0; t < m1; t++) owner[t] = (int32_t)k;
      break;
    }
  }
}

/* `Anna Kessel, spokeswoman for the Orvik Audit Office,`, `Tom Vell, the
 * chairman of Zorvane Group`: a titled person of no country or of no
 * sector (a chairman with the story's country alone) whose title
 * after the name goes on with `of`/`for` [the] an organization the layer
 * coded takes that organization's country and code (its sector, unless
 * the title's says more than a government's or a firm's officer: a
 * judge stays JUD). Up to four words of the title (the person's own
 * mention, as a title is, or no actor's). */
static void officers_of(actx *x) {
  td_doc *doc = x->doc;
  int32_t *owner = NULL;
  for (size_t k = 0; k < doc->nactors; k++) {
    td_actor *a = A(x, (int)k);
    if (strcmp(a->kind, "person") != 0 || !a->role || (a->country && a->sector) || a->known)
      continue;
    if (a->code && strncmp(a->code, "IGO", 3) == 0) continue;
    for (size_t m = 0; m < a->nmentions; m++) {
      long t0, t1;
      span_toks(x, a->mentions[m], &t0, &t1);
      long s0 = doc->sents[tk(x, t0)->sent].tok0, s1 = s0 + doc->sents[tk(x, t0)->sent].ntok;
      if (t1 - t0 < 2 || !tok_is(x, t1, ",")) continue;
      if (!owner) owner = owners(x);
      long j = t1 + 1;
      if (tok_is(x, j, "the") || tok_is(x, j, "a")) j++;
      long w = j;
      while (j < s1 && j < w + 4 && (owner[j] < 0 || owner[j] == (int32_t)k) &&
             !(tk(x, j)->flags & TD_TOK_PUNCT) &&
             !tok_is(x, j, "of") && !tok_is(x, j, "for"))
        j++;
      if (j == w || j + 1 >= s1 || !(tok_is(x, j, "of") || tok_is(x, j, "for"))) continue;
      j++;
      if (tok_is(x, j, "the")) j++;
      int o = owner_at(owner, j, s0, s1);
      if (o < 0 || o == (int)k) continue;
      const td_actor *org = A(x, o);
      if (strcmp(org->kind, "organization") != 0 || !org->code || x->ai[o].sport) continue;
      static const char *const plain[] = {"GOV", "BUS", NULL};
      int keep = a->sector && !td_str_in(a->sector, plain) && org->country;
      a->country = org->country;
      if (keep) {
        a->code = code_of(x, org->country, a->sector);
      } else {
        a->code = org->code, a->sector = org->sector;
      }
      break;
    }
  }
}

/* ---- the layer ---- */

enum { GLUED_MAX = 64 };
static int glued_cb(void *ctx, const td_match *m) {
  glued_ctx *g = ctx;
  if (!g->cls) g->cls = m->cls, g->payload = m->payload;
  return 1;
}

/* The first of the document's matches that ends after token t. */
static size_t match_after(const actx *x, size_t t) {
  size_t lo = 0, hi = x->nall;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (x->all[mid].tok1 <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* A title's match (not a plural) begins at token t. */
static int glued_title_after(const actx *x, size_t t) {
  size_t k = match_after(x, t);
  return k < x->nall && x->all[k].tok0 == t && is_cls(&x->all[k], "title") &&
         !is_cls(&x->all[k], "title.plural");
}

/* `Ex-President Leonid Kuchma`, `ex-minister X`, `ex-Home Secretary X`:
 * the tokenizer keeps `ex-` and the word after it in one token, and no
 * phrase of the dictionary begins inside a token. Where that word (and up
 * to three words after it, longest first) is a title of the dictionary,
 * the title's match covers the ex- token and replaces the matches inside
 * it; title_context reads the token as a past marker (actors.former). */
/* Days since 0000-03-01 of a date "YYYY-MM-DD" (civil calendar). */
static long era_days(const char *d) {
  long y = atol(d), m = atol(d + 5), dd = atol(d + 8);
  if (m <= 2) y--, m += 12;
  return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + dd - 1;
}

/* The words before a title or a name that make it a past one (`former
 * Secretary of State X`, `the late X`). */
static const char *const past_words[] = {"former", "ex", "ex-", "then", "late", "onetime",
                                         "one-time", "erstwhile", "retired", NULL};

/* An undated article's era from its titles: the known people it names after a
 * title that is one of their dated roles (`Chancellor Gordon Brown`,
 * `Home Secretary Charles Clarke`) held them together in one period;
 * when two or more do and that period lasts ERA_MIN_DAYS to
 * ERA_SPAN_DAYS, it goes to lo, hi (set_person_role gives the others the
 * roles they held in it): 1. An office still held bounds it from below
 * only; one held twice, or after a past marker, not at all. 0 when every
 * office is still held, and otherwise. */
#define ERA_SPAN_DAYS (4 * 366)
#define ERA_MIN_DAYS 90
static int titles_era(actx *x, char lo[11], char hi[11]) {
  int n = 0;
  for (size_t k = 1; k < x->nall; k++) {
    const dm *d = &x->all[k];
    if (!is_cls(d, "person") || is_surname(d) || !d->payload) continue;
    const dm *t = NULL;
    for (size_t q = k; q-- > 0 && x->all[q].tok1 >= d->tok0;)
      if (x->all[q].tok1 == d->tok0 && is_cls(&x->all[q], "title") && x->all[q].payload) {
        t = &x->all[q];
        break;
      }
    /* (a past office bounds nothing: `former Secretary of State X`) */
    long b = t ? (long)t->tok0 - 1 : 0;
    if (b > 0 && tok_is(x, b, "-")) b--; /* (`then-Sen.`) */
    if (!t || (b >= 0 && td_str_in(tk(x, b)->norm, past_words)) ||
        !strncmp(tk(x, (long)t->tok0)->norm, "ex-", 3) ||
        !strncmp(tk(x, (long)t->tok0)->norm, "then-", 5))
      continue;
    const char *trole = field(x, t->payload, 1, '|'), *p = d->payload;
    for (int i = 0; i < 3 && p; i++)
      if ((p = strchr(p, '|'))) p++;
    int found = 0;
    char slo[11] = "", shi[11] = "";
    char f[5][96];
    while (found < 2 && next_role(&p, f))
      if (role_named(x, f[2], trole) && strlen(f[3]) == 10) {
        found++;
        memcpy(slo, f[3], 10);
        memcpy(shi, strlen(f[4]) == 10 ? f[4] : "9999-12-31", 10);
      }
    if (found != 1) continue; /* (a title held twice bounds nothing) */
    if (!n || strcmp(slo, lo) > 0) memcpy(lo, slo, 11);
    if (!n || strcmp(shi, hi) < 0) memcpy(hi, shi, 11);
    n++;
  }
  if (n < 2 || strcmp(lo, hi) >= 0 || strcmp(hi, "9999") >= 0) return 0;
  /* (a period of days says the titles disagree: one is of the past) */
  long span = era_days(hi) - era_days(lo);
  return span <= ERA_SPAN_DAYS && span >= ERA_MIN_DAYS;
}

/* An undated article's era from the known people it names, titled or not
 * (not after a past marker): each one's offices span [first start, last
 * end); the period most of these spans share, two at least (no other
 * as many), goes to lo, hi when it ends: 1 (`Tony Blair and Gordon
 * Brown`: May 1997 to June 2007, in which Brown was Chancellor of the
 * Exchequer, not yet Prime Minister; Margaret Thatcher, named too, had
 * left office before it). 0 when no such period ends (every office still
 * held). */
#define ERA_PEOPLE_MAX 32
static int people_era(actx *x, char lo[11], char hi[11]) {
  char s[ERA_PEOPLE_MAX][11], e[ERA_PEOPLE_MAX][11];
  const char *ent[ERA_PEOPLE_MAX];
  size_t entn[ERA_PEOPLE_MAX];
  int n = 0;
  for (size_t k = 0; k < x->nall && n < ERA_PEOPLE_MAX; k++) {
    const dm *d = &x->all[k];
    if (!is_cls(d, "person") || is_surname(d) || !d->payload) continue;
    long b = (long)d->tok0 - 1;
    while (b >= 0 && k > 0 && x->all[k - 1].tok1 == (uint32_t)b + 1 &&
           is_cls(&x->all[k - 1], "title") && (long)x->all[k - 1].tok0 <= b)
      b = (long)x->all[k - 1].tok0 - 1; /* (`former Prime Minister X`) */
    if (b > 0 && tok_is(x, b, "-")) b--;
    if (b >= 0 && td_str_in(tk(x, b)->norm, past_words)) continue;
    size_t en = strcspn(d->payload, "|");
    int seen = 0;
    for (int q = 0; q < n && !seen; q++)
      seen = entn[q] == en && strncmp(ent[q], d->payload, en) == 0;
    if (seen) continue;
    const char *p = d->payload;
    for (int i = 0; i < 3 && p; i++)
      if ((p = strchr(p, '|'))) p++;
    char f[5][96], slo[11] = "", shi[11] = "";
    while (next_role(&p, f)) {
      if (strlen(f[3]) != 10) continue;
      const char *end = strlen(f[4]) == 10 ? f[4] : "9999-12-31";
      if (!slo[0] || strcmp(f[3], slo) < 0) memcpy(slo, f[3], 11);
      if (!shi[0] || strcmp(end, shi) > 0) memcpy(shi, end, 11);
    }
    if (!slo[0]) continue;
    ent[n] = d->payload, entn[n] = en;
    memcpy(s[n], slo, 11), memcpy(e[n], shi, 11);
    n++;
  }
  /* (the shared periods begin where a span begins; two periods shared
   * by as many say nothing) */
  int best = 1, tie = 0;
  for (int i = 0; i < n; i++) {
    int c = 0;
    const char *h = NULL;
    for (int j = 0; j < n; j++)
      if (strcmp(s[j], s[i]) <= 0 && strcmp(s[i], e[j]) < 0) {
        c++;
        if (!h || strcmp(e[j], h) < 0) h = e[j];
      }
    if (c == best && c > 1 && strcmp(s[i], lo) != 0) tie = 1;
    if (c > best) {
      best = c, tie = 0;
      memcpy(lo, s[i], 11), memcpy(hi, h, 11);
    }
  }
  return best > 1 && !tie && strcmp(hi, "9999") < 0;
}

/* An undated article's lower bound in time (x->since, `YYYY-01-01`): the
 * latest year it names as a time of the past or present, after `in`,
 * `since`, `during`, `of`, a month or a season (`in 2004`, `since 1997`,
 * `March 2005`), not within three words after `by`, `until`, `before`,
 * `from` ... nor in a sentence of the future, a hope or a plan (`will`,
 * `expected`, `hopes`, `scheduled`, `due`): an article is seldom older
 * than the years it tells of so (bbc: 12 of 822, PolNeAR: 14 of 345). */
static int year_tok(const actx *x, long i);
static void text_since(actx *x) {
  static const char *const until[] = {"by", "until", "till", "before", "through", "to", "from",
                                      NULL};
  static const char *const at[] = {"in", "since", "during", "of", "early", "late", "mid",
                                   "summer", "spring", "autumn", "winter", "january",
                                   "february", "march", "april", "may", "june", "july",
                                   "august", "september", "october", "november", "december",
                                   NULL};
  static const char *const future[] = {
      "will",      "'ll",      "would",    "shall",    "expected", "expects",  "expect",
      "forecast",  "forecasts", "predicted", "predicts", "plan",    "plans",    "planned",
      "target",    "targets",  "aim",      "aims",     "could",    "may",      "might",
      "should",    "hope",     "hopes",    "hoped",    "set",      "scheduled", "due",
      "promised",  "promise",  "promises", "proposed", "intends",  "intend",   "goal",
      "deadline",  "onwards",  NULL};
  const td_doc *doc = x->doc;
  int best = 0;
  uint32_t fsent = UINT32_MAX; /* a sentence found to be of the future */
  for (size_t i = 1; i < doc->ntoks; i++) {
    if (!year_tok(x, (long)i) || !td_str_in(doc->toks[i - 1].norm, at)) continue;
    int y = atoi(doc->text + doc->toks[i].start);
    uint32_t si = doc->toks[i].sent;
    /* (not a range, `2004-05`, nor a list, `in 2010, 2011 and 2012`: a
     * schedule's) */
    if (y <= best || si == fsent || (i + 1 < doc->ntoks && tok_is(x, (long)i + 1, "-")) ||
        (i + 2 < doc->ntoks && (tok_is(x, (long)i + 1, ",") || tok_is(x, (long)i + 1, "and")) &&
         year_tok(x, (long)i + 2)))
      continue;
    int away = 0;
    for (size_t j = i > 3 ? i - 3 : 0; j < i && !away; j++)
      away = doc->toks[j].sent == si && td_str_in(doc->toks[j].norm, until);
    if (away) continue;
    const td_sent *sn = &doc->sents[si];
    int fut = 0;
    for (uint32_t t = sn->tok0; t < sn->tok0 + sn->ntok && !fut; t++)
      fut = td_str_in(doc->toks[t].norm, future);
    if (fut) {
      fsent = si;
      continue;
    }
    best = y;
  }
  if (best >= 1000 && best <= 9999) snprintf(x->since, sizeof x->since, "%04d-01-01", best);
}

/* An undated article's era (x->era): from its titles (titles_era), else
 * from the people it names (people_era); "" for a dated article and
 * when neither tells. */
static void estimate_era(actx *x) {
  x->era[0][0] = x->era[1][0] = 0;
  x->since[0] = 0;
  if (x->doc->date) return;
  char lo[11] = "", hi[11] = "";
  if (!titles_era(x, lo, hi) && !people_era(x, lo, hi)) {
    text_since(x);
    return;
  }
  memcpy(x->era[0], lo, sizeof lo);
  memcpy(x->era[1], hi, sizeof hi);
}

static void glued_titles(actx *x) {
  const td_doc *doc = x->doc;
  static const char *const cls[] = {"title", NULL};
  int made = 0; /* (each one moves the matches after it: at most GLUED_MAX) */
  for (size_t t = 0; t < doc->ntoks && made < GLUED_MAX; t++) {
    const char *w = doc->text + doc->toks[t].start;
    size_t n = doc->toks[t].end - doc->toks[t].start;
    if (n < 5 || (w[0] | 0x20) != 'e' || (w[1] | 0x20) != 'x' || w[2] != '-' ||
        !isalpha((unsigned char)w[3]))
      continue;
    char buf[128];
    size_t len = 0, ends[4], nw = 0;
    for (size_t j = t; j < doc->ntoks && j < t + 4 && doc->toks[j].sent == doc->toks[t].sent; j++) {
      uint32_t a = j == t ? doc->toks[t].start + 3 : doc->toks[j].start, b = doc->toks[j].end;
      if (len + 1 + (b - a) >= sizeof buf) break;
      len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%.*s", j == t ? "" : " ", (int)(b - a),
                              doc->text + a);
      ends[nw++] = len;
    }
    glued_ctx g = {NULL, NULL};
    size_t have = nw;
    while (nw > 0 && !g.cls) {
      buf[ends[nw - 1]] = 0;
      td_dict_lookup(x->eng->dict, buf, cls, glued_cb, &g);
      if (!g.cls) nw--;
    }
    /* `Ex-Labour MP X`, `ex-US President X`: an organization or a
     * country of the dictionary before a title's match, the title's */
    if (!g.cls && have > 0 && glued_title_after(x, t + 1)) {
      static const char *const org[] = {"org", "country", NULL};
      buf[ends[0]] = 0;
      td_dict_lookup(x->eng->dict, buf, org, glued_cb, &g);
      nw = 1;
    }
    if (!g.cls) continue;
    uint32_t t0 = (uint32_t)t, t1 = (uint32_t)(t + nw);
    size_t a = match_after(x, t0); /* the matches it overlaps: [a, b) */
    size_t b = a;
    while (b < x->nall && x->all[b].tok0 < t1) b++;
    if (b > a && x->all[b - 1].tok1 > t1) continue; /* a longer phrase holds its last word */
    if (b == a) {
      TD_AGROW(&x->doc->arena, x->all, x->cap_all, x->nall + 1);
      memmove(x->all + a + 1, x->all + a, (x->nall - a) * sizeof *x->all);
      x->nall++;
      b = a + 1;
    }
    memmove(x->all + a + 1, x->all + b, (x->nall - b) * sizeof *x->all);
    x->nall -= b - a - 1;
    x->all[a] = (dm){t0, t1, g.cls, g.payload, prio_of(x, g.cls), 0, 0, 0};
    made++;
    t = t1 - 1;
  }
}


/* x->all: the dictionary matches of every sentence, in one pass of the
 * matcher (perf, issue 11: one look-up of its caches and of the class
 * filter per document, not per sentence); x->first: where each sentence's
 * matches begin. Matching depends on the tokens only, which the layer does
 * not change, so matching ahead gives what matching each sentence in turn
 * gives. */
static void all_matches(actx *x) {
  const td_doc *doc = x->doc;
  x->nall = 0;
  td_match_sentences(x->eng->dict, doc, actor_classes, on_match, x);
  /* a phrase that ends in its possessive keeps it (`Moody's`), unless a
   * person's name is in the possessive (`Tony Christie's`, `Mr Moody's`:
   * a given name or an honorific before it): that match is dropped */
  size_t w = 0;
  for (size_t k = 0; k < x->nall; k++) {
    const dm *d = &x->all[k];
    if (d->poss && d->tok0 > 0 &&
        ((x->wf[d->tok0 - 1] & (W_HON_M | W_HON_F | W_HON_X | W_PTITLE)) ||
         (w && x->all[w - 1].tok1 == d->tok0 && x->all[w - 1].prio == PRIO_NAME)))
      continue;
    /* `the Muslim Safety Forum`, `THE MUSLIM` (a paper): a people's word
     * (sector.people) that opens a name or is written in capitals is the
     * name's */
    if (is_cls(d, "sector.people") &&
        ((doc->toks[d->tok0].flags & TD_TOK_ALLCAPS) ||
         (d->tok1 < doc->ntoks && doc->toks[d->tok1].sent == doc->toks[d->tok0].sent &&
          tok_cap(x, (long)d->tok1) && !(doc->toks[d->tok1].flags & TD_TOK_ALLCAPS))))
      continue;
    if (d->poss && d->tok1 - 1 > d->tok0 && poss_tok(x, (long)d->tok1 - 1))
      x->wf[d->tok1 - 1] |= W_NAMEPOSS;
    x->all[w++] = *d;
  }
  x->nall = w;
  glued_titles(x);
  estimate_era(x);
  local_orgs(x);
  x->first = td_arena_alloc(&x->doc->arena, (doc->nsents + 1) * sizeof *x->first);
  size_t k = 0;
  for (size_t si = 0; si < doc->nsents; si++) {
    x->first[si] = k;
    uint32_t e = doc->sents[si].tok0 + doc->sents[si].ntok;
    while (k < x->nall && x->all[k].tok0 < e) k++;
  }
  x->first[doc->nsents] = k;
}

int td_actors_names(const td_engine *eng, td_doc *doc, td_ne **names, size_t *nnames) {
  actx x;
  memset(&x, 0, sizeof x);
  x.eng = eng;
  x.doc = doc;
  x.want_names = 1; /* (the people among the typed names are actors) */
  if (names) *names = NULL, *nnames = 0;
  if (!eng->dict || doc->nsents == 0) return 0;
  size_t maxs = 0;
  for (size_t i = 0; i < doc->nsents; i++)
    if (doc->sents[i].ntok > maxs) maxs = doc->sents[i].ntok;
  x.at = td_arena_alloc(&doc->arena, (maxs + 1) * sizeof *x.at);
  x.use_rules = eng->rules && td_rules_layer_count(eng->rules, "actors") > 0;
  word_flags(&x);
  x.shout = td_arena_alloc(&doc->arena, doc->nsents);
  memset(x.shout, -1, doc->nsents);
  score_rows(&x);
  all_matches(&x);
  doc->nactors = 0; /* the layer owns doc->actors: run twice, the same result */
  for (size_t si = 0; si < doc->nsents; si++) do_sentence(&x, si);
  x.nsentence_actors = doc->nactors;
  /* the names no rule took, typed; the people among them */
  x.sports = sports_doc(&x);
  guess_names(&x);
  bracket_acronyms(&x);
  spelled_names(&x);
  ampersand_names(&x);
  org_of_place(&x);
  described_names(&x);
  consistent_names(&x);
  listed_names(&x);
  sports_teams(&x);
  sports_consistent(&x);
  person_edges(&x);
  event_names(&x);
  titled_names(&x);
  untyped_names(&x);
  index_names(&x);
  event_years(&x);
  sports_leagues(&x);
  place_compounds(&x);
  surname_places(&x);
  datelines(&x);
  discovered_actors(&x);
  join_short_names(&x);
  affiliations(&x);
  officers_of(&x);
  merge_surnames(&x);
  acronym_owners(&x);
  /* one token -> actor map for the passes after, each keeping it up to
   * date (perf: built once) */
  int32_t *owner = owners(&x);
  honorific_genders(&x, owner);
  cue_pronouns(&x, owner);
  org_short_forms(&x, owner);
  appositive_links(&x, owner);
  described_again(&x, owner);
  age_links(&x, owner);
  noun_genders(&x, owner);
  pronoun_links(&x, owner);
  description_links(&x, owner);
  head_links(&x, owner);
  said_links(&x, owner);
  it_links(&x, owner);
  its_links(&x, owner);
  spoken_for(&x, owner);
  /* drop actors left without mentions (and renumber the affiliates) */
  size_t w = 0;
  int *renum = td_arena_alloc(&doc->arena, (doc->nactors + 1) * sizeof *renum);
  for (size_t k = 0; k < doc->nactors; k++) {
    renum[k] = doc->actors[k].nmentions ? (int)w : -1;
    if (doc->actors[k].nmentions) doc->actors[w++] = doc->actors[k];
  }
  doc->nactors = w;
  for (size_t k = 0; k < w; k++)
    if (doc->actors[k].affiliate) doc->actors[k].affiliate = renum[doc->actors[k].affiliate - 1] + 1;
  if (names) {
    *names = x.names;
    *nnames = x.nnames;
  }
  return 0;
}

int td_actors(const td_engine *eng, td_doc *doc) {
  return td_actors_names(eng, doc, NULL, NULL);
}

/* Where the head of the phrase [start, end) of text ends at the latest:
 * before its first ` of `, ` from `, ` at `, comma (`Ana Sousa of Dorvan
 * Bank`) or ` and ` (of two joined, the first, as before), else at its
 * end. */
static uint32_t head_end(const char *text, uint32_t start, uint32_t end) {
  static const char *const cut[] = {" of ", " from ", " at ", " and ", ",", NULL};
  uint32_t e = end;
  for (int c = 0; cut[c]; c++) {
    size_t n = strlen(cut[c]);
    for (uint32_t i = start; i + n <= e; i++)
      if (memcmp(text + i, cut[c], n) == 0) {
        e = i;
        break;
      }
  }
  return e;
}

int td_mention_coref_only(const td_doc *doc, td_span s) {
  if (s.end - s.start < 1 || s.end - s.start > 6 || !doc->ntoks) return 0;
  size_t lo = td_doc_tok_after(doc, s.start); /* the token starting at s.start, if one does */
  if (lo >= doc->ntoks || doc->toks[lo].start != s.start || doc->toks[lo].end != s.end) return 0;
  const char *w = doc->toks[lo].norm;
  return doc_poss_pronoun(doc, lo) || strcmp(w, "i") == 0 || strcmp(w, "me") == 0 ||
         strcmp(w, "myself") == 0 || strcmp(w, "we") == 0 || strcmp(w, "ourselves") == 0;
}

/* The phrase [start, he) ends in a word of kin or of friends in lowercase
 * before `of` at he (`the mother of`, `a friend of`, `the family of`): the
 * person it names is another, unnamed, not the one after `of`. */
static int kin_head(const char *text, uint32_t start, uint32_t he) {
  static const char *const more[] = {"friend", "friends", "family", "relatives", "parents",
                                     "sons", "daughters", "brothers", "sisters", "children",
                                     "grandmother", "grandfather", NULL};
  if (memcmp(text + he, " of ", 4) != 0) return 0;
  uint32_t b = he;
  while (b > start && isalpha((unsigned char)text[b - 1])) b--;
  char w[16];
  if (he - b < 3 || he - b >= sizeof w || !islower((unsigned char)text[b])) return 0;
  memcpy(w, text + b, he - b);
  w[he - b] = 0;
  return td_str_in(w, kin_words) || td_str_in(w, more);
}

int td_actor_at(const td_doc *doc, uint32_t start, uint32_t end) {
  int inside = -1, head = -1;
  uint32_t inside_end = 0, head_at = 0, he = 0;
  for (size_t k = 0; k < doc->nactors; k++)
    for (size_t m = 0; m < doc->actors[k].nmentions; m++) {
      td_span s = doc->actors[k].mentions[m];
      if (s.start <= start && end <= s.end) return (int)k;
      if (!(start <= s.start && s.end <= end)) continue;
      /* `his lawyer`: the lawyer, not the possessor */
      if (td_mention_coref_only(doc, s)) continue;
      /* of several inside, the one ending last before the phrase's
       * modifiers: an English noun phrase ends on its head (`the
       * carmaker's chief executive Helmut Panke`, `Ana Sousa of Dorvan
       * Bank`) */
      if (inside < 0) he = head_end(doc->text, start, end);
      if (inside < 0 || s.end > inside_end) inside = (int)k, inside_end = s.end;
      if (s.end <= he && (head < 0 || s.end > head_at)) head = (int)k, head_at = s.end;
    }
  if (head < 0 && inside >= 0 && he < end && kin_head(doc->text, start, he)) return -1;
  return head >= 0 ? head : inside;
}

void td_actor_add_mention(td_doc *doc, int k, td_span sp) {
  td_actor *a = &doc->actors[k];
  size_t j = a->nmentions;
  while (j > 0 && (a->mentions[j - 1].start > sp.start ||
                   (a->mentions[j - 1].start == sp.start && a->mentions[j - 1].end > sp.end)))
    j--;
  if (j > 0 && a->mentions[j - 1].start == sp.start && a->mentions[j - 1].end == sp.end) return;
  TD_AGROW(&doc->arena, a->mentions, a->cap_mentions, a->nmentions + 1);
  memmove(a->mentions + j + 1, a->mentions + j, (a->nmentions - j) * sizeof *a->mentions);
  a->mentions[j] = sp;
  a->nmentions++;
}

/* The actor of entity key with a mention at sp: an actor of that entity
 * already in doc takes the mention (*made 0), else a new zeroed one is
 * added with only its entity set (*made 1; the caller fills the rest and
 * adds the mention). */
static int entity_actor(td_doc *doc, const char *key, td_span sp, int *made) {
  for (size_t i = 0; i < doc->nactors; i++)
    if (doc->actors[i].entity && strcmp(doc->actors[i].entity, key) == 0) {
      td_actor_add_mention(doc, (int)i, sp);
      *made = 0;
      return (int)i;
    }
  TD_AGROW(&doc->arena, doc->actors, doc->cap_actors, doc->nactors + 1);
  int k = (int)doc->nactors++;
  memset(&doc->actors[k], 0, sizeof doc->actors[k]);
  doc->actors[k].entity = td_arena_strdup(&doc->arena, key);
  *made = 1;
  return k;
}

/* Whether sp, one word the places layer read as a populated place of
 * country iso (not a capital), is a village that proves nothing of its
 * country: no reading of the word in the gazetteer is a town of 3,000
 * people or a state, and nothing else in the article is of that country
 * (no actor, no other place). `Israeli soldiers arrested two men in
 * Jenin` with Jenin read as a Polish village of 1,100 people: no POL.
 * The places layer's other readings are not open here; the gazetteer's
 * towns of a name are (td_places_town). */
static int lone_village(const td_doc *doc, const char *iso, td_span sp) {
  if (!doc->eng || !doc->eng->places) return 0;
  const td_place *pl = NULL;
  for (size_t p = 0; p < doc->nplaces && !pl; p++)
    for (size_t m = 0; m < doc->places[p].nmentions; m++)
      if (doc->places[p].mentions[m].start == sp.start && doc->places[p].mentions[m].end == sp.end &&
          doc->places[p].country && strcmp(doc->places[p].country, iso) == 0)
        pl = &doc->places[p];
  if (!pl || !pl->feature || strncmp(pl->feature, "PPL", 3) != 0 || strcmp(pl->feature, "PPLC") == 0)
    return 0;
  size_t lo = 0, hi = doc->ntoks;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->toks[mid].start < sp.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= doc->ntoks || doc->toks[lo].start != sp.start || doc->toks[lo].end != sp.end) return 0;
  if (td_places_town(doc->eng, doc, (uint32_t)lo, 3000)) return 0;
  for (size_t p = 0; p < doc->nplaces; p++)
    if (&doc->places[p] != pl && doc->places[p].country && strcmp(doc->places[p].country, iso) == 0)
      return 0;
  for (size_t a = 0; a < doc->nactors; a++)
    if (doc->actors[a].country && strcmp(doc->actors[a].country, iso) == 0) return 0;
  return 1;
}

int td_country_actor(td_doc *doc, const char *iso, td_span sp) {
  char key[8];
  snprintf(key, sizeof key, "%s", iso);
  for (char *p = key; *p; p++) *p = (char)tolower((unsigned char)*p);
  /* (a village that proves nothing of its country: an actor of its name
   * alone, no country or code) */
  if (lone_village(doc, iso, sp)) {
    size_t n = sp.end - sp.start;
    char *vkey = td_arena_alloc(&doc->arena, n + 1);
    key_into(vkey, doc->text + sp.start, n);
    int made, k = entity_actor(doc, vkey, sp, &made);
    if (!made) return k;
    doc->actors[k].name = td_arena_strndup(&doc->arena, doc->text + sp.start, n);
    doc->actors[k].kind = "country";
    td_actor_add_mention(doc, k, sp);
    return k;
  }
  int made, k = entity_actor(doc, key, sp, &made);
  if (!made) return k;
  td_actor *a = &doc->actors[k];
  a->name = td_arena_strndup(&doc->arena, doc->text + sp.start, sp.end - sp.start);
  a->kind = "country";
  a->code = td_arena_strdup(&doc->arena, iso);
  a->country = a->code;
  a->known = 1;
  td_actor_add_mention(doc, k, sp);
  return k;
}

int td_group_actor(td_doc *doc, const char *iso, const char *sector, td_span sp) {
  size_t n = sp.end - sp.start;
  /* "hkg-cvl-people", "lab-tube-workers": the same words of another
   * country or sector are another group */
  char *raw = td_arena_printf(&doc->arena, "%s%s%s-%.*s", iso ? iso : "", iso ? "-" : "", sector,
                              (int)n, doc->text + sp.start);
  char *key = td_arena_alloc(&doc->arena, strlen(raw) + 1);
  key_into(key, raw, strlen(raw));
  int made, k = entity_actor(doc, key, sp, &made);
  if (!made) return k;
  td_actor *a = &doc->actors[k];
  a->name = td_arena_strndup(&doc->arena, doc->text + sp.start, n);
  a->kind = "group";
  a->sector = td_arena_strdup(&doc->arena, sector);
  a->country = iso ? td_arena_strdup(&doc->arena, iso) : NULL;
  /* (a sector alone with no country, as code_of writes it) */
  a->code = td_arena_printf(&doc->arena, "%s%s", iso ? iso : "", sector);
  td_actor_add_mention(doc, k, sp);
  return k;
}

int td_actor_members(const td_doc *doc, int a, int *out, int max) {
  if (a < 0 || (size_t)a >= doc->nactors || max < 1) return 0;
  const td_actor *g = &doc->actors[a];
  const char *e = g->entity;
  if (!g->kind || strcmp(g->kind, "group") != 0 || (g->code && *g->code) || !e) return 0;
  /* pair_actor's key: "kor-usa" or "kor-usa-gov" */
  if (strlen(e) < 7 || e[3] != '-' || (e[7] && e[7] != '-')) return 0;
  int n = 0;
  for (int h = 0; h < 2 && n < max; h++) {
    char iso[4];
    for (int i = 0; i < 3; i++) iso[i] = (char)toupper((unsigned char)e[h * 4 + i]);
    iso[3] = 0;
    int best = -1, best_rank = 0;
    for (size_t k = 0; k < doc->nactors; k++) {
      const td_actor *m = &doc->actors[k];
      if ((int)k == a || !m->country || strcmp(m->country, iso) != 0) continue;
      int rank = m->kind && strcmp(m->kind, "country") == 0 ? 3 : m->code && strcmp(m->code, iso) == 0 ? 2 : 1;
      if (rank > best_rank) best = (int)k, best_rank = rank;
    }
    if (best >= 0) out[n++] = best;
  }
  return n;
}

/* ---- evaluation on CoNLL-2003 ---- */

typedef struct {
  long tp[5], fp[5], fn[5];
} ner_counts;

/* Gold chunks of IOB1/IOB2 tags (conlleval): a chunk starts at B-X, or at
 * I-X after O, another type or a sentence break (conlleval reads the
 * empty line between sentences as an O: `France at Japan` / `Spain at
 * Belgium` are two places, not `Japan Spain`). Writes (tok0, tok1, type)
 * triples. */
static size_t gold_chunks(char **tags, const uint32_t *sent_of, size_t n, td_ne *out) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    const char *t = tags[i];
    if (t[0] == 'O' || strlen(t) < 3) {
      i++;
      continue;
    }
    const char *ty = t + 2;
    int type = strcmp(ty, "PER") == 0 ? TD_NE_PER : strcmp(ty, "ORG") == 0 ? TD_NE_ORG
             : strcmp(ty, "LOC") == 0 ? TD_NE_LOC : TD_NE_MISC;
    size_t j = i + 1;
    while (j < n && tags[j][0] == 'I' && strcmp(tags[j] + 2, ty) == 0 && sent_of[j] == sent_of[i])
      j++;
    out[k++] = (td_ne){(uint32_t)i, (uint32_t)j, type, 0, 0, 0};
    i = j;
  }
  return k;
}

/* Builds a document from CoNLL tokens (gold tokenization), runs the tagger
 * and the layer, and counts matches against the gold chunks. */
static void eval_doc(const td_engine *eng, char **words, char **tags, uint32_t *sent_of,
                     size_t n, ner_counts *c) {
  if (n == 0) return;
  td_doc *doc = td_xcalloc(1, sizeof *doc);
  td_arena_init(&doc->arena);
  doc->eng = eng;
  td_buf text = TD_BUF_INIT;
  doc->toks = td_arena_alloc(&doc->arena, n * sizeof *doc->toks);
  doc->ntoks = doc->cap_toks = n;
  for (size_t i = 0; i < n; i++) {
    /* a possessive touches its word, as in the text CoNLL split it from
     * (`Moody's`: `Moody` `'s`) */
    int glued = i && sent_of[i] == sent_of[i - 1] && (strcmp(words[i], "'s") == 0 || strcmp(words[i], "'S") == 0);
    if (i && !glued) td_buf_putc(&text, sent_of[i] != sent_of[i - 1] ? '\n' : ' ');
    td_tok *t = &doc->toks[i];
    t->start = (uint32_t)text.len;
    td_buf_puts(&text, words[i]);
    t->end = (uint32_t)text.len;
    t->sent = sent_of[i];
    t->head = -2;
    const char *w = words[i];
    int letters = 0, upper = 0, alnum = 0;
    for (const char *p = w; *p; p++) {
      if (isalpha((unsigned char)*p)) letters++, upper += isupper((unsigned char)*p) != 0;
      if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) alnum++;
      if (isdigit((unsigned char)*p)) t->flags |= TD_TOK_DIGIT;
    }
    if (isupper((unsigned char)w[0])) t->flags |= TD_TOK_CAP;
    if (letters >= 2 && upper == letters) t->flags |= TD_TOK_ALLCAPS;
    if (!alnum) t->flags |= TD_TOK_PUNCT;
    if (i == 0 || sent_of[i] != sent_of[i - 1]) t->flags |= TD_TOK_PARA_START;
    else if (!glued) t->flags |= TD_TOK_SPACE_BEFORE;
    char *low = td_arena_strdup(&doc->arena, w);
    for (char *p = low; *p; p++) *p = (char)tolower((unsigned char)*p);
    t->norm = low;
  }
  doc->len = text.len;
  doc->text = td_arena_strndup(&doc->arena, text.ptr ? text.ptr : "", text.len);
  td_buf_free(&text);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && sent_of[j] == sent_of[i]) j++;
    TD_AGROW(&doc->arena, doc->sents, doc->cap_sents, doc->nsents + 1);
    td_sent *s = &doc->sents[doc->nsents];
    s->start = doc->toks[i].start, s->end = doc->toks[j - 1].end;
    s->tok0 = (uint32_t)i, s->ntok = (uint32_t)(j - i);
    for (size_t k = i; k < j; k++) doc->toks[k].sent = (uint32_t)doc->nsents;
    doc->nsents++;
    i = j;
  }
  if (eng->tagger) td_tag(eng, doc);
  if (eng->lemma) td_lemmatize(eng, doc);
  td_ne *pred;
  size_t np;
  td_actors_names(eng, doc, &pred, &np);
  td_ne *gold = td_xmalloc((n + 1) * sizeof *gold);
  size_t ng = gold_chunks(tags, sent_of, n, gold);
  /* TIDINGS_NER_DUMP=FILE appends predicted (P) and gold (G) chunks, for
   * error analysis */
  const char *dump = getenv("TIDINGS_NER_DUMP");
  FILE *dbg = dump ? fopen(dump, "a") : NULL;
  if (dbg) {
    static const char *nm[] = {"-", "PER", "ORG", "LOC", "MISC"};
    for (size_t q = 0; q < np; q++) if (pred[q].type) {
      fprintf(dbg, "P\t%s\t", nm[pred[q].type]);
      for (uint32_t t = pred[q].tok0; t < pred[q].tok1; t++) fprintf(dbg, "%s ", words[t]);
      fprintf(dbg, "\t%u\n", pred[q].tok0);
    }
    for (size_t q = 0; q < ng; q++) {
      fprintf(dbg, "G\t%s\t", nm[gold[q].type]);
      for (uint32_t t = gold[q].tok0; t < gold[q].tok1; t++) fprintf(dbg, "%s ", words[t]);
      fprintf(dbg, "\t%u\n", gold[q].tok0);
    }
    fprintf(dbg, "=\n");
    fclose(dbg);
  }
  /* both lists are in text order and non-overlapping: merge */
  size_t a = 0, b = 0;
  while (a < np || b < ng) {
    if (a < np && pred[a].type == TD_NE_NONE) {
      a++;
      continue;
    }
    if (a < np && b < ng && pred[a].tok0 == gold[b].tok0 && pred[a].tok1 == gold[b].tok1) {
      if (pred[a].type == gold[b].type) c->tp[gold[b].type]++;
      else c->fp[pred[a].type]++, c->fn[gold[b].type]++;
      a++, b++;
    } else if (b >= ng || (a < np && pred[a].tok0 < gold[b].tok0) ||
               (a < np && pred[a].tok0 == gold[b].tok0 && pred[a].tok1 < gold[b].tok1)) {
      c->fp[pred[a].type]++;
      a++;
    } else {
      c->fn[gold[b].type]++;
      b++;
    }
  }
  free(gold);
  td_doc_free(doc);
}

static void prf(FILE *out, const char *label, long tp, long fp, long fn) {
  double p = tp + fp ? (double)tp / (double)(tp + fp) : 0, r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  fprintf(out, "%-18s precision %6.2f%%  recall %6.2f%%  F1 %6.2f  (gold %ld, found %ld)\n", label,
          100 * p, 100 * r, 100 * f, tp + fn, tp + fp);
}

int td_eval_ner(const td_engine *eng, const char *conll_file, FILE *out) {
  FILE *f = fopen(conll_file, "r");
  if (!f) {
    fprintf(out, "cannot read %s\n", conll_file);
    return -1;
  }
  ner_counts c;
  memset(&c, 0, sizeof c);
  char **words = NULL, **tags = NULL;
  uint32_t *sent_of = NULL;
  size_t n = 0, cap = 0, capt = 0, caps = 0, ndocs = 0;
  uint32_t sent = 0;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t got;
  int more = 1;
  while (more) {
    got = getline(&line, &lcap, f);
    more = got >= 0;
    if (more)
      while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = 0;
    int docstart = more && strncmp(line, "-DOCSTART-", 10) == 0;
    if (!more || docstart) {
      eval_doc(eng, words, tags, sent_of, n, &c);
      if (n) ndocs++;
      for (size_t i = 0; i < n; i++) free(words[i]), free(tags[i]);
      n = 0;
      sent = 0;
      continue;
    }
    if (got == 0) {
      if (n && sent_of[n - 1] == sent) sent++;
      continue;
    }
    char *sp = strchr(line, ' '), *lsp = strrchr(line, ' ');
    if (!sp) continue;
    TD_GROW(words, cap, n + 1);
    TD_GROW(tags, capt, n + 1);
    TD_GROW(sent_of, caps, n + 1);
    words[n] = td_xstrndup(line, (size_t)(sp - line));
    tags[n] = td_xstrdup(lsp + 1);
    sent_of[n] = sent;
    n++;
  }
  free(line);
  free(words);
  free(tags);
  free(sent_of);
  fclose(f);
  static const char *const names[] = {"", "PER", "ORG", "LOC", "MISC"};
  fprintf(out, "NER on %s: %zu documents (entity-level, conlleval semantics)\n", conll_file, ndocs);
  long tp = 0, fp = 0, fn = 0;
  for (int t = 1; t <= 4; t++) {
    prf(out, names[t], c.tp[t], c.fp[t], c.fn[t]);
    if (t <= 3) tp += c.tp[t], fp += c.fp[t], fn += c.fn[t];
  }
  prf(out, "PER/ORG/LOC", tp, fp, fn);
  prf(out, "all four types", tp + c.tp[4], fp + c.fp[4], fn + c.fn[4]);
  return 0;
}
