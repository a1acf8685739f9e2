/* names.c: the fixed words of the public API. The expected words are the
 * contract's (shared/spec/exam-format.md sections 1-3), typed from it. */
#include <string.h>

#include "tests.h"

/* The contract's words (exam-format.md section 2): patterns and flags. */
START_TEST(names_are_the_contracts)
{
	static const char *const patterns[] = {
		"radiculopathy", "multiradiculopathy", "polyneuropathy", "mononeuropathy",
		"cauda_equina", "myelopathy", "normal", "other", "plexopathy", "two_lesions",
		"motor_neuron_disease",
	};
	/* `other` is appended: every earlier value keeps its number. */
	ck_assert_int_eq(RADLOC_NORMAL, 6);
	ck_assert_int_eq(RADLOC_OTHER, 7);
	ck_assert_int_eq(RADLOC_PLEXOPATHY, 8);
	ck_assert_int_eq(RADLOC_TWO_LESIONS, 9);
	ck_assert_int_eq(RADLOC_MOTOR_NEURON_DISEASE, 10);
	static const char *const flags[] = {
		"stocking_glove", "cauda_equina_red_flag", "upper_motor_neuron", "bilateral",
		"inconsistent_findings", "low_confidence", "two_processes", "sensory_level",
		"dissociated_sensory_loss",
	};
	ck_assert_uint_eq(RADLOC_PATTERN_COUNT, sizeof patterns / sizeof patterns[0]);
	ck_assert_uint_eq(RADLOC_FLAG_COUNT, sizeof flags / sizeof flags[0]);
	for (int p = 0; p < RADLOC_PATTERN_COUNT; p++)
		ck_assert_str_eq(radloc_pattern_name((radloc_pattern)p), patterns[p]);
	for (int f = 0; f < RADLOC_FLAG_COUNT; f++)
		ck_assert_str_eq(radloc_flag_name(1u << f), flags[f]);
	ck_assert_ptr_null(radloc_flag_name(1u << RADLOC_FLAG_COUNT));
	ck_assert_str_eq(radloc_side_name(RADLOC_BILATERAL), "bilateral");
	ck_assert_str_eq(radloc_side_name(RADLOC_MIDLINE), "midline");
	ck_assert_str_eq(radloc_kind_name(RADLOC_MOVEMENT), "movement");
	/* Every status says something, and a number no status has says so. */
	for (int st = RADLOC_OK; st <= RADLOC_ERR_INTERNAL; st++)
		ck_assert(strcmp(radloc_strerror((radloc_status)st), "unknown status") != 0);
	ck_assert_str_eq(radloc_strerror((radloc_status)99), "unknown status");
	ck_assert_str_eq(radloc_version(), "0.1.0");
}
END_TEST

/* Each flag by its enum name, so that a bit given the wrong word fails
 * here even if the bits were reordered. */
START_TEST(each_flag_bit_has_its_word)
{
	ck_assert_str_eq(radloc_flag_name(RADLOC_FLAG_STOCKING_GLOVE), "stocking_glove");
	ck_assert_str_eq(radloc_flag_name(RADLOC_FLAG_CAUDA_EQUINA), "cauda_equina_red_flag");
	ck_assert_str_eq(radloc_flag_name(RADLOC_FLAG_UPPER_MOTOR_NEURON), "upper_motor_neuron");
	ck_assert_str_eq(radloc_flag_name(RADLOC_FLAG_BILATERAL), "bilateral");
	ck_assert_str_eq(radloc_flag_name(RADLOC_FLAG_INCONSISTENT), "inconsistent_findings");
	ck_assert_str_eq(radloc_flag_name(RADLOC_FLAG_LOW_CONFIDENCE), "low_confidence");
	/* One bit at a time: no bit, or two together, is no flag's name. */
	ck_assert_ptr_null(radloc_flag_name(0));
	ck_assert_ptr_null(radloc_flag_name(RADLOC_FLAG_STOCKING_GLOVE | RADLOC_FLAG_BILATERAL));
}
END_TEST

/* Sides (section 1: left, right, bilateral; midline for midline regions)
 * and the kinds of the rule set: the exam's keys region, movement,
 * reflex, sign, and the result's root and nerve. */
START_TEST(sides_and_kinds_are_the_contracts)
{
	static const char *const sides[] = {"midline", "left", "right", "bilateral"};
	static const radloc_side side_of[] = {RADLOC_MIDLINE, RADLOC_LEFT, RADLOC_RIGHT,
	                                      RADLOC_BILATERAL};
	for (size_t i = 0; i < 4; i++)
		ck_assert_str_eq(radloc_side_name(side_of[i]), sides[i]);
	ck_assert_str_eq(radloc_side_name((radloc_side)9), "?");
	static const char *const kinds[] = {"root", "nerve", "region", "movement", "reflex",
	                                    "sign"};
	static const radloc_kind kind_of[] = {RADLOC_ROOT, RADLOC_NERVE, RADLOC_REGION,
	                                      RADLOC_MOVEMENT, RADLOC_REFLEX, RADLOC_SIGN};
	ck_assert_uint_eq(RADLOC_KIND_COUNT, sizeof kinds / sizeof kinds[0]);
	for (size_t i = 0; i < RADLOC_KIND_COUNT; i++)
		ck_assert_str_eq(radloc_kind_name(kind_of[i]), kinds[i]);
	ck_assert_str_eq(radloc_kind_name((radloc_kind)RADLOC_KIND_COUNT), "?");
	ck_assert_str_eq(radloc_pattern_name((radloc_pattern)RADLOC_PATTERN_COUNT), "?");
}
END_TEST

/* Section 3 and 4: a result's `kind` is root, nerve or pattern. */
START_TEST(kind_names_are_the_contract_words)
{
	ck_assert_str_eq(radloc_hypothesis_kind_name(RADLOC_HYPOTHESIS_ROOT), "root");
	ck_assert_str_eq(radloc_hypothesis_kind_name(RADLOC_HYPOTHESIS_NERVE), "nerve");
	ck_assert_str_eq(radloc_hypothesis_kind_name(RADLOC_HYPOTHESIS_PATTERN), "pattern");
	ck_assert_str_eq(radloc_hypothesis_kind_name((radloc_hypothesis_kind)7), "?");
}
END_TEST

/* Every status has its own description: never NULL, never empty, and no
 * two alike (a caller telling the user "unknown id" must not get the same
 * words for a syntax error). */
START_TEST(every_status_has_a_distinct_description)
{
	enum { COUNT = RADLOC_ERR_INTERNAL + 1 };
	const char *text[COUNT];
	for (int st = RADLOC_OK; st < COUNT; st++) {
		text[st] = radloc_strerror((radloc_status)st);
		ck_assert_ptr_nonnull(text[st]);
		ck_assert_uint_gt(strlen(text[st]), 0);
		for (int other = RADLOC_OK; other < st; other++)
			ck_assert_msg(strcmp(text[st], text[other]) != 0,
			              "statuses %d and %d both read '%s'", other, st, text[st]);
	}
	/* A number no status has is described, not NULL. */
	ck_assert_ptr_nonnull(radloc_strerror((radloc_status)-1));
	ck_assert_str_eq(radloc_strerror((radloc_status)COUNT), "unknown status");
}
END_TEST

Suite *suite_names(void)
{
	return make_suite("names", 0,
	                  TESTS(names_are_the_contracts, each_flag_bit_has_its_word,
	                        sides_and_kinds_are_the_contracts,
	                        kind_names_are_the_contract_words,
	                        every_status_has_a_distinct_description));
}
