/*
 * arena.h -- bump allocation for many small objects freed together.
 *
 * Memory comes in chunks of at least 64 KiB; an allocation never moves, and
 * everything is released at once by wn_arena_free(). Used for strings the
 * profile counts and for the record store, where per-value malloc would cost
 * more in headers and fragmentation than the values themselves.
 */
#ifndef WN_ARENA_H
#define WN_ARENA_H

#include <stddef.h>

typedef struct wn_arena_chunk wn_arena_chunk;

typedef struct wn_arena {
    wn_arena_chunk *head;
    size_t used;  /* bytes used in head */
    size_t total; /* bytes allocated from the system, for reports */
} wn_arena;

void *wn_arena_alloc(wn_arena *a, size_t n, size_t align);
/* Copies `len` bytes and a NUL terminator. */
char *wn_arena_strndup(wn_arena *a, const char *s, size_t len);
void wn_arena_free(wn_arena *a);

#endif
