/* Internal: the state the pieces of the rule loader share.
 *
 *   rules_load.c       the three passes and radloc_rules_load*
 *   rules_files.c      finding rule files and reading them into documents
 *   rules_schema.c     reading values through field tables
 *   rules_entries.c    roots, nerves, regions, movements, reflexes, signs
 *   rules_parameters.c findings, patterns, examination, severity
 *   rules_nerves.c     what each nerve covers through its branches
 *   rules_plexus.c     plexus elements and the routes through them
 *   rules_mnd.c        the pattern motor_neuron_disease
 *   rules_provenance.c the rule set's version and fingerprint
 *   rules_coding.c     standard codes of the exam elements */
#ifndef RADLOC_RULES_LOADER_H
#define RADLOC_RULES_LOADER_H

#include <nettle/sha2.h>
#include <stddef.h>

#include "diag.h"
#include "radloc_limits.h"
#include "rules_impl.h"
#include "yamltree.h"

typedef struct rl_source_doc {
	yt_doc *doc;
	char *file;
} rl_source_doc;

typedef struct rl_loader {
	radloc_rules *r;
	rl_diagctx d;
	rl_source_doc docs[RADLOC_MAX_RULE_FILES];
	size_t ndocs;
	/* Pass 1 keeps each entry's key node (its value is the entry) for
	 * pass 2, and for pointing at the entry in pass 3. */
	const yt_node **entry_nodes[RADLOC_KIND_COUNT];
	const char **entry_files[RADLOC_KIND_COUNT];
	size_t counts[RADLOC_KIND_COUNT];
	/* The first 'patterns' section: where the prior sum is reported. */
	const yt_node *patterns_key;
	const char *patterns_file;
	/* The finding kind of the element entry being read (pass 2): its
	 * `background_severity` is in that kind's levels. */
	int entry_fkind;
	/* The SHA-256 of every rule file's bytes, in reading order. */
	struct sha256_ctx fingerprint;
	const yt_node *rule_set_key; /* the first 'rule_set' section */
} rl_loader;

/* Report running out of memory; returns RADLOC_ERR_NOMEM. */
radloc_status rl_loader_nomem(rl_loader *L);

/* ---- rules_files.c ---- */

/* Read the rule file at path, or the *.yaml files of the directory at
 * path in name order, into L->docs. A file that does not parse is
 * reported and left out; non-OK means there is nothing to read. */
radloc_status rl_loader_read_path(rl_loader *L, const char *path);

/* Read one document from the caller's buffer into L->docs. */
void rl_loader_read_buffer(rl_loader *L, const char *data, size_t size,
                           const char *name);

/* ---- rules_schema.c ---- */

/* One key an entry may have: the table of an entry kind's fields drives
 * both the check of its keys and the reading of its values, so a new
 * field is one row. read gets the key node (its value is the field's
 * value), the entry's name for messages and where to store the value
 * (offset bytes into the entry); it returns the problems it reported. */
typedef struct rl_field rl_field;
typedef int rl_field_reader(rl_loader *L, const yt_node *key,
                            const rl_field *field, const char *what,
                            void *dest);
struct rl_field {
	const char *key;
	rl_field_reader *read;
	size_t offset;
	int required;
};
#define RL_FIELD_COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* Readers of plain values; messages name the value by its key, a limb
 * by the entry. */
rl_field_reader rl_read_text_field;     /* non-empty text (const char *) */
rl_field_reader rl_read_fraction_field; /* a number in [0, 1] (double) */
rl_field_reader rl_read_positive_field; /* a number above 0 (double) */
rl_field_reader rl_read_limb_field;     /* arm, leg or midline (int) */

/* The mapping at key (its value) as an entry named what: refuse keys not
 * in fields (naming the nearest), report missing required ones at key,
 * then read each present field into entry. Returns the problems. */
int rl_read_mapping(rl_loader *L, const yt_node *key, const rl_field *fields,
                    size_t count, const char *what, void *entry);

/* The key check alone, for a mapping at map named by where. */
int rl_check_keys(rl_loader *L, const yt_node *map, const yt_node *where,
                  const rl_field *fields, size_t count, const char *what);

/* 1 if n is a mapping; else report it (naming what) and return 0. */
int rl_require_mapping(rl_loader *L, const yt_node *n, const char *what);

/* The index of k's name in names[0..count), or -1 after reporting k as an
 * unknown `what` (naming the nearest). */
int rl_name_index(rl_loader *L, const yt_node *k, const char *const *names, size_t count,
                  const char *what);

/* A mapping's key node for key, or NULL: messages about an entry as a
 * whole point at its name, not at its first line of content. */
const yt_node *rl_key_node(const yt_node *map, const char *key);

/* Values: 0 when read, -1 after reporting. */
int rl_read_number(rl_loader *L, const yt_node *n, double min, double max,
                   const char *what, double *out);
int rl_read_positive(rl_loader *L, const yt_node *n, const char *what,
                     double *out);
int rl_read_text(rl_loader *L, const yt_node *n, const char *what,
                 const char **out);

/* A mapping id -> weight in [0, 1] with ids of one kind. */
int rl_read_shares(rl_loader *L, const yt_node *map, radloc_kind kind,
                   const char *what, rl_share **out, size_t *count);

/* Report an unknown id of a kind, naming the nearest valid one. */
void rl_report_unknown_id(rl_loader *L, const yt_node *n, radloc_kind kind,
                          const char *what);

/* 1 if s is 1-64 letters, digits or '_' (an id, a scale's name). */
int rl_valid_id(const char *s);

/* ---- rules_entries.c (pass 2) ---- */

/* Read the i-th entry of a kind, registered in pass 1. */
int rl_load_entry(rl_loader *L, radloc_kind kind, size_t i);

/* ---- rules_parameters.c (pass 2) ---- */

/* The sections of the model's parameters; each takes its key node. */
int rl_load_findings(rl_loader *L, const yt_node *key);
int rl_load_patterns(rl_loader *L, const yt_node *key);
int rl_load_examination(rl_loader *L, const yt_node *key);
int rl_load_severity(rl_loader *L, const yt_node *key);

/* ---- rules_mnd.c (pass 2) ---- */

/* The entry `patterns: motor_neuron_disease` at key: its tables into the
 * rule set's patterns, its prior and source into *prior and *source. */
int rl_load_mnd(rl_loader *L, const yt_node *key, const char *what, double *prior,
                const char **source);

/* The grading table of one finding kind's levels (an element's
 * `background_severity`), each in [0, 1], summing to 1. */
int rl_read_element_levels(rl_loader *L, const yt_node *key, int fkind,
                           const char *what, double *out);

/* ---- rules_cord.c (pass 2) ---- */

/* The `cord:` section: the myelopathy's levels and forms. */
int rl_load_cord(rl_loader *L, const yt_node *key);

/* ---- rules_traits.c (pass 2) ---- */

/* The `traits:` section: person-level traits (docs/scoring.md). */
int rl_load_traits(rl_loader *L, const yt_node *key);

/* ---- rules_modalities.c (pass 2) ---- */

/* The sensory kind's `modalities:` (a field reader of the findings
 * table): one row per modality of the exam format. */
int rl_read_modalities(rl_loader *L, const yt_node *key, const rl_field *field,
                       const char *what, void *dest);

/* ---- rules_nerves.c (pass 3) ---- */

/* What each nerve covers through its branches; reports each nerve that
 * is its own branch. Returns the problems. */
int rl_cover_nerve_branches(rl_loader *L);

/* Through the covers: each element's loss and each sign's sensitivity
 * when a nerve is lesioned. Returns the problems (out of memory). */
int rl_derive_nerve_territories(rl_loader *L);

/* ---- rules_plexus.c (pass 2 and 3) ---- */

/* The `plexus:` section: plexus elements, appended to the rule set's. */
int rl_load_plexus(rl_loader *L, const yt_node *key);

/* Each element's route share through each plexus element. Returns the
 * problems (out of memory). */
int rl_derive_plexus_routes(rl_loader *L);

/* ---- rules_cauda.c (pass 2 readers, pass 3) ---- */

/* cauda_equina's `roots:` (one implicit extent) and `extents:`; field
 * readers whose offset locates the rl_patterns pointer in the entry. */
rl_field_reader rl_read_cauda_roots;
rl_field_reader rl_read_cauda_extents;

/* The extents' weights as shares and the mean involvement of each root;
 * one implicit extent where the rules name none. Returns the problems. */
int rl_finish_cauda(rl_loader *L);

/* ---- rules_sites.c (pass 2 readers, pass 3) ---- */

/* A nerve's `sites:` and a sign's `sites:` (field readers). */
int rl_read_nerve_sites(rl_loader *L, const yt_node *key, const rl_field *field,
                        const char *what, void *dest);
int rl_read_sign_sites(rl_loader *L, const yt_node *key, const rl_field *field,
                       const char *what, void *dest);

/* Number the sites (an implicit one for a nerve without `sites:`), and
 * what a lesion at each takes of each element and sign. After
 * rl_derive_nerve_territories. Returns the problems. */
int rl_derive_sites(rl_loader *L);
/* A sign's `plexus:` (plexus element -> sensitivity): kept as written in
 * pass 2 (signs load before the plexus section), read by
 * rl_derive_sign_plexus in pass 3 into rl_sign.plexus_sens. */
int rl_read_sign_plexus(rl_loader *L, const yt_node *key, const rl_field *field,
                        const char *what, void *dest);
int rl_derive_sign_plexus(rl_loader *L);

/* ---- rules_provenance.c ---- */

/* Add bytes of a rule file to the fingerprint (a yt_seen_fn; user: the
 * loader). */
void rl_fingerprint_add(void *loader, const char *data, size_t size);

/* Write the fingerprint's hex digest into the rule set. */
void rl_fingerprint_finish(rl_loader *L);

/* The `rule_set` section: {version: TEXT}, once in a rule set. */
int rl_load_rule_set(rl_loader *L, const yt_node *key);

/* ---- rules_coding.c (pass 2) ---- */

/* The `coding:` section: standard codes of regions, movements, reflexes
 * and signs, each with its source. */
int rl_load_coding(rl_loader *L, const yt_node *key);

#endif
