/* Registration of the unit tests: every suite is a few test cases, each a
 * list of tests, so the Check calls that build one are written once here. */
#include "tests.h"

TCase *add_tests(Suite *s, const char *name, double timeout, const TTest *const *tests,
                 size_t count)
{
	TCase *tc = tcase_create(name);
	/* Scoring the shipped rules with many draws outlasts Check's 4 s. */
	if (timeout > 0)
		tcase_set_timeout(tc, timeout);
	for (size_t i = 0; i < count; i++)
		tcase_add_test(tc, tests[i]);
	suite_add_tcase(s, tc);
	return tc;
}

Suite *make_suite(const char *name, double timeout, const TTest *const *tests, size_t count)
{
	Suite *s = suite_create(name);
	add_tests(s, name, timeout, tests, count);
	return s;
}
