/* Where each skin region of the chart is drawn: a front and a back view
 * of a standing patient in the anatomical position (palms forward) and an
 * inset of both soles, placed on the chart's page.
 *
 * Limbs are drawn as "ladders": a list of rungs across the limb, each from
 * its inner (medial) edge to its outer (lateral) edge, on the half of the
 * figure that is on the viewer's right. A skin region on a limb is a strip
 * of the ladder (a range across, u, and along, v), so regions and the
 * silhouette share their edges exactly; the other side is the mirror image.
 * Hands, feet and the trunk's regions are drawn by hand. In the anatomical
 * position (palms forward) "outer" is lateral on both views: the thumb, the
 * radial forearm, the lateral thigh and leg are all on the outside. */
#include <math.h>
#include <string.h>

#include "chart_geometry.h"

typedef struct rung {
	double ix, iy, ox, oy; /* inner and outer edge, viewer's right half */
} rung;

enum { ARM, HAND, LEG, FOOT, HEEL, SOLE, LADDER_COUNT };

/* The figure is 8 heads tall (head 0..75, crotch 328, sole ~650). */
static const rung arm_rungs[] = {
	{64, 112, 88, 120},  /* top of the shoulder */
	{66, 150, 95, 156},  /* deltoid, armpit */
	{72, 200, 98, 200},  /* mid arm */
	{79, 238, 104, 236}, /* elbow */
	{84, 262, 111, 258}, /* forearm muscle bellies */
	{95, 321, 114, 319}, /* wrist */
};
static const rung hand_rungs[] = {
	{95, 321, 114, 319}, /* wrist */
	{94, 345, 122, 341}, /* thenar and hypothenar eminences */
	{97, 372, 125, 369}, /* knuckles */
};
static const rung leg_rungs[] = {
	{1, 324, 58, 282},   /* inguinal ligament (front), gluteal region (back) */
	{6, 345, 60, 322},   /* upper thigh */
	{9, 390, 56, 385},   /* mid thigh */
	{14, 440, 50, 440},  /* above the knee */
	{15, 470, 47, 470},  /* below the knee */
	{11, 515, 46, 510},  /* calf */
	{18, 594, 38, 594},  /* ankle */
};
static const rung foot_rungs[] = { /* from the front and above */
	{18, 594, 38, 594},
	{13, 618, 45, 614},
	{10, 646, 53, 636},  /* metatarsal heads */
};
static const rung heel_rungs[] = { /* from behind */
	{18, 594, 38, 594},
	{17, 612, 39, 612},
	{17, 628, 40, 628},
};
static const rung sole_rungs[] = { /* plantar view, toes up */
	{13, 24, 49, 31},    /* ball of the foot */
	{16, 46, 48, 50},
	{23, 66, 45, 68},    /* medial arch */
	{19, 86, 42, 86},
	{22, 100, 38, 100},  /* heel */
};

static const struct {
	const rung *rung;
	size_t count;
} ladders[LADDER_COUNT] = {
#define LADDER(r) {r, sizeof r / sizeof r[0]}
	[ARM] = LADDER(arm_rungs),   [HAND] = LADDER(hand_rungs),
	[LEG] = LADDER(leg_rungs),   [FOOT] = LADDER(foot_rungs),
	[HEEL] = LADDER(heel_rungs), [SOLE] = LADDER(sole_rungs),
#undef LADDER
};

typedef enum form {
	STRIP,   /* a[0..3] = u0 u1 v0 v1 of ladder `ladder` */
	OUTLINE, /* `pts`: x, y pairs */
	MIRRORED,/* `pts`: the right half from the top of the midline to its
	          * bottom; drawn as the whole symmetric shape */
	OVAL,    /* a[0..3] = cx cy rx ry */
	DIGIT    /* a[0..5] = base x y, tip x y, half-width at base and tip */
} form;

typedef struct shape_spec {
	form form;
	int ladder;
	double a[6];
	const double *pts;
	size_t n;
} shape_spec;

#define STRIP_(l, u0, u1, v0, v1) {STRIP, l, {u0, u1, v0, v1, 0, 0}, NULL, 0}
#define OVAL_(cx, cy, rx, ry) {OVAL, 0, {cx, cy, rx, ry, 0, 0}, NULL, 0}
#define DIGIT_(x0, y0, x1, y1, w0, w1) {DIGIT, 0, {x0, y0, x1, y1, w0, w1}, NULL, 0}
#define OUTLINE_(p) {OUTLINE, 0, {0}, p, sizeof p / sizeof p[0] / 2}
#define MIRRORED_(p) {MIRRORED, 0, {0}, p, sizeof p / sizeof p[0] / 2}

static const double trunk_half[] = {
	0, 96, 13, 96, 26, 100, 48, 105, 66, 110, 79, 116, 86, 123, 66, 140, 60, 150,
	57, 175, 55, 200, 49, 228, 50, 250, 55, 270, 58, 288, 30, 310, 12, 321,
	0, 325,
};
static const double neck_half[] = {0, 66, 12, 66, 13, 100, 0, 100};
static const double groin_pts[] = {
	2, 311, 48, 273, 55, 277, 58, 282, 1, 324,
};
static const double dorsum_foot_pts[] = {
	19, 599, 33.5, 597.5, 40.5, 616, 47.5, 637.5, 41, 638.5, 35, 639.5,
	29, 640, 27.5, 632, 21, 628, 14.5, 620, 16.5, 608,
};
static const double first_web_pts[] = {
	21, 628, 27.5, 632, 28.5, 641, 25, 646, 22, 641,
};
static const double lateral_foot_pts[] = {
	38, 594, 45, 614, 53, 636, 48, 638, 40.5, 616, 33.5, 597,
};
static const double saddle_half[] = {
	0, 298, 5, 298, 10, 311, 14, 326, 17, 340, 16, 352, 10, 356, 7, 348,
	4, 334, 0, 326,
};
static const double lateral_heel_pts[] = {
	28.5, 614, 39, 612, 40.5, 626, 39.5, 634, 35, 640, 28.5, 642,
};
/* Toes 2-4, from beside the first web space (which ends at x 28.5) to
 * the small toe: the space under the web space is left free for its
 * touch area. */
static const double middle_toes_pts[] = {
	30.5, 640, 44.7, 637.5, 44.3, 653.5, 41, 655.5, 37.4, 657.5, 34, 660,
	30.8, 660.5,
};
static const double scapula_pts[] = {
	22, 128, 54, 122, 46, 182, 28, 166,
};

/* Shapes that are both a region and part of the silhouette. */
#define THUMB_ DIGIT_(120.5, 337, 134, 370, 4.8, 4)
#define INDEX_FINGER_ DIGIT_(121.5, 366.5, 124.8, 394.5, 3.3, 2.9)
#define MIDDLE_FINGER_ DIGIT_(114.5, 367, 118.3, 399.5, 3.3, 2.9)
#define RING_FINGER_ DIGIT_(107.5, 368, 111, 397.5, 3.3, 2.9)
#define LITTLE_FINGER_ DIGIT_(100.5, 369, 103.4, 392, 3.1, 2.7)
#define MEDIAL_MALLEOLUS_ OVAL_(18.5, 595, 4.5, 5.5)
#define GREAT_TOE_ DIGIT_(16.5, 642, 17.5, 666, 6.2, 5.5)
#define SMALL_TOE_ DIGIT_(47.5, 636, 48.5, 649, 3.1, 2.7)

typedef struct region_spec {
	const char *id;
	bodychart_view view;
	int midline;
	shape_spec shape;
} region_spec;

/* Where a clinician examines each region: the anterior surface of the arm,
 * palm and fingers and of the thigh, leg and dorsum of the foot on the
 * front; the extensor forearm, dorsum of the hand, buttock, hamstrings,
 * popliteal fossa, calf, heel and saddle on the back; the sole below. */
static const region_spec regions[] = {
	{"lateral_shoulder", BODYCHART_FRONT, 0, STRIP_(ARM, .40, 1, 0, 1.0)},
	{"lateral_arm", BODYCHART_FRONT, 0, STRIP_(ARM, .50, 1, 1.0, 2.75)},
	{"medial_arm", BODYCHART_FRONT, 0, STRIP_(ARM, 0, .50, .55, 2.75)},
	{"lateral_antecubital", BODYCHART_FRONT, 0, STRIP_(ARM, .50, 1, 2.75, 3.4)},
	{"medial_antecubital", BODYCHART_FRONT, 0, STRIP_(ARM, 0, .50, 2.75, 3.4)},
	{"lateral_forearm", BODYCHART_FRONT, 0, STRIP_(ARM, .50, 1, 3.4, 4.9)},
	{"medial_forearm", BODYCHART_FRONT, 0, STRIP_(ARM, 0, .50, 3.4, 4.9)},
	{"lateral_palm", BODYCHART_FRONT, 0, STRIP_(HAND, .52, 1, .2, 1.7)},
	{"medial_palm", BODYCHART_FRONT, 0, STRIP_(HAND, 0, .45, .2, 1.85)},
	{"thumb", BODYCHART_FRONT, 0, THUMB_},
	{"index_finger", BODYCHART_FRONT, 0, INDEX_FINGER_},
	{"middle_finger", BODYCHART_FRONT, 0, MIDDLE_FINGER_},
	{"ring_finger", BODYCHART_FRONT, 0, RING_FINGER_},
	{"little_finger", BODYCHART_FRONT, 0, LITTLE_FINGER_},
	{"groin", BODYCHART_FRONT, 0, OUTLINE_(groin_pts)},
	{"upper_anterior_thigh", BODYCHART_FRONT, 0, STRIP_(LEG, .25, .78, .05, .9)},
	{"anterior_thigh", BODYCHART_FRONT, 0, STRIP_(LEG, .28, .78, .9, 2.3)},
	{"medial_thigh", BODYCHART_FRONT, 0, STRIP_(LEG, 0, .28, .45, 2.5)},
	{"lateral_thigh", BODYCHART_FRONT, 0, STRIP_(LEG, .78, 1, .25, 2.7)},
	{"medial_knee", BODYCHART_FRONT, 0, STRIP_(LEG, 0, .40, 2.75, 4.05)},
	{"medial_leg", BODYCHART_FRONT, 0, STRIP_(LEG, 0, .50, 4.15, 5.8)},
	{"lateral_leg", BODYCHART_FRONT, 0, STRIP_(LEG, .50, 1, 4.15, 5.85)},
	{"medial_malleolus", BODYCHART_FRONT, 0, MEDIAL_MALLEOLUS_},
	{"dorsum_foot", BODYCHART_FRONT, 0, OUTLINE_(dorsum_foot_pts)},
	/* The dorsum of the middle three toes, over their digits: drawn before
	 * the toes and the first web space so that those small regions stay on
	 * top and keep their touch area. */
	{"middle_toes", BODYCHART_FRONT, 0, OUTLINE_(middle_toes_pts)},
	{"lateral_foot", BODYCHART_FRONT, 0, OUTLINE_(lateral_foot_pts)},
	{"great_toe", BODYCHART_FRONT, 0, GREAT_TOE_},
	{"first_web_space", BODYCHART_FRONT, 0, OUTLINE_(first_web_pts)},
	{"small_toe", BODYCHART_FRONT, 0, SMALL_TOE_},
	{"posterior_forearm", BODYCHART_BACK, 0, STRIP_(ARM, .20, .80, 3.35, 4.9)},
	{"radial_dorsum_hand", BODYCHART_BACK, 0, STRIP_(HAND, .50, 1, .2, 1.9)},
	{"buttock", BODYCHART_BACK, 0, OVAL_(32.5, 298, 24, 36)},
	{"posterior_thigh", BODYCHART_BACK, 0, STRIP_(LEG, .15, .85, 1.2, 2.6)},
	{"popliteal_fossa", BODYCHART_BACK, 0, STRIP_(LEG, .22, .78, 2.75, 3.85)},
	{"posterior_calf", BODYCHART_BACK, 0, STRIP_(LEG, .15, .85, 4.1, 5.5)},
	{"lateral_heel", BODYCHART_BACK, 0, OUTLINE_(lateral_heel_pts)},
	{"saddle", BODYCHART_BACK, 1, MIRRORED_(saddle_half)},
	{"perianal", BODYCHART_BACK, 1, OVAL_(0, 318, 4.5, 5.5)},
	{"sole", BODYCHART_SOLES, 0, STRIP_(SOLE, 0, 1, .12, 4)},
	/* Version 2: the ISNCSCI points of the neck, shoulder and trunk are
	 * points, drawn as small ovals where they are tested (the trunk's on
	 * the midclavicular line, from the third intercostal space down to
	 * the inguinal ligament); the ulnar dorsum beside the radial one; the
	 * dorsum of the middle three toes over their digits. */
	{"supraclavicular", BODYCHART_FRONT, 0, OVAL_(24, 103, 5, 3.5)},
	{"top_of_shoulder", BODYCHART_FRONT, 0, OVAL_(73, 113, 5, 3.5)},
	{"axilla", BODYCHART_FRONT, 0, OVAL_(57, 146, 3.5, 4.5)},
	{"upper_chest", BODYCHART_FRONT, 0, OVAL_(32, 134, 4, 4.5)},
	{"nipple_line", BODYCHART_FRONT, 0, OVAL_(32, 150, 4, 4.5)},
	{"lower_chest", BODYCHART_FRONT, 0, OVAL_(32, 166, 4, 4.5)},
	{"xiphoid", BODYCHART_FRONT, 0, OVAL_(32, 182, 4, 4.5)},
	{"below_xiphoid", BODYCHART_FRONT, 0, OVAL_(32, 197, 4, 4.5)},
	{"upper_abdomen", BODYCHART_FRONT, 0, OVAL_(32, 212, 4, 4.5)},
	{"above_umbilicus", BODYCHART_FRONT, 0, OVAL_(32, 227, 4, 4.5)},
	{"umbilicus", BODYCHART_FRONT, 0, OVAL_(32, 242, 4, 4.5)},
	{"lower_abdomen", BODYCHART_FRONT, 0, OVAL_(32, 260, 4, 4.5)},
	{"inguinal", BODYCHART_FRONT, 0, OVAL_(26, 286, 4, 4.5)},
	{"dorsum_hand_ulnar", BODYCHART_BACK, 0, STRIP_(HAND, 0, .50, .2, 1.9)},
};
#define REGION_COUNT (sizeof regions / sizeof regions[0])

/* The silhouette of each view, drawn under the regions; a part listed
 * for several views (the head, trunk and limbs are seen from the front and
 * from behind) is drawn on each, in this order. */
#define ON(view) (1u << (view))
#define FRONT_AND_BACK (ON(BODYCHART_FRONT) | ON(BODYCHART_BACK))

typedef struct base_spec {
	unsigned views;  /* ON(view) for every view it is drawn on */
	int both_sides;  /* a lateral part, drawn on each side */
	shape_spec shape;
} base_spec;

static const base_spec bases[] = {
	{FRONT_AND_BACK, 0, OVAL_(0, 40, 27, 35)},
	{FRONT_AND_BACK, 1, OVAL_(26.5, 42, 4, 8)},
	{FRONT_AND_BACK, 0, MIRRORED_(neck_half)},
	{FRONT_AND_BACK, 0, MIRRORED_(trunk_half)},
	{FRONT_AND_BACK, 1, OVAL_(79, 130, 12, 14)},
	{FRONT_AND_BACK, 1, STRIP_(ARM, 0, 1, 0, 5)},
	{FRONT_AND_BACK, 1, STRIP_(HAND, 0, 1, 0, 2)},
	{FRONT_AND_BACK, 1, THUMB_},
	{FRONT_AND_BACK, 1, INDEX_FINGER_},
	{FRONT_AND_BACK, 1, MIDDLE_FINGER_},
	{FRONT_AND_BACK, 1, RING_FINGER_},
	{FRONT_AND_BACK, 1, LITTLE_FINGER_},
	{FRONT_AND_BACK, 1, STRIP_(LEG, 0, 1, 0, 6)},

	{ON(BODYCHART_FRONT), 1, STRIP_(FOOT, 0, 1, 0, 2)},
	{ON(BODYCHART_FRONT), 1, MEDIAL_MALLEOLUS_},
	{ON(BODYCHART_FRONT), 1, GREAT_TOE_},
	{ON(BODYCHART_FRONT), 1, DIGIT_(26.5, 640, 27.5, 660, 3.4, 3)},
	{ON(BODYCHART_FRONT), 1, DIGIT_(33.5, 639, 34.5, 657, 3.3, 2.9)},
	{ON(BODYCHART_FRONT), 1, DIGIT_(40.5, 637.5, 41.5, 653, 3.2, 2.8)},
	{ON(BODYCHART_FRONT), 1, SMALL_TOE_},

	{ON(BODYCHART_BACK), 1, STRIP_(HEEL, 0, 1, 0, 2)},
	{ON(BODYCHART_BACK), 1, OVAL_(28.5, 630, 11.5, 12)},

	{ON(BODYCHART_SOLES), 1, STRIP_(SOLE, 0, 1, 0, 4)},
	{ON(BODYCHART_SOLES), 1, OVAL_(30, 96, 10.5, 8)},
	{ON(BODYCHART_SOLES), 1, DIGIT_(19, 26, 17.5, 9, 6, 5.2)},
	{ON(BODYCHART_SOLES), 1, DIGIT_(29, 28, 29.5, 15, 3.3, 2.9)},
	{ON(BODYCHART_SOLES), 1, DIGIT_(35.5, 29.5, 36.5, 18, 3.2, 2.8)},
	{ON(BODYCHART_SOLES), 1, DIGIT_(41.3, 31, 42.8, 21.5, 3, 2.6)},
	{ON(BODYCHART_SOLES), 1, DIGIT_(46.5, 32, 48.5, 25, 2.8, 2.4)},
};
#define BASE_COUNT (sizeof bases / sizeof bases[0])

/* Landmarks that make the views recognisable; not regions. */
static const base_spec hints[] = {
	{ON(BODYCHART_FRONT), 0, OVAL_(0, 238, 2, 2)},        /* navel */
	{ON(BODYCHART_FRONT), 1, OVAL_(28, 165, 2, 2)},       /* nipple */
	{ON(BODYCHART_FRONT), 1, OVAL_(32, 455, 8, 10)},      /* patella */
	{ON(BODYCHART_FRONT), 1, OVAL_(10, 36, 3, 1.6)},      /* eye */
	{ON(BODYCHART_BACK), 1, OUTLINE_(scapula_pts)},       /* scapula */
};
#define HINT_COUNT (sizeof hints / sizeof hints[0])

/* Where each view sits on the page and which half is the patient's left. */
static const chart_frame views[3] = {
	[BODYCHART_FRONT] = {215, 148, 1.1, 1, "front"},
	[BODYCHART_BACK] = {560, 148, 1.1, 0, "back"},
	[BODYCHART_SOLES] = {740, 742, 1.0, 1, "soles"},
};

static bodychart_point rung_point(int ladder, double u, double v)
{
	const rung *r = ladders[ladder].rung;
	size_t last = ladders[ladder].count - 1;
	double fl = floor(v);
	size_t k = fl < 0 ? 0 : (size_t)fl;
	if (k >= last)
		k = last - 1;
	double t = v - (double)k;
	double ix = r[k].ix + t * (r[k + 1].ix - r[k].ix);
	double iy = r[k].iy + t * (r[k + 1].iy - r[k].iy);
	double ox = r[k].ox + t * (r[k + 1].ox - r[k].ox);
	double oy = r[k].oy + t * (r[k + 1].oy - r[k].oy);
	bodychart_point p = {ix + u * (ox - ix), iy + u * (oy - iy)};
	return p;
}

/* The polygon of a shape in the view's own coordinates (viewer's right
 * half for lateral shapes). Returns the number of points. */
static size_t trace(const shape_spec *s, bodychart_point *p)
{
	size_t n = 0;
	const double pi = 3.14159265358979323846;

	switch (s->form) {
	case STRIP: {
		double u0 = s->a[0], u1 = s->a[1], v0 = s->a[2], v1 = s->a[3];
		/* Down the inner edge through every rung, back up the outer. */
		p[n++] = rung_point(s->ladder, u0, v0);
		for (double v = floor(v0) + 1; v < v1; v += 1)
			p[n++] = rung_point(s->ladder, u0, v);
		p[n++] = rung_point(s->ladder, u0, v1);
		p[n++] = rung_point(s->ladder, u1, v1);
		for (double v = ceil(v1) - 1; v > v0; v -= 1)
			p[n++] = rung_point(s->ladder, u1, v);
		p[n++] = rung_point(s->ladder, u1, v0);
		break;
	}
	case OUTLINE:
		for (size_t i = 0; i < s->n; i++) {
			p[n].x = s->pts[2 * i];
			p[n++].y = s->pts[2 * i + 1];
		}
		break;
	case MIRRORED:
		for (size_t i = 0; i < s->n; i++) {
			p[n].x = s->pts[2 * i];
			p[n++].y = s->pts[2 * i + 1];
		}
		for (size_t i = s->n; i-- > 0;) {
			if (s->pts[2 * i] == 0.0)
				continue; /* on the midline: already there */
			p[n].x = -s->pts[2 * i];
			p[n++].y = s->pts[2 * i + 1];
		}
		break;
	case OVAL:
		for (int i = 0; i < 24; i++) {
			double t = 2 * pi * i / 24;
			p[n].x = s->a[0] + s->a[2] * cos(t);
			p[n++].y = s->a[1] + s->a[3] * sin(t);
		}
		break;
	case DIGIT: {
		double dx = s->a[2] - s->a[0], dy = s->a[3] - s->a[1];
		double len = sqrt(dx * dx + dy * dy);
		double ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
		double w0 = s->a[4], w1 = s->a[5];
		p[n].x = s->a[0] + nx * w0;
		p[n++].y = s->a[1] + ny * w0;
		p[n].x = s->a[2] + nx * w1;
		p[n++].y = s->a[3] + ny * w1;
		/* A rounded tip: a half circle beyond the tip. */
		for (int i = 1; i < 6; i++) {
			double t = pi * i / 6;
			p[n].x = s->a[2] + w1 * (nx * cos(t) + ux * sin(t));
			p[n++].y = s->a[3] + w1 * (ny * cos(t) + uy * sin(t));
		}
		p[n].x = s->a[2] - nx * w1;
		p[n++].y = s->a[3] - ny * w1;
		p[n].x = s->a[0] - nx * w0;
		p[n++].y = s->a[1] - ny * w0;
		break;
	}
	}
	return n;
}

/* A shape placed on the page; `mirror` draws the viewer's left copy. */
static size_t place(const shape_spec *s, bodychart_view view, int mirror,
                    bodychart_point *out)
{
	size_t n = trace(s, out);
	for (size_t i = 0; i < n; i++) {
		out[i].x = views[view].x + views[view].scale * (mirror ? -out[i].x : out[i].x);
		out[i].y = views[view].y + views[view].scale * out[i].y;
	}
	return n;
}

/* Whether a side is drawn on the viewer's left of its view. */
static int mirrored(bodychart_view view, radloc_side side)
{
	return (side == RADLOC_LEFT) != (views[view].left_on_right != 0);
}

size_t chart_region_count(void)
{
	return REGION_COUNT;
}

const char *chart_region_id(size_t i)
{
	return i < REGION_COUNT ? regions[i].id : NULL;
}

int chart_region_is_midline(size_t i)
{
	return i < REGION_COUNT && regions[i].midline;
}

bodychart_view chart_region_view(size_t i)
{
	return i < REGION_COUNT ? regions[i].view : BODYCHART_FRONT;
}

static long find_region(const char *id)
{
	if (id == NULL)
		return -1;
	for (size_t i = 0; i < REGION_COUNT; i++)
		if (strcmp(regions[i].id, id) == 0)
			return (long)i;
	return -1;
}

int chart_region_shape(const char *region, radloc_side side, bodychart_shape *out)
{
	long i = find_region(region);
	if (i < 0 || out == NULL)
		return -1;
	const region_spec *r = &regions[i];
	if (r->midline ? side != RADLOC_MIDLINE
	               : side != RADLOC_LEFT && side != RADLOC_RIGHT)
		return -1;
	out->view = r->view;
	out->count = place(&r->shape, r->view, !r->midline && mirrored(r->view, side),
	                   out->point);
	return 0;
}

int chart_layer_shape(chart_layer layer, bodychart_view view, size_t i,
                      bodychart_shape *out)
{
	const base_spec *parts = layer == CHART_SILHOUETTE ? bases : hints;
	size_t count = layer == CHART_SILHOUETTE ? BASE_COUNT : HINT_COUNT;

	/* The i-th copy drawn on this view, a lateral part counting twice. */
	for (size_t k = 0; k < count; k++) {
		if (!(parts[k].views & ON(view)))
			continue;
		for (int m = 0; m <= parts[k].both_sides; m++, i--) {
			if (i == 0) {
				out->view = view;
				out->count = place(&parts[k].shape, view, m, out->point);
				return 0;
			}
		}
	}
	return -1;
}

const chart_frame *chart_view_frame(bodychart_view view)
{
	return &views[view <= BODYCHART_SOLES ? view : BODYCHART_FRONT];
}

int chart_spine(bodychart_view view, bodychart_point *top, bodychart_point *bottom)
{
	if (view != BODYCHART_BACK)
		return -1;
	/* From the vertebra prominens to the sacrum. */
	double x = views[view].x, k = views[view].scale, y = views[view].y;
	top->x = x;
	top->y = y + k * 100;
	bottom->x = x;
	bottom->y = y + k * 290;
	return 0;
}
