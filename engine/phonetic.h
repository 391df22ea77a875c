/*
 * phonetic.h -- sound-alike codes for blocking keys.
 *
 * Blocking on a phonetic code of a surname lets "Meyer" meet "Maier" and
 * "Thompson" meet "Thomson" without comparing every pair. Inputs are
 * normalized names (case-folded, accents stripped); characters other than
 * ASCII letters are skipped.
 */
#ifndef WN_PHONETIC_H
#define WN_PHONETIC_H

#include <stddef.h>

/* American Soundex as the US National Archives define it: the first letter,
 * then three digits; H and W do not separate letters with the same code,
 * vowels do. Writes 4 characters and a NUL; returns 0 (and "") when the
 * input has no letter. */
size_t wn_soundex(const char *s, size_t len, char out[5]);

/* NYSIIS (Taft 1970, New York State Identification and Intelligence
 * System), the original algorithm with its 6-character truncation. Writes at
 * most 6 characters and a NUL; returns the length. */
size_t wn_nysiis(const char *s, size_t len, char out[7]);

#endif
