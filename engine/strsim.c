/*
 * strsim.c -- Jaro-Winkler, bounded OSA distance, token and q-gram
 * similarity; see strsim.h.
 *
 * Values are decoded to code points first (an ASCII fast path copies bytes).
 * Each function keeps its working arrays on the stack for values up to
 * STACK_CHARS code points and falls back to the heap only above that.
 */
#include "strsim.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define STACK_CHARS 256

typedef struct cps {
    uint32_t *v;
    size_t n;
    uint32_t stack[STACK_CHARS];
} cps;

/* Decodes UTF-8 leniently (a stray byte is one character of its own). */
static void decode(cps *c, const char *s, size_t len)
{
    c->v = len <= STACK_CHARS ? c->stack : wn_xmalloc(len * sizeof *c->v);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)s[i];
        uint32_t cp = b;
        size_t extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
        if (extra && i + extra < len) {
            cp = b & (0x3Fu >> extra);
            for (size_t k = 1; k <= extra; k++)
                cp = cp << 6 | ((unsigned char)s[i + k] & 0x3F);
            i += extra + 1;
        } else {
            i++;
        }
        c->v[n++] = cp;
    }
    c->n = n;
}

static void release(cps *c)
{
    if (c->v != c->stack)
        free(c->v);
}

static double jaro_cp(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    if (n == 0 && m == 0)
        return 1.0;
    if (n == 0 || m == 0)
        return 0.0;
    size_t window = (n > m ? n : m) / 2;
    window = window > 0 ? window - 1 : 0;
    bool stack_a[STACK_CHARS], stack_b[STACK_CHARS];
    bool *ma = n <= STACK_CHARS ? stack_a : wn_xcalloc(n, 1);
    bool *mb = m <= STACK_CHARS ? stack_b : wn_xcalloc(m, 1);
    memset(ma, 0, n);
    memset(mb, 0, m);
    size_t matches = 0;
    for (size_t i = 0; i < n; i++) {
        size_t lo = i > window ? i - window : 0, hi = i + window + 1 < m ? i + window + 1 : m;
        for (size_t j = lo; j < hi; j++) {
            if (!mb[j] && a[i] == b[j]) {
                ma[i] = mb[j] = true;
                matches++;
                break;
            }
        }
    }
    double result = 0.0;
    if (matches > 0) {
        size_t t = 0, j = 0;
        for (size_t i = 0; i < n; i++) {
            if (!ma[i])
                continue;
            while (!mb[j])
                j++;
            t += a[i] != b[j];
            j++;
        }
        double mm = (double)matches;
        result = (mm / (double)n + mm / (double)m + (mm - (double)t / 2.0) / mm) / 3.0;
    }
    if (ma != stack_a)
        free(ma);
    if (mb != stack_b)
        free(mb);
    return result;
}

static double winkler(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    double j = jaro_cp(a, n, b, m);
    if (j <= 0.7)
        return j;
    size_t prefix = 0;
    while (prefix < 4 && prefix < n && prefix < m && a[prefix] == b[prefix])
        prefix++;
    return j + (double)prefix * 0.1 * (1.0 - j);
}

double wn_jaro(const char *a, size_t alen, const char *b, size_t blen)
{
    cps x, y;
    decode(&x, a, alen);
    decode(&y, b, blen);
    double r = jaro_cp(x.v, x.n, y.v, y.n);
    release(&x);
    release(&y);
    return r;
}

double wn_jaro_winkler(const char *a, size_t alen, const char *b, size_t blen)
{
    cps x, y;
    decode(&x, a, alen);
    decode(&y, b, blen);
    double r = winkler(x.v, x.n, y.v, y.n);
    release(&x);
    release(&y);
    return r;
}

/*
 * OSA with a band: only cells with |i - j| <= bound can hold a distance
 * <= bound, so each row computes 2*bound+1 cells, and the run stops when a
 * whole row exceeds the bound. Three rows are kept (the transposition looks
 * two rows back).
 */
static int osa_cp(const uint32_t *a, size_t n, const uint32_t *b, size_t m, int bound)
{
    if (bound < 0)
        bound = 0;
    size_t diff = n > m ? n - m : m - n;
    if (diff > (size_t)bound)
        return bound + 1;
    if (n == 0 || m == 0)
        return (int)(n > m ? n : m);
    const int big = bound + 1;
    int stack[3 * (STACK_CHARS + 1)];
    int *mem = m + 1 <= STACK_CHARS + 1 ? stack : wn_xmalloc(3 * (m + 1) * sizeof *mem);
    int *prev2 = mem, *prev = mem + (m + 1), *cur = mem + 2 * (m + 1);
    for (size_t j = 0; j <= m; j++)
        prev[j] = j <= (size_t)bound ? (int)j : big;
    int result = -1;
    for (size_t i = 1; i <= n && result < 0; i++) {
        size_t lo = i > (size_t)bound ? i - (size_t)bound : 1;
        size_t hi = i + (size_t)bound < m ? i + (size_t)bound : m;
        for (size_t j = 0; j <= m; j++)
            cur[j] = big;
        cur[0] = i <= (size_t)bound ? (int)i : big;
        int row_min = cur[0];
        for (size_t j = lo; j <= hi; j++) {
            int cost = a[i - 1] != b[j - 1];
            int d = prev[j - 1] + cost;
            if (prev[j] + 1 < d)
                d = prev[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < d)
                d = prev2[j - 2] + 1;
            cur[j] = d > big ? big : d;
            if (cur[j] < row_min)
                row_min = cur[j];
        }
        if (row_min > bound)
            result = big;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    if (result < 0)
        result = prev[m] > big ? big : prev[m];
    if (mem != stack)
        free(mem);
    return result;
}

int wn_osa_distance(const char *a, size_t alen, const char *b, size_t blen, int bound)
{
    cps x, y;
    decode(&x, a, alen);
    decode(&y, b, blen);
    int r = osa_cp(x.v, x.n, y.v, y.n, bound);
    release(&x);
    release(&y);
    return r;
}

/* ---- tokens ------------------------------------------------------------------ */

#define MAX_TOKENS 32

typedef struct tokens {
    const char *p[MAX_TOKENS];
    size_t len[MAX_TOKENS];
    size_t n;
} tokens;

static void split(const char *s, size_t len, tokens *t)
{
    t->n = 0;
    for (size_t i = 0; i < len && t->n < MAX_TOKENS;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i > start) {
            t->p[t->n] = s + start;
            t->len[t->n++] = i - start;
        }
    }
}

static int token_cmp(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

/* Sorts and removes repeats (insertion sort: a handful of tokens). */
static void sort_unique(tokens *t)
{
    for (size_t i = 1; i < t->n; i++)
        for (size_t j = i; j > 0 && token_cmp(t->p[j - 1], t->len[j - 1], t->p[j], t->len[j]) > 0;
             j--) {
            const char *p = t->p[j];
            size_t l = t->len[j];
            t->p[j] = t->p[j - 1], t->len[j] = t->len[j - 1];
            t->p[j - 1] = p, t->len[j - 1] = l;
        }
    size_t u = 0;
    for (size_t i = 0; i < t->n; i++)
        if (u == 0 || token_cmp(t->p[u - 1], t->len[u - 1], t->p[i], t->len[i]) != 0)
            t->p[u] = t->p[i], t->len[u++] = t->len[i];
    t->n = u;
}

static size_t common_tokens(const tokens *x, const tokens *y)
{
    size_t i = 0, j = 0, common = 0;
    while (i < x->n && j < y->n) {
        int c = token_cmp(x->p[i], x->len[i], y->p[j], y->len[j]);
        common += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    return common;
}

double wn_token_jaccard(const char *a, size_t alen, const char *b, size_t blen)
{
    tokens x, y;
    split(a, alen, &x);
    split(b, blen, &y);
    sort_unique(&x);
    sort_unique(&y);
    if (x.n == 0 && y.n == 0)
        return 1.0;
    size_t common = common_tokens(&x, &y);
    return (double)common / (double)(x.n + y.n - common);
}

static void join(const tokens *t, wn_buf *out)
{
    wn_buf_clear(out);
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            wn_buf_putc(out, ' ');
        wn_buf_append(out, t->p[i], t->len[i]);
    }
}

double wn_token_set_ratio(const char *a, size_t alen, const char *b, size_t blen)
{
    tokens x, y;
    split(a, alen, &x);
    split(b, blen, &y);
    sort_unique(&x);
    sort_unique(&y);
    if (x.n == 0 || y.n == 0)
        return x.n == y.n ? 1.0 : 0.0;
    size_t common = common_tokens(&x, &y);
    size_t smaller = x.n < y.n ? x.n : y.n;
    if (common == smaller && smaller >= 2)
        return 1.0;
    wn_buf ja = {0}, jb = {0};
    join(&x, &ja);
    join(&y, &jb);
    double r = wn_jaro_winkler(ja.data, ja.len, jb.data, jb.len);
    wn_buf_free(&ja);
    wn_buf_free(&jb);
    return r;
}

/* ---- q-grams ------------------------------------------------------------------- */

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* The q-grams of the padded code points, each packed into 64 bits (q <= 3
 * code points of 21 bits), sorted. Returns how many. */
static size_t qgrams(const cps *c, int q, uint64_t *out)
{
    size_t total = c->n + (size_t)q - 1;
    for (size_t i = 0; i < total; i++) {
        uint64_t g = 0;
        for (int k = 0; k < q; k++) {
            long pos = (long)i + k - (q - 1);
            uint64_t cp = pos < 0 || pos >= (long)c->n ? 0x1FFFFF : c->v[pos];
            g = g << 21 | cp;
        }
        out[i] = g;
    }
    qsort(out, total, sizeof *out, cmp_u64);
    return total;
}

double wn_qgram_sim(const char *a, size_t alen, const char *b, size_t blen, int q)
{
    if (q < 1)
        q = 1;
    if (q > 3)
        q = 3;
    if (alen == 0 && blen == 0)
        return 1.0;
    cps x, y;
    decode(&x, a, alen);
    decode(&y, b, blen);
    uint64_t *gx = wn_xmalloc((x.n + 3) * sizeof *gx), *gy = wn_xmalloc((y.n + 3) * sizeof *gy);
    size_t nx = qgrams(&x, q, gx), ny = qgrams(&y, q, gy);
    size_t i = 0, j = 0, common = 0;
    while (i < nx && j < ny) {
        if (gx[i] == gy[j])
            common++, i++, j++;
        else if (gx[i] < gy[j])
            i++;
        else
            j++;
    }
    free(gx);
    free(gy);
    release(&x);
    release(&y);
    return 2.0 * (double)common / (double)(nx + ny);
}
