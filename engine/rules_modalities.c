/* Pass 2 for the sensory kind's modalities (docs/scoring.md "Modalities"):
 * one row per modality of the exam format, read through a field table. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rules_loader.h"
#include "vocabulary.h"

/* A factor of a modality, named with it: "sensitivity_scale of modality
 * 'vibration'". Scales may be 0 (the modality never shows a focal
 * lesion); a sharpness of 0 would flatten every map, so it starts at 0.1. */
static int read_modality_factor(rl_loader *L, const yt_node *key,
                                const rl_field *field, const char *what, void *dest)
{
	char label[200];
	double min = strcmp(field->key, "overlap_sharpness") == 0 ? 0.1 : 0.0;
	snprintf(label, sizeof label, "%s of %s", field->key, what);
	return rl_read_number(L, key->value, min, 4.0, label, dest) != 0;
}

static int read_modality_fraction(rl_loader *L, const yt_node *key,
                                  const rl_field *field, const char *what, void *dest)
{
	char label[200];
	snprintf(label, sizeof label, "%s of %s", field->key, what);
	return rl_read_number(L, key->value, 0.0, 1.0, label, dest) != 0;
}

static const rl_field modality_fields[] = {
	{"sensitivity_scale", read_modality_factor, offsetof(rl_modality, sensitivity_scale), 1},
	{"overlap_sharpness", read_modality_factor, offsetof(rl_modality, overlap_sharpness), 1},
	{"polyneuropathy_sensitivity", read_modality_fraction,
	 offsetof(rl_modality, polyneuropathy_sensitivity), 1},
	{"myelopathy_sensitivity", read_modality_fraction,
	 offsetof(rl_modality, myelopathy_sensitivity), 1},
	{"source", rl_read_text_field, offsetof(rl_modality, source), 1},
};

/* modalities: one row per modality named in the exam format; a modality
 * without a row is scored as the sensory kind, as an unstated one is. */
int rl_read_modalities(rl_loader *L, const yt_node *key, const rl_field *field,
                           const char *what, void *dest)
{
	char label[160];
	int bad = 0;

	(void)field, (void)what, (void)dest;
	if (!rl_require_mapping(L, key->value, "modalities"))
		return 1;
	for (const yt_node *k = key->value->first; k; k = k->next) {
		/* Row 0 is the unstated modality: not a name in the file. */
		int m = rl_name_index(L, k, rl_modality_names + 1, RL_MODALITY_COUNT - 1, "modality");
		if (m < 0) {
			bad++;
			continue;
		}
		rl_modality *row = &L->r->modalities[m + 1];
		snprintf(label, sizeof label, "modality '%s'", k->text);
		int row_bad = rl_read_mapping(L, k, modality_fields,
		                              RL_FIELD_COUNT(modality_fields), label, row);
		row->present = row_bad == 0;
		bad += row_bad;
	}
	return bad;
}

