/* The panels around the figures of the body chart: written at a place on
 * the page, each returning the y below what it wrote. */
#ifndef RADLOC_CHART_PANELS_H
#define RADLOC_CHART_PANELS_H

#include "bodychart.h"
#include "svg.h"

/* The title, the leader, the red banner and the other flags, across the
 * top of the page. */
double chart_header(svg_sink *s, const bodychart *c);

/* What the fills and the dashed outline mean, and what the territory is. */
double chart_legend(svg_sink *s, const bodychart *c, double x, double y);

/* Weakness, reflexes and signs, grouped by limb and side, then the skin
 * findings the figures have no region for. Stops at `bottom` and says how
 * many are left. */
double chart_findings_panel(svg_sink *s, const bodychart *c, double x, double y,
                            double bottom);

/* The most probable hypotheses with a bar each. */
void chart_ranking_panel(svg_sink *s, const bodychart *c, double x, double y);

#endif
