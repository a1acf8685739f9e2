/* What the exam fuzzers start from: the shipped rules, loaded once in
 * LLVMFuzzerInitialize, and GSL's aborting handler off, as the CLI has it
 * (a numerical failure must come back as a status, not end the run). */
#ifndef RADLOC_FUZZ_SHIPPED_RULES_H
#define RADLOC_FUZZ_SHIPPED_RULES_H

#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "radloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static radloc_rules *load_shipped_rules(void)
{
	radloc_rules *rules = NULL;
	gsl_set_error_handler_off();
	if (radloc_rules_load(RADLOC_RULES_SOURCE, NULL, NULL, &rules) != RADLOC_OK)
		abort();
	return rules;
}

#endif
