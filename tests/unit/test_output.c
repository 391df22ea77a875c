/*
 * test_output.c -- the CSV writer and the atomic output set.
 *
 * The writer must quote exactly what RFC 4180 needs quoted and neutralise
 * cells a spreadsheet would evaluate; the output set must never leave a file
 * under its real name before commit, clean up on abort, create OUTDIR, and
 * refuse to write over an input.
 */
#include "testutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/time.h>
#include <unistd.h>
#include <sys/stat.h>

/* A CSV writer into memory: write through `w`, then mem_text() closes it
 * and returns what was written (for free()). */
typedef struct mem_writer {
    char *text;
    size_t len;
    FILE *fp;
    wn_csvw w;
} mem_writer;

static void mem_open(mem_writer *m, bool neutralise)
{
    m->text = NULL;
    m->len = 0;
    m->fp = open_memstream(&m->text, &m->len);
    assert_non_null(m->fp);
    wn_csvw_init(&m->w, m->fp, neutralise);
}

static char *mem_text(mem_writer *m)
{
    wn_csvw_release(&m->w);
    fclose(m->fp);
    return m->text;
}

static char *write_cells(bool neutralise, const char *const *cells, size_t n)
{
    mem_writer m;
    mem_open(&m, neutralise);
    for (size_t i = 0; i < n; i++)
        wn_csvw_str(&m.w, cells[i]);
    wn_csvw_end_row(&m.w);
    assert_int_equal(wn_csvw_status(&m.w), 0);
    return mem_text(&m);
}

static void test_quoting(void **state)
{
    (void)state;
    const char *cells[] = {"plain", "a,b",      "say \"hi\"", "two\nlines",
                           "",      "cr\rhere", "caf\xC3\xA9"};
    char *got = write_cells(false, cells, 7);
    assert_string_equal(got,
                        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"cr\rhere\",café\n");
    free(got);
}

static void test_neutralise_formulas(void **state)
{
    (void)state;
    const char *cells[] = {"=SUM(A1:A9)", "+1 555", "-2", "@cmd", "\tx", "\rx", "ok=1", "a@b.c"};
    char *got = write_cells(true, cells, 8);
    assert_string_equal(got, "'=SUM(A1:A9),'+1 555,'-2,'@cmd,\"'\tx\",\"'\rx\",ok=1,a@b.c\n");
    free(got);
    /* Off: written as they are (files meant for programs, not spreadsheets). */
    got = write_cells(false, cells, 1);
    assert_string_equal(got, "=SUM(A1:A9)\n");
    free(got);
}

static void test_numbers(void **state)
{
    (void)state;
    mem_writer m;
    mem_open(&m, true);
    wn_csvw_u64(&m.w, 18446744073709551615ull);
    wn_csvw_double(&m.w, 0.98765, 3);
    wn_csvw_double(&m.w, -1.5, 1); /* a number, not a formula: never neutralised */
    wn_csvw_end_row(&m.w);
    char *text = mem_text(&m);
    assert_string_equal(text, "18446744073709551615,0.988,-1.5\n");
    free(text);
}

/* Numbers are formatted without printf; they must read as printf's would:
 * ties to even, no "-0", large values through printf itself. */
static void test_numbers_as_printf(void **state)
{
    (void)state;
    mem_writer m;
    mem_open(&m, true);
    const struct {
        double v;
        int decimals;
    } fixed[] = {{0.0, 0},    {-0.0, 2},  {0.5, 0},     {1.5, 0},         {2.5, 0},  {-2.5, 0},
                 {1.0625, 3}, {0.125, 2}, {-0.0004, 3}, {999999999.5, 0}, {1e12, 2}, {-3e15, 1}};
    char want[64 * 8192] = "", one[64];
    size_t used = 0;
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < 8000; i++) {
        double v;
        int decimals = (int)(i % 7);
        if (i < sizeof fixed / sizeof *fixed) {
            v = fixed[i].v;
            decimals = fixed[i].decimals;
        } else {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * (i % 2 ? 2000.0 : 2.0);
        }
        wn_csvw_double(&m.w, v, decimals);
        int n = snprintf(one, sizeof one, "%.*f", decimals, v);
        if (one[0] == '-' && strspn(one + 1, "0.") == (size_t)(n - 1))
            memmove(one, one + 1, (size_t)n);
        used += (size_t)snprintf(want + used, sizeof want - used, "%s%s", i ? "," : "", one);
    }
    wn_csvw_end_row(&m.w);
    char *text = mem_text(&m);
    snprintf(want + used, sizeof want - used, "\n");
    assert_string_equal(text, want);
    free(text);
}

/* A cell encoded once is written exactly as wn_csvw_str writes it. */
static void test_encoded_cells(void **state)
{
    (void)state;
    const char *values[] = {"plain", "", "a,b", "say \"hi\"", "=SUM(A1)", "-1,5", " pad", "@x"};
    mem_writer d, c;
    mem_open(&d, true);
    mem_open(&c, true);
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        size_t len;
        char *e = wn_csvw_encode(&c.w, values[i], &len);
        wn_csvw_str(&d.w, values[i]);
        wn_csvw_encoded(&c.w, e, len);
        free(e);
    }
    wn_csvw_end_row(&d.w);
    wn_csvw_end_row(&c.w);
    char *direct = mem_text(&d), *cached = mem_text(&c);
    assert_string_equal(cached, direct);
    assert_string_equal(direct,
                        "plain,,\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),\"'-1,5\",\" pad\",'@x\n");
    free(direct);
    free(cached);
}

static void test_reject_row(void **state)
{
    (void)state;
    mem_writer m;
    mem_open(&m, true);
    wn_csvw_rejects_header(&m.w);
    wn_row row = {.line = 7, .raw = "=1,A\0\xE9", .raw_len = 6, .reject = WN_REJECT_NUL_BYTE};
    snprintf(row.detail, sizeof row.detail, "nul");
    wn_csvw_reject(&m.w, &row, "in.csv");
    char *text = mem_text(&m);
    assert_string_equal(text, "line,reason,raw,source,detail\n"
                              "7,nul_byte,\"'=1,A\xE2\x90\x80\xC3\xA9\",in.csv,nul\n");
    free(text);
}

static char *temp_dir(void)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/winnow-test-out-XXXXXX");
    assert_non_null(mkdtemp(path));
    return path;
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
    closedir(d);
    return n;
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

static void test_outset_commit_is_atomic(void **state)
{
    (void)state;
    char dir[128];
    snprintf(dir, sizeof dir, "%s/a/b", temp_dir()); /* created with parents */
    wn_outset *set;
    wn_error err;
    assert_int_equal(wn_outset_new(&set, dir, NULL, 0, &err), WN_OK);
    FILE *fp;
    assert_int_equal(wn_outset_open(set, "x.csv", &fp, &err), WN_OK);
    fputs("hello\n", fp);
    char final[192];
    snprintf(final, sizeof final, "%s/x.csv", dir);
    struct stat st;
    assert_int_equal(stat(final, &st), -1);  /* not there before commit */
    assert_int_equal(count_entries(dir), 1); /* only the hidden temporary */
    assert_int_equal(wn_outset_commit(set, &err), WN_OK);
    char *text = tu_read_file(final, NULL);
    assert_string_equal(text, "hello\n");
    free(text);
    assert_int_equal(count_entries(dir), 1);
    wn_outset_free(set);
}

/* A writer may finish its output early (synced, closed); it still appears
 * only at commit, and an aborted run removes it like any other. */
static void test_outset_finish_then_commit(void **state)
{
    (void)state;
    for (int commit = 0; commit < 2; commit++) {
        char dir[128];
        snprintf(dir, sizeof dir, "%s/finish%d", temp_dir(), commit);
        wn_outset *set;
        wn_error err;
        assert_int_equal(wn_outset_new(&set, dir, NULL, 0, &err), WN_OK);
        FILE *early, *late;
        assert_int_equal(wn_outset_open(set, "early.csv", &early, &err), WN_OK);
        assert_int_equal(wn_outset_open(set, "late.csv", &late, &err), WN_OK);
        fputs("early\n", early);
        fputs("late\n", late);
        assert_int_equal(wn_outset_finish(set, early, &err), WN_OK);
        assert_int_equal(wn_outset_finish(set, early, &err), WN_EUSAGE); /* closed already */
        char path[192];
        snprintf(path, sizeof path, "%s/early.csv", dir);
        struct stat st;
        assert_int_equal(stat(path, &st), -1);
        assert_int_equal(count_entries(dir), 2); /* two hidden temporaries */
        if (commit) {
            assert_int_equal(wn_outset_commit(set, &err), WN_OK);
            char *text = tu_read_file(path, NULL);
            assert_string_equal(text, "early\n");
            free(text);
        } else {
            wn_outset_abort(set);
            assert_int_equal(count_entries(dir), 0);
        }
        wn_outset_free(set);
    }
}

static void test_outset_abort_leaves_nothing(void **state)
{
    (void)state;
    const char *dir = temp_dir();
    wn_outset *set;
    wn_error err;
    assert_int_equal(wn_outset_new(&set, dir, NULL, 0, &err), WN_OK);
    FILE *fp;
    assert_int_equal(wn_outset_open(set, "a.csv", &fp, &err), WN_OK);
    assert_int_equal(wn_outset_open(set, "b.csv", &fp, &err), WN_OK);
    fputs("partial", fp);
    wn_outset_abort(set);
    wn_outset_abort(set);
    assert_int_equal(count_entries(dir), 0);
    wn_outset_free(set);
}

static void test_outset_refuses_input(void **state)
{
    (void)state;
    const char *dir = temp_dir();
    char input[128];
    snprintf(input, sizeof input, "%s/clean.csv", dir);
    write_text(input, "id\n1\n");
    FILE *fp;
    /* The same file reached through another path is still the input. */
    char other[160];
    snprintf(other, sizeof other, "%s/../%s/clean.csv", dir, strrchr(dir, '/') + 1);
    const char *inputs[] = {"-", other};
    wn_outset *set;
    wn_error err;
    assert_int_equal(wn_outset_new(&set, dir, inputs, 2, &err), WN_OK);
    assert_int_equal(wn_outset_open(set, "clean.csv", &fp, &err), WN_EUSAGE);
    assert_non_null(strstr(err.msg, "clean.csv"));
    assert_int_equal(wn_outset_open(set, "other.csv", &fp, &err), WN_OK);
    wn_outset_free(set);
    char *text = tu_read_file(input, NULL);
    assert_string_equal(text, "id\n1\n");
    free(text);
}

/* A commit that fails at one output renames none: the outputs of the run
 * before stay as they were, all of them. Here the last output's name has
 * become a hard link to an input since it was opened. */
static void test_outset_failed_commit_renames_nothing(void **state)
{
    (void)state;
    const char *dir = temp_dir();
    char input[128], old[160], linked[160];
    snprintf(input, sizeof input, "%s.input.csv", dir);
    snprintf(old, sizeof old, "%s/a.csv", dir);
    snprintf(linked, sizeof linked, "%s/z.csv", dir);
    write_text(input, "id\n1\n");
    write_text(old, "the run before\n");
    const char *inputs[] = {input};
    wn_outset *set;
    wn_error err;
    assert_int_equal(wn_outset_new(&set, dir, inputs, 1, &err), WN_OK);
    FILE *a, *z;
    assert_int_equal(wn_outset_open(set, "a.csv", &a, &err), WN_OK);
    assert_int_equal(wn_outset_open(set, "z.csv", &z, &err), WN_OK);
    fputs("new a\n", a);
    fputs("new z\n", z);
    assert_int_equal(link(input, linked), 0);
    assert_int_equal(wn_outset_commit(set, &err), WN_EUSAGE);
    assert_non_null(strstr(err.msg, "z.csv"));
    char *text = tu_read_file(old, NULL);
    assert_string_equal(text, "the run before\n");
    free(text);
    text = tu_read_file(input, NULL);
    assert_string_equal(text, "id\n1\n");
    free(text);
    assert_int_equal(count_entries(dir), 2); /* a.csv and the link: no temporaries */
    wn_outset_free(set);
    unlink(input);
}

/* Sets the last change of the file at `path` to `age` seconds ago. */
static void age_file(const char *path, long age)
{
    struct timeval t[2];
    gettimeofday(&t[0], NULL);
    t[0].tv_sec -= age;
    t[1] = t[0];
    assert_int_equal(utimes(path, t), 0);
}

/* Makes a file at dir/name whose last change was `age` seconds ago. */
static void make_aged(const char *dir, const char *name, long age)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_text(path, "left behind\n");
    age_file(path, age);
}

static bool exists_in(const char *dir, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct stat st;
    return stat(path, &st) == 0;
}

/* A run killed with SIGKILL leaves its temporary behind; the next run that
 * writes the same output removes it -- but not a temporary another run
 * still holds (locked), nor one changed within the last minute (a run
 * takes its lock just after creating the file), nor other files. */
static void test_outset_removes_stale_temporaries(void **state)
{
    (void)state;
    const char *dir = temp_dir();
    make_aged(dir, ".x.csv.4242.0.tmp", 3600);     /* a dead run's: removed */
    make_aged(dir, ".x.csv.4243.1.tmp", 5);        /* too fresh: kept */
    make_aged(dir, ".x.csv.4244.0.tmp", 3600);     /* held by a live run: kept */
    make_aged(dir, ".y.csv.4242.0.tmp", 3600);     /* another output's: kept */
    make_aged(dir, ".x.csv.4242.0.tmp.bak", 3600); /* not a temporary: kept */
    make_aged(dir, "x.csv", 3600);                 /* the previous output: kept */
    char held[256];
    snprintf(held, sizeof held, "%s/.x.csv.4244.0.tmp", dir);
    int holder = open(held, O_WRONLY);
    assert_true(holder >= 0);
    assert_int_equal(flock(holder, LOCK_EX), 0);

    wn_outset *set;
    wn_error err;
    assert_int_equal(wn_outset_new(&set, dir, NULL, 0, &err), WN_OK);
    FILE *fp;
    assert_int_equal(wn_outset_open(set, "x.csv", &fp, &err), WN_OK);
    assert_false(exists_in(dir, ".x.csv.4242.0.tmp"));
    assert_true(exists_in(dir, ".x.csv.4243.1.tmp"));
    assert_true(exists_in(dir, ".x.csv.4244.0.tmp"));
    assert_true(exists_in(dir, ".y.csv.4242.0.tmp"));
    assert_true(exists_in(dir, ".x.csv.4242.0.tmp.bak"));
    assert_true(exists_in(dir, "x.csv"));

    /* This run's own temporary, finished early (its stream closed) and so
     * unchanged for a while, is still held: another run leaves it alone. */
    fputs("new\n", fp);
    assert_int_equal(wn_outset_finish(set, fp, &err), WN_OK);
    char own[256];
    snprintf(own, sizeof own, "%s/.x.csv.%ld.0.tmp", dir, (long)getpid());
    age_file(own, 3600);
    wn_outset *other;
    assert_int_equal(wn_outset_new(&other, dir, NULL, 0, &err), WN_OK);
    assert_int_equal(wn_outset_open(other, "x.csv", &fp, &err), WN_OK);
    assert_true(exists_in(dir, strrchr(own, '/') + 1));
    wn_outset_free(other);
    assert_int_equal(wn_outset_commit(set, &err), WN_OK);
    char final[256];
    snprintf(final, sizeof final, "%s/x.csv", dir);
    char *text = tu_read_file(final, NULL);
    assert_string_equal(text, "new\n");
    free(text);
    wn_outset_free(set);
    close(holder);
}

static void test_outset_unwritable_dir(void **state)
{
    (void)state;
    wn_outset *set = NULL;
    wn_error err;
    int rc = wn_outset_new(&set, "/proc/winnow-cannot-exist", NULL, 0, &err);
    assert_int_equal(rc, WN_EIO);
    assert_non_null(strstr(err.msg, "/proc/winnow-cannot-exist"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quoting),
        cmocka_unit_test(test_neutralise_formulas),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_numbers_as_printf),
        cmocka_unit_test(test_encoded_cells),
        cmocka_unit_test(test_reject_row),
        cmocka_unit_test(test_outset_commit_is_atomic),
        cmocka_unit_test(test_outset_finish_then_commit),
        cmocka_unit_test(test_outset_abort_leaves_nothing),
        cmocka_unit_test(test_outset_refuses_input),
        cmocka_unit_test(test_outset_failed_commit_renames_nothing),
        cmocka_unit_test(test_outset_removes_stale_temporaries),
        cmocka_unit_test(test_outset_unwritable_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
