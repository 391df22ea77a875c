/*
 * pool.c -- threads that run a function in rounds; see pool.h.
 */
#include "pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"

/* How long a thread spins before it sleeps: longer than the caller's work
 * between two rounds of the ingest (taking the next batch from the pipe) and
 * than most last tasks of a step, much shorter than a step. A pool with more
 * threads than the machine has processors does not spin: a spinning thread
 * would take a processor from one with work to do. */
#define SPIN_NS 200000

typedef struct helper {
    struct wn_pool *pool;
    unsigned index;
    pthread_t thread;
} helper;

struct wn_pool {
    wn_pool_fn fn;
    void *ctx;
    helper *helpers;
    unsigned nhelpers; /* started */
    long long spin_ns;
    pthread_mutex_t lock; /* with the two conditions, for sleeping only */
    pthread_cond_t start, done;
    unsigned round; /* atomic */
    unsigned busy;  /* atomic */
    bool stop;      /* atomic; set with a last round */
};

static void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Spins until `*word` (atomic) differs from `from` (want_change) or equals
 * it (!want_change), for at most SPIN_NS; true if it did. */
static bool spin_until(const wn_pool *p, const unsigned *word, unsigned from, bool want_change)
{
    long long deadline = 0;
    for (unsigned i = 1;; i++) {
        if ((__atomic_load_n(word, __ATOMIC_ACQUIRE) != from) == want_change) return true;
        if (!p->spin_ns) return false;
        cpu_relax();
        if (i % 64 == 0) {
            long long t = now_ns();
            if (!deadline)
                deadline = t + p->spin_ns;
            else if (t > deadline)
                return false;
        }
    }
}

static void *helper_main(void *arg)
{
    const helper *h = arg;
    wn_pool *p = h->pool;
    unsigned seen = 0;
    for (;;) {
        if (!spin_until(p, &p->round, seen, true)) {
            pthread_mutex_lock(&p->lock);
            while (__atomic_load_n(&p->round, __ATOMIC_ACQUIRE) == seen)
                pthread_cond_wait(&p->start, &p->lock);
            pthread_mutex_unlock(&p->lock);
        }
        seen = __atomic_load_n(&p->round, __ATOMIC_ACQUIRE);
        if (__atomic_load_n(&p->stop, __ATOMIC_ACQUIRE)) return NULL;
        p->fn(p->ctx, h->index);
        if (__atomic_sub_fetch(&p->busy, 1, __ATOMIC_ACQ_REL) == 0) {
            /* Under the lock: the caller either saw busy at 0 or sleeps. */
            pthread_mutex_lock(&p->lock);
            pthread_cond_signal(&p->done);
            pthread_mutex_unlock(&p->lock);
        }
    }
}

wn_pool *wn_pool_new(unsigned threads, wn_pool_fn fn, void *ctx)
{
    wn_pool *p = wn_xcalloc(1, sizeof *p);
    p->fn = fn;
    p->ctx = ctx;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->start, NULL);
    pthread_cond_init(&p->done, NULL);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    p->spin_ns = cpus > 0 && threads <= (unsigned long)cpus ? SPIN_NS : 0;
    unsigned want = threads > 1 ? threads - 1 : 0;
    p->helpers = wn_xcalloc(want ? want : 1, sizeof *p->helpers);
    for (unsigned i = 0; i < want; i++) {
        helper *h = &p->helpers[i];
        h->pool = p;
        h->index = i + 1;
        if (pthread_create(&h->thread, NULL, helper_main, h)) break;
        p->nhelpers++;
    }
    return p;
}

unsigned wn_pool_threads(const wn_pool *p)
{
    return p->nhelpers + 1;
}

/* Starts a round (the last one if `stop`): the helpers see everything
 * written before. */
static void start_round(wn_pool *p, bool stop)
{
    __atomic_store_n(&p->busy, p->nhelpers, __ATOMIC_RELAXED);
    if (stop) __atomic_store_n(&p->stop, true, __ATOMIC_RELAXED);
    pthread_mutex_lock(&p->lock);
    __atomic_add_fetch(&p->round, 1, __ATOMIC_RELEASE);
    pthread_cond_broadcast(&p->start);
    pthread_mutex_unlock(&p->lock);
}

void wn_pool_run(wn_pool *p)
{
    if (p->nhelpers) start_round(p, false);
    p->fn(p->ctx, 0);
    if (!p->nhelpers || spin_until(p, &p->busy, 0, false)) return;
    pthread_mutex_lock(&p->lock);
    while (__atomic_load_n(&p->busy, __ATOMIC_ACQUIRE) != 0)
        pthread_cond_wait(&p->done, &p->lock);
    pthread_mutex_unlock(&p->lock);
}

void wn_pool_free(wn_pool *p)
{
    if (!p) return;
    if (p->nhelpers) start_round(p, true);
    for (unsigned i = 0; i < p->nhelpers; i++)
        pthread_join(p->helpers[i].thread, NULL);
    pthread_cond_destroy(&p->start);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->lock);
    free(p->helpers);
    free(p);
}
