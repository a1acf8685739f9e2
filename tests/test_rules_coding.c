/* rules_coding.c: the `coding:` section, standard codes of the exam
 * elements (docs/rules.md "Coding"), and radloc_rules_code. */
#include <string.h>

#include "tests.h"

#define F "format: radloc-rules/1"
#define SCT "\"http://snomed.info/sct\""
#define SRC "\"https://example.org/page\""

START_TEST(shipped_codes)
{
	const radloc_rules *r = shipped_rules();
	radloc_coding c;
	/* rules/coding.yaml: the dorsum of the foot lies on the foot. */
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "dorsum_foot", 0, &c), 1);
	ck_assert_str_eq(c.system, "http://snomed.info/sct");
	ck_assert_str_eq(c.code, "56459004");
	ck_assert_str_eq(c.display, "Foot");
	ck_assert_str_eq(c.match, "wider");
	ck_assert_int_eq(strncmp(c.source, "https://", 8), 0);
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "dorsum_foot", 1, &c), 0);
	/* No verified code: radloc's own coding only. */
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_MOVEMENT, "great_toe_extension", 0, &c), 0);
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "thumb", 0, &c), 0);
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "no_such_region", 0, &c), 0);
	ck_assert_int_eq(radloc_rules_code(NULL, RADLOC_REGION, "dorsum_foot", 0, &c), 0);
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "dorsum_foot", 0, NULL), 0);
	/* Every shipped code is cited and in a URI system. */
	size_t coded = 0;
	for (size_t i = 0; i < radloc_rules_count(r, RADLOC_REGION); i++) {
		const char *id = radloc_rules_id(r, RADLOC_REGION, i);
		for (size_t n = 0; radloc_rules_code(r, RADLOC_REGION, id, n, &c); n++) {
			ck_assert_ptr_nonnull(strstr(c.system, "://"));
			ck_assert_ptr_nonnull(strstr(c.source, "://"));
			coded += n == 0;
		}
	}
	ck_assert_uint_eq(coded, 44);
}
END_TEST

START_TEST(codes_in_file_order)
{
	radloc_rules *r = tiny_rules_with(F, F "\ncoding:\n  regions:\n    hand:\n"
	    "      - {system: " SCT ", code: \"85562004\", display: \"Hand\", match: wider, "
	    "source: " SRC "}\n"
	    "      - {system: \"urn:oid:1.2.3\", code: \"h\", display: \"H\", match: exact, "
	    "source: " SRC "}\n"
	    "  signs:\n    g: [{system: " SCT ", code: \"1\", display: \"G\", match: exact, "
	    "source: " SRC "}]\n");
	radloc_coding c;
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "hand", 0, &c), 1);
	ck_assert_str_eq(c.code, "85562004");
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "hand", 1, &c), 1);
	ck_assert_str_eq(c.system, "urn:oid:1.2.3");
	ck_assert_str_eq(c.match, "exact");
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "hand", 2, &c), 0);
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_SIGN, "g", 0, &c), 1);
	ck_assert_str_eq(c.display, "G");
	/* The same id in another kind has no code. */
	ck_assert_int_eq(radloc_rules_code(r, RADLOC_REGION, "r1", 0, &c), 0);
	radloc_rules_free(&r);
}
END_TEST

#define ROW(body) F "\ncoding:\n" body
#define GOOD "{system: " SCT ", code: \"1\", display: \"x\", match: wider, source: " SRC "}"

START_TEST(coding_problems)
{
	static const tiny_problem rows[] = {
		{F, ROW("  regions:\n    hnad: [" GOOD "]\n"),
		 "6:5: unknown region 'hnad' in coding; did you mean 'hand'?\n"},
		{F, ROW("  regoins: {}\n"),
		 "5:3: unknown group in coding 'regoins'; did you mean 'regions'?\n"},
		{F, ROW("  roots:\n    A: [" GOOD "]\n"),
		 "5:3: unknown group in coding 'roots'\n"},
		{F, ROW("  regions:\n    hand: [{system: snomed, code: \"1\", display: \"x\", "
		        "match: wider, source: " SRC "}]\n"),
		 "6:21: system of the coding of region 'hand' must be an absolute URI (like "
		 "http://snomed.info/sct), not 'snomed'\n"},
		{F, ROW("  regions:\n    hand: [{system: " SCT ", code: \"1\", display: \"x\", "
		        "match: wider}]\n"),
		 "6:12: the coding of region 'hand' has no 'source'\n"},
		{F, ROW("  regions:\n    hand: [{system: " SCT ", code: \"1\", display: \"x\", "
		        "match: narrower, source: " SRC "}]\n"),
		 "6:79: match of the coding of region 'hand' must be 'exact' (the code means "
		 "the element) or 'wider' (the code names more), not 'narrower'\n"},
		{F, ROW("  regions:\n    hand: []\n"),
		 "6:5: the coding of region 'hand' must be a list of codings ({system, code, "
		 "display, match, source})\n"},
	};
	CHECK_TINY_PROBLEMS(rows);
}
END_TEST

Suite *suite_rules_coding(void)
{
	return make_suite("rules_coding", 0,
	                  TESTS(shipped_codes, codes_in_file_order, coding_problems));
}
