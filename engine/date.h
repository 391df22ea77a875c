/*
 * date.h -- dates as CRM vendors export them, to ISO 8601 "YYYY-MM-DD".
 *
 * Understood (the time of day and zone, when present, are checked and then
 * dropped: the date is kept as written, in the writer's local time, because
 * a birth date or a "created" day is meant in that sense):
 *   2021-03-04, 2021/03/04, 2021.03.04, 20210304
 *   2021-03-04T10:22:33Z, 2021-03-04T10:22:33.123+01:00, 2021-03-04 10:22:33,
 *   20210304T102233Z, 03/04/2021 10:22 PM
 *   MM/DD/YYYY, M/D/YY (US), DD.MM.YYYY, DD/MM/YYYY, DD-MM-YYYY (Europe)
 *   4 Mar 2021, 04-Mar-21, 4th March 2021, March 4, 2021, Thu, 4 Mar 2021,
 *   2021-Mar-04; month names in English, German, French and Spanish
 *   (4. März 2021, 4 mars 2021, 4 de marzo de 2021)
 *   with WN_DATE_SERIAL: Excel serial day numbers 1..80000 (1900 date
 *     system: serial 1 is 1900-01-01; Excel counts the non-existent
 *     1900-02-29 as serial 60, so that serial is INVALID and later serials
 *     are shifted back by one day); a fraction (time of day) is allowed
 *   with WN_DATE_EPOCH: Unix time in seconds (9-10 digits) or milliseconds
 *     (12-13 digits), converted to the UTC date
 * Serial numbers and epoch times are opt-in because a bare number is a date
 * only in a column known (configured or guessed) to hold dates.
 *
 * Day/month order: YYYY-first dates are always year-month-day. For N/N/Y
 * dates the caller passes the order decided for the column, normally by a
 * wn_date_vote fed with the column's values: a value whose first part is
 * over 12 proves day-first, one whose second part is over 12 proves
 * month-first, and the side with more proofs wins. With WN_DATE_UNKNOWN a
 * value that proves its own order is read that way, a dot-separated one
 * (04.03.2021) is day-first (nobody writes month-first with dots), and any
 * other ambiguous value is read month-first and reported SUSPICIOUS.
 *
 * Two-digit years: yy <= (current year mod 100) + 10 means 20yy, otherwise
 * 19yy (in 2026: 00..36 -> 2000..2036, 37..99 -> 1937..1999). The current
 * year is read once, on first use.
 *
 * Statuses: EMPTY for blank input; INVALID for text that is no date, a
 * date that does not exist (2021-02-30, 2021-13-01), a malformed time;
 * SUSPICIOUS for a year outside 1900..2100 or an ambiguous order guessed
 * (see above); OK otherwise. INVALID leaves `out` empty.
 *
 * All functions are pure (apart from the one-time year lookup) and
 * thread-safe.
 */
#ifndef WN_DATE_H
#define WN_DATE_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"

typedef enum wn_date_order {
    WN_DATE_UNKNOWN = 0,
    WN_DATE_DMY,
    WN_DATE_MDY,
} wn_date_order;

enum {
    WN_DATE_SERIAL = 1 << 0, /* accept Excel serial day numbers */
    WN_DATE_EPOCH = 1 << 1   /* accept Unix seconds / milliseconds */
};

/* wn_date_normalize_ex() without serial numbers or epoch times. */
wn_norm_status wn_date_normalize(const char *s, size_t len, wn_date_order order, wn_buf *out);

/* Writes the date in `s` as "YYYY-MM-DD" to `out` (cleared first). */
wn_norm_status wn_date_normalize_ex(const char *s, size_t len, wn_date_order order, unsigned flags,
                                    wn_buf *out);

/* Counts, over a column's raw values, the proofs of each day/month order. */
typedef struct wn_date_vote {
    size_t dmy;    /* values that can only be day-first */
    size_t mdy;    /* values that can only be month-first */
    size_t values; /* values added */
} wn_date_vote;

void wn_date_vote_init(wn_date_vote *v);
void wn_date_vote_add(wn_date_vote *v, const char *s, size_t len);
/* Adds the counts of `from` (a vote over another part of the column). */
void wn_date_vote_merge(wn_date_vote *into, const wn_date_vote *from);
/* The order with more proofs; `fallback` when neither has more. */
wn_date_order wn_date_vote_decide(const wn_date_vote *v, wn_date_order fallback);

/* Days from 1970-01-01 to the date "YYYY-MM-DD" (negative before 1970), or
 * INT_MIN when `iso` is not a valid date in that form. */
int wn_date_to_days(const char iso[10]);

#endif
