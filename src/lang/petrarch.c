/*
 * petrarch.c — the PETRARCH / Phoenix / TABARI actor and agent dictionary
 * formats, read in memory into the matcher's (phrase, class, payload)
 * entries. td_dict_add_dir (matcher.c) calls it for the *.actors, *.agents
 * and recognized *.txt files of a --dict folder; the entries are those
 * tools/petrarch2tsv.py writes, so the actors layer reads them like any
 * other dictionary.
 *
 * Actor files: an entry `NAME_WORDS_ [CODE]` or `NAME_WORDS_`, then
 * `+SYNONYM_` lines and `[CODE DATES]` lines; DATES is `YYMMDD-YYMMDD`,
 * `>YYMMDD` (from) or `<YYMMDD` (until), 8-digit dates also read. An entry
 * with dated codes becomes a `person` with dated roles; a 3-letter code a
 * `country`; another code an `org.cameo`. Agent files: `WORD_ {PLURAL_ ...}
 * [~SECTOR]` lines become `sector` entries. `#` starts a comment; lines with
 * `!` (PETRARCH's pattern syntax) are skipped and counted.
 */
#include "petrarch.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"

typedef struct {
  char code[32];
  char start[11], end[11]; /* YYYY-MM-DD or "" */
} pcode;

typedef struct {
  td_dictb *b;
  char **names;
  size_t nnames, cap_names;
  pcode *codes;
  size_t ncodes, cap_codes;
  const char *file;
  long line;
  char *err;
  size_t errlen;
} pctx;

static int fail(pctx *c, const char *what) {
  snprintf(c->err, c->errlen, "%s:%ld: %s", c->file, c->line, what);
  return -1;
}

static int is_sp(int ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f'; }

/* A dictionary token as a phrase: trimmed, '+' and trailing '_' dropped,
 * '_' turned into spaces; lowercased when `lower`. Returns a malloc'd
 * string, "" when nothing is left. */
static char *phrase(const char *s, size_t n, int lower) {
  while (n && (is_sp((unsigned char)*s) || *s == '+')) s++, n--;
  while (n && (is_sp((unsigned char)s[n - 1]) || s[n - 1] == '+' || s[n - 1] == '_')) n--;
  char *out = td_xmalloc(n + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i] == '_' ? ' ' : s[i];
    if (lower) ch = (char)tolower((unsigned char)ch);
    out[k++] = ch;
  }
  while (k && out[k - 1] == ' ') k--;
  out[k] = 0;
  size_t lead = 0;
  while (out[lead] == ' ') lead++;
  if (lead) memmove(out, out + lead, k - lead + 1);
  return out;
}

/* YYMMDD (two-digit years above 40 are 19YY) or YYYYMMDD -> YYYY-MM-DD. */
static int parse_date(const char *s, size_t n, char out[11]) {
  if (n != 6 && n != 8) return -1;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return -1;
  char d[9];
  if (n == 6) {
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    memcpy(d, yy > 40 ? "19" : "20", 2);
    memcpy(d + 2, s, 6);
  } else {
    memcpy(d, s, 8);
  }
  snprintf(out, 11, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
  return 0;
}

/* The inside of one `[CODE DATES]`: s[0..n). 0, or -1 with *why. */
static int parse_code(const char *s, size_t n, pcode *c, const char **why) {
  memset(c, 0, sizeof *c);
  size_t i = 0;
  while (i < n && is_sp((unsigned char)s[i])) i++;
  while (i < n && s[i] == '~') i++;
  size_t k = 0;
  for (; i < n && !is_sp((unsigned char)s[i]); i++) {
    unsigned char ch = (unsigned char)s[i];
    if (!isalnum(ch)) return *why = "a code has letters and digits only", -1;
    if (k + 1 >= sizeof c->code) return *why = "code too long", -1;
    c->code[k++] = (char)toupper(ch);
  }
  if (!k) return *why = "empty code in [ ]", -1;
  while (i < n && is_sp((unsigned char)s[i])) i++;
  size_t d0 = i;
  while (i < n && !is_sp((unsigned char)s[i])) i++;
  size_t d1 = i;
  while (i < n && is_sp((unsigned char)s[i])) i++;
  if (i < n) return *why = "more than a code and a date range in [ ]", -1;
  if (d0 == d1) return 0;
  const char *d = s + d0;
  size_t dn = d1 - d0;
  *why = "bad date range (YYMMDD-YYMMDD, >YYMMDD or <YYMMDD)";
  if (d[0] == '>') return parse_date(d + 1, dn - 1, c->start);
  if (d[0] == '<') return parse_date(d + 1, dn - 1, c->end);
  const char *dash = memchr(d, '-', dn);
  if (!dash) return -1;
  size_t a = (size_t)(dash - d);
  if (parse_date(d, a, c->start) || parse_date(dash + 1, dn - a - 1, c->end)) return -1;
  return 0;
}

/* Adds one entry; empty phrases are dropped. */
static void add(pctx *c, const char *ph, const char *cls, const char *payload) {
  if (*ph) td_dictb_add(c->b, ph, cls, payload, 0);
}

/* The actor entry gathered so far (names + codes) as entries; clears it. */
static void emit_actor(pctx *c) {
  if (c->nnames && c->ncodes) {
    const char *first = c->names[0];
    char *canon = td_xstrdup(first), *ent = td_xmalloc(strlen(first) + 1);
    int word = 0;
    for (char *p = canon; *p; p++) { /* Python's str.title() over ASCII */
      unsigned char ch = (unsigned char)*p;
      int letter = isalpha(ch) || ch >= 0x80;
      if (isalpha(ch)) *p = (char)(word ? tolower(ch) : toupper(ch));
      word = letter;
    }
    size_t k = 0;
    for (const char *p = first; *p; p++) { /* [^a-z0-9]+ -> '-' */
      unsigned char ch = (unsigned char)tolower((unsigned char)*p);
      if (isdigit(ch) || (ch >= 'a' && ch <= 'z')) ent[k++] = (char)ch;
      else if (k && ent[k - 1] != '-') ent[k++] = '-';
    }
    while (k && ent[k - 1] == '-') k--;
    ent[k] = 0;
    int dated = 0;
    for (size_t i = 0; i < c->ncodes; i++)
      if (*c->codes[i].start || *c->codes[i].end) dated = 1;
    td_buf pay = {0};
    const char *c0 = c->codes[0].code, *cls;
    int igo0 = strncmp(c0, "IGO", 3) == 0;
    if (dated) {
      cls = "person";
      td_buf_printf(&pay, "%s|%s|-|", ent, canon);
      for (size_t i = 0; i < c->ncodes; i++) {
        const pcode *p = &c->codes[i];
        if (i) td_buf_putc(&pay, ';');
        if (strncmp(p->code, "IGO", 3) == 0)
          td_buf_printf(&pay, "%s,,,%s,%s", p->code, p->start, p->end);
        else
          td_buf_printf(&pay, "%.3s,%.3s,%.3s,%s,%s", p->code,
                        strlen(p->code) > 3 ? p->code + 3 : "",
                        strlen(p->code) > 3 ? p->code + 3 : "", p->start, p->end);
      }
    } else if (strlen(c0) == 3 && !igo0) {
      cls = "country";
      td_buf_puts(&pay, c0);
    } else {
      cls = "org.cameo";
      td_buf_printf(&pay, "%s|%s|%s|%.3s|%.3s", c0, ent, canon, igo0 ? "" : c0,
                    strlen(c0) > 3 ? c0 + 3 : "");
    }
    td_buf_putc(&pay, 0);
    for (size_t i = 0; i < c->nnames; i++) add(c, c->names[i], cls, pay.ptr);
    td_buf_free(&pay);
    free(canon);
    free(ent);
  }
  for (size_t i = 0; i < c->nnames; i++) free(c->names[i]);
  c->nnames = c->ncodes = 0;
}

static void push_name(pctx *c, char *name) {
  if (!*name) {
    free(name);
    return;
  }
  TD_GROW(c->names, c->cap_names, c->nnames + 1);
  c->names[c->nnames++] = name;
}

/* `NAME [CODE]`, `+NAME [CODE]` or `[CODE]` (s[0..n), trimmed): the name
 * goes to the entry, the code to its codes. */
static int actor_parts(pctx *c, const char *s, size_t n) {
  const char *open = memchr(s, '[', n);
  size_t nl = open ? (size_t)(open - s) : n;
  if (memchr(s, ']', nl)) return fail(c, "']' without '['");
  push_name(c, phrase(s, nl, 0));
  if (!open) return 0;
  const char *rest = open + 1, *end = s + n;
  const char *close = memchr(rest, ']', (size_t)(end - rest));
  if (!close) return fail(c, "'[' without ']'");
  for (const char *p = close + 1; p < end; p++) {
    if (*p == ';') break; /* TABARI's trailing comment */
    if (!is_sp((unsigned char)*p)) return fail(c, "text after ']'");
  }
  pcode code;
  const char *why = NULL;
  if (parse_code(rest, (size_t)(close - rest), &code, &why)) return fail(c, why);
  TD_GROW(c->codes, c->cap_codes, c->ncodes + 1);
  c->codes[c->ncodes++] = code;
  return 0;
}

static int actor_line(pctx *c, const char *s, size_t n) {
  if (*s == '[' || *s == '+') return actor_parts(c, s, n);
  emit_actor(c);
  return actor_parts(c, s, n);
}

static int agent_line(pctx *c, const char *s, size_t n) {
  const char *end = s + n, *p = s;
  while (p < end && *p != '{' && *p != '[') p++;
  if (p == end) return fail(c, "no [~SECTOR] code");
  char *w = phrase(s, (size_t)(p - s), 1);
  const char *pl = NULL, *ple = NULL;
  if (*p == '{') {
    pl = p + 1;
    ple = memchr(pl, '}', (size_t)(end - pl));
    if (!ple) {
      free(w);
      return fail(c, "'{' without '}'");
    }
    p = ple + 1;
    while (p < end && is_sp((unsigned char)*p)) p++;
  }
  if (p == end || *p != '[') {
    free(w);
    return fail(c, "no [~SECTOR] code");
  }
  const char *q = p + 1;
  if (q < end && *q == '~') q++;
  char sec[4];
  int k = 0;
  while (k < 3 && q < end && *q >= 'A' && *q <= 'Z') sec[k++] = *q++;
  sec[k] = 0;
  while (q < end && *q >= 'A' && *q <= 'Z') q++; /* GOVMIL: the first sector */
  if (k < 3 || q == end || *q != ']') {
    free(w);
    return fail(c, "the code is not [~SECTOR] (three capitals)");
  }
  add(c, w, "sector", sec);
  free(w);
  while (pl && pl < ple) {
    while (pl < ple && is_sp((unsigned char)*pl)) pl++;
    const char *t = pl;
    while (pl < ple && !is_sp((unsigned char)*pl)) pl++;
    if (pl > t) {
      char *pw = phrase(t, (size_t)(pl - t), 1);
      add(c, pw, "sector", sec);
      free(pw);
    }
  }
  return 0;
}

int td_petrarch_add(td_dictb *b, int kind, const char *name, const char *text, size_t len,
                    size_t *skipped, char *err, size_t errlen) {
  pctx c = {.b = b, .file = name, .err = err, .errlen = errlen};
  size_t skip = 0;
  int rc = 0;
  for (size_t i = 0; i < len && rc == 0;) {
    const char *s = text + i, *nl = memchr(s, '\n', len - i);
    size_t n = nl ? (size_t)(nl - s) : len - i;
    i += n + 1;
    c.line++;
    if (memchr(s, 0, n)) {
      rc = fail(&c, "NUL byte");
      break;
    }
    const char *hash = memchr(s, '#', n);
    if (hash) n = (size_t)(hash - s);
    while (n && is_sp((unsigned char)*s)) s++, n--;
    while (n && is_sp((unsigned char)s[n - 1])) n--;
    if (!n) continue;
    if (memchr(s, '!', n)) {
      skip++;
      continue;
    }
    rc = kind == TD_PETRARCH_AGENTS ? agent_line(&c, s, n) : actor_line(&c, s, n);
  }
  if (kind != TD_PETRARCH_AGENTS) {
    if (rc != 0) c.ncodes = 0; /* free the names only */
    emit_actor(&c);
  }
  free(c.names);
  free(c.codes);
  if (skipped) *skipped += skip;
  return rc;
}

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && strcmp(s + a - b, suf) == 0;
}

int td_petrarch_kind(const char *name, const char *text, size_t len) {
  if (ends_with(name, ".actors") || ends_with(name, ".actors.txt")) return TD_PETRARCH_ACTORS;
  if (ends_with(name, ".agents") || ends_with(name, ".agents.txt")) return TD_PETRARCH_AGENTS;
  if (!ends_with(name, ".txt") || !text) return TD_PETRARCH_NONE;
  for (size_t i = 0; i < len;) { /* the first non-comment line decides */
    const char *s = text + i, *nl = memchr(s, '\n', len - i);
    size_t n = nl ? (size_t)(nl - s) : len - i;
    i += n + 1;
    while (n && is_sp((unsigned char)*s)) s++, n--;
    while (n && is_sp((unsigned char)s[n - 1])) n--;
    if (!n || *s == '#') continue;
    const char *br = memchr(s, '[', n);
    if (br && br + 1 < s + n && br[1] == '~') return TD_PETRARCH_AGENTS;
    /* NAME_ or NAME_ [CODE]: an underscore-joined upper-case name */
    size_t k = 0;
    while (k < n && (isupper((unsigned char)s[k]) || isdigit((unsigned char)s[k]) || s[k] == '_' ||
                     s[k] == '-' || s[k] == '.' || s[k] == '\''))
      k++;
    if (k > 1 && s[k - 1] == '_' && (k == n || s[k] == ' ' || s[k] == '\t'))
      return TD_PETRARCH_ACTORS;
    return TD_PETRARCH_NONE;
  }
  return TD_PETRARCH_NONE;
}
