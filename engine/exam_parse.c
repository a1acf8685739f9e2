/* Reading an exam written to the contract (docs/exam-format.md) into a
 * radloc_exam. Every problem is reported at its place, naming the bad key
 * or value, the allowed words or range, or the nearest valid id; parsing
 * goes on after a bad finding so one run shows them all. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exam_impl.h"
#include "radloc_limits.h"
#include "textutil.h"
#include "vocabulary.h"
#include "yamltree.h"

typedef struct exam_parser {
	const radloc_rules *r;
	radloc_exam *exam;
	rl_diagctx d;
	int ninds;            /* reflex_scale: ninds */
} exam_parser;

/* The word at n, if it is one of words[]; else report and return -1. */
static int word(exam_parser *parser, const yt_node *n, const char *what,
                const char *const *words, int count, const char *allowed)
{
	char buf[RL_PRINTABLE_SIZE];
	if (n->type == YT_SCALAR)
		for (int i = 0; i < count; i++)
			if (strcmp(n->text, words[i]) == 0)
				return i;
	if (n->type != YT_SCALAR) {
		yt_report(&parser->d, n, RADLOC_ERR_SCHEMA, "%s must be one of %s, not %s", what, allowed,
		   yt_type_name(n));
		return -1;
	}
	if (n->length == 0) {
		/* "side:" with nothing after it: "'' is not one of" reads oddly. */
		yt_report(&parser->d, n, RADLOC_ERR_VALUE, "%s is empty: write one of %s", what, allowed);
		return -1;
	}
	yt_report_suggesting(&parser->d, n, RADLOC_ERR_VALUE,
	                     rl_nearest(n->text, words, (size_t)count),
	                     "%s '%s' is not one of %s", what,
	                     rl_value_for_message(buf, n->text), allowed);
	return -1;
}

/* ---- the finding kinds ------------------------------------------------------ */

typedef struct kind_spec {
	enum rl_exam_section section; /* its key in the exam */
	const char *id_key;    /* region, movement, reflex, sign */
	const char *value_key; /* status, grade, result; NULL for pain */
	int fkind;
	radloc_kind table;
} kind_spec;

/* In the order of the exam's sections. */
static const kind_spec kinds[RL_EXAM_SECTION_COUNT] = {
	{RL_EXAM_SENSORY, "region", "status", RL_SENSORY, RADLOC_REGION},
	{RL_EXAM_MOTOR, "movement", "grade", RL_MOTOR, RADLOC_MOVEMENT},
	{RL_EXAM_REFLEX, "reflex", "grade", RL_REFLEX, RADLOC_REFLEX},
	{RL_EXAM_SIGNS, "sign", "result", RL_SIGNKIND, RADLOC_SIGN},
	{RL_EXAM_PAIN, "region", NULL, RL_PAIN, RADLOC_REGION},
};
#define KIND_COUNT RL_EXAM_SECTION_COUNT

static const char *section_name(const kind_spec *k)
{
	return rl_exam_section_names[k->section];
}

/* An exam's keys: its id, its sections, and the reflex scale. */
#define TOP_KEY_COUNT (RL_EXAM_SECTION_COUNT + 2)

/* Names clinicians also write (docs/exam-format.md lists them): each
 * means one id and nothing else. A synonym that could mean two ids
 * ("calf": posterior_calf, S1-S2, or lateral_leg, L5) is not an alias:
 * it gets a suggestion (one_word_of). */
static const struct {
	radloc_kind table;
	const char *alias, *id;
} aliases[] = {
	{RADLOC_REFLEX, "knee", "patellar"},
	{RADLOC_REFLEX, "achilles", "ankle"},
	{RADLOC_REGION, "big_toe", "great_toe"},
	{RADLOC_REGION, "hallux", "great_toe"},
	{RADLOC_MOVEMENT, "plantarflexion", "ankle_plantarflexion"},
	{RADLOC_MOVEMENT, "dorsiflexion", "ankle_dorsiflexion"},
};

/* The one id of the table that has word as one of its '_'-separated
 * words ("calf" in posterior_calf), or NULL when none or several do. */
static const char *one_word_of(const radloc_rules *r, radloc_kind table, const char *word)
{
	const char *found = NULL;
	size_t len = strlen(word);
	if (len < 3)
		return NULL;
	for (size_t i = 0; i < radloc_rules_count(r, table); i++) {
		const char *id = radloc_rules_id(r, table, i);
		for (const char *p = id; (p = strstr(p, word)) != NULL; p++)
			if ((p == id || p[-1] == '_') && (p[len] == '\0' || p[len] == '_')) {
				if (found && found != id)
					return NULL;
				found = id;
				break;
			}
	}
	return found;
}

static int find_id(exam_parser *parser, const yt_node *n, const kind_spec *k)
{
	char buf[RL_PRINTABLE_SIZE];
	if (n->type != YT_SCALAR) {
		yt_report(&parser->d, n, RADLOC_ERR_SCHEMA, "%s must be a name, not %s", k->id_key,
		   yt_type_name(n));
		return -1;
	}
	long i = radloc_rules_find(parser->r, k->table, n->text);
	for (size_t a = 0; i < 0 && a < sizeof aliases / sizeof aliases[0]; a++)
		if (aliases[a].table == k->table && strcmp(aliases[a].alias, n->text) == 0)
			i = radloc_rules_find(parser->r, k->table, aliases[a].id);
	if (i >= 0)
		return (int)i;
	if (n->length == 0) {
		/* "region:" left blank: say so rather than "unknown region ''". */
		yt_report(&parser->d, n, RADLOC_ERR_VALUE, "%s is empty: name one (radloc rules list %s "
		   "shows them all)", k->id_key, k->id_key);
		return -1;
	}
	const char *near = one_word_of(parser->r, k->table, n->text);
	if (near) {
		yt_report_suggesting(&parser->d, n, RADLOC_ERR_REFERENCE, near, "unknown %s '%s'",
		                     k->id_key, rl_value_for_message(buf, n->text));
		return -1;
	}
	near = radloc_rules_nearest(parser->r, k->table, n->text);
	/* The aliases are accepted names too: "achiles" is a slip for
	 * "achilles", which the rule set's ids alone would not suggest. */
	const char *names[sizeof aliases / sizeof aliases[0]];
	size_t count = 0;
	for (size_t a = 0; a < sizeof aliases / sizeof aliases[0]; a++)
		if (aliases[a].table == k->table)
			names[count++] = aliases[a].alias;
	const char *alias_near = count ? rl_nearest(n->text, names, count) : NULL;
	if (alias_near &&
	    (near == NULL || rl_edit_distance(n->text, alias_near, 64) <
	                     rl_edit_distance(n->text, near, 64)))
		near = alias_near;
	if (near)
		yt_report_suggesting(&parser->d, n, RADLOC_ERR_REFERENCE, near, "unknown %s '%s'",
		                     k->id_key, rl_value_for_message(buf, n->text));
	else
		yt_report(&parser->d, n, RADLOC_ERR_REFERENCE,
		   "unknown %s '%s' (radloc rules list %s shows them all)", k->id_key,
		   rl_value_for_message(buf, n->text), k->id_key);
	return -1;
}

static const char *const side_words[] = {"midline", "left", "right", "bilateral"};

/* Sides as charts abbreviate them (docs/exam-format.md): R, L. */
static const struct {
	const char *alias;
	radloc_side side;
} side_aliases[] = {{"R", RADLOC_RIGHT}, {"L", RADLOC_LEFT}};

static const char *const status_words[] = {
	"normal", "reduced", "absent", "increased", "NT", "impaired",
	"0", "1", "2",
};
static const int status_outcome[] = {0, 1, 2, 3, -1, 1, 2, 1, 0};

static const char *const result_words[] = {"negative", "positive", "NT"};

/* A grade on a 0..max scale: an integer, "N+" (reflexes), "4-"/"4+"
 * (motor, as clinics write them), or NT. Sets *nt; returns the grade or
 * -1 after reporting. */
static int grade(exam_parser *parser, const yt_node *n, const kind_spec *k, int *nt,
                 char *text, size_t size)
{
	char buf[RL_PRINTABLE_SIZE];
	int max = k->fkind == RL_MOTOR ? 5 : 4;
	const char *scale = k->fkind == RL_MOTOR
		? "the MRC scale: 0..5, or NT"
		: parser->ninds ? "the NINDS reflex scale: 0..4, or NT"
		           : "the bedside reflex scale: 0..4 (2 normal, 3 brisk), or NT";
	long g;

	*nt = 0;
	if (n->type != YT_SCALAR) {
		yt_report(&parser->d, n, RADLOC_ERR_SCHEMA, "grade must be on %s, not %s", scale, yt_type_name(n));
		return -1;
	}
	snprintf(text, size, "%s", n->text);
	if (strcmp(n->text, "NT") == 0) {
		*nt = 1;
		return 0;
	}
	/* "absent" is 0 on both reflex scales (docs/exam-format.md); the
	 * other words (reduced, brisk) name more than one grade. */
	if (k->fkind == RL_REFLEX && strcmp(n->text, "absent") == 0) {
		snprintf(text, size, "0");
		return 0;
	}
	if (k->fkind == RL_REFLEX && (strcmp(n->text, "normal") == 0 ||
	                              strcmp(n->text, "reduced") == 0 ||
	                              strcmp(n->text, "brisk") == 0)) {
		yt_report(&parser->d, n, RADLOC_ERR_VALUE, "grade '%s' is a word: write the "
		          "number on %s", n->text, scale);
		return -1;
	}
	char digits[8];
	size_t len = n->length;
	if (len >= 2 && len < sizeof digits) {
		char last = n->text[len - 1];
		/* "2+" on the reflex scale; "4-"/"4+" in MRC practice: the digit. */
		if ((k->fkind == RL_REFLEX && last == '+') ||
		    (k->fkind == RL_MOTOR && (last == '+' || last == '-') && len == 2 &&
		     n->text[0] == '4')) {
			memcpy(digits, n->text, len - 1);
			digits[len - 1] = '\0';
			int drc = rl_parse_long(digits, 0, max, &g);
			if (drc == 0)
				return (int)g;
			/* "5+" is a grade written the usual way, past the top of
			 * the scale: say so, as for 5, not that the form is wrong. */
			if (drc == 1) {
				yt_report(&parser->d, n, RADLOC_ERR_VALUE, "grade %s is outside %s",
				   rl_value_for_message(buf, n->text), scale);
				return -1;
			}
		}
	}
	int rc = rl_parse_long(n->text, 0, max, &g);
	if (rc == 0)
		return (int)g;
	double d;
	if (rc == 1 || (rl_parse_double(n->text, &d) == 0 && (d < 0 || d > max)))
		yt_report(&parser->d, n, RADLOC_ERR_VALUE, "grade %s is outside %s", rl_value_for_message(buf, n->text), scale);
	else if (rl_parse_double(n->text, &d) == 0 && d == (double)(long)d)
		/* "3.0" from an exporter is whole: say what to write instead. */
		yt_report(&parser->d, n, RADLOC_ERR_VALUE, "grade %s is not written as a whole number "
		   "on %s; write %ld", rl_value_for_message(buf, n->text), scale, (long)d);
	else if (rl_parse_double(n->text, &d) == 0)
		yt_report(&parser->d, n, RADLOC_ERR_VALUE, "grade %s is not a whole number on %s",
		   rl_value_for_message(buf, n->text), scale);
	else
		yt_report(&parser->d, n, RADLOC_ERR_VALUE, "grade '%s' is not on %s", rl_value_for_message(buf, n->text), scale);
	return -1;
}

static void finding(exam_parser *parser, const yt_node *item, const kind_spec *k)
{
	char buf[RL_PRINTABLE_SIZE], grade_text[16] = "";
	const char *keys[4] = {k->id_key, "side", k->value_key ? k->value_key : "", NULL};
	size_t nkeys = k->value_key ? 3 : 2;
	int bad = 0;

	if (k->fkind == RL_SENSORY)
		keys[nkeys++] = "modality";
	if (item->type != YT_MAPPING) {
		yt_report(&parser->d, item, RADLOC_ERR_SCHEMA,
		   "each %s finding must be a mapping like {%s: ..., side: ...%s}, not %s",
		   section_name(k), k->id_key, k->value_key ? ", ..." : "", yt_type_name(item));
		return;
	}
	for (const yt_node *key = item->first; key; key = key->next) {
		size_t i;
		for (i = 0; i < nkeys && strcmp(key->text, keys[i]); i++)
			;
		if (i < nkeys)
			continue;
		const char *near = rl_nearest(key->text, keys, nkeys);
		if (near)
			yt_report_suggesting(&parser->d, key, RADLOC_ERR_SCHEMA, near,
			                     "unknown key '%s' in a %s finding",
			                     rl_value_for_message(buf, key->text), section_name(k));
		else
			yt_report(&parser->d, key, RADLOC_ERR_SCHEMA, "unknown key '%s' in a %s finding (allowed: %s, side%s%s%s)",
			   rl_value_for_message(buf, key->text), section_name(k), k->id_key, k->value_key ? ", " : "",
			   k->value_key ? k->value_key : "", k->fkind == RL_SENSORY ? ", modality" : "");
		bad++;
	}
	const yt_node *idn = yt_get(item, k->id_key);
	const yt_node *siden = yt_get(item, "side");
	const yt_node *valn = k->value_key ? yt_get(item, k->value_key) : NULL;
	if (idn == NULL) {
		yt_report(&parser->d, item, RADLOC_ERR_SCHEMA, "a %s finding needs '%s'", section_name(k), k->id_key);
		return;
	}
	if (k->value_key && valn == NULL) {
		yt_report(&parser->d, item, RADLOC_ERR_SCHEMA, "a %s finding needs '%s'", section_name(k), k->value_key);
		bad++;
	}
	int element = find_id(parser, idn, k);
	if (element < 0 || bad)
		return;
	int limb = k->table == RADLOC_SIGN ? parser->r->signs[element].limb
	           : parser->r->elements[k->table - RADLOC_REGION][element].limb;
	radloc_side side = RADLOC_MIDLINE;
	int aliased = -1;
	for (size_t a = 0; siden && siden->type == YT_SCALAR &&
	                   a < sizeof side_aliases / sizeof side_aliases[0]; a++)
		if (strcmp(siden->text, side_aliases[a].alias) == 0)
			aliased = (int)side_aliases[a].side;
	if (aliased >= 0) {
		side = (radloc_side)aliased;
	} else if (siden) {
		int s = word(parser, siden, "side", side_words, 4, "left, right, bilateral, midline");
		if (s < 0)
			return;
		side = (radloc_side)s;
	}
	if (limb == RL_MIDLINE && side != RADLOC_MIDLINE) {
		yt_report(&parser->d, siden, RADLOC_ERR_VALUE, "%s '%s' is midline: give no side (or side: midline), not '%s'",
		   k->id_key, rl_value_for_message(buf, idn->text), siden->text);
		return;
	}
	if (limb != RL_MIDLINE && side == RADLOC_MIDLINE) {
		yt_report(&parser->d, siden ? siden : item, RADLOC_ERR_VALUE,
		   "%s '%s' needs a side: left, right or bilateral", k->id_key,
		   rl_value_for_message(buf, idn->text));
		return;
	}
	int outcome = 1, nt = 0, modality = 0;
	switch (k->fkind) {
	case RL_SENSORY: {
		int s = word(parser, valn, "status", status_words, 9,
		             "normal, reduced, absent, increased, NT (or ISNCSCI 0, 1, 2)");
		if (s < 0)
			return;
		nt = status_outcome[s] < 0;
		outcome = nt ? 0 : status_outcome[s];
		const yt_node *m = yt_get(item, "modality");
		if (m) {
			int mi = word(parser, m, "modality", rl_modality_names + 1,
			              RL_MODALITY_COUNT - 1,
			              "light_touch, pin_prick, vibration, proprioception, temperature");
			if (mi < 0)
				return;
			modality = mi + 1;
		}
		break;
	}
	case RL_MOTOR: {
		int g = grade(parser, valn, k, &nt, grade_text, sizeof grade_text);
		if (g < 0)
			return;
		outcome = nt ? 0 : 5 - g;
		break;
	}
	case RL_REFLEX: {
		int g = grade(parser, valn, k, &nt, grade_text, sizeof grade_text);
		if (g < 0)
			return;
		/* NINDS: 2 and 3 are both normal (lower and upper half). */
		static const int bedside[5] = {2, 1, 0, RL_BRISK, RL_BRISK + 1};
		static const int ninds[5] = {2, 1, 0, 0, RL_BRISK + 1};
		outcome = nt ? 0 : (parser->ninds ? ninds : bedside)[g];
		break;
	}
	case RL_SIGNKIND: {
		int s = word(parser, valn, "result", result_words, 3, "positive, negative, NT");
		if (s < 0)
			return;
		nt = s == 2;
		outcome = nt ? 0 : s;
		break;
	}
	default:
		break;
	}
	const char *why = NULL;
	radloc_status st = rl_exam_add(parser->exam, k->fkind, k->table, element, side,
	                               outcome, nt, modality,
	                               grade_text[0] ? grade_text : NULL, idn->line,
	                               idn->column, &why);
	if (st == RADLOC_ERR_VALUE && why && strstr(why, "already recorded")) {
		/* Name where the first one was. */
		unsigned long first = 0;
		for (size_t i = 0; i < parser->exam->count; i++) {
			const rl_finding *f = &parser->exam->findings[i];
			if (f->fkind == k->fkind && f->element == element &&
			    f->modality == modality && (f->side == side || side == RADLOC_BILATERAL ||
			     (side != RADLOC_MIDLINE && f->side == RADLOC_MIDLINE))) {
				first = f->line;
				break;
			}
		}
		/* The modality is part of what is recorded twice: light touch
		 * and pin prick of one region are two findings. */
		yt_report(&parser->d, idn, st, "%s %s%s%s%s%s%s is recorded twice (first at line %lu): "
		   "record each finding once", section_name(k), rl_value_for_message(buf, idn->text),
		   side == RADLOC_MIDLINE ? "" : " ",
		   side == RADLOC_MIDLINE ? "" : side_words[side],
		   modality ? " (" : "", modality ? rl_modality_names[modality] : "",
		   modality ? ")" : "", first + parser->d.line_offset);
	} else if (st != RADLOC_OK) {
		yt_report(&parser->d, idn, st, "%s", why ? why : radloc_strerror(st));
	}
}

static void section(exam_parser *parser, const yt_node *key, const kind_spec *k)
{
	const yt_node *list = key->value;
	if (list->type == YT_SCALAR && list->plain &&
	    (list->length == 0 || strcmp(list->text, "null") == 0 ||
	     strcmp(list->text, "~") == 0))
		return; /* "sensory:" with nothing under it: an empty section */
	if (list->type != YT_SEQUENCE) {
		yt_report(&parser->d, list, RADLOC_ERR_SCHEMA, "'%s' must be a list of findings, not %s",
		   section_name(k), yt_type_name(list));
		return;
	}
	for (const yt_node *item = list->first; item; item = item->next)
		finding(parser, item, k);
}

static radloc_status parse_tree(exam_parser *parser, const yt_node *root)
{
	char buf[RL_PRINTABLE_SIZE];
	if (root->type != YT_MAPPING) {
		/* Show a scalar: "dorsum_foot reduced left" is a finding written
		 * as a sentence, and "not a value" would not say which. */
		if (root->type == YT_SCALAR && root->length > 0)
			yt_report(&parser->d, root, RADLOC_ERR_SCHEMA,
			   "an exam must be a mapping (id, sensory, motor, reflex, signs, pain), "
			   "not the value '%s'", rl_value_for_message(buf, root->text));
		else
			yt_report(&parser->d, root, RADLOC_ERR_SCHEMA,
			   "an exam must be a mapping (id, sensory, motor, reflex, signs, pain), not %s",
			   yt_type_name(root));
		return parser->d.first;
	}
	const char *top_keys[TOP_KEY_COUNT] = {"id"};
	for (int k = 0; k < RL_EXAM_SECTION_COUNT; k++)
		top_keys[1 + k] = rl_exam_section_names[k];
	top_keys[TOP_KEY_COUNT - 1] = "reflex_scale";
	for (const yt_node *key = root->first; key; key = key->next) {
		size_t i;
		for (i = 0; i < TOP_KEY_COUNT && strcmp(key->text, top_keys[i]); i++)
			;
		if (i == TOP_KEY_COUNT) {
			const char *near = rl_nearest(key->text, top_keys, TOP_KEY_COUNT);
			if (near)
				yt_report_suggesting(&parser->d, key, RADLOC_ERR_SCHEMA, near, "unknown key '%s'",
				                     rl_value_for_message(buf, key->text));
			else
				yt_report(&parser->d, key, RADLOC_ERR_SCHEMA,
				   "unknown key '%s' (allowed: id, sensory, motor, reflex, signs, "
				   "pain, reflex_scale)", rl_value_for_message(buf, key->text));
		}
	}
	const yt_node *scale = yt_get(root, "reflex_scale");
	if (scale) {
		static const char *const scales[] = {"bedside", "ninds"};
		int s = word(parser, scale, "reflex_scale", scales, 2, "bedside, ninds");
		parser->ninds = s == 1;
		parser->exam->ninds = parser->ninds;
	}
	const yt_node *id = yt_get(root, "id");
	if (id) {
		if (id->type != YT_SCALAR)
			yt_report(&parser->d, id, RADLOC_ERR_SCHEMA, "id must be text, not %s", yt_type_name(id));
		else if (id->length > RADLOC_MAX_ID_TEXT)
			yt_report(&parser->d, id, RADLOC_ERR_LIMIT, "id is %zu bytes, longer than the limit of %d",
			   id->length, RADLOC_MAX_ID_TEXT);
		else if (radloc_exam_set_id(parser->exam, id->text) != RADLOC_OK)
			yt_report(&parser->d, id, RADLOC_ERR_NOMEM, "out of memory");
	}
	for (const yt_node *key = root->first; key; key = key->next)
		for (int k = 0; k < KIND_COUNT; k++)
			if (strcmp(key->text, section_name(&kinds[k])) == 0)
				section(parser, key, &kinds[k]);
	if (parser->d.count == 0) {
		size_t usable = 0;
		for (size_t i = 0; i < parser->exam->count; i++)
			usable += !parser->exam->findings[i].nt;
		if (parser->exam->count == 0)
			yt_report(&parser->d, root, RADLOC_ERR_EMPTY,
			   "the exam has no findings: nothing to localise");
		else if (usable == 0)
			yt_report(&parser->d, root, RADLOC_ERR_EMPTY,
			   "every finding is NT (not testable): nothing to localise");
	}
	return parser->d.first;
}

radloc_status rl_exam_from_tree(const radloc_rules *rules, const yt_node *root,
                                rl_diagctx *d, radloc_exam **out)
{
	exam_parser parser;
	radloc_status status;

	*out = NULL;
	memset(&parser, 0, sizeof parser);
	parser.r = rules;
	parser.d = *d;
	parser.exam = radloc_exam_new(rules);
	if (parser.exam == NULL)
		status = rl_report(&parser.d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	else
		status = parse_tree(&parser, root);
	*d = parser.d;
	if (status != RADLOC_OK) {
		radloc_exam_free(&parser.exam);
		return status;
	}
	*out = parser.exam;
	return RADLOC_OK;
}

radloc_status radloc_exam_parse(const radloc_rules *rules, const char *data,
                                size_t size, const char *name,
                                unsigned long first_line, radloc_diag_fn *diag,
                                void *user, radloc_exam **out)
{
	rl_diagctx d;
	yt_doc *doc = NULL;
	radloc_status status;

	if (rules == NULL || out == NULL || (data == NULL && size > 0))
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	/* A JSON object (a batch's JSON Lines) goes through yajl's event
	 * parser first (json_tree.c), silently; anything it cannot mirror exactly, and any exam with a
	 * problem, is read again below, where every problem gets its place. */
	size_t lead = 0;
	while (lead < size && (data[lead] == ' ' || data[lead] == '\t'))
		lead++;
	if (lead < size && data[lead] == '{' &&
	    yt_from_json(data, size, &doc) == RADLOC_OK) {
		rl_diagctx quiet;
		rl_diag_init(&quiet, NULL, NULL, name);
		status = rl_exam_from_tree(rules, yt_root(doc), &quiet, out);
		yt_free(&doc);
		if (status == RADLOC_OK)
			return status;
	}
	rl_diag_init(&d, diag, user, name ? name : "<exam>");
	d.line_offset = first_line > 0 ? first_line - 1 : 0;
	status = yt_read_buffer(data ? data : "", size, RADLOC_MAX_EXAM_BYTES, &d, &doc);
	if (status != RADLOC_OK)
		return status;
	status = rl_exam_from_tree(rules, yt_root(doc), &d, out);
	yt_free(&doc);
	return status;
}

radloc_status radloc_exam_parse_file(const radloc_rules *rules,
                                     const char *path, radloc_diag_fn *diag,
                                     void *user, radloc_exam **out)
{
	rl_diagctx d;
	char *data;
	size_t n;

	if (rules == NULL || path == NULL || out == NULL)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	rl_diag_init(&d, diag, user, path);
	radloc_status status = yt_slurp(path, RADLOC_MAX_EXAM_BYTES, "exam", &d, &data, &n);
	if (status != RADLOC_OK)
		return status;
	status = radloc_exam_parse(rules, data, n, path, 1, diag, user, out);
	free(data);
	return status;
}
