/*
 * date.h -- dates as CRM vendors export them, to ISO 8601 (YYYY-MM-DD).
 *
 * Accepted: ISO (2021-03-04, with a time and a zone: 2021-03-04T10:22:33Z,
 * 2021-03-04 10:22:33+01:00), YYYY/MM/DD, YYYYMMDD, D.M.YYYY, D/M/YYYY,
 * D-M-YYYY and their month-first twins, two-digit years, month names in
 * English, German, French and Spanish (4 Mar 2021, March 4, 2021,
 * 04-Mar-21, 4. März 2021), and Excel serial day numbers (1900 date
 * system; 60 is the 29 February 1900 Excel believes in) when a column is
 * known to hold dates. A time of day is dropped.
 *
 * Day or month first? 03/04/2021 is ambiguous; a column's order is decided
 * from its values by wn_date_vote: a first number above 12 proves day-first,
 * a second above 12 proves month-first, and the proofs are counted.
 *
 * Two-digit years: 00..(this year + 10 - 2000) are 20xx, the rest 19xx, so a
 * birth year 85 is 1985 and a contract year 27 is 2027.
 */
#ifndef WN_DATE_H
#define WN_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "norm.h"

typedef enum wn_date_order { WN_DATE_UNKNOWN = 0, WN_DATE_DMY, WN_DATE_MDY } wn_date_order;

typedef struct wn_date_vote {
    uint64_t day_first, month_first;
} wn_date_vote;

void wn_date_vote_init(wn_date_vote *v);
void wn_date_vote_add(wn_date_vote *v, const char *s, size_t len);
/* The order the proofs point to; `fallback` when none or a tie. */
wn_date_order wn_date_vote_result(const wn_date_vote *v, wn_date_order fallback);

/* Normalizes one date; ambiguous numeric dates follow `order` (UNKNOWN:
 * month first). `out` gets YYYY-MM-DD. Impossible dates (31 April) are
 * INVALID. `allow_serial`: a bare number 1..80000 is an Excel serial day. */
wn_norm_status wn_date_normalize(const char *s, size_t len, wn_date_order order,
                                 bool allow_serial, wn_buf *out);

/* Days since 1970-01-01 of a valid ISO date, for date distances. */
int64_t wn_date_days(int year, int month, int day);

#endif
