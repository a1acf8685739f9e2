/* Plexus elements: the routes through them, their hypotheses, and the
 * shoulder-girdle muscles that tell a trunk from its roots. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

/* tiny.yaml with the plexopathy pattern (its prior taken from normal and
 * radiculopathy so that the priors still sum to 1) and a plexus section:
 * p carries roots A and B but spares nerve n; q is formed by n from root
 * A, with its own branch to m1. */
#define TINY_PLEXUS                                                                  \
	"  normal: {prior: 0.05, source: \"test\"}\n"                                \
	"  plexopathy: {prior: 0.1, source: \"test\"}\n"                             \
	"plexus:\n"                                                                  \
	"  p: {roots: [A, B], spares: [n], prior: 1.0, source: \"test\"}\n"          \
	"  q: {roots: [A], nerves: [n], supplies: {m1: 0.5}, prior: 3.0, source: \"test\"}\n"

static char *tiny_plexus_text(const char *plexus)
{
	char *a = tiny_rules_text_with("  normal: {prior: 0.1, source: \"test\"}\n", plexus);
	char *b = replace_all(a, "radiculopathy: {prior: 0.5", "radiculopathy: {prior: 0.45");
	free(a);
	return b;
}

static long element_index(const radloc_rules *r, int kind, const char *id)
{
	for (size_t e = 0; e < r->element_count[kind]; e++)
		if (strcmp(r->elements[kind][e].e.id, id) == 0)
			return (long)e;
	return -1;
}

/* The route of each element through each plexus element, from the rules. */
START_TEST(routes_follow_spares_nerves_and_supplies)
{
	radloc_rules *r = load_tiny_text(tiny_plexus_text(TINY_PLEXUS));
	ck_assert_uint_eq(r->plexus_count, 2);
	const rl_element *r1 = &r->elements[0][element_index(r, 0, "r1")];
	const rl_element *r2 = &r->elements[0][element_index(r, 0, "r2")];
	const rl_element *m1 = &r->elements[1][element_index(r, 1, "m1")];
	/* r1 leaves wholly by n: spared by p, which n leaves above; all q's. */
	ck_assert_double_eq(r1->plexus_route[0], 0.0);
	ck_assert_double_eq(r1->plexus_route[1], 1.0);
	/* r2 names no nerve: all of it runs through p, none through q. */
	ck_assert_double_eq(r2->plexus_route[0], 1.0);
	ck_assert_double_eq(r2->plexus_route[1], 0.0);
	/* m1: q's own branch carries half, but m1 is root B's and q has A only. */
	ck_assert_double_eq(m1->plexus_route[1], 0.5);
	ck_assert_double_eq(rl_plexus_share(m1, &r->plexus[1]), 0.0);
	/* p takes both of r2's roots: 1 - (1 - 0.5)(1 - 0.5). */
	ck_assert_double_eq_tol(rl_plexus_share(r2, &r->plexus[0]), 0.75, 1e-12);
	radloc_rules_free(&r);
}
END_TEST

/* One hypothesis per element and side, the pattern's prior shared by the
 * elements' priors; the priors of all hypotheses still sum to 1. */
START_TEST(hypotheses_per_element_and_side)
{
	radloc_rules *r = load_tiny_text(tiny_plexus_text(TINY_PLEXUS));
	double sum = 0.0;
	int seen = 0;
	for (size_t i = 0; i < r->hyp_count; i++) {
		const rl_hypothesis *h = &r->hyps[i];
		sum += h->prior;
		if (strcmp(h->label, "q right") == 0) {
			ck_assert_int_eq(h->pattern, RADLOC_PLEXOPATHY);
			ck_assert_ptr_eq(h->plexus, &r->plexus[1]);
			ck_assert_double_eq_tol(h->prior, 0.1 * 0.75 / 2.0, 1e-12);
			seen++;
		}
		if (strcmp(h->label, "p left") == 0) {
			ck_assert_double_eq_tol(h->prior, 0.1 * 0.25 / 2.0, 1e-12);
			seen++;
		}
	}
	ck_assert_int_eq(seen, 2);
	ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	radloc_rules_free(&r);
}
END_TEST

/* A rule set written before plexus elements keeps its answers; one with
 * the pattern but no elements gives the pattern's prior to the rest. */
START_TEST(optional_without_elements)
{
	const radloc_rules *tiny = tiny_rules();
	for (size_t i = 0; i < tiny->hyp_count; i++)
		ck_assert_int_ne(tiny->hyps[i].pattern, RADLOC_PLEXOPATHY);
	radloc_rules *r = load_tiny_text(tiny_plexus_text(
		"  normal: {prior: 0.05, source: \"test\"}\n"
		"  plexopathy: {prior: 0.1, source: \"test\"}\n"));
	double sum = 0.0;
	for (size_t i = 0; i < r->hyp_count; i++) {
		ck_assert_int_ne(r->hyps[i].pattern, RADLOC_PLEXOPATHY);
		sum += r->hyps[i].prior;
	}
	ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	radloc_rules_free(&r);
}
END_TEST

START_TEST(problems_located)
{
	message_sink sink;
	char *text = tiny_plexus_text(
		"  normal: {prior: 0.05, source: \"test\"}\n"
		"  plexopathy: {prior: 0.1, source: \"test\"}\n"
		"plexus:\n"
		"  p: {roots: [A, Z], spares: [n], prior: 1.0, source: \"test\"}\n"
		"  q: {roots: [A], nerves: [n], spares: [n], prior: 1.0, source: \"test\"}\n"
		"  w: {roots: [A], supplies: {nowhere: 0.5}, prior: 1.0, source: \"test\"}\n");
	ck_assert_int_ne(load_rules_text(text, &sink, NULL), RADLOC_OK);
	free(text);
	ck_assert_ptr_nonnull(strstr(sink.text, "unknown root 'Z'"));
	ck_assert_ptr_nonnull(strstr(sink.text, "gives both 'nerves' and 'spares'"));
	ck_assert_ptr_nonnull(strstr(sink.text, "'nowhere'"));
}
END_TEST

/* Neuralgic amyotrophy's upper trunk against a C5+C6 root lesion (shipped
 * rules): the same shoulder and elbow, told apart by the rhomboids and
 * serratus, whose nerves leave the roots above the trunk. Spared, they
 * favour the trunk; weak, the roots. */
#define UPPER_TRUNK_EXAM(girdle)                                                     \
	"id: t\n"                                                                    \
	"motor:\n"                                                                   \
	"  - {movement: shoulder_abduction, side: left, grade: 3}\n"                 \
	"  - {movement: shoulder_external_rotation, side: left, grade: 3}\n"         \
	"  - {movement: elbow_flexion, side: left, grade: 4}\n"                      \
	"  - {movement: scapular_retraction, side: left, grade: " girdle "}\n"       \
	"  - {movement: scapular_protraction, side: left, grade: " girdle "}\n"      \
	"sensory:\n"                                                                 \
	"  - {region: lateral_arm, side: left, status: reduced}\n"                   \
	"reflex:\n"                                                                  \
	"  - {reflex: biceps, side: left, grade: 1}\n"

static double trunk_over_roots(const char *yaml)
{
	radloc_result *res = score_yaml(yaml, 0);
	radloc_hypothesis trunk, roots;
	ck_assert(find_hypothesis(res, "upper_trunk left", &trunk));
	ck_assert(find_hypothesis(res, "C5+C6 left", &roots));
	ck_assert_int_eq(trunk.kind, RADLOC_HYPOTHESIS_PLEXUS);
	ck_assert_str_eq(trunk.plexus, "upper_trunk");
	ck_assert_ptr_null(roots.plexus);
	double ratio = trunk.probability / roots.probability;
	radloc_result_free(&res);
	return ratio;
}

START_TEST(rhomboids_and_serratus_separate_trunk_from_roots)
{
	double spared = trunk_over_roots(UPPER_TRUNK_EXAM("5"));
	double weak = trunk_over_roots(UPPER_TRUNK_EXAM("4"));
	ck_assert_double_gt(spared, 1.0);
	ck_assert_double_lt(weak, 1.0);
}
END_TEST

/* The contract's JSON names the element: "plexus": "upper_trunk". */
START_TEST(json_names_the_element)
{
	radloc_result *res = score_yaml(UPPER_TRUNK_EXAM("5"), 0);
	char *json = NULL;
	ck_assert_int_eq(radloc_result_json(res, 0, &json), RADLOC_OK);
	ck_assert_ptr_nonnull(strstr(json, "\"label\":\"upper_trunk left\",\"kind\":\"plexus\","
	                                   "\"pattern\":\"plexopathy\",\"plexus\":\"upper_trunk\""));
	free(json);
	radloc_result_free(&res);
}
END_TEST

/* A sign's own row for a plexus element (`plexus:`) is that element's
 * alone (the others stay at 0, the sign's background); an unknown element
 * is refused where it is written. */
START_TEST(sign_rows_per_element)
{
	char *a = tiny_plexus_text(TINY_PLEXUS);
	char *text = replace_all(a, "sensitivity: {A: 0.5, myelopathy: 0.4}",
	                         "sensitivity: {A: 0.5, myelopathy: 0.4}, plexus: {p: 0.4}");
	free(a);
	radloc_rules *r = NULL;
	message_sink sink;
	ck_assert_msg(load_rules_text(text, &sink, &r) == RADLOC_OK, "%s", sink.text);
	const rl_sign *g = &r->signs[0];
	ck_assert_double_eq(g->plexus_sens[rl_plexus_index(r, "p")], 0.4);
	ck_assert_double_eq(g->plexus_sens[rl_plexus_index(r, "q")], 0.0);
	radloc_rules_free(&r);
	char *bad = replace_all(text, "plexus: {p: 0.4}", "plexus: {nowhere: 0.4}");
	free(text);
	ck_assert_int_ne(load_rules_text(bad, &sink, NULL), RADLOC_OK);
	free(bad);
	ck_assert_ptr_nonnull(strstr(sink.text, "'nowhere'"));
}
END_TEST

/* Shipped rules: Spurling's test has no row for any plexus element (it
 * loads the root in its foramen), Horner's syndrome one for the lower
 * trunk only. */
START_TEST(shipped_sign_rows)
{
	const radloc_rules *r = shipped_rules();
	long spurling = radloc_rules_find(r, RADLOC_SIGN, "spurling");
	long horner = radloc_rules_find(r, RADLOC_SIGN, "horner");
	ck_assert_int_ge(spurling, 0);
	ck_assert_int_ge(horner, 0);
	for (size_t p = 0; p < r->plexus_count; p++) {
		ck_assert_double_eq(r->signs[spurling].plexus_sens[p], 0.0);
		if (strcmp(r->plexus[p].e.id, "lower_trunk") == 0)
			ck_assert_double_gt(r->signs[horner].plexus_sens[p], 0.0);
		else
			ck_assert_double_eq(r->signs[horner].plexus_sens[p], 0.0);
	}
}
END_TEST

/* A hand whose C8 and T1 muscles and skin are taken (as
 * fixtures/cases/lower-trunk-right.yaml): Horner's syndrome on that side
 * moves it from the C8 root towards the lower trunk (Pancoast), and a
 * negative one a little the other way. */
#define LOWER_TRUNK_SIGN(sign, result)                                               \
	"id: t\n"                                                                    \
	"sensory:\n"                                                                 \
	"  - {region: little_finger, side: right, status: reduced}\n"                \
	"  - {region: medial_forearm, side: right, status: reduced}\n"               \
	"  - {region: medial_arm, side: right, status: reduced}\n"                   \
	"motor:\n"                                                                   \
	"  - {movement: thumb_abduction, side: right, grade: 3}\n"                   \
	"  - {movement: finger_abduction, side: right, grade: 3}\n"                  \
	"  - {movement: finger_flexion, side: right, grade: 4}\n"                    \
	"signs:\n"                                                                   \
	"  - {sign: " sign ", side: right, result: " result "}\n"
#define LOWER_TRUNK_EXAM(horner) LOWER_TRUNK_SIGN("horner", horner)

static double lower_trunk_over_c8(const char *yaml)
{
	radloc_result *res = score_yaml(yaml, 0);
	radloc_hypothesis trunk, root;
	ck_assert(find_hypothesis(res, "lower_trunk right", &trunk));
	ck_assert(find_hypothesis(res, "C8 right", &root));
	double ratio = trunk.probability / root.probability;
	radloc_result_free(&res);
	return ratio;
}

START_TEST(horner_favours_lower_trunk_over_c8)
{
	double positive = lower_trunk_over_c8(LOWER_TRUNK_EXAM("positive"));
	double negative = lower_trunk_over_c8(LOWER_TRUNK_EXAM("negative"));
	double untested = lower_trunk_over_c8(LOWER_TRUNK_EXAM("NT"));
	ck_assert_double_gt(positive, 1.0);
	ck_assert_double_gt(positive, 2.0 * untested);
	ck_assert_double_lt(negative, untested);
}
END_TEST

/* Tinel over the supraclavicular fossa: rows for the three trunks only
 * (the fossa holds the trunks; the roots lie in their foramina, the cords
 * below the clavicle), so a positive one moves the same hand towards the
 * lower trunk. */
START_TEST(supraclavicular_tinel_favours_trunk)
{
	const radloc_rules *r = shipped_rules();
	long t = radloc_rules_find(r, RADLOC_SIGN, "tinel_supraclavicular");
	ck_assert_int_ge(t, 0);
	ck_assert_uint_eq(r->signs[t].root_count, 0);
	ck_assert_double_gt(radloc_rules_sign_plexus(r, "tinel_supraclavicular", "upper_trunk"), 0.0);
	ck_assert_double_eq(radloc_rules_sign_plexus(r, "tinel_supraclavicular", "medial_cord"), 0.0);
	double positive = lower_trunk_over_c8(LOWER_TRUNK_SIGN("tinel_supraclavicular", "positive"));
	double untested = lower_trunk_over_c8(LOWER_TRUNK_SIGN("tinel_supraclavicular", "NT"));
	ck_assert_double_gt(positive, 2.0 * untested);
}
END_TEST

/* The public listing: ids in file order, names and sources by id; a
 * sign's row for an element. */
START_TEST(public_listing)
{
	const radloc_rules *r = shipped_rules();
	ck_assert_uint_eq(radloc_rules_plexus_count(r), 8);
	ck_assert_str_eq(radloc_rules_plexus_id(r, 0), "upper_trunk");
	ck_assert_ptr_null(radloc_rules_plexus_id(r, 8));
	ck_assert_ptr_nonnull(radloc_rules_plexus_source(r, "sacral_plexus"));
	ck_assert_ptr_null(radloc_rules_plexus_name(r, "sciatic"));
	ck_assert_ptr_null(radloc_rules_plexus_name(NULL, "upper_trunk"));
	ck_assert_double_eq(radloc_rules_sign_plexus(r, "horner", "lower_trunk"), 0.20);
	ck_assert_double_eq(radloc_rules_sign_plexus(r, "horner", "upper_trunk"), 0.0);
	ck_assert_double_eq(radloc_rules_sign_plexus(r, "spurling", "upper_trunk"), 0.0);
	ck_assert_double_eq(radloc_rules_sign_plexus(r, "horner", "nowhere"), 0.0);
	ck_assert_double_eq(radloc_rules_sign_plexus(r, "nowhere", "lower_trunk"), 0.0);
	ck_assert_double_eq(radloc_rules_sign_plexus(NULL, "horner", "lower_trunk"), 0.0);
}
END_TEST

Suite *suite_rules_plexus(void)
{
	return make_suite("rules_plexus", 0,
	                  TESTS(routes_follow_spares_nerves_and_supplies,
	                        hypotheses_per_element_and_side, optional_without_elements,
	                        problems_located, rhomboids_and_serratus_separate_trunk_from_roots,
	                        json_names_the_element, public_listing, sign_rows_per_element,
	                        shipped_sign_rows, horner_favours_lower_trunk_over_c8,
	                        supraclavicular_tinel_favours_trunk));
}
