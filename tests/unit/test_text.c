/*
 * test_text.c -- folding text into match keys.
 */
#include "testutil.h"

#include "text.h"

typedef struct {
    const char *in;
    const char *out;
} pair;

static void check_fold(const pair *cases, size_t n, const char *keep)
{
    wn_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        wn_norm_status st = wn_text_fold_keep(cases[i].in, strlen(cases[i].in), keep, &b);
        if (strcmp(b.data, cases[i].out) != 0)
            fail_msg("fold(\"%s\") = \"%s\", want \"%s\"", cases[i].in, b.data, cases[i].out);
        assert_int_equal(st, *cases[i].out ? WN_NORM_OK : WN_NORM_EMPTY);
    }
    wn_buf_free(&b);
}

static void test_fold_ascii(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"John Smith", "john smith"},
        {"  JOHN   SMITH  ", "john smith"},
        {"Smith, John A.", "smith john a"},
        {"Jean-Pierre", "jean pierre"},
        {"O'Brien", "obrien"},
        {"McDonald's", "mcdonalds"},
        {"'quoted'", "quoted"},
        {"rock 'n' roll", "rock n roll"},
        {"a\tb\r\nc", "a b c"},
        {"C3PO & R2-D2", "c3po r2 d2"},
        {"", ""},
        {" .,;- ", ""},
    };
    check_fold(cases, sizeof cases / sizeof cases[0], NULL);
}

static void test_fold_unicode(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"José Müller", "jose muller"},
        {"FRANÇOIS", "francois"},
        {"Straße", "strasse"},
        {"STRASSE", "strasse"},
        {"Ægir Østergaard", "aegir ostergaard"},
        {"Đorđević", "dordevic"},
        {"Łukasz Żółć", "lukasz zolc"},
        {"Þórunn", "thorunn"},
        {"Œuvre", "oeuvre"},
        {"Ångström", "angstrom"},
        {"Nguyễn Văn Thắng", "nguyen van thang"},
        {"İstanbul", "istanbul"},
        {"ﬁnance", "finance"},           /* ligature, NFKC */
        {"ＡＢＣ　１２３", "abc 123"},   /* full-width letters, ideographic space */
        {"O\u2019Brien", "obrien"},      /* typographic apostrophe */
        {"Jo\u00ADhn", "john"},          /* soft hyphen is ignorable */
        {"Ann\u2013Marie", "ann marie"}, /* en dash */
        {"e\u0301", "e"},                /* decomposed accent */
        {"Иван Петров", "иван петров"},  /* other scripts fold but stay */
        {"Σίσυφος", "σισυφοσ"},          /* final sigma folds to sigma */
        {"東京 tower", "東京 tower"},
        {"\u00a9 2024 \u2122", "2024 tm"}, /* symbols go, NFKC spells ™ */
    };
    check_fold(cases, sizeof cases / sizeof cases[0], NULL);
}

static void test_fold_keep(void **state)
{
    (void)state;
    static const pair email[] = {
        {"John.Smith+crm@Example.COM", "john.smith+crm@example.com"},
        {" Jörg@Müller.de ", "jorg@muller.de"},
    };
    check_fold(email, sizeof email / sizeof email[0], "@.+-'");
    static const pair names[] = {
        {"O'Brien-Smith", "o'brien-smith"},
        {"Jean - Pierre", "jean - pierre"},
    };
    check_fold(names, sizeof names / sizeof names[0], "'-");
}

static void test_fold_long_and_invalid(void **state)
{
    (void)state;
    /* Longer than the inline code point buffer: goes through the heap. */
    wn_buf in = {0}, out = {0}, want = {0};
    for (int i = 0; i < 300; i++) {
        wn_buf_puts(&in, "Ü");
        wn_buf_puts(&want, "u");
    }
    wn_buf_cstr(&want);
    assert_int_equal(wn_text_fold(in.data, in.len, &out), WN_NORM_OK);
    assert_string_equal(out.data, want.data);
    /* Not UTF-8 (Latin-1 bytes): ASCII kept, the rest becomes a gap. */
    assert_int_equal(wn_text_fold("Caf\xe9 Bar", 8, &out), WN_NORM_INVALID);
    assert_string_equal(out.data, "caf bar");
    /* Not NUL-terminated input: only `len` bytes are read. */
    assert_int_equal(wn_text_fold("ABCDEF", 3, &out), WN_NORM_OK);
    assert_string_equal(out.data, "abc");
    wn_buf_free(&in);
    wn_buf_free(&out);
    wn_buf_free(&want);
}

static void test_fold_idempotent(void **state)
{
    (void)state;
    static const char *const inputs[] = {"Dr. Jean-Pierre O'Brien", "Ærøskøbing", "ǅemal",
                                         "Σίσυφος", "Hello,   World!"};
    wn_buf a = {0}, b = {0};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        wn_text_fold(inputs[i], strlen(inputs[i]), &a);
        wn_text_fold(a.data, a.len, &b);
        assert_string_equal(a.data, b.data);
    }
    wn_buf_free(&a);
    wn_buf_free(&b);
}

/* ASCII text takes a path of its own; the general one (taken as soon as one
 * letter is not ASCII) must agree with it. "é " before the text sends it the
 * general way and adds "e" and a space before whatever the text folds to. */
static void test_fold_ascii_paths_agree(void **state)
{
    (void)state;
    static const char alphabet[] = "aZ9 '-&.,_\t\x7f\x01";
    static const char *const keeps[] = {NULL, "&", "&'-"};
    wn_buf ascii = {0}, general = {0}, want = {0};
    char text[48], prefixed[64];
    unsigned seed = 7;
    for (int round = 0; round < 3000; round++) {
        size_t len = (size_t)(round % 40);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        const char *keep = keeps[round % 3];
        snprintf(prefixed, sizeof prefixed, "\xc3\xa9 %.*s", (int)len, text);
        wn_text_fold_keep(text, len, keep, &ascii);
        wn_text_fold_keep(prefixed, strlen(prefixed), keep, &general);
        wn_buf_clear(&want);
        wn_buf_puts(&want, ascii.len ? "e " : "e");
        wn_buf_append(&want, ascii.data, ascii.len);
        if (strcmp(wn_buf_cstr(&want), general.data) != 0)
            fail_msg("\"%.*s\" (keep \"%s\"): ASCII path \"%s\", general \"%s\"", (int)len, text,
                     keep ? keep : "", ascii.data, general.data);
    }
    wn_buf_free(&ascii);
    wn_buf_free(&general);
    wn_buf_free(&want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_ascii),      cmocka_unit_test(test_fold_unicode),
        cmocka_unit_test(test_fold_keep),       cmocka_unit_test(test_fold_long_and_invalid),
        cmocka_unit_test(test_fold_idempotent), cmocka_unit_test(test_fold_ascii_paths_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
