/*
 * test_support.c -- the small modules the reader and the profile stand on:
 * UTF-8 checks and Windows-1252 conversion, dialect sniffing, value shapes,
 * HyperLogLog, the bounded value counter, reference tables and string maps,
 * and the spool that keeps accepted rows for the outputs.
 */
#include "testutil.h"

#include <dirent.h>
#include <xxhash.h>

#include "counter.h"
#include "hll.h"
#include "kinds.h"
#include "rowspool.h"
#include "sniff.h"
#include "strmap.h"
#include "table.h"
#include "utf8.h"

static void test_utf8_check(void **state)
{
    (void)state;
    assert_int_equal(wn_utf8_check("plain ascii text", 16), 0);
    assert_int_equal(wn_utf8_check("Müller 東京", 14), 0);
    assert_int_equal(wn_utf8_check("M\xFCller", 6), WN_TEXT_INVALID_UTF8);
    assert_int_equal(wn_utf8_check("\xC0\xAF", 2), WN_TEXT_INVALID_UTF8);     /* overlong '/' */
    assert_int_equal(wn_utf8_check("\xED\xA0\x80", 3), WN_TEXT_INVALID_UTF8); /* surrogate */
    assert_int_equal(wn_utf8_check("\xE6\x9D", 2), WN_TEXT_INVALID_UTF8);     /* truncated */
    assert_int_equal(wn_utf8_check("a\0b", 3), WN_TEXT_HAS_NUL);
    assert_int_equal(wn_utf8_length("Müller 東京", 14), 9);
}

/* The check reads plain ASCII 32 and 8 bytes at a time: a NUL, a stray
 * Windows-1252 byte or a valid two-byte character is found wherever it lies
 * in a line of any length, at the edges of those blocks too. */
static void test_utf8_check_every_position(void **state)
{
    (void)state;
    char line[100];
    static const struct {
        const char *bytes;
        size_t len;
        int flags;
    } odd[] = {{"\0", 1, WN_TEXT_HAS_NUL}, {"\xE9", 1, WN_TEXT_INVALID_UTF8}, {"\xC3\xA9", 2, 0}};
    for (size_t len = 1; len <= sizeof line; len++) {
        memset(line, 'x', len);
        assert_int_equal(wn_utf8_check(line, len), 0);
        for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
            for (size_t at = 0; at + odd[k].len <= len; at++) {
                memset(line, 'x', len);
                memcpy(line + at, odd[k].bytes, odd[k].len);
                assert_int_equal(wn_utf8_check(line, len), odd[k].flags);
            }
    }
}

static void test_cp1252(void **state)
{
    (void)state;
    wn_buf b = {0};
    wn_cp1252_to_utf8(&b, "Ren\xE9 \x80 \x93x\x94 \x81", 12);
    assert_string_equal(wn_buf_cstr(&b), "René € “x” \xC2\x81");
    wn_buf_clear(&b);
    wn_utf8_sanitize(&b, "ok\0\xC3\xA9", 5, true);
    assert_string_equal(wn_buf_cstr(&b), "ok\xE2\x90\x80\xC3\xA9");
    wn_buf_free(&b);
}

static char sniffed(const char *sample)
{
    wn_dialect d;
    wn_sniff(sample, strlen(sample), true, &d);
    return d.delimiter;
}

static void test_sniff(void **state)
{
    (void)state;
    assert_int_equal(sniffed("a,b,c\n1,2,3\n"), ',');
    assert_int_equal(sniffed("a;b;c\n1;2,5;3\n"), ';');
    assert_int_equal(sniffed("Name;Betrag;Ort\nAnn;1,5;K\xC3\xB6ln\nBob;2,75;Bonn\n"), ';');
    assert_int_equal(sniffed("a\tb\n1\t2\n"), '\t');
    assert_int_equal(sniffed("a|b\n1|2\n"), '|');
    assert_int_equal(sniffed("\"x,y\";z\n\"1,2\";3\n"), ';'); /* commas only inside quotes */
    assert_int_equal(sniffed("onecolumn\nvalue\n"), ',');
    wn_dialect d;
    wn_sniff("a,b\r\n1,2\r\n", 10, true, &d);
    assert_true(d.crlf);
    assert_int_equal(d.eol, '\n');
    wn_sniff("a,b\r1,2\r", 8, true, &d);
    assert_int_equal(d.eol, '\r');
    wn_sniff("sep=|\na|b\n", 10, true, &d);
    assert_int_equal(d.delimiter, '|');
    assert_int_equal(d.sep_line_len, 6);
}

static void test_shapes(void **state)
{
    (void)state;
    char out[64];
    static const char *const cases[][2] = {
        {"John", "Aaaa"},
        {"Alexander", "Aaaa"},
        {"555-123-4567", "999-999-9999"},
        {"a.b@x.com", "a.a@a.aaa"},
        {"SW1A 1AA", "AA9A 9AA"},
        {"  two   words ", " aaa aaa "},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_value_shape(cases[i][0], strlen(cases[i][0]), out, sizeof out);
        assert_string_equal(out, cases[i][1]);
    }
    assert_int_equal(wn_value_shape("123456789", 9, out, 4), 3); /* truncated to fit */
}

/* Shapes written out plainly, for ASCII: what wn_value_shape_chars must
 * give, with room to spare (its ASCII fast path) or cut short. */
static size_t shape_reference(const char *s, size_t len, char *out)
{
    size_t n = 0, run = 0;
    int prev = -1;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        int cls = ch >= 'A' && ch <= 'Z'                                ? 'A'
                  : ch >= 'a' && ch <= 'z'                              ? 'a'
                  : ch >= '0' && ch <= '9'                              ? '9'
                  : ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ? ' '
                                                                        : ch;
        run = cls == prev ? run + 1 : 1;
        prev = cls;
        size_t kept = cls == 'A' || cls == 'a' ? 3 : cls == ' ' ? 1 : 0;
        if (kept == 0 || run <= kept) out[n++] = (char)cls;
    }
    out[n] = '\0';
    return n;
}

static void test_shape_ascii_paths(void **state)
{
    (void)state;
    /* The second alphabet has no letters: values that take the plain path
     * unless two blanks meet; the third makes capitalised words. */
    static const char *const alphabets[] = {"AAAAaaaaa    \t\n\r99990--..@xZz\x01\x7f",
                                            "9999999 -/:.()+#\t\x01\x7f", "Aaaaaaaaaaazz Z"};
    char v[80], want[96], got[96];
    unsigned seed = 7;
    for (int k = 0; k < 60000; k++) {
        const char *alphabet = alphabets[k % 3];
        size_t size = strlen(alphabet);
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 8) % 70;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            v[i] = alphabet[(seed >> 16) % size];
        }
        size_t n = shape_reference(v, len, want), chars = 0;
        for (size_t cap = len; cap <= len + 2; cap++) {
            size_t m = wn_value_shape_chars(v, len, got, cap ? cap : 1, &chars);
            size_t expect = cap == 0 ? 0 : n < cap - 1 ? n : cap - 1;
            assert_int_equal(chars, len);
            assert_int_equal(m, expect);
            assert_memory_equal(got, want, m);
            assert_int_equal(got[m], '\0');
        }
    }
}

/* The shape and the length in one pass: the same shape at every room (cut
 * short, it is the full shape's beginning), and the length wn_utf8_length
 * gives, for ASCII, accented and other scripts, long values and bad bytes. */
static void test_shape_chars(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"Zo\xc3\xab", "Aaa"},
        {"Jos\xc3\xa9 M\xc3\xbcller", "Aaaa Aaaa"},
        {"\xc3\x9cnal 12", "Aaaa 99"},
        {"\xe5\xb1\xb1\xe7\x94\xb0 \xe5\xa4\xaa\xe9\x83\x8e", "aa aa"},
        {"ab\xff"
         "cd",
         "aa?aa"},
        {"2021-03-04T10:22:33Z", "9999-99-99A99:99:99A"},
        {"a-very-long-value-with-many-words-and-digits-0123456789-0123456789-0123456789",
         "a-aaa-aaa-aaa-aaa-aaa-aaa-aaa-aaa-9999999999-9999999999-9999999999"},
    };
    char full[256], cut[256];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *v = cases[i][0];
        size_t len = strlen(v), chars = 0;
        size_t n = wn_value_shape_chars(v, len, full, sizeof full, &chars);
        assert_string_equal(full, cases[i][1]);
        assert_int_equal(n, strlen(cases[i][1]));
        assert_int_equal(chars, wn_utf8_length(v, len));
        for (size_t cap = 0; cap < 90; cap++) {
            size_t c2 = 0;
            memset(cut, 'x', sizeof cut);
            size_t m = wn_value_shape_chars(v, len, cut, cap, &c2);
            assert_int_equal(c2, chars);
            assert_int_equal(m, cap == 0 ? 0 : n < cap - 1 ? n : cap - 1);
            assert_memory_equal(cut, full, m);
            if (cap)
                assert_int_equal(cut[m], '\0');
            else
                assert_int_equal(cut[0], 'x'); /* no room: nothing written */
            char plain[256];
            assert_int_equal(wn_value_shape(v, len, plain, cap), m);
        }
    }
}

static void test_hll_accuracy(void **state)
{
    (void)state;
    static wn_hll h;
    wn_hll_init(&h);
    assert_true(wn_hll_estimate(&h) < 0.5);
    for (uint64_t i = 0; i < 1000000; i++)
        wn_hll_add(&h, XXH3_64bits(&i, sizeof i));
    double e = wn_hll_estimate(&h);
    assert_true(e > 970000 && e < 1030000); /* 3 standard errors */
    for (uint64_t i = 0; i < 1000000; i++)  /* repeats change nothing */
        wn_hll_add(&h, XXH3_64bits(&i, sizeof i));
    assert_true(wn_hll_estimate(&h) == e);
}

static void test_counter_exact_then_estimate(void **state)
{
    (void)state;
    wn_counter c;
    wn_counter_init(&c, 100, 10, true);
    char v[32];
    for (int i = 0; i < 50; i++) {
        int n = snprintf(v, sizeof v, "v%d", i);
        for (int k = 0; k <= i % 5; k++)
            wn_counter_add(&c, v, (size_t)n);
    }
    for (int k = 0; k < 30; k++)
        wn_counter_add(&c, "hot", 3);
    assert_true(wn_counter_exact(&c));
    assert_int_equal(wn_counter_distinct(&c), 51);
    wn_value_count top[3];
    assert_int_equal(wn_counter_top(&c, 3, top), 3);
    assert_string_equal(top[0].value, "hot");
    assert_int_equal(top[0].count, 30);
    assert_int_equal(top[1].count, 5);
    assert_string_equal(top[1].value, "v14"); /* ties by byte order */
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(v, sizeof v, "cold%d", i);
        wn_counter_add(&c, v, (size_t)n);
        wn_counter_add(&c, "hot", 3);
    }
    assert_false(wn_counter_exact(&c));
    uint64_t d = wn_counter_distinct(&c);
    assert_true(d > 4900 && d < 5200);
    assert_int_equal(wn_counter_top(&c, 1, top), 1);
    assert_string_equal(top[0].value, "hot"); /* a heavy hitter survives */
    assert_true(top[0].count <= 5030 && top[0].count >= 5030 - c.total / 11);
    wn_counter_free(&c);
}

typedef struct named_count {
    char value[8];
    uint64_t count;
} named_count;

static int by_count_then_value(const void *a, const void *b)
{
    const named_count *x = a, *y = b;
    if (x->count != y->count) return x->count < y->count ? 1 : -1;
    return strcmp(x->value, y->value);
}

static int u64_less(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* When the exact table fills up, the summary keeps the most frequent values,
 * ties going to the smaller value: the same ones a full sort puts first. The
 * value that overflowed it then finds the summary full, so every count drops
 * by the summary's median and the ones at or below it go. Several summary
 * sizes, counts with many ties and with few. */
static void check_summary(size_t keep, uint64_t spread, uint32_t seed)
{
    enum { DISTINCT = 1000 };
    static named_count all[DISTINCT];
    wn_counter c;
    wn_counter_init(&c, DISTINCT, keep, false);
    for (int i = 0; i < DISTINCT; i++) {
        seed = seed * 1103515245u + 12345u;
        snprintf(all[i].value, sizeof all[i].value, "k%03d", (i * 389) % DISTINCT);
        all[i].count = 1 + (seed >> 8) % spread;
        wn_counter_add_n(&c, all[i].value, strlen(all[i].value), all[i].count);
    }
    assert_true(wn_counter_exact(&c));
    wn_counter_add(&c, "new", 3);
    assert_false(wn_counter_exact(&c));
    qsort(all, DISTINCT, sizeof *all, by_count_then_value);
    uint64_t counts[256];
    for (size_t i = 0; i < keep; i++)
        counts[i] = all[i].count;
    qsort(counts, keep, sizeof *counts, u64_less);
    uint64_t median = counts[keep / 2];
    wn_value_count top[257];
    size_t n = wn_counter_top(&c, keep + 1, top), k = 0;
    for (size_t i = 0; i < keep; i++) {
        if (all[i].count <= median) continue;
        assert_true(k < n);
        assert_string_equal(top[k].value, all[i].value);
        assert_int_equal(top[k].count, all[i].count - median);
        k++;
    }
    assert_int_equal(n, k + 1);
    assert_string_equal(top[k].value, "new");
    wn_counter_free(&c);
}

/* Two counters fed the same values ended alike: both summaries, the same
 * distinct estimate, the same top values with the same counts, at least
 * `min_top` of them (up to 16). */
static void assert_counters_alike(wn_counter *a, wn_counter *b, size_t min_top)
{
    assert_false(wn_counter_exact(a));
    assert_int_equal(wn_counter_distinct(a), wn_counter_distinct(b));
    wn_value_count top_a[16], top_b[16];
    size_t na = wn_counter_top(a, 16, top_a), nb = wn_counter_top(b, 16, top_b);
    assert_int_equal(na, nb);
    assert_true(na >= min_top);
    for (size_t i = 0; i < na; i++) {
        assert_string_equal(top_a[i].value, top_b[i].value);
        assert_int_equal(top_a[i].count, top_b[i].count);
    }
}

/* A counter given borrowed values, each batch's buffer overwritten once the
 * counter has kept its strings, ends as one given copies: same counts, same
 * top values, same distinct estimate -- before the switch to a summary, across
 * it and long after, with heavy values among unique ones. */
static void test_counter_borrowed_values(void **state)
{
    (void)state;
    enum { BATCH = 97, VALUE = 12 };
    wn_counter borrowed, copied;
    wn_counter_init(&borrowed, 300, 16, true);
    wn_counter_init(&copied, 300, 16, true);
    static char batch[BATCH][VALUE];
    uint32_t seed = 7;
    for (int b = 0; b < 200; b++) {
        for (int i = 0; i < BATCH; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 8;
            if (r % 3 == 0) /* a few heavy values, the rest unique */
                snprintf(batch[i], VALUE, "heavy%u", r / 3 % 5);
            else
                snprintf(batch[i], VALUE, "u%d.%d", b, i);
            wn_counter_add_borrowed(&borrowed, batch[i], strlen(batch[i]),
                                    wn_counter_hash(batch[i], strlen(batch[i])));
            wn_counter_add(&copied, batch[i], strlen(batch[i]));
        }
        wn_counter_keep_strings(&borrowed);
        memset(batch, 'X', sizeof batch); /* the batch goes */
    }
    assert_counters_alike(&borrowed, &copied, 5);
    wn_value_count top[1];
    assert_int_equal(wn_counter_top(&borrowed, 1, top), 1);
    assert_memory_equal(top[0].value, "heavy", 5);
    wn_counter_free(&borrowed);
    wn_counter_free(&copied);
}

/* A value given with its wn_counter_hash counts as the value added without
 * one: a counter fed both ways ends as one fed only wn_counter_add, through
 * the exact table, the switch and the summary's decrements. */
static void test_counter_hash_is_the_counters(void **state)
{
    (void)state;
    wn_counter mixed, plain;
    wn_counter_init(&mixed, 8, 8, true);
    wn_counter_init(&plain, 8, 8, true);
    char v[16];
    for (int i = 0; i < 200; i++) {
        if (i % 3)
            snprintf(v, sizeof v, "heavy%d", i % 4);
        else
            snprintf(v, sizeof v, "once%d", i);
        uint64_t hash = wn_counter_hash(v, strlen(v));
        wn_counter_prefetch(&mixed, hash);
        if (i % 5 < 2) /* each heavy value goes both ways */
            wn_counter_add_borrowed(&mixed, v, strlen(v), hash);
        else
            wn_counter_add(&mixed, v, strlen(v));
        wn_counter_keep_strings(&mixed); /* v is overwritten next */
        wn_counter_add(&plain, v, strlen(v));
    }
    assert_counters_alike(&mixed, &plain, 3);
    wn_counter_free(&mixed);
    wn_counter_free(&plain);
}

/* Exactly half the counts are 1: the median is the larger count, and every
 * value goes at the decrement; one 1 more and the median is 1. */
static void test_counter_median_at_half_ones(void **state)
{
    (void)state;
    static const struct {
        const char *values; /* one letter per occurrence */
        size_t survivors;
    } cases[] = {{"aabbcd", 0}, {"aaabcd", 1}, {"aabcde", 1}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        wn_counter c;
        size_t distinct = 0; /* the summary holds them all, and is full */
        for (const char *v = cases[k].values; *v; v++)
            distinct += v == cases[k].values || v[0] != v[-1];
        wn_counter_init(&c, distinct, distinct, false);
        for (const char *v = cases[k].values; *v; v++)
            wn_counter_add(&c, v, 1);
        wn_counter_add(&c, "z", 1); /* the summary is full: a decrement */
        wn_value_count top[8];
        size_t n = wn_counter_top(&c, 8, top);
        assert_int_equal(n, cases[k].survivors + 1);
        assert_string_equal(top[n - 1].value, "z");
        wn_counter_free(&c);
    }
}

static void test_counter_summary_keeps_the_first(void **state)
{
    (void)state;
    static const size_t keeps[] = {2, 3, 16, 17, 100, 255};
    for (size_t i = 0; i < sizeof keeps / sizeof *keeps; i++)
        for (uint32_t seed = 1; seed <= 5; seed++) {
            check_summary(keeps[i], 1, seed);      /* all ones: every value goes */
            check_summary(keeps[i], 2, seed);      /* ones about half: the median either way */
            check_summary(keeps[i], 7, seed);      /* ties everywhere */
            check_summary(keeps[i], 100000, seed); /* hardly any */
        }
}

/* wn_bytes_equal agrees with memcmp at every length its short paths take,
 * whichever byte differs. */
static void test_bytes_equal(void **state)
{
    (void)state;
    char a[40], b[40];
    for (size_t n = 0; n <= sizeof a; n++) {
        for (size_t i = 0; i < n; i++)
            a[i] = b[i] = (char)('a' + i % 26);
        assert_true(wn_bytes_equal(a, b, n));
        for (size_t i = 0; i < n; i++) {
            b[i] ^= 0x20;
            assert_false(wn_bytes_equal(a, b, n));
            b[i] ^= 0x20;
        }
    }
}

static void test_table_and_strmap(void **state)
{
    (void)state;
    const char text[] = "# comment\nbill, william\n\n  peggy ,margaret,extra\n";
    wn_table t;
    wn_table_parse(&t, "test", text, sizeof text - 1);
    assert_int_equal(t.nrows, 2);
    assert_string_equal(t.rows[0].fields[1], "william");
    assert_int_equal(t.rows[1].nfields, 3);
    assert_string_equal(t.rows[1].fields[0], "peggy");
    assert_int_equal(t.rows[1].line, 4);
    wn_strmap m;
    wn_strmap_init(&m);
    for (size_t i = 0; i < t.nrows; i++)
        wn_strmap_putz(&m, t.rows[i].fields[0], i);
    char key[16];
    for (int i = 0; i < 1000; i++) { /* grow past several resizes */
        snprintf(key, sizeof key, "k%d", i);
        wn_strmap_putz(&m, key, (uint64_t)i + 10);
    }
    uint64_t v;
    assert_true(wn_strmap_getz(&m, "peggy", &v));
    assert_int_equal(v, 1);
    assert_true(wn_strmap_getz(&m, "k999", &v));
    assert_int_equal(v, 1009);
    assert_false(wn_strmap_getz(&m, "margaret", &v));
    assert_false(wn_strmap_get(&m, "pegg", 4, &v));
    wn_strmap_free(&m);
    wn_table_free(&t);
    wn_error err;
    assert_int_equal(wn_table_load_embedded(&t, "data/no-such-table.csv", &err), WN_EINPUT);
}

/* Row i of the spool test: i % 6 cells, cell c of length (i * 7 + c * 13) % 40
 * (some empty), filled with a pattern; row 1000 has a 2 MiB cell. */
static size_t spool_cell_len(size_t i, size_t c)
{
    return i == 1000 && c == 1 ? (2u << 20) : (i * 7 + c * 13) % 40;
}

static char spool_byte(size_t i, size_t c, size_t k)
{
    return (char)('a' + (i + c * 3 + k) % 26);
}

static void spool_fill(wn_rowspool *sp, size_t nrows)
{
    wn_cell cells[6];
    char *text[6];
    for (size_t i = 0; i < nrows; i++) {
        wn_row row = {.ncells = i % 6, .cells = cells};
        for (size_t c = 0; c < row.ncells; c++) {
            size_t len = spool_cell_len(i, c);
            text[c] = malloc(len + 1);
            for (size_t k = 0; k < len; k++)
                text[c][k] = spool_byte(i, c, k);
            cells[c] = (wn_cell){.ptr = text[c], .len = len};
        }
        wn_rowspool_add(sp, &row, 1);
        for (size_t c = 0; c < row.ncells; c++)
            free(text[c]);
    }
}

static void spool_check(wn_rowspool *sp, size_t nrows)
{
    wn_error err = {0};
    assert_int_equal(wn_rowspool_rewind(sp, &err), WN_OK);
    const wn_row *row;
    for (size_t i = 0; i < nrows; i++) {
        assert_int_equal(wn_rowspool_next(sp, &row, &err), 1);
        assert_int_equal(row->ncells, i % 6);
        for (size_t c = 0; c < row->ncells; c++) {
            assert_int_equal(row->cells[c].len, spool_cell_len(i, c));
            for (size_t k = 0; k < row->cells[c].len; k++)
                if (row->cells[c].ptr[k] != spool_byte(i, c, k)) fail_msg("row %zu cell %zu", i, c);
        }
    }
    assert_int_equal(wn_rowspool_next(sp, &row, &err), 0);
}

static void test_rowspool_round_trip(void **state)
{
    (void)state;
    char dir[] = "/tmp/winnow-test-spool-XXXXXX";
    assert_non_null(mkdtemp(dir));
    setenv("TMPDIR", dir, 1);
    wn_rowspool *sp;
    wn_error err = {0};
    assert_int_equal(wn_rowspool_open(&sp, &err), WN_OK);
    DIR *d = opendir(dir); /* the file is unlinked at once: nothing to leave behind */
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') fail_msg("left in TMPDIR: %s", e->d_name);
    closedir(d);
    spool_fill(sp, 5000);
    spool_check(sp, 5000);
    spool_check(sp, 5000); /* as often as needed */
    wn_rowspool_close(sp);

    assert_int_equal(wn_rowspool_open(&sp, &err), WN_OK); /* nothing added */
    spool_check(sp, 0);
    wn_rowspool_close(sp);
    rmdir(dir);

    setenv("TMPDIR", "/nonexistent/winnow", 1);
    assert_int_equal(wn_rowspool_open(&sp, &err), WN_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/winnow"));
    unsetenv("TMPDIR");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_check),
        cmocka_unit_test(test_utf8_check_every_position),
        cmocka_unit_test(test_cp1252),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_shape_chars),
        cmocka_unit_test(test_shape_ascii_paths),
        cmocka_unit_test(test_hll_accuracy),
        cmocka_unit_test(test_counter_exact_then_estimate),
        cmocka_unit_test(test_counter_summary_keeps_the_first),
        cmocka_unit_test(test_counter_borrowed_values),
        cmocka_unit_test(test_counter_hash_is_the_counters),
        cmocka_unit_test(test_counter_median_at_half_ones),
        cmocka_unit_test(test_bytes_equal),
        cmocka_unit_test(test_table_and_strmap),
        cmocka_unit_test(test_rowspool_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
