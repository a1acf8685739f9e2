/* engine/yaml_errors.c: libyaml's errors reach the person as messages at
 * the line and column of the problem, read through the YAML reader. */
#include <string.h>

#include "radloc_limits.h"
#include "tests.h"
#include "yamltree.h"

/* Read text as one exam of a stream starting after line_offset lines; the
 * reader must refuse it. The messages to sink (emptied first). */
static radloc_status refuse(const char *text, unsigned long line_offset,
                            message_sink *sink)
{
	rl_diagctx d;
	yt_doc *doc = NULL;
	memset(sink, 0, sizeof *sink);
	rl_diag_init(&d, collect_message, sink, "t.yaml");
	d.line_offset = line_offset;
	radloc_status status = yt_read_buffer(text, strlen(text), RADLOC_MAX_EXAM_BYTES,
	                                      &d, &doc);
	ck_assert_ptr_null(doc);
	return status;
}

START_TEST(tab_in_indentation_at_its_position)
{
	message_sink sink;
	ck_assert_int_eq(refuse("a:\n\t- 1\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text, "2:1: tab used for indentation; indent with spaces\n");
	/* After spaces the column is the tab's own. */
	ck_assert_int_eq(refuse("a:\n  b:\n  \tc: 1\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text, "3:3: tab used for indentation; indent with spaces\n");
}
END_TEST

START_TEST(bad_utf8_at_its_first_byte)
{
	message_sink sink;
	/* A Latin-1 'è': the first bad byte, not the byte libyaml names. */
	ck_assert_int_eq(refuse("a: 1\nb: caf\xe8\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text,
	                 "2:7: invalid UTF-8 (0xE8 at offset 11); save the file as UTF-8\n");
	/* A byte-order mark takes no column; a two-byte character one. */
	ck_assert_int_eq(refuse("\xEF\xBB\xBF" "a: \xC3\xA9\xff\n", 0, &sink),
	                 RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text,
	                 "1:5: invalid UTF-8 (0xFF at offset 8); save the file as UTF-8\n");
	/* One exam of a stream: the line is the file's, the offset the exam's. */
	ck_assert_int_eq(refuse("a: 1\nb: caf\xe8\n", 10, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text, "12:7: invalid UTF-8 (0xE8 at offset 11 of the exam); "
	                 "save the file as UTF-8\n");
}
END_TEST

START_TEST(text_after_the_document)
{
	message_sink sink;
	ck_assert_int_eq(refuse("{\"a\": 1} x\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text,
	                 "1:10: text after the end of the document; expected one document\n");
	ck_assert_int_eq(refuse("{\"a\": 1}\n{\"b\": 2}\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text,
	                 "2:1: text after the end of the document; expected one document\n");
}
END_TEST

START_TEST(problem_and_context_within_the_file)
{
	message_sink sink;
	/* libyaml's mark is on a line past the end: the end of the last real
	 * line is reported instead, and the context's line is shifted too. */
	ck_assert_int_eq(refuse("a: [1, 2\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text, "1:9: did not find expected ',' or ']' while parsing "
	                 "a flow sequence (line 1, column 4)\n");
	ck_assert_int_eq(refuse("a: [1, 2\n", 4, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text, "5:9: did not find expected ',' or ']' while parsing "
	                 "a flow sequence (line 5, column 4)\n");
}
END_TEST

/* Indentation said as what to change (issue #16), at libyaml's place,
 * with where the enclosing block begins, shifted like any line. */
START_TEST(indentation_in_words)
{
	message_sink sink;
	ck_assert_int_eq(refuse("a: 1\n  b: 2\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text, "2:4: a key where none can start: this line is indented "
	                 "more than the keys above it (line it up with them), or a value "
	                 "holds ': ' (quote it)\n");
	ck_assert_int_eq(refuse("a:\n  b: 1\n c: 2\n", 2, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text, "5:2: this line is not indented like the keys of its "
	                 "block (it begins at line 3, column 1): line it up with them, or "
	                 "indent it under a key that ends with ':'\n");
	ck_assert_int_eq(refuse("a:\n  - 1\n - 2\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(sink.text, "not indented like"));
	ck_assert_int_eq(refuse("a: - 1\n", 0, &sink), RADLOC_ERR_SYNTAX);
	ck_assert_str_eq(sink.text, "1:4: a '-' list item where no list can start: put the "
	                 "list on the lines below its key, indented\n");
}
END_TEST

Suite *suite_yaml_errors(void)
{
	return make_suite("yaml_errors", 0,
	                  TESTS(tab_in_indentation_at_its_position,
	                        bad_utf8_at_its_first_byte, text_after_the_document,
	                        problem_and_context_within_the_file,
	                        indentation_in_words));
}
