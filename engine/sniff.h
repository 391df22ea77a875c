/*
 * sniff.h -- guessing an export's dialect from its first bytes.
 *
 * Line ending: LF if the sample has one (CRLF if the first LF follows a CR),
 * CR for the old Mac exports that use CR alone.
 *
 * Delimiter: for each candidate (comma, semicolon, tab, pipe) count its
 * occurrences outside quotes on each complete record of the sample. The header
 * sets the expected count; the candidate that most records agree with wins.
 * Among equally consistent candidates the one that splits the header into
 * more fields wins, then the order above. Decimal commas in a European
 * export (`Ann;1,5;Köln`) do not mislead it: the header has no comma, so the
 * comma is not a candidate. A header
 * without any candidate is a one-column file. An Excel `sep=X` first line
 * decides it outright.
 */
#ifndef WN_SNIFF_H
#define WN_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct wn_dialect {
    char delimiter;
    char eol;            /* '\n' or '\r' */
    bool crlf;           /* lines end in CR LF */
    size_t sep_line_len; /* > 0: the sample starts with an Excel `sep=X` line this long */
} wn_dialect;

/* `at_eof`: the sample is the whole input, so its last record is complete. */
void wn_sniff(const char *sample, size_t len, bool at_eof, wn_dialect *out);

#endif
