/* The options that score, batch and map share, parsed in one place. */
#ifndef RADLOC_CLI_OPTIONS_H
#define RADLOC_CLI_OPTIONS_H

#include <stdio.h>

#include "radloc.h"

/* --top: far more hypotheses than any rule set makes (0 = all of them);
 * the bound only refuses a number that is a typing slip. */
#define CLI_MAX_TOP 100000

/* --jobs: threads scoring a batch; more than the cores of a big machine
 * gains nothing and each holds a scorer. */
#define CLI_MAX_JOBS 64

/* --jobs unless given: the machine's cores, at most this many. batch
 * scores whole exams on them; score and check share one exam's draws
 * among them, where past four starting the threads costs about what the
 * next one saves on 1000 draws; and each of batch's holds a scorer, whose
 * tables fill to about 9 MB. */
#define CLI_DEFAULT_JOBS 4

/* The options a command takes: cli_parse_options refuses the others,
 * as options unknown to that command, rather than ignore them (a seed
 * given to `radloc fhir` would otherwise look as if it had been used). */
enum cli_option {
	CLI_RULES = 1u << 0,    /* --rules PATH */
	CLI_OUTPUT = 1u << 1,   /* -o, --output */
	CLI_FORMAT = 1u << 2,   /* --format text|json */
	CLI_TOP = 1u << 3,      /* --top N */
	CLI_DRAWS = 1u << 4,    /* --draws N */
	CLI_INTERVAL = 1u << 5, /* --interval P */
	CLI_SEED = 1u << 6,     /* --seed N */
	CLI_JOBS = 1u << 7,     /* --jobs N, -j N */
	CLI_FROM = 1u << 8,     /* --from FORMAT */
	CLI_COLOR = 1u << 9,    /* --color, --no-color */
};

typedef struct cli_options {
	const char *rules;
	const char *output;     /* -o (map) */
	int json;               /* --format json */
	long top;               /* -1 = command default */
	long draws;             /* -1 = default */
	double interval;        /* 0 = default */
	unsigned long long seed;
	int seed_set;
	int color;              /* -1 auto, 0 off, 1 on */
	long jobs;              /* batch: exams at once; the others: one exam's draws;
	                         * cli_default_jobs() unless jobs_set */
	int jobs_set;
	const char *command;
	const char *from;       /* --from FORMAT (from.c); NULL = exam */
	const char *args[4];
	int nargs;
} cli_options;

/* Returns -1 to go on, or an exit code (help printed, or a usage error,
 * among them an option not in takes, a set of enum cli_option). */
int cli_parse_options(int argc, char **argv, const char *command, unsigned takes,
                      void (*help)(FILE *), cli_options *o);

/* For a command that reads one input: -1 to go on, or EXIT_USAGE after
 * "radloc COMMAND: one_only" when more than one was named. */
int cli_one_input(const cli_options *o, const char *command, const char *one_only);

/* The default of --jobs on this machine (CLI_DEFAULT_JOBS). */
long cli_default_jobs(void);

/* Apply seed, draws, interval and top (default_top when not given). */
int cli_configure(radloc_scorer *scorer, const cli_options *o, size_t default_top);

/* --from FORMAT (from.c): whether FORMAT has a reader, the names, and
 * read PATH with FORMAT's reader (NULL = the exam format; with kase not
 * NULL a teaching case too, as cli_read_exam). */
int cli_from_known(const char *format);
void cli_from_list(FILE *out);
int cli_read_from(const char *format, const radloc_rules *rules, const char *path,
                  radloc_exam **out, radloc_case **kase);

#endif
