/*
 * text.h — from raw input to segmented text: repair of scraped text,
 * metadata (dateline, headline, source line), language, sentences, tokens.
 * Private to libtidings.
 */
#ifndef TD_TEXT_H
#define TD_TEXT_H

#include "../doc.h"

/* normalize.c: builds doc->text (UTF-8, repaired) and the doc metadata from
 * the input: HTML is extracted first; plain text is repaired (broken words,
 * hard wraps, teasers, invalid UTF-8, control characters, odd spaces) and
 * its dateline, headline and source line move into the metadata. Given
 * metadata (in->title, ...) wins over what is detected. */
int td_normalize(const td_engine *eng, td_doc *doc, const td_input *in);

/* repair.c: repairs scraped plain text into out (see normalize). */
void td_repair_text(const td_engine *eng, const char *s, size_t n, td_buf *out);

/* meta.c: finds a leading dateline ("November 1, 2024"), a headline line
 * (a wire marker such as "(3rd LD)" or "(LEAD)" is split off it) and a
 * trailing "Source: ..." line in repaired text, and removes them from it.
 * Strings are allocated in arena; a field not found stays NULL. */
typedef struct td_text_meta {
  char *date;        /* YYYY-MM-DD, or --MM-DD from a dateline without a year */
  int text_year;     /* with --MM-DD: the latest year of a full date in the text (0: none) */
  char *title;
  char *wire_marker;
  char *source;
} td_text_meta;
void td_text_meta_take(td_arena *arena, td_buf *text, td_text_meta *m);

/* lang.c: ISO 639-1 code of the text's language ("en"), or "und". */
const char *td_detect_lang(const char *text, size_t len);

/* segment.c: fills doc->sents and doc->toks from doc->text. */
int td_segment(const td_engine *eng, td_doc *doc);

/* words.c: the word list used for repair, from the resource image. */
struct td_words *td_words_load(const td_res *res);
void td_words_free(struct td_words *w);
/* Frequency rank weight of a lowercase word (0 when unknown; higher = more
 * common). */
int td_words_score(const struct td_words *w, const char *word, size_t n);
/* Number of tokens the frequencies were counted over (0 without a list). */
uint32_t td_words_total(const struct td_words *w);

#endif
