/* rules_provenance.c: the rule set's declared version and its SHA-256
 * fingerprint (docs/rules.md, "Provenance"). The expected digests come
 * from coreutils sha256sum, not from the library under test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* sha256sum of fixtures/rules/tiny/tiny.yaml as shipped: the test pins it
 * so that a fingerprint of anything but the file's own bytes fails. */
static char *tiny_text(void)
{
	return tiny_rules_text_with("format", "format");
}

START_TEST(fingerprint_is_sha256_of_the_bytes)
{
	char *text = tiny_text();
	char cmd[512];
	snprintf(cmd, sizeof cmd, "sha256sum < %s", src_path("fixtures/rules/tiny/tiny.yaml"));
	FILE *p = popen(cmd, "r");
	char expected[65] = "";
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(fscanf(p, "%64s", expected), 1);
	pclose(p);
	radloc_rules *r = load_tiny_text(text);
	ck_assert_str_eq(radloc_rules_sha256(r), expected);
	ck_assert_ptr_null(radloc_rules_version(r)); /* tiny declares none */
	radloc_rules_free(&r);
	/* The directory: every file's bytes in name order, as
	 * `cat $(LC_ALL=C ls *.yaml) | sha256sum` in it gives. */
	snprintf(cmd, sizeof cmd, "cd %s && cat $(LC_ALL=C ls *.yaml) | sha256sum",
	         src_path("rules"));
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(fscanf(p, "%64s", expected), 1);
	pclose(p);
	ck_assert_str_eq(radloc_rules_sha256(shipped_rules()), expected);
}
END_TEST

START_TEST(any_edit_moves_the_fingerprint)
{
	radloc_rules *a = load_tiny_text(tiny_text());
	/* A comment only: the answers are the same, the files are not. */
	radloc_rules *b = tiny_rules_with("format: radloc-rules/1",
	                                  "format: radloc-rules/1 # edited");
	ck_assert_str_ne(radloc_rules_sha256(a), radloc_rules_sha256(b));
	ck_assert_uint_eq(strlen(radloc_rules_sha256(b)), 64);
	radloc_rules_free(&a);
	radloc_rules_free(&b);
}
END_TEST

START_TEST(declared_version)
{
	radloc_rules *r = tiny_rules_with("format: radloc-rules/1",
	                                  "format: radloc-rules/1\nrule_set: {version: \"2026.1\"}");
	ck_assert_str_eq(radloc_rules_version(r), "2026.1");
	radloc_rules_free(&r);
	ck_assert_str_eq(radloc_rules_version(shipped_rules()), "2026.11.27");
	ck_assert_ptr_null(radloc_rules_version(NULL));
	ck_assert_ptr_null(radloc_rules_sha256(NULL));
}
END_TEST

START_TEST(version_problems)
{
	static const tiny_problem rows[] = {
		{"format: radloc-rules/1",
		 "format: radloc-rules/1\nrule_set: {version: \"1\"}\nrule_set: {version: \"2\"}",
		 "5:1: duplicate key 'rule_set' (first at line 4)\n"},
		{"format: radloc-rules/1", "format: radloc-rules/1\nrule_set: {}",
		 "4:1: rule_set has no 'version'\n"},
		{"format: radloc-rules/1", "format: radloc-rules/1\nrule_set: {version: \"\"}",
		 "4:21: version is empty\n"},
		{"format: radloc-rules/1", "format: radloc-rules/1\nrule_set: {versoin: \"1\"}",
		 "4:12: unknown key 'versoin' in rule_set; did you mean 'version'?\n"
		 "4:1: rule_set has no 'version'\n"},
	};
	CHECK_TINY_PROBLEMS(rows);
}
END_TEST

Suite *suite_rules_provenance(void)
{
	return make_suite("rules_provenance", 0,
	                  TESTS(fingerprint_is_sha256_of_the_bytes, any_edit_moves_the_fingerprint,
	                        declared_version, version_problems));
}
