/*
 * cmd_explain.c -- `winnow explain INPUT ID1 ID2`: why two records do or
 * don't match.
 *
 * The model is trained exactly as `run` trains it on INPUT (same rules, same
 * data, so the same weights); then the two records are shown field by field:
 * raw and normalized values, the comparison level, its weight in bits, the
 * total and the match probability against the thresholds, and which
 * blocking passes would bring the pair together -- or that none would, in
 * which case `run` never compares them. Nothing is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "block.h"
#include "cli.h"
#include "match.h"
#include "session.h"

#define CMD "explain"

static const char usage[] =
    "usage: winnow explain [-r RULES.yaml] [-d C] INPUT ID1 ID2\n"
    "\n"
    "Shows, field by field, how winnow compares the records with ids ID1 and ID2\n"
    "of INPUT (the value of the id column, or the data row number when there is\n"
    "none): raw and normalized values, comparison level, weight, probability, and\n"
    "the blocking passes that pair them.\n";

typedef struct raw_rows {
    uint32_t rec[2];
    char **cells[2];
    size_t ncells[2];
} raw_rows;

/* Copies the raw cells of the two records from the kept rows. */
static int copy_row(void *ctx, uint32_t rec, const wn_row *row)
{
    raw_rows *rr = ctx;
    for (int k = 0; k < 2; k++) {
        if (rr->rec[k] != rec || rr->cells[k]) continue;
        rr->ncells[k] = row->ncells;
        rr->cells[k] = wn_xcalloc(row->ncells + 1, sizeof(char *));
        for (size_t c = 0; c < row->ncells; c++)
            rr->cells[k][c] = wn_xstrndup(row->cells[c].ptr, row->cells[c].len);
    }
    return WN_OK;
}

static int fetch_rows(const cli_session *s, raw_rows *rr, wn_error *err)
{
    return cli_session_each_row(s, 0, copy_row, rr, err);
}

/* The raw values of the columns mapped to field f, joined by " | ". */
static void raw_of(const cli_session *s, const raw_rows *rr, int k, wn_field f, char *out,
                   size_t cap)
{
    const wn_input_columns *ic = &s->inputs[0].res.columns;
    size_t used = 0;
    out[0] = '\0';
    for (size_t c = 0; c < ic->ncols && c < rr->ncells[k]; c++) {
        bool same = ic->cols[c].field == f || (f == WN_F_PHONE && ic->cols[c].field == WN_F_MOBILE);
        if (!same || !rr->cells[k][c][0]) continue;
        int n = snprintf(out + used, cap - used, "%s%s", used ? " | " : "", rr->cells[k][c]);
        if (n < 0 || (size_t)n >= cap - used) break;
        used += (size_t)n;
    }
}

static void print_fields(const cli_session *s, const wn_match *m, const raw_rows *rr, uint64_t vec,
                         const double *fw)
{
    const wn_store *st = &s->store;
    uint32_t a = rr->rec[0], b = rr->rec[1];
    printf("%-14s %-28s %-28s %-10s %8s\n", "field", "record 1", "record 2", "level", "weight");
    for (size_t k = 0; k < m->model.ncmp; k++) {
        wn_field f = m->rules.comparisons[k].field;
        int lvl = wn_vec_level(vec, k);
        char r1[256], r2[256];
        raw_of(s, rr, 0, f, r1, sizeof r1);
        raw_of(s, rr, 1, f, r2, sizeof r2);
        if (!r1[0] && !r2[0]) continue; /* neither export column nor value: nothing to show */
        printf("%-14s %-28.28s %-28.28s %-10s %+8.2f\n", wn_field_name(f), r1, r2,
               wn_level_name(lvl), fw[k]);
        const char *n1 = wn_store_str(st, a, (int)f), *n2 = wn_store_str(st, b, (int)f);
        if (strcmp(n1, r1) != 0 || strcmp(n2, r2) != 0)
            printf("%-14s %-28.28s %-28.28s\n", "  normalized", n1[0] ? n1 : "-", n2[0] ? n2 : "-");
    }
}

static void print_blocking(const cli_session *s, uint32_t a, uint32_t b)
{
    printf("\nblocking passes that pair them:");
    bool any = false;
    for (size_t i = 0; i < s->rules->npasses; i++) {
        char ka[256], kb[256];
        const wn_block_pass *p = &s->rules->passes[i];
        if (wn_block_key_text(&s->store, p, a, ka, sizeof ka) &&
            wn_block_key_text(&s->store, p, b, kb, sizeof kb) && strcmp(ka, kb) == 0) {
            printf("%s %s (key \"%s\")", any ? "," : "", p->name, ka);
            any = true;
        }
    }
    printf("%s\n", any ? "" : " none -- `winnow run` would never compare this pair");
}

static int explain(cli_session *s, const cli_opts *o, wn_error *err)
{
    cli_opts one = *o; /* only the first argument is an input */
    one.nargs = 1;
    int rc = cli_session_open(s, CMD, &one, true, err);
    if (rc == WN_OK) rc = cli_session_ingest(s, NULL, err);
    if (rc < 0) return rc;
    raw_rows rr;
    memset(&rr, 0, sizeof rr);
    for (int k = 0; k < 2; k++) {
        rr.rec[k] = wn_store_find(&s->store, 0, o->args[1 + k]);
        if (rr.rec[k] == s->store.nrec)
            return wn_fail(err, WN_EUSAGE, "%s: no record with id '%s'", s->inputs[0].name,
                           o->args[1 + k]);
    }
    wn_match m;
    wn_match_opts mo = {.threads = cli_threads(o->threads)};
    if ((rc = wn_match_run(&s->store, s->rules, &mo, &m, err)) == WN_OK &&
        (rc = fetch_rows(s, &rr, err)) == WN_OK) {
        uint64_t vec = wn_compare_pair(&s->store, &m.rules, rr.rec[0], rr.rec[1]);
        double fw[WN_COMPARE_MAX];
        double w = wn_model_weight(&m.model, &s->store, &m.rules, rr.rec[0], rr.rec[1], vec, fw);
        printf("%s: record %s (data row %llu) and record %s (data row %llu)\n\n", s->inputs[0].name,
               o->args[1], (unsigned long long)s->store.row[rr.rec[0]], o->args[2],
               (unsigned long long)s->store.row[rr.rec[1]]);
        print_fields(s, &m, &rr, vec, fw);
        double p = wn_model_probability(w);
        printf("\nprior %+.2f bits; total weight %+.2f bits; match probability %.6f\n",
               log2(m.model.lambda / (1.0 - m.model.lambda)), w, p);
        printf("thresholds: match %.6f, review %.6f -> %s\n", m.model.match_threshold,
               m.model.review_threshold,
               w >= m.model.match_weight    ? "MATCH"
               : w >= m.model.review_weight ? "REVIEW"
                                            : "NO MATCH");
        for (size_t i = 0; i < m.npairs; i++) {
            const wn_scored_pair *sp = &m.pairs[i];
            bool this_pair = (sp->a == rr.rec[0] && sp->b == rr.rec[1]) ||
                             (sp->a == rr.rec[1] && sp->b == rr.rec[0]);
            if (this_pair && sp->outcome >= WN_PAIR_REFUSED_ID)
                printf("but the link is refused (%s): the pair goes to review\n",
                       wn_pair_outcome_name(sp->outcome));
        }
        bool same = m.clusters.root[rr.rec[0]] == m.clusters.root[rr.rec[1]];
        printf("in `winnow run` they end up %s\n",
               same ? "in the same cluster" : "in different clusters");
        print_blocking(s, rr.rec[0], rr.rec[1]);
    }
    for (int k = 0; k < 2; k++) {
        for (size_t c = 0; rr.cells[k] && c < rr.ncells[k]; c++)
            free(rr.cells[k][c]);
        free(rr.cells[k]);
    }
    wn_match_free(&m); /* wn_match_run zeroes it first, so this is safe on failure */
    return rc;
}

int cmd_explain(int argc, char **argv)
{
    cli_opts o;
    int prc = cli_parse(&o, argc, argv, CLI_OPT_RULES | CLI_OPT_THREADS, usage);
    if (prc != 0) return prc > 0 ? EXIT_DONE : EXIT_USAGE;
    if (o.nargs != 3) {
        cli_error(CMD, "expected INPUT ID1 ID2\n%s", usage);
        return EXIT_USAGE;
    }
    o.progress = false;
    cli_session s;
    wn_error err = {0};
    int rc = explain(&s, &o, &err);
    cli_session_free(&s);
    if (rc < 0) {
        cli_error(CMD, "%s", err.msg);
        return cli_exit_for(rc);
    }
    return EXIT_DONE;
}
