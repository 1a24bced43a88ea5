/*
 * train_parser.c — learns the dependency parser's model (`tidings train
 * parser`) from a Universal Dependencies treebank.
 *
 * Training follows Goldberg & Nivre (2012, 2013): the arc-hybrid system
 * with a dynamic oracle that gives the cost (gold arcs made unreachable) of
 * every transition in any configuration, so the parser learns from its own
 * mistakes: after the first pass it follows its own prediction 90% of the
 * time. Weights are an averaged perceptron: move features hash to cells
 * of three weights (SHIFT, LEFT, RIGHT), relation features to buckets, each
 * a small growable list of (class, weight) pairs. After each pass the
 * averaged weights are quantized (moves to 8 bits, relations to 16) and
 * packed into the image parser.c maps (see parser.h); the pass with the
 * best dev LAS is written. Non-projective training trees are projectivized
 * by lifting.
 */
#include "parser.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TRAIN_BITS 17 /* relation buckets */
#define MOVE_BITS 19  /* move cells: 1 MiB, two bytes each */
#define EXPLORE_P 0.9
#define DEFAULT_PRUNE 1.5
#define DEFAULT_SEED 5

/* ---- weights under training ---- */

typedef struct tw_ent {
  int64_t u;      /* sum of step * delta, for averaging */
  int32_t w;
  uint16_t cls;
} tw_ent;

typedef struct tw_bucket {
  tw_ent *e;
  uint32_t n, cap;
} tw_bucket;

typedef struct trainer {
  int bits, mbits, nlabel, ncls, rootlab;
  tw_bucket *bk;  /* relation features */
  int32_t *mw;    /* move cells: 3 weights each */
  int64_t *mu;    /* and their sums of step * delta */
  int64_t step;
  uint64_t rng;
  double prune;
  char names[TD_PS_MAXLABEL][TD_PS_LABEL_LEN];
  int lab_of_deprel[256]; /* td_deprel index -> model label, -1 */
} trainer;

static uint64_t rnd(trainer *t) {
  t->rng ^= t->rng << 13;
  t->rng ^= t->rng >> 7;
  t->rng ^= t->rng << 17;
  return t->rng;
}

static void tscore(const trainer *t, const uint64_t *f, int nf, int32_t *sc) {
  const int shift = 64 - t->bits;
  memset(sc, 0, (size_t)t->ncls * sizeof *sc);
  for (int i = 0; i < nf; i++) {
    const tw_bucket *b = &t->bk[f[i] >> shift];
    for (uint32_t j = 0; j < b->n; j++) sc[b->e[j].cls] += b->e[j].w;
  }
}

static void mscore(const trainer *t, const uint64_t *f, int nf, int32_t *sc) {
  const int shift = 64 - t->mbits;
  sc[0] = sc[1] = sc[2] = 0;
  for (int i = 0; i < nf; i++) {
    const int32_t *w = t->mw + 3 * (f[i] >> shift);
    sc[0] += w[0], sc[1] += w[1], sc[2] += w[2];
  }
}

static void mupdate(trainer *t, const uint64_t *f, int nf, int cls, int delta) {
  const int shift = 64 - t->mbits;
  for (int i = 0; i < nf; i++) {
    size_t k = 3 * (f[i] >> shift) + (size_t)cls;
    t->mw[k] += delta;
    t->mu[k] += t->step * delta;
  }
}

static void tupdate(trainer *t, const uint64_t *f, int nf, int cls, int delta) {
  const int shift = 64 - t->bits;
  for (int i = 0; i < nf; i++) {
    tw_bucket *b = &t->bk[f[i] >> shift];
    uint32_t j = 0;
    while (j < b->n && b->e[j].cls != cls) j++;
    if (j == b->n) {
      TD_GROW(b->e, b->cap, b->n + 1);
      b->e[j] = (tw_ent){0, 0, (uint16_t)cls};
      b->n++;
    }
    b->e[j].w += delta;
    b->e[j].u += t->step * delta;
  }
}

/* ---- sentences ---- */

typedef struct tsent {
  int n;
  td_ps_word *x;
  int *gh, *gl; /* gold head (n = ROOT) and model label */
} tsent;

static int is_ancestor(const int *gh, int n, int a, int k) {
  for (int steps = 0; k != n && steps <= n; steps++) {
    k = gh[k];
    if (k == a) return 1;
  }
  return a == n;
}

/* Lifts non-projective arcs (the shortest first) to the grandparent until
 * the tree is projective. Returns the number of lifts. */
static int projectivize(int *gh, int n) {
  int lifts = 0;
  for (int guard = 0; guard < 4 * n; guard++) {
    int best = -1, blen = 0;
    for (int d = 0; d < n; d++) {
      int h = gh[d];
      if (h == n) continue; /* everything descends from ROOT */
      int lo = h < d ? h : d, hi = h < d ? d : h;
      int bad = 0;
      for (int k = lo + 1; k < hi && !bad; k++)
        if (!is_ancestor(gh, n, h, k)) bad = 1;
      if (bad && (best < 0 || hi - lo < blen)) best = d, blen = hi - lo;
    }
    if (best < 0) break;
    if (gh[best] == n) break;
    gh[best] = gh[gh[best]];
    lifts++;
  }
  return lifts;
}

static tsent *prepare(trainer *t, const td_conllu *c, int projective,
                      size_t *nout, int *nlift) {
  tsent *s = td_xcalloc(c->n + 1, sizeof *s);
  size_t k = 0;
  for (size_t i = 0; i < c->n; i++) {
    const td_cu_sent *cs = &c->sents[i];
    int n = cs->n, ok = 1;
    tsent *ts = &s[k];
    ts->n = n;
    ts->x = td_xmalloc((size_t)n * sizeof *ts->x);
    ts->gh = td_xmalloc(2 * ((size_t)n + 1) * sizeof *ts->gh);
    ts->gl = ts->gh + n + 1;
    for (int j = 0; j < n; j++) {
      const td_cu_tok *ct = &cs->toks[j];
      ts->x[j].w = td_ps_word_hash(ct->form, strlen(ct->form));
      ts->x[j].t = td_ps_tag(ct->upos, ct->xpos);
      ts->gh[j] = ct->head == 0 ? n : ct->head - 1;
      if (ct->head < 0 || ct->head > n) ok = 0;
      ts->gl[j] = t->lab_of_deprel[ct->deprel & 255];
      if (ts->gl[j] < 0) ts->gl[j] = 0;
    }
    if (ok && projective) *nlift += projectivize(ts->gh, n);
    if (!ok || n == 0) {
      free(ts->x);
      free(ts->gh);
      continue;
    }
    k++;
  }
  *nout = k;
  return s;
}

static void free_sents(tsent *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(s[i].x);
    free(s[i].gh);
  }
  free(s);
}

/* ---- the dynamic oracle (arc-hybrid, Goldberg & Nivre 2013) ----
 * Cost of SHIFT, LEFT and RIGHT: the gold arcs each makes unreachable. */
static void costs(const td_ps_state *st, const tsent *ts, int cost3[3]) {
  const int n = st->n, b = st->b, sp = st->sp;
  const int *gh = ts->gh;
  cost3[0] = cost3[1] = cost3[2] = 1 << 20;
  if (b < n) {
    int k = 0;
    for (int i = 0; i < sp; i++) {
      int s = st->stack[i];
      if (gh[s] == b) k++;
      if (i < sp - 1 && gh[b] == s) k++;
    }
    cost3[0] = k;
  }
  if (sp < 1) return;
  int s0 = st->stack[sp - 1], s1 = sp >= 2 ? st->stack[sp - 2] : -1;
  int deps = 0;
  for (int d = b; d < n; d++) deps += gh[d] == s0;
  int h = gh[s0];
  cost3[1] = deps + (h != b && (h > b || h == s1));
  if (sp >= 2) cost3[2] = deps + (h != s1 && h >= b);
}

/* One pass over the training sentences in the order `ord`. Moves learn
 * from the dynamic oracle: the update moves weight from the predicted move
 * to the best-scoring move of least cost. Relations learn at every arc
 * whose head is right, from the gold relation. Returns the fraction of
 * scored configurations whose predicted move was optimal. */
static double train_pass(trainer *t, tsent *ss, const size_t *ord, size_t ns,
                         int explore) {
  uint64_t f[TD_PS_MAXFEAT], lf[TD_PS_MAXFEAT];
  int32_t sc[TD_PS_MAXCLASS];
  size_t good = 0, all = 0;
  void *mem = NULL;
  size_t memcap = 0;
  const int L = t->nlabel;
  for (size_t i = 0; i < ns; i++) {
    tsent *ts = &ss[ord[i]];
    size_t need = td_ps_state_mem(ts->n);
    if (need > memcap) {
      free(mem);
      mem = td_xmalloc(need);
      memcap = need;
    }
    td_ps_state st;
    td_ps_init(&st, ts->n, ts->x, mem);
    while (!td_ps_done(&st)) {
      if (st.sp == 0) {
        td_ps_apply(&st, TD_PS_SHIFT, 0);
        continue;
      }
      if (st.b == st.n && st.sp == 1) {
        td_ps_apply(&st, TD_PS_LEFT, t->rootlab);
        continue;
      }
      t->step++;
      int nf = td_ps_features(&st, f);
      mscore(t, f, nf, sc);
      int pred = td_ps_best_move(&st, sc);
      int cost[3];
      costs(&st, ts, cost);
      int best = -1;
      for (int m = 0; m < 3; m++)
        if (td_ps_valid(&st, m) &&
            (best < 0 || cost[m] < cost[best] || (cost[m] == cost[best] && sc[m] > sc[best])))
          best = m;
      all++;
      if (cost[pred] > cost[best]) {
        mupdate(t, f, nf, best, +1);
        mupdate(t, f, nf, pred, -1);
      } else {
        good++;
      }
      int next = best;
      if (explore && (double)(rnd(t) >> 11) * 0x1.0p-53 < EXPLORE_P) next = pred;
      int s0 = st.stack[st.sp - 1], lab = 0;
      for (int m = TD_PS_LEFT; m <= TD_PS_RIGHT; m++) {
        if (!td_ps_valid(&st, m)) continue;
        int h = m == TD_PS_LEFT ? st.b : st.stack[st.sp - 2];
        int gold = ts->gh[s0] == h ? ts->gl[s0] : -1;
        if (gold < 0 && m != next) continue;
        int nl = td_ps_label_features(&st, m, lf);
        tscore(t, lf, nl, sc);
        int pl = td_ps_best_label(sc, m, L, t->rootlab);
        int off = 3 + (m == TD_PS_RIGHT ? L : 0);
        if (gold >= 0 && pl != gold) {
          tupdate(t, lf, nl, off + gold, +1);
          tupdate(t, lf, nl, off + pl, -1);
        }
        if (m == next) lab = gold >= 0 && next == best ? gold : pl;
      }
      td_ps_apply(&st, next, lab);
    }
  }
  free(mem);
  return all ? (double)good / (double)all : 0;
}

/* ---- packing the averaged weights into a model image ---- */

/* The averaged weight of move m less that of SHIFT in move cell k, after
 * c steps. */
static double avg_diff(const trainer *t, size_t k, int m, double c) {
  double w = (double)t->mw[3 * k + m] - (double)t->mu[3 * k + m] / c;
  return w - ((double)t->mw[3 * k] - (double)t->mu[3 * k] / c);
}

/* Returns a malloc'd image (see parser.h) of the current averaged weights. */
static unsigned char *pack(const trainer *t, size_t *len, size_t *nent_out) {
  size_t nb = (size_t)1 << t->bits;
  double c = (double)(t->step + 1);
  /* Scale: the largest |weight| maps to 32000. */
  double top = 0;
  for (size_t b = 0; b < nb; b++)
    for (uint32_t j = 0; j < t->bk[b].n; j++) {
      const tw_ent *e = &t->bk[b].e[j];
      double v = fabs((double)e->w - (double)e->u / c);
      if (v > top) top = v;
    }
  if (top <= 0) top = 1;
  double scale = 32000.0 / top;
  /* Weights below t->prune (in units of the averaged perceptron) are
   * dropped: the rarest features, which barely move a decision. */
  double prune = t->prune * scale;
  if (prune < 0.5) prune = 0.5;
  /* Count kept entries per bucket. */
  uint8_t *cnt = td_xcalloc(nb, 1);
  size_t nent = 0;
  for (size_t b = 0; b < nb; b++)
    for (uint32_t j = 0; j < t->bk[b].n; j++) {
      const tw_ent *e = &t->bk[b].e[j];
      double q = ((double)e->w - (double)e->u / c) * scale;
      if (fabs(q) >= prune) cnt[b]++, nent++;
    }
  /* Moves: every cell, LEFT and RIGHT less SHIFT (the choice of a move
   * depends on nothing else), 8 bits, the largest |difference| maps to 127. */
  size_t nm = (size_t)1 << t->mbits;
  double mtop = 0;
  for (size_t k = 0; k < nm; k++)
    for (int m = 1; m < 3; m++) {
      double v = fabs(avg_diff(t, k, m, c));
      if (v > mtop) mtop = v;
    }
  if (mtop <= 0) mtop = 1;
  double mscale = 127.0 / mtop;
  size_t hdr = sizeof(td_ps_header) + (size_t)t->nlabel * TD_PS_LABEL_LEN;
  size_t ng = (nb + TD_PS_GROUP - 1) / TD_PS_GROUP;
  *len = hdr + ng * sizeof(td_ps_group) + nent * 4 + nm * 2;
  unsigned char *img = td_xcalloc(*len, 1);
  td_ps_header *h = (td_ps_header *)img;
  memcpy(h->magic, "TDPAR001", 8);
  h->version = TD_PS_VERSION;
  h->bits = (uint32_t)t->bits;
  h->nlabel = (uint32_t)t->nlabel;
  h->nent = (uint32_t)nent;
  h->scale = (float)scale;
  h->mbits = (uint32_t)t->mbits;
  h->mscale = (float)mscale;
  h->tagset = td_ps_tagset_hash();
  for (int l = 0; l < t->nlabel; l++)
    memcpy(img + sizeof *h + (size_t)l * TD_PS_LABEL_LEN, t->names[l], TD_PS_LABEL_LEN);
  td_ps_group *grp = (td_ps_group *)(img + hdr);
  uint32_t *ent = (uint32_t *)(img + hdr + ng * sizeof(td_ps_group));
  size_t off = 0;
  for (size_t b = 0; b < nb; b++) {
    td_ps_group *gr = &grp[b / TD_PS_GROUP];
    if (b % TD_PS_GROUP == 0) gr->first = (uint32_t)off;
    for (uint32_t j = 0; j < t->bk[b].n; j++) {
      const tw_ent *e = &t->bk[b].e[j];
      double q = ((double)e->w - (double)e->u / c) * scale;
      if (fabs(q) < prune) continue;
      if (q > 32767) q = 32767;
      if (q < -32767) q = -32767;
      ent[off++] = (uint32_t)e->cls << 16 | (uint16_t)(int16_t)lrint(q);
    }
    gr->end[b % TD_PS_GROUP] = (uint16_t)(off - gr->first);
  }
  /* Buckets past N in the last group are empty. */
  for (size_t b = nb; b % TD_PS_GROUP; b++)
    grp[b / TD_PS_GROUP].end[b % TD_PS_GROUP] = grp[b / TD_PS_GROUP].end[(b - 1) % TD_PS_GROUP];
  int8_t *mv = (int8_t *)(ent + nent);
  for (size_t k = 0; k < nm; k++)
    for (int m = 1; m < 3; m++) {
      double q = avg_diff(t, k, m, c) * mscale;
      mv[2 * k + m - 1] = (int8_t)lrint(q > 127 ? 127 : q < -127 ? -127 : q);
    }
  free(cnt);
  *nent_out = nent;
  return img;
}

/* UAS, LAS (universal relations) of model p over sentences ss. */
static void evaluate(const struct td_parser *p, const trainer *t, const tsent *ss,
                     size_t ns, double *uas, double *las) {
  size_t tot = 0, u = 0, l = 0;
  int *head = NULL, *lab = NULL;
  void *mem = NULL;
  size_t cap = 0;
  for (size_t i = 0; i < ns; i++) {
    const tsent *ts = &ss[i];
    if ((size_t)ts->n + 1 > cap) {
      cap = (size_t)ts->n + 1;
      free(head);
      free(mem);
      head = td_xmalloc(2 * cap * sizeof *head);
      lab = head + cap;
      mem = td_xmalloc(td_ps_state_mem(ts->n));
    }
    td_ps_parse(p, ts->x, ts->n, head, lab, mem);
    for (int j = 0; j < ts->n; j++) {
      int gh = ts->gh[j] == ts->n ? -1 : ts->gh[j];
      tot++;
      if (head[j] != gh) continue;
      u++;
      const char *a = t->names[lab[j]], *b = t->names[ts->gl[j]];
      size_t na = strcspn(a, ":"), nb = strcspn(b, ":");
      l += na == nb && memcmp(a, b, na) == 0;
    }
  }
  free(head);
  free(mem);
  *uas = tot ? 100.0 * (double)u / (double)tot : 0;
  *las = tot ? 100.0 * (double)l / (double)tot : 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int td_parser_train(const char *train_conllu, const char *dev_conllu,
                    const char *out_model, int iters, FILE *log) {
  char err[256];
  if (iters <= 0) iters = 15;
  td_conllu *tr = td_conllu_read(train_conllu, err, sizeof err);
  if (!tr) {
    if (log) fprintf(log, "train parser: %s\n", err);
    return -1;
  }
  td_conllu *dv = NULL;
  if (dev_conllu && !(dv = td_conllu_read(dev_conllu, err, sizeof err))) {
    if (log) fprintf(log, "train parser: %s\n", err);
    td_conllu_free(tr);
    return -1;
  }
  trainer *t = td_xcalloc(1, sizeof *t);
  t->bits = getenv("TD_PARSER_BITS") ? atoi(getenv("TD_PARSER_BITS")) : TRAIN_BITS;
  if (t->bits < 12 || t->bits > 26) t->bits = TRAIN_BITS;
  t->rng = 0x9E3779B97F4A7C15ULL;
  /* The seed of the shuffles and of error exploration: the parser's
   * accuracy downstream varies with it by about as much as with a bit of
   * table (see docs/PARSER.md); the shipped model is trained with this one. */
  uint64_t seed = getenv("TD_PARSER_SEED") ? strtoull(getenv("TD_PARSER_SEED"), NULL, 10)
                                           : DEFAULT_SEED;
  t->rng ^= seed * 0xBF58476D1CE4E5B9ULL;
  t->rootlab = -1;
  t->prune = getenv("TD_PARSER_PRUNE") ? atof(getenv("TD_PARSER_PRUNE")) : DEFAULT_PRUNE;
  /* Labels: the relations of the training set, "root" included. */
  for (int i = 0; i < 256; i++) t->lab_of_deprel[i] = -1;
  for (size_t i = 0; i < tr->n; i++)
    for (int j = 0; j < tr->sents[i].n; j++) {
      int d = tr->sents[i].toks[j].deprel & 255;
      if (t->lab_of_deprel[d] >= 0 || t->nlabel >= TD_PS_MAXLABEL) continue;
      t->lab_of_deprel[d] = t->nlabel;
      snprintf(t->names[t->nlabel], TD_PS_LABEL_LEN, "%s", td_deprel_names[d]);
      if (strcmp(td_deprel_names[d], "root") == 0) t->rootlab = t->nlabel;
      t->nlabel++;
    }
  t->ncls = 3 + 2 * t->nlabel;
  if (t->rootlab < 0) {
    if (log) fprintf(log, "train parser: no root relation in %s\n", train_conllu);
    td_conllu_free(tr);
    td_conllu_free(dv);
    free(t);
    return -1;
  }
  t->bk = td_xcalloc((size_t)1 << t->bits, sizeof *t->bk);
  t->mbits = getenv("TD_PARSER_MOVE_BITS") ? atoi(getenv("TD_PARSER_MOVE_BITS")) : MOVE_BITS;
  if (t->mbits < 8 || t->mbits > 24) t->mbits = MOVE_BITS;
  t->mw = td_xcalloc((size_t)3 << t->mbits, sizeof *t->mw);
  t->mu = td_xcalloc((size_t)3 << t->mbits, sizeof *t->mu);
  size_t ntr = 0, ndv = 0;
  int lifts = 0, dlifts = 0;
  tsent *trs = prepare(t, tr, 1, &ntr, &lifts);
  tsent *dvs = dv ? prepare(t, dv, 0, &ndv, &dlifts) : NULL;
  size_t ntok = 0;
  for (size_t i = 0; i < ntr; i++) ntok += (size_t)trs[i].n;
  if (log)
    fprintf(log, "train parser: %zu sentences, %zu words, %d relations, %d arcs lifted\n",
            ntr, ntok, t->nlabel, lifts);
  size_t *ord = td_xmalloc((ntr + 1) * sizeof *ord);
  for (size_t i = 0; i < ntr; i++) ord[i] = i;
  unsigned char *best = NULL;
  size_t bestlen = 0;
  double bestlas = -1;
  int bestit = 0, rc = 0;
  for (int it = 0; it < iters; it++) {
    double t0 = now();
    for (size_t i = ntr; i > 1; i--) {
      size_t j = (size_t)(rnd(t) % i), tmp = ord[i - 1];
      ord[i - 1] = ord[j];
      ord[j] = tmp;
    }
    double acc = train_pass(t, trs, ord, ntr, it > 0);
    double t1 = now();
    size_t len, nent;
    unsigned char *img = pack(t, &len, &nent);
    struct td_parser *p = td_xmalloc(sizeof *p);
    double uas = 0, las = 0;
    if (td_ps_open(p, img, len, err, sizeof err) != 0) {
      if (log) fprintf(log, "train parser: %s\n", err);
      free(p);
      free(img);
      rc = -1;
      break;
    }
    if (dvs) evaluate(p, t, dvs, ndv, &uas, &las);
    free(p);
    if (log)
      fprintf(log, "iter %2d  oracle-agreement %.4f  dev UAS %.2f LAS %.2f  "
                   "weights %zu  %.1f MB  %.1fs\n",
              it + 1, acc, uas, las, nent, (double)len / 1048576.0, t1 - t0);
    if (!dvs || las > bestlas) {
      free(best);
      best = img, bestlen = len, bestlas = las, bestit = it + 1;
    } else {
      free(img);
    }
  }
  if (rc == 0 && best) {
    FILE *fp = fopen(out_model, "wb");
    if (!fp || fwrite(best, 1, bestlen, fp) != bestlen || fclose(fp) != 0) {
      if (log) fprintf(log, "train parser: cannot write %s\n", out_model);
      rc = -1;
    } else if (log) {
      fprintf(log, "wrote %s (%zu bytes) from pass %d (dev LAS %.2f)\n", out_model,
              bestlen, bestit, bestlas);
    }
  }
  free(best);
  free(ord);
  free_sents(trs, ntr);
  if (dvs) free_sents(dvs, ndv);
  for (size_t b = 0; b < (size_t)1 << t->bits; b++) free(t->bk[b].e);
  free(t->bk);
  free(t->mw);
  free(t->mu);
  free(t);
  td_conllu_free(tr);
  td_conllu_free(dv);
  return rc;
}
