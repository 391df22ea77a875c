/*
 * hll.h -- HyperLogLog distinct-count estimate.
 *
 * Flajolet, Fusy, Gandouet, Meunier, "HyperLogLog: the analysis of a
 * near-optimal cardinality estimation algorithm", AofA 2007, with the small
 * range correction (linear counting) from the paper. 2^14 one-byte registers:
 * 16 KiB, standard error 1.04/sqrt(2^14) = 0.8%. Takes 64-bit hashes
 * (xxh3), so the large-range correction for 32-bit hashes is not needed.
 */
#ifndef WN_HLL_H
#define WN_HLL_H

#include <stdint.h>

#define WN_HLL_BITS      14
#define WN_HLL_REGISTERS (1u << WN_HLL_BITS)

typedef struct wn_hll {
    uint8_t reg[WN_HLL_REGISTERS];
} wn_hll;

/* The register a hash updates: its top WN_HLL_BITS bits. */
static inline uint32_t wn_hll_register(uint64_t hash)
{
    return (uint32_t)(hash >> (64 - WN_HLL_BITS));
}

void wn_hll_init(wn_hll *h);
void wn_hll_add(wn_hll *h, uint64_t hash);
double wn_hll_estimate(const wn_hll *h);

#endif
