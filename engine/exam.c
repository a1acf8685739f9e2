/* Building an exam: findings checked against the rule set as they are added. */
#include <stdlib.h>
#include <string.h>

#include "exam_impl.h"
#include "radloc_limits.h"
#include "vocabulary.h"

static const char *const outcome_names[RL_FKIND_COUNT][RL_MAX_OUTCOMES] = {
	[RL_SENSORY] = {"normal", "reduced", "absent", "increased"},
	[RL_MOTOR] = {"5", "4", "3", "2", "1", "0"},
	[RL_REFLEX] = {"2", "1", "0", "3", "4"},
	[RL_PAIN] = {"absent", "present"},
	[RL_SIGNKIND] = {"negative", "positive"},
};
static const int outcome_counts[RL_FKIND_COUNT] = {4, 6, 5, 2, 2};

int rl_outcome_count(int fkind)
{
	return outcome_counts[fkind];
}

const char *rl_outcome_name(int fkind, int outcome)
{
	return outcome_names[fkind][outcome];
}

radloc_exam *radloc_exam_new(const radloc_rules *rules)
{
	if (rules == NULL)
		return NULL;
	radloc_exam *exam = calloc(1, sizeof *exam);
	if (exam)
		exam->rules = rules;
	return exam;
}

void radloc_exam_free(radloc_exam **exam)
{
	if (exam == NULL || *exam == NULL)
		return;
	free((*exam)->id);
	free((*exam)->findings);
	free(*exam);
	*exam = NULL;
}

radloc_status radloc_exam_set_id(radloc_exam *exam, const char *id)
{
	if (exam == NULL || id == NULL)
		return RADLOC_ERR_ARGUMENT;
	if (strlen(id) > RADLOC_MAX_SCALAR_BYTES)
		return RADLOC_ERR_LIMIT;
	char *copy = malloc(strlen(id) + 1);
	if (copy == NULL)
		return RADLOC_ERR_NOMEM;
	strcpy(copy, id);
	free(exam->id);
	exam->id = copy;
	return RADLOC_OK;
}

const char *radloc_exam_id(const radloc_exam *exam)
{
	return exam ? exam->id : NULL;
}

size_t radloc_exam_count(const radloc_exam *exam)
{
	return exam ? exam->groups : 0;
}

static int element_limb(const radloc_rules *r, radloc_kind table, int element)
{
	if (table == RADLOC_SIGN)
		return r->signs[element].limb;
	return r->elements[table - RADLOC_REGION][element].limb;
}

/* The parts one after another into dst, cut at size - 1 bytes and ended
 * with NUL: what snprintf("%s%s...") wrote, at a fraction of its cost
 * (it was most of building an exam in a batch). */
static void join(char *dst, size_t size, const char *const *parts, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		size_t k = strlen(parts[i]);
		if (k > size - 1 - len)
			k = size - 1 - len;
		memcpy(dst + len, parts[i], k);
		len += k;
	}
	dst[len] = '\0';
}

static int push(radloc_exam *exam, const rl_finding *f)
{
	if (exam->count == exam->cap) {
		size_t cap = exam->cap ? exam->cap * 2 : 16;
		rl_finding *p = realloc(exam->findings, cap * sizeof *p);
		if (p == NULL)
			return -1;
		exam->findings = p;
		exam->cap = cap;
	}
	exam->findings[exam->count++] = *f;
	return 0;
}

radloc_status rl_exam_add(radloc_exam *exam, int fkind, radloc_kind table,
                          int element, radloc_side side, int outcome, int nt,
                          int modality, const char *grade_text,
                          unsigned long line, unsigned long column,
                          const char **why)
{
	const radloc_rules *r = exam->rules;
	int limb = element_limb(r, table, element);
	const char *id = r->ids[table][element];
	static const char *const side_error =
		"a midline finding takes no side (or side: midline)";

	*why = NULL;
	if (limb == RL_MIDLINE && side != RADLOC_MIDLINE) {
		*why = side_error;
		return RADLOC_ERR_VALUE;
	}
	if (limb != RL_MIDLINE && side == RADLOC_MIDLINE) {
		*why = "this finding needs a side: left, right or bilateral";
		return RADLOC_ERR_VALUE;
	}
	if (exam->groups >= RADLOC_MAX_FINDINGS) {
		*why = "too many findings in one exam (limit 1000)";
		return RADLOC_ERR_LIMIT;
	}
	/* The same element, side and modality twice would count one
	 * observation twice, or contradict itself: refuse both. Light touch
	 * and pin prick of one region are two observations (ISNCSCI records
	 * both); a finding without a modality is its own, unstated one. */
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *g = &exam->findings[i];
		if (g->fkind == fkind && g->table == table && g->element == element &&
		    g->modality == modality &&
		    (g->side == side || side == RADLOC_BILATERAL)) {
			*why = "this finding is already recorded for that side";
			return RADLOC_ERR_VALUE;
		}
	}
	rl_finding f;
	memset(&f, 0, sizeof f);
	f.fkind = fkind;
	f.table = table;
	f.element = element;
	f.outcome = outcome;
	f.nt = nt;
	f.modality = modality;
	f.group = (int)exam->groups;
	f.line = line;
	f.column = column;
	const char *grade = nt ? "NT" : grade_text ? grade_text
	                                            : rl_outcome_name(fkind, outcome);
	join(f.value, sizeof f.value, (const char *const[]){fkind == RL_PAIN ? "present" : grade}, 1);
	for (int s = 0; s < 2; s++) {
		radloc_side this_side = side == RADLOC_BILATERAL
		                        ? (s == 0 ? RADLOC_LEFT : RADLOC_RIGHT) : side;
		if (s == 1 && side != RADLOC_BILATERAL)
			break;
		f.side = this_side;
		const char *side_gap = this_side == RADLOC_MIDLINE ? "" : " ";
		const char *side_name = this_side == RADLOC_MIDLINE ? "" : radloc_side_name(this_side);
		if (fkind == RL_PAIN)
			join(f.label, sizeof f.label,
			     (const char *const[]){"pain ", id, side_gap, side_name}, 4);
		else
			/* The modality before the value, so that the value stays
			 * the label's last word (json.c and the chart read it). */
			join(f.label, sizeof f.label,
			     (const char *const[]){rl_fkind_names[fkind], " ", id, side_gap, side_name,
			                           modality ? " " : "",
			                           modality ? rl_modality_names[modality] : "", " ", grade},
			     9);
		if (push(exam, &f) != 0) {
			if (s == 1)
				exam->count--;
			return RADLOC_ERR_NOMEM;
		}
	}
	exam->groups++;
	return RADLOC_OK;
}

static radloc_status add_by_id(radloc_exam *exam, int fkind, radloc_kind table,
                               const char *id, radloc_side side, int outcome,
                               int nt, int modality, const char *grade_text)
{
	const char *why;
	if (exam == NULL || id == NULL || (unsigned)side > RADLOC_BILATERAL)
		return RADLOC_ERR_ARGUMENT;
	long element = radloc_rules_find(exam->rules, table, id);
	if (element < 0)
		return RADLOC_ERR_REFERENCE;
	return rl_exam_add(exam, fkind, table, (int)element, side, outcome, nt,
	                   modality, grade_text, 0, 0, &why);
}

_Static_assert(RADLOC_SENSATION_NT == RADLOC_NT && RADLOC_SIGN_NT == RADLOC_NT,
               "every scale says not testable with the same -1");

/* A finding given on its bedside scale, 0..top, or as -1, not testable
 * (RADLOC_NT and each enum's _NT): the scale value's outcome, by the
 * kind's table (NULL: the value is the outcome). */
static radloc_status add_on_scale(radloc_exam *exam, int fkind, radloc_kind table,
                                  const char *id, radloc_side side, int value, int top,
                                  const int *outcome_of, int modality)
{
	if (value < RADLOC_NT || value > top)
		return RADLOC_ERR_VALUE;
	int nt = value == RADLOC_NT;
	int outcome = nt ? 0 : outcome_of ? outcome_of[value] : value;
	return add_by_id(exam, fkind, table, id, side, outcome, nt, modality, NULL);
}

radloc_status radloc_exam_add_sensory(radloc_exam *exam, const char *region,
                                      radloc_side side,
                                      radloc_sensation status,
                                      radloc_modality modality)
{
	if (modality < RADLOC_MODALITY_UNSPECIFIED || modality > RADLOC_MODALITY_TEMPERATURE)
		return RADLOC_ERR_VALUE;
	return add_on_scale(exam, RL_SENSORY, RADLOC_REGION, region, side, (int)status,
	                    RADLOC_SENSATION_INCREASED, NULL, (int)modality);
}

/* MRC grade → outcome: 5 normal, 4 down to 0 ever deeper loss. */
static const int motor_outcome[6] = {5, 4, 3, 2, 1, 0};

radloc_status radloc_exam_add_motor(radloc_exam *exam, const char *movement,
                                    radloc_side side, int grade)
{
	return add_on_scale(exam, RL_MOTOR, RADLOC_MOVEMENT, movement, side, grade, 5,
	                    motor_outcome, 0);
}

/* Bedside 0-4+ scale → outcome: 2 normal, 1 and 0 loss, 3 and 4 brisk. */
static const int reflex_outcome[5] = {2, 1, 0, RL_BRISK, RL_BRISK + 1};

radloc_status radloc_exam_add_reflex(radloc_exam *exam, const char *reflex,
                                     radloc_side side, int grade)
{
	return add_on_scale(exam, RL_REFLEX, RADLOC_REFLEX, reflex, side, grade, 4,
	                    reflex_outcome, 0);
}

radloc_status radloc_exam_add_sign(radloc_exam *exam, const char *sign,
                                   radloc_side side,
                                   radloc_sign_result result)
{
	return add_on_scale(exam, RL_SIGNKIND, RADLOC_SIGN, sign, side, (int)result,
	                    RADLOC_SIGN_POSITIVE, NULL, 0);
}

radloc_status radloc_exam_add_pain(radloc_exam *exam, const char *region,
                                   radloc_side side)
{
	return add_by_id(exam, RL_PAIN, RADLOC_REGION, region, side, 1, 0, 0, NULL);
}

size_t radloc_exam_finding_count(const radloc_exam *exam)
{
	return exam ? exam->count : 0;
}

radloc_status radloc_exam_finding(const radloc_exam *exam, size_t i,
                                  radloc_finding *out)
{
	if (exam == NULL || out == NULL || i >= exam->count)
		return RADLOC_ERR_ARGUMENT;
	const rl_finding *f = &exam->findings[i];
	out->kind = f->table;
	out->pain = f->fkind == RL_PAIN;
	out->id = exam->rules->ids[f->table][f->element];
	out->side = f->side;
	out->nt = f->nt;
	out->abnormal = !f->nt && f->outcome != RL_NORMAL;
	out->brisk = f->fkind == RL_REFLEX && !f->nt && f->outcome >= RL_BRISK;
	out->value = f->value;
	out->modality = f->modality > 0 && f->modality < RL_MODALITY_COUNT
	                ? rl_modality_names[f->modality] : NULL;
	out->label = f->label;
	out->line = f->line;
	out->column = f->column;
	return RADLOC_OK;
}

int radloc_exam_ninds(const radloc_exam *exam)
{
	return exam ? exam->ninds : 0;
}
