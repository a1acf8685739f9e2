/* engine/node_reports.c: reports at a node's line and column, and every
 * "did you mean" written by one helper. */
#include <string.h>

#include "radloc_limits.h"
#include "tests.h"
#include "yamltree.h"

/* A scalar node as the reader makes one, at line:column. */
static yt_node scalar_at(const char *text, unsigned long line, unsigned long column)
{
	yt_node n;
	memset(&n, 0, sizeof n);
	n.type = YT_SCALAR;
	n.text = text;
	n.length = strlen(text);
	n.line = line;
	n.column = column;
	return n;
}

static void start(rl_diagctx *d, message_sink *sink)
{
	memset(sink, 0, sizeof *sink);
	rl_diag_init(d, collect_message, sink, "t.yaml");
}

START_TEST(unknown_with_suggestion)
{
	yt_doc *doc = NULL;
	rl_diagctx d;
	message_sink sink;
	start(&d, &sink);
	ck_assert_int_eq(yt_read_buffer("x: 1\nsorce: x\n", 14, RADLOC_MAX_EXAM_BYTES, &d, &doc),
	                 RADLOC_OK);
	const yt_node *key = yt_root(doc)->first->next;
	static const char *const keys[] = {"name", "source"};
	ck_assert_int_eq(yt_report_unknown(&d, key, RADLOC_ERR_SCHEMA, "key", "root 'L5'", keys, 2),
	                 RADLOC_ERR_SCHEMA);
	ck_assert_str_eq(sink.text,
	                 "2:1: unknown key 'sorce' in root 'L5'; did you mean 'source'?\n");
	/* Nothing near: no suggestion. */
	start(&d, &sink);
	yt_report_unknown(&d, key, RADLOC_ERR_SCHEMA, "section", NULL, keys, 1);
	ck_assert_str_eq(sink.text, "2:1: unknown section 'sorce'\n");
	yt_free(&doc);
}
END_TEST

START_TEST(suggesting_only_with_a_suggestion)
{
	rl_diagctx d;
	message_sink sink;
	yt_node side = scalar_at("lfet", 3, 9);
	start(&d, &sink);
	ck_assert_int_eq(yt_report_suggesting(&d, &side, RADLOC_ERR_VALUE, "left",
	                                      "side '%s' is not one of %s", "lfet",
	                                      "left, right"),
	                 RADLOC_ERR_VALUE);
	ck_assert_str_eq(sink.text,
	                 "3:9: side 'lfet' is not one of left, right; did you mean 'left'?\n");
	start(&d, &sink);
	yt_report_suggesting(&d, &side, RADLOC_ERR_VALUE, NULL, "side '%s'", "lfet");
	ck_assert_str_eq(sink.text, "3:9: side 'lfet'\n");
}
END_TEST

START_TEST(report_position)
{
	rl_diagctx d;
	message_sink sink;
	yt_node n = scalar_at("x", 4, 7);
	start(&d, &sink);
	/* No node: the start of the file, which is where such problems lie. */
	ck_assert_int_eq(yt_report(&d, NULL, RADLOC_ERR_SCHEMA, "no %s", "roots"),
	                 RADLOC_ERR_SCHEMA);
	/* One exam of a stream: the node's line shifted to the file's. */
	d.line_offset = 10;
	yt_report(&d, &n, RADLOC_ERR_VALUE, "bad value");
	ck_assert_str_eq(sink.text, "1:1: no roots\n14:7: bad value\n");
	ck_assert_int_eq(d.first, RADLOC_ERR_SCHEMA);
	ck_assert_uint_eq(d.count, 2);
}
END_TEST

START_TEST(unknown_text_made_printable)
{
	rl_diagctx d;
	message_sink sink;
	yt_node n = scalar_at("L5\x01", 1, 3);
	static const char *const roots[] = {"L4", "L5"};
	start(&d, &sink);
	yt_report_unknown(&d, &n, RADLOC_ERR_VALUE, "root", NULL, roots, 2);
	ck_assert_str_eq(sink.text, "1:3: unknown root 'L5\\x01'; did you mean 'L5'?\n");
}
END_TEST

Suite *suite_node_reports(void)
{
	return make_suite("node_reports", 0,
	                  TESTS(unknown_with_suggestion, suggesting_only_with_a_suggestion,
	                        report_position, unknown_text_made_printable));
}
