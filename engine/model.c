/*
 * model.c -- Fellegi-Sunter weights, u sampling, EM; see model.h.
 */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Probabilities are kept away from 0 and 1 so every weight is finite. */
#define P_FLOOR           1e-6
#define EM_MAX_ITERATIONS 200
#define EM_TOLERANCE      1e-7

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double clamp_p(double p)
{
    return p < P_FLOOR ? P_FLOOR : p > 1.0 - P_FLOOR ? 1.0 - P_FLOOR : p;
}

/* Normalises counts over the non-missing levels into probabilities, with
 * add-`alpha` smoothing. */
static void normalise(double *dst, const double *counts, double alpha)
{
    double total = 0.0;
    for (int l = WN_LVL_EXACT; l < WN_LVL_COUNT; l++)
        total += counts[l] + alpha;
    dst[WN_LVL_MISSING] = 1.0;
    for (int l = WN_LVL_EXACT; l < WN_LVL_COUNT; l++)
        dst[l] = clamp_p((counts[l] + alpha) / total);
}

size_t wn_model_u_pairs(const wn_store *s, const uint8_t *side, size_t sample, uint64_t seed,
                        uint64_t **pairs)
{
    uint64_t n = s->nrec, all = n * (n - (n > 0)) / 2, state = seed;
    bool exhaustive = all <= sample;
    uint64_t want = exhaustive ? all : sample;
    uint64_t *out = wn_xmalloc((want ? want : 1) * sizeof *out);
    size_t taken = 0;
    uint32_t a = 0, b = 1;
    for (uint64_t i = 0; n >= 2 && i < want; i++) {
        if (exhaustive) { /* every pair once, in order */
            if (b >= n) {
                a++;
                b = a + 1;
            }
        } else {
            a = (uint32_t)(splitmix64(&state) % n);
            b = (uint32_t)(splitmix64(&state) % n);
        }
        uint32_t x = a, y = b;
        if (exhaustive) b++;
        if (x == y || (side && side[x] == side[y])) continue;
        out[taken++] = (uint64_t)x << 32 | y;
    }
    *pairs = out;
    return taken;
}

void wn_model_set_u(wn_model *mdl, const wn_rules *r, const uint64_t *vecs, size_t n)
{
    mdl->ncmp = r->ncomparisons < WN_COMPARE_MAX ? r->ncomparisons : WN_COMPARE_MAX;
    double counts[WN_COMPARE_MAX][WN_LVL_COUNT];
    memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < mdl->ncmp; k++)
            counts[k][wn_vec_level(vecs[i], k)] += 1.0;
    for (size_t k = 0; k < mdl->ncmp; k++) {
        normalise(mdl->u[k], counts[k], 1.0);
        memcpy(mdl->u_random[k], mdl->u[k], sizeof mdl->u[k]);
    }
    mdl->u_pairs = n;
}

/* Starting m, and the built-in prior where the data is too small to train:
 * matches mostly agree exactly (0.80), a few differ by a typo (close 0.10),
 * rarely more (loose and different 0.05 each) -- the shape the record
 * linkage literature reports for clerically keyed names, dates and
 * addresses (Winkler 1988; Splink's starting m is alike). It starts EM far
 * on the match side, so that EM calls the class that agrees "match", and it
 * stays in EM's M step as a Dirichlet prior worth EM_PRIOR_PAIRS matches:
 * a file with a handful of duplicates keeps m near it (two strangers who
 * share a common name and a city do not merge in a 60-row file), while an
 * export with hundreds of duplicates learns its own. */
static const double em_start_m[WN_LVL_COUNT] = {1.0, 0.80, 0.10, 0.05, 0.05};
#define EM_PRIOR_PAIRS 10.0

static void em_start(wn_model *mdl)
{
    for (size_t k = 0; k < mdl->ncmp; k++)
        memcpy(mdl->m[k], em_start_m, sizeof em_start_m);
    mdl->prior = 0.1;
}

static double vec_ratio_log2(const wn_model *mdl, uint64_t vec)
{
    double w = 0.0;
    for (size_t k = 0; k < mdl->ncmp; k++) {
        int l = wn_vec_level(vec, k);
        if (l != WN_LVL_MISSING) w += log2(mdl->m[k][l] / mdl->u[k][l]);
    }
    return w;
}

/* EM iterations until the parameters stop moving; m is held when !update_m. */
static void em_iterate(wn_model *mdl, const uint64_t *vecs, const uint64_t *counts, size_t n,
                       double total, bool update_m)
{
    double mc[WN_COMPARE_MAX][WN_LVL_COUNT], uc[WN_COMPARE_MAX][WN_LVL_COUNT];
    for (int it = 0; it < EM_MAX_ITERATIONS; it++) {
        memset(mc, 0, sizeof mc);
        memset(uc, 0, sizeof uc);
        double matched = 0.0;
        double prior_w = log2(mdl->prior / (1.0 - mdl->prior));
        for (size_t i = 0; i < n; i++) { /* E step: P(match | vector) */
            double g = 1.0 / (1.0 + exp2(-(prior_w + vec_ratio_log2(mdl, vecs[i]))));
            double gw = g * (double)counts[i], uw = (1.0 - g) * (double)counts[i];
            matched += gw;
            for (size_t k = 0; k < mdl->ncmp; k++) {
                mc[k][wn_vec_level(vecs[i], k)] += gw;
                uc[k][wn_vec_level(vecs[i], k)] += uw;
            }
        }
        double change = fabs(clamp_p(matched / total) - mdl->prior);
        mdl->prior = clamp_p(matched / total); /* M step */
        for (size_t k = 0; k < mdl->ncmp; k++) {
            double before[2][WN_LVL_COUNT], pseudo[WN_LVL_COUNT];
            memcpy(before[0], mdl->m[k], sizeof before[0]);
            memcpy(before[1], mdl->u[k], sizeof before[1]);
            if (update_m) {
                /* MAP estimate: the start values count as EM_PRIOR_PAIRS pseudo
                 * pairs (a Dirichlet prior), so a small file cannot talk EM into
                 * believing that matches often disagree on a given name. */
                for (int l = 0; l < WN_LVL_COUNT; l++)
                    pseudo[l] = mc[k][l] + EM_PRIOR_PAIRS * em_start_m[l];
                normalise(mdl->m[k], pseudo, 0.0);
            }
            /* u among the candidates: blocking selected pairs that agree on
             * the keys, so non-matches here agree far more often than random
             * pairs do. The random-pair u is the prior, worth as many pseudo
             * pairs as there are candidates' non-matches, at most 1000. */
            double weight = fmin(1000.0, (total - matched) + 1.0);
            for (int l = 0; l < WN_LVL_COUNT; l++)
                pseudo[l] = uc[k][l] + weight * mdl->u_random[k][l];
            normalise(mdl->u[k], pseudo, 0.0);
            for (int l = WN_LVL_EXACT; l < WN_LVL_COUNT; l++)
                change = fmax(change, fmax(fabs(before[0][l] - mdl->m[k][l]),
                                           fabs(before[1][l] - mdl->u[k][l])));
        }
        mdl->iterations++;
        if (change < EM_TOLERANCE) {
            mdl->converged = true;
            return;
        }
    }
    mdl->converged = false;
}

/*
 * Two stages. First m is held at its start (matches mostly agree) while EM
 * learns what non-matches among the candidates look like, and how many
 * there are; then m and u are learnt together from there. Started jointly
 * from random-pair u, EM can settle on the wrong split when the candidates
 * hold many non-matches that agree on several fields (a blocking pass over
 * common names, at ten million records): the "match" class then takes the
 * bulk of the pairs, the prior goes to 0.7 and precision to 0.1. With u of
 * the candidates learnt first, the match class stays the minority that
 * agrees everywhere, and the joint fit only refines it (same result at 1M
 * rows and on FEBRL; the right one at 10M).
 */
void wn_model_train_em(wn_model *mdl, const uint64_t *vecs, const uint64_t *counts, size_t n,
                       bool keep_m)
{
    double m_given[WN_COMPARE_MAX][WN_LVL_COUNT];
    memcpy(m_given, mdl->m, sizeof m_given);
    em_start(mdl);
    if (keep_m) memcpy(mdl->m, m_given, sizeof m_given);
    double total = 0.0;
    for (size_t i = 0; i < n; i++)
        total += (double)counts[i];
    mdl->iterations = 0;
    mdl->converged = false;
    if (total == 0.0) return;
    em_iterate(mdl, vecs, counts, n, total, false);
    if (!keep_m) em_iterate(mdl, vecs, counts, n, total, true);
}

/* Pools adjacent violators of a non-increasing ratio m/u over levels
 * [WN_LVL_EXACT, WN_LVL_COUNT): blocks of levels share one ratio, the
 * pooled sum(m) / sum(u). */
static void monotone_levels(double *m, const double *u)
{
    int start[WN_LVL_COUNT], nblocks = 0;
    double bm[WN_LVL_COUNT], bu[WN_LVL_COUNT];
    for (int l = WN_LVL_EXACT; l < WN_LVL_COUNT; l++) {
        start[nblocks] = l;
        bm[nblocks] = m[l];
        bu[nblocks] = u[l];
        nblocks++;
        while (nblocks > 1 &&
               bm[nblocks - 2] / bu[nblocks - 2] < bm[nblocks - 1] / bu[nblocks - 1]) {
            bm[nblocks - 2] += bm[nblocks - 1];
            bu[nblocks - 2] += bu[nblocks - 1];
            nblocks--;
        }
    }
    for (int b = 0; b < nblocks; b++) {
        int end = b + 1 < nblocks ? start[b + 1] : WN_LVL_COUNT;
        for (int l = start[b]; l < end; l++)
            m[l] = clamp_p(u[l] * bm[b] / bu[b]);
    }
}

void wn_model_monotone(wn_model *mdl)
{
    for (size_t k = 0; k < mdl->ncmp; k++)
        monotone_levels(mdl->m[k], mdl->u_random[k]);
}

void wn_model_train_labels(wn_model *mdl, const uint64_t *match_vecs, size_t n)
{
    double mc[WN_COMPARE_MAX][WN_LVL_COUNT];
    memset(mc, 0, sizeof mc);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < mdl->ncmp; k++)
            mc[k][wn_vec_level(match_vecs[i], k)] += 1.0;
    for (size_t k = 0; k < mdl->ncmp; k++)
        normalise(mdl->m[k], mc[k], 1.0);
    mdl->iterations = 0;
    mdl->converged = true;
}

void wn_model_set_lambda(wn_model *mdl, double candidates, double all_pairs)
{
    mdl->all_pairs = all_pairs;
    double expected = mdl->prior * candidates;
    double floor = all_pairs > 0 ? 1.0 / all_pairs : 0.5;
    mdl->lambda = all_pairs > 0 ? expected / all_pairs : 0.5;
    if (mdl->lambda < floor) mdl->lambda = floor;
    if (mdl->lambda > 0.5) mdl->lambda = 0.5;
}

double wn_model_weight(const wn_model *mdl, const wn_store *s, const wn_rules *r, uint32_t a,
                       uint32_t b, uint64_t vec, double *field_weights)
{
    double w = log2(mdl->lambda / (1.0 - mdl->lambda));
    for (size_t k = 0; k < mdl->ncmp; k++) {
        int l = wn_vec_level(vec, k);
        double fw = 0.0;
        if (l != WN_LVL_MISSING) {
            double u = mdl->u_random[k][l];
            const wn_comparison *c = &r->comparisons[k];
            fw = log2(mdl->m[k][l] / u);
            if (l == WN_LVL_EXACT && c->tf_adjust) {
                /* The value's own frequency against the average one: a
                 * shared rare surname adds bits, a shared "smith" loses some. */
                const wn_intern *t = &s->slots[c->field];
                uint32_t va = wn_store_vid(s, a, (int)c->field);
                uint32_t vb = wn_store_vid(s, b, (int)c->field);
                if (va && va == vb && t->filled > 0) {
                    double tf = clamp_p((double)t->values[va].count / (double)t->filled);
                    fw += log2(mdl->u_random[k][WN_LVL_EXACT] / tf);
                }
            }
        }
        if (field_weights) field_weights[k] = fw;
        w += fw;
    }
    return w;
}

/*
 * Thresholds. The match weight, unless the rules fix it, is 0: posterior
 * 1/2, the Bayes decision for equal costs. It used to sit higher, at the
 * emptiest stretch of the weight histogram up to posterior 0.99, because
 * linking every pair above it let one overconfident pair join two people
 * and everyone linked to them; clusters now form by average linkage
 * (cluster.h), which asks the clusters as a whole, and the plain decision
 * does best on every labelled set we have (F1 against cuts from 0.3 to 0.9).
 *
 * The review band is for the pairs a person should decide: those below the
 * match weight that may still be one customer. Its lower edge is where the
 * band holds REVIEW_COVERAGE of the matches the model expects below the
 * match weight (the sum of their posteriors), taken from the highest
 * weight down -- so it widens where the scores leave many likely
 * duplicates unmerged and narrows where they separate cleanly -- but never
 * below posterior REVIEW_FLOOR (a pair less likely than that is not worth a
 * person's time).
 */
#define REVIEW_COVERAGE 0.9
#define REVIEW_FLOOR    0.01

static double logit2(double p)
{
    return log2(p / (1.0 - p));
}

static int cmp_desc(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a < b) - (a > b);
}

/* The review weight: see above. */
static double review_edge(const double *weights, size_t n, double match_weight)
{
    double floor = logit2(REVIEW_FLOOR), expected = 0,
           *below = wn_xmalloc((n ? n : 1) * sizeof *below);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (weights[i] < match_weight && weights[i] >= floor) {
            below[m++] = weights[i];
            expected += wn_model_probability(weights[i]);
        }
    qsort(below, m, sizeof *below, cmp_desc);
    /* No pair between the floor and the match weight: the band is empty
     * wherever its edge is; it is the floor, the widest it may be. */
    double edge = m ? match_weight : floor, covered = 0;
    for (size_t i = 0; i < m && covered < REVIEW_COVERAGE * expected; i++) {
        covered += wn_model_probability(below[i]);
        edge = below[i];
    }
    free(below);
    return edge;
}

const char *wn_model_match_rule(const wn_model *mdl)
{
    return mdl->thresholds_auto
               ? "more likely one customer than not; clusters merge on their mean weight"
               : "set by the rules";
}

const char *wn_model_review_rule(const wn_model *mdl)
{
    return mdl->review_auto
               ? "down to here, 90% of the duplicates expected among the pairs left apart"
               : "set by the rules";
}

void wn_model_thresholds(wn_model *mdl, const wn_rules *r, const double *weights, size_t n)
{
    mdl->thresholds_auto = r->match_threshold == WN_THRESHOLD_AUTO;
    mdl->review_auto = r->review_threshold == WN_THRESHOLD_AUTO;
    mdl->match_weight = mdl->thresholds_auto ? 0.0 : logit2(r->match_threshold);
    mdl->review_weight = r->review_threshold == WN_THRESHOLD_AUTO
                             ? review_edge(weights, n, mdl->match_weight)
                             : logit2(r->review_threshold);
    if (mdl->review_weight > mdl->match_weight) mdl->review_weight = mdl->match_weight;
    mdl->match_threshold = wn_model_probability(mdl->match_weight);
    mdl->review_threshold = wn_model_probability(mdl->review_weight);
}
