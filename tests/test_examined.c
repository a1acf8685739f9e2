/* examined.c: which elements on which side the exam looked at. */
#include "examined.h"
#include "tests.h"

/* An element's index in tiny.yaml. */
static int index_of(radloc_kind kind, const char *id)
{
	return (int)rl_rules_index(tiny_rules(), kind, id);
}

/* An exam of the tiny rules, written as one line, and what it looked at. */
static radloc_exam *examined_of(const char *spec, rl_examined *x)
{
	radloc_exam *e = exam_of(tiny_rules(), spec);
	ck_assert_int_eq(rl_examined_build(e, x), RADLOC_OK);
	return e;
}

START_TEST(one_side_examined_is_not_the_other)
{
	rl_examined x;
	radloc_exam *e = examined_of("M m1 L 5", &x);
	int m1 = index_of(RADLOC_MOVEMENT, "m1");
	ck_assert_int_ge(m1, 0);
	ck_assert(rl_looked_at(&x, RADLOC_MOVEMENT, m1, RADLOC_LEFT));
	ck_assert(!rl_looked_at(&x, RADLOC_MOVEMENT, m1, RADLOC_RIGHT));
	/* The midline slot: the element, on any side. */
	ck_assert(rl_looked_at(&x, RADLOC_MOVEMENT, m1, RADLOC_MIDLINE));
	/* The same index in another table is another element. */
	ck_assert(!rl_looked_at(&x, RADLOC_REGION, m1, RADLOC_LEFT));
	ck_assert(!rl_looked_at(&x, RADLOC_REFLEX, 0, RADLOC_LEFT));
	rl_examined_free(&x);
	radloc_exam_free(&e);
}
END_TEST

/* NT and pain count as looking; a bilateral finding looks at both sides. */
START_TEST(nt_pain_and_bilateral_count_as_looking)
{
	rl_examined x;
	radloc_exam *e = examined_of("R x1 B NT; P r2 R; G g L pos", &x);
	int x1 = index_of(RADLOC_REFLEX, "x1");
	int r2 = index_of(RADLOC_REGION, "r2");
	int r1 = index_of(RADLOC_REGION, "r1");
	int g = index_of(RADLOC_SIGN, "g");
	ck_assert(rl_looked_at(&x, RADLOC_REFLEX, x1, RADLOC_LEFT));
	ck_assert(rl_looked_at(&x, RADLOC_REFLEX, x1, RADLOC_RIGHT));
	ck_assert(rl_looked_at(&x, RADLOC_REGION, r2, RADLOC_RIGHT));
	ck_assert(!rl_looked_at(&x, RADLOC_REGION, r2, RADLOC_LEFT));
	ck_assert(!rl_looked_at(&x, RADLOC_REGION, r1, RADLOC_MIDLINE));
	ck_assert(rl_looked_at(&x, RADLOC_SIGN, g, RADLOC_LEFT));
	ck_assert(!rl_looked_at(&x, RADLOC_SIGN, g, RADLOC_RIGHT));
	rl_examined_free(&x);
	ck_assert_ptr_null(x.seen);
	radloc_exam_free(&e);
}
END_TEST

START_TEST(abnormal_means_tested_and_not_normal)
{
	radloc_exam *e = exam_of(tiny_rules(), "M m1 L 5; M m1 R 3; P r1 L; R x1 L NT");
	ck_assert_uint_eq(e->count, 4);
	ck_assert(!rl_finding_abnormal(&e->findings[0]));
	ck_assert(rl_finding_abnormal(&e->findings[1]));
	ck_assert(!rl_finding_abnormal(&e->findings[2])); /* pain: a symptom */
	ck_assert(!rl_finding_abnormal(&e->findings[3])); /* NT */
	radloc_exam_free(&e);
}
END_TEST

Suite *suite_examined(void)
{
	return make_suite("examined", 0,
	                  TESTS(one_side_examined_is_not_the_other,
	                        nt_pain_and_bilateral_count_as_looking,
	                        abnormal_means_tested_and_not_normal));
}
