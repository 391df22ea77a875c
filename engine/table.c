/*
 * table.c -- reference tables; see table.h.
 */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "embedded.h"

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static void add_row(wn_table *t, char *line, size_t lineno, size_t *cap)
{
    size_t nfields = 1;
    for (char *p = line; *p; p++)
        nfields += *p == ',';
    if (t->nrows == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        t->rows = wn_xrealloc(t->rows, *cap * sizeof *t->rows);
    }
    wn_table_row *row = &t->rows[t->nrows++];
    row->nfields = nfields;
    row->fields = wn_xmalloc(nfields * sizeof *row->fields);
    row->line = lineno;
    size_t i = 0;
    for (char *field = line;;) {
        char *comma = strchr(field, ',');
        if (comma) *comma = '\0';
        row->fields[i++] = trim(field);
        if (!comma) break;
        field = comma + 1;
    }
}

void wn_table_parse(wn_table *t, const char *name, const char *text, size_t len)
{
    memset(t, 0, sizeof *t);
    t->name = name;
    t->text = wn_xstrndup(text, len);
    size_t cap = 0, lineno = 0;
    for (char *line = t->text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        lineno++;
        char *content = trim(line);
        if (*content && *content != '#') add_row(t, content, lineno, &cap);
        line = nl ? nl + 1 : NULL;
    }
}

int wn_table_load_embedded(wn_table *t, const char *name, wn_error *err)
{
    const wn_embedded_file *f = wn_embedded_find(name);
    if (!f) {
        memset(t, 0, sizeof *t);
        return wn_fail(err, WN_EINPUT, "no built-in table rules/%s", name);
    }
    wn_table_parse(t, f->name, f->data, f->len);
    return WN_OK;
}

void wn_table_free(wn_table *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i].fields);
    free(t->rows);
    free(t->text);
    memset(t, 0, sizeof *t);
}
