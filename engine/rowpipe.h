/*
 * rowpipe.h -- reading an input on a thread of its own.
 *
 * Parsing CSV and counting values each take a core's worth of work on a
 * large export; a producer thread reads rows into batches (copies of their
 * cells) while the caller's thread consumes the previous batch, so the two
 * overlap. Rejects are handed to a callback on the reading thread, in input
 * order. Rows arrive in input order too: batches are consumed in sequence.
 */
#ifndef WN_ROWPIPE_H
#define WN_ROWPIPE_H

#include <stddef.h>

#include "winnow.h"

typedef struct wn_rowpipe wn_rowpipe;

typedef void (*wn_reject_fn)(void *ctx, const wn_row *reject);
typedef void (*wn_progress_fn)(void *ctx, const wn_reader *r);

/* Starts reading `r` (which the pipe uses until wn_rowpipe_finish). Both
 * callbacks (either may be NULL) run on the reading thread, with `ctx`;
 * `on_progress` after every row read. `hold` (1 or 2): how many batches the
 * consumer works on at once. */
int wn_rowpipe_start(wn_rowpipe **out, wn_reader *r, size_t hold, wn_reject_fn on_reject,
                     wn_progress_fn on_progress, void *ctx, wn_error *err);
/* The next batch: sets *rows and returns how many (0: the input is done).
 * The rows stay valid until `hold` more calls. */
size_t wn_rowpipe_next(wn_rowpipe *p, const wn_row **rows);
/* Waits for the reader and frees the pipe; returns the reader's status. */
int wn_rowpipe_finish(wn_rowpipe *p, wn_error *err);

#endif
