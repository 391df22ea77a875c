/*
 * country.h -- country names and codes to ISO 3166-1 alpha-2.
 *
 * "Deutschland", "DEU", "de", "Federal Republic of Germany" are all DE. The
 * names come from rules/data/countries.csv; lookups fold case and accents and
 * ignore dots and extra blanks. The table is loaded once (pthread_once) and
 * read-only after, so threads share it.
 */
#ifndef WN_COUNTRY_H
#define WN_COUNTRY_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"

/* `out` gets the alpha-2 code; INVALID if the name is not a known country. */
wn_norm_status wn_country_normalize(const char *s, size_t len, wn_buf *out);

#endif
