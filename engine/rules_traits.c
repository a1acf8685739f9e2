/* Pass 2 for the person-level traits (docs/scoring.md, "Person-level
 * traits"): one field table for the `traits:` section; and what the
 * section says: which findings a trait affects, each person's prior. */
#include <math.h>
#include <stddef.h>

#include "model.h"
#include "rules_loader.h"

static const rl_field trait_fields[] = {
	{"brisk_prevalence", rl_read_fraction_field,
	 offsetof(rl_traits, brisk_prevalence), 1},
	{"brisk_rate", rl_read_fraction_field, offsetof(rl_traits, brisk_rate), 1},
	{"distal_prevalence", rl_read_fraction_field,
	 offsetof(rl_traits, distal_prevalence), 1},
	{"distal_rate", rl_read_fraction_field, offsetof(rl_traits, distal_rate), 1},
	{"distal_reflex_from", rl_read_fraction_field, offsetof(rl_traits, reflex_from), 1},
	{"distal_region_from", rl_read_fraction_field, offsetof(rl_traits, region_from), 1},
	{"source", rl_read_text_field, offsetof(rl_traits, source), 1},
};

int rl_load_traits(rl_loader *L, const yt_node *key)
{
	rl_traits *t = &L->r->traits;
	if (t->present) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA, "section 'traits' is defined twice");
		return 1;
	}
	int bad = rl_read_mapping(L, key, trait_fields, RL_FIELD_COUNT(trait_fields),
	                          "traits", t);
	t->present = bad == 0;
	return bad;
}

/* Which findings a trait affects is rule data: the kind, the limb, the
 * element's distal_rank against the section's thresholds, the modality. */
unsigned rl_trait_mask(const radloc_rules *r, const rl_finding *f, const rl_element *el)
{
	const rl_traits *t = &r->traits;
	unsigned mask = 0;
	if (!t->present || el == NULL)
		return 0;
	if (f->fkind == RL_REFLEX)
		mask |= RL_TRAIT_BRISK;
	if (el->limb == RL_LEG &&
	    ((f->fkind == RL_REFLEX && el->distal_rank >= t->reflex_from) ||
	     (f->fkind == RL_SENSORY && el->distal_rank >= t->region_from &&
	      (f->modality == RADLOC_MODALITY_UNSPECIFIED ||
	       f->modality == RADLOC_MODALITY_VIBRATION))))
		mask |= RL_TRAIT_DISTAL;
	return mask;
}

double rl_trait_log_prior(const radloc_rules *r, int person)
{
	const rl_traits *t = &r->traits;
	double pb = t->brisk_prevalence, pd = t->distal_prevalence;
	return log(((unsigned)person & RL_TRAIT_BRISK ? pb : 1.0 - pb) *
	           ((unsigned)person & RL_TRAIT_DISTAL ? pd : 1.0 - pd));
}
