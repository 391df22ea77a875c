/*
 * profile_write.c -- a profile as profile.csv rows and as JSON.
 *
 * profile.csv has one row per input column, for a spreadsheet: the top values
 * and shapes are folded into one cell each as `value (count); ...`. The JSON
 * form keeps them as arrays, for scripts.
 */
#include "winnow.h"

#include "buf.h"

static const char *const csv_columns[] = {
    "source",         "column",  "kind",    "rows",    "filled",     "filled_pct", "distinct",
    "distinct_exact", "min_len", "max_len", "invalid", "top_values", "top_shapes",
};

static double percent(uint64_t part, uint64_t whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static void fold_counts(wn_buf *b, const wn_value_count *v, size_t n)
{
    wn_buf_clear(b);
    for (size_t i = 0; i < n; i++)
        wn_buf_printf(b, "%s%s (%llu)", i ? "; " : "", v[i].value, (unsigned long long)v[i].count);
    wn_buf_cstr(b);
}

void wn_profile_write_csv(const wn_profile *p, wn_csvw *w, const char *source, bool header)
{
    if (header) {
        for (size_t i = 0; i < sizeof csv_columns / sizeof *csv_columns; i++)
            wn_csvw_str(w, csv_columns[i]);
        wn_csvw_end_row(w);
    }
    wn_buf folded = {0};
    for (size_t i = 0; i < wn_profile_ncolumns(p); i++) {
        const wn_column_profile *c = wn_profile_column(p, i);
        wn_csvw_str(w, source);
        wn_csvw_str(w, c->name);
        wn_csvw_str(w, wn_column_kind_name(c->kind));
        wn_csvw_u64(w, c->rows);
        wn_csvw_u64(w, c->filled);
        wn_csvw_double(w, percent(c->filled, c->rows), 1);
        wn_csvw_u64(w, c->distinct);
        wn_csvw_str(w, c->distinct_exact ? "exact" : "estimate");
        wn_csvw_u64(w, c->min_len);
        wn_csvw_u64(w, c->max_len);
        wn_csvw_u64(w, c->invalid);
        fold_counts(&folded, c->top_values, c->ntop_values);
        wn_csvw_cell(w, folded.data, folded.len);
        fold_counts(&folded, c->top_shapes, c->ntop_shapes);
        wn_csvw_cell(w, folded.data, folded.len);
        wn_csvw_end_row(w);
    }
    wn_buf_free(&folded);
}

static void json_counts(wn_json *j, const wn_value_count *v, size_t n)
{
    wn_json_array_begin(j);
    for (size_t i = 0; i < n; i++) {
        wn_json_object_begin(j);
        wn_json_key(j, "value");
        wn_json_str(j, v[i].value);
        wn_json_key(j, "count");
        wn_json_u64(j, v[i].count);
        wn_json_object_end(j);
    }
    wn_json_array_end(j);
}

void wn_profile_write_json(const wn_profile *p, wn_json *j)
{
    wn_json_array_begin(j);
    for (size_t i = 0; i < wn_profile_ncolumns(p); i++) {
        const wn_column_profile *c = wn_profile_column(p, i);
        wn_json_object_begin(j);
        wn_json_key(j, "name");
        wn_json_str(j, c->name);
        wn_json_key(j, "kind");
        wn_json_str(j, wn_column_kind_name(c->kind));
        wn_json_key(j, "rows");
        wn_json_u64(j, c->rows);
        wn_json_key(j, "filled");
        wn_json_u64(j, c->filled);
        wn_json_key(j, "filled_pct");
        wn_json_double(j, percent(c->filled, c->rows));
        wn_json_key(j, "distinct");
        wn_json_u64(j, c->distinct);
        wn_json_key(j, "distinct_exact");
        wn_json_bool(j, c->distinct_exact);
        wn_json_key(j, "min_length");
        wn_json_u64(j, c->min_len);
        wn_json_key(j, "max_length");
        wn_json_u64(j, c->max_len);
        wn_json_key(j, "invalid");
        wn_json_u64(j, c->invalid);
        wn_json_key(j, "top_values_exact");
        wn_json_bool(j, c->top_exact);
        wn_json_key(j, "top_values");
        json_counts(j, c->top_values, c->ntop_values);
        wn_json_key(j, "top_shapes_exact");
        wn_json_bool(j, c->shapes_exact);
        wn_json_key(j, "top_shapes");
        json_counts(j, c->top_shapes, c->ntop_shapes);
        wn_json_object_end(j);
    }
    wn_json_array_end(j);
}
