/*
 * strmap.h -- a string-keyed hash map for lookup tables.
 *
 * Built once (nicknames, honorifics, street types, header aliases, ...), then
 * only read, so it can be shared by threads without locks. Open addressing
 * with linear probing on xxh3 hashes; keys are copied into an arena; values
 * are 64-bit (an index, a code, or a pointer through uintptr_t).
 */
#ifndef WN_STRMAP_H
#define WN_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct wn_strmap_slot {
    uint64_t hash;
    const char *key; /* NULL: empty */
    size_t len;
    uint64_t value;
} wn_strmap_slot;

typedef struct wn_strmap {
    wn_strmap_slot *slots;
    size_t nslots; /* power of two, at least twice `count` */
    size_t count;
    wn_arena keys;
} wn_strmap;

void wn_strmap_init(wn_strmap *m);
/* Adds or replaces. */
void wn_strmap_put(wn_strmap *m, const char *key, size_t len, uint64_t value);
void wn_strmap_putz(wn_strmap *m, const char *key, uint64_t value);
bool wn_strmap_get(const wn_strmap *m, const char *key, size_t len, uint64_t *value);
bool wn_strmap_getz(const wn_strmap *m, const char *key, uint64_t *value);
void wn_strmap_free(wn_strmap *m);

#endif
