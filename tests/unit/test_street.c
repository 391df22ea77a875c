/*
 * test_street.c -- street-line keys and house numbers.
 *
 * Variants are the ones USPS Publication 28 lists for one address (suffix,
 * direction and unit spelled out, abbreviated, with and without dots), plus
 * British, German, French and Spanish address lines.
 */
#include "testutil.h"

#include "street.h"

typedef struct {
    const char *in, *out;
} pair;

static void test_normalize(void **state)
{
    (void)state;
    static const pair cases[] = {
        {"123 North Main Street, Apartment 4B", "123 n main st #4b"},
        {"123 N Main St Apt 4B", "123 n main st #4b"},
        {"123 N. MAIN ST. APT. 4B", "123 n main st #4b"},
        {"123 N Main St #4b", "123 n main st #4b"},
        {"123 N Main St # 4B", "123 n main st #4b"},
        {"123 N Main St Unit 4B", "123 n main st #4b"},
        {"1600 Pennsylvania Avenue Northwest", "1600 pennsylvania ave nw"},
        {"1600 Pennsylvania Ave. N.W.", "1600 pennsylvania ave nw"},
        {"350 Fifth Avenue, Suite 3300", "350 5th ave #3300"},
        {"350 5th Ave Ste 3300", "350 5th ave #3300"},
        {"1 Infinite Loop", "1 infinite loop"},
        {"742 Evergreen Terrace", "742 evergreen ter"},
        {"10 Sunset Boulevard", "10 sunset blvd"},
        {"10 Sunset Blvd.", "10 sunset blvd"},
        {"5 Oak Court", "5 oak ct"},
        {"77 Lakeshore Drive", "77 lakeshore dr"},
        {"9 Elm Lane", "9 elm ln"},
        {"20 Park Place", "20 park pl"},
        {"8 Garden Crescent", "8 gdn cres"},
        {"3 Church Close", "3 church cl"},
        {"Flat 3, 12 High Street", "#3 12 high st"},
        {"1 Highway 101", "1 hwy 101"},
        {"Hauptstraße 5", "hauptstr 5"},
        {"Hauptstrasse 5", "hauptstr 5"},
        {"Hauptstr. 5", "hauptstr 5"},
        {"Berliner Straße 12", "berliner str 12"},
        {"Berliner Str. 12", "berliner str 12"},
        {"10 Boulevard Saint-Germain", "10 blvd st germain"},
        {"10 Bd St Germain", "10 blvd st germain"},
        {"Avenida de Mayo 1370", "ave de mayo 1370"},
        {"", ""},
    };
    wn_buf b = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_norm_status st = wn_street_normalize(cases[i].in, strlen(cases[i].in), &b);
        if (strcmp(b.data, cases[i].out) != 0)
            fail_msg("street(\"%s\") = \"%s\", want \"%s\"", cases[i].in, b.data, cases[i].out);
        assert_int_equal(st, *cases[i].out ? WN_NORM_OK : WN_NORM_EMPTY);
    }
    wn_buf_free(&b);
}

typedef struct {
    const char *in, *number, *street;
    wn_norm_status st;
} split_case;

static void assert_span(const char *in, wn_cell got, const char *want)
{
    if (got.len != strlen(want) || (got.len && memcmp(got.ptr, want, got.len) != 0))
        fail_msg("split(\"%s\"): \"%.*s\", want \"%s\"", in, (int)got.len, got.ptr ? got.ptr : "",
                 want);
}

static void test_split_number(void **state)
{
    (void)state;
    static const split_case cases[] = {
        {"10 Downing Street", "10", "Downing Street", WN_NORM_OK},
        {"221B Baker Street", "221B", "Baker Street", WN_NORM_OK},
        {"123 Main St, Apt 4", "123", "Main St", WN_NORM_OK},
        {"Flat 3, 12 High Street", "12", "High Street", WN_NORM_OK},
        {"5 rue de Rivoli", "5", "rue de Rivoli", WN_NORM_OK},
        {"Hauptstraße 5", "5", "Hauptstraße", WN_NORM_OK},
        {"Hauptstr. 5a, 10115 Berlin", "5a", "Hauptstr.", WN_NORM_OK},
        {"Kalverstraat 92", "92", "Kalverstraat", WN_NORM_OK},
        {"Calle Mayor, 12", "12", "Calle Mayor", WN_NORM_OK},
        {"Damrak 1-5", "1-5", "Damrak", WN_NORM_OK},
        {"Main Street", "", "Main Street", WN_NORM_INVALID},
        {"   ", "", "", WN_NORM_EMPTY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_cell number, street;
        const split_case *c = &cases[i];
        assert_int_equal(wn_street_split_number(c->in, strlen(c->in), &number, &street), c->st);
        assert_span(c->in, number, c->number);
        assert_span(c->in, street, c->street);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_split_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
