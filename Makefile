# ally: utilities for the coordinators of Allies networks.
# make, make check, make demo, make install, make clean.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR	?=

CC	?= cc
CFLAGS	?= -g -O2
HARDEN	?= -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
HARDEN_LD ?= -pie -Wl,-z,relro,-z,now
ALLY_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Ilib $(HARDEN) $(CFLAGS)
LDLIBS	= -lsqlite3 -lsodium -lyaml -lcsv -lm
AR	?= ar
PROVE	?= prove
SANLOG	?= /tmp/ally-sanitizer-$(shell id -u)

LIB_SRC	= $(sort $(wildcard lib/*.c))
LIB_OBJ	= $(LIB_SRC:.c=.o)
LIB_HDR	= $(sort $(wildcard lib/*.h)) lib/fields.def
CMDS	= $(patsubst %.c,%,$(sort $(wildcard bin/*.c)))
UNIT_SRC = $(sort $(wildcard tests/unit/*.c))
UNITS	= $(UNIT_SRC:.c=)
MAN1	= $(wildcard man/*.1)
MAN5	= $(wildcard man/*.5)
MAN7	= $(wildcard man/*.7)

# Debian packages: to build, and what the tests and the demo use.
DEB_BUILD = gcc make libc6-dev libsqlite3-dev libyaml-dev libcsv-dev gettext \
	libsodium-dev
DEB_CHECK = perl sqlite3 mandoc faketime python3 python3-icalendar \
	python3-vobject python3-yaml python3-ruamel.yaml python3-dateutil \
	libical-dev groff poppler-utils locales librsvg2-bin

# Translations (issue 11): po/LANG.po, compiled into the build tree's
# locale/LANG/LC_MESSAGES/ally.mo (where the tests find them through
# ALLY_LOCALEDIR) and installed under LOCALEDIR.
LANGS	= $(patsubst po/%.po,%,$(wildcard po/*.po))
MO	= $(LANGS:%=locale/%/LC_MESSAGES/ally.mo)
all: $(CMDS) $(UNITS) $(MO) bin/ally.bash

locale/%/LC_MESSAGES/ally.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check --strict -o $@ $<

# The template, from the sources and the headers (opt.h's common
# options are marked there); `make update-po` merges it into every
# po/LANG.po (then translate what msgmerge marks fuzzy or leaves empty).
po/ally.pot: $(LIB_SRC) $(LIB_HDR) $(wildcard bin/*.c)
	sh po/xgettext.sh $@ $(LIB_SRC) $(LIB_HDR) $(wildcard bin/*.c)

update-po: po/ally.pot
	for l in $(LANGS); do \
		msgmerge --quiet --update --backup=none --no-wrap \
		    --no-fuzzy-matching po/$$l.po po/ally.pot || exit 1; \
	done

lib/libally.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

lib/%.o: lib/%.c $(LIB_HDR)
	$(CC) $(ALLY_CFLAGS) -c -o $@ $<

lib/i18n.o: lib/i18n.c $(LIB_HDR) Makefile
	$(CC) $(ALLY_CFLAGS) -DLOCALEDIR='"$(LOCALEDIR)"' -c -o $@ lib/i18n.c

bin/%: bin/%.c lib/libally.a $(LIB_HDR)
	$(CC) $(ALLY_CFLAGS) $(LDFLAGS) $(HARDEN_LD) -o $@ $< lib/libally.a \
		$(LDLIBS)

# The bash completion: its template with the value lists of the field
# tables (lib/fields.c) in place, so that it offers what the commands
# accept.
tools/gencompletion: tools/gencompletion.c lib/libally.a $(LIB_HDR)
	$(CC) $(ALLY_CFLAGS) $(LDFLAGS) $(HARDEN_LD) -o $@ $< lib/libally.a \
		$(LDLIBS)

bin/ally.bash: bin/ally.bash.in tools/gencompletion
	tools/gencompletion < bin/ally.bash.in > $@.tmp && mv $@.tmp $@

tests/unit/%: tests/unit/%.c tests/unit/tap.h lib/libally.a $(LIB_HDR)
	$(CC) $(ALLY_CFLAGS) $(LDFLAGS) $(HARDEN_LD) -o $@ $< lib/libally.a \
		$(LDLIBS)

# Install what is missing, as root, on Debian; elsewhere say what is needed.
deps-build:
	@sh tests/deps.sh $(DEB_BUILD)
deps-check:
	@sh tests/deps.sh $(DEB_BUILD) $(DEB_CHECK)
	@sh tests/locale.sh nl_NL.UTF-8
deps-fuzz:
	@sh tests/deps.sh $(DEB_BUILD) clang libclang-rt-14-dev

check: deps-check
	$(MAKE) all
	$(PROVE) tests/*.t

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan: deps-check
	$(MAKE) clean
	$(MAKE) all HARDEN= HARDEN_LD= \
		CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined"
	rm -rf $(SANLOG) && mkdir -p $(SANLOG)
	ALLY_SANITIZED=1 \
	ASAN_OPTIONS=detect_leaks=1:verify_asan_link_order=0:log_path=$(SANLOG)/asan \
	UBSAN_OPTIONS=print_stacktrace=1:log_path=$(SANLOG)/ubsan \
		$(PROVE) tests/*.t
	@# A finding in a process whose exit status no test looked at still fails.
	@if ls $(SANLOG)/* >/dev/null 2>&1; then \
		cat $(SANLOG)/*; echo "sanitizer findings: see above"; exit 1; \
	fi
	$(MAKE) clean

demo: deps-build
	@sh tests/deps.sh locales
	@sh tests/locale.sh nl_NL.UTF-8
	@$(MAKE) -s --no-print-directory $(CMDS) $(MO)
	@sh examples/demo.sh

lint:
	mandoc -Tlint -W warning $(MAN1) $(MAN5) $(MAN7)

# make install: the commands, the manual pages, and the bash completion,
# bin/ally.bash, as one file per command under the command's name in
# BASHCOMPDIR, where bash-completion loads it when the command is first
# completed.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

install: $(CMDS) $(MO) bin/ally.bash
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(CMDS) $(DESTDIR)$(BINDIR)
	for m in $(MAN1) $(MAN5) $(MAN7); do \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man$${m##*.} || exit 1; \
	done
	for c in $(CMDS); do \
		install -m 644 bin/ally.bash \
		    $(DESTDIR)$(BASHCOMPDIR)/$${c##*/} || exit 1; \
	done
	for l in $(LANGS); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 locale/$$l/LC_MESSAGES/ally.mo \
		    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ally.mo || exit 1; \
	done

clean:
	rm -f lib/*.o lib/libally.a $(CMDS) $(UNITS) lib/*.gcda lib/*.gcno \
		po/ally.pot tools/gencompletion bin/ally.bash bin/ally.bash.tmp
	rm -rf locale

.PHONY: all check check-asan demo deps-build deps-check install clean lint \
	update-po

# ---- Reliability (issue 9): fuzzing, valgrind, coverage ------------------
# fuzz/fuzz_NAME.c are libFuzzer harnesses of the record readers.  Each is
# also linked with fuzz/replay.c, a plain main, into fuzz/out/replay-NAME;
# `all` builds those, so that `make check` (and check-asan, check-valgrind)
# replays fuzz/corpus/NAME and every crash in fuzz/crashes/NAME through
# tests/0905-fuzz-replay.t without libFuzzer.
FUZZ_NAMES	= $(patsubst fuzz/fuzz_%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
FUZZ_REPLAY	= $(FUZZ_NAMES:%=fuzz/out/replay-%)
FUZZ_BIN	= $(FUZZ_NAMES:%=fuzz/out/fuzz-%)
FUZZ_HDR	= $(wildcard fuzz/*.h)
FUZZ_SECONDS	?= 60
FUZZ_CC		?= clang
FUZZ_CFLAGS	= -std=c11 -D_GNU_SOURCE -Ilib -Ifuzz -g -O2 \
	-fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
VG_TREE		?= /tmp/ally-valgrind-$(shell id -u)
COV_TREE	?= /tmp/ally-coverage-$(shell id -u)
# The tree without its history and scratch, for the builds below.
COPY_TREE	= tar --exclude=./.git --exclude=./fuzz/out -cf - .

all: $(FUZZ_REPLAY)

fuzz/out/replay-%: fuzz/fuzz_%.c fuzz/replay.c $(FUZZ_HDR) lib/libally.a \
    $(LIB_HDR)
	@mkdir -p fuzz/out
	$(CC) $(ALLY_CFLAGS) -Ifuzz $(LDFLAGS) $(HARDEN_LD) -o $@ \
		fuzz/fuzz_$*.c fuzz/replay.c lib/libally.a $(LDLIBS)

# The library is compiled into each harness, instrumented for coverage.
fuzz/out/fuzz-%: fuzz/fuzz_%.c $(FUZZ_HDR) $(LIB_SRC) $(LIB_HDR)
	@mkdir -p fuzz/out
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ fuzz/fuzz_$*.c $(LIB_SRC) $(LDLIBS)

# Each harness for FUZZ_SECONDS, from the seeds in fuzz/corpus/NAME; what
# it learns stays in fuzz/out/corpus-NAME, a crash or a hang (10 s) lands
# in fuzz/crashes/NAME/ and fails the run (and `make check` until fixed).
fuzz: deps-fuzz
	$(MAKE) $(FUZZ_BIN)
	$(MAKE) run-fuzz

run-fuzz:
	@for n in $(FUZZ_NAMES); do \
		mkdir -p fuzz/out/corpus-$$n fuzz/crashes/$$n || exit 1; \
		echo "fuzz-$$n: $(FUZZ_SECONDS) s, log in fuzz/out/fuzz-$$n.log"; \
		fuzz/out/fuzz-$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		    -print_final_stats=1 -artifact_prefix=fuzz/crashes/$$n/ \
		    fuzz/out/corpus-$$n fuzz/corpus/$$n \
		    >fuzz/out/fuzz-$$n.log 2>&1 || \
		    { tail -40 fuzz/out/fuzz-$$n.log; exit 1; }; \
		grep -E '^(Done|stat::number_of_executed_units)' \
		    fuzz/out/fuzz-$$n.log; \
	done

# The suite with every command, unit test and replay driver under
# valgrind, in a copy of the tree built without sanitizers: each program
# becomes a script that runs the real one under valgrind, and any error
# or leak it logs fails the run, whatever the test looked at.
check-valgrind: deps-check
	@sh tests/deps.sh valgrind
	rm -rf $(VG_TREE) && mkdir -p $(VG_TREE)/log
	$(COPY_TREE) | tar -C $(VG_TREE) -xf -
	cd $(VG_TREE) && $(MAKE) clean && $(MAKE) all CFLAGS="-g -O1"
	cd $(VG_TREE) && sh tests/tools/valgrind-wrap.sh log $(CMDS) \
		$(UNITS) $(FUZZ_REPLAY)
	cd $(VG_TREE) && ALLY_VALGRIND=1 $(PROVE) tests/*.t
	@if [ -n "$$(find $(VG_TREE)/log -type f -size +0)" ]; then \
		cat $(VG_TREE)/log/*; echo "valgrind findings: see above"; \
		exit 1; \
	fi
	rm -rf $(VG_TREE)

# Line coverage of lib/ by the whole suite, from a gcc --coverage build
# in a copy of the tree; the annotated lib/*.gcov stay in COV_TREE.
coverage: deps-check
	rm -rf $(COV_TREE) && mkdir -p $(COV_TREE)
	$(COPY_TREE) | tar -C $(COV_TREE) -xf -
	cd $(COV_TREE) && $(MAKE) clean && $(MAKE) all CC=gcc HARDEN= \
		HARDEN_LD= CFLAGS="-g -O0 --coverage" LDFLAGS=--coverage
	cd $(COV_TREE) && ALLY_TEST_LDFLAGS=--coverage $(PROVE) tests/*.t
	cd $(COV_TREE) && sh tests/tools/coverage-report.sh

clean: clean-fuzz
clean-fuzz:
	rm -f $(FUZZ_REPLAY) $(FUZZ_BIN)

.PHONY: fuzz run-fuzz deps-fuzz check-valgrind coverage clean-fuzz

# ---- benchmarks (issue 10; not part of check) --------------------------
# make bench: every figure against the sqlite3 shell on the same data, in
# one run (see BENCHMARKS.md).  BENCH_SCALE=10 runs at a tenth of the
# default scale, BENCH_RUNS=5 times each; the data goes to $TMPDIR.
BENCH_BIN = bench/gen bench/timeit

bench/gen: bench/gen.c lib/libally.a $(LIB_HDR)
	$(CC) $(ALLY_CFLAGS) $(LDFLAGS) $(HARDEN_LD) -o $@ $< lib/libally.a \
		$(LDLIBS)

bench/timeit: bench/timeit.c
	$(CC) $(ALLY_CFLAGS) $(LDFLAGS) $(HARDEN_LD) -o $@ $<

bench: deps-check $(CMDS) $(BENCH_BIN)
	sh bench/run.sh

# make bench-instructions: the start-up and ingest figures counted in
# instructions (callgrind), which the machine's load does not move; with
# BENCH_TREES="../old ." two built checkouts side by side.
BENCH_TREES ?= .
bench-instructions: deps-check $(CMDS) $(BENCH_BIN)
	@sh tests/deps.sh valgrind
	sh bench/instructions.sh $(BENCH_TREES)

clean: clean-bench
clean-bench:
	rm -f $(BENCH_BIN)

.PHONY: bench bench-instructions clean-bench
