/* An exam as a FHIR R4 Bundle of Observations (docs/fhir.md): one per
 * finding as the engine read it (radloc_exam_finding), in the exam's
 * order, a bilateral finding as one with both sides. */
#include <stdlib.h>
#include <string.h>

#include "fhir.h"

/* SNOMED CT laterality qualifiers (values of the HL7 structure-laterality
 * value set; docs/fhir.md cites them). */
static const struct {
	const char *side, *code, *display;
} laterality[] = {
	{"left", "7771000", "Left"},
	{"right", "24028007", "Right"},
	{"bilateral", "51440002", "Right and left"},
};

/* The exam's sections (radloc_exam_json's order), the finding code and
 * the code system of the id, and the rule kind of the id. */
static const struct {
	const char *section, *finding, *id_system;
	radloc_kind kind;
} sections[] = {
	{"sensory", "sensory", "region", RADLOC_REGION},
	{"motor", "motor", "movement", RADLOC_MOVEMENT},
	{"reflex", "reflex", "reflex", RADLOC_REFLEX},
	{"signs", "sign", "sign", RADLOC_SIGN},
	{"pain", "pain", "region", RADLOC_REGION},
};

static json_t *coding(const char *system, const char *code, const char *display)
{
	json_t *c = json_pack("{s:s, s:s}", "system", system, "code", code);
	if (c && display)
		json_object_set_new(c, "display", json_string(display));
	return c;
}

static json_t *concept(json_t *one_coding, const char *text)
{
	json_t *cc = json_pack("{s:[o]}", "coding", one_coding);
	if (cc && text)
		json_object_set_new(cc, "text", json_string(text));
	return cc;
}

static json_t *radloc_concept(const char *system, const char *code, const char *display)
{
	char url[128];
	snprintf(url, sizeof url, FHIR_SYSTEM "%s", system);
	return concept(coding(url, code, display), display);
}

/* An element's concept: its verified standard codes first (the rule
 * set's `coding:` section, each with match exact or wider), then radloc's
 * own coding, which every element keeps: a wider code (the foot for the
 * dorsum of the foot) does not say which element, and the reader takes
 * radloc's code back to the same id. */
static json_t *element_concept(const radloc_rules *rules, radloc_kind kind,
                               const char *system, const char *id, const char *display)
{
	json_t *cc = radloc_concept(system, id, display);
	json_t *list = json_object_get(cc, "coding");
	radloc_coding std;
	for (size_t n = 0; radloc_rules_code(rules, kind, id, n, &std); n++)
		json_array_insert_new(list, n, coding(std.system, std.code, std.display));
	return cc;
}

static int section_of(const radloc_finding *f)
{
	return f->pain ? 4 : f->kind == RADLOC_REGION ? 0 : f->kind == RADLOC_MOVEMENT ? 1
	       : f->kind == RADLOC_REFLEX ? 2 : 3;
}

/* The sensory word the engine read (its label's last word), as
 * radloc_exam_json writes it: "reduced" for what was written "decreased". */
static const char *status_of(const radloc_finding *f)
{
	const char *word = strrchr(f->label, ' ');
	return word ? word + 1 : f->value;
}

static json_t *observation(const radloc_rules *rules, size_t n, const radloc_finding *f,
                           const char *side, int ninds, const char *subject)
{
	int k = section_of(f);
	const char *id = f->id;
	const char *name = radloc_rules_name(rules, sections[k].kind, id);
	char oid[32];
	snprintf(oid, sizeof oid, "finding-%zu", n);

	json_t *o = json_pack("{s:s, s:s, s:s}", "resourceType", "Observation", "id", oid,
	                      "status", "final");
	json_t *cat = json_pack("[o, o]",
	    concept(coding("http://terminology.hl7.org/CodeSystem/observation-category",
	                   "exam", "Exam"), NULL),
	    radloc_concept("finding", sections[k].finding, NULL));
	json_object_set_new(o, "category", cat);
	if (k == 0 || k == 4) {
		/* Skin: what was examined is sensation (or pain) over a region. */
		json_object_set_new(o, "code", radloc_concept("finding", sections[k].finding,
		                    k == 0 ? "sensation" : "radiating pain"));
		json_object_set_new(o, "bodySite", element_concept(rules, RADLOC_REGION, "region", id,
		                                                    name ? name : id));
	} else {
		json_object_set_new(o, "code", element_concept(rules, sections[k].kind,
		                                               sections[k].id_system, id,
		                                               name ? name : id));
	}
	if (subject)
		json_object_set_new(o, "subject", json_pack("{s:s}", "reference", subject));
	for (size_t i = 0; side && i < sizeof laterality / sizeof *laterality; i++) {
		if (strcmp(side, laterality[i].side) != 0)
			continue;
		json_t *lat = concept(coding("http://snomed.info/sct", laterality[i].code,
		                             laterality[i].display), NULL);
		json_t *comp = json_pack("{s:o, s:o}", "code",
		                         radloc_concept("finding", "side", "laterality"),
		                         "valueCodeableConcept", lat);
		json_object_set_new(o, "component", json_pack("[o]", comp));
	}
	char *end;
	long grade = strtol(f->value, &end, 10);
	int whole = *f->value && *end == '\0';
	switch (k) {
	case 0:
		json_object_set_new(o, "valueCodeableConcept",
		                    radloc_concept("sensory-status", status_of(f), NULL));
		if (f->modality)
			json_object_set_new(o, "method", radloc_concept("modality", f->modality, NULL));
		break;
	case 1:
		/* The MRC grade as a number; NT as a code of radloc's. */
		if (whole)
			json_object_set_new(o, "valueInteger", json_integer(grade));
		else
			json_object_set_new(o, "valueCodeableConcept",
			                    radloc_concept("grade", f->value, NULL));
		json_object_set_new(o, "method", radloc_concept("scale", "mrc", "MRC scale"));
		break;
	case 2:
		/* As written ("2+" on the NINDS scale), so the scale's reading stays. */
		json_object_set_new(o, "valueCodeableConcept",
		                    radloc_concept("reflex-grade", f->value, NULL));
		json_object_set_new(o, "method", radloc_concept("scale", ninds ? "ninds" : "bedside",
		                    ninds ? "NINDS reflex scale" : "bedside 0..4 reflex scale"));
		break;
	case 3:
		json_object_set_new(o, "valueCodeableConcept",
		                    radloc_concept("sign-result", f->value, NULL));
		break;
	default:
		json_object_set_new(o, "valueBoolean", json_true());
		break;
	}
	return o;
}

/* The engine splits a bilateral finding into left then right; written
 * back as one, the exam reads back with its findings in the same order,
 * so even the order of tied hypotheses stays the same. */
static int pair(const radloc_finding *a, const radloc_finding *b)
{
	return a->side == RADLOC_LEFT && b->side == RADLOC_RIGHT && a->kind == b->kind &&
	       a->pain == b->pain && strcmp(a->id, b->id) == 0 &&
	       strcmp(a->value ? a->value : "", b->value ? b->value : "") == 0 &&
	       (a->modality == NULL) == (b->modality == NULL) &&
	       (a->modality == NULL || strcmp(a->modality, b->modality) == 0);
}

json_t *fhir_bundle_of_exam(const radloc_rules *rules, const radloc_exam *exam,
                            const char *subject)
{
	json_t *entries = json_array();
	size_t n = 0, count = radloc_exam_finding_count(exam);
	for (size_t i = 0; i < count; i++) {
		radloc_finding f, g;
		radloc_exam_finding(exam, i, &f);
		const char *side = f.side == RADLOC_MIDLINE ? NULL : radloc_side_name(f.side);
		if (i + 1 < count && radloc_exam_finding(exam, i + 1, &g) == RADLOC_OK &&
		    pair(&f, &g)) {
			side = "bilateral";
			i++;
		}
		json_t *o = observation(rules, ++n, &f, side, radloc_exam_ninds(exam), subject);
		char url[64];
		snprintf(url, sizeof url, "urn:radloc:observation:finding-%zu", n);
		json_array_append_new(entries, json_pack("{s:s, s:o}", "fullUrl", url,
		                                         "resource", o));
	}
	json_t *b = json_pack("{s:s, s:s}", "resourceType", "Bundle", "type", "collection");
	if (radloc_exam_id(exam))
		json_object_set_new(b, "identifier", json_pack("{s:s, s:s}", "system",
		                    FHIR_EXAM_ID_SYSTEM, "value", radloc_exam_id(exam)));
	json_object_set_new(b, "entry", entries);
	return b;
}
