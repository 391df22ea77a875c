/*
 * cluster.c -- guarded union-find; see cluster.h.
 */
#include "cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "buf.h"
#include "agglo.h"
#include "compare.h"
#include "name.h"
#include "sort.h"
#include "strsim.h"

static const char *const outcome_names[WN_PAIR_OUTCOME_COUNT] = {
    "below",        "review",       "matched",           "refused_id",
    "refused_size", "refused_name", "refused_generation"};

const char *wn_pair_outcome_name(int outcome)
{
    return outcome >= 0 && outcome < WN_PAIR_OUTCOME_COUNT ? outcome_names[outcome] : "?";
}

/* A weight's bits, made to sort as the weights do, highest first: IEEE
 * doubles order as integers once negatives are flipped whole and positives
 * get their sign bit set; the complement turns the order round. The two
 * zeros are one weight. */
static uint64_t weight_key_desc(double w)
{
    uint64_t u;
    if (w == 0) w = 0; /* -0.0 sorts as 0.0 */
    memcpy(&u, &w, sizeof u);
    u = u >> 63 ? ~u : u | (uint64_t)1 << 63;
    return ~u;
}

/* Sorts pairs by weight, highest first, then by (a, b): two stable radix
 * sorts, the minor key first (sort.h), then the pairs moved once. */
static void sort_pairs(wn_scored_pair *pairs, size_t n)
{
    wn_kv *kv = wn_xmalloc((n ? n : 1) * sizeof *kv);
    for (size_t i = 0; i < n; i++)
        kv[i] = (wn_kv){(uint64_t)pairs[i].a << 32 | pairs[i].b, i};
    wn_sort_kv(kv, n);
    for (size_t i = 0; i < n; i++)
        kv[i].key = weight_key_desc(pairs[kv[i].val].weight);
    wn_sort_kv(kv, n);
    wn_scored_pair *sorted = wn_xmalloc((n ? n : 1) * sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = pairs[kv[i].val];
    memcpy(pairs, sorted, n * sizeof *pairs);
    free(sorted);
    free(kv);
}

static uint32_t find(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

typedef struct guard {
    size_t nids;
    const wn_field *ids;
    uint32_t *value; /* per root and hard id: the cluster's value id, 0 if none */
} guard;

static bool ids_conflict(const wn_store *s, const guard *g, uint32_t ra, uint32_t rb)
{
    for (size_t k = 0; k < g->nids; k++) {
        uint32_t va = g->value[(size_t)ra * g->nids + k], vb = g->value[(size_t)rb * g->nids + k];
        if (!va || !vb || va == vb) continue;
        const wn_intern *t = &s->slots[g->ids[k]];
        const wn_value *x = &t->values[va], *y = &t->values[vb];
        if (wn_osa_distance(x->str, x->len, y->str, y->len, 1) > 1) return true;
    }
    return false;
}

/* Whether the clusters rooted at ra and rb may merge: neither the hard ids
 * nor the size cap stands in the way. */
static int merge_refusal(const wn_store *s, const wn_rules *r, const guard *g, const uint32_t *size,
                         uint32_t ra, uint32_t rb)
{
    if (ids_conflict(s, g, ra, rb)) return WN_PAIR_REFUSED_ID;
    if ((size_t)size[ra] + size[rb] > r->max_cluster) return WN_PAIR_REFUSED_SIZE;
    return WN_PAIR_MATCHED;
}

/* Folds root rb's hard ids and size into ra's. */
static void merge_roots(guard *g, uint32_t *size, uint32_t ra, uint32_t rb)
{
    size[ra] += size[rb];
    for (size_t k = 0; k < g->nids; k++)
        if (!g->value[(size_t)ra * g->nids + k])
            g->value[(size_t)ra * g->nids + k] = g->value[(size_t)rb * g->nids + k];
}

/* Whether a personal identifier agrees: the email, the tax id (or one typo
 * in it), and when `birth` the birth date. */
static bool personal_id_agrees(const wn_rules *r, uint64_t vec, bool birth)
{
    bool agrees = false;
    for (size_t k = 0; k < r->ncomparisons && k < WN_COMPARE_MAX; k++) {
        wn_field f = r->comparisons[k].field;
        int lvl = wn_vec_level(vec, k);
        if (f == WN_F_EMAIL || f == WN_F_TAX_ID || (birth && f == WN_F_BIRTH_DATE))
            agrees |= lvl == WN_LVL_EXACT || (f == WN_F_TAX_ID && lvl == WN_LVL_CLOSE);
    }
    return agrees;
}

/* Different given names at one home (the street line or the phone agree)
 * and no agreeing personal identifier: the email, the tax id, or the birth
 * date unless both records have an email and they differ (see cluster.h). */
static bool names_conflict(const wn_rules *r, uint64_t vec)
{
    int given = WN_LVL_MISSING, family = WN_LVL_MISSING;
    bool home = false, work = false, other_mail = false;
    for (size_t k = 0; k < r->ncomparisons && k < WN_COMPARE_MAX; k++) {
        wn_field f = r->comparisons[k].field;
        int lvl = wn_vec_level(vec, k);
        if (f == WN_F_FIRST_NAME)
            given = lvl;
        else if (f == WN_F_LAST_NAME)
            family = lvl;
        else if (f == WN_F_STREET || f == WN_F_PHONE)
            home |= lvl == WN_LVL_EXACT || lvl == WN_LVL_CLOSE;
        else if (f == WN_F_EMAIL)
            other_mail = lvl == WN_LVL_DIFFERENT;
        else if (f == WN_F_COMPANY)
            work = lvl == WN_LVL_EXACT || lvl == WN_LVL_CLOSE;
    }
    bool names = given == WN_LVL_DIFFERENT || (work && family == WN_LVL_DIFFERENT);
    return names && home && !personal_id_agrees(r, vec, !other_mail);
}

static int generation_of(const wn_store *s, uint32_t rec)
{
    const wn_value *v = wn_store_value(s, rec, WN_F_NAME_SUFFIX);
    return v->len ? wn_name_generation(v->str, v->len) : 0;
}

/* A father and his son (see cluster.h): Jr against Sr, or a generation on
 * one side only when no personal identifier agrees. */
static bool generations_conflict(const wn_store *s, const wn_rules *r, const wn_scored_pair *p)
{
    int ga = generation_of(s, p->a), gb = generation_of(s, p->b);
    if (ga == gb) return false;
    return (ga && gb) || !personal_id_agrees(r, p->vec, true);
}

/* The guards' state and the component being clustered, for the
 * agglomeration's hooks: nodes are the component's records, in order. */
typedef struct hooks_ctx {
    const wn_store *s;
    const wn_rules *r;
    guard *g;
    uint32_t *size;
    const uint32_t *records; /* node -> record */
} hooks_ctx;

static bool hook_allow(void *ctx, uint32_t x, uint32_t y)
{
    const hooks_ctx *h = ctx;
    return merge_refusal(h->s, h->r, h->g, h->size, h->records[x], h->records[y]) ==
           WN_PAIR_MATCHED;
}

static void hook_merged(void *ctx, uint32_t into, uint32_t from)
{
    hooks_ctx *h = ctx;
    merge_roots(h->g, h->size, h->records[into], h->records[from]);
}

/* Whether a guard forbids the pair's records in one cluster (see
 * cluster.h): different given names, or generations. */
static int pair_conflict(const wn_store *s, const wn_rules *r, const wn_scored_pair *p)
{
    if (r->distinct_given_names && names_conflict(r, p->vec)) return WN_PAIR_REFUSED_NAME;
    if (generations_conflict(s, r, p)) return WN_PAIR_REFUSED_GENERATION;
    return 0;
}

/* Components: records joined by the pairs at or above the match weight and
 * the identical ones; comp[i] is the lowest record of i's component. */
static void components(const wn_scored_pair *pairs, size_t n, double match_weight, uint32_t nrec,
                       uint32_t *comp)
{
    for (uint32_t i = 0; i < nrec; i++)
        comp[i] = i;
    for (size_t i = 0; i < n; i++) {
        if (pairs[i].weight < match_weight && !pairs[i].identical) continue;
        uint32_t x = find(comp, pairs[i].a), y = find(comp, pairs[i].b);
        if (x != y) comp[x > y ? x : y] = x < y ? x : y;
    }
    for (uint32_t i = 0; i < nrec; i++)
        comp[i] = find(comp, i);
}

/* The pairs inside each component, grouped: first[c] .. first[c + 1] of
 * `order` index the pairs of component c (a component's lowest record). */
static size_t *pairs_by_component(const wn_scored_pair *pairs, size_t n, const uint32_t *comp,
                                  uint32_t nrec, size_t **first_out)
{
    size_t *first = wn_xcalloc((size_t)nrec + 2, sizeof *first);
    for (size_t i = 0; i < n; i++)
        if (comp[pairs[i].a] == comp[pairs[i].b]) first[comp[pairs[i].a] + 1]++;
    for (uint32_t c = 0; c < nrec; c++)
        first[c + 1] += first[c];
    size_t *order = wn_xmalloc((first[nrec] ? first[nrec] : 1) * sizeof *order);
    size_t *at = wn_xmalloc(((size_t)nrec + 1) * sizeof *at);
    memcpy(at, first, ((size_t)nrec + 1) * sizeof *at);
    for (size_t i = 0; i < n; i++)
        if (comp[pairs[i].a] == comp[pairs[i].b]) order[at[comp[pairs[i].a]]++] = i;
    free(at);
    *first_out = first;
    return order;
}

/* Clusters one component (its records in `records`, its pairs at order[lo,
 * hi)) by average linkage; root[] gets each record's cluster (its lowest
 * record). */
static void cluster_component(hooks_ctx *h, const wn_scored_pair *pairs, const size_t *order,
                              size_t lo, size_t hi, uint32_t nrecords, uint32_t *local,
                              double match_weight, uint32_t *root)
{
    wn_agglo_edge *e = wn_xmalloc((hi - lo ? hi - lo : 1) * sizeof *e);
    for (size_t k = lo; k < hi; k++) {
        const wn_scored_pair *p = &pairs[order[k]];
        e[k - lo] = (wn_agglo_edge){.a = local[p->a],
                                    .b = local[p->b],
                                    .weight = p->weight,
                                    .cannot = pair_conflict(h->s, h->r, p) != 0,
                                    .must = p->identical};
    }
    uint32_t *cl = wn_xmalloc(nrecords * sizeof *cl);
    wn_agglo_hooks hooks = {h, hook_allow, hook_merged};
    wn_agglo_run(nrecords, e, hi - lo, match_weight, &hooks, cl);
    for (uint32_t i = 0; i < nrecords; i++)
        root[h->records[i]] = h->records[cl[i]];
    free(cl);
    free(e);
}

/* Each pair's outcome, once the clusters are known: why two records above
 * the match weight stayed apart, or review, or below. */
static void outcomes(const wn_store *s, const wn_rules *r, const guard *g, wn_scored_pair *pairs,
                     size_t n, double match_weight, double review_weight, wn_clusters *out)
{
    for (size_t i = 0; i < n; i++) {
        wn_scored_pair *p = &pairs[i];
        uint32_t ra = out->root[p->a], rb = out->root[p->b];
        int o;
        if (ra == rb && p->a != p->b)
            o = p->weight >= review_weight || p->identical ? WN_PAIR_MATCHED : WN_PAIR_BELOW;
        else if (p->weight < review_weight)
            o = WN_PAIR_BELOW;
        else if (p->weight < match_weight)
            o = WN_PAIR_REVIEW;
        else if ((o = pair_conflict(s, r, p)) == 0 &&
                 (o = merge_refusal(s, r, g, out->size, ra, rb)) == WN_PAIR_MATCHED)
            o = WN_PAIR_REVIEW; /* the clusters' mean weight kept them apart */
        p->outcome = (uint8_t)o;
        out->refused_id += o == WN_PAIR_REFUSED_ID;
        out->refused_size += o == WN_PAIR_REFUSED_SIZE;
        out->refused_name += o == WN_PAIR_REFUSED_NAME;
        out->refused_generation += o == WN_PAIR_REFUSED_GENERATION;
    }
}

void wn_cluster_build(const wn_store *s, const wn_rules *r, const wn_cluster_guards *guards,
                      wn_scored_pair *pairs, size_t n, double match_weight, double review_weight,
                      wn_clusters *out)
{
    memset(out, 0, sizeof *out);
    uint32_t nrec = s->nrec;
    out->root = wn_xmalloc((nrec ? nrec : 1) * sizeof *out->root);
    out->size = wn_xmalloc((nrec ? nrec : 1) * sizeof *out->size);
    guard g = {.nids = guards->nhard_ids, .ids = guards->hard_ids};
    g.value = wn_xcalloc((size_t)(nrec ? nrec : 1) * (g.nids ? g.nids : 1), sizeof *g.value);
    for (uint32_t i = 0; i < nrec; i++) {
        out->root[i] = i;
        out->size[i] = 1;
        for (size_t k = 0; k < g.nids; k++)
            g.value[(size_t)i * g.nids + k] = wn_store_vid(s, i, (int)g.ids[k]);
    }
    /* Components, then average linkage inside each. */
    uint32_t *comp = wn_xmalloc((nrec ? nrec : 1) * sizeof *comp);
    components(pairs, n, match_weight, nrec, comp);
    size_t *first, *order = pairs_by_component(pairs, n, comp, nrec, &first);
    uint32_t *members = wn_xmalloc((nrec ? nrec : 1) * sizeof *members);
    uint32_t *local = wn_xmalloc((nrec ? nrec : 1) * sizeof *local);
    size_t *start = wn_xcalloc((size_t)nrec + 1, sizeof *start);
    for (uint32_t i = 0; i < nrec; i++) /* members by component, in record order */
        start[comp[i] + 1]++;
    for (uint32_t c = 0; c < nrec; c++)
        start[c + 1] += start[c];
    for (uint32_t i = 0; i < nrec; i++)
        members[start[comp[i]]++] = i;
    for (uint32_t c = nrec; c > 0; c--) /* back to each component's first member */
        start[c] = start[c - 1];
    start[0] = 0;
    for (uint32_t c = 0; c < nrec; c++) {
        uint32_t k = (uint32_t)(start[c + 1] - start[c]);
        if (k < 2) continue;
        for (uint32_t j = 0; j < k; j++)
            local[members[start[c] + j]] = j;
        hooks_ctx h = {s, r, &g, out->size, &members[start[c]]};
        cluster_component(&h, pairs, order, first[c], first[c + 1], k, local, match_weight,
                          out->root);
    }
    free(start);
    free(local);
    free(members);
    free(order);
    free(first);
    free(comp);
    /* Outputs want the pairs at or above review first, in (weight desc, a,
     * b) order; the others after them, unsorted. */
    size_t above = 0;
    for (size_t i = 0; i < n; i++) {
        if (pairs[i].weight < review_weight && !pairs[i].identical) continue;
        wn_scored_pair t = pairs[above];
        pairs[above++] = pairs[i];
        pairs[i] = t;
    }
    sort_pairs(pairs, above);
    outcomes(s, r, &g, pairs, n, match_weight, review_weight, out);
    for (uint32_t i = 0; i < nrec; i++)
        if (out->root[i] == i) {
            out->nclusters++;
            out->nmulti += out->size[i] > 1;
        }
    free(g.value);
}

void wn_clusters_free(wn_clusters *c)
{
    free(c->root);
    free(c->size);
    memset(c, 0, sizeof *c);
}

void wn_cluster_ids(const wn_store *s, const wn_clusters *c, char (*ids)[17])
{
    /* The smallest (source, id) member of each cluster, found at its root. */
    uint32_t *least = wn_xmalloc((s->nrec ? s->nrec : 1) * sizeof *least);
    for (uint32_t i = 0; i < s->nrec; i++)
        least[i] = i;
    for (uint32_t i = 0; i < s->nrec; i++) {
        uint32_t root = c->root[i], cur = least[root];
        int order = s->source[i] != s->source[cur] ? (s->source[i] < s->source[cur] ? -1 : 1)
                                                   : strcmp(wn_store_id(s, i), wn_store_id(s, cur));
        if (order < 0) least[root] = i;
    }
    wn_buf key = {0};
    for (uint32_t i = 0; i < s->nrec; i++) {
        uint32_t root = c->root[i], m = least[root];
        if (root != i) { /* the root is the lowest member: its id is made */
            memcpy(ids[i], ids[root], 17);
            continue;
        }
        char num[24]; /* "<source>\x1f<record id>" */
        const char *p = wn_u64_dec(s->source[m], num + sizeof num);
        wn_buf_clear(&key);
        wn_buf_append(&key, p, (size_t)(num + sizeof num - p));
        wn_buf_putc(&key, '\x1f');
        wn_buf_append(&key, wn_store_id(s, m), s->ids.values[s->id[m]].len);
        uint64_t h = XXH3_64bits(key.data, key.len);
        for (int k = 15; k >= 0; k--, h >>= 4)
            ids[i][k] = "0123456789abcdef"[h & 15];
        ids[i][16] = '\0';
    }
    wn_buf_free(&key);
    free(least);
}
