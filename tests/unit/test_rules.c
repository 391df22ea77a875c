/*
 * test_rules.c -- the rules language: defaults, a user file layered on
 * them, every kind of error with its line and column, and the writer's
 * output loading back to the same rules.
 */
#include "testutil.h"

#include "rules.h"

static wn_rules *load_ok(const char *text)
{
    wn_rules *r = NULL;
    wn_error err;
    int rc = wn_rules_load_text(&r, "test.yaml", text, strlen(text), &err);
    if (rc != WN_OK) print_error("unexpected: %s\n", err.msg);
    assert_int_equal(rc, WN_OK);
    return r;
}

/* Loading must fail and the message must contain `where` and `what`. */
static void load_bad(const char *text, const char *where, const char *what)
{
    wn_rules *r = NULL;
    wn_error err;
    assert_int_equal(wn_rules_load_text(&r, "test.yaml", text, strlen(text), &err), WN_ERULES);
    assert_null(r);
    if (!strstr(err.msg, where) || !strstr(err.msg, what)) {
        print_error("message '%s' lacks '%s' or '%s'\n", err.msg, where, what);
        fail();
    }
}

static void test_defaults(void **state)
{
    (void)state;
    wn_rules *r;
    wn_error err;
    assert_int_equal(wn_rules_load_default(&r, &err), WN_OK);
    assert_string_equal(r->path, "<default>");
    assert_false(r->columns_given);
    assert_int_equal(r->nreachable, 3);
    assert_true(r->npasses >= 5);
    assert_true(r->ncomparisons >= 8);
    assert_true(r->match_threshold == WN_THRESHOLD_AUTO);
    assert_int_equal(r->nhard_ids, 1);
    assert_int_equal(r->hard_ids[0], WN_F_TAX_ID);
    assert_int_equal(r->survivor[WN_F_EMAIL], WN_SURV_MOST_RECENT);
    wn_rules_free(r);
}

static void test_user_sections_replace_defaults(void **state)
{
    (void)state;
    wn_rules *r = load_ok("version: 1\n"
                          "settings: {default_country: DE, date_order: day_first}\n"
                          "columns:\n"
                          "  - column: Vorname\n"
                          "    field: first_name\n"
                          "  - column: Notiz\n"
                          "    field: none\n"
                          "  - column: Mail\n"
                          "    field: email\n"
                          "    normalize: [trim, email]\n"
                          "validation:\n"
                          "  reachable: [email]\n"
                          "  checks:\n"
                          "    - {field: postal_code, pattern: '^[0-9]{5}$'}\n"
                          "    - {field: country, allowed: [DE, AT]}\n"
                          "    - {field: last_name, min_length: 2}\n"
                          "blocking:\n"
                          "  max_block: 100\n"
                          "  passes:\n"
                          "    - {name: mail, keys: [email]}\n"
                          "    - {name: sx, keys: ['last_name:soundex', 'first_name:initial']}\n"
                          "thresholds: {match: 0.9, review: 0.6}\n");
    assert_string_equal(r->default_country, "DE");
    assert_int_equal(r->date_order, 1);
    assert_true(r->columns_given);
    assert_int_equal(r->ncolumns, 3);
    assert_int_equal(r->columns[0].field, WN_F_FIRST_NAME);
    assert_true(r->columns[0].nnorm >= 2); /* implied by the field */
    assert_int_equal(r->columns[1].field, WN_F_NONE);
    assert_int_equal(r->columns[2].nnorm, 2);
    assert_int_equal(r->columns[2].norm[1], WN_NORM_EMAIL);
    assert_int_equal(r->nreachable, 1);
    assert_int_equal(r->nchecks, 3);
    assert_int_equal(r->checks[1].nvalues, 2);
    assert_int_equal(r->nplaceholders, 0); /* the section was replaced */
    assert_int_equal(r->npasses, 2);
    assert_int_equal(r->passes[1].part_transform[0], WN_KEY_SOUNDEX);
    assert_int_equal(r->max_block, 100);
    assert_true(r->match_threshold == 0.9);
    assert_true(r->ncomparisons >= 8); /* not given: the defaults stay */
    wn_rules_free(r);
}

static void test_errors_name_line_and_column(void **state)
{
    (void)state;
    load_bad("version: 1\nblockng:\n  passes: []\n", "test.yaml:2:1", "unknown key 'blockng'");
    load_bad("validation:\n  reachable: [email, phone\n", "test.yaml:", "YAML syntax error");
    load_bad("columns:\n  - column: A\n    field: emial\n", "test.yaml:3:12",
             "unknown field 'emial'");
    load_bad("columns:\n  - column: A\n    field: email\n    normalize: [trim, lowercase]\n",
             "test.yaml:4:23", "unknown normalizer 'lowercase'");
    load_bad("blocking:\n  passes:\n    - {name: x, keys: ['last_name:sondex']}\n",
             "test.yaml:3:24", "unknown key transform 'sondex'");
    load_bad("comparisons:\n  - {field: city, method: fuzzy}\n", "test.yaml:2:27",
             "unknown comparison method 'fuzzy'");
    load_bad("comparisons:\n  - {field: city, method: jaro_winkler, close: 0.7, loose: 0.9}\n",
             "test.yaml:2:5", "close >= loose");
    load_bad("thresholds: {match: 1.5}\n", "test.yaml:1:21", "probability");
    load_bad("thresholds: {match: 0.5, review: 0.9}\n", "test.yaml:1:13", "review threshold");
    load_bad("validation:\n  checks:\n    - {field: email, pattern: '(unclosed'}\n",
             "test.yaml:3:31", "invalid pattern");
    load_bad("validation:\n  checks:\n    - {field: birth_date, date_range: [1900-01-01]}\n",
             "test.yaml:3:39", "date_range");
    load_bad("validation:\n  reachable: email\n", "test.yaml:2:14", "must be a list");
    load_bad("settings:\n  default_country: Germany\n", "test.yaml:2:20", "alpha-2");
    load_bad("version: 2\n", "test.yaml:1:10", "version 1");
    load_bad("", "test.yaml:1:1", "empty");
    load_bad("columns:\n  - field: email\n", "test.yaml:2:5", "needs 'column:'");
    load_bad("columns:\n  - {column: A, field: email}\n  - {column: A, field: phone}\n",
             "test.yaml:3:5", "listed twice");
    load_bad("survivorship: {default: newest}\n", "test.yaml:1:25", "unknown survivorship rule");
    load_bad("- just\n- a list\n", "test.yaml:1:1", "must be a mapping");
}

static void test_file_errors(void **state)
{
    (void)state;
    wn_rules *r;
    wn_error err;
    assert_int_equal(wn_rules_load_file(&r, "/nonexistent/rules.yaml", &err), WN_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/rules.yaml"));
    const char text[] = "version: 1\nthresholds:\n  match: maybe\n";
    const char *path = tu_temp_file(text, sizeof text - 1);
    assert_int_equal(wn_rules_load_file(&r, path, &err), WN_ERULES);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, ":3:10:"));
}

static char *emit(const wn_rules *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    wn_rules_write_yaml(r, fp, "# generated\n");
    fclose(fp);
    return text;
}

static void test_written_rules_load_back_identically(void **state)
{
    (void)state;
    wn_rules *r = load_ok("columns:\n  - {column: \"E-Mail \\\"work\\\"\", field: email}\n"
                          "  - {column: Id, field: record_id}\n  - {column: X, field: none}\n"
                          "survivorship:\n  default: longest\n  source_priority: [new.csv]\n"
                          "  fields: {phone: source_priority}\n"
                          "validation:\n  checks:\n    - {field: country, allowed: [US]}\n");
    char *first = emit(r);
    wn_rules *again = load_ok(first);
    char *second = emit(again);
    assert_string_equal(first, second);
    assert_int_equal(again->ncolumns, 3);
    assert_string_equal(again->columns[0].column, "E-Mail \"work\"");
    assert_int_equal(again->survivor[WN_F_PHONE], WN_SURV_SOURCE_PRIORITY);
    free(first);
    free(second);
    wn_rules_free(r);
    wn_rules_free(again);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_user_sections_replace_defaults),
        cmocka_unit_test(test_errors_name_line_and_column),
        cmocka_unit_test(test_file_errors),
        cmocka_unit_test(test_written_rules_load_back_identically),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
