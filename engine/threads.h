/* Internal: the threads a scorer keeps (radloc_scorer_set_threads), which
 * wait between exams for work: the bank's rows for the exam while the
 * point estimate is made (score.c), then chunks of its draws
 * (draw_threads.c). */
#ifndef RADLOC_THREADS_H
#define RADLOC_THREADS_H

#include <stddef.h>

typedef struct rl_threads rl_threads;

/* What each thread does in a round: worker is 0 .. count - 1. */
typedef void rl_thread_fn(void *ctx, size_t worker);

/* Start `workers` threads (fewer if the system will not give them all);
 * NULL if out of memory. */
rl_threads *rl_threads_new(size_t workers);
/* Stop and join them (after waiting for a round under way); NULL-safe. */
void rl_threads_free(rl_threads **t);
/* How many run (0 for NULL). */
size_t rl_threads_count(const rl_threads *t);
/* Every thread runs fn(ctx, worker) once, while the caller goes on;
 * rl_threads_wait returns when all have. One round at a time. */
void rl_threads_start(rl_threads *t, rl_thread_fn *fn, void *ctx);
void rl_threads_wait(rl_threads *t);

#endif
