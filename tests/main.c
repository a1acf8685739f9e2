#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

const char *src_path(const char *relative)
{
	static char buf[4][4096];
	static int slot;
	const char *dir = getenv("RADLOC_SRCDIR");
	char *out = buf[slot++ % 4];
	snprintf(out, sizeof buf[0], "%s/%s", dir && *dir ? dir : ".", relative);
	return out;
}

static radloc_rules *load_once(radloc_rules **cache, const char *relative)
{
	if (*cache == NULL &&
	    radloc_rules_load(src_path(relative), NULL, NULL, cache) != RADLOC_OK) {
		fprintf(stderr, "cannot load %s\n", relative);
		exit(1);
	}
	return *cache;
}

static radloc_rules *shipped, *tiny;

const radloc_rules *shipped_rules(void)
{
	return load_once(&shipped, "rules");
}

const radloc_rules *tiny_rules(void)
{
	return load_once(&tiny, "fixtures/rules/tiny");
}

void collect_message(const radloc_diag *d, void *user)
{
	message_sink *m = user;
	int n = snprintf(m->text + m->used, sizeof m->text - m->used, "%lu:%lu: %s\n",
	                 d->line, d->column, d->message);
	if (n > 0 && m->used + (size_t)n < sizeof m->text)
		m->used += (size_t)n;
}

radloc_status load_rules_text(const char *yaml, message_sink *sink,
                              radloc_rules **out)
{
	radloc_rules *rules = NULL;
	sink->text[0] = '\0';
	sink->used = 0;
	radloc_status status = radloc_rules_load_buffer(yaml, strlen(yaml), "t.yaml",
	                                                collect_message, sink, &rules);
	if (out)
		*out = rules;
	else
		radloc_rules_free(&rules);
	return status;
}

char *tiny_rules_text_with(const char *from, const char *to)
{
	FILE *f = fopen(src_path("fixtures/rules/tiny/tiny.yaml"), "rb");
	static char text[16384];
	size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
	if (f)
		fclose(f);
	text[n] = '\0';
	char *at = strstr(text, from);
	if (at == NULL) {
		fprintf(stderr, "tiny.yaml has no '%s'\n", from);
		exit(1);
	}
	char *out = malloc(n + strlen(to) + 1);
	if (out == NULL)
		exit(1);
	size_t head = (size_t)(at - text);
	memcpy(out, text, head);
	strcpy(out + head, to);
	strcat(out, at + strlen(from));
	return out;
}

const char *tiny_rules_problem(const char *from, const char *to)
{
	static message_sink sink;
	char *text = tiny_rules_text_with(from, to);
	load_rules_text(text, &sink, NULL);
	free(text);
	return sink.text;
}

void check_tiny_problems(const tiny_problem *rows, size_t count)
{
	for (size_t i = 0; i < count; i++)
		ck_assert_str_eq(tiny_rules_problem(rows[i].from, rows[i].to), rows[i].message);
}

radloc_rules *load_tiny_text(char *text)
{
	message_sink sink;
	radloc_rules *r = NULL;
	ck_assert_int_eq(load_rules_text(text, &sink, &r), RADLOC_OK);
	free(text);
	return r;
}

radloc_rules *tiny_rules_with(const char *from, const char *to)
{
	return load_tiny_text(tiny_rules_text_with(from, to));
}

char *replace_all(const char *text, const char *from, const char *to)
{
	size_t n = 0, lf = strlen(from), lt = strlen(to);
	for (const char *at = strstr(text, from); at; at = strstr(at + lf, from))
		n++;
	char *out = malloc(strlen(text) + n * (lt > lf ? lt - lf : 0) + 1), *o = out;
	const char *p = text;
	for (const char *at = strstr(p, from); at; at = strstr(p, from)) {
		memcpy(o, p, (size_t)(at - p));
		o += at - p;
		memcpy(o, to, lt);
		o += lt;
		p = at + lf;
	}
	strcpy(o, p);
	return out;
}

char *tiny_text_with_modalities(void)
{
	static const char background[] =
		"      background: {reduced: 1.0, absent: 0.0, increased: 0.0}\n";
	static const char modalities[] =
		"      background: {reduced: 1.0, absent: 0.0, increased: 0.0}\n"
		"    modalities:\n"
		"      pin_prick: {sensitivity_scale: 1.0, overlap_sharpness: 2.0,\n"
		"                  polyneuropathy_sensitivity: 0.6, myelopathy_sensitivity: 0.2,\n"
		"                  source: \"test\"}\n"
		"      vibration: {sensitivity_scale: 0.5, overlap_sharpness: 1.0,\n"
		"                  polyneuropathy_sensitivity: 0.9, myelopathy_sensitivity: 0.3,\n"
		"                  source: \"test\"}\n";
	char *text = tiny_rules_text_with("roots: {A: 0.5, B: 0.5}", "roots: {A: 0.75, B: 0.25}");
	ck_assert_ptr_nonnull(strstr(text, background));
	char *out = replace_all(text, background, modalities);
	free(text);
	return out;
}

radloc_result *score_yaml(const char *yaml, unsigned long draws)
{
	radloc_exam *exam = NULL;
	ck_assert_int_eq(radloc_exam_parse(shipped_rules(), yaml, strlen(yaml), "exam", 1,
	                                   NULL, NULL, &exam), RADLOC_OK);
	radloc_result *res = score_exam(exam, draws);
	radloc_exam_free(&exam);
	return res;
}

int find_hypothesis(const radloc_result *res, const char *label, radloc_hypothesis *out)
{
	for (size_t i = 0; i < radloc_result_count(res); i++)
		if (radloc_result_hypothesis(res, i, out) == RADLOC_OK &&
		    strcmp(out->label, label) == 0)
			return 1;
	return 0;
}

/* A 64-bit LCG (Knuth's MMIX constants): enough for picking findings. */
static unsigned next_random(unsigned long long *state, unsigned n)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((*state >> 33) % n);
}

radloc_exam *random_exam(const radloc_rules *rules, unsigned long seed)
{
	unsigned long long state = seed * 2654435761ULL + 1;
	radloc_exam *exam = radloc_exam_new(rules);
	ck_assert_ptr_nonnull(exam);
	for (int t = RADLOC_REGION; t <= RADLOC_SIGN; t++) {
		size_t n = radloc_rules_count(rules, (radloc_kind)t);
		for (size_t e = 0; e < n; e++) {
			if (next_random(&state, 3) != 0)
				continue;
			const char *id = radloc_rules_id(rules, (radloc_kind)t, e);
			int abnormal = next_random(&state, 2) != 0;
			radloc_side side = next_random(&state, 4) == 0 ? RADLOC_BILATERAL
			                   : next_random(&state, 2) ? RADLOC_RIGHT : RADLOC_LEFT;
			for (int attempt = 0; attempt < 2; attempt++) {
				radloc_status s;
				if (t == RADLOC_REGION)
					s = radloc_exam_add_sensory(exam, id, side,
					        abnormal ? (radloc_sensation)(1 + next_random(&state, 2))
					                 : RADLOC_SENSATION_NORMAL, 0);
				else if (t == RADLOC_MOVEMENT)
					s = radloc_exam_add_motor(exam, id, side,
					        abnormal ? (int)next_random(&state, 5) : 5);
				else if (t == RADLOC_REFLEX)
					s = radloc_exam_add_reflex(exam, id, side,
					        abnormal ? (int)(next_random(&state, 2) ? 0 : 4) : 2);
				else
					s = radloc_exam_add_sign(exam, id, side, abnormal
					        ? RADLOC_SIGN_POSITIVE : RADLOC_SIGN_NEGATIVE);
				if (s != RADLOC_ERR_VALUE)
					break;
				side = RADLOC_MIDLINE; /* a midline element */
			}
		}
	}
	return exam;
}

radloc_case *load_case(const char *relative)
{
	radloc_case *c = NULL;
	radloc_status s = radloc_case_parse_file(shipped_rules(), src_path(relative), NULL,
	                                         NULL, &c);
	ck_assert_msg(s == RADLOC_OK, "%s: %s", relative, radloc_strerror(s));
	return c;
}

radloc_result *score_case(const char *relative)
{
	radloc_case *c = load_case(relative);
	radloc_result *res = score_exam(radloc_case_exam(c), 0);
	radloc_case_free(&c);
	return res;
}

radloc_result *score_exam(const radloc_exam *exam, unsigned long draws)
{
	radloc_scorer *sc = radloc_scorer_new(shipped_rules());
	radloc_result *res = NULL;
	ck_assert_ptr_nonnull(sc);
	ck_assert_int_eq(radloc_scorer_set_draws(sc, draws), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, exam, &res), RADLOC_OK);
	radloc_scorer_free(&sc);
	return res;
}

int main(void)
{
	/* As the CLI does: the library never relies on GSL's aborting handler. */
	gsl_set_error_handler_off();
	SRunner *sr = srunner_create(suite_textutil());
	srunner_add_suite(sr, suite_yamltree());
	srunner_add_suite(sr, suite_rules());
	srunner_add_suite(sr, suite_exam());
	srunner_add_suite(sr, suite_model());
	srunner_add_suite(sr, suite_modality());
	srunner_add_suite(sr, suite_finding_work());
	srunner_add_suite(sr, suite_examined());
	srunner_add_suite(sr, suite_touches());
	srunner_add_suite(sr, suite_scorer());
	srunner_add_suite(sr, suite_posterior());
	srunner_add_suite(sr, suite_rules_traits());
	srunner_add_suite(sr, suite_rules_provenance());
	srunner_add_suite(sr, suite_rules_coding());
	srunner_add_suite(sr, suite_rules_cord());
	srunner_add_suite(sr, suite_cord());
	srunner_add_suite(sr, suite_selection());
	srunner_add_suite(sr, suite_mnd());
	srunner_add_suite(sr, suite_rules_mnd());
	srunner_add_suite(sr, suite_draws());
	srunner_add_suite(sr, suite_quantile());
	srunner_add_suite(sr, suite_intervals());
	srunner_add_suite(sr, suite_draw_kernels());
	srunner_add_suite(sr, suite_draw_classes());
	srunner_add_suite(sr, suite_draw_threads());
	srunner_add_suite(sr, suite_threads());
	srunner_add_suite(sr, suite_score());
	srunner_add_suite(sr, suite_nomem());
	srunner_add_suite(sr, suite_vocabulary());
	srunner_add_suite(sr, suite_rules_files());
	srunner_add_suite(sr, suite_rules_schema());
	srunner_add_suite(sr, suite_rules_entries());
	srunner_add_suite(sr, suite_rules_parameters());
	srunner_add_suite(sr, suite_rules_nerves());
	srunner_add_suite(sr, suite_rules_plexus());
	srunner_add_suite(sr, suite_rules_cauda());
	srunner_add_suite(sr, suite_rules_sites());
	srunner_add_suite(sr, suite_rules_modalities());
	srunner_add_suite(sr, suite_territory());
	srunner_add_suite(sr, suite_result());
	srunner_add_suite(sr, suite_hypotheses());
	srunner_add_suite(sr, suite_explain());
	srunner_add_suite(sr, suite_vocabulary_v2());
	srunner_add_suite(sr, suite_next_test());
	srunner_add_suite(sr, suite_json());
	srunner_add_suite(sr, suite_case());
	srunner_add_suite(sr, suite_diag());
	srunner_add_suite(sr, suite_yaml_errors());
	srunner_add_suite(sr, suite_json_tree());
	srunner_add_suite(sr, suite_json_write());
	srunner_add_suite(sr, suite_slurp());
	srunner_add_suite(sr, suite_node_reports());
	srunner_add_suite(sr, suite_arena());
	srunner_add_suite(sr, suite_exam_parse());
	srunner_add_suite(sr, suite_names());
	srunner_add_suite(sr, suite_rules_load());
	srunner_add_suite(sr, suite_pairs());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	radloc_rules_free(&shipped);
	radloc_rules_free(&tiny);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
