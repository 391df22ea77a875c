/*
 * test_company.c -- company-name keys.
 */
#include "testutil.h"

#include "company.h"

typedef struct {
    const char *in, *out;
} pair;

static void test_normalize(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"The Acme Corporation", "acme"},
        {"ACME Corp.", "acme"},
        {"Acme, Inc.", "acme"},
        {"Acme Incorporated", "acme"},
        {"Acme LLC", "acme"},
        {"Acme L.L.C.", "acme"},
        {"Acme Co.", "acme"},
        {"Foo Holdings Co., Ltd.", "foo holdings"},
        {"Foo Holdings Company Limited", "foo holdings"},
        {"Marks and Spencer plc", "marks and spencer"},
        {"Marks & Spencer PLC", "marks and spencer"},
        {"Smith & Co.", "smith"},
        {"Ernst & Young LLP", "ernst and young"},
        {"J.P. Morgan Chase & Co.", "jp morgan chase"},
        {"JP Morgan Chase and Company", "jp morgan chase"},
        {"Bar GmbH & Co. KG", "bar"},
        {"Bar GmbH", "bar"},
        {"Siemens AG", "siemens"},
        {"Verein e.V.", "verein"},
        {"Société Générale S.A.", "societe generale"},
        {"Nestlé S. A.", "nestle"},
        {"Carrefour SAS", "carrefour"},
        {"Fiat S.p.A.", "fiat"},
        {"Zara España, S.L.", "zara espana"},
        {"Grupo Bimbo, S.A.B. de C.V.", "grupo bimbo"},
        {"Philips B.V.", "philips"},
        {"Novo Nordisk A/S", "novo nordisk"},
        {"Nokia Oyj", "nokia"},
        {"Volvo AB (publ)", "volvo"},
        {"Polska Sp. z o.o.", "polska"},
        {"BHP Group Pty Ltd", "bhp group"},
        {"Tata Consultancy Services Pvt. Ltd.", "tata consultancy services"},
        {"Toyota Motor Kabushiki Kaisha", "toyota motor"},
        {"Amazon.com, Inc.", "amazon com"},
        {"AT&T Inc.", "at and t"},
        /* never stripped to nothing */
        {"Limited", "limited"},
        {"The Company", "company"},
        {"The", "the"},
        {"  ,. ", ""},
    };
    wn_buf b = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_norm_status st = wn_company_normalize(cases[i].in, strlen(cases[i].in), &b);
        if (strcmp(b.data, cases[i].out) != 0)
            fail_msg("company(\"%s\") = \"%s\", want \"%s\"", cases[i].in, b.data, cases[i].out);
        assert_int_equal(st, *cases[i].out ? WN_NORM_OK : WN_NORM_EMPTY);
    }
    wn_buf_free(&b);
}

/* Words that merely look like legal forms inside a name stay. */
static void test_keeps_inner_words(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"Co-operative Bank", "co operative bank"},
        {"The Limited Stores Inc", "limited stores"},
        {"AG Barr plc", "ag barr"},
    };
    wn_buf b = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_company_normalize(cases[i].in, strlen(cases[i].in), &b);
        assert_string_equal(b.data, cases[i].out);
    }
    wn_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_keeps_inner_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
