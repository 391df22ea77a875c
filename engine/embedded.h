/*
 * embedded.h -- the files under rules/ that are compiled into the library.
 *
 * The default rules and the reference tables (nicknames, honorifics, street
 * types, legal suffixes, countries, phone numbering plans, vendor header
 * mappings) are data, kept as files under rules/ where people can read and
 * review them. The build turns each into a byte array (scripts/embed.sh), so
 * the program needs no installed data directory. Each is NUL-terminated.
 */
#ifndef WN_EMBEDDED_H
#define WN_EMBEDDED_H

#include <stddef.h>

typedef struct wn_embedded_file {
    const char *name; /* path below rules/, e.g. "data/nicknames.csv" */
    const char *data;
    size_t len;
} wn_embedded_file;

extern const wn_embedded_file wn_embedded_files[]; /* ends with a NULL name */

/* The embedded file called `name`, or NULL. */
const wn_embedded_file *wn_embedded_find(const char *name);

#endif
