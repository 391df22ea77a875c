/*
 * test_profile.c -- column profiles: fill rate, distinct counts (exact, then
 * estimated and saying so), lengths in characters, top values and shapes,
 * invalid values for email / phone / date columns, and the JSON writer.
 */
#include "testutil.h"

#include "kinds.h"

static const char *const names[] = {"Name", "E-Mail", "Phone", "Birthdate"};
static const wn_header header = {.ncols = 4, .names = names};

static void add(wn_profile *p, const char *a, const char *b, const char *c, const char *d)
{
    const char *v[] = {a, b, c, d};
    wn_cell cells[4];
    for (int i = 0; i < 4; i++)
        cells[i] = (wn_cell){v[i], strlen(v[i])};
    wn_row row = {.ncells = 4, .cells = cells};
    wn_profile_add_row(p, &row);
}

static void test_columns(void **state)
{
    (void)state;
    wn_profile *p;
    wn_error err;
    assert_int_equal(wn_profile_new(&p, &header, NULL, &err), WN_OK);
    add(p, "José", "jose@example.com", "+1 (555) 123-4567", "1980-02-29");
    add(p, "Ann", "not-an-email", "12", "31/02/1980");
    add(p, "Ann", "", "555.123.4567", "");
    add(p, "", "ann@x.io", "n/a", "02/03/1979");
    wn_profile_finish(p);
    assert_int_equal(wn_profile_ncolumns(p), 4);

    const wn_column_profile *name = wn_profile_column(p, 0);
    assert_int_equal(name->kind, WN_KIND_TEXT);
    assert_int_equal(name->rows, 4);
    assert_int_equal(name->filled, 3);
    assert_int_equal(name->distinct, 2);
    assert_true(name->distinct_exact);
    assert_int_equal(name->min_len, 3);
    assert_int_equal(name->max_len, 4); /* characters, not bytes */
    assert_string_equal(name->top_values[0].value, "Ann");
    assert_int_equal(name->top_values[0].count, 2);
    assert_string_equal(name->top_shapes[0].value, "Aaa");

    const wn_column_profile *email = wn_profile_column(p, 1);
    assert_int_equal(email->kind, WN_KIND_EMAIL);
    assert_int_equal(email->filled, 3);
    assert_int_equal(email->invalid, 1);
    const wn_column_profile *phone = wn_profile_column(p, 2);
    assert_int_equal(phone->kind, WN_KIND_PHONE);
    assert_int_equal(phone->invalid, 2); /* "12" and "n/a" */
    const wn_column_profile *date = wn_profile_column(p, 3);
    assert_int_equal(date->kind, WN_KIND_DATE);
    assert_int_equal(date->invalid, 1); /* 31 February */
    wn_profile_free(p);
}

/* The quick checks behind a profile's "invalid" count for email and phone
 * columns, character by character: every punctuation mark a local part may
 * hold and the ones it may not; every separator a phone may hold between
 * its digits, and a few it may not. */
static void test_email_phone_validity(void **state)
{
    (void)state;
    char v[64];
    for (const char *c = "!#$%&'*+/=?^_`{|}~-"; *c; c++) {
        snprintf(v, sizeof v, "a%cb@example.com", *c);
        assert_true(wn_kind_value_valid(WN_KIND_EMAIL, v, strlen(v)));
    }
    for (const char *c = " ,<>\"():;[]\\\t"; *c; c++) {
        snprintf(v, sizeof v, "a%cb@example.com", *c);
        assert_false(wn_kind_value_valid(WN_KIND_EMAIL, v, strlen(v)));
    }
    assert_true(wn_kind_value_valid(WN_KIND_EMAIL, "j.doe@x.io", 10));
    assert_false(wn_kind_value_valid(WN_KIND_EMAIL, "j..doe@x.io", 11));
    assert_true(wn_kind_value_valid(WN_KIND_EMAIL, "z\xc3\xbc@x.io", 8)); /* UTF-8 */
    for (const char *c = " ()-./+\t"; *c; c++) {
        snprintf(v, sizeof v, "555%c123%c4567", *c, *c);
        assert_true(wn_kind_value_valid(WN_KIND_PHONE, v, strlen(v)));
    }
    for (const char *c = "a,*;_"; *c; c++) {
        snprintf(v, sizeof v, "555%c123%c4567", *c, *c);
        assert_false(wn_kind_value_valid(WN_KIND_PHONE, v, strlen(v)));
    }
    assert_true(wn_kind_value_valid(WN_KIND_PHONE, "555 123 4567 x89", 16));  /* extension */
    assert_false(wn_kind_value_valid(WN_KIND_PHONE, "123456", 6));            /* too few */
    assert_false(wn_kind_value_valid(WN_KIND_PHONE, "1234567890123456", 16)); /* too many */
}

static void test_distinct_estimate(void **state)
{
    (void)state;
    wn_profile *p;
    wn_error err;
    wn_profile_opts opts = {.exact_distinct_limit = 1000};
    assert_int_equal(wn_profile_new(&p, &header, &opts, &err), WN_OK);
    char v[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(v, sizeof v, "name%d", i);
        add(p, v, "a@b.co", "", "");
    }
    wn_profile_finish(p);
    const wn_column_profile *c = wn_profile_column(p, 0);
    assert_false(c->distinct_exact);
    assert_true(c->distinct > 19400 && c->distinct < 20600);
    assert_true(wn_profile_column(p, 1)->distinct_exact);
    assert_int_equal(wn_profile_column(p, 1)->distinct, 1);
    wn_profile_free(p);
}

/* Shapes are counted a run at a time (neighbouring values mostly share
 * one); the counts must be those of every value, whether the value counter
 * is still exact (shapes derived per distinct value) or not (per value). */
static void test_shape_counts_in_runs(void **state)
{
    (void)state;
    static const char *const words[] = {"Anna", "bob", "X-Ray", "12345", "1234", "O'Neil"};
    static const char *const shapes[] = {"Aaaa", "aaa", "A-Aaa", "99999", "9999", "A'Aaaa"};
    for (size_t limit = 3; limit <= 12; limit += 9) { /* switches early; stays exact */
        wn_profile *p;
        wn_error err;
        wn_profile_opts opts = {.exact_distinct_limit = limit};
        assert_int_equal(wn_profile_new(&p, &header, &opts, &err), WN_OK);
        uint64_t want[6] = {0};
        unsigned seed = 11;
        for (int i = 0; i < 3000;) {
            seed = seed * 1103515245u + 12345u;
            size_t w = (seed >> 16) % 6, run = 1 + (seed >> 8) % 9;
            for (size_t k = 0; k < run && i < 3000; k++, i++) {
                add(p, words[w], "", "", "");
                want[w]++;
            }
        }
        wn_profile_finish(p);
        const wn_column_profile *c = wn_profile_column(p, 0);
        assert_int_equal(c->distinct_exact, limit > 6);
        assert_int_equal(c->ntop_shapes, 6);
        for (size_t w = 0; w < 6; w++) {
            size_t k = 0;
            while (k < c->ntop_shapes && strcmp(c->top_shapes[k].value, shapes[w]) != 0)
                k++;
            assert_true(k < c->ntop_shapes);
            if (c->top_shapes[k].count != want[w])
                fail_msg("shape %s: %llu, want %llu", shapes[w],
                         (unsigned long long)c->top_shapes[k].count, (unsigned long long)want[w]);
        }
        wn_profile_free(p);
    }
}

/* A profile of `n` generated rows, its value counter exact up to `limit`. */
static wn_profile *profile_generated(size_t limit, int n)
{
    wn_profile *p;
    wn_error err;
    wn_profile_opts opts = {.exact_distinct_limit = limit};
    assert_int_equal(wn_profile_new(&p, &header, &opts, &err), WN_OK);
    char name[400], email[64], phone[32];
    for (int i = 0; i < n; i++) {
        if (i % 97 == 0)
            snprintf(name, sizeof name, "%0300d", i);
        else
            snprintf(name, sizeof name, "%s%d", i % 3 ? "Zoë" : "ann", i % 50);
        snprintf(email, sizeof email, i % 7 ? "u%d@x.io" : "u%d at x", i % 40);
        snprintf(phone, sizeof phone, "+1 555 %07d", i);
        add(p, name, email, i % 11 ? phone : "12", "1980-02-29");
    }
    wn_profile_finish(p);
    return p;
}

/* Lengths, shapes and validity are derived once per distinct value while a
 * column is exact, and per occurrence after: the results must be the same
 * either way, for values that repeat (names, emails), values that never do
 * (phones), long values and values that are not ASCII. */
static void test_derived_same_exact_or_not(void **state)
{
    (void)state;
    wn_profile *exact = profile_generated(100000, 12000), *summary = profile_generated(8, 12000);
    for (size_t col = 0; col < 3; col++) {
        const wn_column_profile *a = wn_profile_column(exact, col),
                                *b = wn_profile_column(summary, col);
        assert_true(a->distinct_exact);
        assert_false(b->distinct_exact);
        assert_int_equal(a->min_len, b->min_len);
        assert_int_equal(a->max_len, b->max_len);
        assert_int_equal(a->invalid, b->invalid);
        assert_int_equal(a->ntop_shapes, b->ntop_shapes);
        for (size_t k = 0; k < a->ntop_shapes; k++) {
            assert_string_equal(a->top_shapes[k].value, b->top_shapes[k].value);
            assert_int_equal(a->top_shapes[k].count, b->top_shapes[k].count);
        }
    }
    assert_int_equal(wn_profile_column(exact, 0)->max_len, 300);
    assert_int_equal(wn_profile_column(exact, 1)->invalid, 1715); /* "u1 at x": every 7th */
    assert_int_equal(wn_profile_column(exact, 2)->invalid, 1091); /* "12": every 11th */
    wn_profile_free(exact);
    wn_profile_free(summary);
}

static void test_json(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    wn_json j;
    wn_json_init(&j, fp);
    wn_json_object_begin(&j);
    wn_json_key(&j, "s");
    wn_json_str(&j, "q\"\\\n\x01é");
    wn_json_key(&j, "a");
    wn_json_array_begin(&j);
    wn_json_u64(&j, 1);
    wn_json_double(&j, 0.5);
    wn_json_bool(&j, true);
    wn_json_null(&j);
    wn_json_array_end(&j);
    wn_json_object_end(&j);
    wn_json_finish(&j);
    fclose(fp);
    /* Structure and escapes; whitespace is the writer's choice. */
    char *compact = malloc(len + 1);
    size_t n = 0;
    bool in_str = false;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '"' && (i == 0 || text[i - 1] != '\\')) in_str = !in_str;
        if (in_str || (text[i] != ' ' && text[i] != '\n')) compact[n++] = text[i];
    }
    compact[n] = '\0';
    assert_string_equal(compact, "{\"s\":\"q\\\"\\\\\\n\\u0001é\",\"a\":[1,0.5,true,null]}");
    free(compact);
    free(text);
}

/* A date column's validity: ISO dates (a short path) are judged as the same
 * date written with slashes (the general one), alone or before a time. */
static void test_date_validity(void **state)
{
    (void)state;
    static const char *const dates[][3] = {
        {"2020", "02", "29"}, {"2021", "02", "29"}, {"2020", "02", "30"}, {"1799", "12", "31"},
        {"1800", "01", "01"}, {"2020", "13", "01"}, {"2020", "00", "10"}, {"2020", "04", "31"},
        {"0000", "01", "01"}, {"2200", "12", "31"}, {"2201", "01", "01"}, {"19x9", "01", "01"},
    };
    static const char *const after[] = {"", " 12:00", "T08:30:00Z", " ", "x"};
    char iso[64], slashed[64];
    for (size_t d = 0; d < sizeof dates / sizeof *dates; d++)
        for (size_t a = 0; a < sizeof after / sizeof *after; a++) {
            snprintf(iso, sizeof iso, "%s-%s-%s%s", dates[d][0], dates[d][1], dates[d][2],
                     after[a]);
            snprintf(slashed, sizeof slashed, "%s/%s/%s%s", dates[d][0], dates[d][1], dates[d][2],
                     after[a]);
            bool vi = wn_kind_value_valid(WN_KIND_DATE, iso, strlen(iso));
            bool vs = wn_kind_value_valid(WN_KIND_DATE, slashed, strlen(slashed));
            if (vi != vs) fail_msg("'%s' valid %d, '%s' valid %d", iso, vi, slashed, vs);
        }
    assert_true(wn_kind_value_valid(WN_KIND_DATE, "2020-02-29 12:00", 16));
    assert_false(wn_kind_value_valid(WN_KIND_DATE, "2021-02-29", 10));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_date_validity),
        cmocka_unit_test(test_email_phone_validity),
        cmocka_unit_test(test_distinct_estimate),
        cmocka_unit_test(test_shape_counts_in_runs),
        cmocka_unit_test(test_derived_same_exact_or_not),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
