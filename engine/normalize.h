/*
 * normalize.h -- running a column's normalizer chain on one value.
 *
 * A column's rule lists normalizers (rules.h) applied in order, each reading
 * the previous one's output. The chain's verdict is the worst of its steps
 * (invalid > suspicious > ok); an empty result is EMPTY. The context carries
 * what a value's meaning depends on besides itself: the region for phone
 * numbers and postal codes (the record's country, else the rules' default)
 * and the day/month order decided for the column.
 *
 * A wn_normalizer_state holds the scratch buffers, so a thread normalizes
 * without allocating per value.
 */
#ifndef WN_NORMALIZE_H
#define WN_NORMALIZE_H

#include <stdbool.h>

#include "buf.h"
#include "norm.h"
#include "rules.h"

typedef struct wn_norm_ctx {
    char region[3]; /* ISO alpha-2 or "" */
    int date_order; /* 1 day first, 2 month first, 0 unknown */
    /* Only the verdict is wanted, not the value to match on: the steps that
     * turn a value another step has judged into a match key are left out
     * (a given name's nickname, an email's Gmail dots and tag), and `out`
     * then holds the value as judged. */
    bool verdict_only;
} wn_norm_ctx;

typedef struct wn_normalizer_state {
    wn_buf a, b, extra;
} wn_normalizer_state;

/* Normalizes `raw` through `col`'s chain into `out` (cleared first). On a
 * verdict other than OK, `*why` (if not NULL) says what was wrong. */
wn_norm_status wn_normalize_value(const wn_column_rule *col, const wn_norm_ctx *ctx,
                                  const char *raw, size_t len, wn_normalizer_state *st, wn_buf *out,
                                  const char **why);

void wn_normalizer_state_free(wn_normalizer_state *st);

#endif
