/*
 * error.h -- filling a wn_error from an errno (wn_fail itself is public).
 *
 * Every engine function that can fail takes a `wn_error *` (which may be NULL)
 * and returns a negative wn_status. wn_fail() does both in one statement:
 *
 *     return wn_fail(err, WN_EINPUT, "%s:%llu: header row is empty", path, line);
 */
#ifndef WN_ERROR_H
#define WN_ERROR_H

#include "winnow.h"

/* Like wn_fail() with WN_EIO, appending ": strerror(errno_value)". */
int wn_fail_errno(wn_error *err, int errno_value, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
