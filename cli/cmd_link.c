/*
 * cmd_link.c -- `winnow link LEFT RIGHT`: match two sources, typically the
 * export of the system being left (LEFT) against the new one's (RIGHT).
 *
 * The same pipeline as `run`, except that blocking keeps only pairs across
 * the two sides and u is estimated from random cross pairs. Outputs:
 * links.csv (left_id,right_id,probability,...), unmatched_left.csv and
 * unmatched_right.csv (the original rows of records linked to nothing),
 * review.csv, quality.csv, rejects.csv, report.json. With --one-to-one, each
 * record is linked at most once, strongest links first (a migration maps
 * each old record to at most one new one).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "match_output.h"
#include "session.h"

#define CMD "link"

static const char usage[] =
    "usage: winnow link [-r RULES.yaml] [-o OUTDIR] [-j THREADS] [--one-to-one] LEFT RIGHT\n"
    "\n"
    "Finds the records of LEFT and RIGHT (CSV or CSV.gz files) that are the same\n"
    "customer. Writes links.csv, unmatched_left.csv, unmatched_right.csv,\n"
    "review.csv, quality.csv, rejects.csv and report.json to OUTDIR.\n"
    "\n"
    "  -o, --output DIR      where to write (default ./winnow-out)\n"
    "  -r, --rules FILE      a rules file (see rules/README.md)\n"
    "  -j, --threads N       threads reading, comparing and scoring (default: all CPUs)\n"
    "      --one-to-one      link each record at most once (strongest links first)\n"
    "  -d, --delimiter C     the delimiter (default: sniffed)\n"
    "  -q, --quiet           no summary and no progress\n";

/* Marks the pairs that become links; with one_to_one, greedily. Pairs are
 * already in (weight desc, a, b) order. Returns the number of links. */
static size_t choose_links(const cli_session *s, const wn_match *m, bool one_to_one,
                           uint8_t *chosen, uint8_t *linked)
{
    size_t n = 0;
    for (size_t i = 0; i < m->npairs; i++) {
        const wn_scored_pair *p = &m->pairs[i];
        if (p->weight < m->model.match_weight) break;
        if (p->outcome == WN_PAIR_REFUSED_NAME || p->outcome == WN_PAIR_REFUSED_GENERATION)
            continue; /* a household member, not the same customer */
        if (one_to_one && (linked[p->a] || linked[p->b])) continue;
        chosen[i] = 1;
        linked[p->a] = linked[p->b] = 1;
        n++;
    }
    (void)s;
    return n;
}

static int write_links(wn_outset *set, const cli_session *s, const wn_match *m,
                       const uint8_t *chosen, wn_error *err)
{
    FILE *fp;
    int rc = wn_outset_open(set, "links.csv", &fp, err);
    if (rc < 0) return rc;
    wn_csvw w;
    wn_csvw_init(&w, fp, true);
    const char *cols[] = {"left_id", "right_id", "probability", "weight"};
    for (size_t i = 0; i < 4; i++)
        wn_csvw_str(&w, cols[i]);
    for (size_t k = 0; k < m->rules.ncomparisons; k++)
        wn_csvw_str(&w, wn_field_name(m->rules.comparisons[k].field));
    wn_csvw_end_row(&w);
    const wn_store *st = &s->store;
    for (size_t i = 0; i < m->npairs; i++) {
        if (!chosen[i]) continue;
        const wn_scored_pair *p = &m->pairs[i];
        uint32_t l = st->source[p->a] == 0 ? p->a : p->b, r = l == p->a ? p->b : p->a;
        wn_csvw_str(&w, wn_store_id(st, l));
        wn_csvw_str(&w, wn_store_id(st, r));
        wn_csvw_double(&w, wn_model_probability(p->weight), 6);
        wn_csvw_double(&w, p->weight, 3);
        for (size_t k = 0; k < m->rules.ncomparisons; k++)
            wn_csvw_str(&w, wn_level_name(wn_vec_level(p->vec, k)));
        wn_csvw_end_row(&w);
    }
    rc = wn_csvw_status(&w) ? wn_fail(err, WN_EIO, "cannot write links.csv") : WN_OK;
    wn_csvw_release(&w);
    return rc;
}

typedef struct unmatched {
    const uint8_t *linked;
    wn_csvw *w;
} unmatched;

static int unmatched_row(void *ctx, uint32_t rec, const wn_row *row)
{
    const unmatched *u = ctx;
    if (u->linked[rec]) return WN_OK;
    for (size_t c = 0; c < row->ncells; c++)
        wn_csvw_cell(u->w, row->cells[c].ptr, row->cells[c].len);
    wn_csvw_end_row(u->w);
    return WN_OK;
}

/* The original rows of one side's records that no link uses. */
static int write_unmatched(wn_outset *set, const cli_session *s, int side, const uint8_t *linked,
                           wn_error *err)
{
    FILE *fp;
    int rc =
        wn_outset_open(set, side == 0 ? "unmatched_left.csv" : "unmatched_right.csv", &fp, err);
    if (rc < 0) return rc;
    wn_csvw w;
    wn_csvw_init(&w, fp, true);
    const wn_header *h = wn_reader_header(s->inputs[side].reader);
    for (size_t c = 0; c < h->ncols; c++)
        wn_csvw_str(&w, h->names[c]);
    wn_csvw_end_row(&w);
    unmatched u = {linked, &w};
    rc = cli_session_each_row(s, side, unmatched_row, &u, err);
    if (rc == WN_OK && wn_csvw_status(&w))
        rc = wn_fail(err, WN_EIO, "cannot write the unmatched records");
    wn_csvw_release(&w);
    return rc;
}

static int run(cli_session *s, const cli_opts *o, wn_error *err)
{
    double started = cli_now();
    int rc = cli_session_open(s, CMD, o, true, err);
    wn_outset *set = NULL;
    if (rc == WN_OK) rc = cli_outputs_begin(&set, o->outdir, o->args, o->nargs, err);
    if (rc == WN_OK) rc = cli_session_ingest(s, set, err);
    double ingested = cli_now();
    wn_match m;
    memset(&m, 0, sizeof m);
    uint8_t *side = NULL, *chosen = NULL, *linked = NULL;
    size_t nlinks = 0;
    if (rc == WN_OK) {
        side = wn_xmalloc(s->store.nrec + 1);
        for (uint32_t r = 0; r < s->store.nrec; r++)
            side[r] = (uint8_t)s->store.source[r];
        const char *names[2] = {s->inputs[0].name, s->inputs[1].name};
        wn_match_opts mo = {
            .threads = cli_threads(o->threads), .side = side, .source_names = names};
        rc = wn_match_run(&s->store, s->rules, &mo, &m, err);
        if (rc == WN_OK) cli_warn_matching(CMD, &m);
    }
    double matched = cli_now();
    if (rc == WN_OK) {
        chosen = wn_xcalloc(m.npairs + 1, 1);
        linked = wn_xcalloc(s->store.nrec + 1, 1);
        nlinks = choose_links(s, &m, o->one_to_one, chosen, linked);
        rc = write_links(set, s, &m, chosen, err);
    }
    if (rc == WN_OK) rc = cli_write_pairs(set, s, &m, err);
    for (int i = 0; i < 2 && rc == WN_OK; i++)
        rc = write_unmatched(set, s, i, linked, err);
    if (rc == WN_OK) {
        FILE *fp;
        double now = cli_now();
        rc = wn_outset_open(set, "report.json", &fp, err);
        if (rc == WN_OK)
            cli_write_report(fp, s, &m, now - started, ingested - started, now - matched);
    }
    if (rc == WN_OK) rc = wn_outset_commit(set, err);
    if (rc == WN_OK && !o->quiet) {
        char a[32], b[32], c[32];
        printf("%s left x %s right records -> %s links%s in %.2fs (match threshold %.4f)\n",
               cli_thousands(s->inputs[0].nrec, a, sizeof a),
               cli_thousands(s->inputs[1].nrec, b, sizeof b), cli_thousands(nlinks, c, sizeof c),
               o->one_to_one ? " (one-to-one)" : "", cli_now() - started, m.model.match_threshold);
    }
    free(side);
    free(chosen);
    free(linked);
    wn_match_free(&m);
    if (set) cli_outputs_end(set);
    return rc;
}

int cmd_link(int argc, char **argv)
{
    cli_opts o;
    int prc =
        cli_parse(&o, argc, argv,
                  CLI_OPT_RULES | CLI_OPT_OUTDIR | CLI_OPT_THREADS | CLI_OPT_ONE_TO_ONE, usage);
    if (prc != 0) return prc > 0 ? EXIT_DONE : EXIT_USAGE;
    if (o.nargs != 2) {
        cli_error(CMD, "expected two inputs, LEFT and RIGHT\n%s", usage);
        return EXIT_USAGE;
    }
    cli_session s;
    wn_error err = {0};
    int rc = run(&s, &o, &err);
    uint64_t rejects = s.rejects;
    cli_session_free(&s);
    return cli_session_exit(CMD, rc, &err, rejects, o.outdir);
}
