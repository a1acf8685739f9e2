/* Internal: the loaded, immutable rule set, shared with the scorer. */
#ifndef RADLOC_RULES_IMPL_H
#define RADLOC_RULES_IMPL_H

#include <stddef.h>

#include "arena.h"
#include "radloc.h"

/* Which limb a finding examines; hypotheses record the limb-sides they
 * involve as a bit mask of (1 << (2 * limb + side - 1)), midline 1 << 4. */
enum rl_limb { RL_ARM = 0, RL_LEG = 1, RL_MIDLINE = 2, RL_TRUNK = 3 };
#define RL_LIMBSIDE(limb, side) (1u << (2u * (unsigned)(limb) + (unsigned)(side) - 1u))
#define RL_LIMBSIDE_MIDLINE (1u << 4)

/* The finding kinds with their own parameters. */
enum rl_fkind { RL_SENSORY = 0, RL_MOTOR, RL_REFLEX, RL_PAIN, RL_SIGNKIND,
                RL_FKIND_COUNT };
#define RL_MAX_LEVELS 5

/* Element tables: regions, movements, reflexes (radloc_kind - 2). */
#define RL_ELEMENT_KINDS 3

typedef struct rl_share {
	int index;     /* root or nerve index */
	double weight;
} rl_share;

typedef struct rl_entry {
	const char *id;
	const char *name;   /* clinical name; the id when none is given */
	const char *source;
	const char *file;
	unsigned long line;
} rl_entry;

typedef struct rl_root {
	rl_entry e;
	long level;
	double prior;       /* normalised over all roots */
} rl_root;

/* What a site spares: an element, or a branch nerve with all it covers,
 * and the fraction of the nerve's share there that it keeps. */
typedef struct rl_spare {
	radloc_kind kind;   /* RADLOC_NERVE, or the element's table */
	int index;
	double fraction;    /* 1: wholly spared (the branch leaves above) */
} rl_spare;

/* A named site along a nerve (rules_sites.c; docs/scoring.md, "Nerve
 * sites"): a lesion there takes the nerve's territory less what it
 * spares. A nerve without `sites:` has one site with id NULL. */
typedef struct rl_site {
	const char *id;     /* "spiral_groove"; NULL for a nerve's only, implicit site */
	const char *name;   /* clinical name */
	double share;       /* prior share within the nerve, normalised */
	rl_spare *spares;
	size_t spare_count;
	const char *source;
	int nerve;
} rl_site;

typedef struct rl_nerve {
	rl_entry e;
	double prior;       /* normalised over all nerves */
	double bilateral;   /* share of its lesions that are on both sides */
	int *branches;
	size_t branch_count;
	unsigned char *covers; /* covers[m]: a lesion here affects nerve m's territory */
	rl_site *sites;     /* proximal to distal, as written */
	size_t site_count;
	size_t site_base;   /* index of sites[0] in the rule set's site numbering */
} rl_nerve;

/* A sign's sensitivity at one nerve site (`sites: {median.wrist: 0.45}`),
 * the site's name resolved in pass 3. */
typedef struct rl_site_share {
	int nerve;
	const char *site;
	double weight;
	const void *node;   /* the key, for a message */
} rl_site_share;

typedef struct rl_element {
	rl_entry e;
	const char *muscles;
	int limb;
	double distal_rank;
	double concentration;
	rl_share *roots;    /* sums to 1 (normalised after the check) */
	size_t root_count;
	rl_share *nerves;   /* as written: most specific nerve */
	size_t nerve_count;
	double *nerve_loss; /* per nerve: share lost when that nerve is lesioned */
	double *plexus_route; /* per plexus element: the share of the element's
	                       * supply whose route runs through it (rules_plexus.c) */
	double *site_loss;  /* per site (rl_site numbering): share lost at that site */
	/* Abnormal with no lesion: the rate and how it is graded. The rule
	 * may set them per element (a saddle is numb without a lesion far
	 * more rarely than a shin); else the finding kind's, copied in at
	 * load. */
	double background;
	double bglevels[RL_MAX_LEVELS];
	int has_background, has_bglevels;
} rl_element;

typedef struct rl_sign {
	rl_entry e;
	int limb;
	rl_share *roots;    /* sensitivity per root */
	size_t root_count;
	rl_share *nerves;   /* sensitivity per nerve, as written */
	size_t nerve_count;
	double *nerve_sens; /* per nerve, through branches (max over covered) */
	rl_site_share *site_shares; /* `sites:` as written */
	size_t site_share_count;
	double *site_sens;  /* per site: the nerve's, less spared branches, or the
	                     * site's own from `sites:` */
	double pattern_sens[RADLOC_PATTERN_COUNT];
	const void *plexus_map; /* `plexus:` as written (read once the
	                     * plexus elements are loaded, after the signs) */
	double *plexus_sens; /* per plexus element: its own from `plexus:`, else 0 */
	double specificity;
	double examiner_error; /* the sign's own, else the sign kind's */
	int has_examiner_error;
} rl_sign;

typedef struct rl_findparams {
	int present;
	double sensitivity, concentration, background;
	int levels;
	/* How a lesion grades what it makes abnormal: when it takes the
	 * element's whole supply (lesion_full) and when only part of it
	 * (lesion_partial); a rule's single `lesion:` table sets both. */
	double lesion_full[RL_MAX_LEVELS];
	double lesion_partial[RL_MAX_LEVELS];
	/* The weight of lesion_full is phi^share_exponent, phi the share of
	 * the element the lesion takes (1 when the rules say nothing). */
	int share_exponent;
	double bglevels[RL_MAX_LEVELS];
	/* Recorded wrongly: examiner_error of the findings, of which the
	 * share gross_error as any outcome at random, the rest with the
	 * normal/abnormal call reversed (docs/scoring.md, Examiner error). */
	double examiner_error, gross_error;
	double brisk_background;
	double brisk_lesion[2], brisk_bg[2];
	const char *source;
} rl_findparams;

/* Sensory modalities, indexed by radloc_modality (0: unstated, which
 * has no row and behaves as the sensory kind). One row per modality of
 * `findings: sensory: modalities:` (docs/scoring.md, "Modalities"). */
#define RL_MODALITY_COUNT 6
typedef struct rl_modality {
	int present;
	double sensitivity_scale;   /* focal lesions: x the sensory sensitivity */
	double overlap_sharpness;   /* gamma: root weights w^gamma, renormalised */
	double polyneuropathy_sensitivity; /* replaces polyneuropathy's sensory */
	double myelopathy_sensitivity;     /* replaces myelopathy's sensory */
	const char *source;
} rl_modality;

typedef struct rl_extent {
	const char *name;
	double threshold;
} rl_extent;

/* A cauda equina extent (rules_cauda.c; docs/scoring.md, "Cauda equina
 * extents"): the roots it takes on both sides, its share of the
 * pattern's prior, and the signs whose sensitivity it sets itself (a
 * conus's Babinski, its early sphincter failure). */
typedef struct rl_cauda_extent {
	const char *name;   /* NULL: the one implicit extent of `roots:` */
	double weight;      /* share of the cauda equina prior (sums to 1) */
	double *roots;      /* per root: involvement, both sides */
	double *sign_sens;  /* per sign: its sensitivity here, or -1 (the pattern's) */
	const char *source;
} rl_cauda_extent;

typedef struct rl_patterns {
	int present[RADLOC_PATTERN_COUNT];
	double prior[RADLOC_PATTERN_COUNT];
	const char *source[RADLOC_PATTERN_COUNT];
	double poly_sens[RL_FKIND_COUNT];
	double poly_gradient;
	rl_extent *extents;
	size_t extent_count;
	double *cauda_roots;   /* per root: involvement, both sides, the extents'
	                        * weighted mean (what the hypothesis touches) */
	rl_cauda_extent *cauda_extents; /* at least one after pass 3 */
	size_t cauda_extent_count;
	/* How the multiradiculopathy prior is shared among its forms
	 * (docs/scoring.md, "Roots on both sides and over several levels"):
	 * forms[n][b] for n adjacent roots, on one side (b = 0) or both
	 * (b = 1); forms[1][0] is radiculopathy's, never used. Without
	 * `forms:` in the rules all of it goes to two roots on one side. */
	double forms[RADLOC_MAX_ROOTS + 1][2];
	const char *forms_source;
	double myelo_sens[RL_FKIND_COUNT];
	/* `other`, the findings fit none of the lesions modelled: a broad
	 * likelihood, each finding abnormal at its kind's rate, the grades
	 * spread evenly, an abnormal reflex brisk with share other_brisk. */
	double other_abnormal[RL_FKIND_COUNT];
	double other_brisk;
	/* Motor neuron disease (rules_mnd.c, mnd.c): each kind's loss
	 * sensitivity in any limb, a reflex's chance of being brisk, and the
	 * share of a weak muscle's motor neurons it takes (its grading). */
	double mnd_sens[RL_FKIND_COUNT];
	double mnd_brisk;
	double mnd_share;
	double mnd_one_limb; /* selection: the share seen with one limb affected */
	/* Optional `movements:` the movements the disease weakens more or
	 * less often than mnd_sens[RL_MOTOR] (the split hand), each its own
	 * motor sensitivity; NULL and 0 without it. */
	rl_share *mnd_movements;
	size_t mnd_movement_count;
	/* Lesion severity: focal lesions are a mixture over these scales of
	 * their sensitivities (mean 1), so that a lesion's findings share one
	 * severity. One scale of 1 when the rules have no `severity:`. */
	double *severity;
	const char **severity_names;
	size_t severity_count;
	const char *severity_source;
} rl_patterns;

/* Where a clinician looks (docs/scoring.md, "Where the clinician
 * looked"; selection.h): how likely each place (the upper and lower
 * segment of each limb-side, and the midline) is to be examined, given
 * the territory of the patient's lesion. */
typedef struct rl_selection {
	double in_territory;  /* a place of the territory */
	double same_limb;     /* the other segment of a limb-side in the territory */
	double other_side;    /* the other side of a limb in the territory */
	double elsewhere;     /* any other place */
	double cervical;      /* myelopathy: share whose territory includes the arms */
	double other_diffuse; /* `other`: share whose territory is all four limbs
	                       * (optional, 0: the modelled lesions' mixture) */
	double split[2];      /* per limb: the distal_rank from which a place is the
	                       * lower segment (the middle of the limb's range) */
	unsigned places;      /* the places the rules have an element in: only
	                       * these can be examined */
} rl_selection;

/* Myelopathy with a level and a form (rules/cord.yaml `cord:`;
 * docs/scoring.md, "Myelopathy: level and form"): a mixture over the
 * segments the rules list (level numbers as the roots', C1 = 1 ... T12
 * = 20, L1 = 21 ... L5 = 25) and the forms, each a component of the one hypothesis. */
#define RL_CORD_MAX_LEVELS 32
enum { RL_CORD_TRANSVERSE, RL_CORD_HEMICORD, RL_CORD_CENTRAL, RL_CORD_FORMS };
typedef struct rl_cord {
	int present;
	int level[RL_CORD_MAX_LEVELS];      /* segment numbers, in the rules' order */
	double level_weight[RL_CORD_MAX_LEVELS];
	size_t level_count;
	double form_weight[RL_CORD_FORMS];
	double central_leg;      /* central: the legs' share of the pyramidal weakness */
	double hemicord_sensitivity; /* hemicord: each tract's loss below the level
	                              * (pyramidal, dorsal columns, crossed
	                              * spinothalamic), in place of the kind's */
	double central_span;     /* central: segments of the cape, from the level down */
	double cape_sensitivity; /* central: pin/temperature lost in the cape */
	double crossed_offset;   /* hemicord: segments below the level where the
	                          * other side's pain and temperature loss begins */
	double complete;         /* transverse: the share that is complete (AIS A) */
	double complete_sensitivity; /* complete: each tract's loss below the level */
	/* Signs that name a range of levels (Hoffmann above C8, inverted
	 * supinator at C5-C6): per sign, the highest and lowest level at
	 * which a myelopathy produces it (0: any). */
	int *sign_from, *sign_to;
	const char *source;
} rl_cord;

/* Person-level traits (docs/scoring.md, "Person-level traits"): a brisk
 * person, whose reflexes are all brisk without disease, and age-related
 * distal loss (ankle jerks and toe vibration). Each changes only the
 * background of the findings it affects; the likelihood is a mixture over
 * the four people (neither, brisk, distal, both). */
typedef struct rl_traits {
	int present;
	double brisk_prevalence;  /* P(a brisk person) */
	double brisk_rate;        /* each reflex's brisk background in one */
	double distal_prevalence; /* P(age-related distal loss) */
	double distal_rate;       /* a distal element's loss background in one */
	double reflex_from;       /* leg reflexes from this distal_rank are distal */
	double region_from;       /* leg regions (vibration or unstated) from this */
	const char *source;
} rl_traits;

/* An element a clinician examining a lesion would have looked at. */
typedef struct rl_key {
	radloc_kind table;
	int element;
	radloc_side side;      /* RADLOC_MIDLINE for midline elements */
} rl_key;

/* A plexus element (rules/plexus.yaml): the fibres of its roots, less
 * those whose route leaves above it or runs in another element. */
#define RL_PLEXUS_MAX_ROOTS 6
typedef struct rl_plexus {
	rl_entry e;
	int index;          /* its place in the rule set's plexus table */
	double prior;       /* normalised over all plexus elements */
	int roots[RL_PLEXUS_MAX_ROOTS];
	int root_count;
	int *nerves;        /* the nerves it forms (a cord); none: all but spares */
	size_t nerve_count;
	int *spares;        /* nerves whose fibres leave above it */
	size_t spare_count;
	rl_key *supplies;   /* its own branches not modelled as nerves: */
	double *supply_share; /* element (side unused) and share of its supply */
	size_t supply_count;
} rl_plexus;

typedef struct rl_hypothesis {
	radloc_pattern pattern;
	const char *label;
	int roots[RADLOC_MAX_ROOTS]; /* adjacent roots, lowest level first */
	int root_count;
	int nerve;             /* -1 unless mononeuropathy */
	radloc_side side;      /* RADLOC_MIDLINE for bilateral patterns */
	double prior;          /* normalised over all hypotheses */
	unsigned places;       /* its territory: the places (selection.h) of its keys */
	rl_key *keys;          /* its key elements: a midline key counts for */
	size_t key_count;      /* every limb-side, a limb key for its own */
	const rl_plexus *plexus; /* plexopathy: its element, else NULL */
} rl_hypothesis;

/* One standard code of an exam element (rules_coding.c). */
typedef struct rl_element_coding {
	radloc_kind kind;
	size_t index;
	radloc_coding coding;
} rl_element_coding;

struct radloc_rules {
	rl_arena *arena;
	rl_root *roots;
	size_t root_count;
	rl_nerve *nerves;
	size_t nerve_count;
	rl_site **sites;    /* every nerve's sites, numbered nerve by nerve */
	size_t site_count;
	rl_element *elements[RL_ELEMENT_KINDS];
	size_t element_count[RL_ELEMENT_KINDS];
	rl_sign *signs;
	size_t sign_count;
	rl_plexus *plexus;
	size_t plexus_count;
	const char **ids[RADLOC_KIND_COUNT]; /* for listing and suggestions */
	rl_findparams findings[RL_FKIND_COUNT];
	rl_modality modalities[RL_MODALITY_COUNT];
	rl_patterns patterns;
	int has_examination;
	rl_selection selection;
	double midline_unilateral;
	const char *examination_source;
	const char *version;      /* rule_set.version; NULL: not given */
	rl_element_coding *codings; /* the `coding:` rows, in file order (malloc) */
	size_t coding_count;
	char sha256[65];          /* hex SHA-256 of the rule files' bytes */
	rl_traits traits;
	rl_cord cord;
	rl_hypothesis *hyps;
	size_t hyp_count;
};

/* The common header of the i-th entry of a kind. */
const rl_entry *rl_rules_entry(const radloc_rules *r, radloc_kind kind,
                               size_t i);
/* Index of id in a kind, or -1. */
long rl_rules_index(const radloc_rules *r, radloc_kind kind, const char *id);

/* A focal lesion (roots, a nerve, a plexus element, a cauda equina at
 * each of its extents): a mixture over the severity scales
 * (docs/scoring.md, "Lesion severity", "Cauda equina extents"). */
static inline int rl_pattern_is_focal(radloc_pattern p)
{
	return p <= RADLOC_MULTIRADICULOPATHY || p == RADLOC_MONONEUROPATHY ||
	       p == RADLOC_PLEXOPATHY || p == RADLOC_CAUDA_EQUINA;
}

/* Index of a plexus element's id, or -1 (rules_plexus.c). */
long rl_plexus_index(const radloc_rules *r, const char *id);
/* The share of an element's supply a lesion of plexus element p takes,
 * at the rules' mean root weights: 1 - prod over its roots of
 * (1 - route * w(root)). */
double rl_plexus_share(const rl_element *el, const rl_plexus *p);

/* A cauda equina at extent x (rules_cauda.c): its involvement of a root
 * (x < 0: the extents' weighted mean), and its own sensitivity for a
 * sign, or -1 where the pattern's applies. */
double rl_cauda_root(const radloc_rules *r, int extent, int root);
double rl_cauda_sign_sensitivity(const radloc_rules *r, int extent, size_t sign);

/* rules_cord.c: a segment's number as the roots count levels ("C5" -> 5,
 * "T10" -> 18; 0 for none) and its name (NULL outside C1-L5); a cord
 * form's name. */
int rl_segment_number(const char *s);
const char *rl_segment_name(int level);
const char *rl_cord_form_name(int form);

/* Build the hypothesis list from the loaded tables (hypotheses.c). */
radloc_status rl_build_hypotheses(radloc_rules *r);

#endif
