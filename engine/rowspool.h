/*
 * rowspool.h -- the accepted rows of a run, kept on disk to be read again.
 *
 * clean.csv is written from the original rows, in input order, after the
 * matching has decided every record's cluster; it used to read (and parse)
 * every input twice more to do it. The spool keeps the rows as the ingest
 * accepted them, already parsed and decoded, in an anonymous temporary file:
 * reading them back is a sequential scan with no CSV to parse, and works for
 * standard input too.
 *
 * The file is removed as soon as it is created, so nothing is left behind by
 * a crash or a kill; it takes about as much space as the inputs
 * (decompressed) in $TMPDIR (default /tmp) until the spool is closed.
 *
 * Rows are appended in record order (wn_rowspool_add, from one thread at a
 * time) and read back in the same order, as often as needed
 * (wn_rowspool_rewind, wn_rowspool_next).
 */
#ifndef WN_ROWSPOOL_H
#define WN_ROWSPOOL_H

#include "winnow.h"

typedef struct wn_rowspool wn_rowspool;

/* Creates an empty spool in $TMPDIR (or /tmp). */
int wn_rowspool_open(wn_rowspool **out, wn_error *err);
/* Appends the cells of `n` rows. A write error is kept, and reported by
 * wn_rowspool_rewind. */
void wn_rowspool_add(wn_rowspool *sp, const wn_row *rows, size_t n);
/* Ends the writing (the first time) and goes back to the first row. */
int wn_rowspool_rewind(wn_rowspool *sp, wn_error *err);
/* Sets *row to the next row (only `ncells` and `cells` are set; valid until
 * the next call). Returns 1, 0 at the end, or a negative status. */
int wn_rowspool_next(wn_rowspool *sp, const wn_row **row, wn_error *err);
void wn_rowspool_close(wn_rowspool *sp);

#endif
