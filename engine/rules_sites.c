/* Nerve sites (docs/scoring.md, "Nerve sites"): a nerve's named sites
 * read from its `sites:` (pass 2), a sign's sensitivity at a site from
 * its `sites:` (pass 2), and in pass 3 what a lesion at each site takes
 * of each element and sign: the nerve's territory less what leaves above
 * the site. A new site is a rule edit: nothing here names one. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rules_loader.h"
#include "textutil.h"

/* spares: element or branch-nerve id -> fraction of the nerve's share
 * there that the site keeps out of the lesion (1: the branch leaves
 * above the site). An id names a nerve first, else every element table
 * that has it (a region and a movement never share an id in practice,
 * and if they did both would be spared). */
static int read_site_spares(rl_loader *L, const yt_node *key, const rl_field *field,
                            const char *what, void *dest)
{
	rl_site *site = dest;
	const yt_node *map = key->value;
	char label[200], buf[RL_PRINTABLE_SIZE];
	int bad = 0;

	(void)field;
	if (!rl_require_mapping(L, map, "spares"))
		return 1;
	if (map->count > RADLOC_MAX_SUPPLY) {
		yt_report(&L->d, map, RADLOC_ERR_LIMIT, "the spares of %s name more than 32 entries",
		   what);
		return 1;
	}
	/* At most one row per element table and one for a nerve. */
	site->spares = rl_arena_alloc(L->r->arena, (4 * map->count + 1) * sizeof(rl_spare));
	if (site->spares == NULL) {
		rl_loader_nomem(L);
		return 1;
	}
	for (const yt_node *k = map->first; k; k = k->next) {
		double fraction;
		size_t before = site->spare_count;
		snprintf(label, sizeof label, "the spared fraction of %s at %s",
		         rl_value_for_message(buf, k->text), what);
		if (rl_read_number(L, k->value, 0.0, 1.0, label, &fraction)) {
			bad++;
			continue;
		}
		long n = rl_rules_index(L->r, RADLOC_NERVE, k->text);
		if (n >= 0) {
			site->spares[site->spare_count++] = (rl_spare){RADLOC_NERVE, (int)n, fraction};
			continue;
		}
		for (int t = RADLOC_REGION; t <= RADLOC_REFLEX; t++) {
			long e = rl_rules_index(L->r, (radloc_kind)t, k->text);
			if (e >= 0)
				site->spares[site->spare_count++] =
					(rl_spare){(radloc_kind)t, (int)e, fraction};
		}
		if (site->spare_count == before) {
			yt_report(&L->d, k, RADLOC_ERR_REFERENCE,
			   "%s spares '%s', which is no nerve, region, movement or reflex", what,
			   rl_value_for_message(buf, k->text));
			bad++;
		}
	}
	return bad;
}

static const rl_field site_fields[] = {
	{"name", rl_read_text_field, offsetof(rl_site, name), 0},
	{"share", rl_read_positive_field, offsetof(rl_site, share), 1},
	{"spares", read_site_spares, 0, 0},
	{"source", rl_read_text_field, offsetof(rl_site, source), 1},
};

int rl_read_nerve_sites(rl_loader *L, const yt_node *key, const rl_field *field,
                        const char *what, void *dest)
{
	rl_nerve *nerve = dest;
	const yt_node *map = key->value;
	char label[200], buf[RL_PRINTABLE_SIZE];
	int bad = 0;

	(void)field;
	if (!rl_require_mapping(L, map, "sites"))
		return 1;
	if (map->count == 0 || map->count > RADLOC_MAX_SUPPLY) {
		yt_report(&L->d, map, RADLOC_ERR_LIMIT, "the sites of %s must be 1 to 32", what);
		return 1;
	}
	nerve->sites = rl_arena_alloc(L->r->arena, (map->count + 1) * sizeof(rl_site));
	if (nerve->sites == NULL) {
		rl_loader_nomem(L);
		return 1;
	}
	memset(nerve->sites, 0, (map->count + 1) * sizeof(rl_site));
	for (const yt_node *k = map->first; k; k = k->next) {
		rl_site *site = &nerve->sites[nerve->site_count];
		if (!rl_valid_id(k->text)) {
			yt_report(&L->d, k, RADLOC_ERR_VALUE,
			   "site '%s' of %s is not an id (letters, digits, '_')",
			   rl_value_for_message(buf, k->text), what);
			bad++;
			continue;
		}
		site->id = rl_arena_strdup(L->r->arena, k->text);
		if (site->id == NULL) {
			rl_loader_nomem(L);
			return bad + 1;
		}
		snprintf(label, sizeof label, "site '%s' of %s", site->id, what);
		bad += rl_read_mapping(L, k, site_fields, RL_FIELD_COUNT(site_fields), label, site);
		site->name = site->name ? site->name : site->id;
		site->nerve = (int)(nerve - L->r->nerves);
		nerve->site_count++;
	}
	return bad;
}

int rl_read_sign_sites(rl_loader *L, const yt_node *key, const rl_field *field,
                       const char *what, void *dest)
{
	rl_sign *sign = dest;
	const yt_node *map = key->value;
	char label[200], buf[RL_PRINTABLE_SIZE], nerve[RADLOC_MAX_ID_BYTES + 1];
	int bad = 0;

	(void)field;
	if (!rl_require_mapping(L, map, "sites"))
		return 1;
	sign->site_shares = rl_arena_alloc(L->r->arena, (map->count + 1) * sizeof(rl_site_share));
	if (sign->site_shares == NULL) {
		rl_loader_nomem(L);
		return 1;
	}
	for (const yt_node *k = map->first; k; k = k->next) {
		const char *dot = strchr(k->text, '.');
		size_t len = dot ? (size_t)(dot - k->text) : 0;
		long n = -1;
		if (dot && len <= RADLOC_MAX_ID_BYTES) {
			memcpy(nerve, k->text, len);
			nerve[len] = '\0';
			n = rl_rules_index(L->r, RADLOC_NERVE, nerve);
		}
		if (n < 0) {
			yt_report(&L->d, k, RADLOC_ERR_REFERENCE,
			   "%s: '%s' is not nerve.site (a nerve id, a dot, one of its sites)", what,
			   rl_value_for_message(buf, k->text));
			bad++;
			continue;
		}
		double s;
		snprintf(label, sizeof label, "sensitivity of %s at %s", what,
		         rl_value_for_message(buf, k->text));
		if (rl_read_number(L, k->value, 0.0, 1.0, label, &s)) {
			bad++;
			continue;
		}
		sign->site_shares[sign->site_share_count++] =
			(rl_site_share){(int)n, dot + 1, s, k};
	}
	return bad;
}

/* The fraction of nerve m's share that a lesion at site keeps in play:
 * 1 less the largest spared fraction of a branch that covers m. */
static double branch_kept(const radloc_rules *r, const rl_site *site, int m)
{
	double spared = 0.0;
	for (size_t i = 0; i < site->spare_count; i++) {
		const rl_spare *sp = &site->spares[i];
		if (sp->kind == RADLOC_NERVE && r->nerves[sp->index].covers[m] &&
		    sp->fraction > spared)
			spared = sp->fraction;
	}
	return 1.0 - spared;
}

static double element_kept(const rl_site *site, radloc_kind table, int e)
{
	double spared = 0.0;
	for (size_t i = 0; i < site->spare_count; i++)
		if (site->spares[i].kind == table && site->spares[i].index == e &&
		    site->spares[i].fraction > spared)
			spared = site->spares[i].fraction;
	return 1.0 - spared;
}

/* Give every nerve without `sites:` its one implicit site, normalise the
 * shares within each nerve, and number the sites. */
static int number_sites(rl_loader *L)
{
	radloc_rules *r = L->r;
	size_t total = 0;

	for (size_t n = 0; n < r->nerve_count; n++) {
		rl_nerve *nv = &r->nerves[n];
		if (nv->site_count == 0) {
			nv->sites = rl_arena_alloc(r->arena, sizeof(rl_site));
			if (nv->sites == NULL)
				return 1 + (rl_loader_nomem(L) != RADLOC_OK);
			memset(nv->sites, 0, sizeof(rl_site));
			nv->sites[0].share = 1.0;
			nv->sites[0].nerve = (int)n;
			nv->site_count = 1;
		}
		double sum = 0.0;
		for (size_t s = 0; s < nv->site_count; s++)
			sum += nv->sites[s].share;
		for (size_t s = 0; s < nv->site_count; s++)
			nv->sites[s].share /= sum;
		nv->site_base = total;
		total += nv->site_count;
	}
	r->site_count = total;
	r->sites = rl_arena_alloc(r->arena, (total + 1) * sizeof(rl_site *));
	if (r->sites == NULL)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	for (size_t n = 0; n < r->nerve_count; n++)
		for (size_t s = 0; s < r->nerves[n].site_count; s++)
			r->sites[r->nerves[n].site_base + s] = &r->nerves[n].sites[s];
	return 0;
}

/* A sign's explicit site sensitivities, their site names resolved. */
static int sign_site_overrides(rl_loader *L, rl_sign *sg)
{
	radloc_rules *r = L->r;
	int bad = 0;
	for (size_t j = 0; j < sg->site_share_count; j++) {
		const rl_site_share *x = &sg->site_shares[j];
		const rl_nerve *nv = &r->nerves[x->nerve];
		const char *names[RADLOC_MAX_SUPPLY + 1];
		size_t s, named = 0;
		for (s = 0; s < nv->site_count; s++) {
			if (nv->sites[s].id && strcmp(nv->sites[s].id, x->site) == 0)
				break;
			if (nv->sites[s].id && named < RADLOC_MAX_SUPPLY)
				names[named++] = nv->sites[s].id;
		}
		if (s == nv->site_count) {
			char where[RADLOC_MAX_ID_BYTES + 32];
			snprintf(where, sizeof where, "the sites of nerve '%s'", nv->e.id);
			L->d.file = sg->e.file;
			yt_report_unknown(&L->d, x->node, RADLOC_ERR_REFERENCE, "site", where, names,
			                  named);
			bad++;
			continue;
		}
		sg->site_sens[nv->site_base + s] = x->weight;
	}
	return bad;
}

int rl_derive_sites(rl_loader *L)
{
	radloc_rules *r = L->r;
	int bad = number_sites(L);
	if (bad)
		return bad;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			rl_element *el = &r->elements[k][e];
			radloc_kind table = (radloc_kind)(RADLOC_REGION + k);
			el->site_loss = rl_arena_alloc(r->arena, (r->site_count + 1) * sizeof(double));
			if (el->site_loss == NULL)
				return 1 + (rl_loader_nomem(L) != RADLOC_OK);
			for (size_t s = 0; s < r->site_count; s++) {
				const rl_site *site = r->sites[s];
				const unsigned char *covers = r->nerves[site->nerve].covers;
				double loss = 0.0;
				for (size_t j = 0; j < el->nerve_count; j++) {
					int m = el->nerves[j].index;
					if (covers[m])
						loss += el->nerves[j].weight * branch_kept(r, site, m);
				}
				loss *= element_kept(site, table, (int)e);
				el->site_loss[s] = loss > 1.0 ? 1.0 : loss;
			}
		}
	for (size_t i = 0; i < r->sign_count; i++) {
		rl_sign *sg = &r->signs[i];
		sg->site_sens = rl_arena_alloc(r->arena, (r->site_count + 1) * sizeof(double));
		if (sg->site_sens == NULL)
			return 1 + (rl_loader_nomem(L) != RADLOC_OK);
		for (size_t s = 0; s < r->site_count; s++) {
			const rl_site *site = r->sites[s];
			const unsigned char *covers = r->nerves[site->nerve].covers;
			double best = 0.0;
			for (size_t j = 0; j < sg->nerve_count; j++) {
				int m = sg->nerves[j].index;
				double v = covers[m] ? sg->nerves[j].weight * branch_kept(r, site, m) : 0.0;
				best = v > best ? v : best;
			}
			sg->site_sens[s] = best;
		}
		bad += sign_site_overrides(L, sg);
	}
	return bad;
}
