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
	{"fhir", "write an exam as a FHIR R4 Bundle of Observations", cmd_fhir, help_fhir},
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

/* radloc --version [--rules PATH]: the program's version and, for an
 * auditor, the rule set in use (its declared version and fingerprint,
 * docs/rules.md "Provenance"). Rules that do not load are exit 2, with
 * their problems on stderr: there is no rule set to name. */
static int print_version(int argc, char **argv)
{
	const char *option = NULL;
	if (argc == 4 && strcmp(argv[2], "--rules") == 0)
		option = argv[3];
	else if (argc != 2) {
		fprintf(stderr, "usage: radloc --version [--rules PATH]\n");
		return EXIT_USAGE;
	}
	printf("radloc %s\n", radloc_version());
	radloc_rules *rules = NULL;
	int rc = cli_load_rules(option, &rules);
	if (rc == EXIT_OK) {
		const char *v = radloc_rules_version(rules);
		printf("rules %s, sha256 %s, from %s\n", v ? v : "(no version)",
		       radloc_rules_sha256(rules), cli_rules_path(option));
	}
	radloc_rules_free(&rules);
	return rc;
}

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
	if (strcmp(argv[1], "--version") == 0)
		return print_version(argc, argv);
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
		const char *names[COMMAND_COUNT], *near;
		for (size_t i = 0; i < COMMAND_COUNT; i++)
			names[i] = commands[i].name;
		if ((near = radloc_nearest(argv[1], names, COMMAND_COUNT)) != NULL)
			fprintf(stderr, "radloc: unknown command '%s'; did you mean '%s'?\n", argv[1],
			        near);
		else
			fprintf(stderr, "radloc: unknown command '%s'\n", argv[1]);
		usage(stderr);
		return EXIT_USAGE;
	}
	return c->run(argc - 1, argv + 1);
}
