/*
 * sniff.c -- delimiter and line-ending detection; see sniff.h.
 */
#include "sniff.h"

#include <string.h>

#define SNIFF_MAX_RECORDS 64

static const char candidates[] = {',', ';', '\t', '|'};
#define NCANDIDATES (sizeof candidates)

static char sniff_eol(const char *s, size_t len, bool *crlf)
{
    const char *lf = memchr(s, '\n', len);
    *crlf = lf && lf > s && lf[-1] == '\r';
    if (lf) return '\n';
    return memchr(s, '\r', len) ? '\r' : '\n';
}

/* `sep=;` (optionally followed by CR) as the whole first line. */
static size_t excel_sep_line(const char *s, size_t len, char eol, char *delim)
{
    if (len < 5 || memcmp(s, "sep=", 4) != 0) return 0;
    size_t n = 5;
    if (n < len && s[n] == '\r' && eol == '\n') n++;
    if (n < len && s[n] == eol) {
        *delim = s[4];
        return n + 1;
    }
    return 0;
}

void wn_sniff(const char *s, size_t len, bool at_eof, wn_dialect *out)
{
    memset(out, 0, sizeof *out);
    out->eol = sniff_eol(s, len, &out->crlf);
    out->delimiter = ',';
    out->sep_line_len = excel_sep_line(s, len, out->eol, &out->delimiter);
    if (out->sep_line_len) return;

    unsigned counts[SNIFF_MAX_RECORDS][NCANDIDATES];
    size_t nrec = 0;
    bool quoted = false;
    memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < len && nrec < SNIFF_MAX_RECORDS; i++) {
        char c = s[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == out->eol) {
            nrec++;
        } else if (!quoted) {
            for (size_t k = 0; k < NCANDIDATES; k++)
                counts[nrec][k] += c == candidates[k];
        }
    }
    /* The last record counts only if it is complete. */
    if (at_eof && nrec < SNIFF_MAX_RECORDS && len > 0 && s[len - 1] != out->eol) nrec++;
    if (nrec == 0) nrec = 1; /* a header cut short by the sample: judge it alone */

    double best_score = 0.0;
    for (size_t k = 0; k < NCANDIDATES; k++) {
        unsigned expected = counts[0][k];
        if (expected == 0) continue;
        size_t agree = 0;
        for (size_t r = 1; r < nrec; r++)
            agree += counts[r][k] == expected;
        double score = nrec > 1 ? (double)agree / (double)(nrec - 1) : 1.0;
        /* Breaks ties between equally consistent candidates; too small to
         * outweigh a single disagreeing record (1/63). */
        score += expected * 1e-6;
        if (score > best_score) {
            best_score = score;
            out->delimiter = candidates[k];
        }
    }
}
