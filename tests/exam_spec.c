/* Exams for the tests, written as one compact line (see tests.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

radloc_exam *exam_of(const radloc_rules *r, const char *spec)
{
	radloc_exam *e = radloc_exam_new(r);
	char *copy = strdup(spec), *save = NULL;
	for (char *tok = strtok_r(copy, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
		char k[4], id[64], sd[4], v[16] = "";
		ck_assert_int_ge(sscanf(tok, " %3s %63s %3s %15s", k, id, sd, v), 3);
		radloc_side side = sd[0] == 'L' ? RADLOC_LEFT : sd[0] == 'R' ? RADLOC_RIGHT
		                 : sd[0] == 'B' ? RADLOC_BILATERAL : RADLOC_MIDLINE;
		radloc_status s = RADLOC_ERR_INTERNAL;
		int nt = strcmp(v, "NT") == 0;
		switch (k[0]) {
		case 'S':
			s = radloc_exam_add_sensory(e, id, side, nt ? RADLOC_SENSATION_NT
			    : strcmp(v, "normal") == 0 ? RADLOC_SENSATION_NORMAL
			    : strcmp(v, "reduced") == 0 ? RADLOC_SENSATION_REDUCED
			    : strcmp(v, "absent") == 0 ? RADLOC_SENSATION_ABSENT
			    : RADLOC_SENSATION_INCREASED, 0);
			break;
		case 'M': s = radloc_exam_add_motor(e, id, side, nt ? RADLOC_NT : atoi(v)); break;
		case 'R': s = radloc_exam_add_reflex(e, id, side, nt ? RADLOC_NT : atoi(v)); break;
		case 'G':
			s = radloc_exam_add_sign(e, id, side, nt ? RADLOC_SIGN_NT
			    : strcmp(v, "pos") == 0 ? RADLOC_SIGN_POSITIVE : RADLOC_SIGN_NEGATIVE);
			break;
		case 'P': s = radloc_exam_add_pain(e, id, side); break;
		}
		ck_assert_msg(s == RADLOC_OK, "cannot add '%s': %s", tok, radloc_strerror(s));
	}
	free(copy);
	return e;
}
