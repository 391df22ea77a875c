# winnow -- build, test, demo, benchmarks.
#
#   make            build ./winnow and ./libwinnow.a
#   make demo       install missing packages, build, run winnow on the bundled sample
#   make test       install missing packages, build, run unit + end-to-end tests
#   make asan       the whole test suite under AddressSanitizer + UBSan (clang)
#   make tsan       the whole test suite under ThreadSanitizer (clang)
#   make bench      speed / memory / accuracy benchmarks (see benchmarks/README.md)
#   make fuzz       libFuzzer on the reader and the ingest, FUZZ_SECONDS (default 60) each, seeded
#                   with testdata/ingest and the rows of testdata/sample
#   make lint       cppcheck + clang-tidy;  make format  clang-format in place
#   make deps       install the Debian packages the build needs (as root, or via sudo)

CC       ?= cc
BUILD    ?= build
OPTFLAGS ?= -O2
PKGS      = yaml-0.1 libxxhash zlib libutf8proc
TEST_PKGS = cmocka

WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wpointer-arith -Wformat=2 -Wno-format-nonliteral -Wvla
BASEFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -g -pthread -MMD -MP
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(BASEFLAGS) $(OPTFLAGS) $(WARN) $(PKG_CFLAGS) -Iengine $(CFLAGS)
LIBS       = $(PKG_LIBS) -lcsv -lm -pthread

ENGINE_SRC = $(sort $(wildcard engine/*.c))
CLI_SRC    = $(sort $(wildcard cli/*.c))
UNIT_SRC   = $(sort $(wildcard tests/unit/test_*.c))
# Rules and reference tables compiled into the library (see engine/embedded.h).
RULES_FILES = $(sort $(wildcard rules/*.yaml rules/data/*.csv rules/vendors/*.yaml))
ENGINE_OBJ = $(ENGINE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded_data.o
CLI_OBJ    = $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo test unit e2e asan tsan bench lint format clean check-deps fuzz

all: winnow libwinnow.a

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -Icli -c $< -o $@

$(BUILD)/gen/embedded_data.c: $(RULES_FILES) scripts/embed.sh
	@mkdir -p $(dir $@)
	@echo "  EMBED   rules/"
	@./scripts/embed.sh $(RULES_FILES) > $@

$(BUILD)/gen/embedded_data.o: $(BUILD)/gen/embedded_data.c
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libwinnow.a: $(ENGINE_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(BUILD)/winnow: $(CLI_OBJ) $(BUILD)/libwinnow.a
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libwinnow.a $(LIBS)

winnow: $(BUILD)/winnow
	@cp $< $@

libwinnow.a: $(BUILD)/libwinnow.a
	@cp $< $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libwinnow.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $<"
	@$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags $(TEST_PKGS)) -Itests/unit $< \
	    $(BUILD)/libwinnow.a $(LIBS) $(shell pkg-config --libs $(TEST_PKGS)) -o $@

# Installs what is missing (a no-op when everything is there).
deps:
	@./scripts/deps.sh

check-deps:
	@./scripts/deps.sh --check

demo: deps
	@$(MAKE) --no-print-directory all
	./scripts/demo.sh

# The test command README gives. Ends with "N passed, N failed".
test: deps
	@$(MAKE) --no-print-directory all units
	@./tests/run.sh $(BUILD)

units: $(UNIT_BIN) $(BUILD)/tests/phone_driver

# wn_phone_normalize() on stdin lines, for tests/e2e/test_phone_reference.sh.
$(BUILD)/tests/phone_driver: tests/conformance/phone_driver.c $(BUILD)/libwinnow.a
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $< $(BUILD)/libwinnow.a $(LIBS) -o $@

# The same suite built with clang under ThreadSanitizer.
tsan:
	@./scripts/deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory CC=clang BUILD=build-tsan OPTFLAGS="-O1" \
	    CFLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=thread" build-tsan/winnow units
	@# without address randomisation: clang 14's TSan cannot map its shadow
	@# memory on kernels with many random mmap bits
	@TSAN_OPTIONS=halt_on_error=1 setarch "$$(uname -m)" -R ./tests/run.sh build-tsan

# The same suite built with clang under AddressSanitizer + UBSan.
asan:
	@./scripts/deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory CC=clang BUILD=build-asan OPTFLAGS="-O1" \
	    CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" build-asan/winnow units
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    ./tests/run.sh build-asan

# libFuzzer (clang) under AddressSanitizer + UBSan, FUZZ_SECONDS on each
# target: the reader (any bytes as a file), then the ingest (any bytes as
# the rows of a HubSpot export, on one thread and on three). The corpora
# grow in build-fuzz/corpus and corpus-ingest; a crash leaves its input in
# build-fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = build-fuzz/fuzz_reader build-fuzz/fuzz_ingest
fuzz:
	@./scripts/deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory CC=clang BUILD=build-fuzz OPTFLAGS="-O1" \
	    CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
	    build-fuzz/libwinnow.a
	@for t in $(FUZZ_TARGETS); do \
	    clang $(BASEFLAGS) -O1 $(WARN) $(PKG_CFLAGS) -Iengine \
	        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	        tests/fuzz/$${t#build-fuzz/}.c build-fuzz/libwinnow.a $(LIBS) -o $$t || exit 1; \
	done
	@mkdir -p build-fuzz/corpus build-fuzz/corpus-ingest
	@cp -n testdata/ingest/* build-fuzz/corpus/
	@tail -n +2 testdata/sample/hubspot_contacts.csv > build-fuzz/corpus-ingest/hubspot_rows
	cd build-fuzz && ./fuzz_reader -max_total_time=$(FUZZ_SECONDS) -max_len=65536 corpus
	cd build-fuzz && ./fuzz_ingest -max_total_time=$(FUZZ_SECONDS) -max_len=16384 corpus-ingest

bench: all
	@$(MAKE) --no-print-directory -C benchmarks

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	    --inline-suppr --std=c11 -Iengine -Icli engine cli
	clang-tidy --quiet $(ENGINE_SRC) $(CLI_SRC) -- $(BASEFLAGS) $(PKG_CFLAGS) -Iengine -Icli

format:
	clang-format -i engine/*.[ch] cli/*.[ch] tests/unit/*.[ch] tests/fuzz/*.c benchmarks/*.c

clean:
	rm -rf build build-asan build-tsan build-fuzz winnow libwinnow.a

-include $(ENGINE_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
