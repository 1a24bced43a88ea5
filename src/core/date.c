/*
 * date.c — calendar arithmetic shared by the layers that read dates (HTML
 * metadata, the time layer, the knowledge base's merge windows): days since
 * 1970-01-01 in the proleptic Gregorian calendar, both ways, by the
 * era/day-of-era method (400-year eras of 146,097 days), exact for any year
 * a long holds.
 */
#include "core.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

long td_days_from_civil(long y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void td_civil_from_days(long days, long *y, int *m, int *d) {
  long z = days + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

const char *const td_month_names[13] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december", NULL};

int td_month_days(long y, int m) {
  static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return md[m - 1];
}

int td_valid_day(long y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= td_month_days(y, m);
}

/* ---- date strings (metadata: HTML, JSON Lines) ---- */

static int is_ws_date(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static const char *const month_abbr[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
    "nov", "dec"};

static int valid_ymd(int y, int mo, int d) {
  return y >= 1900 && y <= 2100 && td_valid_day(y, mo, d);
}

static int month_at(const char *s) {
  for (int i = 0; i < 12; i++)
    if (strncasecmp(s, month_abbr[i], 3) == 0) return i + 1;
  return 0;
}

int td_date_parse(const char *s, char out[11]) {
  int y = 0, mo = 0, d = 0;
  const char *p = s;
  while (*p && is_ws_date((unsigned char)*p)) p++;
  /* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD */
  if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
      isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])) {
    char *e;
    long v = strtol(p, &e, 10);
    if (e - p == 8) {
      y = (int)(v / 10000), mo = (int)(v / 100 % 100), d = (int)(v % 100);
    } else if (e - p == 4 && (*e == '-' || *e == '/' || *e == '.')) {
      char sep = *e;
      y = (int)v;
      mo = (int)strtol(e + 1, &e, 10);
      if (*e == sep) d = (int)strtol(e + 1, &e, 10);
      else d = 1;
    } else if (e - p == 10 || e - p == 13) { /* Unix seconds or ms */
      long long t = strtoll(p, NULL, 10);
      if (e - p == 13) t /= 1000;
      long yy;
      td_civil_from_days((long)(t / 86400), &yy, &mo, &d);
      y = (int)yy;
    }
  } else {
    /* skip a weekday ("Fri, ") */
    const char *q = p;
    if (isalpha((unsigned char)q[0]) && !month_at(q)) {
      while (*q && *q != ',' && *q != ' ') q++;
      while (*q == ',' || *q == ' ') q++;
    }
    if ((mo = month_at(q))) { /* July 24, 2015 */
      while (isalpha((unsigned char)*q) || *q == '.') q++;
      char *e;
      d = (int)strtol(q, &e, 10);
      while (*e == ',' || *e == ' ' || isalpha((unsigned char)*e)) e++;
      y = (int)strtol(e, NULL, 10);
    } else if (isdigit((unsigned char)*q)) { /* 24 July 2015, 24.07.2015 */
      char *e;
      d = (int)strtol(q, &e, 10);
      if (*e == '.' || *e == '/' || *e == '-') {
        if (isdigit((unsigned char)e[1])) {
          mo = (int)strtol(e + 1, &e, 10);
          if (*e == '.' || *e == '/' || *e == '-') y = (int)strtol(e + 1, NULL, 10);
          if (strchr(q, '/') && d <= 12) { /* US order m/d/y */
            int t = d;
            d = mo, mo = t;
          }
        } else {
          e++;
        }
      }
      if (!mo) {
        while (*e == ' ' || *e == '.' || *e == '-') e++;
        mo = month_at(e);
        while (isalpha((unsigned char)*e) || *e == ' ' || *e == ',' || *e == '.' || *e == '-') e++;
        y = (int)strtol(e, NULL, 10);
      }
    }
  }
  if (!valid_ymd(y, mo, d)) return 0;
  snprintf(out, 11, "%04d-%02d-%02d", y, mo, d);
  return 1;
}
