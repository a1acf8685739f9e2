/* radloc check [FILE|DIR]...: teaching cases against their expected
 * answers. One line per case, then "N passed, M failed". */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "options.h"
#include "answer_text.h"
#include "clinical.h"
#include "percent.h"

void help_check(FILE *out)
{
	fputs("usage: radloc check [FILE|DIR]... [OPTIONS]\n"
	      "\n"
	      "Run teaching cases (docs/teaching.md): each is an exam with the answer\n"
	      "a teacher expects. Prints PASS or FAIL per case, with where the expected\n"
	      "answer ranked and any missing flag, then 'N passed, M failed'. A\n"
	      "directory means every *.yaml file in it. Exit status 3 if any case\n"
	      "failed or could not be read.\n"
	      "\n"
	      "  --verbose          the full text answer for each case (as radloc score)\n"
	      "  --format json      one JSON line per case\n"
	      "  --draws N          draws for intervals (default 0: verdicts need none)\n"
	      "  --jobs N           share each case's draws among N threads (default:\n"
	      "                     the cores, at most 4); the verdicts are the same\n"
	      "  --seed N, --rules PATH\n",
	      out);
}

typedef struct tally {
	unsigned long passed, failed;
} tally;

/* The hypothesis labelled label as the result names it (its site,
 * extent, level and form); all of them NULL when it is not reported. */
static radloc_hypothesis named(const radloc_result *res, const char *label)
{
	radloc_hypothesis h;
	for (size_t i = 0; radloc_result_hypothesis(res, i, &h) == RADLOC_OK; i++)
		if (strcmp(h.label, label) == 0)
			return h;
	return (radloc_hypothesis){0};
}

static const char *or_none(const char *s)
{
	return s ? s : "none";
}

static void flag_list(unsigned flags, char *buf, size_t size)
{
	buf[0] = '\0';
	for (unsigned b = 1; b < (1u << RADLOC_FLAG_COUNT); b <<= 1)
		if (flags & b) {
			strncat(buf, buf[0] ? ", " : "", size - strlen(buf) - 1);
			strncat(buf, clinical_flag(b), size - strlen(buf) - 1);
		}
}

static void json_line(const char *path, const radloc_case *c, const radloc_verdict *v,
                      const radloc_result *res, const char *error)
{
	char *line = NULL;
	if (cli_verdict_json(path, c, res, v, error, &line) == 0)
		puts(line);
	free(line);
}

/* A case whose id is not its file's name is hard to find from a report
 * that names one or the other: a warning (the verdict stands, the exit
 * status is not changed; docs/teaching.md). */
static void id_matches_name(const char *path, const char *name, const radloc_case *c)
{
	const char *id = radloc_case_id(c);
	size_t len = strlen(name);
	static const char *const ext[] = {".yaml", ".yml", ".json"};
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		size_t n = strlen(ext[i]);
		if (len > n && strcmp(name + len - n, ext[i]) == 0) {
			len -= n;
			break;
		}
	}
	if (id && (strlen(id) != len || strncmp(id, name, len) != 0))
		fprintf(stderr, "%s: warning: id '%s' differs from the file name '%.*s'\n",
		        path, id, (int)len, name);
}

static int check_file(const radloc_rules *rules, radloc_scorer *scorer,
                      const char *path, const cli_options *o, tally *t)
{
	radloc_case *c = NULL;
	radloc_result *res = NULL;
	radloc_verdict v;
	radloc_expectation e;
	char name[128];

	const char *base = strrchr(path, '/');
	snprintf(name, sizeof name, "%s", base ? base + 1 : path);
	radloc_status s = radloc_case_parse_file(rules, path, cli_print_diag, NULL, &c);
	if (s == RADLOC_OK)
		s = radloc_score(scorer, radloc_case_exam(c), &res);
	if (s != RADLOC_OK) {
		t->failed++;
		if (o->json)
			json_line(path, c, NULL, NULL, radloc_strerror(s));
		else
			printf("FAIL  %-36s cannot be checked: %s (see above)\n", name,
			       radloc_strerror(s));
		radloc_case_free(&c);
		return s == RADLOC_ERR_NOMEM ? -1 : 0;
	}
	id_matches_name(path, name, c);
	radloc_case_check(c, res, &v);
	radloc_case_expectation(c, &e);
	v.pass ? t->passed++ : t->failed++;
	if (o->json) {
		json_line(path, c, &v, res, NULL);
	} else {
		radloc_hypothesis lead;
		char p[PERCENT_SIZE], pl[PERCENT_SIZE], want[CLINICAL_SIZE], lw[CLINICAL_SIZE];
		radloc_result_hypothesis(res, 0, &lead);
		clinical_expectation(rules, &e, want, sizeof want);
		clinical_hypothesis(rules, &lead, lw, sizeof lw);
		percent_text(p, sizeof p, v.probability, 0);
		percent_text(pl, sizeof pl, lead.probability, 0);
		if (v.pass) {
			printf("PASS  %-36s %s (rank %zu, %s)\n", name, want, v.rank, p);
		} else {
			printf("FAIL  %-36s expected %s within %zu: ", name, want, e.within);
			if (v.rank == 0)
				printf("not a hypothesis radloc ranks%s",
				       e.pattern == RADLOC_MULTIRADICULOPATHY
				       ? " (its roots must be adjacent)" : "");
			else
				printf("ranked %zu (%s)", v.rank, p);
			if (v.rank != 1)
				printf("; leader %s (%s)", lw, pl);
			if (!v.pattern_matches && e.within == 1)
				printf("; pattern %s, expected %s",
				       clinical_pattern(radloc_result_pattern(res)),
				       clinical_pattern(e.pattern));
			radloc_hypothesis x = named(res, e.label);
			if (!v.site_matches)
				printf("; site %s, expected %s", or_none(x.site), e.site);
			if (!v.extent_matches)
				printf("; extent %s, expected %s", or_none(clinical_extent(x.extent)),
				       clinical_extent(e.extent));
			if (!v.level_matches || !v.form_matches) {
				if (x.level && x.form)
					printf("; level and form %s, %s", x.level, clinical_form(x.form));
				else
					printf("; level and form none");
				printf(", expected %s, %s", e.level ? e.level : "-",
				       e.form ? clinical_form(e.form) : "-");
			}
			if (v.missing_flags) {
				char flags[256];
				flag_list(v.missing_flags, flags, sizeof flags);
				printf("; missing flag %s", flags);
			}
			printf("\n");
		}
		/* --verbose: the answer as `radloc score` prints it, with the
		 * expected answer beside radloc's (the JSON is --format json). */
		if (o->color == 2) {
			printf("\n");
			answer_text(rules, radloc_case_exam(c), res, 0, c);
			printf("\n");
		}
	}
	cli_note_write();
	radloc_result_free(&res);
	radloc_case_free(&c);
	return 0;
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int check_path(const radloc_rules *rules, radloc_scorer *scorer,
                      const char *path, const cli_options *o, tally *t)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "%s: cannot open: no such file or directory\n", path);
		t->failed++;
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		return check_file(rules, scorer, path, o, t);
	DIR *dir = opendir(path);
	if (dir == NULL) {
		fprintf(stderr, "%s: cannot read the directory\n", path);
		t->failed++;
		return 0;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *ent;
	int rc = 0;
	while ((ent = readdir(dir)) != NULL) {
		size_t len = strlen(ent->d_name);
		if (ent->d_name[0] == '.' || len < 6 || strcmp(ent->d_name + len - 5, ".yaml"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **p = realloc(names, cap * sizeof *p);
			if (p == NULL) {
				rc = -1;
				break;
			}
			names = p;
		}
		names[n] = malloc(strlen(path) + len + 2);
		if (names[n] == NULL) {
			rc = -1;
			break;
		}
		sprintf(names[n], "%s/%s", path, ent->d_name);
		n++;
	}
	closedir(dir);
	if (rc == 0 && n == 0)
		fprintf(stderr, "%s: no *.yaml cases in the directory\n", path);
	qsort(names, n, sizeof *names, compare);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = check_file(rules, scorer, names[i], o, t);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int cmd_check(int argc, char **argv)
{
	cli_options o;
	int verbose = 0;
	/* --verbose is check's own: take it out before the shared parser. */
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) {
			verbose = 1;
			for (int j = i; j + 1 < argc; j++)
				argv[j] = argv[j + 1];
			argc--;
			i--;
		}
	int rc = cli_parse_options(argc, argv, "check",
	                           CLI_RULES | CLI_FORMAT | CLI_DRAWS | CLI_SEED | CLI_JOBS, help_check,
	                           &o);
	if (rc >= 0)
		return rc;
	if (o.nargs == 0) {
		help_check(stderr);
		return EXIT_USAGE;
	}
	o.color = verbose ? 2 : 0;
	radloc_rules *rules = NULL;
	if ((rc = cli_load_rules(o.rules, &rules)) != EXIT_OK)
		return rc;
	radloc_scorer *scorer = radloc_scorer_new(rules);
	cli_options settings = o;
	if (settings.draws < 0)
		settings.draws = 0;
	tally t = {0, 0};
	rc = EXIT_OK;
	if (scorer == NULL || cli_configure(scorer, &settings, 0) != EXIT_OK)
		rc = EXIT_INTERNAL;
	for (int i = 0; i < o.nargs && rc == EXIT_OK; i++)
		if (check_path(rules, scorer, o.args[i], &o, &t) != 0)
			rc = EXIT_INTERNAL;
	if (o.json)
		fprintf(stderr, "%lu passed, %lu failed\n", t.passed, t.failed);
	else
		printf("%lu passed, %lu failed\n", t.passed, t.failed);
	if (rc == EXIT_OK && t.failed)
		rc = EXIT_INPUT;
	radloc_scorer_free(&scorer);
	radloc_rules_free(&rules);
	return rc;
}
