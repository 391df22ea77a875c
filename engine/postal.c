/*
 * postal.c -- postal code formats per country; see postal.h.
 *
 * The formats are data (rules/data/postal_formats.csv, each with the postal
 * operator it comes from), compiled once under pthread_once into tokens:
 * a set of the characters one position may hold (36 bits: digits, then
 * letters) or a separator the canonical spelling writes. A code is first
 * reduced to its letters and digits, so matching a format is one pass over
 * its tokens, and writing the canonical spelling a second; nothing is
 * allocated per call, and the compiled table is read-only afterwards.
 */
#include "postal.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

#define CODE_MAX   16 /* letters and digits; longer is no postal code */
#define MAX_TOKENS 24
#define NREGIONS   (26 * 26)
#define DIGITS     UINT64_C(0x3ff)
#define LETTERS    (UINT64_C(0x3ffffff) << 10)

enum { COL_COUNTRY, COL_FORMATS, COL_ZEROS, COL_PREFIX, COL_SOURCE, NCOLS };

typedef struct token {
    uint64_t set; /* bit 0-9: the digits, 10-35: the letters it may be; 0 for a separator */
    char sep;     /* ' ' or '-' written between characters */
} token;

typedef struct format {
    token tokens[MAX_TOKENS];
    size_t n;
} format;

typedef struct postal_rule {
    format *formats;
    size_t nformats;
    unsigned zeros;     /* leading zeros a spreadsheet may have dropped */
    const char *prefix; /* written before the code, or "" */
    bool digit_first;   /* every format starts with a digit: markers are dropped */
    char country[3];
} postal_rule;

static struct {
    wn_table table;
    postal_rule *rules;
    const postal_rule *by_country[NREGIONS];
} db;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* The bit of a digit or uppercase letter, 0 for anything else. */
static uint64_t char_bit(char c)
{
    int bit = is_digit(c) ? c - '0' : is_upper(c) ? c - 'A' + 10 : -1;
    return bit >= 0 && bit < 36 ? UINT64_C(1) << bit : 0;
}

/* ---- loading ---- */

static void table_fail(const wn_table_row *row, const char *what)
{
    fprintf(stderr, "winnow: data/postal_formats.csv line %zu: %s\n", row->line, what);
    abort();
}

/* "[ABD-HJ]" at `s`: the set, and *end past the ']'; 0 if malformed. */
static uint64_t parse_class(const char *s, const char **end)
{
    uint64_t set = 0;
    for (s++; *s && *s != ']'; s++) {
        char lo = *s, hi = lo;
        if (s[1] == '-' && s[2] && s[2] != ']') {
            hi = s[2];
            s += 2;
        }
        if (!char_bit(lo) || !char_bit(hi) || lo > hi || is_digit(lo) != is_digit(hi)) return 0;
        for (char c = lo; c <= hi; c++)
            set |= char_bit(c);
    }
    *end = *s ? s + 1 : s;
    return *s ? set : 0;
}

static bool push_token(format *f, uint64_t set, char sep)
{
    if (f->n == MAX_TOKENS) return false;
    f->tokens[f->n++] = (token){set, sep};
    return true;
}

/* One format of the notation postal_formats.csv describes; false if it is
 * not one. */
static bool parse_format(const char *s, size_t len, format *f)
{
    const char *end = s + len;
    f->n = 0;
    while (s < end) {
        char c = *s;
        bool ok = true;
        if (c == '9' || c == 'A' || c == '?') {
            ok = push_token(f, c == '9' ? DIGITS : c == 'A' ? LETTERS : DIGITS | LETTERS, 0);
            s++;
        } else if (c == ' ' || c == '-') {
            ok = push_token(f, 0, c);
            s++;
        } else if (c == '[') {
            uint64_t set = parse_class(s, &s);
            ok = set != 0 && s <= end && push_token(f, set, 0);
        } else if (c == '"') {
            for (s++; s < end && *s != '"' && ok; s++)
                ok = *s == ' ' || *s == '-' ? push_token(f, 0, *s)
                                            : char_bit(*s) && push_token(f, char_bit(*s), 0);
            ok = ok && s < end;
            s++;
        } else if (c == '{') {
            char *after;
            unsigned long times = strtoul(s + 1, &after, 10);
            ok = *after == '}' && times >= 1 && f->n > 0 && f->tokens[f->n - 1].set != 0;
            for (unsigned long i = 1; ok && i < times; i++)
                ok = push_token(f, f->tokens[f->n - 1].set, 0);
            s = after + 1;
        } else {
            ok = false;
        }
        if (!ok) return false;
    }
    return f->n > 0;
}

static int country_index(const char *country)
{
    if (!country || !country[0] || !country[1]) return -1;
    int a = (country[0] & ~0x20) - 'A', b = (country[1] & ~0x20) - 'A';
    return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : -1;
}

static void rule_load(postal_rule *r, const wn_table_row *row)
{
    int index = country_index(row->fields[COL_COUNTRY]);
    if (index < 0 || row->fields[COL_COUNTRY][2] != '\0') table_fail(row, "bad country code");
    memcpy(r->country, row->fields[COL_COUNTRY], 3);
    const char *formats = row->fields[COL_FORMATS];
    r->nformats = 1;
    for (const char *c = formats; *c; c++)
        r->nformats += *c == '|';
    r->formats = wn_xcalloc(r->nformats, sizeof *r->formats);
    r->digit_first = true;
    for (size_t i = 0; i < r->nformats; i++) {
        size_t len = strcspn(formats, "|");
        format *f = &r->formats[i];
        if (!parse_format(formats, len, f)) table_fail(row, "bad format");
        size_t first = 0;
        while (f->tokens[first].set == 0 && first + 1 < f->n)
            first++;
        r->digit_first &= (f->tokens[first].set & ~DIGITS) == 0;
        formats += len + (formats[len] == '|');
    }
    char *end;
    r->zeros = (unsigned)strtoul(row->fields[COL_ZEROS], &end, 10);
    if (*end || r->zeros > 2) table_fail(row, "bad zeros");
    r->prefix = row->fields[COL_PREFIX];
    db.by_country[index] = r;
}

static void db_load(void)
{
    wn_error err;
    if (wn_table_load_embedded(&db.table, "data/postal_formats.csv", &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
    db.rules = wn_xcalloc(db.table.nrows, sizeof *db.rules);
    for (size_t r = 0; r < db.table.nrows; r++) {
        const wn_table_row *row = &db.table.rows[r];
        if (row->nfields != NCOLS) table_fail(row, "a row has 5 fields");
        if (strcmp(row->fields[COL_COUNTRY], "country") != 0) rule_load(&db.rules[r], row);
    }
}

/* ---- matching ---- */

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

static bool is_alnum(char c)
{
    return is_digit(c) || is_upper(upper(c));
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Writes the text uppercased with blank runs collapsed. OK if it is 2..10
 * ASCII letters and digits with single dashes or spaces between, EMPTY if it
 * has nothing but punctuation. */
static wn_norm_status generic(const char *s, size_t len, wn_buf *out)
{
    size_t alnum = 0, punct = 0, spaces = 0, misplaced = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (is_space(c)) {
            pending_space = out->len > 0;
            continue;
        }
        if (pending_space) {
            wn_buf_putc(out, ' ');
            spaces++;
        }
        pending_space = false;
        wn_buf_putc(out, upper(c));
        if (is_alnum(c))
            alnum++;
        else if (c > ' ' && c < 0x7f)
            punct++;
        else
            misplaced++;
        if (!is_alnum(c) && (c != '-' || i == 0 || i + 1 == len)) misplaced++;
    }
    if (alnum == 0 && punct + spaces == out->len) return WN_NORM_EMPTY;
    return misplaced == 0 && alnum >= 2 && alnum <= 10 ? WN_NORM_OK : WN_NORM_INVALID;
}

/* Letters and digits of the code, uppercased; false on any other character
 * than blanks, dashes and dots. */
static bool compact(const char *s, size_t len, char code[CODE_MAX], size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (is_space(c) || c == '-' || c == '.') continue;
        if (!is_alnum(c) || *n == CODE_MAX) return false;
        code[(*n)++] = upper(c);
    }
    return true;
}

/* Writes `code` in format `f`, after the rule's prefix, if it fits. */
static bool apply_format(const format *f, const char *prefix, const char *code, size_t n,
                         wn_buf *out)
{
    size_t k = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->tokens[i].set == 0) continue;
        if (k == n || !(f->tokens[i].set & char_bit(code[k]))) return false;
        k++;
    }
    if (k != n) return false;
    wn_buf_clear(out);
    wn_buf_puts(out, prefix);
    for (size_t i = 0, j = 0; i < f->n; i++)
        wn_buf_putc(out, f->tokens[i].set == 0 ? f->tokens[i].sep : code[j++]);
    return true;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i])) return false;
    return true;
}

/* Tries each format, then each with the leading zeros a spreadsheet drops. */
static bool match_rule(const postal_rule *r, const char *code, size_t n, wn_buf *out)
{
    for (unsigned zeros = 0; zeros <= r->zeros; zeros++) {
        if (zeros > 0 && !all_digits(code, n)) return false;
        char padded[CODE_MAX + 2];
        memset(padded, '0', zeros);
        memcpy(padded + zeros, code, n);
        for (size_t i = 0; i < r->nformats; i++)
            if (apply_format(&r->formats[i], r->prefix, padded, n + zeros, out)) return true;
    }
    return false;
}

/* Drops what may stand before a code that starts with a digit: the
 * Japanese postal mark 〒 (U+3012), a country marker of up to four letters
 * and a dash or blank ("D-", "CH-", "LV-", "PC "), or the country's own
 * code run into the digits ("HT6120", "VC0100"). */
static void strip_marker(const char **s, size_t *len, const char *country)
{
    if (*len >= 3 && memcmp(*s, "\xe3\x80\x92", 3) == 0) {
        *s += 3;
        *len -= 3;
    }
    size_t i = 0;
    while (i < *len && i < 4 && is_upper(upper((*s)[i])))
        i++;
    if (i == 0 || i + 1 >= *len) return;
    bool marker = ((*s)[i] == '-' || (*s)[i] == ' ') && is_digit((*s)[i + 1]);
    bool own =
        i == 2 && upper((*s)[0]) == country[0] && upper((*s)[1]) == country[1] && is_digit((*s)[i]);
    if (marker || own) {
        *s += i + marker;
        *len -= i + marker;
    }
}

wn_norm_status wn_postal_normalize(const char *s, size_t len, const char *country, wn_buf *out)
{
    pthread_once(&db_once, db_load);
    wn_buf_clear(out);
    while (len > 0 && is_space(*s))
        s++, len--;
    while (len > 0 && is_space(s[len - 1]))
        len--;
    if (len == 0) return WN_NORM_EMPTY;
    int index = country_index(country);
    const postal_rule *r = index >= 0 ? db.by_country[index] : NULL;
    if (!r) return generic(s, len, out);
    const char *body = s;
    size_t body_len = len;
    if (r->digit_first) strip_marker(&body, &body_len, r->country);
    char code[CODE_MAX];
    size_t n;
    bool clean = compact(body, body_len, code, &n);
    if (clean && n == 0) return WN_NORM_EMPTY;
    if (clean && match_rule(r, code, n, out)) return WN_NORM_OK;
    wn_buf_clear(out);
    generic(s, len, out);
    return WN_NORM_INVALID;
}
