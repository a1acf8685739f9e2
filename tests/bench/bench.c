/* make bench: speed, memory and how cost grows (docs/performance.md).
 *
 *   build/radloc-bench            the whole table
 *   build/radloc-bench gen N [SEED] [MIN MAX [JITTER FLIP SCALE [GROSS]]]
 *                                 N synthetic exams as JSON Lines, from the
 *                                 model or a world unlike it (bench_gen_options)
 *   build/radloc-bench calibration [N]   only the calibration tables
 *                                        (N exams per world, default 20000)
 *
 * Environment: BENCH_MAX (largest batch for the memory column, default
 * 1000000), BENCH_QUICK=1 (small sizes, for a smoke run; calibration on
 * 2000 exams per world). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

extern char **environ;

static const char *radloc_bin = "build/radloc";
static int quick;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, compare);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

static double quantile(double *v, size_t n, double q)
{
	qsort(v, n, sizeof *v, compare);
	size_t i = (size_t)ceil(q * (double)n) - 1;
	return v[i < n ? i : n - 1];
}

/* Run argv with stdin from in (NULL: /dev/null) and stdout to out (NULL:
 * /dev/null); returns the wall time, *rss_kb the child's peak RSS. */
static double run(char *const argv[], const char *in, const char *out, long *rss_kb,
                  int *status)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	struct rusage ru;
	int st = 0;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, in ? in : "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null",
	                                 O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	double t0 = now();
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
		fprintf(stderr, "bench: cannot run %s\n", argv[0]);
		exit(1);
	}
	wait4(pid, &st, 0, &ru);
	double t = now() - t0;
	posix_spawn_file_actions_destroy(&fa);
	if (rss_kb)
		*rss_kb = ru.ru_maxrss;
	if (status)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	return t;
}

static int write_exams(const radloc_rules *rules, const char *path, unsigned long n,
                       unsigned long seed, int lo, int hi, char (*truth)[48])
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	int rc = bench_generate(rules, n, seed, lo, hi, f, truth);
	return fclose(f) || rc ? -1 : 0;
}

/* Read a JSON Lines file into lines (for in-process timing). */
static char **read_lines(const char *path, size_t *count)
{
	FILE *f = fopen(path, "r");
	char **lines = NULL, *line = NULL;
	size_t cap = 0, n = 0, lcap = 0;
	ssize_t len;
	while (f && (len = getline(&line, &lcap, f)) > 0) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			lines = realloc(lines, cap * sizeof *lines);
		}
		lines[n++] = strdup(line);
	}
	free(line);
	if (f)
		fclose(f);
	*count = n;
	return lines;
}

typedef struct latency {
	double p50, p99, mean;
} latency;

/* The hypotheses one exam is ranked over: the single lesions the rules
 * generate (the same for every exam) and, on average over the lines, the
 * pairs formed per exam among the leading singles (docs/scoring.md, "Two
 * lesions at once"). Counted from results, not from a formula, so the row
 * stays true as the rules grow. */
static void hypothesis_count(const radloc_rules *rules, char **lines, size_t n,
                             size_t *singles, double *pairs)
{
	radloc_scorer *sc = radloc_scorer_new(rules);
	radloc_scorer_set_draws(sc, 0);
	size_t s = 0, p = 0, scored = 0;
	for (size_t i = 0; i < n; i++) {
		radloc_exam *e = NULL;
		radloc_result *r = NULL;
		if (radloc_exam_parse(rules, lines[i], strlen(lines[i]), "bench", 1, NULL, NULL,
		                      &e) == RADLOC_OK &&
		    radloc_score(sc, e, &r) == RADLOC_OK) {
			size_t ones = 0, twos = 0;
			for (size_t k = 0; k < radloc_result_count(r); k++) {
				radloc_hypothesis h;
				radloc_result_hypothesis(r, k, &h);
				if (h.kind == RADLOC_HYPOTHESIS_TWO_LESIONS)
					twos++;
				else
					ones++;
			}
			s = ones > s ? ones : s;
			p += twos;
			scored++;
		}
		radloc_result_free(&r);
		radloc_exam_free(&e);
	}
	*singles = s;
	*pairs = scored ? (double)p / (double)scored : 0.0;
	radloc_scorer_free(&sc);
}

/* Parse and score every line in-process; per-exam times. */
static latency library_latency(const radloc_rules *rules, char **lines, size_t n,
                               unsigned long draws, size_t *ranked_ok,
                               char (*truth)[48], size_t *top1, size_t *top3)
{
	radloc_scorer *sc = radloc_scorer_new(rules);
	double *t = malloc(n * sizeof *t), sum = 0.0;
	radloc_scorer_set_draws(sc, draws);
	size_t ok = 0, one = 0, three = 0;
	for (size_t i = 0; i < n; i++) {
		radloc_exam *e = NULL;
		radloc_result *r = NULL;
		double t0 = now();
		if (radloc_exam_parse(rules, lines[i], strlen(lines[i]), "bench", 1, NULL,
		                      NULL, &e) == RADLOC_OK &&
		    radloc_score(sc, e, &r) == RADLOC_OK)
			ok++;
		t[i] = now() - t0;
		sum += t[i];
		if (r && truth) {
			for (size_t k = 0; k < 3 && k < radloc_result_count(r); k++) {
				radloc_hypothesis h;
				radloc_result_hypothesis(r, k, &h);
				if (strcmp(h.label, truth[i]) == 0) {
					one += k == 0;
					three++;
				}
			}
		}
		radloc_result_free(&r);
		radloc_exam_free(&e);
	}
	latency L = {quantile(t, n, 0.50), quantile(t, n, 0.99), sum / (double)n};
	if (ranked_ok)
		*ranked_ok = ok;
	if (top1)
		*top1 = one;
	if (top3)
		*top3 = three;
	free(t);
	radloc_scorer_free(&sc);
	return L;
}

static double batch_time(const char *file, const char *draws, const char *jobs, int reps,
                         long *rss)
{
	double v[9];
	char *argv[] = {(char *)radloc_bin, "batch", (char *)file, "--draws", (char *)draws,
	                "--jobs", (char *)jobs, NULL};
	for (int i = 0; i < reps; i++)
		v[i] = run(argv, NULL, NULL, rss, NULL);
	return median(v, (size_t)reps);
}

static void row(const char *what, const char *value, const char *target, const char *verdict)
{
	printf("| %-52s | %-22s | %-14s | %-5s |\n", what, value, target, verdict);
}

static const char *verdict(int ok)
{
	return ok ? "ok" : "MISS";
}

int main(int argc, char **argv)
{
	radloc_rules *rules = NULL;
	char buf[128], tgt[64];
	const char *dir = "build/bench";

	gsl_set_error_handler_off();
	if (radloc_rules_load("rules", NULL, NULL, &rules) != RADLOC_OK) {
		fprintf(stderr, "bench: run from the source tree (rules/ not found)\n");
		return 2;
	}
	if (argc >= 3 && strcmp(argv[1], "gen") == 0) {
		unsigned long n = strtoul(argv[2], NULL, 10);
		unsigned long seed = argc > 3 ? strtoul(argv[3], NULL, 10) : 1;
		int lo = argc > 5 ? atoi(argv[4]) : 5, hi = argc > 5 ? atoi(argv[5]) : 40;
		bench_gen_options opt = bench_gen_model;
		if (argc > 8)
			opt = (bench_gen_options){strtod(argv[6], NULL), strtod(argv[7], NULL),
			                          strtod(argv[8], NULL), argc > 9 && atoi(argv[9])};
		/* BENCH_TRUTH=FILE: the hypothesis each exam was drawn from, one
		 * label per line, to study the answers that go wrong. */
		const char *truth_path = getenv("BENCH_TRUTH");
		char (*truth)[48] = truth_path ? calloc(n ? n : 1, sizeof *truth) : NULL;
		if (truth_path && !truth) {
			fprintf(stderr, "bench: out of memory\n");
			radloc_rules_free(&rules);
			return 1;
		}
		int rc = bench_generate_with(rules, &opt, n, seed, lo, hi, stdout, truth);
		if (rc == 0 && truth) {
			FILE *tf = fopen(truth_path, "w");
			for (unsigned long x = 0; tf && x < n; x++)
				fprintf(tf, "%s\n", truth[x]);
			if (!tf || fclose(tf) != 0) {
				fprintf(stderr, "bench: cannot write %s\n", truth_path);
				rc = 1;
			}
		}
		free(truth);
		radloc_rules_free(&rules);
		return rc ? 1 : 0;
	}
	quick = getenv("BENCH_QUICK") && strcmp(getenv("BENCH_QUICK"), "1") == 0;
	unsigned long n_calib = quick ? 2000 : 20000;
	if (argc >= 2 && strcmp(argv[1], "calibration") == 0) {
		if (argc >= 3)
			n_calib = strtoul(argv[2], NULL, 10);
		int rc = bench_calibration(rules, n_calib, stdout);
		radloc_rules_free(&rules);
		return rc ? 1 : 0;
	}
	unsigned long max = getenv("BENCH_MAX") ? strtoul(getenv("BENCH_MAX"), NULL, 10)
	                                        : (quick ? 10000 : 1000000);
	mkdir("build", 0755);
	mkdir(dir, 0755);
	unsigned long n_batch = quick ? 2000 : 20000, n_draws = quick ? 200 : 2000;
	unsigned long n_lat = quick ? 300 : 3000;
	int reps = quick ? 1 : 3;

	printf("radloc %s benchmark, %ld cores online\n\n", radloc_version(),
	       sysconf(_SC_NPROCESSORS_ONLN));
	printf("| %-52s | %-22s | %-14s | %-5s |\n", "measure", "value", "target", "");
	printf("|%s|%s|%s|%s|\n", "------------------------------------------------------",
	       "------------------------", "----------------", "-------");

	/* Rule loading. */
	{
		double v[21];
		for (int i = 0; i < 21; i++) {
			radloc_rules *r = NULL;
			double t0 = now();
			radloc_rules_load("rules", NULL, NULL, &r);
			v[i] = now() - t0;
			radloc_rules_free(&r);
		}
		double m = median(v, 21);
		snprintf(buf, sizeof buf, "%.2f ms", m * 1e3);
		row("rule loading (in process, median of 21)", buf, "<= 5 ms", verdict(m <= 0.005));
	}
	/* One exam as a whole process. */
	{
		double v[15];
		char *a[] = {(char *)radloc_bin, "score", "fixtures/exams/demo.yaml", "--format",
		             "json", NULL};
		for (int i = 0; i < 15; i++)
			v[i] = run(a, NULL, NULL, NULL, NULL);
		double m = median(v, 15);
		snprintf(buf, sizeof buf, "%.1f ms", m * 1e3);
		row("one `radloc score` (1000 draws), whole process", buf, "<= 20 ms",
		    verdict(m <= 0.020));
	}
	/* Batch throughput against jq on the same file. */
	char file[256], file_draws[256];
	snprintf(file, sizeof file, "%s/exams-%lu.jsonl", dir, n_batch);
	snprintf(file_draws, sizeof file_draws, "%s/exams-%lu.jsonl", dir, n_draws);
	write_exams(rules, file, n_batch, 11, 5, 40, NULL);
	write_exams(rules, file_draws, n_draws, 12, 5, 40, NULL);
	double jq_t;
	{
		double v[9];
		char *a[] = {"jq", "-c", ".", file, NULL};
		for (int i = 0; i < reps; i++)
			v[i] = run(a, NULL, NULL, NULL, NULL);
		jq_t = median(v, (size_t)reps);
		snprintf(buf, sizeof buf, "%.0f exams/s", (double)n_batch / jq_t);
		row("`jq -c .` on the same JSON Lines (the floor)", buf, "", "");
	}
	double b01 = batch_time(file, "0", "1", reps, NULL);
	snprintf(buf, sizeof buf, "%.0f exams/s", (double)n_batch / b01);
	row("batch --draws 0, 1 thread", buf, "", "");
	double b02 = batch_time(file, "0", "2", reps, NULL);
	snprintf(buf, sizeof buf, "%.0f exams/s", (double)n_batch / b02);
	row("batch --draws 0, 2 threads", buf, "", "");
	snprintf(buf, sizeof buf, "%.2f (2 threads: %.2f)", b01 / jq_t, b02 / jq_t);
	row("radloc / jq time ratio, --draws 0", buf, "<= 1.0", verdict(b01 / jq_t <= 1.0));
	double b1 = batch_time(file_draws, "1000", "1", reps, NULL);
	snprintf(buf, sizeof buf, "%.0f exams/s", (double)n_draws / b1);
	row("batch --draws 1000, 1 thread", buf, ">= 500/s/core", verdict((double)n_draws / b1 >= 500));
	double b2 = batch_time(file_draws, "1000", "2", reps, NULL);
	snprintf(buf, sizeof buf, "%.0f exams/s", (double)n_draws / b2);
	row("batch --draws 1000, 2 threads", buf, "", "");

	/* Latency through the library, and recovery of the generating lesion. */
	{
		char lat[256];
		char (*truth)[48] = calloc(n_lat, sizeof *truth);
		snprintf(lat, sizeof lat, "%s/latency.jsonl", dir);
		write_exams(rules, lat, n_lat, 13, 5, 40, truth);
		size_t n, ok, top1, top3;
		char **lines = read_lines(lat, &n);
		latency L0 = library_latency(rules, lines, n, 0, &ok, truth, &top1, &top3);
		snprintf(buf, sizeof buf, "p50 %.0f us, p99 %.0f us", L0.p50 * 1e6, L0.p99 * 1e6);
		row("library parse+score, --draws 0", buf, "", "");
		size_t singles;
		double pairs;
		hypothesis_count(rules, lines, n, &singles, &pairs);
		snprintf(buf, sizeof buf, "%zu + %.1f pairs", singles, pairs);
		/* Version 1 (417bb59) ranked 89 single hypotheses and no pairs. */
		row("hypotheses per exam (singles + pairs)", buf, "v1: 89 + 0", "");
		size_t nd = n < 300 ? n : 300;
		latency L1 = library_latency(rules, lines, nd, 1000, NULL, NULL, NULL, NULL);
		snprintf(buf, sizeof buf, "p50 %.2f ms, p99 %.2f ms", L1.p50 * 1e3, L1.p99 * 1e3);
		row("library parse+score, 1000 draws", buf, "", "");
		snprintf(buf, sizeof buf, "top-1 %.1f %%, top-3 %.1f %%", 100.0 * (double)top1 / (double)n,
		         100.0 * (double)top3 / (double)n);
		row("recovers the generating lesion (synthetic exams)", buf, "", "");
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		free(lines);
		free(truth);
	}
	/* Cost against findings per exam. */
	for (int f = 5; f <= 40; f *= 2) {
		char path[256];
		snprintf(path, sizeof path, "%s/findings-%d.jsonl", dir, f);
		write_exams(rules, path, quick ? 100 : 500, 14, f, f, NULL);
		size_t n;
		char **lines = read_lines(path, &n);
		latency L0 = library_latency(rules, lines, n, 0, NULL, NULL, NULL, NULL);
		latency L1 = library_latency(rules, lines, n < 100 ? n : 100, 1000, NULL, NULL, NULL, NULL);
		char what[80];
		snprintf(what, sizeof what, "exam of %d findings: median, 0 / 1000 draws", f);
		snprintf(buf, sizeof buf, "%.0f us / %.2f ms", L0.p50 * 1e6, L1.p50 * 1e3);
		snprintf(tgt, sizeof tgt, "%s", f == 20 ? "20 us / 2 ms" : "");
		row(what, buf, tgt, f == 20 ? verdict(L0.p50 <= 20e-6 && L1.p50 <= 2e-3) : "");
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		free(lines);
	}
	/* Cost against the number of hypotheses: the shipped rules plus more
	 * nerves (branches of the median: they supply what it supplies). */
	for (int extra = 0; extra <= 200; extra += 100) {
		char rdir[256], cmd[2 * sizeof rdir + 32];
		snprintf(rdir, sizeof rdir, "%s/rules-%d", dir, extra);
		snprintf(cmd, sizeof cmd, "mkdir -p %s && cp rules/*.yaml %s/", rdir, rdir);
		if (system(cmd) != 0)
			break;
		if (extra) {
			char path[300];
			snprintf(path, sizeof path, "%s/zz-extra.yaml", rdir);
			FILE *f = fopen(path, "w");
			fprintf(f, "format: radloc-rules/1\nnerves:\n");
			for (int i = 0; i < extra; i++)
				fprintf(f, "  bench_%03d: {prior: 0.01, branches: [median], source: \"benchmark\"}\n", i);
			fclose(f);
		}
		radloc_rules *r = NULL;
		if (radloc_rules_load(rdir, NULL, NULL, &r) != RADLOC_OK)
			break;
		size_t n;
		char **lines = read_lines(file_draws, &n);
		n = n < 300 ? n : 300;
		latency L0 = library_latency(r, lines, n, 0, NULL, NULL, NULL, NULL);
		char what[80];
		size_t hyps;
		double pairs;
		hypothesis_count(r, lines, n < 20 ? n : 20, &hyps, &pairs);
		snprintf(what, sizeof what, "%zu hypotheses (+%.0f pairs): median exam, --draws 0", hyps,
		         pairs);
		snprintf(buf, sizeof buf, "%.0f us", L0.p50 * 1e6);
		row(what, buf, "", "");
		for (size_t i = 0; i < (size_t)(n_draws); i++)
			free(lines[i]);
		free(lines);
		radloc_rules_free(&r);
	}
	/* Peak memory of a streaming batch as the input grows. */
	for (unsigned long n = 10000; n <= max; n *= 10) {
		char path[256];
		snprintf(path, sizeof path, "%s/stream-%lu.jsonl", dir, n);
		if (write_exams(rules, path, n, 15, 5, 40, NULL) != 0)
			break;
		long rss = 0;
		int st = 0;
		char *a[] = {(char *)radloc_bin, "batch", path, "--draws", "0", "--jobs", "2", NULL};
		double t = run(a, NULL, NULL, &rss, &st);
		unlink(path);
		char what[80];
		snprintf(what, sizeof what, "peak RSS, batch of %lu exams (%.0f s)", n, t);
		snprintf(buf, sizeof buf, "%.1f MB", (double)rss / 1024.0);
		row(what, buf, "<= 32 MB", verdict(rss <= 32 * 1024 && st == 0));
	}
	/* How far to trust the probabilities printed (docs/validation.md). */
	int rc = bench_calibration(rules, n_calib, stdout);
	radloc_rules_free(&rules);
	return rc ? 1 : 0;
}
