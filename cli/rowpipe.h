/*
 * rowpipe.h -- reading an input on a thread of its own.
 *
 * Parsing CSV and counting values each take a core's worth of work on a
 * large export; a producer thread reads rows into batches (copies of their
 * cells) while the caller's thread consumes the previous batch, so the two
 * overlap. Rejects are handed to a callback on the reading thread, in input
 * order. Rows arrive in input order too: batches are consumed in sequence.
 */
#ifndef WN_CLI_ROWPIPE_H
#define WN_CLI_ROWPIPE_H

#include <stddef.h>

#include "cli.h"

typedef struct cli_rowpipe cli_rowpipe;

typedef void (*cli_reject_fn)(void *ctx, const wn_row *reject);

/* Starts reading `r` (which the pipe uses until cli_rowpipe_finish). */
int cli_rowpipe_start(cli_rowpipe **out, wn_reader *r, cli_reject_fn on_reject, void *ctx,
                      cli_progress *progress, wn_error *err);
/* The next batch: sets *rows and returns how many (0: the input is done).
 * The rows stay valid until the next call. */
size_t cli_rowpipe_next(cli_rowpipe *p, const wn_row **rows);
/* Waits for the reader and frees the pipe; returns the reader's status. */
int cli_rowpipe_finish(cli_rowpipe *p, wn_error *err);

#endif
