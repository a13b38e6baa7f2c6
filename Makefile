# dyad - plain Makefile.  Targets: all (build/dyad), test, bench, eval, install,
# sanitize (tests under AddressSanitizer + UBSan), fuzz (libFuzzer target),
# clean.

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wshadow -Wconversion \
           -Wmissing-prototypes -Wstrict-prototypes -Wno-sign-conversion -Werror=implicit-function-declaration
CPPFLAGS += -Iinclude -DDYAD_DATADIR='"$(PREFIX)/share/dyad"'
LIBS    := -lcjson -lz -lzstd -lm

# Library sources, in pipeline order: base, input, text, time, syntax, dict, coding, places,
# output, engine.
LIB_SRC := $(wildcard src/base/*.c) $(wildcard src/input/*.c) \
           $(wildcard src/text/*.c) $(wildcard src/time/*.c) $(wildcard src/syntax/*.c) $(wildcard src/dict/*.c) \
           $(wildcard src/coding/*.c) $(wildcard src/places/*.c) $(wildcard src/resolve/*.c) $(wildcard src/output/*.c) $(wildcard src/*.c)
CLI_SRC := $(wildcard cli/*.c)
UNIT_SRC := $(wildcard tests/unit/*.c)

# The gazetteer's compiled image (loads in milliseconds), made from its
# committed source TSV (scripts/geo/gazetteer.sh regenerates that).
GAZ_TSV := data/geo/gazetteer.tsv.gz
GAZ_BIN := data/geo/gazetteer.bin

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)

all: $(BUILD)/dyad $(GAZ_BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LIBS)

$(GAZ_BIN): $(GAZ_TSV) src/places/gazetteer.c | $(BUILD)/dyad
	$(BUILD)/dyad gazetteer compile --gazetteer $(GAZ_TSV) --out $@.tmp && mv $@.tmp $@

$(BUILD)/unit: $(UNIT_OBJ) $(BUILD)/libdyad.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libdyad.a $(LIBS)

$(BUILD)/golden: tests/golden.c
	@mkdir -p $(BUILD)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -o $@ tests/golden.c

# The whole test suite: unit tests, golden files, robustness checks.  The
# last line printed is "N passed, N failed".
test: $(BUILD)/dyad $(GAZ_BIN) $(BUILD)/unit $(BUILD)/golden
	@BUILD=$(BUILD) sh tests/run.sh

# Tests under AddressSanitizer + UBSan, in a separate build tree.
sanitize:
	$(MAKE) BUILD=build-san OPT=-O1 \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" test

# libFuzzer targets: the readers and the text layer (story), the dictionary
# readers (dict), the coder with the test dictionaries (code; run from the
# repository root) (clang).
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
fuzz: build-fuzz/fuzz_story build-fuzz/fuzz_dict build-fuzz/fuzz_code
build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_SRC) $(wildcard src/*/*.h include/*.h)
	@mkdir -p build-fuzz
	clang $(CPPFLAGS) $(FUZZ_CFLAGS) -o $@ $< $(LIB_SRC) $(LIBS)

# A bounded fuzzing run of every target (CI): FUZZ_SECONDS each, from the
# committed seeds; a crash fails the run and leaves its input in build-fuzz/.
FUZZ_SECONDS ?= 30
fuzz-run: fuzz
	@for t in story dict code; do \
	  mkdir -p build-fuzz/corpus-$$t && cp tests/fuzz/$$t-seeds/* build-fuzz/corpus-$$t/ && \
	  if build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 \
	      -artifact_prefix=build-fuzz/ build-fuzz/corpus-$$t >build-fuzz/$$t.log 2>&1; then \
	    echo "fuzz_$$t: $$(grep -c . build-fuzz/$$t.log) log lines, no crash"; \
	  else \
	    grep -E 'ERROR|runtime error|SUMMARY|Test unit written' build-fuzz/$$t.log; exit 1; \
	  fi; \
	done

# Benchmark of the text layer on the Reuters corpus (needs ../shared).
bench: $(BUILD)/dyad
	@sh bench/bench.sh $(BUILD)/dyad

# Accuracy on the development gold sets (EVALUATION.md; needs ../shared):
# `dyad eval` on every gold-dev file once per entry of EVAL_DICTS, a
# dictionary config, or "builtin" for the built-in set (no --dict); then
# the dates metric on timex-dev (TimeBank, AQUAINT).
SHARED     ?= ../shared
GOLD_DEV   := $(SHARED)/data/gold-dev
TIMEX_DEV  := $(SHARED)/data/timex-dev
GEO_DEV    := $(SHARED)/data/geo-dev
EVAL_DICTS ?= builtin $(SHARED)/data/reference-dicts/PETR1_config.ini \
              $(SHARED)/data/reference-dicts/PETR_config.ini
eval: $(BUILD)/dyad $(GAZ_BIN)
	@if [ ! -d $(GOLD_DEV) ]; then echo "eval: skipped: $(GOLD_DEV) is absent"; exit 0; fi; \
	st=0; for d in $(EVAL_DICTS); do \
	  echo "### dictionaries: $$d"; \
	  if [ "$$d" = builtin ]; then opt=""; else opt="--dict $$d"; fi; \
	  $(BUILD)/dyad eval $$opt $(GOLD_DEV)/*.jsonl || st=1; \
	done; \
	if [ -d $(TIMEX_DEV) ]; then \
	  echo "### time expressions (no dictionaries involved)"; \
	  $(BUILD)/dyad eval $(TIMEX_DEV)/*.jsonl || st=1; \
	fi; \
	if [ -d $(GEO_DEV) ]; then \
	  echo "### toponyms (the gazetteer, no dictionaries involved)"; \
	  $(BUILD)/dyad eval $(GEO_DEV)/*.jsonl || st=1; \
	fi; exit $$st

install: $(BUILD)/dyad $(BUILD)/libdyad.a $(GAZ_BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 $(BUILD)/libdyad.a $(DESTDIR)$(PREFIX)/lib/libdyad.a
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/dyad.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|'`sed -n 's/^#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h`'|g' \
	  doc/dyad.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/dyad.pc
	install -m 644 doc/dyad.1 $(DESTDIR)$(PREFIX)/share/man/man1/dyad.1
	install -d $(DESTDIR)$(PREFIX)/share/dyad/models
	for f in data/models/*.bin; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(PREFIX)/share/dyad/models/; done; true
	install -d $(DESTDIR)$(PREFIX)/share/dyad/geo
	install -m 644 $(GAZ_BIN) $(DESTDIR)$(PREFIX)/share/dyad/geo/gazetteer.bin
	install -d $(DESTDIR)$(PREFIX)/share/dyad/dict
	for f in data/dict/*.ini data/dict/*.actors data/dict/*.agents data/dict/*.verbs data/dict/*.discards; do \
	  [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(PREFIX)/share/dyad/dict/; done; true

clean:
	rm -rf build build-san build-fuzz

.PHONY: all test sanitize fuzz fuzz-run bench eval install clean
-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
