/* Finding rule files: a file, a directory's *.yaml files, or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests.h"

typedef struct first_problem {
	char message[512];
	char file[512];
} first_problem;

/* Keeps the first problem only: a kept message is never empty. */
static void keep_first(const radloc_diag *d, void *user)
{
	first_problem *p = user;
	if (p->message[0] != '\0')
		return;
	snprintf(p->message, sizeof p->message, "%s", d->message);
	snprintf(p->file, sizeof p->file, "%s", d->file ? d->file : "");
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(missing_path_and_empty_directory)
{
	first_problem p = {0};
	radloc_rules *r = NULL;
	ck_assert_int_eq(radloc_rules_load("/nonexistent/radloc-rules", keep_first, &p, &r),
	                 RADLOC_ERR_IO);
	ck_assert_str_eq(p.message, "cannot open rules: no such file or directory");
	ck_assert_ptr_null(r);

	char dir[] = "/tmp/radloc-rules-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(dir, "notes.txt", "not rules\n");
	write_file(dir, ".hidden.yaml", "format: radloc-rules/1\n");
	memset(&p, 0, sizeof p);
	ck_assert_int_eq(radloc_rules_load(dir, keep_first, &p, &r), RADLOC_ERR_IO);
	ck_assert_str_eq(p.message, "no *.yaml rule files in the directory");
	char path[4096];
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/.hidden.yaml", dir);
	unlink(path);
	rmdir(dir);
}
END_TEST

/* A directory's files are read in name order: the second definition of
 * an id is the one reported, whatever order readdir gives. */
START_TEST(directory_in_name_order)
{
	char dir[] = "/tmp/radloc-rules-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	write_file(dir, "b.yaml", "format: radloc-rules/1\nroots:\n  A: {level: 1, prior: 1, source: s}\n");
	write_file(dir, "a.yaml", "format: radloc-rules/1\nroots:\n  A: {level: 1, prior: 1, source: s}\n");
	first_problem p = {0};
	radloc_rules *r = NULL;
	ck_assert_int_eq(radloc_rules_load(dir, keep_first, &p, &r), RADLOC_ERR_SCHEMA);
	ck_assert_ptr_nonnull(strstr(p.file, "/b.yaml"));
	ck_assert_ptr_nonnull(strstr(p.message, "is defined twice (first at "));
	ck_assert_ptr_nonnull(strstr(p.message, "/a.yaml:3)"));
	const char *names[] = {"a.yaml", "b.yaml"};
	for (int i = 0; i < 2; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}
END_TEST

START_TEST(single_file_and_buffer)
{
	radloc_rules *r = NULL;
	ck_assert_int_eq(radloc_rules_load(src_path("fixtures/rules/tiny/tiny.yaml"), NULL, NULL, &r),
	                 RADLOC_OK);
	ck_assert_uint_eq(radloc_rules_count(r, RADLOC_ROOT), 2);
	radloc_rules_free(&r);
	/* A caller's buffer is one document, named as the caller says. */
	message_sink sink;
	ck_assert_int_ne(load_rules_text("", &sink, NULL), RADLOC_OK);
	ck_assert_str_eq(sink.text, "1:1: empty document: nothing to read\n");
}
END_TEST

Suite *suite_rules_files(void)
{
	return make_suite("rules_files", 0,
	                  TESTS(missing_path_and_empty_directory, directory_in_name_order,
	                        single_file_and_buffer));
}
