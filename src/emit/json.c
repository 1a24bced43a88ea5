/*
 * json.c — writes a document as one `tidings/1` JSON object (DESIGN.md).
 * Byte spans become code-point spans here; layer references (indexes)
 * become ids ("a1", "t2"). Every layer is written, empty or not.
 */
#include "../doc.h"
#include "../lang/lang.h"

#include <math.h>
#include <string.h>

static void key(td_buf *b, const char *k) {
  td_buf_putc(b, '"');
  td_buf_puts(b, k);
  td_buf_put(b, "\":", 2);
}

/* Decimal digits of v (perf, issue 11: spans and ids are most of the
 * numbers written, and printf's machinery costs more than they do). */
static void put_u64(td_buf *b, unsigned long long v) {
  char t[24];
  int n = 0;
  do t[sizeof t - 1 - n++] = (char)('0' + v % 10), v /= 10;
  while (v);
  td_buf_put(b, t + sizeof t - n, (size_t)n);
}

static void put_i64(td_buf *b, long long v) {
  if (v < 0) {
    td_buf_putc(b, '-');
    put_u64(b, 0ULL - (unsigned long long)v);
  } else {
    put_u64(b, (unsigned long long)v);
  }
}

static void span(td_buf *b, const td_doc *d, td_span s) {
  td_buf_putc(b, '[');
  put_u64(b, td_doc_cp(d, s.start));
  td_buf_putc(b, ',');
  put_u64(b, td_doc_cp(d, s.end));
  td_buf_putc(b, ']');
}

static void opt_span(td_buf *b, const td_doc *d, td_span s) {
  if (s.start == 0 && s.end == 0) td_buf_puts(b, "null");
  else span(b, d, s);
}

static void ref(td_buf *b, char prefix, int idx) {
  if (idx < 0) td_buf_puts(b, "null");
  else {
    char t[2] = {'"', prefix};
    td_buf_put(b, t, 2);
    put_i64(b, (long long)idx + 1);
    td_buf_putc(b, '"');
  }
}

static void num(td_buf *b, double v) {
  if (!isfinite(v)) td_buf_puts(b, "null");
  else if (v == (double)(long long)v && fabs(v) < 1e15) put_i64(b, (long long)v);
  else td_buf_printf(b, "%.6g", v);
}

static void text_of(td_buf *b, const td_doc *d, td_span s) {
  td_json_str(b, d->text + s.start, s.end - s.start);
}

static void spans(td_buf *b, const td_doc *d, const td_span *s, size_t n) {
  td_buf_putc(b, '[');
  for (size_t i = 0; i < n; i++) {
    if (i) td_buf_putc(b, ',');
    span(b, d, s[i]);
  }
  td_buf_putc(b, ']');
}

static void write_doc_meta(td_buf *b, const td_doc *d) {
  key(b, "doc");
  td_buf_putc(b, '{');
  key(b, "id"), td_json_cstr(b, d->id);
  td_buf_putc(b, ','), key(b, "source"), td_json_cstr(b, d->source);
  td_buf_putc(b, ','), key(b, "url"), td_json_cstr(b, d->url);
  td_buf_putc(b, ','), key(b, "title"), td_json_cstr(b, d->title);
  td_buf_putc(b, ','), key(b, "date"), td_json_cstr(b, d->date);
  td_buf_putc(b, ','), key(b, "date_from"), td_json_cstr(b, d->date_from ? d->date_from : "none");
  td_buf_putc(b, ','), key(b, "lang"), td_json_cstr(b, d->lang);
  if (d->wire_marker) td_buf_putc(b, ','), key(b, "wire_marker"), td_json_cstr(b, d->wire_marker);
  td_buf_putc(b, ','), key(b, "sha256"), td_json_cstr(b, d->sha256[0] ? d->sha256 : NULL);
  td_buf_putc(b, ','), key(b, "input_sha256"), td_json_cstr(b, d->input_sha256[0] ? d->input_sha256 : NULL);
  td_buf_putc(b, '}');
}

static void write_tokens(td_buf *b, const td_doc *d) {
  key(b, "tokens");
  td_buf_putc(b, '[');
  for (size_t i = 0; i < d->ntoks; i++) {
    const td_tok *t = &d->toks[i];
    if (i) td_buf_putc(b, ',');
    td_buf_putc(b, '{');
    key(b, "span"), span(b, d, (td_span){t->start, t->end});
    td_buf_putc(b, ','), key(b, "text"), text_of(b, d, (td_span){t->start, t->end});
    td_buf_putc(b, ','), key(b, "sentence"), td_buf_printf(b, "%u", t->sent);
    td_buf_putc(b, ','), key(b, "upos"), td_json_cstr(b, t->upos ? td_upos_names[t->upos] : NULL);
    td_buf_putc(b, ','), key(b, "xpos"), td_json_cstr(b, t->xpos ? td_xpos_names[t->xpos] : NULL);
    td_buf_putc(b, ','), key(b, "lemma"), td_json_cstr(b, t->lemma);
    td_buf_putc(b, ','), key(b, "head");
    if (t->head >= 0) td_buf_printf(b, "%d", t->head);
    else td_buf_puts(b, t->head == -1 ? "-1" : "null");
    td_buf_putc(b, ','), key(b, "deprel"), td_json_cstr(b, t->deprel ? td_deprel_names[t->deprel] : NULL);
    td_buf_putc(b, '}');
  }
  td_buf_putc(b, ']');
}

static void write_actors(td_buf *b, const td_doc *d) {
  key(b, "actors");
  td_buf_putc(b, '[');
  for (size_t i = 0; i < d->nactors; i++) {
    const td_actor *a = &d->actors[i];
    if (i) td_buf_putc(b, ',');
    td_buf_printf(b, "{\"id\":\"a%zu\",", i + 1);
    key(b, "entity"), td_json_cstr(b, a->entity);
    td_buf_putc(b, ','), key(b, "name"), td_json_cstr(b, a->name);
    td_buf_putc(b, ','), key(b, "kind"), td_json_cstr(b, a->kind);
    td_buf_putc(b, ','), key(b, "code"), td_json_cstr(b, a->code);
    td_buf_putc(b, ','), key(b, "country"), td_json_cstr(b, a->country);
    td_buf_putc(b, ','), key(b, "sector"), td_json_cstr(b, a->sector);
    td_buf_putc(b, ','), key(b, "role"), td_json_cstr(b, a->role);
    td_buf_printf(b, ",\"role_past\":%s,\"known\":%s,", a->role_past ? "true" : "false",
                  a->known ? "true" : "false");
    key(b, "mentions"), spans(b, d, a->mentions, a->nmentions);
    td_buf_putc(b, '}');
  }
  td_buf_putc(b, ']');
}

static void write_places(td_buf *b, const td_doc *d) {
  key(b, "places");
  td_buf_putc(b, '[');
  for (size_t i = 0; i < d->nplaces; i++) {
    const td_place *p = &d->places[i];
    if (i) td_buf_putc(b, ',');
    td_buf_printf(b, "{\"id\":\"p%zu\",", i + 1);
    key(b, "name"), td_json_cstr(b, p->name);
    td_buf_putc(b, ','), key(b, "geonameid");
    if (p->geonameid) td_buf_printf(b, "%ld", p->geonameid);
    else td_buf_puts(b, "null");
    td_buf_putc(b, ','), key(b, "country"), td_json_cstr(b, p->country);
    td_buf_putc(b, ','), key(b, "feature"), td_json_cstr(b, p->feature);
    td_buf_putc(b, ','), key(b, "lat");
    if (p->has_coord) num(b, p->lat); else td_buf_puts(b, "null");
    td_buf_putc(b, ','), key(b, "lon");
    if (p->has_coord) num(b, p->lon); else td_buf_puts(b, "null");
    td_buf_putc(b, ','), key(b, "mentions"), spans(b, d, p->mentions, p->nmentions);
    td_buf_putc(b, '}');
  }
  td_buf_putc(b, ']');
}

static void write_times(td_buf *b, const td_doc *d) {
  key(b, "times");
  td_buf_putc(b, '[');
  for (size_t i = 0; i < d->ntimes; i++) {
    const td_time *t = &d->times[i];
    if (i) td_buf_putc(b, ',');
    td_buf_printf(b, "{\"id\":\"t%zu\",", i + 1);
    key(b, "text"), text_of(b, d, t->span);
    td_buf_putc(b, ','), key(b, "type"), td_json_cstr(b, t->type);
    td_buf_putc(b, ','), key(b, "value"), td_json_cstr(b, t->value);
    td_buf_putc(b, ','), key(b, "span"), span(b, d, t->span);
    td_buf_putc(b, '}');
  }
  td_buf_putc(b, ']');
}

static void write_quotes(td_buf *b, const td_doc *d) {
  key(b, "quotes");
  td_buf_putc(b, '[');
  for (size_t i = 0; i < d->nquotes; i++) {
    const td_quote *q = &d->quotes[i];
    if (i) td_buf_putc(b, ',');
    td_buf_printf(b, "{\"id\":\"q%zu\",", i + 1);
    /* text: the parts joined by a space when the cue interrupts */
    td_buf tx = TD_BUF_INIT;
    if (q->nspans > 1) {
      for (size_t k = 0; k < q->nspans; k++) {
        if (k) td_buf_putc(&tx, ' ');
        td_buf_put(&tx, d->text + q->spans[k].start, q->spans[k].end - q->spans[k].start);
      }
    } else {
      td_buf_put(&tx, d->text + q->span.start, q->span.end - q->span.start);
    }
    key(b, "text"), td_json_str(b, tx.ptr ? tx.ptr : "", tx.len);
    td_buf_free(&tx);
    td_buf_putc(b, ','), key(b, "span"), span(b, d, q->span);
    td_buf_putc(b, ','), key(b, "spans");
    if (q->nspans) spans(b, d, q->spans, q->nspans);
    else spans(b, d, &q->span, 1);
    td_buf_putc(b, ','), key(b, "speaker"), ref(b, 'a', q->speaker);
    td_buf_putc(b, ','), key(b, "speaker_text");
    if (q->speaker_span.end > q->speaker_span.start) text_of(b, d, q->speaker_span);
    else td_buf_puts(b, "null");
    td_buf_putc(b, ','), key(b, "speaker_span"), opt_span(b, d, q->speaker_span);
    td_buf_putc(b, ','), key(b, "cue");
    if (q->cue_span.end > q->cue_span.start) text_of(b, d, q->cue_span);
    else td_buf_puts(b, "null");
    td_buf_putc(b, ','), key(b, "cue_span"), opt_span(b, d, q->cue_span);
    td_buf_printf(b, ",\"partial\":%s,", q->partial ? "true" : "false");
    key(b, "time"), ref(b, 't', q->time);
    td_buf_printf(b, ",\"sentence\":%d,\"confidence\":", q->sentence);
    num(b, q->confidence);
    td_buf_putc(b, '}');
  }
  td_buf_putc(b, ']');
}

static void write_quantities(td_buf *b, const td_doc *d) {
  key(b, "quantities");
  td_buf_putc(b, '[');
  for (size_t i = 0; i < d->nquants; i++) {
    const td_quantity *q = &d->quants[i];
    if (i) td_buf_putc(b, ',');
    td_buf_printf(b, "{\"id\":\"n%zu\",", i + 1);
    key(b, "text"), text_of(b, d, q->span);
    td_buf_putc(b, ','), key(b, "value"), num(b, q->value);
    td_buf_putc(b, ','), key(b, "value_max");
    if (q->has_max) num(b, q->value_max); else td_buf_puts(b, "null");
    td_buf_putc(b, ','), key(b, "qualifier"), td_json_cstr(b, q->qualifier);
    td_buf_putc(b, ','), key(b, "unit"), td_json_cstr(b, q->unit);
    td_buf_putc(b, ','), key(b, "measure"), td_json_cstr(b, q->measure);
    td_buf_putc(b, ','), key(b, "status"), td_json_cstr(b, q->status);
    td_buf_putc(b, ','), key(b, "about"), ref(b, 'a', q->about);
    td_buf_putc(b, ','), key(b, "claimed_by"), ref(b, 'a', q->claimed_by);
    td_buf_putc(b, ','), key(b, "claimed_by_text");
    if (q->claimed_by_span.end > q->claimed_by_span.start) text_of(b, d, q->claimed_by_span);
    else td_buf_puts(b, "null");
    td_buf_putc(b, ','), key(b, "time"), ref(b, 't', q->time);
    td_buf_putc(b, ','), key(b, "span"), span(b, d, q->span);
    td_buf_printf(b, ",\"sentence\":%d,\"confidence\":", q->sentence);
    num(b, q->confidence);
    td_buf_putc(b, '}');
  }
  td_buf_putc(b, ']');
}

/* Facts that follow from a CAMEO code; provided by the events layer. */
int td_cameo_info(const char *code, int *quad, double *goldstein,
                  const char **plover, const char **plover_mode);

static void write_events(td_buf *b, const td_doc *d) {
  key(b, "events");
  td_buf_putc(b, '[');
  for (size_t i = 0; i < d->nevents; i++) {
    const td_event *e = &d->events[i];
    int quad = 0;
    double gold = 0;
    const char *plover = NULL, *mode = NULL;
    td_cameo_info(e->cameo, &quad, &gold, &plover, &mode);
    if (i) td_buf_putc(b, ',');
    td_buf_printf(b, "{\"id\":\"e%zu\",\"mention\":\"m%d\",", i + 1, e->mention + 1);
    key(b, "cameo"), td_json_cstr(b, e->cameo);
    td_buf_putc(b, ','), key(b, "root");
    td_json_str(b, e->cameo ? e->cameo : "", e->cameo && strlen(e->cameo) >= 2 ? 2 : 0);
    td_buf_printf(b, ",\"quad\":%d,\"goldstein\":", quad);
    num(b, gold);
    td_buf_putc(b, ','), key(b, "plover"), td_json_cstr(b, plover);
    td_buf_putc(b, ','), key(b, "plover_mode"), td_json_cstr(b, mode);
    td_buf_putc(b, ','), key(b, "source"), ref(b, 'a', e->source);
    td_buf_putc(b, ','), key(b, "target"), ref(b, 'a', e->target);
    td_buf_putc(b, ','), key(b, "source_code");
    td_json_cstr(b, e->source >= 0 ? d->actors[e->source].code : NULL);
    td_buf_putc(b, ','), key(b, "target_code");
    td_json_cstr(b, e->target >= 0 ? d->actors[e->target].code : NULL);
    td_buf_putc(b, ','), key(b, "verb"), text_of(b, d, e->verb_span);
    td_buf_putc(b, ','), key(b, "verb_span"), span(b, d, e->verb_span);
    td_buf_putc(b, ','), key(b, "source_span"), opt_span(b, d, e->source_span);
    td_buf_putc(b, ','), key(b, "target_span"), opt_span(b, d, e->target_span);
    td_buf_printf(b, ",\"polarity\":\"%s\",", e->negative ? "negative" : "positive");
    key(b, "modality"), td_json_cstr(b, e->modality ? e->modality : "actual");
    td_buf_putc(b, ','), key(b, "attributed_to"), ref(b, 'a', e->attributed_to);
    td_buf_putc(b, ','), key(b, "time"), ref(b, 't', e->time);
    td_buf_putc(b, ','), key(b, "date");
    td_json_cstr(b, e->time >= 0 ? d->times[e->time].value : NULL);
    td_buf_putc(b, ','), key(b, "place"), ref(b, 'p', e->place);
    td_buf_printf(b, ",\"sentence\":%d,", e->sentence);
    key(b, "span"), span(b, d, e->span);
    td_buf_puts(b, ",\"confidence\":");
    num(b, e->confidence);
    td_buf_putc(b, '}');
  }
  td_buf_putc(b, ']');
}

char *td_doc_to_json(const td_doc *d, size_t *len) {
  td_buf b = TD_BUF_INIT;
  td_buf_reserve(&b, d->len * 2 + 1024);
  td_buf_puts(&b, "{\"schema\":\"tidings/1\",\"producer\":{\"tidings\":\"" TD_VERSION
                  "\",\"resources\":");
  td_json_cstr(&b, d->eng ? td_engine_resources_hash(d->eng) : NULL);
  td_buf_puts(&b, "},");
  write_doc_meta(&b, d);
  if (d->error) {
    td_buf_putc(&b, ','), key(&b, "error"), td_json_cstr(&b, d->error);
  }
  td_buf_putc(&b, ','), key(&b, "text");
  td_json_str(&b, d->text ? d->text : "", d->len);
  td_buf_putc(&b, ','), key(&b, "sentences");
  td_buf_putc(&b, '[');
  for (size_t i = 0; i < d->nsents; i++) {
    if (i) td_buf_putc(&b, ',');
    span(&b, d, (td_span){d->sents[i].start, d->sents[i].end});
  }
  td_buf_putc(&b, ']');
  if (d->eng && d->eng->layer_tokens) td_buf_putc(&b, ','), write_tokens(&b, d);
  td_buf_putc(&b, ','), write_actors(&b, d);
  td_buf_putc(&b, ','), write_places(&b, d);
  td_buf_putc(&b, ','), write_times(&b, d);
  td_buf_putc(&b, ','), write_quotes(&b, d);
  td_buf_putc(&b, ','), write_quantities(&b, d);
  td_buf_putc(&b, ','), write_events(&b, d);
  td_buf_putc(&b, '}');
  return td_buf_detach(&b, len);
}
