/*
 * sort.h -- radix sorts for the matcher's big arrays.
 *
 * Blocking sorts one (key hash, record) entry per record and pass, and the
 * candidate pairs of all passes; at a million records these are tens of
 * millions of 64-bit keys, where a least-significant-digit radix sort (six
 * passes of 11 bits) is several times faster than qsort's comparisons and,
 * being stable, deterministic for equal keys. 11-bit digits: 2048 buckets
 * keep the scatter's write streams in the cache (16-bit digits, four passes,
 * measured 1.8x slower at 1M keys and 2.8x at 10M). Scratch memory: one copy.
 */
#ifndef WN_SORT_H
#define WN_SORT_H

#include <stddef.h>
#include <stdint.h>

typedef struct wn_kv {
    uint64_t key;
    uint64_t val;
} wn_kv;

/* Sorts by key, stable (equal keys keep their order). */
void wn_sort_kv(wn_kv *a, size_t n);
/* Sorts by the key's low `bits` bits (rounded up to 11-bit digits), stable:
 * enough to bring equal hashes together at a fraction of the cost, where
 * the rare runs of different keys with the same low bits are put in order
 * by the caller. */
void wn_sort_kv_low(wn_kv *a, size_t n, unsigned bits);
/* Sorts ascending. */
void wn_sort_u64(uint64_t *a, size_t n);

#endif
