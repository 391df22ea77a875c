/*
 * match.h -- the matching stage from a filled store to clusters.
 *
 *   block -> compare (threads) -> histogram of comparison vectors -> u from
 *   random pairs -> EM for m -> weights (with term frequencies) ->
 *   thresholds -> guarded clustering -> golden records
 *
 * Threads split the candidate pairs into fixed contiguous ranges and each
 * writes only its own range, so every result is the same for any -j. Times
 * per stage are recorded for report.json.
 */
#ifndef WN_MATCH_H
#define WN_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "block.h"
#include "cluster.h"
#include "model.h"
#include "survive.h"

typedef struct wn_match_opts {
    int threads;                      /* >= 1 */
    const uint8_t *side;              /* link mode: side per record (NULL: dedupe) */
    size_t u_sample;                  /* random pairs for u; 0: 150,000 */
    uint64_t seed;                    /* for the u sample */
    size_t max_pairs;                 /* 0: 200 million candidate pairs */
    const uint64_t *labelled_matches; /* optional (a << 32 | b) pairs that are matches */
    size_t nlabelled;
    const char *const *source_names;
} wn_match_opts;

typedef struct wn_match_times {
    double block, compare, train, score, cluster, golden;
} wn_match_times;

typedef struct wn_match {
    /* The rules as matching used them: the caller's, with only the
     * comparisons whose fields hold a value in some record (at most
     * WN_COMPARE_MAX of them, in the rules' order). A view that shares the
     * caller's strings: read it, never free it. Comparison vectors, the
     * model and pairs.csv's level columns are indexed by its comparisons. */
    wn_rules rules;
    wn_comparison comparisons[WN_COMPARE_MAX];
    size_t unused_comparisons;  /* the rules' comparisons left out: no values */
    size_t dropped_comparisons; /* ... and those past WN_COMPARE_MAX */
    wn_candidates cand;
    wn_model model;
    wn_scored_pair *pairs; /* one per candidate, sorted by weight desc */
    size_t npairs;
    size_t nvectors; /* distinct comparison vectors */
    wn_clusters clusters;
    wn_golden golden;
    wn_match_times times;
    uint64_t matched, review, refused;
    wn_field hard_ids[WN_F_COUNT]; /* the rules' hard ids found reliable, enforced */
    size_t nhard_ids;
} wn_match;

int wn_match_run(const wn_store *s, const wn_rules *r, const wn_match_opts *opts, wn_match *out,
                 wn_error *err);
void wn_match_free(wn_match *m);

#endif
