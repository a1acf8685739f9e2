/* libmicrohttpd, opened when `radloc serve` starts rather than linked
 * (mhd.c says why). The server calls the MHD_* functions of
 * <microhttpd.h> as usual, once mhd_load() has succeeded. */
#ifndef RADLOC_MHD_H
#define RADLOC_MHD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* Open the library and bind its functions; 0, or -1 with the reason in
 * why (the library's file name and the loader's message). Once is enough;
 * later calls return 0. */
int mhd_load(char *why, size_t size);

#endif
