/* draws.c: the bank of plausible people. */
#include <math.h>
#include <string.h>

#include "draws.h"
#include "exam_impl.h"
#include "tests.h"

#define DRAWS 400

static const rl_element *element(const radloc_rules *r, radloc_kind t, const char *id,
                                 size_t *row)
{
	long i = rl_rules_index(r, t, id);
	ck_assert_int_ge(i, 0);
	*row = rl_element_row(r, t, (int)i);
	return &r->elements[t - RADLOC_REGION][i];
}

/* Each kind's sensitivity is drawn around its rule value, inside (0, 1). */
START_TEST(sensitivities_scatter_around_the_rules)
{
	const radloc_rules *r = tiny_rules();
	rl_bank b;
	ck_assert_int_eq(rl_bank_init(&b), RADLOC_OK);
	ck_assert_int_eq(rl_bank_ready(&b, r, 3, DRAWS), RADLOC_OK);
	for (int k = 0; k < RL_FKIND_COUNT; k++) {
		if (r->findings[k].concentration <= 0.0 || r->findings[k].sensitivity <= 0.0)
			continue;
		double mean = 0.0, spread = 0.0;
		for (size_t d = 0; d < DRAWS; d++) {
			double v = b.sens[(size_t)k * DRAWS + d];
			ck_assert(v > 0.0 && v < 1.0);
			mean += v / DRAWS;
		}
		for (size_t d = 0; d < DRAWS; d++)
			spread += fabs(b.sens[(size_t)k * DRAWS + d] - mean);
		ck_assert_double_eq_tol(mean, r->findings[k].sensitivity, 0.03);
		ck_assert(spread > 0.0);
	}
	rl_bank_free(&b);
}
END_TEST

/* Dirichlet weights: one per root, summing to 1 in every draw. */
START_TEST(element_weights_sum_to_one)
{
	const radloc_rules *r = tiny_rules();
	rl_bank b;
	size_t row;
	const rl_element *el = element(r, RADLOC_REGION, "r2", &row);
	ck_assert_uint_eq(el->root_count, 2);
	ck_assert_int_eq(rl_bank_init(&b), RADLOC_OK);
	ck_assert_int_eq(rl_bank_ready(&b, r, 3, DRAWS), RADLOC_OK);
	const double *v = rl_bank_element(&b, el, row);
	ck_assert_ptr_nonnull(v);
	double first = 0.0;
	for (size_t d = 0; d < DRAWS; d++) {
		ck_assert_double_eq_tol(v[2 * d] + v[2 * d + 1], 1.0, 1e-12);
		first += v[2 * d] / DRAWS;
	}
	ck_assert_double_eq_tol(first, 0.5, 0.03);
	/* Asked again: the same row, not drawn anew. */
	ck_assert_ptr_eq(rl_bank_element(&b, el, row), v);
	rl_bank_free(&b);
}
END_TEST

/* A row depends on the seed and its own index only: not on which rows
 * were drawn before it, nor on an earlier seed. */
START_TEST(rows_are_reproducible)
{
	const radloc_rules *r = tiny_rules();
	rl_bank a, b;
	size_t row1, row2;
	const rl_element *e1 = element(r, RADLOC_REGION, "r2", &row1);
	const rl_element *e2 = element(r, RADLOC_REFLEX, "x1", &row2);
	ck_assert_int_eq(rl_bank_init(&a), RADLOC_OK);
	ck_assert_int_eq(rl_bank_init(&b), RADLOC_OK);
	ck_assert_int_eq(rl_bank_ready(&a, r, 11, DRAWS), RADLOC_OK);
	ck_assert_int_eq(rl_bank_ready(&b, r, 99, DRAWS), RADLOC_OK);
	ck_assert_ptr_nonnull(rl_bank_element(&b, e1, row1));
	ck_assert_int_eq(rl_bank_ready(&b, r, 11, DRAWS), RADLOC_OK);
	const double *in_a = rl_bank_element(&a, e2, row2);
	const double *in_b = rl_bank_element(&b, e2, row2);
	ck_assert_int_eq(memcmp(in_a, in_b, 2 * DRAWS * sizeof *in_a), 0);
	ck_assert_int_eq(memcmp(a.sens, b.sens, RL_FKIND_COUNT * DRAWS * sizeof *a.sens), 0);
	/* Another seed, other people. */
	ck_assert_int_eq(rl_bank_ready(&b, r, 12, DRAWS), RADLOC_OK);
	ck_assert_int_ne(memcmp(a.sens, b.sens, RL_FKIND_COUNT * DRAWS * sizeof *a.sens), 0);
	rl_bank_free(&a);
	rl_bank_free(&b);
}
END_TEST

/* A sign's sensitivities: drawn where the rule has one, 0 elsewhere. */
START_TEST(sign_sensitivities_only_where_the_rule_has_one)
{
	const radloc_rules *r = tiny_rules();
	size_t width = rl_sign_width(r);
	double scratch[64];
	ck_assert_uint_le(width + r->root_count, 64);
	int g = (int)rl_rules_index(r, RADLOC_SIGN, "g");
	rl_finding f;
	rl_fwork fw;
	rl_probe_finding(r, RADLOC_SIGN, g, RADLOC_LEFT, 0, &f, &fw, scratch);
	rl_bank b;
	ck_assert_int_eq(rl_bank_init(&b), RADLOC_OK);
	ck_assert_int_eq(rl_bank_ready(&b, r, 5, DRAWS), RADLOC_OK);
	const rl_sign_row *row = rl_bank_sign(&b, r, &fw, rl_element_row(r, RADLOC_SIGN, g));
	ck_assert_ptr_nonnull(row);
	size_t myelo = rl_sign_pattern_column(r, RADLOC_MYELOPATHY), with_rule = 0;
	for (size_t i = 0; i < width; i++)
		with_rule += fw.ssens[i] > 0.0;
	/* Only the columns with a sensitivity are kept. */
	ck_assert_uint_eq(row->count, with_rule);
	ck_assert_uint_lt(row->count, width);
	double mean = 0.0, v[64];
	for (size_t d = 0; d < DRAWS; d++) {
		rl_sign_row_draw(row, d, v, width);
		for (size_t i = 0; i < width; i++) {
			double rule = fw.ssens[i];
			if (rule == 0.0)
				ck_assert_double_eq(v[i], 0.0);
			else
				ck_assert(v[i] > 0.0 && v[i] < 1.0);
			if (i == myelo)
				mean += v[i] / DRAWS;
		}
	}
	ck_assert_double_eq_tol(mean, 0.4, 0.03);
	rl_bank_free(&b);
}
END_TEST

/* A plan's rows drawn by two generators in turn (as the scorer's threads
 * take them) are the rows drawn one by one when first asked for: each row
 * from its own seed, whoever draws it. A row already drawn is not planned
 * again, nor the same row twice. */
START_TEST(planned_rows_are_the_rows_asked_for)
{
	const radloc_rules *r = shipped_rules();
	rl_bank lazy, planned;
	gsl_rng *other = gsl_rng_alloc(gsl_rng_mt19937);
	ck_assert_ptr_nonnull(other);
	ck_assert_int_eq(rl_bank_init(&lazy), RADLOC_OK);
	ck_assert_int_eq(rl_bank_init(&planned), RADLOC_OK);
	for (unsigned i = 0; i < 8; i++) {
		radloc_exam *e = test_generated_exam(i);
		rl_bank_plan plan;
		ck_assert_int_eq(rl_bank_plan_make(&plan, &planned, r, e, 5, DRAWS), RADLOC_OK);
		for (size_t a = 0; a < plan.count; a++)
			for (size_t c = a + 1; c < plan.count; c++)
				ck_assert(plan.items[a].f != plan.items[c].f || plan.items[a].row !=
				          plan.items[c].row);
		/* Two takers, one item at a time in turn, then the rest. */
		rl_bank_plan one = plan;
		for (size_t k = 0; k < plan.count; k++) {
			atomic_store(&one.next, k);
			size_t before = k;
			one.count = k + 1;
			rl_bank_plan_run(&one, k % 2 ? other : planned.rng);
			ck_assert_uint_eq(atomic_load(&one.next), before + 2);
		}
		rl_bank_plan_free(&plan);
		ck_assert_int_eq(rl_bank_ready(&lazy, r, 5, DRAWS), RADLOC_OK);
		ck_assert_int_eq(rl_bank_ready(&planned, r, 5, DRAWS), RADLOC_OK);
		ck_assert_mem_eq(lazy.sens, planned.sens, RL_FKIND_COUNT * DRAWS * sizeof *lazy.sens);
		for (size_t f = 0; f < radloc_exam_count(e); f++) {
			const rl_finding *x = &e->findings[f];
			size_t row = rl_element_row(r, x->table, x->element);
			double scratch[4096];
			rl_fwork fw;
			if (x->nt)
				continue;
			ck_assert_uint_lt(rl_sign_width(r) + r->root_count, 4096);
			rl_fwork_bind(r, &fw, x, scratch);
			if (fw.el) {
				ck_assert_ptr_nonnull(planned.element[row]);
				const double *a = rl_bank_element(&lazy, fw.el, row);
				ck_assert_mem_eq(a, planned.element[row],
				                 DRAWS * fw.el->root_count * sizeof *a);
			} else {
				ck_assert_ptr_nonnull(planned.sign[row].vals);
				const rl_sign_row *a = rl_bank_sign(&lazy, r, &fw, row);
				ck_assert_uint_eq(a->count, planned.sign[row].count);
				ck_assert_mem_eq(a->vals, planned.sign[row].vals,
				                 DRAWS * a->count * sizeof *a->vals);
			}
		}
		/* Everything this exam asks for is drawn now: nothing to plan. */
		ck_assert_int_eq(rl_bank_plan_make(&plan, &planned, r, e, 5, DRAWS), RADLOC_OK);
		ck_assert_uint_eq(plan.count, 0);
		rl_bank_plan_free(&plan);
		radloc_exam_free(&e);
	}
	gsl_rng_free(other);
	rl_bank_free(&lazy);
	rl_bank_free(&planned);
}
END_TEST

Suite *suite_draws(void)
{
	return make_suite("draws", 0,
	                  TESTS(sensitivities_scatter_around_the_rules,
	                        element_weights_sum_to_one, rows_are_reproducible,
	                        sign_sensitivities_only_where_the_rule_has_one,
	                        planned_rows_are_the_rows_asked_for));
}
