/*
 * store.c -- interned, column-wise record values; see store.h.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "buf.h"

static void intern_init(wn_intern *t)
{
    memset(t, 0, sizeof *t);
    t->nindex = 64;
    t->index = wn_xcalloc(t->nindex, sizeof *t->index);
    t->cap = 64;
    t->values = wn_xmalloc(t->cap * sizeof *t->values);
    t->values[0] = (wn_value){.str = ""};
    t->n = 1;
}

static void intern_free(wn_intern *t)
{
    free(t->index);
    free(t->values);
    wn_arena_free(&t->strings);
}

/* An unverified value's hash differs from the verified one's. */
#define UNVERIFIED_HASH 0x9E3779B9u

static uint32_t hash_bits(const char *v, size_t len, bool unverified)
{
    return (uint32_t)(XXH3_64bits(v, len) >> 32) ^ (unverified ? UNVERIFIED_HASH : 0);
}

/* The index entry holding `v`, or the free entry where it belongs. */
static uint64_t *intern_probe(const wn_intern *t, uint32_t h, const char *v, size_t len,
                              bool unverified)
{
    size_t mask = t->nindex - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint64_t e = t->index[i];
        if (e == 0) return &t->index[i];
        uint32_t id = (uint32_t)e;
        const wn_value *x = &t->values[id];
        if ((uint32_t)(e >> 32) == h && x->len == len && x->unverified == unverified &&
            memcmp(x->str, v, len) == 0)
            return &t->index[i];
    }
}

static void intern_grow(wn_intern *t)
{
    uint64_t *old = t->index;
    size_t n = t->nindex;
    t->nindex *= 2;
    t->index = wn_xcalloc(t->nindex, sizeof *t->index);
    size_t mask = t->nindex - 1;
    for (size_t k = 0; k < n; k++) {
        if (!old[k]) continue;
        size_t i = (size_t)(old[k] >> 32) & mask;
        while (t->index[i])
            i = (i + 1) & mask;
        t->index[i] = old[k];
    }
    free(old);
}

/* The id of `v` (whose hash_bits are `h`), adding it (copied into the
 * table's strings) if new; counts one use. */
static uint32_t intern_hashed(wn_intern *t, uint32_t h, const char *v, size_t len, bool unverified)
{
    uint64_t *e = intern_probe(t, h, v, len, unverified);
    t->filled++;
    if (*e) {
        t->values[(uint32_t)*e].count++;
        return (uint32_t)*e;
    }
    if (t->n == t->cap) {
        t->cap *= 2;
        t->values = wn_xrealloc(t->values, t->cap * sizeof *t->values);
    }
    uint32_t id = t->n++;
    t->values[id] = (wn_value){.str = wn_arena_strndup(&t->strings, v, len),
                               .len = (uint32_t)len & 0x7FFFFFFFu,
                               .unverified = unverified,
                               .count = 1};
    *e = (uint64_t)h << 32 | id;
    if ((size_t)t->n * 2 > t->nindex) intern_grow(t);
    return id;
}

static uint32_t intern(wn_intern *t, const char *v, size_t len)
{
    return intern_hashed(t, hash_bits(v, len, false), v, len, false);
}

/* How many values ahead intern_many fetches their index entries: a value
 * that is new to a big table (emails, phones, ids) costs a cache miss for its
 * free entry, and a batch lets the misses overlap. */
#define INTERN_AHEAD 8

static void intern_prefetch(const wn_intern *t, const wn_cell *v, bool unverified, uint32_t *h)
{
    *h = hash_bits(v->ptr, v->len, unverified);
    wn_prefetch(&t->index[*h & (t->nindex - 1)]);
}

/* ids[i] = intern(t, v[i]) for each i, in order; unverified[i] (NULL: none)
 * marks the unverified values. */
static void intern_many(wn_intern *t, const wn_cell *v, const uint8_t *unverified, size_t n,
                        uint32_t *ids)
{
    uint32_t ring[INTERN_AHEAD];
    for (size_t i = 0; i < n && i < INTERN_AHEAD; i++)
        intern_prefetch(t, &v[i], unverified && unverified[i], &ring[i]);
    for (size_t i = 0; i < n; i++) {
        uint32_t h = ring[i % INTERN_AHEAD];
        size_t ahead = i + INTERN_AHEAD;
        if (ahead < n)
            intern_prefetch(t, &v[ahead], unverified && unverified[ahead], &ring[i % INTERN_AHEAD]);
        ids[i] = intern_hashed(t, h, v[i].ptr, v[i].len, unverified && unverified[i]);
    }
}

void wn_store_init(wn_store *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < WN_SLOT_COUNT; i++)
        intern_init(&s->slots[i]);
    intern_init(&s->ids);
}

void wn_store_free(wn_store *s)
{
    for (int i = 0; i < WN_SLOT_COUNT; i++)
        intern_free(&s->slots[i]);
    intern_free(&s->ids);
    free(s->val);
    free(s->source);
    free(s->row);
    free(s->id);
    free(s->complete);
    memset(s, 0, sizeof *s);
}

uint32_t wn_store_reserve(wn_store *s, uint32_t n)
{
    if (s->nrec + n > s->cap) {
        while (s->nrec + n > s->cap)
            s->cap = s->cap ? s->cap * 2 : 1024;
        s->val = wn_xrealloc(s->val, (size_t)s->cap * WN_SLOT_COUNT * sizeof *s->val);
        s->source = wn_xrealloc(s->source, s->cap * sizeof *s->source);
        s->row = wn_xrealloc(s->row, s->cap * sizeof *s->row);
        s->id = wn_xrealloc(s->id, s->cap * sizeof *s->id);
        s->complete = wn_xrealloc(s->complete, s->cap * sizeof *s->complete);
    }
    uint32_t first = s->nrec;
    s->nrec += n;
    memset(&s->val[(size_t)first * WN_SLOT_COUNT], 0, (size_t)n * WN_SLOT_COUNT * sizeof *s->val);
    memset(&s->id[first], 0, n * sizeof *s->id);
    memset(&s->complete[first], 0, n * sizeof *s->complete);
    return first;
}

uint32_t wn_store_add(wn_store *s, uint16_t source, uint64_t row, const char *id, size_t id_len)
{
    uint32_t rec = wn_store_reserve(s, 1);
    s->source[rec] = source;
    s->row[rec] = row;
    wn_store_set_id(s, rec, id, id_len);
    return rec;
}

void wn_store_set_id(wn_store *s, uint32_t rec, const char *id, size_t len)
{
    s->id[rec] = intern(&s->ids, id, len);
}

void wn_store_set(wn_store *s, uint32_t rec, int slot, const char *v, size_t len)
{
    if (len == 0) return;
    uint32_t *cell = &s->val[(size_t)rec * WN_SLOT_COUNT + (unsigned)slot];
    if (*cell) { /* replaced: the old value no longer counts */
        s->slots[slot].values[*cell].count--;
        s->slots[slot].filled--;
    }
    *cell = intern(&s->slots[slot], v, len);
}

void wn_store_set_many(wn_store *s, int slot, const uint32_t *recs, const wn_cell *values,
                       const uint8_t *unverified, size_t n, uint32_t *scratch)
{
    wn_intern *t = &s->slots[slot];
    intern_many(t, values, unverified, n, scratch);
    for (size_t i = 0; i < n; i++) { /* in order: a later value of a record replaces one before */
        uint32_t *cell = &s->val[(size_t)recs[i] * WN_SLOT_COUNT + (unsigned)slot];
        if (*cell) { /* replaced: the old value no longer counts */
            t->values[*cell].count--;
            t->filled--;
        }
        *cell = scratch[i];
    }
}

void wn_store_set_ids(wn_store *s, uint32_t first, const wn_cell *ids, size_t n)
{
    intern_many(&s->ids, ids, NULL, n, &s->id[first]);
}

uint32_t wn_store_find(const wn_store *s, uint16_t source, const char *id)
{
    size_t len = strlen(id);
    uint64_t e = *intern_probe(&s->ids, hash_bits(id, len, false), id, len, false);
    if (!e) return s->nrec;
    uint32_t vid = (uint32_t)e;
    for (uint32_t r = 0; r < s->nrec; r++)
        if (s->id[r] == vid && s->source[r] == source) return r;
    return s->nrec;
}
