/*
 * testutil.h -- shared helpers for the cmocka unit tests.
 *
 * Each tests/unit/test_<module>.c is one cmocka program. Helpers here make
 * throwaway files (removed at exit) and compare strings with useful messages.
 */
#ifndef WN_TESTUTIL_H
#define WN_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "winnow.h"

/* Writes `len` bytes to a new temporary file and returns its path (static
 * storage, rotated among 8 slots). The file is removed when the test exits. */
static inline const char *tu_temp_file(const void *data, size_t len)
{
    static char paths[8][64];
    static int next;
    char *path = paths[next++ % 8];
    snprintf(path, sizeof paths[0], "/tmp/winnow-test-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

/* A gzip file of a header and `rows` rows `i,name number ...`, cut after
 * its first `keep` bytes: a stream that breaks off. Returns its path (static
 * storage, rotated among 4 slots); the caller removes it. */
static inline const char *tu_truncated_gzip(int rows, long keep)
{
    static char paths[4][64];
    static int next;
    char *path = paths[next++ % 4];
    snprintf(path, sizeof paths[0], "/tmp/winnow-test-gz-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    gzFile gz = gzdopen(fd, "wb");
    gzputs(gz, "id,name\n");
    for (int i = 0; i < rows; i++)
        gzprintf(gz, "%d,name number %d\n", i, i * 7919);
    gzclose(gz);
    assert_int_equal(truncate(path, keep), 0);
    return path;
}

/* NUL-terminated contents of a file, malloc'd. */
static inline char *tu_read_file(const char *path, size_t *len_out)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    if (len_out) *len_out = (size_t)n;
    return buf;
}

/* Compares a cell to an expected NUL-terminated string. */
#define tu_assert_cell(cell, expected)                                                             \
    do {                                                                                           \
        const wn_cell tu_c_ = (cell);                                                              \
        assert_int_equal(tu_c_.len, strlen(expected));                                             \
        assert_memory_equal(tu_c_.ptr, (expected), tu_c_.len);                                     \
    } while (0)

#endif
