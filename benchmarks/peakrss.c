/*
 * peakrss -- runs a command and reports its wall time and peak memory.
 *
 *   peakrss COMMAND [ARGS...]   prints "seconds=S peak_rss_mb=M status=N" on stderr
 *
 * Peak resident set size comes from wait4()'s rusage (ru_maxrss, KiB on
 * Linux), so no /usr/bin/time is needed on the benchmark machine.
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: peakrss COMMAND [ARGS...]\n", stderr);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
        perror("peakrss");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(stderr, "seconds=%.3f peak_rss_mb=%.1f status=%d\n", s, (double)ru.ru_maxrss / 1024.0,
            code);
    return code;
}
