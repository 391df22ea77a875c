/*
 * survive.c -- survivorship per field; see survive.h.
 */
#include "survive.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sort.h"

typedef struct ctx {
    const wn_store *s;
    const wn_rules *r;
    const char *const *source_names;
} ctx;

static const char *recency(const ctx *c, uint32_t rec)
{
    return wn_store_str(c->s, rec, (int)c->r->recency_field);
}

static size_t source_rank(const ctx *c, uint32_t rec)
{
    const char *name = c->source_names ? c->source_names[c->s->source[rec]] : NULL;
    for (size_t i = 0; name && i < c->r->nsource_priority; i++) {
        const char *want = c->r->source_priority[i];
        size_t nl = strlen(name), wl = strlen(want);
        /* "crm.csv" names the input "exports/crm.csv" too */
        if (nl >= wl && strcmp(name + nl - wl, want) == 0) return i;
    }
    return c->r->nsource_priority;
}

/* The common tie-break: more complete, then more recent, then earlier. */
static bool better_member(const ctx *c, uint32_t x, uint32_t y)
{
    unsigned fx = wn_store_filled(c->s, x), fy = wn_store_filled(c->s, y);
    if (fx != fy) return fx > fy;
    int rc = strcmp(recency(c, x), recency(c, y));
    if (rc != 0) return rc > 0;
    return x < y;
}

static bool better_for(const ctx *c, wn_survivor_rule rule, int field, const uint32_t *members,
                       size_t n, uint32_t x, uint32_t y)
{
    switch (rule) {
    case WN_SURV_MOST_RECENT: {
        int rc = strcmp(recency(c, x), recency(c, y));
        if (rc != 0) return rc > 0;
        break;
    }
    case WN_SURV_MOST_FREQUENT: {
        uint32_t vx = wn_store_vid(c->s, x, field), vy = wn_store_vid(c->s, y, field);
        size_t fx = 0, fy = 0;
        for (size_t i = 0; i < n; i++) {
            fx += wn_store_vid(c->s, members[i], field) == vx;
            fy += wn_store_vid(c->s, members[i], field) == vy;
        }
        if (fx != fy) return fx > fy;
        break;
    }
    case WN_SURV_LONGEST: {
        uint32_t lx = wn_store_len(c->s, x, field), ly = wn_store_len(c->s, y, field);
        if (lx != ly) return lx > ly;
        break;
    }
    case WN_SURV_SOURCE_PRIORITY: {
        size_t rx = source_rank(c, x), ry = source_rank(c, y);
        if (rx != ry) return rx < ry;
        break;
    }
    case WN_SURV_FIRST_NON_EMPTY:
        return x < y;
    default:
        break;
    }
    return better_member(c, x, y);
}

/* Decides cluster number k (of those with several members). */
static void decide_cluster(const ctx *c, const uint32_t *members, size_t n, uint32_t k,
                           wn_golden *g)
{
    uint32_t survivor = members[0];
    for (size_t i = 1; i < n; i++)
        if (better_member(c, members[i], survivor)) survivor = members[i];
    g->survivor[survivor] = k + 1;
    for (int f = 1; f < WN_F_COUNT; f++) {
        wn_survivor_rule rule = c->r->survivor_set[f] ? c->r->survivor[f] : c->r->survivor_default;
        uint32_t best = UINT32_MAX;
        for (size_t i = 0; i < n; i++) {
            if (!wn_store_vid(c->s, members[i], f)) continue;
            if (best == UINT32_MAX || better_for(c, rule, f, members, n, members[i], best))
                best = members[i];
        }
        g->winner[(uint64_t)k * WN_F_COUNT + (unsigned)f] = best;
        g->rule[(uint64_t)k * WN_F_COUNT + (unsigned)f] = (uint8_t)rule;
    }
}

/* A share of the clusters, decided on one thread: clusters [first, last),
 * whose members are order[starts[k]..starts[k + 1]). Each cluster writes
 * only its own rows of `winner` and `rule` and its survivor's entry. */
typedef struct share {
    const ctx *cx;
    const uint64_t *order;
    const size_t *starts;
    uint32_t first, last;
    wn_golden *out;
    pthread_t thread;
} share;

static void *decide_share(void *arg)
{
    const share *sh = arg;
    size_t most = 0;
    for (uint32_t k = sh->first; k < sh->last; k++)
        if (sh->starts[k + 1] - sh->starts[k] > most) most = sh->starts[k + 1] - sh->starts[k];
    uint32_t *members = wn_xmalloc((most ? most : 1) * sizeof *members);
    for (uint32_t k = sh->first; k < sh->last; k++) {
        size_t n = 0;
        for (size_t j = sh->starts[k]; j < sh->starts[k + 1]; j++)
            members[n++] = (uint32_t)sh->order[j];
        decide_cluster(sh->cx, members, n, k, sh->out);
    }
    free(members);
    return NULL;
}

#define MAX_THREADS 64

void wn_golden_build(const wn_store *s, const wn_rules *r, const wn_clusters *c,
                     const char *const *source_names, unsigned threads, wn_golden *out)
{
    size_t n = s->nrec ? s->nrec : 1, nmulti = c->nmulti ? c->nmulti : 1;
    out->survivor = wn_xcalloc(n, sizeof *out->survivor);
    out->winner = wn_xmalloc(nmulti * WN_F_COUNT * sizeof *out->winner);
    memset(out->winner, 0xFF, nmulti * WN_F_COUNT * sizeof *out->winner);
    out->rule = wn_xcalloc(nmulti * WN_F_COUNT, sizeof *out->rule);
    /* Members grouped by cluster: sort (root, record) keys. */
    uint64_t *order = wn_xmalloc(n * sizeof *order);
    size_t m = 0;
    for (uint32_t i = 0; i < s->nrec; i++)
        if (c->size[c->root[i]] > 1) order[m++] = (uint64_t)c->root[i] << 32 | i;
    wn_sort_u64(order, m);
    /* Where each cluster's members start (cluster k is the k-th root). */
    size_t *starts = wn_xmalloc((nmulti + 1) * sizeof *starts);
    uint32_t nclusters = 0;
    for (size_t i = 0; i < m; i++)
        if (i == 0 || order[i] >> 32 != order[i - 1] >> 32) starts[nclusters++] = i;
    starts[nclusters] = m;
    /* Shares of about equal members, cut at cluster starts. */
    ctx cx = {s, r, source_names};
    if (threads < 1) threads = 1;
    if (threads > MAX_THREADS) threads = MAX_THREADS;
    share sh[MAX_THREADS];
    uint32_t k = 0;
    for (unsigned t = 0; t < threads; t++) {
        size_t until = m * (t + 1) / threads;
        sh[t] = (share){.cx = &cx, .order = order, .starts = starts, .first = k, .out = out};
        while (k < nclusters && (t + 1 == threads || starts[k] < until))
            k++;
        sh[t].last = k;
    }
    unsigned started = 1;
    for (; started < threads; started++)
        if (pthread_create(&sh[started].thread, NULL, decide_share, &sh[started]) != 0) break;
    for (unsigned t = started; t < threads; t++) /* could not start: done here */
        decide_share(&sh[t]);
    decide_share(&sh[0]);
    for (unsigned t = 1; t < started; t++)
        pthread_join(sh[t].thread, NULL);
    free(starts);
    free(order);
}

void wn_golden_free(wn_golden *g)
{
    free(g->survivor);
    free(g->winner);
    free(g->rule);
    memset(g, 0, sizeof *g);
}
