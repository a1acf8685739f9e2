/* The chart's look: its colours, the fill, class and words of each skin
 * state, and the textures (SVG patterns) the fills refer to. */
#ifndef RADLOC_CHART_STYLE_H
#define RADLOC_CHART_STYLE_H

#include "bodychart.h"
#include "svg.h"

#define CHART_SKIN "#f6efe6"
#define CHART_OUTLINE_INK "#5b5048"
#define CHART_REGION_EDGE "#b3a89c"
#define CHART_NORMAL_EDGE "#009e73" /* tested-normal skin */
#define CHART_INK "#1a1a1a"
#define CHART_RED_FLAG "#b2182b"

/* How a skin state is shown: the fill of a region, its CSS class (the
 * page styles by it) and what the chart says of it. */
typedef struct chart_skin_style {
	const char *fill;
	const char *css_class;
	const char *words;
} chart_skin_style;

/* Indexed by bodychart_skin. */
extern const chart_skin_style chart_skin[];

/* The <defs> with the textures the fills name (url(#fill-...)). */
void chart_style_defs(svg_sink *s);

#endif
