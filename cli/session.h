/*
 * session.h -- what run, link, profile and explain share: rules, inputs,
 * the ingest of every input into one store, and quality.csv / rejects.csv.
 *
 * Order matters for the "nothing written on bad input" contract: the rules
 * are loaded and every input opened (its header read) before OUTDIR is
 * touched. A session with a store also keeps the accepted rows, parsed, in
 * a temporary file (rowspool.h): the outputs that write the original rows
 * back read them from there, not from the inputs (which may be stdin).
 */
#ifndef WN_CLI_SESSION_H
#define WN_CLI_SESSION_H

#include "cli.h"
#include "columns.h"
#include "ingest.h"
#include "rowspool.h"
#include "rules.h"
#include "store.h"

typedef struct cli_input {
    const char *arg;  /* as given on the command line */
    const char *name; /* for messages and the source column */
    wn_reader *reader;
    wn_ingest_result res;
    uint32_t first_rec; /* its records in the store: [first_rec, first_rec + nrec) */
    uint32_t nrec;
} cli_input;

typedef struct cli_session {
    const char *cmd;
    cli_opts opts;
    wn_rules *rules;
    wn_columns *columns;
    int ninputs;
    cli_input *inputs;
    wn_store store;
    bool use_store;
    wn_rowspool *rows; /* the accepted rows of every input, in record order */
    FILE *quality_csv, *rejects_csv;
    wn_csvw quality_w, rejects_w;
    uint64_t rejects;
    /* Optional: the accepted rows of input `input`, a batch and a column at a
     * time (see wn_ingest_sink.column: called on worker threads, for
     * different columns at once). */
    void (*on_column)(void *ctx, int input, size_t col, const wn_row *rows, size_t n);
    void *column_ctx;
} cli_session;

/* Loads the rules and opens the inputs; nothing is written yet. */
int cli_session_open(cli_session *s, const char *cmd, const cli_opts *o, bool use_store,
                     wn_error *err);
/* Opens quality.csv and rejects.csv in `set` (if not NULL) and ingests every
 * input into the store. */
int cli_session_ingest(cli_session *s, wn_outset *set, wn_error *err);
/* Calls `each` with every accepted row of input `i` (its cells only) and its
 * record, in input order, until `each` returns a negative status. Reads the
 * kept rows: one caller at a time. */
typedef int (*cli_row_fn)(void *ctx, uint32_t rec, const wn_row *row);
int cli_session_each_row(const cli_session *s, int i, cli_row_fn each, void *ctx, wn_error *err);
void cli_session_free(cli_session *s);

/* report.json pieces every command writes the same way. */
void cli_json_inputs(wn_json *j, const cli_session *s);
void cli_json_findings(wn_json *j, const cli_session *s);
/* The input's vendor and, under `key`, each column's field and findings. */
void cli_json_columns(wn_json *j, const cli_input *in, const char *key);

#endif
