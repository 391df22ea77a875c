/*
 * reader.c -- streaming CSV rows with physical line numbers and rejects.
 *
 * Design. libcsv does the parsing, but it does not say where in the input a
 * record started, and a reject must name its physical line and show its raw
 * text. So the reader keeps the input in one window buffer and feeds libcsv one
 * physical line (a "segment", ending at the line terminator) at a time:
 *
 *     buf:  [ ... consumed ... | start ........ pos ........ end | free ]
 *                               ^ current record's first byte
 *                                               ^ next byte to feed
 *
 * libcsv is told that only the line terminator ends a record, so one segment
 * completes at most one record, and a record that has not completed at the end
 * of a segment is inside a quoted field (an embedded newline). The bytes of the
 * record in progress stay in the window from `start`, so when it completes its
 * raw text is contiguous; refilling moves them to the front and grows the
 * window only when one record is larger than it. Memory is therefore bounded
 * by the largest record (capped by max_record_bytes), never by the file.
 *
 * Recovery. A quote that is never closed would swallow the rest of the file.
 * When that is found (at the end of input, or when the record outgrows
 * max_record_bytes) the record's first physical line is rejected and parsing
 * restarts on the line after it, so every following line is still read and
 * each bad line is listed once.
 *
 * Blank lines (only blanks) are skipped, exactly as libcsv skips them, so a
 * record's start line is where libcsv sees it start.
 */
#include "winnow.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "error.h"
#include "reader.h"
#include "sniff.h"
#include "source.h"
#include "utf8.h"

#define DEFAULT_READ_SIZE  (1u << 20)
#define DEFAULT_MAX_RECORD ((size_t)64 << 20)
#define SNIFF_SAMPLE       (64u << 10)
#define TOO_LARGE_PREVIEW  4096

struct wn_reader {
    wn_source src;
    wn_dialect dialect;
    bool delimiter_given;
    size_t max_record;
    struct csv_parser csv;

    /* The input window; see the comment at the top. */
    char *buf;
    size_t cap, start, pos, end;
    size_t scan;         /* no terminator in [pos, scan): resume the search here */
    uint64_t buf_offset; /* decoded offset of buf[0] */
    uint64_t line;       /* physical line number of buf[pos] */
    bool eof;            /* the source has no more bytes */
    bool skipping;       /* dropping the rest of an over-long line */
    bool open_last_line; /* the input's last line has no terminator */

    /* The record being assembled. */
    bool in_record;
    bool record_done;
    bool record_has_nul;
    bool record_clean; /* its lines so far: valid UTF-8 without NUL */
    uint64_t record_line;
    uint64_t record_offset;
    uint64_t record_converted;
    wn_buf own_text;    /* cells, each NUL-terminated, unless given a buffer */
    wn_buf *text;       /* where cells go: &own_text, or wn_reader_set_text's */
    size_t text_mark;   /* text's length when the record began */
    size_t *cell_start; /* offsets into *text */
    size_t *cell_len;
    size_t ncells, cells_cap;
    wn_cell *cells; /* handed out in wn_row */
    size_t cells_out_cap;

    /* Header. */
    char **names;
    size_t ncols;
    char **notes;
    size_t nnotes;
    wn_header header;

    uint64_t rows_seen; /* accepted + rejected, for wn_row.number */
    wn_reader_stats stats;
};

const char *wn_reject_reason_name(int reason)
{
    switch (reason) {
    case WN_REJECT_FIELD_COUNT:
        return "field_count";
    case WN_REJECT_UNTERMINATED_QUOTE:
        return "unterminated_quote";
    case WN_REJECT_NUL_BYTE:
        return "nul_byte";
    case WN_REJECT_TOO_LARGE:
        return "too_large";
    default:
        return "none";
    }
}

/* ---- libcsv callbacks --------------------------------------------------- */

static int is_term_lf(unsigned char c)
{
    return c == '\n';
}

static int is_term_cr(unsigned char c)
{
    return c == '\r';
}

/* With LF line ends, a CR is a blank: libcsv then trims the CR of CRLF from
 * unquoted cells, and skips it after a closing quote. */
static int is_space_lf(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int is_space_cr(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static void on_cell(void *data, size_t len, void *ctx)
{
    wn_reader *r = ctx;
    if (r->ncells == r->cells_cap) {
        r->cells_cap = r->cells_cap ? r->cells_cap * 2 : 32;
        r->cell_start = wn_xrealloc(r->cell_start, r->cells_cap * sizeof *r->cell_start);
        r->cell_len = wn_xrealloc(r->cell_len, r->cells_cap * sizeof *r->cell_len);
    }
    size_t at = r->text->len;
    /* A cell of a clean record is clean: it is the record's text less some
     * of its ASCII bytes (quotes, delimiters, blanks). */
    int flags = r->record_clean ? 0 : wn_utf8_check(data, len);
    if (flags & WN_TEXT_HAS_NUL) r->record_has_nul = true;
    if (flags & WN_TEXT_INVALID_UTF8) {
        wn_cp1252_to_utf8(r->text, data, len);
        r->record_converted++;
        wn_buf_putc(r->text, '\0');
    } else { /* the cell and its NUL, with one check of the room */
        wn_buf_reserve(r->text, len + 1);
        if (len) memcpy(r->text->data + at, data, len);
        r->text->data[at + len] = '\0';
        r->text->len = at + len + 1;
    }
    r->cell_start[r->ncells] = at;
    r->cell_len[r->ncells] = r->text->len - at - 1;
    r->ncells++;
}

static void on_record_end(int c, void *ctx)
{
    (void)c;
    ((wn_reader *)ctx)->record_done = true;
}

static void parser_reset(wn_reader *r)
{
    csv_fini(&r->csv, NULL, NULL, NULL);
    r->in_record = r->record_done = r->record_has_nul = false;
    r->ncells = 0;
    r->record_converted = 0;
    r->text->len = r->text_mark; /* the record's cells so far */
}

static int parser_init(wn_reader *r, wn_error *err)
{
    if (csv_init(&r->csv, 0) != 0) return wn_fail(err, WN_ENOMEM, "cannot start the CSV parser");
    csv_set_delim(&r->csv, (unsigned char)r->dialect.delimiter);
    bool lf = r->dialect.eol == '\n';
    csv_set_term_func(&r->csv, lf ? is_term_lf : is_term_cr);
    csv_set_space_func(&r->csv, lf ? is_space_lf : is_space_cr);
    /* Grow libcsv's cell buffer in large steps: a 2 MiB cell should not cost
     * sixteen thousand reallocs of 128 bytes. */
    csv_set_blk_size(&r->csv, 64 << 10);
    return WN_OK;
}

/* ---- the window --------------------------------------------------------- */

/* Reads more input, first moving the current record to the front and growing
 * the window if it is full. */
static int window_fill(wn_reader *r, size_t read_size, wn_error *err)
{
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->buf_offset += r->start;
        r->pos -= r->start;
        r->scan -= r->start;
        r->end -= r->start;
        r->start = 0;
    }
    if (r->end == r->cap) {
        r->cap *= 2;
        r->buf = wn_xrealloc(r->buf, r->cap);
    }
    size_t want = r->cap - r->end;
    if (want > read_size) want = read_size;
    ssize_t n = wn_source_read(&r->src, r->buf + r->end, want, err);
    if (n < 0) return (int)n;
    if (n == 0) r->eof = true;
    r->end += (size_t)n;
    r->stats.bytes_decoded += (uint64_t)n;
    return WN_OK;
}

static bool is_blank_line(const wn_reader *r, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)r->dialect.eol) continue;
        bool blank = c == ' ' || c == '\r' || (c == '\t' && r->dialect.delimiter != '\t');
        if (!blank) return false;
    }
    return true;
}

/* Length of the record's raw text without its line terminator. */
static size_t raw_length(const wn_reader *r, size_t from, size_t to)
{
    if (to > from && r->buf[to - 1] == r->dialect.eol) to--;
    if (r->dialect.eol == '\n' && to > from && r->buf[to - 1] == '\r') to--;
    return to - from;
}

/* ---- producing rows ----------------------------------------------------- */

static void fill_row_common(wn_reader *r, wn_row *row, size_t raw_from, size_t raw_len)
{
    row->line = r->record_line;
    row->offset = r->record_offset;
    row->raw = r->buf + raw_from;
    row->raw_len = raw_len;
    row->number = ++r->rows_seen;
    row->detail[0] = '\0';
    row->reject = WN_REJECT_NONE;
    row->ncells = 0;
    row->cells = NULL;
}

static int emit_reject(wn_reader *r, wn_row *row, int reason, size_t raw_from, size_t raw_len)
{
    fill_row_common(r, row, raw_from, raw_len);
    row->reject = reason;
    r->stats.rejects++;
    return WN_READ_REJECT;
}

static void expose_cells(wn_reader *r, wn_row *row)
{
    if (r->ncells > r->cells_out_cap) {
        r->cells_out_cap = r->ncells;
        r->cells = wn_xrealloc(r->cells, r->cells_out_cap * sizeof *r->cells);
    }
    for (size_t i = 0; i < r->ncells; i++) {
        r->cells[i].ptr = r->text->data + r->cell_start[i];
        r->cells[i].len = r->cell_len[i];
    }
    row->cells = r->cells;
    row->ncells = r->ncells;
}

/* A record has completed: check it and hand it out. */
static int finish_record(wn_reader *r, wn_row *row)
{
    size_t from = r->start;
    fill_row_common(r, row, from, raw_length(r, from, r->pos));
    r->start = r->pos;
    r->in_record = r->record_done = false;
    expose_cells(r, row);
    r->text_mark = r->text->len; /* a reset from here on keeps this record's cells */
    if (r->record_has_nul) {
        row->reject = WN_REJECT_NUL_BYTE;
        snprintf(row->detail, sizeof row->detail, "the record contains a NUL byte");
    } else if (row->raw_len > r->max_record) {
        /* Complete, but over the limit: the same verdict whatever the read
         * size happened to be, with only its start shown. */
        row->reject = WN_REJECT_TOO_LARGE;
        row->raw_len = TOO_LARGE_PREVIEW < row->raw_len ? TOO_LARGE_PREVIEW : row->raw_len;
        snprintf(row->detail, sizeof row->detail,
                 "record over the size limit (%zu bytes); only its start is shown", r->max_record);
    } else if (r->ncols > 0 && r->ncells != r->ncols) {
        row->reject = WN_REJECT_FIELD_COUNT;
        snprintf(row->detail, sizeof row->detail, "expected %zu fields, found %zu", r->ncols,
                 r->ncells);
    }
    r->record_has_nul = false;
    r->ncells = 0;
    if (row->reject) {
        r->stats.rejects++;
        r->record_converted = 0;
        return WN_READ_REJECT;
    }
    r->stats.rows++;
    r->stats.cells_converted += r->record_converted;
    r->record_converted = 0;
    return WN_READ_ROW;
}

/*
 * The record from `start` can't be completed (quote never closed). Reject its
 * first physical line and rewind to parse again from the line after it. The
 * cell text is cleared only after the row is handed out, since the reject's
 * raw text lives in `buf`, not there.
 */
static int reject_first_line(wn_reader *r, wn_row *row, int reason)
{
    const char *eolp = memchr(r->buf + r->start, r->dialect.eol, r->end - r->start);
    size_t line_end = eolp ? (size_t)(eolp - r->buf) + 1 : r->end;
    size_t from = r->start;
    parser_reset(r);
    emit_reject(r, row, reason, from, raw_length(r, from, line_end));
    snprintf(
        row->detail, sizeof row->detail,
        reason == WN_REJECT_TOO_LARGE
            ? "a quoted field runs on past the record size limit; reading resumes on the next line"
            : "a quote opened on this line is never closed; reading resumes on the next line");
    r->pos = r->scan = r->start = line_end;
    r->line = row->line + (eolp != NULL);
    return WN_READ_REJECT;
}

/* A single physical line longer than the limit: reject it with a preview and
 * drop the rest of it as it streams past. */
static int reject_long_line(wn_reader *r, wn_row *row)
{
    size_t from = r->start;
    parser_reset(r);
    if (!r->in_record) r->record_line = r->line, r->record_offset = r->buf_offset + from;
    size_t preview = r->end - from < TOO_LARGE_PREVIEW ? r->end - from : TOO_LARGE_PREVIEW;
    emit_reject(r, row, WN_REJECT_TOO_LARGE, from, preview);
    snprintf(row->detail, sizeof row->detail,
             "the line is longer than the record size limit (%zu bytes); only its start is shown",
             r->max_record);
    r->skipping = true;
    r->pos = r->scan = r->end;
    return WN_READ_REJECT;
}

/* Drops bytes of an over-long line up to and including its terminator. */
static int skip_long_line(wn_reader *r, wn_error *err)
{
    while (r->skipping) {
        const char *eolp = memchr(r->buf + r->pos, r->dialect.eol, r->end - r->pos);
        if (eolp) {
            r->pos = r->scan = r->start = (size_t)(eolp - r->buf) + 1;
            r->line++;
            r->skipping = false;
            break;
        }
        r->pos = r->scan = r->start = r->end;
        if (r->eof) {
            r->skipping = false;
            break;
        }
        int rc = window_fill(r, r->src.read_size, err);
        if (rc < 0) return rc;
    }
    return WN_OK;
}

/*
 * Given a function, libcsv calls it for every byte (is it a blank? does it
 * end the record?); without one it tests inline. The inline tests (blank:
 * space, tab; end: CR, LF) agree with ours on every line whose only CR, if
 * any, is the one of its CRLF, so only a line with a stray CR needs ours.
 * CR-terminated input keeps its own throughout.
 */
static void choose_byte_tests(wn_reader *r, size_t seg_end, bool ends_line)
{
    if (r->dialect.eol != '\n') return;
    const char *cr = memchr(r->buf + r->pos, '\r', seg_end - r->pos);
    bool inline_tests = !cr || (ends_line && cr == r->buf + seg_end - 2);
    csv_set_term_func(&r->csv, inline_tests ? NULL : is_term_lf);
    csv_set_space_func(&r->csv, inline_tests ? NULL : is_space_lf);
}

/* Feeds [pos, seg_end) to libcsv as part of the current record. */
static void feed_segment(wn_reader *r, size_t seg_end, bool ends_line)
{
    if (!r->in_record) {
        r->in_record = true;
        r->record_line = r->line;
        r->record_offset = r->buf_offset + r->pos;
        r->start = r->pos;
        r->record_clean = true;
        if (r->text == &r->own_text) wn_buf_clear(r->text);
        r->text_mark = r->text->len;
    }
    /* One check of the line rather than one of each cell: most lines are
     * clean, and a record's cells are found in its lines. */
    if (r->record_clean) r->record_clean = wn_utf8_check(r->buf + r->pos, seg_end - r->pos) == 0;
    choose_byte_tests(r, seg_end, ends_line);
    csv_parse(&r->csv, r->buf + r->pos, seg_end - r->pos, on_cell, on_record_end, r);
    r->pos = r->scan = seg_end;
    if (ends_line)
        r->line++;
    else
        r->open_last_line = true;
}

/* The input ended inside a record. */
static int finish_at_eof(wn_reader *r, wn_row *row)
{
    /* A record whose last line has no terminator: give libcsv one. If that
     * doesn't complete it, a quote is still open. */
    unsigned char eol = (unsigned char)r->dialect.eol;
    csv_parse(&r->csv, &eol, 1, on_cell, on_record_end, r);
    if (r->record_done) return finish_record(r, row);
    return reject_first_line(r, row, WN_REJECT_UNTERMINATED_QUOTE);
}

static int next_record(wn_reader *r, wn_row *row, wn_error *err)
{
    for (;;) {
        if (r->skipping) {
            int rc = skip_long_line(r, err);
            if (rc < 0) return rc;
        }
        const char *eolp = memchr(r->buf + r->scan, r->dialect.eol, r->end - r->scan);
        if (!eolp && !r->eof) {
            r->scan = r->end;
            if (r->end - r->start >= r->max_record) {
                bool multi_line = memchr(r->buf + r->start, r->dialect.eol, r->pos - r->start);
                if (r->in_record && multi_line)
                    return reject_first_line(r, row, WN_REJECT_TOO_LARGE);
                return reject_long_line(r, row);
            }
            int rc = window_fill(r, r->src.read_size, err);
            if (rc < 0) return rc;
            continue;
        }
        if (!eolp && r->pos == r->end) { /* end of input */
            if (r->in_record) return finish_at_eof(r, row);
            return WN_READ_EOF;
        }
        size_t seg_end = eolp ? (size_t)(eolp - r->buf) + 1 : r->end;
        if (!r->in_record && is_blank_line(r, r->buf + r->pos, seg_end - r->pos)) {
            r->pos = r->scan = r->start = seg_end;
            r->line += eolp != NULL;
            r->open_last_line = eolp == NULL;
            r->stats.blank_lines++;
            continue;
        }
        feed_segment(r, seg_end, eolp != NULL);
        if (r->record_done) return finish_record(r, row);
        if (!eolp) return finish_at_eof(r, row);
    }
}

/* ---- header ------------------------------------------------------------- */

static void add_note(wn_reader *r, wn_buf *msg)
{
    r->notes = wn_xrealloc(r->notes, (r->nnotes + 1) * sizeof *r->notes);
    r->notes[r->nnotes++] = wn_xstrdup(wn_buf_cstr(msg));
}

static bool name_taken(char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(names[i], name) == 0) return true;
    return false;
}

/* Names blank header cells and makes repeated names unique (case-insensitively,
 * since `Email` and `email` can't both be told apart by a person reading a report). */
static void header_repair(wn_reader *r, const wn_row *row)
{
    wn_buf name = {0}, msg = {0};
    r->ncols = row->ncells;
    r->names = wn_xcalloc(r->ncols, sizeof *r->names);
    for (size_t i = 0; i < r->ncols; i++) {
        const char *given = row->cells[i].ptr;
        wn_buf_clear(&name);
        wn_buf_clear(&msg);
        if (row->cells[i].len == 0) {
            for (size_t k = i + 1;; k++) {
                wn_buf_clear(&name);
                wn_buf_printf(&name, "column_%zu", k);
                if (!name_taken(r->names, i, wn_buf_cstr(&name))) break;
            }
            wn_buf_printf(&msg, "column %zu has no name; called it \"%s\"", i + 1, name.data);
            add_note(r, &msg);
        } else if (name_taken(r->names, i, given)) {
            for (unsigned k = 2;; k++) {
                wn_buf_clear(&name);
                wn_buf_printf(&name, "%s_%u", given, k);
                if (!name_taken(r->names, i, wn_buf_cstr(&name))) break;
            }
            wn_buf_printf(&msg, "column %zu repeats the name \"%s\"; renamed it \"%s\"", i + 1,
                          given, name.data);
            add_note(r, &msg);
        } else {
            wn_buf_puts(&name, given);
        }
        r->names[i] = wn_xstrdup(wn_buf_cstr(&name));
    }
    wn_buf_free(&name);
    wn_buf_free(&msg);
    r->header.ncols = r->ncols;
    r->header.names = (const char *const *)r->names;
    r->header.nnotes = r->nnotes;
    r->header.notes = (const char *const *)r->notes;
}

static int read_header(wn_reader *r, wn_error *err)
{
    wn_row row;
    int rc = next_record(r, &row, err);
    if (rc < 0) return rc;
    const char *name = r->src.name;
    if (rc == WN_READ_EOF) {
        if (r->stats.bytes_decoded == 0)
            return wn_fail(err, WN_EINPUT,
                           "%s: the input is empty (0 bytes); expected a header row", name);
        return wn_fail(err, WN_EINPUT, "%s: no header row (the input has only blank lines)", name);
    }
    if (rc == WN_READ_REJECT)
        return wn_fail(err, WN_EINPUT, "%s:%llu: the header row cannot be read: %s", name,
                       (unsigned long long)row.line, row.detail);
    header_repair(r, &row);
    r->rows_seen = 0; /* the header is not a data row */
    r->stats.rows = 0;
    return WN_OK;
}

/* ---- opening ------------------------------------------------------------ */

/* Fills the window with the sniffing sample, strips a BOM, and sniffs. */
static int read_preamble(wn_reader *r, wn_error *err)
{
    while (!r->eof && r->end < SNIFF_SAMPLE) {
        int rc = window_fill(r, r->src.read_size, err);
        if (rc < 0) return rc;
    }
    const unsigned char *b = (const unsigned char *)r->buf;
    if (r->end >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return wn_fail(err, WN_EINPUT,
                       "%s: the input is UTF-16 (it starts with a UTF-16 byte-order mark); "
                       "save it as UTF-8 CSV",
                       r->src.name);
    if (r->end >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        r->stats.bom = true;
        r->pos = r->scan = r->start = 3;
    }
    char given = r->dialect.delimiter;
    wn_sniff(r->buf + r->pos, r->end - r->pos, r->eof, &r->dialect);
    if (r->dialect.sep_line_len) {
        r->pos = r->scan = r->start = r->pos + r->dialect.sep_line_len;
        r->line++;
    }
    if (r->delimiter_given) r->dialect.delimiter = given;
    r->stats.delimiter = r->dialect.delimiter;
    r->stats.delimiter_sniffed = !r->delimiter_given && !r->dialect.sep_line_len;
    r->stats.line_ending = r->dialect.eol == '\r' ? "CR" : r->dialect.crlf ? "CRLF" : "LF";
    return WN_OK;
}

int wn_reader_open(wn_reader **out, const char *path, const wn_reader_opts *opts, wn_error *err)
{
    *out = NULL;
    wn_reader *r = wn_xcalloc(1, sizeof *r);
    size_t read_size = opts && opts->read_size ? opts->read_size : DEFAULT_READ_SIZE;
    r->max_record = opts && opts->max_record_bytes ? opts->max_record_bytes : DEFAULT_MAX_RECORD;
    if (opts && opts->delimiter) {
        r->dialect.delimiter = opts->delimiter;
        r->delimiter_given = true;
    }
    r->line = 1;
    r->text = &r->own_text;
    int rc = wn_source_open(&r->src, path, read_size, err);
    if (rc < 0) {
        wn_reader_close(r);
        return rc;
    }
    r->cap = SNIFF_SAMPLE + read_size;
    if (r->cap < 2 * read_size) r->cap = 2 * read_size;
    r->buf = wn_xmalloc(r->cap);
    rc = read_preamble(r, err);
    if (rc == WN_OK) rc = parser_init(r, err);
    if (rc == WN_OK) rc = read_header(r, err);
    if (rc < 0) {
        wn_reader_close(r);
        return rc;
    }
    *out = r;
    return WN_OK;
}

int wn_reader_next(wn_reader *r, wn_row *row, wn_error *err)
{
    return next_record(r, row, err);
}

void wn_reader_set_text(wn_reader *r, wn_buf *text)
{
    r->text = text ? text : &r->own_text;
    r->text_mark = r->text->len;
}

const wn_header *wn_reader_header(const wn_reader *r)
{
    return &r->header;
}

const char *wn_reader_path(const wn_reader *r)
{
    return r->src.name;
}

void wn_reader_stats_get(const wn_reader *r, wn_reader_stats *out)
{
    *out = r->stats;
    out->bytes_read = r->src.bytes_read;
    out->bytes_total = r->src.bytes_total;
    out->gzip = r->src.gzip;
    out->lines = r->line - 1 + r->open_last_line;
}

void wn_reader_close(wn_reader *r)
{
    if (!r) return;
    csv_free(&r->csv);
    wn_source_close(&r->src);
    free(r->buf);
    wn_buf_free(&r->own_text);
    free(r->cell_start);
    free(r->cell_len);
    free(r->cells);
    for (size_t i = 0; i < r->ncols; i++)
        free(r->names[i]);
    free(r->names);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i]);
    free(r->notes);
    free(r);
}
