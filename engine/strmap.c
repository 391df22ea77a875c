/*
 * strmap.c -- string-keyed lookup table; see strmap.h.
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "buf.h"

void wn_strmap_init(wn_strmap *m)
{
    memset(m, 0, sizeof *m);
    m->nslots = 16;
    m->slots = wn_xcalloc(m->nslots, sizeof *m->slots);
}

static wn_strmap_slot *probe(const wn_strmap *m, uint64_t hash, const char *key, size_t len)
{
    size_t mask = m->nslots - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        wn_strmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == hash && s->len == len && wn_bytes_equal(s->key, key, len)))
            return s;
    }
}

static void grow(wn_strmap *m)
{
    wn_strmap_slot *old = m->slots;
    size_t n = m->nslots;
    m->nslots *= 2;
    m->slots = wn_xcalloc(m->nslots, sizeof *m->slots);
    for (size_t i = 0; i < n; i++)
        if (old[i].key) *probe(m, old[i].hash, old[i].key, old[i].len) = old[i];
    free(old);
}

void wn_strmap_put(wn_strmap *m, const char *key, size_t len, uint64_t value)
{
    if ((m->count + 1) * 2 > m->nslots) grow(m);
    uint64_t hash = XXH3_64bits(key, len);
    wn_strmap_slot *s = probe(m, hash, key, len);
    if (!s->key) {
        s->key = wn_arena_strndup(&m->keys, key, len);
        s->len = len;
        s->hash = hash;
        m->count++;
    }
    s->value = value;
}

void wn_strmap_putz(wn_strmap *m, const char *key, uint64_t value)
{
    wn_strmap_put(m, key, strlen(key), value);
}

bool wn_strmap_get(const wn_strmap *m, const char *key, size_t len, uint64_t *value)
{
    if (!m->slots) return false;
    const wn_strmap_slot *s = probe(m, XXH3_64bits(key, len), key, len);
    if (!s->key) return false;
    if (value) *value = s->value;
    return true;
}

bool wn_strmap_getz(const wn_strmap *m, const char *key, uint64_t *value)
{
    return wn_strmap_get(m, key, strlen(key), value);
}

void wn_strmap_free(wn_strmap *m)
{
    free(m->slots);
    wn_arena_free(&m->keys);
    memset(m, 0, sizeof *m);
}
