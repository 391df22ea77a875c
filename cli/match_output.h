/*
 * match_output.h -- the files `run` and `link` write from a match result:
 * clusters.csv, pairs.csv, review.csv, clean.csv, lineage.csv and the
 * matching part of report.json.
 */
#ifndef WN_CLI_MATCH_OUTPUT_H
#define WN_CLI_MATCH_OUTPUT_H

#include "match.h"
#include "session.h"

/* pairs.csv (every pair at or above the review threshold) and review.csv
 * (pairs for a person: between the thresholds, or refused by a guard). */
int cli_write_pairs(wn_outset *set, const cli_session *s, const wn_match *m, wn_error *err);

/* Says on stderr what matching left out: blocks the pair budget or
 * max_block kept from being paired whole, comparisons past the limit. */
void cli_warn_matching(const char *cmd, const wn_match *m);

/* clusters.csv: every record once, in input order. */
int cli_write_clusters(wn_outset *set, const cli_session *s, const wn_match *m,
                       char (*cluster_ids)[17], wn_error *err);

/* clean.csv: one row per customer (golden records and singletons, in the
 * first input's columns plus cluster_id). Scans the kept rows twice. */
int cli_write_clean(wn_outset *set, const cli_session *s, const wn_match *m,
                    char (*cluster_ids)[17], wn_error *err);

/* lineage.csv: which record each golden field came from. */
int cli_write_lineage(wn_outset *set, const cli_session *s, const wn_match *m,
                      char (*cluster_ids)[17], wn_error *err);

/* The "matching" object of report.json. */
void cli_json_matching(wn_json *j, const cli_session *s, const wn_match *m);

/* report.json for run and link; `output_seconds`: writing the CSV outputs. */
void cli_write_report(FILE *fp, const cli_session *s, const wn_match *m, double seconds,
                      double ingest_seconds, double output_seconds);

#endif
