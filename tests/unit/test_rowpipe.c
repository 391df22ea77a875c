/*
 * test_rowpipe.c -- batches of rows read ahead of the consumer (rowpipe.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "rowpipe.h"
#include "testutil.h"
#include "winnow.h"

/* What the callbacks saw. */
typedef struct seen {
    uint64_t reject_lines[16];
    size_t nrejects;
    size_t progress;
} seen;

static void on_reject(void *ctx, const wn_row *row)
{
    seen *s = ctx;
    if (s->nrejects < 16) s->reject_lines[s->nrejects] = row->line;
    s->nrejects++;
}

static void on_progress(void *ctx, const wn_reader *r)
{
    (void)r;
    ((seen *)ctx)->progress++;
}

/* An export of `rows` data rows `i,name i`; every 1000th row from the 500th
 * has a field too many (a reject). Returns its path. */
static const char *export_with_rejects(size_t rows)
{
    wn_buf text = {0};
    wn_buf_puts(&text, "id,name\n");
    for (size_t i = 1; i <= rows; i++) {
        if (i % 1000 == 500)
            wn_buf_printf(&text, "%zu,ragged,row\n", i);
        else
            wn_buf_printf(&text, "%zu,name %zu\n", i, i);
    }
    const char *path = tu_temp_file(text.data, text.len);
    wn_buf_free(&text);
    return path;
}

static wn_reader *open_reader(const char *path)
{
    wn_reader *r;
    wn_error err;
    assert_int_equal(wn_reader_open(&r, path, NULL, &err), WN_OK);
    return r;
}

/* The rows of a batch are the data rows from `first` on, skipping rejects. */
static size_t check_batch(const wn_row *rows, size_t n, size_t first)
{
    size_t i = first;
    for (size_t k = 0; k < n; k++, i++) {
        if (i % 1000 == 500) i++;
        char want[32];
        snprintf(want, sizeof want, "%zu", i);
        assert_int_equal(rows[k].ncells, 2);
        assert_string_equal(rows[k].cells[0].ptr, want);
        assert_int_equal(rows[k].line, i + 1);
    }
    return i;
}

static void test_every_row_once_in_order(void **state)
{
    (void)state;
    const size_t total = 20000; /* several batches */
    wn_reader *r = open_reader(export_with_rejects(total));
    seen s = {0};
    wn_rowpipe *p = wn_rowpipe_open(r, 2, on_reject, on_progress, &s);
    const wn_row *rows;
    size_t n, next = 1, batches = 0, accepted = 0;
    while ((n = wn_rowpipe_next(p, &rows)) > 0) {
        next = check_batch(rows, n, next);
        accepted += n, batches++;
        wn_rowpipe_fill(p); /* ahead of the next call, as a step does */
    }
    assert_true(batches >= 4);
    assert_int_equal(accepted, total - 20);
    assert_int_equal(next, total + 1);
    assert_int_equal(s.nrejects, 20);
    for (size_t k = 0; k < 16; k++)
        assert_int_equal(s.reject_lines[k], 1000 * k + 500 + 1);
    assert_int_equal(s.progress, total);
    assert_false(wn_rowpipe_fill(p)); /* nothing left to read */
    assert_int_equal(wn_rowpipe_next(p, &rows), 0);
    assert_int_equal(wn_rowpipe_finish(p, NULL), WN_OK);
    wn_reader_close(r);
}

/* Held batches stay intact while later ones are read into the other slots,
 * and reading stops when no slot is free. */
static void test_held_batches_survive_reading_ahead(void **state)
{
    (void)state;
    wn_reader *r = open_reader(export_with_rejects(40000));
    wn_rowpipe *p = wn_rowpipe_open(r, 2, NULL, NULL, NULL);
    const wn_row *first, *second, *third;
    size_t n1 = wn_rowpipe_next(p, &first);
    size_t n2 = wn_rowpipe_next(p, &second);
    assert_true(wn_rowpipe_fill(p));
    assert_true(wn_rowpipe_fill(p));
    assert_false(wn_rowpipe_fill(p)); /* two held, two read ahead: full */
    size_t after1 = check_batch(first, n1, 1);
    size_t after2 = check_batch(second, n2, after1);
    size_t n3 = wn_rowpipe_next(p, &third); /* hands the first back */
    assert_true(wn_rowpipe_fill(p));        /* into the slot handed back */
    check_batch(second, n2, after1);        /* still held */
    check_batch(third, n3, after2);
    assert_int_equal(wn_rowpipe_finish(p, NULL), WN_OK);
    wn_reader_close(r);
}

/* Every kind of reject between accepted rows -- a field too many, a NUL
 * byte, cp1252 text, a line over the record limit, a quote never closed --
 * leaves the batch's rows and their cells as they were read: the reader
 * writes cells into the batch, and a reject's are dropped, never a row's. */
static void test_rejects_leave_rows_intact(void **state)
{
    (void)state;
    wn_buf text = {0};
    wn_buf_puts(&text, "id,name\n");
    size_t expected = 0;
    for (size_t i = 1; i <= 3000; i++) {
        switch (i % 7) {
        case 1:
            wn_buf_printf(&text, "%zu,ragged,row\n", i);
            break;
        case 3:
            wn_buf_printf(&text, "%zu,nul", i);
            wn_buf_putc(&text, '\0');
            wn_buf_puts(&text, "byte\n");
            break;
        case 5: /* longer than the limit below */
            wn_buf_printf(&text, "%zu,", i);
            for (int k = 0; k < 300; k++)
                wn_buf_putc(&text, 'x');
            wn_buf_putc(&text, '\n');
            break;
        default:
            wn_buf_printf(&text, "%zu,\"name\n%zu Caf\xe9\"\n", i, i);
            expected++;
        }
    }
    wn_buf_puts(&text, "9999,\"never closed\n");
    const char *path = tu_temp_file(text.data, text.len);
    wn_reader *r;
    wn_error err;
    wn_reader_opts opts = {.max_record_bytes = 200, .read_size = 4096};
    assert_int_equal(wn_reader_open(&r, path, &opts, &err), WN_OK);
    seen s = {0};
    wn_rowpipe *p = wn_rowpipe_open(r, 2, on_reject, NULL, &s);
    const wn_row *rows;
    size_t n, accepted = 0, i = 0;
    while ((n = wn_rowpipe_next(p, &rows)) > 0) {
        for (size_t k = 0; k < n; k++) {
            do
                i++;
            while (i % 7 == 1 || i % 7 == 3 || i % 7 == 5);
            char id[32], name[64];
            snprintf(id, sizeof id, "%zu", i);
            snprintf(name, sizeof name, "name\n%zu Caf\xc3\xa9", i);
            assert_int_equal(rows[k].ncells, 2);
            assert_string_equal(rows[k].cells[0].ptr, id);
            assert_string_equal(rows[k].cells[1].ptr, name);
            assert_int_equal(rows[k].cells[1].len, strlen(name));
        }
        accepted += n;
        wn_rowpipe_fill(p);
    }
    assert_int_equal(accepted, expected);
    assert_int_equal(s.nrejects, 3000 - expected + 1);
    assert_int_equal(wn_rowpipe_finish(p, NULL), WN_OK);
    wn_reader_close(r);
    wn_buf_free(&text);
}

/* A reading error ends the batches and is what finish returns. */
static void test_reading_error_reported(void **state)
{
    (void)state;
    const char *path = tu_truncated_gzip(50000, 20000);
    wn_reader *r = open_reader(path);
    wn_rowpipe *p = wn_rowpipe_open(r, 1, NULL, NULL, NULL);
    const wn_row *rows;
    size_t total = 0, n;
    while ((n = wn_rowpipe_next(p, &rows)) > 0)
        total += n;
    assert_true(total > 0 && total < 50000);
    wn_error err;
    assert_int_equal(wn_rowpipe_finish(p, &err), WN_EINPUT);
    assert_non_null(strstr(err.msg, path));
    wn_reader_close(r);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row_once_in_order),
        cmocka_unit_test(test_held_batches_survive_reading_ahead),
        cmocka_unit_test(test_reading_error_reported),
        cmocka_unit_test(test_rejects_leave_rows_intact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
