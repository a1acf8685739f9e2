#include <locale.h>
#include <string.h>

#include "diag.h"
#include "tests.h"
#include "textutil.h"

static const struct {
	const char *text;
	int ok;
	double value;
} numbers[] = {
	{"0.70", 0, 0.70}, {"1", 0, 1.0}, {"-3", 0, -3.0}, {"1e-3", 0, 0.001},
	{"2.5E2", 0, 250.0}, {"0.001", 0, 0.001}, {"000.5", 0, 0.5},
	{".7", -1, 0}, {"7.", -1, 0}, {"0,7", -1, 0}, {"+1", -1, 0},
	{"", -1, 0}, {"1e", -1, 0}, {"0x10", -1, 0}, {"nan", -1, 0},
	{"inf", -1, 0}, {"1 ", -1, 0}, {"1e999", -1, 0},
};

START_TEST(parse_double_table)
{
	double v = -99.0;
	int rc = rl_parse_double(numbers[_i].text, &v);
	ck_assert_msg(rc == numbers[_i].ok, "'%s': rc %d", numbers[_i].text, rc);
	if (rc == 0)
		ck_assert_double_eq_tol(v, numbers[_i].value, 1e-15);
}
END_TEST

/* A comma-decimal locale must change nothing: rule files are not locale
 * text. The locale is made by `make check` (build/locale) when it can be. */
START_TEST(parse_double_comma_locale)
{
	const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8"};
	const char *got = NULL;
	for (size_t i = 0; i < 3 && got == NULL; i++)
		got = setlocale(LC_NUMERIC, names[i]);
	double v = 0.0;
	ck_assert_int_eq(rl_parse_double("0.75", &v), 0);
	ck_assert_double_eq_tol(v, 0.75, 1e-15);
	ck_assert_int_eq(rl_parse_double("0,75", &v), -1);
	if (got)
		ck_assert_str_eq(localeconv()->decimal_point, ",");
	setlocale(LC_NUMERIC, "C");
}
END_TEST

START_TEST(parse_long_ranges)
{
	long v;
	ck_assert_int_eq(rl_parse_long("25", 1, 1000, &v), 0);
	ck_assert_int_eq(v, 25);
	ck_assert_int_eq(rl_parse_long("0", 1, 1000, &v), 1);
	ck_assert_int_eq(rl_parse_long("4.5", 0, 5, &v), -1);
	ck_assert_int_eq(rl_parse_long("99999999999999999999", 0, 5, &v), 1);
	ck_assert_int_eq(rl_parse_long("-1", 0, 5, &v), 1);
	ck_assert_int_eq(rl_parse_long("five", 0, 5, &v), -1);
}
END_TEST

START_TEST(nearest_names)
{
	const char *regions[] = {"dorsum_foot", "lateral_foot", "sole", "great_toe"};
	ck_assert_str_eq(rl_nearest("dorsal_foot", regions, 4), "dorsum_foot");
	ck_assert_str_eq(rl_nearest("lateral_fot", regions, 4), "lateral_foot");
	ck_assert_str_eq(rl_nearest("Sole", regions, 4), "sole");
	ck_assert_ptr_null(rl_nearest("elbow", regions, 4));
	const char *roots[] = {"L4", "L5", "S1"};
	ck_assert_str_eq(rl_nearest("l5", roots, 3), "L5");
	ck_assert_uint_eq(rl_edit_distance("ab", "ba", 5), 1);
}
END_TEST

/* The public form, on a command line's words, and its NULL guards. */
START_TEST(nearest_public_words)
{
	const char *options[] = {"--help", "--draws", "--seed", "--color", "--no-color"};
	ck_assert_str_eq(radloc_nearest("--draw", options, 5), "--draws");
	ck_assert_str_eq(radloc_nearest("--colour", options, 5), "--color");
	ck_assert_ptr_null(radloc_nearest("--verbose", options, 5));
	const char *commands[] = {"score", "batch", "map", "check"};
	ck_assert_str_eq(radloc_nearest("scor", commands, 4), "score");
	ck_assert_ptr_null(radloc_nearest("frobnicate", commands, 4));
	ck_assert_ptr_null(radloc_nearest(NULL, commands, 4));
	ck_assert_ptr_null(radloc_nearest("score", NULL, 4));
	ck_assert_ptr_null(radloc_nearest("score", commands, 0));
	const char *holes[] = {"score", NULL};
	ck_assert_ptr_null(radloc_nearest("scor", holes, 2));
}
END_TEST

START_TEST(printable_escapes)
{
	char buf[RL_PRINTABLE_SIZE];
	ck_assert_str_eq(rl_printable(buf, sizeof buf, "a\tb"), "a\\x09b");
	ck_assert_str_eq(rl_printable(buf, sizeof buf, "\xff" "x"), "\\xFFx");
	ck_assert_str_eq(rl_printable(buf, sizeof buf, "Lasègue"), "Lasègue");
	char longer[100];
	memset(longer, 'x', 99);
	longer[99] = '\0';
	ck_assert_uint_eq(strlen(rl_printable(buf, sizeof buf, longer)), 51);
}
END_TEST

/* One decoder for every UTF-8 check: each invalid form is refused. */
START_TEST(utf8_sequences)
{
	uint32_t cp = 0;
	const unsigned char ascii[] = "A", e_grave[] = "\xC3\xA8", euro[] = "\xE2\x82\xAC",
	                    clef[] = "\xF0\x9D\x84\x9E";
	ck_assert_uint_eq(rl_utf8_length(ascii, 1, &cp), 1);
	ck_assert_uint_eq(cp, 0x41);
	ck_assert_uint_eq(rl_utf8_length(e_grave, 2, &cp), 2);
	ck_assert_uint_eq(cp, 0xE8);
	ck_assert_uint_eq(rl_utf8_length(euro, 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x20AC);
	ck_assert_uint_eq(rl_utf8_length(clef, 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1D11E);
	ck_assert_uint_eq(rl_utf8_length(clef, 4, NULL), 4);
	/* Overlong: '/' as two bytes, and U+20AC padded to four. */
	const unsigned char overlong2[] = "\xC0\xAF", overlong4[] = "\xF0\x82\x82\xAC";
	ck_assert_uint_eq(rl_utf8_length(overlong2, 2, &cp), 0);
	ck_assert_uint_eq(rl_utf8_length(overlong4, 4, &cp), 0);
	/* A UTF-16 surrogate, U+D800. */
	const unsigned char surrogate[] = "\xED\xA0\x80";
	ck_assert_uint_eq(rl_utf8_length(surrogate, 3, &cp), 0);
	/* Truncated: by the end of the bytes, or by a byte that does not continue. */
	ck_assert_uint_eq(rl_utf8_length(euro, 2, &cp), 0);
	ck_assert_uint_eq(rl_utf8_length(ascii, 0, &cp), 0);
	const unsigned char broken[] = "\xE2\x82" "A";
	ck_assert_uint_eq(rl_utf8_length(broken, 3, &cp), 0);
	/* Past U+10FFFF (U+110000), a Latin-1 byte and a lone continuation byte. */
	const unsigned char too_high[] = "\xF4\x90\x80\x80", latin1[] = "\xE8" "a",
	                    continuation[] = "\x80";
	ck_assert_uint_eq(rl_utf8_length(too_high, 4, &cp), 0);
	ck_assert_uint_eq(rl_utf8_length(latin1, 2, &cp), 0);
	ck_assert_uint_eq(rl_utf8_length(continuation, 1, &cp), 0);
	/* The highest code point is fine. */
	const unsigned char top[] = "\xF4\x8F\xBF\xBF";
	ck_assert_uint_eq(rl_utf8_length(top, 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x10FFFF);
}
END_TEST

/* The first byte that starts no valid sequence, or the whole length:
 * ASCII (NUL included) and every valid form pass, each invalid form
 * stops it where it starts. */
START_TEST(utf8_valid_prefix)
{
	const unsigned char good[] = "L5 \xC3\xA8 \xE2\x82\xAC \xF0\x9D\x84\x9E";
	size_t n = sizeof good - 1;
	ck_assert_uint_eq(rl_utf8_valid_prefix(good, n), n);
	ck_assert_uint_eq(rl_utf8_valid_prefix(good, 0), 0);
	const unsigned char nul[] = {'a', 0, 'b'};
	ck_assert_uint_eq(rl_utf8_valid_prefix(nul, 3), 3);
	const unsigned char overlong[] = "ab\xC0\xAF", surrogate[] = "abc\xED\xA0\x80",
	                    cut[] = "abc\xE2\x82", too_high[] = "\xF4\x90\x80\x80";
	ck_assert_uint_eq(rl_utf8_valid_prefix(overlong, 4), 2);
	ck_assert_uint_eq(rl_utf8_valid_prefix(surrogate, 6), 3);
	ck_assert_uint_eq(rl_utf8_valid_prefix(cut, 5), 3);
	ck_assert_uint_eq(rl_utf8_valid_prefix(too_high, 4), 0);
}
END_TEST

Suite *suite_textutil(void)
{
	Suite *s = suite_create("textutil");
	TCase *tc = add_tests(s, "textutil", 0,
	                      TESTS(parse_double_comma_locale, parse_long_ranges, nearest_names,
	                            nearest_public_words, printable_escapes, utf8_sequences, utf8_valid_prefix));
	tcase_add_loop_test(tc, parse_double_table, 0,
	                    (int)(sizeof numbers / sizeof numbers[0]));
	return s;
}
