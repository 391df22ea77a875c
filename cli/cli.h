/*
 * cli.h -- what the winnow program's subcommands share.
 *
 * Each subcommand lives in cmd_<name>.c as `int cmd_<name>(int argc, char **argv)`
 * and returns an exit status. Messages go to stderr as `winnow <cmd>: ...`.
 */
#ifndef WN_CLI_H
#define WN_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "winnow.h"

/* Exit statuses: a contract with the scripts that run winnow (README). */
enum {
    EXIT_DONE = 0,    /* done */
    EXIT_USAGE = 1,   /* bad command line */
    EXIT_INPUT = 2,   /* unreadable input or invalid rules; nothing written */
    EXIT_REJECTS = 3, /* finished, but some rows were rejected (listed in rejects.csv) */
};

/* Options most subcommands take. */
typedef struct cli_opts {
    const char *rules;  /* -r */
    const char *outdir; /* -o, default "winnow-out" */
    int threads;        /* -j, 0 = online CPUs */
    char delimiter;     /* --delimiter, 0 = sniff */
    bool quiet;         /* -q: no table, no progress */
    bool progress;      /* progress on stderr (default: when stderr is a terminal) */
    bool one_to_one;    /* link: each record linked at most once */
    const char *labels; /* --labels: a file of labelled pairs */
    int nargs;          /* positional arguments */
    char **args;
} cli_opts;

enum {
    CLI_OPT_RULES = 1 << 0,
    CLI_OPT_OUTDIR = 1 << 1,
    CLI_OPT_THREADS = 1 << 2,
    CLI_OPT_ONE_TO_ONE = 1 << 3,
    CLI_OPT_LABELS = 1 << 4,
};

/* Parses argv (argv[0] is the subcommand). `accepted` is a mask of CLI_OPT_*;
 * --delimiter, -q and --help are always accepted. Returns -1 and prints a
 * message on a bad command line; 1 if --help was asked (usage printed). */
int cli_parse(cli_opts *o, int argc, char **argv, unsigned accepted, const char *usage);

void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_warn(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Maps an engine status to an exit status (WN_EUSAGE -> 1, others -> 2). */
int cli_exit_for(int wn_status);
/* The end of a command that read inputs: reports `err` (rc < 0) or the
 * rejected rows, and returns the exit status (EXIT_DONE, EXIT_REJECTS, or
 * cli_exit_for(rc)). */
int cli_session_exit(const char *cmd, int rc, const wn_error *err, uint64_t rejects,
                     const char *outdir);

/* Creates the output set and arranges for its temporary files to be removed
 * if the program is interrupted (SIGINT, SIGTERM, SIGHUP). */
int cli_outputs_begin(wn_outset **set, const char *outdir, char **inputs, int ninputs,
                      wn_error *err);
void cli_outputs_end(wn_outset *set);

/* Progress on stderr, redrawn at most five times a second. */
typedef struct cli_progress {
    bool enabled;
    const char *label;
    double started;
    double last_draw;
} cli_progress;

void cli_progress_start(cli_progress *p, bool enabled, const char *label);
void cli_progress_update(cli_progress *p, const wn_reader *r);
void cli_progress_done(cli_progress *p);

double cli_now(void); /* monotonic seconds */

/* "1,234,567" */
const char *cli_thousands(uint64_t v, char *buf, int cap);

int cmd_profile(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_link(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* Threads to use: `asked`, or the online CPUs when 0. */
int cli_threads(int asked);

#endif
