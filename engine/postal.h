/*
 * postal.h -- postal codes in each country's canonical spelling.
 *
 * A code is reduced to its letters and digits (blanks, dashes and dots
 * dropped, letters uppercased, a leading country marker such as "D-", "CH-"
 * or "NL-" and Japan's 〒 removed), matched against the formats its country
 * uses, and rewritten in the official spacing: "sw1a1aa" -> "SW1A 1AA",
 * "k1a0b1" -> "K1A 0B1", "1234ab" -> "1234 AB", "1234567" (JP) -> "123-4567".
 * Beyond the shape, the rules the postal operators publish are checked where
 * they are simple and catch typos: letters that UK, Canadian and Dutch codes
 * never use, no leading 0 in an Indian PIN or a Swiss, Austrian, Belgian or
 * Danish code, Spanish codes starting 01..52.
 *
 * Spreadsheets turn "02115" into 2115. Where a country's codes can start
 * with 0 and are all digits, a code short by the zeros such a conversion
 * removes (at most two for the US and Italy, one elsewhere) gets them back
 * and is OK: "2115" (US) -> "02115", "501" (US, Holtsville NY) -> "00501",
 * "2115-1234" -> "02115-1234".
 *
 * With no country, or one without known formats, the code is uppercased,
 * blank runs collapse to one space, and it is OK if it consists of 2 to 10
 * ASCII letters and digits with spaces or dashes between them.
 *
 * The formats are a static const table in postal.c: nothing is loaded, and
 * the function is thread-safe.
 */
#ifndef WN_POSTAL_H
#define WN_POSTAL_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"

/* Writes the canonical code to `out` (cleared first). `country` is an
 * ISO 3166-1 alpha-2 code (any case; only its first two bytes are read), or
 * NULL / "" when unknown. INVALID leaves the uppercased, blank-collapsed text
 * in `out`. */
wn_norm_status wn_postal_normalize(const char *s, size_t len, const char *country, wn_buf *out);

#endif
