/* engine/json_write.c: the streaming writer writes what jansson wrote
 * before, byte for byte: numbers, escaped strings, the indented form, and
 * the same refusals. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_write.h"
#include "tests.h"

/* jansson's text of round(x * 1e4) / 1e4, as json.c wrote it before. */
static void assert_as_jansson(double x)
{
	json_t *v = json_real(round(x * 1e4) / 1e4);
	ck_assert_ptr_nonnull(v);
	char *want = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(6));
	char got[32];
	size_t n = rl_jw_format4(x, got);
	ck_assert_msg(n == strlen(want) && strcmp(got, want) == 0,
	              "x = %.17g: wrote %s, jansson %s", x, got, want);
	free(want);
	json_decref(v);
}

/* Every k / 10^4 the fast path writes without printf near zero, the rest
 * of its range in steps, its edges, and numbers past it. */
START_TEST(numbers_as_jansson_wrote_them)
{
	for (long k = -30000; k <= 30000; k++)
		assert_as_jansson((double)k / 1e4);
	for (long k = 30001; k < 1000000; k += 7) {
		assert_as_jansson((double)k / 1e4);
		assert_as_jansson(-(double)k / 1e4);
	}
	static const double edge[] = {99.9999, 99.99994, 99.99995, 100, -100, 123.45678,
	                              -0.00004, 0.00005, 1e-9, 12345.6789, 999999.5,
	                              1234567.0, -1234567.0, 1e20, 2.5e-4, 1e300};
	for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++)
		assert_as_jansson(edge[i]);
	/* Values as the scorer makes them, not on the grid. */
	unsigned long long s = 88172645463325252ull;
	for (int i = 0; i < 200000; i++) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		double u = (double)(s >> 11) / 9007199254740992.0;
		assert_as_jansson(i % 2 ? u : (u - 0.5) * 400);
	}
}
END_TEST

static char *written(const char *s, int indent)
{
	rl_jw *w = rl_jw_new(indent);
	ck_assert_ptr_nonnull(w);
	rl_jw_array(w);
	rl_jw_text(w, s);
	rl_jw_array_end(w);
	char *out = NULL;
	radloc_status st = rl_jw_finish(w, &out);
	ck_assert_int_eq(st, out ? RADLOC_OK : RADLOC_ERR_NOMEM);
	return out;
}

static size_t utf8(unsigned cp, char *o)
{
	if (cp < 0x80)
		return o[0] = (char)cp, 1;
	if (cp < 0x800)
		return o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 63)), 2;
	if (cp < 0x10000)
		return o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | ((cp >> 6) & 63)),
		       o[2] = (char)(0x80 | (cp & 63)), 3;
	return o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | ((cp >> 12) & 63)),
	       o[2] = (char)(0x80 | ((cp >> 6) & 63)), o[3] = (char)(0x80 | (cp & 63)), 4;
}

/* Every code point up to U+3000 (controls, quotes, backslash, slash,
 * Latin, Greek...) and a sample above, between letters: escaped exactly
 * as jansson escapes them. */
START_TEST(strings_escaped_as_jansson_escapes_them)
{
	for (unsigned cp = 1; cp <= 0x10FFFF; cp += cp < 0x3000 ? 1 : 97) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char s[8] = "a";
		size_t n = 1 + utf8(cp, s + 1);
		s[n] = 'b';
		s[n + 1] = '\0';
		json_t *v = json_pack("[s]", s);
		char *want = json_dumps(v, JSON_COMPACT);
		char *got = written(s, 0);
		ck_assert_msg(got && strcmp(got, want) == 0, "U+%04X: %s vs %s", cp,
		              got ? got : "(failed)", want);
		free(got);
		free(want);
		json_decref(v);
	}
}
END_TEST

/* What jansson refused to hold fails the document, as before: overlong
 * forms, surrogates, past U+10FFFF, stray bytes. */
START_TEST(bad_utf8_fails_the_document)
{
	static const char *const bad[] = {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
	                                  "\xFF", "\xE0\x80\xAF", "ok\xC3"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_ptr_null(json_string(bad[i]));
		ck_assert_ptr_null(written(bad[i], 0));
	}
	char *ok = written("S\xC3\xA9verine \xF0\x9F\x98\x80", 0);
	ck_assert_str_eq(ok, "[\"S\xC3\xA9verine \xF0\x9F\x98\x80\"]");
	free(ok);
}
END_TEST

/* The indented form is jansson's: empty arrays and objects on one line,
 * numbers as in the compact form. */
START_TEST(indented_as_jansson_indents)
{
	rl_jw *w = rl_jw_new(2);
	rl_jw_object(w);
	rl_jw_key(w, "flags");
	rl_jw_array(w);
	rl_jw_array_end(w);
	rl_jw_key(w, "empty");
	rl_jw_object(w);
	rl_jw_object_end(w);
	rl_jw_key(w, "ranking");
	rl_jw_array(w);
	rl_jw_number4(w, 0.48449);
	rl_jw_number4(w, 0.0);
	rl_jw_number4(w, 1234567.0);
	rl_jw_number4(w, NAN);
	rl_jw_integer(w, 1000);
	rl_jw_text(w, NULL);
	rl_jw_array_end(w);
	rl_jw_object_end(w);
	char *out = NULL;
	ck_assert_int_eq(rl_jw_finish(w, &out), RADLOC_OK);
	ck_assert_str_eq(out, "{\n  \"flags\": [],\n  \"empty\": {},\n  \"ranking\": [\n"
	                      "    0.4845,\n    0.0,\n    1.23457e6,\n    null,\n    1000,\n"
	                      "    null\n  ]\n}");
	free(out);
}
END_TEST

/* Nested empty arrays and objects, at every depth and after other
 * items, laid out as jansson lays out the same document: the writer
 * indents it itself (no longer through jansson), so jansson is the
 * reference. */
START_TEST(nested_empties_as_jansson_indents)
{
	rl_jw *w = rl_jw_new(2);
	rl_jw_array(w);
	rl_jw_array(w);
	rl_jw_array_end(w);
	rl_jw_object(w);
	rl_jw_object_end(w);
	rl_jw_object(w);
	rl_jw_key(w, "a");
	rl_jw_array(w);
	rl_jw_object(w);
	rl_jw_key(w, "b");
	rl_jw_array(w);
	rl_jw_array_end(w);
	rl_jw_object_end(w);
	rl_jw_integer(w, 1);
	rl_jw_array(w);
	rl_jw_array_end(w);
	rl_jw_array_end(w);
	rl_jw_key(w, "c");
	rl_jw_object(w);
	rl_jw_object_end(w);
	rl_jw_object_end(w);
	rl_jw_text(w, "[\n\n  ]");
	rl_jw_array_end(w);
	char *out = NULL;
	ck_assert_int_eq(rl_jw_finish(w, &out), RADLOC_OK);
	json_t *doc = json_loads(out, 0, NULL);
	ck_assert_ptr_nonnull(doc);
	char *want = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_INDENT(2));
	ck_assert_str_eq(out, want);
	free(want);
	json_decref(doc);
	free(out);
}
END_TEST

/* A number jansson could not hold (x * 10^4 past the largest double)
 * fails the document, as json_real refused it. */
START_TEST(overflow_fails_the_document)
{
	char buf[32];
	ck_assert_uint_eq(rl_jw_format4(1e305, buf), 0);
	rl_jw *w = rl_jw_new(0);
	rl_jw_array(w);
	rl_jw_number4(w, 1e305);
	rl_jw_array_end(w);
	char *out = (char *)1;
	ck_assert_int_eq(rl_jw_finish(w, &out), RADLOC_ERR_NOMEM);
	ck_assert_ptr_null(out);
}
END_TEST

Suite *suite_json_write(void)
{
	const TTest *const tests[] = {
		numbers_as_jansson_wrote_them, strings_escaped_as_jansson_escapes_them,
		bad_utf8_fails_the_document, indented_as_jansson_indents,
	                        nested_empties_as_jansson_indents,
		overflow_fails_the_document,
	};
	return make_suite("json_write", 60, tests, sizeof tests / sizeof tests[0]);
}
