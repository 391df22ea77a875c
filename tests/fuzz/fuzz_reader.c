/*
 * fuzz_reader.c -- libFuzzer target for the reader (`make fuzz`).
 *
 * Every input is a file the reader opens as it would an export: sniffed,
 * gunzipped when it starts with gzip's magic, parsed a chunk at a time. The
 * chunk size and the record size limit come from the input's length, so
 * the fuzzer also splits fields across reads and meets over-long records.
 * Besides the sanitizers' checks, it checks what the reader promises: each
 * cell is NUL-terminated at its length, rows and rejects come with line
 * numbers that never go back, and reading ends at EOF or with an error.
 * Every other input is read into a buffer of the target's (reader.h), as the
 * row pipe does, and then every row's cells must still be there at the end.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "reader.h"
#include "winnow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void remove_input(void)
{
    unlink(path);
}

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_reader: %s\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/winnow-fuzz-%ld", (long)getpid());
        atexit(remove_input);
    }
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    if (size) fwrite(data, 1, size, f);
    fclose(f);

    wn_reader_opts opts = {.read_size = 1 + size % 61, .max_record_bytes = 64 + size % 4096};
    wn_reader *r = NULL;
    wn_error err;
    if (wn_reader_open(&r, path, &opts, &err) != WN_OK) return 0;
    wn_buf text = {0}, copies = {0}, places = {0}; /* places: (offset, length) pairs */
    bool external = size % 2;
    if (external) wn_reader_set_text(r, &text);
    wn_row row;
    int rc;
    uint64_t last_line = 0;
    while ((rc = wn_reader_next(r, &row, &err)) > 0) {
        check(row.line >= last_line, "line numbers went back");
        last_line = row.line;
        if (rc != WN_READ_ROW) continue;
        for (size_t i = 0; i < row.ncells; i++) {
            check(row.cells[i].ptr[row.cells[i].len] == '\0', "a cell is not NUL-terminated");
            if (!external) continue;
            size_t place[2] = {(size_t)(row.cells[i].ptr - text.data), row.cells[i].len};
            wn_buf_append(&places, place, sizeof place);
            wn_buf_append(&copies, row.cells[i].ptr, row.cells[i].len);
        }
    }
    check(rc == WN_READ_EOF || rc < 0, "reading ended without EOF or an error");
    size_t at = 0;
    for (size_t k = 0; k + 2 * sizeof(size_t) <= places.len; k += 2 * sizeof(size_t)) {
        size_t place[2];
        memcpy(place, places.data + k, sizeof place);
        check(place[0] + place[1] < text.len + 1 &&
                  memcmp(text.data + place[0], copies.data + at, place[1]) == 0,
              "a row's cells were overwritten in the caller's buffer");
        at += place[1];
    }
    wn_reader_close(r);
    wn_buf_free(&text);
    wn_buf_free(&copies);
    wn_buf_free(&places);
    return 0;
}
