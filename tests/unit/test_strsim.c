/*
 * test_strsim.c -- string similarity against published values, and
 * properties that must hold for any input.
 *
 * Jaro and Jaro-Winkler values are Winkler's (1990) examples as repeated in
 * record-linkage texts (MARTHA/MARHTA, DWAYNE/DUANE, DIXON/DICKSONX, ...);
 * each is worked out by hand in a comment. The property tests draw a few
 * thousand strings from a fixed-seed LCG and compare the banded OSA distance
 * with a plain full-matrix one written here.
 */
#include "testutil.h"

#include <math.h>

#include "strsim.h"

#define S(x) x, strlen(x)

static void assert_near(double got, double want, double tol, const char *a, const char *b)
{
    if (fabs(got - want) > tol) {
        print_error("\"%s\" ~ \"%s\": got %.4f, want %.4f\n", a, b, got, want);
        fail();
    }
}

typedef struct pair_case {
    const char *a, *b;
    double want;
} pair_case;

static void test_jaro_winkler_published(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        double jaro, jw;
    } cases[] = {
        /* 6 matches, 1 transposition: (1 + 1 + 5/6) / 3; prefix "mar" */
        {"martha", "marhta", 0.944, 0.961},
        /* 4 matches, none transposed: (4/6 + 4/5 + 1) / 3; prefix "d" */
        {"dwayne", "duane", 0.822, 0.840},
        /* 4 matches: (4/5 + 4/8 + 1) / 3; prefix "di" */
        {"dixon", "dicksonx", 0.767, 0.813},
        /* 4 matches: (4/5 + 4/7 + 1) / 3; prefix "jo" */
        {"jones", "johnson", 0.790, 0.832},
        /* 5 matches: (5/6 + 5/6 + 1) / 3; prefix "mass" (4, the cap) */
        {"massey", "massie", 0.889, 0.933},
        /* 5 matches; prefix "abr" */
        {"abroms", "abrams", 0.889, 0.922},
        /* 8 matches, no common prefix: no boost */
        {"jeraldine", "geraldine", 0.926, 0.926},
        /* 11 matches, 2 half-transpositions: (1 + 1 + 10/11) / 3; prefix "shac" */
        {"shackleford", "shackelford", 0.970, 0.982},
        {"same", "same", 1.0, 1.0},
        {"", "", 1.0, 1.0},
        {"abc", "", 0.0, 0.0},
        {"", "abc", 0.0, 0.0},
        {"abc", "xyz", 0.0, 0.0},
        {"a", "a", 1.0, 1.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_near(wn_jaro(S(cases[i].a), S(cases[i].b)), cases[i].jaro, 0.0005, cases[i].a,
                    cases[i].b);
        assert_near(wn_jaro_winkler(S(cases[i].a), S(cases[i].b)), cases[i].jw, 0.0005, cases[i].a,
                    cases[i].b);
    }
    /* The boost needs jaro > 0.7: "ab" ~ "ac" has jaro 2/3 and prefix "a". */
    assert_near(wn_jaro_winkler(S("ab"), S("ac")), 2.0 / 3.0, 1e-12, "ab", "ac");
}

static void test_jaro_utf8(void **state)
{
    (void)state;
    /* Code points, not bytes: one non-ASCII letter is one character. */
    assert_near(wn_jaro_winkler(S("müller"), S("muller")),
                wn_jaro_winkler(S("mxller"), S("muller")), 1e-12, "müller", "muller");
    assert_near(wn_jaro(S("łódź"), S("łódź")), 1.0, 0, "łódź", "łódź");
    assert_near(wn_jaro(S("søren"), S("soren")), wn_jaro(S("sxren"), S("soren")), 1e-12, "søren",
                "soren");
    /* Invalid UTF-8 counts byte by byte instead of failing. */
    assert_near(wn_jaro(S("ab\xff"), S("ab\xff")), 1.0, 0, "ab\\xff", "ab\\xff");
    assert_true(wn_jaro(S("ab\xff"), S("ab\xfe")) < 1.0);
}

static void test_osa(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        int d;
    } cases[] = {
        {"ca", "ac", 1},
        {"abcdef", "abdcef", 1},
        {"kitten", "sitting", 3},
        /* Restricted: true Damerau-Levenshtein gives 2 (ca -> ac -> abc), but
         * OSA may not edit the transposed pair again. */
        {"ca", "abc", 3},
        {"", "abc", 3},
        {"abc", "", 3},
        {"", "", 0},
        {"same", "same", 0},
        {"smith", "smyth", 1},
        {"jonathan", "jonahtan", 1},
        {"catherine", "kathryn", 4},
        {"müller", "mueller", 2},
        {"øst", "ost", 1},
        {"flaw", "lawn", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *a = cases[i].a, *b = cases[i].b;
        assert_int_equal(wn_osa_distance(S(a), S(b), -1), cases[i].d);
        assert_int_equal(wn_osa_distance(S(b), S(a), -1), cases[i].d);
        assert_int_equal(wn_osa_distance(S(a), S(b), cases[i].d), cases[i].d);
        if (cases[i].d > 0)
            assert_int_equal(wn_osa_distance(S(a), S(b), cases[i].d - 1), cases[i].d);
    }
}

static void test_osa_bound(void **state)
{
    (void)state;
    assert_int_equal(wn_osa_distance(S("kitten"), S("sitting"), 2), 3);
    assert_int_equal(wn_osa_distance(S("kitten"), S("sitting"), 1), 2);
    assert_int_equal(wn_osa_distance(S("kitten"), S("sitting"), 0), 1);
    assert_int_equal(wn_osa_distance(S("kitten"), S("sitting"), 10), 3);
    /* The length difference alone exceeds the bound. */
    assert_int_equal(wn_osa_distance(S("al"), S("alexander"), 3), 4);
    assert_int_equal(wn_osa_distance(S("same"), S("same"), 0), 0);
    assert_int_equal(wn_osa_distance(S("ab"), S("ba"), 0), 1);
    assert_int_equal(wn_osa_distance(S("ab"), S("ba"), 1), 1);
}

static void test_token_jaccard(void **state)
{
    (void)state;
    static const pair_case cases[] = {
        {"john smith", "smith john", 1.0},
        {"john a smith", "john smith", 2.0 / 3.0},
        {"acme corp", "acme inc", 1.0 / 3.0},
        {"a a b", "b a", 1.0}, /* sets: repetition does not count */
        {"  john\t smith ", "john smith", 1.0},
        {"main st", "main street", 1.0 / 3.0},
        {"x", "y", 0.0},
        {"", "", 1.0},
        {"   ", "", 1.0},
        {"", "john", 0.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_near(wn_token_jaccard(S(cases[i].a), S(cases[i].b)), cases[i].want, 1e-12,
                    cases[i].a, cases[i].b);
        assert_near(wn_token_jaccard(S(cases[i].b), S(cases[i].a)), cases[i].want, 1e-12,
                    cases[i].b, cases[i].a);
    }
}

static void test_token_set_ratio(void **state)
{
    (void)state;
    static const pair_case cases[] = {
        {"smith john", "john smith", 1.0},
        {"john smith smith", "smith john", 1.0},
        {" john   smith", "john smith ", 1.0},
        /* "john smith a" ~ "john smith": 10 matches in order,
         * (10/12 + 1 + 1) / 3 = 0.9444, prefix "john": + 0.4 * 0.0556 */
        {"john a smith", "john smith", 0.9667},
        /* "smith jon" ~ "smith john": 9 matches in order,
         * (1 + 9/10 + 1) / 3 = 0.9667, prefix "smit": + 0.4 * 0.0333 */
        {"smith jon", "john smith", 0.98},
        /* "ab cd" ~ "ab ce": 4 matches, (4/5 + 4/5 + 1) / 3, prefix "ab c" */
        {"cd ab", "ce ab", 0.92},
        {"", "", 1.0},
        {"", "john", 0.0},
        {"abc", "xyz", 0.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_near(wn_token_set_ratio(S(cases[i].a), S(cases[i].b)), cases[i].want, 0.0001,
                    cases[i].a, cases[i].b);
        assert_near(wn_token_set_ratio(S(cases[i].b), S(cases[i].a)), cases[i].want, 0.0001,
                    cases[i].b, cases[i].a);
    }
    /* The same names reordered beat a different surname. */
    assert_true(wn_token_set_ratio(S("maria garcia lopez"), S("garcia lopez maria")) >
                wn_token_set_ratio(S("maria garcia lopez"), S("maria garcia perez")));
}

static void test_qgram(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        int q;
        double want;
    } cases[] = {
        /* #n ne el ls so on n$ vs #n ne ei il ls se en n$: 4 shared, 2*4/15 */
        {"nelson", "neilsen", 2, 8.0 / 15.0},
        /* ##a #ab ab$ b$$ vs ##b #ba ba$ a$$: nothing shared */
        {"ab", "ba", 3, 0.0},
        /* Multisets: {a,a,a} and {a,a} share two, 2*2/5. */
        {"aaa", "aa", 1, 0.8},
        /* #a ab b$ vs #a ac c$ */
        {"ab", "ac", 2, 1.0 / 3.0},
        {"martha", "martha", 3, 1.0},
        {"", "", 2, 1.0},
        {"", "", 1, 1.0},
        {"", "a", 2, 0.0},
        {"", "a", 1, 0.0},
        /* q outside 1..3 is clamped */
        {"aaa", "aa", 0, 0.8},
        {"ab", "ba", 9, 0.0},
        /* é is one character: #é éa a$ vs #e ea a$ share a$ only */
        {"éa", "ea", 2, 1.0 / 3.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_near(wn_qgram_sim(S(cases[i].a), S(cases[i].b), cases[i].q), cases[i].want, 1e-12,
                    cases[i].a, cases[i].b);
        assert_near(wn_qgram_sim(S(cases[i].b), S(cases[i].a), cases[i].q), cases[i].want, 1e-12,
                    cases[i].b, cases[i].a);
    }
}

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u; /* Numerical Recipes */
    return *s >> 8;
}

/* Inputs past WN_STRSIM_STACK bytes take the heap paths (and sorting long
 * token and q-gram lists, qsort). */
static void test_long_inputs(void **state)
{
    (void)state;
    enum { N = 1000 };
    char *a = malloc(N), *b = malloc(N);
    uint32_t seed = 99;
    for (size_t i = 0; i < N; i++)
        a[i] = (char)(i % 7 == 6 ? ' ' : 'a' + (int)(lcg(&seed) % 26));
    a[500] = 'x', a[501] = 'y';
    memcpy(b, a, N);
    assert_near(wn_jaro(a, N, b, N), 1.0, 0, "long", "long");
    assert_int_equal(wn_osa_distance(a, N, b, N, -1), 0);
    assert_near(wn_token_jaccard(a, N, b, N), 1.0, 0, "long", "long");
    assert_near(wn_token_set_ratio(a, N, b, N), 1.0, 0, "long", "long");
    assert_near(wn_qgram_sim(a, N, b, N, 3), 1.0, 0, "long", "long");
    b[100] = 'Z';                       /* substitution */
    b[500] = 'y', b[501] = 'x';         /* transposition */
    memmove(b + 800, b + 801, N - 801); /* deletion */
    assert_int_equal(wn_osa_distance(a, N, b, N - 1, -1), 3);
    assert_int_equal(wn_osa_distance(a, N, b, N - 1, 5), 3);
    assert_int_equal(wn_osa_distance(a, N, b, N - 1, 2), 3);
    /* Jaro is made for short strings: on long text, greedy matching within
     * the wide window drifts after an edit, so only bounds hold. */
    double j = wn_jaro_winkler(a, N, b, N - 1);
    assert_true(j > 0.8 && j < 1.0);
    double t = wn_token_jaccard(a, N, b, N - 1);
    assert_true(t > 0.9 && t < 1.0);
    free(a);
    free(b);
}

/* ---- properties over pseudo-random strings ---------------------------- */

/* A string of 0..max characters over a small alphabet, so that random pairs
 * share letters, transpositions and tokens. */
static size_t random_string(uint32_t *seed, char *out, size_t max, bool utf8)
{
    static const char *const alphabet[] = {"a", "b", "c", "d", "e", " ", "é", "ø"};
    size_t count = lcg(seed) % (max + 1), n = 0;
    for (size_t i = 0; i < count; i++) {
        const char *c = alphabet[lcg(seed) % (utf8 ? 8 : 6)];
        memcpy(out + n, c, strlen(c));
        n += strlen(c);
    }
    return n;
}

/* Full-matrix OSA on single-byte strings, straight from the definition. */
static int osa_reference(const char *a, size_t n, const char *b, size_t m)
{
    int d[32][32];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m];
}

static void test_osa_properties(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    char a[32], b[32];
    for (int k = 0; k < 5000; k++) {
        size_t n = random_string(&seed, a, 14, false);
        size_t m = random_string(&seed, b, 14, false);
        int d = wn_osa_distance(a, n, b, m, -1);
        assert_int_equal(d, osa_reference(a, n, b, m));
        assert_int_equal(wn_osa_distance(b, m, a, n, -1), d);
        assert_int_equal(wn_osa_distance(a, n, a, n, -1), 0);
        for (int bound = 0; bound <= 6; bound++)
            assert_int_equal(wn_osa_distance(a, n, b, m, bound), d <= bound ? d : bound + 1);
    }
}

static void test_symmetry_properties(void **state)
{
    (void)state;
    uint32_t seed = 2024;
    char a[64], b[64];
    for (int k = 0; k < 5000; k++) {
        size_t n = random_string(&seed, a, 12, true);
        size_t m = random_string(&seed, b, 12, true);
        double ab = wn_jaro_winkler(a, n, b, m);
        assert_true(ab >= 0.0 && ab <= 1.0);
        assert_true(ab == wn_jaro_winkler(b, m, a, n));
        assert_true(wn_jaro(a, n, b, m) == wn_jaro(b, m, a, n));
        assert_true(wn_jaro_winkler(a, n, a, n) == 1.0);
        assert_int_equal(wn_osa_distance(a, n, b, m, -1), wn_osa_distance(b, m, a, n, -1));
        assert_int_equal(wn_osa_distance(a, n, a, n, 0), 0);
        assert_true(wn_token_jaccard(a, n, b, m) == wn_token_jaccard(b, m, a, n));
        assert_true(wn_token_set_ratio(a, n, b, m) == wn_token_set_ratio(b, m, a, n));
        for (int q = 1; q <= 3; q++) {
            double g = wn_qgram_sim(a, n, b, m, q);
            assert_true(g >= 0.0 && g <= 1.0);
            assert_true(g == wn_qgram_sim(b, m, a, n, q));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jaro_winkler_published),
        cmocka_unit_test(test_jaro_utf8),
        cmocka_unit_test(test_osa),
        cmocka_unit_test(test_osa_bound),
        cmocka_unit_test(test_token_jaccard),
        cmocka_unit_test(test_token_set_ratio),
        cmocka_unit_test(test_qgram),
        cmocka_unit_test(test_long_inputs),
        cmocka_unit_test(test_osa_properties),
        cmocka_unit_test(test_symmetry_properties),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
