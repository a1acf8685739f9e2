/* Which rule set produced an answer (docs/rules.md, "Provenance"): the
 * version the rule set declares in its `rule_set` section, and the
 * SHA-256 of the bytes of its files in the order they are read (name
 * order in a directory), so an auditor can check a result against a
 * folder of rules with
 *     cd rules && cat $(LC_ALL=C ls *.yaml) | sha256sum
 * The digest is of the files as they are, comments included: any edit
 * gives a new fingerprint, whatever it changes. */
#include <stddef.h>
#include <stdio.h>

#include "rules_loader.h"

void rl_fingerprint_add(void *loader, const char *data, size_t size)
{
	rl_loader *L = loader;
	sha256_update(&L->fingerprint, size, (const uint8_t *)data);
}

void rl_fingerprint_finish(rl_loader *L)
{
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_digest(&L->fingerprint, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(L->r->sha256 + 2 * i, 3, "%02x", digest[i]);
}

typedef struct rule_set_fields {
	const char *version;
} rule_set_fields;

static const rl_field rule_set_fields_table[] = {
	{"version", rl_read_text_field, offsetof(rule_set_fields, version), 1},
};

int rl_load_rule_set(rl_loader *L, const yt_node *key)
{
	if (L->rule_set_key) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA,
		          "section 'rule_set' is defined twice (first at line %lu): a rule "
		          "set has one version", L->rule_set_key->line);
		return 1;
	}
	L->rule_set_key = key;
	rule_set_fields f = {0};
	int bad = rl_read_mapping(L, key, rule_set_fields_table,
	                          RL_FIELD_COUNT(rule_set_fields_table), "rule_set", &f);
	if (!bad)
		L->r->version = f.version;
	return bad;
}

const char *radloc_rules_version(const radloc_rules *rules)
{
	return rules ? rules->version : NULL;
}

const char *radloc_rules_sha256(const radloc_rules *rules)
{
	return rules ? rules->sha256 : NULL;
}
