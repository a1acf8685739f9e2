/* The body chart: geometry of a standing patient and an SVG writer.
 *
 * Limbs are drawn as "ladders": a list of rungs across the limb, each from
 * its inner (medial) edge to its outer (lateral) edge, on the half of the
 * figure that is on the viewer's right. A skin region on a limb is a strip
 * of the ladder (a range across, u, and along, v), so regions and the
 * silhouette share their edges exactly; the other side is the mirror image.
 * Hands, feet and the trunk's regions are drawn by hand. In the anatomical
 * position (palms forward) "outer" is lateral on both views: the thumb, the
 * radial forearm, the lateral thigh and leg are all on the outside. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bodychart.h"

/* ---- Geometry ----------------------------------------------------------- */

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
static const double scapula_pts[] = {
	22, 128, 54, 122, 46, 182, 28, 166,
};

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
	{"thumb", BODYCHART_FRONT, 0, DIGIT_(120.5, 337, 134, 370, 4.8, 4)},
	{"index_finger", BODYCHART_FRONT, 0, DIGIT_(121.5, 366.5, 124.8, 394.5, 3.3, 2.9)},
	{"middle_finger", BODYCHART_FRONT, 0, DIGIT_(114.5, 367, 118.3, 399.5, 3.3, 2.9)},
	{"ring_finger", BODYCHART_FRONT, 0, DIGIT_(107.5, 368, 111, 397.5, 3.3, 2.9)},
	{"little_finger", BODYCHART_FRONT, 0, DIGIT_(100.5, 369, 103.4, 392, 3.1, 2.7)},
	{"groin", BODYCHART_FRONT, 0, OUTLINE_(groin_pts)},
	{"upper_anterior_thigh", BODYCHART_FRONT, 0, STRIP_(LEG, .25, .78, .05, .9)},
	{"anterior_thigh", BODYCHART_FRONT, 0, STRIP_(LEG, .28, .78, .9, 2.3)},
	{"medial_thigh", BODYCHART_FRONT, 0, STRIP_(LEG, 0, .28, .45, 2.5)},
	{"lateral_thigh", BODYCHART_FRONT, 0, STRIP_(LEG, .78, 1, .25, 2.7)},
	{"medial_knee", BODYCHART_FRONT, 0, STRIP_(LEG, 0, .40, 2.75, 4.05)},
	{"medial_leg", BODYCHART_FRONT, 0, STRIP_(LEG, 0, .50, 4.15, 5.8)},
	{"lateral_leg", BODYCHART_FRONT, 0, STRIP_(LEG, .50, 1, 4.15, 5.85)},
	{"medial_malleolus", BODYCHART_FRONT, 0, OVAL_(18.5, 595, 4.5, 5.5)},
	{"dorsum_foot", BODYCHART_FRONT, 0, OUTLINE_(dorsum_foot_pts)},
	{"lateral_foot", BODYCHART_FRONT, 0, OUTLINE_(lateral_foot_pts)},
	{"great_toe", BODYCHART_FRONT, 0, DIGIT_(16.5, 642, 17.5, 666, 6.2, 5.5)},
	{"first_web_space", BODYCHART_FRONT, 0, OUTLINE_(first_web_pts)},
	{"small_toe", BODYCHART_FRONT, 0, DIGIT_(47.5, 636, 48.5, 649, 3.1, 2.7)},
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
};
#define REGION_COUNT (sizeof regions / sizeof regions[0])

/* The silhouette of each view, drawn under the regions. */
typedef struct base_spec {
	bodychart_view view;
	int both_sides; /* a lateral part, drawn on each side */
	shape_spec shape;
} base_spec;

static const base_spec bases[] = {
	{BODYCHART_FRONT, 0, OVAL_(0, 40, 27, 35)},
	{BODYCHART_FRONT, 1, OVAL_(26.5, 42, 4, 8)},
	{BODYCHART_FRONT, 0, MIRRORED_(neck_half)},
	{BODYCHART_FRONT, 0, MIRRORED_(trunk_half)},
	{BODYCHART_FRONT, 1, OVAL_(79, 130, 12, 14)},
	{BODYCHART_FRONT, 1, STRIP_(ARM, 0, 1, 0, 5)},
	{BODYCHART_FRONT, 1, STRIP_(HAND, 0, 1, 0, 2)},
	{BODYCHART_FRONT, 1, DIGIT_(120.5, 337, 134, 370, 4.8, 4)},
	{BODYCHART_FRONT, 1, DIGIT_(121.5, 366.5, 124.8, 394.5, 3.3, 2.9)},
	{BODYCHART_FRONT, 1, DIGIT_(114.5, 367, 118.3, 399.5, 3.3, 2.9)},
	{BODYCHART_FRONT, 1, DIGIT_(107.5, 368, 111, 397.5, 3.3, 2.9)},
	{BODYCHART_FRONT, 1, DIGIT_(100.5, 369, 103.4, 392, 3.1, 2.7)},
	{BODYCHART_FRONT, 1, STRIP_(LEG, 0, 1, 0, 6)},
	{BODYCHART_FRONT, 1, STRIP_(FOOT, 0, 1, 0, 2)},
	{BODYCHART_FRONT, 1, OVAL_(18.5, 595, 4.5, 5.5)},
	{BODYCHART_FRONT, 1, DIGIT_(16.5, 642, 17.5, 666, 6.2, 5.5)},
	{BODYCHART_FRONT, 1, DIGIT_(26.5, 640, 27.5, 660, 3.4, 3)},
	{BODYCHART_FRONT, 1, DIGIT_(33.5, 639, 34.5, 657, 3.3, 2.9)},
	{BODYCHART_FRONT, 1, DIGIT_(40.5, 637.5, 41.5, 653, 3.2, 2.8)},
	{BODYCHART_FRONT, 1, DIGIT_(47.5, 636, 48.5, 649, 3.1, 2.7)},

	{BODYCHART_BACK, 0, OVAL_(0, 40, 27, 35)},
	{BODYCHART_BACK, 1, OVAL_(26.5, 42, 4, 8)},
	{BODYCHART_BACK, 0, MIRRORED_(neck_half)},
	{BODYCHART_BACK, 0, MIRRORED_(trunk_half)},
	{BODYCHART_BACK, 1, OVAL_(79, 130, 12, 14)},
	{BODYCHART_BACK, 1, STRIP_(ARM, 0, 1, 0, 5)},
	{BODYCHART_BACK, 1, STRIP_(HAND, 0, 1, 0, 2)},
	{BODYCHART_BACK, 1, DIGIT_(120.5, 337, 134, 370, 4.8, 4)},
	{BODYCHART_BACK, 1, DIGIT_(121.5, 366.5, 124.8, 394.5, 3.3, 2.9)},
	{BODYCHART_BACK, 1, DIGIT_(114.5, 367, 118.3, 399.5, 3.3, 2.9)},
	{BODYCHART_BACK, 1, DIGIT_(107.5, 368, 111, 397.5, 3.3, 2.9)},
	{BODYCHART_BACK, 1, DIGIT_(100.5, 369, 103.4, 392, 3.1, 2.7)},
	{BODYCHART_BACK, 1, STRIP_(LEG, 0, 1, 0, 6)},
	{BODYCHART_BACK, 1, STRIP_(HEEL, 0, 1, 0, 2)},
	{BODYCHART_BACK, 1, OVAL_(28.5, 630, 11.5, 12)},

	{BODYCHART_SOLES, 1, STRIP_(SOLE, 0, 1, 0, 4)},
	{BODYCHART_SOLES, 1, OVAL_(30, 96, 10.5, 8)},
	{BODYCHART_SOLES, 1, DIGIT_(19, 26, 17.5, 9, 6, 5.2)},
	{BODYCHART_SOLES, 1, DIGIT_(29, 28, 29.5, 15, 3.3, 2.9)},
	{BODYCHART_SOLES, 1, DIGIT_(35.5, 29.5, 36.5, 18, 3.2, 2.8)},
	{BODYCHART_SOLES, 1, DIGIT_(41.3, 31, 42.8, 21.5, 3, 2.6)},
	{BODYCHART_SOLES, 1, DIGIT_(46.5, 32, 48.5, 25, 2.8, 2.4)},
};
#define BASE_COUNT (sizeof bases / sizeof bases[0])

/* Landmarks that make the views recognisable; not regions. */
static const base_spec hints[] = {
	{BODYCHART_FRONT, 0, OVAL_(0, 238, 2, 2)},        /* navel */
	{BODYCHART_FRONT, 1, OVAL_(28, 165, 2, 2)},       /* nipple */
	{BODYCHART_FRONT, 1, OVAL_(32, 455, 8, 10)},      /* patella */
	{BODYCHART_FRONT, 1, OVAL_(10, 36, 3, 1.6)},      /* eye */
	{BODYCHART_BACK, 1, OUTLINE_(scapula_pts)},       /* scapula */
};
#define HINT_COUNT (sizeof hints / sizeof hints[0])

/* Where each view sits on the page and which half is the patient's left. */
static const struct {
	double x, y, scale;
	int left_on_right; /* the patient's left is on the viewer's right */
	const char *name;
} views[3] = {
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

size_t bodychart_region_count(void)
{
	return REGION_COUNT;
}

const char *bodychart_region_id(size_t i)
{
	return i < REGION_COUNT ? regions[i].id : NULL;
}

int bodychart_region_is_midline(size_t i)
{
	return i < REGION_COUNT && regions[i].midline;
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

int bodychart_region_shape(const char *region, radloc_side side,
                           bodychart_shape *out)
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

/* ---- Output ---------------------------------------------------------------- */

/* A FILE or a growing buffer, so that the web server can reuse the writer. */
typedef struct sink {
	FILE *file;
	char *buf;
	size_t len, cap;
	int failed;
} sink;

static void raw(sink *s, const char *text, size_t n)
{
	if (s->failed)
		return;
	if (s->file) {
		if (fwrite(text, 1, n, s->file) != n)
			s->failed = 1;
		return;
	}
	if (s->len + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 16384;
		while (s->len + n + 1 > cap)
			cap *= 2;
		char *grown = realloc(s->buf, cap);
		if (grown == NULL) {
			s->failed = 1;
			return;
		}
		s->buf = grown;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, text, n);
	s->len += n;
	s->buf[s->len] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void put(sink *s, const char *fmt, ...)
{
	char small[512];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		s->failed = 1;
		return;
	}
	if ((size_t)n < sizeof small) {
		raw(s, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (big == NULL) {
		s->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	raw(s, big, (size_t)n);
	free(big);
}

/* Length of the UTF-8 sequence at p that XML 1.0 allows, or 0. */
static size_t xml_char(const unsigned char *p)
{
	uint32_t c;
	size_t n;

	if (p[0] < 0x80) {
		return p[0] >= 0x20 || p[0] == '\t' || p[0] == '\n' ? 1 : 0;
	} else if ((p[0] & 0xE0) == 0xC0) {
		n = 2;
		c = p[0] & 0x1Fu;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 3;
		c = p[0] & 0x0Fu;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 4;
		c = p[0] & 0x07u;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3Fu);
	}
	static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ||
	    c == 0xFFFE || c == 0xFFFF)
		return 0;
	return n;
}

/* Text as XML character data or attribute value: markup escaped, and
 * anything XML cannot carry (control bytes, broken UTF-8) replaced by
 * U+FFFD, so that no exam id or rule name can break the document. */
static void text(sink *s, const char *t)
{
	const unsigned char *p = (const unsigned char *)(t ? t : "");

	while (*p) {
		size_t n = xml_char(p);
		if (n == 0) {
			raw(s, "\xEF\xBF\xBD", 3);
			p++;
			continue;
		}
		switch (*p) {
		case '&': raw(s, "&amp;", 5); break;
		case '<': raw(s, "&lt;", 4); break;
		case '>': raw(s, "&gt;", 4); break;
		case '"': raw(s, "&quot;", 6); break;
		case '\'': raw(s, "&apos;", 6); break;
		case '\n': raw(s, "&#10;", 5); break;
		case '\t': raw(s, "&#9;", 4); break;
		default: raw(s, (const char *)p, n); break;
		}
		p += n;
	}
}

static void points(sink *s, const bodychart_point *p, size_t n)
{
	put(s, " points=\"");
	for (size_t i = 0; i < n; i++)
		put(s, "%s%.1f,%.1f", i ? " " : "", p[i].x, p[i].y);
	put(s, "\"");
}

/* ---- Appearance --------------------------------------------------------- */

/* Okabe-Ito colours (safe for the common colour-vision deficiencies), and
 * a texture for every state so that nothing depends on colour alone:
 * lines for reduced, a grid for absent (more lines, more loss), dots for
 * increased, stripes over the top for pain. */
#define SKIN "#f6efe6"
#define OUTLINE_INK "#5b5048"
#define REGION_EDGE "#b3a89c"
#define INK "#1a1a1a"
#define MUTED "#555555"
#define RED_FLAG "#b2182b"

static const char *const skin_fill[] = {
	[BODYCHART_UNTESTED] = "none",
	[BODYCHART_NORMAL] = "#c4e6d8",
	[BODYCHART_REDUCED] = "url(#fill-reduced)",
	[BODYCHART_ABSENT] = "url(#fill-absent)",
	[BODYCHART_INCREASED] = "url(#fill-increased)",
};
static const char *const skin_class[] = {
	[BODYCHART_UNTESTED] = "untested",
	[BODYCHART_NORMAL] = "normal",
	[BODYCHART_REDUCED] = "reduced",
	[BODYCHART_ABSENT] = "absent",
	[BODYCHART_INCREASED] = "increased",
};
static const char *const skin_words[] = {
	[BODYCHART_UNTESTED] = "not tested",
	[BODYCHART_NORMAL] = "tested normal",
	[BODYCHART_REDUCED] = "sensation reduced",
	[BODYCHART_ABSENT] = "sensation absent",
	[BODYCHART_INCREASED] = "sensation increased",
};

static void defs(sink *s)
{
	put(s, "<defs>\n"
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

static void silhouette(sink *s, bodychart_view view)
{
	bodychart_point p[BODYCHART_MAX_POINTS];

	/* Outline every part with a wide stroke, then fill them all without
	 * one: the overlaps vanish and only the body's outer edge is inked. */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 0)
			put(s, "<g fill=\"%s\" stroke=\"%s\" stroke-width=\"2.6\" "
			    "stroke-linejoin=\"round\">\n", OUTLINE_INK, OUTLINE_INK);
		else
			put(s, "<g fill=\"%s\">\n", SKIN);
		for (size_t i = 0; i < BASE_COUNT; i++) {
			if (bases[i].view != view)
				continue;
			for (int m = 0; m <= bases[i].both_sides; m++) {
				size_t n = place(&bases[i].shape, view, m, p);
				put(s, "<polygon");
				points(s, p, n);
				put(s, "/>\n");
			}
		}
		put(s, "</g>\n");
	}
	put(s, "<g fill=\"none\" stroke=\"%s\" stroke-width=\"0.9\" opacity=\"0.55\">\n",
	    OUTLINE_INK);
	for (size_t i = 0; i < HINT_COUNT; i++) {
		if (hints[i].view != view)
			continue;
		for (int m = 0; m <= hints[i].both_sides; m++) {
			size_t n = place(&hints[i].shape, view, m, p);
			put(s, "<polygon");
			points(s, p, n);
			put(s, "/>\n");
		}
	}
	if (view == BODYCHART_BACK) {
		/* The spine, from the vertebra prominens to the sacrum. */
		double x = views[view].x, k = views[view].scale, y = views[view].y;
		put(s, "<path d=\"M%.1f %.1fV%.1f\" stroke-dasharray=\"2 3\"/>\n", x,
		    y + k * 100, y + k * 290);
	}
	put(s, "</g>\n");
}

static void region(sink *s, const bodychart *c, size_t i, radloc_side side,
                   const bodychart_mark *m)
{
	const region_spec *r = &regions[i];
	bodychart_shape shape;
	bodychart_skin skin = m ? m->skin : BODYCHART_UNTESTED;
	int pain = m && m->pain, territory = m && m->territory;

	if (skin > BODYCHART_INCREASED)
		skin = BODYCHART_UNTESTED;
	bodychart_region_shape(r->id, side, &shape);
	put(s, "<g id=\"region-");
	text(s, r->id);
	put(s, "-%s\" class=\"region %s%s%s\" data-region=\"", radloc_side_name(side),
	    skin_class[skin], pain ? " pain" : "", territory ? " territory" : "");
	text(s, r->id);
	put(s, "\" data-side=\"%s\">\n<title>", radloc_side_name(side));
	text(s, region_name(c, r->id));
	if (!r->midline)
		put(s, ", %s", radloc_side_name(side));
	put(s, ": %s%s%s</title>\n", skin_words[skin], pain ? "; pain felt here" : "",
	    territory ? "; in the territory of the leading hypothesis" : "");
	/* Tested-normal skin keeps a firm green edge: told apart from untested
	 * skin in grey print too. */
	put(s, "<polygon fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"",
	    skin_fill[skin], skin == BODYCHART_NORMAL ? "#009e73" : REGION_EDGE,
	    skin == BODYCHART_NORMAL ? "1.3" : "0.7");
	points(s, shape.point, shape.count);
	put(s, "/>\n");
	if (pain) {
		put(s, "<polygon class=\"pain-overlay\" fill=\"url(#fill-pain)\" stroke=\"none\"");
		points(s, shape.point, shape.count);
		put(s, "/>\n");
	}
	if (territory) {
		put(s, "<polygon class=\"territory-outline\" fill=\"none\" stroke=\"%s\" "
		    "stroke-width=\"1.9\" stroke-dasharray=\"4.5 2.5\" stroke-linejoin=\"round\"",
		    INK);
		points(s, shape.point, shape.count);
		put(s, "/>\n");
	}
	put(s, "</g>\n");
}

static void draw_view(sink *s, const bodychart *c, bodychart_view view)
{
	put(s, "<g id=\"view-%s\">\n", views[view].name);
	silhouette(s, view);
	/* The territory last, so that its dashed outline is never painted over. */
	for (int outlined = 0; outlined < 2; outlined++) {
		for (size_t i = 0; i < REGION_COUNT; i++) {
			if (regions[i].view != view)
				continue;
			for (int k = 0; k < (regions[i].midline ? 1 : 2); k++) {
				radloc_side side = regions[i].midline ? RADLOC_MIDLINE
				                   : k == 0 ? RADLOC_LEFT : RADLOC_RIGHT;
				const bodychart_mark *m = find_mark(c, regions[i].id, side);
				if ((m && m->territory) == outlined)
					region(s, c, i, side, m);
			}
		}
	}
	put(s, "</g>\n");
}

/* ---- Labels and the panel ------------------------------------------------ */

static void label(sink *s, double x, double y, const char *attrs, const char *t)
{
	put(s, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attrs);
	text(s, t);
	put(s, "</text>\n");
}

/* Characters (not bytes) in a UTF-8 string. */
static size_t width_of(const char *t, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)t[i] & 0xC0) != 0x80;
	return w;
}

/* A paragraph broken at spaces into lines of at most `cols` characters.
 * Returns the y below it; with no sink, only measures. */
static double paragraph(sink *s, double x, double y, double step, size_t cols,
                        const char *attrs, const char *t)
{
	char line[512];
	const char *p = t ? t : "";

	while (*p) {
		size_t n = strlen(p), cut = n;
		if (width_of(p, n) > cols) {
			cut = 0;
			for (size_t i = 0; i < n && width_of(p, i) <= cols; i++)
				if (p[i] == ' ')
					cut = i;
			if (cut == 0)
				for (cut = 1; cut < n && width_of(p, cut) < cols; cut++)
					;
		}
		if (cut >= sizeof line)
			cut = sizeof line - 1;
		while (cut > 1 && cut < n && ((unsigned char)p[cut] & 0xC0) == 0x80)
			cut--; /* never split a character */
		memcpy(line, p, cut);
		line[cut] = '\0';
		if (s)
			label(s, x, y, attrs, line);
		y += step;
		p += cut;
		while (*p == ' ')
			p++;
	}
	return y;
}

static void view_labels(sink *s)
{
	const char *big = "font-size=\"26\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#333\"";
	const char *cap = "font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#333\"";
	const char *sub = "font-size=\"12\" text-anchor=\"middle\" fill=\"#555\"";
	for (int v = BODYCHART_FRONT; v <= BODYCHART_BACK; v++) {
		double x = views[v].x, k = views[v].scale, y = views[v].y;
		int left_right = views[v].left_on_right;
		label(s, x - k * 112, y + k * 40, big, left_right ? "R" : "L");
		label(s, x + k * 112, y + k * 40, big, left_right ? "L" : "R");
		label(s, x, y + k * 688, cap, v == BODYCHART_FRONT ? "FRONT" : "BACK");
		label(s, x, y + k * 688 + 16, sub, left_right
		      ? "patient's left on your right" : "patient's left on your left");
	}
	double x = views[BODYCHART_SOLES].x, y = views[BODYCHART_SOLES].y;
	label(s, x, y - 26, "font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" "
	      "fill=\"#333\"", "SOLES");
	label(s, x, y - 12, "font-size=\"11\" text-anchor=\"middle\" fill=\"#555\"",
	      "from the foot of the bed");
	label(s, x - 30, y + 122, "font-size=\"15\" font-weight=\"bold\" "
	      "text-anchor=\"middle\" fill=\"#333\"", "R");
	label(s, x + 30, y + 122, "font-size=\"15\" font-weight=\"bold\" "
	      "text-anchor=\"middle\" fill=\"#333\"", "L");
}

static double legend_row(sink *s, double x, double y, const char *fill,
                         const char *stroke, const char *extra, const char *t)
{
	put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"34\" height=\"18\" fill=\"%s\" "
	    "stroke=\"%s\" stroke-width=\"1\"/>\n", x, y - 13, fill, stroke);
	if (extra)
		put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"34\" height=\"18\" %s/>\n", x,
		    y - 13, extra);
	label(s, x + 44, y, "font-size=\"13\" fill=\"#1a1a1a\"", t);
	return y + 25;
}

static double legend(sink *s, const bodychart *c, double x, double y)
{
	label(s, x, y, "font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\"", "Skin");
	y += 24;
	y = legend_row(s, x, y, "url(#fill-reduced)", REGION_EDGE, NULL,
	               "sensation reduced (lines)");
	y = legend_row(s, x, y, "url(#fill-absent)", REGION_EDGE, NULL,
	               "sensation absent (grid)");
	y = legend_row(s, x, y, "url(#fill-increased)", REGION_EDGE, NULL,
	               "sensation increased (dots)");
	y = legend_row(s, x, y, skin_fill[BODYCHART_NORMAL], "#009e73", NULL,
	               "tested normal (pale green, green edge)");
	y = legend_row(s, x, y, SKIN, REGION_EDGE, NULL, "not tested");
	y = legend_row(s, x, y, SKIN, REGION_EDGE,
	               "fill=\"url(#fill-pain)\" stroke=\"none\"",
	               "pain radiates here (purple stripes)");
	y = legend_row(s, x, y, "none", "none",
	               "fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"1.9\" "
	               "stroke-dasharray=\"4.5 2.5\"",
	               "territory of the leading hypothesis:");
	return paragraph(s, x + 44, y - 6, 16, 50,
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
static double findings_panel(sink *s, const bodychart *c, double x, double y,
                             double bottom)
{
	static const char *const limbs[] = {"arm", "leg", "midline"};
	static const radloc_side sides[] = {RADLOC_LEFT, RADLOC_RIGHT, RADLOC_MIDLINE};
	const char *head = "font-size=\"13\" font-weight=\"bold\" fill=\"#1a1a1a\"";
	const char *line = "font-size=\"13\" fill=\"#1a1a1a\"";
	size_t shown = 0, total = c->note_count;
	char heading[64];

	label(s, x, y, "font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\"",
	      "Weakness, reflexes, signs");
	y += 22;
	for (size_t i = 0; i < c->mark_count; i++) {
		const bodychart_mark *m = &c->marks[i];
		bodychart_shape unused;
		if ((m->skin != BODYCHART_UNTESTED || m->pain) &&
		    (m->region == NULL ||
		     bodychart_region_shape(m->region, m->side, &unused) != 0))
			total++;
	}
	if (total == 0) {
		label(s, x, y, "font-size=\"13\" fill=\"#555555\"",
		      "none abnormal or none recorded");
		return y + 25;
	}
	for (size_t l = 0; l < 3; l++) {
		for (size_t k = 0; k < 3; k++) {
			int any = 0;
			for (size_t i = 0; i < c->note_count; i++) {
				const bodychart_note *n = &c->notes[i];
				if (n->side != sides[k] || n->limb == NULL ||
				    strcmp(n->limb, limbs[l]) != 0)
					continue;
				if (y + (any ? 0 : 19) > bottom)
					goto full;
				if (!any) {
					if (sides[k] == RADLOC_MIDLINE)
						snprintf(heading, sizeof heading, "Midline (sphincters, cord)");
					else
						snprintf(heading, sizeof heading, "%s %s", side_word(sides[k]),
						         limbs[l]);
					label(s, x, y, head, heading);
					y += 18;
					any = 1;
				}
				label(s, x + 12, y, line, n->text);
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
		    (m->region && bodychart_region_shape(m->region, m->side, &unused) == 0))
			continue;
		if (y + (any ? 0 : 19) > bottom)
			goto full;
		if (!any) {
			label(s, x, y, head, "Skin not on the chart");
			y += 18;
			any = 1;
		}
		char t[256];
		snprintf(t, sizeof t, "%s %s: %s%s", m->region ? m->region : "?",
		         radloc_side_name(m->side), skin_words[m->skin <= BODYCHART_INCREASED
		                                               ? m->skin : 0],
		         m->pain ? ", pain" : "");
		label(s, x + 12, y, line, t);
		y += 17;
		shown++;
	}
	return y + 8;
full:
	snprintf(heading, sizeof heading, "... and %zu more not shown",
	         total - shown);
	label(s, x, y, "font-size=\"13\" fill=\"#555555\"", heading);
	return y + 25;
}

static void ranking_panel(sink *s, const bodychart *c, double x, double y)
{
	char t[160];

	if (c->rank_count == 0)
		return;
	label(s, x, y, "font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\"",
	      "Most probable");
	y += 21;
	for (size_t i = 0; i < c->rank_count; i++) {
		double p = c->ranking[i].probability;
		put(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"11\" fill=\"%s\"/>\n",
		    x + 262, y - 10, 130 * (p < 0 ? 0 : p > 1 ? 1 : p),
		    i == 0 ? "#0072b2" : "#9ab8cf");
		label(s, x, y, "font-size=\"13\" fill=\"#1a1a1a\"",
		      c->ranking[i].label ? c->ranking[i].label : "?");
		snprintf(t, sizeof t, "%.0f %%", 100 * p);
		label(s, x + 254, y, "font-size=\"13\" fill=\"#1a1a1a\" text-anchor=\"end\"", t);
		y += 18;
	}
}

/* Characters per line of the red banner (14 px bold across the page). */
#define BANNER_COLUMNS 136

/* The title, the leader, the red banner and the other flags; returns the
 * y below them. */
static double header(sink *s, const bodychart *c)
{
	char t[512];

	snprintf(t, sizeof t, "Body chart: %s", c->exam_id && *c->exam_id
	         ? c->exam_id : "exam without id");
	label(s, 24, 40, "font-size=\"24\" font-weight=\"bold\" fill=\"#1a1a1a\"", t);
	if (c->leader)
		snprintf(t, sizeof t, "Leading hypothesis: %s (%.0f %%)   \xC2\xB7   pattern: %s",
		         c->leader, 100 * c->probability, c->pattern ? c->pattern : "?");
	else
		snprintf(t, sizeof t, "No hypothesis");
	label(s, 24, 68, "font-size=\"17\" fill=\"#1a1a1a\"", t);
	double y = 84;
	if (c->red_flag_count) {
		const char *ink = "font-size=\"14\" font-weight=\"bold\" fill=\"#ffffff\"";
		double h = 10;
		for (size_t i = 0; i < c->red_flag_count; i++) {
			snprintf(t, sizeof t, "RED FLAG \xE2\x80\x94 %s",
			         c->red_flags[i] ? c->red_flags[i] : "?");
			h = paragraph(NULL, 0, h, 18, BANNER_COLUMNS, ink, t);
		}
		put(s, "<g class=\"red-flags\" role=\"alert\">\n<rect x=\"16\" y=\"%.1f\" "
		    "width=\"%d\" height=\"%.1f\" rx=\"4\" fill=\"%s\"/>\n", y,
		    BODYCHART_WIDTH - 32, h, RED_FLAG);
		double line_y = y + 18;
		for (size_t i = 0; i < c->red_flag_count; i++) {
			snprintf(t, sizeof t, "RED FLAG \xE2\x80\x94 %s",
			         c->red_flags[i] ? c->red_flags[i] : "?");
			line_y = paragraph(s, 28, line_y, 18, BANNER_COLUMNS, ink, t);
		}
		put(s, "</g>\n");
		y += h + 4;
	}
	if (c->flag_count) {
		size_t n = (size_t)snprintf(t, sizeof t, "Flags:");
		for (size_t i = 0; i < c->flag_count && n < sizeof t; i++)
			n += (size_t)snprintf(t + n, sizeof t - n, "%s %s", i ? "," : "",
			                      c->flags[i] ? c->flags[i] : "?");
		label(s, 24, y + 14, "font-size=\"13\" fill=\"#555555\"", t);
		y += 22;
	}
	return y;
}

static void document(sink *s, const bodychart *c)
{
	put(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" "
	    "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "aria-labelledby=\"chart-title chart-desc\" "
	    "font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n",
	    BODYCHART_WIDTH, BODYCHART_HEIGHT, BODYCHART_WIDTH, BODYCHART_HEIGHT);
	put(s, "<title id=\"chart-title\">Body chart");
	if (c->exam_id && *c->exam_id) {
		put(s, " of exam ");
		text(s, c->exam_id);
	}
	put(s, "</title>\n<desc id=\"chart-desc\">Front and back views of the patient "
	    "standing with palms forward, and the soles. Shaded regions show the "
	    "skin findings; the dashed outline is the territory of the leading "
	    "hypothesis");
	if (c->leader) {
		put(s, " (");
		text(s, c->leader);
		put(s, ")");
	}
	put(s, ".</desc>\n");
	defs(s);
	put(s, "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n");
	double y = header(s, c) + 40, x = 850;
	for (int v = BODYCHART_FRONT; v <= BODYCHART_SOLES; v++)
		draw_view(s, c, (bodychart_view)v);
	view_labels(s);
	if (y < 150)
		y = 150;
	put(s, "<line x1=\"832\" y1=\"%.1f\" x2=\"832\" y2=\"%d\" stroke=\"#dddddd\"/>\n",
	    y - 20, BODYCHART_HEIGHT - 30);
	y = legend(s, c, x, y);
	/* The ranking sits at the foot of the panel; findings fill what is left. */
	double ranking_y = BODYCHART_HEIGHT - 40 - 18.0 * (double)c->rank_count;
	findings_panel(s, c, x, y + 12, ranking_y - 45);
	ranking_panel(s, c, x, ranking_y);
	put(s, "</svg>\n");
}

int bodychart_write(const bodychart *chart, FILE *out)
{
	sink s = {out, NULL, 0, 0, 0};
	if (chart == NULL || out == NULL) {
		errno = EINVAL;
		return -1;
	}
	document(&s, chart);
	if (fflush(out) != 0 || ferror(out))
		s.failed = 1;
	return s.failed ? -1 : 0;
}

int bodychart_render(const bodychart *chart, char **svg, size_t *size)
{
	sink s = {NULL, NULL, 0, 0, 0};
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
