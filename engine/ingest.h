/*
 * ingest.h -- one input, from bytes to normalized, validated records.
 *
 *   reader -> sample the first rows -> resolve columns (rules, or column
 *   recognition) and each date column's day/month order -> for every row:
 *   normalize each mapped cell, validate it (normalizer verdict, placeholder
 *   lists, the rules' checks, required fields), decide whether the customer
 *   can be reached, score its completeness -> store + findings
 *
 * The sample rows are copied and replayed, so no row is read twice. Values
 * that are invalid or placeholders are reported and *not* stored: they never
 * reach blocking or matching, so a shared `test@test.com` merges nobody.
 *
 * What happens to each record is told to a sink (callbacks), so `profile`,
 * `run`, `link` and `explain` share this stage and write what they need.
 */
#ifndef WN_INGEST_H
#define WN_INGEST_H

#include <stdbool.h>
#include <stdint.h>

#include "columns.h"
#include "rules.h"
#include "store.h"
#include "winnow.h"

enum wn_issue {
    WN_ISSUE_MISSING = 0,
    WN_ISSUE_INVALID,
    WN_ISSUE_PLACEHOLDER,
    WN_ISSUE_SUSPICIOUS,
    WN_ISSUE_INCOMPLETE,
    WN_ISSUE_COUNT
};

const char *wn_issue_name(int issue);

typedef struct wn_finding {
    const char *record_id;
    const char *column; /* the input column's header; "" for a record-level finding */
    int issue;          /* enum wn_issue */
    const char *value;  /* the raw value ("" for missing/incomplete) */
    size_t value_len;
    uint64_t line;      /* physical line of the record */
    const char *detail; /* why, e.g. "not a phone number for region US" */
} wn_finding;

typedef struct wn_ingest_sink {
    void *ctx;
    void (*finding)(void *ctx, const wn_finding *f);
    void (*reject)(void *ctx, const wn_row *row, const char *source);
    /* Optional: the accepted rows of each batch, one column at a time, for
     * per-column statistics. Called on worker threads: for different columns
     * at once, never for one column twice at once; a column's rows arrive in
     * input order. */
    void (*column)(void *ctx, size_t col, const wn_row *rows, size_t n);
    /* Optional: each batch's accepted rows, whole, in input order (to keep
     * them). Called on a worker thread, while columns are counted. */
    void (*rows)(void *ctx, const wn_row *rows, size_t n);
    void (*progress)(void *ctx, const wn_reader *r);
} wn_ingest_sink;

/* The role each column of one input plays, after resolution. */
typedef struct wn_input_columns {
    size_t ncols;
    wn_column_rule *cols; /* field WN_F_NONE: carried through */
    int *slot;            /* store slot per column, -1 if not stored */
    int *date_order;      /* per column: 1 day first, 2 month first */
    const char *vendor;   /* as recognised; "rules" if the rules gave columns */
    wn_columns_map map;   /* the recognition result (empty if rules gave columns) */
    long id_column;       /* the record id column, or -1 */
    /* The region (ISO 3166 alpha-2, "" for none) of national phone numbers
     * and postal codes in records that name no country, and what said so:
     * "rules" (settings.default_country), "country column" (the country
     * most sampled records name), "phone prefixes" (the calling code most
     * sampled international numbers carry), "header language" (German
     * headers: DE), or "" (none: only numbers that say their country, or
     * fit the North American plan, are valid). */
    char region[3];
    const char *region_from;
} wn_input_columns;

typedef struct wn_ingest_result {
    wn_reader_stats reader;
    uint64_t findings[WN_ISSUE_COUNT];
    uint64_t records;
    uint64_t incomplete;
    uint64_t completeness_hist[11]; /* records by completeness, in tenths */
    double completeness_sum;        /* for the mean */
    uint64_t *column_findings;      /* ncols * WN_ISSUE_COUNT */
    wn_input_columns columns;
} wn_ingest_result;

typedef struct wn_ingest_opts {
    const wn_reader_opts *reader;
    size_t sample_rows; /* 0: 1000 */
    uint16_t source;    /* the input's index, kept in the store */
    unsigned threads;   /* workers normalizing and validating; 0: one */
} wn_ingest_opts;

/* Reads all of `reader` (already open). `store` may be NULL (profile).
 * `cols` is the loaded column recognizer (needed when the rules list no
 * columns). Returns WN_OK or a negative status (I/O, corrupt gzip). */
int wn_ingest(wn_reader *reader, const wn_rules *r, const wn_columns *cols,
              const wn_ingest_opts *opts, wn_store *store, const wn_ingest_sink *sink,
              wn_ingest_result *res, wn_error *err);

/* Only the column resolution, from a header and sample rows (for `rules init`). */
int wn_ingest_resolve_columns(const wn_rules *r, const wn_columns *cols, const wn_header *h,
                              size_t nrows, const char *const *cells, wn_input_columns *out,
                              wn_error *err);

void wn_input_columns_free(wn_input_columns *c);
void wn_ingest_result_free(wn_ingest_result *res);

#endif
