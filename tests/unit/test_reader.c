/*
 * test_reader.c -- the streaming CSV reader.
 *
 * Each case is an input and the transcript the reader must produce for it:
 * one line per record, `R<line>:<cell>|<cell>...` for a row and
 * `X<line>:<reason>:<raw>` for a reject, so line numbers, cell contents and
 * raw text are all checked at once. Every case runs with the default read
 * size and again with reads of 1, 2, 3, 7 and 64 bytes, so records, quoted
 * fields, CRLF pairs, multi-byte characters and the BOM split across buffer
 * refills come out exactly the same.
 */
#include "testutil.h"

#include <zlib.h>

#include "buf.h"
#include "reader.h"

static const size_t read_sizes[] = {0, 1, 2, 3, 7, 64};

/* A row's cells written into a caller's buffer (wn_reader_set_text), by
 * place: they must all still be there when the input is read, rejects' cells
 * and resets after a reject notwithstanding. */
typedef struct kept_cells {
    wn_buf text;  /* the buffer the reader writes into */
    wn_buf cells; /* the rows' cells as read, each NUL-terminated */
    size_t *at, *len, n, cap;
} kept_cells;

static void keep_row(kept_cells *k, const wn_row *row)
{
    for (size_t i = 0; i < row->ncells; i++) {
        if (k->n == k->cap) {
            k->cap = k->cap ? 2 * k->cap : 64;
            k->at = realloc(k->at, k->cap * sizeof *k->at);
            k->len = realloc(k->len, k->cap * sizeof *k->len);
        }
        k->at[k->n] = (size_t)(row->cells[i].ptr - k->text.data);
        k->len[k->n++] = row->cells[i].len;
        wn_buf_append(&k->cells, row->cells[i].ptr, row->cells[i].len + 1);
    }
}

static void check_kept(kept_cells *k)
{
    wn_buf again = {0};
    for (size_t i = 0; i < k->n; i++)
        wn_buf_append(&again, k->text.data + k->at[i], k->len[i] + 1);
    assert_int_equal(again.len, k->cells.len);
    if (again.len) assert_memory_equal(again.data, k->cells.data, again.len);
    wn_buf_free(&again);
    wn_buf_free(&k->text);
    wn_buf_free(&k->cells);
    free(k->at);
    free(k->len);
}

/* Runs `path` through the reader and returns the transcript (malloc'd).
 * `external`: the reader writes cells into a buffer of the test's. */
static char *transcript_to(const char *path, size_t read_size, char delimiter, size_t max_record,
                           wn_reader_stats *stats, bool external)
{
    wn_reader_opts opts = {
        .delimiter = delimiter, .read_size = read_size, .max_record_bytes = max_record};
    wn_reader *r = NULL;
    wn_error err;
    assert_int_equal(wn_reader_open(&r, path, &opts, &err), WN_OK);
    kept_cells kept = {0};
    if (external) wn_reader_set_text(r, &kept.text);
    wn_buf out = {0};
    const wn_header *h = wn_reader_header(r);
    wn_buf_puts(&out, "H:");
    for (size_t i = 0; i < h->ncols; i++)
        wn_buf_printf(&out, "%s%s", i ? "|" : "", h->names[i]);
    wn_buf_putc(&out, '\n');
    wn_row row;
    int rc;
    while ((rc = wn_reader_next(r, &row, &err)) > 0) {
        if (rc == WN_READ_ROW) {
            if (external) keep_row(&kept, &row);
            wn_buf_printf(&out, "R%llu:", (unsigned long long)row.line);
            for (size_t i = 0; i < row.ncells; i++) {
                assert_int_equal(strlen(row.cells[i].ptr), row.cells[i].len);
                wn_buf_printf(&out, "%s%s", i ? "|" : "", row.cells[i].ptr);
            }
        } else {
            wn_buf_printf(&out, "X%llu:%s:", (unsigned long long)row.line,
                          wn_reject_reason_name(row.reject));
            for (size_t i = 0; i < row.raw_len; i++)
                wn_buf_putc(&out, row.raw[i] ? row.raw[i] : '0');
        }
        wn_buf_putc(&out, '\n');
    }
    assert_int_equal(rc, WN_READ_EOF);
    if (stats) wn_reader_stats_get(r, stats);
    wn_reader_close(r);
    if (external) check_kept(&kept);
    return wn_buf_cstr(&out);
}

static char *transcript(const char *path, size_t read_size, char delimiter, size_t max_record,
                        wn_reader_stats *stats)
{
    return transcript_to(path, read_size, delimiter, max_record, stats, false);
}

static void check_case_opts(const char *input, size_t len, const char *expected, char delimiter)
{
    const char *path = tu_temp_file(input, len);
    for (size_t i = 0; i < 2 * (sizeof read_sizes / sizeof read_sizes[0]); i++) {
        bool external = i % 2; /* each read size with the reader's buffer, then a caller's */
        size_t read_size = read_sizes[i / 2];
        char *got = transcript_to(path, read_size, delimiter, 0, NULL, external);
        if (strcmp(got, expected) != 0) {
            print_error("read_size %zu%s:\n--- expected\n%s--- got\n%s", read_size,
                        external ? ", caller's buffer" : "", expected, got);
            free(got);
            fail();
        }
        free(got);
    }
}

#define check_case(input, expected) check_case_opts(input, sizeof(input) - 1, expected, 0)

static void test_basic(void **state)
{
    (void)state;
    check_case("id,name\n1,Ann\n2,Bob\n", "H:id|name\nR2:1|Ann\nR3:2|Bob\n");
}

static void test_no_final_newline(void **state)
{
    (void)state;
    check_case("id,name\n1,Ann\n2,Bob", "H:id|name\nR2:1|Ann\nR3:2|Bob\n");
}

static void test_crlf_and_bom(void **state)
{
    (void)state;
    check_case("\xEF\xBB\xBFid,name\r\n1,Ann\r\n2,Bob\r\n", "H:id|name\nR2:1|Ann\nR3:2|Bob\n");
    wn_reader_stats st;
    const char in[] = "\xEF\xBB\xBFid,name\r\n1,Ann\r\n";
    free(transcript(tu_temp_file(in, sizeof in - 1), 0, 0, 0, &st));
    assert_true(st.bom);
    assert_string_equal(st.line_ending, "CRLF");
}

static void test_cr_only(void **state)
{
    (void)state;
    check_case("id,name\r1,Ann\r2,Bob\r", "H:id|name\nR2:1|Ann\nR3:2|Bob\n");
}

/* In LF and CRLF files a CR that does not end a line is a blank: trimmed at
 * the ends of a cell, kept inside it, data inside quotes. */
static void test_stray_carriage_returns(void **state)
{
    (void)state;
    check_case("id,name,city\r\n1,An\rn,Paris\r\n2,\"Bo\rb\" ,Rome\n3,Cy,Oslo\r\r\n"
               "4,\"D\r\",x \r\n5,\rE,\r\n",
               "H:id|name|city\nR2:1|An\rn|Paris\nR3:2|Bo\rb|Rome\nR4:3|Cy|Oslo\nR5:4|D\r|x\n"
               "R6:5|E|\n");
}

static void test_quoted_newlines_keep_physical_lines(void **state)
{
    (void)state;
    check_case("id,note\n1,\"two\nlines\"\n2,\"a \"\"quoted\"\" word\"\n3,x\n",
               "H:id|note\nR2:1|two\nlines\nR4:2|a \"quoted\" word\nR5:3|x\n");
    check_case("id,note\r\n1,\"two\r\nlines\"\r\n2,y\r\n",
               "H:id|note\nR2:1|two\r\nlines\nR4:2|y\n");
}

static void test_spaces_after_delimiter(void **state)
{
    (void)state;
    check_case("rec_id, given_name, surname\nrec-1, ann , smith\n",
               "H:rec_id|given_name|surname\nR2:rec-1|ann|smith\n");
}

static void test_sniff_delimiters(void **state)
{
    (void)state;
    check_case("id;name;city\n1;Ann, Jr;Köln\n", "H:id|name|city\nR2:1|Ann, Jr|Köln\n");
    check_case("id\tname\n1\tAnn\n", "H:id|name\nR2:1|Ann\n");
    check_case("id|name\n1|Ann\n", "H:id|name\nR2:1|Ann\n");
    /* Excel's "sep=" line names the delimiter and is not the header. */
    check_case("sep=;\nid;name\n1;Ann\n", "H:id|name\nR3:1|Ann\n");
}

static void test_given_delimiter(void **state)
{
    (void)state;
    const char in[] = "a;b,c\n1;2,3\n";
    check_case_opts(in, sizeof in - 1, "H:a;b|c\nR2:1;2|3\n", ',');
}

static void test_blank_lines_skipped(void **state)
{
    (void)state;
    check_case("id,name\n\n1,Ann\n   \n2,Bob\n\n", "H:id|name\nR3:1|Ann\nR5:2|Bob\n");
}

static void test_ragged_rows_rejected(void **state)
{
    (void)state;
    check_case("id,name\n1,Ann,extra\n2\n3,Cy\n",
               "H:id|name\nX2:field_count:1,Ann,extra\nX3:field_count:2\nR4:3|Cy\n");
}

static void test_unterminated_quote_at_eof(void **state)
{
    (void)state;
    /* The first line of the broken record is rejected; the lines after it are
     * read again as records of their own. */
    check_case("id,name\n1,\"Ann\n2,Bob\n", "H:id|name\nX2:unterminated_quote:1,\"Ann\nR3:2|Bob\n");
}

static void test_nul_byte_rejected(void **state)
{
    (void)state;
    const char in[] = "id,name\n1,A\0n\n2,Bob\n";
    check_case_opts(in, sizeof in - 1, "H:id|name\nX2:nul_byte:1,A0n\nR3:2|Bob\n", 0);
}

static void test_duplicate_and_blank_headers(void **state)
{
    (void)state;
    const char in[] = "Email,,email,Name\na@x.io,1,b@x.io,Ann\n";
    check_case(in, "H:Email|column_2|email_2|Name\nR2:a@x.io|1|b@x.io|Ann\n");
    wn_reader *r;
    wn_error err;
    assert_int_equal(wn_reader_open(&r, tu_temp_file(in, sizeof in - 1), NULL, &err), WN_OK);
    assert_int_equal(wn_reader_header(r)->nnotes, 2);
    wn_reader_close(r);
}

/* check_case, and the count of cells read as cp1252, at every read size. */
static void check_converted(const char *input, size_t len, const char *expected, uint64_t converted)
{
    wn_reader_stats st;
    const char *path = tu_temp_file(input, len);
    for (size_t i = 0; i < sizeof read_sizes / sizeof read_sizes[0]; i++) {
        char *got = transcript(path, read_sizes[i], 0, 0, &st);
        assert_string_equal(got, expected);
        free(got);
        assert_int_equal(st.cells_converted, converted);
    }
}

static void test_cp1252_converted(void **state)
{
    (void)state;
    const char in[] = "id,name\n1,Ren\xE9\n2,Ann\n3,\x93quoted\x94\n";
    check_converted(in, sizeof in - 1,
                    "H:id|name\nR2:1|René\nR3:2|Ann\nR4:3|\xE2\x80\x9Cquoted\xE2\x80\x9D\n", 2);
}

/* A record's lines are checked as they come: a clean first line must not
 * hide a later one's cp1252 byte or NUL, and a record after a converted one
 * is checked afresh. */
static void test_bad_bytes_on_a_later_line(void **state)
{
    (void)state;
    const char in[] = "id,note\n1,\"clean\nRen\xE9\"\n2,\"a\nb\0c\"\n3,Ann\n4,\"x\ny\"\n";
    check_converted(in, sizeof in - 1,
                    "H:id|note\nR2:1|clean\nRené\nX4:nul_byte:2,\"a\nb0c\"\n"
                    "R6:3|Ann\nR7:4|x\ny\n",
                    1);
}

static void test_utf8_split_across_reads(void **state)
{
    (void)state;
    check_case("name\nJosé Müller 田中\n", "H:name\nR2:José Müller 田中\n");
}

static void test_header_only_and_empty(void **state)
{
    (void)state;
    check_case("id,name\n", "H:id|name\n");
    wn_reader *r = NULL;
    wn_error err;
    assert_int_equal(wn_reader_open(&r, tu_temp_file("", 0), NULL, &err), WN_EINPUT);
    assert_null(r);
    assert_non_null(strstr(err.msg, "empty"));
    assert_int_equal(wn_reader_open(&r, "/nonexistent/winnow.csv", NULL, &err), WN_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/winnow.csv"));
}

static void test_too_large_record(void **state)
{
    (void)state;
    wn_buf in = {0};
    wn_buf_puts(&in, "id,note\n1,short\n2,");
    for (int i = 0; i < 100000; i++) /* past what the first read holds: seen unfinished */
        wn_buf_putc(&in, 'x');
    wn_buf_puts(&in, "\n3,after\n");
    const char *path = tu_temp_file(in.data, in.len);
    for (size_t i = 0; i < 2 * (sizeof read_sizes / sizeof read_sizes[0]); i++) {
        char *got = transcript_to(path, read_sizes[i / 2], 0, 1024, NULL, i % 2);
        assert_non_null(strstr(got, "R2:1|short\nX3:too_large:2,xxx"));
        assert_non_null(strstr(got, "\nR4:3|after\n"));
        free(got);
    }
    wn_buf_free(&in);
}

static void test_big_field_accepted(void **state)
{
    (void)state;
    /* 2 MiB in one quoted cell, over several default-size reads. */
    const size_t big = (size_t)2 << 20;
    wn_buf in = {0};
    wn_buf_puts(&in, "id,note\n1,\"");
    for (size_t i = 0; i < big; i++)
        wn_buf_putc(&in, (char)('a' + i % 26));
    wn_buf_puts(&in, "\"\n2,end\n");
    wn_reader *r;
    wn_error err;
    assert_int_equal(wn_reader_open(&r, tu_temp_file(in.data, in.len), NULL, &err), WN_OK);
    wn_row row;
    assert_int_equal(wn_reader_next(r, &row, &err), WN_READ_ROW);
    assert_int_equal(row.cells[1].len, big);
    assert_int_equal(wn_reader_next(r, &row, &err), WN_READ_ROW);
    assert_int_equal(row.line, 3);
    assert_int_equal(wn_reader_next(r, &row, &err), WN_READ_EOF);
    wn_reader_close(r);
    wn_buf_free(&in);
}

static void test_gzip_by_magic(void **state)
{
    (void)state;
    char path[] = "/tmp/winnow-test-gz-XXXXXX"; /* no .gz in the name on purpose */
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    gzFile gz = gzdopen(fd, "wb");
    const char text[] = "id;name\r\n1;Ann\r\n2;\"B\r\nob\"\r\n";
    assert_int_equal(gzwrite(gz, text, sizeof text - 1), (int)(sizeof text - 1));
    gzclose(gz);
    for (size_t i = 0; i < sizeof read_sizes / sizeof read_sizes[0]; i++) {
        wn_reader_stats st;
        char *got = transcript(path, read_sizes[i], 0, 0, &st);
        assert_string_equal(got, "H:id|name\nR2:1|Ann\nR3:2|B\r\nob\n");
        assert_true(st.gzip);
        assert_int_equal(st.delimiter, ';');
        free(got);
    }
    unlink(path);
}

static void test_truncated_gzip_is_an_error(void **state)
{
    (void)state;
    const char *path = tu_truncated_gzip(20000, 3000);
    wn_reader *r;
    wn_error err;
    int rc = wn_reader_open(&r, path, NULL, &err);
    if (rc == WN_OK) {
        wn_row row;
        while ((rc = wn_reader_next(r, &row, &err)) > 0)
            ;
        wn_reader_close(r);
    }
    assert_int_equal(rc, WN_EINPUT);
    assert_non_null(strstr(err.msg, path));
    unlink(path);
}

static void test_row_numbers_and_offsets(void **state)
{
    (void)state;
    const char in[] = "id\n1\nbad,row\n3\n";
    wn_reader *r;
    wn_error err;
    assert_int_equal(wn_reader_open(&r, tu_temp_file(in, sizeof in - 1), NULL, &err), WN_OK);
    wn_row row;
    const uint64_t numbers[] = {1, 2, 3}, offsets[] = {3, 5, 13};
    for (int i = 0; i < 3; i++) {
        assert_true(wn_reader_next(r, &row, &err) > 0);
        assert_int_equal(row.number, numbers[i]);
        assert_int_equal(row.offset, offsets[i]);
    }
    wn_reader_stats st;
    wn_reader_stats_get(r, &st);
    assert_int_equal(st.rows, 2);
    assert_int_equal(st.rejects, 1);
    wn_reader_close(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_no_final_newline),
        cmocka_unit_test(test_crlf_and_bom),
        cmocka_unit_test(test_cr_only),
        cmocka_unit_test(test_stray_carriage_returns),
        cmocka_unit_test(test_quoted_newlines_keep_physical_lines),
        cmocka_unit_test(test_spaces_after_delimiter),
        cmocka_unit_test(test_sniff_delimiters),
        cmocka_unit_test(test_given_delimiter),
        cmocka_unit_test(test_blank_lines_skipped),
        cmocka_unit_test(test_ragged_rows_rejected),
        cmocka_unit_test(test_unterminated_quote_at_eof),
        cmocka_unit_test(test_nul_byte_rejected),
        cmocka_unit_test(test_duplicate_and_blank_headers),
        cmocka_unit_test(test_cp1252_converted),
        cmocka_unit_test(test_bad_bytes_on_a_later_line),
        cmocka_unit_test(test_utf8_split_across_reads),
        cmocka_unit_test(test_header_only_and_empty),
        cmocka_unit_test(test_too_large_record),
        cmocka_unit_test(test_big_field_accepted),
        cmocka_unit_test(test_gzip_by_magic),
        cmocka_unit_test(test_truncated_gzip_is_an_error),
        cmocka_unit_test(test_row_numbers_and_offsets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
