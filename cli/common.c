/* What every subcommand shares: diagnostics, finding the rules, reading
 * and scoring one exam. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"
#include "radloc_limits.h"

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

/* The rules installed beside this binary: PREFIX/bin/radloc reads
 * PREFIX/share/radloc/rules. Found from the binary's own path, so an
 * install to any prefix (make install PREFIX=X, a .deb, a copied tree)
 * finds its rules whatever prefix the objects were first compiled with. */
static const char *rules_beside_binary(void)
{
	static char path[4096];
	char exe[4000];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (int up = 0; up < 2; up++) { /* strip "/radloc", then "/bin" */
		char *slash = strrchr(exe, '/');
		if (slash == NULL)
			return NULL;
		*slash = '\0';
	}
	if (snprintf(path, sizeof path, "%s/share/radloc/rules", exe) >= (int)sizeof path)
		return NULL;
	return path;
}

const char *cli_rules_path(const char *option)
{
	const char *env = getenv("RADLOC_RULES");
	const char *beside = rules_beside_binary();
	if (option)
		return option;
	if (env && *env)
		return env;
	if (beside && exists(beside))
		return beside;
	if (exists(RADLOC_RULES_INSTALLED))
		return RADLOC_RULES_INSTALLED;
	return RADLOC_RULES_SOURCE;
}

/* The reason of the first failed write to standard output, when known. */
static int write_errno;

void cli_note_write(void)
{
	if (ferror(stdout) && write_errno == 0)
		write_errno = errno ? errno : EIO;
}

void cli_write_failed(int err)
{
	if (write_errno == 0)
		write_errno = err ? err : EIO;
}

int cli_finish_output(int rc)
{
	cli_note_write();
	errno = 0;
	/* fclose flushes, and also reports an error the file system only
	 * reports at close (NFS, a full quota). */
	int failed = ferror(stdout) != 0;
	if (fclose(stdout) != 0 || failed || write_errno) {
		int err = write_errno ? write_errno : errno ? errno : EIO;
		fprintf(stderr, "radloc: cannot write: %s\n", strerror(err));
		return EXIT_INTERNAL;
	}
	return rc;
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

int cli_read_exam(const radloc_rules *rules, const char *path, radloc_exam **out)
{
	radloc_status s;
	*out = NULL;
	if (strcmp(path, "-") != 0) {
		s = radloc_exam_parse_file(rules, path, cli_print_diag, NULL, out);
	} else {
		/* Read one byte past the limit so the parser can say it is too big. */
		size_t cap = (size_t)RADLOC_MAX_EXAM_BYTES + 1, n = 0;
		char *data = malloc(cap);
		if (data == NULL)
			return EXIT_INTERNAL;
		while (n < cap) {
			size_t got = fread(data + n, 1, cap - n, stdin);
			if (got == 0)
				break;
			n += got;
		}
		if (ferror(stdin)) {
			fprintf(stderr, "<stdin>: cannot read: %s\n", strerror(errno));
			free(data);
			return EXIT_INPUT;
		}
		s = radloc_exam_parse(rules, data, n, "<stdin>", 1, cli_print_diag, NULL, out);
		free(data);
	}
	return cli_exit_code(s, EXIT_INPUT);
}

int cli_read_and_score(const radloc_rules *rules, const cli_options *o,
                       const char *command, size_t default_top,
                       radloc_exam **exam, radloc_result **res)
{
	*res = NULL;
	const char *path = o->nargs ? o->args[0] : "-";
	int rc = o->from ? cli_from_read(rules, o->from, path, exam) : cli_read_exam(rules, path, exam);
	if (rc != EXIT_OK)
		return rc;
	radloc_scorer *scorer = radloc_scorer_new(rules);
	if (scorer == NULL || cli_configure(scorer, o, default_top) != EXIT_OK) {
		fprintf(stderr, "radloc %s: out of memory\n", command);
		radloc_scorer_free(&scorer);
		return EXIT_INTERNAL;
	}
	radloc_status s = radloc_score(scorer, *exam, res);
	radloc_scorer_free(&scorer);
	if (s != RADLOC_OK) {
		fprintf(stderr, "radloc %s: %s\n", command, radloc_strerror(s));
		return cli_exit_code(s, EXIT_INPUT);
	}
	return EXIT_OK;
}
