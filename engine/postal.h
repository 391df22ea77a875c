/*
 * postal.h -- postal codes in each country's canonical spelling.
 *
 * A code is reduced to its letters and digits (blanks, dashes and dots
 * dropped, letters uppercased, a leading country marker such as "D-", "CH-",
 * "PC " or the country's own code run into the digits, and Japan's 〒
 * removed), matched against the formats its country's postal operator
 * publishes, and rewritten in the official spelling: "sw1a1aa" -> "SW1A 1AA",
 * "k1a0b1" -> "K1A 0B1", "1234ab" -> "1234 AB", "1234567" (JP) -> "123-4567",
 * "1073" (LV) -> "LV-1073". The formats live in rules/data/postal_formats.csv,
 * one row per country with its source; they state which characters each
 * position may hold, so the operators' simple rules are checked too: letters
 * UK, Canadian, Dutch and Irish codes never use, no leading 0 in an Indian
 * PIN or a Swiss, Austrian, Belgian or Danish code, Spanish codes starting
 * 01..52, Liechtenstein's 9485..9498.
 *
 * Spreadsheets turn "02115" into 2115. Where a country's codes can start
 * with 0 and are all digits, a code short by the zeros such a conversion
 * removes (at most two for the US and Italy, one elsewhere, as the table
 * says) gets them back and is OK: "2115" (US) -> "02115", "501" (US,
 * Holtsville NY) -> "00501", "2115-1234" -> "02115-1234".
 *
 * With no country, or one without known formats, the code is uppercased,
 * blank runs collapse to one space, and it is OK if it consists of 2 to 10
 * ASCII letters and digits with spaces or dashes between them.
 *
 * The table is compiled once under pthread_once into read-only tokens; the
 * function is thread-safe.
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
