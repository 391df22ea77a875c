/*
 * cluster.h -- from matched pairs to clusters of one customer each.
 *
 * Union-find (with path halving and union by size) over the pairs at or
 * above the match threshold, taken strongest first, so that when a guard
 * refuses a link it is always the weakest one:
 *
 *   - hard identifiers: two records whose hard-id values (rules:
 *     clustering.hard_ids, e.g. a national id) are both valid and clearly
 *     different (more than one edit apart: a typo is not another person) are
 *     never in one cluster, directly or through others. Each cluster keeps
 *     the hard-id values it has, so the check is O(1) per link;
 *   - size: a link that would grow a cluster beyond max_cluster is refused;
 *   - given names (clustering.distinct_given_names): two records of one
 *     home (their street lines or phones agree) whose given names are both
 *     filled and clearly different (not a typo, nickname, initial or swap)
 *     are different people unless something personal agrees: the email,
 *     the tax id, or the date of birth. Members of one household share a
 *     surname, an address and a phone; the scorer, which assumes fields
 *     independent, counts those correlated agreements several times over
 *     and would merge them. Without a shared home there is no such
 *     dependence to correct, and given names are evidence like any other
 *     (historical registers spell one man "thomas", "tho." and "sir
 *     thomas"). The birth date counts as personal too, unless both
 *     records have an email and the emails differ: twins share a home, a
 *     surname and a birth date, and have their own addresses, while a
 *     duplicate whose given name was replaced (as FEBRL's are) usually has
 *     no second mailbox to show for it;
 *   - generations: a father and his son share a name, an address and a
 *     phone. Records whose generational suffixes differ (Jr against Sr, II
 *     against III; from the suffix column, or the end of the family or full
 *     name when the export has none) are never linked directly; a suffix on
 *     one side only ("Wilson Jr." and "Wilson") is the same conflict unless
 *     the email, the tax id or the birth date agrees (the suffix was left
 *     out, not another generation).
 *
 * Refused links go to review. The order of pairs is fixed by (weight
 * descending, a, b), so clusters never depend on the thread count.
 */
#ifndef WN_CLUSTER_H
#define WN_CLUSTER_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include "rules.h"
#include "store.h"

typedef struct wn_scored_pair {
    uint32_t a, b;
    double weight;
    uint64_t vec;
    uint8_t outcome; /* enum wn_pair_outcome, set by wn_cluster_build */
    bool identical;  /* the records are equal in every value: they always merge */
} wn_scored_pair;

enum wn_pair_outcome {
    WN_PAIR_BELOW = 0,          /* under the review threshold */
    WN_PAIR_REVIEW,             /* between review and match thresholds */
    WN_PAIR_MATCHED,            /* linked */
    WN_PAIR_REFUSED_ID,         /* a match, refused: conflicting hard identifiers (to review) */
    WN_PAIR_REFUSED_SIZE,       /* a match, refused: cluster size cap (to review) */
    WN_PAIR_REFUSED_NAME,       /* a match, refused: different given names (to review) */
    WN_PAIR_REFUSED_GENERATION, /* a match, refused: Jr against Sr (to review) */
    WN_PAIR_OUTCOME_COUNT
};

const char *wn_pair_outcome_name(int outcome);

typedef struct wn_clusters {
    uint32_t *root; /* per record: its cluster's representative (lowest record index) */
    uint32_t *size; /* per record: size of its cluster (valid at roots) */
    uint32_t nclusters;
    uint32_t nmulti; /* clusters of two or more */
    uint64_t refused_id, refused_size, refused_name, refused_generation;
} wn_clusters;

/* Puts the pairs at or above the review weight first, in (weight desc, a, b)
 * order, and the others (all WN_PAIR_BELOW) after them, in an order that
 * depends only on the input order; sets each outcome and builds the
 * clusters. Most candidate pairs are below review (at 10M records, tens of
 * millions): they are never sorted. */
/* What the data say of the guards (match.c decides from the trained model). */
typedef struct wn_cluster_guards {
    const wn_field *hard_ids; /* the hard ids enforced */
    size_t nhard_ids;
} wn_cluster_guards;

void wn_cluster_build(const wn_store *s, const wn_rules *r, const wn_cluster_guards *guards,
                      wn_scored_pair *pairs, size_t n, double match_weight, double review_weight,
                      wn_clusters *out);
void wn_clusters_free(wn_clusters *c);

/* A stable cluster id: 16 hex digits of xxh3 over the smallest (source,
 * record id) of the cluster, so it survives reordering of the input. */
void wn_cluster_ids(const wn_store *s, const wn_clusters *c, char (*ids)[17]);

#endif
