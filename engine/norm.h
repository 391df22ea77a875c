/*
 * norm.h -- what every normalizer shares.
 *
 * A normalizer is a small pure function: it reads one raw cell (bytes, not
 * necessarily NUL-terminated, already valid UTF-8) and writes the canonical
 * form into a caller-owned wn_buf, which it clears first. It returns how the
 * value fared, so validation can report it without normalizing twice:
 *
 *   WN_NORM_EMPTY       nothing there (blank or only spaces/punctuation)
 *   WN_NORM_OK          a usable value; `out` holds its canonical form
 *   WN_NORM_INVALID     cannot be this kind of value (`out` holds a best effort,
 *                       which matching must not rely on)
 *   WN_NORM_SUSPICIOUS  well-formed but unlikely (e.g. a birth date in 1850)
 *
 * Placeholders (n/a, test@test.com, 000-000-0000) are decided by validation
 * from the rules, not here: a normalizer only knows the shape of a value.
 * Normalizers keep no state between calls except read-only tables built once,
 * so threads can call them concurrently with their own output buffers.
 */
#ifndef WN_NORM_H
#define WN_NORM_H

typedef enum wn_norm_status {
    WN_NORM_EMPTY = 0,
    WN_NORM_OK,
    WN_NORM_INVALID,
    WN_NORM_SUSPICIOUS
} wn_norm_status;

#endif
