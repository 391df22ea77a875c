/*
 * phone.h -- telephone numbers to E.164.
 *
 * E.164 (ITU-T) writes a number as + country code + national significant
 * number, at most 15 digits: the same line written "+44 (0)20 7946 0958",
 * "020 7946 0958" in the UK and "0044 20 7946 0958" becomes +442079460958.
 *
 * The region a national number belongs to is the record's country, else the
 * rules' default_country. Steps: an extension is split off ("x12", "ext.
 * 12", "#12", ";ext=12"); vanity letters become digits (ITU E.161 keypad:
 * 1-800-FLOWERS); "(0)" after a country code is dropped; "+", "00" and, in
 * NANP regions, "011" start an international number; otherwise the region's
 * trunk prefix (0, 1 in NANP, 8 in Russia) is dropped. The national
 * significant number must have a length the numbering plan allows
 * (rules/data/phone_plans.csv), else the number is INVALID. A national
 * number whose region is unknown cannot be written in E.164: it is kept as
 * its digits (trunk 0 dropped) and judged only by length (7 to 15 digits);
 * comparisons match it against E.164 forms by their trailing digits.
 * Spreadsheet damage ("4.47911E+11") is INVALID: the digits are lost.
 *
 * The plans are loaded once (pthread_once) and read-only after.
 */
#ifndef WN_PHONE_H
#define WN_PHONE_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"

/* `region`: ISO alpha-2 or NULL/"" for none. `e164` gets "+<digits>" (or the
 * bare national digits when the region is unknown); `ext` (may be NULL) the
 * extension digits. */
wn_norm_status wn_phone_normalize(const char *s, size_t len, const char *region, wn_buf *e164,
                                  wn_buf *ext, const char **why);

#endif
