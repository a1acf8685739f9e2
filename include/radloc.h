/* radloc — radiculopathy localisation engine. The one public header.
 *
 * Usage: load a rule set once (immutable, shareable between threads);
 * build or parse exams; score each with a scorer (one per calling thread:
 * it holds the random generator and scratch space, and may share each
 * exam's draws among threads of its own, radloc_scorer_set_threads); read
 * the result; free.
 *
 * The library never prints and never exits. Every function that can fail
 * returns a radloc_status; problems with a position are also passed to the
 * caller's diagnostic callback as FILE:LINE:COLUMN + message.
 *
 * Ownership: strings returned by accessors belong to the object they came
 * from and live as long as it does. A rule set must outlive every exam,
 * scorer and case made from it. A result owns everything it hands out
 * (labels, ids, evidence, warnings): it may outlive its exam, its scorer
 * and its rules (the rules' own strings stay, with the rule set's
 * memory, until the last result scored from them is freed). Every *_free
 * takes the address of the handle and sets it to NULL; passing NULL or the
 * address of NULL is fine. */
#ifndef RADLOC_H
#define RADLOC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RADLOC_VERSION_MAJOR 0
#define RADLOC_VERSION_MINOR 1
#define RADLOC_VERSION_PATCH 0

/* The library's version as "MAJOR.MINOR.PATCH". */
const char *radloc_version(void);

/* ---- Status codes. Append only: numbers never change meaning. ---------- */
typedef enum radloc_status {
	RADLOC_OK = 0,
	RADLOC_ERR_NOMEM = 1,     /* an allocation failed */
	RADLOC_ERR_IO = 2,        /* a file could not be opened or read */
	RADLOC_ERR_SYNTAX = 3,    /* not well-formed YAML/JSON */
	RADLOC_ERR_LIMIT = 4,     /* a size, depth or count limit was exceeded */
	RADLOC_ERR_SCHEMA = 5,    /* unknown or missing key, wrong node type */
	RADLOC_ERR_VALUE = 6,     /* a value out of range or not an allowed word */
	RADLOC_ERR_REFERENCE = 7, /* an id the rule set does not define */
	RADLOC_ERR_EMPTY = 8,     /* an exam with no usable finding */
	RADLOC_ERR_ARGUMENT = 9,  /* a function was called with bad arguments */
	RADLOC_ERR_NUMERIC = 10,  /* a numerical routine failed */
	RADLOC_ERR_INTERNAL = 11  /* a bug: please report it */
} radloc_status;

/* A short English description of a status; never NULL. */
const char *radloc_strerror(radloc_status status);

/* One problem found while loading rules or parsing an exam. Lines and
 * columns are 1-based; 0 when the problem has no position (e.g. I/O). */
typedef struct radloc_diag {
	radloc_status status;
	const char *file;
	unsigned long line;
	unsigned long column;
	const char *message;
} radloc_diag;

/* Called once per problem; the diag and its strings live only during the
 * call. May be NULL where a function takes one. */
typedef void radloc_diag_fn(const radloc_diag *diag, void *user);

/* ---- Rule sets ----------------------------------------------------------- */
typedef struct radloc_rules radloc_rules;

typedef enum radloc_kind {
	RADLOC_ROOT = 0,
	RADLOC_NERVE = 1,
	RADLOC_REGION = 2,
	RADLOC_MOVEMENT = 3,
	RADLOC_REFLEX = 4,
	RADLOC_SIGN = 5
} radloc_kind;
#define RADLOC_KIND_COUNT 6

/* "root", "nerve", "region", "movement", "reflex", "sign". */
const char *radloc_kind_name(radloc_kind kind);

/* Load a rule file or a directory of *.yaml rule files. Reports every
 * problem it finds through diag (up to a limit) and returns the first
 * problem's status; *out is set only on RADLOC_OK. */
radloc_status radloc_rules_load(const char *path, radloc_diag_fn *diag,
                                void *user, radloc_rules **out);

/* The same from a buffer; name is used in diagnostics. */
radloc_status radloc_rules_load_buffer(const char *data, size_t size,
                                       const char *name, radloc_diag_fn *diag,
                                       void *user, radloc_rules **out);

void radloc_rules_free(radloc_rules **rules);

/* Which rule set this is, for provenance: the version its `rule_set`
 * section declares (NULL if none), and the SHA-256 of the bytes of its
 * files in reading order, as 64 lowercase hex digits. Both live as long
 * as the rule set. */
const char *radloc_rules_version(const radloc_rules *rules);
const char *radloc_rules_sha256(const radloc_rules *rules);

/* A standard code of an exam element (the rule set's `coding:` section,
 * docs/rules.md "Coding"). match is "exact" (the code means the element)
 * or "wider" (the code names more, e.g. the foot for the dorsum of the
 * foot); source is the page the code was verified on. The strings live
 * as long as the rule set. */
typedef struct radloc_coding {
	const char *system;  /* a URI, e.g. http://snomed.info/sct */
	const char *code;
	const char *display;
	const char *match;   /* "exact" or "wider" */
	const char *source;  /* a URL */
} radloc_coding;

/* The n-th standard code (from 0, in file order) of the element id of a
 * kind (region, movement, reflex or sign) into *out: 1, or 0 when there is
 * no n-th code (an element without one is coded in radloc's own systems
 * only) or the id is unknown. */
int radloc_rules_code(const radloc_rules *rules, radloc_kind kind, const char *id,
                      size_t n, radloc_coding *out);

/* How many ids of a kind, and the i-th (in file order). NULL if out of range. */
size_t radloc_rules_count(const radloc_rules *rules, radloc_kind kind);
const char *radloc_rules_id(const radloc_rules *rules, radloc_kind kind,
                            size_t i);
/* Index of an id, or -1. */
long radloc_rules_find(const radloc_rules *rules, radloc_kind kind,
                       const char *id);
/* The clinical name and the source of an id; NULL if unknown. */
const char *radloc_rules_name(const radloc_rules *rules, radloc_kind kind,
                              const char *id);
const char *radloc_rules_source(const radloc_rules *rules, radloc_kind kind,
                                const char *id);
/* The valid id of a kind nearest to a misspelt one, or NULL if none is
 * close enough to be a plausible typo. */
const char *radloc_rules_nearest(const radloc_rules *rules, radloc_kind kind,
                                 const char *id);

/* The word among candidates[0..count) nearest to a misspelt one (the same
 * edit distance as radloc_rules_nearest), or NULL if none is close
 * enough: for a "did you mean" hint on any list of names (a command line's
 * options and commands). */
const char *radloc_nearest(const char *word, const char *const *candidates, size_t count);

/* A weighted link between a structure (root, nerve) and an element
 * (region, movement, reflex, sign). */
typedef struct radloc_link {
	radloc_kind kind;   /* the kind of `id` */
	const char *id;
	double weight;      /* overlap weight, nerve share or sign sensitivity */
	const char *source; /* the element's source */
} radloc_link;

/* What a root or nerve supplies: every element that names it (for a nerve,
 * directly or through its branches), in kind then file order. Writes at
 * most cap links and returns the total number (call with cap 0 to count).
 * Returns 0 for an unknown id. */
size_t radloc_rules_supplies(const radloc_rules *rules, radloc_kind kind,
                             const char *id, radloc_link *out, size_t cap);

/* What supplies an element: its roots then its nerves, largest first. */
size_t radloc_rules_suppliers(const radloc_rules *rules, radloc_kind kind,
                              const char *id, radloc_link *out, size_t cap);

/* Everything the rule set says about one id. Fields that do not apply to
 * the kind are NULL or 0. */
typedef struct radloc_entry_info {
	radloc_kind kind;
	const char *id;
	const char *name;
	const char *source;
	const char *limb;       /* elements and signs: "arm", "leg", "trunk", "midline" */
	const char *muscles;    /* movements, when given */
	double distal_rank;     /* elements */
	double concentration;   /* elements: Dirichlet concentration */
	double prior;           /* roots, nerves: normalised prior share */
	double specificity;     /* signs */
	long level;             /* roots */
	size_t branch_count;    /* nerves: see radloc_rules_branch */
} radloc_entry_info;

radloc_status radloc_rules_info(const radloc_rules *rules, radloc_kind kind,
                                const char *id, radloc_entry_info *out);

/* The i-th branch of a nerve (i below its branch_count), in file order;
 * NULL for an unknown nerve or i out of range. */
const char *radloc_rules_branch(const radloc_rules *rules, const char *nerve,
                                size_t i);

/* A named site along a nerve (rules/nerves.yaml `sites:`). */
typedef struct radloc_site_info {
	const char *id;          /* "spiral_groove" */
	const char *name;        /* "at the spiral groove of the humerus" */
	double share;            /* prior share of the nerve's lesions, normalised */
	const char *source;
	size_t spare_count;      /* see radloc_rules_site_spare */
} radloc_site_info;

/* The i-th named site of a nerve, proximal to distal as the rules list
 * them; RADLOC_ERR_ARGUMENT for an unknown nerve, i out of range, or a
 * nerve with no named sites (one implicit site). */
radloc_status radloc_rules_site(const radloc_rules *rules, const char *nerve,
                                size_t i, radloc_site_info *out);

/* The j-th thing site i of a nerve spares: an element or branch-nerve id
 * and its kind, and the fraction of the nerve's share there that the
 * site keeps out of the lesion (1: wholly spared). */
radloc_status radloc_rules_site_spare(const radloc_rules *rules, const char *nerve,
                                      size_t i, size_t j, radloc_kind *kind,
                                      const char **id, double *fraction);

/* A sign's sensitivity for a pattern (e.g. babinski for myelopathy); 0
 * when the sign says nothing about it or is unknown. */
double radloc_rules_sign_pattern(const radloc_rules *rules, const char *sign,
                                 int pattern);

/* A sign's sensitivity for a plexus element (for example Horner's syndrome
 * for the lower trunk, its `plexus:` row); 0 when the sign does not name
 * the element, or either is unknown. */
double radloc_rules_sign_plexus(const radloc_rules *rules, const char *sign,
                                const char *plexus);

/* The distal_rank threshold of a polyneuropathy extent ("ankle", ...), or
 * -1 if the rule set has no such extent. Elements whose distal_rank is at
 * or above it are within the extent. */
double radloc_rules_extent_threshold(const radloc_rules *rules,
                                     const char *extent);

/* Plexus elements (the `plexus:` section, rules/plexus.yaml): how many,
 * the i-th id (file order; NULL out of range), and an id's clinical name
 * and source (NULL if unknown). What one supplies: radloc_rules_territory
 * of a hypothesis of kind RADLOC_HYPOTHESIS_PLEXUS naming it. */
size_t radloc_rules_plexus_count(const radloc_rules *rules);
const char *radloc_rules_plexus_id(const radloc_rules *rules, size_t i);
const char *radloc_rules_plexus_name(const radloc_rules *rules, const char *id);
const char *radloc_rules_plexus_source(const radloc_rules *rules, const char *id);

/* ---- Exams --------------------------------------------------------------- */
typedef struct radloc_exam radloc_exam;

typedef enum radloc_side {
	RADLOC_MIDLINE = 0, /* midline regions and signs */
	RADLOC_LEFT = 1,
	RADLOC_RIGHT = 2,
	RADLOC_BILATERAL = 3 /* the same finding on both sides */
} radloc_side;

/* "midline", "left", "right", "bilateral". */
const char *radloc_side_name(radloc_side side);

typedef enum radloc_sensation {
	RADLOC_SENSATION_NT = -1, /* not testable: ignored, and said so */
	RADLOC_SENSATION_NORMAL = 0,
	RADLOC_SENSATION_REDUCED = 1,
	RADLOC_SENSATION_ABSENT = 2,
	RADLOC_SENSATION_INCREASED = 3
} radloc_sensation;

typedef enum radloc_modality {
	RADLOC_MODALITY_UNSPECIFIED = 0,
	RADLOC_MODALITY_LIGHT_TOUCH,
	RADLOC_MODALITY_PIN_PRICK,
	RADLOC_MODALITY_VIBRATION,
	RADLOC_MODALITY_PROPRIOCEPTION,
	RADLOC_MODALITY_TEMPERATURE
} radloc_modality;

/* Grades: MRC 0..5; reflexes 0..4 on the bedside 0–4+ scale. */
#define RADLOC_NT (-1)

typedef enum radloc_sign_result {
	RADLOC_SIGN_NT = -1,
	RADLOC_SIGN_NEGATIVE = 0,
	RADLOC_SIGN_POSITIVE = 1
} radloc_sign_result;

/* A new empty exam bound to a rule set (which must outlive it). NULL if
 * out of memory. */
radloc_exam *radloc_exam_new(const radloc_rules *rules);
void radloc_exam_free(radloc_exam **exam);

/* The exam's id, echoed in the result (copied). */
radloc_status radloc_exam_set_id(radloc_exam *exam, const char *id);
const char *radloc_exam_id(const radloc_exam *exam);

/* Add one finding. Ids are checked against the rule set
 * (RADLOC_ERR_REFERENCE); sides against the element (midline elements take
 * RADLOC_MIDLINE, all others need left, right or bilateral:
 * RADLOC_ERR_VALUE); grades against their scale (RADLOC_ERR_VALUE). */
radloc_status radloc_exam_add_sensory(radloc_exam *exam, const char *region,
                                      radloc_side side,
                                      radloc_sensation status,
                                      radloc_modality modality);
radloc_status radloc_exam_add_motor(radloc_exam *exam, const char *movement,
                                    radloc_side side, int grade);
radloc_status radloc_exam_add_reflex(radloc_exam *exam, const char *reflex,
                                     radloc_side side, int grade);
radloc_status radloc_exam_add_sign(radloc_exam *exam, const char *sign,
                                   radloc_side side,
                                   radloc_sign_result result);
radloc_status radloc_exam_add_pain(radloc_exam *exam, const char *region,
                                   radloc_side side);

/* Findings as added (a bilateral finding counts once). */
size_t radloc_exam_count(const radloc_exam *exam);

/* One finding as the engine reads it. A bilateral finding is two
 * (left and right), so i runs to radloc_exam_finding_count. */
typedef struct radloc_finding {
	radloc_kind kind;       /* RADLOC_REGION (sensory or pain), _MOVEMENT, _REFLEX, _SIGN */
	int pain;               /* a pain finding (kind RADLOC_REGION) */
	const char *id;
	radloc_side side;       /* left, right or midline */
	int nt;                 /* not testable */
	int abnormal;           /* anything but normal (a brisk reflex is abnormal) */
	int brisk;              /* reflex above normal on its scale */
	const char *value;      /* as written: "reduced", "3", "2+", "positive" */
	const char *modality;   /* sensory: "pin_prick" ..., NULL when not given */
	const char *label;      /* "motor great_toe_extension left 3" */
	unsigned long line, column; /* where it was written; 0 if built by the API */
} radloc_finding;

size_t radloc_exam_finding_count(const radloc_exam *exam);

/* Whether the exam's reflex grades were written on the NINDS scale
 * (reflex_scale: ninds); a finding's value is as written. */
int radloc_exam_ninds(const radloc_exam *exam);
radloc_status radloc_exam_finding(const radloc_exam *exam, size_t i,
                                  radloc_finding *out);

/* Parse an exam written to the contract (docs/exam-format.md), YAML or
 * JSON, checked against the rule set. Every problem is reported through
 * diag as FILE:LINE:COLUMN: message (name is the FILE); the first
 * problem's status is returned and *out is set only on RADLOC_OK.
 * first_line numbers the buffer's first line (1 for a whole file; the
 * line in the stream for one exam of a batch). */
radloc_status radloc_exam_parse(const radloc_rules *rules, const char *data,
                                size_t size, const char *name,
                                unsigned long first_line, radloc_diag_fn *diag,
                                void *user, radloc_exam **out);
radloc_status radloc_exam_parse_file(const radloc_rules *rules,
                                     const char *path, radloc_diag_fn *diag,
                                     void *user, radloc_exam **out);

/* ---- Scoring ------------------------------------------------------------- */
typedef struct radloc_scorer radloc_scorer;
typedef struct radloc_result radloc_result;

/* A scorer holds the settings, the random generator and scratch space for
 * one calling thread at a time. Defaults: seed 1, 1000 draws, 90 %
 * intervals, all hypotheses reported, one thread. NULL if out of memory. */
radloc_scorer *radloc_scorer_new(const radloc_rules *rules);
void radloc_scorer_free(radloc_scorer **scorer);

radloc_status radloc_scorer_set_seed(radloc_scorer *scorer, uint64_t seed);
/* 0 turns credible intervals off; at most 10 000. */
radloc_status radloc_scorer_set_draws(radloc_scorer *scorer,
                                      unsigned long draws);
/* The interval's central mass, in (0, 1); default 0.90. */
radloc_status radloc_scorer_set_interval(radloc_scorer *scorer, double mass);
/* Share the draws of each exam among n threads (1 to 64; default 1):
 * the same answer for any n, sooner on a machine with the cores. Each
 * thread takes at least 100 draws. For many exams at once, one scorer
 * per thread does more per core. */
radloc_status radloc_scorer_set_threads(radloc_scorer *scorer, unsigned n);
/* Report at most n hypotheses (0 = all); the rest are summed into `other`. */
radloc_status radloc_scorer_set_top(radloc_scorer *scorer, size_t n);

/* Score an exam. The scorer's generator is re-seeded for every call, so
 * the same exam, rules and seed always give the same result. The result
 * owns its strings: free it with radloc_result_free, before or after the
 * exam, the scorer and the rules. */
radloc_status radloc_score(radloc_scorer *scorer, const radloc_exam *exam,
                           radloc_result **out);

/* ---- Results -------------------------------------------------------------- */
typedef enum radloc_pattern {
	RADLOC_RADICULOPATHY = 0,
	RADLOC_MULTIRADICULOPATHY = 1,
	RADLOC_POLYNEUROPATHY = 2,
	RADLOC_MONONEUROPATHY = 3,
	RADLOC_CAUDA_EQUINA = 4,
	RADLOC_MYELOPATHY = 5,
	RADLOC_NORMAL = 6,
	/* The findings fit none of the lesions radloc models (append-only:
	 * new patterns go at the end, the values above never change). */
	RADLOC_OTHER = 7,
	/* A brachial or lumbosacral plexus element (rules/plexus.yaml). */
	RADLOC_PLEXOPATHY = 8,
	/* Two independent lesions at once ("ulnar left + common_peroneal
	 * right"). */
	RADLOC_TWO_LESIONS = 9,
	/* Motor neuron disease: upper and lower motor neuron signs in one or
	 * more limbs, no sensory loss. */
	RADLOC_MOTOR_NEURON_DISEASE = 10
} radloc_pattern;
#define RADLOC_PATTERN_COUNT 11

/* The contract's names: "radiculopathy", ... "normal", "other". */
const char *radloc_pattern_name(radloc_pattern pattern);

/* Flags are bits; radloc_flag_name gives the contract's name of one bit. */
enum {
	RADLOC_FLAG_STOCKING_GLOVE = 1u << 0,
	RADLOC_FLAG_CAUDA_EQUINA = 1u << 1,        /* cauda_equina_red_flag */
	RADLOC_FLAG_UPPER_MOTOR_NEURON = 1u << 2,
	RADLOC_FLAG_BILATERAL = 1u << 3,
	RADLOC_FLAG_INCONSISTENT = 1u << 4,        /* inconsistent_findings */
	RADLOC_FLAG_LOW_CONFIDENCE = 1u << 5,
	/* two_processes: the pairs of lesions hold more than half the
	 * probability (docs/scoring.md, "Two lesions at once"). */
	RADLOC_FLAG_TWO_PROCESSES = 1u << 6,
	RADLOC_FLAG_SENSORY_LEVEL = 1u << 7,       /* sensory_level */
	RADLOC_FLAG_DISSOCIATED = 1u << 8          /* dissociated_sensory_loss */
};
#define RADLOC_FLAG_COUNT 9
const char *radloc_flag_name(unsigned flag);

/* The most roots one hypothesis blames: three adjacent roots ("L3+L4+L5
 * bilateral", lumbar canal stenosis). */
#define RADLOC_MAX_ROOTS 3

/* What a hypothesis blames: one to three roots, one nerve, or a pattern
 * that no single structure explains (polyneuropathy, normal, ...). */
typedef enum radloc_hypothesis_kind {
	RADLOC_HYPOTHESIS_ROOT = 0,
	RADLOC_HYPOTHESIS_NERVE = 1,
	RADLOC_HYPOTHESIS_PATTERN = 2,
	RADLOC_HYPOTHESIS_PLEXUS = 3,  /* a plexus element: trunk, cord, plexus */
	/* Two independent lesions, each a hypothesis of its own (parts). */
	RADLOC_HYPOTHESIS_TWO_LESIONS = 4
} radloc_hypothesis_kind;

/* The contract's words: "root", "nerve", "pattern". */
const char *radloc_hypothesis_kind_name(radloc_hypothesis_kind kind);

typedef struct radloc_hypothesis {
	const char *label;        /* "L5 left", "L5+S1 left", "median right", "normal" */
	radloc_pattern pattern;
	radloc_hypothesis_kind kind;
	const char *roots[RADLOC_MAX_ROOTS]; /* root ids, for RADLOC_HYPOTHESIS_ROOT */
	size_t root_count;
	const char *nerve;        /* nerve id, for RADLOC_HYPOTHESIS_NERVE */
	radloc_side side;         /* RADLOC_MIDLINE for bilateral patterns */
	const char *extent;       /* polyneuropathy: most likely extent, else NULL */
	double prior;             /* prior from the rules (before any finding) */
	double probability;       /* posterior; sums to 1 over all hypotheses */
	double lower, upper;      /* credible interval; both = probability when draws = 0 */
	const char *plexus;       /* plexus element id, for RADLOC_HYPOTHESIS_PLEXUS, else NULL */
	/* RADLOC_HYPOTHESIS_TWO_LESIONS: its two lesions, in the label's
	 * order, each as a hypothesis of its own kind (their probability,
	 * lower and upper are the pair's); else part_count 0. */
	const struct radloc_hypothesis *parts[2];
	size_t part_count;
	const char *site;         /* nerve: its most probable named site ("spiral_groove"),
	                           * NULL for a nerve with one implicit site or no nerve */
	const char *level;        /* myelopathy: its most probable level, a segment
	                           * ("C5"), else NULL */
	const char *form;         /* myelopathy: its most probable form ("transverse",
	                           * "hemicord", "central"), else NULL */
	double level_probability; /* myelopathy: how sure of the level, the share of
	                           * its probability at that level (0..1); else 0 */
} radloc_hypothesis;

typedef struct radloc_evidence {
	const char *finding;  /* "motor great_toe_extension left 3" */
	const char *supports; /* the label this finding favours */
	const char *against;  /* the label it disfavours */
	double log_lr;        /* natural log LR for supports over against, >= 0,
	                       * to 1e-9 (below, a difference is rounding) */
} radloc_evidence;

typedef struct radloc_next_test {
	const char *finding;     /* "motor ankle_inversion left" */
	radloc_kind kind;
	const char *id;
	radloc_side side;
	double information_gain; /* expected entropy reduction, in bits */
	const char *separates[2];/* the two leading labels it best separates */
} radloc_next_test;

const char *radloc_result_id(const radloc_result *result);
radloc_pattern radloc_result_pattern(const radloc_result *result);
unsigned radloc_result_flags(const radloc_result *result);
/* The interval mass and draws the result was computed with. */
double radloc_result_interval_mass(const radloc_result *result);
unsigned long radloc_result_draws(const radloc_result *result);

/* Hypotheses reported, most probable first, ties (to about 11 significant
 * digits) in the rules' order (at most the scorer's top). */
size_t radloc_result_count(const radloc_result *result);
radloc_status radloc_result_hypothesis(const radloc_result *result, size_t i,
                                       radloc_hypothesis *out);
/* Probability of all hypotheses not reported (0 when all are). */
double radloc_result_other(const radloc_result *result);

/* Per finding, what it says between the leader and its best rival: the
 * most probable hypothesis that is not the leader at another extent (C7
 * right for C6 right, not C6+C7 right; docs/scoring.md). In exam order
 * (NT findings excluded). */
size_t radloc_result_evidence_count(const radloc_result *result);
radloc_status radloc_result_evidence(const radloc_result *result, size_t i,
                                     radloc_evidence *out);

/* The unexamined finding with the largest expected information gain.
 * RADLOC_ERR_EMPTY when no candidate is worth testing. */
radloc_status radloc_result_next_test(const radloc_result *result,
                                      radloc_next_test *out);

/* The territory of a hypothesis (one of a result's, or built by the
 * caller): where a lesion of it would show. First the structures it is
 * measured against (kind RADLOC_ROOT or RADLOC_NERVE, weight 1): its roots
 * or its nerve; for cauda equina the sacral roots (those that supply the
 * midline skin), cranial to caudal. Then the elements (regions, movements,
 * reflexes; kind then file order) where it shows: for roots and nerves,
 * those they carry at least RADLOC_TERRITORY_SHARE of (weight: that share,
 * the larger of two roots'); for cauda equina, the midline ones and those
 * the sacral roots together carry at least that share of (weight: their
 * joint share); for a polyneuropathy, the limb elements at or beyond its
 * extent's distal rank (weight 1). Other patterns have none. The sides are
 * the hypothesis's (both for bilateral patterns; midline elements are
 * midline). Writes at most cap links and returns the total number (call
 * with cap 0 to count); 0 for NULL arguments. Ids live as long as the
 * rule set. */
#define RADLOC_TERRITORY_SHARE 0.25
size_t radloc_rules_territory(const radloc_rules *rules,
                              const radloc_hypothesis *hypothesis,
                              radloc_link *out, size_t cap);

/* Plain-English warnings ("2 findings not testable (NT) were ignored"). */
size_t radloc_result_warning_count(const radloc_result *result);
const char *radloc_result_warning(const radloc_result *result, size_t i);

/* The exam-level quantity behind inconsistent_findings: the standardised
 * surprise (z) of the exam's log likelihood under the leader, given what
 * that hypothesis predicts for the same findings (a posterior predictive
 * check; below -3 the exam fits its own leader badly). */
double radloc_result_surprise(const radloc_result *result);

/* The result as the contract's JSON object (docs/exam-format.md section
 * 3). indent 0 gives one line (JSON Lines), > 0 that many spaces per
 * level. *out is NUL-terminated and the caller frees it with free(). */
radloc_status radloc_result_json(const radloc_result *result, int indent,
                                 char **out);

/* An exam as contract JSON: what was read, normalised (a bilateral finding
 * as its two sides, ISNCSCI numbers as words, aliases as ids), so that it
 * reads back to the same exam. Freed with free(). */
radloc_status radloc_exam_json(const radloc_exam *exam, int indent, char **out);

void radloc_result_free(radloc_result **result);

/* ---- Teaching cases ------------------------------------------------------- */
/* A teaching case is an exam plus the answer a teacher expects
 * (docs/teaching.md, contract section 2). */
typedef struct radloc_case radloc_case;

radloc_status radloc_case_parse(const radloc_rules *rules, const char *data,
                                size_t size, const char *name,
                                radloc_diag_fn *diag, void *user,
                                radloc_case **out);
radloc_status radloc_case_parse_file(const radloc_rules *rules,
                                     const char *path, radloc_diag_fn *diag,
                                     void *user, radloc_case **out);
void radloc_case_free(radloc_case **c);

const char *radloc_case_id(const radloc_case *c);
const char *radloc_case_source(const radloc_case *c);
/* The case's exam (owned by the case). */
const radloc_exam *radloc_case_exam(const radloc_case *c);

typedef struct radloc_expectation {
	radloc_pattern pattern;
	const char *label;   /* the hypothesis expected: "L5 left", "median right", "polyneuropathy" */
	size_t within;       /* it must rank in the top `within` */
	unsigned flags;      /* flags that must be raised */
	const char *site;    /* a nerve's site expected (`site:`), else NULL */
	const char *extent;  /* a cauda equina's or polyneuropathy's extent
	                      * expected (`extent:`), else NULL */
	const char *level;   /* a myelopathy's level expected (`level:`, "C6";
	                      * matches within one segment), else NULL */
	const char *form;    /* a myelopathy's form expected (`form:`), else NULL */
} radloc_expectation;

radloc_status radloc_case_expectation(const radloc_case *c,
                                      radloc_expectation *out);

typedef struct radloc_verdict {
	int pass;
	size_t rank;             /* 1-based rank of the expected hypothesis */
	double probability;      /* its probability */
	unsigned missing_flags;  /* expected flags not raised */
	int pattern_matches;     /* the result's pattern is the expected one */
	int site_matches;        /* the expected hypothesis names the expected site
	                          * (1 when the case expects none) */
	int extent_matches;      /* it names the expected extent (1 when the case
	                          * expects none) */
	int level_matches;       /* ... a level within one segment of the expected
	                          * one (1 when the case expects none) */
	int form_matches;        /* ... the expected form (1 when none expected) */
} radloc_verdict;

/* Compare a result (scored from the case's exam, any top) with the
 * expectation. PASS: the expected hypothesis ranks within `within`, every
 * expected flag is raised, and when within is 1 the pattern matches. */
radloc_status radloc_case_check(const radloc_case *c,
                                const radloc_result *result,
                                radloc_verdict *out);

#ifdef __cplusplus
}
#endif
#endif
