/*
 * counter.h -- how often each value occurs, in bounded memory.
 *
 * Exact while the number of distinct values stays within `exact_limit`: a
 * hash table (open addressing, linear probing, xxh3 hashes) of value -> count.
 * When one more distinct value arrives, the table is cut down to the
 * `mg_capacity` most frequent values and continues as a Misra-Gries summary
 * (Misra & Gries, "Finding repeated elements", 1982), with batched
 * decrements: a value that finds the table full takes the median count off
 * every counter, dropping those that reach zero (see counter.c). Every value
 * occurring more than n / (mg_capacity/2 + 1) times survives, and each kept
 * count is a lower bound off by at most that much. A HyperLogLog sketch is
 * given every distinct value of the exact table when the counter switches,
 * and every value after, for the distinct count once it is no longer exact.
 *
 * Values are copied into an arena. The summary's dropped values leave their
 * strings there until it reaches a bound, when the kept ones are copied to a
 * fresh arena, so memory stays bounded by the limits, not by the input.
 */
#ifndef WN_COUNTER_H
#define WN_COUNTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "hll.h"
#include "winnow.h"

typedef struct wn_counter_slot {
    uint64_t hash;
    const char *value; /* NULL: empty slot */
    uint32_t len;
    bool borrowed; /* value is the caller's (wn_counter_add_borrowed), not a copy */
    uint64_t count;
} wn_counter_slot;

typedef struct wn_counter {
    wn_counter_slot *slots;
    size_t nslots; /* power of two */
    size_t used;
    size_t exact_limit;
    size_t mg_capacity;
    bool exact;
    bool sketch;
    /* Called with every distinct value just before the counter stops being
     * exact (optional): what a caller derives from distinct values with
     * their counts it can derive there, instead of from every occurrence. */
    void (*on_switch)(void *ctx, const char *s, size_t len, uint64_t n);
    void *on_switch_ctx;
    uint64_t total;
    wn_arena strings;
    bool borrowing;        /* a slot's value may be borrowed */
    wn_counter_slot *kept; /* the summary's scratch for decrements */
    uint64_t *counts;
    wn_hll hll;
} wn_counter;

/* `sketch`: keep a HyperLogLog for the distinct count (off when only the
 * most frequent values matter). */
void wn_counter_init(wn_counter *c, size_t exact_limit, size_t mg_capacity, bool sketch);
void wn_counter_add(wn_counter *c, const char *s, size_t len);
/* Adds `n` occurrences at once. */
void wn_counter_add_n(wn_counter *c, const char *s, size_t len, uint64_t n);
/* The hash the counter files a value under. */
uint64_t wn_counter_hash(const char *s, size_t len);
/* Starts fetching what adding a value of this hash will read (its slot and
 * its sketch register), so that a caller that knows its values a few ahead
 * does not wait for them. Only a hint: the counter is not changed. */
static inline void wn_counter_prefetch(const wn_counter *c, uint64_t hash)
{
    wn_prefetch(&c->slots[hash & (c->nslots - 1)]);
    if (!c->exact && c->sketch) wn_prefetch(&c->hll.reg[wn_hll_register(hash)]);
}
/* wn_counter_add of a value whose wn_counter_hash is `hash`, but a summary
 * (no longer exact) may keep `s` itself rather than a copy until
 * wn_counter_keep_strings, which must come before `s` goes and before the
 * counter is read. A summary of unique values drops most of what it is
 * given at its next decrement: those values are never copied. */
void wn_counter_add_borrowed(wn_counter *c, const char *s, size_t len, uint64_t hash);
/* Copies the borrowed values still in the counter. */
void wn_counter_keep_strings(wn_counter *c);
/* Calls fn for every value in the table with its count. */
void wn_counter_each(const wn_counter *c,
                     void (*fn)(void *ctx, const char *s, size_t len, uint64_t n), void *ctx);
bool wn_counter_exact(const wn_counter *c);
/* Distinct values: exact while the counter is exact, a HyperLogLog estimate after. */
uint64_t wn_counter_distinct(const wn_counter *c);
/* The `n` most frequent values, most frequent first, ties by byte order. The
 * strings belong to the counter. Returns how many were written to `out`. */
size_t wn_counter_top(const wn_counter *c, size_t n, wn_value_count *out);
void wn_counter_free(wn_counter *c);

#endif
