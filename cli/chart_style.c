/* The chart's look: Okabe-Ito colours (safe for the common colour-vision
 * deficiencies) and a texture for every skin state, so that nothing
 * depends on colour alone: lines for reduced, a grid for absent (more
 * lines, more loss), dots for increased, stripes over the top for pain. */
#include "chart_style.h"

const chart_skin_style chart_skin[] = {
	[BODYCHART_UNTESTED] = {"none", "untested", "not tested"},
	[BODYCHART_NORMAL] = {"#c4e6d8", "normal", "tested normal"},
	[BODYCHART_REDUCED] = {"url(#fill-reduced)", "reduced", "sensation reduced"},
	[BODYCHART_ABSENT] = {"url(#fill-absent)", "absent", "sensation absent"},
	[BODYCHART_INCREASED] = {"url(#fill-increased)", "increased", "sensation increased"},
};

void chart_style_defs(svg_sink *s)
{
	svg_put(s, "<defs>\n"
	    "<pattern id=\"fill-reduced\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
	    "<rect width=\"6\" height=\"6\" fill=\"#e69f00\"/>"
	    "<path d=\"M0 3H6\" stroke=\"#6b4500\" stroke-width=\"1\"/></pattern>\n"
	    "<pattern id=\"fill-absent\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
	    "<rect width=\"6\" height=\"6\" fill=\"#d55e00\"/>"
	    "<path d=\"M0 3H6M3 0V6\" stroke=\"#2b1200\" stroke-width=\"1.1\"/></pattern>\n"
	    "<pattern id=\"fill-increased\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
	    "<rect width=\"5\" height=\"5\" fill=\"#56b4e9\"/>"
	    "<circle cx=\"2.5\" cy=\"2.5\" r=\"1.1\" fill=\"#00365c\"/></pattern>\n"
	    "<pattern id=\"fill-pain\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\""
	    " patternTransform=\"rotate(45)\">"
	    "<path d=\"M0 3.5H7\" stroke=\"#9e3d82\" stroke-width=\"2.2\"/></pattern>\n"
	    "</defs>\n");
}
