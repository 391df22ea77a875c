/*
 * cluster.c -- guarded union-find; see cluster.h.
 */
#include "cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "buf.h"
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

static int try_link(const wn_store *s, const wn_rules *r, guard *g, uint32_t *parent,
                    uint32_t *size, uint32_t a, uint32_t b)
{
    uint32_t ra = find(parent, a), rb = find(parent, b);
    if (ra == rb) return WN_PAIR_MATCHED;
    if (ids_conflict(s, g, ra, rb)) return WN_PAIR_REFUSED_ID;
    if ((size_t)size[ra] + size[rb] > r->max_cluster) return WN_PAIR_REFUSED_SIZE;
    /* The lower index becomes the root, so roots are deterministic. */
    if (rb < ra) {
        uint32_t t = ra;
        ra = rb;
        rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
    for (size_t k = 0; k < g->nids; k++)
        if (!g->value[(size_t)ra * g->nids + k])
            g->value[(size_t)ra * g->nids + k] = g->value[(size_t)rb * g->nids + k];
    return WN_PAIR_MATCHED;
}

/* Whether a personal identifier agrees: the email, the tax id (or one typo
 * in it) or the birth date. */
static bool personal_id_agrees(const wn_rules *r, uint64_t vec)
{
    bool agrees = false;
    for (size_t k = 0; k < r->ncomparisons && k < WN_COMPARE_MAX; k++) {
        wn_field f = r->comparisons[k].field;
        int lvl = wn_vec_level(vec, k);
        if (f == WN_F_EMAIL || f == WN_F_TAX_ID || f == WN_F_BIRTH_DATE)
            agrees |= lvl == WN_LVL_EXACT || (f == WN_F_TAX_ID && lvl == WN_LVL_CLOSE);
    }
    return agrees;
}

/* Different given names and no agreeing personal identifier (see cluster.h). */
static bool names_conflict(const wn_rules *r, uint64_t vec)
{
    int given = WN_LVL_MISSING;
    for (size_t k = 0; k < r->ncomparisons && k < WN_COMPARE_MAX; k++)
        if (r->comparisons[k].field == WN_F_FIRST_NAME) given = wn_vec_level(vec, k);
    return given == WN_LVL_DIFFERENT && !personal_id_agrees(r, vec);
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
    return (ga && gb) || !personal_id_agrees(r, p->vec);
}

void wn_cluster_build(const wn_store *s, const wn_rules *r, const wn_field *hard_ids,
                      size_t nhard_ids, wn_scored_pair *pairs, size_t n, double match_weight,
                      double review_weight, wn_clusters *out)
{
    memset(out, 0, sizeof *out);
    uint32_t nrec = s->nrec;
    uint32_t *parent = wn_xmalloc((nrec ? nrec : 1) * sizeof *parent);
    out->size = wn_xmalloc((nrec ? nrec : 1) * sizeof *out->size);
    guard g = {.nids = nhard_ids, .ids = hard_ids};
    g.value = wn_xcalloc((size_t)(nrec ? nrec : 1) * (g.nids ? g.nids : 1), sizeof *g.value);
    for (uint32_t i = 0; i < nrec; i++) {
        parent[i] = i;
        out->size[i] = 1;
        for (size_t k = 0; k < g.nids; k++)
            g.value[(size_t)i * g.nids + k] = wn_store_vid(s, i, (int)g.ids[k]);
    }
    size_t above = 0;
    for (size_t i = 0; i < n; i++) {
        /* Identical records always merge, whatever their weight: where
         * everyone agrees, agreeing is no evidence (u near 1). */
        if (pairs[i].weight < review_weight && !pairs[i].identical) {
            pairs[i].outcome = WN_PAIR_BELOW;
            continue;
        }
        wn_scored_pair t = pairs[above];
        pairs[above++] = pairs[i];
        pairs[i] = t;
    }
    sort_pairs(pairs, above);
    for (size_t i = 0; i < above; i++) {
        wn_scored_pair *p = &pairs[i];
        if (p->weight < match_weight && !p->identical) {
            p->outcome = WN_PAIR_REVIEW;
        } else if (r->distinct_given_names && names_conflict(r, p->vec)) {
            p->outcome = WN_PAIR_REFUSED_NAME;
            out->refused_name++;
        } else if (generations_conflict(s, r, p)) {
            p->outcome = WN_PAIR_REFUSED_GENERATION;
            out->refused_generation++;
        } else {
            p->outcome = (uint8_t)try_link(s, r, &g, parent, out->size, p->a, p->b);
            out->refused_id += p->outcome == WN_PAIR_REFUSED_ID;
            out->refused_size += p->outcome == WN_PAIR_REFUSED_SIZE;
        }
    }
    for (uint32_t i = 0; i < nrec; i++) {
        parent[i] = find(parent, i);
        if (parent[i] == i) {
            out->nclusters++;
            out->nmulti += out->size[i] > 1;
        }
    }
    out->root = parent;
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
