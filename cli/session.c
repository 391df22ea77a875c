/*
 * session.c -- rules, inputs and ingest shared by the commands; see session.h.
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

int cli_session_open(cli_session *s, const char *cmd, const cli_opts *o, bool use_store,
                     wn_error *err)
{
    memset(s, 0, sizeof *s);
    s->cmd = cmd;
    s->opts = *o;
    s->use_store = use_store;
    wn_store_init(&s->store);
    int rc = o->rules ? wn_rules_load_file(&s->rules, o->rules, err)
                      : wn_rules_load_default(&s->rules, err);
    if (rc < 0) return rc;
    if (!s->rules->columns_given && (rc = wn_columns_load(&s->columns, err)) < 0) return rc;
    s->ninputs = o->nargs;
    s->inputs = wn_xcalloc((size_t)(o->nargs ? o->nargs : 1), sizeof *s->inputs);
    wn_reader_opts ropts = {.delimiter = o->delimiter};
    bool stdin_used = false;
    for (int i = 0; i < o->nargs; i++) {
        cli_input *in = &s->inputs[i];
        in->arg = in->name = o->args[i];
        if (strcmp(in->arg, "-") == 0) {
            if (stdin_used)
                return wn_fail(err, WN_EUSAGE, "standard input (-) can be read only once");
            stdin_used = true;
            in->name = "<stdin>";
        }
        if ((rc = wn_reader_open(&in->reader, in->arg, &ropts, err)) < 0) return rc;
    }
    return use_store ? wn_rowspool_open(&s->rows, err) : WN_OK;
}

int cli_session_each_row(const cli_session *s, int i, cli_row_fn each, void *ctx, wn_error *err)
{
    const cli_input *in = &s->inputs[i];
    int rc = wn_rowspool_rewind(s->rows, err);
    const wn_row *row;
    for (uint32_t rec = 0; rc == WN_OK && rec < in->first_rec + in->nrec; rec++) {
        if ((rc = wn_rowspool_next(s->rows, &row, err)) <= 0)
            return rc < 0 ? rc : wn_fail(err, WN_EIO, "the temporary copy of the rows is short");
        rc = rec >= in->first_rec ? each(ctx, rec, row) : WN_OK;
    }
    return rc;
}

/* ---- sinks ------------------------------------------------------------------ */

typedef struct sink_ctx {
    cli_session *s;
    cli_input *in;
    cli_progress progress;
} sink_ctx;

static void on_finding(void *ctx, const wn_finding *f)
{
    sink_ctx *c = ctx;
    wn_csvw *w = &c->s->quality_w;
    if (!c->s->quality_csv) return;
    wn_csvw_str(w, f->record_id);
    wn_csvw_str(w, f->column);
    wn_csvw_str(w, wn_issue_name(f->issue));
    wn_csvw_cell(w, f->value, f->value_len);
    wn_csvw_str(w, c->in->name);
    wn_csvw_u64(w, f->line);
    wn_csvw_str(w, f->detail);
    wn_csvw_end_row(w);
}

static void on_reject(void *ctx, const wn_row *row, const char *source)
{
    sink_ctx *c = ctx;
    (void)source;
    c->s->rejects++;
    if (c->s->rejects_csv) wn_csvw_reject(&c->s->rejects_w, row, c->in->name);
}

static void on_column(void *ctx, size_t col, const wn_row *rows, size_t n)
{
    const sink_ctx *c = ctx;
    c->s->on_column(c->s->column_ctx, (int)(c->in - c->s->inputs), col, rows, n);
}

static void on_rows(void *ctx, const wn_row *rows, size_t n)
{
    const sink_ctx *c = ctx;
    wn_rowspool_add(c->s->rows, rows, n);
}

static void on_progress(void *ctx, const wn_reader *r)
{
    sink_ctx *c = ctx;
    cli_progress_update(&c->progress, r);
}

/* Appends the names of the columns `how` decided (at most a few), to say
 * them on stderr; returns how many there are. */
static size_t column_list(const wn_input_columns *ic, wn_column_how how, wn_buf *out)
{
    enum { SHOWN = 6 };
    size_t n = 0;
    for (size_t c = 0; c < ic->ncols; c++) {
        if (ic->map.cols[c].how != how ||
            (how == WN_COLUMN_UNKNOWN && ic->map.cols[c].nonempty == 0))
            continue;
        if (n < SHOWN) wn_buf_printf(out, "%s\"%s\"", n ? ", " : "", ic->cols[c].column);
        n++;
    }
    if (n > SHOWN) wn_buf_printf(out, " and %zu more", n - SHOWN);
    return n;
}

/* Says on stderr what the column recognition left out or guessed: columns
 * not recognised (carried through, not validated or matched) and those
 * compared as generic text. Empty columns are not worth a word. */
static void warn_columns(const cli_session *s, const cli_input *in)
{
    const wn_input_columns *ic = &in->res.columns;
    if (!ic->map.cols) return; /* the rules named the columns */
    wn_buf list = {0};
    size_t n = column_list(ic, WN_COLUMN_UNKNOWN, &list);
    if (n)
        cli_warn(s->cmd, "%s: %zu column%s not recognised, carried through unchecked: %s", in->name,
                 n, n == 1 ? "" : "s", wn_buf_cstr(&list));
    wn_buf_clear(&list);
    n = column_list(ic, WN_COLUMN_GENERIC, &list);
    if (n && s->use_store)
        cli_warn(s->cmd, "%s: compared as generic text: %s", in->name, wn_buf_cstr(&list));
    wn_buf_free(&list);
}

int cli_session_ingest(cli_session *s, wn_outset *set, wn_error *err)
{
    int rc = WN_OK;
    if (set) {
        rc = wn_outset_open(set, "quality.csv", &s->quality_csv, err);
        if (rc == WN_OK) rc = wn_outset_open(set, "rejects.csv", &s->rejects_csv, err);
        if (rc < 0) return rc;
        wn_csvw_init(&s->quality_w, s->quality_csv, true);
        wn_csvw_init(&s->rejects_w, s->rejects_csv, true);
        const char *header[] = {"record_id", "field", "issue", "value", "source", "line", "detail"};
        for (size_t i = 0; i < sizeof header / sizeof *header; i++)
            wn_csvw_str(&s->quality_w, header[i]);
        wn_csvw_end_row(&s->quality_w);
        wn_csvw_rejects_header(&s->rejects_w);
    }
    for (int i = 0; i < s->ninputs && rc == WN_OK; i++) {
        cli_input *in = &s->inputs[i];
        sink_ctx ctx = {.s = s, .in = in};
        cli_progress_start(&ctx.progress, s->opts.progress, in->name);
        wn_ingest_sink sink = {.ctx = &ctx,
                               .finding = on_finding,
                               .reject = on_reject,
                               .column = s->on_column ? on_column : NULL,
                               .rows = s->rows ? on_rows : NULL,
                               .progress = on_progress};
        wn_ingest_opts io = {.source = (uint16_t)i, .threads = cli_threads(s->opts.threads)};
        in->first_rec = s->store.nrec;
        rc = wn_ingest(in->reader, s->rules, s->columns, &io, s->use_store ? &s->store : NULL,
                       &sink, &in->res, err);
        in->nrec = s->store.nrec - in->first_rec;
        cli_progress_done(&ctx.progress);
        if (rc == WN_OK) warn_columns(s, in);
    }
    if (rc == WN_OK && s->rows) rc = wn_rowspool_rewind(s->rows, err); /* a write error? */
    if (rc == WN_OK && set && (wn_csvw_status(&s->quality_w) || wn_csvw_status(&s->rejects_w)))
        rc = wn_fail(err, WN_EIO, "cannot write to %s", s->opts.outdir);
    return rc;
}

void cli_session_free(cli_session *s)
{
    for (int i = 0; i < s->ninputs; i++) {
        wn_reader_close(s->inputs[i].reader);
        wn_ingest_result_free(&s->inputs[i].res);
    }
    free(s->inputs);
    wn_csvw_release(&s->quality_w);
    wn_csvw_release(&s->rejects_w);
    wn_store_free(&s->store);
    wn_rules_free(s->rules);
    wn_columns_free(s->columns);
    wn_rowspool_close(s->rows);
    memset(s, 0, sizeof *s);
}

/* ---- report.json pieces ------------------------------------------------------ */

void cli_json_columns(wn_json *j, const cli_input *in, const char *key)
{
    const wn_input_columns *ic = &in->res.columns;
    wn_json_key(j, "vendor");
    wn_json_str(j, ic->vendor ? ic->vendor : "generic");
    wn_json_key(j, "region");
    wn_json_str(j, ic->region[0] ? ic->region : NULL);
    wn_json_key(j, "region_from");
    wn_json_str(j, ic->region_from && *ic->region_from ? ic->region_from : NULL);
    wn_json_key(j, key);
    wn_json_array_begin(j);
    for (size_t c = 0; c < ic->ncols; c++) {
        wn_json_object_begin(j);
        wn_json_key(j, "name");
        wn_json_str(j, ic->cols[c].column);
        wn_json_key(j, "field");
        wn_json_str(j, ic->cols[c].field ? wn_field_name(ic->cols[c].field) : NULL);
        if (ic->map.cols) {
            wn_json_key(j, "decided_by");
            wn_json_str(j, wn_column_how_name(ic->map.cols[c].how));
            wn_json_key(j, "secondary");
            wn_json_bool(j, ic->map.cols[c].secondary);
        }
        wn_json_key(j, "findings");
        wn_json_object_begin(j);
        for (int k = 0; k < WN_ISSUE_COUNT; k++) {
            wn_json_key(j, wn_issue_name(k));
            wn_json_u64(j, in->res.column_findings ? in->res.column_findings[c * WN_ISSUE_COUNT + k]
                                                   : 0);
        }
        wn_json_object_end(j);
        wn_json_object_end(j);
    }
    wn_json_array_end(j);
}

void cli_json_inputs(wn_json *j, const cli_session *s)
{
    wn_json_key(j, "inputs");
    wn_json_array_begin(j);
    for (int i = 0; i < s->ninputs; i++) {
        const cli_input *in = &s->inputs[i];
        const wn_reader_stats *st = &in->res.reader;
        char delim[2] = {st->delimiter, '\0'};
        wn_json_object_begin(j);
        wn_json_key(j, "path");
        wn_json_str(j, in->name);
        wn_json_key(j, "gzip");
        wn_json_bool(j, st->gzip);
        wn_json_key(j, "delimiter");
        wn_json_str(j, delim);
        wn_json_key(j, "line_ending");
        wn_json_str(j, st->line_ending);
        wn_json_key(j, "rows");
        wn_json_u64(j, st->rows);
        wn_json_key(j, "rejects");
        wn_json_u64(j, st->rejects);
        wn_json_key(j, "cells_converted_from_cp1252");
        wn_json_u64(j, st->cells_converted);
        cli_json_columns(j, in, "columns");
        wn_json_object_end(j);
    }
    wn_json_array_end(j);
}

void cli_json_findings(wn_json *j, const cli_session *s)
{
    uint64_t total[WN_ISSUE_COUNT] = {0}, hist[11] = {0}, records = 0;
    double sum = 0.0;
    for (int i = 0; i < s->ninputs; i++) {
        const wn_ingest_result *r = &s->inputs[i].res;
        for (int k = 0; k < WN_ISSUE_COUNT; k++)
            total[k] += r->findings[k];
        for (int b = 0; b < 11; b++)
            hist[b] += r->completeness_hist[b];
        sum += r->completeness_sum;
        records += r->records;
    }
    wn_json_key(j, "findings");
    wn_json_object_begin(j);
    for (int k = 0; k < WN_ISSUE_COUNT; k++) {
        wn_json_key(j, wn_issue_name(k));
        wn_json_u64(j, total[k]);
    }
    wn_json_object_end(j);
    wn_json_key(j, "completeness");
    wn_json_object_begin(j);
    wn_json_key(j, "mean_pct");
    wn_json_double(j, records ? sum / (double)records : 0.0);
    wn_json_key(j, "records_by_decile");
    wn_json_array_begin(j);
    for (int b = 0; b < 11; b++)
        wn_json_u64(j, hist[b]);
    wn_json_array_end(j);
    wn_json_object_end(j);
}
