/* The threads a scorer keeps, waiting between exams: started with the
 * scorer's setting (radloc_scorer_set_threads), not per exam, because a
 * thread started while the caller works waits 1.5 to 2.5 ms before it
 * runs on the project's virtual machine (its idle virtual core must be
 * scheduled again), as long as half of an exam's 1000 draws. Watching
 * for work instead of sleeping (OpenMP's active wait) was measured and
 * not kept: there the two virtual cores then slowed each other, 28 ms
 * per whole-process score against 22 (docs/performance-log.md). */
#include <pthread.h>
#include <stdlib.h>

#include "threads.h"

typedef struct worker {
	rl_threads *pool;
	size_t index;
	pthread_t thread;
} worker;

struct rl_threads {
	pthread_mutex_t lock;
	pthread_cond_t work, done;
	size_t count;               /* threads running */
	/* Under lock: */
	unsigned long round;        /* one per rl_threads_start */
	size_t pending;             /* threads not yet through this round */
	int stop;
	rl_thread_fn *fn;
	void *ctx;
	worker *workers;
};

static void *work_loop(void *arg)
{
	worker *me = arg;
	rl_threads *t = me->pool;
	unsigned long seen = 0;
	pthread_mutex_lock(&t->lock);
	for (;;) {
		while (!t->stop && t->round == seen)
			pthread_cond_wait(&t->work, &t->lock);
		if (t->stop)
			break;
		seen = t->round;
		rl_thread_fn *fn = t->fn;
		void *ctx = t->ctx;
		pthread_mutex_unlock(&t->lock);
		fn(ctx, me->index);
		pthread_mutex_lock(&t->lock);
		if (--t->pending == 0)
			pthread_cond_signal(&t->done);
	}
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

rl_threads *rl_threads_new(size_t workers)
{
	rl_threads *t = calloc(1, sizeof *t);
	if (t == NULL)
		return NULL;
	t->workers = calloc(workers + 1, sizeof *t->workers);
	if (t->workers == NULL || pthread_mutex_init(&t->lock, NULL) != 0) {
		free(t->workers);
		free(t);
		return NULL;
	}
	pthread_cond_init(&t->work, NULL);
	pthread_cond_init(&t->done, NULL);
	for (size_t i = 0; i < workers; i++) {
		worker *w = &t->workers[t->count];
		w->pool = t;
		w->index = t->count;
		if (pthread_create(&w->thread, NULL, work_loop, w) != 0)
			break;
		t->count++;
	}
	return t;
}

void rl_threads_wait(rl_threads *t)
{
	if (t == NULL)
		return;
	pthread_mutex_lock(&t->lock);
	while (t->pending > 0)
		pthread_cond_wait(&t->done, &t->lock);
	pthread_mutex_unlock(&t->lock);
}

void rl_threads_free(rl_threads **pt)
{
	rl_threads *t = pt ? *pt : NULL;
	if (t == NULL)
		return;
	rl_threads_wait(t);
	pthread_mutex_lock(&t->lock);
	t->stop = 1;
	pthread_cond_broadcast(&t->work);
	pthread_mutex_unlock(&t->lock);
	for (size_t i = 0; i < t->count; i++)
		pthread_join(t->workers[i].thread, NULL);
	pthread_cond_destroy(&t->work);
	pthread_cond_destroy(&t->done);
	pthread_mutex_destroy(&t->lock);
	free(t->workers);
	free(t);
	*pt = NULL;
}

size_t rl_threads_count(const rl_threads *t)
{
	return t ? t->count : 0;
}

void rl_threads_start(rl_threads *t, rl_thread_fn *fn, void *ctx)
{
	pthread_mutex_lock(&t->lock);
	t->fn = fn;
	t->ctx = ctx;
	t->round++;
	t->pending = t->count;
	pthread_cond_broadcast(&t->work);
	pthread_mutex_unlock(&t->lock);
}
