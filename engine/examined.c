/* Which elements on which side the clinician examined (examined.h). */
#include <stdlib.h>

#include "examined.h"
#include "model.h"
#include "selection.h"

/* Slots per element row: one per radloc_side value (midline, left,
 * right, and bilateral, which a stored finding never has). */
#define SIDE_SLOTS 4

radloc_status rl_examined_build(const radloc_exam *exam, rl_examined *out)
{
	const radloc_rules *r = exam->rules;
	out->rules = r;
	out->places = 0;
	out->seen = calloc(rl_element_rows(r) * SIDE_SLOTS + 1, 1);
	if (out->seen == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *f = &exam->findings[i];
		size_t row = rl_element_row(r, f->table, f->element);
		out->seen[row * SIDE_SLOTS + (size_t)f->side] = 1;
		out->seen[row * SIDE_SLOTS + RADLOC_MIDLINE] = 1; /* the element, any side */
		out->places |= rl_place_of(r, f->table, f->element, f->side);
	}
	return RADLOC_OK;
}

void rl_examined_free(rl_examined *x)
{
	free(x->seen);
	x->seen = NULL;
}

int rl_looked_at(const rl_examined *x, radloc_kind table, int element,
                 radloc_side side)
{
	return x->seen[rl_element_row(x->rules, table, element) * SIDE_SLOTS +
	               (size_t)side];
}
