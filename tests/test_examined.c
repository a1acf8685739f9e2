/* examined.c: which elements on which side the exam looked at. */
#include "examined.h"
#include "tests.h"

static int movement(const radloc_rules *r, const char *id)
{
	return (int)rl_rules_index(r, RADLOC_MOVEMENT, id);
}

START_TEST(one_side_examined_is_not_the_other)
{
	const radloc_rules *r = tiny_rules();
	radloc_exam *e = radloc_exam_new(r);
	rl_examined x;
	ck_assert_int_eq(radloc_exam_add_motor(e, "m1", RADLOC_LEFT, 5), RADLOC_OK);
	ck_assert_int_eq(rl_examined_build(e, &x), RADLOC_OK);
	int m1 = movement(r, "m1");
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
	const radloc_rules *r = tiny_rules();
	radloc_exam *e = radloc_exam_new(r);
	rl_examined x;
	ck_assert_int_eq(radloc_exam_add_reflex(e, "x1", RADLOC_BILATERAL, RADLOC_NT), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_pain(e, "r2", RADLOC_RIGHT), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_sign(e, "g", RADLOC_LEFT, RADLOC_SIGN_POSITIVE),
	                 RADLOC_OK);
	ck_assert_int_eq(rl_examined_build(e, &x), RADLOC_OK);
	int x1 = (int)rl_rules_index(r, RADLOC_REFLEX, "x1");
	int r2 = (int)rl_rules_index(r, RADLOC_REGION, "r2");
	int r1 = (int)rl_rules_index(r, RADLOC_REGION, "r1");
	int g = (int)rl_rules_index(r, RADLOC_SIGN, "g");
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
	const radloc_rules *r = tiny_rules();
	radloc_exam *e = radloc_exam_new(r);
	ck_assert_int_eq(radloc_exam_add_motor(e, "m1", RADLOC_LEFT, 5), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_motor(e, "m1", RADLOC_RIGHT, 3), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_pain(e, "r1", RADLOC_LEFT), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_reflex(e, "x1", RADLOC_LEFT, RADLOC_NT), RADLOC_OK);
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
