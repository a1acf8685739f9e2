/* Finding rule files: a file, a directory's *.yaml files, or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "radloc_limits.h"

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

/* Each problem's message, one a line (without the directory). */
static void collect_all(const radloc_diag *d, void *user)
{
	message_sink *s = user;
	const char *base = d->file ? strrchr(d->file, '/') : NULL;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%s: %s\n", base ? base + 1 : "",
	         d->message);
}

/* A rule directory holds plain files: a FIFO (which would wait for a
 * writer forever), a directory named like a rule file and a symbolic
 * link loop are each refused at their file, by what they are. */
START_TEST(directory_refuses_what_is_not_a_plain_file)
{
	char dir[] = "/tmp/radloc-rules-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char fifo[4096], sub[4096], loop[4096];
	snprintf(fifo, sizeof fifo, "%s/b.yaml", dir);
	snprintf(sub, sizeof sub, "%s/c.yaml", dir);
	snprintf(loop, sizeof loop, "%s/d.yaml", dir);
	write_file(dir, "a.yaml", "format: radloc-rules/1\n");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_int_eq(symlink("d.yaml", loop), 0);
	message_sink sink;
	memset(&sink, 0, sizeof sink);
	radloc_rules *r = NULL;
	ck_assert_int_ne(radloc_rules_load(dir, collect_all, &sink, &r), RADLOC_OK);
	ck_assert_ptr_nonnull(strstr(sink.text, "b.yaml: not a rule file: it is a FIFO, "
	                             "and a rule directory holds plain files only\n"));
	ck_assert_ptr_nonnull(strstr(sink.text, "c.yaml: not a rule file: it is a directory"));
	ck_assert_ptr_nonnull(strstr(sink.text, "d.yaml: cannot open: too many levels of "
	                             "symbolic links\n"));
	/* Named itself, the loop is said to be one too. */
	memset(&sink, 0, sizeof sink);
	ck_assert_int_eq(radloc_rules_load(loop, collect_all, &sink, &r), RADLOC_ERR_IO);
	ck_assert_str_eq(sink.text, "d.yaml: cannot open rules: too many levels of symbolic links\n");
	unlink(fifo);
	rmdir(sub);
	unlink(loop);
	snprintf(loop, sizeof loop, "%s/a.yaml", dir);
	unlink(loop);
	rmdir(dir);
}
END_TEST

/* Every file's tree is kept until the last pass: the files together are
 * capped, and reading stops at the file that passes the cap. */
START_TEST(rule_set_bytes_are_capped)
{
	char dir[] = "/tmp/radloc-rules-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* Five files just under the file limit pass the set's limit in the fifth. */
	size_t each = (size_t)RADLOC_MAX_RULE_FILE_BYTES - 64;
	char *text = malloc(each + 1);
	ck_assert_ptr_nonnull(text);
	memset(text, '#', each);
	text[each] = '\0';
	memcpy(text, "format: radloc-rules/1\n", 23);
	int files = (int)(RADLOC_MAX_RULE_SET_BYTES / (long)each) + 1;
	for (int i = 0; i < files; i++) {
		char name[32];
		snprintf(name, sizeof name, "r%d.yaml", i);
		write_file(dir, name, text);
	}
	free(text);
	message_sink sink;
	memset(&sink, 0, sizeof sink);
	radloc_rules *r = NULL;
	ck_assert_int_eq(radloc_rules_load(dir, collect_all, &sink, &r), RADLOC_ERR_LIMIT);
	char want[256];
	snprintf(want, sizeof want, "r%d.yaml: the rule files up to this one are more than "
	         "the limit of %ld bytes together; the rest are not read\n", files - 1,
	         (long)RADLOC_MAX_RULE_SET_BYTES);
	ck_assert_str_eq(sink.text, want);
	for (int i = 0; i < files; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/r%d.yaml", dir, i);
		unlink(path);
	}
	rmdir(dir);
}
END_TEST

Suite *suite_rules_files(void)
{
	return make_suite("rules_files", 0,
	                  TESTS(missing_path_and_empty_directory, directory_in_name_order,
	                        single_file_and_buffer, directory_refuses_what_is_not_a_plain_file,
	                        rule_set_bytes_are_capped));
}
