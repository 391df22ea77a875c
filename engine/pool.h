/*
 * pool.h -- a fixed set of threads that run one function in rounds.
 *
 * The ingest works in steps of a few milliseconds each (a batch of rows),
 * and every step needs all threads. Starting a thread per step and joining
 * it cost a thread creation, a scheduling of a thread the kernel had never
 * seen, and a wait for its first run, about 250 times a million rows. A pool
 * starts its threads once; a round wakes them, runs the function on every
 * thread (the caller's included, as thread 0) and returns when all have
 * returned.
 *
 * Between rounds a thread first spins for a short while (unless the pool has
 * more threads than the machine has processors), then sleeps on a
 * condition variable: the next round usually follows within microseconds,
 * and a sleeping thread takes tens of microseconds to wake. The caller waits
 * for the round's end the same way.
 *
 * Invariants: `round` only grows, and only the caller bumps it; `busy` is
 * the number of helpers still in the current round. Everything the caller
 * wrote before wn_pool_run is visible to the function on every thread, and
 * everything the function wrote is visible to the caller when wn_pool_run
 * returns (the round and busy counters carry release/acquire order).
 * wn_pool_run is called from one thread at a time, never from the function.
 */
#ifndef WN_POOL_H
#define WN_POOL_H

typedef struct wn_pool wn_pool;

/* Runs on every thread of a round; `thread` is 0 on the caller, and 1 up to
 * wn_pool_threads() - 1 on the helpers. */
typedef void (*wn_pool_fn)(void *ctx, unsigned thread);

/* A pool of `threads` threads counting the caller (at least 1): starts
 * threads - 1 helpers. If the system refuses a thread, the pool has fewer;
 * wn_pool_threads says how many. */
wn_pool *wn_pool_new(unsigned threads, wn_pool_fn fn, void *ctx);
unsigned wn_pool_threads(const wn_pool *p);
/* One round: fn on every thread; returns when all have returned. */
void wn_pool_run(wn_pool *p);
/* Stops and joins the helpers. NULL is allowed. */
void wn_pool_free(wn_pool *p);

#endif
