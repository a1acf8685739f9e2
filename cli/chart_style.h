/* The chart's look: its colours, the fill, class and words of each skin
 * state, and the textures (SVG patterns) the fills refer to. */
#ifndef RADLOC_CHART_STYLE_H
#define RADLOC_CHART_STYLE_H

#include "bodychart.h"
#include "svg.h"

#define CHART_SKIN "#f6efe6"
#define CHART_OUTLINE_INK "#5b5048"
#define CHART_REGION_EDGE "#b3a89c"
#define CHART_INK "#1a1a1a"
#define CHART_RED_FLAG "#b2182b"

/* Indexed by bodychart_skin: the fill of a region, its CSS class (the
 * page styles by it) and what the chart says of it. */
extern const char *const chart_skin_fill[];
extern const char *const chart_skin_class[];
extern const char *const chart_skin_words[];

/* The <defs> with the textures the fills name (url(#fill-...)). */
void chart_style_defs(svg_sink *s);

#endif
