/*
 * test_match.c -- the store's batch setters (the same as one at a time), and
 * the matching stage on small hand-built stores: blocking
 * (OR-ed passes, pairs once, hot blocks skipped and reported, link mode),
 * comparison levels (typos, swapped names, day/month swaps, crosswise
 * phones), EM recovering known m-probabilities, thresholds, clustering
 * guards, determinism, and survivorship.
 */
#include "testutil.h"

#include <math.h>

#include "block.h"
#include "cluster.h"
#include "compare.h"
#include "match.h"
#include "model.h"
#include "rules.h"
#include "store.h"
#include "survive.h"

static wn_rules *rules(const char *text)
{
    wn_rules *r;
    wn_error err;
    int rc = wn_rules_load_text(&r, "t.yaml", text, strlen(text), &err);
    if (rc) print_error("%s\n", err.msg);
    assert_int_equal(rc, WN_OK);
    return r;
}

typedef struct person {
    const char *id, *first, *last, *email, *phone, *mobile, *dob, *postcode, *modified, *tax;
} person;

static void fill(wn_store *s, const person *p, size_t n)
{
    wn_store_init(s);
    for (size_t i = 0; i < n; i++) {
        uint32_t r = wn_store_add(s, 0, i + 1, p[i].id, strlen(p[i].id));
        const char *v[] = {p[i].first, p[i].last,     p[i].email,    p[i].phone, p[i].mobile,
                           p[i].dob,   p[i].postcode, p[i].modified, p[i].tax};
        const int slot[] = {WN_F_FIRST_NAME,  WN_F_LAST_NAME, WN_F_EMAIL,
                            WN_F_PHONE,       WN_F_MOBILE,    WN_F_BIRTH_DATE,
                            WN_F_POSTAL_CODE, WN_F_MODIFIED,  WN_F_TAX_ID};
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
            if (v[k]) wn_store_set(s, r, slot[k], v[k], strlen(v[k]));
    }
}

static const person people[] = {
    {"1", "william", "turner", "bill@x.com", "14155550142", NULL, "1978-03-14", "94105",
     "2023-01-01", NULL},
    {"2", "william", "turner", NULL, NULL, "14155550142", "1978-03-14", "94105", "2021-01-01",
     NULL},
    {"3", "turner", "william", "bill@x.com", NULL, NULL, "1978-14-03", NULL, NULL, NULL},
    {"4", "sarah", "turner", NULL, "14155550142", NULL, "2011-08-19", "94105", NULL, NULL},
    {"5", "ann", "lee", "ann@y.org", NULL, NULL, "1990-01-02", "10001", NULL, "111"},
    {"6", "ann", "lee", "ann@y.org", NULL, NULL, "1990-02-01", "10001", NULL, "999"},
};
#define NPEOPLE (sizeof people / sizeof people[0])

/* wn_store_set_many / wn_store_set_ids give the very store that one value at
 * a time does: ids in order of first use, counts, a record's later value
 * replacing its earlier one, and big tables that grow in the middle. */
static void test_store_batch_setters(void **state)
{
    (void)state;
    enum { N = 5000 };
    static char text[N][24];
    static wn_cell values[N], ids[N];
    static uint32_t recs[N], scratch[N];
    wn_store one, many;
    wn_store_init(&one);
    wn_store_init(&many);
    wn_store_reserve(&one, N / 2);
    wn_store_reserve(&many, N / 2);
    for (size_t i = 0; i < N; i++) {
        /* values repeat (i % 1777), records come twice (i / 2) */
        int len = snprintf(text[i], sizeof text[i], "v%zu", (i * 7919) % 1777);
        values[i] = (wn_cell){text[i], (size_t)len};
        recs[i] = (uint32_t)(i / 2);
        wn_store_set(&one, recs[i], WN_F_CITY, text[i], (size_t)len);
    }
    wn_store_set_many(&many, WN_F_CITY, recs, values, NULL, N, scratch);
    for (size_t i = 0; i < N / 2; i++) {
        ids[i] = values[2 * i];
        wn_store_set_id(&one, (uint32_t)i, ids[i].ptr, ids[i].len);
    }
    wn_store_set_ids(&many, 0, ids, N / 2);
    const wn_intern *a = &one.slots[WN_F_CITY], *b = &many.slots[WN_F_CITY];
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->filled, b->filled);
    assert_int_equal(a->filled, N / 2);
    for (uint32_t v = 1; v < a->n; v++) {
        assert_string_equal(a->values[v].str, b->values[v].str);
        assert_int_equal(a->values[v].count, b->values[v].count);
    }
    assert_memory_equal(one.val, many.val, (size_t)(N / 2) * WN_SLOT_COUNT * sizeof *one.val);
    assert_memory_equal(one.id, many.id, (size_t)(N / 2) * sizeof *one.id);
    assert_int_equal(one.ids.n, many.ids.n);
    wn_store_free(&one);
    wn_store_free(&many);
}

static void test_blocking(void **state)
{
    (void)state;
    wn_store s;
    fill(&s, people, NPEOPLE);
    wn_rules *r = rules("blocking:\n  max_block: 3\n  passes:\n"
                        "    - {name: email, keys: [email]}\n"
                        "    - {name: phone, keys: [phone]}\n"
                        "    - {name: sx, keys: ['last_name:soundex', 'first_name:initial']}\n"
                        "    - {name: post, keys: [postal_code]}\n");
    wn_candidates c;
    wn_error err;
    assert_int_equal(wn_block_run(&s, r, NULL, 0, 1, &c, &err), WN_OK);
    /* email: (0,2) (4,5); phone: (0,3); sx: turner+w -> (0,1) and lee+a -> (4,5) again;
     * post: 94105 has three records (0,1,3) -> (0,1) (0,3) (1,3); 10001 -> (4,5). */
    const uint64_t want[] = {0ull << 32 | 1, 0ull << 32 | 2, 0ull << 32 | 3, 1ull << 32 | 3,
                             4ull << 32 | 5};
    assert_int_equal(c.n, 5);
    for (size_t i = 0; i < c.n; i++)
        assert_int_equal(c.pairs[i], want[i]);
    assert_int_equal(c.produced, 9);
    assert_int_equal(c.passes[2].pairs, 2);
    /* Passes on three threads: the same pairs and the same reports. */
    wn_candidates t;
    assert_int_equal(wn_block_run(&s, r, NULL, 0, 3, &t, &err), WN_OK);
    assert_int_equal(t.n, c.n);
    assert_memory_equal(t.pairs, c.pairs, c.n * sizeof *c.pairs);
    assert_int_equal(t.produced, c.produced);
    for (size_t i = 0; i < c.npasses; i++) {
        assert_string_equal(t.passes[i].name, c.passes[i].name);
        assert_int_equal(t.passes[i].pairs, c.passes[i].pairs);
    }
    wn_candidates_free(&t);
    /* max_pairs caps the budget. Passes are served the most selective first
     * (fewest pairs per keyed record): sx (0,1) (4,5), then email (0,2) and
     * the repeat (4,5); the budget is spent, so phone and post are capped. */
    assert_int_equal(wn_block_run(&s, r, NULL, 3, 2, &t, &err), WN_OK);
    assert_int_equal(t.budget, 3);
    assert_int_equal(t.n, 3);
    assert_int_equal(t.passes[2].new_pairs, 2);
    assert_int_equal(t.passes[0].pairs, 2);
    assert_int_equal(t.passes[0].new_pairs, 1);
    assert_int_equal(t.passes[1].pairs, 0);
    assert_int_equal(t.passes[3].capped_blocks, 2);
    assert_int_equal(t.passes[3].capped_records, 5);
    wn_candidates_free(&t);
    wn_candidates_free(&c);

    /* A block above max_block is paired through a window of max_block records
     * (each record with the next one, in the order of who they are: two of
     * 94105's three pairs) and reported by its key. */
    wn_rules_free(r);
    r = rules("blocking:\n  max_block: 2\n  passes:\n    - {name: post, keys: [postal_code]}\n");
    assert_int_equal(wn_block_run(&s, r, NULL, 0, 1, &c, &err), WN_OK);
    assert_int_equal(c.n, 3);
    assert_int_equal(c.passes[0].window, 2);
    assert_int_equal(c.passes[0].natural_pairs, 4);
    assert_int_equal(c.passes[0].capped_blocks, 1);
    assert_int_equal(c.passes[0].capped_records, 3);
    assert_string_equal(c.passes[0].top_key[0], "94105");
    wn_candidates_free(&c);

    /* Link mode keeps only pairs across sides. */
    const uint8_t side[NPEOPLE] = {0, 1, 1, 1, 0, 0};
    wn_rules_free(r);
    r = rules("blocking:\n  passes:\n    - {name: post, keys: [postal_code]}\n");
    assert_int_equal(wn_block_run(&s, r, side, 0, 1, &c, &err), WN_OK);
    assert_int_equal(c.n, 2); /* (0,1) (0,3); not (1,3) nor (4,5) */
    wn_candidates_free(&c);
    /* Within a pass, blocks are served smallest first: with room for one
     * pair, 10001's two records, not 94105's three. */
    assert_int_equal(wn_block_run(&s, r, NULL, 1, 1, &c, &err), WN_OK);
    assert_int_equal(c.n, 1);
    assert_int_equal(c.pairs[0], 4ull << 32 | 5);
    assert_int_equal(c.passes[0].whole, 2);
    assert_int_equal(c.passes[0].capped_blocks, 1);
    assert_string_equal(c.passes[0].top_key[0], "94105");
    wn_candidates_free(&c);
    wn_rules_free(r);
    wn_store_free(&s);
}

/* Word keys: each rare word of a value is a key; a word more records hold
 * than sqrt(2n) makes none (here, of 6 records, "cafe" in 4). */
static void test_blocking_words(void **state)
{
    (void)state;
    static const char *const names[] = {"blue river bakery", "river bakery", "blue sky cafe",
                                        "sky cafe",          "the cafe",     "cafe royal"};
    wn_store s;
    wn_store_init(&s);
    for (uint32_t i = 0; i < 6; i++) {
        char id[4] = {(char)('1' + i), 0};
        uint32_t r = wn_store_add(&s, 0, i + 1, id, 1);
        wn_store_set(&s, r, WN_F_COMPANY, names[i], strlen(names[i]));
    }
    wn_rules *r = rules("blocking:\n  passes:\n    - {name: words, keys: ['company:tokens']}\n");
    wn_candidates c;
    wn_error err;
    assert_int_equal(wn_block_run(&s, r, NULL, 0, 1, &c, &err), WN_OK);
    /* blue {0,2}, river {0,1}, bakery {0,1}, sky {2,3} */
    const uint64_t want[] = {0ull << 32 | 1, 0ull << 32 | 2, 2ull << 32 | 3};
    assert_int_equal(c.n, 3);
    for (size_t i = 0; i < c.n; i++)
        assert_int_equal(c.pairs[i], want[i]);
    assert_int_equal(c.passes[0].common_words, 1);
    assert_int_equal(c.passes[0].pairs, 4); /* (0,1) twice */
    assert_int_equal(c.passes[0].new_pairs, 3);
    assert_true(c.pass_mask[0] & 1);
    char key[96];
    assert_true(wn_block_key_text(&s, &r->passes[0], 0, key, sizeof key));
    assert_string_equal(key, "blue river bakery");
    assert_true(wn_block_pairs(&s, &r->passes[0], 2, 3));
    assert_false(wn_block_pairs(&s, &r->passes[0], 1, 2));
    wn_candidates_free(&c);
    wn_rules_free(r);
    wn_store_free(&s);
}

/* Identical records are paired whatever the budget and the blocks: a
 * chain, each with the next, flagged in the pass masks. */
static void test_blocking_identical(void **state)
{
    (void)state;
    wn_store s;
    wn_store_init(&s);
    for (uint32_t i = 0; i < 5; i++) {
        char id[4] = {(char)('1' + i), 0};
        uint32_t r = wn_store_add(&s, 0, i + 1, id, 1);
        const char *last = i < 3 ? "berg" : i == 3 ? "berg" : "lund";
        wn_store_set(&s, r, WN_F_FIRST_NAME, "anna", 4);
        wn_store_set(&s, r, WN_F_LAST_NAME, last, strlen(last));
        if (i != 3) wn_store_set(&s, r, WN_F_EMAIL, "a@b.se", 6);
    }
    wn_rules *r = rules("blocking:\n  passes:\n    - {name: given, keys: [first_name]}\n");
    wn_candidates c;
    wn_error err;
    /* A budget of one pair: the two pairs of the three identical records
     * (0, 1, 2) come first and spend it; record 3 (no email) and 4 (another
     * family name) are not identical to them. */
    assert_int_equal(wn_block_run(&s, r, NULL, 1, 1, &c, &err), WN_OK);
    assert_int_equal(c.identical, 2);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.pairs[0], 0ull << 32 | 1);
    assert_int_equal(c.pairs[1], 1ull << 32 | 2);
    assert_true(c.pass_mask[0] & WN_BLOCK_IDENTICAL);
    assert_int_equal(c.passes[0].capped_blocks, 1);
    wn_candidates_free(&c);
    /* In link mode only across sides: 0 and 2 on the left, 1 on the right. */
    const uint8_t side[5] = {0, 1, 0, 0, 1};
    assert_int_equal(wn_block_run(&s, r, side, 1, 1, &c, &err), WN_OK);
    assert_int_equal(c.identical, 2);
    assert_int_equal(c.pairs[0], 0ull << 32 | 1);
    assert_int_equal(c.pairs[1], 1ull << 32 | 2);
    wn_candidates_free(&c);
    wn_rules_free(r);
    wn_store_free(&s);
}

/* Street lines compare as addresses: another house number is another
 * building; unverified values compare at best as close; a local phone
 * number matches the end of the full one. */
static void test_addresses_and_unverified(void **state)
{
    (void)state;
    static const char *const streets[] = {"2820 n leavitt", "2905 n leavitt", "2820 n leavitt st",
                                          "2802 n leavitt", "n leavitt"};
    wn_store s;
    wn_store_init(&s);
    for (uint32_t i = 0; i < 5; i++) {
        char id[4] = {(char)('1' + i), 0};
        uint32_t r = wn_store_add(&s, 0, i + 1, id, 1);
        wn_store_set(&s, r, WN_F_STREET, streets[i], strlen(streets[i]));
    }
    /* 5211600 kept unverified (no area code, no region) on record 0 and 1;
     * record 2 has the full number. */
    const uint32_t recs[] = {0, 1, 2};
    const wn_cell phones[] = {{"5211600", 7}, {"5211600", 7}, {"+13125211600", 12}};
    const uint8_t unverified[] = {1, 1, 0};
    uint32_t scratch[3];
    wn_store_set_many(&s, WN_F_PHONE, recs, phones, unverified, 3, scratch);
    wn_rules *r = rules("comparisons:\n"
                        "  - {field: street, method: address, close: 0.9, loose: 0.7}\n"
                        "  - {field: phone, method: phone}\n");
    uint64_t v = wn_compare_pair(&s, r, 0, 2);
    assert_int_equal(wn_vec_level(v, 0), WN_LVL_CLOSE); /* "st" added */
    assert_int_equal(wn_vec_level(v, 1), WN_LVL_CLOSE); /* the local number ends the full one */
    v = wn_compare_pair(&s, r, 0, 1);
    assert_int_equal(wn_vec_level(v, 0), WN_LVL_DIFFERENT); /* 2820 vs 2905 */
    assert_int_equal(wn_vec_level(v, 1), WN_LVL_CLOSE);     /* equal, but unverified */
    v = wn_compare_pair(&s, r, 0, 3);
    assert_int_equal(wn_vec_level(v, 0), WN_LVL_LOOSE); /* 2820 vs 2802: a typo at most */
    v = wn_compare_pair(&s, r, 0, 4);
    assert_int_equal(wn_vec_level(v, 0), WN_LVL_CLOSE); /* no number on one side: words */
    assert_int_equal(s.slots[WN_F_PHONE].values[wn_store_vid(&s, 0, WN_F_PHONE)].unverified, 1);
    wn_rules_free(r);
    wn_store_free(&s);
}

static void test_comparison_levels(void **state)
{
    (void)state;
    wn_store s;
    fill(&s, people, NPEOPLE);
    wn_rules *r = rules("comparisons:\n"
                        "  - {field: first_name, method: name, close: 0.92, loose: 0.8}\n"
                        "  - {field: last_name, method: jaro_winkler, close: 0.94, loose: 0.84}\n"
                        "  - {field: phone, method: edit, close: 1, loose: 2}\n"
                        "  - {field: birth_date, method: date}\n"
                        "  - {field: email, method: exact}\n");
    uint64_t v = wn_compare_pair(&s, r, 0, 1);
    assert_int_equal(wn_vec_level(v, 0), WN_LVL_EXACT);
    assert_int_equal(wn_vec_level(v, 2), WN_LVL_EXACT); /* phone of 0 = mobile of 1 */
    assert_int_equal(wn_vec_level(v, 4), WN_LVL_MISSING);
    v = wn_compare_pair(&s, r, 0, 2); /* names swapped, day and month swapped */
    assert_int_equal(wn_vec_level(v, 0), WN_LVL_CLOSE);
    assert_int_equal(wn_vec_level(v, 1), WN_LVL_CLOSE);
    assert_int_equal(wn_vec_level(v, 3), WN_LVL_CLOSE);
    v = wn_compare_pair(&s, r, 0, 3); /* household member */
    assert_int_equal(wn_vec_level(v, 0), WN_LVL_DIFFERENT);
    assert_int_equal(wn_vec_level(v, 1), WN_LVL_EXACT);
    assert_int_equal(wn_vec_level(v, 3), WN_LVL_DIFFERENT);
    v = wn_compare_pair(&s, r, 4, 5);
    assert_int_equal(wn_vec_level(v, 3), WN_LVL_CLOSE); /* 1990-01-02 vs 1990-02-01 */
    wn_rules_free(r);
    wn_store_free(&s);
}

/* EM on vectors drawn from a known model must find m close to the truth. */
static void test_em_recovers_m(void **state)
{
    (void)state;
    wn_rules *r = rules("comparisons:\n"
                        "  - {field: first_name, method: exact}\n"
                        "  - {field: last_name, method: exact}\n"
                        "  - {field: city, method: exact}\n");
    wn_model md;
    memset(&md, 0, sizeof md);
    md.ncmp = 3;
    const double m_exact = 0.9, u_exact = 0.05, prior = 0.3;
    for (size_t k = 0; k < 3; k++) {
        md.u[k][WN_LVL_EXACT] = u_exact;
        md.u[k][WN_LVL_DIFFERENT] = 1 - u_exact;
        md.u[k][WN_LVL_CLOSE] = md.u[k][WN_LVL_LOOSE] = 1e-6;
    }
    /* The expected histogram of the 8 vectors over 100000 pairs. */
    uint64_t vecs[8], counts[8];
    for (int v = 0; v < 8; v++) {
        double pm = prior, pu = 1 - prior;
        vecs[v] = 0;
        for (int k = 0; k < 3; k++) {
            bool agree = v >> k & 1;
            pm *= agree ? m_exact : 1 - m_exact;
            pu *= agree ? u_exact : 1 - u_exact;
            vecs[v] |= (uint64_t)(agree ? WN_LVL_EXACT : WN_LVL_DIFFERENT) << (3 * k);
        }
        counts[v] = (uint64_t)llround(100000 * (pm + pu));
    }
    wn_model_train_em(&md, vecs, counts, 8, false);
    assert_true(md.converged);
    for (size_t k = 0; k < 3; k++)
        assert_true(fabs(md.m[k][WN_LVL_EXACT] - m_exact) < 0.02);
    assert_true(fabs(md.prior - prior) < 0.02);
    wn_rules_free(r);
}

static void test_thresholds(void **state)
{
    (void)state;
    wn_rules *r = rules("thresholds: {match: 0.9, review: 0.5}\n");
    wn_model md;
    memset(&md, 0, sizeof md);
    double w[] = {-10, -9, 12, 14};
    wn_model_thresholds(&md, r, w, 4);
    assert_false(md.thresholds_auto);
    assert_true(fabs(md.match_threshold - 0.9) < 1e-9);
    assert_true(fabs(md.review_threshold - 0.5) < 1e-9);
    wn_rules_free(r);
    wn_rules_load_default(&r, NULL);
    /* Auto: the cut lands in the empty stretch between the modes. */
    double w2[200];
    for (int i = 0; i < 100; i++)
        w2[i] = -8.0 + (i % 5) * 0.3, w2[100 + i] = 9.0 + (i % 7) * 0.4;
    wn_model_thresholds(&md, r, w2, 200);
    assert_true(md.thresholds_auto);
    assert_true(md.match_threshold >= 0.5 && md.match_threshold <= 0.99);
    assert_true(md.review_threshold <= md.match_threshold);
    wn_rules_free(r);
}

static void test_cluster_guards(void **state)
{
    (void)state;
    wn_store s;
    fill(&s, people, NPEOPLE);
    wn_rules *r =
        rules("comparisons:\n  - {field: first_name, method: exact}\n"
              "  - {field: phone, method: phone}\n"
              "  - {field: tax_id, method: exact}\n"
              "clustering: {hard_ids: [tax_id], max_cluster: 2, distinct_given_names: true}\n");
    /* vectors computed for real; weights given */
    wn_scored_pair pairs[] = {
        {0, 1, 20, wn_compare_pair(&s, r, 0, 1), 0, false},
        {1, 2, 19, wn_compare_pair(&s, r, 1, 2), 0, false},
        {0, 3, 18, wn_compare_pair(&s, r, 0, 3), 0, false},
        {4, 5, 30, wn_compare_pair(&s, r, 4, 5), 0, false},
        {2, 3, 1, wn_compare_pair(&s, r, 2, 3), 0, false},
    };
    wn_clusters c;
    wn_cluster_build(&s, r, &(wn_cluster_guards){r->hard_ids, r->nhard_ids}, pairs, 5, 10, 0, &c);
    /* sorted: (4,5) 30 refused: tax ids 111 vs 999; (0,1) 20 matched; (1,2) 19:
     * william / turner differ, but 2 has no phone: no shared home, no guard, and
     * {0,1} is full (max_cluster 2); (0,3) 18: one phone, william / sarah: a
     * household; (2,3) 1: review */
    assert_int_equal(pairs[0].a, 4);
    assert_int_equal(pairs[0].outcome, WN_PAIR_REFUSED_ID);
    assert_int_equal(pairs[1].outcome, WN_PAIR_MATCHED);
    assert_int_equal(pairs[2].outcome, WN_PAIR_REFUSED_SIZE);
    assert_int_equal(pairs[3].outcome, WN_PAIR_REFUSED_NAME);
    assert_int_equal(pairs[4].outcome, WN_PAIR_REVIEW);
    assert_int_equal(c.root[1], 0);
    assert_int_equal(c.size[0], 2);
    assert_int_equal(c.nclusters, 5);
    assert_int_equal(c.nmulti, 1);
    char ids[NPEOPLE][17];
    wn_cluster_ids(&s, &c, ids);
    assert_string_equal(ids[0], ids[1]);
    assert_string_not_equal(ids[0], ids[2]);
    assert_int_equal(strlen(ids[0]), 16);

    /* Survivorship: most recent email/phone, most complete otherwise. */
    wn_golden g;
    wn_golden_build(&s, r, &c, NULL, 1, &g);
    assert_int_equal(g.survivor[0] + g.survivor[1], 1);
    uint32_t surv = g.survivor[0] ? 0 : 1;
    assert_int_equal(wn_golden_winner(&g, surv, WN_F_EMAIL), 0);
    assert_int_equal(wn_golden_winner(&g, surv, WN_F_MOBILE), 1);
    assert_int_equal(wn_golden_winner(&g, surv, WN_F_TAX_ID), UINT32_MAX);
    wn_golden_free(&g);
    wn_clusters_free(&c);

    /* Without the name guard, the size cap refuses (0,3) too: {0,1} is full. */
    r->distinct_given_names = false;
    wn_cluster_build(&s, r, &(wn_cluster_guards){r->hard_ids, r->nhard_ids}, pairs, 5, 10, 0, &c);
    assert_int_equal(pairs[2].outcome, WN_PAIR_REFUSED_SIZE);
    assert_int_equal(pairs[3].outcome, WN_PAIR_REFUSED_SIZE);
    wn_clusters_free(&c);
    wn_rules_free(r);
    wn_store_free(&s);
}

static int by_weight_then_records(const void *x, const void *y)
{
    const wn_scored_pair *p = x, *q = y;
    if (p->weight != q->weight) return p->weight > q->weight ? -1 : 1;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

/* Clustering takes pairs by weight, highest first, then by records: the
 * radix sort it uses must give the order a comparison sort gives, with ties,
 * negative weights, both zeros, and huge and tiny magnitudes. */
static void test_cluster_pair_order(void **state)
{
    (void)state;
    enum { N = 5000, RECORDS = 100 };
    wn_store s;
    wn_store_init(&s);
    for (int i = 0; i < RECORDS; i++)
        wn_store_add(&s, 0, (uint64_t)i + 1, "x", 1);
    wn_rules *r = rules("comparisons:\n  - {field: first_name, method: exact}\n");
    static wn_scored_pair pairs[N], want[N];
    static const double weights[] = {0.0, -0.0, 1.5, -1.5, 1e300, -1e300, 1e-300, -1e-300, 7, -7};
    uint32_t seed = 42;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        pairs[i].a = (uint32_t)i % RECORDS; /* (a, b) unique */
        pairs[i].b = (uint32_t)(i / RECORDS);
        pairs[i].weight =
            i % 3 ? weights[(seed >> 8) % 10] : (double)((int)(seed >> 8) % 2001 - 1000) / 8;
    }
    memcpy(want, pairs, sizeof pairs);
    qsort(want, N, sizeof *want, by_weight_then_records);
    wn_clusters c;
    /* Every pair at or above review: all sorted, none linked (match weight above all). */
    wn_cluster_build(&s, r, &(wn_cluster_guards){NULL, 0}, pairs, N, INFINITY, -INFINITY, &c);
    for (size_t i = 0; i < N; i++) {
        assert_int_equal(pairs[i].a, want[i].a);
        assert_int_equal(pairs[i].b, want[i].b);
        assert_true(pairs[i].weight == want[i].weight);
        assert_int_equal(pairs[i].outcome, WN_PAIR_REVIEW);
    }
    wn_clusters_free(&c);
    wn_rules_free(r);
    wn_store_free(&s);
}

static void test_match_deterministic_across_threads(void **state)
{
    (void)state;
    wn_store s;
    wn_store_init(&s);
    char id[16], name[16], zip[8], mail[24];
    for (int i = 0; i < 3000; i++) { /* pairs of near duplicates among fillers */
        snprintf(id, sizeof id, "r%d", i);
        snprintf(name, sizeof name, "n%03d%c", (i / 2) % 997, i % 2 ? 'x' : 'y');
        snprintf(zip, sizeof zip, "%05d", (i / 2) % 50);
        snprintf(mail, sizeof mail, "m%d@x.org", i % 3 ? i / 2 : i); /* most pairs share one */
        uint32_t r = wn_store_add(&s, 0, (uint64_t)i + 1, id, strlen(id));
        wn_store_set(&s, r, WN_F_LAST_NAME, name, strlen(name));
        wn_store_set(&s, r, WN_F_POSTAL_CODE, zip, strlen(zip));
        wn_store_set(&s, r, WN_F_EMAIL, mail, strlen(mail));
    }
    wn_rules *r =
        rules("blocking:\n  passes:\n    - {name: zip, keys: [postal_code]}\n"
              "comparisons:\n  - {field: last_name, method: jaro_winkler, close: 0.9, loose: 0.8}\n"
              "  - {field: email, method: exact}\n");
    wn_match m1, m2;
    wn_error err;
    wn_match_opts o1 = {.threads = 1}, o2 = {.threads = 2};
    assert_int_equal(wn_match_run(&s, r, &o1, &m1, &err), WN_OK);
    assert_int_equal(wn_match_run(&s, r, &o2, &m2, &err), WN_OK);
    assert_int_equal(m1.npairs, m2.npairs);
    for (size_t i = 0; i < m1.npairs; i++) {
        assert_int_equal(m1.pairs[i].a, m2.pairs[i].a);
        assert_true(m1.pairs[i].weight == m2.pairs[i].weight);
    }
    assert_memory_equal(m1.clusters.root, m2.clusters.root, s.nrec * sizeof(uint32_t));
    /* Golden records: clusters shared out among threads decide the same. */
    wn_match m5;
    wn_match_opts o5 = {.threads = 5};
    assert_int_equal(wn_match_run(&s, r, &o5, &m5, &err), WN_OK);
    uint32_t multi = m1.clusters.nmulti;
    assert_true(multi > 100);
    for (const wn_match *m = &m2; m; m = m == &m2 ? &m5 : NULL) {
        assert_int_equal(m->clusters.nmulti, multi);
        assert_memory_equal(m1.golden.survivor, m->golden.survivor, s.nrec * sizeof(uint32_t));
        assert_memory_equal(m1.golden.winner, m->golden.winner,
                            (size_t)multi * WN_F_COUNT * sizeof(uint32_t));
        assert_memory_equal(m1.golden.rule, m->golden.rule, (size_t)multi * WN_F_COUNT);
    }
    wn_match_free(&m1);
    wn_match_free(&m2);
    wn_match_free(&m5);
    wn_rules_free(r);
    wn_store_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store_batch_setters),
        cmocka_unit_test(test_blocking),
        cmocka_unit_test(test_blocking_words),
        cmocka_unit_test(test_blocking_identical),
        cmocka_unit_test(test_comparison_levels),
        cmocka_unit_test(test_addresses_and_unverified),
        cmocka_unit_test(test_em_recovers_m),
        cmocka_unit_test(test_thresholds),
        cmocka_unit_test(test_cluster_guards),
        cmocka_unit_test(test_cluster_pair_order),
        cmocka_unit_test(test_match_deterministic_across_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
