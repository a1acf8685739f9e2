/* libmicrohttpd, loaded when `radloc serve` starts (see mhd.h).
 *
 * Why: libmicrohttpd brings GnuTLS and its seven libraries, and loading
 * them costs every process about 7 ms (docs/performance.md), a quarter
 * of a whole `radloc score`. Only the server needs them, so the binary
 * is not linked against libmicrohttpd; the nine functions the server
 * calls are defined here under their own names and forward to the
 * library, opened with dlopen() by mhd_load() before the daemon starts.
 * The rest of the server is written against <microhttpd.h> as usual. */
#include "mhd.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>

#ifndef RADLOC_MHD_SONAME
#define RADLOC_MHD_SONAME "libmicrohttpd.so.12"
#endif

static struct {
	struct MHD_Daemon *(*start_daemon_va)(unsigned int, uint16_t, MHD_AcceptPolicyCallback,
	                                      void *, MHD_AccessHandlerCallback, void *, va_list);
	void (*stop_daemon)(struct MHD_Daemon *);
	int (*get_connection_values)(struct MHD_Connection *, enum MHD_ValueKind,
	                             MHD_KeyValueIterator, void *);
	const char *(*lookup_connection_value)(struct MHD_Connection *, enum MHD_ValueKind,
	                                       const char *);
	enum MHD_Result (*queue_response)(struct MHD_Connection *, unsigned int,
	                                  struct MHD_Response *);
	struct MHD_Response *(*create_response_from_callback)(uint64_t, size_t,
	                                                      MHD_ContentReaderCallback, void *,
	                                                      MHD_ContentReaderFreeCallback);
	struct MHD_Response *(*create_response_from_buffer)(size_t, void *,
	                                                    enum MHD_ResponseMemoryMode);
	void (*destroy_response)(struct MHD_Response *);
	enum MHD_Result (*add_response_header)(struct MHD_Response *, const char *, const char *);
} mhd;

/* dlsym returns void *, which ISO C does not convert to a function
 * pointer; POSIX's own idiom stores it through a void **. */
#define BIND(field, name)                                                                     \
	do {                                                                                  \
		void *sym = dlsym(lib, name);                                                 \
		if (sym == NULL)                                                              \
			goto missing;                                                         \
		*(void **)(&mhd.field) = sym;                                                 \
	} while (0)

int mhd_load(char *why, size_t size)
{
	static void *lib;
	if (lib != NULL)
		return 0;
	lib = dlopen(RADLOC_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (lib == NULL) {
		snprintf(why, size, "cannot load %s (libmicrohttpd): %s", RADLOC_MHD_SONAME,
		         dlerror());
		return -1;
	}
	BIND(start_daemon_va, "MHD_start_daemon_va");
	BIND(stop_daemon, "MHD_stop_daemon");
	BIND(get_connection_values, "MHD_get_connection_values");
	BIND(lookup_connection_value, "MHD_lookup_connection_value");
	BIND(queue_response, "MHD_queue_response");
	BIND(create_response_from_callback, "MHD_create_response_from_callback");
	BIND(create_response_from_buffer, "MHD_create_response_from_buffer");
	BIND(destroy_response, "MHD_destroy_response");
	BIND(add_response_header, "MHD_add_response_header");
	return 0;
missing:
	snprintf(why, size, "%s (libmicrohttpd) lacks a function radloc serve needs: %s",
	         RADLOC_MHD_SONAME, dlerror());
	dlclose(lib);
	lib = NULL;
	return -1;
}

struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port,
                                    MHD_AcceptPolicyCallback apc, void *apc_cls,
                                    MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
	va_list ap;
	va_start(ap, dh_cls);
	struct MHD_Daemon *d = mhd.start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
	va_end(ap);
	return d;
}

void MHD_stop_daemon(struct MHD_Daemon *daemon)
{
	mhd.stop_daemon(daemon);
}

int MHD_get_connection_values(struct MHD_Connection *connection, enum MHD_ValueKind kind,
                              MHD_KeyValueIterator iterator, void *iterator_cls)
{
	return mhd.get_connection_values(connection, kind, iterator, iterator_cls);
}

const char *MHD_lookup_connection_value(struct MHD_Connection *connection,
                                        enum MHD_ValueKind kind, const char *key)
{
	return mhd.lookup_connection_value(connection, kind, key);
}

enum MHD_Result MHD_queue_response(struct MHD_Connection *connection, unsigned int status_code,
                                   struct MHD_Response *response)
{
	return mhd.queue_response(connection, status_code, response);
}

struct MHD_Response *MHD_create_response_from_callback(uint64_t size, size_t block_size,
                                                       MHD_ContentReaderCallback crc,
                                                       void *crc_cls,
                                                       MHD_ContentReaderFreeCallback crfc)
{
	return mhd.create_response_from_callback(size, block_size, crc, crc_cls, crfc);
}

struct MHD_Response *MHD_create_response_from_buffer(size_t size, void *buffer,
                                                     enum MHD_ResponseMemoryMode mode)
{
	return mhd.create_response_from_buffer(size, buffer, mode);
}

void MHD_destroy_response(struct MHD_Response *response)
{
	mhd.destroy_response(response);
}

enum MHD_Result MHD_add_response_header(struct MHD_Response *response, const char *header,
                                        const char *content)
{
	return mhd.add_response_header(response, header, content);
}
