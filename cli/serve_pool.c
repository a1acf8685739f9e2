/* The pool of scorers of `radloc serve` (see serve.h).
 *
 * A ticket queue: each caller takes a number and is served when its number
 * comes up and a scorer is free, so a batch that gives its scorer back and
 * asks again goes behind whoever was already waiting. */
#include "serve.h"

#include <pthread.h>
#include <stdlib.h>

struct serve_pool {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	radloc_scorer **idle;   /* the free scorers, a stack */
	size_t idle_count;
	unsigned long next_ticket, now_serving;
};

serve_pool *serve_pool_new(const radloc_rules *rules, size_t scorers)
{
	serve_pool *p = calloc(1, sizeof *p);
	if (p == NULL)
		return NULL;
	p->idle = calloc(scorers, sizeof *p->idle);
	if (p->idle == NULL || pthread_mutex_init(&p->lock, NULL) != 0) {
		free(p->idle);
		free(p);
		return NULL;
	}
	if (pthread_cond_init(&p->changed, NULL) != 0) {
		pthread_mutex_destroy(&p->lock);
		free(p->idle);
		free(p);
		return NULL;
	}
	for (; p->idle_count < scorers; p->idle_count++) {
		p->idle[p->idle_count] = radloc_scorer_new(rules);
		if (p->idle[p->idle_count] == NULL) {
			serve_pool_free(&p);
			return NULL;
		}
	}
	return p;
}

void serve_pool_free(serve_pool **pool)
{
	serve_pool *p = *pool;
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->idle_count; i++)
		radloc_scorer_free(&p->idle[i]);
	pthread_cond_destroy(&p->changed);
	pthread_mutex_destroy(&p->lock);
	free(p->idle);
	free(p);
	*pool = NULL;
}

radloc_scorer *serve_pool_take(serve_pool *p, const serve_settings *s)
{
	pthread_mutex_lock(&p->lock);
	unsigned long ticket = p->next_ticket++;
	while (ticket != p->now_serving || p->idle_count == 0)
		pthread_cond_wait(&p->changed, &p->lock);
	radloc_scorer *sc = p->idle[--p->idle_count];
	p->now_serving++;
	/* The next ticket may be waiting for a scorer that is still free. */
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	radloc_scorer_set_seed(sc, s->seed);
	radloc_scorer_set_draws(sc, s->draws);
	radloc_scorer_set_interval(sc, s->interval);
	radloc_scorer_set_top(sc, s->top);
	return sc;
}

void serve_pool_give(serve_pool *p, radloc_scorer *sc)
{
	pthread_mutex_lock(&p->lock);
	p->idle[p->idle_count++] = sc;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
}
