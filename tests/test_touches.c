/* Which components can move a finding (touches.c), on the hand-sized
 * rule set fixtures/rules/tiny/tiny.yaml: the anatomy read off the file,
 * and the promise the scorer relies on, that a component said not to
 * touch a finding leaves every outcome at the background. */
#include <string.h>

#include "model.h"
#include "tests.h"

typedef struct fixture {
	rl_components comps;
	int hyp[16], extent[16];
	double scale[16], log_prior[16];
	rl_finding f;
	rl_fwork fw;
	double w[32];
	rl_params p;
} fixture;

static void setup(const radloc_rules *r, fixture *x, radloc_kind table, const char *id,
                  int fkind, radloc_side side)
{
	memset(x, 0, sizeof *x);
	size_t n = 0;
	for (size_t h = 0; h < r->hyp_count && n < 16; h++, n++) {
		x->hyp[n] = (int)h;
		x->extent[n] = r->hyps[h].pattern == RADLOC_POLYNEUROPATHY ? 0 : -1;
		x->scale[n] = 1.0;
	}
	x->comps = (rl_components){n, x->hyp, x->extent, x->scale, x->log_prior, NULL, NULL, NULL};
	x->f.fkind = fkind;
	x->f.table = table;
	x->f.element = (int)radloc_rules_find(r, table, id);
	x->f.side = side;
	rl_fwork_bind(r, &x->fw, &x->f, x->w);
	rl_mean_weights(r, &x->fw);
	rl_mean_params(r, &x->p);
}

static int touches(const radloc_rules *r, fixture *x, const char *label)
{
	for (size_t c = 0; c < x->comps.count; c++)
		if (strcmp(r->hyps[x->comps.hyp[c]].label, label) == 0)
			return rl_touches(r, &x->fw, &x->comps, c);
	ck_abort_msg("no hypothesis %s", label);
	return -1;
}

/* r1 is root A's and nerve n's, m1 root B's, mid a midline region. */
START_TEST(roots_nerves_and_sides)
{
	const radloc_rules *r = tiny_rules();
	fixture x;
	setup(r, &x, RADLOC_REGION, "r1", 0 /* sensory */, RADLOC_LEFT);
	ck_assert_int_eq(touches(r, &x, "A left"), 1);
	ck_assert_int_eq(touches(r, &x, "A right"), 0); /* the other side */
	ck_assert_int_eq(touches(r, &x, "B left"), 0);  /* not its root */
	ck_assert_int_eq(touches(r, &x, "n left"), 1);
	ck_assert_int_eq(touches(r, &x, "normal"), 0);
	setup(r, &x, RADLOC_MOVEMENT, "m1", 1 /* motor */, RADLOC_LEFT);
	ck_assert_int_eq(touches(r, &x, "B left"), 1);
	ck_assert_int_eq(touches(r, &x, "A left"), 0);
	ck_assert_int_eq(touches(r, &x, "n left"), 0); /* n does not supply m1 */
	/* Length-dependent: nothing at the midline. */
	setup(r, &x, RADLOC_REGION, "mid", 0, RADLOC_MIDLINE);
	ck_assert_int_eq(touches(r, &x, "polyneuropathy"), 0);
	setup(r, &x, RADLOC_REGION, "r1", 0, RADLOC_RIGHT);
	ck_assert_int_eq(touches(r, &x, "polyneuropathy"), 1);
}
END_TEST

/* What the scorer's touch lists rest on: a component that does not touch
 * a finding gives every outcome exactly the background's likelihood. */
START_TEST(untouched_is_the_background)
{
	const radloc_rules *r = tiny_rules();
	static const struct {
		radloc_kind table;
		const char *id;
		int fkind, outcomes;
	} rows[] = {{RADLOC_REGION, "r1", 0, 3}, {RADLOC_REGION, "r2", 0, 3},
	            {RADLOC_REGION, "mid", 0, 3}, {RADLOC_MOVEMENT, "m1", 1, 6},
	            {RADLOC_REFLEX, "x1", 2, 5},  {RADLOC_SIGN, "g", 4, 2}};
	static const radloc_side sides[] = {RADLOC_LEFT, RADLOC_RIGHT, RADLOC_MIDLINE};
	size_t untouched = 0;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		for (size_t s = 0; s < 3; s++) {
			fixture x;
			setup(r, &x, rows[i].table, rows[i].id, rows[i].fkind, sides[s]);
			for (size_t c = 0; c < x.comps.count; c++) {
				if (rl_touches(r, &x.fw, &x.comps, c))
					continue;
				untouched++;
				for (int o = 0; o < rows[i].outcomes; o++)
					ck_assert_double_eq(rl_likelihood(r, &x.p, &x.fw, &x.comps, c, o),
					                    rl_background(r, &x.fw, o));
			}
		}
	ck_assert_uint_gt(untouched, 20);
}
END_TEST

Suite *suite_touches(void)
{
	return make_suite("touches", 0, TESTS(roots_nerves_and_sides, untouched_is_the_background));
}
