/*
 * test_pool.c -- the thread pool the ingest runs its steps on: every round
 * runs the function once on every thread, the caller's writes before a round
 * reach the helpers, and the helpers' writes reach the caller when the round
 * returns -- whether the threads spun or slept between rounds.
 */
#include "testutil.h"

#include <unistd.h>

#include "pool.h"

#define MAX_THREADS 64

typedef struct round_log {
    unsigned runs[MAX_THREADS]; /* rounds each thread has run */
    unsigned seen[MAX_THREADS]; /* the round number each thread last read */
    unsigned round;             /* written by the caller before each round */
    unsigned bad_index;         /* a thread index out of range */
} round_log;

static void log_round(void *ctx, unsigned thread)
{
    round_log *log = ctx;
    if (thread >= MAX_THREADS) {
        log->bad_index++;
        return;
    }
    log->runs[thread]++;
    log->seen[thread] = log->round;
}

/* Runs `rounds` rounds and checks after each that every thread ran once and
 * saw the round's number; every `pause_every` rounds the caller sleeps for
 * longer than a spin, so the helpers go to sleep and are woken. */
static void check_rounds(unsigned threads, unsigned rounds, unsigned pause_every)
{
    round_log log = {0};
    wn_pool *p = wn_pool_new(threads, log_round, &log);
    unsigned n = wn_pool_threads(p);
    assert_int_equal(n, threads ? threads : 1); /* this machine starts threads */
    for (unsigned r = 1; r <= rounds; r++) {
        log.round = r;
        wn_pool_run(p);
        for (unsigned t = 0; t < n; t++) {
            assert_int_equal(log.runs[t], r);
            assert_int_equal(log.seen[t], r);
        }
        if (pause_every && r % pause_every == 0) usleep(1000);
    }
    wn_pool_free(p);
    assert_int_equal(log.bad_index, 0);
    for (unsigned t = n; t < MAX_THREADS; t++)
        assert_int_equal(log.runs[t], 0);
}

static void test_pool_single_thread_runs_on_caller(void **state)
{
    (void)state;
    check_rounds(1, 100, 0);
    check_rounds(0, 10, 0); /* 0 means the caller alone */
}

static void test_pool_rounds_back_to_back(void **state)
{
    (void)state;
    check_rounds(2, 5000, 0);
}

static void test_pool_helpers_sleep_and_wake(void **state)
{
    (void)state;
    check_rounds(2, 200, 7);
}

/* More threads than processors: nobody spins, every wait sleeps. */
static void test_pool_oversubscribed(void **state)
{
    (void)state;
    check_rounds(MAX_THREADS, 300, 0);
    check_rounds(MAX_THREADS, 50, 5);
}

/* The work of a round shared through a counter, as the ingest shares its
 * tasks: every item is done exactly once, whoever takes it. */
typedef struct shared_work {
    size_t next, n;
    unsigned done[4096];
} shared_work;

static void take_items(void *ctx, unsigned thread)
{
    (void)thread;
    shared_work *w = ctx;
    size_t i;
    while ((i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n)
        w->done[i]++;
}

static void test_pool_shared_counter(void **state)
{
    (void)state;
    shared_work *w = calloc(1, sizeof *w);
    wn_pool *p = wn_pool_new(3, take_items, w);
    for (unsigned r = 1; r <= 300; r++) {
        w->next = 0;
        w->n = r % 2 ? 4096 : r; /* some rounds with fewer items than threads */
        wn_pool_run(p);
        for (size_t i = 0; i < 4096; i++)
            assert_int_equal(w->done[i], i < w->n ? 1 : 0);
        memset(w->done, 0, sizeof w->done);
    }
    wn_pool_free(p);
    free(w);
}

static void test_pool_free_without_rounds(void **state)
{
    (void)state;
    round_log log = {0};
    wn_pool_free(wn_pool_new(4, log_round, &log));
    wn_pool_free(NULL);
    for (unsigned t = 0; t < MAX_THREADS; t++)
        assert_int_equal(log.runs[t], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_single_thread_runs_on_caller),
        cmocka_unit_test(test_pool_rounds_back_to_back),
        cmocka_unit_test(test_pool_helpers_sleep_and_wake),
        cmocka_unit_test(test_pool_oversubscribed),
        cmocka_unit_test(test_pool_shared_counter),
        cmocka_unit_test(test_pool_free_without_rounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
