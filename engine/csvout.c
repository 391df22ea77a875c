/*
 * csvout.c -- writing CSV for people and scripts; see winnow.h (wn_csvw).
 *
 * A cell is quoted only when it must be: when it holds the delimiter, a quote,
 * CR or LF, or starts or ends with a blank (which a lenient reader, libcsv
 * included, would trim). The quoting itself is libcsv's csv_write2().
 *
 * Rows are formatted into the writer's own 64 KiB buffer and handed to stdio
 * a block at a time: at a million rows of fifteen cells, an fwrite() per cell
 * (a lock, a call, a bounds check each) cost more than everything else.
 *
 * Neutralising: an export is attacker-controlled text, and a cell such as
 * `=HYPERLINK(...)` or `@SUM(...)` would run as a formula when a person opens
 * the file in a spreadsheet. Such cells get a leading `'`, which spreadsheets
 * treat as "this is text". The check looks at the first byte only, as Excel
 * and LibreOffice do.
 */
#include "winnow.h"

#include <csv.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

void wn_csvw_init(wn_csvw *w, FILE *fp, bool neutralise)
{
    memset(w, 0, sizeof *w);
    w->fp = fp;
    w->delimiter = ',';
    w->neutralise = neutralise;
}

#define OUT_SIZE 65536

static void write_through(wn_csvw *w, const void *p, size_t n)
{
    if (n && fwrite(p, 1, n, w->fp) != n) w->error = 1;
}

/* Hands the buffered bytes to the stream. */
static void drain(wn_csvw *w)
{
    write_through(w, w->out, w->out_len);
    w->out_len = 0;
}

void wn_csvw_flush(wn_csvw *w)
{
    drain(w);
    if (fflush(w->fp) != 0) w->error = 1;
}

void wn_csvw_release(wn_csvw *w)
{
    if (w->out) wn_csvw_flush(w);
    free(w->out);
    free(w->scratch);
    w->out = w->scratch = NULL;
    w->out_len = w->scratch_cap = 0;
}

static bool is_formula_start(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

static bool needs_quotes(const wn_csvw *w, const char *s, size_t len)
{
    if (len == 0) return false;
    if (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t') return true;
    char delimiter = w->delimiter;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        /* '"', LF and CR are all at most '"': most characters take one test */
        if (c == (unsigned char)delimiter || (c <= '"' && (c == '"' || c == '\n' || c == '\r')))
            return true;
    }
    return false;
}

/* The slow path of put(): the buffer is full, or not there yet. */
static void put_slow(wn_csvw *w, const void *p, size_t n)
{
    if (!w->out) w->out = wn_xmalloc(OUT_SIZE);
    if (w->out_len + n > OUT_SIZE) {
        drain(w);
        if (n > OUT_SIZE) { /* a huge cell: straight through */
            write_through(w, p, n);
            return;
        }
    }
    memcpy(w->out + w->out_len, p, n);
    w->out_len += n;
}

/* Inline: a few calls per cell of every output. */
static inline void put(wn_csvw *w, const void *p, size_t n)
{
    if (!w->out || w->out_len + n > OUT_SIZE) {
        put_slow(w, p, n);
        return;
    }
    memcpy(w->out + w->out_len, p, n);
    w->out_len += n;
}

static void scratch_reserve(wn_csvw *w, size_t n)
{
    if (n > w->scratch_cap) {
        w->scratch_cap = n * 2;
        w->scratch = wn_xrealloc(w->scratch, w->scratch_cap);
    }
}

static void put_quoted(wn_csvw *w, const char *s, size_t len, bool prefix)
{
    const char *src = s;
    size_t srclen = len;
    wn_buf prefixed = {0};
    if (prefix) {
        wn_buf_putc(&prefixed, '\'');
        wn_buf_append(&prefixed, s, len);
        src = prefixed.data;
        srclen = prefixed.len;
    }
    size_t need = csv_write2(NULL, 0, src, srclen, '"');
    scratch_reserve(w, need);
    csv_write2(w->scratch, need, src, srclen, '"');
    put(w, w->scratch, need);
    wn_buf_free(&prefixed);
}

void wn_csvw_cell(wn_csvw *w, const char *s, size_t len)
{
    if (w->row_open) put(w, &w->delimiter, 1);
    w->row_open = true;
    bool prefix = w->neutralise && len > 0 && is_formula_start(s[0]);
    if (needs_quotes(w, s, len)) {
        put_quoted(w, s, len, prefix);
        return;
    }
    if (prefix) put(w, "'", 1);
    put(w, s, len);
}

char *wn_csvw_encode(const wn_csvw *w, const char *s, size_t *len)
{
    size_t n = strlen(s);
    wn_buf src = {0};
    if (w->neutralise && n > 0 && is_formula_start(s[0])) wn_buf_putc(&src, '\'');
    wn_buf_append(&src, s, n);
    if (!needs_quotes(w, s, n)) {
        *len = src.len;
        return wn_buf_cstr(&src); /* the caller's now */
    }
    size_t need = csv_write2(NULL, 0, src.data, src.len, '"');
    char *out = wn_xmalloc(need + 1);
    *len = csv_write2(out, need, src.data, src.len, '"');
    out[*len] = '\0';
    wn_buf_free(&src);
    return out;
}

void wn_csvw_encoded(wn_csvw *w, const char *cell, size_t len)
{
    if (w->row_open) put(w, &w->delimiter, 1);
    w->row_open = true;
    put(w, cell, len);
}

void wn_csvw_str(wn_csvw *w, const char *s)
{
    wn_csvw_cell(w, s ? s : "", s ? strlen(s) : 0);
}

void wn_csvw_u64(wn_csvw *w, uint64_t v)
{
    char tmp[24];
    const char *p = wn_u64_dec(v, tmp + sizeof tmp);
    wn_csvw_cell(w, p, (size_t)(tmp + sizeof tmp - p));
}

/* "%.*f" for moderate values without printf (pairs.csv writes two numbers a
 * pair): rint() rounds ties to even, as printf does on exact ties. */
static int format_fixed(char *tmp, double v, int decimals)
{
    static const double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    double scaled = rint(v * scale[decimals]);
    bool neg = scaled < 0;
    uint64_t q = (uint64_t)(neg ? -scaled : scaled), unit = (uint64_t)scale[decimals];
    char digits[48], *end = digits + sizeof digits, *p = end;
    uint64_t frac = q % unit;
    for (int d = 0; d < decimals; d++, frac /= 10)
        *--p = (char)('0' + frac % 10);
    if (decimals > 0) *--p = '.';
    p = wn_u64_dec(q / unit, p);
    if (neg) *--p = '-';
    memcpy(tmp, p, (size_t)(end - p));
    return (int)(end - p);
}

void wn_csvw_double(wn_csvw *w, double v, int decimals)
{
    char tmp[64];
    int n = decimals >= 0 && decimals <= 9 && fabs(v) < 1e9
                ? format_fixed(tmp, v, decimals)
                : snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    /* A value that rounds to zero from below would print as "-0.00": a formula
     * start for spreadsheets and a surprise for people. */
    if (n > 1 && tmp[0] == '-' && strspn(tmp + 1, "0.") == (size_t)(n - 1))
        memmove(tmp, tmp + 1, (size_t)n--);
    /* A number the program formatted is data, not a formula: a leading minus
     * stays as it is, so spreadsheets still read it as a number. */
    if (w->row_open) put(w, &w->delimiter, 1);
    w->row_open = true;
    put(w, tmp, (size_t)n);
}

void wn_csvw_end_row(wn_csvw *w)
{
    put(w, "\n", 1);
    w->row_open = false;
}

int wn_csvw_status(wn_csvw *w)
{
    wn_csvw_flush(w);
    return w->error || ferror(w->fp) ? -1 : 0;
}

void wn_csvw_rejects_header(wn_csvw *w)
{
    static const char *const cols[] = {"line", "reason", "raw", "source", "detail"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        wn_csvw_str(w, cols[i]);
    wn_csvw_end_row(w);
}

void wn_csvw_reject(wn_csvw *w, const wn_row *reject, const char *source)
{
    wn_buf raw = {0};
    wn_utf8_sanitize(&raw, reject->raw, reject->raw_len, true);
    wn_csvw_u64(w, reject->line);
    wn_csvw_str(w, wn_reject_reason_name(reject->reject));
    wn_csvw_cell(w, raw.data ? raw.data : "", raw.len);
    wn_csvw_str(w, source);
    wn_csvw_str(w, reject->detail);
    wn_csvw_end_row(w);
    wn_buf_free(&raw);
}
