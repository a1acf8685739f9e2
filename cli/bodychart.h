/* The body chart: a front and a back view of a standing patient in the
 * anatomical position (palms forward) and an inset of both soles
 * (chart_geometry.h), every skin region shaded by what the exam found,
 * the leading hypothesis's territory outlined, with a legend and panels,
 * drawn as a standalone SVG of BODYCHART_WIDTH by BODYCHART_HEIGHT units.
 *
 * `radloc map` fills a bodychart from a scored exam; `radloc serve` serves
 * the same SVG from a buffer. What a region means (its name) comes from
 * the rule set. */
#ifndef RADLOC_BODYCHART_H
#define RADLOC_BODYCHART_H

#include <stddef.h>

#include "radloc.h"

#define BODYCHART_WIDTH 1280
#define BODYCHART_HEIGHT 940

/* What the skin of a region showed. */
typedef enum bodychart_skin {
	BODYCHART_UNTESTED = 0,
	BODYCHART_NORMAL,
	BODYCHART_REDUCED,
	BODYCHART_ABSENT,
	BODYCHART_INCREASED
} bodychart_skin;

/* One region on one side: its finding, whether pain radiates there and
 * whether it lies in the leading hypothesis's territory. */
typedef struct bodychart_mark {
	const char *region;
	radloc_side side;   /* RADLOC_LEFT, RADLOC_RIGHT or RADLOC_MIDLINE */
	bodychart_skin skin;
	int pain;
	int territory;
} bodychart_mark;

/* Where the rule set puts an element or sign; the panel groups findings
 * by it, and a midline region is drawn once, not once per side. */
typedef enum bodychart_limb {
	BODYCHART_ARM = 0,
	BODYCHART_LEG,
	BODYCHART_MIDLINE,
	BODYCHART_NO_LIMB /* unknown id, or a kind without a limb */
} bodychart_limb;

bodychart_limb bodychart_limb_of(const radloc_rules *rules, radloc_kind kind,
                                 const char *id);
/* "arm", "leg", "midline"; "" for BODYCHART_NO_LIMB. */
const char *bodychart_limb_name(bodychart_limb limb);

/* A finding that is not a region (weakness, a reflex, a sign), listed in
 * the side panel under its limb and side. */
typedef struct bodychart_note {
	bodychart_limb limb;
	radloc_side side;
	const char *text;   /* "L great toe extension MRC 3/5" */
} bodychart_note;

/* One line of the ranking shown in the panel. */
typedef struct bodychart_rank {
	const char *label;
	double probability;
} bodychart_rank;

/* Everything the chart shows. Strings are borrowed; any may be NULL. */
typedef struct bodychart {
	const radloc_rules *rules;  /* clinical names of regions; NULL: ids */
	const char *exam_id;
	const char *leader;         /* the leading hypothesis in clinical words */
	const char *expected;       /* a teaching case's expected answer, one line */
	double probability;         /* and its probability */
	const char *pattern;
	const char *territory;      /* what the dashed outline stands for */
	const char *const *red_flags;
	size_t red_flag_count;
	const char *const *flags;   /* the other flags */
	size_t flag_count;
	const bodychart_mark *marks;
	size_t mark_count;
	const bodychart_note *notes;
	size_t note_count;
	const bodychart_rank *ranking;
	size_t rank_count;
} bodychart;

/* The chart as a standalone SVG document in a new NUL-terminated buffer
 * (*svg, free() it; *size without the NUL). Returns 0, or -1 if out of
 * memory. */
int bodychart_render(const bodychart *chart, char **svg, size_t *size);

#endif
