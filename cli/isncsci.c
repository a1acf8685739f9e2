/* ISNCSCI worksheets read into a radloc exam (docs/isncsci.md). The
 * worksheet is the Praxis `isncsci` library's exam object: {left: {motor,
 * lightTouch, pinPrick}, right: ..., voluntaryAnalContraction,
 * deepAnalPressure}, values "0".."5" (motor), "0".."2" (sensory), "NT",
 * with `*` tags. jansson keeps no positions, so a problem's place is found
 * by walking the key path through the text (keys are written in order). */
#include "isncsci.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "radloc_limits.h"

/* Key sensory points: regions of the contract (section 4). C2 (occipital
 * protuberance) has no region: its values are read and left out. S3 and
 * S4_5 are midline regions: the two sides fold into the worse. */
static const char *const POINTS[][2] = {
	{"C2", NULL}, {"C3", "supraclavicular"}, {"C4", "top_of_shoulder"},
	{"C5", "lateral_antecubital"}, {"C6", "thumb"}, {"C7", "middle_finger"},
	{"C8", "little_finger"}, {"T1", "medial_antecubital"}, {"T2", "axilla"},
	{"T3", "upper_chest"}, {"T4", "nipple_line"}, {"T5", "lower_chest"},
	{"T6", "xiphoid"}, {"T7", "below_xiphoid"}, {"T8", "upper_abdomen"},
	{"T9", "above_umbilicus"}, {"T10", "umbilicus"}, {"T11", "lower_abdomen"},
	{"T12", "inguinal"}, {"L1", "upper_anterior_thigh"}, {"L2", "anterior_thigh"},
	{"L3", "medial_knee"}, {"L4", "medial_malleolus"}, {"L5", "dorsum_foot"},
	{"S1", "lateral_heel"}, {"S2", "popliteal_fossa"}, {"S3", "saddle"},
	{"S4_5", "perianal"},
};
#define NPOINTS (sizeof POINTS / sizeof POINTS[0])

/* Key muscles: movements of the contract. */
static const char *const MUSCLES[][2] = {
	{"C5", "elbow_flexion"}, {"C6", "wrist_extension"}, {"C7", "elbow_extension"},
	{"C8", "finger_flexion"}, {"T1", "finger_abduction"}, {"L2", "hip_flexion"},
	{"L3", "knee_extension"}, {"L4", "ankle_dorsiflexion"}, {"L5", "great_toe_extension"},
	{"S1", "ankle_plantarflexion"},
};
#define NMUSCLES (sizeof MUSCLES / sizeof MUSCLES[0])

typedef struct reader {
	const char *data, *name;
	size_t size;
	radloc_diag_fn *diag;
	void *user;
	radloc_status first;
	cli_isncsci_values *values;
} reader;

/* The place of the last key of path (up to 3 keys) in the text. */
static void locate(const reader *r, const char *const *path, int depth,
                   unsigned long *line, unsigned long *column)
{
	const char *at = r->data, *end = r->data + r->size;
	char quoted[64];
	for (int i = 0; i < depth; i++) {
		int n = snprintf(quoted, sizeof quoted, "\"%s\"", path[i]);
		const char *found = NULL;
		for (const char *p = at; n > 0 && p + n <= end; p++)
			if (memcmp(p, quoted, (size_t)n) == 0) {
				found = p;
				break;
			}
		if (found == NULL)
			break;
		at = found;
	}
	*line = 1;
	*column = 1;
	for (const char *p = r->data; p < at; p++)
		if (*p == '\n') {
			++*line;
			*column = 1;
		} else {
			++*column;
		}
}

/* "KEY: text" at KEY's place (KEY: the dotted path, left.motor.L5). */
static void report(reader *r, radloc_status s, const char *const *path, int depth,
                   const char *text)
{
	char key[96] = "", msg[256];
	for (int i = 0; i < depth; i++)
		snprintf(key + strlen(key), sizeof key - strlen(key), "%s%s", i ? "." : "", path[i]);
	snprintf(msg, sizeof msg, "%s: %s", key, text);
	radloc_diag d = {s, r->name, 0, 0, msg};
	locate(r, path, depth, &d.line, &d.column);
	if (r->first == RADLOC_OK)
		r->first = s;
	if (r->diag)
		r->diag(&d, r->user);
}

/* A value: its number (0..max), RADLOC_NT when not testable, -2 when bad.
 * `**` ("consider normal": not from the cord injury) is no evidence about
 * the lesion and reads as not testable; `*` keeps its number. */
static int value(const json_t *v, int max, int *tagged)
{
	const char *s = json_string_value(v);
	*tagged = 0;
	if (s == NULL)
		return -2;
	size_t n = strlen(s), stars = 0;
	while (n > 0 && s[n - 1] == '*')
		n--, stars++;
	if (stars > 2)
		return -2;
	*tagged = stars > 0;
	if (n == 2 && strncmp(s, "NT", 2) == 0)
		return RADLOC_NT;
	if (n != 1 || s[0] < '0' || s[0] > '0' + max)
		return -2;
	return stars == 2 ? RADLOC_NT : s[0] - '0';
}

static void keep(reader *r, const char *side, const char *part, const char *key, const char *v)
{
	cli_isncsci_values *k = r->values;
	if (k && k->count < CLI_ISNCSCI_MAX_VALUES)
		snprintf(k->value[k->count++], sizeof k->value[0], "%s.%s.%s %s", side, part, key, v);
}

static const radloc_sensation STATUS[] = {RADLOC_SENSATION_ABSENT, RADLOC_SENSATION_REDUCED,
                                          RADLOC_SENSATION_NORMAL};

/* One side's part (motor, lightTouch, pinPrick); midline[] gets the worse
 * of the sides for S3 and S4_5 (-1: not given). */
static void part(reader *r, radloc_exam *exam, const json_t *ws, const char *side,
                 const char *name, int midline[2])
{
	int motor = strcmp(name, "motor") == 0;
	const char *path[3] = {side, name, NULL};
	const json_t *obj = json_object_get(json_object_get(ws, side), name);
	if (!json_is_object(obj)) {
		report(r, RADLOC_ERR_SCHEMA, path, 2, "missing, or not an object");
		return;
	}
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)obj, key, v) {
		path[2] = key;
		size_t i, n = motor ? NMUSCLES : NPOINTS;
		for (i = 0; i < n; i++)
			if (strcmp(key, motor ? MUSCLES[i][0] : POINTS[i][0]) == 0)
				break;
		if (i == n) {
			report(r, RADLOC_ERR_SCHEMA, path, 3,
			       motor ? "not a key muscle (C5-T1, L2-S1)"
			             : "not a key sensory point (C2-S4_5)");
			continue;
		}
		int tagged, g = value(v, motor ? 5 : 2, &tagged);
		if (g == -2) {
			char text[160];
			snprintf(text, sizeof text, "'%.40s' is not a worksheet value (%s, NT, "
			         "tagged * or **)", json_is_string(v) ? json_string_value(v) : "(not a string)",
			         motor ? "0-5 for a muscle" : "0-2 for a sensory point");
			report(r, RADLOC_ERR_VALUE, path, 3, text);
			continue;
		}
		if (g != RADLOC_NT && g < (motor ? 5 : 2) && !tagged)
			keep(r, side, name, key, json_string_value(v));
		radloc_side s = strcmp(side, "left") == 0 ? RADLOC_LEFT : RADLOC_RIGHT;
		if (motor) {
			radloc_exam_add_motor(exam, MUSCLES[i][1], s, g);
			continue;
		}
		if (POINTS[i][1] == NULL || g == RADLOC_NT)
			continue;
		if (i >= NPOINTS - 2) {
			int *m = &midline[i - (NPOINTS - 2)];
			if (*m < 0 || g < *m)
				*m = g;
			continue;
		}
		radloc_exam_add_sensory(exam, POINTS[i][1], s, STATUS[g],
		                        strcmp(name, "lightTouch") == 0 ? RADLOC_MODALITY_LIGHT_TOUCH
		                                                         : RADLOC_MODALITY_PIN_PRICK);
	}
}

int cli_isncsci_is_worksheet(const char *data, size_t size)
{
	json_t *root = json_loadb(data, size, 0, NULL);
	int yes = json_is_object(json_object_get(root, "left")) &&
	          json_is_object(json_object_get(root, "right"));
	json_decref(root);
	return yes;
}

radloc_status cli_isncsci_parse(const radloc_rules *rules, const char *data, size_t size,
                                const char *name, radloc_diag_fn *diag, void *user,
                                radloc_exam **out, cli_isncsci_values *values)
{
	reader r = {data, name, size, diag, user, RADLOC_OK, values};
	json_error_t err;
	*out = NULL;
	if (values)
		values->count = 0;
	json_t *ws = json_loadb(data, size, JSON_REJECT_DUPLICATES, &err);
	if (ws == NULL || !json_is_object(ws)) {
		radloc_diag d = {RADLOC_ERR_SYNTAX, name, ws ? 1 : (unsigned long)err.line,
		                 ws ? 1 : (unsigned long)err.column,
		                 ws ? "an ISNCSCI worksheet is a JSON object" : err.text};
		if (diag)
			diag(&d, user);
		json_decref(ws);
		return RADLOC_ERR_SYNTAX;
	}
	radloc_exam *exam = radloc_exam_new(rules);
	if (exam == NULL) {
		json_decref(ws);
		return RADLOC_ERR_NOMEM;
	}
	static const char *const parts[] = {"lightTouch", "pinPrick", "motor"};
	for (int p = 0; p < 3; p++) {
		int midline[2] = {-1, -1};
		part(&r, exam, ws, "left", parts[p], midline);
		part(&r, exam, ws, "right", parts[p], midline);
		for (int m = 0; p < 2 && m < 2; m++)
			if (midline[m] >= 0)
				radloc_exam_add_sensory(exam, POINTS[NPOINTS - 2 + (size_t)m][1], RADLOC_MIDLINE,
				                        STATUS[midline[m]],
				                        p == 0 ? RADLOC_MODALITY_LIGHT_TOUCH
				                               : RADLOC_MODALITY_PIN_PRICK);
	}
	/* Voluntary anal contraction: ISNCSCI records Yes or No, no grade, so
	 * Yes reads as 5 and No as 0. Deep anal pressure has no id in the
	 * contract's vocabulary: checked, then left out. */
	static const char *const anal[] = {"voluntaryAnalContraction", "deepAnalPressure"};
	for (int a = 0; a < 2; a++) {
		const char *s = json_string_value(json_object_get(ws, anal[a]));
		const char *path[1] = {anal[a]};
		if (s == NULL || (strcmp(s, "Yes") && strcmp(s, "No") && strcmp(s, "NT"))) {
			report(&r, RADLOC_ERR_VALUE, path, 1, "missing, or not Yes, No or NT");
			continue;
		}
		if (a == 0 && strcmp(s, "NT") != 0) {
			radloc_exam_add_motor(exam, "anal_contraction", RADLOC_MIDLINE,
			                      strcmp(s, "Yes") == 0 ? 5 : 0);
			if (strcmp(s, "No") == 0 && values && values->count < CLI_ISNCSCI_MAX_VALUES)
				snprintf(values->value[values->count++], sizeof values->value[0],
				         "voluntaryAnalContraction No");
		}
	}
	json_decref(ws);
	if (r.first != RADLOC_OK) {
		radloc_exam_free(&exam);
		return r.first;
	}
	*out = exam;
	return RADLOC_OK;
}

static cli_isncsci_values last;
static int have_last;

const cli_isncsci_values *cli_isncsci_last(void)
{
	return have_last ? &last : NULL;
}

int cli_isncsci_read(const radloc_rules *rules, const char *path, radloc_exam **out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	const char *name = f == stdin ? "<stdin>" : path;
	*out = NULL;
	if (f == NULL) {
		fprintf(stderr, "%s: cannot open\n", path);
		return EXIT_INPUT;
	}
	size_t cap = (size_t)RADLOC_MAX_EXAM_BYTES + 1, n = 0, got;
	char *data = malloc(cap);
	while (data && n < cap && (got = fread(data + n, 1, cap - n, f)) > 0)
		n += got;
	if (f != stdin)
		fclose(f);
	if (data == NULL)
		return EXIT_INTERNAL;
	if (n >= cap) {
		fprintf(stderr, "%s: larger than %ld bytes\n", name, (long)RADLOC_MAX_EXAM_BYTES);
		free(data);
		return EXIT_INPUT;
	}
	radloc_status s = cli_isncsci_parse(rules, data, n, name, cli_print_diag, NULL, out, &last);
	have_last = s == RADLOC_OK;
	free(data);
	return cli_exit_code(s, EXIT_INPUT);
}

/* The rule (docs/isncsci.md): the leader is a root, nerve or plexus lesion
 * and the cord hypotheses (myelopathy, cauda equina) together hold under
 * 5 %: improbable. */
#define CORD_IMPROBABLE 0.05

json_t *cli_isncsci_not_cord(const radloc_result *res, const cli_isncsci_values *v)
{
	radloc_hypothesis h;
	if (v == NULL || v->count == 0 || radloc_result_count(res) == 0 ||
	    radloc_result_hypothesis(res, 0, &h) != RADLOC_OK)
		return NULL;
	if (h.kind != RADLOC_HYPOTHESIS_ROOT && h.kind != RADLOC_HYPOTHESIS_NERVE &&
	    h.kind != RADLOC_HYPOTHESIS_PLEXUS)
		return NULL;
	double cord = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++)
		if (radloc_result_hypothesis(res, i, &h) == RADLOC_OK &&
		    (h.pattern == RADLOC_MYELOPATHY || h.pattern == RADLOC_CAUDA_EQUINA))
			cord += h.probability;
	if (cord >= CORD_IMPROBABLE)
		return NULL;
	json_t *list = json_array();
	for (size_t i = 0; list && i < v->count; i++)
		json_array_append_new(list, json_string(v->value[i]));
	return list;
}

char *cli_isncsci_json(char *text, int indent, const radloc_result *res,
                       const cli_isncsci_values *v)
{
	json_t *list = cli_isncsci_not_cord(res, v);
	if (list == NULL)
		return text;
	json_t *root = json_loads(text, 0, NULL);
	char *out = NULL;
	if (root && json_object_set_new(root, "isncsci", json_pack("{s:o}", "not_cord", list)) == 0)
		/* Numbers as the engine wrote them (engine/json.c: 6 significant
		 * digits of the 4-decimal values); jansson's default of 17 would
		 * print 0.5864 as 0.58640000000000003. */
		out = json_dumps(root, (indent ? JSON_INDENT((size_t)indent) : JSON_COMPACT) |
		                       JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
	else
		json_decref(list);
	json_decref(root);
	if (out == NULL)
		return text;
	free(text);
	return out;
}

void cli_isncsci_print(FILE *out, const radloc_result *res, const cli_isncsci_values *v)
{
	json_t *list = cli_isncsci_not_cord(res, v);
	if (list == NULL)
		return;
	radloc_hypothesis h;
	radloc_result_hypothesis(res, 0, &h);
	fprintf(out, "\nISNCSCI: this worksheet looks like a %s lesion (%s), not a spinal cord "
	        "injury:\n  the cord is improbable (under %.0f %%). If the cord injury is not the "
	        "cause,\n  consider tagging these values * (impairment not due to the spinal "
	        "cord injury):\n", radloc_hypothesis_kind_name(h.kind), h.label,
	        CORD_IMPROBABLE * 100);
	for (size_t i = 0; i < json_array_size(list); i++)
		fprintf(out, "    %s\n", json_string_value(json_array_get(list, i)));
	json_decref(list);
}
