/* Nerve sites: what a lesion at each site takes (branch order from the
 * rules), a sign's sensitivity at a site, the problems a bad `sites:`
 * gives, and the site a scored nerve names. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

static const rl_nerve *nerve(const radloc_rules *r, const char *id)
{
	long n = rl_rules_index(r, RADLOC_NERVE, id);
	ck_assert_int_ge(n, 0);
	return &r->nerves[n];
}

/* The global index of a nerve's named site. */
static int site(const radloc_rules *r, const char *nerve_id, const char *site_id)
{
	const rl_nerve *nv = nerve(r, nerve_id);
	for (size_t x = 0; x < nv->site_count; x++)
		if (nv->sites[x].id && strcmp(nv->sites[x].id, site_id) == 0)
			return (int)(nv->site_base + x);
	ck_abort_msg("no site %s.%s", nerve_id, site_id);
	return -1;
}

static double loss(const radloc_rules *r, radloc_kind table, const char *element,
                   const char *nerve_id, const char *site_id)
{
	long e = rl_rules_index(r, table, element);
	ck_assert_int_ge(e, 0);
	return r->elements[table - RADLOC_REGION][e].site_loss[site(r, nerve_id, site_id)];
}

START_TEST(radial_sites_follow_the_branch_order)
{
	const radloc_rules *r = shipped_rules();
	/* Triceps branches leave in the axilla: lost there, kept below. */
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "elbow_extension", "radial", "axilla"), 0.9);
	ck_assert_double_eq(loss(r, RADLOC_MOVEMENT, "elbow_extension", "radial", "spiral_groove"), 0.0);
	ck_assert_double_eq(loss(r, RADLOC_REFLEX, "triceps", "radial", "spiral_groove"), 0.0);
	/* The groove takes the wrist extensors, brachioradialis and the
	 * superficial radial; the PIN takes the finger extensors, only part
	 * of wrist extension (ECU) and no skin. */
	double groove_wrist = loss(r, RADLOC_MOVEMENT, "wrist_extension", "radial", "spiral_groove");
	double pin_wrist = loss(r, RADLOC_MOVEMENT, "wrist_extension", "radial",
	                        "posterior_interosseous");
	ck_assert_double_gt(groove_wrist, pin_wrist);
	ck_assert_double_gt(pin_wrist, 0.0);
	ck_assert_double_gt(loss(r, RADLOC_REFLEX, "brachioradialis", "radial", "spiral_groove"), 0.9);
	ck_assert_double_eq(loss(r, RADLOC_REFLEX, "brachioradialis", "radial",
	                         "posterior_interosseous"), 0.0);
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "finger_extension", "radial",
	                         "posterior_interosseous"), 0.9);
	ck_assert_double_gt(loss(r, RADLOC_REGION, "radial_dorsum_hand", "radial", "spiral_groove"), 0.5);
	ck_assert_double_eq(loss(r, RADLOC_REGION, "radial_dorsum_hand", "radial",
	                         "posterior_interosseous"), 0.0);
	/* The shares are a distribution over the sites. */
	const rl_nerve *nv = nerve(r, "radial");
	double sum = 0.0;
	for (size_t x = 0; x < nv->site_count; x++)
		sum += nv->sites[x].share;
	ck_assert_double_eq_tol(sum, 1.0, 1e-12);
}
END_TEST

START_TEST(median_wrist_spares_the_palm_and_forearm)
{
	const radloc_rules *r = shipped_rules();
	ck_assert_double_eq(loss(r, RADLOC_REGION, "lateral_palm", "median", "wrist"), 0.0);
	ck_assert_double_gt(loss(r, RADLOC_REGION, "lateral_palm", "median", "elbow"), 0.5);
	ck_assert_double_eq(loss(r, RADLOC_MOVEMENT, "forearm_pronation", "median", "wrist"), 0.0);
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "thumb_abduction", "median", "wrist"), 0.9);
	/* The AIN: no skin, no thenar muscle, the deep finger flexor kept. */
	ck_assert_double_eq(loss(r, RADLOC_REGION, "index_finger", "median", "anterior_interosseous"), 0.0);
	ck_assert_double_eq(loss(r, RADLOC_MOVEMENT, "thumb_abduction", "median",
	                         "anterior_interosseous"), 0.0);
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "finger_flexion", "median",
	                         "anterior_interosseous"), 0.9);
}
END_TEST

START_TEST(a_spared_branch_takes_what_it_covers)
{
	const radloc_rules *r = shipped_rules();
	/* The sural leaves above the tarsal tunnel: the lateral foot (sural)
	 * is lost in the popliteal fossa, kept at the tunnel; the sole is
	 * lost at both. */
	ck_assert_double_gt(loss(r, RADLOC_REGION, "lateral_foot", "tibial", "popliteal"), 0.5);
	ck_assert_double_eq(loss(r, RADLOC_REGION, "lateral_foot", "tibial", "tarsal_tunnel"), 0.0);
	ck_assert_double_gt(loss(r, RADLOC_REGION, "sole", "tibial", "tarsal_tunnel"), 0.9);
	ck_assert_double_eq(loss(r, RADLOC_REFLEX, "ankle", "tibial", "tarsal_tunnel"), 0.0);
}
END_TEST

/* The version 2 ids take their place in the branch order (evidence.md
 * section 10): FPL is anterior interosseous, the dorsal ulnar cutaneous
 * branch and the long toe flexors leave above the wrist and the tarsal
 * tunnel, EPL is posterior interosseous, the first dorsal interosseous
 * is deep ulnar (through Guyon's canal). */
START_TEST(the_version_2_ids_follow_the_branch_order)
{
	const radloc_rules *r = shipped_rules();
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "thumb_flexion", "median", "elbow"), 0.9);
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "thumb_flexion", "median",
	                         "anterior_interosseous"), 0.9);
	ck_assert_double_eq(loss(r, RADLOC_MOVEMENT, "thumb_flexion", "median", "wrist"), 0.0);
	ck_assert_double_gt(loss(r, RADLOC_REGION, "dorsum_hand_ulnar", "ulnar", "elbow"), 0.5);
	ck_assert_double_eq(loss(r, RADLOC_REGION, "dorsum_hand_ulnar", "ulnar", "wrist"), 0.0);
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "index_finger_abduction", "ulnar", "elbow"), 0.9);
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "index_finger_abduction", "ulnar", "wrist"), 0.9);
	/* FDP 4-5 leaves in the proximal forearm: lost at the elbow, kept at Guyon. */
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "little_finger_flexion", "ulnar", "elbow"), 0.9);
	ck_assert_double_eq(loss(r, RADLOC_MOVEMENT, "little_finger_flexion", "ulnar", "wrist"), 0.0);
	ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "toe_flexion", "tibial", "popliteal"), 0.9);
	ck_assert_double_eq(loss(r, RADLOC_MOVEMENT, "toe_flexion", "tibial", "tarsal_tunnel"), 0.0);
	const char *radial_sites[] = {"axilla", "spiral_groove", "posterior_interosseous"};
	for (int i = 0; i < 3; i++)
		ck_assert_double_gt(loss(r, RADLOC_MOVEMENT, "thumb_extension", "radial",
		                         radial_sites[i]), 0.9);
}
END_TEST

START_TEST(a_provocative_sign_speaks_for_its_site_only)
{
	const radloc_rules *r = shipped_rules();
	long g = rl_rules_index(r, RADLOC_SIGN, "phalen");
	ck_assert_int_ge(g, 0);
	const rl_sign *sg = &r->signs[g];
	ck_assert_double_eq(sg->site_sens[site(r, "median", "wrist")], 0.57);
	ck_assert_double_eq(sg->site_sens[site(r, "median", "elbow")], 0.0);
	ck_assert_double_eq(sg->site_sens[site(r, "ulnar", "elbow")], 0.0);
}
END_TEST

/* tiny.yaml's nerve n with sites; r1 is n's. */
static const char *tiny_sites(const char *sites)
{
	static char text[512];
	snprintf(text, sizeof text, "n: {prior: 1.0, sites: %s, source: \"test\"}", sites);
	return tiny_rules_problem("n: {prior: 1.0, source: \"test\"}", text);
}

START_TEST(bad_sites_are_reported)
{
	ck_assert_str_eq(tiny_sites("{up: {share: 1, source: s}, down: {share: 1, "
	                            "spares: {r1: 1.0}, source: s}}"), "");
	ck_assert_str_eq(tiny_sites("{up: {share: 1, spares: {nowhere: 1.0}, source: s}}"),
	                 "8:51: site 'up' of nerve 'n' spares 'nowhere', which is no nerve, "
	                 "region, movement or reflex\n");
	ck_assert_str_eq(tiny_sites("{up: {spares: {r1: 2}, source: s}}"),
	                 "8:27: site 'up' of nerve 'n' has no 'share'\n"
	                 "8:45: the spared fraction of r1 at site 'up' of nerve 'n' is 2, "
	                 "outside [0, 1]\n");
	/* A sign naming a site its nerve does not have. */
	ck_assert_str_eq(tiny_rules_problem("specificity: 0.9,", "sites: {n.nowhere: 0.5}, specificity: 0.9,"),
	                 "19:66: unknown site 'n.nowhere' in the sites of nerve 'n'\n");
}
END_TEST

START_TEST(tiny_site_spares_its_element)
{
	message_sink sink;
	radloc_rules *r = NULL;
	char *text = tiny_rules_text_with(
		"n: {prior: 1.0, source: \"test\"}",
		"n: {prior: 1.0, sites: {up: {share: 3, source: s}, down: {share: 1, "
		"spares: {r1: 0.75}, source: s}}, source: \"test\"}");
	load_rules_text(text, &sink, &r);
	free(text);
	ck_assert_str_eq(sink.text, "");
	ck_assert_uint_eq(r->site_count, 2);
	const rl_element *r1 = &r->elements[0][0];
	ck_assert_double_eq(r1->site_loss[0], 1.0);
	ck_assert_double_eq(r1->site_loss[1], 0.25);
	ck_assert_double_eq(r->nerves[0].sites[0].share, 0.75);
	radloc_rules_free(&r);
}
END_TEST

static const char *site_named(const char *spec, const char *label)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *e = exam_of(r, spec);
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_result *res = NULL;
	radloc_scorer_set_draws(sc, 0);
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	const char *out = NULL;
	radloc_hypothesis h;
	for (size_t i = 0; radloc_result_hypothesis(res, i, &h) == RADLOC_OK; i++)
		if (strcmp(h.label, label) == 0)
			out = h.site ? strdup(h.site) : NULL;
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_exam_free(&e);
	return out;
}

START_TEST(the_scored_nerve_names_its_likeliest_site)
{
	/* Finger drop with the dorsal hand numb: the groove; with it normal
	 * and the brachioradialis kept: the posterior interosseous. */
	const char *groove = site_named("M finger_extension L 1; M wrist_extension L 1; "
	                                "S radial_dorsum_hand L reduced; M elbow_extension L 5",
	                                "radial left");
	const char *pin = site_named("M finger_extension L 1; M wrist_extension L 4; "
	                             "S radial_dorsum_hand L normal; R brachioradialis L 2; "
	                             "M elbow_extension L 5", "radial left");
	const char *weak_triceps = site_named("M finger_extension L 1; M wrist_extension L 1; "
	                                      "M elbow_extension L 2; R triceps L 0",
	                                      "radial left");
	ck_assert_str_eq(groove, "spiral_groove");
	ck_assert_str_eq(pin, "posterior_interosseous");
	ck_assert_str_eq(weak_triceps, "axilla");
	/* A nerve with one implicit site names none. */
	const char *sural = site_named("S lateral_foot L reduced", "sural left");
	ck_assert_ptr_null(sural);
	free((void *)groove);
	free((void *)pin);
	free((void *)weak_triceps);
}
END_TEST

Suite *suite_rules_sites(void)
{
	return make_suite("rules_sites", 0,
	                  TESTS(radial_sites_follow_the_branch_order,
	                        median_wrist_spares_the_palm_and_forearm,
	                        a_spared_branch_takes_what_it_covers,
	                        the_version_2_ids_follow_the_branch_order,
	                        a_provocative_sign_speaks_for_its_site_only,
	                        bad_sites_are_reported, tiny_site_spares_its_element,
	                        the_scored_nerve_names_its_likeliest_site));
}
