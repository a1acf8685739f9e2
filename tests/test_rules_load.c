/* rules_load.c: the three passes over the documents read (ids first, so
 * references may point forward and across files; then each entry; then
 * the set as a whole) and the public radloc_rules_load*. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests.h"

typedef struct first_diag {
	char text[600];
	int count;
} first_diag;

static void keep_first(const radloc_diag *d, void *user)
{
	first_diag *f = user;
	if (f->count++ == 0)
		snprintf(f->text, sizeof f->text, "%s:%lu:%lu: %s", d->file, d->line,
		         d->column, d->message);
}

START_TEST(buffer_errors_are_located)
{
	const char *text =
		"format: radloc-rules/1\n"
		"roots:\n"
		"  L5: {level: 25, prior: 1.0, sorce: \"x\"}\n";
	radloc_rules *r = NULL;
	first_diag f = {{0}, 0};
	ck_assert_int_eq(radloc_rules_load_buffer(text, strlen(text), "inline.yaml",
	                                          keep_first, &f, &r), RADLOC_ERR_SCHEMA);
	ck_assert_ptr_null(r);
	ck_assert_str_eq(f.text, "inline.yaml:3:31: unknown key 'sorce' in root 'L5'; "
	                         "did you mean 'source'?");
	/* Both problems are reported, not just the first. */
	ck_assert_int_eq(f.count, 2);
}
END_TEST

START_TEST(load_missing_path)
{
	radloc_rules *r = NULL;
	first_diag f = {{0}, 0};
	ck_assert_int_eq(radloc_rules_load("/nonexistent/rules", keep_first, &f, &r),
	                 RADLOC_ERR_IO);
	ck_assert_str_eq(f.text, "/nonexistent/rules:0:0: cannot open rules: no such file or directory");
	ck_assert_int_eq(radloc_rules_load(NULL, NULL, NULL, &r), RADLOC_ERR_ARGUMENT);
	radloc_rules_free(NULL);
	radloc_rules_free(&r);
}
END_TEST

/* ---- a directory of files, read in name order ------------------------------- */

/* fixtures/rules/tiny/tiny.yaml split in two, its ids moved so that each
 * file refers to ids of the other: 1-leg.yaml's regions name root A and
 * nerve n of 2-rest.yaml (forward), 2-rest.yaml's reflex names root B of
 * 1-leg.yaml (backward). B is defined first, so the ids' order is the
 * files' name order, not the alphabet's. */
static const char leg_yaml[] =
	"format: radloc-rules/1\n"
	"roots:\n"
	"  B: {level: 2, prior: 1.0, source: \"test\"}\n"
	"regions:\n"
	"  r1: {limb: leg, distal_rank: 0.5, roots: {A: 1.0}, concentration: 10, nerves: {n: 1.0}, source: \"test\"}\n"
	"  r2: {limb: leg, distal_rank: 0.5, roots: {A: 0.5, B: 0.5}, concentration: 10, source: \"test\"}\n"
	"  mid: {limb: midline, distal_rank: 0.0, roots: {B: 1.0}, concentration: 10, source: \"test\"}\n"
	"movements:\n"
	"  m1: {limb: leg, distal_rank: 0.5, roots: {B: 1.0}, concentration: 10, source: \"test\"}\n";

static const char rest_head[] =
	"format: radloc-rules/1\n"
	"roots:\n"
	"  A: {level: 1, prior: 3.0, source: \"test\"}\n"
	"nerves:\n"
	"  n: {prior: 2.0, source: \"test\"}\n"
	"reflexes:\n"
	"  x1: {limb: leg, distal_rank: 0.5, roots: {A: 0.5, B: 0.5}, concentration: 10, source: \"test\"}\n"
	"signs:\n"
	"  g: {limb: leg, sensitivity: {A: 0.5, myelopathy: 0.4}, specificity: 0.9, source: \"test\"}\n";

/* The model's parameters of tiny.yaml: its text from "findings:" on. */
static char *tiny_parameters(void)
{
	char *whole = tiny_rules_text_with("findings:", "findings:");
	char *from = strstr(whole, "\nfindings:\n");
	ck_assert_ptr_nonnull(from);
	memmove(whole, from + 1, strlen(from + 1) + 1);
	return whole;
}

static void write_file(const char *dir, const char *name, const char *a, const char *b)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(a, f);
	fputs(b, f);
	fclose(f);
}

static void remove_dir(const char *dir)
{
	static const char *const names[] = {"1-leg.yaml", "2-rest.yaml"};
	for (size_t i = 0; i < 2; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

/* The two files into a new directory (the later name written first);
 * `leg` is 1-leg.yaml's text. */
static void make_dir(char *dir, const char *leg)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *params = tiny_parameters();
	char *rest = malloc(strlen(rest_head) + strlen(params) + 1);
	ck_assert_ptr_nonnull(rest);
	strcpy(rest, rest_head);
	strcat(rest, params);
	write_file(dir, "2-rest.yaml", rest, "");
	write_file(dir, "1-leg.yaml", leg, "");
	free(rest);
	free(params);
}

START_TEST(directory_references_point_across_files_both_ways)
{
	char dir[] = "/tmp/radloc-load-XXXXXX";
	make_dir(dir, leg_yaml);
	message_sink sink = {{0}, 0};
	radloc_rules *r = NULL;
	radloc_status st = radloc_rules_load(dir, collect_message, &sink, &r);
	remove_dir(dir);
	ck_assert_msg(st == RADLOC_OK, "%s", sink.text);
	ck_assert_str_eq(sink.text, "");
	ck_assert_uint_eq(radloc_rules_count(r, RADLOC_ROOT), 2);
	ck_assert_uint_eq(radloc_rules_count(r, RADLOC_NERVE), 1);
	ck_assert_uint_eq(radloc_rules_count(r, RADLOC_REGION), 3);
	/* Name order: 1-leg.yaml's B before 2-rest.yaml's A. */
	ck_assert_str_eq(radloc_rules_id(r, RADLOC_ROOT, 0), "B");
	ck_assert_str_eq(radloc_rules_id(r, RADLOC_ROOT, 1), "A");
	/* The forward references resolved: r1 is A's and n's. */
	radloc_link links[8];
	size_t n = radloc_rules_suppliers(r, RADLOC_REGION, "r1", links, 8);
	int root_a = 0, nerve_n = 0;
	for (size_t i = 0; i < n && i < 8; i++) {
		root_a |= links[i].kind == RADLOC_ROOT && strcmp(links[i].id, "A") == 0;
		nerve_n |= links[i].kind == RADLOC_NERVE && strcmp(links[i].id, "n") == 0;
	}
	ck_assert(root_a);
	ck_assert(nerve_n);
	/* And the backward one: x1 is B's as well as A's. */
	n = radloc_rules_suppliers(r, RADLOC_REFLEX, "x1", links, 8);
	int root_b = 0;
	for (size_t i = 0; i < n && i < 8; i++)
		root_b |= links[i].kind == RADLOC_ROOT && strcmp(links[i].id, "B") == 0;
	ck_assert(root_b);
	radloc_rules_free(&r);
}
END_TEST

/* Priors are relative weights in the files (A 3, B 1; n alone 2) and
 * shares once loaded. */
START_TEST(priors_are_normalised)
{
	char dir[] = "/tmp/radloc-load-XXXXXX";
	make_dir(dir, leg_yaml);
	radloc_rules *r = NULL;
	radloc_status st = radloc_rules_load(dir, NULL, NULL, &r);
	remove_dir(dir);
	ck_assert_int_eq(st, RADLOC_OK);
	radloc_entry_info info;
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_ROOT, "A", &info), RADLOC_OK);
	ck_assert_double_eq_tol(info.prior, 3.0 / 4.0, 1e-12);
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_ROOT, "B", &info), RADLOC_OK);
	ck_assert_double_eq_tol(info.prior, 1.0 / 4.0, 1e-12);
	ck_assert_int_eq(radloc_rules_info(r, RADLOC_NERVE, "n", &info), RADLOC_OK);
	ck_assert_double_eq_tol(info.prior, 1.0, 1e-12);
	radloc_rules_free(&r);
	/* The shipped rules: root priors and nerve priors each sum to 1. */
	const radloc_rules *shipped = shipped_rules();
	const radloc_kind kinds[] = {RADLOC_ROOT, RADLOC_NERVE};
	for (size_t k = 0; k < 2; k++) {
		double sum = 0.0;
		size_t count = radloc_rules_count(shipped, kinds[k]);
		for (size_t i = 0; i < count; i++) {
			ck_assert_int_eq(radloc_rules_info(shipped, kinds[k],
			                                   radloc_rules_id(shipped, kinds[k], i),
			                                   &info), RADLOC_OK);
			ck_assert_double_gt(info.prior, 0.0);
			sum += info.prior;
		}
		ck_assert_double_eq_tol(sum, 1.0, 1e-12);
	}
}
END_TEST

/* An unknown reference is reported at its file, line and column, with the
 * nearest id of the whole set: 'Ax' in 1-leg.yaml is a slip for the A of
 * 2-rest.yaml (1-leg.yaml alone would offer only B). */
START_TEST(unknown_reference_is_located_with_a_suggestion)
{
	char dir[] = "/tmp/radloc-load-XXXXXX";
	char leg[sizeof leg_yaml + 8];
	const char *from = "roots: {A: 1.0}";
	const char *at = strstr(leg_yaml, from);
	ck_assert_ptr_nonnull(at);
	snprintf(leg, sizeof leg, "%.*sroots: {Ax: 1.0}%s", (int)(at - leg_yaml), leg_yaml,
	         at + strlen(from));
	make_dir(dir, leg);
	char file[4200];
	snprintf(file, sizeof file, "%s/1-leg.yaml", dir);
	first_diag f = {{0}, 0};
	radloc_rules *r = NULL;
	radloc_status st = radloc_rules_load(dir, keep_first, &f, &r);
	remove_dir(dir);
	ck_assert_int_eq(st, RADLOC_ERR_REFERENCE);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(f.count, 1);
	/* Line 5, "  r1: {limb: leg, distal_rank: 0.5, roots: {" is 44 bytes. */
	char want[4600];
	snprintf(want, sizeof want, "%s:5:45: unknown root 'Ax' in the roots of region 'r1'; "
	         "did you mean 'A'?", file);
	ck_assert_str_eq(f.text, want);
}
END_TEST

/* The buffer loader: its diagnostics are named as the caller says, or
 * "<rules>" when the caller gives no name. */
START_TEST(buffer_loader_names_its_diagnostics)
{
	const char text[] = "format: radloc-rules/1\nroots: [A]\n";
	first_diag f = {{0}, 0};
	radloc_rules *r = NULL;
	ck_assert_int_ne(radloc_rules_load_buffer(text, strlen(text), "bedside.yaml",
	                                          keep_first, &f, &r), RADLOC_OK);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(strncmp(f.text, "bedside.yaml:2:8: ", 18), 0);
	memset(&f, 0, sizeof f);
	ck_assert_int_ne(radloc_rules_load_buffer(text, strlen(text), NULL, keep_first, &f, &r),
	                 RADLOC_OK);
	ck_assert_int_eq(strncmp(f.text, "<rules>:2:8: ", 13), 0);
	/* Arguments: no place for the result, or a size without data. */
	ck_assert_int_eq(radloc_rules_load_buffer(text, strlen(text), "x", NULL, NULL, NULL),
	                 RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_rules_load_buffer(NULL, 4, "x", NULL, NULL, &r),
	                 RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_rules_load("rules", NULL, NULL, NULL), RADLOC_ERR_ARGUMENT);
}
END_TEST

/* The shipped rules hold at least the contract's vocabulary (exam-format.md
 * section 1): 14 roots, 15 nerves, 38 regions, 22 movements, 6 reflexes
 * and 9 signs, counted from its lists. */
START_TEST(shipped_rules_hold_the_contracts_vocabulary)
{
	static const struct {
		radloc_kind kind;
		size_t least;
	} contract[] = {
		{RADLOC_ROOT, 14}, {RADLOC_NERVE, 15}, {RADLOC_REGION, 16 + 20 + 2},
		{RADLOC_MOVEMENT, 11 + 11}, {RADLOC_REFLEX, 6}, {RADLOC_SIGN, 9},
	};
	radloc_rules *r = NULL;
	message_sink sink = {{0}, 0};
	ck_assert_int_eq(radloc_rules_load(src_path("rules"), collect_message, &sink, &r),
	                 RADLOC_OK);
	ck_assert_str_eq(sink.text, "");
	for (size_t i = 0; i < sizeof contract / sizeof contract[0]; i++)
		ck_assert_msg(radloc_rules_count(r, contract[i].kind) >= contract[i].least,
		              "%zu %ss, the contract lists %zu",
		              radloc_rules_count(r, contract[i].kind),
		              radloc_kind_name(contract[i].kind), contract[i].least);
	/* The set loaded afresh is the one every other suite uses. */
	for (int k = 0; k < RADLOC_KIND_COUNT; k++)
		ck_assert_uint_eq(radloc_rules_count(r, (radloc_kind)k),
		                  radloc_rules_count(shipped_rules(), (radloc_kind)k));
	radloc_rules_free(&r);
}
END_TEST

Suite *suite_rules_load(void)
{
	Suite *s = suite_create("rules_load");
	add_tests(s, "directory", 0,
	          TESTS(directory_references_point_across_files_both_ways, priors_are_normalised,
	                unknown_reference_is_located_with_a_suggestion,
	                shipped_rules_hold_the_contracts_vocabulary));
	add_tests(s, "loader", 0,
	          TESTS(buffer_errors_are_located, load_missing_path,
	                buffer_loader_names_its_diagnostics));
	return s;
}
