/* cord.c: a myelopathy's level and form, from whole exams under the
 * shipped rules (docs/scoring.md, "Myelopathy: level and form"), the
 * signs that name levels, and the flags read from the modalities. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cord.h"
#include "model.h"
#include "tests.h"

/* How sure the myelopathy of exam text is of its level. */
static double level_sureness;

/* The myelopathy of exam text as ranked, and the result's flags. */
static double myelopathy_of(const char *text, char *level, char *form, unsigned *flags)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	radloc_scorer *sc = radloc_scorer_new(r);
	double p = -1.0;
	ck_assert_int_eq(radloc_exam_parse(r, text, strlen(text), "t", 1, NULL, NULL, &exam),
	                 RADLOC_OK);
	radloc_scorer_set_draws(sc, 0);
	radloc_scorer_set_top(sc, 1000);
	ck_assert_int_eq(radloc_score(sc, exam, &res), RADLOC_OK);
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		if (strcmp(h.label, "myelopathy") == 0) {
			p = h.probability;
			ck_assert_ptr_nonnull(h.level);
			ck_assert_ptr_nonnull(h.form);
			strcpy(level, h.level);
			strcpy(form, h.form);
			level_sureness = h.level_probability;
			ck_assert(h.level_probability > 0.0 && h.level_probability <= 1.0);
		} else {
			ck_assert_ptr_null(h.level);
			ck_assert_ptr_null(h.form);
		}
	}
	*flags = radloc_result_flags(res);
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	radloc_scorer_free(&sc);
	return p;
}

/* The prior shares of the levels and forms add up to the pattern's. */
START_TEST(components_share_the_myelopathy_prior)
{
	const radloc_rules *r = shipped_rules();
	double sum = 0.0;
	ck_assert_uint_eq(rl_cord_component_count(r), 21 * RL_CORD_PARTS); /* C3..L3 */
	for (size_t i = 0; i < rl_cord_component_count(r); i++)
		sum += exp(rl_cord_log_share(r, i));
	ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	/* Without a cord section (tiny.yaml): one level-less component. */
	ck_assert_uint_eq(rl_cord_component_count(tiny_rules()), 1);
}
END_TEST

/* Hoffmann needs a level above C8, the inverted supinator C5-C6, a
 * hemicord's Babinski is on its own side. */
START_TEST(signs_name_their_levels_and_side)
{
	const radloc_rules *r = shipped_rules();
	const rl_sign *hoffmann = &r->signs[rl_rules_index(r, RADLOC_SIGN, "hoffmann")];
	const rl_sign *inverted = &r->signs[rl_rules_index(r, RADLOC_SIGN, "inverted_supinator")];
	const rl_sign *babinski = &r->signs[rl_rules_index(r, RADLOC_SIGN, "babinski")];
	int c5 = -1, c7 = -1, t4 = -1;
	for (size_t x = 0; x < r->cord.level_count; x++) {
		int i = (int)x * RL_CORD_PARTS;
		if (r->cord.level[x] == 5) c5 = i;
		if (r->cord.level[x] == 7) c7 = i;
		if (r->cord.level[x] == 12) t4 = i;
	}
	ck_assert_double_eq(rl_cord_sign_reach(r, hoffmann, c5, RADLOC_LEFT), 1.0);
	ck_assert_double_eq(rl_cord_sign_reach(r, hoffmann, c7, RADLOC_LEFT), 1.0);
	ck_assert_double_eq(rl_cord_sign_reach(r, hoffmann, t4, RADLOC_LEFT), 0.0);
	ck_assert_double_eq(rl_cord_sign_reach(r, inverted, c5, RADLOC_RIGHT), 1.0);
	ck_assert_double_eq(rl_cord_sign_reach(r, inverted, c7, RADLOC_RIGHT), 0.0);
	ck_assert_double_eq(rl_cord_sign_reach(r, babinski, t4, RADLOC_RIGHT), 1.0);
	ck_assert_double_eq(rl_cord_sign_reach(r, babinski, t4 + RL_PART_HEMI_LEFT, RADLOC_LEFT),
	                    1.0);
	ck_assert_double_eq(rl_cord_sign_reach(r, babinski, t4 + RL_PART_HEMI_LEFT, RADLOC_RIGHT),
	                    0.0);
}
END_TEST

/* Lost C5-C6 jerks with brisk jerks below: the level is C5-C7, and it is
 * the cord, not the C6 roots. */
START_TEST(myeloradiculopathy_names_its_level)
{
	char level[8], form[16];
	unsigned flags;
	double p = myelopathy_of("reflex:\n"
	                         "  - {reflex: biceps, side: bilateral, grade: 1}\n"
	                         "  - {reflex: brachioradialis, side: bilateral, grade: 0}\n"
	                         "  - {reflex: triceps, side: bilateral, grade: 3}\n"
	                         "  - {reflex: patellar, side: bilateral, grade: 3}\n"
	                         "signs:\n"
	                         "  - {sign: hoffmann, side: bilateral, result: positive}\n"
	                         "  - {sign: babinski, side: bilateral, result: positive}\n",
	                         level, form, &flags);
	ck_assert_double_gt(p, 0.5);
	ck_assert_int_ge(rl_segment_number(level), 5);
	ck_assert_int_le(rl_segment_number(level), 7);
	ck_assert_str_eq(form, "transverse");
}
END_TEST

/* Legs only, with a sensory level at the umbilicus: thoracic. */
static const char t10[] =
	"sensory:\n"
	"  - {region: xiphoid, side: bilateral, status: normal, modality: pin_prick}\n"
	"  - {region: umbilicus, side: bilateral, status: absent, modality: pin_prick}\n"
	"  - {region: lower_abdomen, side: bilateral, status: absent, modality: pin_prick}\n"
	"  - {region: dorsum_foot, side: bilateral, status: absent, modality: pin_prick}\n"
	"motor:\n"
	"  - {movement: hip_flexion, side: bilateral, grade: 3}\n"
	"  - {movement: elbow_extension, side: bilateral, grade: 5}\n"
	"reflex:\n"
	"  - {reflex: patellar, side: bilateral, grade: 4}\n"
	"  - {reflex: biceps, side: bilateral, grade: 2}\n"
	"signs:\n"
	"  - {sign: babinski, side: bilateral, result: positive}\n";

START_TEST(sensory_level_is_thoracic_and_flagged)
{
	char level[8], form[16];
	unsigned flags;
	double p = myelopathy_of(t10, level, form, &flags);
	ck_assert_double_gt(p, 0.5);
	ck_assert_int_ge(rl_segment_number(level), rl_segment_number("T8"));
	ck_assert_int_le(rl_segment_number(level), rl_segment_number("T11"));
	ck_assert(flags & RADLOC_FLAG_SENSORY_LEVEL);
	ck_assert(!(flags & RADLOC_FLAG_DISSOCIATED));
}
END_TEST

/* A lesion of the L2 segment: lower motor neuron weakness at L2 (hip
 * flexion), upper motor neuron signs below it (brisk knee and ankle
 * jerks, Babinski), pin prick lost from the anterior thigh (L2) down with
 * the groin (L1) kept. A lumbar level, not T12 as when the cord's levels
 * ended there. */
START_TEST(lumbar_segment_lesion_is_a_lumbar_level)
{
	char level[8], form[16];
	unsigned flags;
	double p = myelopathy_of(
		"sensory:\n"
		"  - {region: umbilicus, side: bilateral, status: normal, modality: pin_prick}\n"
		"  - {region: inguinal, side: bilateral, status: normal, modality: pin_prick}\n"
		"  - {region: anterior_thigh, side: bilateral, status: reduced, modality: pin_prick}\n"
		"  - {region: medial_knee, side: bilateral, status: reduced, modality: pin_prick}\n"
		"  - {region: dorsum_foot, side: bilateral, status: reduced, modality: pin_prick}\n"
		"  - {region: perianal, side: midline, status: reduced, modality: pin_prick}\n"
		"motor:\n"
		"  - {movement: hip_flexion, side: bilateral, grade: 3}\n"
		"  - {movement: knee_extension, side: bilateral, grade: 4}\n"
		"  - {movement: ankle_dorsiflexion, side: bilateral, grade: 4}\n"
		"  - {movement: elbow_extension, side: bilateral, grade: 5}\n"
		"reflex:\n"
		"  - {reflex: patellar, side: bilateral, grade: 3}\n"
		"  - {reflex: achilles, side: bilateral, grade: 4}\n"
		"signs:\n"
		"  - {sign: babinski, side: bilateral, result: positive}\n",
		level, form, &flags);
	ck_assert_double_gt(p, 0.9);
	ck_assert_int_ge(rl_segment_number(level), rl_segment_number("L1"));
	ck_assert_int_le(rl_segment_number(level), rl_segment_number("L3"));
	ck_assert_str_eq(form, "transverse");
}
END_TEST

/* How sure of the level follows what was examined: the T8 point between
 * a normal xiphoid (T6) and an absent umbilicus (T10) tested normal rules
 * out the levels above it, so the level is surer. */
START_TEST(level_sureness_follows_the_points_examined)
{
	static const char t8_normal[] =
		"  - {region: upper_abdomen, side: bilateral, status: normal, modality: pin_prick}\n";
	char level[8], form[16], with_t8[1024];
	unsigned flags;
	myelopathy_of(t10, level, form, &flags);
	double open = level_sureness;
	/* t10 with the T8 point added after its first line (the xiphoid). */
	const char *second = strchr(strchr(t10, '\n') + 1, '\n') + 1;
	snprintf(with_t8, sizeof with_t8, "%.*s%s%s", (int)(second - t10), t10, t8_normal, second);
	myelopathy_of(with_t8, level, form, &flags);
	ck_assert_msg(level_sureness > open + 0.1, "sureness %.3f with T8 normal, %.3f without",
	              level_sureness, open);
	ck_assert_int_ge(rl_segment_number(level), rl_segment_number("T9"));
	ck_assert_int_le(rl_segment_number(level), rl_segment_number("T11"));
}
END_TEST

/* A cape of lost pin prick with touch kept, arms weaker than legs. */
START_TEST(cape_with_touch_kept_is_central_and_dissociated)
{
	char level[8], form[16];
	unsigned flags;
	double p = myelopathy_of(
		"sensory:\n"
		"  - {region: lateral_shoulder, side: bilateral, status: absent, modality: pin_prick}\n"
		"  - {region: lateral_arm, side: bilateral, status: absent, modality: pin_prick}\n"
		"  - {region: lateral_arm, side: bilateral, status: normal, modality: light_touch}\n"
		"motor:\n"
		"  - {movement: shoulder_abduction, side: bilateral, grade: 3}\n"
		"  - {movement: elbow_extension, side: bilateral, grade: 3}\n"
		"  - {movement: hip_flexion, side: bilateral, grade: 5}\n"
		"reflex:\n"
		"  - {reflex: patellar, side: bilateral, grade: 3}\n",
		level, form, &flags);
	ck_assert_double_gt(p, 0.5);
	ck_assert_str_eq(form, "central");
	ck_assert(flags & RADLOC_FLAG_DISSOCIATED);
	ck_assert(!(flags & RADLOC_FLAG_SENSORY_LEVEL));
}
END_TEST

/* Same-side weakness and vibration loss, other-side pin loss: hemicord. */
START_TEST(crossed_loss_is_a_hemicord)
{
	char level[8], form[16];
	unsigned flags;
	double p = myelopathy_of(
		"motor:\n"
		"  - {movement: hip_flexion, side: left, grade: 3}\n"
		"  - {movement: ankle_dorsiflexion, side: left, grade: 3}\n"
		"  - {movement: hip_flexion, side: right, grade: 5}\n"
		"reflex:\n"
		"  - {reflex: patellar, side: left, grade: 3}\n"
		"sensory:\n"
		"  - {region: great_toe, side: left, status: absent, modality: vibration}\n"
		"  - {region: great_toe, side: right, status: normal, modality: vibration}\n"
		"  - {region: anterior_thigh, side: right, status: absent, modality: pin_prick}\n"
		"  - {region: dorsum_foot, side: right, status: absent, modality: pin_prick}\n"
		"  - {region: dorsum_foot, side: left, status: normal, modality: pin_prick}\n"
		"signs:\n"
		"  - {sign: babinski, side: left, result: positive}\n",
		level, form, &flags);
	ck_assert_double_gt(p, 0.5);
	ck_assert_str_eq(form, "hemicord");
}
END_TEST

/* The draws agree with the point estimate: the level's root findings
 * read the drawn weights (the generic kernel), so the myelopathy's
 * interval holds its probability. */
START_TEST(interval_holds_the_point_estimate)
{
	const radloc_rules *r = shipped_rules();
	static const char text[] =
		"sensory:\n"
		"  - {region: lateral_shoulder, side: bilateral, status: absent, modality: pin_prick}\n"
		"  - {region: lateral_arm, side: bilateral, status: normal, modality: light_touch}\n"
		"motor:\n"
		"  - {movement: shoulder_abduction, side: bilateral, grade: 3}\n"
		"reflex:\n"
		"  - {reflex: biceps, side: bilateral, grade: 0}\n"
		"  - {reflex: patellar, side: bilateral, grade: 0}\n";
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	radloc_scorer *sc = radloc_scorer_new(r);
	ck_assert_int_eq(radloc_exam_parse(r, text, strlen(text), "t", 1, NULL, NULL, &exam),
	                 RADLOC_OK);
	radloc_scorer_set_draws(sc, 400);
	radloc_scorer_set_top(sc, 1000);
	ck_assert_int_eq(radloc_score(sc, exam, &res), RADLOC_OK);
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		if (strcmp(h.label, "myelopathy") == 0 && h.probability > 0.01) {
			ck_assert_double_le(h.lower, h.probability * 1.5);
			ck_assert_double_ge(h.upper, h.probability / 1.5);
		}
	}
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	radloc_scorer_free(&sc);
}
END_TEST

/* A plain root lesion raises neither flag, and one root's skin lost by
 * pin prick alone (touch untested) is no dissociation. */
START_TEST(root_lesion_raises_no_cord_flag)
{
	char level[8], form[16];
	unsigned flags;
	myelopathy_of("sensory:\n"
	              "  - {region: dorsum_foot, side: left, status: reduced, modality: pin_prick}\n"
	              "  - {region: great_toe, side: left, status: reduced}\n"
	              "motor:\n"
	              "  - {movement: great_toe_extension, side: left, grade: 4}\n",
	              level, form, &flags);
	ck_assert(!(flags & (RADLOC_FLAG_SENSORY_LEVEL | RADLOC_FLAG_DISSOCIATED)));
}
END_TEST

/* A complete T4 paraplegia (ISNCSCI AIS A): every leg key muscle 0, pin
 * prick absent from the nipple line down, the saddle and the anal squeeze
 * lost, the arms normal. The complete part of the transverse form makes
 * MRC 0 and absent sensation below its level; without it this was `other`
 * at > 99.9 % (tests/isncsci t4-complete). */
START_TEST(complete_paraplegia_is_a_transverse_cord)
{
	char level[8], form[16];
	unsigned flags;
	double p = myelopathy_of(
		"sensory:\n"
		"  - {region: axilla, side: bilateral, status: normal, modality: pin_prick}\n"
		"  - {region: upper_chest, side: bilateral, status: normal, modality: pin_prick}\n"
		"  - {region: nipple_line, side: bilateral, status: absent, modality: pin_prick}\n"
		"  - {region: xiphoid, side: bilateral, status: absent, modality: pin_prick}\n"
		"  - {region: umbilicus, side: bilateral, status: absent, modality: pin_prick}\n"
		"  - {region: anterior_thigh, side: bilateral, status: absent, modality: pin_prick}\n"
		"  - {region: dorsum_foot, side: bilateral, status: absent, modality: pin_prick}\n"
		"  - {region: perianal, side: midline, status: absent, modality: pin_prick}\n"
		"motor:\n"
		"  - {movement: elbow_flexion, side: bilateral, grade: 5}\n"
		"  - {movement: finger_abduction, side: bilateral, grade: 5}\n"
		"  - {movement: hip_flexion, side: bilateral, grade: 0}\n"
		"  - {movement: knee_extension, side: bilateral, grade: 0}\n"
		"  - {movement: ankle_dorsiflexion, side: bilateral, grade: 0}\n"
		"  - {movement: ankle_plantarflexion, side: bilateral, grade: 0}\n"
		"  - {movement: anal_contraction, side: midline, grade: 0}\n",
		level, form, &flags);
	ck_assert_double_gt(p, 0.9);
	ck_assert_int_ge(rl_segment_number(level), rl_segment_number("T3"));
	ck_assert_int_le(rl_segment_number(level), rl_segment_number("T5"));
	ck_assert_str_eq(form, "transverse");
	ck_assert(flags & RADLOC_FLAG_SENSORY_LEVEL);
}
END_TEST

/* Without the complete part (complete 0: a rule set that does not give
 * it) the transverse form's shares are as before and sum to its weight. */
START_TEST(complete_takes_a_share_of_the_transverse_form)
{
	const radloc_rules *r = shipped_rules();
	double transverse = 0.0, complete = 0.0;
	for (size_t i = 0; i < rl_cord_component_count(r); i++) {
		double w = exp(rl_cord_log_share(r, i));
		if (i % RL_CORD_PARTS == RL_PART_TRANSVERSE) transverse += w;
		if (i % RL_CORD_PARTS == RL_PART_COMPLETE) complete += w;
	}
	ck_assert_double_eq_tol(complete / (complete + transverse), r->cord.complete, 1e-9);
	ck_assert_double_eq_tol(complete + transverse, r->cord.form_weight[RL_CORD_TRANSVERSE],
	                        1e-9);
	ck_assert_int_eq(rl_cord_form(RL_PART_COMPLETE), RL_CORD_TRANSVERSE);
}
END_TEST

Suite *suite_cord(void)
{
	return make_suite("cord", 0,
	                  TESTS(components_share_the_myelopathy_prior,
	                        signs_name_their_levels_and_side, myeloradiculopathy_names_its_level,
	                        sensory_level_is_thoracic_and_flagged, lumbar_segment_lesion_is_a_lumbar_level,
	                        level_sureness_follows_the_points_examined,
	                        cape_with_touch_kept_is_central_and_dissociated,
	                        crossed_loss_is_a_hemicord, root_lesion_raises_no_cord_flag,
	                        interval_holds_the_point_estimate,
	                        complete_paraplegia_is_a_transverse_cord,
	                        complete_takes_a_share_of_the_transverse_form));
}
