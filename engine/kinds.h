/*
 * kinds.h -- what a column holds, judged from its header, and whether a value
 * is plausible for it.
 *
 * This is the profile's quick judgement ("is this obviously not an email?").
 * The checks are deliberately syntactic: an email needs one @, a plausible
 * local part and a dotted domain; a phone 7 to 15 digits (E.164's maximum)
 * with only the punctuation people write phones with; a date one of the forms
 * CRM vendors export, with a real month and day.
 */
#ifndef WN_KINDS_H
#define WN_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "winnow.h"

int wn_kind_from_header(const char *name);
bool wn_kind_value_valid(int kind, const char *s, size_t len);

/* wn_value_shape(), and the value's length in code points (as
 * wn_utf8_length counts them) into *chars: the profile needs both of every
 * value, and this reads it once. */
size_t wn_value_shape_chars(const char *s, size_t len, char *out, size_t cap, size_t *chars);

#endif
