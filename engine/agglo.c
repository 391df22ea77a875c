/*
 * agglo.c -- average-linkage agglomeration; see agglo.h.
 *
 * Each live cluster keeps a list of links to its neighbours: the sum and
 * count of the edge weights between the two, and whether a cannot-link or a
 * refused merge stands between them. A max-heap holds candidate merges by
 * mean weight; merging folds one cluster's links into the other's (the
 * lists are short: a cluster borders few others in a component), bumps the
 * survivor's stamp so that its stale heap entries are skipped when popped,
 * and pushes its links again.
 */
#include "agglo.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

typedef struct link {
    uint32_t to;
    uint32_t count;  /* edges between the clusters */
    uint32_t cannot; /* of which cannot-links */
    double sum;
    bool refused; /* the caller refused the merge */
} link;

/* Whether two clusters may ever merge: not refused, and their cannot-links
 * under half of their edges. */
static bool mergeable(const link *l)
{
    return !l->refused && 2 * l->cannot < l->count;
}

typedef struct cluster {
    link *links;
    uint32_t n, cap;
    uint32_t stamp; /* changes whenever the cluster does */
    bool alive;
} cluster;

typedef struct entry {
    double mean;
    uint32_t x, y;   /* x < y */
    uint32_t sx, sy; /* the clusters' stamps when pushed */
} entry;

typedef struct heap {
    entry *e;
    size_t n, cap;
} heap;

/* Whether entry a comes out before b: higher mean, then lower ids. */
static bool before(const entry *a, const entry *b)
{
    if (a->mean != b->mean) return a->mean > b->mean;
    if (a->x != b->x) return a->x < b->x;
    return a->y < b->y;
}

static void heap_push(heap *h, entry e)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 64;
        h->e = wn_xrealloc(h->e, h->cap * sizeof *h->e);
    }
    size_t i = h->n++;
    while (i > 0 && before(&e, &h->e[(i - 1) / 2])) {
        h->e[i] = h->e[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->e[i] = e;
}

static entry heap_pop(heap *h)
{
    entry top = h->e[0], last = h->e[--h->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->n) break;
        if (c + 1 < h->n && before(&h->e[c + 1], &h->e[c])) c++;
        if (!before(&h->e[c], &last)) break;
        h->e[i] = h->e[c];
        i = c;
    }
    if (h->n) h->e[i] = last;
    return top;
}

static link *find_link(cluster *c, uint32_t to)
{
    for (uint32_t i = 0; i < c->n; i++)
        if (c->links[i].to == to) return &c->links[i];
    return NULL;
}

static link *get_link(cluster *c, uint32_t to)
{
    link *l = find_link(c, to);
    if (l) return l;
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 4;
        c->links = wn_xrealloc(c->links, c->cap * sizeof *c->links);
    }
    c->links[c->n] = (link){.to = to};
    return &c->links[c->n++];
}

static void drop_link(cluster *c, uint32_t to)
{
    for (uint32_t i = 0; i < c->n; i++)
        if (c->links[i].to == to) {
            c->links[i] = c->links[--c->n];
            return;
        }
}

static void push_links(heap *h, const cluster *cl, uint32_t x)
{
    for (uint32_t i = 0; i < cl[x].n; i++) {
        const link *l = &cl[x].links[i];
        if (!mergeable(l)) continue;
        uint32_t y = l->to, lo = x < y ? x : y, hi = x < y ? y : x;
        heap_push(h, (entry){l->sum / l->count, lo, hi, cl[lo].stamp, cl[hi].stamp});
    }
}

/* Folds cluster `from` into `into` (into < from). */
static void merge(cluster *cl, heap *h, uint32_t into, uint32_t from)
{
    cluster *x = &cl[into], *y = &cl[from];
    for (uint32_t i = 0; i < y->n; i++) {
        link l = y->links[i];
        if (l.to == into) continue;
        link *xl = get_link(x, l.to);
        xl->sum += l.sum;
        xl->count += l.count;
        xl->cannot += l.cannot;
        xl->refused |= l.refused;
        cluster *z = &cl[l.to];
        drop_link(z, from);
        *get_link(z, into) = (link){into, xl->count, xl->cannot, xl->sum, xl->refused};
    }
    drop_link(x, from);
    free(y->links);
    *y = (cluster){0};
    x->stamp++;
    push_links(h, cl, into);
}

static uint32_t find(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* Must-links first: their groups are the starting clusters (each named by
 * its lowest node). */
static void must_groups(size_t n, const wn_agglo_edge *edges, size_t nedges,
                        const wn_agglo_hooks *hooks, uint32_t *parent)
{
    for (uint32_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t k = 0; k < nedges; k++) {
        if (!edges[k].must) continue;
        uint32_t x = find(parent, edges[k].a), y = find(parent, edges[k].b);
        if (x == y) continue;
        uint32_t into = x < y ? x : y, from = x < y ? y : x;
        parent[from] = into;
        if (hooks && hooks->merged) hooks->merged(hooks->ctx, into, from);
    }
}

void wn_agglo_run(size_t n, const wn_agglo_edge *edges, size_t nedges, double threshold,
                  const wn_agglo_hooks *hooks, uint32_t *out)
{
    uint32_t *parent = wn_xmalloc((n ? n : 1) * sizeof *parent);
    must_groups(n, edges, nedges, hooks, parent);
    cluster *cl = wn_xcalloc(n ? n : 1, sizeof *cl);
    for (uint32_t i = 0; i < n; i++)
        cl[i].alive = find(parent, i) == i;
    for (size_t k = 0; k < nedges; k++) {
        uint32_t x = find(parent, edges[k].a), y = find(parent, edges[k].b);
        if (x == y) continue;
        link *l = get_link(&cl[x], y), *m = get_link(&cl[y], x);
        l->sum += edges[k].weight;
        l->count++;
        l->cannot += edges[k].cannot;
        *m = (link){x, l->count, l->cannot, l->sum, false};
    }
    heap h = {0};
    for (uint32_t x = 0; x < n; x++)
        for (uint32_t i = 0; cl[x].alive && i < cl[x].n; i++)
            if (cl[x].links[i].to > x && mergeable(&cl[x].links[i])) {
                const link *l = &cl[x].links[i];
                heap_push(&h, (entry){l->sum / l->count, x, l->to, cl[x].stamp, cl[l->to].stamp});
            }
    while (h.n > 0) {
        entry e = heap_pop(&h);
        if (e.mean < threshold) break; /* the best merge left is not good enough */
        if (!cl[e.x].alive || !cl[e.y].alive || cl[e.x].stamp != e.sx || cl[e.y].stamp != e.sy)
            continue; /* stale */
        if (hooks && hooks->allow && !hooks->allow(hooks->ctx, e.x, e.y)) {
            find_link(&cl[e.x], e.y)->refused = true; /* a refusal stands: clusters only grow */
            find_link(&cl[e.y], e.x)->refused = true;
            continue;
        }
        merge(cl, &h, e.x, e.y);
        parent[e.y] = e.x;
        if (hooks && hooks->merged) hooks->merged(hooks->ctx, e.x, e.y);
    }
    for (uint32_t i = 0; i < n; i++)
        out[i] = find(parent, i);
    for (uint32_t i = 0; i < n; i++)
        free(cl[i].links);
    free(cl);
    free(h.e);
    free(parent);
}
