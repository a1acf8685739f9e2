/* What a sensory modality changes in the likelihood (docs/scoring.md,
 * "Modalities"): how sharply its map follows the main root, how often a
 * focal lesion shows in it, and how often polyneuropathy and myelopathy
 * do. Every other term of the likelihood is the sensory kind's. */
#include <math.h>

#include "model.h"

const rl_modality *rl_modality_of(const radloc_rules *r, const rl_finding *f)
{
	if (f->fkind != RL_SENSORY || f->modality <= 0 || f->modality >= RL_MODALITY_COUNT)
		return NULL;
	const rl_modality *m = &r->modalities[f->modality];
	return m->present ? m : NULL;
}

double rl_modality_scale(const radloc_rules *r, const rl_finding *f)
{
	const rl_modality *m = rl_modality_of(r, f);
	return m ? m->sensitivity_scale : 1.0;
}

double rl_pattern_sensitivity(const radloc_rules *r, const rl_finding *f,
                              radloc_pattern pattern)
{
	const rl_modality *m = rl_modality_of(r, f);
	if (pattern == RADLOC_POLYNEUROPATHY)
		return m ? m->polyneuropathy_sensitivity : r->patterns.poly_sens[f->fkind];
	return m ? m->myelopathy_sensitivity : r->patterns.myelo_sens[f->fkind];
}

void rl_modality_sharpen(const radloc_rules *r, rl_fwork *fw)
{
	const rl_modality *m = fw->el ? rl_modality_of(r, fw->f) : NULL;
	if (m == NULL || m->overlap_sharpness == 1.0)
		return;
	double total = 0.0, sharp = 0.0;
	for (size_t j = 0; j < fw->el->root_count; j++) {
		double *w = &fw->w[fw->el->roots[j].index];
		total += *w;
		*w = pow(*w, m->overlap_sharpness);
		sharp += *w;
	}
	if (sharp <= 0.0)
		return;
	for (size_t j = 0; j < fw->el->root_count; j++)
		fw->w[fw->el->roots[j].index] *= total / sharp;
}
