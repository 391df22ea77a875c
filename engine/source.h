/*
 * source.h -- the bytes of one input, decompressed.
 *
 * A source is a path or "-" (standard input). Compression is decided by the
 * first two bytes (the gzip magic 1f 8b), never by the file name, so a gzip
 * export saved as `contacts.csv` or piped in on stdin is read all the same.
 * Concatenated gzip members (what `cat a.gz b.gz` or parallel gzip writes) are
 * read one after another. Memory is two fixed buffers of `read_size` bytes.
 */
#ifndef WN_SOURCE_H
#define WN_SOURCE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <zlib.h>

#include "winnow.h"

typedef struct wn_source {
    int fd;
    const char *name; /* for messages: the path, or "<stdin>" */
    size_t read_size;
    bool gzip;
    bool raw_eof;            /* the file has no more bytes */
    bool done;               /* no more decoded bytes will come */
    unsigned char *raw;      /* compressed bytes waiting for inflate (gzip only) */
    size_t raw_len, raw_pos; /* first bytes read before we knew (plain only too) */
    z_stream zs;
    bool zs_ready;
    uint64_t bytes_read;  /* from the file */
    uint64_t bytes_total; /* file size, 0 for pipes */
} wn_source;

int wn_source_open(wn_source *s, const char *path, size_t read_size, wn_error *err);

/* Reads up to `cap` decoded bytes into `dst`. Returns the count (0 at the end)
 * or a negative wn_status: WN_EIO for read errors, WN_EINPUT for corrupt or
 * truncated gzip data. */
ssize_t wn_source_read(wn_source *s, void *dst, size_t cap, wn_error *err);

void wn_source_close(wn_source *s);

#endif
