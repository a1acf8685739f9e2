/* engine/slurp.c: whole files read under a size limit, a file one byte
 * over it refused with RADLOC_ERR_LIMIT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests.h"
#include "yamltree.h"

/* A temporary file holding text; its path to path (PATH_SIZE bytes). */
#define PATH_SIZE 32
static void temporary_file(char *path, const char *text)
{
	snprintf(path, PATH_SIZE, "/tmp/radloc-slurp-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	size_t n = strlen(text);
	ck_assert_int_eq(write(fd, text, n), (ssize_t)n);
	close(fd);
}

static void start(rl_diagctx *d, message_sink *sink)
{
	memset(sink, 0, sizeof *sink);
	rl_diag_init(d, collect_message, sink, "t.yaml");
}

START_TEST(slurp_up_to_the_limit)
{
	char path[PATH_SIZE];
	rl_diagctx d;
	message_sink sink;
	char *data = NULL;
	size_t size = 0;
	temporary_file(path, "a: 1\n");

	start(&d, &sink);
	ck_assert_int_eq(yt_slurp(path, 5, "exam", &d, &data, &size), RADLOC_OK);
	ck_assert_uint_eq(size, 5);
	ck_assert_str_eq(data, "a: 1\n");
	free(data);

	ck_assert_int_eq(yt_slurp(path, 4, "exam", &d, &data, &size), RADLOC_ERR_LIMIT);
	ck_assert_ptr_null(data);
	ck_assert_uint_eq(size, 0);
	ck_assert_str_eq(sink.text, "1:1: exam is more than the limit of 4 bytes\n");
	remove(path);

	start(&d, &sink);
	ck_assert_int_eq(yt_slurp(path, 5, "case", &d, &data, &size), RADLOC_ERR_IO);
	ck_assert_ptr_null(data);
	ck_assert_str_eq(sink.text, "0:0: cannot open: No such file or directory\n");
}
END_TEST

START_TEST(read_file_checks_size_then_parses)
{
	char path[PATH_SIZE];
	rl_diagctx d;
	message_sink sink;
	yt_doc *doc = NULL;
	temporary_file(path, "a: 1\n");

	start(&d, &sink);
	ck_assert_int_eq(yt_read_file(path, 5, &d, &doc, NULL, NULL, NULL), RADLOC_OK);
	ck_assert_str_eq(yt_get(yt_root(doc), "a")->text, "1");
	yt_free(&doc);

	ck_assert_int_eq(yt_read_file(path, 4, &d, &doc, NULL, NULL, NULL), RADLOC_ERR_LIMIT);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(sink.text, "1:1: file is 5 bytes, more than the limit of 4\n");
	remove(path);

	start(&d, &sink);
	ck_assert_int_eq(yt_read_file(path, 5, &d, &doc, NULL, NULL, NULL), RADLOC_ERR_IO);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(sink.text, "0:0: cannot open: No such file or directory\n");
}
END_TEST

/* A directory is named as one, and a file the kernel says is empty is
 * read to its end: /proc files report size 0 and have content. */
START_TEST(directory_and_proc_file)
{
	rl_diagctx d;
	message_sink sink;
	char *data = NULL;
	size_t size = 0;
	yt_doc *doc = NULL;

	start(&d, &sink);
	ck_assert_int_eq(yt_slurp("/tmp", 100, "exam", &d, &data, &size), RADLOC_ERR_IO);
	ck_assert_str_eq(sink.text, "0:0: cannot read: Is a directory\n");
	start(&d, &sink);
	ck_assert_int_eq(yt_read_file("/tmp", 100, &d, &doc, NULL, NULL, NULL), RADLOC_ERR_IO);
	ck_assert_str_eq(sink.text, "0:0: cannot read: Is a directory\n");

	start(&d, &sink);
	ck_assert_int_eq(yt_slurp("/proc/self/status", 1 << 20, "exam", &d, &data, &size),
	                 RADLOC_OK);
	ck_assert_uint_gt(size, 0);
	ck_assert_ptr_nonnull(strstr(data, "Name:"));
	free(data);
	/* Its size is not known beforehand: the limit is found by reading. */
	start(&d, &sink);
	ck_assert_int_eq(yt_read_file("/proc/self/status", 8, &d, &doc, NULL, NULL, NULL), RADLOC_ERR_LIMIT);
	ck_assert_str_eq(sink.text, "1:1: file is more than the limit of 8 bytes\n");
}
END_TEST

/* A FIFO with no writer is opened without blocking and ends at once: an
 * empty document, not a hang (the suite's timeout would catch one). */
START_TEST(fifo_without_writer)
{
	char dir[] = "/tmp/radloc-fifo-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/f.yaml", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	rl_diagctx d;
	message_sink sink;
	yt_doc *doc = NULL;
	size_t bytes = 1;
	start(&d, &sink);
	ck_assert_int_ne(yt_read_file(path, 100, &d, &doc, &bytes, NULL, NULL), RADLOC_OK);
	ck_assert_ptr_null(doc);
	ck_assert_uint_eq(bytes, 0);
	ck_assert_ptr_nonnull(strstr(sink.text, "empty document"));
	unlink(path);
	rmdir(dir);
}
END_TEST

Suite *suite_slurp(void)
{
	return make_suite("slurp", 0,
	                  TESTS(slurp_up_to_the_limit, read_file_checks_size_then_parses,
	                        directory_and_proc_file, fifo_without_writer));
}
