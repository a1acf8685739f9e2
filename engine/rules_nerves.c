/* Pass 3 for nerves: what each nerve covers through its branches (a
 * lesion of the sciatic nerve is a lesion of the peroneal and tibial
 * nerves below it), the check that no nerve is its own branch, and what
 * a lesion of each nerve does to each element and sign. */
#include "rules_loader.h"

/* Mark everything nerve n reaches through its branches; returns 1 if n
 * reaches itself (n is its own branch). Each nerve is entered once per
 * start, with covers as the visited mark and a stack of nerve_count + 1
 * slots, so shared branches cost linear time, not one walk per path, and
 * a long acyclic chain is not mistaken for a cycle. A nerve that merely
 * leads into someone else's cycle is not itself on one. */
static int cover_nerve(radloc_rules *r, size_t n, size_t *stack)
{
	unsigned char *covers = r->nerves[n].covers;
	size_t top = 0;
	int cycle = 0;

	covers[n] = 1;
	stack[top++] = n;
	while (top > 0) {
		const rl_nerve *from = &r->nerves[stack[--top]];
		for (size_t b = 0; b < from->branch_count; b++) {
			size_t to = (size_t)from->branches[b];
			if (to == n) {
				cycle = 1;
			} else if (!covers[to]) {
				covers[to] = 1;
				stack[top++] = to;
			}
		}
	}
	return cycle;
}

int rl_cover_nerve_branches(rl_loader *L)
{
	radloc_rules *r = L->r;
	int bad = 0;

	size_t *stack = rl_arena_alloc(r->arena, (r->nerve_count + 1) * sizeof *stack);
	if (stack == NULL)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	for (size_t n = 0; n < r->nerve_count; n++) {
		r->nerves[n].covers = rl_arena_alloc(r->arena, r->nerve_count + 1);
		if (r->nerves[n].covers == NULL)
			return bad + 1 + (rl_loader_nomem(L) != RADLOC_OK);
		if (cover_nerve(r, n, stack)) {
			L->d.file = r->nerves[n].e.file;
			yt_report(&L->d, L->entry_nodes[RADLOC_NERVE][n], RADLOC_ERR_VALUE,
			   "nerve '%s' is its own branch (a cycle in 'branches')",
			   r->nerves[n].e.id);
			bad++;
		}
	}
	return bad;
}

int rl_derive_nerve_territories(rl_loader *L)
{
	radloc_rules *r = L->r;

	for (int k = 0; k < RL_ELEMENT_KINDS; k++) {
		for (size_t e = 0; e < r->element_count[k]; e++) {
			rl_element *el = &r->elements[k][e];
			el->nerve_loss = rl_arena_alloc(r->arena, (r->nerve_count + 1) * sizeof(double));
			if (el->nerve_loss == NULL)
				return 1 + (rl_loader_nomem(L) != RADLOC_OK);
			for (size_t n = 0; n < r->nerve_count; n++) {
				double loss = 0.0;
				for (size_t j = 0; j < el->nerve_count; j++)
					if (r->nerves[n].covers[el->nerves[j].index])
						loss += el->nerves[j].weight;
				el->nerve_loss[n] = loss > 1.0 ? 1.0 : loss;
			}
		}
	}
	for (size_t s = 0; s < r->sign_count; s++) {
		rl_sign *sg = &r->signs[s];
		sg->nerve_sens = rl_arena_alloc(r->arena, (r->nerve_count + 1) * sizeof(double));
		if (sg->nerve_sens == NULL)
			return 1 + (rl_loader_nomem(L) != RADLOC_OK);
		for (size_t n = 0; n < r->nerve_count; n++)
			for (size_t j = 0; j < sg->nerve_count; j++)
				if (r->nerves[n].covers[sg->nerves[j].index] &&
				    sg->nerves[j].weight > sg->nerve_sens[n])
					sg->nerve_sens[n] = sg->nerves[j].weight;
	}
	return 0;
}
