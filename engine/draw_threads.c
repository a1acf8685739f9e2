/* The draws of one exam shared among the scorer's threads (threads.c,
 * radloc_scorer_set_threads). A draw reads the bank, the kernels and the
 * classes, which are made before the first draw and never change, and
 * writes the findings' weights, the ratios, the classes' values and its
 * own entry of each column and of the normaliser. So each thread scores a range of draws
 * on its own copy of what a draw writes, and the samples land where one
 * thread would have put them: the answer does not depend on how many
 * threads there are (tests/test_draw_threads.c). */
#include <stdlib.h>
#include <string.h>

#include "threads.h"
#include "intervals_impl.h"

/* Fewer draws than this per thread do not pay for waking it and copying
 * its state (a draw of a broad exam takes about 4 µs; waking a thread
 * tens of µs, up to 2 ms on the project's virtual machine). */
#define MIN_DRAWS_PER_THREAD 100

typedef struct draw_job {
	interval_work w;            /* the copy this thread writes */
	const rl_scoring *s;
	const rl_bank *bank;
	const radloc_result *res;
	rl_draw_range_fn *fn;
	size_t from, to;
	int ready;                  /* a range and a copy for this round */
} draw_job;

typedef struct draw_round {
	draw_job *jobs;             /* per worker */
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

static void run_job(void *ctx, size_t worker)
{
	draw_job *j = &((draw_round *)ctx)->jobs[worker];
	if (j->ready)
		j->fn(&j->w, j->s, j->bank, j->res, j->from, j->to);
}

void rl_draws_share(interval_work *w, const rl_scoring *s, const rl_bank *bank,
                    const radloc_result *res, rl_threads *pool, rl_draw_range_fn *fn)
{
	size_t draws = w->draws, workers = rl_threads_count(pool), n = workers + 1;
	if (n > draws / MIN_DRAWS_PER_THREAD)
		n = draws / MIN_DRAWS_PER_THREAD;
	draw_round round = {n > 1 ? calloc(workers, sizeof *round.jobs) : NULL};
	if (round.jobs == NULL) {
		fn(w, s, bank, res, 0, draws);
		return;
	}
	/* This thread takes the first range on w itself, worker i the
	 * (i + 1)-th on its copy. A copy that cannot be had leaves its range
	 * to this thread, after its own. */
	for (size_t i = 0; i < workers; i++) {
		draw_job *j = &round.jobs[i];
		*j = (draw_job){.s = s, .bank = bank, .res = res, .fn = fn,
		                .from = draws * (i + 1) / n, .to = draws * (i + 2) / n};
		j->ready = i + 1 < n && copy_work(&j->w, w, s);
	}
	rl_threads_start(pool, run_job, &round);
	fn(w, s, bank, res, 0, draws / n);
	rl_threads_wait(pool);
	for (size_t i = 0; i + 1 < n; i++) {
		draw_job *j = &round.jobs[i];
		if (j->ready)
			free_copy(&j->w);
		else
			fn(w, s, bank, res, j->from, j->to);
	}
	free(round.jobs);
}
