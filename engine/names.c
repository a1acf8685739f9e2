/* The fixed words of the API: statuses, kinds, sides, patterns, flags,
 * hypothesis kinds. */
#include "radloc.h"

const char *radloc_version(void)
{
	return RADLOC_VERSION_STRING;
}

/* A switch without default: the compiler warns about a missing case. */
const char *radloc_strerror(radloc_status status)
{
	switch (status) {
	case RADLOC_OK: return "no error";
	case RADLOC_ERR_NOMEM: return "out of memory";
	case RADLOC_ERR_IO: return "input/output error";
	case RADLOC_ERR_SYNTAX: return "syntax error";
	case RADLOC_ERR_LIMIT: return "limit exceeded";
	case RADLOC_ERR_SCHEMA: return "unexpected structure";
	case RADLOC_ERR_VALUE: return "value not allowed";
	case RADLOC_ERR_REFERENCE: return "unknown id";
	case RADLOC_ERR_EMPTY: return "nothing to score";
	case RADLOC_ERR_ARGUMENT: return "bad argument";
	case RADLOC_ERR_NUMERIC: return "numerical failure";
	case RADLOC_ERR_INTERNAL: return "internal error";
	}
	return "unknown status";
}

const char *radloc_kind_name(radloc_kind kind)
{
	switch (kind) {
	case RADLOC_ROOT: return "root";
	case RADLOC_NERVE: return "nerve";
	case RADLOC_REGION: return "region";
	case RADLOC_MOVEMENT: return "movement";
	case RADLOC_REFLEX: return "reflex";
	case RADLOC_SIGN: return "sign";
	}
	return "?";
}

const char *radloc_side_name(radloc_side side)
{
	switch (side) {
	case RADLOC_MIDLINE: return "midline";
	case RADLOC_LEFT: return "left";
	case RADLOC_RIGHT: return "right";
	case RADLOC_BILATERAL: return "bilateral";
	}
	return "?";
}

const char *radloc_pattern_name(radloc_pattern pattern)
{
	switch (pattern) {
	case RADLOC_RADICULOPATHY: return "radiculopathy";
	case RADLOC_MULTIRADICULOPATHY: return "multiradiculopathy";
	case RADLOC_POLYNEUROPATHY: return "polyneuropathy";
	case RADLOC_MONONEUROPATHY: return "mononeuropathy";
	case RADLOC_CAUDA_EQUINA: return "cauda_equina";
	case RADLOC_MYELOPATHY: return "myelopathy";
	case RADLOC_NORMAL: return "normal";
	case RADLOC_OTHER: return "other";
	case RADLOC_TWO_LESIONS: return "two_lesions";
	case RADLOC_PLEXOPATHY: return "plexopathy";
	case RADLOC_MOTOR_NEURON_DISEASE: return "motor_neuron_disease";
	}
	return "?";
}

const char *radloc_hypothesis_kind_name(radloc_hypothesis_kind kind)
{
	switch (kind) {
	case RADLOC_HYPOTHESIS_ROOT: return "root";
	case RADLOC_HYPOTHESIS_NERVE: return "nerve";
	case RADLOC_HYPOTHESIS_PATTERN: return "pattern";
	case RADLOC_HYPOTHESIS_TWO_LESIONS: return "two_lesions";
	case RADLOC_HYPOTHESIS_PLEXUS: return "plexus";
	}
	return "?";
}

const char *radloc_flag_name(unsigned flag)
{
	switch (flag) {
	case RADLOC_FLAG_STOCKING_GLOVE: return "stocking_glove";
	case RADLOC_FLAG_CAUDA_EQUINA: return "cauda_equina_red_flag";
	case RADLOC_FLAG_UPPER_MOTOR_NEURON: return "upper_motor_neuron";
	case RADLOC_FLAG_BILATERAL: return "bilateral";
	case RADLOC_FLAG_INCONSISTENT: return "inconsistent_findings";
	case RADLOC_FLAG_LOW_CONFIDENCE: return "low_confidence";
	case RADLOC_FLAG_TWO_PROCESSES: return "two_processes";
	case RADLOC_FLAG_SENSORY_LEVEL: return "sensory_level";
	case RADLOC_FLAG_DISSOCIATED: return "dissociated_sensory_loss";
	default: return NULL;
	}
}
