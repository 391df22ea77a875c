/*
 * rules_yaml.c -- reading a rules file (YAML, with libyaml).
 *
 * The file is loaded as a libyaml document (a node tree that keeps each
 * node's line and column), then walked section by section into wn_rules.
 * Being strict is the point: an unknown key, a value of the wrong type, an
 * unknown field, normalizer or method is an error naming file:line:column
 * and what was expected -- a typo in a nightly job's rules must stop the
 * job, not silently change what it merges.
 *
 * Layering: the built-in rules/default.yaml is applied first, then the
 * user's file into the same wn_rules; a section the user gives starts from
 * empty, so "blocking:" in a user file means exactly the passes listed.
 */
#include <errno.h>
#include <regex.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "buf.h"
#include "embedded.h"
#include "error.h"
#include "rules.h"

typedef struct yctx {
    yaml_document_t doc;
    const char *name;
    wn_rules *r;
    wn_error *err;
} yctx;

static int fail_at(yctx *c, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail_at(yctx *c, const yaml_node_t *n, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return wn_fail(c->err, WN_ERULES, "%s:%zu:%zu: %s", c->name, n->start_mark.line + 1,
                   n->start_mark.column + 1, msg);
}

static yaml_node_t *node_at(yctx *c, int index)
{
    return yaml_document_get_node(&c->doc, index);
}

static const char *node_kind(const yaml_node_t *n)
{
    return n->type == YAML_MAPPING_NODE    ? "a mapping"
           : n->type == YAML_SEQUENCE_NODE ? "a list"
                                           : "a scalar";
}

static int want(yctx *c, const yaml_node_t *n, yaml_node_type_t type, const char *what)
{
    if (n->type == type) return WN_OK;
    return fail_at(c, n, "%s must be %s, found %s", what,
                   type == YAML_MAPPING_NODE    ? "a mapping (key: value)"
                   : type == YAML_SEQUENCE_NODE ? "a list"
                                                : "a single value",
                   node_kind(n));
}

static const char *scalar(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

static char *keep(yctx *c, const char *s)
{
    return wn_arena_strndup(&c->r->arena, s, strlen(s));
}

/* "expected one of a, b, c" from a name table. */
static const char *one_of(const char *const *names, size_t n, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used + 1 < cap; i++) {
        if (!names[i] || !names[i][0]) continue;
        int w = snprintf(buf + used, cap - used, "%s%s", used ? ", " : "", names[i]);
        if (w < 0) break;
        used += (size_t)w;
    }
    return buf;
}

/* ---- typed scalars -------------------------------------------------------- */

static int get_field(yctx *c, const yaml_node_t *n, bool allow_none, wn_field *out)
{
    if (want(c, n, YAML_SCALAR_NODE, "a field") < 0) return WN_ERULES;
    if (allow_none && strcmp(scalar(n), "none") == 0) {
        *out = WN_F_NONE;
        return WN_OK;
    }
    wn_field f = wn_field_from_name(scalar(n));
    if (f == WN_F_NONE) {
        const char *names[WN_F_COUNT];
        for (int i = 0; i < WN_F_COUNT; i++)
            names[i] = wn_field_name((wn_field)i);
        char list[600];
        return fail_at(c, n, "unknown field '%s'; expected one of %s%s", scalar(n),
                       one_of(names, WN_F_COUNT, list, sizeof list), allow_none ? ", none" : "");
    }
    *out = f;
    return WN_OK;
}

static int get_number(yctx *c, const yaml_node_t *n, const char *what, double lo, double hi,
                      double *out)
{
    if (want(c, n, YAML_SCALAR_NODE, what) < 0) return WN_ERULES;
    char *end;
    double v = strtod(scalar(n), &end);
    if (end == scalar(n) || *end || v < lo || v > hi)
        return fail_at(c, n, "%s must be a number from %g to %g, found '%s'", what, lo, hi,
                       scalar(n));
    *out = v;
    return WN_OK;
}

static int get_bool(yctx *c, const yaml_node_t *n, const char *what, bool *out)
{
    if (want(c, n, YAML_SCALAR_NODE, what) < 0) return WN_ERULES;
    const char *s = scalar(n);
    if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on"))
        *out = true;
    else if (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off"))
        *out = false;
    else
        return fail_at(c, n, "%s must be true or false, found '%s'", what, s);
    return WN_OK;
}

static int get_threshold(yctx *c, const yaml_node_t *n, const char *what, double *out)
{
    if (n->type == YAML_SCALAR_NODE && strcmp(scalar(n), "auto") == 0) {
        *out = WN_THRESHOLD_AUTO;
        return WN_OK;
    }
    if (n->type == YAML_SCALAR_NODE) {
        char *end;
        double v = strtod(scalar(n), &end);
        if (end != scalar(n) && !*end && v > 0.0 && v < 1.0) {
            *out = v;
            return WN_OK;
        }
    }
    return fail_at(c, n, "%s must be auto or a probability between 0 and 1 (exclusive)", what);
}

static bool is_iso_date(const char *s)
{
    int y, m, d;
    char tail;
    return sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen(s) == 10 && m >= 1 &&
           m <= 12 && d >= 1 && d <= 31;
}

/* A list of scalars copied into the arena. */
static int get_strings(yctx *c, const yaml_node_t *n, const char *what, const char ***out,
                       size_t *count)
{
    if (want(c, n, YAML_SEQUENCE_NODE, what) < 0) return WN_ERULES;
    size_t len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    const char **v = wn_arena_alloc(&c->r->arena, (len ? len : 1) * sizeof *v, sizeof *v);
    for (size_t i = 0; i < len; i++) {
        const yaml_node_t *item = node_at(c, n->data.sequence.items.start[i]);
        if (want(c, item, YAML_SCALAR_NODE, "each item") < 0) return WN_ERULES;
        v[i] = keep(c, scalar(item));
    }
    *out = v;
    *count = len;
    return WN_OK;
}

static int get_fields(yctx *c, const yaml_node_t *n, const char *what, wn_field **out,
                      size_t *count)
{
    if (want(c, n, YAML_SEQUENCE_NODE, what) < 0) return WN_ERULES;
    size_t len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    wn_field *v = wn_arena_alloc(&c->r->arena, (len ? len : 1) * sizeof *v, sizeof *v);
    for (size_t i = 0; i < len; i++)
        if (get_field(c, node_at(c, n->data.sequence.items.start[i]), false, &v[i]) < 0)
            return WN_ERULES;
    *out = v;
    *count = len;
    return WN_OK;
}

/* ---- mappings ------------------------------------------------------------- */

/* Calls `fn` for each key of a mapping, after checking it is one of `keys`. */
typedef int (*key_fn)(yctx *c, const char *key, const yaml_node_t *value, void *ud);

static int each_key(yctx *c, const yaml_node_t *map, const char *what, const char *const *keys,
                    size_t nkeys, key_fn fn, void *ud)
{
    if (want(c, map, YAML_MAPPING_NODE, what) < 0) return WN_ERULES;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *k = node_at(c, p->key);
        if (want(c, k, YAML_SCALAR_NODE, "a key") < 0) return WN_ERULES;
        bool known = false;
        for (size_t i = 0; i < nkeys && !known; i++)
            known = strcmp(keys[i], scalar(k)) == 0;
        if (!known) {
            char list[400];
            return fail_at(c, k, "unknown key '%s' in %s; expected one of %s", scalar(k), what,
                           one_of(keys, nkeys, list, sizeof list));
        }
        if (fn(c, scalar(k), node_at(c, p->value), ud) < 0) return WN_ERULES;
    }
    return WN_OK;
}

static size_t seq_len(const yaml_node_t *n)
{
    return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

/* ---- settings ------------------------------------------------------------- */

static int settings_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    if (want(c, v, YAML_SCALAR_NODE, key) < 0) return WN_ERULES;
    const char *s = scalar(v);
    if (strcmp(key, "default_country") == 0) {
        if (s[0] && !(strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'))
            return fail_at(c, v,
                           "default_country must be an ISO 3166 alpha-2 code such as US, "
                           "or \"\", found '%s'",
                           s);
        memcpy(c->r->default_country, s, strlen(s) + 1);
    } else { /* date_order */
        static const char *const orders[] = {"auto", "day_first", "month_first"};
        int i = 0;
        while (i < 3 && strcmp(orders[i], s) != 0)
            i++;
        if (i == 3)
            return fail_at(c, v,
                           "date_order must be one of auto, day_first, month_first, found '%s'", s);
        c->r->date_order = i;
    }
    return WN_OK;
}

static int load_settings(yctx *c, const yaml_node_t *n)
{
    static const char *const keys[] = {"default_country", "date_order"};
    return each_key(c, n, "settings", keys, 2, settings_key, NULL);
}

/* ---- columns -------------------------------------------------------------- */

static int column_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    wn_column_rule *col = ud;
    if (strcmp(key, "column") == 0) {
        if (want(c, v, YAML_SCALAR_NODE, "column") < 0) return WN_ERULES;
        col->column = keep(c, scalar(v));
    } else if (strcmp(key, "field") == 0) {
        return get_field(c, v, true, &col->field);
    } else { /* normalize */
        if (want(c, v, YAML_SEQUENCE_NODE, "normalize") < 0) return WN_ERULES;
        if (seq_len(v) > WN_RULES_MAX_NORMALIZERS)
            return fail_at(c, v, "at most %d normalizers per column", WN_RULES_MAX_NORMALIZERS);
        col->nnorm = 0;
        col->explicit_norm = true;
        for (size_t i = 0; i < seq_len(v); i++) {
            const yaml_node_t *item = node_at(c, v->data.sequence.items.start[i]);
            if (want(c, item, YAML_SCALAR_NODE, "a normalizer") < 0) return WN_ERULES;
            int k = wn_normalizer_from_name(scalar(item));
            if (k < 0) {
                char list[300];
                return fail_at(c, item, "unknown normalizer '%s'; expected one of %s", scalar(item),
                               one_of(wn_normalizer_names(), WN_NORM_COUNT, list, sizeof list));
            }
            col->norm[col->nnorm++] = (uint8_t)k;
        }
    }
    return WN_OK;
}

static int load_columns(yctx *c, const yaml_node_t *n)
{
    if (want(c, n, YAML_SEQUENCE_NODE, "columns") < 0) return WN_ERULES;
    static const char *const keys[] = {"column", "field", "normalize"};
    size_t len = seq_len(n);
    wn_rules *r = c->r;
    r->columns = wn_arena_alloc(&r->arena, (len ? len : 1) * sizeof *r->columns, 8);
    r->ncolumns = len;
    r->columns_given = len > 0;
    for (size_t i = 0; i < len; i++) {
        const yaml_node_t *item = node_at(c, n->data.sequence.items.start[i]);
        wn_column_rule *col = &r->columns[i];
        memset(col, 0, sizeof *col);
        if (each_key(c, item, "a column", keys, 3, column_key, col) < 0) return WN_ERULES;
        if (!col->column)
            return fail_at(c, item, "a column needs 'column:' (its header in the export)");
        for (size_t j = 0; j < i; j++)
            if (strcmp(r->columns[j].column, col->column) == 0)
                return fail_at(c, item, "column '%s' is listed twice", col->column);
        if (!col->explicit_norm)
            col->nnorm = (uint8_t)wn_rules_default_normalizers(col->field, col->norm);
    }
    return WN_OK;
}

/* ---- validation ----------------------------------------------------------- */

static int check_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    wn_check *ck = ud;
    if (strcmp(key, "field") == 0) return get_field(c, v, false, &ck->field);
    ck->line = (uint32_t)v->start_mark.line + 1;
    if (strcmp(key, "pattern") == 0) {
        if (want(c, v, YAML_SCALAR_NODE, "pattern") < 0) return WN_ERULES;
        regex_t re;
        int rc = regcomp(&re, scalar(v), REG_EXTENDED | REG_NOSUB);
        if (rc != 0) {
            char why[128];
            regerror(rc, &re, why, sizeof why);
            return fail_at(c, v, "invalid pattern (POSIX extended regular expression): %s", why);
        }
        regfree(&re);
        ck->kind = WN_CHECK_PATTERN;
        ck->pattern = keep(c, scalar(v));
    } else if (strcmp(key, "allowed") == 0) {
        ck->kind = WN_CHECK_ALLOWED;
        return get_strings(c, v, "allowed", &ck->values, &ck->nvalues);
    } else if (strcmp(key, "date_range") == 0) {
        const char **d;
        size_t nd;
        if (get_strings(c, v, "date_range", &d, &nd) < 0) return WN_ERULES;
        if (nd != 2 || !is_iso_date(d[0]) || !(is_iso_date(d[1]) || strcmp(d[1], "today") == 0))
            return fail_at(c, v, "date_range must be [YYYY-MM-DD, YYYY-MM-DD or today]");
        ck->kind = WN_CHECK_DATE_RANGE;
        ck->min_date = d[0];
        ck->max_date = d[1];
    } else { /* min_length */
        double len = 0;
        if (get_number(c, v, "min_length", 1, 1000, &len) < 0) return WN_ERULES;
        ck->kind = WN_CHECK_MIN_LENGTH;
        ck->min_length = (size_t)len;
    }
    return WN_OK;
}

static int load_checks(yctx *c, const yaml_node_t *n)
{
    if (want(c, n, YAML_SEQUENCE_NODE, "checks") < 0) return WN_ERULES;
    static const char *const keys[] = {"field", "pattern", "allowed", "date_range", "min_length"};
    wn_rules *r = c->r;
    size_t len = seq_len(n);
    r->checks = wn_arena_alloc(&r->arena, (len ? len : 1) * sizeof *r->checks, 8);
    r->nchecks = 0;
    for (size_t i = 0; i < len; i++) {
        const yaml_node_t *item = node_at(c, n->data.sequence.items.start[i]);
        wn_check *ck = &r->checks[r->nchecks];
        memset(ck, 0, sizeof *ck);
        ck->kind = WN_CHECK_REQUIRED;
        if (each_key(c, item, "a check", keys, 5, check_key, ck) < 0) return WN_ERULES;
        if (ck->field == WN_F_NONE) return fail_at(c, item, "a check needs 'field:'");
        if (ck->kind == WN_CHECK_REQUIRED)
            return fail_at(c, item,
                           "a check needs one of pattern, allowed, date_range, min_length");
        r->nchecks++;
    }
    return WN_OK;
}

static int placeholder_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    wn_rules *r = c->r;
    wn_placeholder_list *p = &r->placeholders[r->nplaceholders];
    memset(p, 0, sizeof *p);
    if (strcmp(key, "any") != 0) {
        p->field = wn_field_from_name(key);
        if (p->field == WN_F_NONE)
            return fail_at(c, v, "placeholders: unknown field '%s' (use a field name or 'any')",
                           key);
    }
    if (get_strings(c, v, key, &p->values, &p->nvalues) < 0) return WN_ERULES;
    r->nplaceholders++;
    return WN_OK;
}

static int load_placeholders(yctx *c, const yaml_node_t *n)
{
    if (want(c, n, YAML_MAPPING_NODE, "placeholders") < 0) return WN_ERULES;
    wn_rules *r = c->r;
    size_t len = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    r->placeholders = wn_arena_alloc(&r->arena, (len ? len : 1) * sizeof *r->placeholders, 8);
    r->nplaceholders = 0;
    const char *keys[WN_F_COUNT + 1];
    keys[0] = "any";
    for (int i = 1; i < WN_F_COUNT; i++)
        keys[i] = wn_field_name((wn_field)i);
    return each_key(c, n, "placeholders", keys, WN_F_COUNT, placeholder_key, NULL);
}

static int validation_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    wn_rules *r = c->r;
    if (strcmp(key, "reachable") == 0)
        return get_fields(c, v, "reachable", &r->reachable, &r->nreachable);
    if (strcmp(key, "required") == 0) {
        wn_field *f;
        size_t nf;
        if (get_fields(c, v, "required", &f, &nf) < 0) return WN_ERULES;
        r->required = f;
        r->nrequired = nf;
        return WN_OK;
    }
    if (strcmp(key, "checks") == 0) return load_checks(c, v);
    return load_placeholders(c, v);
}

static int load_validation(yctx *c, const yaml_node_t *n)
{
    static const char *const keys[] = {"reachable", "required", "checks", "placeholders"};
    wn_rules *r = c->r;
    r->nreachable = r->nrequired = r->nchecks = r->nplaceholders = 0;
    return each_key(c, n, "validation", keys, 4, validation_key, NULL);
}

/* ---- blocking ------------------------------------------------------------- */

static int get_key_part(yctx *c, const yaml_node_t *n, wn_block_pass *pass)
{
    if (want(c, n, YAML_SCALAR_NODE, "a key part") < 0) return WN_ERULES;
    if (pass->nparts == WN_RULES_MAX_KEY_PARTS)
        return fail_at(c, n, "at most %d key parts per pass", WN_RULES_MAX_KEY_PARTS);
    char part[128];
    snprintf(part, sizeof part, "%s", scalar(n));
    char *colon = strchr(part, ':');
    int t = WN_KEY_VALUE;
    if (colon) {
        *colon = '\0';
        t = wn_key_transform_from_name(colon + 1);
        if (t < 0) {
            char list[200];
            return fail_at(
                c, n, "unknown key transform '%s'; expected one of %s", colon + 1,
                one_of(wn_key_transform_names(), WN_KEY_TRANSFORM_COUNT, list, sizeof list));
        }
    }
    wn_field f = wn_field_from_name(part);
    if (f == WN_F_NONE)
        return fail_at(
            c, n, "unknown field '%s' in a blocking key (write field or field:transform)", part);
    for (size_t k = 0; k < pass->nparts && t == WN_KEY_TOKENS; k++)
        if (pass->part_transform[k] == WN_KEY_TOKENS)
            return fail_at(c, n, "at most one key part per pass can be 'tokens'");
    pass->part_field[pass->nparts] = f;
    pass->part_transform[pass->nparts] = (wn_key_transform)t;
    pass->nparts++;
    return WN_OK;
}

static int pass_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    wn_block_pass *pass = ud;
    if (strcmp(key, "name") == 0) {
        if (want(c, v, YAML_SCALAR_NODE, "name") < 0) return WN_ERULES;
        pass->name = keep(c, scalar(v));
        return WN_OK;
    }
    if (want(c, v, YAML_SEQUENCE_NODE, "keys") < 0) return WN_ERULES;
    if (seq_len(v) == 0) return fail_at(c, v, "keys must list at least one field");
    for (size_t i = 0; i < seq_len(v); i++)
        if (get_key_part(c, node_at(c, v->data.sequence.items.start[i]), pass) < 0)
            return WN_ERULES;
    return WN_OK;
}

static int blocking_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    wn_rules *r = c->r;
    if (strcmp(key, "max_block") == 0) {
        double mb = 0;
        if (get_number(c, v, "max_block", 2, 1e7, &mb) < 0) return WN_ERULES;
        r->max_block = (size_t)mb;
        return WN_OK;
    }
    if (want(c, v, YAML_SEQUENCE_NODE, "passes") < 0) return WN_ERULES;
    static const char *const keys[] = {"name", "keys"};
    size_t len = seq_len(v);
    r->passes = wn_arena_alloc(&r->arena, (len ? len : 1) * sizeof *r->passes, 8);
    r->npasses = len;
    for (size_t i = 0; i < len; i++) {
        const yaml_node_t *item = node_at(c, v->data.sequence.items.start[i]);
        wn_block_pass *pass = &r->passes[i];
        memset(pass, 0, sizeof *pass);
        if (each_key(c, item, "a blocking pass", keys, 2, pass_key, pass) < 0) return WN_ERULES;
        if (!pass->name || pass->nparts == 0)
            return fail_at(c, item, "a blocking pass needs 'name:' and 'keys:'");
    }
    return WN_OK;
}

static int load_blocking(yctx *c, const yaml_node_t *n)
{
    static const char *const keys[] = {"max_block", "passes"};
    c->r->npasses = 0;
    return each_key(c, n, "blocking", keys, 2, blocking_key, NULL);
}

/* ---- comparisons, thresholds, clustering ---------------------------------- */

static int comparison_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    wn_comparison *cmp = ud;
    if (strcmp(key, "field") == 0) return get_field(c, v, false, &cmp->field);
    if (strcmp(key, "method") == 0) {
        if (want(c, v, YAML_SCALAR_NODE, "method") < 0) return WN_ERULES;
        int m = wn_compare_method_from_name(scalar(v));
        if (m < 0) {
            char list[200];
            return fail_at(
                c, v, "unknown comparison method '%s'; expected one of %s", scalar(v),
                one_of(wn_compare_method_names(), WN_CMP_METHOD_COUNT, list, sizeof list));
        }
        cmp->method = (wn_compare_method)m;
        return WN_OK;
    }
    if (strcmp(key, "tf_adjust") == 0) return get_bool(c, v, "tf_adjust", &cmp->tf_adjust);
    return get_number(c, v, key, 0, 100, strcmp(key, "close") == 0 ? &cmp->close : &cmp->loose);
}

static int load_comparisons(yctx *c, const yaml_node_t *n)
{
    if (want(c, n, YAML_SEQUENCE_NODE, "comparisons") < 0) return WN_ERULES;
    static const char *const keys[] = {"field", "method", "close", "loose", "tf_adjust"};
    wn_rules *r = c->r;
    size_t len = seq_len(n);
    if (len > WN_RULES_MAX_COMPARISONS)
        return fail_at(c, n, "at most %d comparisons", WN_RULES_MAX_COMPARISONS);
    r->comparisons = wn_arena_alloc(&r->arena, (len ? len : 1) * sizeof *r->comparisons, 8);
    r->ncomparisons = len;
    for (size_t i = 0; i < len; i++) {
        const yaml_node_t *item = node_at(c, n->data.sequence.items.start[i]);
        wn_comparison *cmp = &r->comparisons[i];
        memset(cmp, 0, sizeof *cmp);
        cmp->method = WN_CMP_METHOD_COUNT;
        if (each_key(c, item, "a comparison", keys, 5, comparison_key, cmp) < 0) return WN_ERULES;
        if (cmp->field == WN_F_NONE || cmp->method == WN_CMP_METHOD_COUNT)
            return fail_at(c, item, "a comparison needs 'field:' and 'method:'");
        bool distance = cmp->method == WN_CMP_EDIT;
        if (cmp->method != WN_CMP_EXACT && cmp->method != WN_CMP_DATE &&
            cmp->method != WN_CMP_NUMERIC && cmp->method != WN_CMP_PHONE) {
            if (cmp->close == 0 && cmp->loose == 0)
                return fail_at(c, item, "method %s needs 'close:' and 'loose:' thresholds",
                               wn_compare_method_name(cmp->method));
            bool ordered = distance ? cmp->close <= cmp->loose : cmp->close >= cmp->loose;
            if (!ordered || (!distance && cmp->close > 1.0))
                return fail_at(c, item,
                               distance
                                   ? "close and loose are edit distances, close <= loose"
                                   : "close and loose are similarities in 0..1, close >= loose");
        }
    }
    return WN_OK;
}

static int threshold_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    return get_threshold(
        c, v, key, strcmp(key, "match") == 0 ? &c->r->match_threshold : &c->r->review_threshold);
}

static int load_thresholds(yctx *c, const yaml_node_t *n)
{
    static const char *const keys[] = {"match", "review"};
    if (each_key(c, n, "thresholds", keys, 2, threshold_key, NULL) < 0) return WN_ERULES;
    if (c->r->match_threshold > 0 && c->r->review_threshold > c->r->match_threshold)
        return fail_at(c, n, "the review threshold must not be above the match threshold");
    return WN_OK;
}

static int clustering_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    if (strcmp(key, "hard_ids") == 0)
        return get_fields(c, v, "hard_ids", &c->r->hard_ids, &c->r->nhard_ids);
    if (strcmp(key, "distinct_given_names") == 0)
        return get_bool(c, v, key, &c->r->distinct_given_names);
    double mc = 0;
    if (get_number(c, v, "max_cluster", 2, 1e6, &mc) < 0) return WN_ERULES;
    c->r->max_cluster = (size_t)mc;
    return WN_OK;
}

static int load_clustering(yctx *c, const yaml_node_t *n)
{
    static const char *const keys[] = {"hard_ids", "max_cluster", "distinct_given_names"};
    c->r->nhard_ids = 0;
    c->r->distinct_given_names = false;
    return each_key(c, n, "clustering", keys, 3, clustering_key, NULL);
}

/* ---- survivorship --------------------------------------------------------- */

static int get_survivor(yctx *c, const yaml_node_t *v, wn_survivor_rule *out)
{
    if (want(c, v, YAML_SCALAR_NODE, "a survivorship rule") < 0) return WN_ERULES;
    int s = wn_survivor_rule_from_name(scalar(v));
    if (s < 0) {
        char list[200];
        return fail_at(c, v, "unknown survivorship rule '%s'; expected one of %s", scalar(v),
                       one_of(wn_survivor_rule_names(), WN_SURV_RULE_COUNT, list, sizeof list));
    }
    *out = (wn_survivor_rule)s;
    return WN_OK;
}

static int survivor_field_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    wn_field f = wn_field_from_name(key);
    if (get_survivor(c, v, &c->r->survivor[f]) < 0) return WN_ERULES;
    c->r->survivor_set[f] = true;
    return WN_OK;
}

static int survivorship_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    wn_rules *r = c->r;
    if (strcmp(key, "default") == 0) return get_survivor(c, v, &r->survivor_default);
    if (strcmp(key, "recency_field") == 0) return get_field(c, v, false, &r->recency_field);
    if (strcmp(key, "source_priority") == 0)
        return get_strings(c, v, "source_priority", &r->source_priority, &r->nsource_priority);
    const char *keys[WN_F_COUNT];
    for (int i = 1; i < WN_F_COUNT; i++)
        keys[i - 1] = wn_field_name((wn_field)i);
    return each_key(c, v, "survivorship fields", keys, WN_F_COUNT - 1, survivor_field_key, NULL);
}

static int load_survivorship(yctx *c, const yaml_node_t *n)
{
    static const char *const keys[] = {"default", "recency_field", "source_priority", "fields"};
    wn_rules *r = c->r;
    memset(r->survivor_set, 0, sizeof r->survivor_set);
    r->nsource_priority = 0;
    return each_key(c, n, "survivorship", keys, 4, survivorship_key, NULL);
}

/* ---- the document ----------------------------------------------------------- */

static int section_key(yctx *c, const char *key, const yaml_node_t *v, void *ud)
{
    (void)ud;
    if (strcmp(key, "version") == 0) {
        if (v->type != YAML_SCALAR_NODE || strcmp(scalar(v), "1") != 0)
            return fail_at(c, v, "this winnow reads rules version 1");
        return WN_OK;
    }
    static const struct {
        const char *name;
        int (*load)(yctx *, const yaml_node_t *);
    } sections[] = {
        {"settings", load_settings},       {"columns", load_columns},
        {"validation", load_validation},   {"blocking", load_blocking},
        {"comparisons", load_comparisons}, {"thresholds", load_thresholds},
        {"clustering", load_clustering},   {"survivorship", load_survivorship},
    };
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        if (strcmp(sections[i].name, key) == 0) return sections[i].load(c, v);
    return WN_ERULES; /* unreachable: each_key checked the name */
}

static int apply_text(wn_rules *r, const char *name, const char *text, size_t len, wn_error *err)
{
    yaml_parser_t parser;
    yctx c = {.name = name, .r = r, .err = err};
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &c.doc)) {
        int rc = wn_fail(err, WN_ERULES, "%s:%zu:%zu: YAML syntax error: %s%s%s", name,
                         parser.problem_mark.line + 1, parser.problem_mark.column + 1,
                         parser.problem ? parser.problem : "unreadable", parser.context ? " " : "",
                         parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        return rc;
    }
    yaml_parser_delete(&parser);
    int rc = WN_OK;
    const yaml_node_t *root = yaml_document_get_root_node(&c.doc);
    if (!root) {
        rc = wn_fail(err, WN_ERULES,
                     "%s:1:1: the rules file is empty; expected sections such as "
                     "columns:, validation:, blocking:",
                     name);
    } else {
        static const char *const keys[] = {"version",    "settings",   "columns",
                                           "validation", "blocking",   "comparisons",
                                           "thresholds", "clustering", "survivorship"};
        rc = each_key(&c, root, "the rules file", keys, 9, section_key, NULL);
    }
    yaml_document_delete(&c.doc);
    return rc;
}

int wn_rules_load_text(wn_rules **out, const char *name, const char *text, size_t len,
                       wn_error *err)
{
    *out = NULL;
    wn_rules *r = wn_xcalloc(1, sizeof *r);
    r->max_block = 500;
    r->max_cluster = 50;
    r->match_threshold = r->review_threshold = WN_THRESHOLD_AUTO;
    r->recency_field = WN_F_MODIFIED;
    const wn_embedded_file *def = wn_embedded_find("default.yaml");
    int rc = def ? apply_text(r, "rules/default.yaml", def->data, def->len, err)
                 : wn_fail(err, WN_ERULES, "the built-in rules are missing from this build");
    r->path = "<default>";
    if (rc == WN_OK && text) {
        rc = apply_text(r, name, text, len, err);
        r->path = wn_arena_strndup(&r->arena, name, strlen(name));
    }
    if (rc < 0) {
        wn_rules_free(r);
        return rc;
    }
    *out = r;
    return WN_OK;
}

int wn_rules_load_file(wn_rules **out, const char *path, wn_error *err)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp) return wn_fail_errno(err, errno, "%s: cannot open the rules file", path);
    wn_buf text = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        wn_buf_append(&text, chunk, n);
    int bad = ferror(fp);
    fclose(fp);
    int rc = bad ? wn_fail_errno(err, EIO, "%s: cannot read the rules file", path)
                 : wn_rules_load_text(out, path, text.data ? text.data : "", text.len, err);
    wn_buf_free(&text);
    return rc;
}
