/*
 * rowpipe.c -- batches of rows, read as a task of the consumer's; see rowpipe.h.
 *
 * Four batch slots circulate in order: the consumer holds one or two (the
 * ones it works on), and wn_rowpipe_fill reads the next free one, so that a
 * batch can be read while the held ones are worked on. A slot is free when it
 * is not `ready`: neither filled and waiting, nor held. A batch holds its rows'
 * cell text in one buffer, which the reader writes them into as it reads
 * (wn_reader_set_text: no copy of its own first). The buffer may move while it
 * grows, so until the batch is sealed a cell's pointer holds its offset in it.
 *
 * There is no lock: the caller never runs wn_rowpipe_fill alongside another
 * call on the same pipe, and the held batches, which other threads read, are
 * never the one being filled.
 */
#include "rowpipe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "reader.h"

#define NSLOTS      4 /* up to two held, one being filled, one spare */
#define BATCH_ROWS  4096
#define BATCH_BYTES (4u << 20)

typedef struct batch {
    wn_row *rows;
    size_t nrows;
    wn_cell *cells;
    size_t ncells, cells_cap;
    wn_buf text;
    bool ready; /* filled: waiting for the consumer, or held by it */
    bool last;  /* the input ended with this batch */
} batch;

struct wn_rowpipe {
    wn_reader *reader;
    wn_reject_fn on_reject;
    void *ctx;
    wn_progress_fn on_progress;
    batch slots[NSLOTS];
    size_t hold;    /* how many batches the consumer keeps: 1 or 2 */
    size_t held[2]; /* the slots it holds, oldest first */
    size_t nheld;
    size_t next;   /* the slot the consumer takes next */
    size_t fill;   /* the slot filled next */
    bool read_all; /* the last batch has been filled */
    bool ended;    /* the consumer has taken the last batch */
    int status;
    wn_error err;
};

/* The reader wrote the row's cells into the batch's text (wn_reader_set_text),
 * which may move while it grows: a cell keeps its place in it until the
 * batch is sealed. */
static void batch_add(batch *b, const wn_row *row)
{
    wn_row *out = &b->rows[b->nrows++];
    *out = *row;
    out->raw = NULL; /* raw text is only needed for rejects */
    out->raw_len = 0;
    if (b->ncells + row->ncells > b->cells_cap) {
        b->cells_cap = (b->ncells + row->ncells) * 2;
        b->cells = wn_xrealloc(b->cells, b->cells_cap * sizeof *b->cells);
    }
    out->cells = NULL;
    for (size_t i = 0; i < row->ncells; i++) {
        size_t at = (size_t)(row->cells[i].ptr - b->text.data);
        b->cells[b->ncells + i].ptr = (const char *)(uintptr_t)at;
        b->cells[b->ncells + i].len = row->cells[i].len;
    }
    b->ncells += row->ncells;
}

static void batch_seal(batch *b)
{
    for (size_t i = 0; i < b->ncells; i++)
        b->cells[i].ptr = b->text.data + (uintptr_t)b->cells[i].ptr;
    size_t c = 0;
    for (size_t r = 0; r < b->nrows; r++) {
        b->rows[r].cells = b->cells + c;
        c += b->rows[r].ncells;
    }
}

bool wn_rowpipe_fill(wn_rowpipe *p)
{
    batch *b = &p->slots[p->fill];
    if (p->read_all || b->ready) return false;
    b->nrows = b->ncells = 0;
    wn_buf_clear(&b->text);
    int rc = 1;
    wn_row row;
    size_t mark = 0;
    wn_reader_set_text(p->reader, &b->text);
    while (b->nrows < BATCH_ROWS && b->text.len < BATCH_BYTES &&
           (mark = b->text.len, rc = wn_reader_next(p->reader, &row, &p->err)) > 0) {
        if (rc == WN_READ_ROW) {
            batch_add(b, &row);
        } else {
            if (p->on_reject) p->on_reject(p->ctx, &row);
            b->text.len = mark; /* a reject's cells are not the batch's */
        }
        if (p->on_progress) p->on_progress(p->ctx, p->reader);
    }
    wn_reader_set_text(p->reader, NULL);
    batch_seal(b);
    b->last = rc <= 0;
    b->ready = true;
    if (rc < 0) p->status = rc;
    p->read_all = b->last;
    p->fill = (p->fill + 1) % NSLOTS;
    return true;
}

wn_rowpipe *wn_rowpipe_open(wn_reader *r, size_t hold, wn_reject_fn on_reject,
                            wn_progress_fn on_progress, void *ctx)
{
    wn_rowpipe *p = wn_xcalloc(1, sizeof *p);
    p->hold = hold == 2 ? 2 : 1;
    p->reader = r;
    p->on_reject = on_reject;
    p->ctx = ctx;
    p->on_progress = on_progress;
    for (size_t k = 0; k < NSLOTS; k++)
        p->slots[k].rows = wn_xmalloc(BATCH_ROWS * sizeof *p->slots[k].rows);
    return p;
}

size_t wn_rowpipe_next(wn_rowpipe *p, const wn_row **rows)
{
    if (p->nheld == p->hold) { /* hand the oldest batch back */
        p->slots[p->held[0]].ready = false;
        p->held[0] = p->held[1];
        p->nheld--;
    }
    if (p->ended) return 0;
    batch *b = &p->slots[p->next];
    if (!b->ready) wn_rowpipe_fill(p); /* not read ahead: read it now */
    p->held[p->nheld++] = p->next;
    p->next = (p->next + 1) % NSLOTS;
    p->ended = b->last;
    *rows = b->rows;
    return b->nrows;
}

int wn_rowpipe_finish(wn_rowpipe *p, wn_error *err)
{
    int rc = p->status;
    if (rc < 0 && err) *err = p->err;
    for (size_t k = 0; k < NSLOTS; k++) {
        free(p->slots[k].rows);
        free(p->slots[k].cells);
        wn_buf_free(&p->slots[k].text);
    }
    free(p);
    return rc;
}
