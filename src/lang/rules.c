/*
 * rules.c — the token-pattern rule language (see rules.h, docs/RULES.md).
 *
 * Compiling: each rule's pattern is parsed left to right (groups kept on an
 * explicit stack, never recursion) straight into a program of a few
 * instruction kinds: TOK (one token passing a test), ANY, SPLIT (try two
 * ways), JMP, SAVE (record a capture bound), BOS/EOS (the anchors ^ and $)
 * and MATCH. Quantifiers rewrite the code of the atom just emitted; {m,n}
 * copies it. After every add, each rule gets its layer (the name before its
 * first '.') and the literal lower=/lemma= values its first token must
 * carry, hashed: the prefilter that decides where a rule is tried at all;
 * when every match also has a second token with such values, those are
 * hashed too (the second-token index), and a start is tried only when the
 * next token carries one.
 *
 * Matching: for each start token a backtracking run over (pc, token) keeps a
 * visited bitmap, so every pair is tried at most once per start and loops
 * over empty bodies end; all paths are explored and the longest end wins
 * (leftmost-longest). A step budget per sentence bounds the total work.
 * Only the start tokens the prefilter allows are tried for indexed rules.
 */
#include "rules.h"
#include "lang.h"
#include "matcher.h"

#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TD_RULES_MAX_PROG 4096   /* instructions per rule */
#define TD_RULES_MAX_DEPTH 32    /* nested groups */
#define TD_RULES_MAX_ALTS 32     /* alternatives a | b | ... of one group */
#define TD_RULES_MAX_CAPS 16     /* captures per rule */
#define TD_RULES_MAX_REPEAT 32   /* n of {m,n} */
#define TD_RULES_MAX_CLASSES 64  /* distinct class names in a set */
#define TD_RULES_STEPS 2000000L  /* work per sentence */
#define TD_RULES_QUAD_BITS 14    /* td_rules.quad: 2 KB */

enum { K_LOWER, K_TEXT, K_LEMMA, K_UPOS, K_XPOS, K_CLASS, K_DEP, K_HEAD };
static const char *const key_names[] = {"lower", "text", "lemma", "upos",
                                        "xpos",  "class", "dep",  "head"};

/* One condition; conditions of a test form AND-groups of OR-alternatives:
 * a condition with and_start = 1 begins a new group. */
typedef struct cond {
  uint8_t key, neg, prefix, and_start;
  int ival;    /* class index, capture index for head */
  char *sval;  /* value (lowercased for lower) */
} cond;

typedef struct test {
  cond *c;
  int n;
} test;

enum { OP_TOK, OP_ANY, OP_SPLIT, OP_JMP, OP_SAVE, OP_MATCH, OP_BOS, OP_EOS };
typedef struct inst {
  uint8_t op;
  int x, y; /* targets (SPLIT x then y, JMP x), test index (TOK), slot (SAVE) */
} inst;

typedef struct rule {
  char *name;
  inst *prog;
  int nprog;
  test *tests;
  int ntests;
  char *capnames[TD_RULES_MAX_CAPS];
  int ncaps;
  int needs_parse, needs_class;
  int layer;      /* index in td_rules.layers (the name before its first '.') */
  int indexed;    /* every match starts at a token whose lower or lemma is a key */
} rule;

/* The start-token prefilter: key string (a literal lower= or lemma= value
 * that can begin a rule) -> the rules it can begin, as a range of `ent`. */
typedef struct key_ent {
  const char *key; /* owned by the rule's test */
  int rule;
  int layer, second; /* the rule's layer, and whether its second token's
                      * values are keys of the second-token index (perf:
                      * add_cands reads them here) */
} key_ent;

struct td_rules {
  rule *r;
  size_t n, cap;
  char *classes[TD_RULES_MAX_CLASSES];
  int nclasses;
  /* derived from r after every add (rebuild_index) */
  char **layers;      /* distinct layer names, "" for names without '.' */
  int nlayers;
  key_ent *ent;       /* sorted by key, then rule */
  size_t nent;
  td_strset *kset;    /* the keys: a key's index is its first entry (perf, issue 11) */
  uint32_t *kend;     /* per first entry of a key: the end of its entries */
  uint32_t *klayers;  /* per first entry of a key: the layer bits of its rules */
  uint32_t lenmask[256]; /* first byte of a key -> bit min(length, 31) */
  /* bit quad_bit(head4(key)) set for every key: its first four bytes, NULs
   * past its end, hashed (see head_may). Four in five tokens of news are no
   * key, and this turns away 94% of them (BBC: all but 49k of 785k) */
  uint8_t quad[1u << (TD_RULES_QUAD_BITS - 3)];
  /* the keys of three bytes or fewer by their head4, which holds the whole
   * key: pairs (head4, 1 + first entry), open addressing from quad_bit,
   * head4 0 an empty slot (perf, issue 11: "the", "in", "at", "be" are
   * four in five of the look-ups that find a key) */
  uint32_t *shortk;
  uint32_t shortmask;
  /* the same for the literal values a rule's second token must carry
   * (rules with `second` set; perf, issue 11: "the" starts many times
   * rules, and a match needs "past", "week", ... after it) */
  key_ent *ent2;
  size_t nent2;
  td_strset *kset2;
  uint32_t *kend2;
  uint32_t lenmask2[256];
  int nunindexed;     /* rules tried at every start token */
  int **lrules;       /* per layer: its rules' indexes, in file order */
  int *nlrules;
  uint8_t *lunindexed; /* per layer: some rule of it is not indexed */
  int *lspan;          /* per layer: the most tokens a match spans, -1 unbounded */
  int *all;           /* 0 .. n-1: the selection "every rule" */
  uint64_t serial;    /* new for every rebuild: documents' caches key on it */
};

static _Atomic uint64_t rules_serials;

static void rule_clear(rule *ru) {
  free(ru->name);
  free(ru->prog);
  for (int i = 0; i < ru->ntests; i++) {
    for (int k = 0; k < ru->tests[i].n; k++) free(ru->tests[i].c[k].sval);
    free(ru->tests[i].c);
  }
  free(ru->tests);
  for (int i = 0; i < ru->ncaps; i++) free(ru->capnames[i]);
  memset(ru, 0, sizeof *ru);
}

static void index_clear(td_rules *r) {
  for (int i = 0; i < r->nlayers; i++) free(r->layers[i]), free(r->lrules[i]);
  free(r->layers);
  free(r->lrules);
  free(r->nlrules);
  free(r->lunindexed);
  free(r->lspan);
  free(r->all);
  r->lrules = NULL, r->nlrules = NULL, r->lunindexed = NULL, r->lspan = NULL, r->all = NULL;
  free(r->ent);
  td_strset_free(r->kset);
  free(r->kend);
  free(r->klayers);
  r->klayers = NULL;
  r->layers = NULL, r->nlayers = 0;
  r->ent = NULL, r->nent = 0;
  r->kset = NULL, r->kend = NULL;
  memset(r->lenmask, 0, sizeof r->lenmask);
  memset(r->quad, 0, sizeof r->quad);
  free(r->shortk);
  r->shortk = NULL, r->shortmask = 0;
  free(r->ent2);
  td_strset_free(r->kset2);
  free(r->kend2);
  r->ent2 = NULL, r->nent2 = 0;
  r->kset2 = NULL, r->kend2 = NULL;
  memset(r->lenmask2, 0, sizeof r->lenmask2);
  r->nunindexed = 0;
}

void td_rules_free(td_rules *r) {
  if (!r) return;
  for (size_t i = 0; i < r->n; i++) rule_clear(&r->r[i]);
  free(r->r);
  for (int i = 0; i < r->nclasses; i++) free(r->classes[i]);
  index_clear(r);
  free(r);
}

size_t td_rules_count(const td_rules *r) { return r ? r->n : 0; }

int td_rules_find(const td_rules *r, const char *name) {
  for (size_t i = 0; r && i < r->n; i++)
    if (strcmp(r->r[i].name, name) == 0) return (int)i;
  return -1;
}

const td_rule_cap *td_rule_cap_get(const td_rule_match *m, const char *name) {
  for (int i = 0; i < m->ncaps; i++)
    if (strcmp(m->caps[i].name, name) == 0) return &m->caps[i];
  return NULL;
}

/* ---- compiling ---- */

typedef struct cstate {
  td_rules *set;
  rule *ru;
  const char *line; /* start of the line, for columns */
  int lineno;
  char *err;
  size_t errlen;
  int failed;
} cstate;

static int fail(cstate *cs, const char *at, const char *fmt, ...) {
  if (cs->failed) return -1;
  cs->failed = 1;
  int n = snprintf(cs->err, cs->errlen, "line %d, column %d: ", cs->lineno,
                   (int)(at - cs->line) + 1);
  if (n >= 0 && (size_t)n < cs->errlen) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cs->err + n, cs->errlen - (size_t)n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

static int emit(cstate *cs, const char *at, int op, int x, int y) {
  rule *ru = cs->ru;
  if (ru->nprog >= TD_RULES_MAX_PROG) return fail(cs, at, "rule too long (more than %d steps)", TD_RULES_MAX_PROG);
  if ((ru->nprog & (ru->nprog - 1)) == 0 || ru->nprog == 0)
    ru->prog = td_xrealloc(ru->prog, (size_t)(ru->nprog ? ru->nprog * 2 : 8) * sizeof *ru->prog);
  ru->prog[ru->nprog] = (inst){(uint8_t)op, x, y};
  return ru->nprog++;
}

/* Inserts instruction `in` at pc `at`, moving code [at, nprog) up by one;
 * targets inside the moved code (>= at) are moved along. */
static int insert(cstate *cs, const char *src, int at, inst in) {
  if (emit(cs, src, OP_MATCH, 0, 0) < 0) return -1;
  rule *ru = cs->ru;
  memmove(ru->prog + at + 1, ru->prog + at, (size_t)(ru->nprog - 1 - at) * sizeof *ru->prog);
  for (int i = at + 1; i < ru->nprog; i++) {
    inst *p = &ru->prog[i];
    if (p->op == OP_SPLIT || p->op == OP_JMP) {
      if (p->x >= at) p->x++;
      if (p->op == OP_SPLIT && p->y >= at) p->y++;
    }
  }
  ru->prog[at] = in;
  return 0;
}

/* Appends a copy of code [a, b), its internal targets moved along. */
static int copy_code(cstate *cs, const char *src, int a, int b) {
  int delta = cs->ru->nprog - a;
  for (int i = a; i < b; i++) {
    inst in = cs->ru->prog[i];
    if (in.op == OP_SPLIT || in.op == OP_JMP) {
      in.x += delta;
      if (in.op == OP_SPLIT) in.y += delta;
    }
    if (emit(cs, src, in.op, in.x, in.y) < 0) return -1;
  }
  return 0;
}

/* Rewrites atom code [a, nprog) for quantifier min..max (max -1: no bound). */
static int quantify(cstate *cs, const char *src, int a, int min, int max) {
  rule *ru = cs->ru;
  int b = ru->nprog, len = b - a;
  if (min == 1 && max == 1) return 0;
  if (min == 0 && max == 1) /* SPLIT body, next */
    return insert(cs, src, a, (inst){OP_SPLIT, a + 1, b + 1});
  if (min == 0 && max < 0) { /* L: SPLIT body, next; body; JMP L */
    if (insert(cs, src, a, (inst){OP_SPLIT, a + 1, b + 2}) < 0) return -1;
    return emit(cs, src, OP_JMP, a, 0) < 0 ? -1 : 0;
  }
  if (min == 1 && max < 0) /* body; SPLIT a, next */
    return emit(cs, src, OP_SPLIT, a, b + 1) < 0 ? -1 : 0;
  /* general: min copies, then (max - min) optional copies or a star */
  if (min == 0) { /* keep one copy as the first optional one */
    if (insert(cs, src, a, (inst){OP_SPLIT, a + 1, b + 1}) < 0) return -1;
    int body = a + 1;
    for (int k = 1; k < max; k++) {
      int s = ru->nprog;
      if (emit(cs, src, OP_SPLIT, s + 1, s + 1 + len) < 0) return -1;
      if (copy_code(cs, src, body, body + len) < 0) return -1;
    }
    return 0;
  }
  for (int k = 1; k < min; k++)
    if (copy_code(cs, src, a, a + len) < 0) return -1;
  if (max < 0) {
    int s = ru->nprog;
    if (emit(cs, src, OP_SPLIT, s + 1, s + 1 + len) < 0) return -1;
    if (copy_code(cs, src, a, a + len) < 0) return -1;
    return emit(cs, src, OP_JMP, s, 0) < 0 ? -1 : 0;
  }
  for (int k = min; k < max; k++) {
    int s = ru->nprog;
    if (emit(cs, src, OP_SPLIT, s + 1, s + 1 + len) < 0) return -1;
    if (copy_code(cs, src, a, a + len) < 0) return -1;
  }
  return 0;
}

static int is_name_char(int c) { return isalnum(c) || c == '_' || c == '-' || c == '.'; }

/* Index of class name in the set's table, adding it. */
static int class_index(cstate *cs, const char *at, const char *name) {
  td_rules *s = cs->set;
  for (int i = 0; i < s->nclasses; i++)
    if (strcmp(s->classes[i], name) == 0) return i;
  if (s->nclasses >= TD_RULES_MAX_CLASSES)
    return fail(cs, at, "too many distinct classes (at most %d)", TD_RULES_MAX_CLASSES);
  s->classes[s->nclasses] = td_xstrdup(name);
  return s->nclasses++;
}

static int name_known(const char *const *names, int n, const char *v) {
  for (int i = 1; i < n; i++)
    if (strcmp(names[i], v) == 0) return 1;
  return 0;
}

/* Parses one token test after '[' up to and including ']'; *pp advances. */
static int parse_test(cstate *cs, const char **pp) {
  const char *p = *pp;
  rule *ru = cs->ru;
  test t = {NULL, 0};
  int cap = 0, op = 0, and_start;
  for (;;) {
    while (*p == ' ' || *p == '\t') p++;
    if (*p == ']') {
      if (t.n == 0 || op) goto bad_end;
      p++;
      break;
    }
    if (*p == '|' || *p == '&') {
      if (t.n == 0 || op) goto bad_end;
      op = *p++;
      continue;
    }
    if (!*p || *p == '\n') {
      fail(cs, p, "missing ']'");
      goto err;
    }
    and_start = t.n == 0 || op != '|'; /* '&' or a space: AND */
    op = 0;
    cond c;
    memset(&c, 0, sizeof c);
    const char *at = p;
    if (*p == '!') c.neg = 1, p++;
    const char *k0 = p;
    while (isalpha((unsigned char)*p)) p++;
    int key = -1;
    for (int i = 0; i < (int)(sizeof key_names / sizeof *key_names); i++)
      if ((size_t)(p - k0) == strlen(key_names[i]) && strncmp(k0, key_names[i], (size_t)(p - k0)) == 0) key = i;
    if (key < 0) {
      fail(cs, at, "unknown test '%.*s' (want lower, text, lemma, upos, xpos, class, dep or head)", (int)(p - k0) > 0 ? (int)(p - k0) : 1, k0);
      goto err;
    }
    if (p[0] == '!' && p[1] == '=') c.neg ^= 1, p += 2;
    else if (*p == '=') p++;
    else {
      fail(cs, p, "expected '=' or '!=' after '%s'", key_names[key]);
      goto err;
    }
    const char *v0 = p;
    char *val;
    if (*p == '"') {
      const char *q = p + 1 + strcspn(p + 1, "\"\n");
      if (*q != '"') {
        fail(cs, p, "unterminated quoted value");
        goto err;
      }
      val = td_xstrndup(p + 1, (size_t)(q - p - 1));
      p = q + 1;
    } else {
      while (*p && !strchr("]|& \t\r\n", *p)) p++;
      val = td_xstrndup(v0, (size_t)(p - v0));
    }
    size_t vl = strlen(val);
    if (vl == 0) {
      free(val);
      fail(cs, v0, "empty value");
      goto err;
    }
    if (vl > 1 && val[vl - 1] == '*' && !(v0[0] == '"')) val[--vl] = 0, c.prefix = 1;
    c.key = (uint8_t)key;
    c.and_start = (uint8_t)and_start;
    c.sval = val;
    if (key == K_LOWER)
      for (char *s = val; *s; s++) *s = (char)tolower((unsigned char)*s);
    if (key == K_CLASS) {
      if (c.prefix && vl > 0 && val[vl - 1] == '.') val[--vl] = 0; /* org.* = org */
      c.prefix = 0;
      c.ival = class_index(cs, v0, val);
      if (c.ival < 0) {
        free(val);
        goto err;
      }
      ru->needs_class = 1;
    }
    if (key == K_DEP || key == K_HEAD) ru->needs_parse = 1;
    const char *bad = NULL;
    if (!c.prefix && key == K_UPOS && !name_known(td_upos_names, TD_UPOS_COUNT, val)) bad = "UPOS tag";
    if (!c.prefix && key == K_XPOS && !name_known(td_xpos_names, td_xpos_count, val)) bad = "XPOS tag";
    if (!c.prefix && key == K_DEP && !name_known(td_deprel_names, td_deprel_count, val)) {
      /* a base relation ("obl") is fine when a subtype ("obl:tmod") exists */
      int ok = 0;
      for (int i = 1; i < td_deprel_count; i++)
        if (strncmp(td_deprel_names[i], val, vl) == 0 && td_deprel_names[i][vl] == ':') ok = 1;
      if (!ok) bad = "dependency relation";
    }
    if (key == K_HEAD) {
      c.ival = -1;
      for (int i = 0; i < ru->ncaps; i++)
        if (strcmp(ru->capnames[i], val) == 0) c.ival = i;
      if (c.ival < 0) bad = "capture (head= names a capture opened earlier in the rule)";
    }
    if (bad) {
      fail(cs, v0, "unknown %s '%s'", bad, val);
      free(val);
      goto err;
    }
    if (t.n == cap) {
      cap = cap ? cap * 2 : 4;
      t.c = td_xrealloc(t.c, (size_t)cap * sizeof *t.c);
    }
    t.c[t.n++] = c;
    continue;
  bad_end:
    if (*p == ']') fail(cs, p, t.n == 0 ? "empty token test" : "missing test after '|' or '&'");
    else fail(cs, p, "missing test before '%c'", *p);
    goto err;
  }
  ru->tests = td_xrealloc(ru->tests, (size_t)(ru->ntests + 1) * sizeof *ru->tests);
  ru->tests[ru->ntests] = t;
  *pp = p;
  return ru->ntests++;
err:
  for (int k = 0; k < t.n; k++) free(t.c[k].sval);
  free(t.c);
  return -1;
}

/* Parses a number for {m,n}. */
static int parse_num(const char **pp) {
  const char *p = *pp;
  if (!isdigit((unsigned char)*p)) return -1;
  long v = 0;
  while (isdigit((unsigned char)*p)) {
    v = v * 10 + (*p++ - '0');
    if (v > 1000000) v = 1000000;
  }
  *pp = p;
  return (int)v;
}

/* Ends a group's alternatives: the last must not be empty (bstart: where it
 * began), and the JMPs after the earlier ones go to here. */
static int end_alts(cstate *cs, const char *at, int bstart, const int *jmps, int njmps) {
  if (njmps == 0) return 0;
  if (cs->ru->nprog == bstart) return fail(cs, at, "empty alternative after '|'");
  for (int k = 0; k < njmps; k++) cs->ru->prog[jmps[k]].x = cs->ru->nprog;
  return 0;
}

/* Compiles the pattern p (one line, NUL- or newline-ended) into cs->ru. */
static int compile_pattern(cstate *cs, const char *p) {
  rule *ru = cs->ru;
  /* frame 0 is the whole pattern, frame d the d-th open group; bstart is
   * where the current alternative began, jmps the JMPs ending the earlier
   * ones (patched to the group's end when it closes) */
  struct {
    int start, slot, bstart, njmps;
    int jmps[TD_RULES_MAX_ALTS];
    const char *at;
  } stack[TD_RULES_MAX_DEPTH + 1];
  int depth = 0, atom = -1;
  stack[0].start = stack[0].bstart = 0, stack[0].slot = -1, stack[0].njmps = 0, stack[0].at = p;
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\r') p++;
    if (!*p || *p == '\n' || *p == '#') break;
    const char *at = p;
    int c = (unsigned char)*p;
    if (c == '[') {
      p++;
      atom = ru->nprog;
      int ti = parse_test(cs, &p);
      if (ti < 0) return -1;
      if (emit(cs, at, OP_TOK, ti, 0) < 0) return -1;
    } else if (c == '.') {
      p++;
      atom = ru->nprog;
      if (emit(cs, at, OP_ANY, 0, 0) < 0) return -1;
    } else if (c == '^' || c == '$') { /* sentence start / end: no quantifier */
      p++;
      if (emit(cs, at, c == '^' ? OP_BOS : OP_EOS, 0, 0) < 0) return -1;
      while (*p == ' ' || *p == '\t') p++;
      if (*p == '?' || *p == '*' || *p == '+' || *p == '{')
        return fail(cs, p, "quantifier after '%c' (an anchor matches no token)", c);
      continue;
    } else if (c == '(') {
      if (depth >= TD_RULES_MAX_DEPTH) return fail(cs, at, "groups nested too deep (at most %d)", TD_RULES_MAX_DEPTH);
      p++;
      int slot = -1;
      if (p[0] == '?' && p[1] == '<') {
        p += 2;
        const char *n0 = p;
        while (is_name_char((unsigned char)*p)) p++;
        if (p == n0 || *p != '>') return fail(cs, p, "expected a capture name and '>' after '(?<'");
        if (ru->ncaps >= TD_RULES_MAX_CAPS) return fail(cs, n0, "too many captures (at most %d)", TD_RULES_MAX_CAPS);
        for (int i = 0; i < ru->ncaps; i++)
          if (strlen(ru->capnames[i]) == (size_t)(p - n0) && strncmp(ru->capnames[i], n0, (size_t)(p - n0)) == 0)
            return fail(cs, n0, "capture '%.*s' defined twice", (int)(p - n0), n0);
        ru->capnames[ru->ncaps] = td_xstrndup(n0, (size_t)(p - n0));
        slot = ru->ncaps++;
        p++;
      } else if (p[0] == '?') {
        return fail(cs, p, "expected '(?<name> ...)' or '( ...)'");
      }
      depth++;
      stack[depth].start = ru->nprog;
      stack[depth].slot = slot;
      stack[depth].at = at;
      stack[depth].njmps = 0;
      stack[depth].bstart = ru->nprog + (slot >= 0);
      if (slot >= 0 && emit(cs, at, OP_SAVE, 2 * slot, 0) < 0) return -1;
      atom = -1;
      continue;
    } else if (c == ')') {
      if (depth == 0) return fail(cs, at, "')' without '('");
      p++;
      if (ru->nprog == stack[depth].start + (stack[depth].slot >= 0))
        return fail(cs, at, "empty group");
      if (end_alts(cs, at, stack[depth].bstart, stack[depth].jmps, stack[depth].njmps) < 0) return -1;
      if (stack[depth].slot >= 0 && emit(cs, at, OP_SAVE, 2 * stack[depth].slot + 1, 0) < 0) return -1;
      atom = stack[depth].start;
      depth--;
    } else if (c == '|') { /* another alternative of the current group */
      p++;
      int bs = stack[depth].bstart;
      if (ru->nprog == bs) return fail(cs, at, "empty alternative before '|'");
      if (stack[depth].njmps >= TD_RULES_MAX_ALTS)
        return fail(cs, at, "too many alternatives (at most %d)", TD_RULES_MAX_ALTS);
      /* bs: SPLIT bs+1, next; <this alternative>; JMP end; next: ... */
      if (insert(cs, at, bs, (inst){OP_SPLIT, bs + 1, ru->nprog + 2}) < 0) return -1;
      int j = emit(cs, at, OP_JMP, 0, 0);
      if (j < 0) return -1;
      stack[depth].jmps[stack[depth].njmps++] = j;
      stack[depth].bstart = ru->nprog;
      atom = -1;
      continue;
    } else if (c == '?' || c == '*' || c == '+' || c == '{') {
      return fail(cs, at, "quantifier '%c' without a token test or group before it", c);
    } else if (c == ']') {
      return fail(cs, at, "']' without '['");
    } else {
      return fail(cs, at, "unexpected '%c' (a pattern is [tests], '.', '^', '$', groups and quantifiers)", c);
    }
    /* an optional quantifier */
    int min = 1, max = 1;
    const char *q = p;
    if (*p == '?') min = 0, max = 1, p++;
    else if (*p == '*') min = 0, max = -1, p++;
    else if (*p == '+') min = 1, max = -1, p++;
    else if (*p == '{') {
      p++;
      min = parse_num(&p);
      if (min < 0) return fail(cs, p, "expected a number after '{'");
      max = min;
      if (*p == ',') {
        p++;
        max = *p == '}' ? -1 : parse_num(&p);
        if (max == -1 && *p != '}') return fail(cs, p, "expected a number or '}' after ','");
      }
      if (*p != '}') return fail(cs, p, "expected '}'");
      p++;
      if (max >= 0 && max < min) return fail(cs, q, "{m,n} with n < m");
      if (max > TD_RULES_MAX_REPEAT || min > TD_RULES_MAX_REPEAT)
        return fail(cs, q, "repeat count above %d", TD_RULES_MAX_REPEAT);
      if (max == 0) return fail(cs, q, "{0} matches nothing; leave the element out");
    }
    if (quantify(cs, q, atom, min, max) < 0) return -1;
    if (*p == '?' || *p == '*' || *p == '+' || *p == '{') return fail(cs, p, "two quantifiers in a row");
  }
  if (depth > 0) return fail(cs, stack[depth].at, "'(' without ')'");
  if (ru->nprog == 0) return fail(cs, p, "rule has no pattern");
  if (end_alts(cs, p, stack[0].bstart, stack[0].jmps, stack[0].njmps) < 0) return -1;
  return emit(cs, p, OP_MATCH, 0, 0) < 0 ? -1 : 0;
}

static void rebuild_index(td_rules *r);

/* Compiles rule text into set s (rules appended; on error s is restored)
 * and, unless index is 0 (the caller does it once after more texts),
 * rebuilds its index. */
static int add_text(td_rules *s, const char *text, int index, char *err, size_t errlen) {
  size_t n0 = s->n;
  int nclasses0 = s->nclasses;
  int lineno = 0;
  for (const char *line = text; line && *line;) {
    const char *eol = strchr(line, '\n');
    lineno++;
    cstate cs = {s, NULL, line, lineno, err, errlen, 0};
    const char *p = line;
    while (*p == ' ' || *p == '\t' || *p == '\r') p++;
    if (*p && *p != '\n' && *p != '#') {
      const char *name0 = p;
      while (is_name_char((unsigned char)*p)) p++;
      if (p == name0 || (*p != ' ' && *p != '\t')) {
        fail(&cs, p, "a rule is NAME then a pattern (name: letters, digits, _ - .)");
        goto undo;
      }
      if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->r = td_xrealloc(s->r, s->cap * sizeof *s->r);
      }
      rule *ru = &s->r[s->n];
      memset(ru, 0, sizeof *ru);
      ru->name = td_xstrndup(name0, (size_t)(p - name0));
      s->n++;
      cs.ru = ru;
      if (compile_pattern(&cs, p) < 0) goto undo;
    }
    line = eol ? eol + 1 : NULL;
  }
  /* a name defined here replaces the rules of that name added earlier */
  size_t w = 0, n1 = s->n;
  for (size_t i = 0; i < n1; i++) {
    int replaced = 0;
    for (size_t j = n0; i < n0 && j < n1 && !replaced; j++)
      replaced = strcmp(s->r[i].name, s->r[j].name) == 0;
    if (replaced) rule_clear(&s->r[i]);
    else s->r[w++] = s->r[i];
  }
  s->n = w;
  if (index) rebuild_index(s);
  return 0;
undo:
  while (s->n > n0) rule_clear(&s->r[--s->n]);
  while (s->nclasses > nclasses0) free(s->classes[--s->nclasses]);
  return -1;
}

td_rules *td_rules_compile(const char *text, char *err, size_t errlen) {
  td_rules *s = td_xcalloc(1, sizeof *s);
  if (text && add_text(s, text, 1, err, errlen) != 0) {
    td_rules_free(s);
    return NULL;
  }
  return s;
}

/* td_rules_add_text, the index rebuilt unless index is 0. */
static int add_named_text(td_rules *r, const char *text, const char *origin, int index, char *err,
                          size_t errlen) {
  char msg[512];
  int rc = add_text(r, text ? text : "", index, msg, sizeof msg);
  if (rc != 0) snprintf(err, errlen, "%s: %s", origin ? origin : "rules", msg);
  return rc;
}

int td_rules_add_text(td_rules *r, const char *text, const char *origin, char *err, size_t errlen) {
  return add_named_text(r, text, origin, 1, err, errlen);
}

/* The image's files are compiled one after another and the index is built
 * once, after the last (perf, issue 11: rebuilt after each of the seven,
 * it sorted the keys of the rules so far seven times, 0.3 ms of every
 * start). */
int td_rules_add_image(td_rules *r, const void *img, size_t len, char *err, size_t errlen) {
  const char *p = img, *end = p + len;
  int rc = 0;
  while (p < end && rc == 0) {
    const char *name = p, *z = memchr(p, 0, (size_t)(end - p));
    if (!z) break;
    const char *text = z + 1, *z2 = text < end ? memchr(text, 0, (size_t)(end - text)) : NULL;
    if (!z2) break;
    rc = add_named_text(r, text, name, 0, err, errlen);
    p = z2 + 1;
  }
  rebuild_index(r);
  if (rc != 0) return -1;
  if (p != end) {
    snprintf(err, errlen, "the resource image's rules section is damaged (rebuild with make)");
    return -1;
  }
  return 0;
}

int td_rules_add_file(td_rules *r, const char *path, char *err, size_t errlen) {
  td_buf b = TD_BUF_INIT;
  if (td_buf_read_file(&b, path) != 0) {
    snprintf(err, errlen, "%s: cannot read", path);
    td_buf_free(&b);
    return -1;
  }
  td_buf_putc(&b, 0);
  char msg[512];
  int rc = add_text(r, b.ptr, 1, msg, sizeof msg);
  if (rc != 0) snprintf(err, errlen, "%s: %s", path, msg);
  td_buf_free(&b);
  return rc;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int td_rules_add_dir(td_rules *r, const char *dir, char *err, size_t errlen) {
  DIR *d = opendir(dir);
  if (!d) {
    snprintf(err, errlen, "%s: cannot open folder", dir);
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l <= 6 || e->d_name[0] == '.' || strcmp(e->d_name + l - 6, ".rules") != 0) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 8;
      names = td_xrealloc(names, cap * sizeof *names);
    }
    names[n++] = td_xstrdup(e->d_name);
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, cmp_str);
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    if (rc == 0 && td_rules_add_file(r, path, err, errlen) != 0) rc = -1;
    free(names[i]);
  }
  free(names);
  return rc;
}

/* ---- the layer table and the start-token prefilter ---- */

/* Visits the instructions reachable from starts[] without consuming a
 * token (through SPLIT, JMP, SAVE, BOS and EOS): at(ctx, pc) for each TOK,
 * ANY or MATCH reached, once each. Stops at the first nonzero answer of at
 * and returns it; 0 when every one was visited. */
static int walk_first(const rule *ru, const int *starts, int nstarts, int (*at)(void *, int),
                      void *ctx) {
  int sp = 0, rc = 0;
  int *work = td_xmalloc(((size_t)ru->nprog + 1) * sizeof *work);
  uint8_t *seen = td_xcalloc((size_t)ru->nprog + 1, 1);
  for (int k = 0; k < nstarts; k++)
    if (starts[k] >= 0 && starts[k] < ru->nprog && !seen[starts[k]])
      seen[starts[k]] = 1, work[sp++] = starts[k];
  while (sp > 0 && !rc) {
    int pc = work[--sp];
    const inst *in = &ru->prog[pc];
    int next[2], nn = 0;
    if (in->op == OP_SPLIT) next[nn++] = in->x, next[nn++] = in->y;
    else if (in->op == OP_JMP) next[nn++] = in->x;
    else if (in->op == OP_SAVE || in->op == OP_BOS || in->op == OP_EOS) next[nn++] = pc + 1;
    else rc = at(ctx, pc);
    for (int j = 0; j < nn; j++)
      if (next[j] >= 0 && next[j] < ru->nprog && !seen[next[j]]) seen[next[j]] = 1, work[sp++] = next[j];
  }
  free(work);
  free(seen);
  return rc;
}

typedef struct {
  const rule *ru;
  const char **keys;
  int nk, maxkeys;
} keys_walk;

/* walk_first's visitor for keys_from: the keys of the TOK at pc. */
static int keys_at(void *ctx, int pc) {
  keys_walk *w = ctx;
  const inst *in = &w->ru->prog[pc];
  if (in->op != OP_TOK) return -1; /* ANY or MATCH: no literal first token */
  const test *t = &w->ru->tests[in->x];
  for (int k = 0; k < t->n;) { /* one AND-group: [k, e) */
    int e = k + 1;
    while (e < t->n && !t->c[e].and_start) e++;
    int ok = 1;
    for (int j = k; j < e; j++)
      if (t->c[j].neg || t->c[j].prefix || (t->c[j].key != K_LOWER && t->c[j].key != K_LEMMA)) ok = 0;
    if (ok && w->nk + (e - k) <= w->maxkeys) {
      for (int j = k; j < e; j++) w->keys[w->nk++] = t->c[j].sval;
      return 0;
    }
    k = e;
  }
  return -1;
}

/* Collects into keys[] the literal strings one of which the first token of
 * every match of ru must carry as its lower form or lemma: for each TOK
 * reachable from pc 0 without consuming a token, the values of one AND-group
 * made only of positive, exact lower=/lemma= tests. Returns the number of
 * keys, or -1 when some match can begin anywhere (a '.', an empty match, a
 * first test without such a group). keys has room for maxkeys. */
static int keys_from(const rule *ru, const int *starts, int nstarts, const char **keys,
                     int maxkeys) {
  keys_walk w = {ru, keys, 0, maxkeys};
  return walk_first(ru, starts, nstarts, keys_at, &w) ? -1 : w.nk;
}

static int first_keys(const rule *ru, const char **keys, int maxkeys) {
  int zero = 0;
  return keys_from(ru, &zero, 1, keys, maxkeys);
}

typedef struct {
  const rule *ru;
  int *starts, nst;
} seconds_walk;

/* walk_first's visitor for second_keys: where the token after the TOK at
 * pc is tested. */
static int second_at(void *ctx, int pc) {
  seconds_walk *w = ctx;
  if (w->ru->prog[pc].op != OP_TOK) return -1; /* ANY or MATCH first: not an indexed rule */
  w->starts[w->nst++] = pc + 1;
  return 0;
}

/* The same for the second token of every match of an indexed rule ru: the
 * values one of which it must carry, or -1 when a match may end after one
 * token or its second test has no such group. The instructions right after
 * each first TOK (those reachable from pc 0 without consuming a token) are
 * where the second token is tested. */
static int second_keys(const rule *ru, const char **keys, int maxkeys) {
  int zero = 0;
  seconds_walk w = {ru, td_xmalloc(((size_t)ru->nprog + 1) * sizeof(int)), 0};
  int nk = walk_first(ru, &zero, 1, second_at, &w) == 0 && w.nst > 0
               ? keys_from(ru, w.starts, w.nst, keys, maxkeys)
               : -1;
  free(w.starts);
  return nk;
}

/* The first four bytes of NUL-terminated s as one number, the bytes past
 * its end 0, without a branch: each read is at the byte after the one
 * before, or at that same NUL when the string has ended. */
static inline uint32_t head4(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  uint32_t b0 = p[0];
  size_t i1 = b0 != 0;
  uint32_t b1 = p[i1];
  size_t i2 = i1 + (b1 != 0);
  uint32_t b2 = p[i2];
  size_t i3 = i2 + (b2 != 0);
  uint32_t b3 = p[i3];
  return b0 | b1 << 8 | b2 << 16 | b3 << 24;
}

/* A head4 value's bit in td_rules.quad. */
static inline unsigned quad_bit(uint32_t q) {
  return (q * 0x9E3779B1u) >> (32 - TD_RULES_QUAD_BITS);
}

static int cmp_ent(const void *a, const void *b) {
  const key_ent *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : (x->rule > y->rule) - (x->rule < y->rule);
}

/* Sorts the key entries ent[0..*nent) (dropping repeated pairs) and makes
 * their key set (a key's index in it is its first entry; *pend: each first
 * entry's end), first-byte length masks and, when quad is set, the bits of
 * their heads (none when there are no entries). */
static void build_keys(key_ent *ent, size_t *nent, td_strset **pset, uint32_t **pend,
                       uint32_t *lenmask, uint8_t *quad) {
  if (*nent == 0) return;
  qsort(ent, *nent, sizeof *ent, cmp_ent);
  size_t w = 0; /* one entry per (key, rule) */
  for (size_t i = 0; i < *nent; i++)
    if (w == 0 || ent[i].rule != ent[w - 1].rule || strcmp(ent[i].key, ent[w - 1].key) != 0)
      ent[w++] = ent[i];
  *nent = w;
  const char **keys = td_xmalloc(w * sizeof *keys);
  uint32_t *kend = td_xcalloc(w, sizeof *kend);
  for (size_t i = 0; i < w; i++) {
    keys[i] = ent[i].key;
    if (i > 0 && strcmp(ent[i].key, ent[i - 1].key) == 0) continue;
    size_t n = strlen(ent[i].key), end = i + 1;
    while (end < w && strcmp(ent[end].key, ent[i].key) == 0) end++;
    lenmask[(unsigned char)ent[i].key[0]] |= 1u << (n < 31 ? n : 31);
    if (quad) {
      unsigned qb = quad_bit(head4(ent[i].key));
      quad[qb >> 3] |= (uint8_t)(1u << (qb & 7));
    }
    kend[i] = (uint32_t)end;
  }
  /* a repeated key keeps its first index: the first entry of its group */
  *pset = td_strset_new(keys, w);
  *pend = kend;
  free(keys);
}

/* A layer's bit in the masks of layers (layers past 31 share bit 31). */
static uint32_t layer_bit(int layer) { return 1u << (layer < 31 ? layer : 31); }

/* The most tokens a match of ru can span: the longest path of TOK and ANY
 * steps from pc 0 to a MATCH; -1 when a jump goes back (a loop: no bound).
 * Every other jump goes forward, so one pass in pc order finds it. */
static int rule_span(const rule *ru) {
  int *len = td_xmalloc(((size_t)ru->nprog + 1) * sizeof *len); /* tokens to reach pc, -1 none */
  for (int pc = 0; pc <= ru->nprog; pc++) len[pc] = -1;
  len[0] = 0;
  int span = 0;
  for (int pc = 0; pc < ru->nprog && span >= 0; pc++) {
    const inst *in = &ru->prog[pc];
    int to[2] = {-1, -1}, add = 0;
    if (in->op == OP_SPLIT) to[0] = in->x, to[1] = in->y;
    else if (in->op == OP_JMP) to[0] = in->x;
    else if (in->op == OP_MATCH) to[0] = -1;
    else to[0] = pc + 1, add = in->op == OP_TOK || in->op == OP_ANY;
    for (int j = 0; j < 2; j++)
      if (to[j] >= 0 && to[j] <= pc) span = -1; /* a loop */
    if (len[pc] < 0 || span < 0) continue;
    if (in->op == OP_MATCH && len[pc] > span) span = len[pc];
    for (int j = 0; j < 2; j++)
      if (to[j] > pc && to[j] <= ru->nprog && len[pc] + add > len[to[j]]) len[to[j]] = len[pc] + add;
  }
  free(len);
  return span;
}

/* Makes r->shortk from the first-token index's keys. */
static void build_short(td_rules *r) {
  size_t n = 0, cap = 16;
  for (size_t i = 0; i < r->nent; i++)
    if (r->kend[i] && strlen(r->ent[i].key) <= 3) n++;
  while (cap < 4 * n) cap *= 2;
  r->shortk = td_xcalloc(2 * cap, sizeof *r->shortk);
  r->shortmask = (uint32_t)cap - 1;
  for (size_t i = 0; i < r->nent; i++) {
    if (!r->kend[i] || strlen(r->ent[i].key) > 3) continue;
    uint32_t q = head4(r->ent[i].key), k = quad_bit(q) & r->shortmask;
    while (r->shortk[2 * k]) k = (k + 1) & r->shortmask;
    r->shortk[2 * k] = q, r->shortk[2 * k + 1] = (uint32_t)i + 1;
  }
}

/* Recomputes the layer of every rule and the prefilter from r->r. */
static void rebuild_index(td_rules *r) {
  index_clear(r);
  size_t cap = 0, cap2 = 0;
  for (size_t i = 0; i < r->n; i++) {
    rule *ru = &r->r[i];
    const char *dot = strchr(ru->name, '.');
    size_t ll = dot ? (size_t)(dot - ru->name) : 0;
    ru->layer = -1;
    for (int l = 0; l < r->nlayers; l++)
      if (strlen(r->layers[l]) == ll && strncmp(r->layers[l], ru->name, ll) == 0) ru->layer = l;
    if (ru->layer < 0) {
      r->layers = td_xrealloc(r->layers, (size_t)(r->nlayers + 1) * sizeof *r->layers);
      r->layers[r->nlayers] = td_xstrndup(ru->name, ll);
      ru->layer = r->nlayers++;
    }
    /* room for every literal of every test: a first word of many
     * alternatives (a list of twenty verbs) is indexed like one of two */
    int maxk2 = 1;
    for (int t = 0; t < ru->ntests; t++) maxk2 += ru->tests[t].n;
    int maxk = ru->nprog * 8 + maxk2;
    const char **keys = td_xmalloc((size_t)maxk * sizeof *keys);
    int nk = first_keys(ru, keys, maxk);
    ru->indexed = nk > 0;
    if (nk <= 0) r->nunindexed++;
    const char **keys2 = td_xmalloc((size_t)maxk2 * sizeof *keys2);
    int nk2 = ru->indexed ? second_keys(ru, keys2, maxk2) : -1;
    for (int k = 0; k < nk; k++) {
      TD_GROW(r->ent, cap, r->nent + 1);
      r->ent[r->nent++] = (key_ent){keys[k], (int)i, ru->layer, nk2 > 0};
    }
    for (int k = 0; k < nk2; k++) { /* (only .rule of these is read) */
      TD_GROW(r->ent2, cap2, r->nent2 + 1);
      r->ent2[r->nent2++] = (key_ent){keys2[k], (int)i, ru->layer, 0};
    }
    free(keys);
    free(keys2);
  }
  /* the rules of each layer, and every rule (perf, issue 11: a layer's
   * match walks its own rules, not the whole set) */
  r->serial = atomic_fetch_add(&rules_serials, 1) + 1;
  r->all = td_xmalloc((r->n + 1) * sizeof *r->all);
  r->lrules = td_xcalloc((size_t)r->nlayers + 1, sizeof *r->lrules);
  r->nlrules = td_xcalloc((size_t)r->nlayers + 1, sizeof *r->nlrules);
  r->lunindexed = td_xcalloc((size_t)r->nlayers + 1, 1);
  r->lspan = td_xcalloc((size_t)r->nlayers + 1, sizeof *r->lspan);
  for (size_t i = 0; i < r->n; i++) {
    int l = r->r[i].layer;
    int span = rule_span(&r->r[i]);
    if (r->lspan[l] >= 0 && (span < 0 || span > r->lspan[l])) r->lspan[l] = span;
    r->all[i] = (int)i;
    r->lrules[l] = td_xrealloc(r->lrules[l], (size_t)(r->nlrules[l] + 1) * sizeof **r->lrules);
    r->lrules[l][r->nlrules[l]++] = (int)i;
    if (!r->r[i].indexed) r->lunindexed[l] = 1;
  }
  build_keys(r->ent, &r->nent, &r->kset, &r->kend, r->lenmask, r->quad);
  build_keys(r->ent2, &r->nent2, &r->kset2, &r->kend2, r->lenmask2, NULL);
  build_short(r);
  /* each key's layer bits, once (perf, issue 11: found per token before) */
  r->klayers = td_xcalloc(r->nent + 1, sizeof *r->klayers);
  for (size_t i = 0; i < r->nent; i++)
    if (r->kend[i])
      for (size_t e = i; e < r->kend[i]; e++) r->klayers[i] |= layer_bit(r->r[r->ent[e].rule].layer);
}

/* The prefilter entries [*a, *b) of key s (length n). A table of first
 * bytes and lengths answers most words without hashing. */
static inline void key_find(const td_strset *set, const uint32_t *kend, const uint32_t *lenmask,
                     const char *s, size_t n, size_t *a, size_t *b) {
  *a = *b = 0;
  if (!set || n == 0 || !(lenmask[(unsigned char)s[0]] >> (n < 31 ? n : 31) & 1)) return;
  long e = td_strset_probe(set, s, n);
  if (e >= 0) *a = (size_t)e, *b = kend[e];
}

/* Whether a word whose head4 is q may be a key of the first-token index:
 * 0 when q's bit is clear (no key has that head) or q is 0 (the word is
 * empty: no key is). No branch (perf, issue 11: one test after another,
 * first byte, first two, then three and the length, each a coin toss to
 * the predictor, cost more than the few instructions more this takes for
 * every word). */
static inline unsigned head_may(const td_rules *r, uint32_t q) {
  unsigned qb = quad_bit(q);
  return (unsigned)(r->quad[qb >> 3] >> (qb & 7) & 1) & (unsigned)(q != 0);
}

/* head4 of word s, NULL read as "". */
static inline uint32_t word_head(const char *s) { return head4(s ? s : ""); }

/* key_find in the first-token index, for word s (NUL-terminated, n bytes). */
static inline void key_lookup(const td_rules *r, const char *s, size_t n, size_t *a, size_t *b) {
  key_find(r->kset, r->kend, r->lenmask, s, n, a, b);
}

/* strlen of a token's norm or lemma: a few bytes, counted without a call
 * (perf, issue 11: once per token of every document). */
static inline size_t word_len(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

/* key_lookup for word s, q its head4 (not 0): a word of three bytes or
 * fewer (q's last byte 0, the NUL) is q, looked up in r->shortk; a longer
 * one is measured and looked up in the key set. */
static inline void head_lookup(const td_rules *r, const char *s, uint32_t q, size_t *a,
                               size_t *b) {
  if (q >> 24) {
    key_lookup(r, s, word_len(s), a, b);
    return;
  }
  *a = *b = 0;
  for (uint32_t k = quad_bit(q) & r->shortmask; r->shortk[2 * k]; k = (k + 1) & r->shortmask)
    if (r->shortk[2 * k] == q) {
      uint32_t f = r->shortk[2 * k + 1] - 1;
      *a = f, *b = r->kend[f];
      return;
    }
}

static int layer_index(const td_rules *r, const char *layer) {
  for (int l = 0; r && l < r->nlayers; l++)
    if (strcmp(r->layers[l], layer) == 0) return l;
  return -1;
}

size_t td_rules_layer_count(const td_rules *r, const char *layer) {
  int l = layer_index(r, layer);
  return l >= 0 ? (size_t)r->nlrules[l] : 0; /* counted by rebuild_index */
}

/* ---- matching ---- */

typedef struct mstate {
  const td_doc *doc;
  td_arena *arena;            /* the document's: scratch grows there */
  uint32_t tok0, ntok;        /* the sentence */
  const uint64_t *clsmask;    /* per sentence token: classes it lies in */
  long steps;                 /* budget left */
  /* scratch, sized for the largest rule */
  uint8_t *visited;
  size_t visited_bytes;
  int32_t *stack;             /* triples: kind/pc, pos, value */
  size_t stack_cap;
} mstate;

typedef struct cand {
  int rule;
  uint32_t pos;
} cand;

static int str_test(const cond *c, const char *s, size_t len) {
  size_t vl = strlen(c->sval);
  if (c->prefix) return len >= vl && memcmp(s, c->sval, vl) == 0;
  return len == vl && memcmp(s, c->sval, vl) == 0;
}

/* str_test for a NUL-terminated s; the first byte decides most tests
 * (values are never empty). */
static int cstr_test(const cond *c, const char *s) {
  if (s[0] != c->sval[0]) return 0;
  return c->prefix ? strncmp(s, c->sval, strlen(c->sval)) == 0 : strcmp(s, c->sval) == 0;
}

static int cond_true(const mstate *m, const cond *c, uint32_t i, const int32_t *caps) {
  const td_tok *t = &m->doc->toks[m->tok0 + i];
  switch (c->key) {
  case K_LOWER: return t->norm && cstr_test(c, t->norm);
  case K_TEXT: return str_test(c, m->doc->text + t->start, t->end - t->start);
  case K_LEMMA: {
    const char *l = t->lemma ? t->lemma : t->norm;
    return l && cstr_test(c, l);
  }
  case K_UPOS: {
    const char *n = t->upos < TD_UPOS_COUNT ? td_upos_names[t->upos] : "_";
    return t->upos && str_test(c, n, strlen(n));
  }
  case K_XPOS: {
    const char *n = t->xpos < td_xpos_count ? td_xpos_names[t->xpos] : "_";
    return t->xpos && str_test(c, n, strlen(n));
  }
  case K_CLASS: return m->clsmask && (m->clsmask[i] >> c->ival & 1);
  case K_DEP: {
    if (!t->deprel || t->deprel >= td_deprel_count || t->head == -2) return 0;
    const char *n = td_deprel_names[t->deprel];
    size_t vl = strlen(c->sval);
    if (str_test(c, n, strlen(n))) return 1;
    return !c->prefix && strncmp(n, c->sval, vl) == 0 && n[vl] == ':';
  }
  case K_HEAD: {
    int32_t a = caps[2 * c->ival], b = caps[2 * c->ival + 1];
    if (a < 0 || b < 0 || t->head < 0) return 0;
    int32_t h = t->head - (int32_t)m->tok0;
    return h >= a && h < b;
  }
  }
  return 0;
}

static int test_true(const mstate *m, const test *t, uint32_t i, const int32_t *caps) {
  int k = 0;
  while (k < t->n) {
    int any = 0;
    do {
      if (!any && (cond_true(m, &t->c[k], i, caps) ^ t->c[k].neg)) any = 1;
      k++;
    } while (k < t->n && !t->c[k].and_start);
    if (!any) return 0;
  }
  return 1;
}

static void push3(mstate *m, size_t *sp, int32_t a, int32_t b, int32_t c) {
  if (*sp + 3 > m->stack_cap) TD_AGROW(m->arena, m->stack, m->stack_cap, *sp + 3 < 256 ? 256 : *sp + 3);
  m->stack[(*sp)++] = a;
  m->stack[(*sp)++] = b;
  m->stack[(*sp)++] = c;
}

/* Longest match of ru starting at sentence token `start`: its end, with the
 * captures in best[], or -1 (none, or the budget ran out: m->steps < 0). */
static int32_t run_at(mstate *m, const rule *ru, uint32_t start, int32_t *caps, int32_t *best) {
  size_t npos = m->ntok + 1, bits = (size_t)ru->nprog * npos;
  memset(m->visited, 0, (bits + 7) / 8);
  for (int i = 0; i < 2 * ru->ncaps; i++) caps[i] = -1;
  int32_t best_end = -1;
  size_t sp = 0;
  push3(m, &sp, 0, (int32_t)start, 0); /* kind 0: thread (pc, pos) */
  while (sp > 0) {
    int32_t v = m->stack[--sp], pos = m->stack[--sp], k = m->stack[--sp];
    if (k < 0) { /* restore capture slot -k-1 */
      caps[-k - 1] = v;
      continue;
    }
    int pc = k;
    for (;;) {
      size_t bit = (size_t)pc * npos + (size_t)pos;
      if (m->visited[bit >> 3] & (1u << (bit & 7))) break;
      m->visited[bit >> 3] |= (uint8_t)(1u << (bit & 7));
      if (--m->steps < 0) return -1;
      const inst *in = &ru->prog[pc];
      if (in->op == OP_TOK) {
        if ((uint32_t)pos >= m->ntok || !test_true(m, &ru->tests[in->x], (uint32_t)pos, caps)) break;
        pc++, pos++;
      } else if (in->op == OP_ANY) {
        if ((uint32_t)pos >= m->ntok) break;
        pc++, pos++;
      } else if (in->op == OP_JMP) {
        pc = in->x;
      } else if (in->op == OP_SPLIT) {
        push3(m, &sp, in->y, pos, 0);
        pc = in->x;
      } else if (in->op == OP_BOS || in->op == OP_EOS) {
        if (pos != (in->op == OP_BOS ? 0 : (int32_t)m->ntok)) break;
        pc++;
      } else if (in->op == OP_SAVE) {
        push3(m, &sp, -in->x - 1, 0, caps[in->x]);
        caps[in->x] = pos;
        pc++;
      } else { /* OP_MATCH */
        if (pos > best_end) {
          best_end = pos;
          memcpy(best, caps, (size_t)(2 * ru->ncaps) * sizeof *caps);
        }
        break;
      }
    }
  }
  return best_end;
}

typedef struct class_ctx {
  uint64_t *mask;
  uint32_t tok0, ntok;
  int bit;
} class_ctx;

static int class_cb(void *ctx, const td_match *mt) {
  class_ctx *c = ctx;
  for (uint32_t i = mt->tok0; i < mt->tok1; i++)
    if (i >= c->tok0 && i - c->tok0 < c->ntok) c->mask[i - c->tok0] |= (uint64_t)1 << c->bit;
  return 0;
}

static int cmp_cand(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->rule != y->rule) return (x->rule > y->rule) - (x->rule < y->rule);
  return (x->pos > y->pos) - (x->pos < y->pos);
}

/* ---- the prefilter's keys per token (perf, issue 11) ----
 * Every layer matches its rules over every sentence, and the prefilter
 * looks each token's lower and lemma up; the answers (entry ranges, and the
 * layers they select) are kept per document token instead, found once. An
 * entry is checked against its token (norm and lemma pointers) on every
 * use and looked up again when stale. */

typedef struct rtok {
  const char *norm, *lemma; /* the token's, when looked up */
  uint32_t n1, l1;          /* 1 + the first prefilter entry of norm's key, of
                               lemma's (0: none; lemma: none when it is norm);
                               a key's entries end at kend[first] */
  uint32_t layers;          /* bit min(layer, 31) of every rule they select */
  uint32_t s1, sl1;         /* the same in the second-token index (when sok) */
  uint8_t sok;
} rtok; /* 40 bytes (perf, issue 11: every token of a document has one) */

/* Entries [*a, *b) of the key whose first entry is first1 - 1 (kend: its
 * index's ends); empty when first1 is 0. */
static inline void key_range(const uint32_t *kend, uint32_t first1, size_t *a, size_t *b) {
  *a = *b = 0;
  if (first1) *a = first1 - 1, *b = kend[first1 - 1];
}

struct td_rcache {
  const td_rules *r;
  uint64_t serial;
  const td_tok *toks;
  size_t ntoks;
  rtok *t;      /* per token; valid in the sentences marked in made */
  uint8_t *made; /* bit s: sentence s's entries of t are filled */
  /* match()'s scratch, kept for the next sentence (arena; grown by
   * doubling); a match called from a callback (busy) takes fresh scratch */
  cand *cs;
  size_t capc;
  uint8_t *visited;
  size_t capv;
  int32_t *stack;
  size_t caps;
  int busy;
};

/* The layer bits of prefilter entries [a, b) (a key's entries, as
 * key_find gives them, or empty). */
static uint32_t range_layers(const td_rules *r, size_t a, size_t b) {
  return a < b ? r->klayers[a] : 0;
}

/* doc's cache for rule set r, made anew when r or the tokens changed. */
static struct td_rcache *rules_cache(const td_rules *r, td_doc *doc) {
  struct td_rcache *c = doc->rcache;
  if (!c || c->r != r || c->serial != r->serial || c->toks != doc->toks ||
      c->ntoks != doc->ntoks) {
    c = td_arena_alloc(&doc->arena, sizeof *c); /* zeroed */
    c->r = r, c->serial = r->serial, c->toks = doc->toks, c->ntoks = doc->ntoks;
    /* not zeroed (perf, issue 11: 40 bytes a token of every document):
     * sentence_keys fills a sentence's entries before any is read */
    c->t = td_arena_alloc_raw(&doc->arena, (doc->ntoks + 1) * sizeof *c->t);
    c->made = td_arena_alloc(&doc->arena, doc->nsents / 8 + 1);
    doc->rcache = c;
  }
  return c;
}

/* The start keys of token t: the ranges of `ent` its lower form [a, b)
 * and its lemma [la, lb) (empty when it is the lower form) are keys of,
 * and the layers of their rules. One branch, rarely taken, for the many
 * tokens whose lower form and lemma are no key. */
static uint32_t tok_keys(const td_rules *r, const td_tok *t, size_t *a, size_t *b, size_t *la,
                         size_t *lb) {
  *a = *b = *la = *lb = 0;
  const char *lm = t->lemma != t->norm ? t->lemma : NULL;
  uint32_t qn = word_head(t->norm), ql = word_head(lm);
  unsigned mn = head_may(r, qn), ml = head_may(r, ql);
  if (__builtin_expect(mn | ml, 0)) {
    if (mn) head_lookup(r, t->norm, qn, a, b);
    if (ml && (!t->norm || !td_str_eq(lm, t->norm))) head_lookup(r, lm, ql, la, lb);
  }
  return range_layers(r, *a, *b) | range_layers(r, *la, *lb);
}

/* The prefilter keys of sentence `sent`'s tokens (c: rules_cache's),
 * made at the sentence's first visit and refreshed where stale after: a
 * pointer to the entry of its first token. */
static rtok *sentence_keys(struct td_rcache *c, const td_rules *r, const td_doc *doc,
                           size_t sent) {
  const td_sent *se = &doc->sents[sent];
  int first = !(c->made[sent >> 3] >> (sent & 7) & 1);
  c->made[sent >> 3] |= (uint8_t)(1u << (sent & 7));
  for (uint32_t i = se->tok0; i < se->tok0 + se->ntok; i++) {
    const td_tok *t = &doc->toks[i];
    rtok *k = &c->t[i];
    if (!first && k->norm == t->norm && k->lemma == t->lemma) continue;
    size_t a, b, la, lb;
    uint32_t layers = tok_keys(r, t, &a, &b, &la, &lb);
    *k = (rtok){t->norm, t->lemma, b > a ? (uint32_t)a + 1 : 0, lb > la ? (uint32_t)la + 1 : 0,
                layers, 0, 0, 0};
  }
  return c->t + se->tok0;
}

/* Looks the lower form and lemma of token t (rtok k, its keys fresh) up in
 * the second-token index, and keeps the answers in k. */
static void second_find(const td_rules *r, rtok *k, const td_tok *t) {
  size_t a = 0, b = 0, la = 0, lb = 0;
  if (t->norm && r->lenmask2[(unsigned char)t->norm[0]])
    key_find(r->kset2, r->kend2, r->lenmask2, t->norm, strlen(t->norm), &a, &b);
  if (t->lemma && t->lemma != t->norm && r->lenmask2[(unsigned char)t->lemma[0]] &&
      (!t->norm || !td_str_eq(t->lemma, t->norm)))
    key_find(r->kset2, r->kend2, r->lenmask2, t->lemma, strlen(t->lemma), &la, &lb);
  k->s1 = b > a ? (uint32_t)a + 1 : 0, k->sl1 = lb > la ? (uint32_t)la + 1 : 0;
  k->sok = 1;
}

/* Whether the token of rtok k, its second-token look-ups made
 * (second_find), may be the second token of a match of rule ri (one with
 * `second` set): its lower form or lemma is one of the rule's second-token
 * values. */
static int second_ok(const td_rules *r, const rtok *k, int ri) {
  size_t a, b;
  key_range(r->kend2, k->s1, &a, &b);
  for (size_t e = a; e < b; e++)
    if (r->ent2[e].rule == ri) return 1;
  key_range(r->kend2, k->sl1, &a, &b);
  for (size_t e = a; e < b; e++)
    if (r->ent2[e].rule == ri) return 1;
  return 0;
}

/* Adds a candidate (rule, pos) for every prefilter entry in [a, b) that
 * selects a rule of the selection (layer >= 0: that layer's; only >= 0: that
 * rule; else all) and, for a rule with a second-token index, whose next
 * token (next, its token nt; NULL at the end of the sentence) carries one
 * of its values. */
static void add_cands(const td_rules *r, size_t a, size_t b, int layer, int only, uint32_t pos,
                      rtok *next, const td_tok *nt, td_arena *arena, cand **cs, size_t *n,
                      size_t *cap) {
  for (size_t e = a; e < b; e++) {
    const key_ent *en = &r->ent[e];
    int ri = en->rule;
    if ((layer >= 0 && en->layer != layer) || (only >= 0 && ri != only)) continue;
    if (en->second) {
      if (!next) continue;
      if (!next->sok) second_find(r, next, nt);
      /* perf: most tokens after a start carry no second-token value */
      if ((!next->s1 && !next->sl1) || !second_ok(r, next, ri)) continue;
    }
    if (*n == *cap) TD_AGROW(arena, *cs, *cap, *n < 64 ? 64 : *n + 1);
    (*cs)[(*n)++] = (cand){ri, pos};
  }
}

/* Runs the selected rules (layer >= 0: one layer's; only >= 0: one rule;
 * else all) over sentence `sent`. Indexed rules are tried only at the start
 * tokens the prefilter names; the parse and the class masks are made only
 * when a rule that needs them has somewhere to start. */
static int match(const td_rules *r, int layer, int only, const td_engine *eng, td_doc *doc,
                 size_t sent, td_rule_cb cb, void *ctx) {
  if (!r || r->n == 0 || sent >= doc->nsents) return 0;
  const td_sent *se = &doc->sents[sent];
  if (se->ntok == 0 || (size_t)se->tok0 + se->ntok > doc->ntoks) return 0;
  /* the selected rules, in file order */
  const int *sel = only >= 0 ? &only : layer >= 0 ? r->lrules[layer] : r->all;
  int nsel = only >= 0 ? 1 : layer >= 0 ? r->nlrules[layer] : (int)r->n;
  int unindexed = only >= 0   ? !r->r[only].indexed
                  : layer >= 0 ? r->lunindexed[layer]
                               : r->nunindexed > 0;
  uint32_t lbits = only >= 0 ? layer_bit(r->r[only].layer) : layer >= 0 ? layer_bit(layer) : ~0u;
  struct td_rcache *rc = rules_cache(r, doc);
  int nested = rc->busy;
  mstate m;
  memset(&m, 0, sizeof m);
  m.doc = doc;
  m.arena = &doc->arena;
  /* candidates of the indexed rules, sorted by rule then start */
  cand *cs = NULL;
  size_t nc = 0, capc = 0, capv = 0;
  if (!nested) {
    cs = rc->cs, capc = rc->capc;
    m.visited = rc->visited, capv = rc->capv;
    m.stack = rc->stack, m.stack_cap = rc->caps;
    rc->busy = 1;
  }
  int count = 0;
  if (r->nent > 0) {
    rtok *rt = sentence_keys(rc, r, doc, sent);
    for (uint32_t i = 0; i < se->ntok; i++) {
      if (!(rt[i].layers & lbits)) continue;
      rtok *next = i + 1 < se->ntok ? &rt[i + 1] : NULL;
      const td_tok *nt = &doc->toks[se->tok0 + i + 1]; /* read only when next */
      size_t a, b;
      key_range(r->kend, rt[i].n1, &a, &b);
      add_cands(r, a, b, layer, only, i, next, nt, m.arena, &cs, &nc, &capc);
      key_range(r->kend, rt[i].l1, &a, &b);
      add_cands(r, a, b, layer, only, i, next, nt, m.arena, &cs, &nc, &capc);
    }
  }
  if (nc == 0 && !unindexed) goto done;
  if (nc > 64) qsort(cs, nc, sizeof *cs, cmp_cand);
  else /* few: insertion sort (already in start order) */
    for (size_t x = 1; x < nc; x++) {
      cand v = cs[x];
      size_t y = x;
      for (; y > 0 && cmp_cand(&cs[y - 1], &v) > 0; y--) cs[y] = cs[y - 1];
      cs[y] = v;
    }
  /* the rules to try, in file order: every selected one when some is not
   * indexed, else only those with a candidate, read off the candidates
   * sorted by rule (perf: a layer of many rules that seldom start, as the
   * holidays of data/times, costs nothing for a sentence without them) */
  int every = unindexed || only >= 0;
  int nwalk = every ? nsel : (int)nc;
  int parse = 0, cls = 0, maxprog = 0;
  for (int x = 0, c = 0; x < nwalk; x++) {
    int i = every ? sel[x] : cs[x].rule;
    if (!every && x > 0 && cs[x - 1].rule == i) continue;
    const rule *ru = &r->r[i];
    while ((size_t)c < nc && cs[c].rule < i) c++;
    if (ru->indexed && ((size_t)c >= nc || cs[c].rule != i)) continue; /* nowhere to start */
    parse |= ru->needs_parse;
    cls |= ru->needs_class;
    if (ru->nprog > maxprog) maxprog = ru->nprog;
  }
  if (maxprog == 0) goto done;
  if (parse && eng) td_parse_sentence(eng, doc, sent);
  m.tok0 = se->tok0;
  m.ntok = se->ntok;
  m.steps = TD_RULES_STEPS;
  uint64_t *mask = NULL;
  if (cls && eng && eng->dict) {
    mask = td_xcalloc(m.ntok, sizeof *mask);
    for (int c = 0; c < r->nclasses; c++) {
      const char *filter[2] = {r->classes[c], NULL};
      class_ctx cc = {mask, m.tok0, m.ntok, c};
      td_match_sentence(eng->dict, doc, sent, filter, class_cb, &cc);
    }
  }
  m.clsmask = mask;
  m.visited_bytes = ((size_t)maxprog * (m.ntok + 1) + 7) / 8;
  if (m.visited_bytes + 1 > capv) {
    capv = (m.visited_bytes + 1) * 2;
    m.visited = td_arena_alloc(m.arena, capv);
  }
  int32_t caps[2 * TD_RULES_MAX_CAPS], best[2 * TD_RULES_MAX_CAPS];
  td_rule_cap out[TD_RULES_MAX_CAPS];
  int stop = 0;
  size_t c = 0;
  for (int x = 0; x < nwalk && !stop && m.steps >= 0; x++) {
    int ri = every ? sel[x] : cs[x].rule;
    if (!every && x > 0 && cs[x - 1].rule == ri) continue;
    const rule *ru = &r->r[ri];
    if (ru->needs_class && !mask) continue; /* no dictionary: cannot match */
    while (c < nc && cs[c].rule < ri) c++;
    size_t c1 = c;
    while (c1 < nc && cs[c1].rule == ri) c1++;
    if (ru->indexed && c1 == c) continue;
    /* start tokens: every token, or the candidates [c, c1) */
    size_t k = c;
    for (uint32_t pos = 0; !stop;) {
      if (ru->indexed) {
        while (k < c1 && cs[k].pos < pos) k++;
        if (k >= c1) break;
        pos = cs[k].pos;
      } else if (pos >= m.ntok) {
        break;
      }
      int32_t end = run_at(&m, ru, pos, caps, best);
      if (m.steps < 0) break;
      if (end <= (int32_t)pos) {
        pos++;
        continue;
      }
      for (int q = 0; q < ru->ncaps; q++) {
        out[q].name = ru->capnames[q];
        int32_t a = best[2 * q], b = best[2 * q + 1];
        if (a < 0 || b < 0 || b < a) out[q].tok0 = out[q].tok1 = -1;
        else out[q].tok0 = (int32_t)m.tok0 + a, out[q].tok1 = (int32_t)m.tok0 + b;
      }
      td_rule_match mt = {ru->name, ri, m.tok0 + pos, m.tok0 + (uint32_t)end, out, ru->ncaps};
      count++;
      if (cb && cb(ctx, &mt)) stop = 1;
      pos = (uint32_t)end;
    }
    c = c1;
  }
  free(mask);
done:
  if (!nested) { /* the scratch, for the next sentence */
    rc->cs = cs, rc->capc = capc;
    rc->visited = m.visited, rc->capv = capv;
    rc->stack = m.stack, rc->caps = m.stack_cap;
    rc->busy = 0;
  }
  return count;
}

int td_rules_layer_may_end(const td_rules *r, const char *layer, const td_doc *doc, uint32_t tok) {
  int l = layer_index(r, layer ? layer : "");
  if (l < 0 || tok > doc->ntoks) return 0;
  if (r->lunindexed[l] || r->lspan[l] < 0) return 1;
  uint32_t bit = layer_bit(l);
  /* a match ending at tok begins at one of the lspan tokens before it, on
   * a token whose lower form or lemma is a key of the layer (as match()
   * picks its start tokens) */
  for (uint32_t p = tok, k = 0; p > 0 && k < (uint32_t)r->lspan[l]; k++) {
    size_t a, b, la, lb;
    if (tok_keys(r, &doc->toks[--p], &a, &b, &la, &lb) & bit) return 1;
  }
  return 0;
}

int td_rules_match_sentence(const td_rules *r, const td_engine *eng, td_doc *doc, size_t sent,
                            td_rule_cb cb, void *ctx) {
  return match(r, -1, -1, eng, doc, sent, cb, ctx);
}

int td_rules_match_rule(const td_rules *r, int which, const td_engine *eng, td_doc *doc,
                        size_t sent, td_rule_cb cb, void *ctx) {
  if (!r || which < 0 || (size_t)which >= r->n) return 0;
  return match(r, -1, which, eng, doc, sent, cb, ctx);
}

int td_rules_match_layer(const td_rules *r, const char *layer, const td_engine *eng, td_doc *doc,
                         size_t sent, td_rule_cb cb, void *ctx) {
  int l = layer_index(r, layer ? layer : "");
  if (l < 0) return 0;
  return match(r, l, -1, eng, doc, sent, cb, ctx);
}
