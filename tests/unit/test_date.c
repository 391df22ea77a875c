/*
 * test_date.c -- dates in the shapes CRM vendors export them.
 *
 * Excel serials are checked against Excel's own 1900 date system (serial 1 =
 * 1900-01-01, 60 = the phantom 1900-02-29, 44197 = 2021-01-01, 45000 =
 * 2023-03-15); Unix times against `date -u -d @N`.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

#include "date.h"

typedef struct {
    const char *in;
    wn_date_order order;
    unsigned flags;
    wn_norm_status status;
    const char *out; /* "" for INVALID / EMPTY */
} date_case;

#define U   WN_DATE_UNKNOWN
#define D   WN_DATE_DMY
#define M   WN_DATE_MDY
#define OK  WN_NORM_OK
#define BAD WN_NORM_INVALID
#define SUS WN_NORM_SUSPICIOUS
#define SER WN_DATE_SERIAL
#define EPO WN_DATE_EPOCH

static const date_case cases[] = {
    /* ISO 8601 and its relatives */
    {"2021-03-04", U, 0, OK, "2021-03-04"},
    {"2021-03-04T10:22:33Z", U, 0, OK, "2021-03-04"},
    {"2021-03-04T10:22:33.123+01:00", U, 0, OK, "2021-03-04"},
    {"2021-03-04T23:59:59-05:00", U, 0, OK, "2021-03-04"},
    {"2021-03-04 10:22:33", U, 0, OK, "2021-03-04"},
    {"2021-03-04 10:22", U, 0, OK, "2021-03-04"},
    {"2021-03-04 00:00:00.000", U, 0, OK, "2021-03-04"},
    {"2021-03-04 10:22:33 +0000", U, 0, OK, "2021-03-04"},
    {"2021-03-04 10:22:33 UTC", U, 0, OK, "2021-03-04"},
    {"20210304T102233Z", U, 0, OK, "2021-03-04"},
    {"2021/03/04", U, 0, OK, "2021-03-04"},
    {"2021.3.4", U, 0, OK, "2021-03-04"},
    {"20210304", U, 0, OK, "2021-03-04"},
    {"  2021-03-04  ", U, 0, OK, "2021-03-04"},
    /* US */
    {"03/04/2021", M, 0, OK, "2021-03-04"},
    {"3/4/21", M, 0, OK, "2021-03-04"},
    {"3/4/21 10:22 PM", M, 0, OK, "2021-03-04"},
    {"12/31/1999", M, 0, OK, "1999-12-31"},
    {"12/31/99", U, 0, OK, "1999-12-31"}, /* proves its own order */
    {"1/2/85", M, 0, OK, "1985-01-02"},
    /* Europe */
    {"04.03.2021", D, 0, OK, "2021-03-04"},
    {"04.03.2021", U, 0, OK, "2021-03-04"}, /* dots: day first */
    {"4.3.2021", D, 0, OK, "2021-03-04"},
    {"04/03/2021", D, 0, OK, "2021-03-04"},
    {"04-03-2021", D, 0, OK, "2021-03-04"},
    {"31/12/2021", U, 0, OK, "2021-12-31"},
    {"31/12/2021", M, 0, OK, "2021-12-31"}, /* the value overrides a wrong order */
    {"04.03.2021 14:05:00", D, 0, OK, "2021-03-04"},
    /* Ambiguous without an order */
    {"03/04/2021", U, 0, SUS, "2021-03-04"},
    {"05/05/2021", U, 0, OK, "2021-05-05"},
    /* Month names */
    {"4 Mar 2021", U, 0, OK, "2021-03-04"},
    {"04-Mar-21", U, 0, OK, "2021-03-04"},
    {"04-MAR-2021", M, 0, OK, "2021-03-04"},
    {"04MAR2021", U, 0, OK, "2021-03-04"},
    {"March 4, 2021", U, 0, OK, "2021-03-04"},
    {"Mar 4 2021", U, 0, OK, "2021-03-04"},
    {"Sept. 14, 2020", U, 0, OK, "2020-09-14"},
    {"4th March 2021", U, 0, OK, "2021-03-04"},
    {"1st of March 2021", U, 0, OK, "2021-03-01"},
    {"Thursday, March 4, 2021", U, 0, OK, "2021-03-04"},
    {"Thu, 04 Mar 2021 10:22:33 +0000", U, 0, OK, "2021-03-04"}, /* RFC 5322 */
    {"2021-Mar-04", U, 0, OK, "2021-03-04"},
    {"4. März 2021", U, 0, OK, "2021-03-04"},
    {"4. MÄRZ 2021", U, 0, OK, "2021-03-04"},
    {"4 mars 2021", U, 0, OK, "2021-03-04"},
    {"1er août 2021", U, 0, BAD, ""}, /* "er" is not a suffix we know */
    {"1 août 2021", U, 0, OK, "2021-08-01"},
    {"4 de marzo de 2021", U, 0, OK, "2021-03-04"},
    {"17. Dezember 1999", U, 0, OK, "1999-12-17"},
    /* Calendar checks */
    {"2021-02-29", U, 0, BAD, ""},
    {"2020-02-29", U, 0, OK, "2020-02-29"},
    {"1900-02-29", U, 0, BAD, ""},
    {"2000-02-29", U, 0, OK, "2000-02-29"},
    {"02/30/2021", M, 0, BAD, ""},
    {"31.04.2021", D, 0, BAD, ""},
    {"2021-13-01", U, 0, BAD, ""},
    {"2021-00-10", U, 0, BAD, ""},
    {"13/13/2021", U, 0, BAD, ""},
    {"1850-06-01", U, 0, SUS, "1850-06-01"},
    {"2150-01-01", U, 0, SUS, "2150-01-01"},
    /* Times that are not times, and text that is not a date */
    {"2021-03-04T25:00:00", U, 0, BAD, ""},
    {"2021-03-04 10:61", U, 0, BAD, ""},
    {"2021-03-04 13:00 PM", U, 0, BAD, ""},
    {"2021-03-04 10:22 foo", U, 0, BAD, ""},
    {"March 2021", U, 0, BAD, ""},
    {"2021-03", U, 0, BAD, ""},
    {"tomorrow", U, 0, BAD, ""},
    {"n/a", U, 0, BAD, ""},
    {"3/4/202", M, 0, BAD, ""},
    {"", U, 0, WN_NORM_EMPTY, ""},
    {"   ", U, 0, WN_NORM_EMPTY, ""},
    /* Excel serials: only when asked for */
    {"44197", U, 0, BAD, ""},
    {"44197", U, SER, OK, "2021-01-01"},
    {"45000", U, SER, OK, "2023-03-15"},
    {"44256.5", U, SER, OK, "2021-03-01"},
    {"1", U, SER, OK, "1900-01-01"},
    {"59", U, SER, OK, "1900-02-28"},
    {"60", U, SER, BAD, ""},
    {"61", U, SER, OK, "1900-03-01"},
    {"0", U, SER, BAD, ""},
    {"80001", U, SER, BAD, ""},
    {"20210304", U, SER, OK, "2021-03-04"}, /* 8 digits stay YYYYMMDD */
    /* Unix time: only when asked for */
    {"1614853353", U, 0, BAD, ""},
    {"1614853353", U, EPO, OK, "2021-03-04"},
    {"1614853353000", U, EPO, OK, "2021-03-04"},
    {"946684799", U, EPO, OK, "1999-12-31"},
};

static void test_normalize(void **state)
{
    (void)state;
    wn_buf out = {0};
    size_t failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const date_case *c = &cases[i];
        wn_norm_status st = wn_date_normalize_ex(c->in, strlen(c->in), c->order, c->flags, &out);
        if (st != c->status || strcmp(wn_buf_cstr(&out), c->out) != 0) {
            print_error("'%s' (order %d, flags %u): got %d '%s', want %d '%s'\n", c->in, c->order,
                        c->flags, st, out.data, c->status, c->out);
            failures++;
        }
    }
    /* The plain entry point accepts no serials. */
    assert_int_equal(wn_date_normalize("44197", 5, WN_DATE_UNKNOWN, &out), WN_NORM_INVALID);
    assert_int_equal(wn_date_normalize("4 Mar 2021", 10, WN_DATE_UNKNOWN, &out), WN_NORM_OK);
    wn_buf_free(&out);
    assert_int_equal(failures, 0);
}

/* The pivot moves with the current year; test it relative to now. */
static void test_two_digit_years(void **state)
{
    (void)state;
    time_t now = time(NULL);
    struct tm tm;
    assert_non_null(gmtime_r(&now, &tm));
    int pivot = (tm.tm_year + 1900) % 100 + 10; /* up to here: 20yy */
    wn_buf out = {0};
    char in[16], want[16];
    for (int yy = 0; yy < 100; yy++) {
        snprintf(in, sizeof in, "01/02/%02d", yy);
        snprintf(want, sizeof want, "%d-01-02", yy <= pivot ? 2000 + yy : 1900 + yy);
        assert_int_equal(wn_date_normalize(in, strlen(in), WN_DATE_MDY, &out), WN_NORM_OK);
        assert_string_equal(wn_buf_cstr(&out), want);
    }
    wn_buf_free(&out);
}

static void vote_all(wn_date_vote *v, const char *const *values, size_t n)
{
    wn_date_vote_init(v);
    for (size_t i = 0; i < n; i++)
        wn_date_vote_add(v, values[i], strlen(values[i]));
}

static void test_vote(void **state)
{
    (void)state;
    wn_date_vote v;
    static const char *const european[] = {"04/03/2021", "01/02/2020", "25/12/2020",
                                           "13/01/2021 10:00", "05/06/2019"};
    vote_all(&v, european, 5);
    assert_int_equal(v.dmy, 2);
    assert_int_equal(v.mdy, 0);
    assert_int_equal(v.values, 5);
    assert_int_equal(wn_date_vote_decide(&v, WN_DATE_MDY), WN_DATE_DMY);

    static const char *const american[] = {"3/4/2021", "12/25/2020", "1/2/21",    "2021-03-04",
                                           "",         "garbage",    "11/30/2020"};
    vote_all(&v, american, 7);
    assert_int_equal(v.mdy, 2);
    assert_int_equal(v.dmy, 0);
    assert_int_equal(wn_date_vote_decide(&v, WN_DATE_DMY), WN_DATE_MDY);

    /* No proof either way: the caller's default. */
    static const char *const unclear[] = {"01/02/2020", "03/04/2021", "2021-03-04"};
    vote_all(&v, unclear, 3);
    assert_int_equal(wn_date_vote_decide(&v, WN_DATE_DMY), WN_DATE_DMY);
    assert_int_equal(wn_date_vote_decide(&v, WN_DATE_UNKNOWN), WN_DATE_UNKNOWN);

    /* Mixed files: the majority of proofs wins; votes over chunks merge. */
    static const char *const mixed[] = {"13/01/2021", "14/01/2021", "01/13/2021"};
    wn_date_vote a, b;
    vote_all(&a, mixed, 2);
    vote_all(&b, mixed + 2, 1);
    wn_date_vote_merge(&a, &b);
    assert_int_equal(a.values, 3);
    assert_int_equal(wn_date_vote_decide(&a, WN_DATE_MDY), WN_DATE_DMY);
    /* A tie falls back. */
    vote_all(&v, mixed + 1, 2);
    assert_int_equal(wn_date_vote_decide(&v, WN_DATE_MDY), WN_DATE_MDY);
}

static void test_to_days(void **state)
{
    (void)state;
    assert_int_equal(wn_date_to_days("1970-01-01"), 0);
    assert_int_equal(wn_date_to_days("1970-01-02"), 1);
    assert_int_equal(wn_date_to_days("1969-12-31"), -1);
    assert_int_equal(wn_date_to_days("2000-03-01"), 11017);
    assert_int_equal(wn_date_to_days("2021-03-04"), 18690);
    assert_int_equal(wn_date_to_days("1900-01-01"), -25567);
    assert_int_equal(wn_date_to_days("2021-03-04") - wn_date_to_days("2020-03-04"), 365);
    assert_int_equal(wn_date_to_days("2020-03-04") - wn_date_to_days("2019-03-04"), 366);
    assert_int_equal(wn_date_to_days("2021-02-29"), INT_MIN);
    assert_int_equal(wn_date_to_days("2021/03/04"), INT_MIN);
    assert_int_equal(wn_date_to_days("21-03-04xx"), INT_MIN);
    /* Round trip through the normalizer for every day of four years. */
    wn_buf out = {0};
    char serial[16];
    for (int s = 36526; s < 36526 + 1461; s++) { /* 2000-01-01 .. 2003-12-31 */
        snprintf(serial, sizeof serial, "%d", s);
        assert_int_equal(
            wn_date_normalize_ex(serial, strlen(serial), WN_DATE_UNKNOWN, WN_DATE_SERIAL, &out),
            WN_NORM_OK);
        assert_int_equal(wn_date_to_days(wn_buf_cstr(&out)), s - 25569);
    }
    wn_buf_free(&out);
}

/* An ISO date with HH:MM or HH:MM:SS after one space takes a short path;
 * two spaces take the general one, which must read it the same way. Dates
 * and times at and past their limits: 24:00, minute 60, second 60 and 61,
 * February 29 and 30, month 13, day 0. */
static void test_iso_with_time_short_path(void **state)
{
    (void)state;
    static const char *const dates[] = {"2020-02-29", "2021-02-29", "2020-02-30", "1999-12-31",
                                        "2020-13-01", "2020-01-00", "0000-01-01", "2100-06-15"};
    static const char *const times[] = {"00:00",    "23:59",    "24:00",    "24:01", "12:60",
                                        "12:30:59", "12:30:60", "12:30:61", "99:99", "07:05:00"};
    wn_buf a = {0}, b = {0};
    char one[64], two[64];
    for (size_t d = 0; d < sizeof dates / sizeof *dates; d++)
        for (size_t t = 0; t < sizeof times / sizeof *times; t++) {
            snprintf(one, sizeof one, "%s %s", dates[d], times[t]);
            snprintf(two, sizeof two, "%s  %s", dates[d], times[t]);
            wn_norm_status sa = wn_date_normalize_ex(one, strlen(one), WN_DATE_MDY, 0, &a);
            wn_norm_status sb = wn_date_normalize_ex(two, strlen(two), WN_DATE_MDY, 0, &b);
            if (sa != sb || a.len != b.len || (a.len && memcmp(a.data, b.data, a.len) != 0))
                fail_msg("'%s' -> %d '%s', but '%s' -> %d '%s'", one, (int)sa, a.len ? a.data : "",
                         two, (int)sb, b.len ? b.data : "");
        }
    assert_int_equal(wn_date_normalize_ex("2020-02-29 24:00", 16, WN_DATE_MDY, 0, &a), WN_NORM_OK);
    assert_string_equal(a.data, "2020-02-29");
    assert_int_equal(wn_date_normalize_ex("2020-02-29 12:60", 16, WN_DATE_MDY, 0, &a),
                     WN_NORM_INVALID);
    wn_buf_free(&a);
    wn_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize),       cmocka_unit_test(test_iso_with_time_short_path),
        cmocka_unit_test(test_two_digit_years), cmocka_unit_test(test_vote),
        cmocka_unit_test(test_to_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
