/*
 * match.c -- the matching stage; see match.h.
 */
#include "match.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "error.h"
#include "sort.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- parallel work over pair ranges ------------------------------------ */

typedef struct work {
    const wn_store *s;
    const wn_rules *r;
    const wn_model *model;
    wn_scored_pair *pairs;
    const uint64_t *cand;
    const uint64_t *mask; /* the candidates' pass masks (comparing only) */
    size_t from, to;
    bool score; /* false: compare (fill vec); true: weigh */
} work;

/* How far ahead a pair's records, values and texts are fetched (see
 * wn_compare_prefetch): the records of a pair, and of the u sample, are far
 * apart, and each stage needs the one before to have arrived. */
static const size_t prefetch_ahead[3] = {12, 6, 3};

static uint64_t pair_at(const work *w, size_t i)
{
    return w->score ? (uint64_t)w->pairs[i].a << 32 | w->pairs[i].b : w->cand[i];
}

static void *work_run(void *arg)
{
    work *w = arg;
    int slots[WN_SLOT_COUNT];
    size_t nslots = wn_compare_slots(w->r, slots);
    for (size_t i = w->from; i < w->to; i++) {
        wn_scored_pair *p = &w->pairs[i];
        for (int stage = 0; stage < (w->score ? 1 : 3); stage++) { /* weighing: ids and counts */
            if (i + prefetch_ahead[stage] >= w->to) continue;
            uint64_t ahead = pair_at(w, i + prefetch_ahead[stage]);
            wn_compare_prefetch(w->s, slots, nslots, (uint32_t)(ahead >> 32), stage);
            wn_compare_prefetch(w->s, slots, nslots, (uint32_t)ahead, stage);
        }
        if (w->score) {
            p->weight = wn_model_weight(w->model, w->s, w->r, p->a, p->b, p->vec, NULL);
        } else {
            p->a = (uint32_t)(w->cand[i] >> 32);
            p->b = (uint32_t)w->cand[i];
            p->vec = wn_compare_pair(w->s, w->r, p->a, p->b);
            p->outcome = WN_PAIR_BELOW;
            p->identical = w->mask && (w->mask[i] & WN_BLOCK_IDENTICAL);
        }
    }
    return NULL;
}

#define MAX_THREADS 256

static void parallel(int asked, work base, size_t n)
{
    /* 1 to MAX_THREADS (a library caller may ask for more), and no more than
     * one per 1024 pairs */
    size_t nt = asked < 1 ? 1 : asked > MAX_THREADS ? MAX_THREADS : (size_t)asked;
    if (nt > n / 1024 + 1) nt = n / 1024 + 1;
    int threads = (int)nt;
    pthread_t tid[MAX_THREADS];
    bool running[MAX_THREADS] = {false};
    work w[MAX_THREADS];
    size_t chunk = (n + nt - 1) / nt; // NOLINT(clang-analyzer-core.DivideZero): nt >= 1 above
    for (int t = 0; t < threads; t++) {
        w[t] = base;
        w[t].from = (size_t)t * chunk < n ? (size_t)t * chunk : n;
        w[t].to = w[t].from + chunk < n ? w[t].from + chunk : n;
        /* The last range runs here, as does any whose thread cannot start. */
        running[t] = t < threads - 1 && pthread_create(&tid[t], NULL, work_run, &w[t]) == 0;
        if (!running[t]) work_run(&w[t]);
    }
    for (int t = 0; t < threads; t++)
        if (running[t]) pthread_join(tid[t], NULL);
}

/* ---- training ------------------------------------------------------------ */

/* Distinct vectors and their counts, from the pairs whose pass mask has
 * bit `pass` (all pairs when `mask` is NULL), each vector's levels outside
 * `keep` (3 bits per comparison) made missing. */
static size_t histogram(const wn_scored_pair *pairs, size_t npairs, const uint64_t *mask,
                        size_t pass, uint64_t keep, uint64_t **vecs, uint64_t **counts)
{
    uint64_t *v = wn_xmalloc((npairs ? npairs : 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < npairs; i++)
        if (!mask || (mask[i] >> pass & 1)) v[n++] = pairs[i].vec & keep;
    wn_sort_u64(v, n);
    uint64_t *c = wn_xmalloc((n ? n : 1) * sizeof *c);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u > 0 && v[u - 1] == v[i]) {
            c[u - 1]++;
        } else {
            v[u] = v[i];
            c[u++] = 1;
        }
    }
    *vecs = v;
    *counts = c;
    return u;
}

/* Random pairs sampled for u. Random-pair u is EM's prior for u among the
 * candidates and the reference of the TF adjustment, not the final u; every
 * result we measure (FEBRL 3 and 4, six generated vendor exports, a link, 1M
 * generated rows) is the same, pair for pair, from 75,000 to 300,000 pairs.
 * Comparing random pairs is the costliest comparing there is (every field
 * differs), so the default sits at twice the smallest size measured. */
#define U_SAMPLE_PAIRS 150000

/* u from random pairs, compared on all threads. */
static void estimate_u(const wn_store *s, const wn_rules *r, const wn_match_opts *o, wn_match *m)
{
    uint64_t *sampled;
    size_t n = wn_model_u_pairs(s, o->side, o->u_sample ? o->u_sample : U_SAMPLE_PAIRS,
                                o->seed ? o->seed : 0x5EED, &sampled);
    wn_scored_pair *pairs = wn_xmalloc((n ? n : 1) * sizeof *pairs);
    work base = {.s = s, .r = r, .pairs = pairs, .cand = sampled};
    parallel(o->threads, base, n);
    uint64_t *vecs = sampled; /* reused: each pair is read before its slot is written */
    for (size_t i = 0; i < n; i++)
        vecs[i] = pairs[i].vec;
    wn_model_set_u(&m->model, r, vecs, n);
    free(pairs);
    free(sampled);
}

/* The vector bits of the comparisons pass p's keys do not read: a pass
 * pairs records that agree on its key, so its pairs say nothing of how
 * often matches agree there. */
static uint64_t pass_unkeyed(const wn_rules *r, size_t p)
{
    uint64_t keep = 0;
    for (size_t k = 0; k < r->ncomparisons; k++) {
        int slots[3];
        size_t ns = wn_compare_field_slots(r->comparisons[k].field, slots);
        bool keyed = false;
        for (size_t j = 0; j < r->passes[p].nparts; j++)
            for (size_t i = 0; i < ns; i++)
                keyed |= slots[i] == (int)r->passes[p].part_field[j];
        if (!keyed) keep |= (uint64_t)7 << (3 * k);
    }
    return keep;
}

/* Pairs a pass needs to teach m anything. */
#define PASS_MIN_PAIRS 50

/*
 * m, learnt pass by pass. EM on every candidate pair at once learns what
 * the bulk of the candidates looks like, and the bulk is whatever the
 * loosest pass brought: at 50,000 historical records, a pass on the birth
 * date alone brought 1.4 million pairs of strangers born the same day, and
 * EM's "non-match" class became "agrees on the birth date" (u 0.999) while
 * its "match" class took in every namesake -- m for a different birth date
 * 0.47 where the truth is 0.02. So, as Splink trains (Linacre et al. 2022,
 * "Splink: Free software for probabilistic record linkage at scale",
 * IJPDS 7(3)), each pass's pairs are fitted apart, with the comparisons the
 * pass keys on left out (they agree by construction), and a comparison's m
 * is the average of the passes that inform it, each weighted by the
 * matches EM expects among its pairs. Within the pass on names, EM splits
 * the same person from namesakes; within the one on birth dates, the same
 * person from strangers born that day. A comparison no pass informs keeps
 * the m of EM over all candidates.
 */
static void train_m_by_pass(const wn_rules *r, wn_match *m, const wn_model *all)
{
    double acc[WN_COMPARE_MAX][WN_LVL_COUNT] = {{0}}, weight[WN_COMPARE_MAX] = {0};
    size_t npasses = r->npasses < WN_BLOCK_MASK_PASSES ? r->npasses : WN_BLOCK_MASK_PASSES;
    for (size_t p = 0; p < npasses && m->cand.pass_mask; p++) {
        if (m->cand.passes[p].pairs == 0) continue; /* no pair of its own */
        uint64_t keep = pass_unkeyed(r, p), *vecs, *counts;
        size_t nv = histogram(m->pairs, m->npairs, m->cand.pass_mask, p, keep, &vecs, &counts);
        double n = 0;
        for (size_t i = 0; i < nv; i++)
            n += (double)counts[i];
        if (n >= PASS_MIN_PAIRS && keep) {
            wn_model fit = *all;
            wn_model_train_em(&fit, vecs, counts, nv, false);
            double expected = fit.prior * n;
            for (size_t k = 0; k < fit.ncmp; k++) {
                if (!(keep >> (3 * k) & 7)) continue;
                weight[k] += expected;
                for (int l = 0; l < WN_LVL_COUNT; l++)
                    acc[k][l] += expected * fit.m[k][l];
            }
        }
        free(vecs);
        free(counts);
    }
    for (size_t k = 0; k < m->model.ncmp; k++) {
        for (int l = 0; l < WN_LVL_COUNT; l++)
            m->model.m[k][l] = weight[k] > 0 ? acc[k][l] / weight[k] : all->m[k][l];
    }
}

static void train(const wn_store *s, const wn_rules *r, const wn_match_opts *o, wn_match *m)
{
    estimate_u(s, r, o, m);
    uint64_t *vecs, *counts;
    m->nvectors = histogram(m->pairs, m->npairs, NULL, 0, UINT64_MAX, &vecs, &counts);
    if (o->nlabelled > 0) {
        uint64_t *lv = wn_xmalloc(o->nlabelled * sizeof *lv);
        for (size_t i = 0; i < o->nlabelled; i++)
            lv[i] = wn_compare_pair(s, r, (uint32_t)(o->labelled_matches[i] >> 32),
                                    (uint32_t)o->labelled_matches[i]);
        wn_model_train_labels(&m->model, lv, o->nlabelled);
        free(lv);
        /* m is known; the prior still comes from the candidate pairs. */
        wn_model_train_em(&m->model, vecs, counts, m->nvectors, true);
    } else {
        wn_model all = m->model;
        wn_model_train_em(&all, vecs, counts, m->nvectors, false);
        train_m_by_pass(r, m, &all);
        wn_model_monotone(&m->model);
        /* m is known; the prior (and u among the candidates) from all of them. */
        wn_model_train_em(&m->model, vecs, counts, m->nvectors, true);
    }
    free(vecs);
    free(counts);
    double n = (double)s->nrec, all = n * (n - 1) / 2;
    if (o->side) {
        double left = 0;
        for (uint32_t i = 0; i < s->nrec; i++)
            left += o->side[i] == 0;
        all = left * (n - left);
    }
    wn_model_set_lambda(&m->model, (double)m->npairs, all);
}

/* The hard ids the data show to be reliable (see model.h). */
static void enforced_hard_ids(const wn_rules *r, wn_match *m)
{
    m->nhard_ids = 0;
    for (size_t i = 0; i < r->nhard_ids; i++) {
        bool reliable = true;
        for (size_t k = 0; k < m->model.ncmp; k++)
            if (r->comparisons[k].field == r->hard_ids[i])
                reliable = m->model.m[k][WN_LVL_DIFFERENT] < 0.01;
        if (reliable) m->hard_ids[m->nhard_ids++] = r->hard_ids[i];
    }
}

/* Whether any record holds a value the comparison reads. */
static bool comparison_used(const wn_store *s, const wn_comparison *c)
{
    int slots[3];
    size_t n = wn_compare_field_slots(c->field, slots);
    for (size_t i = 0; i < n; i++)
        if (s->slots[slots[i]].n > 1) return true;
    return false;
}

/* The view of the rules matching uses (see match.h). */
static void comparisons_in_use(const wn_store *s, const wn_rules *r, wn_match *m)
{
    m->rules = *r;
    m->rules.comparisons = m->comparisons;
    m->rules.ncomparisons = 0;
    for (size_t k = 0; k < r->ncomparisons; k++) {
        if (!comparison_used(s, &r->comparisons[k]))
            m->unused_comparisons++;
        else if (m->rules.ncomparisons == WN_COMPARE_MAX)
            m->dropped_comparisons++;
        else
            m->comparisons[m->rules.ncomparisons++] = r->comparisons[k];
    }
}

int wn_match_run(const wn_store *s, const wn_rules *rules, const wn_match_opts *o, wn_match *m,
                 wn_error *err)
{
    memset(m, 0, sizeof *m);
    comparisons_in_use(s, rules, m);
    const wn_rules *r = &m->rules;
    double t0 = now();
    int rc = wn_block_run(s, r, o->side, o->max_pairs ? o->max_pairs : 200000000,
                          o->threads > 0 ? (unsigned)o->threads : 1, &m->cand, err);
    if (rc < 0) return rc;
    double t1 = now();
    m->npairs = m->cand.n;
    m->pairs = wn_xmalloc((m->npairs ? m->npairs : 1) * sizeof *m->pairs);
    work base = {
        .s = s, .r = r, .pairs = m->pairs, .cand = m->cand.pairs, .mask = m->cand.pass_mask};
    parallel(o->threads, base, m->npairs);
    double t2 = now();
    train(s, r, o, m);
    double t3 = now();
    base.score = true;
    base.model = &m->model;
    parallel(o->threads, base, m->npairs);
    double *w = wn_xmalloc((m->npairs ? m->npairs : 1) * sizeof *w);
    for (size_t i = 0; i < m->npairs; i++)
        w[i] = m->pairs[i].weight;
    wn_model_thresholds(&m->model, r, w, m->npairs);
    free(w);
    double t4 = now();
    enforced_hard_ids(r, m);
    wn_cluster_guards guards = {m->hard_ids, m->nhard_ids};
    wn_cluster_build(s, r, &guards, m->pairs, m->npairs, m->model.match_weight,
                     m->model.review_weight, &m->clusters);
    for (size_t i = 0; i < m->npairs; i++) {
        m->matched += m->pairs[i].outcome == WN_PAIR_MATCHED;
        m->review += m->pairs[i].outcome == WN_PAIR_REVIEW;
        m->refused += m->pairs[i].outcome >= WN_PAIR_REFUSED_ID;
    }
    double t5 = now();
    wn_golden_build(s, r, &m->clusters, o->source_names, o->threads > 0 ? (unsigned)o->threads : 1,
                    &m->golden);
    double t6 = now();
    m->times = (wn_match_times){t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5};
    return WN_OK;
}

void wn_match_free(wn_match *m)
{
    wn_candidates_free(&m->cand);
    free(m->pairs);
    wn_clusters_free(&m->clusters);
    wn_golden_free(&m->golden);
    memset(m, 0, sizeof *m);
}
