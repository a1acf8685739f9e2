/* The draws of one exam shared among the scorer's threads (threads.c,
 * radloc_scorer_set_threads). A draw reads the bank, the kernels and the
 * classes, which are made before the first draw and never change, and
 * writes the findings' weights, the ratios, the classes' values and its
 * own entry of each column and of the normaliser. So each thread scores
 * chunks of draws on its own copy of what a draw writes, and the samples
 * land where one thread would have put them: the answer does not depend
 * on how many threads there are, nor on which drew what
 * (tests/test_draw_threads.c). */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "threads.h"
#include "intervals_impl.h"

/* Fewer draws than this per thread do not pay for waking it and copying
 * its state (a draw of a broad exam takes about 4 µs; waking a thread
 * tens of µs, up to 2 ms on the project's virtual machine). */
#define MIN_DRAWS_PER_THREAD 100
/* The draws are taken in chunks, each thread the next chunk as it comes
 * free, so a thread that wakes late or runs slower (its caches cold)
 * takes fewer: which thread scores a draw changes nothing in it. */
#define CHUNK 25

typedef struct draw_round {
	const rl_scoring *s;
	const rl_bank *bank;
	const radloc_result *res;
	rl_draw_range_fn *fn;
	atomic_size_t next;         /* the next chunk's first draw */
	interval_work **copy;       /* per worker: its copy, or NULL */
} draw_round;

static void *copy_of(const void *p, size_t bytes)
{
	void *q = malloc(bytes ? bytes : 1);
	if (q && bytes)
		memcpy(q, p, bytes);
	return q;
}

static void free_copy(interval_work *c)
{
	free(c->fw);
	free(c->weights);
	free(c->sign_sens);
	free(c->sens_at_severity);
	free(c->sens_of_modality);
	free(c->ratio);
	free(c->exponent);
	free(c->trait_log);
	free(c->trait_factor);
	free(c->trait_shift);
	free(c->cord_classes);
	free(c->share_classes);
}

/* c becomes w with its own copy of everything a draw writes; the rest
 * (the kernels, the bank's rows, the samples) stays w's. */
static int copy_work(interval_work *c, const interval_work *w, const rl_scoring *s)
{
	const radloc_rules *r = s->r;
	size_t nf = s->nf, nsev = r->patterns.severity_count, live = w->live_count;
	*c = *w;
	c->fw = copy_of(w->fw, nf * sizeof *w->fw);
	c->weights = copy_of(w->weights, nf * r->root_count * sizeof *w->weights);
	c->sign_sens = copy_of(w->sign_sens, nf * rl_sign_width(r) * sizeof *w->sign_sens);
	c->sens_at_severity = copy_of(w->sens_at_severity,
	                              RL_FKIND_COUNT * nsev * sizeof *w->sens_at_severity);
	c->sens_of_modality = copy_of(w->sens_of_modality, nsev * sizeof *w->sens_of_modality);
	c->ratio = copy_of(w->ratio, live * sizeof *w->ratio);
	c->exponent = copy_of(w->exponent, live * sizeof *w->exponent);
	c->trait_log = copy_of(w->trait_log, RL_TRAIT_PEOPLE * sizeof *w->trait_log);
	c->trait_factor = copy_of(w->trait_factor, live * sizeof *w->trait_factor);
	c->trait_shift = copy_of(w->trait_shift, live * sizeof *w->trait_shift);
	c->cord_classes = copy_of(w->cord_classes,
	                          w->cord_class_start[nf] * sizeof *w->cord_classes);
	c->share_classes = copy_of(w->share_classes,
	                           w->share_class_count * sizeof *w->share_classes);
	if (!c->fw || !c->weights || !c->sign_sens || !c->sens_at_severity ||
	    !c->sens_of_modality || !c->ratio || !c->exponent || !c->trait_log ||
	    !c->trait_factor || !c->trait_shift || !c->cord_classes || !c->share_classes) {
		free_copy(c);
		return 0;
	}
	/* Each finding reads and writes its weights in the copy's buffers. */
	for (size_t f = 0; f < nf; f++) {
		if (w->fw[f].w)
			c->fw[f].w = c->weights + (w->fw[f].w - w->weights);
		if (w->fw[f].ssens)
			c->fw[f].ssens = c->sign_sens + (w->fw[f].ssens - w->sign_sens);
	}
	return 1;
}

/* Chunks of draws on w until none is left. */
static void take_chunks(draw_round *d, interval_work *w)
{
	for (;;) {
		size_t from = atomic_fetch_add_explicit(&d->next, CHUNK, memory_order_relaxed);
		if (from >= w->draws)
			return;
		size_t to = from + CHUNK < w->draws ? from + CHUNK : w->draws;
		d->fn(w, d->s, d->bank, d->res, from, to);
	}
}

static void run_job(void *ctx, size_t worker)
{
	draw_round *d = ctx;
	if (d->copy[worker])
		take_chunks(d, d->copy[worker]);
}

void rl_draws_share(interval_work *w, const rl_scoring *s, const rl_bank *bank,
                    const radloc_result *res, rl_threads *pool, rl_draw_range_fn *fn)
{
	/* This thread and at most draws / MIN_DRAWS_PER_THREAD - 1 others. */
	size_t workers = rl_threads_count(pool), most = w->draws / MIN_DRAWS_PER_THREAD;
	if (workers + 1 > most)
		workers = most > 0 ? most - 1 : 0;
	draw_round d = {s, bank, res, fn, 0, NULL};
	atomic_init(&d.next, 0);
	interval_work *copies = workers ? calloc(workers, sizeof *copies) : NULL;
	d.copy = workers ? calloc(rl_threads_count(pool), sizeof *d.copy) : NULL;
	if (copies == NULL || d.copy == NULL) {
		free(copies);
		free(d.copy);
		fn(w, s, bank, res, 0, w->draws);
		return;
	}
	/* A worker whose copy cannot be had takes no chunk; the others,
	 * this thread among them on w itself, take all. */
	for (size_t i = 0; i < workers; i++)
		if (copy_work(&copies[i], w, s))
			d.copy[i] = &copies[i];
	rl_threads_start(pool, run_job, &d);
	take_chunks(&d, w);
	rl_threads_wait(pool);
	for (size_t i = 0; i < workers; i++)
		if (d.copy[i])
			free_copy(d.copy[i]);
	free(copies);
	free(d.copy);
}
