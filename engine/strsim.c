/*
 * strsim.c -- string similarity measures; see strsim.h.
 *
 * Every measure first decodes its inputs into arrays of code points (a
 * `cpstr`), held on the stack when the input fits in WN_STRSIM_STACK bytes,
 * since a string never has more code points than bytes. The measures proper
 * then work on code points and never see UTF-8.
 *
 * Symmetry matters to callers (a pair is scored once, in whichever order the
 * blocker produced it), and greedy Jaro matching is not symmetric in corner
 * cases, so Jaro puts its arguments in a canonical order first.
 */
#include "strsim.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Bytes that are not valid UTF-8 decode to this plus the byte, outside
 * Unicode, so they equal only themselves. */
#define INVALID_BASE 0x110000u

typedef struct cpstr {
    uint32_t *cp;
    size_t n;
    uint32_t local[WN_STRSIM_STACK];
} cpstr;

/* Decodes one UTF-8 sequence at p (p < end) into *out; returns its length. */
static size_t decode_one(const unsigned char *p, const unsigned char *end, uint32_t *out)
{
    unsigned c = p[0];
    size_t need = c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (need == 0 || (size_t)(end - p) < need) {
        *out = INVALID_BASE + c;
        return 1;
    }
    uint32_t v = c & (0x7Fu >> need);
    for (size_t k = 1; k < need; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *out = INVALID_BASE + c;
            return 1;
        }
        v = (v << 6) | (p[k] & 0x3Fu);
    }
    *out = v;
    return need;
}

/* Appends the code points of s to out (room for len more is the caller's
 * job); returns how many were written. */
static size_t decode_into(const char *s, size_t len, uint32_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;
    size_t n = 0;
    while (p < end) {
        if (*p < 0x80)
            out[n++] = *p++;
        else
            p += decode_one(p, end, &out[n++]);
    }
    return n;
}

/* Makes room for `cap` code points, on the stack when they fit. */
static void cp_reserve(cpstr *s, size_t cap)
{
    s->cp = cap <= WN_STRSIM_STACK ? s->local : wn_xmalloc(cap * sizeof *s->cp);
    s->n = 0;
}

static void cp_decode(cpstr *s, const char *p, size_t len)
{
    cp_reserve(s, len);
    s->n = decode_into(p, len, s->cp);
}

static void cp_free(cpstr *s)
{
    if (s->cp != s->local) free(s->cp);
}

/* ---- Jaro and Jaro-Winkler ------------------------------------------- */

/* Orders (a,b) so that the shorter comes first, and equal lengths compare
 * lexicographically: then jaro(a,b) == jaro(b,a) exactly. */
static bool cp_before(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    if (n != m) return n < m;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return a[i] < b[i];
    return true;
}

/* Counts matches (equal characters no further apart than `window`, each used
 * once, taken greedily left to right) and marks them in fa and fb. */
static size_t jaro_match(const uint32_t *a, size_t n, const uint32_t *b, size_t m, size_t window,
                         unsigned char *fa, unsigned char *fb)
{
    size_t matches = 0;
    for (size_t i = 0; i < n; i++) {
        size_t lo = i > window ? i - window : 0;
        size_t hi = i + window + 1 < m ? i + window + 1 : m;
        for (size_t j = lo; j < hi; j++) {
            if (!fb[j] && a[i] == b[j]) {
                fa[i] = fb[j] = 1;
                matches++;
                break;
            }
        }
    }
    return matches;
}

/* Matched characters of a and b, read in order, that differ. */
static size_t jaro_half_transpositions(const uint32_t *a, size_t n, const uint32_t *b,
                                       const unsigned char *fa, const unsigned char *fb)
{
    size_t t = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!fa[i]) continue;
        while (!fb[k])
            k++;
        t += a[i] != b[k++];
    }
    return t;
}

static double jaro_cp(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    if (n == 0 || m == 0) return n == m ? 1.0 : 0.0;
    if (!cp_before(a, n, b, m)) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = n;
        n = m;
        m = tn;
    }
    size_t longer = n > m ? n : m;
    size_t window = longer / 2 > 0 ? longer / 2 - 1 : 0;
    unsigned char local[2 * WN_STRSIM_STACK];
    unsigned char *fa = n + m <= sizeof local ? local : wn_xmalloc(n + m);
    unsigned char *fb = fa + n;
    memset(fa, 0, n + m);
    size_t matches = jaro_match(a, n, b, m, window, fa, fb);
    double sim = 0.0;
    if (matches > 0) {
        double c = (double)matches;
        double t = (double)jaro_half_transpositions(a, n, b, fa, fb) / 2.0;
        sim = (c / (double)n + c / (double)m + (c - t) / c) / 3.0;
    }
    if (fa != local) free(fa);
    return sim;
}

static double jaro_winkler_cp(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    double j = jaro_cp(a, n, b, m);
    if (j <= 0.7) return j;
    size_t prefix = 0;
    while (prefix < 4 && prefix < n && prefix < m && a[prefix] == b[prefix])
        prefix++;
    return j + (double)prefix * 0.1 * (1.0 - j);
}

/* Equal fields are the most common comparison in deduplication. */
static bool same_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    return alen == blen && memcmp(a, b, alen) == 0;
}

double wn_jaro(const char *a, size_t alen, const char *b, size_t blen)
{
    if (same_bytes(a, alen, b, blen)) return 1.0;
    cpstr ca, cb;
    cp_decode(&ca, a, alen);
    cp_decode(&cb, b, blen);
    double sim = jaro_cp(ca.cp, ca.n, cb.cp, cb.n);
    cp_free(&ca);
    cp_free(&cb);
    return sim;
}

double wn_jaro_winkler(const char *a, size_t alen, const char *b, size_t blen)
{
    if (same_bytes(a, alen, b, blen)) return 1.0;
    cpstr ca, cb;
    cp_decode(&ca, a, alen);
    cp_decode(&cb, b, blen);
    double sim = jaro_winkler_cp(ca.cp, ca.n, cb.cp, cb.n);
    cp_free(&ca);
    cp_free(&cb);
    return sim;
}

/* ---- Optimal string alignment ---------------------------------------- */

static int min3(int x, int y, int z)
{
    int v = x < y ? x : y;
    return v < z ? v : z;
}

/*
 * The classic three-row dynamic programme (row i-2 is needed for
 * transpositions), restricted to the band |i - j| <= bound: a cell outside
 * it costs more than `bound` anyway, so it reads as inf = bound + 1. Every
 * computed cell is then exact when its true value is <= bound, and > bound
 * otherwise. Costs never decrease from two rows to the next, so once two
 * consecutive rows exceed the bound the answer must too. The caller has
 * stripped the common prefix and suffix, and m <= n.
 */
static int osa_band(const uint32_t *a, size_t n, const uint32_t *b, size_t m, int bound)
{
    const int inf = bound + 1;
    const size_t band = (size_t)bound;
    int local[3 * (WN_STRSIM_STACK + 1)];
    int *rows = 3 * (m + 1) <= sizeof local / sizeof local[0]
                    ? local
                    : wn_xmalloc(3 * (m + 1) * sizeof *rows);
    int *prev2 = rows, *prev = rows + (m + 1), *cur = rows + 2 * (m + 1);
    for (size_t j = 0; j <= m; j++)
        prev[j] = j <= band ? (int)j : inf;
    int prevmin = 0, result = inf;
    for (size_t i = 1; i <= n; i++) {
        size_t lo = i > band ? i - band : 1;
        size_t hi = i + band < m ? i + band : m;
        cur[0] = i <= band ? (int)i : inf;
        if (lo > 1) cur[lo - 1] = inf;
        int rowmin = lo == 1 ? cur[0] : inf;
        for (size_t j = lo; j <= hi; j++) {
            int v = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]));
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < rowmin) rowmin = v;
        }
        if (hi < m) cur[hi + 1] = inf;
        if (rowmin > bound && prevmin > bound) goto done;
        prevmin = rowmin;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    result = prev[m] > bound ? inf : prev[m];
done:
    if (rows != local) free(rows);
    return result;
}

static int osa_cp(const uint32_t *a, size_t n, const uint32_t *b, size_t m, int bound)
{
    /* A shared prefix or suffix never needs an edit (an optimal alignment
     * can always match it), and names that differ usually share most. */
    while (n > 0 && m > 0 && a[0] == b[0])
        a++, n--, b++, m--;
    while (n > 0 && m > 0 && a[n - 1] == b[m - 1])
        n--, m--;
    if (n < m) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = n;
        n = m;
        m = tn;
    }
    if (bound < 0 || (size_t)bound > n)
        bound = (int)n; /* the distance never exceeds the longer length */
    if (n - m > (size_t)bound) return bound + 1;
    if (m == 0) return (int)n;
    return osa_band(a, n, b, m, bound);
}

int wn_osa_distance(const char *a, size_t alen, const char *b, size_t blen, int bound)
{
    if (same_bytes(a, alen, b, blen)) return 0;
    cpstr ca, cb;
    cp_decode(&ca, a, alen);
    cp_decode(&cb, b, blen);
    int d = osa_cp(ca.cp, ca.n, cb.cp, cb.n, bound);
    cp_free(&ca);
    cp_free(&cb);
    return d;
}

/* ---- Token sets ------------------------------------------------------ */

typedef struct token {
    const char *p;
    size_t n;
} token;

/* A string of len bytes has at most (len + 1) / 2 tokens. */
#define LOCAL_TOKENS 64

typedef struct tokens {
    token *t;
    size_t n;
    token local[LOCAL_TOKENS];
} tokens;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int token_cmp(const token *x, const token *y)
{
    size_t n = x->n < y->n ? x->n : y->n;
    int c = memcmp(x->p, y->p, n);
    if (c != 0) return c;
    return (x->n > y->n) - (x->n < y->n);
}

static int token_qsort_cmp(const void *x, const void *y)
{
    return token_cmp(x, y);
}

/* Sorts bytewise: insertion sort for the usual handful, qsort for long text. */
static void tokens_sort(token *t, size_t n)
{
    if (n > 16) {
        qsort(t, n, sizeof *t, token_qsort_cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        token x = t[i];
        size_t j = i;
        for (; j > 0 && token_cmp(&t[j - 1], &x) > 0; j--)
            t[j] = t[j - 1];
        t[j] = x;
    }
}

/* Splits s on whitespace into its distinct tokens, sorted bytewise. */
static void tokens_split(tokens *ts, const char *s, size_t len)
{
    size_t cap = (len + 1) / 2;
    ts->t = cap <= LOCAL_TOKENS ? ts->local : wn_xmalloc(cap * sizeof *ts->t);
    ts->n = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && is_space(s[i]))
            i++;
        size_t start = i;
        while (i < len && !is_space(s[i]))
            i++;
        if (i > start) ts->t[ts->n++] = (token){s + start, i - start};
    }
    tokens_sort(ts->t, ts->n);
    size_t k = 0;
    for (size_t i = 0; i < ts->n; i++)
        if (k == 0 || token_cmp(&ts->t[k - 1], &ts->t[i]) != 0) ts->t[k++] = ts->t[i];
    ts->n = k;
}

static void tokens_free(tokens *ts)
{
    if (ts->t != ts->local) free(ts->t);
}

double wn_token_jaccard(const char *a, size_t alen, const char *b, size_t blen)
{
    tokens ta, tb;
    tokens_split(&ta, a, alen);
    tokens_split(&tb, b, blen);
    size_t common = 0;
    for (size_t i = 0, j = 0; i < ta.n && j < tb.n;) {
        int c = token_cmp(&ta.t[i], &tb.t[j]);
        common += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    size_t all = ta.n + tb.n - common;
    tokens_free(&ta);
    tokens_free(&tb);
    return all == 0 ? 1.0 : (double)common / (double)all;
}

/* Appends a token to s, after a space unless it is the first. */
static void join_token(cpstr *s, const token *t)
{
    if (s->n > 0) s->cp[s->n++] = ' ';
    s->n += decode_into(t->p, t->n, s->cp + s->n);
}

/*
 * Builds "common rest_a" in ca and "common rest_b" in cb, where common lists
 * the tokens both have and rest_x those only x has, each sorted. Neither is
 * longer than its source text (alen, blen bytes): tokens are dropped, never
 * added, and single spaces replace runs of whitespace.
 */
static void join_common_first(const tokens *ta, size_t alen, const tokens *tb, size_t blen,
                              cpstr *ca, cpstr *cb)
{
    cp_reserve(ca, alen);
    cp_reserve(cb, blen);
    for (int pass = 0; pass < 2; pass++) {
        size_t i = 0, j = 0;
        while (i < ta->n || j < tb->n) {
            int c = i == ta->n ? 1 : j == tb->n ? -1 : token_cmp(&ta->t[i], &tb->t[j]);
            if (c == 0 && pass == 0) {
                join_token(ca, &ta->t[i]);
                join_token(cb, &tb->t[j]);
            } else if (c < 0 && pass == 1) {
                join_token(ca, &ta->t[i]);
            } else if (c > 0 && pass == 1) {
                join_token(cb, &tb->t[j]);
            }
            i += c <= 0;
            j += c >= 0;
        }
    }
}

double wn_token_set_ratio(const char *a, size_t alen, const char *b, size_t blen)
{
    tokens ta, tb;
    tokens_split(&ta, a, alen);
    tokens_split(&tb, b, blen);
    cpstr ca, cb;
    join_common_first(&ta, alen, &tb, blen, &ca, &cb);
    double sim = jaro_winkler_cp(ca.cp, ca.n, cb.cp, cb.n);
    cp_free(&ca);
    cp_free(&cb);
    tokens_free(&ta);
    tokens_free(&tb);
    return sim;
}

/* ---- q-grams ----------------------------------------------------------- */

/* Padding markers, outside Unicode and the invalid-byte range; with 21 bits
 * per code point, three fit in a uint64_t gram. */
#define PAD_START 0x1FFFFEu
#define PAD_END   0x1FFFFFu

typedef struct grams {
    uint64_t *g;
    size_t n;
    uint64_t local[WN_STRSIM_STACK + 2];
} grams;

static int gram_qsort_cmp(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

static void grams_sort(uint64_t *g, size_t n)
{
    if (n > 32) {
        qsort(g, n, sizeof *g, gram_qsort_cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint64_t x = g[i];
        size_t j = i;
        for (; j > 0 && g[j - 1] > x; j--)
            g[j] = g[j - 1];
        g[j] = x;
    }
}

/* The sorted q-grams of s padded with q-1 markers at each end. */
static void grams_build(grams *gs, const cpstr *s, size_t q)
{
    size_t pad = q - 1;
    size_t count = s->n + pad;
    gs->g = count <= WN_STRSIM_STACK + 2 ? gs->local : wn_xmalloc(count * sizeof *gs->g);
    gs->n = count;
    for (size_t k = 0; k < count; k++) {
        uint64_t g = 0;
        for (size_t i = k; i < k + q; i++) {
            uint32_t c = i < pad ? PAD_START : i < pad + s->n ? s->cp[i - pad] : PAD_END;
            g = (g << 21) | c;
        }
        gs->g[k] = g;
    }
    grams_sort(gs->g, gs->n);
}

static void grams_free(grams *gs)
{
    if (gs->g != gs->local) free(gs->g);
}

double wn_qgram_sim(const char *a, size_t alen, const char *b, size_t blen, int q)
{
    size_t qq = q < 1 ? 1 : q > 3 ? 3 : (size_t)q;
    cpstr ca, cb;
    cp_decode(&ca, a, alen);
    cp_decode(&cb, b, blen);
    grams ga, gb;
    grams_build(&ga, &ca, qq);
    grams_build(&gb, &cb, qq);
    size_t common = 0;
    for (size_t i = 0, j = 0; i < ga.n && j < gb.n;) {
        common += ga.g[i] == gb.g[j];
        bool lt = ga.g[i]<gb.g[j], gt = ga.g[i]> gb.g[j];
        i += !gt;
        j += !lt;
    }
    size_t total = ga.n + gb.n;
    grams_free(&ga);
    grams_free(&gb);
    cp_free(&ca);
    cp_free(&cb);
    return total == 0 ? 1.0 : 2.0 * (double)common / (double)total;
}
