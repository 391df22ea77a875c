/*
 * reader.h -- what the engine's own modules may ask of a reader beyond the
 * public interface in winnow.h.
 */
#ifndef WN_READER_H
#define WN_READER_H

#include "buf.h"
#include "winnow.h"

/* Has the reader write the cells of the records it reads next into `text`,
 * after what `text` holds, instead of into a buffer of its own that each
 * record clears (NULL: its own again). The cells of every record read stay
 * in `text`, a rejected record's too (the caller drops them), and a row's
 * cell pointers are valid until `text` next grows. Only between calls of
 * wn_reader_next. */
void wn_reader_set_text(wn_reader *r, wn_buf *text);

#endif
