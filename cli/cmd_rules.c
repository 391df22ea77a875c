/*
 * cmd_rules.c -- `winnow rules init INPUT` and `winnow rules check FILE`.
 *
 * init writes to stdout the rules winnow would apply to INPUT with no rules
 * file: the built-in rules plus the columns recognised from INPUT's header
 * and first rows, with a comment per column saying how it was decided. Run
 * with that file, winnow does exactly what it does without it.
 *
 * check loads a rules file the way `run -r` would and reports the first
 * error as file:line:column (exit 2), or a short summary (exit 0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "columns.h"
#include "ingest.h"
#include "rules.h"

#define CMD         "rules"
#define SAMPLE_ROWS 1000

static const char usage[] =
    "usage: winnow rules init [--delimiter C] INPUT\n"
    "       winnow rules check RULES.yaml\n"
    "\n"
    "init   prints a commented rules file for INPUT: the columns winnow recognises\n"
    "       and the built-in rules. Edit it and pass it with -r.\n"
    "check  validates a rules file; errors name file:line:column (exit status 2).\n";

/* The first rows of `r`, copied, row-major (NULL for empty cells). */
static size_t read_sample(wn_reader *r, wn_arena *mem, const char ***cells_out, wn_error *err,
                          int *rc_out)
{
    size_t ncols = wn_reader_header(r)->ncols, n = 0;
    const char **cells = wn_xcalloc(SAMPLE_ROWS * ncols + 1, sizeof *cells);
    wn_row row;
    int rc;
    while (n < SAMPLE_ROWS && (rc = wn_reader_next(r, &row, err)) > 0) {
        if (rc != WN_READ_ROW) continue;
        for (size_t c = 0; c < ncols; c++)
            cells[n * ncols + c] = wn_arena_strndup(mem, row.cells[c].ptr, row.cells[c].len);
        n++;
    }
    *rc_out = rc < 0 ? rc : WN_OK;
    *cells_out = cells;
    return n;
}

static void describe_comment(const wn_input_columns *ic, const wn_header *h, const char *path,
                             wn_buf *out)
{
    wn_buf_printf(out, "# winnow rules for %s\n#\n", path);
    if (ic->region[0])
        wn_buf_printf(out,
                      "# region of national phone numbers and postal codes: %s (from the %s)\n",
                      ic->region, ic->region_from);
    wn_buf table = {0};
    if (ic->map.cols) {
        wn_columns_describe(&ic->map, (const char *const *)h->names, &table);
    }
    wn_buf_cstr(&table);
    /* Each line of the description becomes a comment line. */
    for (const char *p = table.data ? table.data : ""; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        wn_buf_puts(out, len ? "# " : "#");
        wn_buf_append(out, p, len);
        wn_buf_putc(out, '\n');
        p += len + (nl != NULL);
    }
    wn_buf_puts(out, "#\n# Sections left out of a rules file keep the built-in defaults; see\n"
                     "# rules/README.md for the language.\n\n");
    wn_buf_free(&table);
}

static int rules_init(const char *path, char delimiter, wn_error *err)
{
    wn_rules *rules = NULL;
    wn_columns *cols = NULL;
    wn_reader *reader = NULL;
    wn_arena mem = {0};
    const char **cells = NULL;
    wn_input_columns ic;
    memset(&ic, 0, sizeof ic);
    wn_reader_opts ropts = {.delimiter = delimiter};
    int rc = wn_rules_load_default(&rules, err);
    if (rc == WN_OK) rc = wn_columns_load(&cols, err);
    if (rc == WN_OK) rc = wn_reader_open(&reader, path, &ropts, err);
    if (rc == WN_OK) {
        size_t n = read_sample(reader, &mem, &cells, err, &rc);
        if (rc == WN_OK)
            rc = wn_ingest_resolve_columns(rules, cols, wn_reader_header(reader), n, cells, &ic,
                                           err);
    }
    if (rc == WN_OK) {
        /* The recognised columns become the rules' own. */
        rules->columns = ic.cols;
        rules->ncolumns = ic.ncols;
        rules->columns_given = true;
        memcpy(rules->default_country, ic.region, sizeof rules->default_country);
        wn_buf comment = {0};
        describe_comment(&ic, wn_reader_header(reader), wn_reader_path(reader), &comment);
        wn_rules_write_yaml(rules, stdout, wn_buf_cstr(&comment));
        wn_buf_free(&comment);
        rules->columns = NULL;
        rules->ncolumns = 0;
        if (fflush(stdout) != 0) rc = wn_fail(err, WN_EIO, "cannot write to standard output");
    }
    free(cells);
    wn_arena_free(&mem);
    wn_input_columns_free(&ic);
    wn_reader_close(reader);
    wn_columns_free(cols);
    wn_rules_free(rules);
    return rc;
}

static int rules_check(const char *path, wn_error *err)
{
    wn_rules *r;
    int rc = wn_rules_load_file(&r, path, err);
    if (rc < 0) return rc;
    printf("%s: valid rules: %zu column%s%s, %zu blocking pass%s, %zu comparison%s, "
           "%zu check%s\n",
           path, r->ncolumns, r->ncolumns == 1 ? "" : "s",
           r->columns_given ? "" : " (recognised from each export's header)", r->npasses,
           r->npasses == 1 ? "" : "es", r->ncomparisons, r->ncomparisons == 1 ? "" : "s",
           r->nchecks, r->nchecks == 1 ? "" : "s");
    wn_rules_free(r);
    return WN_OK;
}

int cmd_rules(int argc, char **argv)
{
    cli_opts o;
    int prc = cli_parse(&o, argc, argv, 0, usage);
    if (prc != 0) return prc > 0 ? EXIT_DONE : EXIT_USAGE;
    if (o.nargs != 2 || (strcmp(o.args[0], "init") != 0 && strcmp(o.args[0], "check") != 0)) {
        cli_error(CMD, "expected 'init INPUT' or 'check RULES.yaml'\n%s", usage);
        return EXIT_USAGE;
    }
    wn_error err = {0};
    int rc = strcmp(o.args[0], "init") == 0 ? rules_init(o.args[1], o.delimiter, &err)
                                            : rules_check(o.args[1], &err);
    if (rc < 0) {
        cli_error(CMD, "%s", err.msg);
        return cli_exit_for(rc);
    }
    return EXIT_DONE;
}
