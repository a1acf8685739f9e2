#include <stdlib.h>
#include <string.h>

#include "radloc_limits.h"
#include "tests.h"
#include "yamltree.h"

typedef struct captured {
	char message[512];
	unsigned long line, column;
	int count;
} captured;

static void capture(const radloc_diag *d, void *user)
{
	captured *c = user;
	if (c->count++ == 0) {
		strncpy(c->message, d->message, sizeof c->message - 1);
		c->line = d->line;
		c->column = d->column;
	}
}

static radloc_status read_text(const char *text, captured *c, yt_doc **doc)
{
	rl_diagctx d;
	memset(c, 0, sizeof *c);
	rl_diag_init(&d, capture, c, "t.yaml");
	return yt_read_buffer(text, strlen(text), RADLOC_MAX_EXAM_BYTES, &d, doc);
}

START_TEST(tree_keeps_positions)
{
	captured c;
	yt_doc *doc = NULL;
	ck_assert_int_eq(read_text("a: 1\nb:\n  - x\n  - \"y\"\n", &c, &doc), RADLOC_OK);
	yt_node *root = yt_root(doc);
	ck_assert_int_eq(root->type, YT_MAPPING);
	yt_node *b = yt_get(root, "b");
	ck_assert_int_eq(b->type, YT_SEQUENCE);
	ck_assert_uint_eq(b->count, 2);
	ck_assert_str_eq(b->first->next->text, "y");
	ck_assert_int_eq(b->first->next->plain, 0);
	ck_assert_uint_eq(b->first->next->line, 4);
	ck_assert_uint_eq(b->first->next->column, 5);
	yt_free(&doc);
	ck_assert_ptr_null(doc);
}
END_TEST

static const struct {
	const char *text;
	radloc_status status;
	const char *message;
} refused[] = {
	{"a: 1\na: 2\n", RADLOC_ERR_SCHEMA, "duplicate key 'a' (first at line 1)"},
	{"a: &x 1\nb: *x\n", RADLOC_ERR_SCHEMA, "anchors are not allowed (&x); write the value out"},
	{"a: *x\n", RADLOC_ERR_SCHEMA, "aliases are not allowed (*x); write the value out"},
	{"&a [*a]\n", RADLOC_ERR_SCHEMA, "anchors are not allowed (&a); write the value out"},
	{"a: !!str 1\n", RADLOC_ERR_SCHEMA, "tags are not allowed (tag:yaml.org,2002:str)"},
	{"", RADLOC_ERR_EMPTY, "empty document: nothing to read"},
	{"# only a comment\n", RADLOC_ERR_EMPTY, "empty document: nothing to read"},
	{"a: 1\n---\nb: 2\n", RADLOC_ERR_SYNTAX, "more than one document; expected one"},
	{"{[1]: 2}\n", RADLOC_ERR_SCHEMA, "a mapping key must be a plain name, not a list"},
	{"a:\n\t- 1\n", RADLOC_ERR_SYNTAX, NULL},
	{"{\"a\": 1} x\n", RADLOC_ERR_SYNTAX, NULL},
	{"a: \"\\0\"\n", RADLOC_ERR_VALUE, "value contains a NUL byte"},
};

START_TEST(tree_refuses)
{
	captured c;
	yt_doc *doc = NULL;
	radloc_status s = read_text(refused[_i].text, &c, &doc);
	ck_assert_int_eq(s, refused[_i].status);
	ck_assert_ptr_null(doc);
	ck_assert_int_ge(c.count, 1);
	if (refused[_i].message)
		ck_assert_str_eq(c.message, refused[_i].message);
}
END_TEST

START_TEST(tree_depth_limit)
{
	/* 100 000-deep nesting is refused at the limit, without deep recursion. */
	size_t n = 100000;
	char *text = malloc(2 * n + 2);
	memset(text, '[', n);
	memset(text + n, ']', n);
	text[2 * n] = '\n';
	text[2 * n + 1] = '\0';
	captured c;
	yt_doc *doc = NULL;
	ck_assert_int_eq(read_text(text, &c, &doc), RADLOC_ERR_LIMIT);
	ck_assert_str_eq(c.message, "nesting deeper than 32 levels");
	ck_assert_uint_eq(c.column, 33);
	free(text);
}
END_TEST

START_TEST(tree_size_limit)
{
	rl_diagctx d;
	captured c;
	yt_doc *doc = NULL;
	memset(&c, 0, sizeof c);
	rl_diag_init(&d, capture, &c, "t.yaml");
	ck_assert_int_eq(yt_read_buffer("a: 1\n", 5, 4, &d, &doc), RADLOC_ERR_LIMIT);
	ck_assert_str_eq(c.message, "file is 5 bytes, more than the limit of 4");
}
END_TEST

START_TEST(tree_bom_and_crlf)
{
	captured c;
	yt_doc *doc = NULL;
	ck_assert_int_eq(read_text("\xEF\xBB\xBF" "a: 1\r\nb: 2\r\n", &c, &doc), RADLOC_OK);
	ck_assert_str_eq(yt_get(yt_root(doc), "b")->text, "2");
	ck_assert_uint_eq(yt_get(yt_root(doc), "b")->line, 2);
	yt_free(&doc);
}
END_TEST

Suite *suite_yamltree(void)
{
	Suite *s = suite_create("yamltree");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, tree_keeps_positions);
	tcase_add_loop_test(tc, tree_refuses, 0, (int)(sizeof refused / sizeof refused[0]));
	tcase_add_test(tc, tree_depth_limit);
	tcase_add_test(tc, tree_size_limit);
	tcase_add_test(tc, tree_bom_and_crlf);
	suite_add_tcase(s, tc);
	return s;
}
