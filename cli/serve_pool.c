/* The pool of scorers of `radloc serve` (see serve.h).
 *
 * A queue of waiters: a scorer given back goes straight to the one that
 * has waited longest (woken alone, not with every other waiter), so a
 * batch that gives its scorer back and asks again goes behind whoever was
 * already waiting. */
#include "serve.h"

#include <pthread.h>
#include <stdlib.h>

/* One caller waiting, on its own stack. */
typedef struct waiter {
	pthread_cond_t woken;
	radloc_scorer *given;   /* set by serve_pool_give */
	struct waiter *next;
} waiter;

struct serve_pool {
	pthread_mutex_t lock;
	radloc_scorer **idle;   /* the free scorers, a stack */
	size_t idle_count;
	waiter *first, *last;   /* waiting, in the order they came */
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
	pthread_mutex_destroy(&p->lock);
	free(p->idle);
	free(p);
	*pool = NULL;
}

radloc_scorer *serve_pool_take(serve_pool *p, const serve_settings *s)
{
	radloc_scorer *sc;
	pthread_mutex_lock(&p->lock);
	if (p->first == NULL && p->idle_count > 0) {
		sc = p->idle[--p->idle_count];
	} else {
		waiter w = {.given = NULL, .next = NULL};
		pthread_cond_init(&w.woken, NULL);
		if (p->last)
			p->last->next = &w;
		else
			p->first = &w;
		p->last = &w;
		while (w.given == NULL)
			pthread_cond_wait(&w.woken, &p->lock);
		sc = w.given;
		pthread_cond_destroy(&w.woken);
	}
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
	waiter *w = p->first;
	if (w) {
		p->first = w->next;
		if (p->first == NULL)
			p->last = NULL;
		w->given = sc;
		pthread_cond_signal(&w->woken);
	} else {
		p->idle[p->idle_count++] = sc;
	}
	pthread_mutex_unlock(&p->lock);
}
