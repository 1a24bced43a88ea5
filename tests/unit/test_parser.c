/* test_parser.c — the dependency parser: the arc-hybrid transitions, model
 * images (train, check, refuse damaged ones), trees that are always
 * well formed, and, when the resource image and ../shared are there, the
 * shipped model's accuracy on EWT dev. */
#include "unit.h"
#include "lang/parser.h"
#include "core/res.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void words(td_ps_word *x, int n) {
  for (int i = 0; i < n; i++) x[i] = (td_ps_word){td_ps_word_hash("w", 1) + (uint64_t)i, 1};
}

TD_TEST(parser_transitions) {
  /* "she saw it": saw is the root, she and it its dependents. */
  td_ps_word x[3];
  words(x, 3);
  void *mem = malloc(td_ps_state_mem(3));
  td_ps_state st;
  td_ps_init(&st, 3, x, mem);
  CHECK(!td_ps_valid(&st, TD_PS_LEFT) && !td_ps_valid(&st, TD_PS_RIGHT));
  td_ps_apply(&st, TD_PS_SHIFT, 0);       /* [she] | saw it ROOT */
  td_ps_apply(&st, TD_PS_LEFT, 7);        /* she <- saw */
  td_ps_apply(&st, TD_PS_SHIFT, 0);       /* [saw] | it ROOT */
  td_ps_apply(&st, TD_PS_SHIFT, 0);       /* [saw it] | ROOT */
  CHECK(!td_ps_valid(&st, TD_PS_SHIFT));
  CHECK(!td_ps_valid(&st, TD_PS_LEFT));   /* only one word may hang from ROOT */
  td_ps_apply(&st, TD_PS_RIGHT, 8);       /* saw -> it */
  CHECK(td_ps_valid(&st, TD_PS_LEFT));
  td_ps_apply(&st, TD_PS_LEFT, 9);        /* saw <- ROOT */
  CHECK(td_ps_done(&st));
  CHECK(st.head[0] == 1 && st.lab[0] == 7);
  CHECK(st.head[2] == 1 && st.lab[2] == 8);
  CHECK(st.head[1] == 3 && st.lab[1] == 9);
  CHECK(st.lc1[1] == 0 && st.rc1[1] == 2 && st.nl[1] == 1 && st.nr[1] == 1);
  uint64_t f[TD_PS_MAXFEAT];
  td_ps_init(&st, 3, x, mem);
  td_ps_apply(&st, TD_PS_SHIFT, 0);
  int nf = td_ps_features(&st, f);
  CHECK(nf == 47); /* every move template (version 7) */
  nf = td_ps_label_features(&st, TD_PS_LEFT, f);
  CHECK(nf == 14); /* every relation template */
  free(mem);
}

TD_TEST(parser_word_hash) {
  CHECK(td_ps_word_hash("Said", 4) == td_ps_word_hash("said", 4));
  CHECK(td_ps_word_hash("1999", 4) == td_ps_word_hash("2024", 4));
  CHECK(td_ps_word_hash("\xe2\x80\x99s", 4) == td_ps_word_hash("'s", 2));
  CHECK(td_ps_word_hash("said", 4) != td_ps_word_hash("says", 4));
}

static const char *tiny_treebank =
    "# text = She saw it.\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = The dog barked loudly.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tbarked\tbark\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tloudly\tloudly\tADV\tRB\t_\t3\tadvmod\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = He gave the man a book in Paris.\n"
    "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tgave\tgive\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tman\tman\tNOUN\tNN\t_\t2\tiobj\t_\t_\n"
    "5\ta\ta\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "6\tbook\tbook\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "7\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "8\tParis\tParis\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

/* Checks that every sentence of doc is one tree: heads inside the
 * sentence, exactly one root (deprel "root"), no cycles. */
static int well_formed(const td_doc *doc) {
  for (size_t s = 0; s < doc->nsents; s++) {
    const td_sent *se = &doc->sents[s];
    int roots = 0;
    for (uint32_t i = se->tok0; i < se->tok0 + se->ntok; i++) {
      const td_tok *t = &doc->toks[i];
      if (t->head == -1) {
        roots++;
        if (strcmp(td_deprel_names[t->deprel], "root") != 0) return 0;
        continue;
      }
      if (t->head < (int32_t)se->tok0 || t->head >= (int32_t)(se->tok0 + se->ntok)) return 0;
      int32_t k = (int32_t)i;
      for (uint32_t steps = 0; k >= 0; steps++) {
        if (steps > se->ntok) return 0;
        k = doc->toks[k].head;
      }
    }
    if (se->ntok && roots != 1) return 0;
  }
  return 1;
}

/* A document of the given words, one sentence, gold-ish tags. */
static td_doc *mkdoc(const char *const *w, const char *const *xpos, int n) {
  td_doc *d = calloc(1, sizeof *d);
  td_arena_init(&d->arena);
  td_buf b = TD_BUF_INIT;
  d->toks = td_arena_alloc(&d->arena, (size_t)n * sizeof *d->toks);
  for (int i = 0; i < n; i++) {
    if (i) td_buf_putc(&b, ' ');
    td_tok *t = &d->toks[d->ntoks++];
    t->start = (uint32_t)b.len;
    td_buf_puts(&b, w[i]);
    t->end = (uint32_t)b.len;
    t->head = -2;
    t->xpos = (uint16_t)td_xpos_from_name(xpos[i]);
  }
  d->text = td_arena_strndup(&d->arena, b.ptr, b.len);
  d->len = b.len;
  td_buf_free(&b);
  d->sents = td_arena_alloc(&d->arena, sizeof *d->sents);
  d->sents[0] = (td_sent){0, (uint32_t)d->len, 0, (uint32_t)n};
  d->nsents = 1;
  return d;
}

TD_TEST(parser_train_tiny) {
  char dir[] = "/tmp/td_parser_XXXXXX";
  if (!mkdtemp(dir)) { CHECK(0); return; }
  char tb[512], model[512];
  snprintf(tb, sizeof tb, "%s/tiny.conllu", dir);
  snprintf(model, sizeof model, "%s/parser.bin", dir);
  FILE *f = fopen(tb, "w");
  fputs(tiny_treebank, f);
  fclose(f);
  setenv("TD_PARSER_BITS", "16", 1); /* small and quick */
  setenv("TD_PARSER_MOVE_BITS", "16", 1);
  setenv("TD_PARSER_PRUNE", "0", 1); /* three sentences: every weight counts */
  FILE *log = fopen("/dev/null", "w");
  CHECK(td_parser_train(tb, tb, model, 8, log) == 0);
  fclose(log);
  unsetenv("TD_PARSER_BITS");
  unsetenv("TD_PARSER_MOVE_BITS");
  unsetenv("TD_PARSER_PRUNE");
  f = fopen(model, "rb");
  CHECK(f != NULL);
  if (!f) return;
  td_buf b = TD_BUF_INIT;
  char chunk[4096];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) td_buf_put(&b, chunk, k);
  fclose(f);
  struct td_parser p;
  char err[256];
  CHECK(td_ps_open(&p, b.ptr, b.len, err, sizeof err) == 0);
  /* Version 7: the move cells (two bytes each) end the image; one byte
   * short, a version 6 header (the same layout, trained for other feature
   * templates) or a version 5 one (four-byte cells) is refused. */
  const td_ps_header *hd = (const td_ps_header *)b.ptr;
  CHECK(hd->version == 7 && hd->mbits == 16);
  CHECK(p.mv + ((size_t)2 << 16) == (const int8_t *)b.ptr + b.len);
  CHECK(td_ps_open(&p, b.ptr, b.len - 1, err, sizeof err) != 0);
  char *old = malloc(b.len);
  for (uint32_t v = 5; v <= 6; v++) {
    memcpy(old, b.ptr, b.len);
    ((td_ps_header *)old)->version = v;
    CHECK(td_ps_open(&p, old, b.len, err, sizeof err) != 0);
  }
  CHECK(strstr(err, "version 6") != NULL);
  free(old);
  /* Damaged images are refused, not trusted. */
  CHECK(td_ps_open(&p, b.ptr, b.len / 2, err, sizeof err) != 0);
  CHECK(td_ps_open(&p, b.ptr, 10, err, sizeof err) != 0);
  char *bad = malloc(b.len);
  memcpy(bad, b.ptr, b.len);
  bad[0] = 'X';
  CHECK(td_ps_open(&p, bad, b.len, err, sizeof err) != 0);
  free(bad);
  CHECK(td_ps_open(&p, b.ptr, b.len, err, sizeof err) == 0);
  /* It learned its training sentences. */
  td_engine eng;
  memset(&eng, 0, sizeof eng);
  eng.parser = &p;
  const char *w[] = {"The", "dog", "saw", "the", "man", "."};
  const char *t[] = {"DT", "NN", "VBD", "DT", "NN", "."};
  td_doc *d = mkdoc(w, t, 6);
  CHECK(td_parse(&eng, d) == 0);
  CHECK(well_formed(d));
  CHECK(d->toks[2].head == -1);
  CHECK(d->toks[0].head == 1 && d->toks[1].head == 2 && d->toks[4].head == 2);
  CHECK_STR(td_deprel_names[d->toks[1].deprel], "nsubj");
  CHECK_STR(td_deprel_names[d->toks[0].deprel], "det");
  td_arena_release(&d->arena);
  free(d);
  /* Any input gives trees: one word, a long run of the same word. */
  const char *one[] = {"Hello"}, *one_t[] = {"UH"};
  d = mkdoc(one, one_t, 1);
  td_parse(&eng, d);
  CHECK(well_formed(d) && d->toks[0].head == -1);
  td_arena_release(&d->arena);
  free(d);
  const char *many[300], *many_t[300];
  for (int i = 0; i < 300; i++) many[i] = "dog", many_t[i] = i % 7 ? "NN" : ",";
  d = mkdoc(many, many_t, 300);
  td_parse(&eng, d);
  CHECK(well_formed(d));
  td_arena_release(&d->arena);
  free(d);
  /* TD_EVAL_CONLLU: eval parser writes the words back with the tags and
   * trees found, one line a word, a blank line after each sentence. */
  char dump[512];
  snprintf(dump, sizeof dump, "%s/out.conllu", dir);
  setenv("TD_EVAL_CONLLU", dump, 1);
  FILE *out = tmpfile();
  CHECK(td_eval_parser(&eng, tb, 1, out) == 0);
  fclose(out);
  unsetenv("TD_EVAL_CONLLU");
  f = fopen(dump, "r");
  CHECK(f != NULL);
  int lines = 0, blank = 0, found = 0;
  char line[256];
  while (f && fgets(line, sizeof line, f)) {
    lines++;
    blank += line[0] == '\n';
    found += strcmp(line, "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n") == 0;
  }
  if (f) fclose(f);
  CHECK(lines == 4 + 5 + 9 + 3 && blank == 3);
  CHECK(found == 1);
  unlink(dump);
  td_buf_free(&b);
  unlink(tb);
  unlink(model);
  rmdir(dir);
}

/* The shipped model through the engine, on EWT dev with gold tags. */
TD_TEST(parser_ewt_dev) {
  const char *sh = td_test_shared();
  char err[256], path[1024];
  if (!sh) {
    fprintf(stderr, "  skip: no shared data\n");
    return;
  }
  snprintf(path, sizeof path, "%s/data/ud-english-ewt/en_ewt-ud-dev.conllu", sh);
  if (access(path, R_OK) != 0) {
    fprintf(stderr, "  skip: no %s\n", path);
    return;
  }
  td_engine *eng = td_engine_new(NULL, err, sizeof err);
  if (!eng || !eng->parser) {
    fprintf(stderr, "  skip: no parser model (%s)\n", eng ? "not in the image" : err);
    td_engine_free(eng);
    return;
  }
  FILE *out = tmpfile();
  CHECK(td_eval_parser(eng, path, 1, out) == 0);
  rewind(out);
  char line[256];
  double uas = 0, las = 0;
  while (fgets(line, sizeof line, out)) {
    sscanf(line, "UAS %lf", &uas);
    sscanf(line, "LAS %lf", &las);
  }
  fclose(out);
  CHECK(uas >= 85.0);
  CHECK(las >= 82.0);
  td_engine_free(eng);
}

/* The engine, its parser loaded as the pipeline loads it, and the same
 * model opened in place into *inplace (*ok 0 when that fails); NULL, with
 * a skip said, when the image has no parser model. */
static td_engine *loaded_and_inplace(struct td_parser *inplace, int *ok) {
  char err[256];
  td_engine *eng = td_engine_new(NULL, err, sizeof err);
  if (!eng || !eng->parser) {
    fprintf(stderr, "  skip: no parser model (%s)\n", eng ? "not in the image" : err);
    td_engine_free(eng);
    return NULL;
  }
  size_t len = 0;
  const void *img = td_res_get(eng->res, "parser", &len);
  *ok = img && td_ps_open(inplace, img, len, err, sizeof err) == 0;
  return eng;
}

/* The engine parses with a copy of the model in huge pages (issue 11):
 * every tree must be the one the image in place gives. Sentences of
 * random words and tags, some long enough to leave many words on the
 * stack when the buffer runs out (the forced RIGHT moves). */
TD_TEST(parser_loaded_copy_same_trees) {
  struct td_parser inplace;
  int ok = 0;
  td_engine *eng = loaded_and_inplace(&inplace, &ok);
  if (!eng) return;
  CHECK(ok);
  enum { N = 60 };
  td_ps_word x[N];
  int h1[N], l1[N], h2[N], l2[N];
  void *mem = malloc(td_ps_state_mem(N));
  uint64_t r = 88172645463325252ULL;
  int same = 1;
  for (int s = 0; s < 200 && ok; s++) {
    int n = 1 + s % N;
    for (int i = 0; i < n; i++) {
      r ^= r << 13, r ^= r >> 7, r ^= r << 17;
      char w[8];
      snprintf(w, sizeof w, "w%u", (unsigned)(r % 500));
      x[i] = (td_ps_word){td_ps_word_hash(w, strlen(w)), (uint32_t)(1 + (r >> 20) % 40)};
    }
    td_ps_parse(eng->parser, x, n, h1, l1, mem);
    td_ps_parse(&inplace, x, n, h2, l2, mem);
    same &= memcmp(h1, h2, (size_t)n * sizeof *h1) == 0 &&
            memcmp(l1, l2, (size_t)n * sizeof *l1) == 0;
  }
  CHECK(same);
  free(mem);
  td_engine_free(eng);
}

/* Parses x with td_ps_parse and td_ps_parse_ref; 1 when the trees agree. */
static int same_parse(const struct td_parser *p, const td_ps_word *x, int n, void *mem) {
  int *h = malloc(4 * (size_t)(n + 1) * sizeof *h);
  int *l = h + (n + 1), *h2 = l + (n + 1), *l2 = h2 + (n + 1);
  td_ps_parse(p, x, n, h, l, mem);
  td_ps_parse_ref(p, x, n, h2, l2, mem);
  int same = memcmp(h, h2, (size_t)n * sizeof *h) == 0 &&
             memcmp(l, l2, (size_t)n * sizeof *l) == 0;
  free(h);
  return same;
}

/* td_ps_parse (cell and bucket indices straight from the templates, every
 * relation entry added) gives td_ps_parse_ref's trees, with the loaded
 * copy and with the image in place: random sentences of the model's own
 * words and of unknown ones, and the EWT dev sentences when ../shared is
 * there. The hashes td_ps_features writes keep their old values (what
 * training stores): checked on one configuration. */
TD_TEST(parser_fast_same_as_ref) {
  struct td_parser inplace;
  int ok = 0;
  td_engine *eng = loaded_and_inplace(&inplace, &ok);
  if (!eng) return;
  CHECK(ok);
  enum { N = 120 };
  td_ps_word x[N];
  void *mem = malloc(td_ps_state_mem(N));
  static const char *const common[] = {"the", "said", "of", "to", "a", "in", "and", "on",
                                       "government", "minister", "he", "was", ",", "."};
  uint64_t r = 0x9E3779B97F4A7C15ULL;
  int same = 1;
  for (int s = 0; s < 300; s++) {
    int n = 1 + (s * 7) % N;
    for (int i = 0; i < n; i++) {
      r ^= r << 13, r ^= r >> 7, r ^= r << 17;
      char w[16];
      if (r % 3) snprintf(w, sizeof w, "%s", common[(r >> 8) % 14]);
      else snprintf(w, sizeof w, "x%u", (unsigned)((r >> 8) % 1000));
      x[i] = (td_ps_word){td_ps_word_hash(w, strlen(w)),
                          (r >> 30) % 5 ? (uint32_t)(1 + (r >> 20) % 45)
                                        : td_ps_tag((int)((r >> 40) % TD_UPOS_COUNT), 0)};
    }
    same &= same_parse(eng->parser, x, n, mem);
    same &= same_parse(&inplace, x, n, mem);
  }
  CHECK(same);
  /* the full hashes: the last mixing step is still applied */
  td_ps_state st;
  td_ps_init(&st, 3, x, mem);
  td_ps_apply(&st, TD_PS_SHIFT, 0);
  uint64_t f[TD_PS_MAXFEAT];
  int nf = td_ps_features(&st, f);
  CHECK(nf == 47);
  /* the first template: s0's word and tag */
  uint64_t h = (1 * 0xD6E8FEB86659FD93ULL) ^ (x[0].w * 0x9E3779B97F4A7C15ULL) ^
               (((uint64_t)x[0].t + 0x51) * 0xC2B2AE3D27D4EB4FULL) ^
               (0x77 * 0x165667B19E3779F9ULL);
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 29;
  CHECK(f[0] == h);
  const char *sh = td_test_shared();
  char path[1024];
  if (sh) {
    snprintf(path, sizeof path, "%s/data/ud-english-ewt/en_ewt-ud-dev.conllu", sh);
    char err[256];
    td_conllu *cu = access(path, R_OK) == 0 ? td_conllu_read(path, err, sizeof err) : NULL;
    int agree = 1;
    size_t checked = 0;
    for (size_t s = 0; cu && s < cu->n; s++) {
      const td_cu_sent *cs = &cu->sents[s];
      if (cs->n < 1 || cs->n > N) continue;
      for (int i = 0; i < cs->n; i++)
        x[i] = (td_ps_word){td_ps_word_hash(cs->toks[i].form, strlen(cs->toks[i].form)),
                            td_ps_tag(cs->toks[i].upos, cs->toks[i].xpos)};
      agree &= same_parse(eng->parser, x, cs->n, mem);
      checked++;
    }
    CHECK(!cu || (agree && checked > 1900));
    if (cu) td_conllu_free(cu);
  }
  free(mem);
  td_engine_free(eng);
}

/* Heads and relations of d's tokens, as one comparable array. */
static void tree_of(const td_doc *d, int32_t *out) {
  for (size_t i = 0; i < d->ntoks; i++) out[2 * i] = d->toks[i].head, out[2 * i + 1] = d->toks[i].deprel;
}

/* The loaded model reads its relation weights split by direction and the
 * lazy parse (td_parse_sentence) keeps the trees of sentences it parsed
 * (td_ps_open's model does neither); a sentence parsed again, and one that
 * differs from it in a single tag or word, get the trees the model in
 * place gives through td_parse. */
TD_TEST(parser_split_and_cached_trees) {
  struct td_parser inplace;
  int ok = 0;
  td_engine *eng = loaded_and_inplace(&inplace, &ok);
  if (!eng) return;
  CHECK(ok);
  CHECK(eng->parser->rix[0] && eng->parser->rix[1] && eng->parser->serial != 0);
  CHECK(eng->parser->rbias[0] && eng->parser->rbias[1]);
  CHECK(!inplace.rix[0] && inplace.serial == 0);
  td_engine plain;
  memset(&plain, 0, sizeof plain);
  plain.parser = &inplace;
  const char *w[] = {"The", "minister", "said", "the", "talks", "with", "Iran", "failed", "."};
  const char *t1[] = {"DT", "NN", "VBD", "DT", "NNS", "IN", "NNP", "VBD", "."};
  const char *t2[] = {"DT", "NN", "VBD", "DT", "VBZ", "IN", "NNP", "VBD", "."};
  const char *w3[] = {"The", "minister", "said", "the", "talks", "with", "Iraq", "failed", "."};
  const char *const *ws[] = {w, w, w, w3, w3};
  const char *const *ts[] = {t1, t1, t2, t1, t1};
  int same = 1;
  for (int k = 0; k < 5; k++) {
    int32_t a[18], b[18];
    td_doc *d = mkdoc(ws[k], ts[k], 9);
    td_doc *e = mkdoc(ws[k], ts[k], 9);
    CHECK(td_parse_sentence(eng, d, 0) == 1 && td_parse(&plain, e) == 0);
    CHECK(well_formed(d));
    tree_of(d, a);
    tree_of(e, b);
    same &= memcmp(a, b, sizeof a) == 0;
    td_arena_release(&d->arena);
    td_arena_release(&e->arena);
    free(d);
    free(e);
  }
  CHECK(same);
  td_engine_free(eng);
}

/* issue 11: the image carries the relation weights split by direction
 * (section "parser.split"), read in place with the model (no copy); a
 * split whose index word names a relation the model lacks is not used:
 * the model is copied and split as before, with the same trees. */
TD_TEST(parser_split_section) {
  char err[256], path[] = "/tmp/td_parser_splitXXXXXX";
  FILE *m = fopen("data/models/parser.bin", "rb");
  if (!m) { fprintf(stderr, "  skip: no data/models/parser.bin\n"); return; }
  fclose(m);
  td_resw *w = td_resw_new();
  CHECK(td_parser_build_res(w, "data/models/parser.bin", err, sizeof err) == 0);
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  CHECK(td_resw_finish(w, path) == 0);
  td_res *res = td_res_open(path, err, sizeof err);
  struct td_parser *a = res ? td_parser_load(res, err, sizeof err) : NULL;
  CHECK(a != NULL && a->own == NULL && a->rix[0] != NULL);
  td_buf im = TD_BUF_INIT;
  CHECK(td_buf_read_file(&im, path) == 0);
  char *sp = im.ptr ? memmem(im.ptr, im.len, "TDPSS001", 8) : NULL;
  CHECK(sp != NULL);
  struct td_parser *b = NULL;
  td_res *res2 = NULL;
  if (sp) {
    uint32_t bad = 1u << 31 | 127u << 16; /* one entry of relation 127 */
    size_t at = 72 + 4 * 1000;            /* rix[0][1000], past the header */
    memcpy(sp + at, &bad, 4);
    FILE *f = fopen(path, "wb");
    fwrite(im.ptr, 1, im.len, f);
    fclose(f);
    res2 = td_res_open(path, err, sizeof err);
    b = res2 ? td_parser_load(res2, err, sizeof err) : NULL;
    CHECK(b != NULL && b->own != NULL && b->rix[0] != NULL);
  }
  if (a && b) {
    td_ps_word x[12];
    int h1[12], l1[12], h2[12], l2[12];
    void *mem = malloc(td_ps_state_mem(12));
    const char *words[] = {"The", "minister", "said", "talks", "would", "resume", "in",
                           "Geneva", "on", "Monday", ",", "officials"};
    for (int i = 0; i < 12; i++)
      x[i] = (td_ps_word){td_ps_word_hash(words[i], strlen(words[i])), (uint32_t)(1 + i * 3)};
    td_ps_parse(a, x, 12, h1, l1, mem);
    td_ps_parse(b, x, 12, h2, l2, mem);
    CHECK(memcmp(h1, h2, sizeof h1) == 0 && memcmp(l1, l2, sizeof l1) == 0);
    free(mem);
  }
  td_parser_free(a);
  td_parser_free(b);
  td_res_close(res);
  td_res_close(res2);
  td_buf_free(&im);
  remove(path);
}
