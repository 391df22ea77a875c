/*
 * rules_emit.c -- writing a rule set back out as a rules file.
 *
 * `winnow rules init` uses this to show what winnow would do with an export:
 * the columns it recognised and every section of the defaults, with comments.
 * The output must load back (rules_yaml.c) to the same rules, which the tests
 * check by comparing the findings of a run with and without it; so every
 * setting is written, never elided, and every string is double-quoted.
 */
#include <string.h>

#include "rules.h"

static void put_str(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', fp);
        if ((unsigned char)*s < 0x20)
            fprintf(fp, "\\x%02x", (unsigned char)*s);
        else
            fputc(*s, fp);
    }
    fputc('"', fp);
}

static void put_strings(FILE *fp, const char *const *v, size_t n)
{
    fputc('[', fp);
    for (size_t i = 0; i < n; i++) {
        if (i) fputs(", ", fp);
        put_str(fp, v[i]);
    }
    fputc(']', fp);
}

static void put_fields(FILE *fp, const wn_field *v, size_t n)
{
    fputc('[', fp);
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "%s%s", i ? ", " : "", wn_field_name(v[i]));
    fputc(']', fp);
}

static void put_threshold(FILE *fp, double t)
{
    if (t == WN_THRESHOLD_AUTO)
        fputs("auto", fp);
    else
        fprintf(fp, "%.6g", t);
}

static void write_settings(const wn_rules *r, FILE *fp)
{
    static const char *const orders[] = {"auto", "day_first", "month_first"};
    fputs("settings:\n  # Region for numbers without a country code (ISO 3166 alpha-2, or \"\").\n",
          fp);
    fputs("  default_country: ", fp);
    put_str(fp, r->default_country);
    fprintf(fp,
            "\n  # auto, day_first or month_first (for dates such as 03/04/2021).\n"
            "  date_order: %s\n\n",
            orders[r->date_order]);
}

static void write_columns(const wn_rules *r, FILE *fp)
{
    fputs("# Each column of the export and the customer field it holds (none: carried\n"
          "# through untouched). normalize lists what is done to a value before it is\n"
          "# validated and compared.\n",
          fp);
    if (r->ncolumns == 0) {
        fputs("columns: []\n\n", fp);
        return;
    }
    fputs("columns:\n", fp);
    for (size_t i = 0; i < r->ncolumns; i++) {
        const wn_column_rule *c = &r->columns[i];
        fputs("  - column: ", fp);
        put_str(fp, c->column);
        fprintf(fp, "\n    field: %s\n", c->field ? wn_field_name(c->field) : "none");
        if (c->field && c->nnorm > 0) {
            fputs("    normalize: [", fp);
            for (size_t k = 0; k < c->nnorm; k++)
                fprintf(fp, "%s%s", k ? ", " : "", wn_normalizer_name((wn_normalizer)c->norm[k]));
            fputs("]\n", fp);
        }
    }
    fputc('\n', fp);
}

static void write_check(const wn_check *c, FILE *fp)
{
    fprintf(fp, "    - field: %s\n", wn_field_name(c->field));
    switch (c->kind) {
    case WN_CHECK_PATTERN:
        fputs("      pattern: ", fp);
        put_str(fp, c->pattern);
        break;
    case WN_CHECK_ALLOWED:
        fputs("      allowed: ", fp);
        put_strings(fp, c->values, c->nvalues);
        break;
    case WN_CHECK_DATE_RANGE:
        fprintf(fp, "      date_range: [%s, %s]", c->min_date, c->max_date);
        break;
    case WN_CHECK_MIN_LENGTH:
        fprintf(fp, "      min_length: %zu", c->min_length);
        break;
    case WN_CHECK_REQUIRED:
        break;
    }
    fputc('\n', fp);
}

static void write_validation(const wn_rules *r, FILE *fp)
{
    fputs(
        "validation:\n  # A customer with no valid value in any of these is reported incomplete.\n"
        "  reachable: ",
        fp);
    put_fields(fp, r->reachable, r->nreachable);
    fputs("\n  # Fields that must be filled.\n  required: ", fp);
    put_fields(fp, r->required, r->nrequired);
    fputs("\n  # pattern (POSIX extended regex), allowed values, date_range, min_length.\n", fp);
    if (r->nchecks == 0)
        fputs("  checks: []\n", fp);
    else
        fputs("  checks:\n", fp);
    for (size_t i = 0; i < r->nchecks; i++)
        write_check(&r->checks[i], fp);
    fputs("  # Values that stand for nothing; compared after normalization.\n  placeholders:\n",
          fp);
    for (size_t i = 0; i < r->nplaceholders; i++) {
        const wn_placeholder_list *p = &r->placeholders[i];
        fprintf(fp, "    %s: ", p->field ? wn_field_name(p->field) : "any");
        put_strings(fp, p->values, p->nvalues);
        fputc('\n', fp);
    }
    if (r->nplaceholders == 0) fputs("    any: []\n", fp);
    fputc('\n', fp);
}

static void write_blocking(const wn_rules *r, FILE *fp)
{
    fprintf(fp,
            "blocking:\n  # Records sharing all keys of a pass are compared, within a pair budget;\n"
            "  # blocks above max_block only through a window. Key parts: field or\n"
            "  # field:transform (%s",
            wn_key_transform_names()[1]);
    for (int t = 2; t < WN_KEY_TRANSFORM_COUNT; t++)
        fprintf(fp, ", %s", wn_key_transform_names()[t]);
    fprintf(fp, ").\n  max_block: %zu\n  passes:\n", r->max_block);
    for (size_t i = 0; i < r->npasses; i++) {
        const wn_block_pass *p = &r->passes[i];
        fputs("    - name: ", fp);
        put_str(fp, p->name);
        fputs("\n      keys: [", fp);
        for (size_t k = 0; k < p->nparts; k++) {
            fprintf(fp, "%s%s", k ? ", " : "", wn_field_name(p->part_field[k]));
            if (p->part_transform[k] != WN_KEY_VALUE)
                fprintf(fp, ":%s", wn_key_transform_name(p->part_transform[k]));
        }
        fputs("]\n", fp);
    }
    fputc('\n', fp);
}

static void write_comparisons(const wn_rules *r, FILE *fp)
{
    fputs("# How each field of a candidate pair is compared. close/loose are the\n"
          "# similarity (or, for edit, distance) limits of the close and loose levels.\n"
          "comparisons:\n",
          fp);
    for (size_t i = 0; i < r->ncomparisons; i++) {
        const wn_comparison *c = &r->comparisons[i];
        fprintf(fp, "  - {field: %s, method: %s", wn_field_name(c->field),
                wn_compare_method_name(c->method));
        if (c->close != 0 || c->loose != 0)
            fprintf(fp, ", close: %.6g, loose: %.6g", c->close, c->loose);
        if (c->tf_adjust) fputs(", tf_adjust: true", fp);
        fputs("}\n", fp);
    }
    fputc('\n', fp);
}

static void write_rest(const wn_rules *r, FILE *fp)
{
    fputs("thresholds:\n  # Match probabilities; auto chooses them from the score distribution.\n"
          "  match: ",
          fp);
    put_threshold(fp, r->match_threshold);
    fputs("\n  review: ", fp);
    put_threshold(fp, r->review_threshold);
    fputs(
        "\n\nclustering:\n  # Records with different valid values here never merge.\n  hard_ids: ",
        fp);
    put_fields(fp, r->hard_ids, r->nhard_ids);
    fprintf(fp, "\n  max_cluster: %zu\n", r->max_cluster);
    fprintf(fp,
            "  # Different given names never merge unless an email, tax id or birth date agrees.\n"
            "  distinct_given_names: %s\n\n",
            r->distinct_given_names ? "true" : "false");
    fprintf(fp, "survivorship:\n  # Which record's value the golden record takes: %s",
            wn_survivor_rule_names()[0]);
    for (int s = 1; s < WN_SURV_RULE_COUNT; s++)
        fprintf(fp, ", %s", wn_survivor_rule_names()[s]);
    fprintf(fp, ".\n  default: %s\n  recency_field: %s\n",
            wn_survivor_rule_name(r->survivor_default), wn_field_name(r->recency_field));
    fputs("  source_priority: ", fp);
    put_strings(fp, r->source_priority, r->nsource_priority);
    fputs("\n  fields:", fp);
    bool any = false;
    for (int f = 1; f < WN_F_COUNT; f++) {
        if (!r->survivor_set[f]) continue;
        fprintf(fp, "\n    %s: %s", wn_field_name((wn_field)f),
                wn_survivor_rule_name(r->survivor[f]));
        any = true;
    }
    fputs(any ? "\n" : " {}\n", fp);
}

void wn_rules_write_yaml(const wn_rules *r, FILE *fp, const char *comment)
{
    if (comment) fprintf(fp, "%s", comment);
    fputs("version: 1\n\n", fp);
    write_settings(r, fp);
    write_columns(r, fp);
    write_validation(r, fp);
    write_blocking(r, fp);
    write_comparisons(r, fp);
    write_rest(r, fp);
}
