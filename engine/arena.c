/*
 * arena.c -- bump allocator; see arena.h.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define ARENA_CHUNK (64u << 10)

struct wn_arena_chunk {
    wn_arena_chunk *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

void *wn_arena_alloc(wn_arena *a, size_t n, size_t align)
{
    size_t at = a->head ? (a->used + align - 1) & ~(align - 1) : 0;
    if (!a->head || at + n > a->head->size) {
        size_t size = n + align > ARENA_CHUNK ? n + align : ARENA_CHUNK;
        wn_arena_chunk *c = wn_xmalloc(sizeof *c + size);
        c->next = a->head;
        c->size = size;
        a->head = c;
        a->total += size;
        at = 0;
    }
    a->used = at + n;
    return a->head->data + at;
}

char *wn_arena_strndup(wn_arena *a, const char *s, size_t len)
{
    char *p = wn_arena_alloc(a, len + 1, 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void wn_arena_free(wn_arena *a)
{
    wn_arena_chunk *c = a->head;
    while (c) {
        wn_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->used = a->total = 0;
}
