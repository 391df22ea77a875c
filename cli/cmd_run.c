/*
 * cmd_run.c -- `winnow run`: clean and deduplicate one or more exports.
 *
 *   rules + inputs opened (nothing written on failure) -> ingest every input
 *   into one store (quality.csv, rejects.csv) -> match (block, compare,
 *   train, score, cluster, golden records) -> clusters.csv, pairs.csv,
 *   review.csv, clean.csv, lineage.csv, report.json -> commit all at once.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "match_output.h"
#include "session.h"

#define CMD "run"

static const char usage[] =
    "usage: winnow run [-r RULES.yaml] [-o OUTDIR] [-j THREADS] [--delimiter C] [-q] INPUT...\n"
    "\n"
    "Normalizes and validates every record of the INPUTs (CSV or CSV.gz files, or -\n"
    "for stdin), finds the duplicate customers and merges them into golden records.\n"
    "Writes clean.csv, clusters.csv, pairs.csv, review.csv, lineage.csv, quality.csv,\n"
    "rejects.csv and report.json to OUTDIR (default ./winnow-out).\n"
    "\n"
    "  -o, --output DIR      where to write (created if missing)\n"
    "  -r, --rules FILE      a rules file (see rules/README.md); default: built-in rules\n"
    "  -j, --threads N       threads reading, comparing and scoring (default: all CPUs)\n"
    "  -d, --delimiter C     the delimiter (default: sniffed among , ; tab |)\n"
    "  -q, --quiet           no summary and no progress\n"
    "      --no-progress     no progress display\n";

static void print_summary(const cli_session *s, const wn_match *m, double seconds)
{
    char a[32], b[32], c[32];
    uint64_t findings = 0;
    for (int i = 0; i < s->ninputs; i++)
        for (int k = 0; k < WN_ISSUE_COUNT; k++)
            findings += s->inputs[i].res.findings[k];
    printf("%s records -> %s customers (%s clusters with duplicates) in %.2fs\n",
           cli_thousands(s->store.nrec, a, sizeof a),
           cli_thousands(m->clusters.nclusters, b, sizeof b),
           cli_thousands(m->clusters.nmulti, c, sizeof c), seconds);
    printf("candidate pairs %s, matched %s, for review %s (review.csv)\n",
           cli_thousands(m->npairs, a, sizeof a), cli_thousands(m->matched, b, sizeof b),
           cli_thousands(m->review + m->refused, c, sizeof c));
    printf("match from probability %.2f (%s)\n", m->model.match_threshold,
           wn_model_match_rule(&m->model));
    printf("review from probability %.3f (%s)\n", m->model.review_threshold,
           wn_model_review_rule(&m->model));
    printf("quality findings %s (see quality.csv)\n", cli_thousands(findings, a, sizeof a));
}

/* The outputs written from the match, as jobs for the output threads. */
typedef struct output_jobs {
    wn_outset *set;
    const cli_session *s;
    const wn_match *m;
    char (*ids)[17];
    size_t next; /* the next job (atomic) */
    int rc[4];
    wn_error err[4];
} output_jobs;

static int write_pairs(wn_outset *set, const cli_session *s, const wn_match *m, char (*ids)[17],
                       wn_error *err)
{
    (void)ids;
    return cli_write_pairs(set, s, m, err);
}

/* Longest first, so that two threads finish close together: clean.csv (two
 * scans of the kept rows), pairs.csv and review.csv, lineage.csv,
 * clusters.csv. */
static int (*const output_writers[4])(wn_outset *, const cli_session *, const wn_match *,
                                      char (*)[17], wn_error *) = {
    cli_write_clean, write_pairs, cli_write_lineage, cli_write_clusters};

static void *output_main(void *arg)
{
    output_jobs *o = arg;
    size_t i;
    while ((i = __atomic_fetch_add(&o->next, 1, __ATOMIC_RELAXED)) < 4)
        o->rc[i] = output_writers[i](o->set, o->s, o->m, o->ids, &o->err[i]);
    return NULL;
}

/* Each output is written by one thread; different outputs at once. */
static int write_outputs(wn_outset *set, cli_session *s, const wn_match *m, char (*ids)[17],
                         unsigned threads, wn_error *err)
{
    output_jobs o = {.set = set, .s = s, .m = m, .ids = ids};
    pthread_t tid[3];
    unsigned started = 0;
    while (started + 1 < threads && started < 3 &&
           pthread_create(&tid[started], NULL, output_main, &o) == 0)
        started++;
    output_main(&o); /* and whatever a thread that could not start would have done */
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    for (size_t i = 0; i < 4; i++)
        if (o.rc[i] < 0) {
            *err = o.err[i];
            return o.rc[i];
        }
    return WN_OK;
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
    const char **names = wn_xcalloc((size_t)s->ninputs + 1, sizeof *names);
    for (int i = 0; i < s->ninputs; i++)
        names[i] = s->inputs[i].name;
    char(*ids)[17] = NULL;
    if (rc == WN_OK) {
        wn_match_opts mo = {.threads = cli_threads(o->threads), .source_names = names};
        rc = wn_match_run(&s->store, s->rules, &mo, &m, err);
        if (rc == WN_OK) cli_warn_matching(CMD, &m);
    }
    double matched = cli_now();
    if (rc == WN_OK) {
        ids = wn_xmalloc((s->store.nrec ? s->store.nrec : 1) * sizeof *ids);
        wn_cluster_ids(&s->store, &m.clusters, ids);
        rc = write_outputs(set, s, &m, ids, cli_threads(o->threads), err);
    }
    if (rc == WN_OK) {
        FILE *fp;
        double now = cli_now();
        rc = wn_outset_open(set, "report.json", &fp, err);
        if (rc == WN_OK)
            cli_write_report(fp, s, &m, now - started, ingested - started, now - matched);
    }
    if (rc == WN_OK) rc = wn_outset_commit(set, err);
    if (rc == WN_OK && !o->quiet) print_summary(s, &m, cli_now() - started);
    free(ids);
    free(names);
    wn_match_free(&m);
    if (set) cli_outputs_end(set);
    return rc;
}

int cmd_run(int argc, char **argv)
{
    cli_opts o;
    int prc = cli_parse(&o, argc, argv, CLI_OPT_RULES | CLI_OPT_OUTDIR | CLI_OPT_THREADS, usage);
    if (prc != 0) return prc > 0 ? EXIT_DONE : EXIT_USAGE;
    if (o.nargs < 1) {
        cli_error(CMD, "no input given\n%s", usage);
        return EXIT_USAGE;
    }
    if (o.nargs > 65535) {
        cli_error(CMD, "at most 65535 inputs");
        return EXIT_USAGE;
    }
    cli_session s;
    wn_error err = {0};
    int rc = run(&s, &o, &err);
    uint64_t rejects = s.rejects;
    cli_session_free(&s);
    return cli_session_exit(CMD, rc, &err, rejects, o.outdir);
}
