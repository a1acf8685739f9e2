/* CDS Hooks 2.0 in `radloc serve` (docs/fhir.md): the discovery document
 * (GET /cds-services) and the service (POST /cds-services/radloc-localise)
 * that reads the patient's exam Observations from the hook request's
 * prefetch (a FHIR Bundle, as `radloc fhir` writes or a FHIR server's
 * search returns) and answers with cards. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "fhir.h"
#include "serve.h"

/* The prefetch template: the patient's examination Observations. */
#define PREFETCH_KEY "observations"

char *serve_cds_discovery(void)
{
	json_t *d = json_pack(
	    "{s:[{s:s, s:s, s:s, s:s, s:{s:s}}]}", "services",
	    "hook", "patient-view",
	    "title", "radloc lesion localisation",
	    "description", "Where in the peripheral nervous system (root, plexus, nerve, "
	                   "cord, cauda equina) the patient's bedside neurological exam points, "
	                   "with probabilities, reasons, red flags and the next best test",
	    "id", SERVE_CDS_SERVICE,
	    "prefetch", PREFETCH_KEY,
	    "Observation?patient={{context.patientId}}&category=exam");
	char *text = d ? json_dumps(d, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(d);
	return text;
}

/* The red flags that need action now (as `radloc score` shows them in
 * its alarm colour), each as a line of the critical card. */
static const struct {
	unsigned flag;
	const char *text;
} red[] = {
	{RADLOC_FLAG_CAUDA_EQUINA, "Cauda equina red flag: saddle or perianal sensory loss, "
	 "sphincter dysfunction or weakness of both legs. Same-day assessment and MRI."},
	{RADLOC_FLAG_UPPER_MOTOR_NEURON, "Upper motor neuron signs: think of the spinal cord "
	 "(myelopathy) and, with weakness and no sensory loss, motor neuron disease."},
	{RADLOC_FLAG_SENSORY_LEVEL, "Sensory level: a cord lesion at or above it (MRI of the cord)."},
	{RADLOC_FLAG_INCONSISTENT, "Inconsistent findings: no single lesion radloc models "
	 "explains them well; consider two processes and recheck the exam."},
};

static json_t *card(const char *summary, const char *detail, const char *indicator,
                    const char *source)
{
	return json_pack("{s:s, s:s, s:s, s:{s:s}}", "summary", summary, "detail", detail,
	                 "indicator", indicator, "source", "label", source);
}

/* The answer card's detail (markdown): ranking, reasons, next best test. */
static char *detail(const radloc_rules *rules, const radloc_result *res)
{
	size_t cap = 8192, n = 0;
	char *d = malloc(cap);
	if (d == NULL)
		return NULL;
#define ADD(...) (n += (size_t)snprintf(d + n, n < cap ? cap - n : 0, __VA_ARGS__))
	ADD("**Ranking** (posterior, 90 %% credible interval)\n\n");
	for (size_t i = 0; i < radloc_result_count(res) && i < 5; i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		ADD("%zu. %s: %.1f %% (%.1f-%.1f %%)\n", i + 1, h.label, 100 * h.probability,
		    100 * h.lower, 100 * h.upper);
	}
	/* The reasons: what moved the leader against its best rival, the
	 * strongest first (a likelihood ratio of at least 1.01). */
	size_t ne, shown = 0;
	radloc_evidence *ev = evidence_by_strength(res, &ne);
	for (size_t i = 0; ev && i < ne && shown < 6; i++) {
		if (ev[i].log_lr < 0.01)
			continue;
		if (shown++ == 0)
			ADD("\n**Reasons** (likelihood ratio between the two)\n\n");
		ADD("- %s: %.1f for %s over %s\n", ev[i].finding, exp(ev[i].log_lr), ev[i].supports,
		    ev[i].against);
	}
	free(ev);
	radloc_next_test t;
	if (radloc_result_next_test(res, &t) == RADLOC_OK) {
		const char *name = radloc_rules_name(rules, t.kind, t.id);
		ADD("\n**Next best test**: %s%s%s (separates %s from %s, %.2f bits)\n",
		    t.side != RADLOC_MIDLINE ? radloc_side_name(t.side) : "",
		    t.side != RADLOC_MIDLINE ? " " : "", name ? name : t.id, t.separates[0],
		    t.separates[1], t.information_gain);
	}
	ADD("\nDecision support, not a diagnosis.");
#undef ADD
	if (n >= cap)
		d[cap - 1] = '\0'; /* cut, never overrun: the card still reads */
	return d;
}

static json_t *cards(const radloc_rules *rules, const radloc_result *res)
{
	char source[160], summary[140];
	const char *v = radloc_rules_version(rules);
	snprintf(source, sizeof source, "radloc rule set %s (sha256 %s)", v ? v : "unversioned",
	         radloc_rules_sha256(rules));
	radloc_hypothesis h;
	radloc_result_hypothesis(res, 0, &h);
	snprintf(summary, sizeof summary, "radloc: %s, %.0f %% (%s)", h.label,
	         100 * h.probability, radloc_pattern_name(radloc_result_pattern(res)));
	char *d = detail(rules, res);
	unsigned flags = radloc_result_flags(res);
	json_t *list = json_array();
	if (d == NULL || list == NULL) {
		free(d);
		json_decref(list);
		return NULL;
	}
	char alarm[1024] = "";
	int n = 0;
	for (size_t i = 0; i < sizeof red / sizeof *red; i++)
		if (flags & red[i].flag) {
			size_t used = strlen(alarm);
			snprintf(alarm + used, sizeof alarm - used, "- %s\n", red[i].text);
			n++;
		}
	if (n > 0) {
		char s[140];
		snprintf(s, sizeof s, "radloc: %d red flag%s in the neurological exam", n,
		         n > 1 ? "s" : "");
		json_array_append_new(list, card(s, alarm, "critical", source));
	}
	json_array_append_new(list, card(summary, d, "info", source));
	free(d);
	return json_pack("{s:o}", "cards", list);
}

/* The exam's first problem, for the 400 answer. */
static void serve_cds_diag(const radloc_diag *diag, void *user)
{
	char *first = user;
	if (first[0] == '\0')
		snprintf(first, 300, "prefetch: %s", diag->message);
}

enum MHD_Result serve_cds(const radloc_rules *rules, serve_pool *pool,
                          const serve_settings *settings, struct MHD_Connection *c,
                          http_request *rq)
{
	json_error_t err;
	json_t *req = json_loadb(rq->body ? rq->body : "", rq->size, 0, &err);
	const char *hook = json_string_value(json_object_get(req, "hook"));
	if (req == NULL || hook == NULL || json_object_get(req, "hookInstance") == NULL) {
		json_decref(req);
		return http_respond_error(c, rq, 400, "not a CDS Hooks request (hook, hookInstance, "
		                          "context, prefetch)");
	}
	if (strcmp(hook, "patient-view") != 0) {
		json_decref(req);
		return http_respond_error(c, rq, 400, "this service answers the patient-view hook");
	}
	json_t *bundle = json_object_get(json_object_get(req, "prefetch"), PREFETCH_KEY);
	if (!json_is_object(bundle)) {
		/* CDS Hooks: 412 when the service cannot get the data it needs;
		 * radloc does not query the FHIR server itself. */
		json_decref(req);
		return http_respond_error(c, rq, 412, "prefetch." PREFETCH_KEY " (a Bundle of the "
		                          "patient's exam Observations) is required");
	}
	char why[160];
	json_t *exam_json = fhir_exam_of_bundle(rules, bundle, why, sizeof why);
	json_decref(req);
	if (exam_json == NULL)
		return http_respond_error(c, rq, 400, why);
	char *text = json_dumps(exam_json, JSON_COMPACT);
	json_decref(exam_json);
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	char first[300] = "";
	radloc_status s = text ? radloc_exam_parse(rules, text, strlen(text), "prefetch", 1,
	                                           serve_cds_diag, first, &exam)
	                       : RADLOC_ERR_NOMEM;
	free(text);
	if (s == RADLOC_ERR_EMPTY || (s == RADLOC_OK && radloc_exam_count(exam) == 0)) {
		/* No exam to read: nothing to say (an empty list of cards). */
		radloc_exam_free(&exam);
		return http_respond_json(c, rq, 200, strdup("{\"cards\": []}"));
	}
	if (s != RADLOC_OK)
		return http_respond_error(c, rq, s == RADLOC_ERR_NOMEM ? 500 : 400,
		                          first[0] ? first : radloc_strerror(s));
	radloc_scorer *sc = serve_pool_take(pool, settings);
	s = radloc_score(sc, exam, &res);
	serve_pool_give(pool, sc);
	json_t *out = s == RADLOC_OK ? cards(rules, res) : NULL;
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	if (s == RADLOC_ERR_EMPTY)
		return http_respond_json(c, rq, 200, strdup("{\"cards\": []}"));
	char *body = out ? json_dumps(out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(out);
	return http_respond_json(c, rq, 200, body);
}

