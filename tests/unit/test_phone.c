/*
 * test_phone.c -- phone numbers as CRM exports carry them, to E.164.
 *
 * Numbers are from the ranges regulators reserve for drama and documentation
 * where they exist (Ofcom 020 7946 0xxx and 07700 900xxx, NANP 555-01xx) and
 * otherwise well-known public numbers or plausible ones of valid shape.
 */
#include "testutil.h"

#include "phone.h"

typedef struct {
    const char *region; /* default region, NULL for none */
    const char *in;
    wn_norm_status status;
    const char *e164; /* expected e164_out */
    const char *ext;  /* expected ext_out */
} phone_case;

static const phone_case cases[] = {
    /* NANP */
    {"US", "(212) 555-0123", WN_NORM_OK, "+12125550123", ""},
    {"US", "212-555-0123", WN_NORM_OK, "+12125550123", ""},
    {"US", "212.555.0123", WN_NORM_OK, "+12125550123", ""},
    {"US", "1-212-555-0123", WN_NORM_OK, "+12125550123", ""},
    {"US", "+1 212 555 0123", WN_NORM_OK, "+12125550123", ""},
    {"US", "1 (212) 555-0123", WN_NORM_OK, "+12125550123", ""},
    {"DE", "001 212 555 0123", WN_NORM_OK, "+12125550123", ""},
    {"US", "011 44 20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"US", "(212) 555-0123 x45", WN_NORM_OK, "+12125550123", "45"},
    {"US", "212-555-0123 ext. 123", WN_NORM_OK, "+12125550123", "123"},
    {"US", "212-555-0123 Ext 12", WN_NORM_OK, "+12125550123", "12"},
    {"US", "212 555 0123 #9", WN_NORM_OK, "+12125550123", "9"},
    {"US", "+1 212 555 0123 extension 77", WN_NORM_OK, "+12125550123", "77"},
    {"US", "212-555-0123x4567", WN_NORM_OK, "+12125550123", "4567"},
    {"US", "1-800-FLOWERS", WN_NORM_OK, "+18003569377", ""},
    {"US", "1-800-MATTRESS", WN_NORM_OK, "+18006288737", ""},
    {"US", "1-800-GOT-JUNK", WN_NORM_OK, "+18004685865", ""},
    {"CA", "+1 (416) 555-0199", WN_NORM_OK, "+14165550199", ""},
    {"CA", "416 555 0199", WN_NORM_OK, "+14165550199", ""},
    {"US", "(123) 555-0123", WN_NORM_INVALID, "1235550123", ""}, /* area code 1xx */
    {"US", "212-055-0123", WN_NORM_INVALID, "2120550123", ""},   /* exchange 0xx */
    {"US", "555-0123", WN_NORM_INVALID, "5550123", ""},
    {"US", "555-0123 / 555-0456", WN_NORM_INVALID, "55501235550456", ""},
    /* No default region */
    {NULL, "2125550123", WN_NORM_OK, "+12125550123", ""},
    {NULL, "1 (212) 555-0123", WN_NORM_OK, "+12125550123", ""},
    {NULL, "+44 20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {NULL, "0044 20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {NULL, "447700900123", WN_NORM_SUSPICIOUS, "+447700900123", ""},
    {NULL, "020 7946 0958", WN_NORM_INVALID, "02079460958", ""},
    {"", "4930123456", WN_NORM_INVALID, "4930123456", ""},
    {"ZZ", "2125550123", WN_NORM_OK, "+12125550123", ""},
    /* GB */
    {"GB", "+44 (0)20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"GB", "020 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"GB", "(020) 7946-0958", WN_NORM_OK, "+442079460958", ""},
    {"gb", "07700 900123", WN_NORM_OK, "+447700900123", ""},
    {"GB", "7700 900123", WN_NORM_OK, "+447700900123", ""}, /* leading 0 lost to Excel */
    {"GB", "447700900123", WN_NORM_OK, "+447700900123", ""},
    {"GB", "+44 020 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"GB", "0044 (0) 20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"GB",
     "+44\xc2\xa0"
     "20\xe2\x80\x93"
     "7946\xc2\xa0"
     "0958",
     WN_NORM_OK, "+442079460958", ""},
    {"GB", "Tel: +44 20 7946 0958 ext 12", WN_NORM_OK, "+442079460958", "12"},
    {"GB", "=\"02079460958\"", WN_NORM_OK, "+442079460958", ""},
    {"GB", "'+44 20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"GB", "447700900123.0", WN_NORM_OK, "+447700900123", ""},
    {"GB", "4.47911E+11", WN_NORM_INVALID, "4.47911E+11", ""},
    {NULL, "4.47911e+11", WN_NORM_INVALID, "4.47911e+11", ""},
    {"GB", "+44 20 7946 09", WN_NORM_INVALID, "+4420794609", ""},
    /* Europe */
    {"IE", "+353 1 234 5678", WN_NORM_OK, "+35312345678", ""},
    {"IE", "087 123 4567", WN_NORM_OK, "+353871234567", ""},
    {"DE", "030 12345678", WN_NORM_OK, "+493012345678", ""},
    {"DE", "+49 (0)30 12345678", WN_NORM_OK, "+493012345678", ""},
    {"DE", "0049 30 12345678", WN_NORM_OK, "+493012345678", ""},
    {"DE", "0171/1234567", WN_NORM_OK, "+491711234567", ""},
    {"DE", "Mobil: 0171 1234567", WN_NORM_OK, "+491711234567", ""},
    {"AT", "+43 1 5123456", WN_NORM_OK, "+4315123456", ""},
    {"AT", "0664 1234567", WN_NORM_OK, "+436641234567", ""},
    {"CH", "044 668 18 00", WN_NORM_OK, "+41446681800", ""},
    {"CH", "+41 (0)79 123 45 67", WN_NORM_OK, "+41791234567", ""},
    {"FR", "01 42 68 53 00", WN_NORM_OK, "+33142685300", ""},
    {"FR", "06.12.34.56.78", WN_NORM_OK, "+33612345678", ""},
    {"FR", "+33 (0)6 12 34 56 78", WN_NORM_OK, "+33612345678", ""},
    {"FR", "01 42 68 53", WN_NORM_INVALID, "01426853", ""},
    {"ES", "912 345 678", WN_NORM_OK, "+34912345678", ""},
    {"ES", "34 612 34 56 78", WN_NORM_OK, "+34612345678", ""},
    {"IT", "06 6982 1234", WN_NORM_OK, "+390669821234", ""},
    {"IT", "+39 06 6982 1234", WN_NORM_OK, "+390669821234", ""},
    {"IT", "333 123 4567", WN_NORM_OK, "+393331234567", ""},
    {"IT", "393 123 4567", WN_NORM_OK, "+393931234567", ""}, /* a 393 mobile, not +39 */
    {"IT", "39 333 123 4567", WN_NORM_OK, "+393331234567", ""},
    {"NL", "020-1234567", WN_NORM_OK, "+31201234567", ""},
    {"NL", "06-12345678", WN_NORM_OK, "+31612345678", ""},
    {"BE", "02 234 56 78", WN_NORM_OK, "+3222345678", ""},
    {"BE", "0470 12 34 56", WN_NORM_OK, "+32470123456", ""},
    {"PT", "+351 912 345 678", WN_NORM_OK, "+351912345678", ""},
    {"PT", "21 234 5678", WN_NORM_OK, "+351212345678", ""},
    {"SE", "08-123 456 78", WN_NORM_OK, "+46812345678", ""},
    {"SE", "070-123 45 67", WN_NORM_OK, "+46701234567", ""},
    {"NO", "22 12 34 56", WN_NORM_OK, "+4722123456", ""},
    {"DK", "32 12 34 56", WN_NORM_OK, "+4532123456", ""},
    {"FI", "040 123 4567", WN_NORM_OK, "+358401234567", ""},
    {"PL", "+48 12 345 67 89", WN_NORM_OK, "+48123456789", ""},
    {"PL", "601 234 567", WN_NORM_OK, "+48601234567", ""},
    {"CZ", "+420 601 123 456", WN_NORM_OK, "+420601123456", ""},
    {"RU", "8 (495) 123-45-67", WN_NORM_OK, "+74951234567", ""},
    {"RU", "+7 916 123-45-67", WN_NORM_OK, "+79161234567", ""},
    {"HU", "06 1 234 5678", WN_NORM_OK, "+3612345678", ""},
    {"LU", "+352 26 12 34", WN_NORM_OK, "+352261234", ""},
    /* Rest of the world */
    {"IN", "+91 98765 43210", WN_NORM_OK, "+919876543210", ""},
    {"IN", "098765 43210", WN_NORM_OK, "+919876543210", ""},
    {"IN", "91 98765 43210", WN_NORM_OK, "+919876543210", ""},
    {"AU", "(02) 9876 5432", WN_NORM_OK, "+61298765432", ""},
    {"AU", "0412 345 678", WN_NORM_OK, "+61412345678", ""},
    {"AU", "0011 44 20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"NZ", "09 234 5678", WN_NORM_OK, "+6492345678", ""},
    {"NZ", "021 123 4567", WN_NORM_OK, "+64211234567", ""},
    {"BR", "(11) 91234-5678", WN_NORM_OK, "+5511912345678", ""},
    {"BR", "+55 11 3123-4567", WN_NORM_OK, "+551131234567", ""},
    {"MX", "55 1234 5678", WN_NORM_OK, "+525512345678", ""},
    {"MX", "+52 1 55 1234 5678", WN_NORM_OK, "+525512345678", ""},
    {"MX", "01 55 1234 5678", WN_NORM_OK, "+525512345678", ""},
    {"MX", "044 55 1234 5678", WN_NORM_OK, "+525512345678", ""},
    {"AR", "+54 9 11 1234-5678", WN_NORM_OK, "+5491112345678", ""},
    {"AR", "011 1234-5678", WN_NORM_OK, "+541112345678", ""},
    {"JP", "03-1234-5678", WN_NORM_OK, "+81312345678", ""},
    {"JP", "090-1234-5678", WN_NORM_OK, "+819012345678", ""},
    {"JP", "\xef\xbc\x90\xef\xbc\x93-1234-5678", WN_NORM_OK, "+81312345678", ""},
    {"CN", "010 1234 5678", WN_NORM_OK, "+861012345678", ""},
    {"CN", "138 0013 8000", WN_NORM_OK, "+8613800138000", ""},
    {"SG", "6123 4567", WN_NORM_OK, "+6561234567", ""},
    {"SG", "+65 9123 4567", WN_NORM_OK, "+6591234567", ""},
    {"ZA", "021 123 4567", WN_NORM_OK, "+27211234567", ""},
    {"ZA", "082 123 4567", WN_NORM_OK, "+27821234567", ""},
    {"AE", "04 234 5678", WN_NORM_OK, "+97142345678", ""},
    {"AE", "050 123 4567", WN_NORM_OK, "+971501234567", ""},
    {"JM", "876 555 0123", WN_NORM_OK, "+18765550123", ""}, /* NANP without a plan row */
    {"IS", "551 2345", WN_NORM_OK, "+3545512345", ""},      /* a generated plan row */
    /* Number ranges, not just lengths: business numbers of every length the
     * plans assign, and numbers of a valid length in ranges that do not exist */
    {"AU", "1300 123 456", WN_NORM_OK, "+611300123456", ""},
    {"AU", "1800 123 456", WN_NORM_OK, "+611800123456", ""},
    {"AU", "1900 123 456", WN_NORM_OK, "+611900123456", ""},
    {"BR", "0800-123-388", WN_NORM_OK, "+55800123388", ""},
    {"NL", "0800 1234", WN_NORM_OK, "+318001234", ""},
    {"NL", "0900 1234567", WN_NORM_OK, "+319001234567", ""},
    {"NL", "140 20", WN_NORM_OK, "+3114020", ""},
    {"IN", "1800 123 4567", WN_NORM_OK, "+9118001234567", ""},
    {"IN", "1860 123 4567", WN_NORM_OK, "+9118601234567", ""},
    {"CN", "16812345", WN_NORM_OK, "+8616812345", ""},
    {"ZA", "+27 861 123 4548", WN_NORM_OK, "+278611234548", ""},
    {"US", "+1 911 555 1234", WN_NORM_INVALID, "+19115551234", ""}, /* N11 is no area code */
    {"US", "+1 212 911 1234", WN_NORM_OK, "+12129111234", ""},
    {"GB", "+44 021 234 9200", WN_NORM_INVALID, "+440212349200", ""},
    {"GB", "+44 20 1234 5678", WN_NORM_OK, "+442012345678", ""},
    {"GB", "07700 900123", WN_NORM_OK, "+447700900123", ""}, /* Ofcom's drama range */
    {"GB", "07700 950123", WN_NORM_INVALID, "07700950123", ""},
    {"DE", "0800 1234567", WN_NORM_OK, "+498001234567", ""},
    {NULL, "+800 1234 5678", WN_NORM_OK, "+80012345678", ""}, /* international freephone */
    /* How regions write numbers: carrier and old mobile prefixes, Argentina's
     * 15 after the area code, local numbers without their area code, exit
     * codes that are the region's own */
    {"AR", "011 15-2345-6789", WN_NORM_OK, "+5491123456789", ""},
    {"AR", "0343 15-555-2345", WN_NORM_OK, "+5493435552345", ""},
    {"AR", "+54 11 15 2345 6789", WN_NORM_OK, "+5491123456789", ""},
    {"BS", "322 1234", WN_NORM_OK, "+12423221234", ""},
    {"JE", "456789", WN_NORM_OK, "+441534456789", ""},
    {"KR", "00700 44 20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"CO", "09 601 234 5678", WN_NORM_OK, "+576012345678", ""}, /* carrier 09 */
    {"RU", "8~10 44 20 7946 0958", WN_NORM_OK, "+442079460958", ""},
    {"RU", "8 10 44 20 7946 09", WN_NORM_INVALID, "8104420794609", ""},
    {"RU", "8 800 555 35 35", WN_NORM_OK, "+78005553535", ""},
    {"AU", "0011 61 89162124", WN_NORM_INVALID, "00116189162124", ""},
    /* Not numbers */
    {"US", "", WN_NORM_EMPTY, "", ""},
    {"US", "   ", WN_NORM_EMPTY, "", ""},
    {"US", "-", WN_NORM_EMPTY, "", ""},
    {"US", "( )", WN_NORM_EMPTY, "", ""},
    {"US", "n/a", WN_NORM_INVALID, "", ""},
    {"US", "call me", WN_NORM_INVALID, "", ""},
    {"US", "x123", WN_NORM_INVALID, "", ""},
    {"US", "+999 1234 5678", WN_NORM_INVALID, "+99912345678", ""},
    {"US", "+1 212 555 0123 4567", WN_NORM_INVALID, "+121255501234567", ""},
    {"US", "212+555+0123", WN_NORM_INVALID, "212", ""},
    {"US", "12345678901234567890123456", WN_NORM_INVALID, "123456789012345678901234", ""},
};

static void test_normalize(void **state)
{
    (void)state;
    wn_buf e164 = {0}, ext = {0};
    size_t failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const phone_case *c = &cases[i];
        wn_norm_status st = wn_phone_normalize(c->in, strlen(c->in), c->region, &e164, &ext);
        const char *got = wn_buf_cstr(&e164), *got_ext = wn_buf_cstr(&ext);
        if (st != c->status || strcmp(got, c->e164) != 0 || strcmp(got_ext, c->ext) != 0) {
            print_error("%s '%s': got %d '%s' x'%s', want %d '%s' x'%s'\n",
                        c->region ? c->region : "-", c->in, st, got, got_ext, c->status, c->e164,
                        c->ext);
            failures++;
        }
    }
    wn_buf_free(&e164);
    wn_buf_free(&ext);
    assert_int_equal(failures, 0);
}

static void test_mobile(void **state)
{
    (void)state;
    static const struct {
        const char *e164;
        bool mobile;
    } mobiles[] = {
        {"+447700900123", true},
        {"+442079460958", false},
        {"+491711234567", true},
        {"+493012345678", false},
        {"+33612345678", true},
        {"+33142685300", false},
        {"+12125550123", false},
        {"+61412345678", true},
        {"+8613800138000", true},
        {"+3545512345", false},
        {"+5511912345678", true}, /* Brazil: 9 after the area code */
        {"+551131234567", false},
        {"+34612345678", true},
        {"+34701234567", false},  /* Spain: personal numbers */
        {"+5491123456789", true}, /* Argentina: 9 before the area code */
        {"+611300123456", false},
        {"+27821234567", true},
        {"+278611234548", false},
        {"+447700900123", true},
        {"+12423456789", false}, /* Bahamas: fixed line */
        {"+12423591234", true},  /* Bahamas: mobile, where NANP tells them apart */
        {"", false},
        {"12125550123", false},
    };
    for (size_t i = 0; i < sizeof mobiles / sizeof mobiles[0]; i++)
        if (wn_phone_is_mobile(mobiles[i].e164, strlen(mobiles[i].e164)) != mobiles[i].mobile)
            fail_msg("%s: mobile should be %d", mobiles[i].e164, mobiles[i].mobile);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_mobile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
