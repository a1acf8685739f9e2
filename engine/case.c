/* Teaching cases: an exam and the answer a teacher expects (contract
 * section 2), and the verdict of a result against it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exam_impl.h"
#include "radloc_limits.h"
#include "result_impl.h"
#include "textutil.h"
#include "yamltree.h"

struct radloc_case {
	char *id;
	char *source;
	radloc_exam *exam;
	radloc_expectation expect;
	char label[160];
	char *site;
	char *extent;
	char level[8], form[16];
};

void radloc_case_free(radloc_case **c)
{
	if (c == NULL || *c == NULL)
		return;
	free((*c)->id);
	free((*c)->source);
	free((*c)->site);
	free((*c)->extent);
	radloc_exam_free(&(*c)->exam);
	free(*c);
	*c = NULL;
}

const char *radloc_case_id(const radloc_case *c) { return c ? c->id : NULL; }
const char *radloc_case_source(const radloc_case *c) { return c ? c->source : NULL; }
const radloc_exam *radloc_case_exam(const radloc_case *c) { return c ? c->exam : NULL; }

radloc_status radloc_case_expectation(const radloc_case *c, radloc_expectation *out)
{
	if (c == NULL || out == NULL)
		return RADLOC_ERR_ARGUMENT;
	*out = c->expect;
	return RADLOC_OK;
}

static char *dup_text(const char *s)
{
	char *p = malloc(strlen(s) + 1);
	if (p)
		strcpy(p, s);
	return p;
}

static int pick(rl_diagctx *d, const yt_node *n, const char *what,
                const char *const *words, int count, const char *allowed)
{
	char buf[RL_PRINTABLE_SIZE];
	if (n->type == YT_SCALAR)
		for (int i = 0; i < count; i++)
			if (strcmp(n->text, words[i]) == 0)
				return i;
	yt_report_suggesting(d, n, RADLOC_ERR_VALUE,
	                     n->type == YT_SCALAR ? rl_nearest(n->text, words, (size_t)count) : NULL,
	                     "%s '%s' is not one of %s", what,
	                     n->type == YT_SCALAR ? rl_value_for_message(buf, n->text)
	                                          : yt_type_name(n), allowed);
	return -1;
}

/* site: one of the nerve's named sites (rules/nerves.yaml). Returns 0
 * after reporting a bad one. */
static int read_site(const radloc_rules *r, const yt_node *n, const char *nerve,
                     rl_diagctx *d, radloc_case *c)
{
	const char *names[RADLOC_MAX_SUPPLY];
	char buf[RL_PRINTABLE_SIZE];
	radloc_site_info info;
	size_t count = 0;

	if (n == NULL)
		return 1;
	for (size_t i = 0; count < RADLOC_MAX_SUPPLY &&
	                   radloc_rules_site(r, nerve, i, &info) == RADLOC_OK; i++) {
		names[count++] = info.id;
		if (n->type == YT_SCALAR && strcmp(n->text, info.id) == 0) {
			if (!(c->site = dup_text(info.id))) {
				rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
				return 0;
			}
			c->expect.site = c->site;
			return 1;
		}
	}
	yt_report_suggesting(d, n, RADLOC_ERR_REFERENCE,
	                     n->type == YT_SCALAR ? rl_nearest(n->text, names, count) : NULL,
	                     "site '%s' is not a named site of nerve '%s'",
	                     n->type == YT_SCALAR ? rl_value_for_message(buf, n->text)
	                                          : yt_type_name(n), nerve);
	return 0;
}

/* extent: a polyneuropathy's (one of the rules' extents) or a cauda
 * equina's (contract section 4: sacral, conus, low, full). Returns 0
 * after reporting a bad one. */
static int read_extent(const radloc_rules *r, const yt_node *n, rl_diagctx *d,
                       radloc_case *c)
{
	static const char *const cauda[] = {"sacral", "conus", "low", "full"};
	int ok = 0;
	if (n->type == YT_SCALAR && c->expect.pattern == RADLOC_CAUDA_EQUINA)
		for (size_t i = 0; i < sizeof cauda / sizeof *cauda; i++)
			ok |= strcmp(n->text, cauda[i]) == 0;
	if (n->type == YT_SCALAR && c->expect.pattern == RADLOC_POLYNEUROPATHY)
		ok = radloc_rules_extent_threshold(r, n->text) >= 0.0;
	if (!ok) {
		rl_report(d, RADLOC_ERR_VALUE, n->line, n->column,
		          "extent must be a cauda_equina extent (sacral, conus, low, full) "
		          "or a polyneuropathy extent of the rules, for that pattern");
		return 0;
	}
	if (!(c->extent = dup_text(n->text))) {
		rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
		return 0;
	}
	c->expect.extent = c->extent;
	return 1;
}

static int read_level_form(const yt_node *map, rl_diagctx *d, radloc_case *c);

static void read_expect(const radloc_rules *r, const yt_node *map, rl_diagctx *d,
                        radloc_case *c)
{
	static const char *const keys[] = {"pattern", "roots", "nerve", "plexus", "side",
	                                   "within", "flags", "label", "site", "extent",
	                                   "level", "form"};
	static const char *const sides[] = {"left", "right", "bilateral"};
	const char *patterns[RADLOC_PATTERN_COUNT], *flags[RADLOC_FLAG_COUNT];
	char buf[RL_PRINTABLE_SIZE];
	const yt_node *n;

	for (int p = 0; p < RADLOC_PATTERN_COUNT; p++)
		patterns[p] = radloc_pattern_name((radloc_pattern)p);
	for (int f = 0; f < RADLOC_FLAG_COUNT; f++)
		flags[f] = radloc_flag_name(1u << f);
	c->expect.within = 1;
	if (map->type != YT_MAPPING) {
		rl_report(d, RADLOC_ERR_SCHEMA, map->line, map->column,
		          "expect must be a mapping (pattern, roots or nerve, side, within, flags)");
		return;
	}
	yt_report_unknown_keys(d, map, keys, sizeof keys / sizeof *keys, "expect");
	n = yt_get(map, "pattern");
	if (n == NULL) {
		rl_report(d, RADLOC_ERR_SCHEMA, map->line, map->column, "expect has no 'pattern'");
		return;
	}
	int pattern = pick(d, n, "pattern", patterns, RADLOC_PATTERN_COUNT,
	                   "radiculopathy, multiradiculopathy, polyneuropathy, "
	                   "mononeuropathy, cauda_equina, myelopathy, normal, other, "
	                   "plexopathy, two_lesions, motor_neuron_disease");
	if (pattern < 0)
		return;
	c->expect.pattern = (radloc_pattern)pattern;
	if ((n = yt_get(map, "within"))) {
		long w;
		if (n->type != YT_SCALAR || rl_parse_long(n->text, 1, 1000, &w) != 0)
			rl_report(d, RADLOC_ERR_VALUE, n->line, n->column,
			          "within must be a whole number 1..1000");
		else
			c->expect.within = (size_t)w;
	}
	if ((n = yt_get(map, "flags"))) {
		if (n->type != YT_SEQUENCE)
			rl_report(d, RADLOC_ERR_SCHEMA, n->line, n->column, "flags must be a list");
		else
			for (const yt_node *f = n->first; f; f = f->next) {
				int i = pick(d, f, "flag", flags, RADLOC_FLAG_COUNT,
				             "stocking_glove, cauda_equina_red_flag, upper_motor_neuron, "
				             "bilateral, inconsistent_findings, low_confidence, "
				             "two_processes, sensory_level, dissociated_sensory_loss");
				if (i >= 0)
					c->expect.flags |= 1u << i;
			}
	}
	if ((n = yt_get(map, "extent")) && !read_extent(r, n, d, c))
		return;
	/* The exact ranked label (contract section 2): how a case names two
	 * lesions at once, "ulnar left + common_peroneal right". */
	if ((n = yt_get(map, "label"))) {
		if (n->type != YT_SCALAR || n->length == 0 || n->length >= sizeof c->label) {
			rl_report(d, RADLOC_ERR_VALUE, n->line, n->column,
			          "label must be the ranked hypothesis's label, as text");
			return;
		}
		snprintf(c->label, sizeof c->label, "%s", n->text);
		c->expect.label = c->label;
		return;
	}
	if (c->expect.pattern == RADLOC_TWO_LESIONS) {
		rl_report(d, RADLOC_ERR_SCHEMA, map->line, map->column,
		          "a two_lesions case needs label: \"A + B\" (the ranked label)");
		return;
	}
	const yt_node *roots = yt_get(map, "roots"), *nerve = yt_get(map, "nerve");
	const yt_node *plexus = yt_get(map, "plexus");
	const yt_node *siden = yt_get(map, "side");
	int side = -1;
	if (siden)
		side = pick(d, siden, "side", sides, 3, "left, right, bilateral (a nerve)");
	switch (c->expect.pattern) {
	case RADLOC_RADICULOPATHY:
	case RADLOC_MULTIRADICULOPATHY: {
		/* One root (two for multiradiculopathy, or one to three with one
		 * on both sides; contract section 4). */
		int multi = c->expect.pattern == RADLOC_MULTIRADICULOPATHY;
		size_t want = multi ? 2 : 1, count = roots && roots->type == YT_SEQUENCE
		                                      ? roots->count : 0;
		if (count != want && !(multi && count >= 1 && count <= RADLOC_MAX_ROOTS)) {
			rl_report(d, RADLOC_ERR_SCHEMA, (roots ? roots : map)->line,
			          (roots ? roots : map)->column, multi
			          ? "a %s case needs roots: a list of 1 to 3 adjacent roots"
			          : "a %s case needs roots: a list of 1 root", patterns[pattern]);
			return;
		}
		long idx[RADLOC_MAX_ROOTS] = {-1, -1, -1};
		size_t i = 0;
		for (const yt_node *x = roots->first; x; x = x->next, i++) {
			idx[i] = x->type == YT_SCALAR ? radloc_rules_find(r, RADLOC_ROOT, x->text) : -1;
			if (idx[i] < 0) {
				const char *near = x->type == YT_SCALAR
				                   ? radloc_rules_nearest(r, RADLOC_ROOT, x->text) : NULL;
				yt_report_suggesting(d, x, RADLOC_ERR_REFERENCE, near, "unknown root '%s'",
				                     x->type == YT_SCALAR ? rl_value_for_message(buf, x->text)
				                                          : "(not a name)");
				return;
			}
		}
		/* Both sides only for multiradiculopathy; one root alone there
		 * only on both sides ("L5 bilateral"). */
		if (side < 0 || (side == 2 && !multi) || (multi && count == 1 && side != 2)) {
			rl_report(d, RADLOC_ERR_SCHEMA, (side >= 0 ? siden : map)->line,
			          (side >= 0 ? siden : map)->column, multi && count == 1
			          ? "a %s case with one root needs side: bilateral"
			          : multi ? "a %s case needs side: left, right or bilateral"
			                  : "a %s case needs side: left or right", patterns[pattern]);
			return;
		}
		/* Roots are labelled cranial first, as the engine does. */
		long level[RADLOC_MAX_ROOTS];
		for (i = 0; i < count; i++) {
			radloc_entry_info info;
			radloc_rules_info(r, RADLOC_ROOT, radloc_rules_id(r, RADLOC_ROOT, (size_t)idx[i]),
			                  &info);
			level[i] = info.level;
		}
		for (i = 1; i < count; i++)
			for (size_t j = i; j > 0 && level[j - 1] > level[j]; j--) {
				long t = idx[j];
				idx[j] = idx[j - 1];
				idx[j - 1] = t;
				t = level[j];
				level[j] = level[j - 1];
				level[j - 1] = t;
			}
		size_t len = 0;
		for (i = 0; i < count; i++)
			len += (size_t)snprintf(c->label + len, sizeof c->label - len, "%s%s", i ? "+" : "",
			                        radloc_rules_id(r, RADLOC_ROOT, (size_t)idx[i]));
		snprintf(c->label + len, sizeof c->label - len, " %s", sides[side]);
		break;
	}
	case RADLOC_MONONEUROPATHY:
		if (nerve == NULL || nerve->type != YT_SCALAR) {
			rl_report(d, RADLOC_ERR_SCHEMA, map->line, map->column,
			          "a mononeuropathy case needs nerve: <name>");
			return;
		}
		if (radloc_rules_find(r, RADLOC_NERVE, nerve->text) < 0) {
			yt_report_suggesting(d, nerve, RADLOC_ERR_REFERENCE,
			                     radloc_rules_nearest(r, RADLOC_NERVE, nerve->text),
			                     "unknown nerve '%s'", rl_value_for_message(buf, nerve->text));
			return;
		}
		if (side < 0) {
			rl_report(d, RADLOC_ERR_SCHEMA, map->line, map->column,
			          "a mononeuropathy case needs side: left, right or bilateral");
			return;
		}
		snprintf(c->label, sizeof c->label, "%s %s", nerve->text, sides[side]);
		if (!read_site(r, yt_get(map, "site"), nerve->text, d, c))
			return;
		break;
	case RADLOC_PLEXOPATHY:
		/* A plexus element on one side: "upper_trunk left". */
		if (plexus == NULL || plexus->type != YT_SCALAR) {
			rl_report(d, RADLOC_ERR_SCHEMA, map->line, map->column,
			          "a plexopathy case needs plexus: <element>");
			return;
		}
		if (radloc_rules_plexus_name(r, plexus->text) == NULL) {
			rl_report(d, RADLOC_ERR_REFERENCE, plexus->line, plexus->column,
			          "unknown plexus element '%s'", rl_value_for_message(buf, plexus->text));
			return;
		}
		if (side < 0 || side == 2) {
			rl_report(d, RADLOC_ERR_SCHEMA, (side == 2 ? siden : map)->line,
			          (side == 2 ? siden : map)->column,
			          "a plexopathy case needs side: left or right");
			return;
		}
		snprintf(c->label, sizeof c->label, "%s %s", plexus->text, sides[side]);
		break;
	default:
		snprintf(c->label, sizeof c->label, "%s", patterns[pattern]);
		if (pattern == RADLOC_MYELOPATHY && !read_level_form(map, d, c))
			return;
		break;
	}
	c->expect.label = c->label;
}

static radloc_status from_tree(const radloc_rules *r, const yt_node *root,
                               rl_diagctx *d, radloc_case **out)
{
	static const char *const keys[] = {"id", "source", "exam", "expect"};
	radloc_case *c = calloc(1, sizeof *c);
	const yt_node *n;

	if (c == NULL)
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	if (root->type != YT_MAPPING) {
		radloc_case_free(&c);
		return rl_report(d, RADLOC_ERR_SCHEMA, root->line, root->column,
		                 "a teaching case must be a mapping (id, source, exam, expect)");
	}
	yt_report_unknown_keys(d, root, keys, 4, "a teaching case");
	for (int i = 0; i < 4; i++)
		if (yt_get(root, keys[i]) == NULL)
			rl_report(d, RADLOC_ERR_SCHEMA, root->line, root->column,
			          "a teaching case needs '%s'", keys[i]);
	if ((n = yt_get(root, "id")) && n->type == YT_SCALAR && !(c->id = dup_text(n->text)))
		rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	if ((n = yt_get(root, "source"))) {
		if (n->type != YT_SCALAR || n->length == 0)
			rl_report(d, RADLOC_ERR_VALUE, n->line, n->column,
			          "source must say where the expected answer comes from");
		else if (!(c->source = dup_text(n->text)))
			rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	}
	if ((n = yt_get(root, "expect")))
		read_expect(r, n, d, c);
	if ((n = yt_get(root, "exam")))
		rl_exam_from_tree(r, n, d, &c->exam);
	if (d->count > 0) {
		radloc_case_free(&c);
		return d->first;
	}
	if (c->id && radloc_exam_id(c->exam) == NULL &&
	    radloc_exam_set_id(c->exam, c->id) != RADLOC_OK) {
		radloc_case_free(&c);
		return RADLOC_ERR_NOMEM;
	}
	*out = c;
	return RADLOC_OK;
}

radloc_status radloc_case_parse(const radloc_rules *rules, const char *data,
                                size_t size, const char *name,
                                radloc_diag_fn *diag, void *user, radloc_case **out)
{
	rl_diagctx d;
	yt_doc *doc = NULL;
	radloc_status status;

	if (rules == NULL || out == NULL || (data == NULL && size > 0))
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	rl_diag_init(&d, diag, user, name ? name : "<case>");
	status = yt_read_buffer(data ? data : "", size, RADLOC_MAX_EXAM_BYTES, &d, &doc);
	if (status != RADLOC_OK)
		return status;
	status = from_tree(rules, yt_root(doc), &d, out);
	yt_free(&doc);
	return status;
}

radloc_status radloc_case_parse_file(const radloc_rules *rules, const char *path,
                                     radloc_diag_fn *diag, void *user,
                                     radloc_case **out)
{
	rl_diagctx d;
	char *data;
	size_t n;

	if (rules == NULL || path == NULL || out == NULL)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	rl_diag_init(&d, diag, user, path);
	radloc_status status = yt_slurp(path, RADLOC_MAX_EXAM_BYTES, "case", &d, &data, &n);
	if (status != RADLOC_OK)
		return status;
	status = radloc_case_parse(rules, data, n, path, diag, user, out);
	free(data);
	return status;
}

/* level: a segment C1-L5; form: transverse, hemicord or central (a
 * myelopathy's, contract section 4). Returns 0 after reporting. */
static int read_level_form(const yt_node *map, rl_diagctx *d, radloc_case *c)
{
	const yt_node *level = yt_get(map, "level"), *form = yt_get(map, "form");
	if (level) {
		if (level->type != YT_SCALAR || rl_segment_number(level->text) == 0) {
			rl_report(d, RADLOC_ERR_VALUE, level->line, level->column,
			          "level must be a segment C1-C8, T1-T12 or L1-L5");
			return 0;
		}
		snprintf(c->level, sizeof c->level, "%s", level->text);
		c->expect.level = c->level;
	}
	if (form) {
		int f = -1;
		for (int i = 0; i < RL_CORD_FORMS && form->type == YT_SCALAR; i++)
			if (strcmp(form->text, rl_cord_form_name(i)) == 0)
				f = i;
		if (f < 0) {
			rl_report(d, RADLOC_ERR_VALUE, form->line, form->column,
			          "form must be transverse, hemicord or central");
			return 0;
		}
		snprintf(c->form, sizeof c->form, "%s", form->text);
		c->expect.form = c->form;
	}
	return 1;
}

radloc_status radloc_case_check(const radloc_case *c, const radloc_result *res,
                                radloc_verdict *out)
{
	if (c == NULL || res == NULL || out == NULL)
		return RADLOC_ERR_ARGUMENT;
	memset(out, 0, sizeof *out);
	out->site_matches = 1;
	out->extent_matches = 1;
	out->level_matches = out->form_matches = 1;
	for (size_t i = 0; i < res->hyp_count; i++)
		if (strcmp(res->ranked[i].h.label, c->expect.label) == 0) {
			const char *site = res->ranked[i].h.site;
			const char *extent = res->ranked[i].h.extent;
			out->rank = i + 1;
			out->probability = res->ranked[i].h.probability;
			if (c->expect.site)
				out->site_matches = site && strcmp(site, c->expect.site) == 0;
			if (c->expect.extent)
				out->extent_matches = extent && strcmp(extent, c->expect.extent) == 0;
			const char *level = res->ranked[i].h.level, *form = res->ranked[i].h.form;
			if (c->expect.level)
				out->level_matches =
				    level && abs(rl_segment_number(level) -
				                 rl_segment_number(c->expect.level)) <= 1;
			if (c->expect.form)
				out->form_matches = form && strcmp(form, c->expect.form) == 0;
			break;
		}
	out->missing_flags = c->expect.flags & ~res->flags;
	out->pattern_matches = res->pattern == c->expect.pattern;
	out->pass = out->rank > 0 && out->rank <= c->expect.within &&
	            out->missing_flags == 0 && out->site_matches && out->extent_matches &&
	            out->level_matches && out->form_matches &&
	            (c->expect.within > 1 || out->pattern_matches);
	return RADLOC_OK;
}
