/*
 * kinds.h -- what a profiled column holds, and the value shapes it counts.
 *
 * A column's kind is not judged here from its header: it is read off the
 * field the ingest's column recognition gave the column (columns.h), the
 * same model `winnow run` cleans and matches with, so `profile` and `run`
 * never disagree about what a column is.
 */
#ifndef WN_KINDS_H
#define WN_KINDS_H

#include <stddef.h>

#include "fields.h"
#include "winnow.h"

/* The kind (enum wn_column_kind) of a column holding field `f`: email;
 * phone for phone, mobile and fax; date for birth, created and modified
 * dates; text for every other field and for WN_F_NONE. */
int wn_kind_of_field(wn_field f);

/* wn_value_shape(), and the value's length in code points (as
 * wn_utf8_length counts them) into *chars: the profile needs both of every
 * value, and this reads it once. */
size_t wn_value_shape_chars(const char *s, size_t len, char *out, size_t cap, size_t *chars);

#endif
