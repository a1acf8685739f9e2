/* `--from FORMAT`: which reader turns the input into an exam. One line
 * per format; the contract's own exam format is the default. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fhir.h"
#include "isncsci.h"
#include "options.h"

/* A Bundle holds an exam, never a teaching case. */
static int read_fhir(const radloc_rules *rules, const char *path, radloc_exam **out,
                     radloc_case **kase)
{
	if (kase)
		*kase = NULL;
	return fhir_read_exam(rules, path, out);
}

/* A worksheet holds an exam, never a teaching case. */
static int read_isncsci(const radloc_rules *rules, const char *path, radloc_exam **out,
                        radloc_case **kase)
{
	if (kase)
		*kase = NULL;
	return cli_isncsci_read(rules, path, out);
}

static const struct {
	const char *name;
	int (*read)(const radloc_rules *rules, const char *path, radloc_exam **out,
	            radloc_case **kase);
} readers[] = {
	{"exam", cli_read_exam}, /* docs/exam-format.md, YAML or JSON, or a teaching case */
	{"fhir", read_fhir},     /* a FHIR R4 Bundle, docs/fhir.md */
	{"isncsci", read_isncsci}, /* an ISNCSCI worksheet, docs/isncsci.md */
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
		if (strcmp(readers[i].name, format) == 0)
			return readers[i].read(rules, path, out, kase);
	return cli_read_exam(rules, path, out, kase);
}
