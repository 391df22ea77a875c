/*
 * phone.h -- telephone numbers to E.164.
 *
 * One number is written many ways: "+44 (0)20 7946 0958", "0044 20 7946
 * 0958", "020 7946 0958" in a British file, "7946 0958" nowhere useful.
 * wn_phone_normalize() reduces each to E.164 ("+442079460958", ITU-T E.164:
 * '+', country code, national significant number (NSN), at most 15 digits),
 * so equal numbers compare equal as strings.
 *
 * What it understands:
 *   - international prefixes: '+', "00" (from anywhere), and the exit codes
 *     of the default region (011 for NANP, 0011 for Australia, ...);
 *   - national trunk prefixes (0, 8 in Russia, 06 in Hungary, 1 in NANP,
 *     Mexico's retired 01/044/045) and "(0)" written after a country code;
 *   - a digit string that starts with the default region's country code but
 *     lacks the '+' ("447123456789" in a UK file), and a national number that
 *     lost its leading 0 to a spreadsheet ("7123456789" in a UK file);
 *   - extensions: "x123", "ext. 123", "ext 12", "extension 5", "#123" at the
 *     end; the digits go to `ext_out`;
 *   - vanity numbers: letters become digits by the ITU-T E.161 keypad
 *     (ABC=2 ... WXYZ=9) when at least one digit precedes them; letters past
 *     the longest valid length are dropped (1-800-MATTRESS);
 *   - blanks, dots, dashes (also Unicode dashes and no-break spaces),
 *     parentheses and slashes as separators; fullwidth digits; a "Tel:"
 *     style label; Excel's text guards ('+44... and ="0123...") and the
 *     ".0" a float conversion leaves ("447123456789.0");
 *   - the national ways of writing a number that the plans state: carrier
 *     and old prefixes (Brazil's 0 + carrier, Colombia, Korea, Mexico's 1),
 *     Argentina's 15 after the area code for mobiles, local numbers dialled
 *     without their area code (the Caribbean, the Channel Islands), and "~"
 *     ("wait for the dial tone") in an international prefix such as 8~10.
 * A number is valid if its national significant number lies in a range of
 * its country's numbering plan (rules/data/phone_plans.csv: the ranges of
 * every calling code by number type -- fixed, mobile, toll-free, premium,
 * shared cost, personal, VoIP, pager, UAN, voicemail -- derived from
 * libphonenumber's compilation of the national plans by
 * scripts/phone_plans.py). Length alone is not enough: "+44 021 234 9200"
 * has a valid length but no such range exists. Calling codes without ranges
 * get the generic E.164 bounds (NSN 4 to 15 minus the code's digits). A
 * number that starts with one of the default region's own international
 * prefixes is read only as dialled abroad.
 *
 * Without a default region, a number without an international prefix is
 * accepted only if it is a valid NANP number (10 digits, or 11 starting with
 * 1): CRM exports without country are overwhelmingly North American. Failing
 * that, a string of at least 11 digits that is valid as "+" + digits for a
 * region with a plan row is returned as SUSPICIOUS (a '+' probably got lost);
 * anything else is INVALID.
 *
 * Statuses: EMPTY (no digits or letters at all), OK, SUSPICIOUS (see above),
 * INVALID: no number of its country's plan, unknown country code, stray
 * characters, several numbers in one cell, or a number Excel turned into
 * scientific notation ("4.47911E+11": the digits are gone). For INVALID,
 * `e164_out` holds the digits that were found, for display only.
 *
 * The plans are parsed once under pthread_once into read-only static tables;
 * every function here is thread-safe.
 */
#ifndef WN_PHONE_H
#define WN_PHONE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "norm.h"

/* Normalizes `s` to E.164 in `e164_out` and the extension digits (or
 * nothing) in `ext_out`; both are cleared first. `default_region` is the
 * ISO 3166-1 alpha-2 code of the country that numbers without an
 * international prefix belong to, or NULL / "" when unknown. */
wn_norm_status wn_phone_normalize(const char *s, size_t len, const char *default_region,
                                  wn_buf *e164_out, wn_buf *ext_out);

/* True if the E.164 number (as written by wn_phone_normalize) falls in a
 * mobile range of its country's plan; false when it does not, or where the
 * plan does not tell mobiles from fixed lines (the US and Canada). */
bool wn_phone_is_mobile(const char *e164, size_t len);

#endif
