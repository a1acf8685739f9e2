#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "tests.h"

const char *src_path(const char *relative)
{
	static char buf[4][4096];
	static int slot;
	const char *dir = getenv("RADLOC_SRCDIR");
	char *out = buf[slot++ % 4];
	snprintf(out, sizeof buf[0], "%s/%s", dir && *dir ? dir : ".", relative);
	return out;
}

static radloc_rules *load_once(radloc_rules **cache, const char *relative)
{
	if (*cache == NULL &&
	    radloc_rules_load(src_path(relative), NULL, NULL, cache) != RADLOC_OK) {
		fprintf(stderr, "cannot load %s\n", relative);
		exit(1);
	}
	return *cache;
}

static radloc_rules *shipped, *tiny;

const radloc_rules *shipped_rules(void)
{
	return load_once(&shipped, "rules");
}

const radloc_rules *tiny_rules(void)
{
	return load_once(&tiny, "fixtures/rules/tiny");
}

radloc_case *load_case(const char *relative)
{
	radloc_case *c = NULL;
	radloc_status s = radloc_case_parse_file(shipped_rules(), src_path(relative), NULL,
	                                         NULL, &c);
	ck_assert_msg(s == RADLOC_OK, "%s: %s", relative, radloc_strerror(s));
	return c;
}

radloc_result *score_exam(const radloc_exam *exam, unsigned long draws)
{
	radloc_scorer *sc = radloc_scorer_new(shipped_rules());
	radloc_result *res = NULL;
	ck_assert_ptr_nonnull(sc);
	ck_assert_int_eq(radloc_scorer_set_draws(sc, draws), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, exam, &res), RADLOC_OK);
	radloc_scorer_free(&sc);
	return res;
}

int main(void)
{
	/* As the CLI does: the library never relies on GSL's aborting handler. */
	gsl_set_error_handler_off();
	SRunner *sr = srunner_create(suite_textutil());
	srunner_add_suite(sr, suite_yamltree());
	srunner_add_suite(sr, suite_rules());
	srunner_add_suite(sr, suite_exam());
	srunner_add_suite(sr, suite_model());
	srunner_add_suite(sr, suite_score());
	srunner_add_suite(sr, suite_nomem());
	srunner_add_suite(sr, suite_result());
	srunner_add_suite(sr, suite_hypotheses());
	srunner_add_suite(sr, suite_explain());
	srunner_add_suite(sr, suite_json());
	srunner_add_suite(sr, suite_case());
	srunner_add_suite(sr, suite_diag());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	radloc_rules_free(&shipped);
	radloc_rules_free(&tiny);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
