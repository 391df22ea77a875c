/*
 * store.c -- interned, column-wise record values; see store.h.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void intern_init(wn_intern *t)
{
    memset(t, 0, sizeof *t);
    wn_strmap_init(&t->map);
    t->cap = 64;
    t->str = wn_xmalloc(t->cap * sizeof *t->str);
    t->len = wn_xmalloc(t->cap * sizeof *t->len);
    t->count = wn_xmalloc(t->cap * sizeof *t->count);
    t->str[0] = "";
    t->len[0] = 0;
    t->count[0] = 0;
    t->n = 1;
}

static void intern_free(wn_intern *t)
{
    wn_strmap_free(&t->map);
    free(t->str);
    free(t->len);
    free(t->count);
}

/* The id of `v`, adding it (copied into `strings`) if new; counts one use. */
static uint32_t intern(wn_intern *t, wn_arena *strings, const char *v, size_t len)
{
    uint64_t id;
    if (wn_strmap_get(&t->map, v, len, &id)) {
        t->count[id]++;
        t->filled++;
        return (uint32_t)id;
    }
    if (t->n == t->cap) {
        t->cap *= 2;
        t->str = wn_xrealloc(t->str, t->cap * sizeof *t->str);
        t->len = wn_xrealloc(t->len, t->cap * sizeof *t->len);
        t->count = wn_xrealloc(t->count, t->cap * sizeof *t->count);
    }
    id = t->n++;
    t->str[id] = wn_arena_strndup(strings, v, len);
    t->len[id] = (uint32_t)len;
    t->count[id] = 1;
    t->filled++;
    wn_strmap_put(&t->map, t->str[id], len, id);
    return (uint32_t)id;
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
    free(s->filled);
    free(s->complete);
    wn_arena_free(&s->strings);
    memset(s, 0, sizeof *s);
}

uint32_t wn_store_add(wn_store *s, uint16_t source, uint64_t row, const char *id, size_t id_len)
{
    if (s->nrec == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 1024;
        s->val = wn_xrealloc(s->val, (size_t)s->cap * WN_SLOT_COUNT * sizeof *s->val);
        s->source = wn_xrealloc(s->source, s->cap * sizeof *s->source);
        s->row = wn_xrealloc(s->row, s->cap * sizeof *s->row);
        s->id = wn_xrealloc(s->id, s->cap * sizeof *s->id);
        s->filled = wn_xrealloc(s->filled, s->cap * sizeof *s->filled);
        s->complete = wn_xrealloc(s->complete, s->cap * sizeof *s->complete);
    }
    uint32_t rec = s->nrec++;
    memset(&s->val[(size_t)rec * WN_SLOT_COUNT], 0, WN_SLOT_COUNT * sizeof *s->val);
    s->source[rec] = source;
    s->row[rec] = row;
    s->id[rec] = intern(&s->ids, &s->strings, id, id_len);
    s->filled[rec] = 0;
    s->complete[rec] = 0;
    return rec;
}

void wn_store_set(wn_store *s, uint32_t rec, int slot, const char *v, size_t len)
{
    if (len == 0) return;
    uint32_t *cell = &s->val[(size_t)rec * WN_SLOT_COUNT + (unsigned)slot];
    if (*cell) { /* replaced: the old value no longer counts */
        s->slots[slot].count[*cell]--;
        s->slots[slot].filled--;
    } else {
        s->filled[rec]++;
    }
    *cell = intern(&s->slots[slot], &s->strings, v, len);
}

uint32_t wn_store_find(const wn_store *s, uint16_t source, const char *id)
{
    uint64_t vid;
    if (!wn_strmap_getz(&s->ids.map, id, &vid)) return s->nrec;
    for (uint32_t r = 0; r < s->nrec; r++)
        if (s->id[r] == vid && s->source[r] == source) return r;
    return s->nrec;
}
