/*
 * rules.h -- the rules a run follows, as data.
 *
 * A rule set says which input column is which customer field and how to
 * normalize it, what makes a record invalid or incomplete, how candidate
 * pairs are found (blocking), how they are compared and scored, and how a
 * golden record is built. It comes from three places, in this order:
 *
 *   1. the built-in defaults (rules/default.yaml, compiled in), which are
 *      what `winnow` does with no rules file;
 *   2. column recognition (columns.h), which fills `columns` from the
 *      export's header when the rules file does not list them;
 *   3. a user's rules file (-r), parsed by rules_yaml.c, whose sections
 *      replace the defaults' sections of the same name.
 *
 * `winnow rules init` writes 1+2 back out as YAML (rules_emit.c), so a run
 * with that file behaves exactly like a run without one.
 *
 * Everything here is plain data, read-only once a run starts, so threads can
 * share one wn_rules. Strings are owned by the rule set's arena.
 */
#ifndef WN_RULES_H
#define WN_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "fields.h"
#include "winnow.h"

/* Normalizers a field can go through, in the order listed in its rule. */
typedef enum wn_normalizer {
    WN_NORM_TRIM = 0,    /* whitespace trimmed and collapsed (always applied) */
    WN_NORM_FOLD,        /* Unicode NFKC, case folding, accents stripped */
    WN_NORM_TRANSLIT,    /* non-Latin scripts to Latin */
    WN_NORM_PERSON_NAME, /* honorifics, suffixes, particles */
    WN_NORM_NICKNAME,    /* Bill -> william */
    WN_NORM_EMAIL,
    WN_NORM_PHONE, /* E.164 with the default or the record's country */
    WN_NORM_POSTAL,
    WN_NORM_STREET,
    WN_NORM_COMPANY,
    WN_NORM_DATE,
    WN_NORM_COUNTRY,
    WN_NORM_DIGITS, /* keep digits only (ids) */
    WN_NORM_WEBSITE, /* a web address to its host, without scheme, www. and path */
    WN_NORM_COUNT
} wn_normalizer;

/* The name tables, indexed by the enums (for messages listing the choices). */
const char *const *wn_normalizer_names(void);
const char *const *wn_key_transform_names(void);
const char *const *wn_compare_method_names(void);
const char *const *wn_survivor_rule_names(void);

const char *wn_normalizer_name(wn_normalizer n);
/* -1 if unknown. */
int wn_normalizer_from_name(const char *name);

#define WN_RULES_MAX_NORMALIZERS 6

/* One input column's role. */
typedef struct wn_column_rule {
    const char *column; /* header name as in the export */
    wn_field field;     /* WN_F_NONE: carried through only */
    uint8_t nnorm;
    uint8_t norm[WN_RULES_MAX_NORMALIZERS];
    bool explicit_norm; /* normalizers given in the rules, not implied by the field */
} wn_column_rule;

typedef enum wn_check_kind {
    WN_CHECK_REQUIRED = 0, /* the field must be filled */
    WN_CHECK_PATTERN,      /* POSIX extended regex over the raw value */
    WN_CHECK_ALLOWED,      /* one of a list (compared case-insensitively) */
    WN_CHECK_DATE_RANGE,   /* ISO dates; "today" allowed as the maximum */
    WN_CHECK_MIN_LENGTH,   /* in characters */
} wn_check_kind;

typedef struct wn_check {
    wn_check_kind kind;
    wn_field field;
    const char *pattern; /* PATTERN */
    const char **values; /* ALLOWED */
    size_t nvalues;
    const char *min_date, *max_date; /* DATE_RANGE, "YYYY-MM-DD" or "today" */
    size_t min_length;               /* MIN_LENGTH */
    uint32_t line;                   /* where it was declared, 0 for built-in */
} wn_check;

typedef struct wn_placeholder_list {
    wn_field field;      /* WN_F_NONE: applies to every field */
    const char **values; /* compared after normalization */
    size_t nvalues;
} wn_placeholder_list;

/* A key part of a blocking pass. */
typedef enum wn_key_transform {
    WN_KEY_VALUE = 0, /* the normalized value */
    WN_KEY_INITIAL,   /* its first character */
    WN_KEY_SOUNDEX,
    WN_KEY_METAPHONE,    /* Double Metaphone primary code, 4 characters */
    WN_KEY_PREFIX3,      /* first three characters */
    WN_KEY_YEAR,         /* year of a date */
    WN_KEY_DIGITS_LAST9, /* last nine digits (phones with or without a country code) */
    WN_KEY_DIGITS_LAST7, /* last seven digits (also local numbers without an area code) */
    WN_KEY_TOKENS,       /* each word of the value, a key of its own (at most one such
                            part per pass); words in more than max_block records are
                            too common to tell records apart and make no key */
    WN_KEY_TRANSFORM_COUNT
} wn_key_transform;

const char *wn_key_transform_name(wn_key_transform t);
int wn_key_transform_from_name(const char *name);

#define WN_RULES_MAX_KEY_PARTS 4

typedef struct wn_block_pass {
    const char *name;
    size_t nparts;
    wn_field part_field[WN_RULES_MAX_KEY_PARTS];
    wn_key_transform part_transform[WN_RULES_MAX_KEY_PARTS];
} wn_block_pass;

typedef enum wn_compare_method {
    WN_CMP_EXACT = 0,
    WN_CMP_JARO_WINKLER,
    WN_CMP_EDIT, /* Damerau-Levenshtein (OSA), bounded */
    WN_CMP_TOKEN_SET,
    WN_CMP_QGRAM,
    WN_CMP_DATE, /* exact / one typo or day-month swap / year off by one */
    WN_CMP_NUMERIC,
    WN_CMP_NAME,    /* Jaro-Winkler plus nickname and initial awareness */
    WN_CMP_PHONE,   /* E.164 or national digits: trailing digits, typos */
    WN_CMP_ADDRESS, /* street lines: words as a set, the house number must agree */
    WN_CMP_METHOD_COUNT
} wn_compare_method;

const char *wn_compare_method_name(wn_compare_method m);
int wn_compare_method_from_name(const char *name);

/* A rules file may list a comparison for every field; matching uses those
 * whose fields hold values in the export, at most 21 of them (levels are
 * packed 3 bits each into 64: compare.h, WN_COMPARE_MAX). */
#define WN_RULES_MAX_COMPARISONS 64

typedef struct wn_comparison {
    wn_field field;
    wn_compare_method method;
    double close, loose; /* similarity thresholds for the close and loose levels */
    bool tf_adjust;      /* term-frequency adjustment on exact agreement */
} wn_comparison;

typedef enum wn_survivor_rule {
    WN_SURV_MOST_COMPLETE = 0, /* from the record with the most filled fields */
    WN_SURV_MOST_RECENT,       /* from the record with the latest recency field */
    WN_SURV_MOST_FREQUENT,
    WN_SURV_LONGEST,
    WN_SURV_SOURCE_PRIORITY, /* from the first source in `source_priority` order */
    WN_SURV_FIRST_NON_EMPTY, /* in input order */
    WN_SURV_RULE_COUNT
} wn_survivor_rule;

const char *wn_survivor_rule_name(wn_survivor_rule r);
int wn_survivor_rule_from_name(const char *name);

#define WN_THRESHOLD_AUTO (-1.0)

typedef struct wn_rules {
    wn_arena arena;
    const char *path; /* the file it came from, or "<default>" */

    /* settings */
    char default_country[3]; /* "" : none; decides phone and postal parsing */
    int date_order;          /* 0 auto, 1 day first, 2 month first */

    /* columns: empty means "recognise from the header" */
    wn_column_rule *columns;
    size_t ncolumns;
    bool columns_given;

    /* validation */
    wn_field *reachable; /* a record needs one valid value among these */
    size_t nreachable;
    wn_field *required; /* each must be filled */
    size_t nrequired;
    wn_check *checks;
    size_t nchecks;
    wn_placeholder_list *placeholders;
    size_t nplaceholders;

    /* matching */
    wn_block_pass *passes;
    size_t npasses;
    size_t max_block; /* records; larger blocks are skipped and reported */
    wn_comparison *comparisons;
    size_t ncomparisons;
    double match_threshold; /* probability, or WN_THRESHOLD_AUTO */
    double review_threshold;
    size_t max_cluster;
    bool distinct_given_names; /* different given names never merge without an id */
    wn_field *hard_ids;        /* two different valid values never merge */
    size_t nhard_ids;

    /* survivorship */
    wn_survivor_rule survivor_default;
    wn_survivor_rule survivor[WN_F_COUNT]; /* per field; default where not set */
    bool survivor_set[WN_F_COUNT];
    wn_field recency_field;
    const char **source_priority;
    size_t nsource_priority;
} wn_rules;

/* The built-in rules (rules/default.yaml). Never fails on a correct build;
 * a broken embedded file is reported like a user's. */
int wn_rules_load_default(wn_rules **out, wn_error *err);

/* Loads a rules file over the defaults. Errors name file:line:column. */
int wn_rules_load_file(wn_rules **out, const char *path, wn_error *err);

/* The defaults with YAML `text` (called `name` in messages) on top; NULL
 * text gives the defaults alone. */
int wn_rules_load_text(wn_rules **out, const char *name, const char *text, size_t len,
                       wn_error *err);

void wn_rules_free(wn_rules *r);

/* Writes `r` as a commented rules file that loads back to the same rules. */
void wn_rules_write_yaml(const wn_rules *r, FILE *fp, const char *comment);

/* The normalizers a field gets when the rules don't say. */
size_t wn_rules_default_normalizers(wn_field f, uint8_t out[WN_RULES_MAX_NORMALIZERS]);

#endif
