/*
 * test_postal.c -- postal codes per country, as typed and as spreadsheets
 * mangle them. Codes are those of well-known public addresses (Buckingham
 * Palace SW1A 1AA, Canada Post HQ K1A 0B1, Rijksmuseum 1071 XX, ...).
 */
#include "testutil.h"

#include "postal.h"

typedef struct {
    const char *country;
    const char *in;
    wn_norm_status status;
    const char *out;
} postal_case;

static const postal_case cases[] = {
    /* United States */
    {"US", "10001", WN_NORM_OK, "10001"},
    {"US", "10001-1234", WN_NORM_OK, "10001-1234"},
    {"US", "100011234", WN_NORM_OK, "10001-1234"},
    {"US", "10001 1234", WN_NORM_OK, "10001-1234"},
    {"US", "2115", WN_NORM_OK, "02115"}, /* Boston, zero lost to Excel */
    {"us", "2115-1234", WN_NORM_OK, "02115-1234"},
    {"US", "501", WN_NORM_OK, "00501"}, /* Holtsville NY */
    {"US", "  07030 ", WN_NORM_OK, "07030"},
    {"US", "1000", WN_NORM_OK, "01000"},
    {"US", "12", WN_NORM_INVALID, "12"},
    {"US", "123456", WN_NORM_INVALID, "123456"},
    {"US", "1000A", WN_NORM_INVALID, "1000A"},
    /* United Kingdom */
    {"GB", "SW1A 1AA", WN_NORM_OK, "SW1A 1AA"},
    {"GB", "sw1a1aa", WN_NORM_OK, "SW1A 1AA"},
    {"GB", "SW1A  1AA", WN_NORM_OK, "SW1A 1AA"},
    {"GB", "EC1A 1BB", WN_NORM_OK, "EC1A 1BB"},
    {"GB", "W1A 0AX", WN_NORM_OK, "W1A 0AX"},
    {"GB", "M1 1AE", WN_NORM_OK, "M1 1AE"},
    {"GB", "B33 8TH", WN_NORM_OK, "B33 8TH"},
    {"GB", "CR2 6XH", WN_NORM_OK, "CR2 6XH"},
    {"GB", "DN55 1PT", WN_NORM_OK, "DN55 1PT"},
    {"GB", "gir 0aa", WN_NORM_OK, "GIR 0AA"},
    {"GB", "SW1A 1AI", WN_NORM_INVALID, "SW1A 1AI"}, /* I never in the inward code */
    {"GB", "QA1 1AA", WN_NORM_INVALID, "QA1 1AA"},   /* Q never leads */
    {"GB", "W1I 0AX", WN_NORM_INVALID, "W1I 0AX"},   /* I not in A9A position 3 */
    {"GB", "SW1A", WN_NORM_INVALID, "SW1A"},
    {"GB", "12345", WN_NORM_INVALID, "12345"},
    /* Canada */
    {"CA", "K1A 0B1", WN_NORM_OK, "K1A 0B1"},
    {"CA", "k1a0b1", WN_NORM_OK, "K1A 0B1"},
    {"CA", "K1A-0B1", WN_NORM_OK, "K1A 0B1"},
    {"CA", "W1A 0B1", WN_NORM_INVALID, "W1A 0B1"},
    {"CA", "K1O 0B1", WN_NORM_INVALID, "K1O 0B1"},
    /* Five digits */
    {"DE", "10115", WN_NORM_OK, "10115"},
    {"DE", "D-80331", WN_NORM_OK, "80331"},
    {"DE", "1067", WN_NORM_OK, "01067"}, /* Dresden */
    {"DE", "801", WN_NORM_INVALID, "801"},
    {"FR", "75008", WN_NORM_OK, "75008"},
    {"FR", "F-75008", WN_NORM_OK, "75008"},
    {"FR", "75 008", WN_NORM_OK, "75008"},
    {"ES", "28013", WN_NORM_OK, "28013"},
    {"ES", "8001", WN_NORM_OK, "08001"}, /* Barcelona */
    {"ES", "60001", WN_NORM_INVALID, "60001"},
    {"IT", "00184", WN_NORM_OK, "00184"},
    {"IT", "184", WN_NORM_OK, "00184"}, /* Rome */
    {"IT", "I-20121", WN_NORM_OK, "20121"},
    /* Other countries */
    {"IN", "110001", WN_NORM_OK, "110001"},
    {"IN", "110 001", WN_NORM_OK, "110001"},
    {"IN", "011001", WN_NORM_INVALID, "011001"},
    {"AU", "2000", WN_NORM_OK, "2000"},
    {"AU", "800", WN_NORM_OK, "0800"}, /* Darwin */
    {"AT", "A-1010", WN_NORM_OK, "1010"},
    {"CH", "CH-8001", WN_NORM_OK, "8001"},
    {"CH", "0800", WN_NORM_INVALID, "0800"},
    {"BE", "1000", WN_NORM_OK, "1000"},
    {"DK", "DK-2100", WN_NORM_OK, "2100"},
    {"NO", "0150", WN_NORM_OK, "0150"},
    {"NO", "150", WN_NORM_OK, "0150"},
    {"NL", "1071 XX", WN_NORM_OK, "1071 XX"},
    {"NL", "1071xx", WN_NORM_OK, "1071 XX"},
    {"NL", "NL-1071 XX", WN_NORM_OK, "1071 XX"},
    {"NL", "1071 SS", WN_NORM_INVALID, "1071 SS"},
    {"NL", "0171 XX", WN_NORM_INVALID, "0171 XX"},
    {"NL", "1071", WN_NORM_INVALID, "1071"},
    {"JP", "100-0001", WN_NORM_OK, "100-0001"},
    {"JP", "1000001", WN_NORM_OK, "100-0001"},
    {"JP",
     "\xe3\x80\x92"
     "100-0001",
     WN_NORM_OK, "100-0001"},
    {"BR", "01310-100", WN_NORM_OK, "01310-100"},
    {"BR", "01310100", WN_NORM_OK, "01310-100"},
    {"BR", "1310100", WN_NORM_OK, "01310-100"}, /* São Paulo, zero lost */
    {"PL", "00-950", WN_NORM_OK, "00-950"},
    {"PL", "00950", WN_NORM_OK, "00-950"},
    {"SE", "111 52", WN_NORM_OK, "111 52"},
    {"SE", "S-11152", WN_NORM_OK, "111 52"},
    {"PT", "1100-148", WN_NORM_OK, "1100-148"},
    {"IE", "D02 X285", WN_NORM_OK, "D02 X285"},
    {"IE", "d6w1234", WN_NORM_OK, "D6W 1234"},
    {"IE", "D02 B285", WN_NORM_INVALID, "D02 B285"},
    {"CZ", "110 00", WN_NORM_OK, "110 00"},
    {"FI", "100", WN_NORM_OK, "00100"}, /* Helsinki */
    /* Unknown or unlisted country */
    {NULL, "sw1a 1aa", WN_NORM_OK, "SW1A 1AA"},
    {"", " 12345 ", WN_NORM_OK, "12345"},
    {"XX", "ab   12-3", WN_NORM_OK, "AB 12-3"},
    {"KE", "00100", WN_NORM_OK, "00100"},
    {NULL, "1", WN_NORM_INVALID, "1"},
    {NULL, "12345678901", WN_NORM_INVALID, "12345678901"},
    {NULL, "n/a", WN_NORM_INVALID, "N/A"},
    {NULL, "-12345", WN_NORM_INVALID, "-12345"},
    {NULL, "", WN_NORM_EMPTY, ""},
    {NULL, " - ", WN_NORM_EMPTY, "-"},
    {"US", "   ", WN_NORM_EMPTY, ""},
    {"US", "--", WN_NORM_EMPTY, ""},
    {"GB", "SW1A 1AA!", WN_NORM_INVALID, "SW1A 1AA!"},
};

static void test_normalize(void **state)
{
    (void)state;
    wn_buf out = {0};
    size_t failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const postal_case *c = &cases[i];
        wn_norm_status st = wn_postal_normalize(c->in, strlen(c->in), c->country, &out);
        if (st != c->status || strcmp(wn_buf_cstr(&out), c->out) != 0) {
            print_error("%s '%s': got %d '%s', want %d '%s'\n", c->country ? c->country : "-",
                        c->in, st, out.data, c->status, c->out);
            failures++;
        }
    }
    wn_buf_free(&out);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
