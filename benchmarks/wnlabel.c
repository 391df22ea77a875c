/*
 * wnlabel -- splits a labelled CSV into winnow's input and the truth.
 *
 *   wnlabel --in FILE --truth-column NAME --out INPUT.csv --truth TRUTH.csv
 *
 * Public record-linkage sets carry their answer in a column (splink's
 * `cluster`, dedupe's `True Id`). winnow must not see it, and the scorer
 * needs it keyed by something winnow reports: INPUT.csv is the same table
 * without that column (header kept), TRUTH.csv is `record_id,entity_id` where
 * record_id is the 1-based data row number (winnow's `row` in clusters.csv;
 * wnscore --by-row) and entity_id the truth column's value.
 *
 * The input is RFC 4180 CSV (comma, quoted fields may hold commas, doubled
 * quotes and newlines; LF, CRLF or CR line ends; a UTF-8 byte-order mark).
 * libcsv parses it, with no trimming, so every other byte of a value is kept;
 * a field is quoted on output when it holds a comma, a quote, CR or LF.
 * Blank lines are skipped, as libcsv and winnow's reader skip them, so row
 * numbers agree with winnow's. The file is read whole (labelled sets are a
 * few MB) and fed to libcsv one physical line at a time, so an error names
 * the line: a row with more or fewer fields than the header, a quote never
 * closed, or a truth column that is not there, all with status 2.
 */
#include <csv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the input, whole ------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        perror(path);
        exit(2);
    }
    size_t cap = 1 << 20, n = 0, got;
    char *s = malloc(cap);
    while (s && (got = fread(s + n, 1, cap - n, fp)) > 0)
        if ((n += got) == cap) {
            char *more = realloc(s, cap *= 2);
            if (!more) free(s);
            s = more;
        }
    if (!s || ferror(fp)) {
        fprintf(stderr, "wnlabel: cannot read %s\n", path);
        exit(2);
    }
    fclose(fp);
    *len = n;
    return s;
}

/* ---- one row's fields ------------------------------------------------------- */

typedef struct row {
    char **field;
    size_t *len;
    int n, cap;
} row;

static void row_add(row *r, const char *s, size_t len)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 64;
        r->field = realloc(r->field, (size_t)r->cap * sizeof *r->field);
        r->len = realloc(r->len, (size_t)r->cap * sizeof *r->len);
        if (!r->field || !r->len) exit(2);
    }
    r->field[r->n] = malloc(len + 1);
    if (!r->field[r->n]) exit(2);
    memcpy(r->field[r->n], s, len);
    r->field[r->n][len] = '\0';
    r->len[r->n++] = len;
}

static void row_clear(row *r)
{
    for (int i = 0; i < r->n; i++)
        free(r->field[i]);
    r->n = 0;
}

/* ---- writing ---------------------------------------------------------------- */

static void put_field(FILE *fp, const char *s, size_t len)
{
    bool quote = false;
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        fwrite(s, 1, len, fp);
        return;
    }
    fputc('"', fp);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"') fputc('"', fp);
        fputc(s[i], fp);
    }
    fputc('"', fp);
}

/* ---- the split ---------------------------------------------------------------- */

typedef struct job {
    const char *in, *column;
    FILE *out, *truth;
    row cur;
    int ncols, truth_col;   /* from the header; truth_col -1 until it is read */
    unsigned long rows;     /* data rows written */
    unsigned long line;     /* physical line being fed (1-based) */
    unsigned long row_line; /* where the row in progress started; 0: none yet */
    bool ended, failed;     /* ended: a row ended in the line being fed */
} job;

static void on_field(void *s, size_t len, void *ctx)
{
    job *j = ctx;
    row_add(&j->cur, s ? s : "", s ? len : 0);
}

static void header(job *j)
{
    j->ncols = j->cur.n;
    for (int i = 0; i < j->cur.n; i++)
        if (strcmp(j->cur.field[i], j->column) == 0) j->truth_col = i;
    if (j->truth_col < 0) {
        fprintf(stderr, "wnlabel: %s:%lu: no column \"%s\" in the header:", j->in, j->row_line,
                j->column);
        for (int i = 0; i < j->cur.n; i++)
            fprintf(stderr, "%s \"%s\"", i ? "," : "", j->cur.field[i]);
        fputc('\n', stderr);
        j->failed = true;
        return;
    }
    fputs("record_id,entity_id\n", j->truth);
}

static void data_row(job *j)
{
    if (j->cur.n != j->ncols) {
        fprintf(stderr, "wnlabel: %s:%lu: row %lu has %d fields, the header has %d\n", j->in,
                j->row_line, j->rows + 1, j->cur.n, j->ncols);
        j->failed = true;
        return;
    }
    j->rows++;
    fprintf(j->truth, "%lu,", j->rows);
    put_field(j->truth, j->cur.field[j->truth_col], j->cur.len[j->truth_col]);
    fputc('\n', j->truth);
}

/* A row ends: the header, or a data row; either way written without the
 * truth column. After a failure, the rest is only parsed. */
static void on_row(int c, void *ctx)
{
    (void)c;
    job *j = ctx;
    if (!j->row_line) j->row_line = j->line;
    if (!j->failed) {
        if (j->ncols < 0)
            header(j);
        else
            data_row(j);
    }
    if (!j->failed) {
        bool first = true;
        for (int i = 0; i < j->cur.n; i++) {
            if (i == j->truth_col) continue;
            if (!first) fputc(',', j->out);
            put_field(j->out, j->cur.field[i], j->cur.len[i]);
            first = false;
        }
        fputc('\n', j->out);
    }
    row_clear(&j->cur);
    j->row_line = 0;
    j->ended = true;
}

/* No byte is a blank to be trimmed: values are kept as they are. */
static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

/* Length of the physical line at s (through its LF, CRLF or lone CR). */
static size_t line_len(const char *s, size_t left)
{
    for (size_t i = 0; i < left; i++) {
        if (s[i] == '\n') return i + 1;
        if (s[i] == '\r') return i + 1 < left && s[i + 1] == '\n' ? i + 2 : i + 1;
    }
    return left;
}

/* Feeds one physical line; false on a libcsv failure (out of memory). */
static bool feed(job *j, struct csv_parser *p, const char *s, size_t n)
{
    j->ended = false;
    if (csv_parse(p, s, n, on_field, on_row, j) != n) {
        fprintf(stderr, "wnlabel: %s:%lu: %s\n", j->in, j->line, csv_strerror(csv_error(p)));
        return false;
    }
    /* No row ended on a line that is not blank: a quoted field goes on, and
     * its row started here unless it started before. */
    if (!j->ended && !j->row_line && strspn(s, "\r\n") < n) j->row_line = j->line;
    return true;
}

static int split_file(job *j, const char *text, size_t len)
{
    struct csv_parser p;
    csv_init(&p, 0);
    csv_set_space_func(&p, no_space);
    size_t at = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* a BOM stays a BOM */
        fwrite(text, 1, 3, j->out);
        at = 3;
    }
    bool ok = true;
    for (j->line = 1; ok && at < len && !j->failed; j->line++) {
        size_t n = line_len(text + at, len - at);
        ok = feed(j, &p, text + at, n);
        at += n;
    }
    j->line--;
    /* A last line without its line end gets one; a row still open after it
     * is inside a quote that never closes. */
    if (ok && !j->failed && len && text[len - 1] != '\n' && text[len - 1] != '\r')
        ok = feed(j, &p, "\n", 1);
    if (ok && !j->failed && j->row_line) {
        fprintf(stderr, "wnlabel: %s:%lu: a quote is never closed\n", j->in, j->row_line);
        j->failed = true;
    }
    csv_fini(&p, on_field, on_row, j);
    csv_free(&p);
    if (ok && !j->failed && j->ncols < 0) {
        fprintf(stderr, "wnlabel: %s: no header row\n", j->in);
        j->failed = true;
    }
    return ok && !j->failed ? 0 : 2;
}

static FILE *create(const char *path)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) {
        perror(path);
        exit(2);
    }
    return fp;
}

static void usage(void)
{
    fputs("usage: wnlabel --in FILE --truth-column NAME --out INPUT.csv --truth TRUTH.csv\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *in = NULL, *column = NULL, *out = NULL, *truth = NULL;
    for (int i = 1; i < argc; i++) {
        bool has = i + 1 < argc;
        if (!strcmp(argv[i], "--in") && has)
            in = argv[++i];
        else if (!strcmp(argv[i], "--truth-column") && has)
            column = argv[++i];
        else if (!strcmp(argv[i], "--out") && has)
            out = argv[++i];
        else if (!strcmp(argv[i], "--truth") && has)
            truth = argv[++i];
        else
            usage();
    }
    if (!in || !column || !out || !truth) usage();
    size_t len;
    char *text = slurp(in, &len);
    job j = {.in = in, .column = column, .ncols = -1, .truth_col = -1};
    j.out = create(out);
    j.truth = create(truth);
    int rc = split_file(&j, text, len);
    if (fclose(j.out) != 0 || fclose(j.truth) != 0) {
        perror("wnlabel");
        rc = 2;
    }
    row_clear(&j.cur);
    free(j.cur.field);
    free(j.cur.len);
    free(text);
    if (rc != 0) { /* no half-written outputs left to be mistaken for good ones */
        remove(out);
        remove(truth);
    } else {
        fprintf(stderr, "wnlabel: %s: %lu rows\n", in, j.rows);
    }
    return rc;
}
