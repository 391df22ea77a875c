/*
 * utf8.h -- the text checks the reader needs on every cell.
 *
 * Cells are checked with an 8-bytes-at-a-time ASCII fast path (CRM exports are
 * mostly ASCII); anything else is decoded with utf8proc_iterate(), which
 * rejects overlong forms, surrogates and out-of-range code points. Text that
 * is not valid UTF-8 is taken to be Windows-1252, the encoding Excel writes
 * "CSV" in on Western Windows machines, and converted; that mapping is total
 * (the five bytes cp1252 leaves undefined map to the C1 controls of the same
 * value, as Windows does), so conversion never fails and never loses a byte.
 */
#ifndef WN_UTF8_H
#define WN_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

enum {
    WN_TEXT_INVALID_UTF8 = 1, /* not valid UTF-8 */
    WN_TEXT_HAS_NUL = 2,      /* contains a NUL byte */
};

/* Returns a mask of WN_TEXT_* flags; 0 means valid UTF-8 without NUL. */
int wn_utf8_check(const char *s, size_t len);

/* Appends `s` (taken as Windows-1252) to `out` as UTF-8. */
void wn_cp1252_to_utf8(wn_buf *out, const char *s, size_t len);

/* Appends `s` to `out` as valid UTF-8: kept if it is, converted from
 * Windows-1252 if not; with `show_nul`, NUL bytes become U+2400. */
void wn_utf8_sanitize(wn_buf *out, const char *s, size_t len, bool show_nul);

/* Number of code points in valid UTF-8 text. */
size_t wn_utf8_length(const char *s, size_t len);

#endif
