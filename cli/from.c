/* `--from FORMAT`: which reader turns the input into an exam. One line
 * per format; the contract's own exam format is the default. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fhir.h"
#include "isncsci.h"
#include "options.h"

/* The other formats hold an exam, never a teaching case: their readers
 * take the exam alone, and cli_read_from says there is no case. The
 * contract's own format (reader NULL) is cli_read_exam, which reads a
 * teaching case too. */
static const struct {
	const char *name;
	int (*read)(const radloc_rules *rules, const char *path, radloc_exam **out);
} readers[] = {
	{"exam", NULL},                /* docs/exam-format.md, YAML or JSON, or a teaching case */
	{"fhir", fhir_read_exam},      /* a FHIR R4 Bundle, docs/fhir.md */
	{"isncsci", cli_isncsci_read}, /* an ISNCSCI worksheet, docs/isncsci.md */
};

int cli_from_known(const char *format)
{
	for (size_t i = 0; i < sizeof readers / sizeof *readers; i++)
		if (strcmp(readers[i].name, format) == 0)
			return 1;
	return 0;
}

void cli_from_list(FILE *out)
{
	for (size_t i = 0; i < sizeof readers / sizeof *readers; i++)
		fprintf(out, "%s%s", i ? ", " : "", readers[i].name);
}

int cli_read_from(const char *format, const radloc_rules *rules, const char *path,
                  radloc_exam **out, radloc_case **kase)
{
	for (size_t i = 0; format && i < sizeof readers / sizeof *readers; i++)
		if (strcmp(readers[i].name, format) == 0 && readers[i].read) {
			if (kase)
				*kase = NULL;
			return readers[i].read(rules, path, out);
		}
	return cli_read_exam(rules, path, out, kase);
}
