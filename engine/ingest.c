/*
 * ingest.c -- read, map, normalize, validate; see ingest.h.
 */
#include "ingest.h"

#include <ctype.h>
#include <regex.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "date.h"
#include "name.h"
#include "translit.h"
#include "error.h"
#include "normalize.h"
#include "strmap.h"
#include "utf8.h"

static const char *const issue_names[WN_ISSUE_COUNT] = {"missing", "invalid", "placeholder",
                                                        "suspicious", "incomplete"};

const char *wn_issue_name(int issue)
{
    return issue >= 0 && issue < WN_ISSUE_COUNT ? issue_names[issue] : "?";
}

/* ---- the sample ---------------------------------------------------------- */

typedef struct sampled_row {
    wn_row row;
    wn_cell *cells;
} sampled_row;

typedef struct sample {
    sampled_row *rows;
    size_t n;
    wn_arena mem;
} sample;

static void sample_keep(sample *s, const wn_row *row)
{
    sampled_row *sr = &s->rows[s->n++];
    sr->row = *row;
    sr->cells = wn_arena_alloc(&s->mem, (row->ncells ? row->ncells : 1) * sizeof *sr->cells, 8);
    for (size_t i = 0; i < row->ncells; i++) {
        sr->cells[i].ptr = wn_arena_strndup(&s->mem, row->cells[i].ptr, row->cells[i].len);
        sr->cells[i].len = row->cells[i].len;
    }
    sr->row.cells = sr->cells;
    sr->row.raw = NULL; /* not kept: only rejects need it, and those are not sampled */
    sr->row.raw_len = 0;
}

/* ---- column resolution --------------------------------------------------- */

static bool is_date_field(wn_field f)
{
    return f == WN_F_BIRTH_DATE || f == WN_F_CREATED || f == WN_F_MODIFIED;
}

static void assign_slots(wn_input_columns *ic)
{
    bool used[WN_SLOT_COUNT] = {false};
    bool has_mobile_column = false;
    for (size_t i = 0; i < ic->ncols; i++)
        has_mobile_column |= ic->cols[i].field == WN_F_MOBILE;
    for (size_t i = 0; i < ic->ncols; i++) {
        wn_field f = ic->cols[i].field;
        int slot = -1;
        if (f == WN_F_NONE || f == WN_F_RECORD_ID) {
            slot = -1;
        } else if (!used[f]) {
            slot = (int)f;
        } else if (f == WN_F_EMAIL && !used[WN_SLOT_EMAIL2]) {
            slot = WN_SLOT_EMAIL2;
        } else if (f == WN_F_PHONE && !has_mobile_column && !used[WN_F_MOBILE]) {
            slot = WN_F_MOBILE; /* a second phone column (Home Phone) */
        }
        if (slot >= 0)
            used[slot] = true;
        ic->slot[i] = slot;
    }
}

static void alloc_columns(wn_input_columns *ic, size_t ncols)
{
    ic->ncols = ncols;
    ic->cols = wn_xcalloc(ncols ? ncols : 1, sizeof *ic->cols);
    ic->slot = wn_xcalloc(ncols ? ncols : 1, sizeof *ic->slot);
    ic->date_order = wn_xcalloc(ncols ? ncols : 1, sizeof *ic->date_order);
    ic->id_column = -1;
}

static const wn_column_rule *rules_column(const wn_rules *r, const char *name)
{
    for (size_t i = 0; i < r->ncolumns; i++)
        if (strcmp(r->columns[i].column, name) == 0)
            return &r->columns[i];
    for (size_t i = 0; i < r->ncolumns; i++)
        if (strcasecmp(r->columns[i].column, name) == 0)
            return &r->columns[i];
    return NULL;
}

static int decide_date_orders(const wn_rules *r, const wn_header *h, size_t nrows,
                              const char *const *cells, wn_input_columns *ic)
{
    for (size_t c = 0; c < ic->ncols; c++) {
        if (!is_date_field(ic->cols[c].field))
            continue;
        if (r->date_order) {
            ic->date_order[c] = r->date_order;
            continue;
        }
        wn_date_vote vote;
        wn_date_vote_init(&vote);
        for (size_t i = 0; i < nrows; i++) {
            const char *v = cells[i * h->ncols + c];
            if (v && *v)
                wn_date_vote_add(&vote, v, strlen(v));
        }
        /* No value proves either order: month first is what US-made CRMs
         * write, and ISO dates do not care. */
        ic->date_order[c] = wn_date_vote_decide(&vote, WN_DATE_MDY) == WN_DATE_DMY ? 1 : 2;
    }
    return WN_OK;
}

int wn_ingest_resolve_columns(const wn_rules *r, const wn_columns *cols, const wn_header *h,
                              size_t nrows, const char *const *cells, wn_input_columns *ic,
                              wn_error *err)
{
    memset(ic, 0, sizeof *ic);
    alloc_columns(ic, h->ncols);
    if (r->columns_given) {
        ic->vendor = "rules";
        for (size_t i = 0; i < h->ncols; i++) {
            const wn_column_rule *cr = rules_column(r, h->names[i]);
            ic->cols[i].column = h->names[i];
            if (cr)
                ic->cols[i] = *cr, ic->cols[i].column = h->names[i];
        }
    } else {
        if (!cols)
            return wn_fail(err, WN_EUSAGE, "no column recognizer and no columns in the rules");
        wn_columns_input in = {.ncols = h->ncols, .names = (const char *const *)h->names,
                               .nrows = nrows, .cells = cells};
        int rc = wn_columns_resolve(cols, &in, &ic->map, err);
        if (rc < 0)
            return rc;
        ic->vendor = ic->map.vendor;
        for (size_t i = 0; i < h->ncols; i++) {
            wn_column_rule *cr = &ic->cols[i];
            cr->column = h->names[i];
            cr->field = ic->map.cols[i].secondary ? WN_F_NONE : ic->map.cols[i].field;
            cr->nnorm = (uint8_t)wn_rules_default_normalizers(cr->field, cr->norm);
        }
    }
    for (size_t i = 0; i < h->ncols; i++)
        if (ic->cols[i].field == WN_F_RECORD_ID && ic->id_column < 0)
            ic->id_column = (long)i;
    assign_slots(ic);
    return decide_date_orders(r, h, nrows, cells, ic);
}

void wn_input_columns_free(wn_input_columns *c)
{
    free(c->cols);
    free(c->slot);
    free(c->date_order);
    wn_columns_map_free(&c->map);
    memset(c, 0, sizeof *c);
}

/* ---- validation tables ------------------------------------------------------ */

/* The placeholder lists, keyed the way values are looked up: lower-cased with
 * blanks collapsed, and for phones the digits alone. */
typedef struct validator {
    const wn_rules *r;
    wn_strmap placeholders[WN_F_COUNT]; /* [WN_F_NONE] is the "any" list */
    regex_t *patterns;                  /* per check; compiled for PATTERN checks */
    char today[11];
} validator;

static bool is_phone_field(wn_field f)
{
    return f == WN_F_PHONE || f == WN_F_MOBILE || f == WN_F_FAX;
}

static void placeholder_key(wn_field f, const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (is_phone_field(f)) {
            if (isdigit(ch))
                wn_buf_putc(out, (char)ch);
            continue;
        }
        if (isspace(ch)) {
            space = out->len > 0;
            continue;
        }
        if (space)
            wn_buf_putc(out, ' ');
        space = false;
        wn_buf_putc(out, (char)tolower(ch));
    }
    wn_buf_cstr(out);
}

static void validator_init(validator *v, const wn_rules *r)
{
    memset(v, 0, sizeof *v);
    v->r = r;
    wn_buf key = {0};
    for (int f = 0; f < WN_F_COUNT; f++)
        wn_strmap_init(&v->placeholders[f]);
    for (size_t i = 0; i < r->nplaceholders; i++) {
        const wn_placeholder_list *p = &r->placeholders[i];
        for (size_t k = 0; k < p->nvalues; k++) {
            placeholder_key(p->field, p->values[k], strlen(p->values[k]), &key);
            if (key.len)
                wn_strmap_put(&v->placeholders[p->field], key.data, key.len, 1);
        }
    }
    wn_buf_free(&key);
    v->patterns = wn_xcalloc(r->nchecks ? r->nchecks : 1, sizeof *v->patterns);
    for (size_t i = 0; i < r->nchecks; i++)
        if (r->checks[i].kind == WN_CHECK_PATTERN)
            regcomp(&v->patterns[i], r->checks[i].pattern, REG_EXTENDED | REG_NOSUB);
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(v->today, sizeof v->today, "%Y-%m-%d", &tm);
}

static void validator_free(validator *v)
{
    for (int f = 0; f < WN_F_COUNT; f++)
        wn_strmap_free(&v->placeholders[f]);
    for (size_t i = 0; i < v->r->nchecks; i++)
        if (v->r->checks[i].kind == WN_CHECK_PATTERN)
            regfree(&v->patterns[i]);
    free(v->patterns);
}

/* Same digit repeated, or an ascending/descending run: 0000000, 1234567890. */
static bool filler_digits(const char *digits, size_t n)
{
    if (n < 7)
        return false;
    bool same = true, up = true, down = true;
    for (size_t i = 1; i < n; i++) {
        same &= digits[i] == digits[0];
        up &= digits[i] == (char)('0' + (digits[i - 1] - '0' + 1) % 10);
        down &= digits[i] == (char)('0' + (digits[i - 1] - '0' + 9) % 10);
    }
    return same || up || down;
}

/* none@none.com, test@test.de, x@x.org: a filler word on both sides of @. */
static bool filler_email(const validator *v, const char *key)
{
    const char *at = strchr(key, '@');
    if (!at || at == key)
        return false;
    size_t local = (size_t)(at - key);
    const char *dot = strchr(at + 1, '.');
    size_t domain = dot ? (size_t)(dot - at - 1) : strlen(at + 1);
    uint64_t dummy;
    return local == domain && memcmp(key, at + 1, local) == 0 &&
           wn_strmap_get(&v->placeholders[WN_F_NONE], key, local, &dummy);
}

static bool is_placeholder(const validator *v, wn_field f, const char *raw, size_t len, wn_buf *key)
{
    uint64_t dummy;
    placeholder_key(f, raw, len, key);
    if (key->len && wn_strmap_get(&v->placeholders[f], key->data, key->len, &dummy))
        return true;
    if (is_phone_field(f) && filler_digits(key->data, key->len))
        return true;
    if (f == WN_F_EMAIL && filler_email(v, key->data))
        return true;
    /* The "any" list is about the words people type for nothing. */
    placeholder_key(WN_F_NONE, raw, len, key);
    return wn_strmap_get(&v->placeholders[WN_F_NONE], key->data, key->len, &dummy);
}

/* The rules' checks on field `f`; returns the failing check's description. */
static const char *failed_check(const validator *v, wn_field f, const char *raw, size_t len,
                                const char *norm)
{
    const wn_rules *r = v->r;
    for (size_t i = 0; i < r->nchecks; i++) {
        const wn_check *c = &r->checks[i];
        if (c->field != f)
            continue;
        switch (c->kind) {
        case WN_CHECK_PATTERN:
            if (regexec(&v->patterns[i], raw, 0, NULL, 0) != 0)
                return "does not match the rules' pattern";
            break;
        case WN_CHECK_ALLOWED: {
            bool ok = false;
            for (size_t k = 0; k < c->nvalues && !ok; k++)
                ok = strcasecmp(c->values[k], raw) == 0 || strcasecmp(c->values[k], norm) == 0;
            if (!ok)
                return "not one of the allowed values";
            break;
        }
        case WN_CHECK_DATE_RANGE: {
            const char *max = strcmp(c->max_date, "today") == 0 ? v->today : c->max_date;
            if (strlen(norm) == 10 && (strcmp(norm, c->min_date) < 0 || strcmp(norm, max) > 0))
                return "date out of the allowed range";
            break;
        }
        case WN_CHECK_MIN_LENGTH:
            if (wn_utf8_length(raw, len) < c->min_length)
                return "shorter than the minimum length";
            break;
        default:
            break;
        }
    }
    return NULL;
}

/* ---- one record ------------------------------------------------------------- */

typedef struct ingest {
    const wn_rules *r;
    const wn_ingest_sink *sink;
    const char *source_name;
    wn_input_columns *ic;
    validator v;
    wn_store *store;
    wn_ingest_result *res;
    uint16_t source;
    wn_normalizer_state st;
    wn_buf norm, key, id;
    long country_column;
    /* per record */
    bool valid_field[WN_F_COUNT];
    bool mapped_field[WN_F_COUNT];
    bool split_full_name; /* a full-name column and no first/last columns */
} ingest;

static void report(ingest *g, const wn_row *row, const char *column, int issue, const char *value,
                   size_t len, const char *detail)
{
    g->res->findings[issue]++;
    if (g->sink->finding) {
        wn_finding f = {.record_id = wn_buf_cstr(&g->id), .column = column, .issue = issue,
                        .value = value, .value_len = len, .line = row->line, .detail = detail};
        g->sink->finding(g->sink->ctx, &f);
    }
}

static void count_column(ingest *g, size_t col, int issue)
{
    g->res->column_findings[col * WN_ISSUE_COUNT + (size_t)issue]++;
}

static bool field_required(const wn_rules *r, wn_field f)
{
    for (size_t i = 0; i < r->nrequired; i++)
        if (r->required[i] == f)
            return true;
    return false;
}

/* An export with only a full-name column: its given and family names go to
 * the first and last name slots, so matching compares them as usual. */
static void store_full_name(ingest *g, const wn_cell *cell, uint32_t rec)
{
    if (!g->store)
        return;
    wn_buf latin = {0}, given = {0}, family = {0}, canon = {0};
    wn_name_parts parts;
    wn_translit_latin(cell->ptr, cell->len, &latin);
    if (wn_name_parse(latin.data ? latin.data : "", latin.len, &parts) != WN_NORM_EMPTY) {
        wn_name_normalize_given(parts.first.ptr, parts.first.len, &given);
        wn_name_normalize_family(parts.last.ptr, parts.last.len, &family);
    }
    wn_name_canonical_given(given.data ? given.data : "", given.len, &canon);
    wn_store_set(g->store, rec, WN_F_FIRST_NAME, canon.data, canon.len);
    wn_store_set(g->store, rec, WN_F_LAST_NAME, family.data, family.len);
    g->valid_field[WN_F_FIRST_NAME] = canon.len > 0;
    g->valid_field[WN_F_LAST_NAME] = family.len > 0;
    wn_buf_free(&latin);
    wn_buf_free(&given);
    wn_buf_free(&family);
    wn_buf_free(&canon);
}

/* Normalizes, validates and stores one cell. */
static void ingest_cell(ingest *g, const wn_row *row, size_t c, uint32_t rec, const wn_norm_ctx *ctx)
{
    const wn_column_rule *col = &g->ic->cols[c];
    const wn_cell *cell = &row->cells[c];
    wn_field f = col->field;
    const char *why = NULL;
    wn_norm_status st = wn_normalize_value(col, ctx, cell->ptr, cell->len, &g->st, &g->norm, &why);
    if (st == WN_NORM_EMPTY && cell->len > 0 && is_placeholder(&g->v, f, cell->ptr, cell->len, &g->key))
        st = WN_NORM_INVALID; /* "-" or "?" folds to nothing: still a placeholder, below */
    if (st == WN_NORM_EMPTY) {
        if (field_required(g->r, f)) {
            report(g, row, col->column, WN_ISSUE_MISSING, "", 0, "required field is empty");
            count_column(g, c, WN_ISSUE_MISSING);
        }
        return;
    }
    int issue = -1;
    if (is_placeholder(&g->v, f, cell->ptr, cell->len, &g->key)) {
        issue = WN_ISSUE_PLACEHOLDER;
        why = "a placeholder, not a real value";
    } else if (st == WN_NORM_INVALID) {
        issue = WN_ISSUE_INVALID;
    } else {
        const char *failed = failed_check(&g->v, f, cell->ptr, cell->len, wn_buf_cstr(&g->norm));
        if (failed) {
            issue = WN_ISSUE_INVALID;
            why = failed;
        } else if (st == WN_NORM_SUSPICIOUS) {
            issue = WN_ISSUE_SUSPICIOUS;
        }
    }
    if (issue >= 0) {
        report(g, row, col->column, issue, cell->ptr, cell->len, why ? why : "");
        count_column(g, c, issue);
        if (issue != WN_ISSUE_SUSPICIOUS)
            return; /* never stored: must not block or match */
    }
    g->valid_field[f] = true;
    if (f == WN_F_FULL_NAME && g->split_full_name) {
        store_full_name(g, cell, rec);
        return;
    }
    if (g->store && g->ic->slot[c] >= 0)
        wn_store_set(g->store, rec, g->ic->slot[c], g->norm.data, g->norm.len);
}

/* The share of the export's customer fields that hold a valid value. */
static unsigned completeness_of(const ingest *g)
{
    static const wn_field counted[] = {WN_F_FIRST_NAME, WN_F_LAST_NAME, WN_F_FULL_NAME,
                                       WN_F_EMAIL,      WN_F_PHONE,     WN_F_MOBILE,
                                       WN_F_COMPANY,    WN_F_STREET,    WN_F_CITY,
                                       WN_F_POSTAL_CODE, WN_F_COUNTRY,  WN_F_BIRTH_DATE};
    unsigned mapped = 0, valid = 0;
    for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++) {
        mapped += g->mapped_field[counted[i]];
        valid += g->mapped_field[counted[i]] && g->valid_field[counted[i]];
    }
    return mapped ? (100 * valid + mapped / 2) / mapped : 0;
}

static void record_level(ingest *g, const wn_row *row, uint32_t rec)
{
    const wn_rules *r = g->r;
    bool reachable = r->nreachable == 0, any_mapped = false;
    for (size_t i = 0; i < r->nreachable; i++) {
        reachable |= g->valid_field[r->reachable[i]];
        any_mapped |= g->mapped_field[r->reachable[i]];
    }
    /* An export without any contact column cannot tell who is reachable. */
    if (!reachable && any_mapped) {
        g->res->incomplete++;
        report(g, row, "", WN_ISSUE_INCOMPLETE, "", 0, "no valid way to reach the customer");
    }
    unsigned score = completeness_of(g);
    g->res->completeness_hist[score / 10]++;
    g->res->completeness_sum += score;
    if (g->store)
        g->store->complete[rec] = (uint8_t)score;
}

static void ingest_row(ingest *g, const wn_row *row)
{
    if (g->sink->row)
        g->sink->row(g->sink->ctx, row);
    g->res->records++;
    wn_buf_clear(&g->id);
    if (g->ic->id_column >= 0 && row->cells[g->ic->id_column].len > 0)
        wn_buf_append(&g->id, row->cells[g->ic->id_column].ptr, row->cells[g->ic->id_column].len);
    else
        wn_buf_printf(&g->id, "%llu", (unsigned long long)row->number);
    uint32_t rec = g->store ? wn_store_add(g->store, g->source, row->number, g->id.data, g->id.len)
                            : 0;
    memset(g->valid_field, 0, sizeof g->valid_field);
    wn_norm_ctx ctx = {.date_order = 0};
    memcpy(ctx.region, g->r->default_country, sizeof ctx.region);
    if (g->country_column >= 0) { /* the record's own country decides its region */
        ingest_cell(g, row, (size_t)g->country_column, rec, &ctx);
        if (g->valid_field[WN_F_COUNTRY] && g->norm.len == 2)
            memcpy(ctx.region, g->norm.data, 3);
    }
    for (size_t c = 0; c < g->ic->ncols; c++) {
        wn_field f = g->ic->cols[c].field;
        if (f == WN_F_NONE || f == WN_F_RECORD_ID || (long)c == g->country_column)
            continue;
        ctx.date_order = g->ic->date_order[c];
        ingest_cell(g, row, c, rec, &ctx);
    }
    record_level(g, row, rec);
}

/* ---- the driver ----------------------------------------------------------------- */

static int read_sample(wn_reader *reader, ingest *g, sample *s, size_t want, bool *eof,
                       wn_error *err)
{
    s->rows = wn_xmalloc(want * sizeof *s->rows);
    wn_row row;
    *eof = false;
    while (s->n < want) {
        int rc = wn_reader_next(reader, &row, err);
        if (rc < 0)
            return rc;
        if (rc == WN_READ_EOF) {
            *eof = true;
            break;
        }
        if (rc == WN_READ_REJECT) {
            if (g->sink->reject)
                g->sink->reject(g->sink->ctx, &row, g->source_name);
            continue;
        }
        sample_keep(s, &row);
    }
    return WN_OK;
}

static void ingest_setup(ingest *g, const wn_header *h)
{
    g->country_column = -1;
    for (size_t c = 0; c < g->ic->ncols; c++) {
        wn_field f = g->ic->cols[c].field;
        g->mapped_field[f] = f != WN_F_NONE;
        if (f == WN_F_COUNTRY && g->country_column < 0)
            g->country_column = (long)c;
    }
    g->split_full_name = g->mapped_field[WN_F_FULL_NAME] && !g->mapped_field[WN_F_FIRST_NAME] &&
                         !g->mapped_field[WN_F_LAST_NAME];
    g->res->column_findings = wn_xcalloc(h->ncols * WN_ISSUE_COUNT + 1, sizeof(uint64_t));
}

int wn_ingest(wn_reader *reader, const wn_rules *r, const wn_columns *cols,
              const wn_ingest_opts *opts, wn_store *store, const wn_ingest_sink *sink,
              wn_ingest_result *res, wn_error *err)
{
    memset(res, 0, sizeof *res);
    ingest g = {.r = r, .sink = sink, .store = store, .res = res, .ic = &res->columns,
                .source = opts ? opts->source : 0, .source_name = wn_reader_path(reader)};
    const wn_header *h = wn_reader_header(reader);
    sample s = {0};
    bool eof;
    size_t want = opts && opts->sample_rows ? opts->sample_rows : 1000;
    int rc = read_sample(reader, &g, &s, want, &eof, err);
    if (rc == WN_OK) {
        const char **cells = wn_xcalloc(s.n * h->ncols + 1, sizeof *cells);
        for (size_t i = 0; i < s.n; i++)
            for (size_t c = 0; c < h->ncols; c++)
                cells[i * h->ncols + c] = s.rows[i].cells[c].ptr;
        rc = wn_ingest_resolve_columns(r, cols, h, s.n, cells, &res->columns, err);
        free(cells);
    }
    if (rc == WN_OK) {
        validator_init(&g.v, r);
        ingest_setup(&g, h);
        for (size_t i = 0; i < s.n; i++)
            ingest_row(&g, &s.rows[i].row);
        wn_row row;
        while (!eof && (rc = wn_reader_next(reader, &row, err)) > 0) {
            if (rc == WN_READ_ROW)
                ingest_row(&g, &row);
            else if (sink->reject)
                sink->reject(sink->ctx, &row, g.source_name);
            if (sink->progress && (res->records & 0xFFF) == 0)
                sink->progress(sink->ctx, reader);
        }
        validator_free(&g.v);
    }
    wn_reader_stats_get(reader, &res->reader);
    free(s.rows);
    wn_arena_free(&s.mem);
    wn_normalizer_state_free(&g.st);
    wn_buf_free(&g.norm);
    wn_buf_free(&g.key);
    wn_buf_free(&g.id);
    return rc < 0 ? rc : WN_OK;
}

void wn_ingest_result_free(wn_ingest_result *res)
{
    free(res->column_findings);
    wn_input_columns_free(&res->columns);
    memset(res, 0, sizeof *res);
}
