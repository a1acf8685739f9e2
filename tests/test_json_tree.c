/* engine/json_tree.c: the JSON fast path builds the tree the YAML reader
 * builds, and leaves to the reader whatever it cannot mirror exactly. */
#include <string.h>

#include "radloc_limits.h"
#include "tests.h"
#include "yamltree.h"

/* The same tree, positions aside: types, quoting, text, order, counts. */
static void assert_same_tree(const yt_node *a, const yt_node *b)
{
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(a->type, b->type);
	ck_assert_uint_eq(a->count, b->count);
	if (a->type == YT_SCALAR) {
		ck_assert_int_eq(a->plain, b->plain);
		ck_assert_uint_eq(a->length, b->length);
		ck_assert_str_eq(a->text, b->text);
		return;
	}
	const yt_node *x = a->first, *y = b->first;
	for (; x && y; x = x->next, y = y->next) {
		if (a->type == YT_MAPPING) {
			ck_assert_str_eq(x->text, y->text);
			assert_same_tree(x->value, y->value);
		} else {
			assert_same_tree(x, y);
		}
	}
	ck_assert_ptr_null(x);
	ck_assert_ptr_null(y);
}

START_TEST(same_tree_as_the_yaml_reader)
{
	static const char json[] =
		"{\"age\": 54, \"side\": \"left\", \"findings\": [\"L5 weak\", "
		"{\"reflex\": \"ankle\", \"grade\": -1}], \"empty\": [], \"zeta\": {}, "
		"\"a\": \"\"}";
	yt_doc *fast = NULL, *read = NULL;
	message_sink sink;
	rl_diagctx d;
	memset(&sink, 0, sizeof sink);
	rl_diag_init(&d, collect_message, &sink, "t.json");
	ck_assert_int_eq(yt_from_json(json, strlen(json), &fast), RADLOC_OK);
	ck_assert_int_eq(yt_read_buffer(json, strlen(json), RADLOC_MAX_EXAM_BYTES, &d, &read),
	                 RADLOC_OK);
	assert_same_tree(yt_root(fast), yt_root(read));
	/* Keys keep the order they were written in, not a sorted one. */
	ck_assert_str_eq(yt_root(fast)->first->text, "age");
	ck_assert_str_eq(yt_get(yt_root(fast), "age")->text, "54");
	ck_assert_int_eq(yt_get(yt_root(fast), "age")->plain, 1);
	/* Positions are unknown on the fast path. */
	ck_assert_uint_eq(yt_root(fast)->line, 0);
	yt_free(&fast);
	yt_free(&read);
	ck_assert_str_eq(sink.text, "");
}
END_TEST

static const struct {
	const char *json;
	radloc_status status;
} left_to_the_reader[] = {
	{"{\"a\": 1.5}", RADLOC_ERR_SCHEMA},
	{"{\"a\": true}", RADLOC_ERR_SCHEMA},
	{"{\"a\": null}", RADLOC_ERR_SCHEMA},
	{"[1, 2]", RADLOC_ERR_SCHEMA},
	{"\"text\"", RADLOC_ERR_SYNTAX},
	{"{\"a\": 1, \"a\": 2}", RADLOC_ERR_SYNTAX},
	{"{\"a\": 1} x", RADLOC_ERR_SYNTAX},
	{"{\"a\": \"\\u0000\"}", RADLOC_ERR_SYNTAX},
	{"a: 1", RADLOC_ERR_SYNTAX},
	/* What jansson refused and yajl would let through. */
	{"{\"a\": 1}\"x}", RADLOC_ERR_SYNTAX},          /* unterminated string after */
	{"{\"a\": 1}  \"", RADLOC_ERR_SYNTAX},
	{"{\"a\":\f1}", RADLOC_ERR_SYNTAX},                /* \f and \v are not JSON space */
	{"{\"a\":\v1}", RADLOC_ERR_SYNTAX},
	{"{\"a\": \"\\ud83d\"}", RADLOC_ERR_SYNTAX},        /* lone high surrogate */
	{"{\"a\": \"\\udc00\"}", RADLOC_ERR_SYNTAX},        /* lone low surrogate */
	{"{\"a\": \"\\ud83d\\u0041\"}", RADLOC_ERR_SYNTAX}, /* high, then no low */
	{"{\"a\": \"\xc0\xaf\"}", RADLOC_ERR_SYNTAX},      /* overlong '/' */
	{"{\"\xed\xa0\x80\": 1}", RADLOC_ERR_SYNTAX},     /* a surrogate in UTF-8 */
	{"{\"a\": 1", RADLOC_ERR_SYNTAX},
	{"{\"a\": 9223372036854775808}", RADLOC_ERR_SYNTAX}, /* past long long */
	/* yajl's range stops one short of jansson's: the YAML reader reads
	 * the smallest long long as the same plain scalar. */
	{"{\"a\": -9223372036854775808}", RADLOC_ERR_SYNTAX},
};

/* What jansson accepted, read the same: an escaped pair is one code point,
 * -0 an integer 0, escapes decoded, white space after the object. */
START_TEST(read_as_jansson_read_it)
{
	static const char json[] = "{\"a\": \"\\ud83d\\ude00 \\u00e9\\/\\\\\", \"b\": -0, "
	                           "\"c\": -9223372036854775807}\r\n \t";
	yt_doc *doc = NULL;
	ck_assert_int_eq(yt_from_json(json, strlen(json), &doc), RADLOC_OK);
	const yt_node *a = yt_get(yt_root(doc), "a"), *b = yt_get(yt_root(doc), "b");
	ck_assert_str_eq(a->text, "\xF0\x9F\x98\x80 \xC3\xA9/\\");
	ck_assert_int_eq(a->plain, 0);
	ck_assert_str_eq(b->text, "0");
	ck_assert_int_eq(b->plain, 1);
	ck_assert_str_eq(yt_get(yt_root(doc), "c")->text, "-9223372036854775807");
	yt_free(&doc);
}
END_TEST

START_TEST(silent_refusal)
{
	yt_doc *doc = NULL;
	const char *json = left_to_the_reader[_i].json;
	ck_assert_int_eq(yt_from_json(json, strlen(json), &doc), left_to_the_reader[_i].status);
	ck_assert_ptr_null(doc);
}
END_TEST

/* {"a": [[...[1]...]]} with `lists` lists around the 1. */
static size_t nested(char *json, int lists)
{
	size_t n = 0;
	memcpy(json, "{\"a\":", 5);
	n += 5;
	for (int i = 0; i < lists; i++)
		json[n++] = '[';
	json[n++] = '1';
	for (int i = 0; i < lists; i++)
		json[n++] = ']';
	json[n++] = '}';
	return n;
}

START_TEST(depth_and_size_limits)
{
	/* The object counts as depth 1 and the innermost value as one more:
	 * RADLOC_MAX_DEPTH levels in all are mirrored, one more is not. */
	char json[2 * RADLOC_MAX_DEPTH + 16];
	yt_doc *doc = NULL;
	ck_assert_int_eq(yt_from_json(json, nested(json, RADLOC_MAX_DEPTH - 2), &doc),
	                 RADLOC_OK);
	yt_free(&doc);
	ck_assert_int_eq(yt_from_json(json, nested(json, RADLOC_MAX_DEPTH - 1), &doc),
	                 RADLOC_ERR_SCHEMA);
	ck_assert_ptr_null(doc);
	/* Over the exam limit it is not parsed, valid as it is. */
	static char big[RADLOC_MAX_EXAM_BYTES + 1];
	memset(big, ' ', sizeof big);
	memcpy(big, "{}", 2);
	ck_assert_int_eq(yt_from_json(big, sizeof big - 1, &doc), RADLOC_OK);
	yt_free(&doc);
	ck_assert_int_eq(yt_from_json(big, sizeof big, &doc), RADLOC_ERR_LIMIT);
	ck_assert_ptr_null(doc);
}
END_TEST

Suite *suite_json_tree(void)
{
	Suite *s = suite_create("json_tree");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, same_tree_as_the_yaml_reader);
	tcase_add_loop_test(tc, silent_refusal, 0,
	                    (int)(sizeof left_to_the_reader / sizeof left_to_the_reader[0]));
	tcase_add_test(tc, depth_and_size_limits);
	tcase_add_test(tc, read_as_jansson_read_it);
	suite_add_tcase(s, tc);
	return s;
}
