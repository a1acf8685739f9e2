/* The body chart composed: the figures (silhouette, then every region
 * shaded by what the exam found there, the territory outlined last), their
 * labels and the panels, as one standalone SVG document. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bodychart.h"
#include "chart_geometry.h"
#include "chart_panels.h"
#include "chart_style.h"
#include "svg.h"

/* The rule set's words (radloc_entry_info.limb). */
static const char *const limb_names[] = {
	[BODYCHART_ARM] = "arm", [BODYCHART_LEG] = "leg",
	[BODYCHART_MIDLINE] = "midline", [BODYCHART_NO_LIMB] = "",
};

const char *bodychart_limb_name(bodychart_limb limb)
{
	return limb_names[limb <= BODYCHART_NO_LIMB ? limb : BODYCHART_NO_LIMB];
}

bodychart_limb bodychart_limb_of(const radloc_rules *rules, radloc_kind kind,
                                 const char *id)
{
	radloc_entry_info info;

	if (radloc_rules_info(rules, kind, id, &info) != RADLOC_OK || info.limb == NULL)
		return BODYCHART_NO_LIMB;
	for (int l = BODYCHART_ARM; l < BODYCHART_NO_LIMB; l++)
		if (strcmp(info.limb, limb_names[l]) == 0)
			return (bodychart_limb)l;
	return BODYCHART_NO_LIMB;
}

static void polygon(svg_sink *s, const bodychart_shape *shape)
{
	svg_put(s, "<polygon");
	svg_points(s, shape->point, shape->count);
	svg_put(s, "/>\n");
}

static const bodychart_mark *find_mark(const bodychart *c, const char *region,
                                       radloc_side side)
{
	for (size_t i = 0; i < c->mark_count; i++)
		if (c->marks[i].region && strcmp(c->marks[i].region, region) == 0 &&
		    c->marks[i].side == side)
			return &c->marks[i];
	return NULL;
}

static const char *region_name(const bodychart *c, const char *id)
{
	const char *name = c->rules ? radloc_rules_name(c->rules, RADLOC_REGION, id)
	                            : NULL;
	return name ? name : id;
}

/* The body under the regions: its outline, then landmarks. */
static void silhouette(svg_sink *s, bodychart_view view)
{
	bodychart_shape part;
	bodychart_point top, bottom;

	/* Outline every part with a wide stroke, then fill them all without
	 * one: the overlaps vanish and only the body's outer edge is inked. */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 0)
			svg_put(s, "<g fill=\"%s\" stroke=\"%s\" stroke-width=\"2.6\" "
			    "stroke-linejoin=\"round\">\n", CHART_OUTLINE_INK, CHART_OUTLINE_INK);
		else
			svg_put(s, "<g fill=\"%s\">\n", CHART_SKIN);
		for (size_t i = 0; chart_layer_shape(CHART_SILHOUETTE, view, i, &part) == 0; i++)
			polygon(s, &part);
		svg_put(s, "</g>\n");
	}
	svg_put(s, "<g fill=\"none\" stroke=\"%s\" stroke-width=\"0.9\" opacity=\"0.55\">\n",
	    CHART_OUTLINE_INK);
	for (size_t i = 0; chart_layer_shape(CHART_LANDMARKS, view, i, &part) == 0; i++)
		polygon(s, &part);
	if (chart_spine(view, &top, &bottom) == 0)
		svg_put(s, "<path d=\"M%.1f %.1fV%.1f\" stroke-dasharray=\"2 3\"/>\n", top.x,
		    top.y, bottom.y);
	svg_put(s, "</g>\n");
}

/* One region on one side, shaded by its mark (NULL: untested). */
static void region(svg_sink *s, const bodychart *c, const char *id, int midline,
                   radloc_side side, const bodychart_mark *m)
{
	bodychart_shape shape;
	bodychart_skin skin = m ? m->skin : BODYCHART_UNTESTED;
	int pain = m && m->pain, territory = m && m->territory;

	if (skin > BODYCHART_INCREASED)
		skin = BODYCHART_UNTESTED;
	chart_region_shape(id, side, &shape);
	svg_put(s, "<g id=\"region-");
	svg_text(s, id);
	svg_put(s, "-%s\" class=\"region %s%s%s\" data-region=\"", radloc_side_name(side),
	    chart_skin[skin].css_class, pain ? " pain" : "", territory ? " territory" : "");
	svg_text(s, id);
	svg_put(s, "\" data-side=\"%s\">\n<title>", radloc_side_name(side));
	svg_text(s, region_name(c, id));
	if (!midline)
		svg_put(s, ", %s", radloc_side_name(side));
	svg_put(s, ": %s%s%s</title>\n", chart_skin[skin].words, pain ? "; pain felt here" : "",
	    territory ? "; in the territory of the leading hypothesis" : "");
	/* Tested-normal skin keeps a firm green edge: told apart from untested
	 * skin in grey print too. */
	svg_put(s, "<polygon fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"",
	    chart_skin[skin].fill, skin == BODYCHART_NORMAL ? CHART_NORMAL_EDGE : CHART_REGION_EDGE,
	    skin == BODYCHART_NORMAL ? "1.3" : "0.7");
	svg_points(s, shape.point, shape.count);
	svg_put(s, "/>\n");
	if (pain) {
		svg_put(s, "<polygon class=\"pain-overlay\" fill=\"url(#fill-pain)\" stroke=\"none\"");
		svg_points(s, shape.point, shape.count);
		svg_put(s, "/>\n");
	}
	if (territory) {
		svg_put(s, "<polygon class=\"territory-outline\" fill=\"none\" stroke=\"%s\" "
		    "stroke-width=\"1.9\" stroke-dasharray=\"4.5 2.5\" stroke-linejoin=\"round\"",
		    CHART_INK);
		svg_points(s, shape.point, shape.count);
		svg_put(s, "/>\n");
	}
	svg_put(s, "</g>\n");
}

static void draw_view(svg_sink *s, const bodychart *c, bodychart_view view)
{
	svg_put(s, "<g id=\"view-%s\">\n", chart_view_frame(view)->name);
	silhouette(s, view);
	/* The territory last, so that its dashed outline is never painted over. */
	for (int outlined = 0; outlined < 2; outlined++) {
		for (size_t i = 0; i < chart_region_count(); i++) {
			if (chart_region_view(i) != view)
				continue;
			const char *id = chart_region_id(i);
			int midline = chart_region_is_midline(i);
			for (int k = 0; k < (midline ? 1 : 2); k++) {
				radloc_side side = midline ? RADLOC_MIDLINE
				                   : k == 0 ? RADLOC_LEFT : RADLOC_RIGHT;
				const bodychart_mark *m = find_mark(c, id, side);
				if ((m && m->territory) == outlined)
					region(s, c, id, midline, side, m);
			}
		}
	}
	svg_put(s, "</g>\n");
}

/* Which view is which, and where the patient's left is. The class tells
 * a page that shows only the figures which texts belong to them. */
#define VIEW_LABEL "class=\"view-label\" "
static void view_labels(svg_sink *s)
{
	const char *big = VIEW_LABEL "font-size=\"26\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#333\"";
	const char *cap = VIEW_LABEL "font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#333\"";
	const char *sub = VIEW_LABEL "font-size=\"12\" text-anchor=\"middle\" fill=\"#555\"";
	for (int v = BODYCHART_FRONT; v <= BODYCHART_BACK; v++) {
		const chart_frame *f = chart_view_frame((bodychart_view)v);
		double x = f->x, k = f->scale, y = f->y;
		int left_right = f->left_on_right;
		svg_label(s, x - k * 112, y + k * 40, big, left_right ? "R" : "L");
		svg_label(s, x + k * 112, y + k * 40, big, left_right ? "L" : "R");
		svg_label(s, x, y + k * 688, cap, v == BODYCHART_FRONT ? "FRONT" : "BACK");
		svg_label(s, x, y + k * 688 + 16, sub, left_right
		      ? "patient's left on your right" : "patient's left on your left");
	}
	double x = chart_view_frame(BODYCHART_SOLES)->x, y = chart_view_frame(BODYCHART_SOLES)->y;
	svg_label(s, x, y - 26, VIEW_LABEL "font-size=\"13\" font-weight=\"bold\" "
	      "text-anchor=\"middle\" fill=\"#333\"", "SOLES");
	svg_label(s, x, y - 12, VIEW_LABEL "font-size=\"11\" text-anchor=\"middle\" fill=\"#555\"",
	      "from the foot of the bed");
	svg_label(s, x - 30, y + 122, VIEW_LABEL "font-size=\"15\" font-weight=\"bold\" "
	      "text-anchor=\"middle\" fill=\"#333\"", "R");
	svg_label(s, x + 30, y + 122, VIEW_LABEL "font-size=\"15\" font-weight=\"bold\" "
	      "text-anchor=\"middle\" fill=\"#333\"", "L");
}
#undef VIEW_LABEL

static void document(svg_sink *s, const bodychart *c)
{
	svg_put(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" "
	    "height=\"%d\" viewBox=\"0 0 %d %d\" data-figures-viewbox=\"%s\" role=\"img\" "
	    "aria-labelledby=\"chart-title chart-desc\" "
	    "font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n",
	    BODYCHART_WIDTH, BODYCHART_HEIGHT, BODYCHART_WIDTH, BODYCHART_HEIGHT,
	    CHART_FIGURES_BOX);
	svg_put(s, "<title id=\"chart-title\">Body chart");
	if (c->exam_id && *c->exam_id) {
		svg_put(s, " of exam ");
		svg_text(s, c->exam_id);
	}
	svg_put(s, "</title>\n<desc id=\"chart-desc\">Front and back views of the patient "
	    "standing with palms forward, and the soles. Shaded regions show the "
	    "skin findings; the dashed outline is the territory of the leading "
	    "hypothesis");
	if (c->leader) {
		svg_put(s, " (");
		svg_text(s, c->leader);
		svg_put(s, ")");
	}
	svg_put(s, ".</desc>\n");
	chart_style_defs(s);
	svg_put(s, "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n");
	double y = chart_header(s, c) + 40, x = 850;
	for (int v = BODYCHART_FRONT; v <= BODYCHART_SOLES; v++)
		draw_view(s, c, (bodychart_view)v);
	view_labels(s);
	if (y < 150)
		y = 150;
	svg_put(s, "<line x1=\"832\" y1=\"%.1f\" x2=\"832\" y2=\"%d\" stroke=\"#dddddd\"/>\n",
	    y - 20, BODYCHART_HEIGHT - 30);
	y = chart_legend(s, c, x, y);
	/* The ranking sits at the foot of the panel; findings fill what is left. */
	double ranking_y = BODYCHART_HEIGHT - 40 - 18.0 * (double)c->rank_count;
	chart_findings_panel(s, c, x, y + 12, ranking_y - 45);
	chart_ranking_panel(s, c, x, ranking_y);
	svg_put(s, "</svg>\n");
}

int bodychart_render(const bodychart *chart, char **svg, size_t *size)
{
	svg_sink s = {NULL, 0, 0, 0};
	if (chart == NULL || svg == NULL) {
		errno = EINVAL;
		return -1;
	}
	document(&s, chart);
	if (s.failed) {
		free(s.buf);
		*svg = NULL;
		return -1;
	}
	*svg = s.buf;
	if (size)
		*size = s.len;
	return 0;
}
