/* Calibration, measured (issue #12, docs/validation.md): synthetic exams
 * with known truth, scored through the public API, and how often the
 * leader is right at each probability it is printed with. The same in
 * worlds unlike the model (bench_gen_options), since real patients are. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

#define BINS 10         /* deciles of the leader's probability */
#define SURE 0.99       /* an answer printed as (nearly) certain */
#define CALIB_SEED 21   /* one seed for every world: paired draws */

/* A wrong answer given at p >= SURE: what was true, what was said. */
typedef struct wrong_pair {
	char truth[48], leader[48];
	size_t count;
} wrong_pair;

/* Answers in one group: how many, the sum of the leader's p, how many
 * were right. */
typedef struct cell {
	size_t n;
	double predicted, right;
} cell;

typedef struct calibration {
	unsigned long exams;
	size_t scored, top1, top3;
	cell bin[BINS];                              /* by decile of the leader's p */
	cell pattern[RADLOC_PATTERN_COUNT];          /* by its pattern: where the gap is */
	double brier_leader, brier_all;              /* sums over exams */
	size_t sure, sure_wrong;
	double sure_expected;                        /* sum of 1 - p over them */
	wrong_pair *wrong;                           /* sure_wrong of them */
	double seconds;
} calibration;

typedef struct world {
	const char *name;
	bench_gen_options opt;
} world;

static const world worlds[] = {
	{"well-specified", {0.0, 0.0, 1.0, 0}},
	{"weights +-30 % per person", {0.3, 0.0, 1.0, 0}},
	{"10 % of findings flipped", {0.0, 0.10, 1.0, 0}},
	{"sensitivities halved", {0.0, 0.0, 0.5, 0}},
	{"10 % gross errors", {0.0, 0.10, 1.0, 1}}, /* a stress: reported, no target */
};
#define WORLDS (sizeof worlds / sizeof worlds[0])
#define FLIPPED 2 /* the world the issue sets the p >= 0.99 target in */

static double seconds_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Score one exam and add it to c. */
static void tally(calibration *c, const radloc_result *res, const char *truth)
{
	size_t n = radloc_result_count(res);
	radloc_hypothesis lead, h;
	if (n == 0 || radloc_result_hypothesis(res, 0, &lead) != RADLOC_OK)
		return;
	int right = strcmp(lead.label, truth) == 0, found = 0;
	double brier = 0.0;
	for (size_t k = 0; k < n; k++) {
		radloc_result_hypothesis(res, k, &h);
		int is = strcmp(h.label, truth) == 0;
		found |= is;
		if (is && k < 3)
			c->top3++;
		brier += (h.probability - is) * (h.probability - is);
	}
	/* Hypotheses not reported are one class, `other`. */
	double other = radloc_result_other(res);
	brier += found ? other * other : (other - 1.0) * (other - 1.0);
	c->brier_all += brier;

	double p = lead.probability;
	c->scored++;
	c->top1 += (size_t)right;
	c->brier_leader += (p - right) * (p - right);
	int bin = (int)(p * BINS);
	bin = bin < 0 ? 0 : bin >= BINS ? BINS - 1 : bin;
	cell *in[] = {&c->bin[bin], &c->pattern[lead.pattern]};
	for (size_t i = 0; i < 2; i++) {
		in[i]->n++;
		in[i]->predicted += p;
		in[i]->right += right;
	}
	if (p >= SURE) {
		c->sure++;
		c->sure_expected += 1.0 - p;
		if (!right) {
			wrong_pair *w = &c->wrong[c->sure_wrong++];
			snprintf(w->truth, sizeof w->truth, "%s", truth);
			snprintf(w->leader, sizeof w->leader, "%s", lead.label);
			w->count = 1;
		}
	}
}

/* Generate n exams in world w and score every one. */
static int measure(const radloc_rules *rules, const world *w, unsigned long n,
                   calibration *c)
{
	char *text = NULL;
	size_t size = 0;
	char (*truth)[48] = calloc(n, sizeof *truth);
	FILE *mem = open_memstream(&text, &size);
	radloc_scorer *sc = radloc_scorer_new(rules);
	double t0 = seconds_now();

	memset(c, 0, sizeof *c);
	c->exams = n;
	c->wrong = calloc(n ? n : 1, sizeof *c->wrong);
	if (!truth || !mem || !sc || !c->wrong ||
	    bench_generate_with(rules, &w->opt, n, CALIB_SEED, 5, 40, mem, truth) != 0 ||
	    fclose(mem) != 0 || radloc_scorer_set_draws(sc, 0) != RADLOC_OK ||
	    radloc_scorer_set_top(sc, 0) != RADLOC_OK) {
		free(truth);
		free(text);
		radloc_scorer_free(&sc);
		return -1;
	}
	char *line = text, *end = text + size;
	for (unsigned long i = 0; i < n && line < end; i++) {
		char *eol = memchr(line, '\n', (size_t)(end - line));
		size_t len = eol ? (size_t)(eol - line) : (size_t)(end - line);
		radloc_exam *e = NULL;
		radloc_result *res = NULL;
		if (radloc_exam_parse(rules, line, len, "calibration", i + 1, NULL, NULL, &e) ==
		        RADLOC_OK &&
		    radloc_score(sc, e, &res) == RADLOC_OK)
			tally(c, res, truth[i]);
		radloc_result_free(&res);
		radloc_exam_free(&e);
		line += len + 1;
	}
	c->seconds = seconds_now() - t0;
	radloc_scorer_free(&sc);
	free(truth);
	free(text);
	return 0;
}

static double ece(const calibration *c)
{
	double sum = 0.0;
	for (int b = 0; b < BINS; b++)
		sum += fabs(c->bin[b].right - c->bin[b].predicted);
	return c->scored ? sum / (double)c->scored : NAN;
}

static double share(size_t part, size_t whole)
{
	return whole ? (double)part / (double)whole : NAN;
}

static int by_pair(const void *a, const void *b)
{
	const wrong_pair *x = a, *y = b;
	int d = strcmp(x->truth, y->truth);
	return d ? d : strcmp(x->leader, y->leader);
}

static int by_count(const void *a, const void *b)
{
	const wrong_pair *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return by_pair(a, b);
}

/* The commonest (truth, leader) pairs among the sure wrong answers. */
static void print_wrong_pairs(calibration *c, const char *name, FILE *out)
{
	size_t n = 0;
	qsort(c->wrong, c->sure_wrong, sizeof *c->wrong, by_pair);
	for (size_t i = 0; i < c->sure_wrong; i++) {
		if (n && by_pair(&c->wrong[n - 1], &c->wrong[i]) == 0)
			c->wrong[n - 1].count++;
		else
			c->wrong[n++] = c->wrong[i];
	}
	qsort(c->wrong, n, sizeof *c->wrong, by_count);
	fprintf(out, "\nWrong answers at p >= %.2f, %s: the commonest truth -> leader pairs "
	             "(%zu of %zu such answers)\n\n", SURE, name, c->sure_wrong, c->sure);
	fprintf(out, "| %-28s | %-28s | %5s |\n", "truth", "leader", "count");
	fprintf(out, "|------------------------------|------------------------------|-------|\n");
	for (size_t i = 0; i < n && i < 10; i++)
		fprintf(out, "| %-28s | %-28s | %5zu |\n", c->wrong[i].truth, c->wrong[i].leader,
		        c->wrong[i].count);
}

/* A table of (exams, mean p, share right) cells, one column per world. */
static void table_head(FILE *out, const char *what)
{
	fprintf(out, "| %-18s |", what);
	for (size_t w = 0; w < WORLDS; w++)
		fprintf(out, " %-26s |", worlds[w].name);
	fprintf(out, "\n| %-18s |", "");
	for (size_t w = 0; w < WORLDS; w++)
		fprintf(out, " %8s %8s %8s |", "n", "p", "right");
	fprintf(out, "\n|--------------------|");
	for (size_t w = 0; w < WORLDS; w++)
		fprintf(out, "----------------------------|");
	fputc('\n', out);
}

/* One row: a cell of each world. */
static void table_row(FILE *out, const char *name, const cell row[WORLDS])
{
	fprintf(out, "| %-18s |", name);
	for (size_t w = 0; w < WORLDS; w++) {
		if (row[w].n)
			fprintf(out, " %8zu %8.3f %8.3f |", row[w].n,
			        row[w].predicted / (double)row[w].n, row[w].right / (double)row[w].n);
		else
			fprintf(out, " %8d %8s %8s |", 0, "-", "-");
	}
	fputc('\n', out);
}

static void target_row(FILE *out, const char *what, const char *value, const char *target,
                       int ok)
{
	fprintf(out, "| %-52s | %-22s | %-14s | %-5s |\n", what, value, target,
	        ok ? "ok" : "MISS");
}

int bench_calibration(const radloc_rules *rules, unsigned long n, FILE *out)
{
	calibration c[WORLDS];
	char value[64];
	for (size_t w = 0; w < WORLDS; w++)
		if (measure(rules, &worlds[w], n, &c[w]) != 0) {
			fprintf(stderr, "bench: calibration: out of memory\n");
			return -1;
		}

	fprintf(out, "\nCalibration: %lu synthetic exams per world (seed %d, 5-40 findings), "
	             "scored with --draws 0 --top 0;\nthe leader is the top-ranked hypothesis, "
	             "right when it is the one the exam was drawn from.\n\n", n, CALIB_SEED);
	fprintf(out, "| %-26s | %6s | %6s | %6s | %12s | %10s | %-28s | %5s |\n", "world", "top-1",
	        "top-3", "ECE", "Brier leader", "Brier all", "p >= 0.99: wrong (if calib.)",
	        "time");
	fprintf(out, "|----------------------------|--------|--------|--------|--------------|"
	             "------------|------------------------------|-------|\n");
	for (size_t w = 0; w < WORLDS; w++) {
		snprintf(value, sizeof value, "%zu of %zu (%.1f)", c[w].sure_wrong, c[w].sure,
		         c[w].sure_expected);
		fprintf(out, "| %-26s | %5.1f%% | %5.1f%% | %6.4f | %12.4f | %10.4f | %-28s | %4.1fs |\n",
		        worlds[w].name, 100.0 * share(c[w].top1, c[w].scored),
		        100.0 * share(c[w].top3, c[w].scored), ece(&c[w]),
		        c[w].brier_leader / (double)c[w].scored, c[w].brier_all / (double)c[w].scored,
		        value, c[w].seconds);
		if (c[w].scored != c[w].exams)
			fprintf(out, "|   (only %zu of %lu exams scored)\n", c[w].scored, c[w].exams);
	}

	fprintf(out, "\nReliability of the leader's probability: exams in each decile, the mean "
	             "probability printed, how often the leader was right\n\n");
	table_head(out, "leader p");
	cell row[WORLDS];
	for (int b = 0; b < BINS; b++) {
		char name[32];
		snprintf(name, sizeof name, "%3.1f-%3.1f", b / 10.0, (b + 1) / 10.0);
		for (size_t w = 0; w < WORLDS; w++)
			row[w] = c[w].bin[b];
		table_row(out, name, row);
	}
	fprintf(out, "\nThe same by the leader's pattern\n\n");
	table_head(out, "leader");
	for (int k = 0; k < RADLOC_PATTERN_COUNT; k++) {
		for (size_t w = 0; w < WORLDS; w++)
			row[w] = c[w].pattern[k];
		table_row(out, radloc_pattern_name((radloc_pattern)k), row);
	}

	fprintf(out, "\nTargets (issue #12)\n\n| %-52s | %-22s | %-14s | %-5s |\n", "measure",
	        "value", "target", "");
	fprintf(out, "|------------------------------------------------------|"
	             "------------------------|----------------|-------|\n");
	snprintf(value, sizeof value, "%.4f", ece(&c[0]));
	target_row(out, "ECE, well-specified", value, "<= 0.03", ece(&c[0]) <= 0.03);
	snprintf(value, sizeof value, "%.4f", ece(&c[FLIPPED]));
	target_row(out, "ECE, 10 % of findings flipped", value, "<= 0.05",
	           ece(&c[FLIPPED]) <= 0.05);
	double per_1000 = 1000.0 * share(c[FLIPPED].sure_wrong, c[FLIPPED].sure);
	if (c[FLIPPED].sure == 0)
		per_1000 = 0.0;
	snprintf(value, sizeof value, "%.1f in 1000 (%zu/%zu)", per_1000, c[FLIPPED].sure_wrong,
	         c[FLIPPED].sure);
	target_row(out, "wrong among leaders at p >= 0.99, 10 % flipped", value, "<= 1 in 1000",
	           per_1000 <= 1.0);

	print_wrong_pairs(&c[FLIPPED], worlds[FLIPPED].name, out);
	for (size_t w = 0; w < WORLDS; w++)
		free(c[w].wrong);
	return 0;
}
