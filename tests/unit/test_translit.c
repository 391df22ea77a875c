/*
 * test_translit.c -- romanization of non-Latin scripts.
 *
 * Expected outputs are the spellings the tables are designed to give (see
 * rules/data/translit_*.csv); where a name has a common Latin spelling, the
 * folded output is that spelling or its consonant skeleton.
 */
#include "testutil.h"

#include <pthread.h>

#include "text.h"
#include "translit.h"

typedef struct {
    const char *in;
    const char *out;
} pair;

static void check(const pair *cases, size_t n)
{
    wn_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(wn_translit_latin(cases[i].in, strlen(cases[i].in), &b), WN_NORM_OK);
        if (strcmp(b.data, cases[i].out) != 0)
            fail_msg("translit(\"%s\") = \"%s\", want \"%s\"", cases[i].in, b.data, cases[i].out);
    }
    wn_buf_free(&b);
}

static void test_cyrillic(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"Иван Петров", "Ivan Petrov"},
        {"Юрий Гагарин", "Yuriy Gagarin"},
        {"Фёдор Достоевский", "Fedor Dostoevskiy"},
        {"Щукин", "Shchukin"},
        {"ЩУКИН", "SHCHUKIN"},
        {"Наталья Хрущёва", "Natalya Khrushcheva"},
        {"Ярослав Мудрый", "Yaroslav Mudryy"},
        {"Олександр Ющенко", "Oleksandr Yushchenko"}, /* Ukrainian */
        {"Євген", "Yevgen"}, /* context-free: Ukrainian г is written g, as in Russian */
        {"Новак Ђоковић", "Novak Djokovic"}, /* Serbian */
        {"Ѓорѓе", "Gjorgje"},                /* Macedonian */
        {"Иван Smith", "Ivan Smith"},        /* mixed scripts */
    };
    check(cases, sizeof cases / sizeof cases[0]);
}

static void test_greek(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"Αλέξανδρος", "Alexandros"}, {"Παπαδόπουλος", "Papadopoulos"},
        {"Ευάγγελος", "Evangelos"},   {"Κυριάκος Μητσοτάκης", "Kyriakos Mitsotakis"},
        {"Χρήστος", "Christos"},      {"Ψαράς", "Psaras"},
        {"Αύγουστος", "Avgoustos"}, /* αυ with tonos is still a digraph */
        {"Μαΐου", "Maiou"},         /* dialytika: α and ι are read apart */
    };
    check(cases, sizeof cases / sizeof cases[0]);
}

static void test_devanagari(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"राहुल शर्मा", "rahul sharma"},   /* word-final schwa deleted */
        {"नरेन्द्र मोदी", "narendra modi"}, /* kept after a cluster */
        {"कृष्ण", "krishna"},
        {"शंकर", "shankar"}, /* anusvara */
        {"अमित", "amit"},
        {"प्रिया", "priya"},
        {"ज़ैनब", "zainab"}, /* consonant + nukta (NFC form) */
        {"न", "na"},       /* a one-letter word keeps its vowel */
        {"१२३", "123"},
    };
    check(cases, sizeof cases / sizeof cases[0]);
}

static void test_arabic_hebrew(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"محمد", "mhmd"},    /* no short vowels written: the skeleton of Muhammad */
        {"مُحَمَّد", "muhamad"}, /* with vowel marks */
        {"علي", "ali"},      {"أحمد", "ahmd"},         {"محمود", "mhmud"}, {"وليد", "wlid"},
        {"فاطمة", "fatma"},  {"عبد الله", "abd allh"}, {"پرویز", "pruiz"}, /* Persian Parviz */
        {"٢٠٢٤", "2024"},    {"דוד כהן", "dod khn"}, /* Hebrew skeleton of David Cohen */
        {"יוסף", "yosf"},
    };
    check(cases, sizeof cases / sizeof cases[0]);
}

static void test_armenian_georgian(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"Գեվորգյան", "Gevorgyan"}, {"Արամ Խաչատրյան", "Aram Khachatryan"},
        {"Սուրեն", "Suren"}, /* ու is u */
        {"გიორგი", "giorgi"},       {"თბილისი", "tbilisi"},
    };
    check(cases, sizeof cases / sizeof cases[0]);
}

static void test_latin_unchanged(void **state)
{
    (void)state;
    static const char *const inputs[] = {"John Smith", "José Müller-Łukasz", "O\u2019Brien",
                                         "東京 Tower", "Ærøskøbing, 5970",   ""};
    wn_buf b = {0};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        wn_norm_status st = wn_translit_latin(inputs[i], strlen(inputs[i]), &b);
        assert_int_equal(st, *inputs[i] ? WN_NORM_OK : WN_NORM_EMPTY);
        assert_string_equal(b.data, inputs[i]);
    }
    /* Decomposed input is composed first: и + breve is й. */
    assert_int_equal(wn_translit_latin("Юрии\u0306", strlen("Юрии\u0306"), &b), WN_NORM_OK);
    assert_string_equal(b.data, "Yuriy");
    /* Invalid UTF-8 is copied and reported. */
    assert_int_equal(wn_translit_latin("\xd0\x98\xff", 3, &b), WN_NORM_INVALID);
    assert_int_equal(b.len, 3);
    wn_buf_free(&b);
}

/* The point of transliterating: both spellings fold to the same key. */
static void test_matches_latin_spelling(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"Иван Петров", "Ivan Petrov"},
        {"Αλέξανδρος Παπαδόπουλος", "ALEXANDROS PAPADOPOULOS"},
        {"राहुल शर्मा", "Rahul Sharma"},
        {"Գեվորգյան", "Gevorgyan"},
    };
    wn_buf a = {0}, b = {0}, k1 = {0}, k2 = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_translit_latin(cases[i].in, strlen(cases[i].in), &a);
        wn_text_fold(a.data, a.len, &k1);
        wn_text_fold(cases[i].out, strlen(cases[i].out), &k2);
        assert_string_equal(k1.data, k2.data);
    }
    wn_buf_free(&a);
    wn_buf_free(&b);
    wn_buf_free(&k1);
    wn_buf_free(&k2);
}

/* Threads racing on first use and then sharing the tables. */
static void *translit_worker(void *arg)
{
    (void)arg;
    wn_buf b = {0};
    bool ok = true;
    for (int i = 0; i < 2000 && ok; i++) {
        wn_translit_latin("Иван Петров", strlen("Иван Петров"), &b);
        ok = strcmp(b.data, "Ivan Petrov") == 0;
        wn_translit_latin("राहुल", strlen("राहुल"), &b);
        ok = ok && strcmp(b.data, "rahul") == 0;
    }
    wn_buf_free(&b);
    return ok ? arg : NULL;
}

static void test_threads(void **state)
{
    (void)state;
    pthread_t th[4];
    int tag[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&th[i], NULL, translit_worker, &tag[i]), 0);
    for (int i = 0; i < 4; i++) {
        void *ret;
        pthread_join(th[i], &ret);
        assert_ptr_equal(ret, &tag[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads), /* first, so that threads race on init */
        cmocka_unit_test(test_cyrillic),
        cmocka_unit_test(test_greek),
        cmocka_unit_test(test_devanagari),
        cmocka_unit_test(test_arabic_hebrew),
        cmocka_unit_test(test_armenian_georgian),
        cmocka_unit_test(test_latin_unchanged),
        cmocka_unit_test(test_matches_latin_spelling),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
