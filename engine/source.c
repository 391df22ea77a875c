/*
 * source.c -- the decompressed bytes of one input; see source.h.
 *
 * Plain input: the first bytes read (to look for the gzip magic) are handed out
 * from `raw` first, then reads go straight into the caller's buffer.
 * Gzip input: `raw` holds compressed bytes; zlib inflates them into the
 * caller's buffer. At the end of one gzip member, another may follow.
 */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"

static ssize_t read_some(wn_source *s, void *dst, size_t cap, wn_error *err)
{
    for (;;) {
        ssize_t n = read(s->fd, dst, cap);
        if (n >= 0) {
            if (n == 0) s->raw_eof = true;
            s->bytes_read += (uint64_t)n;
            return n;
        }
        if (errno != EINTR) return wn_fail_errno(err, errno, "%s: read failed", s->name);
    }
}

/* Fills `raw` with at least `want` bytes, or up to the end of the file. */
static int fill_raw(wn_source *s, size_t want, wn_error *err)
{
    while (s->raw_len < want && !s->raw_eof) {
        ssize_t n = read_some(s, s->raw + s->raw_len, s->read_size - s->raw_len, err);
        if (n < 0) return (int)n;
        s->raw_len += (size_t)n;
    }
    return WN_OK;
}

int wn_source_open(wn_source *s, const char *path, size_t read_size, wn_error *err)
{
    memset(s, 0, sizeof *s);
    s->read_size = read_size < 2 ? 2 : read_size;
    if (strcmp(path, "-") == 0) {
        s->fd = STDIN_FILENO;
        s->name = "<stdin>";
    } else {
        s->name = path;
        s->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (s->fd < 0) return wn_fail_errno(err, errno, "%s: cannot open", path);
        struct stat st;
        if (fstat(s->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(s->fd);
            s->fd = -1;
            return wn_fail(err, WN_EIO, "%s: is a directory", path);
        }
        if (fstat(s->fd, &st) == 0 && S_ISREG(st.st_mode)) s->bytes_total = (uint64_t)st.st_size;
    }
    s->raw = wn_xmalloc(s->read_size);
    int rc = fill_raw(s, 2, err);
    if (rc < 0) return rc;
    s->gzip = s->raw_len >= 2 && s->raw[0] == 0x1f && s->raw[1] == 0x8b;
    if (s->gzip) {
        if (inflateInit2(&s->zs, 15 + 16) != Z_OK)
            return wn_fail(err, WN_ENOMEM, "%s: cannot start gzip decoder", s->name);
        s->zs_ready = true;
    }
    return WN_OK;
}

/* After one gzip member ends: is another one next? Trailing zero bytes (tape
 * padding) are allowed; any other trailing data is an error, since silently
 * dropping it could drop customers. */
static int next_member(wn_source *s, bool *more, wn_error *err)
{
    for (;;) {
        if (s->raw_pos == s->raw_len) {
            if (s->raw_eof) {
                *more = false;
                return WN_OK;
            }
            s->raw_pos = s->raw_len = 0;
            int rc = fill_raw(s, 1, err);
            if (rc < 0) return rc;
            continue;
        }
        if (s->raw[s->raw_pos] == 0) {
            s->raw_pos++;
            continue;
        }
        /* Make sure two bytes are visible to test the magic. */
        if (s->raw_len - s->raw_pos < 2 && !s->raw_eof) {
            memmove(s->raw, s->raw + s->raw_pos, s->raw_len - s->raw_pos);
            s->raw_len -= s->raw_pos;
            s->raw_pos = 0;
            int rc = fill_raw(s, 2, err);
            if (rc < 0) return rc;
        }
        if (s->raw_len - s->raw_pos >= 2 && s->raw[s->raw_pos] == 0x1f &&
            s->raw[s->raw_pos + 1] == 0x8b) {
            inflateReset(&s->zs);
            *more = true;
            return WN_OK;
        }
        return wn_fail(err, WN_EINPUT, "%s: unexpected data after the end of the gzip stream",
                       s->name);
    }
}

static ssize_t read_gzip(wn_source *s, void *dst, size_t cap, wn_error *err)
{
    if (cap > UINT32_MAX) cap = UINT32_MAX;
    s->zs.next_out = dst;
    s->zs.avail_out = (uInt)cap;
    while (s->zs.avail_out > 0 && !s->done) {
        if (s->raw_pos == s->raw_len) {
            if (s->raw_eof) {
                if (s->zs.avail_out < cap)
                    break; /* hand out what we have; the next call reports it */
                return wn_fail(err, WN_EINPUT,
                               "%s: gzip data is truncated (ends after %llu compressed bytes)",
                               s->name, (unsigned long long)s->bytes_read);
            }
            s->raw_pos = s->raw_len = 0;
            ssize_t n = read_some(s, s->raw, s->read_size, err);
            if (n < 0) return n;
            s->raw_len = (size_t)n;
            continue;
        }
        s->zs.next_in = s->raw + s->raw_pos;
        s->zs.avail_in = (uInt)(s->raw_len - s->raw_pos);
        int zrc = inflate(&s->zs, Z_NO_FLUSH);
        s->raw_pos = s->raw_len - s->zs.avail_in;
        if (zrc == Z_STREAM_END) {
            bool more = false;
            int rc = next_member(s, &more, err);
            if (rc < 0) return rc;
            s->done = !more;
        } else if (zrc != Z_OK && zrc != Z_BUF_ERROR) {
            uint64_t at = s->bytes_read - (s->raw_len - s->raw_pos);
            return wn_fail(err, WN_EINPUT, "%s: corrupt gzip data near compressed byte %llu: %s",
                           s->name, (unsigned long long)at,
                           s->zs.msg ? s->zs.msg : "inflate failed");
        }
        /* Return as soon as there is something: the reader takes any size. */
        if (s->zs.avail_out < cap) break;
    }
    return (ssize_t)(cap - s->zs.avail_out);
}

ssize_t wn_source_read(wn_source *s, void *dst, size_t cap, wn_error *err)
{
    if (cap == 0) return 0;
    if (s->gzip) return read_gzip(s, dst, cap, err);
    if (s->raw_pos < s->raw_len) {
        size_t n = s->raw_len - s->raw_pos;
        if (n > cap) n = cap;
        memcpy(dst, s->raw + s->raw_pos, n);
        s->raw_pos += n;
        return (ssize_t)n;
    }
    if (s->raw_eof) return 0;
    return read_some(s, dst, cap, err);
}

void wn_source_close(wn_source *s)
{
    if (s->zs_ready) inflateEnd(&s->zs);
    if (s->fd > STDIN_FILENO) close(s->fd);
    free(s->raw);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}
