#include "options.h"

#include <errno.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "radloc_limits.h"

static int number(const char *command, const char *option, const char *text,
                  unsigned long long max, unsigned long long *out)
{
	char *end;
	if (text == NULL || *text == '\0' || *text == '-') {
		fprintf(stderr, "radloc %s: %s needs a whole number\n", command, option);
		return -1;
	}
	errno = 0;
	unsigned long long v = strtoull(text, &end, 10);
	if (*end != '\0' || errno != 0 || v > max) {
		fprintf(stderr, "radloc %s: %s '%s' is not a whole number 0..%llu\n",
		        command, option, text, max);
		return -1;
	}
	*out = v;
	return 0;
}

/* Each option's names and its bit: the one list the parser reads them
 * from, and the hint of a misspelt one. */
static const struct {
	const char *name, *alias;
	unsigned bit;
} options[] = {
	{"--rules", NULL, CLI_RULES},       {"--output", "-o", CLI_OUTPUT},
	{"--format", NULL, CLI_FORMAT},     {"--top", NULL, CLI_TOP},
	{"--draws", NULL, CLI_DRAWS},       {"--interval", NULL, CLI_INTERVAL},
	{"--seed", NULL, CLI_SEED},         {"--jobs", "-j", CLI_JOBS},
	{"--from", NULL, CLI_FROM},         {"--color", "--no-color", CLI_COLOR},
};

static unsigned option_bit(const char *a)
{
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
		if (strcmp(a, options[i].name) == 0 ||
		    (options[i].alias && strcmp(a, options[i].alias) == 0))
			return options[i].bit;
	return 0;
}

/* "unknown option", with the nearest of the options this command takes
 * when one is close (--draw for --draws). */
static void unknown_option(const char *command, unsigned takes, const char *a)
{
	const char *names[2 * sizeof options / sizeof options[0] + 1];
	size_t n = 0;
	names[n++] = "--help";
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
		if (takes & options[i].bit) {
			names[n++] = options[i].name;
			if (options[i].alias && options[i].alias[1] == '-')
				names[n++] = options[i].alias;
		}
	const char *near = a[0] == '-' && a[1] == '-' ? radloc_nearest(a, names, n) : NULL;
	if (near)
		fprintf(stderr, "radloc %s: unknown option '%s'; did you mean '%s'? (radloc help %s)\n",
		        command, a, near, command);
	else
		fprintf(stderr, "radloc %s: unknown option '%s' (radloc help %s)\n", command, a,
		        command);
}

int cli_parse_options(int argc, char **argv, const char *command, unsigned takes,
                      void (*help)(FILE *), cli_options *o)
{
	memset(o, 0, sizeof *o);
	o->top = -1;
	o->draws = -1;
	o->color = -1;
	o->jobs = 1;
	o->command = command;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *value = NULL;
		/* --opt=value and --opt value are both fine. */
		char name[32];
		const char *eq = strchr(a, '=');
		if (a[0] == '-' && a[1] == '-' && eq && (size_t)(eq - a) < sizeof name) {
			memcpy(name, a, (size_t)(eq - a));
			name[eq - a] = '\0';
			value = eq + 1;
			a = name;
		}
#define VALUE() (value ? value : (i + 1 < argc ? argv[++i] : NULL))
		unsigned long long v;
		unsigned bit = option_bit(a);
		if (bit == CLI_FROM && !(takes & bit)) {
			fprintf(stderr, "radloc %s: --from is for one exam (score, map, fhir)\n",
			        command);
			return EXIT_USAGE;
		}
		if (bit != 0 && !(takes & bit))
			goto unknown;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			help(stdout);
			return EXIT_OK;
		}
		switch (bit) {
		case CLI_RULES:
			if ((o->rules = VALUE()) == NULL)
				goto missing;
			break;
		case CLI_OUTPUT:
			if ((o->output = VALUE()) == NULL)
				goto missing;
			break;
		case CLI_FORMAT: {
			const char *f = VALUE();
			if (f == NULL)
				goto missing;
			if (strcmp(f, "json") == 0)
				o->json = 1;
			else if (strcmp(f, "text") == 0)
				o->json = 0;
			else {
				fprintf(stderr, "radloc %s: --format is text or json, not '%s'\n",
				        command, f);
				return EXIT_USAGE;
			}
			break;
		}
		case CLI_TOP:
			if (number(command, "--top", VALUE(), CLI_MAX_TOP, &v))
				return EXIT_USAGE;
			o->top = (long)v;
			break;
		case CLI_DRAWS:
			if (number(command, "--draws", VALUE(), RADLOC_MAX_DRAWS, &v))
				return EXIT_USAGE;
			o->draws = (long)v;
			break;
		case CLI_JOBS:
			if (number(command, "--jobs", VALUE(), CLI_MAX_JOBS, &v))
				return EXIT_USAGE;
			if (v == 0) {
				fprintf(stderr, "radloc %s: --jobs must be 1..%d\n", command,
				        CLI_MAX_JOBS);
				return EXIT_USAGE;
			}
			o->jobs = (long)v;
			o->jobs_set = 1;
			break;
		case CLI_SEED:
			if (number(command, "--seed", VALUE(), ~0ULL, &o->seed))
				return EXIT_USAGE;
			o->seed_set = 1;
			break;
		case CLI_INTERVAL: {
			const char *t = VALUE();
			char *end;
			double p = t ? strtod(t, &end) : 0.0;
			if (t == NULL || *end != '\0' || !(p > 0.0 && p < 1.0)) {
				fprintf(stderr, "radloc %s: --interval is a mass between 0 and 1, "
				        "like 0.90\n", command);
				return EXIT_USAGE;
			}
			o->interval = p;
			break;
		}
		case CLI_FROM:
			if ((o->from = VALUE()) == NULL)
				goto missing;
			if (!cli_from_known(o->from)) {
				fprintf(stderr, "radloc %s: --from is one of ", command);
				cli_from_list(stderr);
				fprintf(stderr, ", not '%s'\n", o->from);
				return EXIT_USAGE;
			}
			break;
		case CLI_COLOR:
			o->color = strcmp(a, "--no-color") != 0;
			break;
		default: /* not an option: an argument, or a word that is neither */
			if (a[0] == '-' && a[1] != '\0')
				goto unknown;
			if (o->nargs >= 4) {
				fprintf(stderr, "radloc %s: too many arguments\n", command);
				return EXIT_USAGE;
			}
			o->args[o->nargs++] = a;
		}
		continue;
missing:
		fprintf(stderr, "radloc %s: %s needs a value\n", command, a);
		return EXIT_USAGE;
unknown:
		unknown_option(command, takes, a);
		return EXIT_USAGE;
#undef VALUE
	}
	return -1;
}

int cli_one_input(const cli_options *o, const char *command, const char *one_only)
{
	if (o->nargs <= 1)
		return -1;
	fprintf(stderr, "radloc %s: %s\n", command, one_only);
	return EXIT_USAGE;
}

long cli_default_jobs(void)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	return cores < 1 ? 1 : cores > CLI_DEFAULT_JOBS ? CLI_DEFAULT_JOBS : cores;
}

int cli_configure(radloc_scorer *scorer, const cli_options *o, size_t default_top)
{
	if (o->seed_set && radloc_scorer_set_seed(scorer, o->seed) != RADLOC_OK)
		return EXIT_USAGE;
	if (o->draws >= 0 &&
	    radloc_scorer_set_draws(scorer, (unsigned long)o->draws) != RADLOC_OK)
		return EXIT_USAGE;
	if (o->interval > 0.0 && radloc_scorer_set_interval(scorer, o->interval) != RADLOC_OK)
		return EXIT_USAGE;
	radloc_scorer_set_top(scorer, o->top >= 0 ? (size_t)o->top : default_top);
	/* A batch's threads take whole exams (cmd_batch.c); one exam's
	 * draws are shared among the cores, and without draws (check's
	 * default) there is nothing to share: no thread is started. */
	long threads = o->jobs;
	if ((o->command && strcmp(o->command, "batch") == 0) || o->draws == 0) {
		threads = 1;
	} else if (!o->jobs_set) {
		threads = cli_default_jobs();
	}
	if (radloc_scorer_set_threads(scorer, (unsigned)threads) != RADLOC_OK)
		return EXIT_USAGE;
	return EXIT_OK;
}
