/*
 * buf.c -- growable byte buffer and aborting allocators; see buf.h.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "winnow: out of memory (asked for %zu bytes)\n", n);
    abort();
}

/*
 * Large blocks -- the store's columns and indexes, the pair arrays, the sort
 * buffers -- are asked to be backed by 2 MiB pages where the kernel offers
 * them on request (transparent huge pages in "madvise" mode, Debian's
 * default). Their loops go through them at random: one TLB entry then
 * covers what took 512, and memory comes in 512 times fewer page faults.
 * Only whole 2 MiB stretches inside the block are affected; a kernel
 * without them ignores the advice.
 */
#define HUGE_PAGE    ((size_t)2 << 20)
#define HUGE_ADVISED (4 * HUGE_PAGE)

static void *advise_huge(void *p, size_t n)
{
    if (n < HUGE_ADVISED) return p;
    uintptr_t start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t end = ((uintptr_t)p + n) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (end > start) madvise((void *)start, end - start, MADV_HUGEPAGE);
    return p;
}

void *wn_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory(n);
    return advise_huge(p, n);
}

/*
 * Zeroed by writing, not by calloc: a large calloc is fresh pages that map
 * the shared zero page when first read. The hash tables here (the store's
 * indexes, the memos) are probed, read, before they are written, so each of
 * their pages would take a second fault on its first write, a copy-on-write
 * that flushes the TLB of every core running the program. Writing the zeros
 * takes one fault per page, up front.
 */
void *wn_xcalloc(size_t count, size_t size)
{
    count = count ? count : 1;
    size = size ? size : 1;
    if (count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
    void *p = malloc(count * size);
    if (!p) out_of_memory(count * size);
    advise_huge(p, count * size);
    memset(p, 0, count * size);
    return p;
}

void *wn_xcalloc_aligned(size_t count, size_t size, size_t align)
{
    size_t n = (count ? count : 1) * (size ? size : 1);
    void *p = NULL;
    if (posix_memalign(&p, align, n) != 0) out_of_memory(n);
    memset(p, 0, n);
    return p;
}

void *wn_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) out_of_memory(n);
    return advise_huge(q, n);
}

char *wn_xstrndup(const char *s, size_t n)
{
    char *p = wn_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *wn_xstrdup(const char *s)
{
    return wn_xstrndup(s, strlen(s));
}

void wn_buf_grow(wn_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->data = wn_xrealloc(b->data, cap);
    b->cap = cap;
}

void wn_buf_puts(wn_buf *b, const char *s)
{
    wn_buf_append(b, s, strlen(s));
}

void wn_buf_printf(wn_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0) return;
    wn_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void wn_buf_free(wn_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
