/*
 * test_name.c -- person-name parsing, keys and nicknames.
 */
#include "testutil.h"

#include "name.h"
#include "table.h"

typedef struct {
    const char *in, *salutation, *first, *middle, *last, *suffix;
    bool couple;
} parse_case;

static void assert_part(const char *in, const char *what, wn_cell got, const char *want)
{
    if (got.len != strlen(want) || (got.len && memcmp(got.ptr, want, got.len) != 0))
        fail_msg("parse(\"%s\").%s = \"%.*s\", want \"%s\"", in, what, (int)got.len,
                 got.ptr ? got.ptr : "", want);
}

static void test_parse(void **state)
{
    (void)state;
    static const parse_case cases[] = {
        {"John Smith", "", "John", "", "Smith", "", false},
        {"Smith, John A.", "", "John", "A.", "Smith", "", false},
        {"Dr. John A. Smith Jr.", "Dr.", "John", "A.", "Smith", "Jr.", false},
        {"Mr & Mrs John Smith", "Mr & Mrs", "John", "", "Smith", "", true},
        {"John and Jane Smith", "", "John", "", "Smith", "", true},
        {"Jan van der Berg", "", "Jan", "", "van der Berg", "", false},
        {"Maria de la Cruz", "", "Maria", "", "de la Cruz", "", false},
        {"Ludwig van Beethoven", "", "Ludwig", "", "van Beethoven", "", false},
        {"Van Morrison", "", "Van", "", "Morrison", "", false},
        {"Patrick O'Brien", "", "Patrick", "", "O'Brien", "", false},
        {"John O Smith", "", "John", "O", "Smith", "", false}, /* O is an initial here */
        {"Ronald McDonald", "", "Ronald", "", "McDonald", "", false},
        {"Mary Ann Smith-Jones", "", "Mary", "Ann", "Smith-Jones", "", false},
        {"Smith Jr., John", "", "John", "", "Smith", "Jr.", false},
        {"Smith, Mr. John", "Mr.", "John", "", "Smith", "", false},
        {"Smith, John A., Jr.", "", "John", "A.", "Smith", "Jr.", false},
        {"van der Berg, Jan", "", "Jan", "", "van der Berg", "", false},
        {"Frau Dr. Anna Müller", "Frau Dr.", "Anna", "", "Müller", "", false},
        {"Prof. Dr. Hans-Peter von Weizsäcker III, PhD", "Prof. Dr.", "Hans-Peter", "",
         "von Weizsäcker", "III, PhD", false},
        {"Sra. María José García", "Sra.", "María", "José", "García", "", false},
        {"Shri Rahul Sharma", "Shri", "Rahul", "", "Sharma", "", false},
        {"Madonna", "", "Madonna", "", "", "", false},
        {"Mr", "", "Mr", "", "", "", false}, /* never left with nothing */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const parse_case *c = &cases[i];
        wn_name_parts p;
        assert_int_equal(wn_name_parse(c->in, strlen(c->in), &p), WN_NORM_OK);
        assert_part(c->in, "salutation", p.salutation, c->salutation);
        assert_part(c->in, "first", p.first, c->first);
        assert_part(c->in, "middle", p.middle, c->middle);
        assert_part(c->in, "last", p.last, c->last);
        assert_part(c->in, "suffix", p.suffix, c->suffix);
        assert_int_equal(p.couple, c->couple);
    }
    wn_name_parts p;
    assert_int_equal(wn_name_parse("  , ", 4, &p), WN_NORM_EMPTY);
}

typedef struct {
    const char *in, *out;
    wn_norm_status st;
} key_case;

static void check_keys(wn_norm_status (*f)(const char *, size_t, wn_buf *), const key_case *c,
                       size_t n)
{
    wn_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        wn_norm_status st = f(c[i].in, strlen(c[i].in), &b);
        if (strcmp(b.data, c[i].out) != 0)
            fail_msg("key(\"%s\") = \"%s\", want \"%s\"", c[i].in, b.data, c[i].out);
        assert_int_equal(st, c[i].st);
    }
    wn_buf_free(&b);
}

static void test_given(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {"John", "john", WN_NORM_OK},
        {"  JOHN ", "john", WN_NORM_OK},
        {"Dr. John", "john", WN_NORM_OK},
        {"Mme Hélène", "helene", WN_NORM_OK},
        {"Jean-Pierre", "jean pierre", WN_NORM_OK},
        {"John A.", "john a", WN_NORM_OK},
        {"Smt. Priya", "priya", WN_NORM_OK},
        {"Mr", "mr", WN_NORM_INVALID},
        {"", "", WN_NORM_EMPTY},
    };
    check_keys(wn_name_normalize_given, cases, sizeof cases / sizeof cases[0]);
}

static void test_family(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {"van der Berg", "vanderberg", WN_NORM_OK},
        {"Van Der Berg", "vanderberg", WN_NORM_OK},
        {"VanDerBerg", "vanderberg", WN_NORM_OK},
        {"de la Cruz", "delacruz", WN_NORM_OK},
        {"O'Brien", "obrien", WN_NORM_OK},
        {"O\u2019Brien", "obrien", WN_NORM_OK},
        {"O Brien", "obrien", WN_NORM_OK},
        {"McDonald", "mcdonald", WN_NORM_OK},
        {"Mc Donald", "mcdonald", WN_NORM_OK},
        {"St. John", "stjohn", WN_NORM_OK},
        {"Smith Jr.", "smith", WN_NORM_OK},
        {"Smith III", "smith", WN_NORM_OK},
        {"Smith, PhD", "smith", WN_NORM_OK},
        {"Smith-Jones", "smith jones", WN_NORM_OK},
        {"García Márquez", "garcia marquez", WN_NORM_OK},
        {"Müller", "muller", WN_NORM_OK},
        {"Jr", "jr", WN_NORM_INVALID},
    };
    check_keys(wn_name_normalize_family, cases, sizeof cases / sizeof cases[0]);
}

static void test_full(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {"John Smith", "john smith", WN_NORM_OK},
        {"Smith, John A.", "john smith", WN_NORM_OK},
        {"Dr. John A. Smith Jr.", "john smith", WN_NORM_OK},
        {"SMITH, JOHN", "john smith", WN_NORM_OK},
        {"Mr & Mrs John Smith", "john smith", WN_NORM_OK},
        {"Jan van der Berg", "jan vanderberg", WN_NORM_OK},
        {"van der Berg, Jan", "jan vanderberg", WN_NORM_OK},
        {"Mary Ann Smith-Jones", "mary smith jones", WN_NORM_OK},
        {"Prof. Dr. Hans-Peter von Weizsäcker", "hans peter vonweizsacker", WN_NORM_OK},
        {"Madonna", "madonna", WN_NORM_OK},
        {" ; ", "", WN_NORM_EMPTY},
    };
    check_keys(wn_name_normalize_full, cases, sizeof cases / sizeof cases[0]);
}

static void test_nicknames(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {"Bill", "william", WN_NORM_OK},
        {"Billy", "william", WN_NORM_OK},
        {"Will", "william", WN_NORM_OK},
        {"Liam", "william", WN_NORM_OK},
        {"William", "william", WN_NORM_OK},
        {"Bob", "robert", WN_NORM_OK},
        {"Robbie", "robert", WN_NORM_OK},
        {"Peggy", "margaret", WN_NORM_OK},
        {"Maggie", "margaret", WN_NORM_OK},
        {"Meg", "margaret", WN_NORM_OK},
        {"Dick", "richard", WN_NORM_OK},
        {"Rick", "richard", WN_NORM_OK},
        {"Liz", "elizabeth", WN_NORM_OK},
        {"Betty", "elizabeth", WN_NORM_OK},
        {"Eliza", "elizabeth", WN_NORM_OK},
        {"Jimmy", "james", WN_NORM_OK},
        {"Kate", "katherine", WN_NORM_OK},
        {"Cathy", "katherine", WN_NORM_OK},
        {"Catherine", "katherine", WN_NORM_OK},
        {"Tony", "anthony", WN_NORM_OK},
        {"Alex", "alexander", WN_NORM_OK},
        {"Sasha", "alexander", WN_NORM_OK},
        {"Pepe", "jose", WN_NORM_OK},
        {"Paco", "francisco", WN_NORM_OK},
        {"Hans", "johannes", WN_NORM_OK},
        {"Sepp", "josef", WN_NORM_OK},
        {"PEGGY", "margaret", WN_NORM_OK},
        {"Mary Kate", "mary katherine", WN_NORM_OK},
        {"Zebedee", "zebedee", WN_NORM_OK},
        {"José", "jose", WN_NORM_OK},
        {"liz", "elizabeth", WN_NORM_OK}, /* already folded: read as it is */
        {"mary kate", "mary katherine", WN_NORM_OK},
        {"mary  kate", "mary katherine", WN_NORM_OK},
        {" liz ", "elizabeth", WN_NORM_OK},
        {"", "", WN_NORM_EMPTY},
    };
    check_keys(wn_name_canonical_given, cases, sizeof cases / sizeof cases[0]);
}

/* Text that is already folded gives what it gives with a full stop after it,
 * which folding drops but which turns the shortcut for folded text away. */
static void test_nicknames_of_folded_text(void **state)
{
    (void)state;
    static const char alphabet[] = "lizkatemrybo9  ";
    char v[32], dotted[34];
    wn_buf a = {0}, b = {0};
    unsigned seed = 11;
    for (int k = 0; k < 20000; k++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 8) % 20;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            v[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        v[len] = '\0';
        snprintf(dotted, sizeof dotted, "%s.", v);
        wn_norm_status sa = wn_name_canonical_given(v, len, &a);
        wn_norm_status sb = wn_name_canonical_given(dotted, len + 1, &b);
        assert_int_equal(sa, sb);
        assert_string_equal(wn_buf_cstr(&a), wn_buf_cstr(&b));
    }
    wn_buf_free(&a);
    wn_buf_free(&b);
}

/* The table's promise: one row per nickname, one lookup reaches the canonical
 * name (no canonical name is itself a nickname), all folded. */
static void test_nickname_table(void **state)
{
    (void)state;
    wn_table t;
    wn_error err;
    assert_int_equal(wn_table_load_embedded(&t, "data/nicknames.csv", &err), WN_OK);
    assert_true(t.nrows >= 400);
    wn_buf b = {0};
    for (size_t i = 0; i < t.nrows; i++) {
        assert_int_equal(t.rows[i].nfields, 2);
        for (size_t j = 0; j < t.nrows; j++) {
            if (j != i && strcmp(t.rows[i].fields[0], t.rows[j].fields[0]) == 0)
                fail_msg("nickname %s listed twice", t.rows[i].fields[0]);
            if (strcmp(t.rows[i].fields[1], t.rows[j].fields[0]) == 0)
                fail_msg("canonical %s is itself a nickname", t.rows[i].fields[1]);
        }
        wn_name_canonical_given(t.rows[i].fields[1], strlen(t.rows[i].fields[1]), &b);
        assert_string_equal(b.data, t.rows[i].fields[1]);
    }
    wn_buf_free(&b);
    wn_table_free(&t);
}

/* Generational suffixes at the end of a name, in their spellings; and the
 * given names the nickname table knows. */
static void test_generations_and_given(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int generation;
    } cases[] = {
        {"Wilson Jr.", 1}, {"Wilson, Jr", 1}, {"JUNIOR", 1},    {"Wilson Snr", 2},
        {"Sr.", 2},        {"Henry VIII", 0}, {"Ford III", 4},  {"Smith 2nd", 3},
        {"Wilson", 0},     {"", 0},           {"Jr Wilson", 0}, {"King IV ", 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int g = wn_name_generation(cases[i].s, strlen(cases[i].s));
        if (g != cases[i].generation)
            fail_msg("'%s': generation %d, want %d", cases[i].s, g, cases[i].generation);
    }
    assert_string_equal(wn_name_generation_name(1), "jr");
    assert_string_equal(wn_name_generation_name(4), "iii");
    assert_string_equal(wn_name_generation_name(0), "");
    assert_true(wn_name_is_given("William", 7));
    assert_true(wn_name_is_given("bill", 4));
    assert_true(wn_name_is_given("José", 5)); /* accents folded */
    assert_false(wn_name_is_given("campanile", 9));
    assert_false(wn_name_is_given("", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_given),
        cmocka_unit_test(test_family),
        cmocka_unit_test(test_full),
        cmocka_unit_test(test_nicknames),
        cmocka_unit_test(test_nickname_table),
        cmocka_unit_test(test_nicknames_of_folded_text),
        cmocka_unit_test(test_generations_and_given),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
