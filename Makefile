# libutsec — GNU Makefile (the only build system).
#
#   make                  static + shared library and the `utsec` tool
#   make test             every test suite (cmocka, CLI, fuzz-corpus replay, ABI)
#   make test SANITIZE=1  the same under AddressSanitizer + UBSan (own build dir)
#   make test VALGRIND=1  the same under valgrind memcheck (leaks are errors)
#   make docs             Doxygen HTML into build/docs; warnings are errors
#   make install PREFIX=/usr/local [DESTDIR=]
#   make fuzz FUZZ_SECONDS=60   every libFuzzer harness with clang
#   make WITH_EXPAT=0     without libexpat: drops only the pres-rules XML
#                         loader (its source, tests, fuzzer and CLI command)
#   make bench            benchmarks (rates and ratios to the raw primitives)
#   make deps             install Debian build/test dependencies (apt-get)
#   make demo             the Ut lab scenario: bsf, ap, presence-server, ue (examples/README.md)
#   make demo-gba         the worked GBA key example with the utsec tool

VERSION_MAJOR := 0
VERSION_MINOR := 1
VERSION_PATCH := 0
VERSION := $(VERSION_MAJOR).$(VERSION_MINOR).$(VERSION_PATCH)

PREFIX ?= /usr/local
DESTDIR ?=
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR ?= $(PREFIX)/bin

SANITIZE ?= 0
VALGRIND ?= 0
FUZZ_SECONDS ?= 60
# libexpat (Debian libexpat1-dev) is needed only by the pres-rules loader.
WITH_EXPAT ?= 1

ifeq ($(WITH_EXPAT),1)
NOEXPAT_SUFFIX :=
else
NOEXPAT_SUFFIX := /noexpat
endif

ifeq ($(SANITIZE),1)
BUILD ?= build/san$(NOEXPAT_SUFFIX)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD ?= build$(NOEXPAT_SUFFIX)
SAN_FLAGS :=
endif

CFLAGS ?= -O2 -g
WARN := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Werror
# Another mbedTLS (e.g. a 3.x build): MBEDTLS_CFLAGS=-I.../include MBEDTLS_LDFLAGS=-L.../library
MBEDTLS_CFLAGS ?=
MBEDTLS_LDFLAGS ?=
MBEDTLS_LIBS := -lmbedtls -lmbedx509 -lmbedcrypto
LIB_DEPS := $(MBEDTLS_LIBS)
ifeq ($(WITH_EXPAT),1)
LIB_DEPS += -lexpat
endif

LIB_CFLAGS := $(WARN) $(CFLAGS) $(SAN_FLAGS) -Iinclude $(MBEDTLS_CFLAGS) -fPIC -fvisibility=hidden -DUTSEC_BUILDING
APP_CFLAGS := $(WARN) $(CFLAGS) $(SAN_FLAGS) -Iinclude -Ilib $(MBEDTLS_CFLAGS) -D_POSIX_C_SOURCE=200809L -DUTSEC_WITH_EXPAT=$(WITH_EXPAT)
APP_LDFLAGS := $(LDFLAGS) $(SAN_FLAGS) $(MBEDTLS_LDFLAGS)

# Sources, tests and fuzzers that exist only with libexpat.
EXPAT_LIB_SRC := lib/id_pres_rules_xml.c
EXPAT_TEST_SRC := tests/test_id_pres_rules.c
EXPAT_FUZZ_SRC := tests/fuzz/fuzz_pres_rules.c
ifeq ($(WITH_EXPAT),1)
EXPAT_OUT :=
else
EXPAT_OUT := $(EXPAT_LIB_SRC) $(EXPAT_TEST_SRC) $(EXPAT_FUZZ_SRC)
endif

LIB_SRC := $(filter-out $(EXPAT_OUT),$(sort $(wildcard lib/*.c)))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
HEADERS := $(sort $(wildcard include/utsec/*.h))
PRIV_HEADERS := $(sort $(wildcard lib/*.h))

STATIC_LIB := $(BUILD)/lib/libutsec.a
SONAME := libutsec.so.$(VERSION_MAJOR)
SHARED_LIB := $(BUILD)/lib/libutsec.so.$(VERSION)

TOOL_SRC := $(sort $(wildcard examples/utsec/*.c))
TOOL := $(BUILD)/bin/utsec

# The lab programs of examples/README.md: examples/<name>/*.c + the shared
# plumbing in examples/common/ -> $(BUILD)/bin/<name>.
EX_COMMON_SRC := $(sort $(wildcard examples/common/*.c))
EX_PROGS := $(filter-out common utsec integrations demo identity,$(notdir $(patsubst %/,%,$(sort $(dir $(wildcard examples/*/*.c))))))
EX_BIN := $(EX_PROGS:%=$(BUILD)/bin/%)

TEST_SRC := $(filter-out $(EXPAT_OUT),$(sort $(wildcard tests/test_*.c)))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
# hex text for the tests: the utsec tool's helper (not in the library)
TEST_SUPPORT := $(sort $(wildcard tests/support/*.c)) examples/utsec/hex.c

FUZZ_SRC := $(filter-out $(EXPAT_OUT),$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz-replay/%)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)

.PHONY: all lib tool examples tests test docs install uninstall clean fuzz fuzz-build \
        bench deps demo demo-gba check-symbols test-install test-mbedtls3

all: lib tool examples

examples: $(EX_BIN)

lib: $(STATIC_LIB) $(SHARED_LIB)

tool: $(TOOL)

$(BUILD)/obj/lib/%.o: lib/%.c $(HEADERS) $(PRIV_HEADERS) | $(BUILD)/obj/lib
	$(CC) $(LIB_CFLAGS) -c $< -o $@

$(STATIC_LIB): $(LIB_OBJ) | $(BUILD)/lib
	rm -f $@
	$(AR) rcs $@ $^

$(SHARED_LIB): $(LIB_OBJ) | $(BUILD)/lib
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined -Wl,--exclude-libs,ALL $(SAN_FLAGS) $(LDFLAGS) $(MBEDTLS_LDFLAGS) -o $@ $^ $(LIB_DEPS)
	ln -sf libutsec.so.$(VERSION) $(BUILD)/lib/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/lib/libutsec.so

$(TOOL): $(TOOL_SRC) $(wildcard examples/utsec/*.h) $(STATIC_LIB) | $(BUILD)/bin
	$(CC) $(APP_CFLAGS) -o $@ $(TOOL_SRC) $(APP_LDFLAGS) $(STATIC_LIB) $(LIB_DEPS)

.SECONDEXPANSION:
$(BUILD)/bin/%: $$(wildcard examples/$$*/*.c examples/$$*/*.h) $(EX_COMMON_SRC) $(wildcard examples/common/*.h) $(STATIC_LIB) | $(BUILD)/bin
	$(CC) $(APP_CFLAGS) -Iexamples/common -o $@ $(wildcard examples/$*/*.c) $(EX_COMMON_SRC) $(APP_LDFLAGS) $(STATIC_LIB) $(LIB_DEPS)

# examples/integrations/curl_gba.c (GBA for a libcurl client): links -lcurl,
# so it is built only where pkg-config finds libcurl (Debian libcurl4-openssl-dev).
CURL_GBA := $(BUILD)/bin/curl_gba
ifneq ($(shell pkg-config --exists libcurl 2>/dev/null && echo yes),)
examples tests: $(CURL_GBA)
endif
$(CURL_GBA): examples/integrations/curl_gba.c $(HEADERS) $(STATIC_LIB) | $(BUILD)/bin
	$(CC) $(APP_CFLAGS) $(shell pkg-config --cflags libcurl) -o $@ $< $(APP_LDFLAGS) $(STATIC_LIB) $(shell pkg-config --libs libcurl) $(LIB_DEPS)

$(BUILD)/tests/%: tests/%.c $(TEST_SUPPORT) $(EX_COMMON_SRC) $(wildcard examples/common/*.h) $(wildcard tests/*.h tests/support/*.h) $(STATIC_LIB) | $(BUILD)/tests
	$(CC) $(APP_CFLAGS) -Itests -Iexamples/utsec -o $@ $< $(TEST_SUPPORT) $(if $(filter test_ex_%,$*),$(EX_COMMON_SRC)) $(APP_LDFLAGS) $(STATIC_LIB) -lcmocka $(LIB_DEPS)

# Harnesses of example code #include its sources (examples/*/): depend on them.
EX_ALL_SRC := $(wildcard examples/*/*.c examples/*/*.h)
$(BUILD)/fuzz-replay/%: tests/fuzz/%.c tests/fuzz/replay_main.c $(EX_ALL_SRC) $(STATIC_LIB) | $(BUILD)/fuzz-replay
	$(CC) $(APP_CFLAGS) -Iexamples/common -o $@ $< tests/fuzz/replay_main.c $(APP_LDFLAGS) $(STATIC_LIB) $(LIB_DEPS)

tests: $(TEST_BIN) $(FUZZ_REPLAY) $(TOOL) $(EX_BIN) $(SHARED_LIB)

# One line per suite, then "N passed, N failed"; exit status non-zero on any failure.
test: tests
	@BUILD=$(BUILD) VALGRIND=$(VALGRIND) sh tests/run.sh

check-symbols: $(SHARED_LIB)
	@sh tests/check_symbols.sh $(SHARED_LIB)

test-install:
	@sh tests/test_install.sh

# Build mbedTLS 3.x from Debian's next-release source package and run the
# whole test suite against it (see tests/mbedtls3.sh).
test-mbedtls3:
	@sh tests/mbedtls3.sh

docs:
	@mkdir -p build/docs
	doxygen docs/Doxyfile

install: all
	install -d $(DESTDIR)$(INCLUDEDIR)/utsec $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(BINDIR)
	install -m 644 $(HEADERS) $(DESTDIR)$(INCLUDEDIR)/utsec/
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/
	ln -sf libutsec.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libutsec.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@LIBS_PRIVATE@|$(LIB_DEPS)|' \
	    pkgconfig/libutsec.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/libutsec.pc
	install -m 755 $(TOOL) $(DESTDIR)$(BINDIR)/utsec

uninstall:
	rm -rf $(DESTDIR)$(INCLUDEDIR)/utsec
	rm -f $(DESTDIR)$(LIBDIR)/libutsec.a $(DESTDIR)$(LIBDIR)/libutsec.so* \
	      $(DESTDIR)$(LIBDIR)/pkgconfig/libutsec.pc $(DESTDIR)$(BINDIR)/utsec

# libFuzzer builds (clang only), separate from the replay builds used by `make test`.
FUZZ_CC ?= clang
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_FLAGS := -std=c11 -g -O1 -Iinclude -Ilib -Iexamples/common -D_POSIX_C_SOURCE=200809L -DUTSEC_WITH_EXPAT=$(WITH_EXPAT)
# The library is compiled once with coverage instrumentation and shared by
# every harness (compiling it into each of them cost CI about 100 s).
FUZZ_LIB_OBJ := $(LIB_SRC:lib/%.c=build/fuzz/obj/%.o)
.SECONDARY: $(FUZZ_LIB_OBJ)

build/fuzz/obj/%.o: lib/%.c $(HEADERS) $(PRIV_HEADERS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c -o $@ $<

build/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB_OBJ) $(HEADERS) $(PRIV_HEADERS) $(EX_ALL_SRC) | build/fuzz
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_LIB_OBJ) $(LIB_DEPS)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	@set -e; for f in $(FUZZ_BIN); do \
	  name=$$(basename $$f); corpus=tests/fuzz/corpus/$${name#fuzz_}; \
	  work=build/fuzz/work/$$name; mkdir -p $$work build/fuzz/artifacts; \
	  echo "== $$name ($(FUZZ_SECONDS) s)"; \
	  if ! $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	      -artifact_prefix=build/fuzz/artifacts/$$name- $$work $$corpus \
	      >build/fuzz/$$name.log 2>&1; then \
	    grep -E 'ERROR|SUMMARY|Test unit written' build/fuzz/$$name.log; \
	    echo "crash found by $$name"; exit 1; \
	  fi; \
	  grep -E 'stat::number_of_executed_units|Done' build/fuzz/$$name.log || true; \
	done

BENCH_SRC := $(sort $(wildcard tests/bench/*.c))
bench: $(STATIC_LIB)
	@mkdir -p $(BUILD)/bench
	$(CC) $(APP_CFLAGS) -O2 -o $(BUILD)/bench/bench $(BENCH_SRC) $(APP_LDFLAGS) $(STATIC_LIB) $(LIB_DEPS)
	$(BUILD)/bench/bench

# The README's main command: the 11-step Ut lab scenario (examples/README.md).
demo: $(TOOL) $(EX_BIN)
	@sh examples/demo/run_demo.sh $(BUILD)/bin

# The worked GBA key example with the `utsec` tool (AKA outputs to Ut keys).
demo-gba: $(TOOL)
	@sh examples/gba_worked_example.sh $(TOOL)

DEBIAN_DEPS := build-essential clang libmbedtls-dev libcmocka-dev doxygen valgrind pkg-config libexpat1-dev openssl curl python3 python3-requests libcurl4-openssl-dev cppcheck clang-tidy
deps:
	@missing=""; for p in $(DEBIAN_DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "dependencies present"; fi

$(BUILD)/obj/lib $(BUILD)/lib $(BUILD)/bin $(BUILD)/tests $(BUILD)/fuzz-replay build/fuzz:
	mkdir -p $@

clean:
	rm -rf build

# lint, ct-check, size, fuzz-ci (issue 8; docs/hardening.md)
include mk/hardening.mk
