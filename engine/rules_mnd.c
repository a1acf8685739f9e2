/* Pass 2 for the pattern motor_neuron_disease (docs/rules.md, "Motor
 * neuron disease"): its prior, its loss sensitivity for each finding kind
 * in any limb, a reflex's chance of being brisk and the share of a weak
 * muscle's motor neurons it takes, and how often it is seen in one limb
 * only (the selection model), and optionally the movements it weakens
 * more or less often than the rest (`movements`). Its own file because
 * rules_parameters.c, which reads the other patterns, is at its size
 * limit. */
#include <stddef.h>

#include "rules_loader.h"
#include "vocabulary.h"

typedef struct mnd_entry {
	double prior;
	const char *source;
	double brisk, share, one_limb;
	rl_share *movements;
	size_t movement_count;
} mnd_entry;

/* sensitivity: every kind a limb finding can be (signs have their own
 * pattern sensitivities in signs.yaml), all required: a kind left out
 * would silently read 0, a claim the rules must make on purpose. */
static int read_sensitivity(rl_loader *L, const yt_node *key, const rl_field *field,
                            const char *what, void *dest)
{
	rl_field fields[RL_SIGNKIND];
	(void)field, (void)what, (void)dest;
	for (int f = 0; f < RL_SIGNKIND; f++)
		fields[f] = (rl_field){rl_fkind_names[f], rl_read_fraction_field,
		                       (size_t)f * sizeof(double), 1};
	return rl_read_mapping(L, key, fields, RL_FIELD_COUNT(fields),
	                       "motor_neuron_disease sensitivity", L->r->patterns.mnd_sens);
}

/* movements (optional): movement -> its motor sensitivity, for the
 * muscles the disease takes more or less often than the rest (the split
 * hand: thenar and first dorsal interosseous before hypothenar). */
static int read_movements(rl_loader *L, const yt_node *key, const rl_field *field,
                          const char *what, void *dest)
{
	mnd_entry *e = dest;
	(void)field, (void)what;
	return rl_read_shares(L, key->value, RADLOC_MOVEMENT,
	                      "motor_neuron_disease movements", &e->movements,
	                      &e->movement_count);
}

static const rl_field mnd_fields[] = {
	{"prior", rl_read_fraction_field, offsetof(mnd_entry, prior), 1},
	{"sensitivity", read_sensitivity, 0, 1},
	{"brisk", rl_read_fraction_field, offsetof(mnd_entry, brisk), 1},
	{"share", rl_read_fraction_field, offsetof(mnd_entry, share), 1},
	{"one_limb", rl_read_fraction_field, offsetof(mnd_entry, one_limb), 1},
	{"movements", read_movements, 0, 0},
	{"source", rl_read_text_field, offsetof(mnd_entry, source), 1},
};

int rl_load_mnd(rl_loader *L, const yt_node *key, const char *what, double *prior,
                const char **source)
{
	mnd_entry e = {0.0, NULL, 0.0, 0.0, 0.0, NULL, 0};
	int bad = rl_read_mapping(L, key, mnd_fields, RL_FIELD_COUNT(mnd_fields), what, &e);
	*prior = e.prior;
	*source = e.source;
	L->r->patterns.mnd_brisk = e.brisk;
	L->r->patterns.mnd_share = e.share;
	L->r->patterns.mnd_one_limb = e.one_limb;
	L->r->patterns.mnd_movements = e.movements;
	L->r->patterns.mnd_movement_count = e.movement_count;
	return bad;
}
