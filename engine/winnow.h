/*
 * winnow.h -- the public interface of libwinnow.
 *
 * libwinnow is the engine behind the `winnow` program: it reads CRM exports
 * (CSV, plain or gzip), profiles and cleans them, and finds duplicate
 * customers. This header is the only one a library user includes; every entry
 * point is documented here. Conventions:
 *
 *  - No hidden global state. Every function takes the context it works on.
 *  - Failures return a negative WN_E* code and fill a caller-supplied
 *    `wn_error` with a message that names the file, line and column when the
 *    failure is about input. A NULL `wn_error *` is allowed and means "don't
 *    tell me why".
 *  - Strings handed out by the library stay valid as documented on each call
 *    (typically: until the next call on the same object, or until it is freed).
 *  - All text coming out of the reader is valid UTF-8.
 */
#ifndef WINNOW_H
#define WINNOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define WN_VERSION "0.1.0"

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

enum wn_status {
    WN_OK = 0,
    WN_EIO = -1,    /* an operating-system call failed (open, read, write, rename) */
    WN_EINPUT = -2, /* the input is unusable: empty, no header, corrupt gzip */
    WN_ENOMEM = -3, /* out of memory */
    WN_ERULES = -4, /* a rules file is invalid */
    WN_EUSAGE = -5, /* the caller asked for something impossible (e.g. output over an input) */
    WN_ELIMIT = -6, /* a configured limit was exceeded */
};

typedef struct wn_error {
    int code;       /* one of enum wn_status */
    char msg[1024]; /* human-readable, names file:line:column where it applies */
} wn_error;

/* Fills `err` (if not NULL) with `code` and the formatted message; returns
 * `code`, so that `return wn_fail(err, WN_EINPUT, "...", ...);` reads well. */
int wn_fail(wn_error *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ------------------------------------------------------------------------ */
/* Reading CSV exports                                                      */
/* ------------------------------------------------------------------------ */

/*
 * The reader streams one CSV input (a path, or "-" for standard input) row by
 * row in memory that does not grow with the file. It detects gzip by its magic
 * bytes, strips a UTF-8 byte-order mark, sniffs the delimiter (comma,
 * semicolon, tab, pipe) and the line ending, reads cells that are not valid
 * UTF-8 as Windows-1252 and converts them, and trims the blanks libcsv trims
 * around unquoted cells (so `a, b, c` reads as three clean cells).
 *
 * A row that cannot be used -- a different number of fields than the header,
 * an unterminated quote at the end of the input, a NUL byte, a record larger
 * than the configured limit -- is returned as a reject with its physical line
 * number and raw text. The caller lists it (rejects.csv) and goes on.
 */
typedef struct wn_reader wn_reader;

typedef struct wn_reader_opts {
    char delimiter;          /* 0: sniff among , ; \t | */
    size_t max_record_bytes; /* 0: 64 MiB. A longer record is rejected. */
    size_t read_size;        /* 0: 1 MiB. Bytes asked of the OS per read(). */
} wn_reader_opts;

typedef struct wn_cell {
    const char *ptr; /* UTF-8, NUL-terminated; points into the reader's row buffer */
    size_t len;
} wn_cell;

enum wn_reject_reason {
    WN_REJECT_NONE = 0,
    WN_REJECT_FIELD_COUNT,        /* more or fewer fields than the header */
    WN_REJECT_UNTERMINATED_QUOTE, /* a quote opened and never closed */
    WN_REJECT_NUL_BYTE,           /* a NUL byte in the record */
    WN_REJECT_TOO_LARGE,          /* the record exceeds max_record_bytes */
};

/* Short machine-friendly name of a reject reason, e.g. "field_count". */
const char *wn_reject_reason_name(int reason);

typedef struct wn_row {
    size_t ncells;        /* number of cells (== header width for accepted rows) */
    const wn_cell *cells; /* valid until the next wn_reader_next() */
    uint64_t line;        /* physical line (1-based) on which the record starts */
    uint64_t number;      /* 1-based data row number, counting rejected rows */
    uint64_t offset;      /* byte offset of the record in the decompressed input */
    const char *raw;      /* the record's bytes as read (may hold invalid UTF-8) */
    size_t raw_len;       /* without the line terminator */
    int reject;           /* enum wn_reject_reason, WN_REJECT_NONE for rows */
    char detail[96];      /* for rejects: what exactly was wrong */
} wn_row;

/* What wn_reader_next() returned. */
enum wn_read_result { WN_READ_EOF = 0, WN_READ_ROW = 1, WN_READ_REJECT = 2 };

/* The header row after repair: blank names become `column_N`, repeated names
 * get `_2`, `_3`, ... Every repair is listed in `notes`. */
typedef struct wn_header {
    size_t ncols;
    const char *const *names;
    size_t nnotes;
    const char *const *notes;
} wn_header;

typedef struct wn_reader_stats {
    uint64_t bytes_read;      /* bytes read from the file (compressed, if gzip) */
    uint64_t bytes_total;     /* size of the file, 0 if unknown (a pipe) */
    uint64_t bytes_decoded;   /* bytes of CSV text after decompression */
    uint64_t lines;           /* physical lines seen */
    uint64_t rows;            /* accepted data rows */
    uint64_t rejects;         /* rejected records */
    uint64_t cells_converted; /* cells read as Windows-1252 and converted */
    uint64_t blank_lines;     /* blank lines skipped */
    bool gzip;                /* input was gzip-compressed */
    bool bom;                 /* a UTF-8 byte-order mark was stripped */
    char delimiter;           /* the delimiter in use */
    bool delimiter_sniffed;   /* chosen by sniffing rather than given */
    const char *line_ending;  /* "LF", "CRLF" or "CR" */
} wn_reader_stats;

/* Opens `path` ("-" is standard input) and reads its header row. Fails with
 * WN_EIO if it cannot be opened or read, WN_EINPUT if it is empty, has no
 * header row, or is corrupt gzip. `opts` may be NULL. */
int wn_reader_open(wn_reader **out, const char *path, const wn_reader_opts *opts, wn_error *err);

/* The next record. Returns WN_READ_ROW or WN_READ_REJECT with `row` filled,
 * WN_READ_EOF at the end, or a negative wn_status (corrupt gzip, I/O error). */
int wn_reader_next(wn_reader *r, wn_row *row, wn_error *err);

const wn_header *wn_reader_header(const wn_reader *r);
void wn_reader_stats_get(const wn_reader *r, wn_reader_stats *out);
const char *wn_reader_path(const wn_reader *r); /* as given; "-" shown as "<stdin>" */
void wn_reader_close(wn_reader *r);

/* ------------------------------------------------------------------------ */
/* Writing outputs                                                          */
/* ------------------------------------------------------------------------ */

/*
 * An output set is the group of files one run writes into OUTDIR. Each file is
 * written to a hidden temporary file in OUTDIR and only renamed into place by
 * wn_outset_commit(), after it has been flushed and fsync'd: a crash or a kill
 * never leaves a half-written output under its real name. Opening an output
 * removes the temporaries of the same output that a dead run left (nobody
 * holds their lock, unchanged for a minute). The set knows the run's inputs
 * and refuses to open an output that is one of them.
 */
typedef struct wn_outset wn_outset;
typedef struct wn_outfile wn_outfile;

/* Creates OUTDIR (and parents) if missing. `inputs` are the run's input paths
 * ("-" ignored); none of them may be overwritten. */
int wn_outset_new(wn_outset **out, const char *outdir, const char *const *inputs, size_t ninputs,
                  wn_error *err);

/* Opens output `name` (a plain file name inside OUTDIR) on a temporary file.
 * The stream is owned by the set. Threads may open outputs at once (each then
 * writes its own); committing and aborting are for one thread, after them. */
int wn_outset_open(wn_outset *set, const char *name, FILE **stream, wn_error *err);

/* The writer of `stream` is done with it: flushes, fsyncs and closes it now,
 * on the caller's thread (so several outputs sync at once, and while others
 * are still written); it is renamed into place at commit. Optional. */
int wn_outset_finish(wn_outset *set, FILE *stream, wn_error *err);

/* Flushes and fsyncs every opened output (unless finished), then renames
 * them all into place. If an output cannot be written or would replace an
 * input, none is renamed and every temporary file is removed. */
int wn_outset_commit(wn_outset *set, wn_error *err);

/* Removes every temporary file not yet committed. Safe to call twice. */
void wn_outset_abort(wn_outset *set);

/* Async-signal-safe: unlinks the temporary files, nothing else. For a
 * program's SIGINT/SIGTERM handler. */
void wn_outset_abort_from_signal(const wn_outset *set);

void wn_outset_free(wn_outset *set); /* aborts whatever is uncommitted */

/*
 * CSV writer with RFC 4180 quoting (a cell is quoted when it holds the
 * delimiter, a quote, CR or LF; quotes are doubled) and LF line ends. With
 * `neutralise` set, a cell that begins with `=`, `+`, `-`, `@`, TAB or CR is
 * prefixed with `'` so a spreadsheet shows it as text instead of evaluating it
 * (CSV injection). Every CSV winnow writes for people has it on.
 */
typedef struct wn_csvw {
    FILE *fp;
    char delimiter;
    bool neutralise;
    bool row_open; /* a cell has been written on the current row */
    int error;     /* sticky: set by the first failed write */
    char *out;     /* rows not yet handed to fp; owned, see wn_csvw_release() */
    size_t out_len;
    char *scratch; /* for quoting; owned */
    size_t scratch_cap;
} wn_csvw;

/* The writer keeps its own buffer and hands it to `fp` in large blocks (one
 * fwrite per cell costs more than the formatting): nothing else may write to
 * `fp` until wn_csvw_flush(), wn_csvw_status() or wn_csvw_release(). */
void wn_csvw_init(wn_csvw *w, FILE *fp, bool neutralise);
void wn_csvw_release(wn_csvw *w); /* flushes, frees its memory; does not close fp */
void wn_csvw_cell(wn_csvw *w, const char *s, size_t len);
void wn_csvw_str(wn_csvw *w, const char *s); /* NUL-terminated; NULL writes an empty cell */
/* A cell as this writer would write it (quoted, neutralised), encoded once to
 * be written many times with wn_csvw_encoded(): for the values every row
 * repeats (an input's name, a field name). Returns *len bytes, for free(). */
char *wn_csvw_encode(const wn_csvw *w, const char *s, size_t *len);
/* Writes a cell wn_csvw_encode() made, or text known to need neither quotes
 * nor neutralising (digits, hexadecimal ids), as it is. */
void wn_csvw_encoded(wn_csvw *w, const char *cell, size_t len);
void wn_csvw_u64(wn_csvw *w, uint64_t v);
void wn_csvw_double(wn_csvw *w, double v, int decimals);
void wn_csvw_end_row(wn_csvw *w);
void wn_csvw_flush(wn_csvw *w); /* hands the buffered rows to fp (and fflush) */
/* Flushes; then the sticky error state: 0 if every write so far succeeded. */
int wn_csvw_status(wn_csvw *w);

/* rejects.csv: the header row, then one `line,reason,raw,source,detail` row
 * per reject. The raw text is converted to UTF-8 the way cells are, and NUL
 * bytes are shown as U+2400 (␀). */
void wn_csvw_rejects_header(wn_csvw *w);
void wn_csvw_reject(wn_csvw *w, const wn_row *reject, const char *source);

/* ------------------------------------------------------------------------ */
/* Profiling                                                                */
/* ------------------------------------------------------------------------ */

/*
 * A profile summarises each column of one input: how full it is, how many
 * distinct values it has (exact up to `exact_distinct_limit`, then a
 * HyperLogLog estimate, and it says which), value lengths, the most frequent
 * values and value shapes (`Aaaa`, `999-999-9999`, `aaa@aaa.aaa`). Memory is
 * bounded per column whatever the input size. What a column holds and how
 * many of its values are invalid are not the profile's to judge: the caller
 * labels each column with what the ingest decided (wn_profile_label_column),
 * so a profile and a run judge a column alike.
 */
typedef struct wn_profile wn_profile;

typedef struct wn_profile_opts {
    size_t exact_distinct_limit; /* 0: 16384 distinct values per column */
    size_t top_n;                /* 0: 10 */
} wn_profile_opts;

typedef struct wn_value_count {
    const char *value;
    uint64_t count;
} wn_value_count;

/* What a column holds, as the ingest's column recognition decided. */
enum wn_column_kind {
    WN_KIND_TEXT = 0,
    WN_KIND_EMAIL,
    WN_KIND_PHONE,
    WN_KIND_DATE,
};
const char *wn_column_kind_name(int kind);

typedef struct wn_column_profile {
    const char *name;
    int kind;            /* enum wn_column_kind */
    uint64_t rows;       /* rows seen */
    uint64_t filled;     /* non-blank values */
    uint64_t distinct;   /* distinct non-blank values (exact or estimated) */
    bool distinct_exact; /* false: `distinct` is a HyperLogLog estimate */
    bool top_exact;      /* false: top value counts are lower bounds (Misra-Gries) */
    bool shapes_exact;   /* false: top shape counts are lower bounds */
    size_t min_len;      /* in characters, over non-blank values */
    size_t max_len;
    uint64_t invalid; /* values the ingest found invalid (quality.csv's count) */
    size_t ntop_values;
    const wn_value_count *top_values; /* most frequent first, ties by value */
    size_t ntop_shapes;
    const wn_value_count *top_shapes;
} wn_column_profile;

int wn_profile_new(wn_profile **out, const wn_header *header, const wn_profile_opts *opts,
                   wn_error *err);
/* Adds one accepted row (its cells must match the header's width). */
void wn_profile_add_row(wn_profile *p, const wn_row *row);
/* Adds column `col` of `n` accepted rows. Columns are independent: different
 * columns may be added from different threads at once (one column from one
 * thread at a time), and the result is as if the rows had been added in order. */
void wn_profile_add_column(wn_profile *p, size_t col, const wn_row *rows, size_t n);
/* Labels column `col` (text with no invalid values until labelled) with the
 * kind the ingest recognised and the number of its values the ingest found
 * invalid. Only a label: call it any time before the column is read. */
void wn_profile_label_column(wn_profile *p, size_t col, int kind, uint64_t invalid);
/* Sorts the summaries; call once after the last row, before reading them. */
void wn_profile_finish(wn_profile *p);
size_t wn_profile_ncolumns(const wn_profile *p);
/* Valid until wn_profile_free(); only after wn_profile_finish(). */
const wn_column_profile *wn_profile_column(const wn_profile *p, size_t i);
void wn_profile_free(wn_profile *p);

/* Writes the profile as profile.csv rows (see README) for input `source`;
 * with `header`, the header row first. */
void wn_profile_write_csv(const wn_profile *p, wn_csvw *w, const char *source, bool header);

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */
/* ------------------------------------------------------------------------ */

/*
 * A small streaming JSON writer for report.json: indented, keys in the order
 * written, strings escaped (input must be UTF-8, which all reader output is).
 * Nesting is limited to WN_JSON_MAX_DEPTH.
 */
#define WN_JSON_MAX_DEPTH 32

typedef struct wn_json {
    FILE *fp;
    int depth;
    bool has_items[WN_JSON_MAX_DEPTH]; /* a comma is due before the next item */
    bool after_key;
} wn_json;

void wn_json_init(wn_json *j, FILE *fp);
void wn_json_object_begin(wn_json *j);
void wn_json_object_end(wn_json *j);
void wn_json_array_begin(wn_json *j);
void wn_json_array_end(wn_json *j);
void wn_json_key(wn_json *j, const char *key);
void wn_json_str(wn_json *j, const char *s); /* NULL writes null */
void wn_json_strn(wn_json *j, const char *s, size_t len);
void wn_json_u64(wn_json *j, uint64_t v);
void wn_json_i64(wn_json *j, int64_t v);
void wn_json_double(wn_json *j, double v);
void wn_json_bool(wn_json *j, bool v);
void wn_json_null(wn_json *j);
/* Ends the document with a newline. */
void wn_json_finish(wn_json *j);

/* The profile as a JSON array of column objects. */
void wn_profile_write_json(const wn_profile *p, wn_json *j);

/* The shape of a value: letters become `A`/`a` (runs longer than three are
 * cut to three), digits become `9` (kept at full length, since the length of a
 * number is what tells a ZIP from a phone), blanks collapse to one space, other
 * characters stay. Writes at most `cap - 1` bytes plus a NUL; returns the
 * length written. */
size_t wn_value_shape(const char *s, size_t len, char *out, size_t cap);

#endif /* WINNOW_H */
