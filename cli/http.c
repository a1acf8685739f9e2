/* The HTTP plumbing of `radloc serve` (see http.h).
 *
 * libmicrohttpd runs each connection on a thread of its own. A request
 * body is read in full (up to its limit) before the route sees it, so a
 * slow client holds only its own connection, and the connection timeout
 * ends it. The log says
 * what was asked and how it went, never what the body contained. */
#include "http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "mhd.h"
#include "radloc_limits.h"

/* Connections at once, and the seconds a silent one is kept: a slow or
 * idle client holds one of a bounded number, for a bounded time. */
#define HTTP_CONNECTIONS RADLOC_SERVE_CONNECTIONS
#define HTTP_TIMEOUT_SECONDS RADLOC_SERVE_IDLE_SECONDS

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---- answers -------------------------------------------------------------------- */

static void add_headers(struct MHD_Response *r, const http_request *rq, const char *type);

enum MHD_Result http_respond(struct MHD_Connection *c, http_request *rq, unsigned status,
                             const char *type, char *body, size_t size, int owned)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
		size, body, owned ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (r == NULL) {
		if (owned)
			free(body);
		return MHD_NO;
	}
	add_headers(r, rq, type);
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	rq->status = status;
	rq->sent = size;
	return ret;
}

/* The answer to a request being streamed. */
typedef struct http_stream {
	http_read_fn *read;
	void (*done)(void *cls);
	void *cls;
	http_request *rq;   /* NULL once the request is over (it is freed) */
} http_stream;

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	http_stream *s = cls;
	(void)pos;
	ssize_t n = s->read(s->cls, buf, max);
	if (n > 0 && s->rq)
		s->rq->sent += (size_t)n;
	return n > 0 ? n : n == 0 ? MHD_CONTENT_READER_END_OF_STREAM
	                          : MHD_CONTENT_READER_END_WITH_ERROR;
}

static void stream_free(void *cls)
{
	http_stream *s = cls;
	s->done(s->cls);
	if (s->rq)
		s->rq->stream = NULL;
	free(s);
}

enum MHD_Result http_respond_stream(struct MHD_Connection *c, http_request *rq,
                                    unsigned status, const char *type,
                                    http_read_fn *read, void (*done)(void *cls),
                                    void *cls)
{
	http_stream *s = malloc(sizeof *s);
	struct MHD_Response *r = s ? MHD_create_response_from_callback(
		MHD_SIZE_UNKNOWN, 64 * 1024, stream_read, s, stream_free) : NULL;
	if (r == NULL) {
		free(s);
		done(cls);
		return MHD_NO;
	}
	*s = (http_stream){read, done, cls, rq};
	rq->stream = s;
	add_headers(r, rq, type);
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	rq->status = status;
	return ret;
}

/* The headers every answer has. */
static void add_headers(struct MHD_Response *r, const http_request *rq, const char *type)
{
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	if (rq->allow)
		MHD_add_response_header(r, "Allow", rq->allow);
	/* An SVG opened on its own is a document that could run script: it
	 * may load nothing and run nothing. */
	if (strncmp(type, "image/svg+xml", 13) == 0)
		MHD_add_response_header(r, "Content-Security-Policy",
		                        "default-src 'none'; frame-ancestors 'none'; sandbox");
	if (strncmp(type, "text/html", 9) == 0)
		MHD_add_response_header(r, "Content-Security-Policy",
		                        "default-src 'none'; script-src 'self'; "
		                        "style-src 'self'; connect-src 'self'; "
		                        "img-src 'self' data:; form-action 'none'; "
		                        "frame-ancestors 'none'");
}

enum MHD_Result http_respond_json(struct MHD_Connection *c, http_request *rq,
                                  unsigned status, char *json)
{
	if (json == NULL)
		return http_respond(c, rq, 500, "application/json",
		                    (char *)"{\"error\":{\"message\":\"out of memory\"}}\n", 37, 0);
	size_t n = strlen(json);
	char *body = realloc(json, n + 2);
	if (body == NULL) {
		free(json);
		return MHD_NO;
	}
	body[n] = '\n';
	body[n + 1] = '\0';
	return http_respond(c, rq, status, "application/json", body, n + 1, 1);
}

enum MHD_Result http_respond_error(struct MHD_Connection *c, http_request *rq,
                                   unsigned status, const char *message)
{
	json_t *root = json_pack("{s:{s:s}}", "error", "message", message);
	char *text = root ? json_dumps(root, JSON_COMPACT) : NULL;
	json_decref(root);
	return http_respond_json(c, rq, status, text);
}

int http_query_number(struct MHD_Connection *c, const char *name, unsigned long max,
                      unsigned long *out)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
	char *end;
	if (v == NULL)
		return 0;
	errno = 0;
	unsigned long n = strtoul(v, &end, 10);
	if (*v == '\0' || *v == '-' || *end != '\0' || errno || n > max)
		return -1;
	*out = n;
	return 1;
}

/* ---- reading a request ---------------------------------------------------------- */

/* The path for the log, cut short, with anything but printable ASCII as
 * '?': a client must not be able to forge log lines. */
static void log_safe(char *out, size_t size, const char *text)
{
	size_t n = 0;
	for (; text[n] && n + 1 < size; n++)
		out[n] = text[n] > 0x20 && text[n] < 0x7f ? text[n] : '?';
	out[n] = '\0';
}

/* Called by libmicrohttpd: first with no body (the request is made),
 * then with each piece of the body, then once more with none (answer). */
static enum MHD_Result take_request(void *cls, struct MHD_Connection *c, const char *url,
                                    const char *method, const char *version,
                                    const char *upload, size_t *upload_size, void **ctx)
{
	const http_service *service = cls;
	http_request *rq = *ctx;
	(void)version;

	if (rq == NULL) {
		rq = calloc(1, sizeof *rq);
		if (rq == NULL)
			return MHD_NO;
		rq->started = now();
		rq->limit = service->body_limit(url);
		snprintf(rq->method, sizeof rq->method, "%s", method);
		log_safe(rq->path, sizeof rq->path, url);
		*ctx = rq;
		/* Refused before the body is read: the answer goes now and the
		 * connection is closed after it. */
		const char *why = NULL;
		unsigned status = http_guard(service, c, url, method, &why);
		if (status) {
			rq->refused = 1;
			return http_respond_error(c, rq, status, why);
		}
		return MHD_YES;
	}
	if (rq->refused) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size) {
		/* Past the limit, keep reading (the client is still sending) but
		 * keep nothing. */
		if (!rq->too_big && rq->size + *upload_size > rq->limit)
			rq->too_big = 1;
		if (!rq->too_big) {
			if (rq->size + *upload_size + 1 > rq->cap) {
				size_t cap = rq->cap ? rq->cap : 8192;
				while (cap < rq->size + *upload_size + 1)
					cap *= 2;
				char *grown = realloc(rq->body, cap);
				if (grown == NULL)
					return MHD_NO;
				rq->body = grown;
				rq->cap = cap;
			}
			memcpy(rq->body + rq->size, upload, *upload_size);
			rq->size += *upload_size;
			rq->body[rq->size] = '\0';
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->too_big) {
		char msg[96];
		snprintf(msg, sizeof msg, "request body larger than the limit of %zu bytes",
		         rq->limit);
		return http_respond_error(c, rq, 413, msg);
	}
	return service->route(service->app, c, rq, url, method);
}

/* One log line per request: method, path, status, size, time. Never the
 * body, the query or anything from the exam. */
static void log_request(void *cls, struct MHD_Connection *c, void **ctx,
                        enum MHD_RequestTerminationCode why)
{
	const http_service *service = cls;
	http_request *rq = *ctx;
	(void)c;
	if (rq == NULL)
		return;
	if (rq->stream)
		rq->stream->rq = NULL;
	if (!service->quiet)
		fprintf(stderr, "radloc serve: %s %s %u %zu bytes %.1f ms%s\n", rq->method,
		        rq->path, rq->status, rq->sent, (now() - rq->started) * 1e3,
		        why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (connection ended)");
	free(rq->body);
	free(rq);
	*ctx = NULL;
}

/* ---- listening ------------------------------------------------------------------ */

int http_address_parse(const char *text, unsigned long port, http_address *out)
{
	memset(out, 0, sizeof *out);
	struct sockaddr_in *v4 = (struct sockaddr_in *)&out->addr;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&out->addr;
	out->text = text;
	out->port = port;
	if (inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
	} else if (inet_pton(AF_INET6, text, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		out->ipv6 = 1;
	} else {
		return -1;
	}
	return 0;
}

/* The listening socket, bound here rather than by libmicrohttpd so that
 * the port (--port 0: any free one) is known before the first request:
 * the Host check needs it. -1 when it cannot be had. */
static int listen_on(const http_address *address, unsigned *port)
{
	int fd = socket(address->ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	struct sockaddr_storage got;
	socklen_t len = sizeof got;
	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(fd, (const struct sockaddr *)&address->addr,
	         address->ipv6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in)) != 0 ||
	    listen(fd, 64) != 0 || getsockname(fd, (struct sockaddr *)&got, &len) != 0) {
		close(fd);
		return -1;
	}
	*port = ntohs(address->ipv6 ? ((struct sockaddr_in6 *)&got)->sin6_port
	                            : ((struct sockaddr_in *)&got)->sin_port);
	return fd;
}

int http_serve(http_service *service, const http_address *address)
{
	/* A thread per connection: a request that takes its time (a big
	 * batch) holds its own thread only, and the connection limit is one
	 * count for the whole server (a pool of polling threads would split
	 * it between them, and run each one's requests one after another).
	 * poll(), not select(): descriptors may pass FD_SETSIZE. */
	unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
	                     MHD_USE_POLL | MHD_USE_ERROR_LOG;
	int rc = EXIT_OK;
	char why[512];
	if (mhd_load(why, sizeof why) != 0) {
		fprintf(stderr, "radloc serve: %s\n", why);
		return EXIT_INTERNAL;
	}
	if (address->ipv6)
		flags |= MHD_USE_IPv6;
	/* Signals go to the main thread only: block them before the pool
	 * starts, then wait for one. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	int fd = listen_on(address, &service->port);
	struct MHD_Daemon *d = fd < 0 ? NULL : MHD_start_daemon(
		flags, 0, NULL, NULL, take_request, (void *)service,
		MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)HTTP_CONNECTIONS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)HTTP_TIMEOUT_SECONDS,
		MHD_OPTION_NOTIFY_COMPLETED, log_request, (void *)service,
		MHD_OPTION_END);
	if (d == NULL) {
		if (fd >= 0)
			close(fd);
		fprintf(stderr, "radloc serve: cannot listen on %s:%lu (in use, or not allowed)\n",
		        address->text, address->port);
		rc = EXIT_INPUT;
	} else {
		printf("radloc serve: listening on http://%s%s%s:%u/\n", address->ipv6 ? "[" : "",
		       address->text, address->ipv6 ? "]" : "", service->port);
		fflush(stdout);
		int sig = 0;
		sigwait(&stop, &sig);
		MHD_stop_daemon(d);
		if (!service->quiet)
			fprintf(stderr, "radloc serve: stopped\n");
	}
	return rc;
}
