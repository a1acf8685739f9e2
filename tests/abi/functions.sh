#!/bin/sh
# The functions declared in include/radloc.h, one a line, sorted: what the
# ABI test and the docs coverage test compare against. A declaration starts
# a line with its return type and has its name before the first '('.
sed -n '/^typedef/d; s/^[a-z_ ]*[ *]\(radloc_[a-z0-9_]*\)(.*/\1/p' \
	"${1:-include/radloc.h}" | sort -u
