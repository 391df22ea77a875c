/*
 * street.h -- street address lines: a match key, and the house number.
 *
 * "123 North Main Street, Apt. 4B", "123 N Main St #4b" and "123 N. MAIN ST.
 * APT 4B" are one address. wn_street_normalize() folds the line
 * (wn_text_fold) and replaces each word by its canonical abbreviation from
 * rules/data/street_types.csv (USPS Publication 28 suffixes plus UK,
 * Australian, German, French and Spanish street words, unit designators and
 * ordinal words) and rules/data/directions.csv; all of the above become
 * "123 n main st #4b". Decisions:
 *   - every word is looked up, wherever it stands: "Court Street" becomes
 *     "ct st", "St. Mary's Rd" becomes "st marys rd". Ambiguous words (St =
 *     Street or Saint, Dr = Drive) get the same key on both sides of a
 *     comparison, which is all a key needs;
 *   - unit designators (Apartment, Apt, Unit, Flat, Suite, Ste, Room, #) all
 *     become "#", joined to the unit number: "Apt 4B" = "#4b" = "Suite 4b";
 *   - a German compound ending in -straße/-strasse ends in -str, as the
 *     abbreviation is written ("Hauptstraße" = "Hauptstr." = "hauptstr");
 *   - dots are dropped inside words, so "N.E." is "ne" and "St." is "st".
 * The tables are loaded once under pthread_once and only read afterwards, so
 * these functions are thread-safe; the common path allocates only into the
 * caller's buffer.
 */
#ifndef WN_STREET_H
#define WN_STREET_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"
#include "winnow.h"

/* The match key of a street line, into `out` (cleared first). */
wn_norm_status wn_street_normalize(const char *s, size_t len, wn_buf *out);

/* Splits a street line into its house number and street name, as spans of
 * `s` (len 0 when absent). The number is the first word if it starts with a
 * digit ("10 Downing Street", "221B Baker St", "5 rue de Rivoli"), else the
 * first word after the name that does ("Hauptstraße 5", "Calle Mayor, 12",
 * "Damrak 1-5"). A leading unit ("Flat 3, 12 High Street") is skipped, and
 * the street name stops at a comma. OK when a number was found, INVALID when
 * not (`street` then holds the line), EMPTY for a blank line. */
wn_norm_status wn_street_split_number(const char *s, size_t len, wn_cell *number, wn_cell *street);

#endif
