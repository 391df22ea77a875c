/*
 * test_normalize.c -- a column's normalizer chain (normalize.c): the steps
 * run in order, each on the one before's result; a trim that keeps the value
 * as it is passes it on uncopied; the worst verdict wins; empty is EMPTY.
 */
#include "testutil.h"

#include "normalize.h"

static wn_column_rule chain(wn_field field, size_t n, const wn_normalizer *steps)
{
    wn_column_rule col = {.column = "c", .field = field, .nnorm = (uint8_t)n};
    for (size_t i = 0; i < n; i++)
        col.norm[i] = (uint8_t)steps[i];
    return col;
}

/* Runs `col` on `in` and checks the verdict and the result. */
static void check(const wn_column_rule *col, const char *in, wn_norm_status want,
                  const char *want_out)
{
    wn_normalizer_state st = {0};
    wn_buf out = {0};
    wn_norm_ctx ctx = {.region = "US"};
    wn_norm_status got = wn_normalize_value(col, &ctx, in, strlen(in), &st, &out, NULL);
    if (got != want || strcmp(wn_buf_cstr(&out), want_out) != 0)
        fail_msg("chain of %u on \"%s\": %d \"%s\", want %d \"%s\"", col->nnorm, in, got,
                 wn_buf_cstr(&out), want, want_out);
    wn_buf_free(&out);
    wn_normalizer_state_free(&st);
}

/* A web address is its host: scheme, user, www., port and path dropped. */
static void test_website(void **state)
{
    (void)state;
    static const wn_normalizer steps[] = {WN_NORM_TRIM, WN_NORM_WEBSITE};
    wn_column_rule col = chain(WN_F_WEBSITE, 2, steps);
    check(&col, "https://www.Acme.com/contact?x=1", WN_NORM_OK, "acme.com");
    check(&col, " acme.com ", WN_NORM_OK, "acme.com");
    check(&col, "http://user@shop.example.co.uk:8080/", WN_NORM_OK, "shop.example.co.uk");
    check(&col, "WWW2.Example.org.", WN_NORM_OK, "example.org");
    check(&col, "www.cps.edu", WN_NORM_OK, "cps.edu");
    check(&col, "No", WN_NORM_INVALID, "no"); /* no dot: not an address, kept unverified */
    check(&col, "https://", WN_NORM_EMPTY, "");
}

static void test_trim_alone(void **state)
{
    (void)state;
    static const wn_normalizer steps[] = {WN_NORM_TRIM};
    wn_column_rule col = chain(WN_F_CITY, 1, steps);
    check(&col, "New York", WN_NORM_OK, "New York");      /* kept as it is */
    check(&col, "x", WN_NORM_OK, "x");                    /* one byte */
    check(&col, "  New York", WN_NORM_OK, "New York");    /* leading blanks */
    check(&col, "New York \r\n", WN_NORM_OK, "New York"); /* trailing blanks */
    check(&col, "New  York", WN_NORM_OK, "New York");     /* two spaces */
    check(&col, "New\tYork", WN_NORM_OK, "New York");     /* a tab between words */
    check(&col, "New \nYork", WN_NORM_OK, "New York");    /* space then newline */
    check(&col, "a b c d", WN_NORM_OK, "a b c d");        /* single spaces only */
    check(&col, "\x01x\x1f", WN_NORM_OK, "\x01x\x1f");    /* control bytes are not blanks */
    check(&col, " \t \r\n ", WN_NORM_EMPTY, "");          /* blanks only */
    check(&col, "", WN_NORM_EMPTY, "");
}

static void test_trim_then_more(void **state)
{
    (void)state;
    static const wn_normalizer fold[] = {WN_NORM_TRIM, WN_NORM_FOLD};
    wn_column_rule col = chain(WN_F_CITY, 2, fold);
    check(&col, "São Paulo", WN_NORM_OK, "sao paulo"); /* the raw value, passed on */
    check(&col, "  São   Paulo ", WN_NORM_OK, "sao paulo");
    check(&col, "---", WN_NORM_EMPTY, "");

    static const wn_normalizer twice[] = {WN_NORM_TRIM, WN_NORM_TRIM, WN_NORM_DIGITS};
    col = chain(WN_F_POSTAL_CODE, 3, twice);
    check(&col, "AB 12 34", WN_NORM_OK, "1234");
    check(&col, " 12\t34 ", WN_NORM_OK, "1234");
    check(&col, "no digits", WN_NORM_EMPTY, "");

    /* A step after one that changed the value, then a trim that keeps it. */
    static const wn_normalizer fold_trim[] = {WN_NORM_FOLD, WN_NORM_TRIM};
    col = chain(WN_F_CITY, 2, fold_trim);
    check(&col, " Köln  am Rhein", WN_NORM_OK, "koln am rhein");
}

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Blanks collapsed the plain way: words split at every blank byte. */
static void collapse_reference(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    for (size_t i = 0; i < len;) {
        while (i < len && is_blank((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < len && !is_blank((unsigned char)s[i]))
            i++;
        if (i == start) break;
        if (out->len) wn_buf_putc(out, ' ');
        wn_buf_append(out, s + start, i - start);
    }
    wn_buf_cstr(out);
}

/* Values of every length up to 40 from a few letters, a control byte, a
 * UTF-8 pair and every kind of blank: whether the trim copies the value or
 * passes it on, the result is the plain collapse. */
static void test_trim_random_values(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a",  "Z",  " ",    "  ", "\t",       "\n", "\r",
                                         "\v", "\f", "\x1f", "!",  "\xc3\xa9", "7"};
    static const wn_normalizer steps[] = {WN_NORM_TRIM};
    wn_column_rule col = chain(WN_F_CITY, 1, steps);
    wn_buf in = {0}, want = {0};
    unsigned seed = 12345;
    for (int k = 0; k < 20000; k++) {
        wn_buf_clear(&in);
        seed = seed * 1103515245u + 12345u;
        size_t target = (seed >> 16) % 41;
        while (in.len < target) {
            seed = seed * 1103515245u + 12345u;
            /* mostly letters, so that long blank-free stretches occur */
            size_t p = (seed >> 16) % 4 ? (seed >> 20) % 2 : (seed >> 20) % 13;
            wn_buf_puts(&in, pieces[p]);
        }
        collapse_reference(in.data ? in.data : "", in.len, &want);
        check(&col, wn_buf_cstr(&in), want.len ? WN_NORM_OK : WN_NORM_EMPTY, want.data);
    }
    wn_buf_free(&in);
    wn_buf_free(&want);
}

static void test_no_steps_and_verdicts(void **state)
{
    (void)state;
    wn_column_rule col = chain(WN_F_NONE, 0, NULL);
    check(&col, "  as it is ", WN_NORM_OK, "  as it is ");
    check(&col, "", WN_NORM_EMPTY, "");

    static const wn_normalizer country[] = {WN_NORM_TRIM, WN_NORM_COUNTRY};
    col = chain(WN_F_COUNTRY, 2, country);
    check(&col, "Deutschland", WN_NORM_OK, "DE");
    check(&col, " United  Kingdom ", WN_NORM_OK, "GB");
    check(&col, "Atlantis", WN_NORM_INVALID, "atlantis"); /* the worst verdict wins */
}

/* A chain asked for its verdict only gives every value the verdict and the
 * reason it gives when asked for the match key too; only the key steps are
 * left out: a given name's nickname, an email's Gmail dots and tag. A
 * nickname step that is not after a person-name step still runs. */
static void test_verdict_only(void **state)
{
    (void)state;
    static const wn_normalizer given[] = {WN_NORM_TRIM, WN_NORM_TRANSLIT, WN_NORM_PERSON_NAME,
                                          WN_NORM_NICKNAME};
    static const wn_normalizer email[] = {WN_NORM_TRIM, WN_NORM_EMAIL};
    static const wn_normalizer nick_alone[] = {WN_NORM_NICKNAME};
    static const struct {
        const wn_normalizer *steps;
        size_t n;
        wn_field field;
        const char *in, *key, *judged; /* the value with its key, and as judged */
    } cases[] = {
        {given, 4, WN_F_FIRST_NAME, "Bob", "robert", "bob"},
        {given, 4, WN_F_FIRST_NAME, " Mary  Kate ", "mary katherine", "mary kate"},
        {given, 4, WN_F_FIRST_NAME, "1234", "1234", "1234"},
        {given, 4, WN_F_FIRST_NAME, "---", NULL, NULL},
        {email, 2, WN_F_EMAIL, "J.O.Hn+crm@GoogleMail.com", "john@gmail.com",
         "j.o.hn+crm@googlemail.com"},
        {email, 2, WN_F_EMAIL, "john@gmial.com", "john@gmial.com", "john@gmial.com"},
        {email, 2, WN_F_EMAIL, "not an email", NULL, NULL},
        {nick_alone, 1, WN_F_FIRST_NAME, "Bob", "robert", "robert"},
        {nick_alone, 1, WN_F_FIRST_NAME, "---", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_column_rule col = chain(cases[i].field, cases[i].n, cases[i].steps);
        wn_normalizer_state st = {0};
        wn_buf full = {0}, verdict = {0};
        const char *why_full = NULL, *why_verdict = NULL;
        wn_norm_ctx ctx = {.region = "US"};
        const char *in = cases[i].in;
        wn_norm_status a = wn_normalize_value(&col, &ctx, in, strlen(in), &st, &full, &why_full);
        ctx.verdict_only = true;
        wn_norm_status b =
            wn_normalize_value(&col, &ctx, in, strlen(in), &st, &verdict, &why_verdict);
        assert_int_equal(a, b);
        assert_true(why_full == why_verdict);
        if (cases[i].key) {
            assert_string_equal(wn_buf_cstr(&full), cases[i].key);
            assert_string_equal(wn_buf_cstr(&verdict), cases[i].judged);
        } else {
            assert_true(a == WN_NORM_INVALID || a == WN_NORM_EMPTY);
        }
        wn_buf_free(&full);
        wn_buf_free(&verdict);
        wn_normalizer_state_free(&st);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trim_alone),
        cmocka_unit_test(test_website),
        cmocka_unit_test(test_trim_then_more),
        cmocka_unit_test(test_trim_random_values),
        cmocka_unit_test(test_no_steps_and_verdicts),
        cmocka_unit_test(test_verdict_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
