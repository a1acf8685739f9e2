# radloc — radiculopathy localisation engine
#
#   make                 library (static + shared) and the CLI at build/radloc
#   make demo            install missing packages, build, score a bundled exam
#   make check           install missing packages, build, run every test
#   make check VARIANT=san     the same under ASan + UBSan (build/san/)
#   make valgrind        the unit tests and the CLI under valgrind
#   make coverage        line coverage of the engine (gcov)
#   make isncsci         spinal-cord-injury worksheets (npm isncsci) against radloc
#   make fhir            FHIR R4 Bundles: npm fhir validator, round trip (in check)
#   make install / uninstall   honour PREFIX and DESTDIR
#
# VARIANT=release (default, build/), debug (build/debug/), san (build/san/),
# cov (build/cov/).

VERSION   := 0.1.0
SOVERSION := 0

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCDIR    ?= $(PREFIX)/include
DATADIR   ?= $(PREFIX)/share
MANDIR    ?= $(DATADIR)/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
RULESDIR  := $(DATADIR)/radloc/rules

VARIANT ?= release
ifeq ($(VARIANT),release)
  BUILD := build
  VFLAGS := -O2 -g
else ifeq ($(VARIANT),debug)
  BUILD := build/debug
  VFLAGS := -O0 -g3
else ifeq ($(VARIANT),san)
  BUILD := build/san
  VFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
            -fno-sanitize-recover=undefined
  VLDFLAGS := -fsanitize=address,undefined
else ifeq ($(VARIANT),cov)
  BUILD := build/cov
  VFLAGS := -O0 -g --coverage
  VLDFLAGS := --coverage
else
  $(error VARIANT must be release, debug, san or cov)
endif
# Link-time optimisation in the release build, with GCC: the draws' kernels
# and the point estimate call model.c's likelihoods across files, and
# inlined there 1000 draws take about 15 % less time and a whole `radloc
# score` 4 % (docs/performance-log.md, issue #18). Fat objects keep
# libradloc.a linkable by a compiler without LTO; gcc-ar indexes them.
ifeq ($(VARIANT),release)
  ifneq ($(shell $(CC) -v 2>&1 | grep -c '^gcc version'),0)
    VFLAGS += -flto=auto -ffat-lto-objects
    VLDFLAGS += -flto=auto
    AR := gcc-ar
  endif
endif

# Packages a fresh Debian machine needs. `make deps` installs the missing ones.
DEB_PACKAGES := libyaml-dev libgsl-dev check pkg-config libjansson-dev libyajl-dev jq \
                libxml2-utils locales libmicrohttpd-dev curl nettle-dev
# Tools that may come from a package or from elsewhere (node with its own
# npm): package:command, installed when the command is missing.
DEB_TOOLS := nodejs:node npm:npm
# The library's; jansson is the CLI's and the tests' (FHIR, ISNCSCI,
# batch lines, the server; the tests' reference JSON), not the library's.
PKGS := yaml-0.1 gsl yajl nettle
JANSSON_CFLAGS = $(shell pkg-config --cflags jansson 2>/dev/null)
JANSSON_LIBS   = $(shell pkg-config --libs jansson 2>/dev/null)

CC      ?= cc
# Recursive (=) so that pkg-config runs when a recipe needs it, after `deps`.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libmicrohttpd is opened by `radloc serve` when it starts (cli/mhd.c), not
# linked: its GnuTLS costs every other command ~7 ms to load. The build
# records the library's file name (its SONAME) for dlopen.
MHD_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir libmicrohttpd 2>/dev/null)/libmicrohttpd.so" 2>/dev/null | awk '/SONAME/ {print $$2}')
CLI_CFLAGS = $(shell pkg-config --cflags libmicrohttpd 2>/dev/null) $(JANSSON_CFLAGS) \
             $(if $(MHD_SONAME),-DRADLOC_MHD_SONAME='"$(MHD_SONAME)"')
CLI_LIBS   = $(JANSSON_LIBS)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)

WARN   := -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wstrict-prototypes \
          -Wmissing-prototypes -Wformat=2
CFLAGS ?=
override CFLAGS += -std=c11 $(WARN) $(VFLAGS) -DHAVE_INLINE \
          -D_POSIX_C_SOURCE=200809L -Iinclude -Iengine -fPIC -MMD -MP \
          -DRADLOC_VERSION_STRING='"$(VERSION)"' \
          -DRADLOC_RULES_INSTALLED='"$(RULESDIR)"' \
          -DRADLOC_RULES_SOURCE='"$(CURDIR)/rules"'
LDFLAGS ?=
override LDFLAGS += $(VLDFLAGS)
LDLIBS = $(PKG_LIBS) -lpthread -lm

ENGINE_SRC := $(wildcard engine/*.c)
CLI_SRC    := $(wildcard cli/*.c)
TEST_SRC   := $(wildcard tests/*.c)

ENGINE_OBJ := $(ENGINE_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ    := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_OBJ   := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)

LIB_A   := $(BUILD)/libradloc.a
LIB_SO  := $(BUILD)/libradloc.so.$(VERSION)
CLI     := $(BUILD)/radloc
TESTBIN := $(BUILD)/radloc-tests

.PHONY: all demo check check-run test deps valgrind coverage install uninstall \
        clean cli-tests fuzz fuzz-deps bench load browser isncsci fhir hold deb
all: $(LIB_A) $(LIB_SO) $(CLI)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(BUILD)/obj/cli/%.o: cli/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(CLI_CFLAGS) -c $< -o $@

# The page of `radloc serve`, embedded in the binary: nothing to install
# beside it, nothing fetched from elsewhere. Every file of cli/page/ goes
# into one generated C file: its bytes and, in page_files[], its name
# (cli/page_assets.c serves it as /name, with the type its extension says).
PAGE_FILES := $(sort $(wildcard cli/page/*.html cli/page/*.css cli/page/*.js))

$(BUILD)/obj/cli/page_files.o: $(PAGE_FILES) cli/page_assets.h
	@mkdir -p $(dir $@)
	{ echo '/* Generated from cli/page/ by the Makefile. */'; \
	  echo '#include "page_assets.h"'; \
	  n=0; for f in $(PAGE_FILES); do \
	    echo "static const unsigned char file$$n[] = {"; \
	    od -An -v -tx1 $$f | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo '0x00};'; n=$$((n + 1)); \
	  done; \
	  echo 'const page_file page_files[] = {'; \
	  n=0; for f in $(PAGE_FILES); do \
	    echo "{\"$$(basename $$f)\", file$$n, sizeof file$$n - 1},"; n=$$((n + 1)); \
	  done; \
	  echo '};'; \
	  echo 'const size_t page_file_count = sizeof page_files / sizeof page_files[0];'; \
	} > $(BUILD)/obj/cli/page_files.c
	$(CC) -std=c11 -Icli -c $(BUILD)/obj/cli/page_files.c -o $@

$(BUILD)/obj/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(JANSSON_CFLAGS) $(CHECK_CFLAGS) -c $< -o $@

$(LIB_A): $(ENGINE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The version script exports radloc_* only (tests/abi/exports.sh).
$(LIB_SO): $(ENGINE_OBJ) engine/libradloc.map
	$(CC) -shared -Wl,-soname,libradloc.so.$(SOVERSION) \
	  -Wl,--version-script=engine/libradloc.map $(LDFLAGS) -o $@ $(ENGINE_OBJ) $(LDLIBS)
	ln -sf libradloc.so.$(VERSION) $(BUILD)/libradloc.so.$(SOVERSION)
	ln -sf libradloc.so.$(SOVERSION) $(BUILD)/libradloc.so

$(CLI): $(CLI_OBJ) $(BUILD)/obj/cli/page_files.o $(LIB_A)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/obj/cli/page_files.o $(LIB_A) $(CLI_LIBS) $(LDLIBS)

$(TESTBIN): $(TEST_OBJ) $(LIB_A)
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB_A) $(LDLIBS) $(JANSSON_LIBS) $(CHECK_LIBS)

# --- set-up on a fresh Debian machine -------------------------------------
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	for t in $(DEB_TOOLS); do \
	  command -v $${t#*:} >/dev/null 2>&1 || missing="$$missing $${t%%:*}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "radloc: installing missing packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	  else echo "radloc: run as root:  apt-get update && apt-get install -y$$missing" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || exit 1; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "--- build/radloc score fixtures/exams/demo.yaml"
	@$(CLI) score fixtures/exams/demo.yaml

check: deps
	@$(MAKE) --no-print-directory check-run

# A comma-decimal locale for the test that number parsing ignores it;
# made in the build tree, so nothing outside the project is touched.
build/locale/de_DE.UTF-8/LC_NUMERIC:
	@mkdir -p build/locale
	-@localedef -i de_DE -f UTF-8 build/locale/de_DE.UTF-8 2>/dev/null || true

check-run: all $(TESTBIN) $(BUILD)/radloc-bench build/locale/de_DE.UTF-8/LC_NUMERIC
	CK_FORK=yes RADLOC_SRCDIR=$(CURDIR) LOCPATH=$(CURDIR)/build/locale $(TESTBIN)
	RADLOC=$(CLI) sh tests/cli/run.sh
	$(CLI) check fixtures/cases
	RADLOC=$(CLI) sh tests/isncsci/run.sh
	RADLOC=$(CLI) BENCH=$(BUILD)/radloc-bench sh tests/schema/run.sh
	RADLOC=$(CLI) bash tests/serve/api.sh
	RADLOC=$(CLI) sh tests/fhir/run.sh
	CC="$(CC) $(VLDFLAGS)" sh tests/docs/api_example.sh $(BUILD)
	CC="$(CC) $(VLDFLAGS)" MAKE="$(MAKE) VARIANT=$(VARIANT)" sh tests/install/run.sh $(BUILD)
	MAKE="$(MAKE) VARIANT=$(VARIANT)" sh tests/install/deb.sh $(BUILD)
	sh tests/abi/exports.sh $(BUILD)
	sh tests/docs/api_coverage.sh
	sh tests/docs/architecture.sh

test: check

# --- fuzzing (clang's libFuzzer, ASan + UBSan) --------------------------------
FUZZERS := fuzz_exam fuzz_rules fuzz_score
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
  -fno-sanitize-recover=undefined -Iinclude -Iengine -DHAVE_INLINE \
  -D_POSIX_C_SOURCE=200809L -DRADLOC_VERSION_STRING='"$(VERSION)"' \
  -DRADLOC_RULES_INSTALLED='"$(RULESDIR)"' -DRADLOC_RULES_SOURCE='"$(CURDIR)/rules"'

fuzz-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(DEB_PACKAGES) clang libclang-rt-14-dev"

build/fuzz/%: tests/fuzz/%.c $(ENGINE_SRC) $(wildcard engine/*.h include/*.h tests/fuzz/*.h)
	@mkdir -p build/fuzz
	clang $(FUZZ_CFLAGS) $(PKG_CFLAGS) -o $@ $< $(ENGINE_SRC) $(PKG_LIBS) -lm

# Corpora start from the fixtures; findings land in build/fuzz/crash-*.
fuzz: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZERS:%=build/fuzz/%)
	@for f in $(FUZZERS); do \
	  mkdir -p build/fuzz/corpus-$$f; \
	  case $$f in \
	    fuzz_rules) seeds="rules/*.yaml fixtures/rules/bad/*.yaml fixtures/rules/tiny/*.yaml"; max=65536;; \
	    *) seeds="fixtures/exams/*.yaml fixtures/exams/*.json fixtures/cases/*.yaml"; max=8192;; \
	  esac; \
	  for s in $$seeds; do [ -f "$$s" ] && [ $$(wc -c < "$$s") -le $$max ] && cp "$$s" build/fuzz/corpus-$$f/; done; \
	  echo "--- $$f for $(FUZZ_SECONDS) s"; \
	  build/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) -max_len=$$max -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -dict=tests/fuzz/exam.dict \
	    -artifact_prefix=build/fuzz/crash-$$f- build/fuzz/corpus-$$f \
	    2> build/fuzz/$$f.log || { tail -40 build/fuzz/$$f.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' build/fuzz/$$f.log | tail -2; \
	done

# --- benchmark (docs/performance.md) -------------------------------------------
BENCH_SRC := $(wildcard tests/bench/*.c)
$(BUILD)/radloc-bench: $(BENCH_SRC) tests/bench/bench.h $(LIB_A)
	$(CC) -std=c11 $(WARN) -O2 -g -D_POSIX_C_SOURCE=200809L -Iinclude -Iengine -Itests/bench \
	  -DHAVE_INLINE $(PKG_CFLAGS) $(VLDFLAGS) -o $@ $(BENCH_SRC) $(LIB_A) $(LDLIBS)

bench: deps
	@$(MAKE) --no-print-directory all $(BUILD)/radloc-bench
	$(BUILD)/radloc-bench

# --- the server under load (wrk) and in a real browser ---------------------------
load: deps
	@$(MAKE) --no-print-directory deps DEB_PACKAGES=wrk
	@$(MAKE) --no-print-directory all
	RADLOC=$(CLI) bash tests/serve/load.sh

browser: deps
	@$(MAKE) --no-print-directory all
	RADLOC=$(CLI) bash tests/browser/run.sh

# ISNCSCI worksheets classified by the npm `isncsci` library (installed from
# tests/isncsci/package-lock.json by run.sh), scored by radloc
# (docs/validation.md). Part of `check` (nodejs from DEB_PACKAGES; npm,
# when the nodejs package has none, and the library by run.sh).
isncsci: deps
	@$(MAKE) --no-print-directory all
	RADLOC=$(CLI) sh tests/isncsci/run.sh

# FHIR R4 Bundles written by `radloc fhir`, validated by the npm `fhir`
# package (installed from tests/fhir/package-lock.json by run.sh) and read
# back with `radloc score --from fhir` (docs/fhir.md; ~10 s, also in check).
fhir: deps
	@$(MAKE) --no-print-directory all
	RADLOC=$(CLI) sh tests/fhir/run.sh

# The server under weight (tests/serve/hold.sh, ~1 minute): a 50 000-exam
# batch in bounded memory, small requests during big batches, a client
# leaving, 200 slow connections.
hold: deps
	@$(MAKE) --no-print-directory all
	RADLOC=$(CLI) bash tests/serve/hold.sh

# --- memory and coverage ----------------------------------------------------
valgrind: deps
	@$(MAKE) --no-print-directory VARIANT=debug all build/debug/radloc-tests
	CK_FORK=no RADLOC_SRCDIR=$(CURDIR) valgrind --error-exitcode=1 \
	  --leak-check=full --errors-for-leak-kinds=definite \
	  build/debug/radloc-tests
	RADLOC="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite build/debug/radloc" \
	  sh tests/cli/run.sh
	valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
	  build/debug/radloc check fixtures/cases

coverage: deps
	@$(MAKE) --no-print-directory VARIANT=cov check-run
	@cd build/cov/obj/engine && gcov -n -o . ../../../../engine/*.c 2>/dev/null \
	  | awk '/^File/ {f=$$2} /^Lines/ {print f, $$2, $$4}'

# --- install ------------------------------------------------------------------
# The prefix is a property of the install, not of the build: the .pc file
# is written by each install with that install's PREFIX, and the binary
# finds PREFIX/share/radloc/rules from its own path (cli/common.c).
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	  $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(RULESDIR)
	install -m 755 $(CLI) $(DESTDIR)$(BINDIR)/radloc
	install -m 644 $(LIB_A) $(DESTDIR)$(LIBDIR)/libradloc.a
	install -m 755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/libradloc.so.$(VERSION)
	ln -sf libradloc.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libradloc.so.$(SOVERSION)
	ln -sf libradloc.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libradloc.so
	install -m 644 include/radloc.h $(DESTDIR)$(INCDIR)/radloc.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCDIR@|$(INCDIR)|' -e 's|@VERSION@|$(VERSION)|' radloc.pc.in \
	    > $(DESTDIR)$(PKGCONFIGDIR)/radloc.pc
	install -m 644 docs/radloc.1 $(DESTDIR)$(MANDIR)/man1/radloc.1
	install -m 644 rules/*.yaml $(DESTDIR)$(RULESDIR)/
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then \
	  ldconfig "$(LIBDIR)" 2>/dev/null || ldconfig; \
	elif [ -z "$(DESTDIR)" ]; then \
	  echo "radloc: installed in $(LIBDIR); run ldconfig as root, or set LD_LIBRARY_PATH=$(LIBDIR), before running programs linked with -lradloc"; \
	fi

# --- Debian package (make deb) -----------------------------------------------
# The library, header, CLI, rules, man page and pkg-config file under /usr,
# installable with `apt install ./build/radloc_VERSION_ARCH.deb`. Depends
# names the package of every shared library the binary and the library
# load (their NEEDED entries, resolved with ldd and dpkg -S), and
# libmicrohttpd's, which `radloc serve` opens when it starts (cli/mhd.c).
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)
DEB      = $(BUILD)/radloc_$(VERSION)_$(DEB_ARCH).deb
deb: $(DEB)
$(DEB): all radloc.pc.in docs/radloc.1 $(wildcard rules/*.yaml) LICENSE
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/DEBIAN $(BUILD)/deb/usr/share/doc/radloc
	$(MAKE) --no-print-directory -s install PREFIX=/usr DESTDIR=$(CURDIR)/$(BUILD)/deb
	cp LICENSE $(BUILD)/deb/usr/share/doc/radloc/copyright
	gzip -9n $(BUILD)/deb/usr/share/man/man1/radloc.1
	deps=$$( { { objdump -p $(CLI); objdump -p $(LIB_SO); } | awk '/NEEDED/ {print $$2}' | sort -u | \
	  while read so; do path=$$(ldd $(CLI) $(LIB_SO) | awk -v so="$$so" '$$1 == so {print $$3; exit}'); \
	    [ -n "$$path" ] && dpkg -S "$$(readlink -f "$$path")" 2>/dev/null | cut -d: -f1; done | \
	  grep -v '^libc6$$'; \
	  mhd=$$(pkg-config --variable=libdir libmicrohttpd)/$(MHD_SONAME); \
	  dpkg -S "$$(readlink -f "$$mhd")" 2>/dev/null | cut -d: -f1; } | \
	  sort -u | paste -sd, | sed 's/,/, /g'); \
	{ echo "Package: radloc"; echo "Version: $(VERSION)"; echo "Architecture: $(DEB_ARCH)"; \
	  echo "Maintainer: radloc developers <radloc@localhost>"; \
	  echo "Depends: libc6, $$deps"; echo "Section: science"; echo "Priority: optional"; \
	  echo "Installed-Size: $$(du -sk $(BUILD)/deb/usr | cut -f1)"; \
	  echo "Description: radiculopathy localisation engine"; \
	  echo " Ranks the spinal nerve roots, nerves, plexus elements, cord and cauda"; \
	  echo " equina lesions that explain a neurological examination (Bayesian, with"; \
	  echo " credible intervals): library, header, CLI with radloc serve, rules."; \
	} > $(BUILD)/deb/DEBIAN/control
	dpkg-deb --root-owner-group --build $(BUILD)/deb $@ >/dev/null

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/radloc $(DESTDIR)$(LIBDIR)/libradloc.a \
	  $(DESTDIR)$(LIBDIR)/libradloc.so $(DESTDIR)$(LIBDIR)/libradloc.so.$(SOVERSION) \
	  $(DESTDIR)$(LIBDIR)/libradloc.so.$(VERSION) $(DESTDIR)$(INCDIR)/radloc.h \
	  $(DESTDIR)$(PKGCONFIGDIR)/radloc.pc $(DESTDIR)$(MANDIR)/man1/radloc.1
	rm -rf $(DESTDIR)$(DATADIR)/radloc

clean:
	rm -rf build

-include $(ENGINE_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
