/* test_actors.c — the actors layer through the library: dated roles,
 * coreference, td_actor_at, user dictionaries (--dict), and the NER scorer
 * on a tiny CoNLL file. Needs build/tidings.res (made by `make`). */
#include "unit.h"
#include "testdoc.h"
#include "extract/actors.h"

#include <stdlib.h>
#include <unistd.h>

static int actor(const td_doc *d, const char *entity) {
  for (size_t i = 0; i < d->nactors; i++)
    if (strcmp(d->actors[i].entity, entity) == 0) return (int)i;
  return -1;
}

TD_TEST(actors_dated_roles_and_coreference) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  const char *text =
      "Officials met in Washington on Thursday.\n\n"
      "U.S. President Joe Biden met Defense Secretary Lloyd Austin. "
      "Austin said the talks went well, and he added that more would follow.\n";
  td_doc *d = td_testdoc_process(eng, text, "2024-11-01");
  int b = actor(d, "joe-biden"), a = actor(d, "lloyd-austin");
  CHECK(b >= 0 && a >= 0);
  if (b >= 0) CHECK_STR(d->actors[b].code, "USAGOV");
  if (a >= 0) {
    CHECK(d->actors[a].nmentions == 3);
    const char *p = strstr(d->text, "Austin said");
    CHECK(p && td_actor_at(d, (uint32_t)(p - d->text), (uint32_t)(p - d->text) + 6) == a);
    p = strstr(d->text, "he added");
    CHECK(p && td_actor_at(d, (uint32_t)(p - d->text), (uint32_t)(p - d->text) + 2) == a);
  }
  CHECK(td_actor_at(d, 0, 4) == -1);
  td_doc_free(d);
  d = td_testdoc_process(eng, text, "2005-03-01");
  b = actor(d, "joe-biden");
  CHECK(b >= 0);
  if (b >= 0) CHECK_STR(d->actors[b].code, "USALEG");
  td_doc_free(d);
  td_engine_free(eng);
}

TD_TEST(actors_user_dictionary) {
  td_engine *eng = td_testdoc_dict_engine(
      "mine.tsv", "Jane Roe\tperson\tjane-roe|Jane Roe|f|FRA,GOV,Mayor,2020-01-01,\n");
  if (eng) {
    td_doc *d = td_testdoc_process(eng, "Officials met on Thursday.\n\nJane Roe spoke. Roe said the city would grow. She added that taxes would fall.\n",
                    "2024-01-01");
    int k = actor(d, "jane-roe");
    CHECK(k >= 0);
    if (k >= 0) {
      CHECK_STR(d->actors[k].code, "FRAGOV");
      CHECK(d->actors[k].nmentions == 3);
    }
    td_doc_free(d);
    td_engine_free(eng);
  }
}

TD_TEST(actors_eval_ner_small) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  char path[] = "/tmp/td_ner_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("-DOCSTART- -X- O O\n\n"
        "Russian NNP I-NP I-MISC\nPresident NNP I-NP O\nVladimir NNP I-NP I-PER\n"
        "Putin NNP I-NP I-PER\nvisited VBD I-VP O\nGermany NNP I-NP I-LOC\n. . O O\n",
        f);
  fclose(f);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  CHECK(td_eval_ner(eng, path, out) == 0);
  fclose(out);
  CHECK(buf && strstr(buf, "PER/ORG/LOC") != NULL);
  CHECK(buf && strstr(buf, "F1 100.00") != NULL);
  free(buf);
  unlink(path);
  td_engine_free(eng);
}

/* The type td_actors_names gave the first name whose text is s, or -1. */
static int ne_type(const td_doc *d, const td_ne *ne, size_t n, const char *s) {
  for (size_t i = 0; i < n; i++) {
    uint32_t a = d->toks[ne[i].tok0].start, b = d->toks[ne[i].tok1 - 1].end;
    if (strlen(s) == b - a && memcmp(d->text + a, s, b - a) == 0) return ne[i].type;
  }
  return -1;
}

/* The document of text (dated 2024-05-01) and the names td_actors_names
 * typed in it, or NULL when it could not be made. */
static td_doc *names_of(td_engine *eng, const char *text, td_ne **ne, size_t *n) {
  td_doc *d = td_testdoc_process(eng, text, "2024-05-01");
  *ne = NULL, *n = 0;
  if (d) td_actors_names(eng, d, ne, n);
  return d;
}

/* A document and its typed names, made by names_open (0 when there is
 * no engine or no document: the test ends there, nothing left to free),
 * the next document with the same engine by names_next, all freed by
 * names_close. */
typedef struct {
  td_engine *eng;
  td_doc *d;
  td_ne *ne;
  size_t n;
} names_fx;

static int names_next(int *td_failed_, names_fx *f, const char *text) {
  td_doc_free(f->d);
  f->d = names_of(f->eng, text, &f->ne, &f->n);
  CHECK(f->d != NULL);
  if (!f->d) td_engine_free(f->eng);
  return f->d != NULL;
}

static int names_open(int *td_failed_, names_fx *f, const char *text) {
  f->eng = td_testdoc_engine(NULL);
  f->d = NULL;
  return f->eng && names_next(td_failed_, f, text);
}

static void names_close(names_fx *f) {
  td_doc_free(f->d);
  td_engine_free(f->eng);
}

/* The type of the name spelled s in f's document (-1: none). */
static int fx_type(const names_fx *f, const char *s) { return ne_type(f->d, f->ne, f->n, s); }

TD_TEST(actors_names_sports_and_organizations) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Soccer results from the third division of the league on Saturday.\n\n"
                  "Rotherham 4 Barnsley 0\n\n"
                  "Leeds captain John Smith was injured.\n\n"
                  "The National Association of Widget Makers (NAWM) said on Monday that the "
                  "Foreign Ministry had called its chairman, and the Bundesbank agreed.\n"))
    return;
  CHECK(fx_type(&f, "Barnsley") == TD_NE_ORG);
  CHECK(fx_type(&f, "Rotherham") == TD_NE_ORG);
  CHECK(fx_type(&f, "National Association of Widget Makers") == TD_NE_ORG);
  CHECK(fx_type(&f, "NAWM") == TD_NE_ORG);
  CHECK(fx_type(&f, "Foreign Ministry") == TD_NE_ORG);
  CHECK(fx_type(&f, "Bundesbank") == TD_NE_ORG);
  names_close(&f);
}

/* In a scorecard a line of one word of the language and a figure is a
 * heading (Extras 9, Total 326), no team; a results row that goes on
 * after the figure still makes one (Bury 4 Bristol City 0). */
TD_TEST(actors_names_scorecard_headings) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Cricket scoreboard of the first innings, with wickets falling fast.\n\n"
                  "Ijaz Ahmed not out 58\n\n"
                  "Extras 9\n\n"
                  "Total 326\n\n"
                  "Bury 4 Bristol City 0\n"))
    return;
  CHECK(fx_type(&f, "Extras") != TD_NE_ORG);
  CHECK(fx_type(&f, "Total") != TD_NE_ORG);
  CHECK(fx_type(&f, "Bury") == TD_NE_ORG);
  names_close(&f);
}

/* A capitalized plural of people before `of` heads an order's or a
 * society's name, one organization (not opening the sentence). */
TD_TEST(actors_names_society_heads) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Nuns of the Missionaries of Charity prayed in Calcutta on Monday.\n"))
    return;
  CHECK(fx_type(&f, "Missionaries of Charity") == TD_NE_ORG);
  names_close(&f);
}

/* A firm's legal form abroad (AB, LP) or its trade (Stores,
 * Laboratories) ends an organization's name, not a person's. */
TD_TEST(actors_names_firm_words) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Prices were cut by Velmar Stores on Monday, and Dornex Laboratories sold "
                  "its stake to Ostvik AB and Tarran Capital LP.\n"))
    return;
  CHECK(fx_type(&f, "Velmar Stores") == TD_NE_ORG);
  CHECK(fx_type(&f, "Dornex Laboratories") == TD_NE_ORG);
  CHECK(fx_type(&f, "Ostvik AB") == TD_NE_ORG);
  CHECK(fx_type(&f, "Tarran Capital LP") == TD_NE_ORG);
  names_close(&f);
}

/* A noun in -er naming a program or a device ends a product's name
 * (MISC), not a person's, unless a known given name opens the run. */
TD_TEST(actors_names_program_heads) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Users of Internet Explorer and the Psion Organiser were warned on Monday. "
                  "The golfer Gary Player was not.\n"))
    return;
  CHECK(fx_type(&f, "Internet Explorer") == TD_NE_MISC);
  CHECK(fx_type(&f, "Psion Organiser") == TD_NE_MISC);
  CHECK(fx_type(&f, "Gary Player") == TD_NE_PER);
  names_close(&f);
}

/* A utility's word (Power, Edison) after a place or a state the
 * dictionary names ends a firm's name. */
TD_TEST(actors_names_utilities) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Virginia Power said it would raise rates, and Ohio Edison agreed.\n"))
    return;
  CHECK(fx_type(&f, "Virginia Power") == TD_NE_ORG);
  CHECK(fx_type(&f, "Ohio Edison") == TD_NE_ORG);
  names_close(&f);
}

/* In a sports story a run opening with a word of clubs' names (Dynamo,
 * Hapoel, Borussia) is a club, not a person. */
TD_TEST(actors_names_club_words) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Soccer: Dynamo Varvik scored twice in the second half and beat Hapoel "
                  "Tarsin in the league on Saturday.\n"))
    return;
  CHECK(fx_type(&f, "Dynamo Varvik") == TD_NE_ORG);
  CHECK(fx_type(&f, "Hapoel Tarsin") == TD_NE_ORG);
  names_close(&f);
}

/* In a sports story a capitalized word no name holds before a town
 * opens the club's name (not a function word: `In Sofia`). */
TD_TEST(actors_names_club_before_town) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Soccer: Varnek Sofia scored twice in the league and beat Torvan Prague. "
                  "In Sofia the goals were cheered.\n"))
    return;
  CHECK(fx_type(&f, "Varnek Sofia") == TD_NE_ORG);
  CHECK(fx_type(&f, "Torvan Prague") == TD_NE_ORG);
  names_close(&f);
}

/* In a sports story a name guessed a person's before a squad's word
 * is a team, unless a known given name opens it. */
TD_TEST(actors_names_team_before_squad_word) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Soccer: goals in the league. Torvan Varnek coach Ola Brenn praised the "
                  "striker, and Tomas Velder coach Ian Tarr agreed.\n"))
    return;
  CHECK(fx_type(&f, "Torvan Varnek") == TD_NE_ORG);
  CHECK(fx_type(&f, "Ola Brenn") == TD_NE_PER);
  CHECK(fx_type(&f, "Tomas Velder") == TD_NE_PER);
  names_close(&f);
}

/* St and a word no given name name a town or a site (in a sports
 * story its team), no person. */
TD_TEST(actors_names_saint_towns) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "The train left St Varnek for Tarvik on Monday.\n"))
    return;
  CHECK(fx_type(&f, "St Varnek") == TD_NE_LOC);
  CHECK(names_next(td_failed_, &f, "Soccer: goals in the league. St Varnek beat Tarvik Rovers "
                                   "and their striker scored twice.\n"));
  CHECK(fx_type(&f, "St Varnek") == TD_NE_ORG);
  names_close(&f);
}

/* In a sports story a name in brackets after a player's name is the
 * player's club, unless a country or a nation names a national side. */
TD_TEST(actors_names_club_in_brackets) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Soccer squad for the league match. Midfielders - Anto Drobvar (Marseille), "
                  "Ola Brenn (Varvik), Kees Vorland (Neths), Ian Tarr (West Indies) scored goals.\n"))
    return;
  CHECK(fx_type(&f, "Marseille") == TD_NE_ORG);
  CHECK(fx_type(&f, "Varvik") == TD_NE_ORG);
  CHECK(fx_type(&f, "Neths") == TD_NE_LOC);
  CHECK(fx_type(&f, "West Indies") == TD_NE_LOC);
  names_close(&f);
}

/* A follower of a creed (a word the word list spells only capitalized,
 * ending in -ist) and a temperature scale are MISC, no organization. */
TD_TEST(actors_names_creeds_and_scales) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "In the vote radical Islamists won, and a former Islamist deputy spoke. It was "
                  "40 degrees Celsius in the shade.\n"))
    return;
  CHECK(fx_type(&f, "Islamists") == TD_NE_MISC);
  CHECK(fx_type(&f, "Islamist") == TD_NE_MISC);
  CHECK(fx_type(&f, "Celsius") == TD_NE_MISC);
  names_close(&f);
}

/* Short forms news writes for places (NZ, HK, H.K., Mideast) are places,
 * not the organizations an acronym would make them. */
TD_TEST(actors_names_place_short_forms) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Banks cut NZ home lending rates, H.K. shares rose and HK traders said oil "
                  "from the Mideast was cheaper.\n"))
    return;
  CHECK(fx_type(&f, "NZ") == TD_NE_LOC);
  CHECK(fx_type(&f, "H.K.") == TD_NE_LOC);
  CHECK(fx_type(&f, "HK") == TD_NE_LOC);
  CHECK(fx_type(&f, "Mideast") == TD_NE_LOC);
  names_close(&f);
}

/* An unknown name after "the town of" or "east of" is a place, not the
 * organization the last-resort guess would make it. */
TD_TEST(actors_names_place_of) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Rebels attacked the town of Qarvesh on Monday. Troops held a line east "
                  "of Dolmaro.\n"))
    return;
  CHECK(fx_type(&f, "Qarvesh") == TD_NE_LOC);
  CHECK(fx_type(&f, "Dolmaro") == TD_NE_LOC);
  names_close(&f);
}

/* One unknown word after a title is a person's name (not after `the`: the
 * General Election), and a compass word alone after `the` a region; the
 * last-resort guess made both organizations. */
TD_TEST(actors_names_title_and_compass) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "The garrison under General Vorlashev held the pass for a week. Aid "
                  "reached families in the North on Tuesday.\n"))
    return;
  CHECK(fx_type(&f, "Vorlashev") == TD_NE_PER);
  CHECK(fx_type(&f, "North") == TD_NE_LOC);
  names_close(&f);
}

/* A guessed run of words of the language that the word list never spells
 * as a name (`Silent Harvest`) is no person: a name of a thing (MISC). A
 * run holding a word spelled as a name too stays a person's. */
TD_TEST(actors_names_plain_words) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Farmers joined the Silent Harvest protest on Monday.\n"))
    return;
  CHECK(fx_type(&f, "Silent Harvest") == TD_NE_MISC);
  names_close(&f);
}

/* Three words after a known given name that end in an organization's
 * word name the organization, not a person. */
TD_TEST(actors_names_given_name_org) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "A grant from the Andy Marlow Foundation paid for the show.\n"))
    return;
  CHECK(fx_type(&f, "Andy Marlow Foundation") == TD_NE_ORG);
  names_close(&f);
}

/* An adverb or a number opening a sentence is no part of the name after
 * it (`Three Tarvian leaders`, `Sometimes I`). */
TD_TEST(actors_names_sentence_opener) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Three Tarvian leaders met in the capital on Monday. Sometimes I take "
                  "more pride in that.\n"))
    return;
  CHECK(fx_type(&f, "Tarvian") == TD_NE_MISC);
  CHECK(fx_type(&f, "Three Tarvian") == -1);
  CHECK(fx_type(&f, "Sometimes I") == -1);
  names_close(&f);
}

/* A capitalized word before a nationality that ends the name makes a
 * nationality's word (MISC), not an organization: Central American. */
TD_TEST(actors_names_nationality_compound) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "She will attend a Central American summit in the spring. The Southeast "
                  "Asian markets were quiet.\n"))
    return;
  CHECK(fx_type(&f, "Central American") == TD_NE_MISC);
  CHECK(fx_type(&f, "Southeast Asian") == TD_NE_MISC); /* a compass word of two */
  /* opening a sentence: a word the word list spells only capitalized */
  if (!names_next(td_failed_, &f,
                  "Olympic champion Tomas Velder runs on Sunday. Domestic demand rose.\n"))
    return;
  CHECK(fx_type(&f, "Olympic") == TD_NE_MISC);
  CHECK(fx_type(&f, "Domestic") == -1);
  names_close(&f);
}

/* One word only the last resort could type is a place when the gazetteer
 * knows it as a town (Tampere, Lahti: Finnish cities) or a state, not an
 * organization;
 * not in a sports story, where a town names its team. */
TD_TEST(actors_names_gazetteer_town) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Storms hit Tampere and Lahti on Monday, officials said. The bank bought "
                  "Pellmark Inc of Orlando, Fla., for $3 million.\n"))
    return;
  CHECK(fx_type(&f, "Tampere") == TD_NE_LOC);
  CHECK(fx_type(&f, "Lahti") == TD_NE_LOC);
  CHECK(fx_type(&f, "Fla.") == TD_NE_LOC); /* a state (ADM1), as the gazetteer writes it */
  names_close(&f);
}

/* One unknown word a kinship word names (`his wife Lenka`) or an age in
 * commas follows (`Duvane, 45,`) is a person, not the last-resort
 * organization. */
TD_TEST(actors_names_kin_and_age) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Duvane, 45, fights again in March. The mayor visited his wife Lenka in "
                  "hospital on Friday.\n"))
    return;
  CHECK(fx_type(&f, "Duvane") == TD_NE_PER);
  CHECK(fx_type(&f, "Lenka") == TD_NE_PER);
  names_close(&f);
}

/* A lowercase name particle and the capitalized word after it go on the
 * name (`den Hollander`, `della Rovere`, a surname glued to `al-`), and
 * the run is a person's, not the last resort's organization or place. */
TD_TEST(actors_names_particles) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "The ball fell to Pieter den Hollander, who scored. The prize went to "
                  "Lucia della Rovere on Monday.\n"))
    return;
  CHECK(fx_type(&f, "Pieter den Hollander") == TD_NE_PER);
  CHECK(fx_type(&f, "Lucia della Rovere") == TD_NE_PER);
  names_close(&f);
}

/* A cleric's title or an occupation opening a sentence is no part of the
 * person's name it comes before. */
TD_TEST(actors_names_title_edge) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Cardinal Tomas Velder led the service on Sunday.\n\n"
                  "Analyst Orla Brennick said the market would recover.\n"))
    return;
  CHECK(fx_type(&f, "Tomas Velder") == TD_NE_PER);
  CHECK(fx_type(&f, "Orla Brennick") == TD_NE_PER);
  /* a royal's title, a profession opening a sentence */
  if (!names_next(td_failed_, &f, "Princess Anna Varne opened the bridge. Novelist Tomas Velder "
                                  "spoke on Monday.\n"))
    return;
  CHECK(fx_type(&f, "Anna Varne") == TD_NE_PER);
  CHECK(fx_type(&f, "Tomas Velder") == TD_NE_PER);
  /* a man of a people before a given name: Frenchman */
  if (!names_next(td_failed_, &f, "The race was won by Frenchman Louis de Varenne on Sunday.\n"))
    return;
  CHECK(fx_type(&f, "Louis de Varenne") == TD_NE_PER);
  names_close(&f);
}

/* A place's or a country's word that is a known given name opens a
 * person's name before a surname no word list knows (Virginia Kessel,
 * Chad Orwin, Sofia Varga); not before a word of the language (Virginia
 * Beach), nor after a place preposition. */
TD_TEST(actors_names_given_name_places) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "The film stars Virginia Kessel and Sofia Varga. Chad Orwin caught the "
                  "pass.\n"))
    return;
  CHECK(fx_type(&f, "Virginia Kessel") == TD_NE_PER);
  CHECK(fx_type(&f, "Sofia Varga") == TD_NE_PER);
  CHECK(fx_type(&f, "Chad Orwin") == TD_NE_PER);
  if (!names_next(td_failed_, &f, "Floods hit Virginia Beach on Monday. Refugees from Chad "
                                  "Ngara arrived.\n"))
    return;
  CHECK(fx_type(&f, "Virginia Beach") != TD_NE_PER);
  CHECK(fx_type(&f, "Chad Ngara") == TD_NE_LOC);
  names_close(&f);
}

/* A work after its kind, a noun, is a title (MISC), no person and no
 * organization (`the film Tomas Velder`, `her novel The Quiet Harbour`);
 * the same verb is none (`to play Tomas Velder`). */
TD_TEST(actors_names_work_titles) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "The film Tomas Velder won two prizes. Her novel The Quiet Harbour sold well. "
                  "He will play Orla Brennick in the final.\n"))
    return;
  CHECK(fx_type(&f, "Tomas Velder") == TD_NE_MISC);
  CHECK(fx_type(&f, "The Quiet Harbour") == TD_NE_MISC);
  CHECK(fx_type(&f, "Orla Brennick") == TD_NE_PER);
  names_close(&f);
}

/* Sports stories in CoNLL columns: a standings row and a fixture line name
 * teams, the venue after AT is a place, a dateline in capitals a place. */
TD_TEST(actors_eval_ner_sports) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  char path[] = "/tmp/td_ner_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("-DOCSTART- -X- O O\n\n"
        "BASEBALL NN O O\n- : O O\n"
        "LEAGUE NN O O\nSTANDINGS NNS O O\n\n"
        "TULSA NNP O B-LOC\n1996-08-30 CD O O\n\n"
        "TACOMA NNP O B-ORG\n72 CD O O\n63 CD O O\n\n"
        "TACOMA NNP O B-ORG\nAT IN O O\nPITTSBURGH NNP O B-LOC\n\n",
        f);
  fclose(f);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  CHECK(td_eval_ner(eng, path, out) == 0);
  fclose(out);
  CHECK(buf && strstr(buf, "PER/ORG/LOC        precision 100.00%  recall 100.00%") != NULL);
  free(buf);
  unlink(path);
  td_engine_free(eng);
}

/* Scores CoNLL lines (word and tag, one a line; the scorer reads the first
 * and last columns) and says whether PER/ORG/LOC and all four types came
 * out perfect. */
static int conll_perfect(td_engine *eng, const char *lines) {
  char path[] = "/tmp/td_ner_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  FILE *f = fdopen(fd, "w");
  fputs("-DOCSTART- -X- O O\n\n", f);
  fputs(lines, f);
  fclose(f);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  int ok = td_eval_ner(eng, path, out) == 0;
  fclose(out);
  ok = ok && buf && strstr(buf, "all four types     precision 100.00%  recall 100.00%") != NULL;
  if (!ok && buf) fputs(buf, stderr);
  free(buf);
  unlink(path);
  return ok;
}

/* An I- tag after a sentence break opens a new gold chunk, as conlleval
 * reads it: the two places of a two-line fixture list are two, not one
 * name across the break. */
TD_TEST(actors_eval_ner_gold_breaks) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Norway I-LOC\nat O\nFrance I-LOC\n\n"
                           "Spain I-LOC\nat O\nItaly I-LOC\n\n"));
  td_engine_free(eng);
}

/* The same in CoNLL columns, where `al-Vashti` is one token. */
TD_TEST(actors_eval_ner_particles) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Police O\nseized O\ntheir O\nleader O\nKarim B-PER\n"
                           "al-Vashti I-PER\nand O\nMaarten B-PER\nden I-PER\n"
                           "Hollander I-PER\n. O\n\n"));
  td_engine_free(eng);
}

/* The year of a sporting event is part of its name: before the event
 * word's name, after `Euro`. */
TD_TEST(actors_eval_ner_event_years) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "He O\nplayed O\nin O\nthe O\n2010 B-MISC\nWorld I-MISC\n"
                           "Cup I-MISC\nand O\nat O\nEuro B-MISC\n2012 I-MISC\n. O\n\n"));
  td_engine_free(eng);
}

/* A ship or a storm named after its kind (`the aircraft carrier X`, `the
 * frigate X`, `Tropical Storm X`) is a thing's name, and a name before
 * `airport` a place's; a given name among them makes no person. */
TD_TEST(actors_eval_ner_ships_and_sites) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\naircraft O\ncarrier O\nCarl B-MISC\nVinson I-MISC\n"
                           "and O\nthe O\nfrigate O\nTarvane B-MISC\nsailed O\nfrom O\n"
                           "Charles B-LOC\nde I-LOC\nGaulle I-LOC\nairport O\n. O\n\n"
                           "Tropical O\nStorm O\nEdith B-MISC\nweakened O\n. O\n\n"));
  td_engine_free(eng);
}

/* No organization of a heading in capitals made of words of the
 * language, of a month's abbreviation, nor of a word before a crowd's
 * figure in a sports story (a team opens a results row before a score). */
TD_TEST(actors_eval_ner_no_org_words) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "MARKET O\nREPORT O\n- O\nWheat O\nrose O\nin O\nCanada B-LOC\n. O\n\n"
                           "Quarter O\nended O\nJul O\n31 O\n. O\n\n"));
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nRESULTS O\n. O\n\n"
                           "Leeds B-ORG\n4 O\nBristol B-ORG\n0 O\n\n"
                           "Attendance O\n4500 O\n\n"));
  td_engine_free(eng);
}

/* In a sports story a league no dictionary names is a competition
 * (MISC), not an organization. */
TD_TEST(actors_eval_ner_sports_leagues) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "BASEBALL O\n- O\nLEAGUE O\nSTANDINGS O\n. O\n\n"
                           "He O\nleads O\nthe O\nCoastal B-MISC\nLeague I-MISC\n"
                           "after O\nthe O\ninnings O\n. O\n\n"));
  td_engine_free(eng);
}

/* Other names (MISC): a time zone (not a month), a man or a woman of a
 * people (`Frenchman`), and in a sports story a division's heading over
 * a table. */
TD_TEST(actors_eval_ner_misc_words) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\ntalks O\nbegin O\nat O\n0900 O\nGMT B-MISC\non O\n"
                           "Monday O\n, O\nand O\nthe O\nFrenchman B-MISC\nwill O\ncome O\n"
                           ". O\n\n"));
  CHECK(conll_perfect(eng, "BASEBALL O\n- O\nLEAGUE O\nSTANDINGS O\n. O\n\n"
                           "NORTHERN B-MISC\nDIVISION I-MISC\n\n"
                           "W O\nL O\nPCT O\n\n"));
  td_engine_free(eng);
}

/* In a sports story a name before the minute of a goal is a scorer. */
TD_TEST(actors_eval_ner_scorers) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nRESULTS O\n. O\n\n"
                           "Scorers O\n: O\n( O\nVarnek B-PER\n65th O\n, O\n"
                           "Tomas B-PER\nHolm I-PER\n89th O\n) O\n\n"));
  td_engine_free(eng);
}

/* A dateline inside a sentence, after the reporter's name: the city in
 * capitals and its region are places, the byline a person. */
TD_TEST(actors_eval_ner_dateline) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Ana B-PER\nLorvika I-PER\nVERANOPOLIS B-LOC\n, O\nRio B-LOC\n"
                           "Grande I-LOC\n1997-03-04 O\nprices O\nrose O\n. O\n\n"
                           "TORVALE B-LOC\n, O\nKans B-LOC\n. O\n1997-03-04 O\n\n"));
  td_engine_free(eng);
}

/* A name joined to `-based` (`-led`, `-born`, …) or after `ex-` is a
 * modifier (MISC) and no part of the organization that follows. */
TD_TEST(actors_eval_ner_hyphen_modifiers) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Shares O\nof O\nTarsey-based B-MISC\nQuillon B-ORG\nCorp I-ORG\n"
                           "rose O\n, O\nan O\nex-Quillon B-MISC\nmanager O\nsaid O\n. O\n\n"));
  td_engine_free(eng);
}

/* A common noun before or after an unknown name tells an organization:
 * `club X`, `X newspaper`; `The newspaper` alone names nothing. */
TD_TEST(actors_eval_ner_org_described) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nBelgian B-MISC\nclub O\nSporting B-ORG\nTrevaux I-ORG\n"
                           "sacked O\nits O\ncoach O\n, O\nthe O\nDagvast B-ORG\nMorgen I-ORG\n"
                           "newspaper O\nsaid O\n. O\n\nThe O\nnewspaper O\nsaid O\nso O\n. O\n\n"));
  td_engine_free(eng);
}

/* In a sports story a place named as a team by a score stays a team in
 * the rest of the story, not after `in`. */
TD_TEST(actors_eval_ner_sports_consistent) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nRESULTS O\n. O\n\n"
                           "Leeds B-ORG\n4 O\nBristol B-ORG\n0 O\n\n"
                           "Bristol B-ORG\n's O\nrun O\nended O\nin O\nBristol B-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* Two results rows make a sports story with no word of sport: the
 * towns in them are teams. */
TD_TEST(actors_eval_ner_results_rows) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Results O\nof O\nsecond O\nround O\n"
                           "matches O\non O\nWednesday O\n: O\n\nVarnek B-ORG\n1 O\nMilan B-ORG\n"
                           "1 O\n\nTorvan B-ORG\n2 O\nCagliari B-ORG\n3 O\n\n"));
  td_engine_free(eng);
}

/* In a sports story a town after `over`, or `to` after a score, or
 * before a word of a squad (player, side) is a team. */
TD_TEST(actors_eval_ner_sports_cues) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nREPORT O\n. O\n\n"
                           "The O\nchampions O\nlost O\n3-0 O\nto O\nPalermo B-ORG\n. O\n\n"
                           "A O\nSurrey B-ORG\nplayer O\nscored O\nin O\nthe O\nwin O\n"
                           "over O\nDetroit B-ORG\n. O\n\n"));
  /* a side after the other side's score and scorers, before its own
   * score, is a team */
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nRESULTS O\n. O\n\n"
                           "Varnek B-ORG\n2 O\n( O\nVelder B-PER\n23rd O\n, O\nBrenn B-PER\n"
                           "30th O\n) O\nTorvan B-ORG\nHeath I-ORG\n0 O\n. O\n\n"));
  /* a side of a results row is a team, a people's word too */
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nRESULTS O\n. O\n\n"
                           "Varnek B-ORG\n2 O\nUdinese B-ORG\n1 O\n\n"));
  td_engine_free(eng);
}

/* A name a neighbouring word typed as an organization keeps that type
 * where a statement cue alone would make it a person. */
TD_TEST(actors_eval_ner_described_mentions) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\ndaily O\nDagvast B-ORG\nMorgen I-ORG\nprinted O\nthe O\n"
                           "letter O\n. O\n\nDagvast B-ORG\nMorgen I-ORG\nsaid O\nthe O\n"
                           "letter O\nwas O\nreal O\n. O\n\n"));
  td_engine_free(eng);
}

/* In a headline in capitals an event word and the words back to a
 * nationality or `WORLD` name an event. */
TD_TEST(actors_eval_ner_headline_events) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nDRAW O\nFOR O\nWORLD B-MISC\nCUP I-MISC\n"
                           "QUALIFIERS O\n. O\n\nGOLF O\n- O\nLEADING O\nSCORES O\nAT O\n"
                           "BRITISH B-MISC\nMASTERS I-MISC\n. O\n\n"));
  td_engine_free(eng);
}

/* Words of a headline in capitals that the story names take the story's
 * type: a surname of a person named in full, a place. */
TD_TEST(actors_eval_ner_headline_names) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "GOLF O\n- O\nVARNEK B-PER\nTAKES O\nLEAD O\n. O\n\n"
                           "Tomas B-PER\nVarnek I-PER\nfired O\na O\n64 O\non O\nThursday O\n"
                           ". O\n\n"));
  td_engine_free(eng);
}

/* An initial before a surname is a person; in a cricket scorecard so are
 * the names after c, st, b and lbw and before a bowler's figures. */
TD_TEST(actors_eval_ner_scorecard_people) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "CRICKET O\n- O\nFIRST O\nINNINGS O\nSCORES O\n. O\n\n"
                           "T. B-PER\nVarley I-PER\nc O\nMorrand B-PER\nb O\nKestle B-PER\n"
                           "12 O\n\nBowling O\n: O\nDorvan B-PER\n10-0-43-2 O\n. O\n\n"));
  td_engine_free(eng);
}

/* In a sports story a name before small numbers opening a row is a team:
 * a standings row, a results row; a golfer's rounds are no scores. */
TD_TEST(actors_eval_ner_table_rows) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nSTANDINGS O\n. O\n\n"
                           "Tarn B-ORG\nValley I-ORG\n3 O\n2 O\n0 O\n1 O\n5 O\n2 O\n\n"
                           "Gorvan B-ORG\nHeath I-ORG\n2 O\nTarn B-ORG\nValley I-ORG\n0 O\n\n"
                           "-DOCSTART- O\n\nGOLF O\n- O\nLEAGUE O\nPLAYOFF O\nSCORES O\n. O\n\n"
                           "Ulf B-PER\nMarrow I-PER\n72 O\n76 O\n74 O\n69 O\n291 O\n\n"));
  td_engine_free(eng);
}

/* In a sports story a run a given name opens is a team in a results row
 * (between the row's start and its score, after the other side's score),
 * opening a standings row, and where a team of the same words was named
 * before; a driver and his points alone on a row stay a person. */
TD_TEST(actors_eval_ner_given_name_teams) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nRESULTS O\n. O\n\n"
                           "Sokol B-ORG\nVarde I-ORG\n5 O\nMaria B-ORG\nKolvan I-ORG\n3 O\n\n"
                           "In O\nTarsk B-LOC\n: O\nElena B-ORG\nMarsk I-ORG\n( O\nNorway B-LOC\n) O\n"
                           "2 O\nVarne B-ORG\n( O\nMalta B-LOC\n) O\n1 O\n\n"
                           "Maria B-ORG\nKolvan I-ORG\nwon O\n4-2 O\non O\naggregate O\n. O\n\n"
                           "-DOCSTART- O\n\nSOCCER O\n- O\nLEAGUE O\nSTANDINGS O\n. O\n\n"
                           "Elena B-ORG\nMarsk I-ORG\n7 O\n5 O\n0 O\n2 O\n12 O\n9 O\n15 O\n\n"
                           "-DOCSTART- O\n\nMOTOR O\nRACING O\n- O\nDRIVERS O\nSTANDINGS O\n. O\n\n"
                           "Pedro B-PER\nAlvar I-PER\n( O\nBrazil B-LOC\n) O\n1 O\n\n"));
  td_engine_free(eng);
}

/* In a sports story two words no list knows are a team, not a person,
 * where their country in brackets and their score follow them in a
 * results row, and so is the other side after that score. */
TD_TEST(actors_eval_ner_bracketed_teams) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nRESULTS O\n. O\n\n"
                           "In O\nTarsk B-LOC\n: O\nBorvak B-ORG\nTelsiu I-ORG\n( O\nLatvia B-LOC\n) O\n"
                           "0 O\nDravco B-ORG\nKemnik I-ORG\n\n( O\nSlovakia B-LOC\n) O\n2 O\n\n"));
  td_engine_free(eng);
}

/* In a sports story a run a given name opens in brackets after a
 * player's name is the player's club, `both` before it too; no person. */
TD_TEST(actors_eval_ner_club_in_brackets) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nGOALSCORERS O\n. O\n\n"
                           "7 O\n- O\nTomas B-PER\nVelder I-PER\n( O\nLech B-ORG\nVarnow I-ORG\n) O\n"
                           ", O\nOrla B-PER\nBrennick I-PER\n, O\nIvo B-PER\nKessel I-PER\n( O\n"
                           "both O\nMaria B-ORG\nKolvan I-ORG\n) O\n\n"));
  td_engine_free(eng);
}

/* A frequent name (TEXAS, HOUSTON: frequent in the word list, but never
 * spelled lowercase) is no common word: it opens a standings row and a
 * fixture line as a team; a month in capitals opening a row is no place. */
TD_TEST(actors_eval_ner_frequent_names) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "BASEBALL O\n- O\nLEAGUE O\nSTANDINGS O\n. O\n\n"
                           "TEXAS B-ORG\n73 O\n54 O\n.575 O\n- O\n\n"
                           "HOUSTON B-ORG\nAT O\nTEXAS B-LOC\n\n"
                           "APRIL O\n1996 O\n42 O\n\n"));
  td_engine_free(eng);
}

/* A span of months or days in one token (`January-June`, `Jan-May`) is
 * a time, no name. */
TD_TEST(actors_eval_ner_month_spans) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Sales O\nin O\nPeru B-LOC\nin O\nJanuary-June O\nrose O\n. O\n\n"
                           "Jan-May O\nexports O\nfell O\n. O\n\n"));
  td_engine_free(eng);
}

/* A nationality's words after a nationality or a direction are one
 * nationality (MISC), not an organization. */
TD_TEST(actors_eval_ner_nationality_pairs) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Many O\nAfghan B-MISC\nUzbeks I-MISC\nfled O\n. O\n\n"
                           "The O\nleaders O\nof O\nCentral B-MISC\nAsians I-MISC\nmet O\n. O\n\n"));
  td_engine_free(eng);
}

/* An unknown name before a place noun (`province`, `mountains`,
 * `stadium`) is a place. */
TD_TEST(actors_eval_ner_place_described) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Troops O\nentered O\nQarvesh B-LOC\nprovince O\nand O\nthe O\n"
                           "Dolmaro B-LOC\nmountains O\n. O\n\n"));
  td_engine_free(eng);
}

/* A newspaper's name ends in a press word: the place before it is part of
 * the organization, and no statement cue makes it a person. */
TD_TEST(actors_eval_ner_newspapers) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nLisbon B-ORG\nGazette I-ORG\nsaid O\nthe O\nplan O\n"
                           "would O\nfail O\n. O\n\n"));
  td_engine_free(eng);
}

/* Names joined by `&` are one firm, even when a person's name opens it. */
TD_TEST(actors_eval_ner_ampersand_firms) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "An O\nanalyst O\nat O\nPeter B-ORG\nLorvik I-ORG\n& I-ORG\nCo I-ORG\n"
                           "agreed O\n. O\n\n"));
  td_engine_free(eng);
}

/* An organization's head word, `of` and a place are one organization; a
 * firm's legal form ends its name before `of`. */
TD_TEST(actors_eval_ner_org_of_place) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Members O\nof O\nthe O\nVeltra B-ORG\nUnion I-ORG\nof I-ORG\nPortugal I-ORG\n"
                           "met O\nTorvel B-ORG\nCorp I-ORG\nof O\nLisbon B-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* Capitalized words between quotation marks are a title (MISC). */
TD_TEST(actors_eval_ner_quoted_titles) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "His O\nnovel O\n\" O\nGrey B-MISC\nHarbours I-MISC\n\" O\n"
                           "sold O\nwell O\n. O\n\n"));
  td_engine_free(eng);
}

/* A title alone, or the portfolio before one, is no name. */
TD_TEST(actors_eval_ner_titles_no_names) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Talks O\nwith O\nFisheries O\nMinister O\nJoao B-PER\nVarela I-PER\n"
                           "ended O\n. O\n\n"));
  td_engine_free(eng);
}

/* A title opening a person's name is no part of it; a given name
 * and the one word after it are one name, even a place's name. */
TD_TEST(actors_eval_ner_person_edges) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Fans O\ncheered O\nCoach O\nTomas B-PER\nVarnek I-PER\n"
                           ". O\n\nThe O\nrace O\nwent O\nto O\nMaria B-PER\nHolland I-PER\n. O\n\n"));
  td_engine_free(eng);
}

/* In a sports story a place before a verb or a possessive, or after
 * `for` or `joined`, is a team. */
TD_TEST(actors_eval_ner_teams_that_act) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nREPORT O\n. O\n\n"
                           "Leeds B-ORG\ntied O\nthe O\ngame O\nlate O\n. O\n\n"
                           "He O\njoined O\nBristol B-ORG\nin O\nJune O\n. O\n\n"));
  td_engine_free(eng);
}

/* A title in quotes keeps its function words (`" The Lost Harbour "`);
 * an event's name goes on over `of` (`World Series of Sailing`). */
TD_TEST(actors_eval_ner_titled_names) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "His O\nfilm O\n\" O\nThe B-MISC\nLost I-MISC\nHarbour I-MISC\n\" O\n"
                           "won O\n. O\n\nShe O\nwon O\nthe O\nWorld B-MISC\nSeries I-MISC\n"
                           "of I-MISC\nSailing I-MISC\nin O\nJune O\n. O\n\n"));
  td_engine_free(eng);
}

/* In a sports story one name after a colon and before a score is a team
 * (a cricket score line: `Venue : Team 259 and 207`). */
TD_TEST(actors_eval_ner_score_after_colon) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "CRICKET O\n- O\nCOUNTY O\nSCORES O\n. O\n\nResults O\nin O\n"
                           "innings O\nand O\nwickets O\n. O\n\nAt O\nhome O\n: O\n"
                           "Dorvale B-ORG\n259 O\nand O\n"
                           "207 O\n. O\n\n"));
  td_engine_free(eng);
}

/* A cricket innings' total (runs-wickets, `392-6`) after a venue's colon
 * is a score after a team, and a compound modifier opening a sentence
 * (`Second-placed`) is no part of the team's name. */
TD_TEST(actors_eval_ner_innings_totals) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "CRICKET O\n- O\nCOUNTY O\nSCORES O\n. O\n\nResults O\nin O\n"
                           "innings O\nand O\nwickets O\n. O\n\nAt O\nhome O\n: O\n"
                           "Dorvale B-ORG\n392-6 O\ndeclared O\n. O\n\n"
                           "Second-placed O\nDorvale B-ORG\nwere O\nheld O\n. O\n\n"));
  td_engine_free(eng);
}

/* A nation written in capitals (SCOTLAND in a heading) is the national
 * side, a place as when written Scotland, not a team of a fixture line. */
TD_TEST(actors_eval_ner_nations_in_capitals) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "CRICKET O\n- O\nSCOTLAND B-LOC\nV O\nPAKISTAN B-LOC\nFINAL O\n"
                           "TEST O\nSCOREBOARD O\n. O\n\nSCOTLAND B-LOC\nscored O\nruns O\n"
                           "and O\nwickets O\n. O\n\n"));
  td_engine_free(eng);
}

/* A dollar named by its country (C$, NZ$) is a currency: MISC. */
TD_TEST(actors_eval_ner_currency_symbols) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nbond O\nfell O\nNZ$ B-MISC\n0.45 O\nto O\nNZ$ B-MISC\n"
                           "99.10 O\n. O\n\n"));
  td_engine_free(eng);
}

/* A nickname in quotes between a person's names is part of the name. */
TD_TEST(actors_eval_ner_nicknames) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nboxer O\nTomas B-PER\n\" I-PER\nIron I-PER\nFist I-PER\n"
                           "\" I-PER\nVarnek I-PER\nwon O\n. O\n\n"));
  td_engine_free(eng);
}

/* A name ending in City, Square, Hospital, … is a place outside a sports
 * story (where Bristol City is a club). */
TD_TEST(actors_eval_ner_facilities) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Crowds O\ngathered O\nin O\nVarnel B-LOC\nSquare I-LOC\nand O\n"
                           "marched O\nto O\nDorvan B-LOC\nClinical I-LOC\nHospital I-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* A market index named after its exchange is MISC, not the exchange. */
TD_TEST(actors_eval_ner_market_index) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nTorvel B-MISC\nExchange I-MISC\ncomposite O\nindex O\n"
                           "fell O\n. O\n\n"));
  td_engine_free(eng);
}

/* An ordinal is no nationality, a table's column heads are no name, and
 * a prison or a park is a place. */
TD_TEST(actors_eval_ner_ordinals_heads_places) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Then O\ncomes O\nthe O\nSecond O\ntest O\n. O\n\n"
                           "W O\nL O\nPCT O\nGB O\n\nHe O\nwas O\nheld O\nin O\nRovin B-LOC\n"
                           "Prison I-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* A compass word before a place, and `Republic of` a place, are one
 * place. */
TD_TEST(actors_eval_ner_place_compounds) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Troops O\nleft O\nNorthern B-LOC\nPortugal I-LOC\nfor O\nthe O\n"
                           "Republic B-LOC\nof I-LOC\nIreland I-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* In a sports story the names on either side of `v` are teams. */
TD_TEST(actors_eval_ner_fixture_v) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "SOCCER O\n- O\nLEAGUE O\nFIXTURES O\n. O\n\n"
                           "Postponed O\n: O\nTarn B-ORG\nValley I-ORG\nv O\nDorvale B-ORG\n. O\n\n"));
  td_engine_free(eng);
}

/* A place's name that is the surname of a person named in full in the
 * story is that person, not after `in`. */
TD_TEST(actors_eval_ner_surname_places) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nwinner O\nwas O\nTomas B-PER\nBerlin I-PER\n. O\n\n"
                           "Berlin B-PER\nsaid O\nhe O\n"
                           "was O\ntired O\nafter O\nthe O\nfinal O\nin O\nBerlin B-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* A sector word the dictionary gives no type (`Administration`) and an
 * abbreviation that names a thing (`PC`) are parts of the name they are
 * written in; `of the` / `for the` after an organization word go on its
 * name; alone (`GDP`, `AIDS`) such an abbreviation is no name. */
TD_TEST(actors_eval_ner_name_words) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Inspectors O\nfrom O\nthe O\nMarvale B-ORG\nCoastal I-ORG\n"
                           "Safety I-ORG\nAdministration I-ORG\nand O\nthe O\nCouncil B-ORG\n"
                           "for I-ORG\nthe I-ORG\nWelfare I-ORG\nof I-ORG\nDockers I-ORG\nmet O\n. O\n\n"
                           "Its O\nGDP O\nand O\nAIDS O\nfigures O\nrose O\n, O\nthe O\nPC B-ORG\n"
                           "Orbit I-ORG\nmagazine O\nsaid O\n. O\n\n"));
  td_engine_free(eng);
}

/* One word no person's name holds that speaks of itself as `it` at a
 * statement cue is an organization; a common noun opening the sentence
 * (`Supporters say it`) is no name. */
TD_TEST(actors_eval_ner_said_it) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Zorvane B-ORG\nsaid O\nit O\nwould O\ncut O\n300 O\njobs O\n. O\n\n"
                           "Supporters O\nsay O\nit O\nshould O\n. O\n\n"));
  td_engine_free(eng);
}

/* `Weekly` ends a paper's name like `Daily`; an organization word ends
 * the name before a known given name that opens a person's. */
TD_TEST(actors_eval_ner_org_word_ends) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Whitmore B-PER\ntold O\nMarvale B-ORG\nWeekly I-ORG\nthat O\nhe O\n"
                           "left O\n. O\n\nThe O\nhead O\nof O\nthe O\nHarbor B-ORG\nCouncil I-ORG\n"
                           "Maria B-PER\nLindqvist I-PER\ntold O\nreporters O\n. O\n\n"));
  td_engine_free(eng);
}

/* `Name (ACR)`: the words an acronym in brackets spells, small words
 * between them, are one organization when an organization word is among
 * them or they are four or more. */
TD_TEST(actors_eval_ner_spelled_names) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Officials O\nof O\nthe O\nState B-ORG\nWater I-ORG\nand I-ORG\n"
                           "Power I-ORG\nBoard I-ORG\n( O\nSWPB B-ORG\n) O\nand O\nthe O\n"
                           "Free B-ORG\nSons I-ORG\nof I-ORG\nUpper I-ORG\nMarvale I-ORG\n( O\n"
                           "FSUM B-ORG\n) O\nmet O\n. O\n\n"));
  td_engine_free(eng);
}

/* A last-resort guess listed with a typed name (`and`, `or`) takes its
 * type, and one a place follows as its region (`Tarvik , Norway .`) is
 * a place. */
TD_TEST(actors_eval_ner_listed_names) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nplane O\ncrashed O\nover O\nTarvik B-LOC\n, O\nNorway B-LOC\n"
                           ". O\n\nHe O\nceded O\nValmora B-LOC\nand O\nStrasbourg B-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* An acronym opening a run nothing typed makes it an organization's
 * name, not a person's (initials with stops are a person's: `D.K.`), and
 * the acronym alone later is no part of a person's name. */
TD_TEST(actors_eval_ner_acronym_runs) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Gifts O\nto O\nKVT B-ORG\nArt I-ORG\nCollections I-ORG\nrose O\n, O\n"
                           "D.K. B-PER\nVarlow I-PER\nsaid O\n. O\n\n"
                           "KVT B-ORG\nwas O\nnot O\nalone O\n. O\n\n"));
  td_engine_free(eng);
}

/* An organization word before `of` heads the name (`Church of
 * Zorvanism said`: no person at the cue), and the words after `of` alone
 * later are that organization, unless its head names organizations
 * after places (`University of X`). */
TD_TEST(actors_eval_ner_of_heads) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nChurch B-ORG\nof I-ORG\nZorvanism I-ORG\nsaid O\nit O\n"
                           "would O\nsue O\n. O\n\nZorvanism B-ORG\nofficials O\ndenied O\nit O\n"
                           ". O\n\n"));
  td_engine_free(eng);
}

/* One word whose members, officials or spokesman the story names is an
 * organization, also where an earlier mention of it was only guessed. */
TD_TEST(actors_eval_ner_org_acts) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Critics O\nof O\nTarnwell B-ORG\nmet O\n. O\n\nFormer O\nmembers O\n"
                           "of O\nTarnwell B-ORG\nhelped O\nhim O\n. O\n\nTarnwell B-ORG\n"
                           "officials O\ndenied O\nit O\n. O\n\n"));
  td_engine_free(eng);
}

/* A sector word written as a name inside a sentence is an organization
 * (`the Air Force`), and it goes on the name it ends (`Popular
 * Revolutionary Army`); opening a sentence (`Police said`) or before a
 * title it is none. */
TD_TEST(actors_eval_ner_force_names) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "He O\nserved O\nin O\nthe O\nAir B-ORG\nForce I-ORG\nand O\nthe O\n"
                           "Varnian B-MISC\nrebels O\nof O\nthe O\nPopular B-ORG\nRevolutionary I-ORG\n"
                           "Army I-ORG\n. O\n\nPolice O\nsaid O\nso O\n. O\n\n"));
  td_engine_free(eng);
}

/* One word at a statement cue is only a guessed person: where the story
 * shows it acts as an organization (`said in a statement`, its
 * spokesman), its mentions before are the organization's too. */
TD_TEST(actors_eval_ner_cue_guess) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Zorvane B-ORG\nsays O\nsales O\nrose O\n. O\n\n"
                           "Zorvane B-ORG\nsaid O\nin O\na O\nstatement O\nthe O\norder O\nwas O\n"
                           "big O\n, O\nand O\nZorvane B-ORG\nspokesman O\nOla B-PER\nBrenn I-PER\n"
                           "told O\nReuters B-ORG\n. O\n\n"));
  td_engine_free(eng);
}

/* A market index named by words the typing only guessed (a person's
 * name by the look of them) is MISC too. */
TD_TEST(actors_eval_ner_guessed_index) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "The O\nVarlow B-MISC\nJensen I-MISC\nindustrial O\naverage O\nfell O\n"
                           "31 O\npoints O\n. O\n\n"));
  td_engine_free(eng);
}

/* `the towns of X and Y`: a plural place noun before `of` names places
 * as the singular does (`the town of X`). */
TD_TEST(actors_eval_ner_places_of) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "They O\nwork O\nin O\nthe O\nmining O\ntowns O\nof O\nTarvik B-LOC\n"
                           "and O\nOsvik B-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* The mention of actor k that starts at s in d's text ends at s + n. */
static int mention_is(const td_doc *d, int k, const char *s, size_t n) {
  const char *p = strstr(d->text, s);
  if (k < 0 || !p) return 0;
  uint32_t a = (uint32_t)(p - d->text);
  for (size_t i = 0; i < d->actors[k].nmentions; i++)
    if (d->actors[k].mentions[i].start == a) return d->actors[k].mentions[i].end == a + n;
  return 0;
}

/* A dictionary name that ends in its possessive keeps it (`Moody's`,
 * `Standard & Poor's`), while a possessive after a name is no part of it
 * (`Britain's`); a person's name in the possessive is no firm's (`Tony
 * Christie's`, `Mr Moody's`). */
TD_TEST(actors_possessive_names) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng,
                                 "Officials met on Thursday.\n\n"
                                 "Moody's and Standard & Poor's cut Britain's rating. "
                                 "Mr Moody's office said nothing.\n",
                                 "2024-11-01");
  CHECK(d != NULL);
  if (d) {
    int m = actor(d, "moody-s"), s = actor(d, "standard-poor-s"), b = actor(d, "gbr");
    CHECK(mention_is(d, m, "Moody's and", 7));
    CHECK(mention_is(d, s, "Standard & Poor's", 17));
    CHECK(mention_is(d, b, "Britain's", 7));
    CHECK(m >= 0 && d->actors[m].nmentions == 1);
    td_doc_free(d);
  }
  td_engine_free(eng);
}

/* In CoNLL columns a possessive is a token of its own; the scorer writes
 * it touching its word, as the text had it, so a name that holds it is
 * found whole. */
TD_TEST(actors_eval_ner_possessive) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Ratings O\nby O\nMoody B-ORG\n's I-ORG\nfell O\n. O\n\n"));
  td_engine_free(eng);
}

/* A name does not go on over a sentence or paragraph break: the club a
 * line ends with and the club the next line opens with are two
 * (`Sheffield United` / `Burnley 3`). */
TD_TEST(actors_eval_ner_no_name_over_breaks) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Soccer O\n- O\nleague O\nresults O\n\nArsenal B-ORG\n2 O\n"
                           "Sheffield B-ORG\nUnited I-ORG\n\nBurnley B-ORG\n3 O\n"
                           "Leicester B-ORG\n1 O\n\n"));
  td_engine_free(eng);
}

/* A possessive inside an organization's name: after a plural or a
 * person's noun of the language, or in a saint's name, before words that
 * end in an organization's or a building's word; not after a place's or a
 * person's name (`Varnholm's Civic Centre`). */
TD_TEST(actors_names_possessive_inside) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "The Harbor Workers' Union and the Tarvik People's Party met at St Orla's "
                  "Hospital, and the Information Commissioner's Office joined them at "
                  "Varnholm's Civic Centre.\n"))
    return;
  CHECK(fx_type(&f, "Harbor Workers' Union") == TD_NE_ORG);
  CHECK(fx_type(&f, "Tarvik People's Party") == TD_NE_ORG);
  CHECK(fx_type(&f, "St Orla's Hospital") != -1);
  CHECK(fx_type(&f, "Information Commissioner's Office") == TD_NE_ORG);
  CHECK(fx_type(&f, "Varnholm's Civic Centre") == -1);
  names_close(&f);
}

/* A word of the language in capitals (a table's heading: NOTES) is no
 * acronym of an organization; in brackets after the words it spells
 * (`(BARD)`) it is one. */
TD_TEST(actors_eval_ner_caps_words) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Net O\n332.66 O\nvs O\n266.37 O\nNOTES O\n: O\nSecond O\n"
                           "quarter O\nfigures O\nwere O\nnot O\navailable O\n. O\n\n"
                           "It O\nwas O\nsold O\nby O\nthe O\nBritish B-ORG\nAssociation I-ORG\n"
                           "of I-ORG\nRecord I-ORG\nDealers I-ORG\n( O\nBARD B-ORG\n) O\n. O\n\n"));
  td_engine_free(eng);
}

/* A word of the language opening the sentence before a known given name
 * describes the person and is no part of the name (`Sprinter Tomas
 * Velder`), unless the name goes on to an organization's word. */
TD_TEST(actors_names_describer) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Sprinter Tomas Velder won the race in Tarvik on Sunday.\n\n"
                  "Outspoken Anna Kessel lost her first match.\n\n"
                  "National Anna Kessel Foundation gave money to the club.\n\n"
                  "Californian Ivan Dolvik filed the suit.\n"))
    return;
  CHECK(fx_type(&f, "Ivan Dolvik") == TD_NE_PER);
  CHECK(fx_type(&f, "Tomas Velder") == TD_NE_PER);
  CHECK(fx_type(&f, "Sprinter Tomas Velder") == -1);
  CHECK(fx_type(&f, "Anna Kessel") == TD_NE_PER);
  CHECK(fx_type(&f, "National Anna Kessel Foundation") == TD_NE_ORG);
  names_close(&f);
}

/* Two words a given name opens that end in an organization's or a
 * building's word name no person (`Ivan College`, `Tomas Corporation`,
 * `Grace Gallery`), unless that word is as often a surname (`Anna
 * Mills`). */
TD_TEST(actors_names_given_name_org_word) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "She taught at Ivan College before she joined Tomas Corporation. Her work "
                  "hangs in Grace Gallery in Tarvik. She met Anna Mills there.\n"))
    return;
  CHECK(fx_type(&f, "Ivan College") == TD_NE_ORG);
  CHECK(fx_type(&f, "Tomas Corporation") == TD_NE_ORG);
  CHECK(fx_type(&f, "Grace Gallery") == TD_NE_LOC);
  CHECK(fx_type(&f, "Anna Mills") == TD_NE_PER);
  names_close(&f);
}

/* An organization's word ends its name before two words no list knows
 * that end the run at a statement cue: a person's name (`the Harbor
 * Council Orvik Dalmane told`). */
TD_TEST(actors_names_org_then_person_at_cue) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "After the vote, the head of the Harbor Council Orvik Dalmane told "
                  "reporters the plan was bad.\n"))
    return;
  CHECK(fx_type(&f, "Harbor Council") == TD_NE_ORG);
  CHECK(fx_type(&f, "Orvik Dalmane") == TD_NE_PER);
  names_close(&f);
}

/* A known given name before one word of the language opens a person's
 * name, no organization's (`Four Peter Power penalties`), unless the
 * word is an organization's (`Grant Software`). */
TD_TEST(actors_names_given_name_word) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Four Peter Power penalties gave Norway victory in a dour game. "
                  "He works for Grant Software.\n"))
    return;
  CHECK(fx_type(&f, "Peter Power") == TD_NE_PER);
  CHECK(fx_type(&f, "Grant Software") == TD_NE_ORG);
  names_close(&f);
}

/* Three words a given name opens are a person's name when the last is
 * an organization's word that is as often a surname (`Thomas Orwin
 * Church`), not after an article (`the Anna Kessel Hall`) nor when the
 * last word is no surname (`Orla Brennick Foundation`). */
TD_TEST(actors_names_surname_head) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "Thomas Orwin Church won the prize for best actor. The Orla Brennick "
                  "Foundation paid for the party at the Anna Kessel Hall.\n"))
    return;
  CHECK(fx_type(&f, "Thomas Orwin Church") == TD_NE_PER);
  CHECK(fx_type(&f, "Orla Brennick Foundation") == TD_NE_ORG);
  CHECK(fx_type(&f, "Anna Kessel Hall") != TD_NE_PER);
  names_close(&f);
}

/* `and` between words of the language inside one organization's name
 * (`Truth and Reconciliation Commission`), not between two names of a
 * list (`Vantor, Universal and Kessel Brothers`). */
TD_TEST(actors_names_and_inside) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "The Harbor and Canal Commission met on Monday. Vantor, Universal and Kessel "
                  "Brothers agreed.\n"))
    return;
  CHECK(fx_type(&f, "Harbor and Canal Commission") == TD_NE_ORG);
  CHECK(fx_type(&f, "Universal and Kessel Brothers") == -1);
  /* a people's plural in the possessive after the `and` stays inside
   * the name; a possessive after the name's head word ends it */
  if (!names_next(td_failed_, &f,
                  "The Iron and Steel Workers' Union called a strike. The Harbor and Canal "
                  "Commission's chairman resigned. Velmar Mining and Gold Fields' Kloof Mine "
                  "merged.\n"))
    return;
  CHECK(fx_type(&f, "Iron and Steel Workers' Union") == TD_NE_ORG);
  CHECK(fx_type(&f, "Harbor and Canal Commission") == TD_NE_ORG);
  CHECK(fx_type(&f, "Velmar Mining and Gold Fields' Kloof Mine") == -1);
  /* two names the story names alone too are two names */
  if (!names_next(td_failed_, &f,
                  "The former Velvet and Rough Harbor Company singer is to tour. He sang with "
                  "the rockers Velvet, who had a hit in 1970, before forming Rough Harbor "
                  "Company in 1973.\n"))
    return;
  CHECK(fx_type(&f, "Velvet and Rough Harbor Company") == -1);
  CHECK(fx_type(&f, "Rough Harbor Company") == TD_NE_ORG);
  names_close(&f);
}

/* Words of the language all, before a colon or a figure, head a table's
 * column or row (`Expected Sale Date : 08/29/96`): no organization. */
TD_TEST(actors_eval_ner_table_heads) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Sale O\nAmount O\n: O\n3,390,000 O\nExpected O\nSale O\nDate O\n"
                           ": O\n08/29/96 O\n\nDelivery O\nDate O\n: O\n09/05/96 O\n\n"
                           "The O\nsale O\nwas O\nled O\nby O\nVarnholm B-ORG\nBrothers I-ORG\n. O\n\n"));
  td_engine_free(eng);
}

/* The ratings agencies and news agencies news names by short forms:
 * `S&P` is Standard & Poor's, `Fitch` and `Tass` are known. */
TD_TEST(actors_agencies_short_forms) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng,
                                 "Officials met on Thursday.\n\n"
                                 "Fitch and S&P cut the rating, Tass news agency said.\n",
                                 "2024-11-01");
  CHECK(d != NULL);
  if (d) {
    int f = actor(d, "fitch"), s = actor(d, "standard-poor-s"), t = actor(d, "tass");
    CHECK(f >= 0 && s >= 0 && t >= 0);
    if (f >= 0) CHECK_STR(d->actors[f].code, "USABUS");
    if (t >= 0) CHECK_STR(d->actors[t].code, "RUSMED");
    td_doc_free(d);
  }
  td_engine_free(eng);
}

/* Given names of the word list give an unknown person's gender, which
 * a pronoun follows (`Siobhan`, `Kirsty`: she; `Ciaran`: he). */
TD_TEST(actors_given_name_genders) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng,
                                 "Talks went on.\n\n"
                                 "Ciaran Dolvik met Siobhan Varga in Tarvik. She said the talks "
                                 "had gone well.\n",
                                 "2005-03-01");
  CHECK(d != NULL);
  if (d) {
    int s = actor(d, "siobhan-varga");
    CHECK(s >= 0 && actor(d, "ciaran-dolvik") >= 0);
    const char *p = strstr(d->text, "She said");
    CHECK(p && s >= 0 && td_actor_at(d, (uint32_t)(p - d->text), (uint32_t)(p - d->text) + 3) == s);
    td_doc_free(d);
  }
  td_engine_free(eng);
}

/* A known given name the story names alone three times is a person
 * called by the given name only; twice is not enough. */
TD_TEST(actors_lone_given_name) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng,
                                 "A sad case.\n\n"
                                 "The couple lost their daughter, Anna. Anna had been ill for "
                                 "months, and doctors said Anna could have been saved. A friend, "
                                 "Tomas, said nothing. Tomas left.\n",
                                 "2005-03-01");
  CHECK(d != NULL);
  if (d) {
    int a = actor(d, "anna");
    CHECK(a >= 0);
    if (a >= 0) CHECK(d->actors[a].nmentions >= 3);
    CHECK(actor(d, "tomas") < 0);
    td_doc_free(d);
  }
  td_engine_free(eng);
}

/* Each government body of the dictionary is its own actor: the Home
 * Office, Downing Street and the Foreign Office, the two Houses of
 * Parliament are not one another's mentions. */
TD_TEST(actors_distinct_government_bodies) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng,
                                 "Ministers met on Thursday.\n\n"
                                 "The Home Office and the Foreign Office backed the plan, Downing "
                                 "Street said. The House of Lords rejected it after the House of "
                                 "Commons passed it.\n",
                                 "2005-03-01");
  CHECK(d != NULL);
  if (d) {
    int h = actor(d, "home-office"), f = actor(d, "foreign-office"), s = actor(d, "downing-street");
    int l = actor(d, "house-of-lords"), c = actor(d, "house-of-commons");
    CHECK(h >= 0 && f >= 0 && s >= 0 && l >= 0 && c >= 0);
    if (h >= 0) CHECK_STR(d->actors[h].code, "GBRGOV");
    td_doc_free(d);
  }
  td_engine_free(eng);
}

/* `of`/`on` after a document's head word joins the document's name
 * (`Convention on Fishing Rights`, `Treaty of Varna`): a thing (MISC),
 * and the words after it no organization of their own. */
TD_TEST(actors_names_documents) {
  names_fx f;
  if (!names_open(td_failed_, &f,
                  "The ruling breached the Northern Convention on Fishing Rights, and the "
                  "Treaty of Varna Bay was signed.\n"))
    return;
  CHECK(fx_type(&f, "Northern Convention on Fishing Rights") == TD_NE_MISC);
  CHECK(fx_type(&f, "Fishing Rights") == -1);
  CHECK(fx_type(&f, "Treaty of Varna Bay") == TD_NE_MISC);
  names_close(&f);
}

/* Abbreviations that name a thing, an index or a genre (FTSE, R&B, PSP)
 * make no organization. */
TD_TEST(actors_term_abbreviations) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng,
                                 "Officials met on Thursday.\n\n"
                                 "The FTSE 100 rose as sales of R&B albums and the PSP grew.\n",
                                 "2024-11-01");
  CHECK(d != NULL);
  if (d) {
    for (size_t i = 0; i < d->nactors; i++)
      CHECK(strcmp(d->actors[i].name, "FTSE") != 0 && strcmp(d->actors[i].name, "R&B") != 0 &&
            strcmp(d->actors[i].name, "PSP") != 0);
    td_doc_free(d);
  }
  td_engine_free(eng);
}

/* A dictionary name grown by the words after it is a place when a place
 * word ends it, whatever the words before (`Indian Ocean`, not an
 * organization of India). */
TD_TEST(actors_eval_ner_place_word_ends) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  CHECK(conll_perfect(eng, "Aid O\nfor O\nthe O\nIndian B-LOC\nOcean I-LOC\ntsunami O\n"
                           "victims O\nin O\nSri B-LOC\nLanka I-LOC\n. O\n\n"));
  td_engine_free(eng);
}

/* LA, Asia Pacific and the English Channel are places, New Year a
 * holiday, National Insurance a tax: none an organization. */
TD_TEST(actors_la_new_year) {
  td_engine *eng = td_testdoc_engine(NULL);
  if (!eng) return;
  td_doc *d = td_testdoc_process(eng,
                                 "Officials met on Thursday.\n\n"
                                 "Film critics in LA said New Year's Day sales and National "
                                 "Insurance payments rose in Asia Pacific and across the "
                                 "English Channel.\n",
                                 "2024-11-01");
  CHECK(d != NULL);
  if (d) {
    for (size_t i = 0; i < d->nactors; i++)
      CHECK(strcmp(d->actors[i].kind, "organization") != 0);
    td_doc_free(d);
  }
  td_engine_free(eng);
}
