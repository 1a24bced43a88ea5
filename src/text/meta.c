/*
 * meta.c — BASIC placeholder: finds no metadata in the text. The full
 * dateline / headline / source-line detection replaces this file.
 */
#include "text.h"

void td_text_meta_take(td_arena *arena, td_buf *text, td_text_meta *m) {
  (void)arena, (void)text, (void)m;
}
