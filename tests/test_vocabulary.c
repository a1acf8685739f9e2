/* The fixed words: what parsers accept and writers print. */
#include <stdlib.h>
#include <string.h>

#include "exam_impl.h"
#include "tests.h"
#include "vocabulary.h"

START_TEST(words_by_their_enums)
{
	ck_assert_str_eq(rl_fkind_names[RL_SENSORY], "sensory");
	ck_assert_str_eq(rl_fkind_names[RL_SIGNKIND], "sign");
	/* An exam lists signs under the plural, the other kinds by name. */
	ck_assert_str_eq(rl_exam_section_names[RL_EXAM_SIGNS], "signs");
	ck_assert_str_eq(rl_exam_section_names[RL_EXAM_PAIN], "pain");
	ck_assert_str_eq(rl_limb_names[RL_ARM], "arm");
	ck_assert_str_eq(rl_limb_names[RL_MIDLINE], "midline");
	/* A kind's section in a rule file is its name in the plural. */
	for (int k = 0; k < RADLOC_KIND_COUNT; k++) {
		const char *kind = radloc_kind_name((radloc_kind)k);
		ck_assert_int_eq(strncmp(rl_rule_section_names[k], kind, strlen(kind)), 0);
		ck_assert_int_eq(rl_rule_section_names[k][strlen(rl_rule_section_names[k]) - 1], 's');
	}
	ck_assert_str_eq(rl_rule_section_names[RL_RULE_SECTION_COUNT - 1], "coding");
}
END_TEST

/* The same words come back out: a limb through radloc_rules_info, a
 * section through radloc_exam_json, a kind in a finding's label. */
START_TEST(words_written_back)
{
	const radloc_rules *r = tiny_rules();
	radloc_entry_info info;
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_REGION, "mid", &info), RADLOC_OK);
	ck_assert_str_eq(info.limb, "midline");
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_REGION, "hand", &info), RADLOC_OK);
	ck_assert_str_eq(info.limb, "arm");

	const char *exam_text = "signs:\n  - {sign: g, side: left, result: positive}\n";
	radloc_exam *exam = NULL;
	ck_assert_int_eq(radloc_exam_parse(r, exam_text, strlen(exam_text), "e", 1, NULL, NULL,
	                                   &exam), RADLOC_OK);
	char *json = NULL;
	ck_assert_int_eq(radloc_exam_json(exam, 0, &json), RADLOC_OK);
	ck_assert_ptr_nonnull(strstr(json, "\"signs\""));
	ck_assert_str_eq(exam->findings[0].label, "sign g left positive");
	free(json);
	radloc_exam_free(&exam);
}
END_TEST

Suite *suite_vocabulary(void)
{
	return make_suite("vocabulary", 0,
	                  TESTS(words_by_their_enums, words_written_back));
}
