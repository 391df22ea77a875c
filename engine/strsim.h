/*
 * strsim.h -- string similarity for the matcher: Jaro, Jaro-Winkler, optimal
 * string alignment distance, token-set measures and q-gram Dice.
 *
 * Inputs are normalized UTF-8 (lowercase, accents stripped, mostly ASCII),
 * given as (ptr,len) and not necessarily NUL-terminated. Everything counts
 * code points, not bytes, so a letter normalization left alone ("ø", "ł")
 * costs one edit like any other; bytes that are not valid UTF-8 count as one
 * character each rather than failing.
 *
 * These run ~10^7 times per job, from many threads: they keep no state, and
 * allocate only when an input is longer than WN_STRSIM_STACK bytes (names,
 * streets and cities never are; free-text fields may be).
 */
#ifndef WN_STRSIM_H
#define WN_STRSIM_H

#include <stddef.h>

/* Inputs up to this many bytes are decoded into stack buffers. */
#define WN_STRSIM_STACK 256

/* Jaro similarity in [0,1] (Jaro 1989): matches within a window of
 * max(|a|,|b|)/2 - 1, half-transpositions among them. Both empty: 1; one
 * empty: 0. */
double wn_jaro(const char *a, size_t alen, const char *b, size_t blen);

/* Jaro-Winkler (Winkler 1990): jaro + l * 0.1 * (1 - jaro), l = length of
 * the common prefix up to 4, applied only when jaro > 0.7. */
double wn_jaro_winkler(const char *a, size_t alen, const char *b, size_t blen);

/* Optimal string alignment distance (restricted Damerau-Levenshtein:
 * insertion, deletion, substitution and transposition of two adjacent
 * characters cost 1; no substring is edited twice). Returns bound + 1 as soon
 * as the distance is known to exceed `bound`; a negative bound means none.
 * Time O(bound * n) when bounded. */
int wn_osa_distance(const char *a, size_t alen, const char *b, size_t blen, int bound);

/* Jaccard index |A∩B| / |A∪B| of the sets of whitespace-separated tokens.
 * Both without tokens: 1; one without: 0. */
double wn_token_jaccard(const char *a, size_t alen, const char *b, size_t blen);

/* Order- and repetition-insensitive similarity: the Jaro-Winkler similarity
 * of "C A" and "C B", where C lists the distinct tokens the strings share and
 * A, B the distinct tokens only the first, only the second has, each list
 * sorted bytewise and joined with single spaces. Putting the shared tokens
 * first lines them up, so "smith john" ~ "john smith" = 1, an extra token
 * costs little ("john a smith" ~ "john smith" = 0.967, not 1 as with
 * subset-based ratios), and a typo inside a token costs what it costs
 * Jaro-Winkler ("smith jon" ~ "john smith" = 0.98). Both without tokens: 1;
 * one without: 0. */
double wn_token_set_ratio(const char *a, size_t alen, const char *b, size_t blen);

/* Dice coefficient 2|A∩B| / (|A|+|B|) of the q-gram multisets of the strings
 * padded with q-1 start and q-1 end markers (so the first and last letters
 * weigh as much as inner ones). q is clamped to 1..3. Both empty: 1. */
double wn_qgram_sim(const char *a, size_t alen, const char *b, size_t blen, int q);

#endif
