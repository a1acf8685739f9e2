/* A FHIR R4 Bundle of Observations read back into an exam (docs/fhir.md):
 * the coding radloc writes (cli/fhir_write.c) maps to the contract's exam
 * JSON, which the engine parses and checks against the rule set as it
 * does any exam, so a misspelt id in a Bundle is reported as in a file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fhir.h"
#include "radloc_limits.h"

/* The code of the concept's first coding in radloc's system NAME. */
static const char *radloc_code(const json_t *cc, const char *name)
{
	size_t i, len = strlen(FHIR_SYSTEM);
	json_t *c;
	json_array_foreach(json_object_get(cc, "coding"), i, c) {
		const char *sys = json_string_value(json_object_get(c, "system"));
		if (sys && strncmp(sys, FHIR_SYSTEM, len) == 0 && strcmp(sys + len, name) == 0)
			return json_string_value(json_object_get(c, "code"));
	}
	return NULL;
}

/* The element id of a concept: radloc's own coding (system NAME) when
 * there is one; else a standard coding the rule set's `coding:` section
 * gives as an exact match of one element of the kind (a wider code, the
 * foot for the dorsum of the foot, names no one element and is not read
 * back). NULL when neither. */
static const char *element_id(const radloc_rules *rules, const json_t *cc, const char *name,
                              radloc_kind kind)
{
	const char *id = radloc_code(cc, name);
	if (id || rules == NULL)
		return id;
	size_t i, count = radloc_rules_count(rules, kind);
	json_t *c;
	json_array_foreach(json_object_get(cc, "coding"), i, c) {
		const char *sys = json_string_value(json_object_get(c, "system"));
		const char *code = json_string_value(json_object_get(c, "code"));
		if (sys == NULL || code == NULL)
			continue;
		for (size_t e = 0; e < count; e++) {
			const char *eid = radloc_rules_id(rules, kind, e);
			radloc_coding std;
			for (size_t n = 0; radloc_rules_code(rules, kind, eid, n, &std); n++)
				if (strcmp(std.match, "exact") == 0 && strcmp(std.system, sys) == 0 &&
				    strcmp(std.code, code) == 0)
					return eid;
		}
	}
	return NULL;
}

/* Left, right or both from the laterality component (SNOMED CT qualifiers). */
static const char *side_of(const json_t *obs)
{
	size_t i, j;
	json_t *comp, *c;
	json_array_foreach(json_object_get(obs, "component"), i, comp) {
		if (!radloc_code(json_object_get(comp, "code"), "finding"))
			continue;
		json_array_foreach(json_object_get(json_object_get(comp, "valueCodeableConcept"),
		                                   "coding"), j, c) {
			const char *code = json_string_value(json_object_get(c, "code"));
			if (code && strcmp(code, "7771000") == 0)
				return "left";
			if (code && strcmp(code, "24028007") == 0)
				return "right";
			if (code && strcmp(code, "51440002") == 0)
				return "bilateral";
		}
	}
	return NULL;
}

/* "3" -> 3, "2+" and "NT" stay text (the contract takes both). */
static json_t *grade_json(const char *g)
{
	char *end;
	long v = strtol(g, &end, 10);
	return *g && *end == '\0' ? json_integer(v) : json_string(g);
}

static int add(json_t *exam, const char *section, json_t *finding)
{
	json_t *list = json_object_get(exam, section);
	if (list == NULL) {
		list = json_array();
		json_object_set_new(exam, section, list);
	}
	return json_array_append_new(list, finding);
}

static const char *read_observation(const radloc_rules *rules, json_t *exam,
                                    const json_t *obs)
{
	const char *kind = NULL;
	size_t i;
	json_t *cat;
	json_array_foreach(json_object_get(obs, "category"), i, cat)
		if ((kind = radloc_code(cat, "finding")) != NULL)
			break;
	if (kind == NULL)
		return NULL; /* not one of radloc's: a server's other Observations */
	const json_t *code = json_object_get(obs, "code");
	const json_t *value = json_object_get(obs, "valueCodeableConcept");
	const char *side = side_of(obs);
	json_t *f = json_object();
	const char *section = NULL;
	if (strcmp(kind, "sensory") == 0 || strcmp(kind, "pain") == 0) {
		const char *region = element_id(rules, json_object_get(obs, "bodySite"), "region",
		                                RADLOC_REGION);
		if (region == NULL)
			goto bad;
		json_object_set_new(f, "region", json_string(region));
		if (kind[0] == 's') {
			const char *status = radloc_code(value, "sensory-status");
			const char *modality = radloc_code(json_object_get(obs, "method"), "modality");
			if (status == NULL)
				goto bad;
			json_object_set_new(f, "status", json_string(status));
			if (modality)
				json_object_set_new(f, "modality", json_string(modality));
			section = "sensory";
		} else {
			section = "pain";
		}
	} else if (strcmp(kind, "motor") == 0) {
		const char *id = element_id(rules, code, "movement", RADLOC_MOVEMENT);
		const json_t *grade = json_object_get(obs, "valueInteger");
		const char *nt = radloc_code(value, "grade");
		if (id == NULL || (!json_is_integer(grade) && nt == NULL))
			goto bad;
		json_object_set_new(f, "movement", json_string(id));
		json_object_set_new(f, "grade", grade ? json_integer(json_integer_value(grade))
		                                      : json_string(nt));
		section = "motor";
	} else if (strcmp(kind, "reflex") == 0) {
		const char *id = element_id(rules, code, "reflex", RADLOC_REFLEX);
		const char *grade = radloc_code(value, "reflex-grade");
		const char *scale = radloc_code(json_object_get(obs, "method"), "scale");
		if (id == NULL || grade == NULL)
			goto bad;
		json_object_set_new(f, "reflex", json_string(id));
		json_object_set_new(f, "grade", grade_json(grade));
		if (scale && strcmp(scale, "ninds") == 0)
			json_object_set_new(exam, "reflex_scale", json_string("ninds"));
		section = "reflex";
	} else if (strcmp(kind, "sign") == 0) {
		const char *id = element_id(rules, code, "sign", RADLOC_SIGN);
		const char *result = radloc_code(value, "sign-result");
		if (id == NULL || result == NULL)
			goto bad;
		json_object_set_new(f, "sign", json_string(id));
		json_object_set_new(f, "result", json_string(result));
		section = "signs";
	} else {
		json_decref(f);
		return kind;
	}
	if (side)
		json_object_set_new(f, "side", json_string(side));
	add(exam, section, f);
	return NULL;
bad:
	json_decref(f);
	return kind;
}

json_t *fhir_exam_of_bundle(const radloc_rules *rules, const json_t *bundle, char *why,
                            size_t size)
{
	const char *rt = json_string_value(json_object_get(bundle, "resourceType"));
	if (rt == NULL || strcmp(rt, "Bundle") != 0) {
		snprintf(why, size, "not a FHIR Bundle (resourceType is not \"Bundle\")");
		return NULL;
	}
	json_t *exam = json_object();
	const char *id = json_string_value(json_object_get(json_object_get(bundle, "identifier"),
	                                                   "value"));
	if (id)
		json_object_set_new(exam, "id", json_string(id));
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(bundle, "entry"), i, e) {
		json_t *r = json_object_get(e, "resource");
		const char *t = json_string_value(json_object_get(r, "resourceType"));
		if (t == NULL || strcmp(t, "Observation") != 0)
			continue;
		const char *bad = read_observation(rules, exam, r);
		if (bad) {
			snprintf(why, size, "entry %zu: a radloc '%.40s' Observation without "
			         "the codes radloc writes (docs/fhir.md)", i + 1, bad);
			json_decref(exam);
			return NULL;
		}
	}
	return exam;
}

int fhir_read_exam(const radloc_rules *rules, const char *path, radloc_exam **out)
{
	*out = NULL;
	json_error_t err;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	json_t *b = strcmp(path, "-") == 0 ? json_loadf(stdin, 0, &err)
	                                   : json_load_file(path, 0, &err);
	if (b == NULL) {
		fprintf(stderr, "%s:%d:%d: not FHIR JSON: %s\n", name, err.line, err.column,
		        err.text);
		return EXIT_INPUT;
	}
	char why[160];
	json_t *exam = fhir_exam_of_bundle(rules, b, why, sizeof why);
	json_decref(b);
	if (exam == NULL) {
		fprintf(stderr, "%s: %s\n", name, why);
		return EXIT_INPUT;
	}
	char *text = json_dumps(exam, JSON_COMPACT);
	json_decref(exam);
	if (text == NULL)
		return EXIT_INTERNAL;
	radloc_status s = radloc_exam_parse(rules, text, strlen(text), name, 1,
	                                    cli_print_diag, NULL, out);
	free(text);
	return cli_exit_code(s, EXIT_INPUT);
}
