/* Internal: the share that puts an element in a lesion's territory, shared
 * by the hypotheses' key elements (hypotheses.c) and the territory drawn on
 * the body chart (territory.c), so that both mean the same thing. */
#ifndef RADLOC_TERRITORY_H
#define RADLOC_TERRITORY_H

#include "radloc.h"

#define KEY_SHARE RADLOC_TERRITORY_SHARE

#endif
