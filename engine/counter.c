/*
 * counter.c -- exact-then-Misra-Gries frequency counts; see counter.h.
 */
#include "counter.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "buf.h"

static size_t slots_for(size_t entries)
{
    size_t n = 16;
    while (n < entries * 2)
        n *= 2;
    return n;
}

void wn_counter_init(wn_counter *c, size_t exact_limit, size_t mg_capacity, bool sketch)
{
    memset(c, 0, sizeof *c);
    c->exact_limit = exact_limit;
    c->mg_capacity = mg_capacity < exact_limit ? mg_capacity : exact_limit;
    c->exact = true;
    c->sketch = sketch;
    c->nslots = 64;
    c->slots = wn_xcalloc(c->nslots, sizeof *c->slots);
    wn_hll_init(&c->hll);
}

static wn_counter_slot *find_slot(const wn_counter *c, uint64_t hash, const char *s, size_t len)
{
    size_t mask = c->nslots - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        wn_counter_slot *slot = &c->slots[i];
        if (!slot->value) return slot;
        if (slot->hash == hash && slot->len == len && wn_bytes_equal(slot->value, s, len))
            return slot;
    }
}

/* The summary drops values at every decrement. Their strings stay in the
 * arena until it has this many bytes, and then the kept values' strings are
 * copied into a fresh one: copying them at every decrement, once every
 * mg_capacity/2 new values, cost more than counting the values. */
#define STRINGS_COMPACT_AT (256u << 10)

/* Files `nkeep` entries (not in the table) into the empty table; their
 * strings stay where they are. */
static void file_entries(wn_counter *c, const wn_counter_slot *keep, size_t nkeep)
{
    for (size_t i = 0; i < nkeep; i++)
        *find_slot(c, keep[i].hash, keep[i].value, keep[i].len) = keep[i];
    c->used = nkeep;
}

/* Files `nkeep` entries (not in the table) into a fresh table of `nslots`. */
static void refile(wn_counter *c, size_t nslots, const wn_counter_slot *keep, size_t nkeep)
{
    free(c->slots);
    c->slots = wn_xcalloc(nslots, sizeof *c->slots);
    c->nslots = nslots;
    file_entries(c, keep, nkeep);
}

/* Copies the strings of the values in the table into a fresh arena, and
 * frees the old one with the strings of the values dropped. */
static void compact_strings(wn_counter *c)
{
    wn_arena old = c->strings;
    memset(&c->strings, 0, sizeof c->strings);
    for (size_t i = 0; i < c->nslots; i++)
        if (c->slots[i].value) {
            c->slots[i].value = wn_arena_strndup(&c->strings, c->slots[i].value, c->slots[i].len);
            c->slots[i].borrowed = false;
        }
    c->borrowing = false;
    wn_arena_free(&old);
}

static size_t live_entries(const wn_counter *c, wn_counter_slot *out)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nslots; i++)
        if (c->slots[i].value) out[n++] = c->slots[i];
    return n;
}

/* Empties the table into out[], but for the values counted once, which are
 * only counted (*ones): a decrement takes at least 1 off every count, so
 * they go whatever it takes, and most of a summary of unique values is such
 * values. The slots are cleared as they are read, which is cheaper than
 * clearing the whole table after. */
static size_t take_repeated(wn_counter *c, wn_counter_slot *out, size_t *ones)
{
    /* Without a branch per slot: whether a slot is live, and whether its
     * count is one, are coin flips the predictor gets wrong half the time.
     * Every slot is copied to out[n], and n moves on only for a kept one,
     * so out needs room for one more than it keeps. */
    size_t n = 0, once = 0;
    for (size_t i = 0; i < c->nslots; i++) {
        wn_counter_slot *slot = &c->slots[i];
        size_t live = slot->value != NULL, one = slot->count == 1;
        out[n] = *slot;
        n += live & !one;
        once += live & one;
        slot->value = NULL;
    }
    c->used = 0;
    *ones = once;
    return n;
}

static int by_count_desc(const void *a, const void *b)
{
    const wn_counter_slot *x = a, *y = b;
    if (x->count != y->count) return x->count < y->count ? 1 : -1;
    size_t n = x->len < y->len ? x->len : y->len;
    int cmp = memcmp(x->value, y->value, n);
    if (cmp != 0) return cmp;
    return x->len < y->len ? -1 : x->len > y->len;
}

/* Reorders v[0..n) so that its first k entries are the k first in
 * by_count_desc order, in some order (Hoare's quickselect). The order is
 * total (values are distinct), so they are the same k a full sort puts
 * first, found in O(n) rather than O(n log n). */
static void select_first(wn_counter_slot *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n; /* the k-th boundary lies in [lo, hi] */
    while (k > lo && k < hi) {
        wn_counter_slot pivot = v[lo + (hi - 1 - lo) / 2], t;
        size_t i = lo, j = hi - 1;
        for (;;) {
            while (by_count_desc(&v[i], &pivot) < 0)
                i++;
            while (by_count_desc(&v[j], &pivot) > 0)
                j--;
            if (i >= j) break;
            t = v[i], v[i] = v[j], v[j] = t;
            i++, j--;
        }
        /* Now v[lo..j] come before v[j+1..hi) (Hoare's partition). */
        if (k <= j + 1)
            hi = j + 1;
        else
            lo = j + 1;
    }
}

/* The exact table is full: keep the most frequent values as the summary. */
static void switch_to_summary(wn_counter *c)
{
    if (c->on_switch) /* the last moment every distinct value is known */
        wn_counter_each(c, c->on_switch, c->on_switch_ctx);
    wn_counter_slot *all = wn_xmalloc(c->used * sizeof *all);
    size_t n = live_entries(c, all);
    /* The sketch sees each distinct value once; until now the table held
     * every one of them. */
    for (size_t i = 0; i < n && c->sketch; i++)
        wn_hll_add(&c->hll, all[i].hash);
    size_t keep = n < c->mg_capacity ? n : c->mg_capacity;
    select_first(all, n, keep);
    qsort(all, keep, sizeof *all, by_count_desc);
    refile(c, slots_for(c->mg_capacity), all, keep); /* at most half full */
    compact_strings(c);
    free(all);
    c->exact = false;
    c->kept = wn_xmalloc((c->mg_capacity + 1) * sizeof *c->kept); /* +1: see take_repeated */
    c->counts = wn_xmalloc((c->mg_capacity + 1) * sizeof *c->counts);
}

/* The k-th smallest of v[0..n) (Hoare's quickselect; reorders v). */
static uint64_t select_kth(uint64_t *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        uint64_t pivot = v[lo + (hi - lo) / 2];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j) {
                uint64_t t = v[i];
                v[i++] = v[j];
                v[j] = t;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return v[k];
    }
    return v[k];
}

/*
 * Misra-Gries with batched decrements: instead of taking one from every
 * counter for each value that finds the table full (a rebuild per value,
 * ruinous for a column of unique ids), take the median count from every
 * counter at once, which frees at least half the table. Each decrement of
 * d still cancels d occurrences of at least capacity/2 + 1 distinct values,
 * so a count is off by at most n / (capacity/2 + 1): the guarantee of a
 * summary half the size, at O(1) amortised cost per value.
 */
static void decrement_all(wn_counter *c)
{
    wn_counter_slot *repeated = c->kept; /* the table holds at most mg_capacity */
    uint64_t *counts = c->counts;
    size_t ones, n = take_repeated(c, repeated, &ones), total = n + ones, kept = 0;
    /* The median of all the counts: 1 when more than half are 1 (what a
     * column of unique values always finds); else, as the ones are the
     * smallest, the median's place less the ones among the larger counts. */
    uint64_t d = 1;
    if (ones <= total / 2 && n > 0) {
        for (size_t i = 0; i < n; i++)
            counts[i] = repeated[i].count;
        d = select_kth(counts, n, total / 2 - ones);
    }
    for (size_t i = 0; i < n; i++)
        if (repeated[i].count > d) repeated[kept] = repeated[i], repeated[kept++].count -= d;
    file_entries(c, repeated, kept);
    if (c->strings.total >= STRINGS_COMPACT_AT) compact_strings(c);
}

static void insert_new(wn_counter *c, wn_counter_slot *slot, uint64_t hash, const char *s,
                       size_t len, bool borrow)
{
    slot->hash = hash;
    slot->len = (uint32_t)len;
    slot->count = 1;
    /* Only a summary borrows: an exact table keeps every value, and it is
     * too large to go through for the borrowed ones. */
    slot->borrowed = borrow && !c->exact;
    slot->value = slot->borrowed ? s : wn_arena_strndup(&c->strings, s, len);
    c->borrowing |= slot->borrowed;
    c->used++;
    if (c->used * 2 > c->nslots) {
        wn_counter_slot *all = wn_xmalloc(c->used * sizeof *all);
        size_t n = live_entries(c, all);
        refile(c, c->nslots * 2, all, n);
        free(all);
    }
}

static void add(wn_counter *c, uint64_t hash, const char *s, size_t len, uint64_t n, bool borrow)
{
    if (!c->exact && c->sketch) wn_hll_add(&c->hll, hash);
    c->total += n;
    wn_counter_slot *slot = find_slot(c, hash, s, len);
    if (slot->value) {
        slot->count += n;
        return;
    }
    if (c->exact && c->used < c->exact_limit) {
        insert_new(c, slot, hash, s, len, false);
        slot = find_slot(c, hash, s, len);
        slot->count = n;
        return;
    }
    if (c->exact) {
        switch_to_summary(c);
        slot = find_slot(c, hash, s, len);
    }
    if (c->used >= c->mg_capacity) {
        decrement_all(c);
        slot = find_slot(c, hash, s, len);
    }
    insert_new(c, slot, hash, s, len, borrow);
    if (n > 1) find_slot(c, hash, s, len)->count = n;
}

uint64_t wn_counter_hash(const char *s, size_t len)
{
    return XXH3_64bits(s, len);
}

void wn_counter_add(wn_counter *c, const char *s, size_t len)
{
    add(c, wn_counter_hash(s, len), s, len, 1, false);
}

void wn_counter_add_n(wn_counter *c, const char *s, size_t len, uint64_t n)
{
    add(c, wn_counter_hash(s, len), s, len, n, false);
}

void wn_counter_add_borrowed(wn_counter *c, const char *s, size_t len, uint64_t hash)
{
    add(c, hash, s, len, 1, true);
}

void wn_counter_keep_strings(wn_counter *c)
{
    if (!c->borrowing) return;
    for (size_t i = 0; i < c->nslots; i++) {
        wn_counter_slot *slot = &c->slots[i];
        if (slot->value && slot->borrowed) {
            slot->value = wn_arena_strndup(&c->strings, slot->value, slot->len);
            slot->borrowed = false;
        }
    }
    c->borrowing = false;
}

void wn_counter_each(const wn_counter *c,
                     void (*fn)(void *ctx, const char *s, size_t len, uint64_t n), void *ctx)
{
    for (size_t i = 0; i < c->nslots; i++)
        if (c->slots[i].value) fn(ctx, c->slots[i].value, c->slots[i].len, c->slots[i].count);
}

bool wn_counter_exact(const wn_counter *c)
{
    return c->exact;
}

uint64_t wn_counter_distinct(const wn_counter *c)
{
    if (c->exact) return c->used;
    double e = wn_hll_estimate(&c->hll);
    return (uint64_t)(e + 0.5);
}

size_t wn_counter_top(const wn_counter *c, size_t n, wn_value_count *out)
{
    wn_counter_slot *all = wn_xmalloc((c->used ? c->used : 1) * sizeof *all);
    size_t m = live_entries(c, all);
    qsort(all, m, sizeof *all, by_count_desc);
    if (n > m) n = m;
    for (size_t i = 0; i < n; i++)
        out[i] = (wn_value_count){all[i].value, all[i].count};
    free(all);
    return n;
}

void wn_counter_free(wn_counter *c)
{
    free(c->slots);
    free(c->kept);
    free(c->counts);
    wn_arena_free(&c->strings);
    memset(c, 0, sizeof *c);
}
