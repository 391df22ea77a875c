/*
 * country.h -- recognising countries however a CRM user typed them.
 *
 * The table (rules/data/countries.csv) lists every ISO 3166-1 country with
 * its alpha-2 and alpha-3 codes, English name, local and alternate names,
 * E.164 calling code and national trunk prefix. Names are looked up by a
 * folded key: accents stripped and case folded (Unicode, via utf8proc), then
 * everything that is not a letter or digit dropped, and a leading "the"
 * ignored. So "U.S.A.", "usa" and "U S A" are one key, as are "España" and
 * "espana", "Côte d'Ivoire" and "Cote dIvoire".
 *
 * The table is parsed once, on first use, under pthread_once into static
 * structures that are read-only afterwards, so any thread may call these
 * functions; it lives until the process exits.
 */
#ifndef WN_COUNTRY_H
#define WN_COUNTRY_H

#include <stddef.h>

typedef struct wn_country {
    char alpha2[3];
    char alpha3[4];
    const char *name;         /* English short name */
    const char *calling_code; /* E.164 country code, digits */
    const char *trunk_prefix; /* "" when none; alternatives separated by '|' */
} wn_country;

/* Writes the alpha-2 code of the country `s` names (a code or any listed
 * name, see above) to `out` as a NUL-terminated string and returns 1, or
 * returns 0 (and writes "") when the text names no known country. */
int wn_country_code(const char *s, size_t len, char out[3]);

/* The country with alpha-2 code `alpha2` (two letters, any case), or NULL. */
const wn_country *wn_country_get(const char *alpha2);

/* The country whose calling code is a prefix of `digits` (E.164 codes are a
 * prefix-free code, so at most one code matches); where several countries
 * share the code, the main one (US for +1, RU for +7, GB for +44, ...), as
 * the number alone cannot tell them apart. NULL if no code matches. */
const wn_country *wn_country_by_calling_code(const char *digits, size_t len);

#endif
