/* Allocation failure: fail the Nth allocation, for every N along the load,
 * parse, score and JSON paths, and require RADLOC_ERR_NOMEM (never another
 * error, a crash or a wrong answer) until N is past the last allocation,
 * where the call must succeed with the normal answer.
 *
 * The hook replaces malloc, calloc and realloc in the test program; glibc
 * routes its own and libyaml's, GSL's and jansson's allocations through
 * them. Under AddressSanitizer (which owns malloc) the suite is left out. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#if defined(__SANITIZE_ADDRESS__)
#define NOMEM_HOOK 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NOMEM_HOOK 0
#endif
#endif
#ifndef NOMEM_HOOK
#define NOMEM_HOOK 1
#endif

#if NOMEM_HOOK
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static long countdown = -1;   /* -1: off; else allocations left before failing */
static long failures;

static int fail_now(void)
{
	if (countdown < 0)
		return 0;
	if (countdown == 0) {
		failures++;
		errno = ENOMEM;
		return 1;
	}
	countdown--;
	return 0;
}

void *malloc(size_t n);
void *calloc(size_t n, size_t m);
void *realloc(void *p, size_t n);

void *malloc(size_t n)
{
	return fail_now() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t m)
{
	return fail_now() ? NULL : __libc_calloc(n, m);
}

void *realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __libc_realloc(p, n);
}

static void arm(long n)
{
	failures = 0;
	countdown = n;
}

static void disarm(void)
{
	countdown = -1;
}

/* Load the tiny rules, parse an exam, score it with draws, write JSON.
 * Returns the first non-OK status, or OK; *answer gets the leader. */
static radloc_status whole_path(char *answer, size_t size)
{
	static const char exam_text[] =
		"id: nomem\n"
		"sensory:\n  - {region: r1, side: left, status: reduced}\n"
		"  - {region: mid, status: normal}\n"
		"motor:\n  - {movement: m1, side: bilateral, grade: 4}\n"
		"reflex:\n  - {reflex: x1, side: left, grade: 3}\n"
		"signs:\n  - {sign: g, side: left, result: positive}\n"
		"pain:\n  - {region: r2, side: left}\n";
	radloc_rules *rules = NULL;
	radloc_exam *exam = NULL;
	radloc_scorer *sc = NULL;
	radloc_result *res = NULL;
	char *json = NULL;
	radloc_status s = radloc_rules_load(src_path("fixtures/rules/tiny"), NULL, NULL, &rules);
	if (s == RADLOC_OK)
		s = radloc_exam_parse(rules, exam_text, sizeof exam_text - 1, "nomem.yaml", 1,
		                      NULL, NULL, &exam);
	if (s == RADLOC_OK) {
		sc = radloc_scorer_new(rules);
		s = sc ? RADLOC_OK : RADLOC_ERR_NOMEM;
	}
	if (s == RADLOC_OK) {
		radloc_scorer_set_draws(sc, 20);
		s = radloc_score(sc, exam, &res);
	}
	if (s == RADLOC_OK)
		s = radloc_result_json(res, 0, &json);
	if (s == RADLOC_OK) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, 0, &h);
		snprintf(answer, size, "%s %.6f", h.label, h.probability);
	}
	free(json);
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_exam_free(&exam);
	radloc_rules_free(&rules);
	return s;
}

START_TEST(every_allocation_can_fail)
{
	char expected[128] = "", got[128];
	/* Under valgrind, which replaces malloc itself, the hook is never
	 * called: the test can only say so. */
	void *(*volatile call)(size_t) = malloc; /* not a builtin: a real call */
	arm(0);
	void *probe = call(16);
	disarm();
	if (probe != NULL) {
		free(probe);
		fprintf(stderr, "nomem: the malloc hook is not active here (valgrind?); "
		        "run the plain build for this test\n");
		return;
	}
	disarm();
	ck_assert_int_eq(whole_path(expected, sizeof expected), RADLOC_OK);
	long n;
	for (n = 0;; n++) {
		got[0] = '\0';
		arm(n);
		radloc_status s = whole_path(got, sizeof got);
		long failed = failures;
		disarm();
		if (failed == 0) {
			/* Past the last allocation: the normal answer. */
			ck_assert_int_eq(s, RADLOC_OK);
			ck_assert_str_eq(got, expected);
			break;
		}
		ck_assert_msg(s == RADLOC_ERR_NOMEM,
		              "allocation %ld failed but the status was %d (%s)", n, s,
		              radloc_strerror(s));
	}
	fprintf(stderr, "nomem: %ld allocation points failed in turn, each gave RADLOC_ERR_NOMEM\n", n);
	ck_assert_int_gt(n, 50);
}
END_TEST
#endif

Suite *suite_nomem(void)
{
	Suite *s = suite_create("nomem");
#if NOMEM_HOOK
	TCase *tc = tcase_create("every N");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, every_allocation_can_fail);
	suite_add_tcase(s, tc);
#endif
	return s;
}
