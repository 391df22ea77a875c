/*
 * embedded.c -- looking up the files compiled in from rules/; see embedded.h.
 */
#include "embedded.h"

#include <string.h>

const wn_embedded_file *wn_embedded_find(const char *name)
{
    for (const wn_embedded_file *f = wn_embedded_files; f->name; f++)
        if (strcmp(f->name, name) == 0) return f;
    return NULL;
}
