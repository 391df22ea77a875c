/*
 * rowspool.c -- accepted rows in an anonymous temporary file; see rowspool.h.
 *
 * A row is stored as its payload's length (8 bytes, native order: the file
 * never leaves this process) and the payload: the number of cells, then each
 * cell's length and bytes, the numbers as LEB128 varints. Writes go through
 * a 1 MiB buffer; reads fill a buffer that always holds whole rows (it grows
 * for a row larger than itself), so the cells point into it.
 */
#include "rowspool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"

#define IO_BYTES (1u << 20)

struct wn_rowspool {
    int fd;
    wn_buf out;      /* encoded, not yet written */
    int write_errno; /* the first write error */
    bool reading;
    char *in; /* read, not yet decoded from in_pos */
    size_t in_len, in_pos, in_cap;
    wn_cell *cells;
    size_t cells_cap;
    wn_row row;
};

int wn_rowspool_open(wn_rowspool **out, wn_error *err)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    wn_buf path = {0};
    wn_buf_printf(&path, "%s/winnow-rows-XXXXXX", dir);
    int fd = mkstemp(wn_buf_cstr(&path));
    int e = errno;
    if (fd >= 0) unlink(path.data); /* gone with the process, whatever happens */
    wn_buf_free(&path);
    if (fd < 0) return wn_fail_errno(err, e, "cannot create a temporary file in %s", dir);
    wn_rowspool *sp = wn_xcalloc(1, sizeof *sp);
    sp->fd = fd;
    *out = sp;
    return WN_OK;
}

static void put_varint(wn_buf *b, uint64_t v)
{
    char tmp[10];
    size_t n = 0;
    do {
        tmp[n++] = (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    wn_buf_append(b, tmp, n);
}

static size_t varint_size(uint64_t v)
{
    size_t n = 1;
    while (v > 0x7f) {
        v >>= 7;
        n++;
    }
    return n;
}

static void write_out(wn_rowspool *sp)
{
    size_t done = 0;
    while (done < sp->out.len && !sp->write_errno) {
        ssize_t n = write(sp->fd, sp->out.data + done, sp->out.len - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            sp->write_errno = errno;
        else
            done += (size_t)n;
    }
    wn_buf_clear(&sp->out);
}

void wn_rowspool_add(wn_rowspool *sp, const wn_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const wn_row *row = &rows[i];
        uint64_t payload = varint_size(row->ncells);
        for (size_t c = 0; c < row->ncells; c++)
            payload += varint_size(row->cells[c].len) + row->cells[c].len;
        wn_buf_reserve(&sp->out, sizeof payload + payload);
        wn_buf_append(&sp->out, &payload, sizeof payload);
        put_varint(&sp->out, row->ncells);
        for (size_t c = 0; c < row->ncells; c++) {
            put_varint(&sp->out, row->cells[c].len);
            wn_buf_append(&sp->out, row->cells[c].ptr, row->cells[c].len);
        }
        if (sp->out.len >= IO_BYTES) write_out(sp);
    }
}

int wn_rowspool_rewind(wn_rowspool *sp, wn_error *err)
{
    if (!sp->reading) {
        write_out(sp);
        wn_buf_free(&sp->out);
        sp->in_cap = IO_BYTES;
        sp->in = wn_xmalloc(sp->in_cap);
        sp->reading = true;
    }
    if (sp->write_errno)
        return wn_fail_errno(err, sp->write_errno, "cannot write the temporary copy of the rows");
    if (lseek(sp->fd, 0, SEEK_SET) < 0)
        return wn_fail_errno(err, errno, "cannot read the temporary copy of the rows");
    sp->in_len = sp->in_pos = 0;
    return WN_OK;
}

/* Makes at least `need` bytes available from in_pos; returns 1, 0 if the
 * file ends first, or a negative status. */
static int fill(wn_rowspool *sp, size_t need, wn_error *err)
{
    if (sp->in_len - sp->in_pos >= need) return 1;
    memmove(sp->in, sp->in + sp->in_pos, sp->in_len - sp->in_pos);
    sp->in_len -= sp->in_pos;
    sp->in_pos = 0;
    if (need > sp->in_cap) {
        sp->in_cap = need;
        sp->in = wn_xrealloc(sp->in, sp->in_cap);
    }
    while (sp->in_len < need) {
        ssize_t n = read(sp->fd, sp->in + sp->in_len, sp->in_cap - sp->in_len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return wn_fail_errno(err, errno, "cannot read the temporary copy of the rows");
        if (n == 0) return 0;
        sp->in_len += (size_t)n;
    }
    return 1;
}

static bool get_varint(const char **p, const char *end, uint64_t *v)
{
    *v = 0;
    for (unsigned shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char byte = (unsigned char)*(*p)++;
        *v |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

/* Points the row's cells into the payload [p, end). */
static bool decode_row(wn_rowspool *sp, const char *p, const char *end)
{
    uint64_t ncells, len;
    if (!get_varint(&p, end, &ncells) || ncells > (uint64_t)(end - p)) return false;
    if (ncells > sp->cells_cap) {
        sp->cells_cap = ncells;
        sp->cells = wn_xrealloc(sp->cells, sp->cells_cap * sizeof *sp->cells);
    }
    for (uint64_t c = 0; c < ncells; c++) {
        if (!get_varint(&p, end, &len) || len > (uint64_t)(end - p)) return false;
        sp->cells[c] = (wn_cell){.ptr = p, .len = (size_t)len};
        p += len;
    }
    sp->row = (wn_row){.ncells = (size_t)ncells, .cells = sp->cells};
    return p == end;
}

static int damaged(wn_error *err)
{
    return wn_fail(err, WN_EIO, "the temporary copy of the rows is damaged");
}

int wn_rowspool_next(wn_rowspool *sp, const wn_row **row, wn_error *err)
{
    uint64_t payload;
    int rc = fill(sp, sizeof payload, err);
    if (rc <= 0) return rc == 0 && sp->in_len > sp->in_pos ? damaged(err) : rc;
    memcpy(&payload, sp->in + sp->in_pos, sizeof payload);
    if (payload > ((uint64_t)1 << 40)) return damaged(err);
    if ((rc = fill(sp, sizeof payload + (size_t)payload, err)) <= 0)
        return rc == 0 ? damaged(err) : rc;
    const char *p = sp->in + sp->in_pos + sizeof payload;
    sp->in_pos += sizeof payload + (size_t)payload;
    if (!decode_row(sp, p, p + payload)) return damaged(err);
    *row = &sp->row;
    return 1;
}

void wn_rowspool_close(wn_rowspool *sp)
{
    if (!sp) return;
    close(sp->fd);
    wn_buf_free(&sp->out);
    free(sp->in);
    free(sp->cells);
    free(sp);
}
