/*
 * model.h -- unsupervised Fellegi-Sunter scoring.
 *
 * Fellegi & Sunter (1969), "A theory for record linkage", JASA 64:1183: for a
 * pair with comparison levels (l_1..l_k), assuming fields independent given
 * the match status,
 *
 *     weight = log2(p / (1-p)) + sum_k log2(m_k[l_k] / u_k[l_k])
 *
 * where m_k[l] = P(level l | match), u_k[l] = P(level l | non-match) and p
 * the share of matches among candidate pairs; the match probability is
 * 1 / (1 + 2^-weight). A missing value contributes nothing.
 *
 * No labels are needed:
 *   - u comes from a random sample of record pairs, which are almost all
 *     non-matches (Splink estimates u the same way);
 *   - m and p come from expectation-maximisation over the candidate pairs
 *     (Winkler 1988, "Using the EM algorithm for weight computation in the
 *     Fellegi-Sunter model of record linkage"), run on the histogram of
 *     distinct comparison vectors -- a million pairs usually have only a few
 *     thousand distinct vectors -- with u held fixed;
 *   - on exact agreement, fields marked tf_adjust use the value's own
 *     frequency for u (a shared "Smith" is weak evidence, a shared
 *     "Wojciechowski" strong), from the store's interned counts;
 *   - with a labels file, m is counted from the labelled matches instead.
 *
 * Thresholds, unless the rules fix them, come from the distribution of
 * weights over the candidate pairs; see wn_model_thresholds().
 *
 * A hard identifier (rules: clustering.hard_ids) is enforced only when the
 * data show it is reliable: EM's m for "different" below 1% (matches almost
 * never disagree on it). In an export where the id is itself noisy, a
 * disagreement is ordinary evidence, weighed like any other field.
 */
#ifndef WN_MODEL_H
#define WN_MODEL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compare.h"

typedef struct wn_model {
    size_t ncmp;
    double m[WN_COMPARE_MAX][WN_LVL_COUNT];
    double u[WN_COMPARE_MAX][WN_LVL_COUNT];        /* among candidate pairs (EM) */
    double u_random[WN_COMPARE_MAX][WN_LVL_COUNT]; /* among random pairs */
    double prior;                                  /* P(match) among candidate pairs */
    double lambda;    /* P(match) of two records taken at random: the prior of a pair's score */
    double all_pairs; /* the pairs there are (n(n-1)/2, or left x right) */
    int iterations;   /* EM iterations run */
    bool converged;
    uint64_t u_pairs;       /* random pairs sampled for u */
    double match_threshold; /* probabilities */
    double review_threshold;
    double match_weight; /* the same, as weights */
    double review_weight;
    bool thresholds_auto;
    bool review_auto;
} wn_model;

/* How the thresholds were chosen, in words (for the summary and
 * report.json): the match rule, then the review rule. */
const char *wn_model_match_rule(const wn_model *mdl);
const char *wn_model_review_rule(const wn_model *mdl);

/* The random pairs u is estimated from: `sample` of them (all pairs when
 * there are fewer), each packed as a << 32 | b; `side` non-NULL restricts
 * them to pairs across sides (link mode). Deterministic for a given seed.
 * Returns how many; *pairs is malloc'd. The caller compares them (in
 * parallel: the pairs do not depend on the thread count). */
size_t wn_model_u_pairs(const wn_store *s, const uint8_t *side, size_t sample, uint64_t seed,
                        uint64_t **pairs);

/* u (and u_random) from the random pairs' comparison vectors. */
void wn_model_set_u(wn_model *mdl, const wn_rules *r, const uint64_t *vecs, size_t n);

/* EM for m and the prior over a histogram of distinct comparison vectors;
 * with `keep_m` (m from labels), for the prior alone. */
void wn_model_train_em(wn_model *mdl, const uint64_t *vecs, const uint64_t *counts, size_t n,
                       bool keep_m);

/* Makes each comparison's evidence monotone: the weight log2(m / u_random)
 * of a level never exceeds the one of a better level (exact, close,
 * loose, different). Where EM's m says otherwise -- a close last name worth
 * more than an exact one, from a few hundred pairs -- the levels are pooled
 * (adjacent violators: Ayer et al. 1955, "An empirical distribution
 * function for sampling with incomplete information") so they weigh the
 * same. */
void wn_model_monotone(wn_model *mdl);

/* m from labelled matching pairs' vectors (Laplace-smoothed counts). */
void wn_model_train_labels(wn_model *mdl, const uint64_t *match_vecs, size_t n);

/* The population prior: the matches EM expects among the `candidates`
 * spread over all `all_pairs` pairs (blocking is taken to find them all). */
void wn_model_set_lambda(wn_model *mdl, double candidates, double all_pairs);

/* The weight of a pair: log2 of the odds that two records taken at random
 * match (lambda), plus each field's log2(m / u) with u from random pairs
 * (the value's own frequency for tf_adjust fields on exact agreement), as
 * Fellegi and Sunter weigh a pair against the whole population -- so a
 * pair's score does not depend on which blocking pass found it.
 * `field_weights` (may be NULL) gets each comparison's contribution. */
double wn_model_weight(const wn_model *mdl, const wn_store *s, const wn_rules *r, uint32_t a,
                       uint32_t b, uint64_t vec, double *field_weights);

static inline double wn_model_probability(double weight)
{
    return 1.0 / (1.0 + exp2(-weight));
}

/* Sets the thresholds: the rules' when given, else from `weights` (the
 * candidate pairs' weights, any order); see model.c. */
void wn_model_thresholds(wn_model *mdl, const wn_rules *r, const double *weights, size_t n);

#endif
