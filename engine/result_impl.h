/* Internal: what a scored exam leaves behind. Its own strings live in its
 * arena; those of the rules in the rules' arena, which it holds. */
#ifndef RADLOC_RESULT_IMPL_H
#define RADLOC_RESULT_IMPL_H

#include "arena.h"
#include "radloc.h"

typedef struct rl_ranked {
	radloc_hypothesis h;
	int hyp;   /* index in the rule set's hypotheses; -1 for a pair */
	int pair;  /* a pair's index in the scoring's pairs; -1 for a single */
} rl_ranked;

struct radloc_result {
	rl_arena *arena;
	/* The rule set's arena, held (rl_arena_retain): the labels, ids,
	 * sites, extents and version the result hands out point into it, so
	 * they outlive the rule set without a copy per exam. Released with
	 * the result. */
	rl_arena *rules_arena;
	const char *id;
	radloc_pattern pattern;
	unsigned flags;
	double mass;
	unsigned long draws;
	rl_ranked *ranked;       /* all hypotheses, most probable first */
	size_t hyp_count;        /* the rule set's, and the pairs scored */
	size_t reported;         /* min(top, hyp_count) */
	double other;
	radloc_evidence *evidence;
	size_t evidence_count;
	int has_next;
	radloc_next_test next;
	const char **warnings;
	size_t warning_count;
	double surprise;
	/* The rule set that scored it (provenance): its version (NULL if it
	 * declares none) and fingerprint. */
	const char *rules_version;
	char rules_sha256[65];
};

#endif
