/* engine/territory.c: what a hypothesis's territory holds, checked against
 * the shipped rule set and the other ways the library reads supply. */
#include <string.h>

#include "tests.h"

static radloc_hypothesis root_hypothesis(const char *a, const char *b)
{
	return (radloc_hypothesis){.pattern = b ? RADLOC_MULTIRADICULOPATHY : RADLOC_RADICULOPATHY,
	                           .kind = RADLOC_HYPOTHESIS_ROOT, .roots = {a, b},
	                           .root_count = b ? 2 : 1, .side = RADLOC_LEFT};
}

static radloc_hypothesis pattern_hypothesis(radloc_pattern p, const char *extent)
{
	return (radloc_hypothesis){.pattern = p, .kind = RADLOC_HYPOTHESIS_PATTERN,
	                           .side = RADLOC_MIDLINE, .extent = extent};
}

/* The weight of id in a territory, or -1 when it is not there. */
static double weight_of(const radloc_link *links, size_t n, radloc_kind kind,
                        const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (links[i].kind == kind && strcmp(links[i].id, id) == 0)
			return links[i].weight;
	return -1.0;
}

START_TEST(l5_territory)
{
	radloc_hypothesis h = root_hypothesis("L5", NULL);
	radloc_link links[128];
	size_t n = radloc_rules_territory(shipped_rules(), &h, links, 128);

	ck_assert_uint_gt(n, 3);
	ck_assert_uint_le(n, 128);
	ck_assert_int_eq(links[0].kind, RADLOC_ROOT);
	ck_assert_str_eq(links[0].id, "L5");
	ck_assert(weight_of(links, n, RADLOC_REGION, "dorsum_foot") >= RADLOC_TERRITORY_SHARE);
	ck_assert(weight_of(links, n, RADLOC_MOVEMENT, "great_toe_extension") >=
	          RADLOC_TERRITORY_SHARE);
	/* The rules give L5 30 % of the sole (its medial part): in. The lateral
	 * heel (15 %, the S1 key point) and the medial leg (15 %): out. */
	ck_assert(weight_of(links, n, RADLOC_REGION, "sole") >= RADLOC_TERRITORY_SHARE);
	ck_assert(weight_of(links, n, RADLOC_REGION, "lateral_heel") < 0);
	ck_assert(weight_of(links, n, RADLOC_REGION, "medial_leg") < 0);
	ck_assert(weight_of(links, n, RADLOC_REGION, "thumb") < 0);
	/* Everything else agrees with what the rule set says L5 supplies. */
	radloc_link supply[256];
	size_t ns = radloc_rules_supplies(shipped_rules(), RADLOC_ROOT, "L5", supply, 256);
	for (size_t i = 1; i < n; i++)
		ck_assert(weight_of(supply, ns, links[i].kind, links[i].id) == links[i].weight);
}
END_TEST

START_TEST(two_roots_are_the_union)
{
	radloc_hypothesis l5 = root_hypothesis("L5", NULL), s1 = root_hypothesis("S1", NULL);
	radloc_hypothesis both = root_hypothesis("L5", "S1");
	radloc_link a[128], b[128], ab[256];
	size_t na = radloc_rules_territory(shipped_rules(), &l5, a, 128);
	size_t nb = radloc_rules_territory(shipped_rules(), &s1, b, 128);
	size_t nab = radloc_rules_territory(shipped_rules(), &both, ab, 256);

	ck_assert_str_eq(ab[0].id, "L5");
	ck_assert_str_eq(ab[1].id, "S1");
	ck_assert(weight_of(ab, nab, RADLOC_REGION, "lateral_foot") >= RADLOC_TERRITORY_SHARE);
	ck_assert(weight_of(ab, nab, RADLOC_REGION, "dorsum_foot") >= RADLOC_TERRITORY_SHARE);
	for (size_t i = 2; i < nab; i++) {
		double wa = weight_of(a, na, ab[i].kind, ab[i].id);
		double wb = weight_of(b, nb, ab[i].kind, ab[i].id);
		ck_assert(ab[i].weight == (wa > wb ? wa : wb));
	}
}
END_TEST

/* A nerve's territory is what it supplies (through its branches) with at
 * least the share: radloc_rules_supplies less the signs and the rest. */
START_TEST(nerve_territory_is_its_supply)
{
	static const char *const nerves[] = {"deep_peroneal", "median", "sciatic", "sural"};
	for (size_t k = 0; k < sizeof nerves / sizeof nerves[0]; k++) {
		radloc_hypothesis h;
		memset(&h, 0, sizeof h);
		h.pattern = RADLOC_MONONEUROPATHY;
		h.kind = RADLOC_HYPOTHESIS_NERVE;
		h.nerve = nerves[k];
		h.side = RADLOC_RIGHT;
		radloc_link links[128], supply[256];
		size_t n = radloc_rules_territory(shipped_rules(), &h, links, 128);
		size_t ns = radloc_rules_supplies(shipped_rules(), RADLOC_NERVE, nerves[k],
		                                  supply, 256);
		size_t expected = 1;
		for (size_t i = 0; i < ns; i++)
			if (supply[i].kind != RADLOC_SIGN && supply[i].weight >= RADLOC_TERRITORY_SHARE) {
				ck_assert(weight_of(links, n, supply[i].kind, supply[i].id) ==
				          supply[i].weight);
				expected++;
			}
		ck_assert_uint_eq(n, expected);
		ck_assert_int_eq(links[0].kind, RADLOC_NERVE);
		ck_assert_str_eq(links[0].id, nerves[k]);
	}
}
END_TEST

/* At a named site the territory loses what leaves above it: the posterior
 * interosseous has no skin and no triceps; without a site the whole nerve. */
START_TEST(nerve_site_territory_spares_what_leaves_above)
{
	radloc_hypothesis h = {.pattern = RADLOC_MONONEUROPATHY, .kind = RADLOC_HYPOTHESIS_NERVE,
	                       .nerve = "radial", .side = RADLOC_LEFT};
	radloc_link links[128];
	size_t n = radloc_rules_territory(shipped_rules(), &h, links, 128);
	ck_assert(weight_of(links, n, RADLOC_REGION, "radial_dorsum_hand") > 0.5);
	ck_assert(weight_of(links, n, RADLOC_MOVEMENT, "elbow_extension") > 0.5);
	h.site = "posterior_interosseous";
	n = radloc_rules_territory(shipped_rules(), &h, links, 128);
	ck_assert(weight_of(links, n, RADLOC_REGION, "radial_dorsum_hand") < 0.0);
	ck_assert(weight_of(links, n, RADLOC_MOVEMENT, "elbow_extension") < 0.0);
	ck_assert(weight_of(links, n, RADLOC_MOVEMENT, "finger_extension") > 0.9);
}
END_TEST

START_TEST(count_then_fill_agrees)
{
	radloc_hypothesis h = root_hypothesis("C6", NULL);
	radloc_link links[128], few[4];
	size_t count = radloc_rules_territory(shipped_rules(), &h, NULL, 0);
	size_t filled = radloc_rules_territory(shipped_rules(), &h, links, 128);

	ck_assert_uint_gt(count, 4);
	ck_assert_uint_eq(count, filled);
	/* A short buffer is filled with the first links, never past its end. */
	memset(few, 0, sizeof few);
	ck_assert_uint_eq(radloc_rules_territory(shipped_rules(), &h, few, 3), count);
	for (size_t i = 0; i < 3; i++)
		ck_assert_str_eq(few[i].id, links[i].id);
	ck_assert_ptr_null(few[3].id);
}
END_TEST

START_TEST(cauda_equina_territory)
{
	radloc_hypothesis h = pattern_hypothesis(RADLOC_CAUDA_EQUINA, NULL);
	radloc_link links[256];
	size_t n = radloc_rules_territory(shipped_rules(), &h, links, 256);
	long level = 0;
	size_t roots = 0;

	ck_assert_uint_le(n, 256);
	for (size_t i = 0; i < n && links[i].kind == RADLOC_ROOT; i++, roots++) {
		radloc_entry_info info;
		ck_assert_int_eq(radloc_rules_info(shipped_rules(), RADLOC_ROOT, links[i].id,
		                                   &info), RADLOC_OK);
		ck_assert_int_gt(info.level, level); /* cranial to caudal */
		level = info.level;
	}
	ck_assert_uint_ge(roots, 2);
	ck_assert_str_eq(links[0].id, "S2");
	ck_assert(weight_of(links, n, RADLOC_ROOT, "L5") < 0);
	ck_assert(weight_of(links, n, RADLOC_REGION, "saddle") >= 0);
	ck_assert(weight_of(links, n, RADLOC_REGION, "perianal") >= 0);
	ck_assert(weight_of(links, n, RADLOC_REGION, "dorsum_foot") < 0);
	ck_assert(weight_of(links, n, RADLOC_REGION, "thumb") < 0);
}
END_TEST

START_TEST(polyneuropathy_territory_is_its_extent)
{
	const radloc_rules *r = shipped_rules();
	radloc_hypothesis h = pattern_hypothesis(RADLOC_POLYNEUROPATHY, "ankle");
	radloc_link links[256];
	size_t n = radloc_rules_territory(r, &h, links, 256);
	double threshold = radloc_rules_extent_threshold(r, "ankle");

	ck_assert(threshold > 0);
	ck_assert_uint_gt(n, 0);
	ck_assert(weight_of(links, n, RADLOC_REGION, "great_toe") == 1.0);
	ck_assert(weight_of(links, n, RADLOC_REGION, "saddle") < 0);
	for (size_t i = 0; i < n; i++) {
		radloc_entry_info info;
		ck_assert_int_eq(radloc_rules_info(r, links[i].kind, links[i].id, &info),
		                 RADLOC_OK);
		ck_assert(info.distal_rank >= threshold);
		ck_assert_str_ne(info.limb, "midline");
	}
	/* A wider extent holds more. */
	h.extent = "knee_fingertips";
	ck_assert_uint_gt(radloc_rules_territory(r, &h, NULL, 0), n);
	h.extent = "no_such_extent";
	ck_assert_uint_eq(radloc_rules_territory(r, &h, NULL, 0), 0);
}
END_TEST

START_TEST(no_territory)
{
	radloc_hypothesis h = pattern_hypothesis(RADLOC_NORMAL, NULL);
	radloc_link links[4];
	ck_assert_uint_eq(radloc_rules_territory(shipped_rules(), &h, links, 4), 0);
	h = root_hypothesis("L9", NULL);
	ck_assert_uint_eq(radloc_rules_territory(shipped_rules(), &h, links, 4), 0);
	ck_assert_uint_eq(radloc_rules_territory(NULL, &h, links, 4), 0);
	ck_assert_uint_eq(radloc_rules_territory(shipped_rules(), NULL, links, 4), 0);
}
END_TEST

/* The leader of a scored exam has the territory its label names. */
START_TEST(territory_of_a_result)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *exam = exam_of(r, "M great_toe_extension L 3; S dorsum_foot L reduced; "
	                               "S first_web_space L reduced");
	radloc_result *res = score_exam(exam, 0);
	radloc_hypothesis lead;

	ck_assert_int_eq(radloc_result_hypothesis(res, 0, &lead), RADLOC_OK);
	radloc_link links[128];
	size_t n = radloc_rules_territory(r, &lead, links, 128);
	ck_assert_uint_gt(n, 1);
	ck_assert(weight_of(links, n, RADLOC_REGION, "dorsum_foot") >= RADLOC_TERRITORY_SHARE);
	radloc_result_free(&res);
	radloc_exam_free(&exam);
}
END_TEST

Suite *suite_territory(void)
{
	return make_suite("territory", 0,
	                  TESTS(l5_territory, two_roots_are_the_union,
	                        nerve_site_territory_spares_what_leaves_above,
	                        nerve_territory_is_its_supply, count_then_fill_agrees,
	                        cauda_equina_territory,
	                        polyneuropathy_territory_is_its_extent, no_territory,
	                        territory_of_a_result));
}
