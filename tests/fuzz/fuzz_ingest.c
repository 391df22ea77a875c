/*
 * fuzz_ingest.c -- libFuzzer target for the ingest (`make fuzz`).
 *
 * Every input becomes the rows of a HubSpot contacts export (the header is
 * fixed, so that the columns are recognised and every normalizer chain, the
 * memos and the country-to-region step see the fuzzer's bytes). It is
 * ingested twice -- on one thread, then on three -- with a profile fed
 * column by column, and with a store for every other input (the path of
 * `run`). Besides the sanitizers' checks, it checks what the ingest
 * promises: the findings, their order, the rows, the rejects and the
 * profile's counts are the same for any number of threads, and a profile's
 * numbers hold together.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "columns.h"
#include "ingest.h"
#include "rules.h"
#include "store.h"
#include "winnow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char header[] =
    "Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,"
    "Street Address,City,State/Region,Postal Code,Country/Region,Date of birth,Create Date,"
    "Last Modified Date\n";

static char path[64];
static wn_rules *rules;
static wn_columns *columns;

static void cleanup(void)
{
    unlink(path);
    wn_rules_free(rules);
    wn_columns_free(columns);
}

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_ingest: %s\n", what);
        abort();
    }
}

/* What one ingest produced, reduced to what must not depend on -j. */
typedef struct outcome {
    XXH3_state_t *findings; /* every finding, in order */
    uint64_t nfindings, nrejects;
    wn_profile *profile;
} outcome;

static void hash_str(XXH3_state_t *h, const char *s, size_t len)
{
    XXH3_64bits_update(h, &len, sizeof len);
    if (len) XXH3_64bits_update(h, s, len);
}

static void on_finding(void *ctx, const wn_finding *f)
{
    outcome *o = ctx;
    check(f->record_id && f->column && f->value, "a finding without its record, column or value");
    check(f->issue >= 0 && f->issue < WN_ISSUE_COUNT, "a finding of no known issue");
    hash_str(o->findings, f->record_id, strlen(f->record_id));
    hash_str(o->findings, f->column, strlen(f->column));
    hash_str(o->findings, f->value, f->value_len);
    XXH3_64bits_update(o->findings, &f->issue, sizeof f->issue);
    XXH3_64bits_update(o->findings, &f->line, sizeof f->line);
    o->nfindings++;
}

static void on_reject(void *ctx, const wn_row *row, const char *source)
{
    (void)row, (void)source;
    ((outcome *)ctx)->nrejects++;
}

static void on_column(void *ctx, size_t col, const wn_row *rows, size_t n)
{
    wn_profile_add_column(((outcome *)ctx)->profile, col, rows, n);
}

/* Ingests the file at `path`; false if the reader refused it. */
static bool ingest(unsigned threads, bool with_store, size_t sample_rows, outcome *o)
{
    wn_reader *r = NULL;
    wn_error err;
    if (wn_reader_open(&r, path, NULL, &err) != WN_OK) return false;
    memset(o, 0, sizeof *o);
    o->findings = XXH3_createState();
    XXH3_64bits_reset(o->findings);
    check(wn_profile_new(&o->profile, wn_reader_header(r), NULL, &err) == WN_OK, "profile_new");
    wn_ingest_sink sink = {
        .ctx = o, .finding = on_finding, .reject = on_reject, .column = on_column};
    wn_ingest_opts opts = {.sample_rows = sample_rows, .threads = threads};
    wn_store store;
    wn_store_init(&store);
    wn_ingest_result res;
    int rc = wn_ingest(r, rules, columns, &opts, with_store ? &store : NULL, &sink, &res, &err);
    check(rc == WN_OK, "the ingest failed on a readable file");
    check(wn_profile_ncolumns(o->profile) == 0 ||
              res.reader.rows == wn_profile_column(o->profile, 0)->rows,
          "the profile did not see every row");
    if (with_store) check(store.nrec == res.reader.rows, "the store did not get every row");
    wn_profile_finish(o->profile);
    wn_store_free(&store);
    wn_ingest_result_free(&res);
    wn_reader_close(r);
    return true;
}

static void compare(const outcome *a, const outcome *b)
{
    check(a->nfindings == b->nfindings && a->nrejects == b->nrejects,
          "findings or rejects differ with the number of threads");
    check(XXH3_64bits_digest(a->findings) == XXH3_64bits_digest(b->findings),
          "the findings differ with the number of threads");
    size_t n = wn_profile_ncolumns(a->profile);
    check(n == wn_profile_ncolumns(b->profile), "profile columns differ");
    for (size_t i = 0; i < n; i++) {
        const wn_column_profile *x = wn_profile_column(a->profile, i);
        const wn_column_profile *y = wn_profile_column(b->profile, i);
        check(x->filled <= x->rows && x->distinct <= x->filled,
              "a profile's counts do not hold together");
        check(x->rows == y->rows && x->filled == y->filled && x->distinct == y->distinct &&
                  x->min_len == y->min_len && x->max_len == y->max_len &&
                  x->ntop_values == y->ntop_values,
              "the profile differs with the number of threads");
    }
}

static void release(outcome *o)
{
    XXH3_freeState(o->findings);
    wn_profile_free(o->profile);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wn_error err;
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/winnow-fuzz-ingest-%ld", (long)getpid());
        check(wn_rules_load_default(&rules, &err) == WN_OK, "default rules");
        check(wn_columns_load(&columns, &err) == WN_OK, "column names");
        atexit(cleanup);
    }
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fputs(header, f);
    if (size) fwrite(data, 1, size, f);
    fclose(f);
    /* The sample (the first rows, which decide date orders) ends anywhere
     * in the first few rows, so the first batch is cut at any row. */
    size_t sample_rows = 1 + size % 7;
    bool with_store = size % 2;
    outcome one, three;
    if (!ingest(1, with_store, sample_rows, &one)) return 0;
    check(ingest(3, with_store, sample_rows, &three), "the reader refused a file it had read");
    compare(&one, &three);
    release(&one);
    release(&three);
    return 0;
}
