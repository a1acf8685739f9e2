/* A finding bound to its rule entry (rl_fwork, model.h): the entry it
 * reads, its weights at their means (a region's root shares, sharpened for
 * its modality; a sign's sensitivities by root, nerve and pattern), a
 * probe finding for the next-test search, and each element's row in the
 * bank of draws. The likelihood itself is model.c's. */
#include "model.h"
#include "vocabulary.h"

#include <string.h>

void rl_fwork_bind(const radloc_rules *r, rl_fwork *fw, const rl_finding *f,
                   double *weights)
{
	*fw = (rl_fwork){f, NULL, NULL, NULL, NULL};
	if (f->table == RADLOC_SIGN) {
		fw->sg = &r->signs[f->element];
		fw->ssens = weights;
	} else {
		fw->el = &r->elements[f->table - RADLOC_REGION][f->element];
		fw->w = weights;
	}
}

void rl_probe_finding(const radloc_rules *r, radloc_kind table, int element,
                      radloc_side side, int pain, rl_finding *f, rl_fwork *fw,
                      double *weights)
{
	memset(f, 0, sizeof *f);
	f->fkind = rl_fkind_of(table, pain);
	f->table = table;
	f->element = element;
	f->side = side;
	rl_fwork_bind(r, fw, f, weights);
	rl_mean_weights(r, fw);
}

void rl_mean_weights(const radloc_rules *r, rl_fwork *fw)
{
	if (fw->el) {
		for (size_t i = 0; i < r->root_count; i++)
			fw->w[i] = 0.0;
		for (size_t j = 0; j < fw->el->root_count; j++)
			fw->w[fw->el->roots[j].index] = fw->el->roots[j].weight;
		rl_modality_sharpen(r, fw);
		return;
	}
	size_t width = rl_sign_width(r);
	for (size_t i = 0; i < width; i++)
		fw->ssens[i] = 0.0;
	for (size_t j = 0; j < fw->sg->root_count; j++)
		fw->ssens[fw->sg->roots[j].index] = fw->sg->roots[j].weight;
	for (size_t n = 0; n < r->nerve_count; n++)
		fw->ssens[rl_sign_nerve_column(r, (int)n)] = fw->sg->nerve_sens[n];
	for (size_t x = 0; x < r->site_count; x++)
		fw->ssens[rl_sign_site_column(r, (int)x)] = fw->sg->site_sens[x];
	for (size_t x = 0; x < r->plexus_count; x++)
		fw->ssens[rl_sign_plexus_column(r, (int)x)] = fw->sg->plexus_sens[x];
	for (int p = 0; p < RADLOC_PATTERN_COUNT; p++)
		fw->ssens[rl_sign_pattern_column(r, (radloc_pattern)p)] =
			fw->sg->pattern_sens[p];
}

void rl_mean_params(const radloc_rules *r, rl_params *p)
{
	for (int k = 0; k < RL_FKIND_COUNT; k++)
		p->sens[k] = r->findings[k].sensitivity;
}

size_t rl_element_rows(const radloc_rules *r)
{
	size_t rows = r->sign_count;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		rows += r->element_count[k];
	return rows;
}

size_t rl_element_row(const radloc_rules *r, radloc_kind table, int element)
{
	size_t at = 0;
	for (int t = RADLOC_REGION; t < (int)table; t++)
		at += t == RADLOC_SIGN ? r->sign_count : r->element_count[t - RADLOC_REGION];
	return at + (size_t)element;
}
