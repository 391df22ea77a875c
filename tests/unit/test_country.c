/*
 * test_country.c -- country names and codes as CRM users type them.
 */
#include "testutil.h"

#include "country.h"
#include "table.h"

typedef struct {
    const char *in;
    const char *alpha2; /* "" when unknown */
} country_case;

static const country_case cases[] = {
    {"DE", "DE"},
    {"de", "DE"},
    {"DEU", "DE"},
    {"Germany", "DE"},
    {"Deutschland", "DE"},
    {"GERMANY ", "DE"},
    {"España", "ES"},
    {"Espana", "ES"},
    {"ESPAÑA", "ES"},
    {"United States", "US"},
    {"United States of America", "US"},
    {"USA", "US"},
    {"U.S.A.", "US"},
    {"U.S.", "US"},
    {"us", "US"},
    {"America", "US"},
    {"UK", "GB"},
    {"U.K.", "GB"},
    {"Great Britain", "GB"},
    {"England", "GB"},
    {"GBR", "GB"},
    {"Holland", "NL"},
    {"The Netherlands", "NL"},
    {"Netherlands", "NL"},
    {"nederland", "NL"},
    {"Brasil", "BR"},
    {"Schweiz", "CH"},
    {"Suisse", "CH"},
    {"India", "IN"},
    {"Bharat", "IN"},
    {"Österreich", "AT"},
    {"Oesterreich", "AT"},
    {"Côte d'Ivoire", "CI"},
    {"Cote d Ivoire", "CI"},
    {"Korea, Republic of", "KR"},
    {"South Korea", "KR"},
    {"Russia", "RU"},
    {"Россия", "RU"},
    {"Türkiye", "TR"},
    {"Turkey", "TR"},
    {"Færøerne", "FO"},
    {"Faeroerne", "FO"},
    {"Großbritannien", "GB"},
    {"Grossbritannien", "GB"},
    {"The Gambia", "GM"},
    {"Guinea-Bissau", "GW"},
    {"Guinea Bissau", "GW"},
    {"日本", "JP"},
    {"Viet Nam", "VN"},
    {"Vietnam", "VN"},
    {"", ""},
    {"   ", ""},
    {"Narnia", ""},
    {"XX", ""},
    {"Theland", ""},
};

static void test_names(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[3] = "??";
        int found = wn_country_code(cases[i].in, strlen(cases[i].in), out);
        if (strcmp(out, cases[i].alpha2) != 0)
            fail_msg("%s: got '%s', want '%s'", cases[i].in, out, cases[i].alpha2);
        assert_int_equal(found, cases[i].alpha2[0] != '\0');
    }
}

/* Every name, code and alternate in the table must lead back to its own row:
 * catches duplicate names across countries and rows with a wrong column count. */
static void test_table_consistent(void **state)
{
    (void)state;
    wn_table t;
    assert_int_equal(wn_table_load_embedded(&t, "data/countries.csv", NULL), WN_OK);
    size_t countries = 0;
    for (size_t r = 1; r < t.nrows; r++) {
        const wn_table_row *row = &t.rows[r];
        if (row->nfields != 6) fail_msg("countries.csv:%zu: %zu fields", row->line, row->nfields);
        countries++;
        const char *a2 = row->fields[0];
        char out[3];
        for (int f = 0; f <= 4; f++) {
            if (f == 2 || f == 3) continue;
            if (!wn_country_code(row->fields[f], strlen(row->fields[f]), out) ||
                strcmp(out, a2) != 0)
                fail_msg("countries.csv:%zu: '%s' -> '%s'", row->line, row->fields[f], out);
        }
        const char *alt = row->fields[5];
        while (*alt) {
            size_t n = strcspn(alt, "|");
            if (!wn_country_code(alt, n, out) || strcmp(out, a2) != 0)
                fail_msg("countries.csv:%zu: '%.*s' -> '%s'", row->line, (int)n, alt, out);
            alt += n + (alt[n] == '|');
        }
    }
    assert_int_equal(countries, 250); /* 249 ISO 3166-1 + XK */
    wn_table_free(&t);
}

static void test_get_and_calling_codes(void **state)
{
    (void)state;
    const wn_country *c = wn_country_get("gb");
    assert_non_null(c);
    assert_string_equal(c->alpha3, "GBR");
    assert_string_equal(c->calling_code, "44");
    assert_string_equal(c->trunk_prefix, "0");
    assert_null(wn_country_get("UK")); /* an alternate name, not a code */
    assert_null(wn_country_get("X"));
    assert_null(wn_country_get(NULL));
    assert_string_equal(wn_country_get("IT")->trunk_prefix, "");
    assert_string_equal(wn_country_get("RU")->trunk_prefix, "8");

    assert_string_equal(wn_country_by_calling_code("4930123456", 10)->alpha2, "DE");
    assert_string_equal(wn_country_by_calling_code("35312345", 8)->alpha2, "IE");
    assert_string_equal(wn_country_by_calling_code("12125551234", 11)->alpha2, "US");
    assert_string_equal(wn_country_by_calling_code("74951234567", 11)->alpha2, "RU");
    assert_string_equal(wn_country_by_calling_code("442079460958", 12)->alpha2, "GB");
    assert_string_equal(wn_country_by_calling_code("358912345678", 12)->alpha2, "FI");
    assert_string_equal(wn_country_by_calling_code("590590123456", 12)->alpha2, "GP");
    assert_string_equal(wn_country_by_calling_code("971501234567", 12)->alpha2, "AE");
    assert_null(wn_country_by_calling_code("8881234", 7)); /* 888 is unassigned */
    assert_null(wn_country_by_calling_code("", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_table_consistent),
        cmocka_unit_test(test_get_and_calling_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
