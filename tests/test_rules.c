#include <string.h>

#include "tests.h"

/* Every id the contract (shared/spec/exam-format.md) says a rule set must
 * cover, typed from the contract. */
static const struct {
	radloc_kind kind;
	const char *id;
} contract[] = {
	{RADLOC_REGION, "lateral_shoulder"}, {RADLOC_REGION, "lateral_arm"},
	{RADLOC_REGION, "medial_arm"}, {RADLOC_REGION, "lateral_antecubital"},
	{RADLOC_REGION, "medial_antecubital"}, {RADLOC_REGION, "lateral_forearm"},
	{RADLOC_REGION, "medial_forearm"}, {RADLOC_REGION, "posterior_forearm"},
	{RADLOC_REGION, "thumb"}, {RADLOC_REGION, "index_finger"},
	{RADLOC_REGION, "middle_finger"}, {RADLOC_REGION, "ring_finger"},
	{RADLOC_REGION, "little_finger"}, {RADLOC_REGION, "radial_dorsum_hand"},
	{RADLOC_REGION, "lateral_palm"}, {RADLOC_REGION, "medial_palm"},
	{RADLOC_REGION, "groin"}, {RADLOC_REGION, "upper_anterior_thigh"},
	{RADLOC_REGION, "anterior_thigh"}, {RADLOC_REGION, "medial_thigh"},
	{RADLOC_REGION, "lateral_thigh"}, {RADLOC_REGION, "posterior_thigh"},
	{RADLOC_REGION, "medial_knee"}, {RADLOC_REGION, "popliteal_fossa"},
	{RADLOC_REGION, "medial_leg"}, {RADLOC_REGION, "lateral_leg"},
	{RADLOC_REGION, "posterior_calf"}, {RADLOC_REGION, "medial_malleolus"},
	{RADLOC_REGION, "dorsum_foot"}, {RADLOC_REGION, "first_web_space"},
	{RADLOC_REGION, "great_toe"}, {RADLOC_REGION, "small_toe"},
	{RADLOC_REGION, "lateral_foot"}, {RADLOC_REGION, "lateral_heel"},
	{RADLOC_REGION, "sole"}, {RADLOC_REGION, "buttock"},
	{RADLOC_REGION, "perianal"}, {RADLOC_REGION, "saddle"},
	{RADLOC_MOVEMENT, "shoulder_abduction"}, {RADLOC_MOVEMENT, "shoulder_external_rotation"},
	{RADLOC_MOVEMENT, "elbow_flexion"}, {RADLOC_MOVEMENT, "wrist_extension"},
	{RADLOC_MOVEMENT, "elbow_extension"}, {RADLOC_MOVEMENT, "wrist_flexion"},
	{RADLOC_MOVEMENT, "finger_extension"}, {RADLOC_MOVEMENT, "finger_flexion"},
	{RADLOC_MOVEMENT, "thumb_abduction"}, {RADLOC_MOVEMENT, "finger_abduction"},
	{RADLOC_MOVEMENT, "forearm_pronation"}, {RADLOC_MOVEMENT, "hip_flexion"},
	{RADLOC_MOVEMENT, "hip_adduction"}, {RADLOC_MOVEMENT, "knee_extension"},
	{RADLOC_MOVEMENT, "hip_abduction"}, {RADLOC_MOVEMENT, "hip_extension"},
	{RADLOC_MOVEMENT, "knee_flexion"}, {RADLOC_MOVEMENT, "ankle_dorsiflexion"},
	{RADLOC_MOVEMENT, "great_toe_extension"}, {RADLOC_MOVEMENT, "ankle_inversion"},
	{RADLOC_MOVEMENT, "ankle_eversion"}, {RADLOC_MOVEMENT, "ankle_plantarflexion"},
	{RADLOC_REFLEX, "biceps"}, {RADLOC_REFLEX, "brachioradialis"},
	{RADLOC_REFLEX, "triceps"}, {RADLOC_REFLEX, "patellar"},
	{RADLOC_REFLEX, "medial_hamstring"}, {RADLOC_REFLEX, "ankle"},
	{RADLOC_SIGN, "straight_leg_raise"}, {RADLOC_SIGN, "crossed_straight_leg_raise"},
	{RADLOC_SIGN, "femoral_stretch"}, {RADLOC_SIGN, "spurling"},
	{RADLOC_SIGN, "babinski"}, {RADLOC_SIGN, "hoffmann"}, {RADLOC_SIGN, "clonus"},
	{RADLOC_SIGN, "bladder_dysfunction"}, {RADLOC_SIGN, "bowel_dysfunction"},
	{RADLOC_ROOT, "C5"}, {RADLOC_ROOT, "C6"}, {RADLOC_ROOT, "C7"},
	{RADLOC_ROOT, "C8"}, {RADLOC_ROOT, "T1"}, {RADLOC_ROOT, "L1"},
	{RADLOC_ROOT, "L2"}, {RADLOC_ROOT, "L3"}, {RADLOC_ROOT, "L4"},
	{RADLOC_ROOT, "L5"}, {RADLOC_ROOT, "S1"}, {RADLOC_ROOT, "S2"},
	{RADLOC_ROOT, "S3"}, {RADLOC_ROOT, "S4"},
	{RADLOC_NERVE, "median"}, {RADLOC_NERVE, "ulnar"}, {RADLOC_NERVE, "radial"},
	{RADLOC_NERVE, "axillary"}, {RADLOC_NERVE, "musculocutaneous"},
	{RADLOC_NERVE, "lateral_femoral_cutaneous"}, {RADLOC_NERVE, "femoral"},
	{RADLOC_NERVE, "obturator"}, {RADLOC_NERVE, "sciatic"},
	{RADLOC_NERVE, "common_peroneal"}, {RADLOC_NERVE, "deep_peroneal"},
	{RADLOC_NERVE, "superficial_peroneal"}, {RADLOC_NERVE, "tibial"},
	{RADLOC_NERVE, "sural"}, {RADLOC_NERVE, "saphenous"},
	/* Version 2 (exam-format.md section 4), the "vocab" part. */
	{RADLOC_REGION, "supraclavicular"}, {RADLOC_REGION, "top_of_shoulder"},
	{RADLOC_REGION, "axilla"}, {RADLOC_REGION, "upper_chest"},
	{RADLOC_REGION, "nipple_line"}, {RADLOC_REGION, "lower_chest"},
	{RADLOC_REGION, "xiphoid"}, {RADLOC_REGION, "below_xiphoid"},
	{RADLOC_REGION, "upper_abdomen"}, {RADLOC_REGION, "above_umbilicus"},
	{RADLOC_REGION, "umbilicus"}, {RADLOC_REGION, "lower_abdomen"},
	{RADLOC_REGION, "inguinal"}, {RADLOC_REGION, "dorsum_hand_ulnar"},
	{RADLOC_REGION, "middle_toes"},
	{RADLOC_MOVEMENT, "forearm_supination"}, {RADLOC_MOVEMENT, "thumb_flexion"},
	{RADLOC_MOVEMENT, "thumb_extension"}, {RADLOC_MOVEMENT, "index_finger_abduction"},
	{RADLOC_MOVEMENT, "toe_flexion"}, {RADLOC_MOVEMENT, "anal_contraction"},
	{RADLOC_REFLEX, "adductor"}, {RADLOC_REFLEX, "anal_wink"},
	{RADLOC_SIGN, "inverted_supinator"}, {RADLOC_SIGN, "lhermitte"},
	{RADLOC_SIGN, "romberg"}, {RADLOC_SIGN, "fasciculations"}, {RADLOC_SIGN, "horner"},
	{RADLOC_ROOT, "C4"}, {RADLOC_ROOT, "T2"}, {RADLOC_ROOT, "T3"}, {RADLOC_ROOT, "T4"},
	{RADLOC_ROOT, "T5"}, {RADLOC_ROOT, "T6"}, {RADLOC_ROOT, "T7"}, {RADLOC_ROOT, "T8"},
	{RADLOC_ROOT, "T9"}, {RADLOC_ROOT, "T10"}, {RADLOC_ROOT, "T11"}, {RADLOC_ROOT, "T12"},
	{RADLOC_NERVE, "superior_gluteal"}, {RADLOC_NERVE, "inferior_gluteal"},
	{RADLOC_NERVE, "pudendal"},
};

START_TEST(contract_ids_resolve)
{
	const radloc_rules *r = shipped_rules();
	ck_assert_msg(radloc_rules_find(r, contract[_i].kind, contract[_i].id) >= 0,
	              "%s '%s' missing", radloc_kind_name(contract[_i].kind),
	              contract[_i].id);
	ck_assert_ptr_nonnull(radloc_rules_source(r, contract[_i].kind, contract[_i].id));
}
END_TEST

/* ISNCSCI key points and key muscles, and the textbook reflexes
 * (evidence.md section 4): the named root must carry the largest weight. */
static const struct {
	radloc_kind kind;
	const char *element;
	const char *root;
} key[] = {
	{RADLOC_REGION, "lateral_antecubital", "C5"}, {RADLOC_REGION, "thumb", "C6"},
	{RADLOC_REGION, "middle_finger", "C7"}, {RADLOC_REGION, "little_finger", "C8"},
	{RADLOC_REGION, "medial_antecubital", "T1"}, {RADLOC_REGION, "upper_anterior_thigh", "L1"},
	{RADLOC_REGION, "anterior_thigh", "L2"}, {RADLOC_REGION, "medial_knee", "L3"},
	{RADLOC_REGION, "medial_malleolus", "L4"}, {RADLOC_REGION, "dorsum_foot", "L5"},
	{RADLOC_REGION, "lateral_heel", "S1"}, {RADLOC_REGION, "popliteal_fossa", "S2"},
	{RADLOC_MOVEMENT, "elbow_flexion", "C5"}, {RADLOC_MOVEMENT, "wrist_extension", "C6"},
	{RADLOC_MOVEMENT, "elbow_extension", "C7"}, {RADLOC_MOVEMENT, "finger_flexion", "C8"},
	{RADLOC_MOVEMENT, "finger_abduction", "T1"}, {RADLOC_MOVEMENT, "hip_flexion", "L2"},
	{RADLOC_MOVEMENT, "knee_extension", "L3"}, {RADLOC_MOVEMENT, "ankle_dorsiflexion", "L4"},
	{RADLOC_MOVEMENT, "great_toe_extension", "L5"}, {RADLOC_MOVEMENT, "ankle_plantarflexion", "S1"},
	{RADLOC_REFLEX, "brachioradialis", "C6"}, {RADLOC_REFLEX, "triceps", "C7"},
	{RADLOC_REFLEX, "patellar", "L4"}, {RADLOC_REFLEX, "medial_hamstring", "L5"},
	{RADLOC_REFLEX, "ankle", "S1"},
};

START_TEST(key_root_weighs_most)
{
	radloc_link links[32];
	size_t n = radloc_rules_suppliers(shipped_rules(), key[_i].kind,
	                                  key[_i].element, links, 32);
	ck_assert_uint_ge(n, 1);
	double want = -1.0, most = 0.0;
	for (size_t i = 0; i < n && i < 32; i++) {
		if (links[i].kind != RADLOC_ROOT)
			continue;
		if (strcmp(links[i].id, key[_i].root) == 0)
			want = links[i].weight;
		if (links[i].weight > most)
			most = links[i].weight;
	}
	ck_assert_msg(want >= most - 1e-12, "%s: %s has %g, the most is %g",
	              key[_i].element, key[_i].root, want, most);
}
END_TEST

START_TEST(root_supplies_and_suppliers_agree)
{
	const radloc_rules *r = shipped_rules();
	radloc_link links[128];
	size_t n = radloc_rules_supplies(r, RADLOC_ROOT, "L5", links, 128);
	ck_assert_uint_ge(n, 5);
	ck_assert_uint_eq(radloc_rules_supplies(r, RADLOC_ROOT, "L5", NULL, 0), n);
	for (size_t i = 0; i < n; i++) {
		radloc_link back[32];
		size_t m = radloc_rules_suppliers(r, links[i].kind, links[i].id, back, 32);
		int found = 0;
		for (size_t j = 0; j < m && j < 32; j++)
			if (back[j].kind == RADLOC_ROOT && strcmp(back[j].id, "L5") == 0 &&
			    back[j].weight == links[i].weight)
				found = 1;
		ck_assert_msg(found, "%s does not name L5 back", links[i].id);
	}
	ck_assert_uint_eq(radloc_rules_supplies(r, RADLOC_ROOT, "L6", links, 128), 0);
}
END_TEST

START_TEST(nerve_branches_inherit)
{
	/* The common peroneal nerve reaches what its deep branch supplies; the
	 * peroneal palsy spares tibialis posterior (evidence.md section 4). */
	const radloc_rules *r = shipped_rules();
	radloc_link links[64];
	size_t n = radloc_rules_supplies(r, RADLOC_NERVE, "common_peroneal", links, 64);
	int toe = 0, inversion = 0;
	for (size_t i = 0; i < n && i < 64; i++) {
		toe |= strcmp(links[i].id, "great_toe_extension") == 0;
		inversion |= strcmp(links[i].id, "ankle_inversion") == 0;
	}
	ck_assert(toe);
	ck_assert(!inversion);
	/* The sciatic divides into the common peroneal and the tibial. */
	radloc_entry_info info;
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_NERVE, "sciatic", &info), RADLOC_OK);
	ck_assert_uint_eq(info.branch_count, 2);
	ck_assert_str_eq(radloc_rules_branch(r, "sciatic", 0), "common_peroneal");
	ck_assert_str_eq(radloc_rules_branch(r, "sciatic", 1), "tibial");
	ck_assert_ptr_null(radloc_rules_branch(r, "sciatic", 2));
	ck_assert_ptr_null(radloc_rules_branch(r, "median", 0));
	ck_assert_ptr_null(radloc_rules_branch(r, "L5", 0));
	ck_assert_ptr_null(radloc_rules_branch(r, NULL, 0));
}
END_TEST

START_TEST(api_reads_and_suggests)
{
	const radloc_rules *r = shipped_rules();
	radloc_entry_info info;
	ck_assert_uint_eq(radloc_rules_count(r, RADLOC_ROOT), 26);
	ck_assert_str_eq(radloc_rules_id(r, RADLOC_ROOT, 0), "C4");
	ck_assert_ptr_null(radloc_rules_id(r, RADLOC_ROOT, 26));
	ck_assert_str_eq(radloc_rules_nearest(r, RADLOC_REGION, "dorsal_foot"), "dorsum_foot");
	ck_assert_ptr_null(radloc_rules_nearest(r, RADLOC_REGION, "elbow"));
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_ROOT, "L5", &info), RADLOC_OK);
	ck_assert_int_eq(info.level, 25);
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_ROOT, "L6", &info), RADLOC_ERR_REFERENCE);
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_NERVE, "sciatic", &info), RADLOC_OK);
	ck_assert_uint_eq(info.branch_count, 2);
	ck_assert_uint_eq(radloc_rules_count(NULL, RADLOC_ROOT), 0);
	ck_assert_int_eq(radloc_rules_find(r, (radloc_kind)99, "L5"), -1);
	/* Priors are normalised shares. */
	double sum = 0.0;
	for (size_t i = 0; i < 26; i++) {
		radloc_rules_info(r, RADLOC_ROOT, radloc_rules_id(r, RADLOC_ROOT, i), &info);
		sum += info.prior;
	}
	ck_assert_double_eq_tol(sum, 1.0, 1e-12);
}
END_TEST

Suite *suite_rules(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = add_tests(s, "shipped", 0,
	                      TESTS(root_supplies_and_suppliers_agree, nerve_branches_inherit,
	                            api_reads_and_suggests));
	tcase_add_loop_test(tc, contract_ids_resolve, 0,
	                    (int)(sizeof contract / sizeof contract[0]));
	tcase_add_loop_test(tc, key_root_weighs_most, 0, (int)(sizeof key / sizeof key[0]));
	return s;
}
