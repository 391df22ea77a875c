/*
 * test_strsim.c -- string similarity and phonetic codes against published
 * values, and properties that must hold for any input.
 *
 * Jaro / Jaro-Winkler values are those of Winkler (1990) and the examples
 * repeated in most record-linkage texts (MARTHA/MARHTA, DWAYNE/DUANE,
 * DIXON/DICKSONX). Soundex codes are the US National Archives' examples.
 */
#include "testutil.h"

#include <math.h>

#include "phonetic.h"
#include "strsim.h"

#define S(x) x, strlen(x)

static void assert_near(double got, double want, double tol, const char *what)
{
    if (fabs(got - want) > tol) {
        print_error("%s: got %.4f, want %.4f\n", what, got, want);
        fail();
    }
}

static void test_jaro_winkler_published(void **state)
{
    (void)state;
    assert_near(wn_jaro(S("martha"), S("marhta")), 0.944, 0.001, "jaro martha");
    assert_near(wn_jaro_winkler(S("martha"), S("marhta")), 0.961, 0.001, "jw martha");
    assert_near(wn_jaro_winkler(S("dwayne"), S("duane")), 0.840, 0.001, "jw dwayne");
    assert_near(wn_jaro_winkler(S("dixon"), S("dicksonx")), 0.813, 0.001, "jw dixon");
    assert_near(wn_jaro_winkler(S(""), S("")), 1.0, 0, "both empty");
    assert_near(wn_jaro_winkler(S("abc"), S("")), 0.0, 0, "one empty");
    assert_near(wn_jaro_winkler(S("abc"), S("xyz")), 0.0, 0, "nothing shared");
    /* Code points, not bytes: one accented letter differs, as in ASCII. */
    assert_near(wn_jaro_winkler(S("müller"), S("muller")), wn_jaro_winkler(S("mxller"), S("muller")),
                1e-9, "utf-8");
}

static void test_osa(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        int d;
    } cases[] = {{"ca", "ac", 1},        {"abcdef", "abdcef", 1}, {"kitten", "sitting", 3},
                 {"", "abc", 3},         {"same", "same", 0},     {"smith", "smyth", 1},
                 {"jonathan", "jonahtan", 1}, {"müller", "mueller", 2}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int d = wn_osa_distance(S(cases[i].a), S(cases[i].b), 10);
        if (d != cases[i].d) {
            print_error("osa(%s,%s) = %d, want %d\n", cases[i].a, cases[i].b, d, cases[i].d);
            fail();
        }
    }
    assert_int_equal(wn_osa_distance(S("kitten"), S("sitting"), 1), 2); /* stopped early: bound+1 */
    assert_int_equal(wn_osa_distance(S("a"), S("abcdef"), 2), 3);       /* lengths alone exceed */
}

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 16;
}

static void random_word(uint32_t *seed, char *out, size_t cap)
{
    size_t n = 1 + lcg(seed) % (cap - 2);
    for (size_t i = 0; i < n; i++)
        out[i] = (char)('a' + lcg(seed) % 4); /* a small alphabet: many near misses */
    out[n] = '\0';
}

static void test_properties(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    char a[16], b[16];
    for (int i = 0; i < 3000; i++) {
        random_word(&seed, a, sizeof a);
        random_word(&seed, b, sizeof b);
        assert_near(wn_jaro_winkler(S(a), S(b)), wn_jaro_winkler(S(b), S(a)), 1e-12, "jw symmetric");
        int full = wn_osa_distance(S(a), S(b), 100);
        assert_int_equal(full, wn_osa_distance(S(b), S(a), 100));
        assert_int_equal(wn_osa_distance(S(a), S(a), 0), 0);
        for (int bound = 0; bound < 5; bound++) {
            int d = wn_osa_distance(S(a), S(b), bound);
            assert_int_equal(d, full <= bound ? full : bound + 1);
        }
        double jw = wn_jaro_winkler(S(a), S(b));
        assert_true(jw >= 0.0 && jw <= 1.0);
        assert_near(wn_token_jaccard(S(a), S(b)), wn_token_jaccard(S(b), S(a)), 1e-12, "jaccard");
    }
}

static void test_tokens_and_qgrams(void **state)
{
    (void)state;
    assert_near(wn_token_set_ratio(S("smith john"), S("john smith")), 1.0, 0, "order");
    assert_near(wn_token_set_ratio(S("john a smith"), S("smith john")), 1.0, 0, "subset");
    assert_true(wn_token_set_ratio(S("12 main st"), S("12 mian st")) > 0.9);
    assert_true(wn_token_set_ratio(S("12 main st"), S("99 oak ave")) < 0.7);
    assert_near(wn_token_jaccard(S("a b c"), S("b c d")), 0.5, 1e-12, "jaccard");
    assert_near(wn_qgram_sim(S("abc"), S("abc"), 2), 1.0, 0, "qgram same");
    /* Padded bigrams: #a ab bc c# vs #a ab bd d#: 2 of 4+4 shared -> 0.5 */
    assert_near(wn_qgram_sim(S("abc"), S("abd"), 2), 0.5, 1e-12, "qgram dice");
    assert_near(wn_qgram_sim(S("abc"), S("xyz"), 3), 0.0, 0, "qgram none");
}

static void test_soundex_published(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"robert", "R163"},   {"rupert", "R163"},  {"rubin", "R150"},    {"ashcraft", "A261"},
        {"ashcroft", "A261"}, {"tymczak", "T522"}, {"pfister", "P236"},  {"honeyman", "H555"},
        {"lee", "L000"},      {"gutierrez", "G362"}, {"jackson", "J250"}, {"o'brien", "O165"},
    };
    char code[5];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_soundex(S(cases[i][0]), code);
        if (strcmp(code, cases[i][1]) != 0) {
            print_error("soundex(%s) = %s, want %s\n", cases[i][0], code, cases[i][1]);
            fail();
        }
    }
    assert_int_equal(wn_soundex(S("123"), code), 0);
    assert_string_equal(code, "");
}

static void test_nysiis(void **state)
{
    (void)state;
    /* Sound-alike names share a code; different names do not. */
    static const char *const same[][2] = {{"knight", "night"},     {"macintosh", "mcintosh"},
                                          {"stevens", "stephens"}, {"brown", "browne"},
                                          {"philips", "phillips"}};
    char x[7], y[7];
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        wn_nysiis(S(same[i][0]), x);
        wn_nysiis(S(same[i][1]), y);
        if (strcmp(x, y) != 0) {
            print_error("nysiis %s=%s but %s=%s\n", same[i][0], x, same[i][1], y);
            fail();
        }
    }
    wn_nysiis(S("smith"), x);
    wn_nysiis(S("jones"), y);
    assert_string_not_equal(x, y);
    assert_true(wn_nysiis(S("wolfeschlegelsteinhausenbergerdorff"), x) <= 6);
    assert_int_equal(wn_nysiis(S("42"), x), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jaro_winkler_published),
        cmocka_unit_test(test_osa),
        cmocka_unit_test(test_properties),
        cmocka_unit_test(test_tokens_and_qgrams),
        cmocka_unit_test(test_soundex_published),
        cmocka_unit_test(test_nysiis),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
