/* radloc: the command line. Dispatches to one file per subcommand. */
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
	void (*help)(FILE *out);
} command;

static const command commands[] = {
	{"score", "score one exam: ranking, reasons, red flags", cmd_score, help_score},
	{"batch", "score a stream of exams (JSON Lines in and out)", cmd_batch, help_batch},
	{"map", "draw the exam on a body chart (SVG)", cmd_map, help_map},
	{"serve", "the clinician's page and the HTTP API", cmd_serve, help_serve},
	{"check", "run teaching cases against their expected answers", cmd_check, help_check},
	{"rules", "validate, show and list the rule set", cmd_rules, help_rules},
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
	fprintf(out, "usage: radloc COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "  %-10s %s\n", "help", "radloc help COMMAND: one command's usage");
	fprintf(out, "\nexit status: 0 ok, 1 usage, 2 rules error, 3 input error, "
	        "4 output or internal error\nman radloc (docs/radloc.1) has the details.\n");
}

static const command *find(const char *name)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int run(int argc, char **argv);

/* Every way out passes the check of what was written (cli_finish_output). */
int main(int argc, char **argv)
{
	return cli_finish_output(run(argc, argv));
}

static int run(int argc, char **argv)
{
	/* GSL's default handler aborts; the library checks every status. */
	gsl_set_error_handler_off();
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("radloc %s\n", radloc_version());
		return EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		const command *c = argc > 2 ? find(argv[2]) : NULL;
		if (argc > 2 && c == NULL) {
			fprintf(stderr, "radloc: no command '%s'\n", argv[2]);
			return EXIT_USAGE;
		}
		if (c)
			c->help(stdout);
		else
			usage(stdout);
		return EXIT_OK;
	}
	const command *c = find(argv[1]);
	if (c == NULL) {
		fprintf(stderr, "radloc: unknown command '%s'\n", argv[1]);
		usage(stderr);
		return EXIT_USAGE;
	}
	return c->run(argc - 1, argv + 1);
}
