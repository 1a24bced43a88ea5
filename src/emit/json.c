/*
 * json.c — writes a document as one `tidings/1` JSON object (DESIGN.md).
 * Byte spans become code-point spans here; layer references (indexes)
 * become ids ("a1", "t2"). Every layer is written, empty or not.
 *
 * Perf (issue 11): a record is thousands of small writes, so the bytes go
 * through the inline jc/jp below (a capacity test and a store; the buffer
 * grows through td_buf_reserve), keys are literals whose length the
 * compiler knows, and numbers are written digit by digit, never through
 * printf (except the fractions num() remembers, which fmt_g6 writes when
 * it can).
 */
#include "../doc.h"
#include "../lang/lang.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Appends byte c / bytes s[0..n) to b, keeping it NUL-terminated as the
 * td_buf_* calls do. */
static inline void jc(td_buf *b, char c) {
  if (b->len + 2 > b->cap) td_buf_reserve(b, 1);
  b->ptr[b->len++] = c;
  b->ptr[b->len] = 0;
}

static inline void jp(td_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) td_buf_reserve(b, n);
  memcpy(b->ptr + b->len, s, n);
  b->len += n;
  b->ptr[b->len] = 0;
}

/* A literal string; its length is known at compile time. */
#define JLIT(b, lit) jp((b), lit, sizeof(lit) - 1)
/* "k": for a literal key k. */
#define key(b, k) JLIT(b, "\"" k "\":")

/* Decimal digits of v (perf, issue 11: spans and ids are most of the
 * numbers written, and printf's machinery costs more than they do). */
static void put_u64(td_buf *b, unsigned long long v) {
  char t[24];
  jp(b, t, td_fmt_u64(t, v));
}

static void put_i64(td_buf *b, long long v) {
  char t[24];
  jp(b, t, td_fmt_i64(t, v));
}

static void put_bool(td_buf *b, int v) {
  if (v) JLIT(b, "true");
  else JLIT(b, "false");
}

/* {"id":"<prefix><i + 1>", */
static void open_item(td_buf *b, char prefix, size_t i) {
  char t[8] = {'{', '"', 'i', 'd', '"', ':', '"', prefix};
  jp(b, t, 8);
  put_u64(b, (unsigned long long)i + 1);
  JLIT(b, "\",");
}

static void span(td_buf *b, const td_doc *d, td_span s) {
  jc(b, '[');
  put_u64(b, td_doc_cp(d, s.start));
  jc(b, ',');
  put_u64(b, td_doc_cp(d, s.end));
  jc(b, ']');
}

static void opt_span(td_buf *b, const td_doc *d, td_span s) {
  if (s.start == 0 && s.end == 0) JLIT(b, "null");
  else span(b, d, s);
}

static void ref(td_buf *b, char prefix, int idx) {
  if (idx < 0) JLIT(b, "null");
  else {
    char t[2] = {'"', prefix};
    jp(b, t, 2);
    put_i64(b, (long long)idx + 1);
    jc(b, '"');
  }
}

/* %.6g of v (finite, not an integer below 1e15) at out without printf,
 * returning its length, when v lies in [1e-4, 1e6) and is not within a
 * hair of a rounding tie at the sixth significant digit; 0 otherwise (the
 * caller asks printf). The scaled value s = |v| * 10^k has one rounding
 * (10^k is exact for k <= 9), an error below 1e-9 here, so its rounding
 * to an integer is that of the exact value when the fraction is farther
 * than that from one half. */
static size_t fmt_g6(char *out, double v) {
  static const double lo[] = {1e5, 1e4, 1e3, 1e2, 1e1, 1e0, 1e-1, 1e-2, 1e-3, 1e-4};
  static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  static const uint32_t u10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                 1000000000};
  double a = v < 0 ? -v : v;
  if (!(a >= 1e-4 && a < 1e6)) return 0;
  int k = 0; /* decimals: 5 - the exponent */
  while (k < 9 && a < lo[k]) k++;
  double s = a * p10[k];
  if (!(s >= 100000.0 + 1e-6 && s < 999999.5 - 1e-6)) return 0;
  double f = floor(s), fr = s - f;
  if (fr > 0.5 - 1e-9 && fr < 0.5 + 1e-9) return 0;
  uint32_t n = (uint32_t)f + (fr > 0.5);
  uint32_t ip = n / u10[k], fp = n % u10[k];
  size_t len = 0;
  if (v < 0) out[len++] = '-';
  len += td_fmt_u64(out + len, ip);
  if (fp) {
    int d = k;
    while (fp % 10 == 0) fp /= 10, d--;
    out[len++] = '.';
    for (int q = d - 1; q >= 0; q--) out[len + (size_t)q] = (char)('0' + fp % 10), fp /= 10;
    len += (size_t)d;
  }
  return len;
}

/* Fractions as printf's %.6g writes them, remembered per thread (perf,
 * issue 11: they are mostly confidences and coordinates that repeat, and
 * printf was two formatting passes each). A slot holds the value's bits
 * and its text; a miss formats (fmt_g6, else printf) and fills the slot. */
#define NUMCACHE 256
static __thread struct {
  uint64_t bits;
  char len, text[23];
} numcache[NUMCACHE];

static void num(td_buf *b, double v) {
  if (!isfinite(v)) {
    JLIT(b, "null");
    return;
  }
  if (fabs(v) < 1e15 && v == (double)(long long)v) { /* the cast only in range (UB beyond) */
    put_i64(b, (long long)v);
    return;
  }
  uint64_t bits;
  memcpy(&bits, &v, sizeof bits);
  unsigned h = (unsigned)((bits * 0x9E3779B97F4A7C15ull) >> 56) % NUMCACHE;
  if (!numcache[h].len || numcache[h].bits != bits) { /* %.6g: 13 bytes at most */
    numcache[h].bits = bits;
    size_t n = fmt_g6(numcache[h].text, v);
    numcache[h].len = n ? (char)n : (char)snprintf(numcache[h].text, sizeof numcache[h].text, "%.6g", v);
  }
  jp(b, numcache[h].text, (size_t)numcache[h].len);
}

static void text_of(td_buf *b, const td_doc *d, td_span s) {
  td_json_str(b, d->text + s.start, s.end - s.start);
}

static void spans(td_buf *b, const td_doc *d, const td_span *s, size_t n) {
  jc(b, '[');
  for (size_t i = 0; i < n; i++) {
    if (i) jc(b, ',');
    span(b, d, s[i]);
  }
  jc(b, ']');
}

static void write_doc_meta(td_buf *b, const td_doc *d) {
  key(b, "doc");
  jc(b, '{');
  key(b, "id"), td_json_cstr(b, d->id);
  jc(b, ','), key(b, "source"), td_json_cstr(b, d->source);
  jc(b, ','), key(b, "url"), td_json_cstr(b, d->url);
  jc(b, ','), key(b, "title"), td_json_cstr(b, d->title);
  jc(b, ','), key(b, "date"), td_json_cstr(b, d->date);
  jc(b, ','), key(b, "date_from"), td_json_cstr(b, d->date_from ? d->date_from : "none");
  jc(b, ','), key(b, "lang"), td_json_cstr(b, d->lang);
  if (d->wire_marker) jc(b, ','), key(b, "wire_marker"), td_json_cstr(b, d->wire_marker);
  jc(b, ','), key(b, "sha256"), td_json_cstr(b, d->sha256[0] ? d->sha256 : NULL);
  jc(b, ','), key(b, "input_sha256"), td_json_cstr(b, d->input_sha256[0] ? d->input_sha256 : NULL);
  jc(b, '}');
}

static void write_tokens(td_buf *b, const td_doc *d) {
  key(b, "tokens");
  jc(b, '[');
  for (size_t i = 0; i < d->ntoks; i++) {
    const td_tok *t = &d->toks[i];
    if (i) jc(b, ',');
    jc(b, '{');
    key(b, "span"), span(b, d, (td_span){t->start, t->end});
    jc(b, ','), key(b, "text"), text_of(b, d, (td_span){t->start, t->end});
    jc(b, ','), key(b, "sentence"), put_u64(b, t->sent);
    jc(b, ','), key(b, "upos"), td_json_cstr(b, t->upos ? td_upos_names[t->upos] : NULL);
    jc(b, ','), key(b, "xpos"), td_json_cstr(b, t->xpos ? td_xpos_names[t->xpos] : NULL);
    jc(b, ','), key(b, "lemma"), td_json_cstr(b, t->lemma);
    jc(b, ','), key(b, "head");
    if (t->head >= 0) put_i64(b, t->head);
    else td_buf_puts(b, t->head == -1 ? "-1" : "null");
    jc(b, ','), key(b, "deprel"), td_json_cstr(b, t->deprel ? td_deprel_names[t->deprel] : NULL);
    jc(b, '}');
  }
  jc(b, ']');
}

static void write_actors(td_buf *b, const td_doc *d) {
  key(b, "actors");
  jc(b, '[');
  for (size_t i = 0; i < d->nactors; i++) {
    const td_actor *a = &d->actors[i];
    if (i) jc(b, ',');
    open_item(b, 'a', i);
    key(b, "entity"), td_json_cstr(b, a->entity);
    jc(b, ','), key(b, "name"), td_json_cstr(b, a->name);
    jc(b, ','), key(b, "kind"), td_json_cstr(b, a->kind);
    jc(b, ','), key(b, "code"), td_json_cstr(b, a->code);
    jc(b, ','), key(b, "country"), td_json_cstr(b, a->country);
    jc(b, ','), key(b, "sector"), td_json_cstr(b, a->sector);
    jc(b, ','), key(b, "role"), td_json_cstr(b, a->role);
    JLIT(b, ",\"role_past\":"), put_bool(b, a->role_past);
    JLIT(b, ",\"known\":"), put_bool(b, a->known), jc(b, ',');
    key(b, "mentions"), spans(b, d, a->mentions, a->nmentions);
    jc(b, '}');
  }
  jc(b, ']');
}

static void write_places(td_buf *b, const td_doc *d) {
  key(b, "places");
  jc(b, '[');
  for (size_t i = 0; i < d->nplaces; i++) {
    const td_place *p = &d->places[i];
    if (i) jc(b, ',');
    open_item(b, 'p', i);
    key(b, "name"), td_json_cstr(b, p->name);
    jc(b, ','), key(b, "geonameid");
    if (p->geonameid) put_i64(b, p->geonameid);
    else JLIT(b, "null");
    jc(b, ','), key(b, "country"), td_json_cstr(b, p->country);
    jc(b, ','), key(b, "feature"), td_json_cstr(b, p->feature);
    jc(b, ','), key(b, "lat");
    if (p->has_coord) num(b, p->lat); else JLIT(b, "null");
    jc(b, ','), key(b, "lon");
    if (p->has_coord) num(b, p->lon); else JLIT(b, "null");
    jc(b, ','), key(b, "mentions"), spans(b, d, p->mentions, p->nmentions);
    jc(b, '}');
  }
  jc(b, ']');
}

static void write_times(td_buf *b, const td_doc *d) {
  key(b, "times");
  jc(b, '[');
  for (size_t i = 0; i < d->ntimes; i++) {
    const td_time *t = &d->times[i];
    if (i) jc(b, ',');
    open_item(b, 't', i);
    key(b, "text"), text_of(b, d, t->span);
    jc(b, ','), key(b, "type"), td_json_cstr(b, t->type);
    jc(b, ','), key(b, "value"), td_json_cstr(b, t->value);
    jc(b, ','), key(b, "span"), span(b, d, t->span);
    jc(b, '}');
  }
  jc(b, ']');
}

static void write_quotes(td_buf *b, const td_doc *d) {
  key(b, "quotes");
  jc(b, '[');
  for (size_t i = 0; i < d->nquotes; i++) {
    const td_quote *q = &d->quotes[i];
    if (i) jc(b, ',');
    open_item(b, 'q', i);
    /* text: the parts joined by a space when the cue interrupts */
    td_buf tx = TD_BUF_INIT;
    if (q->nspans > 1) {
      for (size_t k = 0; k < q->nspans; k++) {
        if (k) jc(&tx, ' ');
        td_buf_put(&tx, d->text + q->spans[k].start, q->spans[k].end - q->spans[k].start);
      }
    } else {
      td_buf_put(&tx, d->text + q->span.start, q->span.end - q->span.start);
    }
    key(b, "text"), td_json_str(b, tx.ptr ? tx.ptr : "", tx.len);
    td_buf_free(&tx);
    jc(b, ','), key(b, "span"), span(b, d, q->span);
    jc(b, ','), key(b, "spans");
    if (q->nspans) spans(b, d, q->spans, q->nspans);
    else spans(b, d, &q->span, 1);
    jc(b, ','), key(b, "speaker"), ref(b, 'a', q->speaker);
    jc(b, ','), key(b, "speaker_text");
    if (q->speaker_span.end > q->speaker_span.start) text_of(b, d, q->speaker_span);
    else JLIT(b, "null");
    jc(b, ','), key(b, "speaker_span"), opt_span(b, d, q->speaker_span);
    jc(b, ','), key(b, "cue");
    if (q->cue_span.end > q->cue_span.start) text_of(b, d, q->cue_span);
    else JLIT(b, "null");
    jc(b, ','), key(b, "cue_span"), opt_span(b, d, q->cue_span);
    JLIT(b, ",\"partial\":"), put_bool(b, q->partial), jc(b, ',');
    key(b, "time"), ref(b, 't', q->time);
    JLIT(b, ",\"sentence\":"), put_i64(b, q->sentence), JLIT(b, ",\"confidence\":");
    num(b, q->confidence);
    jc(b, '}');
  }
  jc(b, ']');
}

static void write_quantities(td_buf *b, const td_doc *d) {
  key(b, "quantities");
  jc(b, '[');
  for (size_t i = 0; i < d->nquants; i++) {
    const td_quantity *q = &d->quants[i];
    if (i) jc(b, ',');
    open_item(b, 'n', i);
    key(b, "text"), text_of(b, d, q->span);
    jc(b, ','), key(b, "value"), num(b, q->value);
    jc(b, ','), key(b, "value_max");
    if (q->has_max) num(b, q->value_max); else JLIT(b, "null");
    jc(b, ','), key(b, "qualifier"), td_json_cstr(b, q->qualifier);
    jc(b, ','), key(b, "unit"), td_json_cstr(b, q->unit);
    jc(b, ','), key(b, "measure"), td_json_cstr(b, q->measure);
    jc(b, ','), key(b, "status"), td_json_cstr(b, q->status);
    jc(b, ','), key(b, "about"), ref(b, 'a', q->about);
    jc(b, ','), key(b, "claimed_by"), ref(b, 'a', q->claimed_by);
    jc(b, ','), key(b, "claimed_by_text");
    if (q->claimed_by_span.end > q->claimed_by_span.start) text_of(b, d, q->claimed_by_span);
    else JLIT(b, "null");
    jc(b, ','), key(b, "time"), ref(b, 't', q->time);
    jc(b, ','), key(b, "span"), span(b, d, q->span);
    JLIT(b, ",\"sentence\":"), put_i64(b, q->sentence), JLIT(b, ",\"confidence\":");
    num(b, q->confidence);
    jc(b, '}');
  }
  jc(b, ']');
}

/* Facts that follow from a CAMEO code; provided by the events layer. */
int td_cameo_info(const char *code, int *quad, double *goldstein,
                  const char **plover, const char **plover_mode);

/* An event's date: its time's value when that names a day, a month, a
 * week or a year (`2024-10-31`, `2024-10`, `2024-W44`, `2024`; a time of
 * day gives its day), the article's date for the present (`now`); null
 * for a duration, a set or a vague past or future, which date nothing. */
static void event_date(td_buf *b, const td_doc *d, const td_event *e) {
  const char *v = e->time >= 0 ? d->times[e->time].value : NULL;
  if (v && strcmp(v, "PRESENT_REF") == 0) {
    td_json_cstr(b, d->date);
    return;
  }
  size_t n = v ? strlen(v) : 0;
  int year = n >= 4 && isdigit((unsigned char)v[0]) && isdigit((unsigned char)v[1]) &&
             isdigit((unsigned char)v[2]) && isdigit((unsigned char)v[3]);
  if (!year || (n > 4 && v[4] != '-')) {
    td_json_cstr(b, NULL);
    return;
  }
  if (n > 10 && v[10] == 'T') n = 10; /* 2024-10-31T15:00 */
  int ok = n == 4 || (n == 7 && isdigit((unsigned char)v[5]) && isdigit((unsigned char)v[6])) ||
           (n == 8 && v[5] == 'W' && isdigit((unsigned char)v[6]) && isdigit((unsigned char)v[7])) ||
           (n == 10 && isdigit((unsigned char)v[5]) && v[7] == '-' && isdigit((unsigned char)v[8]) &&
            isdigit((unsigned char)v[9]));
  if (!ok) {
    td_json_cstr(b, NULL);
    return;
  }
  jc(b, '"'), td_buf_put(b, v, n), jc(b, '"');
}

static void write_events(td_buf *b, const td_doc *d) {
  key(b, "events");
  jc(b, '[');
  for (size_t i = 0; i < d->nevents; i++) {
    const td_event *e = &d->events[i];
    int quad = 0;
    double gold = 0;
    const char *plover = NULL, *mode = NULL;
    td_cameo_info(e->cameo, &quad, &gold, &plover, &mode);
    if (i) jc(b, ',');
    open_item(b, 'e', i);
    JLIT(b, "\"mention\":\"m");
    put_i64(b, (long long)e->mention + 1);
    JLIT(b, "\",");
    key(b, "cameo"), td_json_cstr(b, e->cameo);
    jc(b, ','), key(b, "root");
    td_json_str(b, e->cameo ? e->cameo : "", e->cameo && strlen(e->cameo) >= 2 ? 2 : 0);
    JLIT(b, ",\"quad\":"), put_i64(b, quad), JLIT(b, ",\"goldstein\":");
    num(b, gold);
    jc(b, ','), key(b, "plover"), td_json_cstr(b, plover);
    jc(b, ','), key(b, "plover_mode"), td_json_cstr(b, mode);
    jc(b, ','), key(b, "source"), ref(b, 'a', e->source);
    jc(b, ','), key(b, "target"), ref(b, 'a', e->target);
    jc(b, ','), key(b, "source_code");
    td_json_cstr(b, e->source >= 0 ? d->actors[e->source].code : NULL);
    jc(b, ','), key(b, "target_code");
    td_json_cstr(b, e->target >= 0 ? d->actors[e->target].code : NULL);
    jc(b, ','), key(b, "verb"), text_of(b, d, e->verb_span);
    jc(b, ','), key(b, "verb_span"), span(b, d, e->verb_span);
    jc(b, ','), key(b, "source_span"), opt_span(b, d, e->source_span);
    jc(b, ','), key(b, "target_span"), opt_span(b, d, e->target_span);
    if (e->negative) JLIT(b, ",\"polarity\":\"negative\",");
    else JLIT(b, ",\"polarity\":\"positive\",");
    key(b, "modality"), td_json_cstr(b, e->modality ? e->modality : "actual");
    jc(b, ','), key(b, "attributed_to"), ref(b, 'a', e->attributed_to);
    jc(b, ','), key(b, "time"), ref(b, 't', e->time);
    jc(b, ','), key(b, "date"), event_date(b, d, e);
    jc(b, ','), key(b, "place"), ref(b, 'p', e->place);
    JLIT(b, ",\"sentence\":"), put_i64(b, e->sentence), jc(b, ',');
    key(b, "span"), span(b, d, e->span);
    JLIT(b, ",\"confidence\":");
    num(b, e->confidence);
    jc(b, '}');
  }
  jc(b, ']');
}

char *td_doc_to_json(const td_doc *d, size_t *len) {
  td_buf b = TD_BUF_INIT;
  td_buf_reserve(&b, d->len * 2 + 1024);
  td_buf_puts(&b, "{\"schema\":\"tidings/1\",\"producer\":{\"tidings\":\"" TD_VERSION
                  "\",\"resources\":");
  td_json_cstr(&b, d->eng ? td_engine_resources_hash(d->eng) : NULL);
  JLIT(&b, "},");
  write_doc_meta(&b, d);
  if (d->error) {
    jc(&b, ','), key(&b, "error"), td_json_cstr(&b, d->error);
  }
  jc(&b, ','), key(&b, "text");
  td_json_str(&b, d->text ? d->text : "", d->len);
  jc(&b, ','), key(&b, "sentences");
  jc(&b, '[');
  for (size_t i = 0; i < d->nsents; i++) {
    if (i) jc(&b, ',');
    span(&b, d, (td_span){d->sents[i].start, d->sents[i].end});
  }
  jc(&b, ']');
  if (d->eng && d->eng->layer_tokens) jc(&b, ','), write_tokens(&b, d);
  jc(&b, ','), write_actors(&b, d);
  jc(&b, ','), write_places(&b, d);
  jc(&b, ','), write_times(&b, d);
  jc(&b, ','), write_quotes(&b, d);
  jc(&b, ','), write_quantities(&b, d);
  jc(&b, ','), write_events(&b, d);
  jc(&b, '}');
  return td_buf_detach(&b, len);
}
