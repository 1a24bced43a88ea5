/*
 * times.h — the times layer's private interface: the clause function later
 * layers use to date what they find, the TimeML evaluation, and the
 * normalizer entry the unit tests call. Private to libtidings.
 */
#ifndef TD_TIMES_H
#define TD_TIMES_H

#include "../doc.h"

#include <stdio.h>

/* Index into doc->times of the temporal expression that governs the clause
 * holding the byte span [start, end): an expression of the same sentence,
 * the closest one to the span, DATE/TIME preferred over DURATION/SET, and
 * one in the same clause (no sentence-internal quotation or semicolon
 * between) preferred over one farther away. -1 when the sentence has none. */
int td_time_for_span(const td_doc *doc, uint32_t start, uint32_t end);

/* Scores the times layer on every .tml file under dir (TimeML with a DCT,
 * e.g. TempEval-3's TBAQ): text is stripped of tags, the DCT becomes the
 * document date, and the found expressions are compared with the gold
 * TIMEX3s the TempEval-3 way (relaxed and strict extent P/R/F1, type
 * accuracy and value F1 on relaxed matches). Writes the figures (and, when
 * TD_TIMES_VERBOSE is set in the environment, every miss) to out.
 * Returns 0, or -1 when dir holds no readable .tml file. */
int td_eval_times(const td_engine *eng, const char *dir, FILE *out);

#endif
