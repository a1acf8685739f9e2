/* What every subcommand shares: diagnostics and finding the rules. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli.h"

void cli_print_diag(const radloc_diag *d, void *user)
{
	(void)user;
	if (d->line > 0)
		fprintf(stderr, "%s:%lu:%lu: %s\n", d->file, d->line, d->column,
		        d->message);
	else
		fprintf(stderr, "%s: %s\n", d->file, d->message);
}

static int exists(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0;
}

const char *cli_rules_path(const char *option)
{
	const char *env = getenv("RADLOC_RULES");
	if (option)
		return option;
	if (env && *env)
		return env;
	if (exists(RADLOC_RULES_INSTALLED))
		return RADLOC_RULES_INSTALLED;
	return RADLOC_RULES_SOURCE;
}

int cli_exit_code(radloc_status s, int input_code)
{
	switch (s) {
	case RADLOC_OK:
		return EXIT_OK;
	case RADLOC_ERR_NOMEM:
	case RADLOC_ERR_NUMERIC:
	case RADLOC_ERR_INTERNAL:
	case RADLOC_ERR_ARGUMENT:
		return EXIT_INTERNAL;
	default:
		return input_code;
	}
}

int cli_load_rules(const char *option, radloc_rules **out)
{
	radloc_status s = radloc_rules_load(cli_rules_path(option), cli_print_diag,
	                                    NULL, out);
	return cli_exit_code(s, EXIT_RULES);
}
