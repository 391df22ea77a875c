/*
 * csvparse -- the floor winnow is measured against: a bare libcsv parse.
 *
 *   csvparse FILE        prints "rows=N fields=N seconds=S"
 *
 * The file (plain or gzip, by magic bytes via zlib's gzread, which passes
 * plain files through) is read in 1 MiB blocks and fed to libcsv with
 * callbacks that only count. Any streaming engine over CSV must at least
 * do this much work, so winnow's time is reported as a multiple of it.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <zlib.h>

static void on_field(void *data, size_t len, void *ctx)
{
    (void)data;
    (void)len;
    ((unsigned long long *)ctx)[1]++;
}

static void on_row(int c, void *ctx)
{
    (void)c;
    ((unsigned long long *)ctx)[0]++;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: csvparse FILE\n", stderr);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    gzFile in = gzopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    gzbuffer(in, 1 << 20);
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    static char buf[1 << 20];
    unsigned long long counts[2] = {0, 0};
    int n;
    while ((n = gzread(in, buf, sizeof buf)) > 0)
        if (csv_parse(&p, buf, (size_t)n, on_field, on_row, counts) != (size_t)n) {
            fprintf(stderr, "csvparse: %s\n", csv_strerror(csv_error(&p)));
            return 2;
        }
    csv_fini(&p, on_field, on_row, counts);
    csv_free(&p);
    gzclose(in);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    printf("rows=%llu fields=%llu seconds=%.3f\n", counts[0], counts[1], s);
    return 0;
}
