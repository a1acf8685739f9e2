/* The scoring side of `radloc serve`: the query's settings, the pool of
 * scorers that bounds how many exams are scored at once, and the streamed
 * batch (cmd_serve.c routes to them). */
#ifndef RADLOC_CLI_SERVE_H
#define RADLOC_CLI_SERVE_H

#include <stddef.h>

#include "http.h"
#include "radloc.h"

/* draws, seed, top and interval of one request (the query's, or the
 * defaults). */
typedef struct serve_settings {
	unsigned long draws, seed, top;
	double interval;
} serve_settings;

/* The scorers, one per exam scored at once. Connections wait for one in
 * the order they asked (first come, first served), and a batch gives its
 * scorer back after each exam: a small request waits for at most one
 * exam of each batch running, never for a whole batch. */
typedef struct serve_pool serve_pool;

serve_pool *serve_pool_new(const radloc_rules *rules, size_t scorers);
void serve_pool_free(serve_pool **pool);

/* A scorer set to the settings, waiting for one if all are busy. Give
 * it back with serve_pool_give. */
radloc_scorer *serve_pool_take(serve_pool *pool, const serve_settings *settings);
void serve_pool_give(serve_pool *pool, radloc_scorer *scorer);

/* POST /v1/batch: the body's lines scored one by one as the client reads
 * the answer (JSON Lines, chunked), after the work cap is checked (413).
 * Takes the body from rq. */
enum MHD_Result serve_batch(const radloc_rules *rules, serve_pool *pool,
                            const serve_settings *settings, struct MHD_Connection *c,
                            http_request *rq);

/* POST /v1/case: a teaching case as {id, source, exam, expect} (the exam
 * as /v1/exam writes it; expect with pattern, label, site, extent, level,
 * form, within, flags), a JSON text freed with free(); NULL when out of
 * memory. */
char *serve_case_json(const radloc_case *tc);

/* CDS Hooks 2.0 (serve_cds.c, docs/fhir.md): the discovery document
 * (GET /cds-services; a JSON text freed with free(), NULL when out of
 * memory) and the service (POST /cds-services/radloc-localise): a
 * patient-view request whose prefetch holds the exam Observations,
 * answered with cards. */
#define SERVE_CDS_SERVICE "radloc-localise"
char *serve_cds_discovery(void);
enum MHD_Result serve_cds(const radloc_rules *rules, serve_pool *pool,
                          const serve_settings *settings, struct MHD_Connection *c,
                          http_request *rq);

#endif
