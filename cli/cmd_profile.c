/*
 * cmd_profile.c -- `winnow profile`: the analyst's first look at an export.
 *
 * The session (session.h) loads the rules and opens every input (its header
 * read) before anything is written, so an unreadable input stops the run with
 * nothing written. Each input is then streamed once through the same ingest
 * as `winnow run`: every accepted row feeds its profile (the session's
 * column hook, in input order) and is validated into quality.csv; rejects go
 * to rejects.csv. Each column's kind and invalid count are then taken from
 * the ingest (column recognition, the normalizers' findings), so the profile
 * and quality.csv never disagree. Outputs: profile.csv, quality.csv,
 * report.json, rejects.csv, committed together at the end; a readable table
 * on stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kinds.h"
#include "session.h"

static const char usage[] =
    "usage: winnow profile [-r RULES.yaml] [-o OUTDIR] [--delimiter C] [-j N] [-q] INPUT...\n"
    "\n"
    "Profiles every column of each INPUT (a CSV or CSV.gz file, or - for stdin):\n"
    "fill rate, distinct values, lengths, top values and value shapes, and the\n"
    "kind of each column as `winnow run` recognises it; and validates every\n"
    "record as `winnow run` does (invalid, placeholder and missing values,\n"
    "unreachable customers). Writes profile.csv, quality.csv, report.json and\n"
    "rejects.csv to OUTDIR (default ./winnow-out) and prints a table.\n"
    "\n"
    "  -o, --output DIR      where to write (created if missing)\n"
    "  -r, --rules FILE      a rules file (see rules/README.md)\n"
    "  -d, --delimiter C     the delimiter (default: sniffed among , ; tab |)\n"
    "  -j, --threads N       threads reading, normalizing and validating (default: all CPUs)\n"
    "  -q, --quiet           no table and no progress\n"
    "      --no-progress     no progress display\n";

#define CMD "profile"

/* One input and what was learned from it. */
typedef struct profiled_input {
    const cli_input *in; /* the session's: name, reader, findings */
    wn_profile *profile;
    wn_reader_stats stats;
} profiled_input;

typedef struct profile_outputs {
    FILE *profile_csv, *report_json;
    wn_csvw profile_w;
} profile_outputs;

static int open_outputs(wn_outset *set, profile_outputs *out, wn_error *err)
{
    int rc = wn_outset_open(set, "profile.csv", &out->profile_csv, err);
    if (rc == WN_OK) rc = wn_outset_open(set, "report.json", &out->report_json, err);
    if (rc < 0) return rc;
    wn_csvw_init(&out->profile_w, out->profile_csv, true);
    return WN_OK;
}

/* The session's column hook: on worker threads, one column at a time. */
static void profile_column(void *ctx, int input, size_t col, const wn_row *rows, size_t n)
{
    profiled_input *in = ctx;
    wn_profile_add_column(in[input].profile, col, rows, n);
}

/*
 * Labels each column with what the ingest made of it: the kind of the field
 * column recognition gave it (a secondary column, carried through unchecked,
 * keeps its field's kind) and the invalid findings quality.csv holds for it.
 */
static void label_columns(wn_profile *p, const wn_ingest_result *r)
{
    const wn_input_columns *ic = &r->columns;
    for (size_t c = 0; c < ic->ncols; c++) {
        wn_field f = ic->map.cols ? ic->map.cols[c].field : ic->cols[c].field;
        wn_profile_label_column(p, c, wn_kind_of_field(f),
                                r->column_findings[c * WN_ISSUE_COUNT + WN_ISSUE_INVALID]);
    }
}

/* ---- report.json ---------------------------------------------------------- */

static void json_input(wn_json *j, const profiled_input *in)
{
    const wn_reader_stats *s = &in->stats;
    char delim[2] = {s->delimiter, '\0'};
    const wn_header *h = wn_reader_header(in->in->reader);
    wn_json_object_begin(j);
    wn_json_key(j, "path");
    wn_json_str(j, in->in->name);
    wn_json_key(j, "gzip");
    wn_json_bool(j, s->gzip);
    wn_json_key(j, "bom");
    wn_json_bool(j, s->bom);
    wn_json_key(j, "delimiter");
    wn_json_str(j, delim);
    wn_json_key(j, "delimiter_sniffed");
    wn_json_bool(j, s->delimiter_sniffed);
    wn_json_key(j, "line_ending");
    wn_json_str(j, s->line_ending);
    wn_json_key(j, "bytes");
    wn_json_u64(j, s->bytes_read);
    wn_json_key(j, "lines");
    wn_json_u64(j, s->lines);
    wn_json_key(j, "rows");
    wn_json_u64(j, s->rows);
    wn_json_key(j, "rejects");
    wn_json_u64(j, s->rejects);
    wn_json_key(j, "blank_lines");
    wn_json_u64(j, s->blank_lines);
    wn_json_key(j, "cells_converted_from_cp1252");
    wn_json_u64(j, s->cells_converted);
    wn_json_key(j, "header_notes");
    wn_json_array_begin(j);
    for (size_t i = 0; i < h->nnotes; i++)
        wn_json_str(j, h->notes[i]);
    wn_json_array_end(j);
    wn_json_key(j, "columns");
    wn_profile_write_json(in->profile, j);
    cli_json_columns(j, in->in, "quality");
    wn_json_object_end(j);
}

static void write_report(FILE *fp, const cli_session *session, const profiled_input *in, int n,
                         double seconds)
{
    uint64_t rows = 0, rejects = 0;
    for (int i = 0; i < n; i++)
        rows += in[i].stats.rows, rejects += in[i].stats.rejects;
    wn_json j;
    wn_json_init(&j, fp);
    wn_json_object_begin(&j);
    wn_json_key(&j, "tool");
    wn_json_str(&j, "winnow");
    wn_json_key(&j, "version");
    wn_json_str(&j, WN_VERSION);
    wn_json_key(&j, "command");
    wn_json_str(&j, "profile");
    wn_json_key(&j, "rows");
    wn_json_u64(&j, rows);
    wn_json_key(&j, "rejects");
    wn_json_u64(&j, rejects);
    wn_json_key(&j, "seconds");
    wn_json_double(&j, seconds);
    cli_json_findings(&j, session);
    wn_json_key(&j, "inputs");
    wn_json_array_begin(&j);
    for (int i = 0; i < n; i++)
        json_input(&j, &in[i]);
    wn_json_array_end(&j);
    wn_json_object_end(&j);
    wn_json_finish(&j);
}

/* ---- the table on stdout --------------------------------------------------- */

/* Copies at most `width` characters of `s`, marking a cut with "..". */
static const char *clip(const char *s, int width, char *buf, size_t cap)
{
    size_t n = 0;
    int chars = 0;
    for (const char *p = s; *p && n + 5 < cap; p++) {
        bool starts_char = ((unsigned char)*p & 0xC0) != 0x80;
        if (starts_char && ++chars > width - 2 && strlen(p) > 2) {
            memcpy(buf + n, "..", 2);
            n += 2;
            break;
        }
        buf[n++] = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
    }
    buf[n] = '\0';
    return buf;
}

/* Prints `s` left-aligned in `width` columns, counting characters, not bytes. */
static void print_padded(const char *s, int width)
{
    int chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    printf("%s%*s", s, width > chars ? width - chars : 0, "");
}

static void print_summary_line(const profiled_input *in)
{
    const wn_reader_stats *s = &in->stats;
    char rows[32], rejects[32];
    printf("%s: %s rows", in->in->name, cli_thousands(s->rows, rows, sizeof rows));
    if (s->rejects)
        printf(", %s rejected (see rejects.csv)",
               cli_thousands(s->rejects, rejects, sizeof rejects));
    printf(", delimiter '%s', %s", s->delimiter == '\t' ? "tab" : (char[]){s->delimiter, 0},
           s->line_ending);
    if (s->gzip) printf(", gzip");
    if (s->bom) printf(", BOM");
    if (s->cells_converted)
        printf(", %llu cells converted from Windows-1252", (unsigned long long)s->cells_converted);
    putchar('\n');
    const wn_header *h = wn_reader_header(in->in->reader);
    for (size_t i = 0; i < h->nnotes; i++)
        printf("  header: %s\n", h->notes[i]);
}

static void print_table(const profiled_input *in)
{
    print_summary_line(in);
    printf("\n%-24s %-5s %7s %17s %9s %7s  %-26s %s\n", "column", "kind", "filled", "distinct",
           "length", "invalid", "top value", "top shape");
    for (size_t i = 0; i < wn_profile_ncolumns(in->profile); i++) {
        const wn_column_profile *c = wn_profile_column(in->profile, i);
        char name[128], distinct[48], num[32], len[32], top[160], shape[160], cell[128];
        double pct = c->rows ? 100.0 * (double)c->filled / (double)c->rows : 0.0;
        snprintf(distinct, sizeof distinct, "%s%s", c->distinct_exact ? "" : "~",
                 cli_thousands(c->distinct, num, sizeof num));
        snprintf(len, sizeof len, "%zu-%zu", c->min_len, c->max_len);
        top[0] = shape[0] = '\0';
        if (c->ntop_values)
            snprintf(top, sizeof top, "%s (%llu)",
                     clip(c->top_values[0].value, 18, cell, sizeof cell),
                     (unsigned long long)c->top_values[0].count);
        if (c->ntop_shapes)
            snprintf(shape, sizeof shape, "%s (%llu)",
                     clip(c->top_shapes[0].value, 18, cell, sizeof cell),
                     (unsigned long long)c->top_shapes[0].count);
        print_padded(clip(c->name, 24, name, sizeof name), 24);
        printf(" %-5s %6.1f%% %17s %9s %7llu  ", wn_column_kind_name(c->kind), pct, distinct,
               c->filled ? len : "-", (unsigned long long)c->invalid);
        print_padded(top, 26);
        printf(" %s\n", shape);
    }
    putchar('\n');
}

/* ---- the command ----------------------------------------------------------- */

/* Findings per column and in totals, as in quality.csv. */
static void print_findings(const profiled_input *in)
{
    const wn_ingest_result *r = &in->in->res;
    uint64_t total = 0;
    for (int k = 0; k < WN_ISSUE_COUNT; k++)
        total += r->findings[k];
    char num[32];
    printf("quality: %s findings (see quality.csv)", cli_thousands(total, num, sizeof num));
    for (int k = 0; k < WN_ISSUE_COUNT; k++)
        if (r->findings[k])
            printf(", %s %s", cli_thousands(r->findings[k], num, sizeof num), wn_issue_name(k));
    printf("; mean completeness %.0f%%\n",
           r->records ? r->completeness_sum / (double)r->records : 0.0);
    for (size_t c = 0; c < r->columns.ncols; c++) {
        const uint64_t *f = &r->column_findings[c * WN_ISSUE_COUNT];
        uint64_t sum = 0;
        for (int k = 0; k < WN_ISSUE_COUNT; k++)
            sum += f[k];
        if (!sum) continue;
        char name[128];
        printf("  ");
        print_padded(clip(r->columns.cols[c].column, 24, name, sizeof name), 24);
        for (int k = 0; k < WN_ISSUE_COUNT; k++)
            if (f[k]) printf(" %s %s", cli_thousands(f[k], num, sizeof num), wn_issue_name(k));
        putchar('\n');
    }
    putchar('\n');
}

static int run(cli_session *s, profiled_input *in, const cli_opts *o, wn_error *err)
{
    double started = cli_now();
    int rc = cli_session_open(s, CMD, o, false, err);
    for (int i = 0; rc == WN_OK && i < o->nargs; i++) {
        in[i].in = &s->inputs[i];
        rc = wn_profile_new(&in[i].profile, wn_reader_header(s->inputs[i].reader), NULL, err);
    }
    if (rc < 0) return rc;
    s->on_column = profile_column;
    s->column_ctx = in;
    wn_outset *set = NULL;
    profile_outputs out;
    memset(&out, 0, sizeof out);
    rc = cli_outputs_begin(&set, o->outdir, o->args, o->nargs, err);
    if (rc == WN_OK) rc = open_outputs(set, &out, err);
    if (rc == WN_OK) rc = cli_session_ingest(s, set, err);
    for (int i = 0; rc == WN_OK && i < o->nargs; i++) {
        label_columns(in[i].profile, &s->inputs[i].res);
        wn_profile_finish(in[i].profile);
        in[i].stats = s->inputs[i].res.reader;
        wn_profile_write_csv(in[i].profile, &out.profile_w, s->inputs[i].name, i == 0);
    }
    if (rc == WN_OK) {
        write_report(out.report_json, s, in, o->nargs, cli_now() - started);
        if (wn_csvw_status(&out.profile_w))
            rc = wn_fail(err, WN_EIO, "cannot write to %s", o->outdir);
    }
    if (rc == WN_OK) rc = wn_outset_commit(set, err);
    wn_csvw_release(&out.profile_w);
    if (set) cli_outputs_end(set);
    return rc;
}

int cmd_profile(int argc, char **argv)
{
    cli_opts o;
    int prc = cli_parse(&o, argc, argv, CLI_OPT_RULES | CLI_OPT_OUTDIR | CLI_OPT_THREADS, usage);
    if (prc != 0) return prc > 0 ? EXIT_DONE : EXIT_USAGE;
    if (o.nargs < 1) {
        cli_error(CMD, "no input given\n%s", usage);
        return EXIT_USAGE;
    }
    profiled_input *in = calloc((size_t)o.nargs, sizeof *in);
    wn_error err = {0};
    cli_session s;
    int rc = run(&s, in, &o, &err);
    for (int i = 0; i < o.nargs; i++) {
        if (rc == WN_OK && !o.quiet) {
            print_table(&in[i]);
            print_findings(&in[i]);
        }
        wn_profile_free(in[i].profile);
    }
    uint64_t rejects = s.rejects;
    cli_session_free(&s);
    free(in);
    return cli_session_exit(CMD, rc, &err, rejects, o.outdir);
}
