/* libFuzzer: the exam parser (and the teaching-case parser) on any bytes. */
#include "shipped_rules.h"

static radloc_rules *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	rules = load_shipped_rules();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	radloc_exam *exam = NULL;
	radloc_case *c = NULL;
	if (radloc_exam_parse(rules, (const char *)data, size, "fuzz", 1, NULL, NULL,
	                      &exam) == RADLOC_OK && radloc_exam_count(exam) == 0)
		abort(); /* an exam with no findings must be refused */
	radloc_exam_free(&exam);
	radloc_case_parse(rules, (const char *)data, size, "fuzz", NULL, NULL, &c);
	radloc_case_free(&c);
	return 0;
}
