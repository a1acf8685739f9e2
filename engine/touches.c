/* Which components can move a finding at all (the structure, not the
 * values): the scorer builds its touch lists from this and skips the
 * rest, so it must answer yes wherever model.c's likelihood can differ
 * from the background. Split from model.c, which computes the values. */
#include "model.h"

static int finding_limb(const rl_fwork *fw)
{
	return fw->el ? fw->el->limb : fw->sg->limb;
}

int rl_touches(const radloc_rules *r, const rl_fwork *fw,
               const rl_components *comps, size_t comp)
{
	const rl_hypothesis *h = &r->hyps[comps->hyp[comp]];
	const rl_finding *f = fw->f;
	int limb = finding_limb(fw);

	if (h->pattern == RADLOC_NORMAL)
		return 0;
	/* The broad likelihood is never the background: it moves every finding. */
	if (h->pattern == RADLOC_OTHER)
		return 1;
	if (fw->sg) {
		rl_sign_link link;
		rl_sign_link_of(r, comps, comp, fw, &link);
		if (link.reach == 0.0)
			return 0;
		if (link.fixed > 0.0)
			return 1;
		for (int i = 0; i < link.count; i++)
			if (fw->ssens[link.column[i]] > 0.0)
				return 1;
		return 0;
	}
	switch (h->pattern) {
	case RADLOC_RADICULOPATHY:
	case RADLOC_MULTIRADICULOPATHY:
		if (rl_side_reach(r, h->side, f->side) == 0.0 || f->fkind == RL_SIGNKIND)
			return 0;
		for (int i = 0; i < h->root_count; i++)
			for (size_t j = 0; j < fw->el->root_count; j++)
				if (fw->el->roots[j].index == h->roots[i])
					return 1;
		return 0;
	case RADLOC_MONONEUROPATHY:
		return rl_side_reach(r, h->side, f->side) > 0.0 &&
		       rl_site_share_of(fw->el, h->nerve, rl_comp_site(comps, comp)) > 0.0;
	case RADLOC_PLEXOPATHY:
		if (rl_side_reach(r, h->side, f->side) == 0.0 || f->fkind == RL_SIGNKIND ||
		    fw->el->plexus_route[h->plexus->index] == 0.0)
			return 0;
		for (int i = 0; i < h->plexus->root_count; i++)
			for (size_t j = 0; j < fw->el->root_count; j++)
				if (fw->el->roots[j].index == h->plexus->roots[i])
					return 1;
		return 0;
	case RADLOC_POLYNEUROPATHY:
		return limb != RL_MIDLINE &&
		       rl_pattern_sensitivity(r, f, RADLOC_POLYNEUROPATHY) > 0.0;
	case RADLOC_CAUDA_EQUINA:
		if (limb == RL_ARM)
			return 0;
		for (size_t j = 0; j < fw->el->root_count; j++)
			if (rl_cauda_root(r, comps->extent[comp], fw->el->roots[j].index) > 0.0)
				return 1;
		return 0;
	case RADLOC_MYELOPATHY:
		/* With levels, the level's root findings too, whatever the
		 * modality's long-tract sensitivity. */
		return f->fkind != RL_PAIN &&
		       (r->cord.present || rl_pattern_sensitivity(r, f, RADLOC_MYELOPATHY) > 0.0);
	case RADLOC_MOTOR_NEURON_DISEASE:
		return rl_mnd_touches(r, f, fw->el);
	default:
		return 0;
	}
}
