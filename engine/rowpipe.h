/*
 * rowpipe.h -- an input read in batches, ahead of the rows being worked on.
 *
 * The consumer takes batches of rows (their cells kept with the batch) in
 * input order and works on one or two at a time; meanwhile it has the next
 * batch read by wn_rowpipe_fill, as one of its own tasks, so reading overlaps
 * the work on the batches before without a thread of its own (a reading
 * thread was a third runnable thread on two cores, and the scheduler made the
 * workers wait for it). Rejects go to a callback as they are read, in input
 * order.
 */
#ifndef WN_ROWPIPE_H
#define WN_ROWPIPE_H

#include <stdbool.h>
#include <stddef.h>

#include "winnow.h"

typedef struct wn_rowpipe wn_rowpipe;

typedef void (*wn_reject_fn)(void *ctx, const wn_row *reject);
typedef void (*wn_progress_fn)(void *ctx, const wn_reader *r);

/* A pipe over `r` (which it uses until wn_rowpipe_finish). Both callbacks
 * (either may be NULL) run inside wn_rowpipe_fill, with `ctx`; `on_progress`
 * after every row read. `hold` (1 or 2): how many batches the consumer works
 * on at once. */
wn_rowpipe *wn_rowpipe_open(wn_reader *r, size_t hold, wn_reject_fn on_reject,
                            wn_progress_fn on_progress, void *ctx);
/* Reads the next batch, if the input has one and a slot is free; returns
 * whether it read. May run on any thread, but never alongside another call
 * on the same pipe. */
bool wn_rowpipe_fill(wn_rowpipe *p);
/* The next batch (read now unless wn_rowpipe_fill read it): sets *rows and
 * returns how many (0: the input is done). The rows stay valid until `hold`
 * more calls. */
size_t wn_rowpipe_next(wn_rowpipe *p, const wn_row **rows);
/* Frees the pipe; returns the reader's status (negative: it failed, and
 * *err says why). */
int wn_rowpipe_finish(wn_rowpipe *p, wn_error *err);

#endif
