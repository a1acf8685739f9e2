/* Where each skin region of the body chart is drawn: a front and a back
 * view of a standing patient in the anatomical position (palms forward)
 * and an inset of both soles, with a shape for every skin region of the
 * contract. The geometry knows region ids only; what a region means (its
 * name, its roots) comes from the rule set.
 *
 * Coordinates are the chart's user units (y downwards). On the front view
 * the patient's left is on the viewer's right; on the back view it is on
 * the viewer's left; the soles are seen from the foot of the bed (left
 * sole on the viewer's right). */
#ifndef RADLOC_CHART_GEOMETRY_H
#define RADLOC_CHART_GEOMETRY_H

#include <stddef.h>

#include "radloc.h"
#include "svg.h"

typedef enum bodychart_view {
	BODYCHART_FRONT = 0,
	BODYCHART_BACK = 1,
	BODYCHART_SOLES = 2
} bodychart_view;

/* The part of the chart the three views fill, with their labels (x, y,
 * width, height): a page showing only the figures uses it as its viewBox. */
#define CHART_FIGURES_BOX "44 140 776 790"

/* Enough for the roundest shape (a 24-point oval) and any limb strip. */
#define BODYCHART_MAX_POINTS 40

typedef svg_point bodychart_point;

/* A region as drawn: one closed polygon on one view. */
typedef struct bodychart_shape {
	bodychart_view view;
	size_t count;
	bodychart_point point[BODYCHART_MAX_POINTS];
} bodychart_shape;

/* Regions the chart can draw, in drawing order, with their view. Lateral
 * regions are drawn once per side, midline ones (perianal, saddle) once. */
size_t chart_region_count(void);
const char *chart_region_id(size_t i);
int chart_region_is_midline(size_t i);
bodychart_view chart_region_view(size_t i);

/* Where a region is drawn on one side (RADLOC_LEFT, RADLOC_RIGHT; midline
 * regions take RADLOC_MIDLINE). Returns 0 and fills *out, or -1 when the
 * chart has no such region or the region has no such side. */
int chart_region_shape(const char *region, radloc_side side, bodychart_shape *out);

/* What is drawn under the regions: the body's silhouette, and landmarks
 * that make the views recognisable (navel, nipples, patellae, scapulae). */
typedef enum chart_layer { CHART_SILHOUETTE, CHART_LANDMARKS } chart_layer;

/* The i-th polygon of a layer on one view (a lateral part counts once per
 * side). Returns 0 and fills *out, or -1 past the last. */
int chart_layer_shape(chart_layer layer, bodychart_view view, size_t i,
                      bodychart_shape *out);

/* Where a view sits on the page: its midline at x, the top of the head at
 * y, scale times the figure's units. */
typedef struct chart_frame {
	double x, y, scale;
	int left_on_right; /* the patient's left is on the viewer's right */
	const char *name;  /* "front", "back", "soles" */
} chart_frame;

const chart_frame *chart_view_frame(bodychart_view view);

/* The spine drawn on the back view, from the vertebra prominens to the
 * sacrum; -1 for the other views. */
int chart_spine(bodychart_view view, bodychart_point *top, bodychart_point *bottom);

#endif
