/* radloc score [FILE|-]: one exam, for a clinician at a terminal (text) or
 * a program (JSON). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"
#include "isncsci.h"
#include "percent.h"

void help_score(FILE *out)
{
	fputs("usage: radloc score [FILE|-] [OPTIONS]\n"
	      "\n"
	      "Score one exam (YAML or JSON, see docs/exam-format.md) and print the\n"
	      "pattern, red flags, the ranking with 90 % credible intervals, the\n"
	      "findings for and against the leader, and the next best test.\n"
	      "\n"
	      "  --format text|json   output (default text)\n"
	      "  --from isncsci       FILE is an ISNCSCI worksheet (docs/isncsci.md)\n"
	      "  --top N              hypotheses shown (default 10 for text, all for json)\n"
	      "  --draws N            draws for the intervals (default 1000; 0 = none)\n"
	      "  --interval P         central mass of the intervals (default 0.90)\n"
	      "  --seed N             random seed (default 1): same seed, same output\n"
	      "  --rules PATH         rule file or directory\n"
	      "  --color / --no-color colour the red flags (default: when a terminal)\n",
	      out);
}

/* ---- the text answer ------------------------------------------------------------- */

typedef struct style {
	const char *alarm, *bold, *dim, *reset;
} style;

static const struct {
	unsigned flag;
	int alarm;
	const char *text;
} flag_text[] = {
	{RADLOC_FLAG_CAUDA_EQUINA, 1,
	 "CAUDA EQUINA RED FLAG: saddle or perianal sensory loss, sphincter\n"
	 "    dysfunction or weakness of both legs. Needs same-day assessment\n"
	 "    and MRI, whatever ranks first below."},
	{RADLOC_FLAG_UPPER_MOTOR_NEURON, 1,
	 "UPPER MOTOR NEURON SIGNS: brisk reflexes, clonus, Hoffmann or\n"
	 "    Babinski. Think of the spinal cord (myelopathy) and, with weakness\n"
	 "    and no sensory loss, of motor neuron disease, not only a root."},
	{RADLOC_FLAG_STOCKING_GLOVE, 0,
	 "Stocking-glove pattern: bilateral, symmetric, distal first (a\n"
	 "    length-dependent polyneuropathy)."},
	{RADLOC_FLAG_INCONSISTENT, 1,
	 "INCONSISTENT FINDINGS: no single lesion radloc models explains them\n"
	 "    well; the ranking below is the least bad fit. Consider two processes,\n"
	 "    or one radloc does not model (a polyradiculopathy, an acute\n"
	 "    neuropathy), and recheck the exam."},
	{RADLOC_FLAG_SENSORY_LEVEL, 1,
	 "SENSORY LEVEL: sensation lost below a level on the trunk or limbs.\n"
	 "    Think of the spinal cord at or above that level (MRI of the cord)."},
	{RADLOC_FLAG_DISSOCIATED, 0,
	 "Dissociated sensory loss: pin prick and temperature lost where touch,\n"
	 "    vibration or position is kept (or the reverse): a cord lesion\n"
	 "    (central or hemicord) or a small- or large-fibre neuropathy."},
	{RADLOC_FLAG_BILATERAL, 0, "Findings on both sides."},
	{RADLOC_FLAG_TWO_PROCESSES, 0,
	 "Two processes: two lesions at once explain the exam better than any one."},
	/* Its reasons are the engine's warnings that begin LOW_WHY. */
	{RADLOC_FLAG_LOW_CONFIDENCE, 0, "Low confidence."},
};

/* The engine says each condition of low_confidence that fired in a
 * warning beginning with these words (docs/scoring.md): shown as the note
 * under the answer, not again under Warnings. */
static const char LOW_WHY[] = "low confidence: ";

static int is_low_why(const char *warning)
{
	return strncmp(warning, LOW_WHY, sizeof LOW_WHY - 1) == 0;
}

static void low_confidence_note(const radloc_result *res)
{
	int said = 0;
	for (size_t i = 0; i < radloc_result_warning_count(res); i++) {
		const char *w = radloc_result_warning(res, i);
		if (is_low_why(w)) {
			printf("Note: Low confidence: %s.\n", w + sizeof LOW_WHY - 1);
			said = 1;
		}
	}
	if (!said)
		printf("Note: Low confidence.\n");
}

static const char *pattern_words(radloc_pattern p)
{
	switch (p) {
	case RADLOC_RADICULOPATHY: return "radiculopathy (one root)";
	case RADLOC_MULTIRADICULOPATHY: return "multiradiculopathy (more than one root)";
	case RADLOC_POLYNEUROPATHY: return "length-dependent polyneuropathy";
	case RADLOC_MONONEUROPATHY: return "mononeuropathy (one peripheral nerve)";
	case RADLOC_CAUDA_EQUINA: return "CAUDA EQUINA SYNDROME";
	case RADLOC_MYELOPATHY: return "MYELOPATHY (upper motor neuron)";
	case RADLOC_NORMAL: return "normal: nothing focal";
	case RADLOC_OTHER: return "other: the findings fit none of the lesions radloc models";
	case RADLOC_PLEXOPATHY: return "plexopathy (a trunk, cord or plexus)";
	case RADLOC_TWO_LESIONS: return "two lesions at once (two independent processes)";
	case RADLOC_MOTOR_NEURON_DISEASE:
		return "MOTOR NEURON DISEASE (upper and lower motor neuron, no sensory loss)";
	}
	return "?";
}

static void bar(double p)
{
	int n = (int)lround(p * 20.0);
	for (int i = 0; i < n; i++)
		fputs("#", stdout);
}

static int by_strength(const void *a, const void *b)
{
	double x = ((const radloc_evidence *)a)->log_lr;
	double y = ((const radloc_evidence *)b)->log_lr;
	return (x < y) - (x > y);
}

/* A likelihood ratio in a few digits: x1.6, x42, x3.1e+05. */
static void ratio_text(char *out, size_t size, double log_lr)
{
	double lr = exp(log_lr);
	if (lr < 10.0)
		snprintf(out, size, "x%.1f", lr);
	else if (lr < 1e5)
		snprintf(out, size, "x%.0f", lr);
	else
		snprintf(out, size, "x%.1e", lr);
}

/* Below this the findings together barely tell the two apart (a factor
 * under 2 either way): then, and only then, the prior decides. */
#define BALANCED_LOG_LR 0.6931471805599453

/* Why the leader and not its best rival: the engine measures each
 * finding's likelihood ratio against the most probable hypothesis that is
 * not the leader at another extent (docs/scoring.md, "Evidence"). */
static void print_evidence(const radloc_result *res, const radloc_hypothesis *lead,
                           const style *st)
{
	size_t ne = radloc_result_evidence_count(res);
	if (radloc_result_count(res) < 2 || ne == 0)
		return;
	radloc_evidence *ev = calloc(ne, sizeof *ev);
	if (ev == NULL)
		return;
	for (size_t i = 0; i < ne; i++)
		radloc_result_evidence(res, i, &ev[i]);
	qsort(ev, ne, sizeof *ev, by_strength);
	const char *rival = strcmp(ev[0].supports, lead->label) == 0 ? ev[0].against
	                                                             : ev[0].supports;
	double together = 0.0;
	char lr[32];
	int any = 0;
	printf("\n%sWhat speaks for %s over %s%s  (likelihood ratio)\n", st->bold,
	       lead->label, rival, st->reset);
	for (size_t i = 0; i < ne; i++) {
		int for_lead = strcmp(ev[i].supports, lead->label) == 0;
		together += for_lead ? ev[i].log_lr : -ev[i].log_lr;
		if (for_lead && ev[i].log_lr > 0.005) {
			ratio_text(lr, sizeof lr, ev[i].log_lr);
			printf("  + %-48s %s\n", ev[i].finding, lr);
			any = 1;
		}
	}
	if (!any)
		printf("  (nothing)\n");
	any = 0;
	printf("%sWhat speaks against it%s (for %s)\n", st->bold, st->reset, rival);
	for (size_t i = 0; i < ne; i++)
		if (strcmp(ev[i].against, lead->label) == 0 && ev[i].log_lr > 0.005) {
			ratio_text(lr, sizeof lr, ev[i].log_lr);
			printf("  - %-48s %s\n", ev[i].finding, lr);
			any = 1;
		}
	if (!any)
		printf("  (nothing)\n");
	/* The rival's prior, if it is among the hypotheses reported. */
	double prior_odds = -1.0;
	radloc_hypothesis h;
	for (size_t i = 0; i < radloc_result_count(res); i++)
		if (radloc_result_hypothesis(res, i, &h) == RADLOC_OK &&
		    strcmp(h.label, rival) == 0 && h.prior > 0.0)
			prior_odds = lead->prior / h.prior;
	ratio_text(lr, sizeof lr, fabs(together));
	if (fabs(together) < BALANCED_LOG_LR)
		printf("%sTogether%s the findings barely tell them apart (%s for %s): "
		       "the prior decides\n", st->bold, st->reset, lr,
		       together >= 0.0 ? lead->label : rival);
	else if (together > 0.0)
		printf("%sTogether%s the findings favour %s %s\n", st->bold, st->reset,
		       lead->label, lr);
	else
		printf("%sTogether%s the findings favour %s %s: %s leads on how common "
		       "it is\n", st->bold, st->reset, rival, lr, lead->label);
	if (prior_odds > 0.0)
		printf("%sPrior odds%s %s : %s = %.2g : 1 (how common each is, before "
		       "any finding)\n", st->bold, st->reset, lead->label, rival, prior_odds);
	free(ev);
}

static void print_text(const radloc_rules *rules, const radloc_result *res,
                       const style *st)
{
	radloc_hypothesis lead, h;
	unsigned flags = radloc_result_flags(res);
	size_t n = radloc_result_count(res);
	radloc_result_hypothesis(res, 0, &lead);

	if (radloc_result_id(res))
		printf("%sExam %s%s\n\n", st->bold, radloc_result_id(res), st->reset);
	for (size_t i = 0; i < sizeof flag_text / sizeof flag_text[0]; i++)
		if ((flags & flag_text[i].flag) && flag_text[i].alarm)
			printf("%s!!! %s%s\n\n", st->alarm, flag_text[i].text, st->reset);
	printf("%sPattern:%s %s%s\n", st->bold, st->reset,
	       pattern_words(radloc_result_pattern(res)),
	       lead.pattern == RADLOC_MONONEUROPATHY && lead.side == RADLOC_BILATERAL
	       ? ", the same nerve on both sides" : "");
	char p[PERCENT_SIZE], iv[2 * PERCENT_SIZE + 8];
	percent_text(p, sizeof p, lead.probability, 0);
	printf("%sMost likely:%s %s, %s", st->bold, st->reset, lead.label, p);
	if (radloc_result_draws(res) > 0) {
		percent_interval(iv, sizeof iv, lead.lower, lead.upper, 0);
		printf(" (%.0f %% interval %s)", 100.0 * radloc_result_interval_mass(res), iv);
	}
	printf("\n");
	for (size_t i = 0; i < sizeof flag_text / sizeof flag_text[0]; i++)
		if ((flags & flag_text[i].flag) && !flag_text[i].alarm) {
			if (flag_text[i].flag == RADLOC_FLAG_LOW_CONFIDENCE)
				low_confidence_note(res);
			else
				printf("Note: %s\n", flag_text[i].text);
		}

	/* Labels of two lesions ("ulnar left + common_peroneal right") are
	 * longer than the column: it widens to the longest shown. */
	int width = 28;
	for (size_t i = 0; i < n; i++) {
		radloc_result_hypothesis(res, i, &h);
		if (strlen(h.label) > (size_t)width)
			width = (int)strlen(h.label);
	}
	printf("\n%sRanking%s\n", st->bold, st->reset);
	printf("   #  %-*s %8s  %-17s\n", width, "hypothesis", "prob.",
	       radloc_result_draws(res) ? "interval" : "");
	for (size_t i = 0; i < n; i++) {
		radloc_result_hypothesis(res, i, &h);
		percent_text(p, sizeof p, h.probability, 1);
		printf("  %2zu  %-*s %8s", i + 1, width, h.label, p);
		if (radloc_result_draws(res) > 0) {
			percent_interval(iv, sizeof iv, h.lower, h.upper, 1);
			printf("  %-17s ", iv);
		} else {
			printf("  ");
		}
		bar(h.probability);
		if (h.extent)
			printf(" (extent: %s)", h.extent);
		if (h.site)
			printf(" (site: %s)", h.site);
		if (h.level && h.form)
			printf(" (level %s, %s)", h.level, h.form);
		printf("\n");
	}
	if (radloc_result_other(res) > 0.0005) {
		percent_text(p, sizeof p, radloc_result_other(res), 1);
		printf("      %-*s %8s\n", width, "(all others)", p);
	}
	print_evidence(res, &lead, st);

	radloc_next_test t;
	if (radloc_result_next_test(res, &t) == RADLOC_OK) {
		/* In the clinic's words: "left ankle inversion (tibialis posterior)". */
		static const char *const what[] = {"", "", "sensation over the", "", "the", ""};
		const char *name = radloc_rules_name(rules, t.kind, t.id);
		radloc_entry_info info;
		radloc_rules_info(rules, t.kind, t.id, &info);
		printf("\n%sNext best test:%s ", st->bold, st->reset);
		if (what[t.kind][0])
			printf("%s ", what[t.kind]);
		if (t.side != RADLOC_MIDLINE)
			printf("%s ", radloc_side_name(t.side));
		printf("%s", name ? name : t.id);
		if (info.muscles)
			printf(" (%s)", info.muscles);
		printf("\n  it separates %s from %s (expected gain %.2f bits; %s)\n",
		       t.separates[0], t.separates[1], t.information_gain, t.finding);
	}
	size_t shown = 0;
	for (size_t i = 0; i < radloc_result_warning_count(res); i++) {
		const char *w = radloc_result_warning(res, i);
		if (is_low_why(w))
			continue;
		if (shown++ == 0)
			printf("\n%sWarnings%s\n", st->bold, st->reset);
		printf("  - %s\n", w);
	}
	printf("\n%sProbabilities come from the rule set's cited weights; intervals "
	       "show how\nthey move as dermatomes and myotomes vary between people. "
	       "Decision support,\nnot a diagnosis.%s\n", st->dim, st->reset);
}

/* ---- the command ------------------------------------------------------------------ */

int cmd_score(int argc, char **argv)
{
	cli_options o;
	int rc = cli_parse_options(argc, argv, "score", help_score, &o);
	if (rc >= 0 ||
	    (rc = cli_one_input(&o, "score", "one exam at a time (radloc batch takes many)")) >= 0)
		return rc;
	radloc_rules *rules = NULL;
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	if ((rc = cli_load_rules(o.rules, &rules)) != EXIT_OK)
		return rc;
	if ((rc = cli_read_and_score(rules, &o, "score", o.json ? 0 : 10, &exam, &res)) != EXIT_OK)
		goto out;
	if (o.json) {
		char *text = NULL;
		if (radloc_result_json(res, 2, &text) != RADLOC_OK) {
			rc = EXIT_INTERNAL;
			goto out;
		}
		text = cli_isncsci_json(text, 2, res, o.from ? cli_isncsci_last() : NULL);
		puts(text);
		free(text);
	} else {
		int color = o.color < 0 ? isatty(STDOUT_FILENO) && !getenv("NO_COLOR") : o.color;
		style st = {"", "", "", ""};
		if (color)
			st = (style){"\033[1;97;41m", "\033[1m", "\033[2m", "\033[0m"};
		print_text(rules, res, &st);
		cli_isncsci_print(stdout, res, o.from ? cli_isncsci_last() : NULL);
	}
	cli_note_write();
out:
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	radloc_rules_free(&rules);
	return rc;
}
