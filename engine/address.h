/*
 * address.h -- street lines, postal codes and company names for matching.
 *
 * Street: folded, each word replaced by its canonical abbreviation from
 * rules/data/street_types.csv (Street, St., Str -> st; Avenue -> ave; North
 * -> n; Apartment -> apt; First -> 1st), and German compounds ending in
 * -strasse/-straße/-str. written as -str: "Hauptstraße 12" and "Hauptstr. 12"
 * agree.
 *
 * Postal code, by the record's country: US ZIP (ZIP+4 cut to the five-digit
 * ZIP that matching needs, and a 4-digit ZIP that lost its leading zero in a
 * spreadsheet restored), UK and Irish postcodes (spacing canonical), Canada
 * (A1A 1A1), the Netherlands (1234 AB), 4-, 5-, 6- and 7-digit countries,
 * Japan (123-4567), Brazil (12345-678), Poland (12-345), Sweden (123 45).
 * A code of the wrong shape for the country is INVALID; for an unknown
 * country, any 3 to 10 letters and digits are accepted, upper-cased.
 *
 * Company: folded, "&" read as "and", a leading "the" and trailing legal
 * forms (rules/data/legal_forms.csv: Inc, LLC, GmbH, Pvt Ltd, S.A., B.V.
 * ...) dropped: "The Acme Company, Inc." is "acme".
 *
 * Tables are loaded once (pthread_once) and read-only after.
 */
#ifndef WN_ADDRESS_H
#define WN_ADDRESS_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"

wn_norm_status wn_street_normalize(const char *s, size_t len, wn_buf *out);
wn_norm_status wn_postal_normalize(const char *s, size_t len, const char *country, wn_buf *out);
wn_norm_status wn_company_normalize(const char *s, size_t len, wn_buf *out);

#endif
