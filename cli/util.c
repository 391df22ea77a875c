/*
 * util.c -- option parsing, messages, output-set lifetime and exit codes
 * shared by the subcommands.
 */
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "winnow %s: error: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_warn(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "winnow %s: warning: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_exit_for(int wn_status)
{
    return wn_status == WN_EUSAGE ? EXIT_USAGE : EXIT_INPUT;
}

static int parse_delimiter(const char *s, char *out)
{
    if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0) {
        *out = '\t';
        return 0;
    }
    if (strlen(s) != 1 || s[0] == '"' || s[0] == '\n' || s[0] == '\r') return -1;
    *out = s[0];
    return 0;
}

int cli_parse(cli_opts *o, int argc, char **argv, unsigned accepted, const char *usage)
{
    static const struct option longopts[] = {
        {"rules", required_argument, NULL, 'r'},   {"output", required_argument, NULL, 'o'},
        {"threads", required_argument, NULL, 'j'}, {"delimiter", required_argument, NULL, 'd'},
        {"quiet", no_argument, NULL, 'q'},         {"no-progress", no_argument, NULL, 'P'},
        {"one-to-one", no_argument, NULL, '1'},    {"labels", required_argument, NULL, 'L'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
    };
    const char *cmd = argv[0];
    memset(o, 0, sizeof *o);
    o->outdir = "winnow-out";
    o->progress = isatty(STDERR_FILENO);
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":r:o:j:d:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'r':
            if (!(accepted & CLI_OPT_RULES)) goto unknown;
            o->rules = optarg;
            break;
        case 'o':
            if (!(accepted & CLI_OPT_OUTDIR)) goto unknown;
            o->outdir = optarg;
            break;
        case 'j': {
            if (!(accepted & CLI_OPT_THREADS)) goto unknown;
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 256) {
                cli_error(cmd, "-j wants a thread count from 1 to 256, not '%s'", optarg);
                return -1;
            }
            o->threads = (int)n;
            break;
        }
        case 'd':
            if (parse_delimiter(optarg, &o->delimiter) != 0) {
                cli_error(cmd, "--delimiter wants one character (or 'tab'), not '%s'", optarg);
                return -1;
            }
            break;
        case 'q':
            o->quiet = true;
            o->progress = false;
            break;
        case 'P':
            o->progress = false;
            break;
        case '1':
            if (!(accepted & CLI_OPT_ONE_TO_ONE)) goto unknown;
            o->one_to_one = true;
            break;
        case 'L':
            if (!(accepted & CLI_OPT_LABELS)) goto unknown;
            o->labels = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            return 1;
        case ':':
            cli_error(cmd, "option '%s' needs a value\n%s", argv[optind - 1], usage);
            return -1;
        default:
        unknown:
            cli_error(cmd, "unknown option '%s'\n%s", argv[optind - 1], usage);
            return -1;
        }
    }
    o->nargs = argc - optind;
    o->args = argv + optind;
    return 0;
}

int cli_threads(int asked)
{
    if (asked > 0) return asked;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 && n < 256 ? (int)n : 1;
}

/* ---- outputs and signals ------------------------------------------------- */

static wn_outset *volatile current_outputs;

static void on_fatal_signal(int sig)
{
    wn_outset *set = current_outputs;
    if (set) wn_outset_abort_from_signal(set);
    signal(sig, SIG_DFL);
    raise(sig);
}

int cli_outputs_begin(wn_outset **set, const char *outdir, char **inputs, int ninputs,
                      wn_error *err)
{
    int rc = wn_outset_new(set, outdir, (const char *const *)inputs, (size_t)ninputs, err);
    if (rc < 0) return rc;
    current_outputs = *set;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    return WN_OK;
}

void cli_outputs_end(wn_outset *set)
{
    current_outputs = NULL;
    wn_outset_free(set);
}

/* ---- small formatting helpers ---------------------------------------------- */

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *cli_thousands(uint64_t v, char *buf, int cap)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    int out = 0;
    for (int i = 0; i < n && out + 2 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0) buf[out++] = ',';
        buf[out++] = digits[i];
    }
    buf[out] = '\0';
    return buf;
}

int cli_session_exit(const char *cmd, int rc, const wn_error *err, uint64_t rejects,
                     const char *outdir)
{
    if (rc < 0) {
        cli_error(cmd, "%s", err->msg);
        return cli_exit_for(rc);
    }
    if (rejects) {
        cli_warn(cmd, "%llu %s rejected; listed in %s/rejects.csv", (unsigned long long)rejects,
                 rejects == 1 ? "row" : "rows", outdir);
        return EXIT_REJECTS;
    }
    return EXIT_DONE;
}
