/*
 * columns.h -- recognising which canonical field each column of an export holds.
 *
 * A CRM export names its columns the way its vendor does ("Mailing Zip/Postal
 * Code", "emailaddress1", "Person - Phone - Mobile", "Vorname"). Column
 * recognition maps each header onto a wn_field (fields.h) so that the rest of
 * the engine works on first_name, email, postal_code, ... whatever the export.
 *
 * The knowledge is data: rules/data/headers.csv lists header spellings
 * (aliases), keywords and hints, each with its field, a priority and tags
 * naming the vendors and languages that use it. The code only decides, in
 * this order, for every column:
 *
 *   1. alias    the normalized header is a known spelling (exact lookup);
 *   2. keyword  the header contains a keyword's words ("Work Email 2"), and
 *               the sampled values do not contradict the field;
 *   3. hint     the header contains a vague word ("Code") and at least 80% of
 *               the sampled values have the field's shape (a postal code);
 *   4. values   no header evidence at all: at least 80% of the non-empty
 *               sampled values look like emails, or like phone numbers
 *               written with phone punctuation, or like birth dates (policy
 *               below); or the column is the export's record id: every
 *               sampled value present, distinct, short and without blanks,
 *               in the first column or under a header with an id word
 *               ("id", "key", "nr", "no", "ref", "code").
 *   5. generic  what is left and holds text worth comparing -- present in
 *               at least 5% of the rows, with letters, with three values
 *               or more (not a flag), and not a value each row has its own
 *               (long free text, or codes without blanks) -- becomes one of
 *               the generic text fields text_1 .. text_4, the four with the
 *               most evidence (filled share times the bits of its distinct
 *               values) in column order: a business's cuisine, a source
 *               system's category. Matching compares them as words, and
 *               EM learns what their agreement is worth in this export.
 *
 * Headers are compared after wn_columns_normalize(): case and accents folded
 * (Unicode NFKD, marks stripped, case folded, so "Straße" is "strasse"),
 * camelCase and letter/digit runs split ("emailAddress1" is "email address 1"),
 * and every run of other characters one space.
 *
 * People or organisations: a column the header calls a full name ("Name")
 * is taken as a company name when its sampled values read as
 * organisations' (policy in columns.c, organisations()).
 *
 * Single-valued fields (everything but email, phone, mobile and fax) go to one
 * column only. When several columns denote the same one, the lowest table
 * priority wins, then the strongest decision (alias > keyword > hint >
 * values), then the leftmost column; the others are marked `secondary` and
 * carried through untouched. Addresses are kept whole: if any address column
 * has priority 1 or 2, every address column of priority 3 or more
 * (Salesforce Other* and Shipping*, Dynamics Address 2, a Pipedrive
 * organization's address) is secondary, so a record's street and city never
 * come from two addresses.
 *
 * Birth dates from values alone: a date column without header evidence could
 * be a creation date, a renewal date or a birthday. It is taken as the birth
 * date only if at least 5 values were sampled, 80% of them are dates without
 * a time of day, every year lies in [1900, year - 14] and the years span at
 * least 10 years (people's birthdays spread over decades; record dates
 * cluster and usually carry a time). Created/modified are never decided from
 * values alone: the two cannot be told apart without the header.
 *
 * The vendor and the language of the export are decided by the tags of the
 * aliases that matched: each matched alias gives each of its k vendor tags
 * 1/k of a vote (a spelling only one vendor uses counts most). A vendor needs
 * 2 votes and 1 more than the runner-up, else the export is "generic"; a
 * language needs 1 vote and more than any other, else it is "" (English or
 * unknown). An alias with several rows takes the row tagged with the export's
 * vendor, else the one tagged with its language, else its first row.
 *
 * A wn_columns (the loaded table) is read-only once built and can be shared by
 * threads; each resolution writes into its own wn_columns_map.
 */
#ifndef WN_COLUMNS_H
#define WN_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "fields.h"
#include "winnow.h"

typedef struct wn_columns wn_columns;

/* How a column's field was decided (see the steps above). */
typedef enum wn_column_how {
    WN_COLUMN_UNKNOWN = 0, /* nothing matched: field is WN_F_NONE */
    WN_COLUMN_ALIAS,
    WN_COLUMN_KEYWORD,
    WN_COLUMN_HINT,
    WN_COLUMN_VALUES,
    WN_COLUMN_GENERIC, /* nothing recognised, but text worth comparing: text_1..4 */
} wn_column_how;

typedef struct wn_column {
    wn_field field;     /* what the column holds; WN_F_NONE: not used */
    wn_column_how how;  /* how that was decided */
    float confidence;   /* 0..1 */
    int priority;       /* the table row's: 1 primary, 2 weaker, 3-9 another
                           address or record; 1 when decided from values */
    bool secondary;     /* another column supplies this single-valued field */
    bool organisations; /* a full-name header over organisations' names: company */
    float fit;          /* share of non-empty sampled values shaped like the
                           field; -1 when the field has no shape check or no
                           value was sampled */
    size_t nonempty;    /* non-empty values sampled */
    const char *key;    /* the normalized header */
    const char *rule;   /* the table's alias or keyword that decided ("" if none) */
    size_t rule_line;   /* its line in the table, 0 if none */
} wn_column;

/* The result of one resolution; owns all its strings. */
typedef struct wn_columns_map {
    size_t ncols;
    wn_column *cols;
    const char *vendor;   /* "salesforce", "hubspot", ..., or "generic" */
    const char *language; /* "de", "fr", ... or "" (English or undecided) */
    /* The column supplying each field (the first of several for the
     * multi-valued ones), or -1. */
    long primary[WN_F_COUNT];
    wn_arena mem;
} wn_columns_map;

/* What to resolve: the header and a sample of the first data rows. */
typedef struct wn_columns_input {
    size_t ncols;
    const char *const *names; /* ncols header names, UTF-8 */
    size_t nrows;             /* sampled rows, may be 0 */
    const char *const *cells; /* nrows * ncols values, row-major; NULL = empty */
    int year;                 /* current year for the birth-date policy; 0: clock */
} wn_columns_input;

/* Loads the table compiled in from rules/data/headers.csv. */
int wn_columns_load(wn_columns **out, wn_error *err);

/* Builds a recogniser from table text in the headers.csv format; `name` is
 * used in messages. Fails with WN_ERULES (naming the line) on an unknown
 * field, a bad priority, a repeated alias or too many distinct tags. */
int wn_columns_load_text(wn_columns **out, const char *name, const char *text, size_t len,
                         wn_error *err);

void wn_columns_free(wn_columns *c);

/* Appends the lookup form of header `s` to `out` (cleared first): e.g.
 * "Mailing Zip/Postal Code" -> "mailing zip postal code", "firstName" ->
 * "first name", "E-Mail-Adresse" -> "e mail adresse". Invalid UTF-8 bytes act
 * as separators. Returns WN_NORM_OK, or WN_NORM_EMPTY if no letter or digit
 * remains. */
int wn_columns_normalize(const char *s, size_t len, wn_buf *out);

/* Maps every column of `in` (see the steps above). Fills `out`, which the
 * caller releases with wn_columns_map_free() even on failure. Fails with
 * WN_EUSAGE if ncols is 0 or a name is NULL. */
int wn_columns_resolve(const wn_columns *c, const wn_columns_input *in, wn_columns_map *out,
                       wn_error *err);

void wn_columns_map_free(wn_columns_map *m);

/* The vendor whose export these headers look like, by the vote above:
 * "salesforce", "hubspot", "dynamics", "zoho", "pipedrive", "febrl" (any
 * vendor tag of the table) or "generic". The string lives as long as `c`. */
const char *wn_columns_vendor(const wn_columns *c, size_t ncols, const char *const *names);

/* "alias", "keyword", "hint", "values" or "unknown". */
const char *wn_column_how_name(wn_column_how how);

/* Appends a readable summary of `m` to `out`: the vendor and language, then
 * one line per column with its header (`names`, as given to resolve), field,
 * decision, confidence and what made it secondary or unknown. */
void wn_columns_describe(const wn_columns_map *m, const char *const *names, wn_buf *out);

#endif
