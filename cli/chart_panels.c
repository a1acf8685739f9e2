/* The panels around the figures: the header (title, leader, red flags,
 * other flags), the legend, the findings the figures cannot show, and the
 * ranking. */
#include <stdio.h>
#include <string.h>

#include "chart_geometry.h"
#include "chart_panels.h"
#include "chart_style.h"
#include "percent.h"

static double legend_row(svg_sink *s, double x, double y, const char *fill,
                         const char *stroke, const char *extra, const char *t)
{
	svg_put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"34\" height=\"18\" fill=\"%s\" "
	    "stroke=\"%s\" stroke-width=\"1\"/>\n", x, y - 13, fill, stroke);
	if (extra)
		svg_put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"34\" height=\"18\" %s/>\n", x,
		    y - 13, extra);
	svg_label(s, x + 44, y, "font-size=\"13\" fill=\"#1a1a1a\"", t);
	return y + 25;
}

double chart_legend(svg_sink *s, const bodychart *c, double x, double y)
{
	svg_label(s, x, y, "font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\"", "Skin");
	y += 24;
	y = legend_row(s, x, y, "url(#fill-reduced)", CHART_REGION_EDGE, NULL,
	               "sensation reduced (lines)");
	y = legend_row(s, x, y, "url(#fill-absent)", CHART_REGION_EDGE, NULL,
	               "sensation absent (grid)");
	y = legend_row(s, x, y, "url(#fill-increased)", CHART_REGION_EDGE, NULL,
	               "sensation increased (dots)");
	y = legend_row(s, x, y, chart_skin[BODYCHART_NORMAL].fill, CHART_NORMAL_EDGE, NULL,
	               "tested normal (pale green, green edge)");
	y = legend_row(s, x, y, CHART_SKIN, CHART_REGION_EDGE, NULL, "not tested");
	y = legend_row(s, x, y, CHART_SKIN, CHART_REGION_EDGE,
	               "fill=\"url(#fill-pain)\" stroke=\"none\"",
	               "pain radiates here (purple stripes)");
	y = legend_row(s, x, y, "none", "none",
	               "fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"1.9\" "
	               "stroke-dasharray=\"4.5 2.5\"",
	               "territory of the leading hypothesis:");
	return svg_paragraph(s, x + 44, y - 6, 16, 50,
	                 "font-size=\"12\" fill=\"#555555\"",
	                 c->territory ? c->territory
	                              : "none (no skin territory for this hypothesis)") + 10;
}

static const char *side_word(radloc_side side)
{
	switch (side) {
	case RADLOC_LEFT: return "Left";
	case RADLOC_RIGHT: return "Right";
	default: return "";
	}
}

/* Weakness, reflexes and signs, grouped by limb and side, then what the
 * chart could not place. Stops at `bottom` and says how many are left. */
double chart_findings_panel(svg_sink *s, const bodychart *c, double x, double y,
                             double bottom)
{
	static const radloc_side sides[] = {RADLOC_LEFT, RADLOC_RIGHT, RADLOC_MIDLINE};
	const char *head = "font-size=\"13\" font-weight=\"bold\" fill=\"#1a1a1a\"";
	const char *line = "font-size=\"13\" fill=\"#1a1a1a\"";
	size_t shown = 0, total = c->note_count;
	char heading[64];

	svg_label(s, x, y, "font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\"",
	      "Weakness, reflexes, signs");
	y += 22;
	for (size_t i = 0; i < c->mark_count; i++) {
		const bodychart_mark *m = &c->marks[i];
		bodychart_shape unused;
		if ((m->skin != BODYCHART_UNTESTED || m->pain) &&
		    (m->region == NULL ||
		     chart_region_shape(m->region, m->side, &unused) != 0))
			total++;
	}
	if (total == 0) {
		svg_label(s, x, y, "font-size=\"13\" fill=\"#555555\"",
		      "none abnormal or none recorded");
		return y + 25;
	}
	for (int l = BODYCHART_ARM; l < BODYCHART_NO_LIMB; l++) {
		for (size_t k = 0; k < 3; k++) {
			int any = 0;
			for (size_t i = 0; i < c->note_count; i++) {
				const bodychart_note *n = &c->notes[i];
				if (n->side != sides[k] || n->limb != (bodychart_limb)l)
					continue;
				if (y + (any ? 0 : 19) > bottom)
					goto full;
				if (!any) {
					if (sides[k] == RADLOC_MIDLINE)
						snprintf(heading, sizeof heading, "Midline (sphincters, cord)");
					else
						snprintf(heading, sizeof heading, "%s %s", side_word(sides[k]),
						         bodychart_limb_name((bodychart_limb)l));
					svg_label(s, x, y, head, heading);
					y += 18;
					any = 1;
				}
				svg_label(s, x + 12, y, line, n->text);
				y += 17;
				shown++;
			}
			if (any)
				y += 5;
		}
	}
	/* Findings of rule-set regions the chart has no drawing for. */
	int any = 0;
	for (size_t i = 0; i < c->mark_count; i++) {
		const bodychart_mark *m = &c->marks[i];
		bodychart_shape unused;
		if ((m->skin == BODYCHART_UNTESTED && !m->pain) ||
		    (m->region && chart_region_shape(m->region, m->side, &unused) == 0))
			continue;
		if (y + (any ? 0 : 19) > bottom)
			goto full;
		if (!any) {
			svg_label(s, x, y, head, "Skin not on the chart");
			y += 18;
			any = 1;
		}
		char t[256];
		snprintf(t, sizeof t, "%s %s: %s%s", m->region ? m->region : "?",
		         radloc_side_name(m->side),
		         chart_skin[m->skin <= BODYCHART_INCREASED ? m->skin : 0].words,
		         m->pain ? ", pain" : "");
		svg_label(s, x + 12, y, line, t);
		y += 17;
		shown++;
	}
	return y + 8;
full:
	snprintf(heading, sizeof heading, "... and %zu more not shown",
	         total - shown);
	svg_label(s, x, y, "font-size=\"13\" fill=\"#555555\"", heading);
	return y + 25;
}

void chart_ranking_panel(svg_sink *s, const bodychart *c, double x, double y)
{
	char t[160];

	if (c->rank_count == 0)
		return;
	svg_label(s, x, y, "font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\"",
	      "Most probable");
	y += 21;
	for (size_t i = 0; i < c->rank_count; i++) {
		double p = c->ranking[i].probability;
		/* The percentage and bar first: clinical names are long
		 * ("common peroneal (fibular) nerve, left, at the fibular head"). */
		percent_text(t, sizeof t, p, 0);
		svg_label(s, x + 52, y, "font-size=\"13\" fill=\"#1a1a1a\" text-anchor=\"end\"", t);
		svg_put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"11\" fill=\"%s\"/>\n",
		    x + 58, y - 10, 60 * (p < 0 ? 0 : p > 1 ? 1 : p),
		    i == 0 ? "#0072b2" : "#9ab8cf");
		svg_label(s, x + 124, y, "font-size=\"12\" fill=\"#1a1a1a\"",
		      c->ranking[i].label ? c->ranking[i].label : "?");
		y += 18;
	}
}

/* Characters per line of the red banner (14 px bold across the page). */
#define BANNER_COLUMNS 136

/* The title, the leader, the red banner and the other flags; returns the
 * y below them. */
double chart_header(svg_sink *s, const bodychart *c)
{
	char t[512];

	snprintf(t, sizeof t, "Body chart: %s", c->exam_id && *c->exam_id
	         ? c->exam_id : "exam without id");
	svg_label(s, 24, 40, "font-size=\"24\" font-weight=\"bold\" fill=\"#1a1a1a\"", t);
	if (c->leader) {
		char p[PERCENT_SIZE];
		percent_text(p, sizeof p, c->probability, 0);
		snprintf(t, sizeof t, "Leading hypothesis: %s (%s)   \xC2\xB7   pattern: %s",
		         c->leader, p, c->pattern ? c->pattern : "?");
	} else
		snprintf(t, sizeof t, "No hypothesis");
	svg_label(s, 24, 68, "font-size=\"17\" fill=\"#1a1a1a\"", t);
	double y = 84;
	if (c->expected) {
		svg_label(s, 24, y + 8, "font-size=\"15\" fill=\"#1a1a1a\"", c->expected);
		y += 24;
	}
	if (c->red_flag_count) {
		const char *ink = "font-size=\"14\" font-weight=\"bold\" fill=\"#ffffff\"";
		double h = 10;
		for (size_t i = 0; i < c->red_flag_count; i++) {
			snprintf(t, sizeof t, "RED FLAG \xE2\x80\x94 %s",
			         c->red_flags[i] ? c->red_flags[i] : "?");
			h = svg_paragraph(NULL, 0, h, 18, BANNER_COLUMNS, ink, t);
		}
		svg_put(s, "<g class=\"red-flags\" role=\"alert\">\n<rect x=\"16\" y=\"%.1f\" "
		    "width=\"%d\" height=\"%.1f\" rx=\"4\" fill=\"%s\"/>\n", y,
		    BODYCHART_WIDTH - 32, h, CHART_RED_FLAG);
		double line_y = y + 18;
		for (size_t i = 0; i < c->red_flag_count; i++) {
			snprintf(t, sizeof t, "RED FLAG \xE2\x80\x94 %s",
			         c->red_flags[i] ? c->red_flags[i] : "?");
			line_y = svg_paragraph(s, 28, line_y, 18, BANNER_COLUMNS, ink, t);
		}
		svg_put(s, "</g>\n");
		y += h + 4;
	}
	if (c->flag_count) {
		size_t n = (size_t)snprintf(t, sizeof t, "Flags:");
		for (size_t i = 0; i < c->flag_count && n < sizeof t; i++)
			n += (size_t)snprintf(t + n, sizeof t - n, "%s %s", i ? "," : "",
			                      c->flags[i] ? c->flags[i] : "?");
		svg_label(s, 24, y + 14, "font-size=\"13\" fill=\"#555555\"", t);
		y += 22;
	}
	return y;
}
