/* What `radloc serve` refuses before it reads a request's body (see
 * http.h): the checks that keep a browser on another site, or a
 * DNS-rebinding page, from using the API through a user's browser, and
 * requests whose length is ambiguous (request smuggling through a proxy).
 *
 * A web page can make a browser send a request to 127.0.0.1 without the
 * server's consent only as a "simple" request: GET, or POST with
 * text/plain or a form type. So a POST must say a JSON or YAML type (a
 * browser sends those cross-site only after a preflight this server never
 * approves), a request naming another site in Origin is refused, and Host
 * must be a name the server was started with: a rebinding page's requests
 * carry its own name, not ours. */
#include "http.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* How many times the length-giving headers occur. */
typedef struct framing {
	int content_length, transfer_encoding;
} framing;

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value)
{
	framing *f = cls;
	(void)kind;
	(void)value;
	if (strcasecmp(key, "Content-Length") == 0)
		f->content_length++;
	else if (strcasecmp(key, "Transfer-Encoding") == 0)
		f->transfer_encoding++;
	return MHD_YES;
}

/* text is NAME:PORT (or NAME alone on port 80) for one of the names. */
static int host_ok(const http_service *s, const char *text, size_t len)
{
	char port[16];
	snprintf(port, sizeof port, ":%u", s->port);
	size_t pl = strlen(port);
	for (size_t i = 0; i < s->name_count; i++) {
		size_t nl = strlen(s->names[i]);
		if (len < nl || strncasecmp(text, s->names[i], nl) != 0)
			continue;
		if (len == nl + pl && strncmp(text + nl, port, pl) == 0)
			return 1;
		if (len == nl && s->port == 80)
			return 1;
	}
	return 0;
}

/* The media types a POST body may have: JSON, YAML, JSON Lines. None of
 * them is one a browser sends to another site without asking first. */
static int type_ok(const char *type)
{
	static const char *const ok[] = {
		"application/json", "application/yaml", "application/x-yaml", "text/yaml",
		"application/x-ndjson", "application/jsonl",
	};
	if (type == NULL)
		return 0;
	size_t len = strcspn(type, ";");
	while (len && (type[len - 1] == ' ' || type[len - 1] == '\t'))
		len--;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strlen(ok[i]) == len && strncasecmp(type, ok[i], len) == 0)
			return 1;
	return 0;
}

unsigned http_guard(const http_service *s, struct MHD_Connection *c, const char *url,
                    const char *method, const char **why)
{
	framing f = {0, 0};
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &f);
	if (f.content_length > 1) {
		*why = "more than one Content-Length";
		return 400;
	}
	if (f.content_length && f.transfer_encoding) {
		*why = "both Content-Length and Transfer-Encoding";
		return 400;
	}
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	if (host == NULL || !host_ok(s, host, strlen(host))) {
		*why = "Host is not a name this server answers to (radloc serve --host-name)";
		return 403;
	}
	const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	if (origin != NULL &&
	    (strncasecmp(origin, "http://", 7) != 0 || !host_ok(s, origin + 7, strlen(origin + 7)))) {
		*why = "requests from other sites are refused (Origin)";
		return 403;
	}
	/* A POST where none is taken is answered 404 or 405 by the route. */
	const char *allow = s->allowed(url);
	if (strcmp(method, "POST") == 0 && allow && strstr(allow, "POST") &&
	    !type_ok(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type"))) {
		*why = "Content-Type must be application/json or application/yaml "
		       "(application/x-ndjson or application/jsonl for a batch)";
		return 415;
	}
	return 0;
}
