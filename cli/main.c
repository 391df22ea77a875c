/*
 * main.c -- the winnow program: dispatch to one subcommand per file.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"run", cmd_run, "clean and deduplicate exports: golden records, clusters, quality"},
    {"profile", cmd_profile, "profile each column of an export: fill, distinct values, shapes"},
    {"link", cmd_link, "match two exports (old system, new system): links.csv"},
    {"explain", cmd_explain, "why two records do or don't match, field by field"},
    {"rules", cmd_rules, "print a rules file for an export (init), or validate one (check)"},
};

static void usage(FILE *fp)
{
    fputs("usage: winnow <command> [options] [args]\n\ncommands:\n", fp);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(fp, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'winnow <command> --help' describes a command's options.\n"
          "exit status: 0 done, 1 usage, 2 unreadable input or invalid rules (nothing\n"
          "written), 3 done but rows were rejected (listed in rejects.csv)\n",
          fp);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_DONE;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("winnow %s\n", WN_VERSION);
        return EXIT_DONE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "winnow: '%s' is not a command\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
