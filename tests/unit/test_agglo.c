/*
 * test_agglo.c -- average-linkage agglomeration: merges on the mean weight
 * between clusters, must-links first, cannot-links by majority, the
 * caller's refusals, and the order of ties.
 */
#include "testutil.h"

#include "agglo.h"

static void test_mean_not_best_link(void **state)
{
    (void)state;
    /* {0,1} and {2,3} are tight; 1-2 is strong, but 0-2, 0-3 and 1-3 say
     * no: single linkage would join all four, average linkage does not. */
    const wn_agglo_edge e[] = {
        {0, 1, 20, false, false}, {2, 3, 18, false, false},  {1, 2, 15, false, false},
        {0, 2, -9, false, false}, {0, 3, -12, false, false}, {1, 3, -8, false, false},
    };
    uint32_t cl[4];
    wn_agglo_run(4, e, 6, 0, NULL, cl);
    assert_int_equal(cl[0], 0);
    assert_int_equal(cl[1], 0);
    assert_int_equal(cl[2], 2);
    assert_int_equal(cl[3], 2);
    /* With the cross pairs mildly negative, the mean (15 - 3 - 3 - 3) / 4
     * clears 0 and they merge; the cluster is named by its lowest node. */
    const wn_agglo_edge f[] = {
        {0, 1, 20, false, false}, {2, 3, 18, false, false}, {1, 2, 15, false, false},
        {0, 2, -3, false, false}, {0, 3, -3, false, false}, {1, 3, -3, false, false},
    };
    wn_agglo_run(4, f, 6, 0, NULL, cl);
    for (int i = 0; i < 4; i++)
        assert_int_equal(cl[i], 0);
}

static void test_threshold_and_unscored_pairs(void **state)
{
    (void)state;
    /* A chain 0-1-2 with no scored 0-2 pair: pairs never scored do not
     * count, so the chain closes; a link under the threshold never merges. */
    const wn_agglo_edge e[] = {
        {0, 1, 5, false, false}, {1, 2, 4, false, false}, {3, 4, 1.5, false, false}};
    uint32_t cl[5];
    wn_agglo_run(5, e, 3, 2, NULL, cl);
    assert_int_equal(cl[2], 0);
    assert_int_equal(cl[3], 3);
    assert_int_equal(cl[4], 4);
}

static void test_must_and_cannot_links(void **state)
{
    (void)state;
    /* Identical records (must) merge whatever their weight. */
    const wn_agglo_edge must[] = {{0, 1, -40, false, true}, {1, 2, -40, false, true}};
    uint32_t cl[4];
    wn_agglo_run(3, must, 2, 0, NULL, cl);
    assert_int_equal(cl[1], 0);
    assert_int_equal(cl[2], 0);
    /* A household: every pair between {0,1} and {2} is a cannot-link. */
    const wn_agglo_edge home[] = {
        {0, 1, 30, false, false}, {0, 2, 25, true, false}, {1, 2, 25, true, false}};
    wn_agglo_run(3, home, 3, 0, NULL, cl);
    assert_int_equal(cl[1], 0);
    assert_int_equal(cl[2], 2);
    /* One odd record among three: one cannot-link of three pairs does not
     * keep the fourth record out. */
    const wn_agglo_edge odd[] = {
        {0, 1, 30, false, false}, {0, 2, 30, false, false}, {1, 2, 30, false, false},
        {0, 3, 20, false, false}, {1, 3, 20, false, false}, {2, 3, 20, true, false},
    };
    wn_agglo_run(4, odd, 6, 0, NULL, cl);
    assert_int_equal(cl[3], 0);
}

typedef struct cap {
    uint32_t size[8];
    int merges;
} cap;

static bool allow_two(void *ctx, uint32_t x, uint32_t y)
{
    const cap *c = ctx;
    return c->size[x] + c->size[y] <= 2;
}

static void merged(void *ctx, uint32_t into, uint32_t from)
{
    cap *c = ctx;
    c->size[into] += c->size[from];
    c->merges++;
}

static void test_caller_refusals(void **state)
{
    (void)state;
    /* The strongest pair merges first; the cap of two then refuses the
     * rest, and a refusal stands. */
    const wn_agglo_edge e[] = {{0, 1, 9, false, false},
                               {1, 2, 10, false, false},
                               {0, 2, 8, false, false},
                               {3, 4, 1, false, false}};
    cap c = {{1, 1, 1, 1, 1, 1, 1, 1}, 0};
    wn_agglo_hooks hooks = {&c, allow_two, merged};
    uint32_t cl[5];
    wn_agglo_run(5, e, 4, 0, &hooks, cl);
    assert_int_equal(cl[2], 1); /* 1-2 first */
    assert_int_equal(cl[0], 0);
    assert_int_equal(cl[4], 3);
    assert_int_equal(c.merges, 2);
    assert_int_equal(c.size[1], 2);
}

static void test_ties_and_order(void **state)
{
    (void)state;
    /* Equal means: lower node ids first, whatever the edges' order. */
    const wn_agglo_edge a[] = {
        {2, 3, 5, false, false}, {0, 1, 5, false, false}, {1, 2, 5, false, false}};
    const wn_agglo_edge b[] = {
        {1, 2, 5, false, false}, {0, 1, 5, false, false}, {2, 3, 5, false, false}};
    cap ca = {{1, 1, 1, 1, 1, 1, 1, 1}, 0}, cb = ca;
    wn_agglo_hooks ha = {&ca, allow_two, merged}, hb = {&cb, allow_two, merged};
    uint32_t x[4], y[4];
    wn_agglo_run(4, a, 3, 0, &ha, x);
    wn_agglo_run(4, b, 3, 0, &hb, y);
    assert_memory_equal(x, y, sizeof x);
    assert_int_equal(x[1], 0); /* 0-1 before 1-2 and 2-3 */
    assert_int_equal(x[3], 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mean_not_best_link),
        cmocka_unit_test(test_threshold_and_unscored_pairs),
        cmocka_unit_test(test_must_and_cannot_links),
        cmocka_unit_test(test_caller_refusals),
        cmocka_unit_test(test_ties_and_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
