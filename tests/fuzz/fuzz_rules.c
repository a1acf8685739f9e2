/* libFuzzer: the rule loader on any bytes, then every query on what loads. */
#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "radloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(const radloc_diag *d, void *user)
{
	(void)user;
	if (d->message == NULL || d->file == NULL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	radloc_rules *rules = NULL;
	gsl_set_error_handler_off();
	if (radloc_rules_load_buffer((const char *)data, size, "fuzz.yaml", ignore, NULL,
	                             &rules) != RADLOC_OK)
		return 0;
	radloc_link links[16];
	for (int k = 0; k < RADLOC_KIND_COUNT; k++)
		for (size_t i = 0; i < radloc_rules_count(rules, (radloc_kind)k); i++) {
			const char *id = radloc_rules_id(rules, (radloc_kind)k, i);
			radloc_rules_supplies(rules, (radloc_kind)k, id, links, 16);
			radloc_rules_suppliers(rules, (radloc_kind)k, id, links, 16);
		}
	radloc_rules_free(&rules);
	return 0;
}
