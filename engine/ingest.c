/*
 * ingest.c -- read, map, normalize, validate; see ingest.h.
 */
#include "ingest.h"

#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xxhash.h>

#include "buf.h"
#include "country.h"
#include "date.h"
#include "name.h"
#include "translit.h"
#include "error.h"
#include "normalize.h"
#include "pool.h"
#include "rowpipe.h"
#include "strmap.h"
#include "text.h"
#include "utf8.h"

static const char *const issue_names[WN_ISSUE_COUNT] = {"missing", "invalid", "placeholder",
                                                        "suspicious", "incomplete"};

const char *wn_issue_name(int issue)
{
    return issue >= 0 && issue < WN_ISSUE_COUNT ? issue_names[issue] : "?";
}

/* ---- the sample ---------------------------------------------------------- */

/* The first rows, copied: they decide the columns and date orders, and are
 * then ingested like the rest, so no row is read twice. */
typedef struct sample {
    wn_row *rows;
    size_t n;
    wn_arena mem;
} sample;

static void sample_keep(sample *s, const wn_row *row)
{
    wn_row *out = &s->rows[s->n++];
    *out = *row;
    out->raw = NULL; /* only rejects need it, and those are not sampled */
    out->raw_len = 0;
    wn_cell *cells = wn_arena_alloc(&s->mem, (row->ncells ? row->ncells : 1) * sizeof *cells, 8);
    for (size_t i = 0; i < row->ncells; i++) {
        cells[i].ptr = wn_arena_strndup(&s->mem, row->cells[i].ptr, row->cells[i].len);
        cells[i].len = row->cells[i].len;
    }
    out->cells = cells;
}

/* ---- column resolution --------------------------------------------------- */

static bool is_phone_field(wn_field f)
{
    return f == WN_F_PHONE || f == WN_F_MOBILE || f == WN_F_FAX;
}

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
        if (slot >= 0) used[slot] = true;
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
        if (strcmp(r->columns[i].column, name) == 0) return &r->columns[i];
    for (size_t i = 0; i < r->ncolumns; i++)
        if (strcasecmp(r->columns[i].column, name) == 0) return &r->columns[i];
    return NULL;
}

static int decide_date_orders(const wn_rules *r, const wn_header *h, size_t nrows,
                              const char *const *cells, wn_input_columns *ic)
{
    for (size_t c = 0; c < ic->ncols; c++) {
        if (!is_date_field(ic->cols[c].field)) continue;
        if (r->date_order) {
            ic->date_order[c] = r->date_order;
            continue;
        }
        wn_date_vote vote;
        wn_date_vote_init(&vote);
        for (size_t i = 0; i < nrows; i++) {
            const char *v = cells[i * h->ncols + c];
            if (v && *v) wn_date_vote_add(&vote, v, strlen(v));
        }
        /* No value proves either order: month first is what US-made CRMs
         * write, and ISO dates do not care. */
        ic->date_order[c] = wn_date_vote_decide(&vote, WN_DATE_MDY) == WN_DATE_DMY ? 1 : 2;
    }
    return WN_OK;
}

/* ---- the region of national numbers ----------------------------------------- */

/* Votes for regions: a few dozen distinct ones at most in a sample. */
typedef struct region_votes {
    char code[64][3];
    size_t count[64], n, total;
} region_votes;

static void vote_region(region_votes *v, const char *code)
{
    v->total++;
    for (size_t i = 0; i < v->n; i++)
        if (memcmp(v->code[i], code, 3) == 0) {
            v->count[i]++;
            return;
        }
    if (v->n == 64) return;
    memcpy(v->code[v->n], code, 3);
    v->count[v->n++] = 1;
}

#define REGION_MIN_VOTES 3   /* fewer sampled values decide nothing */
#define REGION_MIN_SHARE 0.5 /* the winner's share of the votes */

/* The region with a majority of at least REGION_MIN_VOTES votes, or NULL. */
static const char *elected_region(const region_votes *v)
{
    size_t best = 0;
    for (size_t i = 1; i < v->n; i++)
        if (v->count[i] > v->count[best]) best = i;
    if (v->n == 0 || v->count[best] < REGION_MIN_VOTES ||
        (double)v->count[best] < REGION_MIN_SHARE * (double)v->total)
        return NULL;
    return v->code[best];
}

/* The calling code's country of a number written internationally (+49 ...,
 * 0049 ...), or NULL. */
static const wn_country *international_country(const char *v)
{
    char digits[20];
    size_t n = 0;
    while (*v == ' ' || *v == '\'' || *v == '"')
        v++;
    bool plus = *v == '+';
    for (; *v && n < sizeof digits; v++)
        if (*v >= '0' && *v <= '9')
            digits[n++] = *v;
        else if (!strchr(" +-./()", *v))
            break;
    if (!plus) { /* 00 then a country code: the exit prefix most of the world dials */
        if (n < 4 || digits[0] != '0' || digits[1] != '0' || digits[2] == '0') return NULL;
        memmove(digits, digits + 2, n -= 2);
    }
    return n >= 7 ? wn_country_by_calling_code(digits, n) : NULL;
}

/* A header language's country, where the language names one. Portuguese
 * is left out: Brazil's CRMs outnumber Portugal's. */
static const char *language_region(const char *language)
{
    static const char *const map[][2] = {
        {"de", "DE"}, {"fr", "FR"}, {"es", "ES"}, {"it", "IT"}, {"nl", "NL"}};
    for (size_t i = 0; language && i < sizeof map / sizeof *map; i++)
        if (strcmp(language, map[i][0]) == 0) return map[i][1];
    return NULL;
}

/*
 * The region of national numbers (see ingest.h), in this order: the rules;
 * the country most sampled records name; the calling code most sampled
 * internationally written phone numbers carry (an export of +49 numbers
 * writes its national ones German); the header language; none. Records
 * that name a country still use their own.
 */
static void infer_region(const wn_rules *r, const wn_header *h, size_t nrows,
                         const char *const *cells, wn_input_columns *ic)
{
    const char *found = NULL;
    ic->region_from = "";
    if (r->default_country[0]) {
        memcpy(ic->region, r->default_country, 3);
        ic->region_from = "rules";
        return;
    }
    region_votes countries = {0}, phones = {0};
    for (size_t c = 0; c < h->ncols; c++) {
        wn_field f = ic->cols[c].field;
        for (size_t i = 0; i < nrows; i++) {
            const char *v = cells[i * h->ncols + c];
            if (!v || !*v) continue;
            char code[3];
            const wn_country *cc;
            if (f == WN_F_COUNTRY && wn_country_code(v, strlen(v), code))
                vote_region(&countries, code);
            else if (is_phone_field(f) && (cc = international_country(v)))
                vote_region(&phones, cc->alpha2);
        }
    }
    if ((found = elected_region(&countries)))
        ic->region_from = "country column";
    else if ((found = elected_region(&phones)))
        ic->region_from = "phone prefixes";
    else if ((found = language_region(ic->map.language)))
        ic->region_from = "header language";
    memcpy(ic->region, found ? found : "", found ? 3 : 1);
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
            if (cr) ic->cols[i] = *cr, ic->cols[i].column = h->names[i];
        }
    } else {
        if (!cols)
            return wn_fail(err, WN_EUSAGE, "no column recognizer and no columns in the rules");
        wn_columns_input in = {.ncols = h->ncols,
                               .names = (const char *const *)h->names,
                               .nrows = nrows,
                               .cells = cells};
        int rc = wn_columns_resolve(cols, &in, &ic->map, err);
        if (rc < 0) return rc;
        ic->vendor = ic->map.vendor;
        for (size_t i = 0; i < h->ncols; i++) {
            wn_column_rule *cr = &ic->cols[i];
            cr->column = h->names[i];
            cr->field = ic->map.cols[i].secondary ? WN_F_NONE : ic->map.cols[i].field;
            cr->nnorm = (uint8_t)wn_rules_default_normalizers(cr->field, cr->norm);
        }
    }
    for (size_t i = 0; i < h->ncols; i++)
        if (ic->cols[i].field == WN_F_RECORD_ID && ic->id_column < 0) ic->id_column = (long)i;
    assign_slots(ic);
    infer_region(r, h, nrows, cells, ic);
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
    size_t longest[WN_F_COUNT];         /* the longest key per list; 0: empty list */
    size_t longest_any;                 /* over all lists */
    size_t digits_any;                  /* the most digits in a key of the "any" list */
    uint64_t starts[1024];              /* bit b0 << 8 | b1: a text key begins with bytes b0 b1 */
    bool checked[WN_F_COUNT];           /* the rules have a check on the field */
    const char **max_dates;             /* per check: DATE_RANGE's upper bound, "today" resolved */
    char today[11];
} validator;

/* A placeholder key's byte for an ASCII letter or anything else. */
static unsigned char key_byte(unsigned char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch + ('a' - 'A')) : ch;
}

/* A phone's lookup key: its digits. Every byte is written and only the
 * digits kept, which costs no branch per byte. */
static size_t phone_key(const char *s, size_t len, char *key)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        key[n] = s[i];
        n += (unsigned char)(s[i] - '0') < 10;
    }
    return n;
}

/* Any other value's: lowercase ASCII, blanks collapsed to one space and
 * trimmed, at most `cap` + 1 bytes of it. */
static size_t text_key(const char *s, size_t len, size_t cap, char *key)
{
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < len && n <= cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (wn_is_blank_byte(ch)) {
            space = n > 0;
            continue;
        }
        if (space) key[n++] = ' ';
        space = false;
        key[n++] = (char)key_byte(ch);
    }
    return n;
}

/* The lookup key of a value (a longer key than `cap` is on no list, and most
 * values are longer than any placeholder). Written in place: it runs for
 * most cells of an export. */
static void placeholder_key(wn_field f, const char *s, size_t len, size_t cap, wn_buf *out)
{
    wn_buf_clear(out);
    wn_buf_reserve(out, len); /* a key is never longer than its value */
    out->len = is_phone_field(f) ? phone_key(s, len, out->data) : text_key(s, len, cap, out->data);
    out->data[out->len] = '\0';
}

/*
 * Most values share their first two key bytes with no placeholder (names,
 * emails and dates do not begin "n/", "un", "te" ...), and those two bytes
 * are found without building the key: a bit per pair of bytes turns the
 * rest away. A one-byte key is the pair (b0, 0). Phones are not filtered:
 * their keys are digits, and their checks are on all of them.
 */
static size_t start_bit(const wn_buf *key)
{
    unsigned char b0 = (unsigned char)key->data[0];
    unsigned char b1 = key->len > 1 ? (unsigned char)key->data[1] : 0;
    return (size_t)b0 << 8 | b1;
}

static void starts_add(validator *v, const wn_buf *key)
{
    size_t bit = start_bit(key);
    v->starts[bit / 64] |= (uint64_t)1 << (bit % 64);
}

/* Whether the key placeholder_key would build from `s` (not a phone's) may
 * begin as a listed one does: its first two bytes, found in place. */
static bool may_start_placeholder(const validator *v, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && wn_is_blank_byte((unsigned char)s[i]))
        i++;
    if (i == len) return false;
    size_t bit = (size_t)key_byte((unsigned char)s[i++]) << 8;
    bool space = false;
    for (; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (wn_is_blank_byte(ch)) {
            space = true;
            continue;
        }
        bit |= space ? ' ' : key_byte(ch);
        break;
    }
    return v->starts[bit / 64] >> (bit % 64) & 1;
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
            placeholder_key(p->field, p->values[k], strlen(p->values[k]), SIZE_MAX, &key);
            if (!key.len) continue;
            wn_strmap_put(&v->placeholders[p->field], key.data, key.len, 1);
            if (key.len > v->longest[p->field]) v->longest[p->field] = key.len;
            if (key.len > v->longest_any) v->longest_any = key.len;
            size_t digits = 0;
            for (size_t d = 0; d < key.len; d++)
                digits += key.data[d] >= '0' && key.data[d] <= '9';
            if (p->field == WN_F_NONE && digits > v->digits_any) v->digits_any = digits;
            if (is_phone_field(p->field)) continue;
            starts_add(v, &key);
            if (p->field == WN_F_NONE && key.len == 1) { /* x@x.org: the word, then '@' */
                wn_buf_putc(&key, '@');
                starts_add(v, &key);
            }
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
    v->max_dates = wn_xcalloc(r->nchecks ? r->nchecks : 1, sizeof *v->max_dates);
    for (size_t i = 0; i < r->nchecks; i++) {
        const wn_check *c = &r->checks[i];
        v->checked[c->field] = true;
        if (c->kind == WN_CHECK_DATE_RANGE)
            v->max_dates[i] = strcmp(c->max_date, "today") == 0 ? v->today : c->max_date;
    }
}

static void validator_free(validator *v)
{
    for (int f = 0; f < WN_F_COUNT; f++)
        wn_strmap_free(&v->placeholders[f]);
    for (size_t i = 0; i < v->r->nchecks; i++)
        if (v->r->checks[i].kind == WN_CHECK_PATTERN) regfree(&v->patterns[i]);
    free(v->patterns);
    free(v->max_dates);
}

/* Same digit repeated, or an ascending/descending run: 0000000, 1234567890. */
static bool filler_digits(const char *digits, size_t n)
{
    if (n < 7) return false;
    bool same = true, up = true, down = true;
    /* Real numbers break all three patterns within a digit or two. */
    for (size_t i = 1; i < n && (same || up || down); i++) {
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
    if (!at || at == key) return false;
    size_t local = (size_t)(at - key);
    const char *dot = strchr(at + 1, '.');
    size_t domain = dot ? (size_t)(dot - at - 1) : strlen(at + 1);
    uint64_t dummy;
    return local == domain && memcmp(key, at + 1, local) == 0 &&
           wn_strmap_get(&v->placeholders[WN_F_NONE], key, local, &dummy);
}

/* Is `key` on list `list`? A key longer than the list's longest is not:
 * most values are, and they skip the hash. */
static bool on_list(const validator *v, wn_field list, const wn_buf *key)
{
    uint64_t dummy;
    return key->len && key->len <= v->longest[list] &&
           wn_strmap_get(&v->placeholders[list], key->data, key->len, &dummy);
}

static bool is_placeholder(const validator *v, wn_field f, const char *raw, size_t len, wn_buf *key)
{
    /* Keys are never longer than their raw value; a filler email is two
     * placeholder words and a short domain ending. Longer values are real. */
    if (!is_phone_field(f)) {
        if (len > 2 * v->longest_any + 16) return false;
        if (!may_start_placeholder(v, raw, len)) return false;
    }
    /* An email's key is needed as far as the email list's longest, or two
     * "any" words around an @ and the dot after them (filler_email). */
    size_t email_cap = v->longest[WN_F_EMAIL] > 2 * v->longest_any + 2 ? v->longest[WN_F_EMAIL]
                                                                       : 2 * v->longest_any + 2;
    size_t cap = is_phone_field(f) ? SIZE_MAX : f == WN_F_EMAIL ? email_cap : v->longest_any;
    placeholder_key(f, raw, len, cap, key);
    if (on_list(v, f, key)) return true;
    if (is_phone_field(f) && filler_digits(key->data, key->len)) return true;
    if (f == WN_F_EMAIL && filler_email(v, key->data)) return true;
    /* The "any" list is about the words people type for nothing; outside
     * phone fields its key is the one already built. A phone's word would
     * hold all its digits (key->len of them): more than any word has, and
     * the word is not on the list. */
    if (is_phone_field(f)) {
        if (key->len > v->digits_any) return false;
        placeholder_key(WN_F_NONE, raw, len, v->longest_any, key);
    }
    return on_list(v, WN_F_NONE, key);
}

/* The rules' checks on field `f`; returns the failing check's description.
 * *doubt is set when the failure casts doubt on the value rather than
 * proving it wrong: a date outside the allowed range is a real date (a
 * birth before 1900 in a CRM is likely a typo, in a parish register the
 * rule), reported as suspicious and still evidence for matching. */
static const char *failed_check(const validator *v, wn_field f, const char *raw, size_t len,
                                const char *norm, bool *doubt)
{
    const wn_rules *r = v->r;
    if (!v->checked[f]) return NULL; /* most fields */
    for (size_t i = 0; i < r->nchecks; i++) {
        const wn_check *c = &r->checks[i];
        if (c->field != f) continue;
        switch (c->kind) {
        case WN_CHECK_PATTERN:
            if (regexec(&v->patterns[i], raw, 0, NULL, 0) != 0)
                return "does not match the rules' pattern";
            break;
        case WN_CHECK_ALLOWED: {
            bool ok = false;
            for (size_t k = 0; k < c->nvalues && !ok; k++)
                ok = strcasecmp(c->values[k], raw) == 0 || strcasecmp(c->values[k], norm) == 0;
            if (!ok) return "not one of the allowed values";
            break;
        }
        case WN_CHECK_DATE_RANGE: {
            const char *max = v->max_dates[i];
            if (strlen(norm) == 10 && (strcmp(norm, c->min_date) < 0 || strcmp(norm, max) > 0)) {
                *doubt = true;
                return strcmp(norm, c->min_date) < 0 ? "date before the allowed range"
                                                     : "date after the allowed range";
            }
            break;
        }
        case WN_CHECK_MIN_LENGTH:
            if (wn_utf8_length(raw, len) < c->min_length) return "shorter than the minimum length";
            break;
        default:
            break;
        }
    }
    return NULL;
}

/* ---- one input's ingest: shared state ---------------------------------------- */

/*
 * Rows arrive in batches (rowpipe.h). A batch goes through three phases:
 *
 *   0. read: one task parses the batch (while the batches before it are in
 *      the phases below);
 *   1. by rows: the batch is cut into chunks; a worker normalizes and
 *      validates a chunk's rows (pure work: the validator and the normalizer
 *      tables are read-only) and records what became of each cell, at a
 *      fixed place per row and column, with the normalized text in its own
 *      buffer;
 *   2. in input order, as one task: findings to the sink, the record's
 *      completeness, source and row number to the store;
 *   3. by tables: each of the store's value tables (one per slot, and the
 *      record ids), and each of the sink's columns, is one task, run over
 *      the whole batch in input order.
 *
 * The batches are pipelined: one step reads batch k+2, runs phase 1 of batch
 * k+1 and phases 2 and 3 of batch k, all as tasks the threads take as they
 * come free, so no thread waits for a phase to drain, and the -j threads are
 * all there is (a reading thread of its own was one more runnable thread than
 * cores). Two batches are in flight: their rows (the pipe lets the consumer
 * hold two), outcomes and workers' texts are kept apart by the flight's
 * index.
 *
 * Every table and every sink column sees its values in input order, whatever
 * thread runs it, so the store's ids, the record numbers and every output
 * are the same for any number of workers.
 */

enum { KEEP_NONE, KEEP_VALUE, KEEP_NAME };

/* What became of one cell. A batch holds one for every cell, more than the
 * cache does, so they are kept small (24 bytes): a cell has something to
 * apply -- a finding, or a value to store -- when issue >= 0 or keep is not
 * KEEP_NONE, and the rest is meaningful only then. */
typedef struct cell_outcome {
    const char *why;    /* the finding's reason */
    uint32_t off, len;  /* the normalized value in the worker's text; KEEP_NAME:
                         * the given name, and the family name right after it */
    uint32_t len2;      /* KEEP_NAME: the family name's length */
    int8_t issue;       /* -1: no finding */
    uint8_t keep;       /* KEEP_VALUE: the value to the column's slot; KEEP_NAME: a
                         * split full name to the first and last name slots */
    bool unverified;    /* KEEP_VALUE of an invalid value: stored unverified */
    uint8_t generation; /* a family or full name's generational suffix (name.h), kept
                         * in the suffix slot when the export has no suffix column */
} cell_outcome;

/* What became of one row; its cells' outcomes are at cells_out[row * ncols + col]. */
typedef struct row_outcome {
    unsigned worker; /* whose text holds the normalized values */
    uint8_t completeness;
    bool unreachable;
    bool findings; /* any finding (a cell's, or unreachable) to report */
} row_outcome;

struct ingest;

/*
 * The memo: per worker and column, what evaluate_cell made of each raw value
 * it has seen (with the record's region, which phones and postal codes depend
 * on). Names, cities, countries, companies and dates repeat a lot in an
 * export, and normalizing them is the costliest part of the ingest; a lookup
 * is a hash of a few bytes. Normalizing is pure, so a memo changes nothing but
 * the time. A lookup that misses costs more than it saves, so a column
 * whose values hardly repeat (emails, phones, timestamps) turns its memo off
 * as soon as a window of MEMO_WINDOW lookups finds fewer than a quarter --
 * the first window, or a later one once the memo is full and the values
 * still to come are the rare ones. A memo stops growing at MEMO_MAX_ENTRIES.
 */
#define MEMO_MAX_ENTRIES 16384
#define MEMO_SLOTS       (2 * MEMO_MAX_ENTRIES) /* a power of two */
#define MEMO_WINDOW      4096

/* One remembered cell, in one piece so that a hit costs two cache misses
 * (its slot, then this): the outcome, then the region and raw value it was
 * made of, then the texts it keeps. */
typedef struct memo_entry {
    cell_outcome o; /* off unused */
    bool valid, valid_first, valid_last;
    uint32_t raw_len, norm_len, given_len, family_len;
    char region[3];
    char text[]; /* raw, norm, given (KEEP_NAME), family (KEEP_NAME) */
} memo_entry;

typedef struct memo_slot {
    uint64_t hash; /* 0: free */
    memo_entry *entry;
} memo_slot;

typedef struct column_memo {
    memo_slot *slots; /* MEMO_SLOTS, allocated at the first lookup */
    size_t n;
    wn_arena mem;
    uint64_t lookups, hits, window_hits; /* window_hits: hits before this window */
    bool disabled;
} column_memo;

/* Workers are cache-line aligned: each writes its own state for every cell,
 * and a line shared with its neighbour's would bounce between the cores. */
typedef struct worker {
    _Alignas(64) const struct ingest *g;
    wn_normalizer_state st;
    wn_buf norm, key;
    wn_buf texts[2];    /* normalized values, per flight */
    wn_buf *text;       /* the evaluated flight's */
    column_memo *memos; /* per column */
    /* Per row of the chunk being evaluated (CHUNK_ROWS): */
    cell_outcome *scratch;          /* its outcomes, when only a finding would keep them */
    bool (*valid_rows)[WN_F_COUNT]; /* its fields that hold a valid value */
    char (*regions)[3];             /* its region, from its country */
    uint64_t *hashes;               /* the memo hash of the column's cell, 0 if none */
    bool *valid_field;              /* the evaluated row's valid_rows */
    unsigned index; /* which worker: a row outcome names whose text holds its values */
} worker;

/* Phase 3: the units are the store's slots, then its ids, the sink's rows,
 * then the sink's columns. */
enum { UNIT_IDS = WN_SLOT_COUNT, UNIT_ROWS, UNIT_COLUMNS };

/* A batch in flight. */
typedef struct flight {
    const wn_row *rows;
    size_t n;
    row_outcome *rows_out;
    /* By row, then column: a row's evaluation writes one stretch of memory,
     * not one line in each of a dozen column arrays (a batch's outcomes are
     * larger than the cache, and each such line is a miss to fill first). */
    cell_outcome *cells_out;
    size_t cap;
    uint32_t first_rec; /* its first record in the store */
    unsigned index;     /* which of the workers' texts */
} flight;

typedef struct ingest {
    const wn_rules *r;
    const wn_ingest_sink *sink;
    const char *source_name;
    wn_input_columns *ic;
    validator v;
    wn_store *store;
    wn_ingest_result *res;
    uint16_t source;
    long country_column;
    bool mapped_field[WN_F_COUNT];
    bool split_full_name;   /* a full-name column and no first/last columns */
    bool suffix_from_names; /* no suffix column: the names' generational suffixes fill it */
    worker *workers;
    unsigned nworkers;
    wn_buf id;
    size_t *slot_cols[WN_SLOT_COUNT]; /* the columns feeding each slot, in apply order */
    size_t nslot_cols[WN_SLOT_COUNT];
    size_t nunits;
    flight flights[2];
    flight *pending;    /* evaluated, not yet applied */
    flight *evaluating; /* this step's phase 1, or NULL */
    flight *applying;   /* this step's phases 2 and 3, or NULL */
    wn_rowpipe *pipe;   /* the input: a step reads its next batch as a task */
    wn_pool *pool;      /* runs every step on all workers */
    size_t ntasks;
    size_t next_task; /* atomic */
} ingest;

static bool field_required(const wn_rules *r, wn_field f)
{
    for (size_t i = 0; i < r->nrequired; i++)
        if (r->required[i] == f) return true;
    return false;
}

/* ---- one record, on a worker: normalize and validate ---------------------------- */

/* Outcomes keep 32-bit offsets (half the memory traffic of the apply
 * phases): a batch's normalized values, a few MiB, never come near 4 GiB. */
static uint32_t text_put(worker *w, const char *s, size_t n)
{
    size_t off = w->text->len;
    if (off + n > UINT32_MAX) {
        fprintf(stderr, "winnow: a reading batch holds more than 4 GiB of values\n");
        abort();
    }
    if (n) wn_buf_append(w->text, s, n);
    return (uint32_t)off;
}

/* An export with only a full-name column: its given and family names go to
 * the first and last name slots, so matching compares them as usual. */
static void split_full_name(worker *w, const wn_cell *cell, cell_outcome *o)
{
    wn_buf latin = {0}, given = {0}, family = {0}, canon = {0};
    wn_name_parts parts;
    wn_translit_latin(cell->ptr, cell->len, &latin);
    if (wn_name_parse(latin.data ? latin.data : "", latin.len, &parts) != WN_NORM_EMPTY) {
        wn_name_normalize_given(parts.first.ptr, parts.first.len, &given);
        wn_name_normalize_family(parts.last.ptr, parts.last.len, &family);
    }
    wn_name_canonical_given(given.data ? given.data : "", given.len, &canon);
    o->keep = KEEP_NAME;
    o->off = text_put(w, canon.data, canon.len);
    o->len = canon.len;
    text_put(w, family.data, family.len); /* right after the given name */
    o->len2 = family.len;
    w->valid_field[WN_F_FIRST_NAME] = canon.len > 0;
    w->valid_field[WN_F_LAST_NAME] = family.len > 0;
    wn_buf_free(&latin);
    wn_buf_free(&given);
    wn_buf_free(&family);
    wn_buf_free(&canon);
}

/* An empty cell is a finding only in a required field. */
static void empty_cell(const ingest *g, wn_field f, cell_outcome *o)
{
    if (!field_required(g->r, f)) return;
    o->issue = WN_ISSUE_MISSING;
    o->why = "required field is empty";
}

/* Normalizes and validates one cell into *o. */
static void evaluate_cell_uncached(worker *w, const wn_row *row, size_t c, const wn_norm_ctx *ctx,
                                   cell_outcome *o)
{
    const ingest *g = w->g;
    const wn_column_rule *col = &g->ic->cols[c];
    const wn_cell *cell = &row->cells[c];
    wn_field f = col->field;
    const char *why = NULL;
    *o = (cell_outcome){.issue = -1};
    wn_norm_status st = wn_normalize_value(col, ctx, cell->ptr, cell->len, &w->st, &w->norm, &why);
    if (st == WN_NORM_EMPTY && cell->len > 0 &&
        is_placeholder(&g->v, f, cell->ptr, cell->len, &w->key))
        st = WN_NORM_INVALID; /* "-" or "?" folds to nothing: still a placeholder, below */
    if (st == WN_NORM_EMPTY) {
        empty_cell(g, f, o);
        return;
    }
    if (is_placeholder(&g->v, f, cell->ptr, cell->len, &w->key)) {
        o->issue = WN_ISSUE_PLACEHOLDER;
        why = "a placeholder, not a real value";
    } else if (st == WN_NORM_INVALID) {
        o->issue = WN_ISSUE_INVALID;
    } else {
        bool doubt = false;
        const char *failed =
            failed_check(&g->v, f, cell->ptr, cell->len, wn_buf_cstr(&w->norm), &doubt);
        if (failed) {
            o->issue = doubt ? WN_ISSUE_SUSPICIOUS : WN_ISSUE_INVALID;
            why = failed;
        } else if (st == WN_NORM_SUSPICIOUS) {
            o->issue = WN_ISSUE_SUSPICIOUS;
        }
    }
    o->why = why ? why : "";
    if (o->issue == WN_ISSUE_PLACEHOLDER || o->issue == WN_ISSUE_MISSING)
        return; /* never stored: must not block or match */
    if (o->issue == WN_ISSUE_INVALID) {
        /* Still evidence, at the trust it deserves (store.h): a local number
         * without its country, a mistyped address. */
        if (g->store && g->ic->slot[c] >= 0 && w->norm.len > 0) {
            o->keep = KEEP_VALUE;
            o->unverified = true;
            o->off = text_put(w, w->norm.data, w->norm.len);
            o->len = w->norm.len;
        }
        return;
    }
    w->valid_field[f] = true;
    if (g->suffix_from_names && (f == WN_F_LAST_NAME || f == WN_F_FULL_NAME))
        o->generation = (uint8_t)wn_name_generation(cell->ptr, cell->len);
    if (f == WN_F_FULL_NAME && g->split_full_name) {
        split_full_name(w, cell, o);
    } else if (g->store && g->ic->slot[c] >= 0) {
        o->keep = KEEP_VALUE;
        o->off = text_put(w, w->norm.data, w->norm.len);
        o->len = w->norm.len;
    }
}

/* The raw value's hash (the region is compared, not hashed, so the hash can
 * be taken ahead, before the row's country is known). */
static uint64_t memo_hash(const wn_cell *cell)
{
    return XXH3_64bits(cell->ptr, cell->len) | 1; /* never 0, a free slot */
}

static memo_entry *memo_find(const column_memo *m, uint64_t hash, const char region[3],
                             const wn_cell *cell, memo_slot **free_slot)
{
    size_t mask = MEMO_SLOTS - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        memo_slot *sl = &m->slots[i];
        if (!sl->hash) {
            *free_slot = sl;
            return NULL;
        }
        const memo_entry *e = sl->entry;
        if (sl->hash == hash && e->raw_len == cell->len && memcmp(e->region, region, 3) == 0 &&
            wn_bytes_equal(e->text, cell->ptr, cell->len))
            return sl->entry;
    }
}

static void memo_replay(worker *w, const memo_entry *e, wn_field f, size_t c, cell_outcome *o)
{
    const char *norm = e->text + e->raw_len, *given = norm + e->norm_len;
    const char *family = given + e->given_len;
    if ((long)c == w->g->country_column) { /* evaluate_column reads the region from it */
        wn_buf_clear(&w->norm);
        if (e->norm_len) wn_buf_append(&w->norm, norm, e->norm_len);
        wn_buf_cstr(&w->norm);
    }
    w->valid_field[f] |= e->valid;
    w->valid_field[WN_F_FIRST_NAME] |= e->valid_first;
    w->valid_field[WN_F_LAST_NAME] |= e->valid_last;
    *o = e->o;
    if (o->keep == KEEP_VALUE) {
        o->off = text_put(w, norm, e->norm_len);
        o->len = e->norm_len;
    } else if (o->keep == KEEP_NAME) {
        o->off = text_put(w, given, e->given_len);
        o->len = e->given_len;
        text_put(w, family, e->family_len); /* right after the given name */
        o->len2 = e->family_len;
    }
}

static void memo_record(const worker *w, column_memo *m, memo_slot *slot, uint64_t hash,
                        const char region[3], const wn_cell *cell, const cell_outcome *o,
                        const bool valid[3])
{
    size_t given = o->keep == KEEP_NAME ? o->len : 0, family = o->keep == KEEP_NAME ? o->len2 : 0;
    memo_entry *e = wn_arena_alloc(&m->mem, sizeof *e + cell->len + w->norm.len + given + family,
                                   _Alignof(memo_entry));
    *e = (memo_entry){.o = *o,
                      .valid = valid[0],
                      .valid_first = valid[1],
                      .valid_last = valid[2],
                      .raw_len = (uint32_t)cell->len,
                      .norm_len = (uint32_t)w->norm.len,
                      .given_len = (uint32_t)given,
                      .family_len = (uint32_t)family};
    memcpy(e->region, region, 3);
    char *t = e->text;
    if (cell->len) memcpy(t, cell->ptr, cell->len);
    t += cell->len;
    if (w->norm.len) memcpy(t, w->norm.data, w->norm.len);
    t += w->norm.len;
    if (given) memcpy(t, w->text->data + o->off, given);
    if (family) memcpy(t + given, w->text->data + o->off + given, family);
    slot->hash = hash;
    slot->entry = e;
    m->n++;
}

/* `hash` is the cell's memo hash if it was taken ahead, else 0. */
static void evaluate_cell_memo(worker *w, const wn_row *row, size_t c, const wn_norm_ctx *ctx,
                               uint64_t hash, cell_outcome *o)
{
    column_memo *m = &w->memos[c];
    if (!m->disabled && m->lookups > 0 && m->lookups % MEMO_WINDOW == 0) {
        m->disabled = m->hits - m->window_hits < MEMO_WINDOW / 4;
        m->window_hits = m->hits;
        if (m->disabled) { /* values hardly repeat here */
            free(m->slots);
            m->slots = NULL;
            wn_arena_free(&m->mem);
        }
    }
    if (m->disabled) {
        evaluate_cell_uncached(w, row, c, ctx, o);
        return;
    }
    if (!m->slots) m->slots = wn_xcalloc(MEMO_SLOTS, sizeof *m->slots);
    wn_field f = w->g->ic->cols[c].field;
    const wn_cell *cell = &row->cells[c];
    if (!hash) hash = memo_hash(cell);
    memo_slot *free_slot;
    m->lookups++;
    const memo_entry *hit = memo_find(m, hash, ctx->region, cell, &free_slot);
    if (hit) {
        m->hits++;
        memo_replay(w, hit, f, c, o);
        return;
    }
    /* What this cell alone makes valid: cleared, evaluated, merged back. */
    bool before[3] = {w->valid_field[f], w->valid_field[WN_F_FIRST_NAME],
                      w->valid_field[WN_F_LAST_NAME]};
    w->valid_field[f] = w->valid_field[WN_F_FIRST_NAME] = w->valid_field[WN_F_LAST_NAME] = false;
    evaluate_cell_uncached(w, row, c, ctx, o);
    bool valid[3] = {w->valid_field[f], w->valid_field[WN_F_FIRST_NAME],
                     w->valid_field[WN_F_LAST_NAME]};
    w->valid_field[f] |= before[0];
    w->valid_field[WN_F_FIRST_NAME] |= before[1];
    w->valid_field[WN_F_LAST_NAME] |= before[2];
    if (m->n < MEMO_MAX_ENTRIES) memo_record(w, m, free_slot, hash, ctx->region, cell, o, valid);
}

/* The share of the export's customer fields that hold a valid value. */
static unsigned completeness_of(const ingest *g, const bool *valid_field)
{
    static const wn_field counted[] = {WN_F_FIRST_NAME,  WN_F_LAST_NAME, WN_F_FULL_NAME,
                                       WN_F_EMAIL,       WN_F_PHONE,     WN_F_MOBILE,
                                       WN_F_COMPANY,     WN_F_STREET,    WN_F_CITY,
                                       WN_F_POSTAL_CODE, WN_F_COUNTRY,   WN_F_BIRTH_DATE};
    unsigned mapped = 0, valid = 0;
    for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++) {
        mapped += g->mapped_field[counted[i]];
        valid += g->mapped_field[counted[i]] && valid_field[counted[i]];
    }
    return mapped ? (100 * valid + mapped / 2) / mapped : 0;
}

/* An export without any contact column cannot tell who is reachable. */
static bool unreachable(const ingest *g, const bool *valid_field)
{
    const wn_rules *r = g->r;
    bool reachable = r->nreachable == 0, any_mapped = false;
    for (size_t i = 0; i < r->nreachable; i++) {
        reachable |= valid_field[r->reachable[i]];
        any_mapped |= g->mapped_field[r->reachable[i]];
    }
    return !reachable && any_mapped;
}

static void evaluate_cell(worker *w, const wn_row *row, size_t c, const wn_norm_ctx *ctx,
                          uint64_t hash, cell_outcome *o)
{
    if (row->cells[c].len == 0) { /* the commonest value of all: nothing to normalize */
        *o = (cell_outcome){.issue = -1};
        empty_cell(w->g, w->g->ic->cols[c].field, o);
        return;
    }
    evaluate_cell_memo(w, row, c, ctx, hash, o);
}

/* ---- phase 1: a chunk of rows, a column at a time ------------------------------ */

/* How far ahead of the cell it evaluates a column fetches a memo entry. */
#define ENTRY_AHEAD 4

/* Asks for the cache lines of the `n` bytes at p. */
static void fetch_bytes(const void *p, size_t n)
{
    const char *b = p, *end = b + n;
    for (; b < end; b += 64)
        wn_prefetch(b);
}

static void fetch_cells(const wn_row *row)
{
    fetch_bytes(row->cells, row->ncells * sizeof *row->cells);
}

static void fetch_text(const wn_row *row)
{
    if (!row->ncells) return;
    const char *t = row->cells[0].ptr;
    const char *end = row->cells[row->ncells - 1].ptr + row->cells[row->ncells - 1].len;
    if (end < t || end - t > 1024) end = t + 1024; /* a row's cells need not lie together */
    fetch_bytes(t, (size_t)(end - t));
}

/* Hashes column c's cells of the chunk's n rows, and fetches their memo slots. */
static void memo_hash_column(worker *w, const wn_row *rows, size_t n, size_t c)
{
    const column_memo *m = &w->memos[c];
    bool on = !m->disabled && m->slots;
    for (size_t i = 0; i < n; i++) {
        w->hashes[i] = on && rows[i].cells[c].len ? memo_hash(&rows[i].cells[c]) : 0;
        if (w->hashes[i]) wn_prefetch(&m->slots[w->hashes[i] & (MEMO_SLOTS - 1)]);
    }
}

/* Fetches the memo entry row i's cell will hit, if it will. */
static void memo_fetch_entry(const worker *w, size_t c, size_t i, size_t n)
{
    const column_memo *m = &w->memos[c];
    if (i >= n || !w->hashes[i] || m->disabled || !m->slots) return;
    const memo_slot *sl = &m->slots[w->hashes[i] & (MEMO_SLOTS - 1)];
    if (sl->hash == w->hashes[i]) wn_prefetch(sl->entry);
}

/* Evaluates column c of the chunk's n rows, outcomes to out[i * ncols + c].
 * The country column, first, sets each row's region. */
static void evaluate_column(worker *w, const wn_row *rows, size_t n, size_t c,
                            const wn_norm_ctx *column_ctx, cell_outcome *out)
{
    const ingest *g = w->g;
    size_t ncols = g->ic->ncols;
    bool country = (long)c == g->country_column;
    wn_norm_ctx ctx = *column_ctx;
    memo_hash_column(w, rows, n, c);
    for (size_t i = 0; i < n; i++) {
        memo_fetch_entry(w, c, i + ENTRY_AHEAD, n);
        w->valid_field = w->valid_rows[i];
        memcpy(ctx.region, w->regions[i], sizeof ctx.region);
        evaluate_cell(w, &rows[i], c, &ctx, w->hashes[i], &out[i * ncols + c]);
        if (country && w->valid_field[WN_F_COUNTRY] && w->norm.len == 2)
            memcpy(w->regions[i], w->norm.data, 3);
    }
}

/* A row's outcome, from its cells' and the fields they made valid. */
static void finish_row(const worker *w, size_t i, const cell_outcome *cells, row_outcome *ro)
{
    const ingest *g = w->g;
    bool findings = false;
    for (size_t c = 0; c < g->ic->ncols; c++)
        findings |= cells[c].issue >= 0;
    ro->worker = w->index;
    ro->completeness = (uint8_t)completeness_of(g, w->valid_rows[i]);
    ro->unreachable = unreachable(g, w->valid_rows[i]);
    ro->findings = findings || ro->unreachable;
}

/*
 * Evaluates rows [lo, hi) of a flight (a chunk of at most CHUNK_ROWS), a
 * column at a time: the country first, which gives each row its region, then
 * the others in order. One column's cells, row after row, go through one
 * normalizer chain and one memo, so the chain's code and branches and the
 * memo's most used entries stay warm; row by row, every row went through a
 * dozen of each (measured: -4% CPU at -j1, -9% CPU and wall at -j2, where
 * two cores share the last-level cache). The chunk's rows, cells and texts,
 * a few hundred KiB, stay in the cache from one column to the next; they are
 * fetched up front, and each column hashes its cells first to fetch all
 * their memo slots at once.
 *
 * Outcomes are read again only to store values or report findings: without
 * a store (profile) they go to the worker's scratch, and only a row with
 * findings has its copied to the batch's.
 */
static void evaluate_chunk(worker *w, const flight *f, size_t lo, size_t hi)
{
    const ingest *g = w->g;
    size_t ncols = g->ic->ncols, n = hi - lo;
    const wn_row *rows = &f->rows[lo];
    cell_outcome *out = g->store ? &f->cells_out[lo * ncols] : w->scratch;
    for (size_t i = 0; i < n; i++)
        wn_prefetch(&rows[i]);
    for (size_t i = 0; i < n; i++) {
        fetch_cells(&rows[i]);
        memset(w->valid_rows[i], 0, sizeof w->valid_rows[i]);
        memcpy(w->regions[i], g->ic->region, sizeof w->regions[i]);
    }
    for (size_t i = 0; i < n; i++)
        fetch_text(&rows[i]);
    if (g->country_column >= 0)
        evaluate_column(w, rows, n, (size_t)g->country_column, &(wn_norm_ctx){0}, out);
    for (size_t c = 0; c < ncols; c++) {
        wn_field field = g->ic->cols[c].field;
        if ((long)c == g->country_column) continue;
        if (field == WN_F_NONE || field == WN_F_RECORD_ID) {
            for (size_t i = 0; i < n; i++)
                out[i * ncols + c] = (cell_outcome){.issue = -1};
            continue;
        }
        /* Without a store only the verdicts are kept, unless a check reads
         * the normalized value (the country's, above, gives the region). */
        wn_norm_ctx ctx = {.date_order = g->ic->date_order[c],
                           .verdict_only = !g->store && !g->v.checked[field]};
        evaluate_column(w, rows, n, c, &ctx, out);
    }
    for (size_t i = 0; i < n; i++) {
        finish_row(w, i, &out[i * ncols], &f->rows_out[lo + i]);
        if (!g->store && f->rows_out[lo + i].findings)
            memcpy(&f->cells_out[(lo + i) * ncols], &out[i * ncols], ncols * sizeof *out);
    }
}

/* ---- phase 2: one record, in input order: findings, completeness ----------- */

static void report(ingest *g, const wn_row *row, const char *column, int issue, const char *value,
                   size_t len, const char *detail)
{
    g->res->findings[issue]++;
    if (g->sink->finding) {
        wn_finding f = {.record_id = wn_buf_cstr(&g->id),
                        .column = column,
                        .issue = issue,
                        .value = value,
                        .value_len = len,
                        .line = row->line,
                        .detail = detail};
        g->sink->finding(g->sink->ctx, &f);
    }
}

static void report_cell(ingest *g, const wn_row *row, size_t c, const cell_outcome *o)
{
    if (o->issue < 0) return;
    const wn_cell *cell = &row->cells[c];
    bool missing = o->issue == WN_ISSUE_MISSING;
    report(g, row, g->ic->cols[c].column, o->issue, missing ? "" : cell->ptr,
           missing ? 0 : cell->len, o->why);
    g->res->column_findings[c * WN_ISSUE_COUNT + (size_t)o->issue]++;
}

/* A record's id: its id column's value, or its data row number (written
 * into `num`) when there is none. */
static wn_cell record_id(const ingest *g, const wn_row *row, char num[24])
{
    if (g->ic->id_column >= 0 && row->cells[g->ic->id_column].len > 0)
        return row->cells[g->ic->id_column];
    const char *p = wn_u64_dec(row->number, num + 24);
    return (wn_cell){p, (size_t)(num + 24 - p)};
}

/* A row's findings, its country's first (the region came from it). */
static void report_row(ingest *g, const flight *f, size_t i)
{
    const wn_row *row = &f->rows[i];
    const cell_outcome *cells = &f->cells_out[i * g->ic->ncols];
    char num[24];
    wn_cell id = record_id(g, row, num);
    wn_buf_clear(&g->id);
    wn_buf_append(&g->id, id.ptr, id.len);
    if (g->country_column >= 0) {
        size_t country = (size_t)g->country_column;
        report_cell(g, row, country, &cells[country]);
    }
    for (size_t c = 0; c < g->ic->ncols; c++)
        if ((long)c != g->country_column) report_cell(g, row, c, &cells[c]);
    if (f->rows_out[i].unreachable) {
        g->res->incomplete++;
        report(g, row, "", WN_ISSUE_INCOMPLETE, "", 0, "no valid way to reach the customer");
    }
}

static void apply_row(ingest *g, const flight *f, size_t i)
{
    const wn_row *row = &f->rows[i];
    const row_outcome *ro = &f->rows_out[i];
    g->res->records++;
    if (ro->findings) report_row(g, f, i);
    g->res->completeness_hist[ro->completeness / 10]++;
    g->res->completeness_sum += ro->completeness;
    if (g->store) {
        uint32_t rec = f->first_rec + (uint32_t)i;
        g->store->source[rec] = g->source;
        g->store->row[rec] = row->number;
        g->store->complete[rec] = ro->completeness;
    }
}

/* A row with findings is read again here, its id, cells and outcomes: a
 * few rows in a batch, far apart, which nothing brings into the cache. So
 * each is fetched ahead in stages: the row ROW_AHEAD rows ahead, then its
 * cells and outcomes, then its text. */
#define ROW_AHEAD 8

static void apply_rows(ingest *g, const flight *f)
{
    size_t ncols = g->ic->ncols;
    for (size_t i = 0; i < f->n; i++) {
        size_t row = i + ROW_AHEAD, cells = i + ROW_AHEAD / 2, text = i + 2;
        if (row < f->n && f->rows_out[row].findings) wn_prefetch(&f->rows[row]);
        if (cells < f->n && f->rows_out[cells].findings) {
            fetch_cells(&f->rows[cells]);
            fetch_bytes(&f->cells_out[cells * ncols], ncols * sizeof *f->cells_out);
        }
        if (text < f->n && f->rows_out[text].findings) fetch_text(&f->rows[text]);
        apply_row(g, f, i);
    }
}

/* ---- phase 3: by table ------------------------------------------------------------ */

static const char *text_at(const wn_buf *text, size_t off, size_t len)
{
    return len ? text->data + off : "";
}

/* The batch's values of one slot, in input order, to the store at once. */
static void intern_slot(ingest *g, const flight *f, int slot)
{
    size_t cap = f->n * g->nslot_cols[slot], n = 0;
    uint32_t *recs = wn_xmalloc((cap ? cap : 1) * 2 * sizeof *recs);
    wn_cell *values = wn_xmalloc((cap ? cap : 1) * sizeof *values);
    uint8_t *unverified = wn_xmalloc(cap ? cap : 1);
    for (size_t i = 0; i < f->n; i++) {
        const wn_buf *text = &g->workers[f->rows_out[i].worker].texts[f->index];
        for (size_t k = 0; k < g->nslot_cols[slot]; k++) {
            size_t c = g->slot_cols[slot][k];
            const cell_outcome *o = &f->cells_out[i * g->ic->ncols + c];
            if (slot == WN_F_NAME_SUFFIX && g->ic->cols[c].field != WN_F_NAME_SUFFIX) {
                if (!o->generation) continue; /* a name's suffix, see cell_outcome */
                const char *gen = wn_name_generation_name(o->generation);
                recs[n] = f->first_rec + (uint32_t)i;
                unverified[n] = false;
                values[n++] = (wn_cell){gen, strlen(gen)};
                continue;
            }
            if (o->keep == KEEP_NONE) continue;
            bool family = o->keep == KEEP_NAME && slot == WN_F_LAST_NAME;
            if (o->keep == KEEP_NAME && slot != WN_F_FIRST_NAME && !family) continue;
            size_t off = family ? o->off + o->len : o->off, len = family ? o->len2 : o->len;
            if (len == 0) continue;
            recs[n] = f->first_rec + (uint32_t)i;
            unverified[n] = o->unverified;
            values[n++] = (wn_cell){text_at(text, off, len), len};
        }
    }
    wn_store_set_many(g->store, slot, recs, values, unverified, n, recs + cap);
    free(recs);
    free(values);
    free(unverified);
}

static void intern_ids(ingest *g, const flight *f)
{
    wn_cell *ids = wn_xmalloc((f->n ? f->n : 1) * sizeof *ids);
    char(*numbers)[24] = wn_xmalloc((f->n ? f->n : 1) * sizeof *numbers);
    for (size_t i = 0; i < f->n; i++)
        ids[i] = record_id(g, &f->rows[i], numbers[i]);
    wn_store_set_ids(g->store, f->first_rec, ids, f->n);
    free(ids);
    free(numbers);
}

static void run_unit(ingest *g, const flight *f, size_t unit)
{
    if (unit < WN_SLOT_COUNT)
        intern_slot(g, f, (int)unit);
    else if (unit == UNIT_IDS)
        intern_ids(g, f);
    else if (unit == UNIT_ROWS)
        g->sink->rows(g->sink->ctx, f->rows, f->n);
    else
        g->sink->column(g->sink->ctx, unit - UNIT_COLUMNS, f->rows, f->n);
}

static bool unit_wanted(const ingest *g, size_t unit)
{
    if (unit < WN_SLOT_COUNT) return g->store && g->nslot_cols[unit] > 0;
    if (unit == UNIT_IDS) return g->store != NULL;
    if (unit == UNIT_ROWS) return g->sink->rows != NULL;
    return g->sink->column != NULL;
}

/* ---- a step: phase 1 of one batch, phases 2 and 3 of the one before ----------- */

/* Rows per phase-1 task: small enough to share a batch out evenly. */
#define CHUNK_ROWS 256

/* Task t of the step: 0 reads the next batch (the longest task: first, so
 * that it never runs alone at the end); then phase 2 and the phase-3 units
 * (when a batch is being applied), then the phase-1 chunks (when one is being
 * evaluated). */
static void run_task(ingest *g, worker *w, size_t t)
{
    if (t-- == 0) {
        wn_rowpipe_fill(g->pipe);
        return;
    }
    size_t napply = g->applying ? 1 + g->nunits : 0;
    if (t < napply) {
        if (t == 0) {
            apply_rows(g, g->applying);
        } else if (unit_wanted(g, t - 1)) {
            run_unit(g, g->applying, t - 1);
        }
        return;
    }
    size_t lo = (t - napply) * CHUNK_ROWS, hi = lo + CHUNK_ROWS;
    evaluate_chunk(w, g->evaluating, lo, hi < g->evaluating->n ? hi : g->evaluating->n);
}

/* A step on worker `thread`: takes tasks until none is left. */
static void step_main(void *ctx, unsigned thread)
{
    ingest *g = ctx; /* the task counter is the only shared write */
    worker *w = &g->workers[thread];
    size_t t;
    while ((t = __atomic_fetch_add(&g->next_task, 1, __ATOMIC_RELAXED)) < g->ntasks)
        run_task(g, w, t);
}

static void run_step(ingest *g)
{
    g->ntasks = 1 + (g->applying ? 1 + g->nunits : 0);
    if (g->evaluating) g->ntasks += (g->evaluating->n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    g->next_task = 0;
    for (unsigned w = 0; w < g->nworkers; w++) {
        g->workers[w].text = g->evaluating ? &g->workers[w].texts[g->evaluating->index] : NULL;
        if (g->evaluating) wn_buf_clear(g->workers[w].text);
    }
    /* Tasks are taken from the counter, so if the pool has fewer threads
     * than asked for, the ones it has do the others' share. */
    wn_pool_run(g->pool);
}

/* Takes `n` rows (valid until the step after next; n = 0 ends the input):
 * evaluates them while the batch before is applied. */
static void ingest_push(ingest *g, const wn_row *rows, size_t n)
{
    g->applying = g->pending;
    g->evaluating = NULL;
    if (n) {
        flight *f = &g->flights[g->applying == &g->flights[0]];
        if (n > f->cap) {
            f->cap = n;
            f->rows_out = wn_xrealloc(f->rows_out, n * sizeof *f->rows_out);
            f->cells_out = wn_xrealloc(f->cells_out, (n * g->ic->ncols + 1) * sizeof *f->cells_out);
        }
        f->rows = rows;
        f->n = n;
        g->evaluating = f;
    }
    if (g->applying)
        g->applying->first_rec =
            g->store ? wn_store_reserve(g->store, (uint32_t)g->applying->n) : 0;
    if (g->applying || g->evaluating) run_step(g);
    g->pending = g->evaluating;
}

/* ---- the driver ----------------------------------------------------------------- */

static void ingest_setup(ingest *g, const wn_header *h, unsigned threads)
{
    g->country_column = -1;
    for (size_t c = 0; c < g->ic->ncols; c++) {
        wn_field f = g->ic->cols[c].field;
        g->mapped_field[f] = f != WN_F_NONE;
        if (f == WN_F_COUNTRY && g->country_column < 0) g->country_column = (long)c;
    }
    g->split_full_name = g->mapped_field[WN_F_FULL_NAME] && !g->mapped_field[WN_F_FIRST_NAME] &&
                         !g->mapped_field[WN_F_LAST_NAME];
    g->suffix_from_names = !g->mapped_field[WN_F_NAME_SUFFIX];
    g->res->column_findings = wn_xcalloc(h->ncols * WN_ISSUE_COUNT + 1, sizeof(uint64_t));
    for (int slot = 0; slot < WN_SLOT_COUNT; slot++) { /* in the order outcomes used to apply */
        g->slot_cols[slot] = wn_xmalloc((g->ic->ncols + 1) * sizeof *g->slot_cols[slot]);
        for (long k = -1; k < (long)g->ic->ncols; k++) {
            long c = k < 0 ? g->country_column : k;
            if (c < 0 || (k >= 0 && c == g->country_column)) continue;
            wn_field f = g->ic->cols[c].field;
            bool split = f == WN_F_FULL_NAME && g->split_full_name &&
                         (slot == WN_F_FIRST_NAME || slot == WN_F_LAST_NAME);
            bool suffix = slot == WN_F_NAME_SUFFIX && g->suffix_from_names &&
                          (f == WN_F_LAST_NAME || f == WN_F_FULL_NAME);
            if (split || suffix ||
                (!(f == WN_F_FULL_NAME && g->split_full_name) && g->ic->slot[c] == slot))
                g->slot_cols[slot][g->nslot_cols[slot]++] = (size_t)c;
        }
    }
    g->nunits = UNIT_COLUMNS + (g->sink->column ? g->ic->ncols : 0);
    g->nworkers = threads ? threads : 1;
    g->workers = wn_xcalloc_aligned(g->nworkers, sizeof *g->workers, 64);
    for (unsigned w = 0; w < g->nworkers; w++) {
        g->workers[w].g = g;
        g->workers[w].index = w;
        g->workers[w].memos = wn_xcalloc(g->ic->ncols + 1, sizeof *g->workers[w].memos);
        g->workers[w].scratch =
            wn_xcalloc(CHUNK_ROWS * (g->ic->ncols + 1), sizeof *g->workers[w].scratch);
        g->workers[w].valid_rows = wn_xcalloc(CHUNK_ROWS, sizeof *g->workers[w].valid_rows);
        g->workers[w].regions = wn_xcalloc(CHUNK_ROWS, sizeof *g->workers[w].regions);
        g->workers[w].hashes = wn_xcalloc(CHUNK_ROWS, sizeof *g->workers[w].hashes);
    }
    g->flights[0].index = 0;
    g->flights[1].index = 1;
    g->pool = wn_pool_new(g->nworkers, step_main, g);
}

static void ingest_teardown(ingest *g)
{
    wn_pool_free(g->pool);
    for (unsigned w = 0; w < g->nworkers; w++) {
        wn_normalizer_state_free(&g->workers[w].st);
        wn_buf_free(&g->workers[w].norm);
        wn_buf_free(&g->workers[w].key);
        wn_buf_free(&g->workers[w].texts[0]);
        wn_buf_free(&g->workers[w].texts[1]);
        for (size_t c = 0; c < g->ic->ncols; c++) {
            free(g->workers[w].memos[c].slots);
            wn_arena_free(&g->workers[w].memos[c].mem);
        }
        free(g->workers[w].memos);
        free(g->workers[w].scratch);
        free(g->workers[w].valid_rows);
        free(g->workers[w].regions);
        free(g->workers[w].hashes);
    }
    free(g->workers);
    for (int slot = 0; slot < WN_SLOT_COUNT; slot++)
        free(g->slot_cols[slot]);
    for (int k = 0; k < 2; k++) {
        free(g->flights[k].rows_out);
        free(g->flights[k].cells_out);
    }
    wn_buf_free(&g->id);
}

/* Rowpipe callbacks, in the step's reading task. */
static void pipe_reject(void *ctx, const wn_row *row)
{
    const ingest *g = ctx;
    if (g->sink->reject) g->sink->reject(g->sink->ctx, row, g->source_name);
}

static void pipe_progress(void *ctx, const wn_reader *r)
{
    const ingest *g = ctx;
    if (g->sink->progress) g->sink->progress(g->sink->ctx, r);
}

static int resolve_from_sample(ingest *g, const wn_columns *cols, const wn_header *h,
                               const sample *s, wn_error *err)
{
    const char **cells = wn_xcalloc(s->n * h->ncols + 1, sizeof *cells);
    for (size_t i = 0; i < s->n; i++)
        for (size_t c = 0; c < h->ncols; c++)
            cells[i * h->ncols + c] = s->rows[i].cells[c].ptr;
    int rc = wn_ingest_resolve_columns(g->r, cols, h, s->n, cells, g->ic, err);
    free(cells);
    return rc;
}

int wn_ingest(wn_reader *reader, const wn_rules *r, const wn_columns *cols,
              const wn_ingest_opts *opts, wn_store *store, const wn_ingest_sink *sink,
              wn_ingest_result *res, wn_error *err)
{
    memset(res, 0, sizeof *res);
    ingest g = {.r = r,
                .sink = sink,
                .store = store,
                .res = res,
                .ic = &res->columns,
                .source = opts ? opts->source : 0,
                .source_name = wn_reader_path(reader)};
    const wn_header *h = wn_reader_header(reader);
    size_t want = opts && opts->sample_rows ? opts->sample_rows : 1000;
    sample s = {.rows = wn_xmalloc(want * sizeof *s.rows)};
    wn_rowpipe *pipe = g.pipe = wn_rowpipe_open(reader, 2, pipe_reject, pipe_progress, &g);
    int rc;
    const wn_row *rows = NULL;
    size_t n = 0, used = 0;
    while (s.n < want && (n = wn_rowpipe_next(pipe, &rows)) > 0)
        for (used = 0; used < n && s.n < want; used++)
            sample_keep(&s, &rows[used]);
    rc = resolve_from_sample(&g, cols, h, &s, err);
    if (rc == WN_OK) {
        validator_init(&g.v, r);
        ingest_setup(&g, h, opts ? opts->threads : 1);
        ingest_push(&g, s.rows, s.n);
        if (used < n) ingest_push(&g, rows + used, n - used);
        while (n > 0 && (n = wn_rowpipe_next(pipe, &rows)) > 0)
            ingest_push(&g, rows, n);
        ingest_push(&g, NULL, 0); /* the last batch, applied */
        validator_free(&g.v);
        ingest_teardown(&g);
    }
    int prc = wn_rowpipe_finish(pipe, rc < 0 ? NULL : err);
    wn_reader_stats_get(reader, &res->reader);
    free(s.rows);
    wn_arena_free(&s.mem);
    return rc < 0 ? rc : prc < 0 ? prc : WN_OK;
}

void wn_ingest_result_free(wn_ingest_result *res)
{
    free(res->column_findings);
    wn_input_columns_free(&res->columns);
    memset(res, 0, sizeof *res);
}
