# Hardening checks of issue 8 (docs/hardening.md). Included by the Makefile.
#
#   make lint        cppcheck + clang-tidy (.clang-tidy, tests/hardening/cppcheck.supp)
#   make ct-check    tests/ct/ct_*.c under valgrind with secrets marked undefined
#   make size        -Os footprint (.text/.data/.bss) and worst-case stack per public call
#   make fuzz-ci     every tests/fuzz/fuzz_*.c for FUZZ_CI_SECONDS (30) each, -j2 friendly
#
# The allocation-counting and wipe-after-free tests are ordinary cmocka suites
# (tests/test_noalloc.c, tests/test_wipe.c) run by `make test`.

.PHONY: lint lint-cppcheck lint-clang-tidy ct-check ct-build ct-selftest size fuzz-ci

# ---- lint -------------------------------------------------------------------
LINT_DIRS := lib include examples
LINT_C := $(sort $(wildcard lib/*.c examples/*/*.c))
CLANG_TIDY ?= clang-tidy
CPPCHECK ?= cppcheck
LINT_DEFS := -std=c11 -Iinclude -Ilib -Iexamples/common -DUTSEC_BUILDING -D_POSIX_C_SOURCE=200809L -DUTSEC_WITH_EXPAT=1

lint: lint-cppcheck lint-clang-tidy
	@echo "lint: clean"

# --error-exitcode turns any finding into a failure; suppressions (with the
# reason for each) live in tests/hardening/cppcheck.supp.
lint-cppcheck:
	$(CPPCHECK) --quiet --error-exitcode=1 --std=c11 --language=c \
	  --enable=warning,style,performance,portability --inline-suppr \
	  --suppressions-list=tests/hardening/cppcheck.supp \
	  -D__GNUC__ -Iinclude -Ilib -Iexamples/common $(LINT_DIRS)

# Configuration in .clang-tidy (WarningsAsErrors: '*').
# One process per file: clang-tidy 14 run over many files at once reports
# spurious clang-analyzer-valist.Uninitialized findings in later files.
lint-clang-tidy:
	@printf '%s\n' $(LINT_C) | xargs -P 2 -I{} $(CLANG_TIDY) --quiet {} -- $(LINT_DEFS)

# ---- constant-time check ----------------------------------------------------
# Every tests/ct/ct_<module>.c is a program of its own: it marks secrets
# undefined (tests/ct/ct.h) and runs the secret-handling calls; memcheck then
# reports any branch, conditional move or address computed from a secret.
CT_SRC := $(sort $(wildcard tests/ct/ct_*.c))
CT_BIN := $(CT_SRC:tests/ct/%.c=$(BUILD)/ct/%)
CT_VALGRIND := valgrind -q --tool=memcheck --error-exitcode=99 --track-origins=yes

# Built from the library sources with the library's CFLAGS (no sanitizer),
# plus -gdwarf-4: Debian 12's valgrind 3.19 cannot read clang 14's DWARF 5.
CT_CFLAGS := $(WARN) $(CFLAGS) -gdwarf-4 -DUTSEC_CT_CHECK -Iinclude -Ilib -Itests/ct -D_POSIX_C_SOURCE=200809L

$(BUILD)/ct/%: tests/ct/%.c tests/ct/ct.h $(LIB_SRC) $(HEADERS) $(PRIV_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CT_CFLAGS) -o $@ $< $(LIB_SRC) $(LIB_DEPS)

ct-build: $(CT_BIN) $(BUILD)/ct/leak_selftest

# The self-test proves the harness can fail: a secret-indexed table lookup
# and a secret-dependent branch must both be reported.
ct-selftest: $(BUILD)/ct/leak_selftest
	@out=$$($(CT_VALGRIND) $< 2>&1); rc=$$?; \
	n=$$(printf '%s\n' "$$out" | grep -c -E 'depends on uninitialised|Use of uninitialised value' || true); \
	if [ $$rc -eq 99 ] && [ $$n -ge 2 ]; then echo "ct self-test: $$n reports as expected (harness works)"; \
	else echo "ct self-test FAILED: rc=$$rc reports=$$n"; printf '%s\n' "$$out"; exit 1; fi

$(BUILD)/ct/leak_selftest: tests/ct/leak_selftest.c tests/ct/ct.h
	@mkdir -p $(@D)
	$(CC) $(CT_CFLAGS) -o $@ $<

ct-check: ct-build ct-selftest
	@fail=0; for t in $(CT_BIN); do \
	  if $(CT_VALGRIND) $$t; then echo "PASS $$(basename $$t): 0 reports"; \
	  else echo "FAIL $$(basename $$t): valgrind report (secret-dependent branch or index) or failed check, see above"; fail=1; fi; \
	done; exit $$fail

# ---- footprint --------------------------------------------------------------
# The library alone (no mbedTLS), -Os, with GCC's -fstack-usage and
# -fcallgraph-info so that tests/hardening/stack_report.py can add the frames
# along every call path of each exported function.
SIZE_CC ?= gcc
SIZE_DIR := build/size
SIZE_OBJ := $(LIB_SRC:lib/%.c=$(SIZE_DIR)/%.o)
SIZE_TEXT_MAX ?= 65536
SIZE_STACK_MAX ?= 4096
# Stack charged to a call through a function pointer (USIM / RNG / clock
# callbacks); empty: an indirect call fails the target. Document the value
# in docs/hardening.md when a module sets it. 0: callbacks are the caller's
# code and their stack is the caller's budget; the figure is libutsec's own.
SIZE_CALLBACK_STACK ?= 0

# Without unwind tables (.eh_frame, which GNU size counts as text: 17.4 KiB
# of the 87.7 KiB measured with them): a C library needs none, and a
# footprint-sensitive (embedded) build omits them. docs/hardening.md.
SIZE_CFLAGS ?= -Os -fno-asynchronous-unwind-tables -fno-unwind-tables

$(SIZE_DIR)/%.o: lib/%.c $(HEADERS) $(PRIV_HEADERS) mk/hardening.mk
	@mkdir -p $(@D)
	$(SIZE_CC) $(WARN) $(SIZE_CFLAGS) -Iinclude -fPIC -fvisibility=hidden -DUTSEC_BUILDING \
	  -fstack-usage -fcallgraph-info=su -c $< -o $@

size: $(SIZE_OBJ)
	@sh tests/hardening/linked_size.sh $(SIZE_DIR) "$(SIZE_CC)" "$(MBEDTLS_CFLAGS) -DUTSEC_WITH_EXPAT=$(WITH_EXPAT)" \
	  "$(MBEDTLS_LDFLAGS) $(LIB_DEPS)"
	@python3 tests/hardening/stack_report.py --text-max $(SIZE_TEXT_MAX) \
	  --stack-max $(SIZE_STACK_MAX) \
	  $(if $(SIZE_CALLBACK_STACK),--indirect-budget $(SIZE_CALLBACK_STACK)) $(SIZE_OBJ)

# ---- fuzzing in CI ----------------------------------------------------------
# One run per harness so that `make -j2 fuzz-ci` uses both cores. A crash,
# leak, timeout or sanitizer report makes libFuzzer exit non-zero, which
# fails the target; the reproducer goes to build/fuzz/artifacts/.
FUZZ_CI_SECONDS ?= 30
FUZZ_CI_RUNS := $(FUZZ_SRC:tests/fuzz/%.c=fuzz-ci-run/%)

fuzz-ci: $(FUZZ_CI_RUNS)
	@echo "fuzz-ci: $(words $(FUZZ_CI_RUNS)) harnesses, $(FUZZ_CI_SECONDS) s each, no findings"

fuzz-ci-run/%: build/fuzz/%
	@name=$*; work=build/fuzz/work/$$name; art=build/fuzz/artifacts; \
	mkdir -p $$work $$art; log=build/fuzz/$$name.log; \
	if build/fuzz/$$name -max_total_time=$(FUZZ_CI_SECONDS) -timeout=10 -rss_limit_mb=1024 \
	     -print_final_stats=1 -artifact_prefix=$$art/$$name- \
	     $$work tests/fuzz/corpus/$${name#fuzz_} >$$log 2>&1; then \
	  echo "$$name: $$(grep -E '^stat::number_of_executed_units' $$log | awk '{print $$2}') execs in $(FUZZ_CI_SECONDS) s, $$(ls $$work | wc -l) units in build/fuzz/work, no findings"; \
	else \
	  echo "$$name: FAILED"; grep -E 'ERROR|SUMMARY|Test unit written' $$log; exit 1; \
	fi
