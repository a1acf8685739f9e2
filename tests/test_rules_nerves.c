/* Nerve branches: what a lesion higher up covers, and no cycles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

/* tiny.yaml with a second nerve m that n branches into; r2 is m's. */
static radloc_rules *with_branch(const char *n_branches, const char *m_branches,
                                 message_sink *sink)
{
	char nerves[256];
	snprintf(nerves, sizeof nerves,
	         "n: {prior: 1.0, branches: %s, source: \"test\"}\n"
	         "  m: {prior: 1.0, branches: %s, source: \"test\"}", n_branches, m_branches);
	char *text = tiny_rules_text_with("n: {prior: 1.0, source: \"test\"}", nerves);
	radloc_rules *r = NULL;
	load_rules_text(text, sink, &r);
	free(text);
	return r;
}

START_TEST(branches_cover_what_they_reach)
{
	message_sink sink;
	radloc_rules *r = with_branch("[m]", "[]", &sink);
	ck_assert_str_eq(sink.text, "");
	ck_assert_ptr_nonnull(r);
	/* n (index 0) covers itself and m; m covers only itself. */
	ck_assert_int_eq(r->nerves[0].covers[0], 1);
	ck_assert_int_eq(r->nerves[0].covers[1], 1);
	ck_assert_int_eq(r->nerves[1].covers[0], 0);
	ck_assert_int_eq(r->nerves[1].covers[1], 1);
	/* r1 belongs to n: lost with n, not with m below it. */
	const rl_element *r1 = &r->elements[0][0];
	ck_assert_double_eq(r1->nerve_loss[0], 1.0);
	ck_assert_double_eq(r1->nerve_loss[1], 0.0);
	radloc_rules_free(&r);
}
END_TEST

START_TEST(cycle_reported_for_each_nerve_on_it)
{
	message_sink sink;
	radloc_rules *r = with_branch("[m]", "[n]", &sink);
	ck_assert_ptr_null(r);
	ck_assert_str_eq(sink.text,
	                 "8:3: nerve 'n' is its own branch (a cycle in 'branches')\n"
	                 "9:3: nerve 'm' is its own branch (a cycle in 'branches')\n");
}
END_TEST

Suite *suite_rules_nerves(void)
{
	return make_suite("rules_nerves", 0,
	                  TESTS(branches_cover_what_they_reach,
	                        cycle_reported_for_each_nerve_on_it));
}
