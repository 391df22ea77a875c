/*
 * sort.c -- LSD radix sorts; see sort.h.
 */
#include "sort.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define DIGIT_BITS 11
#define BUCKETS    (1u << DIGIT_BITS)

/* NOLINTBEGIN(bugprone-macro-parentheses): T is a type name, which cannot be
 * parenthesised where it declares. */

/* One counting pass over digit `shift` from `src` into `dst`. Returns false
 * when every element has the same digit (the pass would change nothing). */
#define RADIX_PASS(T, KEY)                                                                         \
    static bool radix_pass_##T(const T *src, T *dst, size_t n, unsigned shift, size_t *count)      \
    {                                                                                              \
        memset(count, 0, BUCKETS * sizeof *count);                                                 \
        for (size_t i = 0; i < n; i++)                                                             \
            count[(KEY(src[i]) >> shift) & (BUCKETS - 1)]++;                                       \
        if (count[(KEY(src[0]) >> shift) & (BUCKETS - 1)] == n) return false;                      \
        size_t sum = 0;                                                                            \
        for (size_t b = 0; b < BUCKETS; b++) {                                                     \
            size_t c = count[b];                                                                   \
            count[b] = sum;                                                                        \
            sum += c;                                                                              \
        }                                                                                          \
        for (size_t i = 0; i < n; i++)                                                             \
            dst[count[(KEY(src[i]) >> shift) & (BUCKETS - 1)]++] = src[i];                         \
        return true;                                                                               \
    }

#define KV_KEY(x)  ((x).key)
#define U64_KEY(x) (x)
typedef uint64_t u64;
RADIX_PASS(wn_kv, KV_KEY)
RADIX_PASS(u64, U64_KEY)

#define RADIX_SORT(T, BITS)                                                                        \
    if (n < 2) return;                                                                             \
    T *tmp = wn_xmalloc(n * sizeof *tmp);                                                          \
    size_t *count = wn_xmalloc(BUCKETS * sizeof *count);                                           \
    T *src = a, *dst = tmp;                                                                        \
    for (unsigned shift = 0; shift < (BITS); shift += DIGIT_BITS) {                                \
        if (radix_pass_##T(src, dst, n, shift, count)) {                                           \
            T *t = src;                                                                            \
            src = dst;                                                                             \
            dst = t;                                                                               \
        }                                                                                          \
    }                                                                                              \
    if (src != a) memcpy(a, src, n * sizeof *a);                                                   \
    free(count);                                                                                   \
    free(tmp);

/* NOLINTEND(bugprone-macro-parentheses) */

void wn_sort_kv(wn_kv *a, size_t n)
{
    RADIX_SORT(wn_kv, 64)
}

void wn_sort_kv_low(wn_kv *a, size_t n, unsigned bits)
{
    RADIX_SORT(wn_kv, bits)
}

void wn_sort_u64(uint64_t *a, size_t n)
{
    RADIX_SORT(u64, 64)
}
