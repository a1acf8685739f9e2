/* Field tables: one row per key checks the key and reads the value. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "radloc_limits.h"
#include "rules_loader.h"
#include "tests.h"
#include "vocabulary.h"

typedef struct sample {
	const char *title;
	double weight;
	int limb;
} sample;

static const rl_field sample_fields[] = {
	{"title", rl_read_text_field, offsetof(sample, title), 0},
	{"weight", rl_read_fraction_field, offsetof(sample, weight), 1},
	{"limb", rl_read_limb_field, offsetof(sample, limb), 1},
};

/* Read the mapping under the document's one key through sample_fields. */
static int read_sample(const char *yaml, sample *out, message_sink *m)
{
	rl_loader L;
	yt_doc *doc = NULL;
	memset(&L, 0, sizeof L);
	memset(m, 0, sizeof *m);
	memset(out, 0, sizeof *out);
	rl_diag_init(&L.d, collect_message, m, "t.yaml");
	L.r = calloc(1, sizeof *L.r);
	ck_assert_ptr_nonnull(L.r);
	L.r->arena = rl_arena_new();
	ck_assert_int_eq(yt_read_buffer(yaml, strlen(yaml), RADLOC_MAX_EXAM_BYTES, &L.d, &doc),
	                 RADLOC_OK);
	const yt_node *key = yt_root(doc)->first;
	int bad = rl_read_mapping(&L, key, sample_fields, RL_FIELD_COUNT(sample_fields),
	                          "sample 'x'", out);
	if (out->title)
		out->title = strcmp(out->title, "Tibialis") == 0 ? "Tibialis" : "?";
	yt_free(&doc);
	radloc_rules_free(&L.r);
	return bad;
}

START_TEST(values_land_at_their_offsets)
{
	sample s;
	message_sink m;
	ck_assert_int_eq(read_sample("x: {title: Tibialis, weight: 0.25, limb: leg}\n", &s, &m), 0);
	ck_assert_str_eq(s.title, "Tibialis");
	ck_assert_double_eq(s.weight, 0.25);
	ck_assert_int_eq(s.limb, RL_LEG);
	ck_assert_str_eq(m.text, "");
}
END_TEST

/* The same table refuses a key it has not got (naming the nearest) and
 * reports the required ones that are missing, at the entry's name. */
START_TEST(keys_checked_by_the_same_table)
{
	sample s;
	message_sink m;
	ck_assert_int_eq(read_sample("x: {wieght: 0.5, limb: arm, colour: red}\n", &s, &m), 3);
	ck_assert_str_eq(m.text,
	                 "1:5: unknown key 'wieght' in sample 'x'; did you mean 'weight'?\n"
	                 "1:29: unknown key 'colour' in sample 'x'\n"
	                 "1:1: sample 'x' has no 'weight'\n");
	ck_assert_int_eq(s.limb, RL_ARM);
}
END_TEST

START_TEST(bad_values_named)
{
	sample s;
	message_sink m;
	ck_assert_int_eq(read_sample("x: {weight: 1.5, limb: foot, title: ''}\n", &s, &m), 3);
	ck_assert_str_eq(m.text,
	                 "1:37: title is empty\n"
	                 "1:13: weight is 1.5, outside [0, 1]\n"
	                 "1:24: sample 'x': limb 'foot' is not one of arm, leg, midline\n");
	ck_assert_int_eq(read_sample("x: [1, 2]\n", &s, &m), 1);
	ck_assert_str_eq(m.text, "1:4: sample 'x' must be a mapping, not a list\n");
}
END_TEST

START_TEST(ids_valid)
{
	ck_assert_int_eq(rl_valid_id("great_toe_2"), 1);
	ck_assert_int_eq(rl_valid_id(""), 0);
	ck_assert_int_eq(rl_valid_id("L5-S1"), 0);
	char longer[RADLOC_MAX_ID_BYTES + 2];
	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	ck_assert_int_eq(rl_valid_id(longer), 0);
	longer[RADLOC_MAX_ID_BYTES] = '\0';
	ck_assert_int_eq(rl_valid_id(longer), 1);
}
END_TEST

Suite *suite_rules_schema(void)
{
	return make_suite("rules_schema", 0,
	                  TESTS(values_land_at_their_offsets,
	                        keys_checked_by_the_same_table, bad_values_named,
	                        ids_valid));
}
