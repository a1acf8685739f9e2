/* The territory of a hypothesis: the structures a lesion of it involves
 * and the elements (skin regions, movements, reflexes) where it would show,
 * read from the rule set. radloc map outlines its skin regions. */
#include <math.h>
#include <string.h>

#include "rules_impl.h"
#include "territory.h"

typedef struct link_list {
	radloc_link *out;
	size_t cap, count;
} link_list;

static void put(link_list *l, radloc_kind kind, const rl_entry *e, double weight)
{
	if (l->count < l->cap)
		l->out[l->count] = (radloc_link){kind, e->id, weight, e->source};
	l->count++;
}

static const rl_element *element(const radloc_rules *r, int k, size_t e)
{
	return &r->elements[k][e];
}

/* One root's or two adjacent roots' share of an element: the larger, as a
 * lesion of either shows where that root reaches. */
static double roots_share(const rl_element *el, const long *roots, size_t n)
{
	double share = 0.0;
	for (size_t j = 0; j < el->root_count; j++)
		for (size_t i = 0; i < n; i++)
			if (el->roots[j].index == roots[i] && el->roots[j].weight > share)
				share = el->roots[j].weight;
	return share;
}

static void root_territory(const radloc_rules *r, const radloc_hypothesis *h,
                           link_list *l)
{
	long roots[RADLOC_MAX_ROOTS];
	size_t n = 0;

	for (size_t i = 0; i < h->root_count && i < RADLOC_MAX_ROOTS; i++) {
		long k = rl_rules_index(r, RADLOC_ROOT, h->roots[i]);
		if (k >= 0) {
			roots[n++] = k;
			put(l, RADLOC_ROOT, &r->roots[k].e, 1.0);
		}
	}
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			double share = roots_share(element(r, k, e), roots, n);
			if (n > 0 && share >= KEY_SHARE)
				put(l, (radloc_kind)(RADLOC_REGION + k), &element(r, k, e)->e, share);
		}
}

/* A nerve's territory, at its named site when the hypothesis names one
 * (what leaves above the site is not part of it), else its whole one. */
static void nerve_territory(const radloc_rules *r, const char *nerve, const char *site,
                            link_list *l)
{
	long v = rl_rules_index(r, RADLOC_NERVE, nerve);
	if (v < 0)
		return;
	const rl_nerve *nv = &r->nerves[v];
	long at = -1;
	for (size_t x = 0; site && x < nv->site_count; x++)
		if (nv->sites[x].id && strcmp(nv->sites[x].id, site) == 0)
			at = (long)(nv->site_base + x);
	put(l, RADLOC_NERVE, &nv->e, 1.0);
	/* nerve_loss counts the nerve's branches too (radloc_rules_supplies). */
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			const rl_element *el = element(r, k, e);
			double share = at >= 0 ? el->site_loss[at] : el->nerve_loss[v];
			if (share >= KEY_SHARE)
				put(l, (radloc_kind)(RADLOC_REGION + k), &el->e, share);
		}
}

/* A plexus element: its roots, then the elements it carries at least
 * KEY_SHARE of (rl_plexus_share: its roots' fibres on the routes through
 * it). */
static void plexus_territory(const radloc_rules *r, const char *id, link_list *l)
{
	long p = rl_plexus_index(r, id);
	if (p < 0)
		return;
	const rl_plexus *px = &r->plexus[p];
	for (int i = 0; i < px->root_count; i++)
		put(l, RADLOC_ROOT, &r->roots[px->roots[i]].e, 1.0);
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			double share = rl_plexus_share(element(r, k, e), px);
			if (share >= KEY_SHARE)
				put(l, (radloc_kind)(RADLOC_REGION + k), &element(r, k, e)->e, share);
		}
}

/* Length-dependent: every limb element at or beyond the extent's distal
 * rank, the longest axons first. */
static void extent_territory(const radloc_rules *r, const char *extent, link_list *l)
{
	double threshold = radloc_rules_extent_threshold(r, extent);
	if (threshold < 0)
		return;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			const rl_element *el = element(r, k, e);
			if (el->limb != RL_MIDLINE && el->distal_rank >= threshold)
				put(l, (radloc_kind)(RADLOC_REGION + k), &el->e, 1.0);
		}
}

/* The sacral roots are those that supply the midline skin (the saddle and
 * perianal regions): the rule set, not this file, says which they are. */
static int is_sacral(const radloc_rules *r, int root)
{
	const int regions = 0; /* the first element table */
	for (size_t e = 0; e < r->element_count[regions]; e++) {
		const rl_element *el = element(r, regions, e);
		if (el->limb != RL_MIDLINE)
			continue;
		for (size_t j = 0; j < el->root_count; j++)
			if (el->roots[j].index == root)
				return 1;
	}
	return 0;
}

/* The sacral roots' joint share of an element, added largest first (the
 * order of radloc_rules_suppliers) so that a share on the threshold falls
 * on the same side of it whichever way the rule file lists the roots. */
static double sacral_share(const radloc_rules *r, const rl_element *el)
{
	double share = 0.0, below = INFINITY;
	size_t below_at = 0;

	for (;;) {
		size_t best = el->root_count;
		for (size_t j = 0; j < el->root_count; j++) {
			double w = el->roots[j].weight;
			int after = w < below || (w == below && j > below_at);
			if (after && (best == el->root_count || w > el->roots[best].weight))
				best = j;
		}
		if (best == el->root_count)
			return share;
		if (is_sacral(r, el->roots[best].index))
			share += el->roots[best].weight;
		below = el->roots[best].weight;
		below_at = best;
	}
}

/* Cauda equina: the sacral roots, cranial to caudal (S2-S4, as clinicians
 * name them), then the midline elements and every element they carry
 * together at least KEY_SHARE of, on both sides. */
static void cauda_territory(const radloc_rules *r, link_list *l)
{
	long last_level = 0;
	size_t last = r->root_count;

	for (;;) {
		size_t next = r->root_count;
		for (size_t i = 0; i < r->root_count; i++) {
			long level = r->roots[i].level;
			int after = last == r->root_count || level > last_level ||
			            (level == last_level && i > last);
			if (after && is_sacral(r, (int)i) &&
			    (next == r->root_count || level < r->roots[next].level))
				next = i;
		}
		if (next == r->root_count)
			break;
		put(l, RADLOC_ROOT, &r->roots[next].e, 1.0);
		last = next;
		last_level = r->roots[next].level;
	}
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			const rl_element *el = element(r, k, e);
			double share = sacral_share(r, el);
			if (share >= KEY_SHARE || el->limb == RL_MIDLINE)
				put(l, (radloc_kind)(RADLOC_REGION + k), &el->e, share);
		}
}

size_t radloc_rules_territory(const radloc_rules *rules,
                              const radloc_hypothesis *hypothesis,
                              radloc_link *out, size_t cap)
{
	link_list l = {out, out ? cap : 0, 0};
	const radloc_hypothesis *h = hypothesis;

	if (rules == NULL || h == NULL)
		return 0;
	if (h->part_count > 0) {
		/* Two lesions: the first part's territory, then the second's
		 * (each on its own part's side). */
		size_t n = 0;
		for (size_t k = 0; k < h->part_count && k < 2; k++) {
			size_t at = n < l.cap ? n : l.cap;
			n += radloc_rules_territory(rules, h->parts[k], out ? out + at : NULL,
			                            l.cap - at);
		}
		return n;
	}
	if (h->root_count > 0)
		root_territory(rules, h, &l);
	else if (h->nerve)
		nerve_territory(rules, h->nerve, h->site, &l);
	else if (h->plexus)
		plexus_territory(rules, h->plexus, &l);
	else if (h->pattern == RADLOC_POLYNEUROPATHY && h->extent)
		extent_territory(rules, h->extent, &l);
	else if (h->pattern == RADLOC_CAUDA_EQUINA)
		cauda_territory(rules, &l);
	return l.count;
}
