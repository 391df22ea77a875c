/*
 * phonetic.h -- phonetic keys for blocking and comparing names: American
 * Soundex and Double Metaphone.
 *
 * Inputs are normalized text (lowercase, accents stripped); case is folded
 * again anyway, and characters other than ASCII letters are ignored (Double
 * Metaphone keeps word breaks, which some of its rules look at). Both
 * functions are pure and write into caller-provided fixed buffers.
 */
#ifndef WN_PHONETIC_H
#define WN_PHONETIC_H

#include <stddef.h>

/* American Soundex by the US National Archives rules: the first letter, then
 * digits for the following consonants (BFPV 1, CGJKQSXZ 2, DT 3, L 4, MN 5,
 * R 6); adjacent letters with the same digit, also across H or W, give one
 * digit, while a vowel between them separates them; padded with zeros to four
 * characters. Writes a NUL-terminated code and returns its length: 4, or 0
 * (empty string) when there is no letter. */
size_t wn_soundex(const char *s, size_t len, char out[5]);

/* Longest Double Metaphone key wn_dmetaphone() writes; 4 is Philips' own. */
#define WN_DMETAPHONE_MAX 8

/* Double Metaphone (Philips 2000): a primary key for the most common
 * pronunciation and a secondary key for an alternative one (e.g. Germanic or
 * Slavic), each at most `maxlen` characters (clamped to 1..WN_DMETAPHONE_MAX)
 * and NUL-terminated. The secondary equals the primary when no rule offered
 * an alternative. Both are empty when there is no letter. Only the first 64
 * letters (and word breaks) are read, far more than any name needs. */
void wn_dmetaphone(const char *s, size_t len, int maxlen, char primary[WN_DMETAPHONE_MAX + 1],
                   char secondary[WN_DMETAPHONE_MAX + 1]);

#endif
