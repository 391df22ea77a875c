/*
 * profile.c -- per-column summaries of one input; see winnow.h (wn_profile).
 *
 * Each column keeps two bounded frequency counters (values and shapes, see
 * counter.h) and a few running numbers. Nothing here grows with the number of
 * rows: the counters cap their own size. Lengths are in code points, which is
 * what a person means by "characters" for the names and addresses in CRM data.
 */
#include "winnow.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "counter.h"
#include "error.h"
#include "kinds.h"

#define DEFAULT_EXACT_LIMIT 16384
#define DEFAULT_TOP_N       10
#define SUMMARY_CAPACITY    256 /* Misra-Gries counters once a column is not exact */
#define SHAPE_EXACT_LIMIT   5000
#define SHAPE_CAP           48 /* bytes of a shape kept */

/* Columns are cache-line aligned: two threads add to two columns at once,
 * and a line shared by one column's last fields and the next one's first
 * would bounce between their cores at every value. */
typedef struct column_state {
    _Alignas(64) wn_counter values;
    wn_counter shapes;
    /* The last shape added to `shapes`, and how many more of it are still to
     * be added: a column's neighbouring values mostly share a shape. */
    char last_shape[SHAPE_CAP];
    size_t last_shape_len;
    uint64_t pending_shapes;
    wn_column_profile out;
    wn_value_count *top_values;
    wn_value_count *top_shapes;
    bool lengths_seen;
} column_state;

struct wn_profile {
    size_t ncols;
    size_t top_n;
    column_state *cols;
};

static void derive_distinct(void *ctx, const char *s, size_t len, uint64_t count);

int wn_profile_new(wn_profile **out, const wn_header *header, const wn_profile_opts *opts,
                   wn_error *err)
{
    (void)err;
    wn_profile *p = wn_xcalloc(1, sizeof *p);
    size_t exact =
        opts && opts->exact_distinct_limit ? opts->exact_distinct_limit : DEFAULT_EXACT_LIMIT;
    p->top_n = opts && opts->top_n ? opts->top_n : DEFAULT_TOP_N;
    p->ncols = header->ncols;
    p->cols = wn_xcalloc_aligned(p->ncols ? p->ncols : 1, sizeof *p->cols, 64);
    for (size_t i = 0; i < p->ncols; i++) {
        column_state *c = &p->cols[i];
        wn_counter_init(&c->values, exact, SUMMARY_CAPACITY, true);
        wn_counter_init(&c->shapes, SHAPE_EXACT_LIMIT, SUMMARY_CAPACITY, false);
        c->values.on_switch = derive_distinct;
        c->values.on_switch_ctx = c;
        c->out.name = header->names[i];
        c->top_values = wn_xcalloc(p->top_n, sizeof *c->top_values);
        c->top_shapes = wn_xcalloc(p->top_n, sizeof *c->top_shapes);
    }
    *out = p;
    return WN_OK;
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return false;
    return true;
}

/* Gives the shape counter the occurrences of the last shape it has not been
 * given yet. */
static void shapes_flush(column_state *c)
{
    if (!c->pending_shapes) return;
    wn_counter_add_n(&c->shapes, c->last_shape, c->last_shape_len, c->pending_shapes);
    c->pending_shapes = 0;
}

/*
 * Counts `count` occurrences of a shape. A run of one shape reaches the
 * counter in two steps: its first occurrence at once (a new value can make
 * the counter change state), the rest before anything else is added or read,
 * so the counter holds what adding them one by one would have left in it.
 */
static void shapes_add(column_state *c, const char *shape, size_t n, uint64_t count)
{
    if (n && n == c->last_shape_len && wn_bytes_equal(shape, c->last_shape, n)) {
        c->pending_shapes += count;
        return;
    }
    shapes_flush(c);
    wn_counter_add_n(&c->shapes, shape, n, count);
    memcpy(c->last_shape, shape, n);
    c->last_shape_len = n;
}

/*
 * Lengths and shapes depend only on the value, so while the value counter
 * is exact they are derived once per distinct value (times its count) --
 * when the counter is about to stop being exact, or at the end.
 * Only a column with more distinct values than the exact limit pays for
 * them per occurrence, and only after that point.
 */
static void derive(column_state *c, const char *s, size_t len, uint64_t count)
{
    wn_column_profile *o = &c->out;
    char shape[SHAPE_CAP];
    size_t chars, n = wn_value_shape_chars(s, len, shape, sizeof shape, &chars);
    if (!c->lengths_seen || chars < o->min_len) o->min_len = chars;
    if (chars > o->max_len) o->max_len = chars;
    c->lengths_seen = true;
    shapes_add(c, shape, n, count);
}

static void derive_distinct(void *ctx, const char *s, size_t len, uint64_t count)
{
    derive(ctx, s, len, count);
}

/* Counts a row of the column; true if its value is not blank. */
static bool count_row(column_state *c, const char *s, size_t len)
{
    c->out.rows++;
    if (is_blank(s, len)) return false;
    c->out.filled++;
    return true;
}

/* After a value went to the counter. Also when it made the counter switch:
 * the values derived at the switch were those already counted, without it. */
static void derive_if_summary(column_state *c, const char *s, size_t len)
{
    if (!wn_counter_exact(&c->values)) derive(c, s, len, 1);
}

void wn_profile_add_row(wn_profile *p, const wn_row *row)
{
    size_t n = row->ncells < p->ncols ? row->ncells : p->ncols;
    for (size_t i = 0; i < n; i++) {
        column_state *c = &p->cols[i];
        const wn_cell *cell = &row->cells[i];
        if (!count_row(c, cell->ptr, cell->len)) continue;
        wn_counter_add(&c->values, cell->ptr, cell->len);
        derive_if_summary(c, cell->ptr, cell->len);
    }
}

/* How many rows ahead a column's reading fetches each step of the way to a
 * value (see wn_profile_add_column), and how many ahead it hashes values. */
#define FETCH_AHEAD 8
#define HASH_AHEAD  4 /* less than FETCH_AHEAD: the value's text is there */

static uint64_t cell_hash(const wn_row *row, size_t col)
{
    if (col >= row->ncells || row->cells[col].len == 0) return 0;
    return wn_counter_hash(row->cells[col].ptr, row->cells[col].len);
}

/*
 * A column reads one cell of every row of a batch, and a batch is larger
 * than the cache: the row, then its cell, then the value's text are three
 * misses, each waiting for the one before. So they are fetched ahead in
 * stages -- rows three steps ahead, cells two, texts one. The rows' stream
 * also pushes the column's own counter out of the nearer caches, so values
 * are hashed a few rows ahead and the slot and sketch register each will
 * update are fetched too.
 */
void wn_profile_add_column(wn_profile *p, size_t col, const wn_row *rows, size_t n)
{
    if (col >= p->ncols) return;
    column_state *c = &p->cols[col];
    uint64_t hashes[HASH_AHEAD];
    for (size_t i = 0; i < HASH_AHEAD && i < n; i++) {
        hashes[i] = cell_hash(&rows[i], col);
        wn_counter_prefetch(&c->values, hashes[i]);
    }
    for (size_t i = 0; i < n; i++) {
        size_t row = i + 3 * FETCH_AHEAD, cell = i + 2 * FETCH_AHEAD, text = i + FETCH_AHEAD;
        if (row < n) wn_prefetch(&rows[row]);
        if (cell < n && col < rows[cell].ncells) wn_prefetch(&rows[cell].cells[col]);
        if (text < n && col < rows[text].ncells) wn_prefetch(rows[text].cells[col].ptr);
        uint64_t hash = hashes[i % HASH_AHEAD];
        if (i + HASH_AHEAD < n) {
            uint64_t ahead = cell_hash(&rows[i + HASH_AHEAD], col);
            hashes[i % HASH_AHEAD] = ahead;
            wn_counter_prefetch(&c->values, ahead);
        }
        if (col >= rows[i].ncells) continue;
        const wn_cell *v = &rows[i].cells[col];
        if (!count_row(c, v->ptr, v->len)) continue;
        wn_counter_add_borrowed(&c->values, v->ptr, v->len, hash);
        derive_if_summary(c, v->ptr, v->len);
    }
    /* The rows' values stay until this returns: a column of unique values
     * copies only the few its summary still holds. */
    wn_counter_keep_strings(&c->values);
}

void wn_profile_label_column(wn_profile *p, size_t col, int kind, uint64_t invalid)
{
    if (col >= p->ncols) return;
    p->cols[col].out.kind = kind;
    p->cols[col].out.invalid = invalid;
}

void wn_profile_finish(wn_profile *p)
{
    for (size_t i = 0; i < p->ncols; i++) {
        column_state *c = &p->cols[i];
        wn_column_profile *o = &c->out;
        if (wn_counter_exact(&c->values)) wn_counter_each(&c->values, derive_distinct, c);
        shapes_flush(c);
        o->distinct = wn_counter_distinct(&c->values);
        o->distinct_exact = wn_counter_exact(&c->values);
        o->top_exact = o->distinct_exact;
        o->shapes_exact = wn_counter_exact(&c->shapes);
        /* An estimate can't be above the number of values it counts. */
        if (o->distinct > o->filled) o->distinct = o->filled;
        o->ntop_values = wn_counter_top(&c->values, p->top_n, c->top_values);
        o->top_values = c->top_values;
        o->ntop_shapes = wn_counter_top(&c->shapes, p->top_n, c->top_shapes);
        o->top_shapes = c->top_shapes;
    }
}

size_t wn_profile_ncolumns(const wn_profile *p)
{
    return p->ncols;
}

const wn_column_profile *wn_profile_column(const wn_profile *p, size_t i)
{
    return i < p->ncols ? &p->cols[i].out : NULL;
}

void wn_profile_free(wn_profile *p)
{
    if (!p) return;
    for (size_t i = 0; i < p->ncols; i++) {
        wn_counter_free(&p->cols[i].values);
        wn_counter_free(&p->cols[i].shapes);
        free(p->cols[i].top_values);
        free(p->cols[i].top_shapes);
    }
    free(p->cols);
    free(p);
}
