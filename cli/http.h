/* The HTTP plumbing of `radloc serve`, over libmicrohttpd: listening,
 * reading a request body in full up to its limit, answering with the
 * headers every answer carries, and one log line per request. What each
 * URL does is the caller's (cmd_serve.c). */
#ifndef RADLOC_CLI_HTTP_H
#define RADLOC_CLI_HTTP_H

#include <microhttpd.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

struct http_stream;

/* One request while it is read and answered. */
typedef struct http_request {
	char *body;             /* NUL-terminated; NULL when there was none */
	size_t size, cap, limit;
	int too_big;            /* past limit: the rest was read and dropped */
	int refused;            /* answered before the body: the rest is dropped */
	double started;
	unsigned status;        /* of the answer, for the log */
	size_t sent;
	const char *allow;      /* methods the path takes: the Allow header */
	struct http_stream *stream;   /* an answer being streamed, while it is */
	char method[16];        /* for the log: what was asked, never the body */
	char path[128];
} http_request;

/* Answers a request whose body has been read in full, within its limit. */
typedef enum MHD_Result http_route_fn(void *app, struct MHD_Connection *c,
                                      http_request *rq, const char *url,
                                      const char *method);

typedef struct http_service {
	http_route_fn *route;
	size_t (*body_limit)(const char *url);   /* bytes a body to url may have */
	const char *(*allowed)(const char *url); /* "GET, HEAD, OPTIONS"...; NULL: none */
	void *app;                               /* passed to route */
	int quiet;                               /* no log lines */
	const char *const *names;  /* the names Host may say (with the port) */
	size_t name_count;
	unsigned port;             /* listened on: set by http_serve */
} http_service;

/* An address to listen on: IPv4 or IPv6 text and a port. */
typedef struct http_address {
	struct sockaddr_storage addr;
	int ipv6;
	const char *text;
	unsigned long port;
} http_address;

/* 0, or -1 when text is not an IPv4 or IPv6 address. */
int http_address_parse(const char *text, unsigned long port, http_address *out);

/* Serve until SIGINT or SIGTERM, each connection on a thread of its own
 * (the route may take its time without delaying any other); prints the
 * address listened on to stdout. Returns an exit code (EXIT_INPUT when
 * the address cannot be listened on). */
int http_serve(http_service *service, const http_address *address);

/* 0 when the request may be read and answered; else the status to refuse
 * it with (400 ambiguous length, 403 foreign Host or Origin, 415 a POST
 * body of another type) and *why (http_guard.c). */
unsigned http_guard(const http_service *s, struct MHD_Connection *c,
                    const char *url, const char *method, const char **why);

/* Queue the answer: body of size bytes of the content type; owned bodies
 * are freed by the library once sent. */
enum MHD_Result http_respond(struct MHD_Connection *c, http_request *rq,
                             unsigned status, const char *type, char *body,
                             size_t size, int owned);

/* An answer made while it is sent: read(cls, buf, max) puts up to max
 * bytes in buf and returns how many, 0 at the end, -1 on an error (the
 * connection is closed). It is called only as fast as the client takes
 * the bytes, and no more once the client has gone; done(cls) is called
 * in the end, whatever happened. */
typedef ssize_t http_read_fn(void *cls, char *buf, size_t max);
enum MHD_Result http_respond_stream(struct MHD_Connection *c, http_request *rq,
                                    unsigned status, const char *type,
                                    http_read_fn *read, void (*done)(void *cls),
                                    void *cls);

/* A JSON text (freed here) with a newline after it; NULL gives 500. */
enum MHD_Result http_respond_json(struct MHD_Connection *c, http_request *rq,
                                  unsigned status, char *json);

/* {"error": {"message": message}}. */
enum MHD_Result http_respond_error(struct MHD_Connection *c, http_request *rq,
                                   unsigned status, const char *message);

/* A whole number 0..max from the query: 1 and *out when given, 0 when
 * absent, -1 when it is not such a number. */
int http_query_number(struct MHD_Connection *c, const char *name,
                      unsigned long max, unsigned long *out);

#endif
