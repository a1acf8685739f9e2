/* radloc score [FILE|-]: one exam, for a clinician at a terminal (text) or
 * a program (JSON). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"
#include "answer_text.h"
#include "isncsci.h"

void help_score(FILE *out)
{
	fputs("usage: radloc score [FILE|-] [OPTIONS]\n"
	      "\n"
	      "Score one exam (YAML or JSON, see docs/exam-format.md) and print the\n"
	      "pattern, red flags, the ranking with 90 % credible intervals, the\n"
	      "findings for and against the leader, and the next best test, in\n"
	      "clinical words (JSON keeps the ids). A teaching case (docs/teaching.md)\n"
	      "is scored as its exam, with its expected answer beside radloc's.\n"
	      "\n"
	      "  --from exam|fhir|isncsci  the input's format (default exam; fhir: a FHIR\n"
	      "                       R4 Bundle as `radloc fhir` writes, docs/fhir.md;\n"
	      "                       isncsci: an ISNCSCI worksheet, docs/isncsci.md)\n"
	      "  --format text|json   output (default text)\n"
	      "  --top N              hypotheses shown (default 10 for text, all for json)\n"
	      "  --draws N            draws for the intervals (default 1000; 0 = none)\n"
	      "  --interval P         central mass of the intervals (default 0.90)\n"
	      "  --seed N             random seed (default 1): same seed, same output\n"
	      "  --jobs N             share the draws among N threads (default: the\n"
	      "                       cores, at most 4); the output is the same\n"
	      "  --rules PATH         rule file or directory\n"
	      "  --color / --no-color colour the red flags (default: when a terminal)\n",
	      out);
}

/* ---- the command ------------------------------------------------------------------ */

int cmd_score(int argc, char **argv)
{
	cli_options o;
	int rc = cli_parse_options(argc, argv, "score",
	                           CLI_RULES | CLI_FORMAT | CLI_TOP | CLI_DRAWS | CLI_INTERVAL |
	                                   CLI_SEED | CLI_JOBS | CLI_FROM | CLI_COLOR,
	                           help_score, &o);
	if (rc >= 0 ||
	    (rc = cli_one_input(&o, "score", "one exam at a time (radloc batch takes many)")) >= 0)
		return rc;
	radloc_rules *rules = NULL;
	radloc_exam *exam = NULL;
	radloc_case *kase = NULL;
	radloc_result *res = NULL;
	if ((rc = cli_load_rules(o.rules, &rules)) != EXIT_OK)
		return rc;
	if ((rc = cli_read_and_score(rules, &o, "score", o.json ? 0 : 10, &exam, &kase, &res)) != EXIT_OK)
		goto out;
	if (o.json) {
		char *text = NULL;
		if (radloc_result_json(res, 2, &text) != RADLOC_OK) {
			rc = EXIT_INTERNAL;
			goto out;
		}
		if (o.from && strcmp(o.from, "isncsci") == 0)
			text = cli_isncsci_json(text, 2, res, cli_isncsci_last());
		puts(text);
		free(text);
	} else {
		int color = o.color < 0 ? isatty(STDOUT_FILENO) && !getenv("NO_COLOR") : o.color;
		answer_text(rules, kase ? radloc_case_exam(kase) : exam, res, color, kase);
		if (o.from && strcmp(o.from, "isncsci") == 0)
			cli_isncsci_print(stdout, res, cli_isncsci_last());
	}
	cli_note_write();
out:
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	radloc_case_free(&kase);
	radloc_rules_free(&rules);
	return rc;
}
