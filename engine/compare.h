/*
 * compare.h -- a candidate pair, field by field, as comparison levels.
 *
 * Each comparison of the rules maps a pair to one level:
 *
 *   missing    one side (or both) has no value: no evidence either way
 *   exact      the normalized values are equal
 *   close      nearly equal (a typo, a nickname, a swapped day and month)
 *   loose      similar, but could be chance
 *   different  not the same value
 *
 * The scorer learns how likely each level is among matches and among
 * non-matches, so the levels only need to order the evidence, not weigh it.
 * Multi-valued fields compare crosswise and keep the best level: an email
 * against both emails of the other record, a phone against phone and mobile.
 *
 * A pair's levels are packed into a 64-bit comparison vector, 3 bits per
 * comparison (up to WN_COMPARE_MAX comparisons), so identical vectors can be
 * counted into a histogram and the model trained on that.
 */
#ifndef WN_COMPARE_H
#define WN_COMPARE_H

#include <stdint.h>

#include "rules.h"
#include "store.h"

enum wn_level {
    WN_LVL_MISSING = 0,
    WN_LVL_EXACT,
    WN_LVL_CLOSE,
    WN_LVL_LOOSE,
    WN_LVL_DIFFERENT,
    WN_LVL_COUNT
};

#define WN_COMPARE_MAX 21

const char *wn_level_name(int level);

static inline int wn_vec_level(uint64_t vec, size_t k)
{
    return (int)((vec >> (3 * k)) & 7u);
}

/* The comparison vector of records a and b under the rules' comparisons. */
uint64_t wn_compare_pair(const wn_store *s, const wn_rules *r, uint32_t a, uint32_t b);

/* Comparing is mostly waiting for memory: a record's row of value ids, then
 * each value (wn_value), then its text, each a cache miss that depends on
 * the one before. Callers going through many pairs ask for them ahead in
 * stages: 0 the row, 1 (once the row has arrived) the compared values, 2
 * their texts. */
void wn_compare_prefetch(const wn_store *s, const int *slots, size_t nslots, uint32_t rec,
                         int stage);
/* The slots the rules' comparisons read (for wn_compare_prefetch); returns
 * how many. */
size_t wn_compare_slots(const wn_rules *r, int slots[WN_SLOT_COUNT]);

/* The store slots a comparison of field f reads: the field's own, and for
 * the multi-valued ones the second email, or phone and mobile. Returns how
 * many (at most 3). */
size_t wn_compare_field_slots(wn_field f, int slots[3]);

/* The level of one comparison, and the similarity that decided it (1 for
 * exact, 0 for missing/different where no similarity applies). */
int wn_compare_field(const wn_store *s, const wn_comparison *c, uint32_t a, uint32_t b,
                     double *similarity);

#endif
