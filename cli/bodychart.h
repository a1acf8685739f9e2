/* The body chart: a front and a back view of a standing patient in the
 * anatomical position (palms forward) and an inset of both soles, with a
 * shape for every skin region of the contract, drawn as a standalone SVG.
 *
 * The geometry knows region ids only; what a region means (its name, its
 * roots) comes from the rule set. `radloc map` fills a bodychart from a
 * scored exam; a web page can do the same and serve the SVG from a buffer.
 *
 * Coordinates are the SVG's user units (the chart is BODYCHART_WIDTH by
 * BODYCHART_HEIGHT, y downwards). On the front view the patient's left is
 * on the viewer's right; on the back view it is on the viewer's left; the
 * soles are seen from the foot of the bed (left sole on the viewer's right),
 * and the chart says so. */
#ifndef RADLOC_BODYCHART_H
#define RADLOC_BODYCHART_H

#include <stddef.h>
#include <stdio.h>

#include "radloc.h"

#define BODYCHART_WIDTH 1280
#define BODYCHART_HEIGHT 940

typedef enum bodychart_view {
	BODYCHART_FRONT = 0,
	BODYCHART_BACK = 1,
	BODYCHART_SOLES = 2
} bodychart_view;

/* Enough for the roundest shape (a 24-point oval) and any limb strip. */
#define BODYCHART_MAX_POINTS 40

typedef struct bodychart_point {
	double x, y;
} bodychart_point;

/* A region as drawn: one closed polygon on one view. */
typedef struct bodychart_shape {
	bodychart_view view;
	size_t count;
	bodychart_point point[BODYCHART_MAX_POINTS];
} bodychart_shape;

/* Regions the chart can draw, in drawing order. Lateral regions are drawn
 * once per side, midline ones (perianal, saddle) once. */
size_t bodychart_region_count(void);
const char *bodychart_region_id(size_t i);
int bodychart_region_is_midline(size_t i);

/* Where a region is drawn on one side (RADLOC_LEFT, RADLOC_RIGHT; midline
 * regions take RADLOC_MIDLINE). Returns 0 and fills *out, or -1 when the
 * chart has no such region or the region has no such side. */
int bodychart_region_shape(const char *region, radloc_side side,
                           bodychart_shape *out);

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

/* A finding that is not a region (weakness, a reflex, a sign), listed in
 * the side panel under its limb and side. */
typedef struct bodychart_note {
	const char *limb;   /* "arm", "leg" or "midline" */
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
	const char *leader;         /* the leading hypothesis's label */
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

/* Write the chart as a standalone SVG document. Returns 0, or -1 if the
 * stream failed (errno says why). */
int bodychart_write(const bodychart *chart, FILE *out);

/* The same into a new NUL-terminated buffer (*svg, free() it; *size
 * without the NUL). Returns 0, or -1 if out of memory. */
int bodychart_render(const bodychart *chart, char **svg, size_t *size);

#endif
