/* radloc fhir [EXAM|-]: an exam as a FHIR R4 Bundle of Observations
 * (docs/fhir.md), which `radloc score --from fhir` reads back. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "fhir.h"
#include "options.h"

void help_fhir(FILE *out)
{
	fputs("usage: radloc fhir [EXAM|-] [OPTIONS]\n"
	      "\n"
	      "Write an exam (YAML or JSON, see docs/exam-format.md) as a FHIR R4\n"
	      "Bundle (type collection) of Observations, one per finding and side\n"
	      "(docs/fhir.md). `radloc score --from fhir BUNDLE` reads it back.\n"
	      "\n"
	      "  --from exam|fhir     the input's format (default exam)\n"
	      "  --rules PATH         rule file or directory\n",
	      out);
}

int cmd_fhir(int argc, char **argv)
{
	cli_options o;
	int rc = cli_parse_options(argc, argv, "fhir", CLI_RULES | CLI_FROM, help_fhir, &o);
	if (rc >= 0 || (rc = cli_one_input(&o, "fhir", "one exam at a time")) >= 0)
		return rc;
	radloc_rules *rules = NULL;
	radloc_exam *exam = NULL;
	if ((rc = cli_load_rules(o.rules, &rules)) != EXIT_OK)
		return rc;
	if ((rc = cli_read_from(o.from, rules, o.nargs ? o.args[0] : "-", &exam, NULL)) == EXIT_OK) {
		json_t *b = fhir_bundle_of_exam(rules, exam, NULL);
		char *text = b ? json_dumps(b, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
		json_decref(b);
		if (text == NULL) {
			fprintf(stderr, "radloc fhir: out of memory\n");
			rc = EXIT_INTERNAL;
		} else {
			puts(text);
			free(text);
			cli_note_write();
		}
	}
	radloc_exam_free(&exam);
	radloc_rules_free(&rules);
	return rc;
}
