/* threads.c: the threads a scorer keeps run each round's work once per
 * thread, the caller going on meanwhile, and stop cleanly. */
#include <stdatomic.h>

#include "threads.h"
#include "tests.h"

typedef struct tally {
	atomic_uint runs;
	atomic_uint seen[8];        /* per worker: rounds it ran */
} tally;

static void count_run(void *ctx, size_t worker)
{
	tally *t = ctx;
	atomic_fetch_add(&t->runs, 1);
	atomic_fetch_add(&t->seen[worker], 1);
}

START_TEST(each_round_runs_once_on_every_thread)
{
	rl_threads *t = rl_threads_new(5);
	tally n = {0};
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(rl_threads_count(t), 5);
	for (int round = 0; round < 200; round++) {
		rl_threads_start(t, count_run, &n);
		rl_threads_wait(t);
		/* After the wait, every thread's run of this round is done. */
		ck_assert_uint_eq(atomic_load(&n.runs), 5u * (unsigned)(round + 1));
	}
	for (size_t w = 0; w < 5; w++)
		ck_assert_uint_eq(atomic_load(&n.seen[w]), 200);
	rl_threads_free(&t);
	ck_assert_ptr_null(t);
}
END_TEST

/* Freed with a round under way: the round finishes first. */
START_TEST(free_waits_for_the_round)
{
	rl_threads *t = rl_threads_new(3);
	tally n = {0};
	rl_threads_start(t, count_run, &n);
	rl_threads_free(&t);
	ck_assert_uint_eq(atomic_load(&n.runs), 3);
}
END_TEST

START_TEST(no_threads_and_null_are_fine)
{
	rl_threads *t = rl_threads_new(0);
	tally n = {0};
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(rl_threads_count(t), 0);
	rl_threads_start(t, count_run, &n);
	rl_threads_wait(t);
	ck_assert_uint_eq(atomic_load(&n.runs), 0);
	rl_threads_free(&t);
	ck_assert_uint_eq(rl_threads_count(NULL), 0);
	rl_threads_wait(NULL);
	rl_threads_free(NULL);
	rl_threads_free(&t);
}
END_TEST

Suite *suite_threads(void)
{
	return make_suite("threads", 30,
	                  TESTS(each_round_runs_once_on_every_thread, free_waits_for_the_round,
	                        no_threads_and_null_are_fine));
}
