/*
 * test_email.c -- email addresses as they appear in CRM exports.
 */
#include "testutil.h"

#include "email.h"

typedef struct {
    const char *in;
    wn_norm_status status;
    const char *out;
} email_case;

static const email_case normalize_cases[] = {
    {"john.doe@example.com", WN_NORM_OK, "john.doe@example.com"},
    {"  John.Doe@Example.COM  ", WN_NORM_OK, "john.doe@example.com"},
    {"mailto:jane@example.org", WN_NORM_OK, "jane@example.org"},
    {"MAILTO:jane@example.org?subject=Hello", WN_NORM_OK, "jane@example.org"},
    {"John Doe <John@Example.com>", WN_NORM_OK, "john@example.com"},
    {"\"Doe, John\" <jdoe@example.co.uk>", WN_NORM_OK, "jdoe@example.co.uk"},
    {"<mailto:info@firma.de>", WN_NORM_OK, "info@firma.de"},
    {"j.smith@example.com (work)", WN_NORM_OK, "j.smith@example.com"},
    {"'anna@example.se'", WN_NORM_OK, "anna@example.se"},
    {"o'brien@example.ie", WN_NORM_OK, "o'brien@example.ie"},
    {"first+crm@gmail.com", WN_NORM_OK, "first+crm@gmail.com"},
    {"user@mail.example-corp.com", WN_NORM_OK, "user@mail.example-corp.com"},
    {"x@example.museum", WN_NORM_OK, "x@example.museum"},
    {"x@example.xn--p1ai", WN_NORM_OK, "x@example.xn--p1ai"},
    {"jürgen@müller.de", WN_NORM_OK, "jürgen@müller.de"},
    {"mail@ymail.com", WN_NORM_OK, "mail@ymail.com"},     /* real, 1 edit from gmail */
    {"someone@mail.com", WN_NORM_OK, "someone@mail.com"}, /* real, 1 edit from gmail */
    {"a@yahoo.co.uk", WN_NORM_OK, "a@yahoo.co.uk"},
    {"", WN_NORM_EMPTY, ""},
    {"   ", WN_NORM_EMPTY, ""},
    {"\"\"", WN_NORM_EMPTY, ""},
    {"john.doe.example.com", WN_NORM_INVALID, "john.doe.example.com"},
    {"john@doe@example.com", WN_NORM_INVALID, "john@doe@example.com"},
    {"john doe@example.com", WN_NORM_INVALID, "john doe@example.com"},
    {"john..doe@example.com", WN_NORM_INVALID, "john..doe@example.com"},
    {".john@example.com", WN_NORM_INVALID, ".john@example.com"},
    {"john.@example.com", WN_NORM_INVALID, "john.@example.com"},
    {"john@example", WN_NORM_INVALID, "john@example"},
    {"john@example..com", WN_NORM_INVALID, "john@example..com"},
    {"john@example.c", WN_NORM_INVALID, "john@example.c"},
    {"john@example.123", WN_NORM_INVALID, "john@example.123"},
    {"john@-example.com", WN_NORM_INVALID, "john@-example.com"},
    {"john@[192.0.2.1]", WN_NORM_INVALID, "john@[192.0.2.1]"},
    {"@example.com", WN_NORM_INVALID, "@example.com"},
    {"john@", WN_NORM_INVALID, "john@"},
    {"a@x.com; b@y.com", WN_NORM_INVALID, "a@x.com; b@y.com"},
    {"john(at)example.com", WN_NORM_INVALID, "john(at)example.com"},
    {"john@gmial.com", WN_NORM_SUSPICIOUS, "john@gmial.com"},
    {"john@gamil.com", WN_NORM_SUSPICIOUS, "john@gamil.com"},
    {"john@gmail.con", WN_NORM_SUSPICIOUS, "john@gmail.con"},
    {"john@gmail.co", WN_NORM_SUSPICIOUS, "john@gmail.co"},
    {"john@hotmial.com", WN_NORM_SUSPICIOUS, "john@hotmial.com"},
    {"john@yaho.com", WN_NORM_SUSPICIOUS, "john@yaho.com"},
    {"john@outlok.com", WN_NORM_SUSPICIOUS, "john@outlok.com"},
    {"john@icloud.cmo", WN_NORM_SUSPICIOUS, "john@icloud.cmo"},
    {"john@firma.comm", WN_NORM_SUSPICIOUS, "john@firma.comm"}, /* four-letter misspelling */
    {"john@firma.coo", WN_NORM_OK, "john@firma.coo"},           /* not one of them */
    {"john@acme.con", WN_NORM_SUSPICIOUS, "john@acme.con"},
};

static void test_normalize(void **state)
{
    (void)state;
    wn_buf out = {0};
    for (size_t i = 0; i < sizeof normalize_cases / sizeof normalize_cases[0]; i++) {
        const email_case *c = &normalize_cases[i];
        wn_norm_status st = wn_email_normalize(c->in, strlen(c->in), &out, 0);
        if (st != c->status || strcmp(wn_buf_cstr(&out), c->out) != 0)
            fail_msg("'%s': got %d '%s', want %d '%s'", c->in, st, out.data, c->status, c->out);
    }
    wn_buf_free(&out);
}

static void test_flags(void **state)
{
    (void)state;
    wn_buf out = {0};
    assert_int_equal(wn_email_normalize("jürgen@example.de", 18, &out, WN_EMAIL_ASCII),
                     WN_NORM_INVALID);
    assert_int_equal(wn_email_normalize("j@müller.de", 12, &out, WN_EMAIL_ASCII), WN_NORM_INVALID);
    assert_int_equal(wn_email_normalize("john@gmial.com", 14, &out, WN_EMAIL_NO_TYPOS), WN_NORM_OK);
    /* Not NUL-terminated input: only `len` bytes are read. */
    assert_int_equal(wn_email_normalize("a@b.cdXXXX", 6, &out, 0), WN_NORM_OK);
    assert_string_equal(wn_buf_cstr(&out), "a@b.cd");
    wn_buf_free(&out);
}

static const char *const key_cases[][2] = {
    {"john.doe+newsletter@gmail.com", "johndoe@gmail.com"},
    {"j.o.h.n.doe@googlemail.com", "johndoe@gmail.com"},
    {"johndoe@gmail.com", "johndoe@gmail.com"},
    {"john.doe+crm@example.com", "john.doe@example.com"}, /* dots kept off Gmail */
    {"john.doe@outlook.com", "john.doe@outlook.com"},
    {"sales+eu@acme.de", "sales@acme.de"},
    {"+weird@example.com", "+weird@example.com"}, /* nothing before the +: kept */
    {"a+b+c@example.com", "a@example.com"},
    {".j..o.hn.@gmail.com", "john@gmail.com"}, /* dots at either end, and doubled */
    {"...@gmail.com", "@gmail.com"},
    {"j.o+x.y@gmail.com", "jo@gmail.com"}, /* the tag goes first, with its dots */
};

static void test_match_key(void **state)
{
    (void)state;
    wn_buf out = {0};
    for (size_t i = 0; i < sizeof key_cases / sizeof key_cases[0]; i++) {
        wn_email_match_key(key_cases[i][0], strlen(key_cases[i][0]), &out);
        if (strcmp(wn_buf_cstr(&out), key_cases[i][1]) != 0)
            fail_msg("'%s': got '%s', want '%s'", key_cases[i][0], out.data, key_cases[i][1]);
    }
    wn_buf_free(&out);
}

static void test_freemail(void **state)
{
    (void)state;
    static const char *const free_domains[] = {
        "gmail.com",      "yahoo.com", "yahoo.co.uk", "yahoo.com.br", "hotmail.com", "hotmail.it",
        "outlook.com",    "live.com",  "live.fr",     "aol.com",      "icloud.com",  "gmx.de",
        "gmx.net",        "web.de",    "mail.ru",     "yandex.ru",    "qq.com",      "163.com",
        "rediffmail.com", "orange.fr", "free.fr",     "t-online.de"};
    static const char *const company_domains[] = {"example.com", "acme.de",     "gmail.company.com",
                                                  "yahoo",       "mygmail.com", "sap.com"};
    for (size_t i = 0; i < sizeof free_domains / sizeof free_domains[0]; i++)
        if (!wn_email_is_freemail(free_domains[i], strlen(free_domains[i])))
            fail_msg("%s should be freemail", free_domains[i]);
    for (size_t i = 0; i < sizeof company_domains / sizeof company_domains[0]; i++)
        if (wn_email_is_freemail(company_domains[i], strlen(company_domains[i])))
            fail_msg("%s should not be freemail", company_domains[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_match_key),
        cmocka_unit_test(test_freemail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
