/* The command line's text in clinical words (clinical.h). The names of
 * elements, signs, nerves, sites and plexus elements are the rules'
 * (`name:`); the few words the rules do not hold (patterns, extents,
 * forms, flags) are the table below, written once for score, map and
 * check. */
#include <stdio.h>
#include <string.h>

#include "clinical.h"

static const char *const pattern_text[RADLOC_PATTERN_COUNT] = {
	[RADLOC_RADICULOPATHY] = "radiculopathy (one root)",
	[RADLOC_MULTIRADICULOPATHY] = "multiradiculopathy (more than one root)",
	[RADLOC_POLYNEUROPATHY] = "length-dependent polyneuropathy",
	[RADLOC_MONONEUROPATHY] = "mononeuropathy (one peripheral nerve)",
	[RADLOC_CAUDA_EQUINA] = "cauda equina syndrome",
	[RADLOC_MYELOPATHY] = "myelopathy (spinal cord)",
	[RADLOC_NORMAL] = "normal: nothing focal",
	[RADLOC_OTHER] = "other: none of the lesions radloc models",
	[RADLOC_PLEXOPATHY] = "plexopathy (a trunk, cord or plexus)",
	[RADLOC_TWO_LESIONS] = "two lesions at once",
	[RADLOC_MOTOR_NEURON_DISEASE] = "motor neuron disease",
};

/* The extents of rules/patterns.yaml (polyneuropathy `extents:`, cauda
 * equina `extents:`, contract section 4); their roots as the rules give
 * them. */
static const struct {
	const char *id, *text;
} extent_text[] = {
	{"toes", "toes only"},
	{"ankle", "up to the ankles"},
	{"mid_leg", "up to mid-shin"},
	{"knee_fingertips", "up to the knees, fingertips reached"},
	{"sacral", "sacral roots only: S2-S5, saddle and sphincters, legs spared"},
	{"conus", "conus: S1-S5, early sphincter failure"},
	{"low", "low: S1-S5"},
	{"full", "full: L4 or L5 to S5, radicular"},
};

/* The forms of rules/cord.yaml `forms:`. */
static const struct {
	const char *id, *text;
} form_text[] = {
	{"transverse", "transverse: the whole cord"},
	{"hemicord", "hemicord: Brown-Sequard"},
	{"central", "central cord"},
};

static const struct {
	unsigned flag;
	const char *text;
} flag_text[] = {
	{RADLOC_FLAG_STOCKING_GLOVE, "Stocking-glove pattern"},
	{RADLOC_FLAG_CAUDA_EQUINA, "Cauda equina red flag"},
	{RADLOC_FLAG_UPPER_MOTOR_NEURON, "Upper motor neuron signs"},
	{RADLOC_FLAG_BILATERAL, "Findings on both sides"},
	{RADLOC_FLAG_INCONSISTENT, "Inconsistent findings"},
	{RADLOC_FLAG_LOW_CONFIDENCE, "Low confidence"},
	{RADLOC_FLAG_TWO_PROCESSES, "Two processes"},
	{RADLOC_FLAG_SENSORY_LEVEL, "Sensory level"},
	{RADLOC_FLAG_DISSOCIATED, "Dissociated sensory loss"},
};

const char *clinical_pattern(radloc_pattern p)
{
	return (unsigned)p < RADLOC_PATTERN_COUNT && pattern_text[p] ? pattern_text[p] : "?";
}

const char *clinical_extent(const char *extent)
{
	for (size_t i = 0; extent && i < sizeof extent_text / sizeof extent_text[0]; i++)
		if (strcmp(extent, extent_text[i].id) == 0)
			return extent_text[i].text;
	return extent;
}

const char *clinical_form(const char *form)
{
	for (size_t i = 0; form && i < sizeof form_text / sizeof form_text[0]; i++)
		if (strcmp(form, form_text[i].id) == 0)
			return form_text[i].text;
	return form;
}

const char *clinical_flag(unsigned flag)
{
	for (size_t i = 0; i < sizeof flag_text / sizeof flag_text[0]; i++)
		if (flag_text[i].flag == flag)
			return flag_text[i].text;
	return radloc_flag_name(flag);
}

void clinical_short(const char *name, char *out, size_t size)
{
	size_t len = strlen(name);
	/* Only a parenthesis that closes the name is a gloss to drop: the
	 * middle one of "patellar (knee) reflex" is part of the name. */
	if (len > 0 && name[len - 1] == ')') {
		const char *open = strrchr(name, '(');
		if (open && open > name)
			len = (size_t)(open - name);
		while (len > 0 && name[len - 1] == ' ')
			len--;
	}
	snprintf(out, size, "%.*s", (int)len, name);
}

static void id_words(char *out, size_t size, const char *id)
{
	snprintf(out, size, "%s", id);
	for (char *p = out; *p; p++)
		if (*p == '_')
			*p = ' ';
}

/* The reflex grade's meaning: on both scales 0 is absent and 1 reduced;
 * the engine says which higher grades are brisk (NINDS 3 is normal). */
const char *clinical_reflex_grade(const radloc_finding *f)
{
	if (f->brisk)
		return "brisk";
	if (f->value[0] == '0')
		return "absent";
	if (f->value[0] == '1')
		return "reduced";
	return "normal";
}

void clinical_finding(const radloc_rules *r, const radloc_finding *f, char *out, size_t size)
{
	char name[CLINICAL_SIZE], side[16] = "", mod[48] = "";
	const char *full = radloc_rules_name(r, f->kind, f->id);
	if (full)
		clinical_short(full, name, sizeof name);
	else
		id_words(name, sizeof name, f->id);
	if (f->side == RADLOC_LEFT || f->side == RADLOC_RIGHT)
		snprintf(side, sizeof side, "%s ", radloc_side_name(f->side));
	/* The same finding on both sides: said once, the sides at the end. */
	if (f->side == RADLOC_BILATERAL) {
		radloc_finding one = *f;
		one.side = RADLOC_MIDLINE;
		clinical_finding(r, &one, out, size);
		size_t len = strlen(out);
		if (len < size)
			snprintf(out + len, size - len, ", both sides");
		return;
	}
	if (f->pain) {
		snprintf(out, size, "pain in the %s%s", side, name);
		return;
	}
	if (f->nt) {
		snprintf(out, size, "%s%s: not testable", side, name);
		return;
	}
	switch (f->kind) {
	case RADLOC_MOVEMENT:
		snprintf(out, size, "%s%s MRC %s", side, name, f->value);
		break;
	case RADLOC_REFLEX:
		snprintf(out, size, "%s%s %s (%s)", side, name, f->value, clinical_reflex_grade(f));
		break;
	case RADLOC_REGION:
		if (f->modality) {
			char m[40];
			id_words(m, sizeof m, f->modality);
			snprintf(mod, sizeof mod, " (%s)", m);
		}
		snprintf(out, size, "%s%s: %s%s", side, name, f->value, mod);
		break;
	default:
		snprintf(out, size, "%s%s: %s", side, name, f->value);
	}
}

void clinical_finding_label(const radloc_rules *r, const radloc_exam *exam,
                            const char *label, char *out, size_t size)
{
	radloc_finding f;
	for (size_t i = 0; exam && radloc_exam_finding(exam, i, &f) == RADLOC_OK; i++)
		if (strcmp(f.label, label) == 0) {
			clinical_finding(r, &f, out, size);
			return;
		}
	snprintf(out, size, "%s", label);
}

static const char *side_words(radloc_side s)
{
	return s == RADLOC_BILATERAL ? "both sides" : radloc_side_name(s);
}

/* A nerve's name without where along it (its sites say that): "median
 * nerve (at the elbow, ...)" -> "median nerve"; "common peroneal
 * (fibular) nerve at the fibular head" -> "common peroneal (fibular)
 * nerve". */
static void nerve_words(const radloc_rules *r, const char *nerve, const char *site,
                        radloc_side side, char *out, size_t size)
{
	const char *name = radloc_rules_name(r, RADLOC_NERVE, nerve);
	if (name == NULL) {
		snprintf(out, size, "%s %s", nerve, side_words(side));
		return;
	}
	radloc_site_info si;
	const char *site_name = NULL;
	for (size_t i = 0; site && radloc_rules_site(r, nerve, i, &si) == RADLOC_OK; i++)
		if (strcmp(si.id, site) == 0)
			site_name = si.name;
	const char *cut = strstr(name, " nerve");
	if (site_name && cut)
		snprintf(out, size, "%.*s, %s, %s", (int)(cut - name + 6), name,
		         side_words(side), site_name);
	else
		snprintf(out, size, "%s, %s", name, side_words(side));
}

void clinical_hypothesis(const radloc_rules *r, const radloc_hypothesis *h, char *out,
                         size_t size)
{
	switch (h->kind) {
	case RADLOC_HYPOTHESIS_NERVE:
		nerve_words(r, h->nerve, h->site, h->side, out, size);
		return;
	case RADLOC_HYPOTHESIS_PLEXUS: {
		const char *name = radloc_rules_plexus_name(r, h->plexus);
		snprintf(out, size, "%s, %s", name ? name : h->plexus, side_words(h->side));
		return;
	}
	case RADLOC_HYPOTHESIS_TWO_LESIONS:
		if (h->part_count == 2) {
			char a[CLINICAL_SIZE], b[CLINICAL_SIZE];
			clinical_hypothesis(r, h->parts[0], a, sizeof a);
			clinical_hypothesis(r, h->parts[1], b, sizeof b);
			snprintf(out, size, "%s + %s", a, b);
			return;
		}
		break;
	case RADLOC_HYPOTHESIS_PATTERN:
		if (h->pattern == RADLOC_MYELOPATHY && (h->level || h->form)) {
			snprintf(out, size, "myelopathy%s%s%s%s%s", h->level ? " at " : "",
			         h->level ? h->level : "", h->form ? " (" : "",
			         h->form ? clinical_form(h->form) : "", h->form ? ")" : "");
			return;
		}
		if (h->pattern == RADLOC_CAUDA_EQUINA || h->pattern == RADLOC_POLYNEUROPATHY) {
			const char *p = h->pattern == RADLOC_CAUDA_EQUINA ? "cauda equina syndrome"
			                                                  : "length-dependent polyneuropathy";
			if (h->extent)
				snprintf(out, size, "%s (%s)", p, clinical_extent(h->extent));
			else
				snprintf(out, size, "%s", p);
			return;
		}
		if (h->pattern == RADLOC_NORMAL || h->pattern == RADLOC_OTHER ||
		    h->pattern == RADLOC_MOTOR_NEURON_DISEASE) {
			snprintf(out, size, "%s", clinical_pattern(h->pattern));
			return;
		}
		break;
	default:
		break;
	}
	snprintf(out, size, "%s", h->label);
}

void clinical_label(const radloc_rules *r, const radloc_result *res, const char *label,
                    char *out, size_t size)
{
	radloc_hypothesis h;
	for (size_t i = 0; radloc_result_hypothesis(res, i, &h) == RADLOC_OK; i++)
		if (strcmp(h.label, label) == 0) {
			clinical_hypothesis(r, &h, out, size);
			return;
		}
	snprintf(out, size, "%s", label);
}

void clinical_expectation(const radloc_rules *r, const radloc_expectation *e, char *out,
                          size_t size)
{
	/* The expectation as a hypothesis of its own: a nerve's words need
	 * its id and side, which the label holds ("median right"). */
	radloc_hypothesis h = {0};
	char nerve[96] = "";
	h.label = e->label;
	h.pattern = e->pattern;
	h.site = e->site;
	h.extent = e->extent;
	h.level = e->level;
	h.form = e->form;
	const char *space = strrchr(e->label, ' ');
	if ((e->pattern == RADLOC_MONONEUROPATHY || e->pattern == RADLOC_PLEXOPATHY) && space &&
	    (size_t)(space - e->label) < sizeof nerve) {
		snprintf(nerve, sizeof nerve, "%.*s", (int)(space - e->label), e->label);
		if (e->pattern == RADLOC_PLEXOPATHY) {
			h.kind = RADLOC_HYPOTHESIS_PLEXUS;
			h.plexus = nerve;
		} else {
			h.kind = RADLOC_HYPOTHESIS_NERVE;
			h.nerve = nerve;
		}
		h.side = strcmp(space + 1, "left") == 0    ? RADLOC_LEFT
		         : strcmp(space + 1, "right") == 0 ? RADLOC_RIGHT
		                                           : RADLOC_BILATERAL;
	} else if (e->pattern == RADLOC_MYELOPATHY || e->pattern == RADLOC_CAUDA_EQUINA ||
	           e->pattern == RADLOC_POLYNEUROPATHY || e->pattern == RADLOC_NORMAL ||
	           e->pattern == RADLOC_OTHER || e->pattern == RADLOC_MOTOR_NEURON_DISEASE) {
		h.kind = RADLOC_HYPOTHESIS_PATTERN;
	} else {
		h.kind = RADLOC_HYPOTHESIS_ROOT;
	}
	char words[CLINICAL_SIZE];
	clinical_hypothesis(r, &h, words, sizeof words);
	if (strcmp(words, e->label) == 0)
		snprintf(out, size, "%s", words);
	else
		snprintf(out, size, "%s [%s]", words, e->label);
}

void clinical_fit(char *text, size_t columns)
{
	size_t chars = 0, cut = 0, space = 0;
	for (size_t i = 0; text[i]; i++) {
		if (((unsigned char)text[i] & 0xC0) == 0x80)
			continue; /* a UTF-8 continuation byte: the same character */
		if (chars == columns - 1)
			cut = i;
		if (text[i] == ' ' && chars < columns - 1)
			space = i;
		chars++;
	}
	if (chars <= columns)
		return;
	/* At the last space that leaves room for the ellipsis, if any. */
	size_t at = space > columns / 2 ? space : cut;
	memcpy(text + at, "\xE2\x80\xA6", 4);
}
