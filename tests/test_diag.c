/* diag.c: problems passed to the caller with their 1-based position,
 * capped, and quoted text made safe to print. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "radloc_limits.h"
#include "tests.h"

typedef struct seen {
	unsigned count;
	radloc_diag last;
	char file[64], message[RADLOC_MAX_MESSAGE_BYTES];
} seen;

static void record(const radloc_diag *d, void *user)
{
	seen *s = user;
	s->count++;
	s->last = *d;
	/* The diag's strings live only during the call: keep copies. */
	snprintf(s->file, sizeof s->file, "%s", d->file);
	snprintf(s->message, sizeof s->message, "%s", d->message);
}

START_TEST(exam_problem_at_its_1_based_line_and_column)
{
	/* The misspelt region is on line 3; its value starts in column 14. */
	static const char exam[] =
	    "id: x\n"
	    "sensory:\n"
	    "  - {region: dorsum_fot, side: left, status: reduced}\n";
	seen s = {0};
	radloc_exam *e = NULL;
	ck_assert_int_eq(radloc_exam_parse(shipped_rules(), exam, strlen(exam), "bed.yaml", 1,
	                                   record, &s, &e), RADLOC_ERR_REFERENCE);
	ck_assert_ptr_null(e);
	ck_assert_uint_eq(s.count, 1);
	ck_assert_str_eq(s.file, "bed.yaml");
	ck_assert_uint_eq(s.last.line, 3);
	ck_assert_uint_eq(s.last.column, 14);
	ck_assert_int_eq(s.last.status, RADLOC_ERR_REFERENCE);
	ck_assert_ptr_nonnull(strstr(s.message, "dorsum_foot"));
	/* One exam of a stream: its first line is line 40 of the stream. */
	memset(&s, 0, sizeof s);
	radloc_exam_parse(shipped_rules(), exam, strlen(exam), "stream", 40, record, &s, &e);
	ck_assert_uint_eq(s.last.line, 42);
	ck_assert_uint_eq(s.last.column, 14);
}
END_TEST

START_TEST(report_keeps_the_first_status_and_offsets_lines)
{
	rl_diagctx d;
	seen s = {0};
	rl_diag_init(&d, record, &s, NULL);
	ck_assert_str_eq(d.file, "<input>");
	d.line_offset = 10;
	ck_assert_int_eq(rl_report(&d, RADLOC_ERR_VALUE, 2, 5, "grade %d", 7), RADLOC_ERR_VALUE);
	ck_assert_str_eq(s.message, "grade 7");
	ck_assert_uint_eq(s.last.line, 12);
	ck_assert_uint_eq(s.last.column, 5);
	/* No position stays no position. */
	rl_report(&d, RADLOC_ERR_IO, 0, 0, "cannot read");
	ck_assert_uint_eq(s.last.line, 0);
	ck_assert_int_eq(d.first, RADLOC_ERR_VALUE);
	ck_assert_uint_eq(d.count, 2);
	/* Without a callback the status is still counted. */
	rl_diag_init(&d, NULL, NULL, "f");
	rl_report(&d, RADLOC_ERR_SCHEMA, 1, 1, "x");
	ck_assert_int_eq(d.first, RADLOC_ERR_SCHEMA);
	ck_assert_uint_eq(d.count, 1);
}
END_TEST

START_TEST(too_many_problems_are_cut_once)
{
	rl_diagctx d;
	seen s = {0};
	rl_diag_init(&d, record, &s, "big");
	for (unsigned i = 0; i < RADLOC_MAX_DIAGNOSTICS + 50; i++)
		rl_report(&d, RADLOC_ERR_VALUE, i + 1, 1, "problem %u", i);
	/* The cap, then one line saying the list stops. */
	ck_assert_uint_eq(s.count, RADLOC_MAX_DIAGNOSTICS + 1);
	ck_assert_ptr_nonnull(strstr(s.message, "too many problems"));
	ck_assert_uint_eq(d.count, RADLOC_MAX_DIAGNOSTICS + 50);
}
END_TEST

START_TEST(printable_escapes_and_cuts)
{
	char buf[RL_PRINTABLE_SIZE];
	ck_assert_str_eq(rl_printable(buf, sizeof buf, "L5\tleft\x01"), "L5\\x09left\\x01");
	/* Valid UTF-8 is kept, a stray byte is escaped. */
	ck_assert_str_eq(rl_printable(buf, sizeof buf, "Gr\xc3\xb6\xdf" "e"), "Gr\xc3\xb6\\xDFe");
	char longer[80];
	memset(longer, 'a', 60);
	longer[60] = '\0';
	rl_printable(buf, sizeof buf, longer);
	ck_assert_uint_eq(strlen(buf), 48 + 3);
	ck_assert_str_eq(buf + 48, "...");
	ck_assert_str_eq(rl_printable(buf, sizeof buf, NULL), "");
	ck_assert_int_eq(rl_io_status(ENOMEM), RADLOC_ERR_NOMEM);
	ck_assert_int_eq(rl_io_status(ENOENT), RADLOC_ERR_IO);
}
END_TEST

Suite *suite_diag(void)
{
	return make_suite("diag", 0,
	                  TESTS(exam_problem_at_its_1_based_line_and_column,
	                        report_keeps_the_first_status_and_offsets_lines,
	                        too_many_problems_are_cut_once,
	                        printable_escapes_and_cuts));
}
