/*
 * hll.c -- HyperLogLog; see hll.h.
 */
#include "hll.h"

#include <math.h>
#include <string.h>

void wn_hll_init(wn_hll *h)
{
    memset(h->reg, 0, sizeof h->reg);
}

void wn_hll_add(wn_hll *h, uint64_t hash)
{
    uint32_t index = wn_hll_register(hash);
    uint64_t rest = hash << WN_HLL_BITS;
    /* Position of the first 1 bit in the remaining 50 bits (1-based). */
    uint8_t rank = rest ? (uint8_t)(__builtin_clzll(rest) + 1) : (uint8_t)(64 - WN_HLL_BITS + 1);
    if (rank > h->reg[index]) h->reg[index] = rank;
}

double wn_hll_estimate(const wn_hll *h)
{
    const double m = WN_HLL_REGISTERS;
    const double alpha = 0.7213 / (1.0 + 1.079 / m);
    double sum = 0.0;
    unsigned zeros = 0;
    for (unsigned i = 0; i < WN_HLL_REGISTERS; i++) {
        sum += ldexp(1.0, -h->reg[i]);
        zeros += h->reg[i] == 0;
    }
    double e = alpha * m * m / sum;
    if (e <= 2.5 * m && zeros > 0) e = m * log(m / zeros);
    return e;
}
