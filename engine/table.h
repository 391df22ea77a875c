/*
 * table.h -- reading the reference tables under rules/data/.
 *
 * The tables are simple on purpose: UTF-8 text, one record per line, fields
 * separated by commas, no quoting (no field needs a comma), `#` starts a
 * comment line, blank lines are ignored, blanks around fields are trimmed.
 * A table is read once into memory it owns; rows are arrays of C strings.
 */
#ifndef WN_TABLE_H
#define WN_TABLE_H

#include <stddef.h>

#include "winnow.h"

typedef struct wn_table_row {
    size_t nfields;
    const char **fields;
    size_t line; /* in the table file, for messages */
} wn_table_row;

typedef struct wn_table {
    const char *name;
    size_t nrows;
    wn_table_row *rows;
    char *text; /* owned copy the fields point into */
} wn_table;

/* Parses `len` bytes of table text. Never fails on content (every line is a
 * row); `name` is kept for messages. */
void wn_table_parse(wn_table *t, const char *name, const char *text, size_t len);

/* Loads the embedded file rules/<name> (e.g. "data/nicknames.csv"). Fails with
 * WN_EINPUT if no such file is compiled in. */
int wn_table_load_embedded(wn_table *t, const char *name, wn_error *err);

void wn_table_free(wn_table *t);

#endif
