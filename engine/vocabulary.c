/* The fixed words of the rule and exam formats. */
#include "vocabulary.h"

const char *const rl_fkind_names[RL_FKIND_COUNT] = {
	[RL_SENSORY] = "sensory", [RL_MOTOR] = "motor", [RL_REFLEX] = "reflex",
	[RL_PAIN] = "pain", [RL_SIGNKIND] = "sign",
};

const char *const rl_exam_section_names[RL_EXAM_SECTION_COUNT] = {
	[RL_EXAM_SENSORY] = "sensory", [RL_EXAM_MOTOR] = "motor",
	[RL_EXAM_REFLEX] = "reflex", [RL_EXAM_SIGNS] = "signs",
	[RL_EXAM_PAIN] = "pain",
};

/* Index 0 is the unstated modality: a finding written without one. */
const char *const rl_modality_names[RL_MODALITY_COUNT] = {
	[RADLOC_MODALITY_UNSPECIFIED] = NULL,
	[RADLOC_MODALITY_LIGHT_TOUCH] = "light_touch",
	[RADLOC_MODALITY_PIN_PRICK] = "pin_prick",
	[RADLOC_MODALITY_VIBRATION] = "vibration",
	[RADLOC_MODALITY_PROPRIOCEPTION] = "proprioception",
	[RADLOC_MODALITY_TEMPERATURE] = "temperature",
};

const char *const rl_limb_names[RL_LIMB_COUNT] = {
	[RL_ARM] = "arm", [RL_LEG] = "leg", [RL_MIDLINE] = "midline",
	[RL_TRUNK] = "trunk",
};

const char *const rl_rule_section_names[RL_RULE_SECTION_COUNT] = {
	[RADLOC_ROOT] = "roots", [RADLOC_NERVE] = "nerves",
	[RADLOC_REGION] = "regions", [RADLOC_MOVEMENT] = "movements",
	[RADLOC_REFLEX] = "reflexes", [RADLOC_SIGN] = "signs",
	"format", "findings", "patterns", "examination", "severity", "traits", "cord",
	"plexus", "rule_set", "coding",
};
