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

/* Whether a document that is not an exam is a teaching case: a key
 * `exam` at the top (YAML "exam:" at the start of a line, JSON "exam").
 * Only then are the case reader's problems the ones to show. */
static int looks_like_case(const char *data, size_t n)
{
	for (size_t i = 0; i + 5 <= n; i++)
		if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, "exam:", 5) == 0)
			return 1;
	for (size_t i = 0; i + 6 <= n; i++)
		if (memcmp(data + i, "\"exam\"", 6) == 0)
			return 1;
	return 0;
}

static void silent(const radloc_diag *d, void *user)
{
	(void)d;
	(void)user;
}

/* The whole file ("-" = standard input), one byte past the exam limit so
 * that the parser can say it is too big. NULL after saying why. */
static char *slurp(const char *path, size_t *size)
{
	FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	const char *name = in == stdin ? "<stdin>" : path;
	if (in == NULL) {
		fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t cap = (size_t)RADLOC_MAX_EXAM_BYTES + 1, n = 0;
	char *data = malloc(cap);
	if (data == NULL) {
		if (in != stdin)
			fclose(in);
		fprintf(stderr, "%s: out of memory\n", name);
		return NULL;
	}
	while (n < cap) {
		size_t got = fread(data + n, 1, cap - n, in);
		if (got == 0)
			break;
		n += got;
	}
	int bad = ferror(in);
	int err = errno;
	if (in != stdin)
		fclose(in);
	if (bad) {
		fprintf(stderr, "%s: cannot read: %s\n", name, strerror(err));
		free(data);
		return NULL;
	}
	*size = n;
	return data;
}

int cli_read_exam(const radloc_rules *rules, const char *path, radloc_exam **out,
                  radloc_case **kase)
{
	radloc_status s;
	*out = NULL;
	if (kase)
		*kase = NULL;
	if (strcmp(path, "-") != 0 && kase == NULL) {
		s = radloc_exam_parse_file(rules, path, cli_print_diag, NULL, out);
		return cli_exit_code(s, EXIT_INPUT);
	}
	size_t n = 0;
	char *data = NULL;
	if (strcmp(path, "-") != 0) {
		/* The engine's own reader checks the file (a directory, a FIFO,
		 * its size) and says so as for any exam. */
		s = radloc_exam_parse_file(rules, path, silent, NULL, out);
		if (s == RADLOC_OK)
			return EXIT_OK;
		/* Not an exam, and not a teaching case either: the exam reader
		 * says why, as it would have. */
		if (s == RADLOC_ERR_IO || s == RADLOC_ERR_NOMEM || s == RADLOC_ERR_LIMIT ||
		    (data = slurp(path, &n)) == NULL || !looks_like_case(data, n)) {
			free(data);
			return cli_exit_code(radloc_exam_parse_file(rules, path, cli_print_diag,
			                                            NULL, out), EXIT_INPUT);
		}
	} else if ((data = slurp(path, &n)) == NULL) {
		return EXIT_INPUT;
	}
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	/* A teaching case (docs/teaching.md) is scored as its exam, and its
	 * expected answer shown beside radloc's. */
	if (kase && looks_like_case(data, n)) {
		s = radloc_case_parse(rules, data, n, name, cli_print_diag, NULL, kase);
		free(data);
		return cli_exit_code(s, EXIT_INPUT);
	}
	s = radloc_exam_parse(rules, data, n, name, 1, cli_print_diag, NULL, out);
	free(data);
	return cli_exit_code(s, EXIT_INPUT);
}

int cli_read_and_score(const radloc_rules *rules, const cli_options *o,
                       const char *command, size_t default_top,
                       radloc_exam **exam, radloc_case **kase, radloc_result **res)
{
	*res = NULL;
	int rc = cli_read_from(o->from, rules, o->nargs ? o->args[0] : "-", exam, kase);
	if (rc != EXIT_OK)
		return rc;
	radloc_scorer *scorer = radloc_scorer_new(rules);
	if (scorer == NULL || cli_configure(scorer, o, default_top) != EXIT_OK) {
		fprintf(stderr, "radloc %s: out of memory\n", command);
		radloc_scorer_free(&scorer);
		return EXIT_INTERNAL;
	}
	const radloc_exam *scored = kase && *kase ? radloc_case_exam(*kase) : *exam;
	radloc_status s = radloc_score(scorer, scored, res);
	radloc_scorer_free(&scorer);
	if (s != RADLOC_OK) {
		fprintf(stderr, "radloc %s: %s\n", command, radloc_strerror(s));
		return cli_exit_code(s, EXIT_INPUT);
	}
	return EXIT_OK;
}
