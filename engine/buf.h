/*
 * buf.h -- a growable byte buffer.
 *
 * Invariants: `data` is NULL only while `cap` is 0; `len <= cap`; when
 * `cap > 0`, data[len] is addressable (one byte is always kept spare) so the
 * contents can be NUL-terminated without another allocation. Growth doubles,
 * so appends are amortised O(1). Allocation failure aborts the program: the
 * engine cannot do anything useful without memory, and checking every append
 * would bury the logic.
 */
#ifndef WN_BUF_H
#define WN_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct wn_buf {
    char *data;
    size_t len;
    size_t cap;
} wn_buf;

/* Makes room for `extra` more bytes plus the spare byte (the slow path of
 * wn_buf_reserve). */
void wn_buf_grow(wn_buf *b, size_t extra);
void wn_buf_puts(wn_buf *b, const char *s);
void wn_buf_printf(wn_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void wn_buf_free(wn_buf *b);

/* Inline, as the appends below: the ingest calls these for most cells. */

/* Makes room for `extra` more bytes plus the spare byte. */
static inline void wn_buf_reserve(wn_buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) wn_buf_grow(b, extra);
}

/* NUL-terminates without counting the terminator in `len`; returns data. */
static inline char *wn_buf_cstr(wn_buf *b)
{
    wn_buf_reserve(b, 0);
    b->data[b->len] = '\0';
    return b->data;
}

static inline void wn_buf_clear(wn_buf *b)
{
    b->len = 0;
}

/* Inline: normalizers build their output a byte at a time, and the call
 * would cost more than the byte. */
static inline void wn_buf_putc(wn_buf *b, char c)
{
    if (b->len + 2 > b->cap) wn_buf_grow(b, 1);
    b->data[b->len++] = c;
}

static inline void wn_buf_append(wn_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) wn_buf_grow(b, n);
    if (n) memcpy(b->data + b->len, p, n); // NOLINT(clang-analyzer-core.NonNullParamChecker): grown
    b->len += n;
}

/* Writes `v` in decimal, right-aligned, ending at `end` (no NUL); returns
 * where the digits start. 20 bytes before `end` hold any uint64_t. Cheaper
 * than printf on the paths that write a number per record. */
static inline char *wn_u64_dec(uint64_t v, char *end)
{
    char *p = end;
    do
        *--p = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    return p;
}

/* Whether the `n` bytes at `a` and `b` are equal. Hash tables compare a
 * short key (a value, a shape, a word) at every hit; up to 16 bytes are
 * compared in registers (two loads that may overlap), not by a call. */
static inline bool wn_bytes_equal(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    if (n >= 8 && n <= 16) {
        uint64_t x0, y0, x1, y1;
        memcpy(&x0, x, 8);
        memcpy(&y0, y, 8);
        memcpy(&x1, x + n - 8, 8);
        memcpy(&y1, y + n - 8, 8);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    if (n >= 4 && n < 8) {
        uint32_t x0, y0, x1, y1;
        memcpy(&x0, x, 4);
        memcpy(&y0, y, 4);
        memcpy(&x1, x + n - 4, 4);
        memcpy(&y1, y + n - 4, 4);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    if (n < 4) {
        for (size_t i = 0; i < n; i++)
            if (x[i] != y[i]) return false;
        return true;
    }
    return memcmp(a, b, n) == 0;
}

/* Asks for the cache line holding `p` ahead of its use. The empty asm makes
 * the request a side effect: GCC's dead-code pass deletes a loop whose body
 * only prefetches, as a loop that does nothing (GCC 12, -O2). */
static inline void wn_prefetch(const void *p)
{
    __builtin_prefetch(p);
    __asm__ volatile("" : : "r"(p));
}

/* malloc/calloc/realloc/strdup that abort with a message instead of returning NULL. */
void *wn_xmalloc(size_t n);
void *wn_xcalloc(size_t count, size_t size);
/* Zeroed, aligned to `align` (a power of two, a multiple of sizeof(void *)); free() it. */
void *wn_xcalloc_aligned(size_t count, size_t size, size_t align);
void *wn_xrealloc(void *p, size_t n);
char *wn_xstrdup(const char *s);
char *wn_xstrndup(const char *s, size_t n);

#endif
