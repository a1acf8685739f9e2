/* radloc serve: the command, and what each URL of the clinician's page
 * and the HTTP API does (docs/serve.md). The HTTP plumbing is http.c.
 *
 * Every connection has a thread of its own; they share one immutable rule
 * set, and take a scorer from the pool (serve_pool.c) for each exam. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bodychart.h"
#include "cli.h"
#include "http.h"
#include "isncsci.h"
#include "options.h"
#include "page_assets.h"
#include "radloc_limits.h"
#include "serve.h"

/* Limits of a request: one exam is at most the exam limit; a batch body
 * at most 16 MiB (pipelines with more use `radloc batch`). */
#define SERVE_EXAM_BYTES ((size_t)RADLOC_MAX_EXAM_BYTES)
#define SERVE_BATCH_BYTES (16UL * 1024UL * 1024UL)
#define SERVE_DEFAULT_DRAWS 1000
/* --host-name may be given this many times: a server has a few names. */
#define SERVE_MAX_HOST_NAMES 8

void help_serve(FILE *out)
{
	fputs("usage: radloc serve [--bind ADDRESS] [--port N] [--threads N (scorers)]\n"
	      "                    [--host-name NAME]... [--rules PATH] [--quiet]\n"
	      "\n"
	      "Serve the clinician's page at / and the HTTP API:\n"
	      "  POST /v1/score       an exam (JSON or YAML) -> the result JSON\n"
	      "  POST /v1/batch       JSON Lines -> JSON Lines\n"
	      "  POST /v1/map         an exam -> the body chart (SVG)\n"
	      "  POST /v1/exam        an exam (or a teaching case) -> the exam as\n"
	      "                       normalised JSON\n"
	      "  POST /v1/case        a teaching case -> its exam and expected answer\n"
	      "  GET  /v1/vocabulary  the ids of the rule set, with names\n"
	      "  GET  /v1/chart.svg   the body chart with nothing marked\n"
	      "  GET  /healthz\n"
	      "  GET  /cds-services   CDS Hooks 2.0 discovery; POST /cds-services/\n"
	      "                       radloc-localise: patient-view -> cards (docs/fhir.md)\n"
	      "Query parameters of score, batch and map: draws, seed, top, interval.\n"
	      "Binds to 127.0.0.1:8080 unless told otherwise (--port 0: any free port;\n"
	      "the address is printed on stdout). Requests must name the server in\n"
	      "Host as the address bound (or localhost) or a --host-name, with the\n"
	      "port. Stops on SIGINT or SIGTERM.\n",
	      out);
}

typedef struct server {
	radloc_rules *rules;
	serve_pool *pool;
	char *vocabulary;
	size_t vocabulary_size;
} server;

/* {"error": {line, column, message}} with every problem listed too. */
typedef struct problems {
	json_t *list;
	unsigned long line, column;
	char first[600];
	int count;
} problems;

static void collect(const radloc_diag *d, void *user)
{
	problems *p = user;
	if (p->count++ == 0) {
		p->line = d->line;
		p->column = d->column;
		snprintf(p->first, sizeof p->first, "%s", d->message);
	}
	json_t *o = json_pack("{s:I,s:I,s:s}", "line", (json_int_t)d->line, "column",
	                      (json_int_t)d->column, "message", d->message);
	if (o && json_array_append_new(p->list, o) != 0)
		json_decref(o);
}

static enum MHD_Result respond_problems(struct MHD_Connection *c, http_request *rq,
                                        unsigned status, problems *p)
{
	json_t *root = json_pack("{s:{s:I,s:I,s:s},s:O}", "error", "line", (json_int_t)p->line,
	                         "column", (json_int_t)p->column, "message", p->first,
	                         "problems", p->list);
	char *text = root ? json_dumps(root, JSON_COMPACT) : NULL;
	json_decref(root);
	return http_respond_json(c, rq, status, text);
}

/* 400 for input that is not YAML/JSON, 422 well-formed but not a valid
 * exam, or past a limit of its shape (nesting, nodes, findings: the body
 * itself is within its size, which the HTTP layer answers with 413). */
static unsigned status_of(radloc_status s)
{
	switch (s) {
	case RADLOC_ERR_SYNTAX: return 400;
	case RADLOC_ERR_NOMEM:
	case RADLOC_ERR_INTERNAL:
	case RADLOC_ERR_NUMERIC: return 500;
	default: return 422;
	}
}

/* ---- settings from the query ------------------------------------------------- */

static int configure(struct MHD_Connection *c, serve_settings *set, char *why, size_t size)
{
	unsigned long v;
	int got;
	*set = (serve_settings){SERVE_DEFAULT_DRAWS, 1, 0, 0.90};
	if ((got = http_query_number(c, "draws", RADLOC_MAX_DRAWS, &v)) < 0) {
		snprintf(why, size, "draws must be a whole number 0..%d", RADLOC_MAX_DRAWS);
		return -1;
	}
	if (got)
		set->draws = v;
	if ((got = http_query_number(c, "seed", ~0UL, &v)) < 0) {
		snprintf(why, size, "seed must be a whole number");
		return -1;
	}
	if (got)
		set->seed = v;
	if ((got = http_query_number(c, "top", CLI_MAX_TOP, &v)) < 0) {
		snprintf(why, size, "top must be a whole number (0 = all)");
		return -1;
	}
	if (got)
		set->top = v;
	const char *iv = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "interval");
	if (iv) {
		char *end;
		double m = strtod(iv, &end);
		if (*end != '\0' || !(m > 0.0 && m < 1.0)) {
			snprintf(why, size, "interval must be a mass between 0 and 1, like 0.90");
			return -1;
		}
		set->interval = m;
	}
	return 0;
}

/* ---- endpoints ------------------------------------------------------------------ */

enum action { ACTION_SCORE, ACTION_MAP, ACTION_EXAM, ACTION_CASE };

static enum MHD_Result exam_endpoint(server *srv, struct MHD_Connection *c, http_request *rq,
                                     enum action action)
{
	problems p = {json_array(), 0, 0, "", 0};
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	char why[128];
	enum MHD_Result ret;

	if (p.list == NULL)
		return http_respond_error(c, rq, 500, "out of memory");
	if (action == ACTION_CASE) {
		/* The quiz: the case's exam and the answer its teacher expects. */
		radloc_case *tc = NULL;
		radloc_status cs = radloc_case_parse(srv->rules, rq->body ? rq->body : "", rq->size,
		                                     "request", collect, &p, &tc);
		ret = cs == RADLOC_OK ? http_respond_json(c, rq, 200, serve_case_json(tc))
		                      : respond_problems(c, rq, status_of(cs), &p);
		radloc_case_free(&tc);
		json_decref(p.list);
		return ret;
	}
	/* An ISNCSCI worksheet is recognised by its content (docs/isncsci.md). */
	cli_isncsci_values ws, *wsp = cli_isncsci_is_worksheet(rq->body ? rq->body : "", rq->size) ? &ws : NULL;
	radloc_status s = wsp ? cli_isncsci_parse(srv->rules, rq->body, rq->size, "request", collect, &p, &exam, wsp)
	                      : radloc_exam_parse(srv->rules, rq->body ? rq->body : "", rq->size,
	                                          "request", 1, collect, &p, &exam);
	if (s != RADLOC_OK && action == ACTION_EXAM) {
		/* A teacher may load a teaching case: its exam is what the page
		 * wants (the case's own problems, if any, are the ones to show). */
		radloc_case *tc = NULL;
		problems q = {json_array(), 0, 0, "", 0};
		if (q.list && radloc_case_parse(srv->rules, rq->body ? rq->body : "", rq->size,
		                                "request", collect, &q, &tc) == RADLOC_OK) {
			char *text = NULL;
			s = radloc_exam_json(radloc_case_exam(tc), 0, &text);
			radloc_case_free(&tc);
			json_decref(q.list);
			json_decref(p.list);
			return s == RADLOC_OK ? http_respond_json(c, rq, 200, text)
			                      : http_respond_error(c, rq, 500, radloc_strerror(s));
		}
		json_decref(q.list);
	}
	if (s != RADLOC_OK) {
		ret = respond_problems(c, rq, status_of(s), &p);
		json_decref(p.list);
		return ret;
	}
	json_decref(p.list);
	if (action == ACTION_EXAM) {
		char *text = NULL;
		s = radloc_exam_json(exam, 0, &text);
		radloc_exam_free(&exam);
		return s == RADLOC_OK ? http_respond_json(c, rq, 200, text)
		                      : http_respond_error(c, rq, 500, radloc_strerror(s));
	}
	serve_settings set;
	if (configure(c, &set, why, sizeof why) != 0) {
		radloc_exam_free(&exam);
		return http_respond_error(c, rq, 400, why);
	}
	radloc_scorer *sc = serve_pool_take(srv->pool, &set);
	s = radloc_score(sc, exam, &res);
	serve_pool_give(srv->pool, sc);
	if (s != RADLOC_OK) {
		radloc_exam_free(&exam);
		return http_respond_error(c, rq, s == RADLOC_ERR_EMPTY ? 422 : 500, radloc_strerror(s));
	}
	if (action == ACTION_MAP) {
		char *svg = NULL;
		size_t size = 0;
		int rc = map_render(srv->rules, exam, res, NULL, &svg, &size);
		radloc_result_free(&res);
		radloc_exam_free(&exam);
		if (rc != EXIT_OK)
			return http_respond_error(c, rq, 500, "cannot draw the chart");
		return http_respond(c, rq, 200, "image/svg+xml", svg, size, 1);
	}
	char *text = NULL;
	s = radloc_result_json(res, 0, &text);
	if (s == RADLOC_OK)
		text = cli_isncsci_json(text, 0, res, wsp);
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	return s == RADLOC_OK ? http_respond_json(c, rq, 200, text)
	                      : http_respond_error(c, rq, 500, radloc_strerror(s));
}

/* A body to /v1/batch may hold many exams; any other, one. */
static size_t body_limit(const char *url)
{
	/* A hook request's Bundle is a few kB per finding: the batch limit. */
	return strcmp(url, "/v1/batch") == 0 || strncmp(url, "/cds-services/", 14) == 0
	       ? SERVE_BATCH_BYTES : SERVE_EXAM_BYTES;
}

/* The methods each path takes, for 405 and OPTIONS; NULL: no such path. */
static const char *allowed(const char *url)
{
	static const char *const posts[] = {"/v1/score", "/v1/map", "/v1/exam", "/v1/case",
	                                    "/v1/batch", "/cds-services/" SERVE_CDS_SERVICE};
	const char *type;
	if (page_file_at(url, &type) != NULL || strcmp(url, "/healthz") == 0 ||
	    strcmp(url, "/v1/chart.svg") == 0 || strcmp(url, "/v1/vocabulary") == 0 ||
	    strcmp(url, "/cds-services") == 0)
		return "GET, HEAD, OPTIONS";
	for (size_t i = 0; i < sizeof posts / sizeof posts[0]; i++)
		if (strcmp(url, posts[i]) == 0)
			return "POST, OPTIONS";
	return NULL;
}

/* What each URL does. */
static enum MHD_Result route(void *app, struct MHD_Connection *c, http_request *rq,
                             const char *url, const char *method)
{
	server *srv = app;
	rq->allow = allowed(url);
	if (rq->allow == NULL)
		return http_respond_error(c, rq, 404, "no such page (see /, /v1/score, /v1/batch, "
		                     "/v1/map, /v1/exam, /v1/case, /v1/vocabulary, /v1/chart.svg, /healthz, "
		                     "/cds-services)");
	if (strcmp(method, "OPTIONS") == 0)
		return http_respond(c, rq, 204, "text/plain", (char *)"", 0, 0);
	int get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
	int post = strcmp(method, "POST") == 0;
	if (!(rq->allow[0] == 'G' ? get : post))
		return http_respond_error(c, rq, 405, rq->allow[0] == 'G'
		                          ? "use GET" : "use POST with the exam as the body");

	const char *page_type = NULL;
	const page_file *page = page_file_at(url, &page_type);
	if (page != NULL)
		return http_respond(c, rq, 200, page_type, (char *)page->bytes, page->size, 0);
	if (strcmp(url, "/healthz") == 0) {
		/* jansson: the rule set's version is the rules' text, to escape. */
		const char *rv = radloc_rules_version(srv->rules);
		json_t *o = json_pack("{s:s, s:s, s:I, s:I, s:{s:o, s:s}}", "status", "ok",
		                      "version", radloc_version(),
		                      "roots", (json_int_t)radloc_rules_count(srv->rules, RADLOC_ROOT),
		                      "nerves", (json_int_t)radloc_rules_count(srv->rules, RADLOC_NERVE),
		                      "rules", "version", rv ? json_string(rv) : json_null(),
		                      "sha256", radloc_rules_sha256(srv->rules));
		char *body = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
		json_decref(o);
		if (body == NULL)
			return http_respond_error(c, rq, 500, "out of memory");
		return http_respond(c, rq, 200, "application/json", body, strlen(body), 1);
	}
	if (strcmp(url, "/v1/chart.svg") == 0) {
		/* The chart before any finding: every region, nothing marked. */
		bodychart blank;
		memset(&blank, 0, sizeof blank);
		blank.rules = srv->rules;
		char *svg = NULL;
		size_t size = 0;
		if (bodychart_render(&blank, &svg, &size) != 0)
			return http_respond_error(c, rq, 500, "out of memory");
		return http_respond(c, rq, 200, "image/svg+xml", svg, size, 1);
	}
	if (strcmp(url, "/v1/vocabulary") == 0)
		return http_respond(c, rq, 200, "application/json", srv->vocabulary,
		                    srv->vocabulary_size, 0);
	if (strcmp(url, "/cds-services") == 0)
		return http_respond_json(c, rq, 200, serve_cds_discovery());
	if (strcmp(url, "/v1/batch") == 0 || strcmp(url, "/cds-services/" SERVE_CDS_SERVICE) == 0) {
		serve_settings set;
		char why[128];
		if (configure(c, &set, why, sizeof why) != 0)
			return http_respond_error(c, rq, 400, why);
		return url[1] == 'c' ? serve_cds(srv->rules, srv->pool, &set, c, rq)
		                     : serve_batch(srv->rules, srv->pool, &set, c, rq);
	}
	return exam_endpoint(srv, c, rq, strcmp(url, "/v1/map") == 0 ? ACTION_MAP
	                                 : strcmp(url, "/v1/exam") == 0 ? ACTION_EXAM
	                                 : strcmp(url, "/v1/case") == 0 ? ACTION_CASE
	                                 : ACTION_SCORE);
}

static char *vocabulary(const radloc_rules *rules, size_t *size)
{
	static const char *const keys[RADLOC_KIND_COUNT] = {
		"roots", "nerves", "regions", "movements", "reflexes", "signs",
	};
	json_t *root = json_object();
	for (int k = 0; root && k < RADLOC_KIND_COUNT; k++) {
		json_t *list = json_array();
		for (size_t i = 0; list && i < radloc_rules_count(rules, (radloc_kind)k); i++) {
			radloc_entry_info info;
			const char *id = radloc_rules_id(rules, (radloc_kind)k, i);
			radloc_rules_info(rules, (radloc_kind)k, id, &info);
			json_t *o = json_pack("{s:s,s:s}", "id", id, "name", info.name);
			if (o && info.limb)
				json_object_set_new(o, "limb", json_string(info.limb));
			if (o && info.muscles)
				json_object_set_new(o, "muscles", json_string(info.muscles));
			/* The page's stocking and glove tool marks a limb up to a
			 * polyneuropathy extent's distal_rank (rules/patterns.yaml). */
			if (o && k == RADLOC_REGION)
				json_object_set_new(o, "distal_rank", json_real(info.distal_rank));
			if (o == NULL || json_array_append_new(list, o) != 0) {
				json_decref(o);
				json_decref(list);
				list = NULL;
			}
		}
		if (list == NULL || json_object_set_new(root, keys[k], list) != 0) {
			json_decref(root);
			root = NULL;
		}
	}
	char *text = root ? json_dumps(root, JSON_COMPACT) : NULL;
	json_decref(root);
	*size = text ? strlen(text) : 0;
	return text;
}

int cmd_serve(int argc, char **argv)
{
	const char *bind_to = "127.0.0.1", *rules_option = NULL;
	/* The names a request's Host may say: the address bound, "localhost"
	 * when it is a loopback one, and each --host-name. */
	const char *names[2 + SERVE_MAX_HOST_NAMES];
	size_t name_count = 2;
	unsigned long port = 8080, threads = 0;
	int quiet = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *end;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			help_serve(stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--bind") == 0 && i + 1 < argc) {
			bind_to = argv[++i];
		} else if (strcmp(a, "--host-name") == 0 && i + 1 < argc) {
			if (name_count == sizeof names / sizeof names[0] || argv[i + 1][0] == '\0' ||
			    strpbrk(argv[i + 1], ":/ ") != NULL) {
				fprintf(stderr, "radloc serve: --host-name '%s': give up to %d names, "
				        "each without port or scheme\n", argv[i + 1], SERVE_MAX_HOST_NAMES);
				return EXIT_USAGE;
			}
			names[name_count++] = argv[++i];
		} else if (strcmp(a, "--rules") == 0 && i + 1 < argc) {
			rules_option = argv[++i];
		} else if (strcmp(a, "--quiet") == 0) {
			quiet = 1;
		} else if ((strcmp(a, "--port") == 0 || strcmp(a, "--threads") == 0) && i + 1 < argc) {
			unsigned long v = strtoul(argv[i + 1], &end, 10);
			if (*argv[i + 1] == '\0' || *end != '\0' ||
			    v > (a[2] == 'p' ? 65535UL : 64UL)) {
				fprintf(stderr, "radloc serve: %s '%s' is not a whole number 0..%s\n", a,
				        argv[i + 1], a[2] == 'p' ? "65535" : "64");
				return EXIT_USAGE;
			}
			if (a[2] == 'p')
				port = v;
			else
				threads = v;
			i++;
		} else {
			fprintf(stderr, "radloc serve: unknown option or missing value '%s' "
			        "(radloc help serve)\n", a);
			return EXIT_USAGE;
		}
	}
	http_address address;
	if (http_address_parse(bind_to, port, &address) != 0) {
		fprintf(stderr, "radloc serve: --bind '%s' is not an IPv4 or IPv6 address\n", bind_to);
		return EXIT_USAGE;
	}
	char bracketed[64];
	snprintf(bracketed, sizeof bracketed, "[%s]", bind_to);
	names[0] = address.ipv6 ? bracketed : bind_to;
	names[1] = strncmp(bind_to, "127.", 4) == 0 || strcmp(bind_to, "::1") == 0
	           ? "localhost" : names[0];
	server srv = {NULL, NULL, NULL, 0};
	int rc = cli_load_rules(rules_option, &srv.rules);
	if (rc != EXIT_OK)
		return rc;
	srv.vocabulary = vocabulary(srv.rules, &srv.vocabulary_size);
	if (threads == 0)
		threads = sysconf(_SC_NPROCESSORS_ONLN) > 0
		          ? (unsigned long)sysconf(_SC_NPROCESSORS_ONLN) : 2;
	if (srv.vocabulary)
		srv.pool = serve_pool_new(srv.rules, threads);
	if (srv.vocabulary == NULL || srv.pool == NULL) {
		free(srv.vocabulary);
		radloc_rules_free(&srv.rules);
		return EXIT_INTERNAL;
	}
	http_service service = {route, body_limit, allowed, &srv, quiet, names, name_count, 0};
	rc = http_serve(&service, &address);
	serve_pool_free(&srv.pool);
	free(srv.vocabulary);
	radloc_rules_free(&srv.rules);
	return rc;
}
