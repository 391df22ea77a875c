/*
 * test_profile.c -- column profiles: fill rate, distinct counts (exact, then
 * estimated and saying so), lengths in characters, top values and shapes,
 * the kind and invalid count a column is labelled with (the ingest's, not
 * the profile's own judgement), the kinds of recognised fields, and the JSON
 * writer.
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
    assert_int_equal(wn_profile_column(p, 1)->filled, 3);
    wn_profile_free(p);
}

/* A profile does not judge columns by their headers or values: until the
 * caller labels a column with what the ingest decided, it is text with no
 * invalid values, however email-like its header and values; a label sets
 * exactly that column's kind and count, whenever it comes. */
static void test_labels_are_the_callers(void **state)
{
    (void)state;
    wn_profile *p;
    wn_error err;
    assert_int_equal(wn_profile_new(&p, &header, NULL, &err), WN_OK);
    add(p, "Ann", "not-an-email", "12", "31/02/1980");
    add(p, "Bob", "bob@example.com", "+1 212 736 5000", "1980-02-29");
    wn_profile_label_column(p, 1, WN_KIND_EMAIL, 7);
    wn_profile_finish(p);
    wn_profile_label_column(p, 3, WN_KIND_DATE, 1);  /* after finish: only a label */
    wn_profile_label_column(p, 4, WN_KIND_PHONE, 9); /* no such column: ignored */
    static const int kinds[] = {WN_KIND_TEXT, WN_KIND_EMAIL, WN_KIND_TEXT, WN_KIND_DATE};
    static const uint64_t invalid[] = {0, 7, 0, 1};
    for (size_t i = 0; i < 4; i++) {
        const wn_column_profile *c = wn_profile_column(p, i);
        assert_int_equal(c->kind, kinds[i]);
        assert_int_equal(c->invalid, invalid[i]);
        assert_int_equal(c->rows, 2);
    }
    assert_string_equal(wn_column_kind_name(WN_KIND_EMAIL), "email");
    wn_profile_free(p);
}

/* Every field's kind: emails; phones, mobiles and faxes; birth, creation
 * and modification dates; every other field (a street, a city, a generic
 * text, none) is text. */
static void test_kind_of_field(void **state)
{
    (void)state;
    for (int f = WN_F_NONE; f < WN_F_COUNT; f++) {
        int want = WN_KIND_TEXT;
        if (f == WN_F_EMAIL) want = WN_KIND_EMAIL;
        if (f == WN_F_PHONE || f == WN_F_MOBILE || f == WN_F_FAX) want = WN_KIND_PHONE;
        if (f == WN_F_BIRTH_DATE || f == WN_F_CREATED || f == WN_F_MODIFIED) want = WN_KIND_DATE;
        int got = wn_kind_of_field((wn_field)f);
        if (got != want)
            fail_msg("field %s: kind %s, want %s", wn_field_name((wn_field)f),
                     wn_column_kind_name(got), wn_column_kind_name(want));
    }
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

/* Lengths and shapes are derived once per distinct value while a column is
 * exact, and per occurrence after: the results must be the same either way,
 * for values that repeat (names, emails), values that never do (phones),
 * long values and values that are not ASCII. */
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
        assert_int_equal(a->ntop_shapes, b->ntop_shapes);
        for (size_t k = 0; k < a->ntop_shapes; k++) {
            assert_string_equal(a->top_shapes[k].value, b->top_shapes[k].value);
            assert_int_equal(a->top_shapes[k].count, b->top_shapes[k].count);
        }
    }
    assert_int_equal(wn_profile_column(exact, 0)->max_len, 300);
    assert_int_equal(wn_profile_column(exact, 2)->min_len, 2); /* "12": every 11th */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_labels_are_the_callers),
        cmocka_unit_test(test_kind_of_field),
        cmocka_unit_test(test_distinct_estimate),
        cmocka_unit_test(test_shape_counts_in_runs),
        cmocka_unit_test(test_derived_same_exact_or_not),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
