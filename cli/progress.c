/*
 * progress.c -- a one-line progress display on stderr.
 *
 * Shown only when asked for (by default: when stderr is a terminal), so logs
 * of unattended runs stay clean. Percent is of the file's bytes (compressed
 * bytes for gzip, which is what is known up front); for a pipe only the row
 * count and rate are shown.
 */
#include <stdio.h>

#include "cli.h"

#define REDRAW_SECONDS 0.2

void cli_progress_start(cli_progress *p, bool enabled, const char *label)
{
    p->enabled = enabled;
    p->label = label;
    p->started = cli_now();
    p->last_draw = 0.0;
}

void cli_progress_update(cli_progress *p, const wn_reader *r)
{
    if (!p->enabled) return;
    double now = cli_now();
    if (now - p->last_draw < REDRAW_SECONDS) return;
    p->last_draw = now;
    wn_reader_stats st;
    wn_reader_stats_get(r, &st);
    uint64_t records = st.rows + st.rejects;
    double elapsed = now - p->started;
    double rate = elapsed > 0 ? (double)records / elapsed : 0.0;
    char rows[32], per_s[32];
    cli_thousands(records, rows, sizeof rows);
    cli_thousands((uint64_t)rate, per_s, sizeof per_s);
    if (st.bytes_total > 0)
        fprintf(stderr, "\r%s: %5.1f%%  %s records  %s records/s ", p->label,
                100.0 * (double)st.bytes_read / (double)st.bytes_total, rows, per_s);
    else
        fprintf(stderr, "\r%s: %s records  %s records/s ", p->label, rows, per_s);
    fflush(stderr);
}

void cli_progress_done(cli_progress *p)
{
    if (p->enabled && p->last_draw > 0.0) fputs("\r\033[K", stderr);
}
