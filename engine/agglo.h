/*
 * agglo.h -- average-linkage agglomerative clustering of one component.
 *
 * Linking every pair whose weight clears the threshold and taking connected
 * components (single linkage) lets one wrong link join two people, and then
 * every record of each: at ten records a person (historical registers),
 * a few links between namesakes make clusters of hundreds. Average linkage
 * asks more of a merge: two clusters join only while the mean weight of the
 * scored pairs between them clears the threshold, so one strong link
 * against several weak or negative ones does not merge them. Starting from
 * single records (or groups that must stay together), the two clusters
 * with the highest mean are merged, again and again, until no mean clears
 * the threshold (hierarchical agglomerative clustering; its use on
 * pairwise match scores in entity resolution: Hassanzadeh et al. 2009,
 * "Framework for evaluating clustering algorithms in duplicate detection",
 * PVLDB 2(1); the dedupe library clusters the same way). Pairs never
 * scored (no blocking key in common) do not count either way.
 *
 * Constraints: an edge may carry `cannot` (a guard says the two records
 * are different people); two clusters never merge when half or more of the
 * edges between them are cannot-links -- a household's members conflict
 * pair by pair, while one odd spelling in a person's ten records does not
 * keep them apart. The caller's `allow` callback may refuse a merge
 * (cluster size, conflicting hard ids), told of each merge done through
 * `merged`.
 *
 * Nodes are 0 .. n-1 of one component. The result depends only on the
 * edges and their order: ties between equal means go to the lower node
 * ids, so clusters are the same on any thread.
 */
#ifndef WN_AGGLO_H
#define WN_AGGLO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct wn_agglo_edge {
    uint32_t a, b; /* nodes, a != b */
    double weight;
    bool cannot; /* a guard says a and b are different people */
    bool must;   /* a and b must be in one cluster (merged before anything) */
} wn_agglo_edge;

typedef struct wn_agglo_hooks {
    void *ctx;
    /* May clusters x and y (their representative nodes) merge? NULL: yes. */
    bool (*allow)(void *ctx, uint32_t x, uint32_t y);
    /* Cluster `from` was merged into `into`. May be NULL. */
    void (*merged)(void *ctx, uint32_t into, uint32_t from);
} wn_agglo_hooks;

/* Clusters nodes 0 .. n-1: cluster[i] gets the lowest node of i's cluster.
 * Merges while the best mean edge weight between two clusters is at least
 * `threshold`. */
void wn_agglo_run(size_t n, const wn_agglo_edge *edges, size_t nedges, double threshold,
                  const wn_agglo_hooks *hooks, uint32_t *cluster);

#endif
