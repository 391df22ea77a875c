/*
 * strsim.h -- string similarity for comparing field values.
 *
 * All functions take normalized UTF-8 (ptr, len) and compare code points, so
 * an accented letter left in a value counts as one character. Short values
 * are decoded into a stack buffer; no allocation for values under 256 code
 * points. No state: safe from any thread.
 */
#ifndef WN_STRSIM_H
#define WN_STRSIM_H

#include <stddef.h>

/* Jaro similarity in 0..1 (Jaro 1989). Both empty: 1; one empty: 0. */
double wn_jaro(const char *a, size_t alen, const char *b, size_t blen);

/* Jaro-Winkler (Winkler 1990): Jaro plus a bonus of 0.1 per common prefix
 * character (at most 4) when Jaro exceeds 0.7. */
double wn_jaro_winkler(const char *a, size_t alen, const char *b, size_t blen);

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions, no substring edited twice). Stops early: returns bound + 1
 * as soon as the distance must exceed `bound`. */
int wn_osa_distance(const char *a, size_t alen, const char *b, size_t blen, int bound);

/* Jaccard index of the sets of blank-separated tokens. */
double wn_token_jaccard(const char *a, size_t alen, const char *b, size_t blen);

/* Order-insensitive similarity of token sets: tokens sorted and joined, then
 * compared with Jaro-Winkler; 1.0 when one set contains the other and the
 * smaller has at least two tokens ("john a smith" / "smith john a"). */
double wn_token_set_ratio(const char *a, size_t alen, const char *b, size_t blen);

/* Dice coefficient of the multisets of q-grams of the values padded with
 * q-1 markers at each end. */
double wn_qgram_sim(const char *a, size_t alen, const char *b, size_t blen, int q);

#endif
